"""qagraph's graph as RDF: files, a SPARQL store, a triple-store push and SHACL validation.

The mapping is documented in ``ontology/qagraph.ttl`` (shapes in ``ontology/shapes.ttl``).

>>> import networkx as nx, tempfile
>>> from qagraph.rdf import sparql, write_rdf
>>> G = nx.MultiDiGraph()     # in practice qagraph.build("content").graph
>>> [p.name for p in write_rdf(G, tempfile.mkdtemp())]
['qagraph.ttl', 'qagraph.nt', 'qagraph.trig', 'void.ttl']
>>> sparql(G, "SELECT (COUNT(*) AS ?n) { ?s a skos:ConceptScheme }").values()
[{'n': 2}]
"""

from .export import FORMATS, generate_nquads, generate_ntriples, rdf_file_names, write_rdf
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
    "rdf_file_names",
    "segment",
    "sparql",
    "to_rdflib",
    "to_store",
    "validate",
    "write_rdf",
]
