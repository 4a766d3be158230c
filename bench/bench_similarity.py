"""Similarity at scale: a cold build, saving and loading the state, and one-article updates.

    python bench/bench_similarity.py                  # 36,000 articles, median of 3
    python bench/bench_similarity.py --sizes 36000,100000 --repeat 5 --check

Everything runs in one fresh process per corpus (the parse floor in another, as in
bench/common.py), with the cyclic GC off as ``qagraph.build`` runs it:

* former: the similarity stage as graph.py ran it before (keyword ids, the IDF cosine
  of bench/eval_similarity.py, edge tuples), plus the df count graph.py did earlier;
* build + edges: :class:`qagraph.similarity.SimilarityIndex` built from the articles
  and its edges listed (what a cold build needs);
* save, load: the state written to and read from a folder;
* edit / add / delete: one article changed on a freshly loaded state, the update
  alone; with ``--check`` the edges are then compared with a cold build's.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import common  # noqa: E402


def child(corpus: Path, repeat: int, check: bool) -> dict:
    from eval_similarity import baseline

    from qagraph.load import load_corpus as load
    from qagraph.similarity import Doc, SimilarityIndex, same_question_pairs

    articles = load(corpus).articles
    gc.collect()
    gc.disable()
    times: dict[str, list[float]] = {}

    def timed(name, fn, *args, **kwargs):
        start = time.perf_counter()
        out = fn(*args, **kwargs)
        times.setdefault(name, []).append(time.perf_counter() - start)
        return out

    def former():
        edges = baseline(articles)
        return [("article:" + u, "article:" + v, "similar", {"kind": "similar", "weight": w, "shared": s})
                for (u, v), (w, s) in edges.items()]

    folder = Path(tempfile.mkdtemp(prefix="qagraph-sim-"))
    target = articles[len(articles) // 3]
    edited = Doc(target.key, (*target.keyword_keys[:-1], "a keyword nobody else has"), target.question)
    added = Doc("/learn/new/questions/added", tuple(articles[7].keyword_keys[:6]) + tuple(articles[11].keyword_keys[:5]),
                "A question never asked?")
    removed = articles[len(articles) // 2].key
    result: dict = {}
    for _ in range(repeat):
        timed("former", former)
        index = timed("build", SimilarityIndex.build, articles)
        edges = timed("list edges", index.edges)
        timed("same-question pairs", same_question_pairs, articles)
        timed("same-question pairs (index)", index.same_question_pairs)
        timed("save", index.save, folder)
        timed("load", SimilarityIndex.load, folder)
        for name, kwargs in (("edit", {"changed": [edited]}), ("add", {"changed": [added]}), ("delete", {"removed": [removed]})):
            state = SimilarityIndex.load(folder)
            changes = timed(name, state.update, **kwargs)
            result[f"{name} rows"] = changes.rows
            result[f"{name} edges changed"] = len(changes.added) + len(changes.removed) + len(changes.changed)
            if check:
                docs = {a.key: a for a in articles}
                for doc in kwargs.get("changed", []):
                    docs[doc.key] = doc
                for key in kwargs.get("removed", []):
                    del docs[key]
                assert state.edges() == SimilarityIndex.build(docs.values()).edges(), f"{name}: not the cold build's edges"
                result[f"{name} checked"] = True
        del index
    result.update({name: round(statistics.median(values), 4) for name, values in times.items()})
    result["edges"] = len(edges)
    result["articles"] = len(articles)
    result["state bytes"] = (folder / "similarity.npz").stat().st_size
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="36000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help="compare every update with a cold build")
    parser.add_argument("--corpora", type=Path, default=common.CORPORA)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    results = []
    for n in (int(x) for x in args.sizes.split(",")):
        corpus = common.ensure_corpus(n, args.corpora)
        floor = common.floor(corpus)
        run = common.run_child(__file__, str(corpus), str(args.repeat), "1" if args.check else "0")
        run["floor"] = round(floor["seconds"], 3)
        results.append(run)
        print(f"## {n} articles (floor {floor['seconds']:.2f} s, median of {args.repeat})\n")
        print("| step | seconds | x floor |\n|---|---:|---:|")
        steps = ("former", "build", "list edges", "same-question pairs", "same-question pairs (index)", "save", "load",
                 "edit", "add", "delete")
        for step in steps:
            print(f"| {step} | {run[step]:.3f} | {run[step] / floor['seconds']:.3f} |")
        print(f"\n{run['edges']} edges; state {run['state bytes'] / 1e6:.1f} MB; rows recomputed: edit {run['edit rows']}, "
              f"add {run['add rows']}, delete {run['delete rows']}" + ("; updates equal a cold build" if args.check else "") + "\n")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__" and sys.argv[1:2] == ["_child"]:
    print(json.dumps(child(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1")))
elif __name__ == "__main__":
    sys.exit(main())
