"""Benchmark: opening a build and answering queries from it, beside the parse floor of the same run.

    python bench/bench_open.py                 # 36,000 articles
    python bench/bench_open.py --baseline REF  # also the build time of git REF (e.g. the last release)

Measures, on the generated corpus (bench/generate.py, kept in bench/corpora/):

* the floor (read + C-loader parse of every file, one core; bench/common.py);
* ``python -c "import qagraph"`` and each query command (``related``, ``similar``,
  ``find``, ``path``, ``stats``, ``view``, ``query``) as a user runs it: a fresh
  process, interpreter start included, answering from the build folder;
* ``qagraph.open()`` and the first ``kg.graph`` access;
* the build with the database (this checkout) and without it (``--builds`` of each,
  alternating), and, with ``--baseline``, the build of another git revision (checked out
  into a temporary worktree), all fresh processes.

Results go to stdout and bench/out/open.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import common  # noqa: E402


def timed(args: list[str], cwd: Path | None = None, repeat: int = 3) -> tuple[float, str]:
    """Median wall time of running ``args`` (a fresh process each time) and its last output."""
    times = []
    out = ""
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(args, capture_output=True, text=True, cwd=cwd, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed:\n{proc.stderr}")
        out = proc.stdout
    return statistics.median(times), out


def child_open(build: str) -> dict:
    import qagraph

    start = time.perf_counter()
    kg = qagraph.open(build)
    opened = time.perf_counter() - start
    start = time.perf_counter()
    G = kg.graph
    graph_seconds = time.perf_counter() - start
    return {"open_seconds": opened, "graph_seconds": graph_seconds, "nodes": G.number_of_nodes(),
            "edges": G.number_of_edges(), "peak_mb": common.peak_mb()}


def build_with(python: str, cwd: Path, corpus: Path, out: Path, new_api: bool,
               outputs: tuple[str, ...] | None = None) -> tuple[float, float]:
    """The wall and CPU seconds (all its processes) of one build, in a fresh process."""
    shutil.rmtree(out, ignore_errors=True)
    if new_api:
        code = (f"import qagraph; qagraph.build({str(corpus)!r}, out={str(out)!r}, cache=False"
                + (f", outputs={list(outputs)!r})" if outputs else ")"))
    else:
        code = f"import qagraph.kg as k; k.make({str(corpus)!r}, {str(out)!r}, cache=False)"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([python, "-c", code], cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the build and every process it waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    if sys.argv[1:2] == ["_child"]:
        print(json.dumps(child_open(sys.argv[2])))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--baseline", default=None, help="git revision whose build to time in the same run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--builds", type=int, default=2, help="builds with and without the database, alternating")
    args = parser.parse_args()

    corpus = common.ensure_corpus(args.articles)
    floor = common.floor(corpus)["seconds"]
    work = Path(tempfile.mkdtemp(prefix="qagraph-bench-open-"))
    build = work / "build"
    python = sys.executable
    results: dict = {"articles": args.articles, "floor_seconds": floor}

    # the database's own cost: this checkout with and without it, alternating (the build times of
    # one machine move by several seconds from run to run; their CPU seconds move much less)
    with_db, without_db, cpu_with, cpu_without = [], [], [], []
    for _ in range(args.builds):
        wall, cpu = build_with(python, ROOT, corpus, build, new_api=True)
        with_db.append(wall)
        cpu_with.append(cpu)
        wall, cpu = build_with(python, ROOT, corpus, work / "no-db", new_api=True, outputs=("rdf", "html", "report"))
        without_db.append(wall)
        cpu_without.append(cpu)
    shutil.rmtree(work / "no-db", ignore_errors=True)
    results["build_seconds"] = statistics.median(with_db)
    results["build_without_database_seconds"] = statistics.median(without_db)
    results["build_cpu_seconds"] = statistics.median(cpu_with)
    results["build_without_database_cpu_seconds"] = statistics.median(cpu_without)
    results["builds"] = {"with database": with_db, "without database": without_db,
                         "with database, CPU": cpu_with, "without database, CPU": cpu_without}
    if args.baseline:
        with common.worktree(args.baseline, work / "baseline-src") as base:
            results["baseline"] = args.baseline
            results["baseline_build_seconds"], results["baseline_build_cpu_seconds"] = build_with(
                python, base, corpus, work / "baseline-out", new_api=False)

    # byte-compiled, as pip leaves an installed package (an editable install is compiled on first
    # import, unless PYTHONDONTWRITEBYTECODE is set, as it is on some machines: then every command
    # compiled qagraph's modules again, 0.18 s)
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "qagraph")], check=True)
    cli = [python, "-m", "qagraph"]
    article = "/learn/biology/questions/" + next((corpus / "biology").glob("*.md")).stem
    other = "/learn/biology/questions/" + sorted((corpus / "biology").glob("*.md"))[-1].stem
    commands = {
        "import qagraph": [python, "-c", "import qagraph"],
        "related": [*cli, "related", article, "-b", str(build)],
        "similar": [*cli, "similar", article, "-b", str(build)],
        "find": [*cli, "find", "theory", "-b", str(build)],
        "path": [*cli, "path", article, other, "-b", str(build)],
        "stats": [*cli, "stats", "-b", str(build)],
        "view": [*cli, "view", article, "-o", str(work / "v.html"), "-b", str(build)],
        "query": [*cli, "query", "SELECT ?s (COUNT(?q) AS ?n) WHERE { ?q <http://purl.org/dc/terms/subject> ?s } "
                  "GROUP BY ?s ORDER BY DESC(?n) LIMIT 3", "-b", str(build)],
    }
    results["commands"] = {}
    for name, command in commands.items():
        seconds, _ = timed(command, cwd=work, repeat=args.repeat)
        results["commands"][name] = seconds
    results["open"] = common.run_child(__file__, str(build))

    print(f"\n== opening a build of {args.articles} articles ==")
    print(f"floor (read + C-loader parse, 1 core): {floor:7.2f} s")
    print(f"build with the database:                {results['build_seconds']:7.2f} s "
          f"({results['build_seconds'] / floor:.2f}x floor; median of {args.builds}: {with_db})")
    nodb = results["build_without_database_seconds"]
    print(f"build without it (--only rdf,html,report): {nodb:7.2f} s ({nodb / floor:.2f}x floor; {without_db}); "
          f"the database costs {(results['build_seconds'] - nodb) / floor:+.2f}x floor")
    cpu, cpu_nodb = results["build_cpu_seconds"], results["build_without_database_cpu_seconds"]
    print(f"CPU seconds, all processes: {cpu:.1f} with the database ({cpu_with}), {cpu_nodb:.1f} without "
          f"({cpu_without}): the database takes {cpu - cpu_nodb:.1f} s of CPU, {(cpu - cpu_nodb) / floor:+.2f}x floor "
          f"({(cpu - cpu_nodb) / 2 / floor:+.2f}x on the wall when both cores share it)")
    if "baseline_build_seconds" in results:
        b = results["baseline_build_seconds"]
        print(f"build of {args.baseline}:{'':<22}{b:7.2f} s ({b / floor:.2f}x floor); "
              f"difference {(results['build_seconds'] - b) / floor:+.2f}x floor; "
              f"CPU {results['baseline_build_cpu_seconds']:.1f} s")
    for name, seconds in results["commands"].items():
        print(f"  {name:<16}{seconds:6.2f} s  (fresh process, median of {args.repeat})")
    o = results["open"]
    print(f"qagraph.open(): {o['open_seconds'] * 1000:.1f} ms; first kg.graph: {o['graph_seconds']:.2f} s "
          f"({o['graph_seconds'] / floor:.2f}x floor), {o['nodes']} nodes, {o['edges']} edges, peak {o['peak_mb']:.0f} MB")
    (HERE / "out").mkdir(exist_ok=True)
    (HERE / "out" / "open.json").write_text(json.dumps(results, indent=2) + "\n")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
