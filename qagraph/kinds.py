"""The registry of node and edge kinds: the one list the graph, RDF, database and views read.

A node kind names what a node stands for (``article``, ``stub``, ``subject``,
``keyword``); an edge kind names a relation and says how every output shows it: its
label for people, the RDF predicates of its plain triples, whether it joins two
articles (and so is walked by neighbourhoods, paths and local views), and how views
draw it. Edge kinds are also the keys of the networkx multigraph's edges, so two kinds
never collide between the same two nodes.

Adding an edge kind means one :func:`register_edge_kind` call here (or an entry in
:data:`EDGE_KINDS`), its terms in ``ontology/`` and the code that creates the edges;
nothing else changes (``tests/test_kinds.py`` shows it).

>>> EDGE_KINDS["related"].label
'related link'
>>> [k.name for k in link_kinds()]
['related', 'similar', 'same-question']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ARTICLE",
    "EDGE_KINDS",
    "EdgeKind",
    "EdgeStyle",
    "KEYWORD",
    "LISTING",
    "NODE_KINDS",
    "NodeKind",
    "STUB",
    "SUBJECT",
    "edge_kind",
    "kind_counts",
    "link_kinds",
    "node_kind",
    "register_edge_kind",
    "registered",
    "symmetric_link_kinds",
    "weighted_link_kinds",
]

ARTICLE = "article"
STUB = "stub"
SUBJECT = "subject"
KEYWORD = "keyword"
#: the edge kind of a link to the list of a subject's or keyword's pages
LISTING = "listing"

_SCHEMA = "https://schema.org/"
_DCT = "http://purl.org/dc/terms/"
_QA = "https://qagraph.example/ns#"


@dataclass(frozen=True)
class NodeKind:
    """What a node stands for; ``name`` is both the node id's prefix and its ``kind`` attribute."""

    name: str
    label: str  #: for people, singular
    plural: str
    shape: str  #: how views draw it: dot, diamond, triangle
    colour: str  #: its colour in legends (articles are coloured by subject or community)


@dataclass(frozen=True)
class EdgeStyle:
    """How views draw an edge kind."""

    colour: str
    width: float = 1.0
    dashes: tuple[int, ...] = ()
    arrows: bool = False


@dataclass(frozen=True)
class EdgeKind:
    """A relation between two nodes, and how every output represents it.

    ``symmetric`` kinds are stored once per pair (from the node whose id sorts first)
    and mean both directions. ``link`` kinds join two articles: neighbourhoods, paths,
    local views and the atlas follow them. ``fields`` are the edge's data keys (kept in
    the database's ``data`` column and in exports). ``predicates`` are the full IRIs of
    the plain RDF triples that state one edge (both directions for symmetric kinds),
    in the named graph ``graph``.
    """

    name: str
    label: str
    plural: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    style: EdgeStyle
    symmetric: bool = False
    link: bool = False
    fields: tuple[str, ...] = ()
    predicates: tuple[str, ...] = ()
    graph: str = "content"
    description: str = ""


NODE_KINDS: dict[str, NodeKind] = {
    ARTICLE: NodeKind(ARTICLE, "article", "articles", "dot", "#9aa9c9"),
    STUB: NodeKind(STUB, "article outside the corpus", "articles outside the corpus", "dot", "#eeeeee"),
    SUBJECT: NodeKind(SUBJECT, "subject", "subjects", "diamond", "#4f5b6b"),
    KEYWORD: NodeKind(KEYWORD, "keyword", "keywords", "triangle", "#b7791f"),
}

_ARTICLES = (ARTICLE,)
_ANY_ARTICLE = (ARTICLE, STUB)

EDGE_KINDS: dict[str, EdgeKind] = {
    kind.name: kind
    for kind in (
        EdgeKind(
            "subject", "article in subject", "subject memberships", _ARTICLES, (SUBJECT,),
            EdgeStyle("#8c959f"), fields=("line",), predicates=(_SCHEMA + "about", _DCT + "subject"),
            description="an article to its subject",
        ),
        EdgeKind(
            "keyword", "has keyword", "keyword uses", _ARTICLES, (KEYWORD,),
            EdgeStyle("#d4a72c", 0.7), fields=("line",), predicates=(_SCHEMA + "keywords",),
            description="an article to each of its keywords",
        ),
        EdgeKind(
            "related", "related link", "related links", _ARTICLES, _ANY_ARTICLE,
            EdgeStyle("#2f6fbf", 1.6, arrows=True), link=True, fields=("position", "positions", "origin", "line"),
            predicates=(_DCT + "relation",),
            description="a link the article makes to another (related_articleN, or a link in its text)",
        ),
        EdgeKind(
            LISTING, "link to a list", "links to lists", _ARTICLES, (SUBJECT, KEYWORD),
            EdgeStyle("#5b8a72", 0.8, dashes=(1, 3), arrows=True), fields=("position", "positions", "origin", "line"),
            predicates=(_DCT + "references",),
            description="a link in the article's text to the list of a subject's or keyword's pages the site makes "
                        "(a tag's page, /tags/go/)",
        ),
        EdgeKind(
            "similar", "similar", "similar pairs", _ARTICLES, _ARTICLES,
            EdgeStyle("#c4432b", 1.0, dashes=(5, 4)), symmetric=True, link=True, fields=("weight", "shared"),
            predicates=(_QA + "similarTo",), graph="similarity",
            description="two articles that share keywords, weighted",
        ),
        EdgeKind(
            "same-question", "same question", "same-question pairs", _ARTICLES, _ARTICLES,
            EdgeStyle("#7d4cc4", 1.4, dashes=(2, 3)), symmetric=True, link=True,
            predicates=(_QA + "sameQuestionAs",),
            description="the same question filed under two subjects",
        ),
    )
}


def node_kind(name: str) -> NodeKind:
    """The registered node kind ``name``; a ``KeyError`` names the known ones."""
    try:
        return NODE_KINDS[name]
    except KeyError:
        raise KeyError(f"unknown node kind {name!r} (known: {', '.join(NODE_KINDS)})") from None


def edge_kind(name: str) -> EdgeKind:
    """The registered edge kind ``name``; a ``KeyError`` names the known ones."""
    try:
        return EDGE_KINDS[name]
    except KeyError:
        raise KeyError(f"unknown edge kind {name!r} (known: {', '.join(EDGE_KINDS)})") from None


def link_kinds() -> list[EdgeKind]:
    """The edge kinds that join two articles, in registry order."""
    return [kind for kind in EDGE_KINDS.values() if kind.link]


def symmetric_link_kinds() -> frozenset[str]:
    """The names of the link kinds stored once per pair, whichever way they are read.

    >>> sorted(symmetric_link_kinds())
    ['same-question', 'similar']
    """
    return frozenset(kind.name for kind in EDGE_KINDS.values() if kind.link and kind.symmetric)


def weighted_link_kinds() -> frozenset[str]:
    """The names of the link kinds whose edges carry a ``weight`` (a similarity's score)."""
    return frozenset(kind.name for kind in EDGE_KINDS.values() if kind.link and "weight" in kind.fields)


def register_edge_kind(kind: EdgeKind) -> EdgeKind:
    """Add ``kind`` to the registry (its name must be new); every output then shows it."""
    if kind.name in EDGE_KINDS:
        raise ValueError(f"edge kind {kind.name!r} is already registered")
    EDGE_KINDS[kind.name] = kind
    return kind


@contextmanager
def registered(kind: EdgeKind) -> Iterator[EdgeKind]:
    """Register ``kind`` for the duration of a ``with`` block (tests, plugins in trials)."""
    register_edge_kind(kind)
    try:
        yield kind
    finally:
        del EDGE_KINDS[kind.name]


def kind_counts(G: nx.MultiDiGraph) -> tuple[Counter[Any], Counter[str]]:
    """The nodes of ``G`` by kind and its edges by kind, counted in C: each edge is a key of
    its two ends' dict of kinds (700k edges at 36k articles: 0.05 s, not 1.2 s by a loop).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b", "related"), ("a", "b", "similar")])
    >>> G.nodes["a"]["kind"] = G.nodes["b"]["kind"] = "article"
    >>> kind_counts(G)
    (Counter({'article': 2}), Counter({'related': 1, 'similar': 1}))
    """
    nodes: Counter[Any] = Counter(data.get("kind") for data in G._node.values())
    edges: Counter[str] = Counter(chain.from_iterable(chain.from_iterable(nbrs.values() for nbrs in G._succ.values())))
    return nodes, edges
