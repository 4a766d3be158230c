"""The stored build: ``OUT/qagraph.db``, a SQLite database of the whole graph.

One row per node in ``nodes`` and per article, stub, subject and keyword in a table of
its kind; one row per edge in ``edges`` (every registered kind, with its data); every
input file in ``files`` with what became of it; every problem in ``problems``; the
build's settings, counts and content digest in ``meta``. Indexes serve every lookup the
queries make, and ``articles_fts`` (FTS5) serves :meth:`~qagraph.KnowledgeGraph.find`.
The schema is in the README ("The build database"); ``sqlite3 OUT/qagraph.db`` and
``datasette OUT/qagraph.db`` are useful on it without qagraph.

:func:`write_database` writes it from the graph; :class:`BuildDatabase` reads it for
:func:`qagraph.open` without loading the graph. A node's data in the tables round-trips
exactly to the networkx node's attributes (tuples stay tuples).

>>> import qagraph, tempfile, os
>>> kg = qagraph.build("content")
>>> path = write_database(kg.graph, os.path.join(tempfile.mkdtemp(), "qagraph.db"), report=kg.report())
>>> db = BuildDatabase(path)
>>> db.count("articles"), db.node_data("subject:biology")["label"]
(49, 'Biology')
"""

from __future__ import annotations

import errno
import itertools
import json
import json.scanner
import os
from json.encoder import encode_basestring as _string
import sqlite3
import stat
import weakref
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import OutputError
from .health import spelling
from .kinds import ARTICLE, EDGE_KINDS, KEYWORD, NODE_KINDS, STUB, SUBJECT, edge_kind
from .model import RelatedLink
from .normalize import fold, question_key
from .regex import lazy_compile

if TYPE_CHECKING:
    import networkx as nx

    from .errors import Problem
    from .health import Facts, HealthPatch
    from .rdf.triples import Adjacency

__all__ = ["CORPUS_PROBLEMS", "DATABASE", "SCHEMA_VERSION", "BuildDatabase", "DatabasePatch", "count_by_kind", "edge_row_data",
           "meta_text",
           "health_facts", "link_row",
           "patched_health", "patched_health_facts", "report_meta", "title_words", "write_database"]

DATABASE = "qagraph.db"
#: the ``problems`` rows of the corpus as a whole (path ``.``), of folders (``folder/``) and of the site's
#: own files read to fit the field map (a Docusaurus category file): not of an input file, which a patch
#: replaces with the file
CORPUS_PROBLEMS = "path = '.' OR path GLOB '*/' OR path NOT IN (SELECT path FROM files)"
SCHEMA_VERSION = 6  # 2: articles.subject_given; 3: hidden_folders.article_files NULL when unknown; 4: related
# edges' data hold the line of their link (a patched build of an older one would list links without it); 5: keyword
# and subject edges' data the line the file writes them on; 6: edges_by_target holds the source (edges_into)

# (column, SQL type, how the value is stored): "v" as is, "s" long text, sent as UTF-8 (see
# :func:`_row_maker`), "b" bool as 0/1, "f" a flag the node data holds only when false (0, else NULL), "t" tuple as a JSON array, "j" any JSON value (dicts,
# lists kept as lists)
_Column = tuple[str, str, str]
_KIND_TABLES: dict[str, tuple[str, tuple[_Column, ...]]] = {
    ARTICLE: ("articles", (
        ("url", "TEXT", "v"), ("id", "INTEGER", "v"), ("title", "TEXT", "v"), ("subject", "TEXT", "v"),
        ("subject_label", "TEXT", "v"), ("date", "TEXT", "v"), ("author", "TEXT", "v"), ("score", "REAL", "v"),
        ("no_index", "INTEGER", "b"), ("subject_given", "INTEGER", "f"), ("path", "TEXT", "v"),
        ("file_name", "TEXT", "v"),
        ("description", "TEXT", "s"), ("question", "TEXT", "s"), ("answer", "TEXT", "s"), ("body", "TEXT", "s"),
        ("keywords", "TEXT", "t"), ("keyword_labels", "TEXT", "t"), ("key", "TEXT", "v"), ("extra", "TEXT", "j"),
    )),
    STUB: ("stubs", (
        ("url", "TEXT", "v"), ("id", "INTEGER", "v"), ("title", "TEXT", "v"), ("subject", "TEXT", "v"),
        ("subject_label", "TEXT", "v"), ("key", "TEXT", "v"),
    )),
    SUBJECT: ("subjects", (
        ("slug", "TEXT", "v"), ("articles", "INTEGER", "v"), ("labels", "TEXT", "t"), ("spellings", "TEXT", "t"),
    )),
    KEYWORD: ("keywords", (
        ("key", "TEXT", "v"), ("df", "INTEGER", "v"), ("labels", "TEXT", "t"), ("spellings", "TEXT", "t"),
    )),
}
_EDGE_COLUMNS = ("weight", "position")  # edge data with columns of their own; the rest goes to `data`

_INDEXES = (  # built after the rows are in: one sort each, in C
    "CREATE UNIQUE INDEX edges_by_source ON edges(source, kind, target)",
    # with the source: the edges into a set of nodes read from the index alone (edges_into), not from
    # rows stored in the order of their sources (a view of 1,000 articles: 5k rows, 35-40 ms against 19)
    "CREATE UNIQUE INDEX edges_by_target ON edges(target, kind, source)",
    "CREATE INDEX nodes_by_part ON nodes(part)",
    "CREATE INDEX articles_by_id ON articles(id)",
    "CREATE INDEX articles_by_url ON articles(url)",
    "CREATE INDEX articles_by_subject ON articles(subject)",
    "CREATE INDEX articles_by_path ON articles(path)",
    # two small partial indexes: a patched build counts the articles without keywords and finds
    # those with one keyword (the space-separated warning) without reading the wide table
    "CREATE INDEX articles_without_keywords ON articles(path) WHERE keywords = '[]'",
    "CREATE INDEX articles_with_one_keyword ON articles(path) WHERE json_array_length(keywords) = 1",
    "CREATE INDEX stubs_by_id ON stubs(id)",
    "CREATE INDEX keywords_by_df ON keywords(df DESC, node)",
    "CREATE INDEX subjects_by_size ON subjects(articles DESC, node)",
    "CREATE INDEX problems_by_path ON problems(path)",
    "CREATE INDEX files_by_status ON files(status)",
    "CREATE INDEX links_by_article ON links(article)",
    "CREATE INDEX names_by_name ON names(way, name)",
    "CREATE INDEX names_by_node ON names(node)",
    "CREATE INDEX links_by_url ON links(url)",
    "CREATE INDEX links_by_id ON links(id)",
)

_WORD = lazy_compile(r"\w+")
# one encoder for every value: json.dumps with options builds a new encoder per call
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
# the C encoder that :data:`_json` builds on each call, built once: 2-3x faster on the short
# values of most rows, and the same text (json.encoder has no public way to keep it)
_c_encoder: Any = getattr(json.encoder, "c_make_encoder", None)
_chunks: Any = _c_encoder(None, None, _string, None, ":", ",", True, False, True) if _c_encoder else None


#: a text JSON writes as it is between its quotes: no quote, backslash or control character
_plain_text = lazy_compile(r'[^"\\\x00-\x1f]*').fullmatch


def _encode(value: Any) -> str:
    """:data:`_json` of ``value``, byte for byte, without building an encoder per value.

    A tuple of plain texts (an article's keywords, a keyword's labels, the keywords a similar
    pair shares: 340k of the 590k values of a 36k build) is joined here, the encoder's own text
    for it (it escapes nothing else): one join and one scan in C, where the encoder makes a
    text per item and a list of them.

    >>> _encode(("go", "café")), _encode(()), _encode(('say "hi"', 2))
    ('["go","café"]', '[]', '["say \\\\"hi\\\\"",2]')
    """
    if type(value) is tuple and (not value or type(value[0]) is str):  # (not a keyword's spellings: pairs)
        try:
            joined = '","'.join(value)
        except TypeError:  # not all texts (raising costs more than the encoder: the first is looked at)
            pass
        else:
            if _plain_text(joined) is not None:
                return f'["{joined}"]' if value else "[]"
    if _chunks is None:  # pragma: no cover - a Python without the C accelerator
        return _json(value)
    return "".join(_chunks(value, 0))


# the report keeps its own order (it is shown to people as report.json)
_json_in_order = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def meta_text(value: Any) -> str:
    """A ``meta`` value as the table keeps it (JSON, keys in their order), for
    :meth:`DatabasePatch.set_meta_text`: a patched build encodes it while other work runs."""
    return _json_in_order(value)


def title_words(title: str) -> str:
    """The words of a title as :meth:`~qagraph.KnowledgeGraph.find` matches them: folded, space-separated.

    >>> title_words("What's a B-tree?")
    'what s a b tree'
    """
    return " ".join(_WORD.findall(fold(title)))


_scan: Any = json.scanner.make_scanner(json.JSONDecoder())  # type: ignore[arg-type]  # the C scanner


def _decode(text: str) -> Any:
    """One JSON value this module wrote (no surrounding whitespace): json.loads without its checks.

    Text that does not start with a JSON value (a value edited by hand) raises what json.loads
    raises for it, not the scanner's StopIteration, which no reader takes for a damaged database.

    >>> _decode('{"a":[1]}')
    {'a': [1]}
    >>> _decode("x")
    Traceback (most recent call last):
    json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)
    """
    try:
        return _scan(text, 0)[0]
    except StopIteration as exc:
        raise json.JSONDecodeError("Expecting value", text, exc.value) from None


def _load(value: Any, how: str) -> Any:
    if value is None:
        return None
    if how in ("b", "f"):
        return bool(value)
    if how == "t":
        found = _shaped(_decode(value), list)
        # a flat array (most: keywords, labels) holds no "[" after its first: one tuple() in C
        return tuple(found) if value.find("[", 1) < 0 else _tuples(found)
    if how == "j":
        return _shaped(_decode(value), dict)
    return value


def _object(text: str) -> dict[str, Any]:
    """The JSON object of a row's ``data`` (a node's or an edge's): :class:`DamagedValue` for JSON
    of another kind (edited by hand), as :func:`_decode` raises for text that is no JSON."""
    found: dict[str, Any] = _shaped(_decode(text), dict)
    return found


def _shaped(value: Any, kind: type) -> Any:
    """``value``, when it is a ``kind`` (a JSON object or array); else :class:`DamagedValue`.

    >>> _shaped([1], dict)
    Traceback (most recent call last):
    ...
    qagraph.database.DamagedValue: a JSON array where an object is written
    """
    if not isinstance(value, kind):
        raise DamagedValue(f"{_json_kind(value)} where {_json_kind(kind())} is written")
    return value


def _tuples(value: Any) -> Any:
    """JSON arrays back as the tuples the graph holds (nested ones too)."""
    if type(value) is list:
        return tuple([_tuples(v) if type(v) is list else v for v in value])
    return value


#: each article's health facts (:class:`qagraph.health.Facts`), kept for the next patched build
_HEALTH_TABLE = (
    "CREATE TABLE IF NOT EXISTS health (node_id INTEGER PRIMARY KEY REFERENCES nodes(id), node TEXT NOT NULL, "
    "path TEXT, title TEXT, subject TEXT, subject_label TEXT, id INTEGER, question TEXT, question_key TEXT NOT NULL, "
    "linked_to INTEGER NOT NULL, links_out INTEGER NOT NULL, similar INTEGER NOT NULL)")


def _schema() -> list[str]:
    statements = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE nodes (id INTEGER PRIMARY KEY, node TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, "
        "name TEXT, data TEXT, part INTEGER)",
    ]
    for table, columns in _KIND_TABLES.values():
        cols = ", ".join(f"{name} {sqltype}" for name, sqltype, _ in columns)
        extra = ", title_words TEXT" if table == "articles" else ""
        statements.append(
            f"CREATE TABLE {table} (node_id INTEGER PRIMARY KEY REFERENCES nodes(id), node TEXT NOT NULL UNIQUE, "
            f"name TEXT, {cols}{extra})"
        )
    statements += [
        "CREATE TABLE edges (source INTEGER NOT NULL REFERENCES nodes(id), kind TEXT NOT NULL, "
        "target INTEGER NOT NULL REFERENCES nodes(id), weight REAL, position INTEGER, data TEXT)",
        "CREATE TABLE edge_kinds (kind TEXT PRIMARY KEY, label TEXT NOT NULL, symmetric INTEGER NOT NULL, "
        "link INTEGER NOT NULL, predicates TEXT, description TEXT)",
        "CREATE TABLE files (path TEXT PRIMARY KEY, status TEXT NOT NULL, node TEXT)",
        "CREATE TABLE links (article TEXT NOT NULL, position INTEGER NOT NULL, url TEXT, id INTEGER, title TEXT, "
        "subject TEXT, line INTEGER, target TEXT, origin TEXT)",
        "CREATE TABLE problems (path TEXT NOT NULL, line INTEGER, severity TEXT NOT NULL, code TEXT NOT NULL, "
        "message TEXT NOT NULL)",
        "CREATE TABLE hidden_folders (path TEXT PRIMARY KEY, article_files INTEGER)",  # NULL: unknown
        "CREATE TABLE names (name TEXT NOT NULL, node TEXT NOT NULL, way TEXT NOT NULL)",
        _HEALTH_TABLE,
        "CREATE VIEW edges_named AS SELECT s.node AS source, e.kind, t.node AS target, e.weight, e.position, "
        "e.data FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target",
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title_words, content='articles', content_rowid='node_id', "
        "tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")",
    ]
    return statements


PAGE_SIZE = 16384  #: of a database written here (a patched one keeps its own)


def write_database(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    report: dict[str, Any],
    meta: dict[str, Any] | None = None,
    links: Iterable[tuple[str, RelatedLink]] = (),
    health: Facts | None = None,
    meta_texts: Mapping[str, str] | None = None,
    names: Iterable[tuple[str, str, str]] = (),
) -> Path:
    """Write the graph ``G`` and its build ``report`` as a SQLite database at ``path``.

    The file is written beside its target and renamed into place when complete.
    ``meta`` adds entries to the ``meta`` table (settings, content digest, source name),
    ``meta_texts`` entries already encoded (the health findings, as report.json writes them);
    ``links`` are every article's links as its file gave them (``(node, link)``), for
    the ``links`` table; ``names`` the ``(name, node, way)`` rows of the ``names`` table
    (:meth:`qagraph.links.ArticleIndex.name_rows`, in a corpus that links by name); ``health``, the health facts of ``G``
    (:func:`qagraph.health.facts_of_graph`), for the ``health`` table.

    Raises:
        OutputError: the file cannot be written.

    See also:
        :class:`BuildDatabase`, which reads it.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        con = sqlite3.connect(tmp)
        try:
            # 16 KiB pages: an answer (2.5 KB at the median) mostly fits in its row's page, not in
            # overflow pages; writing 36k articles took 6.3 s instead of 6.8 (4 KiB), the file the same size
            con.executescript(f"PRAGMA page_size={PAGE_SIZE}; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
            for statement in _schema():
                con.execute(statement)
            number = _fill(con, G, report, meta or {}, meta_texts or {})
            if health is not None:
                con.executemany(f"INSERT INTO health VALUES (?, {', '.join('?' * _HEALTH_ROW)})",
                                ((number[n], *_health_row(health, n)) for n in sorted(health.articles)))
            con.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (link_row(node, link) for node, link in links))
            con.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
            for statement in _INDEXES:
                con.execute(statement)
            con.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
            con.commit()
        finally:
            con.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise OutputError(f"cannot write the build database: {exc}", path=str(target)) from None
    return target


def _fill(con: sqlite3.Connection, G: nx.MultiDiGraph, report: dict[str, Any], meta: dict[str, Any],
          texts: Mapping[str, str]) -> dict[str, int]:
    """The tables of the graph, the files, problems and meta (``texts``: meta values encoded
    already); each node's integer id."""
    from .rdf.parts import part_count, part_of

    node_data = G._node
    nodes = sorted(node_data)
    # each node's data in node order, looked up once for the nodes and the kind tables (167k nodes at 36k)
    datas = list(map(node_data.__getitem__, nodes))
    number = dict(zip(nodes, range(1, len(nodes) + 1)))
    parts = part_count(int(report.get("counts", {}).get("articles", 0)))
    meta = {**meta, "parts": parts}
    con.executemany(
        "INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?)",
        ((i, n, d.get("kind"), d.get("label"), _node_rest(d), part_of(n, parts))
         for i, n, d in zip(itertools.count(1), nodes, datas)),  # rows made as SQLite takes them: no list
    )
    by_kind: dict[str, list[int]] = {}  # the nodes of each kind, by their index in ``nodes``
    for i, d in enumerate(datas):
        by_kind.setdefault(d.get("kind"), []).append(i)
    for kind, (table, _) in _KIND_TABLES.items():
        columns, values, placeholders = _TABLE_ROWS[kind]
        names = ["node_id", "node", *columns, *(["title_words"] if table == "articles" else [])]
        marks = ", ".join(["?", "?", *placeholders, *(["?"] if table == "articles" else [])])
        of_kind = by_kind.get(kind, [])
        rows: Iterator[tuple[Any, ...]]
        if table == "articles":
            rows = ((i + 1, nodes[i], *values(d), title_words(d.get("title") or ""))
                    for i in of_kind for d in (datas[i],))
        else:
            rows = ((i + 1, nodes[i], *values(datas[i])) for i in of_kind)
        con.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", rows)
    _insert_edges(con, _edge_rows(G, number))
    con.executemany(
        "INSERT INTO edge_kinds VALUES (?, ?, ?, ?, ?, ?)",
        ((k.name, k.label, int(k.symmetric), int(k.link), json.dumps(list(k.predicates)), k.description)
         for k in EDGE_KINDS.values()),
    )
    status = {path: "rejected" for path in report.get("rejected", [])}
    status.update({path: "skipped" for path in report.get("skipped", [])})
    article_of = {d.get("path"): n for n, d in node_data.items() if d.get("kind") == ARTICLE}
    status.update({path: "article" for path in article_of})
    con.executemany(
        "INSERT INTO files VALUES (?, ?, ?)",
        ((path, status[path], article_of.get(path)) for path in sorted(status)),
    )
    con.executemany(
        "INSERT INTO problems VALUES (?, ?, ?, ?, ?)",
        ((p["path"], p["line"], p["severity"], p["code"], p["message"]) for p in report.get("problems", [])),
    )
    con.executemany("INSERT INTO hidden_folders VALUES (?, ?)",
                    ((folder, n) for folder, n in report.get("hidden", [])))
    entries = {"qagraph_version": __version__, "schema_version": SCHEMA_VERSION, **report_meta(report), **meta}
    encoded = {k: _json_in_order(v) for k, v in entries.items() if k not in texts} | dict(texts)
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(encoded.items()))
    return number


def report_meta(report: dict[str, Any]) -> dict[str, Any]:
    """The ``meta`` rows that keep a build report: ``report`` (counts, settings) and ``health``
    (the findings, read only when asked for). The report's lists are tables of their own."""
    entries = {"report": {k: v for k, v in report.items() if k not in ("problems", "rejected", "skipped", "hidden",
                                                                        "health")}}
    if report.get("health") is not None:
        entries["health"] = report["health"]
    return entries


def count_by_kind(con: sqlite3.Connection, table: str) -> dict[str, int]:
    """Rows of ``table`` (``nodes`` or ``edges``) by kind, the kinds present only.

    One pass that counts each registered kind: ``GROUP BY kind`` sorts every row first
    (0.29 s for the 702k edges of a 36k build, against 0.12 s). Kinds outside the
    registry, if any, are counted by ``GROUP BY`` after all.
    """
    if table not in ("nodes", "edges"):
        raise ValueError(f"no kinds in table {table!r}")
    kinds = list(NODE_KINDS if table == "nodes" else EDGE_KINDS)
    counted = ", ".join(["count(*)"] + ["count(*) FILTER (WHERE kind = ?)"] * len(kinds))
    total, *counts = con.execute(f"SELECT {counted} FROM {table}", kinds).fetchone()
    if total != sum(counts):
        return dict(con.execute(f"SELECT kind, count(*) FROM {table} GROUP BY kind"))
    return {kind: n for kind, n in zip(kinds, counts) if n}


class DamagedValue(ValueError):
    """A value of the build database is JSON of another shape than a build writes (edited by hand)."""


#: the shape a build writes each meta value in, as far as its readers rely on it: a type, or a
#: mapping whose keys, where the value has them, are of these shapes (health: null, none found)
_META_SHAPES: dict[str, Any] = {
    "report": {"counts": {"nodes": dict, "edges": dict}, "settings": dict, "graph": dict, "problems": list},
    "health": (dict, type(None)),
}


def _check_shape(value: Any, shape: Any, where: str) -> None:
    """Raise :class:`DamagedValue` unless ``value`` has ``shape`` (:data:`_META_SHAPES`).

    >>> _check_shape({"counts": []}, _META_SHAPES["report"], "meta report")
    Traceback (most recent call last):
    ...
    qagraph.database.DamagedValue: meta report.counts is a JSON array, not an object
    """
    kinds = (dict,) if isinstance(shape, dict) else shape if isinstance(shape, tuple) else (shape,)
    if not isinstance(value, kinds):
        raise DamagedValue(f"{where} is {_json_kind(value)}, not {_json_kind(kinds[0]())}")
    if isinstance(shape, dict):
        for key, inner in shape.items():
            if key in value:
                _check_shape(value[key], inner, f"{where}.{key}")


def _json_kind(value: Any) -> str:
    """What JSON calls ``value``'s kind, with an article."""
    for kind, name in ((bool, "a boolean"), (dict, "an object"), (list, "a JSON array"), (str, "a text"),
                       ((int, float), "a number")):
        if isinstance(value, kind):
            return name
    return "null"


class _Meta(Mapping[str, Any]):
    """The ``meta`` table of ``con``, each value read when it is first asked for and decoded from
    JSON (and checked to have the shape a build writes it in: :class:`DamagedValue` when not).

    Its keys are read at once, its values when asked for: the health findings (5.7 MB at 36k
    articles) were read each time the database was opened, four times in a patched build that
    reads them once (the views' processes opened it three times, the build's result once:
    0.01-0.05 s each).
    """

    def __init__(self, con: sqlite3.Connection) -> None:
        self._con = con
        self._keys = dict.fromkeys(key for key, in con.execute("SELECT key FROM meta ORDER BY rowid"))  # as written
        self._raw: dict[str, str] = {}
        self._decoded: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._decoded[key]
        except KeyError:
            text = self.text(key)
            if text is None:
                raise KeyError(key) from None
            value = _decode(text)
            if key in _META_SHAPES:
                _check_shape(value, _META_SHAPES[key], f"meta {key}")
            self._decoded[key] = value
            return value

    def text(self, key: str) -> str | None:
        """The JSON text of ``key`` as the table holds it, ``None`` when there is none."""
        if key not in self._keys:
            return None
        if key not in self._raw:
            self._raw[key] = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0]
        return self._raw[key]

    def read_all(self) -> None:
        """Every value not read yet read now, while the connection is open: a graph that is closed
        still gives its report and health findings, as when every value was read at the opening."""
        unread = [key for key in self._keys if key not in self._raw]
        if unread:
            self._raw.update(self._con.execute(
                f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(unread))})", unread))

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


_COLUMNS = {kind: frozenset(c for c, _, _ in columns) | {"kind", "label"} for kind, (_, columns) in _KIND_TABLES.items()}
#: the columns of each kind's table that the node data hold only when false ("f")
_OPTIONAL = {kind: tuple(c for c, _, how in columns if how == "f") for kind, (_, columns) in _KIND_TABLES.items()}


#: nodes named in one ``IN (...)`` of a batched read (below SQLite's oldest limit of 999 parameters)
_CHUNK = 900


def _drop_unset(data: dict[str, Any], kind: str) -> None:
    """Take out of a node's data, read from its kind's table, the "f" columns it does not hold
    (NULL): the graph held those keys only when false. The one rule of every reader."""
    for column in _OPTIONAL.get(kind, ()):
        if column in data and data[column] is None:
            del data[column]


def link_row(node: str, link: RelatedLink) -> tuple[Any, ...]:
    """The ``links`` table's row of one link of article ``node``."""
    return (node, link.position, link.url, link.id, link.title, link.subject, link.line, link.target, link.origin)


def _node_rest(data: dict[str, Any]) -> str | None:
    """The attributes of a node that its kind's table has no column for (JSON), if any."""
    columns = _COLUMNS.get(str(data.get("kind")), frozenset({"kind", "label"}))
    if data.keys() <= columns:  # the usual case, tested in C
        return None
    return _encode({k: v for k, v in data.items() if k not in columns})


def _row_maker(columns: Sequence[_Column]) -> tuple[list[str], Callable[[dict[str, Any]], tuple[Any, ...]],
                                                   list[str]]:
    """The columns of a kind's table after ``node_id`` and ``node`` (as named in an INSERT), the
    function giving their values for a node's data, and their placeholders: the values stored as
    they are first, read in one C call, then the long texts, then the flags, then the JSON ones.

    A long text that is not ASCII goes as its UTF-8 bytes, cast back to TEXT by SQLite (the same
    value stored): binding such a ``str`` makes Python keep its UTF-8 form inside the string for
    as long as the string lives, and the graph keeps the answers: 37 MB more at the cold
    build's peak, at 36k articles. An ASCII text is its own UTF-8 form, bound as it is without
    a copy (113k of the 144k long texts of the generated 36k corpus).
    """
    plain = [c for c, _, how in columns if how == "v"]
    texts = [c for c, _, how in columns if how == "s"]
    flags = [c for c, _, how in columns if how in ("b", "f")]
    coded = [c for c, _, how in columns if how in ("t", "j")]

    def values(data: dict[str, Any]) -> tuple[Any, ...]:
        get = data.get
        return (get("label"), *map(get, plain),
                *[v.encode() if type(v) is str and not v.isascii() else v for v in map(get, texts)],
                *[None if v is None else int(bool(v)) for v in map(get, flags)],
                *[None if v is None else _encode(v) for v in map(get, coded)])

    names = ["name", *plain, *texts, *flags, *coded]
    return names, values, ["CAST(? AS TEXT)" if c in texts else "?" for c in names]


_TABLE_ROWS = {kind: _row_maker(columns) for kind, (_, columns) in _KIND_TABLES.items()}


def _edge_rows(G: nx.MultiDiGraph, number: dict[str, int]) -> Iterator[tuple[Any, ...]]:
    """Each edge's row: ``(source, kind, target)`` for an edge with no data but its kind, ``(source,
    kind, target, data)`` for one with its kind and line (keyword and subject edges, most of them),
    else with its weight, position and the rest of its data.

    The two most common data are written here as :func:`_edge_rest` writes them: a line's text
    (one per line number, made once: the 478k such edges of a 36k build have 5 lines), and a similar
    pair's, whose rest is its shared keywords alone (141k edges: no dict made and sorted)."""
    line_texts: dict[int, str] = {}
    for u, nbrs in G._succ.items():
        su = number[u]
        for v, keyed in nbrs.items():
            sv = number[v]
            for kind, data in keyed.items():
                n = len(data)
                if n == 1:  # only its kind
                    yield su, kind, sv
                elif n == 2 and type(line := data.get("line")) is int:  # its kind and line: _edge_rest's text
                    text = line_texts.get(line)
                    if text is None:
                        text = line_texts[line] = f'{{"line":{line}}}'
                    yield su, kind, sv, text
                elif n == 3 and "kind" in data and "weight" in data and (shared := data.get("shared")) is not None:
                    yield su, kind, sv, data["weight"], None, f'{{"shared":{_encode(shared)}}}'
                else:
                    yield su, kind, sv, data.get("weight"), data.get("position"), _edge_rest(data)


def _insert_edges(con: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert :func:`_edge_rows` in their order, each run of bare ones leaving their NULLs to
    SQLite: binding ``None`` costs Python's sqlite3 a failed adapter lookup per value (1.4M of
    them in the 702k edges of 36k articles, made and inserted in 1.85 s this way, not 2.5)."""
    for width, run in itertools.groupby(rows, key=len):
        if width == 3:
            con.executemany("INSERT INTO edges (source, kind, target) VALUES (?, ?, ?)", run)
        elif width == 4:
            con.executemany("INSERT INTO edges (source, kind, target, data) VALUES (?, ?, ?, ?)", run)
        else:
            con.executemany("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?)", run)


_IN_COLUMNS = frozenset({"kind", *_EDGE_COLUMNS})


def _edge_rest(data: dict[str, Any]) -> str | None:
    """An edge's data that has no column of its own (JSON), if any."""
    if data.keys() <= _IN_COLUMNS:
        return None
    return _encode({k: v for k, v in data.items() if k not in _IN_COLUMNS})


def _edge_values(data: dict[str, Any]) -> tuple[Any, Any, Any]:
    return data.get("weight"), data.get("position"), _edge_rest(data)


# -- reading ----------------------------------------------------------------------------------


def _corrupt(exc: sqlite3.Error) -> bool:
    """``exc`` says the file is an SQLite database whose pages are damaged (SQLITE_CORRUPT: "database
    disk image is malformed"), not another kind of file (SQLITE_NOTADB: "file is not a database")."""
    code = getattr(exc, "sqlite_errorcode", None)  # Python 3.11+
    return code & 0xFF == 11 if isinstance(code, int) else "malformed" in str(exc)


class BuildDatabase:
    """A read-only view of ``qagraph.db``: node data, edges by kind, lookups, the build report.

    Raises:
        OutputError: the file is missing, not a qagraph database, or of another schema version.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.closed = False  #: :meth:`close` was called: what fails since is no damage
        try:  # SQLite says only "unable to open database file", for a file this user may not read too
            st = os.stat(self.path)
            if stat.S_ISREG(st.st_mode):
                os.close(os.open(self.path, os.O_RDONLY))
        except (FileNotFoundError, NotADirectoryError):
            st = None
        except OSError as exc:
            why = "permission denied" if exc.errno in (errno.EACCES, errno.EPERM) else exc.strerror or str(exc)
            raise OutputError(f"cannot read the build database ({why})", path=str(self.path)) from None
        if st is None or not stat.S_ISREG(st.st_mode):
            raise OutputError("no build database here (run qagraph build first)", path=str(self.path))
        #: which file this is (device, inode): a build put in place since leaves another at ``path``
        self.file = (st.st_dev, st.st_ino)
        uri = self.path.resolve().as_uri() + "?mode=ro&immutable=1"
        try:
            self.con = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise OutputError(f"not a qagraph build database: {exc}", path=str(self.path)) from None
        # CPython's connection refers to itself (its statement cache): dropped open, it would wait for
        # the cyclic collector, which a build pauses and then freezes what exists (pipeline._gc_paused)
        weakref.finalize(self, self.con.close)
        try:
            self.meta = _Meta(self.con)
            schema = self.meta.get("schema_version")
            if schema is None:  # another program's SQLite file, or a table emptied by hand
                raise OutputError("not a qagraph build database: its meta table names no schema version",
                                  path=str(self.path))
            if schema != SCHEMA_VERSION:
                raise OutputError(
                    f"built by qagraph {self.meta.get('qagraph_version')} with database schema "
                    f"{self.meta.get('schema_version')}; this qagraph reads schema {SCHEMA_VERSION}: build again",
                    path=str(self.path),
                )
        except sqlite3.Error as exc:
            self.con.close()
            if _corrupt(exc):  # a build's database cut short or overwritten: one, damaged
                raise OutputError(f"the build database is damaged ({exc}); build again", path=str(self.path)) from None
            raise OutputError(f"not a qagraph build database: {exc}", path=str(self.path)) from None
        except ValueError as exc:  # a JSON value cut short, by hand
            self.con.close()
            raise OutputError(f"the build database is damaged ({exc}); build again", path=str(self.path)) from None
        except OutputError:
            self.con.close()
            raise
        self._ids: dict[str, int] = {}
        self._names: dict[int, str] = {}

    def close(self) -> None:
        self.closed = True
        self.con.close()

    # -- nodes ---------------------------------------------------------------------------

    def node_id(self, node: str) -> int | None:
        """The row id of ``node`` in ``nodes``, or ``None`` when there is no such node."""
        i = self._ids.get(node)
        if i is None:
            row = self.con.execute("SELECT id FROM nodes WHERE node = ?", (node,)).fetchone()
            if row is None:
                return None
            i = self._ids[node] = row[0]
            self._names[i] = node
        return i

    def _node_names(self, ids: Iterable[int]) -> dict[int, str]:
        missing = [i for i in set(ids) if i not in self._names]
        for start in range(0, len(missing), 900):
            chunk = missing[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for i, node in self.con.execute(f"SELECT id, node FROM nodes WHERE id IN ({marks})", chunk):
                self._names[i] = node
                self._ids[node] = i
        return self._names

    def nodes_data(self, nodes: Iterable[str]) -> dict[str, dict[str, Any]]:
        """:meth:`node_data` of many nodes (those found), a few queries per :data:`_CHUNK` of them
        rather than two per node."""
        found: dict[str, tuple[int, str, str | None, str | None]] = {}
        wanted = list(dict.fromkeys(nodes))
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            for i, node, kind, name, rest in self.con.execute(
                    f"SELECT id, node, kind, name, data FROM nodes WHERE node IN ({','.join('?' * len(chunk))})", chunk):
                found[node] = (i, kind, name, rest)
                self._ids[node] = i
                self._names[i] = node
        rows: dict[int, tuple[Any, ...]] = {}
        for kind in sorted({kind for _, kind, _, _ in found.values()}):
            table = _KIND_TABLES.get(kind)
            if table is None:
                continue
            table_name, columns = table
            ids = [i for i, k, _, _ in found.values() if k == kind]
            for start in range(0, len(ids), _CHUNK):
                batch = ids[start : start + _CHUNK]
                for node_id, *values in self.con.execute(
                        f"SELECT node_id, {', '.join(c for c, _, _ in columns)} FROM {table_name} "
                        f"WHERE node_id IN ({','.join('?' * len(batch))})", batch):
                    rows[node_id] = tuple(values)
        return {node: self._data(i, kind, name, rest, rows.get(i)) for node, (i, kind, name, rest) in found.items()}

    def kinds_of(self, nodes: Iterable[str]) -> dict[str, str]:
        """The kind of each of ``nodes`` found, read in batches (no data)."""
        wanted = list(dict.fromkeys(nodes))
        out: dict[str, str] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            out.update(self.con.execute(
                f"SELECT node, kind FROM nodes WHERE node IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def kind(self, node: str) -> str | None:
        row = self.con.execute("SELECT kind FROM nodes WHERE node = ?", (node,)).fetchone()
        return row[0] if row else None

    def node_data(self, node: str) -> dict[str, Any] | None:
        """The node's attributes, as the networkx graph of the build held them."""
        row = self.con.execute("SELECT id, kind, name, data FROM nodes WHERE node = ?", (node,)).fetchone()
        if row is None:
            return None
        return self._data(row[0], row[1], row[2], row[3])

    def _data(self, node_id: int, kind: str, name: str | None, rest: str | None,
              row: tuple[Any, ...] | None = None) -> dict[str, Any]:
        """A node's attributes from its ``nodes`` row and (``row``, else read here) its kind table's row."""
        data: dict[str, Any] = {"kind": kind, "label": name}
        table = _KIND_TABLES.get(kind)
        if table is not None:
            table_name, columns = table
            if row is None:
                row = self.con.execute(
                    f"SELECT {', '.join(c for c, _, _ in columns)} FROM {table_name} WHERE node_id = ?", (node_id,)
                ).fetchone()
            if row is not None:
                for (column, _, how), value in zip(columns, row):
                    data[column] = _load(value, how)
                _drop_unset(data, kind)
        if rest:
            data.update({k: _tuples(v) if k != "extra" else v for k, v in _object(rest).items()})
        return data

    def nodes(self, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
        """Every node (of ``kind``) with its data, in node order."""
        table = _KIND_TABLES.get(kind) if kind is not None else None
        if kind is not None and table is not None:
            table_name, columns = table
            names = ", ".join(f"t.{c}" for c, _, _ in columns)
            query = (f"SELECT n.node, n.kind, n.name, n.data, {names} FROM nodes n JOIN {table_name} t "
                     f"ON t.node_id = n.id ORDER BY n.node")
            plain = [how in ("v", "s") for _, _, how in columns]  # most columns are read as they are
            for node, k, name, rest, *values in self.con.execute(query):
                data: dict[str, Any] = {"kind": k, "label": name}
                for (column, _, how), as_is, value in zip(columns, plain, values):
                    data[column] = value if as_is or value is None else _load(value, how)
                _drop_unset(data, k)
                if rest:
                    data.update({key: _tuples(v) if key != "extra" else v for key, v in _object(rest).items()})
                yield node, data
            return
        where = " WHERE kind = ?" if kind is not None else ""
        for node_id, node, k, name, rest in self.con.execute(
            f"SELECT id, node, kind, name, data FROM nodes{where} ORDER BY node", (kind,) if kind else ()
        ):
            yield node, self._data(node_id, k, name, rest)

    def count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    # -- edges -------------------------------------------------------------------------------

    def edges_of(self, node: str, kinds: Sequence[str], outgoing: bool) -> list[tuple[str, str, dict[str, Any]]]:
        """``(other node, kind, data)`` of the edges of ``kinds`` leaving (or reaching) ``node``."""
        i = self.node_id(node)
        if i is None or not kinds:
            return []
        mine, other = ("source", "target") if outgoing else ("target", "source")
        marks = ",".join("?" * len(kinds))
        rows = self.con.execute(
            f"SELECT {other}, kind, weight, position, data FROM edges WHERE {mine} = ? AND kind IN ({marks})",
            (i, *kinds),
        ).fetchall()
        names = self._node_names(r[0] for r in rows)
        return [(names[o], kind, _edge_data(kind, w, p, d)) for o, kind, w, p, d in rows]

    def edges_of_many(self, nodes: Iterable[str], kinds: Sequence[str],
                      outgoing: bool) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
        """:meth:`edges_of` of many nodes (each node found, with its edges, maybe none), one query
        per :data:`_CHUNK` of them rather than one per node."""
        wanted = list(dict.fromkeys(nodes))
        missing = [n for n in wanted if n not in self._ids]
        for start in range(0, len(missing), _CHUNK):
            chunk = missing[start : start + _CHUNK]
            for i, node in self.con.execute(
                    f"SELECT id, node FROM nodes WHERE node IN ({','.join('?' * len(chunk))})", chunk):
                self._ids[node] = i
                self._names[i] = node
        ids = {self._ids[n]: n for n in wanted if n in self._ids}
        out: dict[str, list[tuple[str, str, dict[str, Any]]]] = {n: [] for n in ids.values()}
        if not kinds or not ids:
            return out
        mine, other = ("source", "target") if outgoing else ("target", "source")
        kind_marks = ",".join("?" * len(kinds))
        keys = list(ids)
        for start in range(0, len(keys), _CHUNK):
            batch = keys[start : start + _CHUNK]
            rows = self.con.execute(
                f"SELECT {mine}, {other}, kind, weight, position, data FROM edges "
                f"WHERE {mine} IN ({','.join('?' * len(batch))}) AND kind IN ({kind_marks})",
                (*batch, *kinds)).fetchall()
            names = self._node_names(r[1] for r in rows)
            for m, o, kind, w, p, d in rows:
                out[ids[m]].append((names[o], kind, _edge_data(kind, w, p, d)))
        return out

    def link_weights(self, node: str, kinds: Sequence[str]) -> dict[str, float]:
        """Articles linked to ``node`` by edges of ``kinds`` (either way), with the summed weights
        (an edge without a weight counts 1), rounded to 6 places: one query, no node data read."""
        i = self.node_id(node)
        if i is None or not kinds:
            return {}
        marks = ",".join("?" * len(kinds))
        rows = self.con.execute(
            f"SELECT n.node, coalesce(e.weight, 1.0) FROM edges e JOIN nodes n ON n.id = e.target "
            f"WHERE e.source = ? AND e.kind IN ({marks}) AND n.kind = ? "
            f"UNION ALL SELECT n.node, coalesce(e.weight, 1.0) FROM edges e JOIN nodes n ON n.id = e.source "
            f"WHERE e.target = ? AND e.kind IN ({marks}) AND n.kind = ?",
            (i, *kinds, ARTICLE, i, *kinds, ARTICLE))
        weights: dict[str, float] = {}
        for other, weight in rows:
            weights[other] = weights.get(other, 0.0) + float(weight)
        return {other: round(w, 6) for other, w in weights.items()}

    def all_link_weights(self, kinds: Sequence[str]) -> dict[str, dict[str, float]]:
        """:meth:`link_weights` of every article at once, in one pass over the edges of ``kinds``."""
        if not kinds:
            return {}
        names = dict(self.con.execute("SELECT id, node FROM nodes WHERE kind = ?", (ARTICLE,)))
        every: dict[str, dict[str, float]] = {}
        for s, t, weight in self.con.execute(
                f"SELECT source, target, coalesce(weight, 1.0) FROM edges WHERE kind IN ({','.join('?' * len(kinds))})",
                tuple(kinds)):
            u, v = names.get(s), names.get(t)
            if u is None or v is None:
                continue
            for a, b in ((u, v), (v, u)):
                mine = every.get(a)
                if mine is None:
                    every[a] = {b: weight}
                else:
                    mine[b] = mine.get(b, 0.0) + weight
        for mine in every.values():
            for other, w in mine.items():
                mine[other] = round(w, 6)
        return every

    def edge_rows_of_kind(self, kind: str) -> Iterator[tuple[str, str, Any, Any, str | None]]:
        """Every edge of ``kind`` as ``(source, target, weight, position, rest)`` in one pass, in the
        order the graph has them: :func:`edge_row_data` makes the rest its data, for those that need it."""
        yield from self.con.execute(
            "SELECT s.node, t.node, e.weight, e.position, e.data FROM edges e JOIN nodes s ON s.id = e.source "
            "JOIN nodes t ON t.id = e.target WHERE e.kind = ? ORDER BY e.rowid", (kind,))

    def all_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """Every edge as ``(source, target, kind, data)``."""
        names = dict(self.con.execute("SELECT id, node FROM nodes"))
        for s, kind, t, w, p, d in self.con.execute("SELECT source, kind, target, weight, position, data FROM edges"):
            yield names[s], names[t], kind, _edge_data(kind, w, p, d)

    def edge_counts(self) -> dict[str, int]:
        return count_by_kind(self.con, "edges")

    # -- lookups -----------------------------------------------------------------------------

    def by_number(self, number: int) -> list[str]:
        """Articles (and stubs) whose numeric ``id`` is ``number``, sorted."""
        rows = self.con.execute(
            "SELECT node FROM articles WHERE id = ? UNION SELECT node FROM stubs WHERE id = ?", (number, number)
        ).fetchall()
        return sorted(r[0] for r in rows)

    def article_nodes_with_number(self, number: int) -> list[str]:
        return sorted(r[0] for r in self.con.execute("SELECT node FROM articles WHERE id = ?", (number,)))

    def article_names(self) -> list[tuple[str, str, str, str | None, dict[str, Any], str]]:
        """``(node, key, path, url, extra, title)`` of every article: what names it, in path order."""
        rows = self.con.execute("SELECT node, key, path, url, extra, title FROM articles ORDER BY path")
        return [(node, key, path, url, _load(extra, "j") or {}, title or "") for node, key, path, url, extra, title in rows]

    def article_at(self, path: str) -> str | None:
        """The article whose file is ``path`` (as the build lists it), if any."""
        row = self.con.execute("SELECT node FROM articles WHERE path = ?", (path,)).fetchone()
        return None if row is None else str(row[0])

    def find_words(self, words: Sequence[str]) -> set[str]:
        """Articles whose title holds every one of ``words`` (already folded)."""
        if not words:
            return set()
        query = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self.con.execute(
            "SELECT a.node FROM articles_fts f JOIN articles a ON a.node_id = f.rowid WHERE articles_fts MATCH ?",
            (f"title_words : ({query})",),
        ).fetchall()
        return {r[0] for r in rows}

    def top(self, kind: str, n: int) -> list[tuple[str, int]]:
        """The ``n`` keywords with most articles, or subjects with most articles."""
        if kind == KEYWORD:
            sql = "SELECT node, df FROM keywords ORDER BY df DESC, node LIMIT ?"
        elif kind == SUBJECT:
            sql = "SELECT node, articles FROM subjects ORDER BY articles DESC, node LIMIT ?"
        else:
            raise ValueError(f"no ranking of {kind!r} nodes")
        # SQLite's integers are 64 bits: a larger n (``stats --top 99999999999999999999``) is all of them
        return [(node, int(count)) for node, count in self.con.execute(sql, (min(max(n, 0), 2**63 - 1),))]

    def problems(self) -> list[dict[str, Any]]:
        return [
            {"path": p, "line": line, "severity": s, "code": c, "message": m}
            for p, line, s, c, m in self.con.execute(
                "SELECT path, line, severity, code, message FROM problems ORDER BY path, coalesce(line, 0), message")
        ]

    def files(self, status: str) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT path FROM files WHERE status = ? ORDER BY path", (status,))]

    def hidden(self) -> list[tuple[str, int | None]]:
        """The hidden folders, with how many article files each holds (None: unknown, a folder in it
        could not be read)."""
        return [(p, None if n is None else int(n))
                for p, n in self.con.execute("SELECT path, article_files FROM hidden_folders ORDER BY path")]

    def nodes_in_parts(self, parts: Iterable[int]) -> list[str]:
        """The node ids whose RDF part is one of ``parts`` (see :func:`qagraph.rdf.part_of`)."""
        wanted = sorted(set(parts))
        if not wanted:
            return []
        marks = ",".join("?" * len(wanted))
        return [r[0] for r in self.con.execute(f"SELECT node FROM nodes WHERE part IN ({marks})", wanted)]

    def subgraph(self, nodes: Iterable[str], *, kinds: Sequence[str] | None = None,
                 edge_data: bool = True) -> Adjacency:
        """``nodes`` with their data and their out-edges (of ``kinds``, default all), the nodes at the
        other ends present with their kind only: what a writer of those nodes' statements needs
        (:class:`~qagraph.rdf.triples.Adjacency`: networkx's dicts, without importing networkx).
        Without ``edge_data`` an edge's data is its kind alone: the statements of a node read the
        data of its edges only for the similarity records of ``--rdf-similarity full`` (the 37 parts
        a deleted article touches at 36k: 6,000 nodes and 25k edges, 0.37 s with the edges' data
        and 0.28 s without, on average).

        >>> import qagraph
        >>> db = BuildDatabase(qagraph.build("content", out="build").build_dir / "qagraph.db")
        >>> node = "article:/learn/biology/questions/what-are-mendels-laws-of-inheritance"
        >>> full, bare = db.subgraph([node]), db.subgraph([node], edge_data=False)
        >>> [(v, k) for v, keys in full._succ[node].items() for k in keys] == [
        ...     (v, k) for v, keys in bare._succ[node].items() for k in keys]
        True
        >>> {k: d for keys in bare._succ[node].values() for k, d in keys.items()}["similar"]
        {'kind': 'similar'}
        """
        from .rdf.triples import Adjacency

        G = Adjacency(graph=dict(self.meta.get("report", {}).get("graph", {})))
        node_data, succ, pred = G._node, G._succ, G._pred  # filled as graph() does: tens of thousands of nodes
        found = self.nodes_by_id(self.ids_of(set(nodes)).values())  # a query per kind, not per node
        ids: list[int] = []
        for node_id, (node, data) in sorted(found.items(), key=lambda item: item[1][0]):
            node_data[node] = data
            succ[node], pred[node] = {}, {}
            ids.append(node_id)
            self._ids[node] = node_id
            self._names[node_id] = node
        kind_filter = ""
        params: list[Any] = []
        if kinds is not None:
            kind_filter = f" AND e.kind IN ({','.join('?' * len(kinds))})"
            params = list(kinds)
        names = self._names
        data_columns = "e.weight, e.position, e.data" if edge_data else "NULL, NULL, NULL"
        for start in range(0, len(ids), 900):
            id_chunk = ids[start : start + 900]
            marks = ",".join("?" * len(id_chunk))
            rows = self.con.execute(  # the source's name is known: one lookup a row, of the target
                f"SELECT e.source, e.kind, t.node, t.kind, {data_columns} FROM edges e "
                f"JOIN nodes t ON t.id = e.target "
                f"WHERE e.source IN ({marks}){kind_filter}", [*id_chunk, *params]).fetchall()
            for source, kind, v, v_kind, w, p, d in rows:
                u = names[source]
                if v not in node_data:
                    node_data[v] = {"kind": v_kind}
                    succ[v], pred[v] = {}, {}
                keyed = succ[u].get(v)
                if keyed is None:
                    keyed = succ[u][v] = pred[v][u] = {}
                keyed[kind] = _edge_data(kind, w, p, d) if edge_data else {"kind": kind}
        return G

    def graph(self) -> nx.MultiDiGraph:
        """The whole graph, as the build held it (node and edge data included)."""
        import gc

        enabled = gc.isenabled()
        gc.disable()  # a million new containers: the cyclic collector would walk them again and again
        try:
            return self._graph()
        finally:
            if enabled:
                gc.enable()

    def _graph(self) -> nx.MultiDiGraph:
        import networkx as nx

        G = nx.MultiDiGraph(**self.meta.get("report", {}).get("graph", {}))
        node_data = G._node
        succ, pred = G._succ, G._pred
        for kind in NODE_KINDS:
            for node, data in self.nodes(kind):
                node_data[node] = data
                succ[node], pred[node] = {}, {}
        tabled = sorted(k for k in NODE_KINDS if k in _KIND_TABLES)
        for node_id, node, k, name, rest in self.con.execute(  # kinds without a table of their own, if any
                f"SELECT id, node, kind, name, data FROM nodes WHERE kind NOT IN ({','.join('?' * len(tabled))}) "
                f"ORDER BY node", tabled):
            if node not in node_data:
                node_data[node] = self._data(node_id, k, name, rest)
                succ[node], pred[node] = {}, {}
        names = dict(self.con.execute("SELECT id, node FROM nodes"))
        for s, kind, t, w, p, d in self.con.execute("SELECT source, kind, target, weight, position, data FROM edges"):
            u, v = names[s], names[t]
            keyed = succ[u].get(v)
            if keyed is None:
                keyed = succ[u][v] = pred[v][u] = {}
            edge: dict[str, Any] = {"kind": kind}  # as _edge_data, inline: 700k edges at 36k articles
            if p is not None:
                edge["position"] = p
            if w is not None:
                edge["weight"] = w
            if d:
                for key, value in _object(d).items():
                    edge[key] = _tuples(value)
            keyed[kind] = edge
        return G

    # -- pieces of the graph, for an update that must not load all of it ----------------------

    def ids_of(self, nodes: Iterable[str]) -> dict[str, int]:
        """The row ids of those of ``nodes`` that are in the database."""
        rows = self.con.execute("SELECT node, id FROM nodes WHERE node IN (SELECT value FROM json_each(?))",
                                (json.dumps(list(nodes)),))
        return dict(rows)

    def ids_of_kind(self, kind: str) -> list[int]:
        """Row ids of every node of ``kind``, in node order: from the kind's own table when it has one
        (the 40 subjects of 36k articles were found by walking the 167k nodes, 0.01-0.06 s a time, three
        times in a patched build's views)."""
        table = _KIND_TABLES.get(kind)
        if table is not None:
            return [r[0] for r in self.con.execute(f"SELECT node_id FROM {table[0]} ORDER BY node")]
        return [r[0] for r in self.con.execute("SELECT id FROM nodes WHERE kind = ? ORDER BY node", (kind,))]

    def nodes_by_id(self, ids: Iterable[int], columns: Collection[str] | None = None,
                    ) -> dict[int, tuple[str, dict[str, Any]]]:
        """``row id -> (node, data)`` for each of ``ids`` in the database: :meth:`node_data` for many at once.

        ``columns`` names the columns of the kinds' tables to read (all by default): the
        data then hold only those (and ``kind``, ``label`` and what has no column).
        """
        wanted = json.dumps(sorted(set(ids)))
        found: dict[int, tuple[str, dict[str, Any]]] = {}
        rests: dict[int, str] = {}
        kinds: dict[str, None] = {}
        for i, node, kind, name, rest in self.con.execute(
                "SELECT id, node, kind, name, data FROM nodes WHERE id IN (SELECT value FROM json_each(?))", (wanted,)):
            found[i] = (node, {"kind": kind, "label": name})
            if rest:
                rests[i] = rest
            kinds[kind] = None
        for kind in kinds:
            table = _KIND_TABLES.get(kind)
            if table is None:
                continue
            table_name, all_columns = table
            chosen = [c for c in all_columns if columns is None or c[0] in columns]
            if not chosen:
                continue
            # every value copied in one update, in the columns' order; then those not read as they are
            # stored read again in place, their keys keeping their places (a subject view reads 35k
            # values, most of them titles, urls and keys: a call each took a sixth of its graph's time)
            keys = [column for column, _, _ in chosen]
            others = [(column, how) for column, _, how in chosen if how != "v"]
            names = ", ".join(keys)
            for i, *values in self.con.execute(
                    f"SELECT node_id, {names} FROM {table_name} WHERE node_id IN (SELECT value FROM json_each(?))",
                    (wanted,)):
                data = found[i][1]
                data.update(zip(keys, values))
                for column, how in others:
                    data[column] = _load(data[column], how)
                _drop_unset(data, kind)
        for i, rest in rests.items():
            found[i][1].update({k: _tuples(v) if k != "extra" else v for k, v in _object(rest).items()})
        return found

    def sources_of(self, node: str, kind: str) -> list[int]:
        """Row ids of the nodes with an edge of ``kind`` to ``node`` (a subject's articles, say)."""
        i = self.node_id(node)
        if i is None:
            return []
        return [r[0] for r in self.con.execute("SELECT source FROM edges WHERE target = ? AND kind = ?", (i, kind))]

    def edge_rows_touching(self, ids: Iterable[int], kinds: Sequence[str] | None = None, *,
                           outgoing_only: bool = False) -> list[tuple[int, str, int, Any, Any, str | None]]:
        """Every edge (of ``kinds``; all by default) with an end among row ids ``ids``, once each, as
        its row: ``(source id, kind, target id, weight, position, rest)`` (:func:`edge_row_data` reads
        the last three). ``outgoing_only``: only the edges that leave ``ids``."""
        wanted = json.dumps(sorted(set(ids)))
        only = f" AND kind IN ({','.join('?' * len(kinds))})" if kinds is not None else ""
        args: tuple[Any, ...] = (wanted, *(kinds or ()))
        rows = self.con.execute(
            f"SELECT source, kind, target, weight, position, data FROM edges "
            f"WHERE source IN (SELECT value FROM json_each(?)){only}", args).fetchall()
        if not outgoing_only:
            rows += self._rows_into("source, kind, target, weight, position, data", wanted, kinds)
        return rows

    def edges_into(self, ids: Iterable[int], kinds: Sequence[str]) -> list[tuple[int, str, int]]:
        """``(source id, kind, target id)`` of each edge of ``kinds`` into one of row ids ``ids`` from a
        node not among them: the edges :meth:`edge_rows_touching` adds to those that leave ``ids``, without
        their data (read from the index ``edges_by_target`` alone)."""
        return self._rows_into("source, kind, target", json.dumps(sorted(set(ids))), kinds)

    def _rows_into(self, columns: str, wanted: str, kinds: Sequence[str] | None) -> list[Any]:
        """``columns`` of each edge (of ``kinds``; all by default) into one of the row ids of the JSON
        array ``wanted`` from a node not among them."""
        only = f" AND kind IN ({','.join('?' * len(kinds))})" if kinds is not None else ""
        return self.con.execute(
            f"SELECT {columns} FROM edges WHERE target IN (SELECT value FROM json_each(?)){only} "
            f"AND source NOT IN (SELECT value FROM json_each(?))", (wanted, *(kinds or ()), wanted)).fetchall()

    def edge_pairs(self, ids: Iterable[int], kind: str) -> list[tuple[int, int]]:
        """``(source id, target id)`` of each edge of ``kind`` that leaves one of row ids ``ids``."""
        return self.con.execute(
            "SELECT source, target FROM edges WHERE source IN (SELECT value FROM json_each(?)) AND kind = ?",
            (json.dumps(sorted(set(ids))), kind)).fetchall()

    def community_terms(self, members: Sequence[str], *, shared_only: bool = True,
                        ) -> tuple[dict[str, str], dict[str, tuple[str | None, int | None, int]]]:
        """What names a community of ``members`` (node ids): the subject slug of each member that has
        one, and for each keyword node its members have (two of them or more, when ``shared_only``)
        its label, its df and how many of them have it. Two queries, the counting done in SQLite: an
        edit renames the atlas's community it changes from these (0.1 s at 36k, in five queries
        that carried every row id and keyword node back to Python, against 0.03 s).

        >>> import qagraph
        >>> db = BuildDatabase(qagraph.build("content", out="build").build_dir / "qagraph.db")
        >>> members = [f"article:/learn/biology/questions/{q}" for q in ("what-are-mendels-laws-of-inheritance",
        ...            "what-is-the-difference-between-mitosis-and-meiosis", "what-is-nowhere")]
        >>> slugs, keywords = db.community_terms(members)
        >>> slugs == {m: "biology" for m in members[:2]}, keywords["keyword:meiosis"][::2]
        (True, ('meiosis', 2))
        """
        wanted = json.dumps(list(members))
        slugs = {node: slug for node, slug in self.con.execute(
            "SELECT n.node, coalesce(a.subject, s.subject) FROM nodes n LEFT JOIN articles a ON a.node_id = n.id "
            "LEFT JOIN stubs s ON s.node_id = n.id WHERE n.node IN (SELECT value FROM json_each(?))", (wanted,))
            if slug is not None}
        keywords = {node: (name, df, count) for node, name, df, count in self.con.execute(
            "SELECT k.node, k.name, kw.df, c.n FROM (SELECT e.target AS t, count(*) AS n FROM nodes m "
            "JOIN edges e ON e.source = m.id AND e.kind = ? WHERE m.node IN (SELECT value FROM json_each(?)) "
            "GROUP BY e.target HAVING count(*) > ?) c JOIN nodes k ON k.id = c.t LEFT JOIN keywords kw "
            "ON kw.node_id = c.t", (edge_kind("keyword").name, wanted, 1 if shared_only else 0))}
        return slugs, keywords

    def degrees(self, ids: Iterable[int], kinds: Sequence[str]) -> dict[int, int]:
        """Edges of ``kinds`` at each of row ids ``ids`` (that has one), both ways: a node's degree
        in the graph over those kinds, a loop counted twice, as ``networkx`` counts it."""
        wanted = json.dumps(sorted(set(ids)))
        only = ",".join("?" * len(kinds))
        counts: dict[int, int] = {}
        for end in ("source", "target"):  # each an index of the edges', read and counted in SQLite
            for i, n in self.con.execute(
                    f"SELECT {end}, count(*) FROM edges WHERE {end} IN (SELECT value FROM json_each(?)) "
                    f"AND kind IN ({only}) GROUP BY {end}", (wanted, *kinds)):
                counts[i] = counts.get(i, 0) + n
        return counts

    def edges_touching(self, ids: Iterable[int], kinds: Sequence[str] | None = None, *, outgoing_only: bool = False,
                       ) -> list[tuple[int, str, int, dict[str, Any]]]:
        """:meth:`edge_rows_touching` with each edge's data as the graph holds it:
        ``(source id, kind, target id, data)``."""
        return [(s, kind, t, _edge_data(kind, w, p, d))
                for s, kind, t, w, p, d in self.edge_rows_touching(ids, kinds, outgoing_only=outgoing_only)]

    def kinds_and_subjects(self, ids: Iterable[int]) -> dict[int, tuple[str, str, str | None]]:
        """``row id -> (node, kind, subject slug)`` (the slug of an article or stub; ``None`` for others)."""
        rows = self.con.execute(
            "SELECT n.id, n.node, n.kind, coalesce(a.subject, s.subject) FROM nodes n "
            "LEFT JOIN articles a ON a.node_id = n.id LEFT JOIN stubs s ON s.node_id = n.id "
            "WHERE n.id IN (SELECT value FROM json_each(?))", (json.dumps(sorted(set(ids))),))
        return {i: (node, kind, subject) for i, node, kind, subject in rows}

    def node_counts(self) -> dict[str, int]:
        """Nodes by kind."""
        return count_by_kind(self.con, "nodes")

    def subject_link_counts(self, kinds: Sequence[str]) -> dict[str, dict[tuple[str, str], int]]:
        """Edges of each of ``kinds`` from an article to an article or stub, by the two ends' subject
        slugs (``(source's, target's)``; both ends with a subject, and not the same one)."""
        out: dict[str, dict[tuple[str, str], int]] = {kind: {} for kind in kinds}
        rows = self.con.execute(
            f"SELECT sa.subject, coalesce(ta.subject, ts.subject), e.kind, count(*) FROM edges e "
            f"JOIN articles sa ON sa.node_id = e.source LEFT JOIN articles ta ON ta.node_id = e.target "
            f"LEFT JOIN stubs ts ON ts.node_id = e.target WHERE e.kind IN ({','.join('?' * len(kinds))}) "
            f"GROUP BY 1, 2, 3", tuple(kinds))
        for a, b, kind, count in rows:
            if a is not None and b is not None and a != b:
                out[kind][(a, b)] = int(count)
        return out

    def keyword_subject_counts(self, keywords: Iterable[str]) -> dict[str, dict[str, int]]:
        """For each keyword node: its articles by subject slug (articles without a subject left out)."""
        has_keyword = edge_kind("keyword").name
        out: dict[str, dict[str, int]] = {}
        for keyword in keywords:
            i = self.node_id(keyword)
            rows = self.con.execute(
                "SELECT a.subject, count(*) FROM edges e JOIN articles a ON a.node_id = e.source "
                "WHERE e.target = ? AND e.kind = ? AND a.subject IS NOT NULL GROUP BY a.subject",
                (i, has_keyword)) if i is not None else []
            out[keyword] = {slug: int(c) for slug, c in rows}
        return out


def edge_row_data(kind: str, weight: Any, position: Any, rest: str | None) -> dict[str, Any]:
    """An edge's data as the graph holds it, from its row in ``edges`` (kind, weight, position, the rest)."""
    return _edge_data(kind, weight, position, rest)


def _edge_data(kind: str, weight: Any, position: Any, rest: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": kind}
    if position is not None:
        data["position"] = position
    if weight is not None:
        data["weight"] = weight
    if rest:
        data.update({k: _tuples(v) for k, v in _object(rest).items()})
    return data


# -- changing a stored build in place (incremental builds) ------------------------------------


class DatabasePatch:
    """Node, edge, link, file and problem changes applied to a writable copy of a build database.

    The rows written are the rows :func:`write_database` writes for the same data, so a
    patched database holds what a database written from scratch holds (integer ids aside).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.con = sqlite3.connect(path)
        weakref.finalize(self, self.con.close)  # a patch given up on an error (see BuildDatabase)
        self.con.execute("PRAGMA journal_mode=OFF")
        self.con.execute("PRAGMA synchronous=OFF")
        self.con.execute("BEGIN")
        self._count_kinds()
        self._next = int(self.con.execute("SELECT coalesce(max(id), 0) FROM nodes").fetchone()[0]) + 1
        row = self.con.execute("SELECT value FROM meta WHERE key = 'parts'").fetchone()
        self.parts = int(json.loads(row[0])) if row else 1

    def _count_kinds(self) -> None:
        """Count, as rows come and go, the nodes and edges of each kind (:meth:`kind_changes`):
        temporary triggers, which live in this connection only, not in the file."""
        self.con.execute("CREATE TEMP TABLE kind_change (tab TEXT NOT NULL, kind TEXT, n INTEGER NOT NULL)")
        for table in ("nodes", "edges"):
            add, drop = (f"INSERT INTO kind_change VALUES ('{table}', {row}.kind, {step});"
                         for row, step in (("NEW", 1), ("OLD", -1)))
            self.con.execute(f"CREATE TEMP TRIGGER {table}_in AFTER INSERT ON main.{table} BEGIN {add} END")
            self.con.execute(f"CREATE TEMP TRIGGER {table}_out AFTER DELETE ON main.{table} BEGIN {drop} END")
            self.con.execute(f"CREATE TEMP TRIGGER {table}_kind AFTER UPDATE OF kind ON main.{table} "
                             f"WHEN OLD.kind IS NOT NEW.kind BEGIN {drop} {add} END")

    def kind_changes(self) -> dict[str, dict[str, int]]:
        """How many nodes and edges of each kind this patch added (less those it removed), so
        far: ``{"nodes": {kind: n}, "edges": {kind: n}}``, kinds whose count did not move left out."""
        out: dict[str, dict[str, int]] = {"nodes": {}, "edges": {}}
        for table, kind, n in self.con.execute(
                "SELECT tab, kind, sum(n) FROM kind_change GROUP BY tab, kind HAVING sum(n) != 0"):
            out[table][kind] = int(n)
        return out

    def node_id(self, node: str) -> int | None:
        row = self.con.execute("SELECT id FROM nodes WHERE node = ?", (node,)).fetchone()
        return int(row[0]) if row else None

    def _require(self, node: str) -> int:
        i = self.node_id(node)
        if i is None:
            raise OutputError(f"the build database has no node {node!r}")
        return i

    def set_node(self, node: str, data: dict[str, Any]) -> None:
        """Insert ``node`` or replace its data (its edges stay)."""
        i = self.node_id(node)
        if i is not None:
            self._remove_rows(i)
            self.con.execute("UPDATE nodes SET kind = ?, name = ?, data = ? WHERE id = ?",
                             (data.get("kind"), data.get("label"), _node_rest(data), i))
        else:
            from .rdf.parts import part_of

            i = self._next
            self._next += 1
            self.con.execute("INSERT INTO nodes VALUES (?, ?, ?, ?, ?, ?)",
                             (i, node, data.get("kind"), data.get("label"), _node_rest(data),
                              part_of(node, self.parts)))
        kind = data.get("kind", "")
        if kind not in _KIND_TABLES:
            return
        name = _KIND_TABLES[kind][0]
        columns, row, placeholders = _TABLE_ROWS[kind]
        names = ["node_id", "node", *columns]
        values = [i, node, *row(data)]
        marks = ["?", "?", *placeholders]
        if name == "articles":
            names.append("title_words")
            marks.append("?")
            words = title_words(data.get("title") or "")
            values.append(words)
            self.con.execute("INSERT INTO articles_fts(rowid, title_words) VALUES (?, ?)", (i, words))
        self.con.execute(f"INSERT INTO {name} ({', '.join(names)}) VALUES ({', '.join(marks)})", values)

    def _remove_rows(self, i: int) -> None:
        row = self.con.execute("SELECT title_words FROM articles WHERE node_id = ?", (i,)).fetchone()
        if row is not None:
            self.con.execute("INSERT INTO articles_fts(articles_fts, rowid, title_words) VALUES ('delete', ?, ?)",
                             (i, row[0]))
        for name, _ in _KIND_TABLES.values():
            self.con.execute(f"DELETE FROM {name} WHERE node_id = ?", (i,))

    def remove_node(self, node: str) -> None:
        """Remove ``node`` with every edge that touches it."""
        i = self.node_id(node)
        if i is None:
            return
        self._remove_rows(i)
        self.con.execute("DELETE FROM edges WHERE source = ? OR target = ?", (i, i))
        self.con.execute("DELETE FROM nodes WHERE id = ?", (i,))

    def out_edges(self, node: str, kinds: Sequence[str]) -> dict[tuple[str, str], dict[str, Any]]:
        """``(target, kind) -> data`` of the edges of ``kinds`` leaving ``node``."""
        i = self.node_id(node)
        if i is None:
            return {}
        marks = ",".join("?" * len(kinds))
        rows = self.con.execute(
            f"SELECT n.node, e.kind, e.weight, e.position, e.data FROM edges e JOIN nodes n ON n.id = e.target "
            f"WHERE e.source = ? AND e.kind IN ({marks})", (i, *kinds)).fetchall()
        return {(t, k): _edge_data(k, w, p, d) for t, k, w, p, d in rows}

    def sources(self, node: str, kinds: Sequence[str]) -> set[str]:
        """The nodes with an edge of ``kinds`` to ``node``."""
        i = self.node_id(node)
        if i is None:
            return set()
        return {s for (s,) in self.con.execute(
            f"SELECT n.node FROM edges e JOIN nodes n ON n.id = e.source WHERE e.target = ? "
            f"AND e.kind IN ({','.join('?' * len(kinds))})", (i, *kinds))}

    def pairs_touching(self, nodes: Iterable[str], kind: str) -> set[tuple[str, str]]:
        """``(source, target)`` of the edges of ``kind`` with an end among ``nodes`` (two index
        lookups per node, where a query by kind alone reads all 702k edges of a 36k build)."""
        wanted = (json.dumps(sorted(set(nodes))), kind)
        ends = "SELECT id FROM nodes WHERE node IN (SELECT value FROM json_each(?1))"
        return set(self.con.execute(
            "SELECT s.node, t.node FROM edges e JOIN nodes s ON s.id = e.source JOIN nodes t ON t.id = e.target "
            f"WHERE e.kind = ?2 AND (e.source IN ({ends}) OR e.target IN ({ends}))", wanted))

    def remove_edges(self, node: str, kinds: Sequence[str]) -> None:
        """Remove the edges of ``kinds`` leaving ``node``."""
        i = self.node_id(node)
        if i is not None:
            self.con.execute(f"DELETE FROM edges WHERE source = ? AND kind IN ({','.join('?' * len(kinds))})",
                             (i, *kinds))

    def remove_edge(self, u: str, v: str, kind: str) -> None:
        iu, iv = self.node_id(u), self.node_id(v)
        if iu is not None and iv is not None:
            self.con.execute("DELETE FROM edges WHERE source = ? AND target = ? AND kind = ?", (iu, iv, kind))

    def add_edge(self, u: str, v: str, kind: str, data: dict[str, Any]) -> None:
        """Add (or replace) the edge ``u -> v`` of ``kind``; both nodes must exist."""
        iu, iv = self._require(u), self._require(v)
        self.con.execute("DELETE FROM edges WHERE source = ? AND target = ? AND kind = ?", (iu, iv, kind))
        self.con.execute("INSERT INTO edges VALUES (?, ?, ?, ?, ?, ?)",
                         (iu, kind, iv, *_edge_values(data)))

    def set_links(self, node: str, links: Iterable[RelatedLink]) -> None:
        self.con.execute("DELETE FROM links WHERE article = ?", (node,))
        self.con.executemany("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             (link_row(node, link) for link in links))

    def set_names(self, node: str, rows: Iterable[tuple[str, str, str]]) -> None:
        """Replace the ``names`` rows of ``node`` (an article) with ``rows``."""
        self.con.execute("DELETE FROM names WHERE node = ?", (node,))
        self.con.executemany("INSERT INTO names VALUES (?, ?, ?)", rows)

    def links_of(self, node: str) -> list[RelatedLink]:
        rows = self.con.execute(
            "SELECT position, url, id, title, subject, line, target, origin FROM links WHERE article = ? "
            "ORDER BY rowid", (node,)).fetchall()
        return [RelatedLink(p, u, i, t, s, line, target=tg, origin=o) for p, u, i, t, s, line, tg, o in rows]

    def set_file(self, path: str, status: str | None, node: str | None = None) -> None:
        self.con.execute("DELETE FROM files WHERE path = ?", (path,))
        if status is not None:
            self.con.execute("INSERT INTO files VALUES (?, ?, ?)", (path, status, node))

    def replace_problems(self, paths: Iterable[str], problems: Iterable[Any], *, codes: Iterable[str] | None = None,
                         also: str | None = None) -> None:
        """Delete the problems of ``paths`` (only those with ``codes``, when given; also every problem
        whose path matches the SQL pattern ``also``), then add ``problems``."""
        code_list = list(codes) if codes is not None else None
        for path in paths:
            if code_list is None:
                self.con.execute("DELETE FROM problems WHERE path = ?", (path,))
            else:
                self.con.execute(f"DELETE FROM problems WHERE path = ? AND code IN ({','.join('?' * len(code_list))})",
                                 (path, *code_list))
        if also is not None:
            self.con.execute("DELETE FROM problems WHERE path GLOB ?", (also,))
        self.con.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?)",
                             ((p.path, p.line, p.severity, p.code, p.message) for p in problems))

    def set_hidden(self, hidden: Iterable[tuple[str, int | None]]) -> None:
        self.con.execute("DELETE FROM hidden_folders")
        self.con.executemany("INSERT INTO hidden_folders VALUES (?, ?)", hidden)

    def set_meta(self, entries: dict[str, Any]) -> None:
        self.set_meta_text({k: _json_in_order(v) for k, v in entries.items()})

    def set_meta_text(self, rows: Mapping[str, str]) -> None:
        """Set ``meta`` rows whose values are already encoded (:func:`meta_text`)."""
        self.con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows.items())

    def put_health(self, facts: Facts | None, nodes: Collection[str] | None = None) -> None:
        """Keep the health facts of the articles ``nodes`` (all when ``None``) in the ``health``
        table, for the next patched build (:func:`patched_health_facts`); ``None`` for ``facts``
        empties the table: the build has no findings."""
        self.con.execute(_HEALTH_TABLE)  # a database of an earlier qagraph may lack it
        if nodes is None or facts is None:
            self.con.execute("DELETE FROM health")
        else:
            self.con.execute("DELETE FROM health WHERE node IN (SELECT value FROM json_each(?))",
                             (json.dumps(sorted(nodes)),))
        if facts is None:
            return
        articles = facts.articles
        self.con.executemany(
            f"INSERT INTO health SELECT n.id, n.node, {', '.join('?' * (_HEALTH_ROW - 1))} FROM nodes n WHERE n.node = ?",
            ((*values, node) for node, *values in (_health_row(facts, n) for n in (
                articles if nodes is None else sorted(n for n in nodes if n in articles)))))

    def replace_corpus_problems(self, problems: Iterable[Problem], hidden: Iterable[tuple[str, int | None]]) -> None:
        """The problems of the corpus as a whole, of folders and of the site's own files (their paths:
        ``.``, ``folder/``, a path no input file has), and the hidden folders, in place of those the
        database holds."""
        self.con.execute(f"DELETE FROM problems WHERE {CORPUS_PROBLEMS}")
        self.con.executemany("INSERT INTO problems VALUES (?, ?, ?, ?, ?)",
                             ((p.path, p.line, p.severity, p.code, p.message) for p in problems))
        self.con.execute("DELETE FROM hidden_folders")
        self.con.executemany("INSERT INTO hidden_folders VALUES (?, ?)", hidden)

    def commit(self) -> None:
        self.con.execute("COMMIT")
        self.con.close()

    def rollback(self) -> None:
        """Undo the patch; a full disk (SQLITE_FULL) may have undone it already."""
        try:
            if self.con.in_transaction:
                self.con.execute("ROLLBACK")
        finally:
            self.con.close()


def health_facts(con: sqlite3.Connection, keywords: Collection[str] | None = None) -> Facts:
    """What :func:`qagraph.health.findings` reads, from a stored build: the findings equal
    those of the whole graph (:func:`qagraph.health.health`) without loading it. They come
    from the ``health`` table the build keeps, or, without it, from the edges.

    ``keywords`` limits the keywords checked for malformed spellings to those nodes (the
    others are known to be well formed); ``None`` checks them all.
    """
    facts = _kept_health_facts(con) or _health_facts_of_edges(con)
    _check_keywords(con, facts, keywords)
    return facts


#: what :class:`~qagraph.health.Facts` holds of an article, as columns of ``articles``
_HEALTH_FACTS = ("path", "title", "subject", "subject_label", "id", "question")
_HEALTH_COLUMNS = ", ".join(_HEALTH_FACTS)
#: the same facts read from the ``articles`` table: a subject label no file wrote is no one's spelling
_ARTICLE_HEALTH_COLUMNS = _HEALTH_COLUMNS.replace(
    "subject_label", "CASE WHEN subject_given = 0 THEN NULL ELSE subject_label END")
# for each fact about an article ``a``: there is such an edge (a related link always starts at an article)
_LINKED_TO = "SELECT 1 FROM edges e WHERE e.target = a.node_id AND e.kind = 'related' AND e.source != e.target"
_LINKS_OUT = "SELECT 1 FROM edges e WHERE e.source = a.node_id AND e.kind = 'related' AND e.source != e.target"
_SIMILAR_FROM = "SELECT 1 FROM edges e WHERE e.source = a.node_id AND e.kind = 'similar'"
_SIMILAR_TO = "SELECT 1 FROM edges e WHERE e.target = a.node_id AND e.kind = 'similar'"
# the related links to a stub, each as (article, position, stub, url, title, line in the article's file)
_OUTSIDE = ("SELECT a.node, e.position, s.node, s.url, s.title, json_extract(e.data, '$.line') FROM stubs s "
            "CROSS JOIN edges e ON e.target = s.node_id AND e.kind = 'related' JOIN articles a ON a.node_id = e.source")


def _health_row(facts: Facts, node: str) -> tuple[Any, ...]:
    """The ``health`` row of an article of ``facts`` but its integer id (its subject's spelling
    as ``subject_label``: :func:`~qagraph.health.spelling`)."""
    data = facts.articles[node]
    key = facts.question_keys.get(node)
    if key is None:
        key = question_key(data.get("question"))
    get = data.get  # _HEALTH_FACTS, in order
    return (node, get("path"), get("title"), get("subject"), spelling(data), get("id"), get("question"), key,
            node in facts.linked_to, node in facts.links_out, node in facts.similar)


#: how many values a ``health`` row has but its integer id: the node, its facts, its question key and three flags
_HEALTH_ROW = 1 + len(_HEALTH_FACTS) + 4


def _health_facts_of_edges(con: sqlite3.Connection) -> Facts:
    from .health import Facts

    articles, names = _article_facts(con)
    linked_to, links_out, similar = _flags(con, names)
    return Facts(articles, linked_to, links_out, con.execute(_OUTSIDE).fetchall(), similar)


def _article_facts(con: sqlite3.Connection, nodes: Iterable[str] | None = None
                   ) -> tuple[dict[str, dict[str, Any]], dict[int, str]]:
    """What the facts hold of each article (of ``nodes`` among them, when given), from the
    ``articles`` table; and the articles' node ids by integer id."""
    query = f"SELECT node_id, node, {_ARTICLE_HEALTH_COLUMNS} FROM articles"
    rows = con.execute(query) if nodes is None else con.execute(
        f"{query} WHERE node IN (SELECT value FROM json_each(?))", (json.dumps(sorted(nodes)),))
    articles: dict[str, dict[str, Any]] = {}
    names: dict[int, str] = {}
    for i, node, *values in rows:
        names[i] = node
        articles[node] = dict(zip(_HEALTH_FACTS, values))
    return articles, names


def _flags(con: sqlite3.Connection, names: Mapping[int, str],
           only: bool = False) -> tuple[set[str], set[str], set[str]]:
    """The articles of ``names`` (with ``only``; else every article) that another article links
    to, that link to another, and that have a similar article: :class:`~qagraph.health.Facts`'s
    ``linked_to``, ``links_out`` and ``similar``."""
    return (_having(con, _LINKED_TO, names, only), _having(con, _LINKS_OUT, names, only),
            _having(con, _SIMILAR_FROM, names, only) | _having(con, _SIMILAR_TO, names, only))


def _having(con: sqlite3.Connection, edge: str, names: Mapping[int, str], only: bool = False) -> set[str]:
    """The articles of ``names`` at the given end of an edge (one index lookup each); with
    ``only``, just those (else every article: ``names`` holds them all)."""
    where = "a.node_id IN (SELECT value FROM json_each(?)) AND " if only else ""
    return {names[i] for (i,) in con.execute(f"SELECT a.node_id FROM articles a WHERE {where}EXISTS ({edge})",
                                             (json.dumps(sorted(names)),) if only else ())}


def _kept_health_facts(con: sqlite3.Connection) -> Facts | None:
    """The facts in the ``health`` table (:meth:`DatabasePatch.put_health`); ``None`` when it
    holds none (a build without the findings, or one made before the table)."""
    from .health import Facts

    if not _holds_health(con):
        return None
    rows = con.execute(f"SELECT node, {_HEALTH_COLUMNS}, question_key, linked_to, links_out, similar FROM health"
                       ).fetchall()
    n = len(_HEALTH_FACTS)  # a row: node, the facts, then the question key and three flags
    articles = {row[0]: dict(zip(_HEALTH_FACTS, row[1:n + 1])) for row in rows}
    keys: dict[str, str] = {row[0]: row[n + 1] for row in rows}
    linked_to, links_out, similar = ({row[0] for row in rows if row[i]} for i in (n + 2, n + 3, n + 4))
    return Facts(articles, linked_to, links_out, con.execute(_OUTSIDE).fetchall(), similar, question_keys=keys)


def _check_keywords(con: sqlite3.Connection, facts: Facts, keywords: Collection[str] | None) -> None:
    """Give ``facts`` the keywords to check (all of them when ``keywords`` is ``None``, else those and
    the keywords spelled as one of them is: :func:`~qagraph.health.spelling_key`) and their holders;
    and the site's home pages (:attr:`~qagraph.health.Facts.homes`), by the index of urls."""
    facts.homes = {node for (node,) in con.execute("SELECT node FROM articles WHERE url = '/'")}
    from .health import spelled_alike, spelling_key
    from .ids import keyword_node

    columns = "SELECT node, name, labels, key, spellings FROM keywords"
    if keywords is None:
        rows = con.execute(columns)
    else:
        given = con.execute("SELECT key FROM keywords WHERE node IN (SELECT value FROM json_each(?))",
                            (json.dumps(sorted(keywords)),))
        alike, scan = set(keywords), set()
        for squashed in {spelling_key(key) for (key,) in given}:  # the names a key's other spellings would have
            names = spelled_alike(squashed)
            if names is None:
                scan.add(squashed)
            else:
                alike.update(keyword_node(name) for name in names)
        if scan:  # a key of many words: its other spellings are looked for in every key
            alike.update(node for node, key in con.execute("SELECT node, key FROM keywords WHERE key GLOB '*[-_]*'")
                         if spelling_key(key) in scan)
        rows = con.execute(f"{columns} WHERE node IN (SELECT value FROM json_each(?))", (json.dumps(sorted(alike)),))
    facts.keywords = {node: {"label": label, "labels": _load(labels, "t") or (), "key": key,
                             "spellings": _load(spellings, "t") or ()}
                      for node, label, labels, key, spellings in rows}

    def many_holders(nodes: Collection[str]) -> dict[str, list[tuple[str, Any, Any]]]:
        found: dict[str, list[tuple[str, Any, Any]]] = {}
        for keyword, article, line, label in con.execute(
                "SELECT k.node, a.node, json_extract(e.data, '$.line'), (SELECT json_extract(a.keyword_labels, "
                "'$[' || j.key || ']') FROM json_each(a.keywords) j WHERE j.value = k.key) FROM edges e "
                "JOIN keywords k ON k.node_id = e.target JOIN articles a ON a.node_id = e.source "
                "WHERE k.node IN (SELECT value FROM json_each(?)) AND e.kind = 'keyword'", (json.dumps(sorted(nodes)),)):
            found.setdefault(keyword, []).append((article, line, label))
        return found

    facts.holders = lambda node: many_holders([node]).get(node, [])
    facts.many_holders = many_holders

    def subject_lines(nodes: Iterable[str]) -> dict[str, Any]:
        return dict(con.execute(
            "SELECT a.node, json_extract(e.data, '$.line') FROM articles a JOIN edges e ON e.source = a.node_id "
            "AND e.kind = 'subject' WHERE a.node IN (SELECT value FROM json_each(?))", (json.dumps(sorted(nodes)),)))

    facts.subject_lines = subject_lines


def patched_health_facts(con: sqlite3.Connection, previous: sqlite3.Connection, changed: Collection[str],
                         removed: Collection[str], keywords: Collection[str] | None = None
                         ) -> tuple[Facts, set[str] | None]:
    """The facts of a patched build database ``con`` whose ``health`` table still holds those of
    the build it was copied from, ``previous``; and the nodes whose rows of that table must be
    written again (``None``: all of them, when the table held nothing to start from).

    ``changed`` and ``removed`` are what the update changed (:class:`qagraph.incremental.Update`).
    A related link that came or went has an end among them, but not always both (an article
    whose link led to a removed article loses it without changing itself), so the articles at
    the other end of their related links, before and after, are read again too. A similar edge
    that came or went has both ends in ``changed``. Stubs' urls and titles are read again with
    every link to a stub. The facts equal :func:`health_facts` of a database written from scratch.
    """
    facts = _kept_health_facts(con)
    again: set[str] | None = None
    if facts is None:
        facts = _health_facts_of_edges(con)
    else:
        again = _read_again(con, previous, facts, {*changed, *removed})
    _check_keywords(con, facts, keywords)
    return facts, again


def _again(con: sqlite3.Connection, previous: sqlite3.Connection, touched: set[str]) -> set[str]:
    """``touched`` and the nodes at the other end of their related links, before (``previous``)
    and after (``con``): the articles whose health facts a patch may have changed."""
    wanted = (json.dumps(sorted(touched)),)
    reached = ("SELECT t.node FROM nodes s JOIN edges e ON e.source = s.id AND e.kind = 'related' "
               "JOIN nodes t ON t.id = e.target WHERE s.node IN (SELECT value FROM json_each(?1)) "
               "UNION SELECT s.node FROM nodes t JOIN edges e ON e.target = t.id AND e.kind = 'related' "
               "JOIN nodes s ON s.id = e.source WHERE t.node IN (SELECT value FROM json_each(?1))")
    return {*touched, *(n for (n,) in previous.execute(reached, wanted)), *(n for (n,) in con.execute(reached, wanted))}


def patched_health(con: sqlite3.Connection, previous: sqlite3.Connection, changed: Collection[str],
                   removed: Collection[str], keywords: Collection[str] | None = None
                   ) -> tuple[Facts, HealthPatch] | None:
    """What :func:`qagraph.health.patched_findings` reads of a patched build database ``con``
    whose ``health`` table still holds the facts of the build it was copied from, ``previous``
    (``None`` when it holds none): a few hundred rows after an edit, where the findings of
    the whole build read 36k. ``changed``, ``removed`` and ``keywords`` are those of
    :func:`patched_health_facts`; the facts' articles of :attr:`~qagraph.health.HealthPatch.again`
    are what :meth:`DatabasePatch.put_health` writes again.
    """
    from .health import Facts, HealthPatch, keyword_spellings, malformed_keywords
    from .normalize import question_key

    if not _holds_health(con):
        return None
    again = _again(con, previous, {*changed, *removed})
    articles, names = _article_facts(con, again)
    keys = {node: question_key(data.get("question")) for node, data in articles.items()}
    listed = (json.dumps(sorted(again)),)
    before = con.execute("SELECT node, question_key, subject, subject_label, path, title FROM health "
                         "WHERE node IN (SELECT value FROM json_each(?))", listed)
    asked = set(keys.values())
    filed: dict[str, tuple[Any, ...]] = {}  # node -> what a subject's spellings show of it, before the change
    for node, key, slug, *shown in before:
        asked.add(key)
        filed[node] = (slug or "", *shown)
    asked.discard("")  # a question with no words asks nothing
    # a subject's spellings are made again where an article came, went, moved, or changed its
    # spelling, path or title (an edit of keywords or text: none; the subject's articles are not read)
    slugs: set[str] = set()
    for node in again:
        then, data = filed.get(node), articles.get(node)
        now = None if data is None else (
            data.get("subject") or "", data.get("subject_label"), data.get("path"), data.get("title"))
        if then != now:
            slugs.update(side[0] for side in (then, now) if side is not None)
    asking = {node for node, key in keys.items() if key in asked}
    rows = con.execute(f"SELECT node, {_HEALTH_COLUMNS}, question_key FROM health "
                       "WHERE question_key IN (SELECT value FROM json_each(?))", (json.dumps(sorted(asked)),))
    n = len(_HEALTH_FACTS)
    for row in rows:
        if row[0] not in again:
            articles[row[0]] = dict(zip(_HEALTH_FACTS, row[1:n + 1]))
            keys[row[0]] = row[n + 1]
            asking.add(row[0])
    subjects: dict[str, list[str]] = {slug: [] for slug in slugs}
    members = con.execute(f"SELECT node, {_ARTICLE_HEALTH_COLUMNS} FROM articles "
                          "WHERE subject IN (SELECT value FROM json_each(?))"
                          + (" OR subject IS NULL OR subject = ''" if "" in slugs else ""),
                          (json.dumps(sorted(slugs)),))
    for node, *values in members:
        data = articles.setdefault(node, dict(zip(_HEALTH_FACTS, values)))
        subjects[data.get("subject") or ""].append(node)
    linked_to, links_out, similar = _flags(con, names, only=True)
    facts = Facts(articles, linked_to, links_out, con.execute(_OUTSIDE).fetchall(), similar, question_keys=keys)
    _check_keywords(con, facts, keywords)
    # the findings list the articles of the links that leave the corpus, those holding a malformed keyword and
    # those writing a keyword spelled several ways, of the keywords the edit changed (the others list theirs
    # as before: :func:`~qagraph.health.keyword_spellings`)
    touched = {node for node in (*changed, *removed) if node.startswith(KEYWORD + ":")}
    spelled = {node for entry in keyword_spellings(facts) if not touched.isdisjoint(entry["keywords"])
               for node in entry["keywords"]}
    shown = {u for u, *_ in facts.outside} | {a for held in facts.holders_of({*malformed_keywords(facts), *spelled}).values()
                                              for a, *_ in held}
    articles.update(_article_facts(con, shown - articles.keys())[0])
    return facts, HealthPatch(again, asking, subjects, touched)


def _holds_health(con: sqlite3.Connection) -> bool:
    """Whether the ``health`` table holds the facts of the build (see :func:`_kept_health_facts`)."""
    if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'health'").fetchone() is None:
        return False
    holds = "SELECT EXISTS (SELECT 1 FROM health) OR NOT EXISTS (SELECT 1 FROM articles)"
    return bool(con.execute(holds).fetchone()[0])


def _read_again(con: sqlite3.Connection, previous: sqlite3.Connection, facts: Facts, touched: set[str]) -> set[str]:
    """Read again into ``facts`` the articles among ``touched`` and those at the other end of their
    related links, before (``previous``) and after (``con``); the nodes read again."""
    again = _again(con, previous, touched)
    articles = facts.articles
    assert isinstance(articles, dict)
    for node in again:
        articles.pop(node, None)
        facts.question_keys.pop(node, None)
    facts.linked_to -= again
    facts.links_out -= again
    facts.similar -= again
    found, names = _article_facts(con, again)
    articles.update(found)
    linked_to, links_out, similar = _flags(con, names, only=True)
    facts.linked_to |= linked_to
    facts.links_out |= links_out
    facts.similar |= similar
    return again
