"""What the benchmark scripts share: the generated corpora and running a measurement in a fresh process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = HERE / "corpora"


def peak_mb() -> float:
    """This process's peak resident memory in MB since it started its program.

    Not ``ru_maxrss``: Linux carries that across ``exec``, so a child the benchmark
    starts would report the benchmark's own peak when that was higher (the benchmark
    reads whole databases to compare them). ``VmHWM`` belongs to the program's memory.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ensure_corpus(n: int, root: Path = CORPORA) -> Path:
    """``root/<n>``: the generated corpus of ``n`` articles (seed 0), made once and kept."""
    from generate import generate

    target = root / str(n)
    stamp = target / ".complete"
    if not stamp.exists():
        shutil.rmtree(target, ignore_errors=True)
        print(f"generating {n} articles into {target} ...", file=sys.stderr)
        generate(target, n, seed=0)
        stamp.write_text("ok\n")
    return target


def fresh_bytecode(tree: Path) -> None:
    """Compile the bytecode of ``tree``'s qagraph, as installing a package does. Where
    ``PYTHONDONTWRITEBYTECODE`` is set (this machine's shell sets it), a run would otherwise
    compile every module whose bytecode is stale or missing, every time: 0.05 s for a few
    modules just edited, 0.3 s for a fresh checkout (the baseline of ``bench_edit.py``)."""
    import compileall

    compileall.compile_dir(str(tree / "qagraph"), quiet=1)  # py_compile writes whatever that variable says


def warm(corpus: Path) -> None:
    """Read every file once, so that floor and build both find the corpus in the page cache."""
    for path in corpus.rglob("*.md"):
        path.read_bytes()


def run_child(script: str, *args: str) -> dict:
    """Run ``script _child ARGS`` in a fresh Python (so its peak memory is its own); its last stdout line is JSON."""
    proc = subprocess.run([sys.executable, script, "_child", *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_in_tree(tree: Path, code: str, *args: str) -> dict:
    """Run the Python ``code`` with ``ARGS`` in a fresh process, with the qagraph of the checkout ``tree``
    on PYTHONPATH (a baseline's worktree, or this one); its last stdout line is JSON, naming the
    ``qagraph`` module it imported, which must be the tree's own, not an installed one."""
    import os

    done = subprocess.run([sys.executable, "-c", code, *args], env=dict(os.environ, PYTHONPATH=str(tree)), cwd=tree,
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert Path(result["qagraph"]).is_relative_to(tree), result
    return result


def measure_floor(corpus: Path) -> dict:
    """The floor: read every article file and parse its front matter with PyYAML's C loader, one core."""
    import os
    import time

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
    peak = peak_mb()
    return {"seconds": time.perf_counter() - start, "files": files, "peak_mb": peak}


def timed(fn, repeat: int) -> tuple[float, float, object]:
    """Median wall and CPU seconds of ``repeat`` calls of ``fn``, and the last result."""
    import statistics
    import time

    walls, cpus, result = [], [], None
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        result = fn()
        walls.append(time.perf_counter() - w)
        cpus.append(time.process_time() - c)
    return statistics.median(walls), statistics.median(cpus), result


def floor(corpus: Path) -> dict:
    """:func:`measure_floor` in a fresh process, the corpus read once before."""
    warm(corpus)
    return run_child(__file__, "floor", str(corpus))


if __name__ == "__main__" and sys.argv[1:2] == ["_child"]:
    print(json.dumps(measure_floor(Path(sys.argv[3]))))


@contextmanager
def worktree(ref: str, path: Path) -> Iterator[Path]:
    """Git revision ``ref`` of this repository checked out at ``path`` (a detached worktree), removed on the way out."""
    subprocess.run(["git", "worktree", "add", "--detach", str(path), ref], cwd=ROOT, check=True, capture_output=True)
    try:
        yield path
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, check=False, capture_output=True)


@contextmanager
def baseline_checkout(ref: str, name: str) -> Iterator[tuple[Path, Path]]:
    """``(work, base)``: a temporary folder ``qagraph-bench-NAME-*`` for a benchmark comparing this checkout with git
    revision ``ref``, and ``ref`` checked out in it (:func:`worktree`); both removed on the way out."""
    work = Path(tempfile.mkdtemp(prefix=f"qagraph-bench-{name}-"))
    try:
        with worktree(ref, work / "baseline-src") as base:
            yield work, base
    finally:
        shutil.rmtree(work, ignore_errors=True)
