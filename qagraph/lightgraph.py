"""networkx's ``Graph`` and ``MultiDiGraph`` as the views read them, without importing networkx.

A patched build draws the few subject views an edit touches in a process of their own, from
graphs it reads out of the build's database; ``import networkx`` was a tenth of an added
article's processor time there (0.10 s at 36k: its algorithms, generators and readers), and
nothing of networkx but its classes' dicts was used. These classes hold the same dicts
(``_node``, ``_adj``, ``_succ``, ``_pred``, ``graph``), fill them in the same order and with the
same sharing (an undirected edge's one dict under both ends; a multi-edge's key dict under its
source's successors and its target's predecessors) and offer the few methods the views call:
what a view makes of one is what it makes of the networkx graph with the same calls
(``tests/test_lightgraph.py`` checks each method against networkx's; a patched build's views are
checked equal to a cold build's, drawn from networkx graphs).

For a type checker they are networkx's classes: code typed for those takes these.

>>> G = MultiDiGraph()
>>> G.add_edge("a", "b", key="related", weight=1.0)
'related'
>>> list(G.edges(keys=True, data=True)), G.nodes["b"], G.number_of_edges()
([('a', 'b', 'related', {'weight': 1.0})], {}, 1)
>>> H = Graph()
>>> H.add_weighted_edges_from([("a", "b", 2.0), ("b", "c", 1.0)])
>>> list(H.edges(data="weight")), sorted(H["b"]), H.number_of_edges()
([('a', 'b', 2.0), ('b', 'c', 1.0)], ['a', 'c'], 2)
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

__all__ = ["Graph", "MultiDiGraph"]


class _Nodes:
    """``G.nodes``: iterated, a node's data by ``[node]``, or ``(data=...)`` pairs as networkx gives them."""

    __slots__ = ("_node",)

    def __init__(self, node: dict[Any, dict[str, Any]]) -> None:
        self._node = node

    def __call__(self, data: bool | str = False, default: Any = None) -> Iterator[Any]:
        if data is False:
            return iter(self._node)
        if data is True:
            return iter(self._node.items())
        return ((n, d.get(data, default)) for n, d in self._node.items())

    def __getitem__(self, node: Hashable) -> dict[str, Any]:
        return self._node[node]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)

    def __contains__(self, node: object) -> bool:
        return node in self._node


class _Base:
    def __init__(self, **attr: Any) -> None:
        self.graph: dict[str, Any] = dict(attr)
        self._node: dict[Any, dict[str, Any]] = {}

    @property
    def nodes(self) -> _Nodes:
        return _Nodes(self._node)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._node)

    def __len__(self) -> int:
        return len(self._node)

    def __contains__(self, node: object) -> bool:
        try:
            return node in self._node
        except TypeError:
            return False

    def number_of_nodes(self) -> int:
        return len(self._node)

    def _new(self, node: Hashable) -> None:  # the node's own dicts, empty
        raise NotImplementedError

    def _add(self, node: Hashable) -> None:
        if node is None:
            raise ValueError("None cannot be a node")
        self._new(node)

    def add_node(self, node: Hashable, **attr: Any) -> None:
        if node not in self._node:
            self._add(node)
        self._node[node].update(attr)


class _Graph(_Base):
    """:class:`networkx.Graph`'s dicts and the methods the views call."""

    def __init__(self, **attr: Any) -> None:
        super().__init__(**attr)
        self._adj: dict[Any, dict[Any, dict[str, Any]]] = {}

    def __getitem__(self, node: Hashable) -> dict[Any, dict[str, Any]]:
        return self._adj[node]

    def _new(self, node: Hashable) -> None:
        self._adj[node] = {}
        self._node[node] = {}

    def add_nodes_from(self, nodes: Iterable[Any], **attr: Any) -> None:
        for n in nodes:
            try:
                new = n not in self._node
                data = attr
            except TypeError:  # (node, data): a tuple holding a dict cannot be hashed
                n, own = n
                new = n not in self._node
                data = {**attr, **own}
            if new:
                self._add(n)
            self._node[n].update(data)

    def add_edges_from(self, edges: Iterable[tuple[Any, ...]], **attr: Any) -> None:
        adj, node_data = self._adj, self._node
        for e in edges:
            if len(e) == 3:
                u, v, dd = e
            elif len(e) == 2:
                (u, v), dd = e, {}
            else:
                raise ValueError(f"Edge tuple {e} must be a 2-tuple or 3-tuple.")
            if u not in node_data:
                self._add(u)
            if v not in node_data:
                self._add(v)
            data = adj[u].get(v, {})
            data.update(attr)
            data.update(dd)
            adj[u][v] = data
            adj[v][u] = data

    def add_weighted_edges_from(self, edges: Iterable[tuple[Any, Any, Any]], weight: str = "weight",
                                **attr: Any) -> None:
        self.add_edges_from(((u, v, {weight: w}) for u, v, w in edges), **attr)

    def edges(self, data: bool | str = False, default: Any = None) -> Iterator[tuple[Any, ...]]:
        """Each edge once, from the end met first, in networkx's order."""
        seen: set[Any] = set()
        for n, nbrs in self._adj.items():
            for nbr, dd in nbrs.items():
                if nbr not in seen:
                    if data is False:
                        yield n, nbr
                    elif data is True:
                        yield n, nbr, dd
                    else:
                        yield n, nbr, dd.get(data, default)
            seen.add(n)

    def number_of_edges(self) -> int:
        loops = sum(1 for n, nbrs in self._adj.items() if n in nbrs)
        return (sum(len(nbrs) for nbrs in self._adj.values()) + loops) // 2


class _MultiDiGraph(_Base):
    """:class:`networkx.MultiDiGraph`'s dicts and the methods the views call."""

    def __init__(self, **attr: Any) -> None:
        super().__init__(**attr)
        self._succ: dict[Any, dict[Any, dict[Any, dict[str, Any]]]] = {}
        self._adj = self._succ
        self._pred: dict[Any, dict[Any, dict[Any, dict[str, Any]]]] = {}

    def __getitem__(self, node: Hashable) -> dict[Any, dict[Any, dict[str, Any]]]:
        return self._succ[node]

    def _new(self, node: Hashable) -> None:
        self._succ[node] = {}
        self._pred[node] = {}
        self._node[node] = {}

    def add_edge(self, u: Hashable, v: Hashable, key: Any = None, **attr: Any) -> Any:
        if u not in self._succ:
            self._add(u)
        if v not in self._succ:
            self._add(v)
        keyed = self._succ[u].get(v)
        if key is None:  # networkx's new_edge_key: the lowest unused count
            key = 0 if keyed is None else len(keyed)
            while keyed is not None and key in keyed:
                key += 1
        if keyed is not None:
            data = keyed.get(key, {})
            data.update(attr)
            keyed[key] = data
        else:
            keyed = self._succ[u][v] = self._pred[v][u] = {key: dict(attr)}
        return key

    def edges(self, keys: bool = False, data: bool | str = False, default: Any = None) -> Iterator[tuple[Any, ...]]:
        """Each edge, by source, target and key, in networkx's order."""
        for n, nbrs in self._succ.items():
            for nbr, keyed in nbrs.items():
                for k, dd in keyed.items():
                    end = (n, nbr, k) if keys else (n, nbr)
                    if data is False:
                        yield end
                    elif data is True:
                        yield (*end, dd)
                    else:
                        yield (*end, dd.get(data, default))

    def number_of_edges(self) -> int:
        return sum(len(keyed) for nbrs in self._succ.values() for keyed in nbrs.values())


if TYPE_CHECKING:
    from networkx import Graph, MultiDiGraph
else:
    Graph, MultiDiGraph = _Graph, _MultiDiGraph
    Graph.__name__ = Graph.__qualname__ = "Graph"
    MultiDiGraph.__name__ = MultiDiGraph.__qualname__ = "MultiDiGraph"
