"""Rendering statements (:mod:`qagraph.rdf.triples`) as text in each RDF syntax.

One function per syntax, each turning the statements of one part into the text of its
file; the files of a syntax concatenate (N-Triples, N-Quads) or each stand alone with
their own header (Turtle, TriG, JSON-LD). Literal escaping is the canonical N-Triples
one, which Turtle and TriG share; JSON-LD escapes as JSON. Turtle, TriG and JSON-LD bind
the prefixes of :data:`qagraph.rdf.vocab.PREFIXES` and write data IRIs relative to the
base IRI (``@base``), so ``<article/learn/biology/questions/x>`` reads as what it is.

>>> graphs = {"content": {"https://e.org/k/article/a": [
...     ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://schema.org/Question", None),
...     ("https://schema.org/name", 'say "hi"', "")]}}
>>> print(turtle(graphs, "https://e.org/k/"), end="")
@base <https://e.org/k/> .
@prefix qa: <https://qagraph.example/ns#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<BLANKLINE>
<article/a> a schema:Question ;
    schema:name "say \\"hi\\"" .
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..regex import lazy_compile
from .triples import RARE, SURROGATES, Graphs, escape
from .vocab import PREFIXES, RDF

__all__ = ["RENDERERS", "jsonld", "json_context", "nquads", "ntriples", "trig", "turtle"]

_TYPE = str(RDF.type)
_LOCAL = lazy_compile(r"[A-Za-z_][A-Za-z0-9_\-]*")


def _curie(iri: str) -> str:
    """A vocabulary IRI as a prefixed name when it has a plain local name, else ``<iri>``."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns):]):
            return f"{prefix}:{iri[len(ns):]}"
    return f"<{iri}>"


class _Curies(dict[str, str]):
    def __missing__(self, iri: str) -> str:
        value = self[iri] = _curie(iri)
        return value


_CURIES = _Curies({_TYPE: "a"})  # predicates
_CLASSES = _Curies()  # objects of rdf:type


# a base every parser resolves a relative IRI against as RFC 3986 says: rdflib refuses one without
# "//" in Turtle ("urn:x:kb/": "Base has no slash after colon") and its JSON-LD drops those statements,
# lowercases the scheme ("HTTPS://") and merges an empty path segment ("https://ex.org/kb//")
_RESOLVABLE = lazy_compile(r"[a-z][a-z0-9+.\-]*://[^/]*(?:/[^/]+)*/")


#: what JSON-LD writes relative to the base: segments of unreserved characters, "!" and
#: percent-encodings, a "/" at the end, a fragment of the same (an answer's "#answer")
_PLAIN_PATH = lazy_compile(r"[A-Za-z0-9\-._~!%]+(?:/[A-Za-z0-9\-._~!%]+)*/?(?:#[A-Za-z0-9\-._~!%]+)?")


def _resolvable(base: str) -> bool:
    """Whether the files write IRIs relative to ``base``; else every IRI is written whole.

    >>> _resolvable("https://e.org/k/"), _resolvable("urn:x:kb/"), _resolvable("HTTPS://e.org/k/")
    (True, False, False)
    """
    return _RESOLVABLE.fullmatch(base) is not None


def _relative(base: str) -> Callable[[str], str]:
    """``iri`` as ``<...>``: relative to ``base`` when that resolves back to the same IRI."""
    n = len(base)
    relative = _resolvable(base)

    def rel(iri: str) -> str:
        if relative and iri.startswith(base):
            rest = iri[n:]
            head = rest.split("/", 1)[0]
            if rest and ":" not in head and not rest.startswith((".", "/")) and "/." not in rest:
                return f"<{rest}>"
        return f"<{iri}>"

    return rel


def ntriples(graphs: Graphs, base: str = "") -> str:
    """The statements as N-Triples (named graphs merged), one statement a line."""
    out: list[str] = []
    add = out.append
    esc = escape
    for subjects in graphs.values():
        for s, stmts in subjects.items():
            head = f"<{s}> <"
            for p, o, t in stmts:
                if t is None:
                    add(f"{head}{p}> <{o}> .\n")
                elif not t:
                    add(f'{head}{p}> "{esc(o)}" .\n')
                else:
                    add(f'{head}{p}> "{esc(o)}"^^<{t}> .\n')
    return "".join(out)


def nquads(graphs: Graphs, base: str) -> str:
    """The statements as N-Quads, each in its named graph ``<base>graph/<name>``."""
    out: list[str] = []
    add = out.append
    esc = escape
    for name, subjects in graphs.items():
        g = f"> <{base}graph/{name}> .\n"
        for s, stmts in subjects.items():
            head = f"<{s}> <"
            for p, o, t in stmts:
                if t is None:
                    add(f"{head}{p}> <{o}{g}")
                elif not t:
                    add(f'{head}{p}> "{esc(o)}" <{base}graph/{name}> .\n')
                else:
                    add(f'{head}{p}> "{esc(o)}"^^<{t}{g}')
    return "".join(out)


def turtle_header(base: str) -> str:
    return f"@base <{base}> .\n" + "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())


def _turtle_blocks(subjects: dict[str, list[Any]], rel: Callable[[str], str], indent: str = "") -> str:
    out: list[str] = []
    add = out.append
    esc = escape
    curies, classes = _CURIES, _CLASSES
    sep_p = f" ;\n{indent}    "
    for s, stmts in subjects.items():
        parts: list[str] = []
        last = None
        objects: list[str] = []
        for p, o, t in stmts:
            if t is None:
                term = classes[o] if p == _TYPE else rel(o)
            elif not t:
                term = f'"{esc(o)}"'
            else:
                term = f'"{esc(o)}"^^{classes[t]}'
            if p != last:
                if last is not None:
                    parts.append(f"{curies[last]} {', '.join(objects)}")
                last, objects = p, [term]
            else:
                objects.append(term)
        if last is not None:
            parts.append(f"{curies[last]} {', '.join(objects)}")
            add(f"\n{indent}{rel(s)} {sep_p.join(parts)} .")
    return "".join(out)


def turtle(graphs: Graphs, base: str) -> str:
    """The statements as Turtle (named graphs merged), one block per subject."""
    rel = _relative(base)
    body = "".join(_turtle_blocks(subjects, rel) for subjects in graphs.values())
    return turtle_header(base) + body + ("\n" if body else "")


def trig(graphs: Graphs, base: str) -> str:
    """The statements as TriG: a block per named graph that holds any."""
    rel = _relative(base)
    out = [turtle_header(base)]
    for name, subjects in graphs.items():
        if subjects:
            out.append(f"\n{rel(base + 'graph/' + name)} {{{_turtle_blocks(subjects, rel, '    ')}\n}}\n")
    return "".join(out)


def json_context(base: str) -> dict[str, str]:
    """The JSON-LD ``@context`` of qagraph's files: the base and the prefixes."""
    return {"@base": base, **PREFIXES}


def _json_string(text: str) -> str:
    if RARE.search(text):
        text = text.translate(SURROGATES)
    return json.dumps(text, ensure_ascii=False)


def jsonld(graphs: Graphs, base: str) -> str:
    """The statements as JSON-LD: the context, then one ``@graph`` per named graph."""
    n = len(base)
    # only a path of plain segments: JSON-LD takes a value with a ":" whose part after it starts with
    # "//" (or whose part before it is a term) as an absolute IRI, a value shaped like a keyword
    # ("@A") is dropped, and rdflib resolves the rest with urljoin and normpath, which drop an empty
    # query ("x?") and a segment's ";..." and merge "//" (a site url's schema:url named another page)
    relative = _resolvable(base)
    plain = _PLAIN_PATH.fullmatch
    rel: Callable[[str], str] = lambda iri: iri[n:] if relative and iri.startswith(base) and plain(iri, n) \
        and not iri[n:].startswith(".") and "/." not in iri[n:] else iri
    curie = _CURIES
    q = _json_string
    named = []
    for name, subjects in graphs.items():
        if not subjects:
            continue
        nodes = []
        for s, stmts in subjects.items():
            types: list[str] = []
            props: dict[str, list[str]] = {}
            for p, o, t in stmts:
                if p == _TYPE:
                    types.append(q(_CLASSES[o].strip("<>")))
                    continue
                if t is None:
                    value = '{"@id": ' + q(rel(o)) + "}"
                elif not t:
                    value = q(o)
                else:
                    value = '{"@value": ' + q(o) + ', "@type": ' + q(_CLASSES[t].strip("<>")) + "}"
                props.setdefault(p, []).append(value)
            fields = ['"@id": ' + q(rel(s))]
            if types:
                fields.append('"@type": ' + (types[0] if len(types) == 1 else "[" + ", ".join(types) + "]"))
            for p, values in props.items():
                key = q(curie[p].strip("<>"))
                fields.append(f"{key}: " + (values[0] if len(values) == 1 else "[" + ", ".join(values) + "]"))
            nodes.append("      {" + ", ".join(fields) + "}")
        named.append('    {"@id": ' + q(rel(f"{base}graph/{name}")) + ', "@graph": [\n' + ",\n".join(nodes) + "\n    ]}")
    context = json.dumps(json_context(base), indent=4).replace("\n", "\n  ")
    return '{\n  "@context": ' + context + ',\n  "@graph": [\n' + ",\n".join(named) + "\n  ]\n}\n"


#: suffix -> renderer ``(graphs, base) -> text``
RENDERERS: dict[str, Callable[[Graphs, str], str]] = {
    "nq": nquads,
    "trig": trig,
    "ttl": turtle,
    "nt": ntriples,
    "jsonld": jsonld,
}
