"""The records that loading produces and every later stage trusts.

Load validates once (:mod:`qagraph.fields`); after it, an :class:`Article` is a frozen
record whose fields are already clean (real newlines in the answer, trimmed keywords,
ISO dates).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


__all__ = ["Article", "Progress", "RelatedLink", "SimilarityConfig"]

#: a progress callback: ``progress(stage, done, total)``, called by every stage that takes time
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class RelatedLink:
    """One link from an article to another, as the file gave it.

    A ``related_articleN`` mapping gives ``url``/``id``/``title``/``subject``; every
    other link (a ``related*`` front-matter list, a wiki-link, a Markdown link, a Hugo
    ``ref``) gives ``target``, the reference as written, which
    :class:`qagraph.links.ArticleIndex` resolves. ``origin`` says where the link was
    found (:mod:`qagraph.links` lists the origins); ``position`` orders an article's
    links (``related_articleN`` keep their N, the others follow).
    """

    position: int
    url: str | None
    id: int | None
    title: str | None
    subject: str | None
    line: int | None = None
    origin: str = "front-matter"
    target: str | None = None


@dataclass(frozen=True)
class Article:
    """One article file, validated and cleaned.

    (No ``__slots__``: records cross process boundaries by pickle, and a slotted
    dataclass unpickles through a Python ``__setstate__``, 1 s per 36k articles.)

    ``key`` is the article's identity: its ``url``, or ``<folder>/<file stem>`` where
    the file has none. ``id`` is data only: the real corpus reuses ids across folders.
    ``keywords`` are the spellings as written (trimmed, whitespace-collapsed, repeats
    dropped); ``keyword_keys`` are the folded forms, aligned with them. ``subject`` is the
    subject's label as the file writes it; ``subject_given`` is false when the file writes none
    and the label was made from a folder's or url's name (it is then no one's spelling).
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
    #: the file line each keyword is written on (aligned with ``keywords``; ``None`` for one the text,
    #: a folder or the title gives), for the findings about it
    keyword_lines: tuple[int | None, ...] = ()
    subject_line: int | None = None  #: the file line a field writes the subject on (``subject_given``)
    date_line: int | None = None  #: the file line of the date field that dates it, for problems about the date
    absent: tuple[str, ...] = ()  #: fields the user mapped (``--field``) that this file does not have
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
    subject_given: bool = True


_WEIGHT_SCALE = 1000  #: keyword weights are integers in thousandths


@dataclass(frozen=True)
class SimilarityConfig:
    """How similar-article edges are chosen; :mod:`qagraph.similarity` says what each setting does.

    >>> SimilarityConfig().keyword_weight(2), SimilarityConfig().keyword_weight(8), SimilarityConfig().keyword_weight(101)
    (4605, 3219, 0)
    """

    top_k: int = 10
    max_df: int = 100
    rare_df: int = 4
    min_score: float = 0.0
    method: str = "banded-idf"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def keyword_weight(self, df: int) -> int:
        """The weight of a keyword carried by ``df`` articles, in thousandths; 0 when it does not count."""
        if df < 2 or df > self.max_df:
            return 0
        band = (df * df).bit_length() - 1  # floor(log2(df^2)): half-octaves
        return round(_WEIGHT_SCALE * (math.log(2 * self.max_df) - band * math.log(2) / 2))

    @property
    def min_evidence(self) -> int:
        """The evidence (summed weights, in thousandths) a pair needs: one keyword of ``rare_df`` articles."""
        return self.keyword_weight(max(2, min(self.rare_df, self.max_df)))
