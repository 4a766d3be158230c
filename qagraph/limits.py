"""Limits on what one article may hold, so that no single file can break a writer.

The file size limit (``--max-file-size``, :mod:`qagraph.load`) bounds a file; these
limits bound what one article carries into the graph, applied once after the field
mapping (:func:`qagraph.fields.to_article`). Each value over a limit is a problem
naming the file and the line: a text field is cut and a list is shortened (warnings,
the article stays in the graph); a url that is too long cannot be cut, since it is
the article's identity, so that file is rejected (an error).

Why these numbers (measured with pyoxigraph 0.5, whose N-Triples and Turtle parsers
refuse any one term over 16 MiB, ``MemoryError: Reached the buffer maximal size of
16777216``; qagraph's RDF export parses its own N-Triples with them):

* ``field_chars`` 1 Mi characters: the worst escaping in N-Triples (a control
  character written ``\\u0007``) takes 6 bytes a character, so a field at the limit
  is at most 6 MiB as a term. The real corpus's longest answer is 10 kB.
* ``keywords`` 1,000 per article and ``keyword_chars`` 1,000 a keyword: the real
  corpus has at most 31; 100,000 keywords in one article made a 17 MB view page.
* ``related`` 1,000 links per article (the real corpus has at most 5).
* ``url_chars`` 4,096: twice what sitemaps allow (2,048); urls become IRIs and
  links in the views.
* integers (``id``, related ids and positions) fit in 64 bits, as SQLite's do.

>>> from qagraph.load import parse_text
>>> article, problems = parse_text("a.md", "---\\ntitle: T\\nanswer: " + "x" * 20 + "\\n---\\n",
...                                limits=Limits(field_chars=16))
>>> len(article.answer), [str(p) for p in problems]
(16, ['a.md:3: warning: answer is 20 characters, over the 16-character limit for one field; cut to 16'])
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any

from .errors import ERROR, WARNING, Problem
from .fields import FieldMap
from .frontmatter import FrontMatter
from .model import Article, RelatedLink

__all__ = ["INT64", "Limits", "apply_limits"]

#: the integers SQLite (and so the build database) can hold
INT64 = range(-(2**63), 2**63)

_CODE = "limit"


@dataclass(frozen=True)
class Limits:
    """The most one article may hold (see the module text for why these numbers).

    >>> Limits().field_chars, Limits().keywords
    (1048576, 1000)
    """

    field_chars: int = 1 << 20  #: characters in one text field (title, answer, body, ...)
    keywords: int = 1_000  #: keywords of one article
    keyword_chars: int = 1_000  #: characters in one keyword
    related: int = 1_000  #: related links of one article
    url_chars: int = 4_096  #: characters in a url (the article's identity)


#: the article's text fields, each with the field-map entry that says where it is written
_TEXT_FIELDS = (
    ("title", "title"), ("question", "question"), ("answer", "answer"), ("description", "description"),
    ("subject", "subject"), ("author", "author"), ("date", "date"), ("file_name", "file_name"),
)


def apply_limits(
    name: str, article: Article | None, problems: list[Problem], fm: FrontMatter,
    fields: FieldMap = FieldMap(), limits: Limits = Limits(), body_line: int | None = None,
) -> tuple[Article | None, list[Problem]]:
    """``article`` within ``limits``, and ``problems`` with one more for each value over one.

    ``fm`` is the file's front matter (for the line of each field); ``body_line`` is
    the line where the body starts. An article whose url is over the limit comes back
    as ``None`` with an error; everything else over a limit is cut, with a warning.
    Never raises for bad content.

    >>> from qagraph.load import parse_text
    >>> text = "---\\ntitle: T\\nkeywords: a, b, c\\n---\\n"
    >>> article, problems = parse_text("a.md", text, limits=Limits(keywords=2))
    >>> article.keywords, problems[0].message
    (('a', 'b'), '3 keywords, over the limit of 2 for one article; the first 2 kept')
    """
    if article is None:
        return article, problems
    found: list[Problem] = []

    def warn(message: str, key: str | None) -> None:
        found.append(Problem(name, fm.line_of(key), message, _CODE, WARNING))

    if article.url is not None and len(article.url) > limits.url_chars:
        url_key = _used(fm, fields.url)
        error = Problem(name, fm.line_of(url_key),
                        f"url is {len(article.url):,} characters, over the {limits.url_chars:,}-character limit "
                        "for a url (the article's identity cannot be cut); not loaded", _CODE, ERROR)
        return None, [*problems, error]

    changes: dict[str, Any] = {}
    told: set[str] = set()
    for attribute, entry in _TEXT_FIELDS:
        value = getattr(article, attribute)
        if isinstance(value, str) and len(value) > limits.field_chars:
            key = _used(fm, getattr(fields, entry))
            if (key or attribute) not in told:  # the question is the title when there is none
                told.add(key or attribute)
                warn(_cut_message(key or attribute, len(value), limits.field_chars), key)
            changes[attribute] = value[: limits.field_chars]
    if len(article.body) > limits.field_chars:
        found.append(Problem(name, body_line, _cut_message("the body", len(article.body), limits.field_chars),
                             _CODE, WARNING))
        changes["body"] = article.body[: limits.field_chars]

    keywords, keys, lines = _limit_keywords(article, limits, lambda message: warn(message, _used(fm, fields.keywords)))
    if len(keywords) != len(article.keywords):
        changes["keywords"], changes["keyword_keys"], changes["keyword_lines"] = keywords, keys, lines

    related = _limit_related(article.related, limits, fields, found, name)
    if related != article.related:
        changes["related"] = related

    extra = dict(article.extra)
    if article.id is not None and article.id not in INT64:
        key = _used(fm, fields.id)
        warn(f"id {article.id} does not fit in 64 bits; kept as data", key)
        changes["id"] = None
        extra[key or "id"] = str(article.id)
    if article.score is not None and not math.isfinite(article.score):
        key = _used(fm, fields.score)
        warn(f"score {article.score!r} is not a finite number; kept as data", key)
        changes["score"] = None
        extra[key or "score"] = str(article.score)
    for key, value in article.extra.items():
        try:
            cut, longest = _cut_strings(value, limits.field_chars)
        except RecursionError:  # as deep as the YAML parser allows: kept as the field map kept it
            continue
        if longest:
            warn(_cut_message(key, longest, limits.field_chars), key)
            extra[key] = cut
    if extra != article.extra:
        changes["extra"] = extra

    if not changes:
        return article, problems + found
    return replace(article, **changes), problems + found


def _cut_message(what: str, length: int, limit: int) -> str:
    return f"{what} is {length:,} characters, over the {limit:,}-character limit for one field; cut to {limit:,}"


def _used(fm: FrontMatter, paths: tuple[str, ...]) -> str | None:
    """The first of ``paths`` the front matter sets (the one the field map read)."""
    for path in paths:
        node: Any = fm.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                break
            node = node[part]
        else:
            if node is not None and node != "":
                return path
    return None


def _limit_keywords(article: Article, limits: Limits, warn: Any
                    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int | None, ...]]:
    lines = article.keyword_lines or (None,) * len(article.keywords)
    pairs = list(zip(article.keywords, article.keyword_keys, lines))
    long = [k for k, _, _ in pairs if len(k) > limits.keyword_chars]
    if long:
        pairs = [(k, f, n) for k, f, n in pairs if len(k) <= limits.keyword_chars]
        first = long[0]
        shown = first[:40] + "..." if len(first) > 40 else first
        warn(f"{len(long):,} keyword(s) over the {limits.keyword_chars:,}-character limit for a keyword dropped "
             f"(the first, {len(first):,} characters: {shown!r})")
    if len(pairs) > limits.keywords:
        warn(f"{len(pairs):,} keywords, over the limit of {limits.keywords:,} for one article; "
             f"the first {limits.keywords:,} kept")
        pairs = pairs[: limits.keywords]
    return tuple(k for k, _, _ in pairs), tuple(f for _, f, _ in pairs), tuple(n for _, _, n in pairs)


def _limit_related(links: tuple[RelatedLink, ...], limits: Limits, fields: FieldMap, found: list[Problem],
                   name: str) -> tuple[RelatedLink, ...]:
    kept: list[RelatedLink] = []
    for link in links:
        if link.target is None:  # a related_articleN mapping
            where = f"{fields.related_prefix}{link.position}"
        else:  # a link in the body or a front-matter list, by its target
            shown = link.target if len(link.target) <= 40 else link.target[:40] + "..."
            where = f"the link to {shown!r}"

        def warn(message: str) -> None:
            found.append(Problem(name, link.line, f"{where}: {message}", _CODE, WARNING))

        if link.position not in INT64:
            warn("its number does not fit in 64 bits; ignored")
            continue
        address = link.url if link.url is not None else link.target
        if address is not None and len(address) > limits.url_chars:
            what = "url" if link.url is not None else "target"
            warn(f"{what} is {len(address):,} characters, over the {limits.url_chars:,}-character limit; ignored")
            continue
        changes: dict[str, Any] = {}
        if link.id is not None and link.id not in INT64:
            if link.url is None:
                warn(f"id {link.id} does not fit in 64 bits and there is no url; ignored")
                continue
            warn(f"id {link.id} does not fit in 64 bits; the url is used")
            changes["id"] = None
        for attribute in ("title", "subject"):
            value = getattr(link, attribute)
            if value is not None and len(value) > limits.field_chars:
                warn(_cut_message(attribute, len(value), limits.field_chars))
                changes[attribute] = value[: limits.field_chars]
        kept.append(replace(link, **changes) if changes else link)
    if len(kept) > limits.related:
        found.append(Problem(name, kept[limits.related].line,
                             f"{len(kept):,} related links, over the limit of {limits.related:,} for one article; "
                             f"the first {limits.related:,} kept", _CODE, WARNING))
        kept = kept[: limits.related]
    return tuple(kept)


def _cut_strings(value: Any, limit: int) -> tuple[Any, int]:
    """``value`` with every string over ``limit`` characters cut, and the longest length found (0: none)."""
    if isinstance(value, str):
        return (value[:limit], len(value)) if len(value) > limit else (value, 0)
    if isinstance(value, list):
        pairs = [_cut_strings(v, limit) for v in value]
        longest = max((n for _, n in pairs), default=0)
        return ([v for v, _ in pairs] if longest else value), longest
    if isinstance(value, dict):
        cut = {k: _cut_strings(v, limit) for k, v in value.items()}
        longest = max((n for _, n in cut.values()), default=0)
        return ({k: v for k, (v, _) in cut.items()} if longest else value), longest
    return value, 0
