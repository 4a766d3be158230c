"""Presets: one field map per kind of corpus, and recognising which kind a folder is.

A :class:`Preset` is a named :class:`~qagraph.fields.FieldMap`: how a kind of corpus
names, titles, files and links its articles. :data:`PRESETS` holds ``quicktakes``
(the Q&A site's format, the default map), ``hugo``, ``jekyll``, ``obsidian`` and
``generic`` (any other front-matter folder). :func:`choose` picks one for a folder:
``auto`` recognises the corpus from a cheap sample of its files (:func:`detect`) and
says which preset it chose and why; a named preset is taken as is; either is then
fitted to the folder (Hugo's ``content/`` folder, the site's url, a generic corpus's
subject field) and the user's ``--field`` overrides win over it.

After loading, :func:`corpus_problems` reports mappings that do not fit the corpus (a
mapped field no file has, keywords that look space-separated), :func:`reference_example`
says how articles of this corpus are named in messages, and :func:`nothing_loaded`
words the one line for a build where no file became an article.

>>> preset("hugo").fields.subject
('categories', 'category')
>>> detect("content").line()
"preset quicktakes (recognised: 49 of 49 sampled files have the Q&A format's fields: related_articleN, seo.page_keywords, /learn/ urls)"
"""

from __future__ import annotations

import copy
import datetime as _dt
import fnmatch
import functools
import hashlib
import importlib
import itertools
import json
import os
import posixpath
import re
import stat
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from .errors import ERROR, SKIPPED, WARNING, Problem, UsageError
from .fields import (_INCLUDE, _deep_merge, _folder_label, _slug, ANY_SEPARATOR, EVERY_SEPARATOR, HEXO_SLUG, HUGO_DEFAULT_DATES, MYST_LABELS, NIKOLA_SLUG, REPOSITORY_FILES, SEMICOLONS, FieldMap, format_date, glossary_page_links,
                     astro_entry_id, doc_folder, kebab_name, mounted_name, not_rendered, parse_date, rewritten, site_path, strip_sort_prefix, urlize)
from .frontmatter import JOPLIN_ID, TAG_COMMENT, decode, joplin_item, json_loads, read_front_matter
from .links import PAGE_SUFFIXES, TITLE_ALIAS, bookdown_headings, closed_tags, command_page, data_reusables, liquid_text, mask_code, note_suffixes, reference_definitions, replace_spans, snippet_links, split_language, text_links, translation_folder, zettel_ids_of
from .normalize import as_written, fold, scalar_text
from .regex import lazy_compile

if TYPE_CHECKING:
    from .load import LoadResult

__all__ = [
    "AUTO",
    "Detection",
    "PRESETS",
    "Preset",
    "choose",
    "site_files_changed",
    "corpus_problems",
    "unmapped_fields",
    "detect",
    "layout_skips",
    "naming_hint",
    "no_article_files",
    "nothing_loaded",
    "preset",
    "reference_example",
]

AUTO = "auto"


@dataclass(frozen=True)
class Preset:
    """A named field map for one kind of corpus, and how its articles are named for people."""

    name: str
    fields: FieldMap
    description: str  #: one line: which corpora it reads
    naming: str  #: how a person names an article, for messages ("page path, e.g. {example}")


#: what other corpora share: no numeric id, score, no_index or file_name fields (such fields stay data)
#: the folders of a Jekyll site that hold no pages (its other ``_...`` folders, which Jekyll
#: does not read either, are found in each site: :func:`_jekyll_unread`)
_JEKYLL_SITE_FOLDERS = ("_includes", "_layouts", "_sass", "_data", "_site", "_plugins", "vendor", "node_modules",
                        "_drafts")
_NOT_QA = FieldMap(id=(), score=(), no_index=(), file_name=())

PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "quicktakes",
            FieldMap(),
            "Q&A articles: seo.page_keywords, related_articleN, /learn/<subject>/questions/<slug> urls",
            "url, e.g. /learn/<subject>/questions/<slug>, or by id",
        ),
        Preset(
            "hugo",
            replace(
                _NOT_QA, title=("title", "linktitle", "linkTitle"), question=("question",), answer=(),
                description=("description", "summary"), keywords=("keywords", "tags"), keywords_merge=True,
                subject=("categories", "category"), subject_from=("field", "folder"), subject_values="every",
                url=("url",), identity="page", date=("date", "publishDate"), author=("author", "authors"),
                related_lists=("relatedfuncs", "related", "action.related", "manualLink", "manualLinkRelref"),
                alias_fields=("aliases",),
                links=("hugo-ref", "markdown"),
                title_fallback=("heading", "file-name"), no_front_matter="titled-article", headless=True, bundles=True,
                skip_future=True, skip_expired=True, json_front_matter=True, loose_closing=True, any_case_keys=True,
                skip_folders=("archetypes",),
            ),
            "Hugo sites: YAML or TOML front matter, categories, page bundles, ref/relref links",
            "page path, e.g. {example}",
        ),
        Preset(
            "jekyll",
            replace(
                _NOT_QA, title=("title",), question=("question",), answer=(),
                description=("description", "excerpt", "summary"),
                keywords=("tags", "tag", "keywords"), keywords_merge=True, keyword_separator=ANY_SEPARATOR,
                list_fields=("tags", "categories"), subject=("categories", "category", "site"),
                subject_from=("field", "folder"), subject_values="every", url=("permalink",), identity="url",
                date_from_file_name=True, related_lists=("related",), links=("markdown", "jekyll-ref", "html"),
                title_fallback=("slug", "heading", "file-name"), no_front_matter="article-below-root", lenient_yaml=True,
                drafts=("published",), skip_folders=_JEKYLL_SITE_FOLDERS, not_found=("404",),
                redirect_fields=("redirect",),
            ),
            "Jekyll sites: _posts/ with dated file names, space-separated tags, permalinks",
            "permalink or path without .md, e.g. {example}",
        ),
        Preset(
            "obsidian",
            replace(
                _NOT_QA, title=(), question=(), answer=(), description=("description", "summary"),
                keywords=("tags", "tag"), keywords_merge=True, keyword_separator=ANY_SEPARATOR,
                list_fields=("tags", "tag"), inline_tags=True, subject=(), subject_from=("folder",), url=(),
                identity="path", date=("date", "created"), date_line=True, related_lists=("related",),
                alias_fields=("aliases", "alias"), links=("wiki", "markdown"), title_fallback=("file-name",),
                no_front_matter="article", lenient_yaml=True, front_matter_at_start=True, inline_math=True,
                open_comments=True,
            ),
            "Obsidian vaults: notes titled by file name, folders as topics, [[wiki-links]], #tags",
            "note name, e.g. {example}, or its path",
        ),
        Preset(
            "generic",
            replace(
                _NOT_QA, title=("title", "name", "question", "article_title"), question=("question",),
                answer=("answer",), description=("description", "summary", "excerpt"),
                keywords=("tags", "keywords", "tag", "keyword"), keywords_merge=True,
                keyword_separator=ANY_SEPARATOR, list_fields=("tags", "categories", "keywords"),
                subject=("subject", "category", "categories", "topic", "section"), subject_from=("field", "folder"),
                subject_values="every", url=("url", "permalink"), date=("date", "pubDate", "publishDate"),
                related_lists=("related", "see_also"),
                alias_fields=("aliases",), links=("markdown", "wiki", "hugo-ref", "jekyll-ref"),
                title_fallback=("heading", "file-name"), no_front_matter="skip",
            ),
            "any other folder of Markdown files with front matter",
            "url or path without .md, e.g. {example}",
        ),
    )
}


def preset(name: str) -> Preset:
    """The preset called ``name``.

    Raises:
        UsageError: no preset has that name (the message lists them).
    """
    try:
        return PRESETS[name]
    except KeyError:
        raise UsageError(f"unknown preset {name!r} (known: {AUTO}, {', '.join(PRESETS)})") from None


@dataclass(frozen=True)
class Detection:
    """Which preset a corpus is read with, why, and the field map that results.

    ``auto`` is true when the preset was recognised rather than named; ``reason`` is
    one line for people (the CLI and the build report show it); ``keys`` counts the
    front-matter fields of the sampled files.
    """

    preset: str
    reason: str
    fields: FieldMap
    auto: bool = True
    sampled: int = 0
    keys: dict[str, int] = field(default_factory=dict, compare=False)
    #: problems of the site's own files read to fit the map (a category file that cannot be read)
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    #: the files read to choose the map (a config, a ``.pages``, a Gemfile; the sampled pages too), by
    #: absolute path: what :func:`site_files_changed` tells an edit of (see :func:`_read_regular`)
    read: dict[str, SiteFile] = field(default_factory=dict, compare=False)

    def line(self) -> str:
        """One line for people: ``preset hugo (recognised: hugo.toml in the parent folder (a Hugo site))``."""
        return f"preset {self.preset} ({'recognised: ' if self.auto else ''}{self.reason})"

    def as_dict(self) -> dict[str, Any]:
        """For the build report: preset, how it was chosen, why, and the map used."""
        return {"preset": self.preset, "auto": self.auto, "reason": self.reason, "sampled": self.sampled,
                "fields": self.fields.settings()}


# -- sampling ----------------------------------------------------------------------------

#: files read to recognise a corpus, and how much of each
SAMPLE_FILES = 120
SAMPLE_BYTES = 32 * 1024
#: how far a head is read on to the end of a front matter that runs past SAMPLE_BYTES: the size of the
#: largest file a build reads by default (``--max-file-size``)
SAMPLE_FRONT_MATTER_BYTES = 8 * 1024 * 1024


@dataclass
class _Sample:
    files: int = 0
    with_front_matter: int = 0
    toml: int = 0
    broken: int = 0
    qa: int = 0
    wiki: int = 0
    #: files with a wiki-link that names a note of the corpus by its file name or path (a vault's links)
    named: int = 0
    shortcodes: int = 0
    keys: Counter[str] = field(default_factory=Counter)
    values: dict[str, list[Any]] = field(default_factory=dict)
    #: the language of each file's first code block (```js), and the url folders and names of its links
    #: to 30 seconds of code's snippets (``/js/s/zip``): what says where such a collection publishes them
    fences: Counter[str] = field(default_factory=Counter)
    snippet_folders: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: files without front matter that have a ``<!-- tags: a, b -->`` line (30 seconds of code's before 2019)
    tag_comments: int = 0
    #: files without front matter shaped as a command reference's pages: ``# name``, ``> description`` lines,
    #: examples (``- Do this:`` and a backticked command line), as tldr-pages writes them (:func:`_command_pages`)
    commands: int = 0
    #: files without front matter that start with a ``# Title`` heading (a TIL collection's notes)
    headed: int = 0
    #: files with a tag of several words closed by a ``#``, ``#multi word tag#``, as Bear writes them (outside code)
    closed_tags: int = 0
    #: the GitHub repositories (``OWNER/REPO``) whose wiki's urls (``github.com/OWNER/REPO/wiki/Page-Name``) the
    #: sampled files link a page of the corpus by (``Page-Name.md``), one count a link: a wiki's own, cloned without its
    #: remote
    wiki_repos: Counter[str] = field(default_factory=Counter)
    #: files that open as a TIL collection's notes do in many collections other than jbranchaud/til's: with
    #: a ``## Title`` or a setext heading (``Title`` over ``=====``) and no front matter, or with a front
    #: matter that says no more than a note's ``title``, ``date`` and ``tags``
    note_like: int = 0
    #: files whose front matter says no more than a note's ``title``, ``date`` and ``tags``
    light_front_matter: int = 0
    #: the GitHub repositories (``github.com/owner/name``) whose urls the sampled files link a file of the corpus by
    repos: Counter[str] = field(default_factory=Counter)
    #: the hosts (other than GitHub's) whose urls the sampled files link a note of the corpus by, at its path without
    #: suffix (``https://til.example.net/sqlite/wal``: ``sqlite/wal.md``), as a TIL collection's site publishes its notes
    note_hosts: Counter[str] = field(default_factory=Counter)


#: what one of the site's own files was when it was read: the most read of it (``limit``), its
#: signature (size, inode, mtime and ctime; ``None``: not read), the digest of what was read
SiteFile = tuple[int, list[int] | None, str]

#: where :func:`_read_regular` notes the files it reads, while :func:`choose` chooses a map
_READ: ContextVar[dict[str, SiteFile] | None] = ContextVar("qagraph_site_files_read", default=None)


def _read_regular(path: Path, limit: int) -> bytes | str:
    """Up to ``limit`` bytes of the regular file at ``path``, or why it is not read. Every file of
    the site's own read here (a sampled page, a config, a data or category file) goes through this:
    a FIFO or a device would block or never end, so only a regular file is read (opened without
    blocking, then checked). While a map is chosen, each file is noted as it was read
    (:attr:`Detection.read`)."""
    read = _read_file(path, limit)
    noted = _READ.get()
    if noted is not None:
        data, st = read
        signature = [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns] if st is not None else None
        noted[os.path.abspath(path)] = (limit, signature, _site_digest(data))
    return read[0]


def _read_file(path: Path, limit: int) -> tuple[bytes | str, os.stat_result | None]:
    """:func:`_read_regular`'s read, with the file's status as it was opened (``None``: not opened)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})", None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return "not a regular file", st
        chunks, size = [], 0
        while size < limit and (chunk := os.read(fd, limit - size)):
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks), st
    except OSError as exc:
        return f"cannot read it ({exc.strerror or exc})", st
    finally:
        os.close(fd)


def _site_digest(data: bytes | str) -> str:
    """The digest of what :func:`_read_regular` read (or of why it read nothing)."""
    raw = data if isinstance(data, bytes) else ("\0" + data).encode("utf-8", "backslashreplace")
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def site_files_changed(files: Mapping[str, SiteFile]) -> list[str]:
    """Which of ``files`` (path -> :data:`SiteFile`, as :attr:`Detection.read` noted them) changed
    since: one ``stat`` each; only a file whose signature differs is read again (its first ``limit``
    bytes), to compare what was read. A file touched and not edited has not changed."""
    changed = []
    for path, (limit, signature, digest) in files.items():
        try:
            st = os.stat(path)
            now: list[int] | None = [st.st_size, st.st_ino, st.st_mtime_ns, st.st_ctime_ns]
        except OSError:
            now = None
        if now == signature:
            continue
        if _site_digest(_read_file(Path(path), limit)[0]) != digest:
            changed.append(path)
    return changed


#: the most of one of the site's templates (a layout, a shortcode, a render hook, an include) read
MAX_TEMPLATE = 8 * 1024 * 1024


def _read_site_text(path: Path, limit: int = MAX_TEMPLATE) -> str | None:
    """The text of the site's own file at ``path`` (a template, an include), undecodable bytes replaced;
    ``None`` when it is not a regular file or cannot be read. Through :func:`_read_regular`, so that a
    FIFO among the templates (``layouts/shortcodes/note.html``) never blocks the build."""
    data = _read_regular(path, limit)
    return data.decode("utf-8", "replace") if isinstance(data, bytes) else None


def _read_head(path: Path) -> bytes | None:
    """The head of a regular file, enough to read its front matter; ``None`` for anything else (never
    blocks). That is its first :data:`SAMPLE_BYTES`, or, where a front matter opened in them is not
    closed in them (a Q&A article whose answer is longer), up to :data:`SAMPLE_FRONT_MATTER_BYTES`:
    a head cut inside its front matter read as a file whose front matter is never closed, and a corpus
    of long answers was taken for notes without fields. A cut head ends at its last whole character,
    as a head cut inside one is no UTF-8 (a page of Chinese text was left out of the sample)."""
    limit = SAMPLE_BYTES
    data = _read_regular(path, limit)
    if not isinstance(data, bytes):
        return None
    if len(data) == limit and _front_matter_not_closed(data):
        limit = SAMPLE_FRONT_MATTER_BYTES
        more = _read_regular(path, limit)
        data = more if isinstance(more, bytes) else data
    return _whole_characters(data) if len(data) == limit else data


def _front_matter_not_closed(data: bytes) -> bool:
    """Whether ``data`` opens a ``---`` or ``+++`` front matter (after blank lines) and holds no line
    that closes it (``---`` or ``...``; ``+++``).

    >>> _front_matter_not_closed(b"---\\ntitle: T\\n...\\nBody"), _front_matter_not_closed(b"+++\\ntitle = 'T'\\n...\\n")
    (False, True)
    """
    first, _, rest = re.sub(rb"\A(?:\xef\xbb\xbf)+", b"", data).lstrip().partition(b"\n")  # a mark, or two
    first = first.strip()
    closing = rb"^(?:---|\.\.\.)[ \t]*\r?$" if first == b"---" else rb"^\+\+\+[ \t]*\r?$"  # YAML's may end at "..."
    return first in (b"---", b"+++") and re.search(closing, rest, re.M) is None


def _whole_characters(data: bytes) -> bytes:
    """``data`` without the start of a UTF-8 character its end cuts (a lead byte and fewer of its
    continuation bytes than it announces)."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:  # ASCII: nothing cut
            return data
        if byte >= 0xC0:  # a lead byte: how many bytes its character takes
            return data[:-back] if back < (2 if byte < 0xE0 else 3 if byte < 0xF0 else 4) else data
    return data


def _parsed(text: str, parse: Callable[[str], Any]) -> Any:
    """``parse(text)`` (``json.loads``, ``yaml.safe_load``, :func:`_toml_loads`), its failure as a
    :class:`ValueError` with the line where there is one (TOML's is in its message: ``(at line 2,
    column 13)``): a syntax error, a number of 5,000 digits (a ValueError of Python's own), or nesting
    deeper than Python recurses.

    A config is parsed once (a copy of what was parsed is returned): recognising a Jekyll site read its
    ``_config.yml`` 15 times, a Jupyter Book its ``_toc.yml`` as often, and a config of 200 KB took a
    minute to parse so."""
    ok, value = _parsed_once(text, parse)
    if not ok:
        raise ValueError(*value)
    return copy.deepcopy(value) if isinstance(value, (dict, list)) else value


@functools.lru_cache(maxsize=16)
def _parsed_once(text: str, parse: Callable[[str], Any]) -> tuple[bool, Any]:
    """:func:`_parsed`'s work: ``(True, value)``, or ``(False, args)`` of the :class:`ValueError` it raises."""
    import yaml

    try:
        return True, _written_out(parse(text), text)
    except RecursionError:
        return False, ("nested too deeply",)
    except (LookupError, AttributeError, TypeError, OverflowError):  # YAML's constructors: !!bool maybe, !!timestamp x
        return False, ("a value is not what its tag says it is (!!bool, !!int, !!float or !!timestamp)",)
    except (ValueError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = getattr(exc, "lineno", None) or (mark.line + 1 if mark is not None else None)
        what = getattr(exc, "msg", None) or getattr(exc, "problem", None) or str(exc)
        at = re.search(r" \(at line (\d+)", what) if line is None else None
        if at is not None:
            what, line = what[:at.start()], int(at.group(1))
        return False, (what, line)


def _written_out(value: Any, text: str) -> Any:
    """``value``, parsed from ``text``, when it holds at most a million values more than ``text`` writes
    out; else a :class:`ValueError`: YAML aliases that repeat one another (``b: [*a, *a, ...]``, ``c: [*b,
    *b, ...]``: a "billion laughs") make a few lines mean billions of values, and reading a site config so
    made (its ``exclude``, its ``defaults``) never ended. An anchor reused as configs do (one menu for each
    of 30 languages) is far from that; the walk, which stops at that count, takes under a second."""
    left = len(text) + 1_000_000
    todo = [value]
    while todo:
        item = todo.pop()
        left -= 1
        if left < 0:
            raise ValueError("its aliases repeat one another into more values than it writes out (a \"billion "
                             "laughs\")")
        if isinstance(item, dict):
            todo.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            todo.extend(item)
    return value


def _toml_loads(text: str) -> Any:
    """``tomllib.loads`` (``tomli``'s before Python 3.11: ModuleNotFoundError without it)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib.loads(text)


_QA_URL = lazy_compile(r"^/learn/[^/]+/questions/")
#: a command page's example: ``- Do this:``, a blank line, a backticked command line
_COMMAND_EXAMPLE = lazy_compile(r"^- [^\n]+\n[ \t]*\n`[^`\n]+`[ \t]*$", re.M)
#: a wiki-link's target, before its heading, block or label; a shell test (``[[ -f x ]]``) is none
_WIKI_TARGET = lazy_compile(r"\[\[(?!\s)([^\[\]\n|#^]*)[^\[\]\n]*\]\]")
_FENCE = lazy_compile(r"^```[ \t]*([A-Za-z]+)", re.M)
#: a note's first line when it is its title: ``# Title`` (an ATX heading of level 1)
_TITLE_HEADING = lazy_compile(r"#[ \t]+\S")
#: a note's first line as many TIL collections title it: a ``#`` or ``##`` heading, or a setext heading
_NOTE_HEADING = lazy_compile(r"#{1,2}[ \t]+\S|[^\s#>*\-+|`<][^\n]*\r?\n {0,3}(?:=+|-+)[ \t]*(?:\r?\n|$)")
#: all a TIL note's front matter says, in the collections that give their notes one
_NOTE_FIELDS = frozenset({"title", "date", "tags"})
_SNIPPET_LINK = lazy_compile(r"\]\((/[a-z][a-z-]*/s/)([a-z0-9-]+)/?[)#]")


def _sample(base: Path, names: Sequence[str], raw: Mapping[str, str], *, metadata: bool = False,
            nikola: bool = False) -> _Sample:
    # the Markdown files (Quarto's .qmd too): a site's pages in other formats (page_formats: notebooks, .rst)
    # have none of its fields
    markdown = (*FieldMap().suffixes, ".qmd")
    names = [n for n in names if n.lower().endswith(markdown)]
    picked = names if len(names) <= SAMPLE_FILES else [names[i * len(names) // SAMPLE_FILES] for i in range(SAMPLE_FILES)]
    # what a wiki-link names a note by: its path or its file name, without the extension (folded
    # when a sampled file first holds a wiki-link: 72k names at 36k, 0.1-0.2 s of every build)
    notes: set[str] | None = None
    files: set[str] | None = None  # the Markdown files' paths, which a GitHub url may name (made when first needed)
    stems: set[str] | None = None  # the Markdown files' folded names, which a wiki's url may name (likewise)
    s = _Sample()
    for name in picked:
        data = _read_head(base / raw.get(name, name))
        if data is None:
            continue
        text = decode(name, data)
        if isinstance(text, Problem):
            continue
        s.files += 1
        if "[[" in text:  # outside code: a page of shell snippets holds [[ -f x ]], a template's [[ name ]]
            targets = [m.group(1).strip() for m in _WIKI_TARGET.finditer(mask_code(text))]
            s.wiki += bool(targets)
            if targets and notes is None:
                notes = {fold(k.rpartition(".")[0]) for n in names for k in (n, posixpath.basename(n))}
            s.named += notes is not None and any(fold(t) in notes for t in targets)
        if "{{<" in text or "{{%" in text:
            s.shortcodes += 1
        if "#" in text and " " in text:
            s.closed_tags += bool(closed_tags(mask_code(text)))
        if "/wiki/" in text:  # a wiki page linking another by its url on GitHub
            stems = {fold(posixpath.basename(n).rpartition(".")[0]) for n in names} if stems is None else stems
            s.wiki_repos.update(m.group(1) for m in _WIKI_URL.finditer(text) if fold(unquote(m.group(2))) in stems)
        if "github" in text:  # a note linking another by its url on GitHub (its own repository's, most of all)
            files = set(names) if files is None else files
            s.repos.update(found[0] for m in _GITHUB_FILE.finditer(text)
                           if (found := _github_file(m.group(0))) is not None and found[1] in files)
        if "://" in text:
            files = set(names) if files is None else files
            s.note_hosts.update(m.group(1).lower() for m in _NOTE_URL.finditer(text)
                                if "github" not in m.group(1).lower() and any(
                                    f"{m.group(2) or m.group(4)}/{m.group(3) or m.group(5)}{suffix}" in files
                                    for suffix in FieldMap().suffixes))
        fm = read_front_matter(name, text, metadata=metadata, nikola=nikola)
        if isinstance(fm, Problem):
            s.broken += 1
            continue
        if fm.syntax is None:
            s.tag_comments += TAG_COMMENT.search(fm.body) is not None
            s.commands += command_page(fm.body)[0] is not None and _COMMAND_EXAMPLE.search(fm.body) is not None
            s.headed += _TITLE_HEADING.match(fm.body.lstrip()) is not None
            s.note_like += _NOTE_HEADING.match(fm.body.lstrip()) is not None
            continue
        s.with_front_matter += 1
        light = bool(fm.data) and "title" in fm.data and all(str(k) in _NOTE_FIELDS for k in fm.data)
        s.note_like += light
        s.light_front_matter += light
        s.toml += fm.syntax == "toml"
        fence = _FENCE.search(fm.body)
        if fence:
            s.fences[fence.group(1).lower()] += 1
        s.snippet_folders.update(_SNIPPET_LINK.findall(fm.body))
        s.keys.update(str(k) for k in fm.data)
        for k, v in fm.data.items():
            s.values.setdefault(str(k), []).append(v)
        seo = fm.data.get("seo")
        url = fm.data.get("url")
        if any(str(k).startswith("related_article") for k in fm.data) or (
                isinstance(seo, dict) and "page_keywords" in seo) or (isinstance(url, str) and _QA_URL.match(url)):
            s.qa += 1
    return s


#: how much of a site's config is read: a docs site's menus or nav make one of 100 KB (cut at 64 KB,
#: such a config was said not to be TOML and its settings were not used); :func:`config_problem` says
#: when one is longer. A YAML config is parsed a few times, at about 1 s for 100 KB
MAX_CONFIG = 256 * 1024


def _config(folders: Sequence[Path], names: Sequence[str]) -> tuple[Path, str] | None:
    """The first of ``names`` found as a file in ``folders``: its path and text (first
    :data:`MAX_CONFIG` bytes); a JavaScript one's without its comments (:func:`_js_code`), so that a
    setting left in a comment (``// docs: false``, ``// srcDir: 'old'``) is not read as one."""
    for folder in folders:
        for name in names:
            path = folder / name
            if _is_file(path) or _is_other(path):  # not in a folder that cannot be read: the scan reports that one
                data = _read_regular(path, MAX_CONFIG)
                if isinstance(data, str):  # the site's config all the same, of no settings: said (config_problem)
                    return path, Unread(data)
                text = data.decode("utf-8", "replace")
                return path, _js_code(text)[0] if path.suffix in _JS_SUFFIXES else text
    return None


class Unread(str):
    """The text of a site's config that cannot be read (a file of no permission, a FIFO): none, and
    ``why``. The site is the tool's all the same, read with its defaults, and :func:`config_problem`
    says so; it was taken for no site, unsaid."""

    why: str

    def __new__(cls, why: str) -> "Unread":
        text = super().__new__(cls, "")
        text.why = why
        return text


def _is_other(path: Path) -> bool:
    """Whether ``path`` is there, as neither a file nor a folder (a FIFO, a device, a socket)."""
    try:
        return path.exists() and not path.is_dir() and not path.is_file()
    except OSError:
        return False


_JS_SUFFIXES = (".js", ".cjs", ".mjs", ".ts", ".cts", ".mts")


def _is_file(path: Path) -> bool:
    """Whether ``path`` is a file, ``False`` where a folder on the way cannot be read (``Path.is_file``
    raises then): a site's files probed in a folder the scan reports as unreadable are none."""
    try:
        return path.is_file()
    except OSError:
        return False


def _is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder, ``False`` where a folder on the way cannot be read, as :func:`_is_file`."""
    try:
        return path.is_dir()
    except OSError:
        return False


#: the names Hugo reads its config by (hugo.* before the older config.*; TOML, YAML or JSON), at the site's
#: root or in its config/_default/ folder
_HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml",
                 "config.json", "config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/hugo.yml",
                 "config/_default/hugo.json", "config/_default/config.toml", "config/_default/config.yaml",
                 "config/_default/config.yml", "config/_default/config.json")
_BASE_URL = lazy_compile(r"""^[ \t]*"?baseURL"?\s*[=:]\s*["']?([^"'\s,]+)""", re.I | re.M)
#: the key itself, whatever its value: ``baseURL = ""`` (a site published wherever it is put) is Hugo's too
_BASE_URL_KEY = lazy_compile(r"""^[ \t]*"?baseURL"?[ \t]*[=:]""", re.I | re.M)
_JEKYLL_CONFIGS = ("_config.yml", "_config.yaml")
_JEKYLL_URL = lazy_compile(r"""^url\s*:\s*["']?([^"'\s#]+)""", re.M)
_JEKYLL_BASEURL = lazy_compile(r"""^baseurl\s*:\s*["']?([^"'\s#]*)""", re.M)
_JEKYLL_PERMALINK = lazy_compile(r"""^permalink\s*:\s*["']?([^"'\s#]+)""", re.M)
_HUGO_LANGUAGE_TABLE = lazy_compile(r"^[ \t]*\[languages\.([A-Za-z0-9_-]+)\]", re.M)  # TOML: [languages.fr]
_HUGO_LANGUAGES_KEY = lazy_compile(r"^languages\s*:\s*$", re.M)  # YAML: languages: then one key per language
_HUGO_DEFAULT_LANGUAGE = lazy_compile(r"""^[ \t]*defaultContentLanguage\s*[=:]\s*["']?([A-Za-z0-9_-]+)""", re.M)
#: a Zola config's default_language, a top-level key (before its first table)
_ZOLA_DEFAULT_LANGUAGE = lazy_compile(r"""\A(?:(?!^\[).*\n)*?^default_language[ \t]*=[ \t]*["']([A-Za-z0-9_-]+)["']""", re.M)


_ZOLA_CONFIGS = ("zola.toml", "config.toml")
_ZOLA_BASE_URL = lazy_compile(r"""^base_url[ \t]*=[ \t]*["']([^"'\s]+)""", re.M)
_TOML_FIRST_TABLE = lazy_compile(r"^[ \t]*\[", re.M)


def zola_base_url(config: str) -> str | None:
    """The ``base_url`` a Zola config sets: a top-level key, before its first table (an app's
    ``[api] base_url`` is no site's).

    >>> zola_base_url('title = "x"\\nbase_url = "https://a.org"\\n[extra]\\n'), zola_base_url('[api]\\nbase_url = "https://b"\\n')
    ('https://a.org', None)
    """
    table = _TOML_FIRST_TABLE.search(config)
    found = _ZOLA_BASE_URL.search(config, 0, table.start() if table else len(config))
    return found.group(1) if found else None


def _zola_ignored(base: Path, names: Sequence[str], globs: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The files of ``names`` that a Zola config's ``ignored_content`` ``globs`` leave out, each with why: Zola
    matches a glob against the file's whole path (from the filesystem's root), a ``*`` standing for any
    characters, ``/`` among them, ``{a,b}`` for either, as its globset does (``*.xlsx``, ``*drafts/*``).

    >>> root = Path("/site")
    >>> _zola_ignored(root, ["content/drafts/a.md", "content/b.tmp.md", "content/c.md"], ["*drafts/*", "*.{tmp,x}.md"])
    (('content/drafts/a.md', "excluded by the site's config (ignored_content: *drafts/*): not a page"), \
('content/b.tmp.md', "excluded by the site's config (ignored_content: *.{tmp,x}.md): not a page"))
    """
    patterns = []
    for glob in globs[:1000]:
        try:
            patterns.append((glob, re.compile("|".join(fnmatch.translate(g) for g in _braces(glob)))))
        except re.error:
            continue  # a glob Python cannot read: Zola stops on one it cannot build
    if not patterns:
        return ()
    root = base.resolve().as_posix().rstrip("/")
    found = []
    for name in names:
        hit = next((glob for glob, pattern in patterns if pattern.match(f"{root}/{name}")), None)
        if hit is not None:
            found.append((name, f"excluded by the site's config (ignored_content: {hit}): not a page"))
    return tuple(found)


def _braces(glob: str, limit: int = 64) -> list[str]:
    """``glob`` with its ``{a,b}`` alternatives written out (at most ``limit`` globs), as globset reads them.

    >>> _braces("*.{graphml,xlsx}"), _braces("a{b,c}d{e,f}")
    (['*.graphml', '*.xlsx'], ['abde', 'abdf', 'acde', 'acdf'])
    """
    found = re.search(r"\{([^{}]*)\}", glob)
    if found is None or limit <= 1:
        return [glob]
    out: list[str] = []
    for choice in found.group(1).split(","):
        out += _braces(glob[:found.start()] + choice + glob[found.end():], limit // 2)
    return out[:limit]


def _zola(base: Path) -> tuple[Path, str] | None:
    """The config (path and text) of the Zola site ``base`` is in or is: a ``config.toml`` (or
    ``zola.toml``) that sets ``base_url`` at its top level, where Hugo's sets ``baseURL``, beside
    the ``content/`` folder Zola builds from."""
    config = _config(_parents(base), _ZOLA_CONFIGS)
    if config is None or zola_base_url(config[1]) is None or not (config[0].parent / "content").is_dir():
        return None
    return config


def _hugo_languages(config: str) -> tuple[str, ...]:
    """The languages a Hugo config declares (``[languages.fr]`` tables, or a YAML ``languages:`` mapping).

    >>> _hugo_languages('[languages.en]\\nweight = 1\\n[languages.fr]\\n'), _hugo_languages('languages:\\n  en:\\n    weight: 1\\n  fr: {}\\ntitle: x\\n')
    (('en', 'fr'), ('en', 'fr'))
    >>> _hugo_languages("languages:\\n  en:\\n    weight: 1\\n  'no':\\n    weight: 2\\n")
    ('en', 'no')
    """
    found = _HUGO_LANGUAGE_TABLE.findall(config)
    block = _HUGO_LANGUAGES_KEY.search(config)
    if not found and block is not None:
        indent = None
        for line in config[block.end():].splitlines()[1:]:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            depth = len(line) - len(line.lstrip())
            if depth == 0:
                break
            indent = depth if indent is None else indent
            key = re.match(r"""\s*(["']?)([A-Za-z0-9_-]+)\1\s*:""", line)  # 'no': quoted, not YAML's false
            if depth == indent and key:
                found.append(key.group(2))
    return tuple(dict.fromkeys(found))


def _enabled_languages(settings: Mapping[str, Any], languages: Sequence[str], default: str) -> tuple[str, ...]:
    """``languages`` less those a Hugo config turns off, whose pages Hugo does not build: the codes its
    ``disableLanguages`` lists, and a language whose table says ``disabled = true`` (a translation
    under way); never the ``default`` one, which Hugo cannot turn off.

    >>> config = {"disablelanguages": ["fr"], "languages": {"en": {}, "fr": {}, "ko": {"Disabled": True}, "sv": {}}}
    >>> _enabled_languages(config, ("en", "fr", "ko", "sv"), "en")
    ('en', 'sv')
    """
    listed = settings.get("disablelanguages")
    off = {str(v).lower() for v in listed if isinstance(v, str)} if isinstance(listed, list) else set()
    table = settings.get("languages")
    if isinstance(table, Mapping):
        off |= {str(code).lower() for code, entry in table.items() if isinstance(entry, Mapping) and any(
            str(k).lower() == "disabled" and v is True for k, v in entry.items())}
    return tuple(language for language in languages if language == default or language.lower() not in off)


def _language_entry(table: Mapping[Any, Any], language: str) -> Any:
    """The entry of a Hugo config's ``languages`` table for ``language`` (lower-case), its key written in any case
    (``[languages.zh-CN]``: Hugo lower-cases a config's keys).

    >>> _language_entry({"en": {}, "zh-CN": {"weight": 2}}, "zh-cn")
    {'weight': 2}
    """
    found = table.get(language)
    return found if found is not None else next((v for k, v in table.items() if str(k).lower() == language), None)


def _language_folders(settings: Mapping[str, Any], languages: Sequence[str], content_dir: str | None) -> str | None:
    """The folder that holds a content folder per language, each named after its language, where a
    Hugo config gives each language its ``contentDir`` (``content/en``, ``content/fr``; the top-level
    ``contentDir`` for a language that sets none); ``None`` otherwise. Hugo publishes the pages of
    each, those of the default language at the site's root, the others under ``/fr/``: read from that
    folder, a page's language is its top folder's, as :func:`qagraph.links.page_path` reads it.

    >>> config = {"contentdir": "content/en", "languages": {"en": {}, "fr": {"contentDir": "content/fr/"}}}
    >>> _language_folders(config, ("en", "fr"), "content/en"), _language_folders(config, ("en", "fr", "de"), "content/en")
    ('content/', None)
    """
    table = settings.get("languages")
    if not isinstance(table, Mapping):
        return None
    parents = set()
    for language in languages:
        folder = _language_content_dir(_language_entry(table, language)) or content_dir
        if folder is None or folder.rpartition("/")[2] != language:
            return None
        parents.add(folder.rpartition("/")[0])
    return f"{parents.pop()}/" if len(parents) == 1 and "" not in parents else None


def _language_content_mounts(settings: Mapping[str, Any], languages: Sequence[str], content_dir: str | None,
                              site_root: Path, base: Path, seen_from: str) -> tuple[tuple[str, str], ...]:
    """Each language's content folder as a mount ``(folder, as)`` (:func:`hugo_content_mounts`), where
    a Hugo config gives each of its ``languages`` a ``contentDir`` of its own that is not named after
    it (Hugo Book's ``content.en``, ``content.zh``; ``content/english``): the folder, from ``base``,
    seen as ``<seen_from><language>/``, as if it were ``content/<language>/``, where Hugo publishes it
    (the default language's pages at the site's root, the others under ``/zh/``). ``()`` where a
    language has no folder of its own (a translation by file name), two share one, or one is not
    inside ``base``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     for folder in ("content.en", "content.zh"):
    ...         Path(root, folder).mkdir()
    ...     config = {"languages": {"en": {"contentDir": "content.en"}, "zh": {"contentdir": "content.zh/"}}}
    ...     _language_content_mounts(config, ("en", "zh"), None, Path(root), Path(root), "")
    ...     _language_content_mounts(config, ("en", "zh"), None, Path(root), Path(root, "content.zh"), "")
    (('content.en/', 'en/'), ('content.zh/', 'zh/'))
    (('', 'zh/'),)
    """
    table = settings.get("languages")
    if not isinstance(table, Mapping):
        return ()
    found = []
    for language in languages:
        folder = _language_content_dir(_language_entry(table, language)) or content_dir
        where = _below((site_root / folder).resolve(), base.resolve()) if folder else None
        if where == "":  # the folder read is this language's: its pages alone, where Hugo publishes them
            return (("", f"{seen_from}{language}/"),)
        found.append((where, f"{seen_from}{language}/"))
    if any(where is None or not _is_dir(base / where) for where, _ in found) or len(
            {where for where, _ in found}) != len(found):
        return ()
    return tuple((str(where), seen_as) for where, seen_as in found)


def hugo_settings(path: Path, text: str) -> dict[str, Any]:
    """The settings of the Hugo config at ``path`` (its ``text``: TOML, YAML or JSON), top-level keys
    lower-cased as Hugo reads them; in a ``config/_default/`` folder, with the files beside it whose
    names are keys it reads (``permalinks.toml``, ``taxonomies.yaml``, ``languages.toml``, ``module.toml``,
    ``markup.toml``, ``frontmatter.toml``, ``params.toml``) merged into the
    config's tables of those keys, a file's values first (Hugo merges the folder's files table into
    table: a ``taxonomies.toml`` of ``tag = "tags"`` keeps the ``authors`` of ``hugo.toml``'s
    ``[taxonomies]``), and a ``languages.fr.toml`` (Blowfish's) the table of the language ``fr``;
    ``{}`` for a config that cannot be read (what the site's regular expressions find is still read).

    >>> hugo_settings(Path("hugo.toml"), 'contentDir = "pages"\\n[permalinks]\\nposts = "/:year/:slug/"\\n')
    {'contentdir': 'pages', 'permalinks': {'posts': '/:year/:slug/'}}
    """
    def read(file: Path, content: str) -> Any:
        try:
            return _parsed(content, _toml_loads if file.suffix == ".toml" else
                           json_loads if file.suffix == ".json" else _yaml_settings)
        except (ValueError, ModuleNotFoundError):
            return None

    data = read(path, text)
    settings = {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}
    if path.parent.name == "_default" and path.parent.parent.name == "config":
        for key in ("permalinks", "taxonomies", "languages", "module", "markup", "frontmatter", "params"):
            found = _config([path.parent], tuple(f"{key}.{suffix}" for suffix in ("toml", "yaml", "yml", "json")))
            value = read(*found) if found else None
            if isinstance(value, dict):  # merged into the config's table, as Hugo merges the folder's files
                before = settings.get(key)
                settings[key] = _deep_merge(before, value) if isinstance(before, dict) else value
        for language, name in _hugo_language_files(path.parent):
            found = _config([path.parent], (name,))
            value = read(*found) if found else None
            if isinstance(value, dict):
                table = settings.get("languages")
                table = dict(table) if isinstance(table, dict) else {}
                before = table.get(language)
                table[language] = _deep_merge(before, value) if isinstance(before, dict) else value
                settings["languages"] = table
    return settings


_HUGO_LANGUAGE_FILE = lazy_compile(r"^languages\.([A-Za-z0-9_-]+)\.(?:toml|ya?ml|json)$")


def _hugo_language_files(folder: Path) -> list[tuple[str, str]]:
    """The files of a Hugo ``config/_default/`` ``folder`` that each hold one language's table, named
    after it (Blowfish's ``languages.en.toml``, ``languages.de.toml``: Hugo reads ``languages.<code>.*``
    as ``[languages.<code>]``), as ``(code, file name)`` in the order of their names; the code in lower
    case, as Hugo reads a config's keys (Congo's ``languages.zh-Hans.toml`` is the language of ``index.zh-hans.md``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     for name in ("languages.de.toml", "languages.zh-Hans.toml", "languages.toml", "menus.de.toml"):
    ...         _ = Path(root, name).write_text("")
    ...     _hugo_language_files(Path(root))
    [('de', 'languages.de.toml'), ('zh-hans', 'languages.zh-Hans.toml')]
    """
    try:
        listed = sorted((entry.name for entry in os.scandir(folder)), key=lambda name: (name.lower(), name))
    except OSError:
        return []
    return [(m.group(1).lower(), name) for name in listed if (m := _HUGO_LANGUAGE_FILE.match(name))]


@functools.cache
def _any_tags_loader() -> Any:
    """A YAML loader that reads what ``yaml.safe_load`` reads, and any other tag too (as nothing): an
    ``mkdocs.yml`` names Python objects (``!!python/name:...``), ``!ENV`` values, ``!relative``
    paths, which its tool reads and a syntax check must not take for errors."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return Loader


def _yaml_settings(text: str) -> Any:
    """A YAML config's settings, a tag the YAML of every day does not know (``!ENV``, ``!relative``,
    ``!!python/name:``, one of the site's own) read as nothing, as :func:`config_problem` checks it:
    with ``yaml.safe_load`` one such tag anywhere lost every setting, without a word (a ``hugo.yaml``'s
    permalinks with a ``!secret`` among its params).

    >>> _yaml_settings("permalink: /x/:title/\\nfoo: !custom bar\\nrun: !!python/object/apply:os.system [ls]\\n")
    {'permalink': '/x/:title/', 'foo': None, 'run': None}
    """
    import yaml

    return _written_out(yaml.load(text, Loader=_any_tags_loader()), text)


def _yaml_first_document(text: str) -> Any:
    """The settings of a YAML config's first document, as Jekyll reads its ``_config.yml`` (Psych's ``load``
    returns a stream's first document; what follows the next ``---`` is not read, nor checked): a config
    written as front matter, ``---`` lines around its ``remote_theme`` and its other settings after them.

    >>> _yaml_first_document("---\\nremote_theme: pages-themes/cayman\\n---\\ntitle: [A, B\\n")
    {'remote_theme': 'pages-themes/cayman'}
    """
    import yaml

    return _written_out(next(iter(yaml.load_all(text, Loader=_any_tags_loader())), None), text)


def config_problem(base: Path, path: Path, text: str, tool: str) -> Problem | None:
    """A warning when ``tool``'s config ``path`` (its ``text``, read by the site) is not TOML, YAML
    or JSON (by its suffix) that can be read: the site is then read as if it had no such file
    (the tool's own defaults for urls, folders, taxonomies), which a user must hear of rather than
    meet as wrong urls. Its path is from the folder read (``../hugo.toml`` for a parent's), with the
    line of the error where the parser gives one. A config over :data:`MAX_CONFIG` is said to be: its
    first part is what is read.

    >>> print(config_problem(Path("."), Path("hugo.toml"), 'title = "x"\\n[permalinks\\nposts = "/:slug/"\\n', "Hugo"))
    hugo.toml:2: warning: not TOML that can be read (Expected ']' at the end of a table declaration): its settings are not used, the site is read with the defaults of Hugo
    >>> config_problem(Path("."), Path("_config.yml"), "permalink: /:title/\\n", "Jekyll") is None
    True
    """
    from .load import _size

    syntax = {".toml": "TOML", ".json": "JSON"}.get(path.suffix, "YAML")
    rel = Path(os.path.relpath(path, base.resolve())).as_posix() if path.is_absolute() else path.as_posix()
    if isinstance(text, Unread):
        return Problem(rel, None, f"{text.why}: its settings are not used, the site is read with the defaults of {tool}",
                       "site-config", WARNING)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    over = f"it is {_size(size)}, over the {_size(MAX_CONFIG)} of a site config that is read" \
        if size > MAX_CONFIG else None
    try:
        data = _parsed(text, _toml_loads if syntax == "TOML" else json_loads if syntax == "JSON" else
                       _yaml_first_document if tool == "Jekyll" else _yaml_settings)
    except ModuleNotFoundError:  # TOML before Python 3.11 without tomli: not read, and not checked
        return None
    except ValueError as exc:
        what, line = exc.args[0], exc.args[1] if len(exc.args) > 1 else None
        return Problem(rel, None if over else line, f"{over or f'not {syntax} that can be read ({str(what).strip()})'}: "
                       f"its settings are not used, the site is read with the defaults of {tool}", "site-config", WARNING)
    if over:
        return Problem(rel, None, f"{over}: the settings after its first {_size(MAX_CONFIG)} are not used",
                       "site-config", WARNING)
    if tool == "Jekyll" and syntax == "YAML" and (second := _second_document(text)) is not None:
        return Problem(rel, second, "a second YAML document (a --- line) and what follows it are not used: Jekyll "
                                    "reads the first one alone", "site-config", WARNING)
    # settings are a mapping; a Jupyter Book's _toc.yml of before 0.11 is a list of its pages
    if data is not None and not isinstance(data, dict) and path.name != "_toc.yml":
        what = "a list" if isinstance(data, list) else "one value"
        return Problem(rel, None, f"{what}, not a mapping of settings: its settings are not used, the site is read "
                                  f"with the defaults of {tool}", "site-config", WARNING)
    return None


def hugo_content_folder(settings: Mapping[str, Any]) -> str | None:
    """The content folder (from the site's root, without ``/`` at either end) a Hugo config's
    ``settings`` (:func:`hugo_settings`) name: its ``contentDir``, else the source of its one module
    mount whose target is ``content`` (Bootstrap's ``module.mounts`` mount ``site/content`` there; a
    mount of the content folder replaces Hugo's own, so ``content/`` is then not read); ``None``
    where they name none (Hugo reads ``content/``).

    >>> hugo_content_folder({"module": {"mounts": [{"source": "site/layouts", "target": "layouts"},
    ...                                            {"source": "site/content/", "target": "content"}]}})
    'site/content'
    >>> hugo_content_folder({"contentdir": "pages/"}), hugo_content_folder({"module": {"mounts": []}})
    ('pages', None)
    """
    named = settings.get("contentdir")
    if isinstance(named, str) and named.strip().strip("/") not in ("", "."):
        return named.strip().strip("/")
    mounts = _hugo_key(settings, "module", "mounts")
    sources = [m.get("source") for m in mounts if isinstance(m, Mapping) and isinstance(m.get("target"), str)
               and m["target"].strip().strip("/") == "content"] if isinstance(mounts, list) else []
    if len(sources) == 1 and isinstance(sources[0], str) and sources[0].strip().strip("/") not in ("", "."):
        return sources[0].strip().strip("/")
    return None


def _hugo_content_folders(settings: Mapping[str, Any]) -> list[str]:
    """Every content folder (from the site's root) a Hugo config's ``settings`` name: the site's
    (:func:`hugo_content_folder`, ``content`` by default) and each language's own ``contentDir``.

    >>> _hugo_content_folders({"languages": {"en": {"contentDir": "content.en/"}, "fr": {"weight": 2}}})
    ['content', 'content.en']
    """
    table = settings.get("languages")
    own = [_language_content_dir(entry) for entry in table.values()] if isinstance(table, Mapping) else []
    return list(dict.fromkeys([hugo_content_folder(settings) or "content", *filter(None, own)]))


def _hugo_folder_within(settings: Mapping[str, Any], site_root: Path, base: Path) -> tuple[str, str] | None:
    """Where the folder ``base`` is in the content of the Hugo site at ``site_root`` whose config's
    ``settings`` these are: ``(language, path)``, its path (with its ``/``, ``""`` for the folder
    itself) in a language's own ``contentDir`` (``content/french``) and that language, else its path
    in the site's content folder (:func:`hugo_content_folder`), not that folder itself, and ``""``.
    ``None`` elsewhere.

    >>> _hugo_folder_within({}, Path("/site"), Path("/site/content/docs/guide"))
    ('', 'docs/guide/')
    >>> _hugo_folder_within({"languages": {"fr": {"contentdir": "content/french"}}}, Path("/site"), Path("/site/content/french"))
    ('fr', '')
    >>> _hugo_folder_within({}, Path("/site"), Path("/site/content")) is None
    True
    """
    resolved = base.resolve()
    table = settings.get("languages")
    own = [(str(language), folder) for language, entry in table.items()
           if (folder := _language_content_dir(entry))] if isinstance(table, Mapping) else []
    for language, folder in [*own, ("", hugo_content_folder(settings) or "content")]:
        inner = _below(resolved, (site_root / folder).resolve())
        if inner is not None:
            return (language, inner) if inner or language else None
    return None


def _language_content_dir(entry: Any) -> str | None:
    """The ``contentDir`` a Hugo config's table of one language (``[languages.fr]``) sets, without ``/``
    at either end (its keys read in any case); ``None`` where it sets none."""
    given = next((v for k, v in entry.items() if str(k).lower() == "contentdir"), None) if isinstance(
        entry, Mapping) else None
    return given.strip().strip("/") or None if isinstance(given, str) else None


def hugo_content_mounts(settings: Mapping[str, Any], site_root: Path, base: Path, content_dir: str,
                        language: str = "en") -> tuple[tuple[str, str], ...]:
    """The folders of the corpus read from ``base`` that a Hugo config's ``settings`` mount into the site's
    content below its root (a ``module.mounts`` target ``content/<folder>``, its source from the site's
    ``site_root``, ``../`` too), each as ``(folder, as)``: its path from ``base`` and the folder the site
    sees it in (below ``content_dir``), both with their ``/``. Dapr's docs mount each SDK's docs,
    ``../sdkdocs/go/content/en/go-sdk-docs``, as ``content/developing-applications/sdks/go``. A source
    outside the corpus, or no folder, is left out, and so is a mount for another ``lang`` than the
    site's default ``language`` (its pages are that language's translations).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     Path(root, "sdk", "go", "docs").mkdir(parents=True)
    ...     hugo_content_mounts({"module": {"mounts": [{"source": "content", "target": "content"},
    ...                                                {"source": "../sdk/go/docs", "target": "content/sdks/go/"},
    ...                                                {"source": "../sdk/go/docs", "target": "content/fr/go", "lang": "fr"},
    ...                                                {"source": "../gone", "target": "content/gone"}]}},
    ...                         Path(root, "site"), Path(root), "site/content/")
    (('sdk/go/docs/', 'site/content/sdks/go/'),)
    """
    mounts = _hugo_key(settings, "module", "mounts")
    found = []
    for mount in mounts if isinstance(mounts, list) else []:
        source = mount.get("source") if isinstance(mount, Mapping) else None
        target = mount.get("target") if isinstance(mount, Mapping) else None
        lang = mount.get("lang") if isinstance(mount, Mapping) else None
        if not isinstance(source, str) or not isinstance(target, str) or isinstance(lang, str) and lang.strip() and \
                lang.strip().lower() != language.lower():
            continue
        below = target.strip().strip("/")
        if not below.startswith("content/") or not below[len("content/"):].strip("/"):
            continue
        folder = (site_root / source.strip()).resolve()
        where = _below(folder, base.resolve())
        if where and _is_dir(folder):
            found.append((where, f"{content_dir}{below[len('content/'):].strip('/')}/"))
    return tuple(found)


#: in a shortcode's template: ``relref . $path`` (``ref``, of ``$.Page``...), the path a variable or ``(.Get 0)``
_TEMPLATE_REF = lazy_compile(r"\b(?:rel)?ref\s+\$?(?:\.Page|\.)?\s+(\$\w+|\(\s*\.Get\s+(?:0|\"\w+\")\s*\))")
#: what ``path.Join`` joins: a quoted text, a site parameter, a variable
_JOIN_PART = lazy_compile(r"\"([^\"\n]*)\"|`([^`\n]*)`|(?:\$\.Site|\.Site|site)\.Params\.(\w+)|(\$\w+)")


#: in a shortcode's template: a page found by ``GetPage`` of the path a variable holds, the argument
#: ``(.Get "page")``, or a ``printf "%s/%s"`` or ``path.Join`` of parts: ``$page := site.GetPage "page" $path``
_TEMPLATE_GETPAGE = lazy_compile(r"(\$\w+)\s*:?=\s*\(?\s*(?:site|\$?\.Site|\$?\.Page\.Site)\.GetPage\s+(?:\"page\"\s+)?"
                               r"(\$\w+|\(\s*\.Get\s+(?:0|\"\w+\")\s*\)|"
                               r"\(\s*(?:printf\s+\"%s/%s\"|path\.Join)\s+([^)\n]*)\))")


def _joined_prefix(text: str, parts: list[tuple[str, str, str, str]], settings: Mapping[str, Any]) -> str | None:
    """The path the ``parts`` (:data:`_JOIN_PART`) of a ``path.Join`` (or ``printf "%s/%s"``) in the shortcode
    template ``text`` put before the argument the shortcode is given, which is the last of them: quoted
    texts, site parameters and variables set to a quoted text (``$base := "docs/reference/api"``);
    ``None`` where the argument is not last or a part is made any other way."""
    if not parts or not _given_argument(text, parts[-1][3]):
        return None
    prefix = []
    for quoted, raw, param, variable in parts[:-1]:
        if variable:
            set_to = re.search(re.escape(variable) + r"\s*:?=\s*(?:\"([^\"\n]*)\"|`([^`\n]*)`)\s*(?:-?\}\})", text)
            value: Any = (set_to.group(1) if set_to.group(1) is not None else set_to.group(2)) if set_to else None
        else:
            value = quoted or raw if not param else _hugo_key(settings, "params", param.lower())
        if not isinstance(value, (str, int, float)):
            return None
        prefix.append(str(value).strip("/"))
    return "/".join(p for p in prefix if p)


def hugo_ref_shortcodes(root: Path, settings: Mapping[str, Any]) -> tuple[tuple[str, str, str], ...]:
    """The ``(name, prefix, parameter)`` of the Hugo site ``root``'s own shortcodes (``layouts/shortcodes/*.html``,
    in its ``layoutDir`` or the folder its config mounts as ``layouts``) that link to a page by ``ref`` or
    ``relref`` of the path they are given, put after ``prefix`` by ``path.Join`` of quoted texts and
    site parameters (``settings``'s ``params``). Bootstrap's ``docsref`` joins ``"docs"``, its
    ``docs_version`` (``5.3``) and its argument: ``{{< docsref "/forms/select" >}}`` links to
    ``docs/5.3/forms/select``. So does one that writes the url of the page ``GetPage`` finds at such a
    path (or ``printf "%s/%s"`` of a variable set to a text and the argument): the Kubernetes site's
    ``{{< api-reference page="workload-resources/pod-v1" >}}`` links to
    ``docs/reference/kubernetes-api/workload-resources/pod-v1``. A shortcode whose path is made any
    other way makes no link. ``parameter`` is the name of the argument the template gets the path
    from (``.Get "page"``: ``page``, wherever the page writes it among the others, as Dapr's
    ``{{< button text="Get started" page="getting-started" >}}``), ``""`` where it gets it by position.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     folder = Path(root, "layouts", "shortcodes"); folder.mkdir(parents=True)
    ...     _ = (folder / "docsref.html").write_text('{{- $p := .Get 0 -}}\\n{{- $to := path.Join "docs" $.Site.Params.v $p -}}'
    ...                                            '\\n{{- relref . $to | relURL -}}\\n')
    ...     _ = (folder / "pageref.html").write_text('{{ relref . (.Get 0) }}')
    ...     _ = (folder / "apiref.html").write_text('{{ $base := "docs/api" }}{{ $p := .Get "page" }}\\n{{ $page := '
    ...                                            'site.GetPage "page" (printf "%s/%s" $base $p) }}<a href="{{ $page.URL }}">')
    ...     _ = (folder / "button.html").write_text('{{ $to := .Get "page" }}{{ if $to }}{{ $l = ref . $to }}{{ end }}')
    ...     hugo_ref_shortcodes(Path(root), {"params": {"V": "2.1"}})
    (('apiref', 'docs/api', 'page'), ('button', '', 'page'), ('docsref', 'docs/2.1', ''), ('pageref', '', ''))
    """
    found = []
    for name, text in _hugo_shortcode_templates(root, settings):
        call = _TEMPLATE_REF.search(text)
        joined_here = None
        if call is None:  # a page found by GetPage whose url the shortcode writes: the Kubernetes site's api-reference
            call = next((m for m in _TEMPLATE_GETPAGE.finditer(text) if re.search(
                re.escape(m.group(1)) + r"\.(?:RelPermalink|Permalink|URL)\b", text)), None)
            if call is None:
                continue
            given, joined_here = call.group(2), call.group(3)
        else:
            given = call.group(1)  # the path: the argument itself, or a variable
        parts: list[tuple[str, str, str, str]] | None = None  # a path.Join's: the argument is the last
        if joined_here is not None:
            parts = _JOIN_PART.findall(joined_here)
        elif given.startswith("$") and not _given_argument(text, given):
            joined = re.search(re.escape(given) + r"\s*:?=\s*(?:path\.Join|printf\s+\"%s/%s\")\s+([^\n}]*)", text)
            parts = _JOIN_PART.findall(joined.group(1)) if joined else []
        prefix = "" if parts is None else _joined_prefix(text, parts, settings)
        if prefix is not None:
            found.append((name, prefix, _argument_name(text, parts[-1][3] if parts else given)))
    return tuple(found)


def _argument_name(template: str, given: str) -> str:
    """The name of the argument the shortcode ``template`` gets ``given`` from: ``page`` where it is
    ``(.Get "page")`` or a variable set to it (``$to := .Get "page"``), else ``""`` (by position,
    ``.Get 0``, ``index .Params 0``)."""
    named = re.match(r"\(\s*\.Get\s+\"(\w+)\"", given)
    if named is None and given.startswith("$"):
        named = re.search(re.escape(given) + r"\s*:?=\s*\(?\s*\.Get\s+\"(\w+)\"", template)
    return named.group(1) if named else ""


def _hugo_layout_folder(root: Path, settings: Mapping[str, Any]) -> Path:
    """The layouts folder of the Hugo site ``root``: its ``layoutDir``, the folder its config mounts as
    ``layouts``, else ``layouts/``."""
    named = settings.get("layoutdir")
    mounts = _hugo_key(settings, "module", "mounts")
    mounted = [m.get("source") for m in mounts if isinstance(m, Mapping) and isinstance(m.get("target"), str)
               and m["target"].strip().strip("/") == "layouts"] if isinstance(mounts, list) else []
    folder = named if isinstance(named, str) and named.strip() else (
        mounted[0] if len(mounted) == 1 and isinstance(mounted[0], str) else "layouts")
    return root / folder.strip().strip("/")


def hugo_embedded_link_hook(root: Path, settings: Mapping[str, Any]) -> bool:
    """Whether Hugo (0.123 and later) renders the Markdown links of the multilingual site ``root`` with its
    embedded link render hook, which looks a link's path up among the pages of the linking page's
    language (``[Pods](/pods/)`` on a Korean page leads to ``/ko/pods/`` where that page is): the
    config's ``markup.goldmark.renderHooks.link.useEmbedded`` is ``always``, or is left as it is
    (``auto``, ``fallback``) while no languages have hosts of their own (``baseURL``) and neither the
    site's layouts folder nor its theme's in ``themes/`` has a ``render-link`` template of its own.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     plain = hugo_embedded_link_hook(Path(root), {"languages": {"en": {}, "ko": {}}})
    ...     hooks = Path(root, "themes", "docs", "layouts", "_markup"); hooks.mkdir(parents=True)
    ...     _ = (hooks / "render-link.html").write_text('<a href="{{ .Destination }}">{{ .Text }}</a>')
    ...     plain, hugo_embedded_link_hook(Path(root), {"theme": "docs"})
    (True, False)
    """
    used = _hugo_key(settings, "markup", "goldmark", "renderhooks", "link", "useembedded")
    used = used.lower() if isinstance(used, str) else "auto"
    if used in ("always", "never"):
        return used == "always"
    table = settings.get("languages")
    if isinstance(table, Mapping) and any(isinstance(entry, Mapping) and _hugo_key(entry, "baseurl")
                                          for entry in table.values()):
        return False  # a host per language: Hugo leaves the links as written
    return not _hugo_link_hooks(root, settings)


def _hugo_link_hooks(root: Path, settings: Mapping[str, Any]) -> list[Path]:
    """The ``render-link`` templates Hugo renders the Markdown links of the site ``root`` with: those of
    the site's layouts folder, else those of the first of its themes (in ``themes/``) that has any."""
    theme = settings.get("theme")
    themes = [theme] if isinstance(theme, str) else [t for t in theme if isinstance(t, str)] if isinstance(theme, list) else []
    for layouts in (_hugo_layout_folder(root, settings), *(root / "themes" / t / "layouts" for t in themes)):
        try:
            found = sorted(layouts.rglob("render-link.*"))
        except OSError:
            continue
        if found:
            return found
    return []


#: a link render hook's way of putting a link's path in the page's language: ``{{ .Destination | relLangURL }}``
_LANG_URL = lazy_compile(r"\b(?:relLangURL|absLangURL)\b")


def hugo_language_url_hook(root: Path, settings: Mapping[str, Any]) -> bool:
    """Whether the multilingual Hugo site ``root`` renders its Markdown links with a ``render-link``
    template of its own (or its theme's) that passes the link's destination through ``relLangURL`` (or
    ``absLangURL``), as the Kubernetes site's does: ``[Pods](/docs/pods/)`` on a Japanese page then
    leads to ``/ja/docs/pods/``, whether that page is there or not (unless the config makes Hugo use its
    embedded hook, ``useEmbedded = "always"``).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     hooks = Path(root, "layouts", "_default", "_markup"); hooks.mkdir(parents=True)
    ...     _ = (hooks / "render-link.html").write_text('<a href="{{ .Destination | relLangURL }}">{{ .Text }}</a>')
    ...     hugo_language_url_hook(Path(root), {}), hugo_embedded_link_hook(Path(root), {})
    (True, False)
    """
    used = _hugo_key(settings, "markup", "goldmark", "renderhooks", "link", "useembedded")
    if isinstance(used, str) and used.lower() == "always":
        return False
    for hook in _hugo_link_hooks(root, settings):
        text = _read_site_text(hook)
        if text is None:
            continue
        if ".Destination" in text and _LANG_URL.search(text):
            return True
    return False


def _hugo_shortcode_templates(root: Path, settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The ``(name, text)`` of the Hugo site ``root``'s own shortcode templates (``_shortcodes/*.html``, where
    Hugo 0.146 and later keep them, and ``shortcodes/*.html`` in its layouts folder, :func:`_hugo_layout_folder`),
    by name, a name in ``_shortcodes/`` winning; none where it has no such folder."""
    layouts = _hugo_layout_folder(root, settings)
    found: dict[str, str] = {}
    for folder in ("_shortcodes", "shortcodes"):
        try:
            templates = sorted((layouts / folder).glob("*.html"))
        except OSError:
            continue
        for template in templates:
            if template.stem in found:
                continue
            if (text := _read_site_text(template)) is not None:
                found[template.stem] = text
    return sorted(found.items())


#: in a shortcode's template: a link's href that is a variable as it is, ``href="{{ $url }}"`` (or ``| safeURL``)
_TEMPLATE_HREF = lazy_compile(r"""\bhref\s*=\s*["']?\{\{-?\s*(\$\w+)\s*(?:\|\s*safeURL\s*)?-?\}\}""")


def hugo_href_shortcodes(root: Path, settings: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The ``(name, parameter)`` of the Hugo site ``root``'s own shortcodes whose template writes a parameter
    it is given (``.Get "url"``: ``url``; ``.Get 0``: ``0``) as a link's ``href``, as it is: the Kubernetes
    site's ``link`` shortcode, ``{{< link text="services" url="/docs/services/" >}}``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     folder = Path(root, "layouts", "shortcodes"); folder.mkdir(parents=True)
    ...     _ = (folder / "link.html").write_text('{{- $url := .Get "url" -}}\\n<a href="{{ $url }}">{{ .Get "text" }}</a>')
    ...     _ = (folder / "img.html").write_text('{{ $src := .Get 0 }}<img src="{{ $src }}">')
    ...     hugo_href_shortcodes(Path(root), {})
    (('link', 'url'),)
    """
    found = []
    for name, text in _hugo_shortcode_templates(root, settings):
        for href in _TEMPLATE_HREF.finditer(text):
            given = re.search(re.escape(href.group(1)) + r"\s*:?=\s*\(?\s*\.Get\s+(?:\"(\w+)\"|(\d+))", text)
            if given is not None:
                found.append((name, given.group(1) or given.group(2)))
                break
    return tuple(found)


#: the shortcodes that write a parameter they are given as a link's ``href``, of Hugo itself (its embedded
#: ``figure``: ``link``) and of themes a site names without keeping their templates (a module, a submodule not
#: cloned): Hugo Book's ``{{< button href="/docs/intro/" >}}`` and ``card``'s, Docsy's ``{{% blocks/feature url="/docs/" %}}``
_THEME_HREF_SHORTCODES: dict[str, tuple[tuple[str, str], ...]] = {
    "": (("figure", "link"),), "hugo-book": (("button", "href"), ("card", "href")), "docsy": (("blocks/feature", "url"),),
    # Blowfish's article card (the page whose RelPermalink is its link) and button, and Congo's button
    "blowfish": (("article", "link"), ("button", "href")), "congo": (("button", "href"),),
    # Hextra's cards and its home page's button: a relative link (card link="getting-started") from the page's url
    "hextra": (("card", "link"), ("hextra/hero-button", "link"))}


def _hugo_theme_parts(settings: Mapping[str, Any]) -> set[str]:
    """The parts, lower-case, of the names of the themes a Hugo config's ``settings`` name: its ``theme`` (a
    name or a list) and its module imports' ``path`` (a list of imports, or one written as a mapping, as
    Hextra's example site does and Hugo's decoder takes): ``github.com/google/docsy`` gives ``docsy``.

    >>> sorted(_hugo_theme_parts({"theme": ["hugo-PaperMod"], "module": {"imports": {"path": "github.com/imfing/hextra"}}}))
    ['github.com', 'hextra', 'hugo-papermod', 'imfing']
    """
    theme = settings.get("theme")
    named = [theme] if isinstance(theme, str) else [t for t in theme if isinstance(t, str)] if isinstance(theme, list) else []
    imports = _hugo_key(settings, "module", "imports")
    imports = [imports] if isinstance(imports, Mapping) else imports  # one import, as Hugo's decoder takes it
    named += [i["path"] for i in imports if isinstance(i, Mapping) and isinstance(i.get("path"), str)] if isinstance(
        imports, list) else []
    return {part.lower() for name in named for part in name.strip().split("/")}


def hugo_theme_href_shortcodes(root: Path, settings: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The ``(name, parameter)`` of the shortcodes of :data:`_THEME_HREF_SHORTCODES` that the Hugo site
    ``root`` uses: Hugo's own, and those of the themes its config names (``theme``, a module import's
    ``path``: ``github.com/google/docsy``; one import may be written as a mapping, not a list of them, as
    Hextra's example site does and Hugo reads), but for a name the site's own shortcodes take (its template
    then says what the shortcode writes, :func:`hugo_href_shortcodes`).

    >>> hugo_theme_href_shortcodes(Path("/nowhere"), {"module": {"imports": [{"path": "github.com/google/docsy"}]}})
    (('figure', 'link'), ('blocks/feature', 'url'))
    >>> hugo_theme_href_shortcodes(Path("/nowhere"), {"module": {"imports": {"path": "github.com/imfing/hextra"}}})
    (('figure', 'link'), ('card', 'link'), ('hextra/hero-button', 'link'))
    """
    parts = _hugo_theme_parts(settings)
    own = {name for name, _ in _hugo_shortcode_templates(root, settings)}
    return tuple(code for key, codes in _THEME_HREF_SHORTCODES.items() if not key or key in parts
                 for code in codes if code[0] not in own)


def _given_argument(template: str, variable: str) -> bool:
    """Whether the shortcode ``template`` sets ``variable`` to the argument it is given (``.Get 0``,
    ``.Get "urlPath"``, ``index .Params 0``)."""
    return bool(variable) and re.search(re.escape(variable) + r"\s*:?=\s*\(?\s*(?:\.Get\s|index\s+\.Params\s)",
                                        template) is not None


def _below(folder: Path, base: Path) -> str | None:
    """``folder``'s path from ``base`` with a ``/`` after it (``""`` for ``base`` itself), ``None``
    where it is not inside ``base``."""
    try:
        rel = folder.relative_to(base).as_posix()
    except ValueError:
        return None
    return "" if rel == "." else f"{rel}/"


def _hugo_permalinks(setting: Any) -> tuple[tuple[str, str, str], ...]:
    """A Hugo config's ``permalinks`` as ``(kind, section, pattern)``: ``posts = "/:year/:slug/"`` is a
    regular page's (``page``), as are the patterns of a ``[permalinks.page]`` table; those of a
    ``[permalinks.section]`` table are a section's own page's.

    >>> _hugo_permalinks({"posts": "/:slug/", "section": {"docs": "/d/"}, "page": {"docs": "/d/:slug/"}})
    (('page', 'posts', '/:slug/'), ('section', 'docs', '/d/'), ('page', 'docs', '/d/:slug/'))
    """
    found: list[tuple[str, str, str]] = []
    for key, value in setting.items() if isinstance(setting, dict) else ():
        if isinstance(value, str):
            found.append(("page", str(key).strip("/"), value))
        elif isinstance(value, dict) and key in ("page", "section"):
            found += [(key, str(k).strip("/"), v) for k, v in value.items() if isinstance(v, str)]
    return tuple(found)


_HUGO_LANGUAGE_FILES = ("config/_default/languages.toml", "config/_default/languages.yaml",
                        "config/_default/languages.yml")
_TOML_TABLE = lazy_compile(r"^[ \t]*\[\s*([A-Za-z0-9_-]+)\s*[\].]", re.M)  # [fr] or [fr.params]: language fr
_YAML_TOP_KEY = lazy_compile(r"^([A-Za-z0-9_-]+)\s*:", re.M)


def _hugo_language_file(path: Path, text: str) -> tuple[str, ...]:
    """The languages of a ``config/_default/languages.*`` file, whose top-level keys are the
    languages (the file's name is the ``languages`` key of the config).

    >>> _hugo_language_file(Path("languages.toml"), '[en]\\nweight = 1\\n[fr]\\n[fr.params]\\nx = 1\\n')
    ('en', 'fr')
    >>> _hugo_language_file(Path("languages.yaml"), 'en:\\n  weight: 1\\nfr:\\n  title: Salut\\n')
    ('en', 'fr')
    """
    pattern = _TOML_TABLE if path.suffix == ".toml" else _YAML_TOP_KEY
    return tuple(dict.fromkeys(pattern.findall(text)))


_DATED = lazy_compile(r"(?:^|/)\d{4}-\d{2}-\d{2}-[^/]*$")
_LANGUAGE = lazy_compile(r"^[a-z]{2}(?:-[a-zA-Z]{2,4})?$")
#: the ISO 639-1 codes of languages, which name the folders of a vault translated (``pt-br`` by its ``pt``)
_ISO_639_1 = frozenset("""
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en
    eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka
    kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl
    nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw
    ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu""".split())


def _parents(base: Path) -> list[Path]:
    resolved = base.resolve()
    return [resolved, *list(resolved.parents)[:2]]


def _is_hugo_config(config: tuple[Path, str] | None) -> bool:
    """Whether ``config`` (path and text, :func:`_config`) is surely a Hugo site's: named ``hugo.*``, or
    with a ``baseURL``, empty or not (a bare ``config.toml`` may be any tool's), or in Hugo's config folder,
    ``config/_default/`` (Congo's and Blowfish's sites keep a ``config.toml`` there whose ``baseURL`` is left
    out or commented, set for production only)."""
    return config is not None and (config[0].name.startswith("hugo") or _BASE_URL_KEY.search(config[1]) is not None
                                   or config[0].suffix == ".json" and "baseurl" in hugo_settings(*config)
                                   or config[0].parent.name == "_default" and config[0].parent.parent.name == "config")


def _hugo_site_below(base: Path) -> tuple[Path, str] | None:
    """The config (path and text) of the Hugo site kept in a folder of ``base``, a repository whose
    site is one of its folders (``linkerd.io/hugo.toml`` and ``linkerd.io/content/`` beside the
    repository's README and scripts): a config that is surely Hugo's (:func:`_is_hugo_config`) in a top
    folder that holds the content folder it names. Of several, the first by name; ``None`` for none.

    >>> _hugo_site_below(Path("content")) is None
    True
    """
    try:
        folders = sorted((f for f in base.iterdir() if not f.name.startswith(".") and _is_dir(f)), key=lambda f: f.name)
    except OSError:
        return None
    for folder in folders:
        config = _config([folder.resolve()], _HUGO_CONFIGS)
        if config is not None and _is_hugo_config(config) and \
                _is_dir(_site_root(config[0]) / (hugo_content_folder(hugo_settings(*config)) or "content")):
            return config
    return None


def _hugo_site_above(base: Path) -> tuple[Path, str] | None:
    """The config (path and text) of the Hugo site whose content folder holds ``base``, further up than
    :func:`_parents` looks (``-c site/content/en/docs/guide``): Hugo reads its config at the site's root
    only, and its content below it (``contentDir``, ``content/`` by default, or a language's own),
    however deep; a config that is surely Hugo's (:func:`_is_hugo_config`), the nearest, in the folders
    a site's root may be (:func:`_site_roots_above`). ``None`` for none.

    >>> _hugo_site_above(Path("content")) is None
    True
    """
    resolved = base.resolve()
    for folder in _site_roots_above(resolved):
        config = _config([folder], _HUGO_CONFIGS)
        if config is None or not _is_hugo_config(config):
            continue
        root, settings = _site_root(config[0]), hugo_settings(*config)
        if any(_below(resolved, (root / content).resolve()) is not None for content in _hugo_content_folders(settings)):
            return config
    return None


def _site_roots_above(resolved: Path) -> Iterator[Path]:
    """The folders above ``resolved`` (a folder's real path) beyond the two :func:`_parents` looks in, nearest
    first, that may be the root of a site whose content holds it: up to the top of the repository it is
    in (a folder with a ``.git`` folder: a site is a repository, or a folder of one) and the folder above
    that (a site's content may be a repository of its own, cloned into the site; a submodule's checkout,
    its ``.git`` a file, is in the repository that holds it); never above the home folder that holds it;
    up to the file system's root only for a folder in no repository and not in the home folder.

    >>> list(_site_roots_above(Path("/")))
    []
    """
    home = Path(os.path.expanduser("~")).resolve()  # compared with real paths: a home reached through a link too
    for depth, folder in enumerate((resolved, *resolved.parents)):
        if depth >= 3:
            yield folder
        if folder == home:
            return
        if _is_dir(folder / ".git"):  # the top of a repository: the folder above it is the last looked in
            if depth >= 2 and folder.parent != folder:
                yield folder.parent
            return


def _hugo_config(base: Path) -> tuple[Path, str] | None:
    """The config (path and text) of the Hugo site ``base`` is or is in (here or up to two folders up,
    or further up when ``base`` is in its content folder: :func:`_hugo_site_above`), else, where ``base``
    is no Zola nor Jekyll site either, that of the Hugo site kept in one of its folders
    (:func:`_hugo_site_below`); else the config found here or above that may be Hugo's (a ``config.toml``)."""
    config = _config(_parents(base), _HUGO_CONFIGS)
    if _is_hugo_config(config):
        return config
    if (far := _hugo_site_above(base)) is not None:
        return far
    other = _zola(base) is not None or _config(_parents(base), _JEKYLL_CONFIGS) is not None
    return (None if other else _hugo_site_below(base)) or config


# -- detection ---------------------------------------------------------------------------


def detect(root: str | os.PathLike[str], names: Sequence[str] | None = None,
           raw: Mapping[str, str] | None = None) -> Detection:
    """Recognise the kind of corpus under ``root`` and fit its preset to it.

    Signs, strongest first: a ``.obsidian/`` folder or a Logseq graph's config; a Quartz site's config; the Q&A format's
    fields in most sampled files; a Dendron vault (``generic``, fitted to it); a Hugo theme's repository (``theme.toml`` and ``exampleSite/content/``: its
    example site is read); a Hugo config (``hugo.toml``, or ``config.toml`` with a ``baseURL``)
    here or up to two folders up, or TOML front matter with ``_index.md`` sections or
    shortcodes; the config of an MkDocs, Docusaurus, Astro or Eleventy site, a book's (mdBook, GitBook,
    Jupyter Book, MyST: :func:`_book`), or a Pelican site's
    ``pelicanconf.py`` here or above (``generic``, fitted to it); a Hexo site's ``_config.yml`` (``jekyll``, fitted to it: :func:`_fit_hexo`);
    where no Jekyll config is here or above, a Hugo site kept in a folder of ``root`` (:func:`_hugo_site_below`:
    read as that site); a Jekyll ``_config.yml`` or ``_posts/`` with dated file names; a vault in a folder of ``root`` (:func:`_vault_below`:
    that folder is read); a Foam workspace (:func:`_foam`); wiki-links
    (outside code) in many files that have no title field, or that name the corpus's notes by their file
    names in many files (a vault cloned without ``.obsidian/``, its notes titled). Anything else is ``generic``. ``names`` are
    the article files (default: :func:`qagraph.load.discover`'s).

    >>> d = detect("content")
    >>> d.preset, d.auto
    ('quicktakes', True)
    """
    base = Path(root)
    if names is None:
        from .load import discover

        found = discover(base)
        names, raw = found.names, found.raw
    # a Pelican site's pages start with Key: value lines, its front matter; a Nikola site's with .. key: value lines
    nikola = _nikola_config(base) is not None
    sample = _sample(base, names, raw or {}, metadata=nikola or _config(_parents(base), _PELICAN_CONFIGS) is not None,
                     nikola=nikola)
    found_preset, reason, dendron = _recognise(base, names, sample)
    fitted, extra, problems = _fit(preset(found_preset), base, names, sample, dendron=dendron)
    return Detection(found_preset, reason + extra, fitted, True, sample.files, dict(sample.keys), tuple(problems))


def _recognise(base: Path, names: Sequence[str], s: _Sample) -> tuple[str, str, bool]:
    """The preset that fits the corpus, why, and whether it is a Dendron vault (:func:`_dendron`,
    looked for only when no stronger sign was found: ``False`` then)."""
    if (base / ".obsidian").is_dir():
        return "obsidian", ".obsidian/ folder (an Obsidian vault)", False
    if _is_file(base / _LOGSEQ_CONFIG):
        return "obsidian", f"{_LOGSEQ_CONFIG} (a Logseq graph: read as a vault)", False
    quartz_site = _quartz_site(base, names)
    if quartz_site is not None:
        quartz, content, within = quartz_site
        return "obsidian", (f"{quartz[0].name} (a Quartz site: {content} read as an Obsidian vault"
                            + (", its content/ holding no note" if content != "content/" else "") + ")" if content else
                            f"{_where(quartz[0], base)} (a Quartz site: this folder "
                            + ("of its content/" if within else "its content") + ", read as an Obsidian vault)"), False
    if s.with_front_matter and s.qa * 2 >= s.with_front_matter:
        return "quicktakes", (f"{s.qa} of {s.with_front_matter} sampled files have the Q&A format's fields: "
                              "related_articleN, seo.page_keywords, /learn/ urls"), False
    dendron = _dendron(base, names, s)
    if dendron is not None:
        return "generic", dendron, True
    theme = _hugo_theme(base, names)
    if theme is not None:
        return "hugo", f"theme.toml and {theme} (a Hugo theme: its example site is read)", False
    config = _config(_parents(base), _HUGO_CONFIGS)
    if not _is_hugo_config(config):  # a folder deep in a Hugo site's content: its config is further up
        config = _hugo_site_above(base) or config
    if _is_hugo_config(config):
        assert config is not None
        return "hugo", f"{_where(config[0], base)} (a Hugo site)", False
    zola = _zola(base)
    if zola is not None:
        return "hugo", f"{_where(zola[0], base)} (a Zola site: content/ read as Hugo's)", False
    tool = _site_tool(base)
    if tool is not None:  # before Jekyll's signs: a Docusaurus or Eleventy blog names its posts by date too
        return "generic", tool, False
    hexo = _hexo(base)
    if hexo is not None:  # a _config.yml too, but not Jekyll's
        return "jekyll", f"{_where(hexo[0], base)} (a Hexo site: posts in _posts/, read as Jekyll's)", False
    jekyll = _config(_parents(base), _JEKYLL_CONFIGS)
    below = _hugo_site_below(base) if jekyll is None else None
    if below is not None:  # a repository whose site is one of its folders: read from there
        return "hugo", f"{_where(below[0], base)} (a Hugo site in {_below(_site_root(below[0]), base.resolve())})", False
    inside = _jekyll_site_below(base) if jekyll is None else None
    if inside is not None:  # a repository whose Jekyll site is one of its folders: read from there
        return "jekyll", f"{_where(inside[0], base)} (a Jekyll site in {_below(inside[0].parent, base.resolve())})", False
    posts = sum(1 for n in names if "_posts/" in f"/{n}" and _DATED.search(n))
    dated = sum(1 for n in names if _DATED.search(n))
    if jekyll is not None or posts or (names and dated * 2 >= len(names)):
        why = [_where(jekyll[0], base)] if jekyll else []
        if posts or dated:
            why.append(f"{max(posts, dated)} of {len(names)} files named YYYY-MM-DD-slug" +
                       (" in _posts/" if posts else ""))
        return "jekyll", "; ".join(why) + " (a Jekyll site)", False
    sections = sum(1 for n in names if n.rpartition("/")[2] == "_index.md")
    hugo_signs = [sign for sign, seen in (
        ("TOML (+++) front matter", s.toml), ("_index.md section pages", sections),
        ("{{< >}} shortcodes", s.shortcodes), ("Hugo fields (linktitle, relatedfuncs)",
                                                s.keys["linktitle"] + s.keys["relatedfuncs"] + s.keys["linkTitle"]),
    ) if seen]
    if len(hugo_signs) >= 2:
        return "hugo", ", ".join(hugo_signs) + " (a Hugo site)", False
    vault = _vault_below(base)
    if vault is not None and vault in _language_vaults(names):  # the vault of one language of several
        return "obsidian", f"{vault}/.obsidian/ folder (an Obsidian vault, one language's of several)", False
    if vault is not None:  # after the site tools' signs: a site whose content folder is a vault is the site's
        return "obsidian", f"{vault}/.obsidian/ folder (an Obsidian vault in {vault}/: read from there)", False
    if _foam(base):  # however few of its notes link (after the site tools' signs: a site publishing Foam notes is the site's)
        return "obsidian", ".foam/ or Foam among the editor's recommended extensions (a Foam workspace)", False
    if s.keys["dg-publish"] * 2 > s.with_front_matter and _garden_site(names):  # with links or not: a garden's notes
        return "obsidian", (f"{s.keys['dg-publish']} of {s.with_front_matter} sampled notes with front matter say "
                            f"dg-publish, half the notes or more in {_GARDEN_NOTES} (a Digital Garden site)"), False
    titled = sum(s.keys[k] for k in ("title", "name", "question"))
    if s.files and s.wiki * 4 >= s.files and titled * 2 < max(s.with_front_matter, 1):
        return "obsidian", (f"{s.wiki} of {s.files} sampled files hold [[wiki-links]] and "
                            f"{titled} of {s.with_front_matter} with front matter have a title field (notes)"), False
    if s.files and s.named * 4 >= s.files:  # a vault whose notes have titles (a template's, a publisher's)
        return "obsidian", (f"{s.named} of {s.files} sampled files hold [[wiki-links]] to notes by their "
                            "file names (a vault without .obsidian/)"), False
    para = _para_folders(names) if s.named else ()
    if para:  # a vault sorted by PARA whose notes are mostly commands and snippets: its maps of content link them
        return "obsidian", (f"{s.named} of {s.files} sampled files hold [[wiki-links]] to notes by their file names, "
                            f"in PARA folders ({', '.join(f'{b}/' for b in para)}): a vault without .obsidian/"), False
    return "generic", "no Q&A, Hugo, Jekyll or Obsidian signs", False


#: a PARA bucket's folder name: its number and separator (``1 Projects``, ``02 - Areas``, ``3. Resources``), then its kind
_PARA_BUCKET = lazy_compile(r"(?:\d+\s*[-._]?\s*)?(?:projects?|areas?|resources?|archives?)", re.I)


def _para_folders(names: Sequence[str]) -> tuple[str, ...]:
    """The top folders of a vault sorted by PARA (Projects, Areas, Resources, Archives): those of its top
    folders named for a bucket, when three kinds of bucket at least are there; else none.

    >>> _para_folders(["1 Projects/a/x.md", "2 Areas/y.md", "3 Resources/API/z.md", "Home.md", "Daily/d.md"])
    ('1 Projects', '2 Areas', '3 Resources')
    >>> _para_folders(["Projects/x.md", "Resources/y.md", "Daily/d.md"])
    ()
    """
    top = sorted({n.partition("/")[0] for n in names if "/" in n})
    buckets = tuple(t for t in top if _PARA_BUCKET.fullmatch(t))
    kinds = {re.sub(r"[^a-z]", "", b.lower()).rstrip("s") for b in buckets}
    return buckets if len(kinds) >= 3 else ()


#: the share of a vault's notes in folders that one of its top folders holds, when that folder is no topic
WRAPPER_SHARE = 0.8


def _wrapper_folder(names: Sequence[str], content_dir: str = "", attachments: Sequence[str] = ()) -> str | None:
    """The top folder of a vault (below ``content_dir``) that holds its notes (:data:`WRAPPER_SHARE` of those in
    folders), sorted by topic into two folders at least: a vault on GitHub keeps them all in ``SecondBrain/``,
    beside the repository's README. ``None`` for a vault filed by its top folders, or whose one folder
    sorts notes by year (``Daily/2024/``), or is its folder of ``attachments``.

    >>> _wrapper_folder(["README.md", "Notes/AI/a.md", "Notes/DB/b.md", "Notes/c.md", "Notes/d.md", "Templates/t.md"])
    'Notes'
    >>> _wrapper_folder(["Notes/AI/a.md", "Notes/b.md", "Recipes/c.md"])
    >>> _wrapper_folder(["Daily/2024/a.md", "Daily/2025/b.md"])
    """
    inside = [n.removeprefix(content_dir) for n in names
              if n.startswith(content_dir) and "/" in n.removeprefix(content_dir)]
    tops = Counter(n.partition("/")[0] for n in inside)
    if not tops:
        return None
    top, held = tops.most_common(1)[0]
    if held < WRAPPER_SHARE * len(inside) or top in attachments:
        return None
    topics = {n.split("/")[1] for n in inside if n.startswith(top + "/") and n.count("/") >= 2}
    if len([t for t in topics if not re.fullmatch(r"[\d\s._-]+", t)]) < 2:
        return None
    return top


def _numbered_folders(names: Sequence[str], content_dir: str = "") -> tuple[str, ...]:
    """The top folders of a vault (below ``content_dir``) named after a number that sorts them
    (``00 - Meta``, ``01 Community``: :func:`strip_sort_prefix`).

    Numbers that tell folders of one name apart are their names' (``1 Kings``, ``2 Kings``): none then.

    >>> _numbered_folders(["00 - Meta/a.md", "01 Community/b.md", "2023 Trips/c.md", "Home.md"])
    ('00 - Meta', '01 Community')
    >>> _numbered_folders(["1 Kings/a.md", "2 Kings/b.md", "3 John/c.md"])
    ()
    """
    top = sorted({n.removeprefix(content_dir).partition("/")[0] for n in names
                  if n.startswith(content_dir) and "/" in n.removeprefix(content_dir)})
    numbered = tuple(t for t in top if strip_sort_prefix(t) != t)
    bare = [fold(strip_sort_prefix(t)) for t in top]
    return numbered if len(set(bare)) == len(bare) else ()


def _site_tool(base: Path) -> str | None:
    """Why ``base`` is the site of a tool the ``generic`` preset fits itself to (:func:`_site_content`):
    its config file, and the tool; ``None`` for no such site."""
    if _sandpaper_config(base) is not None:
        return f"{_SANDPAPER_CONFIG} (a Carpentries Workbench lesson)"
    mkdocs = _mkdocs_config(base)
    if mkdocs is not None:
        return f"{_where(mkdocs[0], base)} (an MkDocs site)"
    for names, tool in ((_DOCUSAURUS_CONFIGS, "a Docusaurus site"), (_ASTRO_CONFIGS, "an Astro site")):
        found = _config([base.resolve()], names)
        if found is not None:
            return f"{found[0].name} ({tool})"
    docusaurus = _docusaurus_config(base)  # the site kept in website/, beside the docs it publishes
    if docusaurus is not None:
        return f"{docusaurus[2]}{docusaurus[0].name} (a Docusaurus site)"
    eleventy = _eleventy(base)
    if eleventy is not None:
        return f"{eleventy[0]} (an Eleventy site)"
    book = _book_config(base)
    if book is not None:
        return f"{_where(book[0], base)} ({_BOOK_TOOLS[book[0].name]})"
    vue = _vue_config(base)
    if vue is not None:
        return f"{vue[0]} ({'a VitePress' if '.vitepress' in vue[0] else 'a VuePress'} site)"
    gatsby = _config([base.resolve()], _GATSBY_CONFIGS)
    if gatsby is not None:
        return f"{gatsby[0].name} (a Gatsby site)"
    pelican = _config(_parents(base), _PELICAN_CONFIGS)  # its content folder is often read on its own
    if pelican is not None:
        return f"{_where(pelican[0], base)} (a Pelican site)"
    nikola = _nikola_config(base)
    return f"{_where(nikola[0], base)} (a Nikola site)" if nikola is not None else None


_HUGO_EXAMPLE_SITE = "exampleSite/"


def _hugo_theme(base: Path, names: Sequence[str]) -> str | None:
    """``exampleSite/`` when ``base`` is a Hugo theme's repository (a ``theme.toml``) whose pages are
    its example site's (``exampleSite/content/``; the theme has no ``content/`` of its own): the
    theme's own files are layouts, archetypes and a README, not a site's pages."""
    if not (base / "theme.toml").is_file() or any(n.startswith("content/") for n in names):
        return None
    pages = f"{_HUGO_EXAMPLE_SITE}content/"
    return _HUGO_EXAMPLE_SITE if any(n.startswith(pages) for n in names) else None


def _where(path: Path, base: Path) -> str:
    resolved = base.resolve()
    if path.parent == resolved:
        return f"{path.name} in the folder"
    if resolved in path.parents:  # a repository's book/_toc.yml
        return f"{path.relative_to(resolved).as_posix()} in the folder"
    try:
        return f"{path.relative_to(resolved.parent)} in the parent folder"
    except ValueError:
        return f"{path} above the folder"


#: the folders at the root of a Hugo site (``hugo new site`` makes them), its content's among them
_HUGO_SITE_FOLDERS = frozenset(("content", "archetypes", "assets", "config", "data", "i18n", "layouts", "static", "themes"))


def _hugo_root_without_config(base: Path, names: Sequence[str]) -> bool:
    """Whether ``base``, with a ``content/`` folder, is the root of a Hugo site whose main config is not there:
    Hugo reads its content from ``content/`` all the same. A config folder without it (``config/_default/`` holding
    ``languages.toml`` and ``params.toml`` only) is the site's config; else its article files are all at its root or
    in the site's own folders, and none is an ``_index.md`` at its root (the home page of a content folder).

    >>> _hugo_root_without_config(Path("/nowhere"), ["README.md", "content/en/_index.md", "archetypes/default.md"])
    True
    >>> _hugo_root_without_config(Path("/nowhere"), ["_index.md", "content/a.md"])
    False
    """
    if (base / "config" / "_default").is_dir():
        return True
    return "_index.md" not in names and all("/" not in n or n.split("/", 1)[0] in _HUGO_SITE_FOLDERS for n in names)


def _build_day() -> str:
    """The day of the build (UTC, ISO), for a site whose tool publishes a page from its date on
    (:attr:`~qagraph.fields.FieldMap.as_of`)."""
    return _dt.datetime.now(_dt.timezone.utc).date().isoformat()


def _fit(p: Preset, base: Path, names: Sequence[str], s: _Sample, *,
         dendron: bool) -> tuple[FieldMap, str, list[Problem]]:
    """The preset's map fitted to this folder, what was fitted (text for the reason), and the
    problems of the site's files read to fit it (a category file that cannot be read). ``dendron``:
    whether the folder is a Dendron vault (:func:`_dendron`, found by the caller once: a
    ``generic`` map is fitted to it)."""
    fields = p.fields
    if p.name == "generic" and dendron:
        fitted, note = _fit_dendron(fields, s, base)
        return fitted, note, []
    notes: list[str] = []
    problems: list[Problem] = []
    if p.name == "hugo":
        theme = _hugo_theme(base, names)
        # a theme's repository: its example site is the corpus, read with the example site's config
        configs = [(base / theme).resolve()] if theme is not None else _parents(base)
        config = _config(configs, _HUGO_CONFIGS) if theme is not None else _hugo_config(base)
        if config is not None and theme is None and _site_root(config[0]) not in configs:
            configs = [_site_root(config[0])]  # a site in one of base's folders: its config folder is there
        # a Zola site, as recognition finds one: not where a Hugo config says the site is Hugo's
        hugo = _is_hugo_config(config)
        zola = _zola(base) if theme is None and not hugo else None
        settings = hugo_settings(*config) if config is not None and zola is None else {}
        if config is not None and zola is None and (broken := config_problem(base, *config, "Hugo")) is not None:
            problems.append(broken)
        named = hugo_content_folder(settings)
        # the config's contentDir (or content mount), read from the site's root or a folder above the content
        below = _below(_site_root(config[0]) / named, base.resolve()) if named is not None and config else None
        if theme is not None:
            content_dir = f"{theme}{named or 'content'}/"
        elif below is not None:
            content_dir = below
        else:  # content/ of the site's root, where that is the folder read or one of its folders
            root = _below(_site_root(config[0]), base.resolve()) if config is not None and zola is None else None
            if root:
                content_dir = f"{root}content/"
            else:
                content_dir = "content/" if any(n.startswith("content/") for n in names) and (_config(
                    [base.resolve()], (*_HUGO_CONFIGS, "zola.toml")) or _hugo_root_without_config(base, names)) else ""
        # a folder inside one of the site's content folders (-c site/content/docs): its pages are where Hugo has them
        within = _hugo_folder_within(settings, _site_root(config[0]), base) if (
            config is not None and zola is None and theme is None and below is None) else None
        inside = [n[len(content_dir):] for n in names if n.startswith(content_dir)]
        tops = {n.split("/", 1)[0] for n in inside if "/" in n}
        if within is None and len(tops) == 1 and all("/" in n for n in inside) and _LANGUAGE.match(next(iter(tops))):
            content_dir += next(iter(tops)) + "/"
        if content_dir:
            notes.append(f"pages under {content_dir}")
        fields = _fit_hugo(fields, settings, notes)
        if fields.skip_future or fields.skip_expired:  # the day its dates are read against: see FieldMap.as_of
            fields = replace(fields, as_of=_build_day())
        if zola is not None:  # its tags and categories are taxonomies: [taxonomies] tags = [...]
            config = zola
            zola_settings = hugo_settings(*zola)
            slugify = zola_settings.get("slugify")
            keep_dates = isinstance(slugify, dict) and slugify.get("paths_keep_dates") is True
            strategy = slugify.get("paths") if isinstance(slugify, dict) else None
            strategy = strategy.lower() if isinstance(strategy, str) and strategy.lower() in ("on", "safe", "off") else "on"
            ignored = zola_settings.get("ignored_content")
            zola_ignored = _zola_ignored(base, [n for n in names if n.startswith(fields.content_dir)],
                                   [g for g in ignored if isinstance(g, str) and g] if isinstance(ignored, list) else [])
            fields = replace(fields, keywords=(*fields.keywords, "taxonomies.tags"),
                             subject=("taxonomies.categories", "taxonomies.category", *fields.subject),
                             url=("path",), zola_file_dates=True, zola_keep_dates=keep_dates,  # a page's path is its url
                             zola_slugify=strategy, unbuilt=(*fields.unbuilt, *zola_ignored))
            if zola_ignored:
                notes.append(f"{len(zola_ignored)} files its ignored_content names not read")
            notes.append("Zola: keywords from taxonomies.tags, subject from taxonomies.categories; pages named "
                         "2024-01-02-slug.md dated by their names" + (
                             " (slugify.paths_keep_dates: the date kept in their urls)" if keep_dates else
                             " and published at the rest") + f"; page slugs by slugify.paths = {strategy}")
        base_url = _BASE_URL.search(config[1]) if config and zola is None else None
        site = zola_base_url(config[1]) if zola is not None and config else base_url.group(1) if base_url else (
            settings.get("baseurl") if isinstance(settings.get("baseurl"), str) else None)  # a JSON config of one line
        fields = replace(fields, content_dir=content_dir, site_url=site if site and "://" in site else None)
        said = _HUGO_DEFAULT_LANGUAGE.search(config[1]) if config else None
        mounted = hugo_content_mounts(settings, _site_root(config[0]), base.resolve(), content_dir,
                                      said.group(1) if said else "en") if (
            config is not None and zola is None and theme is None) else ()
        if mounted:
            fields = replace(fields, content_mounts=mounted)
            notes.append("folders mounted into the content: " + ", ".join(
                f"{folder} as {seen_as[len(content_dir):]}" for folder, seen_as in mounted))
        languages = _hugo_languages(config[1]) if config else ()
        if not languages:  # a config folder keeps them in a file of their own
            found = _config(configs, _HUGO_LANGUAGE_FILES)
            languages = _hugo_language_file(*found) if found else ()
        if config is not None and config[0].parent.name == "_default":  # or one each: languages.de.toml
            languages = tuple(dict.fromkeys((*languages, *(code for code, _ in _hugo_language_files(config[0].parent)))))
        default = (_ZOLA_DEFAULT_LANGUAGE if zola is not None else _HUGO_DEFAULT_LANGUAGE).search(config[1]) if config else None
        default_code = default.group(1) if default else "en"
        if zola is None:  # Hugo lower-cases its config's keys: [languages.zh-CN] is the language of a.zh-cn.md, at /zh-cn/
            languages, default_code = tuple(dict.fromkeys(code.lower() for code in languages)), default_code.lower()
        if zola is not None and languages:  # Zola's [languages.fr] tables are its other languages than its default_language
            languages = tuple(dict.fromkeys((default_code, *languages)))
        enabled = _enabled_languages(settings, languages, default_code)
        if enabled != languages:
            off = ", ".join(language for language in languages if language not in enabled)
            notes.append(f"languages {off} turned off (disableLanguages, disabled): their pages are not built")
            languages = enabled
        if len(languages) > 1:  # pages in each: hello.fr.md or content/fr/hello.md, /fr/hello/ on the site
            # defaultContentLanguageInSubdir: the default language's pages under /en/ too, as no language is the default
            in_subdir = settings.get("defaultcontentlanguageinsubdir") is True
            fields = replace(fields, languages=languages,
                             default_language="" if in_subdir else default_code)
            notes.append(f"languages {', '.join(languages)} " + (
                "(each under its own folder, the default's too)" if in_subdir else f"(default {fields.default_language})"))
            if fields.listing_urls:  # each language's lists: /fr/tags/go/
                fields = replace(fields, listing_urls=f"{_language_prefix(languages)}(?:{fields.listing_urls})")
            if fields.listing_terms:
                fields = replace(fields, listing_terms=f"{_language_prefix(languages)}(?:{fields.listing_terms})")
            if config is not None and hugo_embedded_link_hook(_site_root(config[0]), settings):
                fields = replace(fields, language_links=True)
                notes.append("a Markdown link's path leads to the page of the linking page's language first "
                             "(Hugo's embedded link render hook)")
            elif config is not None and hugo_language_url_hook(_site_root(config[0]), settings):
                fields = replace(fields, language_urls=True)
                notes.append("a Markdown link's path leads to the page of the linking page's language "
                             "(the site's render-link template puts it there with relLangURL)")
            shared = _language_folders(settings, languages, named)
            if shared is not None and content_dir == f"{named or 'content'}/":  # content/en, content/fr: content/ read, its language folders
                # and only those: Hugo reads no other folder of content/ (a translation whose language the
                # config does not declare yet, or comments out), nor a file beside them
                own = tuple(f"{shared}{language}/" for language in languages)
                fields = replace(fields, content_dir=shared, page_folders=own)
                notes[notes.index(f"pages under {content_dir}")] = f"pages under {shared}, a folder each language"
                others = sorted({n[:len(shared)] + n[len(shared):].split("/", 1)[0] + "/" for n in names
                                 if n.startswith(shared) and "/" in n[len(shared):] and not n.startswith(own)})
                if others:
                    notes.append(f"not read: {', '.join(others)} (the content folder of no language the site builds)")
            elif shared is None and config is not None and theme is None and (own_folders := _language_content_mounts(
                    settings, languages, named, _site_root(config[0]), base, content_dir)):
                # content.en, content.zh: each read as content/en, content/zh would be, and only those folders
                fields = replace(fields, content_mounts=(*fields.content_mounts, *own_folders),
                                 page_folders=tuple(folder for folder, _ in own_folders))
                notes.append("a content folder each language: " + ", ".join(
                    f"{folder} ({seen_as[len(content_dir):-1]})" for folder, seen_as in own_folders))
        elif zola is None:  # a site of one language: hello.en.md is its page hello, as
            # Hugo reads the suffix of a language it has (its defaultContentLanguage, en unless it says)
            single = languages[0] if languages else default_code
            fields = replace(fields, languages=(single,), default_language=single)
        if within is not None:  # after the site's own mounts: every other file of the folder read is there
            language, inner = within
            seen = f"{content_dir}{language}/{inner}" if language in fields.languages else f"{content_dir}{inner}"
            if seen != content_dir and not any(folder == "" for folder, _ in fields.content_mounts):
                fields = replace(fields, content_mounts=(*fields.content_mounts, ("", seen)))
                notes.append(f"the folder is {seen[len(content_dir):]} of the site's content: its pages at the site's urls")
        if any(":sections" in p for _, _, p in fields.section_permalinks):  # its sections below the top: folders with an _index
            seen_names = [mounted_name(n, fields) for n in names] if fields.content_mounts else names
            fields = replace(fields, hugo_sections=tuple(sorted({
                n[len(content_dir):].rpartition("/")[0] for n in seen_names if n.startswith(content_dir)
                and n.rpartition("/")[2].split(".")[0] == "_index" and "/" in n[len(content_dir):].rpartition("/")[0]})))
        if config is not None and zola is None and (shortcodes := hugo_ref_shortcodes(_site_root(config[0]), settings)):
            fields = replace(fields, ref_shortcodes=shortcodes)
            notes.append("shortcodes that link to pages: " + ", ".join(
                name + (f" (under /{prefix})" if prefix else "") + (f" ({parameter})" if parameter else "")
                for name, prefix, parameter in shortcodes))
        if config is not None and zola is None and (href_codes := hugo_href_shortcodes(_site_root(config[0]), settings) + (
                hugo_theme_href_shortcodes(_site_root(config[0]), settings))):
            fields = replace(fields, href_shortcodes=href_codes)
            if href_notes := [f"{name} ({parameter})" for name, parameter in href_codes if (name, parameter) not in
                        _THEME_HREF_SHORTCODES[""]]:  # Hugo's own figure: every site's, not worth a word
                notes.append("shortcodes that write the link they are given: " + ", ".join(href_notes))
        if config is not None and zola is None and "hextra" in _hugo_theme_parts(settings):
            # Hextra's pager leads to the pages its prev and next name (site.GetPage), in place of the section's order
            fields = replace(fields, related_lists=(*fields.related_lists, "prev", "next"))
            notes.append("Hextra: the pages a page's prev and next name are its links")
        glossary, term_texts, term_summaries = _hugo_glossary(base, names, fields)
        if glossary:
            fields = replace(fields, glossary=glossary, glossary_definitions=term_texts,
                             glossary_summaries=term_summaries)
            notes.append(f"{len(glossary)} glossary terms (glossary_tooltip links to their pages, "
                         "glossary_definition shows their links)")
        menu_titles = config is not None and zola is None and bool(_hugo_theme_parts(settings) & _MENU_TITLE_THEMES)
        if menu_titles and "hugo-children" not in fields.links:
            # their {{% children %}} shows a section's pages as a list of links to each (a page of chapters has no other)
            fields = replace(fields, links=(*fields.links, "hugo-children"))
            notes.append("the pages a section's children shortcode lists are its links")
        if titles := _hugo_section_titles(base, names, fields, ("menutitle", "linktitle", "title") if menu_titles
                                          else ("linktitle", "title")):
            fields = replace(fields, folder_labels=(*fields.folder_labels, *titles))
            notes.append(f"sections named by their _index.md's {'menuTitle, ' if menu_titles else ''}linkTitle or title "
                         f"({len(titles)})")
        if any(n.startswith(f"{fields.content_dir}{_HUGO_DOCS_GLOSSARY}/") for n in names):  # Hugo's docs: [term](g)
            fields = replace(fields, glossary_page=f"/{_HUGO_DOCS_GLOSSARY}/")
            notes.append(f"links to g lead to the glossary page /{_HUGO_DOCS_GLOSSARY}/")
        showing = _bundles_showing_resources(base, names, fields, _site_root(config[0]) if config is not None else base,
                                             settings) if fields.headless and fields.bundles else []
        includes = _hugo_includes(base, names, fields, showing) if fields.headless else ()
        if showing:
            fields = replace(fields, resource_pages=tuple(folder[len(fields.content_dir):].lower() for folder in showing))
            notes.append(f"{len(showing)} bundle pages whose layout shows their Markdown resources (an FAQ's questions)")
        if includes:
            fields = replace(fields, includes=includes)
            notes.append(f"{len(includes)} include snippets (a page that includes one shows its links)")
            bundles = [_below_language(folder[len(fields.content_dir):], fields.languages)
                       for folder in _headless_bundles(base, names, fields)]
            if shown := hugo_bundle_shortcodes(_site_root(config[0]) if config is not None else base, settings, bundles):
                fields = replace(fields, include_shortcodes=shown)
                notes.append("shortcodes that show a snippet: " + ", ".join(f"{name} ({bundle}/)" for name, bundle in shown))
        if zola is None:  # the home page and the top sections' lists Hugo makes where no _index.md writes them:
            # a link there is no stub
            section_lists = _hugo_section_lists(names, fields, settings)
            if section_lists:
                notes.append("links to the lists of pages of its top sections (/blog/) are no stubs")
            fields = replace(fields, listing_urls="|".join(u for u in (
                fields.listing_urls, _hugo_home_list(fields.languages), section_lists) if u))
    elif p.name == "jekyll" and (hexo := _hexo(base)) is not None:
        fields, note = _fit_hexo(fields, base, names, *hexo)
        notes.append(note)
        if (broken := config_problem(base, *hexo, "Hexo")) is not None:
            problems.append(broken)
    elif p.name == "jekyll":
        config = _config(_parents(base), _JEKYLL_CONFIGS)
        if config is None and (config := _jekyll_site_below(base)) is not None:
            # a repository whose site is one of its folders: its pages are there, read from the site's root
            site = _below(config[0].parent, base.resolve()) or ""
            fields = replace(fields, content_dir=site)
            notes.append(f"pages under {site} (the Jekyll site in the repository)")
            names = [n[len(site):] for n in names if n.startswith(site)]
            base = config[0].parent
        settings = _jekyll_settings(config[1], first=True) if config else {}
        if config is not None and (broken := config_problem(base, *config, "Jekyll")) is not None:
            problems.append(broken)
        # a post's author as jekyll-seo-tag and the themes show it: a mapping's name (author: {name: Ann Lee}), a
        # key's in _data/authors.yml (Chirpy's, Minimal Mistakes' author: ann), Chirpy's authors: [ann, bo]
        authors = _jekyll_authors(config[0].parent if config else base)
        fields = replace(fields, author=tuple(dict.fromkeys((*fields.author, "authors"))), author_mappings=True,
                         authors_map=authors, authors_map_file="_data/authors.yml" if authors else "")
        if authors:
            notes.append(f"authors named as _data/authors.yml names their keys ({len(authors)})")
        by = _jekyll_site_author(settings, dict(authors))
        if by:  # a post that names no author is the site's, as jekyll-seo-tag's meta or Chirpy's byline says
            fields = replace(fields, default_author=by)
            notes.append(f"by {by} unless a page names its own author")
        published, unpublished = _jekyll_collections(settings)
        included = _jekyll_list(settings, "include")
        # what Jekyll does not read, where a config says the folder is a Jekyll site (dated names
        # alone also make notes, whose _archive/ is no one's secret)
        unread = tuple(u for u in _jekyll_unread(names, published, included) if u not in unpublished) if config else ()
        # a site without a _config.yml is built with Jekyll's defaults: where its posts are in _posts/ (or the
        # folder read is that _posts/), they are at the default permalink's urls, /2018/05/03/slug.html
        unconfigured = config is None and (base.name == "_posts" or any("/_posts/" in f"/{n}" for n in names))
        # the config's paths are from the site's root, which may be above the folder read
        below = Path(os.path.relpath(base.resolve(), config[0].parent)).as_posix() if config else \
            "_posts" if unconfigured and base.name == "_posts" else "."
        prefix = "" if below == "." else below + "/"
        excluded = tuple(x for x in _jekyll_list(settings, "exclude") if x not in included)
        fields = replace(fields, exclude_root=prefix)  # Jekyll's paths are from there: the config's, a post's folders
        markdown = jekyll_markdown_suffixes(config[1]) if config and not fields.hexo else ()
        if markdown:  # about.mkd is a page as about.md is (page_formats finds such files)
            fields = replace(fields, suffixes=(*fields.suffixes, *markdown))
        zone = settings.get("timezone")  # where a post's date is read for its url: UTC, as GitHub Pages builds, else
        fields = replace(fields, timezone=zone.strip() if isinstance(zone, str) and zone.strip() else "UTC")
        languages = _jekyll_language_folders(names, s.values.get("lang", []))
        if languages:
            fields = replace(fields, language_folders=languages)
            notes.append(f"a folder per language ({', '.join(f'{t}/' for t in languages)}): subjects from the folders inside")
        if unread or excluded:
            fields = replace(fields, skip_folders=(*fields.skip_folders, *unread), exclude=excluded)
            notes.append("not read, as Jekyll does not: " + ", ".join(
                [f"{u}/" for u in unread] + ([f"the config's exclude ({', '.join(excluded)})"] if excluded else [])))
        if config:
            url = _JEKYLL_URL.search(config[1])
            baseurl = _JEKYLL_BASEURL.search(config[1])
            # no base path set: GitHub Pages serves a project's site below /REPOSITORY (jekyll-github-metadata sets
            # baseurl so, as the Pages workflow's --baseurl does; a baseurl: "" of the config's own changes where it is
            # served not at all), the path its pages' links write out
            given = settings.get("baseurl")
            project = _github_project_path(config[0].parent, settings, names) \
                if (given is None or isinstance(given, str) and not given.strip("/ ")) and not (
                    url and "://" in url.group(1) and not urlsplit(url.group(1)).netloc.lower().endswith(".github.io")) \
                else None
            below = "/" + project.rpartition("/")[2] if project else None  # the project's path, without its host
            if url and "://" in url.group(1):
                fields = replace(fields, site_url=url.group(1).rstrip("/") + (below or (baseurl.group(1) if baseurl else "")))
            elif baseurl and baseurl.group(1).strip("/"):  # no host, but the path a link may write out
                fields = replace(fields, site_url="/" + baseurl.group(1).strip("/"))
            elif project:
                fields = replace(fields, site_url=project)
            if project:
                notes.append(f"a GitHub Pages project site, at {project.removeprefix('https://')}/ (no baseurl in the config)")
            hosts = _github_pages_hosts(config[0].parent, settings, config[1])
            if hosts:  # a link written with one of them in full leads into the site
                fields = replace(fields, site_hosts=hosts)
                notes.append(f"links to {', '.join(hosts)} lead into the site")
            if isinstance(settings.get("title"), str) and settings["title"].strip():
                fields = replace(fields, home_title=settings["title"].strip())  # heads an untitled home page
            headings = settings.get("publication_category")
            if isinstance(headings, Mapping) and not fields.subject_labels:
                # academicpages' publications page heads each category's publications with its title there
                # (manuscripts: {title: Journal Articles}), the name a reader knows them by
                labels = tuple((str(key), heading["title"].strip()) for key, heading in headings.items()
                               if isinstance(heading, Mapping) and isinstance(heading.get("title"), str)
                               and heading["title"].strip())
                if labels:
                    fields = replace(fields, subject_labels=labels)
                    notes.append("publication categories named as the config's publication_category titles them")
            given = settings.get("permalink")
            written = _JEKYLL_PERMALINK.search(config[1])
            permalink = given.strip() if isinstance(given, str) and given.strip() else written.group(1) if written else "date"
            fields = replace(fields, permalink=permalink)  # Jekyll's default is by date: /2019/03/10/hello.html
            notes.append(f"urls by permalink {permalink}")
            posts = _jekyll_posts_permalink(settings)
            if posts is not None:  # collections: posts: permalink: is the posts' own, over the site's
                fields = replace(fields, posts_permalink=posts)
                notes.append(f"posts' urls by permalink {posts}")
            where = settings.get("collections_dir")
            if isinstance(where, str) and where.strip("/ "):
                fields = replace(fields, collections_dir=where.strip("/ ") + "/")
                notes.append(f"collections and posts in {fields.collections_dir}")
            plugins = (*_jekyll_list(settings, "plugins"), *_jekyll_list(settings, "gems"))
            unlisted = [p for p in plugins if p not in _GITHUB_PAGES_PLUGINS and not p.startswith("jekyll-theme-")]
            if "jekyll-titles-from-headings" in plugins:
                fields = replace(fields, heading_titles=True)  # an untitled page takes the heading it opens with
                notes.append("an untitled page is titled by its opening heading (jekyll-titles-from-headings)")
            elif not fields.hexo and _github_pages_build(config[0].parent, unlisted):
                fields = replace(fields, heading_titles=True)  # GitHub Pages runs the plugin on every site it builds
                notes.append("an untitled page is titled by its opening heading (GitHub Pages runs "
                             "jekyll-titles-from-headings)")
            if unlisted and "jekyll-optional-front-matter" not in plugins and fields.no_front_matter == "article-below-root" \
                    and not fields.hexo and not _github_pages_gem(config[0].parent):
                # GitHub Pages would not run them: the site is built by its own Jekyll, where a Markdown
                # file without front matter is copied as it is (jekyll-optional-front-matter is GitHub Pages')
                fields = replace(fields, no_front_matter="copied")
                notes.append(f"built by its own Jekyll (plugins GitHub Pages does not run: {', '.join(unlisted[:3])}"
                             f"{', ...' if len(unlisted) > 3 else ''}): files without front matter are no pages")
            if fields.no_front_matter == "article-below-root" and fields.content_dir:
                # the site is a folder of the repository (docs/), whose notes are above it: a file at the site's root
                # without front matter is one of its pages, as jekyll-optional-front-matter publishes it
                fields = replace(fields, no_front_matter="article-but-repository-files")
                notes.append(f"a file at the root of {fields.content_dir} without front matter is a page "
                             "(jekyll-optional-front-matter), but for the repository's own (README, LICENSE...)")
            elif fields.no_front_matter == "article-below-root" and _root_of_pages(base, names, fields.suffixes):
                # GitHub Pages' jekyll-optional-front-matter publishes a root file without front matter too: where
                # the root holds the site's pages (a cheat-sheet collection's sheets), such a file is one of them
                fields = replace(fields, no_front_matter="article-but-repository-files")
                notes.append("the pages are at the root: a file there without front matter is one "
                             "(jekyll-optional-front-matter), but for the repository's own (README, LICENSE...)")
            readme = settings.get("readme_index")
            if (fields.no_front_matter != "copied" or "jekyll-readme-index" in plugins) and not fields.hexo and not (
                    isinstance(readme, dict) and readme.get("enabled") is False):
                # GitHub Pages runs jekyll-readme-index too: a README without front matter is its folder's index
                indexes = tuple(fields.content_dir + n for n in _readme_indexes(base, names))  # the corpus's paths
                if indexes:
                    fields = replace(fields, readme_indexes=indexes)
                    notes.append(f"{len(indexes)} README{'s' if len(indexes) != 1 else ''} without an index beside "
                                 "it: its folder's page, if it has no front matter (jekyll-readme-index)")
            languages = _jekyll_list(settings, "languages")
            default_lang = str(settings.get("default_lang") or "en").strip()
            if "jekyll-polyglot" in (*plugins, *_jekyll_list(settings, "plugins"), *_jekyll_list(settings, "gems")) \
                    and len(set(languages)) > 1:
                # jekyll-polyglot: a page whose lang is another language than default_lang is under its folder
                fields = replace(fields, languages=tuple(dict.fromkeys(languages)), default_language=default_lang,
                                 language_field="lang")
                notes.append(f"languages {', '.join(dict.fromkeys(languages))} (default {default_lang}, jekyll-polyglot): "
                             "a page in another is under its folder (/es/about/), its links to its language's pages first")
            if "jekyll-redirect-from" in (*_jekyll_list(settings, "plugins"), *_jekyll_list(settings, "gems")):
                # the plugin writes a page at each redirect_from path that sends the reader to the page
                fields = replace(fields, alias_fields=(*fields.alias_fields, "redirect_from"),
                                 redirect_fields=(*fields.redirect_fields, "redirect_to"))
                notes.append("redirect_from paths lead to their pages, redirect_to pages are none (jekyll-redirect-from)")
            listings = _jekyll_archives(settings)
            if listings:  # links to /tags/x/ lead to the plugin's listing of posts: no page anyone wrote
                fields = replace(fields, listing_urls=listings, listing_terms=_jekyll_archives(settings, terms=True))
                notes.append("links to jekyll-archives' listing pages are no stubs (but a tag's or category's "
                             "no page has)")
            if settings.get("future") is True:
                fields = replace(fields, future=True)
                notes.append("future: true (posts dated after the build are published)")
            else:  # the day its posts' dates are read against, as Hugo's are: see FieldMap.as_of
                fields = replace(fields, as_of=_build_day())
            theme_folder = _jekyll_theme_folder(config[0].parent)
            if theme_folder is not None:  # the site is kept in its theme's repository: its layouts are the theme's too
                notes.append(f"the theme's layouts and includes from {theme_folder.name}/, the repository the site "
                             "is kept in")
            by_id = _jekyll_include_id_hrefs(config[0].parent)
            if by_id:  # {% include feature_row id="feature_row2" %} shows the rows of the page's feature_row2
                fields = replace(fields, include_id_hrefs=by_id)
                notes.append("links in the lists of a page its includes show by their id: " + ", ".join(
                    f"{include} (each item's {key})" for include, key in by_id))
            markdown, hrefs = _jekyll_shown_fields(config[0].parent)
            if markdown or hrefs:  # the layout shows them on the page: their links are the page's
                fields = replace(fields, markdown_fields=markdown, href_fields=hrefs)
                notes.append("links in the fields the layouts show: " + ", ".join(
                    [f"{name} (as Markdown)" for name in markdown] + [f"{name} (a link's href)" for name in hrefs]))
            if "carpentry" in settings:  # a Carpentries lesson: an episode's questions: [...] are its question
                fields = replace(fields, question=("questions", *fields.question), lesson_questions=True)
                notes.append("a Carpentries lesson: an episode's questions are its question")
            definitions = _jekyll_included_definitions(config[0].parent)
            if definitions:  # [Setup][lesson-setup] on a page that includes links.md links to the setup page
                fields = replace(fields, included_definitions=definitions)
                notes.append("reference links defined in " + ", ".join(f"_includes/{name}" for name, _ in definitions))
            key = _jekyll_translation_key(config[0].parent)
            translations = _jekyll_translations(base, names, fields, key) if key else ()
            if translations:  # the language buttons: a page links to the pages of its ref in other languages
                fields = replace(fields, translation_key=key or "", translations=translations)
                notes.append(f"a page links to its translations, the pages of its {key} in other languages")
            snippets = _jekyll_include_links(config[0].parent, fields)
            if snippets:  # a page that writes {% include steps/merge.md %} shows the snippet's links
                fields = replace(fields, includes=snippets)
                notes.append(f"{len(snippets)} Markdown includes with links (a page that includes one shows them)")
                listed = _jekyll_include_fields(config[0].parent)
                if listed:  # tell-me-why: {includes: [notes/reset.md]}: the layout includes each
                    fields = replace(fields, include_fields=listed)
                    notes.append("the layouts include the files a page lists in " + ", ".join(listed))
            relative = _jekyll_relative_include_fields(config[0].parent)
            beside = _jekyll_relative_includes(base, names, fields) if relative else ()
            if beside:  # profiles: [{content: bio.md}]: the layout puts bio.md, beside the page, in the page
                fields = replace(fields, relative_include_fields=relative, relative_includes=beside)
                notes.append("the layouts include, relative to the page, the files a page lists in "
                             + ", ".join(f"{path}[].{key}" if key else path for path, key in relative))
            related_by = _jekyll_related_by(config[0].parent, fields.related_lists)
            if related_by:  # related: [coc] names the page whose class is coc, in the page's language
                fields = replace(fields, related_by=related_by)
                notes.append(f"{', '.join(fields.related_lists)} name pages by their {related_by[0]}"
                             + (f" of the same {', '.join(related_by[1:])}" if related_by[1:] else "")
                             + " (as the layouts find them)")
            sections = _jekyll_nav_sections(config[0].parent)
            if sections:  # the sidebar's sections, built from a data file: a page is filed under the one listing it
                fields = replace(fields, nav_sections=sections, subject_from=tuple(
                    dict.fromkeys(("field", "nav", *fields.subject_from))))
                notes.append(f"subject from the navigation's section that lists a page ({len(set(t for _, t in sections))} "
                             "sections in the site's data files)")
            defaults = _jekyll_defaults(settings)
            if defaults:
                fields = replace(fields, defaults=defaults)
                notes.append(f"front matter defaults of {len(defaults)} scopes")
            if published or unpublished:
                fields = replace(fields, collections=published, skip_folders=(*fields.skip_folders, *unpublished))
                notes.append("collections " + ", ".join(
                    [e.partition("=")[0] for e in published] + [f"{u} (not output: skipped)" for u in unpublished]))
        elif unconfigured:  # Jekyll's defaults: permalink date, future false
            fields = replace(fields, permalink="date", as_of=_build_day())
            notes.append("urls by permalink date (no _config.yml: Jekyll's default)")
        if _just_the_docs(settings, s):
            subjects, parents, children = _just_the_docs_nav(base, names, fields)
            if subjects or parents:  # a page is filed under its top-level page, and links to the pages above it
                fields = replace(fields, toc_subjects=subjects, nav_parents=parents, nav_children=children,
                                 subject_from=tuple(dict.fromkeys(("field", "toc", *fields.subject_from))))
                top_pages = len(set(t for _, t in subjects))
                notes.append(f"Just the Docs: subject from the top-level page above a page ({top_pages} top-level "
                             f"page{'s' if top_pages != 1 else ''}), links to the pages above it"
                             + (" and from a page to its children" if children else ""))
            headed = _just_the_docs_collections(settings, fields)
            if headed:  # the sidebar heads each collection's pages with its name
                fields = replace(fields, folder_labels=(*fields.folder_labels, *headed))
                notes.append("Just the Docs: a collection's pages under its name in the sidebar (" + ", ".join(
                    f"{folder}: {name}" for folder, name in headed) + ")")
    wiki_repository = _github_wiki_repository(base) if p.name in ("obsidian", "generic") else None
    linked_wiki = None
    if wiki_repository is None and s.wiki_repos and "Home.md" in names:
        # a clone without its .git/: the repository whose wiki's urls two links at least name pages of it by
        repository, links = s.wiki_repos.most_common(1)[0]
        linked_wiki = repository if links >= 2 else None
    github_wiki = p.name in ("obsidian", "generic") and "Home.md" in names and (any(
        f"{part}.md" in names for part in _WIKI_PARTS) or wiki_repository is not None)
    if github_wiki:  # a GitHub wiki's clone
        # GitHub titles a wiki page by its name, whatever heading it opens with (Flash.md is Flash, not its
        # "# Firmware Programming") or front matter it holds (shown as a table, no title)
        fields = replace(fields, skip_files=_WIKI_PARTS, title=(), title_fallback=("wiki-name",))
        notes.append("a GitHub wiki (Home.md, _Sidebar.md): pages named by their file names, hyphens as spaces")
        fields, note = _fit_github_wiki(fields, wiki_repository or linked_wiki, linked=linked_wiki is not None)
        notes.append(note)
    if p.name == "obsidian" and _is_file(base / _LOGSEQ_CONFIG):
        journal_files, journal_title, journals = _logseq_journals(base)
        legacy = _logseq_legacy_names(base)
        hidden = _logseq_hidden(base)
        # Logseq's inline math is $$...$$: a single $ is text
        fields = replace(fields, title=("title",), title_fallback=("logseq-name",), properties=True,
                         logseq_legacy_names=legacy, inline_math=False, open_comments=False,
                         skip_folders=(*fields.skip_folders, "logseq"), alias_fields=(*fields.alias_fields, TITLE_ALIAS),
                         journal_files=journal_files, journal_title=journal_title, subject_from=("hierarchy",),
                         ignores=(*fields.ignores, *(("", path, _LOGSEQ_HIDDEN) for path in hidden)))
        notes.append("Logseq: properties (key:: value), namespaces in file names ("
                     + ("a.b or a%2Fb is a/b: :file/name-format :legacy" if legacy else "a___b is a/b") + ") and subjects; "
                     "logseq/ skipped; "
                     + (f"not read: its :hidden ({', '.join(hidden)}); " if hidden else "")
                     + journals)
    elif p.name == "obsidian" and (quartz := _quartz(base, names)) is not None:
        # Quartz titles a note by its title field, else its file name, and leaves out drafts and what
        # its ignorePatterns name (globs from content/, as its globby reads them)
        content = site[1] if (site := _quartz_site(base, names)) is not None else "content/"
        explicit, drafts = _quartz_filters(site[0][1] if site is not None else "")
        # its FrontMatter plugin reads an aliases text as aliases between commas (coerceToArray)
        fields = replace(fields, content_dir=content, title=("title",), drafts=("draft",) if drafts else (),
                         publish_marks=("publish",) if explicit else (), alias_commas=True, open_comments=False,
                         ignores=tuple((content, glob, "ignorePatterns") for glob in quartz))
        notes.append((f"pages under {content}; " if content else "")
                     + "titles from title, else the file name"
                     + ("; drafts skipped" if drafts else "")
                     + ("; notes without publish: true skipped (its ExplicitPublish filter)" if explicit else "")
                     + (f"; not read: its ignorePatterns ({', '.join(quartz)})" if quartz else ""))
        config = _quartz_config(base, names)
        if config is not None and config[0].suffix in (".yaml", ".yml") and (
                broken := config_problem(base, *config, "Quartz")) is not None:
            problems.append(broken)
    elif p.name == "obsidian" and _foam(base):
        ignored = _foam_ignored(base)
        # Foam's title: its title field, else its first level-1 heading (none of another level), else its file name
        # its other names: alias (a list, or a text split at commas), as its aliases plugin reads them; its
        # tags text is words (extractTagsFromProp: tags: a b, c is a, b and c)
        # (Foam's parser reads no math: $[[A]]$ is a link of its graph)
        fields = replace(fields, title=("title",), title_fallback=("level-one-heading", "file-name"),
                         alias_fields=("alias",), alias_commas=True, keyword_separator=EVERY_SEPARATOR, inline_math=False,
                         open_comments=False, ignores=(*fields.ignores, *(("", glob, _FOAM_IGNORE) for glob in ignored)))
        notes.append("Foam: a note is titled by its title field, else its first level-1 heading"
                     + (f"; not read: its {_FOAM_IGNORE} ({', '.join(ignored)})" if ignored else ""))
    elif p.name == "obsidian":
        in_folder = _vault_below(base, names) if not _is_dir(base / ".obsidian") else None
        # the vault's settings are read in its folder, and name its folders from there
        vault = base / in_folder if in_folder is not None else base
        if in_folder is not None:
            fields = replace(fields, content_dir=f"{in_folder}/")
            notes.append(f"notes under {in_folder}/, the vault (files beside it skipped)")
            names = [n[len(in_folder) + 1:] for n in names if n.startswith(f"{in_folder}/")]
        # Obsidian reads [[target|label]] only, by file name, and a Markdown link's path as a wiki-link's,
        # by its end when no file is at it: in a vault cloned without its .obsidian/ too, but for a
        # GitHub wiki's clone (its Home.md, no sidebar), whose links are written [[label|page]]
        # a vault published with Obsidian Publish (its publish.css or publish.js at the root) is no GitHub
        # wiki, whatever its Home.md: the obsidian-help vaults, cloned without their .obsidian/
        publish_site = any(_is_file(vault / n) for n in _PUBLISH_FILES)
        if not github_wiki and (_is_dir(vault / ".obsidian") or "Home.md" not in names or publish_site):
            fields = replace(fields, label_targets=False, alias_targets=False, path_ends=True)
        if not github_wiki and not _is_dir(vault / ".obsidian") and not publish_site:
            fields, note = _fit_zettel_ids(fields, names)
            notes += [note] if note else []
            fields, note = _fit_bear(fields, s)
            notes += [note] if note else []
        # Obsidian reads a note's tags and aliases under any case of their names (Tags:, TAGS:, Aliases:), and a
        # tags text as tags between commas and spaces alike (parseFrontMatterTags: tags: a b, c is a, b, c), an
        # aliases text as aliases between commas (its help's Aliases page: aliases: Doggo, Woofer, Yapper)
        # and shows a folder by its name as written (daily-notes), which names its subject
        fields = replace(fields, any_case_keys=True, keyword_separator=EVERY_SEPARATOR, alias_commas=True,
                         folders_as_written=True)
        if _is_dir(vault / ".obsidian"):  # its notes are its .md files: a .markdown or .mdx file is listed as a file, if
            # at all (a folder of Markdown files read as notes, with no vault's settings, keeps them: a repository's pages)
            other = tuple((fields.content_dir + n, "Obsidian reads .md files as notes: not a note") for n in names
                          if n.lower().endswith((".markdown", ".mdx")))
            fields = replace(fields, unbuilt=fields.unbuilt + other) if other else fields
        languages = _language_vaults(names) or _published_language(vault, names)
        attachments = _attachment_folders(vault, names, languages, None if languages else _obsidian_attachments(vault))
        if attachments:  # the notes kept among the images are filed under no folder of theirs
            fields = replace(fields, attachment_folders=attachments)
            notes.append(f"attachments in {', '.join(f'{a}/' for a in attachments)} (no subject)")
        buckets = _para_folders(names)
        if buckets:  # a note's topic is the folder inside its bucket
            fields = replace(fields, para_folders=buckets)
            notes.append(f"a PARA vault ({', '.join(f'{b}/' for b in buckets)}): subjects from the folders inside")
        wrapper = _wrapper_folder(names, fields.content_dir, attachments) if not buckets and not languages else None
        if wrapper is not None:  # one folder holds the vault's notes: a note's topic is the folder inside it
            fields = replace(fields, para_folders=(wrapper,))
            notes.append(f"its notes in one folder ({wrapper}/): subjects from the folders inside")
        numbered = _numbered_folders(names, fields.content_dir)
        if len(numbered) >= 2:  # the vault sorts its folders by number: "00 - Meta" is Meta
            fields = replace(fields, sort_prefixes=True)
            notes.append(f"folders sorted by number ({', '.join(f'{t}/' for t in numbered[:3])}"
                         f"{', ...' if len(numbered) > 3 else ''}): subjects named without it")
        if languages:  # each language's notes link to that language's: no folder of one is a subject
            fields = replace(fields, languages=languages)
            notes.append(f"a vault per language ({', '.join(f'{t}/' for t in languages)}): a link goes to a note "
                         "of its own language's, subjects from the folders inside")
        publish = next((n for n in _PUBLISH_FILES if _is_file(vault / n)), None)
        # a vault per language, each published as a site of its own, keeps Publish's files in its folder:
        # a note is at its path, or its permalink below its language's folder (en/ and ja/ share permalinks)
        publish = publish or next((f"{t}/{n}" for t in languages for n in _PUBLISH_FILES
                                   if _is_file(vault / t / n)), None)
        if publish is not None:  # the site's own style or script, which Publish reads from the vault's root
            fields = replace(fields, url=("permalink",), path_urls="publish", drafts=("publish",),
                             language_sites="/" in publish)
            notes.append(f"an Obsidian Publish vault ({publish}): each note at its path (spaces as +) or its "
                         + ("permalink below its language's folder" if "/" in publish else "permalink")
                         + "; notes with publish: false not published")
        garden_site = _GARDEN_NOTES if not _is_dir(vault / ".obsidian") and _garden_site(names) else None
        # a vault cloned without the plugin's settings (.obsidian/ is often left out of the repository)
        # whose notes say dg-publish is a garden too: half the sampled notes with front matter at least
        marked = not garden_site and not _digital_garden(vault) and s.keys["dg-publish"] * 2 >= s.with_front_matter > 0
        if _digital_garden(vault) or garden_site or marked:
            # the Digital Garden plugin publishes a note only when it says dg-publish: true, titled by its title
            # (else its file name), at its dg-permalink, else its path slugified (the site's copy: at the permalink
            # the plugin wrote); the site's repository, kept in the vault by some, holds the copies the plugin
            # made of the notes: not notes of their own
            copies = tuple((fields.content_dir + n, "in src/site/, the copy the Digital Garden plugin published of "
                            "a note of the vault: not a note of its own") for n in names if n.startswith("src/site/")
                           ) if not garden_site else ()
            fields = replace(fields, publish_marks=("dg-publish",), unbuilt=fields.unbuilt + copies, title=("title",),
                             description=("dg-description", *fields.description),
                             url=("permalink", "dg-permalink") if garden_site else ("dg-permalink",),
                             garden_urls=not garden_site and _garden_slugs(vault),
                             content_dir=fields.content_dir + (garden_site or ""))
            notes.append("a Digital Garden " + (f"site ({garden_site}, the notes the plugin published)" if garden_site
                                                else f"vault ({s.keys['dg-publish']} of {s.with_front_matter} sampled "
                                                     "notes with front matter say dg-publish)" if marked
                                                else "vault (its plugin's settings)")
                         + ": notes without dg-publish: true not published" + (", src/site/ (the published copies) skipped"
                                                                               if copies else ""))
        # a vault's settings Obsidian cannot read are its defaults: no Excluded files (said, as a site's config is)
        app = vault.resolve() / ".obsidian" / "app.json"
        app_data = _read_regular(app, MAX_DATA_FILE) if _is_file(app) or _is_other(app) else None
        if app_data is not None and (broken := config_problem(base, app, Unread(app_data) if isinstance(app_data, str)
                                                              else app_data.decode("utf-8", "replace"), "Obsidian")):
            problems.append(broken)
        excluded = _obsidian_excluded(vault)
        if excluded:  # Obsidian leaves them out of its graph and search (Files and links > Excluded files)
            fields = replace(fields, vault_excluded=excluded)
            refused = [f for f in excluded if f.startswith("/") and f.endswith("/") and len(f) > 2 and backtracks(f[1:-1])]
            if len(refused) < len(excluded):
                notes.append("excluded files skipped (" + ", ".join(f for f in excluded if f not in refused) + ")")
            if refused:
                notes.append(f"excluded files {', '.join(refused)} not used: {_BACKTRACKS}")
        daily = _obsidian_daily_notes(vault)
        if daily is not None:  # a daily note is the day its name says, as the plugin (and the calendar) reads it
            folder, day_format = daily
            # the calendar reads every note below the folder by its name, by the format's last part (YYYY/MM/YYYY-MM-DD
            # files a note a month: 2024/03/2024-03-01.md is named 2024-03-01)
            pattern = moment_pattern(day_format.rpartition("/")[2])
            kept = not folder or any(n.startswith(f"{folder}/") for n in names)  # said where the vault keeps some
            if pattern is not None:
                fields = replace(fields, journal_files=f"{folder + '/' if folder else ''}**/{pattern}")
                if kept:
                    notes.append(f"daily notes ({folder + '/' if folder else 'the vault'}) dated by their names ({day_format})")
            elif kept:  # a week's number, a time: no day's name
                notes.append(f"daily notes not dated by their names (format {day_format!r} not read)")
        problems += _obsidian_templates_problems(base, vault)  # settings that name no folder: said
        templates = _obsidian_templates(vault)
        held = tuple(t for t, _, _ in templates if _is_dir(vault / t))
        if held:
            fields = replace(fields, templates=tuple(fields.content_dir + t for t in held))
            notes.append("templates of new notes skipped (" + ", ".join(f"{t}/" for t in held) + ")")
        # settings kept from an older layout (the folder renamed since): Obsidian finds no templates
        # there, and every note of the vault is a note
        problems += [Problem(fields.content_dir + settings, line, f"the templates folder it names, {t}/, is not in the vault: no note "
                             "is skipped as a template", "site-config", WARNING)
                     for t, settings, line in templates if t not in held]
    if p.name == "generic":
        site = _site_content(base, names) or _github_docs(base, names, s) or _mdn(base, names, s) or _thirty_seconds(base, names, s) or \
            _learn_x(base, names, s) or _command_pages(names, s) or _til_collection(base, names, s)
        if site is not None:
            content_dir = site.content_dir
            # a draft is a page the site does not publish (draft: true, published: false); in a
            # folder that no site tool publishes (notes, a Notion export), a page is a page
            fields = replace(fields, content_dir=content_dir, skip_folders=fields.skip_folders + site.skip,
                             **{"drafts": ("draft", "published"), **site.changes})  # Pelican's: status too
            notes.append(site.why)
            problems += site.problems
            names = [n[len(content_dir):] for n in names if n.startswith(content_dir)]
        mkdocs = _mkdocs_config(base) if site is None else None
        if mkdocs is not None and mkdocs[0].parent == base.resolve():
            # docs_dir: nothere (MkDocs stops on it): the folder was read as notes without a word, its
            # pages without front matter skipped as "not a page"
            declared = _MKDOCS_DOCS_DIR.search(mkdocs[1])
            docs = f"the docs folder it names, {declared.group(1)}/," if declared else "its docs folder, docs/ (MkDocs's default),"
            line = mkdocs[1].count("\n", 0, declared.start()) + 1 if declared else None  # of its docs_dir
            problems.append(Problem(mkdocs[0].name, line, f"{docs} holds no page here: the folder is read as notes, not "
                                    "as an MkDocs site", "site-config", WARNING))
        # a Notion export's folders are its pages' subpages, the one a workspace is exported as too
        notion = bool(names) and sum(1 for n in names if _NOTION_FILE.search(n)) * 2 >= len(names)
        if notion:
            notes.append("a Notion export (names end with page ids)")
        joplin = _joplin_export(base, names) if site is None and not notion else None
        fields, note = _fit_generic(fields, names, s, sections=site is not None or notion,
                                    bundles=site is not None and site.bundles,
                                    own_subject=site.own_subject if site is not None else
                                    "subject from the note's notebook" if joplin is not None else None)
        notes.append(note)
        if site is None:
            fields, note = _fit_zettel_ids(fields, names)
            notes += [note] if note else []
        if notion:
            fields, note = _fit_notion(fields)
            notes.append(note)
        if joplin is not None:
            fields, note = _fit_joplin(fields, *joplin)
            notes.append(note)
        elif site is None and not notion:
            fields, note = _fit_bear(fields, s)
            notes += [note] if note else []
            if "created" not in fields.date:
                # a folder of notes (a note app's export: Joplin's Markdown + Front Matter, Bear's) dates a note by
                # when it was created, written created: 2021-03-01 08:00:00Z where no date field is
                fields = replace(fields, date=(*fields.date, "created"))
    if p.name in ("jekyll", "hugo"):
        def having(path: str) -> int:  # sampled files with the field (taxonomies.categories: in a table)
            top, _, rest = path.partition(".")
            return s.keys[top] if not rest else sum(1 for v in s.values.get(top, []) if isinstance(v, dict) and rest in v)

        used = sorted((k for k in fields.subject if having(k)), key=lambda k: -having(k))
        notes.append("subject from " + ", ".join(f"{k} ({having(k)} sampled files)" for k in used) if used
                     else "no subject field: subject from the folder")
    if "wiki" in fields.links:  # a note named after an archive (site.tar.gz.md), which [[site.tar.gz]] reaches
        fields = replace(fields, note_suffixes=_note_suffixes(base, names))
    return fields, ("; " + "; ".join(notes)) if notes else "", problems


def _fit_bear(fields: FieldMap, s: _Sample) -> tuple[FieldMap, str]:
    """A Bear export's map, where two sampled notes at least (or the only one) hold a tag of several words
    closed by a ``#`` (``#multi word tag#``), which Bear alone writes: such a tag is one tag, and a note's
    inline ``#tags`` are its keywords (``FieldMap.closed_tags``). Obsidian reads ``#multi`` there: a vault with
    its ``.obsidian/`` is not read so."""
    if not s.closed_tags or s.closed_tags < min(2, s.files):
        return fields, ""
    return replace(fields, closed_tags=True, inline_tags=True), \
        f"Bear tags (#multi word tag# in {s.closed_tags} of {s.files} sampled notes): inline tags are keywords"


def _fit_zettel_ids(fields: FieldMap, names: Sequence[str]) -> tuple[FieldMap, str]:
    """A Zettelkasten's map, where two notes at least (of ``names``) are named by an id of 12 to 14 digits
    (``202001011200 Atomic notes.md``, Zettlr's and The Archive's): a wiki-link ``[[202001011200]]`` reaches
    the note whose file name holds that id, as both apps find it (``FieldMap.zettel_ids``). Obsidian
    finds no note so: a vault with its ``.obsidian/`` is not read so."""
    named = [n for n in names if zettel_ids_of(n.rpartition("/")[2].rsplit(".", 1)[0])]
    if len(named) < 2:
        return fields, ""
    return replace(fields, zettel_ids=True), (f"notes named by ids ({len(named)} of {len(names)} files, "
                                             f"{named[0].rpartition('/')[2]}): [[id]] links reach them")


def _note_suffixes(base: Path, names: Sequence[str]) -> tuple[str, ...]:
    """The attachment suffixes the notes ``names`` of the folder ``base`` end with (:func:`note_suffixes`), but
    for one a note shares with a file of the folder named as it is (``paper.pdf.md`` and ``paper.pdf``):
    Obsidian reaches that file from ``[[paper.pdf]]``, not the note, so such a link stays the file's."""
    found = note_suffixes(names)
    if not found:
        return found
    files: set[str] = set()
    for _, folders, walked in os.walk(base):
        folders[:] = [f for f in folders if not f.startswith(".")]
        files.update(f.lower() for f in walked)
    taken = {n.rpartition("/")[2].lower().rsplit(".", 1)[0] for n in names} & files
    return tuple(s for s in found if not any(t.endswith("." + s) for t in taken))


#: the most of a locale's _redirects.txt read (mdn/content's en-us one is 1.3 MB)
MAX_REDIRECTS = 16 * 1024 * 1024
#: a page of an MDN Web Docs content repository: ``files/<locale>/<slug in lower case>/index.md``
_MDN_PAGE = lazy_compile(r"^(?:(?:files/)?(?P<locale>[a-z]{2}(?:-[a-z]{2})?)/)?(?P<path>(?:[^/]+/)*[^/]+)/index\.md$")


def _mdn_locale(folder: str) -> str:
    """The locale MDN's urls name for the content folder ``folder`` (``en-us``: ``en-US``).

    >>> _mdn_locale("en-us"), _mdn_locale("zh-cn"), _mdn_locale("fr")
    ('en-US', 'zh-CN', 'fr')
    """
    language, _, region = folder.partition("-")
    return language + ("-" + region.upper() if region else "")


def _mdn_redirects(base: Path, content: str, folder: str, names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The old urls that the locale's ``_redirects.txt`` (``FROM<tab>TO`` lines, ``#`` comments) sends to
    each page of the corpus, as :attr:`~qagraph.fields.FieldMap.data_files` gives them (the page's path
    without suffix, ``{"aliases": [...]}``): a page is found by its slug, which is its folder in lower case."""
    path = base / content / "_redirects.txt"
    data = _read_regular(path, MAX_REDIRECTS) if _is_file(path) else None
    if not isinstance(data, bytes):
        return ()
    pages = {n[len(content):-len("/index.md")].lower(): n[:-len(".md")] for n in names
             if n.startswith(content) and n.endswith("/index.md")}
    old: dict[str, list[str]] = {}
    for line in data.decode("utf-8", "replace").splitlines():
        source, tab, target = line.strip().partition("\t")
        if not tab or source.startswith("#") or not target.strip().lower().startswith(folder.lower()):
            continue
        page = pages.get(target.strip()[len(folder):].split("#", 1)[0].strip("/").lower())
        if page is not None:
            old.setdefault(page, []).append(source.strip())
    return tuple((page, json.dumps({"aliases": urls}, ensure_ascii=False)) for page, urls in sorted(old.items()))


def _mdn(base: Path, names: Sequence[str], s: _Sample) -> _Site | None:
    """The content of MDN Web Docs (its ``mdn/content`` repository, or a translation's), or ``None``:
    most sampled files give a ``slug`` that is their folder's path in another case
    (``files/en-us/web/api/element/after/index.md``: ``slug: Web/API/Element/after``).

    The site publishes each page at ``/<locale>/docs/<slug>`` (``/en-US/docs/Web/API/Element/after``),
    titled by its ``title``, in the area its slug starts with (``Web/API``, ``Web/JavaScript``,
    ``Glossary``, ``Learn``...); the repository's README, ``files/jsondata/`` and the other locales are
    no pages of it.
    """
    slugs = [v for v in s.values.get("slug", []) if isinstance(v, str) and "/" in v.strip("/")]
    if not slugs or len(slugs) * 2 <= s.with_front_matter:
        return None
    pages = [m for m in map(_MDN_PAGE.match, names) if m is not None]
    wanted = {v.strip().strip("/").lower() for v in slugs}
    if sum(1 for m in pages if m.group("path").lower() in wanted) * 2 < len(slugs):
        return None  # slugs that are not the files' folders: another site's (a Hugo page's slug)
    locales = Counter(m.group("locale") or "" for m in pages)
    locale = locales.most_common(1)[0][0]
    content = next((n[:len(n) - len(m.group(0)) + m.start("path")] for n, m in zip(
        (n for n in names if _MDN_PAGE.match(n)), pages) if (m.group("locale") or "") == locale), "")
    folder = f"/{_mdn_locale(locale or 'en-us')}/docs/"
    # its Markdown (GFM) lets HTML through, as its older pages were written: <a href> links; no wiki-links
    changes: dict[str, Any] = {"slug_urls": folder, "subject_from": ("url",), "links": ("markdown", "html"),
                               "subject_from_url": "^" + re.escape(folder) + r"((?:Web/)?[^/#?]+)"}
    why = (f"MDN Web Docs content ({len(slugs)} of {s.with_front_matter} sampled files give their folder's path as their "
           f"slug): pages at {folder}<slug>, subject the area the slug starts with (Web/API, Glossary)")
    moved = _mdn_redirects(base, content, folder, names)
    if moved:  # a link to a page's old url ({{domxref("fetch()")}}, /en-US/docs/API) is redirected to it
        changes.update(data_files=moved, alias_fields=("aliases",))
        why += f"; its _redirects.txt gives {sum(len(json.loads(d)['aliases']) for _, d in moved)} old urls of its pages"
    return _Site(content, (), why, changes, own_subject="subject from the slug's area")


#: the plans a GitHub Docs page's ``versions`` mapping names (``fpt: '*'``, ``ghes: '>=3.9'``), by their short
#: names and by the long ones of its older pages (``free-pro-team``, ``enterprise-server``), and its features
_GITHUB_DOCS_VERSIONS = frozenset({"fpt", "ghec", "ghes", "ghae", "free-pro-team", "enterprise-server", "github-ae",
                                   "enterprise-cloud", "feature", "dotcom", "enterprise"})


#: what a GitHub Docs link may start a page's path with: a language (``/en``, ``/ja``) and a plan with its
#: release (``/enterprise-cloud@latest``, ``/enterprise-server@3.10``, ``/free-pro-team@latest``), which show
#: the same page in another language or for another plan
_GITHUB_DOCS_PREFIXES = (r"/(?:en|es|ja|pt|zh|ru|fr|ko|de|cn)"
                         r"|/(?:free-pro-team|enterprise-cloud|enterprise-server|github-ae|enterprise)@[^/#?]+")


def _github_docs_reusables(folder: Path, fields: FieldMap) -> tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]:
    """The reusable texts of a GitHub Docs repository (the Markdown files of its ``data/reusables/``, ``folder``)
    that have links, as :attr:`~qagraph.fields.FieldMap.includes` holds them: each by its dotted name
    (``reusables.cli.cli-learn-more``), with the ``(origin, target, text)`` of its links and of the texts it
    shows in turn. A page that writes ``{% data reusables.cli.cli-learn-more %}`` shows its text, links too.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "cli").mkdir()
    >>> _ = (root / "cli" / "more.md").write_text("See [AUTOTITLE](/cli/about).\\n{% data reusables.cli.tip %}\\n")
    >>> _ = (root / "cli" / "tip.md").write_text("[Tips]({% ifversion fpt %}/en{% endif %}/cli/tips)\\n")
    >>> _github_docs_reusables(root, FieldMap(links=("markdown",)))
    (('reusables.cli.more', (('markdown-link', '/cli/about', ''), ('markdown-link', '/en/cli/tips', 'Tips'))), ('reusables.cli.tip', (('markdown-link', '/en/cli/tips', 'Tips'),)))
    """
    own: dict[str, tuple[tuple[str, str, str], ...]] = {}
    nested: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*.md")) if _is_dir(folder) else ():
        data = _read_regular(path, MAX_DATA_FILE) if _is_file(path) else None
        if not isinstance(data, bytes):
            continue
        text = data.decode("utf-8", "replace")
        name = "reusables." + ".".join(path.relative_to(folder).with_suffix("").parts)
        own[name] = tuple((link.origin, link.target, link.text or "")
                          for link in text_links(text, fields.links, 1, fields.site_url, None, fields.site_hosts))
        nested[name] = [shown for _, shown in data_reusables(mask_code(text))] if "reusables." in text else []

    def links(name: str) -> tuple[tuple[str, str, str], ...]:
        reached, level = {name: None}, [name]
        for _ in range(_INCLUDE_DEPTH):  # the texts it shows, level by level, each once
            level = [n for n in dict.fromkeys(n for m in level for n in nested.get(m, ())) if n in own and n not in reached]
            reached.update(dict.fromkeys(level))
        return tuple(dict.fromkeys(link for n in reached for link in own[n]))

    return tuple((name, shown) for name in own if (shown := links(name)))


def _github_docs_variables(folder: Path) -> tuple[tuple[str, str], ...]:
    """The variables of a GitHub Docs repository (its ``data/variables/*.yml``, ``folder``), as
    :attr:`~qagraph.fields.FieldMap.liquid_variables` holds them: each text by its file's name and its key's
    path (``product.prodname_actions``), shown as on the site's default plan (its conditions' branches
    for it). A file that cannot be read has none.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> _ = (root / "product.yml").write_text("prodname_actions: 'GitHub Actions'\\nproduct_name: >-\\n"
    ...                                      "  {% ifversion ghes %}GHES{% else %}GitHub{% endif %}\\nnested:\\n  a: A\\n")
    >>> _github_docs_variables(root)
    (('product.nested.a', 'A'), ('product.prodname_actions', 'GitHub Actions'), ('product.product_name', 'GitHub'))
    """
    found: dict[str, str] = {}

    def add(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                add(f"{prefix}.{key}", inner)
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            found[prefix] = liquid_text(str(value), {})

    for path in sorted(folder.glob("*.yml")) if _is_dir(folder) else ():
        data = _read_regular(path, MAX_DATA_FILE) if _is_file(path) else None
        try:
            settings = _parsed(data.decode("utf-8", "replace"), _yaml_settings) if isinstance(data, bytes) else None
        except ValueError:  # a broken file: its words stay as the pages write them
            continue
        if isinstance(settings, dict):
            add(path.stem, settings)
    return tuple(sorted(found.items()))


def _github_docs_products(base: Path, content: str, names: Sequence[str],
                           variables: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The names of a GitHub Docs site's products, as :attr:`~qagraph.fields.FieldMap.folder_labels` holds them:
    each top folder of ``content`` by the ``shortTitle`` (else the ``title``) of its ``index.md``, its variables
    written out (``actions``: ``GitHub Actions``), as the site's menus name it. A folder without a titled
    index keeps the name of the folder."""
    labels = []
    for name in names:
        folder, _, rest = name.removeprefix(content).partition("/") if name.startswith(content) else ("", "", "")
        if not folder or rest != "index.md":
            continue
        data = _read_head(base / name)  # a FIFO there (or a device) never blocks, a huge file is not read whole
        text = decode(name, data) if data is not None else None
        front = read_front_matter(name, text) if isinstance(text, str) else None
        if front is None or isinstance(front, Problem):
            continue
        title = next((v for v in (front.data.get("shortTitle"), front.data.get("title")) if isinstance(v, str) and v.strip()), "")
        title = " ".join(liquid_text(title, variables).split()) if "{%" not in title or variables else ""
        if title and "{%" not in title:
            labels.append((content + folder, title))
    return tuple(sorted(labels))


def _github_docs(base: Path, names: Sequence[str], s: _Sample) -> _Site | None:
    """The content of GitHub Docs (its ``github/docs`` repository, or a site made with its engine), or ``None``:
    most sampled files say which plans they are written for in a ``versions`` mapping (``fpt: '*'``,
    ``ghes: '*'``; ``free-pro-team: '*'`` in older ones, ``productVersions: {dotcom: '*'}`` in 2019's).

    The site publishes each page of ``content/`` at its path (``content/actions/quickstart.md`` at
    ``/actions/quickstart``, an ``index.md`` at its folder's), filed under its product (the top folder), its
    ``topics`` its keywords; an index page lists its ``children`` by their paths from its folder (a product's
    landing page its ``introLinks`` and ``featuredLinks`` too, a guides page its ``includeGuides``); each
    ``redirect_from`` path is an old url of the page (a link there reaches it)."""
    marked = sum(1 for key in ("versions", "productVersions") for v in s.values.get(key, [])  # productVersions: 2019's
                 if isinstance(v, dict) and v and all(str(k) in _GITHUB_DOCS_VERSIONS for k in v))
    if not marked or marked * 2 <= s.with_front_matter:
        return None
    content = "content/" if sum(1 for n in names if n.startswith("content/")) * 2 > len(names) else ""
    changes: dict[str, Any] = {"path_urls": "nextjs", "url": (), "alias_fields": ("redirect_from",),
                               "keywords": ("topics",), "list_fields": ("topics",), "subject": (), "description": ("intro",),
                               "subject_from": ("folder",), "related_lists": (), "child_lists": ("children",),
                               "links": ("markdown", "html"), "url_prefixes": _GITHUB_DOCS_PREFIXES,
                               "site_hosts": ("docs.github.com", "help.github.com"),
                               # a landing page shows the pages these name as its cards
                               "href_fields": ("introLinks", "featuredLinks", "includeGuides")}
    why = (f"GitHub Docs content ({marked} of {s.with_front_matter} sampled files name their plans in a versions "
           f"mapping): pages at their paths, topics as keywords, children and redirect_from paths as links")
    # its reusable texts, in data/reusables/ beside content/ (the repository read, or its content/ folder)
    root = base.resolve() if content else base.resolve().parent
    reusables = _github_docs_reusables(root / "data" / "reusables", replace(_NOT_QA, links=changes["links"]))
    if reusables:
        changes["includes"] = reusables
        why += f"; {len(reusables)} reusable texts of data/reusables/ with links"
    variables = _github_docs_variables(root / "data" / "variables")
    if variables:  # the words its titles and link texts write as {% data variables.product.prodname_actions %}
        changes["liquid_variables"] = variables
        why += f"; {len(variables)} variables of data/variables/"
    labels = _github_docs_products(base, content, names, dict(variables))
    if labels:  # a product is named as its landing page's title names it: actions/ is GitHub Actions
        changes["folder_labels"] = labels
    return _Site(content, (), why, changes, own_subject="subject the product (the top folder)")


#: the glossary section of Hugo's own docs, whose link render hook makes ``[term](g)`` a link to the term's entry there
_HUGO_DOCS_GLOSSARY = "quick-reference/glossary"
#: the sections of Hugo's own docs whose _index.md cascades ``build: {render: never}`` to their files, with what
#: those files are: include snippets that ``{{% include %}}`` shows in a page, the glossary's terms its page shows
_HUGO_DOCS_UNRENDERED = {"_common": "Hugo's docs' include snippets",
                         _HUGO_DOCS_GLOSSARY: "the terms of Hugo's docs' glossary"}
#: a term of the Kubernetes site's glossary (a leaf bundle whose resources are its terms), below a language's folder
_GLOSSARY_TERM = lazy_compile(r"^(?:(?P<language>[^/]+)/)?docs/reference/glossary/(?P<term>[^/]+)\.md$")


def _hugo_glossary(base: Path, names: Sequence[str], fields: FieldMap) -> tuple[
        tuple[tuple[str, str, str], ...], tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...],
        tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...]]:
    """The ``(language, term, href)`` of the terms in a Hugo site's ``docs/reference/glossary/`` page bundle
    (the Kubernetes site's), as its ``glossary_tooltip`` shortcode links to them: the term file's
    ``full_link``, else the term's entry on the glossary page (a linking page's language is put before
    it: :func:`qagraph.fields.glossary_links`). The term is its file's name, which the shortcode's ``term_id`` names in any case;
    a term file that cannot be read is left out (the file itself is reported as the bundle's resource).
    With them, the ``(language, term, links)`` of each term's text, which its ``glossary_definition``
    shortcode shows on a page (:attr:`~qagraph.fields.FieldMap.glossary_definitions`): its own
    ``glossary_tooltip`` links, to their terms' hrefs, and its Markdown links, as ``(origin, target, text)``;
    and those of its first paragraph, which a ``length="short"`` definition shows
    (:attr:`~qagraph.fields.FieldMap.glossary_summaries`)."""
    bundles: set[str] = set()
    terms: list[tuple[str, str, str]] = []
    for name in names:
        m = _GLOSSARY_TERM.match(name[len(fields.content_dir):]) if name.startswith(fields.content_dir) else None
        if m is None or (m.group("language") or "") not in ("", *fields.languages):
            continue
        if m.group("term") == "index":
            bundles.add(m.group("language") or "")
        elif m.group("term") != "_index":
            terms.append((m.group("language") or "", m.group("term"), name))
    found = []
    bodies: list[tuple[str, str, str, str]] = []
    for folder, term, name in terms:
        if folder not in bundles:  # a section's files are pages, not the bundle's resources
            continue
        data = _read_regular(base / name, MAX_TEMPLATE)
        if not isinstance(data, bytes):
            continue
        text = decode(name, data)
        front = read_front_matter(name, text) if isinstance(text, str) else None
        link = front.data.get("full_link") if front is not None and not isinstance(front, Problem) else None
        href = link.strip() if isinstance(link, str) and link.strip() else f"/docs/reference/glossary/?all=true#term-{term}"
        found.append((folder or fields.default_language or "", term.casefold(), href))
        if front is not None and not isinstance(front, Problem) and ("](" in front.body or "glossary_tooltip" in front.body):
            bodies.append((folder or fields.default_language or "", term.casefold(), name, front.body))
    definitions: list[tuple[str, str, tuple[tuple[str, str, str], ...]]] = []
    summaries: list[tuple[str, str, tuple[tuple[str, str, str], ...]]] = []
    if bodies:
        from .fields import glossary_links  # a term's tooltips link as a page's do

        known = replace(fields, glossary=tuple(found))
        for language, term, name, body in bodies:
            for text, kept in ((body, definitions), (_first_paragraph(body), summaries)):
                shown = [*glossary_links(name, text, 1, known), *text_links(text, ("markdown",), 1, fields.site_url,
                                                                            None, fields.site_hosts)]
                if shown:
                    kept.append((language, term, tuple((link.origin, link.target, link.text or "") for link in shown)))
    return tuple(found), tuple(definitions), tuple(summaries)


#: a Markdown block that renders no paragraph (a heading, a comment, a fenced block, a shortcode's own line)
_NO_PARAGRAPH = lazy_compile(r"\s*(?:#|<!--|```|~~~|\{\{[<%])")


def _first_paragraph(body: str) -> str:
    """The first paragraph of the Markdown ``body``: its first block of lines (blocks end at a blank line) that
    renders as one, as the Kubernetes site's short ``glossary_definition`` finds the first ``<p>`` of a term.

    >>> _first_paragraph("\\n<!--x-->\\n\\n A [Job](/job/) that\\nruns.\\n\\n<!--more-->\\n\\nMore [x](/x/).\\n")
    ' A [Job](/job/) that\\nruns.'
    """
    return next((block for block in re.split(r"\n[ \t]*\n", body)
                 if block.strip() and not _NO_PARAGRAPH.match(block)), "")


#: how deep below its content folder (and language folder) a Hugo section that may be a subject is: docs/5.3/forms
_HUGO_SUBJECT_DEPTH = 3


#: the themes whose sidebar and breadcrumbs name a page by its ``menuTitle`` first: the Learn theme
#: (``{{or .Params.menuTitle .LinkTitle .Title}}`` in its menu) and Relearn, its fork, which still reads it
_MENU_TITLE_THEMES = frozenset({"learn", "hugo-theme-learn", "relearn", "hugo-theme-relearn"})


def _hugo_section_titles(base: Path, names: Sequence[str], fields: FieldMap,
                         keys: tuple[str, ...] = ("linktitle", "title")) -> tuple[tuple[str, str], ...]:
    """The ``(folder, title)`` of a Hugo site's sections that may be subjects, as
    :attr:`~qagraph.fields.FieldMap.folder_labels` holds them: each folder (its path from the site's root,
    ``content/en/docs/setup``) whose ``_index.md`` gives the section a ``linkTitle`` or ``title`` (the first of
    ``keys``, lower-case, it writes), the name
    the site's menus and breadcrumbs show it by (the Kubernetes site's ``docs/setup/`` is Getting started).
    A translation's ``_index.fr.md`` names no folder (its pages share the folder); an ``_index.md`` that
    cannot be read, or has neither field, leaves its folder named after itself.

    >>> fields = FieldMap(content_dir="content/", languages=("en", "ko"))
    >>> import tempfile; root = Path(tempfile.mkdtemp())
    >>> for name, text in {"content/en/docs/setup/_index.md": "---\\ntitle: Getting started\\n---\\n",
    ...                    "content/ko/docs/setup/_index.md": "+++\\nlinkTitle = '시작하기'\\ntitle = '설치'\\n+++\\n"}.items():
    ...     _ = (root / name).parent.mkdir(parents=True, exist_ok=True), (root / name).write_text(text)
    >>> _hugo_section_titles(root, ["content/en/docs/setup/_index.md", "content/ko/docs/setup/_index.md"], fields)
    (('content/en/docs/setup', 'Getting started'), ('content/ko/docs/setup', '시작하기'))
    """
    found = []
    for name in names:
        seen = mounted_name(name, fields) if fields.content_mounts else name
        folder, _, file_name = seen.rpartition("/")
        if not seen.startswith(fields.content_dir) or file_name.lower() not in (
                f"_index{suffix}" for suffix in fields.suffixes):
            continue
        parts = folder[len(fields.content_dir):].split("/")
        if parts[0] in fields.languages:
            parts = parts[1:]
        if not parts or not parts[0] or len(parts) > _HUGO_SUBJECT_DEPTH:
            continue
        data = _read_regular(base / name, MAX_TEMPLATE)
        text = decode(name, data) if isinstance(data, bytes) else None
        front = read_front_matter(name, text, loose_closing=fields.loose_closing) if isinstance(text, str) else None
        if front is None or isinstance(front, Problem):
            continue
        given = {key.lower(): value for key, value in front.data.items() if isinstance(key, str)}
        title = next((value.strip() for key in keys
                      if isinstance(value := given.get(key), str) and value.strip()), None)
        if title is not None:
            found.append((folder, title))
    return tuple(sorted(found))


def _hugo_includes(base: Path, names: Sequence[str], fields: FieldMap,
                   showing: Sequence[str] = ()) -> tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]:
    """The include snippets of a Hugo site, as :attr:`~qagraph.fields.FieldMap.includes` holds them: the
    Markdown files of its sections that cascade ``render: never`` (no pages of their own: Hugo's docs
    keep theirs in ``_common/`` folders) and of its headless page bundles (Istio's ``boilerplates/``,
    whose Markdown resources its ``{{< boilerplate name >}}`` shows) or of the bundles ``showing`` theirs
    on their own page (:func:`_bundles_showing_resources`), each with its links to the site's pages (from its root, or
    to the glossary page: a relative one would be the snippet's own, which has no url), the links of
    the snippets it includes in turn too. A snippet that cannot be read has none."""
    hidden, _ = _cascaded_headless(names, fields, base, {})
    hidden = {**hidden, **dict.fromkeys([*_headless_bundles(base, names, fields), *showing], "")}
    if not hidden:
        return ()
    own: dict[str, tuple[tuple[str, str, str], ...]] = {}
    nested: dict[str, list[str]] = {}
    content = fields.content_dir
    for name in names:
        folder, _, file_name = name.rpartition("/")
        if not name.startswith(content) or not file_name.lower().endswith(".md") or file_name.lower() in (
                "_index.md", "index.md") or not any(s in hidden for s in _ancestors(folder)):
            continue
        data = _read_head(base / name)
        text = decode(name, data) if data is not None else None
        front = read_front_matter(name, text) if isinstance(text, str) else None
        if front is None or isinstance(front, Problem):
            continue
        masked = mask_code(front.body)
        found = text_links(front.body, fields.links, 1, fields.site_url, masked)
        if fields.glossary_page:
            found = glossary_page_links(found, fields.glossary_page)
        key = name[len(content):-3].lower()
        own[key] = tuple((link.origin, link.target, link.text or "") for link in found
                         if link.target.startswith("/"))
        nested[key] = [(m.group(1) or m.group(2) or m.group(3) or "").strip().strip("/").lower().removesuffix(".md")
                       for m in _INCLUDE.finditer(masked)]

    def links(key: str, seen: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
        inner = [link for k in nested.get(key, ()) if k in own and k not in seen for link in links(k, seen | {k})]
        return own[key] + tuple(inner)

    return tuple((key, shown) for key in sorted(own) if (shown := links(key, frozenset({key}))))


def _headless_bundles(base: Path, names: Sequence[str], fields: FieldMap) -> list[str]:
    """The folders of the content whose leaf bundle (``index.md``) Hugo renders no page of (``headless: true``,
    ``build: {render: never}``): its Markdown resources are no pages either, only what a page shows of them."""
    return [folder for folder, data in _leaf_bundles(base, names, fields) if not_rendered(data, drafts=fields.skip_drafts)]


def _leaf_bundles(base: Path, names: Sequence[str], fields: FieldMap) -> Iterator[tuple[str, dict[Any, Any]]]:
    """The folder and front matter of each leaf bundle (``index.md``) of the content whose front matter
    reads (from its file's head)."""
    for name in names:
        folder, _, file_name = name.rpartition("/")
        if file_name.lower() not in ("index.md", "index.markdown") or not name.startswith(fields.content_dir):
            continue
        head = _read_head(base / name)
        text = decode(name, head) if head is not None else None
        fm = read_front_matter(name, text, json_object=fields.json_front_matter,
                               loose_closing=fields.loose_closing) if isinstance(text, str) else None
        if fm is not None and not isinstance(fm, Problem):
            yield folder, fm.data


def _bundles_showing_resources(base: Path, names: Sequence[str], fields: FieldMap, root: Path,
                               settings: Mapping[str, Any]) -> list[str]:
    """The folders of the leaf bundles whose page shows the Markdown resources beside it: its ``layout:``
    template (``layouts/<type or section>/<layout>.html``, else ``layouts/_default/``) ranges over
    ``.Resources.ByType "page"`` (or ``.Resources.Match "*.md"``) and renders their ``.Content``, as Istio's
    FAQ pages show their questions and its glossary its terms: the resources' links are the page's."""
    folder = _hugo_layout_folder(root, settings)
    found = []
    for bundle, data in _leaf_bundles(base, names, fields):
        if not isinstance(layout := data.get("layout"), str) or not layout.strip():
            continue
        section = _below_language(bundle[len(fields.content_dir):], fields.languages).partition("/")[0]
        given = data.get("type")
        kind = given.strip() if isinstance(given, str) and given.strip() else section
        for place in (kind, "_default"):
            try:
                template = _read_site_text(folder / place / f"{layout.strip()}.html")
            except ValueError:  # a NUL in the layout's name
                continue
            if template is None:
                continue
            if _TEMPLATE_RESOURCES.search(template) and ".Content" in template:
                found.append(bundle)
            break
    return found


#: a template's range over a page's Markdown resources: ``.Resources.ByType "page"``, ``.Resources.Match "*.md"``
_TEMPLATE_RESOURCES = lazy_compile(r'\.Resources\.(?:ByType\s+"page"|Match\s+"[^"]*\.md")')


def hugo_bundle_shortcodes(root: Path, settings: Mapping[str, Any], bundles: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The ``(name, bundle)`` of a Hugo site's shortcodes that show a Markdown resource of a headless page
    bundle at the top of its content (``bundles``, below the content or a language's folder), named by the
    argument they are given: Istio's ``{{< boilerplate gateway-api-support >}}`` shows
    ``boilerplates/gateway-api-support.md``. Such a shortcode's template (``layouts/shortcodes/*.html``) gets
    the bundle by ``GetPage`` and the resource by ``.Resources.GetMatch``; without one of that name, the
    shortcode named as the bundle is, or as one of its items (``boilerplate`` for ``boilerplates/``), is taken to.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as root:
    ...     folder = Path(root, "layouts", "shortcodes"); folder.mkdir(parents=True)
    ...     _ = (folder / "snippet.html").write_text('{{ $b := .Site.GetPage "page" "notes" }}'
    ...                                            '{{ ($b.Resources.GetMatch (printf "%s*" (.Get 0))).Content }}')
    ...     _ = (folder / "boilerplate.html").write_text('{{ .Inner }}')
    ...     hugo_bundle_shortcodes(Path(root), {}, ["boilerplates", "notes"])
    (('boilerplates', 'boilerplates'), ('note', 'notes'), ('notes', 'notes'), ('snippet', 'notes'))
    """
    tops = {bundle.strip("/") for bundle in bundles if bundle.strip("/") and "/" not in bundle.strip("/")}
    templates = dict(_hugo_shortcode_templates(root, settings))
    found = set()
    for name, text in templates.items():
        got = _TEMPLATE_BUNDLE.search(text)
        if got and got.group(1) in tops and ".Resources.GetMatch" in text and ".Content" in text:
            found.add((name, got.group(1)))
    for top in tops:
        found.update((name, top) for name in {top, top.removesuffix("s")} if name not in templates)
    return tuple(sorted(found))


#: a template's ``.Site.GetPage "page" "boilerplates"`` (or ``site.GetPage "/boilerplates"``): the page it gets
_TEMPLATE_BUNDLE = lazy_compile(r'GetPage\s+(?:"(?:page|section)"\s+)?"/?([^"/]+)/?"')


def _below_language(path: str, languages: Sequence[str]) -> str:
    """``path`` below the content folder without the language folder it is in (``en/boilerplates`` ->
    ``boilerplates``), as each language's site sees it."""
    first, _, rest = path.partition("/")
    return rest if rest and first in languages else path


def _site_root(config: Path) -> Path:
    """The folder of the Hugo site whose config is ``config``: its own, or above ``config/_default/``."""
    folder = config.parent
    return folder.parent.parent if folder.name == "_default" and folder.parent.name == "config" else folder


def _hugo_key(settings: Mapping[str, Any], *path: str) -> Any:
    """The value at ``path`` (lower-case keys) in a Hugo config's ``settings``, whose keys Hugo reads
    in any case (``markup.goldmark.renderer.unsafe``); ``None`` where there is none.

    >>> _hugo_key({"markup": {"Goldmark": {"renderer": {"unsafe": True}}}}, "markup", "goldmark", "renderer", "unsafe")
    True
    """
    value: Any = settings
    for key in path:
        if not isinstance(value, Mapping):
            return None
        value = next((v for k, v in value.items() if str(k).lower() == key), None)
    return value


#: Hugo's handlers of each of its dates when its config sets none (``:default``), aliases written out
_HUGO_DATE_DEFAULTS = {
    "date": HUGO_DEFAULT_DATES,
    "lastmod": (":git", "lastmod", "modified", "date", "publishdate", "pubdate", "published"),
    "publishdate": ("publishdate", "pubdate", "published", "date"),
    "expirydate": ("expirydate", "unpublishdate"),
}
#: the front-matter fields Hugo reads for one it is told to (``addDateFieldAliases``)
_HUGO_DATE_ALIASES = {"lastmod": ("modified",), "publishdate": ("pubdate", "published"), "expirydate": ("unpublishdate",)}


def _hugo_before_filename(settings: Mapping[str, Any], date: str) -> tuple[str, ...] | None:
    """The front-matter fields a Hugo config's ``[frontmatter]`` handlers of ``date`` (``date``, ``lastmod``,
    ``publishdate``, ``expirydate``) read before its ``:filename`` handler, which takes the date and the
    slug from a file's name when none of them is set; ``None`` when it lists no ``:filename``, or one that
    a handler before it leaves nothing to do (``:fileModTime``, ``:git``: they always decide).

    >>> _hugo_before_filename({"frontmatter": {"publishDate": [":default", ":filename"]}}, "publishdate")
    ('publishdate', 'pubdate', 'published', 'date')
    >>> _hugo_before_filename({"frontmatter": {"lastmod": ["lastmod", ":filename"]}}, "lastmod"), _hugo_before_filename({}, "date")
    (('lastmod', 'modified'), None)
    """
    handlers = _hugo_key(settings, "frontmatter", date)
    order = [d.strip().lower() for d in ([handlers] if isinstance(handlers, str) else handlers if isinstance(handlers, list)
                                          else []) if isinstance(d, str)]
    if ":filename" not in order:
        return None
    before = [k for d in order[:order.index(":filename")]
              for k in (_HUGO_DATE_DEFAULTS[date] if d == ":default" else (d, *_HUGO_DATE_ALIASES.get(d, ())))]
    if {":filemodtime", ":git"} & set(before):  # a handler before it that always decides leaves it none to do
        return None
    return tuple(dict.fromkeys(k for k in before if not k.startswith(":")))


def _fit_hugo(fields: FieldMap, settings: Mapping[str, Any], notes: list[str]) -> FieldMap:
    """The Hugo map fitted to its config's ``settings`` (:func:`hugo_settings`): its ``[permalinks]`` and
    ``uglyURLs`` make its pages' urls, its ``markup.goldmark.renderer.unsafe`` publishes the ``<a href>``
    written in its Markdown as links (Hugo leaves raw HTML out otherwise), its ``title`` heads a home page
    that has none (:attr:`FieldMap.home_title`), ``buildFuture``, ``buildExpired`` and ``buildDrafts`` publish what
    Hugo otherwise leaves out, the files its ``ignoreFiles`` match are not read, and the ``[taxonomies]``
    it declares are keywords, as its terms are the site's: all but categories (the subject) and
    authors (the author). A config that declares its taxonomies replaces Hugo's two defaults: the
    ``tags`` or ``categories`` it leaves out are a page's fields Hugo publishes no terms for, so they
    are not its keywords or its subject (a page is then filed under its section)."""
    changes: dict[str, Any] = {}
    if isinstance(settings.get("title"), str) and settings["title"].strip():
        changes["home_title"] = settings["title"].strip()
    permalinks = _hugo_permalinks(settings.get("permalinks"))
    if permalinks:
        changes["section_permalinks"] = permalinks
        notes.append("urls by permalinks " + ", ".join(f"{s or '/'} = {p}" for _, s, p in permalinks))
    before = _hugo_before_filename(settings, "date")
    if before is not None:
        changes["hugo_filename_date"] = True
        changes["hugo_dates_before_filename"] = before
        notes.append("dates and slugs from file names named 2024-01-02-slug.md (frontmatter.date: :filename)")
    slugs = {key: found for key in ("lastmod", "publishdate", "expirydate")
             if (found := _hugo_before_filename(settings, key)) is not None}
    if slugs:
        changes["hugo_filename_slugs"] = tuple(dict.fromkeys(slugs.values()))
        if before is None:
            notes.append(f"slugs from file names named 2024-01-02-slug.md (frontmatter.{next(iter(slugs))}: :filename)")
    ugly = settings.get("uglyurls")
    if ugly is True:
        changes["ugly_urls"] = True
        notes.append("uglyURLs: pages at /a/b.html")
    elif isinstance(ugly, Mapping) and (sections := tuple(str(k).lower() for k, v in ugly.items() if v is True)):
        changes["ugly_sections"] = sections  # [uglyURLs] posts = true: those sections' pages only, as Hugo reads it
        notes.append("uglyURLs for " + ", ".join(sections) + ": their pages at /section/b.html")
    if settings.get("disablepathtolower") is True:
        changes["keep_path_case"] = True
        notes.append("disablePathToLower: urls keep the case of their files' paths")
    if settings.get("removepathaccents") is True:
        changes["remove_path_accents"] = True
        notes.append("removePathAccents: urls without the accents of their letters (café: cafe)")
    for key, field, what in (("buildfuture", "skip_future", "future pages"), ("buildexpired", "skip_expired", "expired pages"),
                             ("builddrafts", "skip_drafts", "drafts")):
        if settings.get(key) is True:
            changes[field] = False
            notes.append(f"{what} published (build{key[5:].capitalize()})")
    if _hugo_key(settings, "markup", "goldmark", "renderer", "unsafe") is True and "html" not in fields.links:
        changes["links"] = (*fields.links, "html")
        notes.append("raw HTML published (markup.goldmark.renderer.unsafe): a page's <a href> are links")
    ignored = settings.get("ignorefiles")
    ignored = [ignored] if isinstance(ignored, str) else ignored
    if isinstance(ignored, list) and any(isinstance(p, str) and p for p in ignored):
        changes["ignore_files"] = tuple(p for p in ignored if isinstance(p, str) and p)
        refused = [p for p in changes["ignore_files"] if backtracks(p)]
        if len(refused) < len(changes["ignore_files"]):
            notes.append("not read: what its ignoreFiles match (" + ", ".join(
                p for p in changes["ignore_files"] if p not in refused) + ")")
        if refused:
            notes.append(f"ignoreFiles {', '.join(refused)} not used: {_BACKTRACKS}")
    taxonomies = settings.get("taxonomies")
    own = _hugo_language_taxonomies(settings)
    if isinstance(taxonomies, dict) or own:
        # a language's own (PaperMod's French FRtags, FRcategories) are its pages' too: its category the subject
        tables = [taxonomies if isinstance(taxonomies, dict) else {"tag": "tags", "category": "categories"}, *own]
        pairs = [(str(k).lower(), v) for table in tables for k, v in table.items() if isinstance(v, str)]
        declared = {v.lower() for _, v in pairs}
        subjects = tuple(dict.fromkeys(v for table in own for k, v in table.items()
                                       if str(k).lower() == "category" and isinstance(v, str) and v not in fields.subject))
        more = tuple(dict.fromkeys(str(v) for _, v in pairs if v not in (
            *fields.subject, *fields.author, *fields.keywords, *subjects)))
        left = [k for k in ("categories", "tags") if k not in declared]
        changes["keywords"] = (*(k for k in fields.keywords if k not in left), *more)
        changes["subject"] = (*(k for k in fields.subject if k.lower() in declared), *subjects)
        if more:
            notes.append("keywords from the taxonomies " + ", ".join(more) + " too")
        if left:
            notes.append(", ".join(left) + " not read: not among the taxonomies the config declares")
    listings = _hugo_listings(settings)
    if listings:  # links to /tags/go/ lead to the list of a term's pages Hugo makes: no page anyone wrote
        changes["listing_urls"] = listings
        # but for a term no page has, of a taxonomy read as keywords or subjects: Hugo makes no list of it
        changes["listing_terms"] = _hugo_listings(settings, read={
            **{k.lower(): "k" for k in changes.get("keywords", fields.keywords)},
            **{k.lower(): "s" for k in changes.get("subject", fields.subject)}})
        notes.append("links to its taxonomies' lists of pages (/tags/, /tags/x/) are no stubs (but a term's no "
                     "page has)")
    return replace(fields, **changes) if changes else fields


def _hugo_home_list(languages: Sequence[str]) -> str:
    r"""The site paths of the home page Hugo makes where no ``content/_index.md`` writes it, as a regular
    expression: ``/``, and in a site of several languages each one's (``/fr/``).

    >>> _hugo_home_list(()), _hugo_home_list(("en", "fr"))
    ('/?', '(?:/(?:en|fr))?/?')
    """
    return _language_prefix(languages) + "/?"


def _hugo_section_lists(names: Sequence[str], fields: FieldMap, settings: Mapping[str, Any]) -> str:
    r"""The site paths of the lists of pages Hugo makes for a site's top sections, as a regular expression
    (``""``: none): each folder at the top of the content (below a language's folder) that holds a page is a
    section whose list Hugo publishes at ``/<folder>/`` (``/fr/<folder>/`` in another language), written
    or not; but for those the config's ``disableKinds`` (``section``) turns off or its ``[permalinks]``
    move (their url is the pattern's, not the folder's).

    >>> hugo = replace(preset("hugo").fields, content_dir="content/")
    >>> _hugo_section_lists(["content/blog/a.md", "content/My Docs/b.md", "content/about.md", "README.md"], hugo, {})
    '(?:/(?:blog|my\\-docs))'
    >>> _hugo_section_lists(["content/blog/a.md"], hugo, {"disablekinds": ["Section"]})
    ''
    >>> _hugo_section_lists(["content/blog/a.md", "content/docs/b.md"], replace(hugo, section_permalinks=(
    ...     ("section", "docs", "/manual/"),)), {})
    '(?:/(?:blog))'
    """
    disabled = settings.get("disablekinds")
    if isinstance(disabled, list) and "section" in {str(k).lower() for k in disabled}:
        return ""
    moved = {section.lower() for kind, section, _ in fields.section_permalinks if kind == "section"}
    tops: set[str] = set()
    for name in names:
        if not name.startswith(fields.content_dir) or not name.lower().endswith(tuple(fields.suffixes)):
            continue
        inside = _below_language(name[len(fields.content_dir):], fields.languages)
        top, slash, _ = inside.partition("/")
        if slash and top and not top.startswith((".", "_")) and urlize(top) not in moved:
            tops.add(urlize(top))
    tops.discard("")
    if not tops:
        return ""
    return _language_prefix(fields.languages) + "(?:/(?:" + "|".join(re.escape(t) for t in sorted(tops)) + "))"


def _language_prefix(languages: Sequence[str]) -> str:
    """A regular expression of the language folder a Hugo site path may start with (``/fr``), or of none;
    ``""`` for a site of one language."""
    return "(?:/(?:" + "|".join(re.escape(language) for language in languages) + "))?" if languages else ""


def _hugo_language_taxonomies(settings: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The ``taxonomies`` tables a Hugo config's languages declare of their own (PaperMod's example site gives
    its French pages ``FRtags``, ``FRcategories`` and ``FRseries``), which Hugo reads for those languages' pages.

    >>> _hugo_language_taxonomies({"languages": {"en": {}, "fr": {"Taxonomies": {"tag": "FRtags"}}}})
    [{'tag': 'FRtags'}]
    """
    table = settings.get("languages")
    return [value for entry in table.values() if isinstance(entry, Mapping)
            for key, value in entry.items() if str(key).lower() == "taxonomies" and isinstance(value, Mapping)
            ] if isinstance(table, Mapping) else []


def _hugo_listings(settings: Mapping[str, Any], read: Mapping[str, str] | None = None) -> str:
    r"""The site paths of the lists of pages a Hugo site makes for its taxonomies, as a regular expression
    (``""``: none): a taxonomy's (``/tags/``) and each of its terms' (``/tags/go/``), for the taxonomies its
    config declares (Hugo's ``tags`` and ``categories`` by default), less the kinds its ``disableKinds``
    turns off; a taxonomy's ``[permalinks]`` pattern (``tags = "/topic/:slug/"``, which Hugo gives its terms as
    well as a section's pages, or one of ``[permalinks.term]`` or ``[permalinks.taxonomy]``) puts its lists there.

    >>> _hugo_listings({})
    '/(?:tags|categories)(?:/[^/#?]+)?'
    >>> _hugo_listings({"permalinks": {"tags": "/topic/:slug/", "taxonomy": {"tags": "/topics/"}}})
    '(?:/topics|/topic/[^/#?]+|/categories|/categories/[^/#?]+)'
    >>> _hugo_listings({"taxonomies": {"series": "series"}, "disablekinds": ["taxonomy"]})
    '/(?:series)/[^/#?]+'
    >>> _hugo_listings({"disablekinds": ["Taxonomy", "term"]}), _hugo_listings({"taxonomies": {}})
    ('', '')

    With ``read`` (the fields read as keywords, ``k``, or subjects, ``s``, by their names in lower case), only the
    lists of those taxonomies' terms, each term a group (``k0``, ``s1``...: ``FieldMap.listing_terms``):

    >>> _hugo_listings({"permalinks": {"tags": "/topic/:slug/"}}, read={"tags": "k", "categories": "s"})
    '(?:/topic/(?P<k0>[^/#?]+)|/categories/(?P<s1>[^/#?]+))'
    """
    taxonomies = settings.get("taxonomies")
    names = [v for v in taxonomies.values() if isinstance(v, str) and v.strip()] if isinstance(
        taxonomies, Mapping) else ["tags", "categories"]
    names += [v for table in _hugo_language_taxonomies(settings) for v in table.values()
              if isinstance(v, str) and v.strip() and v not in names]  # a language's own: /frtags/x/
    disabled = settings.get("disablekinds")
    off = {str(k).lower() for k in disabled} if isinstance(disabled, list) else set()
    lists, terms = "taxonomy" not in off and "taxonomyterm" not in off, "term" not in off
    if read is not None:
        names, lists = [n for n in names if n.strip().lower() in read], False
    if not names or not (lists or terms):
        return ""
    permalinks = settings.get("permalinks")
    permalinks = {str(k).lower(): v for k, v in permalinks.items()} if isinstance(permalinks, Mapping) else {}
    moved = {(kind, str(name).strip("/").lower()): pattern for kind in ("term", "taxonomy")
             if isinstance(table := permalinks.get(kind), Mapping)
             for name, pattern in table.items() if isinstance(pattern, str)}
    moved.update({("term", name): pattern for name, pattern in permalinks.items()  # a section's key: its terms' too
                  if isinstance(pattern, str) and ("term", name) not in moved})
    if read is None and not any(kind == "taxonomy" and lists or kind == "term" and terms for kind, name in moved
                                if name in {n.strip().lower() for n in names}):
        plural = "/(?:" + "|".join(re.escape(urlize(n.strip())) for n in names) + ")"
        return plural + ("(?:/[^/#?]+)?" if lists and terms else "/[^/#?]+" if terms else "")
    alternatives: list[str] = []
    for name in names:
        key, plural = name.strip().lower(), "/" + re.escape(urlize(name.strip()))
        if lists:
            alternatives.append(_permalink_pattern(moved[("taxonomy", key)]) if ("taxonomy", key) in moved else plural)
        if terms:
            term = _permalink_pattern(moved[("term", key)]) if ("term", key) in moved else plural + "/[^/#?]+"
            if read is not None:  # the term's part of its url: its :slug or :title, else its last placeholder
                placeholders = re.findall(r":(\w+)(?:\[.+?\])?", str(moved.get(("term", key), ":slug")))
                at = next((i for i, p in enumerate(placeholders) if p in ("slug", "title")), len(placeholders) - 1)
                pieces = term.split("[^/#?]+")
                if 0 <= at < len(pieces) - 1:
                    term = "[^/#?]+".join(pieces[:at + 1]) + f"(?P<{read[key]}{len(alternatives)}>[^/#?]+)" + \
                        "[^/#?]+".join(pieces[at + 1:])
            alternatives.append(term)
    return "(?:" + "|".join(alternatives) + ")"


def _permalink_pattern(pattern: str) -> str:
    """A Hugo permalink ``pattern`` as a regular expression of the site paths it gives, without their last
    ``/``: each ``:placeholder`` one part of a path.

    >>> _permalink_pattern("topic/:slug/"), _permalink_pattern("/:year/t.:slug")
    ('/topic/[^/#?]+', '/[^/#?]+/t\\\\.[^/#?]+')
    """
    parts = re.split(r":\w+(?:\[.+?\])?", "/" + pattern.strip().strip("/"))
    return re.sub(r"/{2,}", "/", "[^/#?]+".join(re.escape(part) for part in parts))


_HOST = lazy_compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}")
_PAGES_REPOSITORY = lazy_compile(r"([A-Za-z0-9-]+)/([A-Za-z0-9-]+\.github\.io)")
#: a user's site's repository named in a GitHub url: OWNER/OWNER.github.io
_PAGES_REPOSITORY_URL = lazy_compile(r"(?<=github\.com/)([A-Za-z0-9-]+)/(\1\.github\.io)\b", re.I)
#: the branch GitHub puts after a repository's name in the folder of its archive (pippim.github.io-main)
_ARCHIVE_BRANCH = lazy_compile(r"-(?:main|master|gh-pages)$", re.I)
_GIT_REMOTE = lazy_compile(r"^[ \t]*url[ \t]*=[ \t]*\S*github\.com[:/]([A-Za-z0-9-]+/[A-Za-z0-9.-]+?)(?:\.git)?/?[ \t]*$", re.M)


def _github_pages_hosts(root: Path, settings: Mapping[str, Any], text: str = "") -> tuple[str, ...]:
    """The hosts GitHub Pages serves the site in ``root`` at, where they can be told: the custom
    domain its ``CNAME`` file names, and ``OWNER.github.io`` for a user's or an organisation's site,
    whose repository is so named (the config's ``repository: OWNER/OWNER.github.io``, as
    jekyll-github-metadata reads it, the folder's own name, the clone's remote, or the config's
    ``text`` naming it: ``code_url: https://github.com/owner/owner.github.io/blob/main``). A page that
    links to another with either host in full (``https://owner.github.io/2019/05/01/x.html``)
    links into the site, which a config without ``url:`` does not say.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     root = Path(tmp, "Someone.github.io"); root.mkdir()
    ...     _ = (root / "CNAME").write_text("www.example.org\\n")
    ...     _github_pages_hosts(root, {})
    ('www.example.org', 'someone.github.io')
    """
    hosts: list[str] = []
    cname = root / "CNAME"
    data = _read_regular(cname, 1024) if _is_file(cname) else None
    if isinstance(data, bytes):
        words = data.decode("utf-8", "replace").split()
        domain = words[0].lower().removeprefix("https://").removeprefix("http://").rstrip("/") if words else ""
        if _HOST.fullmatch(domain):
            hosts.append(domain)
    names = [settings.get("repository"), root.resolve().name,
             *(m.group(0) for m in _PAGES_REPOSITORY_URL.finditer(text))]
    git = root / ".git" / "config"
    remote = _read_regular(git, 65536) if _is_file(git) else None
    if isinstance(remote, bytes):
        names += _GIT_REMOTE.findall(remote.decode("utf-8", "replace"))
    for name in names:
        if not isinstance(name, str):
            continue
        owner, _, repository = name.strip().rpartition("/")
        repository = _ARCHIVE_BRANCH.sub("", repository).lower() if not owner else repository
        if not owner and _HOST.fullmatch(repository) and repository.endswith(".github.io"):
            hosts.append(repository)  # the folder's name: a clone's, or a downloaded archive's
            break
        found = _PAGES_REPOSITORY.fullmatch(name.strip())
        if found and found.group(2).lower() == f"{found.group(1).lower()}.github.io":
            hosts.append(found.group(2).lower())
            break
    return tuple(dict.fromkeys(hosts))


def _github_project_path(root: Path, settings: Mapping[str, Any], names: Sequence[str]) -> str | None:
    """The path GitHub Pages publishes the Jekyll site in ``root`` below when its config sets no ``baseurl``:
    ``/REPOSITORY`` for a project's site, its repository named by the config's ``repository: OWNER/NAME``
    (as jekyll-github-metadata reads it), the clone's remote or the folder's own name (a downloaded
    archive's without its branch; the one above it for a site in ``docs/``, a folder GitHub Pages publishes
    from); with the host, ``https://OWNER.github.io/REPOSITORY``, where the owner is
    named too. ``None`` for a user's site (``OWNER.github.io``, at the root), one with a
    custom domain (a ``CNAME`` file: at its root), or a name that is a folder or page of the site's own
    (``names``, paths from ``root``), which a link to it leads to.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     root = Path(tmp, "web-course-main"); root.mkdir()
    ...     _github_project_path(root, {}, ["index.md"]), _github_project_path(root, {"repository": "ada/x.github.io"}, [])
    ('/web-course', None)
    >>> _github_project_path(Path("web-course"), {"repository": "Ada/web-course"}, [])
    'https://ada.github.io/web-course'
    """
    if _is_file(root / "CNAME"):
        return None
    candidates = [settings.get("repository")]
    git = root / ".git" / "config"
    remote = _read_regular(git, 65536) if _is_file(git) else None
    if isinstance(remote, bytes):
        candidates += _GIT_REMOTE.findall(remote.decode("utf-8", "replace"))
    # the repository's folder: a site GitHub Pages publishes from the docs/ folder of its branch is in it
    folder = root.resolve()
    candidates.append(_ARCHIVE_BRANCH.sub("", (folder.parent if folder.name == "docs" else folder).name))
    for candidate in candidates:
        if not isinstance(candidate, str) or not candidate.strip():
            continue
        owner, _, name = candidate.strip().rpartition("/")
        if not re.fullmatch(r"[A-Za-z0-9._-]+", name) or name.lower().endswith(".github.io"):
            return None
        if any(n == name or n.startswith(name + "/") or posixpath.splitext(n)[0] == name for n in names):
            return None
        # the owner named too: the site's own host, which a link may write out (https://ada.github.io/web-course/x/)
        return f"https://{owner.lower()}.github.io/{name}" if re.fullmatch(r"[A-Za-z0-9-]+", owner) else "/" + name
    return None


#: keys of a Hexo ``_config.yml`` that Jekyll's has not
_HEXO_KEYS = lazy_compile(r"^(?:new_post_name|source_dir|public_dir|render_drafts|post_asset_folder|skip_render)\s*:", re.M)
_HEXO_PACKAGE = lazy_compile(r'"hexo"\s*:')


def _hexo(base: Path) -> tuple[Path, str] | None:
    """The ``_config.yml`` (path and text) of the Hexo site ``base`` is in (or is): a config with Hexo's
    own keys (``new_post_name``, ``source_dir``...), or beside a ``package.json`` that names Hexo."""
    config = _config(_parents(base), _JEKYLL_CONFIGS)
    if config is None:
        return None
    if _HEXO_KEYS.search(config[1]):
        return config
    package = _config([config[0].parent], ("package.json",))
    return config if package is not None and _HEXO_PACKAGE.search(package[1]) else None


def _jekyll_site_below(base: Path) -> tuple[Path, str] | None:
    """The ``_config.yml`` (path and text) of the Jekyll site kept in a top folder of ``base``, a repository
    whose site is one of its folders (jekyll/jekyll's ``docs/``, beside the gem's ``lib/`` and README): a
    config beside a ``_posts/``, ``_layouts/`` or ``_includes/`` folder, or that declares ``collections`` or
    names its ``theme`` (``remote_theme``), as GitHub Pages' theme chooser writes it in ``docs/_config.yml``,
    and no Hexo site's nor a Jupyter Book's (``_toc.yml``). Of several, the first by name; ``None`` for none.

    >>> _jekyll_site_below(Path("content")) is None
    True
    """
    try:  # a folder's entry says it is one (no stat of each file of a flat corpus's root)
        with os.scandir(base) as entries:
            folders = sorted(Path(e.path) for e in entries if not e.name.startswith((".", "_")) and e.is_dir())
    except OSError:
        return None
    for folder in folders:
        config = _config([folder.resolve()], _JEKYLL_CONFIGS)
        if config is None or _HEXO_KEYS.search(config[1]) or _is_file(folder / "_toc.yml"):
            continue
        # or one that names its theme: GitHub Pages' theme chooser writes theme: jekyll-theme-cayman in docs/_config.yml
        if any(_is_dir(folder / site) for site in ("_posts", "_layouts", "_includes")) or \
                re.search(r"^(?:collections|theme|remote_theme)\s*:", config[1], re.M):
            return config
    return None


def _fit_hexo(fields: FieldMap, base: Path, names: Sequence[str], config: Path, text: str) -> tuple[FieldMap, str]:
    """A Hexo site's map: its pages are those of its ``source_dir`` (default ``source/``; the scaffolds,
    themes and README beside it are not), where a folder named ``_...`` is not read but
    ``_posts/``, and ``_drafts/`` is not published. A post is published at the config's ``permalink``
    (default ``:year/:month/:day/:title/``), dated by its ``date`` field, its ``:title`` its path
    below ``_posts/`` read by ``new_post_name``, ``permalink_defaults`` standing for the placeholders it
    does not give (:func:`~qagraph.fields.hexo_post_values`); a page without front matter is
    a page; a ``tags`` or ``categories`` text is one name (a list is several: categories are a
    hierarchy, its top the subject)."""
    settings = _jekyll_settings(text)
    source = str(settings.get("source_dir") or "source").strip().strip("/") or "source"
    below = Path(os.path.relpath(base.resolve(), config.parent)).as_posix()
    prefix = f"{source}/" if below == "." and any(n.startswith(f"{source}/") for n in names) else ""
    permalink = str(settings.get("permalink") or ":year/:month/:day/:title/").strip()
    url = settings.get("url")
    globs = tuple((key, glob.removeprefix("./")) for key in ("include", "exclude", "skip_render")
                  for glob in _jekyll_list(settings, key))
    changes: dict[str, Any] = {
        "content_dir": prefix, "permalink": permalink, "undated_posts": True, "hexo": True, "no_front_matter": "article",
        "keyword_separator": ",", "list_fields": (), "source_globs": globs,
        # {% post_link x %} finds the post whose slug is x, else whose title is
        "alias_fields": (*fields.alias_fields, HEXO_SLUG, TITLE_ALIAS),
        "ignores": _hexo_ignores(base, _jekyll_list(settings, "ignore"))}
    if isinstance(url, str) and "://" in url:
        changes["site_url"] = url.rstrip("/")
    name = settings.get("new_post_name")
    if isinstance(name, str) and name.strip():
        changes["hexo_post_name"] = name.strip()
    given = settings.get("permalink_defaults")
    default = settings.get("default_category")
    changes["hexo_defaults"] = (
        *((str(k), scalar_text(v)) for k, v in (given.items() if isinstance(given, dict) else ())
          if isinstance(v, (str, int, float)) and not isinstance(v, bool)),
        ("category", str(default) if isinstance(default, (str, int, float)) else "uncategorized"))
    mapped = settings.get("category_map")
    changes["hexo_category_map"] = tuple((str(k), str(v)) for k, v in (mapped.items() if isinstance(mapped, dict) else ())
                                         if isinstance(v, (str, int, float)))
    case = settings.get("filename_case")
    changes["hexo_filename_case"] = case if type(case) is int and case in (1, 2) else 0
    pretty = settings["pretty_urls"] if isinstance(settings.get("pretty_urls"), dict) else {}
    changes["hexo_trailing"] = (pretty.get("trailing_index") is not False, pretty.get("trailing_html") is not False)
    notes = [f"pages under {prefix}" if prefix else "", f"posts' urls by permalink {permalink}",
             "pages at their paths as .html" + ("" if changes["hexo_trailing"] == (True, True) else " (pretty_urls)"),
             "not read, as Hexo does not: files and folders named _... (but _posts/"
             + (", and what the config's include names" if any(k == "include" for k, _ in globs) else "") + ")"
             + "".join(f", the config's {key}" for key in ("exclude", "skip_render", "ignore") if settings.get(key))]
    return replace(fields, **changes), "; ".join(n for n in notes if n)


def _hexo_ignores(base: Path, globs: Sequence[str]) -> tuple[tuple[str, str, str], ...]:
    """A Hexo config's ``ignore`` globs as ``FieldMap.ignores``. Hexo matches them against a file's
    or folder's absolute path: a glob that starts with ``**`` (``**/themes/*/foo``) matches below the
    folder read as it does there, one that starts with that folder's absolute path from it; any other
    matches nothing."""
    root = base.resolve().as_posix().rstrip("/") + "/"
    return tuple(("", glob.removeprefix(root) if glob.startswith(root) else glob, "ignore")
                 for glob in globs if glob.startswith(("**", root)))


def hexo_unread(path: str, globs: Sequence[tuple[str, str]]) -> str | None:
    """Why Hexo reads no page from the file ``path`` (below its source folder), or ``None``, as its
    processors decide (``globs``: ``FieldMap.source_globs``, matched as micromatch matches a file's
    path: :func:`_glob_regex` with braces): below ``_posts/``, a file or folder named ``_...`` is no
    post; elsewhere, a file the config's ``exclude`` names is not read (``exclude`` does not apply
    to posts), nor one named ``_...`` or in a folder so named, unless its ``include`` names it (a
    page then, below ``_posts/`` too); a file its ``skip_render`` names is copied as it is, not
    rendered.

    >>> globs = [("include", "{_css,_posts}/**"), ("exclude", "js/*"), ("skip_render", "demo/**")]
    >>> [p for p in ["_posts/_x.md", "js/a.md", "js/b/c.md", "_css/d.md", "_y/z.md", "demo/e.md", "about.md"]
    ...  if hexo_unread(p, globs) is None]
    ['_posts/_x.md', 'js/b/c.md', '_css/d.md', 'about.md']
    >>> hexo_unread("demo/e.md", globs)
    "copied as it is, not rendered (the config's skip_render: demo/**): not a page"
    """
    def named(key: str) -> str | None:
        return next((g for k, g in globs if k == key and _glob_pattern(g, True).fullmatch(path)), None)

    post = path.startswith("_posts/")
    hidden = next((part for part in path.removeprefix("_posts/").split("/") if part.startswith("_")), None)
    page = not post or hidden is not None  # what the page processor reads: no post
    if hidden and named("include") is None:
        return (f"{hidden} starts with _: Hexo reads no post from it" if post else
                f"{hidden} starts with _: Hexo does not read it (only _posts/, and what the config's include names)")
    if page and (pattern := named("exclude")) is not None:
        return f"excluded by the site's config (exclude: {pattern}): not a page"
    if (pattern := named("skip_render")) is not None:
        return f"copied as it is, not rendered (the config's skip_render: {pattern}): not a page"
    return None


def _just_the_docs(settings: Mapping[Any, Any], s: _Sample) -> bool:
    """Whether a Jekyll site is built with the Just the Docs theme, whose pages name their parent page by its
    title (``parent: UI Components``): its config says so (``theme: just-the-docs``, ``remote_theme:
    just-the-docs/just-the-docs``), or the sampled pages write its ``parent`` with its ``has_children``,
    ``grand_parent`` or ``nav_order`` (the theme's own site and its forks, which keep the theme's files)."""
    theme = " ".join(str(settings.get(key) or "") for key in ("theme", "remote_theme"))
    return "just-the-docs" in theme.lower() or bool(s.keys["parent"]) and bool(
        s.keys["has_children"] or s.keys["grand_parent"] or s.keys["nav_order"])


def _just_the_docs_collections(settings: Mapping[Any, Any], fields: FieldMap) -> tuple[tuple[str, str], ...]:
    """The names a Just the Docs site's sidebar heads its collections' pages with, as its config's
    ``just_the_docs: collections: docs: name: Documentation`` names them (the theme's nav shows the name
    above the collection's pages), as ``(folder, name)`` pairs for
    :attr:`~qagraph.fields.FieldMap.folder_labels` (``("_docs", "Documentation")``): the label of the
    subject a document at the top of the collection is filed under. Only the collections Jekyll outputs."""
    theme = settings.get("just_the_docs")
    named = theme.get("collections") if isinstance(theme, dict) else None
    if not isinstance(named, dict):
        return ()
    outputs = {entry.partition("=")[0].rstrip("/").rpartition("/")[2] for entry in fields.collections}
    return tuple((f"_{label}", name.strip()) for label, value in named.items()
                 if isinstance(value, dict) and isinstance(name := value.get("name"), str) and name.strip()
                 and f"_{label}" in outputs)


def _just_the_docs_nav(base: Path, names: Sequence[str], fields: FieldMap) -> tuple[
        tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """A Just the Docs site's navigation, as its sidebar and breadcrumbs show it: each page below a
    top-level page is filed under that page's title (``(page, title)`` pairs for
    :attr:`~qagraph.fields.FieldMap.toc_subjects`, the page's path without suffix, the top-level page's
    own too), and links to the pages above it, its parent, grandparent and on up, as its breadcrumbs do
    (``(page, ancestor's path)`` pairs, nearest first, for :attr:`~qagraph.fields.FieldMap.nav_parents`); and a
    page with pages below it links to each of them, as the table of its children the theme shows below it does
    (``(page, child's path)`` pairs, by ``nav_order``, then title, for
    :attr:`~qagraph.fields.FieldMap.nav_children`; none for a page that says ``has_toc: false``).

    A page's ``parent`` is the title of its parent page, among the pages of its own collection (the
    site's other pages being one more): the theme reads each collection's titles apart. Of several pages
    so titled, the one whose own ``parent`` is the page's ``grand_parent`` is meant, else the one below
    its ``ancestor``; a title that still names several pages, or none, names no parent (the theme shows
    the page in no one's place). A top-level page with no page below it is in no part of the navigation."""
    collections = tuple(fields.collections_dir + entry.partition("=")[0] + "/" for entry in fields.collections)
    pages: dict[str, dict[str, str]] = {}
    for name in names:
        if not name.lower().endswith((*fields.suffixes, ".html")) or any(
                name.startswith(f"{folder.strip('/')}/") or f"/{folder.strip('/')}/" in f"/{name}"
                for folder in fields.skip_folders) or any(
                fnmatch.fnmatch(name, pattern.rstrip("/")) or name.startswith(pattern.rstrip("/") + "/")
                for pattern in fields.exclude):
            continue
        space = next((c for c in collections if name.startswith(c)), "")
        if any(part[:1] in "._" for part in name[len(space):].split("/")):
            continue  # a partial, a draft, an unpublished collection: no page of the navigation
        head = _read_head(base / name)
        text = decode(name, head) if head is not None else None
        fm = read_front_matter(name, text) if isinstance(text, str) else None
        if fm is None or isinstance(fm, Problem) or fm.data.get("published") is False:
            continue  # Jekyll publishes no page of it, to place others under
        found = {key: str(value).strip() for key in ("title", "parent", "grand_parent", "ancestor", "nav_order")
                 if isinstance(value := fm.data.get(key), (str, int, float)) and not isinstance(value, bool)}
        found["space"] = space
        found["toc"] = "no" if fm.data.get("has_toc") is False else ""
        pages[name] = found
    titled: dict[tuple[str, str], list[str]] = {}
    for name, data in pages.items():
        if data.get("title"):
            titled.setdefault((data["space"], data["title"]), []).append(name)
    parents: dict[str, str | None] = {}

    def chain(page: str) -> list[str]:  # the page's ancestors, nearest first (a loop stops where it closes)
        found: list[str] = []
        name = page
        while (name := parent(name) or "") and name != page and name not in found:
            found.append(name)
        return found

    def parent(name: str) -> str | None:
        if name in parents:
            return parents[name]
        parents[name] = None  # while it is looked for: a loop of parents names none
        data = pages[name]
        named = [n for n in titled.get((data["space"], data.get("parent", "")), []) if n != name]
        if len(named) > 1 and data.get("grand_parent"):
            named = [n for n in named if pages[n].get("parent") == data["grand_parent"]]
        if len(named) > 1 and data.get("ancestor"):
            named = [n for n in named if any(pages[a].get("title") == data["ancestor"] for a in chain(n))]
        parents[name] = named[0] if len(named) == 1 else None
        return parents[name]

    subjects: list[tuple[str, str]] = []
    links: list[tuple[str, str]] = []
    above = set()
    for name in sorted(pages):
        ancestors = chain(name)
        above.update(ancestors)
        links += [(name, ancestor) for ancestor in ancestors]
        if ancestors and not pages[ancestors[-1]].get("parent"):
            subjects.append((name.rsplit(".", 1)[0], pages[ancestors[-1]]["title"]))
    # a top-level page is one with no parent: one whose parent names no page (or several) is in no one's place
    subjects += [(name.rsplit(".", 1)[0], pages[name]["title"]) for name in sorted(above) if not pages[name].get("parent")]

    def order(name: str) -> tuple[int, float, str, str]:  # the theme's: by nav_order (numbers first), then title
        written = pages[name].get("nav_order", "")
        try:
            return 0, float(written), "", pages[name].get("title", "")
        except ValueError:
            return 1 if written else 2, 0.0, written, pages[name].get("title", "")

    children = [(parent(name), name) for name in sorted(pages, key=order) if parent(name)]
    below = [(page, child) for page, child in children if page and not pages[page]["toc"]]
    return tuple(sorted(subjects)), tuple(links), tuple(sorted(below, key=lambda pair: pair[0]))


def _second_document(text: str) -> int | None:
    """The line of the ``---`` that starts a YAML config's second document (one with settings before it,
    or after it when the first is empty, a config written as front matter), or ``None``."""
    import yaml

    try:
        for at, event in enumerate(yaml.parse(text, Loader=_any_tags_loader())):
            if isinstance(event, yaml.DocumentStartEvent) and at > 1 and event.start_mark is not None:
                line = event.start_mark.line  # settings after it, not a lone closing ---
                return line + 1 if any(rest.strip() and not rest.lstrip().startswith("#")
                                       for rest in text.splitlines()[line + 1:]) else None
    except yaml.YAMLError:
        return None
    return None


def _jekyll_settings(config: str, first: bool = False) -> dict[Any, Any]:
    """A Jekyll ``_config.yml``'s settings; none when it cannot be read. ``first``: those of its first YAML
    document, as Jekyll reads them (:func:`_yaml_first_document`)."""
    try:
        settings = _parsed(config, _yaml_first_document if first else _yaml_settings)
    except ValueError:  # not YAML, a number of 5,000 digits, nesting deeper than Python recurses
        return {}
    return settings if isinstance(settings, dict) else {}


#: the plugins GitHub Pages runs (the github-pages gem's defaults and whitelist): a Jekyll site that lists another
#: is built by its own Jekyll, without GitHub Pages' jekyll-optional-front-matter unless it lists that one too
_GITHUB_PAGES_PLUGINS = frozenset((
    "github-pages", "jekyll-avatar", "jekyll-coffeescript", "jekyll-commonmark-ghpages", "jekyll-default-layout",
    "jekyll-feed", "jekyll-gist", "jekyll-github-metadata", "jekyll-include-cache", "jekyll-mentions",
    "jekyll-optional-front-matter", "jekyll-paginate", "jekyll-readme-index", "jekyll-redirect-from",
    "jekyll-relative-links", "jekyll-remote-theme", "jekyll-seo-tag", "jekyll-sitemap", "jekyll-titles-from-headings",
    "jemoji"))


def _github_pages_build(root: Path, unlisted: Sequence[str]) -> bool:
    """Whether the Jekyll site at ``root`` is one GitHub Pages builds, with the plugins it always runs
    (jekyll-titles-from-headings among them): its Gemfile names the github-pages gem, which brings them
    wherever it is built; or it has no Gemfile (nothing to build it with but GitHub Pages' own) and lists no
    plugin GitHub Pages does not run (``unlisted``). A Gemfile without the gem is a site built by its own
    Jekyll, which runs only the plugins it lists."""
    if _github_pages_gem(root):
        return True
    return not unlisted and not any(_is_file(root / name) for name in ("Gemfile", "gems.rb"))


def _github_pages_gem(root: Path) -> bool:
    """Whether the Gemfile of the Jekyll site at ``root`` names the github-pages gem, which brings GitHub Pages'
    plugins (jekyll-optional-front-matter among them) wherever the site is built."""
    gemfile = root / "Gemfile"
    data = _read_regular(gemfile, MAX_DATA_FILE) if _is_file(gemfile) else None
    return isinstance(data, bytes) and re.search(rb"""^\s*gem\s*\(?\s*["']github-pages["']""", data, re.M) is not None


#: how many of a Jekyll site's root files with front matter make its root the folder of its pages (and
#: how many times those without, the repository's own files left aside: :func:`_root_of_pages`)
_ROOT_PAGES = 10
_ROOT_PAGES_SHARE = 2


def _root_of_pages(base: Path, names: Sequence[str], suffixes: Sequence[str]) -> bool:
    """Whether the root of the Jekyll site at ``base`` is where its pages are, as a cheat-sheet collection's
    sheets (devhints' ``bash.md``, ``vim.md``...): at least :data:`_ROOT_PAGES` of its Markdown files there
    start with front matter, :data:`_ROOT_PAGES_SHARE` times as many as those without (a repository's own
    files, README, LICENSE..., left aside). A site whose root holds an index, an about page and the
    repository's notes (a CHANGELOG) is not: those notes are no pages of it."""
    paged = bare = 0
    for name in names:
        if "/" in name or not name.lower().endswith(tuple(suffixes)):
            continue
        if posixpath.splitext(name)[0].upper() in REPOSITORY_FILES:
            continue
        data = _read_regular(base / name, 512)
        if not isinstance(data, bytes):
            continue
        if re.match(rb"(?:\xef\xbb\xbf)?---[ \t]*\r?\n", data):
            paged += 1
        else:
            bare += 1
    return paged >= _ROOT_PAGES and paged >= _ROOT_PAGES_SHARE * bare


#: jekyll-archives' permalinks by the archive its ``enabled`` list names, as the plugin has them by default
_JEKYLL_ARCHIVES = {"year": "/:year/", "month": "/:year/:month/", "day": "/:year/:month/:day/",
                    "tags": "/tag/:name/", "categories": "/category/:name/"}
#: what each of an archive permalink's placeholders stands for in a url
_JEKYLL_ARCHIVE_PARTS = {":name": r"[^/#?]+", ":year": r"\d{4}", ":month": r"\d{2}", ":day": r"\d{2}"}


def _jekyll_archives(settings: Mapping[Any, Any], terms: bool = False) -> str:
    r"""The site paths of the listing pages jekyll-archives makes, as a regular expression (``""``: none):
    the archives its ``enabled`` list names (or ``all``), at its ``permalinks`` over the plugin's defaults;
    with ``terms``, only its tags' and categories' pages, each ``:name`` a group (``k0`` for tags, read as
    keywords, ``s1`` for categories, read as subjects: ``FieldMap.listing_terms``).

    >>> _jekyll_archives({"jekyll-archives": {"enabled": ["tags"], "permalinks": {"tag": "/tags/:name/"}}})
    '/tags/[^/#?]+'
    >>> _jekyll_archives({"jekyll-archives": {"enabled": "all"}}).split("|")[0], _jekyll_archives({})
    ('/\\d{4}', '')
    >>> _jekyll_archives({"jekyll-archives": {"enabled": ["year", "tags", "categories"]}}, terms=True)
    '/tag/(?P<k0>[^/#?]+)|/category/(?P<s1>[^/#?]+)'
    """
    archives = settings.get("jekyll-archives")
    if not isinstance(archives, Mapping):
        return ""
    enabled = archives.get("enabled")
    kinds = list(_JEKYLL_ARCHIVES) if enabled == "all" or isinstance(enabled, list) and "all" in enabled else [
        k for k in (enabled if isinstance(enabled, list) else []) if k in _JEKYLL_ARCHIVES]
    permalinks = archives.get("permalinks")
    given: Mapping[Any, Any] = permalinks if isinstance(permalinks, Mapping) else {}
    patterns: list[str] = []
    for kind in kinds:
        if terms and kind not in ("tags", "categories"):
            continue
        written = given.get({"tags": "tag", "categories": "category"}.get(kind, kind))
        pattern = written.strip() if isinstance(written, str) and written.strip() else _JEKYLL_ARCHIVES[kind]
        pattern = "/" + pattern.strip("/")
        pattern = re.sub(r":(?:name|year|month|day)\b", lambda m: _JEKYLL_ARCHIVE_PARTS[m.group(0)],
                         re.escape(pattern).replace("\\:", ":").replace(":name", "\0", 1) if terms else
                         re.escape(pattern).replace("\\:", ":"))
        group = f"{'k' if kind == 'tags' else 's'}{len(patterns)}"
        patterns.append(pattern.replace("\0", f"(?P<{group}>{_JEKYLL_ARCHIVE_PARTS[':name']})"))
    return "|".join(patterns)


def _jekyll_list(settings: Mapping[Any, Any], key: str) -> tuple[str, ...]:
    """A list setting of a Jekyll config (``exclude``, ``include``): its texts, a lone text as one."""
    value = settings.get(key)
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
    return tuple(str(v) for v in items if isinstance(v, (str, int, float)) and str(v).strip())


def _jekyll_unread(names: Sequence[str], published: Sequence[str], included: Sequence[str]) -> tuple[str, ...]:
    """The folders named ``_...`` that Jekyll does not read, among the folders of ``names``: all but
    ``_posts``, the collections it outputs (``published``: ``folder=permalink``), those the
    config's ``include`` names and the site folders every Jekyll site skips.

    >>> _jekyll_unread(["_posts/a.md", "_notes/b.md", "_pages/c.md", "_recipes/d.md", "x/_drafts/e.md"],
    ...                ["_recipes=/r/:name/"], ["_pages"])
    ('_notes',)
    """
    kept = {"_posts", *(e.partition("=")[0].rpartition("/")[2] for e in published),
            *(i.strip("/").rpartition("/")[2] for i in included)}
    found = {part for name in names for part in name.split("/")[:-1] if part.startswith("_")}
    return tuple(sorted(found - kept - set(_JEKYLL_SITE_FOLDERS)))


#: a README, and a folder's index, as jekyll-readme-index finds them: by name, in any case, with a Markdown suffix
#: (its readme_regex), and by its url (INDEX_URL_REGEX: index.html, .htm, .xhtml, .xml, or a Markdown page's)
_README = lazy_compile(r"readme\.(?:md|markdown|mkdown|mkdn|mkd)", re.I)
_INDEX_FILE = lazy_compile(r"index\.(?:md|markdown|mkdown|mkdn|mkd|html?|xhtml|xml)", re.I)


def _readme_indexes(base: Path, names: Sequence[str]) -> tuple[str, ...]:
    """The README files among ``names`` (paths from ``base``) that jekyll-readme-index makes their
    folders' index pages: those in a folder without an index file (a page or a copied file of its own,
    ``index.md``, ``index.html``), the first by name where a folder holds several.

    >>> import tempfile; site = Path(tempfile.mkdtemp())
    >>> for name in ("README.md", "index.html", "docs/README.md", "docs/api/Readme.markdown", "docs/api/README.md"):
    ...     (site / name).parent.mkdir(parents=True, exist_ok=True); _ = (site / name).write_text("x")
    >>> _readme_indexes(site, ["README.md", "docs/README.md", "docs/api/Readme.markdown", "docs/api/README.md"])
    ('docs/README.md', 'docs/api/README.md')
    """
    found: dict[str, str] = {}
    for name in sorted(names):
        folder, _, file_name = name.rpartition("/")
        if _README.fullmatch(file_name) and folder not in found:
            found[folder] = name
    indexes = []
    for folder, name in found.items():
        try:
            files = os.listdir(base / folder) if folder else os.listdir(base)
        except OSError:
            files = []
        if not any(_INDEX_FILE.fullmatch(f) for f in files):
            indexes.append(name)
    return tuple(indexes)


def _jekyll_defaults(settings: Mapping[Any, Any]) -> tuple[tuple[str, str, str], ...]:
    """A Jekyll config's front matter defaults (``settings``: :func:`_jekyll_settings`), as
    ``FieldMap.defaults``: each scope's path, type and values (JSON); a scope without values is none.

    >>> _jekyll_defaults(_jekyll_settings("defaults:\\n  - scope: {path: blog, type: posts}\\n    values: {tags: [a]}\\n"
    ...                                   "  - values: {layout: default}\\n  - scope: {path: x}\\n"))
    (('blog', 'posts', '{"tags": ["a"]}'), ('', '', '{"layout": "default"}'))
    >>> _jekyll_defaults(_jekyll_settings("collections_dir: site\\ndefaults:\\n  - scope: {path: site/_docs}\\n    values: {x: 1}\\n"))
    (('_docs', '', '{"x": 1}'),)
    """
    found = settings.get("defaults")
    where = settings.get("collections_dir")
    # a scope written through the collections_dir is a collection's path, as a document's is (Jekyll's
    # strip_collections_dir): site/_notes is _notes
    inside = where.strip("/ ") + "/" if isinstance(where, str) and where.strip("/ ") else None
    kept = []
    for entry in found if isinstance(found, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
            continue
        scope = entry.get("scope")
        scope = scope if isinstance(scope, dict) else {}
        path, kind = scope.get("path"), scope.get("type")
        path = path.strip().strip("/").removeprefix("./") if isinstance(path, str) else ""
        kept.append((path.removeprefix(inside) if inside else path, str(kind) if isinstance(kind, str) else "",
                     json.dumps(entry["values"], default=str)))
    return tuple(kept)


def _jekyll_authors(root: Path) -> tuple[tuple[str, str], ...]:
    """The names a Jekyll site's ``_data/authors.yml`` gives its authors' keys, as ``(key, name)``:
    each author with a ``name`` (Chirpy's and Minimal Mistakes' posts name their author by the key)."""
    data = _jekyll_data(root, "authors")
    if not isinstance(data, dict):
        return ()
    return tuple((str(key), shown) for key, author in data.items() if (shown := _author_name(author)))


def _jekyll_site_author(settings: Mapping[Any, Any], authors: Mapping[str, str]) -> str | None:
    """The author a Jekyll site's pages are by when they name none: the config's ``author``, as
    jekyll-seo-tag falls back on it (a name, a key of ``_data/authors.yml``, given as ``authors``, or a
    mapping's ``name``); else, on a Chirpy site, ``social: name``, its posts' byline.

    >>> _jekyll_site_author({"author": {"name": "Ann Lee"}}, {}), _jekyll_site_author({"author": "ann"}, {"ann": "Ann Lee"})
    ('Ann Lee', 'Ann Lee')
    >>> _jekyll_site_author({"theme": "jekyll-theme-chirpy", "social": {"name": "Bo"}}, {}), _jekyll_site_author({}, {})
    ('Bo', None)
    """
    author = settings.get("author")
    if isinstance(author, str) and author.strip():
        return authors.get(author.strip(), author.strip())
    if isinstance(author, dict) and (name := _author_name(author)):
        return name
    themes = " ".join(t for t in (settings.get("theme"), settings.get("remote_theme")) if isinstance(t, str))
    social = settings.get("social")
    name = social.get("name") if isinstance(social, dict) and "chirpy" in themes.lower() else None
    return name.strip() if isinstance(name, str) and name.strip() else None


def _jekyll_posts_permalink(settings: Mapping[Any, Any]) -> str | None:
    """The permalink a Jekyll config gives its posts in ``collections: posts: permalink:``
    (``settings``: :func:`_jekyll_settings`), which Jekyll takes over the site's ``permalink``
    for posts; ``None`` when it gives none.

    >>> _jekyll_posts_permalink(_jekyll_settings("permalink: pretty\\ncollections:\\n  posts:\\n    permalink: /news/:year/:title/\\n"))
    '/news/:year/:title/'
    >>> _jekyll_posts_permalink(_jekyll_settings("collections:\\n  - posts\\n")), _jekyll_posts_permalink({})
    (None, None)
    """
    found = settings.get("collections")
    posts = found.get("posts") if isinstance(found, dict) else None
    given = posts.get("permalink") if isinstance(posts, dict) else None
    return given.strip() if isinstance(given, str) and given.strip() else None


def _jekyll_collections(settings: Mapping[Any, Any]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A Jekyll config's collections (``settings``: :func:`_jekyll_settings`): those it outputs, as
    ``folder=permalink pattern`` (``fields.FieldMap.collections``), and the folders of those it does
    not (``output`` is false by default: their documents are data, not pages). ``posts`` is Jekyll's own.

    >>> _jekyll_collections(_jekyll_settings("collections:\\n  recipes:\\n    output: true\\n    permalink: /r/:name/\\n"
    ...                                      "  authors:\\n    output: false\\n"))
    (('_recipes=/r/:name/',), ('_authors',))
    """
    found = settings.get("collections")
    where = str(settings.get("collections_dir") or "").strip("/")
    prefix = f"{where}/" if where else ""
    if isinstance(found, list):
        found = {str(name): {} for name in found}
    if not isinstance(found, dict):
        return (), ()
    published, unpublished = [], []
    for name, options in found.items():
        if str(name) == "posts":
            continue
        options = options if isinstance(options, dict) else {}
        folder = f"{prefix}_{name}"
        if options.get("output") is True:
            published.append(f"{folder}={options.get('permalink') or ''}")
        else:
            unpublished.append(f"_{name}")  # skip_folders names folders, at any depth
    return tuple(published), tuple(unpublished)


_LOGSEQ_CONFIG = "logseq/config.edn"
#: Logseq's defaults: where journal pages are, how their files are named, how they are titled
_LOGSEQ_JOURNALS = ("journals", "yyyy_MM_dd", "MMM do, yyyy")


def _edn_text(config: str, *keys: str) -> str | None:
    """The text of the first of ``keys`` a Logseq ``config.edn`` sets (not in a ``;`` comment).

    >>> _edn_text(';; :journal/page-title-format "yyyy-MM-dd"\\n :journal/page-title-format "EEEE, dd.MM.yyyy"',
    ...           ":journal/page-title-format")
    'EEEE, dd.MM.yyyy'
    """
    for key in keys:
        m = re.search(rf'^[^;\n]*?{re.escape(key)}\s+"([^"\n]*)"', config, re.M)
        if m:
            return m.group(1)
    return None


#: the format a Logseq graph names its pages' files in (``:file/name-format :triple-lowbar``)
_LOGSEQ_NAME_FORMAT = lazy_compile(r"^[^;\n]*?:file/name-format\s+:([\w-]+)", re.M)


def _logseq_legacy_names(base: Path) -> bool:
    """Whether a Logseq graph names its pages' files in Logseq's ``:legacy`` format, its default: its
    ``logseq/config.edn`` sets no other ``:file/name-format`` (not in a ``;`` comment); a graph made
    since Logseq 0.8.9 says ``:triple-lowbar``.

    >>> bool(_LOGSEQ_NAME_FORMAT.search(";; :file/name-format :triple-lowbar\\n"))
    False
    """
    found = _config([base.resolve()], (_LOGSEQ_CONFIG,))
    m = _LOGSEQ_NAME_FORMAT.search(found[1]) if found else None
    return m is None or m.group(1) != "triple-lowbar"


#: where a Logseq graph's hidden paths come from: its ``config.edn``'s ``:hidden``
_LOGSEQ_HIDDEN = ":hidden"
#: a string of an EDN value, and a ``;`` comment (to the end of its line), which holds none
_EDN_STRING = lazy_compile(r'"((?:[^"\\]|\\.)*)"|;[^\n]*')


def _logseq_hidden(base: Path) -> tuple[str, ...]:
    """The paths a Logseq graph's ``logseq/config.edn`` hides (``:hidden ["/archived" "README.md"]``, not
    in a ``;`` comment): Logseq reads no file whose path in the graph starts with one of them
    (:func:`_glob_ignores`).

    >>> import tempfile
    >>> graph = Path(tempfile.mkdtemp())
    >>> _ = (graph / "logseq").mkdir(), (graph / _LOGSEQ_CONFIG).write_text(
    ...     ';; :hidden ["/archived"]\\n :hidden [\\n "README.md", ; not a page\\n "/drafts"]\\n')
    >>> _logseq_hidden(graph)
    ('README.md', '/drafts')
    """
    found = _config([base.resolve()], (_LOGSEQ_CONFIG,))
    m = re.search(r"^[^;\n]*?:hidden\s*(?:\[|#\{|\()", found[1], re.M) if found else None
    if found is None or m is None:
        return ()
    paths, pos, config = [], m.end(), found[1]
    while (item := _EDN_STRING.search(config, pos)) is not None:
        if re.search(r"[\]})]", config[pos:item.start()]):  # the end of the vector
            break
        if item.group(1) is not None and item.group(1).strip():
            paths.append(item.group(1).replace('\\"', '"').replace("\\\\", "\\"))
        pos = item.end()
    return tuple(paths)


def _logseq_journals(base: Path) -> tuple[str | None, str | None, str]:
    """Where a Logseq graph's journal pages are and how their files are named (``journals/yyyy_MM_dd``),
    the pattern Logseq titles them by (``MMM do, yyyy``: ``Jan 5th, 2024``, which ``[[Jan 5th, 2024]]``
    reaches), from its ``logseq/config.edn`` or Logseq's defaults, and a note saying so. A pattern
    this reader cannot write (a letter other than y, M, d, E) leaves journals titled by their file names."""
    found = _config([base.resolve()], (_LOGSEQ_CONFIG,))
    config = found[1] if found else ""
    folder = (_edn_text(config, ":journals-directory") or _LOGSEQ_JOURNALS[0]).strip().strip("/")
    files = _edn_text(config, ":journal/file-name-format") or _LOGSEQ_JOURNALS[1]
    title = _edn_text(config, ":journal/page-title-format", ":date-formatter") or _LOGSEQ_JOURNALS[2]
    if format_date(_dt.date(2024, 1, 5), title) is None or parse_date(
            format_date(_dt.date(2024, 1, 5), files) or "", files) is None:
        return None, None, f"journal pages titled by their file names (date formats {files!r}, {title!r} not read)"
    return f"{folder}/{files}", title, f"journal pages ({folder}/) titled as dates ({title})"
_NOTION_FILE = lazy_compile(r" [0-9a-f]{32}\.(?:md|markdown)$")
#: the most of a Joplin raw export's item read: its properties are at its end (a note's text above them)
MAX_JOPLIN_ITEM = 4 * 1024 * 1024


def _joplin_export(base: Path, names: Sequence[str]) -> tuple[int, dict[str, str], dict[str, list[str]], list[str]] | None:
    """A Joplin raw export's items (most of ``names`` are ``<id>.md``, the id of 32 hexadecimal digits, and
    most of those end with a Joplin item's properties, :func:`~qagraph.frontmatter.joplin_item`): how many
    notes, the notebooks' titles by id, each tagged note's tags' titles (by the note's id, in the order of its
    tags' items), and the resources' ids; ``None`` for any other folder. The items that are no notes are read
    as the site's own files (:func:`_read_regular`), so that renaming a notebook or tagging a note builds anew."""
    items = [n for n in names if JOPLIN_ID.match(n.rpartition("/")[2].rsplit(".", 1)[0])]
    if not items or len(items) * 2 < len(names):
        return None
    notes, kinds = 0, Counter[str]()
    notebooks: dict[str, str] = {}
    tag_titles: dict[str, str] = {}
    given: list[tuple[str, str]] = []
    resources: list[str] = []
    for name in sorted(items):
        data, _ = _read_file(base / name, MAX_JOPLIN_ITEM)
        text = decode(name, data) if isinstance(data, bytes) else None
        item = joplin_item(text) if isinstance(text, str) else None
        if item is None:
            continue
        kind = item.data["type_"]
        kinds[kind] += 1
        if kind == "1":
            notes += item.data.get("deleted_time", "0") in ("", "0")  # one in the trash is none of a notebook's
            continue
        _read_regular(base / name, MAX_JOPLIN_ITEM)  # a notebook's, tag's or resource's: noted
        if kind == "2":
            notebooks[item.data["id"]] = item.data["title"]
        elif kind == "4":
            resources.append(item.data["id"])
        elif kind == "5":
            tag_titles[item.data["id"]] = item.data["title"]
        elif kind == "6":
            given.append((str(item.data.get("note_id", "")), str(item.data.get("tag_id", ""))))
    if sum(kinds.values()) * 2 < len(items):
        return None
    tags: dict[str, list[str]] = {}
    for note, tag in given:
        if tag in tag_titles and tag_titles[tag] not in tags.setdefault(note, []):
            tags[note].append(tag_titles[tag])
    return notes, notebooks, {n: t for n, t in tags.items() if t}, resources


def _fit_joplin(fields: FieldMap, notes: int, notebooks: Mapping[str, str], tags: Mapping[str, list[str]],
                resources: Sequence[str]) -> tuple[FieldMap, str]:
    """A Joplin raw export's map (:func:`_joplin_export`): each item's properties are its front matter, a note
    titled by its first line, dated by its creation, filed under its notebook and tagged as Joplin shows it; the
    other items (notebooks, tags, resources' metadata) are no notes."""
    fields = replace(fields, joplin=True, joplin_notebooks=tuple(sorted(notebooks.items())),
                     joplin_tags=tuple(sorted((note, tuple(t)) for note, t in tags.items())),
                     joplin_resources=tuple(sorted(resources)), title=("title",), title_fallback=("file-name",),
                     subject=("notebook",), subject_from=("field", "folder"), keywords=("tags",), list_fields=("tags",),
                     date=("user_created_time", "created_time"), url=(), id=(), description=(),
                     no_front_matter="article", inline_tags=False)
    counts = {"note": notes, "notebook": len(notebooks), "tag": len({t for tagged in tags.values() for t in tagged})}
    return fields, ("a Joplin raw export (" + ", ".join(f"{n} {what}{'s' if n != 1 else ''}" for what, n in counts.items())
                    + "): a note's properties at its end, "
                    "its title its first line; notebooks, tags and resources are no notes")


def _fit_notion(fields: FieldMap) -> tuple[FieldMap, str]:
    """A Notion export's map: a database row's properties (``Tags: a, b`` under its ``# Title``) are its
    front matter, not its text; a select or multi-select (``Category``, ``Tags``) is comma-separated, and
    commas are in no option's name; a row's subject is its subject property, else its folder; ``URL``
    (a bookmark's link) is no identity of a page."""
    fields = replace(fields, notion_properties=True, keyword_separator=",", url=(),
                     list_fields=tuple(dict.fromkeys((*fields.list_fields, *fields.subject))),
                     subject_from=("field", *(x for x in fields.subject_from if x != "field")),
                     date=("date", "created", "created time"))
    return fields, ("properties (Key: value under the title) read: subject from " + ", ".join(fields.subject)
                    + ", keywords from " + ", ".join(fields.keywords))


#: where an Obsidian vault's settings name its templates folder: the core Templates plugin's, Templater's
_OBSIDIAN_TEMPLATES = ((".obsidian/templates.json", "folder"),
                       (".obsidian/plugins/templater-obsidian/data.json", "templates_folder"))


def _js_list(config: str, key: str) -> tuple[str, ...]:
    """The texts of a list setting of a JavaScript config, read from its text (the config is a
    program: it is not run): its strings, each to its own closing quote (a backslash escapes), to the
    ``]`` outside them; what is not a string (a variable, a spread) is passed over.

    >>> _js_list('ignorePatterns: ["private", `templates`, \\'**/*.draft.md\\'],', "ignorePatterns")
    ('private', 'templates', '**/*.draft.md')
    >>> _js_list("srcExclude: ['**/[Dd]rafts/**', \\"Bob's notes\\", 'it\\\\'s'], x: ['y']", "srcExclude")
    ('**/[Dd]rafts/**', "Bob's notes", "it's")
    """
    found = re.search(rf"""(?<![\w$.])["']?{re.escape(key)}["']?\s*:\s*\[""", config)
    return _js_strings(config, found.end()) if found else ()


def _js_strings(config: str, i: int) -> tuple[str, ...]:
    """The non-empty strings of the JavaScript list whose items begin at ``i``, to the ``]`` outside them."""
    texts: list[str] = []
    while i < len(config) and config[i] != "]":
        if config[i] in "\"'`":
            text, i = _js_string(config, i)
            texts.append(text)
        else:
            i += 1
    return tuple(t for t in texts if t)


def _js_string(code: str, start: int) -> tuple[str, int]:
    """The text of the JavaScript string whose quote is at ``start`` (``\\x`` read as ``x``), and
    where the code goes on after it."""
    quote, out, i = code[start], [], start + 1
    while i < len(code) and code[i] != quote:
        i += code[i] == "\\"
        out.append(code[i:i + 1])
        i += 1
    return "".join(out), i + 1


def _vault_below(base: Path, names: Sequence[str] = ()) -> str | None:
    """The one folder of ``base`` that is an Obsidian vault (it holds ``.obsidian/``) where ``base`` is
    none: a repository that keeps its vault in a folder beside its README and its CI files. ``None``
    for none, or for two or more (a vault each, read as one folder of notes), or for one language's
    vault of a repository of several (:func:`_language_vaults` of the notes ``names``: a translator who
    opened ``en/`` as a vault, as the help repository asks, gave it an ``.obsidian/``): all are read."""
    try:
        with os.scandir(base) as entries:
            folders = [e.name for e in entries if not e.name.startswith(".") and e.is_dir()]
    except OSError:
        return None
    vaults = [f for f in folders if _is_dir(base / f / ".obsidian")]
    found = vaults[0] if len(vaults) == 1 and not _is_dir(base / ".obsidian") else None
    return None if found is not None and found in _language_vaults(names) else found


#: a Quartz site's config: Quartz 4's program, Quartz 5's YAML (its settings under ``configuration:``)
_QUARTZ_CONFIGS = ("quartz.config.ts", "quartz.config.js", "quartz.config.yaml", "quartz.config.yml")


def _quartz_config(base: Path, names: Sequence[str]) -> tuple[Path, str] | None:
    """A Quartz site's config at ``base``, beside a ``content/`` (the vault it publishes), or above
    ``base`` when it is that content (:func:`_quartz_site`): its path and text; ``None`` for no such site."""
    site = _quartz_site(base, names)
    return site[0] if site is not None else None


def _quartz_site(base: Path, names: Sequence[str]) -> tuple[tuple[Path, str], str, str] | None:
    """A Quartz site's config (path and text) and where ``base`` is in it: the folder of its notes
    below ``base`` (``content/``: ``base`` is the site) and ``base``'s folder below the site's content
    (``""``; ``notes/`` for ``-c site/content/notes``). ``base`` is the site's content where its parent
    holds the config: its ``content/``, or the folder ``npx quartz build -d docs`` reads (Quartz's own
    ``docs/``, read from the repository too where its ``content/`` holds no note); or a folder of
    ``content/`` beside the config. ``None`` for no such site."""
    resolved = base.resolve()
    config = _config([resolved], _QUARTZ_CONFIGS)
    if config is not None:
        if any(n.startswith("content/") for n in names):
            return config, "content/", ""
        # Quartz's own repository: content/ empty, its site (quartz.jzhao.xyz) built from docs/ (-d docs)
        return (config, "docs/", "") if any(n.startswith("docs/") for n in names) else None
    if not names:
        return None
    config = _config([resolved.parent], _QUARTZ_CONFIGS)
    if config is not None:
        return config, "", ""
    config = _config([resolved.parent.parent], _QUARTZ_CONFIGS) if resolved.parent.name == "content" else None
    return (config, "", f"{resolved.name}/") if config is not None else None


def _quartz_filters(config: str) -> tuple[bool, bool]:
    """Which of Quartz's filters a site's config (its text, comments left out) turns on: ``ExplicitPublish``
    (a note is published only when its ``publish`` is true) and ``RemoveDrafts`` (a ``draft: true`` note is
    not), the one Quartz's own config has; a config that names no filters is taken to keep that one.

    >>> _quartz_filters("filters: [Plugin.ExplicitPublish()],"), _quartz_filters("configuration: {}")
    ((True, False), (False, True))
    """
    explicit = re.search(r"\bExplicitPublish\s*\(", config) is not None
    drafts = re.search(r"\bRemoveDrafts\s*\(", config) is not None
    return explicit, drafts or not (explicit or re.search(r"\bfilters\s*:", config))


def _quartz(base: Path, names: Sequence[str]) -> tuple[str, ...] | None:
    """The ``ignorePatterns`` of a Quartz site's config (:func:`_quartz_site`) at or above ``base``, as
    globs from the folder its notes are read from (``base``'s ``content/``, or ``base`` when it is in the
    site's content: a glob that names a path elsewhere in the content is none); ``None`` for no such
    site. A YAML config that cannot be read names none (its warning: :func:`_fit`).

    >>> import tempfile
    >>> site = Path(tempfile.mkdtemp())
    >>> _ = (site / "content" / "notes").mkdir(parents=True), (site / "quartz.config.ts").write_text(
    ...     'const c = {configuration: {ignorePatterns: ["private", "notes/drafts", "./notes/old", "**/*.draft.md"]}}')
    >>> _quartz(site / "content", ["a.md"]), _quartz(site / "content" / "notes", ["a.md"])
    (('private', 'notes/drafts', './notes/old', '**/*.draft.md'), ('drafts', 'old', '**/*.draft.md'))
    """
    site = _quartz_site(base, names)
    if site is None:
        return None
    config, _, within = site
    if config[0].suffix not in (".yaml", ".yml"):
        globs = _js_list(config[1], "ignorePatterns")
    else:
        import yaml

        try:
            settings = _parsed(config[1], yaml.safe_load)
        except ValueError:
            return ()
        found = settings.get("configuration") if isinstance(settings, dict) else None
        patterns = found.get("ignorePatterns") if isinstance(found, dict) else None
        globs = tuple(p for p in patterns if isinstance(p, str) and p) if isinstance(patterns, list) else ()
    if not within:
        return globs
    return tuple(glob if glob.startswith("**/") else glob.removeprefix("./")[len(within):] for glob in globs
                 if glob.startswith("**/") or glob.removeprefix("./").startswith(within))


#: where the Obsidian Digital Garden plugin's site template keeps the notes it publishes
_GARDEN_NOTES = "src/site/notes/"


def setting_line(text: str, key: str) -> int | None:
    """The line of the setting ``key`` of a site's own file (its ``text``: YAML, JSON or TOML): the
    least indented line that starts with the key, quoted or not, then ``:`` or ``=`` (after a JSON
    object's ``{`` or ``,``); ``None`` when none does. A warning about the setting names it.

    >>> setting_line('{\\n  "a": {"folder": 1},\\n  "folder": ["T"]\\n}', "folder"), setting_line("x: 1\\nfolder: 2\\n", "folder")
    (3, 2)
    >>> setting_line('{"folder": 2}', "folder"), setting_line("folders: 1", "folder")
    (1, None)
    """
    found = [(len(m.group(1).replace("{", "").replace(",", "")), m.start()) for m in re.finditer(
        rf"^([ \t{{,]*)[\"']?{re.escape(key)}[\"']?[ \t]*[:=]", text, re.M)]
    if not found:
        return None
    return text.count("\n", 0, min(found)[1]) + 1


def _json_file(path: Path) -> Any:
    """The JSON value of the site's own file at ``path`` (a vault's settings, a plugin's data), read as
    :func:`_read_regular` reads; ``None`` when it is no regular file, cannot be read or is no JSON."""
    data = _read_regular(path, MAX_DATA_FILE)
    if isinstance(data, str):
        return None
    try:
        return _parsed(data.decode("utf-8", "replace"), json_loads)
    except ValueError:
        return None


def _digital_garden(vault: Path) -> bool:
    """Whether the vault publishes a digital garden with the Obsidian Digital Garden plugin (its
    settings in ``.obsidian/plugins/digitalgarden/``, or the plugin among those it turns on)."""
    if _is_dir(vault / ".obsidian" / "plugins" / "digitalgarden"):
        return True
    value = _json_file(vault / ".obsidian" / "community-plugins.json")
    return isinstance(value, list) and "digitalgarden" in value


def _garden_slugs(vault: Path) -> bool:
    """Whether the Digital Garden plugin publishes the vault's notes at their paths slugified (its
    ``slugifyEnabled``, on unless its settings say false), paths it does not rewrite (its
    ``pathRewriteRules`` moving folders elsewhere: the urls are then not guessed)."""
    value = _json_file(vault / ".obsidian" / "plugins" / "digitalgarden" / "data.json")
    rules = value.get("pathRewriteRules") if isinstance(value, dict) else None
    return not (isinstance(value, dict) and value.get("slugifyEnabled") is False) and not (
        isinstance(rules, str) and rules.strip())


def _garden_site(names: Sequence[str]) -> bool:
    """Whether the corpus is the site the Digital Garden plugin publishes to (its template's
    repository): half of its notes at least in ``src/site/notes/``.

    >>> _garden_site(["src/site/notes/a.md", "src/site/notes/b/c.md", "README.md"]), _garden_site(["a.md", "src/x.md"])
    (True, False)
    """
    notes = [n for n in names if n.endswith(".md")]
    return bool(notes) and sum(n.startswith(_GARDEN_NOTES) for n in notes) * 2 >= len(notes)


#: the files an Obsidian Publish site's look and behaviour come from, kept at its vault's root
_PUBLISH_FILES = ("publish.css", "publish.js")


def _shape(value: Any) -> str:
    """What a setting's value is, in words: ``a list``, ``a mapping``, ``a number``, ``a text``..."""
    return ("a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict)
            else "true or false" if isinstance(value, bool) else "a number" if isinstance(value, (int, float))
            else "a text" if isinstance(value, str) else f"a {type(value).__name__}")


def _obsidian_templates_problems(base: Path, vault: Path) -> list[Problem]:
    """Warnings for the settings of an Obsidian vault's templates (:data:`_OBSIDIAN_TEMPLATES`) that
    cannot be read: not JSON, not a mapping, or a folder that is no text (``"folder": ["Templates"]``).
    The templates of new notes are then not known, and are read as notes: said, as for ``app.json``."""
    problems: list[Problem] = []
    for name, key in _OBSIDIAN_TEMPLATES:
        path = vault.resolve() / name
        data = _read_regular(path, MAX_DATA_FILE) if _is_file(path) else None
        if not isinstance(data, bytes):
            continue
        text = data.decode("utf-8", "replace")
        broken = config_problem(base, path, text, "Obsidian")
        if broken is not None:
            problems.append(broken)
            continue
        value = _parsed(text, json_loads)
        folder = value.get(key) if isinstance(value, dict) else None
        if folder is not None and not isinstance(folder, str):
            rel = Path(os.path.relpath(path, base.resolve())).as_posix()
            problems.append(Problem(rel, setting_line(text, key), f"{key} is {_shape(folder)}, not the path of a folder: "
                                    "no note is skipped as a template", "site-config", WARNING))
    return problems


def _obsidian_templates(base: Path) -> tuple[tuple[str, str, int | None], ...]:
    """The folders an Obsidian vault's settings keep its templates of new notes in (the core Templates
    plugin's ``folder``, Templater's ``templates_folder``), as paths from the vault's root, each with
    the settings file that names it first and the line it does so on; a settings file that cannot be
    read names none."""
    folders: dict[str, tuple[str, int | None]] = {}
    for name, key in _OBSIDIAN_TEMPLATES:
        data = _read_regular(base / name, MAX_DATA_FILE)
        if isinstance(data, str):
            continue
        text = data.decode("utf-8", "replace")
        try:
            value = _parsed(text, json_loads)
        except ValueError:
            continue
        folder = value.get(key) if isinstance(value, dict) else None
        if isinstance(folder, str) and folder.strip().strip("/"):
            folders.setdefault(folder.strip().strip("/"), (name, setting_line(text, key)))
    return tuple((folder, name, line) for folder, (name, line) in folders.items())


#: where an Obsidian vault's settings name the folder of its daily notes and the format of their names: the Periodic
#: Notes plugin's daily notes (when it makes them: it takes the core plugin's place), else the core Daily notes plugin's
_OBSIDIAN_DAILY = ((".obsidian/plugins/periodic-notes/data.json", "daily"), (".obsidian/daily-notes.json", ""))
#: the parts of a moment.js date format (Obsidian's): [text], a character escaped (\\J), the tokens of a day's name,
#: another letter, other text
_MOMENT_PART = lazy_compile(r"\[([^\]]*)\]|\\(.)|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|dd|([A-Za-z])|[^A-Za-z\[\\]+|[\[\\]")
_MOMENT_JODA = {"YYYY": "yyyy", "YY": "yy", "MMMM": "MMMM", "MMM": "MMM", "MM": "MM", "M": "M", "Do": "do", "DD": "dd",
                "D": "d", "dddd": "EEEE", "ddd": "EEE", "dd": "EE"}


def moment_pattern(text: str) -> str | None:
    """A moment.js date format (Obsidian's daily notes' ``YYYY-MM-DD``) as the pattern :func:`parse_date` reads
    (Joda's letters: ``yyyy-MM-dd``); ``None`` for one with another token (a week's number, a time).

    >>> moment_pattern("YYYY-MM-DD"), moment_pattern("dddd, MMMM Do YYYY"), moment_pattern("[Day] D.M.YY")
    ('yyyy-MM-dd', 'EEEE, MMMM do yyyy', "'Day' d.M.yy")
    >>> moment_pattern("YYYY-MM-DD dddd \\\\L\\\\o\\\\g")
    "yyyy-MM-dd EEEE 'L''o''g'"
    >>> moment_pattern("gggg-[W]ww"), parse_date("Friday, January 5th 2024", moment_pattern("dddd, MMMM Do YYYY"))
    (None, datetime.date(2024, 1, 5))
    """
    parts = []
    for m in _MOMENT_PART.finditer(text):
        token = m.group(0)
        if m.group(3):
            return None
        if token in _MOMENT_JODA:
            parts.append(_MOMENT_JODA[token])
        else:  # [text], \\x or other text: quoted where it holds a letter or a quote, as Joda reads it
            literal = next((g for g in m.groups()[:2] if g is not None), token)
            parts.append(f"'{literal.replace(chr(39), chr(39) * 2)}'" if re.search(r"[A-Za-z']", literal) else literal)
    return "".join(parts) or None


def _obsidian_daily_notes(base: Path) -> tuple[str, str] | None:
    """The folder of an Obsidian vault's daily notes and the format of their names (``("Daily", "YYYY-MM-DD")``),
    as its settings say (:data:`_OBSIDIAN_DAILY`: a ``folder`` from the vault's root, its root when none; a
    ``format``, ``YYYY-MM-DD`` when none); ``None`` when no settings say, or cannot be read."""
    for name, key in _OBSIDIAN_DAILY:
        value = _json_file(base / name)
        if key:  # the plugin's daily notes, when it makes them
            value = value.get(key) if isinstance(value, dict) else None
            if not isinstance(value, dict) or value.get("enabled") is not True:
                continue
        if not isinstance(value, dict):
            continue
        folder, written = value.get("folder") or "", value.get("format") or "YYYY-MM-DD"
        if isinstance(folder, str) and isinstance(written, str):
            return folder.strip().strip("/"), written.strip() or "YYYY-MM-DD"
    return None


def _obsidian_excluded(base: Path) -> tuple[str, ...]:
    """An Obsidian vault's Excluded files (``.obsidian/app.json``'s ``userIgnoreFilters``): what
    :func:`vault_excluded` matches; none when the settings cannot be read."""
    value = _json_file(base / ".obsidian/app.json")
    filters = value.get("userIgnoreFilters") if isinstance(value, dict) else None
    return tuple(f for f in filters if isinstance(f, str) and f) if isinstance(filters, list) else ()


def _obsidian_attachments(base: Path) -> str | None:
    """The top folder an Obsidian vault's settings put new attachments in (``.obsidian/app.json``'s
    ``attachmentFolderPath``: ``Files``); ``None`` for the vault's root (``/``), the note's own folder or one
    below it (``./``, ``./assets``), a folder inside another (``Meta/Files``, whose top folder is no
    attachments'), or when the settings cannot be read."""
    value = _json_file(base / ".obsidian/app.json")
    folder = value.get("attachmentFolderPath") if isinstance(value, dict) else None
    if not isinstance(folder, str) or folder.strip().startswith("."):
        return None
    folder = folder.strip().strip("/")
    return folder if folder and "/" not in folder else None


def vault_excluded(path: str, filters: Sequence[str]) -> str | None:
    """The first of an Obsidian vault's Excluded files ``filters`` that leaves out the note at ``path``
    (from the vault's root), as Obsidian matches them: one between slashes is a regular expression
    found in the path, any other the start of the path (``Archive/``, the folder Obsidian's picker adds).

    >>> filters = ["Archive/", "/[.]draft[.]md$/", "Inbox"]
    >>> [vault_excluded(p, filters) for p in ["Archive/a.md", "Notes/x.draft.md", "Inbox.md", "Notes/Archive/c.md"]]
    ['Archive/', '/[.]draft[.]md$/', 'Inbox', None]
    """
    for f in filters:
        if f.startswith("/") and f.endswith("/") and len(f) > 2 and _search(f[1:-1], path) or path.startswith(f):
            return f
    return None


#: a Liquid loop over a page's front-matter list: ``{% for related in page.related %} ... {% endfor %}``
_LIQUID_FOR = lazy_compile(r"\{%-?\s*for\s+(\w+)\s+in\s+page\.([\w.]+)[^%]*%\}(.*?)\{%-?\s*endfor\s*-?%\}", re.S)
#: a Liquid tag (``{% assign a = site.articles | where: 'class', related | first %}``)
_LIQUID_TAG = lazy_compile(r"\{%.*?%\}", re.S)
#: a ``where`` filter of a field by a value: ``where: 'class', related``, ``where: "lang", page.lang``
_LIQUID_WHERE = lazy_compile(r"""where\s*:\s*["']([\w-]+)["']\s*,\s*([\w.]+)""")


def _jekyll_templates(folder: Path) -> list[Path]:
    """The templates of a Jekyll site's ``_layouts/`` or ``_includes/`` ``folder`` that show a page, in path
    order: HTML ones (``.html``, ``.htm``) and Liquid ones (``.liquid``: al-folio names all of its so), as
    Jekyll reads a layout or include of any extension; none when there is no such folder."""
    if not _is_dir(folder):
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in (".html", ".htm", ".liquid") and _is_file(p))


def _jekyll_template_texts(root: Path) -> Iterator[str]:
    """The text of each template of a Jekyll site at ``root`` (:func:`_jekyll_templates` of ``_layouts/``,
    then of ``_includes/``), then of the theme's that the site has none of its own so named, where the
    site is kept in its theme's repository (:func:`_jekyll_theme_folder`); one that cannot be read is
    passed over."""
    for template in _jekyll_site_templates(root, _jekyll_templates):
        if (text := _read_site_text(template)) is not None:
            yield text


def _jekyll_site_templates(root: Path, found: Callable[[Path], list[Path]]) -> Iterator[Path]:
    """The templates ``found`` in the ``_layouts/`` and ``_includes/`` of the Jekyll site at ``root``, each
    folder's followed by its theme's (:func:`_jekyll_theme_folder`) but those the site overrides, a
    template of the same path of its own (Jekyll reads the site's first)."""
    theme = _jekyll_theme_folder(root)
    for folder in ("_layouts", "_includes"):
        own = found(root / folder)
        yield from own
        if theme is not None:
            mine = {p.relative_to(root / folder) for p in own}
            yield from (p for p in found(theme / folder) if p.relative_to(theme / folder) not in mine)


#: a gemspec's name and homepage (``spec.name = "minimal-mistakes-jekyll"``, ``s.homepage = "https://..."``)
_GEMSPEC_FIELD = lazy_compile(r"""^[ \t]*\w+\.(name|homepage)[ \t]*=[ \t]*["']([^"'\n]+)["']""", re.M)


def _jekyll_theme_folder(root: Path) -> Path | None:
    """The folder of the theme the Jekyll site at ``root`` is built with, where the site is kept in the
    theme's own repository (Minimal Mistakes' ``docs/``, built with ``remote_theme: mmistakes/minimal-mistakes``
    or ``theme: minimal-mistakes-jekyll``): a folder one or two up holding ``_layouts/`` or ``_includes/``
    that the config's ``theme`` names by its gemspec's name, or ``remote_theme`` (``owner/name@ref``) by the
    folder's name or its gemspec's GitHub homepage. Jekyll reads the theme's layouts and includes where the
    site has none of its own so named: the sidebar of the site's pages is the theme's. ``None`` for none.

    >>> _jekyll_theme_folder(Path("/")) is None
    True
    """
    config = _config([root], _JEKYLL_CONFIGS)
    settings = _jekyll_settings(config[1], first=True) if config else {}
    theme, remote = (settings.get(key) for key in ("theme", "remote_theme"))
    theme = theme.strip() if isinstance(theme, str) else ""
    remote = remote.strip().partition("@")[0].strip("/").lower() if isinstance(remote, str) else ""
    if not theme and "/" not in remote:
        return None
    for folder in _parents(root)[1:]:
        if not (_is_dir(folder / "_layouts") or _is_dir(folder / "_includes")):
            continue
        if remote and folder.name.lower() == remote.rpartition("/")[2]:
            return folder
        try:
            gemspecs = sorted(p for p in folder.glob("*.gemspec") if _is_file(p))
        except OSError:
            continue
        for gemspec in gemspecs:
            fields = dict(_GEMSPEC_FIELD.findall(_read_site_text(gemspec, MAX_CONFIG) or ""))
            homepage = fields.get("homepage", "").lower().rstrip("/")
            if theme and fields.get("name") == theme or remote and homepage.endswith(f"github.com/{remote}"):
                return folder
    return None


def _jekyll_related_by(root: Path, lists: Sequence[str]) -> tuple[str, ...]:
    """How a Jekyll site's layouts find the pages its front-matter lists name (``FieldMap.related_by``):
    a loop over ``page.<list>`` (one of ``lists``) whose item picks pages by a field, ``where: 'class',
    related``, and by fields equal to the page's own, ``where: 'lang', page.lang``; ``()`` when no
    layout nor include does so (the names are then pages' names, read as links are).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "_layouts").mkdir()
    >>> _ = (root / "_layouts" / "guide.html").write_text(
    ...     "{% for r in page.related %}{% assign g = site.guides | where: 'lang', page.lang "
    ...     "| where: 'class', r | first %}<a href='{{ g.url }}'>{% endfor %}")
    >>> _jekyll_related_by(root, ("related",)), _jekyll_related_by(root, ("see_also",))
    (('class', 'lang'), ())
    """
    for text in _jekyll_template_texts(root):
        for loop in _LIQUID_FOR.finditer(text):
            item, listed, body = loop.groups()
            if listed not in lists:
                continue
            for tag in _LIQUID_TAG.findall(body):
                wheres = _LIQUID_WHERE.findall(tag)
                key = [field for field, value in wheres if value == item]
                if len(key) == 1:
                    return (key[0], *(field for field, value in wheres if value == f"page.{field}"))
    return ()


#: a page's front-matter field a Jekyll layout renders as Markdown: ``{{ page.intro | markdownify }}``
_LIQUID_MARKDOWNIFY = lazy_compile(r"\{\{-?\s*page\.(\w[\w-]*)\s*\|\s*markdownify\s*-?\}\}")
#: a link's href written by Liquid alone (``href='{{ base }}{{ page.deprecated_by }}'``): its value's parts
_LIQUID_HREF = lazy_compile(r"""href\s*=\s*(["'])((?:\{\{[^{}]*\}\})+)\1""")
#: a page field in Liquid output, bare (``{{ page.deprecated_by }}``) or through the filters that make it the
#: site's url of the path it holds (``| relative_url``, ``| absolute_url``, ``| prepend: site.baseurl``)
_LIQUID_PAGE_FIELD = lazy_compile(r"\{\{-?\s*page\.(\w[\w-]*(?:\.\w[\w-]*)*)\s*(?:\|\s*(?:relative_url|absolute_url|"
                                r"prepend\s*:\s*site\.(?:baseurl|url))\s*)*-?\}\}")
#: a Liquid loop over a list, up to its first ``endfor``: its variable, what it loops over, the loop's text
_LIQUID_LIST_LOOP = lazy_compile(r"\{%-?\s*for\s+(\w+)\s+in\s+([\w.-]+)[^%{}]*?-?%\}(.*?)\{%-?\s*endfor\s*-?%\}", re.S)
#: a variable assigned a field of the page (Minimal Mistakes' ``{% assign feature_row = page.feature_row %}``)
_LIQUID_PAGE_ASSIGN = lazy_compile(r"\{%-?\s*assign\s+(\w+)\s*=\s*page\.(\w[\w-]*(?:\.\w[\w-]*)*)\s*-?%\}")
#: a Liquid loop whose item is named ``page`` (``{% for page in site.pages %}``): there ``page`` is another page
_LIQUID_PAGE_LOOP = lazy_compile(r"\{%-?\s*for\s+page\s+in\b.*?\{%-?\s*endfor\s*-?%\}", re.S)
#: the fields of a page that are its own address, not a link to another page
_OWN_URL_FIELDS = ("url", "permalink", "path", "id", "canonical_url")
#: a Liquid loop over a list in a page's front matter (``{% for child in page.tell-me-why.includes %}``): its
#: variable, the field's path and the loop's body
_LIQUID_PAGE_LIST_LOOP = lazy_compile(
    r"\{%-?\s*for\s+(\w+)\s+in\s+page\.([\w-]+(?:\.[\w-]+)*)\s*-?%\}(.*?)\{%-?\s*endfor\s*-?%\}", re.S)
#: a Liquid filter keeping the pages that share the page's value of a field, ``site.pages | where:"ref", page.ref``:
#: with the page's ``lang`` in the same template, its translations (a site translated page by page)
_LIQUID_SAME_FIELD = lazy_compile(r"""\bwhere\s*:\s*["']([\w-]+)["']\s*,\s*page\.([\w-]+)""")


#: a Liquid loop over a data file of the site (``{% for section in site.data.docs_nav %}``), or over a variable
#: (``{% for nav in navigation %}``): its variable, what it loops over and the loop's text up to the first ``endfor``
#: (an inner loop's opening within it)
_LIQUID_DATA_LOOP = lazy_compile(
    r"\{%-?\s*for\s+(\w+)\s+in\s+(site\.data\.[\w-]+(?:\.[\w-]+)*|site\.data\[\s*\w+\s*\]|\w+)[^%{}]*?-?%\}(.*?)"
    r"\{%-?\s*endfor\s*-?%\}", re.S)
#: a variable assigned a text (``{% assign tocfilename = "toc" %}``): the variable and the text
_LIQUID_TEXT_ASSIGN = lazy_compile(r"""\{%-?\s*assign\s+(\w+)\s*=\s*["']([\w./-]+)["']\s*-?%\}""")
#: a variable assigned a data file of the site, or one of its entries (Minimal Mistakes' ``{% assign navigation =
#: site.data.navigation[include.nav] %}``): the variable, the data's dotted path and the index, if any
_LIQUID_DATA_ASSIGN = lazy_compile(
    r"\{%-?\s*assign\s+(\w+)\s*=\s*site\.data\.([\w-]+(?:\.[\w-]+)*)\s*(\[[^\]%]*\])?((?:\.[\w-]+)*)\s*-?%\}")
#: the keys of a navigation item that hold the page's url (``- link: /docs/``)
_NAV_URL_KEYS = ("link", "url", "href", "permalink", "path")


def _jekyll_nav_sections(root: Path) -> tuple[tuple[str, str], ...]:
    """The sections of the navigation a Jekyll site's layouts and includes build from its data files, as
    ``(url, section title)`` pairs (:func:`~qagraph.fields.nav_key` urls, the first section listing a url
    naming it): a loop over a data file's sections (``{% for section in site.data.docs_nav %}``, or over a
    variable assigned one of its lists, ``{% assign navigation = site.data.navigation[include.nav] %}``, every
    list of the file then, or over the file a variable is assigned the name of, Docsy Jekyll's ``{% for section
    in site.data[tocfilename] %}`` with ``{% assign tocfilename = "toc" %}``) that shows each section's title
    (``{{ section.title }}``; not its ``url``, nor an ``external_url``) and loops over a list of it (``{% for item
    in section.docs %}``), whose items are urls (``- link: /docs/usage/``, or ``url``, ``href``...) or names the
    template makes urls of (``item | prepend: "/tutorials/" | append: "/"``). Items of no url that the template
    loops over in turn are sections of their own: the documentation theme's ``{% assign sidebar =
    site.data.sidebars[page.sidebar].entries %}`` ... ``{% for folder in entry.folders %}`` ... ``{{ folder.title
    }}`` ... ``{% for folderitem in folder.folderitems %}``, every file of ``_data/sidebars/`` read.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for folder in ("_includes", "_data"): (root / folder).mkdir()
    >>> _ = (root / "_includes" / "nav.html").write_text(
    ...     "{% for s in site.data.nav %}<h4>{{ s.title }}</h4>{% for i in s.docs %}"
    ...     "{% assign u = i | prepend: '/guide/' | append: '/' %}<a href='{{ u }}'>{% endfor %}{% endfor %}")
    >>> _ = (root / "_data" / "nav.yml").write_text("- title: Start\\n  docs: [setup, intro]\\n- title: Use\\n  docs: [run]\\n")
    >>> _jekyll_nav_sections(root)
    (('/guide/setup', 'Start'), ('/guide/intro', 'Start'), ('/guide/run', 'Use'))
    """
    from .fields import nav_key

    found: dict[str, str] = {}
    for text in _jekyll_nav_templates(root):
        assigned = {m.group(1): (m.group(2), bool(m.group(3)), m.group(4).strip("."))
                    for m in _LIQUID_DATA_ASSIGN.finditer(text)}
        for loop in _LIQUID_DATA_LOOP.finditer(text):
            section, over, body = loop.groups()
            if over.startswith("site.data["):  # site.data[tocfilename]: the files the variable is assigned the names of
                named = over[len("site.data["):-1].strip()
                paths = [(path, False, "") for variable, path in _LIQUID_TEXT_ASSIGN.findall(text) if variable == named]
            elif over.startswith("site.data."):
                paths = [(over[len("site.data."):], False, "")]
            else:
                paths = [assigned.get(over, ("", False, ""))]
            paths = [(path, every, keys) for path, every, keys in dict.fromkeys(paths) if path]
            inner = re.search(r"\{%-?\s*for\s+(\w+)\s+in\s+" + re.escape(section) + r"\.([\w-]+)", body) \
                if paths else None
            if inner is None:
                continue
            item, listed = inner.groups()
            sections = [s for path, every, keys in paths for s in _jekyll_nav_data(root, path, every, keys)]
            for _ in range(3):  # items of no url that are sections of their own (the documentation theme's
                # entries' folders, each looped over for its folderitems), up to three levels down
                below = [i for data in sections if isinstance(data, dict)
                         and isinstance(listing := data.get(listed), list) for i in listing]
                deeper = re.search(r"\{%-?\s*for\s+(\w+)\s+in\s+" + re.escape(item) + r"\.([\w-]+)", text)
                if deeper is None or deeper.group(1) == item or any(isinstance(i, str) or isinstance(i, dict) and any(
                        k in i for k in _NAV_URL_KEYS) for i in below):
                    break
                sections, section, body = below, item, text
                item, listed = deeper.groups()
            titles = [key for key in re.findall(r"\{\{-?\s*" + re.escape(section) + r"\.([\w-]+)", body)
                      if key != listed and not key.lower().endswith(_NAV_URL_KEYS)]  # a section's url is no title
            made = re.search(r"\b" + re.escape(item) + r"""\s*((?:\|\s*(?:prepend|append)\s*:\s*["'][^"']*["']\s*)+)""", text)
            prepend = re.search(r"""prepend\s*:\s*["']([^"']*)["']""", made.group(1)) if made else None
            append = re.search(r"""append\s*:\s*["']([^"']*)["']""", made.group(1)) if made else None
            for section_data in sections:
                if not isinstance(section_data, dict) or not isinstance(items := section_data.get(listed), list):
                    continue
                title = next((v.strip() for k in (*titles, "title") if isinstance(v := section_data.get(k), str)
                              and v.strip()), None)
                for entry in items if title else ():
                    url = entry if isinstance(entry, str) else next(
                        (v for k in _NAV_URL_KEYS if isinstance(v := entry.get(k), str)), None) if isinstance(entry, dict) else None
                    if url and isinstance(entry, str):
                        url = (prepend.group(1) if prepend else "") + url + (append.group(1) if append else "")
                    key = nav_key(url) if url else None
                    if key is not None and key not in found:
                        found[key] = title or ""
    return tuple(found.items())


def _jekyll_nav_data(root: Path, path: str, every: bool, keys: str = "") -> list[Any]:
    """The sections of the data file ``site.data.<path>`` of the Jekyll site at ``root``: its list, or, with
    ``every`` (a variable assigned one of its lists by an index, ``site.data.navigation[include.nav]``),
    the items of each of its lists, each the list at its dotted ``keys`` (``site.data.sidebars[page.sidebar].entries``:
    the ``entries`` of each file of ``_data/sidebars/``); ``[]`` for none."""
    data = _jekyll_data(root, path)
    if every and isinstance(data, dict):
        values = list(data.values())
        for key in keys.split(".") if keys else ():
            values = [value.get(key) if isinstance(value, dict) else None for value in values]
        return [s for value in values if isinstance(value, list) for s in value]
    return data if isinstance(data, list) else []


def _jekyll_nav_templates(root: Path) -> Iterator[str]:
    """The texts of a Jekyll site's layouts and includes (:func:`_jekyll_template_texts`), and of its includes
    named without an extension, as Minimal Mistakes names its ``_includes/nav_list``."""
    yield from _jekyll_template_texts(root)
    for include in _jekyll_site_templates(root, _bare_includes):
        data = _read_regular(include, MAX_DATA_FILE)
        if isinstance(data, bytes):
            yield data.decode("utf-8", "replace")


def _bare_includes(folder: Path) -> list[Path]:
    """The includes of a Jekyll site's ``_includes/`` ``folder`` named without an extension (``nav_list``),
    in path order; none for a ``_layouts/`` folder, or when there is no such folder."""
    if folder.name != "_includes" or not _is_dir(folder):
        return []
    return sorted(p for p in folder.rglob("*") if not p.suffix and _is_file(p))


def _jekyll_data(root: Path, path: str) -> Any:
    """The data of the data file of a Jekyll site at ``root`` that ``site.data.<path>`` names
    (``_data/docs_nav.yml``, ``.yaml`` or ``.json``; ``a.b`` is ``_data/a/b.yml``), ``[]`` for none."""
    parts = path.split(".")
    folder = root / "_data" / "/".join(parts)
    if _is_dir(folder):  # site.data.sidebars: each file of _data/sidebars/ by its name
        try:
            files = sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml", ".json") and _is_file(p))
        except OSError:
            files = []
        return {file.stem: _jekyll_data(root, ".".join((*parts, file.stem))) for file in files}
    for end in range(len(parts), 0, -1):  # site.data.navigation.docs: the docs of _data/navigation.yml
        for suffix in (".yml", ".yaml", ".json"):
            file = root / "_data" / ("/".join(parts[:end]) + suffix)
            data = _read_regular(file, MAX_DATA_FILE) if _is_file(file) else None
            if isinstance(data, bytes):
                try:
                    parsed = _parsed(data.decode("utf-8", "replace"), _yaml_settings)
                except ValueError:
                    return []
                for key in parts[end:]:
                    parsed = parsed.get(key) if isinstance(parsed, dict) else None
                return parsed if parsed is not None else []
    return []


def _jekyll_shown_fields(root: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The front-matter fields a Jekyll site's layouts and includes show on the page itself, whose links
    are the page's: those rendered as Markdown (``{{ page.intro | markdownify }}``, devhints' intro) and
    those written into a link's href by Liquid alone (``<a href='{{ base }}{{ page.deprecated_by }}'>``,
    the newer version of a deprecated sheet; ``{{ page.header.cta_url | relative_url }}``, Minimal Mistakes'
    hero button), or each item's key of a list of the page that a loop writes into a link's href (its
    ``feature_row`` include: ``{% assign feature_row = page.feature_row %}`` ... ``{% for f in feature_row %}``
    ... ``<a href="{{ f.url | relative_url }}">``, as ``feature_row[].url``). A loop's ``page`` (``{% for page
    in site.pages %}``) is another page, and a value filtered further (``markdownify | strip_html``, a meta
    tag's) shows no link. Includes named without an extension (``_includes/feature_row``) are read too.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "_layouts").mkdir()
    >>> _ = (root / "_layouts" / "sheet.html").write_text(
    ...     "<a href='{{ base }}{{ page.deprecated_by }}'>new</a> <a href='{{ page.url }}'>here</a>"
    ...     "{{ page.intro | markdownify }} <meta content='{{ page.summary | markdownify | strip_html }}'>"
    ...     "{% for page in site.pages %}{{ page.blurb | markdownify }}{% endfor %}"
    ...     "{% assign row = page.features %}{% for f in row %}<a href='{{ f.url | relative_url }}'>{% endfor %}")
    >>> _jekyll_shown_fields(root)
    (('intro',), ('deprecated_by', 'features[].url'))
    """
    markdown: list[str] = []
    hrefs: list[str] = []
    for text in _jekyll_nav_templates(root):
        text = _LIQUID_PAGE_LOOP.sub("", text)
        markdown += (name for name in _LIQUID_MARKDOWNIFY.findall(text) if name not in markdown)
        for _, value in _LIQUID_HREF.findall(text):
            hrefs += (name for name in _LIQUID_PAGE_FIELD.findall(value)
                      if name not in hrefs and name not in _OWN_URL_FIELDS)
        assigned = dict(_LIQUID_PAGE_ASSIGN.findall(text))
        for item, over, body in _LIQUID_LIST_LOOP.findall(text):
            listed = over[len("page."):] if over.startswith("page.") else assigned.get(over)
            if not listed:
                continue
            shown = re.compile(r"\{\{-?\s*" + item + r"\.(\w[\w-]*)\s*(?:\|\s*(?:relative_url|absolute_url|"
                               r"prepend\s*:\s*site\.(?:baseurl|url))\s*)*-?\}\}")
            for _, value in _LIQUID_HREF.findall(body):
                hrefs += (path for key in shown.findall(value) if (path := f"{listed}[].{key}") not in hrefs)
    return tuple(markdown), tuple(hrefs)


#: a variable assigned the page's field an include's ``id`` names (``{% assign feature_row = page[include.id] %}``)
_LIQUID_ID_ASSIGN = lazy_compile(r"\{%-?\s*assign\s+(\w+)\s*=\s*page\[\s*include\.id\s*\]\s*-?%\}")


def _jekyll_include_id_hrefs(root: Path) -> tuple[tuple[str, str], ...]:
    """The ``(include, key)`` of the includes of a Jekyll site (its theme's too: :func:`_jekyll_site_templates`)
    that show the list of the page's field their ``id`` names, writing each item's ``key`` into a link's href:
    Minimal Mistakes' ``feature_row`` (an include named without an extension), ``{% assign feature_row =
    page[include.id] %}`` ... ``{% for f in feature_row %}`` ... ``<a href="{{ f.url | relative_url }}">``, which
    a splash page shows as ``{% include feature_row id="feature_row2" %}``.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "_includes").mkdir()
    >>> _ = (root / "_includes" / "feature_row").write_text(
    ...     "{% assign rows = page[include.id] %}{% for f in rows %}<a href='{{ f.url | relative_url }}'>{% endfor %}")
    >>> _jekyll_include_id_hrefs(root)
    (('feature_row', 'url'),)
    """
    found: list[tuple[str, str]] = []
    templates = [*_jekyll_site_templates(root, _bare_includes), *_jekyll_site_templates(root, _jekyll_templates)]
    for template in templates:
        include = template.parent
        while include.name != "_includes" and include != include.parent:
            include = include.parent
        if template.parent.name == "_layouts" or include.name != "_includes" or \
                (text := _read_site_text(template)) is None:
            continue
        name = template.relative_to(include).as_posix()
        rows = set(_LIQUID_ID_ASSIGN.findall(text))
        for item, over, body in _LIQUID_LIST_LOOP.findall(text):
            if over not in rows:
                continue
            shown = re.compile(r"\{\{-?\s*" + item + r"\.(\w[\w-]*)\s*(?:\|\s*(?:relative_url|absolute_url|"
                               r"prepend\s*:\s*site\.(?:baseurl|url))\s*)*-?\}\}")
            for _, value in _LIQUID_HREF.findall(body):
                found += (pair for key in shown.findall(value) if (pair := (name, key)) not in found)
    return tuple(found)


def _jekyll_include_fields(root: Path) -> tuple[str, ...]:
    """The front-matter fields (dotted paths) whose files of _includes/ a Jekyll site's layouts put in the
    page: a loop over the field that includes each item (``{% for child in page.tell-me-why.includes %}``
    ... ``{% include {{child}} %}``, a class layout's notes that each lesson chooses).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "_layouts").mkdir()
    >>> _ = (root / "_layouts" / "class.html").write_text(
    ...     "{% for child in page.tell-me-why.includes %}{% capture x %}{% include {{child}} %}{% endcapture %}{% endfor %}"
    ...     "{% for tag in page.tags %}<b>{{ tag }}</b>{% endfor %}")
    >>> _jekyll_include_fields(root)
    ('tell-me-why.includes',)
    """
    found: list[str] = []
    for text in _jekyll_template_texts(root):
        for variable, path, body in _LIQUID_PAGE_LIST_LOOP.findall(text):
            if path not in found and re.search(r"\{%-?\s*include\s+\{\{\s*" + variable + r"\s*\}\}", body):
                found.append(path)
    return tuple(found)


def _jekyll_relative_include_fields(root: Path) -> tuple[tuple[str, str], ...]:
    """The ``(list, key)`` of the front-matter lists whose items name files a Jekyll site's layouts put in
    the page relative to it: a loop over the list that includes each item's ``key`` (``{% for profile in
    page.profiles %}`` ... ``{% include_relative {{ profile.content }} %}``, al-folio's people page), or the
    item itself (``key`` ``""``).

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "_layouts").mkdir()
    >>> _ = (root / "_layouts" / "profiles.liquid").write_text(
    ...     "{% for profile in page.profiles %}{% capture c %}{% include_relative {{ profile.content }} %}"
    ...     "{% endcapture %}{% endfor %}{% for n in page.notes %}{% include_relative {{n}} %}{% endfor %}")
    >>> _jekyll_relative_include_fields(root)
    (('profiles', 'content'), ('notes', ''))
    """
    found: list[tuple[str, str]] = []
    for text in _jekyll_template_texts(root):
        for variable, path, body in _LIQUID_PAGE_LIST_LOOP.findall(text):
            for key in re.findall(r"\{%-?\s*include_relative\s+\{\{\s*" + variable + r"(?:\.([\w-]+))?\s*\}\}", body):
                if (path, key) not in found:
                    found.append((path, key))
    return tuple(found)


#: how many of a site's Markdown files are read for the ones a layout may include relative to a page
_MOST_RELATIVE_INCLUDES = 1000


def _jekyll_relative_includes(base: Path, names: Sequence[str],
                              fields: FieldMap) -> tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]:
    """The Markdown files of the corpus at ``base`` (``names``, but posts) that are no pages, having no front
    matter, which a layout may include relative to a page (:func:`_jekyll_relative_include_fields`), each with
    the ``(origin, target, text)`` of its links (:func:`~qagraph.links.snippet_links`), by its path; the first
    :data:`_MOST_RELATIVE_INCLUDES` such files are read."""
    found = []
    candidates = [n for n in names if n.lower().endswith((".md", ".markdown")) and "_posts/" not in f"/{n}"]
    for name in candidates[:_MOST_RELATIVE_INCLUDES]:
        data = _read_regular(base / name, MAX_DATA_FILE)
        if not isinstance(data, bytes):
            continue
        text = data.decode("utf-8", "replace").lstrip("\ufeff")
        if text.startswith("---"):
            continue  # a page of its own
        links, _ = snippet_links(text, fields.links, fields.site_url, fields.site_hosts)
        shown = tuple(dict.fromkeys((link.origin, link.target, link.text or "") for link in links))
        if shown:
            found.append((name, shown))
    return tuple(found)


def _jekyll_translation_key(root: Path) -> str | None:
    """The front-matter field by which a Jekyll site's layouts and includes find a page's translations, to
    link to them (``{% assign pages=site.pages | where:"ref", page.ref %}`` with a test of ``page.lang``,
    the language buttons of a site translated page by page), else ``None``. A filter on ``lang`` itself
    finds the pages of the page's language, not its translations.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "_includes").mkdir()
    >>> _ = (root / "_includes" / "langs.html").write_text(
    ...     "{% assign same = site.pages | where: 'lang', page.lang %}{% assign t = site.pages | where:'ref', page.ref %}"
    ...     "{% for p in t %}{% if p.lang != page.lang %}<a href='{{ p.url }}'>{{ p.lang }}</a>{% endif %}{% endfor %}")
    >>> _jekyll_translation_key(root)
    'ref'
    """
    for text in _jekyll_template_texts(root):
        if "page.lang" in text:
            key = next((m.group(1) for m in _LIQUID_SAME_FIELD.finditer(text)
                        if m.group(1) == m.group(2) and m.group(1) != "lang"), None)
            if key:
                return key
    return None


def _jekyll_translations(base: Path, names: Sequence[str], fields: FieldMap, key: str) -> tuple[tuple[str, str], ...]:
    """The translations of each page of a Jekyll site whose layouts link a page to them by the front-matter
    field ``key`` (:func:`_jekyll_translation_key`): ``(page, translation)`` pairs, paths from the
    corpus's root, of the pages Jekyll publishes that give ``key`` the same value and another ``lang``
    (the template skips the page's own language), in path order; a value more than
    :data:`_MOST_TRANSLATIONS` pages share makes none."""
    groups: dict[str, list[tuple[str, str | None]]] = {}
    for name in names:
        if not name.lower().endswith((*fields.suffixes, ".html")) or any(
                name.startswith(f"{folder.strip('/')}/") or f"/{folder.strip('/')}/" in f"/{name}"
                for folder in fields.skip_folders) or any(
                fnmatch.fnmatch(name, pattern.rstrip("/")) or name.startswith(pattern.rstrip("/") + "/")
                for pattern in fields.exclude) or any(part[:1] in "._" for part in name.split("/")):
            continue  # a partial, a post, a collection's document: none of the site's pages
        head = _read_head(base / name)
        text = decode(name, head) if head is not None else None
        fm = read_front_matter(name, text) if isinstance(text, str) else None
        if fm is None or isinstance(fm, Problem) or fm.data.get("published") is False:
            continue
        value, lang = fm.data.get(key), fm.data.get("lang")
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            groups.setdefault(str(value).strip(), []).append((name, str(lang).strip() if lang is not None else None))
    pairs = []
    for pages in groups.values():
        if len(pages) > _MOST_TRANSLATIONS:
            continue  # a value this many pages share is no one page's in its languages
        pairs += [(name, other) for name, lang in sorted(pages) for other, theirs in sorted(pages)
                  if other != name and lang != theirs]
    return tuple(pairs)


#: the most pages one page's translations may be, itself among them (Jekyll sites are translated into a few
#: dozen languages at most)
_MOST_TRANSLATIONS = 100


def _jekyll_included_definitions(root: Path) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The Markdown files of the Jekyll site at ``root`` that pages include and that define reference links
    (``FieldMap.included_definitions``): the Carpentries' lesson template keeps its links in
    ``_includes/links.md``, which each page ends with ``{% include links.md %}`` and uses as
    ``[Setup][lesson-setup]``. A file that cannot be read defines none.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "_includes").mkdir()
    >>> _ = (root / "_includes" / "links.md").write_text("[lesson-setup]: {{ relative_root_path }}{% link setup.md %}\\n")
    >>> _ = (root / "_includes" / "footer.html").write_text("<footer>[x]: /y/</footer>")
    >>> _jekyll_included_definitions(root)
    (('links.md', (('lesson-setup', '{{ relative_root_path }}{% link setup.md %}'),)),)
    """
    folder = root / "_includes"
    found = []
    for path in sorted(folder.rglob("*")) if _is_dir(folder) else ():
        if path.suffix.lower() not in (".md", ".markdown") or not _is_file(path):
            continue
        if (text := _read_site_text(path)) is None:
            continue
        definitions = reference_definitions(text)
        if definitions:
            found.append((path.relative_to(folder).as_posix(), definitions))
    return tuple(found)


def _jekyll_include_links(root: Path, fields: FieldMap) -> tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...]:
    """The Markdown files of the Jekyll site at ``root`` that pages include, with their links
    (``FieldMap.includes``): each one's name below _includes/ and the ``(origin, target, text)`` of the
    links it shows on a page that writes ``{% include name %}`` (:func:`~qagraph.links.snippet_links`),
    those of the files it includes in turn too (each link once). Jekyll puts its text in the page before
    Markdown reads it: a relative link is read from the page's url. An HTML include (a layout's header, a
    nav) is left out, and a file that cannot be read has none.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "_includes" / "steps").mkdir(parents=True)
    >>> _ = (root / "_includes" / "steps" / "merge.md").write_text("See [undo](../undo/).\\n{% include more.md %}\\n")
    >>> _ = (root / "_includes" / "more.md").write_text("[Glossary]({{ site.baseurl }}/glossary/)\\n")
    >>> _ = (root / "_includes" / "nav.html").write_text('<a href="/home/">Home</a>')
    >>> _jekyll_include_links(root, FieldMap(links=("markdown", "jekyll-ref", "html")))
    (('more.md', (('markdown-link', '/glossary/', 'Glossary'),)), ('steps/merge.md', (('markdown-link', '../undo/', 'undo'), ('markdown-link', '/glossary/', 'Glossary'))))
    """
    folder = root / "_includes"
    own: dict[str, tuple[tuple[str, str, str], ...]] = {}
    nested: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")) if _is_dir(folder) else ():
        if path.suffix.lower() not in (".md", ".markdown") or not _is_file(path):
            continue
        if (text := _read_site_text(path)) is None:
            continue
        name = path.relative_to(folder).as_posix()
        found, nested[name] = snippet_links(text, fields.links, fields.site_url, fields.site_hosts)
        own[name] = tuple((link.origin, link.target, link.text or "") for link in found)

    def links(name: str) -> tuple[tuple[str, str, str], ...]:
        # the files it includes, level by level (each once, a loop closed, _INCLUDE_DEPTH levels down at most)
        reached, level = {name: None}, [name]
        for _ in range(_INCLUDE_DEPTH):
            level = [n for n in dict.fromkeys(n for m in level for n in nested.get(m, ())) if n in own and n not in reached]
            reached.update(dict.fromkeys(level))
        return tuple(dict.fromkeys(link for n in reached for link in own[n]))

    return tuple((name, shown) for name in own if (shown := links(name)))


#: how many levels of files including files a Jekyll site's include snippets are followed down (Jekyll's own
#: sites nest two or three)
_INCLUDE_DEPTH = 10


def _jekyll_language_folders(names: Sequence[str], langs: Sequence[Any]) -> tuple[str, ...]:
    """The folders of a Jekyll site translated folder by folder: its top folders (``en/news/_posts/``,
    ``ja/news/_posts/``, ``zh_tw/about/``), or the folders in a collection's (``_articles/de/``, beside
    the English pages in ``_articles/``), those named by a language's code, when two of them at
    least are named by the ``lang`` their pages give (``langs``: the values sampled, which may miss
    a small language's folder); ``()`` else. A language is no topic: the pages' subjects are the
    folders inside (``news``, ``about``).

    >>> _jekyll_language_folders(["bg/news/_posts/2020-01-01-a.md", "en/news/_posts/2020-01-01-a.md",
    ...                           "ja/about/index.md", "zh_tw/b.md", "assets/c.md", "index.md"], ["en", "ja", "zh_tw"])
    ('bg', 'en', 'ja', 'zh_tw')
    >>> _jekyll_language_folders(["en/a.md", "ja/b.md"], []), _jekyll_language_folders(["it/a.md", "go/b.md"], ["en"])
    ((), ())
    >>> _jekyll_language_folders(["_articles/a.md", "_articles/de/a.md", "_articles/pt-br/a.md", "_articles/x/a.md"],
    ...                          ["en", "de", "pt-br"])
    ('_articles/de', '_articles/pt-br')
    """
    said = {str(v).casefold().replace("_", "-") for v in langs if isinstance(v, str)}
    groups: dict[str, set[str]] = {}  # a collection's folder ("" for the site's root) -> the folders in it
    for n in names:
        parts = n.split("/")
        if len(parts) > 1:
            groups.setdefault("", set()).add(parts[0])
        if len(parts) > 2 and parts[0].startswith("_"):
            groups.setdefault(parts[0], set()).add(f"{parts[0]}/{parts[1]}")
    found: list[str] = []
    for folders in groups.values():
        codes = [f for f in sorted(folders) if _LANGUAGE.match((code := f.rpartition("/")[2]).replace("_", "-"))
                 and code[:2] in _ISO_639_1]
        if sum(1 for f in codes if f.rpartition("/")[2].casefold().replace("_", "-") in said) > 1:
            found += codes
    return tuple(found)


#: the words an Obsidian vault's folder of attachments is named with (Attachments, assets, Images; _resources,
#: where the Importer puts a note's files): not Resources, a PARA vault's bucket of notes, PDFs beside them
_ATTACHMENT_FOLDER = lazy_compile(r"attach|asset|media|image|img|picture|^_resources$", re.I)
#: the suffixes of the images, documents, audio and video a vault attaches to its notes
_MEDIA_SUFFIXES = frozenset("png jpg jpeg gif svg webp bmp ico tif tiff avif heic pdf mp3 mp4 m4a wav ogg oga webm "
                            "mov mkv flac".split())


def _attachment_folders(vault: Path, names: Sequence[str], languages: Sequence[str] = (),
                        configured: str | None = None) -> tuple[str, ...]:
    """The top folders of the vault at ``vault`` (of each language's vault, ``en/Attachments``, with
    ``languages``) that hold its attachments: named so (:data:`_ATTACHMENT_FOLDER`), or the one the vault's
    settings put them in (``configured``: :func:`_obsidian_attachments`), and holding twice as many
    images, PDFs, audio or video files (:data:`_MEDIA_SUFFIXES`, counted down to 2000 files) as notes, five at
    least; in a vault per language, the folder of that name in every language's vault (a translation keeps
    fewer images). Only folders that hold some of the notes ``names`` count: a note is never filed under them."""
    notes: dict[str, int] = {}
    for n in names:
        parts = n.split("/")
        depth = 2 if languages and parts[0] in languages else 1
        if len(parts) > depth:
            folder = "/".join(parts[:depth])
            notes[folder] = notes.get(folder, 0) + 1
    found = []
    for folder, count in sorted(notes.items()):
        if folder != configured and not _ATTACHMENT_FOLDER.search(folder.rpartition("/")[2]):
            continue
        media = seen = 0
        for _, _, files in os.walk(vault / folder):
            seen += len(files)
            media += sum(1 for f in files if f.rpartition(".")[2].lower() in _MEDIA_SUFFIXES)
            if seen > 2000:
                break
        if media >= 5 and media >= 2 * count:
            found.append(folder)
    # a translation keeps its vault's folders: the Attachments/ of one language's vault is every language's
    kinds = {f.rpartition("/")[2] for f in found} if languages else set()
    return tuple(sorted({*found, *(f for f in notes if "/" in f and f.rpartition("/")[2] in kinds)}))


def _published_language(vault: Path, names: Sequence[str]) -> tuple[str, ...]:
    """The one top folder of the vault at ``vault`` named by a language's code that is an Obsidian Publish
    site of its own (its ``publish.css`` or ``publish.js`` inside): a docs repository's ``en/``, its only
    language so far, beside its README and build scripts. ``()`` for none, or for two or more (which
    :func:`_language_vaults` reads). A topic folder so named (``ml/``) has no Publish files."""
    tops = {n.split("/", 1)[0] for n in names if "/" in n}
    found = [t for t in sorted(tops) if _LANGUAGE.match(t) and t.split("-")[0].lower() in _ISO_639_1
             and any(_is_file(vault / t / n) for n in _PUBLISH_FILES)]
    return tuple(found) if len(found) == 1 else ()


def _language_vaults(names: Sequence[str]) -> tuple[str, ...]:
    """The folders of a repository that keeps a vault per language side by side (``en/``, ``zh/``,
    ``pt-br/``: a help vault and its translations, each published as a site of its own): two or more
    top folders, each named by a language's code, that hold every note but the root's, one of them
    ``en/`` or half the notes of the smaller of two (two at least) named as notes of the other are
    (a translation keeps its notes' names); ``()`` else. Topic folders that happen to be codes
    (``ml/`` and ``os/``, machine learning and operating systems) are topics: their notes link across.

    >>> _language_vaults(["en/Home.md", "en/Sync/Plans.md", "pt-br/Home.md", "zh/Home.md", "README.md"])
    ('en', 'pt-br', 'zh')
    >>> _language_vaults(["en/a.md", "zh/b.md", "Projects/c.md"]), _language_vaults(["en/a.md", "en/b.md"])
    ((), ())
    >>> _language_vaults(["ml/Overview.md", "ml/Gradients.md", "os/Overview.md", "os/Paging.md", "os/Threads.md"])
    ()
    >>> _language_vaults(["de/Start.md", "de/Sync.md", "fr/Start.md", "fr/Sync.md", "fr/Extra.md"])
    ('de', 'fr')
    """
    tops = sorted({n.split("/", 1)[0] for n in names if "/" in n})
    if len(tops) < 2 or not all(_LANGUAGE.match(t) and t.split("-")[0] in _ISO_639_1 for t in tops):
        return ()
    if "en" in tops:
        return tuple(tops)
    notes: dict[str, set[str]] = {t: set() for t in tops}
    for n in names:
        top, _, rest = n.partition("/")
        if rest:
            notes[top].add(rest.rpartition("/")[2].rsplit(".", 1)[0].casefold())
    translated = any(len(shared := notes[a] & notes[b]) > 1 and len(shared) * 2 >= min(len(notes[a]), len(notes[b]))
                     for i, a in enumerate(tops) for b in tops[i + 1:])
    return tuple(tops) if translated else ()


def _foam(base: Path) -> bool:
    """Whether ``base`` is a Foam workspace (``.foam/``, or Foam among the editor's recommended extensions)."""
    if (base / ".foam").is_dir():
        return True
    found = _config([base.resolve()], (".vscode/extensions.json",))
    return found is not None and "foam.foam-vscode" in found[1]


#: the setting of a Foam workspace's editor that names the files Foam does not read
_FOAM_IGNORE = "foam.files.ignore"


def _foam_ignored(base: Path) -> tuple[str, ...]:
    """The globs (from the workspace's folder, as VS Code matches them) of the files a Foam workspace's
    ``.vscode/settings.json`` leaves out of Foam (``"foam.files.ignore": ["_site/**/*", "packages/**/*"]``;
    not in a ``//`` comment): Foam reads no note they match.

    >>> import tempfile
    >>> workspace = Path(tempfile.mkdtemp())
    >>> _ = (workspace / ".vscode").mkdir(), (workspace / ".vscode" / "settings.json").write_text(
    ...     '{\\n  // "foam.files.ignore": ["old"],\\n  "foam.files.ignore": ["**/_site/**/*", "packages/**/*"],\\n}\\n')
    >>> _foam_ignored(workspace)
    ('**/_site/**/*', 'packages/**/*')
    """
    found = _config([base.resolve()], (".vscode/settings.json",))
    return _js_list(_js_code(found[1])[0], _FOAM_IGNORE) if found is not None else ()


_DENDRON_CONFIG = "dendron.yml"
#: fields Dendron writes in every note's front matter (with title and desc)
_DENDRON_FIELDS = ("id", "updated", "created")


def _dendron(base: Path, names: Sequence[str], s: _Sample) -> str | None:
    """Why ``base`` is a Dendron vault (or a workspace of vaults), or ``None``: a ``dendron.yml`` here or
    up to two folders up (a vault is a folder of its workspace), else Dendron's own fields (``id``,
    ``updated``, ``created``) in most sampled notes beside a ``root.md`` or notes named by a dotted
    hierarchy (``python.asyncio.md``)."""
    config = _config(_parents(base), (_DENDRON_CONFIG,))
    if config is not None:
        return f"{_where(config[0], base)} (a Dendron vault)"
    stems = [n.rpartition("/")[2].rsplit(".", 1)[0] for n in names]
    dotted = sum(1 for stem in stems if "." in stem.strip("."))
    fielded = min(s.keys[k] for k in _DENDRON_FIELDS)
    if s.with_front_matter and fielded * 2 > s.with_front_matter and ("root" in stems or dotted * 4 >= len(names)):
        return (f"{fielded} of {s.with_front_matter} sampled files have Dendron's id, updated and created fields"
                + (", and a root.md" if "root" in stems else f", {dotted} of {len(names)} dotted names")
                + " (a Dendron vault)")
    return None


def _fit_dendron(fields: FieldMap, s: _Sample, base: Path) -> tuple[FieldMap, str]:
    """A Dendron vault's map: a note's name is a dotted hierarchy and its folder a vault, so its subject is
    the hierarchy's top level (``python.asyncio.tasks``: ``python``), after a subject field most notes
    have; ``desc`` is its description. Dendron reads the files at the top of each vault its
    ``dendron.yml`` names (:func:`_dendron_vaults`), none in a vault's folders (``assets/``)."""
    half = max(1, s.with_front_matter // 2)
    subject = next((k for k in fields.subject if s.keys[k] >= half), None)
    vaults = _dendron_vaults(base)
    fields = replace(fields, description=("desc", *fields.description),
                     subject=(subject,) if subject else fields.subject,
                     subject_from=("field", "hierarchy") if subject else ("hierarchy",),
                     keywords=tuple(k for k in fields.keywords if k != subject),
                     ignores=(*fields.ignores, *((vault, "*/", _DENDRON_VAULT) for vault in vaults)))
    return fields, ("; a Dendron vault: subject from " + (f"{subject}, else " if subject else "")
                    + "the top of each note's dotted name (python.asyncio: python); description from desc"
                    + (f"; notes at the top of its vaults ({', '.join(v or 'this folder' for v in vaults)}), not in their folders"
                       if vaults else ""))


#: what leaves out a file in a folder of a Dendron vault (:func:`_glob_ignores`)
_DENDRON_VAULT = "Dendron's vaults"


def _dendron_vaults(base: Path) -> tuple[str, ...]:
    """The folders (``vault/``; ``""``: ``base`` itself) of the Dendron vaults in ``base`` that its
    workspace's ``dendron.yml`` (here or up to two folders up) names (``workspace.vaults``, before
    version 4 ``vaults``: each a ``fsPath`` from the workspace's folder, a ``selfContained`` one's notes
    in its ``notes/``); none where there is no such config or it names none. Dendron reads a vault's notes from its top (its ``getAllFiles`` reads no
    folder): a file in a folder of it (``assets/``, ``archive/``) is none.

    >>> import tempfile
    >>> workspace = Path(tempfile.mkdtemp())
    >>> _ = (workspace / "notes").mkdir(), (workspace / _DENDRON_CONFIG).write_text(
    ...     "version: 5\\nworkspace:\\n  vaults:\\n    - fsPath: notes\\n    - fsPath: ../elsewhere\\n")
    >>> _dendron_vaults(workspace), _dendron_vaults(workspace / "notes")
    (('notes/',), ('',))
    >>> _ = (workspace / _DENDRON_CONFIG).write_text("workspace:\\n  vaults:\\n    - fsPath: .\\n      selfContained: true\\n")
    >>> _dendron_vaults(workspace)
    ('notes/',)
    """
    import yaml

    config = _config(_parents(base), (_DENDRON_CONFIG,))
    try:
        settings = _parsed(config[1], yaml.safe_load) if config is not None else None
    except ValueError:
        return ()
    if config is None or not isinstance(settings, dict):
        return ()
    workspace = settings.get("workspace")
    vaults = workspace.get("vaults") if isinstance(workspace, dict) and "vaults" in workspace else settings.get("vaults")
    if not isinstance(vaults, list):
        return ()
    resolved, found = base.resolve(), []
    for vault in vaults:
        path = vault.get("fsPath") if isinstance(vault, dict) else None
        if not isinstance(path, str) or not path.strip():
            continue
        # a self-contained vault keeps its notes in its notes/ folder (Dendron's VaultUtils.getRelPath)
        folder = Path(os.path.normpath(config[0].parent / path.strip() / (
            "notes" if isinstance(vault, dict) and vault.get("selfContained") is True else "")))
        if folder == resolved or resolved in folder.parents:
            found.append("" if folder == resolved else f"{folder.relative_to(resolved).as_posix()}/")
    return tuple(dict.fromkeys(found))


_WIKI_PARTS = ("_Sidebar", "_Footer", "_Header")  # what a GitHub wiki shows beside every page
#: a page of a GitHub wiki by its url: the repository (``OWNER/REPO``) and the page's name
_WIKI_URL = lazy_compile(r"https?://(?:www\.)?github\.com/([A-Za-z0-9-]+/[A-Za-z0-9._-]+)/wiki/([^\s#?)\]\"'<>/]+)")
#: the remote of a GitHub wiki's clone: ``github.com/OWNER/REPO.wiki.git``, the wiki of OWNER/REPO
_WIKI_REMOTE = lazy_compile(r"^[ \t]*url[ \t]*=[ \t]*\S*github\.com[:/]([A-Za-z0-9-]+/[A-Za-z0-9._-]+?)\.wiki(?:\.git)?/?[ \t]*$",
                          re.M | re.I)


def _github_wiki_repository(base: Path) -> str | None:
    """The ``OWNER/REPO`` whose wiki ``base`` is a clone of (its ``.git/config``'s remote is
    ``github.com/OWNER/REPO.wiki.git``), or ``None``."""
    config = base / ".git" / "config"
    data = _read_regular(config, 65536) if _is_file(config) else None
    found = _WIKI_REMOTE.search(data.decode("utf-8", "replace")) if isinstance(data, bytes) else None
    return found.group(1) if found else None


def _fit_github_wiki(fields: FieldMap, repository: str | None, linked: bool = False) -> tuple[FieldMap, str]:
    """A GitHub wiki's field map: each page at ``/wiki/`` and its name (its file name, spaces as hyphens,
    whatever folder it is in: GitHub lists a wiki's pages flat), the Home page at ``/wiki`` too, as GitHub
    shows it; the site the wiki of ``repository`` (``OWNER/REPO``, from its clone's remote, or ``linked``: the one
    whose wiki's urls its pages link each other by), at ``https://github.com/OWNER/REPO``, so that a link written as
    a page's url reaches it."""
    home = json.dumps({"aliases": ["/wiki", "/wiki/"]})
    fields = replace(fields, path_urls="github-wiki", data_files=(*fields.data_files, ("Home", home)),
                     alias_fields=tuple(dict.fromkeys((*fields.alias_fields, "aliases"))))
    if repository is None:
        return fields, "pages at /wiki/Page-Name"
    # the repository's other pages (its issues, its code) are no pages of the wiki: no stubs
    return replace(fields, site_url=f"https://github.com/{repository}", listing_urls=r"/(?!wiki(?:/|$)).*"), \
        f"pages at https://github.com/{repository}/wiki/Page-Name (" + (
            "the wiki its pages link by url)" if linked else "its clone's remote)")


#: MkDocs Material's blog plugin (``plugins: [blog]``, ``- blog:`` with settings), and its folder
_MKDOCS_BLOG = lazy_compile(r"^[ \t]+-[ \t]+(?:material/)?blog[ \t]*:?[ \t]*(?:#.*)?$", re.M)
_MKDOCS_BLOG_DIR = lazy_compile(r"""^[ \t]+blog_dir\s*:\s*["']?([^"'\s#]+)""", re.M)
_MKDOCS_POST_DIR = lazy_compile(r"""^[ \t]+post_dir\s*:\s*["']?([^"'#\n]+?)["']?[ \t]*(?:#.*)?$""", re.M)
_MKDOCS_AUTHORS_FILE = lazy_compile(r"""^[ \t]+authors_file\s*:\s*["']?([^"'#\n]+?)["']?[ \t]*(?:#.*)?$""", re.M)


def _blog_path(setting: str, blog_dir: str) -> str:
    """A path an MkDocs Material blog's setting gives from the docs folder (``post_dir``,
    ``authors_file``), its ``{blog}`` the blog's folder ``blog_dir`` (``""``: the docs folder itself).

    >>> _blog_path("{blog}/posts", "blog"), _blog_path("{blog}/posts", ""), _blog_path("./articles/", "x")
    ('blog/posts', 'posts', 'articles')
    """
    path = posixpath.normpath(setting.strip().replace("{blog}", blog_dir or "."))
    return path.removeprefix("./").strip("/") if path != "." else ""


#: MkDocs Material's meta plugin (``plugins: [meta]``, ``- meta:`` with settings)
_MKDOCS_META = lazy_compile(r"^[ \t]+-[ \t]+(?:material/)?meta[ \t]*:?[ \t]*(?:#.*)?$", re.M)
_MKDOCS_POST_URL = lazy_compile(r"""^[ \t]+post_url_format\s*:\s*["']?([^"'#\n]+)""", re.M)
_MKDOCS_POST_DATE = lazy_compile(r"""^[ \t]+post_url_date_format\s*:\s*["']?([^"'#\n]+)""", re.M)
_MKDOCS_DOCS_DIR = lazy_compile(r"""^docs_dir\s*:\s*["']?([^"'\s#]+)""", re.M)
#: what makes MkDocs read a Markdown link from / from the docs folder, which it else leaves as written: its
#: validation's ``absolute_links: relative_to_docs`` (1.6), or a plugin that rewrites such links (ezlinks, abs-to-rel)
_MKDOCS_ABSOLUTE_LINKS = lazy_compile(r"""\babsolute_links\s*:\s*["']?relative_to_docs\b|"""
                                    r"^[ \t]+-[ \t]+(?:ezlinks|ezlinked|abs-to-rel)[ \t]*:?[ \t]*(?:#.*)?$", re.M)
#: a plugin that finds the file a Markdown link names by its name, wherever it is (``[x](install.md)``), which
#: MkDocs else reads from the linking file's folder only: ezlinks (its file name links), autolinks, roamlinks
_MKDOCS_NAME_LINKS = lazy_compile(r"^[ \t]+-[ \t]+(?:ezlinks|ezlinked|autolinks|roamlinks)[ \t]*:?[ \t]*(?:#.*)?$", re.M)
_ELEVENTY_INPUT = lazy_compile(r"""\binput\s*:\s*["'`]([^"'`]+)["'`]|\.setInputDirectory\(\s*["'`]([^"'`]+)["'`]\s*\)""")
_JS_CONFIG = ("js", "mjs", "cjs", "ts", "mts")
#: the config files that make a folder a site of each tool (:func:`_site_tool` recognises it by them,
#: :func:`_site_content` reads them)
_MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml")
#: the pymdownx.emoji extension among an MkDocs config's markdown_extensions
_MKDOCS_EMOJI = lazy_compile(r"^[ \t]*-[ \t]+pymdownx\.emoji[ \t]*:?[ \t]*(?:#.*)?$", re.M)
#: the suffixes MkDocs reads as Markdown (mkdocs.utils.markdown_extensions) beyond those every preset
#: reads; an MDX file is none of them, and it copies one to the site as it is, no page
_MKDOCS_MARKDOWN_SUFFIXES = (".mdown", ".mkdn", ".mkd")


def _mkdocs_config(base: Path) -> tuple[Path, str] | None:
    """The config of the MkDocs site ``base`` is (``mkdocs.yml`` in it), or is the docs folder of (an
    ``mkdocs.yml`` above whose ``docs_dir``, default ``docs``, is ``base``), or else holds in its docs
    folder (:func:`_mkdocs_sites_below`, the first), with the settings of the configs it inherits
    (:func:`_mkdocs_inherited`)."""
    here = base.resolve()
    found = _config([here], _MKDOCS_CONFIGS)
    if found is not None:
        return found[0], _mkdocs_inherited(*found)
    above = _config(_parents(base)[1:], _MKDOCS_CONFIGS)
    if above is not None:
        above = above[0], _mkdocs_inherited(*above)
        declared = _MKDOCS_DOCS_DIR.search(above[1])
        if (above[0].parent / (declared.group(1) if declared else "docs")).resolve() == here:
            return above
        return None
    below = _mkdocs_sites_below(base)
    return below[0] if below else None


#: the folders of a repository where its MkDocs site, or one site per language, may be kept
_MKDOCS_SITE_FOLDERS = ("docs", "doc", "documentation")


def _mkdocs_sites_below(base: Path) -> list[tuple[Path, str]]:
    """The MkDocs sites kept in the docs folder of the repository ``base``: a config in ``docs/`` or, one
    site per language, in each of its folders (FastAPI's ``docs/en/mkdocs.yml``, ``docs/es/mkdocs.yml``),
    whose docs folder is there. The root site first: the one at the root of the site's url (the shortest
    ``site_url``: ``https://fastapi.tiangolo.com/`` before ``.../es/``), then one that inherits no other's
    settings (``docs/en/mkdocs.yml``, which each language's ``INHERIT: ../en/mkdocs.yml`` takes its site_url
    from: ``docs/de/`` is not the root site for coming first), then by path.

    >>> _mkdocs_sites_below(Path("content"))
    []
    """
    found = []
    for name in _MKDOCS_SITE_FOLDERS:
        top = base.resolve() / name
        if not _is_dir(top):
            continue
        try:
            folders = [top, *sorted((f for f in top.iterdir() if not f.name.startswith(".") and _is_dir(f)),
                                    key=lambda f: f.name)]
        except OSError:
            folders = [top]
        for folder in folders:
            config = _config([folder], _MKDOCS_CONFIGS)
            if config is None:
                continue
            config = config[0], _mkdocs_inherited(*config)
            declared = _MKDOCS_DOCS_DIR.search(config[1])
            if _is_dir(folder / (declared.group(1) if declared else "docs")):
                found.append(config)
    return sorted(found, key=lambda c: (len("".join(_yaml_text_lines(c[1], "site_url")[:1])),
                                        _MKDOCS_INHERIT.search(c[1]) is not None, c[0].parts))


_MKDOCS_INHERIT = lazy_compile(r"""^INHERIT[ \t]*:[ \t]*["']?([^"'#\n]+?)["']?[ \t]*(?:#.*)?$""", re.M)
_TOP_KEY = lazy_compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.M)


def _mkdocs_inherited(path: Path, text: str, depth: int = 0) -> str:
    """The text of the MkDocs config ``path`` (``text``) with the settings of the config its ``INHERIT``
    names (a path from its folder, inheriting in turn) that it does not set itself appended: MkDocs
    merges the two, the inheriting file's settings winning (its ``nav`` or ``plugins`` replace the
    parent's). A parent that is not there adds nothing (MkDocs stops on it, saying so).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "base.yml").write_text("site_name: B\\nnav:\\n  - a.md\\n")
    ...     print(_mkdocs_inherited(Path(d) / "mkdocs.yml", "INHERIT: base.yml\\nsite_name: C\\n"), end="")
    INHERIT: base.yml
    site_name: C
    nav:
      - a.md
    """
    m = _MKDOCS_INHERIT.search(text)
    if m is None or depth > 4:
        return text
    parent = _config([(path.parent / m.group(1).strip()).parent], ((path.parent / m.group(1).strip()).name,))
    if parent is None:
        return text
    inherited = _mkdocs_inherited(*parent, depth + 1)
    own = {key.group(1) for key in _TOP_KEY.finditer(text)}
    starts = [(key.start(), key.group(1)) for key in _TOP_KEY.finditer(inherited)] + [(len(inherited), "")]
    blocks = [inherited[start:end].rstrip("\n") + "\n" for (start, key), (end, _) in zip(starts, starts[1:])
              if key not in own and key != "INHERIT"]
    return text.rstrip("\n") + "\n" + "".join(blocks) if blocks else text
_DOCUSAURUS_CONFIGS = tuple(f"docusaurus.config.{x}" for x in _JS_CONFIG)
#: where a repository keeps its Docusaurus site, beside the docs (``docs: {path: '../docs'}``)
_DOCUSAURUS_SITE = "website/"


def _docusaurus_config(base: Path) -> tuple[Path, str, str] | None:
    """The Docusaurus config of the site at ``base``, or of the one a repository keeps in ``website/``
    (Docusaurus's own layout, and a migrated v1 site's, whose docs are often the repository's
    ``docs/``, read as ``../docs``): its path, text and folder below ``base`` (``""`` or ``website/``)."""
    for site in ("", _DOCUSAURUS_SITE):
        found = _config([(base / site).resolve()], _DOCUSAURUS_CONFIGS)
        if found is not None:
            return (*found, site)
    return None
_ASTRO_CONFIGS = tuple(f"astro.config.{x}" for x in _JS_CONFIG)


#: a call of Vite's ``import.meta.glob`` (an Astro site's code loading files): its first argument, a
#: string or a list of them
_IMPORT_GLOB = lazy_compile(r"""import\.meta\.glob\s*(?:<[^>()]*>)?\(\s*(\[[^\]]*\]|'[^'\n]*'|"[^"\n]*"|`[^`$\n]*`)""")
_JS_STRING = lazy_compile(r"""'([^'\n]*)'|"([^"\n]*)"|`([^`$\n]*)`""")
#: a glob's last part that names Markdown files (``*.md``, ``*.{md,mdx}``)
_MARKDOWN_GLOB = lazy_compile(r"\.(?:md|mdx|markdown)$|\{[^}]*\b(?:md|mdx|markdown)\b[^}]*\}$", re.I)
#: the files of an Astro site's ``src/`` that may load its pages, and how many are read at most
_CODE_SUFFIXES = (".ts", ".mts", ".js", ".mjs", ".astro", ".tsx", ".jsx")
MAX_CODE_FILES = 500


def _astro_code(base: Path, marker: bytes, suffixes: tuple[str, ...] = _CODE_SUFFIXES) -> Iterator[tuple[str, str, str]]:
    """The code files of the Astro site at ``base`` (``src/``, not ``node_modules/`` nor hidden folders, in
    name order; :data:`MAX_CODE_FILES` of those with ``suffixes`` read at most) that hold ``marker``: each
    one's folder, name and text."""
    read = 0
    for folder, dirs, files in os.walk(base / "src"):
        dirs[:] = sorted(d for d in dirs if d != "node_modules" and not d.startswith("."))
        for file_name in sorted(files):
            if not file_name.endswith(suffixes) or read >= MAX_CODE_FILES:
                continue
            read += 1
            data = _read_regular(Path(folder) / file_name, MAX_CONFIG)
            if isinstance(data, bytes) and marker in data:
                yield folder, file_name, data.decode("utf-8", "replace")


#: an Astro page that lists a collection's entries, and the entry's field its getStaticPaths passes as a parameter
_GET_COLLECTION = lazy_compile(r"""\bgetCollection\(\s*['"]([\w-]+)['"]""")
_ROUTE_PARAMS = lazy_compile(r"""\bparams\s*:\s*\{\s*(\w+)\s*:\s*\w+\.(?:id|slug)\b""")
_ROUTE_FILE = lazy_compile(r"\[(?:\.\.\.)?(\w+)\]\.astro")


def _astro_routes(base: Path) -> list[tuple[str, str]]:
    """The collections whose entries the Astro site at ``base`` publishes by a dynamic route of its own
    (``src/pages/blog/[...slug].astro`` whose ``getStaticPaths`` calls ``getCollection('blog')`` and passes
    ``params: { slug: post.id }``, or ``post.slug``), with the url prefix of that route (``/blog/``): a route
    whose folders are dynamic too, or that passes no entry's id (a paginated list), is none. The first
    route of a collection wins."""
    routes: dict[str, str] = {}
    for folder, file_name, code in _astro_code(base, b"getCollection", (".astro",)):
        below = Path(os.path.relpath(folder, base / "src" / "pages")).as_posix()
        named = _ROUTE_FILE.fullmatch(file_name)
        if named is None or below.startswith("..") or "[" in below:
            continue
        passed = _ROUTE_PARAMS.search(code)
        collection = _GET_COLLECTION.search(code)
        if passed is None or collection is None or passed.group(1) != named.group(1):
            continue
        routes.setdefault(collection.group(1), "/" + (f"{below}/" if below != "." else ""))
    return sorted(routes.items())


def _astro_globbed(base: Path) -> tuple[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] | None:
    """The Markdown files the code of the Astro site at ``base`` loads with Vite's ``import.meta.glob``, where
    it has no content collections (devhints' ``src/lib/page.ts``: ``import.meta.glob(['../../*.md',
    '../../*/*.md', '!../../README.md'])``, each sheet a page of ``[...slug].astro``): the file that loads
    them and, for each call, the globs (from ``base``, a ``/...`` one from the project's root, as Vite reads
    it) of the files it takes and of those it leaves out (``!...``). ``None`` when no code globs Markdown."""
    src = base / "src"
    if not src.is_dir():
        return None
    calls: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    where = ""
    for folder, file_name, code in _astro_code(base, b"import.meta.glob"):
        here = Path(os.path.relpath(folder, base)).as_posix()
        text = _js_code(code)[0]
        for call in _IMPORT_GLOB.finditer(text):
            takes: list[str] = []
            leaves: list[str] = []
            for string in _JS_STRING.finditer(call.group(1)):
                glob = next(g for g in string.groups() if g is not None).strip()
                negative = glob.startswith("!")
                glob = glob.removeprefix("!")
                if not _MARKDOWN_GLOB.search(glob.rpartition("/")[2]):
                    continue
                glob = glob[1:] if glob.startswith("/") else posixpath.normpath(posixpath.join(here, glob))
                if glob.startswith("../") or glob == "..":
                    continue  # outside the folder read
                (leaves if negative else takes).append(glob)
            if takes:
                calls.append((tuple(takes), tuple(leaves)))
                where = where or f"{here}/{file_name}"
    return (where, tuple(calls)) if calls else None


#: a component's front-matter value in an Astro site's code (``page.frontmatter.deprecated_by``), kept in a
#: constant (``const deprecatedBy = page.frontmatter.deprecated_by``) or not
_ASTRO_FIELD = lazy_compile(r"\bfrontmatter\??\.(\w+)")
_ASTRO_FIELD_CONSTANT = lazy_compile(r"\b(?:const|let|var)\s+(\w+)(?:\s*:\s*[\w |<>\[\]]+)?\s*=\s*[\w.?]*\bfrontmatter\??\.(\w+)")
#: a link written from an expression (``<a href={deprecatedBy}>``), and a value put through a Markdown
#: renderer (``snarkdown(page.frontmatter.intro)``, ``marked.parse(...)``)
_ASTRO_HREF = lazy_compile(r"\bhref=\{\s*([\w.?]+)\s*\}")
_ASTRO_MARKDOWN = lazy_compile(r"\b(?:snarkdown|marked(?:\.parse)?|markdownIt\(\)\.render|md\.render|micromark)\(\s*([\w.?]+)\s*[,)]")


def _astro_shown_fields(base: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The front-matter fields the components of the Astro site at ``base`` (``src/**/*.astro``) show as
    Markdown (``snarkdown(page.frontmatter.intro)``) and write into a link's href (``const deprecatedBy =
    page.frontmatter.deprecated_by`` ... ``<a href={deprecatedBy}>``): the page's links are theirs too, as
    a Jekyll layout's (:func:`_jekyll_shown_fields`)."""
    markdown: list[str] = []
    hrefs: list[str] = []
    for _, _, text in _astro_code(base, b"frontmatter", (".astro",)):
        constants = {m.group(1): m.group(2) for m in _ASTRO_FIELD_CONSTANT.finditer(text)}

        def field_of(expression: str) -> str | None:
            found = _ASTRO_FIELD.search(expression)
            return found.group(1) if found else constants.get(expression)

        for pattern, into in ((_ASTRO_MARKDOWN, markdown), (_ASTRO_HREF, hrefs)):
            for m in pattern.finditer(text):
                name = field_of(m.group(1))
                if name and name not in into:
                    into.append(name)
    return tuple(markdown), tuple(hrefs)


#: a front-matter value the site's code falls back on when a page has none (``page.frontmatter.category ??
#: 'Others'``): a text
_ASTRO_FIELD_DEFAULT = lazy_compile(r"""\bfrontmatter\??\.(\w+)\s*\?\?\s*(['"])([^'"\n]+)\2""")
#: an untitled page titled by its slug, its path (``page.frontmatter.title ?? page.slug``)
_ASTRO_SLUG_TITLE = lazy_compile(r"\bfrontmatter\??\.title\s*\?\?\s*[\w.?]*\bslug\b")


def _astro_field_defaults(base: Path) -> dict[str, str]:
    """The texts the code of the Astro site at ``base`` (``src/``) gives a page's front-matter fields it has
    none of (devhints' ``page.frontmatter.category ?? 'Others'``, where its home page lists such a sheet): the
    first one of each field; and ``"title ?? slug"`` (a text of its own, ``""``) where the code titles an
    untitled page by its slug (``page.frontmatter.title ?? page.slug``)."""
    found: dict[str, str] = {}
    for _, _, text in _astro_code(base, b"??"):
        for m in _ASTRO_FIELD_DEFAULT.finditer(text):
            found.setdefault(m.group(1), m.group(3).strip())
        if _ASTRO_SLUG_TITLE.search(text):
            found.setdefault("title ?? slug", "")
    return found


def _astro_loads(name: str, calls: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> bool:
    """Whether one of the ``import.meta.glob`` ``calls`` (:func:`_astro_globbed`) takes the file ``name`` and
    does not leave it out."""
    return any(any(_glob_pattern(t, True).fullmatch(name) for t in takes)
               and not any(_glob_pattern(x, True).fullmatch(name) for x in leaves) for takes, leaves in calls)


def _astro_glob_site(base: Path, names: Sequence[str], config: str, where: str,
                     calls: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]) -> _Site:
    """An Astro site whose code loads its pages' Markdown with ``import.meta.glob`` (:func:`_astro_globbed`):
    a file one of its calls takes (and does not leave out) is a page, front matter or not, at its path
    (``vim.md`` at ``/vim.html`` with the config's ``build: {format: 'file'}``, else ``/vim/``); another
    Markdown file (the repository's README, an index the code leaves out) is none."""
    unbuilt = {name: f"not among the files the site's code loads ({where}'s import.meta.glob): not a page"
               for name in names if not _astro_loads(name, calls)}
    files = _astro_build_format(config) == "file"
    changes: dict[str, Any] = {"no_front_matter": "article", "unbuilt": tuple(sorted(unbuilt.items())),
                               "path_urls": "files" if files else "folders"}
    site = _astro_site_url(config)
    if site:
        changes["site_url"] = site
    markdown, hrefs = _astro_shown_fields(base)
    shown = ""
    if markdown or hrefs:  # the components show them on the page: their links are the page's
        changes.update(markdown_fields=markdown, href_fields=hrefs)
        shown = "; links in the fields the components show: " + ", ".join(
            [f"{name} (as Markdown)" for name in markdown] + [f"{name} (a link's href)" for name in hrefs])
    given = _astro_field_defaults(base)
    if given.pop("title ?? slug", None) is not None:  # the page's name, not its first heading
        changes["title_fallback"] = ("file-name",)
        shown += "; an untitled page is titled by its name (title ?? slug)"
    if given:  # what the code falls back on, under each page's front matter
        changes["defaults"] = (("", "", json.dumps(given)),)
        shown += "; " + ", ".join(f"{name} {value!r}" for name, value in given.items()) + " where a page gives none"
    return _Site("", (), f"its code ({where}) loads its pages' Markdown with import.meta.glob: "
                 f"urls /page{'.html' if files else '/'}{shown}", changes)


@dataclass
class _Site:
    """What a static-site tool's config says of a corpus: its content folder (``""``: the whole
    folder), folders to skip, why (for the reason), other settings of the field map, and the
    problems of the files read on the way."""

    content_dir: str
    skip: tuple[str, ...]
    why: str
    changes: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: a folder holding its own index page alone is a page, not a section (Gatsby's posts)
    bundles: bool = False
    #: where the tool finds a page's subject, which ``changes`` set (for the reason); ``None``: it is
    #: fitted to the files (:func:`_fit_generic`)
    own_subject: str | None = None


#: a Carpentries Workbench lesson's config, which sandpaper builds the lesson's site by
_SANDPAPER_CONFIG = "config.yaml"
#: the folders of a Workbench lesson whose Markdown files are pages, in the config's order of menus
_SANDPAPER_FOLDERS = ("episodes", "learners", "instructors", "profiles")
#: the files of a Workbench lesson that are no page of their own, and why (sandpaper's reserved files)
_SANDPAPER_RESERVED = {
    "README.md": "the repository's README: sandpaper builds no page from it",
    "CONTRIBUTING.md": "the repository's contributing guide: sandpaper builds no page from it",
    "links.md": "the lesson's common link definitions, which sandpaper puts at the end of every page: not a page",
    "learners/setup.md": "shown on the home page (sandpaper joins index.md and learners/setup.md into index.html): "
                         "not a page of its own",
}


def _sandpaper_config(base: Path) -> dict[Any, Any] | None:
    """The settings of the Carpentries Workbench lesson at ``base`` (its ``config.yaml``, which says which
    carpentry the lesson is, beside an ``episodes/`` folder); ``None`` for a folder of no such lesson."""
    config = _config([base.resolve()], (_SANDPAPER_CONFIG,))
    if config is None or not _is_dir(base / "episodes") or not re.search(r"^carpentry\s*:", config[1], re.M):
        return None
    return _jekyll_settings(config[1])


def _sandpaper(base: Path, names: Sequence[str], settings: Mapping[Any, Any]) -> _Site:
    """How sandpaper (the Carpentries Workbench) builds the lesson at ``base``: the Markdown files of
    episodes/, learners/, instructors/ and profiles/ and the top folder's are pages, at the urls
    :func:`~qagraph.fields.sandpaper_url` gives (``episodes/01-intro.md`` at ``/01-intro.html``; an R Markdown
    episode, ``.Rmd``, is one too, its code chunks run into the page); where the
    config lists a folder's files (``episodes: [01-intro.md, ...]``), the others are drafts, not built; its
    reserved files (README, ``links.md``, ``learners/setup.md``, shown on the home page) are no pages;
    ``links.md``'s reference links are put at the end of every page; the home page is titled by the
    lesson's title."""
    unbuilt: dict[str, str] = {}
    lists, problems = _sandpaper_lists(base, names, settings)
    for name in names:
        folder, _, file_name = name.rpartition("/")
        if not file_name.lower().endswith((".md", ".rmd")):
            continue
        listed = lists.get(folder)
        if name in _SANDPAPER_RESERVED:
            unbuilt[name] = _SANDPAPER_RESERVED[name]
        elif folder and folder not in _SANDPAPER_FOLDERS:
            unbuilt[name] = f"in {folder}/, from which sandpaper builds no pages: not a page"
        elif listed and file_name not in listed:
            unbuilt[name] = f"not in {_SANDPAPER_CONFIG}'s {folder} list: a draft, not built"
    # a page is at its file's url whatever its front matter says (an index.md's permalink: index.html is
    # left from the older template), titled by its title (the home page by the lesson's)
    changes: dict[str, Any] = {"path_urls": "sandpaper", "unbuilt": tuple(sorted(unbuilt.items())), "url": (),
                               "lesson_questions": True, "suffixes": (".md", ".rmd"),
                               "no_front_matter": "article", "title_fallback": ("page-name",)}
    title = settings.get("title")
    if isinstance(title, str) and title.strip():
        changes["home_title"] = title.strip()
    links_text = _read_site_text(base / "links.md") if _is_file(base / "links.md") else None
    common = reference_definitions(links_text) if links_text is not None else ()
    if common:  # [Setup][lesson-setup] on any page links where links.md says
        changes["included_definitions"] = (("", common),)
    drafts = sum(1 for why in unbuilt.values() if "a draft" in why)
    why = ("built as sandpaper builds it: pages of episodes/, learners/, instructors/ and profiles/ at /name.html"
           + (f"; {drafts} drafts not in {_SANDPAPER_CONFIG}'s lists" if drafts else "")
           + ("; links.md's links on every page" if common else ""))
    return _Site("", (), why, changes, problems)


def _sandpaper_lists(base: Path, names: Sequence[str],
                     settings: Mapping[Any, Any]) -> tuple[dict[str, list[str]], list[Problem]]:
    """The files a Workbench lesson's config lists for each of its folders (``episodes: [01-intro.md]``;
    a lone name is a list of one, as sandpaper's YAML reader reads it), and warnings for a config that
    cannot be read, a list of another shape (a mapping: every file of the folder is then built) and
    names that are no file of the folder (sandpaper builds no page for them)."""
    config = _config([base.resolve()], (_SANDPAPER_CONFIG,))
    if config is None:
        return {}, []
    broken = config_problem(base, config[0], config[1], "sandpaper")
    if broken is not None:
        return {}, [broken]
    rel = Path(os.path.relpath(config[0], base.resolve())).as_posix()
    lists: dict[str, list[str]] = {}
    problems: list[Problem] = []
    for folder in _SANDPAPER_FOLDERS:
        value = settings.get(folder)
        if value is None:
            continue
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            problems.append(Problem(rel, setting_line(config[1], folder), f"{folder} is {_shape(value)}, not a list of "
                                    f"the files of {folder}/: every page there is built", "site-config", WARNING))
            continue
        listed = [str(v).strip() for v in value]
        held = {name.rpartition("/")[2] for name in names if name.startswith(folder + "/")}
        missing = [v for v in listed if v not in held]
        if missing:
            shown = ", ".join(repr(m) for m in missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
            # a list of none of its files (names run together, a folder renamed) would leave every page a draft
            after = "the list is not used, every page there is built" if len(missing) == len(listed) and held \
                else "no page is built for them"
            problems.append(Problem(rel, setting_line(config[1], folder), f"{folder} lists {len(missing)} file(s) that "
                                    f"are not in {folder}/ ({shown}): {after}", "site-config", WARNING))
            if after.startswith("the list"):
                continue
        lists[folder] = listed
    return lists, problems


def _site_content(base: Path, names: Sequence[str]) -> _Site | None:
    """The content folder a static-site tool's config at ``base`` names, when its pages are there;
    ``None`` for a folder of no such tool. The folders beside the content (a repository's README,
    the site's sources) are then not pages, and subjects come from the folders below it, as for a
    Hugo site's ``content/``.

    MkDocs (``mkdocs.yml``: ``docs_dir``, default ``docs``), Docusaurus (``docusaurus.config.*``:
    :func:`_docusaurus`), Astro (``astro.config.*``: ``src/content/``, a Starlight site's
    ``src/content/docs/``), Eleventy (``.eleventy.js``,
    ``eleventy.config.*``: its ``dir.input``).
    """
    def inside(folder: str) -> str | None:
        folder = folder.strip().strip("/").removeprefix("./").strip("/")
        prefix = f"{folder}/" if folder and folder != "." else ""
        return prefix if prefix and any(n.startswith(prefix) for n in names) else None

    sandpaper = _sandpaper_config(base)
    if sandpaper is not None:
        return _sandpaper(base, names, sandpaper)
    mkdocs = _mkdocs_config(base)
    if mkdocs is not None:
        declared = _MKDOCS_DOCS_DIR.search(mkdocs[1])
        # the docs folder below the folder read, or the folder read itself (mkdocs.yml above it)
        docs_dir = declared.group(1) if declared else "docs"
        kept = _below(mkdocs[0].parent, base.resolve())  # a site kept in the repository's docs/ (docs/en/)
        docs = inside(kept + docs_dir) if kept is not None else ""
        if docs is not None:  # every Markdown file there is a page: front matter is optional
            excluded = (*_MKDOCS_EXCLUDED, *_yaml_text_lines(mkdocs[1], "exclude_docs"))
            drafts = _yaml_text_lines(mkdocs[1], "draft_docs")
            # each page at its path: /guide/install/ (install.html with use_directory_urls: false)
            files = "".join(_yaml_text_lines(mkdocs[1], "use_directory_urls")[:1]) in _YAML_FALSE
            config_problems: list[Problem] = []
            # its pages' front matter: YAML, else the Key: value lines one starts with (MultiMarkdown's)
            # an MDX file is no Markdown to MkDocs: copied to the site as it is
            unbuilt = tuple((n, "an .mdx file: MkDocs reads no MDX, and copies it to the site as it is: not a page")
                            for n in names if n.startswith(docs) and n.lower().endswith(".mdx"))
            # and the files its exclude plugin (mkdocs-exclude) leaves out
            unbuilt = tuple(dict((*_mkdocs_excluded(mkdocs[1], names, docs), *unbuilt)).items())
            # a page whose front matter is no YAML mapping is a page all the same: MkDocs's get_data leaves its meta
            # empty and the block in its text (mkdocs/utils/meta.py), with no word of it
            changes: dict[str, Any] = {"no_front_matter": "article", "exclude_docs": excluded, "draft_docs": drafts,
                                       "lenient_yaml": True, "shown_front_matter": True,
                                       # pymdownx.emoji: a heading's :material-rocket: is an icon, no text
                                       "icon_shortcodes": bool(_MKDOCS_EMOJI.search(mkdocs[1])),
                                       **({"unbuilt": unbuilt} if unbuilt else {}),
                                       "path_urls": "files" if files else "folders", "metadata_lines": True,
                                       "title_fallback": ("opening-heading", "page-name"),
                                       "literal_absolute_links": not _MKDOCS_ABSOLUTE_LINKS.search(mkdocs[1]),
                                       # a link to a file from the linking file's folder only (its File lookup)
                                       "relative_file_links": not _MKDOCS_NAME_LINKS.search(mkdocs[1])}
            if _MKDOCS_BLOG.search(mkdocs[1]):  # Material's blog publishes its posts by date, not at their path
                blog = _MKDOCS_BLOG_DIR.search(mkdocs[1])
                blog_dir = (blog.group(1).strip("/") if blog else "blog").removeprefix(".").strip("/")
                # its posts and authors where its post_dir and authors_file say ({blog}: the blog's folder)
                post_dir, authors_at = _MKDOCS_POST_DIR.search(mkdocs[1]), _MKDOCS_AUTHORS_FILE.search(mkdocs[1])
                posts = _blog_path(post_dir.group(1) if post_dir else "{blog}/posts", blog_dir)
                changes["path_urls_except"] = changes["blog_posts"] = (posts,)
                url_format = _MKDOCS_POST_URL.search(mkdocs[1])
                date_format = _MKDOCS_POST_DATE.search(mkdocs[1])
                changes["blog_url"] = (f"/{blog_dir}/".replace("//", "/")
                                       + (url_format.group(1).strip() if url_format else "{date}/{slug}").strip("/")
                                       + (".html" if files else "/"))
                changes["blog_url_date"] = date_format.group(1).strip() if date_format else "yyyy/MM/dd"
                # a post's categories are keywords (the blog lists it under each), never its subject
                changes["subject"] = tuple(k for k in FieldMap().subject if k not in ("categories", "category"))
                authors_file = docs + _blog_path(authors_at.group(1) if authors_at else "{blog}/.authors.yml", blog_dir)
                changes["authors_map"], found = _material_authors(base, authors_file)
                if changes["authors_map"]:
                    changes["authors_map_file"] = authors_file
                config_problems = found
            languages = _mkdocs_i18n_languages(mkdocs[1])
            if languages:  # mkdocs-static-i18n: the default language at the root, the others under /fr/
                changes.update(languages=languages[1], default_language=languages[0], language_links=True)
            appended = _mkdocs_appended_definitions(mkdocs[0].parent, mkdocs[1])
            if appended:  # the Snippets extension puts these files at the end of every page
                changes["included_definitions"] = (("", appended),)
            moved = _mkdocs_redirects(mkdocs[1], docs, changes["path_urls"])
            metas, found = _mkdocs_meta_files(base, docs) if _MKDOCS_META.search(mkdocs[1]) else ((), [])
            config_problems += found
            if moved or metas:  # the meta plugin's folder front matter; the redirects' old paths (aliases)
                changes["data_files"] = metas + moved
            nav_file = _awesome_nav_file(mkdocs[1])
            if nav_file is not None:  # a folder's .pages (awesome-nav's .nav.yml) titles its section of the nav
                labels, found = _awesome_pages_titles(base, docs, nav_file)
                config_problems += found
                if labels:
                    changes["folder_labels"] = labels
            literate = _literate_nav(base, docs, mkdocs[1])  # the literate-nav plugin's SUMMARY.md, in the nav's place
            titles = _mkdocs_nav_titles(mkdocs[1], literate)
            if titles:  # the titles its nav gives pages, which MkDocs shows over their own
                changes["page_titles"] = titles
            sections = _mkdocs_nav_sections(mkdocs[1], literate)
            own_subject = None
            if sections:  # a page's subject is the nav's top-level section that lists it (Material's tab)
                changes.update(toc_subjects=sections, subject_from=("toc", "folder"))
                named = _nav_folder_labels(sections, names, docs)
                if named:  # a page the nav does not list, filed by a folder named like a section, is in that section
                    changes["folder_labels"] = tuple({**dict(named), **dict(changes.get("folder_labels", ()))}.items())
                own_subject = (f"subject from the nav's section that lists the page "
                               f"({len(set(title for _, title in sections))} sections), else the folder")
            site_url = _yaml_text_lines(mkdocs[1], "site_url")
            if site_url and "://" in site_url[0]:
                changes["site_url"] = site_url[0].rstrip("/")
            why = (f"{mkdocs[0].name}: an MkDocs site; not read: templates/"
                   f"{', the exclude_docs' if len(excluded) > 1 else ''}{' and draft_docs' if drafts else ''}; "
                   f"urls /page{'.html' if files else '/'}")
            others = [_below(c[0], base.resolve()) for c in _mkdocs_sites_below(base)[1:]] if kept else []
            if others:  # a site per language (docs/en/, docs/es/): each is built from its own folder
                why += (f"; {', '.join(o.rstrip('/') for o in others if o)}: other MkDocs sites (a site per language), "
                        "not read (build each from its folder)")
            if languages:
                why += (f"; languages {', '.join(languages[1])} (default {languages[0]}): the others' pages under "
                        f"/{languages[1][0] if languages[1][0] != languages[0] else languages[1][1]}/ (the i18n plugin)")
            own = _config([mkdocs[0].parent], (mkdocs[0].name,))  # its own lines, without what it inherits
            broken = config_problem(base, *own, "MkDocs") if own is not None else None
            return _Site(docs, (), f"pages under {docs} ({why})" if docs else why, changes,
                         ([broken] if broken is not None else []) + config_problems, own_subject=own_subject)
    docusaurus = _docusaurus_config(base)
    if docusaurus is not None:
        site = docusaurus[2]
        return _docusaurus(base, names, docusaurus[0], docusaurus[1],
                           lambda folder: inside(posixpath.normpath(posixpath.join(site, folder))), site)
    astro = _config([base.resolve()], _ASTRO_CONFIGS)
    if astro is not None:
        # its build.format: 'file' writes each route as a file named for it (/about.html, an index at /guide.html),
        # 'preserve' each but an index (src/pages/guide/index.md at /guide/); 'directory', the default, none
        build_format = _astro_build_format(astro[1])
        astro_url = _astro_site_url(astro[1])  # its pages' urls below its base, on its site
        # Starlight publishes its docs collection at the site's root: its folders are the sections
        starlight = inside("src/content/docs") if _STARLIGHT.search(astro[1]) else None
        if starlight:  # each page at its id's url (the index at the site's root), linking by its cards too
            # (its route is an index: 'preserve' writes its pages as 'directory' does)
            end = ".html" if build_format == "file" else "/"
            groups = _starlight_sidebar_groups(astro[1], [n[len(starlight):] for n in names if n.startswith(starlight)])
            own_subject = (f"subject from the sidebar's group that lists the page "
                           f"({len(set(label for _, label in groups))} groups), else the folder") if groups else None
            return _Site(starlight, (), f"pages under {starlight} ({astro[0].name}: an Astro Starlight site; "
                                        f"pages at their ids' urls, /guides/example{end})", {
                "collection_routes": (("", "/", end),), "links": ("markdown", "html"),
                "href_fields": _STARLIGHT_LINK_FIELDS,  # a splash page's hero buttons, a page's prev and next
                **({"toc_subjects": groups, "subject_from": ("toc", "folder")} if groups else {}),
                **({"site_url": astro_url} if astro_url else {})},
                own_subject=own_subject)
        content = inside("src/content")
        # a dynamic route ([slug].astro) is no index: 'file' and 'preserve' write its pages as files
        files = build_format in ("file", "preserve")
        # a Markdown file of src/pages/ is a page Astro renders at its path (about.md at /about/, an index at its
        # folder's url; as files, /about.html and /guide.html), beside the collections' entries; one named _... is no route
        pages = inside(_ASTRO_PAGES)
        own_pages: dict[str, Any] = ({"page_routes": (f"{_ASTRO_PAGES}=/",), "partials": True,
                                      **({"build_format": build_format} if files else {"trailing_slash": True})}
                                     if pages else {})
        if content:
            routes = tuple((f"{collection}/", prefix, ".html" if files else "/")
                           for collection, prefix in _astro_routes(base) if inside(f"src/content/{collection}"))
            why = f"{astro[0].name}: an Astro site's content collections" + (
                "; entries at their routes' urls (" + ", ".join(f"{c}: {p}<id>{x}" for c, p, x in routes) + ")" if routes else "") + (
                f"; the Markdown pages of {pages} at their paths" if pages else "")
            return _Site(content, (), f"pages under {content} ({why})", {
                **({"site_url": astro_url} if astro_url else {}),
                **({"collection_routes": routes} if routes else {}), **own_pages})  # each entry at its route's url
        if pages:  # no collections: its pages are the Markdown files of src/pages/, its folders their sections
            return _Site(pages, (), f"pages under {pages} ({astro[0].name}: an Astro site's Markdown pages, at their paths)",
                         {**({"site_url": astro_url} if astro_url else {}), **own_pages,
                          "no_front_matter": "article"})
        # Markdown pages in src/pages/ are Astro's own routes: a site with some is not read by its globs alone
        globbed = _astro_globbed(base) if not any(n.startswith("src/pages/") for n in names) else None
        if globbed is not None and any(_astro_loads(name, globbed[1]) for name in names):
            return _astro_glob_site(base, names, astro[1], *globbed)
    eleventy = _eleventy(base)  # an Eleventy site's own config wins over the signs of the tools below
    if eleventy is None and (book := _book_config(base)) is not None:
        return _book(base, names, *book, inside)
    if eleventy is None and (vue := _vue_config(base)) is not None:
        where, config, folder = vue
        src_dir = _VITEPRESS_SRC_DIR.search(config)
        content = inside(posixpath.normpath(posixpath.join(folder, src_dir.group(1))) if src_dir else folder) or ""
        # VitePress does not read what its srcExclude names (globs from its srcDir), nor **/dist/**
        # (nor **/node_modules/**, which is never read)
        vitepress = ".vitepress/" in where
        excluded = _js_list(config, "srcExclude") if vitepress else ()
        why = (f"{where}: every Markdown file of {content or 'the folder'} is a page; public/ (copied as it is)"
               + (" and dist/ skipped" if vitepress else " skipped")
               + (f"; not read: its srcExclude ({', '.join(excluded)})" if excluded else ""))
        # each page at its path as .html (VitePress's cleanUrls: without it), an index (VuePress: a README) at its folder's
        clean = vitepress and re.search(r"\bcleanUrls\s*:\s*true\b", _js_code(config)[0]) is not None
        urls = "vuepress" if not vitepress else "vitepress-clean" if clean else "vitepress"
        why += "; urls /page" + ("" if clean else ".html")
        # an untitled home page (layout: home, with its hero) is headed by the site's title, in its <title> too
        site_title = _VUE_TITLE.search(_js_code(config)[0])
        # a home page's hero buttons and feature cards link where they lead (VuePress 1: its one actionLink), and a
        # page's previous and next pages where its front matter sets them (VitePress)
        shown = _VITEPRESS_LINK_FIELDS if vitepress else _VUEPRESS_LINK_FIELDS
        # its sidebar's top groups file the pages they list, as VitePress shows them
        rewrites = _vitepress_rewrites(config) if vitepress else ()  # pages it publishes at other paths
        # the sidebar names a page by where it is published (rewritten): each such path is its page's
        published = {rewritten(n[len(content):], rewrites): n[len(content):] for n in names if n.startswith(content)}
        groups = tuple((published.get(f"{page}.md", f"{page}.md").rsplit(".", 1)[0], label) for page, label in
                       _vitepress_sidebar_groups(config, list(published))) if vitepress else ()
        # its pages are below its base, on its site (the url its sitemap gives): its links are written without the
        # base, which it prepends to them (VuePress: its router's), but raw HTML and a link in full name it
        vue_url = _url_below(_js_setting(config, "hostname"), _js_setting(config, "base", _VUE_OPTIONS))
        if rewrites:
            why += f"; pages published where its rewrites say ({len(rewrites)} route{'s' if len(rewrites) > 1 else ''})"
        # its other languages' folders (zh/) hold translations of its pages: a page's subject is the folder inside
        locales = _vue_locale_folders(config)
        if locales:
            why += "; its locales' folders (" + ", ".join(f"{f}/" for f in locales) + ") no subjects"
        # a page is a Vue template of its Markdown, rendered with markdown-it's html on: its <a href> links too
        return _Site(content, ("public", "dist") if vitepress else ("public",),
                     f"pages under {content} ({why})" if content else why,
                     {"no_front_matter": "article", "ignores": tuple((content, glob, "srcExclude") for glob in excluded),
                      **({"site_url": vue_url} if vue_url else {}), **({"path_rewrites": rewrites} if rewrites else {}),
                      **({"language_folders": locales} if locales else {}),
                      "links": ("markdown", "html"), "path_urls": urls, "href_fields": shown,
                      **({"home_title": site_title.group(2).strip()} if site_title and site_title.group(2).strip() else {}),
                      **({"toc_subjects": groups, "subject_from": ("toc", "folder")} if groups else {})},
                     own_subject=(f"subject from the sidebar's group that lists the page "
                                  f"({len(set(label for _, label in groups))} groups), else the folder") if groups else None)
    gatsby = _config([base.resolve()], _GATSBY_CONFIGS) if eleventy is None else None
    if gatsby is not None:
        return _gatsby(gatsby[0], gatsby[1], inside)
    pelican = _config(_parents(base), _PELICAN_CONFIGS) if eleventy is None else None
    if pelican is not None:
        return _pelican(base, *pelican, inside, names)
    nikola = _nikola_config(base) if eleventy is None else None
    if nikola is not None:
        return _nikola(base, *nikola, names)
    if eleventy is not None:
        source, input_dir, gitignore, added = eleventy
        content = (inside(input_dir) if input_dir else None) or ""
        data, problems = _eleventy_data(base, names)
        ignores = _eleventy_ignores(base, content, gitignore) + tuple(
            ("", glob.removeprefix("./").lstrip("/"), _ELEVENTY_CONFIG_IGNORES) for glob in added)
        why = f"{source}: an Eleventy site" + (
            f"; defaults from the data files of {len(data)} folder{'s' if len(data) > 1 else ''} and pages" if data else "") + (
            "; not read: what " + ", ".join(dict.fromkeys(i[2] for i in ignores)) + " name" if ignores else "")
        # a permalink in computed data wins over the front matter's; _includes/ holds layouts and
        # partials, _data/ global data, _site/ the output: no pages
        # a tags string is one tag to Eleventy ("tags: second tag"), not words: split on commas only
        changes = {"data_files": data, "page_variables": True, "url": ("eleventyComputed.permalink", "url", "permalink"),
                   "keyword_separator": ",", "ignores": ignores,
                   "path_urls": "eleventy"}  # a page without a permalink: at its path, as a folder's index.html
        if _GARDEN_NOTES.startswith(content) and _garden_site(names):
            # the Digital Garden plugin's site template: the notes it published are in src/site/notes/, whose
            # folders are the garden's (its file tree), and it publishes only those that say dg-publish: true
            content = _GARDEN_NOTES
            changes["publish_marks"] = ("dg-publish",)
            changes["inline_tags"] = True  # the template makes a tag of each #tag in a note's text, as Obsidian does
            del changes["path_urls"]  # its notes are where the plugin publishes them
            why += "; a Digital Garden site (the notes the plugin published)"
        return _Site(content, ("_includes", "_data", "_site"), f"pages under {content} ({why})" if content else why,
                     changes, problems)
    return _nextra(base, names, inside) or _mintlify(base) or _docsify(base, names, inside) or _nuxt_content(base, inside) or \
        _fumadocs(base, inside) or _rspress(base, inside)


#: a Nuxt project's dependency on Nuxt Content (or on Docus, the docs theme made of it), in its package.json
_NUXT_CONTENT = lazy_compile(r'"(?:@nuxt/content|@nuxt-themes/docus|docus)"\s*:')
#: the files that title a Nuxt Content folder in its navigation: ``_dir.yml`` (v2), ``.navigation.yml`` (v3)
_NUXT_DIR_FILES = ("_dir.yml", ".navigation.yml")


def _nuxt_content(base: Path, inside: Callable[[str], str | None]) -> _Site | None:
    """A Nuxt Content site (a ``package.json`` that depends on ``@nuxt/content``, or on Docus) of a ``content/``
    folder, or ``None``.

    Nuxt Content reads every Markdown file of ``content/``, front matter or not, and gives each the path its
    path-meta transformer makes of the file's (:func:`~qagraph.fields.path_url`, ``nuxt-content``): each part
    without the number that orders it (``1.guide/2.setup.md`` at ``/guide/setup``), in lower case, an ``index``
    at its folder's; a file or folder named ``_...`` is a partial, no page. A folder's ``_dir.yml`` (v3:
    ``.navigation.yml``) titles it in the navigation, which labels its section."""
    package = base / "package.json"
    text = _read_site_text(package, MAX_CONFIG) if _is_file(package) else None
    if text is None or not _NUXT_CONTENT.search(text):
        return None
    content = inside("content")
    if not content:
        return None
    labels, problems = _nuxt_dir_titles(base, content)
    changes: dict[str, Any] = {"no_front_matter": "article", "path_urls": "nuxt-content", "partials": True,
                               "sort_prefixes": True, "links": ("markdown", "html")}
    why = "package.json: a Nuxt Content site; pages at their paths without their order numbers (1.guide/2.setup.md at /guide/setup)"
    if labels:
        changes["folder_labels"] = labels
        why += f"; {len(labels)} section{'s' if len(labels) > 1 else ''} titled by _dir.yml"
    return _Site(content, (), f"pages under {content} ({why})", changes, problems)


def _nuxt_dir_titles(base: Path, content: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The titles a Nuxt Content site's folder files (``_dir.yml``, ``.navigation.yml``) give the folders they
    are in, below ``content`` (:func:`_folder_file_titles`)."""
    return _folder_file_titles(base, content, _NUXT_DIR_FILES, "YAML")


def _folder_file_titles(base: Path, content: str, names: tuple[str, ...],
                        syntax: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The ``title`` each folder's own data file (one of ``names``, in ``syntax``: a Nuxt Content
    ``_dir.yml``, a Fumadocs ``meta.json``) gives its folder, below ``content`` (itself left out: it labels no
    section), as ``FieldMap.folder_labels`` (the folder's path from ``base``, its title); one that cannot be
    read is a warning (its folder's name labels it)."""
    labels: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for where, folder, meta, _ in _folders_holding(base / content, base, names, skip=(".", "_")):
        if where == content.rstrip("/"):
            continue
        try:
            value = _data_file(folder / meta, f"the {meta} file", syntax)
        except ValueError as exc:
            problems.append(_unread_problem(f"{where}/{meta}", exc, "its folder's name labels its section"))
            continue
        title = value.get("title") if isinstance(value, dict) else None
        if isinstance(title, str) and title.strip():
            labels.append((where, title.strip()))
    return tuple(labels), problems


#: a Next.js (or other) project's dependency on Fumadocs, in its package.json
_FUMADOCS = lazy_compile(r'"fumadocs-(?:core|mdx|ui)"\s*:')
#: the folder of a Fumadocs MDX docs collection (``defineDocs({dir: 'content/docs'})``, its default)
_FUMADOCS_DIR = lazy_compile(r"""\bdefineDocs\s*\(\s*\{[^{}]*?\bdir\s*:\s*(['"`])([^'"`\n]+)\1""")
#: the url the loader puts a collection's pages below (``loader({baseUrl: '/docs', ...})``)
_FUMADOCS_BASE_URL = lazy_compile(r"""\bbaseUrl\s*:\s*(['"`])([^'"`\n]*)\1""")
#: where a Fumadocs project keeps its loader (``lib/source.ts``), from its root
_FUMADOCS_SOURCES = tuple(f"{src}lib/source.{x}" for src in ("", "src/") for x in ("ts", "tsx", "js", "mjs"))


def _fumadocs(base: Path, inside: Callable[[str], str | None]) -> _Site | None:
    """A Fumadocs site (a ``package.json`` that depends on ``fumadocs-core``, ``-mdx`` or ``-ui``) of a docs
    folder, or ``None``.

    Its docs collection is the folder ``source.config.ts`` gives ``defineDocs`` (``content/docs`` by default);
    each Markdown or MDX file there is a page at its slugs (its path without suffix, an ``index`` at its folder's,
    a ``(group)`` folder no part of it) below the ``baseUrl`` its loader (``lib/source.ts``) gives (``/docs``
    when it says none it can be read from); a folder's ``meta.json`` ``title`` labels its section, as the
    sidebar shows it; the files beside the docs folder are no pages."""
    package = base / "package.json"
    text = _read_site_text(package, MAX_CONFIG) if _is_file(package) else None
    if text is None or not _FUMADOCS.search(text):
        return None
    config = _config([base.resolve()], tuple(f"source.config.{x}" for x in _JS_CONFIG))
    declared = _FUMADOCS_DIR.search(_js_code(config[1])[0]) if config is not None else None
    content = inside(declared.group(2) if declared else "content/docs")
    if not content:
        return None
    loader = _config([base.resolve()], _FUMADOCS_SOURCES)
    found = _FUMADOCS_BASE_URL.search(_js_code(loader[1])[0]) if loader is not None else None
    base_url = "/" + (found.group(2) if found else "/docs").strip("/")
    labels, problems = _fumadocs_titles(base, content)
    changes: dict[str, Any] = {"no_front_matter": "article", "path_urls": "fumadocs", "url_base": base_url.rstrip("/"),
                               "links": ("markdown", "html")}  # every .md and .mdx file, _ ones too (its **/*.{md,mdx})
    why = (f"package.json: a Fumadocs site; pages at {base_url.rstrip('/')}/ and their slugs (a (group) folder no "
           "part of them, an index at its folder's)")
    if labels:
        changes["folder_labels"] = labels
        why += f"; {len(labels)} section{'s' if len(labels) > 1 else ''} titled by meta.json"
    return _Site(content, (), f"pages under {content} ({why})", changes, problems)


def _fumadocs_titles(base: Path, content: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The titles the ``meta.json`` of each folder of a Fumadocs docs folder ``content`` (below ``base``) gives
    its folder (:func:`_folder_file_titles`)."""
    return _folder_file_titles(base, content, ("meta.json",), "JSON")


_RSPRESS_CONFIGS = tuple(f"rspress.config.{x}" for x in _JS_CONFIG)
#: an Rspress config's ``root`` (``'docs'``, ``path.join(__dirname, 'docs')``), and its ``route: {cleanUrls: true}``
_RSPRESS_ROOT = lazy_compile(r"""\broot\s*:\s*(?:(?:path\.)?(?:join|resolve)\(\s*__dirname\s*,\s*)?(['"`])([^'"`\n]+)\1""")
_RSPRESS_CLEAN = lazy_compile(r"\bcleanUrls\s*:\s*true\b")


def _rspress(base: Path, inside: Callable[[str], str | None]) -> _Site | None:
    """An Rspress site (``rspress.config.*``), or ``None``.

    Rspress publishes each Markdown or MDX file of its ``root`` (``docs/`` by default), front matter or not, at
    its path as ``.html`` (``route: {cleanUrls: true}``: without), an ``index`` at its folder's url, as VitePress
    does; its ``public/`` is copied as it is. A folder's section is labelled as its sidebar shows it: by the
    ``label`` of the ``{"type": "dir"}`` item of its parent's ``_meta.json``, else (a top folder) by the nav item
    (Rspress 1's root ``_meta.json``, 2's ``_nav.json``) whose ``link`` leads into it."""
    config = _config([base.resolve()], _RSPRESS_CONFIGS)
    if config is None:
        return None
    code = _js_code(config[1])[0]
    declared = _RSPRESS_ROOT.search(code)
    content = inside(declared.group(2) if declared else "docs")
    if not content:
        return None
    labels, problems = _rspress_labels(base, content)
    clean = bool(_RSPRESS_CLEAN.search(code))
    changes: dict[str, Any] = {"no_front_matter": "article", "path_urls": "vitepress-clean" if clean else "vitepress",
                               "links": ("markdown", "html")}
    why = (f"{config[0].name}: an Rspress site; pages at their paths{'' if clean else ' as .html'} (an index at its "
           "folder's url)")
    if labels:
        changes["folder_labels"] = labels
        why += f"; {len(labels)} section{'s' if len(labels) > 1 else ''} labelled by _meta.json and its nav"
    return _Site(content, ("public",), f"pages under {content} ({why})", changes, problems)


def _rspress_labels(base: Path, content: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The labels an Rspress site's ``_meta.json`` files (each one's ``{"type": "dir", "name", "label"}`` items,
    for the folders beside it) and its nav (the root's ``_nav.json``, or Rspress 1's root ``_meta.json``: items of
    ``text`` and ``link``, for the top folder the link leads into) give its folders, as ``FieldMap.folder_labels``;
    a file that cannot be read is a warning (its folders' names label them)."""
    found: dict[str, str] = {}
    nav: dict[str, str] = {}
    problems: list[Problem] = []
    top = content.rstrip("/")
    for where, folder, meta, dirs in _folders_holding(base / content, base, ("_meta.json", "_nav.json"),
                                                      skip=(".", "public")):
        for name in ("_meta.json", "_nav.json") if where == top else ("_meta.json",):
            if not _is_file(folder / name):
                continue
            try:
                value = _data_file(folder / name, f"the {name} file", "JSON")
            except ValueError as exc:
                problems.append(_unread_problem(f"{where}/{name}", exc, "the folders' names label their sections"))
                continue
            for item in value if isinstance(value, list) else ():
                if not isinstance(item, dict):
                    continue
                label = item.get("label")
                if item.get("type") == "dir" and isinstance(item.get("name"), str) and isinstance(label, str) \
                        and label.strip() and item["name"] in dirs:
                    found.setdefault(f"{where}/{item['name']}", label.strip())
                text, link = item.get("text"), item.get("link")
                if where == top and isinstance(text, str) and text.strip() and isinstance(link, str) \
                        and link.startswith("/") and (first := link.strip("/").split("/", 1)[0]) in dirs:
                    nav.setdefault(f"{where}/{first}", text.strip())
    return tuple(sorted({**nav, **found}.items())), problems


#: a Mintlify site's config: ``docs.json`` (since 2025) or ``mint.json``, and what marks it as Mintlify's
_MINTLIFY_CONFIGS = ("docs.json", "mint.json")
_MINTLIFY = lazy_compile(r"""mintlify\.com/(?:docs|schema)\.json|"navigation"\s*:""")


def _mintlify(base: Path) -> _Site | None:
    """A Mintlify site (a ``docs.json`` or ``mint.json`` with its ``navigation``), or ``None``.

    Mintlify publishes each page at its path without suffix (``essentials/settings.mdx`` at
    ``/essentials/settings``, an ``index`` at its folder's), and its navigation files the pages it lists in
    groups (``{"group": "Get started", "pages": ["index", "quickstart"]}``, in tabs, anchors or other groups: the
    outermost group is the page's section); its ``snippets/`` are files its pages import, no pages."""
    config = _config([base.resolve()], _MINTLIFY_CONFIGS)
    if config is None or not _MINTLIFY.search(config[1]):
        return None
    where = config[0].name
    changes: dict[str, Any] = {"path_urls": "nextjs", "links": ("markdown", "html")}  # <a href> and its MDX components'
    problems: list[Problem] = []
    try:
        settings = _data_file(config[0], where, "JSON")
    except ValueError as exc:
        settings = None
        problems.append(_unread_problem(where, exc, "its pages are filed by folder", "site-config"))
    groups = _mintlify_groups(settings.get("navigation") if isinstance(settings, dict) else None)
    why = f"{where}: a Mintlify site; pages at their paths (/essentials/settings); snippets/ (imported) skipped"
    own = None
    if groups:
        changes.update(toc_subjects=groups, subject_from=("field", "toc", "folder"))
        own = f"subject from the navigation's group that lists the page ({len(set(g for _, g in groups))} groups), else the folder"
    return _Site("", ("snippets",), why, changes, problems, own_subject=own)


def _mintlify_groups(navigation: Any) -> tuple[tuple[str, str], ...]:
    """The ``(page, group)`` pairs of a Mintlify ``navigation``: each page it names (its path without suffix)
    and the outermost group that lists it, through tabs, anchors, versions, languages and dropdowns (a list of
    groups in ``mint.json``); the first group to list a page files it.

    >>> _mintlify_groups({"tabs": [{"tab": "Guides", "groups": [{"group": "Get started", "pages": ["index",
    ...     {"group": "More", "pages": ["more/a"]}]}]}]})
    (('index', 'Get started'), ('more/a', 'Get started'))
    """
    found: dict[str, str] = {}

    def pages(entries: Any, group: str) -> None:
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, str) and entry.strip():
                found.setdefault(entry.strip().strip("/"), group)
            elif isinstance(entry, dict):
                pages(entry.get("pages"), group)

    def walk(value: Any, depth: int = 0) -> None:
        if depth > 50:
            return
        if isinstance(value, list):
            for item in value:
                walk(item, depth + 1)
        elif isinstance(value, dict):
            group = value.get("group")
            if isinstance(group, str) and group.strip():
                pages(value.get("pages"), group.strip())
                return
            for key, item in value.items():
                if key != "global" and isinstance(item, (list, dict)):
                    walk(item, depth + 1)

    walk(navigation)
    return tuple(found.items())


#: a Next.js config that loads Nextra (``require('nextra')``, ``import nextra from 'nextra'``)
_NEXTRA = lazy_compile(r"""(?:require\s*\(\s*|from\s+)["']nextra["']""")
_NEXT_CONFIGS = tuple(f"next.config.{x}" for x in _JS_CONFIG)
#: the Markdown page files of Next.js's app router, which Nextra 4 reads
_APP_PAGES = ("page.md", "page.mdx")
#: a package.json that depends on Nextra (its config may load it through another package's)
_NEXTRA_PACKAGE = lazy_compile(r'"nextra"\s*:\s*"')
#: Nextra 4's ``contentDirBasePath``, the route its content folder is published at, and Next.js's ``trailingSlash``
_NEXTRA_BASE_PATH = lazy_compile(r"""(?<![\w$.])["']?contentDirBasePath["']?\s*:\s*["'`]([^"'`\n]*)["'`]""")
_NEXT_TRAILING_SLASH = lazy_compile(r"""(?<![\w$.])["']?trailingSlash["']?\s*:\s*true\b""")
#: the files of a Nextra folder's sidebar settings, JSON (Nextra 2) or a module (Nextra 3)
_NEXTRA_META = ("_meta.json", *(f"_meta.{x}" for x in ("js", "jsx", "ts", "tsx", "mjs")))
#: a ``key: 'Title'`` (or ``"key": {title: "Title"``) entry of a ``_meta.js`` module's object
_NEXTRA_META_ENTRY = lazy_compile(r"""(?<![\w$.])(?:["']([^"'\n]+)["']|([A-Za-z_$][\w$-]*))\s*:\s*"""
                                r"""(?:\{\s*(?:[^{}]*?[,{\s])?title\s*:\s*)?["'`]([^"'`\n]+)["'`]""")


def _nextra(base: Path, names: Sequence[str], inside: Callable[[str], str | None]) -> _Site | None:
    """A Nextra site (a ``next.config.*`` that loads ``nextra``, or one beside a ``package.json`` that depends on
    it) of a ``pages/`` folder, or of a ``content/`` folder beside ``app/`` (Nextra 4), or ``None``.

    Next.js publishes each Markdown or MDX file of ``pages/`` at its route, its path without suffix (an
    ``index`` at its folder's: ``pages/core/split.mdx`` at ``/core/split``), front matter or not; the
    files beside ``pages/`` are none. Nextra 4 has the app router's catch-all route (``app/[[...mdxPath]]/page.jsx``)
    publish those of ``content/`` (or ``src/content/``) so, below its config's ``contentDirBasePath``
    (``content/guide/setup.mdx`` at ``/docs/guide/setup``), with a ``/`` after each where the Next.js config
    says ``trailingSlash: true``. A folder's section is labelled by the title its parent's ``_meta.json``
    (or ``_meta.js``) gives it (``"core": "Core contracts"``), as Nextra's sidebar shows it."""
    config = _config([base.resolve()], _NEXT_CONFIGS)
    package = _config([base.resolve()], ("package.json",))
    if not (config is not None and _NEXTRA.search(config[1]) or package is not None and _NEXTRA_PACKAGE.search(package[1])):
        return None
    where = config[0].name if config is not None and _NEXTRA.search(config[1]) else "package.json"
    # Nextra 4: the app router's content folder, in the project's root or in src/ (as app/ may be)
    content = next((found for found in (inside("content"), inside("src/content")) if found), None) if any(
        _is_dir(base / folder) for folder in ("app", "src/app")) else None
    if content:
        labels, problems = _nextra_labels(base, content)
        code = config[1] if config is not None else ""
        route = _NEXTRA_BASE_PATH.search(code)
        prefix = "/" + (route.group(1).strip().strip("/") if route else "")
        slash = _NEXT_TRAILING_SLASH.search(code) is not None
        changes: dict[str, Any] = {"no_front_matter": "article", "page_routes": (f"{content[:-1]}={prefix}",),
                                   "trailing_slash": slash, "links": ("markdown", "html")}
        why = (f"{where}: a Nextra 4 site; pages at their routes ({prefix.rstrip('/')}/guide/setup"
               f"{'/' if slash else ''}, an index at its folder's)")
        if labels:
            changes["folder_labels"] = labels
            why += f"; {len(labels)} section{'s' if len(labels) > 1 else ''} labelled by _meta files"
        return _Site(content, (), f"pages under {content} ({why})", changes, problems)
    app = next((found for found in (inside("app"), inside("src/app")) if found), None)
    pages = [n for n in names if app and n.startswith(app) and n.rpartition("/")[2] in _APP_PAGES]
    if app and pages and not (inside("pages") or inside("src/pages")):
        # the app router's own pages: a page file at its folder's route, no other Markdown file of app/ a page
        labels, problems = _nextra_labels(base, app)
        # a route group's folder, (marketing), files its pages by its name: Marketing
        groups = sorted({f"{app}{'/'.join(parts[:i + 1])}" for n in pages for parts in [n[len(app):].split("/")[:-1]]
                         for i, part in enumerate(parts) if part.startswith("(") and part.endswith(")")})
        labels = tuple(labels) + tuple((g, _folder_label(g.rpartition("/")[2][1:-1])) for g in groups
                                       if g not in dict(labels) and g.rpartition("/")[2][1:-1].strip())
        unbuilt = tuple((n, "not a page file (page.mdx): the app router publishes no page of it") for n in names
                        if n.startswith(app) and n.lower().endswith((".md", ".mdx")) and n not in pages)
        changes = {"no_front_matter": "article", "path_urls": "nextjs-app", "links": ("markdown", "html"),
                   "partials": True, "unbuilt": unbuilt, "title_fallback": ("heading", "file-name")}
        why = f"{where}: a Nextra 4 site of the app router's page files; pages at their folders' routes (/docs/guide)"
        if labels:
            changes["folder_labels"] = labels
            why += f"; {len(labels)} section{'s' if len(labels) > 1 else ''} labelled by _meta files"
        return _Site(app, (), f"pages under {app} ({why})", changes, problems)
    content = inside("pages") or inside("src/pages")
    if not content:
        return None
    labels, problems = _nextra_labels(base, content)
    changes = {"no_front_matter": "article", "path_urls": "nextjs", "links": ("markdown", "html")}
    why = f"{where}: a Nextra site; pages at their routes (/core/split, an index at its folder's)"
    if labels:
        changes["folder_labels"] = labels
        why += f"; {len(labels)} section{'s' if len(labels) > 1 else ''} labelled by _meta files"
    return _Site(content, (), f"pages under {content} ({why})", changes, problems)


def _nextra_labels(base: Path, content: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The titles a Nextra site's ``_meta`` files give its folders (each file names the entries of its own
    folder: ``{"core": "Core contracts"}`` or ``{"core": {"title": "Core contracts"}}``), as
    ``FieldMap.folder_labels`` (the folder's path, the title); a ``_meta.json`` that cannot be read is a
    warning (the folders' names label them). A ``_meta.js`` is not run: its plain ``key: 'Title'`` entries
    are read."""
    labels: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for where, folder, meta, dirs in _folders_holding(base / content, base, _NEXTRA_META, skip=(".", "_")):
        titles: dict[str, str] = {}
        if meta == "_meta.json":
            try:
                value = _data_file(folder / meta, "the _meta.json file", "JSON")
            except ValueError as exc:
                problems.append(_unread_problem(f"{where}/{meta}", exc, "the folders' names label their sections"))
                continue
            for key, entry in (value.items() if isinstance(value, dict) else ()):
                title = entry.get("title") if isinstance(entry, dict) else entry
                if isinstance(key, str) and isinstance(title, str) and title.strip():
                    titles[key] = title.strip()
        else:
            text = _read_site_text(folder / meta)
            for m in _NEXTRA_META_ENTRY.finditer(_js_code(text)[0] if text else ""):
                titles.setdefault(m.group(1) or m.group(2), m.group(3).strip())
        for key, title in titles.items():
            if key in dirs:  # a folder's title; a page's is its own (its front matter's or first heading's)
                labels.append((f"{where}/{key}", title))
    return tuple(labels), problems


#: a Docsify site's ``index.html``: its ``window.$docsify`` settings, or the script it loads
_DOCSIFY = lazy_compile(r"""window\.\$docsify\b|<script[^>]+src=["'][^"']*\bdocsify\b""")
#: the files a Docsify site loads beside its pages, and what each is
_DOCSIFY_PARTS = {"_sidebar.md": "Docsify's sidebar (loadSidebar), shown beside the pages", "_navbar.md":
                  "Docsify's navbar (loadNavbar), shown above the pages", "_coverpage.md":
                  "Docsify's cover page (coverpage), shown over the home page", "_404.md": "Docsify's page of a missing route"}
#: an HTML page's script: the file it loads (its ``src``), else its code
_SCRIPT = lazy_compile(r"""<script\b(?:[^>]*?\ssrc\s*=\s*["']?([^"'\s>]+))?[^>]*>(.*?)</script\s*>""", re.S | re.I)
#: an HTML comment, by its opening and its closing (:func:`~qagraph.links.replace_spans`)
_HTML_COMMENT = ((re.compile("<!--"), re.compile("-->")),)
#: a Docsify setting that reads a page's relative links from its own folder, not the site's root
_DOCSIFY_RELATIVE = lazy_compile(r"""(?<![\w$.])["']?relativePath["']?\s*:\s*true\b""")
#: a Docsify setting that routes by the url's path (``/guide``), not by its hash (``/#/guide``)
_DOCSIFY_HISTORY = lazy_compile(r"""(?<![\w$.])["']?routerMode["']?\s*:\s*(["'`])history\1""")
#: an item of a Docsify ``_sidebar.md``: its indent and text
_SIDEBAR_ITEM = lazy_compile(r"^([ \t]*)[-*+][ \t]+(.*?)[ \t]*$")


def _docsify(base: Path, names: Sequence[str], inside: Callable[[str], str | None]) -> _Site | None:
    """A Docsify site (an ``index.html`` of ``window.$docsify``, in the folder or its ``docs/``), or ``None``.

    Docsify renders every Markdown file of the folder of its ``index.html`` in the browser, front matter or not,
    at its route: its path without ``.md``, a ``README.md`` at its folder's (``guide.md`` at ``/guide``, shown as
    ``/#/guide``; ``/guide`` with ``routerMode: 'history'``); HTML links to ``#/guide`` or ``/#/guide`` are links to
    that route (in history mode, an anchor of the page and the home page), Markdown ones always an anchor of the page
    and the home page (its link compiler's ``replaceSlug`` makes their first ``#`` an ``?id=``). Its ``_sidebar.md``,
    ``_navbar.md`` and ``_coverpage.md`` are no pages, nor are the files named ``_...`` it embeds; the
    sidebar's groups (a ``- Getting started`` item over the pages' links) file the pages under them."""
    for folder in ("", "docs"):
        index = base / folder / "index.html"
        text = _read_site_text(index) if _is_file(index) else None
        if text is None or not _DOCSIFY.search(text):
            continue
        content = (inside(folder) or "") if folder else ""
        if folder and not content:
            continue
        own = [n for n in names if n.startswith(content)]
        unbuilt = tuple((n, f"{_DOCSIFY_PARTS[n.rpartition('/')[2]]}: not a page") for n in own
                        if n.rpartition("/")[2] in _DOCSIFY_PARTS)
        # its router reads a relative link from the site's root; with relativePath: true, from the page's folder;
        # its routes are the urls' hashes (<a href="#/guide">), or with routerMode: 'history' their paths (#/guide an
        # anchor)
        settings = _docsify_settings(text, index.parent)
        relative = _DOCSIFY_RELATIVE.search(settings) is not None
        history = _DOCSIFY_HISTORY.search(settings) is not None
        router = (() if relative else ("docsify-history",)) if history else ("docsify-relative",) if relative else ("docsify",)
        # its router reads the route / (and /README) as /README.md, and that as its homepage (from the site's root, or
        # another host's file): the root's README is then never shown, the homepage's file is the page at /
        homepage = _js_setting(settings, "homepage") or ""
        other_host = ":" in homepage or "//" in homepage  # its router's isAbsolutePath
        home = posixpath.normpath("/" + homepage).lstrip("/") if homepage and not other_host else ""
        readme = f"{content}README.md"
        moved = bool(homepage) and home != "README.md"
        if moved and readme in own:
            unbuilt += ((readme, f"Docsify shows its homepage ({homepage}) at /, not the root's README"),)
        home = f"{content}{home}" if moved and f"{content}{home}" in own else ""
        changes: dict[str, Any] = {"no_front_matter": "article", "path_urls": "docsify", "partials": True, "unbuilt": unbuilt,
                                   "links": ("markdown", "html", *router), "title_fallback": ("heading", "page-name"),
                                   # a link to its README (/README, README.md from the root) is one to the homepage
                                   **({"home_page": home} if home else {}), **({"url_prefixes": r"/README(?:\.md)?"}
                                                                                 if moved else {})}
        groups = _docsify_groups(base, content, [n for n, _ in unbuilt if n.endswith("_sidebar.md")], set(own), home)
        why = (f"{index.relative_to(base).as_posix()}: a Docsify site; pages at their routes (/guide, README at its folder's"
               f"{f'; {home[len(content):]} at /, its homepage' if home else ''}"
               f"{'; routerMode history: no #/' if history else ''}); "
               f"relative links read from {'the page' if relative else 'the root'}")
        if groups:
            changes.update(toc_subjects=groups, subject_from=("field", "toc", "folder"))
            why += f"; filed under the {len(set(g for _, g in groups))} groups of its sidebar"
        return _Site(content, (), f"pages under {content} ({why})" if content else why, changes,
                     own_subject="subject from the sidebar's group that lists the page, else the folder" if groups else None)
    return None


def _docsify_settings(page: str, folder: Path) -> str:
    r"""The code of the scripts of a Docsify ``index.html`` (in ``folder``) that set ``window.$docsify``, without
    their comments (the page's text around them, which a JavaScript reading would take apart at its first apostrophe,
    aside): the page's own, and those of the site's files it loads (``<script src="/js/setting.js">``, from its folder
    as the browser reads it; a script of another host is none of the site's, nor one in a comment).

    >>> code = _docsify_settings("<p>It's</p><script>\n  window.$docsify = {\n  // relativePath: true,\n  name: 'x' }\n</script>",
    ...                          Path("."))
    >>> "relativePath" in code, "name: 'x'" in code
    (False, True)
    """
    codes = []
    for m in _SCRIPT.finditer(replace_spans(page, _HTML_COMMENT, lambda _: "")):
        code: str | None = m.group(2)
        if m.group(1):  # a file of the site (not another host's): its code
            path = posixpath.normpath(m.group(1).split("?", 1)[0].split("#", 1)[0].lstrip("/"))
            own = ":" not in m.group(1) and not m.group(1).startswith("//") and path.partition("/")[0] != ".."
            code = _read_site_text(folder / path, MAX_CONFIG) if own and _is_file(folder / path) else None
        if code and "$docsify" in code:
            codes.append(_js_code(code)[0])
    return "\n".join(codes)


def _docsify_groups(base: Path, content: str, sidebars: Sequence[str], names: set[str],
                    home: str = "") -> tuple[tuple[str, str], ...]:
    """The ``(page, group)`` pairs of a Docsify site's ``sidebars``: the page (its path below ``content``,
    without ``.md``) that a link below a group item (one without a link: ``- Getting started``) names, from
    the site's root as Docsify reads it (``quickstart.md``, ``/guide/deploy``; ``/`` and ``guide/`` the folders'
    READMEs, ``/`` the ``home`` file where its homepage is one; ``#/guide/deploy`` an anchor of the page shown);
    the first sidebar to list a page files it."""
    found: dict[str, str] = {}
    for sidebar in sorted(sidebars, key=lambda n: (n.count("/"), n)):
        data = _read_regular(base / sidebar, MAX_DATA_FILE)
        if isinstance(data, str):
            continue
        open_groups: list[tuple[int, str]] = []
        for line in mask_code(data.decode("utf-8", "replace")).splitlines():
            item = _SIDEBAR_ITEM.match(line)
            if not item:
                continue
            indent, text = len(item.group(1).expandtabs(4)), item.group(2)
            open_groups = [(i, g) for i, g in open_groups if i < indent]
            link = _SUMMARY_LINK.search(text)
            if link is None:
                label = " ".join(_SUMMARY_MARKS.sub("", text).split())
                if label:
                    open_groups.append((indent, label))
                continue
            if not open_groups:
                continue
            page = docsify_page(link.group(2).strip("<>"), content, names, home)
            if page is not None:
                found.setdefault(page[len(content):].rsplit(".", 1)[0], open_groups[-1][1])
    return tuple(found.items())


def docsify_page(target: str, content: str, names: set[str], home: str = "") -> str | None:
    """The file of ``names`` that the Docsify Markdown link ``target`` leads to, from the site's root ``content``
    (Docsify reads links from its root unless ``relativePath``), or ``None``: its Markdown compiler makes a link's
    first ``#`` an anchor (``#/quickstart`` one of the page shown, ``/#/quickstart`` the home page's), as only an
    HTML link names a hash route. The root's README is the ``home`` file where the site's homepage is one.

    >>> names = {"docs/README.md", "docs/quickstart.md", "docs/guide/README.md"}
    >>> [docsify_page(t, "docs/", names) for t in ("quickstart.md", "/quickstart?id=x", "/", "/guide/", "gone")]
    ['docs/quickstart.md', 'docs/quickstart.md', 'docs/README.md', 'docs/guide/README.md', None]
    >>> docsify_page("#/quickstart", "docs/", names), docsify_page("/#/quickstart", "docs/", names)
    (None, 'docs/README.md')
    >>> docsify_page("/", "docs/", names, "docs/home.md"), docsify_page("README", "docs/", names, "docs/home.md")
    ('docs/home.md', 'docs/home.md')
    """
    from urllib.parse import unquote

    if "://" in target or target.startswith("#"):
        return None
    path = unquote(target.split("#", 1)[0].split("?", 1)[0]).strip()
    path = posixpath.normpath("/" + path).lstrip("/") + ("/" if path.endswith("/") or not path else "")
    if path in ("", "/"):
        path = ""
    name = content + (path + "README.md" if not path or path.endswith("/") else path if path.endswith(".md") else path + ".md")
    if home and name == f"{content}README.md":  # its router's getFile: /README.md is the homepage
        return home
    return name if name in names else None


#: the levels 30 seconds of code tags a snippet with (``tags: array,intermediate``), which its site
#: shows apart from the tags, as the snippet's expertise
_SNIPPET_LEVELS = ("beginner", "intermediate", "advanced")
#: the url folder of a 30 seconds of code collection, by the language of its snippets' code
_SNIPPET_FOLDERS = {"js": "/js/s/", "javascript": "/js/s/", "jsx": "/react/s/", "py": "/python/s/",
                    "python": "/python/s/", "html": "/css/s/", "css": "/css/s/", "php": "/php/s/", "dart": "/dart/s/"}


def _thirty_seconds(base: Path, names: Sequence[str], s: _Sample) -> _Site | None:
    """A collection of 30 seconds of code's snippets, or ``None``.

    Until 2022 (:func:`_snippets_by_name`), most sampled files have its ``firstSeen`` field and a
    ``tags`` text, or, before ``firstSeen``, a ``tags`` text ending with a level in a ``snippets/`` folder.
    Before front matter (the CSS and React collections until 2019), most files of ``snippets/`` have
    none but a ``<!-- tags: visual, interactivity -->`` line: each is titled by its heading, filed
    under its first tag; the site showed them on one page (no url of their own). Since 2023 its repository keeps every page at its url, below ``content/snippets/``
    (``js/s/quick-sort.md`` at ``/js/s/quick-sort/``), dated by ``dateModified``: the repository,
    ``content/snippets/`` or one of its ``<language>/s/`` folders read, the site's other files (its
    README, ``src/``) are no pages, and links between pages (``/js/s/quick-sort``) resolve. An
    ``unlisted: true`` or ``listed: false`` page is left out of the site's lists, not out of the site.
    """
    half = max(1, s.with_front_matter // 2)
    snippets = _in_snippets(names) or base.resolve().name == "snippets"
    if s.keys["firstSeen"] >= half or (_level_last(s) >= half and snippets):
        return _snippets_by_name(names, s, half)
    if snippets and s.tag_comments * 2 > s.files:
        content = "snippets/" if _in_snippets(names) else ""
        why = (f"30 seconds of code snippets before front matter (a <!-- tags: --> line in {s.tag_comments} of "
               f"{s.files} sampled files): titled by their heading, tags from that line")
        return _Site(content, (), f"pages under {content} ({why})" if content else why,
                     {"tag_comments": True, "subject": ("tags",), "subject_from": ("field",), "subject_values": "every",
                      "level_tags": _SNIPPET_LEVELS}, own_subject="subject from the first of its tags")
    in_questions = _in_snippets(names, "questions/")
    if (in_questions or base.resolve().name == "questions") and s.tag_comments * 2 > s.files:
        content = "questions/" if in_questions else ""
        why = (f"30 seconds of interviews questions (a <!-- tags: (javascript) --> line in {s.tag_comments} of "
               f"{s.files} sampled files): titled by their heading, tags from that line, named as its site names them")
        return _Site(content, (), f"pages under {content} ({why})" if content else why,
                     {"tag_comments": True, "subject": ("tags",), "subject_from": ("field",), "subject_values": "every",
                      "subject_labels": _INTERVIEW_TAGS}, own_subject="subject from the first of its tags")
    if s.keys["dateModified"] < half or s.keys["tags"] < half:
        return None
    changes: dict[str, Any] = {"subject": ("tags",), "subject_from": ("field",), "subject_values": "every",
                               "date": ("dateModified", "date")}
    languages = {fold(v) for v in s.values.get("language", []) if isinstance(v, str) and v.strip()}
    own = "subject from the first of its tags"
    if len(languages) > 1:  # its site files a page under its language's collection of its first tag
        changes.update(subject_language="language", subject_language_labels=_SNIPPET_LANGUAGES)
        own = "subject from its language and the first of its tags (JavaScript string), as its site's collections file it"
    pages = [m for m in map(_SNIPPET_PAGE.match, names) if m]
    if len(pages) * 2 > len(names):
        content = pages[0].group(1) or ""
        why = f"30 seconds of code pages, at their paths below {content or 'the folder'} (/js/s/quick-sort/)"
        return _Site(content, (), f"pages under {content} ({why})" if content else why,
                     {**changes, "path_urls": "folders", "unbuilt": _snippet_templates(names, content)}, own_subject=own)
    if base.resolve().name == "s" and base.resolve().parent.parent.name == "snippets":
        folder = f"/{base.resolve().parent.name}/s/"
        return _Site("", (), f"30 seconds of code pages of {folder}", {**changes, "snippet_urls": folder},
                     own_subject=own)
    if base.resolve().parent.name == "snippets" and _in_snippets(names, "s/"):  # a language's folder: its s/ and template
        folder = f"/{base.resolve().name}/s/"
        return _Site("s/", (), f"pages under s/ (30 seconds of code pages of {folder})",
                     {**changes, "snippet_urls": folder, "unbuilt": _snippet_templates(names, "")}, own_subject=own)
    return None


#: the platform folder whose pages are every platform's (tldr-pages' ``common/``): a mention is looked for there
#: after the page's own platform
_COMMON_PLATFORMS = ("common",)


def _command_pages(names: Sequence[str], s: _Sample) -> _Site | None:
    """A command reference laid out as tldr-pages is (``pages/<platform>/<command>.md``, translations in
    ``pages.<locale>/<platform>/``), or ``None``: most sampled files are command pages (``# name``, its
    description in ``> `` lines, examples: :func:`qagraph.links.command_page`) without front matter.

    Its pages are the files of its platform folders: read from the repository, those two folders deep in
    its pages' folder and its translations' (the README, the contributing guides, ``.github/`` are the
    repository's, no pages); read from ``pages/``, those of its folders. A page's subject is its platform
    (a translation's, in its locale: ``Common (de)``); its description is its answer; its "See also"
    list, the command it is an alias of and the pages its ``tldr`` examples show are links, looked for
    in its platform, then in ``common/``, then (from a translation) among the English pages.

    >>> s = _Sample(files=10, commands=9)
    >>> site = _command_pages(["README.md", "pages/common/tar.md", "pages.de/linux/apt.md", "pages/linux/apt.md",
    ...                        "contributing-guides/style-guide.md"], s)
    >>> site.changes["unbuilt"], site.changes["command_fallbacks"]
    ((('README.md', "not a command page: the repository's own file, beside its pages' folders pages/ and pages.de/"), ('contributing-guides/style-guide.md', "not a command page: the repository's own file, beside its pages' folders pages/ and pages.de/")), ('common',))
    """
    if not s.files or s.commands * 2 <= s.files:
        return None
    markdown = [n for n in names if n.lower().endswith(FieldMap().suffixes)]
    depth = Counter(n.count("/") for n in markdown).most_common(1)[0][0] if markdown else 0
    roots: Counter[str] = Counter()
    for n in markdown:
        if n.count("/") == 2:
            top = n.split("/", 1)[0]
            translated = translation_folder(top)
            roots[translated[0] if translated else top] += 1
    root = roots.most_common(1)[0][0] if depth == 2 and roots else None
    if root is not None:
        folders = sorted({top for n in markdown if n.count("/") == 2 and (
            (top := n.split("/", 1)[0]) == root or (translation_folder(top) or ("",))[0] == root)},
            key=lambda f: (f != root, f))
        where = f"its pages' folders {' and '.join(f'{f}/' for f in folders[:2])}" + (
            f" and {len(folders) - 2} more" if len(folders) > 2 else "")
        why = f"not a command page: the repository's own file, beside {where}"
        unbuilt = tuple((n, why) for n in names if n.count("/") != 2 or n.split("/", 1)[0] not in folders)
        platforms = {n.split("/")[1] for n in markdown if n.count("/") == 2 and n.split("/", 1)[0] in folders}
    else:
        unbuilt = ()
        platforms = {n.split("/", 1)[0] for n in markdown if n.count("/") == 1}
    fallbacks = tuple(p for p in _COMMON_PLATFORMS if p in platforms)
    why = (f"a command reference ({s.commands} of {s.files} sampled files are command pages: # name, > description, "
           "examples, as tldr-pages writes them): subject from the platform folder, See also, alias and tldr "
           f"mentions are links{f' (then in {fallbacks[0]}/)' if fallbacks else ''}"
           f"{f'; {len(unbuilt)} files beside the pages skipped' if unbuilt else ''}")
    changes: dict[str, Any] = {"command_pages": True, "command_fallbacks": fallbacks, "no_front_matter": "article",
                               "subject_from": ("platform", "folder"), "title_fallback": ("heading", "file-name"),
                               "unbuilt": unbuilt}
    return _Site("", (), why, changes, own_subject="subject from the platform folder")


#: the most of a TIL collection's README read (jbranchaud/til's, listing 1,700 notes, is 190 KB)
MAX_INDEX = 4 * 1024 * 1024
#: a Markdown link's target, or an HTML link's ``href`` (a README's list of notes: ``- [Title](vim/x.md)``)
_INDEX_LINK = lazy_compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*<?([^)\s>]+)|<a\s[^>]*?href=[\"']([^\"']+)[\"']", re.I)
#: the day a README's list gives after a note's link (simonw/til's ``* [Title](url) - 2020-04-19``)
_INDEX_DATE = lazy_compile(r"[^\S\n]*[)>]?[ \t]*[-–—:|,(]?[ \t]*(\d{4}-\d{2}-\d{2})\b")
#: Markdown's marks of a heading's or a link's text: a link's target, code spans' and emphasis's marks
_INDEX_MARKS = lazy_compile(r"\[([^\]]*)\]\([^)]*\)|[`*]|(?<!\w)_|_(?!\w)")
#: a heading of a README, its text (``### PostgreSQL``, ``## github-actions``)
_INDEX_HEADING = lazy_compile(r"^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
#: a file of a GitHub repository, as a link writes its url: ``https://github.com/OWNER/NAME/blob/REF/path``
#: (``tree``, ``raw``, ``edit`` too), or ``https://raw.githubusercontent.com/OWNER/NAME/REF/path``
_GITHUB_FILE = lazy_compile(r"https?://(?:www\.)?(?:github\.com/([\w.-]+)/([\w.-]+)/(?:blob|tree|raw|edit)|"
                          r"raw\.githubusercontent\.com/([\w.-]+)/([\w.-]+))/[^/\s#?)\"'>]+/([^\s#?)\"'>]+)", re.I)
#: an absolute url naming a note at its path without suffix: the site's host, and the path (``topic/note``)
#: (or, as simonw/til's first site and the Datasette sites cloned from it name a note's row, ``.../sqlite_wal.md``)
_NOTE_URL = lazy_compile(r"https?://([\w.-]+)/(?:([\w-]+)/([\w-]+)(?:\.html?|\.md)?/?|(?:[\w.-]+/)*([\w-]+?)_([\w.-]+?)\.md)"
                       r"(?=[\s)\]\"'<>#?]|$)")
#: what a collection of notes learned day by day calls itself (its README's title, its folder's name)
_TIL_NAME = lazy_compile(r"\btils?\b|today\s+i\s+learned", re.I)


def _github_file(url: str) -> tuple[str, str] | None:
    """The repository (``github.com/owner/name``, in lower case) and the path of the file a GitHub url
    names, or ``None`` for any other url.

    >>> _github_file("https://github.com/ada/til/blob/master/vim/undo.md#top")
    ('github.com/ada/til', 'vim/undo.md')
    >>> _github_file("https://raw.githubusercontent.com/ada/til/main/css/a.png"), _github_file("https://ada.org/x")
    (('github.com/ada/til', 'css/a.png'), None)
    """
    m = _GITHUB_FILE.match(url)
    if m is None:
        return None
    owner, name = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return f"github.com/{owner}/{name}".lower(), m.group(5)


@dataclass
class _TilIndex:
    """What a TIL collection's README says of its notes: those it links to, the label of each topic
    folder (the heading its links are listed under) and the repositories whose GitHub urls it links
    them by."""

    linked: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    repos: Counter[str] = field(default_factory=Counter)
    #: the text of the README's first link to each note: its title there
    titles: dict[str, str] = field(default_factory=dict)
    #: the day the README gives after a note's link (``- 2020-04-19``): when it was written
    dates: dict[str, str] = field(default_factory=dict)


def _til_index(text: str, notes: set[str]) -> _TilIndex:
    r"""The notes a README lists (by a relative path, ``vim/undo.md``, or the url of the file on GitHub)
    and under which headings: a heading whose links mostly go to one folder's notes labels that folder.

    >>> index = _til_index("# TIL\n\n### PostgreSQL\n\n- [A](postgres/a.md)\n- [B](postgres/b.md)\n\n"
    ...                    "## vim\n\n* [C](https://github.com/ada/til/blob/main/vim/c.md) - 2020-04-19\n",
    ...                    {"postgres/a.md", "postgres/b.md", "vim/c.md"})
    >>> sorted(index.linked), index.labels, dict(index.repos)
    (['postgres/a.md', 'postgres/b.md', 'vim/c.md'], {'postgres': 'PostgreSQL', 'vim': 'vim'}, {'github.com/ada/til': 1})
    >>> _til_index("- [`undef_method` And [The] *Rest*](ruby/u.md)", {"ruby/u.md"}).titles
    {'ruby/u.md': 'undef_method And [The] Rest'}
    >>> index.dates
    {'vim/c.md': '2020-04-19'}
    """
    index = _TilIndex()
    heading: str | None = None
    under: dict[str, Counter[str]] = {}
    order: list[str] = []
    masked = mask_code(text)  # code blocks and spans blanked, at their places: a link's text is read from the text
    for line, raw in zip(masked.splitlines(), text.splitlines() if len(masked) == len(text) else masked.splitlines()):
        m = _INDEX_HEADING.match(line)
        if m is not None:
            heading = " ".join(_INDEX_MARKS.sub(r"\1", raw[m.start(1):m.end(1)]).split())
            continue
        for link in _INDEX_LINK.finditer(line):
            target = link.group(2) or link.group(3) or ""
            found = _github_file(target)
            if found is not None:
                path = found[1] if found[1] in notes else unquote(found[1])
                if path in notes:
                    index.repos[found[0]] += 1
            elif "://" in target or target.startswith(("#", "mailto:")):
                continue
            else:
                path = posixpath.normpath(target.split("#", 1)[0].split("?", 1)[0].lstrip("/")) if target else ""
            if path not in notes and unquote(path) in notes:  # written url-encoded: [Title](git/some%20note.md)
                path = unquote(path)
            if path not in notes:
                continue
            index.linked.add(path)
            shown = " ".join(_INDEX_MARKS.sub(r"\1", raw[link.start(1):link.end(1)]).split()) if link.group(1) else ""
            if shown and path not in index.titles:
                index.titles[path] = shown
            day = _INDEX_DATE.match(line, link.end())
            if day is not None and path not in index.dates:
                index.dates[path] = day.group(1)
            if heading and "/" in path:  # a page at the root labels no topic
                if heading not in under:
                    under[heading] = Counter()
                    order.append(heading)
                under[heading][path.split("/", 1)[0]] += 1
    for heading in order:
        (folder, n), = under[heading].most_common(1)
        if n * 2 > sum(under[heading].values()) and folder not in index.labels:
            index.labels[folder] = heading
    return index


def _til_collection(base: Path, names: Sequence[str], s: _Sample) -> _Site | None:
    """A "Today I Learned" collection (jbranchaud/til, simonw/til, thoughtbot/til), or ``None``: most
    sampled files are notes without front matter titled by a ``# heading``, most Markdown files sit in
    a topic folder (or a folder of one), in two topic folders or more, and its root README lists them (by relative paths or by
    their GitHub urls) or calls the collection a TIL (so does its folder's name).

    The README is its index (GitHub shows it as the repository's front page), no note: it is skipped, as
    are the repository's other files at its root (``CONTRIBUTING.md``, ``LICENSE.md``, a guide to writing
    one, a note no topic holds, which a site built from ``*/*.md`` leaves out); the heading a
    topic folder's notes are listed under labels its subject (``### PostgreSQL`` over ``postgres/``)."""
    # notes titled by a heading (# Title, ## Title, Title over ===), or by a front matter that says no
    # more than a note's title, date and tags: most sampled files, and few have any other front matter
    if not s.files or s.note_like * 2 <= s.files or (s.with_front_matter - s.light_front_matter) * 2 >= s.files:
        return None
    markdown = [n for n in names if n.lower().endswith(FieldMap().suffixes)]
    # a note is in a topic folder, or in a folder of one (topic/subtopic/note.md): its subject is the topic
    notes = {n for n in markdown if 1 <= n.count("/") <= 2 and not any(p.startswith((".", "_")) for p in n.split("/"))}
    topics = {n.split("/", 1)[0] for n in notes}
    if len(topics) < 2 or len(notes) * 2 <= len(markdown):
        return None
    readme = next((n for n in sorted(markdown) if "/" not in n and n.rsplit(".", 1)[0].upper() == "README"), None)
    data = _read_regular(base / readme, MAX_INDEX) if readme is not None else None
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else ""
    # the pages at its root the README lists are its notes too; the others are the repository's
    roots = {n for n in markdown if "/" not in n and n.rsplit(".", 1)[0].upper() not in REPOSITORY_FILES}
    index = _til_index(text, notes | roots)
    first = next((line for line in text.splitlines() if line.strip()), "")
    named = bool(_TIL_NAME.search(first) or _TIL_NAME.search(base.resolve().name.replace("_", " ").replace("-", " ")))
    if not named and len(index.linked - roots) * 2 < len(notes):
        return None
    unbuilt: dict[str, str] = {}
    for name in markdown:
        if "/" not in name and name.rsplit(".", 1)[0].upper() in REPOSITORY_FILES:
            unbuilt[name] = (f"the collection's index: its README, which lists {len(index.linked)} of its notes by "
                             "topic (GitHub shows it as the repository's front page), no note"
                             if name == readme and index.linked else
                             f"the repository's own {'README' if name == readme else 'file'} "
                             "(beside the notes in its topic folders), no note")
        elif "/" not in name and name not in index.linked:  # a guide (thoughtbot's), a note no topic has (simonw's)
            unbuilt[name] = ("at the collection's root, outside the topic folders that hold its notes (a site built "
                             "from */*.md, as simonw/til's is, leaves it out): the repository's own page, no note")
    # a note has no tags: its title, the author's one line on what was learned, names its keywords
    changes: dict[str, Any] = {"no_front_matter": "article", "unbuilt": tuple(sorted(unbuilt.items())),
                               "title_keywords": True}
    if index.labels:
        changes["folder_labels"] = tuple(sorted(index.labels.items()))
    if index.dates:  # the day the README lists a note with is its date (a note has no front matter to say it)
        changes["data_files"] = tuple((path.rsplit(".", 1)[0], json.dumps({"date": day}))
                                      for path, day in sorted(index.dates.items()))
    if index.titles:  # a note without a heading goes by its title in the README, not by its file's name
        changes["index_titles"] = tuple(sorted(index.titles.items()))
        changes["title_fallback"] = ("heading", "index-title", "file-name")
    # its notes link each other by their urls on GitHub too (jbranchaud/til's blob/master/elixir/x.md): the
    # repository most of those that name a note of the corpus are in, or the one it was cloned from
    repos = index.repos + s.repos
    origin = _origin_repository(base)
    repo = origin or next((r for r, n in repos.most_common(1) if n >= 2), None)
    # and by their urls on the collection's own site (simonw/til's til.simonwillison.net/sqlite/x): the host
    # two of them at least name notes of the corpus on, by their paths
    host = next((h for h, n in s.note_hosts.most_common(1) if n >= 2), None)
    if repo is not None or host is not None:
        changes["site_hosts"] = tuple(h for h in (repo, host and f"{host}/{{topic}}/{{note}}") if h is not None)
    titled = "their # heading" if s.headed * 2 > s.files else "a heading or a title field"
    why = (f"a TIL collection (notes titled by {titled} in {len(topics)} topic folders"
           + (f", listed by its {readme}" if index.linked else "") + "); keywords from their titles"
           + (f"; topics labelled as {readme} heads them" if index.labels else "")
           + (f"; {len(unbuilt)} repository file{'s' if len(unbuilt) > 1 else ''} at its root skipped" if unbuilt else "")
           + (f"; its files' urls on {repo} are links to them" if repo is not None else "")
           + (f"; its notes' urls on {host} (topic/note) too" if host is not None else ""))
    return _Site("", (), why, changes)


#: the url a git clone's ``.git/config`` gives its remote on GitHub (``https://github.com/ada/til.git``,
#: ``git@github.com:ada/til.git``)
_GITHUB_REMOTE = lazy_compile(r"^[ \t]*url[ \t]*=[ \t]*(?:https?://(?:[^@/\s]+@)?github\.com/|git@github\.com:|"
                            r"ssh://git@github\.com/)([\w.-]+)/([\w.-]+?)(?:\.git)?/?[ \t]*\r?$", re.M)


def _origin_repository(base: Path) -> str | None:
    r"""The GitHub repository (``github.com/owner/name``, in lower case) the folder was cloned from: its
    ``.git/config``'s ``origin`` remote (else its first remote on GitHub), or ``None``.

    >>> _GITHUB_REMOTE.search('[remote "origin"]\n\turl = git@github.com:Ada/til.git\n').groups()
    ('Ada', 'til')
    """
    path = base / ".git" / "config"
    data = _read_regular(path, MAX_CONFIG) if _is_file(path) else None
    if not isinstance(data, bytes):
        return None
    text = data.decode("utf-8", "replace")
    origin = text.find('[remote "origin"]')
    m = _GITHUB_REMOTE.search(text, origin if origin >= 0 else 0) or _GITHUB_REMOTE.search(text)
    return f"github.com/{m.group(1)}/{m.group(2)}".lower() if m is not None else None


#: the fields that name a Learn X in Y minutes page, the site's own first: its build names a tool's page
#: by ``tool``, a framework's by ``framework``, a language's by ``language``, else by ``name``
_LEARN_X_NAMES = ("tool", "framework", "language", "name")
#: the categories of Learn X in Y minutes' pages, as its home page heads their lists (``language`` when none)
_LEARN_X_CATEGORIES = (("language", "Languages"), ("framework", "Frameworks and Libraries"), ("tool", "Tools"))
#: the translation folders of Learn X in Y minutes whose old folder (before 2024) was not named twice by
#: their language (``es/`` was ``es-es/``), as the site's redirects from the old urls name them
_LEARN_X_OLD_FOLDERS = {"be": "be-by", "ca": "ca-es", "cs": "cs-cz", "el": "el-gr", "fa": "fa-ir", "hi": "hd-hd",
                        "ja": "ja-jp", "ko": "ko-kr", "ms": "ms-my", "no": "no-nb", "sl": "sl-si", "sv": "sv-se",
                        "ta": "ta-in", "uk": "uk-ua", "vi": "vi-vn"}
#: the files of its repository its build makes no page of, in any folder
_LEARN_X_UNPUBLISHED = {"README.md": "the repository's README", "README.markdown": "the repository's README",
                        "CONTRIBUTING.md": "the contributing guide", "CONTRIBUTING.markdown": "the contributing guide"}


def _credits(value: Any) -> bool:
    """Whether ``value`` is a list of credits as Learn X in Y minutes writes its ``contributors``:
    ``[name, url]`` lists (the url may be left out).

    >>> _credits([["Ada", "https://ada.example"], ["Bo"]]), _credits(["Ada", "Bo"]), _credits([])
    (True, False, False)
    """
    return isinstance(value, list) and bool(value) and all(
        isinstance(v, list) and 1 <= len(v) <= 2 and isinstance(v[0], str) for v in value)


def _learn_x(base: Path, names: Sequence[str], s: _Sample) -> _Site | None:
    """The docs of Learn X in Y minutes (its ``learnxinyminutes-docs`` repository), or ``None``: most
    sampled files credit their ``contributors`` as ``[name, url]`` lists, and no site tool's config is there.

    Its build publishes every Markdown file but the README and the contributing guide. Since 2024 (a
    script of the site's own repository, Markdown files named ``python.md``) an English page is at
    the root (``python.md`` at ``/python/``), a translation in its language's folder
    (``es/python.md`` at ``/es/python/``), and a translation takes the front matter of the English
    page of its name under its own (its ``name`` and ``category``, mostly not written again); before
    (Middleman, files named ``python.html.markdown``, translations in ``es-es/python-es.html.markdown``)
    each page was at ``/docs/`` and its path (``/docs/es-es/python-es/``): :func:`_learn_x_data`. A
    page is named by its ``tool``, ``framework``, ``language`` or ``name``, and listed on the home page
    under its category (``Languages`` when it has none). Its Markdown (GitHub's, HTML let through) has
    no wiki-links: ``[[1]](https://x.org)`` in the page on wikitext is a link to x.org. Its authors
    are the ``contributors`` its footer credits, whose urls are no links; a relative link
    (``[Clojure](../clojure/)``) leads where a browser goes from the page's url, a link to a page's old
    url (``https://learnxinyminutes.com/docs/python/``, ``/docs/es-es/python-es/``), which redirects
    since 2024, to the page.
    """
    credited = sum(1 for v in s.values.get("contributors", []) if _credits(v))
    if not credited or credited * 2 <= s.with_front_matter:
        return None
    data, middleman = _learn_x_data(base, names)
    changes = {"path_urls": "middleman" if middleman else "folders", "url_links": True,
               "site_url": "https://learnxinyminutes.com", "links": ("markdown", "html"),
               "title": _LEARN_X_NAMES, "title_fallback": ("file-name",),
               "subject": ("category",), "subject_from": ("field",), "subject_values": "first",
               "subject_labels": _LEARN_X_CATEGORIES, "data_files": data, "unbuilt": tuple(
                   (n, f"{_LEARN_X_UNPUBLISHED[n.rpartition('/')[2]]}: the site's build makes no page of it")
                   for n in names if n.rpartition("/")[2] in _LEARN_X_UNPUBLISHED)}
    where = ("at /docs/ and their paths (python.html.markdown: the site's Middleman build, before 2024)" if middleman
             else "at /<language folder>/<name>/, translations named as their English page")
    why = (f"Learn X in Y minutes pages ({credited} of {s.with_front_matter} sampled files credit contributors "
           f"as [name, url]): {where}")
    return _Site("", (), why, changes, own_subject="subject from its category (Languages when none)")


def _learn_x_data(base: Path, names: Sequence[str]) -> tuple[tuple[tuple[str, str], ...], bool]:
    """What each page of Learn X in Y minutes has besides its front matter, as
    :attr:`~qagraph.fields.FieldMap.data_files` gives it (the path without suffix, JSON), and whether
    its files are of the Middleman site's (most named ``.html.markdown``, before 2024).

    Each page has the ``category`` ``language`` it is listed under without one, and its
    ``contributors``' names, which its footer credits, as its ``author``. Since 2024 a
    translation has the name and category of the English page of its name (the root's file whose
    name, to its first dot, is its own), which the site's build puts under its own, and each page its
    old urls (``/docs/python/``, :func:`_learn_x_old_urls`), redirected to it, as aliases. A file
    without front matter gets none: it stays no page."""
    heads: dict[str, dict[Any, Any]] = {}
    for name in names:
        if not name.lower().endswith((".md", ".markdown")) or name.count("/") > 1:
            continue
        head = _read_head(base / name)
        text = decode(name, head) if head is not None else None
        fm = read_front_matter(name, text) if isinstance(text, str) else None
        if fm is not None and not isinstance(fm, Problem) and fm.syntax is not None:
            heads[name] = fm.data
    middleman = sum(1 for name in heads if name.lower().endswith(".html.markdown")) * 2 > len(heads)
    english = {name.split(".", 1)[0]: fm for name, fm in heads.items() if "/" not in name}
    found = []
    for name in sorted(heads):
        folder, _, file_name = name.rpartition("/")
        stem = file_name.split(".", 1)[0]
        given: dict[str, Any] = {"category": "language"}
        credits = heads[name].get("contributors")
        if isinstance(credits, list) and _credits(credits):  # whom the page's footer credits
            given["author"] = ", ".join(c[0].strip() for c in credits if c[0].strip())
        if folder and not middleman:
            given.update((k, v) for k, v in english.get(stem, {}).items() if k in ("category", *_LEARN_X_NAMES))
            given["aliases"] = _learn_x_old_urls(folder, stem)
        elif not middleman:
            given["aliases"] = [f"/docs/{stem}/"]
        found.append((name.rsplit(".", 1)[0], json.dumps(given, sort_keys=True, ensure_ascii=False, default=str)))
    return tuple(found), middleman


def _learn_x_old_urls(folder: str, stem: str) -> list[str]:
    """The urls Learn X in Y minutes' translation ``folder/stem.md`` had before 2024, which its site
    redirects to it: in its language's old folder (``es-es/``, ``zh-cn/``, ``ja-jp/``), named as it is
    or with the folder's language or region after it (``javascript-es``, ``clojure-cn``).

    >>> _learn_x_old_urls("es", "javascript"), _learn_x_old_urls("zh-cn", "git")[2]
    (['/docs/es-es/javascript/', '/docs/es-es/javascript-es/'], '/docs/zh-cn/git-cn/')
    >>> _learn_x_old_urls("ja", "python")
    ['/docs/ja-jp/python/', '/docs/ja-jp/python-ja/', '/docs/ja-jp/python-jp/']
    """
    old = folder if "-" in folder else _LEARN_X_OLD_FOLDERS.get(folder, f"{folder}-{folder}")
    return [f"/docs/{old}/{stem}/", *(f"/docs/{old}/{stem}-{code}/" for code in dict.fromkeys(old.split("-")))]


#: the languages of 30 seconds of code's pages since 2023 (``language: javascript``), as its site names them
#: (its ``content/languages/*.yaml``)
_SNIPPET_LANGUAGES = (("javascript", "JavaScript"), ("python", "Python"), ("css", "CSS"), ("react", "React"),
                      ("git", "Git"), ("html", "HTML"))
#: the tags of 30 seconds of interviews' questions as its site names them (its ``scripts/util.js``'s ``TAG_NAMES``)
_INTERVIEW_TAGS = (("javascript", "JavaScript"), ("css", "CSS"), ("html", "HTML"), ("security", "Security"),
                   ("node", "Node"), ("react", "React"), ("accessibility", "Accessibility"))
#: a page of 30 seconds of code since 2023: ``content/snippets/js/s/quick-sort.md`` (from the repository, or
#: ``snippets/js/s/quick-sort.md`` from its ``content/``)
_SNIPPET_PAGE = lazy_compile(r"^((?:content/)?snippets/)?[a-z][a-z-]*/s/[^/]+\.md$")
#: a page 30 seconds of code's site publishes, from ``content/snippets/``: its ``**/s/*.md``
_SNIPPET_SITE_PAGE = lazy_compile(r"(?:^|/)s/[^/]+\.md$")


def _snippet_templates(names: Sequence[str], content: str) -> tuple[tuple[str, str], ...]:
    """The Markdown files of ``names`` below ``content`` (``content/snippets/``) that are in no ``s/`` folder, with why:
    30 seconds of code's site builds the pages of ``content/snippets/**/s/*.md``, and a language's
    ``snippet-template.md`` beside its ``s/`` is a template of new pages.

    >>> _snippet_templates(["js/s/zip.md", "js/snippet-template.md", "README.md"], "")[0][0]
    'js/snippet-template.md'
    """
    why = "a template of new pages, outside the s/ folders whose files alone the site publishes " \
          "(content/snippets/**/s/*.md): not a page"
    return tuple((n, why) for n in names if n.startswith(content) and n.lower().endswith(FieldMap().suffixes)
                 and not _SNIPPET_SITE_PAGE.search(n[len(content):]))


def _level_last(s: _Sample) -> int:
    """How many sampled files have a ``tags`` text whose last tag is a level (``list,beginner``), as
    30 seconds of code's contributing guide asks of a snippet: before ``firstSeen`` (2020) that and
    the ``snippets/`` folder are what says a folder is such a collection.

    >>> s = _Sample(values={"tags": ["list,beginner", "math, Intermediate", "news,advanced-ish", ["a", "advanced"]]})
    >>> _level_last(s)
    2
    """
    return sum(1 for v in s.values.get("tags", []) if isinstance(v, str) and
               fold(v.rpartition(",")[2]) in _SNIPPET_LEVELS)


def _in_snippets(names: Sequence[str], folder: str = "snippets/") -> bool:
    """Whether most of ``names`` are in a top ``snippets/`` folder (``folder``), where 30 seconds of code's
    repositories keep their snippets (30 seconds of interviews', its ``questions/``)."""
    return sum(1 for n in names if n.startswith(folder)) * 2 > len(names)


def _snippets_by_name(names: Sequence[str], s: _Sample, half: int) -> _Site | None:
    """A collection of 30 seconds of code until 2022 (``tags: array,intermediate``, ``firstSeen``; before
    ``firstSeen``, in 2019 and 2020, a tags text ending with a level in ``snippets/``): its
    ``snippets/`` folder, or the repository that holds it. Its site publishes every file of
    ``snippets/`` (the repository's README, its ``snippet-template.md`` are no pages) at ``/js/s/`` and
    the file's name in kebab case (:func:`qagraph.fields.kebab_name`: the url folder that links to
    its snippets name, not one that links to another collection's do, as a React snippet links to
    ``/js/s/copy-to-clipboard``; else the one of the language of their code), files a snippet under its first tag
    and shows its level (``beginner``, ``intermediate``, ``advanced``, among the tags) apart: no
    keyword; ``firstSeen`` is its date; ``None`` when most sampled files have no ``tags`` text."""
    texts = sum(1 for v in s.values.get("tags", []) if isinstance(v, str))
    if texts < half:
        return None
    content = "snippets/" if _in_snippets(names) else ""
    own = {kebab_name(n.rpartition("/")[2].rpartition(".")[0]) for n in names}
    linked = Counter(folder for (folder, slug), count in s.snippet_folders.items() if slug in own
                     for _ in range(count))
    folder = linked.most_common(1)[0][0] if linked else next(
        (_SNIPPET_FOLDERS[lang] for lang, _ in s.fences.most_common() if lang in _SNIPPET_FOLDERS), None)
    changes: dict[str, Any] = {"subject": ("tags",), "subject_from": ("field",), "subject_values": "every",
                               "level_tags": _SNIPPET_LEVELS, "date": ("firstSeen", "date"),
                               "snippet_urls": folder}
    sign = (f"firstSeen and a tags text in {min(s.keys['firstSeen'], texts)}" if s.keys["firstSeen"] >= half else
            f"a tags text ending with a level in {_level_last(s)}")
    why = (f"30 seconds of code snippets ({sign} of {s.with_front_matter} sampled files): "
           f"{', '.join(_SNIPPET_LEVELS)} are levels, no keywords; "
           + (f"urls {folder}<file name in kebab case>" if folder else "no url (the language of its code is not known)"))
    return _Site(content, (), f"pages under {content} ({why})" if content else why, changes,
                 own_subject="subject from the first of its tags, as its site files a snippet")


#: the files that make a folder a book, and what each says it is
_BOOK_TOOLS = {"book.toml": "an mdBook", ".gitbook.yaml": "a GitBook", "_toc.yml": "a Jupyter Book",
               "myst.yml": "a MyST (Jupyter Book 2) site", "_quarto.yml": "a Quarto project",
               "_quarto.yaml": "a Quarto project", "_bookdown.yml": "a bookdown book",
               "conf.py": "a Sphinx site with MyST Markdown"}
#: a Quarto project's config, and what it renders as pages beside its Markdown
_QUARTO_CONFIGS = ("_quarto.yml", "_quarto.yaml")
_QUARTO_PAGES = (".qmd", ".md", ".markdown", ".rmd", ".ipynb")
#: the README files Quarto renders no page of (its ``**/README.?([Rrq])md``)
_QUARTO_README = lazy_compile(r"(?:^|/)README\.[Rrq]?md$")
#: the pages a site's tool publishes from files that are not Markdown, by the config that says so: a
#: Jupyter Book's (Sphinx) notebooks and reStructuredText, a MyST site's notebooks, a Pelican site's
#: reStructuredText
_PAGE_FORMATS = {"_toc.yml": (".ipynb", ".rst"), "myst.yml": (".ipynb",), "pelicanconf.py": (".rst",),
                 _SANDPAPER_CONFIG: (".rmd",), **{config: (".qmd", ".rmd", ".ipynb") for config in _QUARTO_CONFIGS},
                 "_bookdown.yml": (".rmd",)}


#: what a Hugo or Jekyll site publishes as pages beside its Markdown: HTML files with front matter
HTML_PAGES = (".html", ".htm")


def hugo_html_folders(root: str | os.PathLike[str]) -> tuple[str, ...]:
    """The folders (from ``root``, ``/``-separated, ``""`` for ``root`` itself) whose HTML files
    (:data:`HTML_PAGES`) the Hugo site ``root`` is (or is in) publishes as pages: its content folder,
    as a Hugo site's home page and hand-made pages are HTML files there (the Kubernetes site's home,
    case studies and community pages). Its layouts, static files and themes hold HTML that is no page;
    a folder that is in no Hugo site's (a config with a ``baseURL``, or named ``hugo.*``) has none.

    >>> hugo_html_folders("content")
    ()
    """
    base = Path(root)
    config = _hugo_config(base)
    if not _is_hugo_config(config):
        return ()
    assert config is not None
    named = hugo_content_folder(hugo_settings(*config)) or "content"
    folder, _, last = named.rpartition("/")
    if last in _hugo_languages(config[1]):  # content/en of a language: each language's folder beside it
        named = folder or named
    root, base = _site_root(config[0]), base.resolve()
    inside = _below(root / named, base)
    if inside is not None:
        return (inside,)
    return ("",) if _below(base, root / named) is not None else ()


def jekyll_html_folders(root: str | os.PathLike[str]) -> frozenset[str] | None:
    """The folders named ``_...`` whose HTML files (:data:`HTML_PAGES`) the Jekyll site ``root`` is (or
    is in) reads as pages, or ``None`` when ``root`` is in no Jekyll site (a ``_config.yml`` that is no
    Hexo site's nor a Jupyter Book's). Jekyll publishes an HTML file that starts with front matter as it
    does a Markdown one (a theme's archive pages, ``_pages/portfolio-archive.html`` at ``/portfolio/``)
    anywhere but in the folders named ``_...`` it does not read: all but ``_posts``, the collections
    it outputs and those the config's ``include`` names. An HTML file without front matter is a file
    it copies as it is (a search engine's verification file), no page.

    >>> jekyll_html_folders("content") is None
    True
    """
    base = Path(root)
    config = _config(_parents(base), _JEKYLL_CONFIGS)
    book = _book_config(base)
    if config is None or _hexo(base) is not None or book is not None and book[0].name != _SPHINX_CONFIG:
        return None
    settings = _jekyll_settings(config[1], first=True)
    published, _ = _jekyll_collections(settings)
    return frozenset({"_posts", *(e.partition("=")[0].rpartition("/")[2] for e in published),
                      *(i.strip("/").rpartition("/")[2] for i in _jekyll_list(settings, "include"))})


def page_formats(root: str | os.PathLike[str]) -> tuple[str, ...]:
    """The suffixes of the files other than Markdown that the site at ``root`` publishes as pages
    (:data:`_PAGE_FORMATS`): they are found with its Markdown files, so that none is lost unsaid
    (:func:`qagraph.load.parse_bytes` reads a notebook's Markdown cells, and says that a
    reStructuredText file is not read); a Jekyll site's Markdown suffixes beyond ``.md``
    (:func:`jekyll_markdown_suffixes`), its config at or above ``root`` or in a folder of it
    (:func:`_jekyll_site_below`: ``docs/_config.yml`` of a repository).

    >>> page_formats("content")
    ()
    """
    base = Path(root)
    book = _book_config(base)
    if book is not None and book[0].name == _SPHINX_CONFIG:  # its reStructuredText, and its notebooks with MyST-NB
        return (".rst", ".ipynb") if _SPHINX_NOTEBOOKS.search(_sphinx_code(book[1])) else (".rst",)
    if book is not None:
        return _PAGE_FORMATS.get(book[0].name, ())
    if _sandpaper_config(base) is not None:  # a Workbench lesson's R Markdown episodes
        return _PAGE_FORMATS[_SANDPAPER_CONFIG]
    if _config(_parents(base), _PELICAN_CONFIGS) is not None:
        return _PAGE_FORMATS["pelicanconf.py"]
    if _nikola_config(base) is not None:  # its reStructuredText posts (Nikola's default format)
        return _PAGE_FORMATS["pelicanconf.py"]
    if _mkdocs_config(base) is not None:  # MkDocs's Markdown files beyond .md and .markdown
        return _MKDOCS_MARKDOWN_SUFFIXES
    jekyll = _config(_parents(base), _JEKYLL_CONFIGS)
    if jekyll is None:  # a repository whose site is one of its folders (docs/_config.yml): its pages are found too
        below = _jekyll_site_below(base)
        return jekyll_markdown_suffixes(below[1]) if below is not None else ()
    return jekyll_markdown_suffixes(jekyll[1]) if _hexo(base) is None else ()


#: the suffixes Jekyll reads as Markdown unless its config's ``markdown_ext`` says otherwise (its
#: Configuration::DEFAULTS)
_JEKYLL_MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md"


def jekyll_markdown_suffixes(config: str) -> tuple[str, ...]:
    """The suffixes of the files a Jekyll site renders as Markdown (its config's ``markdown_ext``, in any case, by
    Jekyll's default ``markdown,mkdown,mkdn,mkd,md``) beyond those every corpus is read with: ``.mkd``,
    ``.mkdn`` and ``.mkdown`` pages are pages too (of the names qagraph knows for pages, :data:`PAGE_SUFFIXES`).

    >>> jekyll_markdown_suffixes("title: J\\n"), jekyll_markdown_suffixes("markdown_ext: md,MKD,txt\\n")
    (('.mkdown', '.mkdn', '.mkd'), ('.mkd',))
    """
    given = _jekyll_settings(config, first=True).get("markdown_ext")
    listed = given if isinstance(given, str) and given.strip() else _JEKYLL_MARKDOWN_EXT
    suffixes = ("." + e.strip().lower().lstrip(".") for e in listed.split(",") if e.strip().strip("."))
    return tuple(x for x in dict.fromkeys(suffixes) if x in PAGE_SUFFIXES and x not in FieldMap().suffixes)


#: how many folders of a repository are looked in for its book's _toc.yml or myst.yml
_BOOK_FOLDERS_LOOKED = 50


def _book_config(base: Path) -> tuple[Path, str] | None:
    """The config of the book ``base`` is (or is the source folder of, for an mdBook's ``book.toml``
    above it): an mdBook's ``book.toml``, a GitBook's ``.gitbook.yaml``, a Jupyter Book's
    ``_toc.yml`` (beside its ``_config.yml``, which is no Jekyll site's), a MyST site's ``myst.yml``;
    those two also in a folder of ``base`` (a repository that keeps its book in ``book/`` or ``docs/``);
    else a Sphinx project's ``conf.py`` that reads Markdown (:func:`_sphinx_config`)."""
    here = base.resolve()
    found = _config([here], tuple(t for t in _BOOK_TOOLS if t != _SPHINX_CONFIG))
    if found is not None:
        return found
    try:
        folders = sorted(entry.name for entry in os.scandir(here) if entry.is_dir() and not entry.name.startswith((".", "_")))
    except OSError:
        folders = []
    found = _config([here / folder for folder in folders[:_BOOK_FOLDERS_LOOKED]], ("_toc.yml", "myst.yml", *_QUARTO_CONFIGS))
    if found is not None:
        return found
    above = _config(_parents(base)[1:], ("book.toml",))
    if above is not None:
        src = _BOOK_SRC.search(above[1])
        source = (above[0].parent / (src.group(1) if src else "src")).resolve()
        if here == source or source in here.parents:
            return above
    return _sphinx_config(here)


def _toc_entries(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The pages a Jupyter Book's ``_toc.yml`` lists (its root, and every file of its parts, chapters
    and sections at any depth), and those of its captioned parts with the caption, as ``(page,
    caption)`` pairs; pages by their path without suffix. Nothing for a file that cannot be read.

    >>> _toc_entries("format: jb-book\\nroot: intro\\nparts:\\n- caption: Basics\\n  chapters:\\n  - file: a/setup.md\\n"
    ...              "    sections:\\n    - file: a/more\\n- caption: Next\\n  chapters:\\n  - file: b\\n  - url: https://x.org\\n")
    (('intro', 'a/setup', 'a/more', 'b'), (('a/setup', 'Basics'), ('a/more', 'Basics'), ('b', 'Next')))
    >>> _toc_entries("- file: intro\\n- part: Get started\\n  chapters:\\n  - file: start/overview\\n    sections:\\n"
    ...              "    - file: start/more\\n- file: alone\\n")
    (('intro', 'start/overview', 'start/more', 'alone'), (('start/overview', 'Get started'), ('start/more', 'Get started')))
    """
    import yaml

    try:
        toc = _parsed(text, yaml.safe_load)
    except ValueError:
        return (), ()
    if isinstance(toc, list):  # the list of before 0.11: its first file the root, a part's chapters after - part:
        toc = {"root": toc[0].get("file") if toc and isinstance(toc[0], dict) else None,
               "parts": [{"caption": e.get("part"), "chapters": e.get("chapters")} if "part" in e else
                         {"chapters": [e]} for e in toc[1:] if isinstance(e, dict)]}
    if not isinstance(toc, dict):
        return (), ()
    listed: dict[str, str | None] = {}

    def page(value: Any, caption: str | None) -> None:
        if isinstance(value, str) and value.strip():
            name = value.strip().lstrip("/")
            name = name.rsplit(".", 1)[0] if name.endswith((".md", ".ipynb", ".rst")) else name
            if listed.get(name) is None:
                listed[name] = caption

    def walk(entries: Any, caption: str | None) -> None:
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict):
                named = entry.get("caption")
                inner = named.strip() if isinstance(named, str) and named.strip() and "chapters" in entry else caption
                page(entry.get("file"), inner)
                for key in ("sections", "chapters", "parts"):
                    walk(entry.get(key), inner)

    page(toc.get("root"), None)
    for key in ("parts", "chapters", "sections"):
        walk(toc.get(key), None)
    return tuple(listed), tuple((name, caption) for name, caption in listed.items() if caption is not None)


#: a Sphinx project's config, which makes its folder a site when it reads Markdown (:func:`_sphinx_config`)
_SPHINX_CONFIG = "conf.py"
#: where a repository keeps its Sphinx project's ``conf.py`` (Read the Docs' and sphinx-quickstart's layouts)
_SPHINX_FOLDERS = ("", "docs", "doc", "docs/source", "doc/source", "source")
#: the Sphinx extensions that read Markdown pages (MyST-Parser, MyST-NB, recommonmark), named in its config
_SPHINX_MARKDOWN = lazy_compile(r"""["'](myst_parser|myst_nb|recommonmark)["']""")
#: the extensions that make a Sphinx project's notebooks pages
_SPHINX_NOTEBOOKS = lazy_compile(r"""["'](myst_nb|nbsphinx)["']""")
#: the suffixes of a Sphinx project's pages, left out of a toctree's entries
_SPHINX_SUFFIXES = (".md", ".rst", ".ipynb")
#: a toctree: MyST's fence (```{toctree}, :::{toctree}) and its options, or reStructuredText's directive
_MYST_TOCTREE = lazy_compile(r"^([ \t]*)(`{3,}|:{3,})\{toctree\}[^\n]*\n(.*?)^[ \t]*\2[ \t]*$", re.M | re.S)
_RST_TOCTREE = lazy_compile(r"^([ \t]*)\.\.[ \t]+toctree::[^\n]*\n((?:\1[ \t]+[^\n]*(?:\n|$)|[ \t]*\n)*)", re.M)


def _sphinx_code(text: str) -> str:
    """A Python config's code without its comments (a ``# "myst_parser",`` left out is none; a ``#`` in a
    string is no comment); a config Python cannot read without its comment lines.

    >>> _sphinx_code('x = ["a#b"]  # "myst_parser"\\n# y = 1\\n')
    'x = ["a#b"]  \\n\\n'
    """
    import io
    import tokenize

    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    lines = text.splitlines(keepends=True)
    for token in reversed(tokens):  # each comment cut from its line, the last first
        if token.type == tokenize.COMMENT:
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col] + lines[row - 1][token.end[1]:]
    return "".join(lines)


def _sphinx_config(here: Path) -> tuple[Path, str] | None:
    """The ``conf.py`` of the Sphinx project ``here`` is, or keeps in its ``docs/`` (``doc/``,
    ``docs/source/``: :data:`_SPHINX_FOLDERS`), when it reads Markdown pages (an extension of
    :data:`_SPHINX_MARKDOWN`): without one, Sphinx builds no page of a Markdown file. A repository whose
    own folder is a Jekyll site (its GitHub Pages) is that site, its ``docs/`` none of its pages."""
    jekyll = _config([here], _JEKYLL_CONFIGS) is not None
    for folder in _SPHINX_FOLDERS[:1] if jekyll else _SPHINX_FOLDERS:
        found = _config([here / folder], (_SPHINX_CONFIG,))
        if found is not None and _SPHINX_MARKDOWN.search(_sphinx_code(found[1])):
            return found
    return None


def _toctrees(text: str, rst: bool) -> list[tuple[str | None, bool, list[str]]]:
    """The toctrees of a Sphinx page's ``text`` (MyST's fences; a reStructuredText page's
    ``.. toctree::``): each as its caption, whether it globs, and its entries as written (a titled
    one, ``Install <install>``, by its target; ``self`` and urls left out).

    >>> _toctrees("# Home\\n\\n```{toctree}\\n:caption: Guide\\n:maxdepth: 2\\n\\nguide/a\\nB page <guide/b.md>\\nself\\n```\\n", False)
    [('Guide', False, ['guide/a', 'guide/b.md'])]
    >>> _toctrees("Home\\n====\\n\\n.. toctree::\\n   :glob:\\n\\n   api/*\\n\\nText\\n", True)
    [(None, True, ['api/*'])]
    >>> _toctrees(".. toctree::\\n   :caption: API\\n     api/base\\n   api/utils", True)
    [('API', False, ['api/base', 'api/utils'])]
    >>> _toctrees("```{toctree}\\n:caption: 'Data model'\\nmodel\\n```\\n", False)
    [('Data model', False, ['model'])]
    >>> _toctrees("````md\\n```{toctree}\\nexample\\n```\\n````\\n", False)
    []
    """
    found: list[tuple[str | None, bool, list[str]]] = []
    bodies = [m.group(2) for m in _RST_TOCTREE.finditer(text)] if rst else [
        m.group(3) for m in _MYST_TOCTREE.finditer(text) if not _in_code_block(text[:m.start()])]  # not an example
    for body in bodies:
        lines = [line.strip() for line in body.splitlines()]
        options: dict[str, str] = {}
        if lines and lines[0] == "---":  # MyST's options as YAML between --- lines
            end = lines.index("---", 1) if "---" in lines[1:] else 0
            for line in lines[1:end]:
                key, _, value = line.partition(":")
                options[key.strip()] = value.strip().strip("\"'")
            lines = lines[end + 1:]
        entries = []
        for line in lines:
            option = re.match(r":([\w-]+):\s*(.*)$", line)
            if option:  # MyST reads an option's value as YAML does (:caption: 'Data model' is Data model)
                value = option.group(2).strip()
                quoted = not rst and len(value) > 1 and value[0] == value[-1] and value[0] in "\"'"
                options[option.group(1)] = value[1:-1] if quoted else value
            elif line and not line.startswith(".."):
                titled = re.match(r".*<([^<>]+)>$", line)
                entry = titled.group(1).strip() if titled else line
                if entry != "self" and "://" not in entry and not entry.startswith("mailto:"):
                    entries.append(entry)
        found.append((options.get("caption") or None, "glob" in options, entries))
    return found


def _sphinx_parts(base: Path, book_dir: str, names: Sequence[str], root_doc: str) -> tuple[tuple[str, str], ...]:
    """The part of a Sphinx project's table of contents that lists each page, as ``(page, caption)``
    pairs (pages by their path from the project's folder, without suffix): the caption of the root
    document's toctree that lists it, or lists a page whose toctrees list it, at any depth, as the
    theme's sidebar shows it under that caption. An entry is from its page's folder (from the project's
    after a ``/``), its suffix optional; a ``:glob:`` toctree's are patterns."""
    docs = {n[len(book_dir):].rsplit(".", 1)[0]: n for n in names
            if n.startswith(book_dir) and n.lower().endswith(_SPHINX_SUFFIXES)}
    parts: dict[str, str] = {}
    queue: list[tuple[str, str | None]] = [(root_doc, None)]
    seen = {root_doc}
    while queue:
        doc, caption = queue.pop(0)
        name = docs.get(doc)
        text = _read_site_text(base / name, MAX_CHAPTER) if name is not None else None
        if not text:
            continue
        folder = posixpath.dirname(doc)
        for own, globbed, entries in _toctrees(text, name is not None and name.lower().endswith(".rst")):
            part = caption if doc != root_doc else own
            for entry in entries:
                target = posixpath.normpath(entry.lstrip("/") if entry.startswith("/") else posixpath.join(folder, entry))
                if target.lower().endswith(_SPHINX_SUFFIXES):
                    target = target.rsplit(".", 1)[0]
                listed = sorted(d for d in docs if fnmatch.fnmatchcase(d, target)) if globbed else [target]
                for page in listed:
                    if page in seen or page not in docs:
                        continue
                    seen.add(page)
                    if part is not None:
                        parts[page] = part
                    queue.append((page, part))
    return tuple(parts.items())


#: MyST's include directive (```{include} ../README.md, :::{include}), its options below it
_MYST_INCLUDE = lazy_compile(r"^[ \t]*(`{3,}|:{3,})\{include\}[ \t]+([^\n]*?)[ \t]*\n(.*?)^[ \t]*\1[ \t]*$", re.M | re.S)


def _in_code_block(prefix: str) -> bool:
    """Whether the text after ``prefix`` is in a fenced code block it opens (````md, ~~~), not in a MyST
    directive's fence (````{div}``, ``:::{note}``), whose content is the page's.

    >>> _in_code_block("# Page\\n````md\\n"), _in_code_block("````{div} box\\n"), _in_code_block("```\\nx\\n```\\n")
    (True, False, False)
    """
    open_fences: list[tuple[str, int, bool]] = []  # each open fence's character, length, and whether it holds code
    for line in prefix.splitlines():
        found = re.match(r"^[ \t]{0,3}(`{3,}|~{3,}|:{3,})(.*)$", line)
        if not found:
            continue
        mark, rest = found.group(1), found.group(2).strip()
        if open_fences and mark[0] == open_fences[-1][0] and len(mark) >= open_fences[-1][1] and not rest:
            open_fences.pop()  # it closes the innermost
        elif not (open_fences and open_fences[-1][2]):  # no fence opens inside code
            open_fences.append((mark[0], len(mark), mark[0] != ":" and not rest.startswith("{")))
    return any(code for _, _, code in open_fences)


def _included_part(text: str, options: str) -> str:
    """The part of an included file's ``text`` a MyST include's ``options`` take, as docutils's include
    reads them: its ``start-line`` to its ``end-line`` (from 0, the end left out), then what follows
    ``start-after`` and what precedes ``end-before``.

    >>> _included_part("# Tool\\n<!-- start -->\\nText\\n<!-- end -->\\nMore\\n", ':start-after: "<!-- start -->"\\n:end-before: <!-- end -->\\n')
    '\\nText\\n'
    >>> _included_part("# Tool\\n\\nText\\n", "---\\nstart-line: 2\\n---\\n")
    'Text\\n'
    """
    given: dict[str, str] = {}
    for line in options.splitlines():
        found = re.match(r"^[ \t]*:?([\w-]+)\s*:\s*(.*)$", line)
        if found:
            value = found.group(2).strip()
            given[found.group(1)] = value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "\"'" else value
    lines = text.splitlines(keepends=True)
    try:
        start, end = int(given.get("start-line", 0)), int(given.get("end-line", len(lines)))
    except ValueError:
        start, end = 0, len(lines)
    text = "".join(lines[start:end])
    after, before = given.get("start-after"), given.get("end-before")
    if after and after in text:
        text = text.split(after, 1)[1]
    if before and before in text:
        text = text.split(before, 1)[0]
    return text


def _include_titles(base: Path, content: str, names: Sequence[str], top: Path) -> tuple[tuple[str, str], ...]:
    """The titles of the pages of a Sphinx project (or a Jupyter Book) below ``content`` that open with a
    MyST include (```{include} ../README.md``` and its options) before any heading of their own: Sphinx
    titles such a page by the included part's first heading (a Read the Docs project's home page shows its
    README), as ``(page, title)`` pairs, pages by their path below ``content``. An included file is read
    from its page's folder (from the project's after a ``/``), never above ``top``."""
    from .links import first_heading

    titles = []
    for name in names:
        if not name.startswith(content) or not name.lower().endswith(".md"):
            continue
        text = _read_site_text(base / name, MAX_CHAPTER) or ""
        if "{include}" not in text:
            continue
        if text.startswith("---"):  # its front matter, no heading
            close = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[3:], re.M)
            text = text[3 + close.end():] if close else text
        include = _MYST_INCLUDE.search(text)
        if include is None or first_heading(text[:include.start()]) is not None or _in_code_block(text[:include.start()]):
            continue  # a heading of its own first, or an include shown as an example in code
        target = include.group(2).strip()
        folder = (base / content) if target.startswith("/") else (base / name).parent
        path = (folder / target.lstrip("/")).resolve()
        if top.resolve() not in path.parents:
            continue
        included = _read_site_text(path, MAX_CHAPTER)
        title = first_heading(_included_part(included, include.group(3))) if included else None
        if title:
            titles.append((name[len(content):], title))
    return tuple(titles)


def _sphinx(base: Path, names: Sequence[str], config: Path, text: str, inside: Callable[[str], str | None]) -> _Site:
    """A Sphinx project that reads Markdown (``conf.py`` naming MyST-Parser, MyST-NB or recommonmark;
    a Read the Docs project's ``docs/``): every Markdown and reStructuredText file of its folder is a
    page (its notebooks too with MyST-NB or nbsphinx), at its path as ``.html``, titled by its first
    heading, linking by MyST's roles and targets; but for what Sphinx leaves out (its ``exclude_patterns``,
    globs from its folder, and its ``templates_path`` and ``html_static_path``) and its output, ``_build/``.
    A page's subject is the caption of the root document's toctree that lists it (``master_doc``, by
    default ``index``), else its folder; ``html_baseurl`` is the site's url."""
    here = base.resolve()
    code = _sphinx_code(text)
    site_dir = "" if config.parent == here else inside(Path(os.path.relpath(config.parent, here)).as_posix()) or ""
    excluded = [*(_pelican_list(code, "exclude_patterns") or ()),
                *(f"{folder.strip('/')}/**" for key in ("templates_path", "html_static_path", "html_extra_path")
                  for folder in _pelican_list(code, key) or () if folder.strip("/.") and not folder.startswith(".."))]
    excluded = [glob.removeprefix("./") for glob in excluded if glob.strip("/") != "_build"]  # skipped as its output
    changes: dict[str, Any] = {"no_front_matter": "article", "path_urls": "sphinx", "links": ("markdown", "myst"),
                               "alias_fields": (MYST_LABELS,),
                               "ignores": tuple((site_dir, glob, "exclude_patterns") for glob in excluded)}
    if not re.search(r"^myst_title_to_header\s*=\s*True\b", code, re.M):
        changes["title"] = ()  # MyST keeps a front matter's title as metadata: the page's heading titles it
    root_doc = _pelican_setting(code, "root_doc") or _pelican_setting(code, "master_doc") or "index"
    parts = _sphinx_parts(base, site_dir, names, root_doc)
    own = None
    if parts:
        changes.update(toc_subjects=parts, subject_from=("field", "toc", "folder"))
        count = len(set(c for _, c in parts))
        own = f"subject from the caption of the toctree that lists the page ({count} caption{'s' if count > 1 else ''}), else the folder"
    titles = _include_titles(base, site_dir, names, config.parent.parent.parent)
    if titles:  # a page opening with a MyST include (its README) is titled by the included heading
        changes["page_titles"] = titles
    url = _pelican_setting(code, "html_baseurl") or _pelican_setting(code, "ogp_site_url")
    if url and "://" in url:
        changes["site_url"] = url.strip().rstrip("/")
    why = (f"{config.name}: {_BOOK_TOOLS[_SPHINX_CONFIG]}; pages at their paths as .html; _build/ (its output) skipped"
           + (f"; not read: its exclude_patterns and template and static folders ({', '.join(excluded)})" if excluded else "")
           + "; MyST links ({doc}, {ref} to (label)= targets)")
    return _Site(site_dir, ("_build",), f"pages under {site_dir} ({why})" if site_dir else why, changes, own_subject=own)


def _myst_toc_groups(text: str, names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The groups of a MyST site's table of contents (``project: toc:`` of its ``myst.yml``): each page a
    top-level entry with a ``title`` and ``children`` but no ``file`` lists, at any depth (by its ``file``, or
    by a ``pattern`` glob of ``names``), as ``(page, title)`` pairs, pages by their path without suffix, as its
    sidebar shows them under the group's title. Nothing for a config that cannot be read.

    >>> _myst_toc_groups("project:\\n  toc:\\n    - file: index.md\\n    - title: Part I\\n      children:\\n"
    ...                  "        - file: a/intro.md\\n        - pattern: a/nb-*.ipynb\\n", ["a/nb-1.ipynb", "b.md"])
    (('a/intro', 'Part I'), ('a/nb-1', 'Part I'))
    """
    import yaml

    try:
        settings = _parsed(text, yaml.safe_load)
    except ValueError:
        return ()
    project = settings.get("project") if isinstance(settings, dict) else None
    toc = project.get("toc") if isinstance(project, dict) else None
    groups: dict[str, str] = {}

    def walk(entries: Any, title: str) -> None:
        for entry in entries if isinstance(entries, list) else ():
            if not isinstance(entry, dict):
                continue
            file, pattern = entry.get("file"), entry.get("pattern")
            pages = [file.strip().removeprefix("./")] if isinstance(file, str) and file.strip() else []
            if isinstance(pattern, str) and pattern.strip():
                pages += sorted(n for n in names if fnmatch.fnmatchcase(n, pattern.strip().removeprefix("./")))
            for page in pages:
                groups.setdefault(page.rsplit(".", 1)[0] if page.endswith(_SPHINX_SUFFIXES) else page, title)
            walk(entry.get("children"), title)

    for entry in toc if isinstance(toc, list) else ():
        named = entry.get("title") if isinstance(entry, dict) else None
        if isinstance(named, str) and named.strip() and "file" not in entry and "children" in entry:
            walk(entry["children"], named.strip())
    return tuple(groups.items())


#: a Jupyter Book's ``html: baseurl:``, where the book is published (its _config.yml)
_JUPYTER_BOOK_BASEURL = lazy_compile(r"""^html\s*:\s*\n(?:[ \t]+.*\n|\s*\n)*?[ \t]+baseurl\s*:\s*["']?([^"'\s#]+)""", re.M)
_BOOK_SRC = lazy_compile(r"""^[ \t]*src\s*=\s*["']([^"']+)["']""", re.M)
_GITBOOK_ROOT = lazy_compile(r"""^root\s*:\s*["']?([^"'\s#]+)""", re.M)
_GITBOOK_SUMMARY = lazy_compile(r"""^[ \t]+summary\s*:\s*["']?([^"'\s#]+)""", re.M)


def _book(base: Path, names: Sequence[str], config: Path, text: str, inside: Callable[[str], str | None]) -> _Site:
    """A book: its pages are those of its source folder (an mdBook's ``src``, a GitBook's ``root``; a
    Jupyter Book's and a MyST site's own folder, without its ``_build/`` output), front matter or not,
    titled by their first heading. An mdBook or a GitBook publishes the chapters its ``SUMMARY.md``
    lists: it is no page, and neither is a file it does not list; each is titled by its link's text there
    (GitBook's ``[Page title](page.md "Sidebar label")`` too: the quoted label is the sidebar's only)."""
    tool = config.name
    here = base.resolve()
    changes: dict[str, Any] = {"no_front_matter": "article"}
    own: str | None = None
    if tool in _QUARTO_CONFIGS:
        return _quarto(base, names, config, text, inside)
    if tool == _SPHINX_CONFIG:
        return _sphinx(base, names, config, text, inside)
    if tool == "_bookdown.yml":
        return _bookdown(base, names, config, text)
    if tool in ("_toc.yml", "myst.yml"):
        # the book's folder: the folder read, or one of its folders (a repository's book/)
        book_dir = "" if config.parent == here else inside(Path(os.path.relpath(config.parent, here)).as_posix()) or ""
        # MyST's cross-references: {doc}`path`, {ref}`label` to a (label)= target, [text](label)
        changes.update(links=("markdown", "myst"), alias_fields=(MYST_LABELS,))
        included = _include_titles(base, book_dir, names, config.parent.parent)
        if included:  # a page opening with a MyST include (its README) is titled by the included heading
            changes["page_titles"] = included
        groups = _myst_toc_groups(text, [n[len(book_dir):] for n in names if n.startswith(book_dir)]) \
            if tool == "myst.yml" else ()
        if groups:  # a page's subject is the group of the table of contents that lists it
            changes.update(toc_subjects=groups, subject_from=("field", "toc", "folder"))
            own = f"subject from the group of {tool}'s toc that lists the page ({len(set(t for _, t in groups))} groups)"
        if tool == "_toc.yml":  # Sphinx publishes each page at its path, as .html; html.baseurl is the site's
            changes["path_urls"] = "sphinx"
            entries, parts = _toc_entries(text)
            if parts:  # a page's subject is the part of the book that lists it
                changes.update(toc_subjects=parts, subject_from=("field", "toc", "folder"))
                own = f"subject from the part of {tool} that lists the page ({len(set(c for _, c in parts))} parts)"
            settings = _config([config.parent], ("_config.yml",))
            book = _jekyll_settings(settings[1]) if settings is not None else {}
            excluded = _jekyll_list(book, "exclude_patterns")
            if excluded:  # Sphinx's: globs from the book's folder
                changes["ignores"] = tuple((book_dir, glob.removeprefix("./"), "exclude_patterns") for glob in excluded)
            if book.get("only_build_toc_files") is True:  # the pages _toc.yml does not list are not built
                pages = {book_dir + page for page in entries}
                changes.update(toc=book_dir + tool,
                               toc_pages=tuple(n for n in names if n.rsplit(".", 1)[0] in pages or n in pages))
            baseurl = _JUPYTER_BOOK_BASEURL.search(settings[1]) if settings is not None else None
            if baseurl and "://" in baseurl.group(1):
                changes["site_url"] = baseurl.group(1).rstrip("/")
        why = (f"{tool}: {_BOOK_TOOLS[tool]}; _build/ (its output) skipped; notebooks read by their Markdown cells; "
               "MyST links ({doc}, {ref} to (label)= targets)")
        book_tool = "Jupyter Book" if tool == "_toc.yml" else "MyST"
        broken = [config_problem(base, config, text, book_tool)]
        if tool == "_toc.yml" and settings is not None:
            broken.append(config_problem(base, *settings, book_tool))
        return _Site(book_dir, ("_build",), f"pages under {book_dir} ({why})" if book_dir else why, changes,
                     [p for p in broken if p is not None], own_subject=own)
    if tool == "book.toml":
        declared = _BOOK_SRC.search(text)
        source, summary = (declared.group(1) if declared else "src"), "SUMMARY.md"
    else:
        root, summary_file = _GITBOOK_ROOT.search(text), _GITBOOK_SUMMARY.search(text)
        source, summary = (root.group(1) if root else "."), (summary_file.group(1) if summary_file else "SUMMARY.md")
    source_dir = (config.parent / source).resolve()
    if source_dir == here:
        content = ""
    elif source_dir.parent == here or here in source_dir.parents:
        content = inside(Path(os.path.relpath(source_dir, here)).as_posix()) or ""
    else:
        content = ""
    why = f"{tool}: {_BOOK_TOOLS[tool]}"
    toc = f"{content}{summary.strip('/')}"
    mdbook = tool == "book.toml"
    if mdbook:  # each chapter at its path as .html, a README at its folder's index.html (mdBook's index preprocessor)
        changes["path_urls"] = "files"
        why += "; chapters at their paths as .html"
    if toc in names:
        listed, titles, heads = _summary_entries(base, toc, names)
        changes.update(toc=toc, toc_pages=tuple(listed))
        why += f"; the {len(listed)} pages {toc.rpartition('/')[2]} lists"
        if titles:  # mdBook and GitBook name a page as SUMMARY.md does, in the sidebar and its <title>
            changes["page_titles"] = tuple((page[len(content):], title) for page, title in titles)
            why += ", titled as it names them"
        if heads:  # a part's title (# Part I) heads the chapters below it
            changes.update(toc_subjects=tuple((page[len(content):].rsplit(".", 1)[0], part) for page, part in heads),
                           subject_from=("field", "toc", "folder"))
            own = f"subject from the part of {toc.rpartition('/')[2]} that lists the page ({len(set(p for _, p in heads))} parts)"
    return _Site(content, (), f"pages under {content} ({why})" if content else why, changes, own_subject=own)


def _quarto(base: Path, names: Sequence[str], config: Path, text: str, inside: Callable[[str], str | None]) -> _Site:
    """A Quarto project (``_quarto.yml``): every ``.qmd``, Markdown, R Markdown and notebook file of its
    folder is a page, front matter or not, rendered at its path as ``.html``, but for what Quarto leaves out:
    files and folders named ``_...`` (included files, its ``_site/`` and ``_freeze/``) or ``.``, READMEs,
    and its ``output-dir``. A folder's ``_metadata.yml`` gives the pages in it and below their fields, under
    their own; the ``site-url`` of its ``website`` (or ``book``) is the site's url."""
    here = base.resolve()
    project_dir = "" if config.parent == here else inside(Path(os.path.relpath(config.parent, here)).as_posix()) or ""
    try:
        settings = _parsed(text, _yaml_settings)
    except Exception:  # said by config_problem below
        settings = None
    settings = settings if isinstance(settings, dict) else {}
    project = settings["project"] if isinstance(settings.get("project"), dict) else {}
    output = project.get("output-dir") if isinstance(project.get("output-dir"), str) else None
    output = posixpath.normpath(output.strip()).strip("/") if output and output.strip() else None
    # its output, by default and where the config says, when a folder of the project's own (not ../out)
    skip = tuple(dict.fromkeys(("_site", "_book", "_freeze", *((output,) if output and output not in (".", "..")
                                                                    and not output.startswith("../") and "/" not in output else ()))))
    rendered = _quarto_rendered([n[len(project_dir):] for n in names if n.startswith(project_dir)], project.get("render"))
    unbuilt = [(n, "a README: Quarto renders no page of it") for n in names
               if n.startswith(project_dir) and _QUARTO_README.search(n)]
    unbuilt += [(n, f"not among the files {config.name}'s project: render names: Quarto does not render it") for n in names
                if rendered is not None and n.startswith(project_dir) and n[len(project_dir):] not in rendered
                and not _QUARTO_README.search(n)]
    changes: dict[str, Any] = {"no_front_matter": "article", "partials": True, "path_urls": "sphinx",
                               "suffixes": _QUARTO_PAGES, "title_fallback": ("heading", "file-name"),
                               # its categories are what its listings file a page under, several a page: keywords
                               "keywords": ("categories", "keywords", "tags"),
                               "subject": tuple(k for k in FieldMap().subject if k not in ("categories", "category")),
                               # its authors, by name or as mappings with a name (and affiliations...)
                               "author": ("author", "authors"), "author_mappings": True,
                               # dates of the render, not of the page
                               "dynamic_dates": ("last-modified", "today", "now"),
                               # a link to a notebook (01_core.ipynb) is to its page, as Quarto renders it
                               "links": ("markdown", "html", "notebook"), "alias_fields": (), "unbuilt": tuple(unbuilt)}
    if project.get("type") == "book":  # a book's cross-references (@sec-x, @fig-x) reach the chapter with the id;
        # a website's or a lone document's resolve within their page only (?@sec-x and a warning for another's)
        changes.update(links=("markdown", "html", "notebook", "quarto"), alias_fields=(MYST_LABELS,))
    site = next((v.get("site-url") for v in (settings.get("website"), settings.get("book")) if isinstance(v, dict)
                 and isinstance(v.get("site-url"), str) and "://" in v["site-url"]), None)
    if site:
        changes["site_url"] = site.strip().rstrip("/")
    metas, problems = _folder_meta_files(base, project_dir, _QUARTO_METADATA)
    if metas:
        changes["data_files"] = metas
    book = settings.get("book") if project.get("type") == "book" else None
    chapters, parts = _quarto_chapters(base / project_dir, book) if isinstance(book, dict) else ((), ())
    if chapters:  # a book renders the chapters it lists, each under its part
        changes.update(toc=f"{project_dir}{config.name}", toc_pages=tuple(
            n for n in names if n.startswith(project_dir) and n[len(project_dir):] in chapters))
        if parts:
            changes.update(toc_subjects=parts, subject_from=("toc", "folder"))
    broken = config_problem(base, config, text, "Quarto")
    why = (f"{config.name}: a Quarto project; .qmd, Markdown and notebook pages at their paths as .html; "
           f"files named _... (included), READMEs and {', '.join(f'{s}/' for s in skip)} (its output) skipped"
           + ("; _metadata.yml gives its folder's pages their fields" if metas else "")
           + (f"; the book's {len(chapters)} chapters" if chapters else ""))
    return _Site(project_dir, skip, f"pages under {project_dir} ({why})" if project_dir else why, changes,
                 ([broken] if broken is not None else []) + problems, bundles=True,
                 own_subject=f"subject from the book's part that lists the page ({len(set(c for _, c in parts))} parts), "
                             "else the folder" if parts else None)


#: the most of a bookdown chapter read for its headings
MAX_CHAPTER = 4 * 1024 * 1024


def _bookdown(base: Path, names: Sequence[str], config: Path, text: str) -> _Site:
    """A bookdown book (``_bookdown.yml`` in the folder read): the R Markdown (or Markdown) files its ``rmd_files``
    lists (for HTML: a mapping's ``html`` list), else every ``.Rmd`` file of its folder, not its folders', but
    ``_...`` files and the book's merged file (``book_filename``), ``index.Rmd`` first, the others by name, as
    ``render_book`` reads them; the others are no pages, nor is its ``output_dir`` (``_book``).

    The book is split by chapter (gitbook's and bs4_book's default): each chapter is a page named by its
    level-1 heading's id (``# Introduction {#intro}`` at ``intro.html``; else its Pandoc id, ``données-brutes.html``),
    the book's first at ``index.html``; a file is at its first chapter's url, filed under the part (``# (PART)
    Basics {-}``, ``# (APPENDIX) Appendix {-}``) above it. ``\\@ref(id)`` links to the page whose chapter or
    section has the id (:func:`~qagraph.links.bookdown_headings`)."""
    try:
        settings = _parsed(text, _yaml_settings)
    except Exception:  # said by config_problem below
        settings = None
    settings = settings if isinstance(settings, dict) else {}
    listed = settings.get("rmd_files")
    if isinstance(listed, dict):
        listed = listed.get("html")
    if isinstance(listed, str):
        listed = [listed]
    named = settings.get("book_filename")
    merged = (named if isinstance(named, str) else "_main").strip().removesuffix(".Rmd").removesuffix(".rmd") + ".rmd"
    if isinstance(listed, list):
        chapters = [posixpath.normpath(n.strip()).removeprefix("./") for n in listed if isinstance(n, str) and n.strip()]
    else:
        found = sorted(n for n in names if "/" not in n and n.lower().endswith(".rmd") and not n.startswith("_")
                       and n.lower() != merged.lower())
        chapters = [n for n in found if n.lower() == "index.rmd"] + [n for n in found if n.lower() != "index.rmd"]
    present = set(names)
    chapters = list(dict.fromkeys(n for n in chapters if n in present))
    urls: list[tuple[str, str]] = []
    parts: list[tuple[str, str]] = []
    part: str | None = None
    first = True
    for name in chapters:
        body = _read_site_text(base / name, MAX_CHAPTER) or ""
        if body.startswith("---"):  # its YAML front matter, whose # comments are no headings
            close = re.search(r"^(?:---|\.\.\.)[ \t]*$", body[3:], re.M)
            body = body[3 + close.end():] if close else body
        chapter: dict[str, str] = {}
        for level, heading, label in bookdown_headings(mask_code(body)):
            if level != 1:
                continue
            if label is None:  # a part's heading: the chapters after it are in it
                part = heading
            elif not chapter:  # the page's url, and its title (a part's heading above it is none)
                chapter = {"url": "/index.html" if first else f"/{label}.html", "title": heading}
                first = False
                if part:
                    parts.append((name.rsplit(".", 1)[0], part))
        if chapter:
            urls.append((name.rsplit(".", 1)[0], json.dumps(chapter, ensure_ascii=False)))
    given = settings.get("output_dir")
    output = posixpath.normpath(given.strip()).strip("/") if isinstance(given, str) and given.strip() else "_book"
    skip = tuple(dict.fromkeys(("_book", "_bookdown_files", *((output,) if output not in (".", "..") and
                                                              not output.startswith("../") else ()))))
    changes: dict[str, Any] = {"no_front_matter": "article", "partials": True, "suffixes": (".rmd", ".md"),
                               "title_fallback": ("heading", "file-name"), "toc": config.name,
                               "toc_pages": tuple(chapters), "data_files": tuple(urls),
                               "links": ("markdown", "html", "bookdown"), "alias_fields": (MYST_LABELS,),
                               "dynamic_dates": ("`r *",)}  # R code, run at each render: the render's day
    if parts:
        changes.update(toc_subjects=tuple(parts), subject_from=("toc", "folder"))
    broken = config_problem(base, config, text, "bookdown")
    why = (f"{config.name}: a bookdown book; its {len(chapters)} chapters "
           + ("its rmd_files lists" if isinstance(listed, list) else "of its folder (index.Rmd first)")
           + ", each at its chapter's id as .html (the first at index.html); \\@ref(id) links to the chapter or section")
    return _Site("", skip, why, changes, [broken] if broken is not None else [],
                 own_subject=f"subject from the book's part above the chapter ({len(set(p for _, p in parts))} parts), "
                             "else the folder" if parts else None)


def _quarto_rendered(paths: Sequence[str], render: Any) -> frozenset[str] | None:
    """Which of ``paths`` (from a Quarto project's folder) its ``project: render`` list names, as Quarto reads it
    (``resolveGlobs``, mode auto): a glob matches at any depth (``*.qmd`` is ``**/*.qmd``), a plain name from the
    project's folder (``/...`` too), a name ending in ``/`` the files below that folder, one starting with ``!``
    leaves out at any depth; ``None`` without a list (all are rendered). A glob that :func:`_glob_regex` cannot
    read, or with more than three ``*`` and ``{`` in all, names nothing.

    >>> sorted(_quarto_rendered(["a.qmd", "x/b.qmd", "x/c.md", "drafts/d.qmd", "n/keep.md"], ["*.qmd", "n/keep.md", "!drafts/"]))
    ['a.qmd', 'n/keep.md', 'x/b.qmd']
    """
    if isinstance(render, str):
        render = [render]
    if not isinstance(render, list) or not render:
        return None
    include: list[re.Pattern[str]] = []
    exclude: list[re.Pattern[str]] = []
    for item in render:
        if not isinstance(item, str) or not item.strip():
            continue
        glob = item.strip()
        if len(re.findall(r"\*\*|\*|\{", glob)) > 3:  # its matching time grows as a name's length to that power
            continue
        negated = glob.startswith("!")
        glob = glob[1:] if negated else glob.removeprefix("\\")
        wild = negated or any(c in glob for c in "*?[{")
        if glob.endswith("/"):
            glob += "**/*"
        rooted = glob.startswith("/")
        glob = glob.lstrip("/").removeprefix("./")
        if wild and not rooted:
            glob = "**/" + glob
        try:
            (exclude if negated else include).append(_glob_pattern(glob, True))
        except re.error:
            continue
    return frozenset(p for p in paths if any(r.fullmatch(p) for r in include) and not any(r.fullmatch(p) for r in exclude))


def _quarto_chapters(root: Path, book: Mapping[str, Any]) -> tuple[frozenset[str], tuple[tuple[str, str], ...]]:
    """The files a Quarto book's ``book`` settings list (its ``chapters`` and ``appendices``, a ``part``'s
    file and chapters; paths from the project's folder ``root``), and the part each chapter is under, as
    ``(path without suffix, part)`` pairs: the part's text, or the title of the file it names; appendices
    under "Appendices"."""
    listed: list[str] = []
    parts: dict[str, str] = {}

    def chapter(value: Any) -> str | None:
        if isinstance(value, str) and value.strip() and "://" not in value:
            name = posixpath.normpath(value.strip().lstrip("/")).removeprefix("./")
            if name not in listed:
                listed.append(name)
            return name
        return None

    def walk(entries: Any, part: str | None) -> None:
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict):
                named = entry.get("part")
                title = named.strip() if isinstance(named, str) and named.strip() else None
                if title is not None and title.lower().endswith(_QUARTO_PAGES) and (root / title).is_file():
                    file = chapter(title)
                    title = _quarto_title(root / title) or (file.rsplit(".", 1)[0] if file else title)
                    if file is not None:
                        parts.setdefault(file.rsplit(".", 1)[0], title)
                chapter(entry.get("href") or entry.get("file"))
                walk(entry.get("chapters"), title or part)
            else:
                name = chapter(entry)
                if name is not None and part is not None:
                    parts.setdefault(name.rsplit(".", 1)[0], part)

    walk(book.get("chapters"), None)
    walk(book.get("appendices"), "Appendices")
    return frozenset(listed), tuple(parts.items())


def _quarto_title(path: Path) -> str | None:
    """The title of the Quarto page at ``path``: its ``title`` field, else its first heading's text."""
    data = _read_head(path)
    text = decode(path.name, data) if data is not None else None
    if not isinstance(text, str):
        return None
    fm = read_front_matter(path.name, text)
    if isinstance(fm, Problem):
        return None
    title = fm.data.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    heading = re.search(r"^#[ \t]+(.+?)[ \t]*(?:\{[^}]*\})?[ \t]*$", fm.body, re.M)
    return heading.group(1).strip() if heading else None


#: the files of a Quarto project's folder whose fields its pages (in it and below) take
_QUARTO_METADATA = ("_metadata.yml", "_metadata.yaml")


#: a heading of a book's ``SUMMARY.md``: its title first, then the titles of its parts (mdBook's ``# Part I``,
#: GitBook's ``## Group``)
_SUMMARY_HEADING = lazy_compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
#: a chapter's link in a ``SUMMARY.md`` line: its name and its target (``[Install](guide/install.md)``,
#: ``[x](<a b.md> "title")``)
_SUMMARY_LINK = lazy_compile(r"""\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>\n]*>|[^)\s]*)(?:\s+["'][^"'\n]*["'])?\s*\)""")
#: a numbered chapter of a ``SUMMARY.md``, a list item (a part's title heads those only)
_SUMMARY_ITEM = lazy_compile(r"^[ \t]*[-*+][ \t]")
#: the inline marks of a chapter's name in a ``SUMMARY.md`` link, which mdBook drops (`` `init` ``, ``**x**``)
_SUMMARY_MARKS = lazy_compile(r"`+|\*\*|__|(?<!\w)[*_]|[*_](?!\w)")


def _summary_entries(base: Path, toc: str, names: Sequence[str]) -> tuple[
        list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """The pages a book's table of contents ``toc`` lists (the files its Markdown links name, from its
    folder, among ``names``), each one's name there (the link's text, without its inline marks), and the
    part each numbered chapter (a list item) is in: the heading above it (an mdBook's ``# Part``, a GitBook's
    ``## Group``), but the title the file opens with (``# Summary``, before any chapter).

    >>> text = "# Summary\\n\\n[Intro](README.md)\\n\\n# Guide\\n\\n- [`init`](cli/init.md)\\n- [Draft]()\\n"
    >>> _summary_parse(text, "", {"README.md", "cli/init.md"})
    (['README.md', 'cli/init.md'], [('README.md', 'Intro'), ('cli/init.md', 'init')], [('cli/init.md', 'Guide')])
    """
    data = _read_regular(base / toc, MAX_DATA_FILE)
    if isinstance(data, str):
        return [], [], []
    return _summary_parse(data.decode("utf-8", "replace"), toc.rpartition("/")[0], set(names))


def _summary_parse(text: str, folder: str, known: set[str]) -> tuple[
        list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """The pages, names and parts of the ``SUMMARY.md`` ``text`` in ``folder`` (:func:`_summary_entries`)."""
    from urllib.parse import unquote

    listed: list[str] = []
    titles: list[tuple[str, str]] = []
    parts: list[tuple[str, str]] = []
    part: str | None = None
    titled = False  # the first heading before any chapter is the book's title, no part
    masked = mask_code(text).splitlines()  # a heading in code is none; a chapter's name keeps its code (`init`)
    for shown, line in zip(masked, text.splitlines()):
        heading = _SUMMARY_HEADING.match(shown)
        if heading:
            if listed or titled:
                part = heading.group(2).strip() or None
            titled = True
            continue
        for link in _SUMMARY_LINK.finditer(line) if shown.strip() else ():
            path = unquote(link.group(2).strip("<>").split("#", 1)[0].split("?", 1)[0])
            if not path or "://" in path:
                continue
            name = posixpath.normpath(posixpath.join(folder, path.lstrip("/")) if not path.startswith("/") else path.lstrip("/"))
            if name in known and name not in listed:
                listed.append(name)
                title = " ".join(_SUMMARY_MARKS.sub("", link.group(1)).replace("\\", "").split())
                if title:
                    titles.append((name, title))
                if part is not None and _SUMMARY_ITEM.match(line):  # a prefix or suffix chapter ([x](x.md)) is in none
                    parts.append((name, part))
    return listed, titles, parts


#: VitePress's config, in its order (resolveUserConfig: a config/ folder's index, else config.<ext>, for js, ts, mjs
#: and mts in turn), then VuePress's
_VUE_CONFIGS = (*(name for x in ("js", "ts", "mjs", "mts") for name in (f".vitepress/config/index.{x}",
                                                                        f".vitepress/config.{x}")),
                *(f".vitepress/config.{x}" for x in ("cjs", "cts")),
                *(f".vuepress/config.{x}" for x in _JS_CONFIG))
#: a JavaScript module's import of a module of its own folder or near it (``import { shared } from './shared'``)
_JS_LOCAL_IMPORT = lazy_compile(r"""^[ \t]*import\s[^'"`;]*?\bfrom\s*["'](\.{1,2}/[^"'\n]+)["']""", re.M)
#: the site's title in a VitePress or VuePress config (its first ``title:``, the site's, before its themeConfig's)
_VUE_TITLE = lazy_compile(r"""(?<![\w$.])["']?title["']?\s*:\s*(["'`])([^"'`\n]+)\1""")
_VITEPRESS_SRC_DIR = lazy_compile(r"""\bsrcDir\s*:\s*["'`]([^"'`]+)["'`]""")


#: a VitePress or VuePress config's own top-level options, one of which its config object sets (how deep it is)
_VUE_OPTIONS = ("title", "titleTemplate", "description", "lang", "base", "head", "themeConfig", "locales", "srcDir",
                "srcExclude", "outDir", "cleanUrls", "rewrites", "sitemap", "lastUpdated", "markdown", "vite", "vue",
                "appearance", "ignoreDeadLinks", "mpa", "metaChunk", "theme", "plugins", "dest", "bundler")


#: a VitePress config's ``rewrites`` object
_VITEPRESS_REWRITES = lazy_compile(r"""(?<![\w$.])["']?rewrites["']?\s*:\s*\{""")
#: a path-to-regexp (6) parameter of a route: ``:name``, a pattern of its own after it (``:id(\\d+)``) or alone
#: (``(.*)``), and how often it comes (``*``, ``+``, ``?``)
_ROUTE_PARAM = lazy_compile(r":(\w+)(?:\(((?:[^()]|\([^()]*\))*)\))?([*+?])?|\(((?:[^()]|\([^()]*\))*)\)([*+?])?")


def _vitepress_rewrites(config: str) -> tuple[tuple[str, str], ...]:
    """A VitePress config's ``rewrites`` (``{'en/:rest*': ':rest*', 'packages/:pkg/src/(.*)': ':pkg/index.md'}``: where
    it publishes the pages whose path below its source folder a route matches) as
    :attr:`~qagraph.fields.FieldMap.path_rewrites`, read as path-to-regexp reads them (VitePress's
    resolveRewrites); a route written as a regular expression (``^...``), and rewrites that are a function, are not read.

    >>> _vitepress_rewrites("export default { rewrites: { 'en/:rest*': ':rest*', 'pkg/:name/(.*)': ':name/index.md' } }")
    (('en(?:/(?P<rest>[^/#?]+?(?:/[^/#?]+?)*))?', '{rest}'), ('pkg/(?P<name>[^/#?]+?)/(?P<_0>.*)', '{name}/index.md'))
    """
    found = _js_literal_after(_js_code(config)[0], _VITEPRESS_REWRITES)
    rules: list[tuple[str, str]] = []
    for route, target in found.items() if isinstance(found, dict) else ():
        if not isinstance(route, str) or not isinstance(target, str) or route.startswith("^"):
            continue
        parts: list[str] = []
        pos, unnamed = 0, 0
        route = route.lstrip("/")
        for m in _ROUTE_PARAM.finditer(route):
            literal, name = route[pos:m.start()], m.group(1)
            if name is None:
                name, unnamed = f"_{unnamed}", unnamed + 1
            own, often = (m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5))
            one = own if own is not None else "[^/#?]+?"
            value = f"{one}(?:/{one})*" if often in ("*", "+") else one
            if literal.endswith("/") and often in ("*", "?"):  # the / before it goes with it (en/:rest* is en too)
                parts.append(re.escape(literal[:-1]) + f"(?:/(?P<{name}>{value}))?")
            else:
                parts.append(re.escape(literal) + f"(?P<{name}>{value})" + ("?" if often in ("*", "?") else ""))
            pos = m.end()
        parts.append(re.escape(route[pos:]))
        template = re.sub(r":(\w+)[*+?]?", lambda t: "{" + ("_" if t.group(1).isdigit() else "") + t.group(1) + "}",
                          target.replace("{", "").replace("}", ""))
        try:
            re.compile("".join(parts))
        except re.error:
            continue
        rules.append(("".join(parts), template))
    return tuple(rules)


#: a VitePress or VuePress config's ``locales`` object
_VUE_LOCALES = lazy_compile(r"""(?<![\w$.])(["']?)locales\1\s*:\s*\{""")


def _vue_locale_folders(config: str) -> tuple[str, ...]:
    """The folders a VitePress or VuePress site keeps its other languages' pages in: the keys of its config's own
    ``locales`` (the least deep, not its search's) but its ``root`` (VuePress's ``'/zh/'``: ``zh``).

    >>> _vue_locale_folders("export default { locales: { root: { label: 'English', ...en }, zh: { label: 'x' } },\\n"
    ...                     "  themeConfig: { search: { options: { locales: { ja: {} } } } } }")
    ('zh',)
    >>> _vue_locale_folders("module.exports = { locales: { '/': { lang: 'en-US' }, '/zh/': { lang: 'zh-CN' } } }")
    ('zh',)
    """
    code, depths = _js_code(config)
    found = [m for m in _VUE_LOCALES.finditer(code) if depths[m.start()] >= 0]
    if not found:
        return ()
    top = min(depths[m.start()] for m in found)
    try:
        value = _js_literal(code, next(m for m in found if depths[m.start()] == top).end() - 1)[0]
    except RecursionError:
        return ()
    keys = value if isinstance(value, dict) else {}
    return tuple(dict.fromkeys(k.strip("/") for k in keys if isinstance(k, str) and k.strip("/") and k != "root"))


def _vue_config(base: Path) -> tuple[str, str, str] | None:
    """A VitePress or VuePress site's config, in ``base`` or its ``docs/`` (the folder its commands are
    given): where it is (for the reason), its text, and the folder that holds it (``docs`` or ``.``),
    whose Markdown files are the site's pages (VitePress: below its ``srcDir``)."""
    for folder in (".", "docs"):
        found = _config([(base / folder).resolve()], _VUE_CONFIGS)
        if found is not None:
            where = Path(os.path.relpath(found[0], base.resolve())).as_posix()
            return where, found[1] + "".join(f"\n{text}" for text in _local_modules(found[0], found[1])), folder
    return None


def _local_modules(config: Path, text: str) -> list[str]:
    """The texts (comments left out) of the modules of its own that the JavaScript ``config`` imports by a
    relative path (``import { shared } from './shared'``, ``.ts`` or ``.js`` or a folder's ``index``), at most
    :data:`MAX_CONFIG` bytes each and 20 in all: the settings a VitePress config spreads into its own
    (``...shared``: its title, ``cleanUrls``, ``rewrites``) are read as its own, after them."""
    if config.suffix not in _JS_SUFFIXES:
        return []
    texts: list[str] = []
    for spec in dict.fromkeys(m.group(1) for m in _JS_LOCAL_IMPORT.finditer(text)):
        path = config.parent / spec
        candidates = [path] if path.suffix in _JS_SUFFIXES else [
            *(path.with_name(path.name + x) for x in _JS_SUFFIXES), *(path / f"index{x}" for x in _JS_SUFFIXES)]
        found = next((c for c in candidates if _is_file(c)), None)
        data = _read_regular(found, MAX_CONFIG) if found is not None else ""
        if isinstance(data, bytes):
            texts.append(_js_code(data.decode("utf-8", "replace"))[0])
        if len(texts) >= 20:
            break
    return texts


_GATSBY_CONFIGS = tuple(f"gatsby-config.{x}" for x in _JS_CONFIG)
_GATSBY_PATH = lazy_compile(r"""\bpath\s*:\s*(?:["'`](?:\$\{__dirname\}/|\./)?([^"'`$]+)["'`]|"""
                          r"""path\.(?:join|resolve)\(\s*__dirname\s*,\s*["'`]([^"'`]+)["'`])""")
_GATSBY_SITE_URL = lazy_compile(r"""\bsiteUrl\s*:\s*["'`]([^"'`]+)["'`]""")


def _gatsby(config: Path, text: str, inside: Callable[[str], str | None]) -> _Site | None:
    """A Gatsby site: its pages are the Markdown files of the folder its ``gatsby-source-filesystem``
    reads (the blog starter's ``content/blog``), which Gatsby's ``createFilePath`` publishes at their
    path below it (``hello-world/index.md`` at ``/hello-world/``); its url is ``siteMetadata.siteUrl``.
    Several such folders: the site's root (each folder's pages are published below their own)."""
    folders = [f for m in _GATSBY_PATH.finditer(text) if (f := inside(m.group(1) or m.group(2) or ""))]
    content = folders[0] if len(set(folders)) == 1 else ""
    url = _GATSBY_SITE_URL.search(text)
    changes: dict[str, Any] = {"site_url": url.group(1).rstrip("/")} if url and "://" in url.group(1) else {}
    why = f"{config.name}: a Gatsby site"
    return _Site(content, (), f"pages under {content} ({why})" if content else why, changes, bundles=True)


_PELICAN_CONFIGS = ("pelicanconf.py",)
_PELICAN_PATH = lazy_compile(r"""^PATH\s*=\s*(?:r|u)?["']([^"']*)["']""", re.M)
_PELICAN_SITEURL = lazy_compile(r"""^SITEURL\s*=\s*["']([^"']*)["']""", re.M)


#: Pelican's own FILENAME_METADATA: a file name that starts with a date
_PELICAN_FILENAME_METADATA = r"(?P<date>\d{4}-\d{2}-\d{2}).*"


def _pelican_path_metadata(text: str, content: str, names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The metadata a Pelican site (its config's ``text``) takes from the names of its files below
    ``content``, as ``FieldMap.data_files`` of each page (its path without suffix, JSON): the named groups
    of its ``FILENAME_METADATA`` matched at the start of the file's name without suffix (by default
    ``(?P<date>\\d{4}-\\d{2}-\\d{2}).*``), then of its ``PATH_METADATA`` at the start of its path below the
    content folder, a group's value kept where an earlier one gave none. A pattern Python cannot read, or
    one that :func:`backtracks`, gives nothing.

    >>> _pelican_path_metadata("", "content/", ["content/a/2021-03-04-x.md", "content/b.md", "content/2021-03-04.rst"])
    (('content/a/2021-03-04-x', '{"date": "2021-03-04"}'), ('content/2021-03-04', '{"date": "2021-03-04"}'))
    >>> _pelican_path_metadata("FILENAME_METADATA = ''\\nPATH_METADATA = '(?P<category>[^/]+)/.*'", "", ["a/x.md"])
    (('a/x', '{"category": "a"}'),)
    """
    filename = _pelican_setting(text, "FILENAME_METADATA")
    patterns = [(p, part) for p, part in ((_PELICAN_FILENAME_METADATA if filename is None else filename, "name"),
                                          (_pelican_setting(text, "PATH_METADATA") or "", "path")) if p]
    compiled = []
    for pattern, part in patterns:
        try:
            compiled.append((_compiled(pattern), part))
        except re.error:  # as Pelican's re.match would stop on it; a repeat of a repeat is not tried
            continue
    found = []
    for name in names if compiled else ():
        if not name.startswith(content) or not name.lower().endswith((*FieldMap().suffixes, ".rst")):
            continue
        path = name[len(content):]
        values: dict[str, str] = {}
        for regex, part in compiled:
            m = regex.match(path.rpartition("/")[2].rsplit(".", 1)[0] if part == "name" else path)
            for key, value in (m.groupdict() if m else {}).items():
                if value is not None and key.lower() not in values:
                    values[key.lower()] = value
        if values:
            found.append((name.rsplit(".", 1)[0], json.dumps(values, ensure_ascii=False)))
    return tuple(found)


def _pelican_setting(text: str, name: str) -> str | None:
    """A text setting of a Pelican config (``ARTICLE_URL = "{slug}/"``), ``None`` when not set.

    >>> _pelican_setting("ARTICLE_URL = 'posts/{slug}/'\\nPAGE_URL=\\"{slug}.html\\"", "PAGE_URL")
    '{slug}.html'
    """
    found = re.search(rf"""^{name}\s*=\s*(?:r|u)?(["'])(.*?)\1""", text, re.M)
    return found.group(2) if found else None


def _pelican_list(text: str, name: str) -> tuple[str, ...] | None:
    """A list setting of a Pelican config (``ARTICLE_PATHS = ['posts']``), ``None`` when not set.

    >>> _pelican_list("ARTICLE_PATHS = ['posts', \\"blog\\"]\\nPAGE_PATHS = []\\n", "ARTICLE_PATHS"), _pelican_list("", "X")
    (('posts', 'blog'), None)
    """
    found = re.search(rf"^{name}\s*=\s*[\[(]([^\])]*)[\])]", text, re.M)
    return tuple(p for _, p in re.findall(r"""(["'])(.*?)\1""", found.group(1))) if found else None


def _pelican(base: Path, config: Path, text: str, inside: Callable[[str], str | None], names: Sequence[str] = ()) -> _Site:
    """A Pelican site (``pelicanconf.py``, here or above): its pages are those of the config's ``PATH``
    (``content`` as pelican-quickstart writes it); a page's metadata are the ``Key: value`` lines it
    starts with (Python-Markdown's, not YAML), a file without them is no page (Pelican needs a
    title), ``Status: draft`` is a draft; the site's url is ``SITEURL`` of ``publishconf.py`` (the
    published site's) or of ``pelicanconf.py``. A page's subject is its ``Category``, else the
    folder it is in (``USE_FOLDER_AS_CATEGORY``: ``posts/python/a.md`` is filed under ``python``); its tags are split on semicolons, else commas; it is
    published at the config's ``ARTICLE_URL`` (``{slug}.html``), a page of ``PAGE_PATHS``
    (``pages/``) at its ``PAGE_URL`` (``pages/{slug}.html``). A file outside its ``ARTICLE_PATHS``
    (by default the whole folder) and ``PAGE_PATHS``, or that its ``ARTICLE_EXCLUDES`` or
    ``PAGE_EXCLUDES`` name, is no page. The metadata its file name and path give by the config's
    ``FILENAME_METADATA`` (by default a date: ``2021-03-04-x.md``) and ``PATH_METADATA`` are under its own
    (:func:`_pelican_path_metadata`)."""
    declared = _PELICAN_PATH.search(text)
    content = (inside(declared.group(1)) if declared else None) if config.parent == base.resolve() else None
    content = content or ""
    page_paths = _pelican_list(text, "PAGE_PATHS")
    page_paths = ("pages",) if page_paths is None else page_paths
    article_paths = _pelican_list(text, "ARTICLE_PATHS")
    changes: dict[str, Any] = {
        "metadata_lines": True, "drafts": ("draft", "status"), "no_front_matter": "skip",
        "subject": ("category",), "subject_from": ("field", "parent"), "keyword_separator": SEMICOLONS,
        "article_url": _pelican_setting(text, "ARTICLE_URL") or "{slug}.html",
        "page_url": _pelican_setting(text, "PAGE_URL") or "pages/{slug}.html", "page_paths": page_paths,
        "slug_source": "basename" if _pelican_setting(text, "SLUGIFY_SOURCE") == "basename" else "title"}
    for found in (_config([config.parent], ("publishconf.py",)), (config, text)):
        url = _PELICAN_SITEURL.search(found[1]) if found is not None else None
        if url and "://" in url.group(1):
            changes["site_url"] = url.group(1).rstrip("/")
            break
    folders = [p.strip().strip("/") for p in (*article_paths, *page_paths)] if article_paths is not None else [""]
    if "" not in folders and "." not in folders:  # Pelican reads its articles and pages there, and nothing else
        changes["page_folders"] = tuple(f"{content}{folder}/" for folder in dict.fromkeys(folders))
    excludes = [(setting, glob.strip().strip("/")) for setting in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES")
                for glob in _pelican_list(text, setting) or ()]
    if excludes:
        changes["ignores"] = tuple((content, glob, setting) for setting, glob in excludes if glob)
    named = _pelican_path_metadata(text, content, names)
    if named:  # under the file's own metadata, as the data files of a page
        changes["data_files"] = named
    author = _pelican_setting(text, "AUTHOR")
    changes["author"] = ("authors", "author")  # Authors: a, b; else Author:
    if author and author.strip():  # the author of a page that names none
        changes["default_author"] = author.strip()
    why = (f"{config.name}: a Pelican site; Key: value metadata lines; urls by {changes['article_url']} "
           f"(pages: {changes['page_url']})" + ("; metadata from files' names" if named else "")
           + (f"; by AUTHOR ({changes['default_author']}) unless a page names its own" if "default_author" in changes else ""))
    return _Site(content, (), f"pages under {content} ({why})" if content else why, changes,
                 own_subject="subject from Category, else the folder the file is in")


#: a Nikola site's config (``conf.py``, beside its ``posts/`` and ``pages/``), which Sphinx's of the same name is
#: not: it sets ``POSTS`` or ``PAGES``, Nikola's lists of (glob, destination, template)
_NIKOLA_CONFIGS = ("conf.py",)
_NIKOLA_LISTS = lazy_compile(r"^(POSTS|PAGES)[ \t]*=[ \t]*\(", re.M)
#: an entry of a Nikola ``POSTS`` or ``PAGES``: its glob and its destination (a text, or a translatable
#: mapping of languages to texts, ``{"en": "posts", "de": "beitraege"}``: its first)
_NIKOLA_ENTRY = lazy_compile(r"""\(\s*(["'])([^"'\n]*)\1\s*,\s*(?:(["'])([^"'\n]*)\3|\{[^}:]*:\s*(["'])([^"'\n]*)\5)""")
#: Nikola's own POSTS and PAGES, where its config sets none (its Markdown entries)
_NIKOLA_DEFAULTS = {"POSTS": (("posts/*.md", "posts"),), "PAGES": (("pages/*.md", "pages"),)}


def _nikola_config(base: Path) -> tuple[Path, str] | None:
    """The config (path and text, its comment lines left out) of the Nikola site ``base`` is (or is a folder
    of, up to two folders down): a ``conf.py`` that sets ``POSTS`` or ``PAGES``; ``None`` for none."""
    config = _config(_parents(base), _NIKOLA_CONFIGS)
    if config is None:
        return None
    text = "\n".join(line for line in config[1].splitlines() if not line.lstrip().startswith("#"))
    return (config[0], text) if _NIKOLA_LISTS.search(text) else None


def _nikola_entries(text: str, name: str) -> tuple[tuple[str, str], ...]:
    """The (glob, destination) entries of a Nikola config's ``POSTS`` or ``PAGES`` (``name``), in order;
    Nikola's own where the config sets none.

    >>> _nikola_entries('POSTS = (\\n    ("posts/*.rst", "blog", "post.tmpl"),\\n    ("posts/*.md", {"en": "blog"}, "p.tmpl"),\\n)\\n', "POSTS")
    (('posts/*.rst', 'blog'), ('posts/*.md', 'blog'))
    >>> _nikola_entries("PAGES = ()\\n", "POSTS"), _nikola_entries("PAGES = ()\\n", "PAGES")
    ((('posts/*.md', 'posts'),), ())
    """
    found = re.search(rf"^{name}[ \t]*=[ \t]*\(", text, re.M)
    if found is None:
        return _NIKOLA_DEFAULTS[name]
    depth, end = 1, found.end()
    while end < len(text) and depth:  # to the parenthesis that closes the list
        depth += {"(": 1, ")": -1}.get(text[end], 0)
        end += 1
    return tuple((m.group(2), m.group(4) if m.group(4) is not None else m.group(6) or "")
                 for m in _NIKOLA_ENTRY.finditer(text, found.end(), end))


#: an entry of a Nikola config's ``TRANSLATIONS``: a language (quoted, or ``DEFAULT_LANG``) and the folder below
#: which its translations are published (``"es": "./es"``)
_NIKOLA_TRANSLATION = lazy_compile(r"""(?:(["'])([\w-]+)\1|(DEFAULT_LANG))\s*:\s*(["'])([^"'\n]*)\4""")


def _nikola_translations(text: str) -> tuple[tuple[str, str], ...]:
    """The languages of a Nikola config's ``TRANSLATIONS`` but its ``DEFAULT_LANG`` and the folders their
    translations (``hello.es.md``, its default ``TRANSLATIONS_PATTERN``'s names) are published below; none
    where its pattern is another.

    >>> _nikola_translations('DEFAULT_LANG = "en"\\nTRANSLATIONS = {\\n    DEFAULT_LANG: "",\\n    "es": "./es",\\n}\\n')
    (('es', 'es'),)
    """
    found = re.search(r"^TRANSLATIONS[ \t]*=[ \t]*\{([^}]*)\}", text, re.M)
    pattern = _pelican_setting(text, "TRANSLATIONS_PATTERN")
    if found is None or pattern not in (None, "{path}.{lang}.{ext}"):
        return ()
    default = _pelican_setting(text, "DEFAULT_LANG") or "en"
    return tuple((m.group(2), m.group(5).strip().removeprefix("./").strip("/"))
                 for m in _NIKOLA_TRANSLATION.finditer(found.group(1)) if m.group(2) and m.group(2) != default)


#: the fields of an old Nikola ``.meta`` file, one a line, in this order (before its ``.. key: value`` lines)
_NIKOLA_OLD_META = ("title", "slug", "date", "tags", "link", "description", "type")


def _nikola_meta(text: str) -> dict[str, str]:
    """The metadata of a Nikola two-file post's ``.meta`` file: its ``.. key: value`` lines, or, in the old
    format (a line a field), its lines as :data:`_NIKOLA_OLD_META`; a field without a value is none.

    >>> _nikola_meta(".. title: Hi\\n.. tags: a, b\\n.. link:\\n"), _nikola_meta("Hi\\nhi\\n2012/09/15 19:52\\n\\n")
    ({'title': 'Hi', 'tags': 'a, b'}, {'title': 'Hi', 'slug': 'hi', 'date': '2012/09/15 19:52'})
    """
    read = read_front_matter("x.meta", text, nikola=True)
    if not isinstance(read, Problem) and read.syntax is not None:
        return {str(k): v for k, v in read.data.items() if isinstance(v, str) and v.strip()}
    lines = text.replace("\r\n", "\n").split("\n")
    return {key: value.strip() for key, value in zip(_NIKOLA_OLD_META, lines) if value.strip()}


def _nikola_meta_files(base: Path, names: Sequence[str], routes: Sequence[tuple[str, str]],
                       ) -> tuple[tuple[str, str], ...]:
    """The metadata of the two-file posts of a Nikola site (``posts/hello.md`` beside ``posts/hello.meta``: Nikola
    reads its metadata there), as ``FieldMap.data_files`` of each (its path without suffix, JSON)."""
    found = []
    for name in names:
        stem, dot, suffix = name.rpartition(".")
        if not dot or f".{suffix.lower()}" not in (*FieldMap().suffixes, ".rst") or \
                not any(name.startswith(where) for where, _ in routes) or not _is_file(base / f"{stem}.meta"):
            continue
        data = _read_regular(base / f"{stem}.meta", MAX_CONFIG)
        meta = _nikola_meta(data.decode("utf-8", "replace")) if isinstance(data, bytes) else {}
        if meta:
            found.append((stem, json.dumps(meta, ensure_ascii=False)))
    return tuple(found)


def _nikola(base: Path, config: Path, text: str, names: Sequence[str] = ()) -> _Site:
    """A Nikola site (``conf.py``, here or above, that sets ``POSTS`` or ``PAGES``): its pages are the Markdown
    and reStructuredText files its ``POSTS`` and ``PAGES`` globs match (``posts/*.md``, ``posts/*.rst``, in the
    glob's folder and the folders below it, as Nikola walks it), the others are no pages; a page's metadata are
    the ``.. key: value`` lines of its first paragraph (in ``<!--`` and ``-->`` in Markdown), else, with
    Python-Markdown's ``meta`` extension in its ``MARKDOWN_EXTENSIONS``, the ``Key: value`` lines it starts
    with; it is titled by its ``title``, else its file's name, filed under its ``category``, tagged by its
    ``tags`` (split on commas), and published below its glob's destination at its slug
    (:func:`~qagraph.fields.nikola_url`: ``/blog/2024/hello/`` with ``PRETTY_URLS``); ``link://slug/x`` (and a
    reStructuredText post's ``:doc:`x```) links to the post of that slug; ``status: draft`` is a draft where
    its ``DEPLOY_DRAFTS`` is ``False`` (else Nikola deploys it, unlisted: a page); its author is
    ``BLOG_AUTHOR`` unless it names its own; ``SITE_URL`` is the site's url. A two-file post's metadata are in
    the ``.meta`` file beside it (:func:`_nikola_meta_files`)."""
    folder = base.resolve()
    below = "" if config.parent == folder else folder.relative_to(config.parent).as_posix() + "/"
    routes: list[tuple[str, str]] = []
    for setting in ("POSTS", "PAGES"):
        for glob, destination in _nikola_entries(text, setting):
            where, _, pattern = glob.strip().removeprefix("./").rpartition("/")
            where = f"{where.strip('/')}/" if where.strip("/") else ""
            if not any(fnmatch.fnmatch(f"x{suffix}", pattern) for suffix in (*FieldMap().suffixes, ".rst")):
                continue  # HTML, notebooks, .txt: no page read here
            if where.startswith(below):
                routes.append((where[len(below):], destination.strip().strip("/")))
            elif below.startswith(where):  # the folder read is inside the glob's: its files are below the destination
                routes.append(("", "/".join(p for p in (destination.strip().strip("/"), below[len(where):].strip("/")) if p)))
    routes = list(dict.fromkeys(routes))
    translations = _nikola_translations(text)
    pretty = re.search(r"^PRETTY_URLS[ \t]*=[ \t]*False\b", text, re.M) is None
    meta = re.search(r"^MARKDOWN_EXTENSIONS[ \t]*=.*(?:markdown\.extensions\.meta|[\"']meta[\"'])", text, re.M) is not None
    changes: dict[str, Any] = {
        "nikola_metadata": True, "metadata_lines": meta, "nikola_routes": tuple(routes), "nikola_pretty": pretty,
        "url": (), "title_fallback": ("file-name",), "subject": ("category",), "subject_from": ("field",),
        "keywords": ("tags",), "keyword_separator": ",",
        # a draft (status: draft) is built and deployed, unlisted, unless its DEPLOY_DRAFTS says False
        "drafts": ("status",) if re.search(r"^DEPLOY_DRAFTS[ \t]*=[ \t]*False\b", text, re.M) else (),
        "alias_fields": ("aliases", NIKOLA_SLUG), "links": ("markdown", "html", "nikola"), "no_front_matter": "article",
        "nikola_translations": translations}
    if not any(where == "" for where, _ in routes):  # Nikola builds what its globs name, and nothing else
        changes["page_folders"] = tuple(dict.fromkeys(where for where, _ in routes))
    two_files = _nikola_meta_files(base, names, routes)
    if two_files:  # under the file's own metadata, as the data files of a page
        changes["data_files"] = two_files
    url = _pelican_setting(text, "SITE_URL")
    if url and "://" in url:
        changes["site_url"] = url.rstrip("/")
    author = _pelican_setting(text, "BLOG_AUTHOR")
    if author and author.strip():
        changes["default_author"] = author.strip()
    shown = ", ".join(f"{where or './'} at /{destination + '/' if destination else ''}" for where, destination in routes)
    why = (f"{config.name}: a Nikola site; .. key: value metadata"
           + (" (or Key: value lines)" if meta else "") + f"; pages of {shown or 'no Markdown glob'}"
           + (" (slug/ urls)" if pretty else " (slug.html urls)"))
    return _Site("", (), why, changes, own_subject="subject from category")


#: the awesome-pages plugin in an MkDocs config's plugins
_AWESOME_PAGES = lazy_compile(r"^[ \t]+-[ \t]+awesome-pages[ \t]*:?[ \t]*(?:#.*)?$", re.M)
#: the awesome-pages plugin's successor (mkdocs-awesome-nav 3), whose folder files are ``.nav.yml``
_AWESOME_NAV = lazy_compile(r"^[ \t]+-[ \t]+awesome-nav[ \t]*:?[ \t]*(?:#.*)?$", re.M)


def _awesome_nav_file(config: str) -> str | None:
    """The name of the folder files that title the sections of an MkDocs nav: ``.pages`` with the
    awesome-pages plugin, ``.nav.yml`` (or its ``filename`` option) with awesome-nav, its successor; ``None``
    with neither.

    >>> _awesome_nav_file("plugins:\\n  - awesome-nav\\n"), _awesome_nav_file("plugins:\\n  - awesome-nav:\\n      filename: n.yml\\n")
    ('.nav.yml', 'n.yml')
    """
    if _AWESOME_PAGES.search(config):
        return ".pages"
    if not _AWESOME_NAV.search(config):
        return None
    options = _mkdocs_plugin(config, "awesome-nav") or {}
    named = options.get("filename")
    return named.strip() if isinstance(named, str) and named.strip() and "/" not in named else ".nav.yml"


def _awesome_pages_titles(base: Path, docs: str, file: str = ".pages",
                          ) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The titles the awesome-pages plugin gives the sections of an MkDocs nav: each folder's ``.pages``
    (awesome-nav's ``.nav.yml``: ``file``) ``title`` below the docs folder ``docs`` (from ``base``), as
    ``FieldMap.folder_labels`` (the folder's path, the title); a file that cannot be read is a warning (the
    folder's name labels it)."""
    labels: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for where, folder, _, _ in _folders_holding(base / docs, base, (file,)):
        try:
            value = _data_file(folder / file, f"the {file} file", "YAML")
        except ValueError as exc:
            problems.append(_unread_problem(f"{where}/{file}", exc, "the folder's name labels its section"))
            continue
        title = value.get("title") if isinstance(value, dict) else None
        if isinstance(title, str) and title.strip() and where != ".":
            labels.append((where, title.strip()))
    return tuple(labels), problems


def _nav_folder_labels(sections: tuple[tuple[str, str], ...], names: Sequence[str], docs: str,
                       ) -> tuple[tuple[str, str], ...]:
    """The labels of the folders of an MkDocs docs folder ``docs`` named like a top-level section of its nav
    (``user-guide/`` and ``User Guide``, one subject by their slug): the section's title, as the site shows it,
    for :attr:`~qagraph.fields.FieldMap.folder_labels` (a page of the folder the nav does not list is filed by
    its folder, and labelled so).

    >>> _nav_folder_labels((("user-guide/a", "User Guide"),), ["docs/user-guide/b.md", "docs/api/c.md"], "docs/")
    (('docs/user-guide', 'User Guide'),)
    """
    titles: dict[str, str] = {}
    for _, title in sections:
        titles.setdefault(_slug(title), title)
    found: dict[str, str] = {}
    for name in names:
        if name.startswith(docs):
            folders = name[len(docs):].split("/")[:-1]
            for depth, folder in enumerate(folders):
                named = titles.get(_slug(folder))
                if named is not None:
                    found.setdefault(docs + "/".join(folders[:depth + 1]), named)
    return tuple(sorted(found.items()))


#: the literate-nav plugin in an MkDocs config's plugins (its package's name too)
_LITERATE_NAV = lazy_compile(r"^[ \t]+-[ \t]+(?:mkdocs-)?literate-nav[ \t]*:?[ \t]*(?:#.*)?$", re.M)
#: an item of a Markdown list, its indentation and its text
_LIST_ITEM = lazy_compile(r"^([ \t]*)[-*+][ \t]+(.*?)[ \t]*$")
#: an item's text that is a link alone: ``[Title](path.md)``
_ITEM_LINK = lazy_compile(r"^\[([^\[\]\n]*)\]\(<?([^()<>\s]*)>?(?:[ \t]+\"[^\"]*\")?\)$")


def _literate_nav(base: Path, docs: str, config: str) -> list[Any] | None:
    """The nav the literate-nav plugin makes of an MkDocs site's nav file (its ``nav_file``, default
    ``SUMMARY.md``, at the docs folder's root) in place of the config's, as the config's ``nav`` is written: a
    list item that links a page (``* [Install](guide/install.md)``) is the page by that title, one that holds
    a list is a section titled by its text (its link, if any, the section's first page); ``None`` without the
    plugin or the file. A link to a folder or a glob (the plugin reads their own nav files) is none here.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = (Path(d) / "SUMMARY.md").write_text("* [Home](index.md)\\n* Guide\\n    * [Install](guide/install.md)\\n"
    ...                                          "    * [API](api/index.md)\\n        - [Client](api/client.md)\\n")
    ...     _literate_nav(Path(d), "", "plugins:\\n  - literate-nav\\n")
    [{'Home': 'index.md'}, {'Guide': [{'Install': 'guide/install.md'}, {'API': ['api/index.md', {'Client': 'api/client.md'}]}]}]
    """
    if not _LITERATE_NAV.search(config):
        return None
    options = _mkdocs_plugin(config, "literate-nav") or _mkdocs_plugin(config, "mkdocs-literate-nav") or {}
    name = options.get("nav_file")
    name = name.strip() if isinstance(name, str) and name.strip() else "SUMMARY.md"
    path = base / docs / name
    data = _read_regular(path, MAX_CONFIG) if _is_file(path) else None
    if not isinstance(data, bytes):
        return None
    items: list[tuple[int, str]] = []  # each item's indentation and text, outside code
    for line in mask_code(data.decode("utf-8", "replace")).splitlines():
        m = _LIST_ITEM.match(line)
        if m:
            items.append((len(m.group(1).expandtabs(4)), m.group(2)))

    def build(at: int, indent: int) -> tuple[list[Any], int]:
        nav: list[Any] = []
        while at < len(items) and items[at][0] >= indent:
            own, text = items[at]
            children, after = build(at + 1, own + 1)
            link = _ITEM_LINK.match(text)
            target = link.group(2) if link else None
            page = target if target and "://" not in target and not target.endswith("/") and "*" not in target \
                else None
            title = (link.group(1) if link else text).strip()
            if children:
                nav.append({title: ([page] if page else []) + children})
            elif page:
                nav.append({title: page} if title else page)
            at = after
        return nav, at

    return build(0, 0)[0] or None


def _mkdocs_nav_titles(config: str, nav: Any = None) -> tuple[tuple[str, str], ...]:
    """The titles an MkDocs config's ``nav`` gives its pages (``- Install: guide/install.md``, in
    sections at any depth), as ``(path below the docs folder, title)``; a page listed without one
    has none. Only the ``nav`` block is read as YAML (the config may hold ``!!python/name`` tags a
    safe YAML parser refuses).

    >>> _mkdocs_nav_titles("site_name: x\\nnav:\\n- Home: index.md\\n- Guide:\\n    - guide/index.md\\n"
    ...                    "    - Install: ./guide/install.md\\n    - Site: https://x.org\\ntheme: material\\n")
    (('index.md', 'Home'), ('guide/install.md', 'Install'))
    """
    nav = _mkdocs_nav(config) if nav is None else nav  # (or the nav a plugin makes: :func:`_literate_nav`)
    found: dict[str, str] = {}

    def walk(items: Any) -> None:
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, dict):
                continue
            for title, value in item.items():
                if isinstance(value, list):
                    walk(value)
                elif isinstance(value, str) and isinstance(title, str) and "://" not in value and title.strip():
                    page = posixpath.normpath(value.strip().removeprefix("./"))
                    if not page.startswith(("/", "..")):
                        found.setdefault(page, title.strip())

    walk(nav)
    return tuple(found.items())


def _mkdocs_meta_files(base: Path, docs: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The front matter MkDocs Material's meta plugin gives the pages of each folder of the docs folder
    ``docs`` (below ``base``) and below it: its ``.meta.yml`` (:func:`_folder_meta_files`)."""
    return _folder_meta_files(base, docs, (".meta.yml",))


def _folders_holding(root: Path, base: Path, names: Sequence[str], skip: tuple[str, ...] = (".",),
                     ) -> Iterator[tuple[str, Path, str, list[str]]]:
    """Each folder of ``root`` and below that holds one of a site's folder files ``names`` (a ``.pages``, a
    ``_metadata.yml``, a ``_meta.json``): its path from ``base`` (``.`` for ``base`` itself), the folder,
    the first of ``names`` it holds and its sub-folders. Folders whose names start with ``skip`` (hidden
    ones) are passed over, and at most 20,000 folders are walked, in name order."""
    for folder, dirs, files in itertools.islice(os.walk(root), 20_000):
        dirs[:] = sorted(d for d in dirs if not d.startswith(skip))
        found = next((n for n in names if n in files), None)
        if found is not None:
            yield Path(os.path.relpath(folder, base)).as_posix(), Path(folder), found, dirs


def _unread_problem(name: str, exc: ValueError, instead: str, code: str = "meta-file") -> Problem:
    """The warning (``code``) of a site's file ``name`` that :func:`_data_file` could not read (``exc``), on
    its line where there is one: what is done ``instead``."""
    return Problem(name, exc.args[1] if len(exc.args) > 1 else None, f"{exc.args[0]}: {instead}", code, WARNING)


def _folder_meta_files(base: Path, docs: str, meta_names: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The front matter a site's folder file (the first of ``meta_names`` there: MkDocs Material's
    ``.meta.yml``, Quarto's ``_metadata.yml``) gives the pages of each folder of ``docs`` (below ``base``)
    and below it, as :attr:`~qagraph.fields.FieldMap.data_files` (the folder, JSON), merged under each
    page's own (lists joined). A meta file that cannot be read, or holds no mapping, is a warning: its
    folder's pages have their own front matter only."""
    found: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for where, folder, meta, _ in _folders_holding(base / docs, base, meta_names):
        where = where.removeprefix("./")
        name = f"{where}/{meta}".lstrip("/") if where != "." else meta
        try:
            value = _data_file(folder / meta, "the meta file", "YAML")
        except ValueError as exc:
            problems.append(_unread_problem(name, exc, "its folder's pages have their own front matter only"))
            continue
        if isinstance(value, dict):
            key = "" if where == "." else f"{where}/"
            found.append((key, json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)))
        elif value is not None:
            problems.append(Problem(name, 1, f"holds a {type(value).__name__}, not front matter: its folder's "
                                    "pages have their own front matter only", "meta-file", WARNING))
    return tuple(found), problems


def _mkdocs_appended_definitions(folder: Path, config: str) -> tuple[tuple[str, str], ...]:
    """The reference-link definitions of the files an MkDocs config's ``pymdownx.snippets`` puts at the
    end of every page (``auto_append``, found below its ``base_path``, default the config's folder): a
    page's ``[text][label]`` links where they say (:func:`~qagraph.links.reference_definitions`; the
    abbreviations such a file holds, ``*[HTML]: ...``, are none). A file that is not there gives none."""
    try:
        settings = _parsed(config, _yaml_settings)
    except Exception:  # a config that cannot be read is a warning of its own (config_problem)
        return ()
    extensions = settings.get("markdown_extensions") if isinstance(settings, dict) else None
    found: list[tuple[str, str]] = []
    for item in extensions if isinstance(extensions, list) else ():
        options = item.get("pymdownx.snippets") if isinstance(item, dict) else None
        if not isinstance(options, dict):
            continue
        names, bases = options.get("auto_append") or [], options.get("base_path") or ["."]
        for name in names if isinstance(names, list) else [names]:
            for base in bases if isinstance(bases, list) else [bases]:
                if isinstance(name, str) and isinstance(base, str):
                    data = _read_regular(folder / base / name, MAX_CONFIG) if _is_file(folder / base / name) else None
                    if isinstance(data, bytes):
                        found += reference_definitions(data.decode("utf-8", "replace"))
                        break
    return tuple(dict.fromkeys(found))


def _mkdocs_redirects(config: str, docs: str, urls: str) -> tuple[tuple[str, str], ...]:
    """The old addresses the redirects plugin's ``redirect_maps`` (``old.md: new.md``) keep for the pages
    of an MkDocs site whose docs folder is ``docs`` (``docs/``, or ``""``), as data for each page they
    lead to (:attr:`~qagraph.fields.FieldMap.data_files`: the page's path without suffix, JSON): its
    ``aliases``, each old page's url (``urls``: :attr:`~qagraph.fields.FieldMap.path_urls`), which a
    link to the old file or its url reaches. A redirect to another site leads to no page here.

    >>> _mkdocs_redirects("plugins:\\n  - redirects:\\n      redirect_maps:\\n        a/old.md: b/new.md#x\\n"
    ...                   "        gone.md: https://x.org/\\n        c/index.md: b/new.md\\nx: !ENV Y\\n", "docs/", "folders")
    (('docs/b/new', '{"aliases": ["/a/old/", "/c/"]}'),)
    """
    from .fields import path_url

    try:
        settings = _parsed(config, _yaml_settings)
    except Exception:  # a config that cannot be read is a warning of its own (config_problem)
        return ()
    plugins = settings.get("plugins") if isinstance(settings, dict) else None
    found: dict[str, list[str]] = {}
    for plugin in plugins if isinstance(plugins, list) else [plugins]:
        options = plugin.get("redirects") if isinstance(plugin, dict) else None
        maps = options.get("redirect_maps") if isinstance(options, dict) else None
        for old, new in maps.items() if isinstance(maps, dict) else ():
            if not isinstance(old, str) or not isinstance(new, str) or "://" in new:
                continue
            page = posixpath.normpath(new.split("#", 1)[0].strip().lstrip("/"))
            url = path_url(docs + old.strip().lstrip("/"), docs, urls)
            if page.lower().endswith((".md", ".markdown")) and url and not page.startswith(".."):
                found.setdefault(docs + page.rsplit(".", 1)[0], []).append(url)
    return tuple((page, json.dumps({"aliases": old_urls})) for page, old_urls in sorted(found.items()))


def _mkdocs_plugin(config: str, name: str) -> dict[str, Any] | None:
    """The options of the plugin ``name`` in an MkDocs config's ``plugins`` (``- i18n: {...}``), or ``None``
    when it has none. Only the ``plugins`` block is read as YAML (the config may hold ``!!python/name`` tags
    a safe YAML parser refuses), a tag of its own (``!ENV``) read as nothing.

    >>> _mkdocs_plugin("plugins:\\n  - search\\n  - exclude:\\n      glob: [a/*]\\n      x: !ENV Y\\n", "exclude")
    {'glob': ['a/*'], 'x': None}
    """
    import yaml

    m = re.search(r"^plugins[ \t]*:[ \t]*(?:#.*)?\n((?:(?:[ \t-].*|[ \t]*)(?:\n|$))*)", config, re.M)
    try:
        plugins = _parsed(m.group(1), lambda text: yaml.load(text, Loader=_any_tags_loader())) if m else None
    except ValueError:
        return None
    items = plugins if isinstance(plugins, list) else [plugins] if isinstance(plugins, dict) else []
    return next((item[name] for item in items if isinstance(item, dict) and isinstance(item.get(name), dict)), None)


def _mkdocs_excluded(config: str, names: Sequence[str], docs: str) -> tuple[tuple[str, str], ...]:
    """The files of the docs folder ``docs`` that the exclude plugin (mkdocs-exclude) leaves out of an MkDocs
    site, with why, for :attr:`~qagraph.fields.FieldMap.unbuilt`: a file whose path below the docs folder a
    ``glob`` matches (Python's ``fnmatchcase``, ``*`` across folders too) or a ``regex`` matches from its
    start, unless an ``include-glob`` or ``include-regex`` takes it back.

    >>> config = "plugins:\\n  - exclude:\\n      glob:\\n        - examples/*\\n      regex: ['.*\\\\.tmp\\\\.md$']\\n"
    >>> [name for name, _ in _mkdocs_excluded(config, ["docs/examples/a/b.md", "docs/x.tmp.md", "docs/y.md"], "docs/")]
    ['docs/examples/a/b.md', 'docs/x.tmp.md']
    """
    options = _mkdocs_plugin(config, "exclude")
    if not options:
        return ()

    def listed(key: str) -> list[str]:
        value = options.get(key)
        return [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str) and v]

    def matching(path: str, globs: list[str], regexes: list[str]) -> str | None:
        for glob in globs:
            if fnmatch.fnmatchcase(path, glob):
                return f"glob {glob!r}"
        for regex in regexes:
            try:
                if re.match(regex, path):
                    return f"regex {regex!r}"
            except re.error:
                continue
        return None

    found = []
    for name in names:
        if name.startswith(docs):
            path = name[len(docs):]
            why = matching(path, listed("glob"), listed("regex"))
            if why is not None and matching(path, listed("include-glob"), listed("include-regex")) is None:
                found.append((name, f"left out of the site by the exclude plugin's {why} (mkdocs.yml)"))
    return tuple(found)


def _mkdocs_i18n_languages(config: str) -> tuple[str, tuple[str, ...]] | None:
    """The default language and all the languages of an MkDocs config's ``i18n`` plugin (mkdocs-static-i18n),
    which publishes the default's pages at the site's root and each other's under its locale (``/fr/``),
    whether a page's language is its file name's (``setup.fr.md``, ``docs_structure: suffix``, the default) or
    its top folder's (``fr/setup.md``, ``folder``); ``None`` without the plugin or with one language. Its
    ``languages`` are a list of ``{locale, default, build}`` (1.x; the default is the one marked so, else the
    first), or a mapping by locale with ``default_language`` beside it (0.x); a language it does not build
    (``build: false``) is none. Only the ``plugins`` block is read as YAML (the config may hold
    ``!!python/name`` tags a safe YAML parser refuses), a tag of its own (``!ENV``) read as nothing.

    >>> _mkdocs_i18n_languages("plugins:\\n  - search\\n  - i18n:\\n      languages:\\n        - locale: en\\n"
    ...                        "          default: true\\n        - locale: fr\\n        - locale: de\\n"
    ...                        "          build: false\\n")
    ('en', ('en', 'fr'))
    >>> _mkdocs_i18n_languages("plugins:\\n  - i18n:\\n      default_language: en\\n      languages:\\n"
    ...                        "        en: {name: English}\\n        ja: {name: 日本語}\\nnav: []\\n")
    ('en', ('en', 'ja'))
    """
    options = _mkdocs_plugin(config, "i18n")
    languages = options.get("languages") if options else None
    found: list[str] = []
    default = None
    if isinstance(languages, list):
        for entry in languages:
            locale = entry.get("locale") if isinstance(entry, dict) else None
            if isinstance(locale, str) and locale.strip() and entry.get("build") is not False:
                found.append(locale.strip())
                if entry.get("default") is True and default is None:
                    default = locale.strip()
    elif isinstance(languages, dict):
        for locale, entry in languages.items():
            if isinstance(locale, str) and locale.strip() and not (isinstance(entry, dict) and entry.get("build") is False):
                found.append(locale.strip())
        given = options.get("default_language") if options else None
        default = given.strip() if isinstance(given, str) and given.strip() in found else None
    if len(found) < 2:
        return None
    return default or found[0], tuple(dict.fromkeys(found))


def _mkdocs_nav(config: str) -> Any:
    """An MkDocs config's ``nav``, or ``None``. Only the ``nav`` block is read as YAML (the config may
    hold ``!!python/name`` tags a safe YAML parser refuses), a tag of its own (the monorepo plugin's
    ``- Backend: !include ./backend/mkdocs.yml``) read as nothing, the rest of the nav as it is.

    >>> _mkdocs_nav("nav:\\n  - Home: index.md\\n  - Backend: !include ./backend/mkdocs.yml\\n")
    [{'Home': 'index.md'}, {'Backend': None}]
    """
    import yaml

    m = re.search(r"^nav[ \t]*:[ \t]*(?:#.*)?\n((?:(?:[ \t-].*|[ \t]*)(?:\n|$))*)", config, re.M)
    if m is None:
        return None
    try:
        return _parsed(m.group(1), lambda text: yaml.load(text, Loader=_any_tags_loader()))
    except ValueError:
        return None


def _mkdocs_nav_sections(config: str, nav: Any = None) -> tuple[tuple[str, str], ...]:
    """The top-level section of an MkDocs config's ``nav`` that lists each page, however deep (the tab
    Material shows it under), as ``(path below the docs folder without suffix, section title)``; a
    page the nav lists at its top is in none.

    >>> _mkdocs_nav_sections("nav:\\n- Home: index.md\\n- Guide:\\n    - guide/index.md\\n"
    ...                      "    - More:\\n      - Up: ./up.md\\n      - Site: https://x.org\\n")
    (('guide/index', 'Guide'), ('up', 'Guide'))
    """
    nav = _mkdocs_nav(config) if nav is None else nav
    found: dict[str, str] = {}

    def pages(items: Any) -> Iterator[str]:
        for item in items if isinstance(items, list) else [items]:
            values = item.values() if isinstance(item, dict) else [item]
            for value in values:
                if isinstance(value, list):
                    yield from pages(value)
                elif isinstance(value, str) and "://" not in value and value.strip().lower().endswith(
                        (".md", ".markdown", *_MKDOCS_MARKDOWN_SUFFIXES)):
                    page = posixpath.normpath(value.strip().removeprefix("./"))
                    if not page.startswith(("/", "..")):
                        yield page.rsplit(".", 1)[0]

    for item in nav if isinstance(nav, list) else ():
        for title, value in item.items() if isinstance(item, dict) else ():
            if isinstance(value, list) and isinstance(title, str) and title.strip():
                for page in pages(value):
                    found.setdefault(page, title.strip())
    return tuple(found.items())


#: what YAML 1.1 (PyYAML, which reads an MkDocs config) reads as false
_YAML_FALSE = tuple(w for word in ("false", "no", "off") for w in (word, word.capitalize(), word.upper()))
#: what MkDocs leaves out of the docs folder whatever its config says (hidden files are not read anyway)
_MKDOCS_EXCLUDED = ("/templates/",)


def _yaml_text_lines(config: str, key: str) -> tuple[str, ...]:
    """The lines of a top-level text setting of a YAML config, read from the text (an MkDocs config
    may hold ``!!python/name`` tags a safe YAML parser refuses): a block (``key: |`` and the indented
    lines under it) or one line (``key: "*.tmp.md"``).

    >>> _yaml_text_lines("site_name: x\\nexclude_docs: |\\n  /drafts/\\n\\n  *.tmp.md\\nnav: []\\n", "exclude_docs")
    ('/drafts/', '*.tmp.md')
    >>> _yaml_text_lines("exclude_docs: drafts/  # work in progress", "exclude_docs"), _yaml_text_lines("k: '#x' # c", "k")
    (('drafts/',), ('#x',))
    """
    m = re.search(rf"^{re.escape(key)}[ \t]*:[ \t]*(.*)$", config, re.M)
    if m is None:
        return ()
    inline = m.group(1).strip()
    if inline and not inline.startswith(("|", ">")):
        if inline[0] in "'\"":  # quoted: up to its closing quote, whatever follows
            return (inline[1:].partition(inline[0])[0],)
        value = re.split(r"[ \t]+#", inline, maxsplit=1)[0]  # a comment after the value is none of it
        return (value,) if value and not value.startswith("#") else ()
    lines = []
    for line in config[m.end():].split("\n")[1:]:
        if line.strip() and not line[:1].isspace():
            break
        if line.strip():
            lines.append(line.strip())
    return tuple(lines)


_STARLIGHT = lazy_compile(r"""["']@astrojs/starlight["']""")
#: the front-matter links a page shows: a home page's hero buttons (VitePress's and Starlight's ``hero.actions``,
#: VuePress 2's ``actions``, VuePress 1's ``actionLink``) and VitePress's feature cards; the previous and next
#: pages at a page's foot that VitePress's and Starlight's front matter sets (``prev: {text, link}``), where it does
_VITEPRESS_LINK_FIELDS = ("hero.actions[].link", "features[].link", "prev.link", "next.link")
_VUEPRESS_LINK_FIELDS = ("actions[].link", "actionLink")
_STARLIGHT_LINK_FIELDS = ("hero.actions[].link", "prev.link", "next.link")
#: an Astro config's ``build: { format: 'file' }`` (or ``'preserve'``, ``'directory'``)
_ASTRO_BUILD_FORMAT = lazy_compile(r"""\bbuild\s*:\s*\{[^{}]*?\bformat\s*:\s*['"`](file|preserve|directory)['"`]""")


def _astro_build_format(config: str) -> str:
    r"""The ``build.format`` of an Astro config (its comments aside), ``directory`` when it sets none: not
    Vite's (``vite: { build: { rollupOptions: {...}, format } }``), whose object comes first.

    >>> _astro_build_format("export default { build: { assets: '_', format: 'file' } }")
    'file'
    >>> _astro_build_format("export default {\n  // build: { format: 'file' },\n  vite: { build: { rollupOptions: {}, format: 'file' } } }")
    'directory'
    """
    written = _ASTRO_BUILD_FORMAT.search(_js_code(config)[0])
    return written.group(1) if written else "directory"


#: an Astro config's own top-level options, one of which its config object sets (how deep it is)
_ASTRO_OPTIONS = ("site", "base", "build", "integrations", "output", "adapter", "trailingSlash", "srcDir", "outDir",
                  "markdown", "vite", "server", "i18n", "redirects", "image", "prefetch", "experimental")


def _astro_site_url(config: str) -> str | None:
    r"""Where an Astro config publishes its site: its ``site`` (``https://example.com``) and its ``base`` below it
    (``/docs``, or ``docs``: Astro's pages are there, and it leaves the links a page writes as written, so they name
    it); the base alone where it names no site; ``None`` where it gives neither. Its own settings, outside
    comments: not another object's (Vite's ``base``).

    >>> _astro_site_url("export default defineConfig({\n  // base: '/old',\n  site: 'https://a.org/', base: 'docs' })")
    'https://a.org/docs'
    >>> _astro_site_url("export default { base: '/docs/', vite: { base: '/x' } }"), _astro_site_url("export default {}")
    ('/docs', None)
    >>> _astro_site_url("export default { trailingSlash: 'never', vite: { base: '/assets' } }")
    """
    return _url_below(_js_setting(config, "site", _ASTRO_OPTIONS), _js_setting(config, "base", _ASTRO_OPTIONS))


def _url_below(site: str | None, base: str | None) -> str | None:
    """Where a site is published whose config says its url is ``site`` and its pages are below ``base``: the url
    and the base below it (where the url does not end with it already), the base alone where the url is none
    (no ``https://``), ``None`` where neither is; a relative base (``./``, a VitePress page-relative build) is none.

    >>> _url_below("https://a.org/", "docs"), _url_below("https://a.org/docs/", "/docs/"), _url_below(None, "/docs/")
    ('https://a.org/docs', 'https://a.org/docs', '/docs')
    >>> _url_below("https://a.org", "./"), _url_below("a.org", None)
    ('https://a.org', None)
    """
    below = posixpath.normpath("/" + (base or "")).strip("/")
    url = (site or "").rstrip("/") if (site or "").startswith(("https://", "http://")) else ""
    return (url if below and url.endswith(f"/{below}") else url + (f"/{below}" if below else "")) or None


#: where Astro's routes are: a Markdown file there is a page at its path
_ASTRO_PAGES = "src/pages"
_ELEVENTY_CONFIGS = (".eleventy.js", ".eleventy.cjs", *(f"eleventy.config.{x}" for x in _JS_CONFIG))
_ELEVENTY_CLI_INPUT = lazy_compile(r"""--input[= ]["']?([^\s"'&|;]+)""")


_ELEVENTY_NO_GITIGNORE = lazy_compile(r"""\.setUseGitIgnore\(\s*false\s*\)""")
#: ``eleventyConfig.ignores.add("src/drafts/**")`` and ``.delete(...)``: the config's own ignores
_ELEVENTY_IGNORES_CALL = lazy_compile(r"""\.ignores\.(add|delete)\(\s*(["'`])([^"'`]+)\2\s*\)""")


def _eleventy(base: Path) -> tuple[str, str | None, bool, tuple[str, ...]] | None:
    """Whether ``base`` is an Eleventy site (a config file, else ``@11ty/eleventy`` in its
    ``package.json``): the file that says so, the input folder it declares (``dir.input``, Eleventy 3's
    ``eleventyConfig.setInputDirectory("src")``, or the
    command line's ``--input`` in the package's scripts), if any, whether Eleventy leaves out
    what the ``.gitignore`` names (unless the config says ``setUseGitIgnore(false)``), and the
    globs its config adds to its ignores (``eleventyConfig.ignores.add``, less those it deletes)."""
    config = _config([base.resolve()], _ELEVENTY_CONFIGS)
    if config is not None:
        declared = _ELEVENTY_INPUT.search(config[1])
        added: dict[str, None] = {}
        for call in _ELEVENTY_IGNORES_CALL.finditer(config[1]):  # in the config's order
            if call.group(1) == "add":
                added[call.group(3)] = None
            else:
                added.pop(call.group(3), None)
        return (config[0].name, declared.group(1) or declared.group(2) if declared else None,
                not _ELEVENTY_NO_GITIGNORE.search(config[1]),
                tuple(added))
    package = _config([base.resolve()], ("package.json",))
    if package is not None and '"@11ty/eleventy"' in package[1]:
        declared = _ELEVENTY_CLI_INPUT.search(package[1])
        return "package.json", declared.group(1) if declared else None, True, ()
    return None


def _eleventy_ignores(base: Path, content: str, gitignore: bool) -> tuple[tuple[str, str, str], ...]:
    """What an Eleventy site does not read, as ``FieldMap.ignores``: the lines of its
    ``.eleventyignore`` files (the project's, at ``base``, and its input folder's, ``content``) and,
    with ``gitignore``, of its ``.gitignore``, read as Eleventy reads them: each line a glob from the
    file's own folder (``*.md`` is a file of that folder, not of every folder, whatever git makes of
    it), a line starting with ``#`` a comment and one starting with ``!`` left out (Eleventy does not
    take files back)."""
    files = ([".gitignore"] if gitignore else []) + [".eleventyignore"] + ([f"{content}.eleventyignore"] if content else [])
    found: list[tuple[str, str, str]] = []
    for name in files:
        data = _read_regular(base / name, MAX_DATA_FILE)
        if isinstance(data, str):  # none, or not a file that can be read: nothing left out
            continue
        for line in data.decode("utf-8-sig", "replace").split("\n"):  # a BOM is not the first line's
            line = line.strip()
            glob = line.removeprefix("./").lstrip("/")
            if glob and not line.startswith(("#", "!")):
                found.append((name.rpartition("/")[0] + "/" if "/" in name else "", glob, name))
    return tuple(found)


#: the largest data file read: a folder's defaults are a few lines (a data file of megabytes feeds pages
#: made from data, whose pages are not files)
MAX_DATA_FILE = 256 * 1024
_JS_DATA = (".11tydata.js", ".11tydata.cjs", ".11tydata.mjs")


def _eleventy_data(base: Path, names: Sequence[str]) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """An Eleventy site's directory and template data files, as ``FieldMap.data_files`` (their data,
    where they apply), and the problems of those that cannot be read.

    A folder's directory data are ``<folder>/<folder>.json`` under ``<folder>/<folder>.11tydata.json``;
    a page's template data are ``<page>.json`` under ``<page>.11tydata.json``, beside it. A JavaScript
    data file (``.11tydata.js``) is a program: it is not run, and a warning says its data are not read.
    """
    from .fields import merge_data
    from .load import display_name  # paths as the pages' names spell them (bytes that are not UTF-8 escaped)

    stems: dict[str, set[str]] = {}
    for name in names:
        folder, _, file_name = name.rpartition("/")
        stems.setdefault(folder, set()).add(file_name.rsplit(".", 1)[0])
    found: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for dirpath, folders, file_list in os.walk(base):
        folders[:] = sorted(d for d in folders if not d.startswith(".") and d not in ("node_modules", "_site", "_data",
                                                                                     "_includes"))
        rel = Path(dirpath).relative_to(base).as_posix()
        folder_raw = "" if rel == "." else rel
        folder = display_name(folder_raw)
        files = {display_name(f): f for f in file_list}  # as people read them -> as the OS spells them
        own = folder.rpartition("/")[2]
        owners = [(own, f"{folder}/", f"the pages of {folder}/")] if folder else []
        owners += [(stem, f"{folder}/{stem}" if folder else stem, f"{folder}/{stem}" if folder else stem)
                   for stem in sorted(stems.get(folder, ())) if stem != own]
        for owner, where, whom in owners:
            prefix = f"{folder}/{owner}" if folder else owner
            data: dict[str, Any] = {}
            for suffix in (".json", ".11tydata.json"):  # the later over the earlier, as Eleventy reads them
                if owner + suffix in files:
                    raw = f"{folder_raw}/{files[owner + suffix]}" if folder_raw else files[owner + suffix]
                    read = _json_data(base, raw, prefix + suffix, whom)
                    if isinstance(read, Problem):
                        problems.append(read)
                    else:
                        data = merge_data(data, read)
            problems += [Problem(prefix + suffix, None, f"a JavaScript data file: not run, so the data it gives {whom} "
                                 "(tags, permalink, layout...) are not read", "data-file", WARNING)
                         for suffix in _JS_DATA if owner + suffix in files]
            if data:
                found.append((where, json.dumps(data, sort_keys=True, ensure_ascii=False)))
    return tuple(sorted(found)), problems


def _json_data(base: Path, raw: str, name: str, whom: str) -> dict[str, Any] | Problem:
    """The data of the JSON data file ``raw`` (as the OS spells it; ``name``: as people read it), a
    mapping, or the warning that says why it is not read."""
    def problem(why: str, line: int | None = None) -> Problem:
        return Problem(name, line, f"{why}: the data it gives {whom} are not read", "data-file", WARNING)

    try:
        value = _data_file(base / raw, "the data file", "JSON")
    except ValueError as exc:
        return problem(exc.args[0], *exc.args[1:2])
    if not isinstance(value, dict):
        return problem(f"the data file holds a {type(value).__name__}, not a mapping of fields", 1)
    return value


def _data_file(path: Path, what: str, syntax: str) -> Any:
    """The data of the site's data file at ``path`` (``JSON`` or ``YAML``: ``syntax``), read as hostile
    input (:func:`_read_regular`, at most :data:`MAX_DATA_FILE`, :func:`_parsed`).

    Raises:
        ValueError: why it is not read, said of ``what`` (``the data file``), and the line where there is one.
    """
    import yaml

    data = _read_regular(path, MAX_DATA_FILE + 1)
    if isinstance(data, str):
        raise ValueError(f"{what} is {data}" if data.startswith("not") else f"cannot read {what}: {data}")
    if len(data) > MAX_DATA_FILE:
        raise ValueError(f"{what} is larger than {MAX_DATA_FILE // 1024} KB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"{what} is not UTF-8 text") from None
    try:
        return _parsed(text, json_loads if syntax == "JSON" else yaml.safe_load)
    except ValueError as exc:
        raise ValueError(f"{what} is not {syntax} that can be read ({exc.args[0]})", *exc.args[1:2]) from None


def _docusaurus(base: Path, names: Sequence[str], config: Path, text: str,
                inside: Callable[[str], str | None], site: str = "") -> _Site:
    """A Docusaurus site: its docs folder (``docs/``, or the docs options' ``path``) is the content,
    unless a ``blog/`` has posts too; each doc is published at the docs' ``routeBasePath`` (default
    ``/docs``) and its slug (:func:`~qagraph.fields.doc_url`); a ``_category_.json`` or ``.yml``
    labels its folder's subject; a blog post's authors are named by the blog's authors map
    (``blog/authors.yml``, or its ``authorsMapPath``: :func:`_authors_map`); files without front
    matter are pages (its front matter is optional), files and folders named ``_...`` are partials,
    not pages; each version of the docs that ``versions.json`` lists is published too, from
    ``versioned_docs/version-<name>/`` at its own route (:func:`_docusaurus_versions`); without it
    ``versioned_docs/`` is not read, nor, ever, the translations (``i18n/``). The other instances of
    the docs and blog plugins its ``plugins`` name (a ``community/`` docs at ``/community``) are
    published as the preset's are, at their own ``routeBasePath``. A site kept in ``site``
    (``website/``) reads its folders from there (``inside`` finds them so, ``../docs`` too): its
    config, ``versions.json`` and ``versioned_docs/`` are there."""
    from .fields import strip_number_prefix

    why = f"{site}{config.name}: a Docusaurus site; translations skipped"
    # its blog's posts are dated by their file's or folder's name (2021-08-26-welcome/index.md)
    # an MDX page links by JSX too: <Link to="/docs/x">, <a href="...">
    changes: dict[str, Any] = {"partials": True, "date_from_file_name": True,
                               "links": ("markdown", "wiki", "hugo-ref", "jekyll-ref", "html")}
    # a page without a title is titled by the heading its content starts with, else a doc by its id
    changes["title_fallback"] = ("content-title", "doc-id", "file-name")
    problems: list[Problem] = []
    url, base_url = _js_setting(text, "url") or _js_env_default(text, "url"), _js_setting(text, "baseUrl")
    if url and "://" in url:
        changes["site_url"] = url.rstrip("/") + "/" + (base_url or "").strip("/")
    if site:  # a Markdown link to a file is read from the site's folder too (/docs/x.md, @site/docs/x.md)
        changes["site_folder"] = site
    locales = _docusaurus_locale_paths(text)
    if locales:  # each doc again under each other locale's path: the translation, or the doc itself
        changes["url_prefixes"] = "|".join(re.escape("/" + path) for path in locales)
        why += f"; a link to a locale's copy of a page ({', '.join('/' + p + '/' for p in locales)}) leads to the page"
    slash = _js_boolean(text, "trailingSlash", "baseUrl")  # its pages' urls end with a / (true) or without (false)
    if slash is not None:
        changes["trailing_slash"] = slash
    options = _docusaurus_docs(text)
    docs = inside(options[0]) if options is not None else None
    # the preset's docs and blog, then the other instances of their plugins (a community/ docs at
    # /community, a second blog): (plugin, folder, route, where its options begin, its id)
    instances: list[tuple[str, str, str, int | None, str]] = []
    if options is not None:
        instances.append(("docs", options[0], options[1], _last_options(text, "docs"), "default"))
    blog_options = _docusaurus_docs(text, "blog")
    if blog_options is not None:
        instances.append(("blog", blog_options[0], blog_options[1], _last_options(text, "blog"), "default"))
    for plugin in _DOCUSAURUS_PLUGIN.finditer(text):
        settings = {k.group(1): k.group(2) for k in _JS_KEY.finditer(_outer(text, plugin.end() - 1))}
        kind = plugin.group(2)
        instances.append((kind, settings.get("path", kind), settings.get("routeBasePath", kind),
                          plugin.end() - 1, settings.get("id", "default")))
    versions: list[tuple[str, str]] = []  # the folder and route of each version of the docs it publishes
    labels: list[tuple[str, str]] = []
    blogs: list[tuple[str, str]] = []
    tags: list[tuple[str, str, str]] = []
    prefixed: list[str] = []  # the docs of a plugin that keeps number prefixes (numberPrefixParser: false)
    sections: list[tuple[str, str]] = []  # (docs folder and doc id, the sidebar's top category that lists it)
    generated: list[str] = []  # the folders a sidebar generates its top items from, whose folders are its categories
    unlisted: dict[str, str] = {}  # the files of a docs folder that its include or exclude globs leave out
    for kind, path, route, start, plugin_id in instances:
        route = "/" + route.strip().strip("/")
        folder = inside(path)
        if folder is None and posixpath.normpath(posixpath.join(site, path.strip())).startswith("../"):
            problems.append(Problem(f"{site}{config.name}", None, f"its {kind} folder {path} is outside the folder "
                                    "read: its pages are not read (read the folder that holds both)", "site-config",
                                    WARNING))
        if not folder or any(folder == f for f, _ in (*versions, *blogs)):
            continue
        tags_file = _docusaurus_tags_file(text, start)
        if kind == "blog":  # posts at the blog's route and their slug, or their date and name
            blogs.append((folder, route))
            found_tags, found = _tag_labels(base, folder, tags_file)
            tags += found_tags
            problems += found
            continue
        found_versions, found = _docusaurus_versions(base, text, start, folder, route, inside,
                                                     site + ("" if plugin_id == "default" else f"{plugin_id}_"))
        versions += found_versions
        problems += found
        if start is not None and _NO_NUMBER_PREFIXES.search(_outer(text, start)):
            prefixed += [version for version, _ in found_versions]
        members = _js_members(text, start) if start is not None else {}
        globs: dict[str, tuple[str, ...]] = {key: _js_strings(text, members[key] + 1) for key in ("include", "exclude")
                                             if key in members}
        for version, _ in found_versions if globs else ():  # its include and exclude say which files are docs
            unlisted.update(_docusaurus_unlisted(names, version, globs))
        sidebar = _SIDEBAR_PATH.search(_outer(text, start)) if start is not None else None
        for version, _ in found_versions:  # each version's docs filed by the categories of its own sidebars
            name = version.rstrip("/").rpartition("/")[2]
            if version != folder and name.startswith("version-"):
                file: str | None = (f"{site}{'' if plugin_id == 'default' else plugin_id + '_'}"
                                    f"versioned_sidebars/{name}-sidebars.json")
            else:
                file = posixpath.normpath(posixpath.join(site, sidebar.group(2).strip())) if sidebar else None
            if file and not file.startswith("../"):
                found_sections, found_roots, found = _docusaurus_sidebar_sections(base, file, version, f"{name}-")
                sections += found_sections
                generated += found_roots
                problems += found
        for version, _ in found_versions:
            found_labels, found = _category_labels(base, version)
            labels += found_labels
            problems += found
            found_tags, found = _tag_labels(base, version, tags_file)
            tags += found_tags
            problems += found
    named = dict(labels)
    for root in generated:  # a folder's categories, each labelled as the folder's subject is
        try:
            subs = sorted(d.name for d in os.scandir(base / root) if d.is_dir() and d.name[:1] not in "._")
        except OSError:
            subs = []
        for sub in subs:
            plain = strip_number_prefix(sub)
            sections.append((f"{root}{plain}/", named.get(f"{root}{sub}") or _folder_label(plain)))
    if versions:
        changes["doc_routes"] = tuple(f"{folder[:-1]}={at}" for folder, at in versions)
        changes["folder_labels"] = tuple(labels)
        why += f"; docs published under {versions[0][1]}" if len(versions) == 1 else "; docs published as " + \
            ", ".join(f"{folder} under {at}" for folder, at in versions)
    if tags:
        changes["tag_labels"] = tuple(tags)
    if prefixed:
        changes["prefixed_doc_folders"] = tuple(folder[:-1] for folder in prefixed)
    blog = blogs[0][0] if blogs else None
    if blog:
        changes["blog_routes"] = tuple(f"{folder[:-1]}={at}" for folder, at in blogs)
        # its posts name their authors by the keys of its authors map
        authors = posixpath.normpath(posixpath.join(blog, (_docusaurus_options(text, "blog") or {}).get(
            "authorsMapPath", "authors.yml")))
        changes["authors_map_file"] = authors
        changes["authors_map"], found = _authors_map(base, authors)
        problems = [*problems, *found]
        if changes["authors_map"]:
            why += f"; post authors named by {authors}"
    pages = inside(_DOCUSAURUS_PAGES)  # Markdown pages (src/pages/markdown-page.md) at their path
    if pages:
        changes["page_routes"] = (f"{pages[:-1]}=/",)
    home = any(_is_file(base / f"{site}{_DOCUSAURUS_PAGES}/index.{suffix}") for suffix in ("js", "jsx", "ts", "tsx"))
    search = bool(re.search(r"\balgolia\s*:|docusaurus-search-local|docusaurus-lunr-search", text))
    listings = _docusaurus_listings(versions, blogs, home=home, search=search)
    if listings:  # the lists of pages Docusaurus makes (/blog, /blog/tags/x, /docs/tags): no page anyone wrote
        changes["listing_urls"] = listings
        if not tags:  # a tags file may give a tag another url than its name's (permalink: /start)
            changes["listing_terms"] = _docusaurus_listings(versions, blogs, terms=True)
        why += "; links to the lists of pages it makes (its blog's, its tags') are no stubs (but a tag's no page has)"
    # its posts and pages are pages too: docs/ is not the only folder; read from the root, the site's
    # other files (a component's README, a changelog, examples) are none, nor other plugins' folders
    content = docs if docs and [folder for folder, _ in versions] == [docs] and not blog and not pages else ""
    if not content:
        folders = [*(folder for folder, _ in versions), blog, pages,
                   *(inside(k.group(2)) for k in _JS_KEY.finditer(text) if k.group(1) == "path")]
        changes["page_folders"] = tuple(sorted({f for f in folders if f}))
    # a page need not have front matter; at the site's root, a README or a changelog is no page
    changes["no_front_matter"] = "article" if content else "article-below-root"
    if unlisted:
        changes["unbuilt"] = tuple(sorted(unlisted.items()))
    listed = tuple((doc[len(content):], label) for doc, label in sections if doc.startswith(content))
    own = ""
    if listed:  # its sidebars' categories file the docs they list, as Docusaurus shows them
        changes.update(toc_subjects=listed, subject_from=("toc", "folder"))
        own = f"subject from the sidebar's category that lists the doc ({len(set(l for _, l in listed))} categories), else the folder"
    # without versions.json, versioned_docs/ is no version Docusaurus publishes; both are the site's own
    # folders, beside its config (a docs folder's i18n/, docs/i18n/git.md, holds docs)
    read = any("versioned_docs" in f.split("/") for f, _ in versions)
    unread = tuple(f"{site}{folder}/" for folder in (("i18n",) if read else ("versioned_docs", "i18n")))
    return _Site(content, unread, f"pages under {content} ({why})" if content else why, changes, problems,
                 own_subject=own if listed else None)


def _docusaurus_unlisted(names: Sequence[str], docs: str, globs: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """The Markdown files of ``names`` in the docs folder ``docs`` that are no docs, as Docusaurus reads its docs
    options' ``globs``: those its ``include`` names none of (its default: every ``.md`` and ``.mdx``), and those
    its ``exclude`` names, each matched against the file's path in the folder as micromatch matches it
    (a ``**/`` for no folder too, ``{a,b}`` either); each with why.

    >>> globs = {"include": ["{api,faq}/**/*.{md,mdx}", "FAQ.md"], "exclude": ["**/drafts/**"]}
    >>> _docusaurus_unlisted(["docs/FAQ.md", "docs/faq/a.md", "docs/README.md", "docs/api/drafts/b.md"], "docs/", globs)
    {'docs/README.md': "not among the docs the site's config includes (include: {api,faq}/**/*.{md,mdx}, FAQ.md): \
not a page", 'docs/api/drafts/b.md': "excluded by the site's config (exclude: **/drafts/**): not a page"}
    """
    def patterns(key: str) -> list[tuple[str, re.Pattern[str]]]:
        return [(glob, _glob_pattern(one)) for glob in globs.get(key, ())[:1000] for one in _braces(glob.removeprefix("./"))]

    included, excluded = patterns("include"), patterns("exclude")
    found: dict[str, str] = {}
    for name in names:
        if not name.startswith(docs) or not name.lower().endswith((".md", ".mdx")):
            continue
        path = name[len(docs):]
        if "include" in globs and not any(p.fullmatch(path) for _, p in included):
            found[name] = (f"not among the docs the site's config includes (include: {', '.join(globs['include'])}): "
                           "not a page")
        elif (glob := next((g for g, p in excluded if p.fullmatch(path)), None)) is not None:
            found[name] = f"excluded by the site's config (exclude: {glob}): not a page"
    return found


#: a Docusaurus config's ``i18n`` object
_DOCUSAURUS_I18N = lazy_compile(r"""(?<![\w$.])["']?i18n["']?\s*:\s*\{""")


def _docusaurus_locale_paths(config: str) -> tuple[str, ...]:
    """The url paths of the locales a Docusaurus config's ``i18n`` publishes its pages under besides its
    default locale's (at the site's root): each of its ``locales`` but ``defaultLocale``, at the ``path``
    its ``localeConfigs`` give it, else at its name.

    >>> _docusaurus_locale_paths("i18n: {defaultLocale: 'en', locales: ['en', 'fr', 'pt-BR'], "
    ...                          "localeConfigs: {fr: {label: 'Français', path: 'francais'}}}")
    ('francais', 'pt-BR')
    >>> _docusaurus_locale_paths("i18n: {defaultLocale: 'en', locales: ['en']}"), _docusaurus_locale_paths("x: 1")
    ((), ())
    """
    code = _js_code(config)[0]
    i18n = _js_literal_after(code, _DOCUSAURUS_I18N)
    if not isinstance(i18n, dict) or not isinstance(i18n.get("locales"), list):
        return ()
    default, configs = i18n.get("defaultLocale"), i18n.get("localeConfigs")
    paths: list[str] = []
    for locale in i18n["locales"]:
        if not isinstance(locale, str) or not locale.strip() or locale == default:
            continue
        given = configs.get(locale) if isinstance(configs, dict) else None
        path = given.get("path") if isinstance(given, dict) else None
        path = (path if isinstance(path, str) and path.strip("/ ") else locale).strip("/ ")
        if path and path not in paths:
            paths.append(path)
    return tuple(paths)


#: the sidebars file of a docs plugin's options (``sidebarPath: require.resolve('./sidebars.js')``, ``'./sidebars.json'``)
_SIDEBAR_PATH = lazy_compile(r"""(?<![\w$.])["']?sidebarPath["']?\s*:\s*(?:require\.resolve\s*\(\s*)?(["'`])([^"'`\n]+)\1""")
#: where a sidebars module gives its sidebars: ``module.exports = {``, ``export default {``, ``const sidebars = {``
_SIDEBARS_START = lazy_compile(r"""(?:module\.exports\s*=|export\s+default|(?:const|let|var)\s+[\w$]+\s*"""
                             r"""(?::\s*[\w$.<>]+\s*)?=)\s*(?:\(\s*)?\{""")
_JS_NAME = lazy_compile(r"[\w$]+")


def _docusaurus_sidebar_sections(base: Path, file: str, docs: str, prefix: str
                                 ) -> tuple[list[tuple[str, str]], list[str], list[Problem]]:
    """The docs of ``docs`` (``docs/``) that a Docusaurus sidebars file (``file``: ``sidebars.js``, ``.json``,
    a version's ``versioned_sidebars/version-1.x-sidebars.json``) lists in a category, as ``(docs folder and
    doc id, the label of the top category that lists it)``: a doc's id listed (``'install'``, ``{type: 'doc',
    id}``, the doc a category links to; a folder whose docs it generates, ``{type: 'autogenerated', dirName}``, as
    ``docs/guides/``), however deep in it; a doc a sidebar lists at its top is in none. Then the folders a
    sidebar generates its top items from (``api: [{type: 'autogenerated', dirName: 'api'}]``: ``docs/api/``), each
    of whose folders is a category of its own, as Docusaurus generates them (``.``, the docs folder, is left
    out: its folders are the docs' subjects already). A
    Docusaurus 1 site's versioned ids (``version-1.x-install``) lose the version's ``prefix``. A module is not
    run: its object literal is read (what is no literal, a variable or a call, is passed over). A file that
    cannot be read is a warning (its docs are filed by their folders)."""
    path = base / file
    if not _is_file(path):
        return [], [], []
    if file.endswith(".json"):
        try:
            sidebars = _data_file(path, file, "JSON")
        except ValueError as exc:
            return [], [], [_unread_problem(file, exc, "its docs are filed by their folders", "sidebars-file")]
    else:
        data = _read_regular(path, MAX_DATA_FILE)
        code = _js_code(data.decode("utf-8", "replace"))[0] if isinstance(data, bytes) else ""
        sidebars = None
        for begin in _SIDEBARS_START.finditer(code):
            try:
                sidebars = _js_literal(code, begin.end() - 1)[0]
            except RecursionError:
                sidebars = None
            if isinstance(sidebars, dict):
                break
    found: dict[str, str] = {}

    def ids(items: Any) -> Iterator[str]:
        for item in items if isinstance(items, list) else [items]:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict) and item.get("type") == "doc" and isinstance(item.get("id"), str):
                yield item["id"]
            elif isinstance(item, dict) and item.get("type") == "autogenerated" and isinstance(item.get("dirName"), str):
                folder = posixpath.normpath(item["dirName"].strip().strip("/"))  # every doc below it: "guides/"
                if not folder.startswith(".."):
                    yield "" if folder == "." else folder + "/"
            elif isinstance(item, dict) and item.get("type") == "category":
                link = item.get("link")
                if isinstance(link, dict) and link.get("type") == "doc" and isinstance(link.get("id"), str):
                    yield link["id"]
                yield from ids(item.get("items"))
            elif isinstance(item, dict) and "type" not in item:  # {Label: [items]}, a category written short
                for value in item.values():
                    if isinstance(value, list):
                        yield from ids(value)

    roots: list[str] = []
    for sidebar in sidebars.values() if isinstance(sidebars, dict) else ():
        tops: list[tuple[Any, Any]] = list(sidebar.items()) if isinstance(sidebar, dict) else []
        for item in sidebar if isinstance(sidebar, list) else ():
            if isinstance(item, dict) and item.get("type") == "category":
                tops.append((item.get("label"), item))
            elif isinstance(item, dict) and "type" not in item:
                tops += [(label, value) for label, value in item.items() if isinstance(value, list)]
            elif isinstance(item, dict) and item.get("type") == "autogenerated":
                root = next(ids(item), "")  # its folders are categories at the sidebar's top
                if root and docs + root not in roots:
                    roots.append(docs + root)
        for label, items in tops:
            if isinstance(label, str) and label.strip():
                for doc in ids(items):
                    found.setdefault(docs + doc.strip().removeprefix(prefix), label.strip())
    return list(found.items()), roots, []


#: where a Starlight config gives its sidebar: ``sidebar: [``
_STARLIGHT_SIDEBAR = lazy_compile(r"""(?<![\w$.])["']?sidebar["']?\s*:\s*\[""")


def _starlight_sidebar_groups(config: str, pages: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The pages (``pages``: their paths in the docs folder) that a Starlight config's sidebar lists in a group,
    as ``(the page's path without suffix, or a folder's path and /, the label of the top group that lists it)``:
    a folder a group generates its items from (``autogenerate: {directory: 'guides'}``: ``guides/``, every page
    below it, and ``guides``, a page of that path, as Starlight matches them), a page by its slug (``'guides/x'``,
    ``{slug: 'guides/x'}``) or its url (``{link: '/guides/x/'}``), however deep in the group; a page listed at the
    sidebar's top is in none. The config is not run: its ``sidebar`` array literal is read, comments aside."""
    sidebar = _js_literal_after(_js_code(config)[0], _STARLIGHT_SIDEBAR)
    by_slug: dict[str, str] = {}
    for page in pages:
        if page.endswith((".md", ".mdx", ".mdoc")):
            by_slug.setdefault(astro_entry_id(page), page.rsplit(".", 1)[0])
    listed: dict[str, str] = {}

    def keys(items: Any) -> Iterator[str]:
        for item in items if isinstance(items, list) else [items]:
            slug = item if isinstance(item, str) else item.get("slug") if isinstance(item, dict) else None
            link = item.get("link") if isinstance(item, dict) else None
            if isinstance(link, str) and not re.match(r"[a-zA-Z][\w+.-]*:|//", link):  # a url of the site's
                slug = link.split("#", 1)[0].split("?", 1)[0].removesuffix(".html")
            if isinstance(slug, str):
                page = by_slug.get(slug.strip().strip("/").lower() or "index")
                if page is not None:
                    yield page
            elif isinstance(item, dict):
                generated = item.get("autogenerate")
                folder = generated.get("directory") if isinstance(generated, dict) else None
                if isinstance(folder, str) and folder.strip().strip("/"):
                    yield folder.strip().strip("/")
                    yield folder.strip().strip("/") + "/"
                yield from keys(item.get("items"))

    for top in sidebar if isinstance(sidebar, list) else ():
        label = top.get("label") if isinstance(top, dict) else None
        if isinstance(label, str) and label.strip() and ("items" in top or "autogenerate" in top):
            for key in keys([{**top, "label": None}]):
                listed.setdefault(key, label.strip())
    return tuple(listed.items())


#: where a VitePress config's theme gives its sidebar: ``sidebar: [`` or ``sidebar: {``
_VITEPRESS_SIDEBAR = lazy_compile(r"""(?<![\w$.])["']?sidebar["']?\s*:\s*[\[{]""")


def _vitepress_sidebar_groups(config: str, pages: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """The pages (``pages``: their paths in the site's source folder) that a VitePress config's sidebar lists in
    a group, as ``(the page's path without suffix, the text of the top group that lists it)``: an item's
    ``link`` (``/guide/intro``, ``.html`` or ``.md`` or none, ``/guide/`` its index; one without a ``/`` below its
    group's ``base``), however deep in the group; each sidebar of a sidebar by paths (``{'/guide/': [...]}``,
    ``{'/api/': {base, items}}``). A page listed at a sidebar's top is in none. The config is not run: the
    literal its theme's ``sidebar`` holds is read, comments aside; a call of a function the config defines that
    returns a literal (``items: sidebarGuide()``, ``function sidebarGuide() { return [...] }``, as VitePress's own docs
    write it) is that literal; what is no literal (another call, a variable) lists nothing."""
    code = _literal_calls(_js_code(config)[0])
    theme = _THEME_CONFIG.search(code)
    sidebar = _js_literal_after(code, _VITEPRESS_SIDEBAR, theme.end()) if theme is not None else None
    paths = {page.rsplit(".", 1)[0] for page in pages if page.endswith(".md")}

    def page_of(link: str) -> str | None:
        path = link.split("#", 1)[0].split("?", 1)[0].strip().strip("/")
        if re.match(r"[a-zA-Z][\w+.-]*:", path):  # another site's
            return None
        path = path.removesuffix(".html").removesuffix(".md")
        for candidate in ((path + "/index", path) if link.split("#", 1)[0].endswith("/") else (path, path + "/index")):
            if candidate.lstrip("/") in paths:
                return candidate.lstrip("/")
        return None

    def joined(link: str, base: str) -> str:  # VitePress's addBase: an item's base (else its group's) goes first
        if not base or re.match(r"[a-zA-Z][\w+.-]*:", link):
            return link
        return base + (link[1:] if link.startswith("/") and base.endswith("/") else link)

    def listed(items: Any, base: str) -> Iterator[str]:
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, dict):
                continue
            inner = item.get("base")
            here = inner if isinstance(inner, str) and inner else base
            link = item.get("link")
            if isinstance(link, str) and link.strip():
                page = page_of(joined(link, here))
                if page is not None:
                    yield page
            yield from listed(item.get("items"), here)

    found_pages: dict[str, str] = {}
    sidebars = [sidebar] if isinstance(sidebar, list) else list(sidebar.values()) if isinstance(sidebar, dict) else []
    for bar in sidebars:
        base = ""
        if isinstance(bar, dict):  # {base: '/guide/', items: [...]}
            given = bar.get("base")
            base = given if isinstance(given, str) else ""
            bar = bar.get("items")
        for top in bar if isinstance(bar, list) else ():
            text = top.get("text") if isinstance(top, dict) else None
            if isinstance(text, str) and text.strip() and isinstance(top.get("items"), list):
                own = top.get("base")
                own = own if isinstance(own, str) and own else base
                for page in listed(top["items"], own):
                    found_pages.setdefault(page, text.strip())
                link = top.get("link")
                at = page_of(joined(link, own)) if isinstance(link, str) and link.strip() else None
                if at is not None:  # the page the group's own title links to
                    found_pages.setdefault(at, text.strip())
    return tuple(found_pages.items())


#: a JavaScript function that returns a literal: ``function sidebarGuide(): DefaultTheme.SidebarItem[] { return [``
_JS_LITERAL_FUNCTION = lazy_compile(r"^(?:export\s+)?function\s+([A-Za-z_$][\w$]*)\s*\(\s*\)[^{;]*\{\s*return\s*[\[{]", re.M)


def _literal_calls(code: str) -> str:
    """``code`` with each call without arguments of a function it defines at its top that returns a literal
    (``sidebarGuide()``) written as that literal; the first definition of a name is the one read.

    >>> _literal_calls("x = {items: guide()}\\nfunction guide(): Item[] {\\n  return [{text: 'A'}]\\n}\\n").split("\\n")[0]
    "x = {items: [{text: 'A'}]}"
    """
    bodies: dict[str, str] = {}
    for m in _JS_LITERAL_FUNCTION.finditer(code):
        if m.group(1) not in bodies:
            try:
                end = _js_literal(code, m.end() - 1)[1]
            except (RecursionError, ValueError, IndexError):
                continue
            bodies[m.group(1)] = code[m.end() - 1:end]
    if not bodies:
        return code
    calls = re.compile(r"(?<![\w$.])(?<!function )(" + "|".join(map(re.escape, bodies)) + r")\(\s*\)")
    return calls.sub(lambda c: bodies[c.group(1)], code)


def _js_literal_after(code: str, opening: re.Pattern[str], start: int = 0) -> Any:
    """The value of the literal whose opening bracket ends the first match of ``opening`` in ``code`` from
    ``start`` (:func:`_js_literal`), or ``None``: no match, or nested too deep to read.

    >>> _js_literal_after("x = 1; sidebar: [{label: 'A'}]", re.compile(re.escape("sidebar: ["))), _js_literal_after("", re.compile("x"))
    ([{'label': 'A'}], None)
    """
    found = opening.search(code, start)
    if found is None:
        return None
    try:
        return _js_literal(code, found.end() - 1)[0]
    except RecursionError:
        return None


def _js_literal(code: str, i: int) -> tuple[Any, int]:
    """The value of the JavaScript literal at ``code[i]`` (comments blanked: :func:`_js_code`), as JSON
    reads one: objects, arrays and strings; what is none (a variable, a call, a spread, a number) is
    ``None``, passed over to the ``,`` or closing bracket after it. And where the code goes on after it.

    >>> _js_literal("{a: ['x', {type: 'doc', id: 'y'}], 'b c': f(1, [2]), ...rest, d: `z`,}", 0)[0]
    {'a': ['x', {'type': 'doc', 'id': 'y'}], 'b c': None, 'd': 'z'}
    """
    n = len(code)
    while i < n and code[i].isspace():
        i += 1
    if i >= n:
        return None, i
    if code[i] in "\"'`":
        return _js_string(code, i)
    if code[i] not in "[{":
        return None, _js_skip(code, i)
    close = "]" if code[i] == "[" else "}"
    items: list[Any] = []
    members: dict[str, Any] = {}
    i += 1
    while True:
        while i < n and code[i].isspace():
            i += 1
        if i >= n or code[i] in "]})":
            return (items if close == "]" else members), i + 1
        if code[i] == ",":
            i += 1
            continue
        was = i
        if close == "]":
            value, i = _js_literal(code, i)
            items.append(value)
        else:
            key = _JS_NAME.match(code, i)
            if code[i] in "\"'`":
                name, i = _js_string(code, i)
            elif key is not None:
                name, i = key.group(), key.end()
            else:  # a spread, a computed key: passed over
                i = _js_skip(code, i)
                name = None
            while i < n and code[i].isspace():
                i += 1
            if name is not None and i < n and code[i] == ":":
                members[name], i = _js_literal(code, i + 1)
            elif name is not None and i < n and code[i] not in ",}":  # a method, or what is no member
                i = _js_skip(code, i)
        if i <= was:
            i = was + 1


def _js_skip(code: str, i: int) -> int:
    """Where the JavaScript expression at ``code[i]`` ends: at the ``,`` or closing bracket after it that is
    outside its own brackets and strings."""
    depth = 0
    while i < len(code):
        c = code[i]
        if c in "\"'`":
            i = _js_string(code, i)[1]
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                return i
            depth -= 1
        elif c == "," and depth == 0:
            return i
        i += 1
    return i


#: a docs plugin's option that keeps its docs' number prefixes (``01-intro.md`` at ``/docs/01-intro``)
_NO_NUMBER_PREFIXES = lazy_compile(r"""(?<![\w$.])["']?numberPrefixParser["']?\s*:\s*false\b""")
_JS_KEY = lazy_compile(r"""(?<![\w$.])["']?(id|path|routeBasePath|authorsMapPath|lastVersion)["']?\s*:\s*["'`]([^"'`]*)["'`]""")
_JS_OPTIONS = {key: re.compile(rf"""(?<![\w$.])["']?{key}["']?\s*:\s*(\{{|false\b)""") for key in ("docs", "blog")}
#: an instance of Docusaurus's docs or blog plugin in its ``plugins`` (``['@docusaurus/plugin-content-docs',
#: {id: 'community', ...}]``, ``require.resolve('...')`` too), to the ``{`` its options begin with (in
#: parentheses too, as the classic template writes options after a JSDoc type: ``/** @type ... */ ({...})``)
_DOCUSAURUS_PLUGIN = lazy_compile(r"""(["'`])(?:@docusaurus/)?(?:plugin-)?content-(docs|blog)\1\s*\)?\s*,\s*\(?\s*\{""")
#: where a Docusaurus site's pages are, Markdown ones among them (the classic template's markdown-page.md)
_DOCUSAURUS_PAGES = "src/pages"


def _last_options(config: str, key: str) -> int | None:
    """Where the last ``docs: {...}`` (``key``) options of a Docusaurus config begin (its ``{``): the
    options :func:`_docusaurus_options` reads last, whose settings win; ``None`` for none (or ``false``).
    The theme's own ``docs`` and ``blog`` settings (``themeConfig: {docs: {sidebar: {hideable: true}}}``)
    are no plugin's options.

    >>> config = "presets: [['classic', ({docs: {lastVersion: 'current'}})]], themeConfig: ({docs: {sidebar: {}}})"
    >>> config[_last_options(config, "docs"):].startswith("{lastVersion")
    True
    """
    theme = [(m.end() - 1, _js_end(config, m.end() - 1)) for m in _THEME_CONFIG.finditer(config)]
    found = None
    for m in _JS_OPTIONS[key].finditer(config):
        if not any(start < m.start() < end for start, end in theme):
            found = m
    return found.end(1) - 1 if found is not None and found.group(1) == "{" else None


_THEME_CONFIG = lazy_compile(r"""(?<![\w$.])["']?themeConfig["']?\s*:\s*\(?\s*\{""")


def _js_end(config: str, start: int) -> int:
    """Where the object or array whose bracket is at ``start`` ends (its closing bracket; the text's
    end when it is not closed), strings inside it passed over."""
    depth = 0
    i = start
    while i < len(config):
        c = config[i]
        if c in "\"'`":
            i = _js_string(config, i)[1]
            continue
        depth += c in "{[("
        depth -= c in "}])"
        if depth == 0:
            return i
        i += 1
    return len(config)


def _docusaurus_tags_file(config: str, start: int | None) -> str | None:
    """The tags file a Docusaurus docs or blog plugin whose options begin at ``start`` reads in each of
    its folders: its ``tags`` option, by default ``tags.yml``; ``None`` for ``tags: false`` or ``null``.

    >>> _docusaurus_tags_file("{tags: 'labels.yml'}", 0), _docusaurus_tags_file("{tags: false}", 0)
    ('labels.yml', None)
    """
    options = _outer(config, start) if start is not None else ""
    if re.search(r"""(?<![\w$.])["']?tags["']?\s*:\s*(false|null)\b""", options):
        return None
    given = re.search(r"""(?<![\w$.])["']?tags["']?\s*:\s*["'`]([^"'`]+)["'`]""", options)
    return given.group(1) if given else "tags.yml"


def _docusaurus_listings(versions: Sequence[tuple[str, str]], blogs: Sequence[tuple[str, str]], *, home: bool = False,
                         search: bool = False, terms: bool = False) -> str:
    r"""The site paths of the lists of pages a Docusaurus site makes, as a regular expression (``""``: none): each
    docs version's tags (``/docs/tags``, ``/docs/tags/x``), each blog's list of posts, archive and tags (``/blog``,
    ``/blog/archive``, ``/blog/tags/x``), the home page a React page makes (``home``: ``src/pages/index.js``) and
    the search page of a search theme (``search``); with ``terms``, only the lists of one tag's pages, the tag a
    group (``k0``, ``k1``..., read as keywords: ``FieldMap.listing_terms``).

    >>> _docusaurus_listings([("docs", "/docs")], [("blog", "/blog")])
    '/docs/tags(?:/[^/#?]+)?|/blog(?:/archive|/tags(?:/[^/#?]+)?)?'
    >>> _docusaurus_listings([("docs", "/")], [("blog", "/blog")], terms=True)
    '/tags/(?P<k0>[^/#?]+)|/blog/tags/(?P<k1>[^/#?]+)'
    """
    docs = [re.escape(at.rstrip("/")) for _, at in versions]
    posts = [re.escape(at.rstrip("/")) for _, at in blogs]
    if terms:
        return "|".join(f"{at}/tags/(?P<k{i}>[^/#?]+)" for i, at in enumerate((*docs, *posts)))
    return "|".join((*(f"{at}/tags(?:/[^/#?]+)?" for at in docs),
                     *(f"{at}(?:/archive|/tags(?:/[^/#?]+)?)?" for at in posts),
                     *(("/?",) if home else ()), *(("/search",) if search else ())))


def _tag_labels(base: Path, folder: str, name: str | None) -> tuple[list[tuple[str, str, str]], list[Problem]]:
    """The tags a Docusaurus tags file (``name``, in ``folder``: ``docs/tags.yml``) defines, as
    ``(folder, key, label)``: its ``label``, else its key capitalised as Docusaurus does it
    (``getting-started: null``: ``Getting-started``); and a warning when it cannot be read (the pages
    then show their tags as written). No file: no tags, and no problem."""
    if name is None:
        return [], []
    rel = posixpath.normpath(posixpath.join(folder, name))
    path = base / rel
    if rel.startswith("../") or not _is_file(path):
        return [], []
    try:
        value = _data_file(path, "the tags file", "YAML")
    except ValueError as exc:
        return [], [_unread_problem(rel, exc, "the pages show their tags as written", "tags-file")]
    if value is None:
        return [], []
    if not isinstance(value, dict):
        return [], [Problem(rel, 1, f"the tags file holds a {type(value).__name__}, not tags by their keys: the "
                                    "pages show their tags as written", "tags-file", WARNING)]
    found = []
    for key, tag in value.items():
        label = tag.get("label") if isinstance(tag, dict) else None
        found.append((folder, str(key), label.strip() if isinstance(label, str) and label.strip()
                      else str(key).capitalize()))
    return found, []


def _docusaurus_versions(base: Path, config: str, start: int | None, docs: str, route: str,
                         inside: Callable[[str], str | None], prefix: str = ""
                         ) -> tuple[list[tuple[str, str]], list[Problem]]:
    """The versions of the docs (``docs/``, published under ``route``, its options' ``{`` at ``start``)
    a Docusaurus site publishes, as ``(folder, route)``, and the problems of its ``versions.json``
    (``<id>_versions.json`` for a docs plugin with an id: ``prefix`` is ``<id>_``, after the folder
    of a site kept in one, ``website/``, where the file is; ``inside`` finds the folders). Without that
    file (or with ``disableVersioning: true``) there is one, the current docs at ``route``. With
    it, each version it names is published too, from ``versioned_docs/version-<name>/``: the last
    one (the first of the file, or the docs options' ``lastVersion``) at ``route`` itself, the
    current docs at ``route/next``, the others at ``route/<name>``, unless the docs options'
    ``versions`` give one a ``path``; ``includeCurrentVersion: false`` leaves the current docs out,
    ``onlyIncludeVersions`` the versions it does not name.

    >>> import tempfile
    >>> site = Path(tempfile.mkdtemp())
    >>> _ = (site / "versions.json").write_text('["2.0", "1.0"]')
    >>> folders = ("docs/", "versioned_docs/version-2.0/", "versioned_docs/version-1.0/")
    >>> def inside(folder): return folder + "/" if folder + "/" in folders else None
    >>> _docusaurus_versions(site, "docs: {}", 6, "docs/", "/docs", inside)[0]
    [('docs/', '/docs/next'), ('versioned_docs/version-2.0/', '/docs'), ('versioned_docs/version-1.0/', '/docs/1.0')]
    >>> _docusaurus_versions(site, "docs: {lastVersion: 'current', versions: {'1.0': {path: 'legacy'}},"
    ...                      " onlyIncludeVersions: ['current', '1.0']}", 6, "docs/", "/", inside)[0]
    [('docs/', '/'), ('versioned_docs/version-1.0/', '/legacy')]
    """
    options = _outer(config, start) if start is not None else ""

    def setting(name: str, value: str) -> bool:
        return re.search(rf"""(?<![\w$.])["']?{name}["']?\s*:\s*{value}\b""", options) is not None

    listing = f"{prefix}versions.json"  # the site's folder too, for one in website/
    path = base / listing
    if setting("disableVersioning", "true") or not _is_file(path):
        return [(docs, route)], []
    try:
        names = _data_file(path, listing, "JSON")
    except ValueError as exc:
        return [(docs, route)], [_unread_problem(listing, exc, "its versions of the docs are not read", "versions-file")]
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return [(docs, route)], [Problem(listing, 1, f"{listing} is not a list of version names: its "
                                         "versions of the docs are not read", "versions-file", WARNING)]
    given = next((k.group(2) for k in _JS_KEY.finditer(options) if k.group(1) == "lastVersion"), None)
    last = given or (names[0] if names else "current")
    paths: dict[str, str] = {}
    listed = None
    if start is not None:
        members = _js_members(config, start)
        for name, start in _js_members(config, members["versions"]).items() if "versions" in members else ():
            given = next((k.group(2) for k in _JS_KEY.finditer(_outer(config, start)) if k.group(1) == "path"), None)
            if given is not None:
                paths[name] = given
        only = members.get("onlyIncludeVersions")
        if only is not None:
            listed = set(_js_strings(config, only + 1))
    found: list[tuple[str, str]] = []
    for name in ["current", *names] if not setting("includeCurrentVersion", "false") else names:
        folder = docs if name == "current" else inside(f"{prefix.rpartition('/')[2]}versioned_docs/version-{name}")
        if not folder or (listed is not None and name not in listed):
            continue
        part = paths.get(name, "" if name == last else "next" if name == "current" else name).strip("/")
        found.append((folder, f"{route.rstrip('/')}/{part}" if part else route))
    return found, []


def _js_members(config: str, start: int) -> dict[str, int]:
    """The members of the object whose ``{`` is at ``start`` (``config`` without comments) that hold an
    object or an array, as where that begins by the member's name (``versions: {'1.0': {...}}``:
    ``{'1.0': ...}``).

    >>> config = "docs: {versions: {current: {path: 'next'}, '1.0': {}}, x: {y: []}}"
    >>> _js_members(config, 6), _js_members(config, 17)
    ({'versions': 17, 'x': 58}, {'current': 27, '1.0': 50})
    """
    found: dict[str, int] = {}
    end = _js_end(config, start)
    i = start + 1
    while i < end:
        c = config[i]
        if c in "\"'`":
            i = _js_string(config, i)[1]
            continue
        if c in "{[(":  # a member's value (or a call's arguments): passed over whole, by :func:`_js_end`
            key = re.search(r"""(?:(["'`])([^"'`]*)\1|([\w$]+))\s*:\s*$""", config[max(start, i - 200):i])
            if key is not None and c != "(":
                found[key.group(2) if key.group(1) else key.group(3)] = i
            i = _js_end(config, i) + 1
            continue
        i += 1
    return found


def _docusaurus_docs(config: str, key: str = "docs") -> tuple[str, str] | None:
    """The docs' folder and route (``routeBasePath``) a Docusaurus config gives its docs, by default
    ``docs`` and ``docs``; ``None`` when it has none (``docs: false``, a blog-only site). Read from
    the text: the keys of a ``docs: {...}`` object itself, not of the objects inside it (its
    ``versions`` have paths of their own). ``key="blog"``: the blog's (``blog`` and ``blog``).

    >>> _docusaurus_docs("presets: [['classic', {docs: {sidebarPath: './s.js', routeBasePath: '/',\\n"
    ...                  "versions: {current: {path: 'next'}}}, blog: {routeBasePath: 'news'}}]]")
    ('docs', '/')
    >>> _docusaurus_docs("module.exports = {title: 'x'}"), _docusaurus_docs("docs: false, blog: {}")
    (('docs', 'docs'), None)
    >>> _docusaurus_docs("blog: {routeBasePath: 'news', feedOptions: {type: 'all'}}", "blog")
    ('blog', 'news')
    """
    options = _docusaurus_options(config, key)
    return None if options is None else (options.get("path", key), options.get("routeBasePath", key))


def _docusaurus_options(config: str, key: str) -> dict[str, str] | None:
    """The text settings (:data:`_JS_KEY`'s) a Docusaurus config gives its ``docs`` or ``blog`` (``key``),
    the last object's over the earlier; ``None`` for ``docs: false``.

    >>> _docusaurus_options("blog: {path: 'news', authorsMapPath: 'people.json'}", "blog")
    {'path': 'news', 'authorsMapPath': 'people.json'}
    """
    options: dict[str, str] = {}
    for m in _JS_OPTIONS[key].finditer(config):
        if m.group(1) == "false":
            return None
        options.update((k.group(1), k.group(2)) for k in _JS_KEY.finditer(_outer(config, m.end(1) - 1)))
    return options


def _outer(text: str, start: int) -> str:
    """The text of the object whose ``{`` is at ``start``, without the objects and arrays inside it."""
    out: list[str] = []
    depth = 0
    quote = None
    for i in range(start, len(text)):
        c = text[i]
        if quote is not None:
            if c == quote and text[i - 1] != "\\":
                quote = None
        elif c in "\"'`":
            quote = c
        elif c in "{[":
            depth += 1
            continue
        elif c in "}]":
            depth -= 1
            if depth == 0:
                break
            continue
        if depth == 1:
            out.append(c)
    return "".join(out)


#: a JavaScript constant defined as a string: ``const SITE_URL = 'https://example.com'``, its name and its text
_JS_CONSTANT = lazy_compile(r"""(?<![\w$.])(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*"""
                          r"""(["'`])([^"'`$\n]*)\2\s*(?=[;\n]|$)""", re.M)


def _js_setting(config: str, key: str, beside: Sequence[str] = ()) -> str | None:
    """The text a JavaScript config gives its setting ``key`` (``url: 'https://...'``), read from its
    text, not run: of the ``key`` settings written as a string outside comments, the one least deep in
    brackets (the config object's own, not a navbar link's or a plugin's), the first of those; ``None``
    when none is (``url: process.env.URL``). A setting that names a constant the config defines at its top as
    a string (``const SITE_URL = 'https://...'; ... hostname: SITE_URL``) gives that string. The config may be
    written on one line. With ``beside``, only one written as deep as the least deep of those settings is (the
    config object's own, where it has no ``key`` of its own and another object has: Vite's ``base`` is not Astro's).

    >>> _js_setting("export default {title: 'x', themeConfig: {a: {url: 'https://b.org'}}, url: 'https://a.org'};", "url")
    'https://a.org'
    >>> _js_setting("const config = {\\n  // url: 'https://old.org',\\n  /* url: 'https://older.org' */\\n  baseUrl: '/'\\n};", "url")
    >>> _js_setting("export default {site: 'https://a.org', vite: {base: '/assets'}}", "base", ("site", "vite"))
    >>> _js_setting("const SITE = 'https://a.org'\\nexport default {url: SITE, base: BASE, x: SITE.length}", "url")
    'https://a.org'
    """
    code, depths = _js_code(config)

    def written(name: str, value: str) -> list[tuple[int, str]]:  # the colon's depth (-1 in a string), the ( value)
        return [(depths[m.start(2)], m.group(3)) for m in re.finditer(
            rf"""(?<![\w$.])(["']?){re.escape(name)}\1\s*(:)\s*{value}""", code) if depths[m.start(2)] >= 0]

    found = written(key, r"""["'`]([^"'`]*)["'`]""")
    named = written(key, r"""([A-Za-z_$][\w$]*)(?=\s*(?:[,}\n]|$))""")
    if named:  # a constant's name: the string its top-level definition gives it
        constants: dict[str, str] = {}
        for m in _JS_CONSTANT.finditer(code):
            if depths[m.start()] == 0:
                constants.setdefault(m.group(1), m.group(3))
        found += [(depth, constants[name]) for depth, name in named if name in constants]
    if beside:  # any value: an object, a call, a string
        own = min((depth for name in beside for depth, _ in written(name, "()")), default=-1)
        found = [f for f in found if f[0] == own]
    return min(found, key=lambda f: f[0])[1] if found else None


#: a value taken from the environment, else a string: ``process.env.SITE_URL || 'https://...'`` (``??`` too)
_JS_ENV_DEFAULT = lazy_compile(r"""^\s*\(?\s*process\.env\.[\w$]+\s*(?:\|\||\?\?)\s*["'`]([^"'`$]*)["'`]\s*\)?\s*$""")
#: a url on the machine the site is built on (a dev server's), no site's own
_LOCAL_URL = lazy_compile(r"^https?://(?:localhost|127(?:\.\d+){3}|0\.0\.0\.0|\[::1\])(?::\d+)?(?:/|$)", re.I)


def _js_env_default(config: str, key: str) -> str | None:
    r"""The url a JavaScript config's own setting ``key`` falls back to when it is taken from the
    environment, written in place or in a constant it names (``const siteURL = process.env.SITE_URL ||
    'https://docs.example.org'; ... url: siteURL``): the site's own url when it is built without that
    variable; ``None`` for any other value, or one on the local machine (``http://localhost:3000``).

    >>> _js_env_default("const u = process.env.URL || 'https://a.org';\nexport default {url: u, x: {url: v}};", "url")
    'https://a.org'
    >>> _js_env_default("export default {url: process.env.URL ?? 'http://localhost:3000'};", "url")
    """
    code, depths = _js_code(config)
    found = [(depths[m.start(1)], m.group(2).strip()) for m in re.finditer(
        rf"""(?<![\w$.])["']?{re.escape(key)}["']?\s*(:)\s*([^,}}\n]+)""", code) if depths[m.start(1)] >= 0]
    if not found:
        return None
    value = min(found, key=lambda f: f[0])[1]
    if re.fullmatch(r"[A-Za-z_$][\w$]*", value):  # a constant: its definition's value
        defined = re.search(rf"""(?<![\w$.])(?:const|let|var)\s+{re.escape(value)}\s*=\s*([^;\n]+)""", code)
        value = defined.group(1) if defined else ""
    m = _JS_ENV_DEFAULT.match(value)
    if m is None or "://" not in m.group(1) or _LOCAL_URL.match(m.group(1)):
        return None
    return m.group(1)


def _js_boolean(config: str, key: str, beside: str) -> bool | None:
    """The ``true`` or ``false`` a JavaScript config gives its own setting ``key``: one written beside
    its setting ``beside`` (as deep in brackets: the config object's, not a navbar link's); ``None``
    when it gives neither there, or has no ``beside``.

    >>> _js_boolean("export default {baseUrl: '/', trailingSlash: false, x: {trailingSlash: true}}",
    ...             "trailingSlash", "baseUrl")
    False
    >>> _js_boolean("export default {baseUrl: '/', x: {trailingSlash: true}}", "trailingSlash", "baseUrl")
    """
    code, depths = _js_code(config)
    own = {depths[m.start(2)] for m in re.finditer(rf"""(?<![\w$.])(["']?){re.escape(beside)}\1\s*(:)""", code)}
    found = [m.group(3) == "true" for m in re.finditer(
        rf"""(?<![\w$.])(["']?){re.escape(key)}\1\s*(:)\s*(true|false)\b""", code) if depths[m.start(2)] in own - {-1}]
    return found[0] if found else None


def _js_code(text: str) -> tuple[str, list[int]]:
    r"""``text`` (JavaScript) with its comments made blanks (its line ends kept), and how deep in
    brackets (``{[(``) each of its characters is: ``-1`` inside a string, a regular expression
    (``/\/*$/``, ``/"/g``: a ``/`` where a value begins) or a comment.

    >>> _js_code(r"a = s.replace(/\/*$/, ''); b = /'/g; c = d / 2 // x")[0]
    "a = s.replace(/\\/*$/, ''); b = /'/g; c = d / 2     "
    """
    code = list(text)
    depths = [-1] * len(text)
    depth, i = 0, 0
    last = ""  # the last character of code before this one, blanks aside: does a value begin here?
    while i < len(text):
        c = text[i]
        if c in "\"'`":
            i = _js_string(text, i)[1]  # a value: its depth stays -1
            last = c
            continue
        if c == "/" and text[i + 1:i + 2] in ("/", "*"):
            end = text.find("\n" if text[i + 1] == "/" else "*/", i + 2)
            end = len(text) if end < 0 else end if text[i + 1] == "/" else end + 2  # unclosed: to the end
            code[i:end] = [ch if ch == "\n" else " " for ch in text[i:end]]
            i = end
            continue
        elif c == "/" and (not last or last in _JS_VALUE_BEGINS or _after_keyword(text, i)):
            i = _js_regex_end(text, i)  # a regular expression: a value, as a string is
            last = "/"
            continue
        else:
            if not c.isspace():
                last = c
            if c in ")]}":
                depth -= 1
            depths[i] = depth
            if c in "([{":
                depth += 1
        i += 1
    return "".join(code), depths


#: what a JavaScript value may follow: after one of these, a ``/`` begins a regular expression, not a division
_JS_VALUE_BEGINS = "(,=:[!&|?{};+-*%<>~^"
_JS_KEYWORDS = frozenset(("return", "typeof", "case", "in", "of", "void", "yield", "await"))


def _after_keyword(text: str, i: int) -> bool:
    """Whether the word before ``text[i]`` (blanks and a line end aside) is a keyword a value follows
    (``return /x/``): read back from ``i``, not searched for from the text's start."""
    end = i - (i > 0 and text[i - 1] == "\n")
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_$"):
        start -= 1
    return text[start:end] in _JS_KEYWORDS


def _js_regex_end(text: str, start: int) -> int:
    """Where the regular expression literal opened by the ``/`` at ``start`` ends (after its closing
    ``/``; its flags are letters, read as code): a ``/`` in a ``[...]`` class or escaped is its own;
    an unclosed one ends at its line's end."""
    i, in_class = start + 1, False
    while i < len(text) and text[i] != "\n":
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        elif c == "/" and not in_class:
            return i + 1
        i += 1
    return i


_CATEGORY_FILES = ("_category_.json", "_category_.yml", "_category_.yaml")


def _category_labels(base: Path, docs: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The subject labels of the folders under ``docs`` (``docs/``) as a Docusaurus sidebar labels their
    categories, as ``(folder, label)``: a category file's (``_category_.json``, ``.yml`` or ``.yaml``)
    ``label``, else the label of the doc the category links to (:func:`_linked_doc_label`); and the
    category files that cannot be read (a warning each: the folder's name labels it)."""
    import yaml

    from .load import display_name

    labels: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for dirpath, folders, files in os.walk(base / docs):
        folders[:] = sorted(d for d in folders if not d.startswith(".") and d != "node_modules")
        found = next((n for n in _CATEGORY_FILES if n in files), None)
        folder = display_name(Path(dirpath).relative_to(base).as_posix())
        if found is None:
            linked = _linked_doc_label(Path(dirpath), files, _NO_LINK) if Path(dirpath) != base / docs else None
            if linked:
                labels.append((folder, linked))
            continue
        rel = f"{folder}/{found}"
        data = _read_regular(Path(dirpath) / found, MAX_DATA_FILE)
        try:
            if isinstance(data, str):
                raise ValueError(data)
            value = _parsed(data.decode("utf-8", "replace"), json_loads if found.endswith(".json") else yaml.safe_load)
        except ValueError as exc:
            problems.append(Problem(rel, exc.args[1] if len(exc.args) > 1 else None,
                                    f"cannot read {found} ({exc.args[0]}): the folder's name labels its subject",
                                    "category-file", WARNING))
            continue
        label = value.get("label") if isinstance(value, dict) else None
        if isinstance(label, str) and label.strip():
            labels.append((folder, label.strip()))
        elif label is not None or not isinstance(value, dict):
            line = setting_line(data.decode("utf-8", "replace"), "label") if label is not None else None
            problems.append(Problem(rel, line, f"{found} has no label text (label: {as_written(label)}): the folder's "
                                    "name labels its subject", "category-file", WARNING))
        else:
            linked = _linked_doc_label(Path(dirpath), files, value.get("link", _NO_LINK))
            if linked:
                labels.append((folder, linked))
    return tuple(labels), problems


#: a category file that says nothing of its link (Docusaurus then links the folder's own index doc)
_NO_LINK = object()
#: the files of a docs folder that are docs Docusaurus may link a category to
_DOC_SUFFIXES = (".md", ".mdx")


def _linked_doc_label(folder: Path, files: Sequence[str], link: Any) -> str | None:
    """The label Docusaurus gives the category of ``folder`` (whose files are ``files``) from the doc it
    links to, when its category file (whose ``link`` this is; :data:`_NO_LINK` for none, or no ``link``)
    gives it no ``label``: the doc its ``link: {type: doc, id: ...}`` names by its id (its ``id``, else its
    file name), else, without a ``link`` (``link: null`` is none), the folder's own index doc (``index``, ``README``, or named like the
    folder, in that order); its ``sidebar_label``, else its title (``title``, else the heading its content
    starts with). ``None`` when the category links elsewhere (``generated-index``), or to no such doc, or the
    doc has no title but its id (Docusaurus's then: the folder's name is kinder)."""
    from .fields import content_title, strip_number_prefix

    docs = sorted(n for n in files if n.lower().endswith(_DOC_SUFFIXES) and not n.startswith("_"))
    wanted: str | None = None
    if link is not _NO_LINK:  # link: null too says the category links to no doc
        if not isinstance(link, dict) or link.get("type") != "doc" or not isinstance(link.get("id"), str):
            return None
        wanted = link["id"].rpartition("/")[2]
    def stem(name: str) -> str:
        return name.rpartition(".")[0]
    candidates: list[str]
    if wanted is None:
        order = ("index", "readme", folder.name.lower())
        candidates = sorted((n for n in docs if stem(n).lower() in order), key=lambda n: order.index(stem(n).lower()))
    else:
        candidates = docs  # by id: read each one's front matter
    for name in candidates[:50]:
        data = _read_regular(folder / name, MAX_DATA_FILE)
        if isinstance(data, str):
            continue
        text = decode(name, data)
        if isinstance(text, Problem):
            continue
        fm = read_front_matter(name, text)
        fields = fm.data if not isinstance(fm, Problem) else {}
        if wanted is not None:
            given = fields.get("id")
            doc_id = str(given).strip() if isinstance(given, (str, int)) and not isinstance(given, bool) \
                and str(given).strip() else strip_number_prefix(stem(name))
            if doc_id != wanted:
                continue
        for key in ("sidebar_label", "title"):
            value = fields.get(key)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
                return str(value).strip()
        return content_title(fm.body) if not isinstance(fm, Problem) else None
    return None


def _authors_map(base: Path, name: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The names a Docusaurus blog's authors map ``name`` (``blog/authors.yml``: YAML, or JSON for a
    ``.json``) gives its authors' keys, as ``(key, name)`` (``""``: an author shown by an image
    alone), and the problems of the file, a warning each naming it: the posts then name their authors
    by their keys. No file: no authors map, and no problem (Docusaurus needs none)."""
    def problem(why: str, line: int | None = None, then: str = "the posts name their authors by their keys"
                ) -> list[Problem]:
        return [Problem(name, line, f"{why}: {then}", "authors-file", WARNING)]

    path = base / name
    try:
        there = path.exists() or path.is_symlink()
    except OSError:  # in a folder that cannot be read: the scan reports it
        there = False
    if name.startswith(("../", "/")) or not there:  # outside the site: not read
        return (), []
    try:
        value = _data_file(path, "the authors map", "JSON" if name.endswith(".json") else "YAML")
    except ValueError as exc:
        return (), problem(exc.args[0], *exc.args[1:2])
    if value is None:
        return (), []  # empty
    if not isinstance(value, dict):
        return (), problem(f"the authors map holds a {type(value).__name__}, not authors by their keys", 1)
    names = {str(key): _author_name(author) for key, author in value.items()}
    authors = tuple((key, key if shown is None else shown) for key, shown in names.items())
    nameless = [key for key, shown in names.items() if shown is None]
    if nameless:
        listed = ", ".join(map(repr, nameless[:5])) + (", ..." if len(nameless) > 5 else "")
        return authors, problem(f"the authors map gives {listed} no name and no image (Docusaurus stops the build "
                                "on it)", then="their keys name them")
    return authors, []


def _material_authors(base: Path, name: str) -> tuple[tuple[tuple[str, str], ...], list[Problem]]:
    """The names an MkDocs Material blog's ``.authors.yml`` (``name``, from ``base``) gives its authors'
    keys, as ``(key, name)``: its ``authors`` mapping (the file's first form has the authors at its top),
    each author's ``name`` (its key when it has none). A file that cannot be read is a warning: the
    posts then name their authors by their keys. No file: no authors (a blog may have none)."""
    path = base / name
    if not _is_file(path):
        return (), []
    try:
        value = _data_file(path, "the blog's authors file", "YAML")
    except ValueError as exc:
        return (), [_unread_problem(name, exc, "the posts name their authors by their keys", "authors-file")]
    if isinstance(value, dict) and isinstance(value.get("authors"), dict):
        value = value["authors"]
    if not isinstance(value, dict):
        return (), []
    return tuple((str(key), _author_name(author) or str(key)) for key, author in value.items()
                 if isinstance(author, dict)), []


def _author_name(author: Any) -> str | None:
    """The name an author of a Docusaurus authors map is shown by: its ``name``; ``""`` for one shown
    by its image alone; ``None`` for one Docusaurus refuses, with neither (or not an author at all)."""
    shown = author.get("name") if isinstance(author, dict) else None
    if isinstance(shown, str) and shown.strip():
        return shown.strip()
    if isinstance(author, dict) and shown is None and (author.get("image_url") or author.get("imageURL")):
        return ""
    return None


def _fit_generic(fields: FieldMap, names: Sequence[str], s: _Sample, *, sections: bool = False,
                 bundles: bool = False, own_subject: str | None = None) -> tuple[FieldMap, str]:
    """Where a generic corpus keeps its subjects, and whether files without front matter are notes.
    ``bundles``: a top folder that holds its own ``index`` page alone is that page, no section (a
    Gatsby blog's ``hello-world/index.md``).
    ``sections``: ``names`` are below a site's content folder, whose folders are its sections (one
    is enough to be a subject); elsewhere one top folder says nothing (a vault kept in ``notes/``).
    ``own_subject``: the site's tool says where a page's subject is (the map has it already): the note
    that says so, and the subject is left as it is."""
    changes: dict[str, Any] = {}
    notes = []
    if s.files and s.with_front_matter * 2 < s.files:
        changes["no_front_matter"] = "article"
        notes.append("most files have no front matter: read as notes")
    half = max(1, s.with_front_matter // 2)
    subject = next((k for k in fields.subject if s.keys[k] >= half), None)
    tops = {n.split("/", 1)[0] for n in names if "/" in n and not n.startswith(("_",))}
    # a folder that holds its own page alone is that page (a Gatsby post's hello-world/index.md), no section
    if bundles:
        alone = Counter(n.split("/", 1)[0] for n in names if "/" in n)
        tops -= {top for top in tops if alone[top] == 1 and any(
            n.startswith(f"{top}/index.") and n.count("/") == 1 for n in names)}
    if own_subject is not None:  # the site's tool says where a page's subject is
        notes.append(own_subject)
    elif subject is not None:
        notes.append(f"subject from {subject}")
        changes["subject"] = (subject,)
        changes["keywords"] = tuple(k for k in fields.keywords if k != subject)
    elif len(tops) >= (1 if sections else 2):
        notes.append(f"subject from the folder ({len(tops)} folder{'s' if len(tops) > 1 else ''})")
        changes["subject_from"] = ("folder",)
    else:
        # in half of all files, not only of those with front matter: notes mostly without any would
        # otherwise be filed under the tags of the few that have some, and the rest Uncategorised
        tags = next((k for k in fields.keywords if s.keys[k] >= max(half, (s.files + 1) // 2)), None)
        if tags is not None:
            notes.append(f"subject from the first value of {tags} (no subject field, one folder)")
            changes["subject"] = (tags,)
            changes["subject_from"] = ("field",)
        else:
            notes.append("no subject field and one folder: subject Uncategorised")
            changes["subject_from"] = ()
    # a repository read from its top: its licence, changelog and guides are about it, no pages, and so are those of
    # a package of a monorepo, beside its README (packages/core/CHANGELOG.md)
    readmes = {n.rpartition("/")[0] for n in names if _README.fullmatch(n.rpartition("/")[2])} if not (
        sections or own_subject) else set()
    own_files = tuple(n for n in names if ("/" not in n or n.rpartition("/")[0] in readmes) and _REPOSITORY_META.match(
        n.rpartition("/")[2])) if not (sections or own_subject) else ()
    if own_files:
        changes["unbuilt"] = (*fields.unbuilt, *((n, _REPOSITORY_META_WHY if "/" not in n else _PACKAGE_META_WHY)
                                                 for n in own_files))
        notes.append(f"{len(own_files)} of the repository's own files not read "
                     f"({', '.join(own_files[:3])}{', ...' if len(own_files) > 3 else ''})")
    return replace(fields, **changes), "; ".join(notes)


#: the files a repository keeps at its root about itself (its licence, changelog, guides to contributing and
#: reporting), which GitHub shows beside its README: ``CHANGELOG.md``, ``LICENSE.md``, ``code-of-conduct.md``
#: (named in capitals, as GitHub's community files are: a note named ``security.md`` is one), a translation's too
_REPOSITORY_META = lazy_compile(r"(?:LICEN[CS]E|COPYING|CODE_OF_CONDUCT|CONTRIBUTING|CHANGELOG|CHANGES|HISTORY|SECURITY|"
                              r"SUPPORT|GOVERNANCE|MAINTAINERS|ISSUE_TEMPLATE|PULL_REQUEST_TEMPLATE)"
                              r"(?:[._-][a-z]{2}(?:[-_][A-Za-z]{2,4})?)?\.[^./]+$")
_REPOSITORY_META_WHY = "the repository's own file (its licence, changelog or a guide to contributing): not a page"
_PACKAGE_META_WHY = "a package's own file, beside its README (its licence, changelog or a guide to contributing): not a page"


def choose(root: str | os.PathLike[str], names: Sequence[str] | None = None, *, preset_name: str = AUTO,
           fields: FieldMap | None = None, overrides: Mapping[str, str] | None = None,
           raw: Mapping[str, str] | None = None) -> Detection:
    """The preset and field map to read ``root`` with.

    ``preset_name`` ``auto`` recognises the corpus (:func:`detect`); a named preset is
    fitted to the folder the same way; ``fields`` (a whole map) is taken as it is.
    ``overrides`` (``name -> path`` as ``--field`` gives them) then win.

    >>> d = choose("content", preset_name="quicktakes", overrides={"keywords": "tags"})
    >>> d.preset, d.auto, d.fields.keywords, d.line()
    ('quicktakes', False, ('tags',), 'preset quicktakes (chosen by name; --field keywords=tags)')

    Raises:
        UsageError: an unknown preset or field name.
    """
    noted: dict[str, SiteFile] = {}
    token = _READ.set(noted)
    try:
        detection = _choose(root, names, preset_name=preset_name, fields=fields, overrides=overrides, raw=raw)
    finally:
        _READ.reset(token)
    return replace(detection, read=noted)


def _choose(root: str | os.PathLike[str], names: Sequence[str] | None, *, preset_name: str,
            fields: FieldMap | None, overrides: Mapping[str, str] | None,
            raw: Mapping[str, str] | None) -> Detection:
    """:func:`choose`, the files it reads noted by the caller."""
    if fields is not None:
        detection = Detection("custom", "a field map given by the caller", fields, False)
    elif preset_name == AUTO:
        detection = detect(root, names, raw)
    else:
        chosen = preset(preset_name)
        base = Path(root)
        if names is None:
            from .load import discover

            found = discover(base)
            names, raw = found.names, found.raw
        sample = _sample(base, names, raw or {})
        dendron = chosen.name == "generic" and _dendron(base, names, sample) is not None
        fitted, extra, problems = _fit(chosen, base, names, sample, dendron=dendron)
        detection = Detection(chosen.name, "chosen by name" + extra, fitted, False, sample.files, dict(sample.keys),
                              tuple(problems))
    if overrides:
        detection = replace(detection, fields=detection.fields.with_overrides(dict(overrides)),
                            reason=detection.reason + "; " + ", ".join(f"--field {k}={v}" for k, v in overrides.items()))
    return detection


# -- files that are not articles ---------------------------------------------------------


def _says_publish(root: Path, name: str, raw: Mapping[str, str]) -> bool:
    """Whether the note ``name``'s front matter says ``publish: true``: Obsidian Publish puts it on the
    site, a template of new notes too (a community vault shows its templates for its contributors)."""
    head = _read_head(root / raw.get(name, name))
    text = decode(name, head) if head is not None else None
    fm = read_front_matter(name, text) if isinstance(text, str) else None
    return fm is not None and not isinstance(fm, Problem) and fm.data.get("publish") is True


def _hugo_site_folder(name: str, content: str) -> str | None:
    """Why ``name``, outside the content folder ``content`` of a Hugo (or Zola) site, is no page where it is in one of
    the site's own folders beside it: a theme's (``themes/ananke/``, its example site too) or the site as built
    (``public/``, Hugo's ``publishDir`` and Zola's ``output_dir`` by default); ``None`` elsewhere.

    >>> _hugo_site_folder("themes/ananke/exampleSite/content/post/a.md", "content/")
    "in themes/ananke/, a theme's own files (its example site, layouts, README): not a page of the site"
    >>> _hugo_site_folder("site/public/notes.md", "site/content/"), _hugo_site_folder("README.md", "content/")
    ('in site/public/, the site as built: a copy, not a page', None)
    """
    root = content.rstrip("/").rpartition("/")[0]
    root = f"{root}/" if root else ""
    parts = name.removeprefix(root).split("/") if name.startswith(root) else []
    if len(parts) > 2 and parts[0] == "themes":
        return f"in {root}themes/{parts[1]}/, a theme's own files (its example site, layouts, README): not a page of the site"
    if len(parts) > 1 and parts[0] == "public":
        return f"in {root}public/, the site as built: a copy, not a page"
    return None


def layout_skips(names: Sequence[str], fields: FieldMap, root: str | os.PathLike[str] | None = None,
                 raw: Mapping[str, str] | None = None) -> dict[str, str]:
    """Files that are not articles because of where they are, with why (they are reported as skipped).

    Files outside ``fields.content_dir``, inside ``fields.skip_folders`` (a folder of that name at any
    depth; one written with a ``/`` at its end, that folder from the corpus's root: a Docusaurus
    site's ``website/i18n/``), matched by ``fields.ignores``
    (:func:`site_ignored`: what an ``.eleventyignore`` names) or ``fields.ignore_files`` (a Hugo config's
    ``ignoreFiles``, regular expressions searched in the file's path), with ``fields.partials``
    the files and folders named ``_...`` (Docusaurus's partials), an Obsidian vault's templates
    (``fields.templates``) and Excluded files (``fields.vault_excluded``), and, with
    ``fields.bundles`` (Hugo), the resources of a page bundle: every file beside an
    ``index.md`` or below its folder (never at the root of the content: the home page is
    a section). With ``fields.headless`` and the corpus ``root``, a section whose
    ``_index.md`` cascades ``_build: {render: never}`` or ``headless: true`` to its pages
    (Hugo's folders of include files) is skipped whole.

    >>> layout_skips(["a/index.md", "a/bio.md", "b/_index.md", "b/c.md"], preset("hugo").fields)
    {'a/bio.md': 'resource of the page bundle a/index.md: not a page'}
    """
    skips: dict[str, str] = {}
    content = fields.content_dir
    bundles: dict[str, str] = {}  # a leaf bundle's folder -> its index file's name (index.md, index.html)
    if fields.bundles:
        for name in names:
            folder, _, file_name = name.rpartition("/")
            # the root is never a leaf bundle: that would make every page of the site a resource
            if _stem(file_name, fields) == "index" and name.startswith(content) and folder + "/" != content \
                    and folder:
                bundles.setdefault(folder, file_name)
    skip_folders = set(fields.skip_folders)
    rooted = tuple(folder for folder in skip_folders if folder.endswith("/"))
    skip_files = set(fields.skip_files)
    excluded = fields.exclude
    templates = tuple(f"{t}/" for t in fields.templates)
    hidden_sections, shown = _cascaded_headless(names, fields, Path(root), raw or {}) if (
        root is not None and fields.headless) else ({}, set())
    page_folders = fields.page_folders
    toc_pages = set(fields.toc_pages)
    # an index.md the site leaves out (excluded, a draft) leaves its README.md the folder's page
    left_out = tuple(patterns for patterns in (fields.exclude_docs, fields.draft_docs) if patterns)
    index_pages = {n for n in names if n.rpartition("/")[2] == "index.md" and not any(
        gitignored(n[len(content):], patterns) for patterns in left_out)} if fields.path_urls else set()
    if not (content or skip_folders or skip_files or hidden_sections or bundles or fields.partials or excluded
            or templates or fields.vault_excluded or page_folders or fields.toc or fields.exclude_docs or fields.draft_docs or fields.ignores
            or fields.hexo or fields.ignore_files or fields.jekyll or fields.unbuilt):
        return skips  # a corpus of pages only (the Q&A site's): 36k names not walked for nothing
    unbuilt = dict(fields.unbuilt)
    for name in names:
        if name in unbuilt:
            skips[name] = unbuilt[name]
            continue
        if templates and name.startswith(templates) and not (
                fields.path_urls == "publish" and root is not None and _says_publish(Path(root), name, raw or {})):
            folder = next(t for t in templates if name.startswith(t))
            skips[name] = f"in {folder}, the vault's templates of new notes (its settings say so): not a note"
            continue
        hidden = vault_excluded(name.removeprefix(content), fields.vault_excluded) if fields.vault_excluded else None
        if hidden is not None:
            skips[name] = f"excluded in the vault's settings (Excluded files: {hidden}): not in Obsidian's graph"
            continue
        hit = next((p for p in name.split("/")[:-1] if p in skip_folders), None) if skip_folders else None
        if hit is None and rooted:  # a folder named from the root (website/i18n/), not one of that name anywhere
            hit = next((folder[:-1] for folder in rooted if name.startswith(folder)), None)
        if hit is not None:  # the folder's own reason first: an older version's docs, a theme's archetypes
            own = hit.rpartition("/")[2]
            unread = own[:1] == "_" and own not in _JEKYLL_SITE_FOLDERS  # found in the site, not one of Jekyll's own
            why = _UNREAD if unread else "a site folder that holds no pages"
            skips[name] = f"in {hit}/, {_SKIPPED_FOLDERS.get(own, why)}"
            continue
        pattern = jekyll_excluded(site_path(name, fields), excluded) if excluded else None
        if pattern is not None:
            skips[name] = f"excluded by the site's config (exclude: {pattern}): not a page"
            continue
        if content and not name.startswith(content) and not (
                fields.content_mounts and any(name.startswith(folder) for folder, _ in fields.content_mounts)) and not (
                fields.page_routes and doc_folder(name, fields.page_routes)):  # Astro's src/pages/ beside src/content/
            site_folder = _hugo_site_folder(name, content) if fields.bundles else None
            skips[name] = site_folder or f"outside the content folder {content}: not a page"
            continue
        unread_by_jekyll = jekyll_unread(site_path(name, fields), fields.collections_dir) if fields.jekyll else None
        if unread_by_jekyll is not None:
            skips[name] = unread_by_jekyll
            continue
        if page_folders and not name.startswith(page_folders):
            skips[name] = f"outside the site's page folders ({', '.join(page_folders)}): not a page"
            continue
        unread_by_hexo = hexo_unread(name[len(content):], fields.source_globs) if fields.hexo else None
        if unread_by_hexo is not None:
            skips[name] = unread_by_hexo
            continue
        pattern = next((p for p in fields.ignore_files if _search(p, name)), None) if fields.ignore_files else None
        if pattern is not None:
            skips[name] = f"excluded by the site's config (ignoreFiles: {pattern}): not a page"
            continue
        ignored = site_ignored(name, fields.ignores) if fields.ignores else None
        if ignored is not None:
            pattern, source = ignored
            where = f"{source} ({pattern})" if source.rpartition("/")[2].startswith(".") else f"config ({source}: {pattern})"
            skips[name] = (f"ignored by the workspace's settings ({source}: {pattern}): Foam leaves it out"
                           if source == _FOAM_IGNORE else
                           f"hidden by the graph's config ({source} {pattern}): Logseq leaves it out"
                           if source == _LOGSEQ_HIDDEN else
                           "in a folder of a Dendron vault: not a note (Dendron reads the files at a vault's top)"
                           if source == _DENDRON_VAULT else f"excluded by the site's {where}: not a page")
            continue
        if fields.exclude_docs or fields.draft_docs:
            rel = name[len(content):]
            pattern = gitignored(rel, fields.exclude_docs)
            if pattern is not None:
                default = ", by default" if pattern in _MKDOCS_EXCLUDED else ""
                skips[name] = f"excluded by the site's config (exclude_docs: {pattern}{default}): not a page"
                continue
            pattern = gitignored(rel, fields.draft_docs)
            if pattern is not None:
                skips[name] = f"a draft (draft_docs: {pattern}): not in the site's build"
                continue
        if fields.path_urls in ("folders", "files") and name.endswith("/README.md" if "/" in name else "README.md") \
                and f"{name[:-len('README.md')]}index.md" in index_pages:  # MkDocs publishes one at the folder's url
            skips[name] = "beside index.md, which the site publishes at the same url (MkDocs leaves README.md out)"
            continue
        if fields.toc and name == fields.toc:
            skips[name] = f"the book's table of contents ({name.rpartition('/')[2]}): not a page"
            continue
        if toc_pages and name not in toc_pages:
            skips[name] = f"not in {fields.toc.rpartition('/')[2] if fields.toc else 'SUMMARY.md'}: the book does not publish it"
            continue
        partial = next((p for p in name.removeprefix(content).split("/") if p.startswith("_")), None) if (
            fields.partials) else None
        if partial is not None:
            skips[name] = f"a partial ({partial} starts with _): imported into pages, not a page"
            continue
        if skip_files and _stem(name.rpartition("/")[2], fields) in skip_files:
            skips[name] = "a wiki's sidebar, header or footer, shown beside every page: not a page"
            continue
        if hidden_sections:
            section = next((s for s in _ancestors(name.rpartition("/")[0]) if s in hidden_sections), None)
            if section is not None and name not in shown:
                skips[name] = hidden_sections[section]
                continue
        if bundles:
            folder = name.rpartition("/")[0]
            owner = next((b for b in _ancestors(folder) if b in bundles), None)
            if owner is not None and not (folder == owner and _stem(name.rpartition("/")[2], fields) == "index"):
                where = f"{owner}/{bundles[owner]}"
                skips[name] = f"resource of the page bundle {where}: not a page"
    return skips


def _search(pattern: str, path: str) -> bool:
    """Whether the regular expression ``pattern`` (Go's, as a Hugo config writes it) is found in ``path``;
    never, for one Python cannot read.

    >>> _search(r"\\.draft\\.md$", "content/posts/a.draft.md"), _search("(", "a.md")
    (True, False)
    """
    try:
        return _compiled(pattern).search(path) is not None
    except re.error:
        return False


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled once (its callers search it in every file's path); one that
    :func:`backtracks` is refused, as one Python cannot read is."""
    if backtracks(pattern):
        raise re.error(f"{pattern} repeats a part that repeats itself")
    return re.compile(pattern)


#: why a pattern that :func:`backtracks` is not used, as a preset's reason says it
_BACKTRACKS = ("it repeats a part that repeats itself, which Python's regular expressions can take years to try "
               "on one path (rewrite it without the inner repeat)")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")  # a possessive repeat never gives back what it took


def backtracks(pattern: str) -> bool:
    """Whether the regular expression ``pattern`` repeats without bound a part that repeats itself
    (``(a+)+$``, ``(.*/)*x``): on a path it does not match, Python's engine (and JavaScript's, Obsidian's)
    tries every way of sharing a run of characters between the two, 2^n ways for n characters: a
    Hugo config's ``ignoreFiles`` of ``(a+)+$`` took 15 s on a file named with 28 a's, and years on one of
    60. Go's engine, Hugo's, takes linear time, and nothing says such a pattern is a mistake there; here it
    matches nothing. A pattern that cannot be read is none.

    >>> backtracks("(a+)+$"), backtracks("(x|y*)*z"), backtracks(r"(\\w+\\.)*md"), backtracks("(?:a*b)*")
    (True, True, True, True)
    >>> backtracks(r"^draft/.*\\.md$"), backtracks("(ab){2,}c+"), backtracks("(a{1,3}){2}"), backtracks("(a++)+"), backtracks("(")
    (False, False, False, False, False)
    """
    parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
    try:
        tree = parser.parse(pattern)
    except (re.error, RecursionError, OverflowError, ValueError):
        return False
    unbounded = parser.MAXREPEAT

    def walk(value: Any, inside: bool) -> bool:
        """Whether ``value`` (a parsed pattern, an item or an item's arguments) holds a repeat
        within a repeat without bound (``inside``: it is within one)."""
        if isinstance(value, tuple) and len(value) == 2 and str(value[0]) in _REPEATS:
            _, high, body = value[1]
            if inside and high > 1:
                return True
            return walk(body, inside or high == unbounded)
        if isinstance(value, (tuple, list)) or type(value).__name__ == "SubPattern":
            return any(walk(item, inside) for item in value)
        return False

    try:
        return walk(tree, False)
    except RecursionError:  # nested past Python's stack: refused, a pattern no one writes
        return True


def _stem(file_name: str, fields: FieldMap) -> str:
    """A file's name without its suffix, nor its language in a site of several (``index.fr.md``: ``index``)."""
    stem = file_name.rsplit(".", 1)[0]
    return split_language(stem, fields.languages)[0] if fields.languages else stem


def _cascaded_headless(names: Sequence[str], fields: FieldMap, root: Path,
                       raw: Mapping[str, str]) -> tuple[dict[str, str], set[str]]:
    """Sections (folders) whose ``_index.md`` cascades "not rendered" to every page below, with why;
    and the ``_index.md`` files among them that are pages all the same. Hugo applies a cascade to the
    section's own page too, but a key of its own front matter wins over the cascaded one: Hugo's
    docs publish their glossary page (``build: {render: always}``) while cascading ``render: never``
    to its terms, which are shown on it and nowhere else.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for folder, own in (("snips", ""), ("terms", "build:\\n  render: always\\n")):
    ...         _ = (Path(d) / folder).mkdir(), (Path(d) / folder / "_index.md").write_text(
    ...             f"---\\n{own}cascade:\\n  build:\\n    render: never\\n---\\n")
    ...     found, shown = _cascaded_headless(["snips/_index.md", "terms/_index.md"], preset("hugo").fields,
    ...                                       Path(d), {})
    >>> sorted(found), shown
    (['snips', 'terms'], {'terms/_index.md'})
    """
    found: dict[str, str] = {}
    shown: set[str] = set()
    for name in names:
        folder, _, file_name = name.rpartition("/")
        if file_name.lower() not in ("_index.md", "_index.markdown") or not name.startswith(fields.content_dir):
            continue
        head = _read_head(root / raw.get(name, name))
        text = decode(name, head) if head is not None else None
        fm = read_front_matter(name, text, json_object=fields.json_front_matter,
                               loose_closing=fields.loose_closing) if isinstance(text, str) else None
        if fm is None or isinstance(fm, Problem):
            continue
        cascade = fm.data.get("cascade")
        for entry in cascade if isinstance(cascade, list) else [cascade]:
            if not isinstance(entry, dict):
                continue
            target = next((v for k, v in entry.items() if str(k).lower() in ("_target", "target")), None)
            entry = {k: v for k, v in entry.items() if str(k).lower() not in ("_target", "target")}
            why = not_rendered(entry, drafts=fields.skip_drafts)
            below = _cascade_target(target, folder, fields) if why and isinstance(target, dict) and target else folder
            if why and below is not None and below != folder:
                # the pages its target names only: a folder's (path: /docs/internal/**)
                found[below] = f"in {below}/, to whose pages {name} cascades {why}: not a page"
                continue
            if why and below is not None:
                found[folder] = f"in {folder or 'the content'}/, whose _index.md cascades {why} to its pages: not a page"
                own = {k: v for k, v in fm.data.items() if k != "cascade"}
                if not_rendered({**entry, **own}, drafts=fields.skip_drafts) is None or isinstance(target, dict) and not \
                        fnmatch.fnmatchcase("section", str(next((v for k, v in target.items() if str(k).lower() == "kind"), "*"))):
                    shown.add(name)  # its own build: (or _build:, headless:) wins, or a target of pages only (kind: page)
                break
    for folder, why in _hugo_docs_unrendered(names, fields).items():
        found.setdefault(folder, why)
    return found, shown


def _hugo_docs_unrendered(names: Sequence[str], fields: FieldMap) -> dict[str, str]:
    """The sections of Hugo's own docs that cascade ``render: never`` (:data:`_HUGO_DOCS_UNRENDERED`, at the
    top of the content or of a language's folder) whose ``_index.md`` is not among ``names``, with why their
    files are no pages: a copy of the docs without it (the snippets alone) is read as the site has them.

    >>> hugo = replace(FieldMap(), content_dir="content/", languages=("en",))
    >>> _hugo_docs_unrendered(["content/en/_common/a.md", "content/quick-reference/glossary/_index.md",
    ...                        "content/quick-reference/glossary/map.md", "content/docs/_common/b.md"], hugo)
    {'content/en/_common': "in content/en/_common/, Hugo's docs' include snippets (its _index.md, which cascades render never, is not here): not a page"}
    """
    content = fields.content_dir
    folders: dict[str, str] = {}  # a section's folder -> what its files are
    for name in names:
        if not name.startswith(content):
            continue
        inner = name[len(content):]
        below = _below_language(inner, fields.languages)
        for section, what in _HUGO_DOCS_UNRENDERED.items():
            if below.startswith(f"{section}/"):
                folders[f"{content}{inner[:len(inner) - len(below)]}{section}"] = what
    present = set(names) if folders else set()
    return {folder: f"in {folder}/, {what} (its _index.md, which cascades render never, is not here): not a page"
            for folder, what in sorted(folders.items()) if f"{folder}/_index.md" not in present}


_CASCADE_FOLDER = lazy_compile(r"/*([^*?\[\]{}]*?)/+\*\*")


def _cascade_target(target: Mapping[Any, Any], folder: str, fields: FieldMap) -> str | None:
    """The folder of the files a Hugo cascade's ``_target`` (Hugo 0.140's ``target``) gives its values to,
    where that is a folder's pages: a ``path`` glob ``/docs/internal/**`` (from the content's root, in the
    language of the section ``folder`` that cascades it), for any kind of page, in any language and in
    production (without a ``path``: every page below ``folder``); ``None`` for any other target (a page's
    path, another environment, sections only), whose pages are then published.

    >>> hugo = replace(FieldMap(), content_dir="content/", languages=("en", "fr"))
    >>> [_cascade_target(t, "content/en/docs", hugo) for t in ({"path": "/docs/internal/**"}, {"path": "{/a,/b}/**"},
    ...  {"path": "/docs/**", "environment": "staging"}, {"path": "/docs/x/**", "kind": "page"}, {"kind": "page"})]
    ['content/en/docs/internal', None, None, 'content/en/docs/x', 'content/en/docs']
    """
    keys = {str(k).lower(): v for k, v in target.items()}
    if set(keys) - {"path", "kind", "lang", "environment"} or not isinstance(keys.get("path", ""), str):
        return None
    if any(not isinstance(keys.get(k, "*"), str) or not fnmatch.fnmatchcase(value, keys.get(k, "*"))
           for k, value in (("kind", "page"), ("environment", "production"))):
        return None
    if "path" not in keys:  # every page below the section that cascades it
        return folder if "lang" not in keys or keys["lang"] in ("*", "**") else None
    matched = _CASCADE_FOLDER.fullmatch(keys["path"].strip())
    if matched is None or "lang" in keys and keys["lang"] not in ("*", "**"):
        return None
    section = _below_language(folder[len(fields.content_dir):], fields.languages) if folder.startswith(
        fields.content_dir) else folder
    top = folder[:len(folder) - len(section)].rstrip("/") if section and folder.endswith(section) else folder
    return "/".join(p for p in (top, matched.group(1).strip("/")) if p)


#: why the files of a ``_...`` folder of a Jekyll site are not pages (not one of Jekyll's own folders)
_UNREAD = "whose name starts with _: Jekyll does not read it (no collection it outputs, not in the config's include)"


def gitignored(path: str, patterns: Sequence[str]) -> str | None:
    """The pattern that leaves out the file ``path`` among gitignore ``patterns`` (from the same
    folder), as git (and MkDocs' ``exclude_docs``) matches them: the last that matches decides, a
    ``!pattern`` takes the file back; a pattern with a ``/`` before its end is from the folder, one
    without matches a name at any depth; a trailing ``/`` matches folders only; ``*`` and ``?`` stay
    within a name, ``**`` crosses folders.

    >>> [gitignored(p, ["/drafts/", "*.tmp.md", "!keep.tmp.md", "a/**/z.md"]) for p in
    ...  ["drafts/x.md", "b/drafts/x.md", "c/s.tmp.md", "keep.tmp.md", "a/b/c/z.md", "drafts.md"]]
    ['/drafts/', None, '*.tmp.md', None, 'a/**/z.md', None]
    """
    parts = path.split("/")
    hit = None
    for raw in patterns:
        pattern = raw.strip()
        if not pattern or pattern.startswith("#"):
            continue
        negate = pattern.startswith("!")
        body = pattern[1:] if negate else pattern
        folders_only = body.endswith("/")
        body = body.rstrip("/")
        anchored = "/" in body
        body = body.lstrip("/")
        if not body:
            continue
        regex = _glob_pattern(body)  # gitignore has no braces (nor has MkDocs's pathspec)
        count = len(parts) - 1 if folders_only else len(parts)
        if anchored:
            matched = any(regex.fullmatch("/".join(parts[:i])) for i in range(1, count + 1))
        else:
            matched = any(regex.fullmatch(part) for part in parts[:count])
        if matched:
            hit = None if negate else raw.strip()
    return hit


#: whether a folder an ignore glob matches is not read, by where the glob is from: VitePress's tinyglobby
#: (``srcExclude``) and Hexo (``ignore``) read no such folder; fast-glob and globby (Eleventy, Quartz: the
#: others) skip it only for a glob whose last part has no wildcard (``drafts``, ``**/private``) or that
#: ends in ``/**`` (``private/*`` leaves out ``private/a.md``, not ``private/sub/b.md``)
_FOLDERS_IGNORED = {"srcExclude": True, "ignore": True}
_WILDCARD = lazy_compile(r"[*?[{]")
#: where an Eleventy site's ignores come from (all matched whatever the case): its files and its config
_ELEVENTY_CONFIG_IGNORES = "ignores.add"
_ELEVENTY_IGNORE_FILES = (".eleventyignore", ".gitignore", _ELEVENTY_CONFIG_IGNORES)


def site_ignored(path: str, ignores: Sequence[tuple[str, str, str]]) -> tuple[str, str] | None:
    """The first of a site tool's ignore globs (``FieldMap.ignores``: ``(folder, glob, source)``) that
    leaves out the file ``path``, with where it is from. A glob is from its ``folder`` (a leading
    ``./`` is that folder), as the JavaScript tools match it (:func:`_glob_regex` with braces; an
    Eleventy ignore file's whatever the case): the file's path below the folder matches, or one of
    its folders does where the tool reads no folder it matches (``_FOLDERS_IGNORED``); a trailing
    ``/`` matches folders only.

    >>> ignores = [("src/", "README.md", ".eleventyignore"), ("src/", "drafts", ".eleventyignore"),
    ...            ("", "**/*.draft.md", "srcExclude"), ("src/", "private/*", ".eleventyignore")]
    >>> [site_ignored(p, ignores) for p in ["src/README.md", "src/drafts/a.md", "src/b/README.md", "x/y.draft.md"]]
    [('README.md', '.eleventyignore'), ('drafts', '.eleventyignore'), None, ('**/*.draft.md', 'srcExclude')]
    >>> [site_ignored(p, ignores) for p in ["src/private/a.md", "src/private/sub/b.md"]]
    [('private/*', '.eleventyignore'), None]
    """
    for folder, glob, source in ignores:
        if path.startswith(folder) and _glob_ignores(path[len(folder):], glob, source):
            return glob, source
    return None


def _glob_ignores(path: str, glob: str, source: str) -> bool:
    """Whether the ignore ``glob`` from ``source`` leaves out the file ``path`` (below the glob's folder):
    :func:`site_ignored`'s rule."""
    if source == _LOGSEQ_HIDDEN:  # Logseq's hidden?: the path from the graph's folder starts with it
        return f"/{path}".startswith(glob if glob.startswith("/") else f"/{glob}")
    if source == _DENDRON_VAULT:  # a file in a folder of the vault
        return "/" in path
    body = glob.removeprefix("./").strip("/")
    flags = re.I if source.endswith(_ELEVENTY_IGNORE_FILES) else 0  # Eleventy: caseSensitiveMatch false
    regex = _glob_pattern(body, True, flags)
    if not glob.endswith("/") and regex.fullmatch(path):
        return True
    folders = _FOLDERS_IGNORED.get(source)
    if folders is None:
        folders = glob.rstrip("/").endswith("/**") or not _WILDCARD.search(body.rpartition("/")[2])
    parts = path.split("/")
    return folders and any(regex.fullmatch("/".join(parts[:i])) for i in range(1, len(parts)))


@functools.lru_cache(maxsize=1024)
def _glob_pattern(glob: str, braces: bool = False, flags: int = 0) -> re.Pattern[str]:
    """:func:`_glob_regex` compiled, once per glob (its callers match it against every file)."""
    return re.compile(_glob_regex(glob, braces=braces), flags)


def _glob_regex(glob: str, *, braces: bool = False) -> str:
    """A glob as a regular expression: ``**`` across folders, ``*``, ``?`` and a ``[...]`` class
    (``[!...]``, ``[^...]``: none of) within a name, as gitignore and micromatch read them; with
    ``braces``, ``{a,b}`` either (micromatch's, the JavaScript tools'; not gitignore's).

    >>> [bool(re.fullmatch(_glob_regex("**/[Dd]rafts/{a,b*}.md", braces=True), p))
    ...  for p in ["drafts/a.md", "x/Drafts/b2.md", "x/drafts/c.md", "Xrafts/a.md"]]
    [True, True, False, False]

    A class that cannot be one (``[z-a]``) matches nothing, as picomatch's does. A glob of more
    than :data:`MAX_GLOB_WILDCARDS` ``*``, ``**`` and ``{...}`` in all (``*a*a*a*b``), or a ``{...}``
    of more than :data:`MAX_GLOB_ALTERNATIVES` texts, matches nothing too: its expression's time
    grows as the name's length to that power (seconds a file for ``*a*a*a*a*a*a*b``), where real
    globs have one to three (``**/*.{md,mdx}``).

    >>> [bool(re.fullmatch(_glob_regex(g), "b.md")) for g in ["[z-a].md", "[!-x].md", "[a-c].md", "*a*a*a*b"]]
    [False, True, True, False]
    """
    if len(_STARS.findall(glob)) + (glob.count("{") if braces else 0) > MAX_GLOB_WILDCARDS:
        return _NOTHING
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and (end := _class_end(glob, i)) is not None:
            out.append(_class_regex(glob[i + 1:end]))
            i = end + 1
        elif braces and glob[i] == "{" and (found := _alternatives(glob, i)) is not None:
            alternatives, end = found
            if len(alternatives) > MAX_GLOB_ALTERNATIVES:
                return _NOTHING
            out.append("(?:" + "|".join(_glob_regex(a, braces=True) for a in alternatives) + ")")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


#: the most single ``*`` and ``{...}`` a glob may hold (:func:`_glob_regex`); an expression that matches nothing
MAX_GLOB_WILDCARDS = 3
#: the most texts a glob's ``{...}`` may choose from (:func:`_glob_regex`)
MAX_GLOB_ALTERNATIVES = 32
_STARS = lazy_compile(r"\*+")
_NOTHING = "(?!)"


def _class_regex(body: str) -> str:
    """A glob's ``[...]`` class (``body``: what is between the brackets) as a regular expression's:
    ``!`` or ``^`` first negates it (never ``/``), ``a-z`` is a range, any other character is
    itself (a ``-`` first or last too); a range backwards (``z-a``) makes a class that matches
    nothing."""
    negated = body[:1] in ("!", "^")
    chars, items, i = body[negated:], [], 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            low, high = chars[i], chars[i + 2]
            if low > high:
                return _NOTHING
            items.append(f"{re.escape(low)}-{re.escape(high)}")
            i += 3
        else:
            items.append(re.escape(chars[i]) if chars[i] not in "-]^\\[" else "\\" + chars[i])
            i += 1
    return f"[^/{''.join(items)}]" if negated else f"[{''.join(items)}]"


def _class_end(glob: str, start: int) -> int | None:
    """Where the ``[...]`` class opened at ``start`` closes (a ``]`` first in it is one of its
    characters), ``None`` when it does not (the ``[`` is itself)."""
    i = start + 1
    i += glob[i:i + 1] in ("!", "^")
    end = glob.find("]", i + 1)
    return end if end > 0 else None


def _alternatives(glob: str, start: int) -> tuple[list[str], int] | None:
    """The texts a ``{a,b}`` opened at ``start`` chooses from (nested braces kept for the next
    round) and where it closes; ``None`` without a comma or a close (the ``{`` is itself)."""
    depth, begin = 0, start + 1
    parts: list[str] = []
    for i in range(start, len(glob)):
        if glob[i] == "{":
            depth += 1
        elif glob[i] == "}":
            depth -= 1
            if depth == 0:
                return (parts + [glob[begin:i]], i) if parts else None
        elif glob[i] == "," and depth == 1:
            parts.append(glob[begin:i])
            begin = i + 1
    return None


def jekyll_excluded(path: str, patterns: Sequence[str]) -> str | None:
    """The first of a Jekyll config's ``exclude`` ``patterns`` that leaves out the file ``path`` (from
    the site's root), as Jekyll matches them: the path or a folder of it matches the pattern as a
    glob (``*`` across ``/`` too) or as the pattern with a ``/`` added, or the path starts with it.
    A pattern is joined to the site's folder first, so that ``/docs`` is ``docs`` (the Minimal
    Mistakes theme's config leaves out its ``/docs`` and ``/test`` sites so).

    >>> [jekyll_excluded(p, ["README.md", "docs/", "*.tmp.md", "notes", "/test"]) for p in
    ...  ["README.md", "docs/a.md", "a/b.tmp.md", "notes-old/x.md", "doc/a.md", "test/_posts/x.md"]]
    ['README.md', 'docs/', '*.tmp.md', 'notes', None, '/test']
    """
    from fnmatch import fnmatchcase

    parts = path.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    for pattern in patterns:
        joined = pattern.lstrip("/")
        if joined and (path.startswith(joined) or any(fnmatchcase(p, joined) or joined == p + "/" for p in prefixes)):
            return pattern
    return None


_POST_NAME = lazy_compile(r"^\d{4}-\d{1,2}-\d{1,2}-.")  # Jekyll's: 2019-3-5-a.md is a post too


def jekyll_unread(name: str, collections_dir: str = "") -> str | None:
    """Why Jekyll publishes no page from the file ``name`` that it would read as a post or a page
    otherwise, or ``None``: its name starts with ``_`` (as does a folder's, which
    :func:`_jekyll_unread` finds), ``#`` or ``~`` (Jekyll's EntryFilter: SPECIAL_LEADING_CHAR_REGEX, with the
    dot of hidden files); it is in a ``_posts/`` folder but not named by its date
    (``YYYY-MM-DD-title.md``), or outside the site's ``collections_dir``, where Jekyll reads no post.

    >>> jekyll_unread("docs/_partial.md"), jekyll_unread("_posts/README.md")
    ('whose name starts with _: Jekyll does not read it', 'in _posts/ but not named YYYY-MM-DD-title: Jekyll publishes no post from it')
    >>> jekyll_unread("#scratch.md"), jekyll_unread("docs/~draft.md")
    ('whose name starts with #: Jekyll does not read it', 'whose name starts with ~: Jekyll does not read it')
    >>> jekyll_unread("_posts/2020-01-01-a.md", "site/"), jekyll_unread("site/_posts/2020-01-01-a.md", "site/")
    ('a post outside the collections_dir site/: Jekyll reads posts there only', None)
    """
    folders, _, file_name = name.rpartition("/")
    if file_name.startswith(("_", "#", "~")):
        return f"whose name starts with {file_name[0]}: Jekyll does not read it"
    parts = folders.split("/")
    for kind in ("_posts", "_drafts"):
        if kind in parts and collections_dir and not name.startswith(collections_dir):
            return f"a post outside the collections_dir {collections_dir}: Jekyll reads posts there only"
    if "_posts" in parts and not _POST_NAME.match(file_name):
        return "in _posts/ but not named YYYY-MM-DD-title: Jekyll publishes no post from it"
    return None


#: why the files of a folder the preset skips are not pages, where it is not "a site folder that holds no pages"
_SKIPPED_FOLDERS = {"_drafts": "whose drafts are not published",
                    "_build": "the book's build output (Jupyter Book, MyST), not its sources",
                    "logseq": "Logseq's own files (backups and version files are copies of pages)",
                    "archetypes": "whose files are templates of new pages (Hugo), not pages",
                    "versioned_docs": "a frozen copy of an older version of the docs (Docusaurus)",
                    "i18n": "translations (Docusaurus)"}


def _ancestors(folder: str) -> list[str]:
    """``a/b/c`` -> ``['a/b/c', 'a/b', 'a', '']``."""
    out = [folder]
    while folder:
        folder = folder.rpartition("/")[0]
        out.append(folder)
    return out


# -- after loading ----------------------------------------------------------------------


def corpus_problems(result: LoadResult) -> list[Problem]:
    """Warnings about how the field map fits the whole corpus (path ``.``: the corpus folder), and
    about the site's own files read to fit it (:attr:`Detection.problems`: a category file that
    cannot be read).

    A field mapped with ``--field`` that no file has names the fields that do exist; a
    keyword field whose values are mostly one "keyword" of several words, where the
    map splits on a separator, names the fix (``--field keyword_separator=space`` or
    the ``jekyll`` preset).
    """
    fields = result.fields
    articles = result.articles
    missing = [name for name in fields.overridden if articles and all(name in a.absent for a in articles)]
    problems = list(result.detection.problems) if result.detection else []
    problems += unmapped_fields(fields, result.detection, missing)
    with_keywords = [a for a in articles if a.keywords]
    spaced = [(a.path, a.keywords[0], a.keyword_lines[0] if a.keyword_lines else None)
              for a in with_keywords if len(a.keywords) == 1 and len(a.keywords[0].split()) >= 2]
    problems += spaced_keywords(fields, len(with_keywords), spaced)
    return problems


def unmapped_fields(fields: FieldMap, detection: Detection | None, missing: Sequence[str]) -> list[Problem]:
    """The corpus warning for each field mapped with ``--field`` that no file has (``missing``,
    their names), naming the fields the files do have."""
    problems: list[Problem] = []
    for name in missing:
        if name in FieldMap.FIELDS:
            paths = ",".join(getattr(fields, name))
            seen = sorted((detection.keys if detection else {}).items(), key=lambda kv: (-kv[1], kv[0]))
            present = ", ".join(k for k, _ in seen[:20]) or "none"
            problems.append(Problem(
                ".", None, f"no file has {paths} (--field {name}={paths}); the files' fields are: {present}",
                "field-map", WARNING))
    return problems


def spaced_keywords(fields: FieldMap, with_keywords: int, spaced: Sequence[tuple[str, str, int | None]]) -> list[Problem]:
    """The corpus warning about keywords that look space-separated, from the counts it rests on.

    ``with_keywords`` articles have keywords; ``spaced`` are ``(path, keyword, the line its file writes
    it on)`` of those whose only keyword has several words, in file order. The warning is the corpus's;
    its example says where it is, ``path:line``.
    """
    # an Eleventy site (page_variables) reads a tag string as one tag, several words and all, as Eleventy does
    if fields.keyword_separator in (None, ANY_SEPARATOR, SEMICOLONS, EVERY_SEPARATOR) or fields.page_variables \
            or not with_keywords:
        return []
    if len(spaced) >= 3 and len(spaced) * 2 >= with_keywords:
        path, keyword, line = spaced[0]
        return [Problem(
            ".", None,
            f"keywords look space-separated: {len(spaced)} of {with_keywords} articles have one keyword of "
            f"several words (e.g. {keyword!r} in {path}{'' if line is None else f':{line}'}); if they are tags, use "
            "--field keyword_separator=space (or --preset jekyll)", "keyword-separator", WARNING)]
    return []


def reference_example(result: LoadResult) -> str:
    """How people name an article of this corpus, for messages: ``name it by <this>``.

    >>> from qagraph.load import load_corpus
    >>> reference_example(load_corpus("content"))
    'url, e.g. /learn/<subject>/questions/<slug>, or by id'

    See also:
        :func:`naming_hint`, the same from a build report's preset and an article key.
    """
    detection = result.detection
    return naming_hint(detection.preset if detection else "quicktakes", _example(result))


def naming_hint(preset_name: str, example: str | None) -> str:
    """How people name an article read with preset ``preset_name``, given one article's key.

    >>> naming_hint("hugo", "functions/where"), naming_hint("obsidian", "People/Alice Smith")
    ('page path, e.g. functions/where', 'note name, e.g. Alice Smith, or its path')
    """
    known = PRESETS.get(preset_name)
    naming = known.naming if known else "key, e.g. {example}"
    if example and preset_name == "obsidian":
        example = example.rpartition("/")[2]  # a note's name
    return naming.format(example=example or "<path>")


def _example(result: LoadResult) -> str | None:
    """A real article's key, of the most common folder depth (a typical article, not the home page)."""
    if not result.articles:
        return None
    depths = Counter(a.key.strip("/").count("/") for a in result.articles)
    depth = depths.most_common(1)[0][0]
    return min((a for a in result.articles if a.key.strip("/").count("/") == depth), key=lambda a: a.key).key


def no_article_files(report: Mapping[str, Any]) -> str | None:
    """One line saying that a build's folder held no article file at all, and what it passed over
    (other files, article files in hidden folders); ``None`` when it held some.

    >>> no_article_files({"source": "site", "counts": {"files": 0, "ignored_files": 3}, "hidden": [[".drafts", 2]],
    ...                   "settings": {"preset": {"fields": {"suffixes": [".md", ".markdown"]}}}})
    'no article file (.md, .markdown) in site: 3 other files passed over; 2 in hidden folders, which are not read (.drafts); is it the content folder?'
    """
    counts = report.get("counts", {})
    if counts.get("files", 0):
        return None
    suffixes = ((report.get("settings") or {}).get("preset") or {}).get("fields", {}).get("suffixes") or [".md"]
    ignored = int(counts.get("ignored_files", 0))
    hidden = [(str(name), int(n)) for name, n in report.get("hidden", []) if n]
    unknown = [str(name) for name, n in report.get("hidden", []) if n is None]  # a folder in it could not be read
    what = [f"{ignored} other file{'s' if ignored != 1 else ''} passed over"] if ignored else []
    if hidden:
        total = sum(n for _, n in hidden)
        what.append(f"{total} in hidden folders, which are not read ({_some(name for name, _ in hidden)})")
    if unknown:
        what.append(f"an unknown number in hidden folders that cannot be read ({_some(unknown)})")
    what = what or ["it holds no file"]
    return (f"no article file ({', '.join(suffixes)}) in {report.get('source', 'the folder')}: "
            f"{'; '.join(what)}; is it the content folder?")


def _some(names: Iterable[str]) -> str:
    """The first three of ``names``, and ``...`` when there are more."""
    listed = list(names)
    return ", ".join(listed[:3]) + (", ..." if len(listed) > 3 else "")


def _site_below(base: Path, paths: Sequence[str]) -> tuple[str, str] | None:
    """The first top folder of ``paths`` (files under ``base``) that is a site of its own, and its
    config (``docs``, ``docs/_config.yml``): a Jekyll or a Hugo config in it."""
    for top in dict.fromkeys(p.split("/", 1)[0] for p in paths if "/" in p):
        config = _config([(base / top).resolve()], (*_JEKYLL_CONFIGS, *_HUGO_CONFIGS))
        if config is not None:
            return top, f"{top}/{config[0].name}"
    return None


def nothing_loaded(result: LoadResult | Mapping[str, Any], folder: str | os.PathLike[str] | None = None) -> str | None:
    """One line saying why no file became an article, or ``None`` when some did (or there were no files).

    ``result`` is a :class:`~qagraph.load.LoadResult` or a build report
    (:func:`qagraph.pipeline.make_report`); from a result read with a named preset, the line
    also says what ``auto`` would choose. Where every file was skipped, it names a folder of
    them that is a site of its own (``folder``: the folder read, a result's own by default): a
    theme's repository leaves out its documentation site, ``docs/`` with its own ``_config.yml``.

    >>> from qagraph.load import LoadResult
    >>> nothing_loaded(LoadResult("notes", [], [Problem("a.md", 2, "no title: none of title is set", "no-title")], 1, 0, ["a.md"]))
    'no article loaded from notes: 1 of 1 files rejected (1 x no-title, e.g. a.md:2: no title: none of title is set); try another --preset (auto, quicktakes, hugo, jekyll, obsidian, generic) or --field'
    """
    if isinstance(result, Mapping):
        counts = result.get("counts", {})
        files, articles = counts.get("files", 0), counts.get("articles", 0)
        rejected, root = list(result.get("rejected", [])), str(result.get("source", "the folder"))
        problems = [Problem(p["path"], p["line"], p["message"], p["code"], p["severity"])
                    for p in result.get("problems", [])]
        chosen = (result.get("settings") or {}).get("preset")
        detection = Detection(chosen["preset"], chosen["reason"], FieldMap(), chosen["auto"]) if chosen else None
        named_root = None
    else:
        files, articles, rejected, root = result.files, len(result.articles), result.rejected, result.root
        problems, detection, named_root = result.problems, result.detection, result.root
    folder = folder if folder is not None else named_root
    if not files or articles:
        return None
    if rejected:
        named = set(rejected)  # once, not for each problem: 100,000 rejected files took 6 minutes
        errors = [p for p in problems if p.severity == ERROR and p.path in named]
        codes = Counter(p.code for p in errors)
        top = ", ".join(f"{n} x {code}" for code, n in codes.most_common(3))
        first = next((p for p in errors if p.code == codes.most_common(1)[0][0]), None) if codes else None
        what = f"{len(rejected)} of {files} files rejected ({top}" + (f", e.g. {first}" if first else "") + ")"
    else:
        skipped = [p for p in problems if p.severity == SKIPPED]
        what = f"all {files} files skipped" + (f" (e.g. {skipped[0]})" if skipped else "")
        inner = _site_below(Path(folder), [p.path for p in skipped]) if folder is not None else None
        if folder is not None and inner is not None:
            what += f"; {inner[0]}/ is a site of its own ({inner[1]}): read it with -c {Path(folder) / inner[0]}"
    used = hint = ""
    if detection is not None:
        used = f"; read with {detection.line()}"
        if not detection.auto and named_root is not None:
            other = detect(named_root)
            if other.preset != detection.preset:
                hint = f"; --preset {AUTO} would read it with {other.line()}"
    return (f"no article loaded from {root}: {what}{used}{hint}; try another --preset "
            f"({AUTO}, {', '.join(PRESETS)}) or --field")
