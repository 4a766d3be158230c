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
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import OutputError, UsageError
from .fileio import atomic_open
from .kinds import EDGE_KINDS, NODE_KINDS

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
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
    wanted = set(EDGE_KINDS if kinds is None else kinds)
    unknown = wanted - set(EDGE_KINDS)
    if unknown:
        raise UsageError(f"unknown edge kind(s): {', '.join(sorted(unknown))} (known: {', '.join(EDGE_KINDS)})")
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
    other formats write one file.

    Raises:
        UsageError: an unknown format or edge kind.
        OutputError: the file cannot be written.
    """
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")
    H = to_networkx(G, kinds=kinds, viz=fmt == "gexf", xml=fmt in ("graphml", "gexf"))
    target = Path(path)
    try:
        if fmt == "csv":
            return _write_csv(H, target)
        with atomic_open(target, "wb", devices=True) as handle:
            if fmt == "graphml":
                nx.write_graphml(H, handle, named_key_ids=True)
            elif fmt == "gexf":
                nx.write_gexf(H, handle, version="1.2draft")
            else:
                handle.write(_json(nx.node_link_data(H, edges="edges")).encode("utf-8"))
    except BrokenPipeError:  # -o /dev/stdout | head: the reader has what it wanted (the CLI ends with 141)
        raise
    except OSError as exc:
        raise OutputError(f"cannot write the export: {exc.strerror or exc}", path=str(target)) from None
    return [target]


def _write_csv(H: nx.MultiDiGraph, folder: Path) -> list[Path]:
    if folder.exists() and not folder.is_dir():
        raise OutputError("a CSV export is a folder (nodes.csv, edges.csv), and this is a file", path=str(folder))
    node_columns = sorted({k for _, d in H.nodes(data=True) for k in d} - {"kind", "label"})
    edge_columns = sorted({k for _, _, d in H.edges(data=True) for k in d} - {"kind"})
    written = []
    with atomic_open(folder / "nodes.csv") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "kind", "label", *node_columns])
        for node, data in sorted(H.nodes(data=True)):
            writer.writerow([node, data.get("kind", ""), data.get("label", ""), *(data.get(c, "") for c in node_columns)])
    written.append(folder / "nodes.csv")
    with atomic_open(folder / "edges.csv") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "target", "kind", *edge_columns])
        for u, v, key, data in sorted(H.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
            writer.writerow([u, v, key, *(data.get(c, "") for c in edge_columns)])
    written.append(folder / "edges.csv")
    return written
