"""Benchmark: qagraph's build, stage by stage, beside the parse floor measured in the same run.

    python bench/run.py                       # 36,000 articles
    python bench/run.py --sizes 36000,100000,300000

Corpora come from bench/generate.py (deterministic) and are kept in bench/corpora/.
Each measurement runs in a fresh process, so its peak memory (ru_maxrss) is its own:

* floor: read every file and parse its front matter with PyYAML's C loader, one core;
* build: ``qagraph build`` with every output, timed per stage (load, graph,
  similarity, write) from the library's progress events.

Results go to stdout (a table) and bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_floor(corpus: Path) -> dict:
    import yaml

    start = time.perf_counter()
    files = 0
    for dirpath, _, names in os.walk(corpus):
        for name in names:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as handle:
                text = handle.read()
            end = text.find("\n---", 3)
            yaml.load(text[4:end], Loader=yaml.CSafeLoader)
            files += 1
    return {"seconds": time.perf_counter() - start, "files": files, "peak_mb": peak_mb()}


def child_build(corpus: Path, out: Path, outputs: str) -> dict:
    import qagraph

    marks: list[tuple[str, float]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if done >= total:
            marks.append((stage, time.perf_counter()))

    start = time.perf_counter()
    kg = qagraph.build(corpus, progress=progress)
    built = time.perf_counter()
    kg.write(out, progress=progress, **({} if outputs == "all" else {"outputs": outputs.split(",")}))
    end = time.perf_counter()
    stages: dict[str, float] = {}
    last = start
    for stage, when in marks:
        stages[stage] = stages.get(stage, 0.0) + (when - last)
        last = when
    stages["other"] = end - last
    counts = kg.counts
    sizes = {p.name: p.stat().st_size for p in out.rglob("*") if p.is_file() and p.parent == out}
    return {
        "seconds": end - start,
        "build_seconds": built - start,
        "write_seconds": end - built,
        "stages": stages,
        "peak_mb": peak_mb(),
        "articles": counts["articles"],
        "edges": counts["edges"],
        "nodes": counts["nodes"],
        "output_bytes": sizes,
    }


def run_child(*args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "_child", *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def ensure_corpus(n: int, root: Path) -> Path:
    from generate import generate

    target = root / str(n)
    stamp = target / ".complete"
    if not stamp.exists():
        shutil.rmtree(target, ignore_errors=True)
        print(f"generating {n} articles into {target} ...", file=sys.stderr)
        generate(target, n, seed=0)
        stamp.write_text("ok\n")
    return target


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        kind = sys.argv[2]
        result = child_floor(Path(sys.argv[3])) if kind == "floor" else child_build(
            Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5]
        )
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="36000", help="comma-separated article counts")
    parser.add_argument("--corpora", default=str(HERE / "corpora"))
    parser.add_argument("--out", default=str(HERE / "out"))
    parser.add_argument("--outputs", default="all", help="outputs to write (all, or e.g. report,rdf)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the median is kept")
    args = parser.parse_args()

    results = []
    for n in [int(s) for s in args.sizes.split(",")]:
        corpus = ensure_corpus(n, Path(args.corpora))
        out = Path(args.out) / f"build-{n}"
        floors, builds = [], []
        for _ in range(args.repeat):
            floors.append(run_child("floor", str(corpus)))
            shutil.rmtree(out, ignore_errors=True)
            builds.append(run_child("build", str(corpus), str(out), args.outputs))
        floor = sorted(floors, key=lambda r: r["seconds"])[len(floors) // 2]
        build = sorted(builds, key=lambda r: r["seconds"])[len(builds) // 2]
        row = {"articles": n, "floor": floor, "build": build, "ratio": build["seconds"] / floor["seconds"]}
        results.append(row)
        print(f"\n== {n} articles ==")
        print(f"floor (read + C-loader parse, 1 core): {floor['seconds']:7.2f} s   peak {floor['peak_mb']:7.0f} MB")
        print(f"qagraph build, all outputs:           {build['seconds']:7.2f} s   peak {build['peak_mb']:7.0f} MB"
              f"   ratio {row['ratio']:.2f}x floor")
        for stage, seconds in build["stages"].items():
            print(f"  {stage:<12}{seconds:7.2f} s   {seconds / floor['seconds']:.2f}x floor")
        print(f"  edges: {build['edges']}")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
