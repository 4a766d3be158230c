"""Benchmark: writing every HTML view (qagraph.html.write_views) of a big corpus.

    python bench/bench_html.py                      # 36,000 generated articles
    python bench/bench_html.py /tmp/gen36k          # an existing corpus folder
    python bench/bench_html.py --articles 5000 --from-nx
    python bench/bench_html.py /tmp/gen36k --browser 3          # also open the 3 largest subject views in Chromium
    python bench/bench_html.py --views /tmp/old-build --browser 3  # only the browser half, on views already written

The corpus comes from bench/generate.py (kept in bench/corpora/gen-<N>/) unless a folder
is given. Loading and building the graph are timed but are not what this measures;
``write_views`` is timed ``--repeat`` times (median reported), then the script prints
the total and per-file sizes and the node and edge counts of the largest views.
``--from-nx`` also times pyvis's own ``Network.from_nx`` on the largest subject view's
nodes and edges, for comparison (it is quadratic in the edges).

``--browser N`` opens the N largest subject views in headless Chromium (Debian's, the
network cut off) and reports, as medians of ``--loads`` page loads: the time from
navigation to the page being interactive (``body[data-stable]``: drawn, positions
settled), then the time of a search that selects an article, of unticking and
ticking an edge kind, and of clearing, each until the next frame is drawn; and the labels
drawn in the page, fitted and at 1:1, with how many of them overlap another. It works on
pages written by earlier versions too (``--views``), for before/after figures.
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


CHROMIUM = "/usr/bin/chromium"

_ACTION = """async ([what, arg]) => {
    const frame = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    const q = window.qagraph;
    const t = performance.now();
    if (what === "search") { (typeof q.go === "function" ? q.go : q.search)(arg); }
    else if (what === "toggle") { q.showKind(arg, false); await frame(); q.showKind(arg, true); }
    else if (what === "clear") { q.clear(); }
    await frame();
    return performance.now() - t;
}"""


# the labels vis-network draws in the canvas (font at the scale over its draw threshold less 1, node
# inside the page), as it measured them when it drew them, and how many of them overlap another
_LABELS = """() => {
    const net = qagraph.network, s = net.getScale(), th = qagraph.data.options.nodes.scaling.label.drawThreshold;
    const canvas = net.canvas.frame.canvas.getBoundingClientRect();
    const boxes = net.body.nodeIndices.map(id => net.body.nodes[id]).filter(n => {
        if (!n.options.label || n.options.font.size * s < th - 1) return false;
        const at = net.canvasToDOM({ x: n.x, y: n.y });
        return at.x >= 0 && at.y >= 0 && at.x <= canvas.width && at.y <= canvas.height;
    }).map(n => { const z = n.labelModule.size; return [z.left, z.top, z.left + z.width, z.top + z.height]; });
    const covered = new Set();
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) { covered.add(i); covered.add(j); }
    }
    return [boxes.length, covered.size];
}"""


def label_counts(page: object) -> dict:
    """Labels drawn and overlapping, fitted (as the page opens) and at 1:1 (the middle of the view)."""
    fitted = page.evaluate(_LABELS)  # type: ignore[attr-defined]
    page.evaluate("() => qagraph.network.moveTo({ scale: 1 })")  # type: ignore[attr-defined]
    page.wait_for_timeout(400)  # type: ignore[attr-defined]  # labels are placed again once a zoom settles
    one = page.evaluate(_LABELS)  # type: ignore[attr-defined]
    return {"labels_fitted": fitted, "labels_1to1": one}


def browser_timings(paths: list[Path], loads: int = 3) -> list[dict]:
    """Open each page in Chromium (offline) and time loading, searching, filtering, clearing."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for path in paths:
            ready, search, toggle, clear, errors = [], [], [], [], []
            for _ in range(max(1, loads)):
                context = browser.new_context(viewport={"width": 1280, "height": 800}, offline=True)
                page = context.new_page()
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
                t = time.perf_counter()
                page.goto(path.resolve().as_uri())
                page.wait_for_selector("body[data-stable]", state="attached", timeout=120_000)
                ready.append(time.perf_counter() - t)
                labels = label_counts(page)
                page.evaluate("() => qagraph.clear()")
                title = page.evaluate("() => { const d = qagraph.data.nodes; const n = d.find(x => x.kind === 'article') || d[0];"
                                      " return n ? String((n.info && n.info.title) || n.label) : ''; }")
                kind = page.evaluate("() => { const k = qagraph.data.edgeKinds.find(k => k.kind === 'similar')"
                                     " || qagraph.data.edgeKinds[0]; return k ? k.kind : null; }")
                search.append(page.evaluate(_ACTION, ["search", title]) / 1000)
                if kind:
                    toggle.append(page.evaluate(_ACTION, ["toggle", kind]) / 1000)
                clear.append(page.evaluate(_ACTION, ["clear", None]) / 1000)
                counts = page.evaluate("() => ({nodes: qagraph.network.body.nodeIndices.length, "
                                       "edges: qagraph.network.body.edgeIndices.length})")
                context.close()
            med = statistics.median
            rows.append({"file": path.name, "bytes": path.stat().st_size, "drawn_nodes": counts["nodes"],
                         "drawn_edges": counts["edges"], "ready_s": med(ready), "search_s": med(search),
                         "toggle_s": med(toggle) if toggle else None, "clear_s": med(clear), "errors": errors, **labels})
        browser.close()
    return rows


def print_browser(rows: list[dict]) -> None:
    print(f"{'file':<34} {'size':>8} {'nodes':>6} {'edges':>6} {'ready':>7} {'search':>7} {'toggle':>7} {'clear':>7}"
          f" {'labels fitted (overlapping)':>28} {'at 1:1':>12}")
    for r in rows:
        toggle = f"{r['toggle_s']:.2f}" if r["toggle_s"] is not None else "-"
        fitted, one = r["labels_fitted"], r["labels_1to1"]
        print(f"{r['file']:<34} {r['bytes'] / 1e6:>6.2f}MB {r['drawn_nodes']:>6,} {r['drawn_edges']:>6,} "
              f"{r['ready_s']:>6.2f}s {r['search_s']:>6.2f}s {toggle:>6}s {r['clear_s']:>6.2f}s"
              f" {f'{fitted[0]:,} ({fitted[1]:,})':>28} {f'{one[0]:,} ({one[1]:,})':>12}"
              + (f"  errors: {r['errors'][:2]}" if r["errors"] else ""))


def largest_subject_views(views: Path, n: int, subjects: str | None = None) -> list[Path]:
    """The views of ``subjects`` (slugs, comma-separated), else the ``n`` largest files."""
    if subjects:  # a name ending in .html is a page of its own (overview.html)
        return [views / (name if name.endswith(".html") else f"subject-{name}.html")
                for name in (part.strip() for part in subjects.split(","))]
    files = sorted(views.glob("subject-*.html"), key=lambda p: -p.stat().st_size)
    return files[:n]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, help="a corpus folder (default: generate one)")
    ap.add_argument("--articles", type=int, default=36000, help="size of the generated corpus")
    ap.add_argument("--out", type=Path, default=None, help="where to write the views (default: a temp folder)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of write_views (median reported)")
    ap.add_argument("--from-nx", action="store_true", help="also time pyvis from_nx on the largest view")
    ap.add_argument("--browser", type=int, default=0, metavar="N", help="open the N largest subject views in Chromium")
    ap.add_argument("--loads", type=int, default=3, help="page loads per view in --browser (median reported)")
    ap.add_argument("--subjects", default=None,
                    help="with --browser: these subject slugs (comma-separated) instead; a name ending in .html is that page")
    ap.add_argument("--views", type=Path, default=None, help="a build folder already written: only run --browser on it")
    args = ap.parse_args()

    if args.views is not None:
        print_browser(browser_timings(largest_subject_views(args.views / "views", args.browser or 3, args.subjects), args.loads))
        return

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

    if args.browser:
        print_browser(browser_timings(largest_subject_views(out / "views", args.browser, args.subjects), args.loads))

    if args.from_nx and path is not None:
        import networkx as nx
        from pyvis.network import Network

        data = view_data(path)
        H = nx.Graph()
        H.add_nodes_from((d["id"], {"label": d["label"]}) for d in data["nodes"])
        H.add_edges_from((d[0], d[1], {"weight": 1}) if isinstance(d, list) else (d["from"], d["to"], {"weight": d.get("width", 1)})
                         for d in data["edges"])
        t = time.perf_counter()
        Network(cdn_resources="remote").from_nx(H)
        print(f"pyvis from_nx on that view's {H.number_of_nodes():,} nodes and {H.number_of_edges():,} edges: "
              f"{time.perf_counter() - t:.2f} s (for one view; write_views appends dicts instead)")


if __name__ == "__main__":
    main()
