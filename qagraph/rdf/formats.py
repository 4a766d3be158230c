"""The one table of RDF file formats: suffix, name, media type, parser names, W3C format IRI.

Every part of :mod:`qagraph.rdf` that names a format reads it here: the writer, the
dataset description (``void:feature``), the store loader, ``push`` and the validator.

>>> FORMATS["nq"].media_type, FORMATS["nq"].quads
('application/n-quads', True)
>>> format_of("build/rdf/part-000.trig").name
'TriG'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError

__all__ = ["DEFAULT_FORMATS", "FORMATS", "RdfFileFormat", "check_formats", "format_of"]


@dataclass(frozen=True)
class RdfFileFormat:
    """One RDF syntax as qagraph writes and reads it."""

    suffix: str  #: file suffix, without the dot; also the name users give (``--format nq``)
    name: str
    media_type: str
    oxigraph: str  #: the ``pyoxigraph.RdfFormat`` attribute
    rdflib: str  #: rdflib's parser/serialiser name
    iri: str  #: the W3C format IRI (``void:feature``)
    quads: bool  #: holds named graphs

    @property
    def ox(self) -> Any:
        """The ``pyoxigraph.RdfFormat`` value."""
        import pyoxigraph

        return getattr(pyoxigraph.RdfFormat, self.oxigraph)


_W3C = "http://www.w3.org/ns/formats/"

FORMATS: dict[str, RdfFileFormat] = {
    f.suffix: f
    for f in (
        RdfFileFormat("nq", "N-Quads", "application/n-quads", "N_QUADS", "nquads", _W3C + "N-Quads", True),
        RdfFileFormat("trig", "TriG", "application/trig", "TRIG", "trig", _W3C + "TriG", True),
        RdfFileFormat("ttl", "Turtle", "text/turtle", "TURTLE", "turtle", _W3C + "Turtle", False),
        RdfFileFormat("nt", "N-Triples", "application/n-triples", "N_TRIPLES", "nt", _W3C + "N-Triples", False),
        RdfFileFormat("jsonld", "JSON-LD", "application/ld+json", "JSON_LD", "json-ld", _W3C + "JSON-LD", True),
    )
}

#: What a build writes unless told otherwise: N-Quads. It keeps the two named graphs,
#: every triple store bulk-loads it (Oxigraph, Jena, Virtuoso, GraphDB, rapper), one
#: statement a line streams and splits anywhere, and it is the cheapest to write and
#: to parse. Turtle, TriG, N-Triples and JSON-LD are one ``formats=`` away.
DEFAULT_FORMATS: tuple[str, ...] = ("nq",)


def check_formats(formats: Any) -> list[str]:
    """``formats`` as a list of known suffixes, in table order, each once.

    >>> check_formats(["ttl", "nq", "ttl"])
    ['nq', 'ttl']
    >>> check_formats(["rdfxml"])
    Traceback (most recent call last):
    ...
    qagraph.errors.UsageError: unknown RDF format(s) rdfxml (known: nq, trig, ttl, nt, jsonld)
    """
    wanted = [formats] if isinstance(formats, str) else list(formats)
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise UsageError(f"unknown RDF format(s) {', '.join(map(str, unknown)) or '(none given)'} "
                         f"(known: {', '.join(FORMATS)})")
    return [f for f in FORMATS if f in wanted]


def format_of(path: str | os.PathLike[str]) -> RdfFileFormat:
    """The format of an RDF file, by its suffix; a :class:`~qagraph.errors.UsageError` otherwise."""
    suffix = Path(path).suffix[1:]
    if suffix not in FORMATS:
        raise UsageError(f"{path}: not an RDF file (suffixes: {', '.join('.' + s for s in FORMATS)})")
    return FORMATS[suffix]
