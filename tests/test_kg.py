"""qagraph.kg: the Python API's queries."""

from __future__ import annotations

import pytest

from conftest import url_of
from qagraph import QagraphError
from qagraph.ids import article_node, keyword_node, subject_node

CELLS = article_node(url_of("biology", "cells"))
MITOSIS = article_node(url_of("biology", "mitosis"))
DNA = article_node(url_of("biology", "dna"))
GRAPHS = article_node(url_of("computer-science", "graphs"))
TREES = article_node(url_of("computer-science", "trees"))


def test_name_an_article_by_url_node_or_id(small_kg):
    assert small_kg.article(url_of("biology", "cells")) == CELLS
    assert small_kg.article(CELLS) == CELLS
    assert small_kg.article(1) == small_kg.article("1") == CELLS
    assert small_kg.article(url_of("biology", "cells") + "/") == CELLS


def test_ambiguous_and_unknown_ids_say_so(small_kg):
    with pytest.raises(QagraphError, match=r"id 4 is ambiguous: 2 articles have it \(/learn/computer-science"):
        small_kg.article(4)
    with pytest.raises(QagraphError, match="no article has id 999"):
        small_kg.article(999)
    with pytest.raises(QagraphError, match="no article '/nope'"):
        small_kg.related("/nope")


def test_related_in_link_order_and_linked_from(small_kg):
    assert small_kg.related(1) == [MITOSIS, GRAPHS, article_node(url_of("biology", "not-in-corpus"))]
    assert small_kg.linked_from(CELLS) == [MITOSIS]


def test_similar_best_first(small_kg):
    found = small_kg.similar(GRAPHS, k=5)
    assert found[0][0] == TREES
    weights = [w for _, w, _ in found]
    assert weights == sorted(weights, reverse=True)
    assert small_kg.similar(GRAPHS, k=0) == []


def test_keywords_and_subjects(small_kg):
    assert small_kg.keywords_of(DNA) == [keyword_node(k) for k in ("dna", "chromosomes", "genes", "biology")]
    assert small_kg.articles_of_keyword("BIOLOGY") == sorted([CELLS, MITOSIS, DNA])
    assert small_kg.articles_of_subject("Computer science") == [GRAPHS, TREES]
    assert small_kg.articles_of_subject("biology") == sorted([CELLS, MITOSIS, DNA])
    assert small_kg.top_subjects(1) == [(subject_node("biology"), 3)]
    assert small_kg.top_keywords(3)[0][1] == 3
    with pytest.raises(QagraphError, match="no keyword"):
        small_kg.articles_of_keyword("astronomy")


def test_neighbourhood(small_kg):
    one = small_kg.neighbourhood(CELLS, hops=1, kinds=["related"])
    assert set(one) == {CELLS, MITOSIS, GRAPHS, article_node(url_of("biology", "not-in-corpus"))}
    assert all(k == "related" for _, _, k in one.edges(keys=True))
    two = small_kg.neighbourhood(CELLS, hops=2, kinds=["related"])
    assert TREES in two
    assert set(small_kg.neighbourhood(CELLS, hops=0)) == {CELLS}
    with pytest.raises(QagraphError, match="unknown edge kind"):
        small_kg.neighbourhood(CELLS, kinds=["friends"])


def test_path_between_articles(small_kg):
    path = small_kg.path(DNA, TREES)
    assert path[0] == DNA and path[-1] == TREES
    for u, v in zip(path, path[1:]):
        assert small_kg.article_graph.has_edge(u, v)


def test_find_by_title_words(small_kg):
    assert small_kg.find("what is") == sorted([CELLS, DNA, GRAPHS, TREES])
    assert small_kg.find("TREE") == [TREES]
    assert small_kg.find("") == []


def test_counts_add_up_and_report(small_kg):
    counts = small_kg.counts
    assert counts["files"] == counts["articles"] + counts["rejected"] == 5
    assert counts["ignored_files"] == 1
    assert counts["stubs"] == 1
    assert counts["nodes"]["article"] == 5
    assert sum(counts["edges"].values()) == small_kg.graph.number_of_edges()
    report = small_kg.report()
    assert report["counts"] == counts and report["problems"] == [] and report["rejected"] == []
