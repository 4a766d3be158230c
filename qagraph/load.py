"""Reading a folder of article files: discovery, bounded reads, and the parse pool.

Every article file under the folder ends up as an article, a rejected file (an error
:class:`~qagraph.errors.Problem` says why) or a skipped file (not an article, on
purpose), and :class:`LoadResult` counts add up: ``files == articles + rejected +
skipped``. Only regular files are read, each up to a size limit, so a FIFO, a device
or a link to ``/dev/zero`` is a problem and never a hang; a folder that cannot be read
is a problem like a file that cannot be read. File names in any bytes are reported in
a readable form. Syntax is :mod:`qagraph.frontmatter`'s business, meaning is
:mod:`qagraph.fields`'s; this module finds the files and runs them through both, in a
process pool for large folders, with a cache of parsed files (:mod:`qagraph.cache`).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import operator
import os
import pickle
import re
import stat
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ._version import code_stamp
from .cache import ParseCache, digest
from .errors import ERROR, RESOURCE, SKIPPED, WARNING, ContentError, Problem, ProcessError, UsageError
from .fileio import MARKER, PRIVATE
from .fields import FieldMap, body_start, in_the_future, mounted_name, read_article, to_article
from .frontmatter import FrontMatter, decode, json_loads, nikola_head, read_front_matter
from .limits import Limits, apply_limits
from .links import replace_spans, url_key
from .model import Article, Progress
from .presets import (AUTO, HTML_PAGES, Detection, choose, corpus_problems, hugo_html_folders, jekyll_html_folders,
                      layout_skips, page_formats)
from .regex import lazy_compile
from .walk import NOT_CONTENT as _NOT_CONTENT
from .walk import Stamp as _Stamp
from .walk import walk as _walk
from .workers import abandon, end_with_parent, interrupts_held

__all__ = [
    "DEFAULT_MAX_FILE_SIZE",
    "Discovery",
    "LoadResult",
    "Scan",
    "changed_inputs",
    "discover",
    "display_name",
    "file_links",
    "load_corpus",
    "load_order",
    "parse_bytes",
    "parse_text",
    "scan",
]

Outcome = tuple[Article | None, list[Problem]]

#: the largest article file read (bytes); larger ones are problems. The real corpus's
#: largest is 10 kB; notes with pasted data reach a few MB.
DEFAULT_MAX_FILE_SIZE = 8 * 1024 * 1024
_VCS = frozenset({".git", ".hg", ".svn"})
#: a build's own files beside its folder (``.build.qagraph-lock``, and the copy of its database a
#: patched build makes while the content is walked): not files of the corpus, as its folder is not
_BUILDS_OWN = lazy_compile(r"\..+\.qagraph-(?:lock$|copy-)")


@dataclass
class LoadResult:
    """What :func:`load_corpus` found: articles, problems and the counts that tie them."""

    root: str
    articles: list[Article]
    problems: list[Problem]
    files: int  #: article files seen (by suffix)
    ignored: int  #: other files passed over (images, .DS_Store, ...)
    rejected: list[str] = field(default_factory=list)  #: files that are not in the result, with an error
    skipped: list[str] = field(default_factory=list)  #: files that are not articles, on purpose
    #: hidden folders and article files left out, with their article files (None: unknown, a folder in it
    #: could not be read; a hidden file holds itself)
    hidden: list[tuple[str, int | None]] = field(default_factory=list)
    fields: FieldMap = field(default_factory=FieldMap)  #: the field map the files were read with
    detection: Detection | None = None  #: which preset, recognised or named, and why

    @property
    def counts(self) -> dict[str, int]:
        return {
            "files": self.files,
            "articles": len(self.articles),
            "rejected": len(self.rejected),
            "skipped": len(self.skipped),
            "ignored_files": self.ignored,
            "problems": len(self.problems),
            "errors": sum(p.severity == ERROR for p in self.problems),
            "warnings": sum(p.severity == WARNING for p in self.problems),
        }

    @property
    def source(self) -> str:
        """The content folder's name (not its path: the report is the same wherever the content is);
        ``..`` or ``.`` name the folder they lead to; a name that is not UTF-8 is shown with escapes, as
        :func:`display_name` shows it (the report could not be written).

        >>> LoadResult("content/biology/..", [], [], 0, 0).source, LoadResult("c\\udcff", [], [], 0, 0).source
        ('content', 'c\\\\xff')
        """
        return display_name(os.path.basename(os.path.abspath(self.root)))


# -- discovery -----------------------------------------------------------------------------


def display_name(raw: str) -> str:
    """A path as people can read it: bytes that are not UTF-8 and control characters escaped.

    >>> display_name("caf\\udce9.md"), display_name("two\\nlines.md")
    ('caf\\\\xe9.md', 'two\\\\nlines.md')
    """
    if raw.isprintable():
        return raw
    text = os.fsencode(raw).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass(frozen=True)
class Discovery:
    """The article files of a folder (``names``: readable, ``raw``: as the OS spells them),
    the problems found on the way, and what was passed over."""

    names: list[str]
    raw: dict[str, str]  #: readable name -> OS name, only where they differ
    ignored: int
    problems: list[Problem]  #: files and folders that cannot be read at all
    hidden: list[tuple[str, int | None]]  #: hidden folders and article files, with their article files (None: unknown)
    signatures: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)  #: size, inode, mtime, ctime
    stamp: tuple[int, int] = (0, 0)  #: the folder's :func:`~qagraph.walk.content_stamp`, taken on the same walk
    started: int = 0  #: the clock (ns) as the walk began: signatures changed since then may not show the next change
    #: warnings about article files that are read all the same, by name: a link to another article file
    notes: dict[str, Problem] = field(default_factory=dict)


#: a walk of at least this many article files (as the last build counted them) is shared with a
#: process forked for it, when the folder's own folders hold them: 36,000 files take 0.45 s on one core
SHARED_WALK = 8000


class _OneWalk(Exception):
    """A shared walk met a name that must be made readable: whether it reads as another one is
    known only to a walk that has met every name before it, so the folder is walked again in one."""


@dataclass
class _Part:
    """What the walk found in one folder of the content folder (and all under it), or in its own files."""

    names: list[str] = field(default_factory=list)
    raw_of: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    hidden: list[tuple[str, int | None]] = field(default_factory=list)
    signatures: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)
    ignored: int = 0
    file_links: list[tuple[str, str]] = field(default_factory=list)  #: article files that are links: (shown, path)
    linked: list[str] = field(default_factory=list)  #: article files with more than one name (hard links): shown


def discover(root: str | os.PathLike[str], fields: FieldMap = FieldMap(),
             max_file_size: int = DEFAULT_MAX_FILE_SIZE, *, weights: Mapping[str, int] | None = None,
             then: Callable[[], None] | None = None) -> Discovery:
    """The article files under ``root``, as sorted POSIX paths relative to it.

    Hidden files and folders (``.DS_Store``, ``.git``) are passed over; hidden folders
    are listed with how many article files they hold (not a version control's, nor
    ``node_modules/``, which are passed over unread): ``None`` when a folder in one cannot be
    read, which is a warning naming it; a hidden article file (``.NET Sets.md``) is listed too,
    holding itself. Links to folders are not followed (each is a warning).
    A name that matches the suffixes but is not a regular file (a FIFO, a device, a
    broken link), is larger than ``max_file_size`` or cannot be read is a problem, and
    counts as a rejected file.

    ``weights`` (article files per folder of ``root``, by name, as an earlier walk found them)
    lets a walk of :data:`SHARED_WALK` files or more be shared with a forked process, which
    walks about half of those folders; the result is the same as one walk's. ``then`` is
    called once that process is started (at once when none is): a thread started there is
    not forked.

    >>> d = discover("content")
    >>> len(d.names), d.problems
    (49, [])
    """
    base = Path(root)
    suffixes = tuple(s.lower() for s in fields.suffixes)
    # a site's pages in other formats (a Jupyter Book's notebooks): found, to be read or said unread
    suffixes += tuple(s for s in page_formats(base) if s not in suffixes)
    # a Hugo site's HTML pages: those in its content folder only (its layouts' are templates)
    html_in = tuple(f.replace("/", os.sep) for f in hugo_html_folders(base))
    # a Jekyll site's: those with front matter, where it reads pages (not its _layouts/ nor _includes/)
    jekyll_read = jekyll_html_folders(base) if not html_in else None
    shared = (weights is not None and sum(weights.values()) >= SHARED_WALK and hasattr(os, "fork")
              and (os.cpu_count() or 1) > 1)

    def unreadable(part: _Part, exc: OSError, hidden: str | None = None) -> None:
        """A folder that cannot be read: an error, or in ``hidden`` (a hidden folder, counted and not
        read) a warning, as only how many article files it holds is lost."""
        rel = os.path.relpath(exc.filename, base) if exc.filename else "."
        folder = display_name(rel).replace(os.sep, "/") + "/"
        why = f"cannot read folder: {exc.strerror or exc}"
        if hidden is None:
            part.problems.append(Problem(folder, None, why, "io"))
        else:
            part.problems.append(Problem(folder, None, f"{why}; how many article files the hidden folder {hidden} "
                                         "holds is unknown", "io", WARNING))

    started = time.time_ns()
    seen: set[str] | None = None  # the names so far: needed once a name has been made readable
    is_reg = stat.S_ISREG

    def visit(part: _Part, dirpath: str, folders: list[os.DirEntry[str]],
              files: list[tuple[os.DirEntry[str], os.stat_result | None]]) -> None:
        """What the folder ``dirpath`` holds, into ``part``; ``folders`` left with those to walk."""
        nonlocal seen
        add_name, problems, signatures = part.names.append, part.problems, part.signatures
        rel = os.path.relpath(dirpath, base)
        if rel != "." and any(e.name == PRIVATE for e in folders) and os.path.isfile(
                os.path.join(dirpath, PRIVATE, MARKER)):  # a build written here with --force: its pages are no one's
            problems.append(Problem(display_name(rel).replace(os.sep, "/") + "/", None,
                                    f"a qagraph build folder (it holds {PRIVATE}/{MARKER}): its outputs are not read "
                                    "as articles", "build-folder", WARNING))
            folders[:] = []
            return
        prefix = "" if rel == "." else rel + os.sep  # os.path.join(rel, name), 36k times over
        keep = []
        folders.sort(key=_NAME)
        for entry in folders:
            d = entry.name
            if d.startswith("."):
                if d not in _VCS:
                    count, failed = _count_articles(os.path.join(dirpath, d), suffixes)
                    part.hidden.append((_join(rel, display_name(d)), count))
                    for exc in failed:
                        unreadable(part, exc, part.hidden[-1][0])
            elif d in _NOT_CONTENT:
                pass
            elif entry.is_symlink():  # not followed (loops, a folder read twice, files outside the corpus): said
                problems.append(Problem(_join(rel, display_name(d)) + "/", None, _folder_link(dirpath, d), "folder-link",
                                        WARNING))
            else:
                keep.append(entry)
        folders[:] = keep
        files.sort(key=_entry_name)
        jekyll_here = jekyll_read is not None and all(
            piece in jekyll_read for piece in prefix.split(os.sep) if piece.startswith("_"))
        for entry, st in files:  # 36k times over: the usual case is spelled out, the rest is in calls
            name = entry.name
            if name.startswith(".") and name.lower().endswith(suffixes):
                # a hidden note (.NET Sets.md), which Obsidian and the site tools leave out too: listed
                part.hidden.append((_join(rel, display_name(name)), 1))
                continue
            if name.startswith(".") or not name.lower().endswith(suffixes) and not (
                    html_in and prefix.startswith(html_in) and name.lower().endswith(HTML_PAGES)
                    or jekyll_here and name.lower().endswith(HTML_PAGES)
                    and _front_matter_first(os.path.join(dirpath, name))):
                if not _BUILDS_OWN.match(name):
                    part.ignored += 1
                continue
            raw = prefix + name
            why = None
            if seen is None and not _SEP and raw.isprintable():  # shown as it is, and no other name reads the same
                shown = raw
                add_name(raw)
            else:
                if shared:  # only a walk that met every name before this one can tell
                    raise _OneWalk
                if seen is None:  # every name so far: the parts after this one hold none yet
                    seen = {n for p in (own, *parts.values()) for n in p.names}
                shown = raw if raw.isprintable() else display_name(raw)
                if _SEP:
                    shown = shown.replace(os.sep, "/")
                if shown in seen:  # e.g. "caf\xe9.md" spelled out beside a file whose name has that byte
                    n = 2
                    while f"{shown} [{n}]" in seen:
                        n += 1
                    why = f"its name reads the same as {shown} once made readable; not read (rename one of them)"
                    shown = f"{shown} [{n}]"
                seen.add(shown)
                add_name(shown)
                if shown != raw:
                    part.raw_of[shown] = raw
            if why is None:
                # the lstat of the walk: a regular file's status; a link's target is looked up below
                if st is not None and is_reg(st.st_mode) and st.st_size <= max_file_size:
                    signatures[shown] = (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
                    if st.st_nlink > 1:
                        part.linked.append(shown)
                else:
                    why, signature = _not_readable(entry, max_file_size)
                    if signature is not None:
                        signatures[shown] = signature
                    if why is None and st is not None and stat.S_ISLNK(st.st_mode):
                        part.file_links.append((shown, os.path.join(dirpath, name)))
            if why is not None:
                problems.append(Problem(shown, None, why, "io"))

    stamp = _Stamp()
    own = _Part()  # the root's own files (and problems), then those of a folder no part was made for
    parts: dict[str, _Part] = {}  # by folder of the root, in the walk's order
    theirs: Callable[[], tuple[dict[str, _Part], tuple[int, int]]] | None = None
    top = str(base)

    def part_of(path: str) -> _Part:
        if not parts:
            return own
        first = os.path.relpath(path, top).split(os.sep, 1)[0]
        return parts.get(first, own)

    walk = _walk(top, lambda exc: unreadable(part_of(exc.filename or top), exc), stamp)
    at_root = True
    try:
        for dirpath, folders, files in walk:
            if not at_root:
                visit(part_of(dirpath), dirpath, folders, files)
                continue
            at_root = False
            visit(own, dirpath, folders, files)  # the root: its folders are known from here
            for entry in folders:
                parts[entry.name] = _Part()
            if shared and len(folders) > 1:
                theirs, mine = _shared_walk(top, folders, weights or {}, visit, unreadable, parts)
                folders[:] = mine
            if then is not None:
                then()
                then = None
        if then is not None:  # the root could not be read
            then()
        if theirs is not None:
            wait, theirs = theirs, None
            try:
                found, (files_there, times_there) = wait()
            except Exception:  # noqa: BLE001 - it met a name to make readable, or failed (killed): walked again here
                return discover(root, fields, max_file_size)
            parts.update(found)
            stamp.files += files_there
            stamp.times += times_there
    except _OneWalk:  # this process met a name to make readable: walked again, in one, once the other is done
        walk.close()
        if theirs is not None:
            wait, theirs = theirs, None
            with contextlib.suppress(Exception):
                wait()
        return discover(root, fields, max_file_size, then=then)
    finally:
        if theirs is not None:  # this walk failed: the other one is waited for (it exits), its parts dropped
            with contextlib.suppress(Exception):
                theirs()
    names: list[str] = []
    raw_of: dict[str, str] = {}
    problems: list[Problem] = []
    hidden: list[tuple[str, int | None]] = []
    signatures: dict[str, tuple[int, int, int, int]] = {}
    file_links: list[tuple[str, str]] = []
    linked: list[str] = []
    ignored = 0
    for part in (own, *parts.values()):  # in the order one walk meets them
        names += part.names
        raw_of.update(part.raw_of)
        problems += part.problems
        hidden += part.hidden
        signatures.update(part.signatures)
        file_links += part.file_links
        linked += part.linked
        ignored += part.ignored
    names.sort()
    notes = _links_to_articles(base, file_links, names, raw_of) if file_links else {}
    hard = _hard_links(base, sorted(linked), signatures, raw_of) if len(linked) > 1 else {}
    for found_notes in (hard, _names_alike(names)):
        for name, note in found_notes.items():
            notes.setdefault(name, note)
    return Discovery(names, raw_of, ignored, problems, hidden, signatures, (stamp.files, stamp.times), started, notes)


def _shared_walk(top: str, folders: list[os.DirEntry[str]], weights: Mapping[str, int],
                 visit: Callable[..., None], unreadable: Callable[..., None], parts: dict[str, _Part],
                 ) -> tuple[Callable[[], tuple[dict[str, _Part], tuple[int, int]]], list[os.DirEntry[str]]]:
    """Share the walk of ``top``'s ``folders`` (in the walk's order) with a forked process: about
    half of their files by ``weights``, the heaviest first to the lighter side (this process has
    the root's own files and the merge). Returns the function that waits for the other process's
    parts (by folder) and stamp, and the folders this one walks."""
    from .parallel import beside

    load = [0, 0]
    sides: list[list[os.DirEntry[str]]] = [[], []]
    for entry in sorted(folders, key=lambda e: -weights.get(e.name, 0)):
        side = 0 if load[0] <= load[1] else 1
        sides[side].append(entry)
        load[side] += weights.get(entry.name, 0)
    given = {e.name for e in sides[1]}

    def walk_theirs() -> tuple[dict[str, _Part], tuple[int, int]]:
        stamp = _Stamp()
        found: dict[str, _Part] = {}
        for entry in folders:
            if entry.name in given:
                part = found[entry.name] = parts[entry.name]
                for dirpath, inner, files in _walk(os.path.join(top, entry.name),  # taken by the root's walk
                                                   lambda exc, part=part: unreadable(part, exc),  # type: ignore[misc]
                                                   stamp, inner=True):
                    visit(part, dirpath, inner, files)
        return found, (stamp.files, stamp.times)

    return beside(walk_theirs), [e for e in folders if e.name not in given]


def _front_matter_first(path: str) -> bool:
    """Whether the file ``path`` starts with a front matter fence (``---`` and a line end, after a byte
    order mark), as a page Jekyll renders does: one that cannot be read is found, to be said unreadable,
    as is one that is no regular file (a FIFO named ``page.html``: opened without blocking, and not read)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return True
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return True
        head = os.read(fd, 16)
    except OSError:
        return True
    finally:
        os.close(fd)
    while head.startswith(b"\xef\xbb\xbf"):  # a byte-order mark, or two (one written over another)
        head = head[3:]
    return head.startswith(b"---") and head[3:].lstrip(b" \t").startswith((b"\n", b"\r"))


_NAME = operator.attrgetter("name")  #: a directory entry's name, to sort by


def _entry_name(item: tuple[os.DirEntry[str], Any]) -> str:
    """The name of the entry of ``(entry, status)``, to sort by."""
    return item[0].name

_SEP = os.sep != "/"  #: names need their separators made POSIX


def _links_to_articles(base: Path, links: list[tuple[str, str]], names: list[str],
                       raw_of: Mapping[str, str]) -> dict[str, Problem]:
    """A warning for each article file of ``links`` (name as shown, path) that is a link to another article
    file of the corpus (``notes/same.md -> ../a/page.md``), by name: the one file is read twice, as two
    articles with the same title, keywords and links (as a site that follows the link shows it at both
    places, and a link may name either), or, where a file's url is its identity, as a duplicate article."""
    root = os.path.realpath(base)
    shown_of = {raw: shown for shown, raw in raw_of.items()}
    readable = set(names)
    found = {}
    for shown, path in links:
        rel = os.path.relpath(os.path.realpath(path), root)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            continue  # a file outside the corpus: read once, here
        target = shown_of.get(rel, rel).replace(os.sep, "/")
        if target != shown and target in readable:
            found[shown] = Problem(shown, None, f"a link to {target}, an article file of the corpus: the same file "
                                   "is read twice (remove the link, or copy the file)", "file-link", WARNING)
    return found


def _hard_links(base: Path, names: list[str], signatures: Mapping[str, tuple[int, int, int, int]],
                raw_of: Mapping[str, str]) -> dict[str, Problem]:
    """A warning for each of the sorted article files ``names`` (those with more than one name, as the
    walk found them: not links) that is another one's file under a second name (a hard link: ``ln
    a/page.md b/copy.md``), by name: the one file read twice, as a link to it is (:func:`_links_to_articles`),
    the later name the duplicate. Told by the inode the walk read of each (``signatures``), then checked
    (the same device too)."""
    first: dict[int, str] = {}
    found = {}
    for name in names:
        signature = signatures.get(name)
        if signature is None:
            continue
        other = first.setdefault(signature[1], name)
        if other == name:
            continue
        try:
            same = os.path.samefile(base / raw_of.get(name, name), base / raw_of.get(other, other))
        except OSError:
            same = False
        if same:
            found[name] = Problem(name, None, f"a hard link to {other}, an article file of the corpus: the same file "
                                  "is read twice (remove the link, or copy the file)", "file-link", WARNING)
    return found


def _names_alike(names: list[str]) -> dict[str, Problem]:
    """A warning for each of the sorted ``names`` whose path differs from an earlier one's only in case or
    in Unicode form (``Note.md`` beside ``note.md``, ``café.md`` in NFD beside it in NFC), by name: two
    files, and two articles, here; on a system that reads names without case or form (macOS, Windows)
    one file, and one of them is lost when the folder is copied or checked out there."""
    import unicodedata

    first: dict[str, str] = {}
    found = {}
    for name in names:  # (an ASCII name is its own NFC form: 36k names at 36k, most of them)
        other = first.setdefault(name.casefold() if name.isascii() else unicodedata.normalize("NFC", name).casefold(),
                                 name)
        if other == name:
            continue
        if unicodedata.normalize("NFC", name) == unicodedata.normalize("NFC", other):
            why = f"its name is that of {other} ({_form(other)}) in another Unicode form ({_form(name)})"
        else:
            why = f"its name differs from {other} only in case" + (
                "" if name.casefold() == other.casefold() else " and Unicode form")
        found[name] = Problem(name, None, f"{why}: two articles here, one file where names are compared without "
                              "them (macOS; Windows for case); rename one of them", "name-alike", WARNING)
    return found


def _form(name: str) -> str:
    import unicodedata

    return next((form for form in ("NFC", "NFD") if unicodedata.is_normalized(form, name)), "neither NFC nor NFD")


def _folder_link(dirpath: str, name: str) -> str:
    """What a link to a folder is, for the warning that it is not followed."""
    try:
        target = display_name(os.readlink(os.path.join(dirpath, name)))
    except OSError:
        target = "?"
    return (f"a link to a folder ({target}): links to folders are not followed, so the files there are not "
            "read (copy or move them into the corpus)")


def _join(rel: str, name: str) -> str:
    return name if rel == "." else f"{display_name(rel)}/{name}".replace(os.sep, "/")


def _count_articles(folder: str, suffixes: tuple[str, ...], limit: int = 100_000) -> tuple[int | None, list[OSError]]:
    """How many article files ``folder`` (a hidden one, not read) holds, up to ``limit``, and why the
    folders in it that cannot be read could not: with any, the count is None (unknown), not the
    count of the others, which would claim that the unreadable ones hold none."""
    count = 0
    failed: list[OSError] = []
    for _, _, filenames in os.walk(folder, onerror=failed.append):
        count += sum(1 for n in filenames if n.lower().endswith(suffixes))
        if count >= limit:
            break
    return (None if failed else count), failed


_KINDS = {
    stat.S_IFDIR: "a folder", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket",
}


def _not_readable(entry: os.DirEntry[str], max_file_size: int) -> tuple[str | None, tuple[int, int, int, int] | None]:
    """Why the file of ``entry`` will not be read (``None`` for a regular file within the limit), and its signature."""
    try:
        st = entry.stat()  # a link's target
    except FileNotFoundError:
        return ("broken link: its target does not exist" if entry.is_symlink() else "the file disappeared"), None
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}", None
    signature = (st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)
    if not stat.S_ISREG(st.st_mode):
        return f"not a regular file: it is {_KINDS.get(stat.S_IFMT(st.st_mode), 'not a file')}; not read", signature
    if st.st_size > max_file_size:
        return (f"file is {_size(st.st_size)}, over the {_size(max_file_size)} limit (--max-file-size); not read",
                signature)
    return None, signature


def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MiB" if n >= 1048576 else f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} bytes"


def read_bounded(path: str, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes | str:
    """The bytes of the regular file ``path``, or why they cannot be read.

    Opened without blocking and checked again once open, so a file swapped for a FIFO
    between discovery and reading still never hangs; reads at most ``max_file_size + 1``
    bytes, so a file that grows is still bounded.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return f"not a regular file: it is {_KINDS.get(stat.S_IFMT(st.st_mode), 'not a file')}; not read"
        chunks = []
        left = max_file_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    finally:
        os.close(fd)
    if len(data) > max_file_size:
        return f"file is over the {_size(max_file_size)} limit (--max-file-size); not read"
    return data


@dataclass
class Scan:
    """The article files of a folder, what was found on the way, and a digest of each one's bytes."""

    found: Discovery
    digests: dict[str, bytes]
    #: the digests are still to be taken: :func:`load_corpus` takes them from the parse,
    #: which reads every file anyway (a cold build then reads each file once, not twice)
    deferred: bool = False
    #: the files read for their digest (the others' digests were known): after an edit, a few
    read: set[str] = field(default_factory=set)

    @property
    def names(self) -> list[str]:
        return self.found.names

    def take_digests(self, root: str | os.PathLike[str], known: Mapping[str, bytes], max_file_size: int) -> None:
        """Digest every file of the scan that can be read: as ``known`` gives it (name -> digest,
        ``b""`` for a file that could not be read), else read here. A deferred scan takes
        those of the parse (:func:`load_corpus`) this way, and only reads what it did not."""
        base = Path(root)
        bad = {p.path for p in self.found.problems}
        for name in self.found.names:
            if name in bad or name in self.digests:
                continue
            key = known.get(name)
            if key is None:
                data = read_bounded(str(base / self.found.raw.get(name, name)), max_file_size)
                key = digest(data) if isinstance(data, bytes) else b""
                self.read.add(name)
            if key:
                self.digests[name] = key
        self.deferred = False

    def inputs(self) -> dict[str, tuple[Any, ...]]:
        """``name -> (size, inode, mtime, ctime, digest)`` for the next :func:`scan`.

        A file changed less than :data:`SAME_TICK_NS` before the scan began is kept with a
        ctime of -1, which no file has: the next scan reads it again. A file system that keeps
        times in whole seconds (ext2/3, HFS+; FAT: two) gives an edit made in the second the
        file was read the signature it was read with: the edit was never seen, and every
        later build said it was up to date (as git's index has "racily clean" entries).
        """
        signatures, digests = self.found.signatures, self.digests
        recent = self.found.started - SAME_TICK_NS
        return {name: _entry(signatures[name], digests[name], recent) for name in self.found.names
                if name in digests and name in signatures}

    def input_changes(self, known: Mapping[str, tuple[Any, ...]]) -> dict[str, tuple[Any, ...] | None]:
        """Where :meth:`inputs` differs from ``known`` (what the scan was compared with): name ->
        its entry, ``None`` for a name it no longer holds. Only the files read again can differ,
        and those gone: a file whose signature did not change took its entry from ``known``.

        >>> import tempfile, pathlib
        >>> root = pathlib.Path(tempfile.mkdtemp())
        >>> for name in ("a.md", "b.md"):
        ...     _ = (root / name).write_text(name)
        >>> before = scan(root).inputs()
        >>> _ = (root / "a.md").write_text("edited"); (root / "b.md").unlink(); _ = (root / "c.md").write_text("new")
        >>> after = scan(root, known=before)
        >>> changes = after.input_changes(before)
        >>> sorted(changes), changes["b.md"], {**before, **changes} == {**after.inputs(), "b.md": None}
        (['a.md', 'b.md', 'c.md'], None, True)
        """
        signatures, digests = self.found.signatures, self.digests
        held = digests.keys() & signatures.keys()
        changes: dict[str, tuple[Any, ...] | None] = {name: None for name in known.keys() - held}
        recent = self.found.started - SAME_TICK_NS
        for name in self.read:
            if name in held:
                entry = _entry(signatures[name], digests[name], recent)
                if known.get(name) != entry:
                    changes[name] = entry
            elif name in known:
                changes[name] = None
        return changes

    def fingerprint(self, *settings: object) -> str:
        """One digest of every path, its content, the problems of discovery and the ``settings`` given."""
        h = hashlib.blake2b(digest_size=16)
        h.update(repr((settings, self.found.ignored, self.found.hidden, self.found.problems,
                       sorted(self.found.notes.values()))).encode("utf-8", "backslashreplace"))
        for name in self.found.names:
            h.update(name.encode("utf-8", "backslashreplace") + b"\0" + self.digests.get(name, b"?"))
        return h.hexdigest()


#: a file whose last change is this close to a scan's start (or after it) is read again by the next
#: scan: an edit in the same tick of the file system's clock (FAT's is two seconds) keeps its signature
SAME_TICK_NS = 2_000_000_000


def _entry(signature: tuple[int, int, int, int], key: bytes, recent: int) -> tuple[Any, ...]:
    """What :meth:`Scan.inputs` keeps of a file: its signature and digest, the ctime -1 when it
    changed after ``recent`` (ns), so that it does not match the next scan's."""
    size, inode, mtime, ctime = signature
    return (size, inode, mtime, -1 if mtime >= recent or ctime >= recent else ctime, key)


def scan(root: str | os.PathLike[str], fields: FieldMap = FieldMap(),
         max_file_size: int = DEFAULT_MAX_FILE_SIZE, known: dict[str, tuple[Any, ...]] | None = None,
         *, defer: bool = False, then: Callable[[], None] | None = None) -> Scan:
    """Discover the article files under ``root`` and digest their bytes (unreadable ones have none).

    ``known`` maps names to ``(size, inode, mtime, ctime, digest)`` from an earlier
    scan (:meth:`Scan.inputs`): a file whose signature is unchanged is not read again
    (as git's index does; ctime changes on every write, so an edit is never missed);
    a large one shares the walk with a second process (:func:`discover`, which calls ``then``).
    With ``defer``, no file is read: :func:`load_corpus` digests them as it parses them
    (:attr:`Scan.deferred`), for a build that has nothing to compare them with.

    Raises:
        UsageError: ``root`` is not a folder.
    """
    base = _folder(root)
    weights = None
    if known is not None and len(known) >= SHARED_WALK:
        weights = Counter(name.split("/", 1)[0] for name in known if "/" in name)
    found = discover(base, fields, max_file_size, weights=weights, then=then)
    scanned = Scan(found, {}, deferred=True)
    if not defer:
        signatures = found.signatures
        unchanged = {name: before[4] for name, before in (known or {}).items()
                     if before[:4] == signatures.get(name)}
        scanned.take_digests(base, unchanged, max_file_size)
    return scanned


def changed_inputs(root: str | os.PathLike[str], known: dict[str, tuple[Any, ...]],
                   fields: FieldMap = FieldMap(), max_file_size: int = DEFAULT_MAX_FILE_SIZE,
                   unread: Collection[str] = ()) -> tuple[int, int, int]:
    """``(added, changed, removed)`` article files of ``root`` against ``known`` (see :func:`scan`)
    and ``unread``, the files the build found and could not read (a FIFO, a link loop, a file over
    ``max_file_size``), which ``known`` leaves out as they have no digest: one is still there, not
    added, and changed only once it can be read.

    Only files whose signature differs are read, to compare their digests.
    """
    now = scan(root, fields, max_file_size, known=known)
    names = set(now.names)
    before = set(known) | set(unread)
    added = len(names - before)
    removed = len(before - names)
    changed = sum(1 for n in names & before if now.digests.get(n, b"") != (known[n][4] if n in known else b""))
    return added, changed, removed


def _folder(root: str | os.PathLike[str]) -> Path:
    base = Path(root)
    if not base.is_dir():
        raise UsageError(f"not a folder: {display_name(str(base))}")
    return base


# -- loading -------------------------------------------------------------------------------


def file_links(notes: Mapping[str, Problem]) -> set[str]:
    """The files that are links to another article file (``notes`` of code ``file-link``)."""
    return {name for name, note in notes.items() if note.code == "file-link"}


def load_order(names: list[str], notes: Mapping[str, Problem]) -> list[str]:
    """``names`` (sorted) in the order a build reads them: a link to another article file
    (:func:`file_links`) after the files, where the url is the identity the link is the duplicate,
    not the file it names (a/same.md -> ../b/page.md rejected b/page.md); so the report lists them,
    and so the graph links its articles (a stub is named after the first link to it).

    >>> load_order(["a.md", "b.md"], {"a.md": Problem("a.md", None, "a link", "file-link", WARNING)})
    ['b.md', 'a.md']
    """
    links = file_links(notes)
    return sorted(names, key=links.__contains__) if links else names


def load_corpus(
    root: str | os.PathLike[str],
    *,
    preset: str = AUTO,
    fields: FieldMap | None = None,
    overrides: Mapping[str, str] | None = None,
    detection: Detection | None = None,
    strict: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: str | os.PathLike[str] | None = None,
    scanned: Scan | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    limits: Limits = Limits(),
) -> LoadResult:
    """Load every article file under ``root``.

    ``preset`` names the kind of corpus (:data:`qagraph.presets.PRESETS`) or ``auto``
    to recognise it; ``fields`` is a whole field map to use instead; ``overrides``
    (``name -> path``, as ``--field`` gives them) win over either. The choice and its
    reason are in :attr:`LoadResult.detection`; a ``detection`` made before (by
    :func:`qagraph.presets.choose`, to put its map in a build's fingerprint) is used as
    it is. ``workers`` is the number of parsing
    processes (default: one per core for large folders, none for small ones). ``cache`` is a folder where parsed files are kept by
    content digest (:mod:`qagraph.cache`), so a rebuild parses only what changed.
    ``limits`` bound what one article may hold (:mod:`qagraph.limits`).

    >>> result = load_corpus("content")
    >>> result.counts["files"] == result.counts["articles"] + result.counts["rejected"] + result.counts["skipped"]
    True

    Raises:
        UsageError: ``root`` is not a folder, or an unknown preset or field name.
        ContentError: with ``strict=True``, at the first file that could not be loaded.

    See also:
        :func:`qagraph.build`, which loads and builds the graph.
    """
    base = _folder(root)
    discovery_fields = detection.fields if detection is not None else fields if fields is not None else FieldMap()
    if scanned is None and cache is not None:
        scanned = scan(base, discovery_fields, max_file_size)
    found = scanned.found if scanned is not None else discover(base, discovery_fields, max_file_size)
    names = found.names
    total = len(names)
    if detection is None:
        detection = choose(base, names, preset_name=preset, fields=fields, overrides=overrides, raw=found.raw)
    fields = detection.fields
    if progress:
        progress("load", 0, total)
    named = set(names)  # once: a set made for each problem took minutes for 100,000 unreadable files
    failed = {p.path: p for p in found.problems if p.path in named}
    for name, why in layout_skips(names, fields, base, found.raw).items():
        failed.setdefault(name, Problem(name, None, why, RESOURCE, SKIPPED))
    todo = [n for n in names if n not in failed]
    settings = f"{code_stamp()}|{fields!r}|{max_file_size}|{limits!r}"
    store = ParseCache(cache, settings=settings) if cache is not None else None
    keys: dict[str, bytes] = {}
    parsed = _parse_all(base, todo, found.raw, fields, workers, progress, total, max_file_size, limits, store,
                        scanned.digests if scanned is not None and not scanned.deferred else None, keys)
    if scanned is not None and scanned.deferred:
        scanned.take_digests(base, keys, max_file_size)
    if store is not None:
        store.save(todo, parsed)

    articles: list[Article] = []
    problems: list[Problem] = [p for p in found.problems if p.path not in failed]
    rejected: list[str] = []
    skipped: list[str] = []
    owner: dict[str, str] = {}
    published: dict[str, str] = {}  # url -> the file first published there
    for name in load_order(names, found.notes):
        if name in failed:
            article, found_here = None, [failed[name]]
        else:
            article, found_here = parsed[name]
            if name in found.notes:  # a link to another article file: read, and said
                found_here = [*found_here, found.notes[name]]
        later = in_the_future(article, fields) if article is not None else None
        if later is not None:
            article, found_here = None, [*found_here, later]
        problems.extend(found_here)
        if article is not None and article.key in owner:
            duplicate = Problem(name, article.url_line,
                                f"duplicate article: {article.key} is already used by {owner[article.key]}", "duplicate")
            problems.append(duplicate)
            found_here = [duplicate]
            article = None
        if article is None:
            if any(p.severity == SKIPPED for p in found_here) and not any(p.severity == ERROR for p in found_here):
                skipped.append(name)
                continue
            rejected.append(name)
            if strict:
                raise ContentError.from_problem(next(p for p in found_here if p.severity == ERROR))
            continue
        owner[article.key] = name
        if article.url and article.url in published:  # two files, one page: the site writes one over the other
            problems.append(Problem(name, article.url_line, f"published at the same url as {published[article.url]}: "
                                    f"{article.url}; the site keeps only one of them", "duplicate-url", WARNING))
        elif article.url:
            published[article.url] = name
        articles.append(article)
    articles = _redirected_here(articles, problems, fields)
    fields = listed_here(problems, fields)
    _share_strings(articles)
    result = LoadResult(str(base), articles, problems, total, found.ignored, rejected, skipped, list(found.hidden),
                        fields, detection)
    problems.extend(corpus_problems(result))
    return result


#: the skip of a page that only sends its reader to another url (:func:`qagraph.fields.to_article`)
SENDS = lazy_compile(r"^[\w-]+: (?P<target>/\S*): a page that sends its reader to (?P=target), no article$")


#: the skip of a theme's page its layout fills with the site's posts (:func:`qagraph.fields.to_article`)
LISTS = lazy_compile(r"^layout: (?P<layout>.*?): a page whose layout lists the site's posts at (?P<url>/\S*), with no text "
                   r"of its own: no article$|^the site's not-found page \((?:published at )?(?P<page>/\S*?)(?:, as it has no "
                   r"permalink)?\): not an article$")  # and the skip of its not-found page, which it serves too


def listed_here(problems: Iterable[Problem], fields: FieldMap) -> FieldMap:
    """``fields``, the urls of the listing pages the corpus skips (Chirpy's ``_tabs/archives.md``, ``layout:
    archives`` at ``/archives/``; Minimal Mistakes' ``_pages/category-archive.md`` at ``/categories/``) added to
    its ``listing_urls``: the site serves them, filled by their layout, so a link there is no stub (no broken
    link), as a link to a listing page a plugin makes; so is its not-found page (``404.html``). A tags' or
    categories' page lists each term's pages under an anchor of its name (Minimal Mistakes' ``/tags/#docker``):
    a link to one is a link to that keyword or subject (its ``listing_terms``, a group ``k3_`` or ``s3_``: an
    anchor no term has still reaches the page).

    >>> skip = Problem("_tabs/tags.md", 2, "layout: tags: a page whose layout lists the site's posts at /tags/, "
    ...                "with no text of its own: no article", "headless", SKIPPED)
    >>> listed = listed_here([skip], FieldMap(listing_urls="/tags/[^/#?]+"))
    >>> listed.listing_urls, listed.listing_terms
    ('/tags/[^/#?]+|/tags', '/tags/?#(?P<k0_>[^/?#]+)')
    """
    found = {(m.group("url") or m.group("page"), (m.group("layout") or "").strip().lower()) for p in problems
             if p.severity == SKIPPED and p.code == "headless" and (m := LISTS.match(p.message)) is not None}
    served = [re.escape(url.rstrip("/")) for url in sorted({url for url, _ in found}) if url.rstrip("/")]
    if not served:
        return fields
    terms: list[str] = []
    count = len(re.compile(fields.listing_terms).groupindex) if fields.listing_terms else 0
    for url, layout in sorted(found):
        kind = "k" if layout in ("tags", "tag") else "s" if layout in ("categories", "category") else ""
        if kind and url.rstrip("/"):
            terms.append(f"{re.escape(url.rstrip('/'))}/?#(?P<{kind}{count + len(terms)}_>[^/?#]+)")
    return replace(fields, listing_urls="|".join(u for u in (fields.listing_urls, *served) if u),
                   listing_terms="|".join(u for u in (fields.listing_terms, *terms) if u))


def _redirected_here(articles: list[Article], problems: Sequence[Problem], fields: FieldMap) -> list[Article]:
    """``articles``, a page that the site's redirect pages send their reader to (a sheet's ``es2015.md`` with
    ``redirect_to: /es6`` and no text, skipped) given their paths as its aliases (its first of
    ``alias_fields``, jekyll-redirect-from's ``redirect_from``): a link to the redirect page reaches the page
    it leads to, as the reader does, where it was a stub. A redirect to another site, or to no page of the
    corpus, changes nothing."""
    if not fields.alias_fields or not fields.redirect_fields:
        return articles
    sent: dict[str, list[str]] = {}
    for problem in problems:
        found = SENDS.match(problem.message) if problem.severity == SKIPPED and problem.code == "headless" else None
        if found is not None:
            page = problem.path.removeprefix(fields.content_dir).rsplit(".", 1)[0]
            sent.setdefault(url_key(found.group("target")), []).append("/" + page)
    if not sent:
        return articles
    alias = fields.alias_fields[0]
    kept = []
    for article in articles:
        old = sent.get(url_key(article.url)) if article.url else None
        if old:
            given = article.extra.get(alias)
            own = list(given) if isinstance(given, (list, tuple)) else [given] if isinstance(given, str) else []
            article = replace(article, extra={**article.extra, alias: [*own, *old]})
        kept.append(article)
    return kept


def _share_strings(articles: Sequence[Article]) -> None:
    """Make equal keyword, subject, author and date strings of ``articles`` one object each.

    Each parsed batch comes back from its process as new objects, and each article spells
    its own keywords: at 36k articles, 66 MB of such strings held 9 MB of distinct values,
    and the graph, which keeps the articles' keywords, kept them all. A parse process
    shares its batch's strings before sending it (the batch then carries one copy of each),
    the main process shares them across batches. The records are
    rewritten in place (they are frozen, but nothing has seen them yet); values are equal
    before and after, so are the records and their hashes.
    """
    same: dict[Any, Any] = {}
    one = same.setdefault
    for a in articles:
        fields = vars(a)
        fields["keywords"] = tuple(map(one, a.keywords, a.keywords))
        fields["keyword_keys"] = tuple(map(one, a.keyword_keys, a.keyword_keys))
        fields["keyword_lines"] = one(a.keyword_lines, a.keyword_lines)  # the same lines in most files of a site
        fields["subject"], fields["subject_slug"] = one(a.subject, a.subject), one(a.subject_slug, a.subject_slug)
        if a.author is not None:
            fields["author"] = one(a.author, a.author)
        if a.date is not None:
            fields["date"] = one(a.date, a.date)
        for link in a.related:
            if link.subject is not None:
                vars(link)["subject"] = one(link.subject, link.subject)


_POOL_THRESHOLD = 400  # below this, a process pool costs more than it saves
def _parse_all(
    base: Path, names: Sequence[str], raw: dict[str, str], fields: FieldMap, workers: int | None,
    progress: Progress | None, total: int, max_file_size: int, limits: Limits, cache: ParseCache | None = None,
    digests: dict[str, bytes] | None = None, keys_out: dict[str, bytes] | None = None,
) -> dict[str, Outcome]:
    """Parse ``names`` (cache hits by ``digests`` aside); the digest of each file parsed goes to ``keys_out``."""
    hits: dict[str, Outcome] = cache.lookup({n: digests[n] for n in names if n in digests}) if (
        cache is not None and digests is not None) else {}
    todo = [name for name in names if name not in hits]
    if workers is None:
        workers = (os.cpu_count() or 1) if len(todo) >= _POOL_THRESHOLD else 1
    parsed: dict[str, Outcome] = dict(hits)
    done_before = total - len(names)

    def take(batch: Sequence[str], keys: list[bytes], outcomes: list[Outcome], blob: bytes | None) -> None:
        parsed.update(zip(batch, outcomes))
        if keys_out is not None:
            keys_out.update(zip(batch, keys))
        if cache is not None:
            cache.add(batch, keys, blob if blob is not None else pickle.dumps(outcomes, 5))
        if progress:
            progress("load", done_before + len(parsed), total)

    if workers <= 1 or len(todo) < 2:
        for start in range(0, len(todo), 500):
            batch = todo[start : start + 500]
            keys, outcomes = _parse_batch_outcomes(base, batch, raw, fields, max_file_size, limits)
            take(batch, keys, outcomes, None)
    else:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        chunk = max(50, min(1000, len(todo) // (workers * 8) or 1))
        batches = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
        pool = ProcessPoolExecutor(max_workers=workers, initializer=end_with_parent, initargs=(os.getpid(),))
        try:
            jobs = [(str(base), batch, {n: raw[n] for n in batch if n in raw}, fields, max_file_size, limits)
                    for batch in batches]
            with interrupts_held():  # the processes start here
                results = pool.map(_parse_batch, jobs)
            for batch, (keys, blob) in zip(batches, results):
                take(batch, keys, pickle.loads(blob), blob)
        except BrokenProcessPool:  # one was killed (out of memory?): "internal error", "a bug in qagraph" said
            abandon(pool)
            raise ProcessError("a process parsing the files ended without a result: killed (the system does so "
                               "when memory runs out; or kill -9)") from None
        except BaseException:  # Ctrl-C, SIGTERM or an error: do not parse the rest first
            abandon(pool)
            raise
        pool.shutdown()
    if progress and not todo:
        progress("load", total, total)
    return parsed


def _parse_batch_outcomes(root: Path, names: Sequence[str], raw: dict[str, str], fields: FieldMap,
                          max_file_size: int, limits: Limits) -> tuple[list[bytes], list[Outcome]]:
    keys: list[bytes] = []
    outcomes: list[Outcome] = []
    for name in names:
        data = read_bounded(str(root / raw.get(name, name)), max_file_size)
        if isinstance(data, str):
            keys.append(b"")
            outcomes.append((None, [Problem(name, None, data, "io")]))
            continue
        keys.append(digest(data))
        outcome = parse_bytes(name, data, fields, limits)
        warning = _name_warning(raw[name]) if name in raw else None
        if warning is not None:
            outcome = (outcome[0], [Problem(name, None, warning, "file-name", WARNING), *outcome[1]])
        outcomes.append(outcome)
    # a batch's equal strings made one object: a parse process's pickle then carries one copy of
    # each, and a batch parsed here drops its copies at once, not after every file is parsed
    _share_strings([article for article, _ in outcomes if article is not None])
    return keys, outcomes


def parse_file_batch(root: str | os.PathLike[str], names: Sequence[str], raw: Mapping[str, str], fields: FieldMap,
                     max_file_size: int = DEFAULT_MAX_FILE_SIZE, limits: Limits = Limits()) -> list[Outcome]:
    """Read and parse the files ``names`` (relative to ``root``) here, in this process; never raises for bad content."""
    return _parse_batch_outcomes(Path(root), names, dict(raw), fields, max_file_size, limits)[1]


def _parse_batch(args: tuple[str, Sequence[str], dict[str, str], FieldMap, int, Limits]) -> tuple[list[bytes], bytes]:
    """In a worker process: parse a batch; the outcomes go back pickled once, as bytes
    the cache can store as they are."""
    base, names, raw, fields, max_file_size, limits = args
    keys, outcomes = _parse_batch_outcomes(Path(base), names, raw, fields, max_file_size, limits)
    return keys, pickle.dumps(outcomes, 5)


def _name_warning(raw: str) -> str | None:
    """Why the file name ``raw`` (as the OS spells it) is shown escaped; ``None`` when it is not: a
    UTF-8 name that Python spells with surrogate escapes because its locale is not UTF-8
    (``LC_ALL=C PYTHONUTF8=0``) is shown as it is, and is said to be nothing wrong.

    >>> _name_warning("caf\\udcc3\\udca9.md") is None, _name_warning("caf\\udce9.md")[:30]
    (True, 'the file name is not valid UTF')
    >>> _name_warning("evil\\u202egnp.md")
    'the file name holds U+202E RIGHT-TO-LEFT OVERRIDE, which does not print as a letter; it is shown escaped'
    """
    try:
        text = os.fsencode(raw).decode("utf-8")
    except UnicodeDecodeError:
        return "the file name is not valid UTF-8; it is shown with \\x escapes"
    if text.isprintable():
        return None
    odd = next(c for c in text if not c.isprintable())
    if ord(odd) < 0xA0:  # C0 and C1 controls: what a terminal obeys
        return "the file name holds control characters; it is shown escaped"
    import unicodedata

    # a bidi override (a name that reads "gnp.exe"), a zero-width space, a no-break space: no control character
    return (f"the file name holds U+{ord(odd):04X} {unicodedata.name(odd, '(unnamed)')}, which does not print as a "
            "letter; it is shown escaped")


def parse_bytes(name: str, data: bytes, fields: FieldMap = FieldMap(), limits: Limits = Limits()) -> Outcome:
    """Parse one file's bytes (``name`` is its path relative to the corpus); never raises for bad content.

    A site's page in another format (:func:`qagraph.presets.page_formats`) is read as far as it can
    be: a notebook by its Markdown cells (:func:`notebook_text`), a reStructuredText file by its
    title, fields and links (:func:`rst_text`).

    >>> book = FieldMap(no_front_matter="article", title_fallback=("heading",), links=("markdown",))
    >>> article = parse_bytes("about.rst", b"About me\\n========\\n\\nSee `home <index.md>`_.\\n", book)[0]
    >>> article.title, [link.target for link in article.related]
    ('About me', ['index.md'])
    """
    lowered = name.lower()
    text = decode(name, data)
    if isinstance(text, Problem):
        return None, [text]
    if lowered.endswith(".rst") and not lowered.endswith(tuple(s.lower() for s in fields.suffixes)):
        text = text.replace("\r\n", "\n")
        head = nikola_head(text) if fields.nikola_metadata else ""  # a Nikola post's .. key: value comments
        rest = "\n".join(line if line.lstrip().startswith("..") else _NIKOLA_DOC.sub(_nikola_doc, line)  # no comment's
                         for line in text[len(head):].split("\n")) if fields.nikola_metadata else text
        text = head + rst_text(rest, metadata=fields.metadata_lines and not head)
    elif lowered.endswith(".ipynb"):
        text = notebook_text(name, text)
        if isinstance(text, Problem):
            return None, [text]
    elif lowered.endswith(HTML_PAGES) and not lowered.endswith(tuple(s.lower() for s in fields.suffixes)):
        text = html_page_text(text.replace("\r\n", "\n"))
    seen = mounted_name(name, fields) if fields.content_mounts else name
    if seen == name:
        return parse_text(name, text, fields, limits)
    # a folder the site mounts into its content: read as the page Hugo sees there, kept as the file it is
    article, problems = parse_text(seen, text, fields, limits)
    return (replace(article, path=name) if article is not None else None,
            [replace(p, path=name) if p.path == seen else p for p in problems])


_FRONT = lazy_compile(r"\A(?:---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n|\+\+\+[ \t]*\n.*?\n\+\+\+[ \t]*\n)", re.S)
#: what an HTML page's text leaves out (by opening and closing, :func:`~qagraph.links.replace_spans`): comments,
#: scripts, styles
_HTML_DROPPED = tuple((re.compile(opening, re.I), re.compile(closing, re.I)) for opening, closing in (
    (r"<!--", r"-->"), (r"<script\b[^<>]*>", r"</script\s*>"), (r"<style\b[^<>]*>", r"</style\s*>")))
_HTML_ANCHOR = lazy_compile(r"""<a\s[^<>]*?\bhref\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')[^<>]*>(.*?)</a\s*>""", re.S | re.I)
_HTML_ANCHOR_END = lazy_compile(r"</a\s*>", re.I)
_HTML_TAG = lazy_compile(r"<[^<>]*>")
#: a Hugo shortcode, ``{{< docsref "/x" >}}`` or ``{{% note %}}``, in an HTML page: no tag, and kept as it is
_HTML_SHORTCODE = lazy_compile(r"\{\{[<%].*?[>%]\}\}", re.S)
_HTML_SHORTCODE_END = lazy_compile(r"[>%]\}\}")


def _sub_closed(pattern: re.Pattern[str], closing: re.Pattern[str], replace: Callable[[re.Match[str]], str],
                text: str) -> str:
    """``pattern.sub(replace, text)`` for a pattern whose matches end with ``closing`` (``<a ...>.*?</a>``):
    made up to the last closing only, past which each opening was searched to the end of the text
    for nothing (20,000 ``<a href>`` never closed took 35 s)."""
    end = max((m.end() for m in closing.finditer(text)), default=0)
    return pattern.sub(replace, text[:end]) + text[end:]


def html_page_text(text: str) -> str:
    """An HTML page's text (a Hugo site's ``content/_index.html``) as the Markdown the loader reads: its
    front matter as it is, each ``<a href>`` a Markdown link, comments, scripts and styles left out and
    the other tags dropped; lines are kept, so that a link's line is the file's.

    >>> print(html_page_text('---\\ntitle: Home\\n---\\n<h3><a href="/docs/">The <b>docs</b></a></h3>\\n'
    ...                      '<!-- <a href="/old/">old</a>\\n--><p>Fish &amp; chips</p>\\n'))
    ---
    title: Home
    ---
    [The docs](/docs/)
    <BLANKLINE>
    Fish & chips
    <BLANKLINE>

    Hugo's shortcodes are kept as they are, an ``<a href>`` to one a link to it too:

    >>> html_page_text('<p>Read <a href="{{< docsref "/intro" >}}">the intro</a>{{< year >}}</p>')
    'Read [the intro]({{< docsref "/intro" >}}){{< year >}}'
    """
    front = _FRONT.match(text)
    head, body = (text[:front.end()], text[front.end():]) if front else ("", text)
    body = replace_spans(body, _HTML_DROPPED, lambda span: "\n" * span.count("\n"))
    shortcodes: list[str] = []

    def aside(m: re.Match[str]) -> str:  # as \0<n>\0, out of the way of the tags and their quotes
        shortcodes.append(m.group(0))
        return f"\0{len(shortcodes) - 1}\0"

    body = _sub_closed(_HTML_SHORTCODE, _HTML_SHORTCODE_END, aside, body)

    def link(m: re.Match[str]) -> str:
        label = " ".join(html.unescape(_HTML_TAG.sub("", m.group(3))).split()).replace("]", ")").replace("[", "(")
        target = html.unescape(m.group(1) if m.group(1) is not None else m.group(2)).strip()
        return f"[{label}]({target})" + "\n" * m.group(0).count("\n") if target else ""

    body = html.unescape(_HTML_TAG.sub("", _sub_closed(_HTML_ANCHOR, _HTML_ANCHOR_END, link, body)))
    return head + re.sub(r"\0(\d+)\0", lambda m: shortcodes[int(m.group(1))], body) if shortcodes else head + body


#: a reStructuredText section title's underline (or overline): one punctuation character repeated
_RST_ADORNMENT = lazy_compile(r"""^([!-/:-@\[-`{-~])\1+[ \t]*$""")
#: a field of a field list, ``:tags: a, b`` (a Pelican page's metadata, right after its title)
_RST_FIELD = lazy_compile(r"^:([^:\s][^:\n]*):(?:[ \t]+(.*))?$")
#: an embedded link, `` `text <target>`_ `` (or ``__``, anonymous); its text may be left out
_RST_LINK = lazy_compile(r"`([^`<]*?)\s*<([^`<>]+)>`__?")
#: Nikola's ``:doc:`` role, which names a post by its slug (``:doc:`slug```, ``:doc:`text <slug>```), not a file
_NIKOLA_DOC = lazy_compile(r"(?<![\w`]):doc:`([^`<]*?)\s*(?:<([^`<>]+)>)?`")


def _nikola_doc(m: re.Match[str]) -> str:
    """A Nikola ``:doc:`` role (:data:`_NIKOLA_DOC`) as an embedded link to ``link://slug/``, the post of that slug
    (:func:`~qagraph.links.text_links` reads it so).

    >>> _NIKOLA_DOC.sub(_nikola_doc, "See :doc:`my post <a-theme>` and :doc:`tips`.")
    'See `my post <link://slug/a-theme>`_ and `tips <link://slug/tips>`_.'
    """
    slug = (m.group(2) or m.group(1)).strip()
    return f"`{m.group(1).strip() or slug} <link://slug/{slug}>`_"


#: Sphinx's cross-references, :doc:`path` and :ref:`label`: MyST's {doc} and {ref}
_RST_ROLE = lazy_compile(r"(?<![\w`]):(doc|ref|numref):`")
#: a named reference, `` `the river`_ `` or ``Python_``: the link to the target of that name
_RST_REFERENCE = lazy_compile(r"`([^`<>]+)`_(?!_)|(?<![\w`])([A-Za-z0-9](?:[\w.+-]*[A-Za-z0-9])?)_(?![\w`])")
#: a target, ``.. _name: url`` (a named link's target) or ``.. _label:`` (a label of what follows)
_RST_TARGET = lazy_compile(r"^\.\. _([^:\n]+):[ \t]*(\S*)[ \t]*$", re.M)


def rst_text(text: str, *, metadata: bool = False) -> str:
    """A reStructuredText page as the Markdown the loader reads: its title (the first section title,
    underlined, perhaps overlined) a ``# heading``, and with ``metadata`` (Pelican's pages) the
    ``Title`` line of the ``Key: value`` metadata, followed by the field list under the title
    (``:tags: a, b``, Pelican's metadata); embedded links (`` `text <target>`_ ``) as Markdown links, a
    named reference (`` `py`_ ``) as a reference link ``[py]``,
    Sphinx's ``:doc:`` and ``:ref:`` as MyST's roles, a link's target (``.. _name: url``) as a link
    definition and a label (``.. _label:``) as a MyST target. The rest is kept as it is: enough for
    the page's title, metadata, text and links, not a reStructuredText parser.

    >>> print(rst_text("My title\\n########\\n\\n:date: 2010-10-03\\n:tags: a, b\\n\\nSee `x <{filename}/b.rst>`_ "
    ...                "and :doc:`the guide <guide>`, `py`_.\\n\\n.. _py: https://python.org\\n", metadata=True))
    Title: My title
    Date: 2010-10-03
    Tags: a, b
    <BLANKLINE>
    See [x]({filename}/b.rst) and {doc}`the guide <guide>`, [py].
    <BLANKLINE>
    [py]: https://python.org
    <BLANKLINE>
    >>> print(rst_text(".. _install-guide:\\n\\nInstallation\\n============\\n\\nText.\\n"))
    (install-guide)=
    # Installation
    <BLANKLINE>
    Text.
    <BLANKLINE>
    >>> print(rst_text(":orphan:\\n\\n.. meta::\\n   :description: A page\\n\\nTitle\\n=====\\n\\nText.\\n"))
    # Title
    <BLANKLINE>
    Text.
    <BLANKLINE>
    """
    lines = text.split("\n")
    i = 0
    labels = []  # the labels before the title (.. _install:), Sphinx's targets of the page's first section
    directive = False  # in a comment or directive (.. meta::) whose indented lines go on
    while i < len(lines) and (not lines[i].strip() or lines[i].startswith("..") and (
            not (target := _RST_TARGET.match(lines[i])) or not target.group(2))
            or directive and lines[i][:1] in (" ", "\t") or _RST_FIELD.match(lines[i]) and not lines[i][:1].isspace()):
        if lines[i].startswith(".."):
            labels += [f"({target.group(1)})=\n"] if (target := _RST_TARGET.match(lines[i])) else []
            directive = True
        elif lines[i].strip() and not lines[i][:1].isspace():
            directive = False  # a file-wide field (:orphan:, :tocdepth: 2)
        i += 1  # blank lines, comments, directives, file-wide fields and labels before the title
    title = None
    if i + 1 < len(lines) and _RST_ADORNMENT.match(lines[i]) and i + 2 < len(lines) and _RST_ADORNMENT.match(lines[i + 2]):
        title, i = lines[i + 1].strip(), i + 3  # overlined and underlined
    elif i + 1 < len(lines) and lines[i].strip() and _RST_ADORNMENT.match(lines[i + 1]) \
            and len(lines[i + 1].rstrip()) >= len(lines[i].strip()):
        title, i = lines[i].strip(), i + 2
    fields: list[tuple[str, str]] = []
    if title is not None:
        start = i
        while i < len(lines) and not lines[i].strip():
            i += 1
        while i < len(lines) and (m := _RST_FIELD.match(lines[i])):
            value = [(m.group(2) or "").strip()]
            i += 1
            while i < len(lines) and lines[i][:1] in (" ", "\t") and lines[i].strip():
                value.append(lines[i].strip())  # a value going on, indented
                i += 1
            fields.append((m.group(1).strip(), " ".join(v for v in value if v)))
        if not fields:
            i = start
    body = "\n".join(lines[i:])
    body = _RST_LINK.sub(lambda m: f"[{m.group(1).strip() or m.group(2).strip()}]({m.group(2).strip()})", body)
    body = _RST_ROLE.sub(lambda m: "{" + m.group(1) + "}`", body)
    body = _RST_REFERENCE.sub(lambda m: f"[{m.group(1) or m.group(2)}]", body)
    body = _RST_TARGET.sub(lambda m: f"[{m.group(1)}]: {m.group(2)}" if m.group(2) else f"({m.group(1)})=", body)
    if metadata and labels:
        body = "".join(labels) + "\n" + body.lstrip("\n")
    if metadata:
        head = [f"Title: {title}"] if title else []
        head += [f"{key[:1].upper()}{key[1:]}: {value}" for key, value in fields if key.lower() != "title"]
        return "\n".join(head) + "\n\n" + body.lstrip("\n") if head else body
    return "".join(labels) + (f"# {title}\n\n" if title else "") + body.lstrip("\n")


def notebook_text(name: str, text: str) -> str | Problem:
    """The Markdown of the Jupyter notebook ``text`` (its JSON): its Markdown cells, a blank line
    between two, as Jupyter Book and MyST publish them (a first cell's front matter is the page's, a raw
    cell's too, as Quarto writes it); code cells, their outputs and other raw cells are no text of the page. A file that is no notebook is a problem.

    >>> notebook_text("nb.ipynb", '{"cells": [{"cell_type": "markdown", "source": ["# Title\\\\n", "Text"]},'
    ...               ' {"cell_type": "code", "source": "x = 1"}, {"cell_type": "markdown", "source": "More"}]}')
    '# Title\\nText\\n\\nMore\\n'
    >>> notebook_text("nb.ipynb", "[1]").message
    'not a Jupyter notebook: its JSON holds no cells list'
    """
    try:
        notebook = json_loads(text)
    except (ValueError, RecursionError) as exc:
        return Problem(name, None, f"not a Jupyter notebook: its JSON cannot be read ({exc})", "syntax")
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        return Problem(name, None, "not a Jupyter notebook: its JSON holds no cells list", "syntax")
    parts = []
    for at, cell in enumerate(cells):
        if at == 0 and isinstance(cell, dict) and cell.get("cell_type") == "raw":  # Quarto's front matter: a raw first cell
            source = cell.get("source")
            part = "".join(s for s in source if isinstance(s, str)) if isinstance(source, list) else source
            if isinstance(part, str) and part.lstrip().startswith("---"):
                parts.append(part.strip() + "\n")
            continue
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            source = cell.get("source")
            part = "".join(s for s in source if isinstance(s, str)) if isinstance(source, list) else source
            if isinstance(part, str) and part.strip():
                parts.append(part.strip("\n") + "\n")
    return "\n".join(parts)


#: the warnings of one file listed one by one; the rest are counted in one more (a file may hold a
#: million impossible dates or misshapen related links: a warning each made reports of hundreds of MB)
SHOWN_WARNINGS = 100


def _fewer_warnings(outcome: Outcome) -> Outcome:
    """``outcome`` with its first :data:`SHOWN_WARNINGS` warnings (and every error), and one counting the rest."""
    article, problems = outcome
    warned = [p for p in problems if p.severity == WARNING]
    if len(warned) <= SHOWN_WARNINGS:
        return outcome
    kept = {id(p) for p in warned[:SHOWN_WARNINGS]}
    first = warned[SHOWN_WARNINGS]
    return article, [p for p in problems if p.severity != WARNING or id(p) in kept] + [
        Problem(first.path, first.line, f"{len(warned) - SHOWN_WARNINGS:,} more warnings after these (the first "
                                        f"of them: {first.message})", "more-warnings", WARNING)]


def parse_text(name: str, text: str, fields: FieldMap = FieldMap(), limits: Limits = Limits()) -> Outcome:
    """Parse one article's text; ``name`` is its path relative to the corpus root; of its warnings, the
    first :data:`SHOWN_WARNINGS` are listed (:func:`_fewer_warnings`).

    >>> article, problems = parse_text("cs/a.md", "---\\ntitle: What is a graph?\\nurl: /learn/cs/questions/a\\n---\\n")
    >>> article.key, article.subject_slug, problems
    ('/learn/cs/questions/a', 'cs', [])
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # read_article's steps, keeping the front matter: the limits point at the lines of its keys
    fm = read_front_matter(name, text, properties=fields.properties, notion=fields.notion_properties,
                           metadata=fields.metadata_lines, json_object=fields.json_front_matter,
                           loose_closing=fields.loose_closing, tag_comment=fields.tag_comments, at_start=fields.front_matter_at_start,
                           joplin=fields.joplin, nikola=fields.nikola_metadata)
    try:
        if isinstance(fm, Problem):  # an error, or with lenient YAML a note read without its front matter
            article, problems = read_article(name, text, fields)
            return _fewer_warnings(apply_limits(name, article, problems, FrontMatter({}, "", None, 1), fields, limits,
                                                None))
        body_line = body_start(text, fm)
        article, problems = to_article(name, fm, fields, body_line=body_line)
    except RecursionError:
        line = text[: len(text) - len(text.lstrip())].count("\n") + 2
        return None, [Problem(name, line, "front matter nested too deeply to read", "syntax")]
    return _fewer_warnings(apply_limits(name, article, [*fm.warnings, *problems], fm, fields, limits, body_line))

