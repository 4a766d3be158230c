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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError, UsageError
from .formats import format_of
from .query import rdf_files

__all__ = ["STORE_DIR", "open_store", "store_digest"]

#: where a build folder keeps its store
STORE_DIR = Path(".qagraph") / "store"
_READY = "complete"


def _file_digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 22), b""):
            h.update(block)
    return h.hexdigest()


def store_digest(out: str | os.PathLike[str]) -> str:
    """The digest of the RDF files :func:`open_store` loads from build folder ``out``.

    File content digests are cached in ``OUT/.qagraph/store/digests.json`` by size and
    modification time, so an unchanged build costs a ``stat`` per part file.
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
    total = hashlib.blake2b(digest_size=16)
    for file in files:
        st = file.stat()
        entry = cache.get(file.name)
        if not (isinstance(entry, list) and entry[:2] == [st.st_size, st.st_mtime_ns]):
            entry = [st.st_size, st.st_mtime_ns, _file_digest(file)]
        fresh[file.name] = entry
        total.update(f"{file.name}\0{entry[2]}\n".encode())
    if fresh != cache:
        try:
            root.mkdir(parents=True, exist_ok=True)
            tmp = root / f".digests.{os.getpid()}.{secrets.token_hex(4)}"
            tmp.write_text(json.dumps(fresh, sort_keys=True), encoding="utf-8")
            os.replace(tmp, cache_path)
        except OSError:
            pass  # a read-only build folder: recompute next time
    return total.hexdigest()


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

    It holds the part files of ``OUT/rdf/`` (the N-Quads ones when there are, so the
    named graphs are kept); when they change, the next call loads them into a new store
    and removes the old one. Query it with ``use_default_graph_as_union=True`` to see
    both named graphs at once (:func:`~qagraph.rdf.query.sparql` does).

    Raises :class:`~qagraph.errors.UsageError` when ``out`` holds no RDF export and
    :class:`~qagraph.errors.StoreError` when the store cannot be made or opened.

    >>> import networkx as nx
    >>> from qagraph.rdf import write_rdf
    >>> _ = write_rdf(nx.MultiDiGraph(), "build")
    >>> len(open_store("build"))
    4
    """
    import pyoxigraph as ox

    out = Path(out)
    files = rdf_files(out)
    if files == [out]:
        raise UsageError(f"{out} is a file: open_store takes a build folder", path=str(out))
    digest = store_digest(out)
    root = out / STORE_DIR
    db = root / f"db-{digest}"
    try:
        if not (db / _READY).exists():
            root.mkdir(parents=True, exist_ok=True)
            with _locked(root / "lock"):
                if not (db / _READY).exists():
                    tmp = root / f"tmp-{os.getpid()}-{secrets.token_hex(4)}"
                    try:
                        store = ox.Store(str(tmp))
                        for file in files:
                            store.bulk_load(path=str(file), format=format_of(file).ox)
                        store.flush()
                        del store  # closes the database
                        (tmp / _READY).write_text(digest + "\n", encoding="ascii")
                        os.replace(tmp, db)
                    except SyntaxError as exc:
                        raise UsageError(f"not valid RDF: {exc}", path=str(out)) from None
                    finally:
                        shutil.rmtree(tmp, ignore_errors=True)
                    for old in root.iterdir():
                        if old.is_dir() and old != db and old.name.startswith(("db-", "tmp-")):
                            shutil.rmtree(old, ignore_errors=True)
        return ox.Store.read_only(str(db))
    except OSError as exc:
        raise StoreError(f"cannot open the store of {out}: {exc}", path=str(root)) from None
