"""qagraph.normalize: keyword folding and splitting, answers' line breaks (property-based)."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from qagraph.load import parse_text
from qagraph.normalize import (fold, most_common_spelling, question_key, split_keywords, subject_slug,
                               unescape_newlines, visible)

keyword_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)


@given(st.lists(keyword_text, max_size=20), st.sampled_from([", ", ",", " ,  "]), st.booleans())
def test_split_keywords_properties(items, sep, trailing):
    text = sep.join(items) + ("," if trailing else "")
    spellings, keys = split_keywords(text)
    assert len(spellings) == len(keys) == len(set(keys))  # no repeats after folding
    assert all(s and s == " ".join(s.split()) for s in spellings)  # trimmed, collapsed, not empty
    assert keys == tuple(fold(s) for s in spellings)
    # nothing invented, nothing lost
    expected = {fold(part) for part in text.split(",") if fold(part)}
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


@pytest.mark.parametrize("text, slug", [
    ("C", "c"), ("C++", "c-plus-plus"), ("C#", "c-sharp"), ("c++11", "c-plus-plus-11"), ("C/C++ & Go", "c-c-plus-plus-go"),
    ("Computer Science", "computer-science"), ("Science & Tech", "science-tech"),  # as slugify made them
    ("#general", "general"), ("A + B", "a-b"), ("++", ""),  # a sign after no letter: dropped, as before
])
def test_a_subject_slug_spells_the_signs_that_tell_names_apart(text, slug):
    assert subject_slug(text) == slug


def test_fold_examples():
    assert fold("Machine  Learning") == fold("machine learning") == "machine learning"
    assert fold("ＡＩ") == "ai"  # NFKC
    assert split_keywords("   ,  , ") == ((), ())
    assert split_keywords(None) == ((), ())


@pytest.mark.parametrize("hidden", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u200e", "\u200f", "\u202a",
                                    "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_a_character_that_shows_nothing_makes_no_other_keyword(hidden):
    """Zero-width characters and bidi controls, pasted in unseen, made "ma\u200bchine learning" a keyword
    of its own beside "machine learning" (and its same-question key two words)."""
    assert fold(f"ma{hidden}chine learning") == fold(f"{hidden}machine learning{hidden}") == "machine learning"
    assert split_keywords(f"Machine learning, ma{hidden}chine learning, {hidden}, {hidden}data{hidden}") == (
        ("Machine learning", "data"), ("machine learning", "data"))
    assert question_key(f"What is ma{hidden}chine learning?") == "what is machine learning"


def test_letters_of_right_to_left_scripts_are_kept_and_a_joiner_between_letters_is_shown():
    arabic, hebrew = "\u0645\u0631\u062d\u0628\u0627", "\u05e9\u05dc\u05d5\u05dd"
    persian, unjoined = "\u0645\u06cc\u200c\u0631\u0648\u062f", "\u0645\u06cc\u0631\u0648\u062f"  # a ZWNJ shapes it
    assert split_keywords(f"\u200f{arabic}\u200f, {hebrew}\u200e, \u2067{persian}\u2069, {unjoined}") == (
        (arabic, hebrew, persian), (arabic, hebrew, unjoined))


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
    # a title of characters that show nothing ("\xad", "\u200b") is blank by design: no title (tested apart)
    title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).filter(
        lambda t: visible(t).strip()),
    # no separator of any kind inside a keyword: how other separators split is tested apart
    keywords=st.lists(keyword_text.filter(lambda k: not set(k) & set(",;|\n\r\t、，•") and len(k.split()) <= 6),
                      max_size=8),
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


# -- keyword strings written another way, keywords that look wrong, question keys --------


from qagraph.normalize import MAX_KEYWORD_WORDS, keyword_problems, keyword_problems_of, question_key, split_keyword_text  # noqa: E402


def test_split_keyword_text_uses_the_separator_given():
    assert split_keyword_text("a, b ,c") == (["a", " b ", "c"], [])
    assert split_keyword_text("a b  c", None) == (["a", "b", "c"], [])
    assert split_keyword_text("one keyword") == (["one keyword"], [])


@pytest.mark.parametrize("sep, shown", [(";", "';'"), ("|", "'|'"), ("\n", "line breaks"), ("\u3001", "'、'")])
def test_split_keyword_text_finds_another_separator(sep, shown):
    items, warnings = split_keyword_text(f"cells{sep} mitosis{sep}DNA")
    assert [i.strip() for i in items] == ["cells", "mitosis", "DNA"]
    assert warnings == [f"keywords are separated by {shown}, not ','; split on {shown}"]


def test_split_keyword_text_warns_about_long_keywords():
    spaced = "photosynthesis chlorophyll light reactions calvin cycle glucose oxygen"
    items, warnings = split_keyword_text(spaced)
    assert items == [spaced]  # kept as it is: where would the keywords end?
    assert warnings == [f"keyword {spaced!r} has 8 words: is the list separated by spaces?"]
    words = " ".join(["w"] * MAX_KEYWORD_WORDS)
    assert split_keyword_text(f"{words}, x")[1] == []
    assert split_keyword_text(f"{words} w, x")[1] == [f"keyword '{words} w' has 7 words: a missing ','?"]


@given(st.lists(st.text(alphabet="abc ", min_size=1, max_size=8), min_size=1, max_size=6))
def test_split_keyword_text_with_commas_is_plain_split(items):
    text = ",".join(items)
    assert split_keyword_text(text)[0] == text.split(",")


@pytest.mark.parametrize("keyword, problems", [
    ("photosynthesis", []), ("C++", []), ("C#", []), ("U.S.", []), ("heap (data structure)", []), ("O(n log n)", []),
    ("5' to 3'", []), ("TCP/IP", []), ("68-95-99.7 rule", []), ("Dijkstra's algorithm", []), ('"quoted"', []),
    ("-dna", ["starts or ends with a stray punctuation mark"]), ("dna,", ["starts or ends with a stray punctuation mark"]),
    ("(dna", ["has unbalanced brackets or quotes"]), ("2023", ["is only a number"]), ("12.5%", ["is only a number"]),
    ("**bold**", ["holds markup or a web address"]), ("https://example.org", ["holds markup or a web address"]),
    ("a; b", ["holds ';', a separator"]), ("a | b", ["holds '|', a separator"]),
    ("one two three four five six seven", ["has 7 words"]),
    ("x" * 61, ["is 61 characters long"]),
    ("%", ["has no letter or digit"]), (".", ["has no letter or digit"]), ("\U0001F600", ["has no letter or digit"]),
    ("---", ["has no letter or digit"]), ("\u00e9t\u00e9", []), ("\u03b1-helix", []),
])
def test_keyword_problems(keyword, problems):
    assert keyword_problems(keyword) == problems


@pytest.mark.parametrize("keyword", [".net", ".htaccess", ".NET Core Data Types and Collections", ".gitignore"])
def test_a_name_that_starts_with_a_dot_is_no_malformed_keyword(keyword):
    """Stack Overflow tags questions .net and .htaccess, and a Zettelkasten's topics are named
    .NET Assemblies and Deployment: each was in the health section's malformed keywords as
    "starts or ends with a stray punctuation mark". A dot before no letter still is one."""
    assert keyword_problems(keyword) == []
    assert keyword_problems("..net") == keyword_problems(". net") == keyword_problems("._x") == [
        "starts or ends with a stray punctuation mark"]


@pytest.mark.parametrize("keyword", ["\U0001F331/seedling", "\U0001F4DA reading", "status/\U0001F33F", "reading \u2764\ufe0f",
                                     "\U0001F44D\U0001F3FD thanks", "1\ufe0f\u20e3 first"])
def test_an_emoji_at_either_end_is_no_stray_punctuation_mark(keyword):
    """Obsidian vaults and digital gardens tag notes with emoji: #\U0001F331/seedling, #\U0001F4DA reading. Each
    was in the health section's malformed keywords as "starts or ends with a stray punctuation mark":
    an emoji is a symbol, not punctuation. A mark beside one still is one."""
    assert keyword_problems(keyword) == []
    assert keyword_problems("\U0001F331seedling,") == keyword_problems("-\U0001F331 x") == [
        "starts or ends with a stray punctuation mark"]


@pytest.mark.parametrize("keyword", ["14.04", "16.04", "20.04", "2.7", "3.10.2"])
def test_a_version_number_keyword_is_no_malformed_keyword(keyword):
    """Stack Exchange sites tag questions by release: Ask Ubuntu's most used tags are 14.04, 16.04,
    18.04, 20.04. A blog of such answers had every one of them in the health section's malformed
    keywords as "is only a number"; a bare number (2023, 12.5%) still is one."""
    assert keyword_problems(keyword) == []
    assert keyword_problems("2023") == keyword_problems("12.5%") == ["is only a number"]


def test_question_key():
    assert question_key("What is a virus?") == question_key("  what IS a   virus ") == "what is a virus"
    assert question_key("Dijkstra's algorithm: how?") == "dijkstra s algorithm how"
    assert question_key("") == question_key(None) == question_key("?!") == ""
    assert question_key("What is a virus?") != question_key("What is a viruses?")


@given(st.text(alphabet="abcXYZ019 -", min_size=1, max_size=70))
def test_plain_keywords_skip_checks_that_could_find_nothing(text):
    """The fast path of keyword_problems answers what the full checks answer."""
    from qagraph.normalize import _problems, keyword_problems

    assert keyword_problems(text) == _problems(" ".join(text.split()))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.text(alphabet="aZ09 -_;,.\t\n()\"#*`<", max_size=70),
    st.sampled_from(["cells", "a b c d e f", "a b c d e f g", "x" * 60, "x" * 61, " lead", "trail ", "", "2023",
                     "a  b  c  d  e  f", "16.04", "\U0001F600", "c++"])), max_size=40))
def test_the_keywords_checked_at_once_have_the_problems_of_each_checked_alone(keywords):
    alone = {i: keyword_problems(k) for i, k in enumerate(keywords) if keyword_problems(k)}
    assert keyword_problems_of(keywords) == alone
