"""Doctests in qagraph/ run in a fresh folder holding a link to content/, so their
examples can read ``content`` and write files without touching the checkout."""

from pathlib import Path

import pytest
from _pytest.doctest import DoctestItem

ROOT = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def _doctests_run_beside_content(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if isinstance(request.node, DoctestItem):
        (tmp_path / "content").symlink_to(ROOT / "content", target_is_directory=True)
        monkeypatch.chdir(tmp_path)
