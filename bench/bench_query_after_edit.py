"""The first SPARQL query after an edit, this checkout against another git revision, in the same run.

    python bench/bench_query_after_edit.py --baseline REF [--rounds 2] [--articles 36000]

What a user editing one article and querying the result waits for: an article's keyword list is
edited (one keyword added), the build is patched, and the first ``qagraph query`` answers; then
the edit is undone, and the same again. Each tree (this checkout, and REF checked out into a
temporary worktree) has its own build folder of a copy of the generated corpus, built cold and
queried once first (its store made from the parts, not timed); then, alternating the trees on
the same edits, each build and each first query runs in a fresh process of that tree: seconds
and peak memory (VmHWM). The answers, a count of every statement, must be the same for both.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
from pathlib import Path

import common

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

#: a build, then a query, each timed, in a fresh process of one tree
CHILD = r"""
import json, sys, time
import qagraph
start = time.perf_counter()
kg = qagraph.build(sys.argv[1], out=sys.argv[2])
built = time.perf_counter() - start
from qagraph.rdf import sparql
start = time.perf_counter()
answer = sparql(sys.argv[2], sys.argv[3]).values()[0]["n"]
queried = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")), None)
print(json.dumps({"build": built, "query": queried, "answer": answer, "peak": peak,
                  "patched": bool(kg.build_info.incremental), "qagraph": qagraph.__file__}))
"""


def edit(article: Path, original: str, on: bool) -> None:
    text = original.replace("page_keywords: >-\n    ", "page_keywords: >-\n    a keyword added to one article, ", 1) if on else original
    article.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", required=True, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=2, help="edits (each undone) per tree")
    parser.add_argument("--articles", type=int, default=36000)
    args = parser.parse_args()

    with common.baseline_checkout(args.baseline, "query") as (work, base):
        content = work / "content"
        shutil.copytree(common.ensure_corpus(args.articles), content)
        article = sorted(content.rglob("*.md"))[len(list(content.rglob("*.md"))) // 2]
        original = article.read_text(encoding="utf-8")
        assert "page_keywords: >-\n    " in original, article
        trees = {"baseline": base, "this": ROOT}
        builds = {name: work / f"build-{name}" for name in trees}
        for name, tree in trees.items():
            common.fresh_bytecode(tree)
            first = common.run_in_tree(tree, CHILD, str(content), str(builds[name]), QUERY)
            print(f"{name:<8} cold build {first['build']:6.1f} s, first query (store made) {first['query']:6.1f} s",
                  flush=True)
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for round_ in range(args.rounds):
            for on in (True, False):
                edit(article, original, on)
                order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
                for name in order:
                    result = common.run_in_tree(trees[name], CHILD, str(content), str(builds[name]), QUERY)
                    assert result["patched"], f"{name}: the build after the edit was not patched"
                    runs[name].append(result)
                    print(f"round {round_} {'edit' if on else 'undo'} {name:<8} build {result['build']:6.2f} s   "
                          f"first query {result['query']:6.2f} s   peak {result['peak']:6.0f} MiB   "
                          f"{result['answer']:,} statements", flush=True)
        for i in range(len(runs["this"])):
            assert runs["this"][i]["answer"] == runs["baseline"][i]["answer"], "the trees' answers differ"
        median = {name: {key: statistics.median(r[key] for r in rs) for key in ("build", "query")}
                  for name, rs in runs.items()}
        for name, rs in runs.items():
            print(f"{name:<8} median build {median[name]['build']:.2f} s, first query {median[name]['query']:.2f} s, "
                  f"peak {min(r['peak'] for r in rs):.0f}-{max(r['peak'] for r in rs):.0f} MiB")
        for key in ("build", "query"):
            print(f"{key}: this / {args.baseline}: {median['this'][key] / median['baseline'][key]:.2f}")
        out = HERE / "out"
        out.mkdir(exist_ok=True)
        (out / "query_after_edit.json").write_text(json.dumps({"baseline": args.baseline, "runs": runs}, indent=2) + "\n")


if __name__ == "__main__":
    main()
