"""The mapping from the networkx graph to RDF statements, written once, for every output.

:func:`emit` walks the graph (schema in :mod:`qagraph.graph`) and states each fact by
calling a *sink*: ``iri(s, p, o)`` when the object is an IRI, ``lit(s, p, text)`` for
a plain string and ``typed(s, p, lexical, datatype)`` for a typed literal, all terms as
plain strings. :class:`NTriplesSink` renders them straight to canonical N-Triples text
(the fast path every file starts from); :class:`RdflibSink` builds rdflib terms from the
same calls (the in-memory graph the tests compare the files with, and what SHACL reads).
What each triple means is documented in ``ontology/qagraph.ttl``; IRIs come from
:mod:`qagraph.rdf.iri` alone.

The order of the calls is canonical and depends only on the graph's content, not on the
order the files were read: schemes, subjects, keywords, then articles and stubs, each
sorted by node id, with predicates in a fixed order and multi-valued objects sorted; the
similarity graph follows, sorted by its two ends.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

import networkx as nx

from ..errors import QagraphError
from ..ids import ARTICLE, KEYWORD, STUB, SUBJECT
from .iri import IRIs
from .vocab import DCT, QA, RDF, SCHEMA, SKOS, XSD

__all__ = [
    "NTriplesSink",
    "RdflibSink",
    "Sink",
    "Stats",
    "date_literal",
    "decimal_lexical",
    "emit",
    "escape",
]


class Sink(Protocol):
    """Receives statements as plain strings (IRIs without angle brackets).

    :func:`emit` calls ``close()`` once a sink's graph is complete (the content sink
    before the first similarity statement); a sink may receive more after it.
    """

    def iri(self, s: str, p: str, o: str) -> None: ...

    def lit(self, s: str, p: str, text: str) -> None: ...

    def typed(self, s: str, p: str, lexical: str, datatype: str) -> None: ...

    def close(self) -> None: ...


@dataclass
class Stats:
    """Entities per class, counted by :func:`emit` (for the VoID description)."""

    classes: dict[str, int] = field(default_factory=dict)

    def add(self, cls: str, n: int = 1) -> None:
        self.classes[cls] = self.classes.get(cls, 0) + n

    @property
    def entities(self) -> int:
        """Distinct subjects, each counted under its main class (a stub is also a Question)."""
        return sum(n for cls, n in self.classes.items() if cls != str(QA.ExternalQuestion))


# -- literal forms -----------------------------------------------------------------------

# canonical N-Triples escapes: ECHAR for \b \t \n \f \r " \\, UCHAR for the other controls;
# a lone surrogate (only a YAML "\ud800" escape can make one) becomes U+FFFD.
_ESCAPES: dict[int, str] = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})
_ESCAPES.update({i: "\ufffd" for i in range(0xD800, 0xE000)})
_SURROGATES = {i: "\ufffd" for i in range(0xD800, 0xE000)}
_RARE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def escape(text: str) -> str:
    """``text`` escaped for a quoted N-Triples or Turtle string.

    >>> print(escape('say "hi"\\n\\\\'))
    say \\"hi\\"\\n\\\\
    """
    if _RARE.search(text):  # rare: the table handles every case, slowly
        return text.translate(_ESCAPES)
    # common: a few C-speed replaces (str.translate with a dict costs 10x more on answers)
    if "\\" in text:
        text = text.replace("\\", "\\\\")
    if '"' in text:
        text = text.replace('"', '\\"')
    if "\n" in text:
        text = text.replace("\n", "\\n")
    if "\r" in text:
        text = text.replace("\r", "\\r")
    if "\t" in text:
        text = text.replace("\t", "\\t")
    return text


def decimal_lexical(value: float) -> str:
    """The shortest ``xsd:decimal`` lexical form of a float (never an exponent).

    >>> decimal_lexical(0.25), decimal_lexical(1.0), decimal_lexical(1e-05)
    ('0.25', '1.0', '0.00001')
    """
    if not math.isfinite(value):
        raise QagraphError(f"weight {value!r} is not a finite number")
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else text + ".0"


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")
_DATE, _DATETIME = str(XSD.date), str(XSD.dateTime)


def date_literal(text: str) -> tuple[str, str]:
    """``(lexical form, datatype)`` of a date: ``xsd:date``, ``xsd:dateTime``, or ``""`` for text.

    >>> date_literal("2025-01-26")
    ('2025-01-26', 'http://www.w3.org/2001/XMLSchema#date')
    >>> date_literal("2025-02-30"), date_literal("Jan 26")
    (('2025-02-30', ''), ('Jan 26', ''))
    """
    try:
        if _DATE_RE.fullmatch(text):
            _dt.date.fromisoformat(text)
            return text, _DATE
        if _DATETIME_RE.fullmatch(text):
            _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            return text, _DATETIME
    except ValueError:
        pass
    return text, ""


# -- sinks ---------------------------------------------------------------------------------


class NTriplesSink:
    """Renders statements as canonical N-Triples lines and hands them to ``write`` in batches.

    >>> chunks = []
    >>> sink = NTriplesSink(chunks.append)
    >>> sink.lit("http://a/x", "http://a/p", 'say "hi"')
    >>> sink.close()
    >>> print(chunks[0], end="")
    <http://a/x> <http://a/p> "say \\"hi\\"" .
    """

    __slots__ = ("iri", "lit", "typed", "close", "count")

    def __init__(self, write: Callable[[str], Any], batch: int = 50_000) -> None:
        buf: list[str] = []
        append = buf.append
        esc = escape
        self.count = 0

        def flush() -> None:
            self.count += len(buf)
            write("".join(buf))
            buf.clear()

        def iri(s: str, p: str, o: str) -> None:
            append(f"<{s}> <{p}> <{o}> .\n")
            if len(buf) >= batch:
                flush()

        def lit(s: str, p: str, text: str) -> None:
            append(f'<{s}> <{p}> "{esc(text)}" .\n')

        def typed(s: str, p: str, lexical: str, datatype: str) -> None:
            append(f'<{s}> <{p}> "{esc(lexical)}"^^<{datatype}> .\n')

        def close() -> None:
            if buf:
                flush()

        self.iri, self.lit, self.typed, self.close = iri, lit, typed, close


class RdflibSink:
    """Adds statements to an rdflib graph, building the terms from the raw strings.

    An independent path from :class:`NTriplesSink`: no escaping, rdflib's own terms.
    """

    def __init__(self, graph: Any) -> None:
        from rdflib import Literal, URIRef

        self.graph = graph
        self._URIRef, self._Literal = URIRef, Literal

    def iri(self, s: str, p: str, o: str) -> None:
        U = self._URIRef
        self.graph.add((U(s), U(p), U(o)))

    def lit(self, s: str, p: str, text: str) -> None:
        U = self._URIRef
        if _RARE.search(text):
            text = text.translate(_SURROGATES)
        self.graph.add((U(s), U(p), self._Literal(text)))

    def typed(self, s: str, p: str, lexical: str, datatype: str) -> None:
        U = self._URIRef
        self.graph.add((U(s), U(p), self._Literal(lexical, datatype=U(datatype))))

    def close(self) -> None:
        pass


# -- the mapping ---------------------------------------------------------------------------

_TYPE = str(RDF.type)
_INTEGER, _DECIMAL = str(XSD.integer), str(XSD.decimal)
MARKDOWN = "text/markdown"
DEFAULT_METHOD = "shared-keywords"


def _nodes_by_kind(G: nx.MultiDiGraph) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    by_kind: dict[str, list[tuple[str, dict[str, Any]]]] = {ARTICLE: [], STUB: [], SUBJECT: [], KEYWORD: []}
    for node, data in G.nodes(data=True):
        kind = data.get("kind")
        if kind not in by_kind:
            raise QagraphError(f"node {node!r} has unknown kind {kind!r}")
        by_kind[kind].append((node, data))
    for items in by_kind.values():
        items.sort(key=lambda item: item[0])
    return by_kind


def emit(G: nx.MultiDiGraph, iris: IRIs, content: Sink, similarity: Sink) -> Stats:
    """State every fact of ``G``: the content graph to ``content``, similarity links to ``similarity``.

    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_node("subject:cs", kind="subject", slug="cs", label="CS", labels=("CS", "cs"), articles=0)
    >>> chunks = []
    >>> sink = NTriplesSink(chunks.append)
    >>> stats = emit(G, IRIs("https://example.org/"), sink, sink)
    >>> [line.split()[1].rsplit("#")[-1][:-1] for line in "".join(chunks).splitlines()][-5:]
    ['inScheme', 'topConceptOf', 'prefLabel', 'altLabel', 'notation']
    """
    stats = Stats()
    by_kind = _nodes_by_kind(G)
    succ = G._succ  # read-only: the adjacency dicts, without networkx's view objects (3x faster)
    iri, lit, typed = content.iri, content.lit, content.typed

    # concept schemes
    concept_scheme = str(SKOS.ConceptScheme)
    subject_scheme, keyword_scheme = iris.scheme("subjects"), iris.scheme("keywords")
    for scheme, label in ((keyword_scheme, "Keywords"), (subject_scheme, "Subjects")):
        iri(scheme, _TYPE, concept_scheme)
        lit(scheme, str(SKOS.prefLabel), label)
    stats.add(concept_scheme, 2)

    # subjects and keywords: SKOS concepts, other spellings as altLabel
    concept, in_scheme, pref, alt = str(SKOS.Concept), str(SKOS.inScheme), str(SKOS.prefLabel), str(SKOS.altLabel)
    top, notation = str(SKOS.topConceptOf), str(SKOS.notation)
    subject_iri: dict[str, str] = {}
    for node, d in by_kind[SUBJECT]:
        s = subject_iri[node] = iris.subject(d["slug"])
        iri(s, _TYPE, concept)
        iri(s, in_scheme, subject_scheme)
        iri(s, top, subject_scheme)
        lit(s, pref, d["label"])
        for other in sorted(set(d.get("labels", ())) - {d["label"]}):
            lit(s, alt, other)
        lit(s, notation, d["slug"])
    keyword_iri: dict[str, str] = {}
    for node, d in by_kind[KEYWORD]:
        s = keyword_iri[d["key"]] = iris.keyword(d["key"])
        iri(s, _TYPE, concept)
        iri(s, in_scheme, keyword_scheme)
        lit(s, pref, d["label"])
        for other in sorted(set(d.get("labels", ())) - {d["label"]}):
            lit(s, alt, other)
    stats.add(concept, len(by_kind[SUBJECT]) + len(by_kind[KEYWORD]))

    # articles (schema:Question with a schema:Answer) and stubs (qa:ExternalQuestion)
    question, answer_class, external = str(SCHEMA.Question), str(SCHEMA.Answer), str(QA.ExternalQuestion)
    name, text, description = str(SCHEMA.name), str(SCHEMA.text), str(SCHEMA.description)
    url, identifier, created, author = str(SCHEMA.url), str(SCHEMA.identifier), str(SCHEMA.dateCreated), str(SCHEMA.author)
    about, dct_subject, keywords = str(SCHEMA.about), str(DCT.subject), str(SCHEMA.keywords)
    relation, accepted, encoding = str(DCT.relation), str(SCHEMA.acceptedAnswer), str(SCHEMA.encodingFormat)
    article_iri = {node: iris.article(d["key"]) for node, d in by_kind[ARTICLE] + by_kind[STUB]}
    answers = 0
    for node, d in sorted(by_kind[ARTICLE] + by_kind[STUB], key=lambda item: item[0]):
        s = article_iri[node]
        is_stub = d["kind"] == STUB
        iri(s, _TYPE, question)
        if is_stub:
            iri(s, _TYPE, external)
        if d.get("title"):
            lit(s, name, d["title"])
        if not is_stub and d.get("question"):
            lit(s, text, d["question"])
        if d.get("description"):
            lit(s, description, d["description"])
        if d.get("url"):
            lit(s, url, d["url"])
        if d.get("id") is not None:
            typed(s, identifier, str(int(d["id"])), _INTEGER)
        if d.get("date"):
            lexical, datatype = date_literal(str(d["date"]))
            if datatype:
                typed(s, created, lexical, datatype)
            else:
                lit(s, created, lexical)
        if d.get("author"):
            lit(s, author, d["author"])
        subject = subject_iri.get(f"subject:{d.get('subject')}")
        if subject is not None:  # a stub's subject need not be one of the corpus
            iri(s, about, subject)
            iri(s, dct_subject, subject)
        for key in sorted(d.get("keywords", ())):
            if key in keyword_iri:  # a subgraph may leave a keyword out
                iri(s, keywords, keyword_iri[key])
        for target in sorted(article_iri[v] for v, keyed in succ[node].items() if "related" in keyed):
            iri(s, relation, target)
        if not is_stub and d.get("answer"):
            a = iris.answer(d["key"])
            iri(s, accepted, a)
            iri(a, _TYPE, answer_class)
            lit(a, text, d["answer"])
            lit(a, encoding, MARKDOWN)
            answers += 1
    stats.add(question, len(article_iri))
    stats.add(external, len(by_kind[STUB]))
    stats.add(answer_class, answers)
    content.close()

    # similarity: one qa:Similarity node per pair, plus the qa:similarTo shortcut both ways
    iri, typed, lit = similarity.iri, similarity.typed, similarity.lit
    method = str((G.graph.get("similarity") or {}).get("method") or DEFAULT_METHOD)
    similarity_class, source, target = str(QA.Similarity), str(QA.source), str(QA.target)
    weight, method_p, shared_p, similar_to = str(QA.weight), str(QA.method), str(QA.sharedKeyword), str(QA.similarTo)
    edges = []
    for node, _ in by_kind[ARTICLE]:
        for v, keyed in succ[node].items():
            data = keyed.get("similar")
            if data is not None:
                edges.append((node, v, data) if node < v else (v, node, data))
    edges.sort(key=lambda e: (e[0], e[1]))
    nodes = G._node
    for u, v, data in edges:
        su, sv = article_iri[u], article_iri[v]
        s = iris.similarity(nodes[u]["key"], nodes[v]["key"])
        iri(s, _TYPE, similarity_class)
        iri(s, source, su)
        iri(s, target, sv)
        typed(s, weight, decimal_lexical(data["weight"]), _DECIMAL)
        lit(s, method_p, method)
        for key in sorted(data.get("shared", ())):
            if key in keyword_iri:
                iri(s, shared_p, keyword_iri[key])
        iri(su, similar_to, sv)
        iri(sv, similar_to, su)
    stats.add(similarity_class, len(edges))
    similarity.close()
    return stats
