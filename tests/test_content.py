"""The bundled content/ builds into the graph the README promises, and its counts add up."""

from __future__ import annotations

import pytest

from qagraph import QagraphError


def test_counts(content_kg):
    counts = content_kg.counts
    assert counts["files"] == 49
    assert counts["articles"] == 49 and counts["rejected"] == 0
    assert counts["files"] == counts["articles"] + counts["rejected"]
    assert counts["nodes"] == {"article": 49, "stub": 7, "subject": 5, "keyword": counts["nodes"]["keyword"]}
    assert counts["nodes"]["keyword"] > 300
    assert counts["edges"]["subject"] == 49
    assert counts["edges"]["related"] > 100
    assert counts["edges"]["similar"] > 20
    assert counts["errors"] == 0


def test_the_quirks_are_handled(content_kg):
    G = content_kg.graph
    cs = G.nodes[content_kg.subject("computer science")]
    assert cs["labels"] == ("Computer Science", "Computer science") and cs["label"] == "Computer Science"
    with pytest.raises(QagraphError, match="id 164118 is ambiguous: 2 articles"):
        content_kg.article(164118)
    [mismatch] = content_kg.problems
    assert mismatch.code == "related-mismatch"
    assert mismatch.path == "mathematics/what-is-a-prime-number-and-why-are-there-infinitely-many.md"
    negative = content_kg.article(-167034)
    assert G.nodes[negative]["subject"] == "history"
    gradient = content_kg.article("/learn/computer-science/questions/what-is-gradient-descent-in-machine-learning")
    assert "$$\\nabla J(\\theta)$$" in G.nodes[gradient]["answer"]
    assert "\n### " in G.nodes[gradient]["answer"]
    stubs = [n for n, k in G.nodes(data="kind") if k == "stub"]
    assert all(G.nodes[s]["title"] for s in stubs)
