"""qagraph.export: every export reads back with networkx with the same nodes and edges."""

from __future__ import annotations

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


def test_attributes_every_writer_accepts(kg):
    H = to_networkx(kg.graph, kinds=["related"])
    assert set(kinds_of(H)) == {"related"}
    for _, data in H.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
    with pytest.raises(qagraph.UsageError, match="unknown edge kind"):
        to_networkx(kg.graph, kinds=["friends"])


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
