"""Helper processes that end with the build: killed with it, quiet on Ctrl-C.

Every process pool of a build (parsing, RDF parts, SHACL checks) and the forked
views writer start through here, so a build that is killed leaves no process behind
(they would hold the build folder's lock) and a Ctrl-C prints one line, not a
traceback per worker.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Executor, InvalidStateError
from contextlib import contextmanager
from multiprocessing.pool import Pool

_PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int, interrupt: bool = False) -> None:
    """In a helper process: be killed when ``parent`` (the process that started it) ends.

    A build killed with SIGKILL cannot stop its helpers; without this they would live
    on, holding the build folder's lock (every later build would be refused as
    "another build is writing") and writing into a staging folder. Linux only
    (``prctl(PR_SET_PDEATHSIG)``); elsewhere a no-op. Unless ``interrupt``, Ctrl-C
    is left to the parent, which stops the helpers and cleans up. Called in ``parent``
    itself (a helper's task run in-process), it only lets Ctrl-C through again.
    """
    helper = os.getpid() != parent
    if helper and not interrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if helper and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent ended before the line above
            os._exit(1)
    if hasattr(signal, "pthread_sigmask"):  # held by interrupts_held() while this process started
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _HELD)


#: the signals held back while helper processes start: Ctrl-C's, and SIGTERM, which the command line
#: raises as it does Ctrl-C (:class:`qagraph.cli.Terminated`)
_HELD = {signal.SIGINT, signal.SIGTERM}


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM) back while helper processes start (they call :func:`end_with_parent`).

    A SIGINT that reaches a process while it is being forked interrupts Python's own
    after-fork handlers, which print a traceback; held, it reaches the parent after the
    fork (and each helper once it is ready for it).
    """
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextmanager
def fork_pool(n: int) -> Iterator[Pool]:
    """A forked ``multiprocessing`` pool of ``n`` workers that end with this process.

    Workers ignore Ctrl-C (this process takes it and terminates them) and die with
    this process if it is killed. Any exception, Ctrl-C included, terminates the
    pool at once instead of waiting for work nobody will read.
    """
    with interrupts_held():  # the processes start here
        pool = multiprocessing.get_context("fork").Pool(n, initializer=end_with_parent, initargs=(os.getpid(),))
    try:
        yield pool
        pool.close()
        pool.join()
    finally:
        pool.terminate()



def abandon(pool: Executor) -> None:
    """Stop ``pool`` (a ``ProcessPoolExecutor``) at once, its pending work cancelled, when the
    build stops (Ctrl-C, SIGTERM or an error)."""
    quiet_cancel_race()
    pool.shutdown(wait=False, cancel_futures=True)


def quiet_cancel_race() -> None:
    """Do not print the one traceback a ``ProcessPoolExecutor`` stopped by a signal can leave.

    A SIGTERM sent to the whole group (``kill -- -PGID``, a container stopped) ends the
    pool's processes too; the pool's own thread then marks the pending work failed while this
    one cancels it (``Executor.map``'s results do as the build stops), and on Python 3.11
    that thread dies of ``InvalidStateError`` with a traceback on stderr (cpython gh-107219,
    fixed in 3.12 by ignoring that error there). That one exception of that one thread is
    the race itself, not news. Installed once per process; every other exception is printed.
    """
    global _RACE_QUIET
    if _RACE_QUIET:
        return
    _RACE_QUIET = True
    previous = threading.excepthook

    def hook(args: threading.ExceptHookArgs) -> None:
        if isinstance(args.exc_value, InvalidStateError) and type(args.thread).__name__ == "_ExecutorManagerThread":
            return
        previous(args)

    threading.excepthook = hook


_RACE_QUIET = False
