"""Assembling a view: a :class:`~.select.Selection` laid out (:mod:`.arrange`), styled
(:mod:`.style`) and turned into the node and edge lists vis-network draws.

vis-network is the renderer of every view here: it is the script pyvis ships (pyvis
itself only provides that file: its ``Network`` builds its lists in quadratic time and
its page template loads from CDNs). The whole corpus at once is the atlas's job.

>>> import qagraph
>>> G = qagraph.build("content").graph
>>> view = subject_view(G, "subject:biology")
>>> view.kind, view.counts()["nodes"]["article"] > 0
('subject', True)
"""

from __future__ import annotations

import json
import math
import os
import re
import weakref
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import escape

from .. import jsontext
from ..fileio import write_atomic
from ..ids import split_node, subject_node
from ..kinds import ARTICLE, EDGE_KINDS, KEYWORD, NODE_KINDS, STUB, SUBJECT, link_kinds
from ..rdf.iri import check_site_url, is_site_path
from ..regex import lazy_compile
from .arrange import LABELLED_MAX, _group_keywords, arrange, keyword_df, keyword_label, rank_keywords
from .page import excerpt_html, render_view, safe_href, script_json, view_data_span
from .select import (
    Limits,
    OverviewCounts,
    Selection,
    keyword_selection,
    neighbourhood_selection,
    overview_selection,
    select_overview,
    subject_selection,
)
from .style import (
    PALETTE,
    STUB_COLOUR,
    SubjectColours,
    community_colour,
    edge_style,
    edge_width,
    node_legend,
    node_size,
    shown_by_default,
    vis_options,
)

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "View",
    "ViewUses",
    "generate_view",
    "keyword_view",
    "neighbourhood_view",
    "overview",
    "patch_keyword_df",
    "subject_view",
    "view_layout",
    "without_arrangement",
    "write_keyword",
    "write_neighbourhood",
    "write_subject",
    "write_view",
]


@dataclass
class ViewUses:
    """What a page shows of nodes it is not about: when one of them changes, the page must be written again.

    A view's own articles, their links and the nodes at the other end of those links
    are the view's to track; these are the rest.
    """

    subjects: list[str] = field(default_factory=list)  #: subject nodes drawn or in the legend (their names)
    keywords: list[str] = field(default_factory=list)  #: keyword nodes whose label or df the page shows
    #: each named community: the keywords that may name it (key -> its articles with it), and the keys chosen;
    #: a keyword's df changes the page when it changes which keys are chosen (:func:`.arrange.rank_keywords`)
    groups: list[tuple[dict[str, int], list[str]]] = field(default_factory=list)


@dataclass
class View:
    """One view: the vis-network node and edge dicts, and the texts around them."""

    kind: str  #: overview, subject, keyword or neighbourhood
    title: str
    heading: str
    summary: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)
    centre: int | None = None  #: index (and vis id) of the node the view is about
    colour_by: str = "subject"  #: what article colours tell apart: "community" or "subject"
    colours: list[dict[str, Any]] = field(default_factory=list)  #: legend of article colours
    groups: list[dict[str, Any]] = field(default_factory=list)  #: community names drawn on the map
    listed: list[list[str]] = field(default_factory=list)  #: [title, node id, subject] of articles not drawn
    hidden_kinds: list[str] = field(default_factory=list)  #: edge kinds off when the page opens
    aggregated: bool = False  #: edges stand for counts of edges (the overview)
    uses: ViewUses = field(default_factory=ViewUses)  #: what the page shows of nodes it is not about
    #: a subject view that leaves some of its articles out: ``(links, node)`` of the last one drawn
    #: (members rank by most links, then by id); a member ranked after it is on the page only as a
    #: listed title, so a change that keeps its title and its number of links leaves the page as it is
    rank_cut: tuple[int, str] | None = None
    #: the layout left room for every label (:func:`~.arrange.arrange`): the page names every node
    #: that reaches vis-network's draw threshold, fitted or zoomed
    label_room: bool = False

    def counts(self) -> dict[str, Counter[str]]:
        """Nodes and edges by kind."""
        return {"nodes": Counter(n["kind"] for n in self.nodes), "edges": Counter(e["kind"] for e in self.edges)}


# -- texts ------------------------------------------------------------------------------


def _short(text: str, n: int = 42) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


def _fmt(n: int) -> str:
    return f"{n:,}"


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{_fmt(n)} {word if n == 1 else (words or word + 's')}"


# the overview's subjects are named when the page opens: the map fitted in a drawing of about this size
# (a 1280 x 800 window, less the header), each of the most important names at about this height
FIT_WIDTH, FIT_HEIGHT = 1240.0, 560.0
NAME_PX = 12.0
NAMED_AT_FIT = 40  #: the subjects named so, by articles; the others' names come as one zooms in


def _named_at_fit(pos: Mapping[str, tuple[float, float]], importance: Mapping[str, float]) -> dict[str, int]:
    """Label sizes (in the map's units) at which the :data:`NAMED_AT_FIT` most important of the laid-out
    nodes read at about :data:`NAME_PX` pixels once vis-network has fitted the map in the page: the map
    of 40 subjects is 2,000 units across, where a label of 16 was drawn at 4 px, under the draw threshold
    (6), so no subject was named. vis-network caps a label at 30 px as one zooms in."""
    placed = [pos[n] for n in importance if n in pos]
    if not placed:
        return {}
    xs, ys = [x for x, _ in placed], [y for _, y in placed]
    margin = 60.0  # the nodes' own size and their labels
    scale = min(FIT_WIDTH / (max(xs) - min(xs) + margin), FIT_HEIGHT / (max(ys) - min(ys) + margin))
    size = max(16, math.ceil(NAME_PX / scale))
    ranked = sorted(importance, key=lambda n: -importance[n])[:NAMED_AT_FIT]
    return {n: size for n in ranked}


def _links_drawn(sel: Selection) -> dict[str, int]:
    """Subject node -> the links the selection draws to or from it (an aggregated edge counts for its count)."""
    out: dict[str, int] = {}
    for e in sel.edges:
        for end in (e.source, e.target):
            if end.startswith(f"{SUBJECT}:"):
                out[end] = out.get(end, 0) + (e.count if e.count is not None else 1)
    return out


def listed_title(node: str, data: Mapping[str, Any], limits: Limits) -> str:
    """The title a view shows of ``node`` (its data ``data``): on its card, and as its row when it is listed."""
    return _short(str(data.get("title") or data.get("label") or data.get("url") or split_node(node)[1]),
                  limits.title_chars)


class _Cards:
    """The facts each node's card shows (the hover tooltip and the details panel)."""

    def __init__(self, G: nx.MultiDiGraph, limits: Limits, site_url: str | None, colours: SubjectColours,
                 degree: Mapping[str, int] | None = None) -> None:
        self.G = G
        self.known_degree = degree or {}
        self.limits = limits
        self.site_url = None if site_url is None else check_site_url(site_url)
        self.colours = colours
        self.links = frozenset(k.name for k in link_kinds())

    def text(self, value: Any, n: int | None = None) -> str:
        return _short(str(value), n or self.limits.title_chars)

    def title(self, node: str) -> str:
        return listed_title(node, self.G._node[node], self.limits)

    def degree(self, node: str) -> int:
        if node in self.known_degree:
            return self.known_degree[node]
        G, links = self.G, self.links
        return (sum(1 for keys in G._succ[node].values() for k in keys if k in links)
                + sum(1 for keys in G._pred[node].values() for k in keys if k in links))

    def link(self, info: dict[str, Any], url: str | None) -> None:
        """``url`` the link :func:`~.page.safe_href` makes of it (what the RDF publishes), or a
        site path as ``path`` (shown as text) when no ``site_url`` makes it one: a site path
        opened from disk would resolve to ``file:///learn/...``."""
        if not url:
            return
        href = safe_href(url, self.site_url)
        if href is not None:
            info["url"] = href
        elif is_site_path(url):
            info["path"] = url

    def subject_info(self, node: str, links: int) -> dict[str, Any]:
        """A subject drawn in a view about something else: its links from the view, not its articles."""
        info = {k: v for k, v in self.info(node).items() if k != "articles"}
        info["links"] = links
        return info

    def info(self, node: str) -> dict[str, Any]:
        data = self.G._node[node]
        kind = data.get("kind")
        limits = self.limits
        if kind == ARTICLE:
            info: dict[str, Any] = {
                "title": self.title(node), "subject": self.text(data.get("subject_label") or ""),
                "keywords": [self.text(k, 60) for k in list(data.get("keyword_labels") or ())[: limits.card_keywords]],
                "degree": self.degree(node),
            }
            n_keywords = len(data.get("keyword_labels") or ())
            if n_keywords > limits.card_keywords:
                info["moreKeywords"] = n_keywords - limits.card_keywords
            if data.get("date"):
                info["date"] = self.text(data["date"], 40)
            excerpt = excerpt_html(str(data.get("answer") or ""), limits.excerpt_chars)
            if excerpt:
                info["excerpt"] = excerpt
            self.link(info, data.get("url"))
            return info
        if kind == STUB:
            info = {"title": self.title(node), "subject": self.text(data.get("subject_label") or ""),
                    "note": "not in the corpus"}
            self.link(info, data.get("url"))
            return info
        if kind == SUBJECT:
            labels = [self.text(x, 80) for x in list(data.get("labels") or ())[:10]]
            info = {"title": self.text(data.get("label", node)), "articles": int(data.get("articles", 0))}
            if len(labels) > 1:
                info["labels"] = labels
            return info
        labels = [self.text(x, 80) for x in list(data.get("labels") or ())[:10]]
        info = {"title": self.text(data.get("label", node))}
        if "df" in data:
            info["df"] = int(data["df"])
        if len(labels) > 1:
            info["labels"] = labels
        return info

    def colour(self, node: str) -> str:
        data = self.G._node[node]
        kind = data.get("kind")
        if kind == STUB:
            return STUB_COLOUR
        if kind == SUBJECT:
            return self.colours(data.get("slug"), dark=True)
        if kind == ARTICLE:
            return self.colours(data.get("subject"))
        return NODE_KINDS[kind].colour if kind in NODE_KINDS else "#999999"

    def label(self, node: str) -> str:
        kind = self.G._node[node].get("kind")
        return _short(self.title(node), 30 if kind == KEYWORD else 42)


_COLOURS: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[int, SubjectColours]]" = weakref.WeakKeyDictionary()


def _colours(G: nx.MultiDiGraph) -> SubjectColours:
    """Subject colours of ``G`` (remembered per graph while its node count stays: one pass
    over 170k nodes per view would be a third of a subject view's time)."""
    known = _COLOURS.get(G)
    if known is not None and known[0] == G.number_of_nodes():
        return known[1]
    colours = SubjectColours(str(d["slug"]) for _, d in G.nodes(data=True) if d.get("kind") == SUBJECT and "slug" in d)
    _COLOURS[G] = (G.number_of_nodes(), colours)
    return colours


# -- assembling -------------------------------------------------------------------------


def _assemble(
    G: nx.MultiDiGraph,
    sel: Selection,
    *,
    limits: Limits,
    site_url: str | None,
    title: str,
    heading: str,
    summary: str,
    notes: list[str],
    colour_by: str,
    communities: Mapping[str, int] | None = None,
    view_files: Mapping[str, str] | None = None,
    colours: SubjectColours | None = None,
    kept: Mapping[str, tuple[float, float, int | None]] | None = None,
) -> View:
    colours = colours or _colours(G)
    cards = _Cards(G, limits, site_url, colours, sel.degree)
    is_overview = sel.kind == "overview"
    core = (SUBJECT,) if is_overview else (ARTICLE, STUB)
    measure = {n: float(G._node[n].get("articles", 0)) for n in sel.nodes} if is_overview else None
    spacing = 130.0 if is_overview else 34.0
    # the overview's labels are sized to be read at the first fit (_named_at_fit); a small view's
    # are drawn at their size, so its nodes leave room for them
    placed = arrange(G, sel.nodes, sel.edges, core_kinds=core, centre=sel.centre, communities=communities,
                     measure=measure, spacing=spacing, max_groups=len(PALETTE),
                     label=None if is_overview else cards.label, kept=kept)
    index = {n: i for i, n in enumerate(sel.nodes)}
    uses = ViewUses([n for n in sel.nodes if G._node[n].get("kind") == SUBJECT],
                    [n for n in sel.nodes if G._node[n].get("kind") == KEYWORD])

    # sizes of the non-core nodes: by their weight in the view (keyword df; a subject by the links the
    # view draws to it, so that a page about one subject does not change with another's article count)
    linked = _links_drawn(sel) if not is_overview else {}
    other_measure: dict[str, float] = {}
    for n in sel.nodes:
        if n not in placed.importance:
            attrs = G._node[n]
            if attrs.get("kind") == SUBJECT and not is_overview:
                other_measure[n] = float(linked.get(n, 0) or 1)
            else:
                other_measure[n] = float(attrs.get("df", attrs.get("articles", 1)) or 1)
    by_kind_top: dict[str, float] = {}
    for n, m in other_measure.items():
        k = str(G._node[n].get("kind"))
        by_kind_top[k] = max(by_kind_top.get(k, 0.0), m)

    named = _named_at_fit(placed.pos, placed.importance) if is_overview else {}
    nodes: list[dict[str, Any]] = []
    most = sorted(placed.importance.values(), reverse=True)
    big = most[min(len(most), 30) - 1] if most else 1.0  # the 30 most important get larger labels
    for n in sel.nodes:
        data = G._node[n]
        kind = str(data.get("kind"))
        x, y = placed.pos[n]
        if n in placed.importance:
            imp = placed.importance[n]
        else:
            imp = other_measure[n] / by_kind_top[kind] if by_kind_top.get(kind) else 0.0
        d: dict[str, Any] = {
            "id": index[n], "key": n, "kind": kind, "label": cards.label(n), "x": x, "y": y,
            "size": node_size(kind, imp, overview=is_overview),
            "shape": NODE_KINDS[kind].shape if kind in NODE_KINDS else "dot",
            "info": cards.info(n) if n not in linked else cards.subject_info(n, linked[n]),
        }
        if colour_by == "community" and kind == ARTICLE:
            c = placed.community.get(n, -1)
            d["color"] = community_colour(c)
            d["group"] = c
        else:
            d["color"] = cards.colour(n)
        if kind == STUB:
            d["shapeProperties"] = {"borderDashes": [3, 3]}
            d["color"] = {"background": STUB_COLOUR, "border": "#8c959f"}
        if kind == SUBJECT:
            d["font"] = {"size": named.get(n, 16) if is_overview else 14, "strokeWidth": 3}
        elif n in placed.importance and imp >= big and kind == ARTICLE and len(most) > 60:
            d["font"] = {"size": 18 if imp >= 0.5 else 15}
        if view_files and n in view_files:
            d["info"]["view"] = view_files[n]
        nodes.append(d)

    most_count: dict[str, int] = {}
    for e in sel.edges:
        if e.count is not None:
            most_count[e.kind] = max(most_count.get(e.kind, 0), e.count)
    edges: list[dict[str, Any]] = []
    for e in sel.edges:
        ed: dict[str, Any] = {"from": index[e.source], "to": index[e.target], "kind": e.kind}
        if not e.primary:
            ed["more"] = 1
        if e.weight is not None:
            ed["weight"] = round(e.weight, 4)
        if e.count is not None:
            ed["count"] = e.count
        width = edge_width(e.kind, weight=e.weight, count=e.count, most=most_count.get(e.kind, 0))
        if width != EDGE_KINDS[e.kind].style.width:
            ed["width"] = width
        if e.shared and e.primary:
            shared = []
            for key in e.shared[:4]:
                kn = f"keyword:{key}"
                uses.keywords.append(kn)
                shared.append(cards.text(G._node[kn].get("label", key) if kn in G else key, 60))
            ed["shared"] = shared
        edges.append(ed)

    centre_kind = str(G._node[sel.centre].get("kind")) if sel.centre is not None else None
    present = {e.kind for e in sel.edges}
    hidden = [k for k in EDGE_KINDS if k in present and not shown_by_default(EDGE_KINDS[k], centre_kind)]

    groups: list[dict[str, Any]] = []
    legend: list[dict[str, Any]] = []
    if colour_by == "community":
        found, everywhere = _group_keywords(G, placed.groups)
        names: dict[int, list[str]] = {}
        for group, counts in found.items():
            chosen = rank_keywords(counts, keyword_df(G, counts, everywhere))
            names[group] = [keyword_label(G, key) for key in chosen]
            uses.groups.append((counts, chosen))
            uses.keywords.extend(f"keyword:{key}" for key in chosen)
        for g in placed.groups:
            if g.index < 0:
                continue
            words = names.get(g.index, [])
            label = ", ".join(words) if len(", ".join(words)) <= 36 else _short(words[0], 36) if words else ""
            label = label or f"group {g.index + 1}"
            colour = community_colour(g.index)
            if len(placed.importance) > 60:  # names on the map help find one's way in a crowd only
                groups.append({"label": label, "color": colour, "x": round(g.x, 1), "y": round(g.y, 1),
                               "r": round(g.r, 1), "n": len(g.members)})
            if colour != community_colour(-1):
                legend.append({"label": f"{label} ({_fmt(len(g.members))})", "color": colour})
        loose = sum(len(g.members) for g in placed.groups if g.index < 0 or community_colour(g.index) == community_colour(-1))
        if loose:
            legend.append({"label": f"smaller groups and loosely linked articles ({_fmt(loose)})",
                           "color": community_colour(-1)})
    else:
        seen: dict[str, list[Any]] = {}
        for n in sel.nodes:
            d = G._node[n]
            if d.get("kind") == ARTICLE and d.get("subject") is not None:
                slug = str(d["subject"])
            elif is_overview and d.get("kind") == SUBJECT:
                slug = str(d.get("slug"))
            else:
                continue
            if slug not in seen:
                s = subject_node(slug)
                uses.subjects.append(s)
                seen[slug] = [0, G._node[s].get("label", slug) if s in G else d.get("subject_label") or slug]
            seen[slug][0] += 1
        for slug, (_, label) in sorted(seen.items(), key=lambda item: (-item[1][0], item[0]))[:40]:
            legend.append({"label": _short(str(label), 40), "color": colours(slug)})

    listed = []
    for n in sel.listed:
        row = [cards.title(n), n]
        if sel.kind != "subject":
            row.append(cards.text(G._node[n].get("subject_label") or "", 80))
        listed.append(row)
    return View(
        sel.kind, title, heading, summary, nodes, edges, notes,
        centre=index[sel.centre] if sel.centre is not None else None, colour_by=colour_by,
        colours=legend, groups=groups, listed=listed, hidden_kinds=hidden, aggregated=sel.aggregated,
        uses=ViewUses(sorted(set(uses.subjects)), sorted(set(uses.keywords)), uses.groups),
        label_room=placed.label_room,
    )


# -- the views --------------------------------------------------------------------------


def overview(
    G: nx.MultiDiGraph, *, limits: Limits = Limits(), view_files: Mapping[str, str] | None = None,
    site_url: str | None = None, counts: OverviewCounts | None = None,
) -> View:
    """Subjects with the links between them, sized by articles, and the most frequent keywords.

    ``view_files`` maps subject node ids to the file names of their views, for links.
    ``site_url`` is accepted like every view's (the overview shows no article).
    ``counts`` (:class:`~.select.OverviewCounts`, counted elsewhere: a build database)
    replaces the counting in ``G``, which then needs to hold only the subject nodes and
    the counted keywords, with their data.

    >>> import networkx as nx
    >>> overview(nx.MultiDiGraph()).summary
    '0 subjects and 0 of 0 keywords.'
    """
    sel = select_overview(counts, limits) if counts is not None else overview_selection(G, limits)
    (n_subjects, all_subjects), (n_kw, all_kw) = sel.shown["subjects"], sel.shown["keywords"]
    kept, total = sel.shown["links"]
    summary = f"{_plural(n_subjects, 'subject')} and {_fmt(n_kw)} of {_plural(all_kw, 'keyword')}."
    notes = []
    if n_subjects:
        notes.append("Subjects are sized by their articles; an edge between two subjects counts the links "
                     "between their articles. Articles are in the subject views (double-click a subject).")
    if n_subjects < all_subjects:
        notes.append(f"Only the {_fmt(n_subjects)} subjects with the most articles are shown "
                     f"({_fmt(all_subjects - n_subjects)} left out).")
    if kept < total:
        notes.append(f"Each subject keeps its {limits.subject_links} strongest links to other subjects of each kind "
                     "(a pair stays when it is among the strongest of either subject).")
    if n_kw < all_kw:
        notes.append(f"Keywords (off at first: tick them): the {_fmt(n_kw)} used by the most articles, each joined "
                     f"to at most {limits.keyword_subjects} subjects.")
    view = _assemble(G, sel, limits=limits, site_url=site_url, title="Overview", heading="Overview of the corpus",
                     summary=summary, notes=notes, colour_by="subject", view_files=view_files)
    subject_keywords = _subject_keywords(G, sel)
    for d in view.nodes:
        if d["kind"] == SUBJECT:
            d["info"]["keywords"] = subject_keywords.get(d["key"], [])
    return view


def _subject_keywords(G: nx.MultiDiGraph, sel: Selection) -> dict[str, list[str]]:
    """For each subject of the overview, the overview keywords its articles use most."""
    counts: dict[str, Counter[str]] = {}
    for e in sel.edges:
        if e.count is not None and G._node[e.target].get("kind") == KEYWORD:
            counts.setdefault(e.source, Counter())[str(G._node[e.target].get("label"))] = e.count
    return {s: [label for label, _ in sorted(c.items(), key=lambda item: (-item[1], item[0]))[:8]]
            for s, c in counts.items()}


def subject_view(
    G: nx.MultiDiGraph, subject: str, *, limits: Limits = Limits(), site_url: str | None = None,
    communities: Mapping[str, int] | None = None, view_files: Mapping[str, str] | None = None,
    kept: Mapping[str, tuple[float, float, int | None]] | None = None,
) -> View:
    """The articles of one subject (``subject:<slug>``), coloured by community.

    Articles beyond ``limits.subject_articles`` (the least connected) are not drawn
    but are listed, so search still finds them. ``communities`` (node id to number)
    replaces the communities computed within the view. ``kept``: the arrangement of the
    view's page before an edit (:func:`view_layout`), which a large view keeps
    (:func:`~.arrange.arrange`).

    Raises:
        UsageError: ``subject`` is not a subject of ``G``.
    """
    sel = subject_selection(G, subject, limits)
    data = G.nodes[subject]
    label = str(data.get("label", subject))
    (shown, members), (n_kw, all_kw) = sel.shown["articles"], sel.shown["keywords"]
    n_stubs, all_stubs = sel.shown["stubs"]
    links_kept, total = sel.shown["links"]
    summary = (f"{_drawn_of(shown, members)}{_fmt(sel.shown['subjects'][0])} other subjects, "
               f"{_plural(n_stubs, 'linked article')} outside the corpus; keywords off at first ({_fmt(n_kw)}).")
    notes = []
    if shown < members:
        notes.append(_not_drawn(shown, members, sel.shown["listed"][0], limits))
    more = sum(1 for e in sel.edges if not e.primary and e.count is None)
    across = sum(1 for e in sel.edges if not e.primary and e.count is not None)
    notes.append(f"Edges: each article's {limits.links_per_article} strongest links and, for each other subject, "
                 "the article linked to it most"
                 + (f"; \u201call links\u201d adds the other {_fmt(more)} links between these articles and "
                    f"{_fmt(across)} to other subjects" if more or across else "")
                 + (f" (links kept: the strongest {_fmt(links_kept)} of {_fmt(total)})" if links_kept < total else "") + ".")
    if n_kw == 0 < all_kw:
        notes.append(f"Keywords: none drawn, no two of these articles share one (of {_fmt(all_kw)}).")
    elif n_kw < all_kw:
        notes.append(f"Keywords: the {_fmt(n_kw)} shared by most of these articles (of {_fmt(all_kw)}).")
    if n_stubs < all_stubs:
        notes.append(f"Articles outside the corpus: the {_fmt(n_stubs)} linked most (of {_fmt(all_stubs)}).")
    view = _assemble(G, sel, limits=limits, site_url=site_url, title=label, heading=f"Subject: {label}",
                     summary=summary, notes=notes, colour_by="community", communities=communities,
                     view_files=view_files, kept=kept)
    if 0 < shown < members:
        last = sel.nodes[shown - 1]  # the drawn articles come first, in rank order
        view.rank_cut = (sel.degree[last], last)
    return view


def _drawn_of(shown: int, members: int) -> str:
    """How a subject view's summary begins: the articles it draws of its members."""
    return f"{_fmt(shown)} of {_plural(members, 'article')}, "


def _not_drawn(shown: int, members: int, listed: int, limits: Limits) -> str:
    """A subject view's note on the members it does not draw (``listed`` of them are listed)."""
    return (f"{_fmt(members - shown)} less connected articles are not drawn (a view draws at most "
            f"{_fmt(limits.subject_articles)}); search finds {'them' if listed == members - shown else f'{_fmt(listed)} of them'}"
            " and shows how to open one.")


def patch_listed(page: str, changed: Mapping[str, str | None], members: tuple[int, int],
                 degrees: Callable[[list[str]], Mapping[str, int]], cut: tuple[int, str],
                 limits: Limits = Limits()) -> str | None:
    """``page``, a subject view :func:`subject_view` wrote, as it writes the view again when the only
    articles the edit changed are among those it lists without drawing them, before the edit and
    after it: ``changed`` maps each to its listed title after the edit (``None``: no longer one of
    the subject's articles, or not yet one before), ``members`` is the subject's articles before
    and after. The articles it draws, their links and keywords are then as they were; what moves is
    the list (ranked by links, then by id, as :func:`~.select.subject_articles` ranks it:
    ``degrees(nodes)`` gives the links of each after the edit) and the count of the articles.
    None when the page is not such a view or would change otherwise: a listed article would rank
    before ``cut`` (the last drawn one's links and id), the list would be cut short or emptied,
    or the ids' common prefix would move (the caller then makes the view again).

    >>> view = View("subject", "t", "h", "2 of 3 articles, no more.", [
    ...     {"id": 0, "key": "article:/a", "kind": "article", "size": 1, "info": {}},
    ...     {"id": 1, "key": "article:/b", "kind": "article", "size": 1, "info": {}}], [],
    ...     notes=[_not_drawn(2, 3, 1, Limits())], listed=[["C", "article:/c"]])
    >>> degrees = {"article:/c": 1, "article:/d": 2}
    >>> page = patch_listed(generate_view(view, vis_src="vis.js"), {"article:/d": "D"}, (3, 4),
    ...                     lambda nodes: {n: degrees[n] for n in nodes}, (5, "article:/b"))
    >>> json.loads(page[slice(*view_data_span(page))])["listed"]
    [['D', '~d'], ['C', '~c']]
    >>> "2 of 4 articles, no more." in page and _not_drawn(2, 4, 2, Limits()) in page
    True
    """
    found = _view_data(page)
    if found is None:
        return None
    start, end, data = found
    rows, prefix = data.get("listed"), str(data.get("keyPrefix") or "")
    if data.get("kind") != "subject" or not isinstance(rows, list) or not isinstance(data.get("nodes"), list):
        return None

    shown = sum(1 for n in data["nodes"] if n.get("kind") == ARTICLE)
    before, after = members
    titles: dict[str, str] = {_full_key(r[1], prefix): r[0] for r in rows if isinstance(r, list) and len(r) == 2}
    if len(titles) != len(rows) or len(rows) != before - shown or not 0 < after - shown <= limits.listed_articles:
        return None
    for node, title in changed.items():
        if title is None:
            titles.pop(node, None)
        else:
            titles[node] = title
    if len(titles) != after - shown:
        return None  # a changed article was drawn, or the counts are not this page's
    degree = degrees(list(titles))
    order = sorted(titles, key=lambda n: (-degree.get(n, 0), n))
    if (-degree.get(order[0], 0), order[0]) <= (-cut[0], cut[1]):
        return None
    drawn = [_full_key(n["key"], prefix) for n in data["nodes"] if n.get("kind") in (ARTICLE, STUB)]
    common = os.path.commonprefix(drawn + order)
    if (common[: common.rfind("/") + 1] if "/" in common else "") != prefix:
        return None
    data["listed"] = [[titles[n], _compact_key(n, prefix)] for n in order]
    texts = [(_drawn_of(shown, before), _drawn_of(shown, after)),
             (_not_drawn(shown, before, before - shown, limits), _not_drawn(shown, after, after - shown, limits))]
    head, tail = page[:start], page[end:]
    for old, new in texts:
        old, new = str(escape(old)), str(escape(new))
        if head.count(old) != 1 or old in tail:
            return None
        head = head.replace(old, new)
    return head + script_json(data) + tail


def keyword_view(
    G: nx.MultiDiGraph, keyword: str, *, limits: Limits = Limits(), site_url: str | None = None,
    view_files: Mapping[str, str] | None = None,
) -> View:
    """A keyword (``keyword:<folded>``), the articles that have it and their subjects.

    Raises:
        UsageError: ``keyword`` is not a keyword of ``G``.

    >>> import networkx as nx
    >>> from qagraph.ids import keyword_node
    >>> keyword_view(nx.MultiDiGraph(), keyword_node("x"))
    Traceback (most recent call last):
    ...
    qagraph.errors.UsageError: no node 'keyword:x' in the graph
    """
    sel = keyword_selection(G, keyword, limits)
    label = str(G.nodes[keyword].get("label", keyword))
    (shown, members), (n_kw, all_kw) = sel.shown["articles"], sel.shown["keywords"]
    summary = (f"{_fmt(shown)} of {_plural(members, 'article')} with this keyword, in "
               f"{_plural(sel.shown['subjects'][0], 'subject')}; {_plural(n_kw, 'keyword')} that occur with it.")
    notes = []
    if shown < members:
        notes.append(f"{_fmt(members - shown)} less connected articles are not drawn; search finds them.")
    notes.append(f"Edges: each article's {limits.links_per_article} strongest links; \u201call links\u201d draws the others.")
    if n_kw < all_kw:
        notes.append(f"Other keywords: the {_fmt(n_kw)} shared by most of these articles (of {_fmt(all_kw)}).")
    return _assemble(G, sel, limits=limits, site_url=site_url, title=_short(label, 60), heading=f"Keyword: {_short(label, 200)}",
                     summary=summary, notes=notes, colour_by="subject", view_files=view_files)


def neighbourhood_view(
    G: nx.MultiDiGraph, node: str, *, hops: int = 1, limits: Limits = Limits(), site_url: str | None = None,
    view_files: Mapping[str, str] | None = None,
) -> View:
    """The articles within ``hops`` link steps of article ``node``, with keywords and subjects.

    ``G`` is the whole graph or a subgraph around ``node`` (``KnowledgeGraph.neighbourhood``):
    nothing outside it is assumed. The closest articles come first; beyond
    ``limits.neighbourhood_articles`` the rest are left out, and the page says so.

    Raises:
        UsageError: ``node`` is not an article of ``G``, or ``hops`` is negative.
    """
    sel = neighbourhood_selection(G, node, hops, limits)
    cards = _Cards(G, limits, site_url, _colours(G))
    title = cards.title(node)
    reached = sel.shown["articles"][0]
    n_kw, all_kw = sel.shown["keywords"]
    kinds = " and ".join(k.plural for k in link_kinds())
    summary = (f"{_plural(reached, 'article')} within {_plural(hops, 'step')} along {kinds}; "
               f"keywords off at first ({_fmt(n_kw)}).")
    notes = ["Keywords and subjects are shown but not walked through: one step through a keyword would reach "
             "every article that has it.",
             f"Edges: every link of this article, and each other article's {limits.links_per_article} strongest; "
             "\u201call links\u201d draws the others."]
    if sel.truncated:
        notes.append(f"Stopped at {_fmt(limits.neighbourhood_articles)} articles: the furthest and least linked "
                     "ones are left out.")
    own, all_own = sel.shown["own keywords"]
    if own < all_own:
        notes.append(f"This article has {_fmt(all_own)} keywords: {_fmt(own)} are shown.")
    elif n_kw < all_kw:
        notes.append(f"Keywords: the article's own and those shared by most of these articles "
                     f"({_fmt(n_kw)} of {_fmt(all_kw)}).")
    view = _assemble(G, sel, limits=limits, site_url=site_url, title=_short(title, 60),
                     heading=f"Neighbourhood of: {title}", summary=summary, notes=notes, colour_by="subject",
                     view_files=view_files)
    if view.centre is not None:
        c = view.nodes[view.centre]
        c["borderWidth"] = 4
        c["size"] = max(c["size"], 22)
        c["font"] = {"size": 18}
    return view


# -- pages ------------------------------------------------------------------------------


def generate_view(
    view: View, *, vis_src: str | None = None, index_href: str | None = None, atlas_href: str | None = None,
) -> str:
    """The HTML of ``view``: one page, vis-network inlined unless ``vis_src`` names a file beside it.

    ``atlas_href`` (relative, e.g. ``atlas.html``) is where articles not drawn here can be opened.

    >>> import networkx as nx
    >>> generate_view(overview(nx.MultiDiGraph())).startswith("<!DOCTYPE html>")
    True
    """
    counts = view.counts()
    behind = Counter(e["kind"] for e in view.edges if e.get("more"))  # each kind's edges behind "all links"
    edge_kinds: list[dict[str, Any]] = []
    order: dict[str, int] = {}
    for name, kind in EDGE_KINDS.items():
        n = counts["edges"].get(name, 0)
        if not n:
            continue
        order[name] = len(edge_kinds)
        more = behind[name]
        label = f"{kind.plural}, counted" if view.aggregated and kind.link else kind.label
        edge_kinds.append({**edge_style(name), "kind": name, "label": label, "plural": kind.plural,
                           "link": kind.link, "symmetric": kind.symmetric, "count": _fmt(n - more), "more": more,
                           "shown": name not in view.hidden_kinds})
    more = sum(1 for e in view.edges if e.get("more"))
    page = {
        "title": view.title,
        "heading": view.heading,
        "summary": view.summary,
        "notes": view.notes,
        "index_href": index_href,
        "atlas_href": atlas_href,
        "edge_kinds": edge_kinds,
        "more_links": _fmt(more) if more else None,
        "node_legend": node_legend(counts["nodes"]),
        "colour_by": view.colour_by,
        "colour_legend": view.colours,
        "node_count": _fmt(len(view.nodes)),
        "edge_count": _fmt(len(view.edges) - more),
    }
    articles = [n["key"] for n in view.nodes if n["kind"] in (ARTICLE, STUB)] + [row[1] for row in view.listed]
    prefix = os.path.commonprefix(articles) if articles else ""
    prefix = prefix[: prefix.rfind("/") + 1] if "/" in prefix else ""
    data = {
        "kind": view.kind,
        "keyPrefix": prefix,
        "nodes": [_compact_node(n, prefix) for n in view.nodes],
        "edges": [_compact_edge(e, order) for e in view.edges],
        "options": vis_options(len(view.edges) - more),
        "edgeKinds": edge_kinds,
        "nodeKinds": {k.name: {"label": k.label, "plural": k.plural} for k in NODE_KINDS.values()},
        "centre": view.centre,
        "groups": view.groups,
        "listed": [[row[0], _compact_key(row[1], prefix), *row[2:]] for row in view.listed],
        "atlas": atlas_href,
        "labelRoom": view.label_room,
    }
    return render_view(page, data, vis_src=vis_src)


def patch_keyword_df(page: str, df: Mapping[str, int]) -> str | None:
    """``page``, a view :func:`generate_view` wrote, as it writes the view again once the keyword
    nodes of ``df`` (node id -> df) have that df, and nothing else has changed: each one's card
    shows its df, and every keyword's size is its df against the largest of the view's (as
    :func:`_assemble` sizes the nodes a view is not about). Nothing else of a view reads a
    keyword's df but the names of its communities (:attr:`ViewUses.groups`: the caller checks
    those). A keyword of ``df`` that is not one of the view's nodes is there only as a label in a
    similar link's list of shared keywords, which no df changes: nothing of it is patched. None
    when the page holds no view data, or a keyword node of ``df`` without its df.

    >>> view = View("subject", "t", "h", "s", [
    ...     {"id": 0, "key": "keyword:a", "kind": "keyword", "size": 0, "info": {"title": "a", "df": 2}},
    ...     {"id": 1, "key": "keyword:b", "kind": "keyword", "size": 0, "info": {"title": "b", "df": 4}}], [])
    >>> page = patch_keyword_df(generate_view(view, vis_src="vis.js"), {"keyword:a": 8})
    >>> [(n["info"]["df"], n["size"]) for n in json.loads(page[slice(*view_data_span(page))])["nodes"]]
    [(8, 20.0), (4, 16.2)]
    >>> patch_keyword_df(page, {"keyword:c": 3}) == page  # a shared keyword's label alone
    True
    """
    found = _view_data(page)
    if found is None:
        return None
    start, end, data = found
    prefix = str(data.get("keyPrefix") or "")
    keywords = [n for n in data.get("nodes", ()) if n.get("kind") == KEYWORD]
    for n in keywords:
        key = str(n["key"])
        node = _full_key(key, prefix)
        if node in df:
            info = n.get("info")
            if not isinstance(info, dict) or "df" not in info:
                return None  # its card would gain a df where the view writes it
            info["df"] = int(df[node])
    measures = [float((n.get("info") or {}).get("df", 1) or 1) for n in keywords]
    top = max(measures, default=0.0)
    for n, m in zip(keywords, measures):
        n["size"] = node_size(KEYWORD, m / top if top else 0.0)
    return page[:start] + script_json(data) + page[end:]


def view_layout(page: str) -> dict[str, tuple[float, float, int | None]] | None:
    """The arrangement a view page holds: for each article and stub it draws (node id), its
    position and its community (``None`` for a stub: the page colours a stub as a stub). None when
    the page holds no view data or a drawn node without its position.

    >>> view = View("subject", "t", "h", "s", [
    ...     {"id": 0, "key": "article:/a", "kind": "article", "x": 1.5, "y": -2.0, "group": 3},
    ...     {"id": 1, "key": "stub:/b", "kind": "stub", "x": 0.0, "y": 4.0},
    ...     {"id": 2, "key": "keyword:c", "kind": "keyword", "x": 9.0, "y": 9.0}], [])
    >>> view_layout(generate_view(view, vis_src="vis.js"))
    {'article:/a': (1.5, -2.0, 3), 'stub:/b': (0.0, 4.0, None)}
    """
    try:
        found = _view_data(page)
    except ValueError:
        return None
    if found is None:
        return None
    data = found[2]
    prefix = str(data.get("keyPrefix") or "")
    out: dict[str, tuple[float, float, int | None]] = {}
    for n in data.get("nodes", ()):
        if n.get("kind") not in (ARTICLE, STUB):
            continue
        key, x, y, group = str(n.get("key")), n.get("x"), n.get("y"), n.get("group")
        if not isinstance(x, (int, float)) or not isinstance(y, (int, float)):
            return None
        out[_full_key(key, prefix)] = (
            float(x), float(y), group if isinstance(group, int) and n.get("kind") == ARTICLE else None)
    return out


#: the legend of a view's community colours, as its page writes it (the names and counts of its communities)
_COLOUR_LIST = lazy_compile(r'(<div class="colours">[^<]*<ul>).*?(</ul>)', re.S)
#: the size of a view's file, the last cell of its row in the index page
_FILE_SIZE = lazy_compile(r'(<td class="n">)[0-9.]+ [kM]B(</td>\s*</tr>)')


def without_arrangement(page: str) -> str:
    """``page`` without what an incremental build may keep of it from before an edit, when it is a view
    that keeps its arrangement (more than :data:`~.arrange.LABELLED_MAX` articles and stubs drawn:
    :func:`~.arrange.arrange`): the nodes' positions, the articles' communities (their colour and
    group), the communities' circles and names on the map and their legend. Anything else is the page
    as it is. The index page (which holds no view data) loses the sizes of the subject views' files
    it lists, which follow their arrangement. What a cold build and a patched one of the same
    content write are the same once both are passed through this (the tests and the benchmarks
    compare them so).

    >>> nodes = [{"id": i, "key": f"article:/{i}", "kind": "article", "x": i, "y": 0, "group": 0, "color": "#1"}
    ...          for i in range(81)]
    >>> page = generate_view(View("subject", "t", "h", "s", nodes, [], colour_by="community",
    ...                           colours=[{"label": "a, b (81)", "color": "#1"}]), vis_src="vis.js")
    >>> lean = without_arrangement(page)
    >>> '"x"' in lean, "a, b (81)" in lean, "a, b (81)" in page
    (False, False, True)
    >>> small = generate_view(View("subject", "t", "h", "s", nodes[:80], []), vis_src="vis.js")
    >>> without_arrangement(small) == small
    True
    """
    found = _view_data(page)
    if found is None:
        return _FILE_SIZE.sub(r"\1\2", page)
    start, end, data = found
    drawn = [n for n in data.get("nodes", ()) if n.get("kind") in (ARTICLE, STUB)]
    if len(drawn) <= LABELLED_MAX:
        return page
    for n in data["nodes"]:
        n.pop("x", None)
        n.pop("y", None)
        if n.get("kind") == ARTICLE:
            n.pop("group", None)
            n.pop("color", None)
    data.pop("groups", None)
    head = _COLOUR_LIST.sub(r"\1\2", page[:start])
    return head + json.dumps(data, sort_keys=True, ensure_ascii=False) + page[end:]


def _view_data(page: str) -> tuple[int, int, dict[str, Any]] | None:
    """Where a view page holds its data, and the data (what a patch of the page changes); None when the
    page holds none."""
    span = view_data_span(page)
    if span is None:
        return None
    start, end = span
    return start, end, jsontext.loads(page[start:end])


def _compact_key(key: str, prefix: str) -> str:
    """``~`` and the rest of ``key`` when it starts with ``prefix`` (no node id starts with ``~``)."""
    return "~" + key[len(prefix):] if prefix and key.startswith(prefix) else key


def _full_key(key: Any, prefix: str) -> str:
    """The node id a page writes as ``key`` (:func:`_compact_key` with the page's ``prefix``).

    >>> _full_key(_compact_key("article:/learn/a", "article:/learn/"), "article:/learn/")
    'article:/learn/a'
    """
    return prefix + key[1:] if isinstance(key, str) and key.startswith("~") else str(key)


def _compact_node(node: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    """A node dict as the page holds it: its key without the view's common prefix, and a
    site path equal to the article's own url written as ``1``."""
    out = dict(node)
    out["key"] = _compact_key(node["key"], prefix)
    info = node.get("info")
    if info and info.get("path") is not None and "article:" + str(info["path"]) == node["key"]:
        out["info"] = {**info, "path": 1}
    return out


#: the fields of an edge after ``[from, to, kind]``, in the page's array form
EDGE_FIELDS = ("more", "weight", "count", "width", "shared")


def _compact_edge(edge: Mapping[str, Any], order: Mapping[str, int]) -> list[Any]:
    """``[from, to, kind index, more, weight, count, width, shared]``, trailing empties dropped:
    ten thousand edges as dicts would be most of a page."""
    row: list[Any] = [edge["from"], edge["to"], order[edge["kind"]], *map(edge.get, EDGE_FIELDS)]
    while row and row[-1] is None:
        row.pop()
    return row


def write_view(
    view: View, path: str | os.PathLike[str], *, vis_src: str | None = None, index_href: str | None = None,
    atlas_href: str | None = None, devices: bool = False,
) -> Path:
    """Write ``view`` as one HTML file (see :func:`generate_view`; ``devices``: a file the user named,
    see :func:`~qagraph.fileio.atomic_open`)."""
    return write_atomic(path, generate_view(view, vis_src=vis_src, index_href=index_href, atlas_href=atlas_href),
                        devices=devices)


def write_neighbourhood(
    G: nx.MultiDiGraph, node: str, path: str | os.PathLike[str], *, hops: int = 1, limits: Limits = Limits(),
    site_url: str | None = None, atlas_href: str | None = None,
) -> Path:
    """Write the neighbourhood of article ``node`` as one self-contained HTML file.

    ``G`` may be the whole graph or the subgraph around ``node``.

    >>> import qagraph
    >>> G = qagraph.build("content").graph
    >>> write_neighbourhood(G, "article:/learn/biology/questions/how-does-dna-replication-work", "dna.html", hops=2)
    PosixPath('dna.html')
    """
    view = neighbourhood_view(G, node, hops=hops, limits=limits, site_url=site_url)
    return write_view(view, path, atlas_href=atlas_href, devices=True)


def write_keyword(
    G: nx.MultiDiGraph, keyword_node: str, path: str | os.PathLike[str], *, limits: Limits = Limits(),
    site_url: str | None = None, atlas_href: str | None = None,
) -> Path:
    """Write the view of one keyword (``keyword:<folded text>``) as one self-contained HTML file.

    >>> import qagraph
    >>> G = qagraph.build("content").graph
    >>> write_keyword(G, "keyword:algorithms", "algorithms.html")
    PosixPath('algorithms.html')
    """
    return write_view(keyword_view(G, keyword_node, limits=limits, site_url=site_url), path, atlas_href=atlas_href,
                      devices=True)


def write_subject(
    G: nx.MultiDiGraph, subject: str, path: str | os.PathLike[str], *, limits: Limits = Limits(),
    site_url: str | None = None, atlas_href: str | None = None,
) -> Path:
    """Write the view of one subject (``subject:<slug>``) as one self-contained HTML file.

    >>> import qagraph
    >>> G = qagraph.build("content").graph
    >>> write_subject(G, "subject:biology", "biology.html")
    PosixPath('biology.html')
    """
    return write_view(subject_view(G, subject, limits=limits, site_url=site_url), path, atlas_href=atlas_href,
                      devices=True)
