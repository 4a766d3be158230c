"""The HTML views in a real browser: headless Chromium opens them from file:// with the
network cut off (every request that is not file:// is aborted, and the context is offline).

Checked: no console error, no dialog fired by hostile content, the expected nodes and
edges in the network's data, the layout settles, search highlights, the edge filter
works. Screenshots go to tests/artifacts/ (overview.png, subject-physics.png,
tooltip.png, subject-large.png, subject-large-search.png).

Chromium is Debian's /usr/bin/chromium (``make browser`` installs it; QAGRAPH_CHROMIUM
names another binary); when it is missing these tests fail, they are never skipped.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

from qagraph.graph import build_graph
from qagraph.html import (
    Limits,
    overview,
    subject_file_names,
    subject_view,
    write_keyword,
    write_neighbourhood,
    write_subject,
    write_views,
)
from qagraph.load import load_corpus as load

CHROMIUM = Path(os.environ.get("QAGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
CORPUS = Path(__file__).resolve().parent / "fixtures" / "html" / "content"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
DIM = "rgba(190,190,190,0.35)"
HOSTILE_TITLE = "<script>alert('title')</script> Is </script><img src=x onerror=alert('title2')> safe & sound?"

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    graph, _ = build_graph(load(CORPUS))
    return graph


@pytest.fixture(scope="module")
def out(G: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("browser-views")
    write_views(G, folder)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is needed for the browser tests and is not at {CHROMIUM}: run `make browser` "
                    "(apt-get install chromium)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def offsite(self) -> list[str]:
        return [u for u in self.requests if not u.startswith("file://")]


@pytest.fixture
def open_view(browser) -> Iterator:
    contexts = []

    def opener(path: Path, *, wait: float = 60_000) -> Opened:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
        contexts.append(context)
        page = context.new_page()
        seen = Opened(page)
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen.errors.append(str(e)))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))

        def route(r):
            seen.requests.append(r.request.url)
            if r.request.url.startswith("file://"):
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri())
        # the page's CSP forbids eval, so wait on an attribute rather than wait_for_function
        page.wait_for_selector("body[data-stable]", state="attached", timeout=wait)
        return seen

    yield opener
    for context in contexts:
        context.close()


def _assert_clean(seen: Opened) -> None:
    assert seen.offsite() == [], "requests outside the file"
    assert seen.errors == [], "console errors"
    assert seen.dialogs == [], "a dialog fired"


def _counts(seen: Opened) -> dict:
    return seen.js("""() => ({
        nodes: qagraph.nodes.length, edges: qagraph.edges.length,
        drawnNodes: qagraph.network.body.nodeIndices.length,
        drawnEdges: qagraph.network.body.edgeIndices.length,
        physics: qagraph.network.physics.physicsEnabled,
    })""")


def _node_id(seen: Opened, title: str) -> int:
    return seen.js("t => qagraph.nodes.get({filter: n => n.info.title === t})[0].id", title)


# -- rendering offline ---------------------------------------------------------------------


def test_overview_renders_offline(G, out, open_view):
    seen = open_view(out / "views" / "overview.html")
    expected = overview(G)
    counts = _counts(seen)
    assert counts == {"nodes": len(expected.nodes), "edges": len(expected.edges),
                      "drawnNodes": len(expected.nodes), "drawnEdges": len(expected.edges), "physics": False}
    assert sorted(seen.requests) == sorted([(out / "views" / "overview.html").as_uri(),
                                            (out / "views" / "assets" / "vis-network.min.js").as_uri()])
    labels = seen.js("() => qagraph.nodes.map(n => n.label)")
    assert "<b onmouseover=alert('subject')>Weird</b>" in labels
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "overview.png"))
    _assert_clean(seen)


def test_subject_view_renders_offline_with_hostile_content(G, out, open_view):
    seen = open_view(out / "views" / "subject-physics.html")
    expected = subject_view(G, "subject:physics")
    counts = _counts(seen)
    assert counts["nodes"] == counts["drawnNodes"] == len(expected.nodes)
    assert counts["edges"] == counts["drawnEdges"] == len(expected.edges)
    assert counts["physics"] is False
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "subject-physics.png"))

    # the hostile article's tooltip: its texts are text, its excerpt has no live markup
    hostile = _node_id(seen, HOSTILE_TITLE)
    tip = seen.js("""id => {
        const el = qagraph.nodes.get(id).title;
        return {text: el.textContent, bad: el.querySelectorAll('script,img,svg,iframe,[onerror],[onclick]').length,
                links: Array.from(el.querySelectorAll('a')).map(a => a.getAttribute('href'))};
    }""", hostile)
    assert HOSTILE_TITLE in tip["text"] and "<script>alert('kw')</script>" in tip["text"]
    assert tip["bad"] == 0
    # the image became a plain link (never loaded); javascript: links stayed text
    assert tip["links"] == ["https://example.com/tracker.png", "https://example.org/page",
                            "/learn/physics/questions/hostile"]

    # hover it: vis-network shows the element, and nothing runs
    x, y = seen.js("""id => { const p = qagraph.network.getPositions([id])[id];
                              const d = qagraph.network.canvasToDOM(p);
                              const r = document.getElementById('network').getBoundingClientRect();
                              return [d.x + r.left, d.y + r.top]; }""", hostile)
    seen.page.mouse.move(x, y)
    seen.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5000)
    assert HOSTILE_TITLE in seen.page.inner_text("div.vis-tooltip")
    seen.page.screenshot(path=str(ARTIFACTS / "tooltip.png"))
    _assert_clean(seen)


def test_no_dialog_from_any_hostile_text(G, out, open_view):
    names = subject_file_names(G)
    for name in ["overview.html", *names.values()]:
        seen = open_view(out / "views" / name)
        # open every node's details panel: titles, keywords, labels and excerpts are put in the page
        n = seen.js("() => { let n = 0; qagraph.nodes.forEach(x => { qagraph.select(x.id); n++; }); return n; }")
        assert n == seen.js("() => qagraph.data.nodes.length")
        seen.page.wait_for_timeout(150)  # let any injected image fail and any handler run
        injected = seen.js("() => document.querySelectorAll('body script:not([src]):not([id]), img, svg, iframe').length")
        assert injected == 1, name  # view.js itself (vis-network is loaded from src)
        _assert_clean(seen)


def test_single_file_views_request_only_themselves(G, tmp_path, open_view):
    pages = [
        write_neighbourhood(G, "article:/learn/physics/questions/hostile", tmp_path / "hostile.html", hops=2),
        write_keyword(G, "keyword:<script>alert('kw')</script>", tmp_path / "keyword.html"),
        write_subject(G, "subject:<svg onload=alert('slug')>", tmp_path / "weird.html"),
    ]
    for path in pages:
        seen = open_view(path)
        assert seen.requests == [path.resolve().as_uri()]
        assert seen.js("() => qagraph.state.selected") is not None or path.name == "weird.html"
        _assert_clean(seen)


# -- interaction ----------------------------------------------------------------------------


def test_search_highlights_the_node_and_its_neighbours(out, open_view):
    seen = open_view(out / "views" / "subject-physics.html")
    seen.page.fill("#search", "momentum and why")
    seen.page.press("#search", "Enter")
    target = _node_id(seen, "What is momentum and why is it conserved?")
    state = seen.js("() => qagraph.state")
    neighbours = seen.js("id => qagraph.network.getConnectedNodes(id)", target)
    assert state["selected"] == target
    assert sorted(state["highlighted"]) == sorted({target, *neighbours}) and len(neighbours) >= 3
    colours = seen.js("() => qagraph.nodes.map(n => [n.id, n.color])")
    dimmed = {i for i, c in colours if c == DIM}
    assert dimmed == {i for i, _ in colours} - set(state["highlighted"]) and dimmed
    assert seen.page.is_visible("#details")
    assert "What is momentum and why is it conserved?" in seen.page.inner_text("#details")

    seen.page.fill("#search", "no such node anywhere")
    seen.page.press("#search", "Enter")
    assert seen.page.inner_text("#search-miss") == "No node matches."
    seen.page.click("#search-clear")
    assert seen.js("() => qagraph.state.highlighted") == []
    assert DIM not in [c for _, c in seen.js("() => qagraph.nodes.map(n => [n.id, n.color])")]
    _assert_clean(seen)


def test_edge_kind_filter(out, open_view):
    seen = open_view(out / "views" / "subject-physics.html")
    total = _counts(seen)["drawnEdges"]
    similar = seen.js("() => qagraph.edges.get({filter: e => e.kind === 'similar'}).length")
    assert similar > 0
    seen.page.uncheck("#edge-filter input[value=similar]")
    assert _counts(seen)["drawnEdges"] == total - similar
    seen.page.uncheck("#edge-filter input[value=keyword]")
    keyword = seen.js("() => qagraph.edges.get({filter: e => e.kind === 'keyword'}).length")
    assert _counts(seen)["drawnEdges"] == total - similar - keyword
    seen.page.check("#edge-filter input[value=similar]")
    seen.page.check("#edge-filter input[value=keyword]")
    assert _counts(seen)["drawnEdges"] == total
    _assert_clean(seen)


# -- a big view settles ---------------------------------------------------------------------


def test_a_view_of_2000_nodes_settles(tmp_path, open_view):
    from test_html_views import synthetic_graph

    G = synthetic_graph(2600, n_subjects=1, n_keywords=4000)
    limits = Limits(subject_articles=1900, subject_keywords=100)
    view = subject_view(G, "subject:subject-0", limits=limits)
    assert 1990 <= len(view.nodes) <= 2010
    path = write_subject(G, "subject:subject-0", tmp_path / "large.html", limits=limits)
    seen = open_view(path, wait=60_000)
    counts = _counts(seen)
    assert counts["drawnNodes"] == len(view.nodes) and counts["drawnEdges"] == len(view.edges)
    assert counts["physics"] is False  # stopped once stable
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "subject-large.png"))
    title = view.nodes[0]["info"]["title"]  # the best connected article
    seen.page.fill("#search", title)
    seen.page.press("#search", "Enter")
    assert seen.js("() => qagraph.state.selected") == view.nodes[0]["id"]
    assert len(seen.js("() => qagraph.state.highlighted")) > 5
    seen.page.screenshot(path=str(ARTIFACTS / "subject-large-search.png"))
    _assert_clean(seen)


def test_an_empty_graph_gives_empty_views(tmp_path, open_view):
    paths = write_views(nx.MultiDiGraph(source="empty"), tmp_path)
    assert [p.name for p in paths] == ["index.html", "overview.html", "vis-network.min.js"]
    seen = open_view(tmp_path / "views" / "overview.html")
    assert _counts(seen)["nodes"] == 0
    _assert_clean(seen)


def test_chromium_is_the_one_named(browser):
    assert CHROMIUM.exists() and browser.version
    assert shutil.which("chromium") or os.environ.get("QAGRAPH_CHROMIUM")
