"""The mapping from the networkx graph to RDF statements, written once, for every output.

:func:`statements` walks the nodes of one part of the graph (schema in
:mod:`qagraph.graph`) and returns what they state, grouped by named graph and by
subject, as plain strings: a statement is ``(predicate, object, datatype)`` where
``datatype`` is ``None`` for an IRI object, ``""`` for a plain string and a datatype IRI
otherwise. Every output (files in each syntax, the in-memory stores, rdflib) renders
these same statements. What each means is documented in ``ontology/qagraph.ttl``;
IRIs come from :mod:`qagraph.rdf.iri` alone.

Edges are stated generically from the registry :mod:`qagraph.kinds`: an edge of kind
``K`` from ``u`` to ``v`` gives ``u p v`` for each of ``K.predicates`` (and ``v p u``
too when ``K`` is symmetric) in the named graph ``K.graph``. Registering a kind with
predicates is enough for its edges to appear in the RDF.

**Parts.** Every resource belongs to exactly one of ``P`` parts (:func:`part_of`, a hash
of its node id): an article with its answer, its literals and its outgoing edges; a
stub; a subject; a keyword. A symmetric edge (and its similarity record) belongs to the
part of the pair's first node (node ids sorted); the concept schemes to part 0. What a
part states depends only on its own nodes and their edges: the IRI of an edge's other
end comes from its node id, never from its data.

The order is canonical: schemes, then the part's nodes sorted by node id, each node's
edges sorted by kind (registry order) and other end.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from .. import kinds as _kinds
from ..errors import UsageError
from ..ids import ARTICLE, KEYWORD, STUB, SUBJECT, split_node
from ..regex import lazy_compile
from .iri import IRIs, absolute_url, check_site_url
from .parts import part_count, part_of
from .vocab import QA, RDF, SCHEMA, SKOS, XSD

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "CONTENT",
    "GRAPH_NAMES",
    "Adjacency",
    "SIMILARITY",
    "SIMILARITY_DETAILS",
    "Graphs",
    "PartStats",
    "Stmt",
    "date_literal",
    "decimal_lexical",
    "escape",
    "part_count",
    "part_of",
    "split_parts",
    "statements",
]

CONTENT, SIMILARITY = "content", "similarity"
#: the named graphs, in the order every file writes them
GRAPH_NAMES = (CONTENT, SIMILARITY)
#: ``none``: no similarity graph; ``links``: ``qa:similarTo`` both ways; ``full``: also
#: the ``qa:Similarity`` records (weight, method, shared keywords)
SIMILARITY_DETAILS = ("none", "links", "full")

Stmt = tuple[str, str, "str | None"]
#: named graph -> subject IRI -> statements about it, in canonical order
Graphs = dict[str, dict[str, list[Stmt]]]


@dataclass
class Adjacency:
    """A graph as the writers read it: networkx's own dicts, node -> data, node -> successor ->
    kind -> edge data, the same by predecessor, and the graph's data. A ``networkx.MultiDiGraph``
    has them; :meth:`~qagraph.database.BuildDatabase.subgraph` reads one from a build without
    networkx, whose import is a tenth of an edit's rebuild (0.06-0.09 s)."""

    _node: dict[str, dict[str, Any]] = field(default_factory=dict)
    _succ: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    _pred: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    graph: dict[str, Any] = field(default_factory=dict)


# -- parts ---------------------------------------------------------------------------------


def split_parts(G: nx.MultiDiGraph | Adjacency, parts: int, only: set[int] | None = None) -> dict[int, list[str]]:
    """The node ids of each part (of ``only``, when given), sorted; subjects of other parts left out."""
    out: dict[int, list[str]] = {i: [] for i in (sorted(only) if only is not None else range(parts))}
    for node in G._node:
        i = part_of(node, parts)
        bucket = out.get(i)
        if bucket is not None:
            bucket.append(node)
    for bucket in out.values():
        bucket.sort()
    return out


@dataclass
class PartStats:
    """What one part states; every figure adds up across parts (see :meth:`add`).

    ``triples`` per named graph; ``classes``: typed resources per class IRI (each
    resource is typed in exactly one part, so the sums are distinct entities).
    """

    triples: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.triples.values())

    @property
    def entities(self) -> int:
        return sum(self.classes.values())

    def add(self, other: "PartStats") -> "PartStats":
        """``self`` plus ``other``, in place; returns ``self``."""
        for name, n in other.triples.items():
            self.triples[name] = self.triples.get(name, 0) + n
        for cls, n in other.classes.items():
            self.classes[cls] = self.classes.get(cls, 0) + n
        return self

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {"triples": dict(sorted(self.triples.items())), "classes": dict(sorted(self.classes.items()))}

    @classmethod
    def from_dict(cls, data: dict[str, dict[str, int]]) -> "PartStats":
        return cls(dict(data.get("triples", {})), dict(data.get("classes", {})))

    @classmethod
    def of(cls, graphs: Graphs) -> "PartStats":
        """The statistics of one part's statements (a block's ``rdf:type`` is its first statement)."""
        stats = cls()
        classes = stats.classes
        for name, subjects in graphs.items():
            n = sum(map(len, subjects.values()))
            if n:
                stats.triples[name] = n
            for stmts in subjects.values():
                p, o, _ = stmts[0]
                if p == _TYPE:
                    classes[o] = classes.get(o, 0) + 1
        return stats


# -- literal forms -----------------------------------------------------------------------

# canonical N-Triples escapes: ECHAR for \b \t \n \f \r " \\, UCHAR for the other controls;
# a lone surrogate (only a YAML "\ud800" escape can make one) becomes U+FFFD.
_ESCAPES: dict[int, str] = {i: f"\\u{i:04X}" for i in [*range(0x20), 0x7F]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r", 0x22: '\\"', 0x5C: "\\\\"})
_ESCAPES.update({i: "\ufffd" for i in range(0xD800, 0xE000)})
SURROGATES = {i: "\ufffd" for i in range(0xD800, 0xE000)}
RARE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def escape(text: str) -> str:
    """``text`` escaped for a quoted N-Triples, N-Quads, Turtle or TriG string.

    >>> print(escape('say "hi"\\n\\\\'))
    say \\"hi\\"\\n\\\\
    """
    # common: a few C-speed replaces (str.translate with a dict costs 10x more on answers)
    out = text
    if "\\" in out:
        out = out.replace("\\", "\\\\")
    if '"' in out:
        out = out.replace('"', '\\"')
    if "\n" in out:
        out = out.replace("\n", "\\n")
    if "\r" in out:
        out = out.replace("\r", "\\r")
    if "\t" in out:
        out = out.replace("\t", "\\t")
    # every character RARE matches is unprintable (a control or a surrogate), so a printable result
    # holds none; the check reads a character three times faster than the regex (an export's
    # literals are 110 MB at 36k articles), which is left for the few texts it cannot clear
    if out.isprintable() or not RARE.search(text):
        return out
    return text.translate(_ESCAPES)  # rare: the table handles every case, slowly


def decimal_lexical(value: float) -> str:
    """The shortest ``xsd:decimal`` lexical form of a float (never an exponent).

    >>> decimal_lexical(0.25), decimal_lexical(1.0), decimal_lexical(1e-05)
    ('0.25', '1.0', '0.00001')
    """
    if not math.isfinite(value):
        raise UsageError(f"weight {value!r} is not a finite number")
    text = format(Decimal(repr(float(value))), "f")
    return text if "." in text else text + ".0"


_DATE_RE = lazy_compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = lazy_compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))?")
_DATE, _DATETIME = str(XSD.date), str(XSD.dateTime)
# Jekyll's documented form (YYYY-MM-DD HH:MM:SS +/-TTTT, as Ruby's Time.parse reads it) and its kin:
# a space for the T, an hour of one digit, no seconds, a zone of +0200, UTC or GMT
_SPACED_RE = lazy_compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)? *"
                        r"(Z|UTC|GMT|[+-]\d{2}:?\d{2})?", re.I)
_ZONED_DATE_RE = lazy_compile(r"(\d{4}-\d{2}-\d{2})(Z|[+-](\d{2}):(\d{2}))")


def date_literal(text: str) -> tuple[str, str]:
    """``(lexical form, datatype)`` of a date: ``xsd:date``, ``xsd:dateTime``, or ``""`` for text.

    >>> date_literal("2025-01-26")
    ('2025-01-26', 'http://www.w3.org/2001/XMLSchema#date')
    >>> date_literal("2025-02-30"), date_literal("Jan 26")
    (('2025-02-30', ''), ('Jan 26', ''))

    A time-zone offset is at most 14:00 either way, its minutes below 60 (XSD; Python reads
    ``+23:59`` and ``+05:60``, Oxigraph holds such a literal ill-typed):

    >>> date_literal("2025-01-26T10:00:00+14:00")[1][-8:], date_literal("2025-01-26T10:00:00+23:59")[1]
    ('dateTime', '')

    A date and time as Jekyll writes it is that ``xsd:dateTime``, written as XSD writes it; so is
    a date with a time zone, an ``xsd:date``:

    >>> date_literal("2025-01-26 9:05 +0200")[0], date_literal("2025-01-26Z")
    ('2025-01-26T09:05:00+02:00', ('2025-01-26Z', 'http://www.w3.org/2001/XMLSchema#date'))
    """
    try:
        if _DATE_RE.fullmatch(text):
            _dt.date.fromisoformat(text)
            return text, _DATE
        zoned = _ZONED_DATE_RE.fullmatch(text)
        if zoned:
            _dt.date.fromisoformat(zoned.group(1))
            hours, minutes = zoned.group(3, 4)
            if hours is None or (int(minutes) < 60 and int(hours) * 60 + int(minutes) <= 14 * 60):
                return text, _DATE
            return text, ""
        spaced = None if _DATETIME_RE.fullmatch(text) else _SPACED_RE.fullmatch(text)
        if spaced:
            day, hour, minute, second, fraction, zone = spaced.groups()
            zone = "" if zone is None else "Z" if zone.upper() in ("Z", "UTC", "GMT") else \
                zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
            lexical, datatype = date_literal(f"{day}T{int(hour):02d}:{minute}:{second or '00'}{fraction or ''}{zone}")
            return (lexical, datatype) if datatype else (text, "")
        timed = _DATETIME_RE.fullmatch(text)
        if timed:
            _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
            hours, minutes = timed.groups()
            if hours is None or (int(minutes) < 60 and int(hours) * 60 + int(minutes) <= 14 * 60):
                return text, _DATETIME
    except ValueError:
        pass
    return text, ""


# -- the mapping ---------------------------------------------------------------------------

_TYPE = str(RDF.type)
_INTEGER, _DECIMAL = str(XSD.integer), str(XSD.decimal)
MARKDOWN = "text/markdown"
DEFAULT_METHOD = "shared-keywords"

_CONCEPT, _SCHEME, _IN_SCHEME = str(SKOS.Concept), str(SKOS.ConceptScheme), str(SKOS.inScheme)
_PREF, _ALT, _TOP, _NOTATION = str(SKOS.prefLabel), str(SKOS.altLabel), str(SKOS.topConceptOf), str(SKOS.notation)
_QUESTION, _ANSWER, _EXTERNAL = str(SCHEMA.Question), str(SCHEMA.Answer), str(QA.ExternalQuestion)
_NAME, _TEXT, _DESCRIPTION, _URL = str(SCHEMA.name), str(SCHEMA.text), str(SCHEMA.description), str(SCHEMA.url)
_IDENTIFIER, _CREATED, _AUTHOR = str(SCHEMA.identifier), str(SCHEMA.dateCreated), str(SCHEMA.author)
_ABOUT = str(SCHEMA.about)
_ACCEPTED, _ENCODING = str(SCHEMA.acceptedAnswer), str(SCHEMA.encodingFormat)
_SIMILARITY, _SOURCE, _TARGET = str(QA.Similarity), str(QA.source), str(QA.target)
_WEIGHT, _METHOD, _SHARED = str(QA.weight), str(QA.method), str(QA.sharedKeyword)
SIMILAR = "similar"  # the edge kind whose records similarity="full" writes


_first = itemgetter(0)  # the other end of an (end, edge data) pair


def _labels(d: dict[str, Any]) -> list[Stmt]:
    label = d["label"]
    out: list[Stmt] = [(_PREF, label, "")]
    labels = d.get("labels", ())
    if len(labels) > 1 or (labels and labels[0] != label):
        out += [(_ALT, other, "") for other in sorted(set(labels) - {label})]
    return out


def statements(
    G: nx.MultiDiGraph | Adjacency,
    nodes: list[str],
    iris: IRIs,
    *,
    similarity: str = "links",
    site_url: str | None = None,
    schemes: bool = True,
) -> Graphs:
    """What ``nodes`` (one part's node ids, sorted) state, by named graph and subject.

    ``schemes``: also state the two concept schemes (part 0 does).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_node("subject:cs", kind="subject", slug="cs", label="CS", labels=("CS", "cs"), articles=0)
    >>> graphs = statements(G, ["subject:cs"], IRIs("https://example.org/"), schemes=False)
    >>> [p.rsplit("#")[-1] for p, o, t in graphs["content"]["https://example.org/subject/cs"]]
    ['type', 'inScheme', 'topConceptOf', 'prefLabel', 'altLabel', 'notation']
    """
    if similarity not in SIMILARITY_DETAILS:
        raise UsageError(f"unknown similarity detail {similarity!r} (known: {', '.join(SIMILARITY_DETAILS)})")
    if site_url:
        site_url = check_site_url(site_url)
    edge_kinds = _kinds.EDGE_KINDS
    skip_graphs = {SIMILARITY} if similarity == "none" else set()
    # per kind, in registry order: (predicates, graph name, symmetric); kinds of a skipped graph map to None
    plan: dict[str, Any] = {
        name: None if kind.graph in skip_graphs else (kind.predicates, kind.graph, kind.symmetric)
        for name, kind in edge_kinds.items()
    }
    symmetric = {name for name, kind in edge_kinds.items() if kind.symmetric and kind.graph not in skip_graphs}
    graphs: Graphs = {name: {} for name in GRAPH_NAMES}
    for registered in edge_kinds.values():
        graphs.setdefault(registered.graph, {})
    content = graphs[CONTENT]
    node_data, succ, pred = G._node, G._succ, G._pred
    iri_of = iris.nodes  # node id -> IRI, a dict that mints on a miss
    subject_scheme, keyword_scheme = iris.scheme("subjects"), iris.scheme("keywords")
    method = str((G.graph.get("similarity") or {}).get("method") or DEFAULT_METHOD)
    full = similarity == "full"

    if schemes:
        content[keyword_scheme] = [(_TYPE, _SCHEME, None), (_PREF, "Keywords", "")]
        content[subject_scheme] = [(_TYPE, _SCHEME, None), (_PREF, "Subjects", "")]

    forward = {name for name, route in plan.items() if route is not None and name not in symmetric}
    iri_get = iri_of.__getitem__

    def buckets_of(node: str, is_article: bool) -> dict[str, list[Any]]:
        """Kind name -> the other ends of the edges this node states; ``(other end, edge data)``
        when ``full`` (only a similarity record reads an edge's data). Bare ends sort by the string
        compare alone: no tuple and no key call for each of the 700,000 edges of a 36k export."""
        out: dict[str, list[Any]] = {}
        for v, keyed in succ[node].items():
            for key in keyed:
                if key in forward:
                    pass
                elif key in symmetric:
                    if v < node:
                        continue
                elif key in plan:  # a kind of a graph not written
                    continue
                else:
                    raise UsageError(f"edge {node!r} -> {v!r} has kind {key!r}, which is not registered")
                bucket = out.get(key)
                if bucket is None:
                    out[key] = [(v, keyed[key]) if full else v]
                else:
                    bucket.append((v, keyed[key]) if full else v)
        if is_article and symmetric:
            for u, keyed in pred[node].items():
                if u > node:  # a symmetric edge stored from its second node: stated with its first
                    for key in keyed:
                        if key in symmetric:
                            out.setdefault(key, []).append((u, keyed[key]) if full else u)
        return out

    for node in nodes:
        d = node_data[node]
        kind = d.get("kind")
        s = iri_of[node]
        if kind == ARTICLE or kind == STUB:
            is_stub = kind == STUB
            stmts: list[Stmt] = [(_TYPE, _EXTERNAL if is_stub else _QUESTION, None)]
            value = d.get("title")
            if value:
                stmts.append((_NAME, value, ""))
            value = d.get("question") or d.get("title")  # a question's text: what it asks, else its title
            if value and not is_stub:
                stmts.append((_TEXT, value, ""))
            value = d.get("description")
            if value:
                stmts.append((_DESCRIPTION, value, ""))
            if site_url and d.get("url"):
                url = absolute_url(site_url, d["url"])
                if url is not None:  # None: no IRI can name it (the load warned of it)
                    stmts.append((_URL, url, None))
            value = d.get("id")
            if value is not None:
                stmts.append((_IDENTIFIER, str(int(value)), _INTEGER))
            value = d.get("date")
            if value:
                lexical, datatype = date_literal(str(value))
                stmts.append((_CREATED, lexical, datatype))
            value = d.get("author")
            if value:
                stmts.append((_AUTHOR, value, ""))
            if is_stub and d.get("subject"):
                subject = f"subject:{d['subject']}"
                if subject in node_data:  # a stub's subject need not be one of the corpus
                    # schema:about only: dct:subject is on the corpus's questions alone, so that
                    # counting articles per subject needs no type join (100 ms, not 6 s, at 36k)
                    stmts.append((_ABOUT, iri_of[subject], None))
            answer = d.get("answer") if not is_stub else None
            if answer:
                a = s + "#answer"
                stmts.append((_ACCEPTED, a, None))
            earlier = content.get(s)  # a symmetric link from an earlier node may be there: own statements first
            content[s] = stmts if earlier is None else stmts + earlier
            if answer:
                content[a] = [(_TYPE, _ANSWER, None), (_TEXT, answer, ""), (_ENCODING, MARKDOWN, "")]
        elif kind == SUBJECT:
            stmts = [(_TYPE, _CONCEPT, None), (_IN_SCHEME, subject_scheme, None), (_TOP, subject_scheme, None),
                     *_labels(d), (_NOTATION, d["slug"], "")]
            earlier = content.get(s)
            content[s] = stmts if earlier is None else stmts + earlier
            continue  # subjects and keywords state no edges (edges point to them)
        elif kind == KEYWORD:
            stmts = [(_TYPE, _CONCEPT, None), (_IN_SCHEME, keyword_scheme, None), *_labels(d)]
            earlier = content.get(s)
            content[s] = stmts if earlier is None else stmts + earlier
            continue
        else:
            raise UsageError(f"node {node!r} has unknown kind {kind!r}")
        buckets = buckets_of(node, kind == ARTICLE)
        if not buckets:
            continue
        for key in plan:
            bucket = buckets.get(key)
            if bucket is None:
                continue
            predicates, graph_name, is_symmetric = plan[key]
            target = graphs[graph_name]
            if len(bucket) > 1 and full:
                bucket.sort(key=_first)  # stable: the data of equal ends keep their order
            elif len(bucket) > 1:
                bucket.sort()
            if not is_symmetric:
                own = target.get(s)
                if own is None:
                    own = target[s] = []
                ends = [v for v, _ in bucket] if full else bucket
                if len(predicates) == 1:  # the statements made in C, not one Python tuple at a time
                    own += zip(repeat(predicates[0]), map(iri_get, ends), repeat(None))
                else:
                    own += [(p, iri_of[v], None) for v in ends for p in predicates]
                continue
            own = target.setdefault(s, [])  # the other ends sort after this node (buckets_of keeps those)
            for item in bucket:
                v = item[0] if full else item
                o = iri_of[v]
                for p in predicates:
                    own.append((p, o, None))
                    target.setdefault(o, []).append((p, s, None))
                if full and key == SIMILAR:
                    data = item[1]
                    record = iris.similarity(split_node(node)[1], split_node(v)[1])
                    rec: list[Stmt] = [
                        (_TYPE, _SIMILARITY, None), (_SOURCE, s, None), (_TARGET, o, None),
                        (_WEIGHT, decimal_lexical(data["weight"]), _DECIMAL), (_METHOD, method, ""),
                    ]
                    keyed = succ[node]
                    rec += [(_SHARED, iri_of[f"keyword:{k}"], None)
                            for k in sorted(data.get("shared", ())) if f"keyword:{k}" in keyed]
                    target[record] = rec
    return graphs
