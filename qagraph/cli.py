"""The ``qagraph`` command: a thin layer over the library.

Every command is one library call plus formatting. Query commands answer from the
build folder (``--build``, default ``./build``) without reading the content again;
they say, after the answer, when the content changed since that build (``--rebuild``
brings it up to date), and only without any build do they build in memory, saying so (as they
do when ``--content`` names another folder than the one ``./build`` was made from).

Exit codes are decided in one place, by the type of the error
(:data:`qagraph.errors.EXIT_CODES`): 0 done, 1 content problems, 2 usage error,
3 output error, 4 store or network error, 130 interrupted, 143 terminated (SIGTERM), 70 internal error.
"""

from __future__ import annotations

import errno
import io
import json
import math
import os
import signal
import sys
import time
import traceback
from contextlib import suppress
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from ._version import __version__
from .errors import ERROR, EXIT_CODES, INTERRUPTED_STARTING, QagraphError, UsageError
from .normalize import printable, printable_line

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

DEFAULT_CONTENT = "content"
DEFAULT_BUILD = "build"


class _Failure(click.ClickException):
    """A library error at the CLI boundary, with the exit code its type means."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        setattr(self, "exit_code", code)  # click reads it when it exits; the class default is 1

    def show(self, file: Any = None) -> None:
        click.echo(printable(f"qagraph: {self.format_message()}"), err=True)


#: the context's meta key for what Ctrl-C leaves behind, said after "interrupted" (:func:`_writing`)
_INTERRUPTED = "qagraph.interrupted"
_BUILD_KEPT = "; the previous build, if any, is as it was"


def _writing(leaves: str) -> None:
    """Say, should Ctrl-C come from now on, what it leaves (a query interrupted leaves nothing to say)."""
    click.get_current_context().meta[_INTERRUPTED] = leaves


class _Group(click.Group):
    """Maps every failure to its exit code; a traceback only with ``--debug``."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        """The group's context, its options read. Ctrl-C meanwhile, before any command runs, ends as
        Ctrl-C at start-up does (:mod:`qagraph.__main__`), not with click's "Aborted!" and exit 1; a
        closed pipe as the group's ``--help`` is written ends as it does for any command (141).

        The command line then ends, so Ctrl-C is ignored from there on: a second one while the message
        is written ended with click's "Aborted!" and exit 1 instead, or a traceback. (A caller that
        runs the command line in its own process, as click's ``CliRunner`` does, finds it ignored.)"""
        if parent is None and args[:1] == ["help"] and "help" not in self.commands:  # `qagraph help [COMMAND]`
            args = [*args[1:2], "--help"]
        end = args.index("--") if "--" in args else len(args)
        if parent is None and "--debug" in args[:end]:  # `qagraph related X --debug`, as the error said to run it
            args = ["--debug", *(a for i, a in enumerate(args) if i >= end or a != "--debug")]
        try:
            return super().make_context(info_name, args, parent, **extra)
        except KeyboardInterrupt as exc:
            with suppress(ValueError):  # signal.signal: only in the main thread, where a Ctrl-C lands
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # as qagraph.__main__ does
            ending = _ending(exc)
            click.echo(INTERRUPTED_STARTING.replace("interrupted", ending), err=True)  # as qagraph.__main__ says it
            raise click.exceptions.Exit(EXIT_CODES[ending]) from None
        except BrokenPipeError:  # `qagraph --help | true`: click's own ending is exit 1; a closed pipe's is 141
            _drop_stdout()
            raise click.exceptions.Exit(EXIT_CODES["closed-pipe"]) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except QagraphError as exc:
            if ctx.meta.get("qagraph.debug"):
                traceback.print_exc()
            raise _Failure(str(exc), exc.exit_code) from None
        except KeyboardInterrupt as exc:
            ending = _ending(exc)
            click.echo(f"qagraph: {ending}{ctx.meta.get(_INTERRUPTED, '')}", err=True)
            raise click.exceptions.Exit(EXIT_CODES[ending]) from None
        except click.UsageError as exc:
            if ctx.invoked_subcommand == "build" and exc.message.startswith("Got unexpected extra argument"):
                # `qagraph build content build`: the second folder taken for the output
                raise click.UsageError(exc.message + "; one content folder is read (CONTENT, or -c), and the build "
                                       "folder is named with -o: qagraph build CONTENT -o OUT", exc.ctx) from None
            raise
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # `qagraph related X | head`: the reader has what it wanted; nothing to say
            _drop_stdout()
            raise click.exceptions.Exit(EXIT_CODES["closed-pipe"]) from None
        except OSError as exc:
            if ctx.meta.get("qagraph.debug"):
                traceback.print_exc()
            if _stdout_failed(exc):
                _drop_stdout()
                raise _Failure(_STDOUT_FAILED % (exc.strerror or exc), EXIT_CODES["output"]) from None
            where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
            raise _Failure(f"{where}{exc.strerror or exc}", EXIT_CODES["output"]) from None
        except Exception as exc:  # noqa: BLE001 - the one place that turns a bug into a message
            if ctx.meta.get("qagraph.debug"):
                traceback.print_exc()
                raise _Failure(f"internal error: {type(exc).__name__}: {exc}", EXIT_CODES["internal"]) from None
            raise _Failure(
                f"internal error: {type(exc).__name__}: {exc} (a bug in qagraph; run with --debug for the traceback)",
                EXIT_CODES["internal"],
            ) from None


class Progress:
    """Progress on stderr: a bar on a terminal, one line per stage elsewhere, nothing when quiet."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.tty = sys.stderr is not None and sys.stderr.isatty()  # None: started with stderr closed (2>&-)
        # when each stage under way was first reported: stages overlap (the views are written by a
        # process beside the RDF and the database), so a stage's time runs from its own start
        self.started: dict[str, float] = {}
        self.empty: set[str] = set()  #: stages reported with nothing to do (an empty folder's load says so once)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.quiet or (total == 0 and stage in self.empty):
            return
        if total == 0:
            self.empty.add(stage)
        now = time.perf_counter()
        started = self.started.setdefault(stage, now)
        if done >= total:
            del self.started[stage]
        if self.tty:
            width = 30
            filled = width if total == 0 else int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            click.echo(f"\r{stage:<10} [{bar}] {done}/{total}", err=True, nl=False)
            if done >= total:
                click.echo(f"  {now - started:.1f}s", err=True)
        elif done >= total:
            click.echo(f"{stage}: {total} done in {now - started:.1f}s", err=True)


def _say(message: str, quiet: bool = False) -> None:
    """A message for people on stderr (content in it shows its control characters escaped)."""
    if not quiet:
        click.echo(printable(message), err=True)


# -- shared options ---------------------------------------------------------------------------


def utf8_text(value: str) -> str:
    """An argument (or stdin) as the UTF-8 text it was typed as. Python spells them in the locale's
    encoding: under one that is not UTF-8 (``LC_ALL=C PYTHONUTF8=0``) "é" arrives as two surrogate
    escapes, which matched no title, url or path, and made a query "not valid UTF-8 text". Bytes
    that are not UTF-8 are kept as they came.

    >>> utf8_text("caf\\udcc3\\udca9"), utf8_text("caf\\udce9"), utf8_text("plain")
    ('café', 'caf\\udce9', 'plain')
    """
    if value.isascii() or not any("\udc80" <= c <= "\udcff" for c in value):
        return value
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return value


class _Text(click.types.StringParamType):
    """A text argument (an article, words, a view's keyword, a site url), read as :func:`utf8_text` reads it."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        return utf8_text(super().convert(value, param, ctx))


TEXT = _Text()


class _Path(click.Path):
    """A file or folder name, never empty: ``-o ""`` (a shell variable not set) named the current folder
    and ended in "cannot write: Device or resource busy", ``-c ""`` in the folder the command ran in."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value:
            self.fail("an empty name names no file or folder", param, ctx)
        return super().convert(value, param, ctx)


class _Bytes(click.types.IntParamType):
    """A size in bytes, or with a unit as people write one (``16M``, ``16MiB``, ``512k``: powers of 1024);
    at least 1.

    >>> BYTES.convert("16M", None, None), BYTES.convert("512 KiB", None, None), BYTES.convert("1000", None, None)
    (16777216, 524288, 1000)
    """

    name = "bytes"
    _UNITS = {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        import re

        if isinstance(value, int):
            size = value
        else:
            found = re.fullmatch(r"\s*(\d+)\s*([kmg]?)(?:i?b)?\s*", str(value), re.I)
            if not found:
                self.fail(f"{value!r} is not a size (bytes, or with a unit: 512K, 16M, 1G)", param, ctx)
            size = int(found[1]) * self._UNITS[found[2].lower()]
        if size < 1:
            self.fail(f"{value!r} is not a size of at least 1 byte", param, ctx)
        return size


BYTES = _Bytes()


def content_option(f: F) -> F:
    return click.option(
        "-c", "--content", type=_Path(path_type=Path), default=None,
        help=f"The folder of articles (default: ./{DEFAULT_CONTENT}, or the one the build was made from).",
    )(f)


def content_argument(f: F) -> F:
    """``CONTENT`` also as the command's argument (``qagraph build posts``), as ``-c`` names it."""
    def keep(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
        ctx.meta["qagraph.content"] = value

    return click.argument("content_argument", metavar="[CONTENT]", required=False, expose_value=False,
                          type=_Path(path_type=Path), callback=keep)(f)


def build_option(f: F) -> F:
    f = click.option("--rebuild", is_flag=True,
                     help="Bring the build up to date with the content first (only what changed is redone).")(f)
    return click.option(
        "-b", "--build", "build_dir", type=_Path(path_type=Path), default=None,
        help=f"The build folder to answer from (default: ./{DEFAULT_BUILD} when it exists, or . when it is one).",
    )(f)


def quiet_option(f: F) -> F:
    return click.option("-q", "--quiet", is_flag=True, help="No progress or notes on stderr.")(f)


def json_option(f: F) -> F:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)


PRESET_NAMES = ["auto", "quicktakes", "hugo", "jekyll", "obsidian", "generic"]


def field_option(f: F) -> F:
    f = click.option(
        "--preset", type=click.Choice(PRESET_NAMES), default="auto", show_default=True,
        help="The kind of corpus: recognised from its files (auto), or named.",
    )(f)
    return click.option(
        "--field", "fields", multiple=True, metavar="NAME=PATH", type=TEXT,
        help="Where a field lives in the front matter, e.g. keywords=tags (repeatable; beats the preset).",
    )(f)


def _overrides(pairs: tuple[str, ...]) -> dict[str, str]:
    """``--field`` pairs as a mapping, checked at once so a typo is a usage error before any work."""
    from .fields import FieldMap

    mapping = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep:
            raise click.BadParameter(f"{pair!r} is not NAME=PATH (with '=': --field keywords=tags)",
                                     param_hint="--field")
        mapping[name.strip()] = value.strip()
    try:
        FieldMap().with_overrides(mapping)
    except QagraphError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from None
    return mapping


def _say_preset(kg: Any, quiet: bool) -> None:
    chosen = kg.report(health=False).get("settings", {}).get("preset")
    if chosen and not quiet:
        from .fields import FieldMap
        from .presets import Detection

        line = Detection(chosen["preset"], chosen["reason"], FieldMap(), chosen["auto"]).line()
        _say(f"qagraph: {line}")


def _say_if_no_article_files(kg: Any, quiet: bool) -> None:
    """A note when the folder held no article file at all (the wrong folder, most often)."""
    from .presets import no_article_files

    line = no_article_files(kg.report(health=False))
    if line is not None:
        _say(f"qagraph: {line}", quiet)


def _content(content: Path | None, out: Path | None = None, quiet: bool = False) -> Path:
    """The content folder: ``-c`` or the argument (one of them, or both the same), else the folder
    the build in ``out`` was made from when it is still there, else ``./content`` (said when the
    build was made from another folder: it is replaced by a build of this one)."""
    ctx = click.get_current_context(silent=True)
    argument = ctx.meta.get("qagraph.content") if ctx is not None else None
    if argument is not None and content is not None and argument != content:
        raise UsageError(f"two content folders named: {argument} and -c {content}; name one")
    if content is None:
        content = argument
    if content is None and out is not None:
        content = _recorded_content(out)
        settings = _build_state(out).get("settings") if content is None else None
        recorded = settings.get("content") if isinstance(settings, dict) else None
        if isinstance(recorded, str) and recorded and not Path(DEFAULT_CONTENT).is_dir():
            # a build moved, or its content: "not a folder: content" named neither
            made_from = os.path.abspath(out / recorded)
            nor = "" if made_from == os.path.abspath(DEFAULT_CONTENT) else f" (nor ./{DEFAULT_CONTENT})"
            raise UsageError(f"{out} was made from {printable_line(made_from)}, which is not there{nor}: name the "
                             "content folder with -c")
        if isinstance(recorded, str) and recorded:  # ./content, then: another folder than the one that is gone
            _say(f"note: {out} was made from {printable_line(os.path.abspath(out / recorded))}, which is not there; "
                 f"building it from ./{DEFAULT_CONTENT}", quiet)
    content = content if content is not None else Path(DEFAULT_CONTENT)
    from .fileio import is_build_folder

    # `qagraph build build`: the argument, the content, taken for the output
    if is_build_folder(content) and not _built_in_place(content):
        command = (ctx.info_name if ctx is not None else None) or "build"
        fix = {"build": f"qagraph build -c CONTENT -o {content}", "check": "qagraph check -c CONTENT"}.get(
            command, f"-b {content} answers from it")
        raise UsageError(f"{content} is a qagraph build folder, not a folder of articles ({fix})")
    return content


def _built_in_place(folder: Path) -> bool:
    """Whether the build in ``folder`` was made from ``folder`` itself (``--force`` into the content
    folder): a content folder that holds its own build, not a build named as content."""
    recorded = _recorded_content(folder)
    try:
        return recorded is not None and os.path.samefile(recorded, folder)
    except OSError:
        return False


def _build_state(where: Path) -> dict[str, Any]:
    """The record the build in ``where`` keeps of itself (its settings, its outputs); empty when
    there is none to read."""
    from .fileio import MARKER, PRIVATE, read_regular

    try:
        state = json.loads(read_regular(where / PRIVATE / MARKER))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _recorded_content(where: Path, state: dict[str, Any] | None = None) -> Path | None:
    """The content folder the build in ``where`` was made from (``state``: its record, read when not
    given), when the record names one that is there."""
    settings = (state if state is not None else _build_state(where)).get("settings")
    recorded = settings.get("content") if isinstance(settings, dict) else None
    if not isinstance(recorded, str) or not recorded:
        return None
    source = where / recorded
    return source if source.is_dir() else None


def _made_from(where: Path, content: Path) -> bool:
    """Whether the build in ``where`` was made from the folder ``content``."""
    recorded = _recorded_content(where)
    try:
        return recorded is not None and content.is_dir() and os.path.samefile(recorded, content)
    except OSError:
        return False


def _default_build(content: Path | None) -> Path:
    """The build a query command answers from without ``-b``: ``./build``, or the current folder when
    it is a build itself and holds no ``build/`` (a user who went into the build folder to read its
    report), unless a content folder is named (that is the question then)."""
    from .fileio import is_build_folder

    default = Path(DEFAULT_BUILD)
    if content is None and not os.path.lexists(default) and is_build_folder("."):
        return Path(".")
    return default


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or in it (both as they resolve)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def _graph(build_dir: Path | None, content: Path | None, rebuild: bool, quiet: bool) -> Any:
    """The knowledge graph a query command answers from (see the module text)."""
    import qagraph

    where = build_dir if build_dir is not None else _default_build(content)
    has_build = (where / "qagraph.db").is_file()
    if has_build and build_dir is None and content is not None and not rebuild and not _made_from(where, content):
        # ./build is another folder's: the content named is the question (make demo's build sat in
        # the checkout, and `stats -c corpus` counted the bundled content)
        _say(f"note: ./{DEFAULT_BUILD} was not made from {printable_line(str(content))}", quiet)
        has_build = False
    if not has_build and build_dir is not None:
        if os.path.lexists(where) and not where.is_dir():  # -b build/qagraph.db, -b build/report.json
            from .fileio import is_build_folder

            inside = f" (-b {where.parent}: the build it is in)" if is_build_folder(where.parent) else ""
            raise UsageError(f"{where} is a file; -b names a build folder{inside}")
        if where.is_dir() and any(next(where.glob(g), None) for g in ("*.md", "*/*.md")):  # content given as -b
            raise UsageError(f"{where} holds Markdown files, not a qagraph build (run: qagraph build -c {where} "
                             f"-o BUILD, then -b BUILD)")
        holds_here = _inside(Path.cwd(), where)  # `-o .` (or a folder around it) is a build refused
        run = "qagraph build -c CONTENT -o BUILD, then -b BUILD" if holds_here else f"qagraph build -o {where}"
        raise UsageError(_without_database(where) or f"no qagraph build in {where} (run: {run})")
    if has_build:
        state = _build_state(where)
        source = content if content is not None else _recorded_content(where, state)
        if rebuild:
            return _rebuilt(where, content, state, quiet)
        if source is not None and source.is_dir() and not quiet:
            _note_changes_at_close(where, source, state)
        return qagraph.open(where)
    source = _content(content)
    # ./build may be a build without its database (--only html): said as such, not as no build
    why = None if (where / "qagraph.db").is_file() else _without_database(where)
    if not source.is_dir():
        raise UsageError(why or f"no build in ./{DEFAULT_BUILD} and no content folder {source}: "
                                "run qagraph build, or name them with -b / -c")
    shown = printable_line(str(source))  # a name with a line break: the note stays one line
    missing = f"./{DEFAULT_BUILD} has no database" if why else f"no build in ./{DEFAULT_BUILD}"
    _say(f"note: {missing}; building {shown} in memory "
         f"(qagraph build -c {shown} makes one that answers at once)", quiet)
    kg = _kept(qagraph.build(source, progress=Progress(quiet)))
    _say_preset(kg, quiet)
    return kg


def _rebuilt(where: Path, content: Path | None, state: dict[str, Any], quiet: bool) -> Any:
    """The build in ``where`` (its record ``state``) brought up to date with its content (``content``,
    or the folder it was made from), with its own settings (see :func:`_rebuild_settings`)."""
    import qagraph

    source = content if content is not None else _recorded_content(where, state)
    if content is not None and not content.is_dir():  # named with -c already: not told to name it
        raise UsageError(f"cannot rebuild {where}: the content folder {content} is not a folder")
    if source is None or not source.is_dir():
        raise UsageError(f"cannot rebuild {where}: its content folder is not there (name it with -c)")
    _say(f"bringing {printable_line(str(where))} up to date with {printable_line(str(source))} ...", quiet)
    _writing(_BUILD_KEPT)
    return _kept(qagraph.build(source, out=where, progress=Progress(quiet), **_rebuild_settings(state)))


def _without_database(where: Path) -> str | None:
    """Why the build in ``where`` cannot be queried when it is one without its database (removed
    since, or built with --only without it); ``None`` when ``where`` records no build."""
    outputs = _build_state(where).get("outputs")
    if isinstance(outputs, dict) and "qagraph.db" in outputs:  # a build, its database removed since
        return (f"the build in {where} has lost its database: {where / 'qagraph.db'} is not there "
                f"(run: qagraph build -o {where} to make it again)")
    if isinstance(outputs, dict) and outputs:
        return (f"the build in {where} has no database (it was built with --only, without the "
                "database): build it again with the database (no --only, or --only database) to query it")
    return None


def _rebuild_settings(state: dict[str, Any]) -> dict[str, Any]:
    """The settings of the build whose record is ``state``, to make it again with: those of the kinds
    a build writes them in. A value of another kind (the record edited by hand) is not followed, as a
    build does not follow a damaged record: the default is taken."""
    from .model import SimilarityConfig

    settings = state.get("settings")
    if not isinstance(settings, dict):
        return {}
    out: dict[str, Any] = {}
    for key in ("preset", "base_iri", "site_url", "rdf_similarity"):
        if settings.get(key) and isinstance(settings[key], str):
            out[key] = settings[key]
    for key in ("outputs", "formats"):
        if settings.get(key) and isinstance(settings[key], list) and all(isinstance(v, str) for v in settings[key]):
            out[key] = settings[key]
    overrides = settings.get("overrides")
    if overrides and isinstance(overrides, dict) and all(isinstance(v, str) for v in overrides.values()):
        out["overrides"] = overrides
    sim = settings.get("similarity")
    if sim and isinstance(sim, dict):
        counts: dict[str, Any] = {k: v for k, v in sim.items()
                                  if k in ("top_k", "max_df", "rare_df") and type(v) is int}
        if type(sim.get("min_score")) in (int, float) and math.isfinite(sim["min_score"]):
            counts["min_score"] = sim["min_score"]
        out["similarity"] = SimilarityConfig(**counts)
    return out


def _note_changes_at_close(where: Path, source: Path, state: dict[str, Any]) -> None:
    """Say, when the command ends, whether the content changed since the build ``where``.

    The content's stamp (an ``lstat`` of every file: 0.3 s at 36,000 files) is taken in a
    second process while this one answers the query, so a query command does not wait for
    it; the note comes after the answer.
    """
    from functools import partial

    from .parallel import beside
    from .walk import content_stamp

    stamp = beside(partial(content_stamp, source))

    def note() -> None:
        try:
            now = stamp()
        except QagraphError:  # the second process could not answer: take the stamp here
            now = content_stamp(source)
        changed = _changed_since(where, source, state, now)
        if changed:
            _say(f"note: {changed} since {where} was built; answers are from the build "
                 "(add --rebuild to update it)")

    ctx = click.get_current_context(silent=True)
    if ctx is None:
        note()
    else:
        ctx.call_on_close(note)


def _changed_since(where: Path, source: Path, state: dict[str, Any], stamp: tuple[int, int]) -> str:
    """What changed in the content since the build (by file signatures), in words; empty when nothing.

    ``stamp`` is the content's :func:`~qagraph.walk.content_stamp` now."""
    from .fileio import PRIVATE, read_inputs

    said = []
    site = _site_files_changed(where, state)
    if site:  # a config, a .pages, a Gemfile the build read to choose how to read the articles
        shown = ", ".join(printable_line(path) for path in site[:3]) + (f" and {len(site) - 3} more" if len(site) > 3 else "")
        said.append(f"{shown} (read by the build) changed")
    if state.get("content_stamp") == list(stamp):  # nothing added, removed or written since
        return "; ".join(said)
    known, _, _ = read_inputs(where / PRIVATE)
    if not known:
        return "; ".join(said)
    from .load import DEFAULT_MAX_FILE_SIZE, changed_inputs

    settings = state.get("settings")
    limit = settings.get("max_file_size") if isinstance(settings, dict) else None
    added, changed, removed = changed_inputs(source, known, max_file_size=limit if type(limit) is int and limit > 0
                                             else DEFAULT_MAX_FILE_SIZE, unread=_unread_files(where, known))
    parts = [f"{n} {what}" for n, what in ((added, "added"), (changed, "changed"), (removed, "removed")) if n]
    shown = os.path.normpath(source)  # build/../content (the folder the build's record names) as content
    return "; ".join(([f"{shown}: " + ", ".join(parts) + " file(s)"] if parts else []) + said)


def _unread_files(where: Path, known: dict[str, tuple[Any, ...]]) -> set[str]:
    """The article files the build in ``where`` found and could not read (rejected, and without a
    digest in ``known``: a FIFO, a link loop, a file over the size limit); none when its database
    cannot tell."""
    import sqlite3

    try:
        con = sqlite3.connect(f"{(where / 'qagraph.db').resolve().as_uri()}?mode=ro", uri=True)
        try:
            rejected = {path for (path,) in con.execute("SELECT path FROM files WHERE status = 'rejected'")}
        finally:
            con.close()
    except sqlite3.Error:
        return set()
    return rejected - set(known)


def _site_files_changed(where: Path, state: dict[str, Any]) -> list[str]:
    """The files other than articles the build in ``where`` read (its record's ``site_files``: a Hugo
    config, a ``_quarto.yml``) that changed since, by their paths; a stat each (see
    :func:`qagraph.presets.site_files_changed`). An entry not as a build writes it is passed over."""
    from .fileio import file_signature

    recorded = state.get("site_files")
    if not isinstance(recorded, dict):
        return []
    files = {}
    for rel, entry in recorded.items():
        if (isinstance(rel, str) and isinstance(entry, list) and len(entry) == 3 and type(entry[0]) is int
                and isinstance(entry[2], str)
                and (entry[1] is None or (isinstance(entry[1], list) and all(type(v) is int for v in entry[1])))):
            files[os.path.normpath(where / rel)] = (entry[0], entry[1], entry[2])
    if all(file_signature(path) == signature for path, (_, signature, _) in files.items()):
        return []  # none touched (the usual case): told without importing the reader's rules
    from .presets import site_files_changed

    return site_files_changed(files)


def _describe(kg: Any, node: str) -> str:
    """A node on one line of a terminal: its url (or key) and title, control characters and line
    breaks escaped."""
    data = kg.node(node)
    flag = " [outside the corpus]" if data.get("kind") == "stub" else ""
    return printable_line(f"{data.get('url') or data.get('key') or node}  "
                          f"{data.get('title') or data.get('label') or ''}{flag}")


def _node_json(kg: Any, node: str, **extra: Any) -> dict[str, Any]:
    data = kg.node(node)
    return {"node": node, "kind": data.get("kind"), "url": data.get("url"), "id": data.get("id"),
            "title": data.get("title") or data.get("label"), "path": data.get("path"), **extra}


#: where ``-o -`` writes: standard output, which a one-file output takes as a device (``-o /dev/stdout``)
STDOUT_PATH = Path("/dev/stdout")


#: the files a corpus's articles are (an output never replaces one: ``view X -o notes/x.md``)
_ARTICLE_SUFFIXES = (".md", ".markdown", ".mdx")


def _not_an_article(output: Path) -> None:
    """Refuse an output file that is a Markdown file there already: a view, an export or suggestions
    written over it would replace an article (``-o content/biology/dna.md``, a slip of the shell's
    completion) with HTML or CSV, and qagraph never writes into the content."""
    if output.suffix.lower() in _ARTICLE_SUFFIXES and output.is_file():
        raise UsageError(f"{output} is a Markdown file (an article?): qagraph does not write over one; "
                         "give the output another name")


def _output(output: Path, what: str = "") -> Path:
    """``output`` as given, or for ``-`` (stdout, as tools take it) the path of standard output; ``what``
    names an output that is a folder, which stdout cannot be."""
    if str(output) != "-":
        _not_an_article(output)
        return output
    if what:
        raise UsageError(f"{what} is a folder, and -o - (stdout) takes one file: give a folder's name")
    if not STDOUT_PATH.exists():
        raise UsageError(f"-o - writes to stdout through {STDOUT_PATH}, which this system has not: give a file")
    return STDOUT_PATH


def _echo_written(path: Path) -> None:
    """List a file written on stdout; not a device or pipe written into (``-o /dev/stdout``: the
    name would follow the data)."""
    from .fileio import written_into

    if not written_into(path):
        _echo_path(path)


def _echo_path(path: Path) -> None:
    """A path on stdout as :func:`~qagraph.load.display_name` shows it: one whose name is UTF-8 read
    as such under a locale that is not (it showed "v??.html"), other bytes and control characters escaped."""
    from .load import display_name

    click.echo(display_name(str(path)))


def _emit_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False))


# -- commands ------------------------------------------------------------------------------------


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="qagraph")
@click.option("--debug", is_flag=True, help="Show the traceback of any error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Build and query a knowledge graph of a folder of Markdown articles with front matter: Q&A
    articles, a Hugo or Jekyll site, an Obsidian vault, a docs site (--preset, recognised by default).

    \b
    Example:
        qagraph build -c content -o build     # the graph, its database, RDF and views
        qagraph related 165309                # answers from ./build at once
        qagraph COMMAND --help                # each command's options and examples

    \b
    Exit codes: 0 done, 1 content problems (check, validate, --strict), 2 usage (a bad option,
    an unknown article), 3 output (cannot write or read the build, stdout), 4 triple store or
    endpoint, 130 Ctrl-C, 143 terminated, 141 the output's reader went away, 70 a bug (--debug).
    """
    ctx.meta["qagraph.debug"] = debug


@cli.command("build")
@content_argument
@content_option
@click.option("-o", "--out", default=DEFAULT_BUILD, show_default=True, type=_Path(path_type=Path),
              help="The build folder (made or brought up to date).")
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be loaded (exit 1).")
@click.option("--only", "outputs", multiple=True, type=click.Choice(["database", "rdf", "html", "report"]),
              help="Write only these outputs (repeatable; default: all).")
@click.option("--base-iri", default=None, metavar="IRI", type=TEXT, help="Base IRI of the RDF resources.")
@click.option("--site-url", default=None, metavar="URL", type=TEXT,
              help="The site the articles live on (http(s), no query or fragment): makes article links in RDF and views absolute.")
@click.option("--format", "formats", multiple=True, type=click.Choice(["nq", "trig", "ttl", "nt", "jsonld"]),
              help="RDF file formats (repeatable; default nq: N-Quads keep the named graphs and every store loads them).")
@click.option("--similarity", "rdf_similarity", type=click.Choice(["none", "links", "full"]), default="links",
              show_default=True,
              help="Similarity in the RDF: none, plain qa:similarTo links, or full records with weights and keywords.")
@click.option("--top-k", default=10, show_default=True, type=click.IntRange(min=0),
              help="Similar articles kept per article.")
@click.option("--max-df", default=100, show_default=True, type=click.IntRange(min=2),
              help="Keywords in more articles than this do not make articles similar.")
@click.option("--rare-df", default=4, show_default=True, type=click.IntRange(min=2),
              help="Shared keywords must weigh at least as much as one keyword in this many articles.")
@click.option("--min-score", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Lowest similarity kept (weights are 0 to 1).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes (default: one per core for big folders); 1: one process throughout, less memory, more time.")
@click.option("--no-cache", is_flag=True, help="Parse every file again and rewrite every output.")
@click.option("--force", is_flag=True, help="Build into a folder that holds other files (they are kept).")
@click.option("--max-file-size", type=BYTES, default=None, metavar="BYTES",
              help="Larger article files are reported, not read (default 8 MiB; 16M, 512K...).")
@field_option
@quiet_option
def build_command(content: Path | None, out: Path, strict: bool, outputs: tuple[str, ...], base_iri: str | None,
                  site_url: str | None, formats: tuple[str, ...], rdf_similarity: str, top_k: int, max_df: int, rare_df: int, min_score: float, workers: int | None,
                  no_cache: bool, force: bool, max_file_size: int | None, preset: str, fields: tuple[str, ...],
                  quiet: bool) -> None:
    """Build the graph of CONTENT and write the build folder OUT.

    OUT holds qagraph.db (the stored graph the query commands read), the RDF files,
    the HTML views (index.html) and report.json, which counts the files, articles
    and edges and lists every problem: the files seen always equal the articles
    plus the files rejected or skipped. Only what changed is redone; when nothing
    did, nothing is written. A build is swapped in whole at the end: an interrupted
    build leaves the previous one as it was.

    \b
    Example:
        qagraph build -c content -o build
        qagraph build -c posts --field keywords=tags --site-url https://example.org
    """
    import qagraph

    from .load import DEFAULT_MAX_FILE_SIZE
    from .model import SimilarityConfig

    overrides = _overrides(fields)  # first: `--field keywords tags` took tags for a second content folder
    source = _content(content, out, quiet)
    _writing(_BUILD_KEPT)
    wanted = outputs or ("database", "rdf", "html", "report")
    kg = _kept(qagraph.build(
        source, out=out, outputs=wanted, base_iri=base_iri,
        site_url=site_url, formats=formats or ("nq",), rdf_similarity=rdf_similarity, preset=preset,
        overrides=overrides,
        similarity=SimilarityConfig(top_k=top_k, max_df=max_df, rare_df=rare_df, min_score=min_score), strict=strict,
        workers=workers, progress=Progress(quiet), cache=not no_cache, force=force,
        max_file_size=max_file_size or DEFAULT_MAX_FILE_SIZE,
    ))
    info = kg.build_info
    assert info is not None  # a build with out= says what it did
    if info.up_to_date and "database" not in wanted:  # no database to count from: asked, the graph would be made
        _say(f"{out}: up to date", quiet)
        return
    counts = kg.counts
    _say_preset(kg, quiet)
    if info.up_to_date:
        _say(f"{out}: up to date", quiet)
    if counts:
        _say(f"{counts['files']} files: {counts['articles']} articles, {counts['rejected']} rejected, "
             f"{counts.get('skipped', 0)} skipped, {counts['stubs']} stubs; {counts['warnings']} warnings", quiet)
        if not info.up_to_date:
            for problem in kg.problems:
                if problem.severity == ERROR:
                    _say(str(problem), quiet)
    for path in info.written:
        _echo_path(path)
    _say_if_no_article_files(kg, quiet)
    if counts.get("files", 0) and not counts.get("articles", 0):
        from .presets import nothing_loaded

        click.echo(f"qagraph: {nothing_loaded(kg.report(health=False), source)} (see {out}/report.json)", err=True)
        sys.exit(EXIT_CODES["content"])


@cli.command("check")
@content_argument
@content_option
@field_option
@click.option("--warnings/--no-warnings", default=True, show_default=True, help="Also list warnings.")
@click.option("--max-file-size", type=BYTES, default=None, metavar="BYTES",
              help="As for build (default 8 MiB).")
@json_option
def check_command(content: Path | None, preset: str, fields: tuple[str, ...], warnings: bool,
                  max_file_size: int | None, as_json: bool) -> None:
    """List the problems of CONTENT as path:line: message.

    Exit 0 when every file loads, 1 when some file is rejected, 2 on a usage error.

    \b
    Example:
        qagraph check -c content --no-warnings
    """
    import qagraph

    from .load import DEFAULT_MAX_FILE_SIZE

    overrides = _overrides(fields)  # first, as build does
    source = _content(content)
    kg = _kept(qagraph.build(source, preset=preset, overrides=overrides,
                             max_file_size=max_file_size or DEFAULT_MAX_FILE_SIZE))
    _say_preset(kg, as_json)
    _say_if_no_article_files(kg, as_json)
    shown = [p for p in kg.problems if warnings or p.severity == ERROR]
    counts = kg.counts
    if as_json:
        _emit_json({"counts": counts, "problems": [p.as_dict() for p in shown]})
    else:
        for problem in shown:
            click.echo(printable(str(problem)))
        click.echo(
            f"{counts['files']} files: {counts['articles']} articles, {counts['rejected']} rejected, "
            f"{counts.get('skipped', 0)} skipped, {counts['warnings']} warnings", err=True,
        )
    if counts.get("files", 0) and not counts.get("articles", 0):  # why, and what auto would choose, as build says
        from .presets import nothing_loaded

        click.echo(f"qagraph: {nothing_loaded(kg.report(health=False), source)}", err=True)
    if counts["rejected"]:
        sys.exit(EXIT_CODES["content"])


@cli.command("stats")
@build_option
@content_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=0),
              help="How many subjects and keywords to list.")
@json_option
@quiet_option
def stats_command(build_dir: Path | None, rebuild: bool, content: Path | None, top: int, as_json: bool,
                  quiet: bool) -> None:
    """Counts of nodes and edges by kind, and the biggest subjects and keywords.

    \b
    Example:
        qagraph stats --json
    """
    kg = _graph(build_dir, content, rebuild, quiet)
    counts = kg.counts
    subjects = [(kg.label(n), c) for n, c in kg.top_subjects(top)]
    keywords = [(kg.label(n), c) for n, c in kg.top_keywords(top)]
    if as_json:
        _emit_json({"counts": counts, "top_subjects": subjects, "top_keywords": keywords})
        return
    click.echo(f"files      {counts['files']} ({counts['articles']} articles, {counts['rejected']} rejected, "
               f"{counts.get('skipped', 0)} skipped)")
    for kind, n in counts["nodes"].items():
        click.echo(f"nodes      {kind:<14}{n}")
    for kind, n in counts["edges"].items():
        click.echo(f"edges      {kind:<14}{n}")
    click.echo(f"problems   {counts['errors']} errors, {counts['warnings']} warnings")
    if top:  # --top 0: the counts alone, not two lines that list nothing
        for name, top_nodes in (("subjects", subjects), ("keywords", keywords)):
            listed = ", ".join(f"{label} ({c})" for label, c in top_nodes) or "(none)"
            click.echo(printable_line(f"top {name}: {listed}"))


def _outside(kg: Any, article: str) -> bool:
    """Whether ``article`` names a stub: a related article outside the corpus, which has no links or
    keywords of its own (an empty answer about it is no finding about the corpus)."""
    return bool(kg.node(kg.article(article)).get("kind") == "stub")


@cli.command("related")
@click.argument("article", type=TEXT)
@click.option("--backlinks", is_flag=True,
              help="The articles that link to ARTICLE instead (a note's backlinks, as Obsidian shows them), sorted.")
@build_option
@content_option
@json_option
@quiet_option
def related_command(article: str, backlinks: bool, build_dir: Path | None, rebuild: bool, content: Path | None,
                    as_json: bool, quiet: bool) -> None:
    """Articles that ARTICLE (url, path or id) links to, in link order.

    \b
    Example:
        qagraph related 165309
        qagraph related /learn/biology/questions/how-does-dna-replication-work --json
        qagraph related "Reading list" --backlinks
    """
    kg = _graph(build_dir, content, rebuild, quiet)
    nodes = kg.linked_from(article) if backlinks else kg.related(article)
    if as_json:
        _emit_json([_node_json(kg, n) for n in nodes])
        return
    for node in nodes:
        click.echo(_describe(kg, node))
    if not nodes:
        import shlex

        shown = printable_line(article)  # one line, and a command that can be pasted
        if backlinks:
            _say(f"{shown}: no article links to it", quiet)
        elif _outside(kg, article):
            _say(f"{shown}: outside the corpus (a link's target with no file here): it has no links of its own", quiet)
        else:
            named = ("-- " if shown.startswith("-") else "") + shlex.quote(shown)  # `-x.md` is no option
            _say(f"{shown}: no related links (`qagraph similar {named}` ranks articles by shared keywords)", quiet)


@cli.command("similar")
@click.argument("article", type=TEXT)
@click.option("-k", default=10, show_default=True, type=click.IntRange(min=1), help="How many.")
@build_option
@content_option
@json_option
@quiet_option
def similar_command(article: str, k: int, build_dir: Path | None, rebuild: bool, content: Path | None,
                    as_json: bool, quiet: bool) -> None:
    """Articles most similar to ARTICLE (url, path or id) by shared keywords.

    \b
    Example:
        qagraph similar 165309 -k 5
    """
    kg = _graph(build_dir, content, rebuild, quiet)
    found = kg.similar(article, k)
    if as_json:
        _emit_json([_node_json(kg, n, weight=w, shared=list(s)) for n, w, s in found])
        return
    for node, weight, shared in found:
        click.echo(f"{weight:.4f}  {_describe(kg, node)}  ({printable_line(', '.join(shared))})")
    if not found:
        why = ("outside the corpus (a link's target with no file here): it has no keywords" if _outside(kg, article)
               else "no similar article (none shares enough keywords with it)")
        _say(f"{printable_line(article)}: {why}", quiet)


@cli.command("find")
@click.argument("words", nargs=-1, required=True, type=TEXT)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many articles.")
@build_option
@content_option
@json_option
@quiet_option
def find_command(words: tuple[str, ...], limit: int, build_dir: Path | None, rebuild: bool, content: Path | None,
                 as_json: bool, quiet: bool) -> None:
    """Articles whose title holds all WORDS (any case).

    \b
    Example:
        qagraph find dna replication
    """
    kg = _graph(build_dir, content, rebuild, quiet)
    nodes = kg.find(" ".join(words), limit)
    if as_json:
        _emit_json([_node_json(kg, n) for n in nodes])
        return
    for node in nodes:
        click.echo(_describe(kg, node))
    if not nodes:
        _say(f"no article title holds all of: {' '.join(words)}", quiet)


@cli.command("path")
@click.argument("source", type=TEXT)
@click.argument("target", type=TEXT)
@build_option
@content_option
@json_option
@quiet_option
def path_command(source: str, target: str, build_dir: Path | None, rebuild: bool, content: Path | None,
                 as_json: bool, quiet: bool) -> None:
    """The shortest chain of related/similar links from SOURCE to TARGET (url, path or id).

    Prints nothing (and says so on stderr) when no chain joins them.

    \b
    Example:
        qagraph path 165309 165317
    """
    kg = _graph(build_dir, content, rebuild, quiet)
    nodes = kg.path(source, target)
    if as_json:
        _emit_json([_node_json(kg, n) for n in nodes])
    else:
        for node in nodes:
            click.echo(_describe(kg, node))
    if not nodes:
        _say(f"no chain of links between {printable_line(source)} and {printable_line(target)}", quiet)


@cli.command("export")
@click.option("-f", "--format", "fmt", required=True, type=click.Choice(["graphml", "gexf", "json", "csv"]),
              help="graphml (yEd, Cytoscape), gexf (Gephi), json (node-link), csv (a folder: nodes.csv, edges.csv).")
@click.option("-o", "--output", required=True, type=_Path(path_type=Path),
              help="The file (or folder, for csv); - for stdout.")
@click.option("--kind", "kinds", multiple=True, help="Only edges of this kind (repeatable; default: all).")
@build_option
@content_option
@quiet_option
def export_command(fmt: str, output: Path, kinds: tuple[str, ...], build_dir: Path | None, rebuild: bool,
                   content: Path | None, quiet: bool) -> None:
    """Export the graph for other tools: GraphML, GEXF (Gephi), node-link JSON or CSV tables.

    Every attribute is a string, number or boolean (lists and mappings as JSON text),
    so the files open in Gephi, Cytoscape, yEd or a spreadsheet.

    \b
    Example:
        qagraph export -f gexf -o corpus.gexf
        qagraph export -f csv -o tables --kind related --kind similar
    """
    from .export import write_export

    output = _output(output, "a CSV export (nodes.csv, edges.csv)" if fmt == "csv" else "")
    # one file into a folder: refused before the build is loaded, as view's and suggest's -o is
    if fmt != "csv" and output.is_dir() and output != STDOUT_PATH:
        raise click.BadParameter(f"File {str(output)!r} is a directory (-f {fmt} writes one file; -f csv, a folder).",
                                 param_hint="'-o' / '--output'")
    kg = _graph(build_dir, content, rebuild, quiet)
    for path in write_export(kg.graph, output, fmt, kinds=kinds or None):
        _echo_written(path)


@cli.command("suggest")
@click.argument("refs", nargs=-1, metavar="[ARTICLE]...", type=TEXT)
@click.option("--max-related", default=5, show_default=True, type=click.IntRange(min=0),
              help="Suggest links for articles with fewer related links than this.")
@click.option("-k", default=None, type=click.IntRange(min=1),
              help="At most this many candidates per article (default: its free slots).")
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "json"]), default=None,
              help="CSV for spreadsheets, JSON for programs (default: by the -o file's suffix, else CSV).")
@click.option("-o", "--output", type=_Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of stdout.")
@build_option
@content_option
@json_option
@quiet_option
def suggest_command(refs: tuple[str, ...], max_related: int, k: int | None, fmt: str | None, output: Path | None,
                    build_dir: Path | None, rebuild: bool, content: Path | None, as_json: bool, quiet: bool) -> None:
    """Related links an editor could add: similar articles not linked yet, with the shared keywords behind each.

    One row per candidate, for every article with fewer than --max-related related links (for the
    ARTICLEs alone when given: id, url, path or name, as related takes them).

    \b
    Example:
        qagraph suggest -o suggestions.csv
        qagraph suggest -f json -k 3
        qagraph suggest 165309
    """
    from .fileio import atomic_open
    from .kinds import ARTICLE
    from .suggest import write_suggestions

    if as_json and fmt == "csv":
        raise UsageError("--json asks for JSON, -f csv for CSV: give one")
    fmt = fmt or ("json" if as_json or (output is not None and output.suffix.lower() == ".json") else "csv")
    if output is not None and str(output) == "-":
        output = None  # stdout, where the suggestions go without -o
    if output is not None:
        _not_an_article(output)
    kg = _graph(build_dir, content, rebuild, quiet)
    named = {ref: kg.article(ref) for ref in refs}
    rows = kg.suggest(max_related=max_related, k=k, articles=list(named.values()) if refs else None)
    notes = []  # an article named and given no row: why, said once the rows are out
    for ref, node in named.items():
        if not any(row.article == node for row in rows):
            related = sum(1 for other in kg.related(node) if other != node)
            why = ("is not in the corpus (a related link's target)" if kg.node(node).get("kind") != ARTICLE else
                   f"has {related} related links (--max-related {max_related}): no free slot" if related >= max_related
                   else "has no similar article it does not link to yet")
            notes.append(f"no suggestions for {printable_line(ref)}: it {why}")
    if not rows and not refs:  # the CSV's header alone, or [], said as every query that finds nothing says it
        notes.append(f"no suggestions: no article with fewer than {max_related} related links has a similar article "
                     "it does not link to yet")
    if output is not None:  # written as it is made (53 MB of CSV at 36k articles), never held whole
        try:
            with atomic_open(output, devices=True) as handle:
                write_suggestions(rows, handle.write, fmt)
        except BrokenPipeError:  # -o /dev/stdout | head: the reader has what it wanted (exit 141)
            raise
        except OSError as exc:
            from .errors import OutputError

            raise OutputError(f"cannot write: {exc.strerror or exc}", path=str(output)) from None
        _say(f"{len(rows)} suggestions written to {output}", quiet)
    else:
        def echo(text: str) -> None:
            click.echo(text, nl=False, color=True)  # the data as it is: click strips ESC from a pipe

        write_suggestions(rows, echo, fmt)
        if fmt == "json":
            click.echo("")
    for note in notes:
        _say(note, quiet)


@cli.command("health")
@build_option
@content_option
@json_option
@quiet_option
def health_command(build_dir: Path | None, rebuild: bool, content: Path | None, as_json: bool, quiet: bool) -> None:
    """The site's health for editors: unlinked articles, links that leave the corpus, the same question
    in several subjects, subjects and keywords spelled several ways, malformed keywords, articles with
    nothing similar.

    Each finding's count, what it means, and its first items (title and file); --json lists them all.

    \b
    Example:
        qagraph health
        qagraph health --json > health.json
    """
    from .health import FINDINGS, HEALTH_SHOWN, health_summary

    kg = _graph(build_dir, content, rebuild, quiet)
    found = kg.report().get("health")
    if found is None:
        from .health import health

        found = health(kg.graph)
    if as_json:
        _emit_json(found)
        return
    summary = health_summary(found) or {}
    for name, item in found.items():
        if not isinstance(item, dict):
            click.echo(f"{name.replace('_', ' '):<22}{item}")
            continue
        shown = summary.get(name) or {}
        click.echo(f"{name.replace('_', ' '):<22}{item.get('count', 0):<8}{FINDINGS.get(name, '')}".rstrip())
        for text, _ in shown.get("items", ()):
            click.echo(f"  {printable_line(text)}")  # a title's control characters and line breaks escaped
        if (more := int(shown.get("listed", 0)) - HEALTH_SHOWN) > 0:
            click.echo(f"  and {more} more (--json lists every one)")


# -- RDF: push, query, validate (qagraph.rdf) --------------------------------------------


@cli.command("push")
@click.argument("out", type=_Path(exists=True, path_type=Path), default=DEFAULT_BUILD, required=False)
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph).")
@click.option("--graph", "graph_iri", metavar="IRI",
              help="Put every triple into this named graph (default: the export's own named graphs).")
@click.option("--timeout", default=300.0, show_default=True, metavar="SECONDS", help="Seconds to wait for the store.")
def push_command(out: Path, endpoint: str, graph_iri: str | None, timeout: float) -> None:
    """Load the RDF export OUT (a build folder or one RDF file) into a triple store.

    Each named graph replaces the store's graph of that name (SPARQL 1.1 Graph Store
    Protocol, HTTP PUT), so pushing again adds no duplicates. Exit 4 when the store
    cannot be reached or answers with an error.

    \b
    Example:
        qagraph push build --endpoint http://127.0.0.1:7878/store
    """
    from .rdf import push

    _writing("; the store holds the graphs sent until then (push again to replace each one whole)")
    sent = push(out, endpoint, graph_iri, timeout=timeout)
    click.echo(f"{sent} triples sent to {endpoint}")


def _query_text(argument: str) -> str:
    """The SPARQL text an argument names: itself, stdin for ``-``, or the file of that name (a
    query holds spaces; a name that holds none and names a file is read)."""
    from .rdf.query import MAX_QUERY_CHARS

    def bounded(text: str, path: str | None) -> str:  # a file of gigabytes is not read whole to be refused
        if len(text) > MAX_QUERY_CHARS:
            raise UsageError(f"the query holds more than {MAX_QUERY_CHARS:,} characters, the limit for a query "
                             "(a data file given by mistake?)", path=path)
        return text

    if argument == "-":
        if sys.stdin is None:  # started with stdin closed (<&-)
            raise UsageError("no query to read: stdin is closed")
        return utf8_text(bounded(sys.stdin.read(MAX_QUERY_CHARS + 1), None))
    if argument and not any(c.isspace() for c in argument) and os.path.isfile(argument):
        try:
            with open(argument, encoding="utf-8-sig") as handle:
                return bounded(handle.read(MAX_QUERY_CHARS + 1), argument)
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read the query: {getattr(exc, 'strerror', None) or exc}", path=argument) from None
    if argument and not any(c.isspace() or c in "{<" for c in argument) and (
            "/" in argument or os.path.splitext(argument)[1].lower() in (".rq", ".sparql", ".txt")):
        # a file's name that names no file, not a query to be parsed ("expected CONSTRUCT" at its end)
        raise UsageError(f"no query file {printable_line(argument)} (give a query's file, or the query itself "
                         "in quotes)")
    return utf8_text(argument)


@cli.command("query")
@click.argument("sparql_text", metavar="SPARQL")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True, help="Table for people; SPARQL 1.1 CSV or JSON results for programs.")
@click.option("--rdf", "rdf_path", type=_Path(exists=True, path_type=Path),
              help="Query this RDF export (file or folder) instead of the build.")
@click.option("--endpoint", metavar="URL", default=None,
              help="Query this SPARQL endpoint instead (e.g. the Oxigraph server that push filled).")
@click.option("--base-iri", default=None, metavar="IRI", type=TEXT, help="Base IRI of the RDF resources.")
@click.option("--timeout", type=float, default=None, metavar="SECONDS",
              help="Give the query up after this long (exit 4); loading a build's store on its first query "
                   "is not counted. Default: no limit (an endpoint: 60 s).")
@click.option("--allow-service", "services", is_flag=True,
              help="Let the query call other endpoints (SERVICE <url>): refused otherwise, as a query makes no "
                   "network request unless allowed.")
@click.option("--bind", "binds", multiple=True, metavar="NAME=TERM", type=TEXT,
              help="Give the variable ?NAME the value TERM, written as in SPARQL (<https://...>, schema:Question, "
                   "'\"text\"', 42, true), as if it held it from the query's start (repeatable).")
@json_option
@build_option
@content_option
@quiet_option
def query_command(sparql_text: str, fmt: str, rdf_path: Path | None, endpoint: str | None, base_iri: str | None,
                  timeout: float | None, services: bool, binds: tuple[str, ...], as_json: bool,
                  build_dir: Path | None, rebuild: bool, content: Path | None, quiet: bool) -> None:
    """Run a SPARQL query over the graph and print the result ("-" reads it from stdin, a
    file's name (query.rq) the file).

    The prefixes qa: schema: skos: dct: rdf: rdfs: xsd: void: prov: need no declaration;
    the default graph holds every statement. The first query on a build loads its RDF into
    an embedded store kept in the build (.qagraph/store); later ones answer at once.

    \b
    Example:
        qagraph query "SELECT ?s (COUNT(?q) AS ?n) WHERE { ?q dct:subject ?s } GROUP BY ?s"
        qagraph query --endpoint http://127.0.0.1:7878/query "ASK { ?s ?p ?o }"
        qagraph query queries/by-subject.rq -f csv
        qagraph query "SELECT ?title { ?q schema:identifier ?id ; schema:name ?title }" --bind id=165309
    """
    from .rdf import format_results, sparql
    from .rdf.bindings import bind, parse_term
    from .rdf.query import time_limit

    bindings = {}
    for given_bind in binds:
        name, eq, term = given_bind.partition("=")
        if not eq or not name.strip():
            raise UsageError(f"--bind {printable_line(given_bind)}: write it as NAME=TERM (id=165309)")
        bindings[name.strip()] = parse_term(term, f"--bind {printable_line(name.strip())}")
    sparql_text = bind(_query_text(sparql_text), bindings)
    given, timeout = timeout is not None, time_limit(timeout)  # a bad one refused before anything is loaded
    if as_json and fmt != "json" and \
            click.get_current_context().get_parameter_source("fmt") == click.core.ParameterSource.COMMANDLINE:
        raise UsageError(f"--json asks for JSON, -f {fmt} for {fmt.upper() if fmt == 'csv' else 'a table'}: give one")
    fmt = "json" if as_json else fmt
    if endpoint is not None:
        from .rdf import sparql_endpoint

        result = sparql_endpoint(endpoint, sparql_text, timeout=timeout) if given else \
            sparql_endpoint(endpoint, sparql_text)
        click.echo(format_results(result, fmt), nl=False, color=True)  # not stripped of ESC in a pipe
        return

    def write(text: str) -> None:  # the rows as they are read: an answer of millions streams out
        click.echo(text, nl=False, color=True)

    if rdf_path is not None:
        from .rdf import DEFAULT_BASE_IRI

        if rdf_path.is_dir():  # its parts, in the store it keeps
            _note_store_load(rdf_path, quiet, sparql_text)
        sparql(rdf_path, sparql_text, base_iri=base_iri or DEFAULT_BASE_IRI, timeout=timeout, write=write, fmt=fmt,
               services=services)
    elif (parts := _rdf_only_build(build_dir, content, rebuild)) is not None:
        from .rdf import DEFAULT_BASE_IRI

        built = _build_base_iri(parts) or DEFAULT_BASE_IRI
        if base_iri is not None and base_iri != built:  # its graph, to export again, is in no database
            raise UsageError(f"the build in {parts} holds its RDF only (no database), made with the base IRI "
                             f"{built}: --base-iri {base_iri} needs the database (qagraph build -o {parts})")
        state = _build_state(parts)
        if rebuild:  # made again as it was made (--only rdf): its parts, up to date, are the answer
            _rebuilt(parts, content, state, quiet)
        else:
            source = content if content is not None else _recorded_content(parts, state)
            if source is not None and source.is_dir() and not quiet:
                _note_changes_at_close(parts, source, state)
        _note_store_load(parts, quiet, sparql_text)
        sparql(parts, sparql_text, base_iri=built, timeout=timeout, write=write, fmt=fmt, services=services)
    else:
        kg = _graph(build_dir, content, rebuild, quiet)
        if kg.build_dir is not None and base_iri is None:  # (another base IRI: the graph exported again, in memory)
            _note_store_load(kg.build_dir, quiet, sparql_text)
        kg.sparql(sparql_text, base_iri=base_iri, timeout=timeout, write=write, fmt=fmt, services=services)


def _note_store_load(build: Path, quiet: bool, query: str | None = None) -> None:
    """Say why the first SPARQL query (or ``validate``, whose ``query`` is None) of a build waits (13-40 s
    at 36,000 articles): its RDF is loaded into the store kept in the build, once (the default graph
    alone, unless the query names a graph)."""
    if quiet:
        return
    from .rdf.query import names_graphs
    from .rdf.store import store_to_load

    found = store_to_load(build, graphs=query is not None and names_graphs(query))
    if found is not None:
        parts, size = found
        amount = f"{size / 1e6:,.0f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"
        _say(f"qagraph: loading the RDF of {printable_line(str(build))} ({parts:,} part{'s' * (parts != 1)}, "
             f"{amount}) into the SPARQL store it keeps, once; later queries answer at once")


def _rdf_only_build(build_dir: Path | None, content: Path | None, rebuild: bool) -> Path | None:
    """The build folder a query answers from when it was made with its RDF and without its database
    (``--only rdf``): its parts are what a SPARQL query reads; with ``rebuild``, one whose record says it
    was made so (made again so, its parts may be gone). ``None`` for any other (:func:`_graph`'s)."""
    from .fileio import is_build_folder
    from .rdf import part_files

    where = build_dir if build_dir is not None else _default_build(content)
    if (where / "qagraph.db").is_file() or not is_build_folder(where):
        return None
    if rebuild:  # made again with its own settings: one that writes its RDF and no database
        settings = _build_state(where).get("settings")
        outputs = settings.get("outputs") if isinstance(settings, dict) else None
        made = outputs if isinstance(outputs, list) else []
        return where if "rdf" in made and "database" not in made else None
    if build_dir is None and content is not None and not _made_from(where, content):
        return None  # ./build is another folder's: the content named is the question
    return where if part_files(where) else None


@cli.command("validate")
@click.argument("target", type=_Path(exists=True, path_type=Path), default=DEFAULT_BUILD, required=False)
@click.option("--base-iri", default=None, metavar="IRI", type=TEXT, help="Base IRI of the RDF resources.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Processes running the checks (default: one per core).")
@quiet_option
def validate_command(target: Path, base_iri: str | None, workers: int | None, quiet: bool) -> None:
    """Check TARGET (a build folder, an RDF file or a content folder) against the SHACL shapes; exit 1 on a violation.

    Each violation names the shape, the value and, for a build, the article's file.

    \b
    Example:
        qagraph validate build
    """
    import qagraph

    from .rdf import DEFAULT_BASE_IRI, part_files, validate

    files: dict[str, str] | None = None
    subject: Any = target
    built = target.is_dir() and (target / "qagraph.db").is_file()
    if built:
        files = _article_files(target, base_iri)
    if built and not part_files(target):
        # a build without its RDF (built without it, or its parts removed): the graph its database
        # holds, as a query answers from; read as a content folder, it was no article and conformed
        subject = _kept(qagraph.open(target)).graph
    elif target.is_dir() and not part_files(target):
        from .fileio import is_build_folder

        if is_build_folder(target):  # a build (--only html): read as content, no article conformed
            raise UsageError(f"a build without its RDF or its database: nothing to validate (run: qagraph build "
                             f"-o {target}, without --only or with --only rdf)", path=str(target))
        subject = _kept(qagraph.build(target, progress=Progress(quiet))).graph
    if target.is_dir() and part_files(target):
        _check_void(target)
        _note_store_load(target, quiet)  # the parts are checked in the store the build keeps
    report = validate(subject, base_iri=base_iri or _build_base_iri(target) or DEFAULT_BASE_IRI, files=files,
                      workers=workers)
    click.echo(report.text.rstrip())
    if not report.conforms:
        sys.exit(EXIT_CODES["content"])


def _check_void(target: Path) -> None:
    """The build's dataset description (``rdf/void.ttl``, beside the parts) is RDF: ``validate`` read
    the parts alone, and a build whose void.ttl was cut short or overwritten conformed.

    Raises:
        OutputError: it is not valid Turtle (the file and line named): a build folder damaged.
    """
    import pyoxigraph as ox

    from .rdf import RDF_DIR

    void = target / RDF_DIR / "void.ttl"
    if not void.is_file():
        return
    try:
        for _ in ox.parse(path=str(void), format=ox.RdfFormat.TURTLE):
            pass
    except (SyntaxError, ValueError) as exc:
        from .rdf.store import not_valid

        raise not_valid(void, exc) from None


def _build_base_iri(target: Path) -> str | None:
    """The base IRI the build in ``target`` was made with, when its record names one."""
    settings = _build_state(target).get("settings")
    base = settings.get("base_iri") if isinstance(settings, dict) else None
    return str(base) if base else None


def _article_files(target: Path, base_iri: str | None) -> dict[str, str]:
    """Article IRI -> file path, from a build's database, so violations name their file.

    Raises:
        OutputError: the database is not one this qagraph reads, or is damaged (cut short, zeroed,
            another SQLite file): as the query commands say it, not an internal error.
    """
    import sqlite3

    from .database import BuildDatabase
    from .errors import OutputError
    from .rdf import DEFAULT_BASE_IRI, IRIs

    iris = IRIs(base_iri or _build_base_iri(target) or DEFAULT_BASE_IRI)
    db = BuildDatabase(target / "qagraph.db")
    try:
        return {iris.article(key): path for key, path in db.con.execute("SELECT key, path FROM articles")}
    except sqlite3.DatabaseError as exc:
        raise OutputError(f"the build database is damaged ({type(exc).__name__}: {exc}); build again",
                          path=str(db.path)) from None
    finally:
        db.close()


# -- HTML views (qagraph.html) ----------------------------------------------------------


@cli.command("view")
@click.argument("article", required=False, type=TEXT)
@click.option("--hops", default=1, show_default=True, type=click.IntRange(min=0),
              help="Steps along related and similar links from ARTICLE.")
@click.option("--keyword", type=TEXT, help="Draw this keyword and its articles instead of an article.")
@click.option("--subject", type=TEXT, help="Draw this subject (slug or name) instead of an article.")
@click.option("-o", "--output", required=True, type=_Path(dir_okay=False, path_type=Path),
              help="The HTML file to write (one file, works offline); - for stdout.")
@click.option("--site-url", metavar="URL", type=TEXT,
              help="Joined to the articles' urls (site paths) for the links in the view.")
@build_option
@content_option
@quiet_option
def view_command(article: str | None, hops: int, keyword: str | None, subject: str | None, output: Path,
                 site_url: str | None, build_dir: Path | None, rebuild: bool, content: Path | None,
                 quiet: bool) -> None:
    """Write an interactive view of ARTICLE's neighbourhood (url, path or id) to one HTML file.

    With --keyword or --subject instead of ARTICLE, draw that keyword with its
    articles, or that subject. The file needs no network: open it from disk.

    \b
    Example:
        qagraph view 165309 -o dna.html
        qagraph view --keyword algorithms -o algorithms.html
    """
    from .html import write_keyword, write_neighbourhood, write_subject
    from .html.select import neighbourhood_graph
    from .html.update import view_graph

    if sum(x is not None for x in (article, keyword, subject)) != 1:
        raise click.UsageError("name exactly one of ARTICLE, --keyword or --subject")
    output = _output(output)
    kg = _graph(build_dir, content, rebuild, quiet)
    # each view from the part of the graph it reads (a build's whole graph at 36,000 articles: 6-8 s, 1 GB)
    if keyword is not None:
        node = kg.keyword(keyword)
        path = write_keyword(view_graph(kg, node), node, output, site_url=site_url)
    elif subject is not None:
        node = kg.subject(subject)
        path = write_subject(view_graph(kg, node), node, output, site_url=site_url)
    else:
        node = kg.article(article)
        # only the part the view reads: the neighbourhood of an article 5,000 others link to is
        # 45,000 nodes with its keywords, of which the view draws a thousand or so
        path = write_neighbourhood(neighbourhood_graph(kg, node, hops), node, output, hops=hops, site_url=site_url)
    _echo_written(path)


#: what a command says when its output cannot be written (``> /dev/full``, a full disk, a dead terminal)
_STDOUT_FAILED = "cannot write the output (stdout): %s"


class _ClosedStdout(io.TextIOBase):
    """Stdout of a process started without one (``qagraph stats >&-``), where Python's ``sys.stdout``
    is None and ``click.echo`` and ``print`` write nothing: a command then wrote no output and exited
    0. Every write fails here as one to a closed descriptor does (``cat file >&-``: "Bad file
    descriptor"), and the command says it could not write its output; one that writes nothing on
    stdout (``build``) is not concerned."""

    encoding = "utf-8"
    errors = "strict"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def _stdout_failed(exc: OSError) -> bool:
    """Whether ``exc`` is a failure to write stdout: every command writes its output with ``click.echo``
    (which flushes), so the innermost frame of the failure is click's, writing to stdout, not stderr
    (or a write to a stdout that was closed when the process started: :class:`_ClosedStdout`)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is not None and tb.tb_frame.f_code is _ClosedStdout.write.__code__:
        return True
    return (not getattr(exc, "filename", None) and tb is not None and tb.tb_frame.f_code is click.utils.echo.__code__
            and not tb.tb_frame.f_locals.get("err"))


def _drop_stdout() -> None:
    """Send what is left in stdout's buffer, and all after it, to /dev/null: no second error as the
    process ends."""
    with suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


class Terminated(KeyboardInterrupt):
    """SIGTERM in the command line's process (``kill``, ``timeout``, a service or a container
    stopped): raised where Ctrl-C raises :class:`KeyboardInterrupt`, so that a command so stopped
    ends as an interrupted one does: its helper processes stopped, its staging folder removed, the
    previous build as it was, one line said; exit 143. With Python's default a build died at once
    without a word, its staging folder left for the next build to remove."""


def _ending(exc: BaseException) -> str:
    """What stopped the command: ``"terminated"`` (SIGTERM) or ``"interrupted"`` (Ctrl-C)."""
    return "terminated" if isinstance(exc, Terminated) else "interrupted"


def _on_sigterm(signum: int, frame: Any) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one cannot interrupt the ending
    raise Terminated


def _sigterm_default() -> None:
    """In a process forked from the command line's: SIGTERM ends it at once, as it always did (a
    pool's ``terminate`` sends it; the parent cleans up), and is no longer held back
    (:func:`qagraph.workers.interrupts_held` holds it while processes start)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})


def _terminate_as_interrupt() -> None:
    """From now on, SIGTERM raises :class:`Terminated` in this process (not in those it forks)."""
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread (the command line run from a thread): left as it is
        return
    os.register_at_fork(after_in_child=_sigterm_default)


def main() -> None:
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    _terminate_as_interrupt()
    if sys.stdout is None:  # started with stdout closed (>&-)
        sys.stdout = _ClosedStdout()
    try:
        cli(prog_name="qagraph")
    except SystemExit as done:  # click ends every command so, with its exit code
        _exit_now(done.code)
    except OSError as exc:  # writing --help, --version or a usage error, before any command runs
        if isinstance(exc, BrokenPipeError):
            _drop_stdout()
            _exit_now(EXIT_CODES["closed-pipe"])
        _exit_now(_said_failed(exc) if _stdout_failed(exc) else EXIT_CODES["output"])


#: the graph a command built, left for the end of the process (:func:`_exit_now`)
_KEPT: list[Any] = []


def _kept(kg: T) -> T:
    """``kg``, kept until the process ends: freed as the command returned, the graph of a cold
    build of 36k articles took 0.8 s (millions of dicts and strings, one at a time); the system
    takes the whole process down at once. Only the last is kept."""
    _KEPT[:] = [kg]
    return kg


def _exit_now(code: int | str | None) -> None:
    """End the process with ``code`` (as ``sys.exit`` would) once its output is out, without
    tearing down its objects one by one (:func:`_kept`). Every file the command wrote is
    closed by then; build() has waited for its processes."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:  # a closed pipe (qagraph ... | head): nothing more to say
            pass
        except OSError as exc:  # the last of the output could not be written (> /dev/full): said, as cat says it
            if stream is sys.stdout:
                code = _said_failed(exc, code)
        except ValueError:  # closed
            pass
    os._exit(code or 0)


def _said_failed(exc: OSError, code: int | None = None) -> int:
    """Say on stderr that stdout could not be written (``exc``), if stderr can take it, and let what is
    left in stdout's buffer go; the exit code: ``code``, else the output error's."""
    _drop_stdout()
    with suppress(OSError, ValueError):  # stderr failing too: nothing to say it on
        if sys.stderr is not None:  # closed (2>&-): print() would write to stdout
            print(f"qagraph: {_STDOUT_FAILED % (exc.strerror or exc)}", file=sys.stderr, flush=True)
    return code or EXIT_CODES["output"]
