"""The build pipeline: content -> load -> graph -> outputs, into a build folder kept up to date.

:func:`build` reads a content folder and returns a :class:`~qagraph.KnowledgeGraph`.
With ``out`` it also writes (or brings up to date) a build folder: the build database
``qagraph.db`` that :func:`qagraph.open` reads, the RDF files, the HTML views and
``report.json``. A build folder is written whole or not at all (a staging folder
swapped in at the end, :class:`~qagraph.fileio.BuildFolder`); files are parsed again
only when their bytes changed (:mod:`qagraph.cache`), and when no input, setting or
output changed nothing is done at all.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import jsontext
from ._version import __version__, build_stamp
from .errors import ERROR, WARNING, OutputError, Problem, UsageError
from .fields import FieldMap
from .database import CORPUS_PROBLEMS, DATABASE, report_meta
from .fileio import INPUTS, PRIVATE, BuildFolder, read_regular, write_atomic
from .ids import article_node, split_node
from .kg import KnowledgeGraph, open_build
from .kinds import ARTICLE, EDGE_KINDS, NODE_KINDS, STUB, kind_counts
from .load import DEFAULT_MAX_FILE_SIZE, LoadResult, Scan, load_corpus, load_order, scan
from .model import Progress, RelatedLink
from .parallel import reap
from .presets import AUTO, Detection, choose
from .regex import lazy_compile
from .workers import end_with_parent, interrupts_held

if TYPE_CHECKING:
    import networkx as nx

    from .html import Limits
    from .incremental import Update
    from .model import SimilarityConfig

__all__ = ["OUTPUTS", "BuildInfo", "build", "make_report"]

#: what a build folder can hold; all by default
OUTPUTS = ("database", "rdf", "html", "report")
#: from this many articles on, the views are written by a second process while the RDF is written
PARALLEL_WRITE_ARTICLES = 2000
CACHE = f"{PRIVATE}/cache"
SIMILARITY_STATE = f"{PRIVATE}/similarity"
REPORT = "report.json"
#: the paths a build writes beside its own folder (files, or folders and what they hold)
WRITES = (DATABASE, REPORT, "index.html", "rdf", "views")


@dataclass
class BuildInfo:
    """What a build into a folder did: ``up_to_date`` when nothing needed doing (then nothing is
    written), the files written."""

    out: Path
    up_to_date: bool
    written: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    incremental: bool = False  #: only what the change touched was redone


def build(
    content: str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | None = None,
    outputs: Iterable[str] = OUTPUTS,
    preset: str = AUTO,
    fields: FieldMap | None = None,
    overrides: Mapping[str, str] | None = None,
    similarity: SimilarityConfig | None = None,
    strict: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    base_iri: str | None = None,
    site_url: str | None = None,
    formats: Sequence[str] = ("nq",),
    rdf_similarity: str = "links",
    cache: bool = True,
    force: bool = False,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> KnowledgeGraph:
    """Load the articles under ``content``, build their graph and, with ``out``, write the build folder.

    Bad files become :attr:`KnowledgeGraph.problems`; with ``strict=True`` the first
    one raises instead. ``preset`` (default: recognise the kind of corpus), ``fields``
    (a whole field map instead) and ``overrides`` (``--field`` pairs) say how the files
    are read (:func:`qagraph.load.load_corpus`). With ``out``, the build folder is
    brought up to date (see the module text) and ``kg.build_info`` says what was done.
    ``base_iri``, ``formats`` (RDF file formats, default N-Quads) and ``rdf_similarity``
    (``none``, ``links`` or ``full``) shape the RDF export (:func:`qagraph.rdf.write_rdf`);
    ``site_url`` makes article links absolute in the RDF and the views. ``workers``: the
    processes that parse (default: one per core for a big folder); ``workers=1`` also writes
    the views, the RDF and the database one after the other in this process, not the views in
    a process beside it: the build takes longer, and its memory is that of one process (two
    processes that read the same graph each end up with their own copy of most of its pages).

    >>> kg = build("content")
    >>> kg.counts["files"] == kg.counts["articles"] + kg.counts["rejected"] + kg.counts["skipped"]
    True
    >>> build("content", out="build").build_info.up_to_date, build("content", out="build").build_info.up_to_date
    (False, True)

    Raises:
        UsageError: ``content`` is not a folder, an unknown output, overlapping folders, a ``site_url``
            :func:`~qagraph.rdf.iri.check_site_url` refuses (a query, a fragment, a bad host or port), a
            ``base_iri`` :func:`~qagraph.rdf.iri.check_base_iri` refuses, an unknown ``rdf_similarity``
            or RDF format, a ``max_file_size`` or ``workers`` under 1: all before the content is read.
        ContentError: with ``strict=True``, at the first file that could not be loaded.
        OutputError: the build folder cannot be written (not a folder, not qagraph's, no space).

    See also:
        :func:`qagraph.open`, which opens a build folder without reading the content.
    """
    from .model import SimilarityConfig
    from .rdf.formats import check_formats
    from .rdf.iri import check_base_iri, check_site_url
    from .rdf.triples import SIMILARITY_DETAILS

    similarity = similarity or SimilarityConfig()
    # refused before the content is read, and the same (a host in punycode) in the RDF, the views and the settings
    site_url = None if site_url is None else check_site_url(site_url)
    if base_iri is not None:
        check_base_iri(base_iri)
    if rdf_similarity not in SIMILARITY_DETAILS:  # (a graph in memory has none of its RDF until kg.sparql)
        raise UsageError(f"unknown similarity detail {rdf_similarity!r} (known: {', '.join(SIMILARITY_DETAILS)})")
    check_formats(formats)
    # as the command line's options take them: a limit under a byte rejected every file, a count of
    # processes under one was taken for the default
    if not (isinstance(max_file_size, int) and max_file_size >= 1):
        raise UsageError(f"max_file_size must be a number of bytes of at least 1, not {max_file_size!r}")
    if workers is not None and not (isinstance(workers, int) and workers >= 1):
        raise UsageError(f"workers must be a number of processes of at least 1 (or None: one per core), not {workers!r}")
    wanted = tuple(dict.fromkeys(outputs))
    unknown = sorted(set(wanted) - set(OUTPUTS))
    if unknown:
        raise UsageError(f"unknown output(s): {', '.join(unknown)} (known: {', '.join(OUTPUTS)})")
    if out is None:
        G, report = make_graph(content, preset=preset, fields=fields, overrides=overrides, similarity=similarity,
                               strict=strict, workers=workers, progress=progress, max_file_size=max_file_size)
        # what kg.sparql exports the graph with: the RDF a build folder of these settings holds
        report["settings"].update(base_iri=base_iri, site_url=site_url, rdf_similarity=rdf_similarity)
        return KnowledgeGraph.from_graph(G, report)

    started = time.perf_counter()
    folder = BuildFolder(out, content=content, force=force, writes=WRITES)
    # A build that may be patched needs a copy of the previous database (400 MB at 36k: 0.2-0.4 s
    # of the kernel's time): a thread makes it while the content is scanned, from the scan's first
    # folder on (once the process sharing the walk is forked: a thread is not forked). Started
    # only once the scan met the edited file, it was not done when the scan ended (the file half-way
    # through the walk: 0.1-0.2 s waited for it); a build that finds nothing changed now stops it
    # and removes it (0.03 s)
    copy_ahead = None
    if _patchable(folder, cache=cache, strict=strict, wanted=wanted) and folder.previous.get("settings"):
        copy_ahead = functools.partial(folder.start_copy, DATABASE)
    try:
        return _build(folder, content, out, started=started, copy_ahead=copy_ahead, wanted=wanted, preset=preset,
                      fields=fields,
                      overrides=overrides, similarity=similarity, strict=strict, workers=workers, progress=progress,
                      base_iri=base_iri, site_url=site_url, formats=formats, rdf_similarity=rdf_similarity,
                      cache=cache, max_file_size=max_file_size)
    finally:
        folder.drop_copies()
        reap()  # the processes beside this one, once they have exited


def _build(folder: BuildFolder, content: str | os.PathLike[str], out: str | os.PathLike[str], *, started: float,
           copy_ahead: Callable[[], None] | None, wanted: tuple[str, ...], preset: str, fields: FieldMap | None, overrides: Mapping[str, str] | None,
           similarity: SimilarityConfig, strict: bool, workers: int | None, progress: Progress | None,
           base_iri: str | None, site_url: str | None, formats: Sequence[str], rdf_similarity: str, cache: bool,
           max_file_size: int) -> KnowledgeGraph:
    """:func:`build` with an output folder."""
    # with no build to compare with and no parsed files to reuse, the parse digests the files
    # it reads: a cold build reads each one once
    compared = cache and ("fingerprint" in folder.previous or (folder.out / CACHE).is_dir())
    known = folder.inputs() if cache else None  # what the previous build read of each file (5 MB at 36k: read once)
    with _gc_paused():  # 36k signatures and names: tuples and strings, no cycles
        scanned = scan(content, fields or FieldMap(), max_file_size, known=known, defer=not compared, then=copy_ahead)
    # the map chosen goes into the fingerprint: recognising a corpus reads files the
    # fingerprint does not cover (a .obsidian/ folder, a hugo.toml above the content)
    detection = choose(content, scanned.names, preset_name=preset, fields=fields, overrides=overrides,
                       raw=scanned.found.raw)
    settings = {
        "outputs": sorted(wanted), "fields": repr(detection.fields), "similarity": similarity.as_dict(),
        # the warnings about the site's own files (a category file's), which the fingerprint's files do
        # not cover: a build that changes only those is not up to date (not the preset's reason: it
        # counts the sampled files, so an added article would make every patch a full build)
        "site_problems": [[p.path, p.line, p.code, p.message] for p in detection.problems],
        "base_iri": base_iri, "site_url": site_url, "max_file_size": max_file_size,
        "formats": list(dict.fromkeys(formats)), "rdf_similarity": rdf_similarity,
        "content": os.path.relpath(Path(content).absolute(), Path(out).absolute()),
        "preset": preset if fields is None else None, "overrides": dict(overrides or {}),
        "qagraph": build_stamp(),  # other code parses, weighs and writes its own way: no patching across
    }
    # the fingerprint has the preset's reason too (the report says it), the settings have not: a site
    # file that changes only the reason (a Logseq date format that is not read either way) makes a
    # build that is not up to date, and still patched
    stamped = (build_stamp(), sorted(settings.items()), detection.reason)
    fingerprint = None if scanned.deferred else scanned.fingerprint(*stamped)
    if (cache and fingerprint is not None and folder.previous.get("fingerprint") == fingerprint and folder.intact()
            and ("database" not in wanted or _database_current(folder.out / DATABASE))):
        if "database" in wanted:
            kg = open_build(out)
        else:  # no database to open: the graph is made again, in memory, when it is first asked for

            def make() -> tuple[nx.MultiDiGraph, dict[str, Any]]:
                G, report = make_graph(content, detection=detection, similarity=similarity, strict=strict,
                                       workers=workers, progress=progress, max_file_size=max_file_size)
                report["settings"].update(report_settings)
                return G, report

            report_settings = {k: settings[k] for k in ("base_iri", "site_url", "outputs", "formats", "rdf_similarity")}
            kg = KnowledgeGraph.later(make, build_dir=Path(out), build_record=folder.record_signature,
                                      settings=report_settings)
        kg.build_info = BuildInfo(Path(out), True, [], time.perf_counter() - started)  # nothing written
        return kg
    # taken on the scan's walk, before any file is parsed: a file written from then on makes the
    # stamp differ (a query command then compares signatures); an up-to-date build keeps none
    stamp = scanned.found.stamp
    report_settings = {k: settings[k] for k in ("base_iri", "site_url", "outputs", "formats", "rdf_similarity")}
    rdf: dict[str, Any] = {"base_iri": base_iri, "formats": tuple(formats), "rdf_similarity": rdf_similarity}
    # a patched build keeps the outputs the edit does not touch: only when each is as the last
    # build wrote it (one stat per file: an output edited by hand would stay, and be recorded anew)
    incremental = (fingerprint is not None and folder.previous.get("settings") == settings
                   and _patchable(folder, cache=cache, strict=strict, wanted=wanted) and folder.intact())
    keep = [CACHE] if cache and (folder.out / CACHE).is_dir() else []
    if incremental:
        keep += [SIMILARITY_STATE, ATLAS_STATE, RDF_STATE, VIEWS_STATE, f"{PRIVATE}/{INPUTS}"] + [
            name for name in folder.previous.get("outputs", {}) if name != DATABASE]
    else:
        folder.drop_copies()  # before a full build forks its parse processes
    try:
        with folder.staging(keep=keep) as stage:
            done: tuple[nx.MultiDiGraph | None, dict[str, Any], list[Path]] | None = None
            if incremental and fingerprint is not None and known is not None:  # a build to update was scanned against
                import sqlite3

                from .incremental import Fallback  # networkx, numpy, scipy: not for a query command's import

                why: Fallback | None = None
                try:
                    if folder.rewritten():  # chosen before the lock: another build put its own in place since
                        raise Fallback("another build wrote the folder as this one started")
                    # a small process (no graph), making tens of thousands of rows and dicts: no cycles
                    with _gc_paused():
                        done = _update(stage, folder, content, scanned, known, detection, wanted, report_settings,
                                       site_url=site_url, progress=progress, fingerprint=fingerprint, rdf=rdf,
                                       max_file_size=max_file_size, workers=workers)
                except sqlite3.DatabaseError as exc:
                    # the copy of the database, patched on a full disk: say so; a database that is
                    # damaged (truncated, overwritten) is not patched but made again, in full; any
                    # other error of SQLite's (a mistake in a patch's SQL) is a bug, and says so
                    name = str(getattr(exc, "sqlite_errorname", ""))
                    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR")):
                        raise OutputError(f"cannot write {DATABASE}: {exc}", path=str(stage / DATABASE)) from None
                    if not name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
                        raise
                    why = Fallback(f"{DATABASE} cannot be read: {exc}")
                except Fallback as exc:
                    why = exc
                if why is not None:
                    folder.drop_copies()
                    if progress:
                        progress(f"full build ({why})", 1, 1)
                    _empty(stage, keep=[CACHE])
            if done is None:
                G, report, loaded = _make(
                    content, detection=detection, similarity=similarity, strict=strict, workers=workers,
                    progress=progress, cache=stage / CACHE if cache else None, scanned=scanned,
                    max_file_size=max_file_size, index_folder=stage / SIMILARITY_STATE,
                )
                report["settings"].update(report_settings)
                if fingerprint is None:  # the parse took the digests
                    fingerprint = scanned.fingerprint(*stamped)
                # made as the database takes them: a list of the 100k links of 36k articles, with a
                # node name each, stayed for the whole write (17 MB)
                links = ((node, link) for a in loaded.articles for node in (article_node(a.key),) for link in a.related)
                written = write_outputs(G, report, stage, outputs=wanted, site_url=site_url, **rdf,
                                        progress=progress, fingerprint=fingerprint, links=links, workers=workers,
                                        names=_name_rows(loaded))
            else:
                G, report, written = done
            before = folder.previous.get("outputs")
            folder.commit(stage, state={"fingerprint": fingerprint, "settings": settings, "content_stamp": stamp,
                                        "site_files": _site_files(detection, scanned, content, out)},
                          inputs=scanned.inputs() if done is None else None,  # a patched build kept them
                          signed=STATE)
            if done is not None and "rdf" in wanted and isinstance(before, dict):  # the store it carried
                from .rdf.store import vouch_digests

                vouch_digests(out, before, folder.previous.get("outputs", {}))
    except (OSError, OutputError) as exc:  # a full disk, a folder that went away: say so about OUT
        raise folder.failure(exc) from None
    kg = KnowledgeGraph.from_graph(G, report, build_dir=Path(out), build_record=folder.record_signature) \
        if G is not None else open_build(out)
    kg.build_info = BuildInfo(Path(out), False, [folder.out / p.relative_to(stage) for p in written],
                              time.perf_counter() - started, incremental=done is not None)
    return kg


def _patchable(folder: BuildFolder, *, cache: bool, strict: bool, wanted: tuple[str, ...]) -> bool:
    """Whether the build in ``folder`` can be patched by a build with these settings (if they are
    the previous build's, and once its inputs are known): a database and a similarity index to
    patch, and no reason to parse every file (no cache, or ``strict``)."""
    return (cache and not strict and "database" in wanted
            and (folder.out / SIMILARITY_STATE).is_dir() and _database_current(folder.out / DATABASE))


def _database_current(path: Path) -> bool:
    """Whether ``path`` is a build database this qagraph reads (one that another version wrote,
    with another schema, is not patched or kept: the build is made in full, not refused)."""
    from .database import SCHEMA_VERSION

    if not path.is_file():
        return False
    import sqlite3

    try:
        con = _read_only(path)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return row is not None and row[0] == str(SCHEMA_VERSION)


def _one_process(workers: int | None) -> bool:
    """Whether ``workers`` asks for the whole build in this process (no process beside it)."""
    return workers is not None and workers <= 1


def _beside_pays(articles: int, workers: int | None) -> bool:
    """Whether a second process is worth forking for a corpus of ``articles`` (and ``workers`` allows one)."""
    return articles >= PARALLEL_WRITE_ARTICLES and not _one_process(workers)


def _empty(stage: Path, keep: Iterable[str]) -> None:
    """Remove everything from ``stage`` but ``keep`` (a fresh start after a failed update)."""
    import shutil

    kept = set(keep)
    for path in sorted(stage.rglob("*"), reverse=True):
        rel = path.relative_to(stage).as_posix()
        if any(rel == k or rel.startswith(k + "/") or k.startswith(rel + "/") for k in kept):
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def _site_files(detection: Detection, scanned: Scan, content: str | os.PathLike[str],
                out: str | os.PathLike[str]) -> dict[str, Any]:
    """The site's own files read to choose the map (a config above the content, a ``.pages``), not
    the articles (the list of inputs has them), by their path from the build folder as the content
    is (``settings["content"]``): a query command tells an edit of them (see :func:`qagraph.presets.site_files_changed`)."""
    top, here = os.path.abspath(content), os.path.abspath(out)
    articles = set(scanned.names).union(scanned.found.raw.values())
    kept: dict[str, Any] = {}
    for path, entry in sorted(detection.read.items()):
        rel = os.path.relpath(path, top).replace(os.sep, "/")
        if rel not in articles:
            kept[os.path.relpath(path, here).replace(os.sep, "/")] = list(entry)
    return kept


def _update(stage: Path, folder: BuildFolder, content: str | os.PathLike[str], scanned: Scan,
            known: Mapping[str, tuple[Any, ...]], detection: Detection,
            wanted: tuple[str, ...], report_settings: dict[str, Any], *, site_url: str | None, rdf: dict[str, Any],
            progress: Progress | None, fingerprint: str, max_file_size: int, workers: int | None = None,
            ) -> tuple[nx.MultiDiGraph | None, dict[str, Any], list[Path]]:
    """Patch the previous build (see :mod:`qagraph.incremental`) and rewrite what the change touches.

    The database is patched; the RDF parts holding a changed node are written again
    (the others stay as they are) and ``void.ttl`` is written from every part's kept
    statistics; the HTML views and the atlas the change touches are written again
    (:func:`qagraph.html.update.update_html`); the report is read back from the
    database. Nothing here loads the whole graph. ``known`` is what the previous build read of
    each input file (:meth:`~qagraph.fileio.BuildFolder.inputs`, as ``scanned`` was scanned against).

    Raises:
        Fallback: the change cannot be patched; the caller builds in full.
    """
    from .database import BuildDatabase, DatabasePatch, meta_text, patched_health, patched_health_facts
    from .health import findings, health_summary, patched_findings
    from .incremental import Fallback, copy_database, update_build
    from .parallel import beside_later, waited_on_error
    from .presets import layout_skips

    # The views and the index page are written by a second process (and the atlas process it
    # forks: :func:`~qagraph.html.update.update_html`). It is forked now and imports its writers
    # while this one patches the database; then it is given the change. From then to the last
    # patch the database is only read: this process makes the report and the health findings,
    # sends the index page their summary, then writes the RDF parts (the views take longer).
    parent = os.getpid()
    parallel = "html" in wanted and _beside_pays(len(scanned.names), workers)

    def ready() -> Any:
        end_with_parent(parent, interrupt=True)  # forked, it must not outlive a build that is killed
        if "html" not in wanted:
            return None
        import importlib

        for name in ("qagraph.html.update", "qagraph.html.site"):  # imported while the database is patched
            importlib.import_module(name)
        from .html.page import compile_templates
        from .html.update import PreviousAtlas

        compile_templates()
        atlas = _read_json(stage / ATLAS_STATE)
        return PreviousAtlas(atlas) if atlas is not None else None

    def outputs(previous_atlas: Any, receive: Callable[[], Any]) -> list[Path]:
        """The views and the index page written again."""
        changed, removed, articles = receive()
        if "html" not in wanted:
            return []
        from .html.update import update_html

        # the index page shows the health findings this process sends once they are made
        return update_html(
            stage / DATABASE, stage, changed=changed, removed=removed,
            previous_db=folder.out / DATABASE, previous_atlas=previous_atlas,
            extra_links=page_links(wanted, articles, rdf["formats"]), site_url=site_url, health=receive,
            views_state=stage / VIEWS_STATE, atlas_state=stage / ATLAS_STATE, parallel=parallel)

    # the copy made ahead is taken before the fork: no thread is left to fork beside
    if not folder.take_copy(DATABASE, stage / DATABASE):
        copy_database(folder.out / DATABASE, stage / DATABASE)
    if not folder.unchanged(DATABASE):  # a user's sqlite3 session wrote it since the folder was found intact
        raise Fallback(f"{DATABASE} changed as it was copied")
    with interrupts_held():
        later = beside_later(ready, outputs, fork=parallel)
    try:
        fields = detection.fields
        skips = layout_skips(scanned.names, fields, Path(content), scanned.found.raw)
        if progress:
            progress("update", 0, 1)
        update = update_build(stage, Path(content), scanned, known, fields, similarity_folder=stage / SIMILARITY_STATE,
                              max_file_size=max_file_size, skips=skips)
        db = BuildDatabase(stage / DATABASE)  # read from here to the last patch (its meta: 5.6 MB at 36k, once)
        try:
            articles = db.count("articles")
            if update.indexed != articles:  # a similarity state of another build
                raise Fallback(f"the similarity state holds {update.indexed} articles, the build {articles}")
        except BaseException:
            db.close()
            raise
    except BaseException:
        later.cancel()
        raise
    later.send((update.changed, update.removed, articles))  # the views first: they take longest
    with waited_on_error(later.wait), closing(db), closing(_read_only(folder.out / DATABASE)) as previous:
        kept_text = db.meta.text("health")  # the previous findings, and the text of each section
        sections = findings_sections(kept_text) if kept_text is not None else None
        previous_health = {k: v for k, (v, _) in sections.items()} if sections is not None else None
        corpus_problems = _corpus_problems(db.con, scanned, detection)
        report = _report_from(db, scanned, detection, corpus_problems, update.kinds)
        report["settings"].update(report_settings)
        facts, again = None, None
        report["health"] = None
        if "html" in wanted or "report" in wanted:
            keywords = _may_be_malformed(previous_health, update)
            kept = previous_health if isinstance(previous_health, dict) else None  # the previous findings
            patched = patched_health(db.con, previous, update.changed, update.removed, keywords) if kept else None
            if kept is not None and patched is not None:  # patched where the edit touched them
                facts, health_patch = patched
                again = health_patch.again
                report["health"] = patched_findings(kept, facts, health_patch, articles=articles)
            else:
                facts, again = patched_health_facts(db.con, previous, update.changed, update.removed, keywords)
                report["health"] = findings(facts)
        if "html" in wanted:
            later.send(health_summary(report["health"]))  # the index page's part: a message the pipe holds
        # the findings' text, for the database and report.json: the sections the edit left as they were keep theirs
        reusable = sections if kept_text is not None and kept_text.startswith("{\n") else None  # as findings_text writes
        health_text = findings_text(report["health"], reusable) if report["health"] is not None else None
        report_path = _write_report(stage, report, health_text) if "report" in wanted else None
        meta = {key: meta_text(value)  # encoded while the views are made
                for key, value in {**report_meta(report), "fingerprint": fingerprint}.items() if key != "health"}
        if health_text is not None:
            meta["health"] = health_text
        # kept for the next scan: what the edit changed, beside the full list the previous build kept
        folder.keep_input_changes(stage, scanned.input_changes(known), scanned.inputs)
        rdf_parts = _update_rdf(db, stage, update.changed | update.removed, articles=articles,
                                source=db.meta.get("report", {}).get("source"), previous=previous,
                                fingerprint=fingerprint, site_url=site_url, progress=progress,
                                **rdf) if "rdf" in wanted else []
        if rdf_parts:  # the SPARQL store of the build, to patch on its next query rather than load again
            from .rdf.store import carry_store

            carry_store(folder.out, stage, rdf_parts)
    if progress:
        progress("update", 1, 1)
    if progress and "html" in wanted:
        progress("html", 0, 1)
    pages = later.wait()
    if progress and "html" in wanted:
        progress("html", len(pages), len(pages))
    written: list[Path] = [stage / DATABASE, *pages, *rdf_parts]
    if report_path is not None:
        written.append(report_path)
    patch = DatabasePatch(stage / DATABASE)  # the second process is done reading it
    patch.set_meta_text(meta)
    patch.put_health(facts, again)
    patch.replace_corpus_problems(corpus_problems, scanned.found.hidden)
    patch.commit()
    return None, report, written


def _update_rdf(db: Any, stage: Path, touched: set[str], *, articles: int, source: str | None, previous: Any,
                base_iri: str | None, formats: Sequence[str], rdf_similarity: str, site_url: str | None,
                fingerprint: str, progress: Progress | None) -> list[Path]:
    """Write again the RDF parts whose statements a touched node may change (from a graph of those
    parts only), then ``void.ttl``. ``articles`` is the count after the change, ``source`` the
    corpus's name; ``previous`` reads the previous build's database (:func:`_read_only`)."""
    from .incremental import Fallback
    from .rdf import DEFAULT_BASE_IRI, PartStats, part_count, part_of, write_rdf, write_void

    parts = int(db.meta.get("parts", 1))
    if part_count(articles) != parts:
        raise Fallback("the RDF part count changes")
    kept = _read_json(stage / RDF_STATE)
    if not _part_stats_kept(kept, parts):
        raise Fallback("no statistics of the RDF parts" if kept is None else
                       "the statistics of the RDF parts are not what this qagraph keeps")
    dirty = {part_of(n, parts) for n in _rdf_touched(db, previous, touched)}
    subjects = [n for n, in db.con.execute("SELECT node FROM subjects")]  # (nodes by kind: a walk of all, 0.01 s)
    partial = db.subgraph([*db.nodes_in_parts(dirty), *subjects], edge_data=rdf_similarity == "full")
    result = write_rdf(partial, stage, base_iri=base_iri or DEFAULT_BASE_IRI, formats=formats,
                       similarity=rdf_similarity, site_url=site_url, parts=parts, only=dirty, void=False,
                       workers=1, progress=progress)
    for i, part in result.written.items():
        kept[str(i)] = part.stats.as_dict()
    stats = {int(i): PartStats.from_dict(d) for i, d in kept.items()}
    void = write_void(stage, stats, base_iri=base_iri or DEFAULT_BASE_IRI, formats=formats, similarity=rdf_similarity,
                      source_name=source, source_digest=fingerprint)
    write_atomic(stage / RDF_STATE, json.dumps(kept, separators=(",", ":")))
    return [*result.part_paths, void]


def _part_stats_kept(kept: Any, parts: int) -> bool:
    """Whether ``kept`` (:data:`RDF_STATE` as read) is what a build keeps of ``parts`` RDF parts:
    for each, by its number, its statements by named graph and its typed resources by class, counted
    (:meth:`~qagraph.rdf.PartStats.as_dict`).

    >>> _part_stats_kept({"0": {"triples": {"g": 3}, "classes": {"c": 1}}}, 1), _part_stats_kept({"parts": 5}, 1)
    (True, False)
    """
    return (isinstance(kept, dict) and kept.keys() == {str(i) for i in range(parts)}
            and all(isinstance(stats, dict) and stats.keys() == _PART_STATS
                    and all(isinstance(counts, dict) and set(map(type, counts.values())) <= {int}
                            for counts in stats.values())
                    for stats in kept.values()))


_PART_STATS = {"triples", "classes"}


def _read_only(path: Path) -> Any:
    """A connection that reads the database at ``path`` (the previous build's: it stays as it is)."""
    import sqlite3

    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _may_be_malformed(previous: Any, update: Update) -> set[str] | None:
    """The keyword nodes the health findings must check after ``update``: those the previous
    findings named malformed or spelled several ways, and those the edit touched (``None``, all,
    without findings)."""
    from .kinds import KEYWORD

    try:
        named = {str(k["keyword"]) for k in previous["malformed_keywords"]["keywords"]}
        named.update(str(node) for k in previous["keyword_spellings"]["keywords"] for node in k["keywords"])
    except (KeyError, TypeError):
        return None
    touched = {n for n in update.changed if split_node(n)[0] == KEYWORD}
    return (named | touched) - update.removed


def _rdf_touched(db: Any, previous: Any, touched: set[str]) -> set[str]:
    """Those of ``touched`` whose RDF statements may have changed.

    A subject or keyword states its labels (and a subject its slug), never its edges (the
    articles state those, in their own parts): one whose article count alone moved, the
    usual case after an edit, leaves its part as it was.
    """
    from .kinds import KEYWORD, SUBJECT

    concepts = [n for n in touched if split_node(n)[0] in (KEYWORD, SUBJECT)]
    if not concepts:
        return touched
    query = ("SELECT node, name, labels, NULL FROM keywords WHERE node IN (SELECT value FROM json_each(?1)) "
             "UNION ALL SELECT node, name, labels, slug FROM subjects WHERE node IN (SELECT value FROM json_each(?1))")
    wanted = (json.dumps(concepts),)
    now = {row[0]: row[1:] for row in db.con.execute(query, wanted)}
    before = {row[0]: row[1:] for row in previous.execute(query, wanted)}
    same = {n for n in concepts if n in now and now[n] == before.get(n)}
    return touched - same


def _read_json(path: Path) -> Any:
    try:
        return jsontext.loads(read_regular(path))
    except (OSError, ValueError):
        return None


def _name_rows(loaded: LoadResult) -> Iterator[tuple[str, str, str]]:
    """The ``names`` rows of the database (:meth:`~qagraph.links.ArticleIndex.name_rows`), in a
    corpus that links by page path, note name or alias: a patched build finds with them who
    links to a name and which articles a link may reach."""
    fields = loaded.fields
    if not fields.links_by_name:
        return
    from .graph import article_index
    from .links import ArticleIndex

    rules: ArticleIndex[Any] = article_index([], fields)
    for a in loaded.articles:
        node = article_node(a.key)
        yield from rules.name_rows(a, node, a.related)


def _corpus_problems(con: Any, scanned: Scan, detection: Detection) -> list[Problem]:
    """The problems of the corpus as a whole, of folders and of the site's own files read to fit
    the field map (``detection.problems``), found again for a patched database
    (:meth:`~qagraph.database.DatabasePatch.replace_corpus_problems` keeps them)."""
    from .fields import ANY_SEPARATOR
    from .presets import spaced_keywords, unmapped_fields

    names = set(scanned.names)
    folder_problems = [p for p in scanned.found.problems if p.path not in names] + list(detection.problems)
    # a field mapped with --field that no article has (each article's data lists those it lacks)
    missing = [name for name in detection.fields.overridden if con.execute(
        "SELECT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM nodes WHERE kind = 'article' AND "
        "NOT (data IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(data, '$.absent') WHERE value = ?)))",
        (name,)).fetchone()[0]]
    folder_problems += unmapped_fields(detection.fields, detection, missing)
    if detection.fields.keyword_separator in (None, ANY_SEPARATOR):
        return folder_problems
    # both queries are answered by partial indexes (articles_without_keywords, articles_with_one_keyword)
    with_keywords = con.execute("SELECT (SELECT count(*) FROM articles) - "
                                "(SELECT count(*) FROM articles WHERE keywords = '[]')").fetchone()[0]
    spaced = con.execute(  # with the line of the keyword, which its one keyword edge keeps
        "SELECT path, json_extract(keyword_labels, '$[0]'), (SELECT json_extract(e.data, '$.line') FROM edges e "
        "WHERE e.source = a.node_id AND e.kind = 'keyword') FROM articles a WHERE json_array_length(keywords) = 1 "
        "AND instr(json_extract(keyword_labels, '$[0]'), ' ') > 0 ORDER BY path").fetchall()
    return folder_problems + spaced_keywords(detection.fields, with_keywords, [(p, k, n) for p, k, n in spaced])


def _report_from(db: Any, scanned: Scan, detection: Detection, corpus_problems: list[Problem],
                 kinds: Mapping[str, Mapping[str, int]] | None = None) -> dict[str, Any]:
    """The build report of a patched database, with ``corpus_problems`` (:func:`_corpus_problems`)
    in place of those the database holds: what :func:`make_report` gives for the same content,
    but the health findings. ``kinds`` are the nodes and edges the patch added less those it
    removed, by kind (:attr:`qagraph.incremental.Update.kinds`): the counts by kind are the
    previous report's moved by them, not counted again (0.15 s at 36k)."""
    con = db.con
    previous = db.meta.get("report", {})
    problems = [Problem(path, line, message, code, severity) for path, line, severity, code, message in
                con.execute(f"SELECT path, line, severity, code, message FROM problems WHERE NOT ({CORPUS_PROBLEMS})")]
    problems += corpus_problems
    status = dict(con.execute("SELECT path, status FROM files WHERE status != 'article'"))  # a few, of 36k
    before = previous.get("counts", {})
    if kinds is not None and isinstance(before.get("nodes"), dict) and isinstance(before.get("edges"), dict):
        node_counts, edge_counts = (_moved(before[table], kinds.get(table, {})) for table in ("nodes", "edges"))
    else:
        node_counts, edge_counts = db.node_counts(), db.edge_counts()
    first = (con.execute("SELECT key FROM articles WHERE trim(key, '/') != '' ORDER BY node LIMIT 1").fetchone()
             or con.execute("SELECT key FROM articles ORDER BY node LIMIT 1").fetchone() or (None,))[0]
    problems.sort(key=lambda p: (p.path, p.line or 0, p.message))
    names = load_order(scanned.names, scanned.found.notes) if status else []
    rejected = [n for n in names if status.get(n) == "rejected"]
    skipped = [n for n in names if status.get(n) == "skipped"]
    counts: dict[str, Any] = {
        "files": len(scanned.names), "articles": int(node_counts.get(ARTICLE, 0)), "rejected": len(rejected),
        "skipped": len(skipped), "ignored_files": scanned.found.ignored, "problems": len(problems),
        "errors": sum(p.severity == ERROR for p in problems), "warnings": sum(p.severity == WARNING for p in problems),
    }
    _put_kind_counts(counts, node_counts, edge_counts)
    return {
        "qagraph": __version__,
        "source": previous.get("source"),
        "counts": counts,
        "settings": {**previous.get("settings", {}), "preset": detection.as_dict()},
        "example_article": first,
        "graph": previous.get("graph", {}),
        "rejected": rejected,
        "skipped": skipped,
        "hidden": [list(h) for h in scanned.found.hidden],
        "problems": [p.as_dict() for p in problems],
    }


def _moved(counts: Mapping[str, int], by: Mapping[str, int]) -> dict[str, int]:
    """``counts`` by kind moved ``by`` so many, the kinds left with none left out."""
    moved = {kind: int(counts.get(kind, 0)) + by.get(kind, 0) for kind in sorted({*counts, *by})}
    return {kind: n for kind, n in moved.items() if n}


def _put_kind_counts(counts: dict[str, Any], node_counts: Mapping[str, int], edge_counts: Mapping[str, int]) -> None:
    """The report's ``nodes`` and ``edges`` by kind (every registered kind, 0 when absent, then any
    other), and ``stubs``: the same for a graph in memory and for a patched database."""
    nodes = {**dict.fromkeys(NODE_KINDS, 0), **node_counts}
    edges = {**dict.fromkeys(EDGE_KINDS, 0), **edge_counts}
    counts.update({"stubs": nodes.get(STUB, 0), "nodes": nodes, "edges": edges})


def make_graph(
    content: str | os.PathLike[str],
    *,
    preset: str = AUTO,
    fields: FieldMap | None = None,
    overrides: Mapping[str, str] | None = None,
    detection: Detection | None = None,
    similarity: SimilarityConfig | None = None,
    strict: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: str | os.PathLike[str] | None = None,
    scanned: Scan | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
) -> tuple[nx.MultiDiGraph, dict[str, Any]]:
    """Load and link: the graph of ``content`` and its build report."""
    G, report, _ = _make(content, preset=preset, fields=fields, overrides=overrides, detection=detection,
                         similarity=similarity, strict=strict, workers=workers, progress=progress, cache=cache,
                         scanned=scanned, max_file_size=max_file_size)
    return G, report


def _make(
    content: str | os.PathLike[str],
    *,
    preset: str = AUTO,
    fields: FieldMap | None = None,
    overrides: Mapping[str, str] | None = None,
    detection: Detection | None = None,
    similarity: SimilarityConfig | None = None,
    strict: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: str | os.PathLike[str] | None = None,
    scanned: Scan | None = None,
    max_file_size: int = DEFAULT_MAX_FILE_SIZE,
    index_folder: Path | None = None,
) -> tuple[nx.MultiDiGraph, dict[str, Any], LoadResult]:
    from .graph import SimilarPairs, build_graph, similar_pairs
    from .parallel import beside, beside_later, waited_on_error
    from .similarity import Doc, DocLike, SimilarityConfig, SimilarityIndex

    config = similarity or SimilarityConfig()
    parent = os.getpid()

    def similar(docs: Iterable[DocLike]) -> SimilarPairs:
        index = SimilarityIndex.build(docs, config)
        if index_folder is not None:
            index.save(index_folder)
        return similar_pairs(index)

    def ready() -> None:
        end_with_parent(parent)  # forked, it must not outlive a build that is killed
        from scipy import sparse  # noqa: F401 - imported while the files are parsed

    def similar_of_sent(_: None, receive: Callable[[], Any]) -> SimilarPairs:
        keys, keyword_keys, questions = receive()
        return similar(map(Doc, keys, keyword_keys, questions))

    # The similarity index is made (and kept for the next build) in a second process while this one
    # makes the rest of the graph: 1.1 s of 2.9 at 36k articles, on the core that was idle. When the
    # scan says the corpus is large, that process is forked before the parse, while this one is
    # small, and is sent what similarity reads of the articles. Forked once the articles were loaded
    # (900 MB at 36k), it shared their pages, and every page this process then wrote as it made the
    # graph (a reference count is a write) was copied first: 1-2.6 s of system time at 36k, on the
    # one core the graph is made on.
    early = None
    if scanned is not None and _beside_pays(len(scanned.names), workers):
        with interrupts_held():
            early = beside_later(ready, similar_of_sent)
    with _gc_paused():
        try:
            loaded = load_corpus(content, preset=preset, fields=fields, overrides=overrides, detection=detection,
                                 strict=strict, workers=workers, progress=progress, cache=cache, scanned=scanned,
                                 max_file_size=max_file_size)
        except BaseException:
            if early is not None:
                early.cancel()
            raise
        pairs: Callable[[], SimilarPairs]
        if early is not None:
            articles = loaded.articles
            early.send(([a.key for a in articles], [a.keyword_keys for a in articles], [a.question for a in articles]))
            pairs = early.wait
        else:

            def similar_here() -> SimilarPairs:
                end_with_parent(parent)  # forked, it must not outlive a build that is killed
                return similar(loaded.articles)

            with interrupts_held():
                pairs = beside(similar_here, fork=_beside_pays(len(loaded.articles), workers))
        with waited_on_error(pairs):  # it writes into the staging folder: it ends before an error is reported
            G, link_problems = build_graph(loaded, config, loaded.fields, progress, similar=pairs)
    report = make_report(G, loaded, link_problems, similarity=G.graph.get("similarity"))
    return G, report, loaded


def make_report(G: nx.MultiDiGraph, loaded: LoadResult, link_problems: list[Problem], *,
                similarity: dict[str, Any] | None = None) -> dict[str, Any]:
    """The build report: counts that add up, settings, every file left out and every problem.

    Paths are relative to the content folder; the folder itself is named, never its
    absolute path, so the report is the same wherever the content lives.
    """
    problems = sorted(loaded.problems + link_problems, key=lambda p: (p.path, p.line or 0, p.message))
    counts: dict[str, Any] = dict(loaded.counts)
    counts["problems"] = len(problems)
    counts["errors"] = sum(p.severity == ERROR for p in problems)
    counts["warnings"] = sum(p.severity == WARNING for p in problems)
    _put_kind_counts(counts, *kind_counts(G))
    # the example of how to name an article in messages: not a site's home page ("/"), unless it is all there is
    first = min((a.key for a in loaded.articles if a.key.strip("/")), default=None) or min(
        (a.key for a in loaded.articles), default=None)
    return {
        "qagraph": __version__,
        "source": loaded.source,
        "counts": counts,
        "settings": {"similarity": similarity,
                     "preset": loaded.detection.as_dict() if loaded.detection else None},
        "example_article": first,
        "graph": dict(G.graph),
        "rejected": list(loaded.rejected),
        "skipped": list(loaded.skipped),
        "hidden": [list(h) for h in loaded.hidden],
        "problems": [p.as_dict() for p in problems],
    }


def write_outputs(
    G: nx.MultiDiGraph,
    report: dict[str, Any],
    out: Path,
    *,
    outputs: Iterable[str] = OUTPUTS,
    base_iri: str | None = None,
    site_url: str | None = None,
    formats: Sequence[str] = ("nq",),
    rdf_similarity: str = "links",
    progress: Progress | None = None,
    fingerprint: str | None = None,
    links: Iterable[tuple[str, RelatedLink]] = (),
    names: Iterable[tuple[str, str, str]] = (),
    previous_layout: dict[str, Any] | None = None,
    links_to: Iterable[str] | None = None,
    workers: int | None = None,
) -> list[Path]:
    """Write the ``outputs`` of graph ``G`` into the folder ``out``; the paths written.

    ``links`` are the articles' links as their files gave them, for the database;
    ``previous_layout`` is the atlas layout of the build being updated, whose positions
    articles keep (a full build lays out afresh). ``links_to`` are the outputs of the
    build the index page links (default: ``outputs``). ``workers=1``: every output is written
    here, one after the other; default: the views in a process beside this one, for a big graph.
    """
    import json

    from .health import facts_of_graph, findings
    from .html.site import write_index_from_state
    from .parallel import beside, waited_on_error
    from .rdf import DEFAULT_BASE_IRI, write_rdf
    from .rdf.export import finish_rdf, source_name_of

    wanted = list(outputs)
    try:
        out.mkdir(parents=True, exist_ok=True)  # before the processes that write into it
    except OSError as exc:
        raise OutputError(f"cannot create {out}: {exc.strerror}", path=str(out)) from None
    written: list[Path] = []
    html_done: Callable[[], tuple[list[Path], Any]] | None = None
    articles = report["counts"].get("articles", 0)
    parallel = False
    shared = None  # the RDF parts, when both processes write them
    rdf_args: dict[str, Any] = {"base_iri": base_iri or DEFAULT_BASE_IRI, "formats": formats,
                                "similarity": rdf_similarity, "site_url": site_url}
    if "html" in wanted:
        extra_links = page_links(wanted if links_to is None else list(links_to), articles, formats)
        parallel = "rdf" in wanted and _beside_pays(articles, workers)
        if parallel:
            from .rdf.export import SharedParts

            with suppress(OSError, ImportError):  # no shared counter here (no /dev/shm): this process writes them
                shared = SharedParts.of(G)
        parent = os.getpid()

        def html() -> tuple[list[Path], Any]:
            """The views, then the RDF parts the other process has not taken (at 36k, quiet: the
            views about 9 s, the database 5 s, the parts 8 s of processor time in all)."""
            end_with_parent(parent, interrupt=True)  # forked, it must not outlive a build that is killed
            views = write_html(G, out, extra_links=extra_links, site_url=site_url, previous_layout=previous_layout,
                               progress=None if parallel else progress)
            return views, (write_rdf(G, out, **rdf_args, shared=shared) if shared is not None else None)

        with interrupts_held():
            html_done = beside(html, fork=parallel)
        if parallel and progress:  # written beside: said here, from its start to its end
            progress("html", 0, 1)
    rdf_result = None
    with waited_on_error(html_done):  # the other writer finishes before an error is reported
        facts = facts_of_graph(G)  # here, while the views are being written
        report["health"] = findings(facts)
        health_text = findings_text(report["health"])  # one text, for the database and report.json
        if "database" in wanted:
            from .database import write_database

            if progress:
                progress("database", 0, 1)
            written.append(write_database(G, out / DATABASE, report=report, meta={"fingerprint": fingerprint},
                                          links=links, health=facts, meta_texts={"health": health_text},
                                          names=names))
            if progress:
                progress("database", 1, 1)
        if "rdf" in wanted:  # the parts the other process has not taken (it takes them once its views are written)
            rdf_result = write_rdf(G, out, **rdf_args, source_name=report.get("source"), source_digest=fingerprint,
                                   workers=1 if parallel else workers, progress=progress, shared=shared)
    if html_done is not None:
        views, theirs = html_done()
        write_index_from_state(out, out / VIEWS_STATE, health=report["health"])  # the findings on the index page
        if parallel and progress:  # (written here, the views said their own progress)
            progress("html", len(views), len(views))
        written += views
        if rdf_result is not None and theirs is not None:  # the export described once all its parts are written
            rdf_result = finish_rdf(out, rdf_result, theirs, base_iri=rdf_args["base_iri"], source_digest=fingerprint,
                                    source_name=source_name_of(G, report.get("source")))
    if rdf_result is not None:
        written += list(rdf_result)
        write_atomic(out / RDF_STATE, json.dumps({str(i): p.stats.as_dict() for i, p in rdf_result.written.items()},
                                                 separators=(",", ":")))
    if "report" in wanted:
        written.append(_write_report(out, report, health_text))
    return written


def _write_report(out: Path, report: dict[str, Any], health: str | None) -> Path:
    """``report.json``; ``health`` is the text of its findings (:func:`findings_text`), if any."""
    shown = {k: v for k, v in report.items() if k != "graph"}
    rendered = {"health": health.replace(_NL, _NL + "  ")} if health is not None else None  # one level deeper there
    return write_atomic(out / REPORT, report_text(shown, rendered=rendered))


def report_text(value: Any, *, rendered: Mapping[str, str] | None = None) -> str:
    """``value`` as JSON for people and line tools: objects indented by two spaces, and every
    item of a list on a line of its own, written compactly (one problem, one finding a line).

    ``json.dumps(indent=2)`` writes the 6.6 MB report of a 36k corpus with Python's encoder,
    key by key (0.22 s); this writes each item with the C one (0.11 s).

    >>> print(report_text({"counts": {"files": 2}, "problems": [{"path": "a.md", "line": 3}], "hidden": []}))
    {
      "counts": {
        "files": 2
      },
      "problems": [
        {"path": "a.md", "line": 3}
      ],
      "hidden": []
    }
    <BLANKLINE>

    ``rendered`` gives the text of some keys of a top-level object already made, as it stands
    in the whole text (its lines after the first indented by two spaces): it is put in place.
    """
    lines: list[str] = []
    item, key = _item_text, _key_text

    def put(v: Any, pad: str, head: str, tail: str) -> None:
        if isinstance(v, dict) and v:
            lines.append(f"{head}{{")
            last = len(v) - 1
            for i, (k, x) in enumerate(v.items()):
                if not pad and rendered and k in rendered:  # a top-level key's text, made already
                    lines.append(f"  {key(str(k))}: {rendered[k]}{',' if i < last else ''}")
                else:
                    put(x, pad + "  ", f"{pad}  {key(str(k))}: ", "" if i == last else ",")
            lines.append(f"{pad}}}{tail}")
        elif isinstance(v, (list, tuple)) and v:
            lines.append(f"{head}[")
            lines.extend(f"{pad}  {item(x)}," for x in v)
            lines[-1] = lines[-1][:-1]
            lines.append(f"{pad}]{tail}")
        else:
            lines.append(f"{head}{item(v)}{tail}")

    put(value, "", "", "")
    return _NL.join(lines) + _NL


_NL = "\n"
_item_text = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
_key_text = json.JSONEncoder(ensure_ascii=False).encode


def findings_text(found: Mapping[str, Any], previous: Mapping[str, tuple[Any, str]] | None = None) -> str:
    """The health findings ``found`` as :func:`report_text` writes them (without the last
    newline): the ``health`` row of the database and, indented, the ``health`` of report.json.

    A section equal to one of ``previous`` (:func:`findings_sections` of the previous build's
    text) keeps its text: an edit changes a section or two of 5.7 MB of findings at 36k
    articles, and encoding them all took 0.04 s, twice (for the database and for the report).

    >>> text = findings_text({"articles": 2, "unlinked": {"count": 1, "articles": [{"node": "a"}]}})
    >>> print(text)
    {
      "articles": 2,
      "unlinked": {
        "count": 1,
        "articles": [
          {"node": "a"}
        ]
      }
    }
    >>> findings_text({"articles": 3, "unlinked": {"count": 1, "articles": [{"node": "a"}]}},
    ...               findings_sections(text)) == findings_text({"articles": 3, "unlinked": {"count": 1, "articles": [{"node": "a"}]}})
    True
    """
    kept = {k: text for k, (v, text) in (previous or {}).items()
            if k in found and type(v) is type(found[k]) and v == found[k]}
    return report_text(found, rendered=kept).rstrip(_NL)


_DECODER = json.JSONDecoder()
_SPACE = lazy_compile(r"[ \t\n\r]*")  #: JSON's whitespace


def _skip(text: str, i: int = 0) -> int:
    """Where the whitespace of ``text`` from ``i`` on ends."""
    found = _SPACE.match(text, i)
    return found.end() if found else i


def findings_sections(text: str) -> dict[str, tuple[Any, str]] | None:
    """Each section of the findings text ``text`` (:func:`findings_text`): its value, and its
    text as it stands there; ``None`` when ``text`` is not a JSON object.

    >>> findings_sections('{\\n  "a": [1, 2],\\n  "b": {}\\n}')
    {'a': ([1, 2], '[1, 2]'), 'b': ({}, '{}')}
    """
    i = _skip(text)
    if not text.startswith("{", i):
        return None
    sections: dict[str, tuple[Any, str]] = {}
    i = _skip(text, i + 1)
    try:
        while not text.startswith("}", i):
            key, i = _DECODER.raw_decode(text, i)
            i = _skip(text, i)
            if not isinstance(key, str) or not text.startswith(":", i):
                return None
            start = _skip(text, i + 1)
            value, i = _DECODER.raw_decode(text, start)
            sections[key] = (value, text[start:i])
            i = _skip(text, i)
            if text.startswith(",", i):
                i = _skip(text, i + 1)
            elif not text.startswith("}", i):
                return None
    except ValueError:  # not JSON where a key or a value should be, or the text ends
        return None
    return sections


ATLAS_STATE = f"{PRIVATE}/atlas.json"
RDF_STATE = f"{PRIVATE}/rdf-parts.json"
VIEWS_STATE = f"{PRIVATE}/views.json"
#: the state a patched build reads and trusts, signed in the build's record: one edited by hand (its
#: counts, its entries) was read as it was written, and a patched build's outputs kept the edit
STATE = (SIMILARITY_STATE, ATLAS_STATE, RDF_STATE, VIEWS_STATE)


def page_links(outputs: Sequence[str], articles: int, formats: Sequence[str]) -> list[tuple[str, str]]:
    """The index page's links to the build's other outputs (RDF, report) among ``outputs``."""
    links: list[tuple[str, str]] = []
    if "rdf" in outputs:
        from .rdf import RDF_DIR, part_count

        parts = part_count(articles)
        names = ", ".join(dict.fromkeys(formats))
        links = [("RDF: the dataset description (VoID)", f"{RDF_DIR}/void.ttl"),
                 (f"RDF: {parts} part{'s' if parts != 1 else ''} ({names})", f"{RDF_DIR}/")]
    if "report" in outputs:
        links.append(("Build report (report.json)", REPORT))
    return links


def write_html(G: nx.MultiDiGraph, out: Path, *, extra_links: Iterable[tuple[str, str]] = (),
               site_url: str | None = None, previous_layout: dict[str, Any] | None = None,
               progress: Progress | None = None, limits: Limits | None = None) -> list[Path]:
    """The atlas (laid out here, kept in ``.qagraph/atlas.json`` for the next build) and every
    view (with ``limits``, default :class:`~qagraph.html.Limits`; what an update needs is kept
    in ``.qagraph/views.json``); the paths. The index page is written without the health
    findings: :func:`~qagraph.html.site.write_index_from_state` writes it again with them."""
    import json

    from .html import Limits, write_views
    from .html.atlas import atlas_state, write_atlas
    from .layout import AtlasLayout, atlas_layout

    previous = AtlasLayout.from_dict(previous_layout) if previous_layout else None
    atlas = atlas_layout(G, previous=previous)
    written = write_atlas(G, out / "views", positions=atlas.positions, communities=atlas.communities,
                          site_url=site_url)
    written += write_views(G, out, extra_links=list(extra_links), site_url=site_url, atlas="views/atlas.html",
                           progress=progress, state=out / VIEWS_STATE, limits=limits or Limits())
    write_atomic(out / ATLAS_STATE, jsontext.dumps(atlas_state(atlas.as_dict())))
    return written


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Keep Python's cyclic GC out of the build, then move what it built out of its sight.

    A build makes millions of small dicts and tuples and no reference cycles; each GC
    pass over them costs more than the build itself (36k articles: graph 10.8 s with GC,
    4.3 s without). ``gc.freeze`` keeps later passes from walking the finished graph.
    Garbage frozen with it is never freed: what holds a file (a build database) closes it
    without the collector (:class:`~qagraph.database.BuildDatabase`).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()

