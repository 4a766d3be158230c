"""Values bound to a query's variables (qagraph.rdf.bindings), evaluated by a real Oxigraph store."""

from __future__ import annotations

import datetime
import decimal

import numpy as np
import pyoxigraph as ox
import pytest
import rdflib

from qagraph.errors import UsageError
from qagraph.rdf.bindings import bind, parse_term, sparql_term
from qagraph.rdf.vocab import PREFIXES

EX = "http://example.org/"


def node(name: str) -> ox.NamedNode:
    return ox.NamedNode(EX + name)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """a and b each have a name; a has a tag with braces and a hash in it; b links to a."""
    s = ox.Store()
    for subject, name in (("a", "Alpha"), ("b", "Beta")):
        s.add(ox.Quad(node(subject), node("name"), ox.Literal(name)))
    s.add(ox.Quad(node("a"), node("tag"), ox.Literal('say "{ } # SELECT"\nnow')))
    s.add(ox.Quad(node("b"), node("link"), node("a")))
    return s


def answer(store: ox.Store, query: str, bindings: dict) -> list[tuple[str | None, ...]]:
    bound = bind(query, bindings)
    result = store.query(bound, prefixes={**PREFIXES, "ex": EX})
    if isinstance(result, ox.QueryBoolean):
        return [(str(bool(result)),)]
    if isinstance(result, ox.QuerySolutions):
        return sorted(tuple(None if t is None else t.value for t in row) for row in result)
    return sorted((t.subject.value, t.predicate.value, t.object.value) for t in result)


def test_a_bound_variable_holds_its_value_from_the_start_of_the_query(store):
    # an aggregate counts the solutions with the value (a VALUES block after the query would join
    # after the count: 2), and a FILTER sees it (it would see nothing bound: no answer)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ex:name ?name }"
    assert answer(store, count, {"s": node("a")}) == [("1",)]
    assert answer(store, "SELECT ?s WHERE { FILTER(BOUND(?s)) }", {"?s": node("b")}) == [(EX + "b",)]
    assert answer(store, "SELECT ?name WHERE { ?s ex:name ?name }", {"$s": node("b")}) == [("Beta",)]
    two = answer(store, "SELECT ?s ?o WHERE { ?s ex:link ?o }", {"s": node("b"), "o": node("a")})
    assert two == [(EX + "b", EX + "a")]
    assert answer(store, "SELECT ?s WHERE { ?s ex:name ?name }", {"name": "Gamma"}) == []


def test_text_is_bound_as_one_literal_whatever_it_holds(store):
    tag = 'say "{ } # SELECT"\nnow'
    assert answer(store, "SELECT ?s WHERE { ?s ex:tag ?t }", {"t": tag}) == [(EX + "a",)]
    hostile = '"} ?s ?p ?o } SELECT * WHERE { ?s ?p ?o . # '
    assert answer(store, "SELECT ?s WHERE { ?s ex:name ?t }", {"t": hostile}) == []


def test_the_query_text_around_the_group_is_read_as_sparql_reads_it(store):
    # braces, keywords and variables inside strings, IRIs and comments are none; a projection's
    # EXISTS group is not the WHERE group; a prefix named like a keyword is a name
    query = ("PREFIX select: <http://example.org/> # SELECT { ?s\n"
             "SELECT ?name (EXISTS { ?x ex:link ?s } AS ?linked) WHERE { ?s select:name ?name FILTER(?name != \"{\") }")
    assert answer(store, query, {"s": node("a")}) == [("Alpha", "true")]
    # a WHERE group that is a sub-select alone takes the block beside it
    sub = "SELECT * WHERE { SELECT ?name WHERE { ?s ex:name ?name } }"
    assert answer(store, sub, {"name": "Beta"}) == [("Beta",)]
    assert answer(store, "ASK { ?s ex:name ?n }", {"n": "Alpha"}) == [("True",)]
    assert answer(store, "ASK WHERE { ?s ex:name ?n }", {"n": "Omega"}) == [("False",)]


def test_construct_and_describe_forms(store):
    construct = "CONSTRUCT { ?s ex:called ?n } WHERE { ?s ex:name ?n }"
    assert answer(store, construct, {"s": node("b")}) == [(EX + "b", EX + "called", "Beta")]
    # the short form's group takes triples only, and DESCRIBE may have no group: the block ends the query
    assert bind("CONSTRUCT WHERE { ?s ex:name ?n }", {"n": "Beta"}).endswith('VALUES (?n) { ("Beta") }')
    assert answer(store, "CONSTRUCT WHERE { ?s ex:name ?n }", {"n": "Beta"}) == [(EX + "b", EX + "name", "Beta")]
    described = answer(store, "DESCRIBE ?s", {"s": node("b")})
    assert (EX + "b", EX + "link", EX + "a") in described
    assert all(s == EX + "b" for s, _, _ in described)


def test_values_of_python_and_rdflib_types_are_their_rdf_terms():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert sparql_term(True) == f'"true"^^<{xsd}boolean>'
    assert sparql_term(np.int64(7)) == f'"7"^^<{xsd}integer>'
    assert sparql_term(np.float32(0.5)) == f'"0.5"^^<{xsd}double>'
    assert sparql_term(decimal.Decimal("1E+2")) == f'"100"^^<{xsd}decimal>'
    assert sparql_term(datetime.date(2024, 2, 29)) == f'"2024-02-29"^^<{xsd}date>'
    assert sparql_term(datetime.datetime(2024, 2, 29, 8, 30)) == f'"2024-02-29T08:30:00"^^<{xsd}dateTime>'
    assert sparql_term(rdflib.URIRef(EX + "a")) == f"<{EX}a>"
    assert sparql_term(rdflib.Literal("Zelle", lang="de")) == '"Zelle"@de'
    assert sparql_term(rdflib.Literal(3)) == f'"3"^^<{xsd}integer>'
    assert sparql_term(ox.Literal("x", language="en")) == '"x"@en'


@pytest.mark.parametrize(("bindings", "message"), [
    ({"x": 1}, "the query has no variable ?x"),
    ({"s": 1, "?s": 2}, "?s is bound twice"),
    ({"s t": 1}, "is not a SPARQL variable's name"),
    ({"s": ox.BlankNode()}, "a blank node cannot be bound"),
    ({"s": rdflib.BNode()}, "a blank node cannot be bound"),
    ({"s": [1, 2]}, "a list is no RDF term"),
    ({"s": None}, "a NoneType is no RDF term"),
    ({"s": rdflib.URIRef("not an iri")}, "?s: Invalid IRI"),
])
def test_what_cannot_be_bound_is_said(bindings, message):
    with pytest.raises(UsageError, match=message.replace("?", r"\?")):
        bind("SELECT ?s WHERE { ?s ?p ?o } # ?x", bindings)


def test_a_binding_needs_a_mapping_and_none_leaves_the_query_as_it_is():
    assert bind("ASK {}", None) == "ASK {}" and bind("ASK {}", {}) == "ASK {}"
    with pytest.raises(UsageError, match="a mapping"):
        bind("SELECT ?s { ?s ?p ?o }", [("s", 1)])  # type: ignore[arg-type]


def test_terms_of_the_command_line_are_read_as_sparql_writes_them():
    assert parse_term("<https://e.org/a>") == ox.NamedNode("https://e.org/a")
    assert parse_term("schema:Question") == ox.NamedNode("https://schema.org/Question")
    assert parse_term('"Zelle"@de') == ox.Literal("Zelle", language="de")
    assert parse_term("-2.5e0") == ox.Literal(-2.5)  # (Oxigraph writes a number canonically)
    assert parse_term(" true ") == ox.Literal(True)
    for text, said in (("biology", "not an RDF term in SPARQL's syntax"), ("1 2", "not one RDF term"),
                       ("UNDEF", "not one RDF term"), ("<article/x>", "a relative IRI"),
                       ("", "not one RDF term"), ("1 } } # x", "not an RDF term")):
        with pytest.raises(UsageError, match=said):
            parse_term(text, "--bind id")
