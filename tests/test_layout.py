"""qagraph.layout: seeded positions, communities, and layouts kept across incremental builds."""

from __future__ import annotations

import json
import math
import random

import networkx as nx
import pytest

import qagraph
from qagraph.errors import UsageError
from qagraph.layout import (
    AtlasLayout,
    atlas_layout,
    communities,
    label_communities,
    layout,
    link_graph,
    update_layout,
)


def planted(groups: int = 4, size: int = 30, seed: int = 3, order_seed: int | None = None) -> nx.Graph:
    """``groups`` dense groups of ``size`` articles, sparsely linked to each other; ids are strings."""
    G = nx.planted_partition_graph(groups, size, 0.3, 0.01, seed=seed)
    rng = random.Random(seed)
    edges = [(f"article:/g{u // size}/{u}", f"article:/g{v // size}/{v}", {"weight": round(rng.uniform(0.05, 1.5), 3)})
             for u, v in G.edges()]
    nodes = [f"article:/g{u // size}/{u}" for u in G]
    if order_seed is not None:  # same graph, built in another order
        random.Random(order_seed).shuffle(edges)
        random.Random(order_seed).shuffle(nodes)
        edges = [(v, u, d) if i % 2 else (u, v, d) for i, (u, v, d) in enumerate(edges)]
    A = nx.Graph()
    A.add_nodes_from(nodes)
    A.add_edges_from(edges)
    return A


def test_communities_find_the_planted_groups_and_are_deterministic():
    A = planted()
    parts = communities(A)
    assert sorted(len(p) for p in parts) == [30, 30, 30, 30]
    assert all(len({n.split("/")[1] for n in p}) == 1 for p in parts)  # each is one planted group
    assert all(p == sorted(p) for p in parts)
    assert communities(A) == parts
    assert communities(planted(order_seed=7)) == parts  # insertion order does not matter


def test_layout_is_byte_identical_for_the_same_graph():
    A = planted()
    first = json.dumps(layout(A), sort_keys=True)
    assert json.dumps(layout(A), sort_keys=True) == first
    assert json.dumps(layout(planted(order_seed=11)), sort_keys=True) == first
    assert json.dumps(layout(A, seed=1), sort_keys=True) != first  # the seed is used


def test_layout_keeps_communities_apart():
    A = planted()
    parts = communities(A)
    pos = layout(A, parts)
    assert set(pos) == set(A)
    centre = [tuple(sum(pos[n][d] for n in p) / len(p) for d in (0, 1)) for p in parts]
    spread = max(math.dist(pos[n], centre[i]) for i, p in enumerate(parts) for n in p)
    gaps = [math.dist(a, b) for i, a in enumerate(centre) for b in centre[i + 1:]]
    assert min(gaps) > spread  # discs do not overlap: every member is nearer its own centre


def test_isolated_articles_go_on_a_ring_outside():
    A = planted()
    A.add_nodes_from(["article:/alone/1", "article:/alone/2"])
    pos = layout(A)
    inner = max(math.hypot(*pos[n]) for n in A if "alone" not in n)
    assert all(math.hypot(*pos[n]) > inner for n in ("article:/alone/1", "article:/alone/2"))


def test_layout_rejects_parts_that_do_not_cover_the_graph():
    A = planted()
    parts = communities(A)
    with pytest.raises(UsageError, match="in no community"):
        layout(A, parts[1:])
    with pytest.raises(UsageError, match="two communities"):
        layout(A, parts + [parts[0][:1]])
    with pytest.raises(UsageError, match="not in the graph"):
        layout(A, parts + [["article:/nowhere"]])


def test_update_layout_keeps_old_positions_and_places_new_ones_near_their_neighbours():
    A = planted()
    before = layout(A)
    B = A.copy()
    gone = "article:/g0/0"
    B.remove_node(gone)
    anchor = "article:/g2/61"
    B.add_edge("article:/new/1", anchor, weight=1.0)
    B.add_edge("article:/new/2", "article:/new/1", weight=1.0)  # placed once new/1 is
    B.add_node("article:/new/alone")
    after = update_layout(before, B)
    assert set(after) == set(B)
    assert all(after[n] == before[n] for n in B if n in before)  # exactly, not approximately
    assert gone not in after
    assert math.dist(after["article:/new/1"], before[anchor]) <= 2.0
    assert math.dist(after["article:/new/2"], after["article:/new/1"]) <= 2.0
    assert math.hypot(*after["article:/new/alone"]) > max(math.hypot(*p) for p in before.values())
    assert update_layout(before, B) == after


def test_communities_with_previous_keep_their_numbering():
    A = planted()
    parts = communities(A)[::-1]  # any numbering the caller kept, not the largest-first order
    B = A.copy()
    B.remove_nodes_from(parts[0][:5])  # the first community shrinks: sorted by size it would move
    B.add_edge("article:/new/1", parts[3][0], weight=2.0)
    again = communities(B, previous=parts)
    assert len(again) == len(parts)
    for old, new in zip(parts, again):
        assert len(set(old) & set(new)) >= len(old) - 5
    assert any("article:/new/1" in p for p in again)


def test_labels_name_subjects_and_telling_keywords(small_kg):
    G = small_kg.graph
    parts = communities(link_graph(G))
    named = label_communities(G, parts)
    assert [c.members for c in named] == [tuple(p) for p in parts]
    biology = next(c for c in named if any("biology" in n for n in c.members))
    assert biology.subjects == ("Biology",)
    assert biology.label.startswith("Biology")


def test_link_graph_matches_the_article_projection_for_related_and_similar(content_kg):
    G = content_kg.graph
    ours = link_graph(G)
    theirs = qagraph.article_projection(G)
    assert set(ours.nodes) == set(theirs.nodes)
    assert {frozenset(e) for e in ours.edges} == {frozenset(e) for e in theirs.edges}
    for u, v, w in theirs.edges(data="weight"):
        assert ours[u][v]["weight"] == pytest.approx(w)


def test_atlas_layout_places_stubs_and_survives_a_json_round_trip(small_kg):
    G = small_kg.graph
    atlas = atlas_layout(G)
    stubs = [n for n, k in G.nodes(data="kind") if k == "stub"]
    assert stubs and all(n in atlas.positions for n in stubs)
    articles = [n for n, k in G.nodes(data="kind") if k == "article"]
    assert sorted(atlas.membership) == sorted(articles)
    again = AtlasLayout.from_dict(json.loads(json.dumps(atlas.as_dict())))
    assert again == atlas
    assert atlas_layout(G, previous=again).positions == atlas.positions


def test_atlas_layout_with_previous_keeps_old_places_and_adds_the_new_article(content_kg):
    G = content_kg.graph
    new = "article:/learn/biology/questions/how-does-dna-replication-work"
    older = G.copy()
    older.remove_node(new)
    before = atlas_layout(older)
    after = atlas_layout(G, previous=before)
    assert all(after.positions[n] == p for n, p in before.positions.items() if n in after.positions)
    neighbours = [v for v in nx.all_neighbors(G, new) if v in before.positions]
    assert neighbours
    nearest = min(math.dist(after.positions[new], before.positions[v]) for v in neighbours)
    spread = max(math.hypot(*p) for p in before.positions.values())
    assert nearest < spread / 2  # beside one of its neighbours, not anywhere
    assert any(new in c.members for c in after.communities)
