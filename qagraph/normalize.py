"""Text clean-up shared by the loader and the graph: keywords, subjects, answers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

__all__ = [
    "fold",
    "most_common_spelling",
    "slugify",
    "split_keywords",
    "unescape_newlines",
]

_WS = re.compile(r"\s+")


def clean(text: str) -> str:
    """Trim and collapse inner whitespace to single spaces."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """The key two spellings share when they name the same thing.

    >>> fold("  Machine   LEARNING ")
    'machine learning'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return " ".join(text.casefold().split())


def split_keywords(value: object, separator: str | None = ",") -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Keywords as written (cleaned, first spelling of each kept) and their folded keys.

    A string is split on ``separator`` (``None``: whitespace); a list is taken item
    by item. Empty items and repeats (after folding) are dropped.

    >>> split_keywords("Graphs, graphs ,, Trees,")
    (('Graphs', 'Trees'), ('graphs', 'trees'))
    """
    if value is None:
        return (), ()
    if isinstance(value, str):
        items: Iterable[object] = value.split(separator) if separator is not None else value.split()
    elif isinstance(value, (list, tuple)):
        items = value
    else:
        items = (value,)
    spellings: list[str] = []
    keys: list[str] = []
    seen: set[str] = set()
    for item in items:
        if item is None or isinstance(item, (dict, list)):
            continue
        text = clean(str(item))
        if not text:
            continue
        key = fold(text)
        if key in seen:
            continue
        seen.add(key)
        spellings.append(text)
        keys.append(key)
    return tuple(spellings), tuple(keys)


def most_common_spelling(counts: Mapping[str, int]) -> str:
    """The spelling used most; ties go to the alphabetically first, so runs agree.

    >>> most_common_spelling({"Computer science": 2, "Computer Science": 2, "x": 1})
    'Computer Science'
    """
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def slugify(text: str) -> str:
    """A lower-case, hyphenated slug.

    >>> slugify("Computer Science & AI")
    'computer-science-ai'
    """
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# LaTeX commands that start with "n": inside $...$ maths, "\nabla" is a command,
# not a line break followed by "abla".
_LATEX_N = (
    "nabla|neq|ne|neg|nu|newline|not|notin|nleq|ngeq|nless|ngtr|nmid|nparallel|nsubseteq"
    "|nsupseteq|nexists|ni|nolimits|normalsize|newcommand|nearrow|nwarrow|natural|nleftarrow"
    "|nrightarrow|nsim|ncong|nvdash|nRightarrow|nLeftarrow|nLeftrightarrow"
)
_MATH = re.compile(r"\$\$.+?\$\$|\$[^$]+?\$", re.S)
_LATEX_IN_MATH = re.compile(r"\\(?=(?:" + _LATEX_N + r")(?![A-Za-z]))n")
_PLACEHOLDER = "\x00QAGRAPH-BACKSLASH-N\x00"


def unescape_newlines(text: str) -> str:
    """Turn the corpus's literal two-character ``\\n`` into real line breaks.

    Other backslashes are left alone, and so is a LaTeX command such as ``\\nabla``
    inside ``$...$`` maths.

    >>> unescape_newlines(r"### Title\\n1. **one**\\n$$\\nabla f$$")
    '### Title\\n1. **one**\\n$$\\\\nabla f$$'
    """
    if "\\n" not in text:
        return text
    if "$" in text:
        text = _MATH.sub(lambda m: _LATEX_IN_MATH.sub(_PLACEHOLDER, m.group(0)), text)
        return text.replace("\\n", "\n").replace(_PLACEHOLDER, "\\n")
    return text.replace("\\n", "\n")
