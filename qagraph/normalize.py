"""Text clean-up shared by the loader and the graph: keywords, subjects, answers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from .regex import lazy_compile

__all__ = [
    "BIDI_CONTROLS",
    "MAX_KEYWORD_WORDS",
    "as_written",
    "fold",
    "isolated",
    "keyword_problems",
    "most_common_spelling",
    "printable",
    "question_key",
    "scalar_text",
    "slugify",
    "split_keyword_text",
    "split_keywords",
    "unescape_newlines",
    "visible",
]

_WS = lazy_compile(r"\s+")


def clean(text: str) -> str:
    """Trim and collapse inner whitespace to single spaces."""
    return " ".join(text.split())


#: the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder what is drawn after
#: them (a title "\u202e..." shows the rest of its line backwards); the marks (LRM, RLM) do not
BIDI_CONTROLS = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
_BIDI = frozenset(map(chr, BIDI_CONTROLS))

# C0 controls but tab and line feed, DEL, C1 controls: what a terminal takes as commands; and the bytes of
# a path that are not UTF-8, as Python reads them (U+DC80-U+DCFF), which a stream that cannot write them
# shows as "?" (stderr under the C locale): shown as the byte they stand for, as display_name() does
_CONTROLS = {**{c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))},
             **{0xDC00 + b: f"\\x{b:02x}" for b in range(0x80, 0x100)},
             # the bidi controls, which reorder what a terminal draws after them
             **{c: f"\\u{c:04x}" for c in BIDI_CONTROLS}}


def isolated(text: object) -> str:
    """``text`` between FSI and PDI when it holds a bidi control (:data:`BIDI_CONTROLS`): a title that
    opens an override and leaves it open then reverses nothing that is joined to it (a health item's
    path drawn ``(dm.1q/ygoloib)``); any other text as it is.

    >>> isolated("a \\u202eb") == "\\u2068a \\u202eb\\u2069", isolated("Hebrew \\u05e9") == "Hebrew \\u05e9"
    (True, True)
    """
    text = str(text)
    return text if _BIDI.isdisjoint(text) else f"\u2068{text}\u2069"


def printable(text: str) -> str:
    """``text`` with the control characters a terminal obeys written as escapes (``\\x1b``), so
    that content printed to a terminal shows what it holds and cannot retitle, move or hide
    anything (tab and line feed kept).

    >>> printable("One \\x1b]0;PWNED\\x07 red\\ttab"), printable("/tmp/out\\udcff")
    ('One \\\\x1b]0;PWNED\\\\x07 red\\ttab', '/tmp/out\\\\xff')
    >>> printable("What is \\u202egnp.exe?"), printable("\\u05e9\\u05dc\\u05d5\\u05dd \\u200f!")  # an override; Hebrew and a mark kept
    ('What is \\\\u202egnp.exe?', 'שלום \\u200f!')
    """
    return text.translate(_CONTROLS) if not text.isprintable() else text


_BREAKS = {**_CONTROLS, 0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def printable_line(text: str) -> str:
    """``text`` as :func:`printable` shows it, and on one line: tabs and line breaks written as
    escapes too, so output of one item a line stays so (``| head -1``, ``wc -l``, ``grep``).

    >>> printable_line("/learn/a\\nb\\tc")
    '/learn/a\\\\nb\\\\tc'
    """
    return text.translate(_BREAKS) if not text.isprintable() else text


#: characters that show nothing and only steer how the text around them is drawn: the soft hyphen,
#: zero-width spaces and joiners, the word joiner, the byte-order mark and the bidi controls (marks,
#: embeddings, overrides, isolates). Pasted text brings them in unseen: "ma\u200bchine learning"
#: reads as "machine learning", and should be the same keyword
_INVISIBLE = dict.fromkeys((0x00AD, 0x061C, *range(0x200B, 0x2010), 0x2060, *BIDI_CONTROLS, 0xFEFF))
#: the same, but for the joiners: between two letters they shape them (Persian's ZWNJ, an emoji's ZWJ)
_INVISIBLE_BUT_JOINERS = {c: None for c in _INVISIBLE if c not in (0x200C, 0x200D)}
_LONE_JOINER = lazy_compile(r"(?<!\S)[\u200c\u200d]+|[\u200c\u200d]+(?!\S)")
#: any of :data:`_INVISIBLE`: one scan in C finds that a text has none (nearly every text), where
#: ``str.translate`` looks each character up in a dict (0.1 ms for an answer of 2,500 characters
#: with one curly quote: 7% of a cold build's processor time at 36k)
_ANY_INVISIBLE = lazy_compile("[" + "".join(map(chr, _INVISIBLE)) + "]")


def visible(text: str) -> str:
    """``text`` without the characters that show nothing (:data:`_INVISIBLE`), but for a zero-width
    joiner or non-joiner between two characters, which shapes them: what a keyword is shown as.

    >>> visible("\u202bma\u200bchine\u202c learning\u200d"), visible("\u0645\u06cc\u200c\u0631\u0648\u062f")
    ('machine learning', '\u0645\u06cc\u200c\u0631\u0648\u062f')
    """
    if text.isascii() or not _ANY_INVISIBLE.search(text):
        return text
    text = text.translate(_INVISIBLE_BUT_JOINERS)
    return _LONE_JOINER.sub("", text) if "\u200c" in text or "\u200d" in text else text


def fold(text: str) -> str:
    """The key two spellings share when they name the same thing: case, spacing, Unicode
    compatibility forms and the characters that show nothing (zero-width, bidi controls) left out.

    >>> fold("  Machine   LEARNING ")
    'machine learning'
    >>> fold("\u200ema\u200bchine learning\ufeff")
    'machine learning'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    return " ".join(text.casefold().split())


def scalar_text(value: object) -> str:
    """A front-matter value as the text a site shows for it: YAML's booleans as YAML writes them, the
    bytes of YAML's ``!!binary`` as the text they hold (Python wrote ``True`` and ``b'hello'``).

    >>> scalar_text(True), scalar_text(b"hello"), scalar_text(1.5)
    ('true', 'hello', '1.5')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return str(value)


def as_written(value: object, limit: int = 60) -> str:
    """A front-matter value as a message shows it: as the file writes it (YAML's flow style: ``true``,
    ``null``, ``2024-01-01``, ``[1, 'a']``), not as Python does (``True``, ``datetime.date(2024, 1, 1)``);
    text quoted. Longer than ``limit`` characters, its first 40 and ``...``, however large the value.

    >>> import datetime
    >>> as_written(True), as_written(None), as_written(datetime.date(2024, 1, 1)), as_written(datetime.time(7, 32))
    ('true', 'null', '2024-01-01', '07:32:00')
    >>> as_written([1, "a", None, {"k": False}]), as_written(1.5), as_written(b"hi")
    ("[1, 'a', null, {'k': false}]", '1.5', "'hi'")
    >>> as_written(list(range(10**6)))
    '[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 1...'
    """
    pieces: list[str] = []
    size = 0

    def put(text: str) -> bool:
        nonlocal size
        pieces.append(text)
        size += len(text)
        return size <= limit

    def walk(item: object) -> bool:
        if isinstance(item, Mapping):
            if not put("{"):
                return False
            for i, (key, inner) in enumerate(item.items()):
                if (i and not put(", ")) or not walk(key) or not put(": ") or not walk(inner):
                    return False
            return put("}")
        if isinstance(item, (list, tuple, set, frozenset)):
            if not put("["):
                return False
            for i, inner in enumerate(item):
                if (i and not put(", ")) or not walk(inner):
                    return False
            return put("]")
        if item is None:
            return put("null")
        if isinstance(item, (str, bytes, bytearray)):
            return put(repr(scalar_text(item)[:limit + 1]))  # a cut text: cut below, quote and all
        if hasattr(item, "isoformat"):
            return put(item.isoformat())
        return put(scalar_text(item))

    if walk(value):
        return "".join(pieces)
    return "".join(pieces)[:40] + "..."


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
        text = clean(visible(scalar_text(item)))
        key = fold(text)
        if not key or key in seen:
            continue
        seen.add(key)
        spellings.append(text)
        keys.append(key)
    return tuple(spellings), tuple(keys)


_WORDS = lazy_compile(r"\w+")


def question_key(text: str | None) -> str:
    """The key two articles share when they ask the same question: folded words only.

    Case, spacing and punctuation are ignored; ``""`` when there is no word at all.

    >>> question_key("What is a Virus?") == question_key("what is a virus")
    True
    >>> question_key(" ?? ")
    ''
    """
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    return " ".join(_WORDS.findall(text.casefold()))  # what fold() gives, without its spacing work


#: more words than this in one keyword suggests a list written with another separator
MAX_KEYWORD_WORDS = 6

#: separators a keyword string may use instead of the expected one, in the order tried
_OTHER_SEPARATORS = (";", "|", "\n", "\t", "\u3001", "\uff0c", "\u2022")


def _shown(separator: str) -> str:
    return {"\n": "line breaks", "\t": "tabs"}.get(separator, repr(separator))


def split_keyword_text(text: str, separator: str | None = ",") -> tuple[list[str], list[str]]:
    """The items of a keyword string, and warnings about how the string is written.

    The string is split on ``separator`` (``None``: whitespace). When it holds no
    ``separator`` but another one (``;``, ``|``, line breaks, tabs, ``、``, ``，``,
    ``•``), it is split on that one, with a warning. Every item of more than
    :data:`MAX_KEYWORD_WORDS` words gets a warning (a list separated by spaces is
    one long keyword: it is kept as it is, and said). Items are not cleaned here:
    :func:`split_keywords` does that.

    >>> split_keyword_text("cells; mitosis; DNA")
    (['cells', ' mitosis', ' DNA'], ["keywords are separated by ';', not ','; split on ';'"])
    >>> split_keyword_text("dna replication helicase primase ligase okazaki fragments")[1]
    ["keyword 'dna replication helicase primase ligase okazaki fragments' has 7 words: is the list separated by spaces?"]
    """
    warnings: list[str] = []
    if separator is None:
        items = text.split()
    elif separator in text:
        items = text.split(separator)
    else:
        other = next((s for s in _OTHER_SEPARATORS if s in text.strip()), None)
        if other is not None:
            items = text.split(other)
            expected = _shown(separator)
            warnings.append(f"keywords are separated by {_shown(other)}, not {expected}; split on {_shown(other)}")
        else:
            items = [text]
    for item in items:
        words = len(item.split())
        if words > MAX_KEYWORD_WORDS:
            shown = " ".join(item.split())
            shown = shown if len(shown) <= 80 else shown[:77] + "..."
            hint = "is the list separated by spaces?" if len(items) == 1 else f"a missing {_shown(separator or ' ')}?"
            warnings.append(f"keyword {shown!r} has {words} words: {hint}")
    return items, warnings


#: a keyword none of :func:`keyword_problems`' checks can find anything in: letters, digits, inner spaces
#: and hyphens, at most 60 characters, fewer than :data:`MAX_KEYWORD_WORDS` spaces (one a line, in
#: :func:`keyword_problems_of`'s text of many)
_PLAIN = lazy_compile(rf"^(?!(?:[^ \n]* ){{{MAX_KEYWORD_WORDS}}})[A-Za-z](?:[A-Za-z0-9 \-]{{0,58}}[A-Za-z0-9])?$", re.M)
_MARKUP = lazy_compile(r"\*\*|__|`|<[a-z/!]|\]\(|^#|\{\{|https?://", re.I)
#: a mark at either end that belongs to no word; a dot before a letter is a name's (``.NET``, ``.htaccess``)
_EDGE_PUNCT = lazy_compile(r"^(?!\.[^\W_])[^\w(\[\"'$]|[^\w)\]\"'.+#%!?$]$")
#: what an emoji is made of: its symbols, a skin tone, the variation selectors, a keycap and the joiner
_EMOJI_PARTS = "\ufe0e\ufe0f\u20e3\u200d\U0001F3FB\U0001F3FC\U0001F3FD\U0001F3FE\U0001F3FF"
_NUMBER = lazy_compile(r"[\d\s.,:/%+-]+")
#: a release's number, as Stack Exchange sites tag questions by it (Ask Ubuntu's 16.04, Python's 2.7)
_VERSION = lazy_compile(r"\d+(?:\.\d+)+")


def keyword_problems(keyword: str) -> list[str]:
    """Why a keyword looks malformed, in words; ``[]`` when it looks fine.

    Checks: more than :data:`MAX_KEYWORD_WORDS` words, a separator of another list
    inside, a stray punctuation mark at either end, unbalanced brackets or quotes,
    only a number, markup or a web address, more than 60 characters.

    >>> keyword_problems("photosynthesis")
    []
    >>> keyword_problems("cells; mitosis")
    ["holds ';', a separator"]
    >>> keyword_problems("2023"), keyword_problems("%"), keyword_problems("\U0001F600")
    (['is only a number'], ['has no letter or digit'], ['has no letter or digit'])
    >>> keyword_problems("16.04"), keyword_problems("3.10.2")  # versions, as sites tag by them
    ([], [])
    """
    text = " ".join(keyword.split())
    if _PLAIN.fullmatch(text):
        return []  # letters, digits, inner spaces and hyphens: none of the checks can find anything
    return _problems(text)


def keyword_problems_of(keywords: Sequence[str]) -> dict[int, list[str]]:
    """:func:`keyword_problems` of each of ``keywords`` that has some, by position. The plain ones (129k
    of a 36k-article corpus's 130k keywords) are told apart in one pass of a regular expression over
    them all, not one call each.

    >>> keyword_problems_of(["cells", "a; b", "", "DNA"])
    {1: ["holds ';', a separator"], 2: ['has no letter or digit']}
    """
    text = "\n".join(keywords)
    if text.count("\n") != len(keywords) - 1:  # a keyword holding a line break: each is checked
        candidates: Iterable[int] = range(len(keywords))
    else:  # the plain lines emptied: what is left, and the keywords that were empty, are checked
        candidates = [i for i, rest in enumerate(_PLAIN.sub("", text).split("\n")) if rest or not keywords[i]]
    found = {}
    for i in candidates:
        problems = keyword_problems(keywords[i])
        if problems:
            found[i] = problems
    return found


def _problems(text: str) -> list[str]:
    found: list[str] = []
    words = len(text.split())
    if words > MAX_KEYWORD_WORDS:
        found.append(f"has {words} words")
    for separator in (";", "|", "\u3001", "\uff0c", "\u2022"):
        if separator in text:
            found.append(f"holds {separator!r}, a separator")
    wordless = not any(c.isalnum() for c in text)  # "%", ".", an emoji: nothing to stray from, no number
    if _MARKUP.search(text):
        found.append("holds markup or a web address")
    elif wordless:
        found.append("has no letter or digit")
    elif text and _EDGE_PUNCT.search(_without_emoji_ends(text)):
        found.append("starts or ends with a stray punctuation mark")
    if text.count("(") != text.count(")") or text.count("[") != text.count("]") or text.count('"') % 2:
        found.append("has unbalanced brackets or quotes")
    if text and not wordless and _NUMBER.fullmatch(text) and not _VERSION.fullmatch(text):
        found.append("is only a number")
    if len(text) > 60:
        found.append(f"is {len(text)} characters long")
    return found


def _without_emoji_ends(text: str) -> str:
    """``text`` without the emoji at its ends, and the ``/`` that nests a tag beside one: a vault's
    ``\U0001F331/seedling`` is ``seedling``. An emoji is a symbol, no stray punctuation mark."""
    def emoji(c: str) -> bool:
        return unicodedata.category(c) == "So" or c in _EMOJI_PARTS

    start, end = 0, len(text)
    while start < end and (emoji(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (emoji(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    if start == 0 and end == len(text):
        return text
    return text[start:end].strip("/ ")


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


#: the signs a name spells with that a slug would drop: C, C++ and C# (F#, Notepad++) name different things
_NAMED_SIGNS = lazy_compile(r"(?<=[^\W_])(?:#|\++)")


def subject_slug(text: str) -> str:
    """A subject's slug: :func:`slugify`, but ``#`` and ``+`` written after a letter or digit spelled
    out, so that ``C``, ``C++`` and ``C#`` are three subjects (one slug, ``c``, merged them, without a
    word). A sign that starts a word (``#general``) or stands alone (``A + B``) is dropped as before.

    >>> subject_slug("C++"), subject_slug("C#"), subject_slug("C"), subject_slug("C/C++ & Go"), subject_slug("#general")
    ('c-plus-plus', 'c-sharp', 'c', 'c-c-plus-plus-go', 'general')
    """
    if "#" in text or "+" in text:
        text = _NAMED_SIGNS.sub(lambda m: " sharp " if m.group(0) == "#" else " plus" * len(m.group(0)) + " ", text)
    return slugify(text)


# LaTeX commands that start with "n": inside $...$ maths, "\nabla" is a command,
# not a line break followed by "abla".
_LATEX_N = (
    "nabla|neq|ne|neg|nu|newline|not|notin|nleq|ngeq|nless|ngtr|nmid|nparallel|nsubseteq"
    "|nsupseteq|nexists|ni|nolimits|normalsize|newcommand|nearrow|nwarrow|natural|nleftarrow"
    "|nrightarrow|nsim|ncong|nvdash|nRightarrow|nLeftarrow|nLeftrightarrow"
)
_MATH = lazy_compile(r"\$\$.+?\$\$|\$[^$]+?\$", re.S)
_LATEX_IN_MATH = lazy_compile(r"\\(?=(?:" + _LATEX_N + r")(?![A-Za-z]))n")
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
