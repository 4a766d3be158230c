"""An edited article's rebuild, this checkout against another git revision, in the same run.

    python bench/bench_edit.py --baseline REF [--rounds 3] [--articles 36000] [--change edit|add|delete|cold]
                               [--where first|middle|last|largest]

`run.py --incremental` times one edit, add and delete against the floor; on a shared machine
whose speed moves from minute to minute, one figure can move by a third. This benchmark times
the same change on both trees, alternating: each tree keeps a build of its own of one copy of
the corpus; each round edits one article (a keyword added), rebuilds with both trees (in turn
first), then undoes the edit and rebuilds with both again (``--change add``: a copy of an article
under a new url is added, then removed; ``--change delete``: an article is deleted, then put
back; ``--change cold``: the build folder is removed and built again, twice a round).
``--where`` places the edited article in the scan's walk (files are walked in path order): a
rebuild's copy of the database, and so its time, once depended on it. ``--where largest`` edits
an article of the largest subject, whose view (4,455 articles at 36k) is made again; the middle
file of the default is in a subject of 141.
Every rebuild is a fresh process and must be a patched one (a full one, for ``cold``). It
prints each time, the medians, their ratio, and the floor before and after (`common.floor`). The baseline is checked out into a temporary worktree; both trees'
bytecode is compiled first (`common.fresh_bytecode`), as an installed package's is.

Two times are kept of each rebuild: the build (``qagraph.build``, from after ``import qagraph.pipeline``)
and the whole command, as a user waits for it (the process started, Python and qagraph
imported, the build, the process ended), timed from outside; and the processor time of the
command's processes, summed (steadier than either time from one minute to the next).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import time
from collections import Counter
from pathlib import Path

import common

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

#: a rebuild in a fresh process, with the qagraph of the tree on PYTHONPATH: seconds, patched or not
CHILD = r"""
import json, sys, time
from pathlib import Path
import qagraph
import qagraph.pipeline  # what "import qagraph" imported before stop 34 made the package lazy: the same clock for both trees
start = time.perf_counter()
kg = qagraph.build(Path(sys.argv[1]), out=Path(sys.argv[2]))
seconds = time.perf_counter() - start
with open("/proc/self/status") as status:  # the build process's own peak (VmHWM), MiB
    peak = next((int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")), None)
print(json.dumps({"seconds": seconds, "incremental": kg.build_info.incremental, "peak": peak,
                  "qagraph": qagraph.__file__}))
"""


def rebuild(tree: Path, corpus: Path, out: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = common.run_in_tree(tree, CHILD, str(corpus), str(out))
    result["command"] = time.perf_counter() - start  # (parsing one line of JSON: not measurable)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # the processor time of the command and of every process it started (each one waited for)
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", required=True, help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="edit-and-undo rounds (each rebuilds 4 times)")
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--change", choices=("edit", "add", "delete", "cold"), default="edit",
                        help="what each round does and undoes (default: a keyword added to one article)")
    parser.add_argument("--where", choices=("first", "middle", "last", "largest"), default="middle",
                        help="the edited article's place in path order, as the scan meets it (--change edit); "
                             "largest: the middle article of the largest subject folder (its view is made again)")
    args = parser.parse_args()

    with common.baseline_checkout(args.baseline, "edit") as (work, base):
        corpus = work / "corpus"
        shutil.copytree(common.ensure_corpus(args.articles), corpus)
        trees = {"baseline": base, "this": ROOT}
        for tree in trees.values():
            common.fresh_bytecode(tree)
        cold = args.change == "cold"
        for name, tree in trees.items():  # the cold builds each rebuild patches
            if not cold:
                rebuild(tree, corpus, work / f"out-{name}")
        files = sorted(corpus.rglob("*.md"))
        # (file, its text after the change, its text after the undo); None: the file is not there
        edited, original, changed = files[0], files[0].read_text(encoding="utf-8"), None
        if cold:  # the same file, the same text: only the build folder goes
            changed = original
        elif args.change == "edit":
            if args.where == "largest":  # the middle one of the folder holding the most articles
                folders = Counter(p.parent for p in files)
                largest = sorted(p for p in files if p.parent == max(folders, key=lambda f: (folders[f], str(f))))
                edited = largest[len(largest) // 2]
            else:
                edited = files[{"first": 0, "middle": args.articles // 2, "last": -1}[args.where]]
            original: str | None = edited.read_text(encoding="utf-8")
            changed: str | None = original.replace("page_keywords: >-\n    ", "page_keywords: >-\n    benchmark edit, ", 1)
        elif args.change == "add":  # as run.py --incremental adds one
            source = files[args.articles // 3]
            edited = source.with_name("bench-added-article.md")
            original, changed = None, source.read_text(encoding="utf-8").replace("/questions/", "/questions/bench-added-", 1)
        else:
            edited = files[args.articles // 4]
            original, changed = edited.read_text(encoding="utf-8"), None
        floors = [common.floor(corpus)["seconds"]]
        print(f"floor {floors[0]:.2f} s", flush=True)
        times: dict[str, list[float]] = {name: [] for name in trees}
        commands: dict[str, list[float]] = {name: [] for name in trees}
        cpus: dict[str, list[float]] = {name: [] for name in trees}
        peaks: dict[str, list[float]] = {name: [] for name in trees}
        for i in range(args.rounds):
            for step, text in ((args.change, changed), ("undo", original)):
                if text is None:
                    edited.unlink()
                elif not cold:
                    edited.write_text(text, encoding="utf-8")
                for name in (list(trees) if i % 2 == 0 else list(trees)[::-1]):
                    if cold:
                        shutil.rmtree(work / f"out-{name}", ignore_errors=True)
                    result = rebuild(trees[name], corpus, work / f"out-{name}")
                    if result["incremental"] == cold:
                        raise SystemExit(f"{name}: the {step} of round {i} was "
                                         f"{'patched, not built in full' if cold else 'built in full, not patched'}")
                    times[name].append(result["seconds"])
                    commands[name].append(result["command"])
                    cpus[name].append(result["cpu"])
                    peaks[name].append(result["peak"])
                    print(f"round {i} {step:<4} {name:<8} {result['seconds']:6.2f} s   command {result['command']:6.2f} s"
                          f"   processor {result['cpu']:6.2f} s   peak {result['peak']:6.0f} MiB", flush=True)
        floors.append(common.floor(corpus)["seconds"])
        medians = {name: statistics.median(t) for name, t in times.items()}
        whole = {name: statistics.median(t) for name, t in commands.items()}
        print(f"floor {floors[1]:.2f} s")
        for name, t in times.items():
            print(f"{name:<8} median {medians[name]:.2f} s   all {', '.join(f'{s:.2f}' for s in t)}")
        for name, t in commands.items():
            print(f"{name:<8} command median {whole[name]:.2f} s   all {', '.join(f'{s:.2f}' for s in t)}")
        processor = {name: statistics.median(t) for name, t in cpus.items()}
        for name in trees:
            print(f"{name:<8} processor time median {processor[name]:.2f} s (the command's processes, summed)")
        print(f"processor time: this / {args.baseline}: {processor['this'] / processor['baseline']:.2f}")
        for name, p in peaks.items():
            print(f"{name:<8} peak of the build process: {min(p):.0f}-{max(p):.0f} MiB")
        for label, of in (("build", medians), ("command", whole)):
            print(f"{label}: this / {args.baseline}: {of['this'] / of['baseline']:.2f}; "
                  f"x floor (the lower and higher floor): {of['this'] / max(floors):.2f}-{of['this'] / min(floors):.2f}")
        out = HERE / "out"
        out.mkdir(exist_ok=True)
        (out / f"{args.change}.json").write_text(json.dumps({"baseline": args.baseline, "change": args.change,
                                                              "floors": floors, "times": times,
                                                   "medians": medians, "commands": commands,
                                                   "command_medians": whole, "processor": cpus, "peaks": peaks},
                                                  indent=2))


if __name__ == "__main__":
    main()
