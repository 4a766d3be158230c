"""qagraph.rdf.query: SPARQL over a graph, a build folder or a file, result formats, the CLI."""

from __future__ import annotations

import csv
import io
import json
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from conftest import write_article
from qagraph.cli import cli
from qagraph.errors import QagraphError, StoreError
from qagraph.graph import build_graph
from qagraph.load import load_corpus as load
from qagraph.rdf import format_results, sparql, sparql_endpoint, to_store, write_rdf
from qagraph.rdf.query import SparqlResult

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "rdf" / "hostile"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

COUNT_BY_CLASS = "SELECT ?c (COUNT(*) AS ?n) { ?s a ?c } GROUP BY ?c ORDER BY ?c"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    graph, _ = build_graph(load(HOSTILE))
    return graph


def kinds(G: nx.MultiDiGraph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, kind in G.nodes(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def test_sparql_counts_agree_with_networkx(G):
    by_class = {row["c"]: row["n"] for row in sparql(G, COUNT_BY_CLASS, similarity="full").values()}
    k = kinds(G)
    assert by_class["https://schema.org/Question"] == k["article"]
    assert by_class["https://qagraph.example/ns#ExternalQuestion"] == k["stub"]
    assert by_class["http://www.w3.org/2004/02/skos/core#Concept"] == k["subject"] + k["keyword"]
    similar = sum(1 for *_, key in G.edges(keys=True) if key == "similar")
    assert by_class["https://qagraph.example/ns#Similarity"] == similar
    related = sparql(G, "SELECT (COUNT(*) AS ?n) { ?a dct:relation ?b }").values()[0]["n"]
    assert related == sum(1 for *_, key in G.edges(keys=True) if key == "related")


def test_named_graphs_and_union_default_graph(G):
    store = to_store(G)
    rows = sparql(store, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g").values()
    assert [r["g"].rsplit("/", 1)[1] for r in rows] == ["content", "similarity"]
    assert sum(r["n"] for r in rows) == len(store)
    assert sparql(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").values()[0]["n"] == len(store)


def test_the_similarity_shortcut_and_the_nary_node_agree(G):
    rows = sparql(G, similarity="full", query="""
        SELECT ?a ?b ?w (GROUP_CONCAT(?label; separator="|") AS ?shared) {
            ?link a qa:Similarity ; qa:source ?a ; qa:target ?b ; qa:weight ?w ; qa:sharedKeyword ?k .
            ?a qa:similarTo ?b . ?b qa:similarTo ?a .
            ?k skos:prefLabel ?label .
        } GROUP BY ?a ?b ?w""").values()
    edges = [(u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == "similar"]
    assert len(rows) == len(edges) >= 1
    assert sorted(float(row["w"]) for row in rows) == sorted(d["weight"] for _, _, d in edges)
    assert sorted(len(row["shared"].split("|")) for row in rows) == sorted(len(d["shared"]) for _, _, d in edges)


def test_ask_construct_and_python_values(G):
    assert sparql(G, "ASK { ?q a schema:Question }").boolean is True
    graph = sparql(G, "CONSTRUCT { ?q schema:name ?n } WHERE { ?q a qa:ExternalQuestion ; schema:name ?n }")
    assert graph.kind == "graph" and len(graph) == 1
    row = sparql(G, "SELECT ?id ?d { ?q schema:identifier ?id ; schema:dateCreated ?d } ORDER BY ?id LIMIT 1").values()[0]
    assert isinstance(row["id"], int) and str(row["d"]) == "2025-01-26"


def test_relative_iris_in_a_query_resolve_against_the_base_iri(G, tmp_path):
    """The Turtle and TriG files write IRIs relative to their @base (``<article/...>``); the same IRI
    in a query was a syntax error ("it expected IRI parsing failed"). It resolves against the base IRI
    the RDF was made with, as in the files, unless the query sets its own BASE."""
    absolute = sparql(G, "SELECT ?q ?n { ?q a qa:ExternalQuestion ; schema:name ?n }").values()
    [(iri, name)] = [(row["q"], row["n"]) for row in absolute]
    relative = "<" + iri.removeprefix("https://qagraph.example/id/") + ">"
    assert sparql(G, f"SELECT ?n {{ {relative} schema:name ?n }}").values() == [{"n": name}]
    other = sparql(G, f"SELECT ?n {{ {relative} schema:name ?n }}", base_iri="urn:x:kb/")
    assert other.values() == [{"n": name}]  # the graph exported under that base, the query read against it
    assert sparql(G, f"BASE <urn:y:> SELECT ?n {{ {relative} schema:name ?n }}").values() == []
    write_rdf(G, tmp_path, formats=("ttl",))
    assert relative in (tmp_path / "rdf" / "part-000.ttl").read_text(encoding="utf-8")  # as the file writes it


def test_a_query_naming_a_namespace_of_the_other_scheme_says_so(G, tmp_path):
    """PREFIX schema: <http://schema.org/> (as Wikidata's queries declare it) answered nothing, as if
    nothing matched: the graph's terms are https://schema.org/. A query naming a term of the other
    scheme of a namespace qagraph's RDF uses is a UsageError saying which; in a comment or a string,
    in an RDF file of anyone's, or in a SERVICE call allowed, it is not."""
    for query in ("PREFIX schema: <http://schema.org/> SELECT ?q { ?q a schema:Question }",
                  "ASK { ?q a <http://schema.org/Question> }",
                  "ASK { ?c <https://www.w3.org/2004/02/skos/core#prefLabel> ?l }"):
        with pytest.raises(QagraphError, match=r"the query names terms in <https?://[^>]*>, a namespace qagraph's "
                                               r"RDF does not use: its terms are in <[^>]*> \((schema|skos): is "
                                               r"declared for you\)"):
            sparql(G, query)
    assert sparql(G, "ASK { ?q a schema:Question } # not <http://schema.org/>").boolean
    assert sparql(G, "ASK { ?q a <https://schema.org/Question> FILTER (?q != <urn:x:http://schema.org/>) }").boolean
    assert not sparql(G, "ASK { ?q schema:name '<http://schema.org/>' }").boolean
    theirs = tmp_path / "theirs.nt"
    theirs.write_text("<urn:x:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Question> .\n",
                      encoding="utf-8")
    assert sparql(theirs, "ASK { ?q a <http://schema.org/Question> }").boolean


def test_sparql_on_folders_files_and_objects_with_a_graph(G, tmp_path):
    write_rdf(G, tmp_path, formats=("trig",))
    n = len(to_store(G))
    for target in (tmp_path, tmp_path / "rdf" / "part-000.trig", type("KG", (), {"graph": G})()):
        assert sparql(target, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").values()[0]["n"] == n


def test_a_stored_build_and_its_store_answer_as_the_graph_does(tmp_path):
    """A build's own store holds every statement in its named graph and in the default graph:
    queried as a store (what ``qagraph.open(...).sparql`` and ``qagraph query -b`` do) it must not
    count each twice."""
    import qagraph
    from conftest import CONTENT
    from qagraph.rdf import open_store

    query = "SELECT ?s (COUNT(*) AS ?n) { ?q a schema:Question ; schema:about ?t . ?t skos:prefLabel ?s } GROUP BY ?s"
    expected = sorted(tuple(r.values()) for r in qagraph.build(CONTENT).sparql(query).values())  # a store in memory
    assert expected and all(n >= 1 for _, n in expected)
    built = qagraph.build(CONTENT, out=tmp_path / "out")
    for target in (built, qagraph.open(tmp_path / "out"), open_store(tmp_path / "out"), tmp_path / "out"):
        answer = target.sparql(query) if hasattr(target, "sparql") else sparql(target, query)
        assert sorted(tuple(r.values()) for r in answer.values()) == expected, target


def test_a_knowledge_graph_given_to_sparql_answers_as_its_own_sparql(small_corpus, tmp_path):
    """sparql(kg, query) exported kg.graph under the default base IRI with links only, where
    kg.sparql(query) answers from its build's RDF: another base IRI, the qa:Similarity records of
    rdf_similarity="full" (and, for an opened build, no graph to load). They answer the same."""
    import qagraph

    qagraph.build(small_corpus, out=tmp_path / "build", base_iri="urn:x:kb/", rdf_similarity="full")
    kg = qagraph.open(tmp_path / "build")
    query = "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o"
    assert sparql(kg, query).values() == kg.sparql(query).values()
    assert sparql(kg, "ASK { ?r a qa:Similarity ; qa:source <urn:x:kb/article/learn/biology/questions/cells> }").boolean
    assert kg._source._graph is None  # answered from the build's store


def test_a_build_whose_rdf_part_was_removed_says_so_and_answers_nothing(tmp_path):
    """A part file removed from a build (by hand, a sync that lost it) was passed over: the query answered
    from the parts left, short and unsaid, and validate listed what pointed into it as violations. The
    build's record names its parts: the missing ones are said."""
    import qagraph

    root = tmp_path / "notes"
    for i in range(2001):
        write_article(root, f"n/a{i}.md", f"---\ntitle: A {i}\ntags: [t{i % 7}]\n---\n")
    out = tmp_path / "out"
    qagraph.build(root, out=out)
    parts = sorted((out / "rdf").glob("part-*.nq"))
    assert len(parts) == 32
    gone = parts[len(parts) // 2]
    gone.unlink()
    for args in (["query", "ASK { ?s ?p ?o }", "-b", str(out), "-q"], ["validate", str(out), "-q"]):
        result = CliRunner().invoke(cli, args)
        assert (result.exit_code, result.stdout) == (3, ""), args
        assert result.stderr == (f"qagraph: {out}: the build's RDF is incomplete: rdf/{gone.name} removed since it "
                                 "was built; build again\n"), args
    qagraph.build(root, out=out)  # made again: every part back
    assert CliRunner().invoke(cli, ["query", "ASK { ?s ?p ?o }", "-b", str(out), "-q"]).exit_code == 0


def test_bad_queries_and_targets_are_qagraph_errors(G, tmp_path):
    with pytest.raises(QagraphError, match="SPARQL syntax error"):
        sparql(G, "SELEKT * { ?s ?p ?o }")
    with pytest.raises(QagraphError, match="no qagraph RDF export"):
        sparql(tmp_path, "ASK {}")
    with pytest.raises(QagraphError, match="cannot query"):
        sparql(42, "ASK {}")


#: a query Oxigraph takes a second or two over :func:`_pairs_store` to answer (9 million pairs), in Rust,
#: without the GIL and without looking at signals
SLOW = "SELECT (COUNT(*) AS ?n) { ?a <urn:p> ?x . ?b <urn:p> ?y FILTER(?x != ?y) }"


def _pairs_store(n: int = 3000) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i))) for i in range(n))
    return store


def _queries_running() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "qagraph-sparql"]


@pytest.fixture
def let_queries_end():
    """Queries given up on go on in the background: the test waits for them, not the tests after it.
    An interrupt that came inside ``Thread.start`` (a loaded machine) leaves a thread that starts a
    moment later: joined once it has."""
    yield
    for thread in _queries_running():
        while True:
            try:
                thread.join()
                break
            except RuntimeError:  # "cannot join thread before it is started"
                time.sleep(0.01)


def test_a_query_past_its_time_limit_is_given_up(let_queries_end):
    """A query with no end in sight held the caller (and ``qagraph query``) until it ended: it is given up
    after ``timeout`` seconds, as a StoreError that says so; with time enough it answers."""
    store = _pairs_store()
    with pytest.raises(StoreError, match=r"did not end within 0.05 s; it was given up"):
        sparql(store, SLOW, timeout=0.05)
    assert sparql(store, SLOW, timeout=600).values() == [{"n": 3000 * 2999}]
    with pytest.raises(QagraphError, match="positive number of seconds"):
        sparql(store, SLOW, timeout=0)


def test_ctrl_c_stops_the_wait_for_a_long_query(let_queries_end):
    """Ctrl-C during a long query did nothing until the query ended (Oxigraph evaluates it without
    looking at signals): the wait for it is interrupted at once, the query still running."""
    _interrupted_after(0.2, lambda: sparql(_pairs_store(), SLOW))


def _interrupted_after(seconds: float, call) -> None:
    """``call()`` interrupted (a KeyboardInterrupt raised in this thread, as Ctrl-C raises it) after
    ``seconds``, while the query's thread still works."""
    def interrupt(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        with pytest.raises(KeyboardInterrupt):
            call()
        assert _queries_running(), "the interrupt came only once the work had ended"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_cli_query_time_limit(tmp_path, let_queries_end):
    rdf = tmp_path / "pairs.nt"
    rdf.write_text("".join(f'<urn:s{i}> <urn:p> "{i}" .\n' for i in range(3000)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", SLOW, "--rdf", str(rdf), "--timeout", "0.05"])
    assert result.exit_code == 4, result.output
    assert "did not end within 0.05 s" in result.output
    result = CliRunner().invoke(cli, ["query", "ASK { ?s ?p ?o }", "--rdf", str(rdf), "--timeout", "60"])
    assert (result.exit_code, result.output) == (0, "true\n")


def test_a_time_limit_is_a_positive_number_and_infinity_is_none(let_queries_end):
    """--timeout inf (or 1e20) ended in an internal error (OverflowError, exit 70); nan was let through."""
    store = _pairs_store(10)
    assert sparql(store, "ASK { ?s ?p ?o }", timeout=float("inf")).boolean is True
    assert sparql(store, "ASK { ?s ?p ?o }", timeout=1e20).boolean is True
    for bad in (float("nan"), -1, 0, "5"):
        with pytest.raises(QagraphError, match="positive number of seconds"):
            sparql(store, "ASK { ?s ?p ?o }", timeout=bad)


def test_ctrl_c_stops_loading_the_store_too(tmp_path, let_queries_end):
    """An RDF file (or a build's store, on its first query) was loaded before the query's thread
    started, and Ctrl-C waited for the load to end: it is made in that thread too."""
    rdf = tmp_path / "many.nt"
    rdf.write_text("".join(f'<urn:s{i}> <urn:p> "{i}" .\n' for i in range(400_000)), encoding="utf-8")
    _interrupted_after(0.05, lambda: sparql(rdf, "ASK { ?s ?p ?o }"))


def test_an_endpoint_s_time_limit_bounds_the_whole_answer(let_queries_end):
    """A socket's timeout bounds each wait alone: an endpoint that sends its answer a byte at a
    time took as long as it liked under --timeout 1. The limit is the whole exchange's."""
    import http.server
    import time

    body = b'{"head": {}, "boolean": true}'

    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(0.1)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/query"
    try:
        with pytest.raises(StoreError, match=r"sent to http://127.0.0.1:\d+/query did not end within 0.5 s"):
            sparql_endpoint(url, "ASK { ?s ?p ?o }", timeout=0.5)
        assert sparql_endpoint(url, "ASK { ?s ?p ?o }", timeout=60).boolean is True  # each byte in time
    finally:
        for thread in _queries_running():
            thread.join()
        server.shutdown()
        server.server_close()


def test_a_failed_query_s_result_is_dropped_in_its_own_thread(monkeypatch):
    """pyoxigraph's query results may not leave the thread that made them: a query that failed while
    its result was read (SERVICE) left it in the error's frames, dropped later by the caller's thread
    ("PyQuerySolutions is unsendable, but is being dropped on another thread", and leaked)."""
    import gc
    import sys

    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(str(u.exc_value)))
    store = _pairs_store(10)
    for query in ("SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
                  "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"):
        with pytest.raises(StoreError, match="SPARQL query failed"):
            sparql(store, query, services=True)
    gc.collect()
    assert seen == []


class _Listening:
    """An endpoint on the loopback that counts the requests it gets and answers each with ``body``."""

    def __init__(self, body: bytes, content_type: str = "application/sparql-results+json") -> None:
        import http.server

        self.requests: list[str] = []
        seen = self.requests

        class Answer(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                seen.append(self.path)
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}/sparql"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def listening():
    made: list[_Listening] = []

    def make(body: bytes = b'{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", '
                           b'"value": "urn:far"}}]}}', content_type: str = "application/sparql-results+json"):
        made.append(_Listening(body, content_type))
        return made[-1]

    yield make
    for endpoint in made:
        endpoint.close()


def test_a_query_that_calls_another_endpoint_makes_no_request_unless_allowed(G, tmp_path, listening):
    """Oxigraph sends a SERVICE's part of a query to the endpoint it names: any query made the machine
    call an address of the query's choosing (another host, or a service on the loopback), with no
    word of it. It is refused unless allowed, and then it runs."""
    far = listening()
    queries = [f"SELECT ?s {{ SERVICE <{far.url}> {{ ?s ?p ?o }} }}",
               f"PREFIX x: <urn:x#>\n# a comment\nselect * {{ ?a ?b ?c . service silent <{far.url}> {{ ?s ?p ?o }} }}",
               f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o .SERVICE<{far.url}>{{ ?s ?p ?o }} }}"]
    for query in queries:
        with pytest.raises(QagraphError, match=r"calls another endpoint \(SERVICE\).*--allow-service"):
            sparql(G, query)
        with pytest.raises(QagraphError, match=r"calls another endpoint"):
            sparql(_pairs_store(3), query)
    result = CliRunner().invoke(cli, ["query", queries[0], "-c", str(HOSTILE), "-q"])
    assert result.exit_code == 2 and "--allow-service" in result.output, result.output
    assert far.requests == []
    # the word alone, in a string, an IRI, a comment, a name or a variable, is no call
    quiet = ("PREFIX ex: <urn:ex#> SELECT ?service { ?service ex:SERVICE 'SERVICE <x> {}' "
             "FILTER(?service != <urn:SERVICE>) } # SERVICE")
    assert sparql(_pairs_store(3), quiet).values() == []
    assert sparql(_pairs_store(3), queries[0], services=True).values() == [{"s": "urn:far"}]
    result = CliRunner().invoke(cli, ["query", queries[0], "-c", str(HOSTILE), "-q", "-f", "csv", "--allow-service"])
    assert result.exit_code == 0 and result.output.split() == ["s", "urn:far"], result.output
    assert len(far.requests) == 2


def test_an_endpoint_that_redirects_or_answers_too_deep_is_a_clear_error(listening):
    """A redirected POST went on as a GET to the other host, without the query, and that host's answer
    was printed as the result; an answer of JSON nested 100,000 deep was a RecursionError (exit 70)."""
    import http.server

    other = listening()  # answers any request with a row: urn:far

    class Moved(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(302)
            self.send_header("Location", other.url)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    moved = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Moved)
    threading.Thread(target=moved.serve_forever, daemon=True).start()
    try:
        with pytest.raises(StoreError, match=r"HTTP 302 Found, a redirect to http://127.0.0.1:\d+/sparql: redirects "
                                             r"are not followed"):
            sparql_endpoint(f"http://127.0.0.1:{moved.server_port}/sparql", "SELECT * { ?s ?p ?o }", timeout=30)
        assert other.requests == []
    finally:
        moved.shutdown()
        moved.server_close()
    deep = listening(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(StoreError, match="answered something that is not a SPARQL result"):
        sparql_endpoint(deep.url, "ASK { }", timeout=30)


def test_an_endpoint_that_answers_a_service_with_no_results_is_a_clear_error(listening):
    """An answer that does not parse (an HTML page) ended in a RuntimeError: exit 70, an internal error."""
    page = listening(b"<!DOCTYPE html><html><body>Sign in</body></html>", "text/html")
    with pytest.raises(StoreError, match="SPARQL query failed"):
        sparql(_pairs_store(3), f"SELECT * {{ SERVICE <{page.url}> {{ ?s ?p ?o }} }}", services=True)


def test_a_query_that_would_run_out_of_stack_is_refused_or_runs(tmp_path):
    """Oxigraph's parser and evaluator recurse: a chain of 100,000 ``||`` or brackets nested 10,000
    deep overflowed the query thread's stack, a segmentation fault that ended the process (run in a
    process of its own here). The thread has a stack for a query of the largest size allowed, and
    nesting past 1,000 is refused."""
    import subprocess
    import sys

    script = """if True:
        import pyoxigraph as ox
        from qagraph.errors import UsageError
        from qagraph.rdf import sparql
        store = ox.Store()
        print(sparql(store, "ASK { FILTER(" + "||".join(["true"] * 100_000) + ") }").boolean)
        try:
            sparql(store, "ASK { FILTER(" + "(" * 10_000 + "1" + ")" * 10_000 + ") }")
        except UsageError as exc:
            print(exc)
    """
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parent.parent)
    assert (done.returncode, done.stdout.splitlines()) == (0, [
        "True", "the query nests brackets (or ! and ^) 10,002 deep, over the limit of 1,000"]), done.stderr
    big = tmp_path / "data.rq"  # a data file given for a query: not read whole
    big.write_text("ASK { }" + " " * (2 * 1024 * 1024), encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", str(big), "-c", str(HOSTILE), "-q"])
    assert result.exit_code == 2 and "holds more than 1,048,576 characters" in result.output, result.output
    assert "data.rq" in result.output


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX x: <urn:x#>\n# a comment\n  delete where { ?s ?p ?o }",
    "LOAD <file:///etc/passwd>",
    "CLEAR ALL",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_an_update_is_refused_as_one(G, update):
    """The store is read-only (the graph comes from the content): an update was refused as
    "SPARQL syntax error: error at 1:10: expected CONSTRUCT", which sends the user looking for
    a typo; it says what the query is and what runs instead."""
    with pytest.raises(QagraphError, match="is a SPARQL update.*SELECT, ASK, CONSTRUCT or DESCRIBE"):
        sparql(G, update)


def test_formats_table_csv_json(G):
    result = sparql(G, "SELECT ?q ?name ?missing { ?q a qa:ExternalQuestion ; schema:name ?name "
                       "OPTIONAL { ?q schema:text ?missing } }")
    table = format_results(result, "table")
    assert table.splitlines()[0].split() == ["q", "name", "missing"]
    assert table.rstrip().endswith("(1 row)") and "\n" not in table.splitlines()[2]
    rows = list(csv.reader(io.StringIO(format_results(result, "csv"))))
    assert rows[0] == ["q", "name", "missing"] and rows[1][1].startswith("stub quote \" apostrophe") and rows[1][2] == ""
    data = json.loads(format_results(result, "json"))
    assert data["head"]["vars"] == ["q", "name", "missing"]
    binding = data["results"]["bindings"][0]
    assert binding["q"]["type"] == "uri" and binding["name"]["type"] == "literal" and "missing" not in binding
    assert json.loads(format_results(sparql(G, "ASK {}"), "json")) == {"head": {}, "boolean": True}
    assert format_results(SparqlResult("ask", boolean=False)) == "false\n"
    with pytest.raises(QagraphError, match="unknown result format"):
        format_results(result, "xml")


def test_graph_results_format_as_turtle_csv_and_jsonld(G):
    graph = sparql(G, "CONSTRUCT { ?q schema:name ?n } WHERE { ?q schema:name ?n }")
    turtle = format_results(graph, "table")
    assert "schema:name" in turtle and len(list(ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE))) == len(graph)
    assert list(csv.reader(io.StringIO(format_results(graph, "csv"))))[0] == ["subject", "predicate", "object"]
    assert len(list(ox.parse(format_results(graph, "json").encode(), format=ox.RdfFormat.JSON_LD))) == len(graph)


# -- CLI ---------------------------------------------------------------------------------


def test_cli_query_formats(tmp_path):
    runner = CliRunner()
    args = ["query", "SELECT (COUNT(*) AS ?n) { ?q a schema:Question }", "-c", str(HOSTILE), "-q"]
    result = runner.invoke(cli, args + ["-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["results"]["bindings"][0]["n"]["value"] == "3"  # 3 articles; the stub is not one
    result = runner.invoke(cli, ["query", "-", "-c", str(HOSTILE), "-q", "-f", "csv"], input="ASK { ?s ?p ?o }")
    assert result.exit_code == 0 and result.output == "true\n"
    result = runner.invoke(cli, ["query", "SELEKT", "-c", str(HOSTILE), "-q"])
    assert result.exit_code == 2 and "SPARQL syntax error" in result.output
    saved = tmp_path / "questions.rq"  # a file's name: the file is the query
    saved.write_text("SELECT (COUNT(*) AS ?n)\n{ ?q a schema:Question }\n", encoding="utf-8")
    result = runner.invoke(cli, ["query", str(saved), "-c", str(HOSTILE), "-q", "-f", "csv"])
    assert result.exit_code == 0 and result.output.split() == ["n", "3"], result.output
    (tmp_path / "latin1.rq").write_bytes(b"ASK { ?s ?p \"\xe9\" }")
    result = runner.invoke(cli, ["query", str(tmp_path / "latin1.rq"), "-c", str(HOSTILE), "-q"])
    assert result.exit_code == 2 and "latin1.rq: cannot read the query" in result.output


def test_cli_query_json_and_another_format_is_a_usage_error():
    """``-f csv --json`` printed JSON, the -f given dropped without a word (``suggest`` refuses the same
    pair); --json alone, or with -f json, is JSON."""
    args = ["query", "ASK { ?s ?p ?o }", "-c", str(HOSTILE), "-q"]
    both = CliRunner().invoke(cli, [*args, "-f", "csv", "--json"])
    assert both.exit_code == 2 and "--json asks for JSON, -f csv for CSV: give one" in both.output, both.output
    assert CliRunner().invoke(cli, [*args, "--format", "table", "--json"]).exit_code == 2
    for agreeing in (["--json"], ["--json", "-f", "json"]):
        assert json.loads(CliRunner().invoke(cli, [*args, *agreeing]).stdout) == {"head": {}, "boolean": True}


def test_cli_query_syntax_error_shows_the_line_and_place():
    """A syntax error named the place as ``error at 2:24`` followed by pages of the parser's character
    classes (an undeclared prefix's "Prefix not found" lost among them): it now says the line and column
    in words, shows that line with a mark under the place, names an undeclared prefix as one, and says
    that a query of comments alone is empty."""
    runner = CliRunner()
    query = "SELECT ?q ?n WHERE {\n  ?q a schema:Question ;\n     ex:name ?n .\n}\n"
    result = runner.invoke(cli, ["query", query, "-c", str(HOSTILE), "-q"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [
        "qagraph: SPARQL syntax error at line 3, column 6: the prefix ex: is not declared (PREFIX ex: <...>; "
        "qa: schema: skos: dct: rdf: rdfs: xsd: void: prov: need none)",
        "       ex:name ?n .",
        "       ^",
    ], result.output
    typo = runner.invoke(cli, ["query", "SELECT ?q WHERE { ?q a schema:Question } LIMT 3", "-c", str(HOSTILE), "-q"])
    assert typo.exit_code == 2 and "'['" not in typo.output and "\\u{" not in typo.output
    assert typo.output.startswith("qagraph: SPARQL syntax error at line 1, column ") and "^" in typo.output
    empty = runner.invoke(cli, ["query", "# the articles\n", "-c", str(HOSTILE), "-q"])
    assert empty.exit_code == 2 and empty.output == "qagraph: SPARQL syntax error: the query is empty (comments only)\n"
    nothing = runner.invoke(cli, ["query", "-", "-c", str(HOSTILE), "-q"], input="")
    assert nothing.exit_code == 2 and nothing.output == "qagraph: SPARQL syntax error: the query is empty\n"


def test_cli_query_names_a_query_file_that_is_not_there(tmp_path):
    """``qagraph query queries/by-subject.rq`` with no such file parsed the name as SPARQL: "SPARQL
    syntax error at line 1, column 22 ... (it expected CONSTRUCT)". A name with no space, brace or
    ``<`` that looks like a file's (a folder in it, or .rq/.sparql/.txt) says that no such file is
    there; a query written without spaces is still a query."""
    runner = CliRunner()
    for name in ("missing.rq", "queries/by-subject.rq", "q.SPARQL"):
        said = runner.invoke(cli, ["query", name, "-c", str(HOSTILE), "-q"])
        assert said.exit_code == 2
        assert said.output == f"qagraph: no query file {name} (give a query's file, or the query itself in quotes)\n"
    assert runner.invoke(cli, ["query", "ASK{?s?p?o}", "-c", str(HOSTILE), "-q"]).output == "true\n"


def test_cli_query_of_a_build_made_with_only_its_rdf_answers_from_its_parts(tmp_path):
    """A build made with --only rdf holds what a SPARQL query reads, but no database: every query
    was refused ("the build ... has no database ...: build it again with the database"). It answers
    from the parts, with the base IRI the build was made with, as a full build's query does."""
    import qagraph

    base = "https://example.org/kb/"
    answers = []
    for outputs in (["rdf"], None):
        out = tmp_path / ("rdf-only" if outputs else "full")
        qagraph.build(HOSTILE, out=out, base_iri=base, **({"outputs": outputs} if outputs else {}))
        assert (out / "qagraph.db").exists() is (outputs is None)
        result = CliRunner().invoke(cli, ["query", "SELECT ?q { ?q a schema:Question } ORDER BY ?q", "-b", str(out),
                                          "-f", "csv", "-q"])
        assert (result.exit_code, result.stderr) == (0, ""), result.output
        answers.append(result.stdout)
    assert answers[0] == answers[1]
    assert answers[0].split()[0] == "q" and len(answers[0].split()) == 4  # 3 articles; the stub is not one
    assert all(line.startswith(base) for line in answers[0].split()[1:])
    other = CliRunner().invoke(cli, ["query", "ASK { ?s ?p ?o }", "-b", str(tmp_path / "rdf-only"), "--base-iri",
                                     "https://other.example/", "-q"])
    assert (other.exit_code, other.stderr) == (2, f"qagraph: the build in {tmp_path / 'rdf-only'} holds its RDF only (no "
                                                  f"database), made with the base IRI {base}: --base-iri "
                                                  f"https://other.example/ needs the database (qagraph build -o "
                                                  f"{tmp_path / 'rdf-only'})\n")


def test_cli_query_an_export(G, tmp_path):
    write_rdf(G, tmp_path, formats=("nt",), similarity="full")
    result = CliRunner().invoke(cli, ["query", "SELECT (COUNT(*) AS ?n) { ?q a qa:Similarity }", "--rdf", str(tmp_path)])
    assert result.exit_code == 0, result.output
    similar = sum(1 for _, _, k in G.edges(keys=True) if k == "similar")
    assert similar >= 1 and result.stdout.splitlines()[2].strip() == str(similar)  # (stderr: the store's note)


def test_a_written_answer_is_the_whole_answer_formatted(G):
    """``write=`` streams the answer out as it is read; what it writes is what format_results gives for
    the answer read whole, in every format and for every kind of query."""
    for query in ("SELECT ?q ?name ?missing { ?q schema:name ?name OPTIONAL { ?q schema:text ?missing } } ORDER BY ?q",
                  "SELECT * { ?s ?p ?o } ORDER BY ?s ?p ?o", "SELECT ?s { ?s a <urn:none> }", "ASK {}",
                  "CONSTRUCT { ?q schema:name ?n } WHERE { ?q schema:name ?n }"):
        for fmt in ("table", "csv", "json"):
            parts: list[str] = []
            result = sparql(G, query, write=parts.append, fmt=fmt)
            assert "".join(parts) == format_results(sparql(G, query), fmt), (query, fmt)
            assert result.rows == [] and result.triples == []
            assert (result.written is None) == query.startswith("ASK")
    assert sparql(G, "SELECT * { ?s ?p ?o }", write=lambda text: None, fmt="csv").written == len(sparql(G, "SELECT * { ?s ?p ?o }"))
    with pytest.raises(QagraphError, match="unknown result format"):
        sparql(G, "ASK {}", write=print, fmt="xml")


def _unraisable(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The errors Python reports as unraisable from now on (a result dropped in the wrong thread)."""
    import sys

    seen: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda u: seen.append(str(u.exc_value)))
    return seen


def _reader_gone_after(count: int, chunks: list[str]) -> Callable[[str], None]:
    """A writer that keeps ``count`` chunks in ``chunks``, then fails as a closed pipe does."""

    def write(text: str) -> None:
        if len(chunks) == count:
            raise BrokenPipeError(32, "Broken pipe")
        chunks.append(text)

    return write


def test_an_answer_of_millions_of_rows_streams_out_and_stops_with_its_reader(monkeypatch):
    """An answer was read whole before a line of it was printed: a cross join of a small build's
    statements (8 million rows) took 17.6 GB and had printed nothing after 5 minutes. The rows are
    written as they are read, a chunk at a time; a reader that stops (a closed pipe) stops the query,
    its error raised as it is (not "SPARQL query failed"), and the result dropped in its own thread."""
    import gc

    seen = _unraisable(monkeypatch)
    chunks: list[str] = []
    reader_gone_after_two = _reader_gone_after(2, chunks)

    store = _pairs_store(3000)  # 9 million rows
    for fmt in ("csv", "json"):
        chunks.clear()
        with pytest.raises(BrokenPipeError):
            sparql(store, "SELECT ?a ?b { ?a <urn:p> ?x . ?b <urn:p> ?y }", write=reader_gone_after_two, fmt=fmt)
        assert len(chunks) == 2 and sum(c.count("urn:s") for c in chunks) == 2 * 2 * 1000, fmt
    gc.collect()
    assert seen == []


def test_a_constructed_graph_of_millions_of_statements_streams_out_too(monkeypatch):
    """A CONSTRUCT's or DESCRIBE's triples were read into a list, then serialized into one string:
    a graph of millions of statements (a copy of a whole build, say) took gigabytes before a line was
    written. They are written as they are read, in every format; a reader that stops stops the query,
    its error raised as it is, and the result is dropped in its own thread."""
    import gc

    seen = _unraisable(monkeypatch)
    chunks: list[str] = []
    reader_gone_after_two = _reader_gone_after(2, chunks)

    store = _pairs_store(3000)  # 9 million statements
    for fmt in ("table", "csv", "json"):
        chunks.clear()
        with pytest.raises(BrokenPipeError):
            sparql(store, "CONSTRUCT { ?a <urn:q> ?b } WHERE { ?a <urn:p> ?x . ?b <urn:p> ?y }",
                   write=reader_gone_after_two, fmt=fmt)
        assert len(chunks) == 2 and 0 < sum(c.count("urn:s") for c in chunks) < 20_000, fmt
    gc.collect()
    assert seen == []
    parts: list[str] = []
    result = sparql(_pairs_store(12), "CONSTRUCT { ?s <urn:q> ?o } WHERE { ?s <urn:p> ?o }", write=parts.append, fmt="csv")
    assert result.written == 12 and len("".join(parts).splitlines()) == 1 + 12 and result.triples == []


def test_a_table_for_people_shows_its_first_rows_and_counts_the_rest(monkeypatch):
    """A table's columns are as wide as its widest cell, so it is written once read: it keeps
    TABLE_ROWS rows at most, counts the others and says where all of them are."""
    from qagraph.rdf import query

    monkeypatch.setattr(query, "TABLE_ROWS", 5)
    parts: list[str] = []
    assert sparql(_pairs_store(12), "SELECT ?s { ?s <urn:p> ?o }", write=parts.append).written == 12
    lines = "".join(parts).splitlines()
    assert len(lines) == 2 + 5 + 1 and lines[-1] == "(the first 5 of 12 rows: -f csv or -f json writes them all)"
    assert format_results(sparql(_pairs_store(12), "SELECT ?s { ?s <urn:p> ?o }")).splitlines()[-1].startswith(
        "(the first 5 of 12")


def test_cli_query_streams_to_a_reader_that_stops(tmp_path):
    """`qagraph query "<a cross join>" -f csv | head -1` printed nothing and grew without bound; now the
    reader has its line, and qagraph ends as with any closed pipe, saying nothing."""
    import subprocess
    import sys

    from qagraph.errors import EXIT_CODES

    piped = subprocess.run(
        f"set -o pipefail; {sys.executable} -m qagraph query -c {HOSTILE} -q -f csv "
        "'SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }' | head -1", shell=True, executable="/bin/bash",
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert piped.stdout == "a,b,c,d,e,f,g,h,i\n"
    assert piped.returncode == EXIT_CODES["closed-pipe"] and piped.stderr == "", piped.stderr


def test_an_rdf_path_that_is_a_device_is_named_as_one(tmp_path):
    """``--rdf /dev/null`` was "no such file or folder" for a path that is there: it is no file."""
    with pytest.raises(QagraphError, match=r"not a file or folder \(a device, a pipe or a socket\): /dev/null"):
        sparql("/dev/null", "ASK {}")
    with pytest.raises(QagraphError, match="no such file or folder"):
        sparql(tmp_path / "gone.nt", "ASK {}")
