"""One error type for everything qagraph reports about its input.

A :class:`Problem` is a finding about one input file (path, line, message); a bad
file becomes a problem and never stops the rest of a build. :class:`QagraphError`
is raised where the caller must stop (strict mode, an unknown article, a bad
option); it carries the same path and line and renders as ``path:line: message``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Problem", "QagraphError", "ERROR", "WARNING"]

ERROR = "error"  #: the file is not in the graph
WARNING = "warning"  #: the file is in the graph, something in it was repaired or ignored


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """A finding about one input file.

    ``severity`` is :data:`ERROR` when the file could not be added to the graph and
    :data:`WARNING` when it was added with something repaired or ignored.

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

    def as_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }


class QagraphError(Exception):
    """The one exception type of qagraph; says where when it knows.

    >>> str(QagraphError("no front matter", path="a.md", line=1))
    'a.md:1: no front matter'
    """

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
