"""A persistent SPARQL store for a build folder: ``OUT/.qagraph/store/``, made once, reused.

:func:`open_store` bulk-loads the part files of the build's RDF export into an embedded
Oxigraph store (on disk, RocksDB) the first time, and opens that store again, read-only,
as long as the part files are the ones it was loaded from: a query on a 36,000-article
build then starts in milliseconds instead of parsing hundreds of megabytes.

A query that names no graph (:func:`~qagraph.rdf.query.names_graphs`) reads the default graph alone:
for it, a store of N-Quads parts holds that graph alone (``default-<digest>``), loaded in a third of
the processor time of the store that holds the named graphs too (``db-<digest>``), which the first query
naming a graph makes in its place. One store is kept.

Each store is a folder ``db-<digest>`` named by a digest of the part files it holds
(names and content; the content digest of a file is recomputed only when its size or
modification time changed). A store is built in a temporary folder and renamed into
place when complete, under an exclusive lock, so two processes opening the same build
at once load it once and never see half a store; older stores are removed. Stores are
opened read-only: any number of processes can query one at the same time.

A patched build (one article edited, added or deleted) rewrites a few of the 1,024 parts of a
36,000-article build: loading every part again would cost its first query 30-40 s. So the build
brings the store along (:func:`carry_store`: hard links, under the store's lock) with the previous
version of each part it rewrites (``replaced/``), and the next :func:`open_store` patches the store
in place of loading it: the statements of the old versions that the new ones do not hold are taken
out, the new ones put in, in the named graph and in the merged default graph. A store is patched
only when it holds each statement of its parts once (counted when it was loaded: no statement in two
parts, as qagraph writes them) and every old version it needs is there, unchanged; else it is loaded
again. Either way it holds what a load of the parts gives.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import secrets
import shutil
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import OutputError, QagraphError, StoreError, UsageError
from .formats import format_of
from .parts import RDF_DIR
from .query import rdf_files

__all__ = ["STORE_DIR", "carry_store", "current_store", "open_store", "store_digest", "store_to_load", "vouch_digests"]

#: where a build folder keeps its store
STORE_DIR = Path(".qagraph") / "store"
_READY = "complete"
#: in a store's folder: the digests of the part files it holds, when it can be patched
_LOADED = "loaded.json"
#: beside the stores: the version of each part file a patched build replaced that the store holds
_REPLACED = "replaced"
#: how the store lays the statements out; part of the digest, so a new layout makes a new store
_LAYOUT = "named graphs + merged default graph"
#: the two kinds of store, by the prefix of their folders: every statement in its named graph and merged
#: in the default graph (``db-``), or merged in the default graph alone (``default-``: for the queries
#: that name no graph, most of them; loaded in about a third of the processor time, as Oxigraph indexes
#: a named graph's statements six ways and the default graph's three, and the other holds each twice)
_FULL, _DEFAULT = "db-", "default-"


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
    return _digests(Path(out), rdf_files(out))[0]


def _digests(out: Path, files: Sequence[Path]) -> tuple[str, dict[str, str]]:
    """:func:`store_digest` of ``files``, the part files of ``out``, and the digest of each by name."""
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
    return total.hexdigest(), {name: entry[4] for name, entry in fresh.items()}


#: bytes of N-Quads given to one bulk load: each load writes its own sorted files into RocksDB, so
#: 2,048 loads of the 36,000-article build's 1,024 parts (two each) took 74 s and 126 MiB, 32 loads
#: of 32 MiB 32 s and 256 MiB, one of everything 35 s and 1.4 GiB
_BATCH = 32 << 20


def _batches(files: list[Path], graphs: Sequence[str] | set[str] = (), *,
             find_graphs: bool = False) -> Iterator[tuple[list[Path], bytes]]:
    """The N-Quads ``files`` joined into batches of about :data:`_BATCH` bytes (a file is never cut),
    each with its files; with ``graphs``, each statement's graph IRI cut off (N-Triples of the same
    statements: the graph is the last term of each line qagraph writes). With ``find_graphs``,
    ``graphs`` (a set) is added to the graphs of a file that has others (read from it only then:
    one file's lines that end with no graph of the set are counted, not parsed)."""
    batch: list[Path] = []
    parts: list[bytes] = []
    size = 0
    for file in files:
        data = file.read_bytes()
        if data and not data.endswith(b"\n"):  # the last line ends as every other (joined, cut)
            data += b"\n"
        if find_graphs and isinstance(graphs, set):
            ends = sum(data.count(f" <{graph}> .\n".encode()) for graph in graphs)
            if ends != data.count(b"\n"):
                graphs |= _graph_names(file)
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


def _graph_names(file: Path) -> set[str]:
    """The IRIs of the named graphs of N-Quads ``file`` (parsed: only for a file whose lines end in
    others than those known; a line that is not N-Quads is left for the load to name)."""
    import pyoxigraph as ox

    found: set[str] = set()
    try:
        for quad in ox.parse(path=oxigraph_path(file), format=ox.RdfFormat.N_QUADS):
            if isinstance(quad.graph_name, ox.NamedNode):
                found.add(quad.graph_name.value)
    except (SyntaxError, OSError):
        pass
    return found


def _load_default(store: Any, files: list[Path]) -> int:
    """The statements of N-Quads ``files`` merged into the default graph of ``store`` alone (a store of
    :data:`_DEFAULT`), each file's graphs cut off its lines (:func:`_batches`). Returns the number of lines.

    Raises :class:`SyntaxError` when a file is not N-Quads, or a line that had no graph ended in the
    IRI of one (cut, it is no statement): the caller loads the store with its named graphs instead.
    """
    import pyoxigraph as ox

    graphs: set[str] = _graph_names(files[0]) if files else set()
    lines = 0
    for batch, data in _batches(files, graphs, find_graphs=True):
        lines += data.count(b"\n")
        store.bulk_load(data, ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return lines


def _load(store: Any, files: list[Path]) -> int:
    """The files' statements into ``store``: each in its named graph, and all merged in the default graph.

    Oxigraph answers queries on its default graph several times faster than on the
    union of the named graphs (``use_default_graph_as_union``): 24 s against 216 s for
    a count of keyword uses over 442,000 rows. The merged copy doubles the store's size.
    N-Quads parts are loaded in batches (:data:`_BATCH`), not one by one. Returns the number
    of lines of the N-Quads parts (each a statement, in the parts qagraph writes).
    """
    import pyoxigraph as ox

    nquads = [file for file in files if format_of(file).suffix == "nq"]
    lines = 0
    for batch, data in _batches(nquads):
        lines += data.count(b"\n")
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
        return lines
    graphs = [g.value for g in store.named_graphs()]
    merged = any(format_of(file).quads and format_of(file).suffix != "nq" for file in files)
    try:
        for batch, data in _batches(nquads, graphs):
            store.bulk_load(data, ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    except SyntaxError:  # a line of no graph that ends in a graph's IRI (parts written by hand): cut, it is none
        merged = True
    if merged:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return lines


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, sort_keys=True), encoding="utf-8")


def _each_once(store: Any, files: Sequence[Path], lines: int, *, named: bool = True) -> bool:
    """Whether ``store``, just loaded from ``files`` (``lines`` lines of N-Quads), holds each of their
    lines as one statement of a named graph: every file N-Quads, no statement in two lines (of one
    part or of two), no line that is not a statement. Only such a store can be patched: taking out
    the statements of a part's old version must not take those another part holds too."""
    if not _nquads_only(files):
        return False
    [row] = store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }" if named else
                        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # a default store: no statement in two lines
    return int(row["n"].value) == lines


def _nquads_only(files: Sequence[Path]) -> bool:
    """Whether ``files`` are N-Quads parts (some): the only parts a store is patched from."""
    return bool(files) and all(format_of(file).suffix == "nq" for file in files)


def _patchable_stores(root: Path) -> list[Path]:
    """The complete stores in ``root`` that can be patched (:data:`_LOADED`): one, or none, as a rule."""
    return [d for d in root.iterdir() if d.name.startswith((_FULL, _DEFAULT)) and d.is_dir()
            and (d / _READY).is_file() and (d / _LOADED).is_file()] if root.is_dir() else []


class _NotPatched(Exception):
    """The store cannot be patched: it is loaded again."""


def _patch(root: Path, target: Path, files: Sequence[Path], digests: dict[str, str], *, named: bool) -> str | None:
    """Whether the store in ``root`` loaded from other versions of ``files`` (whose digests are now
    ``digests``) was patched to hold theirs, into folder ``target`` (no mark of completion yet): the
    kind of store it is (:data:`_FULL` or :data:`_DEFAULT`), or ``None``. A store of the default
    graph alone is not patched when ``named`` (the named graphs are asked for).

    The store must hold each statement of its parts once (:func:`_each_once`), and the version
    it holds of each part that changed or went must be kept in ``root/replaced/`` (by
    :func:`carry_store`). A few parts only: from a quarter of them, loading all is as quick.
    The statements of the old versions that the new ones do not hold are taken out of their
    named graph, and out of the default graph unless another named graph holds them; the new
    ones are put in both. Anything unexpected (a statement to take out that the store lacks,
    one to put in that it has: a part that holds another's, a blank node, a statement without
    a graph) leaves the store to be loaded again. A store of the default graph alone holds each
    line of its parts as one statement there: the old versions' statements the new ones do not
    hold are taken out of it, the new ones put in.
    """
    import pyoxigraph as ox

    if not _nquads_only(files):
        return None
    bases = _patchable_stores(root)
    if len(bases) != 1:
        return None
    [base] = bases
    kind = _FULL if base.name.startswith(_FULL) else _DEFAULT
    if named and kind == _DEFAULT:
        return None
    try:
        held = json.loads((base / _LOADED).read_text(encoding="utf-8"))["parts"]
        if not (isinstance(held, dict) and all(isinstance(v, str) for v in held.values())):
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    changed = [name for name, d in digests.items() if held.get(name) != d]
    gone = [name for name in held if name not in digests]
    if not changed and not gone or len(changed) + len(gone) > max(8, len(digests) // 4):
        return None
    old_files = []
    for name in [*(n for n in changed if n in held), *gone]:
        old = root / _REPLACED / name
        try:
            if not old.is_file() or _file_digest(old) != held[name]:
                return None
        except OSError:
            return None
        old_files.append(old)
    by_name = {file.name: file for file in files}

    def statements(paths: Sequence[Path], *, new: bool) -> set[Any]:
        found: set[Any] = set()
        count = 0
        for path in paths:
            try:
                for quad in ox.parse(path=oxigraph_path(path), format=ox.RdfFormat.N_QUADS):
                    if (isinstance(quad.graph_name, ox.DefaultGraph) or isinstance(quad.subject, ox.BlankNode)
                            or isinstance(quad.object, ox.BlankNode) or isinstance(quad.graph_name, ox.BlankNode)):
                        raise _NotPatched()
                    found.add(quad)
                    count += 1
            except SyntaxError as exc:
                if new:  # a new part that is not RDF: said as a load says it
                    raise SyntaxError(f"{path.name}: {exc}") from None
                raise _NotPatched() from None
        if count != len(found):  # a statement twice: the count of the store would not add up
            raise _NotPatched()
        return found

    try:
        before = statements(old_files, new=False)
        after = statements([by_name[name] for name in changed], new=True)
    except _NotPatched:
        return None
    if kind == _DEFAULT:  # each line one statement of the default graph
        before_t = {ox.Triple(q.subject, q.predicate, q.object) for q in before}
        after_t = {ox.Triple(q.subject, q.predicate, q.object) for q in after}
        if len(before_t) != len(before) or len(after_t) != len(after):
            return None  # a statement in two graphs of a part: not once in the default graph
        default = ox.DefaultGraph()
        out = {ox.Quad(t.subject, t.predicate, t.object, default) for t in before_t - after_t}
        put = {ox.Quad(t.subject, t.predicate, t.object, default) for t in after_t - before_t}
    else:
        out, put = before - after, after - before
    os.rename(base, target)  # out of use: a patch cut short leaves no store marked complete
    try:
        (target / _READY).unlink()
        (target / _LOADED).unlink()
        store = ox.Store(oxigraph_path(target))
        if any(quad not in store for quad in out) or any(quad in store for quad in put):
            raise _NotPatched()
        for quad in out:
            store.remove(quad)
        if kind == _DEFAULT:
            store.extend(put)
        else:
            default = ox.DefaultGraph()
            kept = {(q.subject, q.predicate, q.object) for q in put}
            for s, p, o in {(q.subject, q.predicate, q.object) for q in out} - kept:
                if not any(not isinstance(q.graph_name, ox.DefaultGraph) for q in store.quads_for_pattern(s, p, o)):
                    store.remove(ox.Quad(s, p, o, default))
            store.extend([*put, *(ox.Quad(s, p, o, default) for s, p, o in kept)])
        store.flush()
        del store
        _write_json(target / _LOADED, {"parts": digests})
    except (_NotPatched, OSError, RuntimeError):
        shutil.rmtree(target, ignore_errors=True)
        return None
    return kind


def carry_store(previous: str | os.PathLike[str], stage: str | os.PathLike[str], written: Sequence[Path]) -> None:
    """Bring the store of build folder ``previous`` into ``stage``, the folder of a patched build of it
    that rewrote the part files ``written``, with the version of each that the store holds.

    The store's files are hard links (never copies: a file system without them loses the store,
    which its next query loads again), taken under its lock so that no query patches or loads it
    meanwhile (a query that holds the lock leaves the store behind: the build does not wait for
    it); only a store that can be patched is carried. The version of a part kept is the first
    one replaced since the store was loaded: the one it holds (:func:`_patch` checks its digest).
    """
    source, target = Path(previous) / STORE_DIR, Path(stage) / STORE_DIR
    if not source.is_dir() or source.is_symlink():
        return
    try:
        with _locked(source / "lock", wait=False):  # a query loading it: the build does not wait for it
            bases = _patchable_stores(source)
            if len(bases) != 1:
                return
            if (source / "digests.json").is_file():
                target.mkdir(parents=True, exist_ok=True)
                os.link(source / "digests.json", target / "digests.json")
            for folder in (bases[0], source / _REPLACED):
                if not folder.is_dir():
                    continue
                for dirpath, _, names in os.walk(folder):
                    into = target / Path(dirpath).relative_to(source)
                    into.mkdir(parents=True, exist_ok=True)
                    for name in names:
                        os.link(Path(dirpath) / name, into / name, follow_symlinks=False)
        parts = Path(previous) / RDF_DIR
        for path in written:
            kept = target / _REPLACED / path.name
            if not path.name.startswith("part-") or kept.exists() or not (parts / path.name).is_file():
                continue
            kept.parent.mkdir(exist_ok=True)
            os.link(parts / path.name, kept)
    except OSError:
        shutil.rmtree(target, ignore_errors=True)


def vouch_digests(out: str | os.PathLike[str], before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
    """After a patched build committed to ``out``: the digests the store's cache holds of the part
    files the build kept as they were, under their new signatures (``before`` and ``after``: the
    outputs' signatures the build found and left, by path in the build folder).

    A kept part is a hard link: bringing it into the new build and removing the old build changed
    its ctime, so the first query after every patched build read all the parts again for their
    digests (528 MiB, 4-5 s at 36,000 articles). A part whose size, inode and modification time are
    those it had when the build started, when the build found it as the previous one left it, is
    unchanged; the entry is moved to the new signature only if it was taken under the old one.
    """
    cache_path = Path(out) / STORE_DIR / "digests.json"
    try:
        cache = json.loads(cache_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(cache, dict):
        return
    moved = False
    for name, entry in cache.items():
        old, new = before.get(f"{RDF_DIR}/{name}"), after.get(f"{RDF_DIR}/{name}")
        if (isinstance(entry, list) and len(entry) == 5 and isinstance(old, list) and isinstance(new, list)
                and len(old) == len(new) == 4 and entry[:4] == old and old[:3] == new[:3] and old != new):
            entry[:4] = new
            moved = True
    if moved:
        with contextlib.suppress(OSError):
            tmp = cache_path.with_name(f".digests.{os.getpid()}.{secrets.token_hex(4)}")
            tmp.write_text(json.dumps(cache, sort_keys=True), encoding="utf-8")
            os.replace(tmp, cache_path)


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


def _serving(root: Path, digest: str, files: Sequence[Path], graphs: bool) -> list[Path]:
    """The stores in ``root`` of the parts ``files`` (whose digest is ``digest``) that may answer a query
    (with ``graphs``: one naming a graph), in the order one is taken when both are there: the one that
    holds the named graphs too, and, for a query that names none and N-Quads parts, the default graph's."""
    full = root / f"{_FULL}{digest}"
    return [full] if graphs or not _nquads_only(files) else [full, root / f"{_DEFAULT}{digest}"]


def current_store(out: str | os.PathLike[str], *, graphs: bool = True) -> Path:
    """The folder of the store :func:`open_store` (with ``graphs``) opens for build folder ``out`` (made or not)."""
    stores = _serving(Path(out) / STORE_DIR, store_digest(out), rdf_files(out), graphs)
    return next((db for db in stores if (db / _READY).is_file()), stores[-1])


def store_to_load(out: str | os.PathLike[str], *, graphs: bool = True) -> tuple[int, int] | None:
    """The number of RDF part files of build folder ``out``, and their size in bytes, that the next
    :func:`open_store` (with ``graphs``) loads into a new store (the first query of a build: 30-40 s at 36,000
    articles); ``None`` when it opens the store of those parts, or patches the one a patched build
    carried along (or ``out`` holds no RDF). For a query command to say why its first answer waits.

    >>> import networkx as nx
    >>> from qagraph.rdf import write_rdf
    >>> _ = write_rdf(nx.MultiDiGraph(), "build")
    >>> store_to_load("build")[0], len(open_store("build")) > 0, store_to_load("build")
    (1, True, None)
    """
    files = rdf_files(out)
    if not files or files == [Path(out)]:
        return None
    try:
        root = Path(out) / STORE_DIR
        if any((db / _READY).is_file() for db in _serving(root, store_digest(out), files, graphs)):
            return None
        if any(graphs is False or base.name.startswith(_FULL) for base in _patchable_stores(root)):
            return None
        return len(files), sum(file.stat().st_size for file in files)
    except OSError:  # a part gone since it was listed: open_store says what it finds
        return None


def _no_file_at(path: Path) -> None:
    """A file (or a link to one, or a dangling link) where the store keeps a folder removed: it is
    qagraph's own cache, in its own ``.qagraph`` folder, and every query would fail on it."""
    if not path.is_dir() and (path.exists() or path.is_symlink()):
        path.unlink()


@contextlib.contextmanager
def _locked(path: Path, *, wait: bool = True) -> Iterator[None]:
    """``path`` locked for this process alone; without ``wait``, :class:`BlockingIOError` when it is not free."""
    with open(path, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def not_valid(where: Path, exc: SyntaxError | ValueError) -> QagraphError:
    """The error for RDF in the folder ``where`` that cannot be parsed (``exc`` names the file and line).
    A build's own files were cut short or written over since it wrote them: the build folder cannot be
    read, an output error (exit 3) that building again repairs, as a damaged database is. Files that are
    no build's are the user's: a usage error (exit 2)."""
    from ..fileio import is_build_folder

    build = where if where.is_dir() else where.parent.parent  # OUT, or OUT/rdf/void.ttl
    if is_build_folder(build):
        return OutputError(f"not valid RDF: {exc}; the build's RDF is damaged (cut short or written over): "
                           "build again", path=str(where))
    return UsageError(f"not valid RDF: {exc}", path=str(where))


#: what writing in a build folder this user cannot write in raises: the store is then loaded in memory
_CANNOT_WRITE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def _in_memory(out: Path, files: list[Path], *, graphs: bool = True) -> Any:
    """A store in memory holding what the persistent store of ``out`` would (its default graph alone,
    unless ``graphs``): for a build folder where none can be made or replaced. It is loaded again by
    each process that opens it."""
    import pyoxigraph as ox

    if not graphs and _nquads_only(files):
        store = ox.Store()
        try:
            _load_default(store, files)
            return store
        except SyntaxError:
            pass  # loaded with its named graphs, whose load says what is wrong
    store = ox.Store()
    try:
        _load(store, files)
    except SyntaxError as exc:
        raise not_valid(out, exc) from None
    return store


def open_store(out: str | os.PathLike[str], *, graphs: bool = True) -> Any:
    """The persistent ``pyoxigraph.Store`` (read-only) of build folder ``out``, made on first use.

    It holds the part files of ``OUT/rdf/`` (the N-Quads ones when there are): each
    statement in its named graph, and all of them merged in the default graph, so a
    query without ``GRAPH`` sees everything without ``use_default_graph_as_union``
    (which Oxigraph answers several times slower); when the files change, the next
    call loads them into a new store and removes the old one. A store found damaged is made again.
    With ``graphs`` false (for a query that names no graph: :func:`~qagraph.rdf.query.names_graphs`),
    a store of N-Quads parts may hold the default graph alone: made in about a third of the processor
    time (20 s against 55-57 s at 36,000 articles), and kept until a query asks for the named graphs,
    when the store that holds them too is made in its place.
    In a build folder this user cannot write in (another user's, a read-only copy or mount) that holds
    no store of its current parts, the parts are loaded into a store in memory, for this process only.

    Raises :class:`~qagraph.errors.UsageError` when ``out`` holds no RDF export and
    :class:`~qagraph.errors.StoreError` when the store cannot be made or opened.

    >>> import networkx as nx
    >>> from qagraph.rdf import write_rdf
    >>> _ = write_rdf(nx.MultiDiGraph(), "build")
    >>> len(open_store("build", graphs=False))  # 4 statements, in the default graph
    4
    >>> len(open_store("build"))  # in their named graph and in the default graph
    8
    >>> len(open_store("build", graphs=False))  # the store that holds them all serves every query
    8

    A build puts its new folder in place of ``out`` whole, and removes the previous one: a store being
    made meanwhile, in the previous folder (its files read and written by their paths), cannot be
    finished there. It is made again from the build now in place, as long as builds are put in place.
    """
    out = Path(out)
    for attempt in range(1, REPLACED_BUILDS_FOLLOWED + 1):
        seen = _folder(out)
        try:
            return _open_store(out, graphs=graphs)
        except (QagraphError, OSError):
            if attempt == REPLACED_BUILDS_FOLLOWED or _folder(out) in (seen, None):
                raise
    raise AssertionError("unreachable")


#: how many builds put in place while a query makes the store, or while validate's workers read it, are
#: followed (the store made again, or the build checked again, each time)
REPLACED_BUILDS_FOLLOWED = 5


def _folder(out: Path) -> tuple[int, int] | None:
    """Which folder ``out`` is (device and inode): another once a build was put in its place."""
    try:
        st = os.stat(out)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _open_store(out: Path, *, graphs: bool = True) -> Any:
    """:func:`open_store` of the folder ``out`` names now."""
    import pyoxigraph as ox

    files = rdf_files(out)
    if files == [out]:
        raise UsageError(f"{out} is a file: open_store takes a build folder", path=str(out))
    root = out / STORE_DIR
    try:
        digest, digests = _digests(out, files)
    except OSError as exc:  # a part gone since it was listed
        raise StoreError(f"cannot read the RDF of {_shown(out)}: {exc}", path=_shown(root)) from None
    # the store of the default graph alone serves a query that names no graph, until one does
    wanted = _serving(root, digest, files, graphs)

    def ready() -> Path | None:
        return next((db for db in wanted if (db / _READY).exists()), None)

    def make() -> Path:
        found = ready()
        if found is not None:
            return found
        _no_file_at(root)
        root.mkdir(parents=True, exist_ok=True)
        with _locked(root / "lock"):
            found = ready()
            if found is not None:
                return found
            tmp = root / f"tmp-{os.getpid()}-{secrets.token_hex(4)}"
            try:
                kind = _patch(root, tmp, files, digests, named=graphs)
                if kind is None:
                    shutil.rmtree(tmp, ignore_errors=True)
                    store, kind, lines = _loaded(tmp, files, graphs)
                    if _each_once(store, files, lines, named=kind == _FULL):
                        _write_json(tmp / _LOADED, {"parts": digests})
                    del store  # closes the database
                db = root / f"{kind}{digest}"
                (tmp / _READY).write_text(digest + "\n", encoding="ascii")
                if db.is_dir():  # a store without its mark (cut short, half removed): replaced, not renamed onto
                    shutil.rmtree(db, ignore_errors=True)
                _no_file_at(db)
                os.replace(tmp, db)
            except SyntaxError as exc:
                raise not_valid(out, exc) from None
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
            for old in root.iterdir():  # one store is kept: the one made (a full one serves every query)
                if old != db and (old.name == _REPLACED or old.is_dir() and old.name.startswith((_FULL, _DEFAULT, "tmp-"))):
                    shutil.rmtree(old, ignore_errors=True)
            return db

    def opened() -> Any:
        db = make()
        try:
            return ox.Store.read_only(oxigraph_path(db))
        except (OSError, RuntimeError):  # damaged (a disk full, a copy cut short): a cache, made again
            with _locked(root / "lock"):
                shutil.rmtree(db, ignore_errors=True)
            return ox.Store.read_only(oxigraph_path(make()))

    try:
        try:
            return opened()
        except OSError as exc:
            if exc.errno not in _CANNOT_WRITE:
                raise
        return _in_memory(out, files, graphs=graphs)  # another user's build, a read-only copy or mount: nothing written
    except (OSError, RuntimeError) as exc:  # RuntimeError: RocksDB's "Corruption: ..."
        raise StoreError(f"cannot open the store of {_shown(out)}: {exc}", path=_shown(root)) from None


def _loaded(folder: Path, files: list[Path], graphs: bool) -> tuple[Any, str, int]:
    """A store made in ``folder`` (empty) from ``files``, of the kind asked for (its statements in their
    named graphs too when ``graphs``, or the parts are not all N-Quads): the store, open, the kind made
    and the lines of its N-Quads parts. A store of the default graph alone whose parts its load cannot cut (a line
    that is no statement once cut) is made with the named graphs, whose load says what is wrong."""
    import pyoxigraph as ox

    if not graphs and _nquads_only(files):
        store = ox.Store(oxigraph_path(folder))
        try:
            lines = _load_default(store, files)
            store.flush()
            return store, _DEFAULT, lines
        except SyntaxError:
            del store
            shutil.rmtree(folder, ignore_errors=True)
    store = ox.Store(oxigraph_path(folder))
    lines = _load(store, files)
    store.flush()
    return store, _FULL, lines


def _shown(path: Path) -> str:
    """``path`` as a message names it (bytes that are not UTF-8 as escapes)."""
    from ..load import display_name

    return display_name(str(path))
