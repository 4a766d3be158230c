"""qagraph.plainyaml: the plain front matter read line by line, as PyYAML reads it, or left to PyYAML."""

from __future__ import annotations

import datetime
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qagraph.errors import Problem
from qagraph.frontmatter import _parse_yaml_once
from qagraph.plainyaml import read_simple


def typed(value: object) -> object:
    """``value`` with each item's type beside it: 1 and True, "1" and 1 told apart."""
    if isinstance(value, dict):
        return {(type(k).__name__, k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value).__name__, value)


def agrees(text: str, fm_line: int = 2) -> bool:
    """Whether :func:`read_simple` reads ``text`` as PyYAML does, or leaves it to PyYAML; and so
    whether it read it."""
    simple = read_simple(text, fm_line)
    if simple is None:
        return False
    parsed = _parse_yaml_once("a.md", text, fm_line)
    assert not isinstance(parsed, Problem), f"read {text!r}, which PyYAML refuses: {parsed}"
    data, key_lines, warnings = parsed
    assert not warnings, f"read {text!r} without PyYAML's warnings: {warnings}"
    assert typed(simple[0]) == typed(data), text
    assert simple[1] == key_lines and simple[2] == []
    return True


READ = [
    # the real corpus's shape (../shared/input-format.md): folded blocks, a mapping in, scalars of each kind
    "_schema: default\nid: 121865\ndate: 2024-06-30\ntitle: >-\n    What is a cell?\nseo:\n  title: Q | Bio\n"
    "  page_keywords: >-\n    cell, membrane,\n    nucleus\nscore: -1.0\nrelated_article1:\n    id: 121863\n"
    "    url: /learn/biology/questions/x\n",
    "title: Plain\nempty:\nafter: 1\n",
    "tags:\n- a\n- 'b'\n- \"c\"\ntitle: t\n",
    "tags: [a, 'b', \"c\", 12, true]\nnone: []\nspaced: [ x ,  y ]\n",
    "tags:\n  - a\n  -   b  \n\n  - c\ntitle: t\n",
    "text: |\n  line one\n  line two\nclip: >\n  folded\n  text\nstrip: |-\n  kept\n",
    "a: 'it''s'\nb: \"double\"\nc: C# and F#\nd: x:y\ne: https://example.org/a?b=c\n",
    "draft: true\nnothing: null\ntilde: ~\nnum: 0x1F\noct: 017\nsixty: 1:30\nzero: 0\nneg: -3\n",
    "when: 2024-06-30 10:00:00\nversion: 1.10\nyes: on\nno: off\ny: n\n",
    "title:    spaced   value   \nkey-with.dots_and-dashes: v\n",
    "outer:\n  inner:\n    deeper: 1\n  next: 2\nlast: 3\n",
    "\n\ntitle: after blank lines\n\n\nsubject: x\n",
    "emoji: \U0001f600 caf\u00e9 \u4e2d\u6587\nquote: \u201ccurly\u201d\n",
    "list_at_key_column:\n- a\nnested:\n  list:\n  - b\n  key: c\n",
]


@pytest.mark.parametrize("text", READ)
def test_plain_front_matter_is_read_as_pyyaml_reads_it(text):
    assert agrees(text)


LEFT = [
    "title: One # a comment\n",
    "# a comment\ntitle: One\n",
    "title: One\n  going on\n",  # a plain scalar over two lines
    "title: >-\n    one\n\n    two\n",  # a blank line in a folded block: a line break
    "title: >-\n    one\n      more indented\n",
    "title: >-\n    trailing space \n",
    "title: >+\n    keep\n",
    "title: >2\n    indicator\n",
    "title: |\n",  # an empty block
    "a: 1\na: 2\n",  # a key twice: PyYAML's warning
    "outer:\n  a: 1\n  a: 2\n",
    "meta: {a: 1}\n",
    "tags: [a, [b]]\n",
    "tags: [a, b,]\n",
    "tags: [a:b]\n",
    "tags: [a]  # comment\n",
    "tags: [a,\n  b]\n",
    "base: &b x\nother: *b\n",
    "tagged: !!str 1\ncustom: !thing x\n",
    "date: 2025-02-30\n",  # a date that is none: PyYAML's warning
    "big: " + "9" * 5000 + "\n",
    "title: \"escaped \\\" quote\"\n",
    "title: 'open\n  quote'\n",
    "title: a\tb\n",
    "title: a\r\nb: c\r\n",
    "title: line\u2028break\n",
    "title: nb\u00a0space\n",
    "title: \ufeffbom\n",
    "null: key\n",
    "true: key\n",
    "<<: merge\n",
    "=: value\n",
    "- a\n- b\n",
    "just text\n",
    "key:value\n",
    "key : value\n",
    "\"quoted key\": v\n",
    "a: b: c\n",
    "a: ends with colon:\n",
    "a: -\n",
    "a: - item\n",
    "a: ? x\n",
    "a: @x\n",
    "tags:\n- a\n  b\n",
    "tags:\n-\n- b\n",
    "tags:\n- - nested\n",
    "tags:\n- k: v\n",
    "outer:\n    a: 1\n  b: 2\n",
    "a: 1\n",  # no line break at the end (the front matter always has one): left alone
]


@pytest.mark.parametrize("text", LEFT)
def test_anything_else_is_left_to_pyyaml(text):
    text = text if text != "a: 1\n" else "a: 1"
    assert read_simple(text, 2) is None


def test_key_lines_count_from_the_front_matters_first_line():
    data, key_lines, _ = read_simple("\nid: 1\nseo:\n  title: T\n  keywords: >-\n    a\nwhen: 2024-01-02\n", 5)
    assert data == {"id": 1, "seo": {"title": "T", "keywords": "a"}, "when": datetime.date(2024, 1, 2)}
    assert key_lines == {"id": 6, "seo": 7, "seo.title": 8, "seo.keywords": 9, "seo.keywords[0]": 10, "when": 11}


# -- generated documents: whatever read_simple reads, it reads as PyYAML does ---------------------

_KEYS = ["title", "id", "tags", "seo", "a", "b", "null", "True", "x_1", "k-2", "on", "y", "_schema", "url"]
_WORDS = ["text", "two words", "C#", "x:y", "a: b", "a #b", "'q'", "\"d\"", "'it''s'", "-1.0", "-", "- x", "12",
          "012", "0x1A", "1_000", "1:30", "2024-06-30", "2025-02-30", "2024-06-30 10:00", "true", "False", "yes", "~",
          "null", "", " ", "[a]", "{a: 1}", "&a", "*a", "!t", "%x", "@x", "`x`", "|", ">-", ">", "|-", "#c", "a:",
          "?", ":x", "caf\u00e9", "\u00a0", "a\tb", "<<", "=", "\U0001f600", "\"esc\\\"\"", "0", "+1", ".5", "...", "---",
          "a  b", "x: ", "a\u00a0", ".inf", "0o17", "0b101", "1e3", "Null", "TRUE", "on",
          "[a, b]", "[]", "[ ]", "['x', \"y\"]", "[a,b,]", "[a, [b]]", "[a: b]", "[a:b]", "[a #b]", "[ a , b ]",
          "[1, true, ~, 2024-01-01]", "[a", "[a]b", "[a] #c", "[a?b]", "[?a]", "[-a, - b]", "['a, b']", "[C#, it's]",
          "[&a x]", "[a, , b]", "[\"q\" x]", "[caf\u00e9]"]


def line_soup(rng: random.Random) -> str:
    """Lines of keys, values, list items, text and blank lines, indented every which way."""
    lines = []
    for _ in range(rng.randint(1, 8)):
        indent = " " * rng.choice([0, 0, 0, 0, 0, 2, 2, 4])
        kind = rng.choice(["key", "key", "key", "empty", "item", "text", "blank"])
        if kind == "key":
            lines.append(f"{indent}{rng.choice(_KEYS)}: {rng.choice(_WORDS)}")
        elif kind == "empty":
            lines.append(f"{indent}{rng.choice(_KEYS)}:")
        elif kind == "item":
            lines.append(f"{indent}- {rng.choice(_WORDS)}")
        else:
            lines.append(indent + rng.choice(_WORDS) if kind == "text" else indent)
    return "\n".join(lines) + "\n"


def plain_document(rng: random.Random, depth: int = 0, column: int = 0) -> list[str]:
    """Front matter of the shape read_simple reads, written in its styles (plain, quoted, folded and
    literal blocks, lists at the key's column or in, mappings in, blank lines), with the words above:
    some of which make it something else."""
    lines: list[str] = []
    pad = " " * column
    for key in rng.sample(_KEYS, rng.randint(1, 5)):
        style = rng.choice(["plain", "plain", "quoted", "block", "list", "flow", "mapping" if depth < 3 else "plain",
                            "null"])
        if style == "plain":
            lines.append(f"{pad}{key}: {rng.choice(_WORDS[:20])}")
        elif style == "quoted":
            word = rng.choice(_WORDS).replace("'", "''")
            lines.append(f"{pad}{key}: '{word}'" if rng.random() < 0.5 else f'{pad}{key}: "{word}"')
        elif style == "block":
            inner = " " * (column + rng.randint(1, 4))
            lines.append(f"{pad}{key}: {rng.choice(['>-', '>', '|', '|-'])}")
            lines += [inner + rng.choice(_WORDS[:12]).strip() or "x" for _ in range(rng.randint(1, 3))]
        elif style == "list":
            inner = " " * (column + rng.choice([0, 0, 2]))
            lines.append(f"{pad}{key}:")
            lines += [f"{inner}- {rng.choice(_WORDS[:20])}" for _ in range(rng.randint(1, 3))]
        elif style == "flow":
            lines.append(f"{pad}{key}: [{', '.join(rng.choice(_WORDS[:20]) for _ in range(rng.randint(0, 3)))}]")
        elif style == "mapping":
            lines.append(f"{pad}{key}:")
            lines += plain_document(rng, depth + 1, column + rng.randint(1, 4))
        else:
            lines.append(f"{pad}{key}:")
        if rng.random() < 0.1:
            lines.append("")
    return lines


def test_generated_documents_read_as_pyyaml_reads_them_or_are_left_to_it():
    rng = random.Random(0)
    read = {"soup": 0, "plain": 0}
    for _ in range(3000):
        read["soup"] += agrees(line_soup(rng), rng.randint(1, 40))
        read["plain"] += agrees("\n".join(plain_document(rng)) + "\n", rng.randint(1, 40))
    # both kinds are read often enough for the comparison to mean something
    assert read["soup"] > 100 and read["plain"] > 800, read


@settings(max_examples=1000)
@given(st.randoms(use_true_random=False))
def test_plain_documents_as_hypothesis_draws_them(rng):
    agrees("\n".join(plain_document(rng)) + "\n")
