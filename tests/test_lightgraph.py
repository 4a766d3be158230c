"""qagraph.lightgraph: networkx's dicts and the views' methods, the same as networkx's."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from qagraph import lightgraph


def _state(G):
    """Everything a view can read of ``G``, in order (dicts compare without their order)."""
    adj = getattr(G, "_succ", None) or G._adj
    out = [list(G._node.items()), [(u, list(nbrs.items())) for u, nbrs in adj.items()], dict(G.graph)]
    if hasattr(G, "_pred"):
        out.append([(u, list(nbrs.items())) for u, nbrs in G._pred.items()])
    return out


#: the calls each graph takes, as (method, args, keyword args) made from two nodes and a random source
UNDIRECTED = (
    lambda u, v, rng: ("add_node", (u,), {"kind": rng.choice(["article", "stub"])}),
    lambda u, v, rng: ("add_nodes_from", ([u, (v, {"size": rng.random()})],), {}),
    lambda u, v, rng: ("add_weighted_edges_from", ([(u, v, rng.random()), (v, u, 1.0)],), {}),
    lambda u, v, rng: ("add_edges_from", ([(u, v), (v, u, {"weight": 2.0, "kind": "x"})],), {"extra": 1}),
)
DIRECTED = (
    lambda u, v, rng: ("add_node", (u,), {"kind": rng.choice(["article", "keyword"])}),
    lambda u, v, rng: ("add_edge", (u, v), {"key": rng.choice(["related", "similar", None]), "weight": rng.random()}),
    lambda u, v, rng: ("add_edge", (u, v), {}),
)


def _calls(rng: random.Random, makers):
    nodes = [f"n{i}" for i in range(12)]
    for _ in range(rng.randint(20, 60)):
        yield rng.choice(makers)(rng.choice(nodes), rng.choice(nodes), rng)


@pytest.mark.parametrize("seed", range(30))
def test_graph_fills_and_reads_as_networkx(seed):
    rng = random.Random(seed)
    ours, theirs = lightgraph.Graph(name="g"), nx.Graph(name="g")
    for method, args, kwargs in _calls(rng, UNDIRECTED):
        getattr(ours, method)(*args, **kwargs)
        getattr(theirs, method)(*args, **kwargs)
    assert _state(ours) == _state(theirs)
    for u, nbrs in ours._adj.items():  # one dict under both ends, as networkx's
        for v, d in nbrs.items():
            assert ours._adj[v][u] is d
    assert list(ours.edges(data="weight", default=1.0)) == list(theirs.edges(data="weight", default=1.0))
    assert list(ours.edges(data=True)) == list(theirs.edges(data=True))
    assert list(ours.edges()) == list(theirs.edges())
    assert ours.number_of_edges() == theirs.number_of_edges() and ours.number_of_nodes() == len(theirs)
    assert list(ours) == list(theirs) and list(ours.nodes(data="kind")) == list(theirs.nodes(data="kind"))
    for n in theirs:
        assert dict(ours[n]) == dict(theirs[n]) and ours.nodes[n] == theirs.nodes[n]
    assert ("n3" in ours) == ("n3" in theirs) and ([] in ours) is False


@pytest.mark.parametrize("seed", range(30))
def test_multidigraph_fills_and_reads_as_networkx(seed):
    rng = random.Random(seed)
    ours, theirs = lightgraph.MultiDiGraph(), nx.MultiDiGraph()
    for method, args, kwargs in _calls(rng, DIRECTED):
        assert getattr(ours, method)(*args, **kwargs) == getattr(theirs, method)(*args, **kwargs)
    assert _state(ours) == _state(theirs)
    for u, nbrs in ours._succ.items():  # a pair's key dict under both ends
        for v, keyed in nbrs.items():
            assert ours._pred[v][u] is keyed
    assert list(ours.nodes(data=True)) == list(theirs.nodes(data=True)) and len(ours.nodes) == len(theirs.nodes)
    for keys in (False, True):
        for data in (False, True, "weight"):
            assert (list(ours.edges(keys=keys, data=data, default=0))
                    == list(theirs.edges(keys=keys, data=data, default=0)))
    assert ours.number_of_edges() == theirs.number_of_edges()
    for n in theirs:
        assert dict(ours[n]) == dict(theirs[n])


def test_none_is_no_node():
    with pytest.raises(ValueError):
        lightgraph.Graph().add_edges_from([("a", None)])
    with pytest.raises(ValueError):
        lightgraph.MultiDiGraph().add_edge("a", None)

