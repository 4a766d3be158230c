"""qagraph.kg: the Python API's queries, on a graph in memory and on a stored build alike."""

from __future__ import annotations

import os

import pytest

from conftest import url_of
from qagraph import QagraphError
from qagraph.errors import UsageError
from qagraph.ids import article_node, keyword_node, subject_node

CELLS = article_node(url_of("biology", "cells"))
MITOSIS = article_node(url_of("biology", "mitosis"))
DNA = article_node(url_of("biology", "dna"))
GRAPHS = article_node(url_of("computer-science", "graphs"))
TREES = article_node(url_of("computer-science", "trees"))


def test_name_an_article_by_url_node_or_id(any_kg):
    assert any_kg.article(url_of("biology", "cells")) == CELLS
    assert any_kg.article(CELLS) == CELLS
    assert any_kg.article(1) == any_kg.article("1") == CELLS
    assert any_kg.article(url_of("biology", "cells") + "/") == CELLS
    # its page's address copied from a browser, as a related link may write it
    assert any_kg.article("https://quicktakes.example" + url_of("biology", "cells") + "?ref=related") == CELLS
    assert any_kg.article("//quicktakes.example" + url_of("biology", "cells") + "/") == CELLS


def test_ambiguous_and_unknown_ids_say_so(any_kg):
    with pytest.raises(QagraphError, match=r"id 4 is ambiguous: 2 articles have it \(/learn/computer-science"):
        any_kg.article(4)
    with pytest.raises(QagraphError, match="no article has id 999"):
        any_kg.article(999)
    with pytest.raises(QagraphError, match="no article '/nope'"):
        any_kg.related("/nope")


@pytest.mark.parametrize("stored", [False, True])
def test_name_an_article_as_its_corpus_links_name_it(tmp_path, stored):
    """A note by its name (any case), a page by its url field, page path or file path,
    whatever the preset: what the message for an unknown name suggests, on a build in memory
    or stored alike."""
    import qagraph
    from conftest import FIXTURES

    def kg(name):
        built = qagraph.build(FIXTURES / name, out=tmp_path / name)
        return qagraph.open(tmp_path / name) if stored else built

    vault = kg("obsidian")
    assert vault.article("Meeting notes") == vault.article("02 - Work/Meeting notes.md")  # the shorter path first
    assert vault.article("Meeting notes") != vault.article("02 - Work/Archive/2022/Meeting notes.md")
    assert vault.article("weekly REVIEW") == vault.article("02 - Work/Weekly review.md")
    assert vault.article("Ally") == "article:Ally"  # the stub of [[Ally]]: a vault's link names no note by alias
    assert vault.related("2024-01-05") == vault.related("Daily/2024-01-05")
    with pytest.raises(QagraphError, match=r"no article 'Nobody' \(name it note name, e\.g\. "):
        vault.article("Nobody")
    site = kg("hugo")
    license = site.article("/license/")
    assert site.node(license)["title"] == "License"
    assert site.article("about/license.md") == site.article("about/license") == site.article("License") == license
    assert site.article("https://docs.example.org/functions/where/") == site.article("functions/where")  # its site
    with pytest.raises(QagraphError, match=r"name it page path, e\.g\. about/license\)"):  # not the home page, "/"
        site.article("nope")
    blog = kg("jekyll")  # a post by the dated url Jekyll publishes it at
    assert blog.article("/2018/05/03/bash-loop-over-files.html") == blog.article(
        "_posts/2018/2018-05-03-bash-loop-over-files.md")


@pytest.mark.parametrize("stored", [False, True])
def test_a_file_path_names_its_own_file_first(tmp_path, stored):
    """Two files whose paths differ only in case or in Unicode normalisation, or a path with "#"
    or "?" (which a link's path drops): the path as the build lists it names that file, not the
    first that a link's lookup would fold it to."""
    import unicodedata

    import qagraph
    from conftest import write_article

    notes = tmp_path / "notes"
    cafe = "caf\u00e9"
    names = {"Case.md": "Upper", "case.md": "Lower", f"{unicodedata.normalize('NFD', cafe)}.md": "Decomposed",
             f"{cafe}.md": "Composed", "#hash%25?q.md": "Odd"}
    for name, title in names.items():
        write_article(notes, f"topic/{name}", f"---\ntitle: {title}\ntags: [t]\n---\n")
    built = qagraph.build(notes, preset="generic", out=tmp_path / "out")
    kg = qagraph.open(tmp_path / "out") if stored else built
    assert len(kg.articles) == len(names)
    for name, title in names.items():
        assert kg.node(kg.article(f"topic/{name}"))["title"] == title, name


@pytest.mark.parametrize("stored", [False, True])
def test_a_note_whose_name_starts_or_ends_with_a_space_is_named_by_its_node(tmp_path, stored):
    """The node id as :attr:`articles` lists it was stripped before it was looked up: no article had it."""
    import qagraph
    from conftest import write_article

    notes = tmp_path / "vault"
    (notes / ".obsidian").mkdir(parents=True)
    write_article(notes, "d/Trail .md", "---\ntags: [t]\n---\n[[ Lead]]\n")
    write_article(notes, "d/ Lead.md", "---\ntags: [t]\n---\nx\n")
    built = qagraph.build(notes, out=tmp_path / "out")
    kg = qagraph.open(tmp_path / "out") if stored else built
    assert sorted(kg.articles) == ["article:d/ Lead", "article:d/Trail "]
    assert [kg.article(n) for n in sorted(kg.articles)] == sorted(kg.articles)
    assert kg.related("article:d/Trail ") == kg.related("d/Trail .md") != []


@pytest.mark.parametrize("stored", [False, True])
def test_a_note_named_as_a_stub_is_named_first(tmp_path, stored):
    """``[w](../A.md)`` in a folder's A.md names no file (the stub ``A``), ``[[A]]`` the note: ``A``
    named the stub, whose related links are none, and ``path A C`` said "not stubs"; the stub is
    still named by its node id, and one no note shares a name with by its own."""
    import qagraph
    from conftest import write_article

    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    write_article(vault, "n/A.md", "---\ntags: [t]\n---\n[w](../A.md) [[C]] [[Gone]]\n")
    write_article(vault, "n/C.md", "---\ntags: [t]\n---\nx\n")
    built = qagraph.build(vault, out=tmp_path / "out")
    kg = qagraph.open(tmp_path / "out") if stored else built
    assert kg.node("article:A")["kind"] == "stub"
    assert kg.article("A") == kg.article("a") == "article:n/A"
    assert kg.related("A") == ["article:A", "article:n/C", "article:Gone"]
    assert kg.article("article:A") == "article:A"
    assert kg.article("Gone") == "article:Gone"


@pytest.mark.parametrize("stored", [False, True])
def test_a_note_named_by_a_number_is_named_by_it_when_no_article_has_that_id(tmp_path, stored):
    """A vault's 2024.md (a year's note; 404.md, -1.md), which its [[2024]] links name: ``2024`` was
    taken for an id alone, and "no article has id 2024" though none has ids. A number names the
    article with that id, and else the note or page it names as any other name does."""
    import qagraph
    from conftest import write_article

    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    write_article(vault, "journal/2024.md", "---\ntags: [t]\n---\nSee [[Goals]]\n")
    write_article(vault, "journal/-1.md", "---\ntags: [t]\n---\nx\n")
    write_article(vault, "journal/Goals.md", "---\ntags: [t]\n---\nBack to [[2024]], [[-1]]\n")
    built = qagraph.build(vault, out=tmp_path / "out")
    kg = qagraph.open(tmp_path / "out") if stored else built
    assert kg.article("2024") == kg.article(" 2024 ") == "article:journal/2024"
    assert kg.article("-1") == "article:journal/-1"
    assert kg.related("Goals") == ["article:journal/2024", "article:journal/-1"]
    assert kg.related("2024") == ["article:journal/Goals"]
    with pytest.raises(QagraphError, match="^no article has id 7$"):
        kg.article("7")


@pytest.mark.parametrize("stored", [False, True])
def test_an_alias_that_several_notes_have_names_none_of_them(tmp_path, stored):
    """Two notes of a vault go by the alias Property (``Property (HTML).md``, ``Property (Philosophy).md``), as
    Obsidian's quick switcher lists both: ``qagraph related Property`` answered for one of them, saying
    nothing of the other. It says which notes have it, as a shared title or id does; an alias one note
    alone has, or a note's own name that is another's alias, still names it."""
    import re

    import qagraph
    from conftest import write_article

    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    write_article(vault, "Web/Property (HTML).md", "---\naliases: [Property, attribute]\n---\nSee [[Tag]]\n")
    write_article(vault, "Philosophy/Property (Philosophy).md", "---\naliases: [Property, Tag]\n---\nx\n")
    write_article(vault, "Web/Tag.md", "---\naliases: [element]\n---\nx\n")
    built = qagraph.build(vault, out=tmp_path / "out")
    kg = qagraph.open(tmp_path / "out") if stored else built
    with pytest.raises(QagraphError, match=re.escape("2 articles have the alias 'property' (Philosophy/Property "
                                                     "(Philosophy).md, Web/Property (HTML).md); name one by its path")):
        kg.article("property")
    assert kg.article("Attribute") == "article:Web/Property (HTML)"
    assert kg.article("Tag") == "article:Web/Tag"


def test_an_unknown_name_lists_the_articles_titled_with_its_words(any_kg):
    """A name that is no article's but words of some titles (``related "cell"``, the title half
    remembered) was answered with how to name one only; the articles titled so are listed (three),
    each by the name the commands take and its title."""
    title = any_kg.node(CELLS)["title"]
    word = title.split()[-1].rstrip("?")
    with pytest.raises(QagraphError) as raised:
        any_kg.article(word.lower() + " ")
    message = str(raised.value)
    assert "(name it url, e.g. " in message and f"; titled so: {url_of('biology', 'cells')} ({title})" in message
    with pytest.raises(QagraphError) as nothing:
        any_kg.article("zzyzx")
    assert "titled so" not in str(nothing.value)


def test_name_an_article_by_its_title_when_one_article_has_it(any_kg):
    import re

    import qagraph
    from conftest import CONTENT

    assert any_kg.article(any_kg.node(CELLS)["title"].upper()) == CELLS
    kg = qagraph.build(CONTENT)  # the same question in two subjects: two articles, one title
    titles = [kg.node(a)["title"] for a in kg.articles]
    shared = next(t for t in titles if titles.count(t) > 1)
    with pytest.raises(QagraphError, match=rf"2 articles have the title {re.escape(repr(shared))} \("):
        kg.article(shared)


def test_related_in_link_order_and_linked_from(any_kg):
    assert any_kg.related(1) == [MITOSIS, GRAPHS, article_node(url_of("biology", "not-in-corpus"))]
    assert any_kg.linked_from(CELLS) == [MITOSIS]


def test_similar_best_first(any_kg):
    found = any_kg.similar(GRAPHS, k=5)
    assert found[0][0] == TREES
    weights = [w for _, w, _ in found]
    assert weights == sorted(weights, reverse=True)
    assert any_kg.similar(GRAPHS, k=0) == []


@pytest.mark.parametrize("stored", [False, True])
def test_similar_lists_a_question_filed_under_two_subjects_once(tmp_path, stored):
    """A third article's list names one question once, by its better copy, though both copies
    rank it (the edges are both articles' rankings together): the list shows no title twice."""
    import qagraph
    from conftest import article_text, write_article

    keywords = "virus, capsid, host cell"
    for n, (subject, slug, title) in enumerate([("Biology", "what-is-a-virus", "What is a virus?"),
                                                 ("Medicine", "what-is-a-virus", "What is a virus?"),
                                                 ("Biology", "phages", "What is a bacteriophage?"),
                                                 ("Biology", "prions", "What is a prion?")], 1):
        write_article(tmp_path / "c", f"{subject.lower()}/{slug}.md",
                      article_text(title, url_of(subject.lower(), slug), id=n, subject=subject, keywords=keywords))
    built = qagraph.build(tmp_path / "c", out=tmp_path / "b")
    kg = qagraph.open(tmp_path / "b") if stored else built
    phages = kg.article(url_of("biology", "phages"))
    copies = {kg.article(url_of("biology", "what-is-a-virus")), kg.article(url_of("medicine", "what-is-a-virus"))}
    assert kg.same_question(url_of("biology", "what-is-a-virus")) == [kg.article(url_of("medicine", "what-is-a-virus"))]
    found = [node for node, _, _ in kg.similar(phages)]
    assert len(found) == 2 and len(copies & set(found)) == 1
    assert kg.article(url_of("biology", "prions")) in found
    assert [node for node, _, _ in kg.similar(phages, k=1)] == found[:1]


def test_keywords_and_subjects(any_kg):
    assert any_kg.keywords_of(DNA) == [keyword_node(k) for k in ("dna", "chromosomes", "genes", "biology")]
    assert any_kg.articles_of_keyword("BIOLOGY") == sorted([CELLS, MITOSIS, DNA])
    assert any_kg.articles_of_subject("Computer science") == [GRAPHS, TREES]
    assert any_kg.articles_of_subject("biology") == sorted([CELLS, MITOSIS, DNA])
    assert any_kg.top_subjects(1) == [(subject_node("biology"), 3)]
    assert any_kg.top_keywords(3)[0][1] == 3
    with pytest.raises(QagraphError, match="no keyword"):
        any_kg.articles_of_keyword("astronomy")


def test_neighbourhood(any_kg):
    one = any_kg.neighbourhood(CELLS, hops=1, kinds=["related"])
    assert set(one) == {CELLS, MITOSIS, GRAPHS, article_node(url_of("biology", "not-in-corpus"))}
    assert all(k == "related" for _, _, k in one.edges(keys=True))
    two = any_kg.neighbourhood(CELLS, hops=2, kinds=["related"])
    assert TREES in two
    assert set(any_kg.neighbourhood(CELLS, hops=0)) == {CELLS}
    with pytest.raises(QagraphError, match="unknown edge kind"):
        any_kg.neighbourhood(CELLS, kinds=["friends"])


def test_path_between_articles(any_kg):
    path = any_kg.path(DNA, TREES)
    assert path[0] == DNA and path[-1] == TREES
    for u, v in zip(path, path[1:]):
        assert any_kg.article_graph.has_edge(u, v)


def test_find_by_title_words(any_kg):
    assert any_kg.find("what is") == sorted([CELLS, DNA, GRAPHS, TREES])
    assert any_kg.find("TREE") == [TREES]
    assert any_kg.find("") == []


def test_find_refuses_a_negative_limit(any_kg):
    """A negative limit cut the list from its end: the last matches were dropped, unsaid."""
    assert any_kg.find("what is", limit=None) == any_kg.find("what is")
    assert any_kg.find("what is", limit=0) == []
    with pytest.raises(QagraphError, match="limit"):
        any_kg.find("what is", limit=-1)


def test_counts_add_up_and_report(any_kg):
    counts = any_kg.counts
    assert counts["files"] == counts["articles"] + counts["rejected"] == 5
    assert counts["ignored_files"] == 1
    assert counts["stubs"] == 1
    assert counts["nodes"]["article"] == 5
    assert sum(counts["edges"].values()) == any_kg.graph.number_of_edges()
    report = any_kg.report()
    assert report["counts"] == counts and report["problems"] == [] and report["rejected"] == []
    without = any_kg.report(health=False)  # what a command that shows no finding reads
    assert {k: v for k, v in report.items() if k != "health"} == {k: v for k, v in without.items() if k != "health"}


def test_a_stored_builds_findings_are_read_only_when_asked_for(small_corpus, tmp_path):
    import qagraph

    qagraph.build(small_corpus, out=tmp_path / "out")
    kg = qagraph.open(tmp_path / "out")
    assert "health" not in kg.report(health=False) and kg.report(health=False)["counts"] == kg.counts
    assert isinstance(kg.report()["health"], dict)


def _answers(kg, tmp_path=None):
    """Every query method's answer on every article, keyword and subject of ``kg``."""
    import itertools

    out = {"counts": kg.counts, "problems": [str(p) for p in kg.problems],
           "articles": kg.articles, "top_keywords": kg.top_keywords(50), "top_subjects": kg.top_subjects(50),
           "suggest": [kg.suggest(), kg.suggest(k=1, max_related=3)]}  # before kg.graph: a stored build's own
    nodes = sorted(kg.graph.nodes)
    out["nodes"] = {n: (kg.node(n), kg.label(n)) for n in nodes}
    for a in kg.articles:
        data = kg.node(a)
        out[a] = (
            kg.related(a), kg.linked_from(a), kg.similar(a, 10), kg.same_question(a), kg.links(a),
            kg.keywords_of(a), kg.find(data["title"]),
            sorted(kg.neighbourhood(a, hops=1).edges(keys=True, data=True)),
            sorted(kg.neighbourhood(a, hops=2, kinds=["related", "similar"]).nodes(data=True)),
            sorted(kg.subgraph([a], context=True).edges(keys=True, data=True)),
        )
        for ref in filter(None, (data.get("url"), data.get("id"))):
            try:
                out[f"ref {ref}"] = kg.article(ref)
            except QagraphError as exc:
                out[f"ref {ref}"] = str(exc)
    for n in nodes:
        kind = kg.node(n)["kind"]
        if kind == "keyword":
            out[n] = kg.articles_of_keyword(kg.label(n))
        elif kind == "subject":
            out[n] = [kg.articles_of_subject(label) for label in kg.node(n)["labels"]]
    for a, b in itertools.islice(itertools.combinations(kg.articles, 2), 0, None, 7):
        try:
            out[f"path {a} {b}"] = kg.path(a, b)
        except QagraphError as exc:
            out[f"path {a} {b}"] = str(exc)
    return out


@pytest.mark.parametrize("corpus", ["content", "broken"])
def test_open_answers_like_build(corpus, tmp_path):
    """The stored build gives the answer the graph in memory gives, for every query method."""
    import qagraph
    from conftest import CONTENT, FIXTURES

    root = CONTENT if corpus == "content" else FIXTURES / "broken"
    built = qagraph.build(root, out=tmp_path / "out")
    opened = qagraph.open(tmp_path / "out")
    assert opened.build_dir == tmp_path / "out"
    assert _answers(opened) == _answers(built)
    assert nx_equal(opened.graph, built.graph)


@pytest.mark.parametrize("bulk_after", [0, 3, 10_000])
def test_paths_of_a_stored_build_read_link_by_link_or_all_at_once(tmp_path, monkeypatch, bulk_after):
    """A path search in a stored build switches from one query per article to every link at once:
    the same paths either way, and the same link weights as the graph in memory."""
    import qagraph
    import qagraph.kg
    from conftest import CONTENT
    from qagraph.kinds import link_kinds

    monkeypatch.setattr(qagraph.kg, "_BULK_AFTER", bulk_after)
    built = qagraph.build(CONTENT, out=tmp_path / "out")
    opened = qagraph.open(tmp_path / "out")
    kinds = [k.name for k in link_kinds()]
    every = opened._source.db.all_link_weights(kinds)
    memory = built._source.link_weights(kinds)
    articles = sorted(n for n, d in built.graph.nodes(data="kind") if d == "article")
    assert {n: every.get(n, {}) for n in articles} == {n: memory(n) for n in articles}
    for a in articles[::5]:
        for b in articles[::7]:
            try:
                expected = built.path(a, b)
            except QagraphError as exc:
                with pytest.raises(QagraphError, match=str(exc)):
                    opened.path(a, b)
                continue
            assert opened.path(a, b) == expected


def nx_equal(a, b):
    return (sorted(a.nodes(data=True)) == sorted(b.nodes(data=True))
            and sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))
            and a.graph == b.graph)


def test_open_is_lazy_about_the_graph(tmp_path):
    """Opening reads no node table in full: the graph is loaded on first use only."""
    import qagraph
    from conftest import CONTENT

    qagraph.build(CONTENT, out=tmp_path / "out")
    kg = qagraph.open(tmp_path / "out")
    assert kg._source._graph is None
    kg.related(165309)
    assert kg._source._graph is None
    assert kg.graph.number_of_nodes() > 0 and kg._source._graph is not None


def test_a_graph_used_after_it_was_closed_says_so_not_that_the_build_is_damaged(small_corpus, tmp_path):
    """A stored graph queried after ``kg.close()`` (or past its ``with`` block) said "the build
    database is damaged (ProgrammingError: Cannot operate on a closed database.); build again":
    the build was sound, and building again changed nothing. It says the graph was closed."""
    import qagraph

    out = tmp_path / "build"
    qagraph.build(small_corpus, out=out)
    with qagraph.open(out) as kg:
        assert kg.related(CELLS)
    for query in (lambda: kg.related(CELLS), lambda: kg.similar(CELLS), lambda: kg.find("cell"),
                  lambda: kg.neighbourhood(CELLS), lambda: kg.graph):
        with pytest.raises(qagraph.UsageError) as raised:
            query()
        assert str(raised.value) == (f"{out / 'qagraph.db'}: this graph was closed (kg.close(), or the end of its "
                                     "with block): open the build again to query it")
    kg.close()  # twice: nothing more
    again = qagraph.open(out)
    assert again.related(CELLS)


def test_a_closed_graph_still_gives_its_report_and_health_findings(small_corpus, tmp_path):
    """The database's meta values are read when first asked for; what a closed graph answered when
    every one was read at the opening (its report, with the health findings) it still answers."""
    import qagraph

    out = tmp_path / "build"
    qagraph.build(small_corpus, out=out)
    with qagraph.open(out) as kg:
        pass
    with qagraph.open(out) as open_kg:
        expected = open_kg.report()
    assert kg.report() == expected and expected["health"] is not None


def test_sparql_answers_from_the_build_the_graph_was_opened_on_after_another_is_put_in_place(small_corpus, tmp_path):
    """A graph opened on a build answers every query from that build, also once a new build of an
    edited content is put in its folder (its database stays open): sparql alone answered from the
    new build's RDF, so that kg.sparql named a title that kg.node did not. It answers from the graph
    it was opened on; a graph opened again answers from the new build."""
    import qagraph

    out = tmp_path / "build"
    qagraph.build(small_corpus, out=out, site_url="https://example.org", rdf_similarity="full")
    kg = qagraph.open(out)
    node = kg.article(url_of("biology", "cells"))
    title = kg.node(node)["title"]
    everything = "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o"
    as_built = kg.sparql(everything).values()
    kg._stores.clear()  # as a graph not asked yet, opened on the build that is put in place below
    query = "SELECT ?t { ?q a schema:Question ; schema:identifier 1 ; schema:name ?t }"
    page = next(small_corpus.rglob("cells.md"))
    page.write_text(page.read_text(encoding="utf-8").replace(title, "Renamed cells"), encoding="utf-8")
    qagraph.build(small_corpus, out=out, site_url="https://example.org", rdf_similarity="full")
    assert [row["t"] for row in kg.sparql(query).values()] == [title] == [kg.node(node)["title"]]
    assert kg.sparql(everything).values() == as_built  # the RDF the build wrote, its site and similarity
    assert [row["t"] for row in qagraph.open(out).sparql(query).values()] == ["Renamed cells"]


def test_sparql_of_a_graph_a_build_returned_answers_about_that_build_after_another_is_put_in_place(
        small_corpus, tmp_path):
    """The graph qagraph.build(content, out=...) returns (held in memory, not opened on the build)
    answered SPARQL from whatever build its folder held: once another build of an edited content was
    put in place, kg.sparql named a title kg.node did not. It answers about its own build, as a graph
    opened on a build does, with the RDF the build wrote (its site and similarity detail)."""
    import qagraph

    out = tmp_path / "build"
    kg = qagraph.build(small_corpus, out=out, site_url="https://example.org", rdf_similarity="full", cache=False)
    assert not kg.build_info.up_to_date and kg.build_dir == out
    node = kg.article(url_of("biology", "cells"))
    title = kg.node(node)["title"]
    everything = "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o"
    as_built = kg.sparql(everything).values()
    kg._stores.clear()  # as a graph not asked yet
    query = "SELECT ?t { ?q a schema:Question ; schema:identifier 1 ; schema:name ?t }"
    page = next(small_corpus.rglob("cells.md"))
    page.write_text(page.read_text(encoding="utf-8").replace(title, "Renamed cells"), encoding="utf-8")
    qagraph.build(small_corpus, out=out, site_url="https://example.org", rdf_similarity="full")
    assert [row["t"] for row in kg.sparql(query).values()] == [title] == [kg.node(node)["title"]]
    assert kg.sparql(everything).values() == as_built
    assert [row["t"] for row in qagraph.open(out).sparql(query).values()] == ["Renamed cells"]


def test_open_refuses_what_is_not_a_build(tmp_path):
    import sqlite3

    import qagraph

    with pytest.raises(qagraph.OutputError, match="no qagraph build"):
        qagraph.open(tmp_path)
    (tmp_path / "qagraph.db").write_bytes(b"not a database")
    with pytest.raises(qagraph.OutputError, match="not a qagraph build database"):
        qagraph.open(tmp_path)
    (tmp_path / "qagraph.db").unlink()
    con = sqlite3.connect(tmp_path / "qagraph.db")  # another program's: was "built by qagraph None ..."
    con.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    con.commit()
    con.close()
    with pytest.raises(qagraph.OutputError, match="not a qagraph build database: its meta table names no schema"):
        qagraph.open(tmp_path)


def test_open_of_a_build_without_its_database_says_why_not_that_there_is_no_build(small_corpus, tmp_path):
    """qagraph.open of a build made without its database (outputs=("rdf",)), or whose database was
    removed since, said "no qagraph build in ...; run qagraph build first": there is one, and building
    it again the same way changes nothing. It says what the build lacks, and where its RDF answers."""
    import qagraph

    qagraph.build(small_corpus, out=tmp_path / "rdf", outputs=("rdf",))
    with pytest.raises(qagraph.OutputError, match=r"the build in .*rdf has no database \(it was built without it: "
                                                  r"outputs without 'database', or --only\): build it again with the "
                                                  r"database to open it; its RDF answers SPARQL as it is: "
                                                  r"qagraph\.rdf\.sparql\("):
        qagraph.open(tmp_path / "rdf")
    qagraph.build(small_corpus, out=tmp_path / "html", outputs=("html",))
    with pytest.raises(qagraph.OutputError, match=r"has no database .* to open it$"):
        qagraph.open(tmp_path / "html")
    qagraph.build(small_corpus, out=tmp_path / "lost")
    (tmp_path / "lost" / "qagraph.db").unlink()
    with pytest.raises(qagraph.OutputError, match=r"the build in .*lost has lost its database"):
        qagraph.open(tmp_path / "lost")


def test_repr_is_one_line_and_html_summary(small_kg):
    text = repr(small_kg)
    assert "\n" not in text and len(text) < 200 and "5 articles" in text
    html = small_kg._repr_html_()
    assert "<table>" in html and "Biology" in html and "articles" in html


@pytest.mark.parametrize("damage", [
    "DROP VIEW edges_named; DROP TABLE edges",
    "UPDATE nodes SET data = '{not json' WHERE kind = 'article'",
    "UPDATE meta SET value = '{not json' WHERE key = 'report'",
    "UPDATE meta SET value = '{not json' WHERE key = 'schema_version'",
    # not JSON from its first character: the scanner's StopIteration was an internal error (exit 70)
    "UPDATE meta SET value = 'not json' WHERE key = 'schema_version'",
    "UPDATE nodes SET data = 'not json' WHERE kind = 'article'",
    "DROP TABLE articles",
    # JSON of another kind than a build writes: an internal error (exit 70, "'list' object has no attribute 'items'")
    "UPDATE nodes SET data = '[1]' WHERE kind = 'article'",
    "UPDATE nodes SET data = '5' WHERE kind = 'article'",
    "UPDATE edges SET data = '[1]' WHERE kind IN ('similar', 'related')",
    "UPDATE articles SET keywords = '7'",
    "UPDATE articles SET extra = '[1]'",
])
def test_a_build_database_damaged_by_hand_is_an_output_error(small_corpus, tmp_path, damage):
    """A database edited by hand (a table dropped, a JSON value cut) opened, then failed in the first
    query with an internal error (exit 70, "a bug in qagraph"); it is an output error naming the file,
    which says to build again (exit 3), from Python and from the command line."""
    import sqlite3

    from click.testing import CliRunner

    import qagraph
    from qagraph.cli import cli

    out = tmp_path / "build"
    qagraph.build(small_corpus, out=out)
    con = sqlite3.connect(out / "qagraph.db")
    con.executescript(damage)
    con.commit()
    con.close()
    with pytest.raises(qagraph.OutputError, match="damaged.*build again") as raised:
        kg = qagraph.open(out)
        kg.related(url_of("biology", "cells"))
        kg.similar(url_of("biology", "cells"))
        kg.find("cell")
        kg.graph
    assert "qagraph.db" in str(raised.value)
    for args in (["related", "1"], ["similar", "1"], ["stats"], ["suggest"], ["path", "1", "2"], ["find", "cell"],
                 ["view", "1", "-o", os.devnull], ["export", "-f", "json", "-o", os.devnull]):
        result = CliRunner().invoke(cli, [*args, "-b", str(out), "-q"])
        assert result.exit_code in (0, 3) and "internal error" not in result.output, (args, result.output)
        assert result.exit_code == 0 or "damaged" in result.stderr, (args, result.stderr)  # stats may need no table


@pytest.mark.parametrize("key, value", [
    ("report", "[1]"), ("report", '"a text"'), ("report", '{"counts": "x"}'), ("report", '{"counts": {"nodes": 3}}'),
    ("report", '{"counts": {}, "settings": []}'), ("report", '{"counts": {}, "graph": 1}'),
    ("health", "[1, 2]"), ("health", '"a text"'),
])
def test_a_build_database_whose_meta_value_is_json_of_another_shape_is_an_output_error(small_corpus, tmp_path, key,
                                                                                      value):
    """A meta value edited by hand into JSON of another shape than the build writes (a list or a text
    for the report or the health findings, counts that are no mapping) made stats and health fail
    with an internal error (exit 70: "AttributeError: 'list' object has no attribute 'items'", "a bug
    in qagraph"). It is a damaged database, said as one (exit 3), as JSON that is cut short is."""
    import sqlite3

    from click.testing import CliRunner

    import qagraph
    from qagraph.cli import cli

    out = tmp_path / "build"
    qagraph.build(small_corpus, out=out)
    con = sqlite3.connect(out / "qagraph.db")
    con.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    con.commit()
    con.close()
    with pytest.raises(qagraph.OutputError, match="damaged.*build again") as raised:
        qagraph.open(out).report()
    assert str(raised.value).startswith(f"{out / 'qagraph.db'}: ")
    if key == "health":  # read by the commands that show the findings only
        assert CliRunner().invoke(cli, ["stats", "-b", str(out), "-q"]).exit_code == 0
    for args in ([["stats"]] if key == "report" else []) + [["health"], ["health", "--json"]]:
        result = CliRunner().invoke(cli, [*args, "-b", str(out), "-q"])
        assert result.exit_code == 3 and "internal error" not in result.output, (args, result.output)
        assert result.stderr.startswith(f"qagraph: {out / 'qagraph.db'}: the build database is damaged"), result.stderr


@pytest.mark.parametrize("stored", [False, True])
def test_a_name_that_is_not_utf8_is_unknown_or_the_file_it_spells(tmp_path, stored):
    """A shell passes bytes that are not UTF-8 (a file name from a glob, a Latin-1 terminal) as
    surrogates; SQLite and the SPARQL store refuse those, and every lookup failed with "internal error:
    UnicodeEncodeError". They name nothing, but the path of a file whose name is not UTF-8 (or holds a
    tab), which names that file as the build shows it (with \\x escapes)."""
    import os

    import qagraph
    from conftest import article_text, write_article

    content = tmp_path / "content"
    write_article(content, "bio/a.md", article_text("A?", url_of("bio", "a"), id=1, keywords="x, y"))
    write_article(content, "bio/b.md", article_text("B?", url_of("bio", "b"), id=2, keywords="x, y"))
    write_article(content, "bio/t\tab.md", article_text("T?", url_of("bio", "t"), id=3, keywords="x, y"))
    os.rename(os.fsencode(content / "bio" / "b.md"), os.fsencode(content) + b"/bio/b\xff.md")
    kg = qagraph.build(content, out=tmp_path / "build")
    if stored:
        kg = qagraph.open(tmp_path / "build")
    raw = os.fsdecode(b"bio/b\xff.md")
    assert kg.article(raw) == kg.article("bio/b\\xff.md") == article_node(url_of("bio", "b"))
    assert kg.article(os.fsdecode(os.fsencode(content) + b"/bio/b\xff.md")) == article_node(url_of("bio", "b"))
    assert kg.article("bio/t\tab.md") == article_node(url_of("bio", "t"))
    for call in (kg.article, kg.related, kg.similar, kg.keyword, kg.subject, kg.articles_of_keyword,
                 kg.articles_of_subject):
        with pytest.raises(qagraph.UsageError, match="no "):
            call("caf\udce9")
    with pytest.raises(qagraph.UsageError, match="not valid UTF-8"):
        kg.sparql('ASK { ?s ?p "caf\udce9" }')


@pytest.mark.parametrize("stored", [False, True])
def test_a_file_the_build_left_out_is_said_so_when_named(tmp_path, stored):
    """``qagraph related biology/plain.md`` on a file the build rejected (no front matter, a FIFO) or
    skipped said only "no article"; it says which, with the file's problem and line."""
    import qagraph
    from conftest import article_text, write_article

    content = tmp_path / "content"
    write_article(content, "bio/a.md", article_text("A?", url_of("bio", "a"), id=1))
    write_article(content, "bio/plain.md", "no front matter here\n")
    kg = qagraph.build(content, out=tmp_path / "build")
    if stored:
        kg = qagraph.open(tmp_path / "build")
    with pytest.raises(qagraph.UsageError, match=r"^no article 'bio/plain\.md': the build rejected bio/plain\.md, "
                                                 r"line 1: no front matter"):
        kg.article("bio/plain.md")
    with pytest.raises(qagraph.UsageError, match=r"^no article 'bio/other\.md' \(name it"):
        kg.article("bio/other.md")


@pytest.mark.parametrize("stored", [False, True])
def test_a_page_of_a_mounted_folder_goes_by_the_names_the_site_gives_it(tmp_path, stored):
    """A page of a folder a Hugo site mounts into its content (Dapr's SDK docs) is named as a ref names
    it there (``go``, the mount's folder, not ``go-sdk-docs``) and by its own file's path. Before, the
    build's lookup knew it by its file's folder only: ``qagraph related go`` found nothing."""
    import qagraph
    from conftest import write_article

    repo = tmp_path / "repo"
    write_article(repo, "site/hugo.toml", 'baseURL = "https://kiln.example"\n[module]\n'
                  '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
                  '[[module.mounts]]\nsource = "../vendor/go-sdk-docs"\ntarget = "content/sdks/go"\n')
    write_article(repo, "site/content/intro.md", "---\ntitle: Intro\n---\n")
    write_article(repo, "vendor/go-sdk-docs/_index.md", "---\ntitle: Go SDK\n---\nSee {{< ref intro >}}.\n")
    built = qagraph.build(repo, out=tmp_path / "out")
    kg = qagraph.open(tmp_path / "out") if stored else built
    assert kg.article("go") == kg.article("vendor/go-sdk-docs/_index.md") == article_node("sdks/go")


def test_a_much_linked_articles_neighbourhood_is_read_in_batches(tmp_path):
    """The neighbourhood of an article 300 others link to, and its subgraph with context (what
    ``qagraph view`` draws), were read from a stored build with one query or two per node (a
    view of an article with 5,000 linkers took seconds): they are read in batches, and are what
    the graph in memory gives."""
    import qagraph
    from qagraph.kinds import link_kinds

    from conftest import hub_corpus

    hub = hub_corpus(tmp_path / "content")
    built = qagraph.build(tmp_path / "content", out=tmp_path / "out")
    opened = qagraph.open(tmp_path / "out")
    kinds = [k.name for k in link_kinds()]
    queries = []
    opened._source.db.con.set_trace_callback(queries.append)
    near = opened.neighbourhood(hub, hops=1, kinds=kinds)
    local = opened.subgraph(near.nodes, kinds=kinds, context=True)
    opened._source.db.con.set_trace_callback(None)
    assert nx_equal(near, built.neighbourhood(hub, hops=1, kinds=kinds))
    assert nx_equal(local, built.subgraph(near.nodes, kinds=kinds, context=True))
    assert len(near) > 300 and len(local) > 600
    assert len(queries) < 60, len(queries)
    two = opened.neighbourhood(hub, hops=2, kinds=kinds)
    assert nx_equal(two, built.neighbourhood(hub, hops=2, kinds=kinds))


def test_sparql_of_a_graph_built_in_memory_has_the_rdf_settings_it_was_built_with(small_corpus, tmp_path):
    """qagraph.build(content, base_iri=..., site_url=..., rdf_similarity="full") without ``out``
    answered kg.sparql with the defaults: IRIs under qagraph.example, no schema:url and no
    qa:Similarity record, where the same call with ``out`` answers with them. A graph in memory
    answers as its build folder would."""
    import qagraph

    settings = {"base_iri": "https://kb.example.org/id/", "site_url": "https://example.org",
                "rdf_similarity": "full"}
    everything = "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o"
    in_memory = qagraph.build(small_corpus, **settings)
    stored = qagraph.build(small_corpus, out=tmp_path / "build", **settings)
    assert in_memory.sparql(everything).values() == stored.sparql(everything).values()
    weights = "SELECT (COUNT(*) AS ?n) { ?r a qa:Similarity ; qa:weight ?w }"
    assert in_memory.sparql(weights).values() == [{"n": in_memory.counts["edges"]["similar"]}]
    assert in_memory.sparql("ASK { ?q schema:url <https://example.org/learn/biology/questions/cells> }").boolean
    assert in_memory.report()["settings"]["base_iri"] == settings["base_iri"]


@pytest.mark.parametrize("outputs", [("rdf",), ("html", "report")])
def test_a_build_up_to_date_without_its_database_returns_its_graph(small_corpus, tmp_path, outputs):
    """qagraph.build(content, out=..., outputs=...) without the database, run a second time (a
    notebook cell run again: nothing changed, nothing written) returned an empty graph: no article,
    kg.counts["articles"] a KeyError, SPARQL counting 0 questions. It returns the graph the first
    call did, made when it is first asked for."""
    import qagraph

    first = qagraph.build(small_corpus, out=tmp_path / "build", outputs=outputs)
    again = qagraph.build(small_corpus, out=tmp_path / "build", outputs=outputs)
    assert again.build_info.up_to_date and not again.build_info.written
    assert again.counts == first.counts and again.articles == first.articles
    assert again.similar(CELLS) == first.similar(CELLS) and again.related(CELLS) == first.related(CELLS)
    assert again.report(health=False)["settings"] == first.report(health=False)["settings"]
    count = "SELECT (COUNT(*) AS ?n) { ?q a schema:Question }"
    assert again.sparql(count).values() == first.sparql(count).values() == [{"n": len(first.articles)}]


def test_a_user_script_checked_with_mypy_strict_sees_the_types_of_the_answers(tmp_path):
    """kg.sparql(...) was typed ``Any`` (and kg.build_info too), so ``mypy --strict`` of a user's
    script let ``kg.sparql(q).value()`` (no such method) or ``.rows`` used as dicts pass. They are
    the SparqlResult the call returns and the BuildInfo a build with ``out`` sets."""
    api = pytest.importorskip("mypy.api")
    script = tmp_path / "user.py"
    script.write_text(
        "import qagraph\n"
        "kg = qagraph.open('build')\n"
        "reveal_type(kg.sparql('ASK {}'))\n"
        "reveal_type(kg.build_info)\n"
        "kg.sparql('SELECT ?s { ?s ?p ?o }').value()\n", encoding="utf-8")
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", os.devnull, str(script)])
    assert 'Revealed type is "qagraph.rdf.query.SparqlResult"' in out, out
    assert 'Revealed type is "Union[qagraph.pipeline.BuildInfo, None]"' in out \
        or 'Revealed type is "qagraph.pipeline.BuildInfo | None"' in out, out
    assert '"SparqlResult" has no attribute "value"' in out and status == 1, out


def test_one_edge_kind_named_as_a_string_is_that_kind(any_kg):
    """kinds="related" (a str is an iterable of str, so the type check lets it pass) was read letter
    by letter: "unknown edge kind(s): r, e, l, a, t, d". It is the one kind, as kinds=["related"]."""
    assert any_kg.links(CELLS, kinds="related") == any_kg.links(CELLS, kinds=["related"]) != []
    one = any_kg.neighbourhood(CELLS, kinds="related")
    assert sorted(one.edges(keys=True)) == sorted(any_kg.neighbourhood(CELLS, kinds=["related"]).edges(keys=True))
    assert {k for _, _, k in one.edges(keys=True)} == {"related"}
    assert sorted(any_kg.subgraph(list(one), kinds="related").edges(keys=True)) == sorted(one.edges(keys=True))
    assert {k for _, _, k in any_kg.to_networkx(kinds="similar").edges(keys=True)} == {"similar"}
    with pytest.raises(QagraphError, match=r"unknown edge kind\(s\): friends \("):
        any_kg.links(CELLS, kinds="friends")


def test_an_article_is_named_by_a_numpy_integer_and_a_wrong_type_says_what_is_expected(any_kg):
    """A column of ids (numpy, pandas) holds numpy integers, which are no ``int``: kg.related(ids[0])
    raised AttributeError ("'numpy.int64' object has no attribute 'strip'"), and so did None or a
    float. A numpy integer names the article its value does; anything else but text is the
    library's UsageError saying what names an article, keyword or subject."""
    np = pytest.importorskip("numpy")
    assert any_kg.article(np.int64(1)) == any_kg.article(1) == CELLS
    assert any_kg.related(np.array([1, 2])[0]) == any_kg.related(1)
    for wrong in (None, 1.0, [1]):
        with pytest.raises(QagraphError, match=rf"an article is named by text .* or an integer .*, not "
                                               rf"{type(wrong).__name__} "):
            any_kg.related(wrong)
    with pytest.raises(QagraphError, match="a keyword is named by text, not NoneType None"):
        any_kg.articles_of_keyword(None)
    with pytest.raises(QagraphError, match="a subject is named by text, not int 3"):
        any_kg.articles_of_subject(3)


def test_a_node_a_text_or_a_query_of_another_type_says_what_is_expected(any_kg):
    """kg.node(None), kg.label(None) and kg.find(None) raised AttributeError from deep inside
    ("'NoneType' object has no attribute 'encode'"), kg.sparql(None) a TypeError of a regular
    expression: each is the library's UsageError saying what it takes, as article() says it."""
    for call, said in ((lambda: any_kg.node(None), "a node is named by its node id or IRI, not NoneType None"),
                       (lambda: any_kg.label(7), "a node is named by its node id, not int 7"),
                       (lambda: any_kg.find(None), "find\\(\\) looks for the words of a text, not NoneType None"),
                       (lambda: any_kg.sparql(None), "a SPARQL query is text, not NoneType None")):
        with pytest.raises(QagraphError, match=said):
            call()


def test_a_negative_number_of_answers_is_refused_as_find_and_suggest_refuse_it(any_kg):
    """kg.similar(x, k=-1) and kg.top_keywords(-1) answered [] where kg.find(limit=-1) and
    kg.suggest(k=-1) raise: a negative count (a slice's "all but the last") is a UsageError in each."""
    for call in (lambda: any_kg.similar(CELLS, k=-1), lambda: any_kg.top_keywords(-1),
                 lambda: any_kg.top_subjects(-2), lambda: any_kg.find("cell", limit=-1),
                 lambda: any_kg.suggest(k=-1)):
        with pytest.raises(QagraphError, match=r"must be 0 or more"):
            call()
    assert any_kg.similar(CELLS, k=0) == any_kg.top_keywords(0) == []


def test_sparql_of_a_closed_graph_says_it_was_closed_as_its_other_queries_do(small_corpus, tmp_path):
    """kg.sparql kept answering after kg.close() (or past the with block), from the store it had
    opened, where every other query says the graph was closed (as the README says): close() lets
    the stores go, and sparql says so too."""
    import qagraph

    out = tmp_path / "build"
    qagraph.build(small_corpus, out=out)
    with qagraph.open(out) as kg:
        assert kg.sparql("ASK { ?q a schema:Question }").boolean
    assert not kg._stores
    with pytest.raises(qagraph.UsageError, match=r"this graph was closed \(kg.close\(\)"):
        kg.sparql("ASK { ?q a schema:Question }")
    assert qagraph.open(out).sparql("ASK { ?q a schema:Question }").boolean


def test_the_report_of_a_graph_built_in_memory_has_the_health_findings_a_build_folder_has(small_corpus, tmp_path):
    """kg.report()["health"] of qagraph.build(content) (no out) was None, where the same content
    built into a folder, or opened from it, gives the findings (unlinked articles, links leaving the
    corpus...). They are found when first asked for, the same."""
    import qagraph

    in_memory = qagraph.build(small_corpus)
    stored = qagraph.build(small_corpus, out=tmp_path / "build")
    assert in_memory.report(health=False).get("health") is None
    assert in_memory.report()["health"] == stored.report()["health"] == qagraph.open(tmp_path / "build").report()["health"]
    assert in_memory.report()["health"]["outside_links"]["count"] == 1


def test_an_iri_of_a_sparql_answer_names_its_node_and_back(tmp_path):
    """A SPARQL answer names nodes by IRI, networkx and every method here by node id, and nothing
    went from one to the other: kg.related(iri) said "no article". kg.iri(node) and kg.node_of(iri)
    do, and article(), keyword() and subject() take an IRI; on names that are percent-encoded,
    hold "!", a "/", dots or a segment cut to a digest, with the build's own base IRI."""
    import qagraph

    notes = tmp_path / "notes"
    (notes / "a b").mkdir(parents=True)
    long_tag = "ü" * 150
    (notes / "a b" / "100% ¡sí!.md").write_text(
        f"---\ntitle: Percent\ntags: [c++, tcp/ip, '{long_tag}', shared]\n---\n[[Dots]] [[Nowhere else]]\n",
        encoding="utf-8")
    (notes / "Dots.md").write_text("---\ntitle: Dots\nurl: /a//b/./c/\ntags: [shared, '..']\n---\nx\n",
                                   encoding="utf-8")
    out = tmp_path / "build"
    built = qagraph.build(notes, out=out, preset="obsidian", base_iri="urn:x:kb/")
    for kg in (built, qagraph.open(out)):
        nodes = list(kg.graph)
        assert [kg.node_of(kg.iri(n)) for n in nodes] == nodes
        answered = {row["s"] for row in kg.sparql("SELECT DISTINCT ?s { ?s a ?type }").values()}
        named = {iri for iri in answered if "/scheme/" not in iri and not iri.endswith("#answer")}
        assert sorted(kg.node_of(iri) for iri in named) == sorted(nodes)
        percent = kg.article("a b/100% ¡sí!.md")
        assert kg.iri(percent).startswith("urn:x:kb/article/!file/a%20b/")
        assert kg.related(kg.iri(percent)) == kg.related(percent)
        assert kg.node_of(kg.iri(percent) + "#answer") == percent
        assert kg.keyword(kg.iri(kg.keyword(long_tag))) == kg.keyword(long_tag)
        assert "!" in kg.iri(kg.keyword(long_tag))  # cut to a digest
        subject = next(n for n in nodes if n.startswith("subject:"))
        assert kg.subject(kg.iri(subject)) == subject
        assert sorted(kg.neighbourhood(kg.iri(subject))) == sorted(kg.neighbourhood(subject))
        assert kg.node(kg.iri(percent)) == kg.node(percent)
        for wrong in ("urn:x:kb/article/nope", "https://qagraph.example/id/keyword/shared", "urn:x:kb/scheme/keywords"):
            with pytest.raises(QagraphError, match="no node of this graph has the IRI .* start with urn:x:kb/"):
                kg.node_of(wrong)
    site = tmp_path / "site"
    (site / "posts").mkdir(parents=True)
    (site / "_index.md").write_text("---\ntitle: Home\nurl: /\ntags: [t]\n---\nx\n", encoding="utf-8")
    (site / "posts" / "p.md").write_text("---\ntitle: P\ntags: [t, '%41']\n---\n[home](/)\n", encoding="utf-8")
    kg = qagraph.build(site, preset="hugo")
    assert kg.iri("article:/") == "https://qagraph.example/id/article/!" and kg.node_of(kg.iri("article:/")) == "article:/"
    assert kg.node_of("https://qagraph.example/id/keyword/%2541") == "keyword:%41"
    assert [kg.node_of(kg.iri(n)) for n in kg.graph] == list(kg.graph)


@pytest.mark.parametrize("out", [False, True])
def test_a_wrong_rdf_setting_is_refused_before_the_content_is_read(small_corpus, tmp_path, monkeypatch, out):
    """qagraph.build(content, rdf_similarity="ful") built a graph in memory that failed only at its first
    kg.sparql, and with out= read and linked the whole corpus first (8 s at 2,000 articles) before
    saying the word was unknown; so did formats=("xml",). Both are refused before any file is read,
    as a bad base_iri or site_url is."""
    import qagraph
    import qagraph.pipeline

    def no_reading(*args, **kwargs):
        raise AssertionError("the content was read")

    monkeypatch.setattr(qagraph.pipeline, "make_graph", no_reading)
    monkeypatch.setattr(qagraph.pipeline, "scan", no_reading)
    where = {"out": tmp_path / "build"} if out else {}
    with pytest.raises(QagraphError, match=r"unknown similarity detail 'ful' \(known: none, links, full\)"):
        qagraph.build(small_corpus, rdf_similarity="ful", **where)
    with pytest.raises(QagraphError, match=r"unknown RDF format\(s\) xml"):
        qagraph.build(small_corpus, formats=("xml",), **where)
    assert not (tmp_path / "build").exists()


@pytest.mark.parametrize("setting, said", [
    ({"max_file_size": -5}, r"max_file_size must be a number of bytes of at least 1, not -5"),
    ({"max_file_size": 0}, r"max_file_size must be a number of bytes of at least 1, not 0"),
    ({"workers": 0}, r"workers must be a number of processes of at least 1 \(or None: one per core\), not 0"),
    ({"workers": -3}, r"workers must be .*, not -3"),
])
def test_a_size_or_a_count_under_one_is_refused_as_the_command_line_refuses_it(small_corpus, setting, said):
    """qagraph.build(content, max_file_size=-5) rejected every file ("over the -5 bytes limit") and
    workers=0 or -3 built as if none were given, where the command line refuses both: a UsageError."""
    import qagraph

    with pytest.raises(QagraphError, match=said):
        qagraph.build(small_corpus, **setting)


def test_sparql_of_a_build_up_to_date_without_its_database_reads_its_rdf_not_its_content(
        small_corpus, tmp_path, monkeypatch):
    """The graph a build up to date without its database returns (outputs=("rdf",), built again)
    made itself from the content (every file parsed again) for its first kg.sparql, which its
    build's RDF answers: it answers from the build's store, with the build's settings."""
    import qagraph
    import qagraph.pipeline

    settings = {"outputs": ("rdf",), "base_iri": "urn:x:kb/", "rdf_similarity": "full"}
    first = qagraph.build(small_corpus, out=tmp_path / "build", **settings)
    everything = "SELECT ?s ?p ?o { ?s ?p ?o } ORDER BY ?s ?p ?o"
    expected = first.sparql(everything).values()

    def no_reading(*args, **kwargs):
        raise AssertionError("the content was read")

    again = qagraph.build(small_corpus, out=tmp_path / "build", **settings)
    monkeypatch.setattr(qagraph.pipeline, "make_graph", no_reading)
    assert again.build_info.up_to_date
    assert again.sparql(everything).values() == expected
    assert again.sparql("ASK { ?r a qa:Similarity ; qa:source <urn:x:kb/article/learn/biology/questions/cells> }").boolean


def test_sparql_binds_values_to_variables_as_the_query_would_write_them(any_kg):
    """A query with values to fill in (an article's IRI, a title holding quotes) answers as the same
    query with the values written in it; an answer's own terms bind again; a wrong name is said."""
    import pyoxigraph as ox

    cells = any_kg.article(url_of("biology", "cells"))
    iri = any_kg.iri(cells)
    per_article = "SELECT (COUNT(?k) AS ?n) WHERE { ?q schema:keywords ?k }"
    bound = any_kg.sparql(per_article, bindings={"q": ox.NamedNode(iri)}).values()
    assert bound == any_kg.sparql(f"SELECT (COUNT(?k) AS ?n) WHERE {{ <{iri}> schema:keywords ?k }}").values()
    assert 0 < bound[0]["n"] < any_kg.sparql(per_article).values()[0]["n"]
    title = any_kg.sparql("SELECT ?t WHERE { ?q schema:name ?t }", bindings={"q": ox.NamedNode(iri)})
    assert title.values() == [{"t": "What is a cell?"}]
    back = any_kg.sparql("SELECT ?q WHERE { ?q schema:name ?t }", bindings={"t": title.rows[0][0]}).values()
    assert [any_kg.node_of(row["q"]) for row in back] == [cells]
    assert any_kg.sparql("ASK { ?q schema:name ?t }", bindings={"t": 'What is a cell?" } #'}).boolean is False
    with pytest.raises(UsageError, match=r"no variable \?x"):
        any_kg.sparql("SELECT ?q WHERE { ?q schema:name ?t }", bindings={"x": 1})


def test_an_article_named_by_its_file_is_found_without_every_name_of_the_corpus(any_kg, small_corpus):
    """Every name the corpus's links give its articles (0.5 s of processor time at 36k) was made to find
    one by its file's path, which the build lists: the path alone is looked up now (as the build lists
    it, or inside a stored build's content folder), and the names are made only for a name that is no path."""
    assert any_kg.article("biology/cells.md") == CELLS
    if any_kg.build_dir is not None:  # (a path in its content folder, as a shell names it)
        assert any_kg.article(str(small_corpus / "computer-science" / "trees.md")) == TREES
    assert "_names" not in vars(any_kg)
    assert any_kg.article("cells") == CELLS  # a note's name: the names are made
    assert "_names" in vars(any_kg)
