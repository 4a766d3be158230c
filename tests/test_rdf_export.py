"""qagraph.rdf.export and qagraph.rdf.triples: the files, their round trip and their bytes."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from qagraph.errors import QagraphError
from qagraph.graph import build_graph
from qagraph.load import load_corpus as load
from qagraph.rdf import DEFAULT_BASE_IRI, IRIs, generate_nquads, generate_ntriples, to_rdflib, write_rdf
from qagraph.rdf.triples import date_literal, decimal_lexical, escape
from qagraph.rdf.vocab import QA, SCHEMA, SKOS, XSD

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rdf"
HOSTILE = FIXTURES / "hostile"
ALL = ("ttl", "nt", "trig", "nq", "jsonld")
RDFLIB_FORMAT = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}
OX_FORMAT = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
             ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}
QUADS = {".trig", ".nq", ".jsonld"}
BASE = "https://example.org/kb/"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")


def graph_of(root: Path) -> nx.MultiDiGraph:
    G, _ = build_graph(load(root))
    return G


@pytest.fixture(scope="module")
def hostile() -> nx.MultiDiGraph:
    return graph_of(HOSTILE)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    from conftest import article_text, url_of, write_article

    root = tmp_path_factory.mktemp("small") / "content"
    a, b, c = (url_of("biology", s) for s in ("cells", "mitosis", "dna"))
    write_article(root, "biology/cells.md", article_text(
        "What is a cell?", a, id=1, keywords="Cells, Biology, membrane, organelles",
        related=[{"id": 2, "title": "Mitosis?", "subject": "Biology", "url": b}] * 2
        + [{"id": 77, "title": "Not here?", "subject": "Biology", "url": url_of("biology", "gone")}]))
    write_article(root, "biology/mitosis.md", article_text(
        "How does mitosis work?", b, id=2, keywords="cells, biology, mitosis, chromosomes"))
    write_article(root, "biology/dna.md", article_text(
        "What is DNA?", c, id=3, subject="biology", keywords="DNA, chromosomes, genes, Biology"))
    return graph_of(root)


def merged(ds: rdflib.Dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


def parse_rdflib(path: Path) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(str(path), format=RDFLIB_FORMAT[path.suffix])
    return ds


# -- round trip --------------------------------------------------------------------------


@pytest.mark.parametrize("corpus", ["small", "hostile"])
def test_every_file_parses_in_rdflib_isomorphic_to_the_graph_built_in_memory(corpus, request, tmp_path):
    G = request.getfixturevalue(corpus)
    paths = write_rdf(G, tmp_path, base_iri=BASE, formats=ALL)
    assert [p.name for p in paths] == [f"qagraph.{f}" for f in ALL] + ["void.ttl"]
    reference = to_rdflib(G, BASE)
    whole = merged(reference)
    for path in paths[:-1]:
        parsed = parse_rdflib(path)
        assert isomorphic(merged(parsed), whole), path.name
        if path.suffix in QUADS:  # each named graph holds its own part
            for name in ("content", "similarity"):
                graph = rdflib.URIRef(IRIs(BASE).graph(name))
                assert isomorphic(parsed.graph(graph), reference.graph(graph)), (path.name, name)
                assert len(reference.graph(graph)) > 0


@pytest.mark.parametrize("corpus", ["small", "hostile"])
def test_every_file_parses_in_pyoxigraph_with_the_same_triples(corpus, request, tmp_path):
    G = request.getfixturevalue(corpus)
    paths = write_rdf(G, tmp_path, base_iri=BASE, formats=ALL)
    expected = None
    for path in paths[:-1]:
        quads = list(ox.parse(path=str(path), format=OX_FORMAT[path.suffix]))
        triples = {(q.subject, q.predicate, q.object) for q in quads}
        expected = expected or triples
        assert triples == expected, path.name
        if path.suffix in QUADS:
            assert {q.graph_name.value for q in quads} == {IRIs(BASE).graph("content"), IRIs(BASE).graph("similarity")}
    assert len(expected) == len(merged(to_rdflib(G, BASE)))


def test_hostile_strings_survive_in_every_literal_and_iri(hostile, tmp_path):
    """Quotes, backslashes, newlines, <script>, emoji, RTL, #, %, spaces, controls: back as they were."""
    paths = write_rdf(hostile, tmp_path, base_iri=BASE, formats=ALL)
    iris = IRIs(BASE)
    article = next(n for n, d in hostile.nodes(data=True) if d["kind"] == "article" and "😀" in n)
    data = hostile.nodes[article]
    s = iris.article(data["key"])
    expected = {
        str(SCHEMA.name): data["title"], str(SCHEMA.url): data["url"],
        str(SCHEMA.author): data["author"], str(SCHEMA.description): data["description"],
    }
    for text in expected.values():
        assert any(c in text for c in '"\\<#%😀') or text == data["url"]
    assert "\n" in data["author"] and "\x01" in data["author"] and "\u202e" in data["author"]
    keyword_iris = {iris.keyword(k) for k in data["keywords"]}
    answer = hostile.nodes[article]["answer"]
    for path in paths[:-1]:
        for parser in ("rdflib", "pyoxigraph"):
            if parser == "rdflib":
                g = merged(parse_rdflib(path))
                values = {str(p): str(o) for p, o in g.predicate_objects(rdflib.URIRef(s))
                          if isinstance(o, rdflib.Literal)}
                kws = {str(o) for o in g.objects(rdflib.URIRef(s), rdflib.URIRef(str(SCHEMA.keywords)))}
                answers = {str(o) for o in g.objects(None, rdflib.URIRef(str(SCHEMA.text)))}
            else:
                quads = list(ox.parse(path=str(path), format=OX_FORMAT[path.suffix]))
                values = {q.predicate.value: q.object.value for q in quads
                          if q.subject.value == s and isinstance(q.object, ox.Literal)}
                kws = {q.object.value for q in quads if q.subject.value == s and q.predicate.value == str(SCHEMA.keywords)}
                answers = {q.object.value for q in quads if q.predicate.value == str(SCHEMA.text)}
            for p, text in expected.items():
                assert values[p] == text, (path.name, parser, p)
            assert kws == keyword_iris, (path.name, parser)
            assert answer in answers, (path.name, parser)


def test_hostile_iris_are_valid_for_both_parsers(hostile):
    iris = IRIs(BASE)
    for node in hostile.nodes:
        iri = iris.node(node)
        ox.NamedNode(iri)  # raises on an invalid IRI
        assert rdflib.URIRef(iri).n3() == f"<{iri}>"
        assert not set(iri) & set(' "<>\\^`{|}'), iri
        assert iri.isascii()


def test_a_lone_surrogate_becomes_a_replacement_character(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("subject:s", kind="subject", slug="s", label="bad \ud800 label", labels=("bad \ud800 label",), articles=0)
    write_rdf(G, tmp_path, base_iri=BASE, formats=("nt",))
    text = (tmp_path / "qagraph.nt").read_text(encoding="utf-8")
    assert "bad \ufffd label" in text
    assert isomorphic(rdflib.Graph().parse(str(tmp_path / "qagraph.nt"), format="nt"), merged(to_rdflib(G, BASE)))


# -- what the files say --------------------------------------------------------------------


def test_counts_agree_with_the_networkx_graph(small):
    g = merged(to_rdflib(small, BASE))

    def count(cls) -> int:
        return len(set(g.subjects(rdflib.RDF.type, rdflib.URIRef(str(cls)))))

    kinds = [d["kind"] for _, d in small.nodes(data=True)]
    edges = [k for _, _, k in small.edges(keys=True)]
    assert count(SCHEMA.Question) == kinds.count("article") + kinds.count("stub")
    assert count(QA.ExternalQuestion) == kinds.count("stub") == 1
    assert count(SKOS.Concept) == kinds.count("subject") + kinds.count("keyword")
    assert count(QA.Similarity) == edges.count("similar") > 0
    assert len(list(g.triples((None, rdflib.URIRef(str(QA.similarTo)), None)))) == 2 * edges.count("similar")
    assert len(list(g.triples((None, rdflib.DCTERMS.relation, None)))) == edges.count("related")
    assert len(list(g.triples((None, rdflib.URIRef(str(SCHEMA.keywords)), None)))) == edges.count("keyword")


def test_a_stub_is_a_question_flagged_outside_the_corpus(small):
    g = merged(to_rdflib(small, BASE))
    stub = rdflib.URIRef(IRIs(BASE).article("/learn/biology/questions/gone"))
    assert set(g.objects(stub, rdflib.RDF.type)) == {rdflib.URIRef(str(SCHEMA.Question)), rdflib.URIRef(str(QA.ExternalQuestion))}
    assert g.value(stub, rdflib.URIRef(str(SCHEMA.name))) == rdflib.Literal("Not here?")
    assert g.value(stub, rdflib.URIRef(str(SCHEMA.identifier))) == rdflib.Literal(77)
    assert g.value(stub, rdflib.URIRef(str(SCHEMA.acceptedAnswer))) is None


def test_spelling_variants_are_alt_labels(small):
    g = merged(to_rdflib(small, BASE))
    biology = rdflib.URIRef(IRIs(BASE).keyword("biology"))
    labels = {str(g.value(biology, rdflib.SKOS.prefLabel))} | {str(o) for o in g.objects(biology, rdflib.SKOS.altLabel)}
    assert labels == {"Biology", "biology"}


def test_weights_and_dates_are_typed_literals(small, hostile):
    g = merged(to_rdflib(small, BASE))
    weights = list(g.objects(None, rdflib.URIRef(str(QA.weight))))
    assert weights and all(w.datatype == rdflib.URIRef(str(XSD.decimal)) and 0 < w.toPython() <= 1 for w in weights)
    dates = {o.datatype for o in merged(to_rdflib(hostile, BASE)).objects(None, rdflib.URIRef(str(SCHEMA.dateCreated)))}
    assert dates == {rdflib.URIRef(str(XSD.date)), rdflib.URIRef(str(XSD.dateTime))}


def test_literal_forms():
    assert escape('a"b\\c\nd\re\tf\x01\x7f\x08\x0c') == 'a\\"b\\\\c\\nd\\re\\tf\\u0001\\u007F\\b\\f'
    assert decimal_lexical(0.2389) == "0.2389" and decimal_lexical(1) == "1.0" and decimal_lexical(5e-07) == "0.0000005"
    with pytest.raises(QagraphError):
        decimal_lexical(float("nan"))
    assert date_literal("2025-01-26T10:00:00Z")[1].endswith("#dateTime")
    assert date_literal("2025-13-01") == ("2025-13-01", "")


def test_generate_functions_give_the_file_text(small, tmp_path):
    write_rdf(small, tmp_path, base_iri=BASE, formats=("nt", "nq"), void=False)
    assert "".join(generate_ntriples(small, BASE)) == (tmp_path / "qagraph.nt").read_text(encoding="utf-8")
    assert "".join(generate_nquads(small, BASE)) == (tmp_path / "qagraph.nq").read_text(encoding="utf-8")


def test_turtle_binds_prefixes_and_trig_names_both_graphs(small, tmp_path):
    write_rdf(small, tmp_path, base_iri=BASE, formats=("ttl", "trig"))
    ttl = (tmp_path / "qagraph.ttl").read_text(encoding="utf-8")
    for prefix in ("qa", "schema", "skos", "dct", "xsd"):
        assert f"@prefix {prefix}: " in ttl
    assert " a schema:Question ;" in ttl and "qa:similarTo" in ttl
    trig = (tmp_path / "qagraph.trig").read_text(encoding="utf-8")
    assert f"<{BASE}graph/content> {{" in trig and f"<{BASE}graph/similarity> {{" in trig


# -- same content, same bytes; atomic files -----------------------------------------------


def _shuffled_copy(G: nx.MultiDiGraph, seed: int) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    nodes = list(G.nodes(data=True))
    edges = list(G.edges(keys=True, data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H


def test_same_content_gives_byte_identical_graph_files(small, tmp_path):
    first = write_rdf(small, tmp_path / "a", base_iri=BASE, formats=ALL)
    second = write_rdf(_shuffled_copy(small, 1), tmp_path / "b", base_iri=BASE, formats=ALL)
    for a, b in zip(first[:-1], second[:-1]):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_byte_identical_across_processes(tmp_path):
    """Another interpreter, another hash seed: the same bytes (pyoxigraph's prefix order too)."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        code = (
            "import sys; from qagraph.load import load_corpus as load; from qagraph.graph import build_graph; "
            "from qagraph.rdf import write_rdf; G, _ = build_graph(load(sys.argv[1])); "
            "write_rdf(G, sys.argv[2], formats=('ttl', 'nt', 'trig'))"
        )
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", code, str(HOSTILE), str(out)], check=True, env=env)
        outs.append(out)
    for name in ("qagraph.ttl", "qagraph.nt", "qagraph.trig"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes(), name
    assert (outs[0] / "void.ttl").exists()


def test_files_are_replaced_atomically_and_no_temporary_file_is_left(small, tmp_path, monkeypatch):
    write_rdf(small, tmp_path, base_iri=BASE, formats=ALL)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    import pyoxigraph

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pyoxigraph, "serialize", broken)
    with pytest.raises(OSError, match="disk full"):
        write_rdf(small, tmp_path, base_iri="https://other.example/", formats=ALL)
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert after == before  # the old files, whole; no .tmp or .src file left behind


def test_void_describes_the_dataset_in_its_own_file(small, tmp_path):
    import datetime as dt

    when = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    paths = write_rdf(small, tmp_path, base_iri=BASE, built_at=when, dump_base="https://data.example/dl/")
    void = rdflib.Graph().parse(str(paths[-1]), format="turtle")
    ox.Store().load(path=str(paths[-1]), format=ox.RdfFormat.TURTLE)  # pyoxigraph reads it too
    VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
    ds = rdflib.URIRef(BASE + "dataset")
    total = len(merged(to_rdflib(small, BASE)))
    assert void.value(ds, VOID.triples).toPython() == total
    subsets = {void.value(s, VOID.triples).toPython() for s in void.objects(ds, VOID.subset)}
    assert sum(subsets) == total
    assert void.value(ds, rdflib.DCTERMS.created).toPython() == when
    assert {str(o) for o in void.objects(ds, VOID.dataDump)} == {
        "https://data.example/dl/qagraph.ttl", "https://data.example/dl/qagraph.nt", "https://data.example/dl/qagraph.trig"}
    versions = {str(o) for o in void.objects(None, rdflib.URIRef(str(SCHEMA.softwareVersion)))}
    from qagraph import __version__
    assert versions == {__version__}
    partitions = {str(void.value(p, VOID["class"])): void.value(p, VOID.entities).toPython()
                  for p in void.objects(ds, VOID.classPartition)}
    assert partitions[str(SCHEMA.Question)] == sum(d["kind"] in ("article", "stub") for _, d in small.nodes(data=True))
    assert "2025-01-02" not in (tmp_path / "qagraph.ttl").read_text(encoding="utf-8")


def test_bad_arguments_are_errors(small, tmp_path):
    with pytest.raises(QagraphError, match="unknown RDF format"):
        write_rdf(small, tmp_path, formats=("ttl", "rdfxml"))
    with pytest.raises(QagraphError, match="must end with"):
        write_rdf(small, tmp_path, base_iri="https://example.org/kb")
    (tmp_path / "file").write_text("x")
    with pytest.raises(QagraphError, match="not a folder"):
        write_rdf(small, tmp_path / "file")


def test_the_default_base_iri_is_documented_and_valid():
    assert DEFAULT_BASE_IRI == "https://qagraph.example/id/"
    IRIs(DEFAULT_BASE_IRI)


def test_a_subgraph_without_some_keywords_exports_and_conforms(small, tmp_path):
    """kg.neighbourhood() and friends give subgraphs whose articles name keywords left out."""
    from qagraph.rdf import validate

    keep = [n for n, k in small.nodes(data="kind") if k != "keyword"] + ["keyword:cells"]
    part = small.subgraph(keep)
    write_rdf(part, tmp_path, base_iri=BASE, formats=("nt",))
    conforms, report = validate(tmp_path / "qagraph.nt", base_iri=BASE)
    assert conforms, report
    g = rdflib.Graph().parse(str(tmp_path / "qagraph.nt"), format="nt")
    assert set(g.objects(None, rdflib.URIRef(str(SCHEMA.keywords)))) == {rdflib.URIRef(IRIs(BASE).keyword("cells"))}
