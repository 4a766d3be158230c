"""Walking a content folder: the entries of every folder with each file's status read once.

:mod:`qagraph.load` finds the article files on this walk; a query command takes the content's
:func:`content_stamp` on it to tell whether anything changed since its build. Only the standard
library is imported here: a query command takes the stamp without importing the reader (its
field, link and preset rules cost about a third of a query command's time).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator
from dataclasses import dataclass

__all__ = ["NOT_CONTENT", "Stamp", "content_stamp", "walk"]

#: folders of no one's writing that are passed over unread, as the version control's are: installed
#: packages hold thousands of READMEs, each a file stat'ed and reported as skipped on every build
#: (npm's, and Python's in a project's virtualenv, ``venv/lib/python3.12/site-packages/``, or Debian's)
NOT_CONTENT = frozenset({"node_modules", "site-packages", "dist-packages"})

#: a folder is listed through a descriptor where the OS can: each entry's status is then looked up
#: by its name in that folder, not by its whole path again (a tenth of the scan of 36k files)
_BY_DESCRIPTOR = os.scandir in os.supports_fd


@dataclass
class Stamp:
    """What :func:`content_stamp` adds up: entries seen, and the sum of their modification and
    status-change times (not the latest of them: one file dated in the future, or written while
    the clock was ahead, would hide every later edit)."""

    files: int = 0
    times: int = 0


def walk(top: str, onerror: Callable[[OSError], None], stamp: Stamp, *, inner: bool = False) -> Generator[
        tuple[str, list[os.DirEntry[str]], list[tuple[os.DirEntry[str], os.stat_result | None]]], None, None]:
    """:func:`os.walk` (top-down, links to folders not followed) with the entries themselves, so
    that a file's status is read once: each file comes with its ``lstat`` (``None`` for a hidden
    one, or one that could not be read); the caller may prune or reorder the folders it is given
    (an entry's ``path`` may be its name alone: the folder's path is given beside).
    On the way, ``stamp`` takes ``top`` itself (a file removed from it changes it alone) and
    every entry that is not hidden; ``inner``: ``top`` is a folder of a walk that took it already
    (a shared walk's, :func:`qagraph.load.discover`), and only what it holds is taken."""
    try:
        folder = os.stat(top)
    except OSError:  # the walk says why
        pass
    else:
        if not inner:
            stamp.times += folder.st_mtime_ns + folder.st_ctime_ns
    todo = [top]
    while todo:
        path = todo.pop()
        fd = None
        try:
            if _BY_DESCRIPTOR:
                fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
            with os.scandir(path if fd is None else fd) as entries:
                listed = list(entries)
        except OSError as exc:
            if fd is not None:
                os.close(fd)
            if not isinstance(exc.filename, str):  # none, or the descriptor the folder was listed through
                exc.filename = path
            onerror(exc)
            continue
        try:  # the entries' status is read through the folder's descriptor, open until the caller is done
            folders: list[os.DirEntry[str]] = []
            files: list[tuple[os.DirEntry[str], os.stat_result | None]] = []
            seen, times = 0, 0
            for entry in listed:
                st = None
                if not entry.name.startswith("."):
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except OSError:
                        pass
                    else:
                        seen += 1
                        times += st.st_mtime_ns + st.st_ctime_ns
                try:
                    is_folder = entry.is_dir()
                except OSError:
                    is_folder = False
                if is_folder:
                    folders.append(entry)
                else:
                    files.append((entry, st))
            stamp.files += seen
            stamp.times += times
            yield path, folders, files
            todo.extend(reversed([os.path.join(path, entry.name) for entry in folders if not entry.is_symlink()]))
        finally:
            if fd is not None:
                os.close(fd)


def content_stamp(root: str | os.PathLike[str]) -> tuple[int, int]:
    """``(files, times)``: how many entries a folder holds (hidden ones aside, at any depth)
    and the sum of the modification and status-change times (ns) of them and the folder itself.
    A sum, not the latest time: a file dated in the future (``touch -d 2030-01-01``, a clock set
    ahead) kept the latest time where it was, and every edit after it went unseen.

    One ``lstat`` per entry, no file read: a query command compares it with the stamp its
    build kept to tell that nothing was added, removed or written since (0.3 s for 36,000
    files on a slow machine, where comparing every signature took 0.6 s; a write, a rename and a
    new file all move a status-change time). When the stamps differ, :func:`qagraph.load.changed_inputs` says what changed.
    """
    stamp = Stamp()
    for _, folders, _ in walk(os.fspath(root), lambda exc: None, stamp):
        folders[:] = [entry for entry in folders if not entry.name.startswith(".") and entry.name not in NOT_CONTENT]
    return stamp.files, stamp.times
