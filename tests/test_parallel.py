"""qagraph.parallel: a writer in a forked process gives what it would give here."""

from __future__ import annotations

import os

import pytest

from qagraph import QagraphError
from qagraph.kg import OUTPUTS
from qagraph.parallel import beside


def test_result_and_process():
    assert beside(lambda: os.getpid())() != os.getpid()
    assert beside(lambda: os.getpid(), fork=False)() == os.getpid()


def test_errors_come_back():
    def fail():
        raise QagraphError("no room", path="out/x.html")

    with pytest.raises(QagraphError, match="out/x.html: no room"):
        beside(fail)()


def test_unpicklable_error_is_still_reported():
    class Local(Exception):  # a local class cannot be pickled
        pass

    def fail():
        raise Local("boom")

    with pytest.raises(QagraphError, match="Local: boom"):
        beside(fail)()


def test_child_that_dies_is_reported():
    with pytest.raises(QagraphError, match="ended without a result"):
        beside(lambda: os._exit(3))()


def test_parallel_write_equals_serial(small_kg, tmp_path, monkeypatch):
    import qagraph.kg

    serial = small_kg.write(tmp_path / "serial", outputs=OUTPUTS)
    monkeypatch.setattr(qagraph.kg, "PARALLEL_WRITE_ARTICLES", 0)
    parallel = small_kg.write(tmp_path / "parallel", outputs=OUTPUTS)
    assert [p.relative_to(tmp_path / "serial") for p in serial] == [p.relative_to(tmp_path / "parallel") for p in parallel]
    for a, b in zip(serial, parallel):
        if a.name != "void.ttl":  # holds the build time
            assert a.read_bytes() == b.read_bytes(), a.name
