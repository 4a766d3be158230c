"""The dataset description of an export (``void.ttl``): VoID counts and PROV-O provenance.

It is a file of its own because it holds the build time: the graph files stay identical
from one build of the same content to the next, and ``void.ttl`` says when and from what
they were built (source folder, qagraph version), how many triples each named graph
holds, and how many entities of each class.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from .._version import __version__
from ..fileio import atomic_open
from .iri import IRIs
from .triples import Stats, escape
from .vocab import DCT, PROV, QA_NS, RDFS, SCHEMA, SKOS, VOID, XSD

__all__ = ["DatasetCounts", "build_time", "write_void"]

_FORMAT_IRIS = {
    "ttl": "http://www.w3.org/ns/formats/Turtle",
    "nt": "http://www.w3.org/ns/formats/N-Triples",
    "trig": "http://www.w3.org/ns/formats/TriG",
    "nq": "http://www.w3.org/ns/formats/N-Quads",
    "jsonld": "http://www.w3.org/ns/formats/JSON-LD",
}


_PREFIXES = {
    "void": str(VOID._NS), "prov": str(PROV._NS), "dct": str(DCT._NS),
    "schema": str(SCHEMA._NS), "rdfs": str(RDFS._NS), "xsd": str(XSD._NS),
}


def q(term: str) -> str:
    """A vocabulary term as a prefixed name (the terms used here have plain local names)."""
    for prefix, ns in _PREFIXES.items():
        if term.startswith(ns):
            return f"{prefix}:{term[len(ns):]}"
    return f"<{term}>"


@dataclass
class DatasetCounts:
    """Entities per class and triples per named graph (content, similarity) of one export."""

    stats: Stats
    triples: list[int]

    @property
    def total(self) -> int:
        return sum(self.triples)


def build_time() -> _dt.datetime:
    """Now (UTC, whole seconds), or ``SOURCE_DATE_EPOCH`` when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


def write_void(
    path: str | os.PathLike[str],
    counts: DatasetCounts,
    G: nx.MultiDiGraph,
    iris: IRIs,
    dumps: Sequence[Path],
    built_at: _dt.datetime,
    *,
    dump_base: str | None = None,
) -> Path:
    """Write the VoID / PROV-O description of the export whose files are ``dumps``.

    ``dump_base`` is where the files will be published (an IRI ending in ``/``); by
    default they are named by their ``file:`` IRIs on this machine.
    """
    target = Path(path)
    if dump_base is None:
        dump_base = target.parent.resolve().as_uri() + "/"
    version = __version__
    when = built_at.astimezone(_dt.timezone.utc).isoformat().replace("+00:00", "Z")
    ds, content, similarity = iris.dataset, iris.graph("content"), iris.graph("similarity")

    def lit(text: str) -> str:
        return f'"{escape(text)}"'

    def integer(value: int) -> str:
        return f'"{value}"^^{q(XSD.integer)}'

    def dt(value: str) -> str:
        return f'"{value}"^^{q(XSD.dateTime)}'

    a = "a"
    lines = [
        "# The description of a qagraph export (VoID, PROV-O): the only file that holds the build time.",
        *(f"@prefix {prefix}: <{ns}> ." for prefix, ns in _PREFIXES.items()),
        "",
        f"<{ds}> {a} {q(VOID.Dataset)}, {q(PROV.Entity)} ;",
        f"    {q(DCT.title)} {lit('qagraph knowledge graph')} ;",
        f"    {q(VOID.uriSpace)} {lit(iris.base)} ;",
        f"    {q(VOID.triples)} {integer(counts.total)} ;",
        f"    {q(VOID.entities)} {integer(counts.stats.entities)} ;",
        f"    {q(VOID.distinctSubjects)} {integer(counts.stats.entities)} ;",
        f"    {q(VOID.vocabulary)} " + ", ".join(f"<{v}>" for v in (QA_NS, SCHEMA._NS, SKOS._NS, DCT._NS)) + " ;",
        f"    {q(VOID.subset)} <{content}>, <{similarity}> ;",
    ]
    if dumps:
        lines.append(f"    {q(VOID.dataDump)} " + ", ".join(f"<{dump_base}{p.name}>" for p in dumps) + " ;")
        lines.append(f"    {q(VOID.feature)} " + ", ".join(f"<{_FORMAT_IRIS[p.suffix[1:]]}>" for p in dumps) + " ;")
    partitions = [
        f"[ {q(VOID['class'])} <{cls}> ; {q(VOID.entities)} {integer(n)} ]"
        for cls, n in sorted(counts.stats.classes.items())
    ]
    if partitions:
        lines.append(f"    {q(VOID.classPartition)} " + " ,\n        ".join(partitions) + " ;")
    source = G.graph.get("source")
    source_iri = Path(source).resolve().as_uri() + "/" if source else None
    if source_iri:
        lines.append(f"    {q(PROV.wasDerivedFrom)} <{source_iri}> ;")
    lines += [
        f"    {q(DCT.created)} {dt(when)} ;",
        f"    {q(PROV.generatedAtTime)} {dt(when)} ;",
        f"    {q(PROV.wasGeneratedBy)} [",
        f"        {a} {q(PROV.Activity)} ;",
        f"        {q(PROV.endedAtTime)} {dt(when)} ;",
    ]
    if source_iri:
        lines.append(f"        {q(PROV.used)} <{source_iri}> ;")
    lines += [
        f"        {q(PROV.wasAssociatedWith)} [",
        f"            {a} {q(PROV.SoftwareAgent)} ;",
        f"            {q(RDFS.label)} {lit('qagraph ' + version)} ;",
        f"            {q(SCHEMA.softwareVersion)} {lit(version)}",
        "        ]",
        "    ] .",
        "",
        f"<{content}> {a} {q(VOID.Dataset)} ;",
        f"    {q(RDFS.label)} {lit('content: questions, answers, subjects, keywords, related links')} ;",
        f"    {q(VOID.triples)} {integer(counts.triples[0])} .",
        "",
        f"<{similarity}> {a} {q(VOID.Dataset)} ;",
        f"    {q(RDFS.label)} {lit('similarity: weighted shared-keyword links, derived from the keywords')} ;",
        f"    {q(VOID.triples)} {integer(counts.triples[1])} .",
        "",
    ]
    with atomic_open(target) as handle:
        handle.write("\n".join(lines))
    return target
