"""``qagraph view``: a thin wrapper over qagraph.html's write_neighbourhood / write_keyword / write_subject."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from qagraph.cli import cli
from qagraph.html.page import vis_network_js

CORPUS = Path(__file__).resolve().parent / "fixtures" / "html" / "content"


def run(*args: str):
    return CliRunner().invoke(cli, ["view", "-q", "-c", str(CORPUS), *args])


def _titles(path: Path) -> list[str]:
    return re.findall(r'"title":"([^"]*)"', path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("args, expect", [
    (["/learn/physics/questions/momentum"], "What is momentum and why is it conserved?"),
    (["102", "--hops", "2"], "What is a derivative?"),  # momentum -> newtons-laws -> derivatives
    (["--keyword", "FORCE"], "What is a vector?"),
    (["--subject", "Computer science"], "What is recursion?"),
])
def test_view_writes_one_file(tmp_path, args, expect):
    out = tmp_path / "v.html"
    result = run(*args, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == str(out)
    assert expect in _titles(out)
    # one file that works alone: vis-network's whole script is inlined, nothing is loaded from beside it
    text = out.read_text(encoding="utf-8")
    assert vis_network_js() in text
    assert "<script src" not in text and "<link" not in text


def test_hops_limit_the_neighbourhood(tmp_path):
    out = tmp_path / "v.html"
    assert run("102", "-o", str(out)).exit_code == 0
    assert "What is a vector?" in _titles(out) and "What is a derivative?" not in _titles(out)
    assert run("102", "--hops", "0", "-o", str(out)).exit_code == 0
    assert "What is a vector?" not in _titles(out)


@pytest.mark.parametrize("args, message", [
    ([], "name exactly one of ARTICLE, --keyword or --subject"),
    (["102", "--keyword", "force"], "name exactly one"),
    (["9999"], "no article has id 9999"),
    (["--keyword", "no such keyword"], "no keyword"),
    (["102", "--hops", "-1"], "-1 is not in the range x>=0"),
])
def test_view_errors_exit_2(tmp_path, args, message):
    result = run(*args, "-o", str(tmp_path / "v.html"))
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "v.html").exists()
