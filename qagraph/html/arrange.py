"""Where each node of a view goes, which community it belongs to and how much it matters.

Computed once in Python when the page is written, so the browser draws at once
(no physics to wait for), and the same graph always gives the same page:

* **communities**: Louvain's first level (:func:`qagraph.modularity.first_level`, nodes in
  the view's order) on the view's own graph of links,
  weighted by :func:`~qagraph.html.select.link_strength`, the smallest merged into
  their closest until there are no more than the palette has colours, unless the
  caller passes communities computed elsewhere (the whole corpus's, say). Communities of fewer than
  :data:`MIN_GROUP` nodes are pooled as "loosely linked" (``-1``);
* **importance**: PageRank on the same graph (or a measure the caller gives), 0..1;
* **positions**: a force-directed layout (Fruchterman-Reingold, from a fixed start) for up to
  :data:`SPRING_MAX` nodes (:data:`CENTRED_SPRING_MAX` for a view about one node, which stays in
  the middle, its neighbours around it); above that each community is laid out on its own and the
  communities are packed as circles, so that each community's name stands over its own
  articles and the cost grows with the largest community, not with the view. In a view of up
  to :data:`LABELLED_MAX` nodes, whose labels are read when it opens, the nodes are then moved
  apart until no node with its label covers another's (:func:`_unoverlap`); in a larger one,
  each community's circle is made large enough for its nodes' sizes (the largest in the middle
  of a sunflower) and no node's circle is left covering another's (:func:`_apart`). Keywords sit
  by the articles that have them, other subjects on a ring around the whole;
* **kept**: a large view drawn again after an edit (an incremental build) keeps the positions and
  communities its page held, so that the map a reader knows stays as it was: a new node joins
  its neighbours' community beside them (:func:`kept_fits` says when a view has changed too much
  for that, and is laid out afresh). Its importance, and so its sizes, are its own.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("article:/a", kind="article")
>>> arrange(G, ["article:/a"], []).pos
{'article:/a': (0.0, 0.0)}
"""

from __future__ import annotations

import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from unicodedata import east_asian_width

import numpy as np

from .. import lightgraph
from ..ids import keyword_node
from ..kinds import ARTICLE, KEYWORD, STUB, SUBJECT
from ..layout import GOLDEN_ANGLE, sunflower
from ..modularity import first_level
from .select import Edge, link_strength
from .style import node_size

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Arrangement",
    "Group",
    "LABELLED_MAX",
    "MIN_GROUP",
    "SPRING_MAX",
    "arrange",
    "group_keywords",
    "group_names",
    "keyword_df",
    "keyword_label",
    "rank_keywords",
]

SPRING_MAX = 80  #: up to this many nodes, one force-directed layout of the whole view
#: up to this many, a view about one node (an article's neighbourhood) is one such layout, that node in the middle
CENTRED_SPRING_MAX = 250
#: above that, the share of a community's circle its nodes' circles (with their gap) fill, at most
ROOMY_FILL = 0.8
GROUP_SPRING_MAX = 600  #: a larger community is laid out as a sunflower (most important in the middle)
MIN_GROUP = 3  #: smaller communities are pooled as "loosely linked"
ITERATIONS = 25  #: force-directed rounds from a sunflower start: past ~20 the picture barely moves
LABELLED_MAX = 80  #: up to this many core nodes, no node with its label covers another's
LABEL_PX = 12.0  #: the labels' font size in a view (:func:`~qagraph.html.style.vis_options`)
CHAR_PX = 6.5  #: a label character's width, about (half the font size and a little more, for capitals)


@dataclass
class Group:
    """One community of a view: its members, and the circle they were laid out in."""

    index: int  #: 0 for the largest; -1 for the pooled small communities
    members: list[str]
    x: float = 0.0
    y: float = 0.0
    r: float = 0.0


@dataclass
class Arrangement:
    """Positions, communities and importance of a view's nodes."""

    pos: dict[str, tuple[float, float]]
    community: dict[str, int]  #: group index of each core node (-1: loosely linked)
    importance: dict[str, float]  #: 0..1 within the view, for core nodes
    groups: list[Group]
    label_room: bool = False  #: no core node with its label covers another's, at any scale


def _graph(core: Sequence[str], edges: Sequence[Edge]) -> nx.Graph:
    """The undirected weighted graph of ``edges`` among ``core`` nodes (in ``core``'s order)."""
    inside = set(core)
    # each pair's weights summed in the edges' order, then the pairs added in the order they first
    # came: the graph (its adjacency's order too) that adding the edges one by one to it made, without
    # networkx's look-up and update of each one
    summed: dict[tuple[str, str], float] = {}
    for e in edges:
        u, v = e.source, e.target
        if u in inside and v in inside and u != v:
            w = float(e.count) if e.count is not None else link_strength(e.kind, {"weight": e.weight})
            pair = (v, u) if (v, u) in summed else (u, v)
            summed[pair] = summed.get(pair, 0.0) + max(w, 0.01)
    H = lightgraph.Graph()  # (a patched build's views import no networkx)
    H.add_nodes_from(core)
    H.add_weighted_edges_from((u, v, w) for (u, v), w in summed.items())
    return H


def pagerank(H: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100) -> dict[str, float]:
    """PageRank of the undirected weighted graph ``H`` (edge attribute ``weight``), by
    networkx's definition and stopping rule.

    networkx's own runs on scipy, whose import takes a quarter of a second of every
    ``qagraph view``; a view has at most a few thousand nodes. Values agree with
    ``nx.pagerank`` to its tolerance (a test checks it). Each step is numpy's, in the order
    of the loop it stands for (each node's share added to its neighbours in ``H``'s order,
    ``np.add.at`` unbuffered; the sums added up one after the other, as Python's ``sum``
    does): the values are that loop's to the last bit, in a fiftieth of its time (0.08 s
    of a subject view of 1,200 nodes at 36k).

    >>> import networkx as nx
    >>> H = nx.Graph([("a", "b", {"weight": 1.0}), ("b", "c", {"weight": 1.0})])
    >>> {n: round(v, 3) for n, v in pagerank(H).items()}
    {'a': 0.257, 'b': 0.486, 'c': 0.257}
    """
    nodes = list(H)
    n = len(nodes)
    if n == 0:
        return {}
    index = {u: i for i, u in enumerate(nodes)}
    sources: list[int] = []
    targets: list[int] = []
    shares: list[float] = []
    dangling: list[int] = []
    for i, u in enumerate(nodes):
        weights = {v: float(d.get("weight", 1.0)) for v, d in H._adj[u].items()}
        total = sum(weights.values())
        if not total:
            dangling.append(i)
            continue
        for v, w in weights.items():
            sources.append(i)
            targets.append(index[v])
            shares.append(w / total)
    src, dst, share = np.array(sources, dtype=np.intp), np.array(targets, dtype=np.intp), np.array(shares)
    lost = np.array(dangling, dtype=np.intp)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = np.full(n, (alpha * sum(last[lost].tolist()) + 1.0 - alpha) / n)
        np.add.at(x, dst, (alpha * last[src]) * share)
        if sum(np.abs(x - last).tolist()) < n * tol:
            break
    return dict(zip(nodes, x.tolist()))


def _communities(H: nx.Graph, given: Mapping[str, int] | None, max_groups: int = 16) -> list[list[str]]:
    """Groups of ``H``'s nodes, largest first (ties: first member), each in ``H``'s node order."""
    order = {n: i for i, n in enumerate(H)}
    if given is not None:
        by: dict[object, list[str]] = defaultdict(list)
        for n in H:
            by[given.get(n, ("alone", n))].append(n)
        parts = list(by.values())
    elif H.number_of_edges():
        # Louvain's first level (fine communities), then merged down to what colours can tell
        # apart: its later levels cost three times as much and are merged away anyway
        nodes = list(H)
        labels = first_level(len(nodes), [(order[u], order[v], float(w)) for u, v, w in H.edges(data="weight")])
        found: dict[int, list[str]] = defaultdict(list)
        for node, label in zip(nodes, labels.tolist()):
            found[label].append(node)  # in H's order
        parts = _merge(list(found.values()), H, order, max_groups)
    else:
        parts = [[n] for n in H]
    parts.sort(key=lambda c: (-len(c), order[c[0]]))
    return parts


def _merge(parts: list[list[str]], H: nx.Graph, order: Mapping[str, int], most: int) -> list[list[str]]:
    """Merge the smallest community into the one it is most linked to, until none is
    smaller than :data:`MIN_GROUP` and at most ``most`` are left: a reader tells ~16 colours
    apart, not 40. A community linked to no other is left as it is."""
    at = {n: i for i, part in enumerate(parts) for n in part}
    between: dict[int, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for u, v, w in H.edges(data="weight"):
        a, b = at[u], at[v]
        if a != b:
            between[a][b] += w
            between[b][a] += w
    alive = {i: list(p) for i, p in enumerate(parts)}
    stuck: set[int] = set()
    while True:
        free = [i for i in alive if i not in stuck]
        tiny = [i for i in free if len(alive[i]) < MIN_GROUP]
        if not tiny and sum(1 for i in free if len(alive[i]) >= MIN_GROUP) <= most:
            break
        small = min(tiny or free, key=lambda i: (len(alive[i]), order[alive[i][0]]))
        partners = {j: w for j, w in between[small].items() if j in alive}
        if not partners:
            stuck.add(small)
            continue
        into = max(partners, key=lambda j: (partners[j], -order[alive[j][0]]))
        alive[into] = sorted(alive[into] + alive.pop(small), key=order.__getitem__)
        for j, w in between.pop(small).items():
            if j != into and j in alive:
                between[into][j] += w
                between[j][into] += w
            between[j].pop(small, None)
        between[into].pop(into, None)
    return list(alive.values())


def _even_out(points: np.ndarray, areas: np.ndarray, radius: float) -> np.ndarray:
    """``points`` (a community's force layout, around the origin) spread over a disc of ``radius``
    as evenly as their ``areas`` fill it: each keeps its direction from the middle and its rank in
    distance, and goes as far out as the areas of the points nearer the middle fill (a force
    layout packs a community's core tight and leaves its rim thin, where no node covers another).

    >>> points = np.array([[0.0, 0.1], [0.0, -0.1], [0.3, 0.0], [-0.3, 0.0]])
    >>> np.hypot(*_even_out(points, np.ones(4), 3.0).T).round(2).tolist()
    [1.06, 1.84, 2.37, 2.81]
    """
    if not len(points):
        return points
    centred = points - points.mean(axis=0)
    distance = np.hypot(centred[:, 0], centred[:, 1])
    angle = np.arctan2(centred[:, 1], centred[:, 0])
    order = np.argsort(distance, kind="stable")
    filled = np.cumsum(areas[order]) - areas[order] / 2
    out = np.empty(len(points))
    out[order] = radius * np.sqrt(filled / float(areas.sum()))
    return np.column_stack((out * np.cos(angle), out * np.sin(angle)))


def percentile(values: np.ndarray, q: float) -> float:
    """``np.percentile(values, q)`` (its linear method, the same arithmetic), without the import of
    ``numpy.ma`` that numpy's first call makes (0.05 s: most of a small view's layout).

    >>> values = np.array([3.0, 1.0, 4.0, 1.5, 9.0])
    >>> percentile(values, 90) == float(np.percentile(values, 90)), percentile(values, 0), percentile(values, 100)
    (True, 1.0, 9.0)
    """
    ordered = np.sort(values)
    at = (len(ordered) - 1) * (q / 100)
    low = math.floor(at)
    a, b = float(ordered[low]), float(ordered[min(low + 1, len(ordered) - 1)])
    t = at - low
    return b - (b - a) * (1 - t) if t >= 0.5 else a + (b - a) * t


def _spring(H: nx.Graph, fixed: str | None = None) -> dict[str, np.ndarray]:
    """Force-directed positions of ``H`` within the unit disc (``fixed`` at the origin).

    Fruchterman-Reingold as networkx's ``spring_layout`` computes it, on a dense matrix
    built here directly (networkx's per-call conversions cost more than the layout of a
    small community), started from a sunflower in ``H``'s node order (callers put the
    most important first): a tidy start settles in fewer rounds than a random one, and
    needs no randomness.
    """
    nodes = list(H)
    n = len(nodes)
    if n <= 1:
        return {v: np.zeros(2) for v in nodes}
    index = {v: i for i, v in enumerate(nodes)}
    A = np.zeros((n, n))
    for u, v, w in H.edges(data="weight", default=1.0):
        A[index[u], index[v]] = A[index[v], index[u]] = w
    pos = sunflower(n, 1.0)
    at = index.get(fixed) if fixed is not None else None
    if at is not None:
        pos[[0, at]] = pos[[at, 0]]
        pos[at] = 0.0
    k = math.sqrt(1.0 / n)
    t = max(float(np.ptp(pos[:, 0])), float(np.ptp(pos[:, 1]))) * 0.1
    dt = t / (ITERATIONS + 1)
    x, y = pos[:, 0].copy(), pos[:, 1].copy()  # one n-by-n array per axis, not an n-by-n-by-2 one
    pull = A / k
    for _ in range(ITERATIONS):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        d2 = dx * dx + dy * dy
        np.maximum(d2, 1e-4, out=d2)  # distances of at least 0.01
        force = (k * k) / d2 - pull * np.sqrt(d2)  # repulsion k^2/d, attraction w d^2/k, over d
        sx = np.einsum("ij,ij->i", dx, force)
        sy = np.einsum("ij,ij->i", dy, force)
        length = np.hypot(sx, sy)
        scale = t / np.where(length < 0.01, 0.1, length)
        if at is not None:
            scale[at] = 0.0
        x += sx * scale
        y += sy * scale
        t -= dt
    pos = np.column_stack([x, y])
    origin = pos[at].copy() if at is not None else pos.mean(axis=0)
    out = pos - origin
    # scale by the 90th percentile distance, not the furthest: a few loosely tied nodes
    # would otherwise squeeze the rest into the middle; those few are pulled in to 1.15
    dist = np.hypot(out[:, 0], out[:, 1])
    reach = percentile(dist, 90)
    if reach > 0:
        out = out / reach
        d = dist / reach
        far = d > 1.15
        out[far] *= (1.15 / d[far])[:, None]
    return {v: out[i] for i, v in enumerate(nodes)}


def _ordered(H: nx.Graph, nodes: Sequence[str]) -> nx.Graph:
    """The subgraph of ``H`` on ``nodes``, its nodes in that order."""
    inside = set(nodes)
    sub = lightgraph.Graph()
    sub.add_nodes_from(nodes)
    adj = H._adj
    sub.add_weighted_edges_from((u, v, d.get("weight", 1.0)) for u in nodes for v, d in adj[u].items() if v in inside)
    return sub


def _pack(radii: np.ndarray, centres: np.ndarray, gap: float, rounds: int = 400) -> np.ndarray:
    """Move circles apart until none overlap (and pull them gently together)."""
    c: np.ndarray = centres.astype(float).copy()
    n = len(radii)
    if n < 2:
        return c
    need = radii[:, None] + radii[None, :] + gap
    np.fill_diagonal(need, 0.0)
    for step in range(rounds):
        d = c[:, None, :] - c[None, :, :]
        dist = np.hypot(d[..., 0], d[..., 1])
        np.fill_diagonal(dist, np.inf)
        overlap = need - dist
        np.fill_diagonal(overlap, 0.0)
        if (overlap <= 1e-6).all() and step > rounds // 4:
            break
        push = np.where(overlap > 0, overlap / 2, 0.0) / np.maximum(dist, 1e-9)
        np.fill_diagonal(push, 0.0)
        c += (d * push[..., None]).sum(axis=1)
        c -= 0.05 * (c - c.mean(axis=0))
    return c


def _near_pairs(points: np.ndarray, reach: float) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``i < j`` of ``points`` nearer each other than ``reach``: each point is looked for
    in its own cell of a grid of ``reach`` and in the four cells after it (scipy's k-d tree costs
    0.13 s to import, more than a patched build's view takes to lay out).

    >>> a, b = _near_pairs(np.array([[0.0, 0.0], [0.5, 0.5], [3.0, 0.0], [0.9, -0.2]]), 1.0)
    >>> sorted(zip(a.tolist(), b.tolist()))
    [(0, 1), (0, 3), (1, 3)]
    """
    n = len(points)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    cell = np.floor((points - points.min(axis=0)) / reach).astype(np.int64)
    width = int(cell[:, 1].max()) + 3
    key = cell[:, 0] * width + cell[:, 1] + 1
    order = np.argsort(key, kind="stable")
    ordered = key[order]
    found_a, found_b = [], []
    for dx, dy in ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1)):  # the cell itself and half its neighbours
        lo = np.searchsorted(ordered, ordered + dx * width + dy, "left")
        hi = np.searchsorted(ordered, ordered + dx * width + dy, "right")
        counts = hi - lo
        first = np.repeat(np.arange(n), counts)
        second = np.repeat(lo, counts) + np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        i, j = order[first], order[second]
        if dx == 0 and dy == 0:
            keep = first < second  # each pair of a cell once
            i, j = i[keep], j[keep]
        found_a.append(i)
        found_b.append(j)
    i, j = np.concatenate(found_a), np.concatenate(found_b)
    near = np.hypot(*(points[i] - points[j]).T) < reach
    i, j = i[near], j[near]
    return np.minimum(i, j), np.maximum(i, j)


def _apart(centres: np.ndarray, radii: np.ndarray, gap: float, rounds: int = 200) -> np.ndarray:
    """Move circles (``centres``, ``radii``) apart until none comes nearer another than three
    quarters of ``gap`` (the last quarter took as many rounds as the rest): each pair nearer than
    ``gap`` is pushed apart along the line between them, three quarters of the overlap each way
    (half would leave a dense cluster crawling apart for hundreds of rounds), each circle
    by the largest push it takes (not their sum, which flings one among many far out); a pair at
    the same place is split by index. Nothing pulls them together: circles that do not overlap
    stay. The pairs near enough to meet are listed (:func:`_near_pairs`), and listed again once a
    circle has moved half the margin they were listed with: a round looks at them alone.

    >>> _apart(np.array([[0.0, 0.0], [0.0, 0.0], [50.0, 0.0]]), np.array([10.0, 10.0, 10.0]), 2.0).round(1).tolist()
    [[-16.5, 0.0], [16.5, 0.0], [50.0, 0.0]]
    """
    c: np.ndarray = centres.astype(float).copy()
    n = len(c)
    if n < 2:
        return c
    margin = float(radii.max()) + gap
    slack = gap / 4  # the gap left may be a quarter short: the circles still do not meet
    a = b = need = np.zeros(0, dtype=np.int64)
    moved = math.inf  # since the pairs were listed
    for _ in range(rounds):
        if moved > margin / 2:
            a, b = _near_pairs(c, 2 * float(radii.max()) + gap + margin)
            need = radii[a] + radii[b] + gap
            moved = 0.0
        dx, dy = c[a, 0] - c[b, 0], c[a, 1] - c[b, 1]
        dist = np.hypot(dx, dy)
        hit = need - dist > slack
        if not hit.any():
            if moved == 0.0:  # listed this round: none overlaps
                break
            moved = math.inf  # listed rounds ago: list them again, and look again
            continue
        i, j, dx, dy, dist = a[hit], b[hit], dx[hit], dy[hit], dist[hit]
        push = (need[hit] - dist) * 0.75  # half each way, and half as much again: no crawl to the last pixel
        same = dist < 1e-9
        ux = np.where(same, -1.0, dx / np.where(same, 1.0, dist))  # i < j: i goes the negative way along x
        uy = np.where(same, 0.0, dy / np.where(same, 1.0, dist))
        ends = np.concatenate((i, j))
        amounts = np.concatenate((push, push))
        ways = np.concatenate((np.column_stack((ux, uy)), -np.column_stack((ux, uy))))
        order = np.lexsort((-amounts, ends))  # by circle, its largest push first
        first = order[np.unique(ends[order], return_index=True)[1]]
        c[ends[first]] += amounts[first, None] * ways[first]
        moved += float(amounts[first].max())
    return c


def _unoverlap(centres: np.ndarray, half_w: np.ndarray, half_h: np.ndarray, gap: float,
               rounds: int = 400) -> np.ndarray:
    """Move boxes (``centres``, half widths and heights) apart until none overlaps another by
    ``gap`` or more: each overlapping pair is pushed apart, half each way, along the axis it
    overlaps less on for the boxes' size on that axis (wide labels are not stacked into one tall
    column); a pair at the same place is split by index.

    >>> boxes = np.array([[0.0, 0.0], [0.0, 0.0], [0.0, 30.0]])
    >>> _unoverlap(boxes, np.array([10.0, 10.0, 10.0]), np.array([5.0, 5.0, 5.0]), 2.0).tolist()
    [[-11.0, 0.0], [11.0, 0.0], [0.0, 30.0]]
    >>> _unoverlap(np.array([[0.0, 0.0], [4.0, 8.0]]), np.array([10.0, 10.0]), np.array([5.0, 5.0]), 2.0).tolist()
    [[0.0, -2.0], [4.0, 10.0]]
    """
    c: np.ndarray = centres.astype(float).copy()
    n = len(c)
    if n < 2:
        return c
    need_x = half_w[:, None] + half_w[None, :] + gap
    need_y = half_h[:, None] + half_h[None, :] + gap
    order = np.arange(n)
    tie = np.sign(order[:, None] - order[None, :]).astype(float)  # i < j: i goes the negative way
    for _ in range(rounds):
        dx = c[:, 0][:, None] - c[:, 0][None, :]
        dy = c[:, 1][:, None] - c[:, 1][None, :]
        over_x = need_x - np.abs(dx)
        over_y = need_y - np.abs(dy)
        hit = (over_x > 1e-6) & (over_y > 1e-6)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = over_x * half_h.mean() < over_y * half_w.mean()  # the cheaper way, in the boxes' proportion
        sx = np.where(dx != 0, np.sign(dx), tie)
        sy = np.where(dy != 0, np.sign(dy), tie)
        # each node takes the largest push of its overlaps, not their sum: a node among many
        # overlapping ones would otherwise be flung far out
        push_x = np.where(hit & along_x, over_x / 2 * sx, 0.0)
        push_y = np.where(hit & ~along_x, over_y / 2 * sy, 0.0)
        for axis, push in ((0, push_x), (1, push_y)):
            most, least = push.max(axis=1), push.min(axis=1)
            c[:, axis] += np.where(most > -least, most, least)
    return c


def label_width(text: str) -> float:
    """About how wide ``text`` is drawn at :data:`LABEL_PX`: a wide character (CJK, a full-width
    form) as two.

    >>> label_width("ab"), label_width("\u6f22\u5b57")
    (13.0, 26.0)
    """
    if text.isascii():
        return len(text) * CHAR_PX
    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text) * CHAR_PX


_BELOW = 4 + LABEL_PX * 1.5  #: vis-network draws a label from 4 + half its size below the node, as tall as its size


def _label_boxes(nodes: Sequence[str], kinds: Mapping[str, str], importance: Mapping[str, float],
                 label: Callable[[str], str], pos: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each node with its label as a box from the node's top to its label's foot, as wide as the
    label's text: centres, half widths, half heights. A node without an importance (a keyword, a
    subject) is as large as its kind's largest."""
    r = np.array([node_size(kinds[n], importance.get(n, 1.0)) for n in nodes])
    width = np.array([label_width(label(n)) for n in nodes])
    centres = np.array([pos[n] for n in nodes]).reshape(-1, 2) + np.array([0.0, _BELOW / 2])
    return centres, np.maximum(r, width / 2), r + _BELOW / 2


def _label_room(core: Sequence[str], kinds: Mapping[str, str], importance: Mapping[str, float],
                label: Callable[[str], str], pos: dict[str, np.ndarray], spacing: float) -> None:
    """Move ``core`` nodes apart so that no node with its label (drawn below it) covers another's."""
    boxes, half_w, half_h = _label_boxes(core, kinds, importance, label, pos)
    moved = _unoverlap(boxes, half_w, half_h, gap=spacing * 0.25) - np.array([0.0, _BELOW / 2])
    for n, p in zip(core, moved):
        pos[n] = p


def _set_beside(movable: Sequence[str], still: Sequence[str], kinds: Mapping[str, str],
                importance: Mapping[str, float], label: Callable[[str], str], pos: dict[str, np.ndarray],
                spacing: float, tries: int = 600) -> None:
    """Move each of ``movable`` (in turn) to the free place nearest where it is, on a spiral out
    from there, where its box covers none of ``still``'s nor those already set: a keyword of one
    article was drawn on top of it."""
    gap = spacing * 0.25
    taken_c, taken_w, taken_h = _label_boxes(still, kinds, importance, label, pos)
    boxes, half_w, half_h = _label_boxes(movable, kinds, importance, label, pos)
    i = np.arange(tries, dtype=float)
    steps = np.column_stack([np.cos(i * GOLDEN_ANGLE), np.sin(i * GOLDEN_ANGLE)]) * (spacing * 0.5 * np.sqrt(i))[:, None]
    for k, n in enumerate(movable):
        spots = boxes[k] + steps
        over_x = (half_w[k] + taken_w + gap)[None, :] - np.abs(spots[:, None, 0] - taken_c[None, :, 0])
        over_y = (half_h[k] + taken_h + gap)[None, :] - np.abs(spots[:, None, 1] - taken_c[None, :, 1])
        free = ~((over_x > 0) & (over_y > 0)).any(axis=1)
        at = spots[int(np.argmax(free))] if free.any() else boxes[k]
        pos[n] = at - np.array([0.0, _BELOW / 2])
        taken_c = np.vstack([taken_c, at])
        taken_w, taken_h = np.append(taken_w, half_w[k]), np.append(taken_h, half_h[k])


def arrange(
    G: nx.MultiDiGraph,
    nodes: Sequence[str],
    edges: Sequence[Edge],
    *,
    core_kinds: Collection[str] = (ARTICLE, STUB),
    centre: str | None = None,
    communities: Mapping[str, int] | None = None,
    measure: Mapping[str, float] | None = None,
    spacing: float = 34.0,
    seed: int = 7,
    max_groups: int = 16,
    label: Callable[[str], str] | None = None,
    kept: Mapping[str, tuple[float, float, int | None]] | None = None,
) -> Arrangement:
    """Lay out ``nodes`` (graph ids) joined by ``edges``: see the module's text.

    ``core_kinds`` are the node kinds laid out by their links (articles; subjects in
    the overview); the others are placed by their neighbours. ``communities`` maps
    node ids to community numbers computed elsewhere; ``measure`` replaces PageRank as
    the importance. ``spacing`` is about the distance between neighbouring nodes;
    ``max_groups`` is how many communities a reader can tell apart (by colour). ``label`` gives
    the text drawn under a core node: given, a view of up to :data:`LABELLED_MAX` core nodes
    leaves room for them.

    ``kept`` is the arrangement of the same view before an edit (node id -> ``(x, y, community)``,
    as its page holds it): a view of more than :data:`LABELLED_MAX` core nodes that has at most
    :func:`kept_fits` new ones keeps it (:func:`_kept_communities`, :func:`_place_new`); otherwise,
    or without it, the view is laid out afresh.
    """
    kinds = {n: str(G._node[n].get("kind", "")) for n in nodes}
    core = [n for n in nodes if kinds[n] in core_kinds]
    H = _graph(core, edges)
    if kept is not None and (communities is not None or len(core) <= LABELLED_MAX or not kept_fits(core, kept)):
        kept = None  # laid out afresh
    if kept is not None:
        groups = _kept_communities(core, H, kept)
    else:
        parts = _communities(H, communities, max_groups)
        groups = [Group(i, part) for i, part in enumerate(p for p in parts if len(p) >= MIN_GROUP)]
        loose = [n for p in parts if len(p) < MIN_GROUP for n in p]
        if loose:
            order = {n: i for i, n in enumerate(core)}
            groups.append(Group(-1, sorted(loose, key=order.__getitem__)))
    community = {n: g.index for g in groups for n in g.members}

    if measure is not None:
        raw = {n: float(measure.get(n, 0.0)) for n in core}
    elif H.number_of_edges():
        raw = pagerank(H)
    else:
        raw = {n: 1.0 for n in core}
    top = max(raw.values(), default=0.0)
    importance = {n: (v / top if top > 0 else 0.0) for n, v in raw.items()}

    pos: dict[str, np.ndarray] = {}
    gap = spacing * 0.25  # between two nodes' circles, in a view too large for room for labels
    size = {n: node_size(kinds[n], importance.get(n, 0.0)) for n in core} if len(core) > LABELLED_MAX else {}
    area = {n: (r + gap / 2) ** 2 for n, r in size.items()}  # what each node's circle takes, its gap with it
    if kept is not None:
        pos = {n: np.array(kept[n][:2], dtype=float) for n in core if n in kept}
        _place_new([n for n in core if n not in kept], H, pos, size, gap, community)
    elif len(core) <= SPRING_MAX or (centre in core and len(core) <= CENTRED_SPRING_MAX):
        radius = spacing * (0.62 * math.sqrt(max(len(core), 1)) + 4)  # room for labels in small views
        ranked = sorted(core, key=lambda n: -importance.get(n, 0.0))
        pos = {n: p * radius for n, p in _spring(_ordered(H, ranked), centre).items()}
    else:
        radii = np.array([spacing * 0.56 * math.sqrt(len(g.members)) + spacing * 0.5 for g in groups])
        # each community's circle as large as its nodes' circles need (with a gap around each)
        needed = np.array([math.sqrt(sum(area[n] for n in g.members) / ROOMY_FILL) for g in groups])
        radii = np.maximum(radii, needed + spacing * 0.5)
        import networkx as nx  # its spring layout: a view laid out afresh, in parts

        between = nx.Graph()
        between.add_nodes_from(range(len(groups)))
        at = {n: i for i, g in enumerate(groups) for n in g.members}
        for u, v, w in H.edges(data="weight"):
            a, b = at[u], at[v]
            if a != b:
                between.add_edge(a, b, weight=between.get_edge_data(a, b, {"weight": 0.0})["weight"] + w)
        start = nx.spring_layout(between, weight="weight", seed=seed) if len(groups) > 1 else {0: (0.0, 0.0)}
        spread = math.sqrt(float((radii ** 2).sum()))
        centres = _pack(radii, np.array([start[i] for i in range(len(groups))]) * spread * 0.6, gap=spacing)
        for i, g in enumerate(groups):
            members = g.members
            ranked = sorted(members, key=lambda n: -importance.get(n, 0.0))  # stable: ties keep their order
            if g.index == -1 or len(members) > GROUP_SPRING_MAX:
                spots = sunflower(len(ranked), radii[i] - spacing * 0.5, np.array([area[n] for n in ranked]))
                for n, p in zip(ranked, spots):
                    pos[n] = p + centres[i]
            else:
                sub = _spring(_ordered(H, ranked), centre if centre in members else None)
                placed = _even_out(np.array([sub[n] for n in ranked]), np.array([area[n] for n in ranked]),
                                   radii[i] - spacing * 0.5)
                for n, p in zip(ranked, placed):
                    pos[n] = p + centres[i]
    if size:  # too many nodes for room for labels: no node's circle is left covering another's
        pos.update(zip(core, _apart(np.array([pos[n] for n in core]), np.array([size[n] for n in core]), gap)))
    label_room = label is not None and len(core) <= LABELLED_MAX
    if label is not None and label_room and len(core) > 1:
        _label_room(core, kinds, importance, label, pos, spacing)
    if centre in pos and (size or (label_room and len(core) > 1)):  # moved apart: the view's node back in the middle
        shift = pos[centre].copy()
        pos = {n: p - shift for n, p in pos.items()}

    _place_others(nodes, kinds, core_kinds, edges, pos, spacing)
    if label is not None and label_room:
        # a node placed by its articles (a keyword view's keyword, the keywords a tick shows) is set
        # beside them, clear of every article's box and the ring's
        placed_by = [n for n in nodes if kinds[n] not in core_kinds and kinds[n] != SUBJECT]
        if placed_by:
            ring = [n for n in nodes if kinds[n] == SUBJECT and kinds[n] not in core_kinds]
            _set_beside(placed_by, core + ring, kinds, importance, label, pos, spacing)
    for g in groups:
        pts = np.array([pos[n] for n in g.members]) if g.members else np.zeros((1, 2))
        g.x, g.y = (float(v) for v in pts.mean(axis=0))
        g.r = float(np.hypot(*(pts - pts.mean(axis=0)).T).max()) if len(pts) else 0.0
    return Arrangement(
        {n: (round(float(p[0]), 1), round(float(p[1]), 1)) for n, p in pos.items()},
        community, importance, groups, label_room,
    )


def kept_fits(core: Collection[str], kept: Mapping[str, object]) -> bool:
    """Whether a view of ``core`` nodes keeps the arrangement ``kept`` of its page before an edit:
    at most one node in twenty is new, and at most one in twenty of those ``kept`` held is gone
    (five of each may be, whatever the size). An added article brings one to the views its links
    reach, and a few more move past the last one a large view draws; more than that is another
    view, laid out afresh (a map with many holes, or many nodes set beside it, would be neither
    the one the reader knew nor a good one).

    >>> kept_fits(["a", "b", "c"], {"a": 0}), kept_fits([str(i) for i in range(100)], {"0": 0})
    (True, False)
    >>> kept_fits([str(i) for i in range(100)], {str(i): 0 for i in range(110)})  # ten gone of 110
    False
    """
    new = sum(1 for n in core if n not in kept)
    gone = len(kept) - (len(core) - new)
    return new <= max(5, len(core) // 20) and gone <= max(5, len(kept) // 20)


def _kept_communities(core: Sequence[str], H: nx.Graph, kept: Mapping[str, tuple[float, float, int | None]],
                      ) -> list[Group]:
    """The communities of ``core`` as ``kept`` had them: a new node joins the community its links
    in the view weigh most on (ties: the lower number), or the loosely linked without one (so does a
    node ``kept`` holds without its community: a page names the community of its articles only); each
    community's members in ``core``'s order, by number, the loosely linked last.

    >>> import networkx as nx
    >>> H = nx.Graph([("a", "c", {"weight": 1.0}), ("b", "c", {"weight": 2.0})])
    >>> H.add_node("d")
    >>> [(g.index, g.members) for g in _kept_communities(["a", "b", "c", "d"], H, {"a": (0, 0, 0), "b": (0, 0, 1)})]
    [(0, ['a']), (1, ['b', 'c']), (-1, ['d'])]
    """
    community = {n: int(c) for n in core if n in kept and (c := kept[n][2]) is not None}
    for n in core:
        if n in community:
            continue
        votes: dict[int, float] = defaultdict(float)
        for m, data in H[n].items():
            c = community.get(m)
            if c is not None and c >= 0:
                votes[c] += float(data.get("weight", 1.0))
        community[n] = min(votes, key=lambda c: (-votes[c], c)) if votes else -1
    members: dict[int, list[str]] = defaultdict(list)
    for n in core:
        members[community[n]].append(n)
    return [Group(i, members[i]) for i in sorted(members, key=lambda i: (i < 0, i))]


def _place_new(new: Sequence[str], H: nx.Graph, pos: dict[str, np.ndarray], size: Mapping[str, float],
               gap: float, community: Mapping[str, int], tries: int = 600) -> None:
    """Each of ``new`` put into ``pos`` at the free spot nearest the middle of its neighbours there
    (of its community's nodes when it has none; of all when its community has none either): the
    first spot of a sunflower's spiral out from there where its circle (``size``) keeps ``gap``
    from every other.

    >>> import networkx as nx
    >>> pos = {"a": np.array([0.0, 0.0])}
    >>> _place_new(["b"], nx.Graph([("a", "b")]), pos, {"a": 10.0, "b": 10.0}, 2.0, {"a": 0, "b": 0})
    >>> bool(np.hypot(*pos["b"]) >= 22.0)
    True
    """
    k = np.arange(tries, dtype=float)
    spiral = np.column_stack([np.cos(k * GOLDEN_ANGLE), np.sin(k * GOLDEN_ANGLE)]) * np.sqrt(k)[:, None]
    for n in new:
        anchors = [pos[m] for m in H[n] if m in pos]
        if not anchors:
            anchors = [p for m, p in pos.items() if community.get(m) == community.get(n)] or list(pos.values())
        start = np.mean(anchors, axis=0) if anchors else np.zeros(2)
        if pos:
            others = np.array(list(pos.values()))
            need = np.array([size[m] for m in pos]) + size[n] + gap
            spots = start + spiral * (size[n] + gap)
            free = (np.hypot(spots[:, None, 0] - others[None, :, 0], spots[:, None, 1] - others[None, :, 1])
                    >= need[None, :]).all(axis=1)
            start = spots[int(np.argmax(free))] if free.any() else spots[-1]
        pos[n] = start


def _offset(node: str, radius: float) -> np.ndarray:
    """A small displacement that depends only on the node's id."""
    h = zlib.crc32(node.encode("utf-8"))
    angle = (h % 3600) / 3600 * 2 * math.pi
    r = radius * (0.5 + (h // 3600 % 100) / 200)
    return np.array([r * math.cos(angle), r * math.sin(angle)])


def _place_others(
    nodes: Sequence[str], kinds: Mapping[str, str], core_kinds: Collection[str],
    edges: Sequence[Edge], pos: dict[str, np.ndarray], spacing: float,
) -> None:
    """Keywords and others by the core nodes they join; subjects on a ring around the whole."""
    near: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        if e.source in pos and e.target not in pos:
            near[e.target].append(e.source)
        elif e.target in pos and e.source not in pos:
            near[e.source].append(e.target)
    pts = np.array(list(pos.values())) if pos else np.zeros((1, 2))
    middle = pts.mean(axis=0)
    # the ring is an ellipse of the drawing's proportions through its furthest node, so that a wide
    # drawing (a small view's labels) is not set in a circle of empty space
    extent = np.maximum(np.abs(pts - middle).max(axis=0), spacing)
    reach = float(np.hypot(*((pts - middle) / extent).T).max())

    def centroid(n: str) -> np.ndarray:
        ps = [pos[m] for m in near.get(n, ()) if m in pos]
        return np.asarray(np.mean(ps, axis=0)) if ps else middle.copy()

    others = [n for n in nodes if kinds[n] not in core_kinds]
    ring = [n for n in others if kinds[n] == SUBJECT]
    if ring:
        angles = {n: math.atan2(*(centroid(n) - middle)[::-1]) for n in ring}
        ranked = sorted(ring, key=lambda n: (angles[n], n))
        radii = extent * reach + spacing * 3
        first = angles[ranked[0]]
        for i, n in enumerate(ranked):
            a = first + 2 * math.pi * i / len(ranked)
            pos[n] = middle + radii * np.array([math.cos(a), math.sin(a)])
    for n in others:
        if n not in pos:
            pos[n] = centroid(n) + _offset(n, spacing * (0.9 if kinds[n] == KEYWORD else 0.6))


def group_keywords(G: nx.MultiDiGraph, groups: Sequence[Group]) -> dict[int, dict[str, int]]:
    """The keywords that may name each group (index >= 0): key -> articles of the group with it.

    A keyword may name a group when at least two of its articles have it and it is not
    shared by most of the view's articles (the subject's own name, often).
    """
    return _group_keywords(G, groups)[0]


def _group_keywords(G: nx.MultiDiGraph, groups: Sequence[Group]) -> tuple[dict[int, dict[str, int]], Counter[str]]:
    total = sum(len(g.members) for g in groups)
    everywhere: Counter[str] = Counter()
    per: dict[int, Counter[str]] = {}
    for g in groups:
        # each article's keywords once, counted in C (Counter of an iterable), in the same order
        uses: Counter[str] = Counter(key for n in g.members for key in dict.fromkeys(G._node[n].get("keywords") or ()))
        per[g.index] = uses
        everywhere.update(uses)
    most = max(total // 2, 2)
    found = {g.index: {key: c for key, c in per[g.index].items() if c >= 2 and everywhere[key] <= most}
             for g in groups if g.index >= 0}
    return found, everywhere


def rank_keywords(counts: Mapping[str, int], df: Mapping[str, int], words: int = 2) -> list[str]:
    """The ``words`` most telling of ``counts`` (key -> articles of the group with it): by
    ``count ** 2 / df``, ties by key.

    >>> rank_keywords({"a": 2, "b": 3, "c": 3}, {"a": 2, "b": 90, "c": 9})
    ['a', 'c']
    """
    scored = sorted((-(c * c) / max(int(df[key]), 1), key) for key, c in counts.items())
    return [key for _, key in scored[:words]]


def keyword_df(G: nx.MultiDiGraph, keys: Iterable[str], default: Mapping[str, int] | None = None) -> dict[str, int]:
    """The df of each keyword key as ``G`` holds it (else ``default[key]``, else 0)."""
    node_data = G._node
    fallback = default or {}
    out: dict[str, int] = {}
    for key in keys:
        node = keyword_node(key)
        out[key] = int(node_data[node].get("df", fallback.get(key, 0)) if node in node_data else fallback.get(key, 0))
    return out


def group_names(G: nx.MultiDiGraph, groups: Sequence[Group], *, words: int = 2) -> dict[int, list[str]]:
    """Each group's most telling keywords (labels): common in the group, rare elsewhere.

    A keyword scores ``count_in_group ** 2 / df`` (:func:`rank_keywords` among
    :func:`group_keywords`); keywords that most of the view's articles share (the
    subject's own name, often) are not telling and are skipped.
    """
    found, everywhere = _group_keywords(G, groups)
    return {index: [keyword_label(G, key) for key in rank_keywords(counts, keyword_df(G, counts, everywhere), words)]
            for index, counts in found.items()}


def keyword_label(G: nx.MultiDiGraph, key: str) -> str:
    """The label of keyword ``key`` in ``G`` (the key itself when ``G`` does not hold it)."""
    node = keyword_node(key)
    return str(G._node[node].get("label", key)) if node in G else key
