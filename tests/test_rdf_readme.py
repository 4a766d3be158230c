"""The README's "Use 3" section, run as written: its load commands and every SPARQL query in it,
on a real Oxigraph server (union default graph) and on the build's embedded store, with their answers checked."""

from __future__ import annotations

import re
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from qagraph.rdf import open_store, push, sparql, sparql_endpoint, write_rdf
from test_rdf_push import free_port, oxigraph_binary

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://qagraph.example/id/"


def section() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Use 3: load the RDF into a triple store", 1)[1].split("\n## ", 1)[0]


def queries() -> list[tuple[str, str]]:
    """(first comment line, query) of each ```sparql block of the section."""
    blocks = re.findall(r"```sparql\n(.*?)```", section(), re.S)
    return [(block.splitlines()[0].lstrip("# ").strip(), block) for block in blocks]


def shell_commands() -> list[str]:
    return [line.split("#")[0].strip() for block in re.findall(r"```sh\n(.*?)```", section(), re.S)
            for line in block.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def build(content_kg, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    write_rdf(content_kg.graph, out, similarity="full")
    return out


def start(location: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                                "--bind", f"127.0.0.1:{port}", *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            return process, url
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("oxigraph serve did not start")
            time.sleep(0.1)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def union_server(tmp_path_factory) -> Iterator[str]:
    """``oxigraph serve ... --union-default-graph`` as the README starts it, on loopback."""
    process, url = start(tmp_path_factory.mktemp("store"), "--union-default-graph")
    try:
        yield url
    finally:
        stop(process)


def rows(result) -> list[tuple]:
    return [tuple(None if t is None else t.value for t in row) for row in result.rows]


def check(name: str, result, kg) -> None:
    """What each README query must answer on the bundled content."""
    G = kg.graph
    values = result.values()
    if name.startswith("articles per subject"):
        assert sum(r["articles"] for r in values) == 49  # the 7 outside questions are not counted
        assert values[0] == {"subject": "Computer Science", "articles": 16}
    elif name.startswith("the articles similar to one"):
        assert [r["title"] for r in values] == ["How do enzymes speed up chemical reactions?", "What is a virus?"]
    elif name.startswith("the strongest similarities"):
        best = max(d["weight"] for *_, k, d in G.edges(keys=True, data=True) if k == "similar")
        assert len(values) == 5 and abs(float(values[0]["weight"]) - best) < 1e-9
    elif name.startswith("the articles with a keyword"):
        expected = {d["title"] for u, v, k in G.edges(keys=True) if k == "keyword" and v == "keyword:dna replication"
                    for d in [G.nodes[u]]}
        assert expected and {r["title"] for r in values} == expected
    elif name.startswith("the articles that link to one"):
        target = "article:/learn/biology/questions/how-does-dna-replication-work"
        assert len(values) == sum(1 for _, v, k in G.in_edges(target, keys=True) if k == "related") > 0
    elif name.startswith("related links to articles outside"):
        stubs = {n for n, k in G.nodes(data="kind") if k == "stub"}
        assert len({r["outside"] for r in values}) == len(stubs) == 7
    elif name.startswith("the same, naming the graphs"):
        assert {r["graph"] for r in values} == {BASE + "graph/similarity"} and len(values) == 2
    else:
        pytest.fail(f"README query {name!r} has no expected answer in this test: add one")


def test_the_section_has_the_queries_and_commands_this_test_knows():
    assert len(queries()) == 7
    commands = shell_commands()
    assert any(c.startswith("oxigraph load --location store --file build/rdf/part-*.nq") for c in commands)
    assert any(c.startswith("qagraph push build --endpoint") for c in commands)


@pytest.mark.parametrize("name, query", queries(), ids=[name for name, _ in queries()])
def test_every_readme_query_on_a_pushed_oxigraph_server_and_on_the_embedded_store(name, query, union_server,
                                                                                  build, content_kg):
    push(build, union_server + "/store")
    remote = sparql_endpoint(union_server + "/query", query)
    local = sparql(build, query)
    assert remote.variables == local.variables
    assert rows(remote) == rows(local)
    check(name, local, content_kg)


def test_the_readme_load_commands_give_the_same_answers(build, content_kg, tmp_path):
    """`oxigraph load --file build/rdf/part-*.nq`, then `serve --union-default-graph`, as written."""
    location = tmp_path / "store"
    parts = sorted(str(p) for p in (build / "rdf").glob("part-*.nq"))
    subprocess.run([oxigraph_binary(), "load", "--location", str(location), "--file", *parts], check=True,
                   capture_output=True)
    process, url = start(location, "--union-default-graph")
    try:
        for name, query in queries():
            check(name, sparql_endpoint(url + "/query", query), content_kg)
    finally:
        stop(process)


def test_without_a_union_default_graph_only_graph_queries_see_the_data(build, tmp_path):
    process, url = start(tmp_path / "plain")
    try:
        push(build, url + "/store")
        assert sparql_endpoint(url + "/query", "ASK { ?q a schema:Question }").boolean is False
        name, query = queries()[-1]
        assert "GRAPH" in query and len(sparql_endpoint(url + "/query", query).rows) == 2
        assert all("GRAPH" not in q for _, q in queries()[:-1])  # the others need a union default graph
    finally:
        stop(process)


def test_the_embedded_store_is_made_once_and_reused(build):
    first = open_store(build)
    stores = sorted((build / ".qagraph" / "store").glob("d*-*"))
    assert len(stores) == 1
    assert len(open_store(build)) == len(first)
    assert sorted((build / ".qagraph" / "store").glob("d*-*")) == stores
