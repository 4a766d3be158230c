"""Writing the graph as RDF files, split into parts: ``OUT/rdf/part-NNN.<suffix>`` and ``void.ttl``.

The export is split into ``P`` parts (:func:`~qagraph.rdf.triples.part_count`: one below
2,000 articles, 64 at 36,000); every resource belongs to one part
(:func:`~qagraph.rdf.triples.part_of`), and each part is one file per format holding
both named graphs (TriG, N-Quads, JSON-LD) or their merge (Turtle, N-Triples). Parts
are rendered by a pool of forked workers sharing the graph (copy-on-write), each
statement rendered straight to text by :mod:`qagraph.rdf.syntax`, one part in memory
per worker at a time.

``only`` rewrites some parts and leaves the others as they are: an incremental build
passes the parts whose resources changed, and may pass a graph holding only their
nodes (plus every subject node); the bytes of a part depend on its resources alone.
The statistics of each part written add up to the dataset's, so the caller keeps
them per part and describes the whole with :func:`~qagraph.rdf.void.write_void`.

Files are written beside their targets and renamed into place once all are complete;
a failure leaves the previous files as they were.

A build that writes its views in a second process shares the parts with it (:class:`SharedParts`,
made before the fork): each process writes the next part nobody took once its other work is
done, and the builder then describes the whole (:func:`finish_rdf`).
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
import os
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import OutputError, UsageError
from ..ids import ARTICLE
from ..model import Progress
from ..workers import fork_pool
from .formats import DEFAULT_FORMATS, FORMATS, check_formats
from .iri import DEFAULT_BASE_IRI, IRIs, check_base_iri
from .parts import RDF_DIR, part_name
from .syntax import RENDERERS
from .triples import Adjacency, PartStats, part_count, split_parts, statements

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "DEFAULT_SIMILARITY",
    "RDF_DIR",
    "PartResult",
    "RdfResult",
    "SharedParts",
    "finish_rdf",
    "source_name_of",
    "generate",
    "part_files",
    "part_name",
    "write_rdf",
]

#: ``links``: the ``qa:similarTo`` links without weights. Weights move whenever a shared
#: keyword's document frequency moves, so writing them would make most edits rewrite
#: most parts; queries ask for the link far more than for the score. ``full`` adds them.
DEFAULT_SIMILARITY = "links"


def part_files(out: str | os.PathLike[str], suffix: str | None = None) -> list[Path]:
    """The part files in the build folder ``out`` (of one format, or of every known one), sorted."""
    folder = Path(out) / RDF_DIR
    if not folder.is_dir():
        return []
    suffixes = [suffix] if suffix else list(FORMATS)
    return sorted(p for p in folder.iterdir()
                  if p.name.startswith("part-") and p.suffix[1:] in suffixes and p.is_file())


@dataclass
class PartResult:
    """One part written: its files (suffix -> path) and what it states."""

    part: int
    files: dict[str, Path]
    stats: PartStats


@dataclass
class RdfResult:
    """What :func:`write_rdf` did. Iterating it gives the paths written."""

    parts: int
    formats: list[str]
    similarity: str
    written: dict[int, PartResult] = field(default_factory=dict)
    removed: list[Path] = field(default_factory=list)
    void: Path | None = None  #: ``rdf/void.ttl`` when written

    def __iter__(self) -> Iterator[Path]:
        """The part files written, in part and format order, then ``void.ttl`` if written."""
        for result in self.written.values():
            yield from result.files.values()
        if self.void is not None:
            yield self.void

    @property
    def part_paths(self) -> list[Path]:
        """The part files written, in part and format order."""
        return [path for result in self.written.values() for path in result.files.values()]

    @property
    def stats(self) -> PartStats:
        """The sum over the parts written (the dataset's, when all were)."""
        total = PartStats()
        for result in self.written.values():
            total.add(result.stats)
        return total


@dataclass
class SharedParts:
    """The parts of one export of a graph, written by the processes forked after it was made,
    each taking the next part nobody took (:class:`~qagraph.parallel.Claims`): whichever is free
    first writes it. The nodes of each part are found once, here, and shared with the fork.

    >>> import networkx as nx, tempfile
    >>> G = nx.MultiDiGraph()     # in practice qagraph.build("content").graph
    >>> shared = SharedParts.of(G, parts=2)
    >>> out = tempfile.mkdtemp()
    >>> result = write_rdf(G, out, shared=shared)           # in each process; here, the only one
    >>> sorted(result.written), write_rdf(G, out, shared=shared).written   # nothing left to take
    ([0, 1], {})
    >>> [p.name for p in finish_rdf(out, result)]
    ['part-000.nq', 'part-001.nq', 'void.ttl']
    """

    parts: int
    nodes: dict[int, list[str]]  #: the node ids of each part (:func:`~qagraph.rdf.triples.split_parts`)
    claims: Any  #: :class:`~qagraph.parallel.Claims` of the parts, in part order

    @classmethod
    def of(cls, G: nx.MultiDiGraph | Adjacency, parts: int | None = None) -> "SharedParts":
        """The parts of ``G`` (:func:`~qagraph.rdf.triples.part_count` of its articles by default)
        to share. Raises ``OSError`` or ``ImportError`` where processes cannot share a counter
        (no ``/dev/shm``): the caller then writes every part itself."""
        from ..parallel import Claims

        P = parts if parts is not None else part_count(_articles(G))
        if not isinstance(P, int) or P < 1:
            raise UsageError(f"parts must be a positive whole number, not {P!r}")
        return cls(P, split_parts(G, P), Claims(P))

    def taken(self) -> Iterator[int]:
        """The parts this process takes, one at a time, as it asks for the next."""
        while (i := self.claims.take()) is not None:
            yield i


def generate(
    G: nx.MultiDiGraph,
    fmt: str = "nq",
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    similarity: str = DEFAULT_SIMILARITY,
    site_url: str | None = None,
    parts: int | None = None,
) -> Iterator[tuple[int, str]]:
    """``(part, text)`` of each part of the export of ``G`` in format ``fmt``, in part order.

    >>> import networkx as nx
    >>> text = "".join(t for _, t in generate(nx.MultiDiGraph(), "nt", base_iri="https://example.org/"))
    >>> text.splitlines()[0]
    '<https://example.org/scheme/keywords> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#ConceptScheme> .'
    """
    [fmt] = check_formats([fmt])
    iris = IRIs(base_iri)
    P = parts or part_count(_articles(G))
    render = RENDERERS[fmt]
    for i, nodes in split_parts(G, P).items():
        graphs = statements(G, nodes, iris, similarity=similarity, site_url=site_url, schemes=i == 0)
        yield i, render(graphs, iris.base)


def _articles(G: nx.MultiDiGraph | Adjacency) -> int:
    return sum(1 for data in G._node.values() if data.get("kind") == ARTICLE)


# the state forked workers read (set before the pool starts, shared copy-on-write)
_JOB: dict[str, Any] = {}


def _write_part(i: int) -> tuple[int, dict[str, str], dict[str, dict[str, int]]]:
    job = _JOB
    graphs = statements(job["G"], job["nodes"][i], job["iris"], similarity=job["similarity"],
                        site_url=job["site_url"], schemes=i == 0)
    stats = PartStats.of(graphs)
    tmp: dict[str, str] = {}
    stem = part_name(i, job["parts"])
    for suffix in job["formats"]:
        final = job["folder"] / f"{stem}.{suffix}"
        path = final.with_name(f".{final.name}.{job['token']}.tmp")
        text = RENDERERS[suffix](graphs, job["iris"].base)
        with open(path, "wb") as handle:
            handle.write(text.encode("utf-8"))
        tmp[suffix] = str(path)
    return i, tmp, stats.as_dict()


def write_rdf(
    G: nx.MultiDiGraph | Adjacency,
    out: str | os.PathLike[str],
    *,
    base_iri: str = DEFAULT_BASE_IRI,
    formats: Sequence[str] = DEFAULT_FORMATS,
    similarity: str = DEFAULT_SIMILARITY,
    site_url: str | None = None,
    parts: int | None = None,
    only: set[int] | None = None,
    workers: int | None = None,
    void: bool = True,
    source_name: str | None = None,
    source_digest: str | None = None,
    built_at: _dt.datetime | None = None,
    progress: Progress | None = None,
    shared: SharedParts | None = None,
) -> RdfResult:
    """Write the parts of the RDF export of ``G`` into ``OUT/rdf/``; the files and statistics of each.

    ``formats``: suffixes from :data:`~qagraph.rdf.formats.FORMATS` (default N-Quads).
    ``similarity``: ``none``, ``links`` (default) or ``full``. ``site_url`` makes
    ``schema:url`` the article's absolute url (an IRI); without it there is no
    ``schema:url`` (the corpus holds site paths, and RDF has no relative IRIs).
    ``parts``: how many parts (default :func:`~qagraph.rdf.triples.part_count` of the
    articles of ``G``; pass the full graph's count when ``G`` is partial). ``only``:
    the parts to (re)write, others untouched; without it every part is written and
    part files no longer produced (another part count or format) are removed.
    ``workers``: processes rendering parts (default: the cores, at most the parts).
    ``void``: after a full write (no ``only``), also write ``rdf/void.ttl`` from the
    statistics of the parts (:func:`~qagraph.rdf.void.write_void`, with ``source_name``,
    default the name of ``G.graph["source"]``, ``source_digest`` and ``built_at``); an
    incremental build passes ``void=False`` and calls ``write_void`` with the statistics
    it keeps for every part. ``shared``: the parts are shared with other processes
    (:class:`SharedParts`, made from ``G`` before they were forked; ``parts`` and ``only`` are
    its): this one writes, one after the other, those it takes, and leaves the rest of the
    folder and ``void.ttl`` to the caller, which gives the results of all to :func:`finish_rdf`.

    Raises :class:`~qagraph.errors.UsageError` for a bad argument and
    :class:`~qagraph.errors.OutputError` when the folder cannot be written.

    >>> import networkx as nx, tempfile
    >>> result = write_rdf(nx.MultiDiGraph(), tempfile.mkdtemp(), formats=("ttl", "nq"))
    >>> [p.name for p in result], result.stats.triples
    (['part-000.nq', 'part-000.ttl', 'void.ttl'], {'content': 4})
    """
    iris = IRIs(check_base_iri(base_iri))
    wanted = check_formats(formats)
    if similarity not in ("none", "links", "full"):
        raise UsageError(f"unknown similarity detail {similarity!r} (known: none, links, full)")
    if shared is not None and (only is not None or parts not in (None, shared.parts)):
        raise UsageError("shared parts are written whole: no other part count, no `only`")
    P = shared.parts if shared is not None else parts if parts is not None else part_count(_articles(G))
    if not isinstance(P, int) or P < 1:
        raise UsageError(f"parts must be a positive whole number, not {P!r}")
    if only is not None and not set(only) <= set(range(P)):
        raise UsageError(f"parts {sorted(set(only) - set(range(P)))} do not exist (there are {P})")
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise OutputError(f"output {target} exists and is not a folder", path=str(target))
    folder = target / RDF_DIR
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {folder}: {exc.strerror}", path=str(folder)) from None

    nodes = shared.nodes if shared is not None else split_parts(G, P, set(only) if only is not None else None)
    todo = sorted(nodes)
    result = RdfResult(P, wanted, similarity)
    token = f"{os.getpid()}.{secrets.token_hex(4)}"
    _JOB.update(G=G, nodes=nodes, iris=iris, similarity=similarity, site_url=site_url, parts=P,
                formats=wanted, folder=folder, token=token)
    staged: list[tuple[Path, Path]] = []
    try:
        if progress:
            progress("rdf", 0, len(todo))
        n = min(workers or os.cpu_count() or 1, len(todo))
        if shared is not None:  # the processes sharing them are the workers (progress: the parts taken by all)
            _collect(map(_write_part, shared.taken()), result, staged, folder, P, progress, len(todo),
                     counted=lambda: int(shared.claims.taken))
        elif n > 1 and "fork" in multiprocessing.get_all_start_methods():
            with fork_pool(n) as pool:
                done = pool.imap_unordered(_write_part, todo)
                _collect(done, result, staged, folder, P, progress, len(todo))
        else:
            _collect(map(_write_part, todo), result, staged, folder, P, progress, len(todo))
        for tmp, final in staged:
            os.replace(tmp, final)
        staged.clear()
    except OSError as exc:
        raise OutputError(f"cannot write the RDF files in {folder}: {exc}", path=str(folder)) from None
    finally:
        _JOB.clear()
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        for stray in folder.glob(f".part-*.{token}.tmp"):
            stray.unlink(missing_ok=True)
    if only is None and shared is None:
        return finish_rdf(target, result, void=void, base_iri=iris.base, source_name=source_name_of(G, source_name),
                          source_digest=source_digest, built_at=built_at)
    return result


def source_name_of(G: nx.MultiDiGraph | Adjacency, given: str | None = None) -> str | None:
    """The name ``void.ttl`` gives the export's source: ``given``, else the name of ``G.graph["source"]``.

    >>> import networkx as nx
    >>> source_name_of(nx.MultiDiGraph(source="/srv/corpus/content")), source_name_of(nx.MultiDiGraph(), "qa")
    ('content', 'qa')
    """
    source = G.graph.get("source")
    return given or (Path(source).name if source else None)


def finish_rdf(
    out: str | os.PathLike[str],
    *results: RdfResult,
    void: bool = True,
    base_iri: str = DEFAULT_BASE_IRI,
    source_name: str | None = None,
    source_digest: str | None = None,
    built_at: _dt.datetime | None = None,
) -> RdfResult:
    """The export in ``OUT/rdf/`` completed once every part is written, by one process or by
    several (the ``results`` of each, :class:`SharedParts`): the part files no longer produced
    (another part count or format) removed, and ``void.ttl`` written from the statistics of
    every part (unless ``void`` is false). The result of the whole export.

    Raises :class:`~qagraph.errors.OutputError` when the folder cannot be written.
    """
    whole = RdfResult(results[0].parts, results[0].formats, results[0].similarity)
    for result in results:
        whole.written.update(result.written)
    whole.written = dict(sorted(whole.written.items()))
    keep = {p for r in whole.written.values() for p in r.files.values()}
    try:
        for old in part_files(out):
            if old not in keep:
                old.unlink()
                whole.removed.append(old)
    except OSError as exc:
        raise OutputError(f"cannot remove an old RDF part in {Path(out) / RDF_DIR}: {exc}",
                          path=str(Path(out) / RDF_DIR)) from None
    if void:
        from .void import write_void

        whole.void = write_void(
            out, {i: r.stats for i, r in whole.written.items()}, base_iri=base_iri, formats=whole.formats,
            similarity=whole.similarity, source_name=source_name, source_digest=source_digest, built_at=built_at,
        )
    return whole


def _collect(done: Any, result: RdfResult, staged: list[tuple[Path, Path]], folder: Path, parts: int,
             progress: Progress | None, total: int, counted: Callable[[], int] | None = None) -> None:
    for count, (i, tmp, stats) in enumerate(done, 1):
        files = {}
        for suffix, path in tmp.items():
            final = folder / f"{part_name(i, parts)}.{suffix}"
            staged.append((Path(path), final))
            files[suffix] = final
        result.written[i] = PartResult(i, files, PartStats.from_dict(stats))
        if progress:
            progress("rdf", counted() if counted is not None else count, total)
    result.written = dict(sorted(result.written.items()))
