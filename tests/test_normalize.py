"""qagraph.normalize: keyword folding and splitting, answers' line breaks (property-based)."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from qagraph.load import parse_text
from qagraph.normalize import fold, most_common_spelling, split_keywords, unescape_newlines

keyword_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@given(st.lists(keyword_text, max_size=20), st.sampled_from([", ", ",", " ,  "]), st.booleans())
def test_split_keywords_properties(items, sep, trailing):
    text = sep.join(items) + ("," if trailing else "")
    spellings, keys = split_keywords(text)
    assert len(spellings) == len(keys) == len(set(keys))  # no repeats after folding
    assert all(s and s == " ".join(s.split()) for s in spellings)  # trimmed, collapsed, not empty
    assert keys == tuple(fold(s) for s in spellings)
    # nothing invented, nothing lost
    expected = {fold(part) for part in text.split(",") if part.split()}
    assert set(keys) == expected
    # order of first appearance kept
    firsts = []
    for part in text.split(","):
        key = fold(part)
        if key and key not in firsts:
            firsts.append(key)
    assert list(keys) == firsts


@given(st.lists(keyword_text, max_size=10))
def test_split_keywords_list_equals_joined_string(items):
    items = [i for i in items if "," not in i]
    assert split_keywords(items) == split_keywords(", ".join(items))


def test_fold_examples():
    assert fold("Machine  Learning") == fold("machine learning") == "machine learning"
    assert fold("ＡＩ") == "ai"  # NFKC
    assert split_keywords("   ,  , ") == ((), ())
    assert split_keywords(None) == ((), ())


def test_most_common_spelling_is_deterministic():
    assert most_common_spelling({"B": 2, "a": 2}) == "B"
    assert most_common_spelling({"x": 1, "y": 3}) == "y"


def test_unescape_newlines():
    assert unescape_newlines(r"a\nb\n\nc") == "a\nb\n\nc"
    assert unescape_newlines(r"keep \t and \\ and C:\path") == r"keep \t and \\ and C:\path"
    assert unescape_newlines(r"$$\nabla \cdot E$$ then\nnext") == "$$\\nabla \\cdot E$$ then\nnext"
    assert unescape_newlines(r"$x \neq y$\n$\nu$") == "$x \\neq y$\n$\\nu$"
    assert unescape_newlines(r"not math: \nabla") == "not math: \nabla"


@settings(max_examples=200)
@given(
    title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).filter(lambda t: t.strip()),
    keywords=st.lists(keyword_text.filter(lambda k: "," not in k), max_size=8),
)
def test_front_matter_round_trip(title, keywords):
    """Whatever a YAML emitter writes, the loader reads back the same text."""
    data = {"title": title, "url": "/learn/x/questions/y", "seo": {"page_keywords": ", ".join(keywords)}}
    text = "---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\n\n&nbsp;\n"
    article, problems = parse_text("x/y.md", text)
    assert problems == []
    assert article.title == " ".join(title.split())
    assert article.keywords == split_keywords(keywords)[0]


@given(st.text(max_size=300))
def test_parse_text_never_raises(text):
    article, problems = parse_text("any.md", text)
    assert (article is None) == any(p.severity == "error" for p in problems)


@given(st.dictionaries(st.sampled_from(["title", "url", "id", "answer", "subject", "score", "date", "seo", "related_article1"]),
                       st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.text(max_size=5), max_size=3),
                                 st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3))))
def test_parse_any_mapping_never_raises(data):
    text = "---\n" + yaml.safe_dump(data) + "---\n"
    article, problems = parse_text("x/any.md", text)
    assert (article is None) == any(p.severity == "error" for p in problems)
