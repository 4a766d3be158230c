"""qagraph.kinds: one registry the graph, the RDF, the database, the views and the index all read.

Adding an edge kind touches the registry (and the ontology), and the code that makes the
edges; this test registers a kind, adds edges of it the way a builder would, and finds it
in every output without any other change.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import qagraph
from conftest import CONTENT
from qagraph.kinds import EDGE_KINDS, EdgeKind, EdgeStyle, edge_kind, link_kinds, register_edge_kind, registered
from qagraph.pipeline import write_outputs

CITES = EdgeKind(
    "cites", "cites", "citations", ("article",), ("article",), EdgeStyle("#1b7f5b", 1.2, arrows=True), link=True,
    predicates=("http://purl.org/dc/terms/references",), description="an article citing another",
)


def test_a_registered_kind_reaches_every_output(tmp_path: Path):
    kg = qagraph.build(CONTENT)
    G, report = kg.graph, kg.report()
    a, b = kg.article(165309), kg.article(165317)
    with registered(CITES):
        G.add_edge(a, b, key="cites", kind="cites")  # the code that creates the edges
        report["counts"]["edges"]["cites"] = 1
        write_outputs(G, report, tmp_path, outputs=("database", "rdf", "html", "report"), formats=("nt",))

        # the graph: a link kind, walked by neighbourhoods
        assert "cites" in [k.name for k in link_kinds()]
        assert b in qagraph.KnowledgeGraph.from_graph(G, report).neighbourhood(a, kinds=["cites"])
        # RDF: its predicate
        nt = "".join(p.read_text() for p in sorted((tmp_path / "rdf").glob("part-*.nt")))
        assert "<http://purl.org/dc/terms/references>" in nt
        # the database: the edge and the kind's description
        con = sqlite3.connect(tmp_path / "qagraph.db")
        assert con.execute("SELECT count(*) FROM edges WHERE kind = 'cites'").fetchone()[0] == 1
        assert con.execute("SELECT label FROM edge_kinds WHERE kind = 'cites'").fetchone()[0] == "cites"
        # the views: the subject view of the citing article offers the kind in its filter and legend
        biology = (tmp_path / "views" / "subject-biology.html").read_text()
        assert '"kind":"cites"' in biology and "citations" in biology
        # the index: a row for the kind
        index = (tmp_path / "index.html").read_text()
        assert "citations" in index and "an article citing another" in index
        # the report
        assert json.loads((tmp_path / "report.json").read_text())["counts"]["edges"]["cites"] == 1
    assert "cites" not in EDGE_KINDS  # registered() undoes itself


def test_registry_refuses_a_second_kind_of_the_same_name():
    with pytest.raises(ValueError, match="already registered"):
        register_edge_kind(EDGE_KINDS["related"])
    with pytest.raises(KeyError, match="unknown edge kind 'friends'"):
        edge_kind("friends")


def test_every_registered_kind_is_described_and_styled():
    for kind in EDGE_KINDS.values():
        assert kind.label and kind.plural and kind.description, kind.name
        assert kind.style.colour.startswith("#"), kind.name
        assert all(p.startswith(("http://", "https://")) for p in kind.predicates), kind.name


def test_a_registered_weighted_link_kind_is_weighted_everywhere_at_once():
    """The atlas, the layout and the views' update ask the registry each time which link kinds
    carry a weight: a kind registered while running counts from then on."""
    from dataclasses import replace

    from qagraph.kinds import EDGE_KINDS, edge_kind, register_edge_kind, weighted_link_kinds

    assert weighted_link_kinds() == {"similar"}
    plugin = replace(edge_kind("similar"), name="plugin-similar", label="plugin similar")
    register_edge_kind(plugin)
    try:
        assert weighted_link_kinds() == {"similar", "plugin-similar"}
    finally:
        del EDGE_KINDS["plugin-similar"]
    assert weighted_link_kinds() == {"similar"}
