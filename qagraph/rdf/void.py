"""The dataset description of an export (``OUT/rdf/void.ttl``): VoID counts and PROV-O provenance.

It is a file of its own because it holds the build time: the part files stay identical
from one build of the same content to the next. It is built as triples (pyoxigraph
terms) and serialised, never pasted together as text. It names no machine: the dumps
are IRIs under the base IRI (``<base>rdf/part-000.nq``), the
source is its folder's name and a digest of its content, never a path.

The figures come from the statistics of every part (:class:`~qagraph.rdf.triples.PartStats`,
additive), so an incremental build that rewrote a few parts describes the whole dataset
from the statistics it kept for the others.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import UsageError
from ..fileio import write_atomic
from .export import RDF_DIR, part_name
from .formats import FORMATS, check_formats
from .iri import DEFAULT_BASE_IRI, IRIs
from .triples import GRAPH_NAMES, PartStats
from .vocab import DCT, PREFIXES, PROV, QA_NS, RDF, RDFS, SCHEMA, SKOS, VOID, XSD

__all__ = ["build_time", "void_triples", "write_void"]

_LABELS = {
    "content": "content: questions, answers, subjects, keywords and the links between them",
    "similarity": "similarity: links between articles that share keywords, derived from the keywords",
}


def build_time() -> _dt.datetime:
    """Now (UTC, whole seconds), or ``SOURCE_DATE_EPOCH`` when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc)
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


def void_triples(
    stats_per_part: Mapping[int, PartStats] | Sequence[PartStats],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    formats: Iterable[str] = ("nq",),
    similarity: str = "links",
    source_name: str | None = None,
    source_digest: str | None = None,
    built_at: _dt.datetime | None = None,
    dump_base: str | None = None,
) -> list[Any]:
    """The description as a list of ``pyoxigraph.Triple``; see :func:`write_void`."""
    import pyoxigraph as ox

    iris = IRIs(base_iri)
    stats_list = list(stats_per_part.values()) if isinstance(stats_per_part, Mapping) else list(stats_per_part)
    if not stats_list:
        raise UsageError("no part statistics: the dataset description needs those of every part")
    total = PartStats()
    for stats in stats_list:
        total.add(stats)
    parts = len(stats_list)
    wanted = check_formats(list(formats))
    when = (built_at or build_time()).astimezone(_dt.timezone.utc)
    stamp = when.isoformat().replace("+00:00", "Z")
    dumps = dump_base if dump_base is not None else iris.base + RDF_DIR + "/"

    N, L, B = ox.NamedNode, ox.Literal, ox.BlankNode
    integer, datetime = N(str(XSD.integer)), N(str(XSD.dateTime))
    a = N(str(RDF.type))
    ds = N(iris.dataset)
    out: list[Any] = []

    def add(s: Any, p: Any, o: Any) -> None:
        out.append(ox.Triple(s, N(str(p)) if not isinstance(p, ox.NamedNode) else p, o))

    add(ds, a, N(str(VOID.Dataset)))
    add(ds, a, N(str(PROV.Entity)))
    add(ds, DCT.title, L("qagraph knowledge graph"))
    add(ds, VOID.uriSpace, L(iris.base))
    add(ds, VOID.triples, L(str(total.total), datatype=integer))
    add(ds, VOID.entities, L(str(total.entities), datatype=integer))
    add(ds, VOID.distinctSubjects, L(str(total.entities), datatype=integer))
    for vocabulary in (QA_NS, str(SCHEMA._NS), str(SKOS._NS), str(DCT._NS)):
        add(ds, VOID.vocabulary, N(vocabulary))
    for i in range(parts):
        for suffix in wanted:
            add(ds, VOID.dataDump, N(f"{dumps}{part_name(i, parts)}.{suffix}"))
    for suffix in wanted:
        add(ds, VOID.feature, N(FORMATS[suffix].iri))
    for n, (cls, count) in enumerate(sorted(total.classes.items())):
        partition = B(f"class{n}")
        add(ds, VOID.classPartition, partition)
        add(partition, VOID["class"], N(cls))
        add(partition, VOID.entities, L(str(count), datatype=integer))
    names = [name for name in GRAPH_NAMES if not (name == "similarity" and similarity == "none")]
    names += sorted(set(total.triples) - set(names))
    for name in names:
        graph = N(iris.graph(name))
        add(ds, VOID.subset, graph)
        add(graph, a, N(str(VOID.Dataset)))
        add(graph, RDFS.label, L(_LABELS.get(name, name)))
        add(graph, VOID.triples, L(str(total.triples.get(name, 0)), datatype=integer))
    source = None
    if source_name is not None or source_digest is not None:
        source = B("source")
        add(ds, PROV.wasDerivedFrom, source)
        add(source, a, N(str(PROV.Entity)))
        if source_name is not None:
            add(source, RDFS.label, L(source_name))
        if source_digest is not None:
            add(source, DCT.identifier, L(source_digest))
    add(ds, DCT.created, L(stamp, datatype=datetime))
    add(ds, PROV.generatedAtTime, L(stamp, datatype=datetime))
    activity, agent = B("build"), B("qagraph")
    add(ds, PROV.wasGeneratedBy, activity)
    add(activity, a, N(str(PROV.Activity)))
    add(activity, PROV.endedAtTime, L(stamp, datatype=datetime))
    if source is not None:
        add(activity, PROV.used, source)
    add(activity, PROV.wasAssociatedWith, agent)
    add(agent, a, N(str(PROV.SoftwareAgent)))
    add(agent, RDFS.label, L(f"qagraph {__version__}"))
    add(agent, SCHEMA.softwareVersion, L(__version__))
    return out


def write_void(
    out: str | os.PathLike[str],
    stats_per_part: Mapping[int, PartStats] | Sequence[PartStats],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    formats: Iterable[str] = ("nq",),
    similarity: str = "links",
    source_name: str | None = None,
    source_digest: str | None = None,
    built_at: _dt.datetime | None = None,
    dump_base: str | None = None,
) -> Path:
    """Write ``OUT/rdf/void.ttl``, the VoID / PROV-O description of the export in build folder ``out``.

    ``stats_per_part``: the statistics of every part (part number -> stats, or a list in
    part order), as :func:`~qagraph.rdf.export.write_rdf` returned them. ``formats``: the
    suffixes written (one ``void:dataDump`` per part and format). ``source_name``: the
    content folder's name; ``source_digest``: a digest of its content (e.g.
    ``"sha256:..."``), both kept as given. ``built_at`` defaults to now (or
    ``SOURCE_DATE_EPOCH``). ``dump_base``: where the part files are published (an IRI
    ending in ``/``; default ``<base>rdf/``).

    >>> import tempfile
    >>> from qagraph.rdf.triples import PartStats
    >>> path = write_void(tempfile.mkdtemp(), [PartStats({"content": 4}, {})], source_name="content")
    >>> path.name
    'void.ttl'
    """
    import pyoxigraph as ox

    triples = void_triples(
        stats_per_part, base_iri=base_iri, formats=formats, similarity=similarity, source_name=source_name,
        source_digest=source_digest, built_at=built_at, dump_base=dump_base,
    )
    text = bytes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode("utf-8")
    # pyoxigraph writes the prefixes in an order of its own: write them in PREFIXES' order
    lines = text.splitlines(keepends=True)
    body = "".join(line for line in lines if not line.startswith("@prefix "))
    header = "# The description of a qagraph export (VoID, PROV-O): the only file that holds the build time.\n"
    header += "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())
    return write_atomic(Path(out) / RDF_DIR / "void.ttl", header + "\n" + body)
