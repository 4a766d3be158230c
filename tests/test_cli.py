"""qagraph.cli, run in-process (and as a process where it must be): exit codes, outputs and messages."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import click
import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT, article_text, url_of, write_article
from qagraph.cli import cli
from qagraph.errors import EXIT_CODES

BROKEN = FIXTURES / "broken"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_build_writes_report_that_accounts_for_every_file(tmp_path: Path):
    out = tmp_path / "out"
    result = run("build", "-c", str(BROKEN), "-o", str(out), "-q")
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    counts = report["counts"]
    assert counts["files"] == 11 and counts["articles"] == 2 and counts["rejected"] == 9
    assert sorted(report["rejected"]) == sorted(p["path"] for p in report["problems"] if p["severity"] == "error")
    assert str(out / "report.json") in result.output


def test_build_lists_the_files_it_wrote_and_none_when_up_to_date(small_corpus: Path, tmp_path: Path):
    """stdout lists the files a build wrote, one a line; an up-to-date build writes none and lists
    none (it says so on stderr), and a patched one lists what the edit touched."""
    out = tmp_path / "out"
    first = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(out)])
    listed = first.stdout.splitlines()
    assert str(out / "index.html") in listed and all(Path(line).is_file() for line in listed)
    again = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(out)])
    assert again.exit_code == 0 and again.stdout == "" and "up to date" in again.stderr
    edited = small_corpus / "biology" / "dna.md"
    edited.write_text(edited.read_text().replace("title: ", "title: Edited ", 1))
    patched = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(out)]).stdout.splitlines()
    assert str(out / "qagraph.db") in patched and len(patched) < len(listed)


def test_content_is_also_the_argument_and_a_build_remembers_its_own(small_corpus: Path, tmp_path: Path,
                                                                     monkeypatch):
    """``qagraph build posts`` and ``qagraph check posts`` read ``posts`` as ``-c posts`` does; two
    different folders are a usage error; without either, a build made before is brought up to date
    from the folder it was made from, wherever the command runs."""
    out = tmp_path / "out"
    first = run("build", str(small_corpus), "-o", str(out), "-q")
    assert first.exit_code == 0, first.output
    articles = json.loads((out / "report.json").read_text())["counts"]["articles"]
    assert articles > 0
    assert run("check", str(small_corpus)).exit_code == 0
    both = run("build", str(small_corpus), "-c", str(tmp_path), "-o", str(out))
    assert both.exit_code == 2 and "two content folders" in both.output
    assert run("build", str(small_corpus), "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # no ./content here
    edited = small_corpus / "biology" / "dna.md"
    edited.write_text(edited.read_text().replace("title: ", "title: Edited ", 1))
    again = run("build", "-o", str(out))
    assert again.exit_code == 0, again.output
    assert str(out / "qagraph.db") in again.stdout.splitlines()
    assert json.loads((out / "report.json").read_text())["counts"]["articles"] == articles
    assert run("build", "-o", str(tmp_path / "new")).exit_code == 2  # no build there, no ./content


def test_a_build_whose_content_is_gone_says_where_it_was_made_from(small_corpus: Path, tmp_path: Path, monkeypatch):
    """``qagraph build -o build`` brings a build up to date from the folder it was made from; when that
    folder is gone (moved, or the build moved) it said "not a folder: content", naming neither; with a
    ./content where the command runs, the build was replaced by a build of that folder, saying nothing."""
    out = tmp_path / "out"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    moved = small_corpus.rename(tmp_path / "moved")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    said = run("build", "-o", str(out))
    assert said.exit_code == 2
    assert f"qagraph: {out} was made from {small_corpus}, which is not there (nor ./content): name the content " \
           "folder with -c" in said.output, said.output
    assert run("build", "-c", str(moved), "-o", str(out), "-q").exit_code == 0
    # with a ./content here, the build is made from it, and replaced by a build of another folder: said
    moved.rename(small_corpus)
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    small_corpus.rename(moved)
    write_article(tmp_path / "elsewhere" / "content", "a/x.md", "---\ntitle: Another corpus\n---\n")
    said = run("build", "-o", str(out))
    assert said.exit_code == 0, said.output
    assert f"note: {out} was made from {small_corpus}, which is not there; building it from ./content\n" in said.stderr
    assert json.loads((out / "report.json").read_text())["counts"]["articles"] == 1
    assert "note:" not in run("build", "-o", str(out)).stderr  # made from ./content now


def test_a_folder_without_article_files_is_said_to_be_one(tmp_path: Path):
    """Pointed at a folder that holds no article file (the wrong folder, most often), build and
    check say so, with what they passed over; the empty build itself is not an error."""
    folder = tmp_path / "site"
    (folder / ".drafts").mkdir(parents=True)
    (folder / "notes.txt").write_text("not an article")
    (folder / ".drafts" / "draft.md").write_text("---\ntitle: Draft\n---\n")
    built = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    line = ("qagraph: no article file (.md, .markdown, .mdx) in site: 1 other file passed over; 1 in hidden "
            "folders, which are not read (.drafts); is it the content folder?")
    assert line in built.stderr.splitlines()
    checked = CliRunner().invoke(cli, ["check", str(folder)])
    assert checked.exit_code == 0 and line in checked.stderr.splitlines()
    quiet = CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out"), "-q"])
    assert quiet.exit_code == 0 and "no article file" not in quiet.stderr
    (folder / "a.md").write_text("---\ntitle: A\n---\n")
    assert "no article file" not in CliRunner().invoke(cli, ["build", str(folder), "-o", str(tmp_path / "out")]).stderr


def test_build_strict_stops_with_exit_1(tmp_path: Path):
    result = run("build", "-c", str(BROKEN), "-o", str(tmp_path / "out"), "--strict", "-q")
    assert result.exit_code == 1
    assert "invalid/broken-yaml.md:6: invalid YAML" in result.output


def test_check_lists_problems_as_path_line_message():
    result = run("check", "-c", str(BROKEN))
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line]
    assert "invalid/list.md:2: front matter is a list, not a mapping of fields" in lines
    assert len(lines) == 9


def test_check_where_no_file_loaded_says_why_as_build_does(tmp_path: Path):
    """``check --preset quicktakes`` on a vault listed every file's problem and the counts, where
    ``build`` also said in one line that nothing loaded, why, and to try another --preset."""
    vault = tmp_path / "vault"
    write_article(vault, "Note one.md", "Links to [[Note two]].\n")
    write_article(vault, "Note two.md", "Back to [[Note one]].\n")
    checked = CliRunner().invoke(cli, ["check", str(vault), "--preset", "quicktakes"])
    assert checked.exit_code == 1
    assert checked.stderr.splitlines()[-1].startswith("qagraph: no article loaded from vault: 2 of 2 files rejected")
    assert "try another --preset" in checked.stderr
    assert "no article loaded" not in CliRunner().invoke(cli, ["check", str(vault)]).stderr


def test_check_clean_exits_0(small_corpus: Path):
    result = run("check", "-c", str(small_corpus))
    assert result.exit_code == 0 and result.stdout == ""


def test_usage_and_runtime_errors_exit_2(tmp_path: Path):
    assert run("check", "-c", str(tmp_path / "missing")).exit_code == 2
    assert run("build", "--top-k", "many").exit_code == 2
    result = run("related", "/nope", "-c", str(BROKEN), "-q")
    assert result.exit_code == 2 and "no article '/nope'" in result.output
    assert run("build", "-c", str(BROKEN), "--field", "colour=red").exit_code == 2
    bad_regex = run("check", "-c", str(BROKEN), "--field", "subject_from_url=[")
    assert bad_regex.exit_code == 2 and "not a regular expression" in bad_regex.output


def test_max_file_size_takes_a_unit(tmp_path: Path):
    """``--max-file-size 16M`` (the help says "default 8 MiB") was "'16M' is not a valid integer"; a size
    takes K, M or G (powers of 1024, with or without "iB"), and the limit is the one given."""
    out = tmp_path / "out"
    for size, read in (("300", 1), ("1K", 2), ("16M", 2), ("1kib", 2), ("400 B", 1)):  # files of 255 and 464 bytes
        result = run("build", "-c", str(BROKEN / "good"), "-o", str(out), "-q", "--max-file-size", size)
        assert result.exit_code == 0, result.output
        assert json.loads((out / "report.json").read_text())["counts"]["articles"] == read, size


def test_an_output_never_replaces_a_markdown_file(small_corpus: Path, tmp_path: Path):
    """``view X -o content/biology/dna.md`` (a completion's slip) wrote the view's HTML over the article,
    and ``suggest -o`` / ``export -o`` the same: an output that is a Markdown file there already is
    refused and the file kept; a new file of that name is written."""
    article = small_corpus / "biology" / "dna.md"
    before = article.read_bytes()
    args = ["-c", str(small_corpus), "-q"]
    for command in (["view", url_of("biology", "dna"), "-o"], ["suggest", "-o"], ["export", "-f", "json", "-o"]):
        said = run(*command, str(article), *args)
        assert said.exit_code == 2, said.output
        assert f"{article} is a Markdown file (an article?): qagraph does not write over one" in said.output
        assert article.read_bytes() == before
    assert run("view", url_of("biology", "dna"), "-o", str(tmp_path / "new.md"), *args).exit_code == 0


def test_the_top_help_names_every_exit_code():
    """The exit codes were in the README alone: ``qagraph --help`` says each one a script may meet."""
    text = " ".join(run("--help").stdout.split())
    assert "Hugo" in text and "Obsidian" in text and "qagraph COMMAND --help" in text
    said = [int(code) for code in __import__("re").findall(r"(\d+) [a-zC]", text.split("Exit codes:")[1])]
    assert sorted(said) == sorted(EXIT_CODES.values()), said


@pytest.mark.parametrize("option", [
    ("build", "--top-k", "-1"), ("build", "--max-df", "1"), ("build", "--rare-df", "0"), ("build", "--min-score", "2"),
    ("build", "--workers", "0"), ("build", "--max-file-size", "-1"), ("check", "--max-file-size", "0"),
    ("build", "--max-file-size", "16 apples"),
    ("validate", "--workers", "-2"),
])
def test_numbers_out_of_range_are_usage_errors_before_any_work(option: tuple[str, ...], tmp_path: Path):
    """``--workers -3``, ``--max-file-size -1`` (every file rejected), ``--rare-df 0`` or ``--min-score 2``
    (no similar article at all) mean nothing: refused as the option's error, naming its range, before
    the content is read, not taken silently (``--max-file-size 0`` was the default's 8 MiB)."""
    command, *rest = option
    target = [] if command == "validate" else ["-c", str(BROKEN)]
    result = run(command, *target, *rest, *(["-o", str(tmp_path / "out")] if command == "build" else []))
    assert result.exit_code == 2 and f"Invalid value for '{rest[0]}'" in result.output, result.output
    assert "load:" not in result.output and not (tmp_path / "out").exists()


def test_stats(small_corpus: Path):
    result = run("stats", "-c", str(small_corpus), "-q", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["counts"]["nodes"]["article"] == 5 and data["top_subjects"][0] == ["Biology", 3]
    text = run("stats", "-c", str(small_corpus), "-q").stdout
    assert "nodes      article       5" in text
    assert "top subjects: Biology (3)" in text
    counts_only = run("stats", "-c", str(small_corpus), "-q", "--top", "0").stdout  # no two lines listing nothing
    assert counts_only.splitlines()[-1].startswith("problems ") and "top " not in counts_only
    untagged = small_corpus.parent / "untagged"  # a corpus without keywords: said, not an empty list
    write_article(untagged, "a.md", "---\ntitle: A\n---\nText.\n")
    assert run("stats", "-c", str(untagged), "-q").stdout.splitlines()[-1] == "top keywords: (none)"


def test_a_query_run_inside_the_build_folder_answers_from_it(small_corpus: Path, tmp_path: Path, monkeypatch):
    """``cd build; qagraph stats`` (a user reading the report.json there) said "no build in ./build
    and no content folder content": the current folder, a build holding no ``build/``, is the one
    meant. A folder named with -c is still the question, and a ./build still wins."""
    out = tmp_path / "out"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    monkeypatch.chdir(out)
    inside = run("stats", "-q")
    assert inside.exit_code == 0 and "nodes      article       5" in inside.stdout, inside.output
    assert run("query", "ASK { ?s ?p ?o }", "-q").stdout == "true\n"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # no build here, nor ./build, nor ./content: as before
    assert "no build in ./build" in run("stats", "-q").output


def test_every_help_that_takes_an_article_says_how_to_name_one():
    """``path SOURCE TARGET`` said nothing of what names an article, where related, similar and view
    say "(url, path or id)"."""
    takes = {name: c for name, c in cli.commands.items()
             if any(isinstance(p, click.Argument) and p.name in {"article", "source"} for p in c.params)}
    assert {"related", "similar", "path", "view"} <= set(takes)
    assert [name for name, c in takes.items() if "(url, path or id)" not in (c.help or "")] == []


def test_a_build_folder_named_as_content_and_a_file_named_as_build_are_said_to_be(small_corpus: Path, tmp_path: Path,
                                                                                  monkeypatch):
    """``qagraph build build`` (the argument taken for the output) said the two folders overlap and
    offered --force; ``check build`` read the build's 19 files as no article file; ``-b build/qagraph.db``
    said "no qagraph build in build/qagraph.db (run: qagraph build -o build/qagraph.db)", a build into
    a file. Each now says what the folder or file is, and what was meant."""
    monkeypatch.chdir(tmp_path)
    assert run("build", "-c", str(small_corpus), "-o", "build", "-q").exit_code == 0
    for args, fix in [(["build", "build"], "(qagraph build -c CONTENT -o build)"),
                      (["check", "build"], "(qagraph check -c CONTENT)"),
                      (["stats", "-c", "build"], "(-b build answers from it)")]:
        said = run(*args)
        assert said.exit_code == 2, said.output
        assert f"qagraph: build is a qagraph build folder, not a folder of articles {fix}" in said.output, said.output
    for name in ("qagraph.db", "report.json"):
        said = run("stats", "-b", f"build/{name}")
        assert said.exit_code == 2
        assert f"build/{name} is a file; -b names a build folder (-b build: the build it is in)" in said.output
    (tmp_path / "notes.txt").write_text("x")
    assert "notes.txt is a file; -b names a build folder\n" in run("related", "1", "-b", "notes.txt").output
    # a content folder built into itself (--force) holds its own build: still a folder of articles
    assert run("build", "-c", str(small_corpus), "-o", str(small_corpus), "--force", "-q").exit_code == 0
    assert run("check", str(small_corpus)).exit_code == 0
    assert run("build", "-c", str(small_corpus), "-o", str(small_corpus), "--force", "-q").exit_code == 0


def test_an_empty_answer_about_an_article_outside_the_corpus_says_so(tmp_path: Path):
    """``related`` and ``similar`` of a stub (a related link's target with no file) said "no related
    links (`qagraph similar X` ranks...)" and "none shares enough keywords with it", findings about an
    article of the corpus: it has no links or keywords of its own, and they say that."""
    corpus, gone = tmp_path / "content", url_of("biology", "gone")
    write_article(corpus, "biology/cells.md", article_text(
        "What are cells?", url_of("biology", "cells"),
        related=[{"id": 9, "title": "Gone?", "subject": "Biology", "url": gone}]))
    for command, why in (("related", "it has no links of its own"), ("similar", "it has no keywords")):
        said = CliRunner().invoke(cli, [command, gone, "-c", str(corpus)])
        assert said.exit_code == 0 and said.stdout == "", said.output
        assert f"{gone}: outside the corpus (a link's target with no file here): {why}" in said.stderr.splitlines()
    alone = CliRunner().invoke(cli, ["related", url_of("biology", "cells"), "-c", str(corpus), "-q"])
    assert alone.stdout.startswith(gone)  # the article itself: its link, as before


def test_related_similar_find_path(small_corpus: Path):
    cells = url_of("biology", "cells")
    related = run("related", cells, "-c", str(small_corpus), "-q").stdout.splitlines()
    assert related[0].startswith(url_of("biology", "mitosis"))
    assert related[-1].endswith("[outside the corpus]")
    similar = run("similar", url_of("computer-science", "graphs"), "-c", str(small_corpus), "-q", "-k", "1").stdout
    assert similar.startswith("1.0000") or similar.split()[0].startswith("0.")
    assert url_of("computer-science", "trees") in similar
    assert "What is DNA?" in run("find", "dna", "-c", str(small_corpus), "-q").stdout
    path = run("path", "3", url_of("computer-science", "trees"), "-c", str(small_corpus), "-q").stdout.splitlines()
    assert path[0].startswith(url_of("biology", "dna"))


def test_related_backlinks_lists_the_notes_that_link_to_a_note(tmp_path: Path):
    """Obsidian shows a note's backlinks beside it: the notes that link to it, and those that link to a
    note not written yet. ``qagraph related`` showed only the links a note makes; ``--backlinks`` shows
    the others, by path, and says so when no note links to it."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {"Home.md": "See [[Plan]] and [[Someday]].\n", "Work/Plan.md": "Back to [[Home]].\n",
                       "Work/Notes.md": "The [[Plan|plan]], ![[Plan]] and [[Someday]].\n"}.items():
        write_article(vault, name, text)
    out = tmp_path / "out"
    assert run("build", "-c", str(vault), "-o", str(out), "-q").exit_code == 0
    backlinks = run("related", "Plan", "--backlinks", "-b", str(out), "-q")
    assert backlinks.exit_code == 0 and [line.split()[0] for line in backlinks.stdout.splitlines()] == [
        "Home", "Work/Notes"]
    assert [n["node"] for n in json.loads(run("related", "Someday", "--backlinks", "-b", str(out), "--json").stdout)] == [
        "article:Home", "article:Work/Notes"]
    assert run("related", "Plan", "-b", str(out), "-q").stdout.split()[0] == "Home"  # its own links, as before
    alone = CliRunner().invoke(cli, ["related", "Work/Notes", "--backlinks", "-b", str(out)])
    assert alone.exit_code == 0 and alone.stdout == "" and "Work/Notes: no article links to it" in alone.stderr


def test_an_empty_answer_says_so_on_stderr_and_still_exits_0(small_corpus: Path):
    write_article(small_corpus, "biology/lonely.md", article_text(
        "What is a zyzzyva?", url_of("biology", "lonely"), id=9, keywords="zyzzyva"))
    cases = {
        ("related", url_of("biology", "dna")): "no related links",
        ("similar", url_of("biology", "lonely")): "no similar article",
        ("find", "xylophone"): "no article title holds all of: xylophone",
    }
    for args, note in cases.items():
        result = CliRunner().invoke(cli, [*args, "-c", str(small_corpus)])
        assert result.exit_code == 0 and result.stdout == "", args
        assert note in result.stderr, (args, result.stderr)
        quiet = CliRunner().invoke(cli, [*args, "-c", str(small_corpus), "-q"])
        assert quiet.exit_code == 0 and quiet.stdout == quiet.stderr == "", args
        as_json = CliRunner().invoke(cli, [*args, "-c", str(small_corpus), "-q", "--json"])
        assert json.loads(as_json.stdout) == [], args


def test_an_empty_answer_names_the_article_on_one_line_and_a_command_that_can_be_pasted(tmp_path: Path):
    """A file whose name holds a line break or spaces, named as it is: the note that it has no related or
    similar article printed the name raw, so one note was two lines (and a name's escape sequences
    reached the terminal), and the command it proposed was cut at the name's first space."""
    root = tmp_path / "notes"
    write_article(root, "a/two\nlines.md", "---\ntitle: Two\n---\n")
    write_article(root, "a/with space.md", "---\ntitle: Spaced\n---\n")
    write_article(root, "-dash.md", "---\ntitle: Dash\n---\n")
    out = tmp_path / "build"
    assert run("build", "-c", str(root), "-o", str(out), "-q").exit_code == 0
    for article, shown, command in [("a/two\nlines.md", "a/two\\nlines.md", "'a/two\\nlines.md'"),
                                    ("a/with space.md", "a/with space.md", "'a/with space.md'"),
                                    ("-dash.md", "-dash.md", "-- -dash.md")]:  # not read as options
        related = CliRunner().invoke(cli, ["related", "-b", str(out), "--", article])
        assert related.stderr == (f"{shown}: no related links (`qagraph similar {command}` ranks articles by shared "
                                  "keywords)\n")
        similar = CliRunner().invoke(cli, ["similar", "-b", str(out), "--", article])
        assert similar.stderr == f"{shown}: no similar article (none shares enough keywords with it)\n"
    path = CliRunner().invoke(cli, ["path", "a/two\nlines.md", "a/with space.md", "-b", str(out)])
    assert path.stderr == "no chain of links between a/two\\nlines.md and a/with space.md\n"


def test_progress_goes_to_stderr_and_quiet_silences_it(small_corpus: Path, tmp_path: Path):
    loud = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(tmp_path / "a")])
    assert "load: 5 done" in loud.stderr
    quiet = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(tmp_path / "b"), "-q"])
    assert quiet.stderr == ""


def test_field_map_option(tmp_path: Path):
    (tmp_path / "posts").mkdir()
    (tmp_path / "posts" / "a.md").write_text("---\ntitle: Tagged\ntags: [Go, Rust]\n---\n")
    out = tmp_path / "out"
    assert run("build", "-c", str(tmp_path / "posts"), "-o", str(out), "-q", "--field", "keywords=tags").exit_code == 0
    result = run("stats", "-b", str(out), "--json")
    assert json.loads(result.stdout)["counts"]["nodes"]["keyword"] == 2


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name, command in cli.commands.items():
        assert command.help, name
        assert f"qagraph {name}" in readme, f"README does not show `qagraph {name}`"


def test_query_commands_answer_from_the_build_without_the_content(small_corpus: Path, tmp_path: Path):
    import shutil

    out = tmp_path / "build"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    shutil.move(str(small_corpus), str(tmp_path / "gone"))  # nothing may be parsed again
    cells = url_of("biology", "cells")
    result = CliRunner().invoke(cli, ["related", cells, "-b", str(out)])
    assert result.exit_code == 0 and url_of("biology", "mitosis") in result.stdout
    assert result.stderr == ""


def test_a_changed_content_is_noted_and_rebuild_updates(small_corpus: Path, tmp_path: Path):
    out = tmp_path / "build"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    path = small_corpus / "biology" / "dna.md"
    path.write_text(path.read_text().replace("What is DNA?", "What is deoxyribonucleic acid?"))
    stale = CliRunner().invoke(cli, ["find", "deoxyribonucleic", "-b", str(out)])
    assert stale.exit_code == 0 and stale.stdout == ""
    assert "1 changed file(s)" in stale.stderr and "--rebuild" in stale.stderr
    fresh = CliRunner().invoke(cli, ["find", "deoxyribonucleic", "-b", str(out), "--rebuild", "-q"])
    assert fresh.exit_code == 0 and url_of("biology", "dna") in fresh.stdout
    again = CliRunner().invoke(cli, ["find", "deoxyribonucleic", "-b", str(out)])
    assert again.stderr == ""


def test_files_the_build_could_not_read_are_not_noted_as_added(small_corpus: Path, tmp_path: Path):
    """A FIFO, a link loop and a file over the size limit were in the folder when it was built (rejected,
    with no digest): after an edit, the note counts the edit, not them as added files."""
    out = tmp_path / "build"
    os.mkfifo(small_corpus / "biology" / "pipe.md")
    os.symlink("loop.md", small_corpus / "biology" / "loop.md")
    write_article(small_corpus, "biology/big.md", article_text("Big?", url_of("biology", "big"), id=77) + "x" * 2000)
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q", "--max-file-size", "1000").exit_code == 0
    path = small_corpus / "biology" / "dna.md"
    path.write_text(path.read_text().replace("What is DNA?", "What is deoxyribonucleic acid?"))
    stale = CliRunner().invoke(cli, ["find", "deoxyribonucleic", "-b", str(out)])
    assert f"note: {small_corpus}: 1 changed file(s) since" in stale.stderr  # not build/../content
    (small_corpus / "biology" / "pipe.md").unlink()  # a FIFO now a page: changed; a new FIFO: added
    write_article(small_corpus, "biology/pipe.md", article_text("Pipe?", url_of("biology", "pipe"), id=78))
    os.mkfifo(small_corpus / "biology" / "other.md")
    stale = CliRunner().invoke(cli, ["find", "deoxyribonucleic", "-b", str(out)])
    assert "content: 1 added, 2 changed file(s) since" in stale.stderr


def test_an_edit_of_a_site_file_the_build_read_is_noted(tmp_path: Path):
    """The note that the content changed since the build counted article files only: an edit of a
    file the build read to choose how to read them (a hugo.toml above the content folder) went
    unseen, and the answers, from the build, with it. A file touched and not edited is no change."""
    import shutil

    site, out = tmp_path / "site", tmp_path / "build"
    shutil.copytree(FIXTURES / "hugo", site)
    assert run("build", "-c", str(site / "content"), "-o", str(out), "-q").exit_code == 0
    assert CliRunner().invoke(cli, ["stats", "-b", str(out)]).stderr == ""
    config = site / "hugo.toml"
    os.utime(config, ns=(1, 1))  # touched: not edited
    assert CliRunner().invoke(cli, ["stats", "-b", str(out)]).stderr == ""
    config.write_text(config.read_text() + "uglyURLs = true\n")
    noted = CliRunner().invoke(cli, ["stats", "-b", str(out)])
    assert noted.exit_code == 0
    assert f"note: {config} (read by the build) changed since {out} was built" in noted.stderr
    assert "--rebuild" in noted.stderr
    assert CliRunner().invoke(cli, ["stats", "-b", str(out), "--rebuild", "-q"]).exit_code == 0
    assert CliRunner().invoke(cli, ["stats", "-b", str(out)]).stderr == ""


@pytest.mark.parametrize("settings", [
    [], {"similarity": [1]}, {"similarity": {"top_k": "ten"}}, {"similarity": {"top_k": 1.5}},
    {"similarity": {"min_score": 1e999}}, {"overrides": ["title=name"]}, {"outputs": "rdf"}, {"formats": [5]},
    {"preset": ["hugo"]},
])
def test_rebuild_from_a_record_whose_settings_a_build_did_not_write_builds_with_the_defaults(small_corpus: Path,
                                                                                             tmp_path: Path, settings):
    """--rebuild makes the build again with the settings its record (.qagraph/build.json) holds; a
    record edited by hand into values of other kinds (settings a list, similarity a list, a count
    that is a text) ended in an internal error (exit 70: "'list' object has no attribute 'items'").
    Such values are not followed, as a build does not follow a damaged record: the defaults are."""
    from qagraph.fileio import MARKER, PRIVATE

    out = tmp_path / "out"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    record = out / PRIVATE / MARKER
    state = json.loads(record.read_text(encoding="utf-8"))
    if isinstance(settings, dict):
        state["settings"].update(settings)
    else:
        state["settings"] = settings
    record.write_text(json.dumps(state), encoding="utf-8")
    result = CliRunner().invoke(cli, ["find", "cell", "-b", str(out), "-c", str(small_corpus), "--rebuild", "-q"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert url_of("biology", "cells") in result.stdout
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["counts"]["articles"] > 0


@pytest.mark.parametrize("content", ["gone", "a-file"])
def test_rebuild_from_a_content_folder_named_that_is_none_says_which(small_corpus: Path, tmp_path: Path,
                                                                      content: str):
    """``--rebuild -c PATH`` where PATH is no folder said "its content folder is not there (name it
    with -c)" to one who had named it with -c; it says which folder is not one."""
    out = tmp_path / "build"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    (tmp_path / "a-file").write_text("x")
    result = CliRunner().invoke(cli, ["find", "cell", "-b", str(out), "-c", str(tmp_path / content), "--rebuild"])
    assert (result.exit_code, result.stderr) == (
        2, f"qagraph: cannot rebuild {out}: the content folder {tmp_path / content} is not a folder\n")


def test_without_a_build_the_query_says_it_builds_in_memory(small_corpus: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no ./build here
    result = CliRunner().invoke(cli, ["find", "cell", "-c", str(small_corpus)])
    assert result.exit_code == 0 and url_of("biology", "cells") in result.stdout
    assert "no build in ./build; building" in result.stderr


def test_the_notes_of_a_query_show_a_folder_named_with_a_line_break_on_one_line(small_corpus: Path, tmp_path: Path,
                                                                                monkeypatch):
    """A content folder whose name holds a line break split the notes of ``--rebuild`` and of a build
    in memory over two lines; the name is shown with the break written as an escape, as elsewhere."""
    odd = tmp_path / "my\ncorpus"
    small_corpus.rename(odd)
    monkeypatch.chdir(tmp_path)  # no ./build here
    memory = CliRunner().invoke(cli, ["stats", "-c", str(odd)])
    assert memory.exit_code == 0
    assert [line for line in memory.stderr.splitlines() if line.startswith("note:")] == [
        f"note: no build in ./build; building {tmp_path}/my\\ncorpus in memory "
        f"(qagraph build -c {tmp_path}/my\\ncorpus makes one that answers at once)"]
    out = tmp_path / "out"
    assert run("build", "-c", str(odd), "-o", str(out), "-q").exit_code == 0
    rebuilt = CliRunner().invoke(cli, ["stats", "-b", str(out), "--rebuild"])
    assert rebuilt.exit_code == 0
    first = rebuilt.stderr.splitlines()[0]  # the folder as the build recorded it (out/../my\\ncorpus)
    assert first.startswith(f"bringing {out} up to date with ") and first.endswith("my\\ncorpus ...")


def _nodes(data: Any) -> list[str]:
    return [d["node"] for d in data]


#: each query command, and what its JSON must hold: the answer the library gives to the same question
_SPOKEN_AS_JSON = [
    (["related", "1"], lambda kg, data: _nodes(data) == kg.related("1")),
    (["similar", "2", "-k", "2"], lambda kg, data: [(d["node"], d["weight"], tuple(d["shared"])) for d in data]
     == [(n, round(w, 4), tuple(s)) for n, w, s in kg.similar("2", k=2)]),
    (["find", "what"], lambda kg, data: _nodes(data) == kg.find("what")),
    (["path", "3", "1"], lambda kg, data: _nodes(data) == kg.path("3", "1")),
    (["stats"], lambda kg, data: data == json.loads(json.dumps({
        "counts": kg.counts, "top_subjects": [(kg.label(n), c) for n, c in kg.top_subjects(10)],
        "top_keywords": [(kg.label(n), c) for n, c in kg.top_keywords(10)]}))),
    (["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"], lambda kg, data: data["head"]["vars"] == ["n"] and [
        int(b["n"]["value"]) for b in data["results"]["bindings"]] == [
        r["n"] for r in kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").values()]),
]


@pytest.mark.parametrize("args, agrees", _SPOKEN_AS_JSON, ids=[a[0] for a, _ in _SPOKEN_AS_JSON])
def test_every_query_command_speaks_json(small_corpus: Path, tmp_path: Path, args: list[str], agrees: Any):
    """Each query command's --json is the library's answer to the same question (it only asserted
    that the output parsed as something: an empty list, or another command's answer, passed)."""
    import qagraph

    out = tmp_path / "build"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    result = CliRunner().invoke(cli, [*args, "-b", str(out), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data, result.stdout  # the small corpus answers every one of these
    assert agrees(qagraph.open(out), data), result.stdout


def test_check_speaks_json(small_corpus: Path):
    result = run("check", "-c", str(BROKEN), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["counts"]["rejected"] == 9 and len(data["problems"]) == 9


def test_a_build_where_every_file_is_rejected_exits_1_with_one_line(tmp_path: Path):
    content = tmp_path / "notes"
    content.mkdir()
    (content / "a.md").write_text("---\ntitle: never closed\n")
    (content / "b.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    result = CliRunner().invoke(cli, ["build", "-c", str(content), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("qagraph: no article loaded from notes: 2 of 2 files rejected")
    assert lines[0].endswith(f"(see {tmp_path / 'out'}/report.json)")


def test_output_errors_exit_3_without_a_traceback(small_corpus: Path, tmp_path: Path):
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(tmp_path / "file"), "-q"])
    assert result.exit_code == 3
    assert "exists and is not a folder" in result.stderr and "Traceback" not in result.output


def test_debug_shows_the_traceback(small_corpus: Path, tmp_path: Path):
    (tmp_path / "file").write_text("x")
    result = CliRunner().invoke(cli, ["--debug", "build", "-c", str(small_corpus), "-o", str(tmp_path / "file")])
    assert result.exit_code == 3 and "Traceback" in result.stderr
    # after the command, where a user adds it to the line that failed: it was "No such option '--debug'.
    # Did you mean '--rebuild'?" (exit 2), the error's traceback never shown
    after = CliRunner().invoke(cli, ["related", "/nope", "-c", str(small_corpus), "-q", "--debug"])
    assert after.exit_code == 2 and "Traceback" in after.stderr and "no article '/nope'" in after.stderr
    words = CliRunner().invoke(cli, ["find", "-c", str(small_corpus), "--", "--debug"])  # after --: a word
    assert words.exit_code == 0 and "no article title holds all of: --debug" in words.stderr


def test_build_with_two_folders_says_how_the_output_is_named():
    """``qagraph build content build`` (the second folder meant as the output) was "Got unexpected extra
    argument (build)" and no more; it says how the build folder is named."""
    said = run("build", "content", "build")
    assert said.exit_code == 2
    assert "Got unexpected extra argument (build); one content folder is read (CONTENT, or -c), and the build " \
           "folder is named with -o: qagraph build CONTENT -o OUT" in said.output
    assert "-o OUT" not in run("related", "1", "2").output  # another command's extra argument: as click says it


@pytest.mark.parametrize("args", [["build", "-c", "", "-o", "x"], ["build", ""], ["stats", "-b", ""],
                                  ["view", "1", "-o", ""], ["suggest", "-o", ""], ["validate", ""]])
def test_an_empty_file_or_folder_name_is_a_usage_error(args: list[str], tmp_path: Path, monkeypatch):
    """``-o "$OUT"`` with the variable unset: ``view -o ""`` ended in "cannot write: Device or resource
    busy" (exit 3), ``-c ""`` read the folder the command ran in, ``-b ""`` told to run ``qagraph build
    -o .``, which is refused. An empty name is refused as the option's error."""
    monkeypatch.chdir(tmp_path)
    said = run(*args)
    assert said.exit_code == 2 and "an empty name names no file or folder" in said.output, said.output


def test_no_build_in_the_current_folder_suggests_a_build_that_runs(tmp_path: Path, monkeypatch):
    """``-b .`` in a folder that is no build said "(run: qagraph build -o .)", a build refused because the
    output would hold the current folder; it suggests one elsewhere. Another folder keeps its hint."""
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")
    said = run("stats", "-b", ".")
    assert said.exit_code == 2
    assert "no qagraph build in . (run: qagraph build -c CONTENT -o BUILD, then -b BUILD)" in said.output
    assert "(run: qagraph build -o elsewhere)" in run("stats", "-b", "elsewhere").output


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_field_written_with_a_space_is_said_to_want_its_equals_sign(command: str, small_corpus: Path):
    """``--field keywords tags`` took ``tags`` for a content folder and said "two content folders named:
    tags and -c ..."; the --field is read first and its error says how it is written."""
    said = run(command, "-c", str(small_corpus), "--field", "keywords", "tags")
    assert said.exit_code == 2
    assert "'keywords' is not NAME=PATH (with '=': --field keywords=tags)" in said.output, said.output


def test_help_as_a_command_shows_the_help():
    """``qagraph help`` was "No such command 'help'. Did you mean 'health'?" (exit 2); it is --help, and
    ``qagraph help similar`` is ``qagraph similar --help``."""
    assert run("help").exit_code == 0 and run("help").stdout == run("--help").stdout
    assert run("help", "similar").stdout == run("similar", "--help").stdout
    assert run("help", "nosuch").exit_code == 2


def test_an_option_of_several_commands_is_shown_alike_in_each():
    """``--site-url`` was ``URL`` in build's help and ``TEXT`` in view's, ``--timeout`` ``SECONDS`` in
    query's and ``FLOAT`` in push's: an option several commands take shows the same metavar in each."""
    shown: dict[str, set[str]] = {}
    for command in cli.commands.values():
        ctx = click.Context(command)
        for param in command.params:
            if isinstance(param, click.Option) and not param.is_flag and not isinstance(param.type, click.Choice) \
                    and param.opts[-1] != "--output":  # formats differ; export's output may be a folder
                shown.setdefault(param.opts[-1], set()).add(param.make_metavar(ctx))
    assert {name: metavars for name, metavars in shown.items() if len(metavars) > 1} == {}


def test_every_command_has_an_example_in_its_help():
    for name, command in cli.commands.items():
        result = CliRunner().invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example:" in result.output and f"qagraph {name}" in result.output, name


def _unread_parameters(command: Any) -> list[str]:
    """The parameters ``command``'s function is given and never reads (by name, in its own code)."""
    import ast
    import inspect
    import textwrap

    function = inspect.unwrap(command.callback)
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return [p.name for p in command.params if p.name is not None and p.expose_value and p.name not in read]


def test_every_option_a_command_takes_is_used():
    """An option the CLI takes and then ignores (``--top-k`` read into a parameter nobody passes on)
    says it does something and does nothing: every parameter of every command is read."""
    assert {name: unread for name, command in cli.commands.items() if (unread := _unread_parameters(command))} == {}

    @click.command()
    @click.option("--used")
    @click.option("--ignored")
    def sample(used: str, ignored: str) -> None:
        print(used)

    assert _unread_parameters(sample) == ["ignored"]  # the check finds one


def test_python_dash_m():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "qagraph", "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("qagraph, version ")


#: sitecustomize for the test below: the first import of $QAGRAPH_TEST_STOP_AT says so on the fd
#: $QAGRAPH_TEST_READY_FD and waits there for the test's Ctrl-C, which it raises from the import
_STOP_AT_AN_IMPORT = """
import os, sys, time

class _StopAt:
    def find_spec(self, name, path=None, target=None):
        if name == os.environ["QAGRAPH_TEST_STOP_AT"]:
            sys.meta_path.remove(self)
            os.write(int(os.environ["QAGRAPH_TEST_READY_FD"]), b"ready")
            time.sleep(60)  # the SIGINT ends it
        return None

sys.meta_path.insert(0, _StopAt())
"""


def _entry_point_script() -> str:
    """The script pip writes for the ``qagraph`` console script, from pyproject.toml's entry point."""
    import tomllib

    entry = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]["qagraph"]
    module, function = entry.split(":")
    return f"import sys\nfrom {module} import {function}\nsys.exit({function}())\n"


@pytest.mark.parametrize("command", ["python -m qagraph", "console script"])
@pytest.mark.parametrize("stop_at", ["qagraph.cli", "click", "qagraph.errors"])
def test_ctrl_c_while_the_command_line_is_imported_ends_it_quietly(tmp_path: Path, command: str, stop_at: str):
    """Ctrl-C during the imports of a cold start printed a traceback; it ends with one line and exit 130,
    as Ctrl-C later in a build does. A hook (sitecustomize) holds the start at an import until the
    SIGINT lands there."""
    import os
    import select
    import signal
    import subprocess
    import sys

    (tmp_path / "hook").mkdir()
    (tmp_path / "hook" / "sitecustomize.py").write_text(_STOP_AT_AN_IMPORT, encoding="utf-8")
    (tmp_path / "qagraph-script.py").write_text(_entry_point_script(), encoding="utf-8")
    start = [sys.executable, "-m", "qagraph"] if command == "python -m qagraph" else [
        sys.executable, str(tmp_path / "qagraph-script.py")]
    read, write = os.pipe()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path / "hook"), str(ROOT)]),
           "QAGRAPH_TEST_STOP_AT": stop_at, "QAGRAPH_TEST_READY_FD": str(write)}
    process = subprocess.Popen([*start, "build", "-c", str(ROOT / "content"), "-o", str(tmp_path / "out")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               pass_fds=(write,), start_new_session=True, cwd=tmp_path)
    os.close(write)
    try:
        ready = select.poll()  # select() refuses a descriptor past 1,023, which a long run may reach
        ready.register(read, select.POLLIN)
        assert ready.poll(60_000), f"the start never imported {stop_at}"
        assert os.read(read, 5) == b"ready"
        os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: to the process group
        out, err = process.communicate(timeout=60)
    finally:
        os.close(read)
        if process.poll() is None:
            process.kill()
            process.wait()
    assert (process.returncode, out, err) == (
        EXIT_CODES["interrupted"], "", "qagraph: interrupted while starting; nothing was done\n")
    assert not (tmp_path / "out").exists()


@pytest.fixture
def sigint_restored() -> Iterator[None]:
    """Ctrl-C's handler back after the test: the command line ignores Ctrl-C once an interrupt ends it,
    and run in-process it would leave this process so."""
    import signal

    handler = signal.getsignal(signal.SIGINT)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, handler)


@pytest.mark.usefixtures("sigint_restored")
def test_ctrl_c_while_the_options_are_read_ends_it_quietly(monkeypatch: pytest.MonkeyPatch):
    """Between the imports and the command, click reads the options: Ctrl-C there ended with
    click's "Aborted!" and exit 1; it ends as Ctrl-C at start-up does."""
    import click

    def interrupted(self: click.Context, ctx: click.Context, args: list[str]) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(click.Group, "parse_args", interrupted)
    result = CliRunner().invoke(cli, ["stats"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (
        EXIT_CODES["interrupted"], "qagraph: interrupted while starting; nothing was done\n")


@pytest.mark.usefixtures("sigint_restored")
def test_a_second_ctrl_c_while_the_interrupt_is_told_changes_nothing(monkeypatch: pytest.MonkeyPatch):
    """Ctrl-C while the options are read ends the command line; a second one while it says so ended it
    with click's "Aborted!" and exit 1. Both are real SIGINTs, raised in this thread (at once: no race)."""
    import signal

    import click

    def interrupted(self: click.Context, ctx: click.Context, args: list[str]) -> list[str]:
        signal.raise_signal(signal.SIGINT)
        raise AssertionError("the SIGINT did not interrupt")

    echo = click.echo

    def interrupted_again(*args: Any, **kwargs: Any) -> None:
        signal.raise_signal(signal.SIGINT)
        echo(*args, **kwargs)

    monkeypatch.setattr(click.Group, "parse_args", interrupted)
    monkeypatch.setattr(click, "echo", interrupted_again)
    result = CliRunner().invoke(cli, ["stats"], catch_exceptions=False)
    assert (result.exit_code, result.output) == (
        EXIT_CODES["interrupted"], "qagraph: interrupted while starting; nothing was done\n")


def test_ctrl_c_says_what_it_leaves_for_the_command_it_stopped(small_corpus: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    """A build (or a query's ``--rebuild``) interrupted keeps the previous build, and says so; a push
    leaves the graphs it sent in the store; a query leaves nothing, and said the build's words."""
    import qagraph
    import qagraph.rdf

    out = tmp_path / "out"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(qagraph, "open", interrupted)
    monkeypatch.setattr(qagraph, "build", interrupted)
    monkeypatch.setattr(qagraph.rdf, "push", interrupted)
    for args, said in ((["stats", "-b", str(out), "-q"], "qagraph: interrupted\n"),
                       (["stats", "-b", str(out), "-q", "--rebuild"],
                        "qagraph: interrupted; the previous build, if any, is as it was\n"),
                       (["build", "-c", str(small_corpus), "-o", str(out), "-q"],
                        "qagraph: interrupted; the previous build, if any, is as it was\n"),
                       (["push", str(out), "--endpoint", "http://127.0.0.1:9/store"],
                        "qagraph: interrupted; the store holds the graphs sent until then (push again to replace "
                        "each one whole)\n")):
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert (result.exit_code, result.output) == (EXIT_CODES["interrupted"], said), args


def test_the_command_ends_with_its_exit_code_and_all_its_output(tmp_path: Path):
    """main() ends the process without freeing what the command built (:func:`qagraph.cli._exit_now`):
    its exit code is click's or the command's, and every line it wrote is out, through a pipe too."""
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "qagraph", *args], capture_output=True, text=True, cwd=tmp_path)

    built = run("build", "-c", str(ROOT / "content"), "-o", "out")
    assert built.returncode == 0, built.stderr
    outputs = {p.relative_to(tmp_path).as_posix() for p in (tmp_path / "out").rglob("*")
               if p.is_file() and ".qagraph" not in p.parts}
    assert set(built.stdout.splitlines()) == outputs and len(outputs) > 10
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    refused = run("build", "-c", str(bad), "-o", "bad-out")
    assert refused.returncode == EXIT_CODES["content"] and "bad-out/report.json" in refused.stderr
    usage = run("build", "--no-such-option")
    assert usage.returncode == 2 and "No such option" in usage.stderr


@pytest.mark.parametrize("corpus, preset", [("hugo", "hugo"), ("jekyll", "jekyll"), ("obsidian", "obsidian")])
def test_build_says_which_preset_it_chose(tmp_path: Path, corpus: str, preset: str):
    result = CliRunner().invoke(cli, ["build", "-c", str(FIXTURES / corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert f"qagraph: preset {preset} (recognised: " in result.stderr
    named = CliRunner().invoke(cli, ["build", "-c", str(FIXTURES / corpus), "-o", str(tmp_path / "named"),
                                     "--preset", preset])
    assert named.exit_code == 0 and f"qagraph: preset {preset} (" in named.stderr
    assert (json.loads((tmp_path / "out" / "report.json").read_text())["counts"]
            == json.loads((tmp_path / "named" / "report.json").read_text())["counts"])


@pytest.mark.parametrize("site", ["https://site.example/x?a=1", "https://site.example/#/", "https://site.example:abc/",
                                  "https://site.example/[x]/", "ftp://site.example/"])
@pytest.mark.parametrize("only", [(), ("--only", "rdf")])
def test_a_site_url_that_would_be_mangled_is_a_usage_error(small_corpus: Path, tmp_path: Path, site: str, only):
    """It was taken, and articles' urls became https://site.example/x?a=1/learn/... (an RDF-only
    build did not look at it at all); it is refused before anything is read or written."""
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(out), "--site-url", site, *only])
    assert result.exit_code == 2, result.output
    assert "site url" in result.stderr and repr(site) in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("base", ["https://ex.org/%zz/", "https://ex.org/[x]/", "https://ex.org:abc/",
                                  "https://ex.org/kb/?x=/", "https://ex.org/a/../b/"])
def test_a_bad_base_iri_is_a_usage_error_before_anything_is_written(small_corpus: Path, tmp_path: Path, base: str):
    """%zz, [x] and :abc were taken, and the build ended in "internal error: ValueError: Invalid IRI
    percent encoding" (exit 70) once the RDF parts were written."""
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(out), "--base-iri", base])
    assert result.exit_code == 2, result.output
    assert f"base IRI {base!r}" in result.stderr and "internal error" not in result.stderr
    assert not out.exists()


def test_a_unicode_site_host_is_written_in_punycode(small_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q", "--site-url", "https://b\u00fccher.example/"
               ).exit_code == 0
    nquads = (out / "rdf" / "part-000.nq").read_text(encoding="utf-8")
    assert "<https://xn--bcher-kva.example/learn/biology/questions/cells>" in nquads and "%C3%BC" not in nquads
    assert json.loads((out / "report.json").read_text())["settings"]["site_url"] == "https://xn--bcher-kva.example/"


def test_unknown_article_is_named_in_the_corpus_own_form(tmp_path: Path):
    out = tmp_path / "out"
    assert run("build", "-c", str(FIXTURES / "hugo"), "-o", str(out), "-q").exit_code == 0
    result = CliRunner().invoke(cli, ["related", "nope", "-b", str(out)])
    assert result.exit_code == 2
    assert "/learn/" not in result.stderr and "page path, e.g." in result.stderr


def test_suggest_and_health_read_the_build(tmp_path: Path):
    import csv
    import io

    from conftest import CONTENT

    out = tmp_path / "build"
    assert run("build", "-c", str(CONTENT), "-o", str(out), "-q").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run("suggest", "-b", str(out)).stdout)))
    assert rows and all(int(r["related"]) < 5 for r in rows) and all(r["shared"] for r in rows)
    as_json = json.loads(run("suggest", "-b", str(out), "-f", "json", "-k", "1").stdout)
    assert {r["rank"] for r in as_json} == {1}
    report = json.loads((out / "report.json").read_text())
    health = json.loads(run("health", "-b", str(out), "--json").stdout)
    assert health == report["health"]
    assert health["outside_links"]["count"] == 7 and health["same_question"]["count"] >= 1
    assert "outside links" in run("health", "-b", str(out)).stdout
    index = (out / "index.html").read_text()
    assert 'id="health"' in index and "related links to articles outside the corpus" in index
    assert "views/atlas.html#article=/learn/" in index  # findings open the atlas on the article


def test_a_path_that_finds_no_chain_says_so_and_exits_0(tmp_path: Path):
    """As every query that finds nothing: nothing on stdout (``[]`` with --json), a line on stderr,
    exit 0; a name that is wrong stays a usage error (exit 2)."""
    import qagraph
    from conftest import FIXTURES

    out = tmp_path / "vault"
    kg = qagraph.build(FIXTURES / "obsidian", out=out)
    articles = sorted(n for n, k in kg.graph.nodes(data="kind") if k == "article")
    alone = next(a for a in articles if not kg.graph.degree(a) or all(
        kind not in ("related", "similar", "same-question") for _, _, kind in kg.graph.edges(a, keys=True)) and all(
        kind not in ("related", "similar", "same-question") for _, _, kind in kg.graph.in_edges(a, keys=True)))
    other = next(a for a in articles if a != alone)
    assert kg.path(alone, other) == []
    result = CliRunner().invoke(cli, ["path", alone, other, "-b", str(out), "--json"])
    assert (result.exit_code, result.stdout.strip()) == (0, "[]")
    assert "no chain of links between" in result.stderr
    assert CliRunner().invoke(cli, ["path", "Nobody", other, "-b", str(out)]).exit_code == 2


def test_suggest_writes_what_its_file_is_named_and_takes_json(small_corpus: Path, tmp_path: Path):
    import csv
    import json

    out = tmp_path / "b"
    run("build", "-c", str(small_corpus), "-o", str(out), "-q")
    as_json = json.loads(run("suggest", "-b", str(out), "--json", "-q").stdout)
    assert isinstance(as_json, (list, dict))
    run("suggest", "-b", str(out), "-o", str(tmp_path / "s.json"), "-q")
    assert json.loads((tmp_path / "s.json").read_text()) == as_json
    run("suggest", "-b", str(out), "-o", str(tmp_path / "s.csv"), "-q")
    assert next(csv.reader((tmp_path / "s.csv").open()))[0]  # a header row
    assert CliRunner().invoke(cli, ["suggest", "-b", str(out), "--json", "-f", "csv"]).exit_code == 2


def test_a_content_folder_given_as_a_build_is_named_so(small_corpus: Path):
    result = CliRunner().invoke(cli, ["related", "1", "-b", str(small_corpus)])
    assert result.exit_code == 2
    assert f"{small_corpus} holds Markdown files, not a qagraph build (run: qagraph build -c {small_corpus}" in result.stderr


def test_a_build_without_its_database_is_named_so(small_corpus: Path, tmp_path: Path):
    """A build folder whose qagraph.db was removed, or that was built without one, was called "no
    qagraph build" beside its record and its other outputs: the message names what is missing."""
    gone, rdf = tmp_path / "gone", tmp_path / "rdf-only"
    assert CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(gone), "-q"]).exit_code == 0
    (gone / "qagraph.db").unlink()
    result = CliRunner().invoke(cli, ["related", "1", "-b", str(gone)])
    assert result.exit_code == 2
    assert f"the build in {gone} has lost its database: {gone / 'qagraph.db'} is not there" in result.stderr
    built = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(rdf), "--only", "rdf", "-q"])
    assert built.exit_code == 0
    result = CliRunner().invoke(cli, ["stats", "-b", str(rdf)])
    assert result.exit_code == 2 and f"the build in {rdf} has no database (it was built with --only" in result.stderr


def test_query_rebuild_makes_an_rdf_only_build_again_as_it_was_made(small_corpus: Path, tmp_path: Path):
    """``query --rebuild`` on a build made with --only rdf said it had no database: it is made again
    with its own settings (its RDF, no database), and the query answers from it up to date."""
    import shutil

    out = tmp_path / "rdf-only"
    assert CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(out), "--only", "rdf",
                                    "--site-url", "https://example.org", "-q"]).exit_code == 0
    path = small_corpus / "biology" / "dna.md"
    path.write_text(path.read_text().replace("What is DNA?", "What is deoxyribonucleic acid?"))
    query = 'SELECT ?u { ?q schema:name "What is deoxyribonucleic acid?" ; schema:url ?u }'
    stale = CliRunner().invoke(cli, ["query", query, "-b", str(out), "-f", "csv"])
    assert stale.exit_code == 0 and stale.stdout.splitlines() == ["u"] and "1 changed file(s)" in stale.stderr
    fresh = CliRunner().invoke(cli, ["query", query, "-b", str(out), "-f", "csv", "--rebuild", "-q"])
    assert (fresh.exit_code, fresh.stderr) == (0, "")
    assert fresh.stdout.splitlines() == ["u", "https://example.org" + url_of("biology", "dna")]
    assert not (out / "qagraph.db").exists() and json.loads((out / ".qagraph" / "build.json").read_text())[
        "settings"]["outputs"] == ["rdf"]
    shutil.rmtree(out / "rdf")  # its parts removed: made again too
    again = CliRunner().invoke(cli, ["query", query, "-b", str(out), "-f", "csv", "--rebuild", "-q"])
    assert (again.exit_code, again.stdout) == (0, fresh.stdout)


def test_a_build_in_the_working_folder_without_its_database_is_named_so_too(small_corpus: Path, tmp_path: Path,
                                                                          monkeypatch):
    """./build made with --only html, queried without -b: "no build in ./build" (beside the build
    there), whether the command then built the content in memory or stopped. It says what ./build
    lacks, as -b build does."""
    (tmp_path / "here").mkdir()
    monkeypatch.chdir(tmp_path / "here")  # no ./content here
    assert CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", "build", "--only", "html", "-q"]).exit_code == 0
    alone = CliRunner().invoke(cli, ["stats"])
    assert (alone.exit_code, alone.stderr) == (2, "qagraph: the build in build has no database (it was built with "
                                                  "--only, without the database): build it again with the database "
                                                  "(no --only, or --only database) to query it\n")
    memory = CliRunner().invoke(cli, ["find", "cell", "-c", str(small_corpus)])
    assert memory.exit_code == 0 and url_of("biology", "cells") in memory.stdout
    assert [line for line in memory.stderr.splitlines() if line.startswith("note:")] == [
        f"note: ./build has no database; building {small_corpus} in memory (qagraph build -c {small_corpus} makes "
        "one that answers at once)"]


def test_a_node_is_described_by_its_title_else_its_label_as_in_json():
    """Text output names a node as --json does: its title, else its label (a stub made by a link
    that gave no title has its name as label only)."""
    import networkx as nx

    from qagraph import KnowledgeGraph
    from qagraph.cli import _describe, _node_json

    G = nx.MultiDiGraph()
    G.add_node("article:People/Bob", kind="stub", key="People/Bob", label="Bob")
    kg = KnowledgeGraph.from_graph(G, {"counts": {}})
    assert _describe(kg, "article:People/Bob") == "People/Bob  Bob [outside the corpus]"
    assert _node_json(kg, "article:People/Bob")["title"] == "Bob"


@pytest.mark.parametrize("args", [["similar", "1", "-k", "0"], ["similar", "1", "-k", "-1"], ["stats", "--top", "-1"],
                                  ["suggest", "--max-related", "-3"], ["suggest", "-k", "0"]])
def test_counts_below_their_least_are_usage_errors(small_corpus: Path, args: list[str]):
    result = CliRunner().invoke(cli, [*args, "-c", str(small_corpus), "-q"])
    assert result.exit_code == 2 and "is not in the range" in result.stderr, result.stderr


@pytest.mark.timeout(120)
def test_counts_beyond_64_bits_are_all(small_corpus: Path, tmp_path: Path):
    """``stats --top 99999999999999999999`` ended with an internal error (SQLite's integers are 64
    bits), and ``view --hops 99999999999999999999`` went on stepping from nowhere long after every
    article was reached (it never ended): both are "all"."""
    import qagraph

    out = tmp_path / "out"
    kg = qagraph.build(small_corpus, out=out)
    huge = "99999999999999999999"
    stats = run("stats", "--top", huge, "-b", str(out), "-q", "--json")
    assert stats.exit_code == 0, stats.output
    assert len(json.loads(stats.stdout)["top_keywords"]) == kg.counts["nodes"]["keyword"]
    page = tmp_path / "v.html"
    view = run("view", url_of("biology", "cells"), "--hops", huge, "-o", str(page), "-b", str(out), "-q")
    assert view.exit_code == 0 and page.is_file(), view.output


def test_content_printed_to_a_terminal_shows_its_control_characters_escaped(tmp_path: Path):
    """A title or keyword holding a terminal's commands (ESC ] 0 ; ... BEL retitles the window; others
    move the cursor or hide what was printed; a bidi override draws the rest of the line backwards) is
    shown escaped by the commands that print text for people; JSON escapes them already."""
    corpus = tmp_path / "c"
    for n, title in enumerate(["One \\e]0;PWNED\\a red", "Two \\x9b2J", "Three \\u202Egnp.exe"], 1):
        write_article(corpus, f"biology/q{n}.md", (
            f'---\nid: {n}\ntitle: "{title}"\nsubject: Biology\nurl: {url_of("biology", f"q{n}")}\n'
            f'question: "Q{n}?"\nanswer: "a"\nseo:\n  page_keywords: "sh\\e[8mared, alpha"\n---\n'))
    outputs = {
        "find": run("find", "one", "-c", str(corpus), "-q").stdout,
        "similar": run("similar", url_of("biology", "q1"), "-c", str(corpus), "-q").stdout,
        "stats": run("stats", "-c", str(corpus), "-q").stdout,
        "query": run("query", "-c", str(corpus), "-q",
                     "SELECT ?t WHERE { ?q <https://schema.org/name> ?t } ORDER BY ?t").stdout,
    }
    for name, text in outputs.items():
        assert not any(c in text for c in "\x1b\x07\x9b\u202e"), name
    assert "One \\x1b]0;PWNED\\x07 red" in outputs["find"] and "\\x9b2J" in outputs["query"]
    # a bidi override, which draws the rest of the line backwards: shown as its escape
    assert "Three \\u202egnp.exe" in outputs["query"]
    assert "sh\\x1b[8mared" in outputs["similar"] and "sh\\x1b[8mared" in outputs["stats"]
    as_json = run("find", "one", "-c", str(corpus), "-q", "--json").stdout
    assert json.loads(as_json)[0]["title"] == "One \x1b]0;PWNED\x07 red"


def test_a_path_as_the_shell_sees_it_names_its_article_and_a_closed_pipe_is_quiet(tmp_path: Path):
    """``qagraph related content/biology/cells.md -b build`` from the folder above the content (or
    with an absolute path) names the file, as the build lists it, biology/cells.md; and a reader
    that stops early (| head) ends the command quietly, with no "Broken pipe" message."""
    import subprocess
    import sys

    content = tmp_path / "content"
    write_article(content, "biology/cells.md", article_text("What is a cell?", url_of("biology", "cells"), id=1,
                                                            related=[{"url": url_of("biology", "dna")}]))
    write_article(content, "biology/dna.md", article_text("What is DNA?", url_of("biology", "dna"), id=2))
    assert run("build", "-c", str(content), "-o", str(tmp_path / "b"), "-q").exit_code == 0
    for name in ("content/biology/cells.md", str(content / "biology" / "cells.md")):
        done = subprocess.run([sys.executable, "-m", "qagraph", "related", name, "-b", "b", "-q"], cwd=tmp_path,
                              capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.startswith(url_of("biology", "dna")), (name, done.stderr)
    # `true` reads nothing and is gone long before qagraph (a Python process) writes its first line
    piped = subprocess.run(f"set -o pipefail; {sys.executable} -m qagraph stats -b b | true", shell=True,
                           executable="/bin/bash", cwd=tmp_path, capture_output=True, text=True)
    assert piped.returncode == EXIT_CODES["closed-pipe"] and piped.stderr == ""


def _hostile_build(tmp_path: Path) -> Path:
    """A build of two similar articles whose title holds a terminal's colour codes and whose url holds a
    line break (YAML writes both), and a third titled like a spreadsheet formula."""
    corpus = tmp_path / "c"
    for n, (title, url) in enumerate([("ctrl \\e[31mred\\e[0m", "/learn/biology/questions/q1\\nsecond"),
                                      ("Two", "/learn/biology/questions/q2"),
                                      ("=1+1", "/learn/biology/questions/q3")], 1):
        write_article(corpus, f"biology/q{n}.md", (
            f'---\nid: {n}\ntitle: "{title}"\nsubject: Biology\nurl: "{url}"\n'
            f'question: "Q{n}?"\nanswer: "a"\nseo:\n  page_keywords: "rare one, rare two, rare three"\n---\n'))
    out = tmp_path / "b"
    assert run("build", "-c", str(corpus), "-o", str(out), "-q").exit_code == 0
    return out


def test_csv_on_stdout_is_the_csv_a_file_gets(tmp_path: Path):
    """CSV printed to a pipe is the data, byte for byte what ``-o`` writes: click strips colour codes
    from what it prints where there is no terminal, which altered titles holding ESC."""
    import csv
    import io

    out = _hostile_build(tmp_path)
    printed = run("suggest", "-b", str(out), "-q").stdout
    assert run("suggest", "-b", str(out), "-q", "-o", str(tmp_path / "s.csv")).exit_code == 0
    assert printed == (tmp_path / "s.csv").read_text(encoding="utf-8")
    assert "ctrl \x1b[31mred\x1b[0m" in {row["title"] for row in csv.DictReader(io.StringIO(printed))}
    query = run("query", "-b", str(out), "-q", "-f", "csv",
                "SELECT ?t WHERE { ?q <https://schema.org/name> ?t } ORDER BY ?t").stdout
    assert "ctrl \x1b[31mred\x1b[0m" in [row[0] for row in csv.reader(io.StringIO(query))]


def test_every_node_printed_for_people_is_one_line(tmp_path: Path):
    """Text output is one node a line (| head -1, wc -l, grep): a line break or tab in a url or title
    is shown escaped, as control characters are."""
    out = _hostile_build(tmp_path)
    for args in (["similar", "2"], ["find", "ctrl"], ["path", "2", "1"], ["related", "1"]):
        lines = run(*args, "-b", str(out), "-q").stdout.splitlines()
        assert all("q2" not in line or "q1" not in line for line in lines), args
        assert not any(line.startswith("second") for line in lines), (args, lines)
    assert run("find", "ctrl", "-b", str(out), "-q").stdout.startswith("/learn/biology/questions/q1\\nsecond  ctrl")


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_find_limit_below_one_is_a_usage_error(tmp_path: Path, limit: str):
    """``find --limit -1`` dropped the last match and ``--limit 0`` said no title held the words."""
    out = _hostile_build(tmp_path)
    result = CliRunner().invoke(cli, ["find", "two", "--limit", limit, "-b", str(out), "-q"])
    assert result.exit_code == 2 and "is not in the range" in result.stderr, result.output


@pytest.mark.parametrize("args", [["export", "-f", "json"], ["export", "-f", "graphml"], ["suggest"],
                                  ["view", "1"], ["view", "--subject", "biology"]])
def test_an_output_that_is_a_named_pipe_or_a_device_is_written_into(tmp_path: Path, args: list[str]):
    """``-o /dev/stdout``, ``-o /dev/null`` or a named pipe is written into, as a shell's > does: the file
    was made beside it and renamed over it, which (as root) put a regular file in place of /dev/full, and
    left a reader of the pipe waiting for ever. Tried on a named pipe: a real device may not be replaced."""
    import os
    import threading

    out = _hostile_build(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(*args, "-o", str(fifo), "-b", str(out), "-q")
    reader.join(timeout=30)
    assert result.exit_code == 0, result.output
    assert fifo.is_fifo() and got and got[0], args
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".pipe")]


@pytest.mark.parametrize("args", [["export", "-f", "json"], ["export", "-f", "gexf"], ["view", "1"]])
def test_an_output_to_dev_stdout_read_by_head_ends_quietly(tmp_path: Path, args: list[str]):
    """``export -o /dev/stdout | head -c 10``: the reader going away ended with "cannot write the
    export: Broken pipe" and exit 3; it is the closed pipe any command ends with (141, nothing said)."""
    import subprocess
    import sys

    out = _hostile_build(tmp_path)
    command = " ".join([sys.executable, "-m", "qagraph", *args, "-o", "/dev/stdout", "-b", str(out), "-q"])
    piped = subprocess.run(f"set -o pipefail; {command} | true", shell=True, executable="/bin/bash", cwd=ROOT,
                           capture_output=True, text=True)
    assert piped.returncode == EXIT_CODES["closed-pipe"] and piped.stderr == "", piped.stderr


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["build", "--help"]])
def test_help_read_by_a_reader_that_went_away_ends_as_a_closed_pipe(args: list[str]):
    """``qagraph --help | true``: click ends a closed pipe met while it writes the group's help with exit
    1, as a failure; it ends as any command's output to a closed pipe does (141, nothing said)."""
    import subprocess
    import sys

    command = " ".join([sys.executable, "-m", "qagraph", *args])
    piped = subprocess.run(f"set -o pipefail; {command} | true", shell=True, executable="/bin/bash", cwd=ROOT,
                           capture_output=True, text=True)
    assert piped.returncode == EXIT_CODES["closed-pipe"] and piped.stderr == "", (piped.returncode, piped.stderr)


@pytest.mark.parametrize(("args", "starts"), [(["export", "-f", "json"], '{"directed"'),
                                               (["export", "-f", "graphml"], "<?xml"), (["view", "1"], "<!DOCTYPE html>"),
                                               (["suggest"], "article,")])
def test_an_output_of_dash_is_stdout(tmp_path: Path, args: list[str], starts: str):
    """``-o -`` is stdout, as tools take it: it wrote a file named ``-`` in the current folder. A CSV
    export, a folder of two files, cannot go there: the command says so and writes nothing."""
    import subprocess
    import sys

    out = _hostile_build(tmp_path)
    here = tmp_path / "here"
    here.mkdir()
    done = subprocess.run([sys.executable, "-m", "qagraph", *args, "-o", "-", "-b", str(out), "-q"], cwd=here,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith(starts) and len(done.stdout) > 200, done.stderr
    csv = subprocess.run([sys.executable, "-m", "qagraph", "export", "-f", "csv", "-o", "-", "-b", str(out)], cwd=here,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert csv.returncode == EXIT_CODES["usage"] and "-o - (stdout) takes one file" in csv.stderr, csv.stderr
    assert list(here.iterdir()) == []


def test_an_output_through_a_link_to_an_open_file_is_written_into_not_replaced(tmp_path: Path):
    """``-o /dev/stdout > x.json``: /dev/stdout links to /proc/self/fd/1, which links to x.json, a regular
    file. The link was replaced by a file of the export (as root, a file in /dev), and x.json got the
    name of it; the export now goes into what the shell opened, and the link stays. Tried on a link of
    the test's own to /proc/self/fd/1: /dev may not be touched."""
    import subprocess
    import sys

    out = _hostile_build(tmp_path)
    link = tmp_path / "stdout-link"
    link.symlink_to("/proc/self/fd/1")
    with open(tmp_path / "x.json", "w") as stdout:
        done = subprocess.run([sys.executable, "-m", "qagraph", "export", "-f", "json", "-o", str(link), "-b", str(out),
                               "-q"], stdout=stdout, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and len(json.loads((tmp_path / "x.json").read_text())["nodes"]) > 3


@pytest.mark.parametrize("command", [["export", "-f", "json"], ["export", "-f", "graphml"], ["view", "--subject", "biology"],
                                     ["suggest"]])
def test_an_output_file_named_by_a_folder_is_a_usage_error_of_every_command(tmp_path: Path, command: list[str]):
    """``-o FOLDER`` where one file is written: ``view`` and ``suggest`` refused it as a usage error (exit
    2) before any work, ``export`` loaded the build and then failed writing (exit 3, "Is a directory")."""
    out = _hostile_build(tmp_path)
    folder = tmp_path / "a folder"
    folder.mkdir()
    done = CliRunner().invoke(cli, [*command, "-o", str(folder), "-b", str(out), "-q"])
    assert done.exit_code == 2, done.output
    assert "is a directory" in done.output and not any(folder.iterdir())


def test_an_export_to_dev_stdout_is_the_export_alone(tmp_path: Path):
    """``export -o /dev/stdout | jq``: the list of files written went to stdout after the data, which
    made it invalid JSON; the name of a device or pipe written into is not listed."""
    import subprocess
    import sys

    out = _hostile_build(tmp_path)
    done = subprocess.run([sys.executable, "-m", "qagraph", "export", "-f", "json", "-o", "/dev/stdout", "-b", str(out),
                           "-q"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["nodes"]) > 3


@pytest.mark.parametrize("what", [["--subject", "biology"], ["--keyword", "cells"], ["--keyword", "no such keyword"]])
def test_view_of_a_subject_or_keyword_reads_only_its_part_of_the_build(small_corpus, tmp_path, monkeypatch, what):
    """`qagraph view --subject/--keyword` loaded the build's whole graph first (6-8 s and 1 GB at
    36,000 articles), even to say that a keyword does not exist. It reads the view's part of the
    build database, and writes the page a view of the whole graph gives."""
    from qagraph.database import BuildDatabase
    from qagraph.html import write_keyword, write_subject

    out, page = tmp_path / "out", tmp_path / "view.html"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    G = BuildDatabase(out / "qagraph.db").graph()

    def whole_graph(self):
        raise AssertionError("the whole graph was loaded")

    monkeypatch.setattr(BuildDatabase, "graph", whole_graph)
    result = CliRunner().invoke(cli, ["view", *what, "-o", str(page), "-b", str(out), "-q"])
    if what[1] == "no such keyword":
        assert result.exit_code == 2 and "no keyword 'no such keyword'" in result.output
        return
    assert result.exit_code == 0, result.output
    whole = tmp_path / "whole.html"
    if what[0] == "--subject":
        write_subject(G, "subject:biology", whole)
    else:
        write_keyword(G, "keyword:cells", whole)
    assert page.read_text(encoding="utf-8") == whole.read_text(encoding="utf-8")


def test_a_content_folder_named_is_answered_for_not_the_build_of_another_in_the_working_folder(
        small_corpus, tmp_path, monkeypatch):
    """`make demo` leaves ./build (the bundled content's) in the checkout; `qagraph stats -c corpus`
    run there then counted the bundled content, not the corpus named (and `make test` after `make
    demo` failed four tests). A content folder named is built in memory, saying why, unless it is
    the one ./build was made from."""
    import shutil

    here = tmp_path / "here"
    other = here / "other"
    shutil.copytree(small_corpus, other)
    (other / "biology" / "cells.md").unlink()
    monkeypatch.chdir(here)
    assert run("build", "-c", "other", "-o", "build", "-q").exit_code == 0  # ./build: 4 articles
    made_here = CliRunner().invoke(cli, ["stats", "-c", str(small_corpus), "--json"])
    assert made_here.exit_code == 0
    assert json.loads(made_here.stdout)["counts"]["nodes"]["article"] == 5
    assert "./build was not made from" in made_here.stderr and "in memory" in made_here.stderr
    from_build = CliRunner().invoke(cli, ["stats", "-c", "other", "--json"])
    assert json.loads(from_build.stdout)["counts"]["nodes"]["article"] == 4
    assert "in memory" not in from_build.stderr
    assert json.loads(run("stats", "--json", "-q").stdout)["counts"]["nodes"]["article"] == 4


def test_progress_times_each_stage_from_its_own_start(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Stages overlap (the views are written beside the RDF and the database): a stage's time runs
    from its own first report, not from the last other stage's (the views' 14 s were said as 0.0 s)."""
    from qagraph import cli as cli_module

    now = iter([0.0, 1.0, 3.0, 14.0])
    monkeypatch.setattr(cli_module, "time", SimpleNamespace(perf_counter=lambda: next(now)))
    monkeypatch.setattr(cli_module.sys.stderr, "isatty", lambda: False, raising=False)
    progress = cli_module.Progress(quiet=False)
    progress("html", 0, 1)      # 0.0: the views start beside
    progress("rdf", 0, 4)       # 1.0
    progress("rdf", 4, 4)       # 3.0: rdf took 2 s
    progress("html", 12, 12)    # 14.0: the views took 14 s
    assert capsys.readouterr().err.splitlines() == ["rdf: 4 done in 2.0s", "html: 12 done in 14.0s"]


def test_an_empty_folder_says_its_load_once(tmp_path: Path):
    """A folder with no article file said "load: 0 done in 0.0s" twice (the load's first report, 0 of 0,
    is also its last); a stage with nothing to do is said once."""
    (tmp_path / "empty").mkdir()
    built = CliRunner().invoke(cli, ["build", str(tmp_path / "empty"), "-o", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert [line for line in built.stderr.splitlines() if line.startswith("load:")] == ["load: 0 done in 0.0s"]


@pytest.mark.parametrize("beside", [False, True], ids=["views-here", "views-beside"])
def test_build_says_each_stage_once_with_its_time(small_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  beside: bool):
    """The views' stage is said once, however they are written (here, they said their own progress and
    the build said it again; beside, it was said at its end only, as taking 0.0 s)."""
    import qagraph.pipeline

    if beside:
        monkeypatch.setattr(qagraph.pipeline, "PARALLEL_WRITE_ARTICLES", 1)
    clock = iter(float(i) for i in range(10_000))  # each report a second after the one before
    monkeypatch.setattr("qagraph.cli.time", SimpleNamespace(perf_counter=lambda: next(clock)))
    result = CliRunner().invoke(cli, ["build", "-c", str(small_corpus), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    said = [line for line in result.stderr.splitlines() if " done in " in line]
    stages = [line.partition(":")[0] for line in said]
    assert sorted(stages) == sorted(set(stages)) and "html" in stages, said
    html = next(line for line in said if line.startswith("html:"))
    assert not html.endswith(" 1.0s"), html  # from its start, not from the stage said before it


def test_the_first_query_of_a_build_says_it_loads_the_store_once(small_corpus: Path, tmp_path: Path):
    """The first SPARQL query of a build loads its RDF into the store it keeps (30-40 s at 36,000
    articles), and said nothing while it did: it says so, once; not after an edit (the store carried
    along is patched, at once), nor with -q. An RDF-only build says it as well."""
    import qagraph

    out = tmp_path / "out"
    qagraph.build(small_corpus, out=out)

    def said(*args: str, build: Path = out) -> str:
        result = CliRunner().invoke(cli, ["query", "-b", str(build), "ASK { ?s ?p ?o }", *args])
        assert result.exit_code == 0 and result.stdout.strip() == "true", result.output
        return result.stderr

    first = said()
    assert f"loading the RDF of {out} (1 part, " in first and "once; later queries answer at once" in first
    assert "loading" not in said()
    article = small_corpus / "biology" / "dna.md"
    article.write_text(article.read_text(encoding="utf-8").replace("What is DNA?", "What is DNA, again?"),
                       encoding="utf-8")
    assert qagraph.build(small_corpus, out=out).build_info.incremental
    assert "loading" not in said()  # patched
    qagraph.build(small_corpus, out=tmp_path / "rdf-only", outputs=("rdf",))
    assert "loading the RDF" in said(build=tmp_path / "rdf-only")
    qagraph.build(small_corpus, out=tmp_path / "quiet")
    assert said("-q", build=tmp_path / "quiet") == ""
    qagraph.build(small_corpus, out=tmp_path / "by-rdf")
    by_rdf = CliRunner().invoke(cli, ["query", "--rdf", str(tmp_path / "by-rdf"), "ASK { ?s ?p ?o }"])
    assert by_rdf.exit_code == 0 and "loading the RDF of" in by_rdf.stderr, by_rdf.output
    qagraph.build(small_corpus, out=tmp_path / "validated")
    checked = CliRunner().invoke(cli, ["validate", str(tmp_path / "validated")])
    assert checked.exit_code == 0 and "loading the RDF of" in checked.stderr, checked.output
    assert "loading" not in said(build=tmp_path / "validated")  # the store validate made


def test_health_text_names_the_articles_of_each_finding(tmp_path: Path):
    """`qagraph health` printed eight counts ("unlinked 14") and not one article: an editor had to
    read report.json to learn which. Each finding now lists its first items, title and file, and
    says how many more --json lists."""
    corpus = tmp_path / "c"
    for n in range(15):
        write_article(corpus, f"biology/q{n}.md", article_text(f"Question {n}?", url_of("biology", f"q{n}"), id=n,
                                                               keywords=f"cells; mitosis, topic {n}"))
    out = tmp_path / "out"
    assert run("build", "-c", str(corpus), "-o", str(out), "-q").exit_code == 0
    lines = run("health", "-b", str(out)).stdout.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("unlinked")))
    assert lines[at].split() == ["unlinked", "15", "articles", "no", "other", "article", "links", "to"]
    assert lines[at + 1:at + 4] == ["  Question 0? (biology/q0.md)", "  Question 1? (biology/q1.md)",
                                    "  Question 10? (biology/q10.md)"]  # by node id, as report.json lists them
    assert lines[at + 13] == "  and 3 more (--json lists every one)"
    # and where: the line the keywords' text starts on (below page_keywords: >-)
    assert "  \u201ccells; mitosis\u201d: holds ';', a separator (biology/q0.md:10 and 14 more)" in lines


def test_suggest_that_finds_nothing_says_so(tmp_path: Path):
    """`qagraph suggest` on a corpus with nothing to suggest printed the CSV header (or `[]`) and
    nothing else: a query that finds nothing says so on stderr, and exits 0."""
    corpus = tmp_path / "c"
    write_article(corpus, "biology/a.md", article_text("A?", url_of("biology", "a"), keywords="alpha, beta"))
    out = tmp_path / "out"
    assert run("build", "-c", str(corpus), "-o", str(out), "-q").exit_code == 0
    for args in ([], ["--json"]):
        result = run("suggest", "-b", str(out), *args)
        assert result.exit_code == 0 and result.stdout.strip() in ("[]", "article,path,title,related,rank,candidate,"
                                                                   "candidate_path,candidate_title,weight,shared,links_back")
        assert "no suggestions: no article with fewer than 5 related links" in result.stderr
    assert run("suggest", "-b", str(out), "-q").stderr == ""


def test_query_binds_values_given_as_sparql_terms(small_corpus: Path, tmp_path: Path):
    out = tmp_path / "build"
    assert run("build", "-c", str(small_corpus), "-o", str(out), "-q").exit_code == 0
    query = "SELECT ?t WHERE { ?q schema:identifier ?id ; schema:name ?t } ORDER BY ?t"
    both = CliRunner().invoke(cli, ["query", query, "-b", str(out), "-q", "-f", "csv", "--bind", "id=4"])
    assert both.exit_code == 0 and both.stdout.splitlines() == ["t", "What is a graph?", "What is a tree?"]
    named = CliRunner().invoke(cli, ["query", "SELECT ?q WHERE { ?q schema:name ?t }", "-b", str(out), "-q",
                                     "-f", "csv", "--bind", 't="What is a cell?"'])
    assert named.exit_code == 0 and named.stdout.splitlines()[1].endswith("/learn/biology/questions/cells")
    for bad, said in (("id=four", "--bind id: 'four' is not an RDF term"), ("id", "write it as NAME=TERM"),
                      ("x=1", "no variable ?x")):
        refused = CliRunner().invoke(cli, ["query", query, "-b", str(out), "--bind", bad])
        assert refused.exit_code == 2 and said in refused.stderr
