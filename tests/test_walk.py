"""The content folder's walk: the stamp a query command compares with its build's."""

import os
import time
from pathlib import Path

from conftest import write_article

from qagraph.walk import content_stamp


def test_content_stamp_moves_with_every_change_and_only_then(tmp_path: Path):
    root = tmp_path / "c"
    (root / "a").mkdir(parents=True)
    (root / "a" / "x.md").write_text("one", encoding="utf-8")
    (root / ".git").mkdir()
    stamp = content_stamp(root)
    assert stamp[0] == 2 and content_stamp(root) == stamp  # a folder and a file; hidden ones aside
    (root / ".git" / "index").write_text("x", encoding="utf-8")
    assert content_stamp(root) == stamp

    changes = [lambda: (root / "a" / "x.md").write_text("two", encoding="utf-8"),
               lambda: (root / "a" / "y.md").write_text("new", encoding="utf-8"),
               lambda: (root / "a" / "y.md").rename(root / "a" / "z.md"),
               lambda: (root / "a" / "z.md").unlink()]
    for change in changes:
        before = content_stamp(root)
        change()  # the kernel sets the status-change time (ns) of what it writes, renames or unlinks from
        assert content_stamp(root) != before


def test_content_stamp_moves_with_an_edit_beside_a_file_dated_in_the_future(tmp_path: Path):
    """The stamp was the latest time among the entries: one file dated in the
    future (``touch -d 2030-01-01``, or written while the clock was ahead) held it there, and no
    query said that the content had changed since the build, whatever was edited after."""
    root = tmp_path / "c"
    write_article(root, "a/x.md", "one")
    write_article(root, "a/future.md", "later")
    later = time.time_ns() + 10 * 365 * 86400 * 10**9  # ten years on (a fixed 2030 stops being the future)
    os.utime(root / "a" / "future.md", ns=(later, later))
    before = content_stamp(root)
    (root / "a" / "x.md").write_text("two", encoding="utf-8")
    assert content_stamp(root) != before
