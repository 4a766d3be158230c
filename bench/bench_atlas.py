"""Benchmark: the atlas of a big corpus (qagraph.layout + qagraph.html.atlas) and its page.

    python bench/bench_atlas.py                          # 36,000 generated articles
    python bench/bench_atlas.py bench/corpora/36000      # an existing corpus folder
    python bench/bench_atlas.py --articles 5000 --repeat 5

Measured, beside the parse floor of the same run (bench/common.py): the layout and the
communities (atlas_layout, median of --repeat, with its stages), writing the page and
its data, their sizes, and in headless Chromium (SwiftShader WebGL, network cut off):
time to interactive (qagraph.readyAt, from the start of navigation) on a first and on
later opens, the first frame drawn, search latency over every title and click latency.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import common  # noqa: E402 - bench/ is on the path from here on
from common import timed  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run"]
QUERIES = ["what", "how does", "the role of", "zz no such title", "why is", "a", "energy", "model of"]


def browser_figures(views: Path, opens: int) -> dict:
    from playwright.sync_api import sync_playwright

    figures: dict = {"opens": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for n in range(opens):
            context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True)
            page = context.new_page()
            outside: list[str] = []
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith("file://") else None)
            page.goto((views / "atlas.html").resolve().as_uri())
            page.wait_for_selector("body[data-ready]", state="attached", timeout=120_000)
            ready = page.evaluate("qagraph.readyAt")
            frame = page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame("
                                  "() => r(performance.now()))))")
            figures["opens"].append({"ready_ms": round(ready), "first_frame_ms": round(frame),
                                     "stages_ms": page.evaluate("qagraph.timings"), "outside_requests": len(outside)})
            if n == opens - 1:
                figures["nodes"] = page.evaluate("qagraph.nodeCount")
                figures["articles"] = page.evaluate("qagraph.articleCount")
                figures["edges"] = page.evaluate("qagraph.edgeCount")
                figures["edges_drawn_whole_view"] = page.evaluate("qagraph.drawnEdges")
                search = []
                for q in QUERIES * 3:
                    search.append(page.evaluate("q => { const t = performance.now(); const n = qagraph.search(q).length;"
                                                " return performance.now() - t; }", q))
                figures["search_ms_median"] = round(statistics.median(search), 1)
                figures["search_ms_max"] = round(max(search), 1)
                clicks = []
                for q in ("what", "how", "why"):
                    clicks.append(page.evaluate("q => { const id = qagraph.search(q)[7]; const t = performance.now();"
                                                " qagraph.select(id); return performance.now() - t; }", q))
                figures["select_ms_median"] = round(statistics.median(clicks), 1)
            context.close()
        browser.close()
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, help="a corpus folder (default: generate one)")
    ap.add_argument("--articles", type=int, default=36000, help="size of the generated corpus")
    ap.add_argument("--out", type=Path, default=None, help="where to write the atlas (default: a temp folder)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the layout and the writer (median reported)")
    ap.add_argument("--opens", type=int, default=3, help="times the page is opened in Chromium")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = ap.parse_args()

    import qagraph
    from qagraph import layout as L
    from qagraph.html.atlas import generate_atlas, write_atlas

    corpus = args.corpus if args.corpus is not None else common.ensure_corpus(args.articles)
    floor = common.floor(corpus)["seconds"]
    print(f"floor        {floor:.2f} s (read + C-loader parse of every file, one core, same run)")
    started = time.perf_counter()
    G = qagraph.build(corpus).graph
    gc.freeze()  # as the build does: keep the cyclic GC off the graph's millions of objects
    print(f"graph        {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges; "
          f"load+build {time.perf_counter() - started:.1f} s")
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    figures: dict = {"floor_s": round(floor, 2)}
    stages = {}
    arrays = L._link_arrays(G)
    for name, fn in [
        ("link arrays", lambda: L._link_arrays(G)),
        ("communities", lambda: L._communities(arrays, resolution=1.0, seed=0, previous=None)),
    ]:
        stages[name] = timed(fn, args.repeat)
    parts = stages["communities"][2]
    stages["labels"] = timed(lambda: L.label_communities(G, parts), args.repeat)
    stages["positions"] = timed(lambda: L._layout(arrays, parts, seed=0, iterations=80), args.repeat)
    wall, cpu, atlas = timed(lambda: L.atlas_layout(G), args.repeat)
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\natlas_layout {wall:.2f} s wall, {cpu:.2f} s CPU = {wall / floor:.2f}x floor "
          f"({len(atlas.communities)} communities, {len(atlas.positions):,} positions)")
    for name, (w, c, _) in stages.items():
        print(f"  {name:<22} {w:6.2f} s wall {c:6.2f} s CPU")
    print(f"  peak RSS {rss_after:,.0f} MB (before the layout {rss_before:,.0f} MB)")
    figures["layout"] = {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "x_floor": round(wall / floor, 2),
                         "stages": {k: [round(w, 2), round(c, 2)] for k, (w, c, _) in stages.items()},
                         "communities": len(atlas.communities), "peak_rss_mb": round(rss_after)}

    previous = L.AtlasLayout.from_dict(atlas.as_dict())
    w, c, _ = timed(lambda: L.atlas_layout(G, previous=previous), args.repeat)
    print(f"atlas_layout with previous= (incremental) {w:.2f} s wall {c:.2f} s CPU")
    figures["layout_incremental_s"] = round(w, 2)

    out = args.out or Path(tempfile.mkdtemp(prefix="qagraph-atlas-"))
    views = out / "views"
    kw = {"positions": atlas.positions, "communities": atlas.communities}
    w, c, files = timed(lambda: generate_atlas(G, **kw), args.repeat)
    print(f"\ngenerate_atlas {w:.2f} s wall {c:.2f} s CPU = {w / floor:.2f}x floor, {len(files)} files")
    w2, _, _ = timed(lambda: write_atlas(G, views, **kw), 1)
    w3, _, rewritten = timed(lambda: write_atlas(G, views, **kw), 1)
    print(f"write_atlas  {w2:.2f} s (unchanged rewrite {w3:.2f} s, {len(rewritten)} files written)")
    sizes: dict[str, int] = {}
    for path in views.rglob("*"):
        if path.is_file():
            key = "nodes" if path.name.startswith("nodes-") else "text" if path.name.startswith("text-") else path.name
            sizes[key] = sizes.get(key, 0) + path.stat().st_size
    total = sum(sizes.values())
    print(f"size         {total / 2**20:.1f} MiB: " + ", ".join(f"{k} {v / 2**20:.2f}" for k, v in sorted(sizes.items())))
    print(f"             loaded at start {(total - sizes.get('text', 0)) / 2**20:.1f} MiB (text chunks load per card)")
    figures["write"] = {"generate_s": round(w, 2), "write_s": round(w2, 2), "unchanged_rewrite_s": round(w3, 2),
                        "size_mib": round(total / 2**20, 2), "sizes": sizes}

    print("\nChromium (SwiftShader), network cut off ...")
    page = browser_figures(views, args.opens)
    for n, o in enumerate(page["opens"]):
        print(f"  open {n + 1}: interactive {o['ready_ms']} ms, first frame {o['first_frame_ms']} ms, "
              f"stages {o['stages_ms']}, outside requests {o['outside_requests']}")
    print(f"  {page['articles']:,} articles, {page['nodes']:,} nodes, {page['edges']:,} links "
          f"({page['edges_drawn_whole_view']:,} drawn in the whole view)")
    print(f"  search over every title: median {page['search_ms_median']} ms, max {page['search_ms_max']} ms; "
          f"select {page['select_ms_median']} ms")
    figures["browser"] = page
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
