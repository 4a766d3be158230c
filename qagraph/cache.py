"""A cache of parsed files, keyed by their content, kept between builds.

Parsing front matter is most of a build's cost; a rebuild after editing one article
should parse one file. Entries are keyed by each file's path *and* a digest of its
bytes (BLAKE2b), never by modification time alone, so a touched file with the same
content is a hit and an edit that keeps the mtime is a miss.

Parsed results are stored in *shards*: one pickle per batch of files parsed together
(the bytes a parsing process already sent back, written as they are). An index maps
each path to its digest and its place in a shard. Shards no file refers to are
deleted; when stale entries outnumber live ones the live ones are rewritten into one.
The cache is tied to the qagraph version and the field map: either changing empties it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .fileio import write_atomic

__all__ = ["ParseCache", "digest"]

_INDEX = "index.pickle"


def digest(data: bytes) -> bytes:
    """The content key of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).digest()


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
        self._new_blobs: dict[str, bytes] = {}
        try:
            with open(self.folder / _INDEX, "rb") as handle:
                index = pickle.load(handle)
            if index.get("settings") == settings:
                self.entries = index["entries"]
                self.shard_sizes = index["shard_sizes"]
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, TypeError, ValueError):
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
                with open(self.folder / shard, "rb") as handle:
                    self._shards[shard] = pickle.load(handle)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError, ValueError):
                return None
        return self._shards[shard]

    def add(self, names: Sequence[str], digests: Sequence[bytes], blob: bytes) -> None:
        """Record a batch: its paths, their digests, and the pickled list of their outcomes."""
        shard = f"shard-{digest(blob).hex()}.pickle"
        self._new_blobs[shard] = blob
        self.shard_sizes[shard] = len(names)
        for position, (name, key) in enumerate(zip(names, digests)):
            self.entries[name] = (key, shard, position)

    def save(self, live: Iterable[str], outcomes: dict[str, Any] | None = None) -> None:
        """Keep the entries of ``live`` paths, drop the rest, write index and new shards.

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
            self._new_blobs.clear()
            self.add(names, [self.entries[n][0] for n in names], pickle.dumps([outcomes[n] for n in names], 5))
            used = {next(iter(self._new_blobs)): len(names)}
        self.folder.mkdir(parents=True, exist_ok=True)
        for shard, blob in self._new_blobs.items():
            if shard in used and not (self.folder / shard).exists():
                write_atomic(self.folder / shard, blob)
        self._new_blobs.clear()
        self.shard_sizes = {shard: self.shard_sizes[shard] for shard in used}
        index = {"settings": self.settings, "entries": self.entries, "shard_sizes": self.shard_sizes}
        write_atomic(self.folder / _INDEX, pickle.dumps(index, 5))
        for path in self.folder.glob("shard-*.pickle"):
            if path.name not in used:
                path.unlink(missing_ok=True)
