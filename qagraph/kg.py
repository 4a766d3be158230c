"""The query object: a :class:`KnowledgeGraph` answers questions about one built graph.

It stands on its own: it reads either a networkx graph held in memory (what
:func:`qagraph.build` makes) or a stored build (``OUT/qagraph.db``, what
:func:`open_build` opens in milliseconds), through the same small set of lookups, so
every query method gives the same answer from both. ``kg.graph`` is the networkx
graph; for a stored build it is loaded from the database on first use.

>>> import qagraph
>>> kg = qagraph.build("content")
>>> kg.related(165309)[0]
'article:/learn/biology/questions/how-do-enzymes-speed-up-chemical-reactions'
"""

from __future__ import annotations

import functools
import heapq
import html
import inspect
import json
import operator
import os
import re
import sqlite3
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from .database import DATABASE, BuildDatabase, DamagedValue, title_words
from .errors import OutputError, Problem, UsageError
from .ids import article_node, keyword_node, subject_node
from .kinds import ARTICLE, EDGE_KINDS, KEYWORD, NODE_KINDS, STUB, SUBJECT, link_kinds
from .normalize import fold, slugify, subject_slug

if TYPE_CHECKING:  # networkx is imported where a graph is made: query commands need none
    import networkx as nx

    from .suggest import Suggestion

    from .links import ArticleIndex
    from .pipeline import BuildInfo
    from .rdf.iri import IRIs
    from .rdf.query import SparqlResult

__all__ = ["KnowledgeGraph", "open_build"]


class _Source(Protocol):
    """The lookups every query is made of; one implementation per storage."""

    def data(self, node: str) -> dict[str, Any] | None: ...

    def edges(self, node: str, kinds: Sequence[str], outgoing: bool) -> list[tuple[str, str, dict[str, Any]]]: ...

    def link_weights(self, kinds: Sequence[str]) -> Callable[[str], dict[str, float]]: ...

    def data_many(self, nodes: Iterable[str]) -> dict[str, dict[str, Any]]: ...

    def kinds_many(self, nodes: Iterable[str]) -> dict[str, str]: ...

    def edges_many(self, nodes: Iterable[str], kinds: Sequence[str],
                   outgoing: bool) -> dict[str, list[tuple[str, str, dict[str, Any]]]]: ...

    def by_number(self, number: int) -> list[str]: ...

    def find_words(self, words: Sequence[str]) -> set[str]: ...

    def articles_named(self) -> list[NamedArticle]: ...

    def article_at(self, path: str) -> str | None: ...

    def subjects(self) -> list[tuple[str, dict[str, Any]]]: ...

    def top(self, kind: str, n: int) -> list[tuple[str, int]]: ...

    def nodes_of(self, kind: str) -> list[str]: ...

    def graph(self) -> nx.MultiDiGraph: ...

    def part(self, read: Callable[[BuildDatabase], nx.MultiDiGraph]) -> nx.MultiDiGraph: ...

    def health(self) -> dict[str, Any] | None: ...

    def suggestions(self, max_related: int, k: int | None, articles: Collection[str] | None) -> list[Suggestion]: ...


@dataclass(frozen=True)
class NamedArticle:
    """What names an article (as :class:`~qagraph.links.ArticleIndex` reads it), with its node and title."""

    node: str
    key: str
    path: str
    url: str | None
    extra: dict[str, Any]
    title: str


class _InMemory:
    """Lookups on a networkx graph."""

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G

    def data(self, node: str) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.G._node.get(node)
        return found

    def edges(self, node: str, kinds: Sequence[str], outgoing: bool) -> list[tuple[str, str, dict[str, Any]]]:
        adjacency = (self.G._succ if outgoing else self.G._pred).get(node, {})
        return [(other, kind, data) for other, keyed in adjacency.items() for kind, data in keyed.items()
                if kind in kinds]

    def link_weights(self, kinds: Sequence[str]) -> Callable[[str], dict[str, float]]:
        return lambda node: _link_weights(self.G, node, kinds)

    def data_many(self, nodes: Iterable[str]) -> dict[str, dict[str, Any]]:
        known = self.G._node
        return {n: known[n] for n in nodes if n in known}

    def kinds_many(self, nodes: Iterable[str]) -> dict[str, str]:
        known = self.G._node
        return {n: known[n].get("kind") for n in nodes if n in known}

    def edges_many(self, nodes: Iterable[str], kinds: Sequence[str],
                   outgoing: bool) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
        return {n: self.edges(n, kinds, outgoing) for n in nodes if n in self.G._node}

    @cached_property
    def _numbers(self) -> dict[int, list[str]]:
        index: dict[int, list[str]] = {}
        for node, data in self.G._node.items():
            if data.get("kind") == ARTICLE and data.get("id") is not None:
                index.setdefault(data["id"], []).append(node)
        return {number: sorted(nodes) for number, nodes in index.items()}

    def by_number(self, number: int) -> list[str]:
        return self._numbers.get(number, [])

    @cached_property
    def _words(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for node, data in self.G._node.items():
            if data.get("kind") == ARTICLE:
                for word in set(title_words(data.get("title") or "").split()):
                    index.setdefault(word, set()).add(node)
        return index

    def find_words(self, words: Sequence[str]) -> set[str]:
        sets = sorted((self._words.get(w, set()) for w in words), key=len)
        return set.intersection(*sets) if sets else set()

    def articles_named(self) -> list[NamedArticle]:
        return sorted((NamedArticle(node, str(d.get("key") or ""), str(d.get("path") or ""), d.get("url"),
                                    d.get("extra") or {}, str(d.get("title") or ""))
                       for node, d in self.G._node.items() if d.get("kind") == ARTICLE), key=lambda a: a.path)

    @cached_property
    def _by_path(self) -> dict[str, str]:
        return {str(d["path"]): node for node, d in self.G._node.items() if d.get("kind") == ARTICLE and d.get("path")}

    def article_at(self, path: str) -> str | None:
        return self._by_path.get(path)

    def subjects(self) -> list[tuple[str, dict[str, Any]]]:
        return sorted((n, d) for n, d in self.G._node.items() if d.get("kind") == SUBJECT)

    def top(self, kind: str, n: int) -> list[tuple[str, int]]:
        field = {KEYWORD: "df", SUBJECT: "articles"}[kind]
        items = ((node, int(d.get(field, 0))) for node, d in self.G._node.items() if d.get("kind") == kind)
        return heapq.nsmallest(max(n, 0), items, key=lambda t: (-t[1], t[0]))

    def nodes_of(self, kind: str) -> list[str]:
        return sorted(n for n, d in self.G._node.items() if d.get("kind") == kind)

    def graph(self) -> nx.MultiDiGraph:
        return self.G

    def part(self, read: Callable[[BuildDatabase], nx.MultiDiGraph]) -> nx.MultiDiGraph:
        return self.G  # the whole graph holds every part

    @cached_property
    def _health(self) -> dict[str, Any]:
        from .health import health

        return health(self.G)

    def health(self) -> dict[str, Any] | None:
        return self._health  # what a build writes in its report (one with out= has them there already)

    def suggestions(self, max_related: int, k: int | None, articles: Collection[str] | None) -> list[Suggestion]:
        from .suggest import suggest

        return suggest(self.G, max_related=max_related, k=k, articles=articles)


def _damaged(path: Path, exc: Exception) -> OutputError:
    """The error for a build database that opened but cannot be read (edited by hand, cut short)."""
    return OutputError(f"the build database is damaged ({type(exc).__name__}: {exc}); build again", path=str(path))


_T = TypeVar("_T")
_DAMAGE = (sqlite3.DatabaseError, json.JSONDecodeError, DamagedValue)


def _guarded(function: Callable[..., Any], db: Callable[[], BuildDatabase]) -> Callable[..., Any]:
    """``function``, raising :func:`_damaged` for what a damaged database raises (a :class:`UsageError`
    when it was closed); a function it returns (a lookup that reads later) is guarded too."""
    @functools.wraps(function)
    def reading(*args: Any, **kwargs: Any) -> Any:
        try:
            found = function(*args, **kwargs)
        except _DAMAGE as exc:
            if db().closed:  # SQLite's "Cannot operate on a closed database": the build is sound
                raise UsageError("this graph was closed (kg.close(), or the end of its with block): open the build "
                                 "again to query it", path=str(db().path)) from None
            raise _damaged(db().path, exc) from None
        return _guarded(found, db) if inspect.isfunction(found) else found

    return reading


def _reads_the_database(cls: type[_T]) -> type[_T]:
    """``cls`` (whose ``db`` is a build database) with every method guarded by :func:`_guarded`: a
    missing table or a JSON value cut short is an output error naming the file, not a bug."""
    for name, method in list(vars(cls).items()):
        if inspect.isfunction(method) and not name.startswith("__"):
            def guarded(self: Any, *args: Any, _method: Callable[..., Any] = method, **kwargs: Any) -> Any:
                return _guarded(_method, lambda: self.db)(self, *args, **kwargs)

            setattr(cls, name, functools.wraps(method)(guarded))
    return cls


@_reads_the_database
class _Stored:
    """Lookups on a build database; the graph is loaded only when asked for."""

    def __init__(self, db: BuildDatabase) -> None:
        self.db = db
        self._graph: nx.MultiDiGraph | None = None

    def data(self, node: str) -> dict[str, Any] | None:
        if self._graph is not None:
            found: dict[str, Any] | None = self._graph._node.get(node)
            return found
        if not _utf8(node):  # SQLite refuses it; no node is named so
            return None
        return self.db.node_data(node)

    def edges(self, node: str, kinds: Sequence[str], outgoing: bool) -> list[tuple[str, str, dict[str, Any]]]:
        return self.db.edges_of(node, kinds, outgoing) if _utf8(node) else []

    def data_many(self, nodes: Iterable[str]) -> dict[str, dict[str, Any]]:
        """:meth:`data` of the nodes found, read in batches (a few queries per hundreds of nodes)."""
        if self._graph is not None:
            return _InMemory(self._graph).data_many(nodes)
        return self.db.nodes_data(n for n in nodes if _utf8(n))

    def kinds_many(self, nodes: Iterable[str]) -> dict[str, str]:
        """The kind of each node found, read in batches."""
        if self._graph is not None:
            return _InMemory(self._graph).kinds_many(nodes)
        return self.db.kinds_of(n for n in nodes if _utf8(n))

    def edges_many(self, nodes: Iterable[str], kinds: Sequence[str],
                   outgoing: bool) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
        """:meth:`edges` of the nodes found, read in batches."""
        return self.db.edges_of_many((n for n in nodes if _utf8(n)), kinds, outgoing)

    def link_weights(self, kinds: Sequence[str]) -> Callable[[str], dict[str, float]]:
        """Node by node at first (a near target takes a few indexed lookups), then, past
        :data:`_BULK_AFTER` lookups, from every link read in one pass."""
        if self._graph is not None:
            graph = self._graph
            return lambda node: _link_weights(graph, node, kinds)
        every: dict[str, dict[str, float]] | None = None
        lookups = 0

        def neighbours(node: str) -> dict[str, float]:
            nonlocal every, lookups
            if every is None:
                lookups += 1
                if lookups <= _BULK_AFTER:
                    return self.db.link_weights(node, kinds)
                every = self.db.all_link_weights(kinds)
            return every.get(node, {})

        return neighbours

    def by_number(self, number: int) -> list[str]:
        return self.db.article_nodes_with_number(number)

    def find_words(self, words: Sequence[str]) -> set[str]:
        return self.db.find_words(words)

    def articles_named(self) -> list[NamedArticle]:
        if self._graph is not None:
            return _InMemory(self._graph).articles_named()
        return [NamedArticle(*row) for row in self.db.article_names()]

    def article_at(self, path: str) -> str | None:
        return self.db.article_at(path) if _utf8(path) else None  # (SQLite refuses it; no file is so named)

    def subjects(self) -> list[tuple[str, dict[str, Any]]]:
        return list(self.db.nodes(SUBJECT))

    def top(self, kind: str, n: int) -> list[tuple[str, int]]:
        return self.db.top(kind, n)

    def nodes_of(self, kind: str) -> list[str]:
        return [r[0] for r in self.db.con.execute("SELECT node FROM nodes WHERE kind = ? ORDER BY node", (kind,))]

    def graph(self) -> nx.MultiDiGraph:
        if self._graph is None:
            self._graph = self.db.graph()
        return self._graph

    def part(self, read: Callable[[BuildDatabase], nx.MultiDiGraph]) -> nx.MultiDiGraph:
        return self._graph if self._graph is not None else read(self.db)

    def health(self) -> dict[str, Any] | None:
        found: dict[str, Any] | None = self.db.meta.get("health")
        return found

    def suggestions(self, max_related: int, k: int | None, articles: Collection[str] | None) -> list[Suggestion]:
        from .suggest import stored_suggestions, suggest

        if self._graph is not None:
            return suggest(self._graph, max_related=max_related, k=k, articles=articles)
        return stored_suggestions(self.db, max_related=max_related, k=k, articles=articles)


class KnowledgeGraph:
    """A built knowledge graph and the questions you can ask it.

    Articles are named by url, by node id (``article:<url>``) or by their numeric
    ``id`` when that id is unique (the corpus reuses some ids: those raise, naming the
    candidates), as the corpus's own links name them (a note's name or alias, a page's
    path), or by a title that one article alone has. Keywords are named by any spelling,
    subjects by slug or any spelling.

    Make one with :func:`qagraph.build` (from a content folder) or :func:`qagraph.open`
    (from a build folder, without reading the content).
    """

    def __init__(self, source: _Source, report: dict[str, Any], *, build_dir: Path | None = None,
                 build_record: list[int] | None = None) -> None:
        self._held: tuple[_Source, dict[str, Any]] | None = (source, report)
        #: what makes the graph and its report when it is first asked for (see :meth:`later`)
        self._make: Callable[[], tuple[nx.MultiDiGraph, dict[str, Any]]] | None = None
        self._settings_before: dict[str, Any] = {}  #: the build's settings, known before the graph is made
        self.build_dir = build_dir  #: the build folder this graph was opened from or written to, if any
        self.build_info: BuildInfo | None = None  #: what :func:`qagraph.build` did in ``build_dir`` (a ``BuildInfo``), if it wrote one
        self._stores: dict[tuple[str, bool], Any] = {}  # by base IRI and whether it holds the named graphs
        #: the signature of the record of the build this graph in memory was written as (see :meth:`_build_in_place`)
        self._build_record = build_record

    @classmethod
    def from_graph(cls, G: nx.MultiDiGraph, report: dict[str, Any], *, build_dir: Path | None = None,
                   build_record: list[int] | None = None) -> "KnowledgeGraph":
        """A knowledge graph over ``G`` held in memory, with its build ``report``; ``build_record``:
        the signature (:func:`qagraph.fileio.file_signature`) of the record of the build in ``build_dir``
        that wrote it, which tells that another build was put in its place since."""
        return cls(_InMemory(G), report, build_dir=build_dir, build_record=build_record)

    @classmethod
    def later(cls, make: Callable[[], tuple[nx.MultiDiGraph, dict[str, Any]]], *, build_dir: Path | None = None,
              build_record: list[int] | None = None, settings: dict[str, Any] | None = None) -> "KnowledgeGraph":
        """A knowledge graph over the graph ``make`` returns with its build report, made when the graph is
        first asked anything: what a build folder up to date without its database answers with (the
        command line says it is up to date and asks nothing; a program asks, and gets the graph).
        ``settings``, the build's (base IRI, similarity detail, site), let :meth:`sparql` answer from
        the build's RDF without making the graph."""
        kg = cls(cast(_Source, None), {}, build_dir=build_dir, build_record=build_record)  # none made yet
        kg._held, kg._make, kg._settings_before = None, make, dict(settings or {})
        return kg

    @property
    def _source(self) -> _Source:
        return self._now()[0]

    @property
    def _report(self) -> dict[str, Any]:
        return self._now()[1]

    def _now(self) -> tuple[_Source, dict[str, Any]]:
        if self._held is None:
            assert self._make is not None
            G, report = self._make()
            self._held, self._make = (_InMemory(G), report), None
        return self._held

    # -- what was built -------------------------------------------------------------------

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The networkx ``MultiDiGraph`` (for a stored build, loaded from it on first use)."""
        return self._source.graph()

    @property
    def articles(self) -> list[str]:
        """The node ids of the corpus's articles (not stubs), sorted."""
        return self._source.nodes_of(ARTICLE)

    @property
    def counts(self) -> dict[str, Any]:
        """Files, articles, rejected and skipped files, nodes and edges by kind; the figures add up."""
        return dict(self._report["counts"])

    @property
    def problems(self) -> list[Problem]:
        """Every problem, sorted by path and line: files left out and things repaired."""
        return [Problem(**p) for p in self._report.get("problems", [])]

    def report(self, *, health: bool = True) -> dict[str, Any]:
        """The build report (``report.json``): counts, settings, every problem and the health
        findings (read from a stored build's database the first time, 14 ms at 36k; found the first
        time for a graph built in memory: not with ``health=False``)."""
        report = dict(self._report)
        if health and "health" not in report:
            found = self._source.health()
            if found is not None:
                report["health"] = found
        return report

    def node(self, node: str) -> dict[str, Any]:
        """The data of a node (a copy), by node id or IRI (:meth:`node_of`).

        Raises:
            UsageError: there is no such node.
        """
        _text(node, "a node is named by its node id or IRI")
        data = self._source.data(node)
        if data is None:
            named = self._by_iri(node, (ARTICLE, STUB, SUBJECT, KEYWORD))
            data = self._source.data(named) if named is not None else None
        if data is None:
            raise UsageError(f"no node {node!r}")
        return dict(data)

    def label(self, node: str) -> str:
        """What to show for a node: title, keyword or subject name (the node id itself for a node the
        graph does not have)."""
        _text(node, "a node is named by its node id")
        data = self._source.data(node) or {}
        return str(data.get("label") or node)

    def __repr__(self) -> str:
        c = self.counts
        where = f" from {self.build_dir.name}/" if self.build_dir is not None else ""
        edges = sum(c.get("edges", {}).values())
        return (f"<KnowledgeGraph{where}: {c.get('articles', 0):,} articles, {c.get('stubs', 0):,} stubs, "
                f"{c.get('nodes', {}).get(SUBJECT, 0):,} subjects, {c.get('nodes', {}).get(KEYWORD, 0):,} keywords, "
                f"{edges:,} edges, {c.get('problems', 0):,} problems>")

    def _repr_html_(self) -> str:
        """A summary for notebooks: counts by kind, the top subjects and keywords."""
        c = self.counts
        e = html.escape
        rows = [f"<tr><th>files</th><td>{c.get('files', 0):,} ({c.get('articles', 0):,} articles, "
                f"{c.get('rejected', 0):,} rejected, {c.get('skipped', 0):,} skipped)</td></tr>"]
        rows += [f"<tr><th>{e(NODE_KINDS[k].plural if k in NODE_KINDS else k)}</th><td>{n:,}</td></tr>"
                 for k, n in c.get("nodes", {}).items()]
        rows += [f"<tr><th>{e(EDGE_KINDS[k].plural if k in EDGE_KINDS else k)}</th><td>{n:,}</td></tr>"
                 for k, n in c.get("edges", {}).items()]
        subjects = ", ".join(f"{e(self.label(n))} ({k:,})" for n, k in self.top_subjects(5))
        keywords = ", ".join(f"{e(self.label(n))} ({k:,})" for n, k in self.top_keywords(8))
        return (f"<div><strong>qagraph KnowledgeGraph</strong><table>{''.join(rows)}</table>"
                f"<p>Top subjects: {subjects}</p><p>Top keywords: {keywords}</p></div>")

    # -- naming things ----------------------------------------------------------------------

    def article(self, ref: str | int) -> str:
        """The node id of the article named by url, node id or numeric id, or as the corpus's
        links name it (page path, file path, note name, alias: :meth:`~qagraph.links.ArticleIndex.find`,
        by the build's field map), or by its title when one article alone has it (any case).

        Stubs (related articles outside the corpus) are found by url too. A number that is no
        article's id names the note or page so named (a year's ``2024.md``).

        Raises:
            UsageError: no article has that name, or the id is shared by several articles; a
                ``ref`` neither text nor an integer.
        """
        if not isinstance(ref, (str, int)):
            ref = _integer(ref, "an article is named by text (url, node id, name) or an integer (its id)")
        if isinstance(ref, int) or (isinstance(ref, str) and re.fullmatch(r"[+-]?[0-9]+", ref.strip())):
            # ids are 64-bit (a longer one is kept as data): a longer number is none, and not asked of SQLite
            number = int(ref) if len(str(ref).strip().lstrip("+-").lstrip("0")) <= 19 else None
            nodes = self._source.by_number(number) if number is not None and -(2**63) <= number < 2**63 else []
            if len(nodes) == 1:
                return nodes[0]
            if len(nodes) > 1:
                names = ", ".join(str((self._source.data(n) or {}).get("url") or n) for n in nodes)
                raise UsageError(f"id {number} is ambiguous: {len(nodes)} articles have it ({names}); name one by url")
            shown = str(ref).strip()
            no_id = UsageError(f"no article has id {shown if len(shown) <= 40 else shown[:40] + '...'}")
            if not isinstance(ref, str):
                raise no_id
            try:  # a note or page named by a number (a year's 2024.md), or so titled
                return self._article_by_name(ref)
            except UsageError:
                raise no_id from None
        return self._article_by_name(ref)

    def _article_by_name(self, ref: str) -> str:
        """:meth:`article` of ``ref`` by any name but an id."""
        text = ref.strip()
        by_iri = self._by_iri(text, (ARTICLE, STUB))  # as a SPARQL answer names it
        if by_iri is not None:
            return by_iri
        # the node id as given first: a note's file name may start or end with a space (" Lead.md");
        # a stub's id is its target as a link wrote it, which may be a note's name too ("A" of
        # [w](../A.md) beside A.md in a folder): the note the corpus's [[A]] names comes first
        stub: str | None = None
        for candidate in (ref, text, article_node(text), article_node(text.rstrip("/")),
                          article_node("/" + text.strip("/"))):
            data = self._source.data(candidate)
            if data is not None and data.get("kind") == ARTICLE:
                return candidate
            if data is not None and data.get("kind") == STUB and stub is None:
                stub = candidate
        # its file's path as the build lists it, exactly (two files may differ only in case or in
        # Unicode normalisation, or hold "#" or "?", which a link's path drops; one whose name is not
        # UTF-8, or holds a tab, is listed with escapes, as display_name writes it)
        inside = self._in_content(text)
        for path in (text, inside):
            if path is not None:
                if not path.isprintable():
                    from .load import display_name

                    path = display_name(path)
                exact = self._source.article_at(path) if path else None
                if exact is not None:
                    return exact
        # every name the corpus's links give an article, made once (0.5 s of processor time at 36k)
        index, named = self._names
        if stub is not None:
            from .links import WIKI_LINK

            note = index.resolve(text, WIKI_LINK, "") if "/" not in text and _utf8(text) else None
            return stub if note is None else str(note.node)
        if not _utf8(text):
            raise self._no_article(ref, text)
        # as the corpus's own links name it: page path, url, file path, note name, alias; then the title
        hit = index.find(text) if text else None
        shared = index.sharing_alias(text) if hit is not None else []
        if shared:
            paths = sorted(a.path for a in shared)
            shown = ", ".join(paths[:5]) + (", ..." if len(paths) > 5 else "")
            raise UsageError(f"{len(shared)} articles have the alias {ref!r} ({shown}); name one by its path")
        if hit is None and text:  # a url the site publishes it at (a Jekyll post's dated url, the site's own)
            from .links import MARKDOWN_LINK

            hit = index.resolve(text, MARKDOWN_LINK, "")
        if hit is not None:
            return str(hit.node)
        if "//" in text:  # its page's address as a browser shows it (https://HOST/learn/...), as a related link names it
            from .fields import FieldMap
            from .links import related_url

            fields = ((self._report.get("settings") or {}).get("preset") or {}).get("fields") or {}
            path = related_url(text, fields.get("site_url"), tuple(fields.get("site_hosts") or ()),
                               str(fields.get("subject_from_url") or FieldMap.subject_from_url))
            if path != text:
                try:
                    return self._article_by_name(path)
                except UsageError:
                    pass
        folded = fold(text)
        titled = [a for a in named if a.title and fold(a.title) == folded]
        if len(titled) == 1:
            return titled[0].node
        if titled:
            shown = ", ".join(a.path for a in titled[:5]) + (", ..." if len(titled) > 5 else "")
            raise UsageError(f"{len(titled)} articles have the title {ref!r} ({shown}); name one by its path")
        raise self._no_article(ref, text)

    def _no_article(self, ref: str | int, text: str) -> UsageError:
        """That no article is named ``ref``: why, when it names a file the build rejected or skipped (a
        FIFO, a file without front matter, a draft), else how to name one."""
        from .errors import ERROR, SKIPPED

        paths = {p for p in (text, self._in_content(text)) if p}
        for problem in self.problems:
            if problem.path in paths and problem.severity in (ERROR, SKIPPED):
                how = "rejected" if problem.severity == ERROR else "skipped"
                line = f", line {problem.line}" if problem.line else ""
                return UsageError(f"no article {ref!r}: the build {how} {problem.path}{line}: {problem.message}")
        near = self.find(text, limit=4) if 0 < len(text) <= 200 else []  # a title's words: what was meant, often
        if near:
            data = self._source.data_many(near[:3])
            shown = "; ".join(f"{data[n].get('url') or data[n].get('key') or n} ({self.label(n)})" for n in near[:3])
            return UsageError(f"no article {ref!r} (name it {self._naming_hint()}); titled so: {shown}"
                              + ("; ..." if len(near) > 3 else ""))
        return UsageError(f"no article {ref!r} (name it {self._naming_hint()})")

    @cached_property
    def _names(self) -> tuple[ArticleIndex[NamedArticle], list[NamedArticle]]:
        """Every article by the names its corpus's links give it (the build's field map's rules), once."""
        from .graph import reads_relative_urls, reads_urls_only, source_folders
        from .links import ArticleIndex

        fields = ((self._report.get("settings") or {}).get("preset") or {}).get("fields") or {}
        jekyll = bool(fields.get("permalink")) and not fields.get("hexo")  # FieldMap.jekyll
        named = self._source.articles_named()
        mounts = tuple((str(pair[0]), str(pair[1])) for pair in fields.get("content_mounts") or () if len(pair) == 2)
        indexed = named
        if mounts:  # a page of a folder the site mounts into its content goes by the names it has there
            from dataclasses import replace

            from .fields import FieldMap, mounted_name
            seen = FieldMap(content_mounts=mounts)
            indexed = [replace(a, path=mounted_name(a.path, seen)) for a in named]
        index = ArticleIndex(indexed, content_dir=str(fields.get("content_dir") or ""), bundles=bool(fields.get("bundles")),
                             site_url=fields.get("site_url"), alias_fields=tuple(fields.get("alias_fields") or ()),
                             languages=tuple(fields.get("languages") or ()),
                             default_language=str(fields.get("default_language") or ""),
                             relative_urls=reads_relative_urls(
                                 doc_routes=bool(fields.get("doc_routes")), jekyll=jekyll, url_links=bool(fields.get("url_links")),
                                 path_urls=fields.get("path_urls"), collection_routes=bool(fields.get("collection_routes")),
                                 pelican=fields.get("article_url") is not None or bool(fields.get("nikola_routes")),
                                 hexo=bool(fields.get("hexo"))),
                             label_targets=fields.get("label_targets") is not False,
                             alias_targets=fields.get("alias_targets") is not False,
                             site_hosts=tuple(fields.get("site_hosts") or ()),
                             path_ends=bool(fields.get("path_ends")),
                             urls_first=reads_urls_only(
                                 doc_routes=bool(fields.get("doc_routes")), jekyll=jekyll,
                                 url_links=bool(fields.get("url_links")), path_urls=fields.get("path_urls")),
                             related_by=tuple(fields.get("related_by") or ()),
                             post_tails=fields.get("identity") != "page",
                             language_links=bool(fields.get("language_links")),
                             source_folders=source_folders(fields), url_prefixes=str(fields.get("url_prefixes") or ""),
                             listing_urls=str(fields.get("listing_urls") or ""),
                             site_folder=str(fields.get("site_folder") or ""),
                             localized=tuple(str(x) for x in fields.get("languages") or ()
                                             if x != fields.get("default_language")) if fields.get("language_field") else (),
                             literal_absolute_links=bool(fields.get("literal_absolute_links")),
                             relative_file_links=bool(fields.get("relative_file_links")),
                             zettel_ids=bool(fields.get("zettel_ids")))
        return index, named

    def _in_content(self, text: str) -> str | None:
        """``text`` as the build lists a file, when it names one of the build's content as a shell
        does (``content/biology/cells.md`` from the folder above, an absolute path); else ``None``."""
        if self.build_dir is None or "/" not in text and os.sep not in text:
            return None
        import json

        from .fileio import MARKER, PRIVATE, read_regular

        try:
            record = json.loads(read_regular(self.build_dir / PRIVATE / MARKER))
            root = (self.build_dir / str(record["settings"]["content"])).resolve()
            return Path(text).resolve().relative_to(root).as_posix()
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _naming_hint(self) -> str:
        from .presets import naming_hint

        chosen = (self._report.get("settings") or {}).get("preset") or {}
        return naming_hint(chosen.get("preset", "quicktakes"), self._report.get("example_article"))

    def keyword(self, text: str) -> str:
        """The node id of a keyword, by any spelling (an Obsidian tag's ``#`` too).

        Raises:
            UsageError: no such keyword.
        """
        _text(text, "a keyword is named by text")
        named = self._by_iri(text, (KEYWORD,))
        if named is not None:
            return named
        node = keyword_node(fold(text.removeprefix("keyword:")))
        if self._source.data(node) is None and text.startswith("#"):
            node = keyword_node(fold(text.lstrip("#")))
        if self._source.data(node) is None:
            raise UsageError(f"no keyword {text!r}")
        return node

    def subject(self, text: str) -> str:
        """The node id of a subject, by slug or any spelling of its name.

        Raises:
            UsageError: no such subject.
        """
        _text(text, "a subject is named by text")
        named = self._by_iri(text, (SUBJECT,))
        if named is not None:
            return named
        text = text.removeprefix("subject:")
        for candidate in (subject_node(text), subject_node(subject_slug(text)), subject_node(slugify(text))):
            data = self._source.data(candidate)
            if data is not None and data.get("kind") == SUBJECT:
                return candidate
        wanted = fold(text)
        for node, data in self._source.subjects():
            if any(fold(label) == wanted for label in data.get("labels", ())):
                return node
        raise UsageError(f"no subject {text!r}")

    @cached_property
    def _iris(self) -> IRIs:
        """The IRIs of this graph's RDF: under the base IRI it was built with."""
        from .rdf.iri import DEFAULT_BASE_IRI, IRIs

        return IRIs((self._report.get("settings") or {}).get("base_iri") or DEFAULT_BASE_IRI)

    def iri(self, ref: str | int) -> str:
        """The IRI that names a node in this graph's RDF (:meth:`sparql`, the build's ``rdf/``): any
        node by its node id, or an article named as :meth:`article` names it.

        >>> import qagraph
        >>> qagraph.build("content").iri(165309)
        'https://qagraph.example/id/article/learn/biology/questions/how-does-dna-replication-work'

        Raises:
            UsageError: no such node or article.

        See also:
            :meth:`node_of`, the other way.
        """
        node = ref if isinstance(ref, str) and self._source.data(ref) is not None else self.article(ref)
        return self._iris.node(node)

    def node_of(self, iri: str) -> str:
        """The node id (for networkx and every method here) that an IRI of this graph's RDF names, as a
        SPARQL answer gives it; an answer's IRI names its article. :meth:`article`, :meth:`keyword` and
        :meth:`subject` take IRIs too.

        >>> import qagraph
        >>> kg = qagraph.build("content")
        >>> row = kg.sparql("SELECT ?q WHERE { ?q schema:identifier 165309 }").values()[0]
        >>> kg.node_of(row["q"])
        'article:/learn/biology/questions/how-does-dna-replication-work'

        Raises:
            UsageError: no node of this graph has that IRI.
        """
        _text(iri, "an IRI is text")
        node = self._by_iri(iri, (ARTICLE, STUB, SUBJECT, KEYWORD))
        if node is None:
            raise UsageError(f"no node of this graph has the IRI {iri!r} (its IRIs start with {self._iris.base})")
        return node

    def _by_iri(self, iri: str, kinds: Sequence[str]) -> str | None:
        """The node of one of ``kinds`` whose IRI ``iri`` is; ``None`` when there is none."""
        iris = self._iris
        if not iri.startswith(iris.base):
            return None
        node = iris.node_of(iri)
        if node is None and "!" in iri:  # a segment cut to its start and a digest: the candidates' IRIs
            wanted = iri.removesuffix("#answer")
            node = next((n for kind in kinds for n in self._source.nodes_of(kind) if iris.node(n) == wanted), None)
        kind = (self._source.data(node) or {}).get("kind") if node is not None else None
        return node if kind in kinds else None

    def _start(self, ref: str | int) -> str:
        if isinstance(ref, str) and ref.startswith((f"{KEYWORD}:", f"{SUBJECT}:")):
            if self._source.data(ref) is None:
                raise UsageError(f"no node {ref!r}")
            return ref
        concept = self._by_iri(ref, (KEYWORD, SUBJECT)) if isinstance(ref, str) else None
        return concept if concept is not None else self.article(ref)

    # -- queries ----------------------------------------------------------------------------

    def related(self, ref: str | int) -> list[str]:
        """Articles (or stubs) this article links to, in link order (position 1..5 first).

        >>> import qagraph
        >>> qagraph.build("content").related(165309)[:1]
        ['article:/learn/biology/questions/how-do-enzymes-speed-up-chemical-reactions']

        Raises:
            UsageError: no such article.
        """
        node = self.article(ref)
        out = [(d.get("position", 0), v) for v, _, d in self._source.edges(node, ("related",), True)]
        return [v for _, v in sorted(out)]

    def linked_from(self, ref: str | int) -> list[str]:
        """Articles that link to this one, sorted.

        Raises:
            UsageError: no such article.
        """
        node = self.article(ref)
        return sorted(u for u, _, _ in self._source.edges(node, ("related",), False))

    def _symmetric(self, node: str, kind: str) -> list[tuple[str, dict[str, Any]]]:
        return [(v, d) for v, _, d in self._source.edges(node, (kind,), True)] + [
            (u, d) for u, _, d in self._source.edges(node, (kind,), False)]

    def similar(self, ref: str | int, k: int = 10) -> list[tuple[str, float, tuple[str, ...]]]:
        """Up to ``k`` most similar articles: ``(node, weight, shared keyword keys)``, best first.

        One question filed under several subjects is listed once, by its best copy (the others
        are :meth:`same_question` of it): a list is not to show one title twice.

        Raises:
            UsageError: no such article, or a negative ``k``.
        """
        _count(k, "k")
        node = self.article(ref)
        found = [(v, float(d["weight"]), tuple(d.get("shared", ()))) for v, d in self._symmetric(node, "similar")]
        found.sort(key=lambda t: (-t[1], t[0]))
        out: list[tuple[str, float, tuple[str, ...]]] = []
        shown: set[str] = set()
        for entry in found:
            if len(out) >= k:
                break
            if entry[0] in shown:
                continue
            out.append(entry)
            shown.update(v for v, _ in self._symmetric(entry[0], "same-question"))
        return out

    def same_question(self, ref: str | int) -> list[str]:
        """The other copies of this article's question, filed under other subjects, sorted.

        Raises:
            UsageError: no such article.
        """
        node = self.article(ref)
        return sorted(v for v, _ in self._symmetric(node, "same-question"))

    def links(self, ref: str | int, kinds: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """``(kind, node)`` of every article this one is joined to by a link kind, either way, sorted.

        Raises:
            UsageError: no such article, or an unknown kind.
        """
        node = self.article(ref)
        wanted = _check_kinds(kinds if kinds is not None else [k.name for k in link_kinds()])
        found = {(kind, v) for v, kind, _ in self._source.edges(node, wanted, True)}
        found |= {(kind, u) for u, kind, _ in self._source.edges(node, wanted, False)}
        return sorted(found)

    def keywords_of(self, ref: str | int) -> list[str]:
        """The article's keyword nodes, in the order the file lists them.

        Raises:
            UsageError: no such article.
        """
        node = self.article(ref)
        return [keyword_node(k) for k in (self._source.data(node) or {}).get("keywords", ())]

    def articles_of_keyword(self, keyword: str) -> list[str]:
        """Articles that carry a keyword (any spelling), sorted.

        Raises:
            UsageError: no such keyword.
        """
        node = self.keyword(keyword)
        return sorted(u for u, _, _ in self._source.edges(node, ("keyword",), False))

    def articles_of_subject(self, subject: str) -> list[str]:
        """Articles of a subject (slug or name, any case), sorted.

        Raises:
            UsageError: no such subject.
        """
        node = self.subject(subject)
        return sorted(u for u, _, _ in self._source.edges(node, ("subject",), False))

    def neighbourhood(self, ref: str | int, hops: int = 1, kinds: Iterable[str] | None = None) -> nx.MultiDiGraph:
        """The subgraph within ``hops`` edges of the article, following edge ``kinds`` either way.

        ``kinds`` defaults to every registered edge kind. The subgraph holds the nodes
        reached (with their data) and the edges of ``kinds`` between them.

        Raises:
            UsageError: no such article, a negative ``hops`` or an unknown kind.
        """
        if hops < 0:
            raise UsageError("hops must be 0 or more")
        start = self._start(ref)
        wanted = _check_kinds(kinds if kinds is not None else list(EDGE_KINDS))
        return self.subgraph(self._reach(start, hops, wanted), kinds=wanted)

    def _reach(self, start: str, hops: int, wanted: Sequence[str]) -> set[str]:
        """The nodes within ``hops`` edges of ``wanted`` kinds (either way) of node ``start``."""
        seen = {start}
        frontier = [start]
        for _ in range(hops):
            if not frontier:  # all reached: ``--hops 99999999999999999999`` ends here, not after that many steps
                break
            nxt = []
            for outgoing in (True, False):  # the step's edges in one batched read, not one query per node
                for found in self._source.edges_many(frontier, wanted, outgoing).values():
                    for other, _, _ in found:
                        if other not in seen:
                            seen.add(other)
                            nxt.append(other)
            frontier = nxt
        return seen

    def subgraph(self, nodes: Iterable[str], *, kinds: Iterable[str] | None = None,
                 context: bool = False) -> nx.MultiDiGraph:
        """The graph induced on ``nodes`` (edges of ``kinds`` between them), with node data.

        With ``context``, each article's subject and keyword nodes (and the stubs it links
        to) come too, with the edges to them: what a local view draws around its articles.
        Nodes the graph does not have are left out, as networkx's ``G.subgraph`` leaves them.

        >>> import qagraph
        >>> kg = qagraph.build("content")
        >>> biology = kg.subgraph(kg.articles_of_subject("Biology"), kinds="related")
        >>> biology.number_of_nodes(), {kind for _, _, kind in biology.edges(keys=True)}
        (9, {'related'})

        Raises:
            UsageError: an unknown kind.
        """
        wanted = _check_kinds(kinds if kinds is not None else list(EDGE_KINDS))
        chosen = set(nodes)
        # node data and edges are read in batches (a view of a much linked article reads tens of
        # thousands of nodes: one query each took most of its time)
        known = self._source.data_many(sorted(chosen))
        if context:
            articles = sorted(n for n in chosen if n in known and known[n].get("kind") == ARTICLE)
            around = self._source.edges_many(articles, ("subject", "keyword", "related"), True)
            related = {other for found in around.values() for other, kind, _ in found if kind == "related"}
            targets = self._source.data_many(sorted(related - known.keys()))
            extra = set()
            for found in around.values():
                for other, kind, _ in found:
                    if kind != "related" or (known.get(other) or targets.get(other) or {}).get("kind") == STUB:
                        extra.add(other)
            known.update(self._source.data_many(sorted(extra - known.keys())))
            chosen |= extra
            wanted = list(dict.fromkeys([*wanted, "subject", "keyword"]))
        import networkx as nx

        G = nx.MultiDiGraph(**self._report.get("graph", {}))
        for n in sorted(chosen):
            data = known.get(n)
            if data is not None:
                G.add_node(n, **data)
        every = self._source.edges_many(list(G), wanted, True)
        for n in sorted(G):
            for other, kind, data in sorted(every.get(n, ()), key=lambda e: (e[0], e[1])):
                if other in G:
                    G.add_edge(n, other, key=kind, **data)
        return G

    @cached_property
    def article_graph(self) -> nx.Graph:
        """Undirected weighted article graph (link kinds) for networkx algorithms.

        See also:
            :func:`qagraph.article_projection`.
        """
        from .graph import article_projection

        return article_projection(self.graph)

    def path(self, source: str | int, target: str | int) -> list[str]:
        """The shortest chain of links (related, similar, same question) between two articles.

        Distance is ``1 / weight`` of the article projection (strong links are short).
        The search runs from both ends and visits neighbours in node-id order, so the
        answer does not depend on storage order (among chains of equal length it is
        one of them, always the same). ``[]`` when no chain joins them.

        Raises:
            UsageError: no such article, or a stub.
        """
        a, b = self.article(source), self.article(target)
        for n in (a, b):
            if (self._source.data(n) or {}).get("kind") != ARTICLE:
                raise UsageError("paths run between articles of the corpus, not stubs")
        return _dijkstra(a, b, self._source.link_weights([k.name for k in link_kinds()])) or []

    def top_keywords(self, n: int = 20) -> list[tuple[str, int]]:
        """The ``n`` keywords carried by most articles: ``(node, articles)``.

        Raises:
            UsageError: a negative ``n``.
        """
        return self._source.top(KEYWORD, _count(n, "n"))

    def top_subjects(self, n: int = 20) -> list[tuple[str, int]]:
        """The ``n`` subjects with most articles: ``(node, articles)``.

        Raises:
            UsageError: a negative ``n``.
        """
        return self._source.top(SUBJECT, _count(n, "n"))

    def find(self, text: str, limit: int | None = 20) -> list[str]:
        """Articles whose title holds every word of ``text`` (any case), sorted by node id.

        >>> import qagraph
        >>> qagraph.build("content").find("DNA replication")
        ['article:/learn/biology/questions/how-does-dna-replication-work']

        Raises:
            UsageError: a negative ``limit``.
        """
        _text(text, "find() looks for the words of a text")
        if limit is not None and limit < 0:
            raise UsageError(f"limit must be 0 or more (or None for every match), not {limit}")
        words = title_words(text).split()
        if not words:
            return []
        return sorted(self._source.find_words(words))[:limit]

    def suggest(self, *, max_related: int = 5, k: int | None = None,
                articles: Iterable[str | int] | None = None) -> list[Suggestion]:
        """Related links an editor could add (:func:`qagraph.suggest.suggest`): for each article with
        fewer than ``max_related`` related links, its best similar articles it does not link to yet,
        with the shared keywords behind each; for ``articles`` alone when given (each named as
        :meth:`article` names it: the rows the whole list has for them). A stored build answers from
        its database, without loading its graph.

        >>> import qagraph
        >>> kg = qagraph.build("content")
        >>> best = kg.suggest(k=1)[0]
        >>> best.rank, best.weight > 0, len(best.shared) > 0
        (1, True, True)
        >>> [(s.rank, kg.label(s.candidate)) for s in kg.suggest(articles=[best.article], k=1)] == [(1, kg.label(best.candidate))]
        True

        Raises:
            UsageError: a negative ``max_related`` or ``k``; an article that is none.
        """
        if isinstance(articles, (str, int)):  # one article, not its letters
            articles = [articles]
        nodes = None if articles is None else sorted({self.article(ref) for ref in articles})
        return self._source.suggestions(max_related, k, nodes)

    def to_networkx(self, *, kinds: Iterable[str] | None = None) -> nx.MultiDiGraph:
        """A copy of the graph whose attributes every networkx writer accepts (GraphML, GEXF...).

        See also:
            :func:`qagraph.export.to_networkx`, :func:`qagraph.export.write_export`.
        """
        from .export import to_networkx

        return to_networkx(self.graph, kinds=kinds)

    # -- SPARQL ------------------------------------------------------------------------------

    def sparql(self, query: str, *, base_iri: str | None = None, timeout: float | None = None,
               write: Callable[[str], Any] | None = None, fmt: str = "table", services: bool = False,
               bindings: Mapping[str, Any] | None = None) -> SparqlResult:
        """Run SPARQL over this graph's RDF; the default graph holds every statement.

        A stored build answers from its embedded store (``OUT/.qagraph/store``, made on
        first use and kept while the RDF is unchanged); a graph in memory is exported to an
        in-memory store once per base IRI, and so is a graph whose build folder holds another build
        since it was opened on it, or :func:`qagraph.build` wrote it there (it answers about its own build). ``timeout`` (seconds) and Ctrl-C stop the wait
        for a long query; with ``write``, the answer is written through it as ``fmt`` while
        it is read, its rows not kept (:func:`qagraph.rdf.sparql`). A query that calls another endpoint
        (``SERVICE``) is refused unless ``services`` is true. ``bindings`` give variables their
        values, as if they held them from the query's start (:func:`qagraph.rdf.bindings.bind`): text,
        numbers, dates, and IRIs as ``pyoxigraph.NamedNode(kg.iri(node))`` (or an answer's own terms).

        >>> import qagraph
        >>> kg = qagraph.build("content")
        >>> kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?q a schema:Question FILTER NOT EXISTS { ?q a qa:ExternalQuestion } }").values()
        [{'n': 49}]
        >>> kg.sparql("SELECT ?title WHERE { ?q schema:identifier ?id ; schema:name ?title }", bindings={"id": 165309}).values()
        [{'title': 'How does DNA replication work?'}]
        """
        _text(query, "a SPARQL query is text")
        from .rdf import DEFAULT_BASE_IRI, DEFAULT_SIMILARITY, open_store, part_files, sparql, to_store
        from .rdf.query import names_graphs, time_limit, waited_for

        source = self._held[0] if self._held is not None else None  # one not made yet: its build's RDF answers
        if isinstance(source, _Stored) and source.db.closed:  # as every other query of it says
            raise UsageError("this graph was closed (kg.close(), or the end of its with block): open the build "
                             "again to query it", path=str(source.db.path))
        settings = self._report.get("settings", {}) if self._held is not None else self._settings_before
        base = base_iri or settings.get("base_iri") or DEFAULT_BASE_IRI
        limit = time_limit(timeout)
        graphs = names_graphs(query)
        # by base IRI, and whether the store holds the named graphs (a build's may hold its default
        # graph alone, for the queries that name none: the one that holds them serves those too)
        key = (base, True) if (base, True) in self._stores or graphs else (base, False)
        if key not in self._stores:
            same_base = base == (settings.get("base_iri") or DEFAULT_BASE_IRI)
            build_dir = self.build_dir
            if build_dir is not None and same_base and part_files(build_dir) and self._build_in_place():
                store = waited_for(lambda: open_store(build_dir, graphs=graphs))  # the build's own, kept between calls
            else:  # exported as the build wrote its RDF: its similarity detail, its site
                similarity, site = settings.get("rdf_similarity"), settings.get("site_url")
                store = waited_for(lambda: to_store(  # a load Ctrl-C stops
                    self.graph, base, similarity=similarity if isinstance(similarity, str) else DEFAULT_SIMILARITY,
                    site_url=site if isinstance(site, str) else None))
                key = (base, True)  # every graph
            if key[1]:
                self._stores.pop((base, False), None)  # (its folder goes once the other is made)
            self._stores[key] = store
        return sparql(self._stores[key], query, base_iri=base, timeout=limit, write=write, fmt=fmt,
                      services=services, bindings=bindings)

    def _build_in_place(self) -> bool:
        """Whether the build folder holds the build this graph was opened on, or written as: another put
        in place since (the content edited and built again) has RDF this graph does not hold."""
        source = self._held[0] if self._held is not None else None  # one not made yet is not made to tell
        if not isinstance(source, _Stored):
            if self._build_record is None or self.build_dir is None:
                return True
            from .fileio import MARKER, PRIVATE, file_signature

            return file_signature(self.build_dir / PRIVATE / MARKER) == self._build_record
        try:
            st = os.stat(source.db.path)
        except OSError:
            return False
        return (st.st_dev, st.st_ino) == source.db.file

    def close(self) -> None:
        """Close the build database, if this graph was opened from one, and the SPARQL stores it opened."""
        self._stores.clear()  # (a store closes as it is let go)
        source = self._held[0] if self._held is not None else None  # one not made yet is not made to close it
        if isinstance(source, _Stored):
            if not source.db.closed:
                source.db.meta.read_all()  # what a closed graph still answers (kg.report()) is kept
            source.db.close()

    def __enter__(self) -> "KnowledgeGraph":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def _integer(value: object, what: str) -> int:
    """``value`` as the integer it is (a numpy or pandas integer, as a column of ids holds them: not
    an ``int``, and no text either); else a :class:`UsageError` saying ``what`` is expected."""
    try:
        return operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise UsageError(f"{what}, not {type(value).__name__} {_shown(value)}") from None


def _count(n: int, name: str) -> int:
    """``n``, a number of answers wanted; a negative one (which a slice would read as "all but") is a
    :class:`UsageError`, as for :meth:`KnowledgeGraph.find` and :meth:`KnowledgeGraph.suggest`."""
    if n < 0:
        raise UsageError(f"{name} must be 0 or more, not {n}")
    return n


def _text(value: object, what: str) -> None:
    """A :class:`UsageError` saying ``what`` is expected when ``value`` is not text."""
    if not isinstance(value, str):
        raise UsageError(f"{what}, not {type(value).__name__} {_shown(value)}")


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "..."


def _utf8(text: str) -> bool:
    """Whether ``text`` is valid Unicode: not the surrogates bytes that are not UTF-8 become in an
    argument or a file name (which the build shows with ``\\x`` escapes, as every name it stores)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _check_kinds(kinds: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys([kinds] if isinstance(kinds, str) else kinds))  # "related": one kind, not 7 letters
    unknown = [k for k in wanted if k not in EDGE_KINDS]
    if unknown:
        raise UsageError(f"unknown edge kind(s): {', '.join(unknown)} (known: {', '.join(EDGE_KINDS)})")
    return wanted


#: node-by-node lookups a path search makes in a stored build before it reads every link at once:
#: at 36k articles a lookup takes ~0.12 ms and reading every link ~0.8 s, and a path between two
#: random articles settles ~6,500; no path at all settles every article of the component (4 s)
_BULK_AFTER = 8000


def _link_weights(G: nx.MultiDiGraph, node: str, kinds: Sequence[str]) -> dict[str, float]:
    """Articles linked to ``node`` by edges of ``kinds`` (either way), with the summed weights (1 when none)."""
    weights: dict[str, float] = {}
    attrs = G._node
    for adjacency in (G._succ, G._pred):
        for other, keyed in adjacency.get(node, {}).items():
            if attrs[other].get("kind") != ARTICLE:
                continue
            for kind, data in keyed.items():
                if kind in kinds:
                    weights[other] = weights.get(other, 0.0) + float(data.get("weight", 1.0))
    return {other: round(w, 6) for other, w in weights.items()}


def _dijkstra(source: str, target: str, neighbours: Any) -> list[str] | None:
    """Shortest path with ``1/weight`` distances (links go both ways), searched from both ends.

    Each step settles the next node of the side with the smaller frontier, so a path
    between two articles settles a fraction of the nodes a search from one end would, and
    an article whose part of the graph is small ends the search when that part runs out.
    Neighbours are visited in node-id order, so the answer does not depend on storage
    order.

    >>> links = {"a": {"b": 1.0, "c": 0.5}, "b": {"a": 1.0, "d": 1.0}, "c": {"a": 0.5, "d": 1.0},
    ...          "d": {"b": 1.0, "c": 1.0}, "e": {}}
    >>> _dijkstra("a", "d", links.__getitem__), _dijkstra("a", "e", links.__getitem__)
    (['a', 'b', 'd'], None)
    """
    if source == target:
        return [source]
    inf = float("inf")
    dist: tuple[dict[str, float], dict[str, float]] = ({source: 0.0}, {target: 0.0})
    previous: tuple[dict[str, str], dict[str, str]] = ({}, {})
    heaps: tuple[list[tuple[float, str]], list[tuple[float, str]]] = ([(0.0, source)], [(0.0, target)])
    done: tuple[set[str], set[str]] = (set(), set())
    best, meet = inf, None
    while heaps[0] and heaps[1] and heaps[0][0][0] + heaps[1][0][0] < best:
        side = 0 if len(heaps[0]) <= len(heaps[1]) else 1
        here, there = dist[side], dist[1 - side]
        d, node = heapq.heappop(heaps[side])
        if node in done[side]:
            continue
        done[side].add(node)
        for other, weight in sorted(neighbours(node).items()):
            if weight <= 0 or other in done[side]:
                continue
            nd = d + 1.0 / weight
            if nd < here.get(other, inf):
                here[other] = nd
                previous[side][other] = node
                heapq.heappush(heaps[side], (nd, other))
                if other in there and nd + there[other] < best:
                    best, meet = nd + there[other], other
    if meet is None:
        return None
    path = [meet]
    while path[-1] != source:
        path.append(previous[0][path[-1]])
    path.reverse()
    while path[-1] != target:
        path.append(previous[1][path[-1]])
    return path


def _no_database(target: Path) -> str:
    """Why there is no build database to open in ``target``: no build there, or one built without
    its database (``outputs`` without it, ``--only``), or one whose database was removed since."""
    from .fileio import MARKER, PRIVATE, read_regular

    try:
        record = json.loads(read_regular(target / PRIVATE / MARKER))
    except (OSError, ValueError):
        record = None
    outputs = record.get("outputs") if isinstance(record, dict) else None
    if not isinstance(outputs, dict) or not outputs:
        return f"no qagraph build in {target} (no {DATABASE}); run qagraph build first"
    if DATABASE in outputs:
        return (f"the build in {target} has lost its database ({target / DATABASE} is not there): "
                f"build it again (qagraph.build(CONTENT, out=...), or qagraph build -o {target})")
    from .rdf import part_files

    rdf = f"; its RDF answers SPARQL as it is: qagraph.rdf.sparql({str(target)!r}, query)" if part_files(target) else ""
    return (f"the build in {target} has no database (it was built without it: outputs without "
            f"'database', or --only): build it again with the database to open it{rdf}")


def open_build(path: str | os.PathLike[str]) -> KnowledgeGraph:
    """The knowledge graph stored in the build folder ``path`` (or its ``qagraph.db``), in milliseconds.

    Nothing is parsed again; ``kg.graph`` is loaded from the database on first use.

    Raises:
        OutputError: no build there, or one written by an incompatible qagraph.

    See also:
        :func:`qagraph.build`, which makes (and keeps up to date) a build folder.
    """
    target = Path(path)
    try:
        db_path = target / DATABASE if target.is_dir() else target
    except OSError:  # in a folder this user may not enter: the database says it cannot be read
        db_path = target
    try:
        there = db_path.exists()
    except OSError:
        there = True
    if not there:
        raise OutputError(_no_database(target))
    db = BuildDatabase(db_path)
    try:
        report = dict(db.meta.get("report", {}))
        report["problems"] = db.problems()
        report["rejected"] = db.files("rejected")
        report["skipped"] = db.files("skipped")
        report["hidden"] = db.hidden()
    except _DAMAGE as exc:
        db.close()
        raise _damaged(db_path, exc) from None
    return KnowledgeGraph(_Stored(db), report, build_dir=db_path.parent)

