"""A persistent SPARQL store for a build folder: ``OUT/.qagraph/store/``, made once, reused.

:func:`open_store` bulk-loads the part files of the build's RDF export into an embedded
Oxigraph store (on disk, RocksDB) the first time, and opens that store again, read-only,
as long as the part files are the ones it was loaded from: a query on a 36,000-article
build then starts in milliseconds instead of parsing hundreds of megabytes.

Each store is a folder ``db-<digest>`` named by a digest of the part files it holds
(names and content; the content digest of a file is recomputed only when its size or
modification time changed). A store is built in a temporary folder and renamed into
place when complete, under an exclusive lock, so two processes opening the same build
at once load it once and never see half a store; older stores are removed. Stores are
opened read-only: any number of processes can query one at the same time.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import StoreError, UsageError
from .formats import format_of
from .query import rdf_files

__all__ = ["STORE_DIR", "current_store", "open_store", "store_digest"]

#: where a build folder keeps its store
STORE_DIR = Path(".qagraph") / "store"
_READY = "complete"
#: how the store lays the statements out; part of the digest, so a new layout makes a new store
_LAYOUT = "named graphs + merged default graph"


def _file_digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()


def store_digest(out: str | os.PathLike[str]) -> str:
    """The digest of the RDF files :func:`open_store` loads from build folder ``out``.

    File content digests are cached in ``OUT/.qagraph/store/digests.json`` by size, inode,
    modification and status-change time, so an unchanged build costs a ``stat`` per part file.
    Not by size and modification time alone: a part edited in place to the same size with its
    time set back (``touch -d``), or written again within the tick of a file system's clock,
    kept its old digest, and every query answered from the store of the old part.
    """
    out = Path(out)
    files = rdf_files(out)
    root = out / STORE_DIR
    cache_path = root / "digests.json"
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cache = {}
    fresh: dict[str, list[Any]] = {}
    total = hashlib.blake2b(_LAYOUT.encode(), digest_size=16)
    for file in files:
        st = file.stat()
        entry = cache.get(file.name)
        signature = [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]
        if not (isinstance(entry, list) and len(entry) == 5 and entry[:4] == signature):
            entry = [*signature, _file_digest(file)]
        fresh[file.name] = entry
        total.update(f"{file.name}\0{entry[4]}\n".encode())
    if fresh != cache:
        try:
            root.mkdir(parents=True, exist_ok=True)
            tmp = root / f".digests.{os.getpid()}.{secrets.token_hex(4)}"
            tmp.write_text(json.dumps(fresh, sort_keys=True), encoding="utf-8")
            os.replace(tmp, cache_path)
        except OSError:
            pass  # a read-only build folder: recompute next time
    return total.hexdigest()


#: bytes of N-Quads given to one bulk load: each load writes its own sorted files into RocksDB, so
#: 2,048 loads of the 36,000-article build's 1,024 parts (two each) took 74 s and 126 MiB, 32 loads
#: of 32 MiB 32 s and 256 MiB, one of everything 35 s and 1.4 GiB
_BATCH = 32 << 20


def _batches(files: list[Path], graphs: Sequence[str] = ()) -> Iterator[tuple[list[Path], bytes]]:
    """The N-Quads ``files`` joined into batches of about :data:`_BATCH` bytes (a file is never cut),
    each with its files; with ``graphs``, each statement's graph IRI cut off (N-Triples of the same
    statements: the graph is the last term of each line qagraph writes)."""
    batch: list[Path] = []
    parts: list[bytes] = []
    size = 0
    for file in files:
        data = file.read_bytes()
        if data and not data.endswith(b"\n"):  # the last line ends as every other (joined, cut)
            data += b"\n"
        for graph in graphs:
            data = data.replace(f" <{graph}> .\n".encode(), b" .\n")
        batch.append(file)
        parts.append(data)
        size += len(data)
        if size >= _BATCH:
            yield batch, b"".join(parts)
            batch, parts, size = [], [], 0
    if batch:
        yield batch, b"".join(parts)


def _bulk_load(store: Any, files: list[Path], data: bytes, fmt: Any, **to: Any) -> None:
    """``store.bulk_load`` of ``data``, the joined ``files``; a syntax error names the file it is in
    (and its line), as loading the files one by one would."""
    import pyoxigraph as ox

    try:
        store.bulk_load(data, fmt, **to)
    except SyntaxError:
        for file in files:  # only on an error: find the file, parse it alone for its own message
            try:
                for _ in ox.parse(path=str(file), format=fmt):
                    pass
            except SyntaxError as exc:
                raise SyntaxError(f"{file.name}: {exc}") from None
        raise


def _load(store: Any, files: list[Path]) -> None:
    """The files' statements into ``store``: each in its named graph, and all merged in the default graph.

    Oxigraph answers queries on its default graph several times faster than on the
    union of the named graphs (``use_default_graph_as_union``): 24 s against 216 s for
    a count of keyword uses over 442,000 rows. The merged copy doubles the store's size.
    N-Quads parts are loaded in batches (:data:`_BATCH`), not one by one.
    """
    import pyoxigraph as ox

    nquads = [file for file in files if format_of(file).suffix == "nq"]
    for batch, data in _batches(nquads):
        _bulk_load(store, batch, data, ox.RdfFormat.N_QUADS)
    quads = bool(nquads)
    for file in files:
        fmt = format_of(file)
        if fmt.suffix == "nq":
            continue
        if fmt.quads:
            quads = True
            store.bulk_load(path=str(file), format=fmt.ox)
        else:
            store.bulk_load(path=str(file), format=fmt.ox, to_graph=ox.DefaultGraph())
    if not quads:
        return
    graphs = [g.value for g in store.named_graphs()]
    for batch, data in _batches(nquads, graphs):
        _bulk_load(store, batch, data, ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    if any(format_of(file).quads and format_of(file).suffix != "nq" for file in files):
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


#: folders whose path is not UTF-8, by path: a descriptor open on each for as long as the process runs
_FOLDERS: dict[str, int] = {}


def oxigraph_path(path: Path) -> str:
    """``path`` as Oxigraph (RocksDB) takes it, which must be UTF-8 ("The DB path is not valid UTF-8"):
    one that is not (a build folder named in another encoding, read under the C locale) is reached
    through a descriptor open on its folder, ``/proc/self/fd/N/name``, which forked workers share.
    Without /proc it is given as it is, for Oxigraph to refuse.

    >>> oxigraph_path(Path("build/.qagraph/store/db-1"))
    'build/.qagraph/store/db-1'
    """
    text = str(path)
    if text.isascii() or not _surrogates(text):
        return text
    folder, name = str(path.parent), path.name
    if _surrogates(name):
        return text
    fd = _FOLDERS.get(folder)
    try:
        if fd is None or not os.path.samestat(os.fstat(fd), os.stat(folder)):  # not yet, or made again since
            fd = _FOLDERS[folder] = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return text
    alias = f"/proc/self/fd/{fd}"
    return f"{alias}/{name}" if os.path.isdir(alias) else text


def _surrogates(text: str) -> bool:
    """Whether ``text`` holds bytes that are not UTF-8 (as the surrogates Python reads them into)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def current_store(out: str | os.PathLike[str]) -> Path:
    """The folder of the store :func:`open_store` opens for build folder ``out`` (made or not)."""
    return Path(out) / STORE_DIR / f"db-{store_digest(out)}"


def _no_file_at(path: Path) -> None:
    """A file (or a link to one, or a dangling link) where the store keeps a folder removed: it is
    qagraph's own cache, in its own ``.qagraph`` folder, and every query would fail on it."""
    if not path.is_dir() and (path.exists() or path.is_symlink()):
        path.unlink()


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_store(out: str | os.PathLike[str]) -> Any:
    """The persistent ``pyoxigraph.Store`` (read-only) of build folder ``out``, made on first use.

    It holds the part files of ``OUT/rdf/`` (the N-Quads ones when there are): each
    statement in its named graph, and all of them merged in the default graph, so a
    query without ``GRAPH`` sees everything without ``use_default_graph_as_union``
    (which Oxigraph answers several times slower); when the files change, the next
    call loads them into a new store and removes the old one. A store found damaged is made again.

    Raises :class:`~qagraph.errors.UsageError` when ``out`` holds no RDF export and
    :class:`~qagraph.errors.StoreError` when the store cannot be made or opened.

    >>> import networkx as nx
    >>> from qagraph.rdf import write_rdf
    >>> _ = write_rdf(nx.MultiDiGraph(), "build")
    >>> len(open_store("build"))  # 4 statements, in their named graph and in the default graph
    8
    """
    import pyoxigraph as ox

    out = Path(out)
    files = rdf_files(out)
    if files == [out]:
        raise UsageError(f"{out} is a file: open_store takes a build folder", path=str(out))
    digest = store_digest(out)
    root = out / STORE_DIR
    db = root / f"db-{digest}"

    def make() -> None:
        if (db / _READY).exists():
            return
        _no_file_at(root)
        root.mkdir(parents=True, exist_ok=True)
        with _locked(root / "lock"):
            if (db / _READY).exists():
                return
            tmp = root / f"tmp-{os.getpid()}-{secrets.token_hex(4)}"
            try:
                store = ox.Store(oxigraph_path(tmp))
                _load(store, files)
                store.flush()
                del store  # closes the database
                (tmp / _READY).write_text(digest + "\n", encoding="ascii")
                if db.is_dir():  # a store without its mark (cut short, half removed): replaced, not renamed onto
                    shutil.rmtree(db, ignore_errors=True)
                _no_file_at(db)
                os.replace(tmp, db)
            except SyntaxError as exc:
                raise UsageError(f"not valid RDF: {exc}", path=str(out)) from None
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            for old in root.iterdir():
                if old.is_dir() and old != db and old.name.startswith(("db-", "tmp-")):
                    shutil.rmtree(old, ignore_errors=True)

    try:
        make()
        try:
            return ox.Store.read_only(oxigraph_path(db))
        except (OSError, RuntimeError):  # damaged (a disk full, a copy cut short): a cache, made again
            with _locked(root / "lock"):
                shutil.rmtree(db, ignore_errors=True)
            make()
            return ox.Store.read_only(oxigraph_path(db))
    except (OSError, RuntimeError) as exc:  # RuntimeError: RocksDB's "Corruption: ..."
        from ..load import display_name

        raise StoreError(f"cannot open the store of {display_name(str(out))}: {exc}",
                         path=display_name(str(root))) from None
