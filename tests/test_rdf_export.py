"""qagraph.rdf.export, triples and syntax: the part files, their round trip in four parsers, their bytes."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from qagraph.errors import QagraphError
from qagraph.graph import build_graph
from qagraph.kinds import EdgeKind, EdgeStyle, registered
from qagraph.load import load_corpus as load
from qagraph.rdf import (
    DEFAULT_BASE_IRI, FORMATS, IRIs, PREFIXES, generate, part_count, part_of, to_rdflib, write_rdf,
)
from qagraph.rdf.iri import check_base_iri
from qagraph.rdf.triples import date_literal, decimal_lexical, escape
from qagraph.rdf.vocab import QA, SCHEMA, SKOS, XSD

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rdf"
HOSTILE = FIXTURES / "hostile"
ALL = tuple(FORMATS)
BASE = "https://example.org/kb/"
SITE = "https://site.example/"
TOOL_SYNTAX = {"nq": "nquads", "trig": "trig", "ttl": "turtle", "nt": "ntriples"}

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


@pytest.fixture(scope="module")
def medium(tmp_path_factory: pytest.TempPathFactory) -> nx.MultiDiGraph:
    """300 generated articles, shaped like the real corpus: enough for 8 parts with something in each."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from generate import generate as make_corpus

    root = tmp_path_factory.mktemp("medium") / "content"
    make_corpus(root, 300, seed=1)
    return graph_of(root)


def merged(ds: rdflib.Dataset) -> rdflib.Graph:
    g = rdflib.Graph()
    for s, p, o, _ in ds.quads():
        g.add((s, p, o))
    return g


def parse_rdflib(path: Path) -> rdflib.Dataset:
    ds = rdflib.Dataset()
    ds.parse(str(path), format=FORMATS[path.suffix[1:]].rdflib)
    return ds


def ox_triples(path: Path) -> set:
    return {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=FORMATS[path.suffix[1:]].ox)}


# -- round trip --------------------------------------------------------------------------


@pytest.mark.parametrize("corpus", ["small", "hostile"])
@pytest.mark.parametrize("similarity", ["links", "full"])
def test_every_format_parses_in_rdflib_isomorphic_to_the_graph_built_in_memory(corpus, similarity, request, tmp_path):
    G = request.getfixturevalue(corpus)
    result = write_rdf(G, tmp_path, base_iri=BASE, formats=ALL, similarity=similarity, site_url=SITE)
    assert [p.name for p in result.part_paths] == [f"part-000.{f}" for f in ALL]
    reference = to_rdflib(G, BASE, similarity=similarity, site_url=SITE)
    whole = merged(reference)
    assert len(whole) == result.stats.total
    for path in result.part_paths:
        parsed = parse_rdflib(path)
        assert isomorphic(merged(parsed), whole), path.name
        if FORMATS[path.suffix[1:]].quads:  # each named graph holds its own statements
            for name in ("content", "similarity"):
                graph = rdflib.URIRef(IRIs(BASE).graph(name))
                assert isomorphic(parsed.graph(graph), reference.graph(graph)), (path.name, name)
                assert len(reference.graph(graph)) > 0


@pytest.mark.parametrize("corpus", ["small", "hostile"])
def test_every_format_parses_in_pyoxigraph_with_the_same_triples(corpus, request, tmp_path):
    G = request.getfixturevalue(corpus)
    result = write_rdf(G, tmp_path, base_iri=BASE, formats=ALL, similarity="full", site_url=SITE)
    expected = None
    for path in result.part_paths:
        quads = list(ox.parse(path=str(path), format=FORMATS[path.suffix[1:]].ox))
        triples = {(q.subject, q.predicate, q.object) for q in quads}
        expected = expected or triples
        assert triples == expected, path.name
        if FORMATS[path.suffix[1:]].quads:
            assert {q.graph_name.value for q in quads} == {IRIs(BASE).graph("content"), IRIs(BASE).graph("similarity")}
    assert len(expected) == result.stats.total


@pytest.mark.parametrize("tool", ["rapper", "serdi"])
@pytest.mark.parametrize("suffix", list(TOOL_SYNTAX))
def test_debian_parsers_read_every_format_with_the_same_triples(tool, suffix, hostile, tmp_path):
    """raptor2 (rapper) and serd (serdi), installed by `make test`: independent C parsers."""
    binary = shutil.which(tool)
    assert binary, f"{tool} is missing: `make rdf-tools` (apt-get install raptor2-utils serdi) installs it"
    result = write_rdf(hostile, tmp_path, base_iri=BASE, formats=(suffix,), similarity="full", site_url=SITE)
    [path] = result.part_paths
    out = ["-o", "nquads"] if tool == "rapper" else ["-o", "nquads"]
    command = [binary, "-q", "-i", TOOL_SYNTAX[suffix], *out, str(path)] if tool == "rapper" else \
        [binary, "-i", TOOL_SYNTAX[suffix], *out, str(path)]
    run = subprocess.run(command, capture_output=True, check=False)
    assert run.returncode == 0, run.stderr.decode()
    parsed = {(q.subject, q.predicate, q.object) for q in ox.parse(run.stdout, format=ox.RdfFormat.N_QUADS)}
    assert parsed == ox_triples(path)
    assert len(parsed) == result.stats.total


def test_hostile_strings_survive_in_every_literal_and_iri(hostile, tmp_path):
    """Quotes, backslashes, newlines, <script>, emoji, RTL, #, %, spaces, controls: back as they were."""
    result = write_rdf(hostile, tmp_path, base_iri=BASE, formats=ALL, site_url=SITE)
    iris = IRIs(BASE)
    article = next(n for n, d in hostile.nodes(data=True) if d["kind"] == "article" and "😀" in n)
    data = hostile.nodes[article]
    s = iris.article(data["key"])
    expected = {str(SCHEMA.name): data["title"], str(SCHEMA.author): data["author"],
                str(SCHEMA.description): data["description"]}
    for text in expected.values():
        assert any(c in text for c in '"\\<#%😀')
    assert "\n" in data["author"] and "\x01" in data["author"] and "\u202e" in data["author"]
    keyword_iris = {iris.keyword(k) for k in data["keywords"]}
    answer = data["answer"]
    for path in result.part_paths:
        for parser in ("rdflib", "pyoxigraph"):
            if parser == "rdflib":
                g = merged(parse_rdflib(path))
                values = {str(p): str(o) for p, o in g.predicate_objects(rdflib.URIRef(s))
                          if isinstance(o, rdflib.Literal)}
                kws = {str(o) for o in g.objects(rdflib.URIRef(s), rdflib.URIRef(str(SCHEMA.keywords)))}
                answers = {str(o) for o in g.objects(None, rdflib.URIRef(str(SCHEMA.text)))}
                urls = {str(o) for o in g.objects(rdflib.URIRef(s), rdflib.URIRef(str(SCHEMA.url)))}
            else:
                quads = list(ox.parse(path=str(path), format=FORMATS[path.suffix[1:]].ox))
                values = {q.predicate.value: q.object.value for q in quads
                          if q.subject.value == s and isinstance(q.object, ox.Literal)}
                kws = {q.object.value for q in quads if q.subject.value == s and q.predicate.value == str(SCHEMA.keywords)}
                answers = {q.object.value for q in quads if q.predicate.value == str(SCHEMA.text)}
                urls = {q.object.value for q in quads if q.subject.value == s and q.predicate.value == str(SCHEMA.url)}
            for p, text in expected.items():
                assert values[p] == text, (path.name, parser, p)
            assert kws == keyword_iris, (path.name, parser)
            assert answer in answers, (path.name, parser)
            assert len(urls) == 1 and next(iter(urls)).startswith(SITE), (path.name, parser)


def test_a_lone_surrogate_becomes_a_replacement_character(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("subject:s", kind="subject", slug="s", label="bad \ud800 label", labels=("bad \ud800 label",), articles=0)
    for suffix in ALL:
        [path] = write_rdf(G, tmp_path / suffix, base_iri=BASE, formats=(suffix,)).part_paths
        assert "bad \ufffd label" in path.read_text(encoding="utf-8")
        assert isomorphic(merged(parse_rdflib(path)), merged(to_rdflib(G, BASE)))


# -- what the files say --------------------------------------------------------------------


def count_class(g: rdflib.Graph, cls) -> int:
    return len(set(g.subjects(rdflib.RDF.type, rdflib.URIRef(str(cls)))))


def test_counts_agree_with_the_networkx_graph(small):
    g = merged(to_rdflib(small, BASE, similarity="full"))
    kinds = [d["kind"] for _, d in small.nodes(data=True)]
    edges = [k for _, _, k in small.edges(keys=True)]
    assert count_class(g, SCHEMA.Question) == kinds.count("article")
    assert count_class(g, QA.ExternalQuestion) == kinds.count("stub") == 1
    assert count_class(g, SKOS.Concept) == kinds.count("subject") + kinds.count("keyword")
    assert count_class(g, QA.Similarity) == edges.count("similar") > 0
    assert len(list(g.triples((None, rdflib.URIRef(str(QA.similarTo)), None)))) == 2 * edges.count("similar")
    assert len(list(g.triples((None, rdflib.DCTERMS.relation, None)))) == edges.count("related")
    assert len(list(g.triples((None, rdflib.URIRef(str(SCHEMA.keywords)), None)))) == edges.count("keyword")


def test_a_stub_is_an_external_question_and_not_a_schema_question(small):
    g = merged(to_rdflib(small, BASE, site_url=SITE))
    stub = rdflib.URIRef(IRIs(BASE).article("/learn/biology/questions/gone"))
    assert set(g.objects(stub, rdflib.RDF.type)) == {rdflib.URIRef(str(QA.ExternalQuestion))}
    assert g.value(stub, rdflib.URIRef(str(SCHEMA.name))) == rdflib.Literal("Not here?")
    assert g.value(stub, rdflib.URIRef(str(SCHEMA.identifier))) == rdflib.Literal(77)
    assert g.value(stub, rdflib.URIRef(str(SCHEMA.url))) == rdflib.URIRef(SITE + "learn/biology/questions/gone")
    assert g.value(stub, rdflib.URIRef(str(SCHEMA.acceptedAnswer))) is None


def test_schema_url_is_an_absolute_iri_with_site_url_and_absent_without(small):
    with_site = merged(to_rdflib(small, BASE, site_url="https://site.example"))
    urls = list(with_site.objects(None, rdflib.URIRef(str(SCHEMA.url))))
    assert urls and all(isinstance(u, rdflib.URIRef) and str(u).startswith("https://site.example/learn/") for u in urls)
    without = merged(to_rdflib(small, BASE))
    assert not list(without.objects(None, rdflib.URIRef(str(SCHEMA.url))))


def test_odd_urls_give_valid_schema_urls_or_none_and_every_format_loads(tmp_path):
    """``[`` in a url made an IRI Oxigraph refuses (the whole part, so the whole build); a url
    whose host or port is invalid can be no IRI at all, and a script url is no page: neither
    gets a schema:url."""
    from conftest import article_text, write_article

    root = tmp_path / "content"
    write_article(root, "biology/a.md", article_text("A?", "/learn/biology/questions/a[1]", id=1, related=[
        {"id": 9, "title": "Bad port?", "subject": "Biology", "url": "https://x:port/b"}]))
    write_article(root, "biology/c.md", article_text("C?", "https://[zz]/c", id=2))
    write_article(root, "biology/d.md", article_text("D?", "javascript:alert(document.domain)", id=3, related=[
        {"id": 8, "title": "Script?", "subject": "Biology", "url": "javascript:alert(11)"}]))
    result = write_rdf(graph_of(root), tmp_path / "out", base_iri=BASE, formats=ALL, site_url=SITE)
    for path in result.part_paths:
        triples = ox_triples(path)  # raises on an IRI Oxigraph refuses
        assert len(triples) == result.stats.total, path.name  # none dropped (Oxigraph's JSON-LD drops bad IRIs)
        urls = {o.value for _, p, o in triples if p.value == str(SCHEMA.url)}
        assert urls == {SITE + "learn/biology/questions/a%5B1%5D"}, path.name


def test_answers_live_in_their_articles_document(small):
    """Each article with an answer has one, in its own document (``#answer``), holding its text;
    (the loop alone checked nothing if no answer was written)."""
    g = merged(to_rdflib(small, BASE))
    pairs = list(g.subject_objects(rdflib.URIRef(str(SCHEMA.acceptedAnswer))))
    answers = sorted(d["answer"] for _, d in small.nodes(data=True) if d.get("kind") == "article" and d.get("answer"))
    assert len(pairs) == len(answers) == 3
    for q, a in pairs:
        assert str(a) == str(q) + "#answer"
        assert (a, rdflib.RDF.type, rdflib.URIRef(str(SCHEMA.Answer))) in g
    assert sorted(str(g.value(a, rdflib.URIRef(str(SCHEMA.text)))) for _, a in pairs) == answers


def test_spelling_variants_are_alt_labels(small):
    g = merged(to_rdflib(small, BASE))
    biology = rdflib.URIRef(IRIs(BASE).keyword("biology"))
    labels = {str(g.value(biology, rdflib.SKOS.prefLabel))} | {str(o) for o in g.objects(biology, rdflib.SKOS.altLabel)}
    assert labels == {"Biology", "biology"}


def test_weights_and_dates_are_typed_literals(small, hostile):
    g = merged(to_rdflib(small, BASE, similarity="full"))
    weights = list(g.objects(None, rdflib.URIRef(str(QA.weight))))
    assert weights and all(w.datatype == rdflib.URIRef(str(XSD.decimal)) and 0 < w.toPython() <= 1 for w in weights)
    dates = {o.datatype for o in merged(to_rdflib(hostile, BASE)).objects(None, rdflib.URIRef(str(SCHEMA.dateCreated)))}
    assert dates == {rdflib.URIRef(str(XSD.date)), rdflib.URIRef(str(XSD.dateTime))}


@pytest.mark.parametrize("similarity", ["none", "links", "full"])
def test_similarity_detail_is_a_choice(small, similarity, tmp_path):
    result = write_rdf(small, tmp_path, base_iri=BASE, formats=("trig",), similarity=similarity)
    ds = parse_rdflib(result.part_paths[0])
    sim = ds.graph(rdflib.URIRef(IRIs(BASE).graph("similarity")))
    pairs = sum(1 for *_, k in small.edges(keys=True) if k == "similar")
    links = len(list(sim.triples((None, rdflib.URIRef(str(QA.similarTo)), None))))
    records = count_class(sim, QA.Similarity)
    assert (links, records) == {"none": (0, 0), "links": (2 * pairs, 0), "full": (2 * pairs, pairs)}[similarity]
    assert result.stats.triples.get("similarity", 0) == len(sim)
    assert ("similarity" in result.stats.triples) == (similarity != "none")


def test_literal_forms():
    assert escape('a"b\\c\nd\re\tf\x01\x7f\x08\x0c') == 'a\\"b\\\\c\\nd\\re\\tf\\u0001\\u007F\\b\\f'
    # printable once replaced; unprintable but with nothing to escape (kept as is); a lone surrogate
    assert escape('say "hi"\n') == 'say \\"hi\\"\\n'
    assert escape("a\u00a0b\u2028c\u200b\n") == "a\u00a0b\u2028c\u200b\\n"
    assert escape("x\ud800\ny") == "x\ufffd\\ny"
    assert decimal_lexical(0.2389) == "0.2389" and decimal_lexical(1) == "1.0" and decimal_lexical(5e-07) == "0.0000005"
    with pytest.raises(QagraphError):
        decimal_lexical(float("nan"))
    assert date_literal("2025-01-26T10:00:00Z")[1].endswith("#dateTime")
    assert date_literal("2025-13-01") == ("2025-13-01", "")


_base_pieces = st.sampled_from(["x", "a/", ".", "..", "./", "../", "?", "?q=", "%2E", "%2e%2E/", "/", "//", "é"])


@given(st.lists(_base_pieces, max_size=5).map("".join))
@settings(max_examples=100, deadline=None)
def test_every_base_iri_accepted_gives_the_same_triples_in_every_syntax(tail):
    """Turtle, TriG and JSON-LD write IRIs relative to @base; resolving them must give what N-Quads
    says, in Oxigraph and in raptor (which, as RFC 3986 says, removes dot segments: Oxigraph and
    serd do not, so a base with them gave each parser its own IRIs)."""
    base = f"https://ex.org/{tail}/"
    try:
        check_base_iri(base)
    except QagraphError:
        return
    G = nx.MultiDiGraph()
    G.add_node("subject:s", kind="subject", slug="s", label="S", labels=("S",), articles=0)
    G.add_node("keyword:k", kind="keyword", key="k", label="k", labels=("k",))
    triples = {}
    for suffix in ALL:
        text = "".join(t for _, t in generate(G, suffix, base_iri=base))
        triples[suffix] = {(q.subject, q.predicate, q.object) for q in ox.parse(text, format=FORMATS[suffix].ox)}
    assert all(t == triples["nq"] for t in triples.values()), base
    turtle = "".join(t for _, t in generate(G, "ttl", base_iri=base)).encode()
    run = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", "-", base], input=turtle,
                         capture_output=True, check=True)
    raptor = {(q.subject, q.predicate, q.object) for q in ox.parse(run.stdout, format=ox.RdfFormat.N_TRIPLES)}
    assert raptor == triples["nq"], base


@pytest.mark.parametrize("base", ["urn:x:kb/", "tag:example.org,2024:kb/", "HTTPS://EXAMPLE.ORG/kb/",
                                  "https://example.org/kb//", "https://example.org/a//b/"])
def test_a_base_iri_rdflib_cannot_resolve_against_gives_whole_iris(base, small):
    """rdflib refused the Turtle and TriG of a base without "//" ("Base <urn:x:kb/> has no slash after
    colon") and its JSON-LD parser dropped their statements, lowercased an upper-case scheme and merged
    an empty path segment ("kb//article/x" read as "kb/article/x"): each syntax named other resources
    than N-Quads. Such a base gets every IRI written whole."""
    graphs = {}
    for suffix in ALL:
        ds = rdflib.Dataset()
        ds.parse(data="".join(t for _, t in generate(small, suffix, base_iri=base)), format=FORMATS[suffix].rdflib)
        graphs[suffix] = merged(ds)
    assert all(isomorphic(g, graphs["nq"]) for g in graphs.values()), base
    assert len(graphs["nq"]) and all(str(s).startswith(base) for s in graphs["nq"].subjects() if isinstance(s, rdflib.URIRef))


_url_pieces = st.sampled_from(["[", "]", ":", "@", "@a", "_:", "%", "%zz", "#", "?", "/", "//", "..", ".", " ", "\\", "\u00fc", "!",
                               "https://", "https://x:1/", "http://[::1]/", "javascript:", "?next=https://y", "#f"])


@given(st.lists(st.lists(st.one_of(_url_pieces, st.text(max_size=3)), min_size=1, max_size=8).map("".join),
                min_size=1, max_size=4, unique=True),
       st.sampled_from([BASE, "https://example.org/", SITE]))
@example(["/learn/x?next=https://y"], BASE)
@example(["@A"], BASE)  # "@A" is shaped like a JSON-LD keyword
@settings(max_examples=150, deadline=None)
def test_every_format_gives_the_same_triples_whatever_the_urls(urls, site):
    """With the site under the base, schema:url is written relative to it in Turtle, TriG and
    JSON-LD: /learn/x?next=https://y gave JSON-LD "learn/x?next=https://y", which JSON-LD reads
    as an absolute IRI (a ":" followed by "//"), and @A gave "@A", shaped like a keyword: Oxigraph
    dropped both triples."""
    G = nx.MultiDiGraph()
    for i, url in enumerate(urls):
        G.add_node(f"article:{url}", kind="article", key=url, url=url, title="t", question="q", answer="a", id=i)
    triples = {}
    for suffix in ALL:
        text = "".join(t for _, t in generate(G, suffix, base_iri=BASE, site_url=site))
        triples[suffix] = {(q.subject, q.predicate, q.object) for q in ox.parse(text, format=FORMATS[suffix].ox)}
    assert all(t == triples["nq"] for t in triples.values()), {k: len(v) for k, v in triples.items()}


@pytest.mark.parametrize("url", ["/learn/x?", "/learn/x;v=1", "/learn/x;", "/learn/a//b/", "/learn/x#", "/learn/x?q=1",
                                 "/learn/(x)+y,z=w"])
def test_jsonld_urls_under_the_base_read_the_same_in_rdflib(url):
    """With the site under the base, schema:url was written relative to it in JSON-LD, and rdflib
    resolves relative IRIs with urljoin and normpath: "learn/x?" lost its "?", "learn/x;v=1" its
    ";v=1", "learn/a//b/" became "learn/a/b/", so rdflib read another page's url than N-Quads
    gives (Oxigraph read it right). Such IRIs are written whole."""
    G = nx.MultiDiGraph()
    G.add_node(f"article:{url}", kind="article", key=url, url=url, title="t", question="q", answer="a", id=1)
    triples = {}
    for suffix in ("nq", "jsonld"):
        ds = rdflib.Dataset()
        ds.parse(data="".join(t for _, t in generate(G, suffix, base_iri=BASE, site_url=BASE + "site/")),
                 format=FORMATS[suffix].rdflib)
        triples[suffix] = set(merged(ds))
    assert triples["jsonld"] == triples["nq"], url
    assert any(str(p) == str(SCHEMA.url) for _, p, _ in triples["nq"])


def _oxigraph_reads_as_a_date(lexical: str, datatype: str) -> bool:
    """Whether Oxigraph holds the typed literal well-typed (an ill-typed one has no value to ask)."""
    store = ox.Store()
    query = f'SELECT (STR(YEAR(?d)) AS ?y) {{ BIND("{lexical}"^^<{datatype}> AS ?d) }}'
    return next(iter(store.query(query)))["y"] is not None


@given(st.integers(0, 23), st.integers(0, 99), st.sampled_from("+-"), st.sampled_from(["", ".5"]))
@settings(max_examples=300, deadline=None)
def test_a_date_time_is_typed_only_when_its_offset_is_one_xsd_allows(hours, minutes, sign, fraction):
    """2025-01-26T10:00:00+23:59 was typed xsd:dateTime (Python reads it), and Oxigraph held it
    ill-typed: XSD limits an offset to 14:00 either way."""
    text = f"2025-01-26T10:00:00{fraction}{sign}{hours:02d}:{minutes:02d}"
    lexical, datatype = date_literal(text)
    assert lexical == text
    assert (datatype == str(XSD.dateTime)) == _oxigraph_reads_as_a_date(text, str(XSD.dateTime)), text
    assert datatype in ("", str(XSD.dateTime))


@pytest.mark.parametrize(("text", "lexical", "datatype"), [
    ("2023-05-01 09:30:00 +0200", "2023-05-01T09:30:00+02:00", XSD.dateTime),  # Jekyll's documented form
    ("2023-05-01 9:30 -0500", "2023-05-01T09:30:00-05:00", XSD.dateTime),
    ("2023-05-01 09:30:00.25 UTC", "2023-05-01T09:30:00.25Z", XSD.dateTime),
    ("2023-05-01 09:30:00", "2023-05-01T09:30:00", XSD.dateTime),
    ("2023-05-01T09:30", "2023-05-01T09:30:00", XSD.dateTime),
    ("2023-05-01Z", "2023-05-01Z", XSD.date),
    ("2023-05-01+02:00", "2023-05-01+02:00", XSD.date),
    ("2023-05-01 25:30:00 +0200", "2023-05-01 25:30:00 +0200", ""),
    ("2023-05-01 09:30:00 +1500", "2023-05-01 09:30:00 +1500", ""),
    ("2023-02-30Z", "2023-02-30Z", ""),
])
def test_a_date_as_sites_write_it_is_a_typed_literal(text, lexical, datatype, tmp_path):
    """Jekyll documents a post's date as ``2023-05-01 09:30:00 +0200`` and reads it as that time; it
    was a plain string in the RDF, while ISO dates were xsd:dateTime, so a SPARQL sort or filter on
    schema:dateCreated left most of a Jekyll site's posts out. It is the xsd:dateTime XSD writes."""
    assert date_literal(text) == (lexical, str(datatype))
    if datatype:
        assert _oxigraph_reads_as_a_date(lexical, str(datatype))
    G = nx.MultiDiGraph()
    G.add_node("article:/a", kind="article", key="/a", url="/a", title="t", date=text)
    [path] = write_rdf(G, tmp_path, formats=("nt",)).part_paths
    [date] = [o for _, p, o in ox_triples(path) if p == ox.NamedNode(str(SCHEMA.dateCreated))]
    assert (date.value, date.datatype.value) == (lexical, str(datatype or XSD.string))


def test_generate_gives_the_file_text(small, tmp_path):
    result = write_rdf(small, tmp_path, base_iri=BASE, formats=("nt", "nq"))
    for suffix in ("nt", "nq"):
        text = "".join(t for _, t in generate(small, suffix, base_iri=BASE))
        assert text == result.written[0].files[suffix].read_text(encoding="utf-8")


def test_turtle_trig_and_jsonld_bind_the_prefixes_and_the_base(small, tmp_path):
    files = write_rdf(small, tmp_path, base_iri=BASE, formats=("ttl", "trig", "jsonld")).written[0].files
    ttl = files["ttl"].read_text(encoding="utf-8")
    assert ttl.startswith(f"@base <{BASE}> .\n")
    for prefix, ns in PREFIXES.items():
        assert f"@prefix {prefix}: <{ns}> ." in ttl
    assert "<article/learn/biology/questions/cells> a schema:Question ;" in ttl and "qa:similarTo" in ttl
    trig = files["trig"].read_text(encoding="utf-8")
    assert "<graph/content> {" in trig and "<graph/similarity> {" in trig
    doc = json.loads(files["jsonld"].read_text(encoding="utf-8"))
    assert doc["@context"] == {"@base": BASE, **PREFIXES}
    graphs = {g["@id"]: g["@graph"] for g in doc["@graph"]}
    assert set(graphs) == {"graph/content", "graph/similarity"}
    cell = next(n for n in graphs["graph/content"] if n["@id"] == "article/learn/biology/questions/cells")
    assert cell["@type"] == "schema:Question" and cell["schema:name"] == "What is a cell?"
    assert {"@id": "subject/biology"} == cell["schema:about"]


# -- the registry: every edge kind, stated generically ---------------------------------------


def test_a_registered_edge_kind_appears_in_the_rdf_without_rdf_code(small, tmp_path):
    G = small.copy()
    a, b = "article:/learn/biology/questions/cells", "article:/learn/biology/questions/dna"
    kind = EdgeKind("sees", "sees", "sightings", ("article",), ("article",), EdgeStyle("#000"),
                    predicates=("https://example.org/vocab#sees",), graph="content")
    G.add_edge(a, b, key="sees", kind="sees")
    with pytest.raises(QagraphError, match="not registered"):
        write_rdf(G, tmp_path / "before", base_iri=BASE)
    with registered(kind):
        result = write_rdf(G, tmp_path / "after", base_iri=BASE, formats=("trig",))
    content = parse_rdflib(result.part_paths[0]).graph(rdflib.URIRef(IRIs(BASE).graph("content")))
    sees = rdflib.URIRef("https://example.org/vocab#sees")
    assert list(content.subject_objects(sees)) == [(rdflib.URIRef(IRIs(BASE).node(a)), rdflib.URIRef(IRIs(BASE).node(b)))]


def test_same_question_edges_are_stated_both_ways_in_the_content_graph(small, tmp_path):
    G = small.copy()
    a, b = "article:/learn/biology/questions/cells", "article:/learn/biology/questions/dna"
    G.add_edge(b, a, key="same-question", kind="same-question")  # stored from the second node: still stated once
    ds = to_rdflib(G, BASE)
    content = ds.graph(rdflib.URIRef(IRIs(BASE).graph("content")))
    same = rdflib.URIRef(str(QA.sameQuestionAs))
    ia, ib = (rdflib.URIRef(IRIs(BASE).node(n)) for n in (a, b))
    assert set(content.subject_objects(same)) == {(ia, ib), (ib, ia)}
    assert len(list(merged(ds).triples((None, same, None)))) == 2


# -- parts -----------------------------------------------------------------------------------


def test_part_count_and_part_of():
    assert [part_count(n) for n in (0, 1999, 2000, 2048, 2049, 4096, 4097, 36000, 65536, 65537, 262144, 262145,
                                    10**7)] == [1, 1, 32, 32, 64, 64, 128, 1024, 1024, 2048, 4096, 4096, 4096]
    assert part_of("article:/x", 1) == 0
    import hashlib
    node = "keyword:graph theory"
    assert part_of(node, 64) == int.from_bytes(hashlib.blake2b(node.encode(), digest_size=8).digest(), "big") % 64


def test_naming_and_writing_parts_loads_no_rdf_or_graph_library(tmp_path):
    """The views' process names the parts on the index page, and an edit's rebuild writes the parts
    it touches from what the database holds (:class:`~qagraph.rdf.triples.Adjacency`): neither loads
    rdflib, pyoxigraph or networkx (0.15 s of an edit's rebuild), while every name of ``qagraph.rdf``
    still resolves."""
    script = ("import sys\nfrom qagraph.rdf import RDF_DIR, part_count, part_of\n"
              "def loaded(): return sorted(m for m in ('rdflib', 'pyoxigraph', 'networkx') if m in sys.modules)\n"
              "from qagraph.pipeline import page_links\n"
              "links = page_links(['rdf', 'report'], 36000, ('nq',))\n"
              "print(links[1][0], loaded())\n"
              "from qagraph.rdf import write_rdf\nfrom qagraph.rdf.triples import Adjacency\n"
              "cs = {'kind': 'subject', 'slug': 'cs', 'label': 'CS', 'labels': ('CS',), 'articles': 0}\n"
              "G = Adjacency({'subject:cs': cs}, {'subject:cs': {}}, {'subject:cs': {}})\n"
              "done = write_rdf(G, sys.argv[1], formats=('nq', 'ttl'), parts=1, only={0}, void=False)\n"
              "print([p.name for p in done.part_paths], done.stats.triples, loaded())\n"
              "import qagraph.rdf as rdf\n"
              "print(all(getattr(rdf, name) is not None for name in rdf.__all__), 'rdflib' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "RDF: 1024 parts (nq) []", "['part-000.nq', 'part-000.ttl'] {'content': 9} []", "True False"]
    assert "/subject/cs> <http://www.w3.org/2004/02/skos/core#prefLabel> \"CS\"" in (
        tmp_path / "rdf" / "part-000.nq").read_text()


def test_parts_split_the_export_without_overlap(medium, tmp_path):
    one = write_rdf(medium, tmp_path / "one", base_iri=BASE, formats=("nq",), similarity="full", parts=1)
    eight = write_rdf(medium, tmp_path / "eight", base_iri=BASE, formats=("nq", "ttl"), similarity="full", parts=8)
    assert sorted(eight.written) == list(range(8))
    whole = ox_triples(one.part_paths[0])
    union: set = set()
    subjects_seen: dict = {}
    for i, part in eight.written.items():
        triples = ox_triples(part.files["nq"])
        assert triples == ox_triples(part.files["ttl"])
        assert part.stats.total == len(triples) > 0
        assert not union & triples
        union |= triples
        for s, p, o in triples:  # every typed resource is typed in one part only
            if p.value == str(rdflib.RDF.type):
                assert subjects_seen.setdefault(s, i) == i, s
    assert union == whole
    assert eight.stats.as_dict() == one.stats.as_dict()  # additive


def test_a_part_written_from_a_partial_graph_has_the_same_bytes(medium, tmp_path):
    """The incremental build: rewrite part i from a graph of part i's nodes (and every subject)."""
    P = 8
    full = write_rdf(medium, tmp_path, base_iri=BASE, formats=ALL, similarity="full", parts=P, site_url=SITE)
    before = {p: p.read_bytes() for p in full.part_paths}
    for i in (0, 5):
        keep = {n for n in medium if part_of(n, P) == i or medium.nodes[n]["kind"] == "subject"}
        ends = {v for n in keep for v in medium.successors(n)} | {u for n in keep for u in medium.predecessors(n)}
        partial = medium.subgraph(keep | ends).copy()
        for n in ends - keep:  # other parts' nodes: only their ids are there, no data
            kind = partial.nodes[n]["kind"]
            partial.nodes[n].clear()
            partial.nodes[n]["kind"] = kind
        again = write_rdf(partial, tmp_path, base_iri=BASE, formats=ALL, similarity="full", parts=P, only={i},
                          site_url=SITE)
        assert list(again.written) == [i]
        assert again.written[i].stats.as_dict() == full.written[i].stats.as_dict()
        for path in again.part_paths:
            assert path.read_bytes() == before[path], path.name
    assert {p: p.read_bytes() for p in full.part_paths} == before  # the other parts untouched


def test_only_rewrites_the_parts_named_and_a_full_write_removes_stale_parts(medium, tmp_path):
    write_rdf(medium, tmp_path, base_iri=BASE, formats=("nq", "ttl"), parts=8)
    folder = tmp_path / "rdf"
    stamp = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    os.utime(folder / "part-003.nq", ns=(1, 1))
    write_rdf(medium, tmp_path, base_iri=BASE, formats=("nq", "ttl"), parts=8, only={3})
    assert (folder / "part-003.nq").stat().st_mtime_ns != 1
    assert (folder / "part-004.nq").stat().st_mtime_ns == stamp["part-004.nq"]
    result = write_rdf(medium, tmp_path, base_iri=BASE, formats=("nq",), parts=2)
    assert sorted(p.name for p in folder.iterdir()) == ["part-000.nq", "part-001.nq", "void.ttl"]
    assert len(result.removed) == 16 - 2 + 0 and all(not p.exists() for p in result.removed)


def test_parallel_and_serial_writers_give_the_same_bytes(medium, tmp_path):
    a = write_rdf(medium, tmp_path / "a", base_iri=BASE, formats=ALL, parts=4, workers=1)
    b = write_rdf(medium, tmp_path / "b", base_iri=BASE, formats=ALL, parts=4, workers=3)
    assert [p.read_bytes() for p in a.part_paths] == [p.read_bytes() for p in b.part_paths]


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


def test_same_content_gives_byte_identical_files(small, tmp_path):
    first = write_rdf(small, tmp_path / "a", base_iri=BASE, formats=ALL, similarity="full")
    second = write_rdf(_shuffled_copy(small, 1), tmp_path / "b", base_iri=BASE, formats=ALL, similarity="full")
    for a, b in zip(list(first), list(second)):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_byte_identical_across_processes(tmp_path):
    """Another interpreter, another hash seed: the same bytes."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        code = (
            "import sys; from qagraph.load import load_corpus as load; from qagraph.graph import build_graph; "
            "from qagraph.rdf import write_rdf; G, _ = build_graph(load(sys.argv[1])); "
            "write_rdf(G, sys.argv[2], formats=('ttl', 'nt', 'trig', 'nq', 'jsonld'), similarity='full', parts=2)"
        )
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": "1700000000"}
        subprocess.run([sys.executable, "-c", code, str(HOSTILE), str(out)], check=True, env=env)
        outs.append(out)
    names = sorted(p.name for p in (outs[0] / "rdf").iterdir())
    assert len(names) == 11  # void.ttl too: the build time comes from SOURCE_DATE_EPOCH
    for name in names:
        assert (outs[0] / "rdf" / name).read_bytes() == (outs[1] / "rdf" / name).read_bytes(), name


def test_files_are_replaced_atomically_and_no_temporary_file_is_left(small, tmp_path, monkeypatch):
    write_rdf(small, tmp_path, base_iri=BASE, formats=ALL)
    before = {p.name: p.read_bytes() for p in (tmp_path / "rdf").iterdir()}
    from qagraph.rdf import syntax

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setitem(syntax.RENDERERS, "jsonld", broken)
    with pytest.raises(QagraphError, match="disk full"):
        write_rdf(small, tmp_path, base_iri="https://other.example/", formats=ALL, workers=1)
    after = {p.name: p.read_bytes() for p in (tmp_path / "rdf").iterdir()}
    assert after == before  # the old files, whole; no temporary file left behind


def test_bad_arguments_are_errors(small, tmp_path):
    with pytest.raises(QagraphError, match="unknown RDF format"):
        write_rdf(small, tmp_path, formats=("ttl", "rdfxml"))
    with pytest.raises(QagraphError, match="must end with"):
        write_rdf(small, tmp_path, base_iri="https://example.org/kb")
    with pytest.raises(QagraphError, match="unknown similarity"):
        write_rdf(small, tmp_path, similarity="some")
    with pytest.raises(QagraphError, match="do not exist"):
        write_rdf(small, tmp_path, parts=2, only={2})
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
    result = write_rdf(part, tmp_path, base_iri=BASE, formats=("nt",), similarity="full")
    report = validate(tmp_path, base_iri=BASE)
    assert report.conforms, report.text
    g = rdflib.Graph().parse(str(result.part_paths[0]), format="nt")
    assert set(g.objects(None, rdflib.URIRef(str(SCHEMA.keywords)))) == {rdflib.URIRef(IRIs(BASE).keyword("cells"))}
    assert set(g.objects(None, rdflib.URIRef(str(QA.sharedKeyword)))) <= {rdflib.URIRef(IRIs(BASE).keyword("cells"))}


# -- the package's surface ---------------------------------------------------------------------


def test_the_public_surface_is_all_and_no_function_shares_its_module_name():
    import importlib
    import pkgutil
    import types

    import qagraph.rdf as rdf

    public = {name for name, value in vars(rdf).items()
              if not name.startswith("_") and not isinstance(value, types.ModuleType)}
    assert public | set(rdf._HOME) == set(rdf.__all__)  # the rest is imported when first asked for
    assert all(getattr(rdf, name) is not None for name in rdf.__all__)
    assert rdf.__all__ == sorted(rdf.__all__, key=str.upper) or rdf.__all__ == sorted(rdf.__all__)
    for info in pkgutil.iter_modules(rdf.__path__):
        module = importlib.import_module(f"qagraph.rdf.{info.name}")
        assert info.name not in getattr(module, "__all__", []), f"qagraph.rdf.{info.name} exports {info.name}"
        for name in getattr(module, "__all__", []):
            assert hasattr(module, name), f"qagraph.rdf.{info.name}.__all__ names {name}, which it lacks"
