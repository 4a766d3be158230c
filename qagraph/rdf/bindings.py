"""Values bound to a SPARQL query's variables: ``kg.sparql(query, bindings={"q": ...})`` and
``qagraph query --bind q=TERM``.

A query with values to fill in is a template; pasting the values into its text by hand breaks on the
first quote in a title, and lets a value rewrite the query. :func:`bind` writes the values as a
``VALUES`` block instead, each value one RDF term written by Oxigraph, at the start of the query's
``WHERE`` group: the query is evaluated as if each variable held its value from the start (as
rdflib's ``initBindings`` are), so an aggregate counts only the solutions with that value and a
``FILTER`` sees it. Where a query has no group to hold it (``DESCRIBE <iri>``, ``CONSTRUCT WHERE``'s
short form), the block ends the query, a join with its solutions (as Oxigraph's own
``oxrdflib`` and rdflib's ``SPARQLStore`` bind values for a remote store).

The same text goes to the embedded store and to a remote endpoint
(:func:`~qagraph.rdf.query.sparql_endpoint`): both answer alike.
"""

from __future__ import annotations

import datetime
import decimal
import numbers
import re
from collections.abc import Mapping
from typing import Any, cast

from ..errors import UsageError
from ..regex import lazy_compile
from .vocab import PREFIXES

__all__ = ["OPAQUE", "bind", "parse_term", "sparql_term"]

#: what the SPARQL grammar reads as one token in which a word is no keyword nor a brace: an IRI, a
#: string (long or short), a comment
OPAQUE = lazy_compile("|".join((
    r'<[^<>"{}|^`\\\x00-\x20]*>',  # an IRI
    r"'{3}(?:[^'\\]|\\.|'(?!''))*'{3}", r'"{3}(?:[^"\\]|\\.|"(?!""))*"{3}',  # long strings
    r"'(?:[^'\\\n\r]|\\.)*'", r'"(?:[^"\\\n\r]|\\.)*"',  # strings
    r"#[^\n\r]*",  # a comment
)), re.S)
#: the keyword that starts a query's form, not part of a prefixed name (``ex:select``) or a variable
_FORM = lazy_compile(r"(?<![\w:?$-])(SELECT|CONSTRUCT|DESCRIBE|ASK)(?![\w:-])", re.I)
_SELECT = lazy_compile(r"\s*SELECT(?![\w:-])", re.I)
#: a variable's name (SPARQL's VARNAME, near enough: Oxigraph refuses the query it makes otherwise)
_NAME = lazy_compile(r"[?$]?(\w+)")
_XSD = "http://www.w3.org/2001/XMLSchema#"


def bind(query: str, bindings: Mapping[str, Any] | None) -> str:
    """``query`` with each variable of ``bindings`` (a name, with or without ``?``) holding its value
    (:func:`sparql_term`); the query as it is when there is none.

    >>> print(bind("SELECT (COUNT(*) AS ?n) WHERE { ?q schema:identifier ?id }", {"id": 7}))
    SELECT (COUNT(*) AS ?n) WHERE { VALUES (?id) { ("7"^^<http://www.w3.org/2001/XMLSchema#integer>) } ?q schema:identifier ?id }
    >>> print(bind("DESCRIBE ?q", {"?q": "x"}))
    DESCRIBE ?q
    VALUES (?q) { ("x") }

    Raises:
        UsageError: a name that is no variable of the query, or given twice; a value that is no
            RDF term (:func:`sparql_term`).
    """
    if not bindings:
        return query
    if not isinstance(bindings, Mapping):
        raise UsageError(f"bindings are a mapping of variable names to values, not {type(bindings).__name__}")
    masked = OPAQUE.sub(lambda found: " " * len(found[0]), query)  # offsets kept
    names: dict[str, str] = {}
    for key, value in bindings.items():
        found = _NAME.fullmatch(key) if isinstance(key, str) else None
        if found is None:
            raise UsageError(f"{key!r} is not a SPARQL variable's name (write it as s or ?s)")
        name = found[1]
        if name in names:
            raise UsageError(f"the variable ?{name} is bound twice")
        if re.search(rf"[?$]{re.escape(name)}(?!\w)", masked) is None:
            raise UsageError(f"the query has no variable ?{name} to bind")
        names[name] = sparql_term(value, f"?{name}")
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(names.values())}) }}"
    at = _where_group(masked)
    if at is None:
        return f"{query}\n{block}"
    if _SELECT.match(masked, at + 1):  # a group that is a sub-select alone: the block goes beside it
        end = _closing(masked, at)
        return f"{query[:at + 1]} {block} {{{query[at + 1:end]}}} {query[end:]}"
    return f"{query[:at + 1]} {block}{query[at + 1:]}"


def _where_group(masked: str) -> int | None:
    """Where the group of the query's ``WHERE`` clause opens, in ``masked`` (its IRIs, strings and
    comments blanked out); ``None`` when it has none (``DESCRIBE <iri>``) or one that takes no
    ``VALUES`` (``CONSTRUCT WHERE { triples }``)."""
    form = _FORM.search(masked)
    if form is None:
        return None
    at = form.end()
    if form[1].upper() == "CONSTRUCT":  # its template first (the short form has none, and takes no VALUES)
        at = len(masked) - len(masked[at:].lstrip())
        if not masked.startswith("{", at):
            return None
        at = _closing(masked, at) + 1
    depth = 0  # the brackets of the projection's expressions: (EXISTS { ... } AS ?x)
    for i in range(at, len(masked)):
        c = masked[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "{" and depth <= 0:
            return i
    return None


def _closing(masked: str, at: int) -> int:
    """Where the brace that opens at ``at`` closes (the end of the text if it does not: the query's
    own syntax error is reported)."""
    depth = 0
    for i in range(at, len(masked)):
        if masked[i] == "{":
            depth += 1
        elif masked[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    return len(masked)


def sparql_term(value: Any, what: str = "a bound value") -> str:
    """The SPARQL text of one RDF term given as a Python value, written by Oxigraph:

    - a ``pyoxigraph.NamedNode`` or ``Literal`` (a SPARQL answer's own terms), an ``rdflib.URIRef``
      or ``Literal``: that term (an IRI, for a graph's node: ``pyoxigraph.NamedNode(kg.iri(node))``);
    - ``str``: a string literal (``str`` is text, as in rdflib: an IRI is one of the above);
    - ``bool``, ``int``, ``float`` (numpy's numbers too), ``decimal.Decimal``, ``datetime.datetime`` and ``datetime.date``:
      typed literals (``xsd:boolean``, ``xsd:integer``, ``xsd:double``, ``xsd:decimal``,
      ``xsd:dateTime``, ``xsd:date``).

    >>> sparql_term("it's \\"so\\""), sparql_term(2.5)
    ('"it\\'s \\\\"so\\\\""', '"2.5"^^<http://www.w3.org/2001/XMLSchema#double>')

    Raises:
        UsageError: a blank node (``VALUES`` takes none), an IRI that is not one, another type.
    """
    import pyoxigraph as ox

    def typed(text: str, datatype: str) -> Any:
        return ox.Literal(text, datatype=ox.NamedNode(_XSD + datatype))

    try:
        if isinstance(value, ox.BlankNode) or (type(value).__name__ == "BNode" and _of_rdflib(value)):
            raise UsageError(f"{what}: a blank node cannot be bound (SPARQL's VALUES takes IRIs and literals)")
        if isinstance(value, (ox.NamedNode, ox.Literal)):
            term = value
        elif _of_rdflib(value) and type(value).__name__ in ("URIRef", "Literal"):  # (str's subclasses)
            if type(value).__name__ == "URIRef":
                term = ox.NamedNode(str(value))
            elif getattr(value, "language", None):
                term = ox.Literal(str(value), language=str(value.language))
            else:
                datatype = getattr(value, "datatype", None)
                term = ox.Literal(str(value), datatype=ox.NamedNode(str(datatype))) if datatype else ox.Literal(str(value))
        elif isinstance(value, (str, bool)):
            term = ox.Literal(value)
        elif isinstance(value, numbers.Integral):  # numpy's too
            term = ox.Literal(int(value))
        elif isinstance(value, (float, numbers.Rational)) or (isinstance(value, numbers.Real) and
                                                              not isinstance(value, decimal.Decimal)):
            term = ox.Literal(float(value))
        elif isinstance(value, decimal.Decimal) and value.is_finite():
            term = typed(format(value, "f"), "decimal")
        elif isinstance(value, datetime.datetime):
            term = typed(value.isoformat(), "dateTime")
        elif isinstance(value, datetime.date):
            term = typed(value.isoformat(), "date")
        else:
            raise UsageError(f"{what}: a {type(value).__name__} is no RDF term (give text, a number, a date, "
                             "or a pyoxigraph or rdflib IRI or literal)")
    except ValueError as exc:  # an IRI that is none, a language tag that is none
        raise UsageError(f"{what}: {exc}") from None
    return str(term)


def _of_rdflib(value: Any) -> bool:
    """Whether ``value`` is one of rdflib's terms (told without importing rdflib: 0.3 s)."""
    return type(value).__module__.startswith("rdflib.")


def parse_term(text: str, what: str = "a term") -> Any:
    """One RDF term written as SPARQL writes it (``<https://...>``, ``schema:Question``, ``"text"@en``,
    ``42``, ``true``; the prefixes of :data:`~qagraph.rdf.vocab.PREFIXES`), read by Oxigraph and
    as a pyoxigraph term (which :func:`bind` takes as it is): the command line's ``--bind`` values.

    >>> str(parse_term("schema:Question")), str(parse_term(" 7 "))
    ('<https://schema.org/Question>', '"7"^^<http://www.w3.org/2001/XMLSchema#integer>')

    Raises:
        UsageError: not one term (a word alone, two terms, a relative IRI).
    """
    import pyoxigraph as ox

    hint = ("write an IRI as <https://...> or prefix:name, text in double quotes (\"biology\"), a number "
            "or true/false as they are")
    try:
        solutions = ox.Store().query(f"SELECT ?x WHERE {{ VALUES ?x {{ {text}\n }} }}", prefixes=PREFIXES)
        rows = list(cast("ox.QuerySolutions", solutions))
    except SyntaxError:
        if re.fullmatch(r"\s*<[^:>]*>\s*", text):
            raise UsageError(f"{what}: {text.strip()} is a relative IRI; write the whole IRI (<https://...>)") from None
        raise UsageError(f"{what}: {text.strip()!r} is not an RDF term in SPARQL's syntax; {hint}") from None
    if len(rows) != 1 or rows[0][0] is None:
        raise UsageError(f"{what}: {text.strip()!r} is not one RDF term; {hint}")
    return rows[0][0]
