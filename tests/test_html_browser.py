"""The HTML views in a real browser: headless Chromium opens them from file:// with the
network cut off (every request that is not file:// is aborted, and the context is offline).

Checked: no console error, no dialog fired by hostile content, the expected nodes and
edges drawn, search (drawn articles, and articles a view lists but does not draw),
keyboard, the address fragment, the edge filter with no orphan node left, the details
panel, PNG export, window.qagraph, and a page that had to leave most of an article's
100,000 keywords out. Screenshots go to tests/artifacts/ (overview.png,
subject-physics.png, tooltip.png, details.png, subject-large.png, subject-large-search.png, overview-40.png,
subject-labels-fitted.png, subject-labels-zoomed.png).

Chromium is Debian's /usr/bin/chromium (``make browser`` installs it; QAGRAPH_CHROMIUM
names another binary); when it is missing these tests fail, they are never skipped.
"""

from __future__ import annotations

import os
import re
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
        return [u for u in self.requests if not u.startswith(("file://", "blob:"))]


@pytest.fixture
def open_view(browser) -> Iterator:
    contexts = []

    def opener(path: Path, *, wait: float = 60_000, fragment: str = "") -> Opened:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
        contexts.append(context)
        page = context.new_page()
        seen = Opened(page)
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen.errors.append(str(e)))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))

        def route(r):
            seen.requests.append(r.request.url)
            if r.request.url.startswith(("file://", "blob:")):
                r.continue_()
            else:
                r.abort()

        page.route("**/*", route)
        page.goto(path.resolve().as_uri() + fragment)
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


def _expected_drawn(view) -> tuple[int, int]:
    """Nodes and edges a view draws when it opens: edges of the kinds shown, primary ones;
    articles (subjects in the overview), the centre, and any node such an edge touches."""
    edges = [e for e in view.edges if e["kind"] not in view.hidden_kinds and not e.get("more")]
    core = ("subject",) if view.kind == "overview" else ("article", "stub")
    nodes = {n["id"] for n in view.nodes if n["kind"] in core} | {e[end] for e in edges for end in ("from", "to")}
    if view.centre is not None:
        nodes.add(view.centre)
    return len(nodes), len(edges)


def _node_id(seen: Opened, title: str) -> int:
    return seen.js("t => qagraph.data.nodes.find(n => n.info && n.info.title === t).id", title)


# -- rendering offline ---------------------------------------------------------------------


def test_overview_renders_offline(G, out, open_view):
    seen = open_view(out / "views" / "overview.html")
    expected = overview(G, view_files=subject_file_names(G))
    counts = _counts(seen)
    drawn_nodes, drawn_edges = _expected_drawn(expected)
    assert counts == {"nodes": len(expected.nodes), "edges": len(expected.edges),
                      "drawnNodes": drawn_nodes, "drawnEdges": drawn_edges, "physics": False}
    assert drawn_nodes == 5  # the subjects: keywords are off at first
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
    assert counts["nodes"] == len(expected.nodes) and counts["edges"] == len(expected.edges)
    assert (counts["drawnNodes"], counts["drawnEdges"]) == _expected_drawn(expected)
    assert seen.js("() => [qagraph.nodeCount, qagraph.edgeCount]") == list(_expected_drawn(expected))
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
    # the image became a plain link (never loaded); javascript: links stayed text; the article's
    # own site path is text, not a link (written without --site-url, from disk it would open file:///learn/...)
    assert tip["links"] == ["https://example.com/tracker.png", "https://example.org/page"]
    assert "Page: /learn/physics/questions/hostile" in tip["text"]

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
    assert sorted(state["highlighted"]) == sorted({target, *neighbours}) and len(neighbours) >= 2
    colours = seen.js("() => qagraph.nodes.map(n => [n.id, n.color])")
    dimmed = {i for i, c in colours if c == DIM}
    assert dimmed == {i for i, _ in colours} - set(state["highlighted"]) and dimmed
    assert seen.page.is_visible("#details")
    assert "What is momentum and why is it conserved?" in seen.page.inner_text("#details")
    assert seen.js("() => location.hash") == "#article=" + "%2Flearn%2Fphysics%2Fquestions%2Fmomentum"

    # a search that finds nothing says so and drops the old selection
    seen.page.fill("#search", "no such node anywhere")
    seen.page.press("#search", "Enter")
    assert "Nothing in this view matches" in seen.page.inner_text("#search-result")
    assert seen.js("() => [qagraph.state.selected, qagraph.state.highlighted.length]") == [None, 0]
    assert not seen.page.is_visible("#details")
    assert DIM not in [c for _, c in seen.js("() => qagraph.nodes.map(n => [n.id, n.color])")]
    seen.page.click("#search-clear")
    assert seen.page.is_hidden("#search-result")
    _assert_clean(seen)


def test_keyboard_escape_clears_and_slash_searches(out, open_view):
    seen = open_view(out / "views" / "subject-physics.html")
    start = seen.js("() => [qagraph.network.getScale(), qagraph.network.getViewPosition()]")
    target = _node_id(seen, "What is momentum and why is it conserved?")
    assert seen.js("id => qagraph.select(id)", target) is True
    assert seen.js("() => qagraph.network.getScale()") != start[0]  # zoomed onto the neighbours
    seen.page.click("header h1")  # focus away from any input
    seen.page.keyboard.press("Escape")
    seen.page.wait_for_timeout(200)  # a late resize of the canvas would show here
    assert seen.js("() => qagraph.state.selected") is None
    assert not seen.page.is_visible("#details")
    # Clear (here Escape) fits the whole view again
    scale, position = seen.js("() => [qagraph.network.getScale(), qagraph.network.getViewPosition()]")
    assert abs(scale - start[0]) < 1e-6 and abs(position["x"] - start[1]["x"]) < 1e-3
    seen.page.keyboard.press("/")
    assert seen.js("() => document.activeElement.id") == "search"
    seen.page.keyboard.type("kinetic")
    seen.page.keyboard.press("Enter")
    assert seen.js("() => qagraph.state.selected") == _node_id(seen, "What is kinetic energy?")
    seen.page.keyboard.press("Escape")  # from the search box too
    assert seen.js("() => qagraph.state.selected") is None and seen.page.input_value("#search") == ""
    _assert_clean(seen)


def test_details_say_how_each_neighbour_is_linked(out, open_view):
    seen = open_view(out / "views" / "subject-physics.html")
    seen.js("() => qagraph.select('article:/learn/physics/questions/momentum')")
    headings = seen.js("() => Array.from(document.querySelectorAll('#details h3')).map(h => h.textContent)")
    assert any(h.startswith("Related links from here") for h in headings), headings
    assert any(h.startswith("Related links to here") for h in headings), headings
    assert any(h.startswith("Similar pairs") for h in headings), headings
    assert any(h.startswith("Keywords") for h in headings), headings  # listed though not drawn
    similar = seen.js("""() => { const h = Array.from(document.querySelectorAll('#details h3'))
        .find(h => h.textContent.startsWith('Similar pairs'));
        return Array.from(h.nextElementSibling.querySelectorAll('li')).map(li => li.textContent); }""")
    articles = [t for t in similar if t.startswith("What")]
    assert articles and all(re.search(r" score 0\.\d+$", t) for t in articles), similar
    assert any(t.startswith("Mathematics 1") for t in similar)  # links to another subject, counted
    # bullets stay by the first line of a title that wraps
    seen.page.add_style_tag(content="#details { width: 200px; }")
    rows = seen.js("""() => Array.from(document.querySelectorAll('#details ul.neighbours li')).map(li => {
        const a = li.querySelector('a'); const first = a.getClientRects()[0];
        return [a.getClientRects().length, first.top - li.getBoundingClientRect().top]; })""")
    assert any(lines > 1 for lines, _ in rows), "no title wraps: the check would prove nothing"
    assert all(abs(offset) < 2 for _, offset in rows), rows
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "details.png"))
    # following a neighbour's link selects it (the fragment names it)
    before = _node_id(seen, "What is momentum and why is it conserved?")
    seen.page.click("#details ul.neighbours a >> nth=0")
    # the fragment changes first; the selection follows on the hashchange event
    seen.page.wait_for_function("(before) => qagraph.state.selected !== before", arg=before, timeout=10_000)
    assert seen.js("() => qagraph.state.selected") != before
    _assert_clean(seen)


def test_edge_kind_filter_leaves_no_orphan(out, open_view):
    seen = open_view(out / "views" / "subject-physics.html")

    def drawn(kind: str) -> int:
        return seen.js("k => qagraph.network.body.nodeIndices.filter(id => qagraph.data.nodes[id].kind === k).length", kind)

    total = _counts(seen)["drawnEdges"]
    similar = seen.js("() => qagraph.shownEdges.get({filter: e => e.kind === 'similar'}).length")
    assert similar > 0 and drawn("keyword") == 0  # keywords are off at first
    seen.page.uncheck("#edge-filter input[value=similar]")
    assert _counts(seen)["drawnEdges"] == total - similar
    seen.page.check("#edge-filter input[value=keyword]")
    keyword = seen.js("() => qagraph.shownEdges.get({filter: e => e.kind === 'keyword'}).length")
    assert keyword > 0 and drawn("keyword") > 0
    assert _counts(seen)["drawnEdges"] == total - similar + keyword
    seen.page.uncheck("#edge-filter input[value=keyword]")
    assert drawn("keyword") == 0  # no keyword left alone without its edges
    seen.page.check("#edge-filter input[value=similar]")
    assert _counts(seen)["drawnEdges"] == total
    more = seen.js("() => qagraph.edges.length") - seen.js("() => qagraph.shownEdges.length") - seen.js(
        "() => qagraph.data.edges.filter(e => e.kind === 'keyword').length")
    seen.page.check("#all-links")
    assert _counts(seen)["drawnEdges"] == total + more and more > 0
    _assert_clean(seen)


def test_png_export(out, open_view):
    seen = open_view(out / "views" / "subject-physics.html")
    with seen.page.expect_download() as info:
        seen.page.click("#export-png")
    download = info.value
    assert download.suggested_filename == "Physics.png"
    path = download.path()
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000
    _assert_clean(seen)


def test_the_address_selects_an_article(out, open_view):
    page = out / "views" / "subject-physics.html"
    seen = open_view(page, fragment="#article=%2Flearn%2Fphysics%2Fquestions%2Fwork")
    assert seen.js("() => qagraph.state.selected") == _node_id(seen, "What is work in physics?")
    seen.page.evaluate("() => { location.hash = '#article=' + encodeURIComponent('/learn/physics/questions/momentum'); }")
    seen.page.wait_for_function("() => true")
    seen.page.wait_for_timeout(100)
    assert seen.js("() => qagraph.state.selected") == _node_id(seen, "What is momentum and why is it conserved?")
    seen.page.evaluate("() => { location.hash = '#article=' + encodeURIComponent('/learn/nowhere'); }")
    seen.page.wait_for_timeout(100)
    assert "No article /learn/nowhere in this view" in seen.page.inner_text("#search-result")
    _assert_clean(seen)


def test_window_qagraph_interface(out, open_view):
    seen = open_view(out / "views" / "subject-physics.html")
    api = seen.js("() => ({ready: qagraph.ready, nodes: qagraph.nodeCount, edges: qagraph.edgeCount,"
                  " found: qagraph.search('momentum'), none: qagraph.search('zzz no such thing')})")
    assert api["ready"] is True and api["nodes"] > 0 and api["edges"] > 0
    assert api["found"][0] == "article:/learn/physics/questions/momentum" and api["none"] == []
    assert seen.js("() => qagraph.select('article:/learn/physics/questions/work')") is True
    assert seen.js("() => qagraph.select('/learn/physics/questions/momentum')") is True  # a url will do
    assert seen.js("() => qagraph.select('article:/nope')") is False
    _assert_clean(seen)


# -- a big subject -------------------------------------------------------------------------------


def test_a_subject_of_5200_articles_draws_1000_and_finds_every_article(tmp_path, open_view):
    from test_html_views import synthetic_graph

    G = synthetic_graph(5200, n_subjects=1, n_keywords=4000)
    members = sum(1 for _, k in G.nodes(data="kind") if k == "article")
    view = subject_view(G, "subject:subject-0")
    drawn = view.counts()["nodes"]["article"]
    assert drawn == Limits().subject_articles and len(view.listed) == members - drawn > 3000
    path = write_subject(G, "subject:subject-0", tmp_path / "large.html", atlas_href="atlas.html")
    seen = open_view(path, wait=60_000)
    counts = _counts(seen)
    assert (counts["drawnNodes"], counts["drawnEdges"]) == _expected_drawn(view)
    assert counts["drawnEdges"] <= 3 * drawn  # each article's strongest links, not a hairball
    assert counts["physics"] is False
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "subject-large.png"))
    title = view.nodes[0]["info"]["title"]  # the best connected article
    seen.page.fill("#search", title)
    seen.page.press("#search", "Enter")
    assert seen.js("() => qagraph.state.selected") == view.nodes[0]["id"]
    assert len(seen.js("() => qagraph.state.highlighted")) > 2
    seen.page.screenshot(path=str(ARTIFACTS / "subject-large-search.png"))
    # an article the view does not draw: found, with the way to open it
    title, key = view.listed[-1][:2]
    seen.page.fill("#search", title)
    seen.page.press("#search", "Enter")
    message = seen.page.inner_text("#search-result")
    assert "not drawn here" in message and f"qagraph view {key[len('article:'):]}" in message
    atlas = seen.js("() => document.querySelector('#search-result a').getAttribute('href')")
    assert atlas == "atlas.html#article=" + key[len("article:"):].replace("/", "%2F")
    assert seen.js("() => qagraph.state.selected") is None
    assert seen.js("t => qagraph.search(t)[0]", title) == key
    _assert_clean(seen)


# each label vis-network draws (its font at the scale reaches the draw threshold less 1), as vis-network
# measured it when it last drew the node, in the map's units; only nodes in the page's canvas are drawn
DRAWN_LABELS = """() => {
    const net = qagraph.network, s = net.getScale(), th = qagraph.data.options.nodes.scaling.label.drawThreshold;
    const canvas = net.canvas.frame.canvas.getBoundingClientRect();
    return net.body.nodeIndices.map(id => net.body.nodes[id]).filter(n => {
        if (!n.options.label || n.options.font.size * s < th - 1) return false;
        const at = net.canvasToDOM({ x: n.x, y: n.y });
        return at.x >= 0 && at.y >= 0 && at.x <= canvas.width && at.y <= canvas.height;
    }).map(n => { const z = n.labelModule.size; return [n.options.label, z.left, z.top, z.left + z.width, z.top + z.height]; });
}"""
LABELS_PLACED = """() => { const net = qagraph.network, s = net.getScale(), th = qagraph.data.options.nodes.scaling.label.drawThreshold;
    const drawable = qagraph.shownNodes.get().filter(n => (qagraph.data.nodes[n.id].font || { size: 12 }).size * s >= th - 1);
    return [drawable.filter(n => n.label).length, drawable.length]; }"""


def _covering(boxes: list) -> list:
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]


def test_labels_never_cover_each_other_and_more_show_as_one_zooms_in(tmp_path, open_view):
    """A view of hundreds of articles drew every label at its size when it opened: the middle of the
    page was text over text. Labels are now placed by importance, one that would cover another left
    out until one zooms in far enough; the article selected, and its neighbours, are named first."""
    from test_html_views import synthetic_graph

    G = synthetic_graph(700, n_subjects=1, n_keywords=400)
    seen = open_view(write_subject(G, "subject:subject-0", tmp_path / "large.html"))
    fitted = seen.js(DRAWN_LABELS)
    assert len(fitted) >= 5 and _covering(fitted) == []
    placed, drawable = seen.js(LABELS_PLACED)
    assert 0 < placed < drawable
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "subject-labels-fitted.png"))

    seen.js("() => qagraph.network.moveTo({ scale: qagraph.network.getScale() * 3 })")
    seen.page.wait_for_timeout(400)  # the labels are placed again once the zoom settles
    closer = seen.js(DRAWN_LABELS)
    assert len(closer) >= 5 and _covering(closer) == []
    zoomed, _ = seen.js(LABELS_PLACED)
    assert zoomed > placed
    seen.page.screenshot(path=str(ARTIFACTS / "subject-labels-zoomed.png"))

    hidden = seen.js("() => qagraph.shownNodes.get().filter(n => n.label === '' && qagraph.data.nodes[n.id].kind === 'article').map(n => n.id)")
    assert hidden
    seen.js("id => qagraph.select(id)", hidden[-1])
    seen.page.wait_for_timeout(400)
    assert seen.js("id => qagraph.nodes.get(id).label", hidden[-1]) == seen.js("id => qagraph.data.nodes[id].label", hidden[-1])
    assert _covering(seen.js(DRAWN_LABELS)) == []
    _assert_clean(seen)


def test_the_bundled_subjects_name_every_article_when_they_open(tmp_path, open_view):
    """A small subject is laid out with room for its labels: when its page opens, fitted, every
    article is named and no name covers another. Laid out without that room, the bundled biology
    view's nine articles sat a few pixels apart and only some of them could be named."""
    from conftest import CONTENT

    G, _ = build_graph(load(CONTENT))
    write_views(G, tmp_path)
    for page in sorted((tmp_path / "views").glob("subject-*.html")):
        seen = open_view(page)
        drawn = seen.js(DRAWN_LABELS)
        titles = seen.js("() => qagraph.data.nodes.filter(n => n.kind === 'article').map(n => n.label)")
        assert len(titles) >= 5 and set(titles) <= {label for label, *_ in drawn}, page.name
        assert _covering(drawn) == [], page.name
        _assert_clean(seen)


def test_a_page_that_left_out_100000_keywords_loads_cleanly(tmp_path, open_view):
    from test_html_select import huge_keyword_graph

    G = huge_keyword_graph()
    path = write_neighbourhood(G, "article:/learn/s/questions/q0", tmp_path / "huge.html")
    seen = open_view(path, wait=30_000)
    assert seen.js("() => qagraph.ready") is True
    assert "100,000 keywords" in seen.page.inner_text("header")
    assert seen.js("() => qagraph.nodes.length") < 120
    seen.page.check("#edge-filter input[value=keyword]")
    assert seen.js("() => qagraph.nodeCount") > 90
    _assert_clean(seen)


def test_the_same_question_in_two_subjects_is_told_apart(tmp_path, open_view):
    from test_html_views import synthetic_graph

    G = synthetic_graph(60, n_subjects=2, n_keywords=50)
    a = next(n for n, d in G.nodes(data=True) if d.get("subject") == "subject-0")
    b = next(n for n, d in G.nodes(data=True) if d.get("subject") == "subject-1")
    for n in (a, b):
        G.nodes[n]["title"] = "What is a graph?"
    u, v = sorted((a, b))
    G.add_edge(u, v, key="same-question", kind="same-question")
    path = write_neighbourhood(G, a, tmp_path / "same.html")
    seen = open_view(path)
    details = seen.page.inner_text("#details")
    assert "Same-question pairs (1)" in details
    assert "What is a graph? (Subject 1)" in details
    names = seen.js("() => Array.from(document.querySelectorAll('#search-labels option')).map(o => o.value)")
    assert {"What is a graph? (Subject 0)", "What is a graph? (Subject 1)"} <= set(names)
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


def test_a_right_to_left_override_in_one_title_stays_in_its_item(tmp_path, browser):
    """A title holding U+202E (right-to-left override) drew the rest of its cell of the index's
    health table reversed: the next articles' titles, "and N more". Each item is isolated (<bdi>),
    so the items after it are drawn in their order, left to right."""
    import qagraph
    from conftest import write_article

    corpus = tmp_path / "c"
    for n, title in enumerate(["A \u202eflipped", "B plain", "C plain"], 1):
        write_article(corpus, f"biology/q{n}.md", (
            f'---\nid: {n}\ntitle: "{title}"\nsubject: Biology\nurl: /learn/biology/questions/q{n}\n'
            f'question: "Q{n}?"\nanswer: "a"\nseo:\n  page_keywords: "alpha, beta"\n---\n'))
    qagraph.build(corpus, out=tmp_path / "out")
    page = browser.new_page()
    try:
        page.goto((tmp_path / "out" / "index.html").resolve().as_uri())
        lefts = page.evaluate("""() => {
            const row = Array.from(document.querySelectorAll('#health ~ table tr'))
                .find(tr => tr.textContent.includes('B plain'));
            return Array.from(row.querySelectorAll('td:last-child a')).map(a => { const r = a.getClientRects()[0]; return [a.textContent, [Math.round(r.top), r.left]]; });
        }""")
    finally:
        page.close()
    assert [text.split(" (")[0].strip("\u2068\u2069") for text, _ in lefts] == ["A \u202eflipped", "B plain", "C plain"]  # (its path)
    assert [at for _, at in lefts] == sorted(at for _, at in lefts)  # where each starts: by line, then left to right


def test_the_overview_names_its_subjects_when_it_opens(tmp_path, open_view):
    """The overview of 40 subjects is a map 2,000 units across, fitted into the page at about a
    quarter of its size: the subjects' names (16 units) were drawn at 4 px, under vis-network's
    draw threshold, so no subject was named until one zoomed in."""
    from test_html_views import synthetic_graph

    G = synthetic_graph(3000, n_subjects=40, n_keywords=300)
    write_views(G, tmp_path)
    seen = open_view(tmp_path / "views" / "overview.html")
    shown = seen.js("""() => { const s = qagraph.network.getScale();
        return qagraph.network.body.nodeIndices.map(id => qagraph.network.body.nodes[id])
            .filter(n => qagraph.data.nodes[n.id].kind === 'subject')
            .map(n => [n.options.label, n.options.font.size * s]); }""")
    assert len(shown) >= 30
    assert all(px >= 10 for _, px in shown), [(label, round(px, 1)) for label, px in shown if px < 10]
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "overview-40.png"))
    _assert_clean(seen)


def _left_to_right(seen: Opened, selector: str, text: str) -> list[float]:
    """Where each character of ``text`` starts in the first element ``selector`` that holds it."""
    return seen.js("""([selector, text]) => {
        const el = Array.from(document.querySelectorAll(selector)).find(e => e.textContent.includes(text));
        const node = el.firstChild, at = node.textContent.lastIndexOf(text), range = document.createRange();
        return Array.from(text).map((_, k) => { range.setStart(node, at + k); range.setEnd(node, at + k + 1);
                                                return range.getBoundingClientRect().left; }); }""", [selector, text])


def test_a_title_that_overrides_direction_does_not_reverse_its_subject(tmp_path, open_view):
    """The same title in two subjects is told apart by "(Subject 1)" after it; a title holding a
    right-to-left override (U+202E) that it does not close carried it over that: the subject
    was drawn reversed, ")1 tcejbuS(", and so was the score after a neighbour's name."""
    from test_html_views import synthetic_graph

    G = synthetic_graph(60, n_subjects=2, n_keywords=50)
    a = next(n for n, d in G.nodes(data=True) if d.get("subject") == "subject-0")
    b = next(n for n, d in G.nodes(data=True) if d.get("subject") == "subject-1")
    for n in (a, b):
        G.nodes[n]["title"] = "Why \u202eflipped?"
    u, v = sorted((a, b))
    G.add_edge(u, v, key="same-question", kind="same-question")
    seen = open_view(write_neighbourhood(G, a, tmp_path / "same.html"))
    lefts = _left_to_right(seen, "#details ul.neighbours a", "(Subject 1)")
    assert lefts == sorted(lefts), lefts
    _assert_clean(seen)


def test_a_title_of_one_long_word_wraps_in_the_index(tmp_path, browser):
    """A 300-character title with no space (a pasted address, a row of letters) was a cell of the
    index's health table as wide as itself: the page scrolled sideways, 1,723 px in a window of 1,280."""
    import qagraph
    from conftest import write_article

    corpus = tmp_path / "c"
    for n, title in enumerate(["L" * 300, "B plain"], 1):
        write_article(corpus, f"{'x' * 120 if n == 1 else 'biology'}/q{n}.md", (
            f'---\nid: {n}\ntitle: "{title}"\nsubject: "{"S" * 120 if n == 1 else "Biology"}"\n'
            f'url: /learn/{"x" * 120 if n == 1 else "biology"}/questions/q{n}\n'
            f'question: "Q{n}?"\nanswer: "a"\nseo:\n  page_keywords: "alpha, beta"\n---\n'))
    qagraph.build(corpus, out=tmp_path / "out")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto((tmp_path / "out" / "index.html").resolve().as_uri())
        width = page.evaluate("() => document.documentElement.scrollWidth")
    finally:
        page.close()
    assert width <= 1280


def test_a_title_that_overrides_direction_does_not_reverse_its_path_in_the_index(tmp_path, browser):
    """An item of the index's health table is a title and its file, "A flipped (biology/q1.md)":
    a title that opens a right-to-left override (U+202E) and leaves it open reversed the file after
    it, drawn "(dm.1q/ygoloib)"; so did a link's title the address it leads to."""
    import qagraph
    from conftest import write_article

    corpus = tmp_path / "c"
    for n, title in enumerate(["A \u202eflipped", "B plain"], 1):
        write_article(corpus, f"biology/q{n}.md", (
            f'---\nid: {n}\ntitle: "{title}"\nsubject: Biology\nurl: /learn/biology/questions/q{n}\n'
            f'question: "Q{n}?"\nanswer: "a"\nseo:\n  page_keywords: "alpha, beta"\n'
            f'related_article1:\n  id: 9\n  title: "Gone"\n  subject: Biology\n  url: /learn/biology/questions/gone{n}\n---\n'))
    qagraph.build(corpus, out=tmp_path / "out")
    page = browser.new_page()
    try:
        page.goto((tmp_path / "out" / "index.html").resolve().as_uri())
        lefts = page.evaluate("""() => ['biology/q1.md', '/learn/biology/questions/gone1'].map(text => {
            const a = Array.from(document.querySelectorAll('#health ~ table a')).find(a => a.textContent.includes(text));
            const node = a.querySelector('bdi').firstChild, at = node.textContent.indexOf(text), range = document.createRange();
            return Array.from(text).map((_, k) => { range.setStart(node, at + k); range.setEnd(node, at + k + 1);
                                                    return range.getBoundingClientRect().left; }); })""")
    finally:
        page.close()
    for glyphs in lefts:
        assert glyphs == sorted(glyphs), glyphs


def test_a_double_click_on_a_subject_opens_its_view(G, out, open_view):
    """The overview says "double-click a subject" for its view. The first click selected the subject,
    which zoomed onto its neighbours and opened the details panel: the subject moved from under the
    pointer, the second click fell on the background (the selection cleared) and nothing opened."""
    seen = open_view(out / "views" / "overview.html")
    target = seen.js("() => qagraph.data.nodes.find(n => n.kind === 'subject' && n.info.view === 'subject-physics.html').id")
    x, y = seen.js("""id => { const p = qagraph.network.canvasToDOM(qagraph.network.getPositions([id])[id]);
                              const r = document.getElementById('network').getBoundingClientRect();
                              return [p.x + r.left, p.y + r.top]; }""", target)
    seen.page.mouse.dblclick(x, y)
    seen.page.wait_for_url("**/subject-physics.html", timeout=5_000)
    _assert_clean(seen)
