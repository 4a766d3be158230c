"""Similar articles against editors' related links: the former method (baseline) and today's.

    python bench/eval_similarity.py                       # content/ and tests/fixtures/similarity-eval
    python bench/eval_similarity.py --generated 36000     # also a generated corpus (time and counts only)
    python bench/eval_similarity.py --json out.json

For each corpus and method it reports:

* recall@k: the share of related links (to articles of the corpus) found among the
  linking article's first k similar articles (by weight, then node id: what
  ``KnowledgeGraph.similar`` lists), k = 10, 5, 3; and the ceiling of any method
  built on shared keywords: the share of related links whose two ends share a keyword;
* linked@3: the share of the first three similar articles that the editor linked (either way);
* precision-like counts over every article's first 10 similar articles (its slots):
  slots resting on one shared keyword, on one keyword of 10 or more articles, on
  keywords that are all listed as ambiguous or generic (evaluation corpus only),
  slots taken by the same question under another subject; copies of a question that a list
  of 10 would show again (left out of the lists, as ``KnowledgeGraph.similar`` leaves them out);
  articles with no similar article; edges.

The generated corpus has random related links, so its recall says nothing; it is there
for the time and the counts. The baseline is the method qagraph used before (IDF
cosine, ``ln(N/df)``), copied below so that it stays comparable.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from scipy import sparse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from qagraph.load import load_corpus as load  # noqa: E402
from qagraph.model import Article  # noqa: E402
from qagraph.normalize import question_key  # noqa: E402
from qagraph.similarity import SimilarityConfig, similar_edges  # noqa: E402

EVAL = ROOT / "tests" / "fixtures" / "similarity-eval"

Edges = dict[tuple[str, str], tuple[float, tuple[str, ...]]]


# -- the baseline: qagraph's similarity before the banded weights (commit bc7aa13), unchanged --------


def baseline_pairs(keyword_sets, df, top_k=10, max_df=100, min_score=0.05):
    n = len(keyword_sets)
    if n < 2 or top_k <= 0:
        return []
    df_arr = np.asarray(df, dtype=np.float64)
    idf = np.log(n / np.maximum(df_arr, 1.0))
    usable = (df_arr >= 1) & (df_arr <= max_df)
    usable_list = usable.tolist()
    indptr = np.zeros(n + 1, dtype=np.int64)
    cols: list[int] = []
    for i, kws in enumerate(keyword_sets):
        cols.extend(k for k in kws if usable_list[k])
        indptr[i + 1] = len(cols)
    indices = np.asarray(cols, dtype=np.int32)
    data = idf[indices]
    row_of = np.repeat(np.arange(n), np.diff(indptr))
    norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=n))
    with np.errstate(divide="ignore", invalid="ignore"):
        data = np.where(norms[row_of] > 0, data / norms[row_of], 0.0)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(n, len(df_arr)))
    matrix.eliminate_zeros()
    right = matrix.T.tocsr()
    k = top_k
    pair_keys, pair_scores = [], []
    for start in range(0, n, 4096):
        product = (matrix[start : start + 4096] @ right).tocsr()
        product.sort_indices()
        block = product.tocoo()
        local = block.row.astype(np.int64)
        rows = local + start
        cols_ = block.col.astype(np.int64)
        vals = block.data
        keep = (rows != cols_) & (vals >= min_score - 1e-12) & (vals > 0)
        local, rows, cols_, vals = local[keep], rows[keep], cols_[keep], vals[keep]
        order = np.argsort(local * 2.0 - np.round(vals, 11), kind="stable")
        rows, cols_, vals = rows[order], cols_[order], vals[order]
        first = np.searchsorted(rows, rows, side="left")
        top = (np.arange(len(rows)) - first) < k
        rows, cols_, vals = rows[top], cols_[top], vals[top]
        lo, hi = np.minimum(rows, cols_), np.maximum(rows, cols_)
        pair_keys.append(lo * n + hi)
        pair_scores.append(vals)
    if not pair_keys:
        return []
    keys_all = np.concatenate(pair_keys)
    scores_all = np.concatenate(pair_scores)
    unique_keys, index = np.unique(keys_all, return_index=True)
    unique_scores = np.minimum(np.round(scores_all[index], 4), 1.0)
    first, second = np.divmod(unique_keys, n)
    present = sparse.csr_matrix((np.ones(len(indices), dtype=np.int8), indices, indptr), shape=(n, len(df_arr)))
    both = present[first].multiply(present[second]).tocsr()
    both.sort_indices()
    flat = both.indices.tolist()
    bounds = both.indptr.tolist()
    return [(i, j, s, tuple(flat[bounds[p] : bounds[p + 1]]))
            for p, (i, j, s) in enumerate(zip(first.tolist(), second.tolist(), unique_scores.tolist()))]


def baseline(articles: list[Article]) -> Edges:
    """What graph.py built with the former similarity: ids in key order, as it numbered them."""
    counts: dict[str, int] = {}
    for a in articles:
        for k in a.keyword_keys:
            counts[k] = counts.get(k, 0) + 1
    vocabulary = sorted(counts)
    index = {k: i for i, k in enumerate(vocabulary)}
    pairs = baseline_pairs([[index[k] for k in a.keyword_keys] for a in articles], [counts[k] for k in vocabulary])
    edges: Edges = {}
    for i, j, w, shared in pairs:
        u, v = sorted((articles[i].key, articles[j].key))
        edges[u, v] = (w, tuple(vocabulary[k] for k in shared))
    return edges


def today(articles: list[Article], config: SimilarityConfig = SimilarityConfig()) -> Edges:
    return {(e.source, e.target): (e.weight, e.shared) for e in similar_edges(articles, config)}


# -- measures -------------------------------------------------------------------------------------


def related_targets(articles: list[Article]) -> dict[str, set[str]]:
    """Each article's related links to articles of the corpus (by url, else by a unique id), itself left out."""
    by_url = {a.url: a.key for a in articles if a.url}
    by_id: dict[int, list[str]] = defaultdict(list)
    for a in articles:
        if a.id is not None:
            by_id[a.id].append(a.key)
    targets: dict[str, set[str]] = {}
    for a in articles:
        found = set()
        for link in a.related:
            key = by_url.get(link.url) if link.url else None
            if key is None and not link.url and link.id is not None and len(by_id[link.id]) == 1:
                key = by_id[link.id][0]
            if key is not None and key != a.key:
                found.add(key)
        targets[a.key] = found
    return targets


def evaluate(articles: list[Article], edges: Edges, ambiguous: set[str] | None) -> dict[str, float | int]:
    keys = [a.key for a in articles]
    keywords = {a.key: set(a.keyword_keys) for a in articles}
    df: dict[str, int] = defaultdict(int)
    for a in articles:
        for k in a.keyword_keys:
            df[k] += 1
    questions = {a.key: question_key(a.question) for a in articles}
    ranked: dict[str, list[tuple[float, str, tuple[str, ...]]]] = defaultdict(list)
    for (u, v), (w, shared) in edges.items():
        ranked[u].append((-w, v, shared))
        ranked[v].append((-w, u, shared))
    for lists in ranked.values():
        lists.sort()
    # a question filed under several subjects shown once, by its best copy, as KnowledgeGraph.similar
    # lists it; the copies a list would show again, counted before they are left out
    repeated = 0
    for a, lists in ranked.items():
        asked: set[str] = set()
        kept = []
        for entry in lists:
            q = questions[entry[1]]
            if q and q in asked:
                repeated += len(kept) < 10
                continue
            asked.add(q)
            kept.append(entry)
        lists[:] = kept
    related = related_targets(articles)
    linked = {k: set(t) for k, t in related.items()}
    for k, targets in related.items():
        for t in targets:
            linked[t].add(k)

    out: dict[str, float | int] = {}
    total = sum(len(t) for t in related.values())
    for k in (10, 5, 3):
        found = sum(len(related[a] & {v for _, v, _ in ranked[a][:k]}) for a in keys)
        out[f"recall@{k}"] = round(found / total, 3) if total else 0.0
    reachable = sum(1 for a in keys for t in related[a] if keywords[a] & keywords[t])
    out["ceiling (share a keyword)"] = round(reachable / total, 3) if total else 0.0
    top3 = [(a, v) for a in keys for _, v, _ in ranked[a][:3]]
    out["linked@3"] = round(sum(v in linked[a] for a, v in top3) / len(top3), 3) if top3 else 0.0
    slots = [(a, v, shared) for a in keys for _, v, shared in ranked[a][:10]]
    n = len(slots) or 1
    out["top-10 slots"] = len(slots)
    out["one keyword"] = round(sum(len(s) == 1 for _, _, s in slots) / n, 3)
    out["one keyword of df>=10"] = round(sum(len(s) == 1 and df[s[0]] >= 10 for _, _, s in slots) / n, 3)
    if ambiguous is not None:
        out["ambiguous/generic only"] = round(sum(all(k in ambiguous for k in s) for _, _, s in slots) / n, 3)
    out["same question"] = sum(1 for a, v, _ in slots if questions[a] and questions[a] == questions[v])
    out["a question again in a list of 10"] = repeated
    out["no similar article"] = sum(1 for a in keys if not ranked[a])
    out["edges"] = len(edges)
    return out


def run(name: str, folder: Path, ambiguous: set[str] | None) -> dict:
    result = load(folder)
    articles = result.articles
    report = {"corpus": name, "articles": len(articles), "methods": {}}
    for method, fn in (("baseline", baseline), ("today", today)):
        start = time.perf_counter()
        edges = fn(articles)
        seconds = time.perf_counter() - start
        report["methods"][method] = {"seconds": round(seconds, 3), **evaluate(articles, edges, ambiguous)}
    return report


def table(report: dict) -> str:
    methods = report["methods"]
    names = list(methods)
    lines = [f"### {report['corpus']} ({report['articles']} articles)", "",
             "| measure | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
    for measure in methods[names[0]]:
        lines.append(f"| {measure} | " + " | ".join(str(methods[m].get(measure, "")) for m in names) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--generated", type=int, action="append", default=[],
                        help="also a generated corpus of this many articles (bench/corpora/N, made if missing)")
    parser.add_argument("--corpora", type=Path, default=None, help="where generated corpora are kept (default bench/corpora)")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    ambiguous = {line.strip() for line in (EVAL / "ambiguous-keywords.txt").read_text().splitlines()
                 if line.strip() and not line.startswith("#")}
    reports = [run("content/ (bundled)", ROOT / "content", None),
               run("tests/fixtures/similarity-eval", EVAL / "content", ambiguous)]
    for n in args.generated:
        import common

        folder = common.ensure_corpus(n, args.corpora or common.CORPORA)
        reports.append(run(f"generated {n} (random related links: recall is meaningless)", folder, None))
    for report in reports:
        print(table(report), end="\n\n")
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
