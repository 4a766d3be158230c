"""qagraph.rdf.store and sparql_endpoint: the persistent store of a build folder, remote SPARQL."""

from __future__ import annotations

import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import networkx as nx
import pytest

from qagraph.errors import StoreError, UsageError
from qagraph.graph import build_graph
from qagraph.load import load_corpus as load
from qagraph.rdf import open_store, sparql, sparql_endpoint, write_rdf
from qagraph.rdf.query import with_prefixes
from qagraph.rdf.store import STORE_DIR, store_digest
from test_rdf_push import free_port, server  # noqa: F401 - the module-scoped Oxigraph server fixture

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "rdf" / "hostile"
COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
#: the stores of a build: db-* (the named graphs too) and default-* (the default graph alone, for the
#: queries that name no graph, such as COUNT)
STORES = "d*-*"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    graph, _ = build_graph(load(HOSTILE))
    return graph


def n(target) -> int:
    return sparql(target, COUNT).values()[0]["n"]


def test_the_store_is_made_from_the_parts_and_reused_while_they_are_unchanged(G, tmp_path):
    result = write_rdf(G, tmp_path, formats=("nq", "ttl"), similarity="full", parts=2)
    store = open_store(tmp_path)
    assert len(store) == 2 * result.stats.total  # in the named graphs, and merged in the default graph
    import pyoxigraph as ox
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == result.stats.total
    assert {g.value for g in store.named_graphs()} == {
        "https://qagraph.example/id/graph/content", "https://qagraph.example/id/graph/similarity"}
    made = list((tmp_path / STORE_DIR).glob(STORES))
    assert len(made) == 1
    mtime = made[0].stat().st_mtime_ns
    assert n(tmp_path) == result.stats.total
    assert [p.stat().st_mtime_ns for p in (tmp_path / STORE_DIR).glob(STORES)] == [mtime]


def test_a_changed_part_makes_a_new_store_and_removes_the_old(G, tmp_path):
    write_rdf(G, tmp_path, similarity="full", parts=2)
    old = n(tmp_path)
    digest = store_digest(tmp_path)
    result = write_rdf(G, tmp_path, similarity="none", parts=2, only={0, 1})
    assert store_digest(tmp_path) != digest
    assert n(tmp_path) == result.stats.total < old
    assert len(list((tmp_path / STORE_DIR).glob(STORES))) == 1


@pytest.mark.parametrize("damage", ["garbled", "emptied", "removed", "unmarked"])
def test_a_damaged_store_is_made_again_from_the_parts(G, tmp_path, damage):
    """The store is a cache of the part files: one whose files were garbled, emptied or removed
    (a disk full, a copy cut short) made every query fail with "internal error: RuntimeError:
    Corruption: ..." (exit 70); it is made again from the parts, and answers as before. One whose
    mark of completion is gone (half of its files removed) made every query fail with "Directory not
    empty" (exit 4): the new store was renamed onto it."""
    result = write_rdf(G, tmp_path)
    assert n(tmp_path) == result.stats.total
    [db] = (tmp_path / STORE_DIR).glob(STORES)
    for file in sorted(db.iterdir()):
        if damage == "unmarked":
            if file.name == "complete":
                file.unlink()
        elif file.name != "complete":
            if damage == "removed":
                file.unlink()
            else:
                file.write_bytes(b"\x00garbage" if damage == "garbled" else b"")
    assert n(tmp_path) == result.stats.total
    assert len(list((tmp_path / STORE_DIR).glob(STORES))) == 1


@pytest.mark.parametrize("where", ["store folder", "store"])
def test_a_file_where_the_store_goes_is_replaced(G, tmp_path, where):
    """A file in place of the store's folder, or of the store itself (a copy tool that flattened a
    folder, a stray `touch`), made every query fail with "[Errno 17] File exists" or "Not a
    directory" (exit 4), and nothing but deleting it by hand helped. The store is qagraph's cache
    inside its own ``.qagraph`` folder: the file is removed and the store made from the parts."""
    result = write_rdf(G, tmp_path)
    assert n(tmp_path) == result.stats.total
    [db] = (tmp_path / STORE_DIR).glob(STORES)
    target = tmp_path / STORE_DIR if where == "store folder" else db
    shutil.rmtree(target)
    target.write_text("not a store\n")
    assert n(tmp_path) == result.stats.total
    assert (tmp_path / STORE_DIR).is_dir() and len(list((tmp_path / STORE_DIR).glob(STORES))) == 1


def test_a_touched_but_identical_part_keeps_the_store(G, tmp_path):
    write_rdf(G, tmp_path)
    open_store(tmp_path)
    digest = store_digest(tmp_path)
    before = list((tmp_path / STORE_DIR).glob(STORES))
    write_rdf(G, tmp_path)  # same bytes, new modification time
    assert store_digest(tmp_path) == digest
    open_store(tmp_path)
    assert list((tmp_path / STORE_DIR).glob(STORES)) == before


def test_a_part_edited_to_the_same_size_with_its_time_set_back_makes_a_new_store(G, tmp_path):
    """The digest of a part was kept by its size and modification time: an edit that keeps the
    size, with the time set back as ``touch -d`` does (or within one tick of the file system's
    clock), left the old digest, and queries answered from the store of the old part."""
    import os

    write_rdf(G, tmp_path, formats=("nq",))
    part = next(p for p in sorted((tmp_path / "rdf").glob("part-*.nq")) if b'"' in p.read_bytes())
    before = n(tmp_path)
    st = part.stat()
    data = part.read_bytes()
    cut = data.index(b"\n", len(data) // 2) + 1
    with open(part, "r+b") as handle:  # the same size: one statement fewer, a comment where it was
        line = data[cut:data.index(b"\n", cut) + 1]
        handle.seek(cut)
        handle.write(b"#" + b" " * (len(line) - 2) + b"\n")
    os.utime(part, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert part.stat().st_size == st.st_size and part.stat().st_mtime_ns == st.st_mtime_ns
    assert n(tmp_path) == before - 1


def test_two_processes_opening_a_fresh_build_at_once_load_it_once(G, tmp_path):
    result = write_rdf(G, tmp_path, similarity="full", formats=("nq",), parts=3)
    code = ("import sys; from qagraph.rdf import sparql; "
            "print(sparql(sys.argv[1], 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }').values()[0]['n'])")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e for _, e in outs]
    assert [int(o) for o, _ in outs] == [result.stats.total] * 3
    assert len(list((tmp_path / STORE_DIR).glob(STORES))) == 1
    assert not list((tmp_path / STORE_DIR).glob("tmp-*"))


@pytest.mark.parametrize("batch", [1, 1 << 30])  # a batch a part, one batch of every part
def test_parts_are_loaded_in_batches_whatever_their_size(G, tmp_path, monkeypatch, batch):
    import qagraph.rdf.store as store_module
    result = write_rdf(G, tmp_path, formats=("nq",), similarity="full", parts=3)
    last = sorted((tmp_path / "rdf").glob("part-*.nq"))[0]
    last.write_bytes(last.read_bytes().rstrip(b"\n"))  # a part cut short of its last newline still joins
    monkeypatch.setattr(store_module, "_BATCH", batch)
    assert len(open_store(tmp_path)) == 2 * result.stats.total


def test_a_broken_part_is_named_though_parts_are_loaded_together(G, tmp_path):
    write_rdf(G, tmp_path, formats=("nq",), parts=3)
    broken = sorted((tmp_path / "rdf").glob("part-*.nq"))[1]
    broken.write_bytes(broken.read_bytes() + b"<https://x.example/a> <https://x.example/b> oops .\n")
    with pytest.raises(UsageError, match=rf"not valid RDF: {broken.name}: .*line"):
        open_store(tmp_path)


def test_a_build_whose_part_is_cut_short_is_said_damaged_and_to_be_built_again(tmp_path):
    """A build's RDF part cut short or written over (a copy stopped halfway) was "not valid RDF", exit 2,
    a usage error, though nothing the user asked was wrong: the build folder cannot be read (exit 3, as
    a damaged database), and building again repairs it. A folder of RDF that is no build stays the user's."""
    import qagraph
    from click.testing import CliRunner
    from conftest import CONTENT
    from qagraph.cli import cli
    from qagraph.errors import OutputError

    out = tmp_path / "build"
    qagraph.build(CONTENT, out=out, outputs=["rdf", "database"])
    part = out / "rdf" / "part-000.nq"
    part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    with pytest.raises(OutputError, match=r"build: not valid RDF: part-000.nq: .*line.*; the build's RDF is damaged "
                                          r"\(cut short or written over\): build again$"):
        open_store(out)
    result = CliRunner().invoke(cli, ["query", "-b", str(out), "-q", "ASK { ?s ?p ?o }"])
    assert result.exit_code == 3 and result.stderr.endswith("build again\n"), result.output
    qagraph.build(CONTENT, out=out, outputs=["rdf", "database"])
    assert len(open_store(out)) > 0


@pytest.mark.parametrize("when", ["_load", "_load_default", "_digests"])
def test_a_build_put_in_place_while_a_query_makes_the_store_is_the_one_answered_from(G, tmp_path, monkeypatch, when):
    """A build swaps its new folder in whole and removes the previous one. A query making the store
    meanwhile (in the previous folder, whose files it reads and writes by their paths) failed with
    "cannot open the store of build: IO error: No such file or directory: ...tmp-.../bulk-....sst"
    (exit 4): one query in two, while builds ran one after the other. The store is made again, from
    the build now in place, and answers as it does."""
    import qagraph.rdf.store as store_module
    from qagraph.fileio import _exchange

    out, stage = tmp_path / "build", tmp_path / "build.staging"
    write_rdf(G, out, formats=("nq",), similarity="full", parts=3)
    result = write_rdf(G, stage, formats=("nq",), similarity="none", parts=2)
    real = getattr(store_module, when)

    def swapped(*args, **kwargs):
        if stage.exists():  # once: the build puts its folder in place, and removes the previous one
            assert _exchange(stage, out)
            shutil.rmtree(stage)
        return real(*args, **kwargs)

    monkeypatch.setattr(store_module, when, swapped)
    # the store with its named graphs (_load) for a query that names one, of the default graph alone else
    query = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }" if when == "_load" else COUNT
    assert sparql(out, query).values()[0]["n"] == result.stats.total
    assert len(list((out / STORE_DIR).glob(STORES))) == 1 and not list((out / STORE_DIR).glob("tmp-*"))
    assert not stage.exists()


#: run as a user whom permissions stop (the tests run as root), or on a read-only bind mount of argv[1]
_UNWRITABLE = {
    "permissions": ["unshare", "--user"],
    "read-only file system": ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                              'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"', "sh"],
}


@pytest.mark.parametrize("way", list(_UNWRITABLE))
@pytest.mark.parametrize("stale", [False, True])
def test_a_build_folder_that_cannot_be_written_answers_from_its_parts_in_memory(G, tmp_path, way, stale):
    """A build folder the user cannot write in (another user's, chmod -R a-w, a read-only mount) and
    without a store of its current parts (none made yet, or one of older parts): every query failed
    with "cannot open the store of build: Permission denied" (or "Read-only file system", exit 4). The
    parts are loaded into a store in memory, which answers as the build's own store does; nothing is
    written in the folder."""
    out = tmp_path / "build"
    result = write_rdf(G, out, formats=("nq",), similarity="full", parts=2)
    if stale:  # a store of other parts, which cannot be replaced
        open_store(out)
        part = sorted((out / "rdf").glob("part-*.nq"))[0]
        part.write_bytes(part.read_bytes() + b"<https://x.example/a> <https://x.example/b> <https://x.example/c> "
                                            b"<https://x.example/g> .\n")
    expected = result.stats.total + stale
    before = sorted((p.relative_to(out).as_posix(), p.stat().st_mtime_ns) for p in out.rglob("*"))
    code = ("import sys; from qagraph.rdf import sparql; "
            "print(sparql(sys.argv[1], 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o }').values()[0]['n'], "
            "sparql(sys.argv[1], 'SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }').values()[0]['n'])")
    prefix = _UNWRITABLE[way] + ([str(out)] if way != "permissions" else [])
    for path in [out, *out.rglob("*")]:
        if way == "permissions" and not path.is_symlink():
            path.chmod(path.stat().st_mode & ~0o222)
    try:
        done = subprocess.run([*prefix, sys.executable, "-c", code, str(out)], capture_output=True, text=True,
                              timeout=120)
    finally:
        for path in [out, *out.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.split() == [str(expected)] * 2
    assert sorted((p.relative_to(out).as_posix(), p.stat().st_mtime_ns) for p in out.rglob("*")) == before


def test_open_store_needs_a_build_folder(G, tmp_path):
    with pytest.raises(UsageError, match="no qagraph RDF export"):
        open_store(tmp_path)
    write_rdf(G, tmp_path)
    with pytest.raises(UsageError, match="build folder"):
        open_store(tmp_path / "rdf" / "part-000.nq")


def test_with_prefixes_declares_what_the_query_uses():
    text = with_prefixes("PREFIX qa: <urn:mine#> SELECT * { ?q a schema:Question ; qa:x ?y . <urn:a:b> ?p ?o }")
    assert text.startswith("PREFIX schema: <https://schema.org/>\nPREFIX qa: <urn:mine#>")
    assert "PREFIX skos" not in text and text.count("PREFIX qa:") == 1


def test_sparql_endpoint_select_ask_and_construct(server, G, tmp_path):  # noqa: F811
    from qagraph.rdf import push
    from test_rdf_push import drop_all

    drop_all(server)
    result = write_rdf(G, tmp_path, similarity="full")
    push(tmp_path, server + "/store")
    select = sparql_endpoint(server + "/query", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert select.values() == [{"n": result.stats.total}]
    assert sparql_endpoint(server + "/query", "ASK { GRAPH ?g { ?q a schema:Question } }").boolean is True
    graph = sparql_endpoint(server + "/query", "CONSTRUCT { ?q schema:name ?n } WHERE { GRAPH ?g { ?q schema:name ?n } }")
    assert graph.kind == "graph" and len(graph) == len(sparql(tmp_path, "SELECT * { ?q schema:name ?n }"))
    unbound = sparql_endpoint(server + "/query", "SELECT ?x ?y { VALUES ?x { 1 } }")
    assert unbound.rows[0][1] is None and unbound.values() == [{"x": 1, "y": None}]
    # values bound as the embedded store binds them, in the text sent
    per_subject = "SELECT (COUNT(?q) AS ?n) WHERE { GRAPH ?g { ?q dct:subject ?s } }"
    subject = sparql(tmp_path, "SELECT ?s WHERE { ?q dct:subject ?s } ORDER BY ?s LIMIT 1").rows[0][0]
    remote = sparql_endpoint(server + "/query", per_subject, bindings={"s": subject}).values()
    assert remote == sparql(tmp_path, per_subject, bindings={"s": subject}).values()
    assert 0 < remote[0]["n"] < sparql(tmp_path, per_subject).values()[0]["n"]


def test_sparql_endpoint_errors_are_store_errors(server):  # noqa: F811
    with pytest.raises(StoreError, match="connection refused"):
        sparql_endpoint(f"http://127.0.0.1:{free_port()}/query", "ASK {}")
    with pytest.raises(StoreError, match="HTTP 400"):
        sparql_endpoint(server + "/query", "SELEKT nothing")
    with pytest.raises(UsageError, match="not an http"):
        sparql_endpoint("ftp://example.org/sparql", "ASK {}")

    class Html(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>login</html>")

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Html)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with pytest.raises(StoreError, match="not a SPARQL result"):
            sparql_endpoint(f"http://127.0.0.1:{httpd.server_address[1]}/sparql", "ASK {}")
    finally:
        httpd.shutdown()
        httpd.server_close()


# -- a store patched after a patched build ------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def _statements(store) -> set[str]:
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def _loaded_afresh(tmp_path: Path, build: Path, graphs: bool = True) -> set[str]:
    """The statements of a store loaded from ``build``'s parts, in a folder of its own (of its default graph
    alone, unless ``graphs``)."""
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(build / "rdf", fresh / "rdf")
    return _statements(open_store(fresh, graphs=graphs))


def _edited(G: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    """``G`` with its first article gone (when ``n`` is 0) and its last one's title changed."""
    H = G.copy()
    articles = sorted(node for node, kind in H.nodes(data="kind") if kind == "article")
    if n == 0:
        H.remove_node(articles[0])
    H.nodes[articles[-1]]["title"] = f"A title changed {n} times"
    return H


def _patched_build(previous: Path, out: Path, H: nx.MultiDiGraph, parts: int = 4) -> None:
    """``out`` as a patched build of ``previous`` leaves it: the parts as hard links, every part
    written again from ``H`` (new files; those that did not change have the same bytes), the store
    carried with the versions the rewritten parts replaced."""
    import os

    from qagraph.rdf.store import carry_store

    shutil.copytree(previous / "rdf", out / "rdf", copy_function=os.link)
    result = write_rdf(H, out, formats=("nq",), parts=parts, similarity="full", only=set(range(parts)), void=False)
    carry_store(previous, out, list(result))


@pytest.fixture
def no_load(monkeypatch):
    """Every load of a store from its parts counted (``loads[0]``): with its named graphs, or of the
    default graph alone (a query that names no graph)."""
    import qagraph.rdf.store as store_module

    loads = [0]

    def counted(real):
        def load(store, files):
            loads[0] += 1
            return real(store, files)
        return load

    for name in ("_load", "_load_default"):
        monkeypatch.setattr(store_module, name, counted(getattr(store_module, name)))
    return loads


@pytest.mark.parametrize("graphs", [True, False], ids=["named-graphs", "default-graph"])
def test_the_store_of_a_patched_build_is_patched_to_what_a_load_of_its_parts_gives(G, tmp_path, no_load, graphs):
    """After a patched build the next query loaded every part into a new store: 30-40 s at 36,000
    articles for an edit that rewrote 14 of 1,024 parts. The store comes along with the build and
    is patched: the statements the old versions held and the new ones do not are taken out, the
    new ones put in, in the named graphs and the default graph (or the default graph alone, in a
    store of it alone)."""
    a, b = tmp_path / "a", tmp_path / "b"
    write_rdf(G, a, formats=("nq",), parts=4, similarity="full")
    before = _statements(open_store(a, graphs=graphs))
    assert no_load[0] == 1
    _patched_build(a, b, _edited(G, 0))
    assert sorted(p.name for p in (b / STORE_DIR / "replaced").iterdir())  # the old versions, kept
    after = _statements(open_store(b, graphs=graphs))
    assert no_load[0] == 1  # patched, not loaded
    assert after == _loaded_afresh(tmp_path, b, graphs) != before
    assert any("A title changed 0 times" in q for q in after)
    kind = "db-" if graphs else "default-"
    assert sorted(p.name for p in (b / STORE_DIR).iterdir()) == [f"{kind}{store_digest(b)}", "digests.json", "lock"]


@pytest.mark.parametrize("graphs", [True, False], ids=["named-graphs", "default-graph"])
def test_two_patched_builds_before_a_query_patch_the_store_from_the_version_it_holds(G, tmp_path, no_load, graphs):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    write_rdf(G, a, formats=("nq",), parts=4, similarity="full")
    open_store(a, graphs=graphs)
    _patched_build(a, b, _edited(G, 0))
    _patched_build(b, c, _edited(_edited(G, 0), 2))
    assert _statements(open_store(c, graphs=graphs)) == _loaded_afresh(tmp_path, c, graphs)
    assert no_load[0] == 2  # a's, and the fresh one


def test_a_store_of_the_default_graph_is_not_patched_into_one_of_the_named_graphs(G, tmp_path, no_load):
    """A query that names a graph after a patched build whose store held the default graph alone: the
    store with the named graphs is loaded (it cannot be patched from the other), and takes its place."""
    a, b = tmp_path / "a", tmp_path / "b"
    write_rdf(G, a, formats=("nq",), parts=4, similarity="full")
    open_store(a, graphs=False)
    _patched_build(a, b, _edited(G, 0))
    assert _statements(open_store(b)) == _loaded_afresh(tmp_path, b)
    assert no_load[0] == 3  # a's, b's with its named graphs, and the fresh one
    assert sorted(p.name for p in (b / STORE_DIR).iterdir()) == [f"db-{store_digest(b)}", "digests.json", "lock"]


def test_a_query_that_names_no_graph_is_answered_from_a_store_of_the_default_graph_alone(G, tmp_path, no_load):
    """The first query of a build loaded every statement twice, in its named graph and merged in the
    default graph: 33 s at 36,000 articles, where a query that names no graph (most) reads the default
    graph alone, which loads in about 40% of the time. Such a query makes a store of it alone; the first
    query that names a graph makes the store of both, which takes its place and answers every query."""
    import pyoxigraph as ox

    result = write_rdf(G, tmp_path, formats=("nq",), similarity="full", parts=3)
    root = tmp_path / STORE_DIR
    assert n(tmp_path) == result.stats.total
    [made] = root.glob(STORES)
    assert made.name == f"default-{store_digest(tmp_path)}"
    store = open_store(tmp_path, graphs=False)
    assert len(store) == result.stats.total and not list(store.named_graphs())
    assert no_load[0] == 1
    graphs = "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    counted = sparql(tmp_path, graphs).values()
    assert sum(row["n"] for row in counted) == result.stats.total and len(counted) == 2
    assert [p.name for p in root.glob(STORES)] == [f"db-{store_digest(tmp_path)}"]
    assert n(tmp_path) == result.stats.total and no_load[0] == 2  # the store of both answers it too
    assert [p.name for p in root.glob(STORES)] == [f"db-{store_digest(tmp_path)}"]
    assert len(open_store(tmp_path, graphs=False)) == 2 * result.stats.total
    assert isinstance(open_store(tmp_path, graphs=False), ox.Store)


def test_a_store_of_the_default_graph_holds_parts_of_any_graphs(tmp_path):
    """Parts written by hand: a graph the first part does not have, and statements of no graph; a
    line of no graph ending in a graph's IRI cannot be cut as the others are, so its store is made
    with the named graphs (what that part holds, all the same)."""
    rdf = tmp_path / "rdf"
    rdf.mkdir()
    (rdf / "part-0.nq").write_text('<urn:a> <urn:p> "1" <urn:g1> .\n<urn:a> <urn:q> <urn:b> <urn:g1> .\n')
    (rdf / "part-1.nq").write_text('<urn:b> <urn:p> "2" <urn:g2> .\n<urn:c> <urn:p> "3" .\n')
    store = open_store(tmp_path, graphs=False)
    assert _statements(store) == {'<urn:a> <urn:p> "1"', '<urn:a> <urn:q> <urn:b>', '<urn:b> <urn:p> "2"',
                                  '<urn:c> <urn:p> "3"'}
    assert sparql(tmp_path, 'ASK { <urn:b> <urn:p> "2" }').boolean
    (rdf / "part-1.nq").write_text('<urn:b> <urn:p> "2" <urn:g2> .\n<urn:c> <urn:p> <urn:g1> .\n')
    store = open_store(tmp_path, graphs=False)
    assert {g.value for g in store.named_graphs()} == {"urn:g1", "urn:g2"}
    assert sparql(tmp_path, "ASK { <urn:c> <urn:p> <urn:g1> }").boolean


@pytest.mark.parametrize("graphs", [True, False], ids=["named-graphs", "default-graph"])
@pytest.mark.parametrize("spoil", ["old version changed", "old version gone", "statement of another part"])
def test_a_store_that_cannot_be_patched_exactly_is_loaded_again(G, tmp_path, no_load, spoil, graphs):
    """The store is patched only when what it holds is known exactly: the version of each part it
    was loaded from, unchanged, and no statement in two parts (taking one part's out would take
    the other's too); else it is loaded from the parts, as before."""
    a, b = tmp_path / "a", tmp_path / "b"
    write_rdf(G, a, formats=("nq",), parts=4, similarity="full")
    open_store(a, graphs=graphs)
    _patched_build(a, b, _edited(G, 0))
    replaced = [p for p in sorted((b / STORE_DIR / "replaced").iterdir())
                if p.read_bytes() != (b / "rdf" / p.name).read_bytes()]  # the parts that changed
    if spoil == "old version changed":
        replaced[0].write_bytes(replaced[0].read_bytes()[:-1])
    elif spoil == "old version gone":
        replaced[0].unlink()
    else:  # a rewritten part holds a statement an unchanged one has
        parts = sorted((b / "rdf").glob("part-*.nq"))
        other = next(p for p in parts if p.name != replaced[0].name)
        first = other.read_bytes().splitlines(keepends=True)[0]
        rewritten = b / "rdf" / replaced[0].name
        rewritten.write_bytes(rewritten.read_bytes() + first)
    assert _statements(open_store(b, graphs=graphs)) == _loaded_afresh(tmp_path, b, graphs)
    assert no_load[0] == 3  # a's, b's and the fresh one
    assert not (b / STORE_DIR / "replaced").exists()


def test_a_store_with_a_statement_in_two_parts_is_not_patched_later(G, tmp_path, no_load):
    a, b = tmp_path / "a", tmp_path / "b"
    write_rdf(G, a, formats=("nq",), parts=4, similarity="full")
    parts = sorted((a / "rdf").glob("part-*.nq"))
    parts[1].write_bytes(parts[1].read_bytes() + parts[0].read_bytes().splitlines(keepends=True)[0])
    open_store(a)
    [db] = (a / STORE_DIR).glob(STORES)
    assert not (db / "loaded.json").exists()
    _patched_build(a, b, _edited(G, 0))
    assert not (b / STORE_DIR).exists()  # nothing carried: the next query loads it
    assert _statements(open_store(b)) == _loaded_afresh(tmp_path, b)


def test_a_patch_cut_short_leaves_no_store_that_says_it_is_complete(G, tmp_path, no_load, monkeypatch):
    import qagraph.rdf.store as store_module

    a, b = tmp_path / "a", tmp_path / "b"
    write_rdf(G, a, formats=("nq",), parts=4, similarity="full")
    open_store(a)
    _patched_build(a, b, _edited(G, 0))
    real = store_module._write_json

    def full_disk(path, value):  # as the patch ends
        monkeypatch.setattr(store_module, "_write_json", real)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module, "_write_json", full_disk)
    assert _statements(open_store(b)) == _loaded_afresh(tmp_path, b)  # loaded instead
    assert no_load[0] == 3
    assert [p.name for p in (b / STORE_DIR).glob(STORES)] == [f"db-{store_digest(b)}"]
    assert not list((b / STORE_DIR).glob("tmp-*"))


def test_the_digests_of_the_parts_a_patched_build_kept_are_not_read_again(tmp_path):
    """A kept part is a hard link: the build's taking it and removing the old build change its
    ctime, and the first query of every patched build read all parts again for their digests."""
    import json

    from qagraph.rdf.store import vouch_digests

    cache = tmp_path / STORE_DIR / "digests.json"
    cache.parent.mkdir(parents=True)
    cache.write_text(json.dumps({
        "part-0.nq": [10, 1, 100, 100, "kept"], "part-1.nq": [10, 2, 100, 100, "rewritten"],
        "part-2.nq": [10, 3, 100, 100, "edited before the build"]}))
    before = {"rdf/part-0.nq": [10, 1, 100, 100], "rdf/part-1.nq": [10, 2, 100, 100], "rdf/part-2.nq": [10, 3, 100, 150]}
    after = {"rdf/part-0.nq": [10, 1, 100, 200], "rdf/part-1.nq": [12, 9, 300, 300], "rdf/part-2.nq": [10, 3, 100, 200]}
    vouch_digests(tmp_path, before, after)
    assert json.loads(cache.read_text()) == {
        "part-0.nq": [10, 1, 100, 200, "kept"], "part-1.nq": [10, 2, 100, 100, "rewritten"],
        "part-2.nq": [10, 3, 100, 100, "edited before the build"]}


def test_a_query_after_an_edit_patches_the_build_s_store(tmp_path, no_load, monkeypatch):
    """End to end: build, query, edit one article, build again (patched), query: the store is
    patched, its parts' digests are read only for the parts the build wrote, and the answers are
    those of a store loaded from the parts."""
    import qagraph
    import qagraph.rdf.store as store_module

    content, out = tmp_path / "content", tmp_path / "build"
    shutil.copytree(ROOT / "content", content)
    qagraph.build(content, out=out)
    assert n(out) == len(_loaded_afresh(tmp_path, out)) // 2
    article = sorted(content.rglob("*.md"))[5]
    text = article.read_text(encoding="utf-8")
    assert "page_keywords: >-\n    " in text
    article.write_text(text.replace("page_keywords: >-\n    ", "page_keywords: >-\n    a keyword of its own, ", 1),
                       encoding="utf-8")
    assert qagraph.build(content, out=out).build_info.incremental
    digests = []
    real = store_module._file_digest
    monkeypatch.setattr(store_module, "_file_digest", lambda path: digests.append(path.name) or real(path))
    keyword = 'SELECT ?k WHERE { ?k ?label "a keyword of its own" }'
    assert len(sparql(out, keyword).values()) == 1
    assert no_load[0] == 2  # the first query's and the fresh store's, not this one's
    written = {p.name for p in (out / "rdf").glob("part-*.nq")}
    assert sorted(digests) == sorted([*written, *written])  # the new version's, and the old one's that the store held
    assert _statements(open_store(out)) == _loaded_afresh(tmp_path, out)


def test_a_build_does_not_wait_for_a_query_that_is_loading_the_store(G, tmp_path):
    """A query loading the previous build's store holds its lock for as long as the load takes
    (30-40 s at 36,000 articles): the build leaves that store behind rather than wait."""
    import fcntl

    a, b = tmp_path / "a", tmp_path / "b"
    write_rdf(G, a, formats=("nq",), parts=4, similarity="full")
    open_store(a)
    with open(a / STORE_DIR / "lock", "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        build = threading.Thread(target=_patched_build, args=(a, b, _edited(G, 0)), daemon=True)
        build.start()
        build.join(timeout=120)
        waiting = build.is_alive()
    build.join()
    assert not waiting  # it did not wait for the lock
    assert not (b / STORE_DIR).exists()
    assert _statements(open_store(b)) == _loaded_afresh(tmp_path, b)
