"""The public surface is what ``__all__`` lists, and nothing leaks by accident."""

import qagraph


def test_public_api():
    assert qagraph.__all__ == sorted(qagraph.__all__)
    assert set(qagraph.__all__) == {
        "Article", "FieldMap", "KnowledgeGraph", "LoadResult", "Problem", "QagraphError", "RelatedLink",
        "SimilarityConfig", "__version__", "article_projection", "build", "build_graph", "load_corpus",
    }
    for name in qagraph.__all__:
        assert getattr(qagraph, name) is not None


def test_errors_render_path_and_line():
    assert str(qagraph.QagraphError("bad", path="a.md", line=3)) == "a.md:3: bad"
    assert str(qagraph.QagraphError("bad", path="a.md")) == "a.md: bad"
    assert str(qagraph.Problem("a.md", 2, "odd", "x", "warning")) == "a.md:2: warning: odd"
