"""qagraph.rdf.push against a real triple store: an Oxigraph server on a loopback port."""

from __future__ import annotations

import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from qagraph.cli import cli
from qagraph.errors import QagraphError
from qagraph.graph import build_graph
from qagraph.load import load_corpus as load
from qagraph.rdf import IRIs, push, write_rdf

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "rdf" / "hostile"


def oxigraph_binary() -> str:
    """The ``oxigraph`` server from PyPI (a test dependency): beside this Python, or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server is missing: pip install -e '.[test]' installs it (PyPI package 'oxigraph')")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a fresh Oxigraph server with its own store folder."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph")
    log = open(location.parent / f"oxigraph-{port}.log", "wb")
    process = subprocess.Popen(
        [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.flush()
                    pytest.fail(f"oxigraph serve did not start: {(location.parent / f'oxigraph-{port}.log').read_text()}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def select(server: str, query: str) -> list[dict[str, str]]:
    request = urllib.request.Request(
        server + "/query", data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json",
                 "Content-Type": "application/x-www-form-urlencoded"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        bindings = json.load(response)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in bindings]


def count(server: str, where: str) -> int:
    return int(select(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])


def drop_all(server: str) -> None:
    request = urllib.request.Request(server + "/update", data=b"update=DROP%20ALL",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    urllib.request.urlopen(request, timeout=30).read()


@pytest.fixture
def store(server: str) -> str:
    drop_all(server)
    return server


@pytest.fixture(scope="module")
def hostile() -> nx.MultiDiGraph:
    G, _ = build_graph(load(HOSTILE))
    return G


def expected_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    kinds = [d for _, d in G.nodes(data="kind")]
    edges = [k for *_, k in G.edges(keys=True)]
    return {
        "questions": kinds.count("article"),
        "stubs": kinds.count("stub"),
        "concepts": kinds.count("subject") + kinds.count("keyword"),
        "similar": edges.count("similar"),
        "related": edges.count("related"),
        "keyword": edges.count("keyword"),
    }


def store_counts(server: str, graph: str | None = None) -> dict[str, int]:
    def where(pattern: str, name: str) -> str:
        g = graph or IRIs().graph(name)
        return f"GRAPH <{g}> {{ {pattern} }}"

    return {
        "questions": count(server, where("?q a <https://schema.org/Question>", "content")),
        "stubs": count(server, where("?q a <https://qagraph.example/ns#ExternalQuestion>", "content")),
        "concepts": count(server, where("?c a <http://www.w3.org/2004/02/skos/core#Concept>", "content")),
        "similar": count(server, where("?s <https://qagraph.example/ns#similarTo> ?t FILTER (STR(?s) < STR(?t))", "similarity")),
        "related": count(server, where("?a <http://purl.org/dc/terms/relation> ?b", "content")),
        "keyword": count(server, where("?a <https://schema.org/keywords> ?k", "content")),
    }


def test_push_the_bundled_content_and_count_with_sparql(store, content_kg, tmp_path):
    """Done when: a push into a running Oxigraph and a SPARQL count agree with networkx."""
    G = content_kg.graph
    result = write_rdf(G, tmp_path)
    sent = push(tmp_path, store + "/store")
    assert sent == result.stats.total == count(store, "GRAPH ?g { ?s ?p ?o }")
    assert store_counts(store) == expected_counts(G)


def test_push_every_part_of_a_build(store, hostile, tmp_path):
    result = write_rdf(hostile, tmp_path, formats=("nq", "ttl"), parts=3)
    assert len(result.written) == 3
    sent = push(tmp_path, store + "/store")
    assert sent == result.stats.total == count(store, "GRAPH ?g { ?s ?p ?o }")
    assert store_counts(store) == expected_counts(hostile)


def test_a_second_push_replaces_and_adds_no_duplicates(store, hostile, tmp_path):
    write_rdf(hostile, tmp_path, formats=("nq",))
    first = push(tmp_path, store + "/store")
    second = push(tmp_path / "rdf" / "part-000.nq", store + "/store")
    assert first == second == count(store, "GRAPH ?g { ?s ?p ?o }")
    graphs = {row["g"] for row in select(store, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {IRIs().graph("content"), IRIs().graph("similarity")}
    assert store_counts(store) == expected_counts(hostile)


@pytest.mark.parametrize("similarity", ["none", "links"])
def test_a_graph_the_new_build_leaves_empty_is_emptied_in_the_store(store, hostile, tmp_path, similarity):
    """A named graph that held nothing in the pushed build was never sent, so the store kept the
    previous push's statements in it: after `--similarity full`, a build with no similar pair (or
    `--similarity none`) pushed again left every old qa:similarTo link and record in the store."""
    write_rdf(hostile, tmp_path / "before", similarity="full")
    push(tmp_path / "before", store + "/store")
    assert count(store, f"GRAPH <{IRIs().graph('similarity')}> {{ ?s ?p ?o }}") > 0
    unlinked = nx.MultiDiGraph(hostile)
    unlinked.remove_edges_from([e for e in unlinked.edges(keys=True) if e[2] == "similar"])
    result = write_rdf(unlinked, tmp_path / "after", similarity=similarity)
    assert push(tmp_path / "after", store + "/store") == result.stats.total
    assert count(store, f"GRAPH <{IRIs().graph('similarity')}> {{ ?s ?p ?o }}") == 0
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == result.stats.total
    assert store_counts(store) == expected_counts(unlinked)


def test_push_into_one_named_graph_keeps_the_others(store, hostile, tmp_path):
    write_rdf(hostile, tmp_path, formats=("ttl", "trig"))
    push(tmp_path / "rdf" / "part-000.trig", store + "/store")
    graph = "https://example.org/graphs/mine"
    sent = push(tmp_path / "rdf" / "part-000.ttl", store + "/store", graph=graph)
    assert push(tmp_path / "rdf" / "part-000.ttl", store + "/store", graph=graph) == sent
    assert count(store, f"GRAPH <{graph}> {{ ?s ?p ?o }}") == sent
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == 2 * sent
    assert store_counts(store, graph) == expected_counts(hostile)


def test_hostile_literals_arrive_intact(store, hostile, tmp_path):
    write_rdf(hostile, tmp_path, formats=("nt",))
    push(tmp_path / "rdf" / "part-000.nt", store + "/store")  # no named graph: the default graph
    article = next(d for _, d in hostile.nodes(data=True) if d["kind"] == "article" and "😀" in d["url"])
    rows = select(store, f"SELECT ?a ?n {{ ?q <https://schema.org/author> ?a ; <https://schema.org/name> ?n . "
                         f"FILTER (?q = <{IRIs().article(article['key'])}>) }}")
    assert rows == [{"a": article["author"], "n": article["title"]}]


def test_a_refused_connection_is_a_clear_error(hostile, tmp_path):
    write_rdf(hostile, tmp_path, formats=("nt",))
    port = free_port()  # nothing listens there
    with pytest.raises(QagraphError, match="connection refused"):
        push(tmp_path, f"http://127.0.0.1:{port}/store")


def test_an_http_error_is_a_clear_error(server, hostile, tmp_path):
    write_rdf(hostile, tmp_path, formats=("nt",))
    with pytest.raises(QagraphError, match=r"HTTP 404"):
        push(tmp_path, server + "/no-such-endpoint")


class _Refuse(http.server.BaseHTTPRequestHandler):
    """A store that reads the whole upload (chunked) and then refuses it."""

    def do_PUT(self):
        while True:
            size = int(self.rfile.readline().strip(), 16)
            self.rfile.read(size + 2)
            if size == 0:
                break
        self.send_response(500)
        self.end_headers()
        self.wfile.write(b"store is read-only")

    def log_message(self, *args):
        pass


def test_a_server_error_with_a_message_is_reported(hostile, tmp_path):
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Refuse)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        write_rdf(hostile, tmp_path, formats=("nt",))
        with pytest.raises(QagraphError, match="HTTP 500 .*: store is read-only"):
            push(tmp_path, f"http://127.0.0.1:{httpd.server_address[1]}/store")
    finally:
        httpd.shutdown()
        httpd.server_close()


class _Hostile(http.server.BaseHTTPRequestHandler):
    """A store that reads each upload whole, then answers as ``answer`` (set on a subclass) says:
    "html" a 200 with a web page, "moved" a PUT with 204 and a POST with a redirect to ``elsewhere``,
    "endless" a 200 whose answer never ends. ``seen`` lists the requests of every server made so."""

    answer = "html"
    elsewhere = ""
    seen: list[tuple[str, str]] = []

    def do_PUT(self):
        self.seen.append((self.command, self.path))
        if self.headers.get("Transfer-Encoding") == "chunked":
            while (size := int(self.rfile.readline().strip(), 16)) != 0:
                self.rfile.read(size + 2)
            self.rfile.readline()
        if self.answer == "moved" and self.command == "PUT":
            self.send_response(204)
            self.end_headers()
        elif self.answer == "moved":
            self.send_response(303)
            self.send_header("Location", self.elsewhere)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.answer == "endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b" " * 65536)
            except OSError:
                pass
        else:
            page = b"<!DOCTYPE html><html><body>Sign in</body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

    do_POST = do_GET = do_PUT

    def log_message(self, *args):
        pass


@pytest.fixture
def hostile_store() -> Iterator[object]:
    servers = []

    def start(answer: str, elsewhere: str = "") -> str:
        handler = type("Answer", (_Hostile,), {"answer": answer, "elsewhere": elsewhere})
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}/store"

    _Hostile.seen.clear()
    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def test_a_store_that_answers_with_a_web_page_is_no_store(hostile, tmp_path, hostile_store):
    """A 200 with an HTML page (a login page, a proxy's, a web site at the wrong URL) was taken for
    a store's yes: "257 triples sent", exit 0, and nothing stored."""
    write_rdf(hostile, tmp_path, formats=("nt",))
    endpoint = hostile_store("html")
    with pytest.raises(QagraphError, match=r"the answer is a web page \(text/html\), not a Graph Store's"):
        push(tmp_path, endpoint)
    result = CliRunner().invoke(cli, ["push", str(tmp_path), "--endpoint", endpoint, "--timeout", "10"])
    assert result.exit_code == 4 and "web page" in result.output and "Traceback" not in result.output


def test_a_redirect_is_not_followed(hostile, tmp_path, hostile_store):
    """The second part of a graph goes as a POST: a 303 made urllib send it on to another host as a
    GET, without the data, and the push said every triple was sent."""
    (tmp_path / "one").mkdir()
    write_rdf(hostile, tmp_path / "one", formats=("nt",))
    parts = tmp_path / "parts"
    (parts / "rdf").mkdir(parents=True)
    lines = next((tmp_path / "one").rglob("*.nt")).read_text(encoding="utf-8").splitlines(keepends=True)
    (parts / "rdf" / "part-000.nt").write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    (parts / "rdf" / "part-001.nt").write_text("".join(lines[len(lines) // 2:]), encoding="utf-8")
    other = hostile_store("html")
    endpoint = hostile_store("moved", elsewhere=other + "?taken")
    with pytest.raises(QagraphError, match=r"HTTP 303 See Other, a redirect to http://127.0.0.1:\d+/store\?taken: "
                                           r"redirects are not followed"):
        push(parts, endpoint, graph="urn:g")
    assert [method for method, _ in _Hostile.seen] == ["PUT", "POST"]  # nothing went to the other host


def test_an_answer_without_end_is_not_read_to_its_end(hostile, tmp_path, hostile_store):
    write_rdf(hostile, tmp_path, formats=("nt",))
    started = time.monotonic()
    assert push(tmp_path, hostile_store("endless"), timeout=5) > 0
    assert time.monotonic() - started < 30


def test_bad_arguments(tmp_path):
    with pytest.raises(QagraphError, match="not an http"):
        push(tmp_path, "ftp://example.org/store")
    with pytest.raises(QagraphError, match="no qagraph RDF export"):
        push(tmp_path, "http://127.0.0.1:1/store")
    (tmp_path / "x.nt").write_text("not n-triples\n", encoding="utf-8")
    with pytest.raises(QagraphError, match="not a valid IRI"):
        push(tmp_path / "x.nt", "http://127.0.0.1:1/store", graph="not an iri")


def test_a_broken_file_fails_before_anything_is_stored(store, tmp_path):
    (tmp_path / "rdf").mkdir()
    (tmp_path / "rdf" / "part-000.nt").write_text("<https://x/a> <https://x/b> <https://x/c> .\n", encoding="utf-8")
    (tmp_path / "rdf" / "part-001.nt").write_text("this is not n-triples\n", encoding="utf-8")
    with pytest.raises(QagraphError, match="not valid RDF"):
        push(tmp_path, store + "/store")
    assert count(store, "GRAPH ?g { ?s ?p ?o }") == 0


def test_cli_push(store, hostile, tmp_path):
    write_rdf(hostile, tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["push", str(tmp_path), "--endpoint", store + "/store"])
    assert result.exit_code == 0, result.output
    sent = int(result.output.split()[0])
    assert sent == count(store, "GRAPH ?g { ?s ?p ?o }")
    result = runner.invoke(cli, ["push", str(tmp_path), "--endpoint", f"http://127.0.0.1:{free_port()}/store"])
    assert result.exit_code != 0 and "connection refused" in result.output
