"""qagraph.parallel: a writer in a forked process gives what it would give here."""

from __future__ import annotations

import os
import signal
import time

import pytest

from qagraph import QagraphError
from qagraph.pipeline import OUTPUTS, write_outputs
from qagraph.parallel import Claims, beside, beside_later
from test_pipeline import database_rows


def test_a_second_core_runs_the_task_in_another_process(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert beside(os.getpid)() != os.getpid()
    assert beside(os.getpid, fork=False)() == os.getpid()


def test_a_forked_task_runs_without_the_cyclic_collector_and_leaves_the_callers_alone(monkeypatch):
    # a child renders views or RDF parts and exits; the collector only re-walked what it made
    import gc

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert gc.isenabled()
    assert beside(gc.isenabled)() is False
    later = beside_later(lambda: None, lambda _, receive: (receive(), gc.isenabled())[1])
    later.send("go")  # a task with no message at all is not run
    assert later.wait() is False
    assert gc.isenabled() and beside(gc.isenabled, fork=False)() is True


def test_claims_hand_each_item_to_one_process_whichever_asks_first(monkeypatch, tmp_path):
    """Two processes taking items from the same claims take each item once, all of them between
    them; the slow one takes fewer. (This process waits after its first item until the other has
    taken one: a fork that a busy machine started late found every item taken.)"""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    claims = Claims(40)
    started = tmp_path / "there"

    def take_all(pause: float, there: bool) -> list[int]:
        taken = []
        while (i := claims.take()) is not None:
            taken.append(i)
            if there:
                started.touch()
            deadline = time.monotonic() + 30
            while not there and not started.exists() and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(pause)
        return taken

    wait = beside(lambda: (os.getpid(), take_all(0.03, True)))
    here = take_all(0.01, False)
    pid, there = wait()
    assert pid != os.getpid() and there, "the other process took none"
    assert sorted(here + there) == list(range(40)) and len(there) < len(here)
    assert claims.taken_here == len(here) and claims.take() is None


def test_one_core_runs_the_task_here(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert beside(os.getpid)() == os.getpid()


def test_errors_come_back(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    def fail():
        raise QagraphError("no room", path="out/x.html")

    with pytest.raises(QagraphError, match="out/x.html: no room"):
        beside(fail)()


def test_unpicklable_error_is_still_reported(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    class Local(Exception):  # a local class cannot be pickled
        pass

    def fail():
        raise Local("boom")

    with pytest.raises(QagraphError, match="Local: boom"):
        beside(fail)()


def test_child_that_dies_is_reported(monkeypatch):
    """A child that ends without its result is a ProcessError (exit 70), saying how it ended: it was a
    QagraphError, the exit code of a usage error (2), "exit code -9" for a process killed."""
    from qagraph.errors import ProcessError

    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    with pytest.raises(ProcessError, match="ended without a result: it exited with code 3$") as raised:
        beside(lambda: os._exit(3))()
    assert raised.value.exit_code == 70
    with pytest.raises(ProcessError, match="ended without a result: killed by SIGKILL \\(the system does so when "
                                          "memory runs out; or kill -9\\)$"):
        beside(lambda: os.kill(os.getpid(), signal.SIGKILL))()


def test_a_later_task_prepares_before_its_input_comes(monkeypatch, tmp_path):
    """beside_later: the preparation runs in the other process before any message is sent;
    the task then receives the messages in order, and EOFError once wait() is called."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    mark = tmp_path / "prepared"

    def prepare():
        mark.write_text(str(os.getpid()))
        return 6

    def task(six, receive):
        first = receive()
        second = receive()
        try:
            receive()
        except EOFError:
            return six * first, second, os.getpid()

    later = beside_later(prepare, task)
    deadline = time.monotonic() + 30
    while not mark.exists() and time.monotonic() < deadline:  # no message sent yet
        time.sleep(0.01)
    assert mark.exists()
    later.send(7)
    later.send({"big": "x" * 1_000_000})  # more than a pipe holds: send() waits for the task to read it
    value, second, pid = later.wait()
    assert value == 42 and second == {"big": "x" * 1_000_000} and pid == int(mark.read_text()) != os.getpid()

    inline = beside_later(lambda: os.getpid(), task, fork=False)
    inline.send(7)
    inline.send("x")
    assert inline.wait() == (7 * os.getpid(), "x", os.getpid())


def test_a_later_task_reports_errors_and_can_be_cancelled(monkeypatch, tmp_path):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    def broken():
        raise QagraphError("cannot read the layout", path="out/.qagraph/atlas.json")

    failing = beside_later(broken, lambda prepared, receive: receive())
    failing.send(1)
    with pytest.raises(QagraphError, match="atlas.json: cannot read the layout"):
        failing.wait()
    failing = beside_later(lambda: None, lambda prepared, receive: _fail(receive()))
    failing.send("out/x.html")
    with pytest.raises(QagraphError, match="out/x.html: no room"):
        failing.wait()
    waiting = beside_later(lambda: None, lambda prepared, receive: (receive(), receive()))
    waiting.send(1)  # the sender failed before its second message: wait() ends the task's waiting
    with pytest.raises(EOFError):
        waiting.wait()

    later = beside_later(lambda: time.sleep(60), lambda prepared, receive: receive())
    pid = later._pid
    started = time.monotonic()
    later.cancel()  # a fallback: the input will not come
    assert time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):  # ended and reaped
        os.waitpid(pid, os.WNOHANG)
    later.cancel()  # twice is harmless


def _fail(path):
    raise QagraphError("no room", path=path)


def test_parallel_write_equals_serial(small_kg, tmp_path, monkeypatch):
    """Past PARALLEL_WRITE_ARTICLES the views are written in a forked process while this one
    writes the RDF and the database: the same files, the same rows, the same report."""
    import qagraph.pipeline

    G, report = small_kg.graph, small_kg.report()
    serial = write_outputs(G, report, tmp_path / "serial", outputs=OUTPUTS)
    monkeypatch.setattr(qagraph.pipeline, "PARALLEL_WRITE_ARTICLES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    parallel = write_outputs(G, report, tmp_path / "parallel", outputs=OUTPUTS)
    assert database_rows(tmp_path / "serial") == database_rows(tmp_path / "parallel")
    assert (tmp_path / "serial" / "report.json").read_text() == (tmp_path / "parallel" / "report.json").read_text()
    assert [p.relative_to(tmp_path / "serial") for p in serial] == [p.relative_to(tmp_path / "parallel") for p in parallel]
    for a, b in zip(serial, parallel):
        if a.name not in ("void.ttl", "qagraph.db"):  # the build time; the database is compared by rows elsewhere
            assert a.read_bytes() == b.read_bytes(), a.name


def test_rdf_parts_shared_by_both_writers_equal_one_writers(small_kg, tmp_path, monkeypatch):
    """The RDF parts of a parallel write are taken, one at a time, by this process (after the
    database) and by the view process (after the views): written by both, with void.ttl and the
    kept statistics made from all of them, they are the parts one process writes. (8 parts here,
    each made to take 0.1 s; the view process waits until this one has begun its first.)"""
    import json

    import qagraph.pipeline
    import qagraph.rdf.export
    from qagraph.rdf import part_files

    G, report = small_kg.graph, small_kg.report()
    monkeypatch.setattr(qagraph.rdf.export, "part_count", lambda articles: 8)
    serial = write_outputs(G, report, tmp_path / "serial", outputs=OUTPUTS)
    monkeypatch.setattr(qagraph.pipeline, "PARALLEL_WRITE_ARTICLES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    write_html, write_part = qagraph.pipeline.write_html, qagraph.rdf.export._write_part
    writers = tmp_path / "writers"
    writers.mkdir()

    def views_then_wait(G, out, **kwargs):
        written = write_html(G, out, **kwargs)
        deadline = time.monotonic() + 30
        while not any(writers.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.01)
        return written

    def slow_part(i):
        with open(writers / str(os.getpid()), "a") as parts:
            parts.write(f"{i}\n")
        time.sleep(0.1)
        return write_part(i)

    monkeypatch.setattr(qagraph.pipeline, "write_html", views_then_wait)
    monkeypatch.setattr(qagraph.rdf.export, "_write_part", slow_part)
    parallel = write_outputs(G, report, tmp_path / "parallel", outputs=OUTPUTS)
    taken = [sorted(int(i) for i in f.read_text().split()) for f in writers.iterdir()]
    assert len(taken) == 2 and sorted(sum(taken, [])) == list(range(8))  # each part once, both wrote some
    assert [p.name for p in part_files(tmp_path / "parallel")] == [f"part-{i:03d}.nq" for i in range(8)]
    assert [p.relative_to(tmp_path / "serial") for p in serial] == [p.relative_to(tmp_path / "parallel") for p in parallel]
    for a, b in zip(serial, parallel):
        if a.name not in ("void.ttl", "qagraph.db"):
            assert a.read_bytes() == b.read_bytes(), a.name
    state = ".qagraph/rdf-parts.json"
    assert json.loads((tmp_path / "parallel" / state).read_text()) == json.loads((tmp_path / "serial" / state).read_text())

    def void(out):  # but the build time
        return [line for line in (out / "rdf" / "void.ttl").read_text().splitlines() if "dateTime" not in line]

    assert void(tmp_path / "parallel") == void(tmp_path / "serial")


def test_without_a_shared_counter_the_build_process_writes_every_rdf_part(small_kg, tmp_path, monkeypatch):
    """Where processes cannot share a counter (no /dev/shm: multiprocessing's lock cannot be made),
    the view process writes views only and this one every part: the same files."""
    import qagraph.parallel
    import qagraph.pipeline
    import qagraph.rdf.export

    G, report = small_kg.graph, small_kg.report()
    monkeypatch.setattr(qagraph.rdf.export, "part_count", lambda articles: 3)
    serial = write_outputs(G, report, tmp_path / "serial", outputs=OUTPUTS)

    def no_shared_memory(n):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(qagraph.parallel, "Claims", no_shared_memory)
    monkeypatch.setattr(qagraph.pipeline, "PARALLEL_WRITE_ARTICLES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    parallel = write_outputs(G, report, tmp_path / "parallel", outputs=OUTPUTS)
    assert [p.relative_to(tmp_path / "serial") for p in serial] == [p.relative_to(tmp_path / "parallel") for p in parallel]
    for a, b in zip(serial, parallel):
        if a.name not in ("void.ttl", "qagraph.db"):
            assert a.read_bytes() == b.read_bytes(), a.name


def test_one_worker_builds_and_patches_in_one_process(tmp_path, monkeypatch):
    """workers=1: nothing is forked, in a full build or a patched one, however big the graph
    (the memory is then one process's: two that read the same graph each copy most of it)."""
    import shutil

    import qagraph
    import qagraph.pipeline
    from conftest import CONTENT

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    monkeypatch.setattr(qagraph.pipeline, "PARALLEL_WRITE_ARTICLES", 0)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)

    def no_fork():
        raise AssertionError("a process was forked")

    monkeypatch.setattr(os, "fork", no_fork)
    first = qagraph.build(content, out=tmp_path / "out", workers=1)
    edited = sorted(content.rglob("*.md"))[3]
    edited.write_text(edited.read_text(encoding="utf-8").replace(
        "page_keywords: >-\n    ", "page_keywords: >-\n    one process, ", 1), encoding="utf-8")
    again = qagraph.build(content, out=tmp_path / "out", workers=1)
    assert not first.build_info.incremental and again.build_info.incremental
    assert "one process" in {d.get("label") for _, d in again.graph.nodes(data=True)}
    monkeypatch.undo()
    monkeypatch.setattr(qagraph.pipeline, "PARALLEL_WRITE_ARTICLES", 0)
    with pytest.raises(AssertionError, match="forked"):  # and without workers=1, the views are forked
        monkeypatch.setattr(os, "cpu_count", lambda: 2)
        monkeypatch.setattr(os, "fork", no_fork)
        qagraph.build(content, out=tmp_path / "other")
