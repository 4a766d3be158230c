"""SPARQL over the graph: an in-memory Oxigraph store, queries, and result formatting.

:func:`to_store` loads the export's statements into a ``pyoxigraph.Store`` (content and
similarity in their named graphs, as in the TriG file); :func:`sparql` runs a query on
it with the default graph as the union of both, and the usual prefixes predeclared
(:data:`PREFIXES`). :func:`format_results` renders a result as a text table, as SPARQL
1.1 CSV or as SPARQL 1.1 JSON results.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import threading
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast

from ..errors import OutputError, StoreError, UsageError
from ..normalize import printable
from ..regex import lazy_compile
from .bindings import OPAQUE, bind
from .export import DEFAULT_SIMILARITY, RDF_DIR, part_files
from .formats import FORMATS, format_of
from .iri import DEFAULT_BASE_IRI, IRIs
from .triples import part_count, split_parts, statements
from .vocab import PREFIXES

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "RESULT_FORMATS", "SparqlResult", "format_results", "load_store", "rdf_files", "sparql", "sparql_endpoint",
    "to_rdflib", "to_store", "with_prefixes",
]


def _all_statements(
    G: nx.MultiDiGraph, iris: IRIs, similarity: str, site_url: str | None
) -> Iterator[tuple[str, str, list[Any]]]:
    """(graph name, subject, statements) of the whole export of ``G``, part after part."""
    articles = sum(1 for _, kind in G.nodes(data="kind") if kind == "article")
    for i, nodes in split_parts(G, part_count(articles)).items():
        graphs = statements(G, nodes, iris, similarity=similarity, site_url=site_url, schemes=i == 0)
        for name, subjects in graphs.items():
            for s, stmts in subjects.items():
                yield name, s, stmts


def to_store(
    G: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI, *, similarity: str = DEFAULT_SIMILARITY,
    site_url: str | None = None,
) -> Any:
    """A ``pyoxigraph.Store`` (in memory) holding the export of ``G`` in its named graphs.

    >>> import networkx as nx
    >>> store = to_store(nx.MultiDiGraph())
    >>> len(store)
    4
    """
    import pyoxigraph as ox

    from .syntax import nquads

    store = ox.Store()
    iris = IRIs(base_iri)
    articles = sum(1 for _, kind in G.nodes(data="kind") if kind == "article")
    for i, nodes in split_parts(G, part_count(articles)).items():
        graphs = statements(G, nodes, iris, similarity=similarity, site_url=site_url, schemes=i == 0)
        store.bulk_load(nquads(graphs, iris.base).encode("utf-8"), ox.RdfFormat.N_QUADS)
    return store


def to_rdflib(
    G: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI, *, similarity: str = DEFAULT_SIMILARITY,
    site_url: str | None = None,
) -> Any:
    """An ``rdflib.Dataset`` with the export of ``G`` in its named graphs.

    Built from rdflib terms directly (no serialisation in between): the reference the
    tests compare the written files with.
    """
    from rdflib import Dataset, Literal, URIRef

    from .triples import RARE, SURROGATES

    iris = IRIs(base_iri)
    ds = Dataset()
    graphs: dict[str, Any] = {}
    for name, s, stmts in _all_statements(G, iris, similarity, site_url):
        graph = graphs.get(name)
        if graph is None:
            graph = graphs[name] = ds.graph(URIRef(iris.graph(name)))
        subject = URIRef(s)
        for p, o, t in stmts:
            if t is None:
                obj: Any = URIRef(o)
            else:
                if RARE.search(o):
                    o = o.translate(SURROGATES)
                obj = Literal(o, datatype=URIRef(t)) if t else Literal(o)
            graph.add((subject, URIRef(p), obj))
    return ds


def rdf_files(path: str | os.PathLike[str]) -> list[Path]:
    """The RDF files to read at ``path``: that file, or the part files of a build folder.

    A build folder gives the parts of one format, the first of N-Quads, TriG, N-Triples,
    Turtle and JSON-LD it holds (quads first: they keep the named graphs).
    """
    target = Path(path)
    if target.is_dir():
        for suffix in FORMATS:
            files = part_files(target, suffix)
            if files:
                _parts_gone(target, files, suffix)
                return files
        _parts_gone(target, [])
        raise UsageError(f"no qagraph RDF export (rdf/part-*.nq, .trig, .nt, .ttl) in folder {target}", path=str(target))
    if not target.is_file():
        what = "not a file or folder (a device, a pipe or a socket)" if target.exists() else "no such file or folder"
        raise UsageError(f"{what}: {target}", path=str(target))
    format_of(target)
    return [target]


def _parts_gone(folder: Path, files: list[Path], suffix: str | None = None) -> None:
    """Raise when the record of the build in ``folder`` names part files (of ``suffix``, or of any format)
    that are not among ``files``: removed since, the parts left would answer every query short, unsaid."""
    from ..fileio import MARKER, PRIVATE

    try:
        record = json.loads((folder / PRIVATE / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no build's record (an export of files alone), or said elsewhere
        return
    outputs = record.get("outputs") if isinstance(record, dict) else None
    if not isinstance(outputs, dict):
        return
    have = {f"{RDF_DIR}/{file.name}" for file in files}
    gone = sorted(name for name, signature in outputs.items()
                  if signature is not None and name.startswith(f"{RDF_DIR}/part-") and name not in have
                  and (suffix is None and name.rpartition(".")[2] in FORMATS or name.endswith(f".{suffix}")))
    if gone:
        shown = ", ".join(gone[:3]) + (f" and {len(gone) - 3} more" if len(gone) > 3 else "")
        raise OutputError(f"the build's RDF is incomplete: {shown} removed since it was built; build again",
                          path=str(folder))


def load_store(path: str | os.PathLike[str]) -> Any:
    """A ``pyoxigraph.Store`` in memory, loaded from an RDF file or the part files of a build folder."""
    import pyoxigraph as ox

    store = ox.Store()
    for file in rdf_files(path):
        try:
            store.bulk_load(path=str(file), format=format_of(file).ox)
        except SyntaxError as exc:
            raise UsageError(f"not valid RDF: {exc}", path=str(file)) from None
    return store


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
    #: the SELECT rows, or CONSTRUCT or DESCRIBE triples, written as they were read (``sparql(..., write=)``), kept none
    written: int | None = None

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
    return str(term.value)


def sparql(
    target: Any, query: str, *, base_iri: str = DEFAULT_BASE_IRI, similarity: str = DEFAULT_SIMILARITY,
    timeout: float | None = None, write: Callable[[str], Any] | None = None, fmt: str = "table",
    services: bool = False, bindings: Mapping[str, Any] | None = None,
) -> SparqlResult:
    """Run a SPARQL query on a graph, a store, a build folder or an RDF file.

    ``target`` is a networkx graph (exported to an in-memory store first, with
    ``similarity`` detail), a :class:`~qagraph.KnowledgeGraph` (answered as its
    :meth:`~qagraph.KnowledgeGraph.sparql` answers: with the RDF of its build, its base IRI and
    similarity detail), another object with a networkx ``.graph``, a ``pyoxigraph.Store``, a
    build folder (its persistent store, made on first use: :func:`~qagraph.rdf.store.open_store`)
    or an RDF file. The default graph is the union
    of the named graphs (a store whose default graph holds statements, as a build's does,
    is queried as it is); the prefixes of :data:`~qagraph.rdf.vocab.PREFIXES` need no
    declaration, and relative IRIs (``<article/...>``, as the Turtle and TriG files write them)
    resolve against ``base_iri``. See :func:`sparql_endpoint` for a remote store.

    The query runs in a thread of its own while this one waits: Oxigraph evaluates it
    without looking at signals, so Ctrl-C (``KeyboardInterrupt``) and ``timeout`` (seconds;
    ``None`` or infinity: no limit) stop the wait at once, where they would wait for a long
    query to end. A query given up on goes on in the background until it ends (the command
    line ends its process instead): a store cannot stop one. Making the store (a build's
    first query loads its RDF) is done in that thread too, so that Ctrl-C stops it; the
    time limit is the query's alone, or a build's store could never be made under a short one.

    With ``write``, the answer is written through it as ``fmt`` (:func:`format_results`) while it
    is read, in pieces: a SELECT's rows and a CONSTRUCT's or DESCRIBE's triples are not kept
    (``written`` counts them), so an answer of millions of rows streams out in little memory, and
    a reader that stops (``| head``: the write raises) stops the query. Within ``timeout``, rows
    already written stay written.

    A query that calls another endpoint (``SERVICE <http://...>``) is refused unless ``services``
    is true: Oxigraph would send that endpoint a request (with the values bound so far), and a
    query taken from elsewhere must not make the machine call an address of its choosing.

    ``bindings`` gives variables their values (``{"id": 165309}``, ``{"q": pyoxigraph.NamedNode(iri)}``)
    as if they held them from the start of the query (:func:`~qagraph.rdf.bindings.bind`), never
    pasted into its text.

    Raises :class:`~qagraph.errors.UsageError` for a bad query, target, binding or time limit, and
    :class:`~qagraph.errors.StoreError` when ``timeout`` passes first.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> sparql(G, "SELECT (COUNT(*) AS ?n) { ?s a skos:ConceptScheme }").values()
    [{'n': 2}]
    >>> import sys
    >>> sparql(G, "SELECT ?s { ?s a skos:ConceptScheme } ORDER BY ?s", write=sys.stdout.write, fmt="csv").written
    s
    https://qagraph.example/id/scheme/keywords
    https://qagraph.example/id/scheme/subjects
    2
    """
    from ..kg import KnowledgeGraph

    if isinstance(target, KnowledgeGraph):  # its own RDF: its build's store, base IRI and similarity detail
        return target.sparql(query, base_iri=None if base_iri == DEFAULT_BASE_IRI else base_iri, timeout=timeout,
                             write=write, fmt=fmt, services=services, bindings=bindings)
    if fmt not in RESULT_FORMATS:
        raise UsageError(f"unknown result format {fmt!r} (known: {', '.join(RESULT_FORMATS)})")
    limit = time_limit(timeout)
    _check_size(query)
    query = bind(query, bindings)
    # qagraph's RDF (not a file of any RDF), and no other endpoint's terms (SERVICE, which may use them)
    if (not isinstance(target, (str, os.PathLike)) or Path(target).is_dir()) and not (services and _calls_a_service(query)):
        check_namespaces(query)
    if not services and _calls_a_service(query):
        raise UsageError("the query calls another endpoint (SERVICE), and a query here makes no network request "
                         "unless allowed: allow it with --allow-service (services=True in Python)")
    store, union = waited_for(lambda: _store(target, base_iri, similarity, names_graphs(query)))
    result = waited_for(lambda: _evaluate(store, query, union, write, fmt, base_iri), limit)
    if write is not None and result.written is None:  # ASK: written whole
        write(format_results(result, fmt))
    return result


def time_limit(timeout: float | None) -> float | None:
    """``timeout`` as :func:`waited_for` takes it: ``None`` for no limit (infinity, or more than the
    platform can wait); a :class:`~qagraph.errors.UsageError` for one that is no positive number.

    >>> time_limit(2.5), time_limit(float("inf")), time_limit(None)
    (2.5, None, None)
    """
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise UsageError(f"the time limit must be a positive number of seconds, not {timeout!r}")
    return None if timeout > threading.TIMEOUT_MAX else float(timeout)


T = TypeVar("T")


def waited_for(work: Callable[[], T], timeout: float | None = None, *, what: str = "the SPARQL query") -> T:
    """``work()``, run in a daemon thread and waited for here, at most ``timeout`` seconds
    (:func:`time_limit`'s): Ctrl-C stops the wait even where ``work`` looks at no signal
    (Oxigraph's queries and loads run without the GIL). Raises what ``work`` raised, and
    :class:`~qagraph.errors.StoreError` naming ``what`` when the time passes first (``work`` goes on)."""
    done: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            done.append(work())
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread, which raises it
            failed.append(exc)  # with its traceback (--debug shows it); _evaluate's frames hold no result

    worker = _started(run)
    worker.join(timeout)  # Ctrl-C interrupts the wait: it raises KeyboardInterrupt here
    if worker.is_alive():
        raise StoreError(f"{what} did not end within {timeout:g} s; it was given up "
                         "(narrow it down, add a LIMIT, or allow more time)")
    if failed:
        raise failed[0]
    return done[0]


#: the stack of the thread a query runs in: Oxigraph's parser and evaluator recurse, once for each
#: bracket, FILTER, UNION or MINUS, and a query of 10,000 of them overflowed a thread's usual 8 MiB (a
#: segmentation fault that ended the process). Only the pages used are taken; where so much cannot
#: be had, the usual size.
QUERY_STACK = 512 * 1024 * 1024
_STACK_SIZE = threading.Lock()


def _started(run: Callable[[], None]) -> threading.Thread:
    """A daemon thread running ``run``, started with a stack of :data:`QUERY_STACK`."""
    with _STACK_SIZE:  # the size is the process's setting for the threads started next
        usual = threading.stack_size()
        try:
            threading.stack_size(QUERY_STACK)
            worker = threading.Thread(target=run, name="qagraph-sparql", daemon=True)
            worker.start()
            return worker
        except (ValueError, RuntimeError):  # a platform without the setting, or too little memory for it
            threading.stack_size(usual)
            worker = threading.Thread(target=run, name="qagraph-sparql", daemon=True)
            worker.start()
            return worker
        finally:
            threading.stack_size(usual)


#: the most characters a query may have, and the deepest its brackets may nest (``!`` and ``^`` count
#: as one level each): with :data:`QUERY_STACK`, every query within them is parsed without running out
#: of stack. Queries that people and programs write are far from either.
MAX_QUERY_CHARS = 1024 * 1024
MAX_QUERY_DEPTH = 1000
_NESTING = lazy_compile(r"[({\[]|[)}\]]|[!^]+")


def _check_size(query: str) -> None:
    """Refuse a query over :data:`MAX_QUERY_CHARS` or nested deeper than :data:`MAX_QUERY_DEPTH`
    (outside its IRIs, strings and comments), as a :class:`~qagraph.errors.UsageError`.

    >>> _check_size("ASK { FILTER(" + "(" * 2000 + "1" + ")" * 2000 + ") }")
    Traceback (most recent call last):
    ...
    qagraph.errors.UsageError: the query nests brackets (or ! and ^) 2,002 deep, over the limit of 1,000
    """
    if len(query) > MAX_QUERY_CHARS:
        raise UsageError(f"the query is {len(query):,} characters, over the limit of {MAX_QUERY_CHARS:,} "
                         "(a query that long is more likely a data file given by mistake)")
    depth = deepest = 0
    for found in _NESTING.finditer(OPAQUE.sub(" ", query)):
        mark = found.group()
        if mark in "({[":
            depth += 1
        elif mark in ")}]":
            depth = max(depth - 1, 0)
        deepest = max(deepest, depth + (len(mark) if mark[0] in "!^" else 0))
    if deepest > MAX_QUERY_DEPTH:
        raise UsageError(f"the query nests brackets (or ! and ^) {deepest:,} deep, over the limit of "
                         f"{MAX_QUERY_DEPTH:,}")


def _evaluate(store: Any, query: str, union: bool, write: Callable[[str], Any] | None = None,
              fmt: str = "table", base_iri: str | None = None) -> SparqlResult:
    """The result of ``query`` on ``store``, read whole (Oxigraph evaluates lazily, as it is read);
    with ``write``, a SELECT's rows written through it as ``fmt`` as they are read, and not kept.
    Relative IRIs (``<article/...>``, as the Turtle files write them) resolve against ``base_iri``."""
    import pyoxigraph as ox

    result: Any = None
    try:
        result = store.query(query, base_iri=base_iri, prefixes=PREFIXES, use_default_graph_as_union=union)
        if isinstance(result, ox.QueryBoolean):
            return SparqlResult("ask", boolean=bool(result))
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            if write is not None:
                return SparqlResult("select", variables=variables,
                                    written=_write_select(variables, result, fmt, _Writing(write)))
            rows = []
            for solution in result:  # a loop, not a comprehension: no frame of its own holds the result
                rows.append(tuple(solution))
            return SparqlResult("select", variables=variables, rows=rows)
        if write is not None:
            return SparqlResult("graph", written=_write_graph(result, fmt, _Writing(write)))
        return SparqlResult("graph", triples=list(result))
    except _WriteFailed as failed:  # the output's error (a closed pipe, a full disk), not the query's
        raise failed.error from None
    except SyntaxError as exc:
        update = _update_keyword(query)
        if update is not None:
            raise UsageError(f"this query is a SPARQL update ({update}); the graph comes from the content and is "
                             "read-only here: run SELECT, ASK, CONSTRUCT or DESCRIBE") from None
        raise UsageError(_syntax_error(query, str(exc))) from None
    except UnicodeEncodeError as exc:  # an argument holding bytes that are not UTF-8 (as surrogates)
        raise UsageError(f"the query is not valid UTF-8 text: {exc.object[exc.start:exc.end]!r} at character "
                         f"{exc.start + 1}") from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: a SERVICE's answer that does not parse
        raise StoreError(f"SPARQL query failed: {exc}") from None
    finally:
        result = None  # dropped in this thread, the one that made it (pyoxigraph's results may not move)


class _WriteFailed(Exception):
    """What writing a result raised, told from what reading it from the store raised."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


class _Writing:
    """``write``, whose errors are :class:`_WriteFailed`."""

    def __init__(self, write: Callable[[str], Any]) -> None:
        self.write = write

    def __call__(self, text: str) -> None:
        try:
            self.write(text)
        except Exception as exc:  # noqa: BLE001 - raised again as it was by _evaluate
            raise _WriteFailed(exc) from None


#: an item of what Oxigraph's parser expected: a token (``"{"``), a character class (``['0'..='9']``, ``[_]``:
#: any character; pages of them for a prefixed name, read by no one) or a keyword
_EXPECTED = lazy_compile(r'"(?:[^"\\]|\\.)*"|\[(?:\'(?:[^\'\\]|\\.)*\'|[^\]\'])*\]|[^,\s][^,]*')


def _syntax_error(query: str, error: str) -> str:
    """Oxigraph's ``error at LINE:COLUMN: expected ...`` as a user reads it: the line and column in
    words, what could come there without the parser's character classes (an undeclared prefix said
    as one), and the line of the query with a mark under the place. The parser stops where it can go
    no further, which may be past the mistake (at the end of the query, often): so it says.

    >>> print(_syntax_error("SELECT ?x WHERE { ?x foo:bar ?y }", "error at 1:29: expected one of Prefix not found, ['%']"))
    SPARQL syntax error at line 1, column 22: the prefix foo: is not declared (PREFIX foo: <...>; qa: schema: skos: dct: rdf: rdfs: xsd: void: prov: need none)
      SELECT ?x WHERE { ?x foo:bar ?y }
                           ^
    """
    found = re.match(r"error at (\d+):(\d+): expected (?:one of )?(.*)", error, re.S)
    if not found:
        return f"SPARQL syntax error: {error}"
    line, column = int(found[1]), int(found[2])
    lines = query.split("\n")
    text = lines[line - 1].rstrip("\r") if 0 < line <= len(lines) else ""
    expected = [e.strip() for e in _EXPECTED.findall(found[3]) if not e.startswith("[")]
    undeclared = _undeclared_prefix(query)
    if undeclared is not None:  # the parser names it only where a name can stand alone, as an object
        prefix, at = undeclared
        line, column = query.count("\n", 0, at) + 1, at - (query.rfind("\n", 0, at) + 1) + 1
        text = lines[line - 1].rstrip("\r")
        what = (f"the prefix {prefix}: is not declared (PREFIX {prefix}: <...>; "
                f"{' '.join(p + ':' for p in PREFIXES)} need none)")
    elif not re.sub(r"(?m)^\s*#.*$", "", query).strip():  # nothing to show a place in
        return "SPARQL syntax error: the query is empty" + (" (comments only)" if query.strip() else "")
    else:
        what = "the parser stopped here: the mistake is here or before it" + (
            f" (it expected {', '.join(expected)})" if expected else "")
    start = max(0, column - 1 - 60) if len(text) > 100 else 0  # a long line (a query on one line): around it
    shown = ("..." if start else "") + text[start: column - 1 + 60] + ("..." if len(text) > column - 1 + 60 else "")
    caret = " " * (column - 1 - start + (3 if start else 0)) + "^"
    return f"SPARQL syntax error at line {line}, column {column}: {what}\n  {printable(shown)}\n  {caret}"


def _undeclared_prefix(query: str) -> tuple[str, int] | None:
    """The first prefix ``query`` uses in a prefixed name (``ex:name``) that neither it nor qagraph
    declares, with its place, outside IRIs, strings and comments; ``None`` when every one is declared.

    >>> _undeclared_prefix("PREFIX ex: <urn:x#> SELECT * { ?s ex:a ?o ; schema:b ?x ; foaf:c '<y:z>' }")
    ('foaf', 58)
    """
    text = OPAQUE.sub(lambda m: " " * len(m[0]), query)
    declared = {m[1] for m in re.finditer(r"PREFIX\s+([^\s:]*):", text, re.I)} | set(PREFIXES)
    for name in re.finditer(r"(?<![\w?$:.-])((?:[A-Za-z][\w.-]*)?):", text):
        if name[1] not in declared:
            return name[1], name.start()
    return None


#: the prologue of a query (PREFIX and BASE declarations, comments), then its first word
_FIRST_WORD = lazy_compile(r"(?:\s+|#[^\n]*|(?:PREFIX\s+[^\s:]*:|BASE)\s*<[^>]*>)*([A-Za-z]+)", re.I)
_UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _update_keyword(query: str) -> str | None:
    """The SPARQL Update operation ``query`` starts with (``INSERT``, ``LOAD``...), or ``None``.

    >>> _update_keyword("PREFIX a: <urn:a#> # note\\n insert data {}"), _update_keyword("SELECT * {}")
    ('INSERT', None)
    """
    found = _FIRST_WORD.match(query)
    word = found[1].upper() if found else ""
    return word if word in _UPDATES else None


#: the keyword SERVICE: not part of a prefixed name (``ex:service``, ``service:x``) or a variable
_SERVICE = lazy_compile(r"(?<![\w:?$-])SERVICE(?![\w:-])", re.I)


def _calls_a_service(query: str) -> bool:
    """Whether ``query`` holds the keyword ``SERVICE`` (a federated query), outside its IRIs, strings
    and comments; a local name that merely ends in it (``ex:a.service``) counts too (refused, never sent).

    >>> _calls_a_service("SELECT * { SERVICE SILENT <http://127.0.0.1:8080/> { ?s ?p ?o } }")
    True
    >>> _calls_a_service("SELECT ?service { ?service ex:SERVICE 'SERVICE <x> {}' } # SERVICE")
    False
    """
    return _SERVICE.search(OPAQUE.sub(" ", query)) is not None


#: the keywords by which a query names graphs (``GRAPH``, ``FROM``, ``FROM NAMED``), as :data:`_SERVICE` finds its own
_GRAPH_KEYWORDS = lazy_compile(r"(?<![\w:?$-])(?:GRAPH|FROM|NAMED)(?![\w:-])", re.I)


def names_graphs(query: str) -> bool:
    """Whether ``query`` may name a graph (the keyword ``GRAPH``, ``FROM`` or ``NAMED`` outside its IRIs,
    strings and comments): only such a query needs a build's store to hold the named graphs (see
    :func:`~qagraph.rdf.store.open_store`); every other one reads the default graph alone.

    >>> names_graphs("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), names_graphs('SELECT * WHERE { ?s ?p "graph" } # FROM')
    (True, False)
    >>> names_graphs("SELECT * FROM <urn:x> WHERE { ?s ?p ?o }"), names_graphs("SELECT ?from WHERE { ?from ex:graph ?o }")
    (True, False)
    """
    return _GRAPH_KEYWORDS.search(OPAQUE.sub(" ", query)) is not None


def _store(target: Any, base_iri: str, similarity: str, graphs: bool = True) -> tuple[Any, bool]:
    """The store to query, and whether its default graph must be taken as the union of the named ones;
    a build's may hold its default graph alone unless ``graphs`` (:func:`names_graphs`)."""
    import pyoxigraph as ox

    if isinstance(target, ox.Store):
        # a build's store (open_store) holds every statement in its default graph too: the union
        # of its graphs would hold each twice; a store whose default graph is empty needs it
        held = next(iter(target.quads_for_pattern(None, None, None, ox.DefaultGraph())), None)
        return target, held is None
    if isinstance(target, (str, os.PathLike)):
        if Path(target).is_dir():
            from .store import open_store

            return open_store(target, graphs=graphs), False  # its default graph already holds every statement
        return load_store(target), True
    # a graph: networkx is imported for it alone (a query command answering from its build needs none)
    import networkx as nx

    if isinstance(target, nx.Graph):
        return to_store(target, base_iri, similarity=similarity), True
    graph = getattr(target, "graph", None)
    if isinstance(graph, nx.Graph):
        return to_store(graph, base_iri, similarity=similarity), True
    raise UsageError(f"cannot query a {type(target).__name__}: give a graph, a store, a build folder or an RDF file")


_DECLARED = lazy_compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
#: each namespace qagraph's RDF uses, by its twin of the other scheme (``http://schema.org/``)
_TWINS = {("http" + ns[5:] if ns.startswith("https:") else "https" + ns[4:]): ns for ns in PREFIXES.values()}


def check_namespaces(query: str) -> None:
    """A :class:`UsageError` when ``query`` names a term in the twin of a namespace qagraph's RDF uses,
    its other scheme (``PREFIX schema: <http://schema.org/>``, as Wikidata's queries declare it; the
    graph's terms are ``https://schema.org/``): nothing in qagraph's graph is named so, and the
    answer would be empty, as if nothing matched.

    >>> check_namespaces("PREFIX s: <http://schema.org/> ASK { ?q a s:Question }")
    Traceback (most recent call last):
    ...
    qagraph.errors.UsageError: the query names terms in <http://schema.org/>, a namespace qagraph's RDF does not use: its terms are in <https://schema.org/> (schema: is declared for you)
    """
    for m in OPAQUE.finditer(query):
        iri = m[0][1:-1] if m[0].startswith("<") else ""
        for twin, ns in _TWINS.items():
            if iri.startswith(twin) and not iri.startswith(ns):
                prefix = next(p for p, n in PREFIXES.items() if n == ns)
                raise UsageError(f"the query names terms in <{twin}>, a namespace qagraph's RDF does not use: its "
                                 f"terms are in <{ns}> ({prefix}: is declared for you)")


def with_prefixes(query: str) -> str:
    """``query`` with a ``PREFIX`` line for each prefix of :data:`PREFIXES` it uses but does not declare.

    >>> with_prefixes("ASK { ?q a schema:Question }").splitlines()[0]
    'PREFIX schema: <https://schema.org/>'
    """
    declared = set(_DECLARED.findall(query))
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
             if p not in declared and re.search(rf"(?<![\w<]){re.escape(p)}:", query)]
    return "\n".join(lines + [query])


def sparql_endpoint(url: str, query: str, *, timeout: float | None = 60.0,
                    bindings: Mapping[str, Any] | None = None) -> SparqlResult:
    """Run ``query`` on a remote SPARQL endpoint (SPARQL 1.1 Protocol, HTTP POST).

    ``url`` is the endpoint, e.g. ``http://localhost:7878/query`` (Oxigraph),
    ``http://localhost:3030/ds/sparql`` (Jena Fuseki) or ``http://localhost:8890/sparql``
    (Virtuoso). The prefixes of :data:`PREFIXES` are declared for the query when it uses
    them. SELECT and ASK answers are read as SPARQL 1.1 JSON results, CONSTRUCT and
    DESCRIBE answers as N-Triples. Which graph the query sees by default is the store's
    choice (see the README on union default graphs).

    ``timeout`` (seconds; ``None``: no limit) bounds the whole exchange, however slowly the
    answer comes (a socket's own timeout bounds each wait alone), and Ctrl-C stops it at once
    (:func:`waited_for`). ``bindings`` are bound as :func:`sparql` binds them, in the text sent.

    Raises :class:`~qagraph.errors.StoreError` when the endpoint cannot be reached,
    answers with an error, answers something that is not a SPARQL result, or not in time.

    Example, with ``oxigraph serve`` running::

        sparql_endpoint("http://localhost:7878/query", "ASK { ?s ?p ?o }").boolean   # -> True
    """
    import urllib.parse

    limit = time_limit(timeout)
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise UsageError(f"endpoint {url!r} is not an http(s) URL")
    query = bind(query, bindings)
    return waited_for(lambda: _ask_endpoint(url, query, limit), limit, what=f"the SPARQL query sent to {url}")


def _ask_endpoint(url: str, query: str, timeout: float | None) -> SparqlResult:
    """:func:`sparql_endpoint`'s exchange, each wait on the socket at most ``timeout``."""
    import json as _json
    import socket
    import urllib.error
    import urllib.parse
    import urllib.request

    import pyoxigraph as ox

    request = urllib.request.Request(
        url, data=urllib.parse.urlencode({"query": with_prefixes(query)}).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded",
                 "Accept": "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"},
    )
    from .graphstore import NO_REDIRECTS

    try:
        with NO_REDIRECTS.open(request, timeout=timeout) as response:
            media = response.headers.get_content_type()
            body = response.read()
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:  # followed, a POST became a GET without the query: another host's answer
            moved = exc.headers.get("Location") if exc.headers else None
            raise StoreError(f"POST {url} failed: HTTP {exc.code} {exc.reason}, a redirect "
                             + (f"to {moved}" if moved else "without a Location") + ": redirects are not "
                             "followed; give the endpoint's own URL") from None
        detail = exc.read(2000).decode("utf-8", "replace").strip()
        raise StoreError(f"POST {url} failed: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, ConnectionRefusedError):
            raise StoreError(f"cannot connect to {url}: connection refused (is the triple store running?)") from None
        raise StoreError(f"cannot reach {url}: {exc.reason}") from None
    except (socket.timeout, TimeoutError):
        raise StoreError(f"POST {url}: no answer within {timeout:g} s") from None
    except OSError as exc:
        raise StoreError(f"POST {url} failed: {exc}") from None
    try:
        if media in ("application/sparql-results+json", "application/json"):
            data = _json.loads(body)
            if "boolean" in data:
                return SparqlResult("ask", boolean=bool(data["boolean"]))
            variables = list(data["head"]["vars"])
            rows = [tuple(_term_of(b.get(v)) for v in variables) for b in data["results"]["bindings"]]
            return SparqlResult("select", variables=variables, rows=rows)
        rdf = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE,
               "text/plain": ox.RdfFormat.N_TRIPLES}.get(media)
        if rdf is None:
            raise ValueError(f"unexpected media type {media!r}")
        return SparqlResult("graph", triples=list(ox.parse(body, format=rdf)))
    except (ValueError, KeyError, TypeError, SyntaxError, RecursionError) as exc:  # JSON nested past the stack
        raise StoreError(f"{url} answered something that is not a SPARQL result: {exc}") from None


def _term_of(binding: dict[str, Any] | None) -> Any:
    """A SPARQL 1.1 JSON results binding as a pyoxigraph term."""
    import pyoxigraph as ox

    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return ox.Literal(value, language=binding["xml:lang"])
        if "datatype" in binding:
            return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
        return ox.Literal(value)
    raise ValueError(f"unknown term type {kind!r}")


# -- formatting ----------------------------------------------------------------------------

RESULT_FORMATS = ("table", "csv", "json")
_LOCAL_NAME = lazy_compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


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
    if fmt not in RESULT_FORMATS:
        raise UsageError(f"unknown result format {fmt!r} (known: {', '.join(RESULT_FORMATS)})")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    parts: list[str] = []
    if result.kind == "graph":
        _write_graph(result.triples, fmt, parts.append)
    else:
        _write_select(result.variables, result.rows, fmt, parts.append)
    return "".join(parts)


#: the rows of a table for people: the rest of a longer answer is counted, and left to CSV or JSON
TABLE_ROWS = 10_000
#: the rows of CSV or JSON written at once
_CHUNK_ROWS = 1_000


def _write_select(variables: list[str], rows: Iterable[Any], fmt: str, write: Callable[[str], Any]) -> int:
    """SELECT ``rows`` (tuples of terms, or pyoxigraph's solutions) written through ``write`` as ``fmt``,
    a chunk of rows at a time; the number of rows. A table shows :data:`TABLE_ROWS` of them at most
    (its columns are as wide as its widest cell: it is written once all are read)."""
    count = 0
    try:
        if fmt == "json":  # json.dumps's text of the whole answer, its bindings written as they come
            head, tail = json.dumps({"head": {"vars": variables}, "results": {"bindings": [0]}},
                                    ensure_ascii=False).rsplit("[0]", 1)
            chunk = [head, "["]
            for row in rows:
                binding = {v: _json_term(t) for v, t in zip(variables, row) if t is not None}
                chunk.append((", " if count else "") + json.dumps(binding, ensure_ascii=False))
                count += 1
                if count % _CHUNK_ROWS == 0:
                    write("".join(chunk))
                    chunk = []
            write("".join(chunk) + "]" + tail + "\n")
        elif fmt == "csv":
            count = _write_csv(variables, ([_csv_term(t) for t in row] for row in rows), write)
        else:
            shown = []
            for row in rows:
                if count < TABLE_ROWS:
                    shown.append([_short(t) for t in row])
                count += 1
            write(_table(variables, shown, total=count))
    finally:
        rows = ()  # a failed write's traceback keeps this frame: not pyoxigraph's result, which stays in its thread
    return count


def _write_graph(triples: Iterable[Any], fmt: str, write: Callable[[str], Any]) -> int:
    """CONSTRUCT or DESCRIBE ``triples`` (a list, or pyoxigraph's result) written through ``write`` as
    ``fmt``, as they are read; the number of triples. Turtle for ``table``, JSON-LD for ``json``:
    Oxigraph's serializers, which write as they read (8 KB at a time), so a graph of millions of
    statements is never held whole; subject, predicate and object rows for ``csv``."""
    import pyoxigraph as ox

    count = 0

    def counted() -> Generator[Any, None, None]:
        nonlocal count
        for triple in triples:
            count += 1
            yield triple

    each = counted()
    try:
        if fmt == "csv":
            _write_csv(["subject", "predicate", "object"],
                       ([_csv_term(t.subject), _csv_term(t.predicate), _csv_term(t.object)] for t in each), write)
        else:
            text = _TextWriter(write)
            if fmt == "json":
                ox.serialize(each, cast(IO[bytes], text), ox.RdfFormat.JSON_LD)
            else:
                ox.serialize(each, cast(IO[bytes], text), ox.RdfFormat.TURTLE, prefixes=PREFIXES)
            text.end("\n" if fmt == "json" else "")
    finally:
        each.close()  # a failed write's traceback keeps this frame: not pyoxigraph's result, which
        triples = ()  # stays in its thread (the closed generator's frame, which held it, is gone)
    return count


def _write_csv(header: list[str], rows: Iterable[list[str]], write: Callable[[str], Any]) -> int:
    """``header`` and ``rows`` (their cells' text) written through ``write`` as CSV, :data:`_CHUNK_ROWS`
    rows at a time; the number of rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    count = 0
    try:
        for row in rows:
            writer.writerow(row)
            count += 1
            if count % _CHUNK_ROWS == 0:
                write(out.getvalue())
                out.seek(0)
                out.truncate()
        write(out.getvalue())
    finally:
        rows = ()  # a failed write's traceback keeps this frame: not the rows, which may hold pyoxigraph's result
    return count


class _TextWriter:
    """A binary file for Oxigraph's serializers that hands ``write`` the text of its bytes (a
    character cut between two of their pieces is kept for the next)."""

    def __init__(self, write: Callable[[str], Any]) -> None:
        self.write_text = write
        self.decoder = codecs.getincrementaldecoder("utf-8")()

    def write(self, data: bytes) -> int:
        text = self.decoder.decode(data)
        if text:
            self.write_text(text)
        return len(data)

    def flush(self) -> None:
        """Nothing kept here to flush (``write`` is given every piece at once)."""

    def end(self, last: str) -> None:
        """The last piece written, after what the decoder kept (nothing, from Oxigraph's UTF-8)."""
        text = self.decoder.decode(b"", final=True) + last
        if text:
            self.write_text(text)


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
    return str(term.value)


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


def _table(header: list[str], rows: list[list[str]], limit: int = 80, total: int | None = None) -> str:
    """An aligned text table; cells are cut to ``limit`` characters and kept on one line. With a
    ``total`` above the rows given, the last line says how many are shown of how many."""
    def cell(text: str) -> str:
        text = printable(" ".join(text.split()))  # a terminal's commands shown, not obeyed
        return text if len(text) <= limit else text[: limit - 1] + "…"

    cells = [[cell(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    if total is not None and total > len(rows):
        lines.append(f"(the first {len(rows):,} of {total:,} rows: -f csv or -f json writes them all)")
    else:
        lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
