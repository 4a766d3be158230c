"""Benchmark: qagraph's RDF export against rdflib's writers, and its cost beside the build.

    python bench/bench_rdf.py                          # 36,000 articles, rdflib on 3,000
    python bench/bench_rdf.py --articles 36000 --rdflib-articles 36000   # rdflib on all (minutes)

Corpora come from bench/generate.py (deterministic, kept in bench/corpora/<n>/, shared
with bench/run.py). Each measurement runs in a fresh process:

* export: build the graph (load + graph, timed for comparison), then
  ``qagraph.rdf.write_rdf`` with the default formats (Turtle, N-Triples, TriG) and
  ``void.ttl``; time per step, peak RSS of the export above the built graph (sampled
  every 20 ms), file sizes;
* writers: the same statements through each writer, in triples per second:
  qagraph's N-Triples rendering (``emit`` -> text), pyoxigraph's Turtle serialiser fed
  from that text (the rest of ``write_rdf``), rdflib ``Graph.add`` for the same
  statements, and rdflib's own Turtle and N-Triples serialisers. rdflib runs on the
  first ``--rdflib-articles`` articles (and their keywords, subjects, stubs) because its
  Turtle writer needs minutes for the full graph.

Results go to stdout and bench/out/rdf.json.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import common  # noqa: E402 - bench/ is on the path from here on


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


def build_graph(corpus: Path):
    from qagraph.graph import build_graph as build
    from qagraph.load import load_corpus as load

    start = time.perf_counter()
    result = load(corpus)
    loaded = time.perf_counter()
    G, _ = build(result)
    built = time.perf_counter()
    gc.freeze()  # millions of long-lived objects: keep the cyclic GC off them, as a build does
    return G, {"load_seconds": loaded - start, "graph_seconds": built - loaded}


def child_export(corpus: Path, out: Path) -> dict:
    from qagraph.rdf import write_rdf

    G, timing = build_graph(corpus)
    marks: list[tuple[int, float]] = []
    before = rss_mb()
    start = time.perf_counter()
    with PeakRSS() as peak:
        paths = write_rdf(G, out, progress=lambda stage, done, total: marks.append((done, time.perf_counter())))
    seconds = time.perf_counter() - start
    steps = [round(b[1] - a[1], 3) for a, b in zip(marks, marks[1:])]
    void = (out / "void.ttl").read_text(encoding="utf-8")
    triples = int(void.split("void:triples \"", 1)[1].split('"', 1)[0])
    return {
        **timing,
        "build_seconds": timing["load_seconds"] + timing["graph_seconds"],
        "export_seconds": seconds,
        "export_steps_seconds": dict(zip(["n-triples", "turtle + trig", "(trig: same pass)", "void + rename"], steps)),
        "triples": triples,
        "export_triples_per_second": triples / seconds,
        "rss_before_export_mb": before,
        "export_peak_rss_above_graph_mb": peak.peak - before,
        "process_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "bytes": {p.name: p.stat().st_size for p in paths},
    }


def subgraph(G, articles: int):
    """The first ``articles`` articles (by node id) with their subjects, keywords, stubs and links."""
    chosen = sorted(n for n, k in G.nodes(data="kind") if k == "article")[:articles]
    keep = set(chosen)
    for n in chosen:
        keep.update(v for v in G.successors(n) if G.nodes[v]["kind"] != "article")
    return G.subgraph(keep).copy()


def child_writers(corpus: Path, rdflib_articles: int) -> dict:
    import pyoxigraph as ox
    import rdflib

    from qagraph.rdf.iri import IRIs
    from qagraph.rdf.triples import NTriplesSink, RdflibSink, emit
    from qagraph.rdf.vocab import NAMESPACES

    G, _ = build_graph(corpus)
    result: dict = {}

    def ntriples(graph) -> tuple[bytes, int, float]:
        chunks: list[str] = []
        sink = NTriplesSink(chunks.append)
        start = time.perf_counter()
        emit(graph, IRIs(), sink, sink)
        text = "".join(chunks).encode("utf-8")
        return text, sink.count, time.perf_counter() - start

    text, n, seconds = ntriples(G)
    result["full"] = {"triples": n, "qagraph_ntriples_per_second": n / seconds}
    start = time.perf_counter()
    turtle = ox.serialize(ox.parse(text, format=ox.RdfFormat.N_TRIPLES, lenient=True),
                          format=ox.RdfFormat.TURTLE, prefixes=NAMESPACES)
    result["full"]["pyoxigraph_turtle_from_ntriples_per_second"] = n / (time.perf_counter() - start)
    del text, turtle

    small = subgraph(G, rdflib_articles)
    text, n, seconds = ntriples(small)
    row = {"articles": rdflib_articles, "triples": n, "qagraph_ntriples_per_second": n / seconds}
    start = time.perf_counter()
    turtle = ox.serialize(ox.parse(text, format=ox.RdfFormat.N_TRIPLES, lenient=True),
                          format=ox.RdfFormat.TURTLE, prefixes=NAMESPACES)
    row["pyoxigraph_turtle_from_ntriples_per_second"] = n / (time.perf_counter() - start)
    graph = rdflib.Graph()
    for prefix, ns in NAMESPACES.items():
        graph.bind(prefix, ns)
    sink = RdflibSink(graph)
    start = time.perf_counter()
    emit(small, IRIs(), sink, sink)
    row["rdflib_graph_add_per_second"] = len(graph) / (time.perf_counter() - start)
    start = time.perf_counter()
    graph.serialize(format="turtle")
    row["rdflib_turtle_per_second"] = len(graph) / (time.perf_counter() - start)
    start = time.perf_counter()
    graph.serialize(format="nt")
    row["rdflib_ntriples_per_second"] = len(graph) / (time.perf_counter() - start)
    row["rdflib_turtle_parses_back"] = len(rdflib.Graph().parse(data=turtle, format="turtle")) == n
    result["subset"] = row
    return result


def run_child(*args: str) -> dict:
    return common.run_child(__file__, *args)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        kind, corpus = sys.argv[2], Path(sys.argv[3])
        result = child_export(corpus, Path(sys.argv[4])) if kind == "export" else child_writers(corpus, int(sys.argv[4]))
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--rdflib-articles", type=int, default=3000, help="articles rdflib's writers get")
    parser.add_argument("--corpora", default=str(HERE / "corpora"))
    parser.add_argument("--out", default=str(HERE / "out"))
    args = parser.parse_args()

    corpus = common.ensure_corpus(args.articles, Path(args.corpora))
    out = Path(args.out) / f"rdf-{args.articles}"
    shutil.rmtree(out, ignore_errors=True)
    floor = common.floor(corpus)
    export = run_child("export", str(corpus), str(out))
    shutil.rmtree(out, ignore_errors=True)
    writers = run_child("writers", str(corpus), str(args.rdflib_articles))

    full, sub = writers["full"], writers["subset"]
    print(f"\n== RDF export, {args.articles} articles, {export['triples']:,} triples ==")
    print(f"floor (read + C-loader parse, 1 core, same run): {floor['seconds']:.2f} s")
    print(f"build (load + graph):       {export['build_seconds']:7.2f} s")
    print(f"export (ttl, nt, trig, void): {export['export_seconds']:5.2f} s  "
          f"({export['export_seconds'] / export['build_seconds']:.2f}x the build; "
          f"{export['export_triples_per_second']:,.0f} triples/s; "
          f"{export['export_seconds'] / floor['seconds']:.2f}x the floor)")
    for step, seconds in export["export_steps_seconds"].items():
        print(f"  {step:<18}{seconds:7.2f} s")
    print(f"peak memory of the export, above the built graph: {export['export_peak_rss_above_graph_mb']:.0f} MB"
          f" (process peak {export['process_peak_mb']:.0f} MB)")
    print("files: " + ", ".join(f"{name} {size / 1e6:.0f} MB" for name, size in export["bytes"].items()))
    print(f"\nwriters, full graph ({full['triples']:,} triples), triples/s:")
    print(f"  qagraph N-Triples rendering         {full['qagraph_ntriples_per_second']:>12,.0f}")
    print(f"  pyoxigraph Turtle from N-Triples    {full['pyoxigraph_turtle_from_ntriples_per_second']:>12,.0f}")
    print(f"writers, first {sub['articles']} articles ({sub['triples']:,} triples), triples/s:")
    for key in ("qagraph_ntriples_per_second", "pyoxigraph_turtle_from_ntriples_per_second",
                "rdflib_graph_add_per_second", "rdflib_turtle_per_second", "rdflib_ntriples_per_second"):
        print(f"  {key.replace('_per_second', '').replace('_', ' '):<36}{sub[key]:>12,.0f}")
    chosen = 1 / (1 / sub["qagraph_ntriples_per_second"] + 1 / sub["pyoxigraph_turtle_from_ntriples_per_second"])
    rdflib_path = 1 / (1 / sub["rdflib_graph_add_per_second"] + 1 / sub["rdflib_turtle_per_second"])
    print(f"Turtle end to end: qagraph {chosen:,.0f}/s vs rdflib {rdflib_path:,.0f}/s ({chosen / rdflib_path:.0f}x)")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "rdf.json").write_text(json.dumps({"floor": floor, "export": export, "writers": writers}, indent=2) + "\n")


if __name__ == "__main__":
    main()
