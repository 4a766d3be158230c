"""qagraph.rdf.vocab against ontology/: qa: terms defined there, reused terms listed, nothing else typed."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF as RDFNS, RDFS as RDFSNS

from qagraph import kinds
from qagraph.graph import build_graph
from qagraph.load import load_corpus as load
from qagraph.rdf import PREFIXES, write_rdf
from qagraph.rdf.shacl import ONTOLOGY, ONTOLOGY_DIR, SHAPES
from qagraph.rdf.vocab import QA, QA_NS, RDF, SCHEMA, VOCABULARIES, XSD, terms

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "rdf" / "hostile"
BUILTINS = (RDF, XSD)  # the language itself, not vocabulary terms to list
OWN = rdflib.URIRef(QA_NS[:-1])


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ONTOLOGY), format="turtle")


def reused_list() -> dict[str, str]:
    """The ontology's comment block of reused terms: full IRI -> note."""
    text = ONTOLOGY.read_text(encoding="utf-8")
    block = text.split("# -- reused terms\n", 1)[1].split("# -- end of reused terms", 1)[0]
    out = {}
    for line in block.splitlines():
        m = re.fullmatch(r"#\s+(\w+):(\w+)\s+(\S.*)", line)
        assert m, f"not a 'prefix:term  note' line in the reused-terms block: {line!r}"
        out[PREFIXES[m.group(1)] + m.group(2)] = m.group(3)
    return out


def used_terms() -> set[str]:
    return {str(t) for v in VOCABULARIES if v not in BUILTINS for t in terms(v)}


def test_the_package_finds_the_ontology_folder():
    assert ONTOLOGY_DIR.resolve() == (ROOT / "ontology").resolve()
    assert (ROOT / "qagraph" / "ontology").is_symlink()
    assert ONTOLOGY.is_file() and SHAPES.is_file()


def test_the_ontology_parses_in_rdflib_and_pyoxigraph(ontology):
    assert len(ontology) > 50
    assert len(list(ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE))) == len(ontology)
    assert (OWN, RDFNS.type, OWL.Ontology) in ontology


def test_the_ontology_types_only_its_own_terms(ontology):
    """No `schema:author a owl:DatatypeProperty`: other vocabularies define their terms themselves."""
    typing = {RDFNS.type, RDFSNS.subClassOf, RDFSNS.subPropertyOf, RDFSNS.domain, RDFSNS.range,
              RDFSNS.isDefinedBy, RDFSNS.label, RDFSNS.comment, OWL.inverseOf, OWL.equivalentClass,
              OWL.equivalentProperty}
    for s, p, o in ontology:
        if p in typing or str(p).startswith((str(OWL), str(RDFSNS))):
            assert str(s).startswith(QA_NS) or s == OWN, (s, p, o)


def test_the_ontology_defines_exactly_the_qa_terms_the_code_uses(ontology):
    own = {str(s) for s in ontology.subjects() if str(s).startswith(QA_NS)}
    assert own == {str(t) for t in terms(QA)}
    declarations = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for term in own:
        t = rdflib.URIRef(term)
        assert set(ontology.objects(t, RDFNS.type)) & declarations, term
        assert ontology.value(t, RDFSNS.label) is not None, term
        assert ontology.value(t, RDFSNS.comment) is not None, term
        assert ontology.value(t, RDFSNS.isDefinedBy) == OWN, term


def test_the_reused_terms_listed_are_exactly_those_the_code_uses():
    """The comment block says how each reused term is used; adding a term to the code means listing it."""
    listed = reused_list()
    reused = {t for t in used_terms() if not t.startswith(QA_NS)}
    assert set(listed) == reused, (set(listed) - reused, reused - set(listed))
    assert all(len(note) > 10 for note in listed.values())


def test_every_registered_edge_kind_predicate_is_defined_or_listed():
    known = used_terms()
    for kind in kinds.EDGE_KINDS.values():
        assert kind.predicates, kind.name
        for p in kind.predicates:
            assert p in known, f"edge kind {kind.name}: {p} is neither a qa: term nor a listed reused term"


def test_the_links_and_the_record(ontology):
    assert set(ontology.subjects(RDFSNS.domain, rdflib.URIRef(QA.Similarity))) == {
        rdflib.URIRef(t) for t in (QA.source, QA.target, QA.weight, QA.method, QA.sharedKeyword)}
    for link in (QA.similarTo, QA.sameQuestionAs):
        assert (rdflib.URIRef(link), RDFNS.type, OWL.SymmetricProperty) in ontology
    # an outside question is not a schema:Question, even under RDFS inference
    assert not list(ontology.objects(rdflib.URIRef(QA.ExternalQuestion), RDFSNS.subClassOf))


def test_a_misspelled_term_raises():
    with pytest.raises(AttributeError):
        SCHEMA.isRelatedTo  # domain: products and services; qagraph uses dct:relation
    with pytest.raises(AttributeError):
        QA.similar


def test_every_predicate_and_class_in_an_export_comes_from_the_vocabulary(tmp_path):
    G, _ = build_graph(load(HOSTILE))
    result = write_rdf(G, tmp_path, formats=("nq",), similarity="full", site_url="https://site.example/")
    known = used_terms() | {str(t) for v in BUILTINS for t in terms(v)}
    predicates: set[str] = set()
    classes: set[str] = set()
    for path in result.part_paths:
        quads = list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
        predicates |= {q.predicate.value for q in quads}
        classes |= {q.object.value for q in quads if q.predicate.value == str(RDFNS.type)}
    # what is checked is there (no part, or parts without these, would pass the checks below)
    assert {str(RDFNS.type), SCHEMA.acceptedAnswer, QA.similarTo} <= predicates, predicates
    assert {SCHEMA.Question, SCHEMA.Answer} <= classes, classes
    assert predicates <= known, predicates - known
    assert classes <= known, classes - known


def test_the_shapes_use_only_defined_terms():
    shapes = rdflib.Graph().parse(str(SHAPES), format="turtle")
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    known = used_terms() | {str(RDFNS.type)}
    mentioned = set(shapes.objects(None, SH.path)) | set(shapes.objects(None, SH["class"])) \
        | set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH.targetSubjectsOf)) \
        | set(shapes.objects(None, SH.disjoint)) | set(shapes.objects(None, SH.equals)) \
        | set(shapes.objects(None, SH.inversePath))
    iris = {str(m) for m in mentioned if isinstance(m, rdflib.URIRef)}
    assert iris and iris <= known, iris - known


def test_one_prefix_map():
    from qagraph.rdf import query, syntax, void

    assert query.PREFIXES is PREFIXES and syntax.PREFIXES is PREFIXES and void.PREFIXES is PREFIXES
    assert len(set(PREFIXES.values())) == len(PREFIXES)
