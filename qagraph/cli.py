"""The ``qagraph`` command: a thin layer over the library.

Every command is one library call plus formatting. Exit codes: 0 done and clean,
1 content problems (``check``, ``validate``, ``--strict``), 2 usage or runtime error.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ._version import __version__
from .errors import ERROR, Problem, QagraphError
from .kg import OUTPUTS, KnowledgeGraph, build, make
from .fields import FieldMap
from .similarity import SimilarityConfig

EXIT_PROBLEMS = 1
EXIT_ERROR = 2


class Failure(click.ClickException):
    """A library error at the CLI boundary, with the exit code it means."""

    def __init__(self, message: str, exit_code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Progress:
    """Progress on stderr: a bar on a terminal, one line per stage elsewhere, nothing when quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.stage: str | None = None
        self.started = time.perf_counter()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.quiet:
            return
        if stage != self.stage:
            self.stage = stage
            self.started = time.perf_counter()
        if self.tty:
            width = 30
            filled = width if total == 0 else int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            click.echo(f"\r{stage:<10} [{bar}] {done}/{total}", err=True, nl=False)
            if done >= total:
                click.echo(f"  {time.perf_counter() - self.started:.1f}s", err=True)
        elif done >= total:
            click.echo(f"{stage}: {total} done in {time.perf_counter() - self.started:.1f}s", err=True)


def _fields(pairs: tuple[str, ...]) -> FieldMap:
    mapping = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"{pair!r} is not NAME=PATH", param_hint="--field")
        mapping[name.strip()] = value.strip()
    try:
        return FieldMap().with_overrides(mapping)
    except QagraphError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from None


def _guard(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except QagraphError as exc:
        raise Failure(str(exc)) from None


content_argument = click.argument(
    "content", default="content", type=click.Path(file_okay=False, path_type=Path)
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
field_option = click.option(
    "--field", "fields", multiple=True, metavar="NAME=PATH",
    help="Where a field lives in the front matter, e.g. keywords=tags (repeatable).",
)
content_option = click.option(
    "-c", "--content", default="content", show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="The folder of articles.",
)


def _build(content: Path, quiet: bool = True, fields: tuple[str, ...] = (), strict: bool = False,
           similarity: SimilarityConfig = SimilarityConfig(), workers: int | None = None) -> KnowledgeGraph:
    return _guard(lambda: build(
        content, fields=_fields(fields), strict=strict, similarity=similarity,
        workers=workers, progress=Progress(quiet),
    ))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qagraph")
def cli() -> None:
    """Build and query a knowledge graph of Q&A articles (Markdown with YAML front matter)."""


@cli.command("build")
@content_argument
@click.option("-o", "--out", default="build", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder.")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be loaded (exit 1).")
@click.option("--only", "outputs", multiple=True, type=click.Choice(OUTPUTS),
              help="Write only these outputs (repeatable; default: all).")
@click.option("--base-iri", default=None, help="Base IRI of the RDF resources (default: qagraph.rdf.DEFAULT_BASE_IRI).")
@click.option("--top-k", default=SimilarityConfig.top_k, show_default=True, help="Similar articles kept per article.")
@click.option("--max-df", default=SimilarityConfig.max_df, show_default=True,
              help="Keywords in more articles than this do not make articles similar.")
@click.option("--min-score", default=SimilarityConfig.min_score, show_default=True, help="Lowest similarity kept.")
@click.option("--workers", type=int, default=None, help="Parsing processes (default: one per core for big folders).")
@click.option("--no-cache", is_flag=True, help="Parse every file again and rewrite every output.")
@field_option
@quiet_option
def build_command(content: Path, out: Path, strict: bool, outputs: tuple[str, ...], base_iri: str | None,
                  top_k: int, max_df: int, min_score: float, workers: int | None, no_cache: bool,
                  fields: tuple[str, ...], quiet: bool) -> None:
    """Build the graph of CONTENT and write every output into OUT.

    OUT/report.json counts the files, articles, stubs and edges by kind and lists
    every problem; the files seen always equal the articles plus the files rejected.
    Parsed files are cached in OUT/.qagraph-cache by content, so a rebuild parses
    only what changed, and does nothing when nothing did.
    """
    similarity = SimilarityConfig(top_k=top_k, max_df=max_df, min_score=min_score)
    field_map = _fields(fields)
    try:
        result = make(
            content, out, outputs=outputs or OUTPUTS, base_iri=base_iri, fields=field_map, similarity=similarity,
            strict=strict, workers=workers, progress=Progress(quiet), cache=not no_cache,
        )
    except QagraphError as exc:
        raise Failure(str(exc), EXIT_PROBLEMS if strict and exc.path else EXIT_ERROR) from None
    counts = result.report.get("counts")
    if not quiet:
        if result.up_to_date:
            click.echo(f"{out}: up to date", err=True)
        if counts:
            click.echo(
                f"{counts['files']} files: {counts['articles']} articles, {counts['rejected']} rejected, "
                f"{counts['stubs']} stubs; {counts['warnings']} warnings", err=True,
            )
        for problem in result.report.get("problems", []):
            if problem["severity"] == ERROR:
                click.echo(str(Problem(**problem)), err=True)
    for path in result.written:
        click.echo(str(path))


@cli.command("check")
@content_argument
@field_option
@click.option("--warnings/--no-warnings", default=True, show_default=True, help="Also list warnings.")
def check_command(content: Path, fields: tuple[str, ...], warnings: bool) -> None:
    """List the problems of CONTENT as path:line: message.

    Exit 0 when every file loads, 1 when some file is rejected, 2 on a usage error.
    """
    kg = _build(content, True, fields)
    for problem in kg.problems:
        if warnings or problem.severity == ERROR:
            click.echo(str(problem))
    counts = kg.counts
    click.echo(
        f"{counts['files']} files: {counts['articles']} articles, {counts['rejected']} rejected, "
        f"{counts['warnings']} warnings", err=True,
    )
    if counts["rejected"]:
        sys.exit(EXIT_PROBLEMS)


@cli.command("stats")
@content_option
@click.option("--top", default=10, show_default=True, help="How many subjects and keywords to list.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@field_option
@quiet_option
def stats_command(content: Path, top: int, as_json: bool, fields: tuple[str, ...], quiet: bool) -> None:
    """Counts of nodes and edges by kind, and the biggest subjects and keywords."""
    kg = _build(content, quiet, fields)
    counts = kg.counts
    subjects = [(kg.label(n), c) for n, c in kg.top_subjects(top)]
    keywords = [(kg.label(n), c) for n, c in kg.top_keywords(top)]
    if as_json:
        click.echo(json.dumps({"counts": counts, "top_subjects": subjects, "top_keywords": keywords}, indent=2))
        return
    click.echo(f"files      {counts['files']} ({counts['articles']} articles, {counts['rejected']} rejected)")
    for kind, n in counts["nodes"].items():
        click.echo(f"nodes      {kind:<9}{n}")
    for kind, n in counts["edges"].items():
        click.echo(f"edges      {kind:<9}{n}")
    click.echo(f"problems   {counts['errors']} errors, {counts['warnings']} warnings")
    click.echo("top subjects: " + ", ".join(f"{label} ({c})" for label, c in subjects))
    click.echo("top keywords: " + ", ".join(f"{label} ({c})" for label, c in keywords))


def _describe(kg: KnowledgeGraph, node: str) -> str:
    data = kg.graph.nodes[node]
    flag = " [outside the corpus]" if data["kind"] == "stub" else ""
    return f"{data.get('url') or node}  {data.get('title') or ''}{flag}"


@cli.command("related")
@click.argument("article")
@content_option
@field_option
@quiet_option
def related_command(article: str, content: Path, fields: tuple[str, ...], quiet: bool) -> None:
    """Articles that ARTICLE (url or id) links to, in link order."""
    kg = _build(content, quiet, fields)
    for node in _guard(lambda: kg.related(article)):
        click.echo(_describe(kg, node))


@cli.command("similar")
@click.argument("article")
@click.option("-k", default=10, show_default=True, help="How many.")
@content_option
@field_option
@quiet_option
def similar_command(article: str, k: int, content: Path, fields: tuple[str, ...], quiet: bool) -> None:
    """Articles most similar to ARTICLE (url or id) by shared keywords."""
    kg = _build(content, quiet, fields)
    for node, weight, shared in _guard(lambda: kg.similar(article, k)):
        click.echo(f"{weight:.4f}  {_describe(kg, node)}  ({', '.join(shared)})")


@cli.command("find")
@click.argument("words", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True)
@content_option
@quiet_option
def find_command(words: tuple[str, ...], limit: int, content: Path, quiet: bool) -> None:
    """Articles whose title holds all WORDS."""
    kg = _build(content, quiet)
    for node in kg.find(" ".join(words), limit):
        click.echo(_describe(kg, node))


@cli.command("path")
@click.argument("source")
@click.argument("target")
@content_option
@quiet_option
def path_command(source: str, target: str, content: Path, quiet: bool) -> None:
    """The shortest chain of related/similar links from SOURCE to TARGET."""
    kg = _build(content, quiet)
    for node in _guard(lambda: kg.path(source, target)):
        click.echo(_describe(kg, node))


# -- commands added by the RDF and HTML work go below this line -------------------------


# -- RDF: push, query, validate (qagraph.rdf) --------------------------------------------

base_iri_option = click.option(
    "--base-iri", default=None, metavar="IRI",
    help="Base IRI of the RDF resources (default: qagraph.rdf.DEFAULT_BASE_IRI).",
)


def _rdf_base(base_iri: str | None) -> str:
    from .rdf import DEFAULT_BASE_IRI

    return base_iri or DEFAULT_BASE_IRI


@cli.command("push")
@click.argument("out", type=click.Path(exists=True, path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="Put every triple into this named graph (default: the export's own named graphs).")
@click.option("--timeout", default=300.0, show_default=True, help="Seconds to wait for the store.")
def push_command(out: Path, endpoint: str, graph_iri: str | None, timeout: float) -> None:
    """Load the RDF export OUT (a build folder or one RDF file) into a triple store.

    Each named graph replaces the store's graph of that name (SPARQL 1.1 Graph Store
    Protocol, HTTP PUT), so pushing again adds no duplicates. Exit 2 when the store
    cannot be reached or answers with an error.
    """
    from .rdf import push

    sent = _guard(lambda: push(out, endpoint, graph_iri, timeout=timeout))
    click.echo(f"{sent} triples sent to {endpoint}")


@cli.command("query")
@click.argument("sparql_text", metavar="SPARQL")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Table for people; SPARQL 1.1 CSV or JSON results for programs.")
@click.option("--rdf", "rdf_path", type=click.Path(exists=True, path_type=Path),
              help="Query this RDF export (build folder or file) instead of building CONTENT.")
@base_iri_option
@content_option
@field_option
@quiet_option
def query_command(sparql_text: str, fmt: str, rdf_path: Path | None, base_iri: str | None, content: Path,
                  fields: tuple[str, ...], quiet: bool) -> None:
    """Run a SPARQL query over the graph of CONTENT and print the result ("-" reads it from stdin).

    The prefixes qa: schema: skos: dct: rdf: rdfs: xsd: void: prov: need no declaration;
    the default graph is the union of the content and similarity graphs.
    """
    from .rdf import format_results, sparql

    if sparql_text == "-":
        sparql_text = sys.stdin.read()
    target: Any = rdf_path if rdf_path is not None else _build(content, quiet, fields).graph
    result = _guard(lambda: sparql(target, sparql_text, base_iri=_rdf_base(base_iri)))
    click.echo(format_results(result, fmt), nl=False)


@cli.command("validate")
@click.argument("target", default="content", type=click.Path(exists=True, path_type=Path))
@base_iri_option
@field_option
@quiet_option
def validate_command(target: Path, base_iri: str | None, fields: tuple[str, ...], quiet: bool) -> None:
    """Check TARGET against the SHACL shapes (ontology/shapes.ttl); exit 1 on a violation.

    TARGET is a content folder (built first), an RDF file, or a build folder with an
    RDF export (qagraph.nq, .trig, .nt or .ttl).
    """
    from .rdf import validate

    is_export = target.is_file() or any((target / f"qagraph.{s}").is_file() for s in ("nq", "trig", "nt", "ttl"))
    subject: Any = target if is_export else _build(target, quiet, fields).graph
    conforms, report = _guard(lambda: validate(subject, base_iri=_rdf_base(base_iri)))
    click.echo(report.rstrip())
    if not conforms:
        sys.exit(EXIT_PROBLEMS)


# -- HTML views (qagraph.html) ----------------------------------------------------------


@cli.command("view")
@click.argument("article", required=False)
@click.option("--hops", default=1, show_default=True, type=click.IntRange(min=0),
              help="Steps along related and similar links from ARTICLE.")
@click.option("--keyword", help="Draw this keyword and its articles instead of an article.")
@click.option("--subject", help="Draw this subject (slug or name) instead of an article.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The HTML file to write (one file, works offline).")
@click.option("--site-url", help="Joined to the articles' urls (site paths) for the links in tooltips.")
@content_option
@field_option
@quiet_option
def view_command(article: str | None, hops: int, keyword: str | None, subject: str | None, output: Path,
                 site_url: str | None, content: Path, fields: tuple[str, ...], quiet: bool) -> None:
    """Write an interactive view of ARTICLE's neighbourhood (url or id) to one HTML file.

    With --keyword or --subject instead of ARTICLE, draw that keyword with its
    articles, or that subject. The file needs no network: open it from disk.
    """
    from .html import write_keyword, write_neighbourhood, write_subject

    if sum(x is not None for x in (article, keyword, subject)) != 1:
        raise click.UsageError("name exactly one of ARTICLE, --keyword or --subject")
    kg = _build(content, quiet, fields)
    if keyword is not None:
        node = _guard(lambda: kg.keyword(keyword))
        path = _guard(lambda: write_keyword(kg.graph, node, output, site_url=site_url))
    elif subject is not None:
        node = _guard(lambda: kg.subject(subject))
        path = _guard(lambda: write_subject(kg.graph, node, output, site_url=site_url))
    else:
        node = _guard(lambda: kg.article(article))
        path = _guard(lambda: write_neighbourhood(kg.graph, node, output, hops=hops, site_url=site_url))
    click.echo(str(path))


def main() -> None:
    cli(prog_name="qagraph")
