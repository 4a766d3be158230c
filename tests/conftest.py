"""Shared fixtures: small corpora written in the real format, one case per file."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from hypothesis import settings

import qagraph

# property tests check what happens, not how fast: a loaded CI machine must not fail them
settings.register_profile("qagraph", deadline=None)
settings.load_profile("qagraph")

# Ctrl-C as a terminal gives it: a suite started as a background job of a shell without job control
# inherits SIGINT ignored, and would pass that on to every process it starts, which a test's SIGINT
# then never reaches (each waited out its time-out); Python's own handler is not inherited
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = ROOT / "content"


def article_text(
    title: str,
    url: str,
    *,
    id: int | None = 1,
    subject: str = "Biology",
    keywords: str | list[str] | None = "cells, biology",
    answer: str = r"An answer.\n\n### Details\n- one\n- two",
    related: list[dict] | None = None,
    extra: str = "",
    body: str = "&nbsp;",
) -> str:
    """One article file as the real corpus writes it (folded scalars, seo block)."""
    lines = ["---", "_schema: default"]
    if id is not None:
        lines.append(f"id: {id}")
    lines += ["date: 2025-01-26", "title: >-", f"    {title}", "seo:", f"  title: QuickTakes | {subject}"]
    if isinstance(keywords, str):
        lines += ["  page_keywords: >-", f"    {keywords}"]
    elif isinstance(keywords, list):
        lines.append("  page_keywords:")
        lines += [f"    - {k}" for k in keywords]
    lines += ["author: QuickTakes", "question: >-", f"    {title}", "answer: >-", f"    {answer}"]
    lines += [f"subject: {subject}", f"url: {url}", "score: -1.0"]
    for i, link in enumerate(related or [], 1):
        lines.append(f"related_article{i}:")
        lines += [f"    {k}: {v}" for k, v in link.items()]
    if extra:
        lines.append(extra.rstrip("\n"))
    lines += ["---", "", body]
    return "\n".join(lines) + "\n"


def write_article(root: Path, relpath: str, text: str) -> Path:
    path = root / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def write_site(root: Path, files: dict[str, str]) -> None:
    """A site's files written under ``root``: each relative path with its text (a test's whole site)."""
    for relpath, text in files.items():
        write_article(root, relpath, text)


def sign_state(out: Path, state: Path) -> None:
    """Record ``state`` (a file of the build's own folder, written by a test) in the build's record as
    the build's own, as if the build had written it so: a state file edited by hand makes the next
    build a full one (:meth:`qagraph.fileio.BuildFolder.intact`), a state written so is read back."""
    import json

    from qagraph.fileio import MARKER, PRIVATE, SIGNED, file_signature

    marker = out / PRIVATE / MARKER
    record = json.loads(marker.read_text(encoding="utf-8"))
    record[SIGNED][state.relative_to(out).as_posix()] = file_signature(state)
    marker.write_text(json.dumps(record), encoding="utf-8")


def url_of(subject: str, slug: str) -> str:
    return f"/learn/{subject}/questions/{slug}"


def hub_corpus(root: Path, linkers: int = 300) -> str:
    """One article that ``linkers`` others link to (in three subjects, with shared and own keywords,
    some linking outside the corpus too), and a few links among the linkers."""
    from qagraph.ids import article_node

    hub = url_of("biology", "hub")
    write_article(root, "biology/hub.md", article_text(
        "What is the hub?", hub, id=1, keywords="hub, cells, shared 0, shared 1",
        related=[{"id": 2, "title": "Linker 0?", "subject": "Biology", "url": url_of("biology", "linker-0")}]))
    subjects = ["biology", "chemistry", "physics"]
    for i in range(linkers):
        subject = subjects[i % 3]
        related = [{"id": 1, "title": "What is the hub?", "subject": "Biology", "url": hub}]
        if i % 7 == 0:
            related.append({"id": 90000 + i, "title": "Gone?", "subject": "Biology", "url": url_of(subject, f"gone-{i}")})
        if i % 5 == 0 and i + 1 < linkers:
            other = subjects[(i + 1) % 3]
            related.append({"id": i + 3, "title": "Next?", "subject": other.title(), "url": url_of(other, f"linker-{i + 1}")})
        write_article(root, f"{subject}/linker-{i}.md", article_text(
            f"What is linker {i}?", url_of(subject, f"linker-{i}"), id=i + 2, subject=subject.title(),
            keywords=f"shared {i % 4}, group {i % 37}, own {i}, cells", related=related))
    return article_node(hub)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    """Five articles in two subjects: shared keywords, links within, across and outside."""
    root = tmp_path / "content"
    a, b, c = (url_of("biology", s) for s in ("cells", "mitosis", "dna"))
    d, e = (url_of("computer-science", s) for s in ("graphs", "trees"))
    outside = url_of("biology", "not-in-corpus")
    write_article(root, "biology/cells.md", article_text(
        "What is a cell?", a, id=1, keywords="Cells, Biology, membrane, organelles,",
        related=[{"id": 2, "title": "Mitosis?", "subject": "Biology", "url": b}] * 3
        + [{"id": 4, "title": "Graphs?", "subject": "Computer Science", "url": d},
           {"id": 77, "title": "Not here?", "subject": "Biology", "url": outside}]))
    write_article(root, "biology/mitosis.md", article_text(
        "How does mitosis work?", b, id=2, keywords="cells,biology, mitosis, cell division, chromosomes",
        related=[{"id": 1, "title": "What is a cell?", "subject": "Biology", "url": a}]))
    write_article(root, "biology/dna.md", article_text(
        "What is DNA?", c, id=3, subject="biology", keywords="DNA, chromosomes, genes, Biology, dna"))
    write_article(root, "computer-science/graphs.md", article_text(
        "What is a graph?", d, id=4, subject="Computer Science", keywords="graphs, trees, algorithms",
        related=[{"id": 5, "title": "What is a tree?", "subject": "Computer Science", "url": e}]))
    write_article(root, "computer-science/trees.md", article_text(
        "What is a tree?", e, id=4, subject="Computer science", keywords="trees, graphs, recursion"))
    (root / "biology" / "image.png").write_bytes(b"\x89PNG")
    return root


@pytest.fixture
def small_kg(small_corpus: Path) -> qagraph.KnowledgeGraph:
    return qagraph.build(small_corpus)


@pytest.fixture(params=["in memory", "stored"])
def any_kg(request: pytest.FixtureRequest, small_corpus: Path, tmp_path: Path) -> qagraph.KnowledgeGraph:
    """The small corpus's graph as qagraph.build() holds it, and as qagraph.open() reads it back."""
    if request.param == "in memory":
        return qagraph.build(small_corpus)
    qagraph.build(small_corpus, out=tmp_path / "build")
    return qagraph.open(tmp_path / "build")


@pytest.fixture(scope="session")
def content_kg() -> qagraph.KnowledgeGraph:
    return qagraph.build(CONTENT)
