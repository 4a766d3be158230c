"""qagraph.similarity: IDF-cosine scores from an inverted index, with df cut-off and top-k."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from qagraph.similarity import SimilarityConfig, similar_pairs


def brute_force(sets, df, config):
    """The all-pairs definition the index must agree with (small inputs only)."""
    n = len(sets)
    idf = [math.log(n / d) if d else 0.0 for d in df]
    usable = [1 <= d <= config.max_df for d in df]
    vecs = [{k: idf[k] for k in s if usable[k]} for s in sets]
    norms = [math.sqrt(sum(v * v for v in vec.values())) for vec in vecs]
    score = {}
    for i, j in itertools.combinations(range(n), 2):
        shared = set(vecs[i]) & set(vecs[j])
        if not shared or not norms[i] or not norms[j]:
            continue
        s = sum(vecs[i][k] * vecs[j][k] for k in shared) / (norms[i] * norms[j])
        if s >= config.min_score and s > 0:
            score[(i, j)] = s
    keep = set()
    for i in range(n):
        mine = sorted(((s, j if a == i else a) for (a, j), s in score.items() if i in (a, j)),
                      key=lambda t: (-round(t[0], 11), t[1]))
        for s, other in mine[: config.top_k]:
            keep.add((min(i, other), max(i, other)))
    return {pair: round(score[pair], 4) for pair in keep}


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("config", [SimilarityConfig(), SimilarityConfig(top_k=2, max_df=4, min_score=0.2)])
def test_index_agrees_with_brute_force(seed, config):
    rng = random.Random(seed)
    vocab = 40
    sets = [sorted(rng.sample(range(vocab), rng.randint(0, 6))) for _ in range(60)]
    df = [sum(k in s for s in sets) for k in range(vocab)]
    got = similar_pairs(sets, df, config)
    assert {(i, j): w for i, j, w, _ in got} == pytest.approx(brute_force(sets, df, config))
    for i, j, _, shared in got:
        assert i < j
        assert set(shared) == {k for k in set(sets[i]) & set(sets[j]) if df[k] <= config.max_df}


def test_top_k_bounds_the_edge_count():
    sets = [[0, 1, 2]] * 50  # everyone identical: all pairs tie at 1.0
    got = similar_pairs(sets, [50, 50, 50], SimilarityConfig(top_k=3, max_df=100))
    degree = [0] * 50
    for i, j, w, _ in got:
        degree[i] += 1
        degree[j] += 1
        assert w == 1.0 or w == 0.0
    assert len(got) <= 3 * 50


def test_common_keywords_are_ignored():
    sets = [[0], [0], [0, 1], [1]]
    assert [(i, j) for i, j, *_ in similar_pairs(sets, [3, 2], SimilarityConfig(max_df=2))] == [(2, 3)]


def test_deterministic():
    rng = random.Random(7)
    sets = [sorted(rng.sample(range(30), 5)) for _ in range(200)]
    df = [sum(k in s for s in sets) for k in range(30)]
    assert similar_pairs(sets, df) == similar_pairs(sets, df)


def test_nothing_to_compare():
    assert similar_pairs([], []) == []
    assert similar_pairs([[0]], [1]) == []
    assert similar_pairs([[], []], []) == []
