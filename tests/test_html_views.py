"""qagraph.html without a browser: what each view holds, what the pages contain, safety, budgets.

Which nodes a view selects is tested without HTML in tests/test_html_select.py; the
browser half is tests/test_html_browser.py. The fixture corpus
(tests/fixtures/html/content) has hostile titles, keywords, answers, a subject slug
and urls next to ordinary articles in four subjects.
"""

from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

import qagraph.html as qhtml
from qagraph.errors import QagraphError
from qagraph.graph import build_graph
from qagraph.html import (
    Limits,
    excerpt_html,
    keyword_view,
    neighbourhood_view,
    overview,
    safe_href,
    script_json,
    subject_file_names,
    subject_view,
    write_keyword,
    write_neighbourhood,
    write_views,
)
from qagraph.load import load_corpus as load

CORPUS = Path(__file__).resolve().parent / "fixtures" / "html" / "content"
PHYSICS = "subject:physics"
MOMENTUM = "article:/learn/physics/questions/momentum"
HOSTILE = "article:/learn/physics/questions/hostile"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    result = load(CORPUS)
    # its script urls (which the views must not link) are warned of, as the RDF leaves them out; nothing else
    assert {(p.path, p.code) for p in result.problems} == {("physics/hostile.md", "related"),
                                                           ("weird/javascript-url.md", "url")}
    graph, _ = build_graph(result)
    return graph


@pytest.fixture(scope="module")
def built(G: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    out = tmp_path_factory.mktemp("views")
    return out, write_views(G, out)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def _parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_data(path: Path) -> dict:
    """The data block of a written view, unpacked as view.js unpacks it (edges as dicts, full keys)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="qagraph-data">(.*?)</script>', text, re.S)
    assert m, "no data block"
    data = json.loads(m.group(1))
    fields = ("more", "weight", "count", "width", "shared")

    def unpack(key: str) -> str:
        return data["keyPrefix"] + key[1:] if key.startswith("~") else key

    for n in data["nodes"]:
        n["key"] = unpack(n["key"])
        if n.get("info", {}).get("path") == 1:
            n["info"]["path"] = n["key"][len("article:"):]
    data["edges"] = [{"from": row[0], "to": row[1], "kind": data["edgeKinds"][row[2]]["kind"],
                      **{f: v for f, v in zip(fields, row[3:]) if v is not None}} for row in data["edges"]]
    for row in data["listed"]:
        row[1] = unpack(row[1])
    return data


_data = page_data


def _article_steps(G: nx.MultiDiGraph, node: str, hops: int) -> set[str]:
    """Reference: nodes within ``hops`` related/similar steps, walking through articles only."""
    H = nx.Graph()
    for u, v, kind in G.edges(keys=True):
        if kind in ("related", "similar"):
            H.add_edge(u, v)
    seen, frontier = {node}, {node}
    for _ in range(hops):
        frontier = {v for u in frontier if G.nodes[u]["kind"] == "article" or u == node
                    for v in H[u]} - seen
        seen |= frontier
    return seen


# -- what gets written ------------------------------------------------------------------


def test_write_views_writes_index_overview_subjects_and_vis_network(built, G):
    out, paths = built
    names = subject_file_names(G)
    assert paths[0] == out / "index.html"
    assert paths[1] == out / "views" / "overview.html"
    assert {p.name for p in paths[2:-1]} == set(names.values())
    assert paths[-1] == out / "views" / "assets" / "vis-network.min.js"
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert len(paths) == 2 + len(names) + 1


def test_subject_file_names_are_safe_and_unique(G):
    names = subject_file_names(G)
    assert names[PHYSICS] == "subject-physics.html"
    assert len(set(names.values())) == len(names) == 5
    for name in names.values():
        assert re.fullmatch(r"subject-[a-z0-9-]+\.html", name), name
    hostile = names["subject:<svg onload=alert('slug')>"]
    assert hostile.startswith("subject-svg-onload-alert-slug-")


def test_index_links_every_view_and_counts(built, G):
    out, paths = built
    tags = _parse(out / "index.html")
    hrefs = [a["href"] for tag, a in tags.tags if tag == "a"]
    assert "views/overview.html" in hrefs
    for p in paths[2:-1]:
        assert f"views/{p.name}" in hrefs
    for href in hrefs:
        assert (out / href).is_file(), href
    assert not tags.scripts, "the index needs no script"
    text = (out / "index.html").read_text(encoding="utf-8")
    articles = sum(1 for _, k in G.nodes(data="kind") if k == "article")
    assert f"<td>articles</td><td class=\"n\">{articles}</td>" in text


def test_pyvis_writes_no_lib_folder(G, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_views(G, tmp_path / "out")
    write_neighbourhood(G, MOMENTUM, tmp_path / "n.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.html", "out"]


def test_stale_subject_views_are_removed(G, tmp_path):
    stale = tmp_path / "views" / "subject-gone.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    keep = tmp_path / "views" / "mine.html"
    keep.write_text("not ours")
    write_views(G, tmp_path)
    assert not stale.exists() and keep.exists()


def test_write_views_refuses_a_file_as_output(G, tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(QagraphError, match="not a folder"):
        write_views(G, target)


def test_progress_reports_every_file(G, tmp_path):
    calls = []
    write_views(G, tmp_path, progress=lambda stage, done, total: calls.append((stage, done, total)))
    total = len(subject_file_names(G)) + 2
    assert calls[0] == ("html", 0, total) and calls[-1] == ("html", total, total)
    assert [c[1] for c in calls] == list(range(total + 1))


# -- offline ----------------------------------------------------------------------------


@pytest.mark.parametrize("inline", [False, True])
def test_pages_reference_nothing_outside_the_file(G, tmp_path, inline):
    paths = write_views(G, tmp_path, inline=inline)
    paths.append(write_keyword(G, "keyword:force", tmp_path / "k.html"))
    for path in paths:
        if path.suffix != ".html":
            continue
        tags = _parse(path)
        for tag, attrs in tags.tags:
            assert tag not in ("link", "img", "iframe", "object", "embed"), (path.name, tag)
            if tag == "script" and "src" in attrs:
                assert not inline and path.parent.name == "views"
                assert attrs["src"] == "assets/vis-network.min.js"
                assert (path.parent / attrs["src"]).is_file()
        text = path.read_text(encoding="utf-8")
        assert "cdn" not in text.lower().replace("cdnjs", "cdn"), path.name  # no CDN names at all
        assert "@import" not in text and "url(http" not in text


def test_inline_views_carry_vis_network(G, tmp_path):
    path = write_neighbourhood(G, MOMENTUM, tmp_path / "n.html")
    scripts = _parse(path).scripts
    assert any("vis-network" in s and len(s) > 400_000 for s in scripts)
    assert not any(tag == "script" and "src" in a for tag, a in _parse(path).tags)


def test_csp_allows_only_the_page_scripts(G, tmp_path):
    import base64
    import hashlib

    path = write_neighbourhood(G, MOMENTUM, tmp_path / "n.html")
    tags = _parse(path)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    for script in tags.scripts:
        if script.startswith("{"):
            continue  # the JSON data block does not run
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# -- safety -----------------------------------------------------------------------------


def test_hostile_text_never_appears_as_markup(built):
    out, paths = built
    for path in paths:
        if path.suffix != ".html":
            continue
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path.name
        assert "<img" not in text and "<svg" not in text and "<b onmouseover" not in text, path.name
        assert not re.search(r'href=\\?"\s*javascript', text, re.I), path.name  # as text only
        # every </script> closes one of our own script elements
        assert text.count("</script>") == text.count("<script"), path.name


def test_hostile_text_survives_as_text(built, G):
    out, _ = built
    data = _data(out / "views" / "subject-physics.html")
    hostile = next(n for n in data["nodes"] if n["info"]["title"] == G.nodes[HOSTILE]["title"])
    assert "<script>alert('kw')</script>" in hostile["info"]["keywords"]
    excerpt = hostile["info"]["excerpt"]
    assert "&lt;script&gt;" in excerpt and "<script" not in excerpt and "<img" not in excerpt
    assert not re.search(r"<[^>]*\bon\w+=", excerpt) and 'href="javascript' not in excerpt
    assert '<a href="https://example.org/page" rel="noopener noreferrer">safe link</a>' in excerpt
    assert "https://example.com/tracker.png" not in re.findall(r'src="([^"]*)"', excerpt)


def test_unsafe_urls_become_no_link(G, built):
    out, _ = built
    weird = _data(out / "views" / "subject-weird.html")
    node = next(n for n in weird["nodes"] if n["info"]["title"].startswith("Where does a javascript"))
    assert "url" not in node["info"] and "path" not in node["info"]
    physics = _data(out / "views" / "subject-physics.html")
    stubs = [n for n in physics["nodes"] if n["kind"] == "stub"]
    # without a site address a site path is text, never a link (from disk it would open file:///learn/...)
    assert {n["info"].get("url") for n in stubs} == {None}
    assert {n["info"].get("path") for n in stubs} == {None, "/learn/physics/questions/not-in-the-corpus"}


@pytest.mark.parametrize("site", ["https://example.org/x?a=1", "https://example.org/#/", "https://example.org:abc/"])
def test_a_site_url_the_links_would_be_mangled_by_is_refused(G, tmp_path, site):
    """``qagraph view --site-url`` took these and linked to https://example.org/x?a=1/learn/..."""
    with pytest.raises(QagraphError, match="site url"):
        write_keyword(G, "keyword:force", tmp_path / "k.html", site_url=site)


@pytest.mark.parametrize("writer", ["views", "subject", "keyword", "neighbourhood"])
def test_every_writer_makes_site_paths_absolute_with_site_url(G, tmp_path, writer):
    site = "https://example.org/"
    if writer == "views":
        write_views(G, tmp_path, site_url=site)
        path = tmp_path / "views" / "subject-physics.html"
    elif writer == "subject":
        path = qhtml.write_subject(G, PHYSICS, tmp_path / "s.html", site_url=site)
    elif writer == "keyword":
        path = write_keyword(G, "keyword:force", tmp_path / "k.html", site_url=site)
    else:
        path = write_neighbourhood(G, MOMENTUM, tmp_path / "n.html", site_url=site)
    articles = [n for n in _data(path)["nodes"] if n["kind"] == "article"]
    assert articles
    for n in articles:
        url = G.nodes[n["key"]]["url"]
        if url.startswith("/learn/") and "\"" not in url:
            assert n["info"]["url"] == "https://example.org" + url, n["key"]
            assert "path" not in n["info"]
    text = path.read_text(encoding="utf-8")
    assert '"url":"/learn' not in text  # no bare site path as a link target


def test_script_json_cannot_close_its_script():
    text = script_json({"a": "</script><!--<script>", "b": "\u2028\u2029&"})
    assert not set("<>&") & set(text) and "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!--<script>", "b": "\u2028\u2029&"}


def test_line_separators_are_escaped_in_pages(built):
    out, paths = built
    text = (out / "views" / subject_file_names_for_weird(paths)).read_text(encoding="utf-8")
    assert "\\u2028" in text and "\u2028" not in text and "\u2029" not in text


def subject_file_names_for_weird(paths: list[Path]) -> str:
    return next(p.name for p in paths if p.name.startswith("subject-svg-onload"))


@pytest.mark.parametrize("markdown, present, absent", [
    ("**bold** and *em*", ["<strong>bold</strong>", "<em>em</em>"], []),
    ("### Head\n1. one\n2. two", ["<h3>Head</h3>", "<ol>", "<li>one</li>"], []),
    ("<script>alert(1)</script>", ["&lt;script&gt;"], ["<script"]),
    ("<img src=x onerror=alert(1)>", ["&lt;img"], ["<img"]),
    ("[x](javascript:alert(1))", [], ["href=\"javascript"]),
    ("![t](https://example.com/t.png)", [], ["<img"]),
    ("[ok](https://example.org)", ['href="https://example.org"', 'rel="noopener noreferrer"'], []),
    ("```\n</script>\n```", ["<pre><code>&lt;/script&gt;"], ["</script>"]),
])
def test_excerpt_is_rendered_then_sanitised(markdown, present, absent):
    html = excerpt_html(markdown)
    for p in present:
        assert p in html
    for a in absent:
        assert a not in html


def test_excerpt_keeps_whole_first_paragraphs():
    long = "First paragraph " * 12 + "\n\n### Heading\n\n" + "- item\n" * 40
    html = excerpt_html(long, limit=400)
    assert html.startswith("<p>First paragraph") and "<li>" not in html and "\u2026" in html
    assert excerpt_html("short") == "<p>short</p>\n"
    assert excerpt_html("") == ""


@pytest.mark.parametrize("url, site, expected", [
    ("/learn/a/questions/b", None, None),  # from disk it would open file:///learn/...
    ("/learn/a/questions/b", "https://example.org/", "https://example.org/learn/a/questions/b"),
    ("learn/a b", "https://example.org/kb", "https://example.org/kb/learn/a%20b"),
    ("https://example.org/x", None, "https://example.org/x"),
    ("https://example.org/x[1]", None, "https://example.org/x%5B1%5D"),
    ("https://x:port/a", "https://example.org", None),
    ("https://[zz]/a", None, None),
    ("http://x:99999/a", None, None),
    ("javascript:alert(1)", None, None),
    ("JAVASCRIPT:alert(1)", "https://example.org", None),
    ("//evil.example/x", None, None),
    ("//evil.example/x", "https://example.org", "https://example.org//evil.example/x"),
    ("data:text/html,x", None, None),
    ("/a\" onmouseover=\"x", None, None),
    ("/a\" onmouseover=\"x", "https://example.org", "https://example.org/a%22%20onmouseover=%22x"),
    (None, None, None),
])
def test_safe_href(url, site, expected):
    assert safe_href(url, site) == expected


def test_views_link_a_url_exactly_when_the_rdf_publishes_it(tmp_path):
    """The views had a rule of their own: they linked https://x:port/a and https://[zz]/c, which
    no IRI can name and the RDF leaves out, and not a site path with a space, which it publishes.
    Every card now links the article's (or the link target's) schema:url, or nothing."""
    import rdflib
    from conftest import article_text, write_article

    from qagraph.rdf import IRIs, to_rdflib
    from qagraph.rdf.vocab import SCHEMA

    site, base = "https://site.example/kb/", "https://example.org/id/"
    urls = ["/learn/biology/questions/a b", "learn/biology/questions/no-slash", "https://x:port/a", "https://[zz]/c",
            "https://ok.example/x[1]", "http://bücher.example/p", "mailto:ann@example.org", "//evil.example/x"]
    root = tmp_path / "content"
    for i, url in enumerate(urls, 1):
        write_article(root, f"biology/a{i}.md", article_text(f"Question {i}?", url, id=i, related=[
            {"id": 100 + i, "title": f"Outside {i}?", "subject": "Biology", "url": url + "-out"}]))
    G, _ = build_graph(load(root))
    ds = to_rdflib(G, base, site_url=site)
    published = {str(s): str(o) for s, _, o, _ in ds.quads((None, rdflib.URIRef(str(SCHEMA.url)), None, None))}
    write_views(G, tmp_path / "out", site_url=site)
    linked = {n["key"]: n["info"].get("url") for n in _data(tmp_path / "out" / "views" / "subject-biology.html")["nodes"]
              if n["kind"] in ("article", "stub")}
    assert set(linked) == {n for n, kind in G.nodes(data="kind") if kind in ("article", "stub")}
    iris = IRIs(base)
    assert linked == {node: published.get(iris.node(node)) for node in linked}
    assert sum(url is not None for url in linked.values()) == 2 * 5  # the others are no http(s) url an IRI can name


# -- what each view holds ----------------------------------------------------------------


def test_overview_holds_all_subjects_and_top_keywords(G):
    view = overview(G, limits=Limits(overview_keywords=5, keyword_subjects=2))
    counts = view.counts()
    assert counts["nodes"]["subject"] == 5 and counts["nodes"]["keyword"] == 5
    assert "article" not in counts["nodes"]
    top5 = sorted((n for n, k in G.nodes(data="kind") if k == "keyword"), key=lambda k: (-G.nodes[k]["df"], k))[:5]
    assert {n["key"] for n in view.nodes if n["kind"] == "keyword"} == set(top5)
    assert {n["info"]["title"] for n in view.nodes if n["kind"] == "keyword"} == {G.nodes[k]["label"] for k in top5}
    per_keyword = {}
    for e in view.edges:
        if e["kind"] == "keyword":
            per_keyword[e["to"]] = per_keyword.get(e["to"], 0) + 1
    assert max(per_keyword.values()) <= 2
    subject_sizes = {n["label"]: n["size"] for n in view.nodes if n["kind"] == "subject"}
    assert subject_sizes["Physics"] > subject_sizes["Mathematics"] > subject_sizes["Weird"]
    assert any("used by the most articles" in note for note in view.notes)


def test_long_keywords_are_shortened_on_the_map_and_whole_on_the_card():
    from qagraph.ids import keyword_node

    G = synthetic_graph(40, n_subjects=2, n_keywords=5)
    long = "a keyword far longer than any label on a map should ever be, " * 2
    for k in ("kw1", "kw2"):
        G.nodes[keyword_node(k)]["label"] = f"{long}{k}"
    for view in (overview(G), subject_view(G, "subject:subject-0"), keyword_view(G, keyword_node("kw1"))):
        shown = [n for n in view.nodes if n["kind"] == "keyword" and n["key"] in (keyword_node("kw1"), keyword_node("kw2"))]
        assert shown, view.kind
        for n in shown:
            assert len(n["label"]) <= 30 and n["label"].endswith("\u2026"), (view.kind, n["label"])
            assert n["info"]["title"] == G.nodes[n["key"]]["label"]  # the card has it whole
            assert n["label"][:-1] == n["info"]["title"][: len(n["label"]) - 1].rstrip()


def test_overview_counts_links_between_subjects(G):
    view = overview(G)
    ids = {n["label"]: n["id"] for n in view.nodes}
    related = {(e["from"], e["to"]): e["count"] for e in view.edges if e["kind"] == "related"}
    # newtons-laws -> derivatives, limits -> graphs, recursion -> limits, vectors -> newtons-laws
    assert related == {
        (ids["Physics"], ids["Mathematics"]): 1,
        (ids["Mathematics"], ids["Computer Science"]): 1,
        (ids["Computer Science"], ids["Mathematics"]): 1,
        (ids["Mathematics"], ids["Physics"]): 1,
    }
    similar = {frozenset((e["from"], e["to"])): e["count"] for e in view.edges if e["kind"] == "similar"}
    assert similar[frozenset((ids["Mathematics"], ids["Physics"]))] == 5


def test_subject_view_holds_its_articles_and_says_what_it_left_out(G):
    view = subject_view(G, PHYSICS)
    arts = {n["info"]["title"] for n in view.nodes if n["kind"] == "article"}
    assert arts == {G.nodes[a]["title"] for a, s, k in G.edges(keys=True) if k == "subject" and s == PHYSICS}
    kinds = view.counts()["nodes"]
    assert kinds["stub"] == 2 and kinds["subject"] == 1  # Mathematics, linked from newtons-laws
    capped = subject_view(G, PHYSICS, limits=Limits(subject_articles=2, subject_keywords=3))
    assert capped.counts()["nodes"]["article"] == 2
    assert capped.counts()["nodes"]["keyword"] <= 3
    assert any("3 less connected articles are not drawn" in n for n in capped.notes)
    drawn = {n["key"] for n in capped.nodes if n["kind"] == "article"}
    members = {a for a, s, k in G.edges(keys=True) if k == "subject" and s == PHYSICS}
    assert {row[1] for row in capped.listed} == members - drawn  # found by search, not drawn


def test_subject_view_draws_each_articles_strongest_links_first(G):
    full = subject_view(G, PHYSICS, limits=Limits(links_per_article=100))
    best1 = subject_view(G, PHYSICS, limits=Limits(links_per_article=1, draw_all_links=0))
    inside = sum(1 for u, v, k in G.edges(keys=True) if k == "similar"
                 and G.nodes[u].get("subject") == G.nodes[v].get("subject") == "physics")

    def similar(view, drawn):
        return sum(1 for e in view.edges if e["kind"] == "similar" and "weight" in e and bool(e.get("more")) != drawn)

    def links(view, drawn):
        return sum(1 for e in view.edges if e["kind"] in ("related", "similar") and "count" not in e
                   and bool(e.get("more")) != drawn)

    assert similar(full, True) == inside and similar(full, False) == 0
    assert 0 < links(best1, True) < links(full, True)  # the rest are kept, behind "all links"
    assert links(best1, True) + links(best1, False) == links(full, True)
    # each article has its strongest link drawn: every article touches a drawn edge
    drawn = {e[end] for e in best1.edges if not e.get("more") for end in ("from", "to")}
    assert {n["id"] for n in best1.nodes if n["kind"] == "article"} <= drawn


def test_edges_carry_weights_and_widths(G):
    view = subject_view(G, PHYSICS)
    similar = [e for e in view.edges if e["kind"] == "similar" and "count" not in e]
    across = [e for e in view.edges if "count" in e]  # links to other subjects, counted
    assert across and all(e["count"] >= 1 and "weight" not in e for e in across)
    assert all(0 < e["weight"] <= 1 and e["width"] > 0.6 for e in similar)
    strongest = max(similar, key=lambda e: e["weight"])
    assert strongest["width"] == max(e["width"] for e in similar)
    assert all(isinstance(s, str) for e in similar for s in e.get("shared", []))
    assert any(e.get("shared") for e in similar if not e.get("more"))


def test_keyword_view(G):
    view = keyword_view(G, "keyword:force")
    articles = {n["info"]["title"] for n in view.nodes if n["kind"] == "article"}
    expected = {G.nodes[a]["title"] for a, _, k in G.in_edges("keyword:force", keys=True) if k == "keyword"}
    assert articles == expected and len(expected) == 4
    centre = view.nodes[view.centre]
    assert centre["kind"] == "keyword" and centre["label"] == "force"
    assert {n["label"] for n in view.nodes if n["kind"] == "subject"} == {"Physics", "Mathematics"}
    with pytest.raises(QagraphError, match="is a article, not a keyword"):
        keyword_view(G, MOMENTUM)


@pytest.mark.parametrize("hops", [0, 1, 2, 3])
def test_neighbourhood_walks_related_and_similar_edges(G, hops):
    view = neighbourhood_view(G, MOMENTUM, hops=hops)
    shown = {n["info"]["title"] for n in view.nodes if n["kind"] in ("article", "stub")}
    expected = {G.nodes[n]["title"] for n in _article_steps(G, MOMENTUM, hops)}
    assert shown == expected
    assert view.nodes[view.centre]["info"]["title"] == G.nodes[MOMENTUM]["title"]
    own = {G.nodes[f"keyword:{k}"]["label"] for k in G.nodes[MOMENTUM]["keywords"]}
    assert own <= {n["info"]["title"] for n in view.nodes if n["kind"] == "keyword"}


def test_neighbourhood_of_an_article_outside_the_corpus(G):
    stub = "article:/learn/physics/questions/not-in-the-corpus"
    view = neighbourhood_view(G, stub, hops=1)
    titles = {n["info"]["title"] for n in view.nodes if n["kind"] in ("article", "stub")}
    assert titles == {"What is a phantom?", "What are Newton's three laws of motion?"}
    assert view.nodes[view.centre]["kind"] == "stub"


def test_overview_links_subjects_to_their_views(built, G):
    out, _ = built
    data = _data(out / "views" / "overview.html")
    subjects = [n for n in data["nodes"] if n["kind"] == "subject"]
    assert len(subjects) == 5
    for n in subjects:
        assert (out / "views" / n["info"]["view"]).is_file()
        assert re.fullmatch(r"subject-[a-z0-9-]+\.html", n["info"]["view"])
    physics = next(n for n in subjects if n["label"] == "Physics")
    assert physics["info"]["keywords"][:2] == ["energy", "force"]  # in 3 of its articles each


def test_neighbourhood_cap_and_errors(G):
    view = neighbourhood_view(G, MOMENTUM, hops=3, limits=Limits(neighbourhood_articles=3))
    assert sum(1 for n in view.nodes if n["kind"] in ("article", "stub")) == 3
    assert any("Stopped at 3 articles" in n for n in view.notes)
    with pytest.raises(QagraphError, match="hops"):
        neighbourhood_view(G, MOMENTUM, hops=-1)
    with pytest.raises(QagraphError, match="no node"):
        neighbourhood_view(G, "article:/nope")
    with pytest.raises(QagraphError, match="is a keyword"):
        write_neighbourhood(G, "keyword:force", "never.html")


def test_views_do_not_change_the_graph(G):
    before = copy.deepcopy((dict(G.nodes(data=True)), list(G.edges(keys=True, data=True))))
    overview(G)
    subject_view(G, PHYSICS)
    keyword_view(G, "keyword:force")
    neighbourhood_view(G, MOMENTUM, hops=2)
    assert (dict(G.nodes(data=True)), list(G.edges(keys=True, data=True))) == before


def test_nodes_are_coloured_by_subject_or_community_and_shaped_by_kind(G):
    view = keyword_view(G, "keyword:force")
    by_subject = {}
    for n in view.nodes:
        if n["kind"] == "article":
            by_subject.setdefault(G.nodes[n["key"]]["subject"], set()).add(n["color"])
    assert len(by_subject) == 2 and all(len(c) == 1 for c in by_subject.values())
    assert len({c for cs in by_subject.values() for c in cs}) == 2
    assert view.colour_by == "subject"
    assert subject_view(G, "subject:mathematics").colour_by == "community"
    others = overview(G)
    shapes = {n["kind"]: n["shape"] for n in others.nodes}
    assert shapes == {"subject": "diamond", "keyword": "triangle"}
    subject_colours = {n["color"] for n in others.nodes if n["kind"] == "subject"}
    assert len(subject_colours) == 5


def test_data_block_matches_the_view(G, tmp_path):
    view = subject_view(G, PHYSICS)
    path = qhtml.write_view(view, tmp_path / "p.html")
    data = _data(path)
    assert data["nodes"] == view.nodes
    assert data["edges"] == view.edges
    assert data["options"]["physics"] == {"enabled": False}  # positions are computed when written
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    assert {k["kind"] for k in data["edgeKinds"]} == set(view.counts()["edges"])


def test_public_surface():
    assert sorted(qhtml.__all__) == qhtml.__all__
    for name in ("write_views", "write_neighbourhood", "write_keyword"):
        assert name in qhtml.__all__ and getattr(qhtml, name).__doc__


# -- speed ------------------------------------------------------------------------------


def synthetic_graph(n_articles: int, n_subjects: int = 8, n_keywords: int = 3000, seed: int = 1) -> nx.MultiDiGraph:
    """A graph of the documented schema, built directly (no files), for size and speed tests."""
    import random

    from qagraph.ids import article_node, keyword_node, subject_node

    rng = random.Random(seed)
    G = nx.MultiDiGraph(source="synthetic")
    slugs = [f"subject-{i}" for i in range(n_subjects)]
    sizes = [0] * n_subjects
    arts = []
    for i in range(n_articles):
        s = min(int(rng.paretovariate(1.2)) - 1, n_subjects - 1)
        sizes[s] += 1
        kws = sorted({min(int(rng.paretovariate(0.8)), n_keywords) for _ in range(11)})
        node = article_node(f"/learn/{slugs[s]}/questions/q{i}")
        arts.append((node, s, kws))
    df = [0] * (n_keywords + 1)
    for _, _, kws in arts:
        for k in kws:
            df[k] += 1
    for s, slug in enumerate(slugs):
        G.add_node(subject_node(slug), kind="subject", slug=slug, label=f"Subject {s}", labels=(f"Subject {s}",),
                   articles=sizes[s])
    for k in range(1, n_keywords + 1):
        if df[k]:
            G.add_node(keyword_node(f"kw{k}"), kind="keyword", key=f"kw{k}", label=f"keyword {k}",
                       labels=(f"keyword {k}",), df=df[k])
    for i, (node, s, kws) in enumerate(arts):
        G.add_node(node, kind="article", label=f"Question {i}?", title=f"Question {i}?", url=node[8:], id=i,
                   answer=f"Answer {i} with **bold** text.\n\n- one\n- two", subject=slugs[s],
                   subject_label=f"Subject {s}", keywords=tuple(f"kw{k}" for k in kws),
                   keyword_labels=tuple(f"keyword {k}" for k in kws), date="2025-01-26")
        G.add_edge(node, subject_node(slugs[s]), key="subject", kind="subject")
        for k in kws:
            G.add_edge(node, keyword_node(f"kw{k}"), key="keyword", kind="keyword")
    for i, (node, s, _) in enumerate(arts):
        for pos in range(1, rng.randint(0, 5) + 1):
            other = arts[rng.randrange(n_articles)][0]
            if other != node and not G.has_edge(node, other, "related"):
                G.add_edge(node, other, key="related", kind="related", position=pos, positions=(pos,))
        for _ in range(4):
            other = arts[rng.randrange(n_articles)][0]
            u, v = sorted((node, other))
            if u != v and not G.has_edge(u, v, "similar"):
                G.add_edge(u, v, key="similar", kind="similar", weight=round(rng.random(), 4), shared=("kw1",))
    return G


def test_views_never_build_a_pyvis_network(monkeypatch, tmp_path):
    # pyvis's Network is quadratic (add_edge scans every edge) and its template loads CDNs:
    # the views take only vis-network's script from the pyvis package
    from pyvis.network import Network

    def refuse(*args, **kwargs):
        raise AssertionError("pyvis Network used")

    monkeypatch.setattr(Network, "__init__", refuse)
    G = synthetic_graph(300)
    paths = write_views(G, tmp_path)
    assert subject_view(G, "subject:subject-0").counts()["nodes"]["article"] > 50
    assert (tmp_path / "views" / "assets" / "vis-network.min.js").stat().st_size > 400_000
    assert len(paths) > 3


def test_views_of_5000_articles_stay_within_the_caps(tmp_path):
    # speed is measured by bench/bench_html.py, not here
    G = synthetic_graph(5000, n_subjects=10)
    paths = write_views(G, tmp_path)
    assert len(paths) == 1 + 1 + 10 + 1
    biggest = subject_view(G, "subject:subject-0")
    assert biggest.counts()["nodes"]["article"] == Limits().subject_articles
    assert len(biggest.nodes) <= 2000


@pytest.mark.parametrize("stored", [False, True])
@pytest.mark.parametrize("hops,cap", [(1, 1000), (1, 40), (2, 1000), (2, 120), (3, 1000), (0, 1000)])
def test_the_view_of_a_much_linked_article_reads_only_what_it_draws(tmp_path, stored, hops, cap):
    """``qagraph view`` of an article 300 others link to read its whole neighbourhood with every
    keyword of it (in a build of 20,000 with 5,000 linkers, 45,000 nodes for a view of 1,000
    articles): it reads the part the view reads (:func:`~qagraph.html.select.neighbourhood_graph`),
    and the selection and the page are what they were, truncated at the cap or not."""
    import qagraph
    from conftest import hub_corpus
    from qagraph.html.select import neighbourhood_graph, neighbourhood_selection
    from qagraph.kinds import link_kinds

    hub = hub_corpus(tmp_path / "content")
    kg = qagraph.build(tmp_path / "content", out=tmp_path / "out")
    if stored:
        kg = qagraph.open(tmp_path / "out")
    links = [k.name for k in link_kinds()]
    limits = Limits(neighbourhood_articles=cap)
    whole = kg.subgraph(kg.neighbourhood(hub, hops=hops, kinds=links).nodes, kinds=links, context=True)
    part = neighbourhood_graph(kg, hub, hops, limits)
    before, after = neighbourhood_selection(whole, hub, hops, limits), neighbourhood_selection(part, hub, hops, limits)
    assert after == before
    assert before.truncated == (cap == 40 or (hops > 1 and cap == 120))
    assert (neighbourhood_view(part, hub, hops=hops, limits=limits)
            == neighbourhood_view(whole, hub, hops=hops, limits=limits))
    read = [n for n, data in part.nodes(data=True) if set(data) - {"kind"}]  # with more than their kind
    assert len(read) <= len(after.nodes) + 3  # the drawn ones, and the subjects (for the colours)
    if hops:  # not the keyword each linker has alone (300 of them)
        assert len(part) <= len(whole) - 250 and not any(n.startswith("keyword:own") for n in part)


def test_a_subject_whose_articles_share_no_keyword_says_so(tmp_path: Path):
    """A subject view draws the keywords two of its articles share: with none, its note read
    "Keywords: the 0 shared by most of these articles (of 3)."."""
    import qagraph
    from conftest import write_article

    for n in range(3):
        write_article(tmp_path / "c", f"s/q{n}.md", (
            f'---\nid: {n}\ntitle: "Q{n}?"\nsubject: S\nurl: /learn/s/questions/q{n}\n'
            f'question: "Q{n}?"\nanswer: "a"\nseo:\n  page_keywords: "own {n}"\n---\n'))
    G = qagraph.build(tmp_path / "c").graph
    notes = qhtml.subject_view(G, "subject:s").notes
    assert "Keywords: none drawn, no two of these articles share one (of 3)." in notes
    assert not any("the 0" in note for note in notes)


def test_the_overview_of_one_subject_and_one_keyword_says_subject_and_keyword(tmp_path: Path):
    """The overview's summary said "1 subjects and 1 of 1 keywords." of a corpus of one subject."""
    import qagraph
    from conftest import write_article

    write_article(tmp_path / "c", "s/q.md", (
        '---\nid: 1\ntitle: "Q?"\nsubject: S\nurl: /learn/s/questions/q\n'
        'question: "Q?"\nanswer: "a"\nseo:\n  page_keywords: "only"\n---\n'))
    assert qhtml.overview(qagraph.build(tmp_path / "c").graph).summary == "1 subject and 1 of 1 keyword."
