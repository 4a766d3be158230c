"""Exports for other graph tools: GraphML, GEXF (Gephi), node-link JSON, and CSV node and edge tables.

The networkx graph of a build holds tuples, dicts and ``None`` in its attributes, which
GraphML and GEXF writers refuse; :func:`to_networkx` gives a copy whose attributes
every networkx writer accepts: strings, numbers and booleans, lists and dicts as JSON
text, ``None`` left out. Each export reads back (with networkx's readers) with the same
nodes and edges.

>>> import qagraph, tempfile, os
>>> kg = qagraph.build("content")
>>> path = write_export(kg.graph, os.path.join(tempfile.mkdtemp(), "kg.graphml"), "graphml")[0]
>>> import networkx as nx
>>> nx.read_graphml(path).number_of_nodes() == kg.graph.number_of_nodes()
True
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx

from .errors import OutputError, UsageError
from .fileio import atomic_open
from .kinds import EDGE_KINDS, NODE_KINDS
from .regex import lazy_compile

__all__ = ["EXPORT_FORMATS", "to_networkx", "write_export"]

#: export format -> what it is
EXPORT_FORMATS = {
    "graphml": "GraphML (yEd, Cytoscape, networkx)",
    "gexf": "GEXF 1.2 with viz colours and sizes (Gephi)",
    "json": "node-link JSON (networkx, D3)",
    "csv": "two CSV tables, nodes.csv and edges.csv (spreadsheets, Gephi's import, pandas)",
}

_RENAMED = {"id": "article_id"}
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def _plain(value: Any) -> Any:
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (tuple, list, dict)):
        return _json(value)
    return str(value)


#: what XML 1.0 cannot hold, not even as a character reference: C0 controls but tab, line feed and
#: carriage return, lone surrogates (a file name that is not UTF-8), U+FFFE and U+FFFF
_NOT_XML = lazy_compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: Any) -> Any:
    """``value`` (a plain value) with what XML cannot hold written as an escape (``\\x1b``, ``\\ufffe``), as
    the terminal output shows it: a title holding ESC would otherwise make a GraphML or GEXF file no
    reader opens.

    >>> _xml_safe("red \\x1b[31m"), _xml_safe(3)
    ('red \\\\x1b[31m', 3)
    """
    if not isinstance(value, str) or value.isprintable():
        return value
    return _NOT_XML.sub(lambda m: f"\\x{ord(m[0]):02x}" if m[0] < " " else f"\\u{ord(m[0]):04x}", value)


def to_networkx(G: nx.MultiDiGraph, *, kinds: Iterable[str] | None = None, viz: bool = False,
                xml: bool = False) -> nx.MultiDiGraph:
    """A copy of ``G`` (edges of ``kinds`` only, default all) that any networkx writer accepts.

    Every attribute becomes a string, number or boolean (sequences and mappings as JSON
    text; ``None`` left out); the edge key stays the edge kind and is also the ``kind``
    attribute. A node's ``id`` (the site's article number) is named ``article_id``: GEXF and
    several tools take an attribute ``id`` for the node's own id. With ``viz``, nodes get
    GEXF ``viz`` colours (by kind) and sizes (by degree). With ``xml`` (GraphML, GEXF), the
    characters XML 1.0 cannot hold, in node ids and text, are written as escapes (``\\x1b``).

    >>> H = to_networkx(nx.MultiDiGraph([("a", "b", "related")]))
    >>> list(H.edges(keys=True))
    [('a', 'b', 'related')]

    Raises:
        UsageError: an unknown edge kind.
    """
    wanted = _wanted(kinds)

    def plain(value: Any) -> Any:
        return _xml_safe(_plain(value)) if xml else _plain(value)

    def name(node: Any) -> Any:
        return _xml_safe(node) if xml else node

    H = nx.MultiDiGraph(**{k: plain(v) for k, v in G.graph.items() if v is not None})
    for node, data in G.nodes(data=True):
        H.add_node(name(node), **{_RENAMED.get(k, k): plain(v) for k, v in data.items() if v is not None})
    for u, v, key, data in G.edges(keys=True, data=True):
        if key in wanted:
            H.add_edge(name(u), name(v), key=key, **{k: plain(x) for k, x in data.items() if x is not None})
    if viz:
        degree = dict(H.degree())
        for node, data in H.nodes(data=True):
            colour = NODE_KINDS[data["kind"]].colour if data.get("kind") in NODE_KINDS else "#888888"
            r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
            data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                           "size": float(round(4 + 2 * degree.get(node, 0) ** 0.5, 2))}
    return H


def write_export(G: nx.MultiDiGraph, path: str | os.PathLike[str], fmt: str, *,
                 kinds: Iterable[str] | None = None) -> list[Path]:
    """Write ``G`` as ``fmt`` (a key of :data:`EXPORT_FORMATS`) to ``path``; the files written.

    ``csv`` writes ``path`` as a folder holding ``nodes.csv`` and ``edges.csv``; the
    other formats write one file. Each is written node by node and edge by edge from ``G``:
    the bytes networkx's writers give for :func:`to_networkx`'s copy, without that copy or a
    whole document in memory (the 36,000-article graph's GraphML took 3.2 GB so, its GEXF
    3.6 GB). A GEXF of a graph whose data holds what that format reads as its own (``start``,
    ``spells``, an edge's ``label``...) still goes through the copy and networkx's writer.

    Raises:
        UsageError: an unknown format or edge kind.
        OutputError: the file cannot be written.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
    wanted = _wanted(kinds)
    target = Path(path)
    try:
        if fmt == "csv":
            return _write_csv(G, wanted, target)
        with atomic_open(target, "wb", devices=True) as handle:
            if fmt == "graphml":
                _write_graphml(G, wanted, _Chunked(handle))
            elif fmt == "gexf":
                if _gexf_streams(G, wanted):
                    _write_gexf(G, wanted, _Chunked(handle))
                else:
                    nx.write_gexf(to_networkx(G, kinds=wanted, viz=True, xml=True), handle, version="1.2draft")
            else:
                _write_node_link(G, wanted, _Chunked(handle))
    except BrokenPipeError:  # -o /dev/stdout | head: the reader has what it wanted (the CLI ends with 141)
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the export: {exc.strerror or exc}", path=str(target)) from None
    return [target]


def _wanted(kinds: Iterable[str] | None) -> set[str]:
    wanted = set(EDGE_KINDS if kinds is None else [kinds] if isinstance(kinds, str) else kinds)  # a str: one kind
    unknown = wanted - set(EDGE_KINDS)
    if unknown:
        raise UsageError(f"unknown edge kind(s): {', '.join(sorted(unknown))} (known: {', '.join(EDGE_KINDS)})")
    return wanted


#: characters a streamed export holds before it writes them
_CHUNK = 1 << 20


class _Chunked:
    """Text written to a binary handle as UTF-8, :data:`_CHUNK` characters at a time (then flushed)."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle, self.size = handle, _CHUNK
        self.pieces: list[str] = []
        self.held = 0

    def write(self, text: str) -> None:
        self.pieces.append(text)
        self.held += len(text)
        if self.held >= self.size:
            self.flush()

    def flush(self) -> None:
        self.handle.write("".join(self.pieces).encode("utf-8"))
        self.pieces, self.held = [], 0


def _plain_nodes(G: nx.MultiDiGraph, xml: bool) -> Iterator[tuple[Any, dict[str, Any]]]:
    """Each node of ``G`` and its data as :func:`to_networkx` makes them."""
    for node, data in G.nodes(data=True):
        plain = {_RENAMED.get(k, k): _plain(v) for k, v in data.items() if v is not None}
        if xml:
            yield _xml_safe(node), {k: _xml_safe(v) for k, v in plain.items()}
        else:
            yield node, plain


def _plain_edge(data: dict[str, Any], xml: bool) -> dict[str, Any]:
    if xml:
        return {k: _xml_safe(_plain(x)) for k, x in data.items() if x is not None}
    return {k: _plain(x) for k, x in data.items() if x is not None}


def _plain_edges(G: nx.MultiDiGraph, wanted: set[str], xml: bool) -> Iterator[tuple[Any, Any, str, dict[str, Any]]]:
    """Each edge of ``G`` of the ``wanted`` kinds, as :func:`to_networkx` makes them."""
    name = _xml_safe if xml else (lambda node: node)
    for u, v, key, data in G.edges(keys=True, data=True):
        if key in wanted:
            yield name(u), name(v), key, _plain_edge(data, xml)


def _plain_graph(G: nx.MultiDiGraph, xml: bool) -> dict[str, Any]:
    return {k: _xml_safe(_plain(v)) if xml else _plain(v) for k, v in G.graph.items() if v is not None}


def _write_node_link(G: nx.MultiDiGraph, wanted: set[str], out: _Chunked) -> None:
    """``_json(nx.node_link_data(to_networkx(G), edges="edges"))``, written as it is made (keys sorted)."""
    out.write('{"directed":true,"edges":[')
    comma = ""
    for u, v, key, data in _plain_edges(G, wanted, False):
        out.write(comma + _json({**data, "source": u, "target": v, "key": key}))
        comma = ","
    out.write(f'],"graph":{_json(_plain_graph(G, False))},"multigraph":true,"nodes":[')
    comma = ""
    for node, data in _plain_nodes(G, False):
        out.write(comma + _json({**data, "id": node}))
        comma = ","
    out.write("]}")
    out.flush()


def _plain_type(value: Any) -> type:
    """The type of ``_plain(value)``, without making it."""
    return type(value) if isinstance(value, (str, bool, int, float)) else str


def _xml_text(text: str) -> str:
    """``text`` escaped as ElementTree escapes an element's text."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _xml_attribute(text: str) -> str:
    """``text`` escaped as ElementTree escapes an attribute's value."""
    text = _xml_text(text)
    for character, reference in ('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;"):
        if character in text:
            text = text.replace(character, reference)
    return text


def _xml_element(tag: str, attributes: dict[str, str], text: str = "") -> str:
    """One element as ElementTree writes it (``<tag a="v" />`` when empty)."""
    opening = tag + "".join(f' {k}="{_xml_attribute(v)}"' for k, v in attributes.items())
    return f"<{opening}>{_xml_text(text)}</{tag}>" if text else f"<{opening} />"


def _write_graphml(G: nx.MultiDiGraph, wanted: set[str], out: _Chunked) -> None:
    """What ``nx.write_graphml(to_networkx(G, xml=True), named_key_ids=True)`` writes, element by element:
    a first pass over the data finds the keys the header declares (networkx's order: the last
    made first), then each node and edge is written on its own, as ElementTree writes it."""
    from networkx.readwrite.graphml import GraphMLWriter

    xml_type = GraphMLWriter().xml_type
    graph = _plain_graph(G, True)
    graph_id = graph.pop("id", None)
    keys: dict[tuple[str, str, str], None] = {}

    def see(scope: str, data: dict[str, Any], plain: bool) -> None:
        for k, v in data.items():
            if v is None and not plain:
                continue
            value_type = type(v) if plain else _plain_type(v)
            if value_type not in xml_type:
                raise nx.NetworkXError(f"GraphML writer does not support {value_type} as data values.")
            keys.setdefault((str(k), xml_type[value_type], scope), None)

    see("graph", graph, True)
    for _, data in G.nodes(data=True):
        see("node", {_RENAMED.get(k, k): v for k, v in data.items()}, False)
    for _, _, key, data in G.edges(keys=True, data=True):
        if key in wanted:
            see("edge", data, False)

    def element(tag: str, attributes: dict[str, str], data: dict[str, Any]) -> str:
        if not data:
            return _xml_element(tag, attributes)
        inner = "".join("\n      " + _xml_element("data", {"key": str(k)}, str(v)) for k, v in data.items())
        return f"{_xml_element(tag, attributes)[:-3]}>{inner}\n    </{tag}>"

    out.write("<?xml version='1.0' encoding='utf-8'?>\n" + _xml_element("graphml", {
        "xmlns": GraphMLWriter.NS_GRAPHML, "xmlns:xsi": GraphMLWriter.NS_XSI,
        "xsi:schemaLocation": GraphMLWriter.SCHEMALOCATION})[:-3] + ">")
    for name, attr_type, scope in reversed(keys):
        out.write("\n  " + _xml_element("key", {"id": name, "for": scope, "attr.name": name, "attr.type": attr_type}))
    opening = {"edgedefault": "directed"} if graph_id is None else {"edgedefault": "directed", "id": str(graph_id)}
    if not graph and not G.number_of_nodes():
        out.write("\n  " + _xml_element("graph", opening) + "\n</graphml>\n")
        out.flush()
        return
    out.write("\n  " + _xml_element("graph", opening)[:-3] + ">")
    for node, data in _plain_nodes(G, True):
        out.write("\n    " + element("node", {"id": str(node)}, data))
    for u, v, key, data in _plain_edges(G, wanted, True):
        out.write("\n    " + element("edge", {"source": str(u), "target": str(v), "id": str(key)}, data))
    for k, v in graph.items():  # networkx adds the graph's data after its nodes and edges
        out.write("\n    " + _xml_element("data", {"key": str(k)}, str(v)))
    out.write("\n  </graph>\n</graphml>\n")
    out.flush()


#: data GEXF's writer reads as its own (XML attributes, spells, dynamic mode): a graph holding them
#: is written by networkx's writer
_GEXF_NODE_OWN = frozenset({"id", "pid", "start", "end", "parents", "spells", "slices", "viz"})
_GEXF_EDGE_OWN = frozenset({"id", "key", "label", "type", "start", "end", "spells", "slices", "viz"})


def _gexf_streams(G: nx.MultiDiGraph, wanted: set[str]) -> bool:
    """Whether :func:`_write_gexf` writes what networkx's writer would for ``G``."""
    graph = _plain_graph(G, True)
    if graph.get("mode") == "dynamic" or not isinstance(graph.get("name", ""), str):
        return False
    for _, data in G.nodes(data=True):
        if not _GEXF_NODE_OWN.isdisjoint(_RENAMED.get(k, k) for k, v in data.items() if v is not None):
            return False
    return all(_GEXF_EDGE_OWN.isdisjoint(k for k, v in data.items() if v is not None)
               for _, _, key, data in G.edges(keys=True, data=True) if key in wanted)


def _gexf_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    if isinstance(value, float):
        return {"inf": "INF", "nan": "NaN", "-inf": "-INF"}.get(text, text)
    return text


def _write_gexf(G: nx.MultiDiGraph, wanted: set[str], out: _Chunked) -> None:
    """What ``nx.write_gexf(to_networkx(G, viz=True, xml=True), version="1.2draft")`` writes, element by
    element: a first pass finds the attributes the header declares (ids in the order first seen,
    nodes' before edges') and the degrees the sizes come from."""
    import time

    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(version="1.2draft")
    xml_type = writer.xml_type
    attributes: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    made = [0]
    degree: dict[Any, int] = {}

    def see(scope: str, data: Iterable[tuple[str, Any]]) -> None:
        known = attributes[scope]
        for k, v in data:
            k = "networkx_key" if k == "key" else k  # as networkx's writer names it
            if v is not None and k not in known:
                value_type = _plain_type(v)
                if value_type not in xml_type:
                    raise TypeError(f"attribute value type is not allowed: {value_type}")
                known[k] = (str(made[0]), xml_type[value_type])
                made[0] += 1

    for _, data in G.nodes(data=True):
        see("node", ((_RENAMED.get(k, k), v) for k, v in data.items() if k != "label"))
    for u, v, key, data in G.edges(keys=True, data=True):
        if key in wanted:
            see("edge", ((k, x) for k, x in data.items() if k != "weight"))
            see("edge", (("networkx_key", key),))
            for end in _xml_safe(u), _xml_safe(v):  # the names _plain_nodes gives
                degree[end] = degree.get(end, 0) + 1

    def attvalues(scope: str, data: dict[str, Any]) -> str:
        known = attributes[scope]
        return ("\n        <attvalues>" + "".join(
            "\n          " + _xml_element("attvalue", {"for": known["networkx_key" if k == "key" else k][0],
                                                    "value": _gexf_value(v)})
            for k, v in data.items()) + "\n        </attvalues>") if data else ""

    graph = _plain_graph(G, True)
    any_node = G.number_of_nodes() > 0
    out.write("<?xml version='1.0' encoding='utf-8'?>\n<gexf"
              + (f' xmlns:viz="{writer.NS_VIZ}"' if any_node else "")
              + _xml_element("gexf", {"xmlns": writer.NS_GEXF, "xmlns:xsi": writer.NS_XSI,
                                      "xsi:schemaLocation": writer.SCHEMALOCATION, "version": writer.VERSION})[5:-3]
              + ">\n  " + _xml_element("meta", {"lastmodifieddate": time.strftime("%Y-%m-%d")})[:-3]
              + ">\n    " + _xml_element("creator", {}, f"NetworkX {nx.__version__}") + "\n  </meta>\n  "
              + _xml_element("graph", {"defaultedgetype": "directed", "mode": "static",
                                       "name": graph.get("name", "")})[:-3] + ">")
    for scope in sorted(attributes, key=lambda c: -min((int(i) for i, _ in attributes[c].values()), default=0)):
        if attributes[scope]:
            out.write("\n    " + _xml_element("attributes", {"mode": "static", "class": scope})[:-3] + ">" + "".join(
                "\n      " + _xml_element("attribute", {"id": i, "title": k, "type": t})
                for k, (i, t) in attributes[scope].items()) + "\n    </attributes>")
    out.write("\n    <nodes>" if any_node else "\n    <nodes />")
    for node, data in _plain_nodes(G, True):
        label = str(data.pop("label", node))
        colour = NODE_KINDS[data["kind"]].colour if data.get("kind") in NODE_KINDS else "#888888"
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        size = float(round(4 + 2 * degree.get(node, 0) ** 0.5, 2))
        out.write("\n      " + _xml_element("node", {"id": str(node), "label": label})[:-3] + ">\n        "
                  + _xml_element("viz:color", {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"}) + "\n        "
                  + _xml_element("viz:size", {"value": str(size)}) + attvalues("node", data) + "\n      </node>")
    if any_node:
        out.write("\n    </nodes>")
    edges = 0
    for u, v, key, data in _plain_edges(G, wanted, True):
        opening = {"source": str(u), "target": str(v), "id": str(edges)}
        if "weight" in data:
            opening["weight"] = str(data.pop("weight"))
        data["networkx_key"] = key
        out.write(("\n    <edges>" if not edges else "") + "\n      " + _xml_element("edge", opening)[:-3] + ">"
                  + attvalues("edge", data) + "\n      </edge>")
        edges += 1
    out.write("\n    </edges>" if edges else "\n    <edges />")
    out.write("\n  </graph>\n</gexf>\n")
    out.flush()


def _cell(value: Any) -> Any:
    """A CSV cell: a text that a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``-5 °C``,
    ``@SUM(...)`` from a title or a keyword) made plain text, as the suggestions' CSV does."""
    from .suggest import spreadsheet_text

    return spreadsheet_text(value) if isinstance(value, str) else value


def _write_csv(G: nx.MultiDiGraph, wanted: set[str], folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise OutputError("a CSV export is a folder (nodes.csv, edges.csv), and this is a file", path=str(folder))
    node_columns = sorted({_RENAMED.get(k, k) for _, d in G.nodes(data=True) for k, v in d.items() if v is not None}
                          - {"kind", "label"})
    edge_columns = sorted({k for _, _, key, d in G.edges(keys=True, data=True) if key in wanted
                           for k, v in d.items() if v is not None} - {"kind"})
    node_data = G._node
    written = []
    with atomic_open(folder / "nodes.csv") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "kind", "label", *node_columns])
        for node in sorted(node_data):
            data = {_RENAMED.get(k, k): _plain(v) for k, v in node_data[node].items() if v is not None}
            writer.writerow([_cell(x) for x in (node, data.get("kind", ""), data.get("label", ""),
                                                *(data.get(c, "") for c in node_columns))])
    written.append(folder / "nodes.csv")
    succ = G._succ
    with atomic_open(folder / "edges.csv") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "target", "kind", *edge_columns])
        for u, v, key in sorted((u, v, key) for u, v, key in G.edges(keys=True) if key in wanted):
            data = _plain_edge(succ[u][v][key], False)
            writer.writerow([_cell(x) for x in (u, v, key, *(data.get(c, "") for c in edge_columns))])
    written.append(folder / "edges.csv")
    return written
