"""Patterns compiled on first use (qagraph.regex)."""

from __future__ import annotations

import copy
import importlib
import pickle
import pkgutil
import re
import subprocess
import sys

import pytest

import qagraph
from qagraph.regex import _LazyPattern, lazy_compile


def test_a_lazy_pattern_does_what_the_compiled_one_does() -> None:
    text = "Alpha beta\ngamma 12 delta"
    lazy, eager = lazy_compile(r"^(\w)(\w*)", re.M), re.compile(r"^(\w)(\w*)", re.M)
    assert lazy.findall(text) == eager.findall(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub(r"\2\1", text) == eager.sub(r"\2\1", text)
    assert lazy.subn("", text) == eager.subn("", text)
    assert lazy.split(text) == eager.split(text)
    assert lazy.search(text, 3).span() == eager.search(text, 3).span()  # type: ignore[union-attr]
    assert lazy.match(text).group(2) == "lpha"  # type: ignore[union-attr]
    assert lazy.fullmatch("ab").groups() == ("a", "b")  # type: ignore[union-attr]
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        eager.pattern, eager.flags, eager.groups, eager.groupindex)
    assert lazy == eager and hash(lazy) == hash(eager) and repr(lazy) == repr(eager)


def test_a_lazy_pattern_is_compiled_once_and_only_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = []
    real = re.compile

    def counting(*args: object) -> re.Pattern[str]:
        compiled.append(args)
        return real(*args)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(re, "compile", counting)
    lazy = lazy_compile("b+")
    assert compiled == []
    assert [lazy.search("abbc").group(), lazy.sub("", "abba"), lazy.pattern] == ["bb", "aa", "b+"]  # type: ignore[union-attr]
    assert compiled == [("b+", 0)]


def test_a_lazy_pattern_copies_and_pickles_as_the_compiled_one() -> None:
    lazy = lazy_compile("x(y)", re.I)
    for other in (copy.copy(lazy), copy.deepcopy(lazy), pickle.loads(pickle.dumps(lazy))):
        assert isinstance(other, re.Pattern) and other == re.compile("x(y)", re.I)


def test_a_mistake_is_raised_where_the_pattern_is_first_used() -> None:
    broken = lazy_compile("(unclosed")
    with pytest.raises(re.error, match="missing \\)"):
        broken.search("unclosed")


def _lazy_patterns() -> list[tuple[str, str, _LazyPattern]]:
    found = []
    for info in pkgutil.walk_packages(qagraph.__path__, "qagraph."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, _LazyPattern):
                found.append((info.name, name, value))
    return found


def test_every_pattern_of_the_package_compiles() -> None:
    """Each is compiled where it is first used: here, all of them, so that none waits for a user."""
    found = _lazy_patterns()
    assert len(found) > 400  # the module-level patterns of the formats qagraph reads
    for module, name, pattern in found:
        assert isinstance(pattern.compiled(), re.Pattern), f"{module}.{name}"


def test_importing_the_command_line_and_the_build_compiles_few_patterns() -> None:
    """The point of it: a command starts without compiling the formats' patterns (420 took 70-90 ms)."""
    code = ("import re, qagraph.cli, qagraph.load, qagraph.pipeline, qagraph.database, qagraph.incremental; "
            "from qagraph.regex import _LazyPattern; import sys; "
            "mods = [m for n, m in list(sys.modules.items()) if n.startswith('qagraph')]; "
            "lazy = [v for m in mods for v in vars(m).values() if isinstance(v, _LazyPattern)]; "
            "print(len(lazy), sum('_compiled' in v.__dict__ for v in lazy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    total, compiled = map(int, out)
    assert total > 350 and compiled <= 10, (total, compiled)
