"""The memory of a whole cold build: its process and the processes it forks, summed.

    python bench/tree_memory.py [--articles 36000] [--baseline-tree PATH] [--workers N]

``run.py`` gives each process's own peak (``VmHWM``). A forked process shares its parent's pages
until one of them writes to a page, and CPython writes to an object whenever it takes a
reference to it, so the peaks of two processes neither add up nor say what the build used.
This samples every 50 ms the proportional set size (PSS: each shared page counted once, split
between its sharers) of the build process and all its descendants, and prints the largest sum
and, for that moment, each process's RSS and the pages it holds alone. Linux only.
With ``--baseline-tree``, the same build runs with the qagraph of another source tree first.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common

HERE = Path(__file__).resolve().parent


def _descendants(pid: int) -> list[int]:
    pids = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                for child in handle.read().split():
                    pids += _descendants(int(child))
    except OSError:  # the process ended meanwhile
        pass
    return pids


def _rollup(pid: int) -> dict[str, int]:
    """``Pss``, ``Rss`` and private pages (kB) of one process; empty when it has ended."""
    fields: dict[str, int] = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                name, _, rest = line.partition(":")
                if name in ("Pss", "Rss", "Private_Clean", "Private_Dirty"):
                    fields[name] = int(rest.split()[0])
    except OSError:
        pass
    return fields


def measure(corpus: Path, tree: Path, workers: int | None = None) -> dict:
    """The peak summed PSS of a cold build of ``corpus`` with the qagraph of ``tree`` (and its
    seconds), ``workers`` passed to ``qagraph.build``."""
    out = Path(tempfile.mkdtemp(prefix="qagraph-tree-memory-"))
    env = dict(os.environ, PYTHONPATH=str(tree))
    code = f"import qagraph; qagraph.build({str(corpus)!r}, out={str(out / 'build')!r}, workers={workers!r})"
    started = time.perf_counter()
    build = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=tree)
    peak: dict = {"pss_mib": 0.0}
    try:
        while build.poll() is None:
            rollups = [_rollup(pid) for pid in _descendants(build.pid)]
            total = sum(r.get("Pss", 0) for r in rollups) / 1024
            if total > peak["pss_mib"]:
                peak = {"pss_mib": total, "processes": [
                    {"rss_mib": r.get("Rss", 0) // 1024,
                     "own_mib": (r.get("Private_Clean", 0) + r.get("Private_Dirty", 0)) // 1024}
                    for r in rollups if r]}
            time.sleep(0.05)
    finally:
        build.wait()
        peak["seconds"] = time.perf_counter() - started
        shutil.rmtree(out, ignore_errors=True)
    if build.returncode:
        raise SystemExit(f"the build with {tree} failed ({build.returncode})")
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--baseline-tree", type=Path, help="another source tree (e.g. a git worktree) to measure first")
    parser.add_argument("--workers", type=int, help="passed to qagraph.build (1: one process throughout)")
    args = parser.parse_args()
    corpus = common.ensure_corpus(args.articles)
    trees = ([("baseline", args.baseline_tree.resolve())] if args.baseline_tree else []) + [("this", HERE.parent)]
    for name, tree in trees:
        peak = measure(corpus, tree, args.workers)
        each = ", ".join(f"{p['rss_mib']} MiB RSS / {p['own_mib']} MiB own" for p in peak["processes"])
        print(f"{name:<8} peak PSS of the build's processes: {peak['pss_mib']:.0f} MiB "
              f"({peak['pss_mib'] * 2**20 / 1e9:.2f} GB), build {peak['seconds']:.1f} s; at that moment: {each}",
              flush=True)


if __name__ == "__main__":
    main()
