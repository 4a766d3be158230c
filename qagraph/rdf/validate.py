"""SHACL validation of the export against ``ontology/shapes.ttl`` (pySHACL)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import QagraphError
from .iri import DEFAULT_BASE_IRI
from .query import rdf_file, to_rdflib

__all__ = ["ONTOLOGY", "ONTOLOGY_DIR", "SHAPES", "validate"]

#: the ontology folder, found through the package (``qagraph/ontology`` links to it)
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "qagraph.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"

_RDFLIB_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld"}


def validate(
    target: Any, *, base_iri: str = DEFAULT_BASE_IRI, shapes: str | os.PathLike[str] = SHAPES
) -> tuple[bool, str]:
    """``(conforms, report text)`` of the SHACL shapes on a graph or on exported files.

    ``target`` is a networkx graph, an object with a ``.graph`` (a KnowledgeGraph), or
    the path of an RDF file or export folder; named graphs are merged before checking.

    >>> validate(nx.MultiDiGraph())[0]
    True
    """
    import pyshacl
    from rdflib import Graph

    data = Graph()
    graph = target if isinstance(target, nx.Graph) else getattr(target, "graph", None)
    if isinstance(graph, nx.Graph):
        for s, p, o, _ in to_rdflib(graph, base_iri).quads():
            data.add((s, p, o))
    elif isinstance(target, (str, os.PathLike)):
        _parse_into(data, rdf_file(target))
    else:
        raise QagraphError(f"cannot validate a {type(target).__name__}: give a graph or an RDF file")
    shapes_graph = Graph().parse(str(shapes), format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none", advanced=True)
    return bool(conforms), str(text)


def _parse_into(data: Any, file: Path) -> None:
    from rdflib import Dataset

    fmt = _RDFLIB_FORMATS[file.suffix]
    try:
        if fmt in ("trig", "nquads", "json-ld"):
            ds = Dataset()
            ds.parse(str(file), format=fmt)
            for s, p, o, _ in ds.quads():
                data.add((s, p, o))
        else:
            data.parse(str(file), format=fmt)
    except Exception as exc:  # rdflib raises many types for bad syntax
        raise QagraphError(f"not valid RDF: {exc}", path=str(file)) from None
