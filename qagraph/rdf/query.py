"""SPARQL over the graph: an in-memory Oxigraph store, queries, and result formatting.

:func:`to_store` loads the export's statements into a ``pyoxigraph.Store`` (content and
similarity in their named graphs, as in the TriG file); :func:`sparql` runs a query on
it with the default graph as the union of both, and the usual prefixes predeclared
(:data:`PREFIXES`). :func:`format_results` renders a result as a text table, as SPARQL
1.1 CSV or as SPARQL 1.1 JSON results.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import QagraphError
from .export import GRAPH_NAMES
from .iri import DEFAULT_BASE_IRI, IRIs
from .triples import NTriplesSink, RdflibSink, emit
from .vocab import NAMESPACES, PROV, RDFS, VOID

__all__ = ["PREFIXES", "SparqlResult", "format_results", "load_store", "sparql", "to_rdflib", "to_store"]

#: prefixes every query may use without declaring them
PREFIXES: dict[str, str] = {
    **NAMESPACES,
    "rdfs": str(RDFS._NS),
    "void": str(VOID._NS),
    "prov": str(PROV._NS),
}

#: suffix -> pyoxigraph format name, for files given to :func:`sparql` and :func:`load_store`
RDF_SUFFIXES = {
    ".ttl": "TURTLE", ".nt": "N_TRIPLES", ".trig": "TRIG", ".nq": "N_QUADS", ".jsonld": "JSON_LD",
}


def to_store(G: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> Any:
    """A ``pyoxigraph.Store`` (in memory) holding the export of ``G`` in its two named graphs.

    >>> store = to_store(nx.MultiDiGraph())
    >>> len(store)
    4
    """
    import pyoxigraph as ox

    store = ox.Store()
    iris = IRIs(base_iri)
    sinks = []
    for name in GRAPH_NAMES:
        graph = ox.NamedNode(iris.graph(name))

        def load(text: str, graph: Any = graph) -> None:
            store.bulk_load(text.encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True)

        sinks.append(NTriplesSink(load))
    emit(G, iris, *sinks)
    return store


def to_rdflib(G: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> Any:
    """An ``rdflib.Dataset`` with the export of ``G`` in its two named graphs.

    Built from rdflib terms directly (no serialisation in between): the reference the
    tests compare the written files with.
    """
    from rdflib import Dataset, URIRef

    iris = IRIs(base_iri)
    ds = Dataset()
    content, similarity = (RdflibSink(ds.graph(URIRef(iris.graph(n)))) for n in GRAPH_NAMES)
    emit(G, iris, content, similarity)
    return ds


def load_store(path: str | os.PathLike[str]) -> Any:
    """A ``pyoxigraph.Store`` loaded from an RDF file, or from the graph file of an export folder."""
    import pyoxigraph as ox

    file = rdf_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(file), format=getattr(ox.RdfFormat, RDF_SUFFIXES[file.suffix]))
    except SyntaxError as exc:
        raise QagraphError(f"not valid RDF: {exc}", path=str(file)) from None
    return store


def rdf_file(path: str | os.PathLike[str], prefer: tuple[str, ...] = (".nq", ".trig", ".nt", ".ttl", ".jsonld")) -> Path:
    """``path`` if it is an RDF file, else the export in folder ``path`` (quads first)."""
    target = Path(path)
    if target.is_dir():
        for suffix in prefer:
            candidate = target / f"qagraph{suffix}"
            if candidate.is_file():
                return candidate
        raise QagraphError(f"no qagraph export (qagraph.nt, .ttl, .trig, .nq) in folder {target}")
    if not target.is_file():
        raise QagraphError(f"no such file or folder: {target}")
    if target.suffix not in RDF_SUFFIXES:
        raise QagraphError(f"{target}: not an RDF file ({', '.join(RDF_SUFFIXES)})")
    return target


@dataclass
class SparqlResult:
    """A query's answer, read in full: ``rows`` for SELECT, ``boolean`` for ASK, ``triples`` otherwise.

    Terms are pyoxigraph terms (``NamedNode``, ``Literal``, ``BlankNode``) or ``None`` when
    unbound; :meth:`values` turns them into Python values.
    """

    kind: str  #: "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Any] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows) if self.kind == "select" else len(self.triples) if self.kind == "graph" else 1

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self.rows if self.kind == "select" else self.triples)

    def values(self) -> list[dict[str, Any]]:
        """SELECT rows as dicts of Python values: IRIs as ``str``, literals as int, float, date..."""
        return [{v: python_value(t) for v, t in zip(self.variables, row)} for row in self.rows]


def python_value(term: Any) -> Any:
    """A pyoxigraph term as a Python value (IRIs and blank nodes as their text)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.Literal):
        from rdflib import Literal, URIRef

        return Literal(term.value, datatype=URIRef(term.datatype.value) if not term.language else None,
                       lang=term.language).toPython()
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def sparql(target: Any, query: str, *, base_iri: str = DEFAULT_BASE_IRI) -> SparqlResult:
    """Run a SPARQL query on a graph, a store, or RDF files.

    ``target`` is a networkx graph (exported to an in-memory store first), an object with
    a ``.graph`` (a :class:`~qagraph.KnowledgeGraph`), a ``pyoxigraph.Store``, or the path of
    an RDF file or export folder. The default graph is the union of the named graphs;
    the prefixes in :data:`PREFIXES` need no declaration.

    >>> G = nx.MultiDiGraph()
    >>> sparql(G, "SELECT (COUNT(*) AS ?n) { ?s a skos:ConceptScheme }").values()
    [{'n': 2}]
    """
    import pyoxigraph as ox

    store = _store(target, base_iri)
    try:
        result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QagraphError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise QagraphError(f"SPARQL query failed: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return SparqlResult("ask", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [tuple(solution[i] for i in range(len(variables))) for solution in result]
        return SparqlResult("select", variables=variables, rows=rows)
    return SparqlResult("graph", triples=list(result))


def _store(target: Any, base_iri: str) -> Any:
    import pyoxigraph as ox

    if isinstance(target, ox.Store):
        return target
    if isinstance(target, nx.Graph):
        return to_store(target, base_iri)
    graph = getattr(target, "graph", None)
    if isinstance(graph, nx.Graph):
        return to_store(graph, base_iri)
    if isinstance(target, (str, os.PathLike)):
        return load_store(target)
    raise QagraphError(f"cannot query a {type(target).__name__}: give a graph, a store or an RDF file")


# -- formatting ----------------------------------------------------------------------------

FORMATS = ("table", "csv", "json")
_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def format_results(result: SparqlResult, fmt: str = "table") -> str:
    """``result`` as text: ``table`` (aligned, prefixed names), ``csv`` or ``json`` (SPARQL 1.1 results).

    Graph results (CONSTRUCT, DESCRIBE) become Turtle for ``table``, JSON-LD for ``json``
    and subject/predicate/object rows for ``csv``.

    >>> import pyoxigraph as ox
    >>> r = SparqlResult("select", ["q", "n"], [(ox.NamedNode("https://schema.org/Question"), ox.Literal("3"))])
    >>> print(format_results(r, "csv"), end="")
    q,n
    https://schema.org/Question,3
    >>> print(format_results(r), end="")
    q                n
    ---------------  -
    schema:Question  3
    (1 row)
    """
    if fmt not in FORMATS:
        raise QagraphError(f"unknown result format {fmt!r} (known: {', '.join(FORMATS)})")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return _format_graph(result, fmt)
    if fmt == "json":
        return json.dumps(
            {
                "head": {"vars": result.variables},
                "results": {"bindings": [
                    {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                    for row in result.rows
                ]},
            },
            ensure_ascii=False,
        ) + "\n"
    if fmt == "csv":
        return _csv_rows(result.variables, [[_csv_term(t) for t in row] for row in result.rows])
    return _table(result.variables, [[_short(t) for t in row] for row in result.rows])


def _format_graph(result: SparqlResult, fmt: str) -> str:
    import pyoxigraph as ox

    if fmt == "csv":
        return _csv_rows(["subject", "predicate", "object"],
                         [[_csv_term(t.subject), _csv_term(t.predicate), _csv_term(t.object)] for t in result.triples])
    if fmt == "json":
        return ox.serialize(result.triples, format=ox.RdfFormat.JSON_LD).decode("utf-8") + "\n"
    return ox.serialize(result.triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def _csv_rows(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _json_term(term: Any) -> dict[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": str(term)}


def _csv_term(term: Any) -> str:
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def _short(term: Any) -> str:
    """A term for people: a prefixed name or <IRI>, a literal's text."""
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in PREFIXES.items():
            if iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri[len(ns):]):
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _table(header: list[str], rows: list[list[str]], limit: int = 80) -> str:
    """An aligned text table; cells are cut to ``limit`` characters and kept on one line."""
    def cell(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    cells = [[cell(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
