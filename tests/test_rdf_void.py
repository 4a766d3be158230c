"""qagraph.rdf.void: the dataset description, built as triples from the statistics of every part."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from qagraph import __version__
from qagraph.errors import QagraphError
from qagraph.graph import build_graph
from qagraph.load import load_corpus as load
from qagraph.rdf import PartStats, write_rdf, write_void
from qagraph.rdf.vocab import QA, SCHEMA

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "rdf" / "hostile"
BASE = "https://example.org/kb/"
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
WHEN = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)


def described(path: Path) -> rdflib.Graph:
    g = rdflib.Graph().parse(str(path), format="turtle")
    assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) == len(g)  # pyoxigraph reads it too
    return g


def test_the_description_counts_what_the_parts_hold(tmp_path):
    G, _ = build_graph(load(HOSTILE))
    result = write_rdf(G, tmp_path, base_iri=BASE, formats=("nq", "ttl"), similarity="full", parts=3, built_at=WHEN,
                       source_digest="sha256:abc")
    g = described(result.void)
    ds = rdflib.URIRef(BASE + "dataset")
    total = result.stats.total
    assert g.value(ds, VOID.triples).toPython() == total
    assert sum(g.value(s, VOID.triples).toPython() for s in g.objects(ds, VOID.subset)) == total
    assert g.value(ds, rdflib.DCTERMS.created).toPython() == WHEN
    assert {str(o) for o in g.objects(ds, VOID.dataDump)} == {
        f"{BASE}rdf/part-00{i}.{s}" for i in range(3) for s in ("nq", "ttl")}
    assert {str(o) for o in g.objects(ds, VOID.feature)} == {
        "http://www.w3.org/ns/formats/N-Quads", "http://www.w3.org/ns/formats/Turtle"}
    assert {str(o) for o in g.objects(None, rdflib.URIRef(str(SCHEMA.softwareVersion)))} == {__version__}
    partitions = {str(g.value(p, VOID["class"])): g.value(p, VOID.entities).toPython()
                  for p in g.objects(ds, VOID.classPartition)}
    assert partitions[str(SCHEMA.Question)] == sum(k == "article" for _, k in G.nodes(data="kind"))
    assert partitions[str(QA.ExternalQuestion)] == sum(k == "stub" for _, k in G.nodes(data="kind"))
    assert g.value(ds, VOID.entities).toPython() == sum(partitions.values())
    source = g.value(ds, PROV.wasDerivedFrom)
    assert str(g.value(source, rdflib.RDFS.label)) == "hostile"  # the folder's name, never its path
    assert str(g.value(source, rdflib.DCTERMS.identifier)) == "sha256:abc"
    assert "2025-01-02" not in result.part_paths[0].read_text(encoding="utf-8")


def test_no_machine_in_it_same_content_elsewhere_gives_the_same_file_but_the_time(tmp_path):
    copies = []
    for name in ("a", "b"):
        content = tmp_path / name / "deep" / "content"
        shutil.copytree(HOSTILE, content)
        G, _ = build_graph(load(content))
        out = tmp_path / f"out-{name}" / "x"
        result = write_rdf(G, out, base_iri=BASE, similarity="full", built_at=WHEN + dt.timedelta(hours=len(copies)),
                           source_name="content", source_digest="sha256:same")
        text = result.void.read_text(encoding="utf-8")
        for needle in (str(tmp_path), "file:", "/tmp", str(Path.home())):
            assert needle not in text, needle
        copies.append(text)
    strip = lambda text: [line for line in text.splitlines() if "2025-01-02" not in line]  # noqa: E731
    assert copies[0] != copies[1] and strip(copies[0]) == strip(copies[1])


def test_void_from_kept_statistics_equals_void_from_a_full_write(tmp_path):
    G, _ = build_graph(load(HOSTILE))
    full = write_rdf(G, tmp_path / "a", base_iri=BASE, parts=4, built_at=WHEN, source_name="content")
    kept = {i: PartStats.from_dict(r.stats.as_dict()) for i, r in full.written.items()}  # as a pipeline keeps them
    again = write_void(tmp_path / "b", [kept[i] for i in range(4)], base_iri=BASE, built_at=WHEN, source_name="content")
    assert again.read_bytes() == full.void.read_bytes()


def test_a_dump_base_names_where_the_files_are_published(tmp_path):
    path = write_void(tmp_path, [PartStats({"content": 3}, {})], base_iri=BASE, dump_base="https://data.example/dl/",
                      built_at=WHEN)
    g = described(path)
    assert {str(o) for o in g.objects(None, VOID.dataDump)} == {"https://data.example/dl/part-000.nq"}


def test_no_statistics_is_an_error(tmp_path):
    with pytest.raises(QagraphError, match="statistics"):
        write_void(tmp_path, [])
