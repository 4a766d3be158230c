"""Builds that are killed, interrupted or run out of disk leave the previous build as it was.

``qagraph build`` runs in a subprocess on a generated corpus large enough to use every
moving part (a pool of parsing processes, the views written by a forked process beside
the RDF writer), over a previous build. It is killed (SIGKILL) or interrupted (SIGINT, to
the process alone or to its group as Ctrl-C does; SIGTERM, as ``kill`` and services do) at several points: after a delay, or
when a given file appears in its staging folder. After each: the previous build folder is
byte for byte what it was (or, if the build finished before the signal landed, the whole
new build), none of its helper processes is left running, an interrupted build exits 130
(a terminated one 143) with one line and no traceback, and the next build removes what a killed one left and
succeeds. A full disk is a real one: a tmpfs mounted by the test.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from qagraph.fileio import BuildFolder

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate  # noqa: E402  (bench/generate.py: a corpus shaped like the real one)

ARTICLES = 2000  # the views are written by a forked process from 2,000 articles on


def snapshot(folder: Path) -> dict[str, str]:
    """Every file of ``folder`` (its private ``.qagraph/`` included) by content digest."""
    return {p.relative_to(folder).as_posix(): hashlib.blake2b(p.read_bytes(), digest_size=16).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() or p.is_symlink()}


def leftovers(parent: Path, out: Path) -> list[str]:
    """What a build may have left beside the output and in it: staging folders, copies of the
    database made ahead, and temporary files."""
    beside = [p.name for p in parent.iterdir() if ".qagraph-staging-" in p.name or ".qagraph-copy-" in p.name]
    inside = [p.relative_to(out).as_posix() for p in out.rglob("*") if re.search(r"\.(tmp|src)$", p.name)]
    return beside + inside


def descendants(pid: int) -> set[int]:
    """The processes started by ``pid`` (and by them), from /proc."""
    children: dict[int, list[int]] = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            text = Path(stat).read_text()
        except OSError:
            continue
        fields = text[text.rindex(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(stat.split("/")[2]))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def start(content: Path, out: Path, err: Path, *options: str) -> subprocess.Popen[bytes]:
    """A build in a session of its own, its stderr into ``err`` (a helper left running cannot hold it open)."""
    with open(err, "wb") as handle:
        return subprocess.Popen([sys.executable, "-m", "qagraph", "build", "-c", str(content), "-o", str(out), "-q",
                                 *options], stdout=subprocess.DEVNULL, stderr=handle, start_new_session=True)


def build(content: Path, out: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "qagraph", "build", "-c", str(content), "-o", str(out), "-q"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("corpus") / "content"
    generate(content, ARTICLES, seed=3)
    return content


# (name, signal, to the whole group as Ctrl-C does, extra options, when: a glob in the staging
#  folder, "pool" once the parsing processes run, "fork" as the first one starts, "N" ms after the
#  start, or "rewritten" once an RDF part has been written again)
FULL = ("--no-cache",)  # every file parsed and every output written again, nothing kept from the previous build
POINTS = [
    ("SIGKILL 300 ms after the start (reading the files)", signal.SIGKILL, False, FULL, "300"),
    ("SIGKILL while the pool parses", signal.SIGKILL, False, FULL, "pool"),
    ("SIGINT to the group while the pool parses", signal.SIGINT, True, FULL, "pool"),
    ("SIGINT to the group as the first parsing process starts", signal.SIGINT, True, FULL, "fork"),
    ("SIGKILL while the RDF is written", signal.SIGKILL, False, FULL, "rdf/.part-*.tmp"),
    ("SIGKILL while the views are written by a forked process", signal.SIGKILL, False, FULL, "views/*.html"),
    ("SIGINT while the views are written", signal.SIGINT, False, FULL, "views/*.html"),
    ("SIGINT while the RDF is written", signal.SIGINT, False, FULL, "rdf/.part-*.tmp"),
    ("SIGKILL while the database is written", signal.SIGKILL, False, FULL, ".qagraph.db.*.tmp"),
    ("SIGKILL as the report is written, just before the swap", signal.SIGKILL, False, FULL, "report.json"),
    # an incremental build: the previous build's database copied and patched, its other files linked
    ("SIGKILL as an incremental build copies the database", signal.SIGKILL, False, (), "qagraph.db"),
    # its parts are small (32 at 2,000 articles) and few are written again: a temporary file lives
    # too briefly to be seen, so the signal comes once one part has been written again
    ("SIGKILL while an incremental build writes the RDF", signal.SIGKILL, False, (), "rewritten"),
    ("SIGINT while an incremental build writes the RDF", signal.SIGINT, False, (), "rewritten"),
    # SIGTERM (kill, timeout, a service or container stopped) ends a build as Ctrl-C does, exit 143
    ("SIGTERM while the pool parses", signal.SIGTERM, False, FULL, "pool"),
    ("SIGTERM to the group while the pool parses", signal.SIGTERM, True, FULL, "pool"),
    ("SIGTERM while the views are written", signal.SIGTERM, False, FULL, "views/*.html"),
    ("SIGTERM while an incremental build writes the RDF", signal.SIGTERM, False, (), "rewritten"),
]

#: how a build stopped by a signal it takes ends: its exit code and its one line
ENDINGS = {signal.SIGINT: (130, "qagraph: interrupted; the previous build, if any, is as it was\n"),
           signal.SIGTERM: (143, "qagraph: terminated; the previous build, if any, is as it was\n")}


def rewritten(stage: Path, out: Path) -> bool:
    """Has the build staged in ``stage`` written again an RDF part of ``out`` (kept parts are hard links)?"""
    for part in (stage / "rdf").glob("part-*.nq"):
        try:
            if part.stat().st_ino != (out / "rdf" / part.name).stat().st_ino:
                return True
        except FileNotFoundError:  # renamed or removed meanwhile
            continue
    return False


def test_killed_and_interrupted_builds(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(corpus, out)
    before = snapshot(out)
    stale: list[str] = []
    edited = sorted(corpus.rglob("*.md"))[7]
    original = edited.read_text(encoding="utf-8")
    for n, (name, sig, group, options, when) in enumerate(POINTS):
        edited.write_text(original.replace("---\n", f"---\nedit: {n}\n", 1), encoding="utf-8")  # not up to date
        err = tmp_path / f"stderr-{n}"
        process = start(corpus, out, err, *options)
        started, staged = time.monotonic(), None
        helpers: set[int] = set()
        while process.poll() is None:
            stages = [Path(p) for p in glob.glob(str(tmp_path / ".out.qagraph-staging-*"))
                      if Path(p).name not in stale]
            if stages and staged is None:
                staged = time.monotonic()
                gone = [s for s in stale if (tmp_path / s).exists()]
                assert not gone, f"{name}: a killed build's staging folder was not removed: {gone}"
            if when in ("pool", "fork"):
                hit = staged is not None and len(descendants(process.pid)) >= (2 if when == "pool" else 1)
            elif when.isdigit():
                hit = time.monotonic() - started > int(when) / 1000
            elif when == "rewritten":
                hit = any(rewritten(stage, out) for stage in stages)
            else:
                hit = any(glob.glob(str(stage / when)) for stage in stages)
            if hit:
                helpers = descendants(process.pid)
                (os.killpg if group else os.kill)(process.pid, sig)
                break
            time.sleep(0.002)
        else:
            pytest.fail(f"{name}: the build ended (exit {process.returncode}) before the point was reached")
        process.wait(timeout=300)
        message = err.read_text()
        if os.environ.get("QAGRAPH_TEST_VERBOSE"):
            print(f"{name}: signal after {time.monotonic() - started:.2f} s, {len(helpers)} helper(s), "
                  f"exit {process.returncode}", flush=True)
        deadline = time.monotonic() + 10
        while alive(helpers) and time.monotonic() < deadline:
            time.sleep(0.05)
        survivors = alive(helpers)
        for pid in survivors:  # not to leave them running when the test fails
            os.kill(pid, signal.SIGKILL)
        assert not survivors, f"{name}: helper processes outlived the build"
        assert "Traceback" not in message, message
        now = snapshot(out)
        if now != before:  # swapped in before the signal landed (or it finished): the new build, whole
            assert process.returncode in (0, -signal.SIGKILL, 130, 143), (name, message)
            assert BuildFolder(out).intact(), f"{name}: the build folder is neither the previous build nor a new one"
            assert json.loads((out / "report.json").read_text())["counts"]["articles"] == ARTICLES
            before = now
        if process.returncode == 0:
            continue
        if sig in ENDINGS:
            assert (process.returncode, message) == ENDINGS[sig], name
            assert leftovers(tmp_path, out) == [], name
        else:
            assert process.returncode == -signal.SIGKILL, (name, message)
        stale = [p for p in leftovers(tmp_path, out) if ".qagraph-staging-" in p or ".qagraph-copy-" in p]
    build(corpus, out)
    assert leftovers(tmp_path, out) == []
    report = json.loads((out / "report.json").read_text())
    assert report["counts"]["files"] == report["counts"]["articles"] == ARTICLES
    assert (out / "qagraph.db").is_file() and (out / "views" / "overview.html").is_file()


def test_ctrl_c_while_the_rdf_pool_writes(corpus: Path, tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the process group) while the RDF parts are written by a pool: one line, exit 130.

    With the views the RDF is written in-process (the views writer has the other core);
    RDF alone, its two parts are written by two workers.
    """
    out = tmp_path / "out"
    err = tmp_path / "stderr"
    process = start(corpus, out, err, "--only", "rdf")
    while process.poll() is None:  # the two RDF workers run
        if glob.glob(str(tmp_path / ".out.qagraph-staging-*" / "rdf")) and len(descendants(process.pid)) >= 2:
            os.killpg(process.pid, signal.SIGINT)
            break
        time.sleep(0.005)
    else:
        pytest.fail(f"the build ended (exit {process.returncode}) before the RDF workers ran")
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        pytest.fail("the build hung after Ctrl-C")
    finally:
        with contextlib.suppress(ProcessLookupError):  # workers it left behind (they keep its process group)
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert (process.returncode, err.read_text()) == (
        130, "qagraph: interrupted; the previous build, if any, is as it was\n")


# -- a full disk --------------------------------------------------------------------------------------


def _in_a_mount_namespace_as_root() -> bool:
    """Not root: run this test again as root of a user and mount namespace of its own (never skipped)."""
    if os.geteuid() == 0:
        return False
    again = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", sys.executable, "-m", "pytest", "-q",
                            "-p", "no:cacheprovider", f"{__file__}::test_full_disk"], capture_output=True, text=True,
                           cwd=ROOT, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    return True


def test_full_disk(tmp_path: Path) -> None:
    """A build that runs out of space exits 3, says so about OUT, and leaves the previous build.

    Full builds and incremental ones (which link the outputs they keep, so need less
    room) run with less and less free space; each fails that way or, with room enough,
    leaves the whole new build. They must fail at several different places.
    """
    if _in_a_mount_namespace_as_root():
        return
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(disk)], check=True)
    try:
        out = disk / "out"
        build(content, out)
        before = snapshot(out)
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        filler = disk / "filler"
        failed_at: list[str] = []
        attempts = [(options, share) for options in (("--no-cache",), ()) for share in (0.0, 0.05, 0.2, 0.4, 0.6, 0.8)]
        for n, (options, share) in enumerate(attempts):
            (content / "new").mkdir(exist_ok=True)
            (content / "new" / f"n{n}.md").write_text(f"---\ntitle: New {n}\n---\n")
            with open(filler, "wb") as handle:
                free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
                os.posix_fallocate(handle.fileno(), 0, max(4096, free - int(share * size)))
            done = subprocess.run([sys.executable, "-m", "qagraph", "build", "-c", str(content), "-o", str(out), "-q",
                                   *options], capture_output=True, text=True, timeout=600)
            filler.unlink()
            assert leftovers(disk, out) == [], (options, share)
            if done.returncode == 0:  # room enough: the new build, whole
                assert BuildFolder(out).intact()
                before = snapshot(out)
                continue
            assert done.returncode == 3, (options, share, done.stderr)
            assert re.fullmatch(rf"qagraph: {re.escape(str(out))}: cannot write (.+): (No space left on device|"
                                r"database or disk is full); the build folder is as it was\n", done.stderr), done.stderr
            failed_at.append(done.stderr.split(": cannot write ")[1].split(":")[0])
            assert snapshot(out) == before, (options, share)
        if os.environ.get("QAGRAPH_TEST_VERBOSE"):
            print("ran out of space writing:", failed_at)
        assert len({place.split("/")[0] for place in failed_at}) >= 3, failed_at  # cache, views, RDF, database...
        build(content, out)
        assert json.loads((out / "report.json").read_text())["counts"]["files"] >= len(attempts)
    finally:
        subprocess.run(["umount", str(disk)], check=True)
