"""qagraph.layout: seeded positions, communities, and layouts kept across incremental builds."""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys

import networkx as nx
import numpy as np
import pytest

import qagraph
from qagraph import layout as L
from qagraph.errors import UsageError
from qagraph.layout import (
    LAYOUT_FORMAT,
    AtlasLayout,
    atlas_layout,
    communities,
    label_communities,
    layout,
    link_graph,
    read_layout,
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


def test_communities_are_as_good_as_networkx_louvain():
    """Modularity at least that of networkx's Louvain on a noisy planted partition (1,000 nodes)."""
    G = nx.planted_partition_graph(25, 40, 0.2, 0.01, seed=2)
    rng = random.Random(2)
    A = nx.Graph()
    A.add_weighted_edges_from((f"n{u:04d}", f"n{v:04d}", round(rng.uniform(0.05, 1.5), 3)) for u, v in G.edges)
    ours = communities(A)
    theirs = nx.community.louvain_communities(A, weight="weight", seed=0)
    assert sorted(n for p in ours for n in p) == sorted(A)
    assert nx.community.modularity(A, ours) >= nx.community.modularity(A, theirs) - 0.002


def test_a_community_left_in_pieces_is_split():
    """Started from an old partition where v joined two cliques, v leaves for a third: k and m part."""
    A = nx.Graph()
    cliques = {name: [f"{name}{i}" for i in range(5)] for name in "kmd"}
    for members in cliques.values():
        A.add_edges_from(((u, v) for i, u in enumerate(members) for v in members[i + 1:]), weight=1.0)
    A.add_weighted_edges_from([("v", "k0", 0.1), ("v", "m0", 0.1), ("v", "d0", 5.0), ("v", "d1", 5.0), ("v", "d2", 5.0)])
    parts = communities(A, previous=[cliques["k"] + cliques["m"] + ["v"], cliques["d"]])
    assert parts == [cliques["k"], cliques["d"] + ["v"], cliques["m"]]  # k keeps slot 0, d slot 1, m is new
    assert all(nx.is_connected(A.subgraph(p)) for p in parts)


@pytest.mark.parametrize("seed", range(5))
def test_components_match_networkx(seed):
    G = nx.gnm_random_graph(400, 330 + 20 * seed, seed=seed)  # many pieces, some long
    edges = np.array(list(G.edges), dtype=np.int64).reshape(-1, 2)
    found = L._components(400, edges[:, 0], edges[:, 1])
    assert sorted(map(sorted, nx.connected_components(G))) == sorted(
        sorted(np.flatnonzero(found == r).tolist()) for r in np.unique(found))
    assert all(found[r] == r == min(np.flatnonzero(found == r)) for r in np.unique(found))  # named by least node


def test_the_community_search_does_not_import_all_of_scikit_network():
    """Its Cython core is loaded alone: importing the whole package costs ~0.5 s per build."""
    code = ("import sys, networkx as nx; from qagraph.layout import communities; "
            "print(communities(nx.relabel_nodes(nx.barbell_graph(4, 0), str))); "
            "print(sorted(m for m in sys.modules if m.startswith('sknetwork')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["[['0', '1', '2', '3'], ['4', '5', '6', '7']]", "['sknetwork.clustering.louvain_core']"]


@pytest.mark.parametrize(("shape", "within"), [("even", 0.15), ("clustered", 0.25)])
def test_the_grid_push_is_close_to_the_sum_over_every_pair(shape, within):
    """On the grid the code picks for 600 nodes: the direction right, the size within 15-25% (median)."""
    rng = np.random.default_rng(1)
    if shape == "even":
        x, y = rng.uniform(-12, 12, 600), rng.uniform(-12, 12, 600)
    else:
        c = rng.integers(0, 5, 600)
        x, y = rng.uniform(-15, 15, 5)[c] + rng.normal(0, 2, 600), rng.uniform(-15, 15, 5)[c] + rng.normal(0, 2, 600)
    dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
    d2 = dx * dx + dy * dy
    np.fill_diagonal(d2, np.inf)
    ex, ey = (dx / d2).sum(axis=1), (dy / d2).sum(axis=1)
    # two communities in one call: each is pushed by its own members only
    mx, my = L._mesh_push(np.r_[x, x + 1000.0], np.r_[y, y], np.array([0, 600]), L._grid_size(600))
    for px, py in ((mx[:600], my[:600]), (mx[600:], my[600:])):
        error = np.hypot(px - ex, py - ey) / np.hypot(ex, ey)
        cosine = (px * ex + py * ey) / np.hypot(px, py) / np.hypot(ex, ey)
        assert np.median(error) < within and np.median(cosine) > 0.99


def test_layout_is_byte_identical_for_the_same_graph():
    A = planted()
    first = json.dumps(layout(A), sort_keys=True)
    assert json.dumps(layout(A), sort_keys=True) == first
    assert json.dumps(layout(planted(order_seed=11)), sort_keys=True) == first
    assert json.dumps(layout(A, seed=1), sort_keys=True) != first  # the seed is used


@pytest.mark.parametrize("size", [30, 80])  # every pair pushes / the push comes through a grid
def test_layout_keeps_communities_apart(size):
    A = planted(size=size)
    parts = communities(A)
    pos = layout(A, parts)
    assert set(pos) == set(A)
    centre = [tuple(sum(pos[n][d] for n in p) / len(p) for d in (0, 1)) for p in parts]
    spread = max(math.dist(pos[n], centre[i]) for i, p in enumerate(parts) for n in p)
    gaps = [math.dist(a, b) for i, a in enumerate(centre) for b in centre[i + 1:]]
    assert min(gaps) > spread  # discs do not overlap: every member is nearer its own centre


def _discs(k: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``k`` discs of community-like sizes (many small, a few big) scattered at random."""
    rng = np.random.default_rng(seed)
    sizes = rng.choice([3, 4, 5, 8, 12, 30, 200], size=k, p=[0.35, 0.15, 0.15, 0.1, 0.1, 0.1, 0.05])
    radii = np.sqrt(sizes.astype(float)) * 0.9 + 1.0
    return rng.uniform(-1, 1, (k, 2)) * math.sqrt(float((radii**2).sum())), radii


def _packing(c: np.ndarray, radii: np.ndarray) -> tuple[float, float]:
    """The worst overlap of two discs and the share of the enclosing circle the discs fill."""
    d = np.sqrt(((c[:, None] - c[None]) ** 2).sum(axis=2))
    np.fill_diagonal(d, np.inf)
    extent = float((np.linalg.norm(c, axis=1) + radii).max())
    return float((radii[:, None] + radii[None] - d).max()), float((radii**2).sum()) / extent**2


def test_many_discs_pack_through_k_d_trees_as_tightly_as_by_every_pair(monkeypatch):
    """Above DISCS_EXACT_MAX only overlapping pairs are compared: no more overlap, no looser a packing."""
    centres, radii = _discs(150, seed=4)
    exact = L._pack(centres, radii)
    monkeypatch.setattr(L, "DISCS_EXACT_MAX", 20)
    sparse = L._pack(centres, radii)
    (overlap, fill), (exact_overlap, exact_fill) = _packing(sparse, radii), _packing(exact, radii)
    assert overlap <= max(exact_overlap, 0.0) + 0.5 and fill >= exact_fill * 0.95
    # what the k-d trees find is what comparing every pair finds
    i, j = L._overlapping(centres, radii, 0.12, [np.flatnonzero(radii < 3), np.flatnonzero(radii >= 3)])
    d = np.sqrt(((centres[:, None] - centres[None]) ** 2).sum(axis=2))
    a, b = np.nonzero(np.triu(d < (radii[:, None] + radii[None]) * 1.12, 1))
    assert sorted(zip(np.minimum(i, j).tolist(), np.maximum(i, j).tolist())) == sorted(zip(a.tolist(), b.tolist()))
    assert len(a) > 50  # the scattered start overlaps a lot: the check is not empty


def test_the_community_layout_through_the_grid_keeps_linked_communities_near(monkeypatch):
    """Above DISCS_EXACT_MAX the push comes through the grid: linked nodes end as near as with every pair."""
    G = nx.connected_watts_strogatz_graph(120, 4, 0.05, seed=2)
    pairs = np.array(sorted((min(u, v), max(u, v)) for u, v in G.edges()), dtype=np.int64)
    start = np.random.default_rng(0).uniform(-1, 1, (120, 2)) * 10

    def nearness(c: np.ndarray) -> float:  # mean linked distance over mean distance: small is a good layout
        d = np.sqrt(((c[:, None] - c[None]) ** 2).sum(axis=2))
        return float(d[pairs[:, 0], pairs[:, 1]].mean() / d[np.triu_indices(120, 1)].mean())

    exact = nearness(L._force_layout(start, pairs, np.ones(len(pairs)), 1000))
    monkeypatch.setattr(L, "DISCS_EXACT_MAX", 8)
    grid = nearness(L._force_layout(start, pairs, np.ones(len(pairs)), 1000))
    assert exact < 0.3 and grid < exact * 1.25  # (a push that pulled instead would give about 1)


def test_a_graph_of_many_communities_is_laid_out_with_them_apart(monkeypatch):
    """More communities than DISCS_EXACT_MAX: they are placed through the grid and still kept apart."""
    monkeypatch.setattr(L, "DISCS_EXACT_MAX", 8)
    A = planted(groups=24, size=12, seed=5)
    parts = communities(A)
    assert len(parts) > 8  # the grid path is taken
    pos = layout(A, parts)
    assert set(pos) == set(A)
    centre = [tuple(sum(pos[n][d] for n in p) / len(p) for d in (0, 1)) for p in parts]
    reach = [max(math.dist(pos[n], centre[i]) for n in p) for i, p in enumerate(parts)]
    # no member is nearer another community's centre than its own
    assert all(min(range(len(parts)), key=lambda c: math.dist(pos[n], centre[c])) == i
               for i, p in enumerate(parts) for n in p)
    assert max(reach) < max(math.hypot(*c) for c in centre)  # spread out, not piled on the centre


def _island_check(pos: dict, alone: list[str]) -> tuple[tuple[float, float], float]:
    """The island's centre and reach, checked: as compact as a community's disc of as many."""
    centre = tuple(sum(pos[n][d] for n in alone) / len(alone) for d in (0, 1))
    reach = max(math.dist(pos[n], centre) for n in alone)
    assert reach <= math.sqrt(len(alone)) * 0.9 + 1.0 + 1e-6
    return centre, reach


def test_unlinked_articles_share_one_island_apart_from_the_communities():
    A = planted()
    alone = [f"article:/alone/{i}" for i in range(60)]
    A.add_nodes_from(alone)
    A.add_edge("article:/pair/a", "article:/pair/b", weight=1.0)  # linked only to each other: in the island too
    pos = layout(A)
    island = [*alone, "article:/pair/a", "article:/pair/b"]
    centre, reach = _island_check(pos, island)
    others = [n for n in A if n not in island]
    # no article of a community inside the island's disc, and the island at the map's edge, not its middle
    assert min(math.dist(pos[n], centre) for n in others) > reach
    middle = tuple(sum(pos[n][d] for n in others) / len(others) for d in (0, 1))
    assert math.dist(centre, middle) > max(math.dist(pos[n], middle) for n in others) / 2
    # the pair stays together
    assert math.dist(pos["article:/pair/a"], pos["article:/pair/b"]) < reach / 2


def test_a_graph_without_a_community_of_three_is_one_island():
    A = nx.Graph([("article:/a", "article:/b"), ("article:/c", "article:/d")])
    A.add_node("article:/e")
    pos = layout(A)
    assert sorted(pos) == sorted(A)
    _island_check(pos, list(A))
    assert len(set(pos.values())) == len(A)
    assert layout(nx.Graph()) == {}


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


def test_a_layout_names_each_node_once_and_the_earlier_form_still_reads(small_kg):
    atlas = atlas_layout(small_kg.graph)
    data = atlas.as_dict()
    assert data["format"] == LAYOUT_FORMAT and data["nodes"] == sorted(atlas.positions)
    assert len(data["xy"]) == 2 * len(data["nodes"])
    assert all(isinstance(m, int) for c in data["communities"] for m in c["members"])
    earlier = {"seed": atlas.seed, "resolution": atlas.resolution,  # the form earlier builds kept
               "positions": {n: list(p) for n, p in atlas.positions.items()},
               "communities": [c.as_dict() for c in atlas.communities]}
    assert AtlasLayout.from_dict(json.loads(json.dumps(earlier))) == atlas
    for broken in ({**data, "xy": data["xy"][:-1]}, {**data, "communities": [{**data["communities"][0], "members": [10**6]}]},
                   {**data, "xy": ["x"] * len(data["xy"])}):
        with pytest.raises((KeyError, TypeError, ValueError, IndexError)):
            read_layout(broken)


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


def test_a_new_unlinked_article_joins_the_island(content_kg):
    G = content_kg.graph.copy()
    alone = [f"article:/alone/{i}" for i in range(12)]
    for n in alone:
        G.add_node(n, kind="article", subject="biology", title=n, keywords=[])
    before = atlas_layout(G)
    island = L.Island.of(before.positions, (c.members for c in before.communities))
    assert island is not None
    assert all(math.dist(before.positions[n], (island.x, island.y)) <= island.radius for n in alone)
    new = "article:/alone/new"
    G.add_node(new, kind="article", subject="biology", title=new, keywords=[])
    after = atlas_layout(G, previous=before)
    assert all(after.positions[n] == p for n, p in before.positions.items())
    assert math.dist(after.positions[new], (island.x, island.y)) <= island.radius + 0.01
