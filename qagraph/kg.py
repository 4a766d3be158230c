"""The Python face of qagraph: :func:`build` a :class:`KnowledgeGraph`, then ask it things.

>>> kg = build("content")
>>> kg.related(165309)[0]
'article:/learn/biology/questions/how-do-enzymes-speed-up-chemical-reactions'
"""

from __future__ import annotations

import gc
import heapq
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import networkx as nx

from ._version import __version__
from .errors import ERROR, Problem, QagraphError
from .fileio import write_atomic
from .graph import EDGE_KINDS, NODE_KINDS, article_projection, build_graph
from .ids import ARTICLE, KEYWORD, STUB, SUBJECT, article_node, keyword_node, subject_node
from .load import LoadResult, Scan, load_corpus, scan
from .fields import FieldMap
from .model import Article, Progress
from .normalize import fold, slugify
from .parallel import beside
from .similarity import SimilarityConfig

__all__ = ["OUTPUTS", "KnowledgeGraph", "MakeResult", "build", "make"]

#: what :meth:`KnowledgeGraph.write` can write
OUTPUTS = ("rdf", "html", "report")
#: from this many articles on, RDF and HTML are written by two processes at once
PARALLEL_WRITE_ARTICLES = 2000



def build(
    content: str | os.PathLike[str],
    *,
    preset: str = "auto",
    fields: FieldMap | None = None,
    overrides: Mapping[str, str] | None = None,
    similarity: SimilarityConfig = SimilarityConfig(),
    strict: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: str | os.PathLike[str] | None = None,
    scanned: Scan | None = None,
) -> "KnowledgeGraph":
    """Load the articles under ``content`` and build their graph.

    Bad files become :attr:`KnowledgeGraph.problems`; with ``strict=True`` the first
    one raises :class:`~qagraph.errors.QagraphError` instead. ``preset``, ``fields``
    and ``overrides`` say how to read the files (:func:`qagraph.load.load_corpus`;
    default: recognise the kind of corpus). With ``cache`` (a folder),
    files parsed by an earlier build with the same bytes are not parsed again.

    >>> kg = build("content")
    >>> kg.counts["files"] == kg.counts["articles"] + kg.counts["rejected"]
    True
    """
    with _gc_paused():
        result = load_corpus(
            content, preset=preset, fields=fields, overrides=overrides, strict=strict, workers=workers,
            progress=progress, cache=cache, scanned=scanned,
        )
        G, link_problems = build_graph(result, similarity, result.fields, progress)
    return KnowledgeGraph(G, result, link_problems)


@dataclass
class MakeResult:
    """What :func:`make` did: the graph (``None`` when the outputs were up to date),
    the files written, and the report."""

    kg: "KnowledgeGraph | None"
    written: list[Path]
    report: dict[str, Any]

    @property
    def up_to_date(self) -> bool:
        return self.kg is None


_STATE = ".qagraph-state.json"
CACHE_FOLDER = ".qagraph-cache"


def make(
    content: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    outputs: Iterable[str] = OUTPUTS,
    base_iri: str | None = None,
    fields: FieldMap = FieldMap(),
    similarity: SimilarityConfig = SimilarityConfig(),
    strict: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: bool = True,
) -> MakeResult:
    """Build ``content`` and write ``outputs`` into ``out``, doing only what changed.

    Parsed files are cached in ``out/.qagraph-cache`` by content digest. When every
    input byte and setting is as it was for the outputs already in ``out``, and those
    are intact, nothing is rebuilt.

    >>> make("content", "build", outputs=["report"]).report["counts"]["articles"]
    49
    >>> make("content", "build", outputs=["report"]).up_to_date
    True
    """
    target = Path(out)
    outputs = tuple(outputs)
    scanned = scan(content, fields)
    settings = (__version__, repr(fields), similarity.as_dict(), sorted(outputs), base_iri, str(Path(content)))
    fingerprint = scanned.fingerprint(*settings)
    state_path = target / CACHE_FOLDER / _STATE
    if cache:
        state = _read_state(state_path)
        if state.get("fingerprint") == fingerprint and _intact(target, state.get("outputs", {})):
            report = json.loads((target / "report.json").read_text(encoding="utf-8")) if "report" in outputs else {}
            return MakeResult(None, [target / name for name in state["outputs"]], report)
    kg = build(
        content, fields=fields, similarity=similarity, strict=strict, workers=workers, progress=progress,
        cache=target / CACHE_FOLDER if cache else None, scanned=scanned,
    )
    written = kg.write(target, outputs=outputs, base_iri=base_iri, progress=progress)
    if cache:
        files = {p.relative_to(target).as_posix(): p.stat().st_size for p in written}
        write_atomic(state_path, json.dumps({"fingerprint": fingerprint, "outputs": files}, indent=1))
    return MakeResult(kg, written, kg.report())


def _read_state(path: Path) -> dict[str, Any]:
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        return state if isinstance(state, dict) else {}
    except (OSError, ValueError):
        return {}


def _intact(target: Path, files: dict[str, int]) -> bool:
    """Every output recorded is there with the size it was written with."""
    try:
        return bool(files) and all((target / name).stat().st_size == size for name, size in files.items())
    except OSError:
        return False


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Keep Python's cyclic GC out of the build, then move what it built out of its sight.

    A build makes millions of small dicts and tuples and no reference cycles; each GC
    pass over them costs more than the build itself (36k articles: graph 10.8 s with GC,
    4.3 s without). ``gc.freeze`` keeps later passes from walking the finished graph.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


@dataclass
class KnowledgeGraph:
    """The graph (``.graph``, a networkx ``MultiDiGraph``), its articles and problems.

    Articles can be named by url, by node id (``article:<url>``) or by their numeric
    ``id`` when that id is unique (the corpus reuses some ids: those raise, naming
    the candidates).
    """

    graph: nx.MultiDiGraph
    loaded: LoadResult
    link_problems: list[Problem] = field(default_factory=list)

    # -- what was built ---------------------------------------------------------------

    @cached_property
    def articles(self) -> dict[str, Article]:
        """Articles by node id, in file order."""
        return {article_node(a.key): a for a in self.loaded.articles}

    @property
    def problems(self) -> list[Problem]:
        """Every problem, sorted by path and line: files left out and things repaired."""
        return sorted(self.loaded.problems + self.link_problems, key=lambda p: (p.path, p.line or 0, p.message))

    @property
    def counts(self) -> dict[str, Any]:
        """Files, articles, rejected files, nodes and edges by kind; the figures add up."""
        counts: dict[str, Any] = dict(self.loaded.counts)
        counts["problems"] = len(self.problems)
        counts["errors"] = sum(p.severity == ERROR for p in self.problems)
        counts["warnings"] = counts["problems"] - counts["errors"]
        nodes = dict.fromkeys(NODE_KINDS, 0)
        for _, kind in self.graph.nodes(data="kind"):
            nodes[kind] += 1
        edges = dict.fromkeys(EDGE_KINDS, 0)
        for _, _, kind in self.graph.edges(keys=True):
            edges[kind] += 1
        counts["stubs"] = nodes[STUB]
        counts["nodes"] = nodes
        counts["edges"] = edges
        return counts

    def report(self) -> dict[str, Any]:
        """The build report (``report.json``): counts, settings and every problem."""
        return {
            "source": self.loaded.root,
            "counts": self.counts,
            "similarity": self.graph.graph.get("similarity"),
            "rejected": list(self.loaded.rejected),
            "problems": [p.as_dict() for p in self.problems],
        }

    def write(
        self,
        out: str | os.PathLike[str],
        *,
        outputs: Iterable[str] = OUTPUTS,
        base_iri: str | None = None,
        progress: Progress | None = None,
    ) -> list[Path]:
        """Write the outputs into ``out``: ``report.json``, the RDF files, the HTML views.

        ``outputs`` picks among :data:`OUTPUTS`; ``base_iri`` is where RDF IRIs are minted.
        """
        wanted = list(outputs)
        unknown = set(wanted) - set(OUTPUTS)
        if unknown:
            raise QagraphError(f"unknown output(s): {', '.join(sorted(unknown))} (known: {', '.join(OUTPUTS)})")
        target = Path(out)
        if target.exists() and not target.is_dir():
            raise QagraphError(f"output {target} exists and is not a folder")
        written: list[Path] = []
        html_done: Callable[[], list[Path]] | None = None
        if "html" in wanted:
            from .html import write_views

            links = []
            if "rdf" in wanted:
                from .rdf import rdf_file_names

                links = [(f"RDF: {name}", name) for name in rdf_file_names()]
            if "report" in wanted:
                links.append(("Build report (report.json)", "report.json"))
            # on a large graph the views are written by a second process while this one
            # writes the RDF: both only read the graph
            parallel = "rdf" in wanted and len(self.articles) >= PARALLEL_WRITE_ARTICLES
            html_done = beside(
                lambda: write_views(self.graph, target, extra_links=links, progress=None if parallel else progress),
                fork=parallel,
            )
        if "rdf" in wanted:
            from .rdf import DEFAULT_BASE_IRI, write_rdf

            try:
                written += write_rdf(self.graph, target, base_iri=base_iri or DEFAULT_BASE_IRI, progress=progress)
            except BaseException:
                if html_done is not None:  # let the other writer finish before reporting
                    try:
                        html_done()
                    except Exception:  # noqa: BLE001 - the RDF error is the one to report
                        pass
                raise
        if html_done is not None:
            views = html_done()
            if progress:
                progress("html", len(views), len(views))
            written += views
        if "report" in wanted:
            report = json.dumps(self.report(), indent=2, ensure_ascii=False) + "\n"
            written.append(write_atomic(target / "report.json", report))
        return written

    # -- SPARQL ----------------------------------------------------------------------

    def sparql(self, query: str, *, base_iri: str | None = None) -> Any:
        """Run SPARQL over this graph's RDF (in-process pyoxigraph store, built once per base IRI).

        The prefixes of :data:`qagraph.rdf.PREFIXES` need no declaration; the default
        graph is the union of the content and similarity graphs.

        >>> kg = build("content")
        >>> kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?q a schema:Question FILTER NOT EXISTS { ?q a qa:ExternalQuestion } }").values()
        [{'n': 49}]
        """
        from .rdf import DEFAULT_BASE_IRI, sparql, to_store

        base = base_iri or DEFAULT_BASE_IRI
        stores = self.__dict__.setdefault("_stores", {})
        if base not in stores:
            stores[base] = to_store(self.graph, base)
        return sparql(stores[base], query, base_iri=base)

    # -- naming things ----------------------------------------------------------------

    @cached_property
    def _by_id(self) -> dict[int, list[str]]:
        index: dict[int, list[str]] = {}
        for node, a in self.articles.items():
            if a.id is not None:
                index.setdefault(a.id, []).append(node)
        return index

    def article(self, ref: str | int) -> str:
        """The node id of the article named by url, node id or numeric id.

        Stubs (related articles outside the corpus) are found by url too.
        """
        G = self.graph
        if isinstance(ref, int) or (isinstance(ref, str) and re.fullmatch(r"[+-]?\d+", ref.strip())):
            number = int(ref)
            nodes = self._by_id.get(number, [])
            if len(nodes) == 1:
                return nodes[0]
            if not nodes:
                raise QagraphError(f"no article has id {number}")
            names = ", ".join(G.nodes[n]["url"] or n for n in nodes)
            raise QagraphError(f"id {number} is ambiguous: {len(nodes)} articles have it ({names}); name one by url")
        ref = ref.strip()
        for candidate in (ref, article_node(ref), article_node(ref.rstrip("/"))):
            if candidate in G and G.nodes[candidate]["kind"] in (ARTICLE, STUB):
                return candidate
        raise QagraphError(f"no article {ref!r} (name it by url, e.g. /learn/<subject>/questions/<slug>, or by id)")

    def keyword(self, text: str) -> str:
        """The node id of a keyword, by any spelling."""
        node = keyword_node(fold(text.removeprefix("keyword:")))
        if node not in self.graph:
            raise QagraphError(f"no keyword {text!r}")
        return node

    def subject(self, text: str) -> str:
        """The node id of a subject, by slug or any spelling of its name."""
        text = text.removeprefix("subject:")
        for candidate in (subject_node(text), subject_node(slugify(text))):
            if candidate in self.graph:
                return candidate
        wanted = fold(text)
        for node, data in self.graph.nodes(data=True):
            if data["kind"] == SUBJECT and any(fold(label) == wanted for label in data["labels"]):
                return node
        raise QagraphError(f"no subject {text!r}")

    # -- queries ----------------------------------------------------------------------

    def related(self, ref: str | int) -> list[str]:
        """Articles (or stubs) this article links to, in link order (position 1..5)."""
        node = self.article(ref)
        out = [(d["position"], v) for _, v, k, d in self.graph.out_edges(node, keys=True, data=True) if k == "related"]
        return [v for _, v in sorted(out)]

    def linked_from(self, ref: str | int) -> list[str]:
        """Articles that link to this one, sorted."""
        node = self.article(ref)
        return sorted(u for u, _, k in self.graph.in_edges(node, keys=True) if k == "related")

    def similar(self, ref: str | int, k: int = 10) -> list[tuple[str, float, tuple[str, ...]]]:
        """Up to ``k`` most similar articles: ``(node, weight, shared keyword keys)``, best first."""
        node = self.article(ref)
        G = self.graph
        found = []
        for _, v, key, d in G.out_edges(node, keys=True, data=True):
            if key == "similar":
                found.append((v, d["weight"], d["shared"]))
        for u, _, key, d in G.in_edges(node, keys=True, data=True):
            if key == "similar":
                found.append((u, d["weight"], d["shared"]))
        return heapq.nsmallest(k, found, key=lambda t: (-t[1], t[0]))

    def keywords_of(self, ref: str | int) -> list[str]:
        """The article's keyword nodes, in the order the file lists them."""
        node = self.article(ref)
        return [keyword_node(k) for k in self.graph.nodes[node].get("keywords", ())]

    def articles_of_keyword(self, keyword: str) -> list[str]:
        """Articles that carry a keyword (any spelling), sorted."""
        node = self.keyword(keyword)
        return sorted(u for u, _, k in self.graph.in_edges(node, keys=True) if k == "keyword")

    def articles_of_subject(self, subject: str) -> list[str]:
        """Articles of a subject (slug or name, any case), sorted."""
        node = self.subject(subject)
        return sorted(u for u, _, k in self.graph.in_edges(node, keys=True) if k == "subject")

    def neighbourhood(self, ref: str | int, hops: int = 1, kinds: Iterable[str] = EDGE_KINDS) -> nx.MultiDiGraph:
        """The subgraph within ``hops`` edges of the article, following edge ``kinds`` either way."""
        if hops < 0:
            raise QagraphError("hops must be 0 or more")
        start = self.article(ref) if not str(ref).startswith(("keyword:", "subject:")) else str(ref)
        if start not in self.graph:
            raise QagraphError(f"no node {ref!r}")
        kinds = set(kinds)
        unknown = kinds - set(EDGE_KINDS)
        if unknown:
            raise QagraphError(f"unknown edge kind(s): {', '.join(sorted(unknown))}")
        G = self.graph
        seen = {start}
        frontier = [start]
        for _ in range(hops):
            nxt = []
            for n in frontier:
                for _, v, k in G.out_edges(n, keys=True):
                    if k in kinds and v not in seen:
                        seen.add(v)
                        nxt.append(v)
                for u, _, k in G.in_edges(n, keys=True):
                    if k in kinds and u not in seen:
                        seen.add(u)
                        nxt.append(u)
            frontier = nxt
        sub = G.subgraph(seen)
        return nx.restricted_view(sub, [], [e for e in sub.edges(keys=True) if e[2] not in kinds]).copy()

    @cached_property
    def article_graph(self) -> nx.Graph:
        """Undirected weighted article graph (related + similar) for networkx algorithms."""
        return article_projection(self.graph)

    def path(self, source: str | int, target: str | int) -> list[str]:
        """The shortest chain of related/similar links between two articles.

        Uses the article projection with ``distance = 1 / weight``; raises when none.
        """
        a, b = self.article(source), self.article(target)
        P = self.article_graph
        if a not in P or b not in P:
            raise QagraphError("paths run between articles of the corpus, not stubs")
        try:
            return nx.shortest_path(P, a, b, weight="distance")
        except nx.NetworkXNoPath:
            raise QagraphError(f"no path between {a} and {b}") from None

    def top_keywords(self, n: int = 20) -> list[tuple[str, int]]:
        """The ``n`` keywords carried by most articles: ``(node, articles)``."""
        items = ((node, d["df"]) for node, d in self.graph.nodes(data=True) if d["kind"] == KEYWORD)
        return heapq.nsmallest(n, items, key=lambda t: (-t[1], t[0]))

    def top_subjects(self, n: int = 20) -> list[tuple[str, int]]:
        """The ``n`` subjects with most articles: ``(node, articles)``."""
        items = ((node, d["articles"]) for node, d in self.graph.nodes(data=True) if d["kind"] == SUBJECT)
        return heapq.nsmallest(n, items, key=lambda t: (-t[1], t[0]))

    @cached_property
    def _title_index(self) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for node, a in self.articles.items():
            for word in set(_words(a.title)):
                index.setdefault(word, set()).add(node)
        return index

    def find(self, text: str, limit: int | None = 20) -> list[str]:
        """Articles whose title holds every word of ``text`` (any case), sorted by url."""
        words = _words(text)
        if not words:
            return []
        sets = sorted((self._title_index.get(w, set()) for w in words), key=len)
        hits = set.intersection(*sets) if sets else set()
        return sorted(hits)[:limit]

    def label(self, node: str) -> str:
        """What to show for a node: title, keyword or subject name."""
        data = self.graph.nodes[node]
        return data.get("label") or node


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))
