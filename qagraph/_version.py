"""The one place qagraph's version is written (pyproject.toml reads it from here), and the stamp
of the code that a build's caches are tied to."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__version__ = "0.2.0"


SOURCES = ("*.py",)
#: what a build's outputs are made of besides the sources: the views' scripts, styles and templates
ASSETS = ("*.js", "*.css", "*.j2")


def stamp_of(package: Path, version: str, patterns: tuple[str, ...] = SOURCES) -> str:
    """``version`` and a digest of the files under ``package`` that match ``patterns`` (their paths
    and bytes; by default the ``.py`` files).

    A parse cache or a build made by other code must not be reused: a checkout updated without a
    version bump (``git pull`` on an editable install) parses, weighs and writes its own way, and
    with the version alone its cached readings of unchanged files would be kept. Bytecode and a
    ``__pycache__`` never count; the parse cache counts the sources only, a build the views' assets
    too (:func:`build_stamp`). Where the sources cannot be read (a frozen install), the version alone
    is the stamp.

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
        for path in sorted(path for pattern in patterns for path in package.rglob(pattern)):
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    except OSError:
        return version
    return f"{version}+{h.hexdigest()}"


@functools.cache
def code_stamp() -> str:
    """This qagraph's :func:`stamp_of` (read once a process: a few milliseconds)."""
    return stamp_of(Path(__file__).parent, __version__)


@functools.cache
def build_stamp() -> str:
    """The stamp a build is tied to: the sources and the :data:`ASSETS` the views are written with. With
    the sources alone, a checkout that changed only a view's script (a fix of the views) said ``up to date``
    and kept the views of the old script, which only a change of the content made again."""
    return stamp_of(Path(__file__).parent, __version__, SOURCES + ASSETS)
