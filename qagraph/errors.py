"""What qagraph reports: findings about input files, and the errors that stop a call.

A :class:`Problem` is a finding about one input file (path, line, message); a bad
file becomes a problem and never stops the rest of a build. :class:`QagraphError` is
the one base of every exception qagraph raises on purpose; it carries the path and
line where it knows them and renders as ``path:line: message``. Its subclasses say
what kind of failure it is, and each maps to one exit code of the command line
(:data:`EXIT_CODES`, the only place they are decided):

==========================  ====  ==================================================
:class:`ContentError`        1    the content has problems (``--strict``, ``check``,
                                  ``validate``, a build where every file is rejected)
:class:`UsageError`          2    a bad option, argument or name (an unknown article)
:class:`OutputError`         3    the output cannot be written or read (a file where
                                  a folder should be, a full disk, a damaged build)
:class:`StoreError`          4    a triple store or SPARQL endpoint failed
==========================  ====  ==================================================
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ContentError",
    "ERROR",
    "EXIT_CODES",
    "INTERRUPTED_STARTING",
    "OutputError",
    "Problem",
    "ProcessError",
    "QagraphError",
    "RESOURCE",
    "SKIPPED",
    "StoreError",
    "UsageError",
    "WARNING",
]

ERROR = "error"  #: the file is not in the graph
WARNING = "warning"  #: the file is in the graph, something in it was repaired or ignored
SKIPPED = "skipped"  #: the file is not an article (a resource, an include), on purpose
#: the code of a :data:`SKIPPED` problem for a file the site's layout makes no page
#: (:func:`qagraph.presets.layout_skips`: a page bundle's resource, a partial, a skipped folder)
RESOURCE = "resource"


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """A finding about one input file.

    ``severity`` is :data:`ERROR` when the file could not be added to the graph,
    :data:`WARNING` when it was added with something repaired or ignored, and
    :data:`SKIPPED` when it is not an article on purpose (a resource of a page bundle).

    >>> str(Problem("content/x.md", 3, "broken YAML", "yaml"))
    'content/x.md:3: broken YAML'
    """

    path: str
    line: int | None
    message: str
    code: str = "invalid"
    severity: str = ERROR

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        label = "" if self.severity == ERROR else f"{self.severity}: "
        return f"{where}: {label}{self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


class QagraphError(Exception):
    """The base of every error qagraph raises; says where when it knows.

    >>> str(QagraphError("no front matter", path="a.md", line=1))
    'a.md:1: no front matter'
    """

    #: the command line's exit code for this kind of failure (see :data:`EXIT_CODES`)
    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    @classmethod
    def from_problem(cls, problem: Problem) -> "QagraphError":
        return cls(problem.message, path=problem.path, line=problem.line)

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"

    def __reduce__(self) -> tuple[Any, ...]:
        # keyword-only arguments do not survive pickling by default (errors cross processes)
        return (_rebuild, (type(self), self.message, self.path, self.line))


def _rebuild(cls: type[QagraphError], message: str, path: str | None, line: int | None) -> QagraphError:
    return cls(message, path=path, line=line)


class ContentError(QagraphError):
    """The content has problems the caller asked to stop at (``strict``), or nothing usable."""

    exit_code = 1


class UsageError(QagraphError):
    """A bad option, argument or name: an unknown article, keyword, subject or format."""

    exit_code = 2


class OutputError(QagraphError):
    """The output cannot be written or read: not a folder, not qagraph's, no space, damaged."""

    exit_code = 3


class ProcessError(QagraphError):
    """A process of qagraph's own (one parsing files, the one writing the views) ended before it gave its
    result: killed (by the system when memory runs out, or by hand) or crashed. No bug of the content or
    the options; the build stops as on any error, the previous one as it was."""

    exit_code = 70

    @staticmethod
    def ending(status: int) -> str:
        """How a process whose ``waitpid`` status is ``status`` ended, for people.

        >>> ProcessError.ending(9), ProcessError.ending(3 << 8)
        ('killed by SIGKILL (the system does so when memory runs out; or kill -9)', 'it exited with code 3')
        """
        import signal

        code = os.waitstatus_to_exitcode(status)
        if code >= 0:
            return f"it exited with code {code}"
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}" + (" (the system does so when memory runs out; or kill -9)" if name == "SIGKILL" else "")


class StoreError(QagraphError):
    """A triple store or SPARQL endpoint refused, failed or could not be reached."""

    exit_code = 4


#: exit codes of the command line, by outcome; 130 is an interrupt (Ctrl-C)
EXIT_CODES: dict[str, int] = {
    "ok": 0,
    "content": ContentError.exit_code,
    "usage": UsageError.exit_code,
    "output": OutputError.exit_code,
    "store": StoreError.exit_code,
    "interrupted": 130,
    "terminated": 143,  # SIGTERM (kill, timeout, a service or container stopped): as a process it ends
    "closed-pipe": 141,  # the reader of the output went away (| head): as a process SIGPIPE ends
    "internal": 70,
}
#: what the command line says when Ctrl-C stops it before a command runs (importing, reading options)
INTERRUPTED_STARTING = "qagraph: interrupted while starting; nothing was done"
