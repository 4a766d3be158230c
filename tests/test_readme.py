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
