"""qagraph.export: every export reads back with networkx with the same nodes and edges."""

from __future__ import annotations

import contextlib
import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import qagraph
from conftest import CONTENT
from qagraph.cli import cli
from qagraph.export import to_networkx, write_export


@pytest.fixture(scope="module")
def kg():
    return qagraph.build(CONTENT)


def kinds_of(G):
    return sorted(k for _, _, k in G.edges(keys=True))


def test_graphml_round_trip(kg, tmp_path: Path):
    [path] = write_export(kg.graph, tmp_path / "kg.graphml", "graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == kg.graph.number_of_nodes()
    assert back.number_of_edges() == kg.graph.number_of_edges()
    assert kinds_of(back) == kinds_of(kg.graph)
    node = "article:/learn/biology/questions/how-does-dna-replication-work"
    assert back.nodes[node]["title"] == kg.node(node)["title"]
    assert json.loads(back.nodes[node]["keywords"]) == list(kg.node(node)["keywords"])


def test_gexf_round_trip_with_viz(kg, tmp_path: Path):
    [path] = write_export(kg.graph, tmp_path / "kg.gexf", "gexf")
    text = path.read_text(encoding="utf-8")
    assert 'xmlns:viz' in text and "<viz:color" in text and "<viz:size" in text
    back = nx.read_gexf(path)
    assert back.number_of_nodes() == kg.graph.number_of_nodes()
    assert back.number_of_edges() == kg.graph.number_of_edges()


def test_node_link_json_round_trip(kg, tmp_path: Path):
    [path] = write_export(kg.graph, tmp_path / "kg.json", "json")
    back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert back.number_of_nodes() == kg.graph.number_of_nodes()
    assert back.number_of_edges() == kg.graph.number_of_edges()
    assert kinds_of(back) == kinds_of(kg.graph)


def test_csv_tables(kg, tmp_path: Path):
    nodes, edges = write_export(kg.graph, tmp_path / "tables", "csv")
    node_rows = list(csv.DictReader(nodes.open(encoding="utf-8")))
    edge_rows = list(csv.DictReader(edges.open(encoding="utf-8")))
    assert len(node_rows) == kg.graph.number_of_nodes() and len(edge_rows) == kg.graph.number_of_edges()
    back = nx.MultiDiGraph()
    back.add_nodes_from(r["id"] for r in node_rows)
    back.add_edges_from((r["source"], r["target"], r["kind"]) for r in edge_rows)
    assert sorted(back.edges(keys=True)) == sorted(kg.graph.edges(keys=True))


def test_csv_cells_that_a_spreadsheet_would_run_are_plain_text(tmp_path: Path):
    """A title, subject or keyword from the corpus such as ``=HYPERLINK("http://x","y")`` was written
    as it is into nodes.csv, which a spreadsheet runs as a formula (CSV injection)."""
    G = nx.MultiDiGraph()
    G.add_node("article:a", kind="article", label='=HYPERLINK("http://x","y")', title="+1", subject_label="@SUM(A1)",
               keywords=["-2+3"], score=-1.5)
    G.add_node("keyword:-2+3", kind="keyword", label="-2+3")
    G.add_edge("article:a", "keyword:-2+3", key="keyword", origin="=cmd")
    nodes, edges = write_export(G, tmp_path / "tables", "csv")
    rows = {r["id"]: r for r in csv.DictReader(nodes.open(encoding="utf-8"))}
    assert (rows["article:a"]["label"], rows["article:a"]["title"], rows["article:a"]["subject_label"]) == (
        "'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'@SUM(A1)")
    assert rows["article:a"]["keywords"] == '["-2+3"]' and rows["article:a"]["score"] == "-1.5"  # JSON, a number
    assert rows["keyword:-2+3"]["label"] == "'-2+3"
    assert next(csv.DictReader(edges.open(encoding="utf-8")))["origin"] == "'=cmd"


def test_attributes_every_writer_accepts(kg):
    H = to_networkx(kg.graph, kinds=["related"])
    assert set(kinds_of(H)) == {"related"}
    for _, data in H.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    with pytest.raises(qagraph.UsageError, match="unknown edge kind"):
        to_networkx(kg.graph, kinds=["friends"])


def test_one_kind_named_as_a_string_is_that_kind(kg):
    """kinds="related" (a str is an iterable of str) was read letter by letter: "unknown edge
    kind(s): a, d, e, l, r, t". It is the one kind, as kinds=["related"]."""
    assert kinds_of(to_networkx(kg.graph, kinds="related")) == kinds_of(to_networkx(kg.graph, kinds=["related"]))
    with pytest.raises(qagraph.UsageError, match=r"unknown edge kind\(s\): friends \("):
        to_networkx(kg.graph, kinds="friends")


def test_export_command_reads_the_build(tmp_path: Path):
    out = tmp_path / "build"
    assert CliRunner().invoke(cli, ["build", "-c", str(CONTENT), "-o", str(out), "-q"]).exit_code == 0
    result = CliRunner().invoke(cli, ["export", "-b", str(out), "-f", "graphml", "-o", str(tmp_path / "g.graphml")])
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True).number_of_nodes() > 49


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_of_text_holding_control_characters_parse(tmp_path: Path, fmt: str):
    """XML 1.0 cannot hold most control characters, not even as &#1;: a title holding ESC (a terminal's
    colour codes, which YAML writes as \\e) made a GraphML or GEXF file no reader opens. They are written
    as the escapes the terminal output shows; every other character reads back as it was."""
    G = nx.MultiDiGraph()
    G.add_node("article:/a\x01b", kind="article", title="ctrl \x1b[31mred\x1b[0m \ufffe end", keywords=("k\x0bey",))
    G.add_node("article:/c", kind="article", title="tab\there, é 😀 <b>&amp;</b>")
    G.add_edge("article:/a\x01b", "article:/c", key="related", origin="wiki\x00link")
    [path] = write_export(G, tmp_path / f"kg.{fmt}", fmt)
    back = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert sorted(back.nodes) == ["article:/a\\x01b", "article:/c"]
    assert back.nodes["article:/a\\x01b"]["title"] == "ctrl \\x1b[31mred\\x1b[0m \\ufffe end"
    assert back.nodes["article:/c"]["title"] == "tab\there, é 😀 <b>&amp;</b>"
    assert json.loads(back.nodes["article:/a\\x01b"]["keywords"]) == ["k\x0bey"]  # JSON text escapes it itself
    assert [d["origin"] for _, _, d in back.edges(data=True)] == ["wiki\\x00link"]


def _networkx_export(G, path: Path, fmt: str, kinds=None) -> list[Path]:
    """What the export wrote before it streamed: networkx's writers on :func:`to_networkx`'s copy."""
    H = to_networkx(G, kinds=kinds, viz=fmt == "gexf", xml=fmt in ("graphml", "gexf"))
    if fmt == "graphml":
        nx.write_graphml(H, path, named_key_ids=True)
    elif fmt == "gexf":
        nx.write_gexf(H, path, version="1.2draft")
    elif fmt == "json":
        path.write_text(json.dumps(nx.node_link_data(H, edges="edges"), ensure_ascii=False, separators=(",", ":"),
                                   sort_keys=True), encoding="utf-8")
    else:
        path.mkdir()
        node_columns = sorted({k for _, d in H.nodes(data=True) for k in d} - {"kind", "label"})
        edge_columns = sorted({k for _, _, d in H.edges(data=True) for k in d} - {"kind"})
        with (path / "nodes.csv").open("w", encoding="utf-8", newline="\n") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["id", "kind", "label", *node_columns])
            for node, data in sorted(H.nodes(data=True), key=lambda n: n[0]):
                writer.writerow([node, data.get("kind", ""), data.get("label", ""), *(data.get(c, "") for c in node_columns)])
        with (path / "edges.csv").open("w", encoding="utf-8", newline="\n") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(["source", "target", "kind", *edge_columns])
            for u, v, key, data in sorted(H.edges(keys=True, data=True), key=lambda e: e[:3]):
                writer.writerow([u, v, key, *(data.get(c, "") for c in edge_columns)])
        return [path / "nodes.csv", path / "edges.csv"]
    return [path]


def _odd_graph():
    G = nx.MultiDiGraph(source="odd", id="g1", settings={"k": (1, 2)}, nothing=None)
    G.add_node("article:/a\x01b", kind="article", title="ctrl \x1b[31m <b>&amp;</b> \"q\"\n", keywords=("k\x0bey",),
               id=7, score=1.5, no_index=False, date=None)
    G.add_node("article:/c", kind="article", title="é 😀", id="seven")  # an id of two types: two keys
    G.add_node("keyword:bare")  # no data at all
    G.add_edge("article:/a\x01b", "article:/c", key="related", kind="related", position=1, origin="wiki\x00link")
    G.add_edge("article:/c", "article:/a\x01b", key="similar", kind="similar", weight=0.25, shared=("x", "y"))
    return G


def _dynamic_graph():
    """Data GEXF reads as its own (a node's ``start``, an edge's ``label``): networkx's writer writes it."""
    G = nx.MultiDiGraph()
    G.add_node("a", kind="article", start=3, key="k")
    G.add_node("b", kind="subject")
    G.add_edge("a", "b", key="subject", kind="subject", label="x")
    return G


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv"])
@pytest.mark.parametrize("kinds", [None, ["similar"]])
@pytest.mark.parametrize("graph", ["content", "odd", "empty", "nodes only", "dynamic"])
def test_streamed_exports_are_the_bytes_networkx_writes(kg, tmp_path: Path, fmt: str, kinds, graph: str):
    """Every export is written node by node from the graph (not from a copy in a whole document:
    3.2 GB for the 36,000-article graph's GraphML, 3.6 GB for its GEXF), with the bytes networkx wrote."""
    G = {"content": lambda: kg.graph, "odd": _odd_graph, "empty": nx.MultiDiGraph, "dynamic": _dynamic_graph,
         "nodes only": lambda: nx.MultiDiGraph([("a", "b", "related")]).subgraph(["a"]).copy()}[graph]()
    streamed = write_export(G, tmp_path / f"new.{fmt}", fmt, kinds=kinds)
    expected = _networkx_export(G, tmp_path / f"old.{fmt}", fmt, kinds)
    assert [p.read_bytes() for p in streamed] == [p.read_bytes() for p in expected]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_exports_are_written_in_pieces_without_a_copy_of_the_graph(kg, tmp_path: Path, monkeypatch, fmt: str):
    """The file is written as the graph is read, a piece at a time, and no copy of the graph is made."""
    import qagraph.export as export

    def no_copy(*args, **kwargs):
        raise AssertionError("the graph was copied")

    monkeypatch.setattr(export, "to_networkx", no_copy)
    monkeypatch.setattr(export, "_CHUNK", 4096, raising=False)
    sizes: list[int] = []
    real_open = export.atomic_open

    @contextlib.contextmanager
    def recording(path, *args, **kwargs):
        with real_open(path, *args, **kwargs) as handle:
            class Recorded:
                def write(self, data: bytes) -> int:
                    sizes.append(len(data))
                    return handle.write(data)

            yield Recorded()

    monkeypatch.setattr(export, "atomic_open", recording)
    [path] = write_export(kg.graph, tmp_path / f"kg.{fmt}", fmt)
    assert len(sizes) > 20 and max(sizes) < 4096 * 8 and sum(sizes) == path.stat().st_size
