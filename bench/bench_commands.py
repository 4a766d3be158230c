"""Query commands as a user runs them, this checkout against another git revision, alternating.

    python bench/bench_commands.py --baseline REF [--rounds 7] [--articles 36000] [--build PATH]

Each command (``related``, ``similar``, ``find``, ``path``, ``stats``, ``health``, ``suggest``
with ``-k 3``, ``view``, a SPARQL ``query``) runs in a fresh process, interpreter start
included, answering from one build folder of the generated corpus (made by this checkout,
unless ``--build`` names one; the first ``query`` loads the build's store before the rounds),
with the qagraph of each tree on ``PYTHONPATH`` in turn, the tree that goes first changing every
round. Both trees' bytecode is compiled first, as an installed package's is. It prints the
median of each command for both trees and their ratio, and writes bench/out/commands.json.
`bench_open.py` times the same commands of this checkout alone, beside the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import common

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def run(tree: Path, command: list[str], cwd: Path) -> float:
    """The wall time of ``python -m qagraph COMMAND`` with ``tree``'s qagraph, in a fresh process."""
    env = dict(os.environ, PYTHONPATH=str(tree))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "qagraph", *command], env=env, cwd=cwd, capture_output=True,
                          text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"qagraph {' '.join(command)} ({tree}) failed:\n{done.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", required=True, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--build", type=Path, default=None, help="a build folder of the corpus to answer from")
    args = parser.parse_args()

    corpus = common.ensure_corpus(args.articles)
    with common.baseline_checkout(args.baseline, "commands") as (work, base):
        trees = {"this": ROOT, "baseline": base}
        for tree in trees.values():
            common.fresh_bytecode(tree)
        build = args.build
        if build is None:
            build = work / "build"
            common.run_in_tree(ROOT, "import json, sys, qagraph\nqagraph.build(sys.argv[1], out=sys.argv[2])\n"
                               "print(json.dumps({'qagraph': qagraph.__file__}))", str(corpus), str(build))
        build = build.resolve()
        names = sorted((corpus / "biology").glob("*.md"))
        article, other = (f"/learn/biology/questions/{p.stem}" for p in (names[0], names[-1]))
        commands = {
            "related": ["related", article], "similar": ["similar", article], "find": ["find", "theory"],
            "path": ["path", article, other], "stats": ["stats"], "health": ["health"],
            "suggest -k 3": ["suggest", "-k", "3", "-o", str(work / "s.csv")],
            "view": ["view", article, "-o", str(work / "v.html")],
            "query": ["query", "SELECT ?s (COUNT(?q) AS ?n) WHERE { ?q dct:subject ?s } GROUP BY ?s "
                      "ORDER BY DESC(?n) LIMIT 3"],
        }
        commands = {name: [*command, "-b", str(build)] for name, command in commands.items()}
        run(ROOT, commands["query"], work)  # the build's store, loaded once for every later query
        times: dict[str, dict[str, list[float]]] = {name: {t: [] for t in trees} for name in commands}
        for r in range(args.rounds):
            order = list(trees) if r % 2 == 0 else list(reversed(trees))
            for name, command in commands.items():
                for tree in order:
                    times[name][tree].append(run(trees[tree], command, work))
        results = {"baseline": args.baseline, "articles": args.articles, "rounds": args.rounds, "commands": {}}
        print(f"{'command':<14}{'this':>9}{args.baseline[:12]:>14}{'ratio':>8}   (median of {args.rounds}, "
              "fresh processes, alternating)")
        for name in commands:
            mine, theirs = (statistics.median(times[name][t]) for t in ("this", "baseline"))
            results["commands"][name] = {"this": mine, "baseline": theirs, "ratio": mine / theirs, "times": times[name]}
            print(f"{name:<14}{mine:8.3f}s{theirs:13.3f}s{mine / theirs:8.2f}")
        (HERE / "out").mkdir(exist_ok=True)
        (HERE / "out" / "commands.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
