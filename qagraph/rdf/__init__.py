"""qagraph's graph as RDF: files split into parts, a persistent SPARQL store, a triple-store push, SHACL.

The mapping is documented in ``ontology/qagraph.ttl`` (shapes in ``ontology/shapes.ttl``).

>>> import networkx as nx, tempfile
>>> from qagraph.rdf import sparql, write_rdf
>>> G = nx.MultiDiGraph()     # in practice qagraph.build("content").graph
>>> [p.name for p in write_rdf(G, tempfile.mkdtemp())]
['part-000.nq', 'void.ttl']
>>> sparql(G, "SELECT (COUNT(*) AS ?n) { ?s a skos:ConceptScheme }").values()
[{'n': 2}]
"""

import typing as _typing

from .formats import DEFAULT_FORMATS
from .parts import RDF_DIR, part_count, part_of

if _typing.TYPE_CHECKING:
    from .export import DEFAULT_SIMILARITY, PartResult, RdfResult, generate, part_files, write_rdf
    from .formats import FORMATS, RdfFileFormat
    from .graphstore import push
    from .iri import DEFAULT_BASE_IRI, IRIs
    from .query import SparqlResult, format_results, sparql, sparql_endpoint, to_rdflib, to_store
    from .shacl import ONTOLOGY_DIR, SHAPES, ValidationReport, Violation, validate
    from .store import open_store
    from .triples import SIMILARITY_DETAILS, PartStats
    from .vocab import PREFIXES
    from .void import write_void

#: where each name lives: its module is imported when the name is first asked for, so that
#: ``from qagraph.rdf import part_count`` does not load rdflib, pyoxigraph and every writer
_HOME = {
    **dict.fromkeys(["DEFAULT_SIMILARITY", "PartResult", "RdfResult", "generate", "part_files", "write_rdf"], "export"),
    **dict.fromkeys(["FORMATS", "RdfFileFormat"], "formats"),
    "push": "graphstore",
    **dict.fromkeys(["DEFAULT_BASE_IRI", "IRIs"], "iri"),
    **dict.fromkeys(["SparqlResult", "format_results", "sparql", "sparql_endpoint", "to_rdflib", "to_store"], "query"),
    **dict.fromkeys(["ONTOLOGY_DIR", "SHAPES", "ValidationReport", "Violation", "validate"], "shacl"),
    "open_store": "store",
    **dict.fromkeys(["SIMILARITY_DETAILS", "PartStats"], "triples"),
    "PREFIXES": "vocab",
    "write_void": "void",
}


def __getattr__(name: str) -> _typing.Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # asked for once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "DEFAULT_BASE_IRI",
    "DEFAULT_FORMATS",
    "DEFAULT_SIMILARITY",
    "FORMATS",
    "IRIs",
    "ONTOLOGY_DIR",
    "PREFIXES",
    "PartResult",
    "PartStats",
    "RDF_DIR",
    "RdfFileFormat",
    "RdfResult",
    "SHAPES",
    "SIMILARITY_DETAILS",
    "SparqlResult",
    "ValidationReport",
    "Violation",
    "format_results",
    "generate",
    "open_store",
    "part_count",
    "part_files",
    "part_of",
    "push",
    "rdf_file_names",
    "sparql",
    "sparql_endpoint",
    "to_rdflib",
    "to_store",
    "validate",
    "write_rdf",
    "write_void",
]


def rdf_file_names(formats: tuple[str, ...] = DEFAULT_FORMATS, parts: int = 1) -> list[str]:
    """The files of an export, relative to the build folder: each part in each format, then ``void.ttl``.

    >>> rdf_file_names(("nq", "ttl"), parts=2)
    ['rdf/part-000.nq', 'rdf/part-000.ttl', 'rdf/part-001.nq', 'rdf/part-001.ttl', 'rdf/void.ttl']
    """
    from .export import part_name
    from .formats import check_formats

    wanted = check_formats(formats)
    return [f"{RDF_DIR}/{part_name(i, parts)}.{f}" for i in range(parts) for f in wanted] + [f"{RDF_DIR}/void.ttl"]
