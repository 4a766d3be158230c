"""Benchmark: qagraph's build, stage by stage, beside the parse floor measured in the same run.

    python bench/run.py                       # 36,000 articles
    python bench/run.py --sizes 36000,100000,300000
    python bench/run.py --sizes 36000,100000,300000 --incremental 36000   # the whole report, one run

Corpora come from bench/generate.py (deterministic) and are kept in bench/corpora/.
Each measurement runs in a fresh process, so its peak memory (VmHWM) is its own:

* floor: read every file and parse its front matter with PyYAML's C loader, one core
  (bench/common.py);
* build: ``qagraph build`` with every output, timed per stage (load, graph,
  similarity, write) from the library's progress events.

Results go to stdout (a table) and bench/out/results.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import common  # noqa: E402 - bench/ is on the path from here on


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """This process's peak (:func:`common.peak_mb`), or the largest peak of its children."""
    return common.peak_mb() if who == resource.RUSAGE_SELF else resource.getrusage(who).ru_maxrss / 1024


def child_build(corpus: Path, out: Path, outputs: str) -> dict:
    import qagraph
    from qagraph.pipeline import OUTPUTS

    marks: list[tuple[str, float]] = []
    built = 0.0

    def progress(stage: str, done: int, total: int) -> None:
        nonlocal built
        if done >= total:
            marks.append((stage, time.perf_counter()))
            if stage == "similarity":
                built = time.perf_counter()

    start = time.perf_counter()
    kg = qagraph.build(corpus, out=out, cache=False, progress=progress,
                       outputs=OUTPUTS if outputs == "all" else outputs.split(","))
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
        "children_peak_mb": peak_mb(resource.RUSAGE_CHILDREN),
        "articles": counts["articles"],
        "edges": counts["edges"],
        "nodes": counts["nodes"],
        "output_bytes": sizes,
    }


def child_make(corpus: Path, out: Path, use_cache: str) -> dict:
    import qagraph
    import qagraph.pipeline  # noqa: F401 - imported before the clock starts, as every stop before 34 did:
    # ``import qagraph`` imports only the version since then, and a build imports the rest (0.1-0.3 s)

    start = time.perf_counter()
    kg = qagraph.build(corpus, out=out, cache=use_cache == "cache")
    return {"seconds": time.perf_counter() - start, "up_to_date": kg.build_info.up_to_date,
            "incremental": kg.build_info.incremental, "peak_mb": peak_mb()}


def outputs_digest(out: Path) -> dict[str, str]:
    """A digest of every output file but void.ttl (which holds the build time), the database
    (compared by its rows: :func:`database_rows`) and the atlas's data (its layout is updated in
    place by a rebuild: articles keep their positions); a large view's page without its
    arrangement, which a rebuild keeps too, and the index page without the sizes of the views'
    files (``without_arrangement``)."""
    import hashlib

    from qagraph.html.views import without_arrangement

    def read(p: Path) -> bytes:
        if p.suffix == ".html" and (p.parent.name == "views" or p == out / "index.html"):
            return without_arrangement(p.read_text(encoding="utf-8")).encode("utf-8")
        return p.read_bytes()

    return {
        p.relative_to(out).as_posix(): hashlib.blake2b(read(p), digest_size=16).hexdigest()
        for p in sorted(out.rglob("*"))
        if p.is_file() and ".qagraph" not in p.parts and p.name not in ("void.ttl", "qagraph.db")
        and not p.relative_to(out).as_posix().startswith("views/atlas/")
    }


def database_rows(out: Path) -> str:
    """A digest of the database's rows (nodes named, not numbered), without the build's fingerprint."""
    import hashlib
    import sqlite3

    con = sqlite3.connect(out / "qagraph.db")
    try:
        nodes = dict(con.execute("SELECT id, node FROM nodes"))
        rows = [f"edge {nodes[s]} {k} {nodes[t]} {w} {p} {d}" for s, k, t, w, p, d in con.execute("SELECT * FROM edges")]
        for table in ("articles", "stubs", "subjects", "keywords", "files", "problems", "links", "names"):
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "node_id"]
            rows += [f"{table} {row}" for row in con.execute(f"SELECT {', '.join(cols)} FROM {table}")]
        rows += [f"meta {k} {v}" for k, v in con.execute("SELECT key, value FROM meta WHERE key != 'fingerprint'")]
    finally:
        con.close()
    return hashlib.blake2b("\n".join(sorted(rows)).encode(), digest_size=16).hexdigest()


def same_as_cold(out: Path, corpus: Path, cold: Path) -> bool:
    """Whether ``out`` holds what a cold build of ``corpus`` (into ``cold``, a fresh process) writes."""
    shutil.rmtree(cold, ignore_errors=True)
    run_child("make", str(corpus), str(cold), "none")
    return outputs_digest(out) == outputs_digest(cold) and database_rows(out) == database_rows(cold)


def incremental(corpus: Path, work: Path) -> dict:
    """Rebuild times with the cache: nothing changed, one article edited, added, deleted.

    Runs on a copy of the corpus; each rebuild is a fresh process, as from the CLI. After
    each change the outputs are compared with those of a cold build of the same content
    (the database by its rows; the atlas's data aside: its layout is updated in place).
    """
    copy = work / "corpus"
    out = work / "out"
    cold = work / "cold"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(corpus, copy)
    articles = sorted(copy.rglob("*.md"))
    times: dict[str, dict] = {"cold (cache filled)": run_child("make", str(copy), str(out), "cache")}
    times["no change"] = run_child("make", str(copy), str(out), "cache")
    same: dict[str, bool] = {}
    edited = articles[len(articles) // 2]
    edited.write_text(edited.read_text(encoding="utf-8").replace("page_keywords: >-\n    ", "page_keywords: >-\n    benchmark edit, ", 1), encoding="utf-8")
    times["edit one article"] = run_child("make", str(copy), str(out), "cache")
    same["edit one article"] = same_as_cold(out, copy, cold)
    source = articles[len(articles) // 3]
    added = source.with_name("bench-added-article.md")
    added.write_text(source.read_text(encoding="utf-8").replace("/questions/", "/questions/bench-added-", 1), encoding="utf-8")
    times["add one article"] = run_child("make", str(copy), str(out), "cache")
    same["add one article"] = same_as_cold(out, copy, cold)
    articles[len(articles) // 4].unlink()
    times["delete one article"] = run_child("make", str(copy), str(out), "cache")
    same["delete one article"] = same_as_cold(out, copy, cold)
    return {"times": times, "identical_to_cold_build": same}


def run_child(*args: str) -> dict:
    return common.run_child(__file__, *args)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "_child":
        kind = sys.argv[2]
        if kind == "make":
            result = child_make(Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5])
        else:
            result = child_build(Path(sys.argv[3]), Path(sys.argv[4]), sys.argv[5])
        print(json.dumps(result))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="36000", help="comma-separated article counts")
    parser.add_argument("--corpora", default=str(HERE / "corpora"))
    parser.add_argument("--out", default=str(HERE / "out"))
    parser.add_argument("--outputs", default="all", help="outputs to write (all, or e.g. report,rdf)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the median is kept")
    parser.add_argument("--incremental", nargs="?", const="all", default=None, metavar="SIZES",
                        help="also time cached rebuilds (no change, one article edited/added/deleted): for every "
                             "size, or for the comma-separated SIZES only (e.g. --sizes 36000,300000 --incremental 36000)")
    args = parser.parse_args()

    common.fresh_bytecode(HERE.parent)
    results = []
    for n in [int(s) for s in args.sizes.split(",")]:
        corpus = common.ensure_corpus(n, Path(args.corpora))
        out = Path(args.out) / f"build-{n}"
        floors, builds = [], []
        for _ in range(args.repeat):
            floors.append(common.floor(corpus))
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
            note = "   (views written by a second process during rdf; this is the wait after it)" if stage == "html" else ""
            print(f"  {stage:<12}{seconds:7.2f} s   {seconds / floor['seconds']:.2f}x floor{note}")
        print(f"  edges: {build['edges']}")
        print(f"  parse workers and view writer, peak each: {build['children_peak_mb']:.0f} MB")
        if args.incremental == "all" or (args.incremental and str(n) in args.incremental.split(",")):
            inc = incremental(corpus, Path(args.out) / f"incremental-{n}")
            row["incremental"] = inc
            print("incremental rebuilds (qagraph.kg.make, a fresh process each):")
            for what, r in inc["times"].items():
                how = "   (up to date)" if r["up_to_date"] else "   (patched)" if r.get("incremental") else ""
                same = inc["identical_to_cold_build"].get(what)
                print(f"  {what:<22}{r['seconds']:7.2f} s   {r['seconds'] / floor['seconds']:.2f}x floor"
                      f"   peak {r['peak_mb']:5.0f} MB{how}{'' if same is None else f'   equal to a cold build: {same}'}")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "results.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
