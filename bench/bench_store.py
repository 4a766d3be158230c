"""A build's first query, this checkout against another git revision, in the same run.

    python bench/bench_store.py --baseline REF [--rounds 2] [--articles 36000] [--build DIR]

The first ``qagraph query`` on a build makes its embedded store (``OUT/.qagraph/store/``): a bulk
load of the build's RDF part files into Oxigraph, which the first query waits for. This benchmark
builds the generated corpus once (with this checkout, into bench/out/store-<n>/build unless
``--build`` names a build folder), then, alternating the trees, removes the store and makes it
again with each tree's ``qagraph.rdf.open_store`` in a fresh process: seconds, the process's peak
memory (VmHWM) and the statements the store holds (which must be the same for both trees). The
baseline is checked out into a temporary worktree, as in bench_edit.py.

``--query "SPARQL"`` times the first query instead, as ``qagraph.rdf.sparql(build, query)`` makes the
store and answers it (the store a tree makes for it may differ: since stop 49 a query that names no
graph makes a store of the default graph alone), with the processor time of the process; the
answers, not the stores, must be the same.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import common

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: the store made in a fresh process, with the qagraph of the tree on PYTHONPATH
CHILD = r"""
import json, sys, time
import qagraph
from qagraph.rdf import open_store
start = time.perf_counter()
store = open_store(sys.argv[1])
seconds = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak = next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")), None)
print(json.dumps({"seconds": seconds, "peak": peak, "statements": len(store), "qagraph": qagraph.__file__}))
"""

#: the first query in a fresh process: the store made for it and the query answered
QUERY = r"""
import json, os, sys, time
import qagraph
from qagraph.rdf import sparql
start, cpu = time.perf_counter(), os.times()
answer = sparql(sys.argv[1], sys.argv[2])
seconds, after = time.perf_counter() - start, os.times()
with open("/proc/self/status") as status:
    peak = next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")), None)
print(json.dumps({"seconds": seconds, "cpu": after.user + after.system - cpu.user - cpu.system, "peak": peak,
                  "statements": json.dumps(answer.values(), sort_keys=True, default=str), "qagraph": qagraph.__file__}))
"""


def make_store(tree: Path, build: Path, query: str | None = None) -> dict:
    shutil.rmtree(build / ".qagraph" / "store", ignore_errors=True)
    if query is not None:
        return common.run_in_tree(tree, QUERY, str(build), query)
    return common.run_in_tree(tree, CHILD, str(build))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", required=True, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=2, help="stores made by each tree")
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--build", help="an existing build folder instead of one of the generated corpus")
    parser.add_argument("--query", help="time the first query (SPARQL) instead of open_store alone")
    args = parser.parse_args()

    if args.build:
        build = Path(args.build)
    else:
        build = HERE / "out" / f"store-{args.articles}" / "build"
        if not (build / "rdf").is_dir():
            subprocess.run([sys.executable, "-m", "qagraph", "build", "-c", str(common.ensure_corpus(args.articles)),
                            "-o", str(build)], cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
    with common.baseline_checkout(args.baseline, "store") as (work, base):
        trees = {"baseline": base, "this": ROOT}
        for tree in trees.values():
            common.fresh_bytecode(tree)
        runs: dict[str, list[dict]] = {name: [] for name in trees}
        for round_ in range(args.rounds):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for name in order:
                result = make_store(trees[name], build, args.query)
                runs[name].append(result)
                held = (f"processor {result['cpu']:7.2f} s   answer {result['statements'][:40]}" if args.query
                        else f"{result['statements']:,} statements")
                print(f"round {round_} {name:<8} {result['seconds']:7.2f} s   peak {result['peak']:6.0f} MiB   {held}",
                      flush=True)
        assert len({r["statements"] for rs in runs.values() for r in rs}) == 1, "the trees' stores (answers) differ"
        median = {name: statistics.median(r["seconds"] for r in rs) for name, rs in runs.items()}
        for name, rs in runs.items():
            print(f"{name:<8} median {median[name]:.2f} s   peak {min(r['peak'] for r in rs):.0f}-"
                  f"{max(r['peak'] for r in rs):.0f} MiB")
        print(f"first query's store: this / {args.baseline}: {median['this'] / median['baseline']:.2f}")
        if args.query:
            cpu = {name: statistics.median(r["cpu"] for r in rs) for name, rs in runs.items()}
            print(f"processor time: this {cpu['this']:.2f} s, {args.baseline} {cpu['baseline']:.2f} s: "
                  f"{cpu['this'] / cpu['baseline']:.2f}")
        out = HERE / "out"
        out.mkdir(exist_ok=True)
        (out / "store.json").write_text(json.dumps({"baseline": args.baseline, "build": str(build), "runs": runs},
                                                    indent=2) + "\n")


if __name__ == "__main__":
    main()
