"""Writing the graph as RDF files: N-Triples, Turtle, TriG, N-Quads, JSON-LD, and ``void.ttl``.

The statements come from :func:`qagraph.rdf.triples.emit`, rendered once to canonical
N-Triples text (content graph first, then similarity). Everything else is derived from
that text without going back to Python objects per triple:

* Turtle and TriG: pyoxigraph's serialiser reads each of the two parts once; one writer
  sends the result to both files (TriG wraps each part in its named-graph block).
  pyoxigraph writes Turtle about 40x faster than rdflib's writer, and building rdflib
  terms costs 10x more than rendering the text (``bench/bench_rdf.py`` has the figures).
* N-Quads: the N-Triples lines with the graph's IRI before the final `` .``.
* JSON-LD (optional): pyoxigraph's streaming JSON-LD writer over the two parts.

Only vocabulary prefixes are bound in Turtle and TriG; data IRIs are written in full.
Their percent-encoded segments would become local names like ``kw:etc\\.`` and
``a:\\%2Fx``, which are valid Turtle that rdflib's parser rejects.

Every file is written to a temporary file beside it; once all are complete they are
renamed into place, so a failure leaves the previous files as they were. The same graph
gives the same bytes; the build time is only in ``void.ttl``.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ..errors import QagraphError
from ..model import Progress
from .iri import DEFAULT_BASE_IRI, IRIs
from .triples import NTriplesSink, emit
from .vocab import NAMESPACES
from .void import DatasetCounts, build_time, write_void

__all__ = ["FORMATS", "GRAPH_NAMES", "STEM", "generate_nquads", "generate_ntriples", "rdf_file_names", "write_rdf"]


#: file suffix -> format name; the last three hold named graphs
FORMATS: dict[str, str] = {
    "ttl": "Turtle",
    "nt": "N-Triples",
    "trig": "TriG",
    "nq": "N-Quads",
    "jsonld": "JSON-LD",
}
DEFAULT_FORMATS = ("ttl", "nt", "trig")
GRAPH_NAMES = ("content", "similarity")
STEM = "qagraph"


def rdf_file_names(formats: Sequence[str] = DEFAULT_FORMATS, void: bool = True) -> list[str]:
    """The names of the files :func:`write_rdf` writes for ``formats``, in its order.

    >>> rdf_file_names()
    ['qagraph.ttl', 'qagraph.nt', 'qagraph.trig', 'void.ttl']
    """
    return [f"{STEM}.{f}" for f in dict.fromkeys(formats)] + (["void.ttl"] if void else [])


def generate_ntriples(G: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """The export as N-Triples text, in chunks of whole lines: content, then similarity.

    The text is rendered in full before the first chunk is given: for large graphs,
    :func:`write_rdf` streams to a file instead.

    >>> text = "".join(generate_ntriples(nx.MultiDiGraph(), "https://example.org/"))
    >>> text.splitlines()[0]
    '<https://example.org/scheme/keywords> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#ConceptScheme> .'
    """
    chunks: list[str] = []
    sink = NTriplesSink(chunks.append)
    emit(G, IRIs(base_iri), sink, sink)
    yield from chunks


def generate_nquads(G: nx.MultiDiGraph, base_iri: str = DEFAULT_BASE_IRI) -> Iterator[str]:
    """The export as N-Quads text: content and similarity in their named graphs."""
    iris = IRIs(base_iri)
    content: list[str] = []
    similarity: list[str] = []
    emit(G, iris, NTriplesSink(content.append), NTriplesSink(similarity.append))
    for name, chunks in zip(GRAPH_NAMES, (content, similarity)):
        end = f" <{iris.graph(name)}> .\n"
        for chunk in chunks:
            yield chunk.replace(" .\n", end)


def write_rdf(
    G: nx.MultiDiGraph,
    out_dir: str | os.PathLike[str],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    formats: Sequence[str] = DEFAULT_FORMATS,
    void: bool = True,
    built_at: _dt.datetime | None = None,
    dump_base: str | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write ``OUT/qagraph.<suffix>`` for each of ``formats`` and the dataset description ``OUT/void.ttl``.

    ``formats``: ``ttl`` (Turtle), ``nt`` (N-Triples), ``trig`` and ``nq`` (TriG and
    N-Quads: content and similarity in the named graphs ``<base>graph/content`` and
    ``<base>graph/similarity``) and ``jsonld`` (JSON-LD, expanded, with both graphs).
    ``built_at`` defaults to now (or ``SOURCE_DATE_EPOCH``); ``dump_base`` is where the
    files will be published, for ``void:dataDump`` (default: their ``file:`` IRIs).
    Files are written beside their targets and renamed into place once all are done.
    Returns the paths written, ``void.ttl`` last.

    >>> import tempfile
    >>> paths = write_rdf(nx.MultiDiGraph(), tempfile.mkdtemp(), base_iri="https://example.org/kb/", formats=("ttl", "nq"))
    >>> [p.name for p in paths]
    ['qagraph.ttl', 'qagraph.nq', 'void.ttl']
    """
    import pyoxigraph as ox

    when = built_at or build_time()
    iris = IRIs(base_iri)
    wanted = list(dict.fromkeys(formats))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise QagraphError(f"unknown RDF format(s) {', '.join(unknown) or '(none given)'} (known: {', '.join(FORMATS)})")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise QagraphError(f"output {out} exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    paths = {f: out / f"{STEM}.{f}" for f in wanted}
    steps = 2 + sum(f != "nt" for f in wanted)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress("rdf", done, steps)

    if progress:
        progress("rdf", 0, steps)
    with _Staging() as stage:
        # 1. N-Triples: content part, then similarity part; remember where the second starts.
        source = stage.path(paths["nt"]) if "nt" in paths else stage.scratch(out / f"{STEM}.nt")
        with open(source, "wb") as raw:
            sizes = [0, 0]

            def writer(i: int) -> Callable[[str], None]:
                def write(text: str) -> None:
                    data = text.encode("utf-8")
                    sizes[i] += len(data)
                    raw.write(data)
                return write

            # emit() closes (flushes) the content sink before the first similarity statement
            sinks = NTriplesSink(writer(0)), NTriplesSink(writer(1))
            stats = emit(G, iris, *sinks)
        content_bytes, similarity_bytes = sizes
        counts = DatasetCounts(stats, [sink.count for sink in sinks])
        step()

        def part(i: int) -> IO[bytes]:
            handle = open(source, "rb")
            if i == 0:
                return _Slice(handle, 0, content_bytes)
            handle.seek(content_bytes)
            return _Slice(handle, content_bytes, content_bytes + similarity_bytes)

        graph_iris = [iris.graph(n) for n in GRAPH_NAMES]
        # 2. Turtle and TriG in one pass of pyoxigraph over each part.
        pretty = [f for f in ("ttl", "trig") if f in paths]
        if pretty:
            ttl, trig = (stage.path(paths[f]) if f in paths else None for f in ("ttl", "trig"))
            _write_turtle_and_trig(ox, part, [c > 0 for c in counts.triples], graph_iris, ttl, trig)
            for _ in pretty:
                step()
        # 3. N-Quads: each line with its graph.
        if "nq" in paths:
            with open(stage.path(paths["nq"]), "wb") as handle:
                for i, g in enumerate(graph_iris):
                    end = f" <{g}> .\n".encode()
                    with part(i) as reader:
                        for chunk in _line_chunks(reader):
                            handle.write(chunk.replace(b" .\n", end))
            step()
        # 4. JSON-LD.
        if "jsonld" in paths:
            def quads() -> Iterator[Any]:
                for i, g in enumerate(graph_iris):
                    graph = ox.NamedNode(g)
                    with part(i) as reader:
                        for t in ox.parse(reader, format=ox.RdfFormat.N_TRIPLES, lenient=True):
                            yield ox.Quad(t.subject, t.predicate, t.object, graph)

            with open(stage.path(paths["jsonld"]), "wb") as handle:
                ox.serialize(quads(), handle, ox.RdfFormat.JSON_LD)
            step()

        written = [paths[f] for f in wanted]
        if void:
            void_path = out / "void.ttl"
            write_void(stage.path(void_path), counts, G, iris, written, when, dump_base=dump_base)
            written.append(void_path)
        stage.commit()
    step()
    return written


class _Staging:
    """Temporary files beside their targets, renamed into place together by :meth:`commit`.

    A failure part-way leaves every previous file as it was and no temporary file behind
    (a reader sees the old set of files or the new one, one file at a time).
    """

    def __init__(self) -> None:
        self.files: dict[Path, Path] = {}
        self.scratches: list[Path] = []

    def path(self, final: Path) -> Path:
        tmp = final.with_name(f".{final.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        self.files[final] = tmp
        return tmp

    def scratch(self, like: Path) -> Path:
        """A temporary file that is removed, not kept, at the end."""
        tmp = like.with_name(f".{like.name}.{os.getpid()}.{secrets.token_hex(4)}.src")
        self.scratches.append(tmp)
        return tmp

    def commit(self) -> None:
        for final, tmp in self.files.items():
            os.replace(tmp, final)
        self.files.clear()

    def __enter__(self) -> "_Staging":
        return self

    def __exit__(self, *exc: Any) -> None:
        for tmp in [*self.files.values(), *self.scratches]:
            tmp.unlink(missing_ok=True)


def _write_turtle_and_trig(
    ox: Any, part: Callable[[int], IO[bytes]], nonempty: Sequence[bool], graph_iris: Sequence[str],
    ttl: Path | None, trig: Path | None,
) -> None:
    """One serialisation per part, teed to the Turtle file and into the TriG graph blocks."""
    header = _prefix_header(ox)
    with _maybe_open(ttl) as t, _maybe_open(trig) as g:  # paths already staged
        for handle in (t, g):
            if handle is not None:
                handle.write(header)
        for i, graph in enumerate(graph_iris):
            if not nonempty[i]:
                continue
            if g is not None:
                g.write(f"\n<{graph}> {{\n".encode())
            tee = _Tee([h for h in (t, g) if h is not None], skip=header)
            with part(i) as reader:
                ox.serialize(
                    ox.parse(reader, format=ox.RdfFormat.N_TRIPLES, lenient=True),
                    tee, ox.RdfFormat.TURTLE, prefixes=NAMESPACES,
                )
            tee.finish()
            if g is not None:
                g.write(b"}\n")


def _prefix_header(ox: Any) -> bytes:
    """The ``@prefix`` lines pyoxigraph writes before the first triple, for :data:`NAMESPACES`."""
    probe = ox.Triple(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.NamedNode("urn:x:o"))
    text = ox.serialize([probe], format=ox.RdfFormat.TURTLE, prefixes=NAMESPACES)
    line = b"<urn:x:s> <urn:x:p> <urn:x:o> .\n"
    if not text.endswith(line):
        raise QagraphError("unexpected Turtle from pyoxigraph: cannot find its prefix header")
    return text[: -len(line)]


class _Tee(io.RawIOBase):
    """A binary writer that checks and drops a known header, then copies to several files."""

    def __init__(self, targets: list[IO[bytes]], skip: bytes) -> None:
        self.targets, self.skip, self.pending = targets, skip, b""

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        data = bytes(data)
        n = len(data)
        if self.skip:
            self.pending += data
            if len(self.pending) < len(self.skip):
                return n
            if not self.pending.startswith(self.skip):
                raise QagraphError("unexpected Turtle from pyoxigraph: prefix header differs")
            data, self.skip, self.pending = self.pending[len(self.skip):], b"", b""
        for target in self.targets:
            target.write(data)
        return n

    def finish(self) -> None:
        if self.pending:
            raise QagraphError("unexpected Turtle from pyoxigraph: output shorter than its prefix header")


class _Slice(io.RawIOBase):
    """Reads ``handle`` from its current position up to byte ``end``; closes it."""

    def __init__(self, handle: IO[bytes], start: int, end: int) -> None:
        self.handle, self.left = handle, end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            return 0
        view = memoryview(buffer)[: min(len(buffer), self.left)]
        n = self.handle.readinto(view)
        self.left -= n or 0
        return n or 0

    def close(self) -> None:
        self.handle.close()
        super().close()


def _line_chunks(reader: IO[bytes], size: int = 1 << 22) -> Iterator[bytes]:
    """``reader``'s bytes in chunks that end at a line end."""
    rest = b""
    while True:
        block = reader.read(size)
        if not block:
            break
        block = rest + block
        cut = block.rfind(b"\n") + 1
        rest = block[cut:]
        if cut:
            yield block[:cut]
    if rest:
        yield rest


class _maybe_open:
    """``open(path, "wb")``, or ``None`` when ``path`` is ``None``."""

    def __init__(self, path: Path | None) -> None:
        self.handle = open(path, "wb") if path is not None else None

    def __enter__(self) -> IO[bytes] | None:
        return self.handle

    def __exit__(self, *exc: Any) -> None:
        if self.handle is not None:
            self.handle.close()
