"""qagraph.html.update: after an edit, the HTML written from the build database equals a full write.

Random corpora of several subjects get random edits; each is built incrementally and in
full, with views small enough (:class:`Limits`) that every cut is reached and an atlas of
several chunks. The HTML pages and the views' state must be the full build's, byte for
byte; the atlas's files must be :func:`generate_atlas` of the whole graph with the updated
layout, whose old articles kept their positions.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import random
import shutil
from pathlib import Path

import networkx as nx
import pytest

import qagraph
import qagraph.html.atlas as atlas_module
import qagraph.html.update as update_module
import qagraph.pipeline as pipeline
from conftest import article_text, sign_state, url_of, write_article
from qagraph.database import BuildDatabase
from qagraph.html import Limits, subject_view
from qagraph.html.atlas import (
    B64,
    ChunkRecord,
    SHORT_IDS,
    atlas_state,
    generate_atlas,
    patch_chunk,
    plain_after,
    plain_short_id,
    read_chunk,
    read_data_script,
    render_chunk,
)
from qagraph.html.update import keyword_graph, subject_graph
from qagraph.html.page import view_data_span
from qagraph.html.views import view_layout, without_arrangement
from qagraph.kinds import link_kinds, weighted_link_kinds
from qagraph.layout import AtlasLayout, label_communities
from test_pipeline import outputs_of

SMALL = Limits(subject_articles=4, listed_articles=3, subject_keywords=3, overview_subjects=3, overview_keywords=4,
               keyword_subjects=2, subject_links=1, stubs=2, outside_links=3, view_links=8, draw_all_links=3,
               links_per_article=1)
SUBJECTS = [("biology", "Biology"), ("biology", "biology"), ("physics", "Physics"), ("chemistry", "Chemistry"),
            ("history", "History"), ("computer-science", "Computer Science")]
KEYWORDS = ["cells", "Cells", "energy", "graphs", "trees", "waves", "light", "genes", "DNA", "dna", "force", "mass",
            "atoms", "heat", "orbit", "code", "war", "kings", "acids", "bonds"]


def _article(r: random.Random, slug: str | None = None, subject: tuple[str, str] | None = None) -> dict:
    related = []
    for _ in range(r.randint(0, 4)):
        target, where = r.choice("abcdefghxy"), r.choice(SUBJECTS)[0]
        link = {"title": f"Q {target}?", "subject": where.title(), "url": url_of(where, target)}
        if r.random() < 0.3:
            link["id"] = r.randint(1, 9)
        related.append(link)
    return {"slug": slug or r.choice("abcdefgh"), "subject": subject or r.choice(SUBJECTS), "id": r.randint(1, 12),
            "title": r.choice(["What is a cell?", "What is energy?", "Why is the sky blue?", f"Q {r.random():.3f}?"]),
            "keywords": r.sample(KEYWORDS, r.randint(0, 6)), "related": related,
            "answer": r.choice(["Short.", "A **bold** answer with `code`.", "It's \\ a 'quote' </script> line."])}


def _write(root: Path, articles: dict[str, dict]) -> None:
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for path, a in articles.items():
        slug, label = a["subject"]
        write_article(root, path, article_text(a["title"], url_of(slug, a["slug"]), id=a["id"], subject=label,
                                               keywords=", ".join(a["keywords"]) or None, related=a["related"],
                                               answer=a["answer"]))


def _path(a: dict) -> str:
    return f"{a['subject'][0]}/{a['slug']}.md"


def _built(r: random.Random, n: int, root: Path, out: Path) -> dict[str, dict]:
    """``n`` random articles of the subjects but biology (fewer when two take one path), written
    to ``root`` and built into ``out``."""
    articles: dict[str, dict] = {}
    for _ in range(n):
        a = _article(r, subject=r.choice(SUBJECTS[2:]))
        articles.setdefault(_path(a), a)
    _write(root, articles)
    qagraph.build(root, out=out)
    return articles


def _edit(r: random.Random, articles: dict[str, dict]) -> str:
    paths = sorted(articles)
    kind = r.choice(["add", "delete", "keywords", "keywords", "title", "links"])
    if kind == "add" or len(paths) < 3:
        a = _article(r)
        articles.setdefault(_path(a), a)
    elif kind == "delete":
        articles.pop(r.choice(paths))
    elif kind == "keywords":
        articles[r.choice(paths)]["keywords"] = r.sample(KEYWORDS, r.randint(0, 6))
    elif kind == "title":
        articles[r.choice(paths)]["title"] = f"Edited {r.random():.3f}?"
    else:
        path = r.choice(paths)
        articles[path] = dict(_article(r, articles[path]["slug"], articles[path]["subject"]),
                              keywords=articles[path]["keywords"])
    return kind


@pytest.fixture
def small_views(monkeypatch):
    """Builds write views with :data:`SMALL` limits and atlases of several chunks; counts the fallbacks."""
    monkeypatch.setattr(pipeline, "write_html", functools.partial(pipeline.write_html, limits=SMALL))
    monkeypatch.setattr(update_module, "update_html", functools.partial(update_module.update_html, limits=SMALL))
    monkeypatch.setattr(atlas_module, "CHUNK_TARGET", 3)
    calls = {"site": 0, "atlas": 0, "updates": 0}
    for name, cls in (("site", update_module._Site), ("atlas", update_module._Atlas)):
        real = cls._in_full

        def counted(self, *a, _real=real, _name=name, **k):
            calls[_name] += 1
            return _real(self, *a, **k)

        monkeypatch.setattr(cls, "_in_full", counted)
    real_update = update_module.update_html

    def spy(*a, **k):
        calls["updates"] += 1
        return real_update(*a, **k)

    monkeypatch.setattr(update_module, "update_html", spy)
    return calls


def _atlas_files(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder / "views").as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((folder / "views").rglob("*")) if p.is_file() and p.name != "vis-network.min.js"
            and (p.parent.name in ("atlas",) or p.name.startswith("atlas"))}


def _check_atlas(out: Path, G, previous: dict | None, site_url: str | None) -> int:
    """Check the atlas in ``out`` against graph ``G``; the number of communities named again."""
    renamed = 0
    state = json.loads((out / ".qagraph" / "atlas.json").read_text())
    layout = AtlasLayout.from_dict(state)
    atlas_nodes = {n for n, k in G.nodes(data="kind") if k in ("article", "stub")}
    assert set(layout.positions) == atlas_nodes
    members = [n for c in layout.communities for n in c.members]
    assert sorted(members) == sorted(n for n, k in G.nodes(data="kind") if k == "article")
    assert [c.index for c in layout.communities] == list(range(len(layout.communities)))
    if previous is not None:  # articles keep their places
        old = AtlasLayout.from_dict(previous)
        assert all(layout.positions[n] == p for n, p in old.positions.items() if n in atlas_nodes)
        # a community whose members changed is named again, as a full layout names its communities
        kept = {frozenset(c.members) for c in old.communities}
        for c in layout.communities:
            if frozenset(c.members) not in kept:
                named = label_communities(G, [c.members])[0]
                assert (c.label, c.subjects, c.keywords) == (named.label, named.subjects, named.keywords)
                renamed += 1
    expected = generate_atlas(G, positions=layout.positions, communities=layout.communities, site_url=site_url)
    assert _atlas_files(out) == expected
    return renamed


@pytest.mark.parametrize("listed", [3, 100], ids=["lists-cut-short", "lists-all"])
@pytest.mark.parametrize("seed", range(6))
def test_an_updated_site_equals_a_full_write(tmp_path, small_views, monkeypatch, seed, listed):
    """With every view's list cut short, and with lists of every article not drawn (whose changes
    are patched in place: :func:`qagraph.html.views.patch_listed`)."""
    limits = dataclasses.replace(SMALL, listed_articles=listed)
    monkeypatch.setattr(pipeline, "write_html", functools.partial(pipeline.write_html.func, limits=limits))
    monkeypatch.setattr(update_module, "update_html", functools.partial(update_module.update_html, limits=limits))
    r = random.Random(seed)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    site_url = "https://example.org" if seed % 2 else None
    articles: dict[str, dict] = {}
    for _ in range(r.randint(8, 20)):
        a = _article(r)
        articles.setdefault(_path(a), a)
    _write(root, articles)
    qagraph.build(root, out=out, site_url=site_url)
    incremental = 0
    for _ in range(4):
        kind = _edit(r, articles)
        _write(root, articles)
        previous = json.loads((out / ".qagraph" / "atlas.json").read_text())
        kg = qagraph.build(root, out=out, site_url=site_url)
        incremental += kg.build_info.incremental
        shutil.rmtree(cold, ignore_errors=True)
        full = qagraph.build(root, out=cold, cache=False, site_url=site_url)
        assert outputs_of(out) == outputs_of(cold), kind
        assert _views_state(out) == _views_state(cold), kind
        _check_atlas(out, full.graph, previous if kg.build_info.incremental else None, site_url)
    assert incremental and small_views["updates"] == incremental


def test_a_community_that_an_added_article_joins_is_named_again(tmp_path, small_views, monkeypatch):
    """:meth:`_Layout.relabel` names the communities that changed from the database's counts; a
    full layout names them from the graph (:func:`label_communities`): the names are the same."""
    relabelled = []
    real = update_module._Layout.relabel
    monkeypatch.setattr(update_module._Layout, "relabel",
                        lambda self, db: (relabelled.append(sorted(self.dirty)), real(self, db))[1])
    r = random.Random(11)
    root, out = tmp_path / "content", tmp_path / "out"
    articles = _built(r, 24, root, out)
    renamed = 0
    for i in range(3):
        a = _article(r, slug=f"added-{i}", subject=r.choice(SUBJECTS[2:]))
        a["keywords"] = r.sample(KEYWORDS, 4)
        articles[_path(a)] = a
        _write(root, articles)
        previous = json.loads((out / ".qagraph" / "atlas.json").read_text())
        kg = qagraph.build(root, out=out)
        assert kg.build_info.incremental
        renamed += _check_atlas(out, qagraph.build(root, cache=False).graph, previous, None)
    assert renamed and any(relabelled)


def test_the_fast_paths_are_taken(tmp_path, small_views):
    """Across these seeds most updates write the views and the atlas piece by piece."""
    root, out = tmp_path / "content", tmp_path / "out"
    r = random.Random(7)
    articles = _built(r, 30, root, out)
    for _ in range(6):
        paths = sorted(articles)
        articles[r.choice(paths)]["keywords"] = r.sample(KEYWORDS, 3)
        _write(root, articles)
        assert qagraph.build(root, out=out).build_info.incremental
    assert small_views["updates"] == 6 and small_views["site"] == 0 and small_views["atlas"] == 0


def test_an_edit_rewrites_only_the_views_it_touches(small_corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    qagraph.build(small_corpus, out=out)
    path = small_corpus / "biology" / "dna.md"
    path.write_text(path.read_text().replace("title: ", "title: Edited ", 1))
    kg = qagraph.build(small_corpus, out=out)
    assert kg.build_info.incremental
    subject = path.parent.name
    views = sorted(p.name for p in kg.build_info.written if p.parent.name == "views" and p.name.startswith("subject-"))
    assert views == [f"subject-{subject}.html"]
    cold = tmp_path / "cold"
    qagraph.build(small_corpus, out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold)


def _random_build(tmp_path: Path, seed: int) -> tuple[nx.MultiDiGraph, BuildDatabase]:
    """About 40 random articles built (the database only): the graph and the build's database."""
    r = random.Random(seed)
    root, out = tmp_path / "content", tmp_path / "out"
    articles: dict[str, dict] = {}
    for _ in range(40):
        a = _article(r)
        articles.setdefault(_path(a), a)
    _write(root, articles)
    G = qagraph.build(root, out=out, outputs=["database"]).graph
    db = BuildDatabase(out / "qagraph.db")
    return G, db


def test_a_subject_graph_gives_the_subject_view(tmp_path):
    G, db = _random_build(tmp_path, 3)
    subjects = sorted(n for n, k in G.nodes(data="kind") if k == "subject")
    assert len(subjects) >= 4
    for subject in subjects:
        for limits in (Limits(), SMALL):
            part = subject_graph(db, subject, limits=limits)
            assert part.number_of_nodes() < G.number_of_nodes()
            assert subject_view(part, subject, limits=limits) == subject_view(G, subject, limits=limits), subject


def test_a_keyword_graph_gives_the_keyword_view(tmp_path):
    """`qagraph view --keyword` drew from the whole graph, loaded from the build: 6-8 s and 1 GB at
    36,000 articles. It reads the keyword's part (:func:`keyword_graph`), whose view is the same."""
    from qagraph.html.views import keyword_view

    G, db = _random_build(tmp_path, 5)
    keywords = sorted(n for n, k in G.nodes(data="kind") if k == "keyword")
    assert len(keywords) >= 10
    small = Limits(keyword_articles=3, listed_articles=2, cooccurring_keywords=2, view_links=4, draw_all_links=2,
                   links_per_article=1)
    for keyword in keywords:
        for limits in (Limits(), small):
            part = keyword_graph(db, keyword, limits=limits)
            assert part.number_of_nodes() < G.number_of_nodes()
            assert keyword_view(part, keyword, limits=limits) == keyword_view(G, keyword, limits=limits), keyword
    assert keyword_graph(db, "keyword:no such keyword").number_of_edges() == 0
    assert keyword_graph(db, keywords[0].replace("keyword:", "subject:")).number_of_edges() == 0


def test_chunk_records_read_back():
    records = [
        ChunkRecord("AAAAAAAA", "/learn/a/it's", "A \\ 'title' \u2028 </script>", 0, "a", 0, 1, (1.5, -2.0),
                    {"related": ["BBBBBBBB"], "similar": ["BBBBBBBBz"]}, (["k'1", "k\\2"], "<p>x \u2029</p>")),
        ChunkRecord("BBBBBBBB", "https://x.org/b", "B", 1, None, -1, 2, (0.0, 0.0), {}, None),
        ChunkRecord("CCCCCCCC", "posts/c", "C", 0, "a", 0, 1, (1.0, 1.0), {}, (["k"], ""), "/custom/c"),
    ]
    files = render_chunk(0, 1, records)
    nodes, text = files["atlas/nodes-00.js"], files["atlas/text-00.js"]
    assert read_chunk(nodes, text) == records
    assert read_data_script(text)["excerpt"] == ["<p>x \u2029</p>", ""]
    with pytest.raises(ValueError):
        read_chunk(text, nodes)
    from qagraph.html.atlas import _data_script

    earlier = read_data_script(nodes)
    del earlier["href"]  # a chunk of a version that linked keys: not read, so the atlas is made again
    with pytest.raises(ValueError):
        read_chunk(_data_script(earlier), text)
    with pytest.raises(ValueError):
        patch_chunk(0, 1, _data_script(earlier), text, {})


def _kept_views(monkeypatch) -> list[set[str]]:
    """For each update from now on, the subjects its changed nodes reach whose views it kept."""
    kept: list[set[str]] = []
    real = update_module._Site.touched

    def spy(self, state, subjects):
        touched, patches, listed = real(self, state, subjects)
        change = self.change
        reached = {s for n in change.nodes for side in (change.before, change.after) if (s := side.subject(n))}
        kept.append(reached - touched - patches.keys() - listed.keys())
        return touched, patches, listed

    monkeypatch.setattr(update_module._Site, "touched", spy)
    return kept


def _big_physics(root: Path, r: random.Random) -> dict[str, dict]:
    articles: dict[str, dict] = {}
    for i in range(48):  # physics has ten times the articles SMALL draws
        a = _article(r, slug=f"p{i}", subject=SUBJECTS[2] if i < 40 else r.choice(SUBJECTS[3:]))
        articles[_path(a)] = a
    _write(root, articles)
    return articles


def _rebuilt_as_cold(root: Path, out: Path, cold: Path) -> list[Path]:
    """Patch ``out``, check it equals a cold build of ``root``; the files the patch wrote."""
    kg = qagraph.build(root, out=out)
    assert kg.build_info.incremental
    shutil.rmtree(cold, ignore_errors=True)
    qagraph.build(root, out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold)
    assert _views_state(out) == _views_state(cold)
    return kg.build_info.written


def _views_state(out: Path) -> dict:
    """The views' state, without what follows the arrangement a large view keeps after an edit
    (:func:`~qagraph.html.views.without_arrangement`): its file's size, and the keywords that name
    its communities."""
    state = json.loads((out / ".qagraph" / "views.json").read_text())
    kept = set()
    for entry in state["subjects"].values():
        page = (out / "views" / entry["file"]).read_text(encoding="utf-8")
        if without_arrangement(page) != page:
            del entry["row"]["size"]
            entry["uses"] = {k: v for k, v in entry["uses"].items() if k not in ("groups", "keywords")}
            kept.add(entry["row"]["href"])
    for row in state["index"]["subject_rows"]:
        if row["href"] in kept:
            del row["size"]
    return state


def _files(out: Path) -> dict[str, str]:
    return {s: e["file"] for s, e in json.loads((out / ".qagraph" / "views.json").read_text())["subjects"].items()}


def test_a_view_is_kept_when_only_its_listed_articles_change_links(tmp_path, small_views, monkeypatch):
    """An article ranked after the last one its subject's view draws is on the page only as a
    listed title: when an edit elsewhere changes its links but not their number (a similar
    link's weight), the view is not written again, and the site still equals a full write."""
    kept = _kept_views(monkeypatch)
    r = random.Random(11)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles = _big_physics(root, r)
    qagraph.build(root, out=out)
    for i in range(6):
        # a keyword no other article has moves the weights of the edited article's similar
        # links, not which they are; every other edit may move anything
        edited = r.choice([p for p in sorted(articles) if not p.startswith("physics/")])
        if i % 3 == 2:
            articles[edited]["keywords"] = r.sample(KEYWORDS, 4)
        else:
            articles[edited]["keywords"] = articles[edited]["keywords"] + [f"only here {i}"]
        _write(root, articles)
        written = _rebuilt_as_cold(root, out, cold)
        files = _files(out)
        assert not {files[s] for s in kept[-1]} & {p.name for p in written}
    assert any(kept), "no edit left a reached view as it was: the case is not tested"


def test_a_view_is_patched_when_the_articles_it_only_lists_are_added_deleted_or_ranked_again(tmp_path, monkeypatch):
    """An added article, a deleted one or one whose links change in number, each ranked after the
    last article its subject's view draws (before and after): the view's list and its count of
    articles are patched in place (not drawn again from the database), and the site equals a full
    write; an article that comes to rank among the drawn ones has the view drawn again."""
    limits = dataclasses.replace(SMALL, listed_articles=100)
    monkeypatch.setattr(pipeline, "write_html", functools.partial(pipeline.write_html, limits=limits))
    monkeypatch.setattr(update_module, "update_html", functools.partial(update_module.update_html, limits=limits))
    patched: list[set[str]] = []
    drawn: list[list[str]] = []
    real_touched, real_graph = update_module._Site.touched, update_module.subject_graph

    def touched(self, state, subjects):
        found = real_touched(self, state, subjects)
        patched.append(set(found[2]))
        return found

    def graph(db, subject, *a, **k):  # the views drawn again

        drawn[-1].append(subject)
        return real_graph(db, subject, *a, **k)

    monkeypatch.setattr(update_module._Site, "touched", touched)
    monkeypatch.setattr(update_module, "subject_graph", graph)
    r = random.Random(3)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles = _big_physics(root, r)
    for a in articles.values():
        a["related"] = []  # the links are the similar ones: an article with few keywords ranks last
    _write(root, articles)
    qagraph.build(root, out=out)
    physics = sorted(p for p in articles if p.startswith("physics/"))
    for step in ("add", "delete", "rank", "add", "delete"):
        if step == "add":
            a = dict(_article(r, slug=f"new{len(articles)}", subject=SUBJECTS[2]), related=[],
                     keywords=[f"alone {len(articles)}"], title=f"What is the lone thing {len(articles)}?")
            articles[_path(a)] = a
        elif step == "delete":
            lone = [p for p in physics if p in articles and len(articles[p]["keywords"]) <= 1]
            articles.pop(lone[0] if lone else physics[-1])
        else:
            path = next(p for p in physics if p in articles)
            articles[path]["keywords"] = articles[path]["keywords"][:1]
        _write(root, articles)
        drawn.append([])
        _rebuilt_as_cold(root, out, cold)
    assert any("subject:physics" in p and "subject:physics" not in d for p, d in zip(patched, drawn)), (
        "no edit patched the physics view's list: the case is not tested")


def test_a_view_is_kept_when_an_article_it_only_lists_is_edited(tmp_path, small_views, monkeypatch):
    """Editing an article's answer or keywords leaves the view of its subject as it was when the
    view only lists it (ranked after the last one drawn, with as many links as before); a new
    title is written again (the list shows it)."""
    kept = _kept_views(monkeypatch)
    r = random.Random(5)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles = _big_physics(root, r)
    qagraph.build(root, out=out)
    physics = sorted(p for p in articles if p.startswith("physics/"))
    for i, edited in enumerate(r.sample(physics, 6)):
        if i % 2:
            articles[edited]["answer"] = f"An answer edited {i}."
        else:
            articles[edited]["keywords"] = articles[edited]["keywords"] + [f"only here {i}"]
        _write(root, articles)
        written = _rebuilt_as_cold(root, out, cold)
        assert not {_files(out)[s] for s in kept[-1]} & {p.name for p in written}
    assert any("subject:physics" in k for k in kept), "no edit left the physics view as it was"
    titled = next(p for p in physics)
    articles[titled]["title"] = "A new title?"
    _write(root, articles)
    assert _files(out)["subject:physics"] in {p.name for p in _rebuilt_as_cold(root, out, cold)}


def test_a_view_is_kept_when_its_articles_links_change_only_to_other_subjects(tmp_path, monkeypatch):
    """A view draws an article's links to other subjects as one count per subject, kind and way:
    when an edit elsewhere (an article added, deleted, given other keywords) changes an article's
    similar links only to articles of other subjects, in the same numbers, its subject's view is
    kept as it was (every article drawn here), and the site still equals a full write."""
    kept = _kept_views(monkeypatch)
    outside_only: list[bool] = []
    real = update_module._Site._only_outside

    def spy(self, node, changed):
        outside_only.append(real(self, node, changed))
        return outside_only[-1]

    monkeypatch.setattr(update_module._Site, "_only_outside", spy)
    r = random.Random(4)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles = {}
    for i in range(40):
        a = _article(r, slug=f"a{i}", subject=SUBJECTS[2 + i % 4])
        articles[_path(a)] = a
    _write(root, articles)
    qagraph.build(root, out=out)
    for i in range(10):
        paths = sorted(articles)
        if i % 3 == 0:
            a = _article(r, slug=f"new{i}", subject=r.choice(SUBJECTS[2:]))
            articles[_path(a)] = a
        elif i % 3 == 1:
            articles.pop(r.choice(paths))
        else:
            articles[r.choice(paths)]["keywords"] = r.sample(KEYWORDS, 4)
        _write(root, articles)
        written = _rebuilt_as_cold(root, out, cold)
        assert not {_files(out)[s] for s in kept[-1]} & {p.name for p in written}
    assert any(outside_only) and any(kept), "no view was kept for links to other subjects: the case is not tested"


def _df_patches_and_views(monkeypatch) -> tuple[list[list[str]], list[str]]:
    """From now on, the keywords of each df patch of a view, and the subject views drawn again."""
    patched: list[list[str]] = []
    real = update_module.patch_keyword_df
    monkeypatch.setattr(update_module, "patch_keyword_df",
                        lambda page, df: (patched.append(sorted(df)), real(page, df))[1])
    made: list[str] = []
    real_view = update_module.subject_view
    monkeypatch.setattr(update_module, "subject_view",
                        lambda G, subject, **k: (made.append(subject), real_view(G, subject, **k))[1])
    return patched, made


def test_a_view_that_only_shows_a_keyword_whose_df_changed_is_patched(tmp_path, small_views, monkeypatch):
    """An article added to chemistry with one keyword that the physics view shows (and no link to
    physics: a common keyword alone makes no similar link) changes that keyword's df only: the
    physics view is patched (the keyword's card and every keyword's size), not made again, and
    the site equals a full write; so does removing the article again."""
    patched, made = _df_patches_and_views(monkeypatch)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles: dict[str, dict] = {}
    for i in range(8):  # "waves" in 8 articles: more than a rare keyword's 5
        articles[f"physics/p{i}.md"] = {"slug": f"p{i}", "subject": SUBJECTS[2], "id": i + 1, "title": f"Physics {i}?",
                                        "keywords": ["waves", "light", "force" if i % 2 else "mass"], "related": [],
                                        "answer": "Short."}
    for i in range(3):
        articles[f"chemistry/c{i}.md"] = {"slug": f"c{i}", "subject": SUBJECTS[3], "id": 20 + i, "title": f"Chem {i}?",
                                          "keywords": ["acids", "bonds"], "related": [], "answer": "Short."}
    _write(root, articles)
    qagraph.build(root, out=out)
    state = json.loads((out / ".qagraph" / "views.json").read_text())
    assert "keyword:waves" in state["subjects"]["subject:physics"]["uses"]["keywords"]
    articles["chemistry/new.md"] = {"slug": "new", "subject": SUBJECTS[3], "id": 30, "title": "Chem new?",
                                    "keywords": ["waves"], "related": [], "answer": "Short."}
    for step in ("added", "removed"):
        if step == "removed":
            del articles["chemistry/new.md"]
        _write(root, articles)
        made.clear()
        written = _rebuilt_as_cold(root, out, cold)
        assert patched[-1] == ["keyword:waves"] and "subject:physics" not in made, step
        assert _files(out)["subject:physics"] in {p.name for p in written}
    assert small_views["site"] == 0


def test_a_view_whose_links_alone_name_a_keyword_whose_df_changed_is_patched(tmp_path, small_views, monkeypatch):
    """A keyword that a view shows only on a drawn similar link's list of shared keywords (not as a
    node: it is not among the view's most shared ones) shows its label there, never its df: when an
    added article changes that df alone (within its band: no similar link moves), the view is patched
    (0 keyword nodes to resize is fine), not drawn again, and the site equals a full write."""
    patched, made = _df_patches_and_views(monkeypatch)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles: dict[str, dict] = {}
    for i in range(6):  # "genes" in two physics articles and four chemistry ones: df 6, on the similar link p0-p1
        articles[f"physics/p{i}.md"] = {"slug": f"p{i}", "subject": SUBJECTS[2], "id": i + 1, "title": f"Physics {i}?",
                                        "keywords": ["waves", "light", "force"] + ["genes"] * (i < 2), "related": [],
                                        "answer": "Short."}
    for i in range(4):
        articles[f"chemistry/c{i}.md"] = {"slug": f"c{i}", "subject": SUBJECTS[3], "id": 20 + i, "title": f"Chem {i}?",
                                          "keywords": ["acids", "bonds", "genes"], "related": [], "answer": "Short."}
    _write(root, articles)
    qagraph.build(root, out=out)
    page = (out / "views" / _files(out)["subject:physics"]).read_text()
    assert "keyword:genes" in json.loads((out / ".qagraph" / "views.json").read_text())[
        "subjects"]["subject:physics"]["uses"]["keywords"]
    assert '"genes"' in page and '"~genes"' not in page and '"keyword:genes"' not in page  # a shared label only
    articles["chemistry/new.md"] = {"slug": "new", "subject": SUBJECTS[3], "id": 30, "title": "Chem new?",
                                    "keywords": ["genes"], "related": [], "answer": "Short."}  # df 7: 6's band, too common alone
    _write(root, articles)
    made.clear()
    written = _rebuilt_as_cold(root, out, cold)
    assert patched[-1] == ["keyword:genes"] and "subject:physics" not in made
    assert _files(out)["subject:physics"] in {p.name for p in written}
    assert small_views["site"] == 0


def _record(r: random.Random, sid: str, sids: list[str]) -> ChunkRecord:
    weighted = weighted_link_kinds()
    links = {k.name: [t + (r.choice(B64) if k.name in weighted else "") for t in sorted(r.sample(sids, r.randint(0, 3)))]
             for k in link_kinds() if r.random() < 0.6}
    article = r.random() < 0.8
    return ChunkRecord(sid, f"/learn/{r.choice('ab')}/{sid}", f"T {r.random():.3f} 'it\\s' \u2028", 0 if article else 1,
                       r.choice([None, "x", "y"]), r.randint(-1, 3), r.randint(0, 2),
                       (round(r.uniform(-9, 9), 1) + 0.0, round(r.uniform(-9, 9), 1) + 0.0), links,
                       ([r.choice(["k", "k'2"])], f"<p>{r.random():.2f}</p>") if article else None,
                       r.choice([None, None, f"/page/{r.randint(0, 9)}"]))


@pytest.mark.parametrize("seed", range(30))
def test_a_patched_chunk_equals_the_chunk_rendered_again(seed):
    """patch_chunk puts changed records in place: the files render_chunk makes of the new records."""
    r = random.Random(seed)
    sids = sorted({"".join(r.choice(B64) for _ in range(8)) for _ in range(r.randint(1, 80))})
    records = [_record(r, sid, sids) for sid in sids]
    render_inputs = list(records)
    files = render_chunk(2, 5, records)
    nodes, text = files["atlas/nodes-02.js"], files["atlas/text-02.js"]
    changed = {}
    for i in r.sample(range(len(records)), r.randint(1, min(4, len(records)))):
        old, new = records[i], _record(r, records[i].sid, sids)
        # a record keeps its key, subject and kind (the chunk's tables), and has a text when it had one
        new = ChunkRecord(old.sid, old.key, new.title, old.kind, old.subject, new.community, new.link, new.xy,
                          new.links, (new.text or (["k"], "<p>x</p>")) if old.text is not None else None, new.href)
        records[i] = changed[old.sid] = new
    assert patch_chunk(2, 5, nodes, text, changed) == render_chunk(2, 5, records)
    # records whose text the caller knows unchanged (their links and places alone moved): the text
    # file is left unread, and the files are still those render_chunk makes
    before = {sid: next(o for o in render_inputs if o.sid == sid) for sid in changed}
    kept_text = {sid: ChunkRecord(**{**r.__dict__, "text": before[sid].text}) for sid, r in changed.items()}
    again = [kept_text.get(x.sid, x) for x in records]
    patched = patch_chunk(2, 5, nodes, "not read", kept_text, same_text=set(kept_text))
    assert patched is not None and patched["atlas/text-02.js"] == "not read"
    assert patched["atlas/nodes-02.js"] == render_chunk(2, 5, again)["atlas/nodes-02.js"]
    assert render_chunk(2, 5, again)["atlas/text-02.js"] == text
    moved = next(iter(changed.values()))
    for other in (ChunkRecord(**{**moved.__dict__, "key": moved.key + "x"}),
                  ChunkRecord(**{**moved.__dict__, "subject": "z"}),
                  ChunkRecord(**{**moved.__dict__, "sid": "--------"})):
        assert patch_chunk(2, 5, nodes, text, {other.sid: other}) is None
    with pytest.raises(ValueError):
        patch_chunk(3, 5, nodes, text, changed)


#: atlas states that are JSON but not a layout; an edit made the build exit 70 (KeyError: 'positions', ...)
NOT_LAYOUTS = {
    "atlas state": {"x": 1},
    "atlas state, a list": [],
    "atlas state, nodes not a list": {"format": 2, "nodes": 5, "xy": [], "communities": []},
    "atlas state, a member from the end": {"format": 2, "nodes": ["a", "b"], "xy": [0, 0, 1, 1], "communities": [
        {"index": 0, "label": "", "subjects": [], "keywords": [], "members": [-1]}]},
    "atlas state, a community without its fields": {"format": 2, "nodes": ["a"], "xy": [0, 0],
                                                    "communities": [{"members": [0]}]},
    "atlas state, positions of one number": {"positions": {"a": [1]}, "communities": []},
    "atlas state, positions not a mapping": {"positions": "x", "communities": []},  # AttributeError: exit 70
    "atlas state, an infinite seed": {"format": 2, "nodes": ["a"], "xy": [0, 0], "communities": [],  # OverflowError
                                      "seed": float("inf")},
}


#: views' states of this version and settings, of another shape; an edit made the build exit 70
NOT_VIEWS_STATES = {
    "views state, counts not counts": lambda state: state.update(nodes=5),
    "views state, no overview": lambda state: state.update(overview={}),
    "views state, subjects a list": lambda state: state.update(subjects=list(state["subjects"])),
    "views state, an entry without its uses": lambda state: next(iter(state["subjects"].values())).pop("uses"),
    "views state, a group not a pair": lambda state: [entry["uses"].update(groups=[5])
                                                      for entry in state["subjects"].values()],
}


@pytest.mark.parametrize("damage", ["rank cut", "atlas chunk", *NOT_LAYOUTS, *NOT_VIEWS_STATES])
def test_a_damaged_state_or_chunk_is_made_again(tmp_path, small_views, damage):
    """A views' state whose rank cuts (or counts, or entries) this code did not write, or an atlas
    state that is JSON but not a layout, are not trusted: the update makes every view, or the atlas
    (laid out afresh), again, equal to a full write. Atlas chunks that are JSON but not a chunk are
    outputs not as the last build wrote them: the build is made in full."""
    r = random.Random(2)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles = _big_physics(root, r)
    qagraph.build(root, out=out)
    # the states are signed as the build's: as if a build had written them so (edited by hand, the
    # next build is a full one), so that what reads them back checks them
    if damage in NOT_LAYOUTS:
        (out / ".qagraph" / "atlas.json").write_text(json.dumps(NOT_LAYOUTS[damage]))
        sign_state(out, out / ".qagraph" / "atlas.json")
    elif damage in NOT_VIEWS_STATES:
        path = out / ".qagraph" / "views.json"
        state = json.loads(path.read_text())
        NOT_VIEWS_STATES[damage](state)
        path.write_text(json.dumps(state))
        sign_state(out, path)
    elif damage == "rank cut":
        path = out / ".qagraph" / "views.json"
        state = json.loads(path.read_text())
        for entry in state["subjects"].values():
            entry["cut"] = "not a cut"
        path.write_text(json.dumps(state))
        sign_state(out, path)
    else:
        for chunk in (out / "views" / "atlas").glob("nodes-*.js"):  # of its chunk, without its columns
            number = int(chunk.stem.split("-")[1])
            chunk.write_text(f"qagraphAtlas.add(JSON.parse('{{\"part\":\"nodes\",\"chunk\":{number}}}'));\n")
    edited = sorted(p for p in articles if p.startswith("physics/"))[-1]
    articles[edited]["keywords"] = articles[edited]["keywords"] + ["only here"]
    _write(root, articles)
    if damage == "atlas chunk":  # an output not as the last build wrote it: the build is made in full
        assert not qagraph.build(root, out=out).build_info.incremental
        qagraph.build(root, out=cold, cache=False)
        assert outputs_of(out) == outputs_of(cold) and _atlas_files(out) == _atlas_files(cold)
        return
    _rebuilt_as_cold(root, out, cold)
    assert small_views["site" if damage == "rank cut" or damage in NOT_VIEWS_STATES else "atlas"] == 1  # made in full
    if damage in NOT_LAYOUTS:
        assert _atlas_files(out) == _atlas_files(cold)  # laid out as a cold build lays it out


def test_an_isolated_article_added_joins_the_island_in_the_patched_atlas(tmp_path):
    """A patched build places an added article with no link in the island of the isolated articles,
    as :func:`qagraph.layout.atlas_layout` does with ``previous=``; the atlas's meta names the island."""
    from qagraph.layout import Island, read_layout

    root, out = tmp_path / "content", tmp_path / "out"
    shutil.copytree(Path(__file__).resolve().parent.parent / "content", root)
    for i in range(5):
        write_article(root, f"geology/alone-{i}.md", article_text(
            f"Why is rock {i} alone?", url_of("geology", f"alone-{i}"), id=900 + i, subject="Geology",
            keywords=f"own word {i}"))
    qagraph.build(root, out=out)
    positions, parts, _, _ = read_layout(json.loads((out / ".qagraph" / "atlas.json").read_text()))
    island = Island.of(positions, (p["members"] for p in parts))
    assert island is not None and island.size >= 5
    write_article(root, "geology/alone-new.md", article_text(
        "Why is the new rock alone?", url_of("geology", "alone-new"), id=990, subject="Geology", keywords="new own word"))
    kg = qagraph.build(root, out=out)
    assert kg.build_info.incremental
    after, parts_after, _, _ = read_layout(json.loads((out / ".qagraph" / "atlas.json").read_text()))
    new = "article:" + url_of("geology", "alone-new")
    assert all(after[n] == p for n, p in positions.items())
    assert ((after[new][0] - island.x) ** 2 + (after[new][1] - island.y) ** 2) ** 0.5 <= island.radius + 0.01
    meta = read_data_script((out / "views" / "atlas" / "meta.js").read_text(encoding="utf-8"))
    now = Island.of(after, (p["members"] for p in parts_after))
    assert now is not None and meta["island"] == {"x": round(now.x, 2), "y": round(now.y, 2),
                                                  "r": round(now.radius, 2), "size": island.size + 1}


def _topic_corpus(root: Path, n: int, r: random.Random) -> dict[str, dict]:
    """``n`` geology articles in six topics (an article shares two of its topic's keywords with the
    rest of it, and has one of its own), and a few in history: a view of more than
    :data:`~qagraph.html.arrange.LABELLED_MAX` articles, in communities."""
    articles: dict[str, dict] = {}
    for i in range(n):
        topic = i % 6
        words = [f"topic {topic} word {j}" for j in range(5)]
        a = {"slug": f"g{i}", "subject": ("geology", "Geology"), "id": i + 1, "title": f"What is rock {i}?",
             "keywords": r.sample(words, 2) + [f"own {i}"], "related": [], "answer": "Rocks."}
        articles[_path(a)] = a
    for i in range(4):
        a = {"slug": f"h{i}", "subject": ("history", "History"), "id": 1000 + i, "title": f"When was {i}?",
             "keywords": [f"topic {i} word 0"], "related": [], "answer": "Then."}
        articles[_path(a)] = a
    _write(root, articles)
    return articles


def _drawn(out: Path, subject: str = "geology") -> dict[str, tuple[float, float, int | None]]:
    layout = view_layout((out / "views" / f"subject-{subject}.html").read_text(encoding="utf-8"))
    assert layout is not None
    return layout


def _linked_in_view(out: Path, node: str, subject: str = "geology") -> set[str]:
    """The articles the view of ``subject`` draws an edge to or from ``node`` to."""
    page = (out / "views" / f"subject-{subject}.html").read_text(encoding="utf-8")
    data = json.loads(page[slice(*view_data_span(page))])
    key = {n["id"]: data["keyPrefix"] + n["key"][1:] if n["key"].startswith("~") else n["key"] for n in data["nodes"]}
    ends = {frozenset((key[e[0]], key[e[1]])) for e in data["edges"]}
    return {m for pair in ends if node in pair for m in pair if m != node and m.startswith("article:")}


def _no_circle_covers_another(out: Path, subject: str = "geology") -> None:
    page = (out / "views" / f"subject-{subject}.html").read_text(encoding="utf-8")
    nodes = [n for n in json.loads(page[slice(*view_data_span(page))])["nodes"] if n["kind"] in ("article", "stub")]
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            assert math.hypot(a["x"] - b["x"], a["y"] - b["y"]) >= a["size"] + b["size"], (a["key"], b["key"])


def test_a_large_view_keeps_its_arrangement_after_an_edit(tmp_path):
    """A view of more than LABELLED_MAX articles that an edit draws again keeps where its articles
    were and their communities (the map a reader knows stays as it was): an added article joins the
    community of the articles it links to, beside them, covering none; a deleted one leaves the rest
    in place. Everything but the arrangement equals a cold build's page of the same content."""
    r = random.Random(5)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles = _topic_corpus(root, 120, r)
    qagraph.build(root, out=out)
    before = _drawn(out)
    assert len(before) == 120 and len({c for *_, c in before.values()}) > 1
    # an article of topic 2, with the keywords of topic 2's articles
    added = {"slug": "g-new", "subject": ("geology", "Geology"), "id": 999, "title": "What is the new rock?",
             "keywords": ["topic 2 word 0", "topic 2 word 1", "topic 2 word 2"], "related": [], "answer": "New."}
    articles[_path(added)] = added
    _write(root, articles)
    written = _rebuilt_as_cold(root, out, cold)
    assert out / "views" / "subject-geology.html" in written
    after = _drawn(out)
    new = f"article:{url_of('geology', 'g-new')}"
    assert set(after) == set(before) | {new}
    assert {n: after[n] for n in before} == before  # every article where it was, in its community
    linked = _linked_in_view(out, new)
    assert linked and all(int(n.rsplit("/g", 1)[1]) % 6 == 2 for n in linked)  # topic 2's articles
    assert after[new][2] in {before[n][2] for n in linked}  # in the community of one of them
    near = min(math.hypot(after[new][0] - before[n][0], after[new][1] - before[n][1]) for n in linked)
    xs = [x for x, _, _ in before.values()]
    assert near < (max(xs) - min(xs)) / 4  # beside them
    _no_circle_covers_another(out)
    # a cold build lays the view out afresh: other positions, the same view otherwise
    assert _drawn(cold) != after
    # deleted: the others stay
    del articles[_path(added)]
    del articles["geology/g7.md"]
    _write(root, articles)
    _rebuilt_as_cold(root, out, cold)
    gone = _drawn(out)
    assert gone == {n: p for n, p in before.items() if not n.endswith("/g7")}


def test_a_view_with_many_new_articles_is_laid_out_afresh(tmp_path):
    """More new articles than :func:`~qagraph.html.arrange.kept_fits` allows (here 10 of 130): the
    view is laid out again, as a cold build lays it out, byte for byte."""
    r = random.Random(6)
    root, out, cold = tmp_path / "content", tmp_path / "out", tmp_path / "cold"
    articles = _topic_corpus(root, 120, r)
    qagraph.build(root, out=out)
    for i in range(10):
        a = {"slug": f"g-more{i}", "subject": ("geology", "Geology"), "id": 2000 + i, "title": f"Rock {i}?",
             "keywords": [f"topic {i % 6} word 1", f"topic {i % 6} word 3"], "related": [], "answer": "More."}
        articles[_path(a)] = a
    _write(root, articles)
    kg = qagraph.build(root, out=out)
    assert kg.build_info.incremental
    shutil.rmtree(cold, ignore_errors=True)
    qagraph.build(root, out=cold, cache=False)
    page = "views/subject-geology.html"
    assert (out / page).read_bytes() == (cold / page).read_bytes()


def test_a_side_joined_is_the_side_of_the_union(tmp_path):
    """What an edit changed around two sets of nodes, read apart and joined, is what is read around
    their union (:meth:`_Side.joined`: the far ends of the changed links are read once more only)."""
    out = tmp_path / "out"
    qagraph.build(Path(__file__).resolve().parent.parent / "content", out=out)
    db = BuildDatabase(out / "qagraph.db")
    articles = [node for node, in db.con.execute("SELECT node FROM articles ORDER BY node")]
    a, b = set(articles[:4]), set(articles[3:9]) | {"article:/not/there"}
    joined = update_module._Side.of(db, a).joined(update_module._Side.of(db, b))
    whole = update_module._Side.of(db, a | b)
    assert (joined.info, joined.data) == (whole.info, whole.data)
    assert joined.edges == whole.edges and len(whole.edges) > len(update_module._Side.of(db, a).edges) > 0


def test_an_added_node_keeps_every_short_id_unless_it_draws_a_taken_one():
    """plain_after: the ids a state holds are kept, a new node's drawn; a new node that draws an id
    a remaining node holds (made here by hand: 48-bit ids do not meet by chance) gives None, and
    the caller draws every id again (salted, as a full write does)."""
    state = atlas_state({"nodes": ["article:/a", "article:/b"], "xy": [0, 0, 1, 1], "communities": []})
    assert state[SHORT_IDS] == plain_short_id("article:/a") + plain_short_id("article:/b")
    assert plain_after(state, ["article:/c"], set()) == {n: plain_short_id(n) for n in ("article:/a", "article:/b",
                                                                                         "article:/c")}
    clash = {**state, SHORT_IDS: plain_short_id("article:/a") + plain_short_id("article:/c")}  # b drew c's
    assert plain_after(clash, ["article:/c"], set()) is None
    assert plain_after(clash, ["article:/c"], {"article:/b"}) == {"article:/a": plain_short_id("article:/a"),
                                                                  "article:/c": plain_short_id("article:/c")}
    assert plain_after({**state, SHORT_IDS: "short"}, ["article:/c"], set()) is None  # not a state of ids
    assert plain_after({k: v for k, v in state.items() if k != SHORT_IDS}, ["article:/c"], set()) is None


def test_the_views_of_a_patched_build_import_neither_networkx_nor_markdown_it():
    """What a patched build's views process imports (the views, their selection and arrangement,
    the atlas's update, the layout's placing) leaves out networkx (0.10 s of processor time: the
    views read :mod:`qagraph.lightgraph` graphs) and markdown-it (0.02 s: answers of plain prose
    need no parser). A view laid out afresh in parts imports networkx then, and markup markdown-it."""
    import subprocess
    import sys

    code = ("import sys, qagraph.pipeline, qagraph.incremental, qagraph.html.update, qagraph.html.site, qagraph.layout\n"
            "print(sorted(m for m in ('networkx', 'markdown_it', 'scipy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_inverse_of_drawn_short_ids_is_read_from_the_state():
    """A chunk of the atlas made again maps its records' short ids back to nodes: when the ids
    are drawn on demand (the previous layout's nodes, no two drawing one id), the inverse is the
    state's, read rather than drawn for every node; a state of other nodes is not trusted."""
    from qagraph.html.atlas import atlas_state
    from qagraph.html.update import _Drawn, _inverse

    nodes = [f"article:/learn/a{i}" for i in range(50)]
    state = atlas_state({"nodes": nodes, "xy": [0.0] * 100, "communities": []})
    drawn = {sid: node for node, sid in _Drawn(dict.fromkeys(nodes)).items()}
    assert _inverse(_Drawn(dict.fromkeys(nodes)), state) == drawn
    other = atlas_state({"nodes": nodes[:-1] + ["article:/learn/other"], "xy": [0.0] * 100, "communities": []})
    assert _inverse(_Drawn(dict.fromkeys(nodes)), other) == drawn
    assert _inverse(_Drawn(dict.fromkeys(nodes)), None) == drawn
    assert _inverse({"a": "x"}, state) == {"x": "a"}
