"""Regular expressions compiled when first used, not when their module is imported.

qagraph's modules hold some 420 patterns at module level, most of them for the formats it
recognises (Hugo, Jekyll, Obsidian, MkDocs ...). Compiling them all took 70-90 ms of every
command's start (``re`` compiles in Python), while a build of one corpus, or a query, uses
about 25. :func:`lazy_compile` returns a stand-in that compiles its pattern on first use.

>>> WORD = lazy_compile(r"\\w+")
>>> WORD.findall("two words"), WORD.pattern
(['two', 'words'], '\\\\w+')
>>> bool(lazy_compile("a", re.I).match("A"))
True

A mistake in a pattern is raised where it is first used (the tests use every one):

>>> lazy_compile("(").search("x")
Traceback (most recent call last):
  ...
re.error: missing ), unterminated subpattern at position 0
"""

from __future__ import annotations

import re
from typing import Any, cast

__all__ = ["lazy_compile"]

#: what a pattern is used through: bound to the compiled pattern on first use, then read as
#: plain attributes (no call of ``__getattr__`` after the first)
_ATTRIBUTES = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class _LazyPattern:
    """A compiled pattern's stand-in (see :func:`lazy_compile`)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.__dict__["_source"] = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        compiled = self.compiled()
        return getattr(compiled, name)

    def compiled(self) -> re.Pattern[str]:
        """The pattern compiled (once)."""
        done: re.Pattern[str] | None = self.__dict__.get("_compiled")
        if done is None:
            done = re.compile(*self.__dict__["_source"])
            self.__dict__.update({name: getattr(done, name) for name in _ATTRIBUTES})
            self.__dict__["_compiled"] = done
        return done

    def __repr__(self) -> str:
        return repr(self.compiled())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, _LazyPattern):
            other = other.compiled()
        return self.compiled() == other

    def __hash__(self) -> int:
        return hash(self.compiled())

    def __copy__(self) -> re.Pattern[str]:
        return self.compiled()

    def __deepcopy__(self, memo: Any) -> re.Pattern[str]:
        return self.compiled()

    def __reduce__(self) -> tuple[Any, ...]:
        return (re.compile, self.__dict__["_source"])


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used (for module-level
    patterns: see the module's note). The stand-in does what a pattern does through its methods
    and attributes; :func:`re.sub` and its kind take a pattern string, not it."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
