"""qagraph.health: each finding on the bundled content and on a small corpus made for it."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import qagraph
from conftest import CONTENT, article_text, url_of, write_article, write_site
from qagraph.health import FINDINGS, findings, health, same_question_groups
from qagraph.ids import article_node, keyword_node
from qagraph.similarity import Doc, similar_edges

BIO_VIRUS = article_node(url_of("biology", "what-is-a-virus"))
CS_VIRUS = article_node(url_of("computer-science", "what-is-a-virus"))


def nodes(finding):
    return [a["node"] for a in finding["articles"]]


@pytest.fixture(scope="module")
def content_report():
    return health(qagraph.build(CONTENT).graph)


def test_content_report(content_report):
    r = content_report
    assert r["articles"] == 49
    assert set(r) == {"articles", *FINDINGS}
    assert nodes(r["unlinked"]) == [
        article_node(url_of("history", "what-caused-the-fall-of-the-western-roman-empire")),
        article_node(url_of("mathematics", "what-is-the-pythagorean-theorem-and-how-is-it-proved")),
    ] and r["unlinked"]["count"] == 2
    assert nodes(r["no_related"]) == [article_node(url_of("computer-science", "what-is-the-difference-between-tcp-and-udp"))]
    assert r["no_related"]["articles"][0]["path"] == "computer-science/what-is-the-difference-between-tcp-and-udp.md"
    outside = r["outside_links"]
    assert outside["count"] == 7 and outside["articles"] == 7
    assert outside["links"][0] == {
        "node": BIO_VIRUS, "path": "biology/what-is-a-virus.md", "title": "What is a virus?", "line": 34, "position": 3,
        "target": article_node(url_of("biology", "how-do-vaccines-train-the-immune-system")),
        "target_url": url_of("biology", "how-do-vaccines-train-the-immune-system"),
        "target_title": "How do vaccines train the immune system?",
    }
    [group] = r["same_question"]["groups"]
    assert r["same_question"]["count"] == 1 and r["same_question"]["articles"] == 2
    assert group["question"] == "What is a virus?" and group["same_id"] is True
    assert group["subjects"] == ["biology", "computer-science"] and nodes(group) == [BIO_VIRUS, CS_VIRUS]
    [cs] = r["subject_spellings"]["subjects"]
    assert cs["spellings"] == {"Computer Science": 11, "Computer science": 5} and cs["usual"] == "Computer Science"
    assert cs["count"] == 5 and {a["spelling"] for a in cs["articles"]} == {"Computer science"}
    assert r["malformed_keywords"] == {"count": 0, "keywords": []}


def test_no_similar_lists_exactly_the_articles_without_a_similar_edge():
    G = qagraph.build(CONTENT).graph
    ends = {n for u, v, k in G.edges(keys=True) if k == "similar" for n in (u, v)}
    articles = sorted(n for n, d in G.nodes(data=True) if d["kind"] == "article")
    assert nodes(health(G)["no_similar"]) == [n for n in articles if n not in ends]


def test_report_is_json_and_repeatable(content_report):
    assert json.loads(json.dumps(content_report)) == content_report
    assert health(qagraph.build(CONTENT).graph) == content_report


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    a, b, c = (url_of("biology", s) for s in ("cells", "mitosis", "lonely"))
    d = url_of("chemistry", "cells")
    write_article(root, "biology/cells.md", article_text(
        "What is a cell?", a, id=7, keywords="cells, membrane, 2023, **organelles**",
        related=[{"id": 2, "title": "Mitosis?", "subject": "Biology", "url": b},
                 {"id": 99, "title": "Gone?", "subject": "Biology", "url": url_of("biology", "gone")}]))
    write_article(root, "biology/mitosis.md", article_text(
        "How does mitosis work?", b, id=2, subject="biology",
        keywords="mitosis spindle chromosomes prophase metaphase anaphase telophase cytokinesis",
        related=[{"id": 7, "title": "What is a cell?", "subject": "Biology", "url": a}]))
    write_article(root, "biology/lonely.md", article_text("Why is the sky blue?", c, id=3, keywords="sky; light; scattering"))
    write_article(root, "chemistry/cells.md", article_text(
        "What is a CELL", d, id=7, subject="Chemistry", keywords="electrochemical cell, cells, membrane"))
    return root


def with_similar_edges(G):
    """``G`` with its similar edges made by :func:`similar_edges` (same questions left out), as the build makes them."""
    G = G.copy()
    G.remove_edges_from([(u, v, k) for u, v, k in G.edges(keys=True) if k == "similar"])
    docs = [Doc(d["key"], d["keywords"], d["question"]) for _, d in G.nodes(data=True) if d["kind"] == "article"]
    for e in similar_edges(docs):
        G.add_edge(article_node(e.source), article_node(e.target), key="similar", kind="similar", weight=e.weight, shared=e.shared)
    return G


def test_each_finding_on_a_corpus_made_for_it(messy):
    G = with_similar_edges(qagraph.build(messy).graph)
    r = health(G)
    cells, mitosis, lonely = (article_node(url_of("biology", s)) for s in ("cells", "mitosis", "lonely"))
    chem = article_node(url_of("chemistry", "cells"))
    assert nodes(r["unlinked"]) == [lonely, chem]
    assert nodes(r["no_related"]) == [lonely, chem]
    assert [(x["node"], x["target_url"]) for x in r["outside_links"]["links"]] == [(cells, url_of("biology", "gone"))]
    [group] = r["same_question"]["groups"]
    assert nodes(group) == [cells, chem] and group["same_id"] and group["subjects"] == ["biology", "chemistry"]
    [bio] = r["subject_spellings"]["subjects"]
    assert bio["spellings"] == {"Biology": 2, "biology": 1} and nodes(bio) == [mitosis]
    malformed = {k["keyword"]: (k["problems"], nodes(k)) for k in r["malformed_keywords"]["keywords"]}
    assert malformed == {
        keyword_node("2023"): (["is only a number"], [cells]),
        keyword_node("**organelles**"): (["holds markup or a web address"], [cells]),
        keyword_node("mitosis spindle chromosomes prophase metaphase anaphase telophase cytokinesis"): (
            ["has 8 words", "is 77 characters long"], [mitosis]),
    }
    assert r["malformed_keywords"]["count"] == 3
    # "sky; light; scattering" is split by the loader, which says so, rather than kept as one keyword
    assert keyword_node("sky") in G and keyword_node("sky; light; scattering") not in G
    # cells and the chemistry copy share two keywords but ask the same question: no similar edge
    assert nodes(r["no_similar"]) == [cells, lonely, mitosis, chem]


def test_same_question_groups_ignore_case_and_punctuation(messy):
    G = qagraph.build(messy).graph
    assert same_question_groups(G) == [[article_node(url_of("biology", "cells")), article_node(url_of("chemistry", "cells"))]]


def test_pages_that_share_a_title_do_not_ask_one_question(tmp_path):
    """A question field asks a question, and so does a title that ends with "?": two docs pages
    titled "Introduction", or a person note and a book note both named Alice, are not the same
    question asked twice (they may be similar); the Q&A format's questions are its titles."""
    from conftest import FIXTURES

    site = tmp_path / "site"
    for name, text in {"hugo.toml": 'baseURL = "https://h.org/"\n',
                       "content/guide/introduction.md": "---\ntitle: Introduction\ntags: [install, configuration]\n---\n",
                       "content/api/introduction.md": "---\ntitle: Introduction\ntags: [install, configuration]\n---\n",
                       "content/guide/faq.md": "---\ntitle: FAQ\nquestion: How do I install it?\ntags: [setup]\n---\n",
                       "content/api/setup.md": "---\ntitle: Setup\nquestion: how do I install it\ntags: [setup]\n---\n",
                       "content/guide/upgrade.md": "---\ntitle: How do I upgrade?\n---\n",
                       "content/api/upgrading.md": "---\ntitle: how do I UPGRADE\n---\n",  # asks nothing
                       "content/api/upgrade.md": "---\ntitle: How do I upgrade?\n---\n",
                       }.items():
        write_article(site, name, text)
    kg = qagraph.build(site / "content")
    assert same_question_groups(kg.graph) == [["article:api/setup", "article:guide/faq"],
                                              ["article:api/upgrade", "article:guide/upgrade"]]
    assert kg.similar("guide/introduction") and [n for n, *_ in kg.similar("guide/introduction")] == [
        "article:api/introduction"]
    vault = qagraph.build(FIXTURES / "obsidian")
    assert same_question_groups(vault.graph) == [] and health(vault.graph)["same_question"]["count"] == 0
    assert same_question_groups(qagraph.build(CONTENT).graph)  # the bundled Q&A content asks some twice


@pytest.mark.parametrize("root", ["content", "tests/fixtures/broken", "tests/fixtures/obsidian",
                                  "tests/fixtures/similarity-eval/content"])
def test_health_of_a_stored_build_reads_only_what_it_needs(root, tmp_path):
    """The findings of the facts a build database gives equal health() of the whole graph, whether
    they come from the ``health`` table the build keeps or, without it, from the edges."""
    import sqlite3

    from conftest import ROOT
    from qagraph.database import health_facts

    kg = qagraph.build(ROOT / root, out=tmp_path / "out")
    con = sqlite3.connect(tmp_path / "out" / "qagraph.db")
    try:
        whole = health(kg.graph)
        assert con.execute("SELECT count(*) FROM health").fetchone()[0] == whole["articles"]
        assert findings(health_facts(con)) == whole
        con.execute("DELETE FROM health")
        assert findings(health_facts(con)) == whole
    finally:
        con.close()


def test_a_subject_label_made_from_a_folder_is_no_one_s_spelling(tmp_path):
    """A Hugo section's ``_index.md`` (or any page without categories) takes its subject from its
    folder, labelled from the folder's name: "Functions" beside the "functions" its pages write is
    not a subject spelled two ways; a page that writes "FUNCTIONS" is. The stored build's facts and
    a patched build say the same."""
    import shutil
    import sqlite3

    from qagraph.database import health_facts

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    for name, text in {"functions/_index.md": "---\ntitle: Functions\n---\n",
                       "functions/where.md": "---\ntitle: where\ncategories: [functions]\n---\n",
                       "functions/first.md": "---\ntitle: first\ncategories: [functions]\n---\n",
                       "functions/last.md": "---\ntitle: last\ncategories: [functions]\n---\n",
                       "guides/intro.md": "---\ntitle: Intro\n---\n"}.items():
        write_article(site / "content", name, text)
    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(site / "content", out=out)
    assert {kg.node(a)["subject_label"]: kg.node(a).get("subject_given") is not False for a in kg.articles} == {
        "Functions": False, "functions": True, "Guides": False}
    assert health(kg.graph)["subject_spellings"] == {"count": 0, "subjects": []}
    from qagraph.database import BuildDatabase

    stored = BuildDatabase(out / "qagraph.db")
    assert dict(stored.graph().nodes(data=True)) == dict(kg.graph.nodes(data=True))  # the flag only when false
    assert stored.node_data("article:functions") == kg.node("article:functions")
    shouted = site / "content" / "functions" / "first.md"
    shouted.write_text(shouted.read_text().replace("[functions]", "[FUNCTIONS]"))
    assert qagraph.build(site / "content", out=out).build_info.incremental
    shutil.rmtree(cold, ignore_errors=True)
    whole = health(qagraph.build(site / "content", out=cold, cache=False).graph)
    assert [(s["slug"], s["spellings"], [a["spelling"] for a in s["articles"]])
            for s in whole["subject_spellings"]["subjects"]] == [("functions", {"FUNCTIONS": 1, "functions": 2},
                                                                   ["FUNCTIONS"])]
    assert json.loads((out / "report.json").read_text())["health"] == whole
    for build in (out, cold):
        con = sqlite3.connect(build / "qagraph.db")
        try:
            assert findings(health_facts(con)) == whole
            con.execute("DELETE FROM health")
            assert findings(health_facts(con)) == whole
        finally:
            con.close()


def test_health_of_a_stored_build_checks_only_the_keywords_it_is_given(tmp_path):
    """After an edit only the keywords found malformed before, and those the edit touched, are checked."""
    import sqlite3

    from qagraph.database import health_facts

    content = tmp_path / "content"
    content.mkdir()
    for i, keywords in enumerate(["graphs, 1905", "graphs, <b>trees</b>", "trees, graphs"]):
        (content / f"a{i}.md").write_text(f"---\ntitle: Question {i}?\nurl: /learn/cs/questions/q{i}\n"
                                          f"seo:\n  page_keywords: {keywords}\n---\nAn answer.\n", encoding="utf-8")
    kg = qagraph.build(content, out=tmp_path / "out")
    whole = health(kg.graph)
    malformed = [k["keyword"] for k in whole["malformed_keywords"]["keywords"]]
    assert len(malformed) == 2
    con = sqlite3.connect(tmp_path / "out" / "qagraph.db")
    try:
        assert findings(health_facts(con, keywords=[*malformed, "keyword:graphs"])) == whole
        assert findings(health_facts(con, keywords=malformed[1:]))["malformed_keywords"]["count"] == 1
    finally:
        con.close()


def test_the_index_page_from_the_summary_is_the_page_from_the_findings(messy):
    """A patched build passes the index page's process health_summary, not the findings (5 MB at 36k)."""
    from qagraph.health import HEALTH_SHOWN, health_summary
    from qagraph.html.site import generate_index

    found = health(with_similar_edges(qagraph.build(messy).graph))
    many = {"count": 30, "articles": [{"node": f"article:/learn/s/questions/q{i}", "title": f"Q{i}", "path": f"s/q{i}.md"}
                                      for i in range(30)]}
    cases = [found, {**found, "unlinked": many}, {"no_similar": {"count": 2, "links": [{"node": "article:a", "target": "x"}] * 2,
                                                                 "keywords": [{"label": "k", "problems": ["p"]}] * 20}}]
    for case in cases:
        summary = health_summary(case)
        assert all(len(f["items"]) <= HEALTH_SHOWN for f in summary.values() if isinstance(f, dict))
        assert len(pickle.dumps(summary)) < 10_000 and health_summary(summary) == summary
        for href in ("views/atlas.html", None):
            assert generate_index(None, atlas_href=href, health=summary, node_counts={}, edge_counts={}) == \
                generate_index(None, atlas_href=href, health=case, node_counts={}, edge_counts={})
    assert health_summary(None) is None


def _facts(rows: dict[str, tuple[str, str, str]], linked: set[str]):
    """Facts of articles ``node -> (question, subject slug, its spelling)``; ``linked`` are linked to."""
    from qagraph.health import Facts

    articles = {n: {"path": f"{n}.md", "title": q, "question": q, "subject": s, "subject_label": label, "id": ord(n)}
                for n, (q, s, label) in rows.items()}
    return Facts(articles, set(linked), set(rows), [], set(rows))


@pytest.mark.parametrize("edit", ["joins a question", "leaves a question", "respells", "goes", "comes"])
def test_patched_findings_equal_the_findings_of_every_article(edit: str):
    """The findings of a patch, from the previous findings and the few articles it read again, are
    those of every article's facts: an edited article that now asks what two others ask (neither
    read again: their group is made again, not kept beside the new one), or no longer does; a
    subject spelled anew; an article gone, or new."""
    from qagraph.health import HealthPatch, patched_findings
    from qagraph.normalize import question_key

    before = {"a": ("What is a cell?", "biology", "Biology"), "b": ("what is a CELL", "biology", "Biology"),
              "c": ("What is DNA?", "biology", "biology"), "d": ("What is a graph?", "cs", "CS")}
    after = dict(before)
    again = {"c"}
    if edit == "joins a question":
        after["c"] = ("What is a cell", "biology", "Biology")
    elif edit == "leaves a question":
        after["a"], again = ("What is mitosis?", "biology", "Biology"), {"a"}
    elif edit == "respells":
        after["d"], again = ("What is a graph?", "cs", "Cs"), {"d"}
    elif edit == "goes":
        del after["c"]
    else:
        after["e"], again = ("What is a cell?", "cs", "CS"), {"e"}
    previous = findings(_facts(before, {"a", "d"}))
    whole = _facts(after, {"a", "d"})
    expected = findings(whole)
    keys = dict(whole.question_keys)  # filled in by findings()
    asked = {keys[n] for n in again if n in keys} | {question_key(before[n][0]) for n in again if n in before}
    slugs = {rows[n][1] for rows in (before, after) for n in again if n in rows}
    patch = HealthPatch(again, {n for n, k in keys.items() if k in asked},
                        {s: sorted(n for n in after if after[n][1] == s) for s in slugs})
    part = _facts({n: after[n] for n in patch.asking | again | {m for ms in patch.subjects.values() for m in ms}
                   if n in after}, {"a", "d"})
    part.question_keys = {n: keys[n] for n in part.articles}
    assert patched_findings(previous, part, patch, articles=len(after)) == expected
    assert expected["same_question"]["count"] == (1 if edit != "leaves a question" else 0)


def test_the_index_page_shows_one_item_a_line_each_saying_where_it_is():
    """The index page ran a finding's items together with "; ", which a keyword's own ";" ("a; b:
    holds ';', a separator; 2023: ...") made unreadable; a link to a note or page that does not
    exist showed its node id ("Home -> article:Missing Note"), and a malformed keyword no file."""
    from qagraph.health import health_summary
    from qagraph.html.site import generate_index

    a = {"node": "article:notes/home", "path": "notes/home.md", "title": "Home"}
    found = {
        "outside_links": {"count": 2, "articles": 1, "links": [
            {**a, "position": 1, "target": "article:Missing Note", "target_url": None, "target_title": "Missing Note"},
            {**a, "position": 2, "target": "article:/learn/x/questions/gone", "target_url": "/learn/x/questions/gone"}]},
        "malformed_keywords": {"count": 2, "keywords": [
            {"keyword": "keyword:a; b", "label": "a; b", "problems": ["holds ';', a separator"], "count": 1, "articles": [a]},
            {"keyword": "keyword:2023", "label": "2023", "problems": ["is only a number"], "count": 3,
             "articles": [a, {**a, "path": "b.md"}, {**a, "path": "c.md"}]}]},
    }
    found["same_question"] = {"count": 2, "articles": 6, "groups": [
        {"question": "Why?", "subjects": ["a"], "articles": [{**a, "path": f"a/{n}.md"} for n in range(4)]},
        {"question": "How?", "subjects": ["a", "b"], "articles": [{**a, "path": "a/how.md"}, {**a, "path": "b/how.md"}]}]}
    summary = health_summary(found)
    assert [text for text, _ in summary["same_question"]["items"]] == [  # the files, which say the subjects too
        "Why? (a/0.md, a/1.md, a/2.md and 1 more)", "How? (a/how.md, b/how.md)"]
    assert [text for text, _ in summary["outside_links"]["items"]] == [
        "Home (notes/home.md) \u2192 Missing Note", "Home (notes/home.md) \u2192 /learn/x/questions/gone"]
    assert [text for text, _ in summary["malformed_keywords"]["items"]] == [
        "\u201ca; b\u201d: holds ';', a separator (notes/home.md)", "\u201c2023\u201d: is only a number (notes/home.md and 2 more)"]
    page = generate_index(None, atlas_href="views/atlas.html", health=found, node_counts={}, edge_counts={})
    assert "separator (notes/home.md)</bdi><br><bdi>\u201c2023" in page and "</a>; <a" not in page and "</bdi>; <bdi>" not in page


def test_keywords_spelled_several_ways(tmp_path):
    """Tags written in two cases (Go, go) or with hyphens for spaces (machine learning,
    Machine-Learning: Hugo's one /tags/machine-learning/ page) were no finding: an editor could not
    learn that the site spells a tag two ways. They are, in the graph's findings, a stored build's
    and a patched build's alike; a keyword spelled one way is none."""
    import sqlite3

    from qagraph.database import health_facts

    content = tmp_path / "content"
    content.mkdir()
    long = "one two three four five six seven eight"  # too many spaces to name every other spelling: looked for
    for i, keywords in enumerate(["Go, machine learning, trees", "go, Machine-Learning, trees", "go, machine_learning",
                                  "graphs, e-mail, " + long.replace(" ", "-")]):
        (content / f"a{i}.md").write_text(f"---\ntitle: Question {i}?\nurl: /learn/cs/questions/q{i}\n"
                                          f"seo:\n  page_keywords: {keywords}\n---\nAn answer.\n", encoding="utf-8")
    out, cold = tmp_path / "out", tmp_path / "cold"
    whole = health(qagraph.build(content, out=out).graph)
    def writes(i, spelling):  # the article that writes a spelling other than the usual one, on its keywords' line
        return {"node": f"article:/learn/cs/questions/q{i}", "path": f"a{i}.md", "title": f"Question {i}?",
                "spelling": spelling, "line": 5}

    assert whole["keyword_spellings"] == {"count": 2, "keywords": [
        {"keywords": ["keyword:go"], "spellings": {"Go": 1, "go": 2}, "usual": "go", "count": 1,
         "articles": [writes(0, "Go")]},
        {"keywords": ["keyword:machine learning", "keyword:machine-learning", "keyword:machine_learning"],
         "spellings": {"Machine-Learning": 1, "machine learning": 1, "machine_learning": 1}, "usual": "Machine-Learning",
         "count": 2, "articles": [writes(0, "machine learning"), writes(2, "machine_learning")]}]}
    con = sqlite3.connect(out / "qagraph.db")
    try:
        assert findings(health_facts(con)) == whole
        assert findings(health_facts(con, keywords=["keyword:machine-learning"]))["keyword_spellings"]["keywords"] == \
            whole["keyword_spellings"]["keywords"][1:]  # and the keywords spelled as it is
    finally:
        con.close()
    (content / "a3.md").write_text((content / "a3.md").read_text().replace("e-mail", "E-Mail, email, e mail"))
    (content / "a2.md").write_text((content / "a2.md").read_text().replace("go,", f"go, {long},"))
    assert qagraph.build(content, out=out).build_info.incremental
    patched = json.loads((out / "report.json").read_text())["health"]
    assert patched == health(qagraph.build(content, out=cold, cache=False).graph)
    assert [k["spellings"] for k in patched["keyword_spellings"]["keywords"]] == [
        {"E-Mail": 1, "e mail": 1}, {"Go": 1, "go": 2},
        {"Machine-Learning": 1, "machine learning": 1, "machine_learning": 1}, {long: 1, long.replace(" ", "-"): 1}]


def test_the_home_page_is_never_one_no_article_links_to(tmp_path):
    """A Hugo site's home page (its `_index.md`, at `/`) was listed first among the articles no
    article links to: every page's navigation links it, and an editor has nothing to fix. It is
    left out of the finding, in the graph's findings, a stored build's and a patched build's."""
    import sqlite3

    from qagraph.database import health_facts

    site = tmp_path / "site"
    (site / "content" / "posts").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    (site / "content" / "_index.md").write_text("---\ntitle: Home\n---\nSee [a](/posts/a/).\n")
    (site / "content" / "posts" / "a.md").write_text("---\ntitle: A\ntags: [x]\n---\nText.\n")
    (site / "content" / "posts" / "b.md").write_text("---\ntitle: B\ntags: [x]\n---\n[a](/posts/a/)\n")
    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(site / "content", out=out)
    assert kg.node("article:/")["url"] == "/"
    whole = health(kg.graph)
    assert nodes(whole["unlinked"]) == ["article:posts/b"]
    con = sqlite3.connect(out / "qagraph.db")
    try:
        assert findings(health_facts(con)) == whole
    finally:
        con.close()
    (site / "content" / "posts" / "b.md").write_text("---\ntitle: B\ntags: [x]\n---\nNo link now.\n")
    (site / "content" / "_index.md").write_text("---\ntitle: Home\n---\nSee [b](/posts/b/).\n")
    assert qagraph.build(site / "content", out=out).build_info.incremental
    patched = json.loads((out / "report.json").read_text())["health"]
    assert patched == health(qagraph.build(site / "content", out=cold, cache=False).graph)
    assert nodes(patched["unlinked"]) == ["article:posts/a"]


def test_a_link_that_leaves_the_corpus_names_its_file_and_line(tmp_path):
    """A related link to a page that is not in the corpus named its file but no line, where every
    problem says ``path:line``: an editor of a long page had to look for it. Its line (the
    front matter's opening ``---`` is line 1) is in the graph's findings, a stored build's and a
    patched build's alike, and in the text ``qagraph health`` and the index page show; with a
    byte-order mark and CRLF line ends, TOML and JSON front matter, and the Q&A format's
    ``related_articleN`` (the line of its mapping)."""
    import sqlite3

    from qagraph.database import health_facts
    from qagraph.health import health_summary

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'title = "T"\n',
        "content/posts/a.md": "---\ntitle: A\ndescription: >\n  folded\n  text\ntags:\n  - x\n  - y\n---\n"
                              "See [b](/posts/b/)\n\nand [gone](/posts/gone/).\n",
        "content/posts/b.md": "+++\ntitle = \"B\"\ndescription = \"\"\"\ntwo\nlines\"\"\"\n+++\n\n[a](/posts/a/) [nope](/posts/nope/)\n",
        "content/posts/c.md": '{\n  "title": "C",\n  "tags": ["x"]\n}\n\n[a](/posts/a/)\n[far](/posts/far/)\n',
    })
    (site / "content/posts/d.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: D\r\n---\r\n\r\n[a](/posts/a/) [off](/posts/off/)\r\n")
    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(site, out=out)
    whole = health(kg.graph)
    assert [(x["path"], x["line"], x["target"]) for x in whole["outside_links"]["links"]] == [
        ("content/posts/a.md", 12, "article:posts/gone"), ("content/posts/b.md", 8, "article:posts/nope"),
        ("content/posts/c.md", 7, "article:posts/far"), ("content/posts/d.md", 5, "article:posts/off")]
    con = sqlite3.connect(out / "qagraph.db")
    try:
        assert findings(health_facts(con)) == whole
    finally:
        con.close()
    assert [text for text, _ in health_summary(whole)["outside_links"]["items"]][0] == \
        "A (content/posts/a.md:12) \u2192 posts/gone"
    (site / "content/posts/b.md").write_text("+++\ntitle = \"B\"\n+++\n[nope](/posts/nope/)\n")
    assert qagraph.build(site, out=out).build_info.incremental
    patched = json.loads((out / "report.json").read_text())["health"]
    assert patched == health(qagraph.build(site, out=cold, cache=False).graph)
    assert [x["line"] for x in patched["outside_links"]["links"]] == [12, 4, 7, 5]
    qa = tmp_path / "qa"
    write_article(qa, "biology/cells.md", article_text(
        "What is a cell?", url_of("biology", "cells"),
        related=[{"id": 99, "title": "Gone?", "subject": "Biology", "url": url_of("biology", "gone")}]))
    [link] = health(qagraph.build(qa).graph)["outside_links"]["links"]
    lines = (qa / "biology/cells.md").read_text().splitlines()
    assert lines[link["line"] - 1] == "related_article1:"


def _hugo_tags_site(site: Path) -> None:
    """A Hugo site whose pages write a malformed tag (``<b>x</b>``, ``2023``) and the category
    ``Dev`` as ``dev``, in each way front matter writes them: a YAML list one item a line, a flow
    list, one text; with a byte-order mark and CRLF line ends; in TOML and JSON."""
    write_site(site, {
        "hugo.toml": 'title = "T"\n',
        "content/posts/a.md": "---\ntitle: A\ndescription: >\n  folded\n  text\ntags:\n  - go\n\n  - \"<b>x</b>\"\n"
                              "  - 2023\ncategories:\n  - dev\n---\nText.\n",
        "content/posts/b.md": "---\ntitle: B\ntags: [go, <b>x</b>]\ncategories: Dev\n---\nText.\n",
        "content/posts/c.md": "+++\ntitle = \"C\"\ncategories = [\"Dev\"]\ntags = [\"go\", \"2023\"]\n+++\nText.\n",
        "content/posts/d.md": '{\n  "title": "D",\n  "categories": ["Dev"],\n  "tags": ["go"]\n}\nText.\n',
    })
    (site / "content/posts/e.md").write_bytes(b"\xef\xbb\xbf---\r\ntitle: E\r\ncategories: [dev]\r\ntags:\r\n"
                                              b"- Go\r\n- 2023\r\n---\r\nText.\r\n")


def test_a_keyword_or_subject_finding_names_the_line_each_file_writes_it_on(tmp_path):
    """A malformed keyword, or a keyword or subject spelled another way, named the files that write
    it but no line (the keyword spellings named no file at all): an editor had to look for it in
    each. Each article now comes with the line (the front matter's ``---`` is line 1): of the item of
    a YAML list written one a line, else of the field's key (a flow list, one text, TOML, JSON); in
    the graph's findings, a stored build's and a patched build's alike, and in the text shown."""
    import sqlite3

    from qagraph.database import health_facts
    from qagraph.health import health_summary

    site = tmp_path / "site"
    _hugo_tags_site(site)
    out, cold = tmp_path / "out", tmp_path / "cold"
    whole = health(qagraph.build(site, out=out).graph)
    malformed = {k["label"]: [(a["path"].rpartition("/")[2], a["line"]) for a in k["articles"]]
                 for k in whole["malformed_keywords"]["keywords"]}
    assert malformed == {"2023": [("a.md", 10), ("c.md", 4), ("e.md", 6)], "<b>x</b>": [("a.md", 9), ("b.md", 3)]}
    [go] = whole["keyword_spellings"]["keywords"]
    assert [(a["path"].rpartition("/")[2], a["spelling"], a["line"]) for a in go["articles"]] == [("e.md", "Go", 5)]
    [dev] = whole["subject_spellings"]["subjects"]
    assert [(a["path"].rpartition("/")[2], a["spelling"], a["line"]) for a in dev["articles"]] == [
        ("a.md", "dev", 12), ("e.md", "dev", 3)]
    con = sqlite3.connect(out / "qagraph.db")
    try:
        assert findings(health_facts(con)) == whole
    finally:
        con.close()
    summary = health_summary(whole)
    assert summary["malformed_keywords"]["items"][0][0] == \
        "\u201c2023\u201d: is only a number (content/posts/a.md:10 and 2 more)"
    assert summary["keyword_spellings"]["items"][0][0] == "go: \u201cGo\u201d (1), \u201cgo\u201d (4) (content/posts/e.md:5)"
    assert summary["subject_spellings"]["items"][0][0] == "Dev: Dev (3), dev (2) (content/posts/a.md:12 and 1 more)"
    # lines added above the fields in one file, and the tag moved in another: patched as a cold build
    a = site / "content/posts/a.md"
    a.write_text(a.read_text().replace("title: A\n", "title: A\nauthor: Ann\nweight: 3\n"))
    e = site / "content/posts/e.md"
    e.write_bytes(e.read_bytes().replace(b"- Go\r\n- 2023\r\n", b"- 2023\r\n\r\n- Go\r\n"))
    assert qagraph.build(site, out=out).build_info.incremental
    patched = json.loads((out / "report.json").read_text())["health"]
    assert patched == health(qagraph.build(site, out=cold, cache=False).graph)
    assert [a["line"] for a in patched["subject_spellings"]["subjects"][0]["articles"]] == [14, 3]
    assert [a["line"] for a in patched["keyword_spellings"]["keywords"][0]["articles"]] == [7]
