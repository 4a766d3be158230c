"""Helper processes: they ignore Ctrl-C (the build takes it) and end with the process that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from qagraph.workers import end_with_parent, fork_pool


def _pid_and_handler(_: int) -> tuple[int, object]:
    return os.getpid(), signal.getsignal(signal.SIGINT)


def test_pool_workers_leave_ctrl_c_to_the_parent():
    with fork_pool(2) as pool:
        seen = pool.map(_pid_and_handler, range(8))
    assert {pid for pid, _ in seen}.isdisjoint({os.getpid()})
    assert {handler for _, handler in seen} == {signal.SIG_IGN}
    assert signal.getsignal(signal.SIGINT) is not signal.SIG_IGN  # the parent's own handler is untouched


def test_pool_is_terminated_on_an_error():
    """An error ends the pool at once: its workers, busy with a minute's work nobody will read, are
    terminated (not waited for), and the error goes on to the caller."""
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="stop"):
        with fork_pool(2) as pool:
            workers = {pid for pid, _ in pool.map(_pid_and_handler, range(4))}
            pool.map_async(time.sleep, [60, 60])
            raise RuntimeError("stop")
    assert workers and os.getpid() not in workers
    deadline = time.monotonic() + 10
    while [pid for pid in workers if _running(pid)] and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not [pid for pid in workers if _running(pid)], "a worker outlived its pool"
    assert time.monotonic() - started < 30, "the pool waited for its workers' work"


def test_a_helper_dies_with_a_killed_parent(tmp_path):
    """The parent is SIGKILLed (it cannot clean up): its helper is killed by the kernel."""
    pidfile = tmp_path / "helper"
    script = textwrap.dedent(f"""
        import os, time
        from qagraph.workers import end_with_parent
        parent = os.getpid()
        if os.fork() == 0:
            end_with_parent(parent)
            open({str(pidfile)!r}, "w").write(str(os.getpid()))
            time.sleep(60)
            os._exit(0)
        time.sleep(60)
    """)
    process = subprocess.Popen([sys.executable, "-c", script])
    for _ in range(500):
        if pidfile.exists() and pidfile.read_text():
            break
        time.sleep(0.01)
    helper = int(pidfile.read_text())
    process.kill()
    process.wait()
    for _ in range(500):
        if not _running(helper):
            break
        time.sleep(0.01)
    else:
        raise AssertionError("the helper outlived its killed parent")


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended, not yet reaped
    except FileNotFoundError:
        return False


def test_in_the_parent_itself_it_changes_nothing_but_the_mask():
    before = signal.getsignal(signal.SIGINT)
    end_with_parent(os.getpid())
    assert signal.getsignal(signal.SIGINT) is before


_RACE = textwrap.dedent("""
    import multiprocessing, os, signal, sys, time
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from qagraph.workers import quiet_cancel_race
    if sys.argv[1] == "quiet":
        quiet_cancel_race()
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    futures = [pool.submit(time.sleep, 30) for _ in range(12)]
    # one runs, one or two wait in the full call queue (running too); the pool's thread then
    # waits, and the pending ones stay in its table until the pool breaks
    running, since = 0, time.monotonic()
    while not running or time.monotonic() - since < 0.3:
        now = sum(f.running() for f in futures)
        if now != running:
            running, since = now, time.monotonic()
        time.sleep(0.01)
    cancelled = sum(f.cancel() for f in futures)  # as Executor.map's results do when the build stops
    for pid in list(pool._processes):
        os.kill(pid, signal.SIGKILL)  # as a SIGTERM to the whole group ends the pool's processes
    try:
        futures[0].result(timeout=20)
    except BrokenProcessPool:
        pass
    pool.shutdown()
    print(cancelled, running)
""")


@pytest.mark.parametrize("quiet", [True, False])
def test_a_pool_stopped_by_a_signal_leaves_no_traceback(quiet):
    """The pool's processes end while its pending work is being cancelled (a SIGTERM to the whole
    group): on Python 3.11 the pool's own thread dies of ``InvalidStateError`` with a traceback
    (cpython gh-107219). :func:`quiet_cancel_race` drops that one traceback; without it, the
    race this test makes is seen where the fix is not in Python itself."""
    done = subprocess.run([sys.executable, "-c", _RACE, "quiet" if quiet else "loud"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    cancelled, running = map(int, done.stdout.split())
    assert cancelled == 12 - running > 0, "the pending work was not cancelled before the pool broke"
    if quiet or sys.version_info >= (3, 12):
        assert "Traceback" not in done.stderr, done.stderr
    else:
        assert "InvalidStateError" in done.stderr, "the race was not made: the test proves nothing"
