"""Interactive HTML views of the graph: which nodes and edges each view shows.

A view is a pyvis :class:`~pyvis.network.Network` whose node and edge dicts are
appended straight into ``net.nodes`` / ``net.edges`` (pyvis's ``from_nx`` and
``add_edge`` are quadratic), with vis-network options set on ``net.options``,
plus the page's texts. :mod:`.page` renders it; ``view.js`` draws it.

The views, and what they leave out so that a browser can hold them:

* **overview**: every subject (sized by articles) with the related links and
  similar pairs between subjects, and the most frequent keywords, each linked to
  the subjects that use it most;
* **subject**: its articles (the most connected ones when there are more than
  ``Limits.subject_articles``), their related links, each article's best similar
  articles, the keywords its articles share most, the stubs they link to and the
  other subjects they link to (one edge per article and subject, with a count);
* **keyword** (on demand): the keyword, its articles, their subjects, the links
  between them and the keywords that occur with it most;
* **neighbourhood** (on demand): the articles within ``hops`` steps of an article
  along related and similar edges (keywords and subjects are shown, not walked
  through: one step through a popular keyword reaches hundreds of articles).

Every view says in its page what it left out.
"""

from __future__ import annotations

import colorsys
import hashlib
import math
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..errors import QagraphError
from ..fileio import write_atomic
from ..ids import ARTICLE, KEYWORD, STUB, SUBJECT, keyword_node, split_node, subject_node
from ..model import Progress
from ..normalize import slugify
from .page import VIS_JS_NAME, excerpt_html, render_index, render_view, safe_href, vis_network_js

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = [
    "Limits",
    "View",
    "generate_view",
    "keyword_view",
    "neighbourhood_view",
    "overview",
    "subject_file_names",
    "subject_view",
    "write_keyword",
    "write_neighbourhood",
    "write_subject",
    "write_view",
    "write_views",
]


LINKS = ("related", "similar")  # the article-to-article edge kinds

#: how each edge kind is drawn; ``view.js`` applies these (kept out of every edge dict)
EDGE_STYLES: dict[str, dict[str, Any]] = {
    "subject": {"label": "article in subject", "color": "#8c959f", "width": 1, "dashes": False, "arrows": False},
    "keyword": {"label": "has keyword", "color": "#d4a72c", "width": 0.7, "dashes": False, "arrows": False},
    "related": {"label": "related link", "color": "#2f6fbf", "width": 1.6, "dashes": False, "arrows": True},
    "similar": {"label": "similar", "color": "#c4432b", "width": 1, "dashes": [5, 4], "arrows": False},
}
AGGREGATE_LABELS = {
    "related": "related links (count)",
    "similar": "similar pairs (count)",
    "keyword": "keyword in subject (articles)",
}
KEYWORD_COLOUR = "#b7791f"
STUB_COLOUR = {"background": "#eeeeee", "border": "#8c959f"}
SIZE_RANGE = {ARTICLE: (7, 26), STUB: (6, 6), SUBJECT: (12, 30), KEYWORD: (7, 22)}
OVERVIEW_SIZE_RANGE = {**SIZE_RANGE, SUBJECT: (16, 50)}  # subjects are the point of the overview


@dataclass(frozen=True)
class Limits:
    """How much each view may hold; the defaults keep every view under ~2,000 nodes."""

    overview_keywords: int = 150  #: most frequent keywords in the overview
    keyword_subjects: int = 3  #: subjects each overview keyword links to
    subject_links: int = 4  #: links of each kind kept per subject in the overview (strongest first)
    subject_articles: int = 1500  #: articles in a subject view (most connected first)
    subject_keywords: int = 100  #: keywords in a subject view (most shared first)
    similar_per_article: int = 2  #: similar edges kept per article in subject and keyword views
    keyword_articles: int = 1000  #: articles in a keyword view
    cooccurring_keywords: int = 30  #: other keywords in a keyword view
    neighbourhood_articles: int = 1000  #: articles in a neighbourhood view
    neighbourhood_keywords: int = 100  #: keywords in a neighbourhood view
    excerpt_chars: int = 400  #: at most this many Markdown characters of an answer in a tooltip


@dataclass
class View:
    """One view: a pyvis network of vis-network node/edge dicts and the texts around it."""

    kind: str  #: overview, subject, keyword or neighbourhood
    title: str
    heading: str
    summary: str
    network: "Network"
    notes: list[str] = field(default_factory=list)
    centre: int | None = None  #: vis id of the node the view is about, selected once drawn
    subjects: list[tuple[str, str]] = field(default_factory=list)  #: (label, colour) legend
    aggregated: bool = False  #: edges stand for counts of links (the overview)

    @property
    def nodes(self) -> list[dict[str, Any]]:
        return self.network.nodes

    @property
    def edges(self) -> list[dict[str, Any]]:
        return self.network.edges

    def counts(self) -> dict[str, Counter[str]]:
        """Nodes and edges by kind."""
        return {
            "nodes": Counter(n["kind"] for n in self.network.nodes),
            "edges": Counter(e["kind"] for e in self.network.edges),
        }


# -- shared look-ups ----------------------------------------------------------------------


def _colour(hue: float, lightness: float, saturation: float = 0.58) -> str:
    r, g, b = colorsys.hls_to_rgb(hue, lightness, saturation)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _short(text: str, n: int = 42) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _fmt(n: int) -> str:
    return f"{n:,}"


class _Context:
    """What every view of one graph shares: subject colours, article degrees (cached), settings."""

    def __init__(self, G: nx.MultiDiGraph, limits: Limits, site_url: str | None) -> None:
        self.G = G
        self.limits = limits
        self.site_url = site_url
        slugs = sorted(data["slug"] for _, data in G.nodes(data=True) if data.get("kind") == SUBJECT)
        golden = 0.381966  # spread consecutive subjects far apart on the colour wheel
        self.hue = {slug: (0.58 + i * golden) % 1.0 for i, slug in enumerate(slugs)}
        self._degree: dict[str, int] = {}

    def subject_colour(self, slug: str | None, dark: bool = False) -> str:
        hue = self.hue.get(slug) if slug is not None else None
        if hue is None:
            return "#6e7781" if dark else "#b8bec6"
        return _colour(hue, 0.36 if dark else 0.62)

    def degree(self, node: str) -> int:
        """Related links (both ways) and similar pairs of an article."""
        d = self._degree.get(node)
        if d is None:
            G = self.G
            d = sum(1 for keys in G._succ[node].values() for k in keys if k in LINKS)
            d += sum(1 for keys in G._pred[node].values() for k in keys if k in LINKS)
            self._degree[node] = d
        return d

    def node_dict(self, node: str) -> dict[str, Any]:
        """The vis-network dict of ``node`` (without ``id``); ``_m`` is its size measure."""
        data = self.G._node[node]
        kind = data["kind"]
        if kind == ARTICLE:
            title = data.get("title") or data.get("label") or node
            info: dict[str, Any] = {
                "title": title,
                "subject": data.get("subject_label"),
                "keywords": list(data.get("keyword_labels") or ())[:25],
                "degree": self.degree(node),
            }
            if data.get("date"):
                info["date"] = data["date"]
            excerpt = excerpt_html(data.get("answer") or "", self.limits.excerpt_chars)
            if excerpt:
                info["excerpt"] = excerpt
            href = safe_href(data.get("url"), self.site_url)
            if href:
                info["url"] = href
            return {"kind": kind, "label": _short(title), "shape": "dot",
                    "color": self.subject_colour(data.get("subject")), "info": info, "_m": info["degree"] + 1}
        if kind == STUB:
            title = data.get("title") or data.get("url") or node
            info = {"title": title, "subject": data.get("subject_label"), "note": "not in the corpus"}
            href = safe_href(data.get("url"), self.site_url)
            if href:
                info["url"] = href
            return {"kind": kind, "label": _short(title), "shape": "dot", "color": dict(STUB_COLOUR),
                    "shapeProperties": {"borderDashes": [3, 3]}, "info": info, "_m": 1}
        if kind == SUBJECT:
            labels = list(data.get("labels") or ())
            info = {"title": data["label"], "articles": data.get("articles", 0)}
            if len(labels) > 1:
                info["labels"] = labels
            return {"kind": kind, "label": data["label"], "shape": "diamond",
                    "color": self.subject_colour(data.get("slug"), dark=True),
                    "font": {"size": 16, "strokeWidth": 3}, "info": info, "_m": info["articles"]}
        if kind == KEYWORD:
            labels = list(data.get("labels") or ())
            info = {"title": data["label"], "df": data.get("df", 0)}
            if len(labels) > 1:
                info["labels"] = labels[:10]
            return {"kind": kind, "label": _short(data["label"], 30), "shape": "triangle",
                    "color": KEYWORD_COLOUR, "info": info, "_m": info["df"]}
        raise QagraphError(f"node {node!r} has an unknown kind {kind!r}")


class _Canvas:
    """Builds one view's pyvis network: nodes get small integer ids in insertion order."""

    def __init__(self, ctx: _Context) -> None:
        from pyvis.network import Network  # imports IPython: 0.6 s, paid only when drawing

        self.ctx = ctx
        self.net = Network(height="100%", width="100%", cdn_resources="remote")
        self.index: dict[str, int] = {}

    def __contains__(self, node: str) -> bool:
        return node in self.index

    def node(self, node: str) -> int:
        i = self.index.get(node)
        if i is None:
            d = self.ctx.node_dict(node)
            i = d["id"] = len(self.net.nodes)
            self.net.nodes.append(d)
            self.net.node_ids.append(i)
            self.net.node_map[i] = d
            self.index[node] = i
        return i

    def edge(self, u: int, v: int, kind: str, **extra: Any) -> None:
        self.net.edges.append({"from": u, "to": v, "kind": kind, **extra})

    def finish(self, sizes: dict[str, tuple[int, int]] = SIZE_RANGE) -> "Network":
        """Sizes by degree within the view, per kind; vis-network options."""
        top: dict[str, int] = defaultdict(int)
        for d in self.net.nodes:
            top[d["kind"]] = max(top[d["kind"]], d["_m"])
        for d in self.net.nodes:
            lo, hi = sizes[d["kind"]]
            m = d.pop("_m")
            d["size"] = round(lo + (hi - lo) * math.sqrt(m / top[d["kind"]]), 1) if top[d["kind"]] else lo
        self.net.options = _options(len(self.net.nodes), len(self.net.edges))
        return self.net


def _options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options: physics until stable (then ``view.js`` turns it off)."""
    if n_nodes <= 200:
        iterations = 600
    elif n_nodes <= 800:
        iterations = 400
    else:
        iterations = 250
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 150},
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -45, "centralGravity": 0.012, "springLength": 80,
                "springConstant": 0.06, "damping": 0.55, "avoidOverlap": 0.1,
            },
            "maxVelocity": 60,
            "minVelocity": 1.5,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 20, "fit": True},
        },
        "interaction": {
            "hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
            "hideEdgesOnDrag": n_edges > 3000, "hideEdgesOnZoom": n_edges > 8000,
        },
        "nodes": {"borderWidth": 1, "font": {"size": 12, "color": "#343434"},
                  "scaling": {"label": {"drawThreshold": 7}}},
        "edges": {"smooth": False if n_edges > 400 else {"type": "continuous", "roundness": 0.3},
                  "selectionWidth": 2, "hoverWidth": 0.6},
    }


def _similar_width(weight: float) -> float:
    return round(0.6 + 4.0 * weight, 2)


def _count_width(count: int, most: int) -> float:
    """Edge width for a count of links, relative to the largest count in the view
    (but never wide for a handful of links)."""
    return round(1.0 + 6.0 * math.sqrt(count / max(most, 20)), 2) if count > 0 else 1.0


def _strongest(counts: dict[tuple[str, str], int], k: int) -> dict[tuple[str, str], int]:
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


def _article_links(G: nx.MultiDiGraph, node: str) -> Iterable[tuple[str, str, dict[str, Any], bool]]:
    """``(other, kind, data, outgoing)`` for the related and similar edges of ``node``."""
    for other, keys in G._succ[node].items():
        for kind, data in keys.items():
            if kind in LINKS:
                yield other, kind, data, True
    for other, keys in G._pred[node].items():
        for kind, data in keys.items():
            if kind in LINKS:
                yield other, kind, data, False


def _kind_of(G: nx.MultiDiGraph, node: str) -> str:
    return G._node[node]["kind"]


def _require(G: nx.MultiDiGraph, node: str, kinds: Sequence[str]) -> None:
    if node not in G:
        raise QagraphError(f"no node {node!r} in the graph")
    kind = _kind_of(G, node)
    if kind not in kinds:
        raise QagraphError(f"{node!r} is a {kind}, not a {' or '.join(kinds)}")


def _link_edges(
    G: nx.MultiDiGraph, canvas: _Canvas, articles: Sequence[str], similar_per_article: int | None
) -> None:
    """Related and similar edges among ``articles`` (already on the canvas).

    With ``similar_per_article``, a similar edge stays when it is among the best of
    either end.
    """
    shown = set(articles)
    best: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    similar: list[tuple[str, str, dict[str, Any]]] = []
    for u in articles:
        for v, keys in G._succ[u].items():
            if v not in shown:
                continue
            for kind, data in keys.items():
                if kind == "related":
                    canvas.edge(canvas.index[u], canvas.index[v], "related")
                elif kind == "similar":
                    similar.append((u, v, data))
                    best[u].append((-data["weight"], v, u))
                    best[v].append((-data["weight"], u, v))
    if similar_per_article is not None:
        keep = set()
        for node, cands in best.items():
            cands.sort()
            for _, other, _ in cands[:similar_per_article]:
                keep.add((node, other) if node < other else (other, node))
        similar = [s for s in similar if ((s[0], s[1]) if s[0] < s[1] else (s[1], s[0])) in keep]
    for u, v, data in similar:
        shared = [G._node[kn]["label"] for kn in map(keyword_node, data.get("shared", ())[:6]) if kn in G]
        canvas.edge(canvas.index[u], canvas.index[v], "similar", weight=data["weight"],
                    width=_similar_width(data["weight"]), shared=shared)


def _keyword_edges(
    G: nx.MultiDiGraph, canvas: _Canvas, articles: Sequence[str], limit: int, always: Iterable[str] = (),
    skip: str | None = None,
) -> tuple[int, int]:
    """Keywords most shared by ``articles`` (at least two of them), and ``always``.

    Returns (keywords shown, keywords of these articles).
    """
    counts: Counter[str] = Counter()
    for a in articles:
        for kw in G._succ[a]:
            if kw != skip and "keyword" in G._succ[a][kw]:
                counts[kw] += 1
    always = [k for k in always if k != skip]
    chosen = list(dict.fromkeys(always))
    for kw, c in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if len(chosen) >= limit + len(always) or c < 2:
            break
        if kw not in chosen:
            chosen.append(kw)
    chosen_set = set(chosen)
    for kw in chosen:
        canvas.node(kw)
    for a in articles:
        ai = canvas.index[a]
        for kw in G._succ[a]:
            if kw in chosen_set and "keyword" in G._succ[a][kw]:
                canvas.edge(ai, canvas.index[kw], "keyword")
    return len(chosen), len(counts)


def _by_degree(ctx: _Context, nodes: Iterable[str]) -> list[str]:
    return sorted(nodes, key=lambda n: (-ctx.degree(n), n))


# -- the views ----------------------------------------------------------------------------


def overview(
    G: nx.MultiDiGraph, *, limits: Limits = Limits(), view_files: dict[str, str] | None = None,
    _ctx: _Context | None = None,
) -> View:
    """Subjects with their links, sized by articles, and the most frequent keywords.

    ``view_files`` maps subject node ids to the file names of their views, for links.

    >>> overview(nx.MultiDiGraph()).summary
    '0 subjects and 0 of 0 keywords.'
    """
    ctx = _ctx or _Context(G, limits, None)
    canvas = _Canvas(ctx)
    subjects = sorted(n for n, k in G.nodes(data="kind") if k == SUBJECT)
    keywords = [n for n, k in G.nodes(data="kind") if k == KEYWORD]
    for s in subjects:
        canvas.node(s)

    # links between subjects: related (directed) and similar (either way), counted
    attrs = G._node
    subject_of: dict[str, str | None] = {}
    counts: dict[str, Counter[tuple[str, str]]] = {"related": Counter(), "similar": Counter()}
    for u, nbrs in G._succ.items():
        if attrs[u]["kind"] != ARTICLE:
            continue
        su = subject_node(attrs[u]["subject"])
        for v, keys in nbrs.items():
            if "related" not in keys and "similar" not in keys:
                continue
            sv = subject_of.get(v)
            if sv is None:
                slug = attrs[v].get("subject")
                sv = subject_of[v] = subject_node(slug) if slug is not None else ""
            if not sv or sv == su or sv not in G:
                continue
            if "related" in keys:
                counts["related"][(su, sv)] += 1
            if "similar" in keys:
                counts["similar"][(su, sv) if su < sv else (sv, su)] += 1
    pruned = False
    for kind, by_pair in counts.items():
        kept = _strongest(by_pair, limits.subject_links)
        pruned = pruned or len(kept) < len(by_pair)
        most = max(kept.values(), default=0)
        for (su, sv), c in kept.items():
            canvas.edge(canvas.index[su], canvas.index[sv], kind, count=c, width=_count_width(c, most))

    # the most frequent keywords, each linked to the subjects that use it most
    top = sorted(keywords, key=lambda k: (-G.nodes[k].get("df", 0), k))[: limits.overview_keywords]
    per_subject_keywords: dict[str, Counter[str]] = defaultdict(Counter)
    keyword_edges: list[tuple[int, int, int]] = []
    for kw in top:
        by_subject: Counter[str] = Counter()
        for a, keys in G._pred[kw].items():
            if "keyword" in keys and attrs[a]["kind"] == ARTICLE:
                by_subject[subject_node(attrs[a]["subject"])] += 1
        ki = canvas.node(kw)
        for s, c in sorted(by_subject.items(), key=lambda item: (-item[1], item[0]))[: limits.keyword_subjects]:
            if s in canvas:
                keyword_edges.append((canvas.index[s], ki, c))
        for s, c in by_subject.items():
            per_subject_keywords[s][G.nodes[kw]["label"]] = c
    most = max((c for _, _, c in keyword_edges), default=0)
    for si, ki, c in keyword_edges:
        canvas.edge(si, ki, "keyword", count=c, width=_count_width(c, most))
    for s in subjects:
        info = canvas.net.node_map[canvas.index[s]]["info"]
        ranked = sorted(per_subject_keywords[s].items(), key=lambda item: (-item[1], item[0]))
        info["keywords"] = [label for label, _ in ranked[:8]]
        if view_files and s in view_files:
            info["view"] = view_files[s]
    net = canvas.finish(OVERVIEW_SIZE_RANGE)
    summary = (f"{_fmt(len(subjects))} subjects and {_fmt(len(top))} of {_fmt(len(keywords))} keywords.")
    notes = []
    if subjects:
        notes.append(
            "Subjects are sized by their articles; an edge between two subjects counts the related links "
            "or similar pairs between their articles. Articles are in the subject views.")
    if pruned:
        notes.append(f"Each subject keeps its {limits.subject_links} strongest links to other subjects of each kind "
                     "(a pair stays when it is among the strongest of either subject).")
    if len(keywords) > len(top):
        notes.append(
            f"Only the {_fmt(len(top))} keywords used by the most articles are shown, each linked to at most "
            f"{limits.keyword_subjects} subjects (those with the most articles using it).")
    return View("overview", "Overview", "Overview of the corpus", summary, net, notes,
                subjects=[(G.nodes[s]["label"], ctx.subject_colour(G.nodes[s]["slug"])) for s in subjects],
                aggregated=True)


def subject_view(
    G: nx.MultiDiGraph, subject: str, *, limits: Limits = Limits(), site_url: str | None = None,
    _ctx: _Context | None = None,
) -> View:
    """The articles of one subject (``subject:<slug>``) and how they connect.

    Articles beyond ``limits.subject_articles`` (the least connected) are left out and
    counted in the page's notes.
    """
    _require(G, subject, (SUBJECT,))
    ctx = _ctx or _Context(G, limits, site_url)
    canvas = _Canvas(ctx)
    data = G.nodes[subject]
    members = [a for a, keys in G._pred[subject].items() if "subject" in keys]
    ranked = _by_degree(ctx, members)
    shown = ranked[: limits.subject_articles]
    shown_set = set(shown)
    for a in shown:
        canvas.node(a)
    _link_edges(G, canvas, shown, limits.similar_per_article)

    # stubs linked from shown articles, and links to other subjects (one edge per article and subject)
    outside: Counter[tuple[str, str, str, bool]] = Counter()
    stubs = 0
    for a in shown:
        for other, kind, _, outgoing in _article_links(G, a):
            if other in shown_set:
                continue
            okind = _kind_of(G, other)
            if okind == STUB and outgoing:
                if other not in canvas:
                    stubs += 1
                canvas.edge(canvas.index[a], canvas.node(other), kind)
                continue
            slug = G._node[other].get("subject")
            s = subject_node(slug) if slug is not None else None
            if s is None or s == subject or s not in G:
                continue
            outside[(a, s, kind, outgoing or kind == "similar")] += 1
    most = max(outside.values(), default=0)
    for (a, s, kind, outgoing), c in sorted(outside.items()):
        ai, si = canvas.index[a], canvas.node(s)
        canvas.edge(*((ai, si) if outgoing else (si, ai)), kind, count=c, width=_count_width(c, most))

    kw_shown, kw_all = _keyword_edges(G, canvas, shown, limits.subject_keywords)
    net = canvas.finish()
    label = data["label"]
    other_subjects = sum(1 for d in net.nodes if d["kind"] == SUBJECT)
    summary = (f"{_fmt(len(shown))} of {_fmt(len(members))} articles, {_fmt(kw_shown)} keywords, "
               f"{_fmt(other_subjects)} other subjects, {_fmt(stubs)} linked articles outside the corpus.")
    notes = []
    if len(shown) < len(members):
        notes.append(
            f"{_fmt(len(members) - len(shown))} less connected articles are left out (a view holds at most "
            f"{_fmt(limits.subject_articles)}); see any article's neighbourhood with: qagraph view ARTICLE.")
    if kw_shown < kw_all:
        notes.append(f"Keywords: the {_fmt(kw_shown)} shared by most of these articles (of {_fmt(kw_all)}).")
    notes.append(f"Similar edges: each article's {limits.similar_per_article} most similar articles in this view. "
                 "Links to other subjects are drawn to the subject, with their count.")
    return View("subject", label, f"Subject: {label}", summary, net, notes,
                subjects=[(label, ctx.subject_colour(data["slug"]))])


def keyword_view(
    G: nx.MultiDiGraph, keyword: str, *, limits: Limits = Limits(), site_url: str | None = None,
    _ctx: _Context | None = None,
) -> View:
    """A keyword (``keyword:<folded>``), the articles that have it and their subjects.

    >>> from qagraph.ids import keyword_node
    >>> keyword_view(nx.MultiDiGraph(), keyword_node("x"))
    Traceback (most recent call last):
    ...
    qagraph.errors.QagraphError: no node 'keyword:x' in the graph
    """
    _require(G, keyword, (KEYWORD,))
    ctx = _ctx or _Context(G, limits, site_url)
    canvas = _Canvas(ctx)
    ki = canvas.node(keyword)
    members = [a for a, keys in G._pred[keyword].items() if "keyword" in keys]
    shown = _by_degree(ctx, members)[: limits.keyword_articles]
    for a in shown:
        canvas.edge(canvas.node(a), ki, "keyword")
    _link_edges(G, canvas, shown, limits.similar_per_article)
    for a in shown:
        for s, keys in G._succ[a].items():
            if "subject" in keys:
                canvas.edge(canvas.index[a], canvas.node(s), "subject")
    kw_shown, kw_all = _keyword_edges(G, canvas, shown, limits.cooccurring_keywords, skip=keyword)
    net = canvas.finish()
    label = G.nodes[keyword]["label"]
    subjects = [d for d in net.nodes if d["kind"] == SUBJECT]
    summary = (f"{_fmt(len(shown))} of {_fmt(len(members))} articles with this keyword, in "
               f"{_fmt(len(subjects))} subjects; {_fmt(kw_shown)} keywords that occur with it.")
    notes = []
    if len(shown) < len(members):
        notes.append(f"{_fmt(len(members) - len(shown))} less connected articles are left out.")
    if kw_shown < kw_all:
        notes.append(f"Other keywords: the {_fmt(kw_shown)} shared by most of these articles (of {_fmt(kw_all)}).")
    return View("keyword", label, f"Keyword: {label}", summary, net, notes, centre=ki,
                subjects=[(d["label"], d["color"]) for d in subjects])


def neighbourhood_view(
    G: nx.MultiDiGraph, node: str, *, hops: int = 1, limits: Limits = Limits(), site_url: str | None = None,
) -> View:
    """The articles within ``hops`` related/similar steps of ``node``, with keywords and subjects.

    The closest articles come first (in each step, linked before merely similar, then
    by similarity); beyond ``limits.neighbourhood_articles`` the rest are left out.
    """
    _require(G, node, (ARTICLE, STUB))
    if hops < 0:
        raise QagraphError(f"hops must be 0 or more, not {hops}")
    ctx = _Context(G, limits, site_url)
    cap = max(1, limits.neighbourhood_articles)
    order = [node]
    dist = {node: 0}
    frontier = [node]
    truncated = False
    for step in range(1, hops + 1):
        found: dict[str, float] = {}
        for u in frontier:
            if _kind_of(G, u) != ARTICLE and u != node:
                continue  # stubs end a path
            for v, kind, data, _ in _article_links(G, u):
                if v in dist:
                    continue
                strength = 2.0 if kind == "related" else data.get("weight", 0.0)
                if strength > found.get(v, -1.0):
                    found[v] = strength
        ranked = sorted(found, key=lambda v: (-found[v], v))
        room = cap - len(order)
        if len(ranked) > room:
            ranked, truncated = ranked[:room], True
        for v in ranked:
            dist[v] = step
        order.extend(ranked)
        frontier = ranked
        if truncated or not frontier:
            break

    canvas = _Canvas(ctx)
    centre = canvas.node(node)
    for n in order[1:]:
        canvas.node(n)
    _link_edges(G, canvas, order, None)
    articles = [n for n in order if _kind_of(G, n) == ARTICLE]
    for a in articles:
        for s, keys in G._succ[a].items():
            if "subject" in keys:
                canvas.edge(canvas.index[a], canvas.node(s), "subject")
    own = [k for k, keys in G._succ[node].items() if "keyword" in keys]
    kw_shown, kw_all = _keyword_edges(G, canvas, articles, limits.neighbourhood_keywords, always=own)
    net = canvas.finish()
    d = net.node_map[centre]
    d["borderWidth"] = 4
    d["size"] = max(d["size"], 22)
    title = G.nodes[node].get("title") or G.nodes[node].get("label") or node
    reached = len(order) - 1
    summary = (f"{_fmt(reached)} articles within {hops} step{'s' if hops != 1 else ''} along related and similar "
               f"edges; {_fmt(kw_shown)} keywords.")
    notes = ["Keywords and subjects are shown but not walked through: one step through a keyword would reach "
             "every article that has it."]
    if truncated:
        notes.append(f"Stopped at {_fmt(cap)} articles: the furthest and least similar ones are left out.")
    if kw_shown < kw_all:
        notes.append(f"Keywords: the article's own and those shared by most of these articles "
                     f"({_fmt(kw_shown)} of {_fmt(kw_all)}).")
    return View("neighbourhood", _short(title, 60), f"Neighbourhood of: {title}", summary, net, notes, centre=centre,
                subjects=[(x["label"], ctx.subject_colour(G.nodes[s]["slug"]))
                          for s, i in canvas.index.items() if (x := net.node_map[i])["kind"] == SUBJECT])


# -- writing -------------------------------------------------------------------------------

_NODE_LEGEND = {
    ARTICLE: ("article", "dot", "#9aa9c9"),
    STUB: ("article outside the corpus", "dot", "#eeeeee"),
    SUBJECT: ("subject", "diamond", "#4f5b6b"),
    KEYWORD: ("keyword", "triangle", KEYWORD_COLOUR),
}


def generate_view(view: View, *, vis_src: str | None = None, index_href: str | None = None) -> str:
    """The HTML of ``view``; vis-network inlined unless ``vis_src`` names a file beside it."""
    counts = view.counts()
    edge_kinds = []
    for kind, style in EDGE_STYLES.items():
        if counts["edges"].get(kind):
            label = AGGREGATE_LABELS.get(kind, style["label"]) if view.aggregated else style["label"]
            edge_kinds.append({**style, "kind": kind, "label": label, "count": _fmt(counts["edges"][kind])})
    node_legend = [
        {"label": _NODE_LEGEND[k][0], "shape": _NODE_LEGEND[k][1], "color": _NODE_LEGEND[k][2]}
        for k in (ARTICLE, STUB, SUBJECT, KEYWORD) if counts["nodes"].get(k)
    ]
    page = {
        "title": view.title,
        "heading": view.heading,
        "summary": view.summary,
        "notes": view.notes,
        "index_href": index_href,
        "edge_kinds": edge_kinds,
        "node_legend": node_legend,
        "subject_legend": [{"label": label, "color": colour} for label, colour in view.subjects],
        "node_count": _fmt(len(view.nodes)),
        "edge_count": _fmt(len(view.edges)),
    }
    nodes, edges, _, _, _, _ = view.network.get_network_data()
    data = {
        "kind": view.kind,
        "nodes": nodes,
        "edges": edges,
        "options": view.network.options,
        "edgeKinds": edge_kinds,
        "centre": view.centre,
    }
    return render_view(page, data, vis_src=vis_src)


def write_view(view: View, path: str | os.PathLike[str], *, vis_src: str | None = None,
               index_href: str | None = None) -> Path:
    """Write ``view`` as one HTML file (vis-network inlined unless ``vis_src``)."""
    return write_atomic(path, generate_view(view, vis_src=vis_src, index_href=index_href))


def write_neighbourhood(
    G: nx.MultiDiGraph, node: str, path: str | os.PathLike[str], *, hops: int = 1, limits: Limits = Limits(),
    site_url: str | None = None,
) -> Path:
    """Write the neighbourhood of article ``node`` as one self-contained HTML file.

    >>> import qagraph
    >>> G = qagraph.build("content").graph
    >>> write_neighbourhood(G, "article:/learn/biology/questions/how-does-dna-replication-work", "dna.html", hops=2)
    PosixPath('dna.html')
    """
    return write_view(neighbourhood_view(G, node, hops=hops, limits=limits, site_url=site_url), path)


def write_keyword(
    G: nx.MultiDiGraph, keyword_node: str, path: str | os.PathLike[str], *, limits: Limits = Limits(),
    site_url: str | None = None,
) -> Path:
    """Write the view of one keyword (``keyword:<folded text>``) as one self-contained HTML file.

    >>> import qagraph
    >>> G = qagraph.build("content").graph
    >>> write_keyword(G, "keyword:algorithms", "algorithms.html")
    PosixPath('algorithms.html')
    """
    return write_view(keyword_view(G, keyword_node, limits=limits, site_url=site_url), path)


def write_subject(
    G: nx.MultiDiGraph, subject: str, path: str | os.PathLike[str], *, limits: Limits = Limits(),
    site_url: str | None = None,
) -> Path:
    """Write the view of one subject (``subject:<slug>``) as one self-contained HTML file."""
    return write_view(subject_view(G, subject, limits=limits, site_url=site_url), path)


def subject_file_names(G: nx.MultiDiGraph) -> dict[str, str]:
    """``subject-<slug>.html`` for each subject node; slugs that are not plain get a hash suffix."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for node in sorted(n for n, k in G.nodes(data="kind") if k == SUBJECT):
        slug = split_node(node)[1]
        safe = slugify(slug)[:60].strip("-") or "subject"
        if safe != slug or f"subject-{safe}.html" in used:
            safe = f"{safe}-{hashlib.sha1(slug.encode('utf-8')).hexdigest()[:8]}"
        name = f"subject-{safe}.html"
        used.add(name)
        names[node] = name
    return names


def write_views(
    G: nx.MultiDiGraph,
    out_dir: str | os.PathLike[str],
    *,
    limits: Limits = Limits(),
    site_url: str | None = None,
    inline: bool = False,
    extra_links: Sequence[tuple[str, str]] = (),
    progress: Progress | None = None,
) -> list[Path]:
    """Write ``out_dir/index.html``, the overview and one view per subject; return the paths.

    Views go to ``out_dir/views/``; vis-network is written once to
    ``out_dir/views/assets/`` (or into every file with ``inline=True``). Subject views
    left from an earlier run for subjects no longer in the graph are removed.
    ``extra_links`` are ``(label, relative href)`` pairs listed on the index page.
    Article links in tooltips are the articles' urls, joined to ``site_url`` if given.

    >>> import qagraph
    >>> G = qagraph.build("content").graph
    >>> write_views(G, "build")[:2]
    [PosixPath('build/index.html'), PosixPath('build/views/overview.html')]
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise QagraphError(f"output {out} exists and is not a folder")
    views_dir = out / "views"
    ctx = _Context(G, limits, site_url)
    names = subject_file_names(G)
    total = len(names) + 2
    done = 0
    if progress:
        progress("html", done, total)
    written: list[Path] = []
    vis_src = None
    if not inline:
        vis_src = f"assets/{VIS_JS_NAME}"
        written.append(write_atomic(views_dir / vis_src, vis_network_js()))

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress("html", done, total)

    view = overview(G, limits=limits, view_files=names, _ctx=ctx)
    overview_path = write_view(view, views_dir / "overview.html", vis_src=vis_src, index_href="../index.html")
    overview_row = {"href": "views/overview.html", "summary": view.summary,
                    "nodes": len(view.nodes), "edges": len(view.edges)}
    step()
    rows = []
    subject_paths = []
    for node, name in sorted(names.items(), key=lambda item: (-G.nodes[item[0]].get("articles", 0), item[0])):
        view = subject_view(G, node, limits=limits, _ctx=ctx)
        path = write_view(view, views_dir / name, vis_src=vis_src, index_href="../index.html")
        subject_paths.append(path)
        rows.append({
            "href": f"views/{name}", "label": view.title, "articles": _fmt(G.nodes[node].get("articles", 0)),
            "shown": _fmt(sum(1 for d in view.nodes if d["kind"] == ARTICLE)),
            "nodes": _fmt(len(view.nodes)), "edges": _fmt(len(view.edges)), "size": _size(path.stat().st_size),
        })
        step()
    keep = set(names.values())
    if views_dir.is_dir():
        for stale in views_dir.glob("subject-*.html"):
            if stale.name not in keep:
                stale.unlink()

    kinds = Counter(k for _, k in G.nodes(data="kind"))
    edge_kinds = Counter(chain.from_iterable(keys for nbrs in G._succ.values() for keys in nbrs.values()))
    node_rows = [("articles", kinds.get(ARTICLE, 0)), ("articles outside the corpus (stubs)", kinds.get(STUB, 0)),
                 ("subjects", kinds.get(SUBJECT, 0)), ("keywords", kinds.get(KEYWORD, 0))]
    edge_rows = [(EDGE_STYLES[k]["label"], edge_kinds.get(k, 0)) for k in EDGE_STYLES]
    source = str(G.graph.get("source") or "")
    page = {
        "title": f"Views of {Path(source).name or 'the corpus'}",
        "source": source or "unknown",
        "count_rows": [(a, _fmt(b), c, _fmt(d)) for (a, b), (c, d) in zip(node_rows, edge_rows)],
        "overview": overview_row,
        "subject_views": rows,
        "extra_links": [{"label": label, "href": href} for label, href in extra_links],
    }
    index = write_atomic(out / "index.html", render_index(page))
    step()
    return [index, overview_path, *subject_paths, *written]


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"
