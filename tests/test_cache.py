"""qagraph.cache and make(): rebuilds parse only what changed and give a cold build's outputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import importlib
from conftest import article_text, url_of, write_article
from qagraph.kg import CACHE_FOLDER, build, make

loader = importlib.import_module("qagraph.load")  # the module, not qagraph.load()


@pytest.fixture
def parsed(monkeypatch):
    """The names of the files actually parsed (single process, so the spy sees them)."""
    seen: list[str] = []
    real = loader.parse_bytes

    def spy(name, data, fields=loader.FieldMap()):
        seen.append(name)
        return real(name, data, fields)

    monkeypatch.setattr(loader, "parse_bytes", spy)
    return seen


def outputs_of(folder: Path) -> dict[str, bytes]:
    """Every output but void.ttl, which holds the build time."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and CACHE_FOLDER not in p.parts and p.name != "void.ttl"
    }


def test_cache_parses_only_changed_files(small_corpus: Path, tmp_path: Path, parsed: list[str]):
    cache = tmp_path / "cache"
    first = build(small_corpus, cache=cache, workers=1)
    assert len(parsed) == 5
    parsed.clear()
    again = build(small_corpus, cache=cache, workers=1)
    assert parsed == []
    assert again.loaded.articles == first.loaded.articles
    # touching a file without changing it is still a hit; changing its bytes is a miss
    (small_corpus / "biology" / "dna.md").touch()
    path = small_corpus / "biology" / "cells.md"
    path.write_text(path.read_text().replace("What is a cell?", "What is a living cell?"))
    edited = build(small_corpus, cache=cache, workers=1)
    assert parsed == ["biology/cells.md"]
    cold = build(small_corpus, workers=1)
    assert edited.loaded.articles == cold.loaded.articles
    assert list(edited.graph.edges(keys=True, data=True)) == list(cold.graph.edges(keys=True, data=True))


def test_cache_survives_a_corrupt_index(small_corpus: Path, tmp_path: Path, parsed: list[str]):
    cache = tmp_path / "cache"
    build(small_corpus, cache=cache, workers=1)
    (cache / "index.pickle").write_bytes(b"not a pickle")
    for shard in cache.glob("shard-*"):
        shard.write_bytes(b"")
    parsed.clear()
    assert build(small_corpus, cache=cache, workers=1).counts["articles"] == 5
    assert len(parsed) == 5


def test_cache_with_process_pool_matches(tmp_path: Path):
    root = tmp_path / "c"
    for i in range(40):
        write_article(root, f"s/a{i}.md", article_text(f"Q{i}?", url_of("s", f"a{i}"), id=i, keywords=f"k{i % 7}, k{i % 5}"))
    cache = tmp_path / "cache"
    pooled = build(root, cache=cache, workers=2)
    again = build(root, cache=cache, workers=2)
    assert pooled.loaded.articles == again.loaded.articles == build(root, workers=1).loaded.articles


@pytest.mark.parametrize("change", ["edit", "add", "delete"])
def test_make_rebuild_equals_cold_build(small_corpus: Path, tmp_path: Path, change: str):
    out = tmp_path / "out"
    assert not make(small_corpus, out).up_to_date
    assert make(small_corpus, out).up_to_date
    if change == "edit":
        path = small_corpus / "computer-science" / "trees.md"
        path.write_text(path.read_text().replace("recursion", "recursion, binary search"))
    elif change == "add":
        write_article(small_corpus, "biology/rna.md", article_text("What is RNA?", url_of("biology", "rna"), id=9,
                                                                   keywords="RNA, genes, biology"))
    else:
        (small_corpus / "biology" / "dna.md").unlink()
    rebuilt = make(small_corpus, out)
    assert not rebuilt.up_to_date
    cold = tmp_path / "cold"
    make(small_corpus, cold, cache=False)
    assert set(outputs_of(out)) >= {"report.json", "rdf/part-000.nq", "index.html"}
    assert outputs_of(out) == outputs_of(cold)


def test_make_rebuilds_when_an_output_is_damaged_or_settings_change(small_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    make(small_corpus, out, outputs=["report"])
    (out / "report.json").write_text("{}")
    assert not make(small_corpus, out, outputs=["report"]).up_to_date
    assert make(small_corpus, out, outputs=["report"]).up_to_date
    from qagraph.similarity import SimilarityConfig

    assert not make(small_corpus, out, outputs=["report"], similarity=SimilarityConfig(top_k=1)).up_to_date
    shutil.rmtree(out / CACHE_FOLDER)
    assert not make(small_corpus, out, outputs=["report"]).up_to_date
