"""Field mapping: from a file's parsed front matter to a validated :class:`~qagraph.model.Article`.

:class:`FieldMap` says where each field lives in the front matter (dotted paths, tried
in order), so the same loader serves corpora with other field names; its defaults are
the Q&A site's format. :func:`to_article` applies a map to one file's
:class:`~qagraph.frontmatter.FrontMatter` and returns the article (or ``None``) with
the problems found: fields are validated and cleaned here once, and every later stage
trusts the record.

>>> from qagraph.frontmatter import read_front_matter
>>> fm = read_front_matter("cs/a.md", "---\\ntitle: What is a graph?\\nurl: /learn/cs/questions/a\\n---\\n")
>>> article, problems = to_article("cs/a.md", fm)
>>> article.key, article.subject_slug, problems
('/learn/cs/questions/a', 'cs', [])
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from typing import Any

from .errors import WARNING, Problem, UsageError
from .frontmatter import FrontMatter
from .model import Article, RelatedLink
from .normalize import clean, slugify, split_keywords, unescape_newlines

__all__ = ["FieldMap", "MAX_FIELD_VALUES", "to_article"]


def _paths(*names: str) -> tuple[str, ...]:
    return tuple(names)


@dataclass(frozen=True)
class FieldMap:
    """Where each field is found in the front matter: dotted paths, tried in order.

    The defaults read the Q&A site's format; other static sites differ only in names:

    >>> fm = FieldMap(keywords=("tags",), keyword_separator=None)
    >>> fm.keywords
    ('tags',)

    ``keyword_separator`` splits a keyword *string* (``None`` splits on whitespace);
    a YAML list of keywords is always taken item by item.
    ``subject_from_url`` is a regular expression whose first group, matched against
    the url, gives the subject's slug; the file's top folder is the fallback.
    """

    title: tuple[str, ...] = _paths("title", "article_title", "question")
    question: tuple[str, ...] = _paths("question", "title", "article_title")
    answer: tuple[str, ...] = _paths("answer")
    description: tuple[str, ...] = _paths("seo.page_description", "description", "summary")
    keywords: tuple[str, ...] = _paths("seo.page_keywords", "keywords", "tags")
    subject: tuple[str, ...] = _paths("subject", "categories", "category")
    url: tuple[str, ...] = _paths("url", "permalink")
    id: tuple[str, ...] = _paths("id",)
    date: tuple[str, ...] = _paths("date",)
    author: tuple[str, ...] = _paths("author",)
    score: tuple[str, ...] = _paths("score",)
    no_index: tuple[str, ...] = _paths("no_index",)
    file_name: tuple[str, ...] = _paths("file_name",)
    related_prefix: str = "related_article"
    keyword_separator: str | None = ","
    subject_from_url: str = r"^/learn/([^/]+)/"
    suffixes: tuple[str, ...] = (".md", ".markdown")

    #: canonical names that take dotted paths, for ``with_overrides``
    FIELDS = (
        "title", "question", "answer", "description", "keywords", "subject", "url",
        "id", "date", "author", "score", "no_index", "file_name",
    )

    def with_overrides(self, mapping: dict[str, str]) -> "FieldMap":
        """A copy where each ``name=path[,path...]`` in ``mapping`` replaces a default.

        >>> FieldMap().with_overrides({"keywords": "tags,categories"}).keywords
        ('tags', 'categories')

        Raises:
            UsageError: an unknown name, or a ``subject_from_url`` that is not a regular expression.
        """
        changes: dict[str, Any] = {}
        for name, value in mapping.items():
            if name in self.FIELDS:
                changes[name] = tuple(p.strip() for p in value.split(",") if p.strip())
            elif name == "keyword_separator":
                changes[name] = None if value in ("", "space", "whitespace") else value
            elif name in ("related_prefix", "subject_from_url"):
                if name == "subject_from_url":
                    try:
                        re.compile(value)
                    except re.error as exc:
                        raise UsageError(f"subject_from_url is not a regular expression: {exc}") from None
                changes[name] = value
            else:
                known = ", ".join(self.FIELDS + ("keyword_separator", "related_prefix", "subject_from_url"))
                raise UsageError(f"unknown field {name!r} in field map (known: {known})")
        return replace(self, **changes)


#: most values one kept field may hold: YAML aliases can make a few lines mean billions
MAX_FIELD_VALUES = 100_000

_MISSING = object()


class _Fields:
    """One file's front matter as the field map sees it: lookups that remember what they used."""

    def __init__(self, name: str, fm: FrontMatter) -> None:
        self.name = name
        self.fm = fm
        self.data = fm.data
        self.used: set[str] = set()
        self.problems: list[Problem] = []

    def get(self, path: str) -> Any:
        node: Any = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return _MISSING
            node = node[part]
        return node

    def first(self, paths: tuple[str, ...]) -> Any:
        """The first of ``paths`` that holds a value (not missing, null or empty); marks it used."""
        for path in paths:
            value = self.get(path)
            if value is not _MISSING and value is not None and value != "":
                self.used.add(path)
                return value
        return None

    def warn(self, message: str, key: str | None = None, code: str = "field") -> None:
        self.problems.append(Problem(self.name, self.fm.line_of(key), message, code, WARNING))


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # e.g. categories: [Physics]
        value = value[0] if value else None
        if value is None:
            return None
    if isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]+", value.strip()):
        return int(value)
    return None


def _url(value: Any) -> str | None:
    url = _text(value)
    if url is not None and len(url) > 1:
        url = url.rstrip("/")
    return url


def to_article(name: str, fm: FrontMatter, fields: FieldMap = FieldMap()) -> tuple[Article | None, list[Problem]]:
    """The article of file ``name`` (path relative to the corpus) and the problems found.

    A file without front matter, or without a title, is not an article: it comes back
    as ``None`` with an error problem saying why. Repairs (a score that is not a number)
    are warnings and the article is kept.
    """
    if fm.syntax is None:
        if not fm.body.strip():
            return None, [Problem(name, None, "empty file: no front matter", "no-front-matter")]
        return None, [Problem(name, fm.line, "no front matter: the file must start with a '---' line", "no-front-matter")]
    f = _Fields(name, fm)
    title = _text(f.first(fields.title))
    if title is None:
        names = ", ".join(fields.title)
        return None, [Problem(name, fm.line, f"no title: none of {names} is set", "no-title")]
    title = clean(title)
    question = _text(f.first(fields.question)) or title
    answer_raw = f.first(fields.answer)
    answer = unescape_newlines(_text(answer_raw) or "") if answer_raw is not None else ""
    url, key = _identity(name, f, fields)
    slug, subject_label = _subject(name, f, fields, url)
    keywords, keyword_keys = split_keywords(f.first(fields.keywords), fields.keyword_separator)
    typed = _typed_fields(f, fields)
    related = _related_links(f, fields)
    file_name = _text(f.first(fields.file_name)) or name.rpartition("/")[2]
    description = _text(f.first(fields.description))
    author = _text(f.first(fields.author))
    extra = _extra(f, fields, title)
    body = fm.body.strip()
    if body in ("&nbsp;", "&#160;"):
        body = ""
    article = Article(
        key=key,
        path=name,
        title=title,
        question=clean(question),
        answer=answer,
        subject=subject_label,
        subject_slug=slug,
        keywords=keywords,
        keyword_keys=keyword_keys,
        related=tuple(related),
        url=url,
        description=clean(description) if description else None,
        author=author,
        file_name=file_name,
        body=body,
        url_line=fm.line_of(fields.url[0]) if url else None,
        extra=extra,
        **typed,
    )
    return article, f.problems


def _identity(name: str, f: _Fields, fields: FieldMap) -> tuple[str | None, str]:
    """The url (if any) and the key: the url, or ``<folder>/<file stem>``."""
    url = _url(f.first(fields.url))
    folder, _, file_part = name.rpartition("/")
    stem = file_part.rsplit(".", 1)[0]
    return url, url if url else f"{folder}/{stem}" if folder else stem


def _subject(name: str, f: _Fields, fields: FieldMap, url: str | None) -> tuple[str, str]:
    """The subject's slug (from the url, else the top folder) and its label as written."""
    label = _text(f.first(fields.subject))
    slug = None
    if url:
        m = re.search(fields.subject_from_url, url)
        if m:
            slug = m.group(1)
    if not slug:
        top = name.split("/", 1)[0] if "/" in name else ""
        slug = top or (slugify(label) if label else "") or "uncategorised"
    if label is None:
        label = slug.replace("-", " ").capitalize()
    return slug, clean(label)


def _typed_fields(f: _Fields, fields: FieldMap) -> dict[str, Any]:
    """id, date, score and no_index, converted; values that do not convert are warnings."""
    raw_id = f.first(fields.id)
    article_id = _as_int(raw_id)
    if raw_id is not None and article_id is None:
        f.warn(f"id {raw_id!r} is not an integer; kept as data", fields.id[0])
        f.used.discard(fields.id[0])

    date_value = f.first(fields.date)
    date = None
    if isinstance(date_value, (_dt.date, _dt.datetime)):
        date = date_value.isoformat()
    elif date_value is not None:
        date = str(date_value).strip()
        try:
            _dt.date.fromisoformat(date[:10])
        except ValueError:
            f.warn(f"date {date!r} is not an ISO date; kept as text", fields.date[0])

    score_value = f.first(fields.score)
    score = None
    if score_value is not None:
        try:
            score = float(score_value)
        except (TypeError, ValueError, OverflowError):
            f.warn(f"score {score_value!r} is not a number; kept as data", fields.score[0])
            f.used.discard(fields.score[0])

    no_index_value = f.first(fields.no_index)
    no_index = None
    if isinstance(no_index_value, bool):
        no_index = no_index_value
    elif no_index_value is not None:
        lowered = str(no_index_value).strip().lower()
        if lowered in ("yes", "on", "1", "true"):
            no_index = True
        elif lowered in ("no", "off", "0", "false"):
            no_index = False
        else:
            f.warn(f"no_index {no_index_value!r} is not a boolean; kept as data", fields.no_index[0])
            f.used.discard(fields.no_index[0])
    return {"id": article_id, "date": date, "score": score, "no_index": no_index}


_POSITION = re.compile(r"[0-9]+")


def _related_links(f: _Fields, fields: FieldMap) -> list[RelatedLink]:
    """``related_articleN`` mappings in position order; unusable ones are warnings."""
    related: list[RelatedLink] = []
    prefix = fields.related_prefix
    for raw_key, value in f.data.items():
        if not isinstance(raw_key, str) or not raw_key.startswith(prefix):
            continue
        suffix = raw_key[len(prefix):]
        if not _POSITION.fullmatch(suffix):  # ASCII digits only: "²" is a digit to str.isdigit()
            continue
        line = f.fm.line_of(raw_key)
        f.used.add(raw_key)
        if not isinstance(value, dict):
            if value not in (None, ""):
                f.problems.append(Problem(
                    f.name, line, f"{raw_key} is not a mapping of id, title, subject, url; ignored", "related", WARNING))
            continue
        link_url = _url(value.get("url"))
        link_id = _as_int(value.get("id"))
        if link_url is None and link_id is None:
            f.problems.append(Problem(f.name, line, f"{raw_key} has neither url nor id; ignored", "related", WARNING))
            continue
        related.append(RelatedLink(
            int(suffix), link_url, link_id, _text(value.get("title")), _text(value.get("subject")), line,
        ))
    related.sort(key=lambda link: link.position)
    return related


class _TooLarge(Exception):
    pass


def _jsonable(value: Any, budget: list[int]) -> Any:
    """``value`` with dates as ISO text, keys as text; at most :data:`MAX_FIELD_VALUES` values."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v, budget) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, budget) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _extra(f: _Fields, fields: FieldMap, title: str) -> dict[str, Any]:
    """Every front-matter field the map did not use, JSON-able, so nothing is dropped silently."""
    extra: dict[str, Any] = {}
    top_used = {p.split(".", 1)[0] for p in f.used}

    def keep(name: str, value: Any) -> None:
        try:
            extra[name] = _jsonable(value, [MAX_FIELD_VALUES])
        except (_TooLarge, RecursionError):
            f.warn(f"{name} holds more than {MAX_FIELD_VALUES:,} values (YAML aliases?); not kept", name.split(".")[0])

    for k, v in f.data.items():
        sk = str(k)
        if sk in f.used:
            continue
        if sk in top_used and isinstance(v, dict):
            for sub, sv in v.items():
                if f"{sk}.{sub}" not in f.used:
                    keep(f"{sk}.{sub}", sv)
            continue
        if sk in fields.title or sk in fields.question:
            if _text(v) is not None and clean(_text(v) or "") == title:
                continue  # the corpus repeats the title as article_title/question
        keep(sk, v)
    return extra

