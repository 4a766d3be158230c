"""qagraph.frontmatter: front matter built as PyYAML's own construction builds it, only faster."""

from __future__ import annotations

import datetime

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from qagraph.errors import Problem
from qagraph.frontmatter import FrontMatterLoader, _construct, read_front_matter


def both(text: str) -> tuple[object, object]:
    """(qagraph's construction, the loader's own) of ``text``: each a value or the error raised."""
    results = []
    for fast in (True, False):
        loader = FrontMatterLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                results.append(None)
            elif fast:
                results.append(_construct(loader, node, "&" in text))
            else:
                results.append(loader.construct_document(node))
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:  # what _parse_yaml reports
            results.append((type(exc).__name__, str(exc)))
        finally:
            loader.dispose()
    return results[0], results[1]


UNUSUAL = [
    "title: Plain\nkeywords: [a, b]\nseo:\n  page_keywords: >-\n    x, y\n",
    "id: 12\nscore: -1.5\ndate: 2025-01-26\nwhen: 2025-01-26 10:00:00\ndraft: true\nnone: ~\nyes: on\n",
    "base: &b {x: 1, y: [1, 2]}\nother: *b\n",  # an alias: one object in two places
    "base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\n",  # a merge key
    "=: value key\nplain: 1\n",
    "? [complex, key]\n: value\n",  # a key that is a list: unhashable
    "? {a: 1}\n: value\n",
    "tagged: !!binary aGVsbG8=\nset: !!set {a, b}\npairs: !!omap [{a: 1}, {b: 2}]\n",
    "custom: !thing x\n",  # a tag the safe loader refuses
    "stamp: !!timestamp 2001-12-14t21:59:43.10-05:00\nnumber: !!float '1.5'\nbad: !!int abc\n",
    "dup: 1\ndup: 2\n",
    "1: int key\n2025-01-26: date key\nnull: null key\ntrue: bool key\n",
    "text: 'Q&A and & signs, no anchor'\nlist:\n- a\n- - nested\n  - list\n",
    "- a list\n- not a mapping\n",
    "just text",
    "",
]


@pytest.mark.parametrize("text", UNUSUAL)
def test_unusual_documents_come_out_as_the_loader_builds_them(text):
    fast, own = both(text)
    assert fast == own and repr(fast) == repr(own)


def test_an_alias_still_makes_one_object():
    loader = FrontMatterLoader("base: &b {x: 1}\nother: *b\n")
    data = _construct(loader, loader.get_single_node(), anchors=True)
    assert data["base"] is data["other"]


def test_typed_scalars_keep_the_loaders_rules():
    loader = FrontMatterLoader("id: 7\ndate: 2025-01-26\nscore: 16.10\non: yes\nflag: false\n")
    data = _construct(loader, loader.get_single_node(), anchors=False)
    assert data == {"id": 7, "date": datetime.date(2025, 1, 26), "score": "16.10", "on": "yes", "flag": False}


@pytest.mark.parametrize("text", ["16:9", "1:1", "12:30", "190:20:30", "-1:30"])
def test_a_number_in_base_60_is_the_text_it_is(text):
    """YAML 1.1 reads ``16:9`` as the base-60 number 969: a keyword list ``[16:9, 4:3]`` gave the
    keywords 969 and 243, a title ``12:30`` the title 750. Hugo's and Obsidian's YAML (1.2) read them
    as text, as the loader reads YAML 1.1's other look-alikes (``16.10``, ``on``)."""
    for front_matter in (f"---\ntitle: {text}\ntags: [{text}, x]\n---\n",
                         f"---\ntitle: {text}\ntags:\n- {text}\n- '#' # a comment: PyYAML's reading\n---\n"):
        fm = read_front_matter("a.md", front_matter)
        assert fm.data["title"] == text and fm.data["tags"][0] == text
    assert read_front_matter("a.md", "---\nid: 0x1F\nn: 1_000\n---\n").data == {"id": 31, "n": 1000}


scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(),
                    st.dates(), st.floats(allow_nan=False))
keys = st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none(), st.dates())
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                      st.dictionaries(keys, inner, max_size=4)), max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, values, max_size=6), st.sampled_from([None, False, True]))
def test_any_dumped_document_comes_out_as_the_loader_builds_it(data, flow):
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True, sort_keys=False)
    fast, own = both(text)
    assert fast == own and repr(fast) == repr(own)


def test_a_file_reads_the_same_with_an_anchor_or_without():
    plain = read_front_matter("a.md", "---\ntitle: T\nkeywords: [a, b]\n---\nbody\n")
    shared = read_front_matter("b.md", "---\ntitle: &t T\nkeywords: [a, b]\nalso: *t\n---\nbody\n")
    assert plain.data == {"title": "T", "keywords": ["a", "b"]}
    assert shared.data == {"title": "T", "keywords": ["a", "b"], "also": "T"}


@pytest.mark.parametrize("text", [
    '---\ntitle: "a\\0b"\nseo:\n  page_keywords: "nul\\u0000kw, alpha"\ntags: ["\\x00"]\n---\n',
    '+++\ntitle = "a\\u0000b"\ntags = ["\\U00000000"]\n[seo]\npage_keywords = "nul\\u0000kw, alpha"\n+++\n',
])
def test_a_nul_written_as_an_escape_is_read_as_a_replacement_character_with_a_warning(text):
    """U+0000 cannot be in a file's front matter as it is (both parsers refuse it) but can be
    written as an escape; it is kept out of the graph (SQLite's text functions end a text there,
    and a patched build then lost the node), each field that held one named on its line."""
    fm = read_front_matter("a.md", text)
    assert fm.data["title"] == "a\ufffdb" and fm.data["seo"]["page_keywords"] == "nul\ufffdkw, alpha"
    assert fm.data["tags"] == ["\ufffd"]
    lines = {"title": 2, "seo.page_keywords": 4, "tags": 5} if text[0] == "-" else {
        "title": 2, "tags": 3, "seo.page_keywords": 4}  # TOML: a table's keys are named at its header
    assert sorted((p.message.split(" holds")[0], p.line, p.code) for p in fm.warnings) == sorted(
        (path, line, "control-character") for path, line in lines.items())
    assert read_front_matter("a.md", '---\ntitle: "a\\\\0 \\\\x00"\n---\n').data["title"] == "a\\0 \\x00"


@pytest.mark.parametrize("anchors", [False, True])
def test_a_date_that_is_none_is_read_as_text_with_a_warning_on_its_line(anchors):
    """``lastmod: 2025-02-30`` rejected the whole file with the line of the front matter's start and
    no field named; it is read as the text it is, named on its own line (with an alias or without)."""
    anchor = "&d " if anchors else ""
    text = f"---\ntitle: A\ntags: [x]\nlastmod: {anchor}2025-02-30\nwhen:\n  - 2024-13-01\n  - 2024-02-28\n---\n"
    fm = read_front_matter("d.md", text)
    assert fm.data["lastmod"] == "2025-02-30" and fm.data["when"] == ["2024-13-01", datetime.date(2024, 2, 28)]
    assert [(p.line, p.code, p.severity, p.message) for p in fm.warnings] == [
        (4, "date", "warning", "lastmod: '2025-02-30' is not a date (day is out of range for month); read as text"),
        (6, "date", "warning", "when: '2024-13-01' is not a date (month must be in 1..12); read as text")]
    assert read_front_matter("d.md", "---\ntitle: A\nlastmod: 2025-02-28\n---\n").warnings == []


def test_key_value_lines_are_properties_only_when_the_field_map_says_so():
    """Logseq's ``key:: value`` lines at the top of a page are its properties; elsewhere such a
    line (``std::vector<int> v;``, a Dataview field) is text, and a file of them has no front
    matter. A NUL there is read as U+FFFD, with a warning, as in YAML."""
    text = "rating:: 5\ntitle:: A\x00B\n\nstd::vector<int> v;\n"
    assert read_front_matter("a.md", text).syntax is None
    fm = read_front_matter("a.md", "\n" + text, properties=True)
    assert (fm.syntax, fm.line, fm.data) == ("properties", 2, {"rating": "5", "title": "A\ufffdB"})
    assert [(p.line, p.code) for p in fm.warnings] == [(3, "control-character")]
    assert read_front_matter("b.md", "std::vector<int> v;\n", properties=True).syntax is None


NOTION_ROW = ("# Deploy the site ##\n\nCategory: Operations\nTags: ci, Machine Learning\n"
              "Created: January 5, 2024 3:04 PM\nDue: February 30, 2024\nAssignee:\nNote: a\x00b\n\n"
              "Status: this line is text\n")


def test_a_notion_pages_property_block_is_its_front_matter_only_when_the_field_map_says_so():
    """A Notion database row exported as Markdown: ``# Title``, a blank line, ``Key: value`` lines, a
    blank line, the text. The block is the page's properties (keys lower-cased, Notion's dates read as
    dates, the heading as the title), the body what follows; elsewhere such lines are text."""
    assert read_front_matter("a.md", NOTION_ROW).syntax is None
    fm = read_front_matter("a.md", "\n" + NOTION_ROW, notion=True)
    assert (fm.syntax, fm.line, fm.body) == ("notion", 2, "\nStatus: this line is text\n")
    assert fm.data == {"category": "Operations", "tags": "ci, Machine Learning",
                       "created": datetime.datetime(2024, 1, 5, 15, 4), "due": "February 30, 2024", "assignee": "",
                       "note": "a\ufffdb", "title": "Deploy the site"}
    assert (fm.line_of("tags"), fm.line_of("title")) == (5, 2)
    assert [(p.line, p.code) for p in fm.warnings] == [(9, "control-character")]


@pytest.mark.parametrize(("text", "data"), [
    ("# Page\n\nStatus: Done\nOwner: Jane\nMore text that goes on.\n", {"status": "Done", "owner": "Jane"}),
    ("# Page\n\nSummary: one line, then text\nthat goes on.\n", None),  # a paragraph that starts like one
    ("# Page\n\n- Tags: a list item\n", None),
    ("# Page\n\n1. Step: do it\n2. Step: done\n", None),
    ("# Page\n\n> Quote: said\n", None),
    ("# Page\n\nSee https://example.org\n", None),
    ("# Page\n\nMeet at 10:30 today\n", None),
    ("## Part\n\nTags: a\n", None),  # not under the page's title
    ("# Page\n", None),
    ("Tags: a\n", None),
])
def test_only_key_value_lines_under_the_title_are_a_notion_block(text, data):
    fm = read_front_matter("a.md", text, notion=True)
    assert ({k: v for k, v in fm.data.items() if k != "title"} if fm.syntax == "notion" else None) == data


def test_a_notion_value_ends_at_its_last_character_whatever_blanks_follow_it():
    """A value's trailing blanks are not its own. A line of 200,000 blanks between two words is read
    in one pass (a lazy value before the trailing blanks backtracked over every run of them:
    quadratic, some minutes for a line of a megabyte)."""
    fm = read_front_matter("a.md", "# Page\n\nTags: a, b \t \nEmpty:   \nNote: x" + " " * 200_000 + "y\n\nBody\n",
                           notion=True)
    assert fm.data["tags"] == "a, b" and fm.data["empty"] == "" and fm.data["note"] == "x" + " " * 200_000 + "y"


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_a_pasted_line_separator_is_text_and_problems_count_only_real_lines(separator):
    """A line or paragraph separator (or a NEL) pasted into a plain title is a line break to YAML
    1.1 (PyYAML) and text to YAML 1.2 (Obsidian): the file was lost as invalid YAML, its problem
    a line below the real one. It is read as text; a real error is named on the file's own line."""
    text = f"---\nquestion: Why{separator}now?\nkeywords: [a, b]\nseo:\n  title: x{separator}y\n---\nBody\n"
    fm = read_front_matter("q.md", text)
    assert fm.data == {"question": f"Why{separator}now?", "keywords": ["a", "b"], "seo": {"title": f"x{separator}y"}}
    assert fm.line_of("keywords") == 3 and fm.warnings == []
    broken = read_front_matter("q.md", f"---\nquestion: Why{separator}now?\nkeywords: [a, b\nseo: x\n---\n")
    assert (broken.line, broken.code) == (4, "yaml")


@pytest.mark.parametrize("closing", ["...", "...  "])
def test_yaml_front_matter_may_end_at_yamls_end_of_document(closing):
    """``...``, YAML's end of a document, closes a Jekyll page's front matter as ``---`` does: it was
    read as YAML with the body after it (invalid YAML), or was "not closed" when no ``---`` followed."""
    fm = read_front_matter("p.md", f"---\ntitle: Dots\ntags: [a, b]\n{closing}\nBody\n\n---\n\nAfter a rule\n")
    assert (fm.data, fm.body, fm.syntax, fm.key_lines) == (
        {"title": "Dots", "tags": ["a", "b"]}, "Body\n\n---\n\nAfter a rule\n", "yaml", {"title": 2, "tags": 3})
    assert read_front_matter("p.md", f"---\ntitle: Dots\n{closing}\n").body == ""
    assert str(read_front_matter("p.md", "+++\ntitle = 'T'\n...\n")) == (
        "p.md:1: front matter is not closed: no '+++' line after line 1")  # TOML's ends at +++ only


@pytest.mark.parametrize(("value", "kind"), [
    ("!!binary aGk=", "binary data"), ("true", "a boolean"), ("!!float 1", "a number"), ("12", "a number"),
    ("2024-01-01 10:00:00", "a date and time"), ("2024-01-01", "a date"), ("[a]", "a list"), ("text", "a string"),
])
def test_front_matter_that_is_no_mapping_says_what_it_is_in_words(value, kind):
    """Python's names were shown: "front matter is a bytes", "a bool", "a datetime"."""
    problem = read_front_matter("a.md", f"---\n{value}\n---\nBody\n")
    assert str(problem) == f"a.md:2: front matter is {kind}, not a mapping of fields"


def test_yaml_keys_spelled_apart_that_read_as_one_are_duplicates():
    """``null`` and ``~``, ``1`` and ``0x1``, ``true`` and ``1`` (Python's True equals 1) are one key of
    the mapping once read: the later value replaced the earlier without a word, as keys were told
    apart by their spelling. Text is text: ``'1'`` and ``1`` stay two keys, as ``2024-01-01`` and
    ``2024-01-01 00:00:00`` (a date and a time) do."""
    text = ("---\ntitle: T\nnull: a\n~: b\ntrue: c\n1: d\n0x1: e\n'1': f\n2024-01-01: g\n"
            "2024-01-01 00:00:00: h\nseo:\n  Null: i\n  NULL: j\n---\n")
    fm = read_front_matter("a.md", text)
    assert fm.data == {"title": "T", None: "b", True: "e", "1": "f", datetime.date(2024, 1, 1): "g",
                       datetime.datetime(2024, 1, 1): "h", "seo": {None: "j"}}
    assert [(p.line, p.message) for p in fm.warnings] == [
        (4, "duplicate key ~ (also on line 3 as null); the last one is used"),
        (6, "duplicate key 1 (also on line 5 as true); the last one is used"),
        (7, "duplicate key 0x1 (also on line 6 as 1); the last one is used"),
        (13, "duplicate key seo.NULL (also on line 12 as Null); the last one is used")]


def test_json_front_matter_says_its_duplicate_keys_and_the_lines_of_its_keys():
    """As YAML's: a key given twice is a warning on its line (JSON keeps the last; it was said of
    YAML only), and a nested object's keys have their lines; a key in a text value is no key."""
    text = ('{\n  "title": "A \\"title\\": of its own",\n  "seo": {"page_keywords": "a",\n'
            '          "page_keywords": "b"},\n  "tags": [{"title": 1}],\n  "title": "B"\n}\nBody\n')
    fm = read_front_matter("a.md", text, json_object=True)
    assert fm.data["title"] == "B" and fm.body == "Body\n"
    assert fm.key_lines == {"title": 6, "seo": 3, "seo.page_keywords": 4, "tags": 5}
    assert [(p.line, p.message, p.severity) for p in fm.warnings] == [
        (4, "duplicate key seo.page_keywords (also on line 3); the last one is used", "warning"),
        (6, "duplicate key title (also on line 2); the last one is used", "warning")]


def test_json_front_matter_of_100000_keys_and_2000_repeated():
    """Each key's line was found by a search of the whole text of its own: minutes for such a file."""
    keys = [f'"k{i}": {i}' for i in range(100_000)] + ['"k7": 0'] * 2000
    fm = read_front_matter("a.md", '{"title": "T",\n' + ",\n".join(keys) + "\n}\n", json_object=True)
    assert len(fm.data) == 100_001 and fm.key_lines["k99999"] == 100_001 and fm.key_lines["k7"] == 102_001
    assert [(p.line, p.message) for p in fm.warnings[:2] + fm.warnings[-1:]] == [
        (100_002, "duplicate key k7 (also on line 9); the last one is used"),
        (100_003, "duplicate key k7 (also on line 100002); the last one is used"),
        (100_022, "1,980 more duplicate keys after these; the last of each is used")]


@pytest.mark.parametrize(("text", "line"), [
    ("---\ntitle: x\ntags:\n\t- a\n---\n", 4),
    ("---\n\ttitle: x\n---\n", 2),
    ("---\ntitle: x\nseo:\n  \tpage_keywords: a\n---\n", 4),
])
def test_yaml_indented_with_a_tab_says_so(text, line):
    """libyaml says only that a character "cannot start any token": the tab is not named, nor seen."""
    problem = read_front_matter("a.md", text)
    assert (problem.line, problem.message) == (line, "invalid YAML: found character that cannot start any token (while "
                                               "scanning for the next token); a tab indents the line, and YAML "
                                               "indents with spaces only")
    fm = read_front_matter("a.md", "---\ntitle:\tx\ntags: [a,\n\tb]\n---\n")  # a tab elsewhere is fine
    assert fm.data == {"title": "x", "tags": ["a", "b"]}


@pytest.mark.parametrize(("text", "line"), [
    ("---\nid: 1\ntitle: What is a hash table: key ideas?\n---\n", 3),
    ("---\ntitle: Plain title with a colon at its end:\nid: 1\n---\n", 2),
    ("---\nseo:\n  title: QuickTakes | Psychology: Memory\n---\n", 3),
])
def test_an_unquoted_colon_in_a_value_says_to_quote_it(text, line):
    """libyaml says only that "mapping values are not allowed": which value, and what to do, it does not say."""
    problem = read_front_matter("a.md", text)
    assert (problem.line, problem.message) == (line, "invalid YAML: mapping values are not allowed in this context; the "
                                               "value of title holds a colon that a space or the line's end follows, "
                                               "which starts a mapping: put the value in quotes, or fold it (>-)")
    problem = read_front_matter("a.md", "---\na: b\n  c: d\n---\n")  # no value before the colon: no such hint
    assert problem.message == "invalid YAML: mapping values are not allowed in this context"


@pytest.mark.parametrize(("text", "line", "message"), [
    ('---\ntitle: T\ntags: ["a", "\\uD83D\\uDE00"]\n---\n', 3,
     "invalid YAML: \\uD83D\\uDE00 is one character (\U0001F600) written as a UTF-16 pair, as JSON writes it, which "
     "YAML does not read: write it as \\U0001F600 or as the character itself"),
    ('---\ntitle: "a \\ude00 b"\n---\n', 2, "invalid YAML: \\ude00 is half of a UTF-16 pair (a lone surrogate), not "
                                             "a character"),
    ('---\ntitle: "\\U00110000"\n---\n', 2, "invalid YAML: found invalid Unicode character escape code (while "
                                            "parsing a quoted scalar)"),  # beyond Unicode: said as libyaml says it
])
def test_yaml_with_an_escape_of_a_utf16_surrogate_says_what_it_is(text, line, message):
    """libyaml calls the escape "invalid", which an emoji as JSON writes it is not to the person who wrote it."""
    problem = read_front_matter("a.md", text)
    assert (problem.line, problem.message) == (line, message)
    assert read_front_matter("a.md", '---\ntitle: "\\U0001F600"\n---\n').data == {"title": "\U0001F600"}


@pytest.mark.parametrize("text, data, body", [
    ("---\ntitle: A\n----\nText\n", {"title": "A"}, "-\nText\n"),  # the rest of the line is text of the page
    ("+++\ntitle = 'A'\n++++\nText\n", {"title": "A"}, "+\nText\n"),
    ("---\ntitle: A\n--- end\nText\n---\n", {"title": "A"}, " end\nText\n---\n"),  # the first such line closes it
    ("---\ntitle: A\n---\nText\n", {"title": "A"}, "Text\n"),
])
def test_loose_closing_ends_front_matter_at_a_line_starting_with_the_delimiter(text: str, data: dict[str, object],
                                                                               body: str):
    """Hugo's lexer closes front matter at the first line that starts with its delimiter (a closing ``----``,
    as etcd's docs write one); the rest of that line is the page's text. Without the flag, such a line
    closes nothing."""
    fm = read_front_matter("a.md", text, loose_closing=True)
    assert not isinstance(fm, Problem) and (fm.data, fm.body) == (data, body)
    strict = read_front_matter("a.md", "---\ntitle: A\n----\nText\n")
    assert isinstance(strict, Problem) and strict.code == "no-front-matter"


@pytest.mark.parametrize("text, lines", [
    # the plain shape (read without YAML's nodes), a blank line in the list
    ("---\ntitle: A\ntags:\n  - go\n\n  - 2023\nseo:\n  keywords:\n  - x\n---\n",
     {"title": 2, "tags": 3, "tags[0]": 4, "tags[1]": 6, "seo": 7, "seo.keywords": 8, "seo.keywords[0]": 9}),
    # read by PyYAML (a comment, a quoted item over two lines, a flow list over two lines)
    ("---\ntitle: A  # t\ntags:\n- \"a\n  b\"\n- c\nkw: [x,\n  y]\n---\n",
     {"title": 2, "tags": 3, "tags[0]": 4, "tags[1]": 6, "kw": 7, "kw[1]": 8}),
    # a text that starts below its key: a block (read either way), a plain text on the next line
    ("---\nkeywords: >-\n  a, b\nseo:\n  k: |\n    x\n---\n", {"keywords": 2, "keywords[0]": 3, "seo": 4, "seo.k": 5,
                                                           "seo.k[0]": 6}),
    ("---\nkeywords: >-  # the keywords\n  a, b\nd:\n  plain\n---\n", {"keywords": 2, "keywords[0]": 3, "d": 4, "d[0]": 5}),
    # a list on the key's line: its items have the key's line; a key given twice: the last one's items
    ("---\ntags: [a, b]\nt:\n- x\n- y\n- z\nt:\n- w\n---\n", {"tags": 2, "t": 7, "t[0]": 8}),
    ("\ufeff---\r\ntags:\r\n- a\r\n- b\r\n---\r\n", {"tags": 2, "tags[0]": 3, "tags[1]": 4}),
])
def test_the_items_of_a_list_written_one_a_line_have_their_lines(text: str, lines: dict[str, int]):
    """A problem with one tag of a list written one a line could only name the line of ``tags:``
    (or of the front matter): each item's line is kept, as ``key[i]``, whichever reader read it."""
    from qagraph.frontmatter import decode

    fm = read_front_matter("a.md", decode("a.md", text.encode()))
    assert not isinstance(fm, Problem) and fm.key_lines == lines


@pytest.mark.parametrize("text, lines", [
    ('+++\ntitle = "T"\ntags = [\n  "a",  # one\n  \'b\', """c\nd""",\n  "e",\n]\none = ["x", "y"]\n[params]\nz = [\n 1]\n+++\n',
     {"title": 2, "tags": 3, "tags[0]": 4, "tags[1]": 5, "tags[2]": 5, "tags[3]": 7, "one": 9, "params": 10, "z": 11}),
    ('{\n  "title": "T",\n  "tags": [\n    "a", ["b",\n "c"],\n    {"d": "]"}\n  ],\n  "one": ["x"]\n}\n',
     {"title": 2, "tags": 3, "tags[0]": 4, "tags[1]": 4, "tags[2]": 6, "one": 8}),
])
def test_the_items_of_a_toml_or_json_list_over_several_lines_have_their_lines(text: str, lines: dict[str, int]):
    """As a YAML list's: a TOML or JSON list of tags written over several lines gave each tag the line of
    its key (an array of a TOML table, after ``[params]``, is the table's, and not read so)."""
    fm = read_front_matter("a.md", text, json_object=True)
    assert not isinstance(fm, Problem) and fm.key_lines == lines
