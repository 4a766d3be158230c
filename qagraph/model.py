"""The records that loading produces and every later stage trusts.

Load validates once; after it, an :class:`Article` is a frozen record whose fields
are already clean (real newlines in the answer, trimmed keywords, ISO dates).
:class:`FieldMap` says where each field lives in the front matter, so that the same
loader serves corpora with other field names; its defaults are the Q&A site's format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import QagraphError

__all__ = ["Article", "FieldMap", "Progress", "RelatedLink"]

#: a progress callback: ``progress(stage, done, total)``, called by every stage that takes time
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RelatedLink:
    """One ``related_articleN`` entry as the file gave it."""

    position: int
    url: str | None
    id: int | None
    title: str | None
    subject: str | None
    line: int | None = None


@dataclass(frozen=True)
class Article:
    """One article file, validated and cleaned.

    (No ``__slots__``: records cross process boundaries by pickle, and a slotted
    dataclass unpickles through a Python ``__setstate__``, 1 s per 36k articles.)

    ``key`` is the article's identity: its ``url``, or ``<folder>/<file stem>`` where
    the file has none. ``id`` is data only: the real corpus reuses ids across folders.
    ``keywords`` are the spellings as written (trimmed, whitespace-collapsed, repeats
    dropped); ``keyword_keys`` are the folded forms, aligned with them.
    """

    key: str
    path: str
    title: str
    question: str
    answer: str
    subject: str
    subject_slug: str
    keywords: tuple[str, ...]
    keyword_keys: tuple[str, ...]
    related: tuple[RelatedLink, ...]
    url: str | None = None
    id: int | None = None
    description: str | None = None
    date: str | None = None
    author: str | None = None
    score: float | None = None
    no_index: bool | None = None
    file_name: str | None = None
    body: str = ""
    url_line: int | None = None  #: where the identity is set, for problems about it
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


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
                        raise QagraphError(f"subject_from_url is not a regular expression: {exc}") from None
                changes[name] = value
            else:
                known = ", ".join(self.FIELDS + ("keyword_separator", "related_prefix", "subject_from_url"))
                raise QagraphError(f"unknown field {name!r} in field map (known: {known})")
        return replace(self, **changes)
