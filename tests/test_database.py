"""qagraph.database: the stored build holds the graph exactly and is useful to plain SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import qagraph
from conftest import CONTENT
from qagraph.database import DATABASE, SCHEMA_VERSION, BuildDatabase, title_words, write_database


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("db") / "build"
    kg = qagraph.build(CONTENT, out=out)
    return kg, out / DATABASE


def test_the_graph_round_trips_exactly(built):
    kg, path = built
    G, H = kg.graph, BuildDatabase(path).graph()
    assert dict(G.nodes(data=True)) == dict(H.nodes(data=True))
    assert sorted(G.edges(keys=True, data=True)) == sorted(H.edges(keys=True, data=True))
    assert G.graph == H.graph
    for n, data in H.nodes(data=True):  # tuples stay tuples, so answers compare equal
        assert not any(isinstance(v, list) for k, v in data.items() if k != "extra"), n


def test_plain_sql_from_the_readme(built):
    kg, path = built
    con = sqlite3.connect(path)
    by_subject = dict(con.execute("SELECT subject, count(*) FROM articles GROUP BY subject"))
    assert by_subject["computer-science"] == 16 and sum(by_subject.values()) == 49
    similar = con.execute(
        "SELECT a.title, e.weight FROM edges e JOIN articles a ON a.node_id = e.target "
        "WHERE e.kind = 'similar' AND e.source = (SELECT node_id FROM articles WHERE id = 165309) ORDER BY e.weight DESC"
    ).fetchall()
    assert similar and all(0 < w <= 1 for _, w in similar)
    named = con.execute("SELECT source, kind, target FROM edges_named WHERE kind = 'related' LIMIT 1").fetchone()
    assert named[0].startswith("article:") and named[2].startswith("article:")
    assert con.execute("SELECT count(*) FROM files").fetchone()[0] == kg.counts["files"]
    kinds = {k for (k,) in con.execute("SELECT kind FROM edge_kinds")}
    assert kinds >= {"subject", "keyword", "related", "similar", "same-question"}
    plan = " ".join(r[-1] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT target FROM edges WHERE source = 1 AND kind = 'similar'"))
    assert "USING" in plan and "INDEX" in plan  # an index lookup, not a scan


def test_fts_finds_what_find_finds(built):
    kg, path = built
    db = BuildDatabase(path)
    for node in kg.articles:
        words = title_words(kg.node(node)["title"]).split()
        assert db.find_words(words) == kg._source.find_words(words)  # FTS5 and the index in memory agree
        assert node in db.find_words(words[:2])


def test_unwritable_and_foreign_files_are_output_errors(built, tmp_path: Path):
    kg, _ = built
    with pytest.raises(qagraph.OutputError, match="cannot write the build database"):
        write_database(kg.graph, tmp_path / "missing" / "x.db", report=kg.report())
    with pytest.raises(qagraph.OutputError, match="build again"):
        BuildDatabase(_of_a_later_schema(tmp_path / "old.db"))


def _of_a_later_schema(path: Path) -> Path:
    """A database at ``path`` whose meta names the schema after this qagraph's."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION + 1),))
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("value", [
    (), ("a",), ('\u00e9 "q" \\ \n \u2028 \x01',), [("Alpha", 3), ("alpha", 1)],
    {"shared": ("x", "y"), "origin": "wiki-link"}, {"positions": (1, 2, 3)}, {"b": 1, "a": "z"},
    {"nested": {"x": 1}}, ("mixed", 1), {"n": None}, [1.5, "x"],
    ("plain", "caf\u00e9", "\x7f"), ("back\\slash", "ok"), ("ok", "ctl\x1f"), ("ok", 'q"'), (("pair", 1),), ("a", None),
])
def test_fast_encoding_is_the_json_encoding(value):
    from qagraph.database import _encode, _json

    assert _encode(value) == _json(value)


def test_edge_rows_hold_the_data_edge_rest_writes():
    """The rows written without :func:`_edge_rest` (a line's, a similar pair's) hold its text."""
    import networkx as nx

    from qagraph.database import _edge_rest, _edge_rows

    shapes = [{"kind": "similar", "weight": 0.5, "shared": ("a", 'q"')}, {"kind": "similar", "weight": 0.25, "shared": ("x",)},
              {"kind": "keyword", "line": 3}, {"kind": "subject", "line": 3}, {"kind": "same-question"},
              {"kind": "related", "line": 2, "origin": "front-matter", "position": 1, "positions": (1,)},
              {"kind": "similar", "weight": 0.1, "shared": None}, {"kind": "similar", "shared": ("y",), "other": 2},
              {"kind": "similar", "weight": 0.0, "shared": ()}]
    G = nx.MultiDiGraph()
    for i, data in enumerate(shapes):
        G.add_edge(f"a{i}", f"b{i}", key=data["kind"], **data)
    number = {n: i for i, n in enumerate(sorted(G), 1)}
    rows = list(_edge_rows(G, number))
    assert len(rows) == len(shapes)
    for row, (u, v, data) in zip(rows, G.edges(data=True)):
        widened = row if len(row) == 6 else (*row[:3], None, None, row[3] if len(row) == 4 else None)
        assert widened == (number[u], data["kind"], number[v], data.get("weight"), data.get("position"), _edge_rest(data))


def test_counts_by_kind_are_those_of_group_by_even_with_a_kind_outside_the_registry(built, tmp_path):
    import shutil

    from qagraph.database import count_by_kind

    _, path = built
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    con = sqlite3.connect(copy)
    for table in ("nodes", "edges"):
        assert count_by_kind(con, table) == dict(con.execute(f"SELECT kind, count(*) FROM {table} GROUP BY kind"))
    con.execute("UPDATE edges SET kind = 'plugin-kind' WHERE rowid = (SELECT min(rowid) FROM edges)")
    con.execute("UPDATE nodes SET kind = 'plugin-node' WHERE id = (SELECT max(id) FROM nodes)")
    for table in ("nodes", "edges"):
        counts = count_by_kind(con, table)
        assert counts == dict(con.execute(f"SELECT kind, count(*) FROM {table} GROUP BY kind"))
        assert any(kind.startswith("plugin-") for kind in counts)
    with pytest.raises(ValueError):
        count_by_kind(con, "articles")


def test_a_patch_counts_the_kinds_it_adds_and_removes(built, tmp_path):
    """A patched build's report moves the previous counts by what the patch changed instead of
    counting every edge again: the changes must be exactly the difference of the counts."""
    import shutil

    from qagraph.database import DatabasePatch, count_by_kind

    _, path = built
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    con = sqlite3.connect(copy)
    before = {table: count_by_kind(con, table) for table in ("nodes", "edges")}
    article, other = (r[0] for r in con.execute("SELECT node FROM articles ORDER BY node LIMIT 2"))
    con.close()
    patch = DatabasePatch(copy)
    patch.set_node("keyword:patched", {"kind": "keyword", "label": "patched", "key": "patched", "df": 1})
    patch.add_edge(article, "keyword:patched", "keyword", {"kind": "keyword"})
    patch.add_edge(article, "keyword:patched", "keyword", {"kind": "keyword"})  # replaced, not added twice
    patch.add_edge(article, other, "similar", {"kind": "similar", "weight": 0.5, "shared": ["x"]})
    patch.remove_node(other)  # and every edge of it, the one just added among them
    patch.set_node(article, {"kind": "stub", "label": "now outside the corpus"})  # a node whose kind changes
    changes = patch.kind_changes()
    patch.commit()
    con = sqlite3.connect(copy)
    after = {table: count_by_kind(con, table) for table in ("nodes", "edges")}
    for table in ("nodes", "edges"):
        moved = {k: after[table].get(k, 0) - before[table].get(k, 0) for k in {*before[table], *after[table]}}
        assert changes[table] == {k: n for k, n in moved.items() if n}, table
    assert changes["nodes"]["stub"] == 1 and changes["nodes"]["article"] == -2
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").fetchone() == (0,)


def test_long_texts_are_stored_as_text_and_leave_the_graphs_strings_as_they_were(tmp_path):
    """Answers, questions, bodies and descriptions go to SQLite as UTF-8 bytes cast to TEXT: the
    same values as binding the strings (NULs, astral characters and empty texts too), and the
    graph's strings do not grow a cached UTF-8 copy (which binding a str that is not ASCII makes
    Python keep for the string's life: 37 MB at 36k articles)."""
    import sys

    import networkx as nx

    from qagraph.database import DatabasePatch

    texts = {"question": "Qu’est-ce qu’un graphe ?", "answer": "Un graphe — \u00e9tale 😀\na\x00b",
             "body": "", "description": "x" * 300}
    G = nx.MultiDiGraph()
    G.add_node("article:/a", kind="article", label="A", key="/a", title="A", subject="s", **texts)
    sizes = {k: sys.getsizeof(v) for k, v in texts.items()}
    path = write_database(G, tmp_path / DATABASE, report={"counts": {"articles": 1}})
    assert {k: sys.getsizeof(v) for k, v in texts.items()} == sizes  # no UTF-8 copy kept in them
    patch = DatabasePatch(path)  # a patched build stores them the same way
    patch.set_node("article:/b", {"kind": "article", "label": "B", "key": "/b", "title": "B", **texts})
    patch.commit()
    con = sqlite3.connect(path)
    for node in ("article:/a", "article:/b"):
        row = con.execute("SELECT question, answer, body, description, typeof(question), typeof(answer), "
                          "typeof(body), typeof(description), length(answer) FROM articles WHERE node = ?",
                          (node,)).fetchone()
        assert row[:4] == (texts["question"], texts["answer"], texts["body"], texts["description"])
        assert row[4:8] == ("text",) * 4 and row[8] == len(texts["answer"].split("\x00")[0])  # SQL length stops at NUL
    assert BuildDatabase(path).node_data("article:/b")["answer"] == texts["answer"]


def test_degrees_are_the_graphs_link_degrees(built, tmp_path):
    """A subject view's part of a build reads its articles' links' number from the database
    (:func:`qagraph.html.update.subject_graph`): the same as networkx counts them, a loop twice."""
    from qagraph.html.select import link_degrees
    from qagraph.kinds import link_kinds

    kg, path = built
    links = [k.name for k in link_kinds()]
    G = kg.graph.copy()
    a, b = sorted(n for n, k in G.nodes(data="kind") if k == "article")[:2]
    G.add_edge(a, a, key="related", kind="related", position=9)  # an article that links to itself
    G.add_edge(b, a, key="same-question", kind="same-question")
    write_database(G, tmp_path / "loop.db", report={})
    for graph, db in ((kg.graph, BuildDatabase(path)), (G, BuildDatabase(tmp_path / "loop.db"))):
        ids = db.ids_of(graph.nodes)
        counted = db.degrees(ids.values(), links)
        assert {node: counted[i] for node, i in ids.items() if i in counted} == link_degrees(graph)
        assert db.degrees([], links) == {}
    assert link_degrees(G)[a] == link_degrees(kg.graph).get(a, 0) + 3  # the loop twice, the new link once


@pytest.mark.parametrize("unreadable", ["the database", "its folder"])
def test_a_build_database_this_user_cannot_read_is_said_to_be_unreadable(built, tmp_path, unreadable):
    """A database (or the folder holding it) another user's permissions keep from this one was
    "not a qagraph build database: unable to open database file", or "no build database here": it
    is one, and it is there. The error says it cannot be read, and why."""
    import shutil
    import subprocess
    import sys

    out = tmp_path / "build"
    out.mkdir()
    shutil.copyfile(built[1], out / DATABASE)
    locked = out / DATABASE if unreadable == "the database" else out
    locked.chmod(0)
    code = ("import sys\nimport qagraph\nfrom qagraph.database import BuildDatabase\n"
            "for way in (BuildDatabase, qagraph.open):\n    try:\n        way(sys.argv[1])\n"
            "    except Exception as exc:\n        print(type(exc).__name__, exc)")
    try:  # as a user whom permissions stop: the tests run as root
        done = subprocess.run(["unshare", "--user", sys.executable, "-c", code, str(out / DATABASE)],
                              capture_output=True, text=True, timeout=60)
    finally:
        locked.chmod(0o755)
    assert (done.stderr, done.stdout) == ("", f"OutputError {out / DATABASE}: cannot read the build database "
                                              "(permission denied)\n" * 2)


@pytest.mark.parametrize("kept", [100, 4096, "half"])
def test_a_build_database_cut_short_is_said_to_be_damaged(built, tmp_path, kept):
    """A build database cut short (a full disk, a copy stopped half-way) was "not a qagraph build
    database: database disk image is malformed" when opened, where one damaged further in was "the
    build database is damaged ...; build again": it is one, damaged, and a build makes it again."""
    import shutil

    out = tmp_path / "build"
    out.mkdir()
    shutil.copyfile(built[1], out / DATABASE)
    data = (out / DATABASE).read_bytes()
    (out / DATABASE).write_bytes(data[: len(data) // 2 if kept == "half" else kept])
    for way in (BuildDatabase, qagraph.open):
        with pytest.raises(qagraph.OutputError, match=r"the build database is damaged \(.*malformed\); build again"):
            way(out / DATABASE if way is BuildDatabase else out)
    (out / DATABASE).write_bytes(b"SQLite format 3\x00" + bytes(100))  # a header and nothing: no database
    with pytest.raises(qagraph.OutputError, match="not a qagraph build database"):
        BuildDatabase(out / DATABASE)


def _open_files(path: Path) -> int:
    """How many of this process's file descriptors are open on ``path``."""
    import os

    target = str(path.resolve())
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}") == target
        except OSError:  # closed while listed (the listing's own)
            pass
    return count


@pytest.mark.parametrize("way", ["BuildDatabase", "qagraph.open", "schema of another version"])
def test_a_database_dropped_without_close_is_closed_at_once(built, tmp_path, way):
    """CPython's sqlite3 connection refers to itself (its statement cache), so a connection dropped
    open waited for the cyclic collector, which a build pauses and then freezes what exists: a
    process that opened builds and built again kept every such file open (a long test run hit the
    1,024 descriptors that select() takes). Dropped, a build database's file is closed at once,
    also when it is refused as of another schema."""
    import gc

    path = _of_a_later_schema(tmp_path / "old.db") if way == "schema of another version" else built[1]
    before = _open_files(path)
    gc.disable()
    try:
        for _ in range(3):
            if way == "BuildDatabase":
                db = BuildDatabase(path)
                db.node_counts()
                assert _open_files(path) == before + 1
                del db
            elif way == "qagraph.open":
                kg = qagraph.open(path.parent)
                kg.top_subjects(3)
                del kg
            else:
                with pytest.raises(qagraph.OutputError, match="build again"):
                    BuildDatabase(path)
        assert _open_files(path) == before
    finally:
        gc.enable()
