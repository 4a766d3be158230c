"""SHACL validation of the export against ``ontology/shapes.ttl``, at full size.

pySHACL walks the data node by node in Python: minutes for 40,000 triples, hours for a
36,000-article build. :func:`validate` instead compiles every constraint of the shapes
into one SPARQL query that finds all its violations at once (set-at-a-time, as the
SHACL-SPARQL definitions of the core components say), and runs them on an Oxigraph
store: the build folder's persistent store (:func:`~qagraph.rdf.store.open_store`), or
an in-memory one for a graph or a file. It supports the constraints ``shapes.ttl`` uses
(targets by class and by subject-of; node kind, closed shapes; property shapes with a
predicate or inverse path and min/max count, datatype, node kind, min length, class,
in, has-value, min/max inclusive and exclusive, equals, disjoint, or; SPARQL-based
constraints) and refuses any other, so a new kind of constraint cannot be skipped
silently. ``engine="pyshacl"`` runs pySHACL on the same shapes instead (small data; the
tests check both engines find the same violations).

Closed shapes also allow, on the classes of their ends, the predicates of every edge
kind registered in :mod:`qagraph.kinds`: registering a kind does not make its edges
violations.

Each violation names the focus node, the property and the constraint; with a mapping
from article IRIs to files (``files=``; taken from the graph when validating one) it
also names the article's file and front-matter field.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .. import kinds as _kinds
from ..errors import OutputError, UsageError
from ..ids import ARTICLE, KEYWORD, STUB, SUBJECT
from ..workers import fork_pool
from .iri import DEFAULT_BASE_IRI, IRIs
from .vocab import DCT, QA, SCHEMA, SKOS

__all__ = ["ONTOLOGY", "ONTOLOGY_DIR", "SHAPES", "ValidationReport", "Violation", "compile_shapes", "validate"]

#: the ontology folder, found through the package (``qagraph/ontology`` links to it)
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "qagraph.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"

_SH = "http://www.w3.org/ns/shacl#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"

#: the front-matter field a property comes from (on an answer, schema:text is the answer)
FIELDS: dict[str, str] = {
    str(SCHEMA.name): "title", str(SCHEMA.text): "question", str(SCHEMA.description): "description",
    str(SCHEMA.url): "url", str(SCHEMA.identifier): "id", str(SCHEMA.dateCreated): "date",
    str(SCHEMA.author): "author", str(SCHEMA.about): "subject", str(DCT.subject): "subject",
    str(SCHEMA.keywords): "keywords", str(DCT.relation): "related", str(SCHEMA.acceptedAnswer): "answer",
    str(QA.similarTo): "keywords (similar articles)", str(QA.sameQuestionAs): "same question",
}
_NODE_CLASSES = {ARTICLE: str(SCHEMA.Question), STUB: str(QA.ExternalQuestion),
                 SUBJECT: str(SKOS.Concept), KEYWORD: str(SKOS.Concept)}


@dataclass(frozen=True)
class Violation:
    """One result: ``focus`` fails ``component`` of ``shape`` on ``path``."""

    shape: str
    component: str  #: e.g. ``MinCountConstraintComponent``
    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str = "Violation"
    file: str | None = None  #: the article's file, when known
    field: str | None = None  #: the front-matter field, when the property comes from one

    def __str__(self) -> str:
        where = self.file or f"<{self.focus}>"
        what = self.field or (_short(self.path) if self.path else "")
        value = f" (value {self.value})" if self.value is not None and "{" not in self.message else ""
        return f"{where}: {what + ': ' if what else ''}{self.message}{value} [{self.component}, {_short(self.shape)}, <{self.focus}>]"


@dataclass
class ValidationReport:
    """What :func:`validate` found. Unpacks as ``(conforms, text)``, like pySHACL's first two."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    constraints: int = 0  #: how many constraints were checked

    @property
    def text(self) -> str:
        lines = ["Validation Report", f"Conforms: {self.conforms}",
                 f"Constraints checked: {self.constraints}", f"Results ({len(self.violations)}):"]
        lines += [f"  {v}" for v in self.violations]
        return "\n".join(lines) + "\n"

    def __iter__(self) -> Iterator[Any]:
        return iter((self.conforms, self.text))


def _short(iri: str | None) -> str:
    from .vocab import PREFIXES

    if not iri:
        return ""
    inverse = iri.startswith("^")
    core = iri[1:] if inverse else iri
    for prefix, ns in {**PREFIXES, "qas": "https://qagraph.example/shapes#", "sh": _SH}.items():
        if core.startswith(ns):
            core = f"{prefix}:{core[len(ns):]}"
            break
    return ("^" if inverse else "") + core


# -- compiling the shapes ------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    """One constraint as a SPARQL query selecting ``?this`` (and ``?value``, ``?path``) per violation."""

    shape: str
    component: str
    path: str | None
    query: str
    message: str
    severity: str = "Violation"


_PROPERTY_KEYS = {
    "path", "minCount", "maxCount", "datatype", "nodeKind", "minLength", "maxLength", "class", "in", "hasValue",
    "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "equals", "disjoint", "or", "message",
    "severity", "name", "description", "deactivated", "order", "group",
}
_NODE_KEYS = {
    "targetClass", "targetSubjectsOf", "targetObjectsOf", "targetNode", "nodeKind", "closed", "ignoredProperties",
    "property", "sparql", "message", "severity", "deactivated", "declare", "name", "description",
}
_NODE_KINDS = {
    "IRI": "isIRI({v})", "Literal": "isLiteral({v})", "BlankNode": "isBlank({v})",
    "BlankNodeOrIRI": "(isBlank({v}) || isIRI({v}))", "BlankNodeOrLiteral": "(isBlank({v}) || isLiteral({v}))",
    "IRIOrLiteral": "(isIRI({v}) || isLiteral({v}))",
}


def _n3(term: Any) -> str:
    return str(term.n3())


def compile_shapes(shapes: str | os.PathLike[str] = SHAPES, *, subclasses: bool = True) -> list[Check]:
    """Every constraint of the SHACL file ``shapes`` as a :class:`Check`.

    ``subclasses=False``: the data states no ``rdfs:subClassOf``, so an instance of a
    class is what is typed with it (``rdf:type``, no ``rdf:type/rdfs:subClassOf*`` path
    to follow from every value: the same answers, much faster).

    Raises :class:`~qagraph.errors.UsageError` on a constraint this compiler does not
    support (run ``engine="pyshacl"`` for those).

    >>> len(compile_shapes()) > 40
    True
    """
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.collection import Collection

    g: Any = Graph().parse(str(shapes), format="turtle")
    TYPE = URIRef(_RDF_TYPE)

    def SH(name: str) -> Any:  # noqa: N802 - reads as the namespace
        return URIRef(_SH + name)

    def local(p: Any) -> str | None:
        text = str(p)
        return text[len(_SH):] if text.startswith(_SH) else None

    def one(s: Any, name: str) -> Any:
        return g.value(s, SH(name))

    def items(node: Any) -> list[Any]:
        collection: Any = Collection
        return list(collection(g, node))

    extra = _registry_allowances()
    checks: list[Check] = []
    is_a = f"<{_RDF_TYPE}>/<{_SUBCLASS}>*" if subclasses else f"<{_RDF_TYPE}>"
    node_shapes = sorted(set(g.subjects(TYPE, SH("NodeShape"))), key=str)
    for shape in node_shapes:
        if one(shape, "deactivated") == Literal(True):
            continue
        keys = {str(local(p)) for p in g.predicates(shape) if local(p) is not None}
        unknown = keys - _NODE_KEYS
        if unknown:
            raise UsageError(f"{shapes}: shape {shape} uses {', '.join(sorted('sh:' + k for k in unknown))}, "
                             "which qagraph's validator does not support (use engine='pyshacl')")
        name = str(shape)
        targets = []
        classes = sorted(str(c) for c in g.objects(shape, SH("targetClass")))
        targets += [f"{{ ?this {is_a} <{c}> }}" for c in classes]
        targets += [f"{{ SELECT DISTINCT ?this {{ ?this <{p}> [] }} }}" for p in sorted(map(str, g.objects(shape, SH("targetSubjectsOf"))))]
        targets += [f"{{ SELECT DISTINCT ?this {{ [] <{p}> ?this }} }}" for p in sorted(map(str, g.objects(shape, SH("targetObjectsOf"))))]
        targets += [f"{{ BIND({_n3(n)} AS ?this) }}" for n in sorted(g.objects(shape, SH("targetNode")), key=str)]
        if not targets:
            continue
        T = targets[0] if len(targets) == 1 else "{ " + " UNION ".join(targets) + " }"
        severity = str(one(shape, "severity") or SH("Violation"))[len(_SH):]
        prefixes = _declared_prefixes(g, shape)

        def add(component: str, path: str | None, where: str, message: str, select: str = "?this ?value",
                tail: str = "", _shape: str = name, _sev: str = severity) -> None:
            query = f"SELECT {select} WHERE {{ {T} {where} }}{tail}"
            checks.append(Check(_shape, component + "ConstraintComponent", path, query, message, _sev))

        kind = one(shape, "nodeKind")
        if kind is not None:
            expr = _NODE_KINDS[str(kind)[len(_SH):]].format(v="?this")
            add("NodeKind", None, f"FILTER (!{expr}) BIND(?this AS ?value)", f"is not a {str(kind)[len(_SH):]}")

        allowed: set[str] = set()
        for prop in sorted(g.objects(shape, SH("property")), key=lambda n: str(one(n, "path"))):
            if one(prop, "deactivated") == Literal(True):
                continue
            pkeys = {str(local(p)) for p in g.predicates(prop) if local(p) is not None}
            unknown = pkeys - _PROPERTY_KEYS
            if unknown:
                raise UsageError(f"{shapes}: a property shape of {shape} uses "
                                 f"{', '.join(sorted('sh:' + k for k in unknown))}, which qagraph's validator "
                                 "does not support (use engine='pyshacl')")
            raw = one(prop, "path")
            if isinstance(raw, URIRef):
                path, P = str(raw), f"<{raw}>"
                allowed.add(str(raw))
            elif isinstance(raw, BNode) and one(raw, "inversePath") is not None:
                path, P = "^" + str(one(raw, "inversePath")), f"^<{one(raw, 'inversePath')}>"
            else:
                raise UsageError(f"{shapes}: a property path of {shape} is neither a predicate nor an inverse path")
            msg = one(prop, "message")
            psev = str(one(prop, "severity") or SH(severity))[len(_SH):]

            def padd(component: str, where: str, default: str, select: str = "?this ?value", tail: str = "",
                     _path: str = path, _msg: Any = msg, _sev: str = psev) -> None:
                add(component, _path, where, str(_msg) if _msg is not None else default, select, tail, _sev=_sev)

            for c in g.objects(prop, SH("minCount")):
                n = int(c)
                if n == 1:
                    padd("MinCount", f"FILTER NOT EXISTS {{ ?this {P} ?v }}", "has no value", select="?this")
                elif n > 1:
                    padd("MinCount", f"OPTIONAL {{ ?this {P} ?v }}", f"has fewer than {n} values",
                         select="?this (COUNT(DISTINCT ?v) AS ?value)", tail=f" GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {n})")
            for c in g.objects(prop, SH("maxCount")):
                n = int(c)
                padd("MaxCount", f"?this {P} ?v .", f"has more than {n} value{'s' if n != 1 else ''}",
                     select="?this (COUNT(DISTINCT ?v) AS ?value)", tail=f" GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {n})")
            value = f"?this {P} ?value ."
            for d in g.objects(prop, SH("datatype")):
                padd("Datatype", f"{value} FILTER (!isLiteral(?value) || datatype(?value) != <{d}>)", f"is not a {_short(str(d))}")
            for k in g.objects(prop, SH("nodeKind")):
                expr = _NODE_KINDS[str(k)[len(_SH):]].format(v="?value")
                padd("NodeKind", f"{value} FILTER (!{expr})", f"is not a {str(k)[len(_SH):]}")
            for n in g.objects(prop, SH("minLength")):
                padd("MinLength", f"{value} FILTER (isBlank(?value) || STRLEN(STR(?value)) < {int(n)})", f"is shorter than {int(n)}")
            for n in g.objects(prop, SH("maxLength")):
                padd("MaxLength", f"{value} FILTER (isBlank(?value) || STRLEN(STR(?value)) > {int(n)})", f"is longer than {int(n)}")
            for c in g.objects(prop, SH("class")):
                padd("Class", f"{value} FILTER NOT EXISTS {{ ?value {is_a} <{c}> }}",
                     f"is not a {_short(str(c))}")
            for lst in g.objects(prop, SH("in")):
                members = " || ".join(f"sameTerm(?value, {_n3(m)})" for m in items(lst)) or "false"
                padd("In", f"{value} FILTER (!({members}))", "is not one of the allowed values")
            for h in g.objects(prop, SH("hasValue")):
                padd("HasValue", f"FILTER NOT EXISTS {{ ?this {P} {_n3(h)} }}", f"does not have {_n3(h)}", select="?this")
            for key, op in (("minInclusive", ">="), ("maxInclusive", "<="), ("minExclusive", ">"), ("maxExclusive", "<")):
                for bound in g.objects(prop, SH(key)):
                    padd(key[0].upper() + key[1:], f"{value} FILTER (!COALESCE(?value {op} {_n3(bound)}, false))",
                         f"is not {op} {bound}")
            for q in g.objects(prop, SH("equals")):
                padd("Equals", f"{{ ?this {P} ?value FILTER NOT EXISTS {{ ?this <{q}> ?value }} }} UNION "
                     f"{{ ?this <{q}> ?value FILTER NOT EXISTS {{ ?this {P} ?value }} }}", f"differs from {_short(str(q))}")
            for q in g.objects(prop, SH("disjoint")):
                padd("Disjoint", f"{value} ?this <{q}> ?value .", f"is also a value of {_short(str(q))}")
            for lst in g.objects(prop, SH("or")):
                alternatives = [_value_expression(g, alt, shapes, is_a) for alt in items(lst)]
                padd("Or", f"{value} FILTER (!({' || '.join(alternatives) or 'false'}))", "matches none of the alternatives")

        if one(shape, "closed") == Literal(True):
            ignored = {str(i) for lst in g.objects(shape, SH("ignoredProperties")) for i in items(lst)}
            for c in classes:
                allowed |= extra.get(c, set())
            keep = sorted(allowed | ignored)
            members = ", ".join(f"<{p}>" for p in keep)
            add("Closed", None, f"?this ?path ?value . FILTER (?path NOT IN ({members}))" if keep else "?this ?path ?value .",
                "has a property the shape does not allow", select="?this ?path ?value")

        for constraint in g.objects(shape, SH("sparql")):
            select = one(constraint, "select")
            if select is None:
                raise UsageError(f"{shapes}: a SPARQL constraint of {shape} has no sh:select")
            text = str(select)
            if re.search(r"\$(PATH|currentShape|shapesGraph)\b", text):
                raise UsageError(f"{shapes}: the SPARQL constraint of {shape} uses $PATH, $currentShape or "
                                 "$shapesGraph, which qagraph's validator does not support (use engine='pyshacl')")
            inner = re.sub(r"\$this\b", "?this", text).strip()
            header = prefixes + "".join(_declared_prefixes(g, p) for p in g.objects(constraint, SH("prefixes")))
            msg = one(constraint, "message")
            query = f"{header}SELECT * WHERE {{ {T} {{ {inner} }} }}"
            checks.append(Check(name, "SPARQLConstraintComponent", None, query,
                                str(msg) if msg is not None else "fails a SPARQL constraint", severity))
    return checks


def _declared_prefixes(g: Any, node: Any) -> str:
    from rdflib import URIRef

    out = []
    for decl in g.objects(node, URIRef(_SH + "declare")):
        prefix, ns = g.value(decl, URIRef(_SH + "prefix")), g.value(decl, URIRef(_SH + "namespace"))
        if prefix is not None and ns is not None:
            out.append(f"PREFIX {prefix}: <{ns}>\n")
    return "".join(out)


def _value_expression(g: Any, alt: Any, shapes: Any, is_a: str) -> str:
    """An ``sh:or`` alternative (a shape of value constraints) as a SPARQL expression on ``?value``."""
    from rdflib import URIRef

    parts = []
    for p, o in g.predicate_objects(alt):
        name = str(p)[len(_SH):] if str(p).startswith(_SH) else None
        if name is None:
            continue
        if name == "datatype":
            parts.append(f"(isLiteral(?value) && datatype(?value) = <{o}>)")
        elif name == "class":
            parts.append(f"EXISTS {{ ?value {is_a} <{o}> }}")
        elif name == "nodeKind":
            parts.append(_NODE_KINDS[str(o)[len(_SH):]].format(v="?value"))
        elif name == "hasValue":
            parts.append(f"sameTerm(?value, {o.n3()})")
        else:
            raise UsageError(f"{shapes}: an sh:or alternative uses sh:{name}, which qagraph's validator does not "
                             "support (use engine='pyshacl')")
    del URIRef
    return "(" + " && ".join(parts or ["true"]) + ")"


def _registry_allowances() -> dict[str, set[str]]:
    """Class IRI -> the predicates registered edge kinds state on its instances."""
    out: dict[str, set[str]] = {}
    for kind in _kinds.EDGE_KINDS.values():
        ends = set(kind.source) | (set(kind.target) if kind.symmetric else set())
        for node_kind in ends:
            cls = _NODE_CLASSES.get(node_kind)
            if cls is not None:
                out.setdefault(cls, set()).update(kind.predicates)
    return out


# -- running them --------------------------------------------------------------------------


def validate(
    target: Any,
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    shapes: str | os.PathLike[str] = SHAPES,
    files: Mapping[str, str] | None = None,
    similarity: str = "full",
    engine: str = "oxigraph",
    workers: int | None = None,
    timings: dict[str, float] | None = None,
) -> ValidationReport:
    """Check the SHACL shapes on a graph, a build folder or an RDF file; every violation found.

    ``target``: a networkx graph or an object with a ``.graph`` (exported in memory with
    ``similarity`` detail, default ``full`` so every shape has data to check), a build
    folder (its part files, through its persistent store), or an RDF file. ``files``:
    article IRI -> file path, to name each violation's file (taken from the graph's
    ``path`` data when ``target`` is a graph). ``engine``: ``oxigraph`` (set-at-a-time
    SPARQL, any size) or ``pyshacl`` (small data only). ``workers``: processes running
    the checks on a build folder's store (default: the cores). ``timings``: a dict that
    receives the seconds each check took.

    Raises :class:`~qagraph.errors.UsageError` for a target that is neither, or a file
    that is not valid RDF.

    >>> report = validate(nx.MultiDiGraph())
    >>> report.conforms, len(report.violations)
    (True, 0)

    The workers open a build folder's store by its path: a build put in place meanwhile (its folder
    swapped in whole, the previous one removed) leaves them none to open, and the build now in place
    is checked from the start.
    """
    from .store import REPLACED_BUILDS_FOLLOWED as attempts

    for attempt in range(1, attempts + 1):
        try:
            return _validate(target, base_iri=base_iri, shapes=shapes, files=files, similarity=similarity,
                             engine=engine, workers=workers, timings=timings)
        except _StoreGone:
            if attempt == attempts:
                raise OutputError(f"the build was replaced {attempts} times while it was checked; check it when "
                                  "no build is running", path=str(target)) from None
    raise AssertionError("unreachable")


class _StoreGone(Exception):
    """The store the workers were to open is no longer at its path (a build was put in place)."""


def _validate(
    target: Any,
    *,
    base_iri: str,
    shapes: str | os.PathLike[str],
    files: Mapping[str, str] | None,
    similarity: str,
    engine: str,
    workers: int | None,
    timings: dict[str, float] | None,
) -> ValidationReport:
    """:func:`validate`, once."""
    import pyoxigraph as ox

    from .query import load_store

    graph = target if isinstance(target, nx.Graph) else getattr(target, "graph", None)
    union, db = True, None
    if isinstance(graph, nx.Graph):
        store, union = _merged_store(graph, base_iri, similarity), False
        if files is None:
            iris = IRIs(base_iri)
            files = {iris.node(n): d["path"] for n, d in graph.nodes(data=True) if d.get("kind") == ARTICLE and d.get("path")}
    elif isinstance(target, (str, os.PathLike)):
        if Path(target).is_dir():
            from .store import current_store, open_store, oxigraph_path

            store, union = open_store(target, graphs=False), False  # its default graph holds every statement
            db = current_store(target, graphs=False)  # (the checks read no named graph)
            if not db.is_dir():  # a build folder that cannot be written: the store is in memory, here
                db = None
        else:
            store = load_store(target)
    elif isinstance(target, ox.Store):
        store = target
    else:
        raise UsageError(f"cannot validate a {type(target).__name__}: give a graph, a build folder or an RDF file")
    if engine == "pyshacl":
        return _pyshacl(store, shapes, files, union)
    if engine != "oxigraph":
        raise UsageError(f"unknown validation engine {engine!r} (known: oxigraph, pyshacl)")
    subclasses = bool(store.query(f"ASK {{ ?a <{_SUBCLASS}> ?b }}", use_default_graph_as_union=union))
    checks = compile_shapes(shapes, subclasses=subclasses)
    violations: list[Violation] = []
    n = min(workers or os.cpu_count() or 1, len(checks))
    if db is not None and n > 1 and "fork" in multiprocessing.get_all_start_methods():
        # the on-disk store opened read-only by each worker; checks dealt round-robin
        try:
            with fork_pool(n) as pool:
                done = pool.starmap(_run_checks, [(oxigraph_path(db), checks[i::n], union, shapes) for i in range(n)])
        except (OSError, RuntimeError):
            if not db.is_dir():
                raise _StoreGone() from None
            raise
        for found, took in done:
            violations += found
            if timings is not None:
                timings.update(took)
    else:
        found, took = _run_checks(store, checks, union, shapes)
        violations += found
        if timings is not None:
            timings.update(took)
    return ValidationReport(not violations, _locate(violations, store, files or {}), len(checks))


def _merged_store(G: nx.MultiDiGraph, base_iri: str, similarity: str) -> Any:
    """An in-memory store with the export of ``G`` merged in its default graph (the fast way to query it)."""
    import pyoxigraph as ox

    from .syntax import ntriples
    from .triples import part_count, split_parts, statements

    store = ox.Store()
    iris = IRIs(base_iri)
    articles = sum(1 for _, kind in G.nodes(data="kind") if kind == ARTICLE)
    for i, nodes in split_parts(G, part_count(articles)).items():
        graphs = statements(G, nodes, iris, similarity=similarity, schemes=i == 0)
        store.bulk_load(ntriples(graphs).encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())
    return store


def _run_checks(store: Any, checks: list[Check], union: bool, shapes: Any) -> tuple[list[Violation], dict[str, float]]:
    """Run ``checks`` on ``store`` (or on the read-only store at that path): the violations and seconds per check."""
    import pyoxigraph as ox

    if isinstance(store, str):
        store = ox.Store.read_only(store)
    violations: list[Violation] = []
    took: dict[str, float] = {}
    for check in checks:
        started = time.perf_counter()
        try:
            solutions = store.query(check.query, use_default_graph_as_union=union)
        except SyntaxError as exc:  # a bug in the compiler or in a shape's sh:select
            raise UsageError(f"{shapes}: the check of {check.shape} ({check.component}) is not valid SPARQL: {exc}") from None
        names = [v.value for v in solutions.variables]
        for row in solutions:
            violations.append(_violation(check, dict(zip(names, row))))
        took[f"{_short(check.shape)} {check.component} {_short(check.path)}"] = time.perf_counter() - started
    return violations, took


def _text(term: Any) -> str | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


def _violation(check: Check, found: dict[str, Any]) -> Violation:
    import pyoxigraph as ox

    this = found.get("this")
    value = found.get("value")
    path = check.path
    if "path" in found and found["path"] is not None:
        path = found["path"].value
    message = check.message
    for name, term in found.items():
        if term is not None:
            shown = term.value if isinstance(term, (ox.NamedNode, ox.Literal)) else str(term)
            message = message.replace(f"{{?{name}}}", shown).replace(f"{{${name}}}", shown)
    return Violation(check.shape, check.component, _text(this) or "", path, str(value) if value is not None else None,
                     message, check.severity)


def _locate(violations: list[Violation], store: Any, files: Mapping[str, str]) -> list[Violation]:
    """Each violation with the file and field of the article it is about, where known."""
    import dataclasses

    import pyoxigraph as ox

    out = []
    for v in violations:
        focus, field_name = v.focus, FIELDS.get((v.path or "").lstrip("^"))
        doc, _, fragment = focus.partition("#")
        if fragment == "answer":
            field_name = "answer"
        article = doc
        if doc not in files and v.focus:
            try:  # a similarity record: the article it starts from
                for q in store.quads_for_pattern(ox.NamedNode(focus), ox.NamedNode(str(QA.source)), None):
                    article = q.object.value
                    field_name = field_name or "keywords (similar articles)"
                    break
            except ValueError:
                pass
        out.append(dataclasses.replace(v, file=files.get(article), field=field_name))
    out.sort(key=lambda v: (v.file or "", v.focus, v.path or "", v.component, v.value or ""))
    return out


def _pyshacl(store: Any, shapes: str | os.PathLike[str], files: Mapping[str, str] | None, union: bool) -> ValidationReport:
    """pySHACL on the store's statements (small data): the reference the compiled checks are tested against."""
    import pyoxigraph as ox
    import pyshacl
    from rdflib import Graph

    from rdflib import Dataset

    ds = Dataset()
    quads = store.quads_for_pattern(None, None, None, None if union else ox.DefaultGraph())
    ds.parse(data=ox.serialize(quads, format=ox.RdfFormat.N_QUADS), format="nquads")
    merged = Graph()
    for s, p, o, _ in ds.quads():
        merged.add((s, p, o))
    shapes_graph: Any = Graph().parse(str(shapes), format="turtle")
    results: Any
    conforms, results, _ = pyshacl.validate(merged, shacl_graph=shapes_graph, inference="none", advanced=True)
    from rdflib import URIRef

    def SH(name: str) -> Any:  # noqa: N802 - reads as the namespace
        return URIRef(_SH + name)

    violations = []
    for r in results.subjects(URIRef(_RDF_TYPE), SH("ValidationResult")):
        path = results.value(r, SH("resultPath"))
        inverse = results.value(path, SH("inversePath")) if path is not None else None
        value = results.value(r, SH("value"))
        source = results.value(r, SH("sourceShape"))
        source = shapes_graph.value(None, SH("property"), source) or source  # a property shape's node shape
        violations.append(Violation(
            str(source), str(results.value(r, SH("sourceConstraintComponent")))[len(_SH):],
            str(results.value(r, SH("focusNode"))), ("^" + str(inverse)) if inverse is not None else (str(path) if path else None),
            value.n3() if value is not None else None, str(results.value(r, SH("resultMessage")) or ""),
        ))
    return ValidationReport(bool(conforms), _locate(violations, store, files or {}), 0)
