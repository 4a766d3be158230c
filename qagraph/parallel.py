"""Running one output writer in a second process while the first process writes another.

Writing the RDF files and the HTML views both only read the finished graph. On a
large corpus each takes seconds; a forked child shares the graph without copying
it (the GC is frozen after the build, so the child does not walk it) and uses the
second core.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from .errors import QagraphError

__all__ = ["beside", "waited_on_error"]

T = TypeVar("T")


def beside(task: Callable[[], T], *, fork: bool = True) -> Callable[[], T]:
    """Start ``task`` in a forked process; the function returned waits for its result.

    Without ``fork`` (or where fork is unavailable, or there is one core) ``task``
    runs here and now. An exception in the child is raised again by the waiter.

    >>> wait = beside(lambda: 6 * 7)
    >>> wait()
    42
    """
    if not fork or "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        result = task()
        return lambda: result
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        outcome: tuple[str, Any]
        try:
            outcome = ("ok", task())
        except BaseException as exc:  # noqa: BLE001 - sent back and raised in the parent
            outcome = ("error", exc)
        try:
            send.send(outcome)
        except Exception as exc:  # the exception itself would not pickle
            send.send(("error", QagraphError(f"{type(outcome[1]).__name__}: {outcome[1]}" if outcome[0] == "error" else str(exc))))

    process = ctx.Process(target=child, daemon=True)
    process.start()
    send.close()

    def wait() -> T:
        try:
            status, value = receive.recv()
        except EOFError:
            process.join()
            raise QagraphError(f"the output process ended without a result (exit code {process.exitcode})") from None
        finally:
            receive.close()
        process.join()
        if status == "error":
            raise value
        result: T = value
        return result

    return wait


@contextmanager
def waited_on_error(wait: Callable[[], Any] | None) -> Iterator[None]:
    """On any error in the block, let the task of ``wait`` (from :func:`beside`) end first,
    then raise the block's error: the task writes into the same folder, which the caller
    is about to clean up or to build into again."""
    try:
        yield
    except BaseException:
        if wait is not None:
            try:
                wait()
            except Exception:  # noqa: BLE001 - the first error is the one to report
                pass
        raise
