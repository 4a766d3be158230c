"""Benchmark: writing every HTML view (qagraph.html.write_views) of a big corpus.

    python bench/bench_html.py                      # 36,000 generated articles
    python bench/bench_html.py /tmp/gen36k          # an existing corpus folder
    python bench/bench_html.py --articles 5000 --from-nx

The corpus comes from bench/generate.py (kept in bench/corpora/gen-<N>/) unless a folder
is given. Loading and building the graph are timed but are not what this measures;
``write_views`` is timed ``--repeat`` times (median reported), then the script prints
the total and per-file sizes and the node and edge counts of the largest views.
``--from-nx`` also times pyvis's own ``Network.from_nx`` on the largest subject view's
nodes and edges, for comparison (it is quadratic in the edges).
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import common  # noqa: E402 - bench/ is on the path from here on


def corpus_for(args: argparse.Namespace) -> Path:
    if args.corpus is not None:
        if not args.corpus.is_dir():
            sys.exit(f"not a folder: {args.corpus}")
        return args.corpus
    return common.ensure_corpus(args.articles)


def view_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="qagraph-data">(.*?)</script>', text, re.S)
    return json.loads(m.group(1)) if m else {"nodes": [], "edges": []}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, help="a corpus folder (default: generate one)")
    ap.add_argument("--articles", type=int, default=36000, help="size of the generated corpus")
    ap.add_argument("--out", type=Path, default=None, help="where to write the views (default: a temp folder)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of write_views (median reported)")
    ap.add_argument("--from-nx", action="store_true", help="also time pyvis from_nx on the largest view")
    args = ap.parse_args()

    from qagraph.graph import build_graph
    from qagraph.html import write_views
    from qagraph.load import load_corpus as load

    corpus = corpus_for(args)
    floor = common.floor(corpus)
    print(f"floor      {floor['seconds']:.2f} s (read + C-loader parse of every file, one core, same run)")
    started = time.perf_counter()
    loaded = load(corpus)
    G, _ = build_graph(loaded)
    gc.freeze()  # millions of graph objects: keep the cyclic GC off them, as the build does
    kinds: dict[str, int] = {}
    for _, kind in G.nodes(data="kind"):
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"corpus     {corpus}")
    print(f"graph      {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges "
          f"({', '.join(f'{v:,} {k}' for k, v in sorted(kinds.items()))}); load+build {time.perf_counter() - started:.1f} s")

    import pyvis.network  # noqa: F401  imported once, outside the timing (it pulls in IPython)

    out = args.out or Path(tempfile.mkdtemp(prefix="qagraph-html-"))
    times = []
    paths: list[Path] = []
    for _ in range(max(1, args.repeat)):
        t = time.perf_counter()
        paths = write_views(G, out)
        times.append(time.perf_counter() - t)
    print(f"write_views {statistics.median(times):.2f} s median of {len(times)} "
          f"({', '.join(f'{t:.2f}' for t in times)}; {statistics.median(times) / floor['seconds']:.2f}x the floor) -> {out}")

    sizes = sorted(((p.stat().st_size, p) for p in paths), reverse=True)
    total = sum(s for s, _ in sizes)
    html = [(s, p) for s, p in sizes if p.suffix == ".html"]
    print(f"files      {len(paths)} ({len(html)} HTML), {total / 1e6:.1f} MB in all; "
          f"HTML median {statistics.median(s for s, _ in html) / 1e3:.0f} kB")
    print(f"{'size':>10}  {'nodes':>6}  {'edges':>6}  file")
    largest_nodes = (0, None)
    for size, path in sizes:
        if path.suffix == ".html" and path.name != "index.html":
            data = view_data(path)
            n, e = len(data["nodes"]), len(data["edges"])
            largest_nodes = max(largest_nodes, (n, path), key=lambda x: x[0])
            print(f"{size / 1e3:>8.0f}kB  {n:>6,}  {e:>6,}  {path.relative_to(out)}")
        else:
            print(f"{size / 1e3:>8.0f}kB  {'':>6}  {'':>6}  {path.relative_to(out)}")
    n, path = largest_nodes
    print(f"largest view: {path.name if path else '-'} with {n:,} nodes")

    if args.from_nx and path is not None:
        import networkx as nx
        from pyvis.network import Network

        data = view_data(path)
        H = nx.Graph()
        H.add_nodes_from((d["id"], {"label": d["label"]}) for d in data["nodes"])
        H.add_edges_from((d["from"], d["to"], {"weight": d.get("width", 1)}) for d in data["edges"])
        t = time.perf_counter()
        Network(cdn_resources="remote").from_nx(H)
        print(f"pyvis from_nx on that view's {H.number_of_nodes():,} nodes and {H.number_of_edges():,} edges: "
              f"{time.perf_counter() - t:.2f} s (for one view; write_views appends dicts instead)")


if __name__ == "__main__":
    main()
