"""qagraph.fileio: whole outputs or none; the output folder is qagraph's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import qagraph
from qagraph.fileio import PRIVATE, BuildFolder, atomic_open, file_signature


def test_atomic_open_leaves_the_old_file_on_failure(tmp_path: Path):
    target = tmp_path / "x.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as f:
            f.write("new")
            raise RuntimeError("writer failed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_signature_sees_a_same_size_edit_with_the_old_mtime(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("aaaa")
    before = file_signature(path)
    st = os.stat(path)
    path.write_text("bbbb")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # size and mtime as they were
    assert file_signature(path) != before


def test_commit_swaps_whole_folders(tmp_path: Path):
    out = tmp_path / "out"
    folder = BuildFolder(out)
    with folder.staging() as stage:
        (stage / "a.txt").write_text("1")
        folder.commit(stage, outputs=["a.txt"], state={})
    folder = BuildFolder(out)
    assert folder.intact()
    with folder.staging() as stage:
        (stage / "b.txt").write_text("2")
        folder.commit(stage, outputs=["b.txt"], state={})
    assert sorted(p.name for p in out.iterdir()) == [PRIVATE, "b.txt"]
    assert not list(tmp_path.glob(".out.qagraph-staging-*"))


def test_a_failure_in_staging_leaves_the_previous_build(tmp_path: Path):
    out = tmp_path / "out"
    folder = BuildFolder(out)
    with folder.staging() as stage:
        (stage / "a.txt").write_text("1")
        folder.commit(stage, outputs=["a.txt"], state={})
    with pytest.raises(KeyboardInterrupt):
        with BuildFolder(out).staging() as stage:
            (stage / "a.txt").write_text("half")
            raise KeyboardInterrupt
    assert (out / "a.txt").read_text() == "1"
    assert not list(tmp_path.glob(".out.qagraph-staging-*"))


@pytest.mark.parametrize("where, error, message", [
    ("file", qagraph.OutputError, "exists and is not a folder"),
    ("inside-file", qagraph.OutputError, "parent is not a folder|cannot make"),
    ("foreign", qagraph.OutputError, "holds files qagraph did not write"),
    ("content", qagraph.UsageError, "overlap"),
    ("inside-content", qagraph.UsageError, "overlap"),
])
def test_refusals(tmp_path: Path, small_corpus: Path, where: str, error: type, message: str):
    out = {
        "file": tmp_path / "a-file",
        "inside-file": tmp_path / "a-file" / "out",
        "foreign": tmp_path / "mine",
        "content": small_corpus,
        "inside-content": small_corpus / "build",
    }[where]
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "index.html").write_text("my own page")
    with pytest.raises(error, match=message):
        qagraph.build(small_corpus, out=out)
    assert (tmp_path / "mine" / "index.html").read_text() == "my own page"


def test_force_keeps_other_files(tmp_path: Path, small_corpus: Path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    qagraph.build(small_corpus, out=out, force=True)
    assert (out / "notes.txt").read_text() == "keep me"
    assert (out / "qagraph.db").is_file()


@pytest.mark.parametrize("target", ["/proc/qagraph-out", "/dev/null"])
def test_system_paths_are_output_errors(small_corpus: Path, target: str):
    with pytest.raises(qagraph.QagraphError):
        qagraph.build(small_corpus, out=target)
