"""Running one output writer in a second process while the first process writes another.

Writing the RDF files and the HTML views both only read the finished graph. On a
large corpus each takes seconds; a forked child shares the graph without copying
it (the GC is frozen after the build, so the child does not walk it) and uses the
second core.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any, Generic, NoReturn, TypeVar

from .errors import ProcessError, QagraphError

__all__ = ["Claims", "Later", "beside", "beside_later", "waited_on_error"]

T = TypeVar("T")
P = TypeVar("P")


def beside(task: Callable[[], T], *, fork: bool = True) -> Callable[[], T]:
    """Start ``task`` in a forked process; the function returned waits for its result.

    Without ``fork`` (or where fork is unavailable, or there is one core) ``task``
    runs here and now. An exception in the child is raised again by the waiter.
    A plain ``os.fork`` (not :mod:`multiprocessing`, whose daemonic processes may not
    start others): a task running beside may itself split its work with ``beside``.

    >>> wait = beside(lambda: 6 * 7)
    >>> wait()
    42
    """
    if not fork or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
        result = task()
        return lambda: result
    _flush()  # or the child would write the parent's buffered text again
    receive, send = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child; its work is checked through the result it sends

        def child() -> None:
            os.close(receive)
            _send(send, task)

        _live_and_exit(child)
    os.close(send)
    return _waiter(pid, receive)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


def _live_and_exit(body: Callable[[], None]) -> NoReturn:  # pragma: no cover - runs in a forked child
    """A forked child's whole life: ``body`` (which sends the result), its output flushed, then
    ``os._exit`` (70 when nothing could be sent: the waiter reports the exit)."""
    code = 0
    # A child makes a view, a layout or a few RDF parts and exits: tens of thousands of dicts and
    # no reference cycles, which the cyclic collector would walk again and again (with it, the
    # rebuild after adding an article to 36k took 3.1 s instead of 2.3). What it leaves goes
    # when it exits.
    gc.disable()
    _EXITING.clear()  # the parent's children, not its own
    try:
        body()
        _flush()
        reap()  # its own children, which it did not wait for once their results came
    except BaseException:  # noqa: BLE001 - see above
        code = 70
    finally:
        os._exit(code)


def _waiter(pid: int, receive: int) -> Callable[[], Any]:
    """The function that waits for the result the child ``pid`` writes to the pipe ``receive``."""

    def wait() -> Any:
        try:
            with os.fdopen(receive, "rb") as pipe:
                data = pipe.read()
        except BaseException:  # Ctrl-C while waiting: the child writes into a folder the caller removes
            _reap(pid)
            raise
        try:
            outcome, value = pickle.loads(data)
        except Exception:  # noqa: BLE001 - nothing, or not a result: the child ended early
            _, status = os.waitpid(pid, 0)
            raise ProcessError(f"a process of the build ended without a result: {ProcessError.ending(status)}") from None
        # the child has sent all it had to and only exits now: the caller goes on while the system
        # takes down its memory (0.03 s for a view writer at 36k); reap() waits for that
        _EXITING.append(pid)
        if outcome == "error":
            raise value
        return value

    return wait


_EXITING: list[int] = []  #: children whose result was taken, exiting: :func:`reap` waits for them


def reap() -> None:
    """Wait for the children whose result was taken (:func:`beside`, :func:`beside_later`) to
    have exited: a build calls it before it returns, so that it leaves no process behind."""
    while _EXITING:
        _reap(_EXITING.pop())


def _reap(pid: int) -> None:
    """Wait for the child ``pid`` to end, a second Ctrl-C notwithstanding (it ends with its task,
    whose input is closed, or with this process: :func:`qagraph.workers.end_with_parent`)."""
    while True:
        try:
            os.waitpid(pid, 0)
            return
        except ChildProcessError:
            return
        except KeyboardInterrupt:
            continue


class Claims:
    """Work items ``0 .. n-1`` handed out one at a time to whichever process asks first, across
    :func:`beside`'s fork: made before the fork, each process calls :meth:`take` until it gets
    ``None``. Items taken largest first keep the processes busy until about the same moment,
    whatever each item costs on this machine.

    >>> claims = Claims(2)
    >>> claims.take(), claims.take(), claims.take(), claims.taken_here
    (0, 1, None, 2)
    """

    def __init__(self, n: int) -> None:
        from multiprocessing.sharedctypes import Value  # 2 ms with the package imported; only when shared

        self.n = n
        self._next: Any = Value("l", 0)  # in memory the fork shares, with a lock of its own
        self.taken_here = 0  #: items this process took

    @property
    def taken(self) -> int:
        """The items taken so far, by every process."""
        return min(int(self._next.value), self.n)

    def take(self) -> int | None:
        """The next item nobody took, or ``None`` when all are taken."""
        with self._next.get_lock():
            i = self._next.value
            if i >= self.n:
                return None
            self._next.value = i + 1
        self.taken_here += 1
        return int(i)


class Later(Generic[T]):
    """A task started before its input is known (:func:`beside_later`)."""

    def __init__(self, prepare: Callable[[], P], task: Callable[[P, Callable[[], Any]], T], fork: bool) -> None:
        self._prepare: Callable[[], Any] = prepare
        self._task: Callable[[Any, Callable[[], Any]], T] = task
        self._pid: int | None = None
        self._sent: list[Any] = []  # without a process: the messages, for the task run by wait()
        if not fork or not hasattr(os, "fork") or (os.cpu_count() or 1) < 2:
            return
        _flush()
        self._results, send = os.pipe()
        receive, messages = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child; its work is checked through the result it sends

            def child() -> None:
                os.close(self._results)
                os.close(messages)
                try:
                    prepared: tuple[str, Any] = ("ok", prepare())
                except BaseException as exc:  # noqa: BLE001 - raised once there is a result to send it with
                    prepared = ("error", exc)
                with os.fdopen(receive, "rb") as inbox:
                    if inbox.peek(1):  # nothing at all: the parent went on without this task

                        def receive_message() -> Any:
                            return pickle.load(inbox)  # EOFError: the parent stopped sending

                        _send(send, lambda: task(prepared[1], receive_message) if prepared[0] == "ok"
                              else _raise(prepared[1]))

            _live_and_exit(child)
        os.close(send)
        os.close(receive)
        self._outbox: IO[bytes] | None = os.fdopen(messages, "wb")
        self._pid = pid

    def send(self, message: Any) -> None:
        """Give the task its next message (its ``receive()`` returns them in order)."""
        if self._pid is None:
            self._sent.append(message)
            return
        assert self._outbox is not None, "send() after wait()"
        try:
            pickle.dump(message, self._outbox)
            self._outbox.flush()
        except BrokenPipeError:  # the child ended: wait() says how
            pass

    def wait(self) -> T:
        """No more messages: the task's result (its exception raised here), as :func:`beside`'s
        waiter gives it. Without a process of its own, the task runs now, here."""
        if self._pid is None:
            sent = iter(self._sent)

            def receive() -> Any:
                for message in sent:
                    return message
                raise EOFError("no more messages")

            return self._task(self._prepare(), receive)
        self._close_outbox()
        result: T = _waiter(self._pid, self._results)()
        return result

    def cancel(self) -> None:
        """End the task's process, whatever it is doing (its preparation only reads)."""
        if self._pid is None:
            return
        self._close_outbox()
        with contextlib.suppress(OSError):
            os.close(self._results)
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)
        self._pid = None

    def _close_outbox(self) -> None:
        if self._outbox is not None:
            with contextlib.suppress(OSError):  # a child that ended leaves a broken pipe
                self._outbox.close()
            self._outbox = None


def beside_later(prepare: Callable[[], P], task: Callable[[P, Callable[[], Any]], T], *,
                 fork: bool = True) -> Later[T]:
    """Fork now a process that runs ``prepare()`` (imports, reads) while this one makes the
    task's input; then ``task(prepared, receive)`` runs there, ``receive()`` giving the
    messages of :meth:`Later.send` in order (it blocks until the next one comes, and raises
    :class:`EOFError` once :meth:`Later.wait` is called and none is left). :meth:`Later.wait`
    returns the task's result as :func:`beside`'s waiter does; :meth:`Later.cancel` ends the
    process when the input will not come. Without a second process, the task runs in
    :meth:`Later.wait`, with the messages sent by then.

    >>> later = beside_later(lambda: 6, lambda six, receive: six * receive())
    >>> later.send(7)
    >>> later.wait()
    42
    """
    return Later(prepare, task, fork)


def _raise(exc: BaseException) -> Any:
    raise exc


def _send(fd: int, task: Callable[[], Any]) -> None:
    """Run ``task`` and write its outcome, pickled, to the pipe ``fd``: ``("ok", result)`` or
    ``("error", exception)`` (a :class:`QagraphError` that says what it was when it does not pickle)."""
    outcome: tuple[str, Any]
    try:
        outcome = ("ok", task())
    except BaseException as exc:  # noqa: BLE001 - sent back and raised in the parent
        outcome = ("error", exc)
    try:
        data = pickle.dumps(outcome)
    except Exception as exc:  # noqa: BLE001 - the exception itself (or the result) would not pickle
        what = f"{type(outcome[1]).__name__}: {outcome[1]}" if outcome[0] == "error" else str(exc)
        data = pickle.dumps(("error", QagraphError(what)))
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)


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
