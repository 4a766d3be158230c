"""Positions and communities of the article graph: what the atlas draws, computed once per build.

Input is an undirected weighted article graph (:func:`qagraph.graph.article_projection`
gives one: nodes are article node ids, edges carry ``weight``). The layout is
hierarchical, which keeps it fast and makes the clusters plain to see:

1. communities by the Leiden algorithm (modularity, weighted, seeded);
2. each community is a disc of area proportional to its size; the discs are placed by
   a force layout of the graph *between* communities (Fruchterman-Reingold on a few
   hundred nodes), then packed towards the centre without overlapping;
3. the members of each community are laid out inside their disc by
   Fruchterman-Reingold on the community's own subgraph (igraph's grid variant for
   large ones).

Articles with no link at all (and pairs linked only to each other) are not worth a
disc each: they sit on a ring around the packed discs. Everything is seeded and
ordered by node id, so the same graph gives byte-identical positions (rounded to
:data:`DECIMALS`). On a 36,000-article graph (360k edges) communities and positions
take about 1-2 s (``bench/bench_atlas.py``).

:func:`update_layout` is for incremental builds: positions that exist stay exactly as
they were, new nodes go near their placed neighbours (or on the rim when they have
none), removed nodes are dropped. :func:`communities` with ``previous=`` keeps the
numbering of the communities that survive, so colours do not jump between builds.

The heavy lifting is done by igraph (C): networkx's ``louvain_communities`` takes
~38 s on the same graph and its ``forceatlas2_layout`` needs n x n dense arrays (tens of
GB at 36k nodes).

>>> import networkx as nx
>>> A = nx.barbell_graph(5, 0)
>>> A = nx.relabel_nodes(A, {n: f"article:/{n}" for n in A})
>>> parts = communities(A)
>>> [len(p) for p in parts]
[5, 5]
>>> pos = layout(A, parts)
>>> len(pos), pos == layout(A, parts)
(10, True)
"""

from __future__ import annotations

import hashlib
import math
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np

from .errors import UsageError
from .kinds import ARTICLE, STUB, link_kinds

__all__ = [
    "AtlasLayout",
    "Community",
    "DECIMALS",
    "atlas_layout",
    "communities",
    "label_communities",
    "layout",
    "link_graph",
    "update_layout",
]

#: positions are rounded to this many decimals (units: about one node spacing)
DECIMALS = 2
#: communities smaller than this go on the outer ring instead of getting a disc
MIN_DISC = 3

Position = tuple[float, float]


# -- the graph as arrays -------------------------------------------------------------------


@dataclass(frozen=True)
class _Arrays:
    """An undirected weighted graph as sorted node ids and an edge list (i < j, sorted)."""

    nodes: list[str]
    edges: np.ndarray  # (m, 2) int64
    weights: np.ndarray  # (m,) float64

    @classmethod
    def of(cls, A: nx.Graph) -> "_Arrays":
        nodes = sorted(A)
        index = {n: i for i, n in enumerate(nodes)}
        rows: list[int] = []
        cols: list[int] = []
        weights: list[float] = []
        for u, v, w in A.edges(data="weight", default=1.0):
            rows.append(index[u])
            cols.append(index[v])
            weights.append(w)
        return cls.summed(nodes, rows, cols, weights)

    @classmethod
    def summed(cls, nodes: list[str], rows: list[int], cols: list[int], weights: list[float]) -> "_Arrays":
        """The graph of edges ``rows[k] - cols[k]``, either way, repeats summed, loops dropped."""
        i, j = np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)
        w = np.array(weights, dtype=np.float64)
        keep = i != j
        a, b = np.minimum(i, j)[keep], np.maximum(i, j)[keep]
        codes, inverse = np.unique(a * max(len(nodes), 1) + b, return_inverse=True)  # sorted by (a, b)
        total = np.round(np.bincount(inverse, weights=w[keep], minlength=len(codes)), 6)
        edges = np.column_stack(np.divmod(codes, max(len(nodes), 1))) if len(codes) else np.zeros((0, 2), np.int64)
        return cls(nodes, edges.astype(np.int64), total)

    @cached_property
    def igraph(self) -> Any:
        import igraph as ig

        g = ig.Graph(n=len(self.nodes), edges=list(zip(self.edges[:, 0].tolist(), self.edges[:, 1].tolist())))
        g.es["weight"] = self.weights.tolist()
        return g


def link_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """The articles of ``G`` joined by every link kind (related, similar, same question).

    Like :func:`qagraph.graph.article_projection` (``weight`` adds 1 per related or
    same-question link and the score of a similar pair), plus the link kinds added to
    the registry since; stubs are left out.

    >>> import qagraph
    >>> A = link_graph(qagraph.build("content").graph)
    >>> A.number_of_nodes()
    49
    """
    arrays = _link_arrays(G)
    A = nx.Graph()
    A.add_nodes_from(arrays.nodes)
    A.add_weighted_edges_from(
        (arrays.nodes[i], arrays.nodes[j], w) for (i, j), w in zip(arrays.edges.tolist(), arrays.weights.tolist())
    )
    return A


def _link_arrays(G: nx.MultiDiGraph) -> _Arrays:
    """:func:`link_graph` as arrays, straight from ``G``'s adjacency (no networkx graph built)."""
    node_data = G._node
    nodes = sorted(n for n, d in node_data.items() if d.get("kind") == ARTICLE)
    index = {n: i for i, n in enumerate(nodes)}
    links = {kind.name for kind in link_kinds()}
    weighted = {kind.name for kind in link_kinds() if "weight" in kind.fields}
    rows: list[int] = []
    cols: list[int] = []
    weights: list[float] = []
    succ = G._succ
    for u in nodes:
        i = index[u]
        for v, keydict in succ[u].items():
            j = index.get(v)
            if j is None:
                continue
            for key, data in keydict.items():
                if key in links:
                    rows.append(i)
                    cols.append(j)
                    weights.append(data.get("weight", 1.0) if key in weighted else 1.0)
    return _Arrays.summed(nodes, rows, cols, weights)


# -- seeded randomness ------------------------------------------------------------------


@contextmanager
def _igraph_seeded(seed: int) -> Iterator[None]:
    """igraph draws from Python's ``random`` module; give it a seeded generator for the block."""
    import igraph as ig

    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


def _unit_pair(node: str, salt: str = "") -> tuple[float, float]:
    """Two numbers in [0, 1) that depend only on ``node`` (not on the other nodes)."""
    digest = hashlib.blake2b((salt + node).encode("utf-8"), digest_size=16).digest()
    a = int.from_bytes(digest[:8], "big") / 2**64
    b = int.from_bytes(digest[8:], "big") / 2**64
    return a, b


# -- communities -------------------------------------------------------------------------


def communities(
    A: nx.Graph,
    *,
    resolution: float = 1.0,
    seed: int = 0,
    previous: Sequence[Iterable[str]] | None = None,
) -> list[list[str]]:
    """The communities of ``A`` (Leiden, modularity, weighted), each a sorted list of nodes.

    Largest first (ties: by first member). With ``previous`` (the result of an earlier
    call on an older graph) the search starts from the old partition and each community
    keeps the position of the old one it shares most members with, so an incremental
    build keeps its colours; communities with no old counterpart come last.
    Same graph and arguments, same result.

    >>> import networkx as nx
    >>> A = nx.relabel_nodes(nx.barbell_graph(4, 0), str)
    >>> communities(A)
    [['0', '1', '2', '3'], ['4', '5', '6', '7']]

    See also: :func:`label_communities` names them, :func:`layout` places them.
    """
    return _communities(_Arrays.of(A), resolution=resolution, seed=seed, previous=previous)


def _communities(
    arrays: _Arrays, *, resolution: float, seed: int, previous: Sequence[Iterable[str]] | None
) -> list[list[str]]:
    n = len(arrays.nodes)
    if n == 0:
        return []
    if resolution <= 0:
        raise UsageError(f"resolution must be positive, not {resolution}")
    initial = None
    if previous is not None:
        index = {node: i for i, node in enumerate(arrays.nodes)}
        initial = list(range(n))  # new nodes start alone ...
        fresh = n
        for members in previous:  # ... old ones in their old community
            for node in members:
                i = index.get(node)
                if i is not None:
                    initial[i] = fresh
            fresh += 1
        # Leiden wants ids 0..k-1
        remap: dict[int, int] = {}
        initial = [remap.setdefault(c, len(remap)) for c in initial]
    g = arrays.igraph
    with _igraph_seeded(seed):
        found = g.community_leiden(
            objective_function="modularity", weights="weight", resolution=resolution,
            n_iterations=2, initial_membership=initial,
        )
    groups: dict[int, list[str]] = {}
    for node, c in zip(arrays.nodes, found.membership):
        groups.setdefault(c, []).append(node)  # nodes are sorted, so each group is too
    parts = sorted(groups.values(), key=lambda members: (-len(members), members[0]))
    if previous is not None:
        parts = _keep_numbering(parts, previous)
    return parts


def _keep_numbering(parts: list[list[str]], previous: Sequence[Iterable[str]]) -> list[list[str]]:
    """Reorder ``parts`` so that each takes the slot of the old community it overlaps most."""
    old_of: dict[str, int] = {}
    for slot, members in enumerate(previous):
        for node in members:
            old_of[node] = slot
    claims: list[tuple[int, int, int]] = []  # (-overlap, old slot, part)
    for p, members in enumerate(parts):
        for slot, overlap in Counter(old_of[n] for n in members if n in old_of).items():
            claims.append((-overlap, slot, p))
    claims.sort()
    slot_of: dict[int, int] = {}
    taken: set[int] = set()
    for _, slot, p in claims:
        if p not in slot_of and slot not in taken:
            slot_of[p] = slot
            taken.add(slot)
    kept = sorted((slot_of[p], p) for p in slot_of)
    # surviving communities keep their relative order; the new ones follow, largest first
    return [parts[p] for _, p in kept] + [parts[p] for p in range(len(parts)) if p not in slot_of]


@dataclass(frozen=True)
class Community:
    """A community of articles and its name.

    ``label`` is made of its most common subjects and its most telling keywords
    (frequent in it, rare elsewhere); ``subjects`` and ``keywords`` are those labels.
    """

    index: int
    members: tuple[str, ...]
    label: str
    subjects: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"index": self.index, "label": self.label, "subjects": list(self.subjects),
                "keywords": list(self.keywords), "members": list(self.members)}


def label_communities(
    G: nx.MultiDiGraph, parts: Sequence[Sequence[str]], *, keywords: int = 3, subjects: int = 2
) -> list[Community]:
    """Name each community by its subjects and keywords, read from the articles' data in ``G``.

    A subject is named when it holds at least a quarter of the community (the most
    common one always); keywords are ranked by ``count_in_community ** 2 / document
    frequency``, which favours words both common in the community and specific to it.

    >>> import qagraph
    >>> kg = qagraph.build("content")
    >>> named = label_communities(kg.graph, communities(kg.article_graph))
    >>> named[0].label.count("·")
    1
    """
    node_data = G._node
    named: list[Community] = []
    for index, members in enumerate(parts):
        subject_counts: Counter[str] = Counter()
        keyword_counts: Counter[str] = Counter()
        for node in members:
            data = node_data.get(node, {})
            subject = data.get("subject")
            if subject:
                subject_counts[subject] += 1
            keyword_counts.update(set(data.get("keywords") or ()))
        top_subjects = [s for s, c in subject_counts.most_common(subjects)
                        if c * 4 >= len(members)] or [s for s, _ in subject_counts.most_common(1)]
        subject_labels = tuple(_label(node_data, "subject:" + s, s) for s in top_subjects)

        def score(item: tuple[str, int]) -> tuple[float, str]:
            key, count = item
            df = node_data.get("keyword:" + key, {}).get("df") or count
            return (-(count * count) / df, key)

        ranked = sorted((item for item in keyword_counts.items() if item[1] > 1 or len(members) < 4), key=score)
        keyword_labels = tuple(_label(node_data, "keyword:" + k, k) for k, _ in ranked[:keywords])
        label = " / ".join(subject_labels) or "no subject"
        if keyword_labels:
            label += " · " + ", ".join(keyword_labels)
        named.append(Community(index, tuple(members), label, subject_labels, keyword_labels))
    return named


def _label(node_data: Mapping[str, Mapping[str, Any]], node: str, default: str) -> str:
    return str(node_data.get(node, {}).get("label") or default)


# -- positions ---------------------------------------------------------------------------


def layout(
    A: nx.Graph, parts: Sequence[Sequence[str]] | None = None, *, seed: int = 0, iterations: int = 80
) -> dict[str, Position]:
    """Seeded 2-D positions of every node of ``A``, clustered by community.

    ``parts`` are the communities (:func:`communities` of ``A`` when not given; every
    node of ``A`` must be in exactly one). Units are about one node spacing; positions
    are rounded to :data:`DECIMALS` decimals. Same graph and arguments, same positions.

    >>> import networkx as nx
    >>> pos = layout(nx.relabel_nodes(nx.path_graph(3), str))
    >>> sorted(pos)
    ['0', '1', '2']

    Raises :class:`~qagraph.errors.UsageError` when ``parts`` do not cover ``A``.

    See also: :func:`update_layout` for a graph that changed since.
    """
    arrays = _Arrays.of(A)
    if parts is None:
        parts = _communities(arrays, resolution=1.0, seed=seed, previous=None)
    return _layout(arrays, parts, seed=seed, iterations=iterations)


def _layout(arrays: _Arrays, parts: Sequence[Sequence[str]], *, seed: int, iterations: int) -> dict[str, Position]:
    n = len(arrays.nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(arrays.nodes)}
    membership = np.full(n, -1, dtype=np.int64)
    for c, members in enumerate(parts):
        for node in members:
            i = index.get(node)
            if i is None:
                raise UsageError(f"community {c} names {node!r}, which is not in the graph")
            if membership[i] >= 0:
                raise UsageError(f"{node!r} is in two communities ({membership[i]} and {c})")
            membership[i] = c
    if (membership < 0).any():
        missing = arrays.nodes[int(np.flatnonzero(membership < 0)[0])]
        raise UsageError(f"{missing!r} is in no community")
    sizes = np.bincount(membership, minlength=len(parts))
    rng = np.random.default_rng(seed)
    pos = np.zeros((n, 2))
    discs = [c for c in range(len(parts)) if sizes[c] >= MIN_DISC]
    radii = np.sqrt(sizes[discs].astype(float)) * 0.9 + 1.0

    g = arrays.igraph
    with _igraph_seeded(seed):
        centres = _place_discs(arrays, membership, discs, radii, rng)
        for c, centre, radius in zip(discs, centres, radii):
            inside = np.flatnonzero(membership == c)
            pos[inside] = centre + _disc_layout(g, inside, radius, rng, iterations)

    rim = np.flatnonzero(sizes[membership] < MIN_DISC)
    if len(rim):
        extent = float(np.max(np.linalg.norm(centres, axis=1) + radii)) if discs else 0.0
        pos[rim] = _ring(len(rim), extent + 3.0)
    scale = 10**DECIMALS
    pos = np.round(pos * scale) / scale + 0.0  # + 0.0 turns -0.0 into 0.0
    return {node: (float(x), float(y)) for node, (x, y) in zip(arrays.nodes, pos.tolist())}


def _place_discs(
    arrays: _Arrays, membership: np.ndarray, discs: list[int], radii: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Centres of the community discs: a force layout of the community graph, then packed."""
    import igraph as ig

    k = len(discs)
    if k == 0:
        return np.zeros((0, 2))
    if k == 1:
        return np.zeros((1, 2))
    slot = np.full(int(membership.max()) + 1, -1, dtype=np.int64)
    slot[discs] = np.arange(k)
    cu, cv = slot[membership[arrays.edges[:, 0]]], slot[membership[arrays.edges[:, 1]]]
    between = (cu != cv) & (cu >= 0) & (cv >= 0)
    a, b = np.minimum(cu, cv)[between], np.maximum(cu, cv)[between]
    weights: dict[tuple[int, int], float] = {}
    for i, j, w in zip(a.tolist(), b.tolist(), arrays.weights[between].tolist()):
        weights[(i, j)] = weights.get((i, j), 0.0) + w
    pairs = sorted(weights)
    area = radii**2
    # attraction by the share of each community's links, not their count, or big ones swallow all
    strength = [weights[(i, j)] / math.sqrt(area[i] * area[j]) for i, j in pairs]
    start = rng.uniform(-1.0, 1.0, (k, 2)) * math.sqrt(float(area.sum()))
    if pairs:
        top = max(strength)
        cg = ig.Graph(n=k, edges=pairs)
        coords = cg.layout_fruchterman_reingold(
            weights=[s / top for s in strength], niter=1000, seed=start.tolist(), grid=False
        ).coords
        centres = np.array(coords, dtype=float)
    else:
        centres = start
    return _pack(centres, radii)


def _pack(centres: np.ndarray, radii: np.ndarray, rounds: int = 300, gap: float = 0.12) -> np.ndarray:
    """Move discs towards the centre without overlapping, keeping their arrangement."""
    c = centres - centres.mean(axis=0)
    spread = float(np.sqrt((c**2).sum(axis=1).max())) or 1.0
    # start at the size of a loose packing, so the force layout's arrangement survives
    c *= math.sqrt(float((radii**2).sum())) * 1.6 / spread
    need = (radii[:, None] + radii[None, :]) * (1 + gap)
    np.fill_diagonal(need, 0.0)
    weight = radii**2 / (radii[:, None] ** 2 + radii[None, :] ** 2)  # small discs move more
    for step in range(rounds):
        c *= 0.97 if step < rounds * 0.8 else 1.0
        for _ in range(3):
            diff = c[:, None, :] - c[None, :, :]
            dist = np.sqrt((diff**2).sum(axis=2))
            np.fill_diagonal(dist, np.inf)
            overlap = np.clip(need - dist, 0.0, None)
            if not overlap.any():
                break
            direction = diff / np.maximum(dist, 1e-9)[..., None]
            c += (direction * (overlap * weight)[..., None]).sum(axis=1)
    packed: np.ndarray = c - c.mean(axis=0)
    return packed


def _disc_layout(g: Any, members: np.ndarray, radius: float, rng: np.random.Generator, iterations: int) -> np.ndarray:
    """Positions of ``members`` inside a disc of ``radius`` around (0, 0)."""
    m = len(members)
    start = rng.uniform(-0.5, 0.5, (m, 2)) * math.sqrt(m)
    if m <= 2:
        return start / max(float(np.abs(start).max()), 1e-9) * radius * 0.5
    sub = g.subgraph(members.tolist())
    coords = np.array(
        sub.layout_fruchterman_reingold(weights="weight", niter=iterations, seed=start.tolist(), grid=m >= 1000).coords,
        dtype=float,
    )
    coords -= np.median(coords, axis=0)
    r = np.sqrt((coords**2).sum(axis=1))
    reach = float(np.percentile(r, 97)) or 1.0
    coords *= radius * 0.92 / reach
    r = r * (radius * 0.92 / reach)
    outside = r > radius
    coords[outside] *= (radius / r[outside])[:, None]  # stragglers onto the rim of the disc
    return coords


def _ring(count: int, radius: float) -> np.ndarray:
    """``count`` points spread on rings from ``radius`` outwards, 1.2 apart."""
    points = np.zeros((count, 2))
    done = 0
    r = radius
    while done < count:
        room = max(int(2 * math.pi * r / 1.2), 1)
        take = min(room, count - done)
        angle = np.arange(take) * (2 * math.pi / room)
        points[done:done + take] = np.column_stack((np.cos(angle), np.sin(angle))) * r
        done += take
        r += 1.2
    return points


def update_layout(
    previous: Mapping[str, Position], A: nx.Graph, *, weights: str = "weight"
) -> dict[str, Position]:
    """Positions for ``A`` that keep every position of ``previous`` whose node is still there.

    A new node goes to the weighted mean of its already placed neighbours, nudged by a
    small offset drawn from its id (two new articles linked to the same one do not land
    on the same spot); new nodes linked only to other new nodes are placed once those
    are; a node linked to nothing placed goes on the rim, outside every other. Removed
    nodes are dropped. The result depends only on ``previous`` and ``A``.

    >>> import networkx as nx
    >>> A = nx.Graph([("a", "b"), ("b", "c")])
    >>> pos = update_layout({"a": (0.0, 0.0), "b": (4.0, 0.0), "gone": (9.0, 9.0)}, A)
    >>> pos["a"], pos["b"], sorted(pos)
    ((0.0, 0.0), (4.0, 0.0), ['a', 'b', 'c'])

    See also: :func:`layout` for a fresh layout.
    """
    return _place_new(
        {n: previous[n] for n in A if n in previous},
        sorted(n for n in A if n not in previous),
        lambda n: ((v, float(data.get(weights, 1.0))) for v, data in A.adj[n].items()),
    )


def _place_new(placed: dict[str, Position], new: list[str], neighbours: Any) -> dict[str, Position]:
    """Place ``new`` nodes near their placed ``neighbours(node) -> [(other, weight)]``, rim otherwise."""
    positions = dict(placed)
    waiting = list(new)
    while waiting:
        # a round places every node that has a placed neighbour, from positions fixed before the round
        landed: dict[str, Position] = {}
        for node in waiting:
            total = sx = sy = 0.0
            for other, w in neighbours(node):
                at = positions.get(other)
                if at is not None:
                    w = w if w > 0 else 1e-3
                    sx += at[0] * w
                    sy += at[1] * w
                    total += w
            if total:
                a, b = _unit_pair(node, "near")
                angle, dist = 2 * math.pi * a, 0.6 + 1.4 * b
                landed[node] = (sx / total + dist * math.cos(angle), sy / total + dist * math.sin(angle))
        if not landed:
            break
        positions.update(landed)
        waiting = [n for n in waiting if n not in landed]
    if waiting:
        xy = np.array(list(positions.values()) or [(0.0, 0.0)])
        rim = float(np.sqrt((xy**2).sum(axis=1)).max()) + 3.0
        for node in waiting:
            a, b = _unit_pair(node, "rim")
            angle, r = 2 * math.pi * a, rim + 2.0 * b
            positions[node] = (r * math.cos(angle), r * math.sin(angle))
    scale = 10**DECIMALS
    return {n: (round(x * scale) / scale + 0.0, round(y * scale) / scale + 0.0) for n, (x, y) in positions.items()}


# -- one call for the build ------------------------------------------------------------------


@dataclass(frozen=True)
class AtlasLayout:
    """Where the atlas draws each node, and its communities.

    ``positions`` covers the articles and the stubs (articles outside the corpus, placed
    near the articles that link to them); ``communities`` cover the articles.
    :meth:`as_dict` / :meth:`from_dict` make it JSON-able, for a build cache.
    """

    positions: dict[str, Position]
    communities: list[Community]
    seed: int = 0
    resolution: float = 1.0
    membership: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "membership", {n: c.index for c in self.communities for n in c.members})

    def as_dict(self) -> dict[str, Any]:
        return {
            "seed": self.seed, "resolution": self.resolution,
            "positions": {n: list(p) for n, p in sorted(self.positions.items())},
            "communities": [c.as_dict() for c in self.communities],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "AtlasLayout":
        return cls(
            positions={n: (float(x), float(y)) for n, (x, y) in data["positions"].items()},
            communities=[
                Community(c["index"], tuple(c["members"]), c["label"], tuple(c["subjects"]), tuple(c["keywords"]))
                for c in data["communities"]
            ],
            seed=int(data.get("seed", 0)), resolution=float(data.get("resolution", 1.0)),
        )


def atlas_layout(
    G: nx.MultiDiGraph,
    *,
    previous: AtlasLayout | None = None,
    seed: int = 0,
    resolution: float = 1.0,
    iterations: int = 80,
) -> AtlasLayout:
    """Positions and named communities of every article (and stub) of ``G``: what the atlas needs.

    The articles are joined by every link kind (:func:`link_graph`). Without
    ``previous`` it is a fresh :func:`layout`; with it (an earlier build's result) the
    old positions are kept (:func:`update_layout`) and the communities start from the
    old ones (:func:`communities` with ``previous=``).

    >>> import qagraph
    >>> G = qagraph.build("content").graph
    >>> atlas = atlas_layout(G)
    >>> len(atlas.positions) == sum(1 for _, k in G.nodes(data="kind") if k in ("article", "stub"))
    True
    >>> atlas_layout(G, previous=atlas).positions == atlas.positions
    True
    """
    arrays = _link_arrays(G)
    parts = _communities(
        arrays, resolution=resolution, seed=seed,
        previous=[c.members for c in previous.communities] if previous else None,
    )
    named = label_communities(G, parts)
    if previous is None:
        positions = _layout(arrays, parts, seed=seed, iterations=iterations)
    else:
        fresh = np.array([n not in previous.positions for n in arrays.nodes], dtype=bool)
        adjacency: dict[str, list[tuple[str, float]]] = {}
        touching = fresh[arrays.edges[:, 0]] | fresh[arrays.edges[:, 1]] if len(arrays.edges) else fresh[:0]
        for (i, j), w in zip(arrays.edges[touching].tolist(), arrays.weights[touching].tolist()):
            adjacency.setdefault(arrays.nodes[i], []).append((arrays.nodes[j], w))
            adjacency.setdefault(arrays.nodes[j], []).append((arrays.nodes[i], w))
        positions = _place_new(
            {n: previous.positions[n] for n, new in zip(arrays.nodes, fresh.tolist()) if not new},
            [n for n, new in zip(arrays.nodes, fresh.tolist()) if new],
            lambda n: adjacency.get(n, ()),
        )
    positions.update(_stub_positions(G, positions, previous))
    return AtlasLayout(positions, named, seed, resolution)


def _stub_positions(
    G: nx.MultiDiGraph, positions: Mapping[str, Position], previous: AtlasLayout | None
) -> dict[str, Position]:
    """Stubs beside the articles that link to them; a stub seen before keeps its place."""
    stubs = sorted(n for n, kind in G.nodes(data="kind") if kind == STUB)
    if not stubs:
        return {}
    links = {kind.name for kind in link_kinds()}
    kept = {n: previous.positions[n] for n in stubs if previous and n in previous.positions}

    def neighbours(stub: str) -> Iterator[tuple[str, float]]:
        for u, keydict in G._pred[stub].items():
            if any(k in links for k in keydict):
                yield u, 1.0

    placed = _place_new({**positions, **kept}, [n for n in stubs if n not in kept], neighbours)
    return {n: placed[n] for n in stubs}
