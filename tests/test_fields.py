"""qagraph.fields: the field map's rules, one at a time, on one file's text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qagraph.errors import ERROR, SKIPPED, WARNING, UsageError
from qagraph.fields import ANY_SEPARATOR, DRAFT_MARKS, FieldMap, read_article
from qagraph.presets import preset

HUGO = preset("hugo").fields
JEKYLL = preset("jekyll").fields
OBSIDIAN = preset("obsidian").fields
GENERIC = preset("generic").fields
SITE = replace(GENERIC, drafts=DRAFT_MARKS)  #: the generic map fitted to a static site (MkDocs, Docusaurus...)


def read(name: str, text: str, fields: FieldMap = FieldMap()):
    return read_article(name, text, fields)


# -- overrides -------------------------------------------------------------------------------


def test_overrides_of_fields_and_settings():
    fm = FieldMap().with_overrides({
        "subject": "site", "keyword_separator": "space", "links": "wiki,markdown", "inline_tags": "yes",
        "subject_values": "every", "content_dir": "/content/", "title_fallback": "heading,file-name",
    })
    assert fm.subject == ("site",) and fm.subject_from == ("field", "url", "folder")
    assert fm.keyword_separator is None and fm.links == ("wiki", "markdown") and fm.inline_tags is True
    assert fm.subject_values == "every" and fm.content_dir == "content/"
    assert fm.title_fallback == ("heading", "file-name") and fm.overridden == ("subject",)
    assert FieldMap().with_overrides({"keyword_separator": "any"}).keyword_separator == ANY_SEPARATOR
    assert FieldMap().with_overrides({"keyword_separator": ";"}).keyword_separator == ";"
    # an explicit subject_from is kept as given
    assert FieldMap().with_overrides({"subject": "x", "subject_from": "folder"}).subject_from == ("folder",)


@pytest.mark.parametrize(("mapping", "message"), [
    ({"colour": "red"}, "unknown field 'colour'"),
    ({"links": "wiki,rst"}, "links takes wiki, markdown, hugo-ref, hugo-children, jekyll-ref, myst, html, quarto, docsify, docsify-relative, docsify-history, bookdown, notebook, nikola (comma-separated), not rst"),
    ({"identity": "slug"}, "identity takes one of url, path, page, not 'slug'"),
    ({"inline_tags": "maybe"}, "inline_tags takes yes or no"),
    ({"subject_from_url": "["}, "subject_from_url is not a regular expression"),
])
def test_bad_overrides_are_usage_errors(mapping, message):
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace(")", r"\)")):
        FieldMap().with_overrides(mapping)


@pytest.mark.parametrize(("name", "hint"), [
    ("tags", "(did you mean keywords=...? --field NAME=PATH reads the field NAME from the front matter's PATH: "
             "keywords=tags)"),
    ("categories", "(did you mean subject=...?"),
    ("keyword", "(did you mean 'keywords'?)"),
    ("keyword_seperator", "(did you mean 'keyword_separator'?)"),
    ("inline-tags", "(did you mean 'inline_tags'?)"),
])
def test_an_unknown_field_names_the_one_meant_and_not_every_setting(name, hint):
    """``--field tags=...`` (the site's name for the field, not qagraph's) or a misspelt setting is
    answered with the likeliest name meant and the dozen fields, not a list of 100 names."""
    with pytest.raises(UsageError) as raised:
        FieldMap().with_overrides({name: "x"})
    message = str(raised.value)
    assert message.startswith(f"unknown field {name!r} in field map {hint}"), message
    assert "the fields are title, question, answer," in message and "'Settings of a field map'" in message
    assert "logseq_legacy_names" not in message and len(message) < 400


def test_a_field_mapped_to_nothing_reads_none_and_is_no_missing_field(tmp_path):
    """``--field keywords=`` (the keywords off) warned "no file has  (--field keywords=); the files'
    fields are: ...", as if a field of no name were missing from every file."""
    import qagraph

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "a.md").write_text("---\ntitle: A\nlabels: [x, y]\n---\nText.\n", encoding="utf-8")
    def build(keywords):
        return qagraph.build(tmp_path / "notes", preset="generic", overrides={"keywords": keywords})

    assert [p.message for p in build("").problems] == []
    assert build("labels").counts["nodes"]["keyword"] == 2
    assert [p.message for p in build("nothere").problems if "no file has nothere" in p.message]  # a real one still is


def test_settings_are_json_able_for_the_report():
    import json

    settings = HUGO.settings()
    assert json.loads(json.dumps(settings)) == settings
    assert settings["identity"] == "page" and settings["subject"] == ["categories", "category"]
    labelled = replace(GENERIC, folder_labels=(("docs/api", "API"),)).settings()
    assert json.loads(json.dumps(labelled)) == labelled and labelled["folder_labels"] == [["docs/api", "API"]]


# -- files without front matter --------------------------------------------------------------


@pytest.mark.parametrize(("fields", "name", "outcome"), [
    (FieldMap(), "a/x.md", ERROR),
    (HUGO, "a/x.md", "article"),  # Hugo publishes it, titled by the heading it opens with
    (GENERIC, "a/x.md", SKIPPED),
    (OBSIDIAN, "a/x.md", "article"),
    (JEKYLL, "_posts/2020-01-02-x.md", "article"),
    (JEKYLL, "x.md", SKIPPED),  # at the root Jekyll copies it as a file
])
def test_no_front_matter_by_preset(fields, name, outcome):
    article, problems = read(name, "# A heading\n\nText.\n", fields)
    if outcome == "article":
        assert article is not None and problems == []
    else:
        assert article is None and [p.severity for p in problems] == [outcome]


def test_a_hugo_file_without_front_matter_that_does_not_open_with_a_heading_is_skipped():
    assert [p.severity for p in read("a/x.md", "{{< note >}}\n# Later\n", HUGO)[1]] == [SKIPPED]
    assert [p.severity for p in read("README.md", "# The repository\n", HUGO)[1]] == [SKIPPED]


def test_empty_files():
    assert read("a/x.md", "")[1][0].message == "empty file: no front matter"
    article, problems = read("a/Empty.md", "", OBSIDIAN)
    assert (article.title, article.body, problems) == ("Empty", "", [])


# -- titles ----------------------------------------------------------------------------------


def test_title_fallbacks():
    assert read("a/x.md", "---\ntags: [a]\n---\n# From the heading\n", GENERIC)[0].title == "From the heading"
    article, problems = read("a/file name.md", "---\ntags: [a]\n---\nno heading\n", GENERIC)
    assert article.title == "file name" and [p.code for p in problems] == ["no-title"]
    assert problems[0].severity == WARNING
    # Jekyll's Utils.titleize_slug: words between hyphens, each capitalised
    assert read("_posts/2019-01-02-my-first_post.md", "---\ntitle:\n---\n", JEKYLL)[0].title == "My First_post"
    # Obsidian titles by file name even when a title field exists, and says nothing
    article, problems = read("Notes/Idea.md", "---\ntitle: Something else\n---\n# Heading\n", OBSIDIAN)
    assert (article.title, article.extra["title"], problems) == ("Idea", "Something else", [])
    assert read("a/x.md", "---\ntags: [a]\n---\n")[1][0].code == "no-title"  # the Q&A format: an error


@pytest.mark.parametrize("title", ['"\\u200b"', '"\\u202e \\u200d\\ufeff"', "\u2060\u00ad"])
def test_a_title_of_characters_that_show_nothing_is_no_title(title):
    """A zero-width space, a bidi control, a BOM: an article titled so was listed as a blank line."""
    article, problems = read("a/x.md", f"---\ntitle: {title}\n---\n# From the heading\n", GENERIC)
    assert article.title == "From the heading" and problems == []
    article, problems = read("x/q.md", f"---\ntitle: {title}\nquestion: Q?\nurl: /learn/x/questions/q\n---\n")
    assert article.title == "Q?" and problems == []
    _, problems = read("x/q.md", f"---\ntitle: {title}\nurl: /learn/x/questions/q\n---\n")
    assert [(p.line, p.message, p.severity) for p in problems] == [
        (2, "no title: none of title, article_title, question is set", ERROR)]


# -- subjects --------------------------------------------------------------------------------


def test_subject_from_a_list_every_value_or_first():
    text = "---\ntitle: T\ncategories: [Templates, fundamentals, Go]\nkeywords: [layout]\n---\n"
    article, _ = read("content/other/x.md", text, HUGO)
    assert (article.subject_slug, article.subject, article.keywords) == (
        "templates", "Templates", ("layout", "fundamentals", "Go"))
    article, _ = read("content/other/x.md", text, replace(HUGO, subject_values="first"))
    assert article.keywords == ("layout",)
    assert "categories" not in article.extra  # used, not dropped silently: it decided the subject


def test_subject_from_a_string_is_split_only_for_list_fields():
    article, _ = read("_posts/x.md", "---\ntitle: T\ncategories: linux tips\n---\n", JEKYLL)
    assert (article.subject_slug, article.keywords) == ("linux", ("tips",))
    article, _ = read("_posts/x.md", "---\ntitle: T\nsite: Ask Ubuntu\n---\n", JEKYLL)
    assert (article.subject_slug, article.subject) == ("ask-ubuntu", "Ask Ubuntu")


def test_subject_from_the_folder_skips_site_folders_and_years():
    fields = replace(JEKYLL, subject=())
    assert read("blog/_posts/2018/x.md", "---\ntitle: T\n---\n", fields)[0].subject_slug == "blog"
    assert read("_posts/2018/x.md", "---\ntitle: T\n---\n", fields)[0].subject_slug == "uncategorised"
    article, _ = read("01 - Community/People/Ann.md", "text", OBSIDIAN)
    assert (article.subject_slug, article.subject) == ("01-community", "01 - Community")
    article, _ = read("content/getting-started/x.md", "---\ntitle: T\n---\n", replace(HUGO, content_dir="content/"))
    assert (article.subject_slug, article.subject) == ("getting-started", "Getting started")


def test_subject_in_any_script_keeps_a_slug():
    article, _ = read("x.md", "---\ntitle: T\ncategories: [機械学習]\n---\n", HUGO)
    assert (article.subject_slug, article.subject) == ("機械学習", "機械学習")


@pytest.mark.parametrize("name", ["C", "C++", "C#", "F#", "Notepad++"])
def test_subjects_that_differ_by_a_sign_after_a_letter_are_not_one(name):
    """``categories: [C++]``, ``[C#]`` and ``[C]`` had the one slug ``c``: three languages' posts were
    one subject, without a word. The signs are spelled out; others (``&``, a leading ``#``) are dropped."""
    slug = {"C": "c", "C++": "c-plus-plus", "C#": "c-sharp", "F#": "f-sharp", "Notepad++": "notepad-plus-plus"}[name]
    article, problems = read("_posts/2024-01-02-x.md", f"---\ntitle: T\ncategories: [{name!r}]\n---\n", JEKYLL)
    assert (article.subject_slug, article.subject, problems) == (slug, name, [])
    folder = replace(JEKYLL, subject=())  # a folder so named, too
    assert read(f"{name}/_posts/2024-01-02-x.md", "---\ntitle: T\n---\n", folder)[0].subject_slug == slug
    article, _ = read("x.md", "---\ntitle: T\ncategories: ['#general', 'Science & Tech']\n---\n", HUGO)
    assert (article.subject_slug, article.subject) == ("general", "#general")


def test_the_qa_format_subject_rule_is_unchanged():
    # slug from the url, else the top folder; the label as written
    text = "---\ntitle: T\nsubject: Computer Science\nurl: /learn/computer-science/questions/t\n---\n"
    assert read("cs/t.md", text)[0].subject_slug == "computer-science"
    assert read("cs/t.md", "---\ntitle: T\nsubject: Computer Science\n---\n")[0].subject_slug == "cs"
    assert read("t.md", "---\ntitle: T\nsubject: Computer Science\n---\n")[0].subject_slug == "computer-science"


# -- keywords --------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    ("command-line bash scripts", ("command-line", "bash", "scripts")),
    ("array,intermediate", ("array", "intermediate")),
    ("array, intermediate ,", ("array", "intermediate")),
    ("[Go, go, Web]", ("Go", "Web")),
    ("\n  - \n", ()),
])
def test_keywords_any_separator(value, expected):
    article, _ = read("a/x.md", f"---\ntitle: T\ntags: {value}\n---\n", GENERIC)
    assert article.keywords == expected


def test_keywords_merged_from_every_field_and_inline_tags():
    text = "---\ntags: [a, '#b']\ntag: c\n---\nText #d and #a.\n"
    assert read("n/x.md", text, OBSIDIAN)[0].keywords == ("a", "b", "c", "d")
    text = "---\ntitle: T\nkeywords: [x]\ntags: [y]\n---\n"
    assert read("x.md", text, HUGO)[0].keywords == ("x", "y")
    assert read("x.md", text)[0].keywords == ("x",)  # the Q&A format takes the first field only


@pytest.mark.parametrize("fields, text, kept, line, message", [
    (FieldMap(), "---\ntitle: T\nurl: /learn/x/questions/t\nkeywords: {a: 1}\n---\n", (), 4,
     "keywords: keywords is a mapping, not a list or text; ignored"),
    (FieldMap(), "---\ntitle: T\nseo:\n  page_keywords: [good, {bad: 1}, [nested]]\n---\n", ("good",), 4,
     "keywords: 2 of the 3 items of seo.page_keywords are not text (a mapping or a list); ignored"),
    (HUGO, "---\ntitle: T\ntags:\n  - go\n  - {x: 1}\n---\n", ("go",), 3,
     "keywords: 1 of the 2 items of tags is not text (a mapping or a list); ignored"),
    (OBSIDIAN, "---\ntags: {x: 1}\n---\nText #d.\n", ("d",), 2,
     "keywords: tags is a mapping, not a list or text; ignored"),
])
def test_keywords_that_cannot_be_keywords_are_left_out_with_a_warning(fields, text, kept, line, message):
    article, problems = read("a/x.md", text, fields)
    assert article.keywords == kept
    assert [(p.line, p.message, p.severity, p.code) for p in problems] == [(line, message, WARNING, "keywords")]


@pytest.mark.parametrize("field, value, message", [
    ("answer", "{z: 1}", "answer is a mapping, not text; ignored"),
    ("url", "{u: 1}", "url is a mapping, not text; ignored"),
    ("author", "[{n: 1}]", "author is a list whose first item is a mapping, not text; ignored"),
    ("description", "[[a], b]", "description is a list whose first item is a list, not text; ignored"),
    ("subject", "[null, x]", "subject is a list whose first item is empty, not text; ignored"),
])
def test_a_field_that_cannot_be_text_is_left_out_with_a_warning(field, value, message):
    text = f"---\nquestion: Q?\nanswer: A\nurl: /learn/x/questions/q\n{field}: {value}\n---\n"
    text = text.replace(f"{field}: A\n", "").replace(f"{field}: /learn/x/questions/q\n", "")
    article, problems = read("x/q.md", text)
    assert article is not None
    assert [(p.line, p.message, p.severity) for p in problems] == [(text[:text.index(f"{field}: ")].count("\n") + 1,
                                                                    message, WARNING)]
    blank = read("x/q.md", text.replace(f"{field}: {value}", f"{field}: ''"))[1]
    assert blank == []  # an empty value is no value, not a problem


@pytest.mark.parametrize("url", ["https://x:port/a", "https://[zz]/a", "https://a[1]/b"])
def test_a_url_no_iri_can_name_is_kept_with_a_warning(url):
    """Its article stays (the url is its key); the RDF leaves out its schema:url, and says why here."""
    text = f"---\nquestion: Q?\nanswer: A\nurl: '{url}'\nrelated_article1:\n  url: '{url}/b'\n---\n"
    article, problems = read("x/q.md", text)
    assert article is not None and article.url == url and article.related[0].url == url + "/b"
    assert [(p.line, p.message, p.severity, p.code) for p in problems] == [
        (4, f"url {url!r} has no valid host and port: the RDF gives the article no schema:url", WARNING, "url"),
        (5, f"related_article1: url {url + '/b'!r} has no valid host and port: the RDF gives it no schema:url",
         WARNING, "related")]
    fine = text.replace(url, "/learn/x/questions/a[1]")
    assert read("x/q.md", fine)[1] == []  # brackets in a site path are escaped, not a problem


@pytest.mark.parametrize("name, date, message", [
    ("_posts/2024-3-5-x.md", "2024-03-05", None),
    ("_posts/2024-13-45-x.md", None, "the date 2024-13-45 in the file name is not a day (month must be in 1..12); "
                                     "the post has no date"),
    ("_posts/2024-02-30-x.md", None, "the date 2024-02-30 in the file name is not a day (day is out of range for "
                                     "month); the post has no date"),
])
def test_a_post_whose_file_name_names_no_day_is_said_and_has_no_date(name, date, message):
    """The date was kept as written (2024-13-45, in the database and the RDF) without a word; Jekyll stops on it."""
    article, problems = read(name, "---\ntitle: T\n---\n", JEKYLL)
    assert article is not None and article.date == date
    assert [(p.line, p.message, p.severity) for p in problems] == ([(None, message, WARNING)] if message else [])
    dated = read(name, "---\ntitle: T\ndate: 2024-01-01\n---\n", JEKYLL)  # the front matter's date wins
    assert (dated[0].date, dated[1]) == ("2024-01-01", [])


def test_keys_that_are_one_name_as_text_are_said_and_named_as_the_file_writes_them():
    """``1`` and ``'1'`` (or ``null`` and ``'null'``, a date and its text) are two keys to YAML and one
    name among the fields kept as data, whose keys are text: the first value was lost without a word,
    and a key ``null`` or ``false`` was kept as Python writes it (``None``, ``False``)."""
    text = "---\ntitle: T\n1: one\n'1': text one\nnull: n\nfalse: f\n2024-01-01: d\n'2024-01-01': e\n---\n"
    article, problems = read("x/q.md", text)
    assert article is not None
    assert article.extra == {"1": "text one", "null": "n", "false": "f", "2024-01-01": "e"}
    assert [(p.line, p.message, p.severity) for p in problems] == [
        (4, "keys 1 and '1' are both '1' as text; the value of the last is kept", WARNING),
        (8, "keys 2024-01-01 and '2024-01-01' are both '2024-01-01' as text; the value of the last is kept", WARNING)]


@pytest.mark.parametrize("link, kept, message", [
    ("{url: {a: 1}}", None, "related_article1: url is a mapping, not text; ignored"),  # "has neither url nor id"
    ("{id: [1]}", None, "related_article1: id [1] is not an integer; ignored"),
    ("{url: /learn/x/questions/b, id: x}", ("/learn/x/questions/b", None),  # the id was dropped without a word
     "related_article1: id 'x' is not an integer; the url is used"),
    ("{url: /learn/x/questions/b, id: true}", ("/learn/x/questions/b", None),
     "related_article1: id true is not an integer; the url is used"),
    ("{url: [{u: 1}], id: 7}", (None, 7), "related_article1: url is a list whose first item is a mapping, not text; "
                                          "the id is used"),
    ("{url: {a: 1}, id: 1.5}", None, "related_article1: url is a mapping, not text and id '1.5' is not an integer; "
                                     "ignored"),
    ("{url: '', id: '  '}", None, "related_article1 has neither url nor id; ignored"),
])
def test_a_related_link_s_url_or_id_that_cannot_be_read_is_said(link, kept, message):
    text = f"---\nquestion: Q?\nanswer: A\nurl: /learn/x/questions/q\nrelated_article1: {link}\n---\n"
    article, problems = read("x/q.md", text)
    assert article is not None
    assert [(l.url, l.id) for l in article.related] == ([kept] if kept else [])
    assert [(p.line, p.message, p.severity, p.code) for p in problems] == [(5, message, WARNING, "related")]


def test_a_script_url_is_kept_with_a_warning():
    text = ("---\nquestion: Q?\nanswer: A\nurl: 'javascript:alert(document.domain)'\nrelated_article1:\n"
            "  url: 'javascript:alert(11)'\n---\n")
    article, problems = read("x/q.md", text)
    assert article is not None and article.url == "javascript:alert(document.domain)"
    assert [(p.line, p.message, p.code) for p in problems] == [
        (4, "url 'javascript:alert(document.domain)' is neither a site path nor an http(s) url: "
            "the RDF gives the article no schema:url", "url"),
        (5, "related_article1: url 'javascript:alert(11)' is neither a site path nor an http(s) url: "
            "the RDF gives it no schema:url", "related")]


@pytest.mark.parametrize("field, value, message", [
    ("id", "true", "id true is not an integer; kept as data"),
    ("id", "2024-01-01", "id 2024-01-01 is not an integer; kept as data"),
    ("id", "[1, null]", "id [1, null] is not an integer; kept as data"),
    ("id", "{a: false}", "id {'a': false} is not an integer; kept as data"),
    ("score", "true", "score true is not a number; kept as data"),  # float() made it 1.0
    ("score", "2024-01-01 10:00:00", "score 2024-01-01T10:00:00 is not a number; kept as data"),
    ("no_index", "[x]", "no_index ['x'] is not a boolean; kept as data"),
    ("id", "[" + ", ".join(["2024-01-01"] * 50_000) + "]",
     "id [2024-01-01, 2024-01-01, 2024-01-01, 202... is not an integer; kept as data"),
])
def test_a_value_in_a_warning_is_shown_as_the_file_writes_it(field, value, message):
    """As YAML writes it, not as Python does: ``id True``, ``id datetime.date(2024, 1, 1)`` were shown."""
    text = f"---\nquestion: Q?\nanswer: A\nurl: /learn/x/questions/q\n{field}: {value}\n---\n"
    article, problems = read("x/q.md", text)
    assert article is not None and article.score is None
    assert [(p.line, p.message, p.severity) for p in problems] == [(5, message, WARNING)]


@pytest.mark.parametrize("key, shown, held", [
    ("\u200btitle", "'\\u200btitle'", "U+200B ZERO WIDTH SPACE"),
    ("title\u00a0", "'title\\xa0'", "U+00A0 NO-BREAK SPACE"),
    ("\uff54itle", "'\uff54itle'", "U+FF54 FULLWIDTH LATIN SMALL LETTER T"),
])
def test_a_key_that_looks_like_a_field_but_is_not_is_said(key, shown, held):
    """The site reads no title there either; but "no title: none of title ... is set" named the field the
    file plainly had, and said nothing of what is in the way."""
    article, problems = read("a/x.md", f"---\n{key}: Pasted\ntags: [a]\n---\n", GENERIC)
    assert article.title == "x"
    assert [(p.line, p.message) for p in problems] == [
        (2, f"the key {shown} is not title: it holds {held}; the field is not read (write title)"),
        (2, "no title: none of title, name, question, article_title is set; titled by its file name")]
    assert read("a/x.md", f"---\ntitle: T\n{key}: Pasted\n---\n", GENERIC)[1] == []  # the field is there: no matter
    assert read("a/x.md", "---\nTitle: T\n\u540d\u524d: x\n---\n", GENERIC)[1][0].code == "no-title"  # case: a site's call


def test_a_title_that_cannot_be_text_is_the_reason_of_the_error():
    _, problems = read("x/q.md", "---\nanswer: A\nquestion: {a: 1}\n---\n")
    assert [(p.line, p.message, p.severity) for p in problems] == [
        (3, "no title: question is a mapping, not text", ERROR)]
    _, problems = read("x/q.md", "---\nanswer: A\n---\n")
    assert problems[0].message == "no title: none of title, article_title, question is set"


def test_a_list_in_a_field_of_one_value_keeps_its_first_item_with_a_warning():
    text = "---\nquestion: Q?\nanswer:\n  - point one\n  - point two\nsubject: [Physics, Chemistry]\n---\n"
    article, problems = read("x/q.md", text)
    assert article is not None and article.answer == "point one" and article.subject == "Physics"
    assert [(p.line, p.message) for p in problems] == [(3, "answer is a list of 2 items; only the first is kept")]
    post = "---\ntitle: T\nauthors: [Ann, Bo]\ncategories: [Dev, Ops]\n---\n"
    article, problems = read("posts/p.md", post, HUGO)
    assert article is not None and article.subject == "Dev" and problems == []  # fields that list by nature


@pytest.mark.parametrize(("authors", "author", "warned"), [
    ("[Ann, Bo]", "Ann, Bo", None),
    ("[Ann, Bo, Ann]", "Ann, Bo", None),
    ("\n  - Ann\n  - {name: Bo}\n  - Cy", "Ann, Cy", "authors holds 1 item that is not text; ignored"),
    ("[null, Bo]", "Bo", None),
    ("[Ann]", "Ann", None),
    ("[{n: 1}, [x]]", None, "authors is a list whose first item is a mapping, not text; ignored"),
])
def test_every_author_of_a_list_is_kept(authors: str, author: str | None, warned: str | None):
    """Hugo's authors: [Ann, Bo] gave the article the author Ann alone (a list's first item), where the
    page shows both, and a Docusaurus post kept every author: every name of the list is kept, in its order."""
    article, problems = read("posts/p.md", f"---\ntitle: T\nauthors: {authors}\n---\n", HUGO)
    assert article is not None and article.author == author
    assert [p.message for p in problems] == ([warned] if warned else [])


@pytest.mark.parametrize(("author", "shown"), [
    ("\n  - name: Norah Jones\n    orcid: 0000-0000\n    affiliations:\n      - name: CMU\n  - name: Bill Smith", "Norah Jones, Bill Smith"),
    ("\n  name: Norah Jones\n  email: n@example.org", "Norah Jones"),
    ("\n  - name: {given: Norah, family: Jones}\n  - Bill Smith", "Norah Jones, Bill Smith"),
    ("\n  - name: {literal: The Team}", "The Team"),
    ("Norah Jones", "Norah Jones"),
])
def test_an_author_mapping_stands_for_the_person_it_names_where_the_site_says_so(author: str, shown: str):
    """Quarto's authors are mappings (``- name: Norah Jones`` with an ``orcid``, ``affiliations``...), one
    or a list, the name itself a text or ``{given, family}`` or ``{literal}``: the page shows their names.
    Every such author was dropped with a warning (a list whose first item is a mapping)."""
    quarto = replace(preset("generic").fields, author=("author", "authors"), author_mappings=True)
    article, problems = read("docs/guide.qmd", f"---\ntitle: Guide\nauthor: {author}\n---\n", quarto)
    assert article is not None and article.author == shown and problems == []


@pytest.mark.parametrize("value", ["last-modified", "today", "now", "Last-Modified"])
def test_a_date_that_names_the_day_of_a_render_is_no_date_of_the_page(value: str):
    """Quarto's ``date: last-modified`` (``today``, ``now``) is the day each render is made, not a day the
    page says: it was kept as the page's date, the text ``last-modified``, with a warning that it is no ISO
    date. The page has no date; a site that has no such values still warns of the text."""
    quarto = replace(preset("generic").fields, dynamic_dates=("last-modified", "today", "now"))
    article, problems = read("docs/guide.qmd", f"---\ntitle: Guide\ndate: {value}\n---\n", quarto)
    assert article is not None and article.date is None and problems == []
    article, problems = read("docs/guide.md", f"---\ntitle: Guide\ndate: {value}\n---\n", preset("generic").fields)
    assert article is not None and article.date == value
    assert [p.message for p in problems] == [f"date {value!r} is not an ISO date; kept as text"]


def test_a_field_that_is_not_text_gives_way_to_the_next_that_is():
    article, problems = read("x/q.md", "---\ntitle: {a: 1}\nquestion: Q?\nanswer: A\n---\n")
    assert article is not None and article.title == "Q?"
    assert [(p.line, p.message) for p in problems] == [(2, "title is a mapping, not text; ignored")]
    article, problems = read("posts/p.md", "---\ntitle: [[x]]\n---\n# Heading\n", HUGO)
    assert article is not None and article.title == "Heading"
    found = [(p.line, p.message) for p in problems]
    assert (2, "title is a list whose first item is a list, not text; ignored") in found


# -- identity, dates, skipped pages, broken front matter -------------------------------------


def test_identity_modes():
    text = "---\ntitle: T\nurl: /custom/\n---\n"
    assert read("content/a/b/index.md", text, replace(HUGO, content_dir="content/"))[0].key == "a/b"
    assert read("content/a/_index.md", text, replace(HUGO, content_dir="content/"))[0].key == "a"
    assert read("content/_index.md", text, replace(HUGO, content_dir="content/"))[0].key == "/"
    assert read("a/b.md", text, GENERIC)[0].key == "/custom"
    assert read("a/b.md", text, replace(GENERIC, identity="path"))[0].key == "a/b"
    # a Jekyll permalink pattern names no one page
    article, _ = read("_posts/2018-01-01-x.md", "---\ntitle: T\npermalink: /:categories/:title/\n---\n", JEKYLL)
    assert article.key == "_posts/2018-01-01-x" and article.extra["permalink"] == "/:categories/:title/"


def test_headless_pages_are_skipped():
    for text in ("+++\nheadless = true\n+++\n", "---\ntitle: T\n_build:\n  render: never\n---\n",
                 "---\ntitle: T\nbuild:\n  render: false\n---\n"):
        article, problems = read("content/x/index.md", text, HUGO)
        assert article is None and [p.code for p in problems] == ["headless"] and problems[0].severity == SKIPPED
    assert read("x.md", "---\ntitle: T\nheadless: true\n---\n", GENERIC)[0] is not None


@pytest.mark.parametrize("render", ['"false"', "'true'", "sometimes"])
def test_a_hugo_page_whose_render_is_a_text_hugo_does_not_know_is_a_page(render: str):
    """Hugo reads ``_build.render`` as ``always``, ``never`` or ``link`` (a bool as ``1`` or ``0``); any
    other text, the quoted ``"false"`` that Blowfish's example site writes of its external article, is
    its default, ``always``: the page is published. Before, a ``"false"`` text was skipped as headless."""
    article, problems = read("content/x/index.md", f"---\ntitle: T\n_build:\n  render: {render}\n  list: local\n---\n", HUGO)
    assert article is not None and article.title == "T" and problems == []


@pytest.mark.parametrize(("fields", "name", "front_matter", "skipped"), [
    (HUGO, "content/x.md", "draft: true", True),
    (HUGO, "content/x.md", "published: false", True),  # Hugo reads it as draft: true
    (JEKYLL, "_posts/2020-01-01-x.md", "published: false", True),
    (JEKYLL, "_posts/2020-01-01-x.md", "published: 'false'", True),
    (JEKYLL, "_posts/2020-01-01-x.md", "draft: true", False),  # Jekyll's drafts are in _drafts/: this one is published
    (SITE, "blog/x.md", "draft: true", True),  # Docusaurus, MkDocs's blog, Eleventy's base blog, Astro's starters
    (SITE, "blog/x.md", "published: false", True),
    (SITE, "blog/x.md", "draft: false", False),
    (HUGO, "content/x.md", "draft: false\npublished: false", False),  # Hugo reads draft over published
    (GENERIC, "notes/x.md", "draft: true", False),  # no site tool publishes the folder: a page is a page
    (OBSIDIAN, "notes/x.md", "draft: true", False),  # a note of the vault, whatever it says
])
def test_drafts_the_site_does_not_publish_are_skipped(fields, name, front_matter, skipped):
    """(``SITE``: the generic map as a static site's config fits it)"""
    article, problems = read(name, f"---\ntitle: T\n{front_matter}\n---\nText.\n", fields)
    if skipped:
        assert article is None and [(p.code, p.severity, p.line) for p in problems] == [("headless", SKIPPED, 3)]
        assert problems[0].message == f"{front_matter.replace(chr(39), '')}: not a page"
    else:
        assert article is not None and not problems


@pytest.mark.parametrize(("fields", "name", "front_matter"), [
    (GENERIC, "content/404.md", "permalink: 404.html\neleventyExcludeFromCollections: true"),  # Eleventy's base blog
    (JEKYLL, "_pages/404.md", "title: Page Not Found\nlayout: single\npermalink: /404.html"),  # Jekyll themes
    (HUGO, "content/404.md", "title: Not found\nurl: /404/"),
    (JEKYLL, "404.md", "title: Page Not Found\nlayout: default"),  # Jekyll publishes it at /404.html
    (replace(JEKYLL, content_dir="source/"), "source/404.md", "title: '404'\nlayout: page"),  # Hexo's source/
])
def test_the_site_s_not_found_page_is_no_article(fields, name, front_matter):
    """The page a site shows for a url it does not have (404.html) was an article of every Eleventy base
    blog's graph, "Content not found.", linked to nothing; so was a Jekyll or Hexo site's 404.md, which
    needs no permalink: it is published at /404.html. Elsewhere, or with a permalink of its own, a 404
    page is a page."""
    article, problems = read(name, f"---\n{front_matter}\n---\n# Content not found.\n\nGo home.\n", fields)
    assert article is None and [(p.code, p.severity) for p in problems] == [("headless", SKIPPED)]
    assert problems[0].message.startswith("the site's not-found page (")
    assert read("content/404-errors.md", "---\ntitle: HTTP 404 errors\n---\nWhy.\n", GENERIC)[0] is not None
    assert read("docs/404.md", "---\ntitle: Status codes: 404\n---\nWhy.\n", JEKYLL)[0] is not None
    assert read("404.md", "---\ntitle: Lost\npermalink: /lost/\n---\nWhy.\n", JEKYLL)[0] is not None


@pytest.mark.parametrize(("name", "front_matter"), [
    ("_tabs/archives.md", "layout: archives\nicon: fas fa-archive\norder: 3"),  # Chirpy's sidebar tabs
    ("_tabs/tags.md", "layout: tags\ntitle: Tags\nicon: fas fa-tags\norder: 2"),
    ("_pages/category-archive.md", "title: Posts by Category\nlayout: categories\npermalink: /categories/"),
    ("_pages/year-archive.md", "title: Posts by Year\npermalink: /posts/\nlayout: posts"),  # Minimal Mistakes
])
def test_a_jekyll_listing_page_without_text_is_no_article(name, front_matter):
    """A theme's page that its layout fills with the site's posts (Chirpy's ``_tabs/archives.md``, ``layout:
    archives``; Minimal Mistakes' ``layout: categories``) and that has no text of its own was an article with
    nothing in it, a node no link reached, beside the posts: 3 of the 7 pages of Chirpy's own site. It is
    skipped, saying why; such a page with text of its own, and a page of another layout without text,
    are pages."""
    site = replace(JEKYLL, permalink="/posts/:title/")  # a site's config names its permalink
    article, problems = read(name, f"---\n{front_matter}\n---\n\n", site)
    assert article is None and [(p.code, p.severity) for p in problems] == [("headless", SKIPPED)]
    assert "lists the site's posts" in problems[0].message
    assert read(name, f"---\n{front_matter}\n---\nEvery post by the day it came out.\n", site)[0] is not None
    assert read("_tabs/about.md", "---\nlayout: page\norder: 4\n---\n", site)[0] is not None
    assert read("index.md", "---\nlayout: posts\n---\n", site)[0] is not None  # the home page, which links reach


@pytest.mark.parametrize(("front_matter", "date"), [
    ("date:\n  created: 2024-01-31\n  updated: 2024-02-02", "2024-01-31"),  # MkDocs Material's blog
    ("pubDate: 'Jul 08 2022'", "2022-07-08"),  # Astro's blog starter: its pubDate, as a browser's Date reads it
    ("pubDate: July 8, 2022", "2022-07-08"),
    ("date: 8 July 2022", "2022-07-08"),
    ("date: Sept 3 2021", "Sept 3 2021"),  # not a month's name or its three letters: kept as text
    ("publishDate: 2023-05-01", "2023-05-01"),
    ("date: 2024-03-01\npubDate: Jul 08 2022", "2024-03-01"),
])
def test_a_date_as_starter_sites_write_it(front_matter, date):
    article, problems = read("blog/x.md", f"---\ntitle: T\n{front_matter}\n---\nText.\n", GENERIC)
    assert article.date == date
    warned = ["date 'Sept 3 2021' is not an ISO date; kept as text"] if date.startswith("Sept") else []
    assert [p.message for p in problems] == warned


@pytest.mark.parametrize(("front_matter", "date"), [
    ("date: 2018-2-28", "2018-02-28"),  # a C++ blog's posts, as Jekyll (Ruby's Time.parse) reads them
    ("date: '2018-11-7'", "2018-11-07"),
    ("date: 2023-5-1 09:30:00 +0200", "2023-05-01 09:30:00 +0200"),
    ("date: 2023-2-30", "2023-2-30"),  # no such day: kept as text, with the warning
])
def test_a_date_written_without_its_leading_zeros(front_matter, date):
    """Jekyll reads ``date: 2018-2-28`` as the 28th of February and dates the post's url by it; such dates
    were kept as they were written, each with a warning (4 of 6 posts of a Chirpy blog), and sorted
    among the others as text (2018-2-28 after 2018-11-25). They are that day, written as ISO writes it."""
    article, problems = read("_posts/2018-02-28-x.md", f"---\ntitle: T\n{front_matter}\n---\nText.\n", JEKYLL)
    assert article.date == date
    warned = [f"date {date!r} is not an ISO date; kept as text"] if date.endswith("2-30") else []
    assert [p.message for p in problems] == warned


@pytest.mark.parametrize(("value", "date"), [("true", "true"), ("False", "false"), ("!!binary MjAyNA==", "2024")])
def test_a_date_that_yaml_reads_as_no_text_is_kept_as_the_file_writes_it(value, date):
    """``date: true`` was kept (and stated in the RDF as schema:dateCreated, in the database, in the
    warning) as Python writes the boolean, ``True``; the author and the title of the same file were
    ``true``. It is written as YAML writes it, as every other text field keeps it."""
    article, problems = read("notes/x.md", f"---\ntitle: T\ndate: {value}\n---\nText.\n", GENERIC)
    assert article.date == date
    assert [p.message for p in problems] == [f"date {date!r} is not an ISO date; kept as text"]


def test_date_from_the_file_name():
    assert read("_posts/2018-05-03-x.md", "---\ntitle: T\n---\n", JEKYLL)[0].date == "2018-05-03"
    assert read("_posts/2018-05-03-x.md", "---\ntitle: T\ndate: 2019-01-01\n---\n", JEKYLL)[0].date == "2019-01-01"


def test_broken_front_matter_is_an_error_unless_the_preset_is_lenient():
    text = "---\nowners:\n- @ann\n---\nBody [[Link]].\n"
    assert read("x.md", text, GENERIC)[1][0].severity == ERROR
    article, problems = read("n/x.md", text, OBSIDIAN)
    assert article.body == "Body [[Link]]." and article.related[0].line == 5
    assert [(p.line, p.severity) for p in problems] == [(3, WARNING)]


def test_link_lines_point_into_the_file():
    text = "---\ntitle: T\nrelatedfuncs: [a]\n---\n\nSee {{< ref \"b\" >}}.\n"
    article, _ = read("content/x.md", text, HUGO)
    assert [(l.origin, l.target, l.position, l.line) for l in article.related] == [
        ("front-matter", "a", 1, 3), ("ref", "b", 2, 6)]


def test_absent_records_mapped_fields_a_file_lacks():
    fields = GENERIC.with_overrides({"subject": "topic", "keywords": "tags"})
    assert read("x.md", "---\ntitle: T\ntags: a\n---\n", fields)[0].absent == ("subject",)
    assert read("x.md", "---\ntitle: T\ntopic: a\n---\n", fields)[0].absent == ("keywords",)
    assert read("x.md", "---\ntitle: T\n---\n", GENERIC)[0].absent == ()


def test_unused_fields_are_kept_as_valid_json_the_same_on_every_run(tmp_path):
    """A field the map does not use is kept in ``extra`` as JSON that SQLite's json functions read
    (a TOML ``nan`` made ``{"ratio":NaN}``, and one such article broke every json_extract over the
    table), and the same on every run (a YAML ``!!set`` came out in the order of Python's hashing;
    it is now the list of its members as the file writes them)."""
    import json
    import os
    import subprocess
    import sys

    article = read("a/x.md", "---\ntitle: X\ntags: [a]\nletters: !!set {b, a, c}\nblob: !!binary aGVsbG8=\n"
                   "odd:\n  true: 1\n  ~: 2\n  2024-01-02: 3\nnan: .nan\n---\n", GENERIC)[0]
    assert article.extra == {"letters": ["b", "a", "c"], "blob": "aGVsbG8=", "nan": ".nan",  # text, as it reads
                             "odd": {"true": 1, "null": 2, "2024-01-02": 3}}
    toml = read("a/t.md", "+++\ntitle = 'T'\ntags = ['a']\nratio = nan\nlimit = -inf\nat = 07:32:00\n+++\n", GENERIC)[0]
    assert toml.extra == {"ratio": "nan", "limit": "-inf", "at": "07:32:00"}
    json.dumps(toml.extra, allow_nan=False)
    script = ("from qagraph.fields import read_article, FieldMap; from qagraph.presets import preset; "
              "print(read_article('a.md', '---\\ntitle: X\\ntags: [a]\\ns: !!set {' + ', '.join(map(str, range(40))) + "
              "'}\\n---\\n', preset('generic').fields)[0].extra)")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1


@pytest.mark.parametrize("given, title, keywords, subject, warnings", [
    # a set of keywords is the keywords, in the order written (they were "{'b'" and "'a'}", in hashing's order)
    ("title: T\nkeywords: !!set {b, a}", "T", ("b", "a"), "Uncategorised", []),
    ("title: !!set {Second, First}\nsubject: !!set {Physics}", "Second", (), "Physics",
     ["a.md:2: warning: title is a list of 2 items; only the first is kept"]),
    # an ordered map is a list of one-key mappings: not text (it was the text "('b', 1)")
    ("title: T\nkeywords: !!omap [b: 1, a: 2]", "T", (), "Uncategorised",
     ["a.md:3: warning: keywords: 2 of the 2 items of keywords are not text (a mapping or a list); ignored"]),
    ("title: !!pairs [b: 1]\nname: N", "N", (), "Uncategorised",
     ["a.md:2: warning: title is a list whose first item is a mapping, not text; ignored"]),
])
def test_yaml_sets_and_ordered_maps_are_read_as_the_file_writes_them(given, title, keywords, subject, warnings):
    """YAML's ``!!set``, ``!!omap`` and ``!!pairs`` were Python's set and tuples, whose text (``{'a', 'b'}``,
    ``('b', 1)``) became titles, keywords and subjects, in an order that changed from run to run."""
    article, problems = read("a.md", f"---\n{given}\n---\n", GENERIC)
    assert (article.title, article.keywords, article.subject) == (title, keywords, subject)
    assert [str(p) for p in problems] == warnings


@pytest.mark.parametrize("given, message", [
    ("x: !!omap [? [a] : 1]", "a.md:3: invalid YAML: found unhashable key (while constructing an ordered map)"),
    ("x: !!pairs [? [a] : 1]", "a.md:3: invalid YAML: found unhashable key (while constructing pairs)"),
    ("x: !!set {? [a]}", "a.md:3: invalid YAML: found unhashable key (while constructing a mapping)"),
    ("x: !!omap [a, b]",
     "a.md:3: invalid YAML: expected a mapping of length 1, but found scalar (while constructing an ordered map)"),
])
def test_a_set_or_ordered_map_yaml_cannot_build_rejects_its_file_on_its_line(given, message):
    article, problems = read("a.md", f"---\ntitle: T\n{given}\n---\n", GENERIC)
    assert article is None and [str(p) for p in problems] == [message]


def test_a_value_two_roles_read_is_warned_about_once():
    """The Q&A format reads the title as the question too: a title given as a list was warned
    about twice, and counted as two warnings."""
    article, problems = read("a.md", "---\ntitle: [First, Second]\nurl: /learn/b/questions/a\nseo:\n"
                                     "  page_keywords: a\n---\n")
    assert article.title == "First"
    assert [(p.line, p.message) for p in problems] == [(2, "title is a list of 2 items; only the first is kept")]


# -- Docusaurus docs -------------------------------------------------------------------------

DOCS = replace(GENERIC, content_dir="docs/", doc_routes=("docs=/docs",), no_front_matter="article")


@pytest.mark.parametrize(("name", "front_matter", "url"), [
    ("docs/intro.md", "", "/docs/intro"),
    ("docs/01-guides/02-install.md", "", "/docs/guides/install"),  # number prefixes are no part of urls
    ("docs/003 - Setup/1. First steps.mdx", "", "/docs/Setup/First steps"),
    ("docs/guides/foo.md", "id: bar", "/docs/guides/bar"),  # the id stands for the file name
    ("docs/guides/foo.md", "id: 42", "/docs/guides/42"),
    ("docs/guides/foo.md", "id: a/b", "/docs/guides/foo"),  # an id with a slash is refused: the file name stands
    ("docs/guides/foo.md", "slug: /start", "/docs/start"),  # an absolute slug is the url below the route
    ("docs/guides/foo.md", "slug: other\nid: bar", "/docs/guides/other"),  # the slug wins over the id
    ("docs/guides/foo.md", "slug: ../up", "/docs/up"),
    ("docs/intro.md", "slug: /", "/docs/"),
    ("docs/01-guides/index.md", "", "/docs/guides/"),  # a folder's own doc is the folder's url
    ("docs/01-guides/README.md", "id: ignored", "/docs/guides/"),
    ("docs/guides/guides.md", "", "/docs/guides/"),
    ("docs/index.md", "", "/docs/"),
    ("docs/01-guides/02-install.md", "parse_number_prefixes: false", "/docs/01-guides/02-install"),
    ("docs/2021-11-notes.md", "", "/docs/2021-11-notes"),  # a date is no number prefix, nor a version
    ("docs/7.0-release.md", "", "/docs/7.0-release"),
])
def test_a_docusaurus_doc_is_published_at_its_route_and_slug(name: str, front_matter: str, url: str):
    """Docusaurus publishes a doc at the docs route and its slug: the folder and the id (else the
    file name) without number prefixes, an absolute or relative slug, a folder's own doc at the
    folder. Links are written to those urls, so each is the article's url (its key stays its path)."""
    article, problems = read(name, f"---\ntitle: T\n{front_matter}\n---\n", DOCS)
    assert (article.url, article.key) == (url, name.rsplit(".", 1)[0]) and problems == []


def test_a_docusaurus_route_and_what_is_not_a_doc():
    article, _ = read("docs/a/b.md", "# B\n", replace(DOCS, doc_routes=("docs=/",)))
    assert (article.url, article.title) == ("/a/b", "B")  # docs-only mode: the docs at the site's root
    assert read("blog/post.md", "---\ntitle: P\n---\n", replace(DOCS, content_dir=""))[0].url is None


def test_a_docusaurus_folder_is_a_subject_without_its_number_prefix_and_with_its_category_label():
    labelled = replace(DOCS, folder_labels=(("docs/02-api", "API reference"),))
    by_folder, _ = read("docs/01-getting-started/install.md", "# Install\n", labelled)
    by_label, _ = read("docs/02-api/client.md", "# Client\n", labelled)
    assert (by_folder.subject_slug, by_folder.subject) == ("getting-started", "Getting started")
    assert (by_label.subject_slug, by_label.subject, by_label.subject_given) == ("api", "API reference", False)
    outside, _ = read("docs/01-getting-started/install.md", "# Install\n", replace(labelled, doc_routes=()))
    assert outside.subject_slug == "01-getting-started"  # elsewhere, a number is part of a folder's name


#: a Docusaurus site's blog, with its authors map (blog/authors.yml)
BLOG = replace(DOCS, content_dir="", doc_routes=("docs=/docs",), blog_routes=("blog=/blog",),
               authors_map=(("slorber", "Sébastien Lorber"), ("yangshun", "Yangshun Tay"), ("logo", "")),
               authors_map_file="blog/authors.yml")


@pytest.mark.parametrize(("front_matter", "author"), [
    ("authors: slorber", "Sébastien Lorber"),
    ("authors: [slorber, yangshun]", "Sébastien Lorber, Yangshun Tay"),  # every author, as the post shows them
    ("authors:\n  - yangshun\n  - slorber", "Yangshun Tay, Sébastien Lorber"),
    ("authors: {name: Joel Marcey, title: Co-creator, url: 'https://github.com/JoelMarcey'}", "Joel Marcey"),
    ("authors:\n  - name: Joel Marcey\n    title: Co-creator\n  - slorber", "Joel Marcey, Sébastien Lorber"),
    ("authors:\n  - key: slorber\n    title: Editor", "Sébastien Lorber"),  # the map's author, its title changed
    ("authors:\n  - key: slorber\n    name: Seb", "Seb"),
    ("authors: [logo, yangshun]", "Yangshun Tay"),  # the map's author shown by an image alone: no name
    ("authors: {image_url: 'https://x.example/a.png'}", None),
    ("author: Joel Marcey\nauthor_url: https://github.com/JoelMarcey", "Joel Marcey"),  # Docusaurus 1's fields
    ("", None),
])
def test_a_docusaurus_post_s_author_is_the_names_it_shows(front_matter: str, author: str | None):
    """A Docusaurus post names its authors by the keys of the blog's authors map (authors: [slorber]),
    written in full (authors: {name: ...}) or both; the older author: Name still works. The post had no
    author but for author: its keys are now the names the post shows, every one in its order."""
    article, problems = read("blog/2021-08-26-welcome/index.md", f"---\ntitle: Welcome\n{front_matter}\n---\n", BLOG)
    assert article is not None and article.author == author and problems == []
    assert "authors" not in article.extra  # read, not kept as a field of its own


def test_a_docusaurus_post_s_unknown_author_key_is_its_name_with_a_warning():
    """Docusaurus stops the build on an author key its map does not have, and on a post that names its
    authors both ways: the key stands for the name, each a warning at its line."""
    text = "---\ntitle: P\ndate: 2024-01-01\nauthors: [slorber, ghost, [x]]\nauthor: Ann\n---\n"
    article, problems = read("blog/p.md", text, BLOG)
    assert article is not None and article.author == "Sébastien Lorber, ghost"
    assert [(p.severity, p.line, p.message) for p in problems] == [
        (WARNING, 4, "authors and author both name the post's authors (Docusaurus stops the build on it): "
                     "authors is read"),
        (WARNING, 4, "author key 'ghost' is not in blog/authors.yml: the key is its name (Docusaurus stops the "
                     "build on it)"),
        (WARNING, 4, "authors holds ['x'], neither an author's key nor an author; ignored")]


def test_only_a_docusaurus_post_s_authors_are_read_by_key():
    """A doc's authors are no post's (the docs show none), and a --field author=... mapping wins."""
    text = "---\ntitle: T\nauthors: [slorber]\nauthor: Ann\nwriter: Bo\n---\n"
    doc, problems = read("docs/intro.md", text, BLOG)
    assert doc is not None and doc.author == "Ann" and problems == []
    mapped, problems = read("blog/p.md", text, BLOG.with_overrides({"author": "writer"}))
    assert mapped is not None and mapped.author == "Bo" and problems == []


# -- Eleventy data files ---------------------------------------------------------------------

DATA = (
    ("blog/", '{"tags": "post", "layout": "post.njk", "author": {"name": "Ann", "site": "a.org"}, "draft": false}'),
    ("blog/2024/", '{"layout": "year.njk", "author": {"name": "Bob"}, "override:tags": ["year"]}'),
    ("blog/2024/hello", '{"layout": "hello.njk"}'),
)


@pytest.mark.parametrize(("name", "front_matter", "data"), [
    ("blog/a.md", {"tags": ["css"]},  # a tags text is one tag, joined to the page's
     {"tags": ["post", "css"], "layout": "post.njk", "author": {"name": "Ann", "site": "a.org"}, "draft": False}),
    ("blog/2024/b.md", {"draft": True},  # the deeper folder over its parent; override: replaces; the page over both
     {"tags": ["year"], "layout": "year.njk", "author": {"name": "Bob", "site": "a.org"}, "draft": True}),
    ("blog/2024/hello.md", {},  # the page's own data file over its folders'
     {"tags": ["year"], "layout": "hello.njk", "author": {"name": "Bob", "site": "a.org"}, "draft": False}),
    ("about.md", {"title": "About"}, {"title": "About"}),
])
def test_the_data_cascade_puts_a_page_s_front_matter_over_its_data_files(name: str, front_matter: dict, data: dict):
    from qagraph.fields import cascade

    assert cascade(name, DATA, front_matter)[0] == data


@pytest.mark.parametrize(("template", "name", "url"), [
    ("/blog/{{ page.fileSlug }}/", "src/posts/hello.md", "/blog/hello/"),
    ("/blog/{{page.fileSlug}}/index.html", "src/posts/2024-05-06-hello.md", "/blog/hello/index.html"),
    ("/{{ page.fileSlug }}/", "src/posts/index.md", "/posts/"),  # an index file's slug is its folder's
    ("{{ page.filePathStem }}.html", "src/posts/2024-05-06-hello.md", "/posts/2024-05-06-hello.html"),
    ("/x/{{ page.fileSlug | slugify }}/", "src/posts/My Post.md", "/x/my-post/"),
    ("/tags/{{ tag | slugify }}/", "src/tags.md", None),  # a page made from data: no one page's url
    ("/{{ title | slugify }}/", "src/a.md", None),
])
def test_an_eleventy_permalink_made_of_the_page_s_path_is_its_url(template: str, name: str, url: str | None):
    from qagraph.fields import eleventy_permalink

    assert eleventy_permalink(template, name, "src/") == url


def test_data_files_give_an_eleventy_page_its_url_or_keep_it_unwritten():
    site = replace(GENERIC, content_dir="src/", page_variables=True, no_front_matter="skip", data_files=(
        ("src/posts/", '{"permalink": "/p/{{ page.fileSlug }}/", "title": "Untitled"}'),
        ("src/drafts/", '{"permalink": false}')))
    article, problems = read("src/posts/a.md", "# A heading\n", site)  # no front matter: the folder's data are its
    assert (article.key, article.url, article.title, problems) == ("/p/a", "/p/a", "Untitled", [])
    article, _ = read("src/posts/b.md", "---\ntitle: B\npermalink: /b/{{ page.fileSlug }}.html\n---\n", site)
    assert (article.key, article.title) == ("/b/b.html", "B")  # the page's own permalink, made of its path too
    article, problems = read("src/drafts/c.md", "---\ntitle: C\n---\n", site)
    assert article is None and [(p.line, p.severity, p.message) for p in problems] == [
        (None, SKIPPED, "permalink: false, from the data files of src/drafts/: not written as a page")]
    article, _ = read("src/drafts/d.md", "---\ntitle: D\npermalink: /d/\n---\n", site)
    assert article.key == "/d"  # the page's permalink over its folder's false
    article, _ = read("src/other/e.md", "---\ntitle: E\npermalink: /e/{{ page.fileSlug }}/\n---\n",
                      replace(site, page_variables=False))
    assert article.url is None  # elsewhere a template names no one page
    assert read("src/other/f.md", "# F\n", site)[0] is None  # without data, a file without front matter is skipped


def test_an_obsidian_note_that_hides_its_title_is_titled_by_its_opening_heading():
    """A help site's home note hides Obsidian's inline title (``cssclasses: hide-title``, a class its
    publish.css and many themes define) and opens with the heading the site shows, "Obsidian Help": it was
    titled "Home", a name no reader sees. A note that hides its title but opens with no heading (a banner,
    a code block) keeps its file name, and so does one whose heading comes later."""
    obsidian = preset("obsidian").fields
    home, _ = read_article("Home.md", "---\ncssclasses:\n  - list-cards\n  - hide-title\n---\n\n# Obsidian Help\n\n"
                           "Welcome.\n", obsidian)
    old, _ = read_article("Docs/Start.md", "---\ncssclass: wide, hide-title\n---\n# Getting started\nx\n", obsidian)
    banner, _ = read_article("Dash.md", "---\ncssclasses: [hide-title]\n---\n![[banner.png]]\n# Goals\n", obsidian)
    shown, _ = read_article("Plain.md", "---\ncssclasses: [list-cards]\n---\n# A heading\n", obsidian)
    assert [a.title for a in (home, old, banner, shown)] == ["Obsidian Help", "Getting started", "Dash", "Plain"]


def test_a_jekyll_collection_s_file_without_front_matter_is_a_static_file_not_a_page():
    """Jekyll reads a collection's file as a document only when it opens with front matter, and copies the
    others as they are, even on GitHub Pages (jekyll-optional-front-matter makes pages of the site's own pages,
    not of its collections'): a guide's notes file, or one whose front matter some stray text comes before,
    is skipped with that reason, not an article at a made-up url. A page (outside the collections) without
    front matter and a post are read as before; so is a collection's document with front matter."""
    jekyll = replace(preset("jekyll").fields, collections=("_guide=/:collection/:path/",), permalink="pretty")
    stray, problems = read_article("_guide/extra/notes.md", "stray---\ntitle: Options\n---\nSee [x](/x/).\n", jekyll)
    assert stray is None
    assert [(p.severity, p.code) for p in problems] == [(SKIPPED, "no-front-matter")]
    assert "guide collection" in problems[0].message and "static file" in problems[0].message
    page, _ = read_article("about/team.md", "# Team\n", jekyll)
    post, _ = read_article("_posts/2020-01-02-hello.md", "Hello.\n", jekyll)
    doc, _ = read_article("_guide/setup.md", "---\ntitle: Set up\n---\n", jekyll)
    assert page is not None and post is not None and doc is not None and doc.url == "/guide/setup/"


def test_title_keywords_are_the_words_of_a_title_that_name_something():
    """A note without tags (a TIL collection's) had no keywords, so no similar notes. With
    ``title_keywords`` its keywords are the words of its title as shown that name something: not words of
    grammar or of every how-to title, not numbers, not its own topic; a title-case word in lower case, any
    other as written (a code span's too, shown as a word). A note that has tags keeps them."""
    fields = replace(preset("generic").fields, no_front_matter="article", title_keywords=True)
    note, _ = read_article("pg/clear-the-screen-in-psql-2.md",
                           "# Clear The Screen In `psql` (2): Using Postgres With A UUID\n\nText.\n", fields)
    assert note is not None and note.keywords == ("clear", "screen", "psql", "postgres", "UUID")
    assert note.subject == "Pg"
    tagged, _ = read_article("pg/tagged.md", "---\ntags: [locks]\n---\n# Clear The Screen\n", fields)
    assert tagged is not None and tagged.keywords == ("locks",)
    plain, _ = read_article("pg/plain.md", "# Clear The Screen\n", replace(fields, title_keywords=False))
    assert plain is not None and plain.keywords == ()


def test_a_garden_note_s_url_spells_out_what_the_plugin_s_slugs_spell_out():
    """The Digital Garden plugin's slugs spell German umlauts out (Übungen: uebungen) and & as "and",
    and transliterate other scripts by tables of their own. A garden note named so was at a url the
    garden does not have (/ubungen-losungen; a name half in Russian at /arp): now at the plugin's, or at
    none where its tables would decide (not guessed)."""
    garden = replace(OBSIDIAN, publish_marks=("dg-publish",), garden_urls=True)
    urls = {}
    for name in ("Kurse/Übungen & Lösungen.md", "ARP протокол.md", "Straße.md"):
        article, _ = read_article(name, "---\ndg-publish: true\n---\nText.\n", garden)
        assert article is not None
        urls[name] = article.url
    assert urls == {"Kurse/Übungen & Lösungen.md": "/kurse/uebungen-and-loesungen", "ARP протокол.md": None,
                    "Straße.md": "/strasse"}


def test_a_hugo_permalinks_slugorcontentbasename_is_the_slug_else_the_files_name():
    """Hugo 0.144's ``:slugorcontentbasename`` is a page's ``slug``, else its file's (a bundle's folder's)
    name. Before, ``:slug`` was read from its start and the rest left in the url (``/hi-thereorcontentbasename/``)."""
    from qagraph.fields import hugo_url

    hugo = replace(HUGO, content_dir="content/", section_permalinks=(("page", "posts", "/:year/:slugorcontentbasename/"),))
    assert [hugo_url(name, data, hugo) for name, data in (
        ("content/posts/a-b.md", {"date": "2024-05-01", "slug": "Hi There"}),
        ("content/posts/a-b.md", {"date": "2024-05-01", "title": "Title"}),
        ("content/posts/My Trip/index.md", {"date": "2024-05-01"}))] == ["/2024/hi-there/", "/2024/a-b/", "/2024/my-trip/"]


@pytest.mark.parametrize("name, text, expected", [
    # the Q&A format: one comma string, folded, every keyword on the line its text starts on (below its key)
    ("quicktakes", "---\ntitle: >-\n  Q?\nseo:\n  page_keywords: >-\n    a, b,\n    c\nsubject: Biology\n---\n",
     [("a", 6), ("b", 6), ("c", 6)]),
    ("quicktakes", "---\ntitle: Q?\nseo:\n  page_keywords: a, b\n---\n", [("a", 4), ("b", 4)]),
    # Hugo: keywords (a flow list) merged with tags one a line (a blank line among them); a repeat keeps the first's
    ("hugo", "---\ntitle: T\ntags:\n- Go\n\n- web\nkeywords: [go, Rust]\n---\n", [("go", 7), ("Rust", 7), ("web", 6)]),
    ("hugo", '+++\ntitle = "T"\ntags = [\n  "a",\n  "b",\n]\n+++\n', [("a", 4), ("b", 5)]),  # TOML: each item's line
    ("hugo", '+++\ntitle = "T"\ntags = ["a", "b"]\n+++\n', [("a", 3), ("b", 3)]),  # on one line: its key's
    # Obsidian: a list of the front matter, then the inline #tags of the text on their own lines (not in code)
    ("obsidian", "---\ntags:\n  - x\n---\n# T\n\nSome #y here.\n```\n#z\n```\nAnd #w\n", [("x", 3), ("y", 7), ("w", 11)]),
    ("obsidian", "No front matter.\n\n#y and #x\n", [("y", 3), ("x", 3)]),
])
def test_each_keyword_has_the_line_its_file_writes_it_on(name, text, expected):
    """A finding about a keyword could name the file but not the line: each keyword of an article
    now has the file line it is written on (the front matter's opening ``---`` is line 1)."""
    article, _ = read_article("a/b.md", text, preset(name).fields)
    assert list(zip(article.keywords, article.keyword_lines)) == expected


def test_a_post_dated_after_the_build_names_the_line_of_its_date():
    """A Jekyll post that waits for its day was skipped saying its date but not where it is: the
    line of its ``date`` field when that dates it, none when its file's name does."""
    from qagraph.fields import in_the_future

    jekyll = replace(preset("jekyll").fields, permalink="date")
    dated = read_article("_posts/2024-01-01-a.md", "---\ntitle: A\nlayout: post\ndate: 2099-03-04 10:00\n---\n", jekyll)[0]
    named = read_article("_posts/2099-01-01-b.md", "---\ntitle: B\n---\n", jekyll)[0]
    assert [(p.line, p.message.split(",")[0]) for p in (in_the_future(dated, jekyll), in_the_future(named, jekyll))] == [
        (4, "dated 2099-03-04"), (None, "dated 2099-01-01")]


def test_a_field_written_in_another_case_is_named_on_its_own_line():
    """Hugo and Obsidian read ``Tags:`` as ``tags``, but the line of such a field was looked up by the
    name it is read by: its keywords, subject and url, and a warning about it, named the front matter's
    first line instead of the field's."""
    text = "---\nTitle: T\nDraft: false\nTags:\n  - a\n  - \"12\"\nCategories: [Dev]\nURL: /x/\nKeywords: {a: 1}\n---\ntext\n"
    article, problems = read_article("content/posts/n.md", text, preset("hugo").fields)
    assert list(zip(article.keywords, article.keyword_lines)) == [("a", 5), ("12", 6)]
    assert (article.subject, article.subject_line, article.url, article.url_line) == ("Dev", 7, "/x/", 8)
    assert [(p.line, p.message) for p in problems] == [(9, "keywords: keywords is a mapping, not a list or text; ignored")]
    vault = "---\naliases: [x]\ncreated: 2024-01-01\nTags: [Project, \"2023\"]\n---\nSome #todo\n"
    article, _ = read_article("A.md", vault, replace(preset("obsidian").fields, any_case_keys=True))
    assert list(zip(article.keywords, article.keyword_lines)) == [("Project", 4), ("2023", 4), ("todo", 6)]
