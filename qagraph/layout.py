"""Positions and communities of the article graph: what the atlas draws, computed once per build.

Input is an undirected weighted article graph (:func:`qagraph.graph.article_projection`
gives one: nodes are article node ids, edges carry ``weight``). The layout is
hierarchical, which keeps it fast and makes the clusters plain to see:

1. communities that maximise modularity (weighted, seeded): Louvain's local moves with
   Leiden's refinement, two passes (:func:`communities`);
2. each community is a disc of area proportional to its size; the discs are placed by
   a force layout of the graph *between* communities (Fruchterman-Reingold on a few
   hundred nodes), then packed towards the centre without overlapping;
3. the members of each community are laid out inside their disc by
   Fruchterman-Reingold on the community's own subgraph, all communities at once; in a
   large community a member is pushed by the density of the others on a grid (FFT),
   not by each of them.

Articles with no link at all (and pairs linked only to each other) are not worth a
disc each: together they make one more disc, an island of the unlinked, packed with the
others (it has no link to them, so it ends up at the edge of the map). Everything is seeded and
ordered by node id, so the same graph gives byte-identical positions (rounded to
:data:`DECIMALS`). On a 36,000-article graph (216k links) communities and positions
take about 2 s of CPU (``bench/bench_atlas.py``).

:func:`update_layout` is for incremental builds: positions that exist stay exactly as
they were, new nodes go near their placed neighbours (or on the rim when they have
none), removed nodes are dropped. :func:`communities` with ``previous=`` keeps the
numbering of the communities that survive, so colours do not jump between builds.

Only permissively licensed code runs here: the local moves of the community search are
scikit-network's Cython core (BSD-3); the force layouts are numpy (its FFT included).
networkx's ``louvain_communities`` takes ~38 s on the same graph and its
``forceatlas2_layout`` needs n x n dense arrays (tens of GB at 36k nodes).

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
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import UsageError
from .kinds import ARTICLE, STUB, link_kinds, weighted_link_kinds
from .modularity import local_moves, renumber

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "AtlasLayout",
    "Community",
    "DECIMALS",
    "Island",
    "atlas_layout",
    "communities",
    "label_communities",
    "layout",
    "link_graph",
    "name_community",
    "place_new",
    "placed_beside",
    "rounded",
    "update_layout",
]

#: positions are rounded to this many decimals (units: about one node spacing)
DECIMALS = 2
#: communities smaller than this get no disc of their own: their articles share one, the island
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
    import networkx as nx  # (a patched build's views place new articles without it)

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
    weighted = weighted_link_kinds()
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
    """The communities of ``A`` (modularity, weighted), each a sorted list of nodes.

    Found by Louvain's local moves with Leiden's refinement, two passes; the seed picks
    the node the sweeps start from. Largest first (ties: by first member). With
    ``previous`` (the result of an earlier call on an older graph) the search starts from
    the old partition and each community keeps the position of the old one it shares
    most members with, so an incremental build keeps its colours; communities with no
    old counterpart come last. Same graph and arguments, same result.

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
    initial = np.arange(n)  # every node alone ...
    if previous is not None:
        index = {node: i for i, node in enumerate(arrays.nodes)}
        fresh = n
        for members in previous:  # ... or, when there is an earlier result, old nodes in their old community
            for node in members:
                i = index.get(node)
                if i is not None:
                    initial[i] = fresh
            fresh += 1
    membership = _modularity_communities(arrays, initial, resolution=resolution, seed=seed)
    groups: dict[int, list[str]] = {}
    for node, c in zip(arrays.nodes, membership.tolist()):
        groups.setdefault(c, []).append(node)  # nodes are sorted, so each group is too
    parts = sorted(groups.values(), key=lambda members: (-len(members), members[0]))
    if previous is not None:
        parts = _keep_numbering(parts, previous)
    return parts


#: the community search makes one pass per entry, each from the previous one's result (like
#: igraph's Leiden with ``n_iterations=2``: at 36k articles modularity is 0.833 after one
#: pass, 0.8415 after two); within a pass, sweeps of local moves stop once one gains less
#: than this. A coarse first pass costs half as much and loses nothing after the second.
SEARCH_TOLERANCES = (3e-2, 1e-3)


def _modularity_communities(arrays: _Arrays, initial: np.ndarray, *, resolution: float, seed: int) -> np.ndarray:
    """A community number for every node: the partition of greatest modularity found from ``initial``.

    Nodes are visited in id order (neighbours often share a folder, so this is also kind to
    the memory caches: a random order is ~40% slower), starting from the node whose
    checksum with ``seed`` is least and wrapping round. So any insertion order gives the
    same result, and an edit elsewhere rarely moves the start.
    """
    from scipy import sparse  # 0.07 s to import: not for an edit's views, which never lay out
    n = len(arrays.nodes)
    total = float(arrays.weights.sum())
    if total <= 0:
        return np.arange(n)
    salt = f"{seed}/".encode()
    checksums = [zlib.crc32(node.encode("utf-8"), zlib.crc32(salt)) for node in arrays.nodes]
    order = np.roll(np.arange(n), -min(range(n), key=checksums.__getitem__))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)  # node i is visited rank[i]-th
    i, j = rank[arrays.edges[:, 0]], rank[arrays.edges[:, 1]]
    w = arrays.weights / (2 * total)  # each link counts both ways; the matrix sums to 1
    adjacency = _csr(sparse.csr_matrix((np.r_[w, w], (np.r_[i, j], np.r_[j, i])), shape=(n, n)))
    degree = np.asarray(adjacency.sum(axis=1), dtype=np.float64).ravel()
    labels = renumber(initial[order])
    for tolerance in SEARCH_TOLERANCES:
        labels = _search_pass(adjacency, degree, labels, resolution, tolerance)
    # a community in pieces is split into them (Leiden's refinement would not have merged them
    # in the first place); with no link between the pieces this can only raise modularity
    inside = _within(adjacency, labels).tocoo()
    membership: np.ndarray = renumber(_components(n, inside.row, inside.col))[rank]
    return membership


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The connected component of each of ``n`` nodes linked by ``a[k] - b[k]``, named by its least node.

    Hook each root onto the least root it is linked to, then point every node at its
    root, until no link joins two roots: a few rounds of array operations. (scipy's
    ``csgraph.connected_components`` would do, but importing it costs 0.2 s.)
    """
    root = np.arange(n)
    while True:
        ra, rb = root[a], root[b]
        apart = ra != rb
        if not apart.any():
            return root
        np.minimum.at(root, np.maximum(ra, rb)[apart], np.minimum(ra, rb)[apart])
        while True:  # every node straight to its root
            up = root[root]
            if np.array_equal(up, root):
                break
            root = up


def _search_pass(
    adjacency: Any, degree: np.ndarray, labels: np.ndarray, resolution: float, tolerance: float
) -> np.ndarray:
    """One pass of the search: move nodes, refine, merge each refined group into one node, again.

    Louvain merges each community into one node; Leiden (Traag et al. 2019) first splits
    each into the groups that are well connected inside it (the refinement) and merges
    those, so that at the next level a badly joined group can still change community.
    """
    from scipy import sparse
    top = np.arange(adjacency.shape[0])  # the node of the current level that each original node is in
    while True:
        size = adjacency.shape[0]
        labels = _local_moves(adjacency, degree, labels, resolution, tolerance)
        # one sweep of moves between singletons, along links inside a community only
        refined = _local_moves(_within(adjacency, labels), degree, np.arange(size), resolution, tolerance=math.inf)
        if refined.max() + 1 == size:
            refined = labels
            if labels.max() + 1 == size:
                return labels[top]
        groups = int(refined.max()) + 1
        merge = sparse.csr_matrix((np.ones(size, dtype=np.float32), (np.arange(size), refined)), shape=(size, groups))
        adjacency = _csr(merge.T @ adjacency @ merge)
        degree = np.bincount(refined, weights=degree, minlength=groups)
        coarse = np.zeros(groups, dtype=np.int64)
        coarse[refined] = labels  # the community of each refined group
        labels = coarse
        top = refined[top]


def _local_moves(
    adjacency: Any, degree: np.ndarray, labels: np.ndarray, resolution: float, tolerance: float
) -> np.ndarray:
    """Louvain's local moves from ``labels`` on the CSR matrix ``adjacency`` (:func:`qagraph.modularity.local_moves`)."""
    return local_moves(adjacency.indptr, adjacency.indices, adjacency.data, degree, labels,
                       self_loops=adjacency.diagonal(), resolution=resolution, tolerance=tolerance)


def _within(adjacency: Any, labels: np.ndarray) -> Any:
    """``adjacency`` without its entries between different communities."""
    from scipy import sparse
    rows = np.repeat(np.arange(adjacency.shape[0]), np.diff(adjacency.indptr))
    keep = labels[rows] == labels[adjacency.indices]
    inside = sparse.csr_matrix((adjacency.data[keep], adjacency.indices[keep],
                                np.r_[0, np.cumsum(np.bincount(rows[keep], minlength=adjacency.shape[0]))]),
                               shape=adjacency.shape)
    return _csr(inside)


def _csr(matrix: Any) -> Any:
    """``matrix`` as CSR with float32 values and int32 indices, the types the Cython core takes."""
    from scipy import sparse
    matrix = sparse.csr_matrix(matrix, dtype=np.float32)
    matrix.sum_duplicates()
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


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
        named.append(name_community(index, members, subject_counts, keyword_counts, node_data,
                                    keywords=keywords, subjects=subjects))
    return named


def name_community(index: int, members: Sequence[str], subject_counts: Counter[str], keyword_counts: Mapping[str, int],
                   node_data: Mapping[str, Mapping[str, Any]], *, keywords: int = 3, subjects: int = 2) -> Community:
    """The community ``index`` of ``members`` named as :func:`label_communities` names it, from the
    counts of its members' subject slugs (in the order the members first name them) and keyword
    keys; ``node_data`` holds the subject nodes' labels, and the labels and df of the keywords
    that two members or more have (of any, in a community of three or fewer)."""
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
    return Community(index, tuple(members), label, subject_labels, keyword_labels)


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
    # the members of the communities too small for a disc (no link, or linked only among
    # two) share one more disc, the island: a group of its own in what follows
    community = membership
    small = sizes[membership] < MIN_DISC
    if small.any():
        membership = np.where(small, len(parts), membership)
        sizes = np.bincount(membership, minlength=len(parts) + 1)
    rng = np.random.default_rng(seed)
    pos = np.zeros((n, 2))
    discs = [c for c in range(len(sizes)) if sizes[c] >= MIN_DISC or (c == len(parts) and sizes[c])]
    radii = np.sqrt(sizes[discs].astype(float)) * 0.9 + 1.0

    centres = _place_discs(arrays, membership, discs, radii, rng)
    order = np.argsort(membership, kind="stable")  # the members of each community, in node order
    bounds = np.r_[0, np.cumsum(sizes)]
    groups = [order[bounds[c]:bounds[c + 1]] for c in discs]
    island = groups.pop() if small.any() else None
    starts = [rng.uniform(-0.5, 0.5, (len(inside), 2)) * math.sqrt(len(inside)) for inside in groups]
    local = _spring(arrays, membership, groups, starts, iterations)
    for inside, coords, centre, radius in zip(groups, local, centres, radii):
        pos[inside] = centre + _fit_disc(coords, radius)
    if island is not None:  # no force layout there: there is nothing to pull, and a push alone makes a ring
        pos[island] = centres[-1] + _island(community[island])
    scale = 10**DECIMALS
    pos = np.round(pos * scale) / scale + 0.0  # + 0.0 turns -0.0 into 0.0
    return {node: (float(x), float(y)) for node, (x, y) in zip(arrays.nodes, pos.tolist())}


def _place_discs(
    arrays: _Arrays, membership: np.ndarray, discs: list[int], radii: np.ndarray, rng: np.random.Generator
) -> np.ndarray:
    """Centres of the community discs: a force layout of the community graph, then packed."""
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
        centres = _force_layout(start, np.array(pairs, dtype=np.int64), np.array(strength) / top, iterations=1000)
    else:
        centres = start
    return _pack(centres, radii)


#: up to this many community discs, placing and packing them compares every pair (k**2 memory
#: and time); more go through a grid (the push) and k-d trees (the overlaps), linear in practice
DISCS_EXACT_MAX = 256


def _pack(centres: np.ndarray, radii: np.ndarray, rounds: int = 300, gap: float = 0.12) -> np.ndarray:
    """Move discs towards the centre without overlapping, keeping their arrangement."""
    c = centres - centres.mean(axis=0)
    spread = float(np.sqrt((c**2).sum(axis=1).max())) or 1.0
    # start at the size of a loose packing, so the force layout's arrangement survives
    c *= math.sqrt(float((radii**2).sum())) * 1.6 / spread
    if len(radii) > DISCS_EXACT_MAX:
        return _pack_sparse(c, radii, rounds, gap)
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


def _pack_sparse(c: np.ndarray, radii: np.ndarray, rounds: int, gap: float) -> np.ndarray:
    """:func:`_pack`'s moves, over the pairs that overlap only (found with k-d trees)."""
    k = len(radii)
    area = radii**2
    # discs in classes of radius within a factor of two: a search reaches as far as the
    # largest pair of its two classes can overlap, so small discs never search a big one's reach
    rank = np.floor(np.log2(radii / radii.min())).astype(np.int64)
    classes = [np.flatnonzero(rank == r) for r in np.unique(rank).tolist()]
    for step in range(rounds):
        c *= 0.97 if step < rounds * 0.8 else 1.0
        for _ in range(3):
            i, j = _overlapping(c, radii, gap, classes)
            if not len(i):
                break
            diff = c[i] - c[j]
            dist = np.sqrt((diff**2).sum(axis=1))
            overlap = (radii[i] + radii[j]) * (1 + gap) - dist
            direction = diff / np.maximum(dist, 1e-9)[:, None]
            share = area[i] + area[j]
            for axis in (0, 1):
                move = direction[:, axis] * overlap
                c[:, axis] += np.bincount(i, move * area[j] / share, k) - np.bincount(j, move * area[i] / share, k)
    packed: np.ndarray = c - c.mean(axis=0)
    return packed


def _overlapping(
    c: np.ndarray, radii: np.ndarray, gap: float, classes: list[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``(i, j)`` of discs nearer than ``(r_i + r_j) * (1 + gap)``, each once."""
    from scipy.spatial import cKDTree  # only for many discs: a view of a few communities needs no k-d trees

    trees = [cKDTree(c[members]) for members in classes]
    reach = [float(radii[members].max()) * (1 + gap) for members in classes]
    found_i, found_j = [], []
    for p, (mp, tp) in enumerate(zip(classes, trees)):
        for q in range(p, len(classes)):
            if p == q:
                pairs = tp.query_pairs(2 * reach[p], output_type="ndarray")
                found_i.append(mp[pairs[:, 0]])
                found_j.append(mp[pairs[:, 1]])
            else:
                near = tp.sparse_distance_matrix(trees[q], reach[p] + reach[q], output_type="ndarray")
                found_i.append(mp[near["i"]])
                found_j.append(classes[q][near["j"]])
    i, j = np.concatenate(found_i), np.concatenate(found_j)
    dist = np.sqrt(((c[i] - c[j]) ** 2).sum(axis=1))
    keep = dist < (radii[i] + radii[j]) * (1 + gap)
    return i[keep], j[keep]


def _force_layout(start: np.ndarray, pairs: np.ndarray, weights: np.ndarray, iterations: int) -> np.ndarray:
    """Fruchterman-Reingold on the graph of the communities.

    Forces as in :func:`_spring`; when the graph is in pieces, every pair also pulls
    weakly (with ``d**2 / (k * sqrt(k))``), or the pieces would drift apart. Up to
    :data:`DISCS_EXACT_MAX` nodes every pair pushes; more push through a grid, as a large
    community's members do in :func:`_spring`, and pull towards their centre instead.
    """
    k = len(start)
    x, y = start[:, 0].copy(), start[:, 1].copy()
    a, b = pairs[:, 0], pairs[:, 1]
    apart = bool(_components(k, a, b).any())  # some node's component is not node 0's
    hold = k * math.sqrt(k)
    temp0 = math.sqrt(k) / 10
    mesh = _grid_size(k) if k > DISCS_EXACT_MAX else 0
    for step in range(iterations):
        if mesh:
            fx, fy = _mesh_push(x, y, np.zeros(1, dtype=np.int64), mesh)
            if apart:  # the pull of every pair, as a pull towards the centre
                gx, gy = x.mean() - x, y.mean() - y
                pull = np.sqrt(gx * gx + gy * gy) / math.sqrt(k)
                fx += gx * pull
                fy += gy * pull
        else:
            dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
            d2 = dx * dx + dy * dy
            np.fill_diagonal(d2, 1.0)  # a node does not push itself (dx = dy = 0 there)
            push = 1.0 / np.maximum(d2, 1e-18)
            if apart:
                push -= np.sqrt(d2) / hold
            fx, fy = (dx * push).sum(axis=1), (dy * push).sum(axis=1)
        ex, ey = x[a] - x[b], y[a] - y[b]
        pull = np.sqrt(ex * ex + ey * ey) * weights
        fx += np.bincount(b, ex * pull, k) - np.bincount(a, ex * pull, k)
        fy += np.bincount(b, ey * pull, k) - np.bincount(a, ey * pull, k)
        _step(x, y, fx, fy, temp0 * (1 - step / iterations))
    return np.column_stack((x, y))


def _step(x: np.ndarray, y: np.ndarray, fx: np.ndarray, fy: np.ndarray, temp: np.ndarray | float) -> None:
    """Move each node along its force, by at most ``temp``."""
    length = np.sqrt(fx * fx + fy * fy)
    scale = np.minimum(1.0, temp / np.maximum(length, 1e-300))
    x += fx * scale
    y += fy * scale


#: communities up to this size: every member pushes every other; larger ones push through a grid
EXACT_MAX = 64


def _spring(
    arrays: _Arrays,
    membership: np.ndarray,
    members: Sequence[np.ndarray],
    starts: Sequence[np.ndarray],
    iterations: int,
) -> list[np.ndarray]:
    """Fruchterman-Reingold layouts of the communities ``members``, each on its own links, all at once.

    The forces of Fruchterman & Reingold (1991) with unit length: linked members pull
    with ``weight * d**2``, members of one community push each other with ``1 / d``, and
    a node moves at most the temperature (``sqrt(m) / 10`` for a community of ``m``,
    cooling linearly to 0). A community of up to :data:`EXACT_MAX` sums the push over
    every pair; in a larger one the push comes from the others' density, spread on a
    grid of cells spanning the community and convolved with ``1 / d`` by FFT (the
    particle-mesh method): O(m log m) a step instead of O(m**2), and unlike a cut-off it
    keeps the long-range push that spreads a community evenly. A weak pull towards the
    community's centre (``d**2 / sqrt(m)``) keeps pieces that are not linked together.

    ``starts[i]`` are the start positions of ``members[i]``; the result is in that order.
    """
    if not members:
        return []
    sizes = np.array([len(inside) for inside in members], dtype=np.int64)
    grids = np.array([_grid_size(m) if m > EXACT_MAX else 0 for m in sizes.tolist()], dtype=np.int64)
    slots = np.argsort(grids, kind="stable")  # every pair first, then by grid size: each kind is one slice
    nodes = np.concatenate([members[c] for c in slots])
    x = np.concatenate([starts[c][:, 0] for c in slots])
    y = np.concatenate([starts[c][:, 1] for c in slots])
    count = len(nodes)
    first = np.r_[0, np.cumsum(sizes[slots])[:-1]]
    group = np.repeat(np.arange(len(slots)), sizes[slots])
    m = sizes[slots][group].astype(float)
    temp0 = np.sqrt(m) / 10

    where = np.full(len(membership), -1, dtype=np.int64)
    where[nodes] = np.arange(count)
    ends = where[arrays.edges]
    inside = (ends[:, 0] >= 0) & (membership[arrays.edges[:, 0]] == membership[arrays.edges[:, 1]])
    a, b, weights = ends[inside, 0], ends[inside, 1], arrays.weights[inside]

    exact = [(int(f), int(s)) for f, s, g in zip(first, sizes[slots], grids[slots]) if g == 0]
    pairs = [np.triu_indices(s, 1) for _, s in exact]
    pi = np.concatenate([f + p[0] for (f, _), p in zip(exact, pairs)] or [np.zeros(0, np.int64)])
    pj = np.concatenate([f + p[1] for (f, _), p in zip(exact, pairs)] or [np.zeros(0, np.int64)])
    meshes = []  # (grid size, first node, end node, first node of each community in the slice)
    for g in sorted(set(grids.tolist()) - {0}):
        chosen = np.flatnonzero(grids[slots] == g)
        lo, hi = int(first[chosen[0]]), int(first[chosen[-1]] + sizes[slots][chosen[-1]])
        meshes.append((g, lo, hi, first[chosen] - lo))

    for step in range(iterations):
        dx, dy = x[pi] - x[pj], y[pi] - y[pj]
        d2 = np.maximum(dx * dx + dy * dy, 1e-18)
        px, py = dx / d2, dy / d2
        fx, fy = np.zeros(count), np.zeros(count)  # (bincount of nothing gives integers)
        fx += np.bincount(pi, px, count) - np.bincount(pj, px, count)
        fy += np.bincount(pi, py, count) - np.bincount(pj, py, count)
        for g, lo, hi, heads in meshes:
            mx, my = _mesh_push(x[lo:hi], y[lo:hi], heads, g)
            fx[lo:hi] += mx
            fy[lo:hi] += my
        ex, ey = x[a] - x[b], y[a] - y[b]
        pull = np.sqrt(ex * ex + ey * ey) * weights
        fx += np.bincount(b, ex * pull, count) - np.bincount(a, ex * pull, count)
        fy += np.bincount(b, ey * pull, count) - np.bincount(a, ey * pull, count)
        cx = np.bincount(group, x) / sizes[slots]
        cy = np.bincount(group, y) / sizes[slots]
        gx, gy = cx[group] - x, cy[group] - y
        hold = np.sqrt(gx * gx + gy * gy) / np.sqrt(m)
        fx += gx * hold
        fy += gy * hold
        _step(x, y, fx, fy, temp0 * (1 - step / iterations))

    out: list[np.ndarray] = [np.zeros((0, 2))] * len(members)
    for c, f, s in zip(slots.tolist(), first.tolist(), sizes[slots].tolist()):
        out[c] = np.column_stack((x[f:f + s], y[f:f + s]))
    return out


def _grid_size(m: int) -> int:
    """Cells along each side of the grid of a community of ``m``: a power of two, about sqrt(m) / 2, at least 16."""
    return max(16, 1 << max(0, math.ceil(math.log2(math.sqrt(m) / 2))))


@cache
def _mesh_kernel(g: int) -> tuple[np.ndarray, np.ndarray]:
    """The Fourier transforms of the push ``d / |d|**2`` between the cells of a (2g x 2g) grid (zero-padded g x g)."""
    u = np.fft.fftfreq(2 * g, 1 / (2 * g))  # cell offsets 0 .. g-1, -g .. -1
    ux, uy = np.meshgrid(u, u, indexing="ij")
    r2 = ux * ux + uy * uy
    r2[0, 0] = np.inf  # no push from a cell onto itself
    return np.fft.rfft2(ux / r2), np.fft.rfft2(uy / r2)


def _mesh_push(x: np.ndarray, y: np.ndarray, heads: np.ndarray, g: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``1 / d`` push on each node from the others of its community, through a g x g grid per community.

    Nodes come sorted by community, ``heads`` being the first of each. Each node's unit
    mass is shared among the four nearest grid points (bilinear), the grids of all
    communities are convolved with the push at once (zero-padded FFT), and each node
    reads the push back from the same four points.
    """
    n, k, side = len(x), len(heads), 2 * g
    group = np.repeat(np.arange(k), np.diff(np.r_[heads, n]))
    x0, y0 = np.minimum.reduceat(x, heads), np.minimum.reduceat(y, heads)
    span = np.maximum(np.maximum.reduceat(x, heads) - x0, np.maximum.reduceat(y, heads) - y0)
    cell = (np.maximum(span, 1e-9) / (g - 1))[group]
    gx, gy = (x - x0[group]) / cell, (y - y0[group]) / cell
    ix, iy = np.minimum(gx.astype(np.int64), g - 2), np.minimum(gy.astype(np.int64), g - 2)
    tx, ty = gx - ix, gy - iy
    at = group * side * side + ix * side + iy
    corners = (at, at + side, at + 1, at + side + 1)
    shares = ((1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty)
    density = np.bincount(np.concatenate(corners), np.concatenate(shares), k * side * side).reshape(k, side, side)
    spectrum = np.fft.rfft2(density)
    kx, ky = _mesh_kernel(g)
    field_x = np.fft.irfft2(spectrum * kx, s=(side, side)).reshape(-1)
    field_y = np.fft.irfft2(spectrum * ky, s=(side, side)).reshape(-1)
    push_x = sum((field_x[c] * w for c, w in zip(corners, shares)), np.zeros(n))
    push_y = sum((field_y[c] * w for c, w in zip(corners, shares)), np.zeros(n))
    return push_x / cell, push_y / cell


def _fit_disc(coords: np.ndarray, radius: float) -> np.ndarray:
    """``coords`` centred and scaled into a disc of ``radius`` around (0, 0); stragglers onto its rim."""
    coords = coords - np.median(coords, axis=0)
    r = np.sqrt((coords**2).sum(axis=1))
    reach = float(np.percentile(r, 97)) or 1.0
    coords *= radius * 0.92 / reach
    r = r * (radius * 0.92 / reach)
    outside = r > radius
    coords[outside] *= (radius / r[outside])[:, None]
    return coords


#: the golden angle: each spot of a sunflower turns this far from the one before
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def sunflower(n: int, radius: float, areas: np.ndarray | None = None) -> np.ndarray:
    """``n`` points filling a disc of ``radius`` evenly around (0, 0), the first at the centre; with
    ``areas``, each point at the distance that the areas of the points before it fill (a large
    one takes more room). The atlas's island and the views' large communities are laid out so.

    >>> [round(float(r), 2) for r in np.hypot(*sunflower(3, 1.0).T)], [round(float(r), 2) for r in np.hypot(*sunflower(3, 1.0, np.array([4.0, 1.0, 1.0])).T)]
    ([0.41, 0.71, 0.91], [0.58, 0.87, 0.96])
    """
    i = np.arange(n, dtype=float)
    if areas is not None and n:
        r = radius * np.sqrt((np.cumsum(areas) - areas / 2) / float(areas.sum()))
    else:
        r = radius * np.sqrt((i + 0.5) / max(n, 1))
    a = i * GOLDEN_ANGLE
    return np.column_stack([r * np.cos(a), r * np.sin(a)])


def _island(owner: np.ndarray) -> np.ndarray:
    """Positions around (0, 0) for nodes that belong to small communities ``owner`` (each node's,
    in node order): a :func:`sunflower` of their communities (as many nodes an area as a
    community's disc holds: it fits in a disc of radius ``0.9 * sqrt(n) + 1``), a community on one
    spot, its two members side by side.

    >>> xy = _island(np.array([4, 7, 4, 9]))  # a pair (4) and two articles alone
    >>> round(float(np.hypot(*(xy[0] - xy[2]))), 2), bool(np.hypot(xy[:, 0], xy[:, 1]).max() <= 0.9 * 2 + 1)
    (1.0, True)
    """
    _, first, unit, counts = np.unique(owner, return_index=True, return_inverse=True, return_counts=True)
    unit = unit.reshape(-1)
    order = np.argsort(first, kind="stable")  # the communities in the order of their first node
    spots = np.empty((len(first), 2))
    spots[order] = sunflower(len(first), 0.9 * math.sqrt(len(owner)), counts[order].astype(float))
    # the members of a community side by side, one apart, across its spot's radius
    by_unit = np.argsort(unit, kind="stable")
    rank = np.empty(len(owner))
    rank[by_unit] = np.arange(len(owner)) - np.r_[0, np.cumsum(counts)[:-1]][unit[by_unit]]
    shift = rank - (counts[unit] - 1) / 2.0
    angle = np.arctan2(spots[unit, 1], spots[unit, 0])
    placed: np.ndarray = spots[unit] + shift[:, None] * np.column_stack((-np.sin(angle), np.cos(angle)))
    return placed


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
    return place_new(
        {n: previous[n] for n in A if n in previous},
        sorted(n for n in A if n not in previous),
        lambda n: ((v, float(data.get(weights, 1.0))) for v, data in A.adj[n].items()),
    )


def place_new(placed: dict[str, Position], new: list[str], neighbours: Any,
              island: "Island | None" = None) -> dict[str, Position]:
    """Place ``new`` nodes near their placed ``neighbours(node) -> [(other, weight)]``, in the
    ``island`` (or on the rim) otherwise.

    The positions of ``placed`` and ``new`` together (:func:`placed_beside` for the new ones),
    rounded to :data:`DECIMALS` decimals.
    """
    positions = {**placed, **placed_beside(placed, new, neighbours, island)}
    return {n: rounded(p) for n, p in positions.items()}


@dataclass(frozen=True)
class Island:
    """Where a layout put the articles of the communities too small for a disc (:data:`MIN_DISC`):
    the centre of their disc, and its radius."""

    x: float
    y: float
    radius: float
    size: int  #: its articles

    @classmethod
    def of(cls, positions: Mapping[str, Position], parts: Iterable[Sequence[str]]) -> "Island | None":
        """The island of a layout's ``positions`` and communities ``parts`` (their members that have
        a position); None when it has none.

        >>> Island.of({"a": (0.0, 0.0), "b": (2.0, 0.0), "c": (9.0, 9.0)}, [["a"], ["b"], ["c", "d", "e"]])
        Island(x=1.0, y=0.0, radius=1.0, size=2)
        """
        points = [positions[m] for part in parts if len(part) < MIN_DISC for m in part if m in positions]
        if not points:
            return None
        x = math.fsum(p[0] for p in points) / len(points)
        y = math.fsum(p[1] for p in points) / len(points)
        return cls(x, y, max(max(math.hypot(p[0] - x, p[1] - y) for p in points), 1.0), len(points))


def placed_beside(placed: Mapping[str, Position], new: list[str], neighbours: Any,
                  island: Island | None = None) -> dict[str, Position]:
    """The positions of ``new`` nodes, near their placed ``neighbours(node) -> [(other, weight)]``
    (unrounded): those of ``placed`` stay where they are.

    A node goes to the weighted mean of its placed neighbours, moved by a distance and angle
    hashed from its id; a round places every node with a placed neighbour (from the positions
    before the round), until none is left or none can be placed. Those left join the
    unlinked articles in their ``island``, at a spot hashed from the id; without one, they go
    on a rim outside every other node.
    """
    positions: dict[str, Position] = {}
    waiting = list(new)
    while waiting:
        # a round places every node that has a placed neighbour, from positions fixed before the round
        landed: dict[str, Position] = {}
        for node in waiting:
            total = sx = sy = 0.0
            for other, w in neighbours(node):
                at = positions.get(other)
                if at is None:
                    at = placed.get(other)
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
    if waiting and island is not None:
        for node in waiting:
            a, b = _unit_pair(node, "rim")
            angle, r = 2 * math.pi * a, island.radius * math.sqrt(b)  # uniform over the disc
            positions[node] = (island.x + r * math.cos(angle), island.y + r * math.sin(angle))
    elif waiting:
        xy = np.array([*placed.values(), *positions.values()] or [(0.0, 0.0)])
        rim = float(np.sqrt((xy**2).sum(axis=1)).max()) + 3.0
        for node in waiting:
            a, b = _unit_pair(node, "rim")
            angle, r = 2 * math.pi * a, rim + 2.0 * b
            positions[node] = (r * math.cos(angle), r * math.sin(angle))
    return positions


def rounded(p: Position) -> Position:
    """``p`` rounded to :data:`DECIMALS` decimals (no negative zero)."""
    scale = 10**DECIMALS
    return round(p[0] * scale) / scale + 0.0, round(p[1] * scale) / scale + 0.0


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
        """The layout as JSON-able data: each node named once (``nodes``, sorted), its position at
        the same place in ``xy`` (two numbers each), community members as indexes into ``nodes``.
        At 36,000 articles that is half the bytes of a mapping from node to position, and parses
        in a quarter of the time (an edit reads it)."""
        nodes = sorted(self.positions)
        number = {n: i for i, n in enumerate(nodes)}
        return {
            "format": LAYOUT_FORMAT, "seed": self.seed, "resolution": self.resolution, "nodes": nodes,
            "xy": [c for n in nodes for c in self.positions[n]],
            "communities": [{**c.as_dict(), "members": [number[m] for m in c.members]} for c in self.communities],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "AtlasLayout":
        positions, parts, seed, resolution = read_layout(data)
        return cls(
            positions=positions,
            communities=[
                Community(c["index"], tuple(c["members"]), c["label"], tuple(c["subjects"]), tuple(c["keywords"]))
                for c in parts
            ],
            seed=seed, resolution=resolution,
        )


#: the layout of :meth:`AtlasLayout.as_dict`'s data (before it, a mapping ``positions``: node -> [x, y])
LAYOUT_FORMAT = 2


def read_layout(data: Mapping[str, Any]) -> tuple[dict[str, Position], list[dict[str, Any]], int, float]:
    """The positions, the communities (as :meth:`Community.as_dict`, members named), the seed and
    the resolution in ``data`` (:meth:`AtlasLayout.as_dict`, or the earlier form).

    Checked as it is read (a build reads it from its state, which anything may have written): every
    node is named by a string and has a position, and every community has its fields.

    >>> read_layout({"format": 2, "nodes": ["a"], "xy": [1, 2], "communities": []})[0]
    {'a': (1.0, 2.0)}
    >>> read_layout({"x": 1})
    Traceback (most recent call last):
    KeyError: 'positions'
    >>> read_layout({"format": 2, "nodes": ["a"], "xy": [1, 2], "communities": [{"members": [-1]}]})
    Traceback (most recent call last):
    ValueError: not a community of the layout: {'members': [-1]}
    >>> read_layout({"positions": "x", "communities": []})
    Traceback (most recent call last):
    TypeError: the layout's positions are not a mapping: str

    Raises:
        KeyError, TypeError, ValueError, IndexError: ``data`` is not such a layout.
    """
    if not isinstance(data, Mapping):
        raise TypeError(f"not a layout: {type(data).__name__}")
    if data.get("format") == LAYOUT_FORMAT:
        nodes, xy = data["nodes"], list(map(float, data["xy"]))
        if not isinstance(nodes, list) or len(xy) != 2 * len(nodes):
            raise ValueError("the layout's positions do not match its nodes")
        positions = dict(zip(nodes, zip(xy[0::2], xy[1::2])))
        if len(positions) != len(nodes):
            raise ValueError("the layout names a node twice")
        parts = []
        for c in data["communities"]:
            members = c["members"]
            if members and min(members) < 0:  # an index from the end: not one as_dict wrote
                raise ValueError(_not_a_community(c))
            parts.append({**c, "members": [nodes[i] for i in members]})
    else:
        if not isinstance(data["positions"], Mapping):
            raise TypeError(f"the layout's positions are not a mapping: {type(data['positions']).__name__}")
        positions = {n: (float(x), float(y)) for n, (x, y) in data["positions"].items()}
        parts = [dict(c) for c in data["communities"]]
    if not set(map(type, positions)) <= {str}:
        raise ValueError("the layout's nodes are not all named")
    # lists of names (the members of the current format are nodes already, named)
    names = ("subjects", "keywords") if data.get("format") == LAYOUT_FORMAT else ("members", "subjects", "keywords")
    for c in parts:
        if not (type(c.get("index")) is int and isinstance(c.get("label"), str) and isinstance(c.get("members"), list)
                and all(isinstance(c.get(k), list) and set(map(type, c[k])) <= {str} for k in names)):
            raise ValueError(_not_a_community(c))
    seed = data.get("seed", 0)
    if not (type(seed) is int or isinstance(seed, float) and seed.is_integer()):  # int() of an infinity overflows
        raise ValueError(f"the layout's seed is not a whole number: {seed!r}"[:200])
    return positions, parts, int(seed), float(data.get("resolution", 1.0))


def _not_a_community(c: Any) -> str:
    """The message of :func:`read_layout` about ``c``, not a community of a layout."""
    return f"not a community of the layout: {c!r}"[:200]


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
        kept = {n: previous.positions[n] for n, new in zip(arrays.nodes, fresh.tolist()) if not new}
        positions = place_new(
            kept, [n for n, new in zip(arrays.nodes, fresh.tolist()) if new], lambda n: adjacency.get(n, ()),
            Island.of(kept, (c.members for c in previous.communities)),
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

    placed = place_new({**positions, **kept}, [n for n in stubs if n not in kept], neighbours)
    return {n: placed[n] for n in stubs}
