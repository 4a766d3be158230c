"""qagraph.similarity: banded weights, the evidence gate, top-k, same questions, and updates that equal a cold build."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qagraph.errors import OutputError, UsageError
from qagraph.normalize import question_key
from qagraph.similarity import (
    Doc, SimilarEdge, SimilarityConfig, SimilarityIndex, same_question_pairs, similar_edges, similar_pairs,
)


def reference(docs, config):
    """The definition, pair by pair (small inputs only): what the index must give."""
    sets = [tuple(dict.fromkeys(d.keyword_keys)) for d in docs]
    df = Counter(k for s in sets for k in s)
    weight = {k: config.keyword_weight(df[k]) for k in df}
    w2 = config.keyword_weight(2)
    questions = [question_key(d.question) for d in docs]
    least = max(1, math.ceil(config.min_score * 10_000 - 1e-9))
    units = {}
    for i, j in itertools.combinations(range(len(docs)), 2):
        evidence = sum(weight[k] for k in set(sets[i]) & set(sets[j]))
        if evidence == 0 or evidence < config.min_evidence or (questions[i] and questions[i] == questions[j]):
            continue
        u = round(evidence / (w2 * math.sqrt(len(sets[i]) * len(sets[j]))) * 10_000)
        if u >= least:
            units[i, j] = units[j, i] = u
    edges = {}
    for i in range(len(docs)):
        ranked = sorted((j for j in range(len(docs)) if (i, j) in units), key=lambda j: (-units[i, j], docs[j].key))
        # a question already ranked (a better copy of it, filed elsewhere) takes no second slot
        mine = [j for n, j in enumerate(ranked) if not questions[j] or questions[j] not in {questions[m] for m in ranked[:n]}]
        for j in mine[: config.top_k]:
            a, b = sorted((docs[i].key, docs[j].key))
            shared = sorted(k for k in set(sets[i]) & set(sets[j]) if weight[k])
            edges[a, b] = SimilarEdge(a, b, units[i, j] / 10_000, tuple(shared))
    return sorted(edges.values())


def random_docs(rng, n, vocab=30, most=6, questions=8):
    return [
        Doc(f"/learn/s/questions/{rng.randrange(10**6)}-{i}", tuple(f"kw{rng.randrange(vocab)}" for _ in range(rng.randint(0, most))),
            f"Question {rng.randrange(questions)}?")
        for i in range(n)
    ]


CONFIGS = [
    SimilarityConfig(),
    SimilarityConfig(top_k=2, max_df=6, rare_df=2),
    SimilarityConfig(top_k=3, max_df=12, rare_df=12, min_score=0.2),
    SimilarityConfig(top_k=1, max_df=3, rare_df=1),
]


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("config", CONFIGS, ids=["default", "tight", "loose-min-score", "top-1"])
def test_index_agrees_with_pair_by_pair_definition(seed, config):
    rng = random.Random(seed)
    docs = random_docs(rng, 70, vocab=60)
    got = similar_edges(docs, config)
    assert got == reference(docs, config)
    assert got, "the inputs must make some edges, or the comparison checks nothing"


def test_weights_fall_by_band_and_stop_at_max_df():
    config = SimilarityConfig(max_df=100)
    weights = [config.keyword_weight(df) for df in range(0, 103)]
    assert weights[:2] == [0, 0] and weights[101:] == [0, 0]
    assert all(a >= b for a, b in zip(weights[2:101], weights[3:101]))
    bands = sorted(set(weights[2:101]), reverse=True)
    firsts = [weights.index(w) for w in bands]
    assert firsts == [2, 3, 4, 6, 8, 12, 16, 23, 32, 46, 64, 91]  # half-octave boundaries
    assert weights[100] > 0 and config.min_evidence == config.keyword_weight(4) == config.keyword_weight(5)


def test_top_k_bounds_each_ranking_and_ties_go_to_the_first_key():
    # 50 articles with the same three keywords (df 50 <= max_df): every pair ties
    docs = [Doc(f"a{i:02d}", ("x", "y", "z")) for i in range(50)]
    k = 3
    index = SimilarityIndex.build(docs, SimilarityConfig(top_k=k))
    edges = index.edges()
    assert {e.weight for e in edges} == {round(3 * SimilarityConfig().keyword_weight(50) / (4605 * 3), 4)}
    for doc in docs:
        ranking = index.partners(doc.key)
        assert len(ranking) == k
        assert [key for key, _ in ranking] == [f"a{i:02d}" for i in range(k + 1) if f"a{i:02d}" != doc.key][:k]
    # the first k + 1 keys rank each other; every other article ranks the first k
    assert len(edges) == math.comb(k + 1, 2) + (50 - k - 1) * k
    assert sum(1 for e in edges if "a49" in (e.source, e.target)) == k


def test_keywords_above_max_df_do_not_count():
    docs = [Doc("a", ("common",)), Doc("b", ("common",)), Doc("c", ("common", "rare")), Doc("d", ("rare",))]
    assert [e[:2] for e in similar_edges(docs, SimilarityConfig(max_df=2))] == [("c", "d")]
    assert len(similar_edges(docs, SimilarityConfig(max_df=3))) == 4  # now "common" counts


def test_one_common_keyword_is_not_enough_but_two_are():
    # "substrate" is in 20 articles: alone it never makes two articles similar
    filler = [Doc(f"z{i}", ("substrate",)) for i in range(18)]
    enzymes = Doc("enzymes", ("substrate", "active site"))
    mosfet = Doc("mosfet", ("substrate", "gate", "channel"))
    docs = [*filler, enzymes, mosfet]
    assert similar_edges(docs) == []
    # two keywords of 20 articles each carry the evidence of one keyword of 4
    docs = [*(Doc(f"z{i}", ("height", "weight")) for i in range(18)), Doc("stats", ("height", "weight")),
            Doc("diet", ("height", "weight"))]
    config = SimilarityConfig()
    assert 2 * config.keyword_weight(20) >= config.min_evidence
    assert len(similar_edges(docs, config)) > 0
    # one keyword of 4 articles is enough, and so is one of 5 (the same band), not one of 6
    for n, pairs in ((4, 6), (5, 10), (6, 0)):
        assert len(similar_edges([Doc(f"r{i}", ("okazaki fragments",)) for i in range(n)])) == pairs


def test_same_question_never_takes_a_similar_slot():
    docs = [
        Doc("/learn/biology/questions/what-is-a-virus", ("virus", "capsid"), "What is a virus?"),
        Doc("/learn/computer-science/questions/what-is-a-virus", ("virus", "capsid"), "what is a VIRUS"),
        Doc("/learn/biology/questions/phages", ("virus", "capsid"), "What is a bacteriophage?"),
    ]
    pairs = [e[:2] for e in similar_edges(docs)]
    assert (docs[0].key, docs[1].key) not in pairs and len(pairs) == 2
    assert len(similar_edges([d._replace(question="") for d in docs])) == 3  # no question: no exclusion


def test_a_question_filed_twice_takes_one_slot_of_a_third_articles_ranking():
    """Two files of one question (two subjects) shared by a third article's keywords: its ranking
    holds the better copy once and the next article in the other slot, not one title twice; an
    update that removes the better copy brings the other back, as a fresh build has it."""
    twin_a = Doc("/learn/biology/questions/what-is-a-virus", ("virus", "capsid", "host"), "What is a virus?")
    twin_b = Doc("/learn/medicine/questions/what-is-a-virus", ("virus", "capsid", "host"), "what is a VIRUS")
    third = Doc("/learn/biology/questions/phages", ("virus", "capsid", "host"), "What is a bacteriophage?")
    other = Doc("/learn/biology/questions/prions", ("virus", "capsid"), "What is a prion?")
    config = SimilarityConfig(top_k=2)
    index = SimilarityIndex.build([twin_a, twin_b, third, other], config)
    assert [key for key, _ in index.partners(third.key)] == [twin_a.key, other.key]
    fresh = SimilarityIndex.build([twin_b, third, other], config)
    index.update(removed=[twin_a.key])
    assert index.partners(third.key) == fresh.partners(third.key)
    assert [key for key, _ in index.partners(third.key)] == [twin_b.key, other.key]
    assert index.edges() == fresh.edges()


def test_shared_keywords_are_those_that_count_sorted():
    docs = [Doc("a", ("too common", "rare", "mid", "only a")), Doc("b", ("mid", "too common", "rare"))]
    docs += [Doc(f"m{i}", ("mid",)) for i in range(4)] + [Doc(f"c{i}", ("too common",)) for i in range(101)]
    edge = next(e for e in similar_edges(docs) if (e.source, e.target) == ("a", "b"))
    assert edge.shared == ("mid", "rare")


def test_same_edges_whatever_the_input_order():
    rng = random.Random(7)
    docs = random_docs(rng, 200, vocab=40)
    expected = similar_edges(docs)
    for _ in range(3):
        rng.shuffle(docs)
        assert similar_edges(docs) == expected
    assert expected


def test_nothing_to_compare():
    assert similar_edges([]) == []
    assert similar_edges([Doc("a", ("x",))]) == []
    assert similar_edges([Doc("a", ()), Doc("b", ())]) == []
    assert similar_edges([Doc("a", ("x",)), Doc("b", ("x",))], SimilarityConfig(top_k=0)) == []


def test_duplicate_keys_are_refused():
    with pytest.raises(UsageError, match="two articles have the key 'a'"):
        SimilarityIndex.build([Doc("a", ("x",)), Doc("a", ("y",))])


def test_former_interface_still_answers():
    assert similar_pairs([[0, 1], [0, 1], [2]]) == [(0, 1, 1.0, (0, 1))]
    assert similar_pairs([]) == []


# -- updates ------------------------------------------------------------------------


def test_update_reports_added_removed_and_changed_edges():
    docs = [Doc("a", ("x", "y")), Doc("b", ("x", "y")), Doc("c", ("y", "z")), Doc("d", ("q",))]
    index = SimilarityIndex.build(docs)
    before = {e[:2]: e for e in index.edges()}
    changes = index.update(changed=[Doc("d", ("x", "y")), Doc("c", ("z",))], removed=["b"])
    after = {e[:2]: e for e in index.edges()}
    assert changes.removed == sorted(before.keys() - after.keys())
    assert [e[:2] for e in changes.added] == sorted(after.keys() - before.keys())
    assert changes.changed == [after[p] for p in sorted(before.keys() & after.keys()) if before[p] != after[p]]
    assert changes and ("a", "d") in after and ("a", "b") not in after
    assert index.edges() == similar_edges([Doc("a", ("x", "y")), Doc("c", ("z",)), Doc("d", ("x", "y"))])


def test_update_without_change_does_nothing_and_a_question_is_a_change():
    docs = [Doc("a", ("x", "y"), "A?"), Doc("b", ("x", "y"), "Same?")]
    index = SimilarityIndex.build(docs)
    unchanged = index.update(changed=[Doc("a", ("x", "y"), "a")])  # same question key, same keywords
    assert not unchanged and unchanged.rows == 0
    changes = index.update(changed=[Doc("a", ("x", "y"), "same")])  # now the same question as b
    assert changes.removed == [("a", "b")] and changes.rows == 2


def test_update_refuses_unknown_or_repeated_articles():
    index = SimilarityIndex.build([Doc("a", ("x",)), Doc("b", ("x",))])
    with pytest.raises(UsageError, match="no article 'zz'"):
        index.update(removed=["zz"])
    with pytest.raises(UsageError, match="given twice"):
        index.update(changed=[Doc("a", ("y",))], removed=["a"])


def test_an_edit_recomputes_a_few_rows_only():
    rng = random.Random(3)
    docs = random_docs(rng, 3000, vocab=6000, most=12)
    index = SimilarityIndex.build(docs)
    target = docs[100]
    changes = index.update(changed=[target._replace(keyword_keys=(*target.keyword_keys[:-1], "brand new"))])
    assert 0 < changes.rows < 100
    assert index.edges() == similar_edges([target._replace(keyword_keys=(*target.keyword_keys[:-1], "brand new"))] + docs[:100] + docs[101:])


keys = st.sampled_from([f"k{i}" for i in range(14)])
keyword_lists = st.lists(st.sampled_from([f"w{i}" for i in range(9)]), max_size=5)
questions = st.sampled_from(["", "What is it?", "what is IT", "Why?", "How?"])
edits = st.lists(
    st.tuples(st.sampled_from(["put", "put", "delete"]), keys, keyword_lists, questions), min_size=1, max_size=4
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.dictionaries(keys, st.tuples(keyword_lists, questions), max_size=12),
    steps=st.lists(edits, min_size=1, max_size=5),
    config=st.sampled_from(CONFIGS[:2] + [SimilarityConfig(top_k=2, max_df=4, rare_df=3)]),
    save_at=st.integers(0, 5),
)
def test_updates_give_exactly_the_cold_build(tmp_path_factory, start, steps, config, save_at):
    corpus = {key: Doc(key, tuple(kw), q) for key, (kw, q) in start.items()}
    index = SimilarityIndex.build(corpus.values(), config)
    edges = {e[:2]: e for e in index.edges()}
    for n, batch in enumerate(steps):
        changed, removed = {}, []
        for op, key, kw, q in batch:
            if key in removed or key in changed:
                continue
            if op == "delete":
                if key in corpus:
                    removed.append(key)
            else:
                changed[key] = Doc(key, tuple(kw), q)
        for key in removed:
            del corpus[key]
        corpus.update(changed)
        if n == save_at:
            folder = tmp_path_factory.mktemp("state")
            index.save(folder)
            index = SimilarityIndex.load(folder)
        changes = index.update(changed=changed.values(), removed=removed)
        cold = SimilarityIndex.build(sorted(corpus.values()), config).edges()
        assert index.edges() == cold
        for pair in changes.removed:
            del edges[pair]
        for edge in changes.added + changes.changed:
            edges[edge[:2]] = edge
        assert sorted(edges.values()) == cold
        assert cold == reference(list(corpus.values()), config)


# -- saving and loading ---------------------------------------------------------------


def test_save_and_load_keep_everything(tmp_path):
    rng = random.Random(11)
    docs = random_docs(rng, 300, vocab=80)
    index = SimilarityIndex.build(docs, SimilarityConfig(top_k=4))
    index.update(removed=[docs[0].key], changed=[Doc("new", ("kw1", "kw2", "new keyword"))])
    index.save(tmp_path)
    loaded = SimilarityIndex.load(tmp_path)
    assert loaded.config == SimilarityConfig(top_k=4)
    assert loaded.edges() == index.edges() == similar_edges(docs[1:] + [Doc("new", ("kw1", "kw2", "new keyword"))], loaded.config)
    assert len(loaded) == 300 and "new" in loaded and docs[0].key not in loaded
    loaded.update(removed=["new"])
    assert loaded.edges() == similar_edges(docs[1:], loaded.config)


def test_load_says_what_is_wrong(tmp_path):
    with pytest.raises(OutputError, match="no similarity state"):
        SimilarityIndex.load(tmp_path)
    (tmp_path / "similarity.npz").write_bytes(b"not an npz file")
    with pytest.raises(OutputError, match="damaged similarity state"):
        SimilarityIndex.load(tmp_path)
    index = SimilarityIndex.build([Doc("a", ("x",)), Doc("b", ("x",))])
    index.save(tmp_path)
    with np.load(tmp_path / "similarity.npz") as data:
        arrays = {name: data[name] for name in data.files}
    arrays["top"] = arrays["top"][:1]
    np.savez(tmp_path / "similarity.npz", **arrays)
    with pytest.raises(OutputError, match="arrays of different lengths"):
        SimilarityIndex.load(tmp_path)


def test_same_question_pairs_from_docs_and_from_the_index(tmp_path):
    docs = [Doc("c", ("x",), "What is it?"), Doc("a", (), "what is IT"), Doc("b", (), "What is it"), Doc("d", (), "Other?"),
            Doc("e", (), ""), Doc("f", (), "?")]
    expected = [("a", "b"), ("a", "c"), ("b", "c")]
    assert same_question_pairs(docs) == expected
    index = SimilarityIndex.build(docs)
    assert index.same_question_pairs() == expected
    index.update(changed=[Doc("d", (), "What is it?!")], removed=["a"])
    index.save(tmp_path)
    assert SimilarityIndex.load(tmp_path).same_question_pairs() == [("b", "c"), ("b", "d"), ("c", "d")]
    rng = random.Random(5)
    many = random_docs(rng, 300, questions=40)
    assert SimilarityIndex.build(many).same_question_pairs() == same_question_pairs(many) != []

    built, every = SimilarityIndex.build(many), same_question_pairs(many)
    for among in ([], ["not held"], [d.key for d in many[:5]], [d.key for d in many[::7]], [d.key for d in many]):
        assert built.same_question_pairs(among=among) == [p for p in every if set(p) & set(among)]
    assert index.same_question_pairs(among=["a", "e"]) == []  # a removed; e has no question


@given(st.lists(st.text(max_size=12), max_size=20))
def test_string_table_hashes_and_finds(strings):
    from qagraph.similarity import _poly_hash, _Strings

    table = _Strings.of(strings)
    assert [int(h) for h in table.hashes()] == [_poly_hash(s.encode("utf-8")) for s in strings]
    loaded = _Strings(table.blob, table.ends, table.hashes())  # as load() makes it: nothing decoded
    assert [loaded[i] for i in range(len(strings))] == strings
    for s in strings + ["not there \u00e9"]:
        assert loaded.find(s) == [i for i, t in enumerate(strings) if t == s]
    keep = np.array([i % 2 == 0 for i in range(len(strings))], dtype=bool)
    assert loaded.kept(keep).all() == [s for s, k in zip(strings, keep) if k]


def test_a_question_of_more_than_the_most_articles_makes_no_pairs():
    """A generic title asked by thousands of articles made n(n-1)/2 pairs; past SAME_QUESTION_MAX
    articles a question makes none (from the docs, from the index, and around one article)."""
    from qagraph.similarity import SAME_QUESTION_MAX

    most = [Doc(f"m{i:03}", (), "Overview") for i in range(SAME_QUESTION_MAX)]
    more = [Doc(f"n{i:03}", (), "Untitled") for i in range(SAME_QUESTION_MAX + 1)]
    docs = [*most, *more, Doc("x", (), "What is it?"), Doc("y", (), "what is it")]
    expected = sorted([*itertools.combinations([d.key for d in most], 2), ("x", "y")])
    assert len(expected) == SAME_QUESTION_MAX * (SAME_QUESTION_MAX - 1) // 2 + 1
    index = SimilarityIndex.build(docs)
    assert same_question_pairs(docs) == index.same_question_pairs() == expected
    assert index.same_question_pairs(among=["n000", "x"]) == [("x", "y")]
    assert (index.question_group("n000"), index.question_group("m000"), index.question_group("x")) == (
        SAME_QUESTION_MAX + 1, SAME_QUESTION_MAX, 2)
    assert index.question_group("gone") == 0


def test_an_update_after_load_reads_few_strings(tmp_path):
    rng = random.Random(2)
    docs = random_docs(rng, 500, vocab=300)
    SimilarityIndex.build(docs).save(tmp_path)
    index = SimilarityIndex.load(tmp_path)
    index.update(changed=[docs[3]._replace(keyword_keys=("kw1", "kw2", "fresh"))])
    assert index._keys._strings is None and index._kw._strings is None  # nothing decoded wholesale


@given(st.lists(st.text(max_size=6), max_size=12), st.lists(st.text(max_size=6), max_size=5))
def test_string_table_keeps_its_hash_order_when_extended(first, more):
    from qagraph.similarity import _Strings

    table = _Strings.of(first)
    table.by_hash()
    table.extend(more)
    assert [int(h) for h in table.hashes()[table.by_hash()]] == sorted(int(h) for h in table.hashes())
    for s in first + more:
        assert table.find(s) == [i for i, t in enumerate(first + more) if t == s]


def test_evaluation_corpus_beats_the_former_method():
    """The figures of bench/eval_similarity.py (and of the README) on tests/fixtures/similarity-eval."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("eval_similarity", root / "bench" / "eval_similarity.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from qagraph.load import load_corpus as load

    articles = load(module.EVAL / "content").articles
    assert len(articles) == 105
    ambiguous = {line.strip() for line in (module.EVAL / "ambiguous-keywords.txt").read_text().splitlines()
                 if line.strip() and not line.startswith("#")}
    before = module.evaluate(articles, module.baseline(articles), ambiguous)
    now = module.evaluate(articles, module.today(articles), ambiguous)
    assert (before["recall@10"], now["recall@10"]) == (0.812, 0.828)
    assert now["recall@3"] > before["recall@3"] and now["linked@3"] > before["linked@3"]
    assert now["one keyword"] < before["one keyword"]
    assert (before["same question"], now["same question"]) == (2, 0)


# -- the evidence of an update ------------------------------------------------------------


@pytest.mark.parametrize("seed", range(4))
def test_row_by_row_evidence_equals_the_sparse_product(seed, monkeypatch):
    """An update ranks its few rows with numpy alone; more rows go through scipy: the same evidence."""
    import qagraph.similarity as similarity_module

    rng = random.Random(seed)
    index = SimilarityIndex.build(random_docs(rng, 300, vocab=80, most=8))
    rows = np.asarray(sorted(rng.sample(range(300), 40)), dtype=np.int64)

    def entries(products):
        local, cols, evidence = products(0, len(rows))
        return sorted(zip(local.tolist(), cols.tolist(), evidence.tolist()))

    row_by_row = entries(index._row_products(rows))
    monkeypatch.setattr(similarity_module, "_ROW_BY_ROW", 0)
    assert row_by_row == entries(index._row_products(rows))
    assert row_by_row, "the rows must share keywords, or the comparison checks nothing"


def test_a_small_update_does_not_import_scipy(tmp_path):
    """An edit's update (an index loaded, a few rows ranked, their edges listed) needs numpy alone:
    scipy's import alone is 0.2 s, numpy.ma's (np.unique's first call imports it) 0.03 s."""
    import subprocess
    import sys

    docs = random_docs(random.Random(5), 200, vocab=40)
    SimilarityIndex.build(docs).save(tmp_path)
    script = (
        "import sys\n"
        "from qagraph.similarity import Doc, SimilarityIndex\n"
        f"index = SimilarityIndex.load({str(tmp_path)!r})\n"
        f"changes = index.update(changed=[Doc({docs[7].key!r}, ('kw1', 'kw2', 'kw3'), 'New?')])\n"
        "print(len(changes.added) + len(changes.changed) + len(changes.removed), 'scipy' in sys.modules,\n"
        "      'numpy.ma' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 0 and out[1:] == ["False", "False"]
