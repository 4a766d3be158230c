"""Which nodes and edges each view shows: graphs as networkx holds them, no HTML, no styling.

A :class:`Selection` names graph nodes (ids as :mod:`qagraph.ids` mints them) and
:class:`Edge` records between them. Every edge of a registered kind between two
selected nodes is selected, so a kind added to :mod:`qagraph.kinds` reaches the
views without a change here. Links between articles (the registry's
:func:`~qagraph.kinds.link_kinds`) come in two tiers: each article's strongest links
are ``primary`` (drawn when the page opens), the others are kept for the details
panel and an "all links" switch.

The views, and what they leave out so that a browser and a reader can hold them:

* **overview**: the subjects (sized by articles) with the links between them,
  counted, and the most frequent keywords, each joined to the subjects that use it most;
* **subject**: its most connected articles, the links among them, the keywords they
  share most, the articles outside the corpus they link to and the other subjects they
  link to (one edge per article and subject, with a count); every other article of the
  subject is *listed* (found by search, not drawn);
* **keyword**: the keyword, its most connected articles, their subjects, the links
  among them and the keywords that occur with it most;
* **neighbourhood**: the articles within ``hops`` link steps of one article, walked in
  whatever graph it is given (the full graph or a subgraph of it), with their subjects
  and keywords (shown, never walked through).

Every count of what was left out is in :attr:`Selection.shown` so the page can say it.

>>> import networkx as nx
>>> overview_selection(nx.MultiDiGraph()).nodes
[]
"""

from __future__ import annotations

import heapq
import weakref
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..ids import keyword_node, subject_node
from ..kinds import ARTICLE, EDGE_KINDS, KEYWORD, STUB, SUBJECT, edge_kind, link_kinds, symmetric_link_kinds

if TYPE_CHECKING:
    import networkx as nx
    from ..kg import KnowledgeGraph

__all__ = [
    "Edge",
    "Limits",
    "OverviewCounts",
    "Selection",
    "keyword_selection",
    "link_degrees",
    "graph_filler",
    "keywords_stand",
    "link_degrees_stand",
    "link_strength",
    "neighbourhood_graph",
    "neighbourhood_selection",
    "overview_counts",
    "overview_selection",
    "select_overview",
    "subject_articles",
    "subject_selection",
]

#: the two structural edge kinds every view relies on (checked against the registry at import)
IN_SUBJECT = edge_kind("subject").name
HAS_KEYWORD = edge_kind("keyword").name


@dataclass(frozen=True)
class Limits:
    """How much a view may hold; every list that reaches a page has a cap here.

    The defaults keep the largest subject view of a 36,000-article corpus under
    1,300 nodes and 3,000 drawn edges (see the README, "Use 4", for how they were chosen).
    """

    overview_subjects: int = 400  #: subjects in the overview (most articles first)
    overview_keywords: int = 150  #: most frequent keywords in the overview
    keyword_subjects: int = 3  #: subjects each overview keyword is joined to
    subject_links: int = 4  #: links of each kind kept per subject in the overview (strongest first)
    subject_articles: int = 1000  #: articles drawn in a subject view (most connected first)
    subject_keywords: int = 100  #: keywords in a subject view (most shared first)
    links_per_article: int = 2  #: each article's strongest links, drawn when the page opens
    draw_all_links: int = 150  #: a view with at most this many links draws them all
    view_links: int = 4000  #: links kept in a page (drawn or behind "all links"), strongest first
    outside_links: int = 600  #: edges to other subjects kept in a subject view (largest counts first)
    stubs: int = 200  #: articles outside the corpus in one view
    listed_articles: int = 10000  #: articles listed for search but not drawn
    keyword_articles: int = 1000  #: articles in a keyword view
    cooccurring_keywords: int = 30  #: other keywords in a keyword view
    neighbourhood_articles: int = 1000  #: articles in a neighbourhood view
    neighbourhood_keywords: int = 100  #: keywords in a neighbourhood view (the article's own first)
    card_keywords: int = 25  #: keywords listed on one article's card
    title_chars: int = 300  #: characters of a title or label kept in a page
    excerpt_chars: int = 400  #: at most this many Markdown characters of an answer on a card


@dataclass(frozen=True)
class Edge:
    """One edge of a view, between two selected nodes (``kind`` is a registered edge kind).

    ``count`` is set on aggregated edges (an edge that stands for that many edges of
    ``kind`` in the graph); ``weight`` and ``shared`` come from similarity edges.
    """

    source: str
    target: str
    kind: str
    primary: bool = True  #: drawn when the page opens
    weight: float | None = None
    count: int | None = None
    shared: tuple[str, ...] = ()  #: keys of the shared keywords, best first


@dataclass
class Selection:
    """What one view shows: nodes in drawing order, edges between them, and what it left out."""

    kind: str  #: overview, subject, keyword or neighbourhood
    nodes: list[str]
    edges: list[Edge]
    centre: str | None = None  #: the node the view is about, selected when the page opens
    listed: list[str] = field(default_factory=list)  #: articles found by search but not drawn
    #: ``(shown, total)`` by category: articles, keywords, stubs, subjects, links, listed, own keywords
    shown: dict[str, tuple[int, int]] = field(default_factory=dict)
    aggregated: bool = False  #: edges stand for counts of edges (the overview)
    truncated: bool = False  #: the neighbourhood walk stopped at its cap
    hops: int | None = None  #: the neighbourhood's depth
    reached: int | None = None  #: the step the neighbourhood walk reached
    members: int = 0  #: articles the view is about (a subject's, a keyword's)
    degree: dict[str, int] = field(default_factory=dict)  #: links of each article in the graph given

    def counts(self) -> dict[str, Counter[str]]:
        """Nodes by kind need the graph; edges by kind do not: ``{"edges": Counter}``."""
        return {"edges": Counter(e.kind for e in self.edges)}


# -- look-ups ---------------------------------------------------------------------------


def _kind(G: nx.MultiDiGraph, node: str) -> str:
    return str(G._node[node].get("kind", ""))


def _require(G: nx.MultiDiGraph, node: str, kinds: Sequence[str]) -> None:
    if node not in G:
        raise UsageError(f"no node {node!r} in the graph")
    kind = _kind(G, node)
    if kind not in kinds:
        raise UsageError(f"{node!r} is a {kind}, not a {' or '.join(kinds)}")


def _links() -> frozenset[str]:
    return frozenset(k.name for k in link_kinds())


def link_strength(kind: str, data: Mapping[str, Any]) -> float:
    """How strongly an edge ties two articles: its ``weight`` (similarity), else 1.0.

    A link an editor made (related, same question) counts as much as the best
    possible similarity score.

    >>> link_strength("similar", {"weight": 0.25}), link_strength("related", {"position": 2})
    (0.25, 1.0)
    """
    weight = data.get("weight")
    return float(weight) if isinstance(weight, (int, float)) else 1.0


def _article_links(G: nx.MultiDiGraph, node: str, links: frozenset[str]) -> Iterator[tuple[str, str, Mapping[str, Any], bool]]:
    """``(other, kind, data, outgoing)`` for the link edges of ``node``, both directions."""
    for other, keys in sorted(G._succ[node].items()):
        for kind, data in sorted(keys.items()):
            if kind in links:
                yield other, kind, data, True
    for other, keys in sorted(G._pred[node].items()):
        for kind, data in sorted(keys.items()):
            if kind in links:
                yield other, kind, data, False


def _degree(G: nx.MultiDiGraph, node: str, links: frozenset[str]) -> int:
    return (sum(len(links & keys.keys()) for keys in G._succ[node].values())
            + sum(len(links & keys.keys()) for keys in G._pred[node].values()))


_DEGREES: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[tuple[int, frozenset[str]], dict[str, int]]]" = (
    weakref.WeakKeyDictionary())


def link_degrees(G: nx.MultiDiGraph) -> dict[str, int]:
    """Links (of every link kind, both directions) of each node that has one, in one pass
    over the edges; remembered per graph while its node count and the registry's link
    kinds stay (counting a multigraph's edges is itself a pass over them)."""
    links = _links()
    stamp = (len(G), links)
    known = _DEGREES.get(G)
    if known is not None and known[0] == stamp:
        return known[1]
    degree: dict[str, int] = defaultdict(int)
    for u, nbrs in G._succ.items():
        for v, keys in nbrs.items():
            if links.isdisjoint(keys):  # no set made: most edges are keyword and subject memberships
                continue
            n = len(links & keys.keys())
            degree[u] += n
            degree[v] += n
    result = dict(degree)
    _DEGREES[G] = (stamp, result)
    return result


def link_degrees_stand(G: nx.MultiDiGraph, degrees: dict[str, int] | None = None) -> None:
    """Say that the :func:`link_degrees` remembered for ``G`` still hold, though nodes were added
    to it since: nodes and edges of no link kind (a view's keywords, read after its articles).
    With ``degrees``: that these are ``G``'s, for a graph that holds only some of its nodes'
    links (a subject view's part of a build, :func:`~.update.subject_graph`).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b", "related")])
    >>> known = link_degrees(G)
    >>> _ = G.add_edge("a", "keyword:k", key="keyword"); link_degrees_stand(G)
    >>> link_degrees(G) is known
    True
    >>> link_degrees_stand(G, {"a": 3}); link_degrees(G)
    {'a': 3}
    """
    known = _DEGREES.get(G)
    if degrees is not None:
        _DEGREES[G] = ((len(G), _links()), degrees)
    elif known is not None:
        _DEGREES[G] = ((len(G), known[0][1]), known[1])


#: the number of keywords that a graph's articles have, for a graph that holds only some of them
_KEYWORDS: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[list[str], int]]" = weakref.WeakKeyDictionary()


def keywords_stand(G: nx.MultiDiGraph, articles: Sequence[str], total: int) -> None:
    """Say that ``articles`` have ``total`` keywords in all, of which ``G`` holds only those that
    two of them or more have (a subject view's part of a build, :func:`~.update.subject_graph`):
    the others a view of ``articles`` only counts (:func:`_keywords`).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("article:/a", "keyword:k", "keyword"), ("article:/b", "keyword:k", "keyword")])
    >>> _keywords(G, ["article:/a", "article:/b"], 5)
    (['keyword:k'], 1)
    >>> keywords_stand(G, ["article:/a", "article:/b"], 4); _keywords(G, ["article:/a", "article:/b"], 5)
    (['keyword:k'], 4)
    """
    _KEYWORDS[G] = (list(articles), total)


def _by_degree(G: nx.MultiDiGraph, nodes: Iterable[str], links: frozenset[str]) -> tuple[list[str], dict[str, int]]:
    known = link_degrees(G)
    degree = {n: known.get(n, 0) for n in nodes}
    return sorted(degree, key=lambda n: (-degree[n], n)), degree


def _members(G: nx.MultiDiGraph, node: str, kind: str) -> list[str]:
    """Articles with an edge of ``kind`` to ``node`` (a subject's or a keyword's), sorted."""
    return sorted(a for a, keys in G._pred[node].items() if kind in keys)


# -- edges among chosen nodes -----------------------------------------------------------


def _link_edges(
    G: nx.MultiDiGraph, articles: Sequence[str], limits: Limits, *, always: str | None = None,
) -> tuple[list[Edge], int]:
    """The link edges among ``articles``: each article's ``limits.links_per_article``
    strongest are primary (and every link of ``always``; all of them when there are
    at most ``limits.draw_all_links``); at most ``limits.view_links`` are kept, primary
    ones first. Returns (edges, links among these articles).
    """
    links = _links()
    inside = set(articles)
    found: list[tuple[str, str, str, Mapping[str, Any]]] = []
    strength: list[float] = []
    best: dict[str, list[tuple[float, int]]] = defaultdict(list)
    for u in articles:  # adjacency in node order, so the view depends on the content only
        nbrs = G._succ[u]
        for v in sorted(inside.intersection(nbrs)):  # (its keywords and the articles not drawn left unsorted)
            if v == u:
                continue
            keys = nbrs[v]
            for kind in sorted(links & keys.keys()):
                data = keys[kind]
                i = len(found)
                found.append((u, v, kind, data))
                s = link_strength(kind, data)
                strength.append(s)
                best[u].append((-s, i))
                best[v].append((-s, i))
    primary: set[int] = set(range(len(found))) if len(found) <= limits.draw_all_links else set()
    per = max(0, limits.links_per_article)
    for node, ranked in best.items():
        if node == always:
            primary.update(i for _, i in ranked)
        else:
            primary.update(i for _, i in heapq.nsmallest(per, ranked))
    order = sorted(range(len(found)), key=lambda i: (i not in primary, -strength[i], i))
    kept = sorted(order[: max(0, limits.view_links)])
    edges = []
    for i in kept:
        u, v, kind, data = found[i]
        weight = data.get("weight")
        edges.append(Edge(u, v, kind, i in primary, weight=float(weight) if isinstance(weight, (int, float)) else None,
                          shared=tuple(data.get("shared") or ())[:6]))
    return edges, len(found)


def _other_edges(G: nx.MultiDiGraph, chosen: Sequence[str], skip: frozenset[str]) -> list[Edge]:
    """Every edge among ``chosen`` nodes whose kind is not in ``skip`` (nor a link kind):
    memberships, and any kind registered later."""
    inside = set(chosen)
    links = _links()
    out = []
    for u in chosen:
        nbrs = G._succ[u]
        for v in sorted(inside.intersection(nbrs)):  # only the neighbours among ``chosen`` sorted
            keys = nbrs[v]
            for kind in sorted(keys):
                if kind in links or kind in skip or kind not in EDGE_KINDS:
                    continue
                out.append(Edge(u, v, kind))
    return out


def _keywords(
    G: nx.MultiDiGraph, articles: Sequence[str], limit: int, *, always: Sequence[str] = (), skip: str | None = None,
) -> tuple[list[str], int]:
    """Keywords most shared by ``articles`` (at least two of them), after ``always``.

    Returns (chosen, keywords of these articles).
    """
    # counted in C (Counter of an iterable), in the same order of first sight as one by one
    counts: Counter[str] = Counter(kw for a in articles for kw, keys in G._succ[a].items()
                                   if kw != skip and HAS_KEYWORD in keys)
    chosen = list(dict.fromkeys(k for k in always if k != skip and k in G))[: max(0, limit)]
    taken = set(chosen)
    # only the keywords of two articles or more can be chosen: the others (most) are not sorted
    shared = [(kw, c) for kw, c in counts.items() if c >= 2]
    for kw, c in sorted(shared, key=lambda item: (-item[1], item[0])):
        if len(chosen) >= limit:
            break
        if kw not in taken:
            chosen.append(kw)
            taken.add(kw)
    known = _KEYWORDS.get(G)
    if known is not None and skip is None and known[0] == list(articles):  # G holds the shared ones (and ``always``)
        return chosen, known[1]
    return chosen, len(counts)


# -- the views --------------------------------------------------------------------------


@dataclass(frozen=True)
class OverviewCounts:
    """What the overview shows, counted over the whole corpus (from a graph or a build database).

    Subjects and keywords are node ids; ``links`` counts, for each link kind, the links
    between articles of two different subjects (by subject slug, the article's first:
    ``(source, target)``, or sorted for a symmetric kind), whatever the subjects' sizes;
    ``keyword_subjects`` counts the articles of each subject slug that have one of
    ``keywords``. :func:`overview_counts` counts them in a graph.
    """

    subjects: Mapping[str, int]  #: every subject node: its articles
    keywords: Sequence[tuple[str, int]]  #: the most frequent keyword nodes and their df, most first (ties: by id)
    keyword_total: int  #: keywords in the corpus
    links: Mapping[str, Mapping[tuple[str, str], int]]  #: link kind -> (slug, slug) -> links
    keyword_subjects: Mapping[str, Mapping[str, int]]  #: keyword node -> slug -> articles (for ``keywords``)


def overview_counts(G: nx.MultiDiGraph, keywords: int = Limits.overview_keywords) -> OverviewCounts:
    """:class:`OverviewCounts` of ``G``, with its ``keywords`` most frequent keywords.

    >>> import networkx as nx
    >>> overview_counts(nx.MultiDiGraph()).keyword_total
    0
    """
    attrs = G._node
    subjects = {n: int(d.get("articles", 0)) for n, d in attrs.items() if d.get("kind") == SUBJECT}
    all_keywords = [n for n, d in attrs.items() if d.get("kind") == KEYWORD]
    # the first of the sorted order without sorting all of them (ties cannot be: ids are unique)
    top = heapq.nsmallest(max(0, keywords), all_keywords, key=lambda k: (-int(attrs[k].get("df", 0)), k))
    links = link_kinds()
    names = frozenset(k.name for k in links)
    symmetric = symmetric_link_kinds()
    counts: dict[str, Counter[tuple[str, str]]] = {k.name: Counter() for k in links}
    for u, nbrs in G._succ.items():
        du = attrs[u]
        if du.get("kind") != ARTICLE or du.get("subject") is None:
            continue
        su = du["subject"]
        for v, keys in nbrs.items():
            if names.isdisjoint(keys):
                continue  # most edges are keyword and subject memberships
            sv = attrs[v].get("subject")
            if sv is None or sv == su:
                continue
            for kind in names & keys.keys():
                counts[kind][(su, sv) if kind not in symmetric or su < sv else (sv, su)] += 1
    by_keyword: dict[str, Counter[str]] = {}
    for kw in top:
        by_subject = by_keyword[kw] = Counter()
        for a, keys in G._pred[kw].items():
            if HAS_KEYWORD in keys and attrs[a].get("kind") == ARTICLE and attrs[a].get("subject") is not None:
                by_subject[attrs[a]["subject"]] += 1
    return OverviewCounts(subjects, [(k, int(attrs[k].get("df", 0))) for k in top], len(all_keywords),
                          {k: dict(c) for k, c in counts.items()}, {k: dict(c) for k, c in by_keyword.items()})


def overview_selection(G: nx.MultiDiGraph, limits: Limits = Limits()) -> Selection:
    """Subjects with the links between them, counted, and the most frequent keywords.

    Each subject keeps its ``limits.subject_links`` strongest links of each kind (a
    pair stays when it is among the strongest of either subject). The counts come
    from :func:`overview_counts`; :func:`select_overview` does the rest.

    >>> import networkx as nx
    >>> overview_selection(nx.MultiDiGraph()).shown["subjects"]
    (0, 0)
    """
    return select_overview(overview_counts(G, limits.overview_keywords), limits)


def select_overview(counts: OverviewCounts, limits: Limits = Limits()) -> Selection:
    """The overview's :class:`Selection` from corpus-wide :class:`OverviewCounts` (no graph needed).

    >>> select_overview(OverviewCounts({"subject:a": 2}, [], 0, {}, {})).nodes
    ['subject:a']
    """
    subjects = sorted(counts.subjects, key=lambda s: (-counts.subjects[s], s))[: limits.overview_subjects]
    subjects.sort()
    inside = set(subjects)
    edges: list[Edge] = []
    total_links = kept_links = 0
    for kind in (k.name for k in link_kinds()):
        by_pair: Counter[tuple[str, str]] = Counter()
        for (a, b), c in counts.links.get(kind, {}).items():
            su, sv = subject_node(a), subject_node(b)
            if su in inside and sv in inside and c:
                by_pair[(su, sv)] += c
        kept = _strongest(by_pair, limits.subject_links)
        total_links += len(by_pair)
        kept_links += len(kept)
        edges.extend(Edge(su, sv, kind, count=c) for (su, sv), c in kept.items())

    top = [k for k, _ in counts.keywords[: max(0, limits.overview_keywords)]]
    for kw in top:
        by_subject = counts.keyword_subjects.get(kw, {})
        ranked = sorted(((subject_node(slug), c) for slug, c in by_subject.items() if c),
                        key=lambda item: (-item[1], item[0]))
        edges.extend(Edge(s, kw, HAS_KEYWORD, count=c)
                     for s, c in [x for x in ranked if x[0] in inside][: limits.keyword_subjects])
    return Selection(
        "overview", [*subjects, *top], edges, aggregated=True,
        shown={"subjects": (len(subjects), len(counts.subjects)), "keywords": (len(top), counts.keyword_total),
               "links": (kept_links, total_links)},
    )


def _strongest(counts: Mapping[tuple[str, str], int], k: int) -> dict[tuple[str, str], int]:
    """The pairs among the ``k`` largest counts of either of their ends."""
    partners: dict[str, list[tuple[int, str, tuple[str, str]]]] = defaultdict(list)
    for pair, c in counts.items():
        partners[pair[0]].append((-c, pair[1], pair))
        partners[pair[1]].append((-c, pair[0], pair))
    keep: set[tuple[str, str]] = set()
    for ranked in partners.values():
        ranked.sort()
        keep.update(pair for _, _, pair in ranked[:k])
    return {pair: counts[pair] for pair in sorted(keep)}


def _stubs(G: nx.MultiDiGraph, articles: Sequence[str], limit: int) -> tuple[list[str], int]:
    """Articles outside the corpus that ``articles`` link to (most linked first)."""
    links = _links()
    attrs = G._node
    counts: Counter[str] = Counter()
    for a in articles:
        for v, keys in G._succ[a].items():
            if not links.isdisjoint(keys) and attrs[v].get("kind") == STUB:
                counts[v] += 1
    ranked = sorted(counts, key=lambda s: (-counts[s], s))
    return ranked[: max(0, limit)], len(ranked)


def _stub_edges(G: nx.MultiDiGraph, articles: Sequence[str], stubs: Sequence[str]) -> list[Edge]:
    links = _links()
    chosen = set(stubs)
    return [Edge(a, v, kind) for a in articles for v in sorted(chosen.intersection(G._succ[a]))
            for kind in sorted(G._succ[a][v]) if kind in links]


def subject_articles(
    G: nx.MultiDiGraph, subject: str, limits: Limits = Limits(),
) -> tuple[list[str], list[str], list[str], dict[str, int]]:
    """The articles of a subject view: ``(members, drawn, listed, links of each member)``.

    The members are the articles with a subject edge to ``subject``; the
    ``limits.subject_articles`` with the most links (then by id) are drawn, the next
    ``limits.listed_articles`` are listed. Only the members' link edges are read.
    """
    members = _members(G, subject, IN_SUBJECT)
    ranked, degree = _by_degree(G, members, _links())
    shown = ranked[: max(0, limits.subject_articles)]
    listed = ranked[len(shown): len(shown) + max(0, limits.listed_articles)]
    return members, shown, listed, degree


def subject_selection(G: nx.MultiDiGraph, subject: str, limits: Limits = Limits()) -> Selection:
    """The articles of one subject (``subject:<slug>``) and how they connect.

    The ``limits.subject_articles`` most connected are drawn; the others are listed.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("subject:s", kind="subject", slug="s", label="S", articles=1)
    >>> G.add_node("article:/a", kind="article", subject="s")
    >>> G.add_edge("article:/a", "subject:s", key="subject")
    'subject'
    >>> subject_selection(G, "subject:s").nodes
    ['article:/a']
    """
    _require(G, subject, (SUBJECT,))
    links = _links()
    members, shown, listed, degree = subject_articles(G, subject, limits)
    inside = set(shown)
    edges, n_links = _link_edges(G, shown, limits)
    stubs, n_stubs = _stubs(G, shown, limits.stubs)
    edges += _stub_edges(G, shown, stubs)

    # links to other subjects: one edge per article, subject and kind, with a count
    symmetric = symmetric_link_kinds()
    outside: Counter[tuple[str, str, str, bool]] = Counter()
    attrs = G._node
    for a in shown:
        for outgoing, nbrs in ((True, G._succ[a]), (False, G._pred[a])):
            for other, keys in nbrs.items():
                if other in inside or links.isdisjoint(keys):
                    continue
                data = attrs[other]
                slug = data.get("subject")
                if slug is None or data.get("kind") != ARTICLE:
                    continue
                s = subject_node(slug)
                if s == subject or s not in G:
                    continue
                for kind in sorted(links & keys.keys()):
                    outside[(a, s, kind, outgoing or kind in symmetric)] += 1
    # each other subject's edge with the largest count is drawn when the page opens
    best: dict[str, list[tuple[int, tuple[str, str, str, bool]]]] = defaultdict(list)
    for key, c in outside.items():
        best[key[1]].append((-c, key))
    primary = {min(ranked_keys)[1] for ranked_keys in best.values()}  # one each: the overview has the rest
    others = sorted(best)
    ranked_outside = sorted(outside, key=lambda key: (key not in primary, -outside[key], key))
    for key in sorted(ranked_outside[: max(len(primary), limits.outside_links)]):
        a, s, kind, outgoing = key
        u, v = (a, s) if outgoing else (s, a)
        edges.append(Edge(u, v, kind, key in primary, count=outside[key]))

    keywords, n_keywords = _keywords(G, shown, limits.subject_keywords)
    nodes = [*shown, *stubs, *others, *keywords]
    edges += _other_edges(G, nodes, frozenset({IN_SUBJECT}))
    kept_links = sum(1 for e in edges if e.kind in links and e.count is None and e.target in inside)
    return Selection(
        "subject", nodes, edges, listed=listed, members=len(members), degree=degree,
        shown={"articles": (len(shown), len(members)), "keywords": (len(keywords), n_keywords),
               "stubs": (len(stubs), n_stubs), "subjects": (len(others), len(others)),
               "outside": (min(len(outside), max(len(primary), limits.outside_links)), len(outside)),
               "links": (kept_links, n_links), "listed": (len(listed), len(members) - len(shown))},
    )


def keyword_selection(G: nx.MultiDiGraph, keyword: str, limits: Limits = Limits()) -> Selection:
    """A keyword (``keyword:<folded>``), its most connected articles and their subjects.

    >>> import networkx as nx
    >>> keyword_selection(nx.MultiDiGraph(), "keyword:x")
    Traceback (most recent call last):
    ...
    qagraph.errors.UsageError: no node 'keyword:x' in the graph
    """
    _require(G, keyword, (KEYWORD,))
    links = _links()
    members = _members(G, keyword, HAS_KEYWORD)
    ranked, degree = _by_degree(G, members, links)
    shown = ranked[: max(0, limits.keyword_articles)]
    listed = ranked[len(shown): len(shown) + max(0, limits.listed_articles)]
    edges, n_links = _link_edges(G, shown, limits)
    subjects = sorted({s for a in shown for s, keys in G._succ[a].items() if IN_SUBJECT in keys})
    others, n_others = _keywords(G, shown, limits.cooccurring_keywords, skip=keyword)
    nodes = [keyword, *shown, *subjects, *others]
    edges += _other_edges(G, nodes, frozenset())
    return Selection(
        "keyword", nodes, edges, centre=keyword, listed=listed, members=len(members), degree=degree,
        shown={"articles": (len(shown), len(members)), "keywords": (len(others), n_others),
               "subjects": (len(subjects), len(subjects)),
               "links": (sum(1 for e in edges if e.kind in links), n_links),
               "listed": (len(listed), len(members) - len(shown))},
    )


def neighbourhood_selection(
    G: nx.MultiDiGraph, node: str, hops: int = 1, limits: Limits = Limits(),
) -> Selection:
    """The articles within ``hops`` link steps of ``node``, with their subjects and keywords.

    ``G`` may be the whole graph or any subgraph holding ``node`` (such as
    ``KnowledgeGraph.neighbourhood(node, hops)``): only what it holds is walked and
    shown. The closest articles come first (in each step, the strongest links first);
    beyond ``limits.neighbourhood_articles`` the rest are left out. Articles outside
    the corpus end a path.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("article:/a", kind="article")
    >>> neighbourhood_selection(G, "article:/a", hops=2).nodes
    ['article:/a']
    """
    _require(G, node, (ARTICLE, STUB))
    if hops < 0:
        raise UsageError(f"hops must be 0 or more, not {hops}")
    links = _links()
    order, _, truncated, reached = _walk(G, node, hops, limits)

    edges, n_links = _link_edges(G, order, limits, always=node)
    articles = [n for n in order if _kind(G, n) == ARTICLE]
    subjects = sorted({s for a in articles for s, keys in G._succ[a].items() if IN_SUBJECT in keys})
    own = [k for k in (keyword_node(key) for key in G._node[node].get("keywords", ())) if k in G]  # file order
    keywords, n_keywords = _keywords(G, articles, limits.neighbourhood_keywords, always=own)
    nodes = [*order, *subjects, *keywords]
    edges += _other_edges(G, nodes, frozenset())
    shown_own = len(set(keywords) & set(own))
    known = _known_degrees(G)
    return Selection(
        "neighbourhood", nodes, edges, centre=node, hops=hops, reached=reached, truncated=truncated,
        shown={"articles": (len(order) - 1, len(order) - 1),
               "keywords": (len(keywords), max(n_keywords, len(own))),
               "own keywords": (shown_own, len(own)),
               "subjects": (len(subjects), len(subjects)), "links": (sum(1 for e in edges if e.kind in links), n_links)},
        members=1, degree={n: known.get(n, 0) if known is not None else _degree(G, n, links) for n in order},
    )


def _known_degrees(G: nx.MultiDiGraph) -> dict[str, int] | None:
    """The :func:`link_degrees` of ``G`` if they are known (counted, or told by :func:`link_degrees_stand`)."""
    known = _DEGREES.get(G)
    return known[1] if known is not None and known[0] == (len(G), _links()) else None


def _walk(G: nx.MultiDiGraph, node: str, hops: int, limits: Limits) -> tuple[list[str], dict[str, int], bool, int]:
    """The neighbourhood walk of :func:`neighbourhood_selection`: (the nodes in order, their steps,
    whether it stopped at its cap, the step it reached). It reads the link edges of the nodes it
    steps from only (the centre, then the articles of each step but the last)."""
    links = _links()
    cap = max(1, limits.neighbourhood_articles)
    order = [node]
    dist = {node: 0}
    frontier = [node]
    truncated = False
    reached = 0
    for step in range(1, hops + 1):
        found: dict[str, float] = {}
        for u in frontier:
            if u != node and _kind(G, u) != ARTICLE:
                continue  # articles outside the corpus end a path
            for v, kind, data, _ in _article_links(G, u, links):
                if v in dist:
                    continue
                s = link_strength(kind, data)
                if s > found.get(v, -1.0):
                    found[v] = s
        ranked = sorted(found, key=lambda v: (-found[v], v))
        room = cap - len(order)
        if len(ranked) > room:
            ranked, truncated = ranked[:room], True
        for v in ranked:
            dist[v] = step
        order.extend(ranked)
        if ranked:
            reached = step
        frontier = ranked
        if truncated or not frontier:
            break
    return order, dist, truncated, reached


def graph_filler(G: nx.MultiDiGraph, *, copy: bool = False) -> tuple[
        Callable[[str, dict[str, Any]], None], Callable[[str, str, str, dict[str, Any]], None]]:
    """Two functions that fill ``G`` in place, as a view's part of a graph read from a build is made
    (tens of thousands of edges, without networkx's checks and copies): ``put(node, data)`` gives a node
    ``data`` (the dict itself), ``join(u, v, kind, data)`` adds the edge ``u -> v`` keyed by ``kind`` (or
    replaces it) with ``data``, a copy of it with ``copy``. Both ends of an edge are put first.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> put, join = graph_filler(G)
    >>> put("a", {"kind": "article"}); put("b", {"kind": "article"}); join("a", "b", "related", {"kind": "related"})
    >>> list(G.edges(keys=True, data=True)), G.nodes["b"]
    ([('a', 'b', 'related', {'kind': 'related'})], {'kind': 'article'})
    """
    node_data, succ, pred = G._node, G._succ, G._pred

    def put(node: str, data: dict[str, Any]) -> None:
        node_data[node] = data
        if node not in succ:
            succ[node], pred[node] = {}, {}

    def join(u: str, v: str, kind: str, data: dict[str, Any]) -> None:
        keyed = succ[u].get(v)
        if keyed is None:
            keyed = succ[u][v] = pred[v][u] = {}
        keyed[kind] = dict(data) if copy else data

    return put, join


def neighbourhood_graph(kg: KnowledgeGraph, node: str, hops: int = 1, limits: Limits = Limits()) -> nx.MultiDiGraph:
    """The part of ``kg``'s graph that :func:`neighbourhood_selection` (and the view) of article
    ``node`` reads, with ``hops`` and ``limits``, read in batches.

    The view of the neighbourhood with its context (``kg.subgraph(near, context=True)`` of the
    nodes ``near`` within ``hops`` link steps) reads few of its nodes: it draws at most
    ``limits.neighbourhood_articles``. This part holds the link edges of the nodes the walk steps
    from, the kind of the nodes at their other end; the data of the drawn nodes with their link
    edges among them and their subject and keyword edges to the subjects of ``near`` (every one,
    for the colours) and to the keywords the view may draw (the centre's, and those two drawn
    articles or more have); the drawn ones' number of links in that subgraph and their keywords'
    number are told (:func:`link_degrees_stand`, :func:`keywords_stand`). Only the nodes of
    ``near`` are walked, not read. The view of this part is the view of the subgraph.

    >>> import qagraph
    >>> kg = qagraph.build("content")
    >>> node = kg.article(165309)
    >>> links = [k.name for k in link_kinds()]
    >>> whole = kg.subgraph(kg.neighbourhood(node, 2, links).nodes, kinds=links, context=True)
    >>> neighbourhood_selection(neighbourhood_graph(kg, node, 2), node, 2) == neighbourhood_selection(whole, node, 2)
    True
    """
    source = kg._source
    links = sorted(_links())
    context = (IN_SUBJECT, HAS_KEYWORD)
    near = kg._reach(node, hops, links)
    kinds = source.kinds_many(sorted(near))
    near_articles = {n for n, k in kinds.items() if k == ARTICLE}
    H = kg.subgraph(())  # the graph's attributes, no node
    node_data = H._node
    put, join = graph_filler(H, copy=True)

    def in_context(targets: Iterable[str]) -> set[str]:
        """The subjects and keywords among ``targets`` that an article of ``near`` has (in the subgraph)."""
        edges = source.edges_many(sorted(set(targets)), context, False)
        return {t for t, found in edges.items() if any(a in near_articles for a, _, _ in found)}

    # the subjects of near's articles: the colours come from them
    around = source.edges_many(sorted(near_articles), (IN_SUBJECT,), True)
    subjects = {s for found in around.values() for s, kind, _ in found if kind == IN_SUBJECT}
    for s, data in source.data_many(sorted(subjects)).items():
        put(s, dict(data))
    centre = source.data_many([node]).get(node)
    if centre is None:
        return H
    put(node, dict(centre))

    # the walk, step by step: the link edges of the nodes it steps from (all of them in ``near``)
    order, frontier, expanded = [node], [node], set()
    for step in range(1, hops + 1):
        stepping = [u for u in frontier if (u == node or kinds.get(u) == ARTICLE) and u not in expanded]
        expanded.update(stepping)
        ends: list[tuple[str, str, str, dict[str, Any]]] = []
        for outgoing in (True, False):
            for u, found in source.edges_many(stepping, links, outgoing).items():
                ends += [(u, v, kind, data) if outgoing else (v, u, kind, data) for v, kind, data in found]
        for a, b, kind, data in ends:
            for n in (a, b):
                if n not in node_data:
                    put(n, {"kind": kinds.get(n, "")})
            join(a, b, kind, data)
        order, dist, truncated, _ = _walk(H, node, step, limits)
        frontier = [n for n in order if dist[n] == step]
        if truncated or not frontier:
            break

    # the drawn nodes: their data, their link edges among them, their subject and keyword edges
    for n, data in source.data_many(order).items():
        put(n, dict(data))
    drawn = set(order)
    out = source.edges_many(order, [*links, *context], True)
    articles = [n for n in order if kinds.get(n) == ARTICLE]
    counts: Counter[str] = Counter()
    for a in articles:
        counts.update({v for v, kind, _ in out.get(a, ()) if kind == HAS_KEYWORD})
    own = [keyword_node(key) for key in centre.get("keywords", ())]
    theirs = {v for v, kind, _ in out.get(node, ()) if kind in context} if node in near_articles else set()
    keywords = {k for k, c in counts.items() if c >= 2} | {k for k in own if k in theirs}
    keywords |= in_context(k for k in own if k not in theirs)
    for k, data in source.data_many(sorted(keywords - node_data.keys())).items():
        put(k, dict(data))
    for u in order:
        for v, kind, data in out.get(u, ()):
            if v in node_data and v in (subjects if kind == IN_SUBJECT else keywords if kind == HAS_KEYWORD else drawn):
                join(u, v, kind, data)

    # the drawn nodes' links in the subgraph: to a node of near, or to a stub an article of near links to
    every: dict[str, list[str]] = {n: [] for n in order}
    for outgoing in (True, False):
        for u, found in source.edges_many(order, links, outgoing).items():
            every[u] += [v for v, _, _ in found]
    beyond = sorted({v for ends_ in every.values() for v in ends_ if v not in near})
    beyond_kinds = source.kinds_many(beyond)
    stubs = [v for v in beyond if beyond_kinds.get(v) == STUB]
    linked = {v for v, found in source.edges_many(stubs, ("related",), False).items()
              if any(a in near_articles for a, kind, _ in found if kind == "related")}
    degrees = {n: sum(1 for v in ends_ if v in near or v in linked) for n, ends_ in every.items()}
    keywords_stand(H, articles, len(counts))
    link_degrees_stand(H, degrees)
    return H
