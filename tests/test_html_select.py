"""qagraph.html.select (which nodes and edges a view shows) without any HTML, and the
parts around it that are plain Python: layout (arrange), styles from the registry,
the index's tables, budgets. The fixture corpus is tests/fixtures/html/content.
"""

from __future__ import annotations

import inspect
import itertools
import math
import re
from pathlib import Path

import networkx as nx
import pytest

import qagraph
from qagraph.graph import build_graph
from qagraph.html import (
    Limits,
    generate_index,
    generate_view,
    keyword_selection,
    keyword_view,
    neighbourhood_selection,
    neighbourhood_view,
    overview_selection,
    subject_selection,
    subject_view,
    write_neighbourhood,
    write_views,
)
from qagraph.html.arrange import arrange, percentile
from qagraph.html.select import Edge
from qagraph.html.style import node_size
from qagraph.html.page import vis_network_js
from qagraph.html.style import edge_style, node_legend, shown_by_default
from qagraph.ids import article_node, keyword_node, subject_node
from qagraph.kinds import EDGE_KINDS, NODE_KINDS, EdgeKind, EdgeStyle, link_kinds, registered
from qagraph.load import load_corpus as load
from test_html_views import page_data, synthetic_graph

CORPUS = Path(__file__).resolve().parent / "fixtures" / "html" / "content"
PHYSICS = "subject:physics"
MOMENTUM = "article:/learn/physics/questions/momentum"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    graph, _ = build_graph(load(CORPUS))
    return graph


def _assert_closed(G: nx.MultiDiGraph, sel) -> None:
    """Every edge joins two selected nodes and exists in the graph (or stands for a count of them)."""
    chosen = set(sel.nodes)
    assert len(chosen) == len(sel.nodes), "a node selected twice"
    for e in sel.edges:
        assert e.source in chosen and e.target in chosen, e
        assert e.kind in EDGE_KINDS
        if e.count is None:
            assert G.has_edge(e.source, e.target, e.kind), e


# -- selections ----------------------------------------------------------------------------


def test_subject_selection_draws_the_most_connected_and_lists_the_rest(G):
    members = sorted(a for a, s, k in G.edges(keys=True) if k == "subject" and s == PHYSICS)
    sel = subject_selection(G, PHYSICS, Limits(subject_articles=2))
    _assert_closed(G, sel)
    drawn = [n for n in sel.nodes if G.nodes[n]["kind"] == "article"]
    assert len(drawn) == 2 and sorted(drawn + sel.listed) == members
    degree = {a: sum(1 for _, _, k in G.edges(a, keys=True) if k in ("related", "similar"))
              + sum(1 for _, _, k in G.in_edges(a, keys=True) if k in ("related", "similar")) for a in members}
    assert min(degree[a] for a in drawn) >= max(degree[a] for a in sel.listed)
    assert sel.shown["articles"] == (2, len(members)) and sel.shown["listed"] == (3, 3)
    assert sel.listed == sorted(sel.listed, key=lambda a: (-degree[a], a))


def test_subject_selection_counts_links_to_other_subjects(G):
    sel = subject_selection(G, PHYSICS)
    across = [e for e in sel.edges if e.count is not None]
    assert across and all(G.nodes[e.source]["kind"] == "subject" or G.nodes[e.target]["kind"] == "subject"
                          for e in across)
    assert {e.target if e.source.startswith("article:") else e.source for e in across} == {"subject:mathematics"}
    # each other subject keeps one edge drawn when the page opens
    assert sum(1 for e in across if e.primary) == 1


@pytest.mark.parametrize("per", [0, 1, 2, 100])
def test_each_article_keeps_its_strongest_links_primary(G, per):
    sel = subject_selection(G, "subject:mathematics", Limits(links_per_article=per, draw_all_links=0))
    links = [e for e in sel.edges if e.kind in ("related", "similar") and e.count is None]
    strength = {id(e): (e.weight if e.weight is not None else 1.0) for e in links}
    for node in {n for n in sel.nodes if G.nodes[n]["kind"] == "article"}:
        mine = sorted((e for e in links if node in (e.source, e.target)), key=lambda e: -strength[id(e)])
        # the node's `per` strongest are primary (ties may make more)
        assert all(e.primary for e in mine[:per]), node
    if per == 0:
        assert not any(e.primary for e in links)


def test_a_view_with_few_links_draws_them_all(G):
    sel = subject_selection(G, PHYSICS)
    assert all(e.primary for e in sel.edges if e.count is None)
    assert not all(e.primary for e in subject_selection(G, PHYSICS, Limits(draw_all_links=2)).edges)


def test_view_links_cap_keeps_primary_links_first(G):
    def links(sel):
        return [e for e in sel.edges if e.kind in ("related", "similar") and e.count is None and "stub" not in
                G.nodes[e.target]["kind"]]

    everything = links(subject_selection(G, "subject:mathematics", Limits(links_per_article=1, draw_all_links=0)))
    primary = [e for e in everything if e.primary]
    assert 0 < len(primary) < 3 < len(everything)
    sel = subject_selection(G, "subject:mathematics", Limits(view_links=3, links_per_article=1, draw_all_links=0))
    assert len(links(sel)) == 3 and set(primary) <= set(links(sel))
    assert sel.shown["links"] == (3, len(everything))


def test_keyword_selection(G):
    sel = keyword_selection(G, "keyword:force")
    _assert_closed(G, sel)
    assert sel.centre == "keyword:force" and sel.nodes[0] == "keyword:force"
    articles = {n for n in sel.nodes if G.nodes[n]["kind"] == "article"}
    assert articles == {a for a, _, k in G.in_edges("keyword:force", keys=True) if k == "keyword"}


def test_overview_selection_is_subjects_and_keywords(G):
    sel = overview_selection(G, Limits(overview_keywords=3, overview_subjects=2))
    _assert_closed(G, sel)
    kinds = [G.nodes[n]["kind"] for n in sel.nodes]
    assert kinds.count("subject") == 2 and kinds.count("keyword") == 3
    assert sel.shown["subjects"] == (2, 5)
    assert all(e.count for e in sel.edges)


def test_selections_never_exceed_their_limits():
    G = synthetic_graph(1200, n_subjects=3, n_keywords=400)
    limits = Limits(subject_articles=50, subject_keywords=7, stubs=0, listed_articles=20, view_links=60,
                    keyword_articles=30, cooccurring_keywords=4, neighbourhood_articles=25, neighbourhood_keywords=5)
    for sel in (subject_selection(G, subject_node("subject-0"), limits),
                keyword_selection(G, keyword_node("kw1"), limits),
                neighbourhood_selection(G, next(n for n in G if n.startswith("article:")), 3, limits)):
        _assert_closed(G, sel)
        kinds = [G.nodes[n]["kind"] for n in sel.nodes]
        assert kinds.count("article") <= 51, sel.kind
        assert kinds.count("keyword") <= 7 + 1, sel.kind
        assert len(sel.listed) <= 20
        assert sum(1 for e in sel.edges if e.kind in ("related", "similar") and e.count is None) <= 60


# -- neighbourhoods from a subgraph -------------------------------------------------------------


def test_neighbourhood_default_depth_is_one():
    for fn in (neighbourhood_view, neighbourhood_selection, write_neighbourhood):
        assert inspect.signature(fn).parameters["hops"].default == 1, fn.__name__


@pytest.mark.parametrize("hops", [1, 2])
def test_neighbourhood_from_a_subgraph_equals_the_full_graphs(G, hops):
    full = neighbourhood_selection(G, MOMENTUM, hops)
    articles = [n for n in full.nodes if G.nodes[n]["kind"] in ("article", "stub")]
    # only the articles: no subject, no keyword node, nothing else of the corpus
    bare = G.subgraph(articles).copy()
    sel = neighbourhood_selection(bare, MOMENTUM, hops)
    assert sel.nodes == articles
    view = neighbourhood_view(bare, MOMENTUM, hops=hops)
    assert {n["key"] for n in view.nodes} == set(articles)
    assert view.nodes[view.centre]["key"] == MOMENTUM
    # the subgraph KnowledgeGraph.neighbourhood gives (the lead's hook for `qagraph view`)
    kg = qagraph.build(CORPUS)
    sub = kg.neighbourhood(MOMENTUM, hops=hops, kinds=[k.name for k in link_kinds()] + ["subject", "keyword"])
    view = neighbourhood_view(sub, MOMENTUM, hops=hops)
    assert {n["key"] for n in view.nodes if n["kind"] in ("article", "stub")} == set(articles)
    assert "keyword" in view.counts()["nodes"]


def test_neighbourhood_walks_any_registered_link_kind(G):
    H = G.copy()
    a, b = MOMENTUM, "article:/learn/computer-science/questions/recursion"
    assert b not in neighbourhood_selection(H, a, 1).nodes
    cites = EdgeKind("cites", "cites", "citations", ("article",), ("article",), EdgeStyle("#118811"), link=True)
    with registered(cites):
        H.add_edge(a, b, key="cites", kind="cites")
        sel = neighbourhood_selection(H, a, 1)
        assert b in sel.nodes and any(e.kind == "cites" for e in sel.edges)


# -- the registry drives every legend, filter and table -------------------------------------------


def test_a_registered_edge_kind_appears_in_every_view_and_the_index(G, tmp_path):
    H = G.copy()
    cites = EdgeKind("cites", "cites", "citations", ("article",), ("article",), EdgeStyle("#118811", 2.0),
                     link=True, description="an article citing another")
    mentions = EdgeKind("mentions", "mentions", "mentions", ("article",), ("keyword",), EdgeStyle("#881188"),
                        description="an article naming a keyword in its answer")
    with registered(cites), registered(mentions):
        H.add_edge(MOMENTUM, "article:/learn/physics/questions/work", key="cites", kind="cites")
        H.add_edge("article:/learn/mathematics/questions/vectors", MOMENTUM, key="cites", kind="cites")
        H.add_edge(MOMENTUM, "keyword:energy", key="mentions", kind="mentions")
        write_views(H, tmp_path)
        index = (tmp_path / "index.html").read_text(encoding="utf-8")
        assert "<td>citations</td><td class=\"n\">2</td>" in index
        assert "<td>mentions</td><td class=\"n\">1</td>" in index
        for kind in EDGE_KINDS.values():  # every registered kind has its row, even a fifth and sixth
            assert f"<td>{kind.plural}</td>" in index
        for path in (tmp_path / "views" / "subject-physics.html", tmp_path / "views" / "overview.html"):
            data = page_data(path)
            kinds = {k["kind"]: k for k in data["edgeKinds"]}
            assert "cites" in kinds, path.name
            assert kinds["cites"]["color"] == "#118811"
            assert 'value="cites"' in path.read_text(encoding="utf-8")  # its filter checkbox
        physics = page_data(tmp_path / "views" / "subject-physics.html")
        assert {k["kind"] for k in physics["edgeKinds"]} >= {"cites", "mentions", "related", "similar", "keyword"}
        n = neighbourhood_view(H, MOMENTUM, hops=1)
        assert {"cites", "mentions"} <= set(n.counts()["edges"])
        assert "Mentions" in generate_view(n) or "mentions" in generate_view(n)


def test_styles_and_legends_come_from_the_registry():
    for name, kind in EDGE_KINDS.items():
        style = edge_style(name)
        assert style["color"] == kind.style.colour and style["arrows"] == kind.style.arrows
    legend = node_legend(NODE_KINDS)
    assert [x["label"] for x in legend] == [k.label for k in NODE_KINDS.values()]
    assert [x["shape"] for x in legend] == [k.shape for k in NODE_KINDS.values()]
    assert shown_by_default(EDGE_KINDS["related"]) and not shown_by_default(EDGE_KINDS["keyword"])
    assert not shown_by_default(EDGE_KINDS["subject"]) and shown_by_default(EDGE_KINDS["keyword"], "keyword")


def test_index_lists_the_atlas_first_then_the_views(G):
    text = generate_index(G, overview_row={"href": "views/overview.html", "summary": "s"}, atlas_href="views/atlas.html",
                          extra_links=[("RDF", "qagraph.ttl")])
    hrefs = re.findall(r'href="([^"]+)"', text)
    assert hrefs[0] == "views/atlas.html"
    assert hrefs.index("views/overview.html") < hrefs.index("qagraph.ttl")
    assert "atlas" not in generate_index(G).lower()


def test_write_views_passes_the_atlas_to_every_view(G, tmp_path):
    write_views(G, tmp_path, atlas="views/atlas.html")
    assert re.findall(r'href="([^"]+)"', (tmp_path / "index.html").read_text())[0] == "views/atlas.html"
    for name in ("overview.html", "subject-physics.html"):
        assert page_data(tmp_path / "views" / name)["atlas"] == "atlas.html"
        assert '<a href="atlas.html">Atlas</a>' in (tmp_path / "views" / name).read_text()


# -- layout ---------------------------------------------------------------------------------


def _clusters(n: int, size: int = 10) -> tuple[nx.MultiDiGraph, list[str], list[Edge]]:
    """``n`` articles in clusters of ``size``, each linked to the next two of its cluster."""
    G = nx.MultiDiGraph()
    nodes = [f"article:/a{i}" for i in range(n)]
    G.add_nodes_from(nodes, kind="article")
    edges = [Edge(nodes[i], nodes[(i // size) * size + (i + k) % size], "related") for i in range(n) for k in (1, 2)]
    return G, nodes, edges


def test_a_large_view_keeps_its_arrangement_and_places_a_new_node_by_its_links():
    """Given the arrangement a view's page held (positions and communities), a view of more than
    LABELLED_MAX nodes keeps it: a new node joins its neighbours' community, beside them, covering
    no other node; its importance is the view's own, as a fresh layout's."""
    G, nodes, edges = _clusters(120)
    fresh = arrange(G, nodes, edges)
    kept = {n: (*fresh.pos[n], fresh.community[n]) for n in nodes}
    G.add_node("article:/new", kind="article")
    more = [*edges, Edge("article:/new", nodes[31], "related"), Edge("article:/new", nodes[32], "related")]
    again = arrange(G, [*nodes, "article:/new"], more, kept=kept)
    assert {n: again.pos[n] for n in nodes} == fresh.pos
    assert {n: again.community[n] for n in nodes} == fresh.community
    assert again.community["article:/new"] == fresh.community[nodes[31]]
    assert again.importance == arrange(G, [*nodes, "article:/new"], more).importance
    x, y = again.pos["article:/new"]
    assert math.dist((x, y), fresh.pos[nodes[31]]) < 120
    size = {n: node_size("article", again.importance[n]) for n in again.pos}
    assert all(math.dist((x, y), again.pos[n]) >= size[n] + size["article:/new"] for n in nodes)
    assert [(g.index, g.members) for g in again.groups if "article:/new" in g.members][0][1][-1] == "article:/new"


def test_a_view_is_laid_out_afresh_when_it_is_small_or_mostly_new():
    G, nodes, edges = _clusters(120)
    fresh = arrange(G, nodes, edges)
    far = {n: (p[0] + 1000.0, p[1], fresh.community[n]) for n, p in fresh.pos.items()}
    assert arrange(G, nodes, edges, kept=dict(list(far.items())[:100])).pos == fresh.pos  # 20 of 120 new
    assert arrange(G, nodes, edges, kept=dict(list(far.items())[:115])).pos != fresh.pos  # 5 new: kept
    small = nodes[:80]
    assert arrange(G, small, edges, kept=far).pos == arrange(G, small, edges).pos


def test_layout_is_deterministic_and_separates_nodes(G):
    sel = subject_selection(G, PHYSICS)
    a = arrange(G, sel.nodes, sel.edges)
    b = arrange(G.copy(), sel.nodes, sel.edges)
    assert a.pos == b.pos and a.community == b.community
    points = list(a.pos.values())
    assert len(set(points)) == len(points)
    assert max(a.importance.values()) == 1.0


def _boxes(view, kinds: tuple[str, ...] = ("article", "stub")) -> list[tuple[str, float, float, float, float]]:
    """Each node of ``kinds`` of a written view with its label, as the layout counts them: from the
    node's top to its label's foot, as wide as the label's text."""
    from qagraph.html.arrange import LABEL_PX, label_width

    out = []
    for n in view.nodes:
        if n["kind"] in kinds:
            half = max(n["size"], label_width(n["label"]) / 2)
            out.append((n["label"], n["x"] - half, n["y"] - n["size"], n["x"] + half, n["y"] + n["size"] + 4 + LABEL_PX * 1.5))
    return out


def _overlapping(boxes) -> list[tuple[str, str]]:
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]


def test_a_small_view_leaves_room_for_every_label():
    """A small subject's articles were drawn where a strongly linked spring put them: a cluster of nodes
    a few pixels apart, whose labels (drawn at their size when the page opens) covered each other."""
    G = synthetic_graph(160, n_subjects=4, n_keywords=60)
    subjects = sorted((d["articles"], n) for n, d in G.nodes(data=True) if d.get("kind") == "subject")
    small = next(s for count, s in subjects if 8 <= count <= 40)
    view = subject_view(G, small)
    boxes = _boxes(view)
    assert len(boxes) >= 8 and _overlapping(boxes) == []
    # the other subjects sit on a ring (an ellipse of the drawing's proportions) outside every article
    core = [(n["x"], n["y"]) for n in view.nodes if n["kind"] in ("article", "stub")]
    mx, my = sum(x for x, _ in core) / len(core), sum(y for _, y in core) / len(core)
    ex, ey = max(abs(x - mx) for x, _ in core), max(abs(y - my) for _, y in core)

    def out(x: float, y: float) -> float:
        return ((x - mx) / ex) ** 2 + ((y - my) / ey) ** 2

    ring = [out(n["x"], n["y"]) for n in view.nodes if n["kind"] == "subject"]
    assert ring and min(ring) > max(out(x, y) for x, y in core)


def test_an_article_s_neighbourhood_keeps_it_in_the_middle(G):
    view = neighbourhood_view(G, sorted(a for a, s, k in G.edges(keys=True) if k == "subject" and s == PHYSICS)[0])
    centre = next(n for n in view.nodes if n["id"] == view.centre)
    assert (centre["x"], centre["y"]) == (0.0, 0.0)
    assert _overlapping(_boxes(view)) == []


def test_a_large_neighbourhood_keeps_its_article_in_the_middle_and_each_node_room():
    """An article's neighbourhood of 81 to 250 articles is one force layout around it. Laid out by
    community, as a subject's view is, the article sat wherever its community's circle did: in the
    first four such views here, 3% to 64% of the articles were nearer the drawing's middle than
    it. No article's circle covers another's either."""
    from qagraph.html.arrange import LABELLED_MAX

    G = synthetic_graph(1200, n_subjects=3, n_keywords=300, seed=4)
    links = {k.name for k in link_kinds()}
    degree = {n: sum(1 for _, _, k in G.edges(n, keys=True) if k in links) for n, d in G.nodes(data=True)
              if d.get("kind") == "article"}
    views = (neighbourhood_view(G, n, hops=2) for n in sorted(degree, key=lambda n: (-degree[n], n)))
    large = list(itertools.islice((v for v in views if LABELLED_MAX < sum(n["kind"] == "article" for n in v.nodes) <= 250), 4))
    assert len(large) == 4
    for view in large:
        articles = [n for n in view.nodes if n["kind"] == "article"]
        centre = next(n for n in view.nodes if n["id"] == view.centre)
        assert (centre["x"], centre["y"]) == (0.0, 0.0)
        mx, my = sum(n["x"] for n in articles) / len(articles), sum(n["y"] for n in articles) / len(articles)
        nearer = sum(math.hypot(n["x"] - mx, n["y"] - my) < math.hypot(mx, my) for n in articles)
        assert nearer <= 0.02 * len(articles)
        assert _circles_overlapping(articles) == []


def test_a_keyword_view_sets_its_keyword_beside_its_articles(G):
    """A keyword of one article was drawn on top of that article, its triangle over the circle,
    and one of the two labels had to go. The keyword is now moved off the articles' boxes."""
    df = {n: d.get("df") for n, d in G.nodes(data=True) if d.get("kind") == "keyword"}
    for keyword in (min(df, key=lambda k: (df[k], k)), max(df, key=lambda k: (df[k], k))):
        view = keyword_view(G, keyword)
        boxes = _boxes(view, ("article", "stub", "keyword"))
        assert len(boxes) >= 2 and _overlapping(boxes) == [], keyword


def _circles_overlapping(nodes) -> list[tuple[str, str]]:
    return [(a["key"], b["key"]) for i, a in enumerate(nodes) for b in nodes[i + 1:]
            if math.hypot(a["x"] - b["x"], a["y"] - b["y"]) < a["size"] + b["size"]]


def test_a_mid_size_view_gives_each_community_its_own_circle_and_each_node_room():
    """A view of 81 to 250 articles was one spring layout of them all: its communities were mixed
    in one cloud, their names (drawn at their members' centre) stacked in the middle of it, and
    3 in 4 articles' circles overlapped another's. Each community now has a circle of its own, as
    large as its nodes need, and no article's circle covers another's."""
    from qagraph.html.arrange import LABELLED_MAX

    G = synthetic_graph(1200, n_subjects=3, n_keywords=300, seed=4)
    counts = sorted((d["articles"], n) for n, d in G.nodes(data=True) if d.get("kind") == "subject")
    subject = next(s for count, s in counts if LABELLED_MAX < count <= 250)
    view = subject_view(G, subject)
    articles = [n for n in view.nodes if n["kind"] == "article"]
    assert LABELLED_MAX < len(articles) <= 250
    assert _circles_overlapping(articles) == []
    groups = view.groups
    assert len(groups) >= 3
    # the communities' names (drawn at their centres) stand apart: they were 21 px apart, one over another
    centres = [(g["x"], g["y"]) for g in groups]
    assert min(math.dist(p, q) for i, p in enumerate(centres) for q in centres[i + 1:]) > 100
    # nearly every article is nearer its own community's centre than any other's (38% before)
    members = [a for a in articles if a.get("group", -1) >= 0]
    own = sum(groups[min(range(len(groups)), key=lambda i: math.dist((a["x"], a["y"]), centres[i]))]["color"] == a["color"]
              for a in members)
    assert members and own >= 0.85 * len(members)


def test_large_views_are_laid_out_by_community():
    G = synthetic_graph(3000, n_subjects=1, n_keywords=800)
    view = subject_view(G, "subject:subject-0", limits=Limits(subject_articles=900))
    assert view.groups and len(view.groups) <= 16
    assert sum(g["n"] for g in view.groups) <= 900
    xs = [n["x"] for n in view.nodes]
    assert max(xs) - min(xs) > 500  # spread out, not a pile
    # no article covers another (in the 36k corpus's largest views, 2,000-2,800 pairs did)
    assert _circles_overlapping([n for n in view.nodes if n["kind"] == "article"]) == []
    again = subject_view(G, "subject:subject-0", limits=Limits(subject_articles=900))
    assert [(n["x"], n["y"], n["color"]) for n in again.nodes] == [(n["x"], n["y"], n["color"]) for n in view.nodes]


def test_given_communities_colour_the_articles(G):
    members = [a for a, s, k in G.edges(keys=True) if k == "subject" and s == PHYSICS]
    given = {a: (0 if i < 3 else 1) for i, a in enumerate(sorted(members))}
    view = subject_view(G, PHYSICS, communities=given)
    colour = {n["key"]: n["color"] for n in view.nodes if n["kind"] == "article"}
    first = {colour[a] for a in sorted(members)[:3]}
    assert len(first) == 1 and colour[sorted(members)[3]] not in first


def test_write_views_twice_gives_the_same_files(G, tmp_path):
    one = write_views(G, tmp_path / "a")
    two = write_views(G, tmp_path / "b")
    for p, q in zip(one, two):
        assert p.read_bytes() == q.read_bytes(), p.name


# -- budgets ----------------------------------------------------------------------------------


def huge_keyword_graph(n_keywords: int = 100_000) -> nx.MultiDiGraph:
    """Three articles in one subject; the first has ``n_keywords`` keywords and a 1 MB title."""
    G = nx.MultiDiGraph(source="huge")
    G.add_node(subject_node("s"), kind="subject", slug="s", label="S", labels=("S",), articles=3)
    keys = [f"k{i}" for i in range(n_keywords)]
    for k in keys:
        G.add_node(keyword_node(k), kind="keyword", key=k, label=f"keyword number {k} " * 3, labels=(k,), df=1)
    for i in range(3):
        a = article_node(f"/learn/s/questions/q{i}")
        mine = keys if i == 0 else keys[:3]
        G.add_node(a, kind="article", title=("Why? " * 200_000) if i == 0 else f"Question {i}?", url=a[8:],
                   subject="s", subject_label="S", keywords=tuple(mine),
                   keyword_labels=tuple(f"keyword number {k} " * 3 for k in mine), answer="An answer. " * 5000)
        G.add_edge(a, subject_node("s"), key="subject", kind="subject")
        for k in mine:
            G.add_edge(a, keyword_node(k), key="keyword", kind="keyword")
    G.add_edge(article_node("/learn/s/questions/q0"), article_node("/learn/s/questions/q1"), key="related",
               kind="related", position=1, positions=(1,))
    return G


def test_an_article_with_100000_keywords_gives_a_small_page(tmp_path):
    G = huge_keyword_graph()
    node = article_node("/learn/s/questions/q0")
    limits = Limits()
    view = neighbourhood_view(G, node, hops=1)
    assert view.counts()["nodes"]["keyword"] <= limits.neighbourhood_keywords
    assert any("100,000 keywords" in note for note in view.notes)
    centre = view.nodes[view.centre]
    assert len(centre["info"]["keywords"]) == limits.card_keywords
    assert centre["info"]["moreKeywords"] == 100_000 - limits.card_keywords
    assert len(centre["info"]["title"]) <= limits.title_chars
    path = write_neighbourhood(G, node, tmp_path / "n.html")
    html = path.read_text(encoding="utf-8")
    vis = len(vis_network_js())  # inlined: the page stands alone
    assert len(html) - vis < 150_000, "the page's own part stays small"
    for writer, kw in ((subject_view, subject_node("s")), (keyword_view, keyword_node("k1"))):
        v = writer(G, kw)
        assert len(generate_view(v)) - vis < 150_000, writer.__name__
    out = write_views(G, tmp_path / "site")
    assert max(p.stat().st_size for p in out if p.suffix == ".html") < 200_000


@pytest.mark.parametrize("seed", range(12))
def test_pagerank_agrees_with_networkx(seed):
    """arrange.pagerank (no scipy import in `qagraph view`) gives networkx's values, and those of the
    plain loop it stands for, to the bit."""
    import random

    import networkx as nx

    from qagraph.html.arrange import pagerank

    rng = random.Random(seed)
    H = nx.Graph()
    H.add_nodes_from(f"n{i}" for i in range(60))  # some left without links (dangling)
    for _ in range(120):
        a, b = rng.sample(range(50), 2)
        H.add_edge(f"n{a}", f"n{b}", weight=rng.choice([0.01, 0.5, 1.0, 3.0]))
    ours, theirs = pagerank(H), nx.pagerank(H, weight="weight")
    assert ours.keys() == theirs.keys()
    assert max(abs(ours[n] - theirs[n]) for n in ours) < 1e-5
    assert ours == _pagerank_loop(H), "numpy's steps are the loop's, to the bit (views stay as they were)"


def _pagerank_loop(H, alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100) -> dict[str, float]:
    """The loop arrange.pagerank stands for, in plain Python (as it was written until stop 44)."""
    nodes = list(H)
    n = len(nodes)
    shares, dangling = {}, []
    for u in nodes:
        weights = {v: float(d.get("weight", 1.0)) for v, d in H._adj[u].items()}
        total = sum(weights.values())
        shares[u] = [(v, w / total) for v, w in weights.items()] if total else []
        if not total:
            dangling.append(u)
    x = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = dict.fromkeys(nodes, (alpha * sum(last[u] for u in dangling) + 1.0 - alpha) / n)
        for u in nodes:
            mass = alpha * last[u]
            for v, share in shares[u]:
                x[v] += mass * share
        if sum(abs(x[u] - last[u]) for u in nodes) < n * tol:
            break
    return x


@pytest.mark.parametrize("seed", range(5))
def test_percentile_is_numpys(seed):
    """The layout's percentile gives numpy's numbers (its default method), to the bit."""
    import numpy as np

    rng = np.random.default_rng(seed)
    for _ in range(400):
        values = rng.random(int(rng.integers(1, 80))) * 10.0 ** int(rng.integers(-3, 4))
        for q in (0, 33.3, 50, 90, 97, 100):
            assert percentile(values, q) == float(np.percentile(values, q))
