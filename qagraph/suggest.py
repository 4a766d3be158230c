"""Related links an editor could add: similar articles an article does not link to yet.

:func:`suggest` reads only the graph: for each article with fewer than
``max_related`` related links, its similar articles (best weight first) that it does
not already link to, each with the shared keywords that justify it. The rows convert
to CSV (:func:`suggestions_csv`) and JSON (:meth:`Suggestion.as_dict`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .errors import UsageError
from .ids import keyword_node
from .kinds import ARTICLE

__all__ = ["Suggestion", "spreadsheet_text", "suggest", "suggestions_csv", "suggestions_json"]


@dataclass(frozen=True)
class Suggestion:
    """One candidate related link: add ``candidate`` to ``article``'s related articles."""

    article: str  #: node id
    path: str | None
    title: str | None
    related: int  #: related links the article has now
    rank: int  #: 1 for the article's best candidate
    candidate: str  #: node id
    candidate_path: str | None
    candidate_title: str | None
    weight: float  #: the similarity weight
    shared: tuple[str, ...]  #: shared keywords as written (most common spelling), most telling first
    links_back: bool  #: the candidate already links to the article

    def as_dict(self) -> dict[str, Any]:
        """JSON-able: ``shared`` as a list."""
        return {name: (list(value) if name == "shared" else value) for name, value in vars(self).items()}

    def as_row(self) -> dict[str, Any]:
        """Flat, for CSV: ``shared`` joined with ``"; "``, ``links_back`` as ``yes``/``no``, and
        every text that a spreadsheet would take for a formula made plain (:func:`spreadsheet_text`)."""
        row = self.as_dict()
        row["shared"] = "; ".join(self.shared)
        row["links_back"] = "yes" if self.links_back else "no"
        return {name: spreadsheet_text(value) if isinstance(value, str) else value for name, value in row.items()}


#: what makes a spreadsheet read a cell as a formula (OWASP's "CSV injection" list)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """``text`` as a spreadsheet shows it, not as a formula it runs: one that begins as a formula
    does gets a leading apostrophe, as OWASP advises for CSV files.

    Suggestions are opened by editors in Excel or Google Sheets. A title taken from the corpus
    such as ``=HYPERLINK("http://x", "click")`` ran there as a formula (a cell that calls out, or
    in older Excel a DDE command), and an honest one such as ``-5 °C: why does salt melt ice?``
    showed as ``#NAME?``. The JSON output keeps every text as it is.

    >>> spreadsheet_text("=1+2"), spreadsheet_text("-5 °C?"), spreadsheet_text("Why -5?")
    ("'=1+2", "'-5 °C?", 'Why -5?')
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


FIELDS = tuple(Suggestion.__dataclass_fields__)


def suggest(G: nx.MultiDiGraph, *, max_related: int = 5, k: int | None = None) -> list[Suggestion]:
    """Candidate related links for the articles of ``G`` with fewer than ``max_related`` links.

    Each article gets up to ``k`` candidates (default: as many as it has free slots,
    ``max_related`` minus its related links): its similar articles, best weight
    first (then by node id), leaving out those it already links to. Rows come
    sorted by article, then rank.

    Raises :class:`~qagraph.errors.UsageError` when ``max_related`` or ``k`` is negative.

    >>> import qagraph
    >>> rows = suggest(qagraph.build("content").graph, k=1)
    >>> rows[0].rank, rows[0].weight > 0, len(rows[0].shared) > 0
    (1, True, True)
    """
    if max_related < 0 or (k is not None and k < 0):
        raise UsageError(f"max_related and k must be 0 or more, not {max_related} and {k}")
    rows: list[Suggestion] = []
    for node in sorted(n for n, d in G.nodes(data=True) if d.get("kind") == ARTICLE):
        links = {v for _, v, kind in G.out_edges(node, keys=True) if kind == "related"}
        links.discard(node)
        if len(links) >= max_related:
            continue
        wanted = max_related - len(links) if k is None else k
        if wanted == 0:
            continue
        candidates = []
        for u, v, kind, data in [*G.out_edges(node, keys=True, data=True), *G.in_edges(node, keys=True, data=True)]:
            if kind != "similar":
                continue
            other = v if u == node else u
            if other not in links and other != node:
                candidates.append((-data["weight"], other, data))
        candidates.sort(key=lambda c: (c[0], c[1]))
        data_of = G.nodes[node]
        for rank, (_, other, data) in enumerate(candidates[:wanted], 1):
            partner = G.nodes[other]
            rows.append(Suggestion(
                article=node, path=data_of.get("path"), title=data_of.get("title"), related=len(links), rank=rank,
                candidate=other, candidate_path=partner.get("path"), candidate_title=partner.get("title"),
                weight=data["weight"], shared=tuple(_label(G, key) for key in data.get("shared", ())),
                links_back=G.has_edge(other, node, "related"),
            ))
    return rows


def _label(G: nx.MultiDiGraph, key: str) -> str:
    node = keyword_node(key)
    return str(G.nodes[node].get("label", key)) if node in G else key


def suggestions_csv(suggestions: Iterable[Suggestion]) -> str:
    """The suggestions as CSV text, a header line first; texts that would run as spreadsheet
    formulas are made plain (:func:`spreadsheet_text`).

    >>> suggestions_csv([]).strip() == ",".join(FIELDS)
    True
    """
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for suggestion in suggestions:
        writer.writerow(suggestion.as_row())
    return out.getvalue()


def suggestions_json(suggestions: Iterable[Suggestion]) -> str:
    """The suggestions as a JSON list of objects.

    >>> suggestions_json([])
    '[]'
    """
    return json.dumps([s.as_dict() for s in suggestions], ensure_ascii=False, indent=1)
