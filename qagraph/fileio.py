"""Writing outputs whole or not at all: one atomic file writer, and whole build folders.

:func:`atomic_open` writes one file through a temporary file and a rename, so a
reader sees the old file or the new one, never half. :class:`BuildFolder` does the
same for a whole build: a build is written into a staging folder beside the output
folder and swapped in at the end (an atomic exchange of the two folders on Linux), so
a crash, an exception in any writer, a full disk or Ctrl-C at any moment leaves the
previous build as it was. Files an incremental build does not change are hard links
into the staging folder, never copies; no writer changes a file in place, so the
previous build's files stay intact until the swap.

The output folder is qagraph's: it is marked (``.qagraph/build.json``), and building
into a folder that holds other files or folders, or the content itself, is refused unless
``force``, which keeps them (folders with their modes, empty ones too).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import filecmp
import glob
import json
import os
import re
import shutil
import stat
import tempfile
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ._version import __version__
from .errors import OutputError, UsageError

__all__ = ["BuildFolder", "CopyAhead", "PRIVATE", "atomic_open", "file_signature", "is_build_folder", "read_inputs", "write_atomic"]

#: the build's own folder inside the output folder: marker, state, caches
PRIVATE = ".qagraph"
MARKER = "build.json"
INPUTS = "inputs.pickle"
#: what changed of :data:`INPUTS` since it was written, while that is little (see :meth:`BuildFolder.keep_input_changes`)
INPUT_CHANGES = "inputs-changed.pickle"
#: the record's key for the signatures of the state files a patched build reads (see :meth:`BuildFolder.commit`)
SIGNED = "state_files"


def is_build_folder(folder: str | os.PathLike[str]) -> bool:
    """Whether ``folder`` holds a build's record (:data:`MARKER`): a build folder, whatever outputs it holds."""
    return (Path(folder) / PRIVATE / MARKER).is_file()


@contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "w", encoding: str | None = "utf-8", *,
                devices: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; it replaces ``path`` only if the block succeeds.

    With ``devices`` (a file the user named: ``-o``), a ``path`` that is a device or a named pipe
    (``/dev/stdout``, ``/dev/null``, a FIFO, or a link to one) is opened and written into, as a
    shell's ``>`` does, not replaced by a file. A build's own files never are: a pipe put in a
    build folder would make the build wait.

    >>> with atomic_open("out/done.txt") as f:
    ...     _ = f.write("done")
    >>> open("out/done.txt").read()
    'done'

    A file the user named that is one of a build's own (:func:`refuse_build_file`) is refused.

    Raises:
        OutputError: the folder cannot be made or the file cannot be written.
        UsageError: ``devices``, and ``path`` is a file of a build.
    """
    target = Path(path)
    if devices:
        refuse_build_file(target)
    if devices and written_into(target):
        try:
            handle = open(target, mode, encoding=None if "b" in mode else encoding, newline=None if "b" in mode else "\n")
        except OSError as exc:
            raise OutputError(f"cannot write here: {exc.strerror or exc}", path=str(target)) from None
        with handle:
            yield handle
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror or exc}", path=str(target)) from None
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding,
                       newline=None if "b" in mode else "\n") as handle:
            yield handle
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def refuse_build_file(path: str | os.PathLike[str]) -> None:
    """Refuse to write a file the user named (``-o``) over one of a build's own: an output its
    record lists (its database, report, RDF, views) or anything in its own folder. ``suggest -o
    build/qagraph.db`` (or view, or export) replaced the database the command had just read, and
    the build answered nothing more until it was made again.

    Raises:
        UsageError: ``path`` is a file of a build.
    """
    where = Path(os.path.realpath(path))
    for folder in where.parents:
        marker = folder / PRIVATE / MARKER
        if marker.is_file():
            rel = where.relative_to(folder).as_posix()
            try:
                outputs = json.loads(marker.read_text(encoding="utf-8")).get("outputs")
            except (OSError, ValueError, AttributeError):  # a damaged record: its outputs are not known
                outputs = None
            if rel.split("/", 1)[0] == PRIVATE or isinstance(outputs, dict) and rel in outputs:
                raise UsageError(f"one of the files of the build {folder}: writing here would replace it; "
                                 "choose another file", path=str(path))
            return


def written_into(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is written into, not replaced: it is (or links to) something other than a
    file or a folder (a device, a pipe), or it is in ``/dev`` or ``/proc`` or reached through them:
    ``/dev/stdout`` links to ``/proc/self/fd/1``, which links to the very file a shell's ``>``
    opened; replacing it would put a file in ``/dev``, and the output nowhere."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return True
    hop = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on a chain of links
        if hop.startswith(("/dev/", "/proc/")):
            return True
        if not os.path.islink(hop):
            return False
        hop = os.path.normpath(os.path.join(os.path.dirname(hop), os.readlink(hop)))
    return False


def read_regular(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the regular file ``path``: what a build folder keeps of itself is read so. Anything
    else there (a FIFO, whose read waits for a writer that never comes; a device) is an ``OSError``,
    which every reader of such a file takes for a file missing or damaged.

    >>> os.mkfifo("fifo-doc") or read_regular("fifo-doc")
    Traceback (most recent call last):
    ...
    OSError: [Errno 22] not a regular file: 'fifo-doc'
    >>> os.remove("fifo-doc")
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                 | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", os.fspath(path))
        pieces = []
        while piece := os.read(fd, 1 << 20):
            pieces.append(piece)
        return b"".join(pieces)
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, devices: bool = False) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename (``devices``: see :func:`atomic_open`).

    Raises:
        OutputError: the file cannot be written (no space, no permission).
    """
    try:
        with atomic_open(path, "wb" if isinstance(data, bytes) else "w", devices=devices) as handle:
            handle.write(data)
    except BrokenPipeError:  # -o /dev/stdout | head: the reader has what it wanted (the CLI ends with 141)
        raise
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(path)) from None
    return Path(path)


def file_signature(path: str | os.PathLike[str]) -> list[int] | None:
    """What changes whenever a file's content may have changed: size, inode, mtime and ctime.

    ctime cannot be set back by a user, so any write, even one that keeps the size and
    restores the mtime, changes the signature.
    """
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]


def _signatures(folder: str | os.PathLike[str], names: Iterable[str]) -> dict[str, list[int] | None]:
    """:func:`file_signature` of each of ``names`` (relative POSIX paths) in ``folder``. Joined as
    strings: a build's 1,100 outputs are signed or checked four times a patched build, and
    pathlib's joins took as long as the stat calls (0.01-0.03 s each time)."""
    top = os.fspath(folder)
    return {name: file_signature(os.path.join(top, name)) for name in names}


# -- whole build folders ------------------------------------------------------------------

#: the files SQLite keeps beside a database (its write-ahead log and its index, its rollback journal)
_SQLITE_COMPANIONS = frozenset({"wal", "shm", "journal"})
_SQLITE_MAGIC = b"SQLite format 3\0"

_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd = -100
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP if hasattr(errno, "ENOTSUP") else errno.EINVAL):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _remove_tree(folder: str | os.PathLike[str]) -> None:
    """Remove ``folder``, one of qagraph's own (a staging folder, a previous build swapped out), and all
    it holds, as far as can be. A folder in it whose owner may not write or list it (the output folder
    made read-only, ``chmod 555 build``: the build keeps the output folder's mode) is given those rights
    first: its files could not be removed, and every build left a whole copy of the previous one beside
    the output, which no later build swept."""
    failed: list[object] = []
    shutil.rmtree(folder, onerror=lambda *args: failed.append(args))
    if not failed or not os.path.lexists(folder):
        return
    def writable(path: str) -> None:
        with contextlib.suppress(OSError):
            st = os.lstat(path)
            if stat.S_ISDIR(st.st_mode) and st.st_mode & stat.S_IRWXU != stat.S_IRWXU:  # never a link's target
                os.chmod(path, stat.S_IMODE(st.st_mode) | stat.S_IRWXU)
    writable(os.fspath(folder))
    for top, folders, _ in os.walk(folder):  # top down: a folder is opened once it may be
        for name in folders:
            writable(os.path.join(top, name))
    shutil.rmtree(folder, ignore_errors=True)


#: the most of the output folder's name the names beside it hold (see :attr:`BuildFolder._beside`): with
#: ``.`` before it and ``.qagraph-staging-XXXXXXXX-old`` or ``.qagraph-copy-XXXXXXXX`` after it, and a
#: staging folder's large files moved beside it (``.qagraph.db``), a name stays within 255 bytes
_BESIDE_BYTES = 200


#: a file of a previous build this large, linked nowhere else, is removed by a process of its own
#: (:func:`_discard`)
DETACHED_REMOVAL_BYTES = 64 << 20


def _discard(folder: Path) -> None:
    """Remove a previous build's ``folder``; its large files that no other folder links (the
    database: 400 MB at 36k, 0.09 s to unlink, a tenth of an edit's rebuild) are moved beside
    it and removed by a detached process, so the build returns without waiting for the file
    system. Files linked into the new build are removed here: removing a link changes the
    status-change time of the file the new build keeps, which its signatures must see. A
    removal cut short (a reboot) leaves a name the next build sweeps (:meth:`BuildFolder._remove_stale`)."""
    large: list[Path] = []
    if hasattr(os, "posix_spawn"):
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    st = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(st.st_mode) and st.st_nlink == 1 and st.st_size >= DETACHED_REMOVAL_BYTES:
                        moved = folder.with_name(f"{folder.name}.{entry.name}")  # the sweep's name pattern
                        os.rename(entry.path, moved)
                        large.append(moved)
    _remove_tree(folder)
    if large:
        _remove_detached(large)


#: the shell's part of :func:`_remove_detached`: ``rm`` in the background, the shell exits at once
_REMOVE_SCRIPT = 'rm -f -- "$@" &'


def _remove_detached(paths: list[Path]) -> None:
    """Unlink ``paths`` in a process that outlives this one: a shell started with ``posix_spawn``
    (1-3 ms, where forking this process took 10-30 ms) starts ``rm`` in the background and exits;
    it is waited for, so no zombie is left, and both hold only ``/dev/null`` open, so a pipe
    read to its end does not wait for them. Unlinked here where no shell can be started."""
    try:
        null = [(os.POSIX_SPAWN_OPEN, fd, os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY, 0) for fd in (0, 1, 2)]
        pid = os.posix_spawn("/bin/sh", ["sh", "-c", _REMOVE_SCRIPT, "sh", *map(str, paths)], os.environ,
                             file_actions=null)
    except (AttributeError, NotImplementedError, OSError):
        for path in paths:
            with contextlib.suppress(OSError):
                os.unlink(path)
        return
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _link_or_copy(source: str, target: str, made: set[str]) -> None:
    """``target`` made a hard link to ``source`` (a link itself, not what it points to), or a copy
    where the file system has no hard links; ``made`` are the folders known to exist (a build
    keeps 1,100 files in a dozen folders: paths as strings, which pathlib took as long to join
    as the links took to make)."""
    folder = os.path.dirname(target)
    if folder not in made:
        os.makedirs(folder, exist_ok=True)
        made.add(folder)
    try:
        os.link(source, target, follow_symlinks=False)
        return
    except (OSError, NotImplementedError):
        pass
    if os.path.islink(source):
        os.symlink(os.readlink(source), target)
    else:
        shutil.copy2(source, target)


def _relative_files(folder: Path) -> list[str]:
    """Every file under ``folder`` (a link to a folder is one, not followed), as sorted POSIX
    paths relative to it (strings, not :class:`~pathlib.Path`: a build's 1,100 outputs are
    listed on every commit)."""
    return _relative_tree(folder)[0]


def _relative_tree(folder: Path, *, strict: bool = False) -> tuple[list[str], list[str]]:
    """The files under ``folder`` (as :func:`_relative_files`) and its folders (not the links to
    folders), both sorted as paths sort. ``strict``: a folder that cannot be read is an error,
    not a folder that seems empty.

    Raises:
        OSError: with ``strict``, a folder that cannot be read.
    """
    top = os.fspath(folder)
    files: list[str] = []
    folders: list[str] = []

    def unreadable(exc: OSError) -> None:
        if strict:
            raise exc

    for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable):
        rel = os.path.relpath(dirpath, top)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        files += [prefix + name for name in filenames]
        for name in dirnames:
            (files if os.path.islink(os.path.join(dirpath, name)) else folders).append(prefix + name)
    return sorted(files, key=_path_key), sorted(folders, key=_path_key)


def _files_at(folder: Path, paths: Iterable[str]) -> list[str]:
    """The files at ``paths`` (relative to ``folder``: files, or folders and the files they hold), sorted."""
    found: set[str] = set()
    for rel in paths:
        where = folder / rel
        if where.is_dir():
            found.update(f"{rel}/{inner}" for inner in _relative_files(where))
        elif where.is_file():
            found.add(rel)
    return sorted(found)


def _path_key(rel: str) -> list[str]:
    """How relative POSIX paths sort: by their parts (a folder before what it holds)."""
    return rel.split("/")


def _folders_of(names: Iterable[str]) -> set[str]:
    """Every folder that holds one of ``names`` (relative POSIX paths), at any depth."""
    folders = set()
    for name in names:
        folder = name.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    return folders


def _keep_folder_stat(source: Path, target: Path) -> None:
    """``target``, the folder ``source`` made again, given its mode and times (as it was, when it is gone)."""
    try:
        st = os.stat(source)
    except OSError:
        return
    os.chmod(target, stat.S_IMODE(st.st_mode))
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))


def _recorded(outputs: Any) -> bool:
    """Whether ``outputs`` is what a build record keeps of its outputs: their signatures by name
    (:func:`file_signature`, ``None`` for one that was gone)."""
    return isinstance(outputs, dict) and set(map(type, outputs.values())) <= {list, type(None)}


def _record_text(record: dict[str, Any]) -> str:
    """``build.json``: compact, so that the C encoder writes it (1,100 output signatures at 36k)."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


class CopyAhead:
    """A copy of a file made by a thread while the caller works on, then taken or dropped.

    A rebuild that patches the previous build needs a real copy of its database (the copy is
    changed in place: a hard link would change the previous build). Started before the
    content is scanned, the copy is made in the scan's time: the kernel copies, and the
    thread waits on it without holding the interpreter. :meth:`take` puts the copy in place
    once it is done; :meth:`drop` (nothing changed, or a full build) stops the copy at its
    next chunk and removes what it wrote. Either waits for the thread, so that no thread is
    left when the build forks. ``path`` is where the copy is made.

    >>> import tempfile
    >>> where = Path(tempfile.mkdtemp())
    >>> _ = (where / "a.db").write_bytes(b"x" * 100_000)
    >>> ahead = CopyAhead(where / "a.db", where / ".copy-")
    >>> ahead.take(where / "b.db"), (where / "b.db").read_bytes() == (where / "a.db").read_bytes()
    (True, True)
    >>> dropped = CopyAhead(where / "a.db", where / ".copy-")
    >>> dropped.drop()
    >>> sorted(p.name for p in where.iterdir())
    ['a.db', 'b.db']
    """

    CHUNK = 16 << 20  #: what is copied between two looks at :meth:`drop` (a few ms)

    def __init__(self, source: str | os.PathLike[str], prefix: str | os.PathLike[str]) -> None:
        self.source = Path(source)
        fd, name = tempfile.mkstemp(prefix=os.path.basename(prefix), dir=os.path.dirname(prefix) or ".")
        self.path = Path(name)
        self._signature: list[int] | None = None  # the source's as the copy began
        self._error: OSError | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._finished = self._dropped = self._taken = False
        self._thread = threading.Thread(target=self._run, args=(fd,), name="qagraph-copy-ahead")
        self._thread.start()

    def _run(self, fd: int) -> None:
        try:
            with open(self.source, "rb") as source:
                st = os.fstat(source.fileno())
                self._signature = [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]
                self._copy(source.fileno(), fd, st.st_size)
            os.fchmod(fd, 0o644)
        except OSError as exc:
            self._error = exc
        finally:
            os.close(fd)
            with self._lock:
                self._finished = True
                dropped = self._dropped
            if dropped:
                self._remove()

    def _copy(self, source: int, target: int, size: int) -> None:
        done, in_kernel = 0, hasattr(os, "copy_file_range")
        while done < size and not self._stop.is_set():
            step = min(self.CHUNK, size - done)
            if in_kernel:
                try:
                    sent = os.copy_file_range(source, target, step, done, done)
                except OSError as exc:  # another file system, an old kernel: copy through this process
                    if exc.errno not in (errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EPERM):
                        raise
                    in_kernel, sent = False, 0
                    continue
            else:
                data = os.pread(source, step, done)
                sent = os.pwrite(target, data, done)
            if sent <= 0:  # the file got shorter as it was copied
                raise OSError(errno.EIO, "the file changed while it was copied", str(self.source))
            done += sent

    def take(self, target: str | os.PathLike[str]) -> bool:
        """Put the copy at ``target`` once it is done; False (and nothing put) when it failed, or
        when the source has changed since the copy began: the caller then copies."""
        self._thread.join()
        if self._error is not None or self._signature is None or file_signature(self.source) != self._signature:
            self.drop()
            return False
        os.replace(self.path, target)
        self._taken = True
        return True

    def drop(self) -> None:
        """Stop the copy, remove it, and wait for the thread (nothing is left of either); after
        :meth:`take`, nothing to do."""
        if self._taken:
            return
        self._stop.set()
        with self._lock:
            self._dropped = True
            finished = self._finished
        if finished:
            self._remove()
        self._thread.join()

    def _remove(self) -> None:
        with contextlib.suppress(OSError):
            os.unlink(self.path)


_MAX_INPUT_CHANGES = 2048  #: changes kept beside the full list of inputs; more, and it is written again


def _inputs_stamp(path: Path) -> tuple[int, int, int] | None:
    """Which file ``path`` is (inode, size, modification time): a link to it in the next
    staging folder is the same file; its status-change time is not kept, as linking moves it."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_ino, st.st_size, st.st_mtime_ns


def read_inputs(private: Path) -> tuple[dict[str, tuple[Any, ...]], tuple[int, int, int] | None, dict[str, Any]]:
    """What the build whose own folder is ``private`` knew of each input file (:data:`INPUTS`
    with the changes kept beside it applied, :meth:`BuildFolder.keep_input_changes`); the
    stamp of the full list and those changes. Empty when unknown."""
    from .cache import load_sealed

    stamp = _inputs_stamp(private / INPUTS)
    known = load_sealed(private / INPUTS)
    if not isinstance(known, dict):
        return {}, None, {}
    kept = load_sealed(private / INPUT_CHANGES)
    changes: dict[str, Any] = {}
    if isinstance(kept, dict) and kept.get("inputs") == stamp and isinstance(kept.get("changes"), dict):
        changes = kept["changes"]
        for name, entry in changes.items():
            if entry is None:
                known.pop(name, None)
            else:
                known[name] = entry
    return known, stamp, changes


class BuildFolder:
    """The output folder of a build: checks, its state, a staging folder, and the swap.

    >>> folder = BuildFolder("out-doc", content="content")
    >>> with folder.staging() as stage:
    ...     _ = (stage / "report.json").write_text("{}")
    ...     folder.commit(stage, outputs=["report.json"], state={"fingerprint": "x"})
    >>> sorted(p.name for p in Path("out-doc").iterdir())
    ['.qagraph', 'report.json']

    Raises:
        OutputError: the output is a file, cannot be made, or holds other files (without ``force``).
        UsageError: the output folder is the content folder, inside it, or holds it (without ``force``);
            it holds the current folder (a build replaces it whole).
    """

    def __init__(self, out: str | os.PathLike[str], *, content: str | os.PathLike[str] | None = None,
                 force: bool = False, writes: Collection[str] = ()) -> None:
        self.out = Path(out)
        try:
            os.stat(self.out)
        except OSError as exc:  # not there yet (made by the build), or said below
            if exc.errno == errno.ELOOP:  # else built in full, then "cannot put the new build in place"
                raise OutputError("the output is a link that leads back to itself (a link loop); remove it, or "
                                  "choose another folder", path=str(out)) from None
        if self.out.is_symlink():  # a link to the folder (or the place) where builds go: build there
            self.out = Path(os.path.realpath(self.out))
        #: the output folder as the system finds it: absolute, without ``.``, ``..`` or links. It is
        #: what is swapped, and what the staging folder, the copies made ahead and the lock are put
        #: beside and named after, so that every path made from it compares equal to the others
        #: (``out`` is the path as given, for messages and the paths shown)
        self.where = Path(os.path.realpath(self.out))
        self.force = force
        if self.out.exists() and not self.out.is_dir():
            raise OutputError("the output exists and is not a folder", path=str(out))
        parent = self.where.parent
        if not parent.exists():
            try:
                parent.mkdir(parents=True)
            except OSError as exc:
                raise OutputError(f"cannot make the output folder: {exc.strerror or exc}", path=str(out)) from None
        if not parent.is_dir():
            raise OutputError("the output's parent is not a folder", path=str(out))
        if not os.access(parent, os.W_OK | os.X_OK):  # root is stopped only by a read-only file system
            why = "a read-only file system" if os.statvfs(parent).f_flag & os.ST_RDONLY else "permission denied"
            raise OutputError(f"cannot write in the output's parent folder ({why})", path=str(out))
        if content is not None and not force:
            here, source = self.where, Path(os.path.realpath(content))  # a link loop: not a folder, said by the scan
            if here == source or _inside(here, source) or _inside(source, here):
                raise UsageError(
                    f"the output folder {out} and the content folder {content} overlap: a build would write among "
                    "the articles (or replace them); choose another output folder, or --force", path=str(out))
        try:
            current: Path | None = Path(os.path.realpath(os.getcwd()))
        except OSError:  # removed already
            current = None
        if current is not None and _inside(current, self.where):
            raise UsageError(
                f"the output folder {out} holds the current folder: a build replaces the output folder whole, and "
                "would leave the current folder removed; run it from outside the output folder", path=str(out))
        if self.where.is_dir() and os.path.ismount(self.where):  # else built in full, then "Device or resource busy"
            inside = os.path.join(os.fspath(out), "build")
            raise OutputError(f"the output folder is a mount point: a build is written beside it and swapped in whole, "
                              f"which cannot replace a mount point; build into a folder inside it (-o {inside})",
                              path=str(out))
        #: the record's signature as :attr:`previous` was read from it (see :meth:`rewritten`)
        self._record_signature = file_signature(self.private / MARKER)
        self.previous = self._read_state(writes)
        self.kept_foreign: list[str] = []  #: the files qagraph did not write, kept by ``force``
        self.kept_folders: list[str] = []  #: the folders that hold none of its outputs, kept by ``force``
        self._ahead: dict[str, CopyAhead] = {}  #: copies made ahead, by output name (:meth:`start_copy`)
        #: what :meth:`inputs` read: the stamp of the full list and the changes kept beside it
        self._inputs_read: tuple[tuple[int, int, int] | None, dict[str, Any]] = (None, {})
        if not force:
            foreign = self.foreign_files()
            if foreign:
                shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
                raise OutputError(
                    f"the output folder holds files qagraph did not write ({shown}); choose an empty or new "
                    "folder, or --force to build there and keep them", path=str(out))

    @property
    def private(self) -> Path:
        return self.out / PRIVATE

    @property
    def record_signature(self) -> list[int] | None:
        """The signature (:func:`file_signature`) of the record of the build :attr:`previous` is, as
        it was read, or as :meth:`commit` put it in place: another build put in place since has another."""
        return self._record_signature

    def is_build(self) -> bool:
        return is_build_folder(self.out)

    def _read_state(self, writes: Collection[str]) -> dict[str, Any]:
        """The last build's record (:data:`MARKER`); empty when the folder is not a build.

        A record that is missing or damaged in a folder whose own folder shows a build of this
        user's qagraph (the list of inputs it keeps, sealed) is not the mark of a folder of other
        files: the record made in its place has no settings (the build is a full one), and its
        outputs are the files at the paths a build ``writes`` (files, or folders and what they
        hold); the other files are still not qagraph's.
        """
        try:
            state = json.loads(read_regular(self.private / MARKER))
        except (OSError, ValueError):
            state = None
        if isinstance(state, dict) and _recorded(state.get("outputs")):
            return state
        if not writes or not self._sealed_inputs():
            return {}
        return {"outputs": {rel: None for rel in _relative_files(self.out)
                            if rel in writes or rel.split("/", 1)[0] in writes}}

    def _sealed_inputs(self) -> bool:
        """Whether the folder keeps the list of inputs a build of this user's qagraph sealed."""
        from .cache import unseal

        try:
            return unseal((self.private / INPUTS).read_bytes()) is not None
        except OSError:
            return False

    def inputs(self) -> dict[str, tuple[Any, ...]]:
        """What the last build knew of each input file (see :func:`qagraph.load.scan`); empty when unknown."""
        known, stamp, changes = read_inputs(self.private)
        self._inputs_read = (stamp, changes)
        return known

    @staticmethod
    def keep_inputs(stage: Path, inputs: dict[str, tuple[Any, ...]]) -> None:
        """Keep ``inputs`` (what was read of each input file) in ``stage`` for the next build's scan
        (:meth:`inputs`); :meth:`commit` does it when given them."""
        from .cache import dump_sealed

        (stage / PRIVATE).mkdir(parents=True, exist_ok=True)
        dump_sealed(stage / PRIVATE / INPUTS, inputs)
        (stage / PRIVATE / INPUT_CHANGES).unlink(missing_ok=True)

    def keep_input_changes(self, stage: Path, changes: Mapping[str, tuple[Any, ...] | None],
                           inputs: Callable[[], dict[str, tuple[Any, ...]]]) -> None:
        """Keep what was read of each input file in ``stage`` for the next build, as ``changes``
        (name -> entry, ``None`` for a file gone) to what :meth:`inputs` read.

        While the changes since the full list was written are few (:data:`_MAX_INPUT_CHANGES` at
        most), they are kept beside it (linked into ``stage`` as it was): after an edit, one entry,
        not 36,000 written again (5 MB, 0.07 s). Else the full list, ``inputs()``, is written again.
        """
        from .cache import dump_sealed

        stamp, before = self._inputs_read
        merged = {**before, **changes}
        full = stage / PRIVATE / INPUTS
        if stamp is not None and len(merged) <= _MAX_INPUT_CHANGES and _inputs_stamp(full) == stamp:
            dump_sealed(stage / PRIVATE / INPUT_CHANGES, {"inputs": stamp, "changes": merged})
        else:
            self.keep_inputs(stage, inputs())

    def start_copy(self, name: str) -> None:
        """Start a :class:`CopyAhead` of the output ``name`` (once), made beside the output folder
        (where the staging folder will be: it is renamed into it). It is made before the lock is
        taken: a build that is killed leaves it to the next build to remove, as it does a staging
        folder."""
        if name not in self._ahead:
            prefix = self.where.parent / f".{self._beside}.qagraph-copy-"
            self._ahead[name] = CopyAhead(self.out / name, prefix)

    def take_copy(self, name: str, target: Path) -> bool:
        """Put the copy of ``name`` started by :meth:`start_copy` at ``target``; False when none was
        started, or it could not be taken (see :meth:`CopyAhead.take`)."""
        ahead = self._ahead.get(name)
        return ahead is not None and ahead.take(target)

    def drop_copies(self) -> None:
        """Stop and remove the copies started and not taken (see :meth:`CopyAhead.drop`)."""
        for ahead in self._ahead.values():
            ahead.drop()

    def foreign_files(self) -> list[str]:
        """What the folder holds that the last build did not write (nothing under ``.qagraph/``):
        files, and folders (named with a ``/``) that hold none of its outputs, empty ones too; a
        folder is named for what it holds."""
        files, folders = self._foreign()
        named = set(folders)
        return sorted([rel for rel in files if rel.rpartition("/")[0] not in named]
                      + [rel + "/" for rel in folders if rel.rpartition("/")[0] not in named], key=_path_key)

    def _foreign(self, *, strict: bool = False) -> tuple[list[str], list[str]]:
        """The files in the folder that the last build did not write, and the folders that hold none
        of its outputs (nothing under ``.qagraph/``); ``strict``: see :func:`_relative_tree`."""
        if not self.out.is_dir():
            return [], []
        ours = set(self.previous.get("outputs", {}))
        files, folders = _relative_tree(self.out, strict=strict)
        holding = _folders_of(ours) if folders else set()
        return ([rel for rel in files if rel.split("/", 1)[0] != PRIVATE and rel not in ours
                 and not self._database_companion(rel, ours)],
                [rel for rel in folders if rel.split("/", 1)[0] != PRIVATE and rel not in holding])

    def _database_companion(self, rel: str, ours: Collection[str]) -> bool:
        """Whether ``rel`` is a file SQLite keeps beside an output that is a SQLite database
        (``qagraph.db-wal``, ``-shm``, ``-journal``: a user's own ``sqlite3`` session leaves them):
        the database's, not the user's, so not foreign; not kept either (:meth:`staging`), as the
        old log beside a new database would be read into it."""
        base, dash, suffix = rel.rpartition("-")
        if not dash or suffix not in _SQLITE_COMPANIONS or base not in ours:
            return False
        try:
            with open(self.out / base, "rb") as db:
                return db.read(len(_SQLITE_MAGIC)) == _SQLITE_MAGIC
        except OSError:
            return False

    def rewritten(self) -> bool:
        """Whether another build put its own in place since :attr:`previous` was read (its record is
        another file now). Asked under the lock (:meth:`staging`), it says that what was chosen
        from the previous build (to patch it, keeping its outputs) is to be chosen again. Not the
        outputs' signatures: linking them into the staging folder changes their status-change time."""
        return file_signature(self.private / MARKER) != self._record_signature

    def intact(self) -> bool:
        """Every output the last build recorded is there, unchanged since (see :func:`file_signature`),
        and so is every file of its own state it signed (:meth:`commit`'s ``signed``)."""
        outputs = self.previous.get("outputs")
        if not outputs:
            return False
        signed = self.previous.get(SIGNED, {})
        if not isinstance(signed, dict):
            return False
        return all(_signatures(self.out, recorded) == recorded for recorded in (outputs, signed))

    def unchanged(self, name: str) -> bool:
        """Whether the output ``name`` is still as the last build recorded it (see :meth:`intact`).
        Asked once a copy of it is made, it says that the copy is of the build's own file: a
        user's ``sqlite3`` session may write the database in between (its WAL mode, its tables)."""
        outputs = self.previous.get("outputs")
        return isinstance(outputs, dict) and outputs.get(name) is not None and file_signature(self.out / name) == outputs[name]

    @contextmanager
    def staging(self, keep: Iterable[str] = ()) -> Iterator[Path]:
        """A new folder beside the output to build into; removed on any failure.

        ``keep`` are paths (relative, files or folders) of the current build to bring
        over as hard links: the parse cache, unchanged outputs of an incremental build.
        With ``force``, the files qagraph did not write are brought over too, and the folders
        that hold none of its outputs are made again, empty ones too (their modes and times are
        theirs once the build is done, :meth:`commit`).
        """
        with self._locked():
            self._remove_stale()
            yield from self._stage(keep)

    def _stage(self, keep: Iterable[str]) -> Iterator[Path]:
        try:
            stage = Path(tempfile.mkdtemp(prefix=f".{self._beside}.qagraph-staging-", dir=self.where.parent))
        except OSError as exc:
            raise OutputError(f"cannot make a staging folder beside the output: {exc.strerror or exc}",
                              path=str(self.out)) from None
        try:
            self.kept_foreign, self.kept_folders = self._kept() if self.force else ([], [])
            wanted = list(keep) + self.kept_foreign
            top, into = os.fspath(self.out), os.fspath(stage)
            made = {into}
            for rel in self.kept_folders:  # parents first
                (stage / rel).mkdir(parents=True, exist_ok=True)
                made.add(os.path.join(into, rel))
            for rel in wanted:
                source = os.path.join(top, rel)
                try:
                    mode = os.lstat(source).st_mode
                except FileNotFoundError:
                    continue
                if stat.S_ISDIR(mode):
                    for inner in _relative_files(Path(source)):
                        _link_or_copy(os.path.join(source, inner), os.path.join(into, rel, inner), made)
                else:
                    _link_or_copy(source, os.path.join(into, rel), made)
            yield stage
        finally:
            if stage.exists():
                _remove_tree(stage)

    def _kept(self) -> tuple[list[str], list[str]]:
        """What ``force`` keeps of the folder (:meth:`_foreign`): every folder read, or an error."""
        try:
            return self._foreign(strict=True)
        except OSError as exc:
            where = os.path.relpath(exc.filename, self.out) if isinstance(exc.filename, str) else "a folder"
            raise OutputError(f"cannot read {where} to keep what it holds: {exc.strerror or exc}",
                              path=str(self.out)) from None

    def commit(self, stage: Path, *, state: dict[str, Any], outputs: Iterable[str] | None = None,
               inputs: dict[str, tuple[Any, ...]] | None = None, signed: Iterable[str] = ()) -> None:
        """Mark ``stage`` as a build with ``state``, then swap it in for the output folder.

        ``outputs`` are the files of the build (default: every file of ``stage`` but
        qagraph's own folder and the other files ``force`` kept); ``inputs`` (what was
        read of each input file) is kept for the next build's scan. The files at ``signed``
        (files, or folders and what they hold: the state a patched build reads again, in
        qagraph's own folder) are signed as the outputs are, so that one edited, cut short or
        removed by hand makes the folder not :meth:`intact`, and the next build a full one.

        Raises:
            OutputError: an output replaced a file qagraph did not write (kept by ``force``).
        """
        replaced = [rel for rel in self.kept_foreign if self._replaced(stage / rel, self.out / rel)]
        if replaced:
            shown = ", ".join(replaced[:3]) + (f" and {len(replaced) - 3} more" if len(replaced) > 3 else "")
            raise OutputError(f"the build would replace files qagraph did not write ({shown}); move them, or "
                              "choose another output folder", path=str(self.out))
        if outputs is None:
            foreign = set(self.kept_foreign)
            outputs = [rel for rel in _relative_files(stage) if rel.split("/", 1)[0] != PRIVATE and rel not in foreign]
        signatures = _signatures(stage, sorted(set(outputs)))
        record = {"qagraph": __version__, **state, "outputs": signatures}
        record[SIGNED] = _signatures(stage, _files_at(stage, signed))
        marker = stage / PRIVATE / MARKER
        marker.parent.mkdir(parents=True, exist_ok=True)
        if inputs is not None:
            self.keep_inputs(stage, inputs)
        marker.write_text(_record_text(record), encoding="utf-8")
        for rel in reversed(self.kept_folders):  # deepest first: a folder's mode may shut its owner out
            _keep_folder_stat(self.out / rel, stage / rel)
        try:
            mode = stat.S_IMODE(os.stat(self.out).st_mode)  # the folder keeps its mode (a staging folder's is 700)
        except OSError:
            mode = 0o755
        os.chmod(stage, mode)
        try:
            if self.where.exists():
                if not _exchange(stage, self.where):
                    old = stage.with_name(stage.name + "-old")
                    os.rename(self.where, old)
                    os.rename(stage, self.where)
                    _discard(old)
                else:
                    _discard(stage)  # after the exchange it holds the previous build
            else:
                os.rename(stage, self.where)
        except OSError as exc:
            raise OutputError(f"cannot put the new build in place: {exc.strerror or exc}", path=str(self.out)) from None
        self._resign(record)
        self.previous = record
        self._record_signature = file_signature(self.private / MARKER)

    def _resign(self, record: dict[str, Any]) -> None:
        """Take the outputs' signatures again now that the previous build is gone.

        An output kept from the previous build is a hard link; removing that build
        changes its link count and so its ctime. Without this, the next build would
        find the outputs changed and redo work for nothing. A kill before this point
        leaves the older signatures, which only costs the next build its shortcut.
        """
        before = {key: record[key] for key in ("outputs", SIGNED) if key in record}
        now = {key: _signatures(self.out, signatures) for key, signatures in before.items()}
        if now == before:
            return
        record.update(now)
        with contextlib.suppress(OSError):
            write_atomic(self.out / PRIVATE / MARKER, _record_text(record))

    @staticmethod
    def _replaced(staged: Path, original: Path) -> bool:
        """Whether the staged copy (a hard link, or a copy) of a file kept by ``force`` is no longer it."""
        try:
            now, before = os.lstat(staged), os.lstat(original)
            if (now.st_dev, now.st_ino) == (before.st_dev, before.st_ino):
                return False
            if stat.S_ISLNK(now.st_mode) or stat.S_ISLNK(before.st_mode):
                return not (stat.S_ISLNK(now.st_mode) and os.readlink(staged) == os.readlink(original))
            return not filecmp.cmp(staged, original, shallow=False)
        except OSError:  # gone from the staging folder
            return True

    @property
    def _beside(self) -> str:
        """The output folder's name as the names of what a build puts beside it hold it (its lock,
        staging folder, copies made ahead: ``.out.qagraph-lock``): cut, with a digest of the whole,
        where it is so long that they would be longer than a file system allows (255 bytes). A folder
        whose name was over 225 bytes could not be built into ("File name too long")."""
        name = self.where.name
        if len(os.fsencode(name)) <= _BESIDE_BYTES:
            return name
        import hashlib

        cut = name
        while len(os.fsencode(cut)) > _BESIDE_BYTES - 9:
            cut = cut[:-1]
        return f"{cut}~{hashlib.blake2b(os.fsencode(name), digest_size=4).hexdigest()}"

    def _remove_stale(self) -> None:
        """Staging folders and copies made ahead left by a build that was killed (the lock says no
        build is running; this one's own copy is not theirs)."""
        parent, name = self.where.parent, glob.escape(self._beside)  # out[1], out*: a name, not a pattern
        ours = {ahead.path for ahead in self._ahead.values()}
        for leftover in [*parent.glob(f".{name}.qagraph-staging-*"), *parent.glob(f".{name}.qagraph-copy-*")]:
            if leftover in ours:
                continue
            with contextlib.suppress(OSError):
                if stat.S_ISDIR(os.lstat(leftover).st_mode):
                    _remove_tree(leftover)
                else:  # a link an older qagraph swapped out of the output's place
                    os.unlink(leftover)

    def failure(self, exc: OSError | OutputError) -> OutputError:
        """``exc``, raised while a build was being written, as an error about the output folder.

        A file in the staging folder is named as it will be in the output folder, and
        the message says that the output folder is as it was. An error about the output
        folder itself (another build is writing it, ...) comes back as it is.

        >>> folder = BuildFolder("out-doc")
        >>> stage = os.path.abspath(".out-doc.qagraph-staging-x1y2/qagraph.db")
        >>> str(folder.failure(OSError(28, "No space left on device", stage)))
        'out-doc: cannot write qagraph.db: No space left on device; the build folder is as it was'
        """
        if isinstance(exc, OutputError):
            where: str | None = exc.path
            reason = exc.message.split(": ", 1)[-1] if exc.message.startswith("cannot ") else exc.message
            if where is None or self._staged_name(where) is None:
                return exc
        else:
            where = exc.filename if isinstance(exc.filename, str) else None
            reason = exc.strerror or str(exc)
        reason = re.sub(r"^\[Errno \d+\] ", "", reason)  # str(OSError) in a message of another module
        staged = self._staged_name(where) if where else None
        if staged is None and where and _inside(Path(os.path.realpath(where)), self.where):
            staged = Path(os.path.realpath(where)).relative_to(self.where).as_posix()  # its copy, staged
        what = f"cannot write {staged}" if staged else f"{where}" if where else "cannot write the build"
        return OutputError(f"{what}: {reason}; the build folder is as it was", path=str(self.out))

    def _staged_name(self, path: str) -> str | None:
        """``path``, in a staging folder of this output, relative to that folder (``None``: not in one)."""
        parts = Path(os.path.abspath(path)).parts
        prefix = f".{self._beside}.qagraph-staging-"
        inside = [i for i, part in enumerate(parts) if part.startswith(prefix)]
        if not inside:
            return None
        return "/".join(parts[inside[-1] + 1 :]) or "."

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """One build at a time into this folder (a lock file beside it)."""
        import fcntl

        lock = self.where.parent / f".{self._beside}.qagraph-lock"
        try:
            handle = open(lock, "a+")
        except OSError as exc:
            raise OutputError(f"cannot lock the output folder: {exc.strerror or exc}", path=str(self.out)) from None
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise OutputError("another qagraph build is writing this folder", path=str(self.out)) from None
            yield
        finally:
            handle.close()
