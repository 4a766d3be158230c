"""qagraph.pipeline: a build folder is brought up to date, and a rebuild gives a cold build's outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import article_text, url_of, write_article
import qagraph
from qagraph.errors import OutputError
from qagraph.fileio import PRIVATE
from qagraph.html.views import without_arrangement
from qagraph.pipeline import build
from qagraph.similarity import SimilarityConfig


def outputs_of(folder: Path) -> dict[str, bytes]:
    """Every output but void.ttl (the build time), qagraph.db (compared by its rows) and the atlas's
    data (its layout is updated in place by a rebuild: articles keep their positions); a large
    view's page without its arrangement, which a rebuild keeps too, and the index page without the
    sizes of the views' files (:func:`~qagraph.html.views.without_arrangement`)."""
    def read(p: Path) -> bytes:
        if p.suffix == ".html" and (p.parent.name == "views" or p == folder / "index.html"):
            return without_arrangement(p.read_text(encoding="utf-8")).encode("utf-8")
        return p.read_bytes()

    return {
        p.relative_to(folder).as_posix(): read(p)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and PRIVATE not in p.parts and p.name not in ("void.ttl", "qagraph.db")
        and not p.relative_to(folder).as_posix().startswith("views/atlas/")
    }


def database_rows(folder: Path) -> list[str]:
    import sqlite3

    con = sqlite3.connect(folder / "qagraph.db")
    try:
        nodes = dict(con.execute("SELECT id, node FROM nodes"))
        rows = [f"edge {nodes[s]} {k} {nodes[t]} {w} {p} {d}" for s, k, t, w, p, d in con.execute("SELECT * FROM edges")]
        for table in ("articles", "stubs", "subjects", "keywords", "files", "problems", "health", "names"):
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})") if r[1] != "node_id"]
            rows += [f"{table} {row}" for row in con.execute(f"SELECT {', '.join(cols)} FROM {table}")]
        rows += [f"meta {k} {v}" for k, v in con.execute("SELECT key, value FROM meta WHERE key != 'fingerprint'")]
        return sorted(rows)
    finally:
        con.close()


@pytest.mark.parametrize("change", ["edit", "add", "delete"])
def test_rebuild_equals_cold_build(small_corpus: Path, tmp_path: Path, change: str):
    out = tmp_path / "out"
    assert not build(small_corpus, out=out).build_info.up_to_date
    assert build(small_corpus, out=out).build_info.up_to_date
    if change == "edit":
        path = small_corpus / "computer-science" / "trees.md"
        path.write_text(path.read_text().replace("recursion", "recursion, binary search"))
    elif change == "add":
        write_article(small_corpus, "biology/rna.md", article_text("What is RNA?", url_of("biology", "rna"), id=9,
                                                                   keywords="RNA, genes, biology"))
    else:
        (small_corpus / "biology" / "dna.md").unlink()
    rebuilt = build(small_corpus, out=out)
    assert not rebuilt.build_info.up_to_date
    cold = tmp_path / "cold"
    build(small_corpus, out=cold, cache=False)
    assert set(outputs_of(out)) >= {"report.json", "rdf/part-000.nq", "index.html", "views/atlas.html"}
    assert outputs_of(out) == outputs_of(cold)
    assert database_rows(out) == database_rows(cold)


def test_a_site_file_that_changes_only_a_warning_makes_the_build_not_up_to_date(tmp_path: Path):
    """A Docusaurus category file that could not label its folder, edited into one that still
    labels nothing (no label, no warning): the map is the same, the report is not. The build is
    not up to date, and its outputs are a cold build's."""
    site = tmp_path / "site"
    write_article(site, "docusaurus.config.js", "module.exports = {url: 'https://x.example', baseUrl: '/'};")
    write_article(site, "docs/guides/_category_.json", '{"label": 5}')
    write_article(site, "docs/guides/a.md", "---\ntitle: A\n---\n")
    out, cold = tmp_path / "out", tmp_path / "cold"
    before = build(site, out=out, outputs=["report", "database"])
    assert [p.code for p in before.problems] == ["category-file"]
    write_article(site, "docs/guides/_category_.json", '{"position": 1}')
    after = build(site, out=out, outputs=["report", "database"])
    assert not after.build_info.up_to_date and after.problems == []
    build(site, out=cold, outputs=["report", "database"], cache=False)
    assert outputs_of(out) == outputs_of(cold)
    assert database_rows(out) == database_rows(cold)


def test_rebuilds_when_an_output_is_damaged_or_settings_change(small_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    build(small_corpus, out=out, outputs=["report"])
    report = out / "report.json"
    text = report.read_text()
    report.write_text(text.replace('"articles": 5', '"articles": 6'))  # same size, other content
    assert len(report.read_text()) == len(text)
    assert not build(small_corpus, out=out, outputs=["report"]).build_info.up_to_date
    assert build(small_corpus, out=out, outputs=["report"]).build_info.up_to_date
    assert not build(small_corpus, out=out, outputs=["report"],
                     similarity=SimilarityConfig(top_k=1)).build_info.up_to_date
    shutil.rmtree(out / PRIVATE)
    with pytest.raises(Exception, match="did not write"):
        build(small_corpus, out=out, outputs=["report"])


@pytest.mark.parametrize("damaged", ["rdf/part-000.nq", "views/overview.html"])
def test_an_output_edited_by_hand_does_not_outlive_the_next_edit(small_corpus: Path, tmp_path: Path, damaged: str):
    """A patched build keeps the outputs an edit does not touch: one edited by hand was kept, and
    recorded as the build's, so every later build called it up to date. The next build after an
    edit now makes everything again when an output is not as the last build wrote it."""
    out, cold = tmp_path / "out", tmp_path / "cold"
    build(small_corpus, out=out)
    target = out / damaged
    text = target.read_bytes()
    target.write_bytes(text.replace(b"a", b"b", 1))  # same size, other content
    path = small_corpus / "computer-science" / "trees.md"
    path.write_text(path.read_text().replace("recursion", "recursion, binary search"))
    assert not build(small_corpus, out=out).build_info.incremental
    build(small_corpus, out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold) and (out / damaged).read_bytes() == (cold / damaged).read_bytes()
    assert build(small_corpus, out=out).build_info.up_to_date


def test_a_state_file_edited_by_hand_does_not_outlive_the_next_edit(small_corpus: Path, tmp_path: Path):
    """A patched build reads the views' state (``.qagraph/views.json``) back as it was written: a
    label edited there by hand went into the index page of every later patched build, which kept
    calling itself up to date. The state a patched build trusts is signed as the outputs are."""
    out, cold = tmp_path / "out", tmp_path / "cold"
    build(small_corpus, out=out)
    state = out / PRIVATE / "views.json"
    state.write_text(state.read_text().replace('"label":"Biology"', '"label":"Tampered"'))
    assert build(small_corpus, out=out).build_info.up_to_date is False  # it is no longer what the build wrote
    path = small_corpus / "computer-science" / "trees.md"
    path.write_text(path.read_text().replace("recursion", "recursion, binary search"))
    build(small_corpus, out=out)
    build(small_corpus, out=cold, cache=False)
    assert "Tampered" not in (out / "index.html").read_text()
    assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)
    assert build(small_corpus, out=out).build_info.up_to_date


def test_a_build_that_another_finished_before_it_took_the_lock_patches_nothing_of_the_other(
        small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Two builds into one folder: the second chose to patch the build it found, and took the lock
    once the first had put its own in place: it kept the first's outputs as if they were the
    build it had chosen to patch. The choice is made again under the lock."""
    from contextlib import contextmanager

    from qagraph.fileio import BuildFolder

    out, cold, other = tmp_path / "out", tmp_path / "cold", tmp_path / "other"
    build(small_corpus, out=out)
    shutil.copytree(small_corpus, other)
    dna = other / "biology" / "dna.md"
    dna.write_text(dna.read_text().replace("What is DNA?", "What is DNA, the other build asks?"))
    real = BuildFolder.staging
    others: list[Path] = []

    @contextmanager
    def staging(self, keep=()):
        if not others:  # the other build, into the same folder, done as this one reaches for the lock
            others.append(other)
            build(other, out=out)
        with real(self, keep) as stage:
            yield stage

    monkeypatch.setattr(BuildFolder, "staging", staging)
    path = small_corpus / "computer-science" / "trees.md"
    path.write_text(path.read_text().replace("recursion", "recursion, binary search"))
    build(small_corpus, out=out)
    monkeypatch.undo()
    build(small_corpus, out=cold, cache=False)
    assert others and outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)


@pytest.mark.parametrize("damage", ["cut short", "cut in half", "another schema"])
def test_a_database_that_cannot_be_patched_is_made_again(small_corpus: Path, tmp_path: Path, damage: str):
    """A build database that is damaged, or that another qagraph wrote with another schema, is
    neither patched nor kept as up to date: the next build makes everything again (it used to fail
    on every later build, whatever its advice said), then patches as usual."""
    import sqlite3

    from qagraph.database import SCHEMA_VERSION

    out, cold = tmp_path / "out", tmp_path / "cold"
    build(small_corpus, out=out)
    db = out / "qagraph.db"
    if damage == "another schema":
        con = sqlite3.connect(db)
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION - 1),))
        con.commit()
        con.close()
        with pytest.raises(OutputError, match="schema"):
            qagraph.open(out)
    else:
        with open(db, "r+b") as handle:
            handle.truncate(1000 if damage == "cut short" else db.stat().st_size // 2)
    path = small_corpus / "computer-science" / "trees.md"
    path.write_text(path.read_text().replace("recursion", "recursion, binary search"))
    again = build(small_corpus, out=out)
    assert not again.build_info.incremental and not again.build_info.up_to_date
    assert qagraph.open(out).counts == again.counts
    build(small_corpus, out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)
    assert build(small_corpus, out=out).build_info.up_to_date
    path.write_text(path.read_text().replace("binary search", "heaps"))
    assert build(small_corpus, out=out).build_info.incremental


@pytest.mark.parametrize("workers", [1, 2])
def test_a_cold_build_reads_each_file_once_and_keeps_what_a_full_scan_finds(tmp_path: Path, workers: int,
                                                                            monkeypatch: pytest.MonkeyPatch):
    """With no build to compare with, the scan reads no file and the parse digests what it
    reads. What the build keeps must be what a scan reading every file finds: the same inputs
    (the files the preset passes over included) and the same fingerprint, so the next build
    is up to date and an edit after it is patched."""
    import qagraph.load
    from conftest import ROOT
    from qagraph.fileio import BuildFolder
    from qagraph.load import scan
    from qagraph.presets import choose

    corpus = tmp_path / "site"
    shutil.copytree(ROOT / "tests" / "fixtures" / "hugo", corpus)
    (corpus / "content" / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    reads: list[str] = []
    real = qagraph.load.read_bounded
    monkeypatch.setattr(qagraph.load, "read_bounded", lambda path, *a: reads.append(path) or real(path, *a))
    out = tmp_path / "out"
    first = build(corpus, out=out, workers=workers)
    if workers == 1:  # in this process: every article file read once
        assert sorted(reads) == sorted(set(reads)) and len(reads) == first.report()["counts"]["files"]
    assert first.report()["counts"]["skipped"] > 0  # files the preset passes over are digested too
    monkeypatch.setattr(qagraph.load, "read_bounded", real)
    names = scan(corpus).names
    fields = choose(corpus, names).fields
    assert BuildFolder(out, content=corpus).inputs() == scan(corpus, fields).inputs()
    assert build(corpus, out=out, workers=workers).build_info.up_to_date
    (corpus / "content" / "broken.md").write_text("---\ntitle: Mended\n---\nText.\n", encoding="utf-8")
    again = build(corpus, out=out, workers=workers)
    assert not again.build_info.up_to_date


def test_the_report_reads_back_and_has_one_problem_a_line(tmp_path: Path):
    import json

    from conftest import ROOT
    from qagraph.pipeline import report_text

    build(ROOT / "tests" / "fixtures" / "broken", out=tmp_path / "out")
    text = (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    report = json.loads(text)
    assert report["problems"] and text == report_text(report)
    lines = text.splitlines()
    for problem in report["problems"]:  # a whole problem on one line: grep finds it with its path
        assert f"    {json.dumps(problem, ensure_ascii=False)}," in lines or \
            f"    {json.dumps(problem, ensure_ascii=False)}" in lines
    odd = {"k": [[1, 2], []], "e": {}, "s": "caf\u00e9 \"q\" \u2028", "n": None, "f": 1.5}
    assert json.loads(report_text(odd)) == odd


@pytest.mark.parametrize("given", ["../out", "{w}/../out", "./w/../out/."])
def test_an_output_path_with_dots_is_patched_like_any_other(small_corpus: Path, tmp_path: Path, monkeypatch,
                                                            given: str):
    """``-o ../out`` made every rebuild after an edit fail (exit 3, a 'No such file or directory' on
    the build's own copy of the database): the sweep of a killed build's leftovers named them from
    the path as given (``w/../.out.qagraph-copy-*``), the copy made ahead was named normalised
    (``.out.qagraph-copy-*``), so the sweep took the build's own copy for a leftover and removed it."""
    (tmp_path / "w").mkdir()
    monkeypatch.chdir(tmp_path / "w" if given == "../out" else tmp_path)
    out = given.format(w=tmp_path / "w")
    assert not build(small_corpus, out=out).build_info.up_to_date
    path = small_corpus / "computer-science" / "trees.md"
    path.write_text(path.read_text().replace("recursion", "recursion, binary search"))
    rebuilt = build(small_corpus, out=out)
    assert rebuilt.build_info.incremental
    assert "keyword:binary search" in qagraph.open(tmp_path / "out").keywords_of(url_of("computer-science", "trees"))
    assert build(small_corpus, out=out).build_info.up_to_date
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.qagraph-lock", "content", "out", "w"]
    assert sorted(p.name for p in (tmp_path / "w").iterdir()) == []


@pytest.mark.parametrize("given, inside", [(".", ""), ("..", "views"), ("{out}", "views")])
def test_an_output_folder_that_holds_the_current_folder_is_refused(small_corpus: Path, tmp_path: Path, monkeypatch,
                                                                   given: str, inside: str):
    """A build replaces the output folder whole: the process's current folder, in it, would be the
    one removed (the next relative path, the user's shell, in a folder that is gone). ``-o .`` and
    ``-o ..`` failed with 'Device or resource busy' (no swap by that name), ``-o "$PWD"`` built
    and left it so; each is refused, saying why."""
    out = tmp_path / "out"
    build(small_corpus, out=out)
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    monkeypatch.chdir(out / inside)
    with pytest.raises(qagraph.UsageError, match="holds the current folder: a build replaces the output folder whole"):
        build(small_corpus, out=given.format(out=out))
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


def test_content_named_with_dots_is_named_by_its_folder(small_corpus: Path, tmp_path: Path, monkeypatch):
    """``-c ..`` named the corpus '..': in report.json's source, the graph's, and the index page's
    title ('Views of ..'). The name is the folder's the path leads to."""
    monkeypatch.chdir(small_corpus / "biology")
    kg = build("..", out=tmp_path / "out")
    assert kg.report()["source"] == kg.graph.graph["source"] == "content"
    assert "<title>Views of content" in (tmp_path / "out" / "index.html").read_text()


def test_a_checkout_that_changed_only_a_view_script_writes_the_views_again(small_corpus: Path, tmp_path: Path):
    """A build is tied to a stamp of qagraph's code: it was a digest of the .py files only, so after a
    checkout that changed only a view's script or template (a fix of the views, no version bump),
    ``build`` said up to date and kept the views written with the old script."""
    import os
    import subprocess
    import sys

    package = tmp_path / "code" / "qagraph"
    shutil.copytree(Path(qagraph.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path / "out"

    def run() -> str:
        env = {**os.environ, "PYTHONPATH": str(package.parent)}
        done = subprocess.run([sys.executable, "-m", "qagraph", "build", "-q", "-c", str(small_corpus), "-o", str(out)],
                              env=env, cwd=tmp_path, capture_output=True, text=True, timeout=120)  # not this checkout's
        assert done.returncode == 0, done.stderr
        return (out / "views" / "overview.html").read_text(encoding="utf-8")

    assert "a fix of the views" not in run()
    script = package / "html" / "assets" / "view.js"
    script.write_text(script.read_text(encoding="utf-8") + "\n// a fix of the views\n", encoding="utf-8")
    assert "a fix of the views" in run()
