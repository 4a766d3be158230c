"""Shared-keyword similarity between articles, from an inverted index.

Each article is a vector over its keywords weighted by inverse document frequency
(``idf = ln(N / df)``); two articles score the cosine of their vectors. Candidate
pairs come only from the keyword -> articles index (a sparse matrix product, done in
C by scipy), never from a loop over all pairs, and:

* keywords in more than ``max_df`` articles are left out: in the real corpus (36k
  articles) the 302 keywords with df >= 100 ("problem solving", "critical thinking")
  alone create most of the 9.5 M sharing pairs and say little; ``max_df=100`` keeps
  3.1 M candidate pairs;
* each article keeps its ``top_k`` best partners (an edge stays when either end ranks
  the other in its top ``k``), so the edge count is at most ``top_k * N``;
* pairs scoring under ``min_score`` are dropped.

The edge carries the score (``weight``, rounded to 4 places) and the shared keywords.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


__all__ = ["SimilarityConfig", "similar_pairs"]


@dataclass(frozen=True)
class SimilarityConfig:
    """How similar-article edges are chosen; see the module text for the defaults."""

    top_k: int = 10
    max_df: int = 100
    min_score: float = 0.05
    method: str = "idf-cosine"

    def as_dict(self) -> dict:
        return {"method": self.method, "top_k": self.top_k, "max_df": self.max_df, "min_score": self.min_score}


_CHUNK = 4096


def similar_pairs(
    keyword_sets: Sequence[Sequence[int]], df: Sequence[int], config: SimilarityConfig = SimilarityConfig()
) -> list[tuple[int, int, float, tuple[int, ...]]]:
    """``(i, j, score, shared keyword ids)`` for the kept pairs, ``i < j``, sorted.

    ``keyword_sets[i]`` lists the keyword ids of article ``i``; ``df[k]`` is the
    number of articles that have keyword ``k``.

    >>> similar_pairs([[0, 1], [0, 1], [2]], [2, 2, 1])
    [(0, 1, 1.0, (0, 1))]
    """
    import numpy as np  # numpy and scipy cost 0.3 s to import: only builds pay it
    from scipy import sparse

    n = len(keyword_sets)
    if n < 2 or config.top_k <= 0:
        return []
    df_arr = np.asarray(df, dtype=np.float64)
    idf = np.log(n / np.maximum(df_arr, 1.0))
    usable = (df_arr >= 1) & (df_arr <= config.max_df)

    usable_list = usable.tolist()
    indptr = np.zeros(n + 1, dtype=np.int64)
    cols: list[int] = []
    for i, kws in enumerate(keyword_sets):
        cols.extend(k for k in kws if usable_list[k])
        indptr[i + 1] = len(cols)
    indices = np.asarray(cols, dtype=np.int32)
    data = idf[indices]
    # L2-normalise each row
    row_of = np.repeat(np.arange(n), np.diff(indptr))
    norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=n))
    with np.errstate(divide="ignore", invalid="ignore"):
        data = np.where(norms[row_of] > 0, data / norms[row_of], 0.0)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(n, len(df_arr)))
    matrix.eliminate_zeros()
    right = matrix.T.tocsr()

    k = config.top_k
    pair_keys: list[np.ndarray] = []
    pair_scores: list[np.ndarray] = []
    for start in range(0, n, _CHUNK):
        product = (matrix[start : start + _CHUNK] @ right).tocsr()
        product.sort_indices()  # partners in ascending order within each row
        block = product.tocoo()
        local = block.row.astype(np.int64)
        rows = local + start
        cols = block.col.astype(np.int64)
        vals = block.data
        keep = (rows != cols) & (vals >= config.min_score - 1e-12) & (vals > 0)
        local, rows, cols, vals = local[keep], rows[keep], cols[keep], vals[keep]
        # each row's best k: one stable sort on (row, score high first); equal scores keep
        # the partners' ascending order. Scores are compared rounded to 11 places, so float
        # noise in the last bits never decides; the key (2 * row in block - score, below
        # 2^13) resolves 2e-12, finer than that rounding.
        order = np.argsort(local * 2.0 - np.round(vals, 11), kind="stable")
        rows, cols, vals = rows[order], cols[order], vals[order]
        first = np.searchsorted(rows, rows, side="left")
        top = (np.arange(len(rows)) - first) < k
        rows, cols, vals = rows[top], cols[top], vals[top]
        lo, hi = np.minimum(rows, cols), np.maximum(rows, cols)
        pair_keys.append(lo * n + hi)
        pair_scores.append(vals)
    if not pair_keys:
        return []
    keys_all = np.concatenate(pair_keys)
    scores_all = np.concatenate(pair_scores)
    unique_keys, index = np.unique(keys_all, return_index=True)
    unique_scores = np.minimum(np.round(scores_all[index], 4), 1.0)

    # the shared keywords of every kept pair at once: row i AND row j of the 0/1 matrix
    first, second = np.divmod(unique_keys, n)
    present = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.int8), indices, indptr), shape=(n, len(df_arr))
    )
    both = present[first].multiply(present[second]).tocsr()
    both.sort_indices()
    flat = both.indices.tolist()
    bounds = both.indptr.tolist()
    return [
        (i, j, score, tuple(flat[bounds[p] : bounds[p + 1]]))
        for p, (i, j, score) in enumerate(zip(first.tolist(), second.tolist(), unique_scores.tolist()))
    ]
