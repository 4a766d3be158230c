"""Benchmark: the RDF export in parts, the persistent store, the README queries and SHACL validation.

    python bench/bench_rdf.py                       # 36,000 articles
    python bench/bench_rdf.py --articles 4000 --quick

Corpora come from bench/generate.py (deterministic, kept in bench/corpora/<n>/, shared
with bench/run.py). Everything is measured beside the parse floor of the same run
(bench/common.py), each step in a fresh process:

* export: build the graph (load + graph, GC frozen as a build does), then
  ``qagraph.rdf.write_rdf`` with the defaults (N-Quads, ``similarity="links"``), with
  one worker and with the default pool; then each format alone and each similarity
  detail alone: wall seconds, CPU seconds (this process and its workers), triples,
  bytes, peak memory above the built graph;
* store: ``open_store`` on the written build (the first time: bulk load; then reopen),
  and each SPARQL query of the README's "Use 3" section on it (median of 3 runs);
* validate: ``qagraph.rdf.validate`` on the build folder (every shape), seconds and peak
  memory of the process.

Results go to stdout and bench/out/rdf.json. The machine's other load shows in wall
time; CPU seconds are the steadier figure.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import resource
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import common  # noqa: E402 - bench/ is on the path from here on

SIMILARITY = ("links", "full", "none")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class PeakRSS:
    """Samples this process's resident memory in a thread; ``peak`` is the highest seen."""

    def __init__(self, every: float = 0.02) -> None:
        self.every, self.peak, self._stop = every, rss_mb(), threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_mb())
            time.sleep(self.every)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, rss_mb())


def cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def build_graph(corpus: Path):
    from qagraph.graph import build_graph as build
    from qagraph.load import load_corpus as load

    start = time.perf_counter()
    G, _ = build(load(corpus))
    seconds = time.perf_counter() - start
    gc.freeze()  # millions of long-lived objects: keep the cyclic GC off them, as a build does
    return G, seconds


def timed_write(G, out: Path, **options) -> dict:
    from qagraph.rdf import write_rdf

    shutil.rmtree(out, ignore_errors=True)
    before, c0 = rss_mb(), cpu()
    start = time.perf_counter()
    with PeakRSS() as peak:
        result = write_rdf(G, out, **options)
    return {
        "seconds": round(time.perf_counter() - start, 3),
        "cpu_seconds": round(cpu() - c0, 3),
        "triples": result.stats.total,
        "bytes": sum(p.stat().st_size for p in result),
        "parts": result.parts,
        "peak_above_graph_mb": round(peak.peak - before, 1),
    }


def child_export(corpus: Path, out: Path, quick: bool) -> dict:
    from qagraph.rdf import FORMATS, write_void

    G, build_seconds = build_graph(corpus)
    rows: dict = {"build_seconds": round(build_seconds, 3)}
    rows["default, 1 worker"] = timed_write(G, out / "x", workers=1)
    rows["default"] = timed_write(G, out / "x")
    if not quick:
        for fmt in FORMATS:
            rows[f"format {fmt}"] = timed_write(G, out / "x", formats=(fmt,))
        for sim in SIMILARITY:
            rows[f"similarity {sim}"] = timed_write(G, out / "x", similarity=sim)
    # the build the store and validation benchmarks read: defaults, and void.ttl from the part stats
    from qagraph.rdf import write_rdf

    shutil.rmtree(out / "x", ignore_errors=True)
    result = write_rdf(G, out / "build", similarity="full")
    start = time.perf_counter()
    write_void(out / "build", {i: p.stats for i, p in result.written.items()}, similarity="full",
               source_name=corpus.name, source_digest="bench")
    rows["void_seconds"] = round(time.perf_counter() - start, 3)
    return rows


def readme_queries() -> list[tuple[str, str]]:
    text = (HERE.parent / "README.md").read_text(encoding="utf-8")
    part = text.split("## Use 3: load the RDF into a triple store", 1)[1].split("\n## ", 1)[0]
    return [(b.splitlines()[0].lstrip("# ").strip(), b) for b in re.findall(r"```sparql\n(.*?)```", part, re.S)]


def child_store(build: Path) -> dict:
    from qagraph.rdf import open_store, sparql

    start = time.perf_counter()
    store = open_store(build)
    made = time.perf_counter() - start
    start = time.perf_counter()
    store = open_store(build)
    reopened = time.perf_counter() - start
    rows = {"first_open_seconds": round(made, 3), "reopen_seconds": round(reopened, 4), "quads": len(store)}
    queries = {}
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?x a qa:Similarity ; qa:source ?a ; qa:target ?b ; qa:weight ?w }"
    for name, query in readme_queries() + [("(the old README pattern) ?x a qa:Similarity", slow)]:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            sparql(build, query)
            times.append(time.perf_counter() - start)
        queries[name] = round(statistics.median(times), 4)
    rows["queries_seconds"] = queries
    return rows


def child_validate(build: Path) -> dict:
    from qagraph.rdf import validate

    start = time.perf_counter()
    with PeakRSS() as peak:
        report = validate(build)
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "constraints": report.constraints,
        "violations": len(report.violations),
        "peak_rss_mb": round(peak.peak, 1),
        "process_peak_mb": round(common.peak_mb(), 1),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        kind = sys.argv[2]
        if kind == "export":
            result = child_export(Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5] == "quick")
        elif kind == "store":
            result = child_store(Path(sys.argv[3]))
        else:
            result = child_validate(Path(sys.argv[3]))
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--corpora", default=str(HERE / "corpora"))
    parser.add_argument("--corpus", help="an existing corpus folder instead of a generated one")
    parser.add_argument("--out", default=str(HERE / "out"))
    parser.add_argument("--quick", action="store_true", help="the defaults only, not each format and detail")
    args = parser.parse_args()

    corpus = Path(args.corpus) if args.corpus else common.ensure_corpus(args.articles, Path(args.corpora))
    out = Path(args.out) / f"rdf-{corpus.name}"
    shutil.rmtree(out, ignore_errors=True)
    floor = common.floor(corpus)
    export = common.run_child(__file__, "export", str(corpus), str(out), "quick" if args.quick else "full")
    store = common.run_child(__file__, "store", str(out / "build"))
    checked = common.run_child(__file__, "validate", str(out / "build"))

    f = floor["seconds"]
    print(f"\n== RDF, {corpus.name} ({floor['files']} articles); floor {f:.2f} s (read + C-loader parse, 1 core) ==")
    print(f"build (load + graph): {export['build_seconds']:.2f} s ({export['build_seconds'] / f:.2f}x floor)")
    print(f"{'export':<22}{'wall s':>8}{'x floor':>9}{'cpu s':>8}{'triples':>11}{'MB':>8}{'parts':>6}{'peak MB':>9}")
    for name, row in export.items():
        if isinstance(row, dict):
            print(f"{name:<22}{row['seconds']:>8.2f}{row['seconds'] / f:>9.2f}{row['cpu_seconds']:>8.2f}"
                  f"{row['triples']:>11,}{row['bytes'] / 1e6:>8.0f}{row['parts']:>6}{row['peak_above_graph_mb']:>9.0f}")
    print(f"void.ttl from the part statistics: {export['void_seconds']:.3f} s")
    print(f"\nstore (similarity full): first open {store['first_open_seconds']:.2f} s (bulk load of {store['quads']:,} quads), "
          f"reopen {store['reopen_seconds'] * 1000:.1f} ms")
    for name, seconds in store["queries_seconds"].items():
        print(f"  {seconds * 1000:9.1f} ms  {name}")
    print(f"\nvalidate (every shape, {checked['constraints']} constraints): {checked['seconds']:.1f} s, "
          f"peak {checked['process_peak_mb']:.0f} MB, {checked['violations']} violations")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "rdf.json").write_text(json.dumps(
        {"floor": floor, "export": export, "store": store, "validate": checked}, indent=2) + "\n")


if __name__ == "__main__":
    main()
