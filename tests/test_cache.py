"""qagraph.cache: a rebuild parses only the files whose bytes changed."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

import qagraph
from conftest import article_text, url_of, write_article
from qagraph.pipeline import make_graph

loader = importlib.import_module("qagraph.load")  # the module, not qagraph.load()


@pytest.fixture
def parsed(monkeypatch):
    """The names of the files actually parsed (single process, so the spy sees them)."""
    seen: list[str] = []
    real = loader.parse_bytes

    def spy(name, data, *args):
        seen.append(name)
        return real(name, data, *args)

    monkeypatch.setattr(loader, "parse_bytes", spy)
    return seen


def build(root: Path, cache: Path | None = None, workers: int = 1):
    return make_graph(root, cache=cache, workers=workers)


def records(root: Path, cache: Path | None = None, workers: int = 1):
    return loader.load_corpus(root, cache=cache, workers=workers).articles


def test_cache_parses_only_changed_files(small_corpus: Path, tmp_path: Path, parsed: list[str]):
    cache = tmp_path / "cache"
    first = records(small_corpus, cache=cache)
    assert len(parsed) == 5
    parsed.clear()
    again = records(small_corpus, cache=cache)
    assert parsed == []
    assert again == first
    # touching a file without changing it is still a hit; changing its bytes is a miss
    (small_corpus / "biology" / "dna.md").touch()
    path = small_corpus / "biology" / "cells.md"
    path.write_text(path.read_text().replace("What is a cell?", "What is a living cell?"))
    edited = build(small_corpus, cache=cache)
    assert parsed == ["biology/cells.md"]
    cold = build(small_corpus)
    assert records(small_corpus) == records(small_corpus, cache=cache)
    assert list(edited[0].edges(keys=True, data=True)) == list(cold[0].edges(keys=True, data=True))


def test_cache_of_other_code_is_not_used(small_corpus: Path, tmp_path: Path, parsed: list[str], monkeypatch):
    """A checkout updated without a version bump reads files its own way: what older code cached
    is parsed again (keyed by the code's stamp, not the version alone)."""
    cache = tmp_path / "cache"
    records(small_corpus, cache=cache)
    parsed.clear()
    monkeypatch.setattr(loader, "code_stamp", lambda: f"{qagraph.__version__}+0123456789abcdef")
    assert len(records(small_corpus, cache=cache)) == 5
    assert len(parsed) == 5


def test_cache_survives_a_corrupt_index(small_corpus: Path, tmp_path: Path, parsed: list[str]):
    cache = tmp_path / "cache"
    records(small_corpus, cache=cache)
    (cache / "index.pickle").write_bytes(b"not a pickle")
    for shard in cache.glob("shard-*"):
        shard.write_bytes(b"")
    parsed.clear()
    assert len(records(small_corpus, cache=cache)) == 5
    assert len(parsed) == 5


def test_cache_with_process_pool_matches(tmp_path: Path):
    root = tmp_path / "c"
    for i in range(40):
        write_article(root, f"s/a{i}.md", article_text(f"Q{i}?", url_of("s", f"a{i}"), id=i, keywords=f"k{i % 7}, k{i % 5}"))
    cache = tmp_path / "cache"
    pooled = records(root, cache=cache, workers=2)
    again = records(root, cache=cache, workers=2)
    assert pooled == again == records(root, workers=1)




class _Planted:
    """A pickle that runs code when loaded: what a hostile build folder could hold."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "code ran"))


def test_a_planted_pickle_is_never_loaded(small_corpus: Path, tmp_path: Path):
    """A build folder from elsewhere (a cloned repository) cannot run code through its cache files."""
    import pickle

    import qagraph
    from qagraph.pipeline import CACHE

    out = tmp_path / "out"
    qagraph.build(small_corpus, out=out)
    marker = tmp_path / "pwned"
    bomb = pickle.dumps(_Planted(marker))
    cache = out / CACHE
    (cache / "index.pickle").write_bytes(bomb)
    for shard in cache.glob("shard-*.pickle"):
        shard.write_bytes(bomb)
    (out / ".qagraph" / "inputs.pickle").write_bytes(bomb)
    path = small_corpus / "biology" / "dna.md"
    path.write_text(path.read_text().replace("What is DNA?", "What is DNA made of?"))
    kg = qagraph.build(small_corpus, out=out)
    assert not marker.exists()
    assert kg.counts["articles"] == 5
