"""qagraph.rdf.iri: flat, valid, stable IRIs under a base the user sets."""

from __future__ import annotations

from urllib.parse import unquote

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

from qagraph.errors import QagraphError
from qagraph.rdf.iri import DEFAULT_BASE_IRI, IRIs, check_base_iri, segment

BASE = "https://example.org/kb/"
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)


def test_article_iris_are_stable_from_run_to_run():
    """Pinned: changing these breaks every link users stored."""
    iris = IRIs(DEFAULT_BASE_IRI)
    assert iris.article("/learn/psychology/questions/what-is-adlerian-therapy") == (
        "https://qagraph.example/id/article/learn%2Fpsychology%2Fquestions%2Fwhat-is-adlerian-therapy")
    assert iris.answer("/learn/psychology/questions/x") == "https://qagraph.example/id/answer/learn%2Fpsychology%2Fquestions%2Fx"
    assert iris.subject("computer-science") == "https://qagraph.example/id/subject/computer-science"
    assert iris.keyword("graph theory") == "https://qagraph.example/id/keyword/graph%20theory"
    assert iris.similarity("/a", "/b") == "https://qagraph.example/id/similarity/e384b558f943419a45bd"
    assert iris.scheme("keywords") == "https://qagraph.example/id/scheme/keywords"
    assert iris.graph("content") == "https://qagraph.example/id/graph/content"
    assert iris.dataset == "https://qagraph.example/id/dataset"


@pytest.mark.parametrize("key", ["/learn/a/questions/b", "folder/file", "/x/y/z/", "a b/c#d?e"])
def test_iris_are_flat_no_path_after_the_id(key):
    iris = IRIs(BASE)
    for iri in (iris.article(key), iris.answer(key), iris.keyword(key), iris.subject(key), iris.similarity(key, "k")):
        kind, _, rest = iri[len(BASE):].partition("/")
        assert kind and "/" not in rest and "#" not in rest and "?" not in rest, iri


def test_urls_and_url_less_keys_never_share_an_iri():
    iris = IRIs(BASE)
    assert iris.article("/a/b") != iris.article("a/b")
    assert iris.article("/~x") != iris.article("x")
    assert iris.article("a/b").startswith(BASE + "article/~")


@given(texts)
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_valid_iri_that_decodes_back(text):
    iri = IRIs(BASE).keyword(text)
    ox.NamedNode(iri)
    assert rdflib.URIRef(iri).n3() == f"<{iri}>"
    assert iri.isascii() and not set(iri) & set(' "<>\\^`{|}')
    assert unquote(iri[len(BASE + "keyword/"):]) == text


@given(texts, texts)
def test_segments_are_injective(a, b):
    assert (segment(a) == segment(b)) == (a == b)


def test_dot_segments_and_odd_characters_are_encoded():
    assert segment(".") == "%2E" and segment("..") == "%2E%2E" and segment("...") == "..."
    assert segment("~") == "%7E" and segment("%") == "%25" and segment("#") == "%23"
    assert segment("\ud800") == "%ED%A0%80"  # a lone surrogate still gives a valid IRI
    ox.NamedNode(BASE + segment("\ud800"))


@pytest.mark.parametrize("base, message", [
    ("example.org/kb/", "not absolute"),
    ("https://example.org/kb", "must end with '/' or '#'"),
    ("https://example.org/k b/", "contains ' '"),
    ("https://example.org/<kb>/", "contains '<'"),
])
def test_a_bad_base_iri_is_refused_with_a_reason(base, message):
    with pytest.raises(QagraphError, match=message):
        check_base_iri(base)


@pytest.mark.parametrize("base", ["https://example.org/kb/", "https://example.org/kb#", "urn:example:kb/", "https://例え.jp/"])
def test_any_absolute_base_ending_in_slash_or_hash_works(base):
    iri = IRIs(base).article("/learn/x/questions/y")
    ox.NamedNode(iri)
    assert iri.startswith(base)


def test_node_ids_map_to_their_iris():
    iris = IRIs(BASE)
    assert iris.node("article:/learn/a/questions/b") == iris.article("/learn/a/questions/b")
    assert iris.node("subject:cs") == iris.subject("cs")
    assert iris.node("keyword:c++") == BASE + "keyword/c%2B%2B"
    with pytest.raises(QagraphError, match="unknown kind"):
        iris.node("thing:x")
