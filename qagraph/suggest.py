"""Related links an editor could add: similar articles an article does not link to yet.

:func:`suggest` reads only the graph (:func:`stored_suggestions` a build's database): for
each article with fewer than ``max_related`` related links, its similar articles (best
weight first) that it does not already link to, each with the shared keywords that
justify it. The rows convert
to CSV (:func:`suggestions_csv`) and JSON (:meth:`Suggestion.as_dict`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import UsageError
from .ids import keyword_node
from .kinds import ARTICLE

if TYPE_CHECKING:  # networkx is not imported to answer from a build (``qagraph suggest``)
    import networkx as nx

    from .database import BuildDatabase

__all__ = ["Suggestion", "spreadsheet_text", "stored_suggestions", "suggest", "suggestions_csv", "suggestions_json",
           "write_suggestions"]


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
        return dict(zip(FIELDS, self.cells()))

    def cells(self) -> list[Any]:
        """:meth:`as_row`'s values, in :data:`FIELDS`' order (what a CSV row holds: 88k rows at 36k
        articles, where a dict each and a call per text took a third of ``qagraph suggest``)."""
        values = (self.article, self.path, self.title, self.related, self.rank, self.candidate, self.candidate_path,
                  self.candidate_title, self.weight, "; ".join(self.shared), "yes" if self.links_back else "no")
        return ["'" + v if isinstance(v, str) and v.startswith(_FORMULA_STARTS) else v for v in values]


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


def suggest(G: nx.MultiDiGraph, *, max_related: int = 5, k: int | None = None,
            articles: Collection[str] | None = None) -> list[Suggestion]:
    """Candidate related links for the articles of ``G`` with fewer than ``max_related`` links
    (of ``articles`` alone, node ids, when given: the rows the whole list has for them).

    Each article gets up to ``k`` candidates (default: as many as it has free slots,
    ``max_related`` minus its related links): its similar articles, best weight
    first (then by node id), leaving out those it already links to. Rows come
    sorted by article, then rank. :meth:`qagraph.KnowledgeGraph.suggest` gives the same rows
    from a stored build without loading its graph.

    Raises :class:`~qagraph.errors.UsageError` when ``max_related`` or ``k`` is negative.

    >>> import qagraph
    >>> rows = suggest(qagraph.build("content").graph, k=1)
    >>> rows[0].rank, rows[0].weight > 0, len(rows[0].shared) > 0
    (1, True, True)
    """
    _check(max_related, k)
    only = None if articles is None else set(articles)
    listed = sorted(((n, d.get("path"), d.get("title")) for n, d in G.nodes(data=True) if d.get("kind") == ARTICLE),
                    key=lambda a: a[0])
    related: dict[str, set[str]] = {}
    twins: dict[str, set[str]] = {}
    similar: dict[str, list[tuple[str, float, tuple[str, ...]]]] = {}
    for u, v, kind, data in G.edges(keys=True, data=True):
        if kind == "related":
            related.setdefault(u, set()).add(v)
        elif kind == "same-question":
            twins.setdefault(u, set()).add(v)
            twins.setdefault(v, set()).add(u)
    for node, _, _ in listed:  # each article's similar edges, its own first, as they were made
        if only is None or node in only:
            similar[node] = [(v if u == node else u, data["weight"], tuple(data.get("shared", ())))
                             for u, v, kind, data in [*G.out_edges(node, keys=True, data=True),
                                                      *G.in_edges(node, keys=True, data=True)] if kind == "similar"]

    def labels(keys: Iterable[str]) -> dict[str, str]:
        return {key: _label(G, key) for key in keys}

    return _suggestions(listed, related, similar, labels, max_related, k, twins=twins, only=only)


def stored_suggestions(db: BuildDatabase, *, max_related: int = 5, k: int | None = None,
                       articles: Collection[str] | None = None) -> list[Suggestion]:
    """:func:`suggest` of the graph stored in build database ``db``, read from its tables: the
    articles' paths and titles, the related and similar edges, the shared keywords' labels; the
    graph is not loaded, nor the shared keywords of the similar edges no row shows. Given
    ``articles``, only the edges around them and their candidates are read (milliseconds, where
    every article's take seconds at 36k)."""
    from .database import edge_row_data

    _check(max_related, k)
    related: dict[str, set[str]] = {}
    twins: dict[str, set[str]] = {}
    similar: dict[str, list[tuple[str, float, Any]]] = {}
    rows: dict[str, Iterable[tuple[str, str, Any, Any, str | None]]]
    ids: Collection[int]
    if articles is None:
        ids = db.ids_of_kind(ARTICLE)
        rows = {kind: db.edge_rows_of_kind(kind) for kind in ("related", "same-question", "similar")}
    else:
        wanted = db.ids_of(articles)
        # their similar edges name the candidates; the related links of both (taken, or linking back)
        # and their twins are read with them (a twin of a link matters only as a candidate: read so)
        found = db.edge_rows_touching(wanted.values(), ("similar",))
        near = {*wanted.values(), *(i for s, _, t, *_ in found for i in (s, t))}
        around = db.edge_rows_touching(near, ("related", "same-question"))
        ids = near | {i for s, _, t, *_ in around for i in (s, t)}
    read = db.nodes_by_id(ids, columns=("path", "title"))
    if articles is not None:  # the edges' ends by name, as the whole graph's rows give them
        rows = {kind: [(read[s][0], read[t][0], w, p, d) for s, of_kind, t, w, p, d in
                       (found if kind == "similar" else around) if of_kind == kind]
                for kind in ("related", "same-question", "similar")}
    listed = sorted(((node, data.get("path"), data.get("title")) for node, data in read.values()
                     if data.get("kind") == ARTICLE), key=lambda a: a[0])
    for u, v, *_ in rows["related"]:
        related.setdefault(u, set()).add(v)
    for u, v, *_ in rows["same-question"]:
        twins.setdefault(u, set()).add(v)
        twins.setdefault(v, set()).add(u)
    ins: dict[str, list[tuple[str, float, Any]]] = {}
    for u, v, weight, _, rest in rows["similar"]:  # the shared keys read for the rows picked
        similar.setdefault(u, []).append((v, weight, rest))
        ins.setdefault(v, []).append((u, weight, rest))
    for node, found_in in ins.items():  # as the graph lists them: each article's own edges first
        similar.setdefault(node, []).extend(found_in)

    def shared_keys(rest: str | None) -> tuple[str, ...]:
        return tuple(edge_row_data("similar", None, None, rest).get("shared", ()))

    def labels(keys: Iterable[str]) -> dict[str, str]:
        by_node = {keyword_node(key): key for key in keys}
        found = {by_node[node]: str(data.get("label")) for node, data in db.nodes_by_id(
            db.ids_of(by_node).values(), columns=()).values()}
        return {key: found.get(key, key) for key in by_node.values()}

    return _suggestions(listed, related, similar, labels, max_related, k, shared_keys, twins,
                        only=None if articles is None else set(articles))


def _label(G: nx.MultiDiGraph, key: str) -> str:
    node = keyword_node(key)
    return str(G.nodes[node].get("label", key)) if node in G else key


def _check(max_related: int, k: int | None) -> None:
    if max_related < 0 or (k is not None and k < 0):
        raise UsageError(f"max_related and k must be 0 or more, not {max_related} and {k}")


def _suggestions(articles: Sequence[tuple[str, str | None, str | None]], related: Mapping[str, set[str]],
                 similar: Mapping[str, Sequence[tuple[str, float, Any]]],
                 labels: Callable[[Iterable[str]], Mapping[str, str]], max_related: int, k: int | None,
                 shared_keys: Callable[[Any], tuple[str, ...]] = tuple,
                 twins: Mapping[str, set[str]] | None = None, only: Collection[str] | None = None) -> list[Suggestion]:
    """The suggestions, from ``articles`` (node, path, title; sorted), each node's ``related`` link
    targets, each article's ``similar`` edges (the other article, the weight, the shared keyword
    keys or what ``shared_keys`` makes them of), the ``labels`` of keyword keys and each article's
    ``twins``, those asking the same question (``same-question`` edges): a candidate asking the
    question of an article linked or suggested already is the same answer again, and is passed over.
    ``only``: the rows of those articles alone (``articles`` holds their candidates too)."""
    twins = twins or {}
    info = {node: (path, title) for node, path, title in articles}
    picked: list[tuple[str, int, int, str, float, tuple[str, ...]]] = []
    for node, _, _ in articles:
        if only is not None and node not in only:
            continue
        links = set(related.get(node, ()))
        links.discard(node)
        if len(links) >= max_related:
            continue
        wanted = max_related - len(links) if k is None else k
        if wanted == 0:
            continue
        candidates = [(-weight, other, weight, shared) for other, weight, shared in similar.get(node, ())
                      if other not in links and other != node]
        candidates.sort(key=lambda c: (c[0], c[1]))
        asked = {node, *links}  # the questions answered already: the article's, its links', those suggested
        asked.update(*(twins.get(n, ()) for n in list(asked)))
        rank = 0
        for _, other, weight, shared in candidates:
            if rank == wanted:
                break
            if other in asked:
                continue
            rank += 1
            picked.append((node, len(links), rank, other, weight, shared_keys(shared)))
            asked.add(other)
            asked.update(twins.get(other, ()))
    label = labels({key for *_, shared in picked for key in shared})
    return [Suggestion(
        article=node, path=info[node][0], title=info[node][1], related=n_links, rank=rank, candidate=other,
        candidate_path=info.get(other, (None, None))[0], candidate_title=info.get(other, (None, None))[1],
        weight=weight, shared=tuple(label[key] for key in shared), links_back=node in related.get(other, ()),
    ) for node, n_links, rank, other, weight, shared in picked]


def suggestions_csv(suggestions: Iterable[Suggestion]) -> str:
    """The suggestions as CSV text, a header line first; texts that would run as spreadsheet
    formulas are made plain (:func:`spreadsheet_text`).

    >>> suggestions_csv([]).strip() == ",".join(FIELDS)
    True
    """
    out = io.StringIO()
    write_suggestions(suggestions, out.write, "csv")
    return out.getvalue()


def suggestions_json(suggestions: Iterable[Suggestion]) -> str:
    """The suggestions as a JSON list of objects.

    >>> suggestions_json([])
    '[]'
    """
    out = io.StringIO()
    write_suggestions(suggestions, out.write, "json")
    return out.getvalue()


def write_suggestions(suggestions: Iterable[Suggestion], write: Callable[[str], Any], fmt: str) -> None:
    """:func:`suggestions_csv` or :func:`suggestions_json` (``fmt``), written through ``write`` a few
    hundred rows at a time: the text of the 36,000-article build's 29,606 suggestions (53 MB of CSV,
    71 MB of JSON) is never held whole.

    >>> write_suggestions([], print, "json")
    []
    """
    pieces: list[str] = []

    def flush() -> None:
        write("".join(pieces))
        pieces.clear()

    if fmt == "csv":
        # a plain writer of the row's values in FIELDS' order (csv.DictWriter checked every row's
        # keys against the header: a fifth of the command's time at 36k)
        writer = csv.writer(_Appender(pieces), lineterminator="\n")
        writer.writerow(FIELDS)
        for i, suggestion in enumerate(suggestions, 1):
            writer.writerow(suggestion.cells())
            if i % 500 == 0:
                flush()
    else:  # json.dumps(rows, indent=1), row by row: each row's lines one level in
        rows = 0
        for suggestion in suggestions:
            pieces.append(("[\n " if not rows else ",\n ")
                          + json.dumps(suggestion.as_dict(), ensure_ascii=False, indent=1).replace("\n", "\n "))
            rows += 1
            if rows % 500 == 0:
                flush()
        pieces.append("\n]" if rows else "[]")
    flush()


class _Appender:
    """A file-like ``write`` that appends to a list (what :func:`csv.writer` writes to)."""

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces

    def write(self, text: str) -> int:
        self.pieces.append(text)
        return len(text)
