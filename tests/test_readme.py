"""The README's Python examples run as written, against the bundled content/."""

from __future__ import annotations

import re

from conftest import CONTENT, ROOT


def test_readme_python_examples_run(tmp_path, monkeypatch, capsys):
    (tmp_path / "content").symlink_to(CONTENT, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert len(blocks) >= 2
    namespace: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert namespace["kg"].counts["articles"] == 49
    assert namespace["rows"].values() == [{"n": 49}]  # the 7 stubs are qa:ExternalQuestion, not schema:Question
    assert "communities" in capsys.readouterr().out


def test_readme_notebook_session_runs(tmp_path, monkeypatch):
    """The README's ``pycon`` session is a doctest: every output shown is the output you get."""
    import doctest

    (tmp_path / "content").symlink_to(CONTENT, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    sessions = re.findall(r"```pycon\n(.*?)```", (ROOT / "README.md").read_text(), re.S)
    assert sessions
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    for i, text in enumerate(sessions):
        test = doctest.DocTestParser().get_doctest(text, {}, f"README session {i}", "README.md", 0)
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_readme_sections_for_every_command():
    """Every command has a line of its own in the README's command examples."""
    from qagraph.cli import cli

    readme = (ROOT / "README.md").read_text()
    for name in cli.commands:
        assert re.search(rf"^qagraph {re.escape(name)}\b", readme, re.M), f"README shows no `qagraph {name} ...` line"


def test_readme_names_only_options_its_commands_take():
    """Every option the README gives a command (``qagraph build ... --site-url``, in a code block or
    in the text) is one that command takes: a renamed or removed option left behind in the README
    is a claim nothing checked (the README is read more than ``--help``)."""
    from qagraph.cli import cli

    readme = (ROOT / "README.md").read_text()
    mentions = re.findall(r"^\s*qagraph ([a-z-]+)([^\n]*)$", readme, re.M) + re.findall(r"`qagraph ([a-z-]+)([^`]*)`",
                                                                                        readme)
    assert len(mentions) > 20
    unknown = []
    for name, rest in mentions:
        if name.startswith("-"):  # the group's own (qagraph --help, --version)
            assert name in {o for p in cli.params for o in (*p.opts, *p.secondary_opts)} | {"--help"}, name
            continue
        command = cli.commands.get(name)
        assert command is not None, f"README shows `qagraph {name}`, which is no command"
        takes = {o for p in (*command.params, *cli.params) for o in (*p.opts, *p.secondary_opts)} | {"-h", "--help"}
        words = re.split(r"\s#|\|", rest)[0]  # not a comment's words, nor the next command's in a pipe
        unknown += [(name, o) for o in re.findall(r"(?:^|\s)(--?[A-Za-z][\w-]*)", words) if o not in takes]
    assert unknown == [], unknown


def test_readme_command_line_examples_run(tmp_path, monkeypatch):
    """The README's ``qagraph ...`` lines of its command-line sections (Use 2, Use 3's validate and
    query, Use 4's views) run as written from a folder holding the bundled content, and exit 0: the
    Python examples were checked, the shell ones were not."""
    import shlex

    from click.testing import CliRunner

    from qagraph.cli import cli

    (tmp_path / "content").symlink_to(CONTENT, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "by-subject.rq").write_text("SELECT ?s (COUNT(?q) AS ?n) WHERE { ?q dct:subject ?s } GROUP BY ?s\n")
    readme = (ROOT / "README.md").read_text()
    lines = [line for block in re.findall(r"```sh\n(.*?)```", readme, re.S) for line in block.splitlines()
             if line.startswith("qagraph ")]
    skipped = ("push", "build -c hugo-docs", "build -c vault", "check -c posts")  # a server, or folders not here
    ran = []
    for line in lines:
        words = shlex.split(line, comments=True)[1:]
        if " ".join(words).startswith(skipped):
            continue
        result = CliRunner().invoke(cli, words)
        assert result.exit_code == 0, (line, result.output)
        ran.append(words[0])
    assert {"build", "check", "stats", "related", "similar", "find", "path", "view", "export", "suggest", "health",
            "validate", "query"} <= set(ran)
    assert (tmp_path / "dna.html").is_file() and (tmp_path / "corpus.gexf").is_file()
