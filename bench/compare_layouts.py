"""Benchmark: ``atlas_layout`` of two source trees on the same graph, in the same run.

    python bench/compare_layouts.py OLD_TREE                 # e.g. a `git worktree add` of main
    python bench/compare_layouts.py OLD_TREE NEW_TREE --corpus bench/corpora/36000 --rounds 2

Each tree's ``qagraph.layout`` runs in fresh processes (alternating old, new, old, new, so
the shared machine's load falls on both), on one graph built once and pickled. Reported
per tree: median wall and CPU seconds of ``atlas_layout`` (of --repeat calls, then of the
rounds) and of its stages (link arrays, communities, labels, positions), the import time of
the module's community code, the growth of peak memory during the layout (Linux: the peak
is reset first), and the quality of
the communities: their count (and how many get a disc) and their weighted modularity,
computed here by one formula for both. The parse floor (bench/common.py) is measured in
the same run.
"""

from __future__ import annotations

import argparse
import gc
import json
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import timed  # noqa: E402 - bench/ is on the path from here on


def modularity(nodes: list[str], edges, weights, parts: list[list[str]], resolution: float = 1.0) -> float:
    """Newman's weighted modularity of ``parts`` over the undirected graph (``edges`` index ``nodes``)."""
    import numpy as np

    index = {n: i for i, n in enumerate(nodes)}
    labels = np.zeros(len(nodes), dtype=np.int64)
    for c, members in enumerate(parts):
        labels[[index[n] for n in members]] = c
    total = float(weights.sum())
    degree = np.bincount(edges[:, 0], weights, len(nodes)) + np.bincount(edges[:, 1], weights, len(nodes))
    same = labels[edges[:, 0]] == labels[edges[:, 1]]
    inside = np.bincount(labels[edges[same, 0]], weights[same], len(parts))
    spread = np.bincount(labels, degree, len(parts)) / (2 * total)
    return float(inside.sum() / total - resolution * (spread**2).sum())


def status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def reset_peak() -> float:
    """Reset the peak resident size to the current one (Linux: clear_refs 5); return it in MB."""
    Path("/proc/self/clear_refs").write_text("5")
    return status_mb("VmRSS")


def child(tree: Path, graph: Path, repeat: int, out: Path | None) -> dict:
    sys.path.insert(0, str(tree))
    import qagraph.layout as L

    assert Path(L.__file__).resolve().is_relative_to(tree.resolve()), L.__file__
    with open(graph, "rb") as handle:
        G = pickle.load(handle)
    gc.freeze()  # as the build does
    started = time.perf_counter()  # what each tree's communities import on first use
    if hasattr(L, "_louvain_core"):  # trees of before stop 30 (igraph before that)
        L._louvain_core()
    else:  # scikit-network's core, through qagraph.modularity
        __import__("qagraph.modularity")
    imported = time.perf_counter() - started
    before = reset_peak()
    wall, cpu, atlas = timed(lambda: L.atlas_layout(G), repeat)
    peak = status_mb("VmHWM")
    arrays = L._link_arrays(G)
    stages = {"link arrays": timed(lambda: L._link_arrays(G), repeat)[:2]}
    # fresh arrays each time: a tree may cache work on them (the old one its igraph graph)
    fresh = lambda: L._Arrays(arrays.nodes, arrays.edges, arrays.weights)  # noqa: E731
    w, c, parts = timed(lambda: L._communities(fresh(), resolution=1.0, seed=0, previous=None), repeat)
    stages["communities"] = (w, c)
    stages["labels"] = timed(lambda: L.label_communities(G, parts), repeat)[:2]
    stages["positions"] = timed(lambda: L._layout(arrays, parts, seed=0, iterations=80), repeat)[:2]
    sizes = [len(c.members) for c in atlas.communities]
    if out is not None:
        out.write_text(json.dumps(atlas.as_dict()))
    return {
        "wall": wall, "cpu": cpu, "stages": stages, "import_s": imported,
        "peak_growth_mb": peak - before, "peak_mb": peak,
        "communities": len(sizes), "discs": sum(s >= L.MIN_DISC for s in sizes), "largest": max(sizes),
        "modularity": modularity(arrays.nodes, arrays.edges, arrays.weights, [list(c.members) for c in atlas.communities]),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old", type=Path, help="a source tree holding the old qagraph/")
    ap.add_argument("new", type=Path, nargs="?", default=HERE.parent, help="the new one (default: this tree)")
    ap.add_argument("--corpus", type=Path, default=HERE / "corpora" / "36000")
    ap.add_argument("--rounds", type=int, default=2, help="fresh processes per tree, alternating")
    ap.add_argument("--repeat", type=int, default=3, help="calls per process (median)")
    ap.add_argument("--save", type=Path, default=None, help="write each tree's atlas (JSON) into this folder")
    args = ap.parse_args()

    import common

    floor = common.floor(args.corpus)["seconds"]
    print(f"floor  {floor:.2f} s (read + C-loader parse of every file, one core, same run)")
    sys.path.insert(0, str(args.new))
    import qagraph

    started = time.perf_counter()
    G = qagraph.build(args.corpus).graph
    print(f"graph  {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges, built in {time.perf_counter() - started:.0f} s")
    results: dict[str, list[dict]] = {"old": [], "new": []}
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "graph.pickle"
        with open(graph, "wb") as handle:
            pickle.dump(G, handle, protocol=pickle.HIGHEST_PROTOCOL)
        del G
        for round_ in range(args.rounds):
            for name, tree in (("old", args.old), ("new", args.new)):
                save = args.save / f"atlas-{name}.json" if args.save and round_ == 0 else None
                cmd = [sys.executable, __file__, "_child", str(tree.resolve()), str(graph), str(args.repeat), str(save or "")]
                proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
                if proc.returncode:
                    raise SystemExit(f"{name} failed:\n{proc.stderr}")
                results[name].append(json.loads(proc.stdout.strip().splitlines()[-1]))
    for name, runs in results.items():
        med = lambda key: statistics.median(r[key] for r in runs)  # noqa: E731
        stage = lambda key, i: statistics.median(r["stages"][key][i] for r in runs)  # noqa: E731
        first = runs[0]
        print(f"\n{name}: atlas_layout {med('wall'):.2f} s wall, {med('cpu'):.2f} s CPU = {med('wall') / floor:.2f}x floor"
              f" (runs: {', '.join(format(r['cpu'], '.2f') for r in runs)} s CPU)")
        for key in first["stages"]:
            print(f"  {key:<12} {stage(key, 0):5.2f} s wall {stage(key, 1):5.2f} s CPU")
        print(f"  import of the community code {med('import_s'):.2f} s; peak memory +{med('peak_growth_mb'):.0f} MB "
              f"during the layout ({med('peak_mb'):.0f} MB with the graph)")
        print(f"  {first['communities']} communities ({first['discs']} discs, largest {first['largest']:,}), "
              f"modularity {first['modularity']:.4f}")


if __name__ == "__main__" and sys.argv[1:2] == ["_child"]:
    tree, graph, repeat, out = sys.argv[2:6]
    print(json.dumps(child(Path(tree), Path(graph), int(repeat), Path(out) if out else None)))
elif __name__ == "__main__":
    main()
