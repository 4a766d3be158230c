"""Front-matter syntax: split a file into its front matter and body, and parse it safely.

This module knows YAML (``---``) and TOML (``+++``) front matter and nothing about what
the fields mean (:mod:`qagraph.fields` does). YAML is parsed with PyYAML's C loader
through a resolver that never constructs an object from a tag and keeps YAML 1.1
look-alikes (``on``, ``yes``, ``16.10``) as the text they are; the node tree's marks
give the line of every top-level key, so problems can point at the right line.

>>> fm = read_front_matter("a.md", "---\\ntitle: On\\nseo:\\n  page_keywords: x\\n---\\nbody\\n")
>>> fm.data, fm.body, fm.line_of("seo.page_keywords")
({'title': 'On', 'seo': {'page_keywords': 'x'}}, 'body\\n', 4)
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .errors import WARNING, Problem
from .plainyaml import read_simple
from .regex import lazy_compile

__all__ = ["FrontMatter", "FrontMatterLoader", "decode", "json_loads", "nikola_head", "read_front_matter"]

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_BaseLoader):  # type: ignore[misc]
    """Safe C loader; booleans are only true/false and floats stay text.

    Typed fields (``id``, ``score``, ``date``) are converted by :mod:`qagraph.fields`,
    so a title like ``16.10`` or a keyword ``on`` keeps its spelling.
    """

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        """The loader's integer, or the scalar's text when the number has more digits than Python
        writes (or reads) in decimal: every output writes numbers in decimal, so such a number
        (``0x`` and 4,000 digits) stopped the whole build. The nodes so read are kept in
        ``long_numbers``, for a warning on their line."""
        try:
            value = super().construct_yaml_int(node)
        except ValueError:  # decimal digits over the limit (the only way an int-resolved scalar fails)
            if not _MAX_DIGITS or sum(c.isdigit() for c in node.value) <= _MAX_DIGITS:
                raise
        else:
            if not _MAX_DIGITS or value.bit_length() < _MAX_DIGITS * 3:  # fewer digits, surely (log2(10) > 3)
                return value
            try:
                str(value)
                return value
            except ValueError:  # written in hexadecimal, octal, binary or base 60: too long in decimal
                pass
        if not hasattr(self, "long_numbers"):
            self.long_numbers = {}
        self.long_numbers[id(node)] = node
        return node.value

    def construct_yaml_set(self, node: yaml.MappingNode) -> Iterator[list[Any]]:
        """YAML's ``!!set {b, a}``: the list of its members, in the order the file writes them.

        PyYAML makes a Python set, which nothing in front matter can use as such: a keyword list
        given so became the keywords ``{'b'`` and ``'a'}``, a title the text ``{'b', 'a'}``, in an
        order Python's hashing varies from run to run. A list is what the author means (a set of
        tags) and what every field reads; its errors (a key that is a list) are the mapping's.
        """
        members: list[Any] = []
        yield members
        members.extend(self.construct_mapping(node))

    def construct_yaml_pairs(self, node: yaml.SequenceNode) -> Iterator[list[Any]]:
        """YAML's ``!!omap`` and ``!!pairs``: the list of one-key mappings the file writes
        (``[a: 1, b: 2]``), not PyYAML's Python tuples, which became text such as ``('a', 1)``
        where text was read (a title, a keyword); a field that wants text now warns that it is a
        list of mappings. A key that cannot be a mapping's (a list) is the mapping's error."""
        items: list[Any] = []
        yield items
        # PyYAML's own checks that each item is a one-key mapping (an ordered map's, that no key repeats)
        steps = super().construct_yaml_omap(node) if node.tag.endswith(":omap") else super().construct_yaml_pairs(node)
        pairs = next(steps)  # the list it yields first, filled as it goes on
        for _ in steps:
            pass
        for key, value in pairs:
            try:
                items.append({key: value})
            except TypeError as exc:  # unhashable
                raise yaml.constructor.ConstructorError(
                    f"while constructing {'an ordered map' if node.tag.endswith(':omap') else 'pairs'}",
                    node.start_mark, "found unhashable key", node.start_mark,
                ) from exc


#: the most decimal digits Python writes or reads in a number (4,300; 0: no limit; see sys.set_int_max_str_digits)
_MAX_DIGITS: int = getattr(sys, "get_int_max_str_digits", lambda: 0)()
FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", FrontMatterLoader.construct_yaml_int)
FrontMatterLoader.add_constructor("tag:yaml.org,2002:set", FrontMatterLoader.construct_yaml_set)
FrontMatterLoader.add_constructor("tag:yaml.org,2002:omap", FrontMatterLoader.construct_yaml_pairs)
FrontMatterLoader.add_constructor("tag:yaml.org,2002:pairs", FrontMatterLoader.construct_yaml_pairs)
#: YAML 1.1's integers but for base 60: ``16:9``, ``1:1`` and ``12:30`` (an aspect ratio, a meeting, a
#: time) were the numbers 969, 61 and 750 in titles and keywords; YAML 1.2 (Hugo's Go YAML, Obsidian's)
#: reads them as the text they are
_INT = lazy_compile(r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+)$""", re.X)
FrontMatterLoader.yaml_implicit_resolvers = {
    first: [
        (tag, _INT if tag == "tag:yaml.org,2002:int" else regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

YAML = "yaml"
TOML = "toml"
PROPERTIES = "properties"  #: Logseq's ``key:: value`` lines at the top of a page
METADATA = "metadata"  #: the ``Key: value`` lines a Pelican page starts with (Python-Markdown's metadata)
NOTION = "notion"  #: the ``Key: value`` lines under a Notion page's ``# Title`` (its database properties)
JSON = "json"  #: a JSON object a Hugo page starts with
JOPLIN = "joplin"  #: the ``key: value`` lines a Joplin item (a raw export's file) ends with, below its title and body
COMMENT = "comment"  #: the ``<!-- tags: a, b -->`` line of a 30 seconds of code snippet before front matter
NIKOLA = "nikola"  #: the ``.. key: value`` lines a Nikola post starts with (in a ``<!-- -->`` comment in Markdown)
#: front matter nested deeper is refused (real front matter nests 2 or 3 levels): every stage
#: that walks a value recursively then stays far from Python's recursion limit, whatever calls it
MAX_DEPTH = 100
#: the duplicate keys of one file named one by one; the rest are counted in one warning (a file of a
#: million repeated lines gave a million warnings: a 160 MB report and a gigabyte of memory)
SHOWN_DUPLICATES = 20
_DELIMITERS = {"---": YAML, "+++": TOML}
#: YAML front matter ends at a ``---`` line or at YAML's own end of document, ``...`` (which Jekyll and
#: Pandoc accept: ``...`` at the start of a line ends a YAML document wherever it is, even in a quoted
#: or block text, so it cannot be a line of the front matter)
#: Each from the line break before it: a search for a line break finds it (a search of each place for
#: the start of a line took 14 microseconds a file, on the Q&A corpus's long lines)
_YAML_CLOSING = lazy_compile(r"\n(?:---|\.\.\.)[ \t]*(?=\n|\Z)")
_TOML_CLOSING = lazy_compile(r"\n\+\+\+[ \t]*(?=\n|\Z)")
#: Hugo's page lexer ends front matter at the first line that starts with its delimiter, whatever
#: follows on that line (``----`` too: the rest of the line is text of the page)
_LOOSE_CLOSING = {"---": re.compile(r"\n---"), "+++": re.compile(r"\n\+\+\+")}


@dataclass(frozen=True)
class FrontMatter:
    """A file's front matter (``data``), its body, and where things are.

    ``syntax`` is ``"yaml"``, ``"toml"``, ``"properties"`` (Logseq's), ``"notion"`` (a Notion
    page's property block, see :func:`read_front_matter`), ``"comment"`` (a ``<!-- tags: -->`` line), or ``None`` when the file has no front matter
    (then ``data`` is empty and ``body`` is the whole text: whether that is an article
    is the field mapping's decision). ``line`` is the file line of the front matter's
    first line; ``key_lines`` maps top-level keys, and ``parent.child`` for keys one
    level down, to their file lines (of the value used, the last of repeated keys), and
    ``key[i]`` to the line of each item of a list such a key holds that is not on the key's
    line (a top-level key's, in TOML and JSON), and ``key[0]`` to the line a text starts on below
    its key (``keywords: >-``, in YAML).
    ``warnings`` are problems of syntax that do not stop the file (a repeated key).
    """

    data: dict[str, Any]
    body: str
    syntax: str | None
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def line_of(self, key: str | None) -> int:
        """The line of ``key`` (a dotted path), or of the front matter when unknown."""
        if key is None:
            return self.line
        return self.key_lines.get(key, self.key_lines.get(key.split(".", 1)[0], self.line))


def decode(name: str, data: bytes) -> str | Problem:
    """``data`` as text (UTF-8, a BOM dropped, line ends made ``\\n``), or a problem naming the byte.

    >>> decode("a.md", b"\\xef\\xbb\\xbfhi\\r\\n"), decode("a.md", b"\\xef\\xbb\\xbf\\xef\\xbb\\xbf---\\n")
    ('hi\\n', '---\\n')
    >>> str(decode("a.md", b"ok\\ncaf\\xe9"))
    'a.md:2: not UTF-8 text (byte 6: unexpected end of data)'
    >>> str(decode("a.md", "---\\n".encode("utf-16")))
    'a.md:1: UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8: save it as UTF-8'
    >>> str(decode("a.md", "---\\ntitle: T\\n---\\n".encode("utf-16-le")))
    'a.md:1: UTF-16 text (little-endian, without a byte-order mark), not UTF-8: save it as UTF-8'
    >>> str(decode("a.md", bytes(4096)))
    'a.md: the file holds nothing but 4,096 NUL bytes (a write cut short?): not read'
    """
    if data[:1] == b"\0" and not data.strip(b"\0"):  # what a crash while it was written can leave: valid UTF-8
        return Problem(name, None, f"the file holds nothing but {len(data):,} NUL bytes (a write cut short?): not read",
                       "encoding")
    if 0 in data[:2]:  # wide text without a mark is valid UTF-8 when it is ASCII, a NUL every other byte
        wide = _wide_text(data)
        if wide is not None:
            return Problem(name, 1, f"{wide}, without a byte-order mark), not UTF-8: save it as UTF-8", "encoding")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # a byte-order mark: an editor's "Unicode" on Windows (UTF-32's little-endian one starts as UTF-16's)
        if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] == b"\x00\x00\xfe\xff":
            wide = "UTF-32" if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") else "UTF-16"
            return Problem(name, 1, f"{wide} text (it starts with a {wide} byte-order mark), not UTF-8: save it "
                                    "as UTF-8", "encoding")
        line = data[: exc.start].count(b"\n") + 1
        return Problem(name, line, f"not UTF-8 text (byte {exc.start}: {exc.reason})", "encoding")
    if text.startswith("\ufeff"):  # a mark written twice (an editor's mark over a file that had one)
        text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text



def _wide_text(data: bytes) -> str | None:
    """How ``data`` is written when it starts as ASCII text does in UTF-16 or UTF-32 without a
    byte-order mark (``"UTF-16 text (little-endian"``...): each character one byte beside one or three
    NULs, on the same side throughout its first 64 bytes; else ``None``. Decoded as UTF-8, such a file
    (a script's or an old editor's "Unicode") is text with NULs between its characters.

    >>> _wide_text("---\\n".encode("utf-32-be")), _wide_text("---\\n".encode("utf-16-le"))
    ('UTF-32 text (big-endian', 'UTF-16 text (little-endian')
    >>> _wide_text(b"\\0---\\n"), _wide_text(b"---\\nx: \\0\\n")
    (None, None)
    """
    for wide, size in (("UTF-32", 4), ("UTF-16", 2)):
        head = data[:64]
        head = head[:len(head) - len(head) % size]
        if len(head) < 2 * size:
            continue
        for side, order in ((0, "little-endian"), (size - 1, "big-endian")):
            if 0 not in head[side::size] and not any(head[i::size].strip(b"\0") for i in range(size) if i != side):
                return f"{wide} text ({order}"
    return None


def read_front_matter(name: str, text: str, *, properties: bool = False, notion: bool = False,
                      metadata: bool = False, json_object: bool = False,
                      tag_comment: bool = False, at_start: bool = False, joplin: bool = False,
                      nikola: bool = False, loose_closing: bool = False) -> FrontMatter | Problem:
    """Split ``text`` (already decoded) and parse its front matter; never raises for bad content.

    A blank line before the opening delimiter is tolerated, but with ``at_start``: there front matter
    opens on the first line or not at all, as Obsidian reads properties (since 1.4.6), and what looks like
    it below a blank line is text of the note, with a warning. A file that does not start
    with a delimiter has no front matter (``syntax=None``); one whose front matter is
    not closed, not valid YAML/TOML or not a mapping is a :class:`~qagraph.errors.Problem`.
    With ``properties``, ``key:: value`` lines at the top are a Logseq page's front matter; with
    ``notion``, the ``Key: value`` lines under a first ``# Title`` are a Notion page's
    (:func:`_notion_properties`); with ``metadata``, the ``Key: value`` lines a file starts with are a
    Pelican page's (:func:`_metadata_lines`); with ``nikola``, the ``.. key: value`` lines of a file's first
    paragraph are a Nikola post's (:func:`_nikola_metadata`), before the ``Key: value`` lines; with ``json_object``, a JSON object a file starts with is
    its front matter (Hugo's third syntax, :func:`_json_object`); with ``tag_comment``, a file without
    front matter that has a ``<!-- tags: a, b -->`` line has those tags (:func:`tag_comment`); with ``joplin``,
    the ``key: value`` lines a file ends with are a Joplin item's, its first line its title (:func:`joplin_item`); with
    ``loose_closing``, the first line that starts with the delimiter closes the front matter, as Hugo's lexer reads it
    (``----``: the rest of that line is text of the page).

    >>> str(read_front_matter("a.md", "---\\n- a list\\n---\\n"))
    'a.md:2: front matter is a list, not a mapping of fields'
    >>> read_front_matter("a.md", "# Just a note\\n").syntax is None
    True
    >>> read_front_matter("a.md", "---\\n# no fields yet\\n---\\nText").data
    {}
    >>> late = read_front_matter("a.md", "\\n---\\ntags: [x]\\n---\\nText", at_start=True)
    >>> late.syntax, late.data, late.warnings[0].code
    (None, {}, 'front-matter-ignored')
    >>> hugo = read_front_matter("a.md", "---\\ntitle: A\\n----\\nText", loose_closing=True)
    >>> hugo.data, hugo.body
    ({'title': 'A'}, '-\\nText')
    """
    skipped = 0
    pos = 0
    while True:
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        if line.strip() or end < 0:
            break
        skipped += 1
        pos = end + 1
    first = line.strip()
    if joplin:  # a Joplin raw export's item (the field map says)
        item = joplin_item(text)
        if item is not None:
            return item
    if at_start and skipped and first in _DELIMITERS:
        blanks = f"{skipped} blank line{'s' if skipped > 1 else ''}"
        return FrontMatter({}, text, None, skipped + 1, warnings=[Problem(
            name, skipped + 1, f"front matter below {blanks}: read as text of the note, as Obsidian reads "
            "properties only when the file's first line opens them", "front-matter-ignored", WARNING)])
    if first not in _DELIMITERS:
        if properties and "::" in first and _PROPERTY.match(first):  # Logseq's (the field map says)
            return _properties(name, text, pos, skipped + 1)
        if json_object and _JSON_START.match(text, pos):  # Hugo's (the field map says)
            return _json_object(name, text, pos, skipped + 1)
        if nikola and (first.startswith("<!--") or first.startswith("..")):  # Nikola's (the field map says)
            block = _nikola_metadata(name, text, pos, skipped + 1)
            if block is not None:
                return block
        if metadata and _METADATA_LINE.match(line):  # Pelican's (the field map says)
            return _metadata_lines(name, text, pos, skipped + 1)
        if notion and first.startswith("# "):  # a Notion export's (the field map says)
            block = _notion_properties(name, text, pos, skipped + 1)
            if block is not None:
                return block
        if tag_comment:  # 30 seconds of code's, before front matter (the field map says)
            comment = _tag_comment(text)
            if comment is not None:
                return comment
        return FrontMatter({}, text, None, skipped + 1)
    start = pos + len(line) + 1
    closing = (_YAML_CLOSING if first == "---" else _TOML_CLOSING).search(text, start - 1)  # from the opening's line break
    loose = _LOOSE_CLOSING[first].search(text, start - 1) if loose_closing else None
    if loose is not None and (closing is None or loose.start() < closing.start()):
        closing = loose  # Hugo's: the delimiter's three characters and the line break after them, if any
    if closing is None:
        return Problem(
            name, skipped + 1, f"front matter is not closed: no '{first}' line after line {skipped + 1}",
            "no-front-matter",
        )
    body = text[closing.end() + (text.startswith("\n", closing.end()) if closing is loose else 1) :] if closing.end() < len(text) else ""
    fm_text = text[start : closing.start() + 1]
    fm_line = skipped + 2
    syntax = _DELIMITERS[first]
    if syntax == TOML:
        parsed = _parse_toml(name, fm_text, fm_line)
    else:
        parsed = _parse_yaml(name, fm_text, fm_line)
    if isinstance(parsed, Problem):
        return parsed
    data, key_lines, warnings = parsed
    if data is None:  # nothing between the delimiters but blanks and comments: no fields, as Hugo, Jekyll and Obsidian read it
        data = {}
    if not isinstance(data, dict):
        kind = {"list": "a list", "str": "a string", "int": "a number", "float": "a number", "bool": "a boolean",
                "bytes": "binary data", "datetime": "a date and time"}.get(type(data).__name__, f"a {type(data).__name__}")
        return Problem(name, fm_line, f"front matter is {kind}, not a mapping of fields", "not-mapping")
    if "\\" in fm_text and _NUL_ESCAPE.search(fm_text):
        data, found = _without_nul(data)
        warnings = warnings + [
            Problem(name, key_lines.get(path, key_lines.get(path.split(".", 1)[0], fm_line)),
                    f"{path} holds a NUL character (U+0000), written as an escape; it is read as U+FFFD",
                    "control-character", WARNING)
            for path in found]
    return FrontMatter(data, body, syntax, fm_line, key_lines, warnings)


# the escapes that make U+0000 in a YAML or TOML string (the files themselves cannot hold one: both
# parsers refuse it); SQLite's text functions end a text at U+0000, so it is kept out of the graph
_NUL_ESCAPE = lazy_compile(r"\\(?:0|x00|u0000|U00000000)")


def _without_nul(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``data`` with U+0000 replaced by U+FFFD in every text and key, and the dotted paths of
    the top two levels where it was (deeper ones are named by their second-level key).

    >>> _without_nul({"a": "x\\0y", "b": {"c": ["\\0"]}, "d": 1})
    ({'a': 'x\ufffdy', 'b': {'c': ['\ufffd']}, 'd': 1}, ['a', 'b.c'])
    """
    found: list[str] = []

    def clean(value: Any, path: str, depth: int) -> Any:
        if isinstance(value, str):
            if "\0" in value:
                if path not in found:
                    found.append(path)
                return value.replace("\0", "\ufffd")
            return value
        if isinstance(value, dict):
            out = {}
            for key, item in value.items():
                name = clean(key, path, depth) if isinstance(key, str) else key
                out[name] = clean(item, f"{path}.{name}" if path and depth < 2 else path or str(name), depth + 1)
            return out
        if isinstance(value, list):
            return [clean(item, path, depth) for item in value]
        return value

    return clean(data, "", 0), found


_PROPERTY = lazy_compile(r"^([A-Za-z][\w-]*)::(?: (.*))?$")  # a space after "::", as Logseq writes it (std::vector is no property)


#: a JSON object's start: ``{`` then its first key or its end (not a ``{{< shortcode >}}``)
_JSON_START = lazy_compile(r'\{\s*["}]')


#: a JSON escape of a UTF-16 surrogate without its pair (``"\\ud800"``), which decodes to no character
_SURROGATE_ESCAPE = lazy_compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|"
                               r"(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


_HALF = "%s is half of a UTF-16 pair (a lone surrogate), not a character"


def _lone_surrogate(text: str, data: Any) -> re.Match[str] | None:
    """The first escape of half a UTF-16 pair in the JSON ``text`` when ``data``, what it decoded to,
    holds such a half (which no text can: writing it out fails), else ``None``."""
    lone = _SURROGATE_ESCAPE.search(text) if "\\u" in text else None
    if lone is not None:
        try:  # what the escape made is a character, or half of one
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            return lone
    return None


def json_loads(text: str) -> Any:
    """``json.loads(text)``, and a :class:`ValueError` for an escape of half a UTF-16 pair (``"\\ud800"``),
    which Python decodes to a string that cannot be written (a config's value, a notebook's text).

    >>> json_loads('["\\\\ud83d\\\\ude00", "\\\\\\\\ud800"]')
    ['\U0001f600', '\\\\ud800']
    >>> json_loads('"\\\\ud800"')
    Traceback (most recent call last):
    ValueError: \\ud800 is half of a UTF-16 pair (a lone surrogate), not a character
    """
    data = json.loads(text)
    lone = _lone_surrogate(text, data)
    if lone is not None:
        raise ValueError(_HALF % lone.group())
    return data


def _json_object(name: str, text: str, pos: int, line: int) -> FrontMatter | Problem:
    """The JSON object that starts ``text`` at ``pos`` (on file line ``line``) as front matter, the
    text after it as the body, as Hugo reads a page that starts with ``{``.

    >>> fm = _json_object("a.md", '{\\n  "title": "A",\\n  "tags": ["x"]\\n}\\nBody\\n', 0, 1)
    >>> fm.data, fm.body, fm.line_of("tags")
    ({'title': 'A', 'tags': ['x']}, 'Body\\n', 3)
    >>> str(_json_object("a.md", '{"title": "A",\\n}\\n', 0, 1))
    'a.md:2: invalid JSON: Expecting property name enclosed in double quotes'
    """
    try:
        data, end = json.JSONDecoder().raw_decode(text, pos)
    except RecursionError:
        return Problem(name, line, f"front matter nested more than {MAX_DEPTH} levels deep", "syntax")
    except json.JSONDecodeError as exc:
        return Problem(name, exc.lineno, f"invalid JSON: {exc.msg}", "syntax")
    except ValueError as exc:  # an integer of more digits than Python reads (int() raises, not the decoder)
        long_number = re.compile(rf"\d{{{_MAX_DIGITS + 1},}}").search(text, pos) if _MAX_DIGITS else None
        if long_number is None:
            return Problem(name, line, f"invalid JSON: {exc}", "syntax")
        return Problem(name, line + text.count("\n", pos, long_number.start()),
                       f"invalid JSON: a number of more than {_MAX_DIGITS:,} digits (in decimal); write it as a string",
                       "syntax")
    if _value_too_deep(data):
        return Problem(name, line, f"front matter nested more than {MAX_DEPTH} levels deep", "syntax")
    if end < len(text) and text[end] == "\n":
        end += 1
    fm_text = text[pos:end]
    lone = _lone_surrogate(fm_text, data)
    if lone is not None:
        return Problem(name, line + fm_text.count("\n", 0, lone.start()), f"invalid JSON: {_HALF % lone.group()}",
                       "syntax")
    values: dict[str, int] = {}
    key_lines, repeated = _json_key_lines(name, fm_text, line, values)
    if isinstance(data, dict):
        _json_item_lines(fm_text, line, data, values, key_lines)
    return FrontMatter(data, text[end:], JSON, line, key_lines, _shown_duplicates(name, repeated))


_JSON_BETWEEN = lazy_compile(r"[\s,]*")  # between the items of a list (the text is known to be JSON)


def _json_item_lines(fm_text: str, line: int, data: dict[Any, Any], values: Mapping[str, int],
                     key_lines: dict[str, int]) -> None:
    """Record the line of each item of the lists the top-level keys of the JSON object ``fm_text`` hold
    (which starts on file line ``line``), as ``key[i]``, where it is not its key's line: as for YAML.
    ``values`` are where the keys' values start in ``fm_text``.

    >>> lines = {"tags": 2}
    >>> _json_item_lines('{\\n "tags": ["a",\\n   "b", [1,\\n 2], "c"]}', 1, {"tags": []}, {"tags": 11}, lines)
    >>> lines
    {'tags': 2, 'tags[1]': 3, 'tags[2]': 3, 'tags[3]': 4}
    """
    decoder = json.JSONDecoder()
    for key, start in values.items():
        if not isinstance(data.get(key), list) or key not in key_lines or fm_text.startswith("[]", start):
            continue
        pos, at, counted = start + 1, line + fm_text.count("\n", 0, start), start
        i = 0
        while True:
            pos = _JSON_BETWEEN.match(fm_text, pos).end()  # type: ignore[union-attr]  # matches anywhere
            if pos >= len(fm_text) or fm_text[pos] == "]":
                break
            at += fm_text.count("\n", counted, pos)
            counted = pos
            if at != key_lines[key]:
                key_lines[f"{key}[{i}]"] = at
            try:
                pos = decoder.raw_decode(fm_text, pos)[1]
            except (ValueError, RecursionError):
                break
            i += 1


#: a JSON string, or a bracket outside one (the text between two strings holds no quote)
_JSON_TOKEN = lazy_compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]]')
_JSON_COLON = lazy_compile(r"\s*:")


def _json_key_lines(name: str, fm_text: str, line: int,
                    values: dict[str, int] | None = None) -> tuple[dict[str, int], list[Problem]]:
    """The lines of the keys of the JSON object ``fm_text`` (which starts on file line ``line``):
    the top-level keys and, as ``parent.child``, those of the objects they hold, as for YAML; and a
    warning for each key an object gives twice (JSON keeps the last, as Hugo does). One pass over
    the text: a key looked up by a search of its own took minutes for 100,000 keys. ``values`` is
    given where each top-level key's value starts (of the last of repeated keys).

    >>> lines, repeated = _json_key_lines("a.md", '{"title": "A \\\\"b\\\\": c",\\n "seo": {"k": 1,\\n "k": 2},\\n "title": "B"}', 1)
    >>> lines
    {'title': 4, 'seo': 2, 'seo.k': 3}
    >>> for p in repeated: print(p)
    a.md:3: warning: duplicate key seo.k (also on line 2); the last one is used
    a.md:4: warning: duplicate key title (also on line 1); the last one is used
    """
    key_lines: dict[str, int] = {}
    repeated: list[Problem] = []
    depth = 0  # how many objects and arrays the scan is in
    shapes: list[str] = []  # their brackets
    seen: dict[str, int] = {}
    inner: dict[str, int] = {}
    parent: str | None = None  # the top-level key whose value the scan is in
    newlines, counted = 0, 0
    for m in _JSON_TOKEN.finditer(fm_text):
        token = m.group()
        if token in "{[":
            shapes.append(token)
            depth += 1
            if depth == 2:
                inner = {}  # the keys of the object a top-level key holds: each its own
            continue
        if token in "}]":
            if shapes:
                shapes.pop()
            depth -= 1
            continue
        if depth > 2 or not shapes or shapes[-1] != "{" or (depth == 2 and shapes[0] != "{") \
                or not _JSON_COLON.match(fm_text, m.end()):
            continue
        try:
            key = json.loads(token)
        except ValueError:
            continue
        newlines += fm_text.count("\n", counted, m.start())
        counted = m.start()
        at = line + newlines
        if depth == 1:
            parent, path, keys = key, key, seen
            if values is not None:
                values[key] = _JSON_COLON.match(fm_text, m.end()).end()  # type: ignore[union-attr]  # matched above
                values[key] = _JSON_BETWEEN.match(fm_text, values[key]).end()  # type: ignore[union-attr]
        elif parent is None:
            continue
        else:
            path, keys = f"{parent}.{key}", inner
        if path in keys:
            repeated.append(Problem(name, at, f"duplicate key {path} (also on line {keys[path]}); the last one is used",
                                    "duplicate-key", WARNING))
        keys[path] = key_lines[path] = at
    return key_lines, sorted(repeated)


def _shown_duplicates(name: str, repeated: list[Problem]) -> list[Problem]:
    """The first :data:`SHOWN_DUPLICATES` warnings of duplicate keys, and one that counts the rest."""
    shown = repeated[:SHOWN_DUPLICATES]
    if len(repeated) > SHOWN_DUPLICATES:
        shown.append(Problem(name, repeated[SHOWN_DUPLICATES].line,
                             f"{len(repeated) - SHOWN_DUPLICATES:,} more duplicate keys after these; the last "
                             "of each is used", "duplicate-key", WARNING))
    return shown


def _properties(name: str, text: str, pos: int, line: int) -> FrontMatter:
    """A Logseq page's properties: the ``key:: value`` lines it starts with (from offset ``pos``,
    file line ``line``), as text; the rest is the body. ``tags:: a, b`` is text as YAML would read
    it (the field map splits keywords). A NUL is read as U+FFFD, with a warning, as in YAML.

    >>> fm = _properties("a.md", "title:: Python/Asyncio\\ntags:: programming, concurrency\\n\\n- the event loop\\n", 0, 1)
    >>> fm.data, fm.body, fm.syntax, fm.key_lines
    ({'title': 'Python/Asyncio', 'tags': 'programming, concurrency'}, '\\n- the event loop\\n', 'properties', {'title': 1, 'tags': 2})
    """
    first = line
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    warnings: list[Problem] = []
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        m = _PROPERTY.match(text[pos:end].strip())
        if m is None:
            break
        key, value = m.group(1).lower(), (m.group(2) or "").strip()
        if "\0" in value:
            value = value.replace("\0", "\ufffd")
            warnings.append(Problem(name, line, f"{key} holds a NUL character (U+0000); it is read as U+FFFD",
                                    "control-character", WARNING))
        data[key] = _page_names(value) if key == "alias" else value
        key_lines[key] = line
        pos, line = end + 1, line + 1
    return FrontMatter(data, text[pos:], PROPERTIES, first, key_lines, warnings)


#: a page's name in a Logseq property's value: a link to it (which may hold a comma), or the text up to a comma;
#: the spaces before it are no part of it (``[[a]], [[b]]``: the second link after ``, ``)
_PAGE_NAME = lazy_compile(r"\s*(?:\[\[([^\[\]\n]+)\]\]|([^,]+))")


def _page_names(value: str) -> list[str]:
    """The pages' names a Logseq ``alias::`` value gives, as Logseq reads it: comma separated, each a
    name or a link to it (its editor writes ``alias:: [[Category Theory]], CT``).

    >>> _page_names("[[Category Theory]], CT"), _page_names("py"), _page_names("[[a, b]]")
    (['Category Theory', 'CT'], ['py'], ['a, b'])
    >>> _page_names("[[op/Protocol]], [[Secret Store]] ")
    ['op/Protocol', 'Secret Store']
    """
    names = ((m.group(1) or m.group(2) or "").strip() for m in _PAGE_NAME.finditer(value))
    return [name for name in names if name]


#: Python-Markdown's metadata lines (its ``meta`` extension, which Pelican reads): ``Key: value``, and
#: lines indented by four spaces or more that go on with the value
_METADATA_LINE = lazy_compile(r"^[ ]{0,3}([A-Za-z0-9_-]+):\s*(.*)$")
_METADATA_MORE = lazy_compile(r"^[ ]{4,}(.*)$")


def _metadata_lines(name: str, text: str, pos: int, line: int) -> FrontMatter:
    """A Pelican page's metadata: the ``Key: value`` lines it starts with (from offset ``pos``, file
    line ``line``), as Python-Markdown's ``meta`` extension reads them: keys lower-cased, a value
    going on in lines indented by four spaces (joined by a space), up to a blank line or a line
    that is neither; the rest is the body. Values are text (the field map splits tags).

    >>> fm = _metadata_lines("a.md", "Title: Hi\\nTags: a, b\\nSummary: one\\n    two\\n\\nText.\\n", 0, 1)
    >>> fm.data, fm.body, fm.syntax, fm.key_lines
    ({'title': 'Hi', 'tags': 'a, b', 'summary': 'one two'}, 'Text.\\n', 'metadata', {'title': 1, 'tags': 2, 'summary': 3})
    """
    first = line
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    warnings: list[Problem] = []
    key = None
    while pos < len(text):
        current, after = _line_at(text, pos)
        m = _METADATA_LINE.match(current)
        more = _METADATA_MORE.match(current) if m is None and key is not None else None
        if m is not None:
            key, value = m.group(1).lower(), m.group(2).strip()
            data[key], key_lines[key] = value, line
        elif more is not None and key is not None:
            data[key] = f"{data[key]} {more.group(1).strip()}".strip()
        else:
            if not current.strip():
                pos, line = after, line + 1  # the blank line that ends the block
            break
        pos, line = after, line + 1
    for key, value in data.items():
        if "\0" in value:
            data[key] = value.replace("\0", "\ufffd")
            warnings.append(Problem(name, key_lines[key], f"{key} holds a NUL character (U+0000); it is read as U+FFFD",
                                    "control-character", WARNING))
    return FrontMatter(data, text[pos:], METADATA, first, key_lines, warnings)


#: a line of a Nikola post's metadata, as Nikola's own extractor (NikolaMetadata.nikola_re) reads it
_NIKOLA_LINE = lazy_compile(r"^\s*\.\. (.*?): (.*)")


def nikola_head(text: str) -> str:
    """The paragraph a Nikola post's text starts with when it holds its metadata (``.. key: value`` lines,
    :func:`_nikola_metadata`), with the blank line under it; ``""`` when it holds none. A reStructuredText
    post's metadata are comments of it, which the page's text is read without.

    >>> nikola_head(".. title: Hi\\n.. tags: a\\n\\nText.\\n"), nikola_head("Text.\\n\\n.. title: x\\n")
    ('.. title: Hi\\n.. tags: a\\n\\n', '')
    """
    start = len(text) - len(text.lstrip("\n"))
    end = text.find("\n\n", start)
    head = text[:len(text) if end < 0 else end + 2]
    return head if any(_NIKOLA_LINE.match(line) for line in head[start:].split("\n")) else ""


def _nikola_metadata(name: str, text: str, pos: int, line: int) -> FrontMatter | None:
    """A Nikola post's metadata, as Nikola's default extractor reads them: the file's first paragraph
    (from offset ``pos``, file line ``line``, up to the first blank line) is its metadata, each line of it
    ``.. key: value`` a field (a Markdown post wraps them in ``<!--`` and ``-->``, its other lines; a field
    without a value, ``.. tags:``, is none); the rest is the body. ``None`` when the paragraph holds no
    such line (a post of no metadata: its text starts there). Values are text (the field map splits tags).

    >>> fm = _nikola_metadata("a.md", "<!--\\n.. title: Hi there\\n.. tags: a, b\\n.. link:\\n-->\\n\\nText.\\n", 0, 1)
    >>> fm.data, fm.body, fm.syntax, fm.key_lines
    ({'title': 'Hi there', 'tags': 'a, b'}, 'Text.\\n', 'nikola', {'title': 2, 'tags': 3})
    >>> _nikola_metadata("a.md", "<!-- a comment -->\\n\\n.. title: x\\n", 0, 1) is None
    True
    """
    end = text.find("\n\n", pos)
    head, rest = (text[pos:], "") if end < 0 else (text[pos:end], text[end + 2:])
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    warnings: list[Problem] = []
    for number, current in enumerate(head.split("\n"), line):
        m = _NIKOLA_LINE.match(current)
        if m is None:
            continue
        key, value = m.group(1).strip(), m.group(2).strip()
        if "\0" in value:
            value = value.replace("\0", "\ufffd")
            warnings.append(Problem(name, number, f"{key} holds a NUL character (U+0000); it is read as U+FFFD",
                                    "control-character", WARNING))
        data[key], key_lines[key] = value, number
    if not key_lines:
        return None
    return FrontMatter(data, rest, NIKOLA, line, key_lines, warnings)


#: a line of a Notion page's property block: a name that starts no Markdown block (a list item, a quote,
#: a table, a heading), ": ", the value as Notion shows it
#: (the value's trailing blanks are stripped after the match: a lazy value before ``[ \t]*$`` backtracks
#: over every run of blanks, quadratic in a long line's)
_NOTION_PROPERTY = lazy_compile(r"^(?!\d+[.)]\s)([^\s#>*+|`\[!<=~-][^:\n]{0,99}?):(?:[ \t]+(.*))?$")
_NOTION_DATE = lazy_compile(r"^([A-Z][a-z]+) (\d{1,2}), (\d{4})(?: (\d{1,2}):(\d{2}) ([AP]M))?$")
#: the months' names in English, as Notion and Logseq write dates (``fields`` too)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def _notion_properties(name: str, text: str, pos: int, line: int) -> FrontMatter | None:
    """A Notion page export's title and properties: its ``# Title`` line (from offset ``pos``, file line
    ``line``), a blank line, then ``Key: value`` lines (a database row's properties, ``Tags: a, b``,
    ``Created: January 5, 2024 3:04 PM``) up to a blank line; ``None`` when the page has no such block
    (a block of one line must end at a blank line: a line ``Note: ...`` alone under a paragraph is text).

    The title is ``title``; keys are lower-cased (``Date Applied``: ``date applied``); values are text,
    but for dates as Notion writes them (``January 5, 2024``, ``... 3:04 PM``), read as dates; the
    rest of the text is the body. A NUL is read as U+FFFD, with a warning, as in YAML.

    >>> fm = _notion_properties("a.md", "# Deploy\\n\\nTags: ops, ci\\nCreated: January 5, 2024 3:04 PM\\n\\nRun it.\\n", 0, 1)
    >>> fm.data, fm.body, fm.key_lines
    ({'tags': 'ops, ci', 'created': datetime.datetime(2024, 1, 5, 15, 4), 'title': 'Deploy'}, '\\nRun it.\\n', {'tags': 3, 'created': 4, 'title': 1})
    """
    heading, pos = _line_at(text, pos)
    title = re.sub(r"[ \t]+#+[ \t]*$", "", heading.strip()[2:]).strip()  # "# Title #": its closing marks
    first, row = line, line + 1
    while pos < len(text) and not _line_at(text, pos)[0].strip():  # the blank line under the title
        pos, row = _line_at(text, pos)[1], row + 1
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    warnings: list[Problem] = []
    while pos < len(text):
        current, after = _line_at(text, pos)
        m = _NOTION_PROPERTY.match(current)
        if m is None:
            break
        key, value = m.group(1).strip().lower(), (m.group(2) or "").rstrip(" \t")
        if "\0" in value:
            value = value.replace("\0", "\ufffd")
            warnings.append(Problem(name, row, f"{key} holds a NUL character (U+0000); it is read as U+FFFD",
                                    "control-character", WARNING))
        data[key] = _notion_date(value)
        key_lines[key] = row
        pos, row = after, row + 1
    if not data or not title or (len(data) == 1 and pos < len(text) and _line_at(text, pos)[0].strip()):
        return None
    data["title"], key_lines["title"] = title, first  # the page's title property, shown as its heading
    return FrontMatter(data, text[pos:], NOTION, first, key_lines, warnings)


#: a line of a Joplin item's properties: a name of letters and ``_``, ": " or ":" at the line's end, the value
_JOPLIN_PROPERTY = lazy_compile(r"^([a-z_]+):(?: (.*))?$")
#: a Joplin item's id: 32 hexadecimal digits, which also name its file (``<id>.md``)
JOPLIN_ID = lazy_compile(r"^[0-9a-f]{32}$")


def joplin_item(text: str) -> FrontMatter | None:
    """A Joplin item as a raw export (or a sync target) writes it: its title on the first line, a blank
    line, its body (a note's text), a blank line, then ``key: value`` lines to the end, ``id`` and
    ``type_`` among them (``type_: 1`` a note, ``2`` a notebook, ``5`` a tag, ``6`` a tag given to a
    note, ``4`` a resource's metadata), read from the end up to the first blank line as Joplin's
    ``BaseItem.unserialize`` reads them; ``None`` when the text does not end so. The data holds the
    properties, values as written, and ``title``; the body is the note's text.

    >>> fm = joplin_item("Shopping\\n\\n- eggs\\n\\nid: 0123456789abcdef0123456789abcdef\\nparent_id: \\ntype_: 1")
    >>> fm.data["title"], fm.data["type_"], fm.data["parent_id"], fm.body, fm.key_lines["type_"]
    ('Shopping', '1', '', '- eggs', 7)
    >>> joplin_item("id: 0123456789abcdef0123456789abcdef\\nnote_id: 1\\ntype_: 6\\n").data["title"]
    ''
    >>> joplin_item("# A note\\n\\nNote: nothing here.\\n") is None
    True
    """
    lines = text.rstrip("\n").split("\n")
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    row = len(lines)
    while row > 0 and lines[row - 1].strip():
        m = _JOPLIN_PROPERTY.match(lines[row - 1].strip())
        if m is None:
            return None
        data.setdefault(m.group(1), (m.group(2) or "").strip())
        key_lines.setdefault(m.group(1), row)
        row -= 1
    if not JOPLIN_ID.match(str(data.get("id", ""))) or not str(data.get("type_", "")).isdigit():
        return None
    head = lines[:max(row - 1, 0)]  # the title, a blank line, the body; the blank line above the properties
    data["title"], key_lines["title"] = (head[0].strip() if head else ""), 1
    return FrontMatter(data, "\n".join(head[2:]), JOPLIN, 1, key_lines, [])


#: a line that holds a snippet's tags in a comment, as 30 seconds of code's CSS and React snippets did
#: in 2018 and 2019, before front matter: ``<!-- tags: visual, interactivity -->``
TAG_COMMENT = lazy_compile(r"^[ \t]*<!--[ \t]*tags:[ \t]*(.*?)[ \t]*-->[ \t]*$", re.M)


def _tag_comment(text: str) -> FrontMatter | None:
    """The tags of a file without front matter that holds a :data:`TAG_COMMENT` line (its first),
    as the front matter ``{"tags": "a, b"}`` (the field map splits them); the whole text is the
    body, the heading that titles it among it; ``None`` without such a line.

    >>> fm = _tag_comment("### Toggle\\n\\nText.\\n\\n<!-- tags: visual, interactivity -->\\n")
    >>> fm.data, fm.syntax, fm.key_lines, fm.body.startswith("### Toggle")
    ({'tags': 'visual, interactivity'}, 'comment', {'tags': 5}, True)
    >>> _tag_comment("### What is a callback?\\n\\n<!-- tags: (node,javascript) -->\\n").data
    {'tags': 'node,javascript'}
    """
    m = TAG_COMMENT.search(text)
    if m is None:
        return None
    line = text.count("\n", 0, m.start()) + 1
    tags = m.group(1)
    if tags.startswith("(") and tags.endswith(")"):  # 30 seconds of interviews': <!-- tags: (node,javascript) -->
        tags = tags[1:-1].strip()
    return FrontMatter({"tags": tags}, text, COMMENT, line, {"tags": line}, [])


def _line_at(text: str, pos: int) -> tuple[str, int]:
    """The line of ``text`` that starts at offset ``pos`` (without its end), and the offset of the next."""
    end = text.find("\n", pos)
    return (text[pos:], len(text)) if end < 0 else (text[pos:end], end + 1)


def _notion_date(value: str) -> Any:
    """A property's value: a date or date and time as Notion writes them, else the text.

    >>> _notion_date("March 3, 2024"), _notion_date("February 30, 2024"), _notion_date("Done")
    (datetime.date(2024, 3, 3), 'February 30, 2024', 'Done')
    """
    m = _NOTION_DATE.match(value)
    if m is None or m.group(1) not in MONTHS:
        return value
    try:
        day = _dt.date(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
        if m.group(4) is None:
            return day
        hour = int(m.group(4)) % 12 + (12 if m.group(6) == "PM" else 0)
        return _dt.datetime(day.year, day.month, day.day, hour, int(m.group(5)))
    except ValueError:
        return value


#: what YAML 1.1 (PyYAML, libyaml) reads as line breaks and YAML 1.2 as text, each with a
#: noncharacter that stands for it while PyYAML reads the front matter
_YAML11_BREAKS = {"\x85": "\ufdd0", "\u2028": "\ufdd1", "\u2029": "\ufdd2"}


def _parse_yaml(name: str, fm_text: str, fm_line: int) -> tuple[Any, dict[str, int], list[Problem]] | Problem:
    """The front matter's data, its keys' lines and warnings; or the problem that stops it.

    A line or paragraph separator (U+2028, U+2029) or a NEL (U+0085) pasted into a title is a
    line break to YAML 1.1, which PyYAML reads, and text to YAML 1.2 (Obsidian's reader): the
    scalar it ended was cut short and the next line's text taken for a key, so the file was lost
    as invalid YAML, with its problems' lines counted from breaks no editor shows. Where the front
    matter is invalid and holds one, it is read again with the character kept as text.

    >>> _parse_yaml("a.md", "title: One\\u2028two\\ntags: [x]\\n", 2)
    ({'title': 'One\\u2028two', 'tags': ['x']}, {'title': 2, 'tags': 3}, [])
    >>> str(_parse_yaml("a.md", "title: One\\u2028two\\ntags: [x\\n", 2))
    "a.md:4: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"
    """
    simple = read_simple(fm_text, fm_line)  # the shape nearly every file has, read without YAML's nodes
    if simple is not None:
        return simple
    parsed = _parse_yaml_once(name, fm_text, fm_line)
    if not isinstance(parsed, Problem) or parsed.code != "yaml":
        return parsed
    swap = {ord(c): k for c, k in _YAML11_BREAKS.items() if c in fm_text and k not in fm_text}
    if not swap:
        return parsed
    again = _parse_yaml_once(name, fm_text.translate(swap), fm_line)
    if isinstance(again, Problem):  # its line counts only the file's own line breaks
        return again
    back = {ord(k): c for c, k in _YAML11_BREAKS.items()}
    data, key_lines, warnings = again
    return _text_restored(data, back), key_lines, warnings


def _text_restored(value: Any, table: dict[int, str]) -> Any:
    """``value`` with every text in it (keys too) translated by ``table``."""
    if isinstance(value, str):
        return value.translate(table)
    if isinstance(value, dict):
        return {_text_restored(k, table): _text_restored(v, table) for k, v in value.items()}
    if isinstance(value, list):
        return [_text_restored(v, table) for v in value]
    return value


def _parse_yaml_once(name: str, fm_text: str, fm_line: int) -> tuple[Any, dict[str, int], list[Problem]] | Problem:
    loader = FrontMatterLoader(fm_text)
    anchors = "&" in fm_text  # without an anchor there is no alias: the nodes are a tree
    try:
        node = loader.get_single_node()
        deep = (_too_deep(node) if anchors else _too_deep_tree(node)) if node is not None else None
        if deep is not None:
            return Problem(name, fm_line + deep.start_mark.line,
                           f"front matter nested more than {MAX_DEPTH} levels deep (or an alias that contains "
                           "itself)", "syntax")
        impossible: list[Problem] = _foreign_tags(name, node, fm_line) + _unreadable_tagged(name, loader, node, fm_line) \
            if node is not None and "!" in fm_text else []
        own = _own_pairs(node) if "<<" in fm_text else None  # before construction merges into the mappings
        try:
            data = _construct(loader, node, anchors) if node is not None else None
        except ValueError:  # a date that is not one (2025-02-30): named, and read as the text it is
            dates = _impossible_dates(name, loader, node, fm_line) if node is not None else []
            if not dates:
                raise
            impossible = sorted(impossible + dates)
            loader.constructed_objects, loader.recursive_objects, loader.state_generators = {}, {}, []
            data = _construct(loader, node, anchors)
    except yaml.YAMLError as exc:
        return _yaml_problem(name, exc, fm_line, fm_text)
    except (ValueError, TypeError, OverflowError, RecursionError, LookupError, AttributeError) as exc:
        return Problem(name, fm_line, f"invalid front matter: {exc}", "syntax")  # constructors on odd scalars
    finally:
        loader.dispose()
    key_lines: dict[str, int] = {}
    warnings: list[Problem] = impossible
    if getattr(loader, "long_numbers", None):
        warnings = sorted(warnings + _long_numbers(name, loader, node, fm_line))
    if isinstance(node, yaml.MappingNode):
        repeated: list[Problem] = []
        _key_lines(name, node, "", fm_line, key_lines, repeated, own)
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and isinstance(value_node, yaml.MappingNode):
                _key_lines(name, value_node, f"{key_node.value}.", fm_line, key_lines, repeated, own)
                _item_lines(value_node, f"{key_node.value}.", fm_line, key_lines)
        _item_lines(node, "", fm_line, key_lines)
        warnings = warnings + _shown_duplicates(name, repeated)
    return data, key_lines, warnings


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _impossible_dates(name: str, loader: Any, root: yaml.Node, fm_line: int) -> list[Problem]:
    """The scalars of ``root`` that YAML reads as dates but that are none (``2025-02-30``,
    ``2025-13-01``): each made text (its tag changed in place), with a warning on its line.

    YAML has no way to write such a date, so the loader stopped at the first and the whole file
    was rejected, with the line of the front matter's start.
    """
    found: list[Problem] = []
    for node, key in _scalars(root):
        if node.tag == _TIMESTAMP:
            try:
                loader.construct_yaml_timestamp(node)
            except ValueError as exc:
                node.tag = _STR
                where = f"{key}: " if key else ""
                found.append(Problem(name, fm_line + node.start_mark.line,
                                     f"{where}{node.value!r} is not a date ({exc}); read as text", "date", WARNING))
    return sorted(found)


#: the tags the front matter loader reads (YAML's own safe ones); a key may also be a merge key (``<<``) or
#: a value key (``=``), which the loader reads before it constructs
_KNOWN_TAGS = frozenset(tag for tag in FrontMatterLoader.yaml_constructors if tag is not None)
_KEY_TAGS = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"})
_PLAIN_TAGS = {yaml.ScalarNode: (_STR, "text"), yaml.SequenceNode: (_SEQ, "list"), yaml.MappingNode: (_MAP, "mapping")}


def _foreign_tags(name: str, root: yaml.Node, fm_line: int) -> list[Problem]:
    """The nodes of ``root`` tagged with a tag the loader does not read (a site's own ``!secret`` or
    ``!include``, Ruby's ``!ruby/object:Date``, ``!!python/object``): each made the plain text, list
    or mapping it is written as (its tag changed in place), with a warning on its line.

    The safe loader refuses such a tag (it constructs no object), and the whole front matter was
    then ignored for one value: the article lost its title, subject and keywords.

    >>> loader = FrontMatterLoader("title: T\\nwhen: !ruby/object:Date 2024-01-02\\ntags: !list [a, b]\\n")
    >>> node = loader.get_single_node()
    >>> for problem in _foreign_tags("a.md", node, 2):
    ...     print(problem)
    a.md:3: warning: when: the tag '!ruby/object:Date' is not one qagraph reads: read as plain text
    a.md:4: warning: tags: the tag '!list' is not one qagraph reads: read as a plain list
    >>> loader.construct_document(node)
    {'title': 'T', 'when': '2024-01-02', 'tags': ['a', 'b']}
    """
    found: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, str, bool]] = [(root, "", False)]
    while stack:
        node, key, is_key = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if node.tag not in _KNOWN_TAGS and not (is_key and node.tag in _KEY_TAGS):
            tag, plain = _PLAIN_TAGS[type(node)]
            shown = node.tag if len(node.tag) <= 60 else node.tag[:60] + "..."
            shown = shown.replace("tag:yaml.org,2002:", "!!")
            where = f"{key}: " if key else ""
            article = "" if plain == "text" else "a "
            found.append(Problem(name, fm_line + node.start_mark.line,
                                 f"{where}the tag {shown!r} is not one qagraph reads: read as {article}plain {plain}",
                                 "tag", WARNING))
            node.tag = tag
        if isinstance(node, yaml.MappingNode):
            for k, value in node.value:
                stack.append((value, str(k.value) if isinstance(k, yaml.ScalarNode) else key, False))
                stack.append((k, key, True))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, key, False) for child in reversed(node.value))
    return sorted(found)


#: YAML's own scalar tags whose constructor may refuse the text an explicit tag puts under it, and what it is
_TAGGED_KINDS = {"tag:yaml.org,2002:int": "an integer", "tag:yaml.org,2002:float": "a number",
                 "tag:yaml.org,2002:bool": "a boolean", "tag:yaml.org,2002:timestamp": "a date"}


def _unreadable_tagged(name: str, loader: Any, root: yaml.Node, fm_line: int) -> list[Problem]:
    """The scalars of ``root`` tagged as a number, boolean or date (``!!bool maybe``, ``!!int x``,
    ``!!timestamp soon``, an empty ``!!int``) that are none: each made text (its tag changed in place),
    with a warning on its line. Their constructors raised a KeyError, an AttributeError or an
    IndexError, which stopped the whole build, or a ValueError that rejected the file for one value.
    A date that is not one (``2025-02-30``) is :func:`_impossible_dates`' to say.

    >>> loader = FrontMatterLoader("title: T\\nok: !!bool maybe\\nn: !!int\\nd: !!timestamp soon\\nf: !!float 1.5\\n")
    >>> node = loader.get_single_node()
    >>> for problem in _unreadable_tagged("a.md", loader, node, 2):
    ...     print(problem)
    a.md:3: warning: ok: 'maybe' is not a boolean (tagged !!bool); read as text
    a.md:4: warning: n: '' is not an integer (tagged !!int); read as text
    a.md:5: warning: d: 'soon' is not a date (tagged !!timestamp); read as text
    >>> loader.construct_document(node)
    {'title': 'T', 'ok': 'maybe', 'n': '', 'd': 'soon', 'f': 1.5}
    """
    found = []
    for node, key in _scalars(root):
        kind = _TAGGED_KINDS.get(node.tag)
        if kind is None:
            continue
        try:
            loader.yaml_constructors[node.tag](loader, node)
        except ValueError:
            if node.tag == _TIMESTAMP:  # written as a date, but no day: _impossible_dates says it
                continue
        except (LookupError, AttributeError, TypeError, OverflowError):
            pass
        else:
            continue
        where = f"{key}: " if key else ""
        shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
        found.append(Problem(name, fm_line + node.start_mark.line, f"{where}{shown!r} is not {kind} (tagged "
                             f"{node.tag.replace('tag:yaml.org,2002:', '!!')}); read as text", "tag", WARNING))
        node.tag = _STR
    return sorted(found)


def _long_numbers(name: str, loader: Any, root: yaml.Node, fm_line: int) -> list[Problem]:
    """A warning on the line of each number the loader read as text for its length
    (:meth:`FrontMatterLoader.construct_yaml_int`)."""
    long_numbers: dict[int, yaml.ScalarNode] = getattr(loader, "long_numbers", {})
    found = []
    for node, key in _scalars(root):
        if id(node) in long_numbers:
            where = f"{key}: " if key else ""
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
            found.append(Problem(name, fm_line + node.start_mark.line,
                                 f"{where}the number {shown!r} has more than {_MAX_DIGITS:,} digits (in decimal); "
                                 "read as text", "number", WARNING))
    return sorted(found)


def _scalars(root: yaml.Node) -> Iterator[tuple[yaml.ScalarNode, str]]:
    """Each scalar node under ``root`` once (keys too), with the key it is the value of (or in)."""
    seen: set[int] = set()
    stack = [(root, "")]
    while stack:
        node, key = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            yield node, key
        elif isinstance(node, yaml.MappingNode):
            for k, value in node.value:
                stack.append((value, str(k.value) if isinstance(k, yaml.ScalarNode) else key))
                stack.append((k, key))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, key) for child in node.value)
#: key tags whose keys :func:`_plain` builds (the loader makes ``<<`` and ``=`` keys special)
_PLAIN_KEY_TAGS = frozenset({_STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool",
                             "tag:yaml.org,2002:timestamp"})


class _Unusual(Exception):
    """A document :func:`_plain` leaves to the loader's own construction."""


def _construct(loader: Any, node: yaml.Node, anchors: bool) -> Any:
    """``loader.construct_document(node)``, built here for the plain trees front matter is.

    PyYAML constructs each node through a generic, state-keeping walk; front matter is nearly
    always text, mappings and lists, which :func:`_plain` builds directly (other scalars, such
    as numbers and dates, still by the loader). A document that may have ``anchors`` (an
    alias makes two places one object), tags, merge keys, keys that are not scalars, or any
    error goes to the loader's own walk, from a clean state: the results and errors are its.
    On the generated 36k corpus, constructing every front matter took 0.52 s instead of 1.89 s.
    """
    if not anchors:
        try:
            return _plain(loader, node)
        except Exception:  # noqa: BLE001 - the loader's walk says what is wrong, as it always did
            loader.constructed_objects, loader.recursive_objects, loader.state_generators = {}, {}, []
    return loader.construct_document(node)


def _plain(loader: Any, node: yaml.Node) -> Any:
    """The value of a node of a tree without aliases; :class:`_Unusual` where the loader must build it."""
    kind = type(node)
    if kind is yaml.ScalarNode:
        if node.tag == _STR:
            return node.value
        return loader.construct_object(node)  # numbers, booleans, null, dates: the loader's rules
    if kind is yaml.MappingNode:
        if node.tag != _MAP:
            raise _Unusual
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode or key_node.tag not in _PLAIN_KEY_TAGS:
                raise _Unusual  # a merge key (<<), a value key (=), a key that is a mapping or list
            mapping[_plain(loader, key_node)] = _plain(loader, value_node)
        return mapping
    if kind is yaml.SequenceNode and node.tag == _SEQ:
        return [_plain(loader, child) for child in node.value]
    raise _Unusual


def _too_deep(root: yaml.Node) -> yaml.Node | None:
    """The first node more than :data:`MAX_DEPTH` levels down, or ``None``.

    Nodes an alias shares are walked again only when reached deeper than before, so an
    alias bomb costs its distinct nodes, and an alias inside itself is too deep.
    """
    deepest: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return node
        if deepest.get(id(node), 0) >= depth:
            continue
        deepest[id(node)] = depth
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
    return None


def _too_deep_tree(root: yaml.Node) -> yaml.Node | None:
    """:func:`_too_deep` of a document without anchors, whose nodes are a tree: level by
    level, scalars left out (the walk every file takes, so kept short)."""
    level = [root]
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            return level[0]
        below: list[yaml.Node] = []
        for node in level:
            kind = type(node)
            if kind is yaml.MappingNode:
                below += [child for pair in node.value for child in pair if type(child) is not yaml.ScalarNode]
            elif kind is yaml.SequenceNode:
                below += [child for child in node.value if type(child) is not yaml.ScalarNode]
        level = below
        depth += 1
    return None


#: a run of digits that may be a number too long to write in decimal (the shortest: 3,572 hexadecimal digits);
#: looked for from the start of each run only, or each shorter run would be read again from each of its characters
_LONG_DIGITS = lazy_compile(r"(?<![0-9A-Fa-f_])[0-9A-Fa-f_]{3500,}")


def _has_long_number(root: Any) -> bool:
    """Whether a number in ``root`` has more decimal digits than Python writes (a TOML ``0x`` of 4,000 digits)."""
    stack = [root]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, int) and value.bit_length() >= _MAX_DIGITS * 3:
            try:
                str(value)
            except ValueError:
                return True
    return False


def _value_too_deep(root: Any) -> bool:
    """Whether lists and tables in ``root`` nest more than :data:`MAX_DEPTH` levels."""
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return True
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)
    return False


def _own_pairs(node: yaml.Node | None) -> dict[int, list[tuple[yaml.Node, yaml.Node]]]:
    """The key and value nodes that the mapping ``node`` and each mapping among its values write
    themselves, by ``id``: constructing them merges in the pairs of their ``<<`` keys, which are
    no duplicates (a key of its own wins over a merged one)."""
    own: dict[int, list[tuple[yaml.Node, yaml.Node]]] = {}
    if isinstance(node, yaml.MappingNode):
        own[id(node)] = list(node.value)
        for _, value_node in node.value:
            if isinstance(value_node, yaml.MappingNode):
                own[id(value_node)] = list(value_node.value)
    return own


def _key_lines(name: str, node: yaml.MappingNode, prefix: str, fm_line: int, key_lines: dict[str, int],
               warnings: list[Problem], own: dict[int, list[tuple[yaml.Node, yaml.Node]]] | None = None) -> None:
    """Record the line of each plain key of ``node``; a key given twice is a warning (YAML keeps the last).
    With ``own`` (:func:`_own_pairs`), only the keys ``node`` writes itself are told apart as duplicates;
    a key merged in (``<<: *base``) has the line of the mapping it comes from, unless ``node`` sets it."""
    seen: dict[Any, tuple[int, str]] = {}
    pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
    if own is not None and id(node) in own:
        pairs = own[id(node)]
    for key_node, _ in pairs:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key, line = str(key_node.value), fm_line + key_node.start_mark.line
        same = _key_read(key_node)  # 1 and "1" are two keys; null and ~, true and 1 one
        if same in seen:
            before, spelled = seen[same]
            also = f"also on line {before}" + (f" as {spelled}" if spelled != key else "")
            warnings.append(Problem(name, line, f"duplicate key {prefix}{key} ({also}); "
                                                "the last one is used", "duplicate-key", WARNING))
        seen[same] = (line, key)
        key_lines[f"{prefix}{key}"] = line
    if pairs is not node.value:
        for key_node, _ in node.value:  # the keys merged in
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key_lines.setdefault(f"{prefix}{key_node.value}", fm_line + key_node.start_mark.line)


def _item_lines(node: yaml.MappingNode, prefix: str, fm_line: int, key_lines: dict[str, int]) -> None:
    """Record the line of each item of the lists that are values of ``node``, as ``key[i]``, where it
    is not the line of its key (the keywords of ``tags:`` written one a line are each on a line of
    their own, which a problem with one of them names; those of ``tags: [a, b]`` are on the key's);
    and of a text that starts below its key (a block, ``keywords: >-``), as ``key[0]``.
    A list another key also gives (an alias) has the lines it is written on."""
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = f"{prefix}{key_node.value}"
        if key_lines.get(key) != fm_line + key_node.start_mark.line:
            continue  # a key given twice: the last one is used
        if isinstance(value_node, yaml.SequenceNode):
            items = [(i, item.start_mark.line) for i, item in enumerate(value_node.value)]
        elif isinstance(value_node, yaml.ScalarNode):  # a block's text starts on the line after its > or |
            items = [(0, value_node.start_mark.line + (value_node.style in (">", "|")))]
        else:
            continue
        for i, at in items:
            if fm_line + at != key_lines[key]:
                key_lines[f"{key}[{i}]"] = fm_line + at


_KEY_READER = yaml.constructor.SafeConstructor()
_KEYS_READ = {"tag:yaml.org,2002:null": _KEY_READER.construct_yaml_null,
              "tag:yaml.org,2002:bool": _KEY_READER.construct_yaml_bool,
              "tag:yaml.org,2002:int": _KEY_READER.construct_yaml_int,
              "tag:yaml.org,2002:timestamp": _KEY_READER.construct_yaml_timestamp}


def _key_read(node: yaml.ScalarNode) -> Any:
    """What a mapping's key ``node`` is once read, as the mapping tells keys apart: ``null`` and ``~``
    are one key (None), and so are ``1`` and ``0x1``, or ``true`` and ``1`` (Python's True equals 1);
    the later one's value replaced the earlier's without a word. Text is text ("1" is not 1); a key
    that does not read (a number too long, a date that is none) or of another tag is its tag and text.

    >>> [_key_read(yaml.compose(k)) for k in ("~", "0x1", "true", "'1'", "2024-01-01")]
    [None, 1, True, '1', datetime.date(2024, 1, 1)]
    """
    read = _KEYS_READ.get(node.tag)
    if read is not None:
        try:
            return read(node)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            pass
    elif node.tag == "tag:yaml.org,2002:str":
        return node.value
    return (node.tag, node.value)


#: a UTF-16 surrogate written as an escape (``\\ud83d``), and the low one after it when it is a pair
_SURROGATE_ESCAPE = lazy_compile(r"\\u([dD][89a-fA-F][0-9a-fA-F]{2})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?")


def _surrogate_escape(fm_text: str, row: int, column: int) -> str | None:
    """What is wrong with the escape of a UTF-16 surrogate libyaml stopped at (line ``row``, ``column``
    of ``fm_text``), which it calls "invalid": a character written as JSON writes it, as a pair
    (``\\ud83d\\ude00``: YAML, Hugo's and Jekyll's included, reads no pair), or half of one.

    >>> print(_surrogate_escape('title: "Hi \\\\ud83d\\\\ude00"', 0, 13))
    invalid YAML: \\ud83d\\ude00 is one character (😀) written as a UTF-16 pair, as JSON writes it, which YAML does not read: write it as \\U0001F600 or as the character itself
    >>> print(_surrogate_escape('title: "\\\\udc00"', 0, 10))
    invalid YAML: \\udc00 is half of a UTF-16 pair (a lone surrogate), not a character
    """
    lines = fm_text.split("\n", row + 1)
    if row >= len(lines):
        return None
    found = _SURROGATE_ESCAPE.search(lines[row], max(0, column - 3))
    if found is None or found.start() > column:
        return None
    high = int(found.group(1), 16)
    if found.group(2) is None or high >= 0xDC00:
        return f"invalid YAML: {_HALF % found.group()[:6]}"
    char = chr(0x10000 + ((high - 0xD800) << 10) + int(found.group(2), 16) - 0xDC00)
    return (f"invalid YAML: {found.group()} is one character ({char}) written as a UTF-16 pair, as JSON writes it, "
            f"which YAML does not read: write it as \\U{ord(char):08X} or as the character itself")


def _yaml_problem(name: str, exc: yaml.YAMLError, fm_line: int, fm_text: str) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = fm_line + mark.line if mark is not None else fm_line
    if isinstance(exc, yaml.reader.ReaderError):  # no mark; libyaml gives the byte offset
        line = fm_line + fm_text.encode("utf-8", "surrogatepass")[: exc.position].count(b"\n")
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    if problem == "found invalid Unicode character escape code" and mark is not None:
        message = _surrogate_escape(fm_text, mark.line, mark.column) or message
    if mark is not None and "tab" not in problem and "\t" in fm_text:
        row = fm_text.split("\n", mark.line + 1)[mark.line] if mark.line <= fm_text.count("\n") else ""
        if "\t" in row[:len(row) - len(row.lstrip())][:mark.column + 1]:  # "cannot start any token": a tab
            message += "; a tab indents the line, and YAML indents with spaces only"
    if problem in ("mapping values are not allowed in this context", "mapping values are not allowed here") \
            and mark is not None:  # libyaml's words, PyYAML's own
        row = fm_text.split("\n", mark.line + 1)[mark.line] if mark.line <= fm_text.count("\n") else ""
        unquoted = _UNQUOTED_VALUE.match(row[:mark.column])
        if unquoted:  # title: What is X: a review? (as libyaml, Go's and Ruby's YAML all refuse it)
            message += (f"; the value of {unquoted.group(1)} holds a colon that a space or the line's end follows, "
                        "which starts a mapping: put the value in quotes, or fold it (>-)")
    return Problem(name, line, message, "yaml")


#: a line's text up to a colon that YAML read as a mapping's: a key and a plain (unquoted) value before it
_UNQUOTED_VALUE = lazy_compile(r"\s*(?:-\s+)?([^\s'\"#:][^:]*?)\s*:[ \t]+(?=[^\s'\"|>&*!\[{#])")


def _parse_toml(name: str, fm_text: str, fm_line: int) -> tuple[Any, dict[str, int], list[Problem]] | Problem:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib
        except ModuleNotFoundError:
            return Problem(name, fm_line, "TOML front matter needs Python 3.11 or the 'tomli' package", "syntax")
    outcome: list[Any] = []

    def parse() -> None:
        try:
            outcome.append(tomllib.loads(fm_text))
        except (ValueError, RecursionError) as exc:  # tomllib.TOMLDecodeError is a ValueError
            outcome.append(exc)

    if fm_text.count("[") + fm_text.count("{") <= MAX_DEPTH:
        parse()
    else:  # tomllib recurses: on a stack of its own it runs out at the same depth wherever it is called from
        worker = threading.Thread(target=parse, name="qagraph-toml")
        worker.start()
        worker.join()
    data = outcome[0]
    long_number = _MAX_DIGITS and _LONG_DIGITS.search(fm_text)
    if long_number and (_has_long_number(data) if not isinstance(data, BaseException)
                        else not isinstance(data, tomllib.TOMLDecodeError) and isinstance(data, ValueError)):
        return Problem(name, fm_line + fm_text.count("\n", 0, long_number.start()),
                       f"invalid TOML: a number of more than {_MAX_DIGITS:,} digits (in decimal); write it as a string",
                       "syntax")
    if isinstance(data, BaseException):
        at = re.search(r"\(at line (\d+)", str(data))
        where = fm_line + int(at.group(1)) - 1 if at else fm_line
        message = str(data).split(" (at line", 1)[0]
        return Problem(name, where, f"invalid TOML: {message}", "syntax")
    if _value_too_deep(data):
        return Problem(name, fm_line, f"front matter nested more than {MAX_DEPTH} levels deep", "syntax")
    key_lines: dict[str, int] = {}
    lists: dict[str, int] = {}  # where the lists of the top-level keys start, before any table
    read = 0  # the characters of the lines before this one
    for offset, raw in enumerate(fm_text.split("\n")):
        m = re.match(r"\s*(?:\[\s*([A-Za-z0-9_.-]+)\s*\]|([A-Za-z0-9_-]+)\s*=\s*)", raw)
        if m:
            key_lines.setdefault(m.group(1) or m.group(2), fm_line + offset)
            if m.group(1):
                lists[""] = -1  # a table: the keys below are its own
            elif "" not in lists and isinstance(data.get(m.group(2)), list) and raw.startswith("[", m.end()):
                lists.setdefault(m.group(2), read + m.end())
        read += len(raw) + 1
    lists.pop("", None)
    for key, start in lists.items():
        for i, pos in enumerate(_toml_items(fm_text, start)):
            line = fm_line + fm_text.count("\n", 0, pos)
            if line != key_lines[key]:
                key_lines[f"{key}[{i}]"] = line
    return data, key_lines, []


#: the start of each kind of TOML value that is no array or inline table, and where it ends: a multi-line
#: string (its closing quotes), a string (its closing quote, past escapes), anything else (a number, a date, a
#: boolean: before the next comma, bracket, comment or space)
_TOML_VALUE = lazy_compile(r'"""[\s\S]*?"""(?!")|\'\'\'[\s\S]*?\'\'\'(?!\')|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|[^\s,\]\[{}#]+')
_TOML_BETWEEN = lazy_compile(r"(?:[\s,]|#[^\n]*)*")  # between the items of an array: spaces, commas, comments
_TOML_KEY = lazy_compile(r'(?:"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|[A-Za-z0-9_.-]+)\s*=\s*')  # an inline table's key


def _toml_items(fm_text: str, start: int) -> Iterator[int]:
    """Where each item of the TOML array that starts at ``start`` (its ``[``) starts (the text is known
    to be TOML that reads); nothing more once an item is not of a shape read here.

    >>> text = 'tags = [\\n  "a", # one\\n  \\'b\\', [1,\\n 2],\\n  {x = "]"}, 3 ]'
    >>> [text.count("\\n", 0, pos) + 1 for pos in _toml_items(text, 7)]
    [2, 3, 3, 5, 5]
    """
    pos = start + 1
    while True:
        pos = _TOML_BETWEEN.match(fm_text, pos).end()  # type: ignore[union-attr]  # matches anywhere
        if pos >= len(fm_text) or fm_text[pos] == "]":
            return
        yield pos
        end = _toml_skip(fm_text, pos)
        if end is None:
            return
        pos = end


def _toml_skip(fm_text: str, pos: int, depth: int = 0) -> int | None:
    """Where the TOML value that starts at ``pos`` ends; ``None`` for one not read here."""
    if depth > MAX_DEPTH:
        return None
    if fm_text[pos] in "[{":
        close = "]" if fm_text[pos] == "[" else "}"
        pos += 1
        while True:
            pos = _TOML_BETWEEN.match(fm_text, pos).end()  # type: ignore[union-attr]  # matches anywhere
            if pos >= len(fm_text):
                return None
            if fm_text[pos] == close:
                return pos + 1
            if close == "}" and (key := _TOML_KEY.match(fm_text, pos)):
                pos = key.end()  # an inline table's key
            end = _toml_skip(fm_text, pos, depth + 1)
            if end is None:
                return None
            pos = end
    m = _TOML_VALUE.match(fm_text, pos)
    return m.end() if m else None
