"""qagraph.rdf.vocab against ontology/qagraph.ttl: every term the code uses is defined there."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF as RDFNS, RDFS as RDFSNS

from qagraph.graph import build_graph
from qagraph.load import load_corpus as load
from qagraph.rdf import write_rdf
from qagraph.rdf.validate import ONTOLOGY, ONTOLOGY_DIR, SHAPES
from qagraph.rdf.vocab import QA, QA_NS, RDF, SCHEMA, VOCABULARIES, XSD, terms

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "rdf" / "hostile"
BUILTINS = (RDF, XSD)  # the language itself, not vocabulary terms to declare
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ONTOLOGY), format="turtle")


def used_terms() -> list[rdflib.URIRef]:
    return [t for v in VOCABULARIES if v not in BUILTINS for t in terms(v)]


def test_the_package_finds_the_ontology_folder():
    assert ONTOLOGY_DIR.resolve() == (ROOT / "ontology").resolve()
    assert (ROOT / "qagraph" / "ontology").is_symlink()
    assert ONTOLOGY.is_file() and SHAPES.is_file()


def test_the_ontology_parses_in_rdflib_and_pyoxigraph(ontology):
    assert len(ontology) > 100
    assert len(list(ox.parse(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE))) == len(ontology)
    assert (rdflib.URIRef(QA_NS[:-1]), RDFNS.type, OWL.Ontology) in ontology


@pytest.mark.parametrize("term", used_terms(), ids=str)
def test_every_term_the_code_uses_is_declared_in_the_ontology(ontology, term):
    kinds = set(ontology.objects(term, RDFSNS.isDefinedBy)) | set(ontology.objects(term, RDFNS.type))
    assert set(ontology.objects(term, RDFNS.type)) & DECLARATIONS, f"{term} is not declared in ontology/qagraph.ttl"
    assert kinds


def test_qagraph_defines_exactly_its_own_terms_with_label_and_comment(ontology):
    own = {s for s in ontology.subjects() if isinstance(s, rdflib.URIRef) and str(s).startswith(QA_NS)}
    assert own == set(terms(QA))
    for term in own:
        assert ontology.value(term, RDFSNS.label) is not None, term
        assert ontology.value(term, RDFSNS.comment) is not None, term
        assert ontology.value(term, RDFSNS.isDefinedBy) == rdflib.URIRef(QA_NS[:-1]), term


def test_the_similarity_node_and_its_shortcut(ontology):
    assert set(ontology.subjects(RDFSNS.domain, rdflib.URIRef(QA.Similarity))) == {
        rdflib.URIRef(t) for t in (QA.source, QA.target, QA.weight, QA.method, QA.sharedKeyword)}
    assert (rdflib.URIRef(QA.similarTo), RDFNS.type, OWL.SymmetricProperty) in ontology
    assert (rdflib.URIRef(QA.ExternalQuestion), RDFSNS.subClassOf, rdflib.URIRef(SCHEMA.Question)) in ontology


def test_a_misspelled_term_raises():
    with pytest.raises(AttributeError):
        SCHEMA.isRelatedTo  # domain: products and services; qagraph uses dct:relation
    with pytest.raises(AttributeError):
        QA.similar


def test_every_predicate_and_class_in_an_export_comes_from_the_vocabulary(tmp_path):
    G, _ = build_graph(load(HOSTILE))
    paths = write_rdf(G, tmp_path, formats=("nt",))
    known = {str(t) for v in VOCABULARIES for t in terms(v)}
    for path in paths:
        g = rdflib.Graph().parse(str(path), format="nt" if path.suffix == ".nt" else "turtle")
        predicates = {str(p) for p in g.predicates()}
        classes = {str(o) for o in g.objects(None, RDFNS.type)}
        assert predicates <= known, predicates - known
        assert classes <= known, classes - known


def test_the_shapes_use_only_defined_terms(ontology):
    shapes = rdflib.Graph().parse(str(SHAPES), format="turtle")
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    known = {str(t) for v in VOCABULARIES for t in terms(v)}
    mentioned = set(shapes.objects(None, SH.path)) | set(shapes.objects(None, SH["class"])) \
        | set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH.targetSubjectsOf)) \
        | set(shapes.objects(None, SH.disjoint)) | set(shapes.objects(None, SH.equals))
    iris = {str(m) for m in mentioned if isinstance(m, rdflib.URIRef)}
    assert iris and iris <= known, iris - known
