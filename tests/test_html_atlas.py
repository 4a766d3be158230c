"""The atlas (qagraph.html.atlas): its files, and the page in headless Chromium.

Browser tests open the page from file:// with the network cut off (offline context, every
request recorded) on three corpora: the hostile fixtures (every text must stay text), the
bundled content/ and a generated corpus of 36,000 articles (bench/generate.py, made once
per session in a temporary folder). Screenshots go to tests/artifacts/ (atlas-content.png,
atlas-36k.png, atlas-36k-cluster.png, atlas-36k-selected.png).

Chromium is Debian's /usr/bin/chromium (``make browser``); WebGL runs on SwiftShader.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import pytest

import qagraph
from conftest import article_text, url_of, write_article
from qagraph import layout as L
from qagraph.errors import OutputError, UsageError
from qagraph.html import atlas as atlas_module
from qagraph.html.atlas import (
    atlas_chunk_count,
    atlas_chunk_of,
    generate_atlas,
    generate_atlas_chunk,
    short_ids,
    write_atlas,
)
from qagraph.kinds import link_kinds
from qagraph.layout import AtlasLayout, atlas_layout

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("QAGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"]
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "html" / "content"
CONTENT = ROOT / "content"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SITE = "https://example.org"
HOSTILE_TITLE = "<script>alert('title')</script> Is </script><img src=x onerror=alert('title2')> safe & sound?"
BIG = 36_000

pytestmark = pytest.mark.timeout(900)


@dataclass
class Built:
    G: nx.MultiDiGraph
    atlas: AtlasLayout
    views: Path

    @property
    def articles(self) -> list[str]:
        return sorted(n for n, k in self.G.nodes(data="kind") if k == "article")

    @property
    def stubs(self) -> list[str]:
        return sorted(n for n, k in self.G.nodes(data="kind") if k == "stub")


def _build(G: nx.MultiDiGraph, views: Path, site_url: str | None = None) -> Built:
    atlas = atlas_layout(G)
    write_atlas(G, views, positions=atlas.positions, communities=atlas.communities, site_url=site_url)
    return Built(G, atlas, views)


@pytest.fixture(scope="module")
def hostile_G() -> nx.MultiDiGraph:
    return qagraph.build(HOSTILE).graph


@pytest.fixture(scope="module")
def hostile(hostile_G, tmp_path_factory) -> Built:
    return _build(hostile_G, tmp_path_factory.mktemp("atlas-hostile") / "views")


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Built:
    return _build(qagraph.build(CONTENT).graph, tmp_path_factory.mktemp("atlas-content") / "views", SITE)


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Built:
    """A generated corpus shaped like the real one, 36,000 articles, with its atlas."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    root = tmp_path_factory.mktemp("atlas-big")
    generate(root / "content", BIG, seed=0)
    return _build(qagraph.build(root / "content").graph, root / "views")


# -- the files -------------------------------------------------------------------------------


def _payload(text: str) -> dict:
    """The data a data file hands to the page: ``qagraphAtlas.add(JSON.parse('...'));``."""
    head, tail = "qagraphAtlas.add(JSON.parse('", "'));\n"
    assert text.startswith(head) and text.endswith(tail)
    inner = text[len(head):-len(tail)]
    assert not re.search(r"(?<!\\)(\\\\)*'", inner)  # no quote ends the string early
    escapes = {"\\\\": "\\", "\\'": "'", "\\u2028": "\u2028", "\\u2029": "\u2029"}
    return json.loads(re.sub(r"\\(\\|'|u2028|u2029)", lambda m: escapes[m.group(0)], inner))


def test_files_and_content_security_policy(hostile):
    files = generate_atlas(hostile.G, positions=hostile.atlas.positions, communities=hostile.atlas.communities)
    assert sorted(files) == ["assets/atlas-gl.js", "assets/atlas.js", "atlas.html", "atlas/meta.js",
                             "atlas/nodes-00.js", "atlas/text-00.js"]
    page = files["atlas.html"]
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert "connect-src" not in csp  # so default-src 'none' forbids every fetch
    assert "<script>" not in page  # no inline script: everything comes from the page's folder
    meta = _payload(files["atlas/meta.js"])
    assert meta["counts"] == {"article": len(hostile.articles), "stub": len(hostile.stubs)}
    assert [k["name"] for k in meta["edgeKinds"]] == [k.name for k in link_kinds()]
    assert meta["siteUrl"] is None
    for text in files.values():
        assert "\u2028" not in text and "\u2029" not in text


def test_the_same_graph_gives_the_same_bytes(hostile, hostile_G):
    again = atlas_layout(hostile_G)
    first = generate_atlas(hostile.G, positions=hostile.atlas.positions, communities=hostile.atlas.communities)
    second = generate_atlas(hostile_G, positions=again.positions, communities=again.communities)
    assert first == second


def test_chunks_split_by_a_stable_hash_and_render_alone(content):
    G, atlas = content.G, content.atlas
    files = generate_atlas(G, positions=atlas.positions, communities=atlas.communities, chunks=4)
    nodes = [n for n, k in G.nodes(data="kind") if k in ("article", "stub")]
    ids = short_ids(nodes)
    assert all(len(sid) == 8 for sid in ids.values()) and len(set(ids.values())) == len(ids)
    seen = []
    for chunk in range(4):
        one = generate_atlas_chunk(G, chunk, chunks=4, positions=atlas.positions, communities=atlas.communities)
        assert all(files[name] == text for name, text in one.items())  # alone == within the whole
        payload = _payload(one[f"atlas/nodes-{chunk:02d}.js"])
        chunk_ids = [payload["ids"][i:i + 8] for i in range(0, len(payload["ids"]), 8)]
        assert all(atlas_chunk_of(n, 4) == chunk for n in nodes if ids[n] in chunk_ids)
        seen += chunk_ids
    assert sorted(seen) == sorted(ids.values())
    assert atlas_chunk_count(49) == 1 and atlas_chunk_count(36_546) == 16


def test_short_ids_hash_each_node_and_salt_a_collision(monkeypatch):
    nodes = [f"article:/learn/s/questions/q{i}" for i in range(500)]
    ids = short_ids(nodes)
    assert ids == {n: base64.urlsafe_b64encode(atlas_module._digest(n, 6)).decode() for n in nodes}

    real = hashlib.blake2b

    class Weak:  # a hash of the last character only: the nodes collide in tens
        blake2b = staticmethod(lambda data, **kw: real(data[-1:], **kw))

    monkeypatch.setattr(atlas_module, "hashlib", Weak)
    weak = short_ids(nodes)
    assert len(set(weak.values())) == len(nodes) and all(len(sid) == 8 for sid in weak.values())
    first = sorted(nodes)[0]  # the first in sorted order keeps the unsalted hash
    assert weak[first] == base64.urlsafe_b64encode(Weak.blake2b(first.encode(), digest_size=6,
                                                               person=b"qagraph-atlas\x00").digest()).decode()


def test_an_edit_rewrites_few_chunks(content, tmp_path):
    """Changing one article's title rewrites its own chunk (and no other data file)."""
    G = content.G.copy()
    atlas = content.atlas
    views = tmp_path / "views"
    first = write_atlas(G, views, positions=atlas.positions, communities=atlas.communities, chunks=8)
    assert len(first) == 2 + 1 + 1 + 16
    node = sorted(n for n, k in G.nodes(data="kind") if k == "article")[3]
    G.nodes[node]["title"] = "An edited title"
    again = write_atlas(G, views, positions=atlas.positions, communities=atlas.communities, chunks=8)
    assert [p.name for p in again] == [f"nodes-{atlas_chunk_of(node, 8):02d}.js"]
    # an incremental build renders only the chunk it knows changed: same files as a full write
    G.nodes[node]["title"] = "Edited again"
    chunk = atlas_chunk_of(node, 8)
    files = generate_atlas(G, positions=atlas.positions, communities=atlas.communities, chunks=8, only_chunks=[chunk])
    assert sorted(files) == ["assets/atlas-gl.js", "assets/atlas.js", "atlas.html", "atlas/meta.js",
                             f"atlas/nodes-{chunk:02d}.js", f"atlas/text-{chunk:02d}.js"]
    partial = write_atlas(G, views, positions=atlas.positions, communities=atlas.communities, chunks=8,
                          only_chunks=[chunk])
    assert [p.name for p in partial] == [f"nodes-{chunk:02d}.js"]
    assert write_atlas(G, views, positions=atlas.positions, communities=atlas.communities, chunks=8) == []
    # a new chunk count: the old chunk files go
    write_atlas(G, views, positions=atlas.positions, communities=atlas.communities, chunks=2)
    assert sorted(p.name for p in (views / "atlas").iterdir()) == [
        "meta.js", "nodes-00.js", "nodes-01.js", "text-00.js", "text-01.js"]


def test_bad_arguments(hostile, tmp_path):
    G, atlas = hostile.G, hostile.atlas
    with pytest.raises(UsageError, match="site url"):
        generate_atlas(G, positions=atlas.positions, communities=atlas.communities, site_url="javascript:alert(1)")
    missing = dict(atlas.positions)
    missing.pop(hostile.articles[0])
    with pytest.raises(UsageError, match="has no position"):
        generate_atlas(G, positions=missing, communities=atlas.communities)
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        write_atlas(G, tmp_path / "file", positions=atlas.positions, communities=atlas.communities)


# -- in the browser ------------------------------------------------------------------------------


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

    def assert_clean(self) -> None:
        assert self.offsite() == [], "requests outside the file"
        assert self.errors == [], "console errors"
        assert self.dialogs == [], "a dialog fired"

    def click_node(self, node: str) -> None:
        x, y = self.js("id => qagraph.screenPosition(id)", node)
        box = self.page.locator("#graph").bounding_box()
        self.page.mouse.click(box["x"] + x, box["y"] + y)

    def settle(self) -> None:
        self.page.wait_for_timeout(500)  # camera animations take 350 ms


@pytest.fixture
def open_atlas(browser) -> Iterator:
    contexts = []

    def opener(views: Path, fragment: str = "", *, wait: float = 60_000, **options) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True, **options)
        contexts.append(context)
        page = context.new_page()
        seen = Opened(page)
        page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: seen.errors.append(str(e)))
        page.on("dialog", lambda d: (seen.dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: seen.requests.append(r.url))
        page.goto((views / "atlas.html").resolve().as_uri() + fragment)
        # the page's CSP forbids eval, so wait on an attribute rather than wait_for_function
        page.wait_for_selector("body[data-ready]", state="attached", timeout=wait)
        return seen

    yield opener
    for context in contexts:
        context.close()


def test_hostile_texts_stay_text(hostile, open_atlas):
    seen = open_atlas(hostile.views)
    assert seen.js("qagraph.nodeCount") == len(hostile.articles) + len(hostile.stubs)
    assert seen.js("qagraph.articleCount") == len(hostile.articles)
    # open every card: titles, subjects, keywords, neighbours and excerpts enter the page
    for node in hostile.articles + hostile.stubs:
        assert seen.js("id => qagraph.select(id)", node)
    seen.js("id => qagraph.select(id)", "article:/learn/physics/questions/hostile")
    seen.page.wait_for_selector("#card .excerpt", timeout=10_000)
    card = seen.page.inner_text("#card")
    assert HOSTILE_TITLE in card and "<script>alert('kw')</script>" in card
    assert seen.js("() => document.querySelectorAll('#card script, #card img, #card svg, #card iframe, "
                   "#card [onerror], #card [onclick]').length") == 0
    hrefs = seen.js("() => Array.from(document.querySelectorAll('#card .excerpt a')).map(a => a.getAttribute('href'))")
    assert all(h.startswith(("https://", "/")) for h in hrefs)
    assert '<script>alert("answer")</script>' in seen.page.inner_text("#card .excerpt")  # shown, not run
    seen.page.fill("#search", "<script>")
    seen.page.wait_for_selector("#suggestions li", timeout=5_000)
    assert HOSTILE_TITLE in seen.page.inner_text("#suggestions")
    seen.page.wait_for_timeout(200)  # let any injected handler run
    assert seen.js("() => document.querySelectorAll('script:not([src])').length") == 0
    seen.assert_clean()


def test_content_atlas_search_card_escape_and_links(content, open_atlas):
    seen = open_atlas(content.views)
    assert seen.js("qagraph.nodeCount") == len(content.articles) + len(content.stubs)
    assert seen.js("qagraph.articleCount") == len(content.articles) == 49
    assert seen.js("qagraph.edgeCount") == _link_count(content)
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "atlas-content.png"))

    # search with suggestions, then Enter: the article is selected, its neighbours highlighted
    seen.page.click("#search")
    seen.page.keyboard.type("dna replic")
    seen.page.wait_for_selector("#suggestions li", timeout=5_000)
    first = seen.page.get_attribute("#suggestions li", "data-node")
    assert first == "article:/learn/biology/questions/how-does-dna-replication-work"
    seen.page.keyboard.press("Enter")
    assert seen.js("qagraph.selected()") == first
    neighbours = set(nx.all_neighbors(content.G, first)) & set(content.atlas.positions)
    assert set(seen.js("qagraph.highlighted()")) == neighbours and neighbours
    card = seen.page.inner_text("#card")
    assert "How does DNA replication work?" in card and "Biology" in card
    kinds_listed = seen.js("() => Array.from(document.querySelectorAll('#card .neighbours')).map(s => s.dataset.kind)")
    assert set(kinds_listed) <= {k.name for k in link_kinds()} and kinds_listed
    # with a site url every article link is absolute
    seen.page.wait_for_selector("#card .excerpt", timeout=10_000)
    assert seen.page.get_attribute("#card a.live", "href") == SITE + first.removeprefix("article:")
    assert seen.js("() => location.hash") == "#article=" + "%2Flearn%2Fbiology%2Fquestions%2Fhow-does-dna-replication-work"
    hrefs = seen.js("""ids => ids.map(id => { qagraph.select(id);
                          return document.querySelector('#card a.live').getAttribute('href'); })""", content.articles)
    assert hrefs == [SITE + n.removeprefix("article:") for n in content.articles]  # every one absolute
    seen.js("id => qagraph.select(id)", first)

    # Escape clears the selection and the search
    seen.page.keyboard.press("Escape")
    assert seen.js("qagraph.selected()") is None and seen.js("qagraph.highlighted()") == []
    assert seen.page.input_value("#search") == "" and seen.page.is_hidden("#card")

    # a failed search says so and leaves nothing highlighted
    seen.js("id => qagraph.select(id)", first)
    seen.page.keyboard.press("/")
    assert seen.js("() => document.activeElement.id") == "search"
    seen.page.keyboard.type("zzz no such title")
    seen.page.keyboard.press("Enter")
    assert "No article title matches" in seen.page.inner_text("#status")
    assert seen.js("qagraph.selected()") is None and seen.js("qagraph.highlighted()") == []
    assert seen.js("t => qagraph.search(t)", "zzz no such title") == []
    seen.assert_clean()


def test_click_opens_the_card_and_local_graph(content, open_atlas):
    seen = open_atlas(content.views)
    node = "article:/learn/biology/questions/how-does-dna-replication-work"
    seen.click_node(node)
    assert seen.js("qagraph.selected()") == node
    assert "How does DNA replication work?" in seen.page.inner_text("#card h2")
    everything = seen.js("qagraph.visibleNodes()")
    seen.page.select_option("#local", "1")
    seen.settle()
    one = set(nx.all_neighbors(content.G, node)) & set(content.atlas.positions)
    assert seen.js("qagraph.visibleNodes()") == len(one) + 1
    seen.page.select_option("#local", "2")
    seen.settle()
    two = set(one)
    for n in one:
        two |= set(nx.all_neighbors(content.G, n)) & set(content.atlas.positions)
    assert seen.js("qagraph.visibleNodes()") == len(two | {node})
    seen.page.click("#reset")
    seen.settle()
    assert seen.js("qagraph.selected()") is None and seen.js("qagraph.visibleNodes()") == everything
    assert seen.page.input_value("#local") == "0"
    seen.assert_clean()


def test_unticking_a_link_kind_leaves_no_orphans(hostile, open_atlas):
    seen = open_atlas(hostile.views)
    total = seen.js("qagraph.visibleNodes()")
    seen.page.uncheck("#edge-related")
    # stubs hang on related links only: without them they would float alone
    assert seen.js("qagraph.visibleNodes()") == total - len(hostile.stubs) - _only_related(hostile)
    seen.page.check("#edge-related")
    seen.page.uncheck("#node-stub")
    assert seen.js("qagraph.visibleNodes()") == total - len(hostile.stubs) - _linked_only_to_stubs(hostile)
    seen.page.check("#node-stub")
    assert seen.js("qagraph.visibleNodes()") == total
    seen.assert_clean()


def _link_count(built: Built) -> int:
    kinds = {kind.name for kind in link_kinds()}
    return sum(1 for u, v, k in built.G.edges(keys=True)
               if k in kinds and u in built.atlas.positions and v in built.atlas.positions)


def _links(built: Built, node: str) -> list[tuple[str, str]]:
    kinds = {k.name for k in link_kinds()}
    G = built.G
    out = [(k, v) for _, v, k in G.out_edges(node, keys=True) if k in kinds and v in built.atlas.positions]
    into = [(k, u) for u, _, k in G.in_edges(node, keys=True) if k in kinds and u in built.atlas.positions]
    return out + into


def _only_related(built: Built) -> int:
    return sum(1 for n in built.articles if _links(built, n) and all(k == "related" for k, _ in _links(built, n)))


def _linked_only_to_stubs(built: Built) -> int:
    stubs = set(built.stubs)
    return sum(1 for n in built.articles if _links(built, n) and all(o in stubs for _, o in _links(built, n)))


def test_fragment_selects_and_links_are_disabled_without_a_site_url(hostile, open_atlas):
    node = "article:/learn/physics/questions/hostile"
    seen = open_atlas(hostile.views, "#article=" + "%2Flearn%2Fphysics%2Fquestions%2Fhostile")
    assert seen.js("qagraph.selected()") == node
    link = seen.page.locator("#card a.live")
    assert link.get_attribute("href") is None and link.get_attribute("aria-disabled") == "true"
    assert "no site URL" in link.inner_text()
    hrefs = seen.js("""ids => ids.map(id => { qagraph.select(id);
                          return document.querySelector('#card a.live').getAttribute('href'); })""",
                    hostile.articles + hostile.stubs)
    assert all(h is None or h.startswith(("https://", "http://")) for h in hrefs)  # no file:///learn/...
    assert hrefs.count(None) >= len(hostile.articles)
    seen.js("id => qagraph.select(id)", node)
    # every link-like element the page made: none points at file:// or a script
    hrefs = seen.js("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.href)")
    assert all(not h.startswith(("file:", "javascript:")) or h.endswith("index.html") for h in hrefs)
    seen.js("() => { location.hash = '#article=' + encodeURIComponent('/learn/physics/questions/momentum'); }")
    seen.page.wait_for_timeout(100)
    assert seen.js("qagraph.selected()") == "article:/learn/physics/questions/momentum"
    seen.assert_clean()


def test_card_links_are_the_rdf_schema_urls(tmp_path, open_atlas):
    """The atlas linked a node's key, not its url: in a Hugo site (keys are page paths) the site url
    went before ``posts/hello`` with no ``/`` (https://site.example/kbposts/hello), an article with a
    url of its own linked its file's page, and https://x:port/a was linked, which the RDF leaves out.
    Every card now links the RDF's schema:url of its node, or nothing."""
    import rdflib

    from qagraph.rdf import IRIs, to_rdflib
    from qagraph.rdf.vocab import SCHEMA

    site, base = "https://site.example/kb/", "https://example.org/id/"
    root = tmp_path / "site"
    (root / "content" / "posts").mkdir(parents=True)
    (root / "hugo.toml").write_text('baseURL = "https://site.example/kb/"\n', encoding="utf-8")
    urls = {"hello": None, "world": "/custom/world", "odd": "https://x:port/a", "bracket": "https://ok.example/x[1]",
            "space": "/a b", "script": "javascript:alert(1)"}
    for name, url in urls.items():
        (root / "content" / "posts" / f"{name}.md").write_text(
            f"---\ntitle: {name}\n" + (f"url: '{url}'\n" if url else "") + "---\nSee [hello](/posts/hello/).\n",
            encoding="utf-8")
    G = qagraph.build(root / "content", preset="hugo").graph
    assert {G.nodes[n]["key"] for n in G if G.nodes[n]["kind"] == "article"} == {f"posts/{n}" for n in urls}
    published = {str(s): str(o) for s, _, o, _ in to_rdflib(G, base, site_url=site).quads(
        (None, rdflib.URIRef(str(SCHEMA.url)), None, None))}
    built = _build(G, tmp_path / "views", site)
    seen = open_atlas(built.views)
    hrefs = seen.js("""ids => ids.map(id => { qagraph.select(id);
                          return document.querySelector('#card a.live').getAttribute('href'); })""", built.articles)
    iris = IRIs(base)
    assert dict(zip(built.articles, hrefs)) == {n: published.get(iris.node(n)) for n in built.articles}
    assert sum(h is not None for h in hrefs) == 4  # not the bad port, not the script
    seen.assert_clean()


def test_png_export(content, open_atlas):
    seen = open_atlas(content.views, accept_downloads=True)
    with seen.page.expect_download() as download:
        seen.page.click("#png")
    path = download.value.path()
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert download.value.suggested_filename == "atlas.png"
    seen.assert_clean()


# -- the whole corpus: 36,000 articles ------------------------------------------------------------


def test_big_atlas_draws_every_article(big, open_atlas):
    """Every article of a 36,000-article corpus drawn, searched, selected and linked. How fast it is
    interactive is measured by ``bench/bench_atlas.py`` beside its baseline, not asserted here: a
    time limit failed whenever the shared machine was busy (4.5 s against 3 s at load 8)."""
    seen = open_atlas(big.views)
    assert seen.js("qagraph.articleCount") == len(big.articles) == BIG
    assert seen.js("qagraph.nodeCount") == BIG + len(big.stubs)
    assert seen.js("qagraph.edgeCount") == _link_count(big) > 100_000
    assert seen.js("qagraph.visibleNodes()") == BIG + len(big.stubs)
    assert seen.js("qagraph.readyAt") > 0  # it became interactive (the page records when)
    size = sum(p.stat().st_size for p in big.views.rglob("*") if p.is_file())
    assert size < 25 * 2**20, f"{size / 2**20:.1f} MiB"
    seen.page.wait_for_timeout(800)
    ARTIFACTS.mkdir(exist_ok=True)
    seen.page.screenshot(path=str(ARTIFACTS / "atlas-36k.png"))

    # search: every title is searched
    title = big.G.nodes[big.articles[1234]]["title"]
    assert big.articles[1234] in seen.js("t => qagraph.search(t)", title)

    # a cluster, zoomed in through the legend
    seen.page.click("#communities li:nth-child(3) button")
    seen.settle()
    seen.page.screenshot(path=str(ARTIFACTS / "atlas-36k-cluster.png"))

    # one article selected: card, neighbours highlighted, fragment set
    seen.page.fill("#search", title)
    seen.page.wait_for_selector("#suggestions li", timeout=5_000)
    seen.page.press("#search", "Enter")
    seen.settle()
    selected = seen.js("qagraph.selected()")
    assert big.G.nodes[selected]["title"] == title
    neighbours = set(nx.all_neighbors(big.G, selected)) & set(big.atlas.positions)
    assert set(seen.js("qagraph.highlighted()")) == neighbours
    seen.page.wait_for_selector("#card .excerpt", timeout=10_000)
    seen.page.screenshot(path=str(ARTIFACTS / "atlas-36k-selected.png"))
    seen.click_node(selected)  # a click on the drawn node keeps it selected
    assert seen.js("qagraph.selected()") == selected
    seen.page.keyboard.press("Escape")
    assert seen.js("qagraph.selected()") is None
    seen.assert_clean()


def test_big_atlas_layout_and_files_are_quick(big, tmp_path):
    start = time.perf_counter()
    atlas = atlas_layout(big.G)
    assert time.perf_counter() - start < 60  # generous: the benchmark holds the real figure
    assert atlas.positions == big.atlas.positions
    assert math.isclose(sum(len(c.members) for c in atlas.communities), BIG)


def test_a_title_that_overrides_direction_does_not_reverse_its_subject(tmp_path, open_atlas):
    """A repeated title is followed by " \u2014 Subject": a title holding a right-to-left override
    (U+202E) that it does not close carried it over that, and the atlas drew "ygoloiB \u2014 "
    in its labels and its search's suggestions."""
    from conftest import write_article

    corpus = tmp_path / "c"
    for n, subject in enumerate(["Biology", "Physics"], 1):
        write_article(corpus, f"{subject.lower()}/q{n}.md", (
            f'---\nid: {n}\ntitle: "Why \u202eflipped?"\nsubject: {subject}\nurl: /learn/{subject.lower()}/questions/q{n}\n'
            f'question: "Q{n}?"\nanswer: "a"\nseo:\n  page_keywords: "alpha, beta"\n---\n'))
    built = _build(qagraph.build(corpus).graph, tmp_path / "views")
    seen = open_atlas(built.views)
    seen.page.fill("#search", "flipped")
    seen.page.wait_for_selector("#suggestions li", timeout=5_000)
    lefts = seen.js("""() => {
        const el = Array.from(document.querySelectorAll('#suggestions .t')).find(e => e.textContent.includes('Biology'));
        const node = el.firstChild, at = node.textContent.lastIndexOf('Biology'), range = document.createRange();
        return Array.from('Biology').map((_, k) => { range.setStart(node, at + k); range.setEnd(node, at + k + 1);
                                                     return range.getBoundingClientRect().left; }); }""")
    assert lefts == sorted(lefts), lefts
    seen.assert_clean()


def test_isolated_articles_are_one_named_island_at_the_edge(tmp_path, open_atlas):
    """Articles with no link share one disc beside the communities, named, and counted in the legend."""
    corpus = tmp_path / "content"
    shutil.copytree(CONTENT, corpus)
    alone = [url_of("geology", f"alone-{i}") for i in range(8)]
    for i, url in enumerate(alone):
        write_article(corpus, f"geology/alone-{i}.md", article_text(
            f"Why is rock {i} alone?", url, id=900 + i, subject="Geology", keywords=f"own word {i}"))
    G = qagraph.build(corpus).graph
    built = _build(G, tmp_path / "views")
    nodes = ["article:" + url for url in alone]
    island = L.Island.of(built.atlas.positions, (c.members for c in built.atlas.communities))
    assert island is not None and island.size >= len(nodes)
    assert all(math.dist(built.atlas.positions[n], (island.x, island.y)) <= island.radius for n in nodes)
    others = [n for n in built.articles if all(n not in c.members for c in built.atlas.communities if len(c.members) < 3)]
    assert min(math.dist(built.atlas.positions[n], (island.x, island.y)) for n in others) > island.radius

    seen = open_atlas(built.views)
    assert seen.page.is_visible("#island-label")
    assert seen.page.inner_text("#island-label") == "isolated articles"
    legend = seen.page.inner_text("#island-legend")
    assert legend.startswith("isolated articles") and legend.endswith(str(island.size))
    # its legend line flies to it: the island fills the middle of the map
    seen.page.click("#island-legend button")
    seen.settle()
    graph = seen.page.locator("#graph").bounding_box()
    x, y = seen.js("p => qagraph.view.toScreen(p[0], p[1])", [island.x, island.y])
    assert abs(x - graph["width"] / 2) < graph["width"] / 10 and abs(y - graph["height"] / 2) < graph["height"] / 10
    seen.js("() => qagraph.reset()")
    seen.settle()
    # the name is drawn on the island: its box holds the island's centre on screen
    box = seen.page.locator("#island-label").bounding_box()
    graph = seen.page.locator("#graph").bounding_box()
    x, y = seen.js("p => qagraph.view.toScreen(p[0], p[1])", [island.x, island.y])
    assert box["x"] <= graph["x"] + x <= box["x"] + box["width"]
    assert abs(box["y"] + box["height"] / 2 - (graph["y"] + y)) < box["height"]
    seen.assert_clean()
