"""The front matter nearly every file has, read without YAML's node tree; anything else left to PyYAML.

PyYAML's C parser still hands each node to Python (its resolver, a node object), and the loader
then builds the value from those nodes: on the generated 36,000-article corpus, about 60 nodes a
file and 0.8x the time of the floor itself. Front matter is nearly always one shape: keys at the
start of a line, each with one plain or quoted text, a folded or literal block of text, a mapping
of such keys one level in (``seo:``, ``related_article1:``) or a list of such texts (``tags:``, one
item a line or ``[a, b]``).
:func:`read_simple` reads that shape line by line and gives what
:func:`qagraph.frontmatter._parse_yaml` gives for it (value, and each key's line); for anything
else it gives ``None``, and the file is read by PyYAML as before: comments, tabs, escapes, anchors,
tags, flow mappings and lists but of plain texts, text over several lines but in a block, a key given twice, a number or date
its constructor refuses, characters YAML 1.1 reads as line breaks or refuses. What it accepts, and
how it reads it, is checked against PyYAML on generated documents (``tests/test_plainyaml.py``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import yaml

from .regex import lazy_compile

__all__ = ["read_simple"]

#: a key at the start of a line (after its indentation): a name, no quote, space or indicator
_KEY = lazy_compile(r"( *)([A-Za-z_][A-Za-z0-9_.-]*):(?: |$)")
_INDENT = lazy_compile(" *")
_SINGLE = lazy_compile(r"'((?:[^']|'')*)'")
_DOUBLE = lazy_compile(r'"([^"\\]*)"')
#: first characters of a value that make it something other than plain text (or text this reader
#: leaves to PyYAML): flow collections, anchors, aliases, tags, directives, comments, reserved ones
_INDICATORS = frozenset("[]{}&*!%@`#,?:|>")
_BLOCK_HEADERS = {">-": (" ", ""), ">": (" ", "\n"), "|-": ("\n", ""), "|": ("\n", "\n")}
#: deeper than real front matter goes (2 or 3 levels): left to PyYAML and its depth check
_MAX_DEPTH = 8


class _NotSimple(Exception):
    """The front matter is not of the shape :func:`read_simple` reads."""


def read_simple(fm_text: str, fm_line: int) -> tuple[dict[str, Any], dict[str, int], list[Any]] | None:
    """``fm_text`` read as :func:`qagraph.frontmatter._parse_yaml` reads it (value, the lines of its
    keys and of those one level in, no warnings), when it is of the plain shape this module
    reads; ``None`` otherwise. ``fm_line`` is the file line of its first line.

    >>> read_simple("title: One\\nseo:\\n  keywords: >-\\n    a, b,\\n    c\\ntags:\\n- x\\n- 'y'\\n", 2)
    ({'title': 'One', 'seo': {'keywords': 'a, b, c'}, 'tags': ['x', 'y']}, {'title': 2, 'seo': 3, 'seo.keywords': 4, 'seo.keywords[0]': 5, 'tags': 7, 'tags[0]': 8, 'tags[1]': 9}, [])
    >>> read_simple("title: One # a comment\\n", 2) is None
    True
    """
    # what Python prints as itself is all YAML reads as text: no tab or carriage return, none of YAML
    # 1.1's other line breaks (NEL, U+2028, U+2029), no byte-order mark, nothing YAML refuses (controls,
    # lone surrogates, U+FFFE), and no other space than the space (U+00A0 and the like: left to PyYAML)
    if not fm_text.endswith("\n") or not fm_text.replace("\n", " ").isprintable():
        return None
    lines = fm_text.split("\n")
    lines.pop()  # after the last line break
    key_lines: dict[str, int] = {}
    try:
        data, end = _mapping(lines, 0, 0, 0, "", fm_line, key_lines)
    except _NotSimple:
        return None
    return (data, key_lines, []) if data and end == len(lines) else None  # no key (a comment): PyYAML's


def _mapping(lines: list[str], i: int, column: int, depth: int, prefix: str, fm_line: int,
             key_lines: dict[str, int]) -> tuple[dict[str, Any], int]:
    """The mapping whose keys start at ``column`` from line ``i``, and the line after it."""
    if depth > _MAX_DEPTH:
        raise _NotSimple
    mapping: dict[str, Any] = {}
    n = len(lines)
    # the loop runs once a key (30 a file at 36k): the calls it makes are a third of the reading, so
    # the blank lines (few) are passed over here and a key's plainness read from its cache here
    while i < n:
        line = lines[i]
        if not line or line.isspace():
            i += 1
            continue
        found = _KEY.match(line)
        if found is None:  # a comment, a key of another kind, text going on from the line before, ...
            raise _NotSimple
        indent, key = found.groups()
        at = len(indent)
        if at < column:  # the next key of a mapping this one is in
            break
        if at > column or key in mapping:  # a key twice (a warning)
            raise _NotSimple
        plain = _KEYS.get(key)
        if not (plain if plain is not None else _plain_key(key)):  # one read as null or true
            raise _NotSimple
        if depth < 2:  # the lines qagraph keeps: of each key, and of the keys one level in
            key_lines[prefix + key] = fm_line + i
        rest = line[found.end():].strip(" ")
        header = _BLOCK_HEADERS.get(rest)
        if header is not None:
            if depth < 2:  # its text starts on the next line
                key_lines[f"{prefix}{key}[0]"] = fm_line + i + 1
            mapping[key], i = _block(lines, i + 1, column, *header)
        elif rest:  # more indented lines below: the loop's next line says no
            mapping[key], i = _flow_list(rest) if rest[0] == "[" else _scalar(rest), i + 1
        else:
            j = _filled(lines, i + 1)
            below = _INDENT.match(lines[j]).end() if j < n else -1  # type: ignore[union-attr]  # matches anywhere
            if below >= column and lines[j].startswith("-", below):  # a list, at the key's column or in
                mapping[key], i = _sequence(lines, j, below)
                if depth < 2:  # and the line of each item, as key[i] (it is on a line of its own)
                    key_lines.update((f"{prefix}{key}[{n}]", fm_line + line) for n, line in
                                     enumerate(k for k in range(j, i) if lines[k] and not lines[k].isspace()))
            elif below > column:
                mapping[key], i = _mapping(lines, j, below, depth + 1, f"{key}.", fm_line, key_lines)
            else:
                mapping[key], i = None, i + 1  # "key:" and nothing below: null
    return mapping, i


def _filled(lines: list[str], i: int) -> int:
    """The first line from ``i`` on that is not blank (``len(lines)`` when none is)."""
    while i < len(lines) and (not lines[i] or lines[i].isspace()):
        i += 1
    return i


def _sequence(lines: list[str], i: int, column: int) -> tuple[list[Any], int]:
    """The list of ``- text`` items at ``column`` from line ``i``, one a line, and the line after it."""
    items: list[Any] = []
    while (i := _filled(lines, i)) < len(lines):
        line = lines[i]
        at = _INDENT.match(line).end()  # type: ignore[union-attr]  # matches anywhere
        if at < column or (at == column and line[at] != "-"):  # the next key of the mapping the list is in
            break
        if at > column or not line.startswith("- ", at):  # an item going on below, "-" alone, "-x"
            raise _NotSimple
        rest = line[at + 2:].strip(" ")
        if not rest or rest[0] == "-" or ": " in rest or rest[-1] == ":":  # a list or mapping in an item
            raise _NotSimple
        items.append(_scalar(rest))
        i += 1
    return items, i


def _block(lines: list[str], i: int, column: int, join: str, end: str) -> tuple[str, int]:
    """A folded (``>``, lines joined by a space) or literal (``|``, by a line break) block of text from
    line ``i``, more indented than ``column``; its lines all indented alike, without trailing spaces
    (a blank line ends it: any more of it below is more indented than a key, which the caller refuses)."""
    first = lines[i] if i < len(lines) else ""
    indent = _INDENT.match(first).end()  # type: ignore[union-attr]  # matches anywhere
    if indent <= column or indent == len(first):  # empty, or a first line of spaces
        raise _NotSimple
    pad = " " * indent
    texts = []
    for line in lines[i:]:
        if not line.startswith(pad):  # less indented, or blank
            break
        if len(line) == indent or line[indent] == " " or line[-1] == " ":
            raise _NotSimple  # spaces only, more indented (kept as is by YAML), trailing spaces
        texts.append(line[indent:])
    return join.join(texts) + end, i + len(texts)


def _flow_list(text: str) -> list[Any]:
    """A list written on one line, ``[a, 'b', "c"]`` (Hugo's and Hexo's tags): its items texts as
    :func:`_scalar` reads them. Items with a bracket, brace, colon or question mark (which end a plain
    scalar in a list so written, as libyaml's versions differ on), and empty ones (``[a,,b]``, a
    trailing comma) are left to PyYAML."""
    inner = text[1:-1].strip(" ")
    if text[-1] != "]" or " #" in text or any(c in inner for c in "[]{}:?"):
        raise _NotSimple
    if not inner:
        return []
    items = [item.strip(" ") for item in inner.split(",")]
    if not all(items):
        raise _NotSimple
    return [_scalar(item) for item in items]


def _scalar(text: str) -> Any:
    """A value written on one line (without the spaces around it): quoted text, or a plain scalar."""
    first = text[0]
    if first == "'":
        quoted = _SINGLE.fullmatch(text)
        if quoted is None:  # over several lines, or text after the closing quote
            raise _NotSimple
        return quoted.group(1).replace("''", "'")
    if first == '"':
        quoted = _DOUBLE.fullmatch(text)
        if quoted is None:  # escapes, over several lines, or text after the closing quote
            raise _NotSimple
        return quoted.group(1)
    if first in _INDICATORS or (first == "-" and text[1:2] in ("", " ")) or ": " in text or " #" in text \
            or text[-1] == ":":
        raise _NotSimple
    if first not in _RESOLVED_FIRST:
        return text
    if text.isdecimal() and text.isascii() and first != "0" and len(text) < 19:  # an id: YAML's int, surely
        return int(text)
    return _resolved(text)


#: the first characters of the scalars a YAML resolver may read as other than text: those of the safe
#: loader's resolvers, which include the front matter loader's (it has fewer); any other is text
_RESOLVED_FIRST = frozenset(yaml.SafeLoader.yaml_implicit_resolvers)
_KEYS: dict[str, bool] = {}


def _plain_key(key: str) -> bool:
    """Whether ``key`` is read as the text it is (not null or a boolean); kept, as keys repeat."""
    plain = _KEYS.get(key)
    if plain is None:
        plain = _resolved(key) is key if key[0] in _RESOLVED_FIRST else True
        if len(_KEYS) < 4096:  # a corpus whose every file has keys of its own does not fill memory with them
            _KEYS[key] = plain
    return plain


def _resolved(text: str) -> Any:
    """A plain scalar ``text`` as the front matter loader reads it: text (``text`` itself), or the
    number, boolean, null or date its implicit resolvers make of it, constructed by the loader."""
    loader, resolvers, constructors = _loader()
    for tag, regexp in resolvers.get(text[0], []) + resolvers.get(None, []):
        if regexp.match(text):
            break
    else:
        return text
    if tag not in constructors:
        raise _NotSimple  # a merge key or value key (<<, =): PyYAML's
    try:
        value = constructors[tag](loader, yaml.ScalarNode(tag, text))
    except Exception as exc:  # noqa: BLE001 - a date that is none, a number too long: PyYAML's, and its warning
        raise _NotSimple from exc
    if getattr(loader, "long_numbers", None):  # read as text for its length, with a warning: PyYAML's
        loader.long_numbers = {}
        raise _NotSimple
    return value


@functools.cache
def _loader() -> tuple[Any, dict[Any, list[tuple[str, re.Pattern[str]]]], dict[str, Any]]:
    """The front matter loader (one, kept), its implicit resolvers, and its constructors of the scalars
    a resolver may name that this module reads."""
    from .frontmatter import FrontMatterLoader  # which reads with this module

    tags = [f"tag:yaml.org,2002:{name}" for name in ("int", "null", "bool", "timestamp")]
    return (FrontMatterLoader(""), FrontMatterLoader.yaml_implicit_resolvers,
            {tag: FrontMatterLoader.yaml_constructors[tag] for tag in tags})
