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
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
import os
import secrets
from collections.abc import Iterator, Sequence
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
    it keeps for every part.

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
    P = parts if parts is not None else part_count(_articles(G))
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

    nodes = split_parts(G, P, set(only) if only is not None else None)
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
        if n > 1 and "fork" in multiprocessing.get_all_start_methods():
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
    if only is None:
        keep = {p for r in result.written.values() for p in r.files.values()}
        for old in part_files(target):
            if old not in keep:
                old.unlink()
                result.removed.append(old)
        if void:
            from .void import write_void

            source = G.graph.get("source")
            result.void = write_void(
                target, {i: r.stats for i, r in result.written.items()}, base_iri=iris.base, formats=wanted,
                similarity=similarity, source_name=source_name or (Path(source).name if source else None),
                source_digest=source_digest, built_at=built_at,
            )
    return result


def _collect(done: Any, result: RdfResult, staged: list[tuple[Path, Path]], folder: Path, parts: int,
             progress: Progress | None, total: int) -> None:
    for count, (i, tmp, stats) in enumerate(done, 1):
        files = {}
        for suffix, path in tmp.items():
            final = folder / f"{part_name(i, parts)}.{suffix}"
            staged.append((Path(path), final))
            files[suffix] = final
        result.written[i] = PartResult(i, files, PartStats.from_dict(stats))
        if progress:
            progress("rdf", count, total)
    result.written = dict(sorted(result.written.items()))
