"""The RDF terms qagraph uses, as code: a misspelled term raises instead of minting a new IRI.

Each class lists only the terms qagraph's export uses, so the classes are also the
list that ``tests/test_rdf_vocab.py`` checks against ``ontology/qagraph.ttl``. ``QA``
is qagraph's own namespace; the others are subsets of standard vocabularies.

A term is its IRI as a plain :class:`str`, as every writer renders it (``rdflib.URIRef(QA.similarTo)``
makes an rdflib term of it). The classes are rdflib's ``DefinedNamespace`` without rdflib:
importing rdflib takes 0.05-0.07 s, a tenth of an edit's rebuild, which writes RDF and needs none.

>>> QA.similarTo
'https://qagraph.example/ns#similarTo'
>>> VOID["class"]
'http://rdfs.org/ns/void#class'
>>> SCHEMA.isRelatedTo  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
AttributeError: term 'isRelatedTo' not in namespace 'https://schema.org/'
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "DCT", "ONTOLOGY_IRI", "PREFIXES", "PROV", "QA", "QA_NS", "RDF", "RDFS", "SCHEMA",
    "SKOS", "VOCABULARIES", "VOID", "XSD", "Vocabulary", "terms",
]


class _Terms(type):
    """The metaclass of a :class:`Vocabulary`: a class's annotated names (and ``_extras``) are its
    terms, each ``_NS`` followed by the name; any other name raises :class:`AttributeError`."""

    def __getattr__(cls, name: str) -> str:
        if not name.startswith("_") and (name in cls.__dict__.get("__annotations__", {})
                                         or name in cls.__dict__.get("_extras", ())):
            return str(cls.__dict__["_NS"]) + name
        raise AttributeError(f"term {name!r} not in namespace {cls.__dict__.get('_NS')!r}")

    def __getitem__(cls, name: str) -> str:
        return cls.__getattr__(name)


class Vocabulary(metaclass=_Terms):
    """A namespace and the terms of it qagraph uses (annotated in a subclass, ``_NS`` set)."""

    _NS: ClassVar[str] = ""
    _extras: ClassVar[tuple[str, ...]] = ()


QA_NS = "https://qagraph.example/ns#"
ONTOLOGY_IRI = "https://qagraph.example/ns"


class QA(Vocabulary):
    """qagraph's own terms: similarity links and records, same-question links, outside questions."""

    _NS = QA_NS

    Similarity: str  # n-ary similarity between two questions
    ExternalQuestion: str  # a question a related link names, outside the corpus
    source: str
    target: str
    weight: str
    method: str
    sharedKeyword: str
    similarTo: str  # the plain link, both directions
    sameQuestionAs: str  # the same question filed twice, both directions


class SCHEMA(Vocabulary):
    """The schema.org terms qagraph uses."""

    _NS = "https://schema.org/"

    Question: str
    Answer: str
    acceptedAnswer: str
    name: str
    text: str
    description: str
    encodingFormat: str
    url: str
    identifier: str
    dateCreated: str
    author: str
    about: str
    keywords: str
    softwareVersion: str


class SKOS(Vocabulary):
    """The SKOS terms qagraph uses: subjects and keywords are concepts in two schemes."""

    _NS = "http://www.w3.org/2004/02/skos/core#"

    Concept: str
    ConceptScheme: str
    inScheme: str
    topConceptOf: str
    prefLabel: str
    altLabel: str
    notation: str


class DCT(Vocabulary):
    """The Dublin Core terms qagraph uses."""

    _NS = "http://purl.org/dc/terms/"

    subject: str
    relation: str
    references: str
    title: str
    created: str
    identifier: str


class VOID(Vocabulary):
    """The VoID terms of the dataset description (``void.ttl``)."""

    _NS = "http://rdfs.org/ns/void#"

    Dataset: str
    triples: str
    entities: str
    distinctSubjects: str
    uriSpace: str
    subset: str
    vocabulary: str
    dataDump: str
    classPartition: str
    feature: str
    # void:class is a Python keyword: spelled VOID["class"]
    _extras = ("class",)


class PROV(Vocabulary):
    """The PROV-O terms of the dataset description (``void.ttl``)."""

    _NS = "http://www.w3.org/ns/prov#"

    Entity: str
    Activity: str
    SoftwareAgent: str
    wasGeneratedBy: str
    wasDerivedFrom: str
    used: str
    wasAssociatedWith: str
    generatedAtTime: str
    endedAtTime: str


class RDF(Vocabulary):
    _NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    type: str


class RDFS(Vocabulary):
    _NS = "http://www.w3.org/2000/01/rdf-schema#"

    label: str


class XSD(Vocabulary):
    """The datatypes of qagraph's literals (plain strings are xsd:string)."""

    _NS = "http://www.w3.org/2001/XMLSchema#"

    string: str
    integer: str
    decimal: str
    date: str
    dateTime: str


#: every vocabulary class above, for the ontology test
VOCABULARIES: tuple[type[Vocabulary], ...] = (QA, SCHEMA, SKOS, DCT, VOID, PROV, RDF, RDFS, XSD)

#: The one prefix map: bound in Turtle, TriG and JSON-LD output, predeclared in SPARQL
#: queries, used in void.ttl and in query results. Data IRIs are written relative to the
#: base IRI (``@base``) instead of through a prefix.
PREFIXES: dict[str, str] = {
    "qa": QA_NS,
    "schema": SCHEMA._NS,
    "skos": SKOS._NS,
    "dct": DCT._NS,
    "rdf": RDF._NS,
    "rdfs": RDFS._NS,
    "xsd": XSD._NS,
    "void": VOID._NS,
    "prov": PROV._NS,
}


def terms(vocabulary: type[Vocabulary]) -> list[str]:
    """The IRIs a vocabulary class lists, in order of declaration."""
    names = [*vocabulary.__dict__.get("__annotations__", {}), *vocabulary.__dict__.get("_extras", ())]
    return [vocabulary[n] for n in names]
