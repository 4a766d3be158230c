"""qagraph.graph: nodes and edges of each kind, stubs, link repairs and the projection."""

from __future__ import annotations

import networkx as nx

from conftest import article_text, url_of, write_article, write_site
from qagraph import build
from qagraph.graph import article_projection
from qagraph.health import health
from qagraph.ids import article_node, keyword_node, subject_node

CELLS = article_node(url_of("biology", "cells"))
MITOSIS = article_node(url_of("biology", "mitosis"))
GRAPHS = article_node(url_of("computer-science", "graphs"))
TREES = article_node(url_of("computer-science", "trees"))
OUTSIDE = article_node(url_of("biology", "not-in-corpus"))


def edges_of(G, kind):
    return {(u, v): d for u, v, k, d in G.edges(keys=True, data=True) if k == kind}


def test_nodes_by_kind(small_kg):
    G = small_kg.graph
    kinds = nx.get_node_attributes(G, "kind")
    assert sum(k == "article" for k in kinds.values()) == 5
    assert [n for n, k in kinds.items() if k == "stub"] == [OUTSIDE]
    assert sorted(n for n, k in kinds.items() if k == "subject") == ["subject:biology", "subject:computer-science"]
    # keywords folded: Cells/cells, Biology/biology, DNA/dna are one node each
    assert G.nodes[keyword_node("cells")]["df"] == 2
    assert G.nodes[keyword_node("biology")]["label"] == "Biology"  # 2 x "Biology" vs 1 x "biology"
    assert G.nodes[keyword_node("biology")]["labels"] == ("Biology", "biology")
    assert G.nodes[keyword_node("dna")]["df"] == 1


def test_subject_one_node_per_slug_labelled_by_most_common_spelling(small_kg):
    G = small_kg.graph
    bio = G.nodes[subject_node("biology")]
    assert bio["label"] == "Biology" and bio["labels"] == ("Biology", "biology") and bio["articles"] == 3
    cs = G.nodes[subject_node("computer-science")]
    assert cs["labels"] == ("Computer Science", "Computer science") and cs["articles"] == 2


def test_edges_of_each_kind(small_kg):
    G = small_kg.graph
    assert len(edges_of(G, "subject")) == 5
    assert len(edges_of(G, "keyword")) == 4 + 5 + 4 + 3 + 3
    related = edges_of(G, "related")
    # the repeated link 1 = 2 = 3 becomes one edge that keeps its positions, and the first one's line
    assert related[(CELLS, MITOSIS)] == {
        "kind": "related", "position": 1, "positions": (1, 2, 3), "origin": "front-matter", "line": 19}
    assert related[(CELLS, GRAPHS)]["position"] == 4  # across subjects
    assert related[(CELLS, OUTSIDE)]["position"] == 5
    assert set(related) == {(CELLS, MITOSIS), (CELLS, GRAPHS), (CELLS, OUTSIDE), (MITOSIS, CELLS), (GRAPHS, TREES)}


def test_stub_keeps_what_the_link_gave(small_kg):
    stub = small_kg.graph.nodes[OUTSIDE]
    assert stub["kind"] == "stub"
    assert stub["title"] == "Not here?" and stub["id"] == 77
    assert stub["subject"] == "biology" and stub["subject_label"] == "Biology"


def test_similar_edges_stored_once_with_shared_keywords(small_kg):
    similar = edges_of(small_kg.graph, "similar")
    assert (GRAPHS, TREES) in similar or (TREES, GRAPHS) in similar
    for (u, v), d in similar.items():
        assert u < v
        assert 0 < d["weight"] <= 1
        assert d["shared"] and list(d["shared"]) == sorted(d["shared"])
    gt = similar[(GRAPHS, TREES)]
    assert gt["shared"] == ("graphs", "trees")


def test_id_url_mismatch_is_reported_and_resolved_by_url(tmp_path):
    a, b, c = url_of("s", "a"), url_of("s", "b"), url_of("s", "c")
    write_article(tmp_path, "s/a.md", article_text("A?", a, id=1, related=[{"id": 3, "title": "B?", "url": b}]))
    write_article(tmp_path, "s/b.md", article_text("B?", b, id=2))
    write_article(tmp_path, "s/c.md", article_text("C?", c, id=3))
    kg = build(tmp_path)
    assert kg.related(a) == [article_node(b)]
    [problem] = kg.problems
    assert problem.severity == "warning" and problem.path == "s/a.md" and problem.line is not None
    assert "id 3 names /learn/s/questions/c but url names /learn/s/questions/b; resolved by url" in problem.message


def test_related_url_with_query_fragment_or_site_host_names_the_page_a_reader_lands_on(tmp_path):
    # the site serves /learn/s/questions/b for ?ref=... and #answer, and at its own host: no stub, no warning
    a, b, c, d, e = (url_of("s", x) for x in "abcde")
    write_article(tmp_path, "s/a.md", article_text("A?", a, id=1, related=[
        {"id": 2, "title": "B?", "url": b + "?ref=related"},
        {"id": 3, "title": "C?", "url": c + "/#answer"},
        {"id": 4, "title": "D?", "url": "https://quicktakes.example" + d},
        {"id": 5, "title": "E?", "url": "//quicktakes.example" + e},
        {"id": 9, "title": "Elsewhere", "url": "https://example.com/blog/post?x=1"},
    ]))
    for slug, number in (("b", 2), ("c", 3), ("d", 4), ("e", 5)):
        write_article(tmp_path, f"s/{slug}.md", article_text(f"{slug.upper()}?", url_of("s", slug), id=number))
    kg = build(tmp_path)
    assert kg.related(a) == [*map(article_node, (b, c, d, e)), article_node("https://example.com/blog/post?x=1")]
    assert kg.problems == []


def test_a_mismatch_whose_url_names_no_article_says_the_link_leaves_the_corpus(tmp_path):
    # the site links to the url (a .md suffix: no page there), not to the article the id names
    a, b = url_of("s", "a"), url_of("s", "b")
    write_article(tmp_path, "s/a.md", article_text("A?", a, id=1, related=[{"id": 2, "title": "B?", "url": b + ".md"}]))
    write_article(tmp_path, "s/b.md", article_text("B?", b, id=2))
    kg = build(tmp_path)
    assert kg.related(a) == [article_node(b + ".md")]
    assert [p.message for p in kg.problems] == [
        "related_article1: id 2 names /learn/s/questions/b but url names /learn/s/questions/b.md, which no article has "
        "(the link leaves the corpus); resolved by url"]


def test_self_link_and_link_by_id_only(tmp_path):
    a, b = url_of("s", "a"), url_of("s", "b")
    write_article(tmp_path, "s/a.md", article_text("A?", a, id=1, related=[{"id": 1, "url": a}, {"id": 2, "title": "B"}]))
    write_article(tmp_path, "s/b.md", article_text("B?", b, id=2))
    kg = build(tmp_path)
    assert kg.related(a) == [article_node(b)]
    assert [p.message for p in kg.problems] == ["related_article1: links the article to itself; ignored"]


def test_an_article_whose_url_is_its_page_address_meets_the_links_to_its_path(tmp_path):
    # url: https://HOST/learn/s/questions/b is the page /learn/s/questions/b: a link to either reaches it
    a, b, c = url_of("s", "a"), url_of("s", "b"), url_of("s", "c")
    write_article(tmp_path, "s/a.md", article_text("A?", a, id=1, related=[
        {"id": 2, "title": "B?", "url": b}, {"id": 3, "title": "C?", "url": "https://quicktakes.example" + c}]))
    write_article(tmp_path, "s/b.md", article_text("B?", "https://quicktakes.example" + b, id=2, subject="S"))
    write_article(tmp_path, "s/c.md", article_text("C?", "https://quicktakes.example" + c + "/", id=3, subject="S"))
    kg = build(tmp_path)
    assert kg.related(a) == [article_node(b), article_node(c)]
    assert kg.problems == [] and kg.graph.nodes[article_node(b)]["url"] == b
    assert kg.graph.nodes[article_node(b)]["subject"] == "s"


def test_a_unicode_url_and_its_escaped_form_name_one_article(tmp_path):
    # a browser asks for /learn/s/questions/m%C3%A9moire when a link says /learn/s/questions/mémoire
    a, b, c = url_of("s", "a"), url_of("s", "mémoire"), url_of("s", "café")
    write_article(tmp_path, "s/a.md", article_text("A?", a, id=1, related=[
        {"id": 2, "title": "B?", "url": url_of("s", "m%C3%A9moire")}, {"id": 3, "title": "C?", "url": c}]))
    write_article(tmp_path, "s/b.md", article_text("B?", b, id=2))
    write_article(tmp_path, "s/c.md", article_text("C?", url_of("s", "caf%C3%A9"), id=3))
    kg = build(tmp_path)
    assert kg.related(a) == [article_node(b), article_node(c)] and kg.problems == []


def test_urls_cut_at_a_hash_inside_a_name_stay_whole_and_two_articles(tmp_path):
    """A url with a "#" or "?" inside a name, /learn/we ird#sub%ject/questions/a, is no page's path: cut at it,
    two articles' urls were one (/learn/we ird) and the second file was lost as a duplicate. Each is kept as
    written, and a related link so written reaches it."""
    one, two = "/learn/we ird#sub%ject/questions/a b?g=1", "/learn/we ird#sub%ject/questions/other"
    write_article(tmp_path, "w/one.md", article_text("One?", one, id=1, related=[{"id": 2, "title": "Two?", "url": two}]))
    write_article(tmp_path, "w/two.md", article_text("Two?", two, id=2))
    kg = build(tmp_path)
    assert sorted(n for n, kind in kg.graph.nodes(data="kind") if kind == "article") == [article_node(one), article_node(two)]
    assert kg.related(one) == [article_node(two)]


def test_a_link_by_an_id_no_article_has_says_so_not_that_the_id_is_ambiguous(tmp_path):
    a, b, c = url_of("s", "a"), url_of("s", "b"), url_of("t", "b")
    write_article(tmp_path, "s/a.md", article_text("A?", a, id=1, related=[{"id": 7, "title": "Gone"}, {"id": 2, "title": "B"}]))
    write_article(tmp_path, "s/b.md", article_text("B?", b, id=2))
    write_article(tmp_path, "t/b.md", article_text("Other B?", c, id=2))
    kg = build(tmp_path)
    assert kg.related(a) == []
    assert [p.message for p in kg.problems] == [
        "related_article1: has no url and no article has id 7; ignored",
        "related_article2: has no url and id 2 is ambiguous (it names /learn/s/questions/b, /learn/t/questions/b); ignored",
    ]


def test_projection_joins_related_and_similar(small_kg):
    P = article_projection(small_kg.graph)
    assert set(P.nodes) == set(small_kg.articles)
    assert P.has_edge(CELLS, MITOSIS)
    # related both ways plus similar: weight adds up
    assert P[CELLS][MITOSIS]["weight"] > 2
    assert nx.pagerank(P, weight="weight")
    assert nx.shortest_path(P, CELLS, TREES, weight="distance")[0] == CELLS


def test_graph_is_deterministic(small_corpus):
    one, two = build(small_corpus).graph, build(small_corpus).graph
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))


def test_an_ambiguous_ref_is_a_warning_naming_the_file_the_line_and_the_pages(tmp_path):
    """``{{< ref "where" >}}`` with a where.md in two sections linked the shorter path silently; Hugo
    refuses such a ref (REF_NOT_FOUND: 'page reference "where" is ambiguous'), so it links nothing
    (not a stub either: the pages exist) and is a warning."""
    (tmp_path / "hugo.toml").write_text('baseURL = "https://example.org/"\n', encoding="utf-8")
    for path in ("functions/where.md", "templates/where.md", "functions/first.md"):
        write_article(tmp_path, f"content/{path}", f"---\ntitle: {path}\n---\nText.\n")
    write_article(tmp_path, "content/about.md",
                  '---\ntitle: About\n---\nSee [first]({{< ref "first" >}}).\n\nAnd {{< relref "where" >}}.\n')
    kg = build(tmp_path, preset="hugo")
    assert kg.related("about") == [article_node("functions/first")]
    assert not [n for n, kind in kg.graph.nodes(data="kind") if kind == "stub"]
    [problem] = kg.problems
    assert (problem.path, problem.line, problem.code, problem.severity) == (
        "content/about.md", 6, "ref-ambiguous", "warning")
    assert problem.message == ("ref 'where' is ambiguous: 2 pages go by that name (content/functions/where.md, "
                               "content/templates/where.md); left unresolved, as Hugo leaves it")


def test_a_link_to_the_list_of_a_tag_s_pages_is_one_to_that_keyword(tmp_path):
    """A link to the page jekyll-archives or Hugo makes for a tag or a category (``/tags/machine-learning/``,
    ``/categories/linux/``) was no edge at all: it leads to the list of that keyword's or subject's pages, so it
    is a ``listing`` edge from the article to that keyword or subject (a keyword first for a tag, a subject first
    for a category, each as its spelling in the url names it), and no related link or stub."""
    site = tmp_path / "site"
    write_article(site, "_config.yml", "title: Blog\npermalink: /posts/:title/\njekyll-archives:\n"
                  "  enabled: [categories, tags]\n  permalinks:\n    tag: /tags/:name/\n    category: /categories/:name/\n")
    write_article(site, "_posts/2024-01-01-a.md", "---\ntitle: A\ncategories: [Linux, Shell]\ntags: [Machine Learning]\n"
                  "---\n[ml](/tags/machine-learning/), [linux](/categories/linux/) and [shell](/categories/shell/).\n")
    write_article(site, "_posts/2024-01-02-b.md", "---\ntitle: B\ncategories: [Linux]\ntags: [linux]\n---\n"
                  "[linux](/categories/linux/), [the tag](/tags/linux/).\n")
    kg = build(site)
    G = kg.graph

    def lists(node: str) -> list[str]:
        return sorted(v for _, v, k in G.out_edges(node, keys=True) if k == "listing")

    assert lists("article:_posts/2024-01-01-a") == [keyword_node("machine learning"), keyword_node("shell"),
                                                    subject_node("linux")]
    assert lists("article:_posts/2024-01-02-b") == [keyword_node("linux"), subject_node("linux")]
    assert kg.counts["stubs"] == 0 and kg.report()["counts"]["edges"]["listing"] == 5
    assert kg.related("_posts/2024-01-01-a.md") == []
    assert G.edges["article:_posts/2024-01-01-a", keyword_node("machine learning"), "listing"]["line"] == 6  # as links name it


def test_a_link_to_a_note_the_vault_s_excluded_files_leave_out_is_no_missing_note(tmp_path):
    """Obsidian's Excluded files (app.json's userIgnoreFilters) hide notes from its graph, search and
    unlinked mentions; the files are there, and a link to one resolves (the editor opens it, it is no
    unresolved link). qagraph skipped them but made each link to one a stub, a missing note in the
    health report. They stay out of the graph, and a link to one leads nowhere: no stub, no edge."""
    for path, text in {".obsidian/app.json": '{"userIgnoreFilters": ["Archive/", "/[.]draft[.]md$/"]}',
                       "Archive/Old idea.md": "Superseded by [[Start]].\n", "Notes/Plan.draft.md": "A draft.\n",
                       "Notes/Start.md": "See [[Old idea]], ![[Plan.draft]], [the old one](../Archive/Old%20idea.md)"
                                         " and [[Not yet written]].\n",
                       "Notes/Other.md": "Back to [[Start]].\n"}.items():
        write_article(tmp_path, path, text)
    kg = build(tmp_path, preset="obsidian")
    G = kg.graph
    assert sorted(n for n, d in G.nodes(data=True) if d["kind"] == "stub") == ["article:Not yet written"]
    assert [v for _, v, k in G.out_edges("article:Notes/Start", keys=True) if k == "related"] == [
        "article:Not yet written"]
    assert [link["target"] for link in health(G)["outside_links"]["links"]] == ["article:Not yet written"]


def test_a_page_no_file_is_goes_by_its_own_name_whatever_the_first_link_to_it_says(tmp_path):
    """A Hugo page that only a broken link reaches was shown by the first link's text ("click here"), and a
    missing note of a vault by the text of a Markdown link to it when that came before its [[name]]: a
    stub's name hung on which link came first in file order, and said nothing of the page. A stub of a text
    link goes by its own name, the last part of the page path or url it stands for (a missing note: its name,
    also its title), in every preset."""
    write_site(tmp_path / "hugo", {
        "hugo.toml": 'title = "Site"\n',
        "content/docs/a.md": '---\ntitle: A\n---\n[click here](/docs/missing-page/), {{< ref "gone" >}}, [x](../old/index.md)\n',
        "content/docs/b.md": "---\ntitle: B\n---\nThe [missing page](/docs/missing-page/).\n"})
    write_site(tmp_path / "vault", {".obsidian/app.json": "{}",
                                    "A.md": "See [this one](Missing%20note.md), then [[Missing note]].\n"})
    write_site(tmp_path / "jekyll", {"_config.yml": "title: Blog\n",
                                     "_posts/2020-01-01-p.md": "---\ntitle: P\n---\n[Read more](/2019/05/01/gone/).\n"})
    names = {}
    for corpus in ("hugo", "vault", "jekyll"):
        G = build(tmp_path / corpus).graph
        names[corpus] = sorted((d["label"], d["title"]) for _, d in G.nodes(data=True) if d["kind"] == "stub")
    assert names == {"hugo": [("gone", None), ("missing-page", None), ("old", None)],
                     "vault": [("Missing note", "Missing note")], "jekyll": [("gone", None)]}


def test_a_link_to_a_template_of_the_vault_is_no_missing_note(tmp_path):
    """The templates folder the vault's settings name holds skeletons of new notes, which qagraph skips; in
    Obsidian they are notes all the same, and a link to one resolves. It was a stub, a missing note; it
    leads nowhere now, as a link to a note the Excluded files leave out does."""
    for path, text in {".obsidian/templates.json": '{"folder": "Meta/Templates"}',
                       "Meta/Templates/Meeting.md": "# {{title}}\n", "Notes/Week.md": "Use [[Meeting]] for [[Plans]].\n"}.items():
        write_article(tmp_path, path, text)
    G = build(tmp_path, preset="obsidian").graph
    assert "article:Meta/Templates/Meeting" not in G
    assert sorted(n for n, d in G.nodes(data=True) if d["kind"] == "stub") == ["article:Plans"]
