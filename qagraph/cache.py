"""A cache of parsed files, keyed by their content, kept between builds.

Parsing front matter is most of a build's cost; a rebuild after editing one article
should parse one file. Entries are keyed by each file's path *and* a digest of its
bytes (BLAKE2b), never by modification time alone, so a touched file with the same
content is a hit and an edit that keeps the mtime is a miss.

Parsed results are stored in *shards*: one pickle per batch of files parsed together
(the bytes a parsing process already sent back, written as they are). An index maps
each path to its digest and its place in a shard. Shards no file refers to are
deleted; when stale entries outnumber live ones the live ones are rewritten into one.
The cache is tied to qagraph's code (its version and a digest of its sources, :func:`~._version.code_stamp`)
and to the field map: either changing empties it.

A build folder may come from elsewhere (a cloned repository), and unpickling runs
code, so nothing here is unpickled unless this user wrote it: every file is sealed
with a keyed BLAKE2b MAC (:func:`seal`) whose key lives in the user's cache folder
(``~/.cache/qagraph/key``), never in the build. A file without a valid seal is
ignored, as if the cache were empty.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .fileio import read_regular, write_atomic

__all__ = ["ParseCache", "digest", "dump_sealed", "load_sealed", "mac", "seal", "unseal"]

_INDEX = "index.pickle"


def digest(data: bytes) -> bytes:
    """The content key of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).digest()


_MAC_SIZE = 32
_key: bytes | None = None


def _secret() -> bytes:
    """This user's key for sealing cache files: made once, kept outside every build folder."""
    global _key
    if _key is None:
        try:
            home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "qagraph"
        except RuntimeError:  # no HOME, and a user the system has no entry for (a container's --user 12345)
            _key = os.urandom(32)  # as for a read-only home: caches are good for this process only
            return _key
        path = home / "key"
        try:
            _key = path.read_bytes()[:64]
            if len(_key) < 32:
                raise OSError("short key")
        except OSError:
            key = os.urandom(32)
            try:
                home.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(key)
            except OSError:
                pass  # read-only home: caches are good for this process only
            try:
                _key = path.read_bytes()[:64] or key
            except OSError:
                _key = key
    return _key


def mac(blob: bytes) -> bytes:
    """The keyed MAC of ``blob`` (see the module text)."""
    return hashlib.blake2b(blob, key=_secret(), digest_size=_MAC_SIZE).digest()


def seal(blob: bytes) -> bytes:
    """``blob`` with its MAC in front, for :func:`unseal`."""
    return mac(blob) + blob


def unseal(data: bytes) -> bytes | None:
    """The blob :func:`seal` sealed, or ``None`` when the seal is not this user's (or the data is damaged).

    >>> unseal(seal(b"ok")), unseal(b"x" * 40)
    (b'ok', None)
    """
    blob = data[_MAC_SIZE:]
    return blob if len(data) >= _MAC_SIZE and hmac.compare_digest(data[:_MAC_SIZE], mac(blob)) else None


def load_sealed(path: str | os.PathLike[str]) -> Any:
    """The object pickled in the sealed file ``path``, or ``None`` if missing, damaged or not sealed by this user."""
    try:
        blob = unseal(read_regular(path))
        return pickle.loads(blob) if blob is not None else None
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError, ImportError):
        return None


def dump_sealed(path: str | os.PathLike[str], value: Any) -> Path:
    """Pickle ``value`` into the sealed file ``path`` (written atomically)."""
    return write_atomic(path, seal(pickle.dumps(value, 5)))


class ParseCache:
    """Parsed files of one corpus, in ``folder``.

    >>> import tempfile
    >>> cache = ParseCache(tempfile.mkdtemp(), settings="v1")
    >>> cache.lookup({"a.md": digest(b"x")})
    {}
    """

    def __init__(self, folder: str | os.PathLike[str], settings: str) -> None:
        self.folder = Path(folder)
        self.settings = settings
        self.entries: dict[str, tuple[bytes, str, int]] = {}
        self.shard_sizes: dict[str, int] = {}
        self._shards: dict[str, list[Any]] = {}
        index = load_sealed(self.folder / _INDEX)
        try:
            if isinstance(index, dict) and index.get("settings") == settings:
                self.entries = index["entries"]
                self.shard_sizes = index["shard_sizes"]
        except (KeyError, TypeError):
            pass  # no cache yet, or one this version cannot read: start empty

    def lookup(self, digests: dict[str, bytes]) -> dict[str, Any]:
        """The cached outcome of each path whose bytes still have the digest given."""
        wanted: dict[str, list[tuple[str, int]]] = {}
        for name, key in digests.items():
            entry = self.entries.get(name)
            if entry is not None and entry[0] == key:
                wanted.setdefault(entry[1], []).append((name, entry[2]))
        found: dict[str, Any] = {}
        for shard, places in wanted.items():
            outcomes = self._shard(shard)
            if outcomes is None:
                continue
            for name, position in places:
                found[name] = outcomes[position]
        return found

    def _shard(self, shard: str) -> list[Any] | None:
        if shard not in self._shards:
            try:
                blob = (self.folder / shard).read_bytes()
                if shard != f"shard-{mac(blob).hex()}.pickle":  # the name is the seal
                    return None
                self._shards[shard] = pickle.loads(blob)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError, ImportError):
                return None
        return self._shards[shard]

    def add(self, names: Sequence[str], digests: Sequence[bytes], blob: bytes) -> str:
        """Record a batch: its paths, their digests, and the pickled list of their outcomes;
        the name of its shard.

        The shard is written at once, not kept until :meth:`save`: at 36k articles the blobs
        came to 170 MB, and the heap they were freed into stayed with the build's peak. A
        shard no entry uses (a build that stopped before its save) is deleted by the next save.
        """
        shard = f"shard-{mac(blob).hex()}.pickle"
        if not (self.folder / shard).exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / shard, blob)
        self.shard_sizes[shard] = len(names)
        for position, (name, key) in enumerate(zip(names, digests)):
            self.entries[name] = (key, shard, position)
        return shard

    def save(self, live: Iterable[str], outcomes: dict[str, Any] | None = None) -> None:
        """Keep the entries of ``live`` paths, drop the rest, write the index, delete unused shards.

        With ``outcomes`` (every live path's outcome), shards mostly holding stale
        entries are compacted into one.
        """
        live = set(live)
        self.entries = {name: entry for name, entry in self.entries.items() if name in live}
        used: dict[str, int] = {}
        for _, shard, _ in self.entries.values():
            used[shard] = used.get(shard, 0) + 1
        stored = sum(self.shard_sizes.get(shard, 0) for shard in used)
        if outcomes is not None and stored > 2 * len(self.entries) + 256:
            names = sorted(self.entries)
            blob = pickle.dumps([outcomes[n] for n in names], 5)
            used = {self.add(names, [self.entries[n][0] for n in names], blob): len(names)}
        self.folder.mkdir(parents=True, exist_ok=True)
        self.shard_sizes = {shard: self.shard_sizes[shard] for shard in used}
        index = {"settings": self.settings, "entries": self.entries, "shard_sizes": self.shard_sizes}
        dump_sealed(self.folder / _INDEX, index)
        for path in self.folder.glob("shard-*.pickle"):
            if path.name not in used:
                path.unlink(missing_ok=True)
