"""The RDF terms qagraph uses, as code: a misspelled term raises instead of minting a new IRI.

Each class lists only the terms qagraph's export uses, so the classes are also the
list that ``tests/test_rdf_vocab.py`` checks against ``ontology/qagraph.ttl``. ``QA``
is qagraph's own namespace; the others are subsets of standard vocabularies.

>>> str(QA.similarTo)
'https://qagraph.example/ns#similarTo'
>>> SCHEMA.isRelatedTo  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: term 'isRelatedTo' not in namespace 'https://schema.org/'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "DCT", "ONTOLOGY_IRI", "PREFIXES", "PROV", "QA", "QA_NS", "RDF", "RDFS", "SCHEMA",
    "SKOS", "VOCABULARIES", "VOID", "XSD", "terms",
]

QA_NS = "https://qagraph.example/ns#"
ONTOLOGY_IRI = "https://qagraph.example/ns"


class QA(DefinedNamespace):
    """qagraph's own terms: similarity links and records, same-question links, outside questions."""

    _fail = True
    _NS = Namespace(QA_NS)

    Similarity: URIRef  # n-ary similarity between two questions
    ExternalQuestion: URIRef  # a question a related link names, outside the corpus
    source: URIRef
    target: URIRef
    weight: URIRef
    method: URIRef
    sharedKeyword: URIRef
    similarTo: URIRef  # the plain link, both directions
    sameQuestionAs: URIRef  # the same question filed twice, both directions


class SCHEMA(DefinedNamespace):
    """The schema.org terms qagraph uses."""

    _fail = True
    _NS = Namespace("https://schema.org/")

    Question: URIRef
    Answer: URIRef
    acceptedAnswer: URIRef
    name: URIRef
    text: URIRef
    description: URIRef
    encodingFormat: URIRef
    url: URIRef
    identifier: URIRef
    dateCreated: URIRef
    author: URIRef
    about: URIRef
    keywords: URIRef
    softwareVersion: URIRef


class SKOS(DefinedNamespace):
    """The SKOS terms qagraph uses: subjects and keywords are concepts in two schemes."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2004/02/skos/core#")

    Concept: URIRef
    ConceptScheme: URIRef
    inScheme: URIRef
    topConceptOf: URIRef
    prefLabel: URIRef
    altLabel: URIRef
    notation: URIRef


class DCT(DefinedNamespace):
    """The Dublin Core terms qagraph uses."""

    _fail = True
    _NS = Namespace("http://purl.org/dc/terms/")

    subject: URIRef
    relation: URIRef
    title: URIRef
    created: URIRef
    identifier: URIRef


class VOID(DefinedNamespace):
    """The VoID terms of the dataset description (``void.ttl``)."""

    _fail = True
    _NS = Namespace("http://rdfs.org/ns/void#")

    Dataset: URIRef
    triples: URIRef
    entities: URIRef
    distinctSubjects: URIRef
    uriSpace: URIRef
    subset: URIRef
    vocabulary: URIRef
    dataDump: URIRef
    classPartition: URIRef
    feature: URIRef
    # void:class is a Python keyword: spelled VOID["class"]
    _extras = ["class"]


class PROV(DefinedNamespace):
    """The PROV-O terms of the dataset description (``void.ttl``)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/prov#")

    Entity: URIRef
    Activity: URIRef
    SoftwareAgent: URIRef
    wasGeneratedBy: URIRef
    wasDerivedFrom: URIRef
    used: URIRef
    wasAssociatedWith: URIRef
    generatedAtTime: URIRef
    endedAtTime: URIRef


class RDF(DefinedNamespace):
    _fail = True
    _NS = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")

    type: URIRef


class RDFS(DefinedNamespace):
    _fail = True
    _NS = Namespace("http://www.w3.org/2000/01/rdf-schema#")

    label: URIRef


class XSD(DefinedNamespace):
    """The datatypes of qagraph's literals (plain strings are xsd:string)."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2001/XMLSchema#")

    string: URIRef
    integer: URIRef
    decimal: URIRef
    date: URIRef
    dateTime: URIRef


#: every vocabulary class above, for the ontology test
VOCABULARIES: tuple[type[DefinedNamespace], ...] = (QA, SCHEMA, SKOS, DCT, VOID, PROV, RDF, RDFS, XSD)

#: The one prefix map: bound in Turtle, TriG and JSON-LD output, predeclared in SPARQL
#: queries, used in void.ttl and in query results. Data IRIs are written relative to the
#: base IRI (``@base``) instead of through a prefix.
PREFIXES: dict[str, str] = {
    "qa": QA_NS,
    "schema": str(SCHEMA._NS),
    "skos": str(SKOS._NS),
    "dct": str(DCT._NS),
    "rdf": str(RDF._NS),
    "rdfs": str(RDFS._NS),
    "xsd": str(XSD._NS),
    "void": str(VOID._NS),
    "prov": str(PROV._NS),
}


def terms(vocabulary: type[DefinedNamespace]) -> list[URIRef]:
    """The IRIs a vocabulary class lists, in order of declaration."""
    names = [n for n in vocabulary.__annotations__]
    names += list(getattr(vocabulary, "_extras", []))
    return [vocabulary[n] for n in names]
