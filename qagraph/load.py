"""Read a folder of article files into validated :class:`~qagraph.model.Article` records.

Every ``.md`` file under the folder ends up either as an article or as a problem
(:class:`~qagraph.errors.Problem`, with path and line); one bad file never stops the
others, and :class:`LoadResult` counts add up: ``files == articles + rejected``.
Parsing uses PyYAML's C loader with a resolver that never constructs an object from a
tag and keeps YAML 1.1 look-alikes (``on``, ``yes``, ``16.10``) as the text they are.
Large folders are parsed by a process pool.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import pickle
import re
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ._version import __version__
from .cache import ParseCache, digest
from .errors import ERROR, WARNING, Problem, QagraphError
from .model import Article, FieldMap, Progress, RelatedLink
from .normalize import clean, slugify, split_keywords, unescape_newlines

__all__ = ["LoadResult", "Scan", "find_files", "load", "parse_text", "scan"]

Outcome = tuple[Article | None, list[Problem]]

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe C loader; booleans are only true/false and floats stay text.

    Typed fields (``id``, ``score``, ``date``) are converted by the loader below,
    so a title like ``16.10`` or a keyword ``on`` keeps its spelling.
    """


FrontMatterLoader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:float")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

_DELIM_YAML = "---"
_DELIM_TOML = "+++"


@dataclass
class LoadResult:
    """What :func:`load` found: articles, problems and the counts that tie them."""

    root: str
    articles: list[Article]
    problems: list[Problem]
    files: int  #: article files seen (by suffix)
    ignored: int  #: other files skipped (images, .DS_Store, ...)
    rejected: list[str] = field(default_factory=list)  #: paths of files not in the result

    @property
    def counts(self) -> dict[str, int]:
        return {
            "files": self.files,
            "articles": len(self.articles),
            "rejected": len(self.rejected),
            "ignored_files": self.ignored,
            "problems": len(self.problems),
            "errors": sum(p.severity == ERROR for p in self.problems),
            "warnings": sum(p.severity == WARNING for p in self.problems),
        }


def find_files(root: Path, fields: FieldMap = FieldMap()) -> tuple[list[str], int]:
    """Article files under ``root`` as sorted POSIX paths relative to it, and how many others.

    Hidden files and folders (``.DS_Store``, ``.git``) are skipped; links to folders
    are not followed.
    """
    found: list[str] = []
    ignored = 0
    suffixes = tuple(s.lower() for s in fields.suffixes)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, root)
        for name in filenames:
            if name.startswith("."):
                ignored += 1
            elif name.lower().endswith(suffixes):
                found.append(name if rel == "." else f"{rel}/{name}".replace(os.sep, "/"))
            else:
                ignored += 1
    found.sort()
    return found, ignored


@dataclass(frozen=True)
class Scan:
    """The article files of a folder and a digest of each one's bytes."""

    names: list[str]
    ignored: int
    digests: dict[str, bytes]

    def fingerprint(self, *settings: object) -> str:
        """One digest of every path, its content and the ``settings`` given."""
        h = hashlib.blake2b(digest_size=16)
        h.update(repr((settings, self.ignored)).encode())
        for name in self.names:
            h.update(name.encode() + b"\0" + self.digests.get(name, b"?"))
        return h.hexdigest()


def scan(root: str | os.PathLike[str], fields: FieldMap = FieldMap()) -> Scan:
    """Find the article files under ``root`` and digest their bytes (unreadable ones have none)."""
    base = Path(root)
    if not base.is_dir():
        raise QagraphError(f"not a folder: {base}")
    names, ignored = find_files(base, fields)
    digests = {}
    for name in names:
        try:
            digests[name] = digest((base / name).read_bytes())
        except OSError:
            pass  # parsing reports it
    return Scan(names, ignored, digests)


def load(
    root: str | os.PathLike[str],
    *,
    fields: FieldMap = FieldMap(),
    strict: bool = False,
    workers: int | None = None,
    progress: Progress | None = None,
    cache: str | os.PathLike[str] | None = None,
    scanned: "Scan | None" = None,
) -> LoadResult:
    """Load every article file under ``root``.

    ``strict=True`` raises :class:`QagraphError` at the first file that could not be
    loaded. ``workers`` is the number of parsing processes (default: one per core for
    large folders, none for small ones). ``cache`` is a folder where parsed files are
    kept by content digest (:mod:`qagraph.cache`), so a rebuild parses only what changed.

    >>> result = load("content")
    >>> result.counts["files"] == result.counts["articles"] + result.counts["rejected"]
    True
    """
    base = Path(root)
    if not base.is_dir():
        raise QagraphError(f"not a folder: {base}")
    if scanned is None and cache is not None:
        scanned = scan(base, fields)
    if scanned is not None:
        names, ignored = scanned.names, scanned.ignored
    else:
        names, ignored = find_files(base, fields)
    total = len(names)
    if progress:
        progress("load", 0, total)
    store = ParseCache(cache, settings=f"{__version__}|{fields!r}") if cache is not None else None
    outcomes = _parse_all(base, names, fields, workers, progress, store, scanned.digests if scanned else None)
    if store is not None:
        store.save(names, dict(zip(names, outcomes)))

    articles: list[Article] = []
    problems: list[Problem] = []
    rejected: list[str] = []
    owner: dict[str, str] = {}
    for name, (article, found) in zip(names, outcomes):
        problems.extend(found)
        if article is not None and article.key in owner:
            found = [
                Problem(
                    name,
                    article.url_line,
                    f"duplicate article: {article.key} is already used by {owner[article.key]}",
                    "duplicate",
                )
            ]
            problems.extend(found)
            article = None
        if article is None:
            rejected.append(name)
            if strict:
                raise QagraphError.from_problem(next(p for p in found if p.severity == ERROR))
            continue
        owner[article.key] = name
        articles.append(article)
    return LoadResult(str(base), articles, problems, total, ignored, rejected)


# -- parsing ---------------------------------------------------------------------------

_POOL_THRESHOLD = 400  # below this, a process pool costs more than it saves


def _parse_all(
    base: Path, names: Sequence[str], fields: FieldMap, workers: int | None, progress: Progress | None,
    cache: ParseCache | None = None, digests: dict[str, bytes] | None = None,
) -> list[Outcome]:
    hits: dict[str, Outcome] = {}
    if cache is not None and digests is not None:
        hits = cache.lookup(digests)
    todo = [name for name in names if name not in hits]
    if workers is None:
        workers = (os.cpu_count() or 1) if len(todo) >= _POOL_THRESHOLD else 1
    parsed: dict[str, Outcome] = {}
    total = len(names)

    def take(batch: Sequence[str], keys: list[bytes], outcomes: list[Outcome], blob: bytes | None) -> None:
        parsed.update(zip(batch, outcomes))
        if cache is not None:
            cache.add(batch, keys, blob if blob is not None else pickle.dumps(outcomes, 5))
        if progress:
            progress("load", len(hits) + len(parsed), total)

    if workers <= 1 or len(todo) < 2:
        for start in range(0, len(todo), 500):
            batch = todo[start : start + 500]
            keys, outcomes = _parse_batch_outcomes(base, batch, fields)
            take(batch, keys, outcomes, None)
    else:
        chunk = max(50, min(1000, len(todo) // (workers * 8) or 1))
        batches = [todo[i : i + chunk] for i in range(0, len(todo), chunk)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            jobs = [(str(base), batch, fields) for batch in batches]
            for batch, (keys, blob) in zip(batches, pool.map(_parse_batch, jobs)):
                take(batch, keys, pickle.loads(blob), blob)
    if progress and not todo:
        progress("load", total, total)
    return [hits[name] if name in hits else parsed[name] for name in names]


def _parse_batch_outcomes(root: Path, names: Sequence[str], fields: FieldMap) -> tuple[list[bytes], list[Outcome]]:
    keys: list[bytes] = []
    outcomes: list[Outcome] = []
    for name in names:
        try:
            data = (root / name).read_bytes()
        except OSError as exc:
            keys.append(b"")
            outcomes.append((None, [Problem(name, None, f"cannot read file: {exc.strerror or exc}", "io")]))
            continue
        keys.append(digest(data))
        outcomes.append(parse_bytes(name, data, fields))
    return keys, outcomes


def _parse_batch(args: tuple[str, Sequence[str], FieldMap]) -> tuple[list[bytes], bytes]:
    """In a worker process: parse a batch; the outcomes go back pickled once, as bytes
    the cache can store as they are."""
    base, names, fields = args
    keys, outcomes = _parse_batch_outcomes(Path(base), names, fields)
    return keys, pickle.dumps(outcomes, 5)


def parse_file(root: Path, name: str, fields: FieldMap = FieldMap()) -> tuple[Article | None, list[Problem]]:
    """Parse one file (``name`` relative to ``root``); never raises for bad content."""
    try:
        data = (root / name).read_bytes()
    except OSError as exc:
        return None, [Problem(name, None, f"cannot read file: {exc.strerror or exc}", "io")]
    return parse_bytes(name, data, fields)


def parse_bytes(name: str, data: bytes, fields: FieldMap = FieldMap()) -> tuple[Article | None, list[Problem]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, f"not UTF-8 text (byte {exc.start}: {exc.reason})", "encoding")]
    return parse_text(name, text, fields)


def parse_text(name: str, text: str, fields: FieldMap = FieldMap()) -> tuple[Article | None, list[Problem]]:
    """Parse one article's text; ``name`` is its path relative to the corpus root.

    >>> article, problems = parse_text("cs/a.md", "---\\ntitle: What is a graph?\\nurl: /learn/cs/questions/a\\n---\\n")
    >>> article.key, article.subject_slug, problems
    ('/learn/cs/questions/a', 'cs', [])
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    split = _split_front_matter(name, text)
    if isinstance(split, Problem):
        return None, [split]
    delim, fm_text, fm_line, body = split
    try:
        if delim == _DELIM_TOML:
            data = _load_toml(fm_text)
        else:
            data = yaml.load(fm_text, Loader=FrontMatterLoader)  # noqa: S506 - safe loader subclass
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(name, exc, fm_line)]
    except ValueError as exc:  # tomllib.TOMLDecodeError, and YAML constructors on bad dates
        return None, [Problem(name, fm_line, f"invalid front matter: {exc}", "syntax")]
    if data is None:
        return None, [Problem(name, fm_line, "front matter is empty", "not-mapping")]
    if not isinstance(data, dict):
        kind = type(data).__name__
        kind = {"list": "a list", "str": "a string", "int": "a number"}.get(kind, f"a {kind}")
        return None, [Problem(name, fm_line, f"front matter is {kind}, not a mapping of fields", "not-mapping")]
    return _article(name, data, body, fm_text, fm_line, fields)


def _split_front_matter(name: str, text: str) -> tuple[str, str, int, str] | Problem:
    """(delimiter, front matter text, line number of its first line, body)."""
    skipped = 0
    pos = 0
    while True:  # a blank line before the first delimiter is tolerated
        end = text.find("\n", pos)
        line = text[pos:] if end < 0 else text[pos:end]
        if line.strip() or end < 0:
            break
        skipped += 1
        pos = end + 1
    first = line.strip()
    if first not in (_DELIM_YAML, _DELIM_TOML):
        if not text.strip():
            return Problem(name, None, "empty file: no front matter", "no-front-matter")
        return Problem(
            name, skipped + 1, "no front matter: the file must start with a '---' line", "no-front-matter"
        )
    start = pos + len(line) + 1
    closing = re.compile(rf"^{re.escape(first)}[ \t]*$", re.M).search(text, start)
    if closing is None:
        return Problem(
            name, skipped + 1, f"front matter is not closed: no '{first}' line after line {skipped + 1}",
            "no-front-matter",
        )
    body = text[closing.end() + 1 :] if closing.end() < len(text) else ""
    return first, text[start : closing.start()], skipped + 2, body


def _yaml_problem(name: str, exc: yaml.YAMLError, fm_line: int) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = fm_line + mark.line if mark is not None else fm_line
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    if isinstance(exc, yaml.constructor.ConstructorError):
        message = f"invalid YAML: {problem} (tags that construct objects are refused)"
    return Problem(name, line, message, "yaml")


def _load_toml(text: str) -> Any:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ModuleNotFoundError as exc:
            raise ValueError("TOML front matter needs Python 3.11 or the 'tomli' package") from exc
    return tomllib.loads(text)


# -- fields ---------------------------------------------------------------------------

_MISSING = object()


def _get(data: dict, path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


def _first(data: dict, paths: tuple[str, ...], used: set[str]) -> Any:
    for path in paths:
        value = _get(data, path)
        if value is not _MISSING and value is not None and value != "":
            used.add(path)
            return value
    return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # e.g. categories: [Physics]
        value = value[0] if value else None
        if value is None:
            return None
    if isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None


#: most values one kept field may hold: YAML aliases can make a few lines mean billions
MAX_FIELD_VALUES = 100_000


class _TooLarge(Exception):
    pass


def _jsonable(value: Any, budget: list[int] | None = None) -> Any:
    """``value`` with dates as ISO text, keys as text; at most :data:`MAX_FIELD_VALUES` values."""
    if budget is None:
        budget = [MAX_FIELD_VALUES]
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _jsonable(v, budget) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, budget) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _line_of_key(fm_text: str, key: str, fm_line: int) -> int | None:
    idx = fm_text.find(f"\n{key}:")
    if idx >= 0:
        return fm_line + fm_text.count("\n", 0, idx) + 1
    if fm_text.startswith(f"{key}:"):
        return fm_line
    return None


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
        return int(value)
    return None


def _article(
    name: str, data: dict, body: str, fm_text: str, fm_line: int, fields: FieldMap
) -> tuple[Article | None, list[Problem]]:
    problems: list[Problem] = []
    used: set[str] = set()

    def warn(message: str, key: str | None = None, code: str = "field") -> None:
        line = _line_of_key(fm_text, key, fm_line) if key else fm_line
        problems.append(Problem(name, line, message, code, WARNING))

    title = _text(_first(data, fields.title, used))
    if title is None:
        names = ", ".join(fields.title)
        return None, [Problem(name, fm_line, f"no title: none of {names} is set", "no-title")]
    title = clean(title)
    question = _text(_first(data, fields.question, used)) or title
    answer_raw = _first(data, fields.answer, used)
    answer = unescape_newlines(_text(answer_raw) or "") if answer_raw is not None else ""

    url = _text(_first(data, fields.url, used))
    if url is not None and len(url) > 1:
        url = url.rstrip("/")
    folder, _, file_part = name.rpartition("/")
    top = name.split("/", 1)[0] if "/" in name else ""
    stem = file_part.rsplit(".", 1)[0]
    key = url if url else f"{folder}/{stem}" if folder else stem

    subject_label = _text(_first(data, fields.subject, used))
    slug = None
    if url:
        m = re.search(fields.subject_from_url, url)
        if m:
            slug = m.group(1)
    if not slug:
        slug = top or (slugify(subject_label) if subject_label else "") or "uncategorised"
    if subject_label is None:
        subject_label = slug.replace("-", " ").capitalize()
    subject_label = clean(subject_label)

    kw_value = _first(data, fields.keywords, used)
    keywords, keyword_keys = split_keywords(kw_value, fields.keyword_separator)

    raw_id = _first(data, fields.id, used)
    article_id = _as_int(raw_id)
    if raw_id is not None and article_id is None:
        warn(f"id {raw_id!r} is not an integer; kept as data", fields.id[0])
        used.discard(fields.id[0])

    date_value = _first(data, fields.date, used)
    date = None
    if isinstance(date_value, (_dt.date, _dt.datetime)):
        date = date_value.isoformat()
    elif date_value is not None:
        date = str(date_value).strip()
        try:
            _dt.date.fromisoformat(date[:10])
        except ValueError:
            warn(f"date {date!r} is not an ISO date; kept as text", fields.date[0])

    score_value = _first(data, fields.score, used)
    score = None
    if score_value is not None:
        try:
            score = float(score_value)
        except (TypeError, ValueError):
            warn(f"score {score_value!r} is not a number; kept as data", fields.score[0])
            used.discard(fields.score[0])

    no_index_value = _first(data, fields.no_index, used)
    no_index = None
    if isinstance(no_index_value, bool):
        no_index = no_index_value
    elif no_index_value is not None:
        lowered = str(no_index_value).strip().lower()
        if lowered in ("yes", "on", "1", "true"):
            no_index = True
        elif lowered in ("no", "off", "0", "false"):
            no_index = False
        else:
            warn(f"no_index {no_index_value!r} is not a boolean; kept as data", fields.no_index[0])
            used.discard(fields.no_index[0])

    related: list[RelatedLink] = []
    prefix = fields.related_prefix
    for raw_key in data:
        if not isinstance(raw_key, str) or not raw_key.startswith(prefix):
            continue
        suffix = raw_key[len(prefix) :]
        if not suffix.isdigit():
            continue
        value = data[raw_key]
        line = _line_of_key(fm_text, raw_key, fm_line)
        if not isinstance(value, dict):
            if value not in (None, ""):
                problems.append(
                    Problem(name, line, f"{raw_key} is not a mapping of id, title, subject, url; ignored",
                            "related", WARNING)
                )
            used.add(raw_key)
            continue
        link_url = _text(value.get("url"))
        if link_url is not None and len(link_url) > 1:
            link_url = link_url.rstrip("/")
        link_id = _as_int(value.get("id"))
        if link_url is None and link_id is None:
            problems.append(Problem(name, line, f"{raw_key} has neither url nor id; ignored", "related", WARNING))
            used.add(raw_key)
            continue
        related.append(
            RelatedLink(
                int(suffix), link_url, link_id,
                _text(value.get("title")), _text(value.get("subject")), line,
            )
        )
        used.add(raw_key)
    related.sort(key=lambda link: link.position)

    file_name = _text(_first(data, fields.file_name, used)) or file_part
    description = _text(_first(data, fields.description, used))
    author = _text(_first(data, fields.author, used))

    extra: dict[str, Any] = {}
    top_used = {p.split(".", 1)[0] for p in used}

    def keep(name: str, value: Any) -> None:
        try:
            extra[name] = _jsonable(value)
        except _TooLarge:
            warn(f"{name} holds more than {MAX_FIELD_VALUES:,} values (YAML aliases?); not kept", name.split(".")[0])

    for k, v in data.items():
        sk = str(k)
        if sk in used:
            continue
        if sk in top_used and isinstance(v, dict):
            for sub, sv in v.items():
                if f"{sk}.{sub}" not in used:
                    keep(f"{sk}.{sub}", sv)
            continue
        if sk in fields.title or sk in fields.question:
            if _text(v) is not None and clean(_text(v) or "") == title:
                continue  # the corpus repeats the title as article_title/question
        keep(sk, v)

    body = body.strip()
    if body in ("&nbsp;", "&#160;"):
        body = ""

    return (
        Article(
            key=key,
            path=name,
            title=title,
            question=clean(question),
            answer=answer,
            subject=subject_label,
            subject_slug=slug,
            keywords=keywords,
            keyword_keys=keyword_keys,
            related=tuple(related),
            url=url,
            id=article_id,
            description=clean(description) if description else None,
            date=date,
            author=author,
            score=score,
            no_index=no_index,
            file_name=file_name,
            body=body,
            url_line=_line_of_key(fm_text, fields.url[0], fm_line) if url else None,
            extra=extra,
        ),
        problems,
    )

