"""The one place qagraph's version is written (pyproject.toml reads it from here), and the stamp
of the code that a build's caches are tied to."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__version__ = "0.2.0"


def stamp_of(package: Path, version: str) -> str:
    """``version`` and a digest of the ``.py`` files under ``package`` (their paths and bytes).

    A parse cache or a build made by other code must not be reused: a checkout updated without a
    version bump (``git pull`` on an editable install) parses, weighs and writes its own way, and
    with the version alone its cached readings of unchanged files would be kept. Only source files
    count: bytecode, assets and a ``__pycache__`` do not. Where the sources cannot be read (a
    frozen install), the version alone is the stamp.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.py").write_text("x = 1")
    >>> first = stamp_of(folder, "1.0")
    >>> first.startswith("1.0+"), stamp_of(folder, "1.0") == first
    (True, True)
    >>> _ = (folder / "a.py").write_text("x = 2")
    >>> stamp_of(folder, "1.0") == first
    False
    """
    h = hashlib.blake2b(digest_size=8)
    try:
        for path in sorted(package.rglob("*.py")):
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    except OSError:
        return version
    return f"{version}+{h.hexdigest()}"


@functools.cache
def code_stamp() -> str:
    """This qagraph's :func:`stamp_of` (read once a process: a few milliseconds)."""
    return stamp_of(Path(__file__).parent, __version__)
