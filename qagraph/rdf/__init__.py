"""qagraph's graph as RDF: files, a SPARQL store, a triple-store push and SHACL validation.

The mapping is documented in ``ontology/qagraph.ttl`` (shapes in ``ontology/shapes.ttl``).

>>> from qagraph.rdf import write_rdf, sparql
>>> paths = write_rdf(kg.graph, "build")                         # doctest: +SKIP
>>> sparql(kg.graph, "SELECT (COUNT(*) AS ?n) { ?q a schema:Question }")  # doctest: +SKIP
"""

from .export import FORMATS, generate_nquads, generate_ntriples, write_rdf
from .iri import DEFAULT_BASE_IRI, IRIs, segment
from .push import push
from .query import PREFIXES, format_results, sparql, to_rdflib, to_store
from .validate import ONTOLOGY_DIR, SHAPES, validate

__all__ = [
    "DEFAULT_BASE_IRI",
    "FORMATS",
    "IRIs",
    "ONTOLOGY_DIR",
    "PREFIXES",
    "SHAPES",
    "format_results",
    "generate_nquads",
    "generate_ntriples",
    "push",
    "segment",
    "sparql",
    "to_rdflib",
    "to_store",
    "validate",
    "write_rdf",
]
