"""qagraph.presets: each kind of corpus is recognised and read with its own subjects, keywords and files.

The fixtures under tests/fixtures/{hugo,jekyll,snippets,obsidian} are small corpora in
each format with the quirks real ones have (see tests/fixtures/README.md).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import CONTENT, FIXTURES, article_text, write_article, write_site
from qagraph import build
from qagraph.errors import ERROR, SKIPPED, WARNING, Problem, UsageError
from qagraph.fields import FieldMap, post_permalink
from qagraph.graph import article_index
from qagraph.load import LoadResult, load_corpus
from qagraph.presets import (
    PRESETS, SAMPLE_BYTES, choose, detect, gitignored, layout_skips, naming_hint, nothing_loaded, preset, reference_example,
    site_ignored,
)

HUGO, JEKYLL, SNIPPETS, OBSIDIAN = (FIXTURES / n for n in ("hugo", "jekyll", "snippets", "obsidian"))

HUGO_PAGES = [
    "/", "about/license", "content-management", "content-management/organization", "functions",
    "functions/first", "functions/intersect", "functions/last", "functions/where", "news",
    "news/0.120-relnotes", "showcase", "showcase/acme", "templates", "templates/introduction",
    "templates/lookup-order",
]
HUGO_SKIPPED = {
    "README.md": "outside the content folder content/",
    "archetypes/default.md": "in archetypes/, whose files are templates of new pages",
    "content/_common/_index.md": "whose _index.md cascades _build: render never to its pages",
    "content/_common/installation/01-editions.md": "in content/_common/, whose _index.md cascades _build: render never",
    "content/content-management/organization/diagram.md": "resource of the page bundle",
    "content/getting-started/render-never.md": "_build: render never",
    "content/includes/install-note.md": "no front matter",
    "content/readfiles/index.md": "headless: true",
    "content/readfiles/pagevars.md": "resource of the page bundle content/readfiles/index.md",
    "content/readfiles/sectionvars.md": "resource of the page bundle content/readfiles/index.md",
    "content/showcase/acme/bio.md": "resource of the page bundle content/showcase/acme/index.md",
}
HUGO_SUBJECTS = {
    "about": 1, "content-management": 1, "functions": 5, "news": 1, "project-organization": 1, "releases": 1,
    "showcase": 2, "templates": 3, "uncategorised": 1,
}
JEKYLL_SUBJECTS = {
    "ask-ubuntu": 5, "server-fault": 2, "stack-overflow": 2, "super-user": 2, "unix-linux": 1, "linux": 1,
    "uncategorised": 4,
}
SNIPPET_SUBJECTS = {"array": 5, "string": 3, "function": 3, "object": 2, "math": 3, "date": 2, "uncategorised": 1}
OBSIDIAN_SUBJECTS = {
    "community": 4, "work": 3, "resources": 4, "daily": 2, "projects": 3, "templates": 1,
    "uncategorised": 2,
}


def subjects(result: LoadResult) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in result.articles:
        counts[a.subject_slug] = counts.get(a.subject_slug, 0) + 1
    return counts


def by_key(result: LoadResult) -> dict[str, object]:
    return {a.key: a for a in result.articles}


def assert_every_file_accounted_for(result: LoadResult) -> None:
    counts = result.counts
    assert counts["files"] == counts["articles"] + counts["rejected"] + counts["skipped"]
    paths = [a.path for a in result.articles] + result.rejected + result.skipped
    assert len(paths) == len(set(paths)) == result.files


# -- detection -----------------------------------------------------------------------------


@pytest.mark.parametrize(("folder", "name", "because"), [
    (CONTENT, "quicktakes", "sampled files have the Q&A format's fields"),
    (HUGO, "hugo", "hugo.toml in the folder"),
    (HUGO / "content", "hugo", "hugo.toml in the parent folder"),
    (JEKYLL, "jekyll", "_config.yml in the folder"),
    (SNIPPETS, "generic", "30 seconds of code snippets"),
    (OBSIDIAN, "obsidian", ".obsidian/ folder"),
])
def test_each_corpus_is_recognised_and_the_reason_says_why(folder: Path, name: str, because: str):
    found = detect(folder)
    assert found.preset == name and found.auto
    assert because in found.reason
    assert found.line().startswith(f"preset {name} (recognised: ")


def test_without_config_files_the_content_itself_is_recognised(tmp_path: Path):
    shutil.copytree(HUGO / "content", tmp_path / "hugo")
    shutil.copytree(JEKYLL / "_posts", tmp_path / "jekyll" / "_posts")
    shutil.copytree(OBSIDIAN, tmp_path / "vault", ignore=shutil.ignore_patterns(".obsidian"))
    hugo = detect(tmp_path / "hugo")
    assert hugo.preset == "hugo" and "TOML (+++) front matter" in hugo.reason and "_index.md" in hugo.reason
    assert detect(tmp_path / "jekyll").preset == "jekyll"
    vault = detect(tmp_path / "vault")
    assert vault.preset == "obsidian" and "[[wiki-links]]" in vault.reason


def test_a_front_matter_longer_than_a_head_and_a_head_cut_inside_a_character_are_sampled(tmp_path: Path):
    """A Q&A article whose answer runs past the head a file is sampled by is read on to the end of its
    front matter: it was a front matter never closed, and a corpus of long answers was read as notes,
    without keywords or similarity. A head that cuts a character of a long Chinese page ends before
    that character: it was no UTF-8, and the page was left out of the sample."""
    for i in range(3):
        write_article(tmp_path, f"biology/long{i}.md", article_text(
            f"Question {i}?", f"/learn/biology/questions/long{i}", id=i + 1, answer="An answer. " * 4000))
        text = article_text(f"Question {i}?", f"/learn/biology/questions/zh{i}", id=i + 10, body="中文" * 20000)
        head, cut = text.index("中"), SAMPLE_BYTES - len(text[:text.index("中")].encode())
        write_article(tmp_path, f"biology/zh{i}.md", text if cut % 3 else text[:head] + "x" + text[head:])
    found = detect(tmp_path)
    assert found.preset == "quicktakes" and "6 of 6 sampled files" in found.reason


def test_the_quicktakes_preset_is_the_default_field_map():
    assert preset("quicktakes").fields == FieldMap()
    assert load_corpus(CONTENT).fields == FieldMap()


def test_unknown_preset_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown preset 'wordpress' .*auto, quicktakes, hugo"):
        load_corpus(HUGO, preset="wordpress")


# -- Hugo ------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["auto", "hugo"])
def test_hugo_site_pages_subjects_and_skipped_files(how: str):
    result = load_corpus(HUGO, preset=how)
    assert result.detection.preset == "hugo"
    assert sorted(by_key(result)) == HUGO_PAGES
    assert result.rejected == []
    assert sorted(result.skipped) == sorted(HUGO_SKIPPED)
    for problem in result.problems:
        assert problem.severity == SKIPPED and HUGO_SKIPPED[problem.path] in problem.message, problem
    assert subjects(result) == HUGO_SUBJECTS
    assert_every_file_accounted_for(result)


def test_hugo_content_folder_gives_the_same_pages():
    result = load_corpus(HUGO / "content")
    assert sorted(by_key(result)) == HUGO_PAGES
    assert len(result.skipped) == 9 and result.files == 25


def test_hugo_first_category_is_the_subject_and_the_others_keywords():
    pages = by_key(load_corpus(HUGO))
    organization = pages["content-management/organization"]
    # the folder says content-management; the page's own first category decides
    assert (organization.subject_slug, organization.subject) == ("project-organization", "project organization")
    assert organization.keywords == ("sections", "bundles", "fundamentals")
    intro = pages["templates/introduction"]
    assert intro.keywords == ("go templates", "layout", "fundamentals")
    # no categories: the section is the subject
    assert (pages["showcase/acme"].subject_slug, pages["showcase/acme"].subject) == ("showcase", "Showcase")
    assert pages["functions/intersect"].url == "/functions/intersect-sets/"  # url kept as Hugo publishes it, identity stays the path
    assert pages["news/0.120-relnotes"].title == "0.120"
    assert pages["functions/where"].extra["menu"] == {"docs": {"parent": "functions"}}


# -- Jekyll ----------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["auto", "jekyll"])
def test_jekyll_posts_subjects_from_site_and_space_separated_tags(how: str):
    result = load_corpus(JEKYLL, preset=how)
    assert result.counts | {} == {**result.counts, "files": 20, "articles": 17, "rejected": 0, "skipped": 3}
    assert sorted(result.skipped) == ["README.md", "_drafts/unfinished-answer.md", "_includes/footer.md"]
    assert subjects(result) == JEKYLL_SUBJECTS
    posts = by_key(result)
    first = posts["_posts/2017/2017-03-10-how-to-list-files-by-size"]
    assert first.title == "How to list files by size?"
    assert first.keywords == ("command-line", "bash", "ls") and first.subject == "Ask Ubuntu"
    assert first.date == "2017-03-10"  # from the file name
    assert first.extra["votes"] == 12
    assert posts["/questions/927358"].title.startswith("How do I undo")  # the permalink is the identity
    tips = posts["_posts/2018/2018-11-11-linux-tips"]
    assert (tips.subject_slug, tips.keywords) == ("linux", ("shell", "bash", "tips"))  # categories: linux tips
    assert posts["_posts/2018/2018-07-20-why-is-my-disk-full"].title == "Why Is My Disk Full"  # empty title: the slug
    assert posts["_posts/2019/2019-05-05-release-upgrade"].keywords == ("upgrade", "16.10", "on")
    no_front_matter = posts["_posts/2019/2019-04-01-answer-without-front-matter"]
    assert no_front_matter.title == "Answer Without Front Matter" and no_front_matter.date == "2019-04-01"
    assert_every_file_accounted_for(result)


def test_jekyll_empty_title_and_slug_and_broken_yaml_are_warnings_not_rejections():
    result = load_corpus(JEKYLL)
    posts = by_key(result)
    assert posts["_posts/2018/2018-05-03-"].title == "2018-05-03-"
    # Jekyll publishes it all the same (its post names may have an empty slug), and links to it resolve
    assert posts["_posts/2018/2018-05-03-"].url == "/2018/05/03/.html"
    assert posts["_posts/2019/2019-06-30-colon-in-title"].title == "Colon In Title"
    warnings = {p.path: p for p in result.problems if p.severity == WARNING}
    assert set(warnings) == {"_posts/2018/2018-05-03-.md", "_posts/2019/2019-06-30-colon-in-title.md"}
    assert "empty slug" in warnings["_posts/2018/2018-05-03-.md"].message
    assert "read without its front matter" in warnings["_posts/2019/2019-06-30-colon-in-title.md"].message


# -- a snippet site --------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["auto", "generic"])
def test_snippets_first_tag_is_the_subject(how: str):
    result = load_corpus(SNIPPETS, preset=how)
    assert (result.files, len(result.articles), result.skipped) == (20, 19, ["README.md"])
    assert subjects(result) == SNIPPET_SUBJECTS
    snippets = by_key(result)
    assert snippets["zip"].keywords == ("array",)  # tags: array,intermediate: a level is no keyword
    assert snippets["uniq"].keywords == ("array",)  # "array, beginner"
    assert snippets["words"].subject == "String" and snippets["words"].subject_slug == "string"
    assert snippets["is-even"].keywords == ("math",)
    assert snippets["zip"].date == "2021-04-03T10:00:00+03:00"  # firstSeen
    assert_every_file_accounted_for(result)


#: a 30 seconds of code collection's snippets, as its repository keeps them in snippets/ (names invented)
THIRTY_SECONDS = {
    "snippets/pickBest.md": (
        "---\ntitle: pickBest\ntags: browser,string,advanced\nfirstSeen: 2018-01-02T10:00:00+02:00\n"
        "lastUpdated: 2021-05-06T10:00:00+03:00\n---\n\nPicks the best one.\n\n"
        "- **Note:** The [pickBestAsync snippet](/js/s/pick-best-async) waits for it.\n\n```js\nconst pickBest = x => x;\n```\n"),
    "snippets/pickBestAsync.md": (
        "---\ntitle: pickBestAsync\ntags: browser,promise,advanced\nfirstSeen: 2022-01-11T05:00:00-04:00\n---\n\n"
        "Picks the best one, later. See the [pickBest snippet](/js/s/pick-best).\n\n```js\nconst pickBestAsync = x => x;\n```\n"),
    "snippets/pairUp.md": (
        "---\ntitle: pairUp\ntags: array,intermediate\nfirstSeen: 2017-12-17T17:55:51+02:00\n"
        "lastUpdated: 2020-10-22T20:24:44+03:00\n---\n\nPairs elements up.\n\n```js\nconst pairUp = x => x;\n```\n"),
    "snippets/unpair.md": (
        "---\ntitle: unpair\ntags: array,intermediate\nfirstSeen: 2018-01-24T12:35:25+02:00\n"
        "lastUpdated: 2020-10-22T20:24:44+03:00\n---\n\nUngroups what [pairUp](/js/s/pair-up) made.\n\n"
        "```js\nconst unpair = x => x;\n```\n"),
    "snippets/HTMLEscape.md": (
        "---\ntitle: HTMLEscape\ntags: string,regexp,advanced\nfirstSeen: 2018-01-16T15:53:03+02:00\n"
        "lastUpdated: 2020-10-22T20:24:44+03:00\n---\n\nEscapes a string.\n\n```js\nconst HTMLEscape = x => x;\n```\n"),
    "snippets/cubeRoot.md": (
        "---\ntitle: cubeRoot\ntags: math,beginner\nunlisted: true\nfirstSeen: 2020-05-13T11:35:31+03:00\n"
        "lastUpdated: 2021-01-04T13:04:15+02:00\n---\n\nThe cube root.\n\n```js\nconst cubeRoot = x => x;\n```\n"),
}
#: what its repository holds beside snippets/: no pages of the site
THIRTY_SECONDS_REPOSITORY = {
    "README.md": "# 30 seconds of something\n\n* Read the [Contribution Guidelines](/CONTRIBUTING.md).\n",
    "CONTRIBUTING.md": "# Contribution guidelines\n\nCopy the [snippet template](snippet-template.md).\n",
    "snippet-template.md": ("---\ntitle: functionName\ntags: utility,intermediate\nfirstSeen: 2021-06-13T05:00:00-04:00\n"
                            "---\n\nExplain briefly what the snippet does.\n\n```js\nconst functionName = x => x;\n```\n"),
}


@pytest.mark.parametrize("layout", ["snippets", "repository"])
def test_a_30_seconds_of_code_collection_reads_as_its_site_publishes_it(tmp_path: Path, layout: str):
    """30 seconds of code tags a snippet with its topic first and its level (beginner, intermediate,
    advanced), which the site shows apart, and links snippets by their urls, /js/s/ and the file name in
    kebab case. Every snippet had its level as a keyword (the keyword most snippets share, which made
    most similar pairs), every link between snippets was a stub, and in the repository the snippet
    template was a page. Levels are no keywords now, snippets are at the site's urls (links resolve), and
    only snippets/ is read; a snippet left out of the site's lists (unlisted: true) is still a page."""
    import qagraph

    for name, text in {**THIRTY_SECONDS, **(THIRTY_SECONDS_REPOSITORY if layout == "repository" else {})}.items():
        write_article(tmp_path / "repo", name, text)
    folder = tmp_path / "repo" if layout == "repository" else tmp_path / "repo" / "snippets"
    result = load_corpus(folder)
    assert result.detection is not None and "30 seconds of code snippets" in result.detection.reason
    prefix = "snippets/" if layout == "repository" else ""
    by = {a.key.removeprefix(prefix): a for a in result.articles}
    assert sorted(by) == ["HTMLEscape", "cubeRoot", "pairUp", "pickBest", "pickBestAsync", "unpair"]
    assert {key: (a.subject, a.keywords) for key, a in by.items()} == {
        "pickBest": ("browser", ("browser", "string")), "pickBestAsync": ("browser", ("browser", "promise")),
        "pairUp": ("array", ("array",)), "unpair": ("array", ("array",)), "HTMLEscape": ("string", ("string", "regexp")),
        "cubeRoot": ("math", ("math",))}
    assert (by["pickBestAsync"].url, by["HTMLEscape"].url, by["pairUp"].date) == (
        "/js/s/pick-best-async", "/js/s/html-escape", "2017-12-17T17:55:51+02:00")
    if layout == "repository":
        assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md", "snippet-template.md"]
        assert all("outside the content folder snippets/" in p.message for p in result.problems)
    assert_every_file_accounted_for(result)
    kg = qagraph.build(folder, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related(prefix + "pickBest") == [f"article:{prefix}pickBestAsync"]
    assert kg.related(prefix + "unpair") == [f"article:{prefix}pairUp"]
    assert not [s for key in by for s in kg.similar(prefix + key) if {"advanced", "beginner", "intermediate"} & set(s[2])]


#: 30 seconds of code's repository since 2023: each page at its url below content/snippets/ (names invented)
THIRTY_SECONDS_PAGES = {
    "content/snippets/js/s/sorting-cheatsheet.md": (
        "---\ntitle: Sorting Cheat Sheet\ntype: cheatsheet\nlanguage: javascript\ntags: [algorithm]\ncover: rings\n"
        "excerpt: Sorting, in short.\ndateModified: 2023-01-08\n---\n\n| [**Bubble sort**](/js/s/bubble-sort) | O(n^2) |\n"
        "| [**Heap sort**](/js/s/heap-sort) | O(n log n) |\n"),
    "content/snippets/js/s/bubble-sort.md": (
        "---\ntitle: Bubble sort\ntype: snippet\nlanguage: javascript\ntags: [algorithm,array]\ncover: fruit\n"
        "dateModified: 2020-12-28\n---\n\nSorts numbers. Its [complexity](/js/s/sorting-cheatsheet#sorting).\n\n"
        "@[Quick refresher](/js/s/heap-sort)\n"),
    "content/snippets/js/s/heap-sort.md": (
        "---\ntitle: Heap sort\nshortTitle: Heapsort\nlanguage: javascript\ntags: [algorithm,array,recursion]\n"
        "cover: stones\nlisted: false\ndateModified: 2021-01-02\n---\n\nSorts numbers with a heap.\n"),
    "content/snippets/react/s/use-hover-state.md": (
        "---\ntitle: React useHoverState hook\ntype: snippet\nlanguage: react\ntags: [hooks,event]\ncover: leaves\n"
        "listed: true\ndateModified: 2020-11-16\n---\n\nTracks hovering. See [sorting](/js/s/sorting-cheatsheet).\n"),
}


#: the templates of new pages its repository keeps beside the s/ folders (names invented)
THIRTY_SECONDS_TEMPLATES = {
    "content/snippets/js/page-template.md": (
        "---\ntitle: My page\nlanguage: javascript\ntags: [algorithm]\ncover: image\nexcerpt: A summary.\n"
        "listed: true\ndateModified: 2021-06-13\n---\n\nWrite here.\n"),
    "content/snippets/articles/story-template.md": (
        "---\ntitle: My story\ntype: story\ntags: [webdev]\ncover: image\ndateModified: 2021-06-13\n---\n\nWrite here.\n"),
}


@pytest.mark.parametrize("layout", ["repository", "content", "content/snippets", "content/snippets/js", "content/snippets/js/s"])
def test_a_30_seconds_of_code_site_since_2023_publishes_each_page_at_its_path(tmp_path: Path, layout: str):
    """Since 2023 30 seconds of code keeps each page at its url (content/snippets/js/s/bubble-sort.md at
    /js/s/bubble-sort/) and links pages by it: every link between pages was a stub, and from the
    repository its README was read beside the pages. Each page has its url now, links resolve, only
    content/snippets/ is read; a page left out of the site's lists (listed: false) is still a page. Read
    with several languages, a page is filed under its language's collection of its first tag, as the site
    files it (JavaScript algorithm, React hooks): a Python page tagged string was in one subject with the
    JavaScript ones. The
    site publishes content/snippets/**/s/*.md: the templates of new pages beside the s/ folders were
    pages (titled "My page", tagged as real ones); they are skipped, saying why. Read from one language's
    folder (content/snippets/js/), its pages had no url (every link a stub) and its template was a page."""
    import qagraph

    files = {**THIRTY_SECONDS_PAGES, "README.md": "# 30 seconds of something\n\nRead the [guide](CONTRIBUTING.md).\n",
             "astro.config.mjs": "export default defineConfig({\n  srcDir: 'src/astro',\n});\n",
             **THIRTY_SECONDS_TEMPLATES}
    for name, text in files.items():
        write_article(tmp_path / "repo", name, text)
    folder = tmp_path / "repo" / layout if layout != "repository" else tmp_path / "repo"
    result = load_corpus(folder)
    assert result.detection is not None and "30 seconds of code pages" in result.detection.reason
    below = "" if layout == "repository" else layout.removeprefix("content/snippets").strip("/") + "/"
    by = {a.path.removeprefix("content/snippets/").removeprefix(below.lstrip("/")): a for a in result.articles}
    js = {name: a for name, a in by.items() if "react/" not in name}
    # several languages read: the site's collection of the page's language and first tag (JavaScript algorithm)
    one_language = layout.startswith("content/snippets/js")
    algorithm = "algorithm" if one_language else "JavaScript algorithm"
    assert {name.rpartition("/")[2]: (a.subject, a.date) for name, a in js.items()} == {
        "sorting-cheatsheet.md": (algorithm, "2023-01-08"), "bubble-sort.md": (algorithm, "2020-12-28"),
        "heap-sort.md": (algorithm, "2021-01-02")}
    assert [(a.subject, a.keywords) for name, a in by.items() if "react/" in name] == (
        [] if one_language else [("React hooks", ("hooks", "event"))])
    bubble = next(a for name, a in js.items() if name.endswith("bubble-sort.md"))
    assert bubble.url.rstrip("/") == "/js/s/bubble-sort"
    inside = "" if layout == "repository" else layout + "/"
    templates = {name.removeprefix(inside) for name in THIRTY_SECONDS_TEMPLATES if name.startswith(inside)}
    assert sorted(result.skipped) == sorted({*templates, *(["README.md"] if layout == "repository" else [])})
    assert all("a template of new pages" in p.message for p in result.problems if p.path in templates)
    assert_every_file_accounted_for(result)
    kg = qagraph.build(folder, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert [kg.graph.nodes[n]["title"] for n in kg.related(bubble.key)] == ["Sorting Cheat Sheet", "Heap sort"]


#: Learn X in Y minutes' docs: English pages at the root, translations in a folder each, credits as
#: [name, url] lists (names and texts invented)
LEARN_X_PAGES = {
    "lua.md": ('---\nname: Lua\ncontributors:\n    - ["Ann Example", "https://ann.example/"]\nfilename: learnlua.lua\n'
               '---\n\nSee the [manual](https://www.lua.org/manual/).\n\n```lua\n-- https://example.org/in-code\n'
               'print("[not a link](/nowhere/)")\n```\n\n## Further reading\n'),
    "make.md": ('---\ncategory: tool\ntool: Make\ncontributors:\n    - ["Bo Example", "https://bo.example/"]\n'
                'filename: Makefile\n---\n\n## Targets\n\n| `[[x]]` | [[1]](https://www.example.org) |\n\n'
                'Written in <a href="/lua/">Lua</a>.\n'),
    "love2d.md": ('---\ncategory: framework\nframework: LOVE\ncontributors:\n    - ["Cy Example"]\n---\n\n'
                  '# Getting started\n\nLearn [Lua](../lua/) first, or [its old page](https://learnxinyminutes.com/docs/lua/).\n'),
    "fr/lua.md": ('---\ncontributors:\n    - ["Ann Example", "https://ann.example/"]\ntranslators:\n'
                  '    - ["Dee Exemple", "https://dee.example/"]\n---\n\n## Pour aller plus loin\n\n'
                  'Voir [Make](../make/) et [Lua](/docs/lua/).\n'),
    "fr/make.md": ('---\ncontributors:\n    - ["Bo Example", "https://bo.example/"]\n---\n\n## Cibles\n\n'
                   'Voir [Lua](https://learnxinyminutes.com/docs/fr-fr/lua-fr/).\n'),
    "README.md": "# Learn things\n\nRead the [guide][1].\n\n[1]: /CONTRIBUTING.md\n",
    "CONTRIBUTING.md": "# Contributing\n\nWrite a header:\n",
}


def test_learn_x_in_y_minutes_pages_are_read_as_its_site_publishes_them(tmp_path: Path):
    """Learn X in Y minutes' docs were read as a folder of notes: no urls, a page titled by its first
    heading ("Further reading", "Getting started") or its file name (a translation names nothing),
    filed under its language's folder (fr), its links between pages lost. Its site's build publishes
    python.md at /python/ and fr/python.md at /fr/python/, names a page by its tool, framework or
    name, lists it under its category (Languages when none), gives a translation the English
    page's name and category, and makes no page of the README or the contributing guide; a
    relative link leads where a browser goes from the page's url, the old urls /docs/lua/ and
    /docs/fr-fr/lua-fr/ to the page they redirect to; the credits name its authors, their urls are
    no links, nor is a url in code; its Markdown has no wiki-links (``[[1]](https://x.org)`` is a
    link to x.org), but HTML links."""
    import qagraph

    write_site(tmp_path / "docs", LEARN_X_PAGES)
    result = load_corpus(tmp_path / "docs")
    assert result.detection is not None and "Learn X in Y minutes" in result.detection.reason
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "lua.md": ("/lua/", "Lua", "Languages"), "make.md": ("/make/", "Make", "Tools"),
        "love2d.md": ("/love2d/", "LOVE", "Frameworks and Libraries"),
        "fr/lua.md": ("/fr/lua/", "Lua", "Languages"), "fr/make.md": ("/fr/make/", "Make", "Tools")}
    assert {a.path: a.author for a in result.articles if "make" in a.path} == {
        "make.md": "Bo Example", "fr/make.md": "Bo Example"}
    assert {p.path: p.message for p in result.problems} == {
        "README.md": "the repository's README: the site's build makes no page of it",
        "CONTRIBUTING.md": "the contributing guide: the site's build makes no page of it"}
    assert_every_file_accounted_for(result)
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    by_path = {a.path: a.key for a in result.articles}
    assert [kg.graph.nodes[n]["url"] for n in kg.related(by_path["love2d.md"])] == ["/lua/"]
    assert [kg.graph.nodes[n]["url"] for n in kg.related(by_path["fr/lua.md"])] == ["/fr/make/", "/lua/"]
    assert [kg.graph.nodes[n]["url"] for n in kg.related(by_path["make.md"])] == ["/lua/"]
    assert [kg.graph.nodes[n]["url"] for n in kg.related(by_path["fr/make.md"])] == ["/fr/lua/"]
    assert kg.related(by_path["lua.md"]) == []


def test_learn_x_in_y_minutes_before_2024_published_its_pages_below_docs(tmp_path: Path):
    """Before 2024 Learn X in Y minutes' site (Middleman) published lua.html.markdown at /docs/lua/
    and fr-fr/lua-fr.html.markdown at /docs/fr-fr/lua-fr/, where its pages link to one another: they
    had no url, their links were stubs. Now they are at those urls, and their links reach them."""
    import qagraph

    write_site(tmp_path / "docs", {
        "lua.html.markdown": ('---\nlanguage: lua\ncontributors:\n    - ["Ann Example", "https://ann.example/"]\n---\n\n'
                              'Build it with [Make](/docs/make/).\n'),
        "make.html.markdown": '---\ncategory: tool\ntool: make\ncontributors:\n    - ["Bo Example"]\n---\n\nText.\n',
        "fr-fr/lua-fr.html.markdown": ('---\nlanguage: lua\nlang: fr-fr\ncontributors:\n    - ["Ann Example"]\n---\n\n'
                                       'Voir [Lua](https://learnxinyminutes.com/docs/lua/) et [Make](../../make/).\n'),
        "README.markdown": "# Learn things\n",
    })
    result = load_corpus(tmp_path / "docs")
    assert result.detection is not None and "before 2024" in result.detection.reason
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "lua.html.markdown": ("/docs/lua/", "lua", "Languages"), "make.html.markdown": ("/docs/make/", "make", "Tools"),
        "fr-fr/lua-fr.html.markdown": ("/docs/fr-fr/lua-fr/", "lua", "Languages")}
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    french = next(a.key for a in result.articles if a.path.startswith("fr-fr/"))
    assert [kg.graph.nodes[n]["url"] for n in kg.related(french)] == ["/docs/lua/", "/docs/make/"]


@pytest.mark.parametrize(("fence", "link", "url"), [
    ("jsx", None, "/react/s/use-toggle"), ("py", None, "/python/s/use-toggle"), ("js", None, "/js/s/use-toggle"),
    ("jsx", "/react/s/other-hook", "/react/s/use-toggle"), ("sh", None, None), ("sh", "/git/s/other-hook", "/git/s/use-toggle"),
    ("jsx", "/js/s/copy-to-clipboard/", "/react/s/use-toggle"),  # a link to another collection's snippet
    ("php", None, "/php/s/use-toggle"), ("dart", None, "/dart/s/use-toggle"),
])
def test_a_30_seconds_of_code_collection_s_url_folder_is_its_language_s(tmp_path: Path, fence: str, link: str | None,
                                                                        url: str | None):
    """Each collection of 30 seconds of code is published in a folder of its own (/js/s/, /react/s/,
    /python/s/, /php/s/, /dart/s/): the one its snippets link to, else the one of the language of their code
    (the PHP and Dart collections' snippets had none, and links to them were stubs); none when
    neither says (a link to a snippet then stays a stub rather than lead to a guessed page). A link to
    a snippet of another collection (a React hook's to /js/s/copy-to-clipboard/) says nothing of this
    one's: such a link made every React snippet's url /js/s/."""
    see = f" See [the other]({link})." if link else ""
    for name in ("useToggle", "otherHook"):
        write_article(tmp_path, f"{name}.md", f"---\ntitle: {name}\ntags: hooks,state,intermediate\n"
                      f"firstSeen: 2020-01-01T10:00:00+02:00\n---\n\nA hook.{see}\n\n```{fence}\nx\n```\n")
    result = load_corpus(tmp_path)
    assert by_key(result)["useToggle"].url == url


#: a 30 seconds of code collection of 2019-2020, before firstSeen: a title and a tags text that ends with a
#: level (names invented)
THIRTY_SECONDS_2020 = {
    "snippets/split_pairs.md": "---\ntitle: split_pairs\ntags: list,beginner\n---\n\nSplits.\n\n```py\ndef f(): pass\n```\n",
    "snippets/merge_pairs.md": ("---\ntitle: merge_pairs\ntags: list,dictionary,intermediate\n---\n\nMerges what "
                                "[split_pairs](/python/s/split-pairs) made.\n\n```py\ndef f(): pass\n```\n"),
    "snippets/half_of.md": "---\ntitle: half_of\ntags: math, beginner\n---\n\nHalves.\n\n```py\ndef f(): pass\n```\n",
    "snippets/draw_steps.md": "---\ntitle: draw_steps\ntags: Pattern,Beginner\n---\n\nDraws.\n\n```py\ndef f(): pass\n```\n",
    "snippets/walk_deep.md": "---\ntitle: walk_deep\ntags: list,recursion,advanced\n---\n\nWalks.\n\n```py\ndef f(): pass\n```\n",
}


def _snippet_collection(tmp_path: Path, files: dict[str, str], layout: str) -> tuple[Path, LoadResult, str]:
    """``files`` written into a repository and loaded from its root (``layout`` ``"repository"``) or from
    its ``snippets/`` folder: the folder read, the load's result, and the prefix of its snippets' keys."""
    for name, text in files.items():
        write_article(tmp_path / "repo", name, text)
    folder = tmp_path / "repo" if layout == "repository" else tmp_path / "repo" / "snippets"
    return folder, load_corpus(folder), "snippets/" if layout == "repository" else ""


@pytest.mark.parametrize("layout", ["snippets", "repository"])
def test_a_30_seconds_of_code_collection_before_first_seen_reads_as_its_site_publishes_it(tmp_path: Path, layout: str):
    """In 2019 and 2020 30 seconds of code's snippets had no firstSeen yet: a title and a tags text whose
    last tag is the level, in snippets/. Such a collection was read as any folder: every level a keyword
    (beginner shared by most snippets), no url (links between snippets stubs) and the repository's
    snippet template a page. It reads as the later ones now."""
    import qagraph

    folder, result, prefix = _snippet_collection(
        tmp_path, {**THIRTY_SECONDS_2020, **(THIRTY_SECONDS_REPOSITORY if layout == "repository" else {})}, layout)
    assert result.detection is not None and "a tags text ending with a level in" in result.detection.reason
    by = {a.key.removeprefix(prefix): a for a in result.articles}
    assert {key: (a.subject, a.keywords, a.url) for key, a in by.items()} == {
        "split_pairs": ("list", ("list",), "/python/s/split-pairs"),
        "merge_pairs": ("list", ("list", "dictionary"), "/python/s/merge-pairs"),
        "half_of": ("math", ("math",), "/python/s/half-of"), "draw_steps": ("Pattern", ("Pattern",), "/python/s/draw-steps"),
        "walk_deep": ("list", ("list", "recursion"), "/python/s/walk-deep")}
    if layout == "repository":
        assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md", "snippet-template.md"]
    assert_every_file_accounted_for(result)
    kg = qagraph.build(folder, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0 and kg.related(prefix + "merge_pairs") == [f"article:{prefix}split_pairs"]


#: a 30 seconds of code collection before front matter (CSS, React, until 2019): a heading, the snippet, its
#: tags in a comment line (names invented)
THIRTY_SECONDS_2018 = {
    "snippets/wavy-border.md": "### Wavy border\n\nDraws a wavy border.\n\n```css\n.w {}\n```\n\n<!-- tags: visual, animation -->\n",
    "snippets/centred-grid.md": ("### Centred grid\n\nCentres a child.\n\n```css\n.g {}\n```\n\n#### Browser support\n\n"
                                 "<!-- Use the checkmark or the warning emoji. -->\n\n<!-- tags: layout -->\n"),
    "snippets/glow-on-focus.md": "### Glow on focus\n\nGlows.\n\n```css\n.f {}\n```\n\n<!-- tags: interactivity,visual -->\n",
    "snippets/scroll-hint.md": "### Scroll hint\n\nHints at more content.\n\n```css\n.s {}\n```\n",
}


@pytest.mark.parametrize("layout", ["snippets", "repository"])
def test_a_30_seconds_of_code_collection_before_front_matter_is_titled_and_tagged_as_its_site_shows_it(
        tmp_path: Path, layout: str):
    """Until 2019 the CSS and React collections of 30 seconds of code had no front matter: a snippet is
    titled by its heading and tagged by a <!-- tags: visual, animation --> line, which the site showed
    as its tags. Every snippet was Uncategorised and untagged, and from the repository its README and
    contributing guide (the snippet template, with its own tags placeholder) were pages beside them."""
    files = {**THIRTY_SECONDS_2018, **({"README.md": "# 30 seconds of something\n\nRead the [guide](CONTRIBUTING.md).\n",
              "CONTRIBUTING.md": "### Snippet name\n\nWhat it does.\n\n<!-- tags: (separate each by a comma) -->\n"}
             if layout == "repository" else {})}
    folder, result, prefix = _snippet_collection(tmp_path, files, layout)
    assert result.detection is not None and "before front matter" in result.detection.reason
    by = {a.key.removeprefix(prefix): a for a in result.articles}
    assert {key: (a.title, a.subject, a.keywords, a.url) for key, a in by.items()} == {
        "wavy-border": ("Wavy border", "visual", ("visual", "animation"), None),
        "centred-grid": ("Centred grid", "layout", ("layout",), None),
        "glow-on-focus": ("Glow on focus", "interactivity", ("interactivity", "visual"), None),
        "scroll-hint": ("Scroll hint", "Uncategorised", (), None)}
    if layout == "repository":
        assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md"]
    assert_every_file_accounted_for(result)


#: 30 seconds of interviews' questions: a heading that asks, the answer, tags and expertise in comment lines
#: (texts invented)
THIRTY_SECONDS_INTERVIEWS = {
    "questions/event-loop.md": ("### What does the event loop do?\n\n#### Answer\n\nIt runs queued tasks.\n\n"
                                "#### Good to hear\n\n* Microtasks\n\n<!-- tags: (node,javascript) -->\n\n"
                                "<!-- expertise: (2) -->\n"),
    "questions/box-model.md": ("### What is the box model?\n\n#### Answer\n\nContent, padding, border, margin.\n\n"
                               "<!-- tags: (css) -->\n\n<!-- expertise: (0) -->\n"),
    "questions/hoisting.md": ("### What is hoisting?\n\n```js\nconsole.log(x) // <!-- tags: (code) -->\nvar x = 1\n```\n\n"
                              "#### Answer\n\nDeclarations move up.\n\n<!-- tags: (javascript) -->\n"),
}


@pytest.mark.parametrize("layout", ["questions", "repository"])
def test_30_seconds_of_interviews_questions_are_tagged_as_its_site_shows_them(tmp_path: Path, layout: str):
    """30 seconds of interviews keeps a question a file in questions/, its tags in a <!-- tags: (node,javascript) -->
    line, which its site shows as JavaScript, Node...: every question was Uncategorised and untagged, and from the
    repository its README and contributing guide were questions beside them."""
    files = {**THIRTY_SECONDS_INTERVIEWS,
             "README.md": "# 30 seconds of something\n\n### JavaScript\n\n* [What is hoisting?](#what-is-hoisting)\n",
             "CONTRIBUTING.md": "### Question\n\n#### Answer\n\n<!-- tags: (javascript,css) -->\n"}
    for name, text in files.items():
        write_article(tmp_path / "repo", name, text)
    folder = tmp_path / "repo" / ("questions" if layout == "questions" else "")
    result = load_corpus(folder)
    assert result.detection is not None and "30 seconds of interviews" in result.detection.reason
    assert {a.path.rpartition("/")[2]: (a.title, a.subject, a.keywords) for a in result.articles} == {
        "event-loop.md": ("What does the event loop do?", "Node", ("node", "javascript")),
        "box-model.md": ("What is the box model?", "CSS", ("css",)),
        "hoisting.md": ("What is hoisting?", "JavaScript", ("javascript",))}
    if layout == "repository":
        assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md"]
    assert_every_file_accounted_for(result)


def test_a_tags_comment_outside_a_snippets_folder_is_a_comment(tmp_path: Path):
    """A <!-- tags: --> line in notes that are no 30 seconds of code collection stays a comment."""
    for name in ("a", "b", "c"):
        write_article(tmp_path / "notes", f"{name}.md", f"# Note {name}\n\nText.\n\n<!-- tags: draft, later -->\n")
    result = load_corpus(tmp_path / "notes")
    assert result.detection is not None and "30 seconds" not in result.detection.reason
    assert {a.keywords for a in result.articles} == {()}


@pytest.mark.parametrize("folder", ["notes", "snippets"])
def test_tags_texts_alone_do_not_make_a_30_seconds_of_code_collection(tmp_path: Path, folder: str):
    """Comma-separated tags are common; a level as the last tag outside snippets/ (a blog's tutorials),
    or other last tags in snippets/, make no 30 seconds of code collection: no url is made up, the last
    tag is a keyword as any other."""
    tags = ["python,beginner", "css,layout,beginner", "git,advanced"] if folder == "notes" else [
        "python,setup", "css,layout", "git,branches"]
    for i, tag in enumerate(tags):
        write_article(tmp_path / "site", f"{folder}/post_{i}.md", f"---\ntitle: Post {i}\ntags: {tag}\n---\n\nText.\n\n"
                      "```py\nx = 1\n```\n")
    result = load_corpus(tmp_path / "site")
    assert result.detection is not None and "30 seconds" not in result.detection.reason
    assert {a.url for a in result.articles} == {None}
    assert by_key(result)[f"{folder}/post_2"].keywords == tuple(tags[2].split(","))


# -- Obsidian --------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["auto", "obsidian"])
def test_obsidian_notes_are_titled_by_file_name_and_filed_by_folder(how: str):
    result = load_corpus(OBSIDIAN, preset=how)
    assert result.counts | {} == {**result.counts, "files": 19, "articles": 19, "rejected": 0, "skipped": 0}
    assert result.hidden == [(".github", 2), (".obsidian", 0)]
    assert subjects(result) == OBSIDIAN_SUBJECTS
    notes = by_key(result)
    alice = notes["01 - Community/People/Alice"]
    assert (alice.title, alice.subject, alice.keywords) == ("Alice", "Community", ("person", "community", "mentor"))
    assert alice.extra["aliases"] == ["Ally"]
    assert notes["Projects/Beta"].keywords == ("project", "beta")  # tags: "#project #beta"
    assert notes["02 - Work/Meeting notes"].keywords == ("meeting", "work", "weekly")  # comma string + inline tag
    assert notes["Inbox"].keywords == ("inbox",)  # not #123, not issue#4
    assert notes["Home"].keywords == ("welcome",)  # not `#notatag`, not a code block's #nope, not a url's #features
    assert notes["01 - Community/Events/Meetup 2023"].keywords == ()  # tags: with a lone "- "
    assert notes["Projects/Gamma"].title == "Gamma" and notes["Projects/Gamma"].body == ""
    assert_every_file_accounted_for(result)


def test_a_zettelkasten_note_s_tags_line_names_its_tags(tmp_path: Path):
    """A Zettelkasten's template opens each note with its date, a Status: #tag and a Tags: line of
    links to its topics' notes (the vault's own scripts and queries file notes by them): the topics
    are the note's tags, and the links stay links. Every note was tagged only by its status (baby).
    A Tags: line further down, in code, or of an attachment names no tag."""
    vault = tmp_path / "vault"
    write_site(vault, {
        ".obsidian/app.json": '{"newFileFolderPath": "4 - Notes"}',
        "2 - Topics/Orbital Mechanics.md": "# Orbital Mechanics\n\nParent topic: [[Physics]]\n\n"
                                           "```query\npath:\"4 - Notes\" \"[[Orbital Mechanics]]\"\n```\n",
        "4 - Notes/Hohmann Transfer.md": "2025-03-04 10:12\n\nStatus: #baby\n\n"
                                         "Tags: [[Orbital Mechanics]] · [[2 - Topics/Mission Design|design]]\n\n"
                                         "# Hohmann Transfer\n\nTwo burns between orbits, see [[Delta-v]].\n\n"
                                         "# References\n\n[[orbits-primer.pdf]]\n",
        "4 - Notes/Delta-v.md": "2025-03-04 10:20\n**Status**: #adult\n**Tags**: [[Orbital Mechanics]], [[chart.png]]\n\n"
                                "# Delta-v\n\n```\nTags: [[In Code]]\n```\n",
        "4 - Notes/Launch Window.md": "# Launch Window\n\n" + "A line of text.\n\n" * 10 + "Tags: [[Late Line]]\n",
    })
    result = load_corpus(vault)
    notes = by_key(result)
    assert notes["4 - Notes/Hohmann Transfer"].keywords == ("baby", "Orbital Mechanics", "Mission Design")
    assert [link.target for link in notes["4 - Notes/Hohmann Transfer"].related] == [
        "Orbital Mechanics", "2 - Topics/Mission Design", "Delta-v"]
    assert notes["4 - Notes/Delta-v"].keywords == ("adult", "Orbital Mechanics")
    assert notes["4 - Notes/Launch Window"].keywords == ()
    assert notes["2 - Topics/Orbital Mechanics"].keywords == ()
    assert_every_file_accounted_for(result)


def test_a_zettelkasten_note_is_dated_by_its_first_line(tmp_path: Path):
    """The same template's first line is the moment the note was written ({{date}} {{time}}): it
    is the note's date, below a date field, which a note may still have. Every note was undated."""
    vault = tmp_path / "vault"
    write_site(vault, {
        ".obsidian/app.json": "{}",
        "Notes/Hohmann Transfer.md": "2025-03-04 10:12\n\nStatus: #baby\n\nTags: [[Orbital Mechanics]]\n\n# Hohmann Transfer\n",
        "Notes/Delta-v.md": "\n2025/03/05\nTags: [[Orbital Mechanics]]\n",
        "Notes/Launch Window.md": "---\ndate: 2024-12-01\n---\n2025-03-06 09:00\n",
        "Notes/Log.md": "2025-02-30 10:00\n\n2025-03-01 is when it began.\n",
    })
    notes = by_key(load_corpus(vault))
    assert {key: a.date for key, a in notes.items()} == {
        "Notes/Hohmann Transfer": "2025-03-04T10:12:00", "Notes/Delta-v": "2025-03-05",
        "Notes/Launch Window": "2024-12-01", "Notes/Log": None}


@pytest.mark.parametrize(("settings", "folder"), [
    ({".obsidian/templates.json": '{"folder": "Meta/Templates"}'}, "Meta/Templates"),  # the core Templates plugin
    ({".obsidian/plugins/templater-obsidian/data.json": '{"templates_folder": "/Meta/Templates/", "trigger_on_file_creation": false}'},
     "Meta/Templates"),  # Templater
])
def test_a_vault_s_templates_folder_holds_no_notes(tmp_path: Path, settings: dict[str, str], folder: str):
    """The templates a vault's settings name (Templates, Templater) are skeletons of new notes,
    {{date}} and {{title}} placeholders in them: they were notes of the graph, a subject of their own,
    and a warning each for their front matter, which YAML cannot read."""
    vault = tmp_path / "vault"
    for name, text in {**settings, ".obsidian/app.json": "{}",
                       "Meta/Templates/Daily.md": "---\ndate: {{date:YYYY-MM-DD}}\ntags: daily\n---\n# {{date}}\n",
                       "Meta/Templates/Meeting.md": "---\ntitle: \"{{title}}\"\n---\nRelated: [[{{project}}]]\n",
                       "Meta/Style guide.md": "How notes are written.\n",
                       "Daily Notes/2024-03-01.md": "---\ndate: 2024-03-01\ntags: daily\n---\n# Friday\n",
                       "Projects/Templates.md": "Templates of the project's documents.\n"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert sorted(a.path for a in result.articles) == ["Daily Notes/2024-03-01.md", "Meta/Style guide.md",
                                                       "Projects/Templates.md"]
    why = {p.path: p.message for p in result.problems}
    assert set(why) == {f"{folder}/Daily.md", f"{folder}/Meeting.md"}
    assert why[f"{folder}/Daily.md"] == (f"in {folder}/, the vault's templates of new notes (its settings say so): "
                                         "not a note")


@pytest.mark.parametrize(("settings", "names", "dated"), [
    ({".obsidian/daily-notes.json": '{"folder": "Journal/"}'},  # a folder below too (the calendar reads them all)
     ["Journal/2024-03-01.md", "Journal/2023/2023-12-31.md", "Journal/Plan.md", "Notes/2024-03-02.md"],
     ["2024-03-01", "2023-12-31", None, None]),
    ({".obsidian/daily-notes.json": '{"format": "dddd, MMMM Do YYYY"}'},  # the vault's root, and below, by default
     ["Friday, March 1st 2024.md", "Journal/Saturday, March 2nd 2024.md", "Journal/Plan.md"],
     ["2024-03-01", "2024-03-02", None]),
    ({".obsidian/daily-notes.json": '{"folder": "Journal", "format": "YYYY-MM-DD"}',  # the plugin's, in their place
      ".obsidian/plugins/periodic-notes/data.json": '{"daily": {"enabled": true, "folder": "Days", "format": "DD.MM.YYYY"}}'},
     ["Days/01.03.2024.md", "Journal/2024-03-02.md"], ["2024-03-01", None]),
    ({".obsidian/daily-notes.json": '{"folder": "02. Journal", "format": "YYYY-MM-DD dddd \\\\J\\\\o\\\\u\\\\r\\\\n\\\\a\\\\l"}'},
     ["02. Journal/2024-03-01 Friday Journal.md"], ["2024-03-01"]),  # moment's \J: the letter J
    ({".obsidian/daily-notes.json": '{"folder": "Journal", "format": "YYYY/MM/YYYY-MM-DD"}'},  # a folder a month
     ["Journal/2024/03/2024-03-01.md"], ["2024-03-01"]),
    ({".obsidian/daily-notes.json": '{"folder": "Journal", "format": "gggg-[W]ww"}'},  # a week's number: not read
     ["Journal/2024-W09.md"], [None]),
])
def test_a_vault_s_daily_notes_are_dated_by_their_names(tmp_path: Path, settings: dict[str, str], names: list[str],
                                                        dated: list[str | None]):
    """A daily note is the day its name says, in the folder and format the vault's settings give the Daily notes
    plugin (or Periodic Notes, which makes them in its place): the plugin and the calendar open it on that day.
    It had no date; a note of another folder or name has none still."""
    vault = tmp_path / "vault"
    for name in names:
        write_article(vault, name, "Worked on [[Plan]].\n")
    for name, text in {**settings, ".obsidian/app.json": "{}"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert [by_key(result)[name[:-3]].date for name in names] == dated
    assert ("daily notes not dated" in result.detection.reason) == (dated == [None])


def test_daily_notes_settings_without_their_folder_say_nothing(tmp_path: Path):
    """Settings naming a folder of daily notes the vault does not hold (a repository of templates) date nothing and
    are not said to."""
    vault = tmp_path / "vault"
    for name, text in {".obsidian/app.json": "{}", ".obsidian/daily-notes.json": '{"folder": "Daily"}',
                       "Notes/2024-03-01.md": "A note.\n"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert "daily notes" not in result.detection.reason and by_key(result)["Notes/2024-03-01"].date is None


def test_a_vault_s_excluded_files_are_no_notes(tmp_path: Path):
    """A vault's settings exclude its archive and its drafts (Files and links > Excluded files, app.json's
    userIgnoreFilters: a folder, a /regular expression/): Obsidian leaves them out of its graph and search,
    qagraph read them as notes. A folder of the same name deeper in the vault is not excluded."""
    vault = tmp_path / "vault"
    filters = ["Archive/", "/\\.draft\\.md$/", ""]
    for name, text in {".obsidian/app.json": '{"userIgnoreFilters": %s}' % json.dumps(filters),
                       "Archive/Old plan.md": "Superseded by [[Plan]].\n", "Notes/Plan.md": "The plan.\n",
                       "Notes/Plan.draft.md": "A draft of [[Plan]].\n", "Notes/Archive/Kept.md": "Kept.\n",
                       "Home.md": "See [[Plan]].\n"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert sorted(a.path for a in result.articles) == ["Home.md", "Notes/Archive/Kept.md", "Notes/Plan.md"]
    why = {p.path: p.message for p in result.problems}
    assert why == {"Archive/Old plan.md": "excluded in the vault's settings (Excluded files: Archive/): "
                                          "not in Obsidian's graph",
                   "Notes/Plan.draft.md": "excluded in the vault's settings (Excluded files: /\\.draft\\.md$/): "
                                          "not in Obsidian's graph"}


def test_a_vault_s_markdown_and_mdx_files_are_no_notes(tmp_path: Path):
    """Obsidian reads .md files as notes, and no other Markdown suffix: a vault's Draft.markdown and
    Widget.mdx are files it lists as other files (or not at all), with no properties and in no graph.
    qagraph read them as two more notes, and [[Draft]] reached one. They are skipped, saying why."""
    vault = tmp_path / "vault"
    write_site(vault, {".obsidian/app.json": "{}", "Home.md": "See [[Plan]], [[Draft]] and [[Widget]].\n",
                       "Plan.md": "---\ntags: [plan]\n---\nThe plan.\n", "Draft.markdown": "---\ntags: [x]\n---\nA draft.\n",
                       "Widget.mdx": "# Widget\n"})
    why = "Obsidian reads .md files as notes: not a note"
    for preset in ("auto", "obsidian"):
        result = load_corpus(vault, preset=preset)
        assert sorted(a.path for a in result.articles) == ["Home.md", "Plan.md"], preset
        assert {p.path: (p.severity, p.message) for p in result.problems} == {
            "Draft.markdown": (SKIPPED, why), "Widget.mdx": (SKIPPED, why)}, preset
    kg = build(vault, preset="obsidian")
    assert sorted(d["label"] for _, d in kg.graph.nodes(data=True) if d["kind"] == "stub") == ["Draft", "Widget"]


def test_a_templates_folder_the_vault_no_longer_has_is_a_warning(tmp_path: Path):
    """Settings kept from an older layout name a templates folder the vault has renamed since: Obsidian
    finds no templates there, and the notes of the renamed folder are notes. The build said "templates
    of new notes skipped (Meta/Templates/)" all the same, so a user who met the templates among the
    notes was told the opposite of what happened; now the settings file is named in a warning."""
    vault = tmp_path / "vault"
    for name, text in {".obsidian/templates.json": '{\n  "theme": "x",\n  "folder": "Meta/Templates"\n}',
                       ".obsidian/plugins/templater-obsidian/data.json": '{"templates_folder": "Scaffolds"}',
                       "Scaffolds/Meeting.md": "# {{title}}\n",
                       "Contribute/01 Templates/T - Person.md": "# {{title}}\n\nAuthor of [[{{plugin}}]]\n",
                       "People/Ann.md": "Wrote [[Style guide]].\n", "Style guide.md": "How notes are written.\n"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert sorted(a.path for a in result.articles) == ["Contribute/01 Templates/T - Person.md", "People/Ann.md",
                                                       "Style guide.md"]
    assert "templates of new notes skipped (Scaffolds/)" in result.detection.reason
    assert "Meta/Templates" not in result.detection.reason
    assert [(p.path, p.line, p.code, p.severity, p.message) for p in result.problems if p.code == "site-config"] == [
        (".obsidian/templates.json", 3, "site-config", WARNING,  # the line that names it
         "the templates folder it names, Meta/Templates/, is not in the vault: no note is skipped as a template")]


def test_a_repository_that_keeps_its_vault_in_a_folder_is_read_from_the_vault(tmp_path: Path):
    """A repository with its README and CI beside the vault (notes/.obsidian/), built from the
    repository's root. The folder was no vault to qagraph: every note was filed under the subject
    "Notes" (the vault's own folder), the README was a note, and the vault's settings (its templates
    folder, [[target|label]] read only by file name) were not read. Now the vault's folder is read as
    the vault: subjects from its folders, templates skipped, the files beside it skipped, saying why."""
    repo = tmp_path / "repo"
    for name, text in {"README.md": "# My notes\n\nOpen [[notes]] in Obsidian.\n",
                       ".github/ISSUE_TEMPLATE.md": "Describe the note.\n",
                       "notes/.obsidian/templates.json": '{"folder": "Meta/Templates"}',
                       "notes/Meta/Templates/Daily.md": "# {{date}}\n",
                       "notes/Databases/Postgres.md": "---\ntags: [sql]\n---\nLike [[MySQL]], see [[Indexes|idx]].\n",
                       "notes/Databases/MySQL.md": "Versus [[Postgres]].\n",
                       "notes/Theory/Indexes.md": "Used by [[Postgres#Plans]].\n",
                       "notes/Inbox.md": "Read [[Indexes]].\n"}.items():
        write_article(repo, name, text)
    result = load_corpus(repo)
    assert result.detection is not None and result.detection.preset == "obsidian"
    assert "notes/.obsidian/ folder (an Obsidian vault in notes/: read from there)" in result.detection.reason
    assert "templates of new notes skipped (Meta/Templates/)" in result.detection.reason
    assert {a.path: a.subject_slug for a in result.articles} == {
        "notes/Databases/Postgres.md": "databases", "notes/Databases/MySQL.md": "databases",
        "notes/Theory/Indexes.md": "theory", "notes/Inbox.md": "uncategorised"}
    assert {p.path: p.message for p in result.problems if p.severity == SKIPPED} == {
        "README.md": "outside the content folder notes/: not a page",
        "notes/Meta/Templates/Daily.md": "in notes/Meta/Templates/, the vault's templates of new notes (its settings "
                                         "say so): not a note"}
    kg = build(repo, out=tmp_path / "out")
    assert sorted((u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related") == [
        ("article:notes/Databases/MySQL", "article:notes/Databases/Postgres"),
        ("article:notes/Databases/Postgres", "article:notes/Databases/MySQL"),
        ("article:notes/Databases/Postgres", "article:notes/Theory/Indexes"),
        ("article:notes/Inbox", "article:notes/Theory/Indexes"),
        ("article:notes/Theory/Indexes", "article:notes/Databases/Postgres")]
    # two vaults side by side are no one vault: the repository is read as one folder of notes
    write_article(repo, "work/.obsidian/app.json", "{}")
    write_article(repo, "work/Plans.md", "See [[Inbox]].\n")
    assert "vault in" not in load_corpus(repo).detection.reason


def test_a_vault_note_s_tags_under_a_capitalised_name_are_its_tags(tmp_path: Path):
    """Obsidian reads a note's tags under any case of the name (Tags:, TAGS:, Tag:), as notes clipped or
    imported from other tools write them: qagraph read only tags: and tag:, so those notes had no
    keywords at all. A vault with no .obsidian/ folder (recognised by its notes) is read the same way."""
    for settings in (True, False):
        vault = tmp_path / f"vault-{settings}"
        notes = {"Clips/Shell tips.md": "---\nTags: osx docs bash\n---\nSee [[Bash]].\n",
                 "Clips/Bash.md": "---\nTAGS: [linux, \"#shell\"]\n---\nBack to [[Shell tips]].\n",
                 "Clips/Zsh.md": "---\nTag: shell\n---\nLike [[Bash]].\n"}
        if settings:
            notes[".obsidian/app.json"] = "{}"
        for name, text in notes.items():
            write_article(vault, name, text)
        assert {a.path: a.keywords for a in load_corpus(vault).articles} == {
            "Clips/Shell tips.md": ("osx", "docs", "bash"), "Clips/Bash.md": ("linux", "shell"),
            "Clips/Zsh.md": ("shell",)}


def test_a_vault_note_s_tags_text_is_split_at_commas_and_spaces_alike(tmp_path: Path):
    """Obsidian reads a tags text as tags between commas and spaces alike (parseFrontMatterTags: tags: foo bar
    is #foo and #bar; a tag holds no space): tags: "#draft idea, python" was two keywords, "draft idea" (no tag
    Obsidian knows) and python. A list is still taken item by item."""
    vault = tmp_path / "vault"
    write_site(vault, {".obsidian/app.json": "{}",
                       "Notes/Idea.md": "---\ntags: \"#draft idea, python\"\n---\nText.\n",
                       "Notes/Other.md": "---\ntags: [ml, data]\n---\nText.\n"})
    assert {a.path: a.keywords for a in load_corpus(vault).articles} == {
        "Notes/Idea.md": ("draft", "idea", "python"), "Notes/Other.md": ("ml", "data")}


def test_a_vault_per_language_folder_links_within_its_language_and_files_by_its_topics(tmp_path: Path):
    """A help vault kept with its translations, one folder each (en/, pt-br/, zh/), each folder published as a
    site of its own. Read from the repository's root, every note's subject was its language (en, zh) and a
    translated note's [[Backup]] went to the English note of that name (a zh note's [[Tags]], which no zh
    note is, too): now the language folders are no subjects, and a link reaches its own language's notes."""
    repo = tmp_path / "help"
    for name, text in {"README.md": "Translations of [[Backup]] welcome.\n",
                       "en/Home.md": "---\naliases:\n  - Start here\n---\nSee [[Backup]] and [[Tags]].\n",
                       "en/Sync/Backup.md": "---\npermalink: sync/backup\n---\nBack to [[Home]].\n",
                       "en/Editing/Tags.md": "Tag notes, see [[Backup#Files|backups]].\n",
                       "pt-br/Home.md": "Veja [[Backup]].\n",
                       "pt-br/Sync/Backup.md": "Volte a [[Home]].\n",
                       "zh/Home.md": "参见 [[Backup]] 与 [[Tags\\|标签]]。\n",
                       "zh/Sync/Backup.md": "---\naliases:\n  - Backup\n---\n返回 [[Home]]。\n"}.items():
        write_article(repo, name, text)
    result = load_corpus(repo)
    assert result.detection is not None and result.detection.preset == "obsidian"
    assert "a vault per language (en/, pt-br/, zh/)" in result.detection.reason
    assert {a.path: a.subject_slug for a in result.articles} == {
        "README.md": "uncategorised", "en/Home.md": "uncategorised", "pt-br/Home.md": "uncategorised",
        "zh/Home.md": "uncategorised", "en/Sync/Backup.md": "sync", "pt-br/Sync/Backup.md": "sync",
        "zh/Sync/Backup.md": "sync", "en/Editing/Tags.md": "editing"}
    kg = build(repo, out=tmp_path / "out")
    links = sorted((u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related")
    assert links == sorted([
        ("article:README", "article:en/Sync/Backup"),  # the root is no language's: shortest path
        ("article:en/Home", "article:en/Sync/Backup"), ("article:en/Home", "article:en/Editing/Tags"),
        ("article:en/Editing/Tags", "article:en/Sync/Backup"), ("article:en/Sync/Backup", "article:en/Home"),
        ("article:pt-br/Home", "article:pt-br/Sync/Backup"), ("article:pt-br/Sync/Backup", "article:pt-br/Home"),
        ("article:zh/Home", "article:zh/Sync/Backup"), ("article:zh/Home", "article:Tags"),
        ("article:zh/Sync/Backup", "article:zh/Home")])


@pytest.mark.parametrize("buckets", [("1 Projects", "2 Areas", "3 Resources", "4 Archives"),
                                     ("01 - Projects", "02 - Areas", "03 - Resources", "Archive")])
def test_a_para_vault_files_its_notes_by_the_folders_inside_its_buckets(tmp_path: Path, buckets):
    """A vault sorted by PARA keeps nearly every note in one of four buckets, by how actionable it is; its
    topics are the folders inside. Every lesson of the Resources bucket had the subject "3 Resources": now
    it is its topic's folder (API Design), and a bucket's own note keeps the bucket."""
    projects, areas, resources, archives = buckets
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {"index.md": "---\ntitle: Home\n---\n[[Paging tokens are opaque]]\n",
                       f"{projects}/{projects}.md": "Active work.\n",
                       f"{projects}/Billing revamp/Invoices are batched nightly.md": "x\n",
                       f"{areas}/Team/Onboarding checklist.md": "x\n",
                       f"{resources}/API Design/Paging tokens are opaque.md": "---\ntags: [api]\n---\nx\n",
                       f"{resources}/API Design/Errors/Codes, not sentences.md": "x\n",
                       f"{archives}/Old site/Hosting moved.md": "x\n", "Daily/2026-01-05.md": "x\n"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert result.detection is not None and "a PARA vault" in result.detection.reason
    assert {a.path: a.subject for a in result.articles} == {
        "index.md": "Uncategorised", f"{projects}/{projects}.md": "Projects",  # numbered to sort: not the name
        f"{projects}/Billing revamp/Invoices are batched nightly.md": "Billing revamp",
        f"{areas}/Team/Onboarding checklist.md": "Team",
        f"{resources}/API Design/Paging tokens are opaque.md": "API Design",
        f"{resources}/API Design/Errors/Codes, not sentences.md": "API Design",
        f"{archives}/Old site/Hosting moved.md": "Old site", "Daily/2026-01-05.md": "Daily"}


def test_a_vault_that_numbers_its_folders_to_sort_them_names_its_subjects_without_the_numbers(tmp_path: Path):
    """A community vault numbers its top folders so that they sort in its own order (00 - About, 01 People,
    02.5 Extensions): the number is no part of the folder's name. Every subject was labelled and slugged
    with it ("00 - About"); now it is "About". A year that starts a folder's name is kept, and a vault
    with one numbered folder among others does not sort by number: its folder keeps the whole name."""
    vault = tmp_path / "hub"
    (vault / ".obsidian").mkdir(parents=True)
    for name in ("00 - About/Why this vault.md", "01 People/Ada.md", "02.5 Extensions/Kits/Starter kit.md",
                 "2024 Meetups/Berlin.md", "Home.md"):
        write_article(vault, name, "x\n")
    result = load_corpus(vault)
    assert result.detection is not None and "folders sorted by number" in result.detection.reason
    assert {a.path: (a.subject_slug, a.subject) for a in result.articles} == {
        "00 - About/Why this vault.md": ("about", "About"), "01 People/Ada.md": ("people", "People"),
        "02.5 Extensions/Kits/Starter kit.md": ("extensions", "Extensions"),
        "2024 Meetups/Berlin.md": ("2024-meetups", "2024 Meetups"), "Home.md": ("uncategorised", "Uncategorised")}
    for moved in ("01 People", "02.5 Extensions"):
        (vault / moved).rename(vault / moved.split(" ", 1)[1])
    assert {a.path: a.subject for a in load_corpus(vault).articles if a.path.startswith("00")} == {
        "00 - About/Why this vault.md": "00 - About"}
    books = tmp_path / "study"  # numbers that tell books of one name apart are the books' names
    (books / ".obsidian").mkdir(parents=True)
    for name in ("1 Kings/Ch 1.md", "2 Kings/Ch 1.md", "Psalms/Ch 1.md"):
        write_article(books, name, "x\n")
    assert sorted(a.subject for a in load_corpus(books).articles) == ["1 Kings", "2 Kings", "Psalms"]


def test_a_vault_that_keeps_its_notes_in_one_folder_files_them_by_the_folders_inside(tmp_path: Path):
    """A vault on GitHub keeps every note in one folder (SecondBrain/AI/..., SecondBrain/DB/..., beside the
    repository's README): every note had the subject "SecondBrain", which says nothing of its topic. The
    folders inside are the subjects, as in a PARA vault's bucket, and the folder's own notes keep its
    name; a vault with its notes spread over top folders, or whose one folder holds years, is read as before."""
    vault = tmp_path / "brain"
    (vault / ".obsidian").mkdir(parents=True)
    for name in ("README.md", "SecondBrain/Seminar notes.md", "SecondBrain/AI/Augmented coding.md",
                 "SecondBrain/AI/MCP/MCP client.md", "SecondBrain/AWS/IAM.md", "SecondBrain/AWS/SQS.md",
                 "SecondBrain/DB/Theory/MVCC.md", "Templates/Daily.md"):
        write_article(vault, name, "x\n")
    result = load_corpus(vault)
    assert result.detection is not None and "notes in one folder (SecondBrain/)" in result.detection.reason
    assert {a.path: a.subject for a in result.articles} == {
        "README.md": "Uncategorised", "SecondBrain/Seminar notes.md": "SecondBrain",
        "SecondBrain/AI/Augmented coding.md": "AI", "SecondBrain/AI/MCP/MCP client.md": "AI",
        "SecondBrain/AWS/IAM.md": "AWS", "SecondBrain/AWS/SQS.md": "AWS", "SecondBrain/DB/Theory/MVCC.md": "DB",
        "Templates/Daily.md": "Templates"}
    (vault / "SecondBrain/AWS").rename(vault / "AWS")
    (vault / "SecondBrain/DB").rename(vault / "DB")
    assert {a.path: a.subject for a in load_corpus(vault).articles if a.path.startswith("SecondBrain/AI/")} == {
        "SecondBrain/AI/Augmented coding.md": "SecondBrain", "SecondBrain/AI/MCP/MCP client.md": "SecondBrain"}
    journal = tmp_path / "journal"  # a journal's years are no topics
    (journal / ".obsidian").mkdir(parents=True)
    for name in ("Daily/2024/2024-01-02.md", "Daily/2025/2025-03-04.md", "Daily/2025/2025-03-05.md", "Home.md"):
        write_article(journal, name, "x\n")
    assert {a.subject for a in load_corpus(journal).articles} == {"Daily", "Uncategorised"}


def test_a_vault_with_a_projects_folder_alone_is_filed_by_its_top_folders(tmp_path: Path):
    """Projects/ and Archive/ beside other folders are no PARA: the top folders stay the subjects."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    for name in ("Projects/Garden/Beds.md", "Archive/2023/Trip.md", "Recipes/Soup.md"):
        write_article(vault, name, "x\n")
    assert {a.path: a.subject for a in load_corpus(vault).articles} == {
        "Projects/Garden/Beds.md": "Projects", "Archive/2023/Trip.md": "Archive", "Recipes/Soup.md": "Recipes"}


def test_an_obsidian_publish_vault_is_read_at_its_site_urls_without_unpublished_notes(tmp_path: Path):
    """A vault published with Obsidian Publish (its publish.css at the root) shows each note at its path,
    spaces as +, or at its permalink, and leaves out the notes marked publish: false. Its notes had no
    url at all, and a note kept out of the site was in the graph; a vault without Publish's files has no urls."""
    vault = tmp_path / "help"
    for name, text in {"publish.css": ".site-body { margin: 0 }\n",
                       "Home.md": "Start with [[Set up sync]] and [[Roadmap]].\n",
                       "Sync Service/Set up sync.md": "---\npermalink: sync/setup\npublish: true\n---\nBack [[Home]].\n",
                       "Sync Service/Roadmap.md": "---\npublish: false\n---\nNot yet.\n",
                       "Sync Service/Plans and limits.md": "---\npermalink: /sync/plans\n---\nSee [[Set up sync]].\n"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert "an Obsidian Publish vault (publish.css)" in result.detection.reason
    assert {a.path: a.url for a in result.articles} == {
        "Home.md": "/Home", "Sync Service/Set up sync.md": "/sync/setup",
        "Sync Service/Plans and limits.md": "/sync/plans"}
    assert [(p.path, p.message) for p in result.problems if p.severity == SKIPPED] == [
        ("Sync Service/Roadmap.md", "publish: false: not a page")]
    (vault / "publish.css").unlink()
    assert {a.path: a.url for a in load_corpus(vault).articles} == dict.fromkeys(
        ["Home.md", "Sync Service/Set up sync.md", "Sync Service/Roadmap.md", "Sync Service/Plans and limits.md"])


def test_an_obsidian_publish_vault_shows_the_templates_it_marks_publish_true(tmp_path: Path):
    """A community vault published with Obsidian Publish keeps its contributors' templates in the Templates
    plugin's folder and publishes those marked publish: true, for contributors to copy. They were skipped
    as skeletons of new notes, and links to them were stubs; the others stay skipped, as do all of a
    vault's templates when it is not a Publish site."""
    vault = tmp_path / "hub"
    for name, text in {".obsidian/templates.json": '{"folder": "10 Meta/Templates"}',
                       "publish.css": ".site-body { margin: 0 }\n",
                       "10 Meta/Templates/T - Person.md": "---\ntags: [seedling]\npublish: true\n---\n# {{title}}\n",
                       "10 Meta/Templates/T - Daily.md": "---\ndate: '{{date}}'\n---\n# {{title}}\n",
                       "10 Meta/How to add a person.md": "Start from [[T - Person]].\n"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert sorted(a.path for a in result.articles) == ["10 Meta/How to add a person.md",
                                                       "10 Meta/Templates/T - Person.md"]
    assert [p.path for p in result.problems if p.severity == SKIPPED] == ["10 Meta/Templates/T - Daily.md"]
    (vault / "publish.css").unlink()
    assert [a.path for a in load_corpus(vault).articles] == ["10 Meta/How to add a person.md"]


def test_a_digital_garden_vault_shows_only_the_notes_it_publishes(tmp_path: Path):
    """A vault published with the Obsidian Digital Garden plugin (its settings in .obsidian/plugins/)
    puts a note in the garden only when it says dg-publish: true, at its dg-permalink; the site's
    repository kept in the vault (src/site/notes/) holds the plugin's copies of the notes. Every note was
    an article, the journal and the drafts too, and each published note twice; a link to a note left out
    stays a stub (a note the garden does not show), not lost. The home note (dg-home: true) is the garden's /; a
    note moved with dg-path is in that folder of the garden, and dg-description describes it; a note without a
    dg-permalink is at its path slugified, as the plugin publishes it (unless its settings turn slugs off or
    rewrite paths)."""
    vault = tmp_path / "garden"
    for name, text in {".obsidian/plugins/digitalgarden/data.json": '{"siteName": "Notes"}',
                       "Start.md": "---\ndg-publish: true\ndg-home: true\ndg-permalink: welcome\n---\n"
                                   "See [[Graphs]] and [[Scratch]].\n",
                       "Courses/Graphs.md": "---\ndg-publish: 'true'\ntags: [algo]\n---\nBack to [[Start]]. #maths\n",
                       "Notes/Graph theory.md": "---\ndg-publish: true\ndg-permalink: graphs\ndg-path: Maths/Graph theory.md\n"
                                                "dg-description: Vertices and edges\n---\nSee [[Graphs]].\n",
                       "Scratch.md": "---\ndg-publish: false\n---\nhalf an idea\n",
                       "2024-01-05.md": "# A day\nnothing to see\n",
                       "Ideas.md": "---\ntags: [later]\n---\nnot yet\n",
                       "src/site/notes/Courses/Graphs.md": '---\n{"dg-publish":true,"permalink":"/courses/graphs/"}\n---\nBack.\n'
                       }.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert "a Digital Garden vault" in result.detection.reason
    assert {a.path: (a.url, a.subject, a.keywords) for a in result.articles} == {
        "Start.md": ("/", "Uncategorised", ()), "Notes/Graph theory.md": ("/graphs", "Maths", ()),
        "Courses/Graphs.md": ("/courses/graphs", "Courses", ("algo", "maths"))}
    assert [a.description for a in result.articles if a.path == "Notes/Graph theory.md"] == ["Vertices and edges"]
    assert sorted((p.path, p.message) for p in result.problems if p.severity == SKIPPED) == [
        ("2024-01-05.md", "no dg-publish: true: not published in the garden"),
        ("Ideas.md", "no dg-publish: true: not published in the garden"),
        ("Scratch.md", "dg-publish: false: not published in the garden"),
        ("src/site/notes/Courses/Graphs.md", "in src/site/, the copy the Digital Garden plugin published of a note "
                                             "of the vault: not a note of its own")]
    kg = build(vault, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 1 and kg.related("Start") == ["article:Courses/Graphs", "article:Scratch"]
    (vault / ".obsidian/plugins/digitalgarden/data.json").write_text('{"slugifyEnabled": false}', encoding="utf-8")
    assert [a.url for a in load_corpus(vault).articles if a.path == "Courses/Graphs.md"] == [None]
    (vault / ".obsidian/plugins/digitalgarden/data.json").write_text('{"pathRewriteRules": "Courses:Learn"}',
                                                                       encoding="utf-8")
    assert [a.url for a in load_corpus(vault).articles if a.path == "Courses/Graphs.md"] == [None]
    shutil.rmtree(vault / ".obsidian/plugins")  # no plugin: every note of the vault is a note
    (vault / ".obsidian/community-plugins.json").write_text('["digitalgarden"]', encoding="utf-8")
    assert len(load_corpus(vault).articles) == 3
    # without the plugin's settings, the notes that say dg-publish make it a garden still: 5 of 6 here
    (vault / ".obsidian/community-plugins.json").write_text('["calendar"]', encoding="utf-8")
    result = load_corpus(vault)
    assert "a Digital Garden vault (5 of 6 sampled notes with front matter say dg-publish)" in result.detection.reason
    assert len(result.articles) == 3
    for note in ("Start.md", "Courses/Graphs.md", "Notes/Graph theory.md"):  # notes that seldom say it: no garden
        write_article(vault, note, "---\ntags: [x]\n---\nPlain.\n")
    assert len(load_corpus(vault).articles) == 7


def test_a_digital_garden_site_reads_its_notes_at_their_permalinks(tmp_path: Path):
    """The repository the Digital Garden plugin publishes to keeps the notes in src/site/notes/, each with
    the JSON front matter the plugin wrote (dg-publish and the permalink the garden shows it at) and
    [[path/to/note\\|label]] links from that folder; its home note is the one tagged gardenEntry, shown at /, and a
    note's title is its title field, else its file name. Its notes were filed under src, with no url."""
    site = tmp_path / "my-garden"
    for name, text in {"README.md": "# My garden\nThe template's readme.\n",
                       "src/site/notes/Physics/Waves.md": '---\n{"dg-publish":true,"permalink":"/physics/waves/",'
                                                          '"created":"2024-11-25T10:50:32.000+00:00"}\n---\n'
                                                          "[[Physics/Optics/Lenses\\|Lenses]]\n",
                       "src/site/notes/Physics/Optics/Lenses.md": '---\n{"dg-publish":true,"permalink":"/physics/optics/lenses/"}'
                                                                  "\n---\nsee [[Physics/Waves\\|waves]]\n",
                       "src/site/notes/Home.md": '---\n{"dg-publish":true,"permalink":"/home/","title":"Welcome",'
                                                 '"tags":["intro","gardenEntry"]}\n---\n[[Physics/Waves\\|Waves]]\n'}.items():
        write_article(site, name, text)
    result = load_corpus(site)
    assert "a Digital Garden site (src/site/notes/" in result.detection.reason
    assert {a.path: (a.title, a.url, a.subject) for a in result.articles} == {
        "src/site/notes/Home.md": ("Welcome", "/", "Uncategorised"),
        "src/site/notes/Physics/Optics/Lenses.md": ("Lenses", "/physics/optics/lenses", "Physics"),
        "src/site/notes/Physics/Waves.md": ("Waves", "/physics/waves", "Physics")}
    assert [p.path for p in result.problems if p.severity == SKIPPED] == ["README.md"]
    assert [a.keywords for a in result.articles if a.title == "Welcome"] == [("intro",)]
    assert build(site, out=tmp_path / "out").counts.get("stubs", 0) == 0
    # notes without a link among them are the garden's too, titled by their file names, not their headings
    write_article(site, "src/site/notes/Physics/Optics/Lenses.md", '---\n{"dg-publish":true,"permalink":'
                  '"/physics/optics/lenses/"}\n---\n# Thin lenses\nNo link.\n')
    for note in ("Physics/Waves", "Home"):
        (site / f"src/site/notes/{note}.md").unlink()
    assert {a.path: (a.title, a.subject) for a in load_corpus(site).articles} == {
        "src/site/notes/Physics/Optics/Lenses.md": ("Lenses", "Physics")}
    for name, text in {"src/site/notes/Physics/Waves.md": '---\n{"dg-publish":true,"permalink":"/physics/waves/"}\n'
                                                          '---\n[[Physics/Optics/Lenses\\|Lenses]]\n',
                       "src/site/notes/Home.md": '---\n{"dg-publish":true,"permalink":"/home/","title":"Welcome",'
                                                 '"tags":["intro","gardenEntry"]}\n---\n[[Physics/Waves\\|Waves]]\n'}.items():
        write_article(site, name, text)
    # the template's Eleventy site, its config beside: the same notes, the same subjects
    (site / ".eleventy.js").write_text('module.exports = () => ({ dir: { input: "src/site" } });\n', encoding="utf-8")
    write_article(site, "src/site/notes/Physics/Waves.md", '---\n{"dg-publish":true,"permalink":"/physics/waves/"}\n'
                  '---\nRelated: #physics #waves\n[[Physics/Optics/Lenses\\|Lenses]]\n')
    result = load_corpus(site)
    assert [a.keywords for a in result.articles if a.title == "Waves"] == [("physics", "waves")]
    assert "a Digital Garden site" in result.detection.reason
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "src/site/notes/Home.md": ("/", "Uncategorised"), "src/site/notes/Physics/Optics/Lenses.md": (
            "/physics/optics/lenses", "Physics"), "src/site/notes/Physics/Waves.md": ("/physics/waves", "Physics")}


def test_a_vault_note_s_links_in_nested_properties_are_its_links(tmp_path: Path):
    """A bestiary vault keeps a creature's forms as a list of mappings and its learnset as a list of
    [rank, '[[Move]]'] pairs, rendered by a Dataview query: Obsidian records those links (backlinks,
    graph), but only the top level of a property was read, and each note lost all its move links."""
    vault = tmp_path / "bestiary"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {
            "Creatures/Fernling.md": "---\nforms:\n- becomes: To\n  creature: '[[Oakheart]]'\n  level: 3\n"
                                     "learnset:\n- - Starter\n  - '[[Leaf Tap|Leaf Tap]]'\n- - '-----'\n  - '-----'\n"
                                     "- - Expert\n  - '[[Root Bind]]'\nsprite: fernling.png\n---\n#bestiary/creature\n",
            "Creatures/Oakheart.md": "---\nforms: []\n---\n#bestiary/creature\n",
            "Moves/Leaf Tap.md": "A light tap.\n",
            "Moves/Root Bind.md": "Roots hold the foe.\n"}.items():
        write_article(vault, name, text)
    kg = build(vault, out=tmp_path / "out")
    links = {(u, v): d for u, v, k, d in kg.graph.edges(keys=True, data=True) if k == "related"}
    assert sorted(links) == [("article:Creatures/Fernling", "article:Creatures/Oakheart"),
                             ("article:Creatures/Fernling", "article:Moves/Leaf Tap"),
                             ("article:Creatures/Fernling", "article:Moves/Root Bind")]
    assert {d["origin"] for d in links.values()} == {"front-matter"}


def test_a_vault_note_named_like_a_file_of_code_is_reached_by_its_wiki_links(tmp_path: Path):
    """A developer's vault has notes named after tools, "Node.js" and "Cargo.toml" (files Node.js.md and
    Cargo.toml.md), which Obsidian links as [[Node.js]]: those links were read as attachments and lost.
    A link so named that no note has is a note not written yet, as Obsidian shows it (a stub: it was
    lost too); an embedded image is no link."""
    vault = tmp_path / "dev"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {
            "Runtimes/Node.js.md": "Built on V8.\n",
            "Rust/Cargo.toml.md": "The manifest.\n",
            "Home.md": "Start with [[Node.js]], [[Cargo.toml#Features|the manifest]], ![[Node.js#Install]], "
                       "[[deploy.sh]] and ![[diagram.png]].\n"}.items():
        write_article(vault, name, text)
    kg = build(vault, out=tmp_path / "out")
    assert sorted((u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related") == [
        ("article:Home", "article:Runtimes/Node.js"), ("article:Home", "article:Rust/Cargo.toml"),
        ("article:Home", "article:deploy.sh")]
    assert [n for n, d in kg.graph.nodes(data=True) if d["kind"] == "stub"] == ["article:deploy.sh"]


def test_a_vault_note_named_as_a_file_beside_it_leaves_the_file_its_links(tmp_path: Path):
    """A note about a paper kept beside it (attention.pdf.md, attention.pdf): Obsidian opens the PDF from
    ![[attention.pdf]], as it looks a link up as a file's name before a note's; the embed must not lead
    to the note, as it would were every note named like a PDF reached so (:func:`note_suffixes`)."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    write_site(vault, {"Papers/attention.pdf.md": "Notes on it.\n", "Papers/attention.pdf": "%PDF-1.4\n",
                       "Home.md": "Read ![[attention.pdf#page=2]].\n", "Notes.md": "See [[attention.pdf.md|my notes]].\n"})
    kg = build(vault, out=tmp_path / "out")
    assert kg.report()["settings"]["preset"]["fields"]["note_suffixes"] == []
    assert [(u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related"] == [
        ("article:Notes", "article:Papers/attention.pdf")]


def test_a_vault_s_subjects_are_named_as_its_folders_are_written(tmp_path: Path):
    """Obsidian's file explorer shows a folder by its name as written: "daily-notes", "reading_list", "x".
    qagraph made such names words for the subject's label ("Daily notes", "Reading list", "X"), as it does
    for a site's section (Hugo's content-management is "Content management"); a vault's subjects now keep
    their folders' names, numbered folders without their number ("01 - inbox" is "inbox")."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    write_site(vault, {"daily-notes/2024-01-05.md": "Met [[Ann]].\n", "reading_list/Dune.md": "Sand.\n",
                       "x/Ann.md": "Hi.\n", "01 - inbox/Idea.md": "Soon.\n", "02 - Projects/Alpha.md": "Go.\n"})
    labels = {a.path.partition("/")[0]: a.subject for a in load_corpus(vault).articles}
    assert labels == {"daily-notes": "daily-notes", "reading_list": "reading_list", "x": "x", "01 - inbox": "inbox",
                      "02 - Projects": "Projects"}


def test_a_vault_note_whose_front_matter_is_below_a_blank_line_has_none_as_in_obsidian(tmp_path: Path):
    """Obsidian reads a note's properties only when its first line opens them (since 1.4.6): a note an
    importer wrote with a blank first line shows its "front matter" as text, no tags or aliases, and the
    [[link]] in it is a link of the text. qagraph read the fields anyway, without a word; now the note is
    read as Obsidian shows it, with a warning that says why. A folder of notes (generic) reads it as before."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    note = "\n---\ntags: [imported]\naliases: [Clip]\nup: \"[[Home]]\"\n---\nSaved from the web. #later\n"
    write_site(vault, {"Clippings/Article.md": note, "Home.md": "Start.\n"})
    result = load_corpus(vault)
    [clip] = [a for a in result.articles if a.path == "Clippings/Article.md"]
    assert (clip.title, clip.keywords, [link.target for link in clip.related]) == ("Article", ("later",), ["Home"])
    assert clip.extra.get("aliases") is None
    assert [(p.path, p.line, p.code) for p in result.problems] == [
        ("Clippings/Article.md", 2, "front-matter-ignored")]
    assert "as Obsidian reads properties only when the file's first line opens them" in result.problems[0].message
    write_site(tmp_path / "notes", {"Article.md": note.replace("[[Home]]", "Home"), "b/Other.md": "# Other\n"})
    [plain] = [a for a in load_corpus(tmp_path / "notes", preset="generic").articles if a.path == "Article.md"]
    assert "imported" in plain.keywords


def test_a_vault_note_named_like_an_archive_is_reached_by_its_wiki_links(tmp_path: Path):
    """A note about a backup is named after its archive, "site-2024.tar.gz" (the file site-2024.tar.gz.md), and
    Obsidian reaches it from [[site-2024.tar.gz]], as any link it first looks up as a note's name: the link
    was read as one to an attachment and lost. A link to an archive no note is named after (an
    attachment) and an embedded image stay no links, and a vault without such a note is read as before."""
    vault = tmp_path / "ops"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {
            "Backups/site-2024.tar.gz.md": "Made nightly.\n",
            "Home.md": "Restore [[site-2024.tar.gz]] (see ![[site-2024.tar.gz#Restore]]), not [[old.zip]]; "
                       "![[diagram.png]]\n"}.items():
        write_article(vault, name, text)
    kg = build(vault, out=tmp_path / "out")
    assert kg.report()["settings"]["preset"]["fields"]["note_suffixes"] == ["gz"]
    assert [(u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related"] == [
        ("article:Home", "article:Backups/site-2024.tar.gz")]
    assert [n for n, d in kg.graph.nodes(data=True) if d["kind"] == "stub"] == []
    (vault / "Backups/site-2024.tar.gz.md").unlink()
    assert build(vault, out=tmp_path / "out2").report()["settings"]["preset"]["fields"]["note_suffixes"] == []


def test_a_vault_link_to_a_drawing_or_a_recording_is_no_missing_note(tmp_path: Path):
    """The Excalidraw plugin keeps a drawing as ``Flow.excalidraw`` (its compatibility mode) or as the note
    ``Flow.excalidraw.md``; Obsidian plays ``.3gp`` and ``.ogv`` files. ``[[Flow.excalidraw]]`` to the drawing and
    ``![[memo.3gp]]`` were stubs, notes missing from the vault in its health report, where Obsidian opens
    the file; a link to the drawing kept as a note still reaches the note."""
    vault = tmp_path / "sketches"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {"Flow.excalidraw": "{}\n", "Board.excalidraw.md": "---\nexcalidraw-plugin: parsed\n---\n",
                       "Home.md": "See [[Flow.excalidraw]] and ![[Flow.excalidraw]], ![[Board.excalidraw]], "
                                  "![[memo.3gp]] and ![[talk.ogv]].\n"}.items():
        write_article(vault, name, text)
    kg = build(vault, out=tmp_path / "out")
    assert [(u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related"] == [
        ("article:Home", "article:Board.excalidraw")]
    assert [n for n, d in kg.graph.nodes(data=True) if d["kind"] == "stub"] == []


def test_a_vault_cloned_without_its_settings_folder_links_as_obsidian_does(tmp_path: Path):
    """A vault shared on GitHub without ``.obsidian/`` (recognised by its notes' wiki-links) is read with
    Obsidian's links too: ``[[build-tool|build.tool]]`` whose note ``build-tool`` is not there (the note is
    ``build.tool.md``) is a note not written yet, and ``[[Runner|Stepper]]`` whose note Runner was renamed
    Stepper (kept as an alias) a stub; both led to the note their label or alias names."""
    vault = tmp_path / "workshop"
    write_site(vault, {
        "Tools/build.tool.md": "---\ntags: [tools]\n---\n# build.tool\n\nSee [[installer|Installer]].\n",
        "Tools/installer.md": "---\ntags: [tools]\n---\n# Installer\n\nReads [[build-tool|build.tool]].\n",
        "Tools/Stepper.md": "---\naliases: [Runner]\n---\n# Stepper\n\nUses [[installer]].\n",
        "Tools/_tools-moc.md": "# Tools\n\n- [[build.tool]]\n- [[installer]]\n- [[Runner]]\n"})
    kg = build(vault, out=tmp_path / "out")
    assert kg.report()["settings"]["preset"]["preset"] == "obsidian"
    assert sorted((u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related") == [
        ("article:Tools/Stepper", "article:Tools/installer"),
        ("article:Tools/_tools-moc", "article:Runner"), ("article:Tools/_tools-moc", "article:Tools/build.tool"),
        ("article:Tools/_tools-moc", "article:Tools/installer"),
        ("article:Tools/build.tool", "article:Tools/installer"), ("article:Tools/installer", "article:build-tool")]


def test_a_para_vault_cloned_without_its_settings_folder_is_recognised_by_few_links(tmp_path: Path):
    """A vault kept on GitHub without ``.obsidian/``, sorted into PARA folders (1-Projects, 2-Areas, 3-Resources),
    whose notes mostly hold commands and only its maps of content link the others ([[docker-setup]]): it was
    read as a folder of notes (generic), titled by headings and filed under 2-Areas, where Obsidian shows
    each note by its file name in its area. The same folders with no link between notes stay generic."""
    files = {
        "1-Projects/homelab/backup-script.md": "# Backup script\n\n```bash\ntar -czf b.tgz /srv\n```\n",
        "2-Areas/Docker/docker-setup.md": "# Installing Docker\n\n```bash\napt install docker-ce\n```\n",
        "2-Areas/Docker/compose-notes.md": "# Compose\n\nUse `docker compose up -d`.\n",
        "2-Areas/Docker/registry.md": "# Private registry\n\nPort 5000.\n",
        "2-Areas/Linux/cron.md": "# Cron syntax\n\nFive fields.\n",
        "2-Areas/Linux/users.md": "# Users\n\n`useradd -m x`\n",
        "3-Resources/tools/online-tools.md": "# Online tools\n\nGraphviz, PlantUML.\n",
        "3-Resources/tools/regex.md": "# Regular expressions\n\n`^a+$`\n",
        "2-Areas/Docker/MOC-Docker.md": "# MOC - Docker\n\n- [[docker-setup]]\n- [[compose-notes]]\n- [[registry]]\n"}
    vault = tmp_path / "vault"
    write_site(vault, files)
    kg = build(vault, out=tmp_path / "out")
    assert kg.report()["settings"]["preset"]["preset"] == "obsidian"
    notes = {d["path"]: (d["title"], d["subject_label"]) for _, d in kg.graph.nodes(data=True) if d["kind"] == "article"}
    assert notes["2-Areas/Docker/docker-setup.md"] == ("docker-setup", "Docker")
    assert notes["2-Areas/Docker/MOC-Docker.md"] == ("MOC-Docker", "Docker")
    files["2-Areas/Docker/MOC-Docker.md"] = "# MOC - Docker\n\n- docker-setup\n- compose-notes\n"
    write_site(tmp_path / "plain", files)
    assert build(tmp_path / "plain", out=tmp_path / "out2").report()["settings"]["preset"]["preset"] == "generic"


def test_a_vault_of_titled_notes_without_its_settings_folder_is_a_vault(tmp_path: Path):
    """A vault published with Quartz gives every note a ``title:`` and is shared without ``.obsidian/``: its
    notes link each other by file name ([[env-file]], [[Setup/env-file|the file]]) and it was read as a
    generic folder (the links of a generic corpus, a note without front matter skipped)."""
    vault = tmp_path / "course"
    write_site(vault, {f"Setup/{n}.md": f"---\ntitle: {n.title()}\n---\nSee [[{m}|{m.title()}]].\n"
                       for n, m in (("env-file", "api-keys"), ("api-keys", "Setup/env-file"), ("doctor", "env-file"))})
    write_article(vault, "Start.md", "# Start\n\n- [[doctor]]\n")
    assert detect(vault).preset == "obsidian"
    assert "to notes by their file names" in detect(vault).reason


def test_a_docs_site_with_a_few_double_brackets_is_no_vault(tmp_path: Path):
    """A docs folder without a site config whose pages are untitled, two of them with shell tests in code
    (``if [[ -f x ]]``) and one naming a page in brackets, is a generic corpus, not a vault: the shell
    tests were taken for wiki-links."""
    docs = tmp_path / "docs"
    shell = "# Install\n\n```bash\nif [[ -f ~/.tool ]]; then echo ok; fi\n```\n"
    write_site(docs, {"install.md": shell, "upgrade.md": shell.replace("Install", "Upgrade"),
                      "usage.md": "# Usage\n\nRun it; see [[install]].\n",
                      **{f"guide-{i}.md": f"# Guide {i}\n\nRead [the usage](usage.md).\n" for i in range(5)}})
    assert detect(docs).preset == "generic"


def test_a_vault_s_markdown_link_reaches_the_note_its_path_ends(tmp_path: Path):
    """A rules compendium converted into a vault's subfolder links ``[frightened](rules/conditions.md)``
    from its monsters: Obsidian opens ``Compendium/rules/conditions.md`` (a link's path may name a note by
    its end, as ``[[rules/conditions]]`` does); each such link was a stub. In a site, it stays one."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {"Compendium/rules/conditions.md": "## Frightened\n",
                       "Compendium/bestiary/undead/wight.md": "Immune to [frightened](rules/conditions.md#Frightened).\n",
                       "Sessions/One.md": "We met a [wight](bestiary/undead/wight.md) and a [ghoul](bestiary/ghoul.md).\n"}.items():
        write_article(vault, name, text)
    kg = build(vault, out=tmp_path / "out")
    assert sorted((u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related") == [
        ("article:Compendium/bestiary/undead/wight", "article:Compendium/rules/conditions"),
        ("article:Sessions/One", "article:Compendium/bestiary/undead/wight"),
        ("article:Sessions/One", "article:Sessions/bestiary/ghoul")]  # no note's path ends so: a stub
    shutil.rmtree(vault / ".obsidian")
    kg = build(vault, out=tmp_path / "site")
    assert ("article:Sessions/One", "article:Compendium/bestiary/undead/wight") not in {
        (u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related"}


def test_folders_named_like_languages_beside_others_are_topics(tmp_path: Path):
    """Top folders with a language's name beside a folder that is none (or a vault of one language's
    folder) are a vault's topics, as before."""
    vault = tmp_path / "vault"
    for name, text in {"it/Laptops.md": "See [[Budget]].\n", "hr/Budget.md": "For [[Laptops]].\n",
                       "Projects/Move.md": "Ask [[Budget]].\n"}.items():
        write_article(vault, name, text)
    result = load_corpus(vault)
    assert "vault per language" not in result.detection.reason
    assert {a.path: a.subject_slug for a in result.articles} == {"it/Laptops.md": "it", "hr/Budget.md": "hr",
                                                            "Projects/Move.md": "projects"}


def test_obsidian_yaml_that_parsers_refuse_is_read_as_a_note_with_a_warning():
    result = load_corpus(OBSIDIAN)
    warnings = sorted((p.path, p.line, p.code) for p in result.problems)
    assert warnings == [
        ("03 - Resources/Books/Atomic Habits.md", 1, "front-matter-ignored"),
        ("Projects/Alpha.md", 3, "front-matter-ignored"),
    ]
    alpha = by_key(result)["Projects/Alpha"]
    assert alpha.keywords == ("project/alpha",) and "owners" not in alpha.extra


def _hugo_site(root: Path, pages: dict[str, str]) -> LoadResult:
    """A Hugo site at ``root`` (a hugo.toml) with ``pages`` (path below content/ -> text), loaded."""
    write_article(root, "hugo.toml", 'baseURL = "https://h.org/"\n')
    for name, text in pages.items():
        write_article(root / "content", name, text)
    return load_corpus(root / "content")


def test_empty_front_matter_is_a_page_without_fields(tmp_path: Path):
    """``---`` then ``---`` is front matter without fields, as Hugo, Jekyll and Obsidian read it:
    a page titled by its heading or, a Hugo section, by its folder; the Q&A format needs a title."""
    result = _hugo_site(tmp_path / "site", {"_index.md": "---\ntitle: Home\n---\n", "docs/_index.md": "---\n---\n",
                                            "docs/intro.md": "---\n# nothing yet\n---\n# Intro\n[the docs](/docs/)\n"})
    assert result.detection is not None and result.detection.preset == "hugo"
    assert {a.key: a.title for a in result.articles} == {"/": "Home", "docs": "docs", "docs/intro": "Intro"}
    assert not [p for p in result.problems if p.severity == ERROR]
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("# A\ntext\n")
    (notes / "b.md").write_text("---\n---\n# B heading\nbody\n")
    assert [a.title for a in load_corpus(notes, preset="generic").articles if a.path == "b.md"] == ["B heading"]
    (notes / "b.md").write_text("---\n---\n")
    qa = load_corpus(notes, preset="quicktakes")
    assert [(p.path, p.line, p.severity, p.message) for p in qa.problems if p.path == "b.md"] == [
        ("b.md", 2, ERROR, "no title: none of title, article_title, question is set")]


def test_a_hugo_page_is_published_at_its_page_path_unless_its_url_says_otherwise(tmp_path: Path):
    """Every Hugo page has the url Hugo publishes it at (with --site-url, each gets schema:url);
    a link to a page's url still finds the page whose url field names it first."""
    import qagraph

    pages = by_key(load_corpus(HUGO))
    assert pages["functions/where"].url == "/functions/where/" and pages["/"].url == "/"
    assert pages["about/license"].url == "/license/"  # its url field, as Hugo publishes it
    out = tmp_path / "out"
    qagraph.build(HUGO, out=out, site_url="https://docs.example.org")
    nq = (out / "rdf" / "part-000.nq").read_text()
    assert nq.count("<https://schema.org/url>") == len(pages)
    assert "<https://docs.example.org/functions/where/>" in nq


@pytest.mark.parametrize("layout", ["file names", "content folders", "config folder", "a config file each language"])
def test_a_multilingual_hugo_site_gives_each_language_its_pages(tmp_path: Path, layout: str):
    """Hugo's two ways of keeping translations: ``hello.fr.md`` beside ``hello.en.md``, or a content
    folder per language (the languages declared in the config, or in ``config/_default/languages.toml``,
    or one file each in that folder, ``languages.fr.toml``, as Blowfish's example site keeps them: before,
    those were not read, the site had one language and ``hello.fr.md`` was skipped as a resource). A page of the default language is at its page path, the others under their
    language, as Hugo publishes them; the language is neither in a page's name nor its subject;
    links reach the page in the language they name; an edit is patched as a cold build makes it."""
    import shutil

    import qagraph
    from test_pipeline import outputs_of

    site = tmp_path / "site"
    if layout in ("file names", "config folder", "a config file each language"):
        if layout == "file names":
            write_article(site, "hugo.toml", 'baseURL = "https://m.org/"\n[languages.en]\nweight = 1\n[languages.fr]\n')
        elif layout == "a config file each language":  # languages.fr.toml: the table of [languages.fr]
            write_article(site, "config/_default/hugo.toml", 'baseURL = "https://m.org/"\ndefaultContentLanguage = "en"\n')
            write_article(site, "config/_default/languages.en.toml", 'languageName = "English"\nweight = 1\n')
            # its code in any case, as Hugo lower-cases it (Congo's languages.zh-Hans.toml, index.zh-hans.md)
            write_article(site, "config/_default/languages.FR.toml", 'languageName = "Français"\nweight = 2\n'
                                                                      '[params]\nsubtitle = "Bonjour"\n')
        else:  # config/_default/: the languages in a file of their own, whose top-level keys they are
            write_article(site, "config/_default/hugo.toml", 'baseURL = "https://m.org/"\n')
            write_article(site, "config/_default/languages.toml", '[en]\nweight = 1\n[fr]\nweight = 2\n'
                                                                   '[fr.params]\nsubtitle = "Bonjour"\n')
        where = {("en", "hello"): "posts/hello.en.md", ("en", "world"): "posts/world.en.md",
                 ("fr", "hello"): "posts/hello.fr.md", ("fr", "world"): "posts/world.fr.md"}
    else:
        write_article(site, "hugo.yaml", "baseURL: https://m.org/\ndefaultContentLanguage: en\nlanguages:\n"
                                         "  en:\n    contentDir: content/en\n  fr:\n    contentDir: content/fr\n")
        where = {(lang, page): f"{lang}/posts/{page}.md" for lang in ("en", "fr") for page in ("hello", "world")}
    prefix = {"en": "", "fr": "/fr"}
    for (lang, page), path in where.items():
        other = "world" if page == "hello" else "hello"
        write_article(site / "content", path, f"---\ntitle: {page.title()} {lang}\ntags: [greeting, {lang}]\n---\n"
                                              f"[{other}]({prefix[lang]}/posts/{other}/) {{{{< ref \"{other}\" >}}}}\n")
    refs = {"content folders": "fr/posts/refs.md"}.get(layout, "posts/refs.fr.md")  # a ref alone
    write_article(site / "content", refs, '---\ntitle: Refs\n---\n{{< ref "world" >}} {{< ref "hello" >}}\n')
    result = load_corpus(site / "content")
    assert result.detection is not None and result.detection.fields.languages == ("en", "fr")
    assert {a.key: (a.title, a.subject_slug, a.url) for a in result.articles if "refs" not in a.key} == {
        "posts/hello": ("Hello en", "posts", "/posts/hello/"), "posts/world": ("World en", "posts", "/posts/world/"),
        "fr/posts/hello": ("Hello fr", "posts", "/fr/posts/hello/"),
        "fr/posts/world": ("World fr", "posts", "/fr/posts/world/")}
    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(site / "content", out=out)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("fr/posts/hello")[0] == "article:fr/posts/world"
    assert kg.related("posts/world")[0] == "article:posts/hello"
    assert kg.related("fr/posts/refs") == ["article:fr/posts/world", "article:fr/posts/hello"]  # in its language
    edited = site / "content" / where[("fr", "world")]
    edited.write_text(edited.read_text().replace("title: World fr", "title: Le monde"))
    assert qagraph.build(site / "content", out=out).build_info.incremental
    shutil.rmtree(cold, ignore_errors=True)
    qagraph.build(site / "content", out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold)


@pytest.mark.parametrize("layout", ["file names", "content folders"])
def test_a_hugo_language_code_written_in_capitals_is_read_in_lower_case(tmp_path: Path, layout: str):
    """Hugo lower-cases its config's keys: ``[languages.zh-CN]`` is the language of ``a.zh-cn.md``, published
    at ``/zh-cn/a/``, and its ``contentDir = "content/zh-CN"`` holds that language's pages. Before, the code
    was read as written, which no file's suffix matched: the page was ``a.zh-cn`` of the default language."""
    site = tmp_path / "site"
    if layout == "file names":
        write_site(site, {"hugo.toml": 'baseURL = "https://x.example/"\ndefaultContentLanguage = "EN"\n'
                                       '[languages.EN]\nweight = 1\n[languages.zh-CN]\nweight = 2\n',
                          "content/docs/a.md": "---\ntitle: A\n---\n", "content/docs/a.zh-cn.md": "---\ntitle: A zh\n---\n"})
    else:
        write_site(site, {"hugo.toml": 'baseURL = "https://x.example/"\n[languages.en]\ncontentDir = "content/en"\n'
                                       '[languages.zh-CN]\ncontentDir = "content/zh-CN"\n',
                          "content/en/docs/a.md": "---\ntitle: A\n---\n", "content/zh-CN/docs/a.md": "---\ntitle: A zh\n---\n"})
    result = load_corpus(site)
    assert {a.key: a.url for a in result.articles} == {"docs/a": "/docs/a/", "zh-cn/docs/a": "/zh-cn/docs/a/"}


def test_a_hugo_config_folder_s_config_toml_without_base_url_is_a_hugo_site(tmp_path: Path):
    """A site made from Congo's or Blowfish's config files keeps ``config/_default/config.toml`` with its
    ``baseURL`` commented out (set in ``config/production/`` or on the command line): Hugo's config folder
    all the same, no other tool's. Before, a bare ``config.toml`` without ``baseURL`` was no sure sign: the
    site was read as a generic folder, every page at its file's path, its translations pages of their own."""
    site = tmp_path / "site"
    write_site(site, {
        "config/_default/config.toml": '# baseURL = "https://your_domain.com/"\ntheme = "congo"\ndefaultContentLanguage = "en"\n',
        "config/production/config.toml": 'baseURL = "https://lamps.example/"\n',
        "config/_default/languages.en.toml": 'languageName = "English"\nweight = 1\n',
        "config/_default/languages.de.toml": 'languageName = "Deutsch"\nweight = 2\n',
        "content/posts/wick.md": "---\ntitle: Wick\n---\n[oil](/posts/oil/)\n",
        "content/posts/oil.md": "---\ntitle: Oil\n---\n", "content/posts/oil.de.md": "---\ntitle: Öl\n---\n"})
    result = load_corpus(site)
    assert result.detection is not None and result.detection.preset == "hugo"
    assert {a.key: a.url for a in result.articles} == {
        "posts/wick": "/posts/wick/", "posts/oil": "/posts/oil/", "de/posts/oil": "/de/posts/oil/"}


@pytest.mark.parametrize("default", [None, "fr"])
def test_a_hugo_site_of_one_language_reads_its_language_s_suffix(tmp_path: Path, default: str | None):
    """A Hugo site of one language has its ``defaultContentLanguage`` (``en`` unless it says): a file named
    with it, ``about/index.en.md`` or ``hello.en.md`` (rOpenSci's blogdown sites write them so), is the page
    ``about`` or ``posts/hello``, at ``/about/``, as Hugo publishes it. Before, it was ``about/index.en``, its
    url ``/about/index.en/``, and links to ``/about/`` were stubs. A suffix of no language the site has
    (``notes.de.md``) is part of the name, as in Hugo; an edit is patched as a cold build makes it."""
    import qagraph
    from test_pipeline import outputs_of

    lang = default or "en"
    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://one.example/"\n' + (f'defaultContentLanguage = "{default}"\n' if default else ""),
        f"content/about/index.{lang}.md": "---\ntitle: About\n---\n[hello](/posts/hello/)\n",
        f"content/posts/hello.{lang}.md": '---\ntitle: Hello\n---\n[about](/about/) {{< ref "notes.de" >}}\n',
        "content/posts/notes.de.md": "---\ntitle: Notes\n---\n"})
    result = load_corpus(site)
    assert {a.key: a.url for a in result.articles} == {
        "about": "/about/", "posts/hello": "/posts/hello/", "posts/notes.de": "/posts/notes.de/"}
    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(site, out=out)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("posts/hello") == ["article:about", "article:posts/notes.de"]
    edited = site / "content" / "posts" / f"hello.{lang}.md"
    edited.write_text(edited.read_text().replace("title: Hello", "title: Hello there"))
    assert qagraph.build(site, out=out).build_info.incremental
    qagraph.build(site, out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold)


@pytest.mark.parametrize("layout", ["config file", "config folder", "no contentDir at the top"])
def test_a_hugo_site_whose_config_names_a_content_folder_per_language_reads_them_all(tmp_path: Path, layout: str):
    """A Docsy-style site sets ``contentDir: content/en`` at the top and ``contentDir: content/no`` in
    a language (its code quoted, as YAML would read ``no`` as false): Hugo publishes both, the default
    language's at the site's root, the other's under ``/no/``, each blog post by the config's
    ``[permalinks]``; in a ``config/_default/`` folder, the languages in ``languages.toml``. Before,
    the pages of every language but the default were skipped as outside the
    content folder, and with ``'no'`` unread its pages were not even under their section's permalink.
    Where each language names its folder and the top names none (a Doks site's ``languages.toml``), a file
    beside those folders (``content/_index.md``) is no page of any language: it was read as the home page."""
    site = tmp_path / "site"
    if layout == "config file":
        write_article(site, "hugo.yaml", "baseURL: /\ncontentDir: content/en\ndefaultContentLanguage: en\n"
                                         "permalinks:\n  blog: /:section/:year/:slug/\nlanguages:\n  en:\n"
                                         "    languageName: English\n  'no':\n    languageName: Norsk\n"
                                         "    contentDir: content/no\n")
    elif layout == "config folder":  # config/_default/: the languages in a file of their own
        write_article(site, "config/_default/hugo.toml", 'baseURL = "/"\ncontentDir = "content/en"\n'
                                                         '[permalinks]\nblog = "/:section/:year/:slug/"\n')
        write_article(site, "config/_default/languages.toml", '[en]\nweight = 1\n[no]\ncontentDir = "content/no"\n')
    else:  # each language its contentDir, none at the top: content/ itself is no language's
        write_article(site, "config/_default/hugo.toml", 'baseURL = "/"\n[permalinks]\nblog = "/:section/:year/:slug/"\n')
        write_article(site, "config/_default/languages.toml", '[en]\ncontentDir = "content/en"\nweight = 1\n'
                                                              '[no]\ncontentDir = "content/no"\n')
        write_article(site, "content/_index.md", "---\ntitle: Left over\n---\n")
    for lang, title in (("en", "Lanterns"), ("no", "Lykter")):
        write_article(site / "content", f"{lang}/_index.md", f"---\ntitle: Home {lang}\n---\n")
        write_article(site / "content", f"{lang}/docs/guide.md", f"---\ntitle: Guide {lang}\n---\n")
        write_article(site / "content", f"{lang}/blog/lanterns.md",
                      f"---\ntitle: {title}\nslug: lanterns\ndate: 2021-03-04\n---\n[guide](/{lang}/docs/guide/)\n")
    result = load_corpus(site)
    assert not [p for p in result.problems if p.path.startswith("content/no/")]
    assert "Left over" not in {a.title for a in result.articles}
    assert {a.key: a.url for a in result.articles} == {
        "/": "/", "docs/guide": "/docs/guide/", "blog/lanterns": "/blog/2021/lanterns/",
        "no": "/no/", "no/docs/guide": "/no/docs/guide/", "no/blog/lanterns": "/no/blog/2021/lanterns/"}
    assert {a.subject_slug for a in result.articles if a.key.startswith("no/")} <= {"docs", "blog", "uncategorised"}


def test_a_hugo_site_with_its_default_language_in_a_subfolder_publishes_it_there(tmp_path: Path):
    """``defaultContentLanguageInSubdir: true`` in a site of several languages: Hugo publishes the
    default language's pages under ``/en/`` too (the site's root only redirects there), so a link to
    ``/en/...`` reaches them and one to the bare path leads nowhere. Before, they were read at the
    root, every ``/en/`` link a stub."""
    import qagraph

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "/"\ndefaultContentLanguage = "en"\n'
                                     'defaultContentLanguageInSubdir = true\n[languages.en]\n[languages.de]\n')
    for lang in ("en", "de"):
        write_article(site / "content", f"{lang}/_index.md", f"---\ntitle: Start {lang}\n---\n")
        write_article(site / "content", f"{lang}/kites/flying.md",
                      f"---\ntitle: Flying {lang}\n---\n[home](/{lang}/) [box](/{lang}/kites/box/)\n")
        write_article(site / "content", f"{lang}/kites/box.md", f"---\ntitle: Box {lang}\n---\n")
    result = load_corpus(site)
    assert sorted(a.url for a in result.articles) == [
        "/de/", "/de/kites/box/", "/de/kites/flying/", "/en/", "/en/kites/box/", "/en/kites/flying/"]
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert sorted(kg.related("en/kites/flying")) == ["article:en", "article:en/kites/box"]


def test_a_hugo_ref_by_its_path_leads_to_the_page_in_the_linking_pages_language(tmp_path: Path):
    """Hugo looks a ``ref "/kites/box"`` up among the pages of the linking page's language: on a
    German page it is ``/de/kites/box/``, as a translated page's refs, copied from the original, are
    meant. Before, every translation's ref by path led to the default language's page."""
    import qagraph

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "/"\n[languages.en]\n[languages.de]\n')
    for lang in ("en", "de"):
        write_article(site / "content", f"{lang}/kites/flying.md",
                      f'---\ntitle: Flying {lang}\n---\n[box]({{{{< ref "/kites/box" >}}}}) {{{{< relref "/kites/box.md" >}}}}\n')
        write_article(site / "content", f"{lang}/kites/box.md", f"---\ntitle: Box {lang}\n---\n")
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("de/kites/flying") == ["article:de/kites/box"]
    assert kg.related("kites/flying") == ["article:kites/box"]


def test_a_translated_terms_markdown_link_leads_to_the_term_in_its_own_language(tmp_path: Path):
    """A glossary's translators keep the links of the English term (``[lantern](/lantern/)``): Hugo
    renders a multilingual site's Markdown links with its embedded link render hook, which looks the
    path up among the pages of the linking page's language, so on a Korean page the link leads to
    ``/ko/lantern/`` where that term is translated, and to the English page where it is not. Before,
    every such link led to the English page. A site (or its theme) with a render-link template of its
    own keeps its links as written, as does a config that says useEmbedded = "never"."""
    import qagraph

    config = 'baseURL = "https://lexicon.example.org/"\ncontentDir = "content/en"\n[languages.en]\nweight = 1\n' \
             '[languages.ko]\ncontentDir = "content/ko"\n'
    pages = {"content/en/lantern.md": "---\ntitle: Lantern\n---\n", "content/en/wick.md": "---\ntitle: Wick\n---\n",
             "content/ko/lantern.md": "---\ntitle: Deungbul\n---\n",
             "content/ko/oil.md": "---\ntitle: Gireum\n---\n[lantern](/lantern/) [wick](/wick/)\n"}
    expected = {"plain": ["article:ko/lantern", "article:wick"],
                "hooked": ["article:lantern", "article:wick"], "never": ["article:lantern", "article:wick"]}
    for name, related in expected.items():
        site = tmp_path / name
        write_site(site, {"config.toml": config + ('[markup.goldmark.renderHooks.link]\nuseEmbedded = "never"\n'
                                                   if name == "never" else ""), **pages})
        if name == "hooked":
            write_article(site / "layouts" / "_default" / "_markup", "render-link.html",
                          '<a href="{{ .Destination | safeURL }}">{{ .Text }}</a>')
        kg = qagraph.build(site, out=tmp_path / f"{name}-out")
        assert kg.related("ko/oil") == related, name


def test_a_link_hook_that_passes_links_through_rellangurl_keeps_them_in_the_pages_language(tmp_path: Path):
    """A docs site whose own render-link template writes ``{{ .Destination | relLangURL }}`` (the
    Kubernetes site's) publishes ``[Pods](/docs/pods/)`` on a Japanese page as ``/ja/docs/pods/``: the
    link leads to the Japanese page, or to a stub of it where none is translated yet, never to the
    English page. Before, such a site's links were taken as written: 3 of 15 links of a real Japanese
    page reached English pages. A path already in the language's folder, another site's url and the
    default language's pages are left as they are; a config that says useEmbedded = "always" makes
    Hugo use its own hook instead."""
    import qagraph

    config = 'baseURL = "https://orchard.example.org"\ncontentDir = "content/en"\ndefaultContentLanguage = "en"\n' \
             '[languages.en]\nweight = 1\n[languages.ja]\ncontentDir = "content/ja"\n'
    pages = {"content/en/docs/graft.md": "---\ntitle: Graft\n---\n[prune](/docs/prune/) [ext](https://example.com/docs/graft/)\n",
             "content/en/docs/prune.md": "---\ntitle: Prune\n---\n",
             "content/en/docs/water.md": "---\ntitle: Water\n---\n",
             "content/ja/docs/prune.md": "---\ntitle: Sentei\n---\n",
             "content/ja/docs/graft.md": "---\ntitle: Tsugiki\n---\n[prune](/docs/prune/) [water](/docs/water/) "
                                         "[graft](/ja/docs/graft/)\n"}
    hook = '{{- $link := .Destination }}\n<a href="{{ $link | relLangURL | safeURL }}">{{ .Text | safeHTML }}</a>\n'
    for name, always in (("hooked", False), ("always", True)):
        site = tmp_path / name
        write_site(site, {"hugo.toml": config + ('[markup.goldmark.renderHooks.link]\nuseEmbedded = "always"\n' if always else ""),
                          **pages})
        write_article(site / "layouts" / "_default" / "_markup", "render-link.html", hook)
        kg = qagraph.build(site, out=tmp_path / f"{name}-out")
        assert kg.related("docs/graft") == ["article:docs/prune"]
        if always:  # Hugo's embedded hook: the language's page where there is one, else the English one
            assert kg.related("ja/docs/graft") == ["article:ja/docs/prune", "article:docs/water"]
        else:
            assert kg.related("ja/docs/graft") == ["article:ja/docs/prune", "article:ja/docs/water"]
            assert "relLangURL" in choose(site).line()


def test_a_rellangurl_link_hook_puts_a_translation_named_by_its_file_in_its_language(tmp_path: Path):
    """A translation named by its file (``graft.ja.md``, beside the English page in one content folder)
    is a page of its language too: a site whose render-link passes links through ``relLangURL`` puts its
    ``[water](/docs/water/)`` at ``/ja/docs/water/``. Before, only a page below a language's folder was."""
    import qagraph

    site = tmp_path / "orchard"
    write_site(site, {"hugo.toml": 'baseURL = "https://orchard.example"\n[languages.en]\nweight = 1\n[languages.ja]\nweight = 2\n',
                      "content/docs/water.md": "---\ntitle: Water\n---\n",
                      "content/docs/water.ja.md": "---\ntitle: Mizu\n---\n",
                      "content/docs/graft.md": "---\ntitle: Graft\n---\n[water](/docs/water/)\n",
                      "content/docs/graft.ja.md": "---\ntitle: Tsugiki\n---\n[water](/docs/water/)\n"})
    write_article(site / "layouts" / "_default" / "_markup", "render-link.html",
                  '<a href="{{ .Destination | relLangURL }}">{{ .Text }}</a>\n')
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("docs/graft") == ["article:docs/water"]
    assert kg.related("ja/docs/graft") == ["article:ja/docs/water"]


def test_a_folder_of_no_declared_language_beside_the_language_folders_is_no_page(tmp_path: Path):
    """A glossary translated folder by folder (contentDir content/en at the top, content/ko in its
    language) keeps the folder of a translation under way (content/sv/) before the config declares
    its language, or after it is commented out: Hugo reads only the languages' content folders, so
    those pages are not published, nor is a file beside the folders. Before, content/ was read whole:
    the undeclared language's terms were pages at /sv/..., their subject the language's code."""
    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'baseURL = "https://lexicon.example.org/"\ncontentDir = "content/en"\ndefaultContentLanguage = "en"\n[languages.en]\nweight = 1\n'
                       '#[languages.sv]\n#contentDir = "content/sv"\n[languages.ko]\ncontentDir = "content/ko"\n',
        "content/en/_index.md": "---\ntitle: Lexicon\n---\n",
        "content/en/lantern.md": "---\ntitle: Lantern\ntags: [\"light\", \"\"]\n---\n",
        "content/ko/lantern.md": "---\ntitle: Deungbul\n---\n[lantern](/lantern/)\n",
        "content/sv/lantern.md": "---\ntitle: Lykta\n---\n[lantern](/sv/wick/)\n",
        "content/sv/wick.md": "---\ntitle: Veke\n---\n",
        "content/notes.md": "---\ntitle: Notes\n---\n"})
    result = load_corpus(site)
    assert {a.key: a.url for a in result.articles} == {"/": "/", "lantern": "/lantern/", "ko/lantern": "/ko/lantern/"}
    skipped = {p.path: p.message for p in result.problems if p.severity == "skipped"}
    assert set(skipped) == {"content/sv/lantern.md", "content/sv/wick.md", "content/notes.md"}
    assert "content/en/, content/ko/" in skipped["content/sv/wick.md"]
    assert "not read: content/sv/ (the content folder of no language the site builds)" in choose(site).line()


def test_a_language_the_hugo_config_turns_off_has_no_pages(tmp_path: Path):
    """A translation under way is kept out of the build by the config (disableLanguages = ["sv"], or
    disabled = true in the language's table): Hugo builds none of its pages, and its content folder
    is read by no language. Before, the turned-off languages' pages were articles at /sv/... and /fi/..."""
    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://lexicon.example.org/"\ncontentDir = "content/en"\ndisableLanguages = ["sv"]\n'
                     '[languages.en]\nweight = 1\n[languages.ko]\ncontentDir = "content/ko"\n'
                     '[languages.sv]\ncontentDir = "content/sv"\n[languages.fi]\ncontentDir = "content/fi"\ndisabled = true\n',
        "content/en/lantern.md": "---\ntitle: Lantern\n---\n",
        "content/ko/lantern.md": "---\ntitle: Deungbul\n---\n",
        "content/sv/lantern.md": "---\ntitle: Lykta\n---\n",
        "content/fi/lantern.md": "---\ntitle: Lyhty\n---\n"})
    result = load_corpus(site)
    assert {a.key: a.url for a in result.articles} == {"lantern": "/lantern/", "ko/lantern": "/ko/lantern/"}
    assert {p.path for p in result.problems if p.severity == "skipped"} == {"content/sv/lantern.md", "content/fi/lantern.md"}
    assert "languages sv, fi turned off" in choose(site).line()


def test_mdx_pages_are_read_and_linked(tmp_path: Path):
    """A documentation site's .mdx pages (Markdown with JSX) are articles, and a link to one without
    its suffix reaches it."""
    import qagraph

    docs = tmp_path / "docs"
    write_article(docs, "intro.md", "---\ntitle: Intro\n---\nSee [features](tutorial/features).\n")
    write_article(docs, "tutorial/features.mdx", "---\ntitle: Features\nsidebar_position: 2\n---\n"
                                                 "import Tabs from '@theme/Tabs';\n\n<Tabs>text</Tabs>\n")
    kg = qagraph.build(docs)
    assert sorted(kg.node(a)["title"] for a in kg.articles) == ["Features", "Intro"]
    assert [kg.node(n)["kind"] for n in kg.related(kg.article("Intro"))] == ["article"]


def test_drafts_are_skipped_as_their_sites_leave_them_unpublished(tmp_path: Path):
    result = _hugo_site(tmp_path / "hugo", {"posts/live.md": "---\ntitle: Live\n---\n",
                                            "posts/soon.md": "+++\ntitle = 'Soon'\ndraft = true\n+++\n",
                                            "posts/_index.md": "---\ntitle: Posts\n---\n"})
    assert sorted(a.key for a in result.articles) == ["posts", "posts/live"]
    assert [(p.path, p.severity, p.message) for p in result.problems] == [
        ("posts/soon.md", SKIPPED, "draft: true: not a page")]
    assert_every_file_accounted_for(result)


@pytest.mark.parametrize("permalink, link", [("/blog/:title/", "/blog/hello-world/"),
                                              ("pretty", "/news/2019/03/10/hello-world/"),
                                              ("/:categories/:year/:title:output_ext", "/news/2019/hello-world.html"),
                                              ("weekdate", "/news/2019/W10/Sun/hello-world.html"),
                                              ("/:w_year/:week/:w_day/:short_month-:long_month/:long_day/:title/",
                                               "/2019/10/7/Mar-March/Sunday/hello-world/")])
def test_a_jekyll_sites_permalink_setting_gives_its_posts_urls(tmp_path: Path, permalink: str, link: str):
    """Each of Jekyll's styles (weekdate, Jekyll 4's, was read as a pattern: every post at /weekdate) and
    placeholders (its url drop's, lib/jekyll/drops/url_drop.rb: :week is ISO's, :short_day Ruby's %a)."""
    site = tmp_path / "site"
    for name, text in {"_config.yml": f"title: J\npermalink: {permalink}\n",
                       "_posts/2019-03-10-hello-world.md": "---\ntitle: Hello\ncategories: News\n---\nHi.\n",
                       "_posts/2019-04-01-second.md": f"---\ntitle: Second\n---\nBack to [hello]({link}).\n",
                       "about.md": "---\ntitle: About\npermalink: /about/\n---\n"}.items():
        write_article(site, name, text)
    result = load_corpus(site)
    assert result.detection is not None and result.detection.fields.permalink == permalink
    posts = by_key(result)
    assert posts["_posts/2019-03-10-hello-world"].url == link  # the key stays the path: a url of its own is the key
    assert posts["/about"].url == "/about/"  # written as /about/index.html: the key is without the slash
    from qagraph import build

    kg = build(site)
    assert kg.related("_posts/2019-04-01-second") == [kg.article("_posts/2019-03-10-hello-world")]


@pytest.mark.parametrize("files", [
    {"_config.yml": "title: J\npermalink: /:title/\nexclude: [drafts]\n",
     "_posts/2019-03-10-hello.md": "---\ntitle: Hello\n---\nHi.\n"},
    {"mkdocs.yml": "site_name: M\nmarkdown_extensions: [abbr]\nplugins: [search]\n", "docs/index.md": "# Home\n"},
])
def test_a_site_config_is_parsed_once_whatever_asks_for_its_settings(tmp_path: Path, monkeypatch,
                                                                      files: dict[str, str]):
    """Recognising a Jekyll site asked for its ``_config.yml``'s settings 15 times, each one parsed again
    (an MkDocs site's ``mkdocs.yml`` 3 times): a config of 200 KB (a site's navigation written in it) took
    a minute to check. It is parsed once for each way it is read; each caller has a copy of its own,
    which it may change."""
    import qagraph.presets as presets

    parsed: list[str] = []
    for name in ("_yaml_settings", "_yaml_first_document"):
        def counted(text: str, read=getattr(presets, name), name=name) -> object:
            parsed.append(name)
            return read(text)
        monkeypatch.setattr(presets, name, counted)
    site = tmp_path / "site"
    write_site(site, files)
    result = load_corpus(site)
    assert result.detection is not None and result.counts["articles"] == 1
    assert parsed and len(parsed) == len(set(parsed)), parsed  # once for each way it is read
    first = presets._parsed("a: [1]\n", presets._yaml_settings)
    first["a"].append(2)
    assert presets._parsed("a: [1]\n", presets._yaml_settings) == {"a": [1]}


def test_a_jekyll_posts_time_fills_a_permalinks_clock_placeholders(tmp_path: Path):
    """:hour, :minute and :second were left in the url: Jekyll fills them from the post's date, in the
    site's timezone (a date without a time: midnight)."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\ntimezone: UTC\npermalink: /:year/:month/:day/:hour:minute:second/:title/\n",
        "_posts/2019-03-10-late.md": "---\ntitle: Late\ndate: 2019-03-10 23:30:15 -0500\n---\n",
        "_posts/2019-03-10-early.md": "---\ntitle: Early\n---\n",
    })
    assert {a.path: a.url for a in load_corpus(site).articles} == {
        "_posts/2019-03-10-late.md": "/2019/03/11/043015/late/",
        "_posts/2019-03-10-early.md": "/2019/03/10/000000/early/"}


def test_an_untitled_jekyll_post_or_document_is_titled_as_jekyll_titles_it(tmp_path: Path):
    """Jekyll titles an untitled post or collection document by its file's slug (Document#populate_title,
    Utils.titleize_slug: split at hyphens only, each word capitalised by Ruby, the rest of it lower-cased);
    My API Guide and Under Score Stuff were titles Jekyll shows as My Api Guide and Under_score stuff. A
    page, which Jekyll does not title, keeps its words."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\ncollections:\n  recipes:\n    output: true\n",
        "_posts/2019-01-02-my-API-guide.md": "---\nlayout: post\n---\n",
        "_posts/2019-01-03-under_score stuff..md": "---\nlayout: post\n---\n",
        "_recipes/apple_pie-RECIPE.md": "---\nlayout: recipe\n---\n",
        "notes/some_page.md": "---\nlayout: page\n---\n",
    })
    assert {a.path: a.title for a in load_corpus(site).articles} == {
        "_posts/2019-01-02-my-API-guide.md": "My Api Guide",
        "_posts/2019-01-03-under_score stuff..md": "Under_score stuff",
        "_recipes/apple_pie-RECIPE.md": "Apple_pie Recipe", "notes/some_page.md": "Some Page"}


def test_a_jekyll_site_without_a_permalink_setting_gives_its_posts_urls_by_date(tmp_path: Path):
    """Jekyll's default permalink is ``date``: posts had no url at all. The url is dated by a
    ``date`` in the front matter over the file's name (a link to it was a stub), a ``category``
    is one category whatever its spaces, ``categories`` text a list of them."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\n",
        "_posts/2020-01-05-hello.md": "---\ntitle: Hello\ncategories: Tech News\n---\n",
        "_posts/2020-07-07-moved.md": "---\ntitle: Moved\ndate: 2020-08-08 10:00:00 +0000\ncategory: Misc Stuff\n---\n",
        "blog/_posts/2021-03-01-nested.md": "---\ntitle: Nested\n---\n[moved](/misc%20stuff/2020/08/08/moved.html)\n",
        "blog/_posts/2021-03-02-both.md": "---\ntitle: Both\ncategory: Beta\ncategories: [Alpha]\n---\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        # Jekyll's Document#populate_categories: the folders', then categories, then category (it was before them)
        "blog/_posts/2021-03-02-both.md": "/blog/alpha/beta/2021/03/02/both.html",
        "_posts/2020-01-05-hello.md": "/tech/news/2020/01/05/hello.html",
        "_posts/2020-07-07-moved.md": "/misc stuff/2020/08/08/moved.html",
        "blog/_posts/2021-03-01-nested.md": "/blog/2021/03/01/nested.html"}
    kg = qagraph.build(site)
    assert kg.related("blog/_posts/2021-03-01-nested") == [kg.article("_posts/2020-07-07-moved")]


def test_a_jekyll_site_without_a_config_gives_its_posts_the_default_urls(tmp_path: Path):
    """Jekyll builds a site without a ``_config.yml`` with its defaults (``permalink: date``): the posts of
    its ``_posts/``, read from the site or from that folder, are at ``/2018/01/03/slug.html``. They had no
    url, and a link by it was a stub; dated notes outside a ``_posts/`` folder keep none."""
    site = tmp_path / "site"
    write_site(site, {
        "_posts/2018/2018-01-03-Why-not-boot_.md": "---\ntitle: >\n    Why not boot?\nsite: Ask Ubuntu\n---\nText.\n",
        "_posts/2018/2018-01-04-Fan-noise.md": "---\ntitle: Fan noise\n---\n"
                                               "See [boot](/2018/01/03/Why-not-boot_.html).\n"})
    for root in (site, site / "_posts"):
        result = load_corpus(root)
        assert sorted(a.url for a in result.articles) == [
            "/2018/01/03/Why-not-boot_.html", "/2018/01/04/Fan-noise.html"]
        assert "urls by permalink date (no _config.yml" in result.detection.reason
    kg = build(site, out=tmp_path / "out")
    assert kg.related("_posts/2018/2018-01-04-Fan-noise") == [kg.article("_posts/2018/2018-01-03-Why-not-boot_")]
    write_site(tmp_path / "notes", {"2024-01-01-standup.md": "---\ntitle: Standup\n---\n",
                                    "2024-01-02-standup.md": "---\ntitle: Standup\n---\n"})
    assert [a.url for a in load_corpus(tmp_path / "notes").articles] == [None, None]


@pytest.mark.parametrize("permalink, urls", [
    ("date", ["/handbook/a/Intro.html", "/about.html", "/manual/guide/", "/docs/", "/docs/ref.html"]),
    ("pretty", ["/handbook/a/Intro/", "/about/", "/manual/guide/", "/docs/", "/docs/ref/"]),
    ("/blog/:year/:title", ["/handbook/a/Intro", "/about", "/manual/guide/", "/docs/", "/docs/ref"]),
    # Utils.add_permalink_suffix names no weekdate: its pages end with nothing
    ("weekdate", ["/handbook/a/Intro", "/about", "/manual/guide/", "/docs/", "/docs/ref"])])
def test_a_jekyll_sites_pages_and_documents_get_the_urls_jekyll_gives_them(tmp_path: Path, permalink: str,
                                                                           urls: list[str]):
    """A page without a permalink had no url; Jekyll publishes it at its path, ended as the site's
    permalink style ends pages (``/about.html``, ``/about/``), as it does a collection's document
    with no pattern of its collection; a permalink of the page's own that is a pattern
    (``/manual/:basename/``) was dropped: it is filled in."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": f"title: J\npermalink: {permalink}\ncollections:\n  handbook:\n    output: true\n",
        "about.md": "---\ntitle: About\n---\n",
        "docs/index.md": "---\ntitle: Docs\n---\n",
        "docs/ref.md": "---\ntitle: Ref\n---\n",
        "docs/guide.md": "---\ntitle: Guide\npermalink: /manual/:basename/\n---\n",
        "_handbook/a/Intro.md": "---\ntitle: Intro\n---\n",
    })
    result = load_corpus(site)
    assert [a.url for a in sorted(result.articles, key=lambda a: a.path)] == urls



def test_a_jekyll_configs_front_matter_defaults_are_under_each_files_front_matter(tmp_path: Path):
    """``defaults:`` in _config.yml give files of a path and type their permalink, categories, tags,
    published: they were not read (a page's url by a default pattern was a stub, the posts of a
    folder defaulted unpublished were pages, defaulted categories and tags were lost). The file's
    own values win. A file without front matter, a page of GitHub Pages' jekyll-optional-front-matter (a
    Jekyll Page, whose data falls back on the defaults), gets them too."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\ndefaults:\n"
                       "  - scope: {path: ''}\n    values: {layout: default}\n"
                       "  - scope: {path: blog, type: posts}\n    values: {categories: [Engineering], tags: [eng]}\n"
                       "  - scope: {path: docs, type: pages}\n    values: {permalink: '/manual/:basename/'}\n"
                       "  - scope: {path: _posts/2019}\n    values: {published: false}\n",
        "_posts/2019/2019-05-05-old.md": "---\ntitle: Old\n---\n",
        "_posts/2020-05-05-new.md": "---\ntitle: New\n---\n[guide](/manual/guide/)\n",
        "blog/_posts/2021-01-01-eng.md": "---\ntitle: Eng\n---\n",
        "blog/_posts/2021-01-02-own.md": "---\ntitle: Own\ntags: python\n---\n",
        "docs/guide.md": "---\ntitle: Guide\n---\n",
        "docs/notes.md": "# Notes\n",
    })
    result = load_corpus(site)
    articles = {a.path: a for a in result.articles}
    assert sorted(articles) == ["_posts/2020-05-05-new.md", "blog/_posts/2021-01-01-eng.md",
                                "blog/_posts/2021-01-02-own.md", "docs/guide.md", "docs/notes.md"]
    assert [(p.path, p.message) for p in result.problems if p.severity == SKIPPED] == [
        ("_posts/2019/2019-05-05-old.md", "published: false, from the site config's defaults: not a page")]
    eng, own = articles["blog/_posts/2021-01-01-eng.md"], articles["blog/_posts/2021-01-02-own.md"]
    assert (eng.url, eng.subject, eng.keywords) == ("/blog/engineering/2021/01/01/eng.html", "Engineering", ("eng",))
    assert (own.subject, own.keywords) == ("Engineering", ("python",))
    assert (articles["docs/guide.md"].url, articles["docs/notes.md"].url) == ("/manual/guide/", "/manual/notes/")
    kg = qagraph.build(site)
    assert kg.related("_posts/2020-05-05-new") == [kg.article("docs/guide")]



def test_a_readme_in_a_folder_without_an_index_is_the_folder_s_page_on_github_pages(tmp_path: Path):
    """GitHub Pages runs jekyll-readme-index: a README without front matter in a folder with no index is published
    as the folder's page (its permalink the folder's url), the root's as the home page; the root README was
    skipped (a link to / was a stub) and docs/README.md was at /docs/README.html. jekyll-optional-front-matter
    publishes no README (nor LICENSE...) in any folder: one beside an index page was an article too. A README
    with front matter is a page like any other; a site built by its own Jekyll copies the README as it is."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\n",
        "README.md": "# Project\n\nSee [the docs](docs/).\n",
        "docs/README.md": "# Docs\n",
        "guide/index.md": "---\ntitle: Guide\n---\n[home](/) [docs](/docs/)\n",
        "guide/README.md": "# Guide readme\n",
        "guide/CONTRIBUTING.md": "# Contributing\n",
        "notes/README.md": "---\ntitle: Notes\n---\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "README.md": "/", "docs/README.md": "/docs/", "guide/index.md": "/guide/",
        "notes/README.md": "/notes/README.html"}
    assert {p.path for p in result.problems if p.severity == SKIPPED} == {"guide/README.md", "guide/CONTRIBUTING.md"}
    from qagraph import build

    kg = build(site)
    assert sorted(kg.node(n)["path"] for n in kg.related("guide/index")) == ["README.md", "docs/README.md"]
    # read from the repository the site is a folder of: the same pages
    repository = tmp_path / "repository"
    shutil.copytree(site, repository / "docs")
    write_site(repository, {"README.md": "# Repository\n", "docs/_layouts/default.html": "{{ content }}"})
    assert {a.path: a.url for a in load_corpus(repository).articles} == {
        "docs/README.md": "/", "docs/docs/README.md": "/docs/", "docs/guide/index.md": "/guide/",
        "docs/notes/README.md": "/notes/README.html"}
    write_site(site, {"_config.yml": "title: J\nplugins: [jekyll-archives]\n"})  # not GitHub Pages': no plugin of its
    assert "README.md" not in {a.path for a in load_corpus(site).articles}


def test_a_jekyll_sites_pages_by_each_of_its_markdown_suffixes_are_read(tmp_path: Path):
    """Jekyll renders as Markdown the suffixes of its markdown_ext (by default markdown, mkdown, mkdn, mkd, md):
    a page or post named .mkd, .mkdn or .mkdown was not read at all, and a link to it was a stub. A site whose
    markdown_ext leaves one out publishes no page of it."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\n",
        "about.mkd": "---\ntitle: About\n---\n[notes](/notes.html) [post]({% post_url 2020-01-01-first %})\n",
        "notes.mkdn": "---\ntitle: Notes\n---\n",
        "_posts/2020-01-01-first.mkdown": "---\ntitle: First\n---\n[about]({% link about.mkd %})\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.key, a.url) for a in result.articles} == {
        "about.mkd": ("about", "/about.html"), "notes.mkdn": ("notes", "/notes.html"),
        "_posts/2020-01-01-first.mkdown": ("_posts/2020-01-01-first", "/2020/01/01/first.html")}
    from qagraph import build

    kg = build(site)
    assert (kg.related("about"), kg.related("_posts/2020-01-01-first")) == (
        [kg.article("notes"), kg.article("_posts/2020-01-01-first")], [kg.article("about")])
    write_site(site, {"_config.yml": "title: J\nmarkdown_ext: md,mkd\n"})
    assert sorted(a.path for a in load_corpus(site).articles) == ["about.mkd"]


def test_a_jekyll_sites_pages_by_its_markdown_suffixes_are_read_from_the_repository_it_is_a_folder_of(
        tmp_path: Path):
    """A repository whose Jekyll site is its ``docs/`` (read with ``-c .``): its ``.mkd`` page and ``.mkdown``
    post were not found, as the files were looked for by the suffixes of a config at or above the folder read
    only; the site's config in one of its folders says them too."""
    repository = tmp_path / "repo"
    write_site(repository, {
        "README.md": "# Gem\n", "docs/_config.yml": "title: J\n", "docs/_layouts/default.html": "{{ content }}",
        "docs/index.md": "---\ntitle: Home\n---\n", "docs/about.mkd": "---\ntitle: About\n---\n",
        "docs/_posts/2020-01-01-first.mkdown": "---\ntitle: First\n---\n"})
    assert {a.path: a.url for a in load_corpus(repository).articles} == {
        "docs/index.md": "/", "docs/about.mkd": "/about.html", "docs/_posts/2020-01-01-first.mkdown": "/2020/01/01/first.html"}


def test_what_jekyll_publishes_no_page_from_is_skipped_saying_why(tmp_path: Path):
    """A file named _... (docs/_partial.md), #... or ~... (Jekyll's EntryFilter skips all three) and a file in
    _posts/ not named by its date were pages; Jekyll reads the ones not at all and publishes no post from the other."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\n",
        "_posts/2020-01-01-a.md": "---\ntitle: A\n---\n",
        "_posts/nodate.md": "---\ntitle: No date\n---\n",
        "docs/_partial.md": "---\ntitle: Partial\n---\n",
        "docs/#scratch.md": "---\ntitle: Scratch\n---\n",
        "~notes.md": "---\ntitle: Notes\n---\n",
        "docs/guide.md": "---\ntitle: Guide\n---\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["_posts/2020-01-01-a.md", "docs/guide.md"]
    assert {p.path: p.message for p in result.problems if p.severity == SKIPPED} == {
        "_posts/nodate.md": "in _posts/ but not named YYYY-MM-DD-title: Jekyll publishes no post from it",
        "docs/_partial.md": "whose name starts with _: Jekyll does not read it",
        "docs/#scratch.md": "whose name starts with #: Jekyll does not read it",
        "~notes.md": "whose name starts with ~: Jekyll does not read it"}
    assert_every_file_accounted_for(result)


def test_a_jekyll_collections_dir_holds_the_posts_and_is_no_folder_of_their_urls(tmp_path: Path):
    """With ``collections_dir: site``, Jekyll reads posts from site/_posts/ only (those elsewhere
    were pages), and the folder is no category of their urls (/site/2021/... was a wrong url, a
    link to the real one a stub) nor the subject of its documents (a document is filed under its collection)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\ncollections_dir: site\ncollections:\n  docs:\n    output: true\n",
        "_posts/2020-01-05-outside.md": "---\ntitle: Outside\n---\n",
        "news/_posts/2020-01-06-news.md": "---\ntitle: News\n---\n",
        "site/_posts/2021-01-05-inside.md": "---\ntitle: Inside\n---\n[api](/docs/api.html)\n",
        "site/_docs/api.md": "---\ntitle: API\n---\n[inside](/2021/01/05/inside.html)\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject_slug) for a in result.articles} == {
        "site/_posts/2021-01-05-inside.md": ("/2021/01/05/inside.html", "uncategorised"),
        "site/_docs/api.md": ("/docs/api.html", "docs")}
    assert {p.path: p.message for p in result.problems if p.severity == SKIPPED} == {
        name: "a post outside the collections_dir site/: Jekyll reads posts there only"
        for name in ("_posts/2020-01-05-outside.md", "news/_posts/2020-01-06-news.md")}
    kg = qagraph.build(site)
    assert kg.counts.get("stubs", 0) == 0



def test_a_jekyll_defaults_scope_through_the_collections_dir_holds_its_documents(tmp_path: Path):
    """A defaults scope written from the site's root through its ``collections_dir``
    (``path: site/_notes/private*``) is a collection's path to Jekyll, which strips the folder from
    the scope as from the documents (its ``strip_collections_dir``): the documents it names were pages
    (``published: false`` unread, a ``tags`` default lost), as they were not when written ``_notes``."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\ncollections_dir: site\ncollections:\n  notes:\n    output: true\n"
                       "defaults:\n  - scope: {path: 'site/_notes/private*'}\n    values: {published: false}\n"
                       "  - scope: {path: site/_notes}\n    values: {tags: [notes]}\n",
        "site/_notes/private-plans.md": "---\ntitle: Plans\n---\nhidden\n",
        "site/_notes/open.md": "---\ntitle: Open\n---\nshown\n",
    })
    result = load_corpus(site)
    assert {a.path: a.keywords for a in result.articles} == {"site/_notes/open.md": ("notes",)}
    assert [(p.path, p.message) for p in result.problems if p.severity == SKIPPED] == [
        ("site/_notes/private-plans.md", "published: false, from the site config's defaults: not a page")]


def test_a_jekyll_posts_author_is_the_name_its_mapping_or_the_sites_authors_data_gives(tmp_path: Path):
    """A Jekyll post's ``author`` written as a mapping (``author: {name: Ann Lee}``, jekyll-seo-tag's
    form) was ignored with a warning, and one that is a key of ``_data/authors.yml`` (Chirpy's and
    Minimal Mistakes' way, ``author: ann``) was the key: the page shows the name in both. A key the data
    does not hold is the author's name as written, as jekyll-seo-tag shows it."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\n",
        "_data/authors.yml": "ann:\n  name: Ann Lee\n  url: https://example.org/ann\nbo:\n  name: Bo Chen\n",
        "_posts/2022-01-01-a.md": "---\ntitle: A\nauthor:\n  name: Cy Diaz\n  twitter: cy\n---\n",
        "_posts/2022-01-02-b.md": "---\ntitle: B\nauthor: ann\n---\n",
        "_posts/2022-01-03-c.md": "---\ntitle: C\nauthors: [ann, bo]\n---\n",
        "_posts/2022-01-04-d.md": "---\ntitle: D\nauthor: Dee Evans\n---\n",
    })
    result = load_corpus(site)
    assert {a.path[18:]: a.author for a in result.articles} == {
        "a.md": "Cy Diaz", "b.md": "Ann Lee", "c.md": "Ann Lee, Bo Chen", "d.md": "Dee Evans"}
    assert [p for p in result.problems if p.severity == WARNING] == []


@pytest.mark.parametrize(("config", "authors", "expected"), [
    ("author: Ann Lee\n", "", "Ann Lee"),  # jekyll-seo-tag's site.author, as the pages' author meta shows it
    ("author:\n  name: Ann Lee\n  avatar: /a.png\n", "", "Ann Lee"),  # Minimal Mistakes' and minima's mapping
    ("author: ann\n", "ann:\n  name: Ann Lee\n", "Ann Lee"),  # a key of _data/authors.yml
    ("theme: jekyll-theme-chirpy\nsocial:\n  name: Ann Lee\n", "", "Ann Lee"),  # Chirpy's "By" line
    ("social:\n  name: Ann Lee\n", "", None),  # no theme that shows it
])
def test_a_jekyll_post_without_an_author_is_by_the_sites_author(tmp_path: Path, config: str, authors: str,
                                                                 expected: str | None):
    """A post that names no author is by the site's, as the page says it: jekyll-seo-tag's author meta
    falls back on the config's ``author`` (a name, a mapping's ``name`` or a key of ``_data/authors.yml``),
    Chirpy's byline on ``social: name``. qagraph gave such a post no author; one it names is its own."""
    site = tmp_path / "site"
    write_site(site, {"_config.yml": "title: J\n" + config, "_posts/2022-01-01-a.md": "---\ntitle: A\n---\n",
                      "_posts/2022-01-02-b.md": "---\ntitle: B\nauthor: Bo Chen\n---\n",
                      **({"_data/authors.yml": authors} if authors else {})})
    result = load_corpus(site)
    assert {a.path: a.author for a in result.articles} == {
        "_posts/2022-01-01-a.md": expected, "_posts/2022-01-02-b.md": "Bo Chen"}


def test_a_jekyll_collections_documents_are_dated_as_posts_are(tmp_path: Path):
    """A collection's permalink with a date (/events/:year/:title/) gave /events/:year/2020-01-01-meetup/;
    Jekyll dates a document by its front matter's date, else its file's name (whose date is no
    part of its :title). One without a date has no url by such a pattern (Jekyll dates it by the
    build's time), nor a page's."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\ncollections:\n  events:\n    output: true\n    permalink: /events/:year/:title/\n",
        "_events/2020-01-01-meetup.md": "---\ntitle: Meetup\n---\n",
        "_events/conf.md": "---\ntitle: Conf\ndate: 2021-05-05\n---\n",
        "_events/nodate.md": "---\ntitle: No date\n---\n",
    })
    assert {a.path: a.url for a in load_corpus(site).articles} == {
        "_events/2020-01-01-meetup.md": "/events/2020/meetup/", "_events/conf.md": "/events/2021/conf/",
        "_events/nodate.md": None}



def test_a_jekyll_sites_posts_read_from_their_folder_keep_their_urls(tmp_path: Path):
    """Read from below the site's root (``blog/_posts``), a post is still a post: its url has the
    categories of the folders above _posts/, and a file there not named by its date is no page."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\n",
        "blog/_posts/2020-01-05-hello.md": "---\ntitle: Hello\n---\n",
        "blog/_posts/notes.md": "---\ntitle: Notes\n---\n",
    })
    result = load_corpus(site / "blog" / "_posts")
    assert {a.path: a.url for a in result.articles} == {"2020-01-05-hello.md": "/blog/2020/01/05/hello.html"}
    assert result.skipped == ["notes.md"]



def test_a_jekyll_post_dated_after_the_build_is_not_published_yet(tmp_path: Path):
    """Jekyll (future: false, its default) publishes no post or document dated after the build:
    such a post was an article. It is skipped, saying why, in a full build and in a patched one;
    ``future: true`` publishes it."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\n",
        "_posts/2020-01-01-past.md": "---\ntitle: Past\n---\n",
        "_posts/2099-01-01-later.md": "---\ntitle: Later\n---\n",
        "_posts/2020-01-02-moved.md": "---\ntitle: Moved\ndate: 2099-05-05\n---\n",
        "about.md": "---\ntitle: About\ndate: 2099-05-05\n---\n",  # a page: no date to wait for
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["_posts/2020-01-01-past.md", "about.md"]
    assert {p.path: p.message for p in result.problems if p.severity == SKIPPED} == {
        "_posts/2099-01-01-later.md": "dated 2099-01-01, after the build: Jekyll publishes it from that day "
                                      "(future: true in _config.yml: now)",
        "_posts/2020-01-02-moved.md": "dated 2099-05-05, after the build: Jekyll publishes it from that day "
                                      "(future: true in _config.yml: now)"}
    assert_every_file_accounted_for(result)
    qagraph.build(site, out=tmp_path / "out")
    write_article(site, "_posts/2099-02-02-added.md", "---\ntitle: Added\n---\n")
    patched = qagraph.build(site, out=tmp_path / "out")
    assert patched.build_info.incremental and sorted(patched.node(a)["title"] for a in patched.articles) == ["About", "Past"]
    write_article(site, "_config.yml", "title: J\nfuture: true\n")
    assert len(load_corpus(site).articles) == 5



# -- the issue's complaints, one by one ------------------------------------------------------


def test_a_subject_mapping_decides_the_subject_not_the_folder():
    # quicktakes' map on Jekyll posts used the year folders whatever the mapping said
    result = load_corpus(JEKYLL, preset="quicktakes", overrides={"subject": "site"})
    assert {a.subject_slug for a in result.articles} == {
        "ask-ubuntu", "server-fault", "stack-overflow", "super-user", "unix-linux", "uncategorised"}
    hugo = load_corpus(HUGO, overrides={"subject": "description"})
    assert by_key(hugo)["functions/first"].subject_slug == "returns-the-first-n-elements"


def test_a_subject_mapped_to_a_list_string_takes_its_first_value():
    result = load_corpus(SNIPPETS, preset="quicktakes", overrides={"subject": "tags"})
    assert subjects(result) == {**SNIPPET_SUBJECTS, "uncategorised": 1}


def test_a_user_field_beats_the_preset():
    result = load_corpus(OBSIDIAN, overrides={"subject": "publish"})
    assert by_key(result)["01 - Community/Events/Meetup 2023"].subject_slug == "true"
    assert by_key(result)["01 - Community/People/Alice"].subject_slug == "community"  # no publish: the folder
    assert "--field subject=publish" in result.detection.reason


def test_a_mapped_field_no_file_has_is_a_warning_naming_the_fields_there_are():
    result = load_corpus(SNIPPETS, overrides={"subject": "topic"})
    [warning] = [p for p in result.problems if p.code == "field-map"]
    assert warning.severity == WARNING
    assert warning.message == (
        "no file has topic (--field subject=topic); the files' fields are: firstSeen, lastUpdated, title, tags")
    assert not [p for p in load_corpus(SNIPPETS, overrides={"subject": "tags"}).problems if p.code == "field-map"]


def test_space_separated_keywords_read_with_a_comma_separator_are_a_warning_naming_the_fix():
    """The warning's example names its file and the line the keyword is on, as a problem does."""
    result = load_corpus(JEKYLL, preset="quicktakes", overrides={"keywords": "tags"})
    [warning] = [p for p in result.problems if p.code == "keyword-separator"]
    assert "'command-line bash ls' in _posts/2017/2017-03-10-how-to-list-files-by-size.md:7)" in warning.message
    assert "--field keyword_separator=space" in warning.message and "--preset jekyll" in warning.message
    fixed = load_corpus(JEKYLL, preset="quicktakes", overrides={"keywords": "tags", "keyword_separator": "space"})
    assert not [p for p in fixed.problems if p.code == "keyword-separator"]
    assert not [p for p in load_corpus(JEKYLL).problems if p.code == "keyword-separator"]
    assert not [p for p in load_corpus(CONTENT).problems if p.code == "keyword-separator"]


def test_a_build_where_no_file_is_an_article_is_detectable_in_one_line():
    result = load_corpus(OBSIDIAN, preset="quicktakes")
    assert result.articles == [] and len(result.rejected) == 19
    line = nothing_loaded(result)
    assert line is not None and "\n" not in line
    assert line.startswith(f"no article loaded from {OBSIDIAN}: 19 of 19 files rejected (10 x no-title")
    assert "--preset auto would read it with preset obsidian" in line
    assert nothing_loaded(load_corpus(OBSIDIAN)) is None
    assert nothing_loaded(load_corpus(FIXTURES / "broken" / "good")) is None


def test_the_line_of_a_build_of_100000_rejected_files():
    """Each error was looked up in a set of the rejected files made anew for it: 6 minutes for 100,000."""
    names = [f"a/{i}.md" for i in range(100_000)]
    problems = [Problem(n, None, "empty file: no front matter", "no-front-matter") for n in names]
    line = nothing_loaded(LoadResult("notes", [], problems, len(names), 0, names))
    assert line == ("no article loaded from notes: 100000 of 100000 files rejected (100000 x no-front-matter, e.g. "
                    "a/0.md: empty file: no front matter); try another --preset (auto, quicktakes, hugo, jekyll, "
                    "obsidian, generic) or --field")


@pytest.mark.parametrize(("folder", "expected"), [
    (CONTENT, "url, e.g. /learn/<subject>/questions/<slug>, or by id"),
    (HUGO, "page path, e.g. about/license"),
    (JEKYLL, "permalink or path without .md, e.g. _posts/2017/2017-03-10-how-to-list-files-by-size"),
    (SNIPPETS, "url or path without .md, e.g. average"),
    (OBSIDIAN, "note name, e.g. Community, or its path"),
])
def test_messages_name_articles_the_way_the_corpus_does(folder: Path, expected: str):
    assert reference_example(load_corpus(folder)) == expected


# -- hooks -----------------------------------------------------------------------------------


def test_layout_skips_leave_branch_bundles_and_other_presets_alone():
    names = ["a/index.md", "a/b/c.md", "a/bio.md", "s/_index.md", "s/page.md", "index.md", "top.md"]
    skips = layout_skips(names, preset("hugo").fields)
    # a root index.md is not a leaf bundle: it would make every page a resource
    assert set(skips) == {"a/b/c.md", "a/bio.md"}
    assert set(layout_skips(["content/index.md", "content/a.md"], replace(preset("hugo").fields,
                                                                          content_dir="content/"))) == set()
    assert layout_skips(names, preset("obsidian").fields) == {}
    assert layout_skips(names, FieldMap()) == {}


def test_a_resource_names_its_bundle_s_index_file_as_it_is_spelled():
    """A leaf bundle whose index is an HTML page (index.html) was named as if it were index.md, a file
    that is not there: "resource of the page bundle a/index.md"."""
    skips = layout_skips(["a/index.html", "a/note.html", "b/index.markdown", "b/more.md"], preset("hugo").fields)
    assert skips == {"a/note.html": "resource of the page bundle a/index.html: not a page",
                     "b/more.md": "resource of the page bundle b/index.markdown: not a page"}


def test_a_caller_field_map_is_used_as_it_is():
    found = choose(HUGO, fields=FieldMap(keywords=("tags",)))
    assert found.preset == "custom" and not found.auto and found.fields == FieldMap(keywords=("tags",))


def test_pool_cache_and_single_process_agree(tmp_path: Path):
    one = load_corpus(HUGO, workers=1)
    two = load_corpus(HUGO, workers=2)
    cached = load_corpus(HUGO, cache=tmp_path / "cache")
    again = load_corpus(HUGO, cache=tmp_path / "cache")
    for other in (two, cached, again):
        assert other.articles == one.articles and other.problems == one.problems and other.counts == one.counts


def test_every_preset_reads_the_qa_corpus_without_errors():
    for name in PRESETS:
        result = load_corpus(CONTENT, preset=name)
        assert result.rejected == [] and not [p for p in result.problems if p.severity == ERROR], name
        assert_every_file_accounted_for(result)


# -- through the pipeline --------------------------------------------------------------------


def test_a_stored_build_keeps_the_preset_and_the_link_origins(tmp_path: Path):
    import qagraph

    built = qagraph.build(OBSIDIAN, out=tmp_path / "out", outputs=["database", "report"])
    settings = built.report()["settings"]["preset"]
    assert (settings["preset"], settings["auto"], settings["reason"]) == (
        "obsidian", True, ".obsidian/ folder (an Obsidian vault); folders sorted by number (01 - Community/, "
        "02 - Work/, 03 - Resources/): subjects named without it")
    stored = qagraph.open(tmp_path / "out")
    home = stored.article("Home")
    assert stored.related(home) == [
        "article:01 - Community/People/Alice", "article:Projects/Alpha", "article:02 - Work/Meeting notes",
        "article:Nonexistent note", "article:01 - Community/People/Bob"]
    assert stored.counts["skipped"] == 0 and stored.counts["articles"] == 19


def test_what_recognition_reads_is_part_of_the_build_fingerprint(tmp_path: Path):
    import qagraph

    site = tmp_path / "site"
    shutil.copytree(HUGO / "content", site / "content")
    first = qagraph.build(site / "content", out=tmp_path / "out", outputs=["report"])
    assert not first.build_info.up_to_date
    assert qagraph.build(site / "content", out=tmp_path / "out", outputs=["report"]).build_info.up_to_date
    # the content is the same, but a config above it now gives the site's url: intersect.md's
    # absolute link to https://docs.example.org/functions/where/ becomes an edge (introduction's
    # own such link joins the ref edge it already has)
    shutil.copy(HUGO / "hugo.toml", site / "hugo.toml")
    again = qagraph.build(site / "content", out=tmp_path / "out", outputs=["report"])
    assert not again.build_info.up_to_date
    assert again.counts["edges"]["related"] == first.counts["edges"]["related"] + 1


def test_the_one_line_and_the_naming_hint_from_a_build_report():
    import qagraph

    report = qagraph.build(OBSIDIAN, preset="quicktakes").report()
    line = nothing_loaded(report)
    assert line is not None and line.startswith("no article loaded from obsidian: 19 of 19 files rejected (10 x no-title")
    assert "read with preset quicktakes (chosen by name)" in line
    assert nothing_loaded(qagraph.build(OBSIDIAN).report()) is None
    assert naming_hint("obsidian", "01 - Community/People/Alice") == "note name, e.g. Alice, or its path"
    assert naming_hint("custom", None) == "key, e.g. <path>"


SITES = {
    "mkdocs": ({"mkdocs.yml": "site_name: Lib\nnav:\n  - Home: index.md\n", "README.md": "# lib\n\nthe repository\n",
                "docs/index.md": "# Lib\n\n[Install](guide/install.md)\n",
                "docs/guide/install.md": "# Installing\n\nThen [the client](../api/client.md).\n",
                "docs/api/client.md": "---\ntags: [api, setup]\n---\n# Client\n\nSee [install](../guide/install.md).\n"},
               "docs/", {"docs/guide/install": "Guide", "docs/api/client": "Api"}, {"README.md": "outside the content"}),
    "docusaurus": ({"docusaurus.config.js": "module.exports = {url: 'https://example.com'};",
                    "docs/intro.md": "---\nsidebar_position: 1\n---\n# Intro\n\n[A page](tutorial/page.md)\n",
                    "docs/tutorial/page.md": "---\ntags: [pages]\n---\n# A Page\n\nBack to [intro](../intro.md).\n",
                    "versioned_docs/version-1.0/intro.md": "---\nsidebar_position: 1\n---\n# Intro\n\nOld.\n"},
                   "docs/", {"docs/tutorial/page": "Tutorial"}, {"versioned_docs/version-1.0/intro.md": "versioned_docs/"}),
    "astro": ({"astro.config.mjs": "export default {};", "src/pages/index.md": "---\ntitle: Home\n---\n",
               "src/components/README.md": "# Components\n\nthe site's own notes\n",
               "src/content/blog/first.md": "---\ntitle: First\npubDate: 2024-01-01\ntags: [astro]\n---\n"
                                            "[Second](/blog/second/)\n",
               "src/content/blog/second.md": "---\ntitle: Second\ntags: [astro]\n---\n[Docs](/docs/start/)\n",
               "src/content/docs/start.md": "---\ntitle: Start\n---\n"},
              "src/content/", {"src/content/blog/first": "Blog", "src/content/docs/start": "Docs"},
              {"src/components/README.md": "outside the content"}),
    "eleventy": ({".eleventy.js": 'module.exports = c => ({dir: {input: "src", output: "_site"}});',
                  "src/posts/first.md": "---\ntitle: First\ntags: [post, css]\n---\n",
                  "src/posts/draft.md": "---\ntitle: Draft\ntags: [post]\npermalink: false\n---\n",
                  "src/posts/other-draft.md": "---\ntitle: Other draft\npermalink: false\n---\n",
                  "src/pages/feed.md": "---\ntitle: Feed\npermalink: '/tags/{{ tag | slugify }}/'\n---\n",
                  "src/pages/about.md": "---\ntitle: About\npermalink: /about/\n---\n"},
                 "src/", {"src/posts/first": "Posts", "src/pages/feed": "Pages", "/about": "Pages"},
                 {"src/posts/draft.md": "permalink: false", "src/posts/other-draft.md": "permalink: false"}),
}


@pytest.mark.parametrize("tool", sorted(SITES))
def test_a_static_site_read_from_its_root_takes_its_pages_from_its_content_folder(tmp_path: Path, tool: str):
    """Pointed at the folder its config is in (where its users run it), an MkDocs, Docusaurus,
    Astro or Eleventy site is read from the content folder the config names: subjects are the
    folders below it (not the first tag, or Uncategorised for all), the site's own links resolve,
    and what is beside it (a repository's README, an older version's docs) is skipped, saying why.
    Eleventy's permalink: false pages are not written, and a templated permalink is no url."""
    import qagraph

    files, content, subjects, skipped = SITES[tool]
    for name, text in files.items():
        write_article(tmp_path / tool, name, text)
    result = load_corpus(tmp_path / tool)
    assert result.detection is not None and result.fields.content_dir == content
    by = {a.key: a for a in result.articles}
    assert {key: by[key].subject for key in subjects} == subjects
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == set(skipped) and all(skipped[n] in why[n] for n in skipped)
    assert not [p for p in result.problems if p.severity == ERROR]
    kg = qagraph.build(tmp_path / tool)
    assert kg.counts.get("stubs", 0) == 0 or tool == "eleventy"  # Eleventy's /blog/ urls come from data files
    assert kg.counts["files"] == kg.counts["articles"] + kg.counts["rejected"] + kg.counts["skipped"]


def test_a_docusaurus_doc_s_jsx_links_are_links(tmp_path: Path):
    """An MDX doc links by JSX as much as by Markdown: Docusaurus's ``<Link to="/docs/other">`` (``to={'...'}``
    too) and ``<a href="/docs/third">``, which the page shows as links. Neither was read: a docs index made of
    cards linked to nothing."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "module.exports = {url: 'https://example.com', baseUrl: '/'};\n",
        "docs/intro.mdx": "---\nsidebar_position: 1\n---\nimport Link from '@docusaurus/Link';\n\n# Intro\n\n"
                          "<Link to=\"/docs/other\">Other</Link>, <a href=\"/docs/third\">third</a> and\n"
                          "<Link className=\"button\" to={'/docs/fourth'}>Fourth</Link>.\n\n```jsx\n<Link to=\"/docs/gone\">x</Link>\n```\n",
        "docs/other.md": "# Other\n",
        "docs/third.md": "# Third\n",
        "docs/fourth.md": "# Fourth\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("/docs/intro") == [kg.article("/docs/other"), kg.article("/docs/third"), kg.article("/docs/fourth")]
    assert kg.counts.get("stubs", 0) == 0


@pytest.mark.parametrize(("options", "route"), [
    ("", "/docs"),
    ("docs: {routeBasePath: '/', sidebarPath: './s.js'},", ""),
    # a setting left in a comment is not one (it was read, the last one winning: /guide, every link a stub)
    ("docs: {routeBasePath: '/', // routeBasePath: 'guide',\n  /* path: 'old-docs', */ sidebarPath: './s.js'},", ""),
    ("// docs: false, (a docs-only site has no blog: this one has both)\n", "/docs"),
])
def test_docusaurus_docs_are_found_by_the_urls_docusaurus_gives_them(tmp_path: Path, options: str, route: str):
    """A doc's url is the docs route and its slug, made of its id or slug and its path without
    number prefixes (01-intro.md), as Docusaurus makes it: links written as those urls (the site's
    own, absolute too) resolve to the docs instead of becoming stubs. A _category_ file labels its
    folder's subject; one that cannot be read is a warning. A doc needs no front matter; a partial
    (_shared.mdx) is no page."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "module.exports = {\n  title: 'Lib',\n  url: 'https://lib.example.org',\n"
                                f"  baseUrl: '/lib/',\n  presets: [['classic', {{{options} blog: false}}]],\n}};\n",
        "docs/intro.md": "---\nslug: /welcome\n---\n# Intro\n\n"
                         f"[install]({route}/getting-started/install), [configure]({route}/getting-started/config), "
                         f"[the API]({route}/api/), [client](https://lib.example.org/lib{route}/client-api) "
                         f"and [more]({route}/more/notes).\n",
        "docs/01-getting-started/_category_.json": '{"label": "Getting Started", "position": 1}',
        "docs/01-getting-started/01-install.md": f"# Install\n\nThen [configure]({route}/getting-started/config).\n",
        "docs/01-getting-started/02-configure.md": f"---\nid: config\n---\n# Configure\n\n[Home]({route}/welcome)\n",
        "docs/02-api/_category_.yml": "label: API reference\n",
        "docs/02-api/index.md": "# API\n",
        "docs/02-api/client.md": "---\nslug: /client-api\n---\n# Client\n",
        "docs/02-api/_shared.mdx": "A part of other pages.\n",
        "docs/03-more/_category_.json": '{"label": "More",}',
        "docs/03-more/notes.md": "---\ndescription: Notes.\n---\n# Notes\n",  # most docs have front matter
    })
    result = load_corpus(site)
    fields = result.fields
    assert (fields.content_dir, fields.doc_routes, fields.site_url) == (
        "docs/", (f"docs={route or '/'}",), "https://lib.example.org/lib")
    by = {a.path: a for a in result.articles}
    assert {path: (a.url, a.subject_slug, a.subject) for path, a in by.items()} == {
        "docs/intro.md": (f"{route}/welcome", "uncategorised", "Uncategorised"),
        "docs/01-getting-started/01-install.md": (f"{route}/getting-started/install", "getting-started",
                                                  "Getting Started"),
        "docs/01-getting-started/02-configure.md": (f"{route}/getting-started/config", "getting-started",
                                                    "Getting Started"),
        "docs/02-api/index.md": (f"{route}/api/", "api", "API reference"),
        "docs/02-api/client.md": (f"{route}/client-api", "api", "API reference"),
        "docs/03-more/notes.md": (f"{route}/more/notes", "more", "More"),
    }
    problems = {p.path: (p.severity, p.code, p.message) for p in result.problems}
    assert problems["docs/02-api/_shared.mdx"][:2] == (SKIPPED, "resource")
    assert "a partial (_shared.mdx starts with _)" in problems["docs/02-api/_shared.mdx"][2]
    severity, code, message = problems["docs/03-more/_category_.json"]
    assert (severity, code) == (WARNING, "category-file") and "the folder's name labels its subject" in message
    assert len(problems) == 2
    kg = qagraph.build(site)
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 7


def test_links_to_the_lists_of_pages_docusaurus_makes_are_no_stubs(tmp_path: Path):
    """Docusaurus makes the list of a blog's posts (``/blog``), its archive and its tags' lists (``/blog/tags/x``),
    each docs version's tags' lists (``/docs/tags``, ``/docs/tags/x``), the home page of a React page
    (``src/pages/index.js``) and a search theme's ``/search``: links there each made a stub, counted as a broken
    link. They are none now; a link to the list of a tag no page has, to a page not there, and to ``/search``
    on a site without a search theme still are stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "module.exports = {url: 'https://example.com', baseUrl: '/',\n"
                                "  presets: [['classic', {docs: {}, blog: {}}]]};\n",
        "src/pages/index.js": "export default function Home() { return null; }\n",
        "docs/intro.md": "---\ntitle: Intro\ntags: [Getting Started]\n---\n[tag](/docs/tags/getting-started), "
                         "[tags](/docs/tags), [blog](/blog), [archive](/blog/archive/), [release](/blog/tags/release), "
                         "[home](/), [nosuch](/docs/tags/nosuch), [missing](/docs/missing) and [search](/search).\n",
        "blog/2024-01-01-first.md": "---\ntitle: First\ntags: [release]\n---\nText.\n",
    })
    kg = qagraph.build(site)
    stubs = sorted(d["key"] for _, d in kg.graph.nodes(data=True) if d["kind"] == "stub")
    assert stubs == ["/docs/missing", "/docs/tags/nosuch", "/search"]


@pytest.mark.parametrize(("category", "shown"), [
    ('{\n  "position": 2,\n  "label": false\n}', "false"), ('{"label": true}', "true"), ('{"label": ["A"]}', "['A']"),
    ("label: !!bool maybe", None)])
def test_a_docusaurus_category_file_without_a_label_text_says_what_it_holds(tmp_path: Path, category: str,
                                                                           shown: str | None):
    """As the file writes it (``label: false``), not as Python does (``label: False``), on the line of its
    label; a YAML value its tag cannot read is a file that cannot be read (its KeyError stopped the build)."""
    name = "_category_.yml" if category.startswith("label:") else "_category_.json"
    site = tmp_path / "site"
    write_site(site, {"docusaurus.config.js": "module.exports = {presets: [['classic', {blog: false}]]};\n",
                      f"docs/a/{name}": category, "docs/a/b.md": "# B\n", "docs/c.md": "# C\n"})
    result = load_corpus(site)
    assert [(p.path, p.message) for p in result.problems] == [(f"docs/a/{name}", (
        f"{name} has no label text (label: {shown}): the folder's name labels its subject" if shown else
        f"cannot read {name} (a value is not what its tag says it is (!!bool, !!int, !!float or !!timestamp)): "
        "the folder's name labels its subject"))]
    if shown:
        assert [p.line for p in result.problems] == [category.count("\n") if "\n" in category else 1]
    assert {a.subject for a in result.articles} == {"A", "Uncategorised"}


@pytest.mark.parametrize(("options", "blog", "current", "latest", "older"), [
    # the classic template's: once versions.json names a version, the docs/ being written are the next one
    ("docs: {sidebarPath: './sidebars.js'}", True, "/docs/next", "/docs", "/docs/1.0"),
    ("docs: {routeBasePath: '/', lastVersion: 'current',\n  versions: {current: {label: 'Next'}, "
     "'1.0': {path: 'legacy', banner: 'unmaintained'}}}", False, "/", "/2.0", "/legacy"),
])
def test_a_versioned_docusaurus_site_publishes_each_version_at_its_route(
        tmp_path: Path, options: str, blog: bool, current: str, latest: str, older: str):
    """A Docusaurus site whose versions.json names versions publishes each from
    versioned_docs/version-<name>/: the last version (the first listed, or lastVersion) at the docs'
    route, the others at route/<name> (or their path), and the docs/ being written at route/next
    once a version exists. The versions were skipped and docs/ was published at the docs' route:
    every link to a version's page (/docs/intro: the latest's) led to the next version's or was a
    stub, and the next version's urls were wrong. A version's folders are subjects as docs/'s are,
    versioned_docs/ none; its category files label them."""
    import qagraph

    route = current.removesuffix("/next")
    site = tmp_path / "site"
    files = {
        "docusaurus.config.js": "export default {url: 'https://x.example', baseUrl: '/', presets: [['classic', "
                                f"{{{options}, blog: {'{}' if blog else 'false'}}}]]}};\n",
        "versions.json": '["2.0", "1.0"]\n',
        "versioned_sidebars/version-2.0-sidebars.json": '{"s": [{"type": "autogenerated", "dirName": "."}]}',
        "docs/intro.md": f"# Intro\n\n[Install]({current.rstrip('/')}/guides/install), [2.0]({latest.rstrip('/')}/intro)\n",
        "docs/01-guides/01-install.md": "# Install\n\n[Intro](../intro.md)\n",
        "versioned_docs/version-2.0/intro.md": f"# Intro 2.0\n\n[Install](./guides/install.md#step) "
                                               f"[older]({older}/intro)\n",
        "versioned_docs/version-2.0/guides/_category_.json": '{"label": "Guides (2.0)"}',
        "versioned_docs/version-2.0/guides/install.md": "# Install 2.0\n\n[Intro](../intro.md)\n",
        "versioned_docs/version-2.0/_partial.md": "Imported.\n",
        "versioned_docs/version-1.0/intro.md": f"# Intro 1.0\n\n[Next]({current.rstrip('/')}/intro)\n",
        "versioned_docs/version-0.9/intro.md": "# Intro 0.9: no longer in versions.json\n",
    }
    if blog:
        files["blog/2024-01-01-hello.md"] = f"---\ntitle: Hello\n---\n[Intro]({latest}/intro) [install]({latest}/guides/install)\n"
    for name, text in files.items():
        write_article(site, name, text)
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject_slug, a.subject) for a in result.articles if not a.path.startswith("blog/")} == {
        "docs/intro.md": (f"{current.rstrip('/')}/intro", "uncategorised", "Uncategorised"),
        "docs/01-guides/01-install.md": (f"{current.rstrip('/')}/guides/install", "guides", "Guides"),
        "versioned_docs/version-2.0/intro.md": (f"{latest.rstrip('/')}/intro", "uncategorised", "Uncategorised"),
        "versioned_docs/version-2.0/guides/install.md": (f"{latest.rstrip('/')}/guides/install", "guides",
                                                         "Guides (2.0)"),
        "versioned_docs/version-1.0/intro.md": (f"{older}/intro", "uncategorised", "Uncategorised"),
    }
    assert route in result.detection.reason
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == {"versioned_docs/version-2.0/_partial.md", "versioned_docs/version-0.9/intro.md"}
    assert "outside the site's page folders" in why["versioned_docs/version-0.9/intro.md"]
    kg = qagraph.build(site)
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 7 + 2 * blog


@pytest.mark.parametrize(("options", "expected"), [
    ("includeCurrentVersion: false", {"versioned_docs/version-1.0/intro.md": "/docs/intro"}),
    ("onlyIncludeVersions: ['current']", {"docs/intro.md": "/docs/next/intro"}),
    ("disableVersioning: true", {"docs/intro.md": "/docs/intro"}),
])
def test_a_docusaurus_site_s_docs_options_choose_the_versions_it_publishes(tmp_path: Path, options: str,
                                                                             expected: dict[str, str]):
    """includeCurrentVersion: false leaves docs/ out, onlyIncludeVersions the versions it does not
    name, disableVersioning: true every version but docs/ (published at the docs' route)."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": f"module.exports = {{presets: [['classic', {{docs: {{{options}}}, blog: false}}]]}};\n",
        "versions.json": '["1.0"]', "docs/intro.md": "# Intro\n", "versioned_docs/version-1.0/intro.md": "# Intro 1.0\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == expected
    assert len(result.problems) == 1 and result.problems[0].severity == SKIPPED


def test_a_docusaurus_theme_s_docs_settings_are_not_the_docs_options(tmp_path: Path):
    """themeConfig: {docs: {sidebar: {hideable: true}}} (and blog: {sidebar: ...}), written after the
    preset's options as the classic template orders them, were read as the docs' options: the
    versions' paths, lastVersion and the tags option the preset gives were lost."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "const config = {\n  url: 'https://x.org', baseUrl: '/',\n  presets: [['classic', "
                                "/** @type {import('@docusaurus/preset-classic').Options} */ ({\n"
                                "    docs: {lastVersion: 'current', versions: {'1.0': {path: 'legacy'}}},\n"
                                "    blog: {tags: 'labels.yml'},\n  })]],\n"
                                "  themeConfig: /** @type {import('@docusaurus/preset-classic').ThemeConfig} */ ({\n"
                                "    docs: {sidebar: {hideable: true}}, blog: {sidebar: {groupByYear: true}},\n  }),\n};\n"
                                "module.exports = config;\n",
        "versions.json": '["1.0"]', "docs/intro.md": "# Intro\n", "versioned_docs/version-1.0/intro.md": "# Old\n",
        "blog/labels.yml": "hi:\n  label: Hello\n", "blog/2024-01-01-hi.md": "---\ntags: [hi]\n---\n# Hi\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.keywords) for a in result.articles} == {
        "docs/intro.md": ("/docs/intro", ()), "versioned_docs/version-1.0/intro.md": ("/docs/legacy/intro", ()),
        "blog/2024-01-01-hi.md": ("/blog/2024/01/01/hi", ("Hello",))}


@pytest.mark.parametrize("text", ['{"1.0": true}', "[1.0,", ""])
def test_a_docusaurus_versions_file_that_cannot_be_read_is_a_warning_naming_it(tmp_path: Path, text: str):
    """A versions.json that is no list of names is a warning; the docs/ are read as an unversioned site's."""
    site = tmp_path / "site"
    for name, body in {"docusaurus.config.js": "module.exports = {};\n", "versions.json": text,
                       "docs/intro.md": "# Intro\n", "versioned_docs/version-1.0/intro.md": "# Intro 1.0\n"}.items():
        write_article(site, name, body)
    result = load_corpus(site)
    assert [a.url for a in result.articles] == ["/docs/intro"]
    warning = next(p for p in result.problems if p.path == "versions.json")
    assert warning.severity == WARNING and warning.code == "versions-file"
    assert "versions of the docs are not read" in warning.message


def test_a_docusaurus_site_with_a_blog_files_its_docs_under_their_folders_not_all_under_docs(tmp_path: Path):
    """A Docusaurus site with a blog (as the classic template makes it) is read from its root, so
    that the posts are pages too; the docs folder itself is then no subject, as it is none when
    the docs are read alone: each doc's subject is its folder below docs/ (its category label),
    where every doc used to be under one subject, "Docs". The blog's posts are under "Blog"."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "export default {url: 'https://x.example', baseUrl: '/', presets: [['classic', "
                                "{docs: {sidebarPath: './sidebars.js'}, blog: {showReadingTime: true}}]]};\n",
        "docs/intro.md": "---\nsidebar_position: 1\n---\n# Intro\n\n[A page](tutorial-basics/create-a-page.md)\n",
        "docs/tutorial-basics/_category_.json": '{"label": "Tutorial - Basics", "position": 2}',
        "docs/tutorial-basics/create-a-page.md": "# Create a Page\n\nBack to [intro](/docs/intro).\n",
        "docs/tutorial-extras/translate.md": "# Translate\n",
        "blog/2021-08-26-welcome/index.md": "---\nslug: welcome\ntitle: Welcome\ntags: [hello]\n---\nHi.\n",
        "blog/2019-05-28-first-post.md": "---\ntitle: First Post\n---\nLorem.\n",
    })
    result = load_corpus(site)
    assert result.fields.content_dir == ""
    assert {a.path: (a.subject_slug, a.subject) for a in result.articles} == {
        "docs/intro.md": ("uncategorised", "Uncategorised"),
        "docs/tutorial-basics/create-a-page.md": ("tutorial-basics", "Tutorial - Basics"),
        "docs/tutorial-extras/translate.md": ("tutorial-extras", "Tutorial extras"),
        "blog/2021-08-26-welcome/index.md": ("blog", "Blog"),
        "blog/2019-05-28-first-post.md": ("blog", "Blog"),
    }


@pytest.mark.parametrize(("options", "blog"), [("blog: {showReadingTime: true}", "/blog"),
                                              ("blog: {path: 'blog', routeBasePath: 'news'}", "/news")])
def test_a_docusaurus_post_and_page_are_found_by_the_urls_docusaurus_gives_them(tmp_path: Path, options: str, blog: str):
    """The classic template's posts are published at the blog's route and their slug (/blog/welcome),
    or the date and name their file or folder gives (/blog/2019/05/28/first-post); a Markdown page
    of src/pages at its path (src/pages/markdown-page.md: /markdown-page). Links written as those
    urls were stubs, and the page's subject was "Src"."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "export default {\n  url: 'https://x.example',\n  baseUrl: '/',\n  presets: [['classic', "
                                f"{{docs: {{sidebarPath: './sidebars.js'}}, {options}}}]], themeConfig: "
                                "{navbar: {items: [{to: '/blog', label: 'Blog', position: 'left'}]}}};\n",
        "docs/intro.md": f"# Intro\n\nRead [the welcome]({blog}/welcome) and [the page](/markdown-page).\n",
        "blog/2021-08-26-welcome/index.md": "---\nslug: welcome\ntitle: Welcome\n---\n"
                                            f"See [the first post]({blog}/2019/05/28/first-post).\n",
        "blog/2019-05-28-first-post.md": f"---\ntitle: First Post\n---\nNext: [welcome](https://x.example{blog}/welcome).\n",
        "blog/2019-05-29-long-blog-post.md": "---\nslug: /long\ntitle: Long Blog Post\n---\nLorem.\n",
        "blog/no-date.md": "---\ntitle: Undated\n---\n[Docs](/docs/intro)\n",
        "blog/authors.yml": "slorber:\n  name: Sebastien Lorber\n",
        "src/pages/markdown-page.md": "---\ntitle: Markdown page example\n---\n# Markdown page example\n",
        "src/pages/help/index.md": "# Help\n\n[home page](/markdown-page)\n",
        "src/pages/index.js": "export default function Home() { return null; }\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject_slug) for a in result.articles} == {
        "docs/intro.md": ("/docs/intro", "uncategorised"),
        "blog/2021-08-26-welcome/index.md": (f"{blog}/welcome", "blog"),
        "blog/2019-05-28-first-post.md": (f"{blog}/2019/05/28/first-post", "blog"),
        "blog/2019-05-29-long-blog-post.md": (f"{blog}/long", "blog"),
        "blog/no-date.md": (f"{blog}/no-date", "blog"),
        "src/pages/markdown-page.md": ("/markdown-page", "uncategorised"),
        "src/pages/help/index.md": ("/help/", "help"),
    }
    kg = qagraph.build(site)
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == 6


ELEVENTY_SITE = {
    ".eleventy.js": 'module.exports = c => ({dir: {input: "src", output: "_site"}});',
    "src/blog/blog.json": '{"permalink": "/posts/{{ page.fileSlug }}/", "tags": ["post"], "layout": "post.njk"}',
    "src/blog/blog.11tydata.json": '{"tags": ["blog"]}',
    "src/blog/2021-01-02-first.md": "---\ntitle: First\ntags: [css]\n---\n[second](/posts/second/), [custom](/custom/), "
                                    "[kept](/kept/), [mine](/c/my-page/) and [a note](/notes/n/)\n",
    "src/blog/second.md": "---\ntitle: Second\n---\nBack to [first](/posts/first/).\n",
    "src/blog/custom.md": "---\ntitle: Custom\npermalink: /custom/\n---\n",
    "src/blog/drafts/drafts.json": '{"permalink": false}',
    "src/blog/drafts/wip.md": "---\ntitle: WIP\n---\n",
    "src/blog/drafts/keep.md": "---\ntitle: Keep\npermalink: /kept/\n---\n",
    "src/computed/computed.json": '{"eleventyComputed": {"permalink": "/c/{{ page.fileSlug | slugify }}/"}}',
    "src/computed/My Page.md": "---\ntitle: Mine\npermalink: /not-this/\n---\n",
    "src/notes/notes.11tydata.js": "module.exports = {tags: ['note']};",
    "src/notes/n.md": "# A note\n\nNo front matter: its template data titles it.\n",
    "src/notes/n.json": '{"title": "From data", "tags": "note"}',
    "src/broken/broken.json": '{"tags": [}',
    "src/broken/b.md": "---\ntitle: B\n---\n",
    "src/_includes/layout.md": "---\ntitle: Layout\n---\n{{ content }}\n",
}


def test_eleventy_data_files_give_defaults_to_the_pages_of_their_folder(tmp_path: Path):
    """An Eleventy site's directory data files (blog/blog.json, blog/blog.11tydata.json) and template
    data files (n.json) give every page below them their fields, under its own front matter: the
    folder's permalink (made of the page's file name) is the url links are written to, its tags
    join the page's, permalink: false keeps a folder of drafts unwritten unless a page says
    otherwise. A JavaScript data file is not run (a warning); a data file that is not JSON is a
    warning; _includes/ holds no pages."""
    import qagraph

    for name, text in ELEVENTY_SITE.items():
        write_article(tmp_path / "site", name, text)
    result = load_corpus(tmp_path / "site")
    assert result.fields.content_dir == "src/" and result.fields.page_variables
    assert [where for where, _ in result.fields.data_files] == [
        "src/blog/", "src/blog/drafts/", "src/computed/", "src/notes/n"]
    by = {a.path: a for a in result.articles}
    assert {path: (a.key, a.title) for path, a in by.items()} == {
        "src/blog/2021-01-02-first.md": ("/posts/first", "First"), "src/blog/second.md": ("/posts/second", "Second"),
        "src/blog/custom.md": ("/custom", "Custom"), "src/blog/drafts/keep.md": ("/kept", "Keep"),
        "src/computed/My Page.md": ("/c/my-page", "Mine"), "src/notes/n.md": ("src/notes/n", "From data"),
        "src/broken/b.md": ("src/broken/b", "B"),
    }
    first = by["src/blog/2021-01-02-first.md"]
    assert first.keywords == ("post", "blog", "css") and first.extra["layout"] == "post.njk"
    assert by["src/notes/n.md"].keywords == ("note",)
    problems = {p.path: (p.line, p.severity, p.message) for p in result.problems}
    assert problems["src/blog/drafts/wip.md"] == (
        None, SKIPPED, "permalink: false, from the data files of src/blog/drafts/: not written as a page")
    assert problems["src/_includes/layout.md"][1] == SKIPPED
    line, severity, message = problems["src/notes/notes.11tydata.js"]
    assert severity == WARNING and message.startswith("a JavaScript data file: not run, so the data it gives the "
                                                      "pages of src/notes/ (tags, permalink, layout...) are not read")
    line, severity, message = problems["src/broken/broken.json"]
    assert (line, severity) == (1, WARNING) and "is not JSON" in message and "src/broken/" in message
    assert len(problems) == 4
    assert_every_file_accounted_for(result)
    kg = qagraph.build(tmp_path / "site")
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 6


def test_an_eleventy_page_without_a_permalink_is_at_its_path_as_eleventy_writes_it(tmp_path: Path):
    """Eleventy writes a page that sets no permalink to its path below the input folder as a folder's
    ``index.html`` (``blog/firstpost.md`` at ``/blog/firstpost/``), an ``index`` file, or one named as its folder
    (``blog/fifthpost/fifthpost.md``), at the folder's url: the base blog's pages had no url at all, so a
    link to ``/blog/fifthpost/`` reached its page by chance of the folder's name, and its relative links
    were read from its file rather than its url."""
    import qagraph

    site = tmp_path / "blog"
    write_site(site, {
        "eleventy.config.js": "export default async function(eleventyConfig) {};\nexport const config = {\n"
                              "\tdir: {\n\t\tinput: \"content\",\n\t\tincludes: \"../_includes\",\n\t\toutput: \"_site\"\n\t},\n};\n",
        "content/blog/firstpost.md": "---\ntitle: First\ndate: 2018-05-01\n---\n[fifth](/blog/fifthpost/) [second](secondpost.md)\n",
        "content/blog/secondpost.md": "---\ntitle: Second\n---\n[first](../firstpost/) [about](/about/)\n",
        "content/blog/fifthpost/fifthpost.md": "---\ntitle: Fifth\n---\n[first](../firstpost.md)\n",
        "content/index.md": "---\ntitle: Home\n---\nHome.\n",
        "content/about.md": "---\ntitle: About\n---\nAbout.\n",
        "content/docs/index.md": "---\ntitle: Docs\npermalink: /documentation/\n---\nDocs.\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "content/blog/firstpost.md": "/blog/firstpost/", "content/blog/secondpost.md": "/blog/secondpost/",
        "content/blog/fifthpost/fifthpost.md": "/blog/fifthpost/", "content/index.md": "/",
        "content/about.md": "/about/", "content/docs/index.md": "/documentation/"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("/blog/secondpost") == [kg.article("/blog/firstpost"), kg.article("/about")]


def test_an_eleventy_3_config_s_input_directory_is_the_content_folder(tmp_path: Path):
    """Eleventy 3 sets its input folder by a call as well as by ``dir.input`` (its UserConfig's
    ``setInputDirectory(dir)``, which the docs show as ``eleventyConfig.setInputDirectory("src")``): the site's
    pages were read from the project's root, their urls under ``/src/``, and its README a page."""
    site = tmp_path / "site"
    write_site(site, {
        "eleventy.config.js": 'export default function (eleventyConfig) {\n  eleventyConfig.setInputDirectory("src");\n'
                              '  eleventyConfig.setOutputDirectory("dist");\n}\n',
        "README.md": "# The site\n",
        "src/blog/first.md": "---\ntitle: First\n---\n",
    })
    result = load_corpus(site)
    assert result.fields.content_dir == "src/"
    assert {a.path: a.url for a in result.articles} == {"src/blog/first.md": "/blog/first/"}


def test_an_eleventy_permalink_is_a_folder_s_url_below_the_output_folder(tmp_path: Path):
    """Eleventy writes a page whose permalink ends in ``/`` to that folder's ``index.html``, below its output
    folder whether the permalink starts with ``/`` or not (``blog/q/``: ``/blog/q/``), and the page's links are
    read by the browser from that folder's url: ``../other/`` on ``/blog/post/`` is ``/blog/other/``. Its
    url was ``/blog/post``, a file's, so ``../other/`` led to ``/other/``; ``blog/q/`` was a url without its
    ``/``; and a permalink made by a template this reading cannot fill (``{{ title | slugify }}/``) put the page
    at its file's path, where Eleventy writes nothing: it has no url."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "eleventy.config.js": 'export const config = { dir: { input: "content" } };\n',
        "content/p.md": "---\ntitle: P\npermalink: /blog/post/\n---\n[o](../other/) [q](../q/)\n",
        "content/blog/other.md": "---\ntitle: O\n---\n",
        "content/other.md": "---\ntitle: Not this one\n---\n",
        "content/q.md": "---\ntitle: Q\npermalink: blog/q/\n---\n",
        "content/t.md": "---\ntitle: T\npermalink: \"{{ collections.all | length }}/\"\n---\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "content/p.md": "/blog/post/", "content/blog/other.md": "/blog/other/", "content/other.md": "/other/",
        "content/q.md": "/blog/q/", "content/t.md": None}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("/blog/post") == [kg.article("content/blog/other.md"), kg.article("/blog/q")]
    assert kg.counts.get("stubs", 0) == 0


def test_an_eleventy_permalink_made_of_the_page_s_own_fields_is_filled(tmp_path: Path):
    """An Eleventy permalink is often made of the page's own fields, in its front matter or its folder's data
    file (``/posts/{{ title | slugify }}/``, ``/{{ slug }}/``): Eleventy's ``slugify`` filter is
    @sindresorhus/slugify with ``decamelize: false`` (its src/Filters/Slugify.js), so ``Hello World & You`` is
    ``hello-world-and-you`` and ``fooBar`` ``foobar``. Such a page was at its file's path, where Eleventy
    writes nothing, and links by its url were stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "eleventy.config.js": 'export const config = { dir: { input: "content" } };\n',
        "content/posts/posts.json": '{"permalink": "/posts/{{ title | slugify }}/"}',
        "content/posts/a.md": "---\ntitle: Hello World & You\n---\n[b](/posts/foobar-notes/) [c](/about-us/)\n",
        "content/posts/b.md": "---\ntitle: fooBar Notes\n---\n",
        "content/c.md": "---\ntitle: About\nslug: about-us\npermalink: /{{ slug }}/\n---\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "content/posts/a.md": "/posts/hello-world-and-you/", "content/posts/b.md": "/posts/foobar-notes/",
        "content/c.md": "/about-us/"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("/posts/hello-world-and-you") == [kg.article("/posts/foobar-notes"), kg.article("/about-us")]


@pytest.mark.parametrize("use_gitignore", [True, False])
def test_an_eleventy_site_leaves_out_what_its_ignore_files_name(tmp_path: Path, use_gitignore: bool):
    """Eleventy does not read what the .eleventyignore files (the project's and the input folder's)
    and the project's .gitignore name (unless the config says setUseGitIgnore(false)): each line a
    glob from its file's folder, no ! negation. Those files were articles."""
    config = 'module.exports = c => {\n  c.setUseGitIgnore(false);\n  return {dir: {input: "src"}};\n};' if (
        not use_gitignore) else 'module.exports = c => ({dir: {input: "src"}});'
    write_site(tmp_path / "site", {
        ".eleventy.js": config,
        ".eleventyignore": "# what is not the site's\nsrc/notes/private/\n!src/notes/private/keep.md\n",
        "src/.eleventyignore": "drafts\n**/*.wip.md\n./TODO.md\n",
        ".gitignore": "node_modules/\n*.md\nsrc/scratch.md\n",
        "src/index.md": "---\ntitle: Home\n---\n",
        "src/TODO.md": "---\ntitle: To do\n---\n",
        "src/scratch.md": "---\ntitle: Scratch\n---\n",
        "src/drafts/a.md": "---\ntitle: A draft\n---\n",
        "src/posts/drafts/b.md": "---\ntitle: B, not in src/drafts/\n---\n",
        "src/posts/c.wip.md": "---\ntitle: C\n---\n",
        "src/notes/private/keep.md": "---\ntitle: Keep\n---\n",
    })
    result = load_corpus(tmp_path / "site")
    assert sorted(a.path for a in result.articles) == [
        "src/index.md", "src/posts/drafts/b.md", *([] if use_gitignore else ["src/scratch.md"])]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["src/drafts/a.md"] == "excluded by the site's src/.eleventyignore (drafts): not a page"
    assert why["src/posts/c.wip.md"] == "excluded by the site's src/.eleventyignore (**/*.wip.md): not a page"
    assert why["src/TODO.md"] == "excluded by the site's src/.eleventyignore (TODO.md): not a page"
    assert why["src/notes/private/keep.md"] == "excluded by the site's .eleventyignore (src/notes/private/): not a page"
    if use_gitignore:
        assert why["src/scratch.md"] == "excluded by the site's .gitignore (src/scratch.md): not a page"
    assert result.detection is not None and ("what .gitignore, .eleventyignore, src/.eleventyignore name"
                                             if use_gitignore else "what .eleventyignore, src/.eleventyignore name"
                                             ) in result.detection.reason
    assert not [p for p in result.problems if p.severity != SKIPPED]
    assert_every_file_accounted_for(result)


@pytest.mark.parametrize("tool", ["eleventy", "quartz", "vitepress"])
def test_a_wildcard_ignore_glob_leaves_out_the_folders_it_matches_only_where_the_tool_does(tmp_path: Path, tool: str):
    """fast-glob and globby (Eleventy, Quartz) skip a folder an ignore glob matches only when the glob's
    last part has no wildcard or it ends in /**: private/* leaves out private/a.md, not private/sub/b.md
    (nor *.tmp the folder x.tmp/), which were lost. VitePress's tinyglobby skips such folders."""
    content = {"eleventy": "src/", "quartz": "content/", "vitepress": ""}[tool]
    globs = ["private/*", "drafts", "old/**", "*.tmp"]
    config = {"eleventy": ("src/.eleventyignore", "\n".join(globs) + "\n"),
              "quartz": ("quartz.config.ts", f"const config = {{ configuration: {{ ignorePatterns: {globs} }} }}\n"),
              "vitepress": (".vitepress/config.mts", f"export default {{ srcExclude: {globs} }}\n")}[tool]
    site = tmp_path / "site"
    write_article(site, *config)
    if tool == "eleventy":
        write_article(site, ".eleventy.js", 'module.exports = c => ({dir: {input: "src"}});')
    for name in ["index.md", "private/a.md", "private/sub/b.md", "drafts/c.md", "x/drafts/d.md", "old/e/f.md",
                 "x.tmp/g.md"]:
        write_article(site, content + name, f"---\ntitle: {name}\n---\n")
    result = load_corpus(site)
    below = {"index.md", "x/drafts/d.md"} | ({"private/sub/b.md", "x.tmp/g.md"} if tool != "vitepress" else set())
    assert sorted(a.path for a in result.articles) == sorted(content + name for name in below)
    assert_every_file_accounted_for(result)


def test_an_eleventy_gitignore_that_whitelists_leaves_out_the_root_s_files_only(tmp_path: Path):
    """A .gitignore that ignores everything and takes back what is kept (* then !src/, !src/**) made
    every article skipped: Eleventy drops the ! lines and reads * as the root's files (./*), which
    leaves out no folder (a glob whose last part is a wildcard), so it publishes src/'s pages."""
    write_site(tmp_path / "site", {
        "eleventy.config.js": 'module.exports = () => ({ dir: { input: "src" } });\n',
        ".gitignore": "*\n!src/\n!src/**\n!eleventy.config.js\n",
        "src/posts/hello.md": "---\ntitle: Hello\n---\nHi\n",
        "src/about.md": "---\ntitle: About\n---\nA\n",
    })
    result = load_corpus(tmp_path / "site")
    assert sorted(a.path for a in result.articles) == ["src/about.md", "src/posts/hello.md"]
    assert_every_file_accounted_for(result)


def write_in_latin1_folder(parent: Path, files: dict[bytes, str]) -> None:
    """``files`` (name: text) in a folder of ``parent`` named caf\\xe9: in Latin-1, not UTF-8."""
    import os

    folder = os.fsencode(parent) + b"/caf\xe9"
    os.mkdir(folder)
    for name, text in files.items():
        with open(folder + b"/" + name, "w", encoding="utf-8") as handle:
            handle.write(text)


def test_site_files_that_cannot_be_read_are_warnings_naming_them(tmp_path: Path):
    """The site's own files read to fit the map (Eleventy data files, Docusaurus category files)
    are read as hostile input: a number of 5,000 digits, nesting deeper than Python recurses, a
    FIFO where a data file should be (it would block the build), a folder whose name is not UTF-8.
    Each is a warning naming its file, and the build writes its database; the pages are all there."""
    import os

    import qagraph

    site = tmp_path / "eleventy"
    write_site(site, {
        ".eleventy.js": 'module.exports = c => ({dir: {input: "src"}});',
        "src/big/big.json": '{"n": ' + "1" * 5000 + "}",
        "src/big/a.md": "---\ntitle: A\n---\n",
        "src/deep/deep.json": '{"a":' * 20000 + "1" + "}" * 20000,
        "src/deep/b.md": "---\ntitle: B\n---\n",
        "src/pipe/c.md": "---\ntitle: C\n---\n",
    })
    os.mkfifo(site / "src/pipe/pipe.json")
    write_in_latin1_folder(site / "src", {b"caf\xe9.json": '{"tags": ["menu"]}', b"d.md": "---\ntitle: D\n---\n"})
    result = load_corpus(site)
    problems = {p.path: p.message for p in result.problems}
    assert "the data file is not JSON that can be read (" in problems["src/big/big.json"]
    assert "nested too deeply" in problems["src/deep/deep.json"]
    assert "not a regular file" in problems["src/pipe/pipe.json"]
    assert [a.keywords for a in result.articles if a.title == "D"] == [("menu",)]
    assert sorted(a.title for a in result.articles) == ["A", "B", "C", "D"]
    assert qagraph.build(site, out=tmp_path / "b1").counts["articles"] == 4

    docs = tmp_path / "docusaurus"
    write_article(docs, "docusaurus.config.js", "module.exports = {url: 'https://x.example', baseUrl: '/'};")
    write_article(docs, "docs/deep/_category_.json", "[" * 20000 + "]" * 20000)
    write_article(docs, "docs/deep/a.md", "---\ntitle: A\n---\n")
    write_in_latin1_folder(docs / "docs", {b"_category_.json": '{"label": "Caf\u00e9 menu"}',
                                           b"b.md": "---\ntitle: B\n---\n"})
    result = load_corpus(docs)
    problems = {p.path: p.message for p in result.problems}
    assert "nested too deeply" in problems["docs/deep/_category_.json"]
    assert {a.title: a.subject for a in result.articles}["B"] == "Caf\u00e9 menu"
    assert qagraph.build(docs, out=tmp_path / "b2").counts["articles"] == 2


def test_a_warning_about_a_field_a_data_file_gives_names_the_data_files(tmp_path: Path):
    """A page that writes no date, under a folder whose data file gives a date that is none, is warned
    about with the folder whose data files give it: the page's own lines say nothing of it."""
    site = tmp_path / "site"
    write_article(site, ".eleventy.js", 'module.exports = c => ({dir: {input: "src"}});')
    write_article(site, "src/posts/posts.json", '{"date": "garbage"}')
    write_article(site, "src/posts/a.md", "---\ntitle: A\n---\n")
    write_article(site, "src/posts/b.md", "---\ntitle: B\ndate: soon\n---\n")
    messages = {p.path: p.message for p in load_corpus(site).problems}
    assert messages["src/posts/a.md"] == ("date 'garbage' is not an ISO date; kept as text "
                                          "(given by the data files of src/posts/)")
    assert messages["src/posts/b.md"] == "date 'soon' is not an ISO date; kept as text"


def test_a_zero_config_eleventy_site_is_known_by_its_package(tmp_path: Path):
    """Eleventy needs no config file: a package.json that depends on it says what the folder is, and
    its scripts' --input the content folder. Posts named by date (as Jekyll's are) do not make it
    a Jekyll site: its tool's file says what it is."""
    site = tmp_path / "site"
    write_article(site, "package.json", '{"scripts": {"build": "eleventy --input=content"}, '
                                        '"devDependencies": {"@11ty/eleventy": "^3.0.0"}}')
    write_article(site, "README.md", "# The site\n")
    write_article(site, "content/posts/posts.json", '{"permalink": "/p/{{ page.fileSlug }}/"}')
    write_article(site, "content/posts/2024-01-01-a.md", "---\ntitle: A\n---\n[b](/p/b/)\n")
    write_article(site, "content/posts/2024-01-02-b.md", "---\ntitle: B\n---\n")
    write_article(site, "content/posts/2024-01-03-c.md", "---\ntitle: C\n---\n")
    result = load_corpus(site)
    assert result.detection is not None and result.detection.preset == "generic"
    assert result.detection.reason.startswith("package.json (an Eleventy site); pages under content/")
    assert result.fields.content_dir == "content/" and result.skipped == ["README.md"]
    assert sorted(a.url for a in result.articles) == ["/p/a/", "/p/b/", "/p/c/"]


def test_a_docusaurus_site_whose_blog_names_its_posts_by_date_is_no_jekyll_site(tmp_path: Path):
    """Docusaurus names blog posts by date, as Jekyll does: with more posts than docs, the site was
    read as a Jekyll site, and its docs were not published at the docs' urls."""
    site = tmp_path / "site"
    write_article(site, "docusaurus.config.js", "module.exports = {title: 'Lib'};\n")
    write_article(site, "docs/intro.md", "# Intro\n")
    for day in (1, 2, 3):
        write_article(site, f"blog/2024-01-0{day}-post.md", f"---\ntitle: Post {day}\n---\n[intro](/docs/intro)\n")
    result = load_corpus(site)
    assert result.detection is not None and result.detection.preset == "generic"
    assert result.detection.reason.startswith("docusaurus.config.js (a Docusaurus site)")
    assert {a.path: a.url for a in result.articles}["docs/intro.md"] == "/docs/intro"


def test_an_mkdocs_page_needs_no_front_matter(tmp_path: Path):
    """MkDocs publishes every Markdown file of its docs folder: where most pages had front matter
    (tags, a description), the few without it (the home page) were skipped as include files."""
    write_article(tmp_path, "mkdocs.yml", "site_name: Docs\ntheme:\n  name: material\nplugins:\n  - tags\n")
    write_article(tmp_path, "docs/index.md", "# Welcome to MkDocs\n\nSee [install](guide/install.md).\n")
    for name in ("install", "configure", "deploy"):
        write_article(tmp_path, f"docs/guide/{name}.md", f"---\ntags:\n  - Setup\n---\n# {name.title()}\n")
    write_article(tmp_path, "README.md", "# The repository\n")
    result = load_corpus(tmp_path)
    assert sorted(a.path for a in result.articles) == [
        "docs/guide/configure.md", "docs/guide/deploy.md", "docs/guide/install.md", "docs/index.md"]
    assert result.skipped == ["README.md"]


def test_a_repository_with_an_mkdocs_site_per_language_in_docs_is_read_as_its_root_site(tmp_path: Path):
    """A project that keeps one MkDocs site per language in docs/ (docs/en/mkdocs.yml, docs/es/mkdocs.yml,
    each beside its docs/), built from the repository's top: the English site's pages are the articles, at
    their urls, filed under their nav's sections, and the README, the other language's site and the code
    are no pages, saying why. It was read as a folder of notes: no urls, every page under the subject
    "docs", the README and the Spanish pages articles beside the English ones."""
    nav = "nav:\n- Home: index.md\n- Tutorial:\n  - tutorial/index.md\n  - tutorial/first-steps.md\n"
    write_site(tmp_path, {
        "README.md": "# Swiftapi\n\nA web framework.\n",
        "docs/en/mkdocs.yml": "site_name: Swiftapi\nsite_url: https://swiftapi.example.org/\n" + nav,
        "docs/es/mkdocs.yml": "site_name: Swiftapi\nsite_url: https://swiftapi.example.org/es/\n" + nav,
        "docs/en/docs/index.md": "# Swiftapi\n\nStart with [the tutorial](tutorial/index.md).\n",
        "docs/en/docs/tutorial/index.md": "# Tutorial - Intro\n\nThen [first steps](first-steps.md).\n",
        "docs/en/docs/tutorial/first-steps.md": "# First Steps\n\nBack to [the intro](index.md).\n",
        "docs/es/docs/index.md": "# Swiftapi\n\nEmpieza con [el tutorial](tutorial/index.md).\n",
        "docs/es/docs/tutorial/index.md": "# Tutorial - Introducción\n",
        "src/swiftapi/__init__.py": "",
        "src/swiftapi/NOTES.md": "# Notes\n"})
    result = load_corpus(tmp_path)
    assert result.detection is not None and "docs/en/mkdocs.yml" in result.detection.reason
    assert "docs/es/mkdocs.yml: other MkDocs sites" in result.detection.reason
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "docs/en/docs/index.md": ("/", "Home", "Uncategorised"),
        "docs/en/docs/tutorial/index.md": ("/tutorial/", "Tutorial - Intro", "Tutorial"),
        "docs/en/docs/tutorial/first-steps.md": ("/tutorial/first-steps/", "First Steps", "Tutorial")}
    assert sorted(result.skipped) == ["README.md", "docs/es/docs/index.md", "docs/es/docs/tutorial/index.md",
                                      "src/swiftapi/NOTES.md"]
    assert build(tmp_path).counts["stubs"] == 0


def test_a_language_site_that_inherits_the_english_ones_config_is_not_the_root_site(tmp_path: Path):
    """FastAPI's languages now write only `INHERIT: ../en/mkdocs.yml` (and their theme's language): every config has
    the English site_url, and docs/de/ came first by path, so the German pages were read as the site and the English
    ones skipped. The config the others inherit from is the root site."""
    write_site(tmp_path, {
        "docs/en/mkdocs.yml": "site_name: Swiftapi\nsite_url: https://swiftapi.example.org/\nnav:\n- index.md\n",
        "docs/de/mkdocs.yml": "INHERIT: ../en/mkdocs.yml\ntheme:\n  language: de\n",
        "docs/en/docs/index.md": "# Swiftapi\n",
        "docs/de/docs/index.md": "# Swiftapi auf Deutsch\n"})
    result = load_corpus(tmp_path)
    assert [(a.path, a.url) for a in result.articles] == [("docs/en/docs/index.md", "/")]
    assert result.detection is not None and "docs/de/mkdocs.yml: other MkDocs sites" in result.detection.reason


@pytest.mark.parametrize(("config", "message"), [
    ("site_name: Docs\ndocs_dir: pages\n", "the docs folder it names, pages/, holds no page here: the folder is read "
                                           "as notes, not as an MkDocs site"),
    ("site_name: Docs\n", None),
])
def test_an_mkdocs_docs_folder_that_is_not_there_is_a_warning(tmp_path: Path, config: str, message: str | None):
    """A docs_dir renamed since (MkDocs stops on it): the folder was read as notes without a word, and its
    pages without front matter were skipped as "not a page". The warning names the line of docs_dir."""
    write_article(tmp_path, "mkdocs.yml", config)
    write_article(tmp_path, "docs/index.md", "# Welcome\n")
    write_article(tmp_path, "docs/guide.md", "---\ntags: [setup]\n---\n# Guide\n")
    result = load_corpus(tmp_path)
    said = [(p.path, p.line, p.severity, p.message) for p in result.problems if p.code == "site-config"]
    assert said == ([("mkdocs.yml", 2, WARNING, message)] if message else [])
    assert sorted(a.path for a in result.articles) == (["docs/guide.md"] if message else
                                                       ["docs/guide.md", "docs/index.md"])


@pytest.mark.parametrize(("files", "draft"), [
    ({"mkdocs.yml": "site_name: Docs\nplugins:\n  - blog\n", "docs/index.md": "---\ntags: [start]\n---\n# Home\n",
      "docs/blog/posts/hello.md": "---\ndate: 2024-01-31\n---\n# Hello\n",
      "docs/blog/posts/soon.md": "---\ndate: 2024-02-10\ndraft: true\n---\n# Soon\n"}, "docs/blog/posts/soon.md"),
    ({"eleventy.config.js": "export const config = {dir: {input: 'content'}};\n",
      "content/blog/firstpost.md": "---\ntitle: First\ndate: 2018-05-01\n---\nText.\n",
      "content/blog/fifthpost.md": "---\ntitle: This is a fifth post (draft)\ndate: 2023-01-23\ndraft: true\n---\n"},
     "content/blog/fifthpost.md"),
    ({"_config.yml": "title: Blog\n", "_posts/2024-01-05-welcome-to-jekyll.markdown": "---\ntitle: Welcome\n---\nHi.\n",
      "_posts/2024-01-06-later.md": "---\ntitle: Later\npublished: false\n---\nNot yet.\n"}, "_posts/2024-01-06-later.md"),
])
def test_a_starter_site_s_draft_is_no_article(tmp_path: Path, files: dict[str, str], draft: str):
    """The starters' drafts (MkDocs Material's blog, Eleventy's base blog: draft: true; Jekyll:
    published: false) were articles of the graph, though the site does not publish them."""
    for name, text in files.items():
        write_article(tmp_path, name, text)
    result = load_corpus(tmp_path)
    assert draft in result.skipped and draft not in [a.path for a in result.articles]
    assert len(result.articles) == sum(1 for n in files if n.endswith((".md", ".markdown"))) - 1


@pytest.mark.parametrize("files", [
    {"Projects 0123456789abcdef0123456789abcdef.md": "# Projects\n\nSee the pages.\n",
     "Projects/Launch 0123456789abcdef0123456789abcdef.md": "# Launch\n\nStatus: Doing\nPublished: No\n\nText.\n",
     "Projects/Redesign 0123456789abcdef0123456789abcdef.md": "# Redesign\n\nStatus: Idea\nDraft: Yes\n\nText.\n"},
    {"notes/a.md": "---\ntitle: A\ndraft: true\n---\nA note.\n", "notes/b.md": "---\ntitle: B\npublished: false\n---\nB.\n",
     "notes/c.md": "---\ntitle: C\n---\nC.\n"},
])
def test_a_draft_is_only_a_site_s(tmp_path: Path, files: dict[str, str]):
    """A draft is a page a site does not publish; in a folder no site tool publishes (notes, a Notion
    export, whose unticked Published and ticked Draft properties are a database's columns) every
    page is one: such pages were skipped as drafts."""
    for name, text in files.items():
        write_article(tmp_path, name, text)
    result = load_corpus(tmp_path)
    assert len(result.articles) == len(files) and result.skipped == []


def test_dated_notes_without_a_jekyll_config_keep_their_underscore_folders(tmp_path: Path):
    """Dated file names alone make the Jekyll preset's guess; without a _config.yml saying the folder is
    a Jekyll site, its _archive/ is no folder Jekyll leaves unread: its notes were skipped."""
    for name in ("2024-01-01-standup.md", "2024-01-02-standup.md", "2024-01-03-standup.md",
                 "_archive/2019-01-01-standup.md", "_archive/2019-01-02-standup.md"):
        write_article(tmp_path, name, "---\ntitle: Standup\n---\nNotes.\n")
    result = load_corpus(tmp_path)
    assert result.detection is not None and result.detection.preset == "jekyll"
    assert len(result.articles) == 5 and result.skipped == []


def test_a_docusaurus_site_read_from_its_root_takes_pages_only_from_its_page_folders(tmp_path: Path):
    """Read from its root (it has Markdown pages in src/pages/, or a blog), a Docusaurus site's other
    Markdown files (a component's README, the changelog, examples) are no pages, where they were
    articles; a second docs plugin's folder (its path in the config) is one of the page folders."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "export default {url: 'https://x.example', baseUrl: '/', presets: [['classic', "
                                "{docs: {sidebarPath: './sidebars.js'}, blog: false}]], plugins: [["
                                "'@docusaurus/plugin-content-docs', {id: 'community', path: 'community', "
                                "routeBasePath: 'community'}]]};\n",
        "docs/intro.md": "# Intro\n\nStart here.\n",
        "community/support.md": "# Support\n\nAsk.\n",
        "src/pages/markdown-page.md": "---\ntitle: Markdown page example\n---\nA page.\n",
        "src/components/Feature/README.md": "# Feature\n\nA component.\n",
        "examples/demo/README.md": "# Demo\n",
        "CHANGELOG.md": "# Changelog\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["community/support.md", "docs/intro.md",
                                                       "src/pages/markdown-page.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == {"src/components/Feature/README.md", "examples/demo/README.md", "CHANGELOG.md"}
    assert why["CHANGELOG.md"] == "outside the site's page folders (community/, docs/, src/pages/): not a page"


def test_the_docs_and_blogs_a_docusaurus_site_s_plugins_add_are_pages_at_their_routes(tmp_path: Path):
    """A docs or blog plugin named in a Docusaurus config's plugins (a community/ docs at /community,
    a second blog at /updates, an api-docs/ with versions of its own) publishes its pages at its
    routeBasePath as the preset's do. They were skipped as outside the content folder docs/ (or,
    in a site with a blog, read without a url): every link to them was a stub."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.ts": "const config: Config = {url: 'https://x.example', baseUrl: '/',\n"
                                "  presets: [['classic', {docs: {sidebarPath: './sidebars.ts'}, blog: false}]],\n"
                                "  plugins: [\n    ['@docusaurus/plugin-content-docs',\n      /** @type {import("
                                "'@docusaurus/plugin-content-docs').Options} */\n      ({id: 'community', path: 'community',"
                                " routeBasePath: 'community', sidebarPath: './sidebarsCommunity.ts'})],\n"
                                "    [require.resolve('@docusaurus/plugin-content-blog'), {id: 'news', path: 'news',"
                                " routeBasePath: 'updates'}],\n"
                                '    ["content-docs", {\n      id: "api",\n      path: "api-docs",\n'
                                '      routeBasePath: "api",\n    }],\n  ],\n};\nexport default config;\n',
        "docs/intro.md": "# Intro\n\n[support](/community/help/support) [launch](/updates/launch) "
                         "[client](/api/client) [next client](/api/next/client)\n",
        "community/index.md": "# Community\n",
        "community/01-help/support.md": "# Support\n\n[intro](/docs/intro) [index](../index.md)\n",
        "news/2024-03-01-launch.md": "---\nslug: launch\ntitle: Launch\n---\nWe launched. [intro](/docs/intro)\n",
        "api_versions.json": '["1.0"]',
        "api-docs/client.md": "# Client\n",
        "api_versioned_docs/version-1.0/client.md": "# Client 1.0\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject_slug) for a in result.articles} == {
        "docs/intro.md": ("/docs/intro", "uncategorised"),
        "community/index.md": ("/community/", "uncategorised"),
        "community/01-help/support.md": ("/community/help/support", "help"),
        "news/2024-03-01-launch.md": ("/updates/launch", "news"),
        "api-docs/client.md": ("/api/next/client", "uncategorised"),
        "api_versioned_docs/version-1.0/client.md": ("/api/client", "uncategorised"),
    }
    assert not result.problems
    kg = qagraph.build(site)
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 7


@pytest.mark.parametrize(("blog_options", "post_tags"), [("{}", ["Hello World", "news"]),
                                                    ("{tags: false}", ["hello", "news"])])
def test_a_docusaurus_page_s_tags_are_the_labels_its_tags_file_gives_them(tmp_path: Path, blog_options: str,
                                                                         post_tags: list[str]):
    """Docusaurus shows a tag that its docs' or blog's tags.yml defines by the file's label (or its
    key capitalised), one it does not by its own text, and a tag written as {label, permalink} by
    its label: the keywords were the keys (getting-started for "Getting Started"), and a tag object
    was left out with a warning. Each version reads its own tags file; the blog's tags option names
    another file, or none (tags: false). A tags file that cannot be read is a warning naming it."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": f"module.exports = {{presets: [['classic', {{docs: {{}}, blog: {blog_options}}}]]}};\n",
        "versions.json": '["1.0"]',
        "docs/tags.yml": "getting-started:\n  label: Getting Started\n  permalink: /start\napi:\n",
        "docs/intro.md": "---\ntags: [getting-started, api, inline]\n---\n# Intro\n",
        "docs/guide.md": "---\ntags:\n  - label: Object Tag\n    permalink: /object\n  - getting-started\n---\n# Guide\n",
        "versioned_docs/version-1.0/tags.yml": "getting-started:\n  label: Start (1.0)\n",
        "versioned_docs/version-1.0/intro.md": "---\ntags: [getting-started, api]\n---\n# Intro 1.0\n",
        "blog/tags.yml": "hello:\n  label: Hello World\n",
        "blog/2024-01-01-hello.md": "---\ntitle: Hello\ntags: [hello, news]\n---\nHi.\n",
        "community/tags.yml": "[not, a, mapping]\n",
    })
    result = load_corpus(site)
    assert {a.path: list(a.keywords) for a in result.articles} == {
        "docs/intro.md": ["Getting Started", "Api", "inline"],
        "docs/guide.md": ["Object Tag", "Getting Started"],
        "versioned_docs/version-1.0/intro.md": ["Start (1.0)", "api"],
        "blog/2024-01-01-hello.md": post_tags,
    }
    assert not result.problems
    write_article(site, "docusaurus.config.js", "module.exports = {presets: [['classic', {docs: {path: 'community'}}]]};")
    write_article(site, "community/intro.md", "---\ntags: [x]\n---\n# Intro\n")
    problems = [p for p in load_corpus(site).problems if p.severity != SKIPPED]
    assert [(p.path, p.severity, p.code) for p in problems] == [("community/tags.yml", WARNING, "tags-file")]
    assert "not tags by their keys: the pages show their tags as written" in problems[0].message


@pytest.mark.parametrize(("setting", "urls"), [
    ("", ["/", "/blog/hello", "/docs/guides/", "/docs/guides/install", "/help"]),
    ("trailingSlash: true,", ["/", "/blog/hello/", "/docs/guides/", "/docs/guides/install/", "/help/"]),
    ("trailingSlash: false,", ["/", "/blog/hello", "/docs/guides", "/docs/guides/install", "/help"]),
])
def test_a_docusaurus_site_s_trailing_slash_setting_ends_its_urls(tmp_path: Path, setting: str, urls: list[str]):
    """trailingSlash: true publishes every page at a url ending with /, false every one without
    (a category's index too), as the site's sitemap lists them; unset, the urls are as made. They
    were as made whatever the setting said. The links still lead to the pages."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": f"export default {{url: 'https://x.example', baseUrl: '/', {setting}\n"
                                "  themeConfig: {navbar: {items: [{to: '/blog', trailingSlash: true}]}}};\n",
        "docs/guides/index.md": "# Guides\n\n[install](install.md) [home](/) [hello](/blog/hello/)\n",
        "docs/guides/install.md": "# Install\n\n[guides](/docs/guides) [help](/help)\n",
        "blog/2024-01-01-hello.md": "---\nslug: hello\ntitle: Hello\n---\n[install](/docs/guides/install/)\n",
        "src/pages/index.md": "# Home\n",
        "src/pages/help.md": "# Help\n",
    })
    assert sorted(a.url or "" for a in load_corpus(site).articles) == urls
    kg = qagraph.build(site)
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 6


def test_a_docusaurus_page_without_a_title_is_titled_as_docusaurus_titles_it(tmp_path: Path):
    """Docusaurus titles a page by its title, else the level-1 heading its content starts with (after
    an MDX file's imports), else a doc by its id (its id field, or its file name without number
    prefix) and a post by the name after its date. A heading further down titled the page, and a
    doc without heading was titled by its file name (01-intro) with a warning."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "module.exports = {url: 'https://x.example', baseUrl: '/'};\n",
        "docs/01-intro.md": "Some text, no heading.\n",
        "docs/02-guides/03-setup.md": "---\nid: my-id\n---\nText.\n",
        "docs/02-guides/late.md": "---\nsidebar_label: Late\n---\nText first.\n\n# A late heading\n",
        "docs/02-guides/mdx.mdx": "import Tabs from '@theme/Tabs';\nimport X from './x';\n\n# The `config.js` file {#config}\n",
        "docs/02-guides/setext.md": "Setext title\n============\n\nText.\n",
        "docs/02-guides/titled.md": "---\ntitle: Front matter title\n---\n# Heading title\n",
        "blog/2024-01-01-welcome/index.md": "---\nauthors: []\n---\nNo title.\n",
        "src/pages/help.md": "Help.\n",
    })
    result = load_corpus(site)
    assert {a.path: a.title for a in result.articles} == {
        "docs/01-intro.md": "intro", "docs/02-guides/03-setup.md": "my-id", "docs/02-guides/late.md": "late",
        "docs/02-guides/mdx.mdx": "The config.js file", "docs/02-guides/setext.md": "Setext title",
        "docs/02-guides/titled.md": "Front matter title", "blog/2024-01-01-welcome/index.md": "welcome",
        "src/pages/help.md": "help",
    }
    assert not [p for p in result.problems if p.code == "no-title"]


def test_a_repository_s_docusaurus_site_in_website_publishes_the_docs_beside_it(tmp_path: Path):
    """A repository that keeps its Docusaurus site in website/ (Docusaurus's own layout, a migrated v1
    site's) publishes the repository's docs/ (path: '../docs') at /docs, and website/'s blog, pages and
    versions. Read from the repository's root, no site was recognised: the README and CONTRIBUTING
    were articles, nothing had a url, every link was a stub, the blog's subject was "Website". Read
    from website/, the docs are outside the folder: a warning says so, where they were lost unsaid."""
    import qagraph

    root = tmp_path / "repo"
    write_site(root, {
        "website/docusaurus.config.js": "module.exports = {url: 'https://x.org', baseUrl: '/', presets: [['classic', "
                                        "{docs: {path: '../docs', sidebarPath: require.resolve('./sidebars.json')}, "
                                        "blog: {}}]]};\n",
        "website/versions.json": '["1.0"]',
        "website/versioned_docs/version-1.0/intro.md": "# Intro 1.0\n\n[next](/docs/next/intro)\n",
        "docs/intro.md": "# Intro\n\n[install](guides/install.md) [post](/blog/hello)\n",
        "docs/guides/install.md": "# Install\n\n[intro](/docs/intro)\n",
        "website/blog/2024-01-01-hello.md": "---\ntitle: Hello\nslug: hello\n---\n[intro](/docs/next/intro)\n",
        "website/src/pages/page.md": "# Page\n",
        "website/README.md": "# Website\n",
        "README.md": "# Readme\n",
        "CONTRIBUTING.md": "# Contributing\n",
    })
    result = load_corpus(root)
    assert "website/docusaurus.config.js" in result.detection.reason
    assert {a.path: (a.url, a.subject_slug) for a in result.articles} == {
        "docs/intro.md": ("/docs/next/intro", "uncategorised"),
        "docs/guides/install.md": ("/docs/next/guides/install", "guides"),
        "website/versioned_docs/version-1.0/intro.md": ("/docs/intro", "uncategorised"),
        "website/blog/2024-01-01-hello.md": ("/blog/hello", "blog"),
        "website/src/pages/page.md": ("/page", "uncategorised"),
    }
    assert {p.path for p in result.problems} == {"README.md", "CONTRIBUTING.md", "website/README.md"}
    kg = qagraph.build(root)
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 5
    problems = [p for p in load_corpus(root / "website").problems if p.severity != SKIPPED]
    assert [(p.path, p.severity, p.code) for p in problems] == [("docusaurus.config.js", WARNING, "site-config")]
    assert "its docs folder ../docs is outside the folder read" in problems[0].message


def test_a_starlight_site_s_docs_are_its_pages_at_the_site_s_root(tmp_path: Path):
    """Astro's Starlight starter keeps its pages in src/content/docs/ and publishes them at the site's
    root (guides/example.md at /guides/example/): every page was under one subject, "Docs", and a link
    to /reference/example/ was a stub. The folders below docs/ are the subjects now."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "astro.config.mjs": "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n\n"
                            "export default defineConfig({\n\tintegrations: [\n\t\tstarlight({\n\t\t\ttitle: 'My Docs',\n"
                            "\t\t\tsidebar: [{ label: 'Reference', autogenerate: { directory: 'reference' } }],\n"
                            "\t\t}),\n\t],\n});\n",
        "src/content/docs/index.mdx": "---\ntitle: Welcome to Starlight\ntemplate: splash\nhero:\n  actions:\n"
                                      "    - text: Example Guide\n      link: /guides/example/\n---\n\n## Next steps\n",
        "src/content/docs/guides/example.md": "---\ntitle: Example Guide\n---\n\nSee the [reference](/reference/example/).\n",
        "src/content/docs/reference/example.md": "---\ntitle: Example Reference\n---\n\n[Home](/)\n",
        "README.md": "# Starlight Starter Kit: Basics\n",
    })
    result = load_corpus(site)
    assert result.fields.content_dir == "src/content/docs/"
    assert {a.path: a.subject_slug for a in result.articles} == {
        "src/content/docs/index.mdx": "uncategorised", "src/content/docs/guides/example.md": "guides",
        "src/content/docs/reference/example.md": "reference"}
    kg = qagraph.build(site)
    # the guide and the reference link on; the home page's hero button links to the guide
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == 3


def test_a_docusaurus_blog_post_is_dated_by_its_file_or_folder_name(tmp_path: Path):
    """The classic template's posts have no date field: Docusaurus dates them by their file name
    (2019-05-28-first-blog-post.md) or their folder's (2021-08-26-welcome/index.md), or both, the year a
    folder (2017/12-14-hello.mdx, 2022/08-01-launch/index.mdx: its DATE_FILENAME_REGEX on the post's path,
    which dates and publishes them; they were undated). MkDocs Material's blog dates by date.created,
    Astro's starter by pubDate ('Jul 08 2022')."""
    site = tmp_path / "site"
    write_article(site, "docusaurus.config.js", "export default {title: 'My Site', url: 'https://x.example.com'};\n")
    write_article(site, "docs/intro.md", "---\nsidebar_position: 1\n---\n# Tutorial Intro\n")
    write_article(site, "docs/meetings/2024-01-05-standup.md", "# Standup\n")  # Docusaurus dates posts only
    write_article(site, "blog/2019-05-28-first-blog-post.md", "---\nslug: first-blog-post\ntitle: First Blog Post\n"
                  "authors: [slorber, yangshun]\ntags: [hola, docusaurus]\n---\nLorem ipsum.\n")
    write_article(site, "blog/2021-08-26-welcome/index.md", "---\nslug: welcome\ntitle: Welcome\n---\nHi.\n")
    write_article(site, "blog/2022-01-01-later.md", "---\ntitle: Later\ndate: 2022-02-02\n---\nText.\n")
    write_article(site, "blog/2017/12-14-hello.mdx", "---\ntitle: Hello\n---\nHi.\n")
    write_article(site, "blog/2022/08-01-launch/index.mdx", "---\ntitle: Launch\n---\nOut.\n")
    write_article(site, "blog/releases/3.7/index.mdx", "---\ntitle: Release 3.7\n---\nNew.\n")
    astro = tmp_path / "astro"
    write_article(astro, "astro.config.mjs", "export default defineConfig({site: 'https://example.com'});\n")
    write_article(astro, "src/content/blog/first-post.md", "---\ntitle: 'First post'\ndescription: 'Lorem'\n"
                  "pubDate: 'Jul 08 2022'\nheroImage: '../../assets/blog-placeholder-3.jpg'\n---\nLorem.\n")
    mkdocs = tmp_path / "mkdocs"
    write_article(mkdocs, "mkdocs.yml", "site_name: Docs\nplugins:\n  - blog\n")
    write_article(mkdocs, "docs/blog/posts/hello-world.md", "---\ndate:\n  created: 2024-01-31\ncategories:\n"
                  "  - Hello\n---\n# Hello world!\n")
    dates = {a.path: a.date for folder in (site, astro, mkdocs) for a in load_corpus(folder).articles}
    assert dates == {"docs/intro.md": None, "docs/meetings/2024-01-05-standup.md": None,
                     "blog/2019-05-28-first-blog-post.md": "2019-05-28",
                     "blog/2021-08-26-welcome/index.md": "2021-08-26", "blog/2022-01-01-later.md": "2022-02-02",
                     "blog/2017/12-14-hello.mdx": "2017-12-14", "blog/2022/08-01-launch/index.mdx": "2022-08-01",
                     "blog/releases/3.7/index.mdx": None,
                     "src/content/blog/first-post.md": "2022-07-08", "docs/blog/posts/hello-world.md": "2024-01-31"}


@pytest.mark.parametrize("config", [
    "module.exports = {title: 'Lib', url: 'https://lib.example.org', baseUrl: '/lib/', presets: [['classic', {}]]};\n",
    "export default {\n  themeConfig: {footer: {links: [{label: 'Home', url: 'https://other.example'}]}},\n"
    "  // url: 'https://old.example',\n  /* url: 'https://older.example', */\n"
    "  \"url\": \"https://lib.example.org\", \"baseUrl\": `/lib/`,\n};\n",
])
def test_a_docusaurus_site_url_is_read_however_its_config_is_written(tmp_path: Path, config: str):
    """The site url of a Docusaurus config written on one line, or whose url is not the first thing on its
    line (a quoted key), was lost: links written as the site's absolute urls were stubs. The url is the
    config object's own, not a link's deeper in it nor one in a comment."""
    import qagraph

    write_article(tmp_path, "docusaurus.config.js", config)
    write_article(tmp_path, "docs/intro.md", "---\ntitle: Intro\n---\nSee [b](https://lib.example.org/lib/docs/b).\n")
    write_article(tmp_path, "docs/b.md", "---\ntitle: B\n---\nText.\n")
    assert load_corpus(tmp_path).fields.site_url == "https://lib.example.org/lib"
    kg = qagraph.build(tmp_path)
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == 1


@pytest.mark.parametrize(("options", "map_file", "map_text"), [
    ("", "blog/authors.yml", "slorber:\n  name: Sébastien Lorber\n  title: Docusaurus maintainer\n"
                             "  image_url: https://github.com/slorber.png\nyangshun:\n  name: Yangshun Tay\n"),
    ("blog: {authorsMapPath: 'team/authors.json'}", "blog/team/authors.json",
     '{"slorber": {"name": "Sébastien Lorber"}, "yangshun": {"name": "Yangshun Tay", "socials": {"x": "yangshunz"}}}'),
])
def test_a_docusaurus_blog_s_authors_map_names_its_posts_authors(tmp_path: Path, options: str, map_file: str,
                                                                  map_text: str):
    """The classic template's posts name their authors by the keys of blog/authors.yml (or of the file the
    blog's authorsMapPath names): they had no author at all. Each is now the names the post shows,
    in the graph and the RDF's schema:author; a doc's author is its author field's."""
    import qagraph

    site = tmp_path / "site"
    write_article(site, "docusaurus.config.js", "export default {title: 'S', url: 'https://s.example', baseUrl: '/', "
                                                f"presets: [['classic', {{{options}}}]]}};\n")
    write_article(site, map_file, map_text)
    write_article(site, "blog/2019-05-28-first-blog-post.md", "---\nslug: first-blog-post\ntitle: First Blog Post\n"
                  "authors: [slorber, yangshun]\ntags: [hola, docusaurus]\n---\nLorem ipsum.\n")
    write_article(site, "blog/2021-08-26-welcome/index.md",
                  "---\nslug: welcome\ntitle: Welcome\nauthors: yangshun\n---\n")
    write_article(site, "docs/intro.md", "---\ntitle: Intro\nauthor: Ann\n---\n# Tutorial Intro\n")
    result = load_corpus(site)
    assert {a.path: a.author for a in result.articles} == {
        "blog/2019-05-28-first-blog-post.md": "Sébastien Lorber, Yangshun Tay",
        "blog/2021-08-26-welcome/index.md": "Yangshun Tay", "docs/intro.md": "Ann"}
    assert result.problems == []
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.graph.nodes["article:blog/2021-08-26-welcome/index"]["author"] == "Yangshun Tay"


@pytest.mark.parametrize(("text", "why"), [
    ("slorber:\n  name: [\n", "the authors map is not YAML that can be read ("),
    ("- slorber\n- yangshun\n", "the authors map holds a list, not authors by their keys"),
    ("slorber:\n  title: Maintainer\nyangshun: 5\nann: {name: Ann}\n",
     "the authors map gives 'slorber', 'yangshun' no name and no image (Docusaurus stops the build on it): "
     "their keys name them"),
    ("x: " + "[" * 20_000 + "]" * 20_000 + "\n", "the authors map is not YAML that can be read (nested too deeply)"),
    ("# " + "x" * 300_000 + "\n", "the authors map is larger than 256 KB"),
    (b"slorber:\n  name: S\xe9bastien\n", "the authors map is not UTF-8 text"),
    (None, "the authors map is not a regular file"),
])
def test_a_docusaurus_authors_map_that_cannot_be_read_is_a_warning_naming_it(tmp_path: Path, text: str | bytes | None,
                                                                             why: str):
    """An authors map that is not YAML, holds no map of authors, is larger than a data file may be, or is a
    FIFO (it would block the build) is a warning naming it, and the build goes on: the posts name their
    authors by their keys (each a warning too: Docusaurus stops the build on it)."""
    import os

    import qagraph

    site = tmp_path / "site"
    write_article(site, "docusaurus.config.js", "module.exports = {url: 'https://x.example', baseUrl: '/'};")
    write_article(site, "blog/2024-01-01-post.md", "---\ntitle: Post\nauthors: [slorber]\n---\nText.\n")
    write_article(site, "docs/intro.md", "# Intro\n")
    if text is None:
        os.mkfifo(site / "blog/authors.yml")
    else:
        (site / "blog/authors.yml").write_bytes(text if isinstance(text, bytes) else text.encode())
    result = load_corpus(site)
    [problem] = [p for p in result.problems if p.path == "blog/authors.yml"]
    assert (problem.severity, problem.code) == (WARNING, "authors-file") and problem.message.startswith(why)
    assert [a.author for a in result.articles if a.title == "Post"] == ["slorber"]
    assert qagraph.build(site, out=tmp_path / "out").counts["articles"] == 2


def test_an_eleventy_tag_string_is_one_tag(tmp_path: Path):
    """Eleventy's base blog writes tags: second tag (fourthpost.md) beside a list holding "second tag"
    (thirdpost.md): a string is one tag to Eleventy (its page is /tags/second-tag/), but it was split
    on its spaces into the keywords "second" and "tag"."""
    write_article(tmp_path, "eleventy.config.js", "export const config = {dir: {input: 'content'}};\n")
    write_article(tmp_path, "content/blog/thirdpost.md", "---\ntitle: This is my third post.\n"
                  "tags:\n  - second tag\n---\nText.\n")
    write_article(tmp_path, "content/blog/fourthpost/fourthpost.md", "---\ntitle: This is my fourth post.\n"
                  "tags: second tag\n---\nText.\n")
    write_article(tmp_path, "content/blog/fifthpost.md", "---\ntitle: Fifth\ntags: a, b\n---\nText.\n")
    write_article(tmp_path, "content/blog/firstpost.md", "---\ntitle: First\ntags:\n  - another tag\n---\nText.\n")
    result = load_corpus(tmp_path)
    assert {a.path: a.keywords for a in result.articles} == {
        "content/blog/thirdpost.md": ("second tag",), "content/blog/fourthpost/fourthpost.md": ("second tag",),
        "content/blog/fifthpost.md": ("a", "b"), "content/blog/firstpost.md": ("another tag",)}
    # tags of several words are Eleventy's tags, not space-separated lists read as one keyword
    assert not [p for p in result.problems if p.code == "keyword-separator"]


def test_a_url_field_that_holds_no_url_is_none(tmp_path: Path):
    """permalink: false named an article "False" (and a second such file was rejected as a duplicate
    of it); a number is no url either (a warning says so); a template names no one page."""
    from qagraph.fields import read_article

    generic = preset("generic").fields
    article, problems = read_article("a/n.md", "---\ntitle: N\nurl: 42\n---\n", generic)
    assert article.key == "a/n" and article.url is None
    assert [(p.line, p.message) for p in problems] == [(3, "url 42 is not a url; ignored")]
    article, problems = read_article("a/t.md", "---\ntitle: T\npermalink: /blog/{{ page.fileSlug }}/\n---\n", generic)
    assert article.key == "a/t" and article.url is None and problems == []
    article, problems = read_article("a/f.md", "---\ntitle: F\npermalink: false\n---\n", generic)
    assert article is None and [(p.line, p.severity, p.message) for p in problems] == [
        (3, SKIPPED, "permalink: false: not written as a page")]


def test_a_hugo_theme_s_archetypes_and_npm_packages_are_not_pages(tmp_path: Path):
    result = _hugo_site(tmp_path / "site", {"posts/a.md": "---\ntitle: A\n---\n"})
    write_article(tmp_path / "theme", "theme.toml", 'name = "T"\n')
    write_article(tmp_path / "theme", "archetypes/default.md", '---\ntitle: "{{ replace .Name "-" " " | title }}"\n'
                                                              "date: {{ .Date }}\n---\n")
    write_article(tmp_path / "theme", "layouts/partials/x.md", "+++\ntitle = 'Partial'\n+++\n{{< shortcode >}}\n")
    write_article(tmp_path / "theme", "node_modules/pkg/README.md", "---\ntitle: pkg\n---\n")
    theme = load_corpus(tmp_path / "theme", preset="hugo")
    why = {p.path: p.message for p in theme.problems}
    assert set(why) == {"archetypes/default.md"}  # node_modules/ is passed over unread, as .git/ is
    assert "node_modules/pkg/README.md" not in theme.skipped and theme.counts["files"] == 2
    assert "templates of new pages" in why["archetypes/default.md"] and theme.counts["rejected"] == 0
    assert [a.title for a in result.articles] == ["A"]


@pytest.mark.parametrize("config", ["config.toml", "hugo.toml", "config/_default/hugo.toml"])
@pytest.mark.parametrize("how", ["auto", "hugo"])
def test_a_hugo_theme_s_example_site_is_the_corpus(tmp_path: Path, config: str, how: str):
    """A theme's repository (theme.toml, no content/) ships its pages in exampleSite/content/, with
    the example site's own config: those are the pages, the site's url and languages come from that
    config, and the theme's files (README, archetypes, layouts) are not pages."""
    import qagraph

    theme = tmp_path / "theme"
    write_site(theme, {
        "theme.toml": 'name = "T"\n', "README.md": "---\ntitle: The theme\n---\n",
        "archetypes/default.md": '---\ntitle: "{{ .Name }}"\n---\n',
        "layouts/partials/x.md": "+++\ntitle = 'Partial'\n+++\n",
        f"exampleSite/{config}": 'baseURL = "https://demo.example.org/"\ndefaultContentLanguage = "en"\n'
                                 "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n",
        "exampleSite/content/_index.md": "---\ntitle: Home\n---\n",
        "exampleSite/content/posts/first.md": "---\ntitle: First\n---\n"
                                              "[second](https://demo.example.org/posts/second/) and {{< ref \"second\" >}}\n",
        "exampleSite/content/posts/second.md": "---\ntitle: Second\n---\n",
        "exampleSite/content/posts/second.fr.md": "---\ntitle: Deuxième\n---\n[english](/posts/first/)\n",
    })
    result = load_corpus(theme, preset=how)
    assert result.detection is not None and result.detection.preset == "hugo"
    if how == "auto":
        assert "theme.toml and exampleSite/ (a Hugo theme" in result.detection.reason
    fields = result.fields
    assert (fields.content_dir, fields.site_url, fields.languages) == (
        "exampleSite/content/", "https://demo.example.org/", ("en", "fr"))
    assert sorted(by_key(result)) == ["/", "fr/posts/second", "posts/first", "posts/second"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == {"README.md", "archetypes/default.md", "layouts/partials/x.md"}
    assert "outside the content folder exampleSite/content/" in why["README.md"]
    assert_every_file_accounted_for(result)
    kg = qagraph.build(theme, preset=how)
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 2


@pytest.mark.parametrize("config", ["hugo.toml", "config.toml", "config/_default/hugo.toml"])
def test_a_repository_whose_hugo_site_is_one_of_its_folders_is_read_as_that_site(tmp_path: Path, config: str):
    """A repository that keeps its Hugo site in a folder (site.example/ with its config and content/,
    beside the repository's README and a folder of static files), read from its root, is that site:
    its pages at the urls its permalinks give, its own shortcodes, subjects from its sections, and
    the repository's files outside the content folder not pages. Before, it was read with no config:
    every url began /site.example/content/, and every page was filed under "site-example"."""
    import qagraph

    repo = tmp_path / "repo"
    write_site(repo, {
        "README.md": "# The repository\n\nBuild [the site](site.example/README.md).\n",
        "static-host/public/index.html": '<html><a href="https://site.example/">site</a></html>\n',
        f"site.example/{config}": 'baseURL = "https://site.example/"\n[permalinks]\nnews = "/:year/:month/:slug/"\n',
        "site.example/layouts/shortcodes/doc.html": '<a href="{{ relref . (.Get 0) }}">{{ .Inner }}</a>\n',
        "site.example/README.md": "# Site\n",
        "site.example/content/_index.md": "---\ntitle: Home\n---\n",
        "site.example/content/3.1/guide/setup.md": "+++\ntitle = \"Setup\"\n+++\n[tuning](../tuning/)\n",
        "site.example/content/3.1/guide/tuning.md": "+++\ntitle = \"Tuning\"\n+++\n{{< doc \"setup\" >}}again{{< /doc >}}\n",
        "site.example/content/news/_index.md": "---\ntitle: News\n---\n",
        "site.example/content/news/0412-launch/index.md": "---\ntitle: We launch\ndate: 2021-04-12\nslug: launch\n---\n"
                                                        "[the guide](/3.1/guide/setup/)\n",
    })
    result = load_corpus(repo)
    assert result.detection is not None and result.detection.preset == "hugo"
    assert "site.example/" in result.detection.reason
    assert result.fields.content_dir == "site.example/content/"
    urls = {a.path: a.url for a in result.articles}
    assert urls == {"site.example/content/_index.md": "/",
                    "site.example/content/3.1/guide/setup.md": "/3.1/guide/setup/",
                    "site.example/content/3.1/guide/tuning.md": "/3.1/guide/tuning/",
                    "site.example/content/news/_index.md": "/news/",
                    "site.example/content/news/0412-launch/index.md": "/2021/04/launch/"}
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == {"README.md", "site.example/README.md"}
    assert all("outside the content folder site.example/content/" in m for m in why.values())
    assert_every_file_accounted_for(result)
    kg = qagraph.build(repo)
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 3
    assert {d["subject"] for _, d in kg.graph.nodes(data=True) if d.get("kind") == "article"} >= {"guide", "news"}


def test_a_jekyll_site_with_a_hugo_site_in_one_of_its_folders_is_the_jekyll_site(tmp_path: Path):
    """A Jekyll site (its ``_config.yml`` at the root) that keeps a Hugo site in a folder is read as the
    Jekyll site it is: its posts and its HTML pages with front matter are pages; the Hugo site in the
    folder does not take its place."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Site\n", "about.html": "---\ntitle: About\n---\n<p>About</p>\n",
        "_posts/2020-01-02-hello.md": "---\ntitle: Hello\n---\n",
        "docs-site/hugo.toml": 'baseURL = "https://docs.example/"\n',
        "docs-site/content/guide.md": "---\ntitle: Guide\n---\n",
    })
    result = load_corpus(site)
    assert result.detection is not None and result.detection.preset == "jekyll"
    assert {a.title for a in result.articles} >= {"About", "Hello"}


def test_a_repository_whose_jekyll_site_is_one_of_its_folders_is_read_as_that_site(tmp_path: Path):
    """A repository that keeps its Jekyll site in a folder (guide/ with its _config.yml, collections,
    posts and includes, beside the gem's README, a contributing guide and a project template with a page
    of its own), read from its root, is that site: its posts and documents at the urls its config gives
    them, a link tag to a document reaching it, and the repository's own files not pages. Before, the
    config was not read: the posts and the collection's documents had no url, the links to them were
    stubs, and every page was filed under "guide"."""
    import qagraph

    repo = tmp_path / "gem"
    write_site(repo, {
        "README.md": "# The gem\n\nSee [the guide](https://gem.example/guide/setup/).\n",
        "CONTRIBUTING.md": "# Contributing\n\nRead [the page](guide/_guide/setup.md).\n",
        "template/index.md": "---\nlayout: home\n---\n",
        "guide/_config.yml": "url: https://gem.example\ncollections:\n  guide:\n    output: true\n"
                             "    permalink: /:collection/:path/\n  posts:\n    permalink: /news/:year/:title/\n",
        "guide/_includes/nav.html": "<nav></nav>\n",
        "guide/_guide/setup.md": "---\ntitle: Set up\n---\nRead [the news]({{ '/news/2020/launch/' | relative_url }}).\n",
        "guide/_guide/usage.md": "---\ntitle: Use it\n---\n[Set up first]({% link _guide/setup.md %}).\n",
        "guide/_posts/2020-05-01-launch.md": "---\ntitle: Launch\n---\n[Usage](/guide/usage/)\n",
    })
    result = load_corpus(repo)
    assert result.detection is not None and result.detection.preset == "jekyll"
    assert "guide/" in result.detection.reason
    urls = {a.path: a.url for a in result.articles}
    assert urls == {"guide/_guide/setup.md": "/guide/setup/", "guide/_guide/usage.md": "/guide/usage/",
                    "guide/_posts/2020-05-01-launch.md": "/news/2020/launch/"}
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == {"README.md", "CONTRIBUTING.md", "template/index.md"}
    assert all("outside the content folder guide/" in m for m in why.values())
    assert_every_file_accounted_for(result)
    kg = qagraph.build(repo)
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 3
    assert {d["subject"] for _, d in kg.graph.nodes(data=True) if d.get("kind") == "article"} == {"guide", "uncategorised"}


def test_a_jekyll_docs_site_files_its_pages_under_the_sections_of_its_data_file_navigation(tmp_path: Path):
    """A Jekyll documentation site whose sidebar an include builds from a data file (``{% for section in
    site.data.guide_nav %}`` ... ``{% for item in section.pages %}``) files each page under the section
    that lists it: by its url, or by an old url its redirect_from keeps; a page below a listed one (its
    url under the listed page's) under that page's section; the others by their folder, as before. A
    second navigation names its pages, which its include makes urls of (``prepend: "/howto/"``). Before,
    every page at the top of the collection was filed under "Guide", those below under their folder."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "plugins: [jekyll-redirect-from]\ncollections:\n  guide:\n    output: true\n"
                       "    permalink: /:collection/:path/\n  howto:\n    output: true\n    permalink: /:collection/:path/\n",
        "_data/guide_nav.yml": "- title: First Steps\n  pages:\n    - link: /guide/\n    - link: /guide/install/\n"
                               "- title: Writing\n  pages:\n    - link: /guide/pages/\n    - link: /guide/old-layouts/\n"
                               "    - link: https://elsewhere.example/guide/pages/\n",
        "_data/howto.yml": "- title: Recipes\n  items: [feeds, search]\n",
        "_includes/sidebar.html": "{% for section in site.data.guide_nav -%}<h4>{{ section.title }}</h4><ul>"
                                  "{%- for item in section.pages -%}<li><a href=\"{{ item.link }}\">x</a></li>"
                                  "{%- endfor %}</ul>{% endfor -%}\n",
        "_includes/howto.html": "{% for part in site.data.howto %}<h4>{{ part.title }}</h4>{% for name in part.items %}"
                                "{% assign u = name | prepend:\"/howto/\" | append:\"/\" %}<a href=\"{{ u }}\">x</a>"
                                "{% endfor %}{% endfor %}\n",
        "_guide/index.md": "---\ntitle: Start here\npermalink: /guide/\n---\n",
        "_guide/install.md": "---\ntitle: Install\n---\n",
        "_guide/install/linux.md": "---\ntitle: On Linux\n---\n",
        "_guide/pages.md": "---\ntitle: Pages\n---\n",
        "_guide/layouts.md": "---\ntitle: Layouts\nredirect_from: /guide/old-layouts/\n---\n",
        "_guide/extras/plugins.md": "---\ntitle: Plugins\n---\n",
        "_guide/unlisted.md": "---\ntitle: Unlisted\n---\n",
        "_howto/feeds.md": "---\ntitle: Feeds\n---\n",
        "_howto/other.md": "---\ntitle: Other\n---\n",
    })
    result = load_corpus(site)
    subjects = {a.path: a.subject for a in result.articles}
    assert subjects == {
        "_guide/index.md": "First Steps", "_guide/install.md": "First Steps", "_guide/install/linux.md": "First Steps",
        "_guide/pages.md": "Writing", "_guide/layouts.md": "Writing", "_guide/extras/plugins.md": "Extras",
        "_guide/unlisted.md": "Guide", "_howto/feeds.md": "Recipes", "_howto/other.md": "Howto"}
    assert_every_file_accounted_for(result)


def test_a_minimal_mistakes_sidebar_files_the_pages_it_lists_under_its_sections(tmp_path: Path):
    """Minimal Mistakes builds a page's sidebar in ``_includes/nav_list`` (an include without an extension) from
    the list of ``_data/navigation.yml`` the page names (``{% assign navigation = site.data.navigation[include.nav]
    %}`` ... ``{% for nav in navigation %}`` ... ``{% for child in nav.children %}``): each page a section's
    children list is filed under that section; the top bar's list (titles and urls, no children) files none."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "theme: minimal-mistakes-jekyll\ncollections:\n  docs:\n    output: true\n"
                       "    permalink: /:collection/:path/\n",
        "_data/navigation.yml": "main:\n  - title: Docs\n    url: /docs/quick-start/\n"
                                "docs:\n  - title: Getting Started\n    children:\n      - title: Quick start\n"
                                "        url: /docs/quick-start/\n      - title: Upgrading\n        url: /docs/upgrading/\n"
                                "  - title: Customization\n    children:\n      - title: Layouts\n        url: /docs/layouts/\n",
        "_includes/nav_list": "{% assign navigation = site.data.navigation[include.nav] %}\n<ul>{% for nav in navigation %}"
                              "<li><span>{{ nav.title }}</span>{% if nav.children != null %}<ul>"
                              "{% for child in nav.children %}<li><a href=\"{{ child.url | relative_url }}\">{{ child.title }}"
                              "</a></li>{% endfor %}</ul>{% endif %}</li>{% endfor %}</ul>\n",
        "_docs/quick-start.md": "---\ntitle: Quick start\nsidebar:\n  nav: docs\n---\n",
        "_docs/upgrading.md": "---\ntitle: Upgrading\n---\n",
        "_docs/layouts.md": "---\ntitle: Layouts\n---\n",
        "_docs/faq.md": "---\ntitle: FAQ\n---\n",
    })
    result = load_corpus(site)
    assert {a.path: a.subject for a in result.articles} == {
        "_docs/quick-start.md": "Getting Started", "_docs/upgrading.md": "Getting Started",
        "_docs/layouts.md": "Customization", "_docs/faq.md": "Docs"}


def test_a_docsy_jekyll_sidebar_files_the_pages_of_the_data_file_a_variable_names(tmp_path: Path):
    """Docsy Jekyll's sidebar loops over the data file a variable names, ``{% for section in site.data[tocfilename])
    %}`` after ``{% assign tocfilename = "toc" %}`` (the stray ``)`` is Liquid's to skip), showing each section's
    ``url`` before its ``title``, and its links' urls written from the site's root without their ``/``
    (``docs/getting-started``). Such a loop was not read, every doc filed under its folder (``Docs``); now each
    page is under the section listing it, titled by its ``title`` (not its ``url`` or ``external_url``)."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: D\nbaseurl: /d\ncollections:\n  docs:\n    output: true\n    permalink: /:collection/:path\n",
        "_includes/sidebar.html": (
            "{% if site.versioning %}{% assign tocfilename = site.data.mapping[v] %}{% else %}"
            "{% assign tocfilename = \"toc\" %}{% endif %}\n{% for section in site.data[tocfilename]) %}\n"
            "<a href=\"{% if section.url %}{{ site.baseurl }}/{{ section.url }}{% else %}{{ section.external_url }}"
            "{% endif %}\">{{ section.title }}</a>\n{% for entry in section.links %}"
            "<a href=\"{{ site.baseurl }}/{{ entry.url }}\">{{ entry.title }}</a>{% endfor %}\n{% endfor %}\n"),
        "_data/toc.yml": "- title: Documentation\n  url: docs\n  links:\n    - title: Start\n      url: docs/start\n"
                         "    - title: Versions\n      url: docs/versions\n- title: Community\n"
                         "  external_url: https://example.org/forum\n  links:\n    - title: Help\n      url: docs/help/ask\n",
        "_docs/start.md": "---\ntitle: Start\n---\nText.\n",
        "_docs/versions.md": "---\ntitle: Versions\n---\nText.\n",
        "_docs/help/ask.md": "---\ntitle: Ask\n---\nText.\n",
        "_docs/extra.md": "---\ntitle: Extra\n---\nText.\n",
    })
    result = load_corpus(site)
    assert {a.path: a.subject for a in result.articles} == {
        "_docs/start.md": "Documentation", "_docs/versions.md": "Documentation", "_docs/help/ask.md": "Community",
        "_docs/extra.md": "Docs"}


def test_the_documentation_theme_s_sidebar_files_pages_under_its_folders(tmp_path: Path):
    """The documentation theme for Jekyll builds its sidebar from the file of ``_data/sidebars/`` a page names
    (``{% assign sidebar = site.data.sidebars[page.sidebar].entries %}``), each entry's folders a heading over
    the pages its ``folderitems`` list (``{% for folder in entry.folders %}`` ... ``{{ folder.title }}`` ...
    ``{% for folderitem in folder.folderitems %}``). The assignment's trailing ``.entries``, a folder of data
    files and a list of sections one level down were not read, so every page was filed under its folder
    (``Pages``); now under the folder of the sidebar that lists it, whichever sidebar file that is."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Manual\ndefaults:\n  - scope:\n      path: ''\n    values:\n      sidebar: main_sidebar\n",
        "_includes/sidebar.html": (
            "{% assign sidebar = site.data.sidebars[page.sidebar].entries %}\n<ul>{% for entry in sidebar %}"
            "{% for folder in entry.folders %}<li><a href=\"#\">{{ folder.title }}</a><ul>"
            "{% for folderitem in folder.folderitems %}<li><a href=\"{{ folderitem.url | remove: '/' }}\">"
            "{{ folderitem.title }}</a></li>{% endfor %}</ul></li>{% endfor %}{% endfor %}</ul>\n"),
        "_data/sidebars/main_sidebar.yml": "entries:\n- title: sidebar\n  folders:\n  - title: Getting started\n"
                                           "    folderitems:\n    - title: Intro\n      url: /intro.html\n"
                                           "  - title: Formatting\n    folderitems:\n    - title: Tables\n"
                                           "      url: /tables.html\n",
        "_data/sidebars/api_sidebar.yml": "entries:\n- title: sidebar\n  folders:\n  - title: Endpoints\n"
                                          "    folderitems:\n    - title: Users\n      url: /api_users.html\n",
        "pages/intro.md": "---\ntitle: Intro\npermalink: intro.html\n---\nSee [tables](tables.html).\n",
        "pages/tables.md": "---\ntitle: Tables\npermalink: tables.html\n---\nText.\n",
        "pages/api/users.md": "---\ntitle: Users\npermalink: api_users.html\nsidebar: api_sidebar\n---\nText.\n",
        "pages/other.md": "---\ntitle: Other\npermalink: other.html\n---\nText.\n",
    })
    result = load_corpus(site)
    assert {a.path: a.subject for a in result.articles} == {
        "pages/intro.md": "Getting started", "pages/tables.md": "Formatting", "pages/api/users.md": "Endpoints",
        "pages/other.md": "Pages"}


def test_a_jekyll_site_kept_in_its_theme_s_repository_is_filed_by_the_theme_s_sidebar(tmp_path: Path):
    """A theme's repository keeps its documentation site in ``docs/``, built with the theme itself (Minimal
    Mistakes' ``remote_theme: mmistakes/minimal-mistakes``, or ``theme:`` the gem its gemspec builds): Jekyll reads
    the theme's layouts and includes, ``../_includes/nav_list`` among them, where the site has none of its own so
    named. The sidebar they build from the site's ``_data/navigation.yml`` filed nothing (every page under
    ``Docs``), as only the site's own templates were read; a layout of the site's own still wins over the
    theme's, and a site whose config names another theme (or none) reads no templates of the folders above it."""
    repo = tmp_path / "mm"
    nav = ("{% assign navigation = site.data.navigation[include.nav] %}\n<ul>{% for nav in navigation %}"
           "<li><span>{{ nav.title }}</span><ul>{% for child in nav.children %}<li><a href=\"{{ child.url }}\">"
           "{{ child.title }}</a></li>{% endfor %}</ul></li>{% endfor %}</ul>\n")
    docs = "collections:\n  docs:\n    output: true\n    permalink: /:collection/:path/\n"
    write_site(repo, {
        "_config.yml": "title: Theme\nexclude: [docs]\n",
        "_includes/nav_list": nav,
        "_layouts/single.html": "{% include nav_list nav=page.sidebar.nav %}{{ content }}\n",
        "mm-theme-jekyll.gemspec": 'Gem::Specification.new do |spec|\n  spec.name = "mm-theme-jekyll"\n'
                                   '  spec.homepage = "https://github.com/someone/mm-theme"\nend\n',
        "docs/_config.yml": "title: Docs\nremote_theme: someone/mm-theme@4.2.0\n" + docs,
        "docs/_data/navigation.yml": "main:\n  - title: Docs\n    url: /docs/install/\n"
                                     "docs:\n  - title: Getting Started\n    children:\n"
                                     "      - title: Install\n        url: /docs/install/\n"
                                     "  - title: Customization\n    children:\n      - title: Skins\n        url: /docs/skins/\n",
        "docs/_docs/install.md": "---\ntitle: Install\n---\nText.\n",
        "docs/_docs/skins.md": "---\ntitle: Skins\n---\nText.\n",
        "docs/_docs/faq.md": "---\ntitle: FAQ\n---\nText.\n",
    })
    filed = {"_docs/install.md": "Getting Started", "_docs/skins.md": "Customization", "_docs/faq.md": "Docs"}
    result = load_corpus(repo / "docs")
    assert {a.path: a.subject for a in result.articles} == filed
    assert "the theme's layouts and includes from mm/" in detect(repo / "docs").reason
    # the gem the theme's gemspec names, in a clone of another name
    clone = tmp_path / "clone"
    shutil.copytree(repo, clone)
    (clone / "docs" / "_config.yml").write_text("title: Docs\ntheme: mm-theme-jekyll\n" + docs, encoding="utf-8")
    assert {a.path: a.subject for a in load_corpus(clone / "docs").articles} == filed
    # the site's own nav_list, which builds no sidebar from the data file, overrides the theme's
    write_article(clone, "docs/_includes/nav_list", "<nav>{{ include.nav }}</nav>\n")
    assert {a.subject for a in load_corpus(clone / "docs").articles} == {"Docs"}
    # another theme: the folders above are no theme of the site's
    (repo / "docs" / "_config.yml").write_text("title: Docs\nremote_theme: other/theme\n" + docs, encoding="utf-8")
    assert {a.subject for a in load_corpus(repo / "docs").articles} == {"Docs"}


def test_tags_are_the_subject_only_when_half_of_all_files_have_them(tmp_path: Path):
    """Notes mostly without front matter, two of five tagged: tags are not the subject (the three
    others would be Uncategorised beside subjects named after the two's first tags)."""
    notes = tmp_path / "notes"
    for i in range(5):
        write_article(notes, f"n{i}.md", ("---\ntags: [api, setup]\n---\n" if i < 2 else "") + f"# Note {i}\n\ntext\n")
    result = load_corpus(notes)
    assert result.fields.subject_from == () and {a.subject for a in result.articles} == {"Uncategorised"}


def test_a_zettelkasten_s_links_by_id_reach_the_notes_named_by_them(tmp_path: Path):
    """Zettlr and The Archive name a note by an id and a title (202001011200 Atomic notes.md) and link it by
    the id alone, [[202001011200]], which opens the note whose file name holds it (before or after its title);
    qagraph made each such link a stub. Obsidian finds no note so: in a vault with its .obsidian/ they stay
    stubs, as Obsidian shows them unresolved."""
    notes = {"202001011200 Atomic notes.md": "# Atomic notes\n\nOne idea: [[202001021300]], [[20200103140005]].\n",
             "Note identity 202001021300.md": "Back to [[202001011200]] and [[Atomic notes]].\n",
             "Linking 20200103140005.md": "See [[202001011200|atoms]] and [[209901011200]].\n",
             "2024-01-05.md": "A day: [[20240105]].\n"}
    write_site(tmp_path / "zk", notes)
    kg = build(tmp_path / "zk", out=tmp_path / "out")
    assert "[[id]] links reach them" in kg.report()["settings"]["preset"]["reason"]
    assert sorted((u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related") == [
        ("article:202001011200 Atomic notes", "article:Linking 20200103140005"),
        ("article:202001011200 Atomic notes", "article:Note identity 202001021300"),
        ("article:2024-01-05", "article:20240105"),
        ("article:Linking 20200103140005", "article:202001011200 Atomic notes"),
        ("article:Linking 20200103140005", "article:209901011200"),
        ("article:Note identity 202001021300", "article:202001011200 Atomic notes"),
        ("article:Note identity 202001021300", "article:Atomic notes")]
    vault = tmp_path / "vault"
    write_site(vault, notes)
    (vault / ".obsidian").mkdir()
    kg = build(vault, out=tmp_path / "vault-out")
    assert kg.report()["settings"]["preset"]["fields"]["zettel_ids"] is False
    assert sorted(v for u, v, k in kg.graph.edges(keys=True) if k == "related" and u.startswith("article:2020")) == [
        "article:202001021300", "article:20200103140005"]


def joplin_items(notebook: str = "Kitchen", tags: tuple[str, ...] = ("cooking",)) -> dict[str, str]:
    """A Joplin raw export of two notes in one notebook, the second tagged with ``tags``, a resource and a
    note in the trash: each item a file ``<id>.md``, its properties at its end (its own fixture text)."""
    def item(title: str, body: str, props: str) -> str:
        return f"{title}\n\n{body}\n\n{props}" if body else f"{title}\n\n{props}"
    nb, a, b, gone, res = "1" * 32, "a" * 32, "b" * 32, "d" * 32, "e" * 32
    files = {
        f"{nb}.md": item(notebook, "", f"id: {nb}\ncreated_time: 2021-03-01T08:00:00.000Z\nparent_id: \ntype_: 2"),
        f"{a}.md": item("Shopping list", f"- eggs, see [pancakes](:/{b}) and ![photo](:/{res}), [the scan](:/{res})",
                        f"id: {a}\nparent_id: {nb}\ncreated_time: 2021-03-02T08:00:00.000Z\n"
                        "user_created_time: 2021-02-02T08:00:00.000Z\nis_todo: 0\nmarkup_language: 1\ntype_: 1"),
        f"{b}.md": item("Pancakes", "Eggs, milk. #breakfast",
                        f"id: {b}\nparent_id: {nb}\ncreated_time: 2021-03-03T08:00:00.000Z\ndeleted_time: 0\ntype_: 1"),
        f"{gone}.md": item("Old list", "Gone.", f"id: {gone}\nparent_id: {nb}\ndeleted_time: 1650000000000\ntype_: 1"),
        f"{res}.md": item("scan.png", "", f"id: {res}\nmime: image/png\nfile_extension: png\ntype_: 4"),
    }
    for n, tag in enumerate(tags):
        tid, gid = f"{n + 2}" * 32, f"{n + 6}" * 32
        files[f"{tid}.md"] = item(tag, "", f"id: {tid}\ncreated_time: 2021-03-01T08:00:00.000Z\ntype_: 5")
        files[f"{gid}.md"] = f"id: {gid}\nnote_id: {b}\ntag_id: {tid}\ntype_: 6"
    return files


def test_a_joplin_raw_export_s_notes_are_titled_filed_and_tagged_as_joplin_shows_them(tmp_path: Path):
    """A Joplin raw export keeps every item in a file named by its id, its properties at its end and its
    title on its first line: qagraph titled each note by its id, kept the properties in its text, made
    notebooks, tags and resources' metadata articles, and left links by id, (:/id), stubs. A note is now
    titled by its first line, dated by its creation, filed under its notebook, tagged by the tags given
    to it, and linked to the note its (:/id) names; a link to a resource is no link; the other items and a
    note in the trash are skipped, saying what they are."""
    write_site(tmp_path / "export", joplin_items())
    result = load_corpus(tmp_path / "export")
    notes = {a.title: a for a in result.articles}
    assert sorted(notes) == ["Pancakes", "Shopping list"]
    shopping, pancakes = notes["Shopping list"], notes["Pancakes"]
    assert (shopping.subject, pancakes.subject, pancakes.keywords) == ("Kitchen", "Kitchen", ("cooking",))
    assert str(shopping.date).startswith("2021-02-02") and "id:" not in shopping.body and "type_" not in pancakes.body
    assert [link.target for link in shopping.related] == ["b" * 32 + ".md"]
    assert sorted((p.path[:1], p.message.split(":", 2)[-1].strip()) for p in result.problems) == [
        ("1", "a Joplin notebook, no note"), ("2", "a Joplin tag, no note"),
        ("6", "a Joplin tag given to a note, no note"), ("d", "a Joplin note in the trash, no note of its notebook"),
        ("e", "a Joplin resource's metadata (an attachment), no note")]
    kg = build(tmp_path / "export", out=tmp_path / "out")
    assert [(u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related"] == [
        ("article:" + "a" * 32, "article:" + "b" * 32)]
    assert kg.report()["counts"]["stubs"] == 0
    assert "a Joplin raw export (2 notes, 1 notebook, 1 tag)" in kg.report()["settings"]["preset"]["reason"]


def test_a_note_app_s_front_matter_export_dates_a_note_by_its_created_field(tmp_path: Path):
    """Joplin's Markdown + Front Matter export writes a note's creation as created: (and updated:), no date
    field: qagraph's generic notes had no date. A folder of notes is dated by created where no date is; a
    date field still comes first, and a site's page (an MkDocs site's) is dated as its tool dates it."""
    write_site(tmp_path / "export", {
        "Kitchen/Shopping list.md": "---\ntitle: Shopping list\nupdated: 2021-03-02 08:00:00Z\n"
                                    "created: 2021-03-01 08:00:00Z\ntags:\n  - groceries\n---\n\n- eggs\n",
        "Work/Plan.md": "---\ntitle: Plan\ncreated: 2021-03-01 08:00:00Z\ndate: 2022-01-01\n---\n\nPlan.\n"})
    dates = {a.title: str(a.date)[:10] for a in load_corpus(tmp_path / "export").articles}
    assert dates == {"Shopping list": "2021-03-01", "Plan": "2022-01-01"}
    write_site(tmp_path / "site", {"mkdocs.yml": "site_name: x\n", "docs/a.md": "---\ncreated: 2021-03-01\n---\n# A\n"})
    assert [a.date for a in load_corpus(tmp_path / "site").articles] == [None]


def bear_notes() -> dict[str, str]:
    """A Bear export: notes titled by their first heading, tagged in their text, a tag of several words closed by a #."""
    return {"Groceries.md": "# Groceries\n\nApples. #shopping #home/kitchen# #weekly shop#\n\nSee [[Recipes]].\n",
            "Recipes.md": "# Recipes\n\nPancakes. #cooking/breakfast #slow sunday#, not `#in code#`.\n",
            "Ideas.md": "# Ideas\n\nC# and F# are two #languages\n"}


def test_a_bear_export_s_tag_of_several_words_is_one_tag(tmp_path: Path):
    """Bear writes a tag of several words closed by a #: #weekly shop#, #work/team meetings#. qagraph read the tag of
    its first word (weekly), as Obsidian would. In a folder of notes whose sampled notes hold such tags (Bear's
    export), the tag is one (weekly shop) and the notes' inline tags are keywords; in an Obsidian vault, with its
    .obsidian/, #weekly shop# is still the tag weekly, as Obsidian reads it."""
    write_site(tmp_path / "bear", bear_notes())
    kg = build(tmp_path / "bear", out=tmp_path / "out")
    assert "Bear tags (#multi word tag# in 2 of 3 sampled notes)" in kg.report()["settings"]["preset"]["reason"]
    keywords = {a.title: a.keywords for a in load_corpus(tmp_path / "bear").articles}
    assert keywords == {"Groceries": ("shopping", "home/kitchen", "weekly shop"),
                        "Recipes": ("cooking/breakfast", "slow sunday"), "Ideas": ("languages",)}
    vault = tmp_path / "vault"
    write_site(vault, bear_notes())
    (vault / ".obsidian").mkdir()
    assert {a.title: a.keywords for a in load_corpus(vault).articles}["Groceries"] == ("shopping", "home/kitchen", "weekly")


def test_a_github_wiki_s_pages_are_named_as_the_wiki_shows_them(tmp_path: Path):
    """A GitHub wiki's clone: Home.md, pages named with hyphens for spaces, a _Sidebar and a
    _Footer shown beside every page. The sidebar and footer are no pages (they linked to every
    page, which hid the unlinked ones from the health report); a page's title is its name."""
    wiki = tmp_path / "wiki"
    for name, text in {"Home.md": "Start: [[FAQ]]\n", "Getting-Started.md": "Run init.\n", "FAQ.md": "Q: yes.\n",
                       "_Sidebar.md": "* [[Home]]\n* [[FAQ]]\n", "_Footer.md": "Copyright. [[Home]]\n"}.items():
        write_article(wiki, name, text)
    result = load_corpus(wiki)
    assert result.fields.skip_files == ("_Sidebar", "_Footer", "_Header")
    assert sorted(a.title for a in result.articles) == ["FAQ", "Getting Started", "Home"]
    assert sorted(result.skipped) == ["_Footer.md", "_Sidebar.md"]
    vault = tmp_path / "vault"  # a vault's notes keep their file names: no Home.md and _Sidebar.md
    write_article(vault, "Getting-Started.md", "See [[FAQ]].\n")
    write_article(vault, "FAQ.md", "See [[Getting-Started]].\n")
    assert sorted(a.title for a in load_corpus(vault).articles) == ["FAQ", "Getting-Started"]


def test_a_github_wiki_s_page_is_titled_by_its_name_whatever_heading_it_opens_with(tmp_path: Path):
    """GitHub titles a wiki page by its name alone: Flash.md, which opens with "# Firmware Programming", is
    Flash; a page whose first heading is a "## Physical Interface" is Initial Setup; front matter's title is
    shown in a table, no title. In a wiki of Markdown links, read as notes (generic), qagraph titled each page
    by its first heading of any level (Home by its "### Download", a page by its closing "#### Thanks!")."""
    wiki = tmp_path / "wiki"
    write_site(wiki, {"Home.md": "Intro.\n\n### Download\n- [Flash it](Flash)\n- [Set up](Initial-Setup)\n",
                      "Flash.md": "# Firmware Programming\n\nBy serial link.\n",
                      "Initial-Setup.md": "Two steps.\n\n## Physical Interface\n\nA jumper.\n",
                      "Donations.md": "---\ntitle: Give\n---\nThanks.\n\n#### Thanks!\n",
                      "_Sidebar.md": "- [Flash](Flash)\n"})
    result = load_corpus(wiki)
    assert sorted((a.path, a.title) for a in result.articles) == [
        ("Donations.md", "Donations"), ("Flash.md", "Flash"), ("Home.md", "Home"), ("Initial-Setup.md", "Initial Setup")]
    assert sorted(link.target for a in result.articles for link in a.related) == ["Flash", "Initial-Setup"]


def test_a_github_wiki_cloned_without_its_remote_links_its_pages_by_their_urls(tmp_path: Path):
    """A GitHub wiki's pages link each other by their urls on GitHub too ([lcd]: https://github.com/OWNER/REPO/wiki/Hardware-Mods#lcd,
    as a real wiki does); a copy of the wiki without its .git/ does not say which repository's wiki it is, and such
    links were links to another site, lost. The repository whose wiki's urls two links at least name pages of the
    corpus by is the wiki's: those links reach the pages, and a url of a page not written yet is a stub; one url
    alone, or urls of another wiki's pages, say nothing."""
    pages = {"Home.md": "Start with [setup](Initial-Setup).\n", "_Sidebar.md": "- [Home](Home)\n",
             "Hardware-Mods.md": "Mods.\n",
             "Initial-Setup.md": "Use an [LCD][lcd] or [OLED][oled] and [the docs][docs] of [another][other].\n\n"
                                 "[lcd]: https://github.com/acme/gizmo/wiki/Hardware-Mods#lcd\n"
                                 "[oled]: https://github.com/acme/gizmo/wiki/Hardware-Mods#oled\n"
                                 "[docs]: https://github.com/acme/gizmo/wiki/Troubleshooting\n"
                                 "[other]: https://github.com/other/tool/wiki/Home\n"}
    write_site(tmp_path / "wiki", pages)
    kg = build(tmp_path / "wiki", out=tmp_path / "out")
    assert "pages at https://github.com/acme/gizmo/wiki/Page-Name (the wiki its pages link by url)" in \
        kg.report()["settings"]["preset"]["reason"]
    assert sorted((u, v) for u, v, k in kg.graph.edges(keys=True) if k == "related") == [
        ("article:Home", "article:Initial-Setup"), ("article:Initial-Setup", "article:/wiki/Troubleshooting"),
        ("article:Initial-Setup", "article:Hardware-Mods")]
    pages["Initial-Setup.md"] = pages["Initial-Setup.md"].replace("wiki/Hardware-Mods#oled", "blob/main/README.md")
    write_site(tmp_path / "one", pages)
    kg = build(tmp_path / "one", out=tmp_path / "one-out")
    assert "its pages link by url" not in kg.report()["settings"]["preset"]["reason"]
    assert [v for u, v, k in kg.graph.edges(keys=True) if k == "related" and u == "article:Initial-Setup"] == []


def test_a_readme_or_index_without_a_heading_is_named_by_its_folder(tmp_path: Path):
    """A repository's packages/core/README.md was titled "README", like every other README; its
    folder names it (where titles are not file names by rule: a vault's note is "README")."""
    repo = tmp_path / "repo"
    write_article(repo, "README.md", "# Acme\n\nSee [core](packages/core/README.md).\n")
    write_article(repo, "packages/core/README.md", "Core, no heading.\n")
    write_article(repo, "examples/basic/index.md", "---\ntags: [example]\n---\nRun it.\n")
    titles = {a.key: a.title for a in load_corpus(repo, preset="generic").articles}
    assert titles == {"README": "Acme", "packages/core/README": "core", "examples/basic/index": "basic"}
    assert {a.title for a in load_corpus(repo, preset="obsidian").articles} == {"README", "index"}


def test_a_logseq_graph_reads_its_properties_and_namespaces_and_skips_its_backups(tmp_path: Path):
    """A Logseq graph (logseq/config.edn): a page's ``key:: value`` lines are its properties (tags
    are keywords, an alias names it, title:: titles it); Python___Asyncio.md is the page
    Python/Asyncio; logseq/bak/ and logseq/version-files/ hold copies of pages, which were read as
    articles that topped every similar list."""
    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": "{:meta/version 1\n :file/name-format :triple-lowbar}\n",
        "pages/Python.md": "tags:: programming, scripting\nalias:: py\n\n- Python. See [[Rust]], [[Python/Asyncio]].\n",
        "pages/Rust.md": "tags:: programming, systems\n\n- Rust. Compare [[py]].\n",
        "pages/Python___Asyncio.md": "tags:: programming, concurrency\n\n- the event loop of [[Python]]\n",
        "pages/Python%2FTyping.md": "title:: Python/Typing\ntags:: typing\n\n- gradual typing in [[Python]]\n",
        "journals/2024_01_05.md": "- Learned [[Rust]] today\n",
        "pages/Index.md": "- Start: [[Python]]\n",
        "logseq/bak/pages/Python/2024-01-04T10_11_12.123Z.Desktop.md": "tags:: programming\n\n- old\n",
        "logseq/version-files/local/pages/Rust.md": "tags:: programming\n\n- old\n",
    })
    result = load_corpus(graph)
    by = {a.key: a for a in result.articles}
    assert sorted(by) == ["journals/2024_01_05", "pages/Index", "pages/Python", "pages/Python%2FTyping",
                          "pages/Python___Asyncio", "pages/Rust"]
    assert by["pages/Python___Asyncio"].title == "Python/Asyncio" and by["pages/Python%2FTyping"].title == "Python/Typing"
    assert by["pages/Index"].title == "Index"  # the page Index, not its folder's name (pages)
    assert by["pages/Rust"].keywords == ("programming", "systems")
    assert sorted(result.skipped) == ["logseq/bak/pages/Python/2024-01-04T10_11_12.123Z.Desktop.md",
                                      "logseq/version-files/local/pages/Rust.md"]
    assert not [p for p in result.problems if p.severity != SKIPPED]
    import qagraph

    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(graph, out=out)
    assert kg.related("pages/Rust") == ["article:pages/Python"]  # [[py]], its alias
    assert kg.related("pages/Python") == ["article:pages/Rust", "article:pages/Python___Asyncio"]  # a namespace's page
    assert kg.counts.get("stubs", 0) == 0
    python = graph / "pages" / "Python.md"  # a namespace's page renamed by its title: patched as a cold build makes it
    python.write_text(python.read_text().replace("[[Rust]],", "[[Rust]], [[Python/Typing]],"))
    (graph / "pages" / "Python___Asyncio.md").write_text("title:: Python/Async IO\ntags:: concurrency\n\n- loop\n")
    assert qagraph.build(graph, out=out).build_info.incremental
    qagraph.build(graph, out=cold, cache=False)
    from test_pipeline import database_rows, outputs_of

    assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)
    assert qagraph.open(out).related("pages/Python") == ["article:pages/Rust", "article:pages/Python%2FTyping",
                                                         "article:Python/Asyncio"]  # renamed: a stub now


def test_a_logseq_page_s_file_name_is_percent_decoded_into_its_title(tmp_path: Path):
    """Logseq names a page's file by its title, ``/`` written ``___`` and every character a file name
    cannot hold percent-encoded (``:file/name-format :triple-lowbar``): Article___Why Always Paulis%3F.md
    is the page Article/Why Always Paulis?, which [[Article/Why Always Paulis?]] links to; it was titled
    Article/Why Always Paulis%3F and the link was a stub."""
    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": "{:meta/version 1\n :file/name-format :triple-lowbar}\n",
        "pages/Article___Why Always Paulis%3F.md": "- Paulis everywhere.\n",
        "pages/Q%3A A%2FB.md": "- slashes and colons\n",
        "pages/homepage.md": "- [[Article/Why Always Paulis?]]\n",
    })
    by = {a.key: a for a in load_corpus(graph).articles}
    assert by["pages/Article___Why Always Paulis%3F"].title == "Article/Why Always Paulis?"
    assert by["pages/Q%3A A%2FB"].title == "Q: A/B"
    kg = build(graph, out=tmp_path / "out")
    assert kg.related("pages/homepage") == ["article:pages/Article___Why Always Paulis%3F"]
    assert kg.counts.get("stubs", 0) == 0


def test_a_wiki_link_to_a_page_named_with_a_colon_is_a_link(tmp_path: Path):
    """[[Book: Dune]] links to the page Book: Dune (a Logseq page's file Book%3A Dune.md), as Logseq
    reads it: a name before a colon and a space is no url's scheme (mailto:, obsidian://); such a
    link was dropped as leading outside the corpus, so the page had no backlink and no stub told of it."""
    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": "{:meta/version 1}\n",
        "pages/Book%3A Dune.md": "- Arrakis.\n",
        "pages/Reading.md": "- [[Book: Dune]], [[mailto:me@example.org]]\n",
    })
    kg = build(graph, out=tmp_path / "out")
    assert kg.related("pages/Reading") == ["article:pages/Book%3A Dune"]
    assert kg.counts.get("stubs", 0) == 0


def test_a_legacy_logseq_graph_reads_its_file_names_as_logseq_does(tmp_path: Path):
    """A Logseq graph whose config.edn sets no :file/name-format (or :legacy: Logseq's default, a graph
    made before the :triple-lowbar format) names a page's file with a . for each / of its namespace and
    percent codes (aws.s3.md and aws%2Fec2.md are aws/s3 and aws/ec2), and ___ is no / there; its
    files were read as :triple-lowbar's (aws.s3 a page of no namespace, Python___Asyncio one in
    Python/), so [[aws/s3]] was a stub. An edit of the setting rebuilds as a cold build does."""
    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": "{:meta/version 1\n ;; :file/name-format :triple-lowbar\n}\n",
        "pages/aws.s3.md": "- buckets\n",
        "pages/aws%2Fec2.md": "- machines\n",
        "pages/Python___Asyncio.md": "- the loop\n",
        "pages/Cloud.md": "- [[aws/s3]], [[aws/ec2]], [[Python___Asyncio]]\n",
    })
    by = {a.key: a for a in load_corpus(graph).articles}
    assert by["pages/aws.s3"].title == "aws/s3" and by["pages/aws%2Fec2"].title == "aws/ec2"
    assert by["pages/Python___Asyncio"].title == "Python___Asyncio"
    assert by["pages/aws.s3"].subject_slug == "aws"
    import qagraph

    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(graph, out=out)
    assert kg.related("pages/Cloud") == ["article:pages/aws.s3", "article:pages/aws%2Fec2", "article:pages/Python___Asyncio"]
    assert kg.counts.get("stubs", 0) == 0
    (graph / "logseq" / "config.edn").write_text("{:meta/version 1\n :file/name-format :triple-lowbar\n}\n")
    qagraph.build(graph, out=out)
    qagraph.build(graph, out=cold, cache=False)
    from test_pipeline import database_rows, outputs_of

    assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)
    assert {a.key: a.title for a in load_corpus(graph).articles}["pages/Python___Asyncio"] == "Python/Asyncio"


def test_a_logseq_alias_written_as_a_page_link_names_the_page(tmp_path: Path):
    """A Logseq page's ``alias::`` names other pages it is, each a page's name or a link to it, comma
    separated (``alias:: [[Category Theory]], CT``), as Logseq writes them from its editor; a link to
    [[Category Theory]] leads to the page Category. The alias was read as one name with its brackets
    ("[[Category Theory]]"), so the link was a stub."""
    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": "{:meta/version 1}\n",
        "pages/Category.md": "alias:: [[Category Theory]], CT\n\n- Objects and arrows.\n",
        "pages/Functor.md": "- A map of [[Category Theory]] and of [[ct]].\n",
    })
    kg = build(graph, out=tmp_path / "out")
    assert kg.related("pages/Functor") == ["article:pages/Category"]
    assert kg.counts.get("stubs", 0) == 0


def test_a_logseq_alias_of_two_page_links_names_both_pages(tmp_path: Path):
    """``alias:: [[Key Ring]], [[Secret Store]]`` (two links, each after a comma and a space, as Logseq's
    editor writes a second alias) gives the page both names. The second was read with its brackets
    ("[[Secret Store]]"): a link to it was a stub, and the alias line itself a link to that stub."""
    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": "{:meta/version 1}\n",
        "pages/Vault.md": "alias:: [[Key Ring]], [[Secret Store]] \ntags:: [[Term]]\n\n- Where secrets live.\n",
        "pages/Agent.md": "- Reads keys from [[Secret Store]] and [[key ring]].\n",
    })
    kg = build(graph, out=tmp_path / "out")
    assert kg.related("pages/Agent") == ["article:pages/Vault"]
    assert not any("Secret" in r for r in kg.related("pages/Vault"))


def test_a_logseq_graph_s_hidden_paths_are_no_pages(tmp_path: Path):
    """Logseq reads every Markdown file of a graph's folder, its root's too, but for those its config's
    ``:hidden`` names: a file whose path in the graph starts with one of them (``"README.md"``,
    ``"/archive"``, a leading ``/`` or not, which ``archived.md`` starts with too; no glob: ``"pages/*.md"``
    names no file). The graph's
    repository README, hidden so, was a page of the graph."""
    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": ';; :hidden ["/pages"]\n{:hidden [\n "README.md", ; the repository\'s\n'
                             ' "/archive" "pages/*.md"]\n :file/name-format :triple-lowbar}\n',
        "README.md": "# My graph\n\nPublished from [[Rust]].\n",
        "archive/Old.md": "- old\n",
        "archived.md": "- hidden too: its path, /archived.md, starts with /archive\n",
        "pages/Rust.md": "- Rust\n",
        "pages/README.md": "- a page: pages/README.md is not README.md\n",
    })
    result = load_corpus(graph)
    assert sorted(a.path for a in result.articles) == ["pages/README.md", "pages/Rust.md"]
    why = {p.path: p.message for p in result.problems}
    assert why["README.md"] == "hidden by the graph's config (:hidden README.md): Logseq leaves it out"
    assert why["archive/Old.md"] == "hidden by the graph's config (:hidden /archive): Logseq leaves it out"


def test_what_a_foam_workspace_s_settings_ignore_is_no_note(tmp_path: Path):
    """Foam reads no file its ``foam.files.ignore`` setting matches (globs from the workspace's folder, in
    ``.vscode/settings.json``, where Foam's own repository leaves out ``packages/**/*`` and the template
    ``_site/``): such files were notes, a copy of a note in ``_site/`` beside the note itself."""
    write_site(tmp_path / "ws", {
        ".vscode/extensions.json": '{"recommendations": ["foam.foam-vscode"]}\n',
        ".vscode/settings.json": '{\n  // notes only\n  "foam.files.ignore": ["**/_site/**/*", "packages/**/*"],\n'
                                 '  "editor.wordWrap": "on",\n}\n',
        "index.md": "# Home\n\nSee [[guitar]].\n",
        "hobbies/guitar.md": "# Guitar\n\nBack [[index]].\n",
        "_site/hobbies/guitar.md": "# Guitar\n\nBack [[index]].\n",
        "packages/core/README.md": "# Core package\n\nBuild with npm.\n",
        "packaging.md": "# Packaging\n\nNot in packages/.\n",
    })
    result = load_corpus(tmp_path / "ws")
    assert sorted(a.path for a in result.articles) == ["hobbies/guitar.md", "index.md", "packaging.md"]
    why = {p.path: p.message for p in result.problems}
    assert why["packages/core/README.md"] == (
        "ignored by the workspace's settings (foam.files.ignore: packages/**/*): Foam leaves it out")
    assert why["_site/hobbies/guitar.md"].startswith("ignored by the workspace's settings (foam.files.ignore: **/_site")
    assert_every_file_accounted_for(result)


def test_a_foam_note_is_titled_by_its_title_field_else_its_first_level_one_heading(tmp_path: Path):
    """Foam titles a note by its front matter's ``title``, which takes precedence, else by its first
    level-1 heading (a ``## Part`` is none), else by its file name (its title plugin); the title field was
    passed over for the heading, and a note whose first heading was a level-2 one was titled by it."""
    foam = tmp_path / "foam"
    write_site(foam, {
        ".foam/templates/new-note.md": "# ${1:$TM_FILENAME_BASE}\n",
        "piano.md": "---\ntitle: Piano notes\ntags: [music]\n---\n# Piano\n\nSee [[guitar]].\n",
        "guitar.md": "Intro line.\n\n## Strings\n\n# Guitar\n\nBack to [[piano]].\n",
        "inbox.md": "## Today\n\n- nothing yet\n",
        "scratch.md": "---\ntags: [x]\n---\nNo heading at all.\n",
    })
    result = load_corpus(foam)
    assert {a.path: a.title for a in result.articles} == {
        "piano.md": "Piano notes", "guitar.md": "Guitar", "inbox.md": "inbox", "scratch.md": "scratch"}
    assert not result.problems


def test_a_foam_alias_written_as_one_text_gives_each_name_it_lists(tmp_path: Path):
    """Foam reads a note's ``alias`` written as one text as names comma separated (``alias: Bee, The B``,
    its aliases plugin splits it): links to each reach the note. The text was one name, "Bee, The B", so
    [[Bee]] and [[The B]] were stubs. Foam reads no ``aliases`` field: [[Bumble]] is a note not there."""
    foam = tmp_path / "foam"
    write_site(foam, {
        ".vscode/extensions.json": '{"recommendations": ["foam.foam-vscode"]}\n',
        "b.md": "---\nalias: Bee, The B\n---\n# B note\n\nA note.\n",
        "c.md": "# C\n\nSee [[Bee]] and [[the b]].\n",
        "d.md": "---\naliases: [Bumble]\n---\n# D\n\nSee [[Bumble]].\n",
    })
    kg = build(foam, out=tmp_path / "out")
    assert kg.related("c") == ["article:b"]
    assert kg.related("d") == ["article:Bumble"]


def test_a_foam_note_s_tags_text_is_its_words(tmp_path: Path):
    """Foam reads a note's ``tags`` text as words (its extractTagsFromProp: ``tags: music, guitar practice`` is
    music, guitar and practice; a tag holds no space, as its #tags do not): the text was split at commas only,
    giving a tag "guitar practice" that Foam's tag explorer never shows."""
    foam = tmp_path / "foam"
    write_site(foam, {
        ".foam/templates/new-note.md": "# ${1:$TM_FILENAME_BASE}\n",
        "guitar.md": "---\ntags: music, guitar practice\n---\n# Guitar\n\nStrings #chords\n",
    })
    [guitar] = load_corpus(foam).articles
    assert guitar.keywords == ("music", "guitar", "practice", "chords")


def test_foam_notes_are_titled_by_their_heading_and_notion_ids_leave_names(tmp_path: Path):
    foam = tmp_path / "foam"
    (foam / ".foam").mkdir(parents=True)
    write_article(foam, "getting-started.md", "# Getting Started\n\nRead [[roadmap]].\n")
    write_article(foam, "projects/roadmap.md", "# Product Roadmap\n\nBack to [[getting-started]].\n")
    assert sorted(a.title for a in load_corpus(foam).articles) == ["Getting Started", "Product Roadmap"]
    notion = tmp_path / "notion"
    wiki = "Engineering Wiki 8a1f3c2d9e7b4a6c8d0e1f2a3b4c5d6e"
    write_article(notion, f"{wiki}.md", "# Engineering Wiki\n\nx\n")
    write_article(notion, f"{wiki}/Onboarding 1b2c3d4e5f60718293a4b5c6d7e8f901.md", "# Onboarding\n\nx\n")
    write_article(notion, f"{wiki}/Deploy c0ffee11223344556677889900aabbcc.md", "no heading\n")
    subjects = {a.title: (a.subject, a.subject_slug) for a in load_corpus(notion).articles}
    assert subjects["Onboarding"] == subjects["Deploy"] == ("Engineering Wiki", "engineering-wiki")


def test_a_foam_workspace_of_few_links_is_read_as_foam(tmp_path: Path):
    """A Foam workspace (its editor told to recommend Foam: .vscode/extensions.json, comments and all, as
    Foam's own docs/ keep it; or .foam/) is read as Foam reads it whatever the share of its notes that
    link: it was taken for one only when a quarter of its notes held [[wiki-links]], else read as
    generic notes, its [[wiki-links]] no links and its #tags no keywords."""
    foam = tmp_path / "docs"
    write_site(foam, {
        ".vscode/extensions.json": '{\n  // the docs workspace\n  "recommendations": [\n    // Foam, its own extension\n'
                                   '    "foam.foam-vscode",\n    "esbenp.prettier-vscode"\n  ]\n}\n',
        "user/index.md": "# Using Foam\n\n- [[wikilinks]]\n- [[tags]]\n",
        "user/features/wikilinks.md": "# Wikilinks\n\nLinks. #linking\n",
        "user/features/tags.md": "# Tags\n\nTags.\n",
        "user/features/embeds.md": "# Note Embeds\n\nEmbeds.\n",
        "user/features/graph-view.md": "# Graph View\n\nGraph.\n",
    })
    result = load_corpus(foam)
    assert result.detection.preset == "obsidian" and "Foam" in result.detection.reason
    assert {a.key: a.keywords for a in result.articles}["user/features/wikilinks"] == ("linking",)
    kg = build(foam, out=tmp_path / "out")
    assert kg.related("user/index") == ["article:user/features/wikilinks", "article:user/features/tags"]
    assert kg.counts.get("stubs", 0) == 0


def test_jekyll_collections_get_their_urls_and_unpublished_ones_are_skipped(tmp_path: Path):
    """A collection Jekyll outputs publishes its documents at its permalink pattern (links to them
    were stubs); one it does not output (the default) holds data, not pages."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Cook Book\ncollections:\n  recipes:\n    output: true\n    permalink: /recipes/:name/\n"
                       "  authors:\n    output: false\n  notes: {}\n",
        "_recipes/pancakes.md": "---\ntitle: Pancakes\ncategory: Breakfast\n---\nSee [waffles](/recipes/waffles/).\n",
        "_recipes/waffles.md": '---\ntitle: Waffles\ncategory: Breakfast\n---\n[pancakes]({{ "/recipes/pancakes/" | '
                               'relative_url }})\n',
        "_authors/jane.md": "---\nname: Jane Doe\n---\nJane cooks.\n",
        "_notes/draft.md": "---\ntitle: A note\n---\n",
        "_posts/2024-02-13-pancake-day.md": "---\ntitle: Pancake day\ncategories: [news]\n---\n"
                                            "Try [pancakes](/recipes/pancakes/).\n",
    })
    result = load_corpus(site)
    assert {a.key: a.url for a in result.articles if a.key.startswith("_recipes")} == {
        "_recipes/pancakes": "/recipes/pancakes/", "_recipes/waffles": "/recipes/waffles/"}
    assert sorted(result.skipped) == ["_authors/jane.md", "_notes/draft.md"]
    kg = qagraph.build(site)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("_posts/2024-02-13-pancake-day.md") == ["article:_recipes/pancakes"]


def test_a_relative_link_in_a_translated_jekyll_collection_leads_where_the_browser_goes(tmp_path: Path):
    """A collection published at ``/:path/`` puts ``_guides/fr/intro.md`` at ``/fr/intro/``: its link
    ``../setup/`` is read by the browser from that url and leads to ``/fr/setup/``, the French page;
    qagraph read it from the file's folder and sent every link of a translation to the English page. A page
    the translation lacks (``/fr/faq/``) is none: the link is a stub, as the site's link is a 404."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Guides\ncollections:\n  guides:\n    output: true\n    permalink: /:path/\n",
        "_guides/intro.md": "---\ntitle: Intro\n---\nFirst [set up](../setup/#install).\n",
        "_guides/setup.md": "---\ntitle: Setup\n---\nBack to the [intro](../intro/).\n",
        "_guides/fr/intro.md": "---\ntitle: Introduction\n---\nD'abord [installer](../setup/#installer).\n",
        "_guides/fr/setup.md": "---\ntitle: Installation\n---\nRetour à l'[introduction](../intro/), la [FAQ](../faq/).\n",
        "_guides/faq.md": "---\ntitle: FAQ\n---\nBack to the [intro](../intro/).\n",
    })
    kg = qagraph.build(site)
    assert kg.related("_guides/fr/intro.md") == ["article:_guides/fr/setup"]
    assert kg.related("_guides/fr/setup.md") == ["article:_guides/fr/intro", "article:/fr/faq"]
    assert kg.graph.nodes["article:/fr/faq"]["kind"] == "stub"
    assert kg.related("_guides/intro.md") == ["article:_guides/setup"]


def test_a_jekyll_related_list_names_pages_by_the_field_its_layout_finds_them_by(tmp_path: Path):
    """A layout that shows ``related: [setup]`` as ``site.guides | where: 'lang', page.lang | where: 'kind',
    name | first`` links each name to the page whose ``kind`` it is, in the linking page's language:
    qagraph read the names as file names, so ``setup`` (the page install.md) was a stub and the French
    page's ``intro`` led to the English one. A name no page of that language has leads nowhere, as on the site."""
    import qagraph

    site = tmp_path / "site"
    loop = ("{% for name in page.related %}\n  {% assign g = site.guides | where: 'lang', page.lang | where: 'kind', name"
            " | first %}\n  <a href=\"{{ g.url | relative_url }}\">{{ g.title }}</a>\n{% endfor %}\n")
    write_site(site, {
        "_config.yml": "title: Guides\ncollections:\n  guides:\n    output: true\n    permalink: /:path/\n",
        "_layouts/guide.html": "---\nlayout: default\n---\n{{ content }}\n" + loop,
        "_guides/intro.md": "---\nlayout: guide\nlang: en\ntitle: Intro\nkind: intro\nrelated: [setup, faq]\n---\nHi.\n",
        "_guides/install.md": "---\nlayout: guide\nlang: en\ntitle: Setup\nkind: setup\nrelated: [intro]\n---\nHi.\n",
        "_guides/fr/intro.md": "---\nlayout: guide\nlang: fr\ntitle: Introduction\nkind: intro\nrelated: [setup]\n---\n",
        "_guides/fr/installer.md": "---\nlayout: guide\nlang: fr\ntitle: Installer\nkind: setup\nrelated:\n  - intro\n"
                                   "---\nSalut.\n",
    })
    kg = qagraph.build(site)
    assert kg.related("_guides/intro.md") == ["article:_guides/install", "article:faq"]
    assert kg.related("_guides/install.md") == ["article:_guides/intro"]
    assert kg.related("_guides/fr/intro.md") == ["article:_guides/fr/installer"]
    assert kg.related("_guides/fr/installer.md") == ["article:_guides/fr/intro"]
    assert kg.graph.nodes["article:faq"]["kind"] == "stub"


def test_a_language_folder_in_a_jekyll_collection_is_no_subject(tmp_path: Path):
    """A collection translated folder by folder (``_guides/de/``, ``_guides/pt-br/`` beside the English pages
    in ``_guides/``, each page saying its ``lang``) files a translation as the English page is filed: the
    language was the translated pages' subject ("De", "Pt Br"), a topic of its own. A folder inside still is."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Guides\ncollections:\n  guides:\n    output: true\n    permalink: /:path/\n",
        "_guides/intro.md": "---\nlang: en\ntitle: Intro\n---\nHi.\n",
        "_guides/de/intro.md": "---\nlang: de\ntitle: Einführung\n---\nHallo.\n",
        "_guides/pt-br/intro.md": "---\nlang: pt-br\ntitle: Introdução\n---\nOlá.\n",
        "_guides/de/tools/editor.md": "---\nlang: de\ntitle: Editor\n---\nHallo.\n",
        "_guides/tools/editor.md": "---\nlang: en\ntitle: Editor\n---\nHi.\n",
    })
    subjects = {a.path: a.subject for a in load_corpus(site).articles}
    assert subjects["_guides/de/intro.md"] == subjects["_guides/pt-br/intro.md"] == subjects["_guides/intro.md"]
    assert subjects["_guides/de/tools/editor.md"] == subjects["_guides/tools/editor.md"] == "Tools"


def test_a_jekyll_collection_names_the_subject_of_the_documents_at_its_top(tmp_path: Path):
    """A training site keeps its modules and courses in two collections (``_modules/``, ``_courses/``, output
    at /modules/... and /courses/...): the documents at a collection's top were all "Uncategorised", with
    the home page, as ``_modules`` is no topic's name. The collection is their section, as its urls say:
    "Modules", "Courses". A folder inside still names its own, and a page or a post outside any stays as
    it was."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Training\npermalink: pretty\ncollections:\n  modules:\n    output: true\n"
                       "  courses:\n    output: true\n  staff:\n    output: false\n",
        "_modules/branching-basics.md": "---\ntitle: Branching basics\n---\n",
        "_modules/merge_conflicts.md": "---\ntitle: Merge conflicts\n---\n",
        "_courses/git-for-teams.md": "---\ntitle: Git for teams\n---\n",
        "_courses/first-steps/01-sign-up.md": "---\ntitle: Sign up\n---\n",
        "_staff/ana.md": "---\ntitle: Ana\n---\n",
        "_posts/2020-01-02-welcome.md": "---\ntitle: Welcome\n---\n",
        "index.md": "---\ntitle: Home\n---\n",
    })
    subjects = {a.path: a.subject for a in load_corpus(site).articles}
    assert subjects == {"_modules/branching-basics.md": "Modules", "_modules/merge_conflicts.md": "Modules",
                        "_courses/git-for-teams.md": "Courses", "_courses/first-steps/01-sign-up.md": "First steps",
                        "_posts/2020-01-02-welcome.md": "Uncategorised", "index.md": "Uncategorised"}


def test_a_jekyll_collection_published_at_the_site_root_is_no_subject(tmp_path: Path):
    """A blog theme keeps its sidebar's pages in a collection whose documents the config's defaults publish at the
    site's root (``_tabs/about.md`` at /about/ by ``permalink: /:title/``): each was filed under a subject "Tabs",
    a name of the theme's machinery that no reader sees, beside the posts' categories. They are the site's
    top-level pages, filed as a page at the root is; a collection published below its own folder still names
    its documents' subject."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Notes\ncollections:\n  tabs:\n    output: true\n  recipes:\n    output: true\n"
                       "defaults:\n  - scope:\n      path: ''\n      type: posts\n    values:\n"
                       "      permalink: /posts/:title/\n  - scope:\n      path: ''\n      type: tabs\n"
                       "    values:\n      permalink: /:title/\n",
        "_tabs/about.md": "---\ntitle: About\norder: 4\n---\nWho writes here.\n",
        "_tabs/links.md": "---\ntitle: Links\nicon: fas fa-link\norder: 3\n---\nFriends' sites.\n",
        "_recipes/bread.md": "---\ntitle: Bread\n---\nFlour and water.\n",
        "_posts/2021-03-04-first.md": "---\ntitle: First\ncategories: [Cooking, Baking]\n---\nSee [about](/about/).\n",
        "contact.md": "---\ntitle: Contact\n---\nWrite to me.\n",
    })
    result = load_corpus(site)
    subjects = {a.path: a.subject for a in result.articles}
    assert subjects == {"_tabs/about.md": "Uncategorised", "_tabs/links.md": "Uncategorised",
                        "_recipes/bread.md": "Recipes", "_posts/2021-03-04-first.md": "Cooking",
                        "contact.md": "Uncategorised"}
    assert {a.path: a.url for a in result.articles}["_tabs/about.md"] == "/about/"


def test_jekyll_posts_collection_permalink_is_the_posts_urls(tmp_path: Path):
    """A Jekyll config's ``collections: posts: permalink:`` gives the posts their urls, over the
    site's ``permalink`` (jekyll 4.3 wrote /news/2016/10/06/three-is-here/; the posts were at
    /release/2016/10/06/three-is-here/, by the site's style and their category), and links
    written to those urls lead to the posts; the site's style still ends its pages' urls."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Tool\npermalink: pretty\ncollections:\n  posts:\n    permalink: /news/:year/:month/:day/:title/\n"
                       "    output: true\n",
        "_posts/2016-10-06-three-is-here.md": "---\ntitle: Three is here\ncategories: [release]\n---\nHello.\n",
        "_posts/2016-11-01-three-one.md": "---\ntitle: Three one\ncategory: release\n---\n"
                                          "After [three](/news/2016/10/06/three-is-here/).\n",
        "about.md": "---\ntitle: About\n---\nSee [three one]({{ '/news/2016/11/01/three-one/' | relative_url }}).\n",
    })
    urls = {a.path: a.url for a in load_corpus(site).articles}
    assert urls == {"_posts/2016-10-06-three-is-here.md": "/news/2016/10/06/three-is-here/",
                    "_posts/2016-11-01-three-one.md": "/news/2016/11/01/three-one/", "about.md": "/about/"}
    kg = qagraph.build(site)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("_posts/2016-11-01-three-one.md") == ["article:_posts/2016-10-06-three-is-here"]


def test_jekyll_archives_pages_are_no_stubs(tmp_path: Path):
    """A blog whose config turns on jekyll-archives (Chirpy's ``jekyll-archives: {enabled: [categories, tags],
    permalinks: {tag: /tags/:name/, category: /categories/:name/}}``) links its posts to the plugin's listing
    pages ("Part of the [security series]({{ site.baseurl }}/tags/security-series/)"): each link made a stub
    article /tags/security-series, a page the plugin lists posts on, not one anyone wrote. They are no
    stubs; the default permalinks of the archives a config enables are read too (``/:year/``), and a link to
    a page of the site at such a url still reaches it."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Blog\nbaseurl: /blog\npermalink: /posts/:title/\n"
                       "jekyll-archives:\n  enabled: [categories, tags, year]\n  permalinks:\n"
                       "    tag: /tags/:name/\n    category: /categories/:name/\n",
        "_posts/2022-05-01-hardening.md": "---\ntitle: Hardening\ncategories: [Ops]\ntags: [security-series]\n---\n"
                                          "Part of the [series]({{ site.baseurl }}/tags/security-series/), in "
                                          "[Ops](/blog/categories/ops/) and [all of 2022](/2022/); next: "
                                          "[secrets](/posts/secrets/), [the tag list](/tags/).\n",
        "tags.md": "---\nlayout: page\ntitle: Tags\npermalink: /tags/\n---\nEvery tag.\n",
    })
    kg = qagraph.build(site)
    stubs = sorted(node for node in kg.graph if kg.graph.nodes[node].get("kind") == "stub")
    assert stubs == ["article:/posts/secrets"]
    assert kg.related("_posts/2022-05-01-hardening.md") == ["article:/posts/secrets", "article:/tags"]


@pytest.mark.parametrize(("name", "settings"), [
    ("_config.yml", "title: Blog\npermalink: /posts/:title/\njekyll-archives:\n  enabled: [categories, tags]\n"
                    "  permalinks:\n    tag: /tags/:name/\n    category: /categories/:name/\n"),  # Chirpy's
    ("hugo.toml", 'baseURL = "https://h.org/"\n'),
])
def test_a_link_to_the_listing_page_of_a_term_no_page_has_is_a_stub(tmp_path: Path, name: str, settings: str):
    """jekyll-archives and Hugo make a listing page for each tag and category the pages have, and none for
    another: a link to ``/tags/nosuchtag/`` is a broken link on the site, but it was no stub (no link at all),
    as any link to a term's listing page was. It is a stub now, and a link to the page of a term some page has
    (in another spelling, ``Machine Learning`` at ``/tags/machine-learning/``; a category) still is none."""
    import qagraph

    site = tmp_path / "site"
    folder = "content/posts/" if name == "hugo.toml" else "_posts/2024-01-0"
    write_site(site, {
        name: settings,
        f"{folder}1-a.md": "---\ntitle: A\ncategories: [Linux]\ntags: [Machine Learning]\n---\n"
                          "[ml](/tags/machine-learning/), [linux](/categories/linux/), [shell](/tags/shell/), "
                          "[none](/tags/nosuchtag/) and [no category](/categories/nosuch/).\n",
        f"{folder}2-b.md": "---\ntitle: B\ncategories: [Linux]\ntags: [shell]\n---\nText.\n",
    })
    kg = qagraph.build(site)
    stubs = sorted(d["key"].strip("/") for _, d in kg.graph.nodes(data=True) if d["kind"] == "stub")
    assert stubs == ["categories/nosuch", "tags/nosuchtag"]


def test_hugo_taxonomy_lists_are_no_stubs(tmp_path: Path):
    """Hugo makes a list of pages for each taxonomy (``/tags/``) and each of its terms (``/tags/go/``), and
    pages link there ("more in [Go](/tags/go/)"): each link made a stub article /tags/go, a page no one
    wrote. Links to the lists of the taxonomies the config declares (Hugo's tags and categories by default),
    in any of its languages (``/fr/tags/go/``), are no stubs; a page written at such a url
    (``content/tags/go/_index.md``) still is reached, and a taxonomy the config does not declare is no list."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://h.org/"\n[taxonomies]\ntag = "tags"\nseries = "series"\n'
                     '[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
        "content/posts/a.md": "---\ntitle: A\ntags: [go]\n---\nMore in [Go](/tags/go/), [all tags](/tags/), "
                              "[the series](/series/intro/), [en français](/fr/tags/go/), [web](/tags/web/), "
                              "[b](/posts/b/) and [gone](/categories/old/).\n",
        "content/posts/b.md": "---\ntitle: B\nseries: [intro]\n---\n",
        "content/tags/web/_index.md": "---\ntitle: The web\n---\nWhat the web is.\n",
    })
    kg = qagraph.build(site)
    stubs = sorted(node for node in kg.graph if kg.graph.nodes[node].get("kind") == "stub")
    assert stubs == ["article:categories/old"]
    assert kg.related("content/posts/a.md") == ["article:tags/web", "article:posts/b", "article:categories/old"]


def test_a_hugo_language_s_own_taxonomies_are_its_pages_keywords_and_subject(tmp_path: Path):
    """A language of a Hugo config may declare its own taxonomies (PaperMod's example site: the French pages'
    ``FRtags``, ``FRcategories``, ``FRseries``), which Hugo publishes for that language's pages: their terms
    are the French page's keywords, its first ``FRcategories`` its subject, as ``categories`` are the English
    page's, and the lists Hugo makes of them (``/fr/frtags/css/``) no stubs. Before, they were not read: the
    French page had no keywords, was filed in its folder, and its link to the list of its tag was a stub."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "config.yml": "baseURL: https://paper.example/\nlanguages:\n  en:\n    weight: 1\n    taxonomies:\n"
                      "      category: categories\n      tag: tags\n      series: series\n  fr:\n    weight: 2\n"
                      "    taxonomies:\n      category: FRcategories\n      tag: FRtags\n      series: FRseries\n",
        "content/posts/syntax.md": "---\ntitle: Syntax\ntags: [markdown, css]\ncategories: [themes]\n"
                                   "series: [Themes Guide]\n---\nMore [css](/tags/css/).\n",
        "content/posts/syntax.fr.md": "---\ntitle: Syntaxe\nFRtags: [markdown, css]\nFRcategories: [themes]\n"
                                      "FRseries: [Themes Guide]\n---\nPlus de [css](/fr/frtags/css/).\n"})
    articles = by_key(load_corpus(site))
    assert (articles["posts/syntax"].subject, articles["posts/syntax"].keywords) == ("themes", ("markdown", "css", "Themes Guide"))
    assert (articles["fr/posts/syntax"].subject, articles["fr/posts/syntax"].keywords) == (
        "themes", ("markdown", "css", "Themes Guide"))
    assert qagraph.build(site).counts.get("stubs", 0) == 0


def test_a_hugo_ref_to_a_taxonomy_names_its_list_no_stub(tmp_path: Path):
    """``{{< ref "tags" >}}`` (Blowfish's samples page: "an example [taxonomy listing]") finds the list
    Hugo makes of a taxonomy, as ``GetPage`` does, and so does a ref to the list of a top section no
    ``_index.md`` writes: pages no one wrote, no stubs, as links to their urls are. Before, the ref made a
    stub "tags". A ref to a taxonomy the config does not declare, or to a page not there, is still one."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://h.org/"\n[taxonomies]\ntag = "tags"\nseries = "series"\n',
        "content/posts/a.md": '---\ntitle: A\n---\nSee [the tags]({{< ref "tags" >}}), [a series]({{< relref "series/intro" >}}), '
                              '[posts]({{< ref "posts" >}}), [b]({{< ref "b" >}}), [old]({{< ref "categories" >}}) '
                              'and [gone]({{< ref "gone" >}}).\n',
        "content/posts/b.md": "---\ntitle: B\nseries: [intro]\n---\n",
    })
    kg = qagraph.build(site)
    stubs = sorted(node for node in kg.graph if kg.graph.nodes[node].get("kind") == "stub")
    assert stubs == ["article:categories", "article:gone"]
    assert kg.related("content/posts/a.md") == ["article:posts/b", "article:categories", "article:gone"]


@pytest.mark.parametrize("order", ['[":filename", ":default"]', '[":default", ":filename"]', '":filename"',
                                   '[":fileModTime", ":filename"]', None])
def test_hugo_dates_and_slugs_from_file_names_as_its_frontmatter_config_says(tmp_path: Path, order: str | None):
    """A Hugo site moved from Jekyll keeps its posts' names (``2017-02-11-my-post.md``) and sets
    ``[frontmatter] date = [":filename", ":default"]``: Hugo dates each such page by its name and publishes
    it at ``/posts/my-post/``, the rest of the name its slug (a bundle's: its folder's), unless a slug is
    written. Such a site's links to its posts were all stubs, its posts undated. A handler listed before
    ``:filename`` decides first (a front-matter date; the file's time, always); without it, nothing changes."""
    import qagraph

    site = tmp_path / "site"
    config = 'baseURL = "https://h.org/"\n' + (f"[frontmatter]\ndate = {order}\n" if order else "")
    write_site(site, {
        "hugo.toml": config,
        "content/posts/2017-02-11-my-post.md": "---\ntitle: Mine\n---\n[o](/posts/other/) [b](/posts/bundle/)\n",
        "content/posts/2018-03-04-other.md": "---\ntitle: Other\ndate: 2019-01-01\n---\n[m](/posts/my-post/)\n",
        "content/posts/2020-05-06_bundle/index.md": "---\ntitle: Bundle\n---\n[m](/posts/my-post/)\n",
        "content/posts/2020-05-07-slugged.md": "---\ntitle: Slugged\nslug: kept\n---\n",
        "content/posts/2021-02-30-no-day.md": "---\ntitle: No day\n---\n",
    })
    kg = qagraph.build(site)
    got = {data["path"]: (data["url"], data.get("date")) for node, data in kg.graph.nodes(data=True)
           if data.get("kind") == "article"}
    if order in ('[":filename", ":default"]', '":filename"'):
        assert got == {
            "content/posts/2017-02-11-my-post.md": ("/posts/my-post/", "2017-02-11"),
            "content/posts/2018-03-04-other.md": ("/posts/other/", "2018-03-04"),  # the name decides first
            "content/posts/2020-05-06_bundle/index.md": ("/posts/bundle/", "2020-05-06"),
            "content/posts/2020-05-07-slugged.md": ("/posts/kept/", "2020-05-07"),
            "content/posts/2021-02-30-no-day.md": ("/posts/2021-02-30-no-day/", None)}
        assert not [n for n, k in kg.graph.nodes(data="kind") if k == "stub"]
    elif order == '[":default", ":filename"]':  # the front matter's date first: its name stays in its url
        assert got["content/posts/2018-03-04-other.md"] == ("/posts/2018-03-04-other/", "2019-01-01")
        assert got["content/posts/2017-02-11-my-post.md"] == ("/posts/my-post/", "2017-02-11")
    else:  # Hugo's own default, or the file's time first: file names are urls
        assert got["content/posts/2017-02-11-my-post.md"] == ("/posts/2017-02-11-my-post/", None)
        assert got["content/posts/2018-03-04-other.md"] == ("/posts/2018-03-04-other/", "2019-01-01")


def test_a_link_to_the_home_page_hugo_makes_is_no_stub(tmp_path: Path):
    """Hugo makes a site's home page when no ``content/_index.md`` writes it, and pages link there
    ("[home](/)", ``{{< ref "/" >}}``, ``/fr/``): each link made a stub article ``/``. It is no stub; a
    home page the site writes is still reached."""
    import qagraph

    site = tmp_path / "site"
    pages = {"content/posts/a.md": '---\ntitle: A\n---\n[home](/) and [again]({{< ref "/" >}}) and [fr](/fr/).\n',
             "content/posts/b.md": "---\ntitle: B\n---\n[a](/posts/a/)\n"}
    write_site(site, {"hugo.toml": 'baseURL = "https://h.org/"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
                      **pages})
    kg = qagraph.build(site)
    assert sorted(node for node in kg.graph if kg.graph.nodes[node].get("kind") == "stub") == []
    assert kg.related("content/posts/a.md") == []
    write_site(site, {"content/_index.md": "---\ntitle: Home\n---\n"})
    assert qagraph.build(site).related("content/posts/a.md") == ["article:/"]


def test_hugo_top_section_lists_are_no_stubs(tmp_path: Path):
    """Hugo makes a list of pages for every folder at the top of its content, with an ``_index.md`` or
    without one, and pages link there ("[all posts](/blog/)"): each link made a stub article /blog. A link to
    a top section's list (in any language: ``/fr/blog/``) is no stub; one written in an ``_index.md`` is
    reached; a folder below the top with no ``_index.md`` is no section (Hugo makes no page there), nor is a
    section that ``disableKinds`` turns off; a folder added later is a section once it holds a page."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://h.org/"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
        "content/blog/a.md": "---\ntitle: A\n---\n[All posts](/blog/), [docs](/docs/), [the guide](/docs/guide/), "
                             "[en français](/fr/blog/), [b](/blog/b/), [news](/news/) and [gone](/nothing/).\n",
        "content/blog/b.md": "---\ntitle: B\n---\n",
        "content/docs/_index.md": "---\ntitle: The docs\n---\n",
        "content/docs/guide/g.md": "---\ntitle: G\n---\n",
        "content/about.md": "---\ntitle: About\n---\n",
    })
    kg = qagraph.build(site, out=tmp_path / "build")
    assert kg.related("content/blog/a.md") == ["article:docs", "article:docs/guide", "article:blog/b",
                                               "article:news", "article:nothing"]
    stubs = sorted(node for node in kg.graph if kg.graph.nodes[node].get("kind") == "stub")
    assert stubs == ["article:docs/guide", "article:news", "article:nothing"]
    (site / "content/news").mkdir()
    (site / "content/news/n.md").write_text("---\ntitle: N\n---\n", encoding="utf-8")
    kg = qagraph.build(site, out=tmp_path / "build")
    assert kg.related("content/blog/a.md") == ["article:docs", "article:docs/guide", "article:blog/b",
                                               "article:nothing"]
    config = (site / "hugo.toml").read_text(encoding="utf-8")
    (site / "hugo.toml").write_text('disableKinds = ["section"]\n' + config, encoding="utf-8")
    nodes = qagraph.build(site).graph.nodes
    assert [n for n in ("article:blog", "article:news", "article:fr/blog") if nodes.get(n, {}).get("kind") == "stub"] \
        == ["article:blog", "article:news", "article:fr/blog"]


def test_jekyll_page_permalink_with_a_slash_is_a_folder_its_relative_links_start_from(tmp_path: Path):
    """A page Jekyll writes at ``permalink: /docs/setup/`` is that folder's page: jekyll 4.3 sends its
    ``../usage/`` to /docs/usage/ and a maintainers' index's ``labels/`` to /docs/maintain/labels/
    (they were stubs /usage and /docs/labels, read from /docs/); its key stays without the slash."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Tool\ncollections:\n  docs:\n    permalink: /:collection/:path/\n    output: true\n",
        "_docs/setup.md": "---\ntitle: Setup\npermalink: /docs/setup/\n---\nThen [usage](../usage/).\n",
        "_docs/usage.md": "---\ntitle: Usage\npermalink: /docs/usage/\n---\nBack to [setup](../setup).\n",
        "_docs/maintain/index.md": "---\ntitle: Maintaining\npermalink: /docs/maintain/\n---\n- [Labels](labels/)\n",
        "_docs/maintain/labels.md": "---\ntitle: Labels\n---\nUp to [maintaining](../).\n",
    })
    kg = qagraph.build(site)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.node("article:/docs/setup")["url"] == "/docs/setup/"
    assert kg.related("_docs/setup.md") == ["article:/docs/usage"]
    assert kg.related("_docs/usage.md") == ["article:/docs/setup"]
    assert kg.related("_docs/maintain/index.md") == ["article:_docs/maintain/labels"]
    assert kg.related("_docs/maintain/labels.md") == ["article:/docs/maintain"]


def test_jekyll_permalink_without_a_leading_slash_is_from_the_site_root(tmp_path: Path):
    """Jekyll puts a ``/`` in front of a page's ``permalink: guides/tools`` (Just the Docs' own docs write
    ``permalink: docs/utilities``): the page is published at /guides/tools, where links to it lead
    (its url was ``guides/tools``, no path of the site)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Manual\npermalink: pretty\nurl: https://example.org\nbaseurl: /manual\n",
        "guides/tools.md": "---\ntitle: Tools\npermalink: guides/tools\nhas_children: true\n---\n# Tools\n",
        "guides/start.md": "---\ntitle: Start\n---\nSee [the tools]({{ site.baseurl }}{% link guides/tools.md %}) "
                           "and [again](/manual/guides/tools).\n",
    })
    kg = qagraph.build(site)
    assert kg.node("article:/guides/tools")["url"] == "/guides/tools"
    assert kg.related("guides/start.md") == ["article:/guides/tools"]
    assert kg.counts.get("stubs", 0) == 0


def test_just_the_docs_pages_are_filed_under_their_top_level_page_and_link_to_the_pages_above_them(tmp_path: Path):
    """A Just the Docs site names a page's place by titles (``parent: Dials``, ``grand_parent: Widgets``):
    its sidebar files the page under its top-level page and its breadcrumbs link to the pages above it. They were filed under the folder ``docs`` (every page of the site) and linked nowhere;
    now under the top-level page's title, a ``grand_parent`` telling two parents of one title apart, and
    a collection's pages under its own pages' titles; a parent page may be an HTML one. A parent that
    names no page (nor one Jekyll does not publish) files the page as before."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Kit\ntheme: just-the-docs\npermalink: pretty\n"
                       "collections:\n  guides:\n    permalink: /:collection/:path/\n    output: true\n",
        "docs/widgets/widgets.md": "---\ntitle: Widgets\nnav_order: 2\nhas_children: true\n---\n# Widgets\n",
        "docs/widgets/dials.md": "---\ntitle: Dials\nparent: Widgets\nhas_children: true\n---\n# Dials\n",
        "docs/widgets/knobs.md": "---\ntitle: Knobs\nparent: Dials\ngrand_parent: Widgets\n---\n# Knobs\n",
        "docs/widgets/pointer.md": "---\ntitle: Pointer\nparent: Knobs\nnav_order: 1\n---\n# Pointer\n",
        "docs/gadgets/index.html": "---\ntitle: Gadgets\nhas_children: true\n---\n<h1>Gadgets</h1>\n",
        "docs/gadgets/dials.md": "---\ntitle: Dials\nparent: Gadgets\n---\n# Dials of gadgets\n",
        "docs/gadgets/lost.md": "---\ntitle: Lost\nparent: Nowhere\n---\n# Lost\n",
        "docs/gadgets/old.md": "---\ntitle: Old\nparent: Gadgets\npublished: false\nhas_children: true\n---\n# Old\n",
        "docs/gadgets/older.md": "---\ntitle: Older\nparent: Old\n---\n# Older\n",
        "docs/setup.md": "---\ntitle: Setup\nnav_order: 1\n---\n# Setup\n",
        "_guides/widgets.md": "---\ntitle: Widgets\nhas_children: true\n---\n# Widget guides\n",
        "_guides/first.md": "---\ntitle: First\nparent: Widgets\n---\n# First\n",
    })
    kg = qagraph.build(site)
    subjects = {d["path"]: kg.node("subject:" + d["subject"])["label"]
                for _, d in kg.graph.nodes(data=True) if d.get("kind") == "article"}
    assert subjects == {"docs/widgets/widgets.md": "Widgets", "docs/widgets/dials.md": "Widgets",
                        "docs/widgets/knobs.md": "Widgets", "docs/widgets/pointer.md": "Widgets",
                        "docs/gadgets/index.html": "Gadgets",
                        "docs/gadgets/dials.md": "Gadgets", "docs/gadgets/lost.md": "Docs", "docs/gadgets/older.md": "Docs",
                        "docs/setup.md": "Docs",
                        "_guides/widgets.md": "Widgets", "_guides/first.md": "Widgets"}
    assert kg.related("docs/widgets/knobs.md") == [  # and to its child, as the table below it does
        "article:docs/widgets/dials", "article:docs/widgets/widgets", "article:docs/widgets/pointer"]
    assert kg.related("docs/widgets/pointer.md") == [
        "article:docs/widgets/knobs", "article:docs/widgets/dials", "article:docs/widgets/widgets"]
    assert kg.related("docs/gadgets/dials.md") == ["article:docs/gadgets/index"]
    assert kg.related("_guides/first.md") == ["article:_guides/widgets"]
    assert kg.related("docs/gadgets/lost.md") == kg.related("docs/gadgets/older.md") == []
    assert kg.counts.get("stubs", 0) == 0
    # two pages each the other's parent, and no other: each links to the other, filed by its folder
    loop = tmp_path / "loop"
    write_article(loop, "_config.yml", "title: Loop\ntheme: just-the-docs\n")
    write_article(loop, "docs/ping.md", "---\ntitle: Ping\nparent: Pong\n---\n# Ping\n")
    write_article(loop, "docs/pong.md", "---\ntitle: Pong\nparent: Ping\n---\n# Pong\n")
    looped = qagraph.build(loop)
    assert looped.related("docs/ping.md") == ["article:docs/pong"] and looped.related("docs/pong.md") == ["article:docs/ping"]
    assert looped.node("article:docs/ping")["subject"] == "docs"
    # a page's parent without the theme (nor its has_children, grand_parent or nav_order) is no place in a navigation
    other = tmp_path / "other"
    write_article(other, "_config.yml", "title: Family\npermalink: pretty\n")
    write_article(other, "people/ann.md", "---\ntitle: Ann\n---\n# Ann\n")
    write_article(other, "people/bob.md", "---\ntitle: Bob\nparent: Ann\n---\n# Bob\n")
    assert qagraph.build(other).related("people/bob.md") == []


def test_a_just_the_docs_page_links_to_its_children_as_the_table_below_it_does(tmp_path: Path):
    """Just the Docs shows below a parent page the table of its children, each a link (unless the page says
    ``has_toc: false``), in the sidebar's order: by ``nav_order``, then title. Only the children's breadcrumbs
    were read (a child to the pages above it), so a parent page of no text of its own linked to none of its
    pages; a grandchild is its parent's child, not its grandparent's."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Kit\ntheme: just-the-docs\n",
        "docs/tools.md": "---\ntitle: Tools\nnav_order: 2\nhas_children: true\n---\n",
        "docs/saw.md": "---\ntitle: Saw\nparent: Tools\n---\n# Saw\n",
        "docs/hammer.md": "---\ntitle: Hammer\nparent: Tools\nnav_order: 2\nhas_children: true\n---\n# Hammer\n",
        "docs/anvil.md": "---\ntitle: Anvil\nparent: Tools\nnav_order: 1\n---\n# Anvil\n",
        "docs/claw.md": "---\ntitle: Claw\nparent: Hammer\ngrand_parent: Tools\n---\n# Claw\n",
        "docs/quiet.md": "---\ntitle: Quiet\nhas_children: true\nhas_toc: false\n---\n# Quiet\n",
        "docs/hidden.md": "---\ntitle: Hidden\nparent: Quiet\n---\n# Hidden\n",
    })
    kg = qagraph.build(site)
    assert kg.related("docs/tools.md") == ["article:docs/anvil", "article:docs/hammer", "article:docs/saw"]
    assert kg.related("docs/hammer.md") == ["article:docs/tools", "article:docs/claw"]
    assert kg.related("docs/quiet.md") == [] and kg.related("docs/hidden.md") == ["article:docs/quiet"]
    lines = {a.path: {link.line for link in a.related} for a in load_corpus(site).articles}
    assert lines["docs/tools.md"] == {4}  # at its has_children


def test_just_the_docs_files_a_collections_documents_under_the_name_its_sidebar_gives_the_collection(tmp_path: Path):
    """Just the Docs heads a collection's pages in its sidebar with the name its config gives the collection
    (``just_the_docs: collections: manual: name: Handbook``): a document at the collection's top, in no
    page's tree, is filed under that name. Its subject was labelled by the folder (``Manual``), a heading the
    site never shows; a collection the config names no name for (or Jekyll does not output) keeps its folder's."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Kit\nremote_theme: just-the-docs/just-the-docs\n"
                       "collections:\n  manual:\n    permalink: /:collection/:path/\n    output: true\n"
                       "  labs:\n    output: true\n  drafts_box:\n    output: false\n"
                       "just_the_docs:\n  collections:\n    manual:\n      name: Handbook\n"
                       "    drafts_box:\n      name: Drafts\n    nowhere:\n      name: Nothing\n",
        "index.md": "---\ntitle: Home\nnav_order: 1\n---\nStart with [the basics](manual/basics/).\n",
        "_manual/basics.md": "---\ntitle: Basics\nnav_order: 1\n---\n# Basics\n",
        "_manual/tools.md": "---\ntitle: Tools\nhas_children: true\n---\n# Tools\n",
        "_manual/hammer.md": "---\ntitle: Hammer\nparent: Tools\n---\n# Hammer\n",
        "_labs/first.md": "---\ntitle: First lab\n---\n# First lab\n",
    })
    kg = qagraph.build(site)
    subjects = {d["path"]: kg.node("subject:" + d["subject"])["label"]
                for _, d in kg.graph.nodes(data=True) if d.get("kind") == "article"}
    assert subjects == {"index.md": "Uncategorised", "_manual/basics.md": "Handbook", "_manual/tools.md": "Tools",
                        "_manual/hammer.md": "Tools", "_labs/first.md": "Labs"}
    assert kg.node("article:_manual/basics")["subject"] == "manual"
    assert kg.related("index.md") == ["article:_manual/basics"]
    reason = detect(site).reason
    assert "_manual: Handbook" in reason and "Drafts" not in reason and "Nothing" not in reason


def test_a_jekyll_site_translated_folder_by_folder_files_pages_under_the_folders_inside_each_language(tmp_path: Path):
    """A Jekyll site whose pages are in a folder per language (``en/blog/_posts/``, ``fr/about/``,
    ``pt_br/...``), each page saying its ``lang``, is filed by the folders inside each language: its
    subjects were the languages (en, fr, pt-br), a language no topic; the posts' urls keep their
    language (jekyll 4.3 wrote /fr/blog/2021/04/02/bonjour/) and a link stays where it is written."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "permalink: pretty\n",
        "en/blog/_posts/2021-04-02-hello.md": "---\ntitle: Hello\nlang: en\ntags: launch\n---\nSee [about](/en/about/).\n",
        "fr/blog/_posts/2021-04-02-hello.md": "---\ntitle: Bonjour\nlang: fr\n---\nVoir [l'original](/en/blog/2021/04/02/hello/).\n",
        "pt_br/blog/_posts/2021-04-02-hello.md": "---\ntitle: Olá\nlang: pt_br\n---\nVer [sobre](/pt_br/about/).\n",
        "en/about/index.md": "---\ntitle: About\nlang: en\n---\nBack to [the post](/en/blog/2021/04/02/hello/).\n",
        "fr/about/index.md": "---\ntitle: À propos\nlang: fr\n---\nRetour au [billet](/fr/blog/2021/04/02/hello/).\n",
        "en/index.md": "---\ntitle: Home\nlang: en\n---\nRead the [about](about/) page.\n",
        "it/about/index.md": "---\ntitle: Chi siamo\n---\nCiao.\n",  # a language's folder, whatever its pages say
    })
    kg = qagraph.build(site)
    subjects = {n: d["subject"] for n, d in kg.graph.nodes(data=True) if d["kind"] == "article"}
    assert subjects == {"article:en/blog/_posts/2021-04-02-hello": "blog", "article:fr/blog/_posts/2021-04-02-hello": "blog",
                        "article:pt_br/blog/_posts/2021-04-02-hello": "blog", "article:en/about/index": "about",
                        "article:fr/about/index": "about", "article:en/index": "uncategorised", "article:it/about/index": "about"}
    assert kg.node("article:fr/blog/_posts/2021-04-02-hello")["url"] == "/fr/blog/2021/04/02/hello/"
    assert kg.related("fr/blog/_posts/2021-04-02-hello.md") == ["article:en/blog/_posts/2021-04-02-hello"]
    assert kg.related("fr/about/index.md") == ["article:fr/blog/_posts/2021-04-02-hello"]
    assert kg.related("en/index.md") == ["article:en/about/index"]
    assert [n for n, d in kg.graph.nodes(data=True) if d["kind"] == "stub"] == ["article:/pt_br/about"]


@pytest.mark.parametrize("zone, day", [(None, "03/31"), ("Asia/Tokyo", "04/01"), ("America/New_York", "03/31")])
def test_a_jekyll_posts_url_is_dated_in_the_sites_timezone(tmp_path: Path, zone: str | None, day: str):
    """Jekyll dates a post's url by its ``date`` read in the site's ``timezone`` (UTC where it has
    none, as GitHub Pages builds): jekyll 4.3 wrote a post dated ``2019-04-01 06:00:00 +0900`` at
    /2019/03/31/spring/ (at /2019/04/01/ with ``timezone: Asia/Tokyo``); it was at /2019/04/01/
    whatever the zone, and a link to its published url was a stub. A date without an offset is the
    site's own day."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "permalink: pretty\n" + (f"timezone: {zone}\n" if zone else ""),
        "_posts/2019-04-01-spring.md": "---\ntitle: Spring\ndate: 2019-04-01 06:00:00 +0900\n---\nHello.\n",
        "_posts/2019-04-02-summer.md": "---\ntitle: Summer\ndate: 2019-04-02 06:00:00\n---\n"
                                       f"After [spring](/2019/{day}/spring/).\n",
    })
    urls = {a.path: a.url for a in load_corpus(site).articles}
    assert urls == {"_posts/2019-04-01-spring.md": f"/2019/{day}/spring/", "_posts/2019-04-02-summer.md": "/2019/04/02/summer/"}
    kg = qagraph.build(site)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("_posts/2019-04-02-summer.md") == ["article:_posts/2019-04-01-spring"]


def test_a_jekyll_posts_url_is_its_name_slugged_as_jekyll_slugs_it(tmp_path: Path):
    """Jekyll slugs a post's name (or its ``slug``) for its url's ``:title``: a run of characters
    but letters, digits and a few signs is a hyphen, none at either end, the case kept; jekyll 4.3
    wrote ``2010-05-06--meetup-2010.md`` at /2010/05/06/meetup-2010/, ``...-release-1-2-.md`` at
    /release-1-2/, ``My Notes.md`` at /My-Notes/ and ``slug: "Big News!"`` at /Big-News!/ (they
    were at /-meetup-2010/, /release-1-2-/, /My Notes/, /Big News!/), and a collection's
    ``Setup Guide.md`` by ``/:collection/:title/`` at /guides/Setup-Guide/ (it was /setup-guide/)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "permalink: pretty\ncollections:\n  guides:\n    output: true\n    permalink: /:collection/:title/\n",
        "_posts/2010-05-06--meetup-2010.md": "---\ntitle: Meetup\n---\nSee [the release](/2010/05/07/release-1-2/).\n",
        "_posts/2010-05-07-release-1-2-.md": "---\ntitle: Release\n---\nAfter [the meetup](/2010/05/06/meetup-2010/).\n",
        "_posts/2010-05-08-My Notes.md": "---\ntitle: Notes\n---\n[Setup](/guides/Setup-Guide/), [news](/2010/05/09/Big-News!/).\n",
        "_posts/2010-05-09-news.md": "---\ntitle: News\nslug: \"Big News!\"\n---\nBack to [my notes](/2010/05/08/My-Notes/).\n",
        "_guides/Setup Guide.md": "---\ntitle: Setup\n---\nHello.\n",
    })
    urls = {a.path: a.url for a in load_corpus(site).articles}
    assert urls == {"_posts/2010-05-06--meetup-2010.md": "/2010/05/06/meetup-2010/",
                    "_posts/2010-05-07-release-1-2-.md": "/2010/05/07/release-1-2/",
                    "_posts/2010-05-08-My Notes.md": "/2010/05/08/My-Notes/", "_posts/2010-05-09-news.md": "/2010/05/09/Big-News!/",
                    "_guides/Setup Guide.md": "/guides/Setup-Guide/"}
    kg = qagraph.build(site)
    assert kg.counts.get("stubs", 0) == 0


@pytest.mark.parametrize("folder, extra", [
    ("Someone.github.io", {}), ("blog", {"_config.yml": "title: Notes\nrepository: Someone/Someone.github.io\n"}),
    ("Someone.github.io-main", {}), ("blog", {".git/config": '[remote "origin"]\n\turl = git@github.com:Someone/someone.github.io.git\n'}),
    ("blog", {"_config.yml": "title: Notes\ncode_url: https://github.com/Someone/someone.github.io/blob/main\n"})])
def test_a_github_pages_jekyll_sites_links_written_with_its_own_hosts_lead_to_its_pages(tmp_path: Path, folder: str,
                                                                                           extra: dict[str, str]):
    """A GitHub Pages site whose config has no ``url:`` is served at its ``CNAME``'s domain and at
    ``OWNER.github.io`` (a user's site, its repository so named); a blog of Stack Exchange answers
    links to its own pages with either in full (jekyll 4.3 wrote the hrefs as written; GitHub
    sends the github.io one to the custom domain). Those links were to another site: 5 of 31 hrefs
    between the pages of such a blog's sample were lost. The repository's name is read from the
    config's ``repository:``, the folder's name (a clone's, an archive's), the clone's remote or a
    url of the repository in the config."""
    import qagraph

    site = tmp_path / folder
    write_site(site, {
        "_config.yml": "title: Notes\n",
        "CNAME": "www.example.org\n",
        "_posts/2020/2020-09-20-Move-down-one-folder.md": "---\ntitle: Move down\n---\nSee [the tools](https://www.example.org/tools.html#cd).\n",
        "_posts/2022/2022-02-18-Convert-answers_.md": "---\ntitle: Convert\n---\nThe [home page](https://someone.github.io/index.html#) and "
                                                     "[the guide](https://Someone.github.io/tools/convert.html), not [mine](https://example.org/tools.html).\n",
        "tools.md": "---\ntitle: Tools\n---\n[Convert](tools/convert.html).\n",
        "tools/convert.md": "---\ntitle: Converting\n---\nHello.\n",
        "index.md": "---\ntitle: Home\n---\nHello.\n",
        **extra,
    })
    kg = qagraph.build(site)
    assert kg.related("_posts/2020/2020-09-20-Move-down-one-folder.md") == ["article:tools"]
    assert kg.related("_posts/2022/2022-02-18-Convert-answers_.md") == ["article:index", "article:tools/convert"]
    assert kg.counts.get("stubs", 0) == 0


def test_a_jekyll_post_named_with_a_one_digit_month_or_day_is_a_post(tmp_path: Path):
    """Jekyll reads ``2019-3-5-spring-notes.md`` in ``_posts/`` as a post dated 2019-03-05 (jekyll
    4.3 wrote /2019/03/05/spring-notes/); it was skipped as not named by its date, and the links
    to it were stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "permalink: pretty\n",
        "_posts/2019-3-5-spring-notes.md": "---\ntitle: Spring notes\n---\nHello.\n",
        "about.md": "---\ntitle: About\n---\nRead [the notes](/2019/03/05/spring-notes/).\n",
        # its url before the site dropped its categories: found by its date and name, as a post's of two digits
        "history.md": "---\ntitle: History\n---\nOnce at [the notes](/news/2019/03/05/spring-notes/).\n",
    })
    loaded = load_corpus(site)
    assert {a.path: (a.url, a.date) for a in loaded.articles} == {
        "_posts/2019-3-5-spring-notes.md": ("/2019/03/05/spring-notes/", "2019-03-05"), "about.md": ("/about/", None),
        "history.md": ("/history/", None)}
    assert not loaded.problems
    kg = qagraph.build(site)
    assert kg.related("about.md") == ["article:_posts/2019-3-5-spring-notes"]
    assert kg.related("history.md") == ["article:_posts/2019-3-5-spring-notes"]


def test_a_jekyll_site_leaves_out_what_jekyll_does_not_read(tmp_path: Path):
    """Jekyll reads no folder named _... but _posts, the collections it outputs and what the
    config's include names, and none of the paths its exclude names (a glob, a folder, or a path
    the file's starts with; include wins): those files were articles. Each is skipped, saying why,
    and the counts add up. The config's paths are from the site's root, read from below it too."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Blog\ninclude: [_pages, _kept]\nexclude:\n  - README.md\n  - docs/internal/\n"
                       "  - '*.draft.md'\n  - drafts-old\n  - _kept\n  - blog/_posts/skip*\n",
        "_posts/2024-01-01-welcome.md": "---\ntitle: Welcome\n---\nSee [about](/about/).\n",
        "_pages/about.md": "---\ntitle: About\npermalink: /about/\n---\n",
        "_kept/k.md": "---\ntitle: Kept\n---\n",  # excluded and included: included
        "_templates/post.md": "---\ntitle: '{{ title }}'\n---\n",
        "blog/_posts/2024-02-02-in-blog.md": "---\ntitle: In blog\n---\n",
        "blog/_posts/skip-2024-02-03-x.md": "---\ntitle: Skipped\n---\n",
        "README.md": "---\ntitle: The repository\n---\n",
        "docs/internal/x.md": "---\ntitle: Internal\n---\n",
        "docs/public.md": "---\ntitle: Public\n---\n",
        "docs/wip.draft.md": "---\ntitle: WIP\n---\n",
        "drafts-old/o.md": "---\ntitle: Old\n---\n",
        "drafts-older/o.md": "---\ntitle: Older\n---\n",  # Jekyll: the path starts with drafts-old
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == [
        "_kept/k.md", "_pages/about.md", "_posts/2024-01-01-welcome.md", "blog/_posts/2024-02-02-in-blog.md",
        "docs/public.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == {
        "_templates/post.md": "in _templates/, whose name starts with _: Jekyll does not read it (no collection "
                              "it outputs, not in the config's include)",
        "blog/_posts/skip-2024-02-03-x.md": "excluded by the site's config (exclude: blog/_posts/skip*): not a page",
        "README.md": "excluded by the site's config (exclude: README.md): not a page",
        "docs/internal/x.md": "excluded by the site's config (exclude: docs/internal/): not a page",
        "docs/wip.draft.md": "excluded by the site's config (exclude: *.draft.md): not a page",
        "drafts-old/o.md": "excluded by the site's config (exclude: drafts-old): not a page",
        "drafts-older/o.md": "excluded by the site's config (exclude: drafts-old): not a page",
    }
    assert result.detection is not None and "not read, as Jekyll does not: _templates/" in result.detection.reason
    below = load_corpus(site / "docs", preset="jekyll")  # the config above: its paths from the site's root
    assert sorted(a.path for a in below.articles) == ["public.md"]
    kg = qagraph.build(site)
    assert kg.counts["files"] == kg.counts["articles"] + kg.counts["rejected"] + kg.counts["skipped"] == 12
    assert kg.counts.get("stubs", 0) == 0


def test_a_jekyll_exclude_written_from_the_root_leaves_out_its_folder(tmp_path: Path):
    """Jekyll joins an exclude pattern to the site's folder, so ``/docs`` leaves out docs/ as ``docs``
    does: a theme repository (Minimal Mistakes) excludes its own docs and test sites so. The pattern
    matched no path: their posts and pages were read into the theme's site, which publishes none."""
    site = tmp_path / "theme"
    write_site(site, {
        "_config.yml": "title: Theme\ninclude: [_pages]\nexclude:\n  - README\n"
                       "  - /docs # the theme's documentation site\n  - /sample/\n",
        "_pages/about.md": "---\ntitle: About\npermalink: /about/\n---\n",
        "docs/_config.yml": "title: Theme docs\n",
        "docs/_posts/2020-01-02-hello.md": "---\ntitle: Hello\ncategories: [News]\n---\n",
        "docs/_pages/guide.md": "---\ntitle: Guide\npermalink: /guide/\n---\n",
        "sample/index.md": "---\ntitle: Sample\n---\n",
    })
    result = load_corpus(site)
    assert [a.path for a in result.articles] == ["_pages/about.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == {"docs/_posts/2020-01-02-hello.md": "excluded by the site's config (exclude: /docs): not a page",
                   "docs/_pages/guide.md": "excluded by the site's config (exclude: /docs): not a page",
                   "sample/index.md": "excluded by the site's config (exclude: /sample/): not a page"}


def test_a_jekyll_sites_html_pages_with_front_matter_are_pages(tmp_path: Path):
    """Jekyll publishes an HTML file that starts with front matter as a page: a theme's archive pages
    (_pages/portfolio-archive.html at /portfolio/), a home page. They were ignored files, and links to
    them stubs. Its layouts and includes, a collection it does not output, its drafts and an HTML file
    without front matter (copied as it is) are still no pages, and said nowhere."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: S\nbaseurl: /s\ninclude: [_pages]\ncollections:\n  gear:\n    output: true\n"
                       "    permalink: /:collection/:path/\n  notes:\n    output: false\n",
        "_pages/portfolio-archive.html": "---\ntitle: Portfolio\npermalink: /portfolio/\n---\n"
                                         "<div>{% for post in site.gear %}{{ post.title }}{% endfor %}</div>\n"
                                         '<a href="{{ \'/about/\' | relative_url }}">about us</a>\n',
        "_pages/about.md": "---\ntitle: About\npermalink: /about/\n---\nSee the [portfolio]({{ '/portfolio/' | relative_url }}).\n",
        "_gear/tent.html": "--- \nlayout: single\ntitle: Tent\n---\n<p>Light.</p>\n",
        "_notes/n.html": "---\ntitle: Note\n---\n",
        "_layouts/single.html": "---\nlayout: default\n---\n<a href=\"/about/\">about</a>{{ content }}\n",
        "_includes/nav.html": "<a href=\"/portfolio/\">portfolio</a>\n",
        "_drafts/d.html": "---\ntitle: Draft\n---\n",
        "google123.html": "google-site-verification: google123.html\n",
        "index.html": "\ufeff---\nlayout: home\ntitle: Home\n---\n",
    })
    kg = qagraph.build(site)
    assert kg.counts["files"] == 4 and kg.counts["skipped"] == 0 and kg.counts.get("stubs", 0) == 0
    urls = {kg.graph.nodes[n]["path"]: kg.graph.nodes[n]["url"] for n in kg.articles}
    assert urls == {"_gear/tent.html": "/gear/tent/", "_pages/about.md": "/about/",
                    "_pages/portfolio-archive.html": "/portfolio/", "index.html": "/"}
    assert kg.related("_pages/about") == [kg.article("_pages/portfolio-archive")]
    assert kg.related("_pages/portfolio-archive") == [kg.article("_pages/about")]


def test_a_repository_whose_site_leaves_out_its_docs_site_says_to_read_that_folder(tmp_path: Path):
    """A theme's repository publishes nothing of its own: its root config excludes the docs site,
    which has a config of its own. The line said to try another preset, which reads nothing either;
    it names the folder to read."""
    import qagraph

    site = tmp_path / "theme"
    write_site(site, {
        "_config.yml": "title: Theme\nexclude: [README, /docs]\n",
        "README.md": "# The theme\n",
        "docs/_config.yml": "title: Theme docs\n",
        "docs/_posts/2020-01-02-hello.md": "---\ntitle: Hello\n---\n",
    })
    line = nothing_loaded(load_corpus(site))
    assert line is not None and f"; docs/ is a site of its own (docs/_config.yml): read it with -c {site / 'docs'};" in line
    report = qagraph.build(site, out=tmp_path / "out", outputs=["report"]).report()
    assert "read it with -c" not in (nothing_loaded(report) or "")
    assert f"read it with -c {site / 'docs'};" in (nothing_loaded(report, site) or "")
    assert nothing_loaded(load_corpus(site / "docs")) is None


DENDRON = {
    "root.md": "---\nid: root\ntitle: root\ndesc: ''\nupdated: 1704412800000\ncreated: 1704412800000\n---\n"
               "Start at [[python]] or [[rust]].\n",
    "python.md": "---\nid: a1\ntitle: Python\ndesc: The language\nupdated: 1704412800000\ncreated: 1704412800000\n"
                 "---\nSee [[python.asyncio]].\n",
    "python.asyncio.md": "---\nid: a2\ntitle: Asyncio\ndesc: ''\nupdated: 1704412800000\ncreated: 1704412800000\n"
                         "---\nIts [[tasks|python.asyncio.tasks]]; compare [[dendron://notes/rust.ownership]].\n",
    "python.asyncio.tasks.md": "---\nid: a3\ntitle: Tasks\ndesc: ''\nupdated: 1704412800000\n"
                               "created: 1704412800000\n---\nBack to [[python.asyncio]].\n",
    "rust.md": "---\nid: b1\ntitle: Rust\ndesc: ''\nupdated: 1704412800000\ncreated: 1704412800000\n---\n"
               "[[rust.ownership]]\n",
    "rust.ownership.md": "---\nid: b2\ntitle: Ownership\ndesc: ''\nupdated: 1704412800000\n"
                         "created: 1704412800000\n---\nUnlike [[python]].\n",
}


@pytest.mark.parametrize("layout", ["vault", "workspace", "workspace-root"])
def test_a_dendron_vault_files_its_notes_under_their_hierarchy_s_top(tmp_path: Path, layout: str):
    """Dendron names a note by its place in a hierarchy (python.asyncio.tasks.md) in a flat vault: its
    notes were all Uncategorised (no subject field, no folder), or all filed under the vault's folder
    read from the workspace. A note's subject is the top of its name; links by name, with a label and
    into a vault (dendron://notes/...) resolve. Recognised by dendron.yml above the vault or beside it
    (the workspace), or without it by Dendron's own fields and its root note."""
    import qagraph

    vault = tmp_path / "ws" / "notes"
    for name, text in DENDRON.items():
        write_article(vault, name, text)
    if layout != "vault":
        write_article(tmp_path / "ws", "dendron.yml", "version: 5\nworkspace:\n  vaults:\n    - fsPath: notes\n")
    folder = tmp_path / "ws" if layout == "workspace-root" else vault
    result = load_corpus(folder)
    assert result.detection is not None and "a Dendron vault" in result.detection.reason
    prefix = "notes/" if layout == "workspace-root" else ""
    by = {a.key.removeprefix(prefix): a for a in result.articles}
    assert {key: a.subject for key, a in by.items()} == {
        "root": "Uncategorised", "python": "Python", "python.asyncio": "Python", "python.asyncio.tasks": "Python",
        "rust": "Rust", "rust.ownership": "Rust"}
    assert by["python"].description == "The language" and by["python"].title == "Python"
    assert_every_file_accounted_for(result)
    kg = qagraph.build(folder)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related(prefix + "python.asyncio") == [f"article:{prefix}python.asyncio.tasks",
                                                     f"article:{prefix}rust.ownership"]


@pytest.mark.parametrize("layout", ["vault", "workspace-root"])
def test_a_file_in_a_folder_of_a_dendron_vault_is_no_note(tmp_path: Path, layout: str):
    """Dendron reads the files at the top of each vault its dendron.yml names, none in a vault's folders
    (a vault is flat: its hierarchy is in the names): a note kept in ``archive/`` or a file of ``assets/``
    is no note, skipped saying why. Such a file was a note, filed under its own name's top (Old)."""
    vault = tmp_path / "ws" / "notes"
    for name, text in {**DENDRON, "archive/python.old.md": DENDRON["python.md"].replace("a1", "z9"),
                       "assets/files/links.md": "[a page](https://example.org/)\n"}.items():
        write_article(vault, name, text)
    write_article(tmp_path / "ws", "dendron.yml", "version: 5\nworkspace:\n  vaults:\n    - fsPath: notes\n")
    folder = tmp_path / "ws" if layout == "workspace-root" else vault
    result = load_corpus(folder)
    prefix = "notes/" if layout == "workspace-root" else ""
    assert sorted(a.key.removeprefix(prefix) for a in result.articles) == sorted(n[:-3] for n in DENDRON)
    why = {p.path: p.message for p in result.problems}
    assert why[f"{prefix}archive/python.old.md"] == why[f"{prefix}assets/files/links.md"] == (
        "in a folder of a Dendron vault: not a note (Dendron reads the files at a vault's top)")
    assert_every_file_accounted_for(result)


def test_a_self_contained_dendron_vault_s_notes_are_in_its_notes_folder(tmp_path: Path):
    """A self-contained vault (``fsPath: .``, ``selfContained: true``, Dendron's layout since 0.9x) keeps its
    notes in its ``notes/`` folder, which Dendron reads; its folders' files are none."""
    vault = tmp_path / "vault"
    for name, text in {**DENDRON, "assets/links.md": "[a page](https://example.org/)\n"}.items():
        write_article(vault / "notes", name, text)
    write_article(vault, "dendron.yml", "version: 5\nworkspace:\n  vaults:\n    - fsPath: .\n      selfContained: true\n"
                                        "      name: Notes\n")
    result = load_corpus(vault)
    assert sorted(a.key for a in result.articles) == sorted(f"notes/{n[:-3]}" for n in DENDRON)
    assert {a.subject for a in result.articles} == {"Uncategorised", "Python", "Rust"}
    assert [p.path for p in result.problems] == ["notes/assets/links.md"]


def test_a_logseq_page_s_subject_is_its_namespace_and_its_tags_are_page_names(tmp_path: Path):
    """Logseq keeps every page in one folder, pages/: every page of a graph was in one subject, Pages.
    A page's subject is now the top of its namespace (Python/Asyncio: Python), a journal page's
    Journals, any other page's Uncategorised. Tags written as page references (tags:: [[data
    science]], as Logseq's autocompletion writes them, and #[[deep work]] in the text) were keywords
    with their brackets, or none; a journal page is dated by its file's name."""
    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": "{:meta/version 1\n :preferred-format :markdown\n :file/name-format :triple-lowbar}\n",
        "pages/contents.md": "- [[Logseq]]\n- [[Python/Asyncio]]\n",
        "pages/Logseq.md": "alias:: LS\ntags:: tools, pkm\n\n- An outliner.\n",
        "pages/Python___Asyncio.md": "tags:: [[python]], #concurrency\n\n- the event loop #[[deep work]] #focus\n",
        "pages/Python%2FTyping.md": "title:: Python/Typing\ntags:: [[data science]]\n\n- gradual typing\n",
        "journals/2024_01_05.md": "- Started with [[Logseq]]\n",
        "pages/notes_ideas.md": "title:: Notes/Ideas\n\n- a page its title:: names, in that title's namespace\n",
    })
    by = {a.key: a for a in load_corpus(graph).articles}
    assert {key: (a.subject_slug, a.subject) for key, a in by.items()} == {
        "pages/contents": ("uncategorised", "Uncategorised"), "pages/Logseq": ("uncategorised", "Uncategorised"),
        "pages/Python___Asyncio": ("python", "Python"), "pages/Python%2FTyping": ("python", "Python"),
        "journals/2024_01_05": ("journals", "Journals"), "pages/notes_ideas": ("notes", "Notes")}
    assert by["pages/Python___Asyncio"].keywords == ("python", "concurrency", "deep work", "focus")
    assert by["pages/Python%2FTyping"].keywords == ("data science",)
    assert by["journals/2024_01_05"].date == "2024-01-05" and by["pages/Logseq"].date is None


def test_an_obsidian_vault_s_hash_before_a_wiki_link_is_a_link_not_a_tag(tmp_path: Path):
    """A vault moved from Roam keeps its tags as Roam's export writes them, #[[📦 Projects]]: in
    Obsidian that is a # and a link to the note, no tag (a tag holds no brackets), and Obsidian's tag
    pane has none. They were keywords (📦 projects) as in a Logseq graph; they are links only now."""
    vault = tmp_path / "vault"
    write_site(vault, {
        ".obsidian/app.json": "{}\n",
        "Articles/Shipped Post.md": "- **Type:** #[[__ 📦 Projects]] #[[Done]] | [[Outline Notes]] #writing\n",
        "Done.md": "# Done\n",
    })
    by = {a.key: a for a in load_corpus(vault).articles}
    assert by["Articles/Shipped Post"].keywords == ("writing",)
    kg = build(vault)
    assert kg.related("Articles/Shipped Post") == ["article:__ 📦 Projects", "article:Done", "article:Outline Notes"]
    assert {n for n, d in kg.graph.nodes(data=True) if d["kind"] == "keyword"} == {"keyword:writing"}


def test_a_logseq_journal_page_is_titled_as_logseq_shows_it_and_links_by_that_title_reach_it(tmp_path: Path):
    """Logseq shows journals/2024_01_05.md as "Jan 5th, 2024" (its default title format) and
    [[Jan 5th, 2024]] is that page: such links were stubs beside the journal page, titled 2024_01_05.
    A graph's config.edn may name another title format, file-name format or folder; a format with
    letters that are no date's leaves journals titled by their file names. A patched build after the
    config changed is the build a cold one makes."""
    import qagraph
    from test_pipeline import database_rows, outputs_of

    graph = tmp_path / "graph"
    write_site(graph, {
        "logseq/config.edn": "{:meta/version 1\n ;; :journal/page-title-format \"yyyy-MM-dd\"\n}\n",
        "journals/2024_01_05.md": "- Learned [[Rust]] today\n",
        "journals/2024_01_22.md": "- More [[Rust]]\n",
        "pages/Rust.md": "tags:: programming\n\n- First on [[Jan 5th, 2024]], then [[jan 22nd, 2024]]; "
                         "[[Friday, 05.01.2024]]\n",
    })
    titles = {a.key: a.title for a in load_corpus(graph).articles}
    assert titles == {"journals/2024_01_05": "Jan 5th, 2024", "journals/2024_01_22": "Jan 22nd, 2024",
                      "pages/Rust": "Rust"}
    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(graph, out=out)
    assert kg.related("pages/Rust") == ["article:journals/2024_01_05", "article:journals/2024_01_22",
                                        "article:Friday, 05.01.2024"]
    config = graph / "logseq" / "config.edn"
    config.write_text('{:meta/version 1\n :journal/page-title-format "EEEE, dd.MM.yyyy"\n'
                      ' :journal/file-name-format "yyyy_MM_dd"}\n')
    assert {a.title for a in load_corpus(graph).articles} == {"Friday, 05.01.2024", "Monday, 22.01.2024", "Rust"}
    patched = qagraph.build(graph, out=out)
    assert not patched.build_info.up_to_date
    assert patched.related("pages/Rust") == ["article:Jan 5th, 2024", "article:jan 22nd, 2024",
                                             "article:journals/2024_01_05"]
    qagraph.build(graph, out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)
    config.write_text('{:journal/page-title-format "dd MMM yyyy HH:mm"}\n')
    result = load_corpus(graph)
    assert {a.title for a in result.articles} == {"2024_01_05", "2024_01_22", "Rust"}
    assert result.detection is not None and "journal pages titled by their file names" in result.detection.reason


def test_a_notion_database_row_s_properties_are_its_keywords_and_subject_not_its_text(tmp_path: Path):
    """A Notion export writes a database row's properties as ``Key: value`` lines under its ``# Title``:
    they were read as the page's text, so no page had a keyword and Tags: ci read as words of the
    answer. Now Tags are keywords, Category the subject (else the folder), Created the date, a
    relation a link, and the text what follows; a URL property (two rows may share one) is no
    identity. Only in a Notion export: a generic folder's page keeps such lines as text."""
    import qagraph

    export = tmp_path / "export"
    wiki = "Wiki 8a1f3c2d9e7b4a6c8d0e1f2a3b4c5d6e"
    tasks = f"{wiki}/Tasks 1b2c3d4e5f60718293a4b5c6d7e8f901"
    rows = {
        f"{wiki}.md": "# Wiki\n\nSee [Tasks](Wiki%208a1f3c2d9e7b4a6c8d0e1f2a3b4c5d6e/Tasks%201b2c3d4e5f60718293a4b5c6d7e8f901.md).\n",
        f"{tasks}.md": "# Tasks\n\nEvery task of the team.\n",
        f"{tasks}/Deploy the site 0a1b2c3d4e5f60718293a4b5c6d7e8f9.md":
            "# Deploy the site\n\nCategory: Operations\nTags: ci, Machine Learning\nCreated: January 5, 2024 3:04 PM\n"
            "Status: Done\nURL: https://example.org/ops\n"
            "Blocked by: Write docs (Write%20docs%20c0ffee11223344556677889900aabbcc.md)\n\nRun the pipeline.\n",
        f"{tasks}/Write docs c0ffee11223344556677889900aabbcc.md":
            "# Write docs\n\nTags: docs\nURL: https://example.org/ops\n\nWrite them.\n",
    }
    for name, text in rows.items():
        write_article(export, name, text)
    result = load_corpus(export)
    assert result.fields.notion_properties and not [p for p in result.problems if p.severity != SKIPPED]
    by = {a.title: a for a in result.articles}
    deploy, docs = by["Deploy the site"], by["Write docs"]
    assert (deploy.subject, deploy.keywords, deploy.date, deploy.body) == (
        "Operations", ("ci", "Machine Learning"), "2024-01-05T15:04:00", "Run the pipeline.")
    assert deploy.extra == {"status": "Done", "url": "https://example.org/ops",
                            "blocked by": "Write docs (Write%20docs%20c0ffee11223344556677889900aabbcc.md)"}
    assert (docs.subject, docs.keywords, docs.body) == ("Wiki", ("docs",), "Write them.")
    assert by["Tasks"].body == "# Tasks\n\nEvery task of the team."  # a page without properties: as it was
    assert_every_file_accounted_for(result)
    out, cold = tmp_path / "out", tmp_path / "cold"
    kg = qagraph.build(export, out=out)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related(deploy.key) == [f"article:{docs.key}"]
    write_article(export, f"{tasks}/Write docs c0ffee11223344556677889900aabbcc.md",
                  "# Write docs\n\nCategory: Writing\nTags: docs, ci\n\nWrite them.\n")
    assert qagraph.build(export, out=out).build_info.incremental
    qagraph.build(export, out=cold, cache=False)
    from test_pipeline import database_rows, outputs_of

    assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)
    plain = tmp_path / "plain"  # the same lines in a folder that is no Notion export: text
    write_article(plain, "deploy.md", rows[f"{tasks}/Deploy the site 0a1b2c3d4e5f60718293a4b5c6d7e8f9.md"])
    write_article(plain, "other.md", "# Other\n\nText.\n")
    page = load_corpus(plain, preset="generic").articles[0]
    assert page.keywords == () and "Tags: ci" in page.body


def test_no_article_files_names_the_hidden_folders_it_could_not_count():
    """A hidden folder whose count is unknown (it could not be read) is not said to hold none."""
    from qagraph.presets import no_article_files

    report = {"source": "site", "counts": {"files": 0, "ignored_files": 0},
              "hidden": [[".drafts", 2], [".sealed", None], [".empty", 0]]}
    assert no_article_files(report) == ("no article file (.md) in site: 2 in hidden folders, which are not read "
                                        "(.drafts); an unknown number in hidden folders that cannot be read "
                                        "(.sealed); is it the content folder?")


HEXO_CONFIG = ("# Hexo Configuration\ntitle: Hexo\nurl: http://example.com\npermalink: :year/:month/:day/:title/\n"
               "source_dir: source\npublic_dir: public\nnew_post_name: :title.md # File name of new posts\n"
               "default_layout: post\nrender_drafts: false\npost_asset_folder: false\ntheme: landscape\n")
HEXO_SITE = {
    "_config.yml": HEXO_CONFIG,
    "package.json": '{"name": "hexo-site", "hexo": {"version": "7.3.0"}, "dependencies": {"hexo": "^7.3.0"}}',
    "scaffolds/post.md": "---\ntitle: {{ title }}\ndate: {{ date }}\ntags:\n---\n",
    "scaffolds/page.md": "---\ntitle: {{ title }}\ndate: {{ date }}\n---\n",
    "themes/landscape/README.md": "# Landscape\n\nA brand new default theme for [Hexo](https://hexo.io).\n",
    "README.md": "# My blog\n",
    "source/_posts/hello-world.md": "---\ntitle: Hello World\n---\nWelcome to [Hexo](https://hexo.io/)!\n",
    "source/_posts/python-tips.md": "---\ntitle: Python Tips\ndate: 2024-01-05 10:00:00\ntags:\n  - python\n"
                                    "categories:\n  - Programming\n  - Python\n---\n"
                                    "See {% post_link hello-world %} and [rust](/2024/02/01/rust-intro/).\n",
    "source/_posts/rust-intro.md": "---\ntitle: Rust Intro\ndate: 2024-02-01 09:00:00\ntags: [rust, systems]\n"
                                   "categories: Programming Languages\n---\n"
                                   "Back to [python](http://example.com/2024/01/05/python-tips/) and [about](/about/).\n",
    "source/_drafts/wip.md": "---\ntitle: Work in progress\n---\n",
    "source/_partial/x.md": "---\ntitle: X\n---\n",
    "source/about/index.md": "---\ntitle: About\n---\nAbout me. {% post_path rust-intro %}\n",
}


def test_a_hexo_site_is_no_jekyll_site(tmp_path: Path):
    """Hexo's _config.yml made the site a Jekyll site read from its root: the scaffolds (templates of new
    posts, titled {{ title }}) and the theme's README were articles, every page outside a category was
    filed under "Source", and links to the posts' urls (Hexo's permalink, dated by the front matter)
    and post_link tags were stubs. Its pages are those of source/, published as Hexo publishes them."""
    import qagraph

    for name, text in HEXO_SITE.items():
        write_article(tmp_path / "site", name, text)
    result = load_corpus(tmp_path / "site")
    assert result.detection is not None and result.detection.preset == "jekyll"
    assert "a Hexo site" in result.detection.reason
    by = {a.path: a for a in result.articles}
    assert sorted(by) == ["source/_posts/hello-world.md", "source/_posts/python-tips.md",
                          "source/_posts/rust-intro.md", "source/about/index.md"]
    assert sorted(result.skipped) == ["README.md", "scaffolds/page.md", "scaffolds/post.md", "source/_drafts/wip.md",
                                      "source/_partial/x.md", "themes/landscape/README.md"]
    assert not [p for p in result.problems if p.severity != SKIPPED]
    assert by["source/_posts/python-tips.md"].url == "/2024/01/05/python-tips/"
    assert by["source/_posts/rust-intro.md"].subject == "Programming Languages"  # a category is one name
    assert by["source/_posts/python-tips.md"].subject == "Programming"
    assert by["source/about/index.md"].subject == "About"
    assert_every_file_accounted_for(result)
    kg = qagraph.build(tmp_path / "site", out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    key = {a.path: a.key for a in result.articles}
    assert kg.related(key["source/_posts/python-tips.md"]) == [
        kg.article(key["source/_posts/hello-world.md"]), kg.article(key["source/_posts/rust-intro.md"])]
    assert kg.related(key["source/_posts/rust-intro.md"]) == [
        kg.article(key["source/_posts/python-tips.md"]), kg.article(key["source/about/index.md"])]
    assert kg.related(key["source/about/index.md"]) == [kg.article(key["source/_posts/rust-intro.md"])]


@pytest.mark.parametrize("pretty", [None, "pretty_urls:\n  trailing_index: false\n  trailing_html: false\n"])
def test_a_hexo_page_is_published_at_its_path_as_hexo_renders_it(tmp_path: Path, pretty: str | None):
    """A Hexo page (a file of the source folder outside _posts/) is rendered at its path as .html
    (``about/index.md`` at ``/about/index.html``, ``faq.md`` at ``/faq.html``), or where its ``permalink``
    says (``/team/``: ``/team/index.html``); the config's ``pretty_urls`` leave out a trailing
    ``index.html`` and ``.html``. Hexo's pages had no url at all, and links to ``/faq.html`` were stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Hexo\nurl: https://blog.example.com\npermalink: :year/:month/:day/:title/\n"
                       "new_post_name: :title.md\n" + (pretty or ""),
        "source/_posts/hello.md": "---\ntitle: Hello\ndate: 2023-01-02\n---\n[faq](/faq.html) [about](/about/) "
                                  "[team](https://blog.example.com/team/)\n",
        "source/about/index.md": "---\ntitle: About\n---\nAbout.\n",
        "source/faq.md": "---\ntitle: FAQ\n---\nQuestions.\n",
        "source/people.md": "---\ntitle: Team\npermalink: /team/\n---\nPeople.\n",
        "source/odd.md": "---\ntitle: Odd\npermalink: 5\n---\nA number is no permalink.\n",
    })
    result = load_corpus(site)
    urls = {a.path: a.url for a in result.articles}
    assert urls.pop("source/odd.md") == ("/odd.html" if pretty is None else "/odd")
    assert urls == ({"source/_posts/hello.md": "/2023/01/02/hello/", "source/about/index.md": "/about/index.html",
                     "source/faq.md": "/faq.html", "source/people.md": "/team/index.html"} if pretty is None else
                    {"source/_posts/hello.md": "/2023/01/02/hello/", "source/about/index.md": "/about/",
                     "source/faq.md": "/faq", "source/people.md": "/team/"})
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("source/_posts/hello.md") == [
        kg.article("source/faq.md"), kg.article("source/about/index.md"), kg.article("source/people.md")]


@pytest.mark.parametrize("post_name", [":title.md", ":year-:month-:day-:title.md"])
def test_a_hexo_post_s_url_is_made_as_hexo_makes_it(tmp_path: Path, post_name: str):
    """Hexo reads a post's path below ``_posts/`` by the config's ``new_post_name`` (hexo's post processor,
    ``parseFilename``): its ``:title`` is the post's slug, the whole name by the default ``:title.md``
    (``2019-03-10-hello.md`` is ``2019-03-10-hello``, dated by its ``date``), ``hello`` by
    ``:year-:month-:day-:title.md``, which dates it too. Its ``post_permalink`` filter gives ``:post_title``
    the ``title`` field slugged lower-case, ``:category`` the last category's slug below its parents', or
    ``default_category``; every other field of the post is a placeholder, ``permalink_defaults`` standing for
    those it has not. A dated name was read as Jekyll's whatever ``new_post_name`` said, and ``:category``,
    ``:post_title`` and a field's placeholder were left in the url as written, every link by the url a stub."""
    import qagraph

    site = tmp_path / "site"
    hello = "2019-03-10-hello" if post_name == ":title.md" else "hello"
    write_site(site, {
        "_config.yml": f"title: Hexo\nurl: https://b.example.com\nnew_post_name: {post_name}\n"
                       "permalink: :lang/:category/:title/\npermalink_defaults:\n  lang: en\n",
        "source/_posts/2019-03-10-hello.md": "---\ntitle: Hello\ndate: 2020-05-06\n---\n[b](/fr/Tech/Web-Dev/b/)\n",
        "source/_posts/b.md": "---\ntitle: B\ndate: 2020-01-01\nlang: fr\ncategories: [Tech, Web Dev]\n---\n"
                              f"[hello](/en/uncategorized/{hello}/)\n",
    })
    result = load_corpus(site)
    urls = {a.path: a.url for a in result.articles}
    assert urls["source/_posts/2019-03-10-hello.md"] == f"/en/uncategorized/{hello}/"
    assert urls["source/_posts/b.md"] == "/fr/Tech/Web-Dev/b/"
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("source/_posts/b.md") == [kg.article("source/_posts/2019-03-10-hello.md")]
    assert post_permalink("source/_posts/c.md", ":year/:post_title/", {"title": "Hello World, Again!", "date": "2021-02-03"},
                          hexo=result.fields) == "/2021/hello-world-again/"


def test_a_hexo_post_s_own_permalink_is_a_url_from_the_site_s_root(tmp_path: Path):
    """A Hexo post's own ``permalink`` is its url, a ``/`` put before it where it has none (hexo's
    post_permalink filter: ``if (!__permalink.startsWith('/')) return `/${__permalink}```), a folder's where it
    ends in ``/``; a page's relative links are read by the browser from its url, as Hexo leaves them as written.
    ``custom/path/`` was the url ``custom/path``, which no link names, and ``../../2020/b/`` was read from the
    post's file, below ``source/_posts/``."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Hexo\nurl: https://b.example.com\npermalink: :year/:title/\nnew_post_name: :title.md\n",
        "source/_posts/a.md": "---\ntitle: A\ndate: 2020-01-01\npermalink: custom/path/\n---\n[b](../../2020/b/)\n",
        "source/_posts/b.md": "---\ntitle: B\ndate: 2020-01-01\n---\n[a](/custom/path/)\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {"source/_posts/a.md": "/custom/path/",
                                                         "source/_posts/b.md": "/2020/b/"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("source/_posts/a.md") == [kg.article("source/_posts/b.md")]


@pytest.mark.parametrize(("permalink", "expected"), [(":title/", "/hello-world/"), (":year/:title/", None)])
def test_a_hexo_post_without_a_date_is_placed_by_a_permalink_without_one(tmp_path: Path, permalink: str,
                                                                         expected: str | None):
    """A Hexo post without a date field (Hexo's own sample post, ``hello-world.md``) is dated by its file's creation,
    which a copy of the site does not keep: a permalink that names no part of the date (``:title/``) still places
    it, one that does (``:year/:title/``) cannot be told. Every such post had no url."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": f"title: Hexo\nurl: https://b.example.com\npermalink: {permalink}\nnew_post_name: :title.md\n",
        "source/_posts/hello-world.md": "---\ntitle: Hello World\nyear: 1999\n---\nWelcome.\n",
    })
    assert [a.url for a in load_corpus(site).articles] == [expected]


def test_a_hexo_post_link_finds_the_post_by_its_slug_else_its_title(tmp_path: Path):
    """Hexo's ``{% post_link x %}`` and ``{% post_path x %}`` find the post whose slug is ``x``, else whose title
    is (hexo's tag/post_link.ts: ``factory({ slug }) || factory({ title: slug })``), the slug being what the
    config's ``new_post_name`` reads from the file's name (``hello`` of ``2019-03-10-hello.md`` by
    ``:year-:month-:day-:title.md``); a quoted argument is one, spaces and all (``'Hello There'``), as Nunjucks
    reads it. Such links were stubs: a post was found by its file's name only, and a title by its first word."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Hexo\nurl: https://b.example.com\npermalink: :year/:title/\n"
                       "new_post_name: :year-:month-:day-:title.md\n",
        "source/_posts/2019-03-10-hello.md": "---\ntitle: Hello There\n---\n{% post_link 'Other' 'its title' %}\n",
        "source/_posts/2019-03-11-other.md": "---\ntitle: Other\n---\n{% post_path hello %}\n",
        "source/about/index.md": "---\ntitle: About\n---\n{% post_link \"Hello There\" %}\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("source/_posts/2019-03-10-hello.md") == [kg.article("source/_posts/2019-03-11-other.md")]
    assert kg.related("source/_posts/2019-03-11-other.md") == [kg.article("source/_posts/2019-03-10-hello.md")]
    assert kg.related("source/about/index.md") == [kg.article("source/_posts/2019-03-10-hello.md")]


def test_a_hexo_post_in_several_categories_is_filed_under_the_first(tmp_path: Path):
    """Hexo files a post under several categories by a list of hierarchies (``categories: [[Tech, Hexo],
    [Notes]]``: Tech > Hexo, and Notes): such a post had no subject at all ("Uncategorised"), without a
    word. Its first hierarchy's top is its subject; the other categories are its keywords, as a single
    hierarchy's lower ones are."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Hexo\nurl: https://blog.example.com\nnew_post_name: :title.md\n",
        "source/_posts/second.md": "---\ntitle: Second\ndate: 2023-02-03\ntags: [hexo]\ncategories:\n"
                                   "- [Tech, Hexo]\n- [Notes]\n---\nText.\n",
        "source/_posts/first.md": "---\ntitle: First\ndate: 2023-01-02\ncategories:\n- Diary\n- Life\n---\nText.\n",
    })
    result = load_corpus(site)
    by = {a.path: a for a in result.articles}
    assert (by["source/_posts/second.md"].subject, by["source/_posts/second.md"].keywords) == ("Tech", ("hexo", "Notes"))  # Hexo, the tag hexo already
    assert (by["source/_posts/first.md"].subject, by["source/_posts/first.md"].keywords) == ("Diary", ("Life",))
    assert not [p for p in result.problems if p.severity != SKIPPED]


def test_a_hexo_site_reads_what_hexo_reads(tmp_path: Path):
    """Hexo reads no page from a file or folder named _... (a post's too: _posts/_notes.md), unless the
    config's include names it, nor from what its exclude names (posts aside), what its skip_render
    names (copied as it is) and what its ignore names (globs of absolute paths: **/private). They
    were articles, but for the _... folders outside _posts/ (which include could not bring back)."""
    config = ("new_post_name: :title.md\ninclude:\n  - _css/*\nexclude:\n  - js/*\n  - _posts/kept.md\n"
              "skip_render: [demo/**, _posts/raw.md]\nignore:\n  - '**/private'\n  - source/tmp\n")
    write_site(tmp_path / "site", {
        "_config.yml": config,
        "source/_posts/hello.md": "---\ntitle: Hello\n---\n",
        "source/_posts/kept.md": "---\ntitle: Kept, exclude is not for posts\n---\n",
        "source/_posts/_notes.md": "---\ntitle: Notes\n---\n",
        "source/_posts/_archive/old.md": "---\ntitle: Old\n---\n",
        "source/_posts/raw.md": "---\ntitle: Raw\n---\n",
        "source/_hidden.md": "---\ntitle: Hidden\n---\n",
        "source/about/index.md": "---\ntitle: About\n---\n",
        "source/about/_partial.md": "---\ntitle: Partial\n---\n",
        "source/_css/typing.md": "---\ntitle: Typing\n---\n",
        "source/_css/more/deeper.md": "---\ntitle: Deeper, not in _css/*\n---\n",
        "source/js/test.md": "---\ntitle: Test\n---\n",
        "source/js/lib/doc.md": "---\ntitle: Doc, not in js/*\n---\n",
        "source/demo/page.md": "---\ntitle: Demo\n---\n",
        "source/notes/private/secret.md": "---\ntitle: Secret\n---\n",
        "source/tmp/scratch.md": "---\ntitle: Scratch, not an absolute path\n---\n",
    })
    result = load_corpus(tmp_path / "site")
    assert sorted(a.path for a in result.articles) == [
        "source/_css/typing.md", "source/_posts/hello.md", "source/_posts/kept.md", "source/about/index.md",
        "source/js/lib/doc.md", "source/tmp/scratch.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["source/_posts/_notes.md"] == "_notes.md starts with _: Hexo reads no post from it"
    assert why["source/_posts/_archive/old.md"] == "_archive starts with _: Hexo reads no post from it"
    assert why["source/_hidden.md"] == why["source/about/_partial.md"].replace("_partial", "_hidden") == (
        "_hidden.md starts with _: Hexo does not read it (only _posts/, and what the config's include names)")
    assert why["source/_css/more/deeper.md"].startswith("_css starts with _: Hexo does not read it")
    assert why["source/js/test.md"] == "excluded by the site's config (exclude: js/*): not a page"
    assert why["source/demo/page.md"] == "copied as it is, not rendered (the config's skip_render: demo/**): not a page"
    assert why["source/_posts/raw.md"] == ("copied as it is, not rendered (the config's skip_render: _posts/raw.md): "
                                           "not a page")
    assert why["source/notes/private/secret.md"] == "excluded by the site's config (ignore: **/private): not a page"
    assert result.detection is not None and ("not read, as Hexo does not: files and folders named _... (but _posts/, "
                                             "and what the config's include names), the config's exclude, the "
                                             "config's skip_render, the config's ignore") in result.detection.reason
    assert_every_file_accounted_for(result)


def test_undated_posts_on_a_folder_that_is_no_hexo_site_skips_nothing(tmp_path: Path):
    """--field undated_posts=yes (a post's url by its date field) on a plain folder made it read as a
    Hexo site: every file and folder named _... was skipped. Hexo's rules are for a Hexo site only."""
    for name in ["a.md", "_b.md", "_notes/c.md", "_posts/_d.md"]:
        write_article(tmp_path, name, f"---\ntitle: {name}\ndate: 2024-01-02\n---\n")
    result = load_corpus(tmp_path, overrides={"undated_posts": "yes"})
    assert result.fields.undated_posts and not result.fields.hexo
    assert sorted(a.path for a in result.articles) == ["_b.md", "_notes/c.md", "_posts/_d.md", "a.md"]
    assert_every_file_accounted_for(result)


def test_a_hexo_site_s_globs_are_read_as_micromatch_reads_them(tmp_path: Path):
    """Hexo's include and exclude are micromatch globs: a leading ./ is the source folder's, {a,b} is
    either, [Rr] a class; and include brings back a _... file below _posts/ (as a page). ./js/** and
    {demo,private}/* left out nothing (their pages were articles), ./_css/** and _posts/** brought
    nothing back."""
    config = ('new_post_name: :title.md\ninclude:\n  - "./_css/**"\n  - "_posts/**"\n'
              'exclude:\n  - "./js/**"\n  - "{demo,private}/*"\n  - "[Rr]eadme*"\n')
    write_article(tmp_path / "site", "_config.yml", config)
    for name in ["_posts/p1.md", "_posts/_x.md", "_posts/_hidden/p2.md", "_css/c.md", "_notes/n.md", "js/b/c.md",
                 "demo/e.md", "private/pv.md", "a/private/pv2.md", "Readme2.md", "README.md", "about.md"]:
        write_article(tmp_path / "site", "source/" + name, f"---\ntitle: {name}\ndate: 2020-01-02\n---\n")
    result = load_corpus(tmp_path / "site")
    assert sorted(a.path.removeprefix("source/") for a in result.articles) == [
        "README.md", "_css/c.md", "_posts/_hidden/p2.md", "_posts/_x.md", "_posts/p1.md", "a/private/pv2.md",
        "about.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["source/demo/e.md"] == "excluded by the site's config (exclude: {demo,private}/*): not a page"
    assert why["source/js/b/c.md"] == "excluded by the site's config (exclude: js/**): not a page"
    assert why["source/Readme2.md"] == "excluded by the site's config (exclude: [Rr]eadme*): not a page"
    assert_every_file_accounted_for(result)


def test_the_javascript_tools_ignore_globs_read_braces_and_classes(tmp_path: Path):
    """An .eleventyignore's {drafts,old}/** and [Tt]odo.md (micromatch's braces and classes, as
    Eleventy, Quartz, VitePress and Hexo read globs) named no file: their pages were articles."""
    write_site(tmp_path / "site", {
        ".eleventy.js": 'module.exports = c => ({dir: {input: "src"}});',
        "src/.eleventyignore": "{drafts,old}/**\n**/[Tt]odo.md\n",
        "src/index.md": "---\ntitle: Home\n---\n",
        "src/drafts/a.md": "---\ntitle: A\n---\n",
        "src/old/b.md": "---\ntitle: B\n---\n",
        "src/notes/todo.md": "---\ntitle: To do\n---\n",
        "src/notes/{drafts,old}.md": "---\ntitle: Braces\n---\n",
    })
    result = load_corpus(tmp_path / "site")
    assert sorted(a.path for a in result.articles) == ["src/index.md", "src/notes/{drafts,old}.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["src/notes/todo.md"] == "excluded by the site's src/.eleventyignore (**/[Tt]odo.md): not a page"
    assert_every_file_accounted_for(result)


PELICAN_SITE = {
    "pelicanconf.py": 'AUTHOR = "Jane"\nSITENAME = "My Site"\nSITEURL = ""\n\nPATH = "content"\n\nTIMEZONE = "Europe/Rome"\n',
    "publishconf.py": 'import os\nimport sys\nsys.path.append(os.curdir)\nfrom pelicanconf import *\n\n'
                      'SITEURL = "https://example.com"\nRELATIVE_URLS = False\n',
    "README.md": "# My site\n",
    "content/my-super-post.md": "Title: My super title\nDate: 2010-12-03 10:20\nModified: 2010-12-05 19:30\n"
                                "Category: Python\nTags: pelican, publishing\nSlug: my-super-post\n"
                                "Authors: Alexis Metaireau, Conan Doyle\nSummary: Short version for index and feeds\n"
                                "    and feeds\n\nThis is the content. See [other]({filename}/other-post.md), "
                                "[about]({filename}pages/about.md) and [the tag]({tag}pelican).\n",
    "content/other-post.md": "Title: Another post\nDate: 2011-01-01\nCategory: Rust\nTags: rust, publishing\n\n"
                             "Back to [super](|filename|my-super-post.md), "
                             "[abs](https://example.com/my-super-post.html) and [about](/pages/about.html).\n",
    "content/draft-post.md": "Title: A draft\nDate: 2011-01-02\nStatus: draft\n\nDraft.\n",
    "content/pages/about.md": "Title: About\nSummary: About me\n\nAbout page.\n",
}


def test_a_pelican_sites_metadata_lines_are_its_front_matter(tmp_path: Path):
    """Pelican writes a page's metadata as Key: value lines (Python-Markdown's), not YAML: every post was
    titled by its file name, undated, untagged and Uncategorised, its drafts published, and its
    {filename} links were stubs. In a Pelican site (pelicanconf.py), the lines are the front matter."""
    import qagraph

    site = tmp_path / "site"
    for name, text in PELICAN_SITE.items():
        write_article(site, name, text)
    for root in (site, site / "content"):
        result = load_corpus(root)
        assert result.detection is not None and "a Pelican site" in result.detection.reason
        by = {a.path.removeprefix("content/"): a for a in result.articles}
        assert sorted(by) == ["my-super-post.md", "other-post.md", "pages/about.md"]
        post = by["my-super-post.md"]
        assert (post.title, post.subject, post.keywords, post.date, post.description) == (
            "My super title", "Python", ("pelican", "publishing"), "2010-12-03 10:20",
            "Short version for index and feeds and feeds")
        assert post.body.startswith("This is the content.")
        assert by["pages/about.md"].title == "About"
        skipped = {p.path.removeprefix("content/"): p.message for p in result.problems if p.severity == SKIPPED}
        assert skipped["draft-post.md"].startswith("status: draft")
        assert not [p for p in result.problems if p.severity != SKIPPED]
        assert_every_file_accounted_for(result)
        kg = qagraph.build(root, out=tmp_path / f"out-{root.name}")
        assert kg.counts.get("stubs", 0) == 0
        key = {a.path.removeprefix("content/"): a.key for a in result.articles}
        assert kg.related(key["my-super-post.md"]) == [kg.article(key["other-post.md"]), kg.article(key["pages/about.md"])]
        assert kg.related(key["other-post.md"]) == [kg.article(key["my-super-post.md"]), kg.article(key["pages/about.md"])]


@pytest.mark.parametrize("config, urls", [
    ("", {"python/first-steps.md": "/first-steps-with-python.html", "python/decorators.md": "/decorators-explained.html",
          "travel/lisbon.md": "/dont-miss-lisbon.html", "top-level.md": "/top-level-note.html",
          "pages/about.md": "/pages/about-me.html", "pages/contact.md": "/pages/contact.html"}),
    ("ARTICLE_URL = 'posts/{date:%Y}/{category}/{slug}/'\nPAGE_URL = '{slug}/'\nSLUGIFY_SOURCE = 'basename'\n",
     {"python/first-steps.md": "/posts/2024/python/first-steps/", "python/decorators.md":
      "/posts/2024/advanced-python/decorators-explained/", "travel/lisbon.md": "/posts/2023/travel/lisbon/",
      "top-level.md": "/posts/2024/misc/top-level/", "pages/about.md": "/about/", "pages/contact.md": "/contact/"}),
])
def test_a_pelican_sites_urls_categories_and_tags_are_its_own(tmp_path: Path, config: str, urls: dict[str, str]):
    """Pelican publishes a post at ARTICLE_URL ({slug}.html, the slug made from its title unless a Slug
    line gives it), a page of pages/ at PAGE_URL (pages/{slug}.html); a post's category is its Category
    line, else its folder; tags are split on semicolons, else commas. Every article had no url (links to
    the site's own pages by url were stubs), a Category that few posts have was not read (the folder
    was the subject), 'Tags: travel; portugal' made the keyword 'travel;' and 'Tags: machine learning'
    the keywords 'machine' and 'learning'."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "pelicanconf.py": f"AUTHOR = 'Ann'\nSITENAME = 'Ann'\nSITEURL = ''\nPATH = 'content'\n{config}",
        "publishconf.py": "from pelicanconf import *\nSITEURL = 'https://ann.example.com'\n",
        "content/python/first-steps.md": "Title: First steps with Python\nDate: 2024-01-10 10:20\n"
                                         "Tags: python, beginners\n\nSee [decorators]({filename}decorators.md).\n",
        "content/python/decorators.md": "Title: Understanding Decorators!\nDate: 2024-02-01\nCategory: Advanced Python\n"
                                        "Tags: machine learning\nSlug: decorators-explained\n\n"
                                        f"Back to [first]({urls['python/first-steps.md']}) and "
                                        f"[about](https://ann.example.com{urls['pages/about.md']}).\n",
        "content/travel/lisbon.md": "Title: Don't miss Lisbon\nDate: 2023-05-01\nTags: travel; portugal\n\nNice.\n",
        "content/top-level.md": "Title: Top level note\nDate: 2024-04-01\n\nNo folder.\n",
        "content/pages/about.md": "Title: About me\n\nI write.\n",
        "content/pages/contact.md": "Title: Contact\nStatus: hidden\n\nMail me.\n",
    })
    result = load_corpus(site)
    by = {a.path.removeprefix("content/"): a for a in result.articles}
    assert {name: a.url for name, a in by.items()} == urls
    assert {name: a.subject for name, a in by.items() if not name.startswith("pages/")} == {
        "python/first-steps.md": "Python", "python/decorators.md": "Advanced Python", "travel/lisbon.md": "Travel",
        "top-level.md": "Uncategorised"}
    assert by["travel/lisbon.md"].keywords == ("travel", "portugal")
    assert by["python/decorators.md"].keywords == ("machine learning",)
    assert not [p for p in result.problems if p.severity != SKIPPED]
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related(by["python/decorators.md"].key) == [kg.article(by["python/first-steps.md"].key),
                                                          kg.article(by["pages/about.md"].key)]


@pytest.mark.parametrize("setting", [None, r"FILENAME_METADATA = r'(?P<date>\d{4}-\d{2}-\d{2})_(?P<slug>.*)'",
                                     "FILENAME_METADATA = ''"])
def test_a_pelican_post_takes_the_metadata_its_file_name_gives(tmp_path: Path, setting: str | None):
    """Pelican reads metadata from a post's file name by its ``FILENAME_METADATA`` pattern, by default a
    date (``2021-03-04-virtualenvs.md`` is of 2021-03-04), under what the post's own lines say: such a post
    without a ``Date:`` line had no date, and no url where ``ARTICLE_URL`` holds the date (every link to
    it a stub). A pattern of the config's own may give the slug too; an empty one gives nothing."""
    import qagraph

    site = tmp_path / "blog"
    write_site(site, {
        "pelicanconf.py": "AUTHOR = 'Alexis'\nSITENAME = 'My Blog'\nPATH = 'content'\n"
                          "ARTICLE_URL = 'posts/{date:%Y}/{date:%m}/{slug}/'\n" + (setting + "\n" if setting else ""),
        "content/python/2021-03-04-virtualenvs.md": "Title: Using virtualenvs\nSlug: venvs\n\nCreate one.\n",
        "content/python/2021-04-05_setup-tools.md": "Title: Set up\n\nText.\n",
        "content/python/2021-04-06-dated.md": "Title: Dated\nDate: 2022-01-02\n\nSee [venvs](/posts/2021/03/venvs/).\n",
        "content/python/2021-04-07-notes.md": "A paragraph, no metadata: no page, as Pelican needs a title.\n",
    })
    result = load_corpus(site)
    assert result.skipped == ["content/python/2021-04-07-notes.md"]
    got = {a.path.rpartition("/")[2]: (a.date, a.url) for a in result.articles}
    if setting is None:
        assert got == {"2021-03-04-virtualenvs.md": ("2021-03-04", "/posts/2021/03/venvs/"),
                       "2021-04-05_setup-tools.md": ("2021-04-05", "/posts/2021/04/set-up/"),
                       "2021-04-06-dated.md": ("2022-01-02", "/posts/2022/01/dated/")}  # its own line first
        assert qagraph.build(site, out=tmp_path / "out").counts.get("stubs", 0) == 0
    elif "slug" in setting:
        assert got["2021-04-05_setup-tools.md"] == ("2021-04-05", "/posts/2021/04/setup-tools/")
        assert got["2021-03-04-virtualenvs.md"] == (None, None)  # no match: no date
    else:
        assert got["2021-03-04-virtualenvs.md"] == (None, None)


def test_a_pelican_page_s_authors_are_its_authors_lines_else_the_site_s_author(tmp_path: Path):
    """Pelican's pages name their authors by an ``Authors:`` line (several, split on commas) or an
    ``Author:`` one, and a page that names none is by the config's ``AUTHOR``: an ``Authors:`` line
    gave no author, and a page without one had none."""
    site = tmp_path / "blog"
    write_site(site, {
        "pelicanconf.py": "AUTHOR = 'Alexis'\nSITENAME = 'My Blog'\nPATH = 'content'\n",
        "content/a.md": "Title: A\nDate: 2021-01-01\nAuthors: Alexis Metaireau, Conan Doyle\n\nText.\n",
        "content/b.md": "Title: B\nDate: 2021-01-02\nAuthor: Conan Doyle\n\nText.\n",
        "content/c.md": "Title: C\nDate: 2021-01-03\n\nText.\n",
    })
    result = load_corpus(site)
    assert {a.path: a.author for a in result.articles} == {
        "content/a.md": "Alexis Metaireau, Conan Doyle", "content/b.md": "Conan Doyle", "content/c.md": "Alexis"}


NIKOLA_SITE = {
    "conf.py": '# -*- coding: utf-8 -*-\n# !! This is the configuration of Nikola. !! #\nBLOG_AUTHOR = "Ann Lee"\n'
               'SITE_URL = "https://ann.example.org/"\n# POSTS = (\n#     ("posts/*.rst", "posts", "post.tmpl"),\n# )\n'
               'POSTS = (\n    ("posts/*.rst", "blog", "post.tmpl"),\n    ("posts/*.md", "blog", "post.tmpl"),\n)\n'
               'PAGES = (\n    ("pages/*.md", "", "page.tmpl"),\n)\nPRETTY_URLS = True\nDEPLOY_DRAFTS = False\n'
               "MARKDOWN_EXTENSIONS = ['markdown.extensions.fenced_code', 'markdown.extensions.meta']\n",
    "README.md": "# Source of my site\n",
    "posts/2023/first-light.md": "<!--\n.. title: First light\n.. slug: first-light\n.. date: 2023-03-01 09:30:00 UTC+01:00\n"
                                 ".. tags: astronomy, night sky\n.. category: hobbies\n.. link: \n"
                                 ".. description: The first night out.\n.. type: text\n-->\n\n# Setting up\n\n"
                                 "See [the mount](link://slug/choosing-a-mount#budget), [about](link://filename/pages/about.md) "
                                 "and [the tag](link://tag/astronomy).\n",
    "posts/2023/mounts.md": ".. title: Choosing a mount\n.. slug: choosing-a-mount\n.. date: 2023-04-02\n"
                            ".. tags: astronomy, gear,\n.. category: gear\n-->\n\n## Budget\n\n"
                            "Back to [first light](/blog/2023/first-light/).\n",
    "posts/Untitled Note.md": "Some text without metadata.\n",
    "posts/draft.md": "<!--\n.. title: Not yet\n.. status: draft\n-->\n\nSoon.\n",
    "pages/about.md": "title: About me\nslug: about\n\n# Hello\n\nI look up. [Home](link://slug/index)\n",
    "pages/home.md": "title: Home\nslug: index\n\nRead [first light](https://ann.example.org/blog/2023/first-light/).\n",
    "stories/old.md": "<!--\n.. title: Outside\n-->\n\nNot built.\n",
}


def test_a_nikola_sites_metadata_urls_and_magic_links_are_its_own(tmp_path: Path):
    """Nikola writes a post's metadata as ``.. key: value`` lines (in ``<!--`` and ``-->`` in Markdown; a page
    may use Python-Markdown's ``Key: value`` lines with its ``meta`` extension), publishes the files its
    ``POSTS`` and ``PAGES`` globs match (their folders walked) below their destinations at their slugs, and
    links posts by ``link://slug/x``. Every post was titled by its first heading ("Setting up"), untagged,
    undated, filed under its folder (posts, pages) and without a url; its magic links were no links, and
    README.md, a draft and a file no glob names were pages."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, NIKOLA_SITE)
    result = load_corpus(site)
    assert result.detection is not None and "a Nikola site" in result.detection.reason
    by = {a.path: a for a in result.articles}
    assert {name: (a.title, a.url, a.subject) for name, a in by.items()} == {
        "posts/2023/first-light.md": ("First light", "/blog/2023/first-light/", "hobbies"),
        "posts/2023/mounts.md": ("Choosing a mount", "/blog/2023/choosing-a-mount/", "gear"),
        "posts/Untitled Note.md": ("Untitled Note", "/blog/untitled-note/", "Uncategorised"),  # by its file's name
        "pages/about.md": ("About me", "/about/", "Uncategorised"),
        "pages/home.md": ("Home", "/", "Uncategorised")}  # slug index: its folder's index
    post = by["posts/2023/first-light.md"]
    assert (post.keywords, post.date, post.description, post.author) == (
        ("astronomy", "night sky"), "2023-03-01 09:30:00 UTC+01:00", "The first night out.", "Ann Lee")
    assert post.body.startswith("# Setting up")
    assert by["posts/2023/mounts.md"].keywords == ("astronomy", "gear")
    skipped = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert sorted(skipped) == ["README.md", "posts/draft.md", "stories/old.md"]
    assert skipped["posts/draft.md"].startswith("status: draft")
    assert not [p for p in result.problems if p.severity != SKIPPED]
    assert_every_file_accounted_for(result)
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    key = {name: a.key for name, a in by.items()}
    assert kg.related(key["posts/2023/first-light.md"]) == [kg.article(key["posts/2023/mounts.md"]),
                                                            kg.article(key["pages/about.md"])]
    assert kg.related(key["pages/about.md"]) == [kg.article(key["pages/home.md"])]
    assert kg.related(key["pages/home.md"]) == [kg.article(key["posts/2023/first-light.md"])]


def test_a_nikola_sites_restructuredtext_posts_are_pages_too(tmp_path: Path):
    """reStructuredText is Nikola's first format (``posts/*.rst``): its metadata are ``.. key: value`` comments
    and its ``:doc:`slug``` role links to the post of that slug (not in a comment). Such posts were not read at
    all in a Nikola site (no page, no link to them)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "conf.py": 'BLOG_AUTHOR = "Bo"\nPOSTS = (\n    ("posts/*.rst", "posts", "post.tmpl"),\n    ("posts/*.md", "posts", "post.tmpl"),\n)\n'
                   'PAGES = (\n    ("pages/*.rst", "", "page.tmpl"),\n)\n',
        "posts/tea.rst": ".. title: Green tea\n.. slug: green-tea\n.. date: 2022-05-01 10:00:00 UTC+08:00\n"
                         ".. tags: tea, drinks\n.. category: kitchen\n.. link:\n\nBrewing\n=======\n\n"
                         "Water at 80 degrees. See :doc:`the kettle <kettle>` and :doc:`kettle`.\n\n"
                         ".. :doc:`an old note <gone>`\n",
        "posts/kettle.md": "<!--\n.. title: The kettle\n.. slug: kettle\n-->\n\nBack to [tea](link://slug/green-tea).\n",
        "pages/notes/index.rst": ".. title: Notes\n.. slug: index\n\n* :doc:`Tea <green-tea>`\n",
    })
    result = load_corpus(site)
    by = {a.path: a for a in result.articles}
    assert {name: (a.title, a.url, a.subject, a.keywords) for name, a in by.items()} == {
        "posts/tea.rst": ("Green tea", "/posts/green-tea/", "kitchen", ("tea", "drinks")),
        "posts/kettle.md": ("The kettle", "/posts/kettle/", "Uncategorised", ()),
        "pages/notes/index.rst": ("Notes", "/notes/", "Uncategorised", ())}
    assert by["posts/tea.rst"].body.startswith("# Brewing")
    assert not result.problems
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0  # the commented :doc: is no link
    key = {name: a.key for name, a in by.items()}
    assert kg.related(key["posts/tea.rst"]) == [kg.article(key["posts/kettle.md"])]
    assert kg.related(key["pages/notes/index.rst"]) == [kg.article(key["posts/tea.rst"])]


def test_a_nikola_sites_translations_are_published_below_their_languages(tmp_path: Path):
    """Nikola publishes a post's translation (``hello.es.md``, a language of its ``TRANSLATIONS``) below that
    language's folder (``/es/blog/hello/``). It was at its original's url: both were said to be published at the
    same url (one of them lost on the site), and the translation's link://slug/x was a second page of that slug."""
    write_site(tmp_path / "site", {
        "conf.py": 'DEFAULT_LANG = "en"\nTRANSLATIONS = {\n    DEFAULT_LANG: "",\n    "es": "./es",\n}\n'
                   'POSTS = (("posts/*.md", "blog", "post.tmpl"),)\nPAGES = ()\n',
        "posts/hello.md": "<!--\n.. title: Hello\n.. slug: hello\n-->\n\nSee [the other](link://slug/other).\n",
        "posts/hello.es.md": "<!--\n.. title: Hola\n.. slug: hello\n-->\n\nVer [el otro](link://slug/other).\n",
        "posts/other.md": "<!--\n.. title: Other\n-->\n\nBack to [hello](link://slug/hello).\n",
        "posts/other.es.md": "<!--\n.. title: Otro\n-->\n\n[hola](link://slug/hello).\n",
    })
    result = load_corpus(tmp_path / "site")
    assert {a.path: a.url for a in result.articles} == {
        "posts/hello.md": "/blog/hello/", "posts/hello.es.md": "/es/blog/hello/",
        "posts/other.md": "/blog/other/", "posts/other.es.md": "/es/blog/other/"}  # a slug by the name without .es
    assert not result.problems
    import qagraph

    kg = qagraph.build(tmp_path / "site", out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == 4


def test_a_nikola_posts_date_with_slashes_is_its_date(tmp_path: Path):
    """Nikola reads a post's date with dateutil, and its older posts write it with slashes
    (``.. date: 2012/09/15 19:52:05``): such a date was a warning ("is not an ISO date; kept as text") on
    every such post, and no date of the graph. Outside a Nikola site such a text is still a warning."""
    write_site(tmp_path / "site", {
        "conf.py": 'POSTS = (("posts/*.md", "posts", "post.tmpl"),)\n',
        "posts/old.md": "<!--\n.. title: Old\n.. date: 2012/09/15 19:52:05\n-->\n\nText.\n",
        "posts/odd.md": "<!--\n.. title: Odd\n.. date: 2013/02/30\n-->\n\nText.\n"})
    result = load_corpus(tmp_path / "site")
    assert {a.path: a.date for a in result.articles} == {"posts/old.md": "2012-09-15 19:52:05",
                                                         "posts/odd.md": "2013/02/30"}
    assert [(p.path, "not an ISO date" in p.message) for p in result.problems] == [("posts/odd.md", True)]
    write_site(tmp_path / "notes", {"a.md": "---\ntitle: A\ndate: 2012/09/15\n---\nText.\n"})
    assert ["not an ISO date" in p.message for p in load_corpus(tmp_path / "notes").problems] == [True]


def test_a_nikola_draft_is_a_page_unless_its_site_deploys_no_drafts(tmp_path: Path):
    """Nikola builds and deploys a post of ``status: draft`` (unlisted: no index, no feed shows it) unless its
    config's ``DEPLOY_DRAFTS`` is ``False``: such a post was skipped ("status: draft: not a page") on a site
    that publishes it."""
    site = {"conf.py": 'POSTS = (("posts/*.md", "posts", "post.tmpl"),)\n',
            "posts/soon.md": "<!--\n.. title: Soon\n.. status: draft\n-->\n\nText.\n",
            "posts/now.md": "<!--\n.. title: Now\n.. status: featured\n-->\n\nSee [soon](link://slug/soon).\n"}
    write_site(tmp_path / "deployed", site)
    result = load_corpus(tmp_path / "deployed")
    assert sorted(a.url for a in result.articles) == ["/posts/now/", "/posts/soon/"] and not result.problems
    write_site(tmp_path / "kept", {**site, "conf.py": site["conf.py"] + "DEPLOY_DRAFTS = False\n"})
    result = load_corpus(tmp_path / "kept")
    assert [a.url for a in result.articles] == ["/posts/now/"]
    assert [p.message for p in result.problems] == ["status: draft: not a page"]


def test_a_nikola_two_file_posts_metadata_are_in_its_meta_file(tmp_path: Path):
    """A Nikola post may keep its metadata in a ``.meta`` file beside it (two-file posts: ``ONE_FILE_POSTS =
    False``), as ``.. key: value`` lines or, in the old format, one field a line (title, slug, date, tags...).
    Such a post was titled by its file's name, untagged, undated, at a url made of its file's name."""
    write_site(tmp_path / "site", {
        "conf.py": 'POSTS = (("posts/*.md", "posts", "post.tmpl"),)\n',
        "posts/brew.md": "Grind the beans. See [the old one](link://slug/first-cup).\n",
        "posts/brew.meta": ".. title: How I brew\n.. slug: brewing\n.. tags: coffee, mornings\n.. category: kitchen\n",
        "posts/old.md": "Back to [brewing](link://slug/brewing).\n",
        "posts/old.meta": "My first cup\nfirst-cup\n2012/09/15 19:52:05\ncoffee\n\n\ntext\n",
    })
    result = load_corpus(tmp_path / "site")
    by = {a.path: a for a in result.articles}
    assert {name: (a.title, a.url, a.subject, a.keywords, a.date) for name, a in by.items()} == {
        "posts/brew.md": ("How I brew", "/posts/brewing/", "kitchen", ("coffee", "mornings"), None),
        "posts/old.md": ("My first cup", "/posts/first-cup/", "Uncategorised", ("coffee",), "2012-09-15 19:52:05")}
    assert not result.problems
    import qagraph

    kg = qagraph.build(tmp_path / "site", out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == 2


def test_a_conf_py_without_posts_or_pages_is_no_nikola_site(tmp_path: Path):
    """Sphinx's config is a conf.py too: only one that sets Nikola's POSTS or PAGES makes a Nikola site."""
    write_site(tmp_path / "docs", {"conf.py": "project = 'Demo'\nextensions = []\n",
                                   "guide.md": "<!--\n.. title: Not metadata here\n-->\n\n# Guide\n"})
    result = load_corpus(tmp_path / "docs")
    assert result.detection is not None and "Nikola" not in result.detection.reason
    assert [a.title for a in result.articles] == ["Guide"]


def test_a_pelican_site_publishes_its_article_and_page_paths_only(tmp_path: Path):
    """Pelican reads its articles from ARTICLE_PATHS and its pages from PAGE_PATHS, less what
    ARTICLE_EXCLUDES names (a Markdown file of STATIC_PATHS is copied as it is, elsewhere not read);
    a post's category is the folder it is in. Every Markdown file of the content folder was a page,
    and every post of posts/ was filed under 'Posts'."""
    site = tmp_path / "site"
    write_site(site, {
        "pelicanconf.py": "PATH = 'content'\nARTICLE_PATHS = ['posts']\nSTATIC_PATHS = ['images', 'extra']\n"
                          "ARTICLE_EXCLUDES = ['posts/old']\n",
        "content/posts/python/a.md": "Title: In posts\nDate: 2024-01-01\n\nx\n",
        "content/posts/b.md": "Title: At the top of posts\nDate: 2024-01-01\n\nx\n",
        "content/posts/old/o.md": "Title: Old\nDate: 2024-01-01\n\nx\n",
        "content/notes/n.md": "Title: Note outside\nDate: 2024-01-01\n\nx\n",
        "content/extra/e.md": "Title: Extra md\nDate: 2024-01-01\n\nx\n",
        "content/pages/about.md": "Title: About\n\nx\n",
    })
    result = load_corpus(site)
    assert {a.path: a.subject for a in result.articles} == {
        "content/posts/python/a.md": "Python", "content/posts/b.md": "Posts", "content/pages/about.md": "Pages"}
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == {
        "content/notes/n.md": "outside the site's page folders (content/posts/, content/pages/): not a page",
        "content/extra/e.md": "outside the site's page folders (content/posts/, content/pages/): not a page",
        "content/posts/old/o.md": "excluded by the site's config (ARTICLE_EXCLUDES: posts/old): not a page"}
    assert_every_file_accounted_for(result)


def test_a_pelican_sites_restructuredtext_posts_are_read(tmp_path: Path):
    """Pelican reads .rst posts as well as Markdown ones: the title is the document's, the metadata the
    field list under it (:date:, :tags:, :category:, :slug:), links `text <{filename}path>`_. A Pelican
    blog written in reStructuredText had no article at all (its files were not even counted)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "pelicanconf.py": "AUTHOR = 'Ann'\nSITEURL = ''\nPATH = 'content'\n",
        "content/travel/porto.rst": "A day in Porto\n##############\n\n:date: 2023-06-01 10:00\n:tags: travel, portugal\n"
                                    ":category: Trips\n:summary: A day\n    in Porto.\n\n"
                                    "Porto text. See `Lisbon <{filename}/travel/lisbon.md>`_, `the river`_ "
                                    "and `Python <https://python.org>`__.\n\n.. _the river: {filename}douro.rst\n",
        "content/travel/douro.rst": "The Douro\n=========\n\n:slug: the-douro\n:status: published\n\nA river.\n",
        "content/travel/lisbon.md": "Title: A week in Lisbon\nDate: 2023-05-01\n\n[Porto]({filename}porto.rst).\n",
        "content/travel/draft.rst": "Draft\n=====\n\n:status: draft\n\nNot yet.\n",
        "content/notes.rst": "No title here, a paragraph.\n",
    })
    result = load_corpus(site)
    by = {a.path.removeprefix("content/"): a for a in result.articles}
    assert sorted(by) == ["travel/douro.rst", "travel/lisbon.md", "travel/porto.rst"]
    porto = by["travel/porto.rst"]
    assert (porto.title, porto.url, porto.subject, porto.keywords, porto.date, porto.description) == (
        "A day in Porto", "/a-day-in-porto.html", "Trips", ("travel", "portugal"), "2023-06-01 10:00", "A day in Porto.")
    assert by["travel/douro.rst"].url == "/the-douro.html"
    why = {p.path.removeprefix("content/"): p.message for p in result.problems if p.severity == SKIPPED}
    assert why["travel/draft.rst"].startswith("status: draft") and why["notes.rst"].startswith("no front matter")
    assert_every_file_accounted_for(result)
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related(porto.key) == [kg.article(by["travel/lisbon.md"].key), kg.article(by["travel/douro.rst"].key)]
    assert kg.related(by["travel/lisbon.md"].key) == [kg.article(porto.key)]


MDBOOK_SITE = {
    "book.toml": '[book]\nauthors = ["Jane Doe"]\nlanguage = "en"\nmultilingual = false\nsrc = "src"\ntitle = "My Book"\n',
    "README.md": "# The repository\n",
    "src/SUMMARY.md": "# Summary\n\n[Introduction](README.md)\n\n- [Chapter 1](./chapter_1.md)\n- [Guide](guide/index.md)\n"
                      "    - [Install](guide/install.md)\n    - [Usage](guide/Usage%20notes.md)\n- [Draft chapter]()\n",
    "src/README.md": "# Introduction\n\nStart at [chapter 1](chapter_1.md).\n",
    "src/chapter_1.md": "# Chapter 1\n\nSee [install](guide/install.md) and [usage](./guide/Usage%20notes.html).\n",
    "src/guide/index.md": "# Guide\n",
    "src/guide/install.md": "# Install\n\nThen [usage](<Usage notes.md>).\n",
    "src/guide/Usage notes.md": "# Usage\n\nBack to [chapter 1](../chapter_1.md).\n",
    "src/notes.md": "# Notes that no chapter lists\n",
}


@pytest.mark.parametrize("layout", ["mdbook", "mdbook-src", "gitbook"])
def test_a_books_table_of_contents_is_no_page_and_says_which_pages_are(tmp_path: Path, layout: str):
    """An mdBook (book.toml) or GitBook (.gitbook.yaml) publishes the chapters its SUMMARY.md lists:
    SUMMARY.md itself was an article linked to every chapter, a chapter it does not list was an
    article, and so was the repository's README beside the book's src/."""
    site = tmp_path / "site"
    for name, text in MDBOOK_SITE.items():
        write_article(site, name, text)
    root, prefix = site, "src/"
    if layout == "mdbook-src":
        root, prefix = site / "src", ""
    elif layout == "gitbook":
        (site / "book.toml").unlink()
        write_article(site, ".gitbook.yaml", "root: ./src/\n\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\n")
    result = load_corpus(root)
    assert result.detection is not None and result.detection.preset == "generic"
    by = {a.path.removeprefix(prefix): a for a in result.articles}
    assert sorted(by) == ["README.md", "chapter_1.md", "guide/Usage notes.md", "guide/index.md", "guide/install.md"]
    skipped = {p.path.removeprefix(prefix): p.message for p in result.problems if p.severity == SKIPPED}
    assert skipped["SUMMARY.md"].startswith("the book's table of contents")
    assert skipped["notes.md"].startswith("not in SUMMARY.md")
    if layout != "mdbook-src":  # the repository's, beside src/
        assert "README.md" in result.skipped
    assert by["guide/install.md"].subject == "Guide" and by["chapter_1.md"].title == "Chapter 1"
    assert_every_file_accounted_for(result)
    import qagraph

    kg = qagraph.build(root, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    key = {a.path.removeprefix(prefix): a.key for a in result.articles}
    assert kg.related(key["chapter_1.md"]) == [kg.article(key["guide/install.md"]), kg.article(key["guide/Usage notes.md"])]


def test_an_mdbook_names_urls_and_parts_its_chapters_as_its_summary_does(tmp_path: Path):
    """mdBook renders each chapter at its path as .html (a README.md as its folder's index.html), names it
    as SUMMARY.md does (its sidebar and <title>: "Command Line Tool", not the page's "# Command-line tool";
    `` `init` `` as init), and heads the numbered chapters below a part's title (``# User Guide``) with it; the
    book's own title (``# Summary``) is no part, and a suffix chapter (``[Contributors](...)``) in none. The chapters had no url (links to ``cli/init.html`` found them only by
    the chance of a path), were titled by their first heading, and filed by folder."""
    import qagraph

    site = tmp_path / "book"
    write_site(site, {
        "book.toml": '[book]\ntitle = "mdBook Documentation"\nlanguage = "en"\n',
        "src/SUMMARY.md": "# Summary\n\n[Introduction](README.md)\n\n# User Guide\n\n"
                          "- [Command Line Tool](cli/README.md)\n    - [`init`](cli/init.md)\n\n"
                          "# Reference\n\n- [**Format**](format/summary.md)\n\n---\n\n[Contributors](misc/contributors.md)\n",
        "src/README.md": "# Introduction\n\nSee [the tool](cli/README.md).\n",
        "src/cli/README.md": "# Command-line tool\n\n* [`mdbook init`](init.md)\n",
        "src/cli/init.md": "# The init command\n\nSee [the format](../format/summary.html).\n",
        "src/format/summary.md": "# SUMMARY.md\n\nBack to [the tool](../cli/index.html).\n",
        "src/misc/contributors.md": "# Contributors\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "src/README.md": ("/index.html", "Introduction", "Uncategorised"),
        "src/cli/README.md": ("/cli/index.html", "Command Line Tool", "User Guide"),
        "src/cli/init.md": ("/cli/init.html", "init", "User Guide"),
        "src/format/summary.md": ("/format/summary.html", "Format", "Reference"),
        "src/misc/contributors.md": ("/misc/contributors.html", "Contributors", "Misc")}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("src/cli/init.md") == [kg.article("src/format/summary.md")]
    assert kg.related("src/format/summary.md") == [kg.article("src/cli/README.md")]


def test_a_gitbook_names_its_pages_as_its_summary_does(tmp_path: Path):
    """GitBook titles a page by its link's text in SUMMARY.md ("[Page main title](page.md "Sidebar label")":
    the bracket's text is the page's title, shown as its <title> and heading), as mdBook does; a GitBook's
    pages were titled by their first heading, wherever it stood (a page whose one heading is its closing
    "# References" was titled References), else by their file's name (cve-list)."""
    site = tmp_path / "cheat-sheets"
    write_site(site, {
        ".gitbook.yaml": "structure:  \n  readme: INTRODUCTION.md  \n  summary: SUMMARY.md\n\n",
        "SUMMARY.md": "# Summary\n\n- [Application Security Cheat Sheet](INTRODUCTION.md)\n\n## Container\n\n"
                      "- Escaping\n    - [CVE List](Container/Escaping/cve-list.md)\n\n## Web Application\n\n"
                      "- [Cookie Security](Web%20Application/Cookie%20Security/README.md)\n"
                      "    - [Cookie Tossing](Web%20Application/Cookie%20Security/cookie-tossing.md \"Tossing\")\n",
        "INTRODUCTION.md": "\nA list of cheat sheets for application security\n",
        "Container/Escaping/cve-list.md": "Known container escapes.\n",
        "Web Application/Cookie Security/README.md": "# Cookie attributes\n\nSecure, HttpOnly.\n",
        "Web Application/Cookie Security/cookie-tossing.md":
            "Set a cookie from a subdomain; see [Cookie Security](/Web%20Application/Cookie%20Security/README.md).\n\n"
            "# References\n\n- [HackTricks](https://book.hacktricks.xyz/)\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.title, a.subject) for a in result.articles} == {
        "INTRODUCTION.md": ("Application Security Cheat Sheet", "Uncategorised"),
        "Container/Escaping/cve-list.md": ("CVE List", "Container"),
        "Web Application/Cookie Security/README.md": ("Cookie Security", "Web Application"),
        "Web Application/Cookie Security/cookie-tossing.md": ("Cookie Tossing", "Web Application")}
    kg = build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0


def test_a_docsify_site_is_read_as_docsify_renders_it(tmp_path: Path):
    """Docsify (an index.html of window.$docsify, in docs/) renders each Markdown file of its folder at its route
    (``quickstart.md`` at ``/quickstart``, a README at its folder's), and an HTML link to ``#/x`` (its hash
    router's) or a link to ``/x`` reaches it; its _sidebar.md, _navbar.md and _coverpage.md are no pages, its
    sidebar's groups file the pages they list, and the repository's README beside docs/ is none. It was read as a
    folder of notes: no urls, the sidebar, navbar and cover page as articles, the repository's README the target of
    every link to ``/``, the hash links lost, everything Uncategorised. A Markdown link to ``#/x`` is an anchor of
    its own page and one to ``/#/x`` the home page's (Docsify's Markdown compiler turns its first ``#`` into
    ``?id=``), in the sidebar too: they were read as routes to ``/x``."""
    import qagraph

    site = tmp_path / "repo"
    write_site(site, {
        "README.md": "# docsify\n\nSee [the docs](docs/README.md).\n",
        "docs/index.html": "<!DOCTYPE html>\n<html><body><div id=\"app\"></div>\n<script>\n  window.$docsify = {\n"
                           "    loadSidebar: true,\n    loadNavbar: true,\n    coverpage: true,\n    name: 'docsify',\n  };\n"
                           "</script>\n<script src=\"//cdn.jsdelivr.net/npm/docsify@4\"></script>\n</body></html>\n",
        "docs/_sidebar.md": "- Getting started\n\n  - [Quick start](quickstart.md)\n  - [Writing more pages](/more-pages)\n\n"
                            "- Guide\n\n  - [Deploy](/guide/deploy)\n  - [Changelog](#/changelog)\n\n"
                            "- [Home](/#/changelog)\n",
        "docs/_navbar.md": "- Translations\n  - [:uk: English](/)\n",
        "docs/_coverpage.md": "# docsify <small>4</small>\n\n[Get Started](#docsify)\n",
        "docs/README.md": "## docsify\n\nSee the [Quick start](quickstart.md) guide.\n",
        "docs/quickstart.md": "# Quick start\n\nRead about [more pages](/more-pages), "
                              "<a href=\"#/guide/deploy\">deploying</a> and [the changes](#/changelog).\n",
        "docs/more-pages.md": "# More pages\n\nBack [home](/) or to the [quick start](/#/quickstart?id=install).\n",
        "docs/guide/deploy.md": "# Deploy\n\nSee [more pages](../more-pages.md).\n",
        "docs/changelog.md": "# Changelog\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "docs/README.md": ("/", "Uncategorised"), "docs/quickstart.md": ("/quickstart", "Getting started"),
        "docs/more-pages.md": ("/more-pages", "Getting started"), "docs/guide/deploy.md": ("/guide/deploy", "Guide"),
        "docs/changelog.md": ("/changelog", "Uncategorised")}
    assert {p.path for p in result.problems if p.severity == SKIPPED} == {
        "README.md", "docs/_sidebar.md", "docs/_navbar.md", "docs/_coverpage.md"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("docs/quickstart.md") == [kg.article("docs/more-pages.md"), kg.article("docs/guide/deploy.md")]
    assert kg.related("docs/more-pages.md") == [kg.article("docs/README.md")]


@pytest.mark.parametrize("relative", [False, True])
def test_a_docsify_page_s_relative_links_are_read_from_the_root_or_with_relative_path_from_its_folder(
        tmp_path: Path, relative: bool):
    """Docsify's router reads a relative link from the site's root (``[quick](quickstart.md)`` on ``zh-cn/README.md``
    is ``/quickstart``; the translation is ``zh-cn/quickstart.md``), and with ``relativePath: true`` from the page's
    own folder (``/zh-cn/quickstart``; ``../quickstart.md`` the root's). Every relative link was read from the
    page's folder first, so a translated page's links to the root's pages led to its own translations."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "index.html": "<script>\n  window.$docsify = {\n    name: 'docs',\n"
                      + ("    relativePath: true,\n" if relative else "    // relativePath: true,\n")
                      + "  }\n</script>\n<script src=\"//cdn.jsdelivr.net/npm/docsify@4\"></script>\n",
        "README.md": "# Home\n\nStart with [the quick start](quickstart.md).\n",
        "quickstart.md": "# Quick start\n\nThen [deploy](guide/deploy.md).\n",
        "guide/deploy.md": "# Deploy\n\nBack to [the quick start](" + ("../" if relative else "") + "quickstart.md).\n",
        "zh-cn/README.md": "# 首页\n\n[快速开始](quickstart.md), [English](../quickstart.md), [中文](zh-cn/quickstart.md).\n",
        "zh-cn/quickstart.md": "# 快速开始\n",
        "zh-cn/zh-cn/quickstart.md": "# nested\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("guide/deploy.md") == [kg.article("quickstart.md")]
    assert kg.related("zh-cn/README.md") == ([kg.article("zh-cn/quickstart.md"), kg.article("quickstart.md"),
                                              kg.article("zh-cn/zh-cn/quickstart.md")] if relative else
                                             [kg.article("quickstart.md"), kg.article("zh-cn/quickstart.md")])


@pytest.mark.parametrize("relative", [False, True])
def test_a_docsify_site_in_history_mode_has_no_hash_routes(tmp_path: Path, relative: bool):
    """With ``routerMode: 'history'`` Docsify's routes are the urls' paths (``/guide``, no ``#/``): an
    ``<a href="#/guide">`` is an anchor on its own page, ``/#/guide`` the home page, while a relative Markdown
    link is still read from the site's root (from the page's folder with ``relativePath: true``). The hash
    routes were read as in hash mode, so a page's anchors named as routes linked to other pages."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "index.html": "<script>\n  window.$docsify = {\n    name: 'docs',\n    routerMode: \"history\",\n"
                      + ("    relativePath: true,\n" if relative else "") + "  }\n</script>\n"
                      "<script src=\"//cdn.jsdelivr.net/npm/docsify@4\"></script>\n",
        "README.md": "# Home\n\nStart with [the quick start](quickstart.md).\n",
        "quickstart.md": "# Quick start\n\n<a href=\"#/deploy\">Deploying</a> is [below](/#/deploy).\n\n## /deploy\n",
        "deploy.md": "# Deploy\n",
        "zh-cn/README.md": "# 首页\n\n[快速开始](quickstart.md)\n",
        "zh-cn/quickstart.md": "# 快速开始\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("quickstart.md") == [kg.article("README.md")]
    assert kg.related("zh-cn/README.md") == [kg.article("zh-cn/quickstart.md" if relative else "quickstart.md")]
    assert kg.counts.get("stubs", 0) == 0


@pytest.mark.parametrize("homepage, mode", [("home.md", "hash"), ("/guide/intro.md", "hash"), ("home.md", "history"),
                                           ("https://raw.githubusercontent.com/a/b/main/README.md", "hash")])
def test_a_docsify_site_s_homepage_is_its_page_at_the_root_in_place_of_its_readme(
        tmp_path: Path, homepage: str, mode: str):
    """A Docsify site whose settings name a ``homepage`` (``homepage: 'home.md'``) shows that file at ``/``: its
    router's ``getFile`` reads the route ``/`` (and ``/README``) as ``/README.md``, then that as the homepage, so
    the root's README is never shown (a subfolder's is: ``/zh-cn/``), a link to ``/``, ``/#/`` (HTML ``#/``),
    ``README.md``, ``/README`` or, in its sidebar, ``/`` reaches the home file, and the README is no page. A
    homepage of another host (the repository's raw README) is no page of the folder: a link to ``/`` leaves it.
    The root's README was the page at ``/``, every link to ``/`` led to it, and the home file was at ``/home``."""
    import qagraph

    home = homepage.lstrip("/") if "://" not in homepage else None
    site = tmp_path / "site"
    write_site(site, {
        "index.html": "<script>\n  window.$docsify = {\n    name: 'docs',\n    loadSidebar: true,\n"
                      f"    homepage: '{homepage}',\n" + ("    routerMode: 'history',\n" if mode == "history" else "")
                      + "  }\n</script>\n<script src=\"//cdn.jsdelivr.net/npm/docsify@4\"></script>\n",
        "_sidebar.md": "- Start\n  - [Home](/)\n  - [Quick start](quickstart.md)\n",
        "README.md": "# The repository\n\nSee [the quick start](quickstart.md).\n",
        "home.md": "# Welcome\n\nStart with [the quick start](quickstart.md).\n",
        "guide/intro.md": "# Introduction\n",
        "quickstart.md": "# Quick start\n\nBack [home](/)" + (" or <a href=\"#/\">to it</a>" if mode == "hash" else "")
                         + ", [to the README](README.md) or [its route](/README#top).\n",
        "zh-cn/README.md": "# 首页\n\n[Home](/)\n",
    })
    result = load_corpus(site)
    urls = {a.path: (a.url, a.subject) for a in result.articles}
    assert "README.md" not in urls and urls["zh-cn/README.md"][0] == "/zh-cn/"
    assert "README.md" in {p.path for p in result.problems if p.severity == SKIPPED}
    if home is not None:
        assert urls[home] == ("/", "Start")
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("quickstart.md") == kg.related("zh-cn/README.md") == [kg.article(home or "/")]
    assert kg.counts.get("stubs", 0) == (0 if home else 1)  # the page at / is another host's file


@pytest.mark.parametrize("src", ["/js/setting.js", "js/setting.js?v=2", "./js/setting.js"])
def test_a_docsify_site_s_settings_are_read_from_the_script_file_its_index_loads(tmp_path: Path, src: str):
    """A Docsify ``index.html`` may set ``window.$docsify`` in a script file of the site it loads
    (``<script src="/js/setting.js">``, from the index's folder as the browser reads it): its ``relativePath`` (and
    ``routerMode``) are the site's. Only the index's inline scripts were read, so such a site's relative links were
    read from the root. A script of another host is none of the site's, whatever file of the site shares its path,
    nor is one the index leaves in a comment (``<!-- <script src="js/history.js"></script> -->``)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docs/index.html": f"<div id=\"app\"></div>\n<script src=\"{src}\"></script>\n"
                           "<script src=\"https://example.org/js/history.js\"></script>\n"
                           "<!-- <script src=\"js/history.js\"></script>\n<script>window.$docsify = { routerMode: 'history' }</script> -->\n"
                           "<script src=\"//cdn.jsdelivr.net/npm/docsify@4\"></script>\n",
        "docs/js/setting.js": "window.$docsify = {\n  name: 'docs',\n  relativePath: true,\n};\n",
        "docs/js/history.js": "window.$docsify = { routerMode: 'history' };\n",
        "docs/README.md": "# Home\n\n[快速开始](zh-cn/quickstart.md)\n",
        "docs/zh-cn/README.md": "# 首页\n\n[快速开始](quickstart.md) <a href=\"#/quickstart\">x</a>\n",
        "docs/zh-cn/quickstart.md": "# 快速开始\n",
        "docs/quickstart.md": "# Quick start\n",
    })
    assert load_corpus(site).fields.links == ("markdown", "html", "docsify-relative")
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("docs/zh-cn/README.md") == [kg.article("docs/zh-cn/quickstart.md"), kg.article("docs/quickstart.md")]


@pytest.mark.parametrize("meta", ["json", "js"])
def test_a_nextra_site_s_pages_are_at_their_routes_in_the_sections_its_meta_files_label(tmp_path: Path, meta: str):
    """A Nextra site (next.config.js loading nextra) publishes each Markdown or MDX file of pages/ at its route
    (``pages/core/split.mdx`` at ``/core/split``, an index at its folder's), and its sidebar labels a folder by the
    title its parent's ``_meta.json`` (Nextra 3: ``_meta.js``) gives it. It was read as a folder of notes: no urls
    (links to ``/core/split`` stubs), the repository's README a page, every page Uncategorised."""
    import qagraph

    site = tmp_path / "docs"
    titles = ('{\n  "index": {"title": "Introduction", "theme": {"toc": false}},\n'
              '  "protocol": {"type": "separator", "title": "Contracts"},\n  "core": "Core contracts"\n}\n')
    write_site(site, {
        "next.config.js": "const withNextra = require('nextra')({\n  theme: 'nextra-theme-docs',\n"
                          "  themeConfig: './theme.config.tsx',\n})\nmodule.exports = withNextra()\n",
        "README.md": "# docs\n",
        **({"pages/_meta.json": titles} if meta == "json" else {
            "pages/_meta.js": "export default {\n  index: { title: 'Introduction' },\n  // core: 'Old',\n"
                              "  protocol: { type: 'separator', title: 'Contracts' },\n  core: 'Core contracts',\n}\n"}),
        "pages/index.mdx": "# Introduction\n\nSplits are [payment contracts](/core/split).\n",
        "pages/core/split.mdx": "import { Toggle } from '../../components/toggle'\n\n# Split\n\n"
                                "Like a [waterfall](./waterfall), [back](/).\n",
        "pages/core/waterfall.mdx": "# Waterfall\n\nSee [Split](/core/split).\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "pages/index.mdx": ("/", "Uncategorised"), "pages/core/split.mdx": ("/core/split", "Core contracts"),
        "pages/core/waterfall.mdx": ("/core/waterfall", "Core contracts")}
    assert {p.path for p in result.problems if p.severity == SKIPPED} == {"README.md"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("pages/core/split.mdx") == [kg.article("pages/core/waterfall.mdx"), kg.article("pages/index.mdx")]


def test_a_nextra_4_site_s_content_folder_is_read_at_its_routes(tmp_path: Path):
    """Nextra 4 (the app router) publishes each Markdown or MDX file of ``content/`` (or ``src/content/``) by the
    catch-all route of ``app/`` at its path, below the config's ``contentDirBasePath`` (``content/guide/setup.mdx``
    at ``/docs/guide/setup``, an index at its folder's), its ``_meta`` files labelling its folders; a site whose
    next.config loads nextra through another package is one by its package.json. It was read as a folder of notes:
    no urls (every link to ``/docs/guide/setup`` a stub), the repository's README a page, all Uncategorised."""
    import qagraph

    site = tmp_path / "docs"
    write_site(site, {
        "next.config.mjs": "import nextra from 'nextra'\n\nconst withNextra = nextra({\n  latex: true,\n"
                           "  contentDirBasePath: '/docs',\n})\n\nexport default withNextra({ reactStrictMode: true })\n",
        "package.json": '{"name": "docs", "dependencies": {"next": "^15.1.0", "nextra": "^4.2.0", '
                        '"nextra-theme-docs": "^4.2.0"}}\n',
        "app/layout.jsx": "import { Layout } from 'nextra-theme-docs'\n",
        "app/docs/[[...mdxPath]]/page.jsx": "import { generateStaticParamsFor, importPage } from 'nextra/pages'\n"
                                            "export const generateStaticParams = generateStaticParamsFor('mdxPath')\n",
        "content/_meta.js": "export default {\n  index: 'Introduction',\n  guide: 'User guide',\n}\n",
        "content/index.mdx": "# Welcome\n\nStart with [setup](/docs/guide/setup).\n",
        "content/guide/index.mdx": "---\ntitle: Guide\n---\n\nSee [setup](/docs/guide/setup) and go [home](/docs).\n",
        "content/guide/setup.mdx": "# Setup\n\nBack to [the guide](/docs/guide), then [deploy](./deploy).\n",
        "content/guide/deploy.md": "# Deploy\n\n<Cards>\n  <Cards.Card title=\"Setup\" href=\"/docs/guide/setup\" />\n</Cards>\n",
        "README.md": "# docs\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "content/index.mdx": ("/docs", "Uncategorised"), "content/guide/index.mdx": ("/docs/guide", "User guide"),
        "content/guide/setup.mdx": ("/docs/guide/setup", "User guide"),
        "content/guide/deploy.md": ("/docs/guide/deploy", "User guide")}
    assert {p.path for p in result.problems if p.severity == SKIPPED} == {"README.md"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("content/guide/setup.mdx") == [kg.article("content/guide/index.mdx"),
                                                    kg.article("content/guide/deploy.md")]
    assert kg.related("content/guide/deploy.md") == [kg.article("content/guide/setup.mdx")]

    # in src/, the config wrapping nextra in a package of its own (The Guild's), with Next.js's trailing slashes
    other = tmp_path / "other"
    write_site(other, {
        "next.config.ts": "import { withGuildDocs } from '@theguild/components/next.config'\n"
                          "export default withGuildDocs({ trailingSlash: true })\n",
        "package.json": '{"dependencies": {"@theguild/components": "^9.0.0", "next": "^15", "nextra": "4.2.17"}}\n',
        "src/app/[[...mdxPath]]/page.tsx": "export { default } from 'nextra/pages'\n",
        "src/content/_meta.ts": "export default { index: 'Home' }\n",
        "src/content/index.mdx": "# Home\n\nSee [the API](/api/).\n",
        "src/content/api.mdx": "# API\n\n[Home](/)\n",
    })
    assert {a.path: a.url for a in load_corpus(other).articles} == {"src/content/index.mdx": "/", "src/content/api.mdx": "/api/"}


def test_a_nextra_4_site_s_page_files_are_pages_at_their_folders_routes(tmp_path: Path):
    """Nextra 4 also reads the app router's own pages: a ``page.mdx`` (or ``page.md``) of ``app/`` is the page of its
    folder's route (``app/docs/guide/latex/page.mdx`` at ``/docs/guide/latex``), a route group's folder ``(marketing)``
    no part of it, a ``_private`` folder none, and no other Markdown file of ``app/`` is a page; an untitled page is
    titled by its folder. Nextra's own docs are written so; such a site was no Nextra site: no urls, every link a
    stub, the files beside the pages (``old.mdx``) pages too."""
    import qagraph

    site = tmp_path / "docs"
    write_site(site, {
        "next.config.mjs": "import nextra from 'nextra'\n\nconst withNextra = nextra({ latex: true })\n\n"
                           "export default withNextra({ reactStrictMode: true })\n",
        "package.json": '{"dependencies": {"next": "^15", "nextra": "^4.2.0", "nextra-theme-docs": "^4.2.0"}}\n',
        "app/layout.tsx": "export default function RootLayout({ children }) { return children }\n",
        "app/page.mdx": "# Nextra\n\nRead [the docs](/docs) or [about us](/about).\n",
        "app/_meta.ts": "export default {\n  docs: 'Documentation',\n}\n",
        "app/docs/page.mdx": "---\ntitle: Introduction\n---\n\nStart with the [guide](/docs/guide).\n",
        "app/docs/guide/page.mdx": "# Guide\n\n<Cards>\n  <Cards.Card title=\"LaTeX\" href=\"/docs/guide/latex\" />\n</Cards>\n",
        "app/docs/guide/latex/page.mdx": "Write math. Back to [the guide](/docs/guide).\n",
        "app/docs/guide/old.mdx": "# Old guide\n",
        "app/(marketing)/about/page.md": "# About\n\n[Home](/)\n",
        "app/_components/notes.md": "# Component notes\n",
        "README.md": "# nextra docs\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "app/page.mdx": ("/", "Nextra", "Uncategorised"),
        "app/docs/page.mdx": ("/docs", "Introduction", "Documentation"),
        "app/docs/guide/page.mdx": ("/docs/guide", "Guide", "Documentation"),
        "app/docs/guide/latex/page.mdx": ("/docs/guide/latex", "latex", "Documentation"),
        "app/(marketing)/about/page.md": ("/about", "About", "Marketing")}
    assert {p.path for p in result.problems if p.severity == SKIPPED} == {
        "app/docs/guide/old.mdx", "app/_components/notes.md", "README.md"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("app/page.mdx") == [kg.article("app/docs/page.mdx"), kg.article("app/(marketing)/about/page.md")]
    assert kg.related("app/docs/guide/page.mdx") == [kg.article("app/docs/guide/latex/page.mdx")]


def test_a_nextra_page_s_cards_and_html_links_are_links(tmp_path: Path):
    """A Nextra page links by its theme's cards (``<Cards.Card href="/core/split">``) and ``<a href>`` as much as by
    Markdown; neither was read, a docs index of cards linked to nothing."""
    import qagraph

    site = tmp_path / "docs"
    write_site(site, {
        "next.config.mjs": "import nextra from 'nextra'\nexport default nextra({ theme: 'nextra-theme-docs' })()\n",
        "pages/index.mdx": "import { Cards } from 'nextra/components'\n\n# Introduction\n\n<Cards>\n"
                           "  <Cards.Card title=\"Split\" href=\"/core/split\" />\n</Cards>\n<a href=\"/core/waterfall\">W</a>\n",
        "pages/core/split.mdx": "# Split\n",
        "pages/core/waterfall.mdx": "# Waterfall\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("pages/index.mdx") == [kg.article("pages/core/split.mdx"), kg.article("pages/core/waterfall.mdx")]


def test_a_nextra_meta_file_that_cannot_be_read_is_a_warning(tmp_path: Path):
    """A ``_meta.json`` that is not JSON is said, naming it, and the folders' names label their sections."""
    write_site(tmp_path / "docs", {
        "next.config.mjs": "import nextra from 'nextra'\nexport default nextra({})\n",
        "pages/_meta.json": '{"guide": "Guide",\n',
        "pages/guide/start.md": "# Start\n",
    })
    result = load_corpus(tmp_path / "docs")
    assert [(p.path, p.severity) for p in result.problems] == [("pages/_meta.json", WARNING)]
    assert [(a.url, a.subject) for a in result.articles] == [("/guide/start", "Guide")]


@pytest.mark.parametrize("config", ["docs.json", "mint.json"])
def test_a_mintlify_site_s_pages_are_at_their_paths_in_its_navigation_s_groups(tmp_path: Path, config: str):
    """Mintlify (docs.json, before 2025 mint.json) publishes each page at its path without suffix (an index at its
    folder's) and files it under the group of its navigation that lists it (in tabs, or nested in a group: the
    outermost); its snippets/ are imported, no pages. The pages had no url and were filed by folder (Essentials,
    not Customization), the snippets read as pages where they had front matter."""
    import qagraph

    groups = ('[{"group": "Get started", "pages": ["index", "quickstart"]},\n'
              ' {"group": "Customization", "pages": ["essentials/settings", {"group": "Nav", "pages": ["essentials/navigation"]}]}]')
    navigation = (f'{{"tabs": [{{"tab": "Guides", "groups": {groups}}}],\n'
                  '  "global": {"anchors": [{"anchor": "Blog", "href": "https://mintlify.com/blog"}]}}'
                  if config == "docs.json" else groups)
    site = tmp_path / "docs"
    write_site(site, {
        config: f'{{\n  "$schema": "https://mintlify.com/{config}",\n  "name": "Starter",\n  "navigation": {navigation}\n}}\n',
        "index.mdx": '---\ntitle: "Introduction"\n---\n\nSee the [settings](/essentials/settings).\n',
        "quickstart.mdx": "---\ntitle: Quickstart\n---\n\nEdit [navigation](/essentials/navigation).\n",
        "essentials/settings.mdx": "---\ntitle: 'Global Settings'\nicon: 'gear'\n---\n\nBack to the [quickstart](/quickstart).\n",
        "essentials/navigation.mdx": "---\ntitle: 'Navigation'\n---\n\nSee [settings](./settings).\n",
        "snippets/snippet-intro.mdx": "---\ntitle: Intro snippet\n---\nDon't repeat yourself.\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "index.mdx": ("/", "Get started"), "quickstart.mdx": ("/quickstart", "Get started"),
        "essentials/settings.mdx": ("/essentials/settings", "Customization"),
        "essentials/navigation.mdx": ("/essentials/navigation", "Customization")}
    assert {p.path for p in result.problems if p.severity == SKIPPED} == {"snippets/snippet-intro.mdx"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("essentials/navigation.mdx") == [kg.article("essentials/settings.mdx")]


def test_a_mintlify_config_that_cannot_be_read_is_a_warning(tmp_path: Path):
    """A docs.json that is not JSON (a trailing comma) is said, naming it; the pages are still at their paths."""
    write_site(tmp_path / "docs", {
        "docs.json": '{\n  "$schema": "https://mintlify.com/docs.json",\n  "navigation": {"groups": []},\n}\n',
        "guide/start.mdx": "---\ntitle: Start\n---\n",
    })
    result = load_corpus(tmp_path / "docs")
    assert [(p.path, p.severity) for p in result.problems] == [("docs.json", WARNING)]
    assert [(a.url, a.subject) for a in result.articles] == [("/guide/start", "Guide")]


def test_a_jupyter_book_is_no_jekyll_site(tmp_path: Path):
    """A Jupyter Book has a _config.yml too, beside its _toc.yml: it was read as a Jekyll site, whose
    pages without front matter at the root are copied as they are, so every page was skipped."""
    write_site(tmp_path / "book", {
        "_config.yml": "# Book settings\ntitle: My sample book\nauthor: The Jupyter Book Community\n"
                       "execute:\n  execute_notebooks: force\n",
        "_toc.yml": "format: jb-book\nroot: intro\nchapters:\n- file: markdown\n- file: notebooks\n",
        "intro.md": "# Welcome to your Jupyter Book\n\nSee [markdown](markdown.md).\n",
        "markdown.md": "# Markdown Files\n\nBack to [intro](intro.md).\n",
        "notebooks.md": "---\njupytext:\n  formats: md:myst\nkernelspec:\n  name: python3\n---\n\n"
                        "# Notebooks with MyST Markdown\n",
        "_build/html/_sources/intro.md": "# Welcome to your Jupyter Book\n",
    })
    result = load_corpus(tmp_path / "book")
    assert result.detection is not None and result.detection.preset == "generic"
    assert "a Jupyter Book" in result.detection.reason
    assert {a.path: a.title for a in result.articles} == {
        "intro.md": "Welcome to your Jupyter Book", "markdown.md": "Markdown Files",
        "notebooks.md": "Notebooks with MyST Markdown"}
    assert result.skipped == ["_build/html/_sources/intro.md"]


def _notebook(*cells: tuple[str, str]) -> str:
    """A Jupyter notebook's JSON, of ``(cell_type, source)`` cells."""
    import json

    return json.dumps({"cells": [{"cell_type": kind, "metadata": {}, "source": source.splitlines(keepends=True),
                                  **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                                 for kind, source in cells],
                       "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5})


JUPYTER_BOOK = {
    "_config.yml": "title: Data Book\nauthor: Team\nexecute:\n  execute_notebooks: 'off'\nhtml:\n"
                   "  use_issues_button: true\n  baseurl: https://book.example.org\n",
    "_toc.yml": "format: jb-book\nroot: intro\nparts:\n  - caption: Basics\n    chapters:\n"
                "      - file: chapters/basics/setup\n      - file: chapters/basics/numbers\n        sections:\n"
                "          - file: chapters/basics/floats\n  - caption: Advanced\n    chapters:\n"
                "      - file: chapters/advanced/notebook\n      - file: chapters/advanced/rst_page\n",
    "intro.md": "# Welcome to the Data Book\n\nStart with {doc}`chapters/basics/setup`, then "
                "{doc}`the numbers <chapters/basics/numbers>`.\nSee {ref}`float-precision`, "
                "[label link](float-precision) and the {doc}`notebook <chapters/advanced/notebook>`.\n"

                "Not a link: `{doc}`code``.\n",
    "chapters/basics/setup.md": "---\njupytext:\n  text_representation:\n    format_name: myst\n---\n# Setting up\n\n"
                                "Next: {doc}`numbers`. Also {doc}`/intro` and {doc}`../advanced/rst_page`.\n",
    "chapters/basics/numbers.md": "(numbers-chapter)=\n# Numbers\n\nSee {ref}`the float part <float-precision>` "
                                  "and [back](setup.md).\n",
    "chapters/basics/floats.md": "# Floats\n\n(float-precision)=\n## Precision\n\nBack to {ref}`numbers-chapter`, "
                                 "[by its address](https://book.example.org/chapters/basics/setup.html).\n"
                                 "```\n(not-a-label)=\n```\n",
    "chapters/advanced/notebook.ipynb": _notebook(
        ("markdown", "# A notebook chapter\n\nSee {doc}`../basics/setup` and [floats](../basics/floats.md).\n"
                     "[The numbers](#numbers-chapter), [below](#more-text).\n"),
        ("code", "print('[not a link](../basics/numbers.md)')"), ("markdown", "More text.\n")),
    "chapters/advanced/rst_page.rst": ".. a comment\n\n=============\n An RST page\n=============\n\n"
                                      "See :doc:`notebook` and :ref:`the precision <float-precision>`.\n",
    "chapters/advanced/broken.ipynb": "{not json",
    "_build/jupyter_execute/chapters/advanced/notebook.ipynb": _notebook(("markdown", "# A notebook chapter\n")),
}


def test_a_jupyter_books_notebooks_and_myst_references_are_read(tmp_path: Path):
    """Jupyter Book publishes its notebooks (.ipynb) and reStructuredText files as pages, and its pages
    link by MyST roles: {doc}`path` and {ref}`label` to a (label)= target (also [text](label) and
    [text](#label)). The
    notebooks were lost unsaid (neither articles nor skipped), the .rst pages too, and every {doc} and
    {ref} link was missing ([text](label) a stub): the book's chapters looked unlinked. A .rst page is
    read by its title and links (Sphinx's :doc: and :ref: too). Sphinx publishes
    each page at its path as .html, html.baseurl is the book's address: pages had no url. The book's
    parts (the captions of _toc.yml) are its sections: every chapter was filed under its folder,
    "Chapters"."""
    import qagraph

    for name, text in JUPYTER_BOOK.items():
        write_article(tmp_path / "book", name, text)
    result = load_corpus(tmp_path / "book")
    titles = {a.path: a.title for a in result.articles}
    assert titles == {
        "intro.md": "Welcome to the Data Book", "chapters/basics/setup.md": "Setting up",
        "chapters/basics/numbers.md": "Numbers", "chapters/basics/floats.md": "Floats",
        "chapters/advanced/notebook.ipynb": "A notebook chapter", "chapters/advanced/rst_page.rst": "An RST page"}
    assert {a.path: a.url for a in result.articles} == {  # Sphinx's: each page at its path, as .html
        "intro.md": "/intro.html", "chapters/basics/setup.md": "/chapters/basics/setup.html",
        "chapters/basics/numbers.md": "/chapters/basics/numbers.html", "chapters/basics/floats.md":
        "/chapters/basics/floats.html", "chapters/advanced/notebook.ipynb": "/chapters/advanced/notebook.html",
        "chapters/advanced/rst_page.rst": "/chapters/advanced/rst_page.html"}
    assert {a.path: a.subject for a in result.articles} == {  # the parts of _toc.yml
        "intro.md": "Uncategorised", "chapters/basics/setup.md": "Basics", "chapters/basics/numbers.md": "Basics",
        "chapters/basics/floats.md": "Basics", "chapters/advanced/notebook.ipynb": "Advanced",
        "chapters/advanced/rst_page.rst": "Advanced"}
    notebook = next(a for a in result.articles if a.path.endswith(".ipynb"))
    assert "print" not in notebook.body and "More text." in notebook.body
    why = {p.path: p.message for p in result.problems}
    assert why["chapters/advanced/broken.ipynb"].startswith("not a Jupyter notebook")
    assert why["_build/jupyter_execute/chapters/advanced/notebook.ipynb"] == (
        "in _build/, the book's build output (Jupyter Book, MyST), not its sources")
    assert result.rejected == ["chapters/advanced/broken.ipynb"]
    assert_every_file_accounted_for(result)
    kg = qagraph.build(tmp_path / "book", out=tmp_path / "out")
    key = {a.path.rpartition("/")[2].rpartition(".")[0]: a.key for a in result.articles}

    def related(name: str) -> list[str]:
        names = {kg.article(k): n for n, k in key.items()}
        return sorted(names.get(node, node) for node in kg.related(key[name]))

    assert related("intro") == ["floats", "notebook", "numbers", "setup"]
    assert related("setup") == ["intro", "numbers", "rst_page"]
    assert related("rst_page") == ["floats", "notebook"]
    assert related("numbers") == ["floats", "setup"]
    assert related("floats") == ["numbers", "setup"]
    assert related("notebook") == ["floats", "numbers", "setup"]  # #more-text: a heading of its own
    assert kg.counts.get("stubs", 0) == 0



SPHINX_DOCS = {
    "README.md": "# The tool\n\nRead [the docs](docs/index.md).\n",
    "docs/conf.py": 'project = "Tool"\n# extensions = ["recommonmark"]\nextensions = [\n    "myst_parser",\n'
                    '    "sphinx.ext.autodoc",\n]\nexclude_patterns = ["_build", "drafts/*"]\n'
                    'templates_path = ["_templates"]\nhtml_baseurl = "https://tool.example.org/"\n',
    "docs/index.md": "# Tool\n\n```{toctree}\n:caption: Tutorials\n:maxdepth: 1\n\nlearn/first-steps\n"
                     "More steps <learn/more.md>\n```\n\n:::{toctree}\n:caption: How-to guides\n:glob:\n\nrecipes/*\n:::\n",
    "docs/learn/first-steps.md": "(first-steps)=\n# First steps\n\nThen {doc}`more`, or {ref}`the recipes <baking>`.\n",
    "docs/learn/more.md": "# More steps\n\n```{toctree}\ndeeper\n```\n\nBack to [the first steps](first-steps).\n",
    "docs/learn/deeper.rst": "Deeper\n======\n\nSee :doc:`/recipes/bake`.\n",
    "docs/recipes/bake.md": "(baking)=\n# Baking\n\nSee [](#first-steps) and [the tool](https://tool.example.org/index.html).\n",
    "docs/orphan.md": "---\norphan: true\n---\n# Orphan page\n",
    "docs/drafts/wip.md": "# Work in progress\n",
    "docs/_templates/note.md": "# A template\n",
    "docs/_build/html/_sources/index.md": "# Tool\n",
}


def test_a_sphinx_projects_myst_pages_are_its_site(tmp_path: Path):
    """A Sphinx project that reads Markdown (conf.py naming myst_parser: a Read the Docs project's docs/)
    publishes each Markdown and reStructuredText file of its folder at its path as .html, titled by its
    heading, linked by MyST's {doc} and {ref} roles and (label)= targets, but for its exclude_patterns, its
    templates and its _build/ output; its sidebar files pages under the captions of the root document's
    toctrees. It was recognised as no site: the repository's README was a page, {doc} and {ref} were no
    links, [text](label) a stub, the .rst page lost, pages had no url and were filed by folder."""
    import qagraph

    write_site(tmp_path / "repo", SPHINX_DOCS)
    result = load_corpus(tmp_path / "repo")
    assert result.detection is not None and result.detection.preset == "generic"
    assert "docs/conf.py in the folder (a Sphinx site with MyST Markdown)" in result.detection.reason
    by = {a.path.removeprefix("docs/"): a for a in result.articles}
    assert {p: (a.title, a.url, a.subject) for p, a in by.items()} == {
        "index.md": ("Tool", "/index.html", "Uncategorised"),
        "learn/first-steps.md": ("First steps", "/learn/first-steps.html", "Tutorials"),
        "learn/more.md": ("More steps", "/learn/more.html", "Tutorials"),
        "learn/deeper.rst": ("Deeper", "/learn/deeper.html", "Tutorials"),  # from a page its toctree lists
        "recipes/bake.md": ("Baking", "/recipes/bake.html", "How-to guides"),  # by the :glob:
        "orphan.md": ("Orphan page", "/orphan.html", "Uncategorised")}  # in no toctree, published all the same
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["README.md"] == "outside the content folder docs/: not a page"
    assert why["docs/drafts/wip.md"] == "excluded by the site's config (exclude_patterns: drafts/*): not a page"
    assert why["docs/_templates/note.md"] == "excluded by the site's config (exclude_patterns: _templates/**): not a page"
    assert why["docs/_build/html/_sources/index.md"].startswith("in _build/")
    assert_every_file_accounted_for(result)
    kg = qagraph.build(tmp_path / "repo", out=tmp_path / "out")
    key = {a.path.rpartition("/")[2].rpartition(".")[0]: a.key for a in result.articles}

    def related(name: str) -> list[str]:
        names = {kg.article(k): n for n, k in key.items()}
        return sorted(names.get(node, node) for node in kg.related(key[name]))

    assert related("first-steps") == ["bake", "more"]
    assert related("more") == ["first-steps"]
    assert related("deeper") == ["bake"]
    assert related("bake") == ["first-steps", "index"]
    assert kg.counts.get("stubs", 0) == 0


def test_a_sphinx_project_without_markdown_is_no_site(tmp_path: Path):
    """Sphinx builds no page of a Markdown file unless an extension reads them: a conf.py without one (or
    naming it in a comment only) makes no site of the folder."""
    write_site(tmp_path / "repo", {"docs/conf.py": 'extensions = ["sphinx.ext.autodoc"]  # "myst_parser"\n'
                                                   '# extensions.append("myst_parser")\n',
                                   "docs/index.rst": "Tool\n====\n", "notes.md": "# Notes\n"})
    result = load_corpus(tmp_path / "repo")
    assert result.detection is not None and "Sphinx" not in result.detection.reason



def test_a_myst_label_may_hold_slashes(tmp_path: Path):
    """MyST's (label)= targets may hold slashes, (guide/setup-target)=, as MyST-Parser's own docs name theirs:
    {ref}`guide/setup-target`, [text](guide/setup-target) and [text](#guide/setup-target) reach the page that
    defines it. The first two were read as paths that name no page (stubs), the third as no link."""
    import qagraph

    write_site(tmp_path / "docs", {
        "conf.py": 'extensions = ["myst_parser"]\n',
        "index.md": "# Home\n\nSee {ref}`guide/setup-target`.\n",
        "a/one.md": "# One\n\nSee [the setup](guide/setup-target).\n",
        "b/two.md": "# Two\n\nSee [the setup](#guide/setup-target) and [a heading](#two).\n",
        "guide/setup.md": "(guide/setup-target)=\n# Setting up\n",
    })
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    setup = kg.article("guide/setup.md")
    assert [kg.related(page) for page in ("index.md", "a/one.md", "b/two.md")] == [[setup]] * 3
    assert kg.counts.get("stubs", 0) == 0



def test_a_sphinx_page_that_opens_with_an_include_is_titled_by_it(tmp_path: Path):
    """A Read the Docs project's home page often shows its README (```{include} ../README.md```, options
    taking a part of it): Sphinx (a Jupyter Book too) titles the page by the first heading of what it includes,
    when the page has none of its own before. Such pages were titled by their file names (index, contributing)."""
    write_site(tmp_path / "repo", {
        "README.md": "<!-- badges -->\n# Pebble tools\n\n<!-- start intro -->\nSmall tools.\n<!-- end intro -->\n",
        "CONTRIBUTING.md": "Contributor Guide\n=================\n\nThanks.\n",
        "docs/conf.py": 'extensions = ["myst_parser"]\n',
        "docs/index.md": "---\nhide-toc: true\n---\n```{include} ../README.md\n:relative-images:\n```\n\n"
                         "## More\n\n```{toctree}\ncontributing\nabout\nusage\n```\n",
        "docs/contributing.md": "```{include} ../CONTRIBUTING.md\n```\n",
        "docs/about.md": "# About us\n\n```{include} ../README.md\n```\n",
        "docs/usage.md": "```{include} ../README.md\n---\nstart-after: <!-- start intro -->\nend-before: <!-- end intro -->\n"
                         "---\n```\n\n## Using it\n",
        "docs/example.md": "````md\n```{include} ../README.md\n```\n````\n\n# Including a file\n",  # an example, in code
    })
    result = load_corpus(tmp_path / "repo")
    assert {a.path: a.title for a in result.articles} == {
        "docs/index.md": "Pebble tools", "docs/contributing.md": "Contributor Guide",
        "docs/about.md": "About us",  # its own heading comes first
        "docs/usage.md": "Using it",  # the part it includes has no heading
        "docs/example.md": "Including a file"}
    write_site(tmp_path / "book-repo", {  # a Jupyter Book's, so
        "README.md": "# Pebble book\n", "book/_toc.yml": "format: jb-book\nroot: intro\n",
        "book/_config.yml": "title: B\n", "book/intro.md": "```{include} ../README.md\n```\n"})
    assert [a.title for a in load_corpus(tmp_path / "book-repo").articles] == ["Pebble book"]



def test_a_jekyll_repository_with_sphinx_docs_is_its_jekyll_site(tmp_path: Path):
    """A repository whose own folder is a Jekyll site (its GitHub Pages: _config.yml, _posts/) that keeps Sphinx
    docs in docs/ is read as the Jekyll site it is, as before Sphinx projects were recognised: its posts are pages."""
    write_site(tmp_path / "repo", {
        "_config.yml": "title: Blog\n", "_posts/2024-01-02-hello.md": "---\ntitle: Hello\n---\nHi.\n",
        "docs/conf.py": 'extensions = ["myst_parser"]\n', "docs/index.md": "# Docs\n"})
    result = load_corpus(tmp_path / "repo")
    assert result.detection is not None and result.detection.preset == "jekyll"
    assert "_posts/2024-01-02-hello.md" in {a.path for a in result.articles}



def test_a_jupyter_books_table_of_contents_of_before_0_11_files_its_parts(tmp_path: Path):
    """A Jupyter Book's _toc.yml of before 0.11 is a list (its first file the root, '- part: Name' over a part's
    chapters), which Jupyter Book 0.10 builds, and many books keep: its parts are the sections its sidebar shows,
    as the captions of the newer form are. Its pages were filed by folder."""
    write_site(tmp_path / "book", {
        "_config.yml": "title: Old book\n",
        "_toc.yml": "- file: intro\n- part: Get started\n  chapters:\n  - file: start/overview\n    sections:\n"
                    "    - file: start/install\n- part: Reference\n  chapters:\n  - file: ref/cli\n",
        "intro.md": "# Intro\n", "start/overview.md": "# Overview\n", "start/install.md": "# Install\n",
        "ref/cli.md": "# CLI\n"})
    result = load_corpus(tmp_path / "book")
    assert {a.path: a.subject for a in result.articles} == {
        "intro.md": "Uncategorised", "start/overview.md": "Get started", "start/install.md": "Get started",
        "ref/cli.md": "Reference"}



def test_a_myst_sites_toc_groups_file_its_pages(tmp_path: Path):
    """A MyST site (Jupyter Book 2: myst.yml) groups its pages in its project's toc (an entry's title over its
    children, a pattern's files too), as its sidebar shows them: a page's subject is the group that lists it,
    at any depth. Its pages were filed by folder."""
    write_site(tmp_path / "book", {
        "myst.yml": "version: 1\nproject:\n  title: Field notes\n  toc:\n    - file: index.md\n"
                    "    - title: Getting started\n      children:\n        - file: setup/install.md\n"
                    "        - file: setup/first.md\n          children:\n            - file: setup/deeper.md\n"
                    "    - title: Notebooks\n      children:\n        - pattern: nb/*.ipynb\n"
                    "    - file: about.md\n      children:\n        - file: setup/team.md\nsite:\n  template: book-theme\n",
        "index.md": "# Field notes\n", "setup/install.md": "# Install\n", "setup/first.md": "# First\n",
        "setup/deeper.md": "# Deeper\n", "setup/team.md": "# Team\n", "about.md": "# About\n",
        "nb/one.ipynb": _notebook(("markdown", "# One\n")), "nb/two.ipynb": _notebook(("markdown", "# Two\n"))})
    result = load_corpus(tmp_path / "book")
    assert {a.path: a.subject for a in result.articles} == {
        "index.md": "Uncategorised", "setup/install.md": "Getting started", "setup/first.md": "Getting started",
        "setup/deeper.md": "Getting started", "nb/one.ipynb": "Notebooks", "nb/two.ipynb": "Notebooks",
        "about.md": "Uncategorised", "setup/team.md": "Setup"}  # under a page, no group: by folder



def test_a_restructuredtext_page_labelled_before_its_title_is_titled_by_it(tmp_path: Path):
    """Sphinx pages often open with a label for their first section (.. _install-guide: above the title): the
    page is titled by that title all the same, and {ref}`install-guide` reaches it. The title was not read (the
    page titled by its file name, index), as a label before it stopped the look for it."""
    import qagraph

    write_site(tmp_path / "docs", {
        "conf.py": 'extensions = ["myst_parser"]\n',
        "index.rst": ".. _install-guide:\n\nInstallation\n============\n\nSee :ref:`the usage <usage>`.\n",
        "usage.md": "(usage)=\n# Usage\n\nBack: {ref}`install-guide`.\n"})
    result = load_corpus(tmp_path / "docs")
    assert {a.path: a.title for a in result.articles} == {"index.rst": "Installation", "usage.md": "Usage"}
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    assert kg.related("usage.md") == [kg.article("index.rst")] and kg.related("index.rst") == [kg.article("usage.md")]



def test_a_restructuredtext_pages_file_wide_fields_and_directives_before_its_title_are_passed_over(tmp_path: Path):
    """Sphinx reads a page's file-wide fields (:orphan:, :tocdepth: 2) and directives (.. meta:: with its indented
    options) before its title, which still titles the page. The title was not read: the page was titled by its
    file name."""
    write_site(tmp_path / "docs", {
        "conf.py": 'extensions = ["myst_parser"]\n', "index.md": "# Home\n",
        "orphan.rst": ":orphan:\n:tocdepth: 2\n\n.. meta::\n   :description: An old page\n   :keywords: old\n\n"
                      "Old release notes\n=================\n\nText.\n"})
    result = load_corpus(tmp_path / "docs")
    assert {a.path: a.title for a in result.articles} == {"index.md": "Home", "orphan.rst": "Old release notes"}



def test_a_sphinx_myst_page_is_titled_by_its_heading_not_its_title_field(tmp_path: Path):
    """MyST-Parser keeps a page's front-matter title as metadata, and Sphinx titles the page by its first heading
    (but with myst_title_to_header = True, which makes the title field the page's heading). The title field titled
    the page."""
    for to_header in (False, True):
        write_site(tmp_path / f"docs-{to_header}", {
            "conf.py": f'extensions = ["myst_parser"]\nmyst_title_to_header = {to_header}\n',
            "index.md": "---\ntitle: Tool home\n---\n# Welcome to the tool\n"})
        result = load_corpus(tmp_path / f"docs-{to_header}")
        assert [a.title for a in result.articles] == ["Tool home" if to_header else "Welcome to the tool"]



def test_myst_project_links_reach_their_pages(tmp_path: Path):
    """MyST writes a link to a page of the project, or to a target, with its project: scheme, as a link
    ([the guide](project:guide.md)) or an autolink (<project:guide.md>, <project:#setup-label>): each reaches the
    page. They were no links."""
    import qagraph

    write_site(tmp_path / "docs", {
        "conf.py": 'extensions = ["myst_parser"]\n',
        "index.md": "# Home\n\nRead <project:guide.md>, [the setup](project:#setup-label).\n",
        "guide.md": "# Guide\n\nSee <project:#setup-label> and `<project:index.md>` (code).\n",
        "setup.md": "(setup-label)=\n# Setup\n"})
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    assert sorted(kg.related("index.md")) == sorted([kg.article("guide.md"), kg.article("setup.md")])
    assert kg.related("guide.md") == [kg.article("setup.md")]


QUARTO_BLOG = {
    "_quarto.yml": "project:\n  type: website\n  output-dir: ./public\n\nwebsite:\n  title: \"myblog\"\n  site-url: https://example.quarto.pub/myblog\n"
                   "  navbar:\n    right:\n      - about.qmd\nformat:\n  html:\n    theme: cosmo\n",
    "index.qmd": "---\ntitle: \"myblog\"\nlisting:\n  contents: posts\n  sort: \"date desc\"\n---\n",
    "about.qmd": "---\ntitle: \"About\"\nabout:\n  template: jolla\n---\n\nStart with the [welcome post](posts/welcome/index.qmd).\n",
    "posts/_metadata.yml": "# options specified here will apply to all posts in this folder\nfreeze: true\n"
                           "title-block-banner: true\nauthor: \"The Team\"\n",
    "posts/welcome/index.qmd": "---\ntitle: \"Welcome To My Blog\"\nauthor: \"Tristan O'Malley\"\ndate: \"2024-06-03\"\n"
                               "categories: [news]\n---\n\nSee [the code post](../post-with-code/index.qmd).\n",
    "posts/post-with-code/index.qmd": "---\ntitle: \"Post With Code\"\ndate: \"2024-06-06\"\ncategories: [news, code]\n---\n\n"
                                      "Back to [welcome](/posts/welcome/) and [about](../../about.html).\n\n"
                                      "{{< include _setup.qmd >}}\n\n```{r}\n1 + 1\n```\n",
    "posts/post-with-code/_setup.qmd": "Some shared text.\n",
    "notes/plain.md": "# A plain note\n\nNo front matter, [home](../index.qmd).\n",
    "README.md": "# myblog\n\nThe source of my blog.\n",
    "_site/posts/welcome/index.md": "# a copy\n",
    "public/about.md": "# a copy in the output-dir\n",
}


def test_a_quarto_projects_pages_are_read_as_quarto_renders_them(tmp_path: Path):
    """A Quarto website or blog (``_quarto.yml``) is made of ``.qmd`` files (and ``.md``, ``.ipynb``,
    ``.Rmd``): none was read, and the build said no article file was there. Quarto renders each at its path
    as ``.html`` (a link to the ``.qmd`` file is to that page), leaves out files and folders named ``_...``
    (included files, its ``_site/`` output) and READMEs, gives a folder's pages the fields of its
    ``_metadata.yml`` under their own, and its ``website: site-url`` is the site's url."""
    import qagraph

    site = tmp_path / "blog"
    write_site(site, QUARTO_BLOG)
    result = load_corpus(site)
    assert result.detection is not None and "_quarto.yml in the folder (a Quarto project)" in result.detection.reason
    by = {a.path: a for a in result.articles}
    assert {path: a.url for path, a in by.items()} == {
        "index.qmd": "/index.html", "about.qmd": "/about.html", "posts/welcome/index.qmd": "/posts/welcome/index.html",
        "posts/post-with-code/index.qmd": "/posts/post-with-code/index.html", "notes/plain.md": "/notes/plain.html"}
    assert by["posts/welcome/index.qmd"].title == "Welcome To My Blog" and by["notes/plain.md"].title == "A plain note"
    assert by["posts/welcome/index.qmd"].date == "2024-06-03" and "news" in by["posts/post-with-code/index.qmd"].keywords
    assert by["posts/welcome/index.qmd"].author == "Tristan O'Malley"  # its own field over its folder's
    assert by["posts/post-with-code/index.qmd"].author == "The Team"  # posts/_metadata.yml's
    assert {a.subject_slug for a in result.articles if a.path.startswith("posts/")} == {"posts"}  # a post's folder is no section
    assert result.fields.site_url == "https://example.quarto.pub/myblog"
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == {"posts/post-with-code/_setup.qmd", "README.md", "_site/posts/welcome/index.md", "public/about.md"}
    assert "README" in why["README.md"] and why["posts/post-with-code/_setup.qmd"].startswith("a partial")
    assert_every_file_accounted_for(result)
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("about.qmd") == [kg.article("posts/welcome/index.qmd")]
    assert kg.related("posts/post-with-code/index.qmd") == [kg.article("posts/welcome/index.qmd"), kg.article("about.qmd")]
    assert kg.related("notes/plain.md") == [kg.article("index.qmd")]


def test_a_quarto_project_renders_what_its_render_list_names(tmp_path: Path):
    """A Quarto project's ``project: render`` list says what it renders: a glob at any depth (``*.qmd``), a
    plain name from the project's folder, ``!`` leaving out (``!drafts/``: the folder's files, at any depth).
    The files it names none of were pages (``render: ["*.qmd"]`` keeps a project's .md notes out of its site)."""
    site = tmp_path / "site"
    write_site(site, {
        "_quarto.yml": "project:\n  type: website\n  render:\n    - \"*.qmd\"\n    - notes/keep.md\n    - \"!drafts/\"\n",
        "index.qmd": "# Home\n",
        "posts/a/index.qmd": "# A\n",
        "posts/drafts/b.qmd": "# B\n",
        "notes/keep.md": "# Kept\n",
        "notes/other.md": "# Other\n",
        "CONTRIBUTING.md": "# How to help\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["index.qmd", "notes/keep.md", "posts/a/index.qmd"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == {"posts/drafts/b.qmd", "notes/other.md", "CONTRIBUTING.md"}
    assert why["notes/other.md"] == "not among the files _quarto.yml's project: render names: Quarto does not render it"
    assert_every_file_accounted_for(result)


def test_a_quarto_book_renders_the_chapters_its_config_lists_under_their_parts(tmp_path: Path):
    """A Quarto book (``project: type: book``) renders the files its ``book: chapters`` and ``appendices``
    list, and files its chapters under their ``part`` (a title, or a file whose title it is; appendices
    under "Appendices"). Every .qmd and .Rmd of the repository was a page (r4ds keeps the first edition's
    .Rmd chapters beside the second's), all filed under "Uncategorised"."""
    site = tmp_path / "r4ds"
    write_site(site, {
        "_quarto.yml": "project:\n  type: book\n  output-dir: _book\n\nbook:\n  title: \"R for Data Science (2e)\"\n"
                       "  site-url: https://r4ds.hadley.nz/\n  chapters:\n    - index.qmd\n\n    - preface-2e.qmd\n"
                       "    - intro.qmd\n    - part: whole-game.qmd\n      chapters:\n        - data-visualize.qmd\n"
                       "        - workflow-basics.qmd\n    - part: \"Transform\"\n      chapters:\n        - logicals.qmd\n"
                       "  appendices:\n    - base-R.qmd\n",
        "index.qmd": "# Welcome {.unnumbered}\n\nThis is the website for the 2nd edition.\n",
        "preface-2e.qmd": "# Preface to the second edition {.unnumbered}\n",
        "intro.qmd": "# Introduction {#sec-intro .unnumbered}\n",
        "whole-game.qmd": "# Whole game {#sec-whole-game .unnumbered}\n\nSee @sec-data-visualization.\n",
        "data-visualize.qmd": "# Data visualization {#sec-data-visualization}\n",
        "workflow-basics.qmd": "# Workflow: basics {#sec-workflow-basics}\n",
        "logicals.qmd": "# Logical vectors {#sec-logicals}\n",
        "base-R.qmd": "# A field guide to base R {#sec-base-r}\n",
        "EDA.Rmd": "# Exploratory Data Analysis\n",
        "README.md": "# R for Data Science\n",
    })
    result = load_corpus(site)
    by = {a.path: a for a in result.articles}
    assert sorted(by) == ["base-R.qmd", "data-visualize.qmd", "index.qmd", "intro.qmd", "logicals.qmd",
                          "preface-2e.qmd", "whole-game.qmd", "workflow-basics.qmd"]
    assert {path: a.subject for path, a in by.items() if a.subject != "Uncategorised"} == {
        "whole-game.qmd": "Whole game", "data-visualize.qmd": "Whole game", "workflow-basics.qmd": "Whole game",
        "logicals.qmd": "Transform", "base-R.qmd": "Appendices"}
    assert by["data-visualize.qmd"].url == "/data-visualize.html" and result.fields.site_url == "https://r4ds.hadley.nz"
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["EDA.Rmd"] == "not in _quarto.yml: the book does not publish it"
    assert_every_file_accounted_for(result)


def test_a_quarto_section_cross_reference_links_to_the_page_that_defines_it(tmp_path: Path):
    """A Quarto book's chapters refer to each other by their sections' ids (``@sec-data-visualization``,
    ``[-@sec-logicals]``, to the chapter whose heading says ``{#sec-data-visualization}``): the book's pages
    had none of those links. A reference no page defines is a stub, as Quarto leaves it unresolved; a
    citation (``@wickham2019``), an e-mail address or a reference in code is none."""
    import qagraph

    site = tmp_path / "book"
    write_site(site, {
        "_quarto.yml": "project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n    - visualize.qmd\n    - logicals.qmd\n",
        "index.qmd": "# Welcome {.unnumbered}\n\nStart with @sec-data-visualization, then [-@sec-logicals]; "
                     "see @wickham2019 and mail me@sec-example.org.\n\n```r\n# @sec-logicals\n```\n",
        "visualize.qmd": "# Data visualization {#sec-data-visualization}\n\n## Aesthetics {#sec-aesthetics}\n\n"
                         "As in @sec-aesthetics, and @Sec-logicals.\n",
        "logicals.qmd": "# Logical vectors {#sec-logicals}\n\nSee @sec-gone.\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("index.qmd") == [kg.article("visualize.qmd"), kg.article("logicals.qmd")]
    assert kg.related("visualize.qmd") == [kg.article("logicals.qmd")]  # its own section is no link
    assert [n for n, k in kg.graph.nodes(data="kind") if k == "stub"] == ["article:sec-gone"]


def test_a_quarto_figure_or_table_cross_reference_links_to_the_page_that_defines_it(tmp_path: Path):
    """In a Quarto book a cross-reference reaches across chapters for figures and tables as for sections
    (``@fig-penguins``, ``[-@tbl-cars]``, ``@Fig-penguins``): to the chapter that labels the figure or table, by an
    attribute (``![Penguins](p.png){#fig-penguins}``, a table's ``: Cars {#tbl-cars}``, a ``::: {#fig-grid}`` div) or
    by a code cell's ``#| label: fig-scatter``. They were not read, so a book's chapters had none of those links.
    A reference to the page's own figure is no link; a label in a code block shown as code labels nothing."""
    import qagraph

    site = tmp_path / "book"
    write_site(site, {
        "_quarto.yml": "project:\n  type: book\nbook:\n  chapters:\n    - index.qmd\n    - penguins.qmd\n"
                       "    - cars.qmd\n    - plots.qmd\n",
        "index.qmd": "# Welcome {.unnumbered}\n\nSee @fig-penguins and [-@tbl-cars], then @Fig-scatter and @fig-grid.\n"
                     "\n````markdown\n```{r}\n#| label: fig-shown\n```\n````\n",
        "penguins.qmd": "# Penguins\n\n![Penguins by island](penguins.png){#fig-penguins fig-alt=\"A bar chart\"}\n\n"
                        "As @fig-penguins shows, and @fig-shown does not.\n",
        "cars.qmd": "# Cars\n\n| speed | dist |\n|---|---|\n| 4 | 2 |\n\n: Stopping distances {#tbl-cars}\n\n"
                    "::: {#fig-grid layout-ncol=2}\n![A](a.png)\n\n![B](b.png)\n\nA grid\n:::\n",
        "plots.qmd": "# Plots\n\n```{r}\n#| label: fig-scatter\n#| fig-cap: \"A scatter plot\"\nplot(cars)\n```\n\n"
                     "Compare @tbl-cars.\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("index.qmd") == [kg.article("penguins.qmd"), kg.article("cars.qmd"), kg.article("plots.qmd")]
    assert kg.related("plots.qmd") == [kg.article("cars.qmd")]
    assert kg.related("penguins.qmd") == [kg.article("fig-shown")]  # a stub: no page labels it


@pytest.mark.parametrize("kind", ["website", "default"])
def test_a_quarto_website_s_cross_reference_to_another_page_is_no_link(tmp_path: Path, kind: str):
    """Quarto resolves a cross-reference across pages in a book only: in a website (or a project of lone
    documents) ``@sec-intro`` on one page to a heading of another renders as ``?@sec-intro``, with a warning
    "Unable to resolve crossref" (quarto-dev/quarto-cli#12142, closed as such: link to the page,
    ``[text](other.qmd#sec-intro)``). A website's pages were linked by such references as a book's chapters are."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_quarto.yml": f"project:\n  type: {kind}\n",
        "index.qmd": "---\ntitle: Home\n---\nSee @sec-intro and @fig-plot; [the post](post.qmd#sec-intro).\n",
        "notes.qmd": "---\ntitle: Notes\n---\nSee @sec-intro.\n",
        "post.qmd": "---\ntitle: Post\n---\n## Intro {#sec-intro}\n\n![A plot](plot.png){#fig-plot}\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("index.qmd") == [kg.article("post.qmd")]
    assert kg.related("notes.qmd") == []
    assert kg.counts.get("stubs", 0) == 0


def test_a_quarto_link_to_a_notebook_is_a_link_to_its_page(tmp_path: Path):
    """Quarto renders a project's notebooks as pages (``01_core.ipynb`` at ``/01_core.html``) and a link to one
    (``[core](01_core.ipynb)``, as nbdev's docs write them) as a link to that page. Such links were read as
    links to attachments and dropped, in a website as in a book, so a site of notebooks had no links."""
    import qagraph

    notebook = json.dumps({"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Core\n", "\n",
                                                                                      "See [the intro](index.ipynb).\n"]}],
                           "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    site = tmp_path / "site"
    write_site(site, {
        "_quarto.yml": "project:\n  type: website\n",
        "index.ipynb": notebook.replace("# Core", "# Intro").replace("[the intro](index.ipynb)", "[core](01_core.ipynb)"),
        "01_core.ipynb": notebook,
        "about.qmd": "---\ntitle: About\n---\n[core](./01_core.ipynb#api) and [a picture](plot.png)\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("index.ipynb") == [kg.article("01_core.ipynb")]
    assert kg.related("01_core.ipynb") == [kg.article("index.ipynb")]
    assert kg.related("about.qmd") == [kg.article("01_core.ipynb")]


def test_a_repositorys_jupyter_book_is_its_book_folder(tmp_path: Path):
    """A repository often keeps its Jupyter Book in a folder of its own (book/, docs/): read from the
    repository, the book was no book (its notebooks lost, its MyST links dropped, its pages without
    urls), and the repository's own files were pages."""
    import qagraph

    repo = tmp_path / "repo"
    for name, text in {**{f"book/{n}": t for n, t in JUPYTER_BOOK.items()},
                       "README.md": "# The repository\n", "scripts/notes.md": "# Notes\n"}.items():
        write_article(repo, name, text)
    result = load_corpus(repo)
    assert result.detection is not None and "book/_toc.yml in the folder (a Jupyter Book)" in result.detection.reason
    assert sorted(a.path for a in result.articles) == [
        "book/chapters/advanced/notebook.ipynb", "book/chapters/advanced/rst_page.rst", "book/chapters/basics/floats.md",
        "book/chapters/basics/numbers.md", "book/chapters/basics/setup.md", "book/intro.md"]
    by = {a.path: a for a in result.articles}
    assert (by["book/intro.md"].url, by["book/chapters/basics/setup.md"].subject) == ("/intro.html", "Basics")
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["README.md"] == why["scripts/notes.md"] == "outside the content folder book/: not a page"
    kg = qagraph.build(repo, out=tmp_path / "out")
    alone = qagraph.build(repo / "book", out=tmp_path / "out-book")  # the same links as the book read by itself
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == alone.counts["edges"]["related"] == 16


def test_a_jupyter_book_publishes_what_its_config_says(tmp_path: Path):
    """With only_build_toc_files: true a Jupyter Book publishes only the pages its _toc.yml lists, and
    never those its exclude_patterns name (Sphinx's globs): they were articles. Without the setting, a
    page the _toc.yml does not list is published all the same (Sphinx warns that it is in no toctree)."""
    for only in (True, False):
        book = tmp_path / f"book-{only}"
        write_site(book, {
            "_config.yml": f"title: B\nonly_build_toc_files: {str(only).lower()}\nexclude_patterns: [drafts/*, '**/scratch.md']\n",
            "_toc.yml": "format: jb-book\nroot: intro\nchapters:\n- file: a/one\n  sections:\n  - file: a/two.ipynb\n",
            "intro.md": "# Intro\n", "a/one.md": "# One\n", "a/two.ipynb": _notebook(("markdown", "# Two\n")),
            "orphan.md": "# Orphan\n", "drafts/d.md": "# Draft\n", "a/scratch.md": "# Scratch\n",
        })
        result = load_corpus(book)
        published = ["a/one.md", "a/two.ipynb", "intro.md"] + ([] if only else ["orphan.md"])
        assert sorted(a.path for a in result.articles) == published
        why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
        assert why["drafts/d.md"] == "excluded by the site's config (exclude_patterns: drafts/*): not a page"
        assert why["a/scratch.md"] == "excluded by the site's config (exclude_patterns: **/scratch.md): not a page"
        if only:
            assert why["orphan.md"] == "not in _toc.yml: the book does not publish it"
        assert_every_file_accounted_for(result)


def test_a_zola_sites_taxonomies_are_its_keywords_and_subjects(tmp_path: Path):
    """Zola keeps tags and categories in a [taxonomies] table, and its config says base_url: the site was
    read as a Hugo site (TOML front matter, _index.md sections) with no keywords and no subject field,
    and links to the site's own url were dropped."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://example.com"\ncompile_sass = true\n'
                       'taxonomies = [\n    {name = "tags"},\n    {name = "categories"},\n]\n\n[markdown]\nhighlight_code = true\n',
        "content/_index.md": '+++\ntitle = "Home"\n+++\n',
        "content/blog/_index.md": '+++\ntitle = "Blog"\nsort_by = "date"\n+++\n',
        "content/blog/first.md": '+++\ntitle = "First"\ndate = 2019-11-27\n\n[taxonomies]\ntags = ["rust", "zola"]\n'
                                 'categories = ["Programming"]\n+++\nNext: [second](@/blog/second.md).\n',
        "content/blog/second.md": '+++\ntitle = "Second"\ndate = 2019-11-28\n\n[taxonomies]\ntags = ["rust", "web"]\n+++\n'
                                  "Back to [first](https://example.com/blog/first/).\n",
        "themes/even/README.md": '+++\ntitle = "theme"\n+++\n',
    })
    result = load_corpus(site)
    assert result.detection is not None and result.detection.preset == "hugo"
    assert "a Zola site" in result.detection.reason and result.fields.site_url == "https://example.com"
    by = {a.path: a for a in result.articles}
    assert by["content/blog/first.md"].keywords == ("rust", "zola")
    assert by["content/blog/first.md"].subject == "Programming"
    assert by["content/blog/second.md"].subject == "Blog"
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("blog/second") == [kg.article("blog/first")]


def test_a_zola_site_leaves_out_what_its_ignored_content_names(tmp_path: Path):
    """Zola does not read the content files its ``ignored_content`` globs match: each is matched against the
    file's whole path, a ``*`` standing for any characters, ``/`` among them (``*drafts/*`` names the files of any
    drafts/ folder, ``*.{draft,tmp}.md`` two endings), as its globset does. They were pages, and links to them
    reached them, where Zola builds nothing; a glob that names no file leaves every page in."""
    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://example.com"\n'
                       'ignored_content = ["*drafts/*", "*.{draft,tmp}.md", "notes.md"]\n\n[markdown]\n',
        "content/_index.md": '+++\ntitle = "Home"\n+++\n',
        "content/blog/first.md": '+++\ntitle = "First"\n+++\n',
        "content/blog/drafts/later.md": '+++\ntitle = "Later"\n+++\n',
        "content/blog/idea.draft.md": '+++\ntitle = "Idea"\n+++\n',
        "content/notes.md": '+++\ntitle = "Notes"\n+++\n',
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["content/_index.md", "content/blog/first.md", "content/notes.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == {"content/blog/drafts/later.md": "excluded by the site's config (ignored_content: *drafts/*): not a page",
                   "content/blog/idea.draft.md": "excluded by the site's config (ignored_content: *.{draft,tmp}.md): not a page"}


@pytest.mark.parametrize("keep_dates", [False, True])
def test_a_zola_page_named_by_a_date_is_dated_by_it_and_published_at_the_rest_of_its_name(tmp_path: Path, keep_dates: bool):
    """Zola dates a page whose file name (a bundle's: its folder's) starts with a date followed by ``-`` or
    ``_`` by that date, unless its front matter writes one, and publishes it at the rest of the name
    whatever its date field says (``2018-10-10-hello-world.md`` at ``/blog/hello-world/``), unless the
    config's ``[slugify] paths_keep_dates`` keeps the date in the url. Such a site's posts were at
    ``/blog/2018-10-10-hello-world/``, undated, and every link to them by url a stub."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://z.example.org"\n'
                       + ("[slugify]\npaths_keep_dates = true\n" if keep_dates else ""),
        "content/blog/_index.md": '+++\ntitle = "Blog"\nsort_by = "date"\n+++\n',
        "content/blog/2018-10-10-hello-world.md": '+++\ntitle = "Hello"\n+++\n[s](/blog/second-post/)\n',
        "content/blog/2019-01-05_second-post.md": '+++\ntitle = "Second"\ndate = 2019-02-01\n+++\n[h](/blog/hello-world/)\n',
        "content/blog/2020-05-06-bundle/index.md": '+++\ntitle = "Bundle"\n+++\n',
        "content/blog/2020-05-07-slugged.md": '+++\ntitle = "Slugged"\nslug = "kept"\n+++\n',
        "content/blog/2021-02-30-no-day.md": '+++\ntitle = "No day"\n+++\n',
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    got = {data["path"]: (data["url"], data.get("date")) for node, data in kg.graph.nodes(data=True)
           if data.get("kind") == "article" and data["path"] != "content/blog/_index.md"}
    if keep_dates:  # dated all the same, at their whole names
        assert {path: got[path] for path in ("content/blog/2018-10-10-hello-world.md", "content/blog/2020-05-06-bundle/index.md",
                                             "content/blog/2020-05-07-slugged.md", "content/blog/2021-02-30-no-day.md")} == {
            "content/blog/2018-10-10-hello-world.md": ("/blog/2018-10-10-hello-world/", "2018-10-10"),
            "content/blog/2020-05-06-bundle/index.md": ("/blog/2020-05-06-bundle/", "2020-05-06"),
            "content/blog/2020-05-07-slugged.md": ("/blog/kept/", "2020-05-07"),
            "content/blog/2021-02-30-no-day.md": ("/blog/2021-02-30-no-day/", None)}
        assert got["content/blog/2019-01-05_second-post.md"][1] == "2019-02-01"
    else:
        assert got == {
            "content/blog/2018-10-10-hello-world.md": ("/blog/hello-world/", "2018-10-10"),
            "content/blog/2019-01-05_second-post.md": ("/blog/second-post/", "2019-02-01"),  # its own date first
            "content/blog/2020-05-06-bundle/index.md": ("/blog/bundle/", "2020-05-06"),
            "content/blog/2020-05-07-slugged.md": ("/blog/kept/", "2020-05-07"),
            "content/blog/2021-02-30-no-day.md": ("/blog/no-day/", None)}  # Zola's pattern, but no day: no date
        assert not [n for n, k in kg.graph.nodes(data="kind") if k == "stub"]
        assert kg.related("content/blog/2018-10-10-hello-world.md") == [kg.article("content/blog/2019-01-05_second-post.md")]


def test_a_zola_page_s_path_field_is_its_url(tmp_path: Path):
    """A Zola page's ``path`` is where Zola publishes it, from the site's root whatever its section, with or
    without its ``/`` (``path = "about-me"``: ``/about-me/``); Zola has no ``url`` field. The page was at its
    file's path (``/about/``), and every link to it by its url a stub."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://z.example.org"\n',
        "content/_index.md": '+++\ntitle = "Home"\n+++\n[a](/about-me/) [g](https://z.example.org/guide/start/)\n',
        "content/about.md": '+++\ntitle = "About"\npath = "about-me"\n+++\n[home](@/_index.md)\n',
        "content/docs/_index.md": '+++\ntitle = "Docs"\n+++\n',
        "content/docs/start.md": '+++\ntitle = "Start"\npath = "/guide/start"\n+++\n[a](@/about.md)\n',
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    urls = {data["path"]: data["url"] for node, data in kg.graph.nodes(data=True) if data.get("kind") == "article"}
    assert urls["content/about.md"] == "/about-me/" and urls["content/docs/start.md"] == "/guide/start/"
    assert not [n for n, k in kg.graph.nodes(data="kind") if k == "stub"]
    assert kg.related("content/_index.md") == [kg.article("content/about.md"), kg.article("content/docs/start.md")]


@pytest.mark.parametrize("strategy", [None, "safe", "off"])
def test_a_zola_page_s_slug_is_made_as_zola_s_slugify_paths_says(tmp_path: Path, strategy: str | None):
    """Zola makes a page's slug (its ``slug`` field's, else its file's or bundle's name) with its config's
    ``[slugify] paths`` strategy: ``on`` by default, ASCII lower case, a hyphen for each run of anything
    else (``My_First Post.md``: ``my-first-post``, ``Café.md``: ``cafe``); ``safe`` only drops the characters
    no path may hold; ``off`` keeps the name. Its sections' folders keep their names as written
    (``Guides/``). A Zola site's urls were made as Hugo's (``/guides/my_first-post/``), and links by its
    real urls were stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://z.example.org"\n' + (f'[slugify]\npaths = "{strategy}"\n' if strategy else ""),
        "content/Guides/_index.md": '+++\ntitle = "Guides"\n+++\n',
        "content/Guides/My_First Post.md": '+++\ntitle = "First"\n+++\n',
        "content/Guides/Café.md": '+++\ntitle = "Cafe"\n+++\n',
        "content/Guides/b.md": '+++\ntitle = "B"\nslug = "Über Uns"\n+++\n',
        "content/Guides/2020-01-02_Dated Bundle/index.md": '+++\ntitle = "Dated"\n+++\n',
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    urls = {data["path"]: data["url"] for node, data in kg.graph.nodes(data=True) if data.get("kind") == "article"}
    expected = {
        None: ["/Guides/my-first-post/", "/Guides/cafe/", "/Guides/uber-uns/", "/Guides/dated-bundle/"],
        "safe": ["/Guides/My_First Post/", "/Guides/Café/", "/Guides/Über Uns/", "/Guides/Dated Bundle/"],
        "off": ["/Guides/My_First Post/", "/Guides/Café/", "/Guides/Über Uns/", "/Guides/Dated Bundle/"],
    }[strategy]
    assert [urls[p] for p in ("content/Guides/My_First Post.md", "content/Guides/Café.md", "content/Guides/b.md",
                              "content/Guides/2020-01-02_Dated Bundle/index.md")] == expected
    assert urls["content/Guides/_index.md"] == "/Guides/"


def test_a_zola_slug_spells_letters_and_signs_out_as_zola_s_slug_crate_does(tmp_path: Path):
    """Zola's default slug (``slugify.paths = "on"``: the slug crate, each character made ASCII by deunicode)
    spells out what has no accent to drop (``Straße``: ``strasse``, ``Ærø``: ``aero``) and makes punctuation
    a hyphen (``Don’t Panic``: ``don-t-panic``, ``a—b``: ``a-b``); a letter of another script is spelled
    out by deunicode's table (``日本旅行``: ``ri-ben-lu-xing``), which qagraph has not: that page has no url,
    and is linked by its file. Such letters and signs were dropped, ``Don’t`` glued into ``dont``, and a page
    named in Chinese was at its section's url (``/blog/``), where links to the section led."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://z.example.org"\n',
        "content/blog/_index.md": '+++\ntitle = "Blog"\n+++\n[first](/blog/don-t-panic/) [strasse](/blog/strasse-aero/)\n',
        "content/blog/Don’t Panic.md": '+++\ntitle = "Panic"\n+++\n[trip](@/blog/日本旅行.md) [blog](/blog/)\n',
        "content/blog/Straße—Ærø.md": '+++\ntitle = "Strasse"\n+++\n',
        "content/blog/日本旅行.md": '+++\ntitle = "Trip"\n+++\n',
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    urls = {data["path"]: data["url"] for node, data in kg.graph.nodes(data=True) if data.get("kind") == "article"}
    assert urls == {"content/blog/_index.md": "/blog/", "content/blog/Don’t Panic.md": "/blog/don-t-panic/",
                    "content/blog/Straße—Ærø.md": "/blog/strasse-aero/", "content/blog/日本旅行.md": None}
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("content/blog/Don’t Panic.md") == [kg.article("content/blog/日本旅行.md"),
                                                        kg.article("content/blog/_index.md")]


def test_a_zola_alias_is_a_url_from_the_site_s_root(tmp_path: Path):
    """Zola writes a page's or section's ``aliases`` as redirects from the site's root whether they start with ``/``
    or not (its site's ``render_alias`` splits the alias into folders below the output folder): ``old-post`` is
    ``/old-post/``. It was read as Hugo reads a relative alias, beside the page (``/blog/old-post``), and links to
    the old url were stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://z.example.org"\n',
        "content/blog/post.md": '+++\ntitle = "Post"\naliases = ["old-post", "/2017/01/01/older/"]\n+++\n',
        "content/blog/_index.md": '+++\ntitle = "Blog"\naliases = ["news/"]\n+++\n',
        "content/about.md": '+++\ntitle = "About"\n+++\n[a](/old-post/) [b](/2017/01/01/older/) [c](/news/)\n',
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("content/about.md") == [kg.article("content/blog/post.md"), kg.article("content/blog/_index.md")]


def test_a_zola_page_or_section_with_render_false_is_no_page(tmp_path: Path):
    """Zola writes no page of a page or section whose front matter says ``render = false`` (``render`` of its
    PageFrontMatter and SectionFrontMatter, true by default; site's render_section writes a section's pages
    before it returns for one not rendered): such a section organises its pages, which are published, and
    has no page of its own. Both were articles at urls that Zola leaves empty."""
    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://z.example.org"\n',
        "content/blog/_index.md": '+++\ntitle = "Blog"\nrender = false\n+++\n',
        "content/blog/post.md": '+++\ntitle = "Post"\n+++\n',
        "content/blog/note.md": '+++\ntitle = "Note"\nrender = false\n+++\n',
        "content/about.md": '+++\ntitle = "About"\nrender = true\n+++\n',
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {"content/blog/post.md": "/blog/post/", "content/about.md": "/about/"}
    assert sorted(result.skipped) == ["content/blog/_index.md", "content/blog/note.md"]


@pytest.mark.parametrize("default", [None, "fr"])
def test_a_zola_site_s_translations_are_under_their_language(tmp_path: Path, default: str | None):
    """A Zola config names its languages other than its ``default_language`` (``en`` unless it says) by
    ``[languages.fr]`` tables, and a page's translation is ``post.fr.md``, published under ``/fr/`` (a section's,
    ``_index.fr.md``, at ``/fr/blog/``). The tables were read as Hugo's, which list every language, so one
    other language was none: translations were at ``/blog/post-fr/`` and links to ``/fr/...`` stubs."""
    import qagraph

    other = "en" if default == "fr" else "fr"
    site = tmp_path / "site"
    write_site(site, {
        "config.toml": 'base_url = "https://example.org"\n' + (f'default_language = "{default}"\n' if default else "")
                       + f'title = "Multi"\n\n[languages.{other}]\ntitle = "Other"\n\n[extra]\n',
        "content/blog/_index.md": '+++\ntitle = "Blog"\n+++\n',
        f"content/blog/_index.{other}.md": '+++\ntitle = "Blog 2"\n+++\n',
        "content/blog/post.md": f'+++\ntitle = "Post"\n+++\n[t](/{other}/blog/post/) [s](/{other}/blog/)\n',
        f"content/blog/post.{other}.md": '+++\ntitle = "Article"\n+++\n[o](/blog/post/)\n',
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    urls = {data["path"]: data["url"] for node, data in kg.graph.nodes(data=True) if data.get("kind") == "article"}
    assert urls == {"content/blog/_index.md": "/blog/", f"content/blog/_index.{other}.md": f"/{other}/blog/",
                    "content/blog/post.md": "/blog/post/", f"content/blog/post.{other}.md": f"/{other}/blog/post/"}
    assert kg.counts.get("stubs", 0) == 0


def test_a_base_url_is_zola_s_only_at_the_top_of_a_config_beside_content_and_never_in_a_hugo_site(tmp_path: Path):
    """Zola's config sets base_url at its top level, beside the content/ it builds: an app's config.toml
    with an [api] base_url above a folder of notes made them a Zola site (read as Hugo's: the notes
    without front matter skipped), and a Hugo config's [params] base_url replaced the Hugo site's url
    (links to its own pages dropped) and fitted it as Zola."""
    import qagraph

    app = tmp_path / "app"
    write_article(app, "config.toml", '[api]\nbase_url = "https://api.example.com"\n')
    for name in ("notes/alpha.md", "notes/beta.md"):
        write_article(app, name, "# A note\n\nNo front matter.\n")
    write_article(app, "notes/gamma.md", "---\ntitle: Gamma\n---\nText.\n")
    notes = load_corpus(app / "notes")
    assert notes.detection is not None and notes.detection.preset == "generic" and len(notes.articles) == 3
    site = tmp_path / "hugo"
    write_article(site, "config.toml", 'baseURL = "https://me.example.org/"\n[params]\n  base_url = "https://cdn.example.com"\n')
    write_article(site, "content/posts/p.md", '---\ntitle: P\n---\nSee [q](https://me.example.org/posts/q/).\n')
    write_article(site, "content/posts/q.md", '---\ntitle: Q\n---\nText.\n')
    result = load_corpus(site)
    assert result.detection is not None and "Zola" not in result.detection.reason
    assert result.fields.site_url == "https://me.example.org/"
    assert qagraph.build(site, out=tmp_path / "out").counts["edges"]["related"] == 1


def test_site_configs_are_read_without_failing_or_hanging_on_hostile_text(tmp_path: Path):
    """A site's config nested deeper than Python recurses ended the run as an internal error (a Hexo's
    or a Jekyll's _config.yml). And no pattern that reads a config may start a line with a blank that
    also takes line ends (``^\\s*`` under re.M): on 64 KB of blank lines each such pattern took seconds
    (one, 33 s), tried again at every line."""
    import re

    import qagraph.presets as presets

    for name, text in {"hexo/_config.yml": "new_post_name: :title.md\nx: " + "[" * 20_000 + "]" * 20_000 + "\n",
                       "jekyll/_config.yml": "title: t\nx: " + "[" * 20_000 + "]" * 20_000 + "\n"}.items():
        write_article(tmp_path, name, text)
        write_article(tmp_path, name.split("/")[0] + "/_posts/2024-01-01-a.md", "---\ntitle: A\n---\nText.\n")
        assert len(load_corpus(tmp_path / name.split("/")[0]).articles) == 1
    slow = [name for name, value in vars(presets).items() if isinstance(value, re.Pattern) and value.flags & re.M
            and re.match(r"\^(\\s|\[[^\]]*\\s)", value.pattern)]
    assert slow == []


@pytest.mark.parametrize("tool", ["vitepress", "vuepress"])
def test_a_vitepress_or_vuepress_site_s_pages_are_its_source_folder_s(tmp_path: Path, tool: str):
    """VitePress and VuePress publish every Markdown file of the folder that holds their .vitepress/ or
    .vuepress/ config (docs/): read from the repository, its README was an article, the pages were all
    Uncategorised and links to /guide/ were stubs."""
    import qagraph

    site = tmp_path / "site"
    config = "config.mts" if tool == "vitepress" else "config.js"
    home = "index.md" if tool == "vitepress" else "README.md"
    write_site(site, {
        f"docs/.{tool}/{config}": "export default { title: 'My Project', themeConfig: {} }\n",
        "package.json": f'{{"devDependencies": {{"{tool}": "^1.5.0"}}, "scripts": {{"docs:dev": "{tool} dev docs"}}}}',
        "README.md": "# The repository\n",
        f"docs/{home}": "---\nlayout: home\nhero:\n  name: My Project\n---\n",
        "docs/markdown-examples.md": "# Markdown Examples\n\nSee [API](./api-examples) and [guide](/guide/getting-started).\n",
        "docs/api-examples.md": "---\noutline: deep\n---\n\n# Runtime API\n\nBack to [examples](/markdown-examples.html).\n",
        "docs/guide/index.md": "# Guide\n\nStart with [getting started](./getting-started.md).\n",
        "docs/guide/getting-started.md": "# Getting Started\n\nRead the [guide](/guide/).\n",
        "docs/public/robots.md": "# copied as it is\n",
    })
    result = load_corpus(site)
    assert result.detection is not None and result.detection.preset == "generic"
    assert result.fields.content_dir == "docs/"
    by = {a.path: a for a in result.articles}
    assert sorted(by) == sorted(["docs/api-examples.md", "docs/guide/getting-started.md", "docs/guide/index.md",
                                 f"docs/{home}", "docs/markdown-examples.md"])
    assert sorted(result.skipped) == ["README.md", "docs/public/robots.md"]
    assert by["docs/guide/getting-started.md"].subject == "Guide"
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0


@pytest.mark.parametrize("tool", ["vitepress", "vuepress"])
def test_a_vitepress_or_vuepress_page_links_by_its_raw_html_too(tmp_path: Path, tool: str):
    """VitePress and VuePress render a page's Markdown with markdown-it's ``html`` on, as a Vue template: an
    ``<a href="/guide/setup.html">`` in it is a link of the page (a card, a table cell, a component's slot). Only
    its Markdown links were read."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        f"docs/.{tool}/config.js": "export default { title: 'My Project', themeConfig: {} }\n",
        "docs/guide/index.md": "# Guide\n\n<div class=\"cards\"><a href=\"/guide/setup.html\">Set up</a></div>\n",
        "docs/guide/setup.md": "# Setup\n\n<table><tr><td><a href=\"./\">Back</a></td></tr></table>\n",
    })
    kg = qagraph.build(site / "docs", out=tmp_path / "out")
    assert kg.related("guide/index.md") == [kg.article("guide/setup.md")]
    assert kg.related("guide/setup.md") == [kg.article("guide/index.md")]


@pytest.mark.parametrize(("tool", "clean", "urls"), [
    ("vitepress", False, ["/", "/guide/", "/guide/getting-started.html", "/README.html"]),
    ("vitepress", True, ["/", "/guide/", "/guide/getting-started", "/README"]),
    ("vuepress", False, ["/", "/guide/", "/guide/getting-started.html", "/"]),
])
def test_a_vitepress_or_vuepress_page_is_at_the_url_its_tool_gives_it(tmp_path: Path, tool: str, clean: bool, urls: list[str]):
    """VitePress publishes a page at its path as ``.html`` (without it with ``cleanUrls: true``), an ``index.md`` at
    its folder's url; VuePress so too, a ``README.md`` being a folder's index as ``index.md`` is. Their pages had
    no url, so a link on the site's url or read from a page's url (``../guide/``) could not reach them."""
    site = tmp_path / "site"
    config = "config.mts" if tool == "vitepress" else "config.js"
    write_site(site, {
        f"docs/.{tool}/{config}": "export default defineConfig({\n  title: 'My Project',\n"
                                  + ("  cleanUrls: true,\n" if clean else "") + "  themeConfig: {}\n})\n",
        "docs/index.md": "---\nlayout: home\n---\n",
        "docs/guide/index.md": "# Guide\n",
        "docs/guide/getting-started.md": "# Getting Started\n",
        "docs/README.md": "# Read me\n",
    })
    result = load_corpus(site / "docs")
    got = {a.path: a.url for a in result.articles}
    assert [got.get(n) for n in ("index.md", "guide/index.md", "guide/getting-started.md", "README.md")] == urls


def test_a_vitepress_config_kept_in_a_config_folder_is_the_site_s_with_the_settings_it_imports(tmp_path: Path):
    """VitePress reads its config from ``.vitepress/config/index.ts`` before ``.vitepress/config.ts`` (its own docs
    keep it so, spreading a ``shared`` module's settings into each locale's): such a site was read as notes, its pages
    without urls and its home page titled by its file name. The settings of the modules the config imports by a
    relative path (``...shared``: ``cleanUrls``, the title) are its own."""
    site = tmp_path / "site"
    write_site(site, {
        "docs/.vitepress/config/index.ts": "import { defineConfig } from 'vitepress'\nimport { shared } from './shared'\n"
                                           "import { fr } from './fr'\n\nexport default defineConfig({\n  ...shared,\n"
                                           "  locales: { root: { label: 'English' }, fr: { label: 'Français', ...fr } }\n})\n",
        "docs/.vitepress/config/shared.ts": "import { defineConfig } from 'vitepress'\n\nexport const shared = defineConfig({\n"
                                            "  title: 'My Project',\n  cleanUrls: true,\n})\n",
        "docs/.vitepress/config/fr.ts": "export const fr = { lang: 'fr-FR', themeConfig: {} }\n",
        "docs/index.md": "---\nlayout: home\nhero:\n  actions:\n    - text: Start\n      link: /guide/setup\n---\n",
        "docs/guide/setup.md": "# Setup\n\nBack [home](/).\n",
        "docs/fr/guide/setup.md": "# Installation\n",
    })
    result = load_corpus(site / "docs")
    assert {a.path: (a.url, a.title) for a in result.articles} == {
        "index.md": ("/", "My Project"), "guide/setup.md": ("/guide/setup", "Setup"),
        "fr/guide/setup.md": ("/fr/guide/setup", "Installation")}
    assert not [p for p in result.problems if p.severity == WARNING]
    kg = build(site / "docs")
    assert kg.related("index.md") == [kg.article("guide/setup.md")]


def test_a_vitepress_site_s_rewrites_publish_its_pages_at_other_paths(tmp_path: Path):
    """VitePress publishes a page whose path a route of its config's ``rewrites`` matches at the path the route
    gives (``'en/:rest*': ':rest*'``, VitePress's own docs: ``en/guide/routing.md`` at ``/guide/routing``;
    ``'packages/:pkg/src/(.*)': ':pkg/index.md'``, a monorepo's), read as path-to-regexp reads routes. Those pages
    were at their own paths (``/en/guide/routing``), so the site's links to them were stubs, its home page
    (``en/index.md``) untitled and every English page filed under "En"."""
    site = tmp_path / "docs"
    write_site(site, {
        ".vitepress/config.ts": "export default defineConfig({\n  title: 'Kit',\n  cleanUrls: true,\n  rewrites: {\n"
                                "    'en/:rest*': ':rest*',\n    'packages/:pkg/src/(.*)': ':pkg/index.md',\n  },\n})\n",
        "en/index.md": "---\nlayout: home\nhero:\n  actions:\n    - text: Start\n      link: /guide/routing\n---\n",
        "en/guide/routing.md": "# Routing\n\nSee [the pkg](/pkg-a/) and [French](/fr/guide/routing).\n",
        "fr/guide/routing.md": "# Routage\n\n[English](/guide/routing)\n",
        "packages/pkg-a/src/pkg-a-docs.md": "# Package A\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "en/index.md": ("/", "Kit", "Uncategorised"), "en/guide/routing.md": ("/guide/routing", "Routing", "Guide"),
        "fr/guide/routing.md": ("/fr/guide/routing", "Routage", "Fr"),
        "packages/pkg-a/src/pkg-a-docs.md": ("/pkg-a/", "Package A", "Pkg a")}
    kg = build(site)
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == 4


@pytest.mark.parametrize(("config", "locales"), [
    (".vitepress/config.ts", "locales: { root: { label: 'English', lang: 'en' }, zh: { label: '简体中文', ...zh } }"),
    (".vuepress/config.js", "locales: { '/': { lang: 'en-US' }, '/zh/': { lang: 'zh-CN' } }"),
])
def test_a_vitepress_or_vuepress_site_s_locale_folders_are_no_subjects(tmp_path: Path, config: str, locales: str):
    """A VitePress or VuePress site keeps each other language's pages in the folder its ``locales`` name (``zh``,
    VuePress's ``'/zh/'``): a translated page's subject is the folder inside (``zh/guide/setup.md``: "Guide"),
    as its original's is; every translation was filed under one subject, "Zh"."""
    site = tmp_path / "docs"
    write_site(site, {
        config: f"export default {{\n  title: 'Kit',\n  {locales},\n  themeConfig: {{}}\n}}\n",
        "guide/setup.md": "# Setup\n",
        "zh/guide/setup.md": "# 安装\n",
        "zh/reference/api.md": "# API\n",
        "zhuyin/notes.md": "# Notes\n",
    })
    subjects = {a.path: a.subject for a in load_corpus(site).articles}
    assert subjects == {"guide/setup.md": "Guide", "zh/guide/setup.md": "Guide", "zh/reference/api.md": "Reference",
                        "zhuyin/notes.md": "Zhuyin"}


@pytest.mark.parametrize(("hostname", "full"), [("'https://example.com/docs/'", "https://example.com"),
                                              ("'https://example.com'", "https://example.com"),
                                              ("SITE_URL", "https://example.com"), (None, "")])
def test_a_vitepress_site_s_links_with_its_base_or_its_full_url_lead_to_its_pages(tmp_path: Path, hostname: str | None,
                                                                                   full: str):
    """A VitePress site of ``base: '/docs/'`` is published below that path: its Markdown links are written without
    it (its link plugin prepends it to every internal link, as its theme does to a front matter's), but raw HTML
    (``<a href="/docs/guide/setup.html">``), which it leaves as written, and a link in full on the site's url (its
    ``sitemap.hostname``, with the base as VitePress's sitemap guide writes it, or before it; or the constant it
    names) name it. The base and the url were not read: every such link was a stub. Another object's base (Vite's)
    is none of the site's."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docs/.vitepress/config.mts": "import { defineConfig } from 'vitepress'\n\n"
                                      "const SITE_URL = 'https://example.com/docs/'\n\nexport default defineConfig({\n"
                                      "  title: 'Docs',\n  // base: '/old/',\n  base: '/docs/',\n"
                                      + (f"  sitemap: {{ hostname: {hostname} }},\n" if hostname else "")
                                      + "  vite: { base: '/assets/' },\n  themeConfig: { nav: [{ text: 'Setup', "
                                      "link: '/guide/setup' }] }\n})\n",
        "docs/index.md": "---\nlayout: home\nhero:\n  actions:\n    - text: Start\n      link: /guide/\n---\n"
                         "Read <a href=\"/docs/guide/setup.html\">setup</a>"
                         + (f" and [the guide]({full}/docs/guide/)" if full else "") + ".\n",
        "docs/guide/index.md": "# Guide\n\nSee [setup](/guide/setup) or [home](/).\n",
        "docs/guide/setup.md": "# Setup\n\nBack to <a href=\"/docs/guide/\">the guide</a>.\n",
    })
    assert load_corpus(site / "docs").fields.site_url == f"{full}/docs"
    kg = qagraph.build(site / "docs", out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("index.md") == [kg.article("guide/index.md"), kg.article("guide/setup.md")]
    assert kg.related("guide/index.md") == [kg.article("guide/setup.md"), kg.article("index.md")]
    assert kg.related("guide/setup.md") == [kg.article("guide/index.md")]


def test_a_vuepress_site_s_links_with_its_base_or_its_full_url_lead_to_its_pages(tmp_path: Path):
    """VuePress, as VitePress, publishes a site of ``base: '/docs/'`` below that path and prepends it to its
    Markdown links (router links, on a router of that base), but not to raw HTML: ``<a href="/docs/guide/">``
    and a link in full on its url (its sitemap plugin's ``hostname``) name its pages. They were stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "docs/.vuepress/config.js": "module.exports = {\n  title: 'Docs',\n  base: '/docs/',\n"
                                    "  plugins: [['sitemap', { hostname: 'https://example.com' }]],\n"
                                    "  configureWebpack: { output: { base: '/assets/' } },\n}\n",
        "docs/README.md": "# Docs\n\nRead <a href=\"/docs/guide/setup.html\">setup</a> and "
                          "[the guide](https://example.com/docs/guide/).\n",
        "docs/guide/README.md": "# Guide\n\nSee [setup](/guide/setup.md) or [home](/).\n",
        "docs/guide/setup.md": "# Setup\n",
    })
    assert load_corpus(site / "docs").fields.site_url == "https://example.com/docs"
    kg = qagraph.build(site / "docs", out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("README.md") == [kg.article("guide/setup.md"), kg.article("guide/README.md")]


@pytest.mark.parametrize("tool", ["vitepress", "vuepress"])
def test_an_untitled_vitepress_home_page_is_titled_by_the_site(tmp_path: Path, tool: str):
    """A home page (``layout: home``, VuePress's ``home: true``) with a hero and no title or heading is headed by
    the site's title, in its ``<title>`` too (the config's first ``title``, not its theme's); it was titled
    "index", with a warning that it has no title. A page titled by its heading keeps it."""
    site = tmp_path / "site"
    write_site(site, {
        f"docs/.{tool}/config.mts": "import { defineConfig } from 'vitepress'\n// title: 'Old'\n"
                                    "export default defineConfig({\n  title: \"My Awesome Project\",\n"
                                    "  description: 'A VitePress Site',\n  themeConfig: { siteTitle: 'x', nav: [{ text: 'Home', link: '/' }] }\n})\n",
        "docs/index.md": "---\nlayout: home\n\nhero:\n  name: \"My Awesome Project\"\n  text: \"A VitePress Site\"\n"
                         "  actions:\n    - theme: brand\n      text: Markdown Examples\n      link: /markdown-examples\n---\n",
        "docs/markdown-examples.md": "# Markdown Extension Examples\n\nBack [home](/).\n",
    })
    result = load_corpus(site)
    assert {a.path: a.title for a in result.articles} == {
        "docs/index.md": "My Awesome Project", "docs/markdown-examples.md": "Markdown Extension Examples"}
    assert not [p for p in result.problems if p.severity == WARNING]


@pytest.mark.parametrize("tool", ["vitepress", "vuepress", "starlight"])
def test_a_home_page_s_hero_actions_and_features_link_to_the_pages_they_name(tmp_path: Path, tool: str):
    """A home page's hero buttons (VitePress's and Starlight's ``hero.actions[].link``, VuePress 2's ``actions[].link``,
    VuePress 1's ``actionLink``) and VitePress's feature cards (``features[].link``) link to the pages they name, as
    the home page shows them; the other texts there (``name``, ``text``, ``theme``) are no links. The home page,
    most often nothing but its hero and features, linked to nothing."""
    import qagraph

    site = tmp_path / "site"
    if tool == "starlight":
        docs = "src/content/docs/"
        files = {"astro.config.mjs": "import starlight from '@astrojs/starlight';\n"
                                     "export default { integrations: [starlight({ title: 'Docs' })] };\n",
                 f"{docs}index.mdx": "---\ntitle: Welcome\ntemplate: splash\nhero:\n  tagline: Start here\n  actions:\n"
                                     "    - text: Get started\n      link: /guide/getting-started/\n      icon: right-arrow\n"
                                     "    - text: Reference\n      link: /api/\n      variant: minimal\n"
                                     "    - text: GitHub\n      link: https://github.com/example/docs\n---\n"}
    else:
        docs = "docs/"
        home = "index.md" if tool == "vitepress" else "README.md"
        hero = ("hero:\n  name: My Project\n  text: A site\n  actions:\n    - theme: brand\n      text: Get started\n"
                "      link: /guide/getting-started\n    - theme: alt\n      text: GitHub\n"
                "      link: https://github.com/example/docs\n"
                "features:\n  - title: Fast\n    details: Very\n  - title: API\n    details: All of it\n    link: /api/\n"
                "    linkText: Read\n") if tool == "vitepress" else (
                "home: true\nheroText: My Project\nactions:\n  - text: Get started\n    link: /guide/getting-started.html\n"
                "    type: primary\nactionText: Reference\nactionLink: /api/\nfeatures:\n  - title: Fast\n    details: Very\n")
        files = {f"docs/.{tool}/config.js": "export default { title: 'My Project' }\n",
                 f"{docs}{home}": f"---\n{'layout: home' + chr(10) if tool == 'vitepress' else ''}{hero}---\n"}
    write_site(site, {**files, f"{docs}guide/getting-started.md": "# Getting started\n\nSee the [API](/api/).\n",
                      f"{docs}api/index.md": "# API\n"})
    home_page = next(f for f in files if f.endswith((".md", ".mdx")))
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related(home_page) == [kg.article(f"{docs}guide/getting-started.md"), kg.article(f"{docs}api/index.md")]


@pytest.mark.parametrize("tool", ["vitepress", "starlight"])
def test_a_page_s_previous_and_next_links_set_in_its_front_matter_are_its_links(tmp_path: Path, tool: str):
    """VitePress and Starlight show the previous and next page at a page's foot, the sidebar's neighbours unless its
    front matter sets them (``prev: {text, link}``; Starlight's ``{label, link}``): a link set there is one of the
    page's links, as the footer shows it, read from the page's url as a body's link is; a text alone (``next: Read
    on``) or ``false`` links nowhere. They were not read, so a page linked only by its footer linked nowhere."""
    import qagraph

    site = tmp_path / "site"
    if tool == "starlight":
        docs = "src/content/docs/"
        config = {"astro.config.mjs": "import starlight from '@astrojs/starlight';\n"
                                      "export default { integrations: [starlight({ title: 'Docs' })] };\n"}
        prev, next_ = "prev:\n  link: /guide/start/\n  label: Start\n", "next: false\n"
        api = "../../api/"  # from the page's url, /guide/install/
    else:
        docs = "docs/"
        config = {"docs/.vitepress/config.mts": "export default { title: 'P' }\n"}
        prev, next_ = "prev:\n  text: Start\n  link: /guide/start\n", "next: Read on\n"
        api = "../api/"  # from the page's url, /guide/install.html
    write_site(site, {**config,
                      f"{docs}guide/install.md": f"---\ntitle: Install\n{prev}next:\n  link: {api}\n---\nSteps.\n",
                      f"{docs}guide/start.md": f"---\ntitle: Start\n{next_}---\nFirst.\n",
                      f"{docs}api/index.md": "---\ntitle: API\n---\nAll.\n"})
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related(f"{docs}guide/install.md") == [kg.article(f"{docs}guide/start.md"), kg.article(f"{docs}api/index.md")]
    assert kg.related(f"{docs}guide/start.md") == []


def test_a_vitepress_site_leaves_out_what_its_src_exclude_names(tmp_path: Path):
    """VitePress does not read what its config's srcExclude names (globs from its srcDir): the
    READMEs and TODOs it names were articles. Settings in comments are not settings."""
    site = tmp_path / "site"
    write_site(site, {
        "docs/.vitepress/config.mts": "export default defineConfig({\n  // srcDir: 'pages',\n  srcDir: 'src',\n"
                                      "  /* srcExclude: ['**/*.md'], */\n"
                                      "  srcExclude: ['**/README.md', 'drafts/', \"TODO.md\"],\n})\n",
        "docs/src/index.md": "# Home\n",
        "docs/src/TODO.md": "# To do\n",
        "docs/src/guide/README.md": "# About the guide's files\n",
        "docs/src/guide/start.md": "# Start\n",
        "docs/src/guide/TODO.md": "# Not the srcDir's TODO.md\n",
        "docs/src/drafts/idea.md": "# Idea\n",
    })
    result = load_corpus(site)
    assert result.fields.content_dir == "docs/src/"
    assert sorted(a.path for a in result.articles) == ["docs/src/guide/TODO.md", "docs/src/guide/start.md",
                                                       "docs/src/index.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == {
        "docs/src/TODO.md": "excluded by the site's config (srcExclude: TODO.md): not a page",
        "docs/src/guide/README.md": "excluded by the site's config (srcExclude: **/README.md): not a page",
        "docs/src/drafts/idea.md": "excluded by the site's config (srcExclude: drafts/): not a page"}
    assert result.detection is not None and "not read: its srcExclude (**/README.md, drafts/, TODO.md)" in (
        result.detection.reason)
    assert_every_file_accounted_for(result)


def test_a_javascript_list_setting_is_read_string_by_string(tmp_path: Path):
    """A srcExclude or ignorePatterns list is read string by string: a ] inside a string ended the list
    (['**/[Dd]rafts/**', 'guide/**'] left out nothing), and an apostrophe inside a double-quoted
    string split it ("Bob's notes" was two globs, neither a folder)."""
    vitepress = tmp_path / "vitepress"
    write_article(vitepress, ".vitepress/config.mts", "export default {\n  srcExclude: ['**/[Dd]rafts/**', 'guide/**'],\n}\n")
    for name in ["index.md", "a/Drafts/x.md", "drafts/y.md", "guide/start.md"]:
        write_article(vitepress, name, f"# {name}\n")
    result = load_corpus(vitepress)
    assert [a.path for a in result.articles] == ["index.md"]
    assert_every_file_accounted_for(result)
    quartz = tmp_path / "quartz"
    write_article(quartz, "quartz.config.ts", 'const config = { configuration: { ignorePatterns: ["Bob\'s notes", '
                                              '"private", "it\\"s"] } }\n')
    for name in ["index.md", "Bob's notes/a.md", "private/b.md", 'it"s/c.md', "s notes/d.md"]:
        write_article(quartz, "content/" + name, f"# {name}\n")
    result = load_corpus(quartz)
    assert sorted(a.path for a in result.articles) == ["content/index.md", "content/s notes/d.md"]
    assert_every_file_accounted_for(result)


def test_ignore_globs_read_as_their_tools_read_them(tmp_path: Path):
    """An .eleventyignore saved with a BOM lost its first line; Eleventy matches its ignores whatever
    the case (readme.md is README.md); a srcExclude or ignorePatterns glob ./guide/** is the folder's
    guide/; VitePress never reads a dist/ folder. Each of those files was an article."""
    eleventy = tmp_path / "eleventy"
    for name, text in {".eleventy.js": 'module.exports = c => ({dir: {input: "src"}});',
                       "src/.eleventyignore": "\ufeffdrafts\nreadme.md\n", "src/index.md": "# Home\n",
                       "src/drafts/a.md": "# A\n", "src/README.md": "# Read me\n"}.items():
        write_article(eleventy, name, text)
    result = load_corpus(eleventy)
    assert [a.path for a in result.articles] == ["src/index.md"]
    assert_every_file_accounted_for(result)
    vitepress = tmp_path / "vitepress"
    write_article(vitepress, ".vitepress/config.mts", "export default {\n  srcExclude: ['./guide/**'],\n}\n")
    for name in ["index.md", "guide/start.md", "dist/built.md", "a/dist/b.md"]:
        write_article(vitepress, name, f"# {name}\n")
    result = load_corpus(vitepress)
    assert [a.path for a in result.articles] == ["index.md"]
    assert {p.path: p.message for p in result.problems}["a/dist/b.md"] == "in dist/, a site folder that holds no pages"
    assert_every_file_accounted_for(result)
    quartz = tmp_path / "quartz"
    write_article(quartz, "quartz.config.ts", 'const config = { configuration: { ignorePatterns: ["./private"] } }\n')
    for name in ["index.md", "private/a.md"]:
        write_article(quartz, "content/" + name, f"# {name}\n")
    result = load_corpus(quartz)
    assert [a.path for a in result.articles] == ["content/index.md"]
    assert_every_file_accounted_for(result)


def test_a_gatsby_blog_s_posts_are_published_at_their_folder_s_slug(tmp_path: Path):
    """Gatsby's blog starter publishes content/blog/<slug>/index.md at /<slug>/ (the path below the
    folder gatsby-source-filesystem reads): links to /hello-world/ and to the siteUrl were stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "gatsby-config.js": "module.exports = {\n  siteMetadata: {\n    title: `Gatsby Starter Blog`,\n"
                            "    siteUrl: `https://gatsbystarterblogsource.gatsbyjs.io/`,\n  },\n  plugins: [\n"
                            "    {\n      resolve: `gatsby-source-filesystem`,\n"
                            "      options: {\n        path: `${__dirname}/content/blog`,\n        name: `blog`,\n      },\n"
                            "    },\n    {\n      resolve: `gatsby-source-filesystem`,\n"
                            "      options: {\n        name: `images`,\n        path: `${__dirname}/src/images`,\n      },\n"
                            "    },\n  ],\n}\n",
        "README.md": "<h1>Gatsby Starter Blog</h1>\n",
        "content/blog/hello-world/index.md": '---\ntitle: Hello World\ndate: "2015-05-01T22:12:03.284Z"\n---\n'
                                             "See [my second post](/my-second-post/).\n",
        "content/blog/my-second-post/index.md": '---\ntitle: My Second Post!\ndate: "2015-05-06T23:46:37.121Z"\n---\n'
                                                "[Hello](https://gatsbystarterblogsource.gatsbyjs.io/hello-world/)\n",
    })
    result = load_corpus(site)
    assert result.detection is not None and "a Gatsby site" in result.detection.reason
    assert result.fields.content_dir == "content/blog/" and result.skipped == ["README.md"]
    assert {a.subject for a in result.articles} == {"Uncategorised"}  # a post's own folder is no section
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == 2


def test_an_mkdocs_site_leaves_out_its_templates_excluded_docs_and_drafts(tmp_path: Path):
    """MkDocs leaves out docs/templates/ (theme overrides) by default, the config's exclude_docs
    (gitignore patterns from the docs folder) and its draft_docs (not in a build): they were articles.
    A page not_in_nav is published all the same."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: Docs\nexclude_docs: |\n  /drafts/\n  *.tmp.md\n  !keep.tmp.md\n"
                      "draft_docs: |\n  _unpublished.md\n  wip/\nnot_in_nav: |\n  /private.md\n",
        "docs/index.md": "# Home\n",
        "docs/private.md": "# Private\n",
        "docs/guide/install.md": "# Install\n",
        "docs/guide/scratch.tmp.md": "# Scratch\n",
        "docs/guide/keep.tmp.md": "# Keep\n",
        "docs/templates/page.md": "# {{ page.title }}\n",
        "docs/drafts/a.md": "# A\n",
        "docs/guide/drafts/b.md": "# B, not under /drafts/\n",
        "docs/_unpublished.md": "# Unpublished\n",
        "docs/guide/wip/c.md": "# C\n",
    })
    result = load_corpus(tmp_path)
    assert sorted(a.path for a in result.articles) == [
        "docs/guide/drafts/b.md", "docs/guide/install.md", "docs/guide/keep.tmp.md", "docs/index.md", "docs/private.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["docs/templates/page.md"] == "excluded by the site's config (exclude_docs: /templates/, by default): not a page"
    assert why["docs/drafts/a.md"] == "excluded by the site's config (exclude_docs: /drafts/): not a page"
    assert why["docs/guide/scratch.tmp.md"] == "excluded by the site's config (exclude_docs: *.tmp.md): not a page"
    assert why["docs/guide/wip/c.md"] == "a draft (draft_docs: wip/): not in the site's build"
    assert why["docs/_unpublished.md"] == "a draft (draft_docs: _unpublished.md): not in the site's build"
    assert_every_file_accounted_for(result)


@pytest.mark.parametrize("setting", ["exclude_docs: |\n  guide/index.md\n", "draft_docs: |\n  /guide/index.md\n"])
def test_an_mkdocs_readme_beside_an_index_left_out_of_the_site_is_its_folders_page(tmp_path: Path, setting: str):
    """MkDocs drops a README.md for the index.md beside it only when that index.md is in the site: of the two
    files published at one url, get_files removes the README when the index is included, else the index
    (mkdocs/structure/files.py: 'Skip README.md if an index file also exists in dir'). With the index.md an
    excluded file or a draft, the README.md is the folder's page; it was skipped as beside an index.md, so the
    folder had no page at all."""
    write_site(tmp_path, {"mkdocs.yml": f"site_name: W\n{setting}", "docs/index.md": "# Home\n",
                          "docs/guide/index.md": "# Guide index\n", "docs/guide/README.md": "# Guide readme\n"})
    result = load_corpus(tmp_path)
    assert {a.path: a.url for a in result.articles} == {"docs/index.md": "/", "docs/guide/README.md": "/guide/"}


@pytest.mark.parametrize("value, url", [("off", "/install.html"), ("NO", "/install.html"), ("Off", "/install.html"),
                                        ("FALSE  # flat", "/install.html"), ("on", "/install/"), ("yes", "/install/")])
def test_an_mkdocs_sites_use_directory_urls_is_a_yaml_boolean(tmp_path: Path, value: str, url: str):
    """MkDocs reads its config as YAML 1.1 (PyYAML), whose false is also off, no, and each in capitals
    (``use_directory_urls: off``): such a site publishes its pages as .html files. Only false, no and
    False were read so, so the pages of a site that wrote off or NO had the urls of folders."""
    write_site(tmp_path, {"mkdocs.yml": f"site_name: W\nuse_directory_urls: {value}\n",
                          "docs/install.md": "# Install\n"})
    assert [a.url for a in load_corpus(tmp_path).articles] == [url]


@pytest.mark.parametrize("setting, urls", [
    ("", {"docs/README.md": "/", "docs/guide/index.md": "/guide/", "docs/guide/install.md": "/guide/install/",
          "docs/guide/readme.md": "/guide/readme/", "docs/blog/posts/hello.md": "/blog/2024/01/31/hello/"}),
    ("use_directory_urls: false\n", {
        "docs/README.md": "/index.html", "docs/guide/index.md": "/guide/index.html",
        "docs/guide/install.md": "/guide/install.html", "docs/guide/readme.md": "/guide/readme.html",
        "docs/blog/posts/hello.md": "/blog/2024/01/31/hello.html"}),
])
def test_an_mkdocs_sites_pages_have_its_urls(tmp_path: Path, setting: str, urls: dict[str, str | None]):
    """MkDocs publishes a page at its path below docs/ (/guide/install/, or /guide/install.html with
    use_directory_urls: false), an index.md or README.md at its folder's url, and leaves out a README.md
    beside an index.md; site_url is where the site is (also when the docs folder is read by itself). Pages
    had no url, so a link to the site's own
    page by its address was a stub, and a README.md beside an index.md was a page of its own. A Material
    blog's posts are published by date, not at their path (test_a_material_blog_post_has_the_url_...)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "mkdocs.yml": f"site_name: W\nsite_url: https://docs.example.com/widget/\n{setting}plugins:\n  - search\n  - blog\n",
        "docs/README.md": f"# Home\n\nSee [install](https://docs.example.com/widget{urls['docs/guide/install.md']}) "
                          "and [the guide](guide/index.md).\n",
        "docs/guide/index.md": "# Guide\n",
        "docs/guide/README.md": "# Guide's readme\n",
        "docs/guide/install.md": "# Install\n",
        "docs/guide/readme.md": "# A page named readme\n",
        "docs/blog/posts/hello.md": "---\ndate: 2024-01-31\n---\n# Hello\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == urls
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == {"docs/guide/README.md": "beside index.md, which the site publishes at the same url "
                                           "(MkDocs leaves README.md out)"}
    # the docs folder read by itself (mkdocs.yml above it) is the same site: it was no MkDocs site at all
    docs = load_corpus(site / "docs")
    assert docs.detection is not None and docs.detection.reason.startswith("mkdocs.yml in the parent folder")
    assert {a.path: a.url for a in docs.articles} == {name.removeprefix("docs/"): url for name, url in urls.items()}
    assert docs.skipped == ["guide/README.md"]
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    key = {a.path: a.key for a in result.articles}
    assert kg.related(key["docs/README.md"]) == [kg.article(key["docs/guide/install.md"]),
                                                 kg.article(key["docs/guide/index.md"])]


def test_an_mkdocs_pages_title_is_the_one_mkdocs_shows(tmp_path: Path):
    """MkDocs titles a page by the title its nav gives it, else its title field, else its first heading,
    else its file name (hyphens and underscores as spaces, capitalised when all in lower case; the home
    page 'Home'): a page's nav title was not read (the page 'Install' in the nav and the browser's
    title was 'Installing'), and a page without heading was titled 'getting_started'."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
                      "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                      "nav:\n- index.md\n- Guide:\n    - guide/index.md\n    - Install: ./guide/install.md\n"
                      "    - guide/getting_started.md\n    - Elsewhere: https://example.com/\n"
                      "- API: api/reference.md\ntheme: material\n",
        "docs/index.md": "Welcome, no heading.\n",
        "docs/guide/index.md": "---\ntitle: The Guide\n---\n# Guide overview\n",
        "docs/guide/install.md": "# Installing\n",
        "docs/guide/getting_started.md": "Text only.\n",
        "docs/guide/Mixed-Case.md": "Text only.\n",
        "docs/api/reference.md": "---\ntitle: Reference\n---\n# API reference\n",
    })
    result = load_corpus(tmp_path)
    assert {a.path: a.title for a in result.articles} == {
        "docs/index.md": "Home", "docs/guide/index.md": "The Guide", "docs/guide/install.md": "Install",
        "docs/guide/getting_started.md": "Getting started", "docs/guide/Mixed-Case.md": "Mixed Case",
        "docs/api/reference.md": "API"}
    assert not [p for p in result.problems if p.severity != SKIPPED]



def test_an_mkdocs_page_is_titled_only_by_the_heading_it_opens_with(tmp_path: Path):
    """MkDocs titles a page without title by its first element only if that is a level-1 heading (ATX or
    setext): a page that opens with text, a comment or a level-2 heading is titled by its file name (the
    home page 'Home'), however many headings follow. Such pages were titled by a heading further down
    ("Late heading"), and a Material blog post's url, made of its title, went with it."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nplugins:\n  - blog\n",
        "docs/index.md": "[![build](https://ci.example.com/badge.svg)](https://ci.example.com/)\n\n# Widget\n",
        "docs/guide/set-up.md": "Some words first.\n\n# Late heading\n",
        "docs/guide/comment.md": "<!-- SPDX-License-Identifier: MIT -->\n# Commented\n",
        "docs/guide/part.md": "## Part\n\n# Title\n",
        "docs/guide/opens.md": "\n# Opens `here` {#top}\n\nText.\n\n# Other\n",
        "docs/guide/setext.md": "Setext title\n============\n\nText.\n",
        "docs/blog/posts/hello.md": "---\ndate: 2024-01-31\n---\nFirst words.\n\n# Hello World\n",
    })
    result = load_corpus(tmp_path)
    assert {a.path: a.title for a in result.articles} == {
        "docs/index.md": "Home", "docs/guide/set-up.md": "Set up", "docs/guide/comment.md": "Comment",
        "docs/guide/part.md": "Part", "docs/guide/opens.md": "Opens here", "docs/guide/setext.md": "Setext title",
        "docs/blog/posts/hello.md": "Hello"}
    assert {a.path: a.url for a in result.articles}["docs/blog/posts/hello.md"] == "/blog/2024/01/31/hello/"


def test_an_mkdocs_page_opening_with_hashes_and_no_space_is_titled_by_that_heading(tmp_path: Path):
    """Python-Markdown, MkDocs's renderer, reads a line of hashes at a line's start as a heading whether a space
    follows them or not (HashHeaderProcessor's ``(?:^|\\n)(?P<level>#{1,6})(?P<header>...)``): a page opening with
    ``#Install`` is titled "Install". It was titled by its file name, as CommonMark needs the space; a
    CommonMark tool's page (Hugo's) still does."""
    write_site(tmp_path / "mk", {
        "mkdocs.yml": "site_name: W\n",
        "docs/index.md": "# Home\n",
        "docs/set-up.md": "\n#Install the widget #\n\nText.\n",
        "docs/part.md": "##Part\n\n# Title\n",
    })
    assert {a.path: a.title for a in load_corpus(tmp_path / "mk").articles} == {
        "docs/index.md": "Home", "docs/set-up.md": "Install the widget", "docs/part.md": "Part"}
    write_site(tmp_path / "hugo", {"hugo.toml": "baseURL = 'https://x.org/'\n",
                                   "content/set-up.md": "---\ndate: 2024-01-02\n---\n#Install the widget\n"})
    assert [a.title for a in load_corpus(tmp_path / "hugo").articles] == ["set-up"]


def test_an_mkdocs_sites_markdown_files_are_those_mkdocs_reads(tmp_path: Path):
    """MkDocs reads a file ending in .markdown, .mdown, .mkdn, .mkd or .md as a page (mkdocs.utils'
    markdown_extensions), and copies any other, an .mdx among them, to the site as it is. Its .mkd, .mkdn and
    .mdown pages were not found at all (a link to them a stub, a page the nav lists lost), and an .mdx file was
    a page."""
    site = tmp_path / "site"
    write_site(site, {
        "mkdocs.yml": "site_name: W\nnav:\n  - Home: index.md\n  - Guide:\n    - Old: guide/old.mkd\n",
        "docs/index.md": "# Home\n\nSee [old](guide/old.mkd), [down](guide/down.mdown) and [dn](guide/dn.mkdn).\n",
        "docs/guide/old.mkd": "# Old page\n",
        "docs/guide/down.mdown": "# Down\n\nBack [home](../index.md).\n",
        "docs/guide/dn.mkdn": "# Dn\n",
        "docs/guide/widget.mdx": "# Widget\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "docs/index.md": ("/", "Home", "Uncategorised"), "docs/guide/old.mkd": ("/guide/old/", "Old", "Guide"),
        "docs/guide/down.mdown": ("/guide/down/", "Down", "Guide"), "docs/guide/dn.mkdn": ("/guide/dn/", "Dn", "Guide")}
    assert [p.path for p in result.problems if p.severity == SKIPPED] == ["docs/guide/widget.mdx"]
    kg = build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0 and kg.counts["edges"]["related"] == 4


def test_an_mkdocs_page_whose_front_matter_is_no_yaml_mapping_is_a_page_all_the_same(tmp_path: Path):
    """MkDocs publishes a page whose front matter cannot be read as YAML, or is no mapping: its get_data
    leaves the page's meta empty and the block in its text, without a word, so the page opens with a rule and
    is titled by its file name. Such a page was an error and lost; it is now a page, titled as MkDocs titles
    it, with a warning."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\n",
        "docs/index.md": "# Home\n",
        "docs/broken-yaml.md": "---\ntitle: Bad: colon\ntags: [a, b\n---\n# Heading\n\nSee [home](index.md).\n",
        "docs/a-list.md": "---\n- one\n- two\n---\n# Listed\n",
    })
    result = load_corpus(tmp_path)
    assert {a.path: a.title for a in result.articles} == {
        "docs/index.md": "Home", "docs/broken-yaml.md": "Broken yaml", "docs/a-list.md": "A list"}
    assert sorted((p.path, p.severity) for p in result.problems) == [
        ("docs/a-list.md", WARNING), ("docs/broken-yaml.md", WARNING)]
    assert [l.target for l in {a.path: a for a in result.articles}["docs/broken-yaml.md"].related] == ["index.md"]


def test_an_mkdocs_page_is_titled_by_its_heading_as_python_markdown_shows_it(tmp_path: Path):
    """MkDocs titles a page by the text of the h1 it opens with (its _ExtractTitleTreeprocessor joins the
    element's text): the heading's emphasis markers are no part of it, an escaped character is itself and an
    entity the character it stands for, while a code span keeps what it holds. ``# **Bold** _move_`` was
    titled "**Bold** _move_", ``# Q &amp; A`` "Q &amp; A" and ``# Escaped \\*star\\*`` with its backslashes."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\n",
        "docs/index.md": "# Home\n",
        "docs/bold.md": "# **Bold** _move_ in snake_case\n\nText.\n",
        "docs/qa.md": "# Q &amp; A about `a &amp; b` and `**kwargs`\n\nText.\n",
        "docs/star.md": "# Escaped \\*star\\*\n\nText.\n",
        "docs/setext.md": "The *setext* one\n================\n\nText.\n",
    })
    assert {a.path: a.title for a in load_corpus(tmp_path).articles} == {
        "docs/index.md": "Home", "docs/bold.md": "Bold move in snake_case",
        "docs/qa.md": "Q & A about a &amp; b and **kwargs", "docs/star.md": "Escaped *star*",
        "docs/setext.md": "The setext one"}
    # Material's blog slugs a post's heading as written, before Markdown shows it: _em_ and &amp; in its url
    write_site(tmp_path / "blog", {
        "mkdocs.yml": "site_name: W\nplugins:\n  - blog\n", "docs/index.md": "# Home\n",
        "docs/blog/posts/p.md": "---\ndate: 2024-01-31\n---\n# Q &amp; A _with_ **us**\n\nText.\n"})
    post = next(a for a in load_corpus(tmp_path / "blog").articles if a.path == "docs/blog/posts/p.md")
    assert (post.title, post.url) == ("Q & A with us", "/blog/2024/01/31/q-amp-a-_with_-us/")


@pytest.mark.parametrize("emoji, title", [(True, "Quick start for Python"), (False, ":material-rocket: Quick start for :simple-python: Python")])
def test_an_icon_in_the_heading_that_titles_an_mkdocs_page_is_no_text_of_its_title(tmp_path: Path, emoji: bool,
                                                                                 title: str):
    """With pymdownx.emoji, a Material icon's shortcode in a heading (``:material-rocket:``, ``:simple-python:``)
    shows an SVG icon, which has no text: MkDocs titles the page by the heading's text without it. The title kept
    the shortcodes; without the extension they are text."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\n" + ("markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: x\n" if emoji else ""),
        "docs/index.md": "# Home\n",
        "docs/start.md": "# :material-rocket: Quick start for :simple-python: Python\n\nText.\n",
    })
    assert {a.path: a.title for a in load_corpus(tmp_path).articles}["docs/start.md"] == title


def test_an_mkdocs_pages_multimarkdown_meta_data_is_its_front_matter(tmp_path: Path):
    """MkDocs reads the ``Key: value`` lines a page without YAML front matter starts with (up to a blank
    line or another line; a value goes on in lines indented by four spaces; keys in lower case) as its
    meta-data, MultiMarkdown's (mkdocs/utils/meta.py, get_data; its user guide's "MultiMarkdown style
    meta-data"), and does not show them. They were read as the page's text: its title field was lost
    (the page was titled by its file name) and a page opening with such a line lost its heading's title."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\n",
        "docs/index.md": "# Home\n",
        "docs/install.md": "Title: Installing the widget\nSummary: How to install\n    it on any system.\n\n"
                           "# Install\n\nText.\n",
        "docs/notes.md": "Note: a line MkDocs takes for meta-data\n# Release notes\n",
        "docs/yaml.md": "---\ntitle: From YAML\n---\n# Heading\n",
    })
    result = load_corpus(tmp_path)
    by_path = {a.path: a for a in result.articles}
    assert {path: a.title for path, a in by_path.items()} == {
        "docs/index.md": "Home", "docs/install.md": "Installing the widget", "docs/notes.md": "Release notes",
        "docs/yaml.md": "From YAML"}
    assert by_path["docs/install.md"].description == "How to install it on any system."
    assert not [p for p in result.problems if p.severity != SKIPPED]

@pytest.mark.parametrize("plugin", [True, False])
def test_an_mkdocs_folder_s_pages_file_titles_its_section(tmp_path: Path, plugin: bool):
    """With the awesome-pages plugin, a folder's ``.pages`` file titles its section of the nav (``title:
    Getting Started Guide``), the title Material shows over the folder's pages: their subject was
    labelled by the folder's name ("Getting started"). Without the plugin the file is nothing to MkDocs."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\ntheme:\n  name: material\nplugins:\n  - search\n"
                      + ("  - awesome-pages:\n      collapse_single_pages: true\n" if plugin else ""),
        "docs/index.md": "# Home\n",
        "docs/getting_started/.pages": "title: Getting Started Guide\nnav:\n  - install.md\n  - ...\n",
        "docs/getting_started/install.md": "# Install\n",
        "docs/getting_started/first-steps/.pages": "title: First steps\n",
        "docs/getting_started/first-steps/run.md": "# Run\n",
        "docs/api/.pages": "nav:\n  - reference.md\n",
        "docs/api/reference.md": "# Reference\n",
    })
    result = load_corpus(tmp_path)
    got = {a.path: a.subject for a in result.articles if a.path != "docs/index.md"}
    assert got == ({"docs/getting_started/install.md": "Getting Started Guide",
                    "docs/getting_started/first-steps/run.md": "Getting Started Guide", "docs/api/reference.md": "Api"}
                   if plugin else {"docs/getting_started/install.md": "Getting started",
                                   "docs/getting_started/first-steps/run.md": "Getting started",
                                   "docs/api/reference.md": "Api"})
    assert not [p for p in result.problems if p.severity != SKIPPED]


def test_an_mkdocs_folder_s_nav_yml_titles_its_section_with_awesome_nav(tmp_path: Path):
    """awesome-nav (mkdocs-awesome-nav 3, the awesome-pages plugin renamed) titles a folder's section by the
    ``title`` of its ``.nav.yml`` (or of the file its ``filename`` option names), as awesome-pages does by a
    ``.pages``: the plugin was not recognised, and the folder's name labelled the section."""
    for options, file in (("", ".nav.yml"), (":\n      filename: nav.yaml", "nav.yaml")):
        site = tmp_path / file
        write_site(site, {
            "mkdocs.yml": f"site_name: W\nplugins:\n  - search\n  - awesome-nav{options}\n",
            "docs/index.md": "# Home\n",
            f"docs/getting_started/{file}": "title: Getting Started Guide\nnav:\n  - install.md\n",
            "docs/getting_started/install.md": "# Install\n",
            "docs/api/.pages": "title: Not read\n",
            "docs/api/reference.md": "# Reference\n",
        })
        result = load_corpus(site)
        assert {a.path: a.subject for a in result.articles if a.path != "docs/index.md"} == {
            "docs/getting_started/install.md": "Getting Started Guide", "docs/api/reference.md": "Api"}, file


def test_an_mkdocs_literate_nav_summary_is_the_nav(tmp_path: Path):
    """With the literate-nav plugin, the nav is the Markdown list of its nav file (``SUMMARY.md`` at the docs
    folder's root, or its ``nav_file``), in place of the config's ``nav``: a linked item titles its page, an item
    holding a list is a section that files the pages below it (its own link the section's first page). The
    file was read as a page only: pages were titled by their headings and filed by their folders."""
    for options, file in (("", "SUMMARY.md"), (":\n      nav_file: NAV.md", "NAV.md")):
        site = tmp_path / file
        write_site(site, {
            "mkdocs.yml": f"site_name: W\nnav:\n  - Old: guide/install.md\nplugins:\n  - search\n  - literate-nav{options}\n",
            f"docs/{file}": "* [Home](index.md)\n* Getting started\n    * [Install it](guide/install.md)\n"
                            "    * [Reference](api/index.md)\n        * [The client](api/client.md)\n"
                            "* [Site](https://example.org/)\n",
            "docs/index.md": "# Welcome\n",
            "docs/guide/install.md": "# Installation\n",
            "docs/api/index.md": "# API\n",
            "docs/api/client.md": "# Client\n",
        })
        got = {a.path: (a.title, a.subject) for a in load_corpus(site).articles if a.path != f"docs/{file}"}
        assert got == {"docs/index.md": ("Home", "Uncategorised"),
                       "docs/guide/install.md": ("Install it", "Getting started"),
                       "docs/api/index.md": ("API", "Getting started"),
                       "docs/api/client.md": ("The client", "Getting started")}, file


def test_a_material_blog_posts_links_are_its_related_pages(tmp_path: Path):
    """A Material blog post lists further reading in its ``links`` front matter, written as MkDocs's
    nav is (paths from the docs folder, with an anchor, a ``Title: path`` item, a section of items, a
    url of another site): each page it names is a related page. They were not read at all, so a post
    linking three pages this way had no links to them."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "mkdocs.yml": "site_name: W\nplugins:\n  - blog\n",
        "docs/index.md": "# Home\n",
        "docs/setup/search.md": "# Search\n",
        "docs/setup/blog.md": "# Blog setup\n",
        "docs/guide/install.md": "# Install\n",
        "docs/blog/index.md": "# Blog\n",
        "docs/blog/posts/older.md": "---\ndate: 2023-01-02\n---\n# Older\n",
        "docs/blog/posts/news.md": "---\ndate: 2024-01-31\nlinks:\n  - setup/search.md#lang\n"
                                   "  - Installing it: guide/install.md\n  - More:\n"
                                   "    - Elsewhere: https://example.com/\n    - blog/posts/older.md\n"
                                   "  - setup/missing.md\n---\n# News\n\nText.\n",
    })
    result = load_corpus(site)
    assert not [p for p in result.problems if p.severity != SKIPPED]
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    related = kg.related(key["docs/blog/posts/news.md"])
    assert related[:3] == [kg.article(key[p]) for p in (
        "docs/setup/search.md", "docs/guide/install.md", "docs/blog/posts/older.md")]
    assert len(related) == 4 and kg.counts.get("stubs", 0) == 1  # setup/missing.md, named but not there


def test_an_mkdocs_sites_redirect_maps_lead_old_paths_to_the_new_pages(tmp_path: Path):
    """The redirects plugin's ``redirect_maps`` (old page: new page) keep a moved page's old address
    working: a link to the old file (``extensions/admonition.md``) or its old url (``../old-name/``)
    reaches the page it moved to, as a reader following it arrives there. Such links were stubs;
    a redirect to another site leads to no page of the corpus."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "mkdocs.yml": "site_name: W\nplugins:\n  - search\n  - redirects:\n      redirect_maps:\n"
                      "        extensions/admonition.md: reference/admonitions.md\n"
                      "        'old-name.md': 'guide/index.md#start'\n"
                      "        variables.md: https://macros.example.org/\n"
                      "markdown_extensions:\n  - pymdownx.emoji:\n"
                      "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        "docs/index.md": "# Home\n\n[Admonitions](extensions/admonition.md#usage), [start](old-name/) and "
                         "[vars](variables.md).\n",
        "docs/guide/index.md": "# Guide\n",
        "docs/reference/admonitions.md": "# Admonitions\n",
    })
    result = load_corpus(site)
    assert not [p for p in result.problems if p.severity != SKIPPED]
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    assert kg.related(key["docs/index.md"])[:2] == [kg.article(key["docs/reference/admonitions.md"]),
                                                    kg.article(key["docs/guide/index.md"])]
    assert kg.counts.get("stubs", 0) == 1  # variables.md, which went to another site

def test_an_mkdocs_pages_link_to_a_url_is_read_from_the_pages_url(tmp_path: Path):
    """MkDocs rewrites the links to Markdown files only: any other relative link is left as it is
    written, and the browser reads it from the page's url (``/setup/tags/``). A link written so
    (``../../reference/meta/``, ``../install/#pip``) reaches the page at that url; read from the
    file's folder it went above the docs folder and was lost, or reached no page. A page that is not
    there, linked by its url (``../../gone/``) and by its file (``gone.md``), is one stub, not two."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "mkdocs.yml": "site_name: W\n",
        "docs/index.md": "# Home\n\n[Gone](gone.md)\n",
        "docs/reference/meta.md": "# Meta\n",
        "docs/setup/install.md": "# Install\n",
        "docs/setup/tags.md": "# Tags\n\nSee [meta](../../reference/meta/#usage), [install](../install/#pip) "
                              "and [home](../../), [gone](../../gone/).\n",
    })
    result = load_corpus(site)
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    assert kg.related(key["docs/setup/tags.md"]) == [kg.article(key[p]) for p in (
        "docs/reference/meta.md", "docs/setup/install.md", "docs/index.md")] + ["article:gone"]
    assert kg.counts.get("stubs", 0) == 1

@pytest.mark.parametrize("setting, reached", [
    ("", False), ("validation:\n  links:\n    absolute_links: relative_to_docs\n", True),
    ("validation:\n  absolute_links: 'relative_to_docs'\n", True), ("plugins:\n  - search\n  - ezlinks\n", True),
])
def test_an_mkdocs_link_from_the_root_to_a_markdown_file_is_left_as_written(tmp_path: Path, setting: str,
                                                                         reached: bool):
    """MkDocs leaves an absolute link (``/setup/install.md``) as it is written, its browser asking the server
    for a Markdown file it does not publish (its _RelativePathTreeprocessor: "contains an absolute link ..., it
    was left as is"): a broken link, the stub of that file. With ``validation: links: absolute_links:
    relative_to_docs`` (MkDocs 1.6, mkdocs/mkdocs#3485; ``validation: absolute_links:`` sets it for links too),
    or a plugin that rewrites such links (ezlinks, abs-to-rel), it leads to the page of the file from the docs
    folder. It led there whatever the config said. A link from the root to a url (``/setup/install/``) is the
    browser's, and leads to the page."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {"mkdocs.yml": "site_name: W\n" + setting, "docs/index.md": "# Home\n",
                      "docs/setup/install.md": "# Install\n", "docs/setup/tags.md": "# Tags\n",
                      "docs/guide.md": "# Guide\n\nSee [install](/setup/install.md#pip) and [tags](/setup/tags/).\n"})
    result = load_corpus(site)
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    related = kg.related(key["docs/guide.md"])
    assert (related[0] == kg.article(key["docs/setup/install.md"])) is reached
    assert related[1] == kg.article(key["docs/setup/tags.md"]) and kg.counts.get("stubs", 0) == (0 if reached else 1)


@pytest.mark.parametrize("setting, reached", [("", False), ("plugins:\n  - search\n  - autolinks\n", True)])
def test_an_mkdocs_link_to_a_file_is_read_from_the_linking_file_s_folder_only(tmp_path: Path, setting: str,
                                                                             reached: bool):
    """MkDocs reads a Markdown link to a file (``install.md``, ``setup/install.md``) from the linking file's
    folder, and nowhere else: its _RelativePathTreeprocessor looks the file up at that path among the docs
    ("the target ... is not found among documentation files" else, the link left as written, broken on the
    site), and Material's blog reads a post's ``links`` as the nav does, from the docs folder. A link from
    ``blog/posts/`` to ``install.md``, or to ``setup/install.md``, led to ``setup/install.md`` (by name, or
    from the corpus's root), and a post's ``links: [blog/posts/gone.md]`` was a stub ``gone`` beside the stub
    ``blog/posts/gone`` of the link in its text. A plugin that finds files by name (autolinks, ezlinks) makes
    the first link the page's."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {"mkdocs.yml": "site_name: W\nplugins:\n  - blog\n" + setting.removeprefix("plugins:\n"),
                      "docs/index.md": "# Home\n", "docs/setup/install.md": "# Install\n",
                      "docs/blog/posts/p.md": "---\ndate: 2024-01-02\nlinks:\n  - blog/posts/gone.md\n  - setup/install.md\n"
                                              "---\n# Post\n\nSee [install](install.md), [setup](setup/install.md), "
                                              "[gone](gone.md) and [again](../../setup/install.md).\n"})
    result = load_corpus(site)
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    install = kg.article(key["docs/setup/install.md"])
    related = kg.related(key["docs/blog/posts/p.md"])
    assert related[:2] == ["article:blog/posts/gone", install]
    assert related[2:] == ([] if reached else ["article:blog/posts/install", "article:blog/posts/setup/install"])
    assert kg.counts.get("stubs", 0) == (1 if reached else 3)


def test_an_mkdocs_pages_related_list_names_pages_anywhere(tmp_path: Path):
    """A front-matter ``related`` list names pages (``related: [install]``), which no MkDocs plugin resolves
    but qagraph reads as names, found by their file names anywhere: reading MkDocs's links to files from the
    linking file's folder only leaves those names as they were."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {"mkdocs.yml": "site_name: W\n", "docs/index.md": "# Home\n", "docs/setup/install.md": "# Install\n",
                      "docs/guide/use.md": "---\nrelated: [install]\n---\n# Use\n"})
    result = load_corpus(site)
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    assert kg.related(key["docs/guide/use.md"]) == [kg.article(key["docs/setup/install.md"])]


@pytest.mark.parametrize("config, page", [
    ({"mkdocs.yml": "site_name: W\n"}, "docs/setup/tags.md"),
    ({"docusaurus.config.js": "export default {title: 'W', baseUrl: '/', trailingSlash: true,\n"
                              "  presets: [['classic', {docs: {}}]]};\n"}, "docs/setup/tags.md"),
])
def test_a_link_to_a_url_that_the_browser_finds_no_page_at_is_no_link_to_the_page_beside_the_file(
        tmp_path: Path, config: dict[str, str], page: str):
    """MkDocs and Docusaurus leave a relative link that names no file as it is written, and the browser
    reads it from the page's url: on ``/setup/tags/`` (MkDocs's folder url, Docusaurus's with
    ``trailingSlash: true``) ``install/`` is ``/setup/tags/install/``, where there is no page, a broken link
    on the site. It was read from the file's folder when the url found nothing, and led to
    ``setup/install.md``; ``../install/`` is the link that leads there, and still does."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {**config, "docs/index.md": "# Home\n", "docs/setup/install.md": "# Install\n",
                      page: "# Tags\n\nSee [install](install/), [install again](../install/#pip).\n"})
    result = load_corpus(site)
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    assert len(kg.related(key[page])) == 2 and kg.related(key[page])[1] == kg.article(key["docs/setup/install.md"])
    assert kg.counts.get("stubs", 0) == 1


def test_an_mkdocs_link_to_a_languages_url_without_its_page_leads_to_the_default_languages_page(tmp_path: Path):
    """The i18n plugin publishes a page that has no translation at the other language's url too (its
    ``fallback_to_default``): ``guide/`` on the French home page (``/fr/``) is ``/fr/guide/``, the English
    guide there, and a translated page's url (``about/``) its translation."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {"mkdocs.yml": "site_name: W\nplugins:\n  - i18n:\n      docs_structure: suffix\n"
                                    "      languages:\n        - locale: en\n          default: true\n"
                                    "        - locale: fr\n",
                      "docs/index.md": "# Home\n", "docs/index.fr.md": "# Accueil\n\n[g](guide/), [a](about/)\n",
                      "docs/guide.md": "# Guide\n", "docs/about.md": "# About\n", "docs/about.fr.md": "# A propos\n"})
    result = load_corpus(site)
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    assert kg.related(key["docs/index.fr.md"]) == [kg.article(key["docs/guide.md"]),
                                                   kg.article(key["docs/about.fr.md"])]
    assert kg.counts.get("stubs", 0) == 0


@pytest.mark.parametrize("authors_file", [
    "authors:\n  ann:\n    name: Ann Lee\n    description: Creator\n    avatar: https://x.org/a.png\n",
    "ann:\n  name: Ann Lee\n  description: Creator\n",  # the file's first form, without authors:
])
def test_a_material_blog_posts_categories_are_keywords_and_its_authors_named(tmp_path: Path, authors_file: str):
    """A Material blog post's ``categories`` are its keywords besides its ``tags`` (the blog lists
    it on each category's page), and its ``authors`` are keys of the blog's ``.authors.yml``, whose
    names the post shows: they are its author, not keywords. Categories were lost (no keyword at all)
    and the post had no author; a key the file does not have is a warning (the blog stops the build)."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nplugins:\n  - blog\n  - tags\n",
        "docs/index.md": "---\ncategories: [Not a post]\n---\n# Home\n",
        "docs/blog/index.md": "# Blog\n",
        "docs/blog/.authors.yml": authors_file,
        "docs/blog/posts/news.md": "---\ndate: 2024-01-31\nauthors: [ann]\ncategories:\n  - Search\n"
                                   "  - Performance\ntags: [speed]\n---\n# News\n",
        "docs/blog/posts/other.md": "---\ndate: 2024-02-01\nauthors:\n  - ann\n  - zed\n---\n# Other\n",
    })
    result = load_corpus(tmp_path)
    by_path = {a.path: a for a in result.articles}
    news, other = by_path["docs/blog/posts/news.md"], by_path["docs/blog/posts/other.md"]
    assert (news.keywords, news.author, news.subject) == (("speed", "Search", "Performance"), "Ann Lee", "Blog")
    assert (other.keywords, other.author) == ((), "Ann Lee, zed")
    assert by_path["docs/index.md"].keywords == ()  # categories are a blog post's only
    assert [(p.path, p.line, p.message.split(":")[0]) for p in result.problems if p.severity == WARNING] == [
        ("docs/blog/posts/other.md", 3, "author key 'zed' is not in docs/blog/.authors.yml")]

def test_an_mkdocs_config_that_inherits_has_its_parents_settings(tmp_path: Path):
    """An ``mkdocs.yml`` with ``INHERIT: base.yml`` has every setting of that file it does not set
    itself (a site's shared nav, plugins and redirects kept in a base config, the ``mkdocs.yml`` adding
    a few): they were not read, so pages lost their nav titles and links to moved pages were stubs."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "mkdocs.yml": "INHERIT: config/base.yml\nsite_name: Child\nplugins:\n  - search\n  - redirects:\n"
                      "      redirect_maps:\n        old.md: guide/install.md\n",
        "config/base.yml": "site_name: Base\nnav:\n  - Home: index.md\n  - Setting it up: guide/install.md\n"
                           "plugins:\n  - offline\n",
        "docs/index.md": "# Home\n\nSee [the old page](old.md).\n",
        "docs/guide/install.md": "# Install\n",
    })
    result = load_corpus(site)
    assert {a.path: a.title for a in result.articles} == {"docs/index.md": "Home",
                                                         "docs/guide/install.md": "Setting it up"}
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    assert kg.related(key["docs/index.md"]) == [kg.article(key["docs/guide/install.md"])]

def test_an_mkdocs_pages_subject_is_the_nav_section_that_lists_it(tmp_path: Path):
    """A page's subject is the top-level section of the site's ``nav`` that lists it (the tab Material
    shows it under), however deep: ``upgrade.md`` at the root and ``faq/sponsoring.md`` under
    "Getting started" are filed there, as the site shows them. Pages the nav does not list (a blog's
    posts), or lists at its top, keep their folder. Root pages were Uncategorised, and a page was filed
    under its folder's name where the site shows it in another section."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nnav:\n  - Home: index.md\n  - Getting started:\n    - Install: install.md\n"
                      "    - Changelog:\n      - How to upgrade: upgrade.md\n    - FAQ:\n      - faq/sponsoring.md\n"
                      "  - Setup:\n    - setup/index.md\n    - Colors: setup/colors.md\n  - Blog:\n    - blog/index.md\n"
                      "plugins:\n  - blog\n",
        "docs/index.md": "# Home\n",
        "docs/install.md": "# Install\n",
        "docs/upgrade.md": "# Upgrade\n",
        "docs/faq/sponsoring.md": "# Sponsoring\n",
        "docs/setup/index.md": "# Setup\n",
        "docs/setup/colors.md": "# Colors\n",
        "docs/blog/index.md": "# Blog\n",
        "docs/blog/posts/news.md": "---\ndate: 2024-01-31\n---\n# News\n",
        "docs/extra/notes.md": "# Notes, not in the nav\n",
    })
    result = load_corpus(tmp_path)
    assert {a.path: a.subject for a in result.articles} == {
        "docs/index.md": "Uncategorised", "docs/install.md": "Getting started", "docs/upgrade.md": "Getting started",
        "docs/faq/sponsoring.md": "Getting started", "docs/setup/index.md": "Setup", "docs/setup/colors.md": "Setup",
        "docs/blog/index.md": "Blog", "docs/blog/posts/news.md": "Blog", "docs/extra/notes.md": "Extra"}

def test_the_files_the_mkdocs_exclude_plugin_leaves_out_are_no_pages(tmp_path: Path):
    """The exclude plugin (mkdocs-exclude: ``plugins: [exclude: {glob: [...], regex: [...]}]``) takes out of the
    site the files of the docs folder whose path a ``glob`` matches (``fnmatchcase``: ``examples/*`` takes
    ``examples/a/b.md`` too) or a ``regex`` matches from its start, but those an ``include-glob`` takes back:
    they are skipped saying so. They were pages."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nplugins:\n  - search\n  - exclude:\n      glob:\n        - examples/*\n"
                      "        - build/*\n      regex:\n        - '.*\\.tmp\\.md$'\n      include-glob: examples/keep.md\n",
        "docs/index.md": "# Home\n",
        "docs/examples/a/b.md": "# Example\n",
        "docs/examples/keep.md": "# Kept\n",
        "docs/notes.tmp.md": "# Scratch\n",
        "docs/guide.md": "# Guide\n",
    })
    result = load_corpus(tmp_path)
    assert sorted(a.path for a in result.articles) == ["docs/examples/keep.md", "docs/guide.md", "docs/index.md"]
    skipped = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert "glob 'examples/*'" in skipped["docs/examples/a/b.md"] and "regex" in skipped["docs/notes.tmp.md"]


def test_an_mkdocs_nav_with_a_tag_of_a_plugin_keeps_its_titles_and_sections(tmp_path: Path):
    """A nav item of a plugin's own YAML tag (the monorepo plugin's ``- Backend: !include ./backend/mkdocs.yml``,
    which MkDocs loads with its plugins' tags) is no page of the folder read, and the rest of the nav is as it
    is: the nav was read with a safe YAML parser, which refuses the tag, so the whole nav was lost, its pages
    titled by their headings and filed by their folders. So were the plugins (``!ENV`` in an option), and
    with them the i18n plugin's languages."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nnav:\n  - Home: index.md\n  - Getting started:\n    - Install it: guide/install.md\n"
                      "  - Backend: !include ./backend/mkdocs.yml\nplugins:\n  - monorepo\n",
        "docs/index.md": "# Welcome\n",
        "docs/guide/install.md": "# Installation\n",
    })
    assert {a.path: (a.title, a.subject) for a in load_corpus(tmp_path).articles} == {
        "docs/index.md": ("Home", "Uncategorised"), "docs/guide/install.md": ("Install it", "Getting started")}
    # a plugin's option of a tag (!ENV) left the i18n plugin's languages unread: the French page at /index.fr/
    write_site(tmp_path / "i18n", {
        "mkdocs.yml": "site_name: W\nplugins:\n  - git-committers:\n      token: !ENV GH_TOKEN\n  - i18n:\n"
                      "      languages:\n        - locale: en\n          default: true\n        - locale: fr\n",
        "docs/index.md": "# Home\n", "docs/index.fr.md": "# Accueil\n"})
    assert sorted(a.url for a in load_corpus(tmp_path / "i18n").articles) == ["/", "/fr/"]


def test_a_page_the_mkdocs_nav_does_not_list_is_labelled_by_the_section_its_folder_is_named_like(tmp_path: Path):
    """A page the nav does not list is filed by its folder; when a top-level section of the nav is named like
    that folder (``user-guide/`` and "User Guide": one subject), the subject is labelled as the nav titles the
    section, the name the site shows. The folder's name made the label ("User guide") whenever more of its
    pages were out of the nav than in it, and the pages of one subject showed two labels."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nnav:\n  - Home: index.md\n  - User Guide:\n    - Writing: user-guide/writing.md\n",
        "docs/index.md": "# Home\n",
        "docs/user-guide/writing.md": "# Writing\n",
        "docs/user-guide/cli.md": "# CLI\n",
        "docs/user-guide/install.md": "# Install\n",
        "docs/dev-guide/api.md": "# API\n",
    })
    result = load_corpus(tmp_path)
    assert {a.path: a.subject for a in result.articles} == {
        "docs/index.md": "Uncategorised", "docs/user-guide/writing.md": "User Guide",
        "docs/user-guide/cli.md": "User Guide", "docs/user-guide/install.md": "User Guide",
        "docs/dev-guide/api.md": "Dev guide"}


@pytest.mark.parametrize("options, urls", [
    ("", {"news": "/blog/2024/01/31/whats-new-in-search/", "custom": "/blog/2023/05/02/my-own-slug/"}),
    ("    blog_dir: .\n    post_url_format: \"{slug}\"\n", {"news": "/whats-new-in-search/", "custom": "/my-own-slug/"}),
])
def test_a_material_blog_post_has_the_url_the_blog_publishes_it_at(tmp_path: Path, options: str,
                                                                     urls: dict[str, str]):
    """A Material blog publishes a post by its date and slug (``/blog/2024/01/31/whats-new-in-search/``:
    ``post_url_format`` ``{date}/{slug}``, the date as ``yyyy/MM/dd``, the slug made from its title, or its
    ``slug``), not at its path: posts had no url, and a link to a post's address was a stub."""
    import qagraph

    blog = "docs/blog/" if not options else "docs/"
    write_site(tmp_path / "site", {
        "mkdocs.yml": f"site_name: W\nsite_url: https://example.org/w/\nplugins:\n  - blog{':' if options else ''}\n"
                      + options,
        "docs/index.md": f"# Home\n\nRead [the news](https://example.org/w{urls['news']}) and "
                         f"[mine]({urls['custom'].lstrip('/')}).\n",
        f"{blog}posts/news.md": "---\ndate:\n  created: 2024-01-31\n---\n# What's new in `search`?\n",
        f"{blog}posts/2023/custom.md": "---\ndate: 2023-05-02\nslug: my-own-slug\n---\n# Custom\n",
    })
    site = tmp_path / "site"
    result = load_corpus(site)
    by_name = {a.path.rpartition("/")[2][:-3]: a for a in result.articles}
    assert {name: by_name[name].url for name in urls} == urls
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related(by_name["index"].key) == [kg.article(by_name["news"].key), kg.article(by_name["custom"].key)]

def test_a_material_blog_post_s_slug_is_its_title_as_the_blog_slugifies_it(tmp_path: Path):
    """Material's blog makes a post's slug, and a category's in its url, with pymdownx.slugs.slugify(case="lower")
    (its post_slugify and categories_slugify defaults, material/plugins/blog/config.py): in lower case,
    Unicode kept (NFC), what is no word character, hyphen or space dropped, each space a hyphen. They were
    made as Python Markdown's toc slugifies a heading, accents dropped and runs of spaces and hyphens one
    hyphen, so a post titled in French or Chinese, or with an ampersand, had another url than its own."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nplugins:\n  - blog:\n      post_url_format: '{categories}/{slug}'\n",
        "docs/index.md": "# Home\n",
        "docs/blog/posts/fr.md": "---\ndate: 2024-01-31\ncategories: [Nouveautés & co]\n---\n"
                                 "# Café & crème: ça va?\n",
        "docs/blog/posts/zh.md": "---\ndate: 2024-02-01\n---\n# 你好，世界\n",
    })
    assert {a.path: a.url for a in load_corpus(tmp_path).articles} == {
        "docs/index.md": "/", "docs/blog/posts/fr.md": "/blog/nouveautés--co/café--crème-ça-va/",
        "docs/blog/posts/zh.md": "/blog/你好世界/"}


def test_an_mkdocs_sites_auto_appended_snippets_give_every_page_their_link_definitions(tmp_path: Path):
    """The Snippets extension's ``auto_append`` files are put at the end of every page: a page's reference
    link (``[the guide][guide]``) defined there links where the file says. Such links were lost (the
    label read as text). The file's abbreviations (``*[HTML]: ...``) are no links, a definition the
    page does not use links nothing, and the snippet file outside the docs folder is no page."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "mkdocs.yml": "site_name: W\nmarkdown_extensions:\n  - abbr\n  - pymdownx.snippets:\n      auto_append:\n"
                      "        - includes/links.md\n        - includes/missing.md\n",
        "includes/links.md": "*[HTML]: Hyper Text Markup Language\n\n[guide]: guide/install.md\n"
                             "[unused]: elsewhere.md\n[site]: https://example.org/\n",
        "docs/index.md": "# Home\n\nAn HTML page: read [the guide][guide] and [site].\n",
        "docs/guide/install.md": "# Install\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["docs/guide/install.md", "docs/index.md"]
    kg = qagraph.build(site, out=tmp_path / "out")
    key = {a.path: a.key for a in result.articles}
    assert kg.related(key["docs/index.md"]) == [kg.article(key["docs/guide/install.md"])]
    assert kg.counts.get("stubs", 0) == 0

def test_an_mkdocs_meta_plugins_meta_files_give_their_folders_pages_front_matter(tmp_path: Path):
    """Material's meta plugin merges each folder's ``.meta.yml`` into the front matter of every page in
    the folder and below (lists joined: the page's own tags are added to the folder's). Its tags and a
    blog's categories set so were lost; without the plugin the files mean nothing and are not read."""
    files = {
        "docs/index.md": "# Home\n",
        "docs/guides/.meta.yml": "tags:\n  - Guide\n",
        "docs/guides/install.md": "---\ntags: [setup]\n---\n# Install\n",
        "docs/guides/deep/more.md": "# More\n",
        "docs/blog/posts/.meta.yml": "categories: [News]\nauthors: [ann]\n",
        "docs/blog/.authors.yml": "authors:\n  ann:\n    name: Ann Lee\n",
        "docs/blog/posts/hello.md": "---\ndate: 2024-01-31\n---\n# Hello\n",
    }
    write_site(tmp_path / "with", {"mkdocs.yml": "site_name: W\nplugins:\n  - meta\n  - blog\n", **files})
    write_site(tmp_path / "without", {"mkdocs.yml": "site_name: W\nplugins:\n  - blog\n", **files})
    found = {a.path: (a.keywords, a.author) for a in load_corpus(tmp_path / "with").articles}
    assert found == {"docs/index.md": ((), None), "docs/guides/install.md": (("Guide", "setup"), None),
                     "docs/guides/deep/more.md": (("Guide",), None),
                     "docs/blog/posts/hello.md": (("News",), "Ann Lee")}
    assert {a.path: a.keywords for a in load_corpus(tmp_path / "without").articles}["docs/guides/install.md"] == (
        "setup",)

def test_a_material_blogs_post_dir_and_authors_file_settings_say_where_they_are(tmp_path: Path):
    """The blog plugin's ``post_dir`` (default ``{blog}/posts``) and ``authors_file`` (default
    ``{blog}/.authors.yml``) may put a blog's posts and authors elsewhere: a site keeping its posts in
    ``news/articles/`` had them read as pages at their paths, without authors or categories."""
    write_site(tmp_path, {
        "mkdocs.yml": "site_name: W\nplugins:\n  - blog:\n      blog_dir: news\n"
                      "      post_dir: \"{blog}/articles\"\n      authors_file: \"{blog}/people.yml\"\n",
        "docs/news/index.md": "# News\n",
        "docs/news/people.yml": "authors:\n  ann:\n    name: Ann Lee\n",
        "docs/news/articles/hello.md": "---\ndate: 2024-01-31\nauthors: [ann]\ncategories: [Launch]\n---\n# Hello\n",
    })
    post = {a.path: a for a in load_corpus(tmp_path).articles}["docs/news/articles/hello.md"]
    assert (post.url, post.author, post.keywords) == ("/news/2024/01/31/hello/", "Ann Lee", ("Launch",))

@pytest.mark.parametrize("folder", ["content", "docs", "content/notes"])
def test_a_quartz_site_s_content_folder_built_alone_is_read_as_quartz_reads_it(tmp_path: Path, folder: str):
    """``-c site/content`` (or the folder ``npx quartz build -d docs`` reads, Quartz's own docs/, or a folder of
    content/) is a Quartz site's content, its config in the folder above: a note is titled by its
    ``title`` (else its file name), a draft is none and the ignorePatterns apply, as globs from the site's
    content. Read so only from the site's folder, such a folder was taken for a vault without .obsidian/
    (its notes titled by their file names: ``index``, not "Welcome"), or for generic notes."""
    top = folder.split("/")[0]
    inner = "notes/" if folder == "content/notes" else ""
    write_site(tmp_path / "site", {
        "quartz.config.ts": 'const config = {\n  configuration: {\n    ignorePatterns: ["private", "notes/scratch", '
                            '"**/*.draft.md"],\n  },\n}\n',
        f"{top}/{inner}index.md": "---\ntitle: Welcome\n---\nSee [[setup|the setup]] and [[wikilinks]].\n",
        f"{top}/{inner}setup.md": "---\ntitle: Setting up\ntags: [guide]\n---\nBack [[index|home]].\n",
        f"{top}/{inner}features/wikilinks.md": "---\ntitle: Wikilinks\n---\nLinks, as in [[setup]].\n",
        f"{top}/{inner}features/plain name.md": "No title here; see [[wikilinks]].\n",
        f"{top}/{inner}wip.md": "---\ntitle: Work in progress\ndraft: true\n---\nLater.\n",
        f"{top}/{inner}idea.draft.md": "An idea.\n",
        f"{top}/private/secret.md": "---\ntitle: Secret\n---\nHidden.\n",
        f"{top}/notes/scratch/x.md": "---\ntitle: Scratch\n---\nHidden.\n",
    })
    result = load_corpus(tmp_path / "site" / folder)
    assert result.detection is not None and "a Quartz site" in result.detection.reason
    titles = {a.path.removeprefix(inner): a.title for a in result.articles}
    assert titles == {"index.md": "Welcome", "setup.md": "Setting up", "features/wikilinks.md": "Wikilinks",
                      "features/plain name.md": "plain name"}
    kg = build(tmp_path / "site" / folder, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0


def test_quartz_s_own_repository_is_read_from_docs_when_its_content_holds_no_note(tmp_path: Path):
    """Quartz's repository keeps an empty content/ (a ``.gitkeep``) and builds its site from docs/
    (``npx quartz build -d docs``): read from the repository, its docs/ is the site's content, titled by
    their ``title`` fields; they were read as a vault without .obsidian/ with the repository's README,
    titled by their file names (``index``, not "Welcome to Quartz")."""
    write_site(tmp_path / "quartz", {
        "quartz.config.ts": 'const config = {\n  configuration: {\n    ignorePatterns: ["private"],\n  },\n}\n',
        "content/.gitkeep": "",
        "README.md": "# Quartz\n\nSee the [[index|docs]].\n",
        "docs/index.md": "---\ntitle: Welcome to Quartz\n---\nStart with [[authoring content|writing]].\n",
        "docs/authoring content.md": "---\ntitle: Authoring Content\n---\nBack [[index|home]].\n",
        "docs/features/wikilinks.md": "Links, as in [[authoring content]].\n",
    })
    result = load_corpus(tmp_path / "quartz")
    assert result.detection is not None and "docs/" in result.detection.reason
    assert {a.path: a.title for a in result.articles} == {
        "docs/index.md": "Welcome to Quartz", "docs/authoring content.md": "Authoring Content",
        "docs/features/wikilinks.md": "wikilinks"}
    assert result.skipped == ["README.md"]


def test_a_quartz_site_with_the_explicit_publish_filter_publishes_only_notes_that_say_so(tmp_path: Path):
    """A Quartz config whose filters are ``[Plugin.ExplicitPublish()]`` (a vault published in part, a common
    setup) publishes a note only when its ``publish`` is true, and, without ``RemoveDrafts``, a draft that
    says so too. Every note was published, and every draft left out."""
    write_site(tmp_path / "site", {
        "quartz.config.ts": 'const config = {\n  configuration: { pageTitle: "Garden" },\n  plugins: {\n'
                            '    // filters: [Plugin.RemoveDrafts()],\n    filters: [Plugin.ExplicitPublish()],\n  },\n}\n',
        "content/index.md": "---\ntitle: Home\npublish: true\n---\nSee [[Public]] and [[Private]].\n",
        "content/Public.md": "---\npublish: true\ndraft: true\n---\nA note in progress, published all the same.\n",
        "content/Private.md": "---\ntags: [diary]\n---\nNot for the site.\n",
        "content/Hidden.md": "---\npublish: false\n---\nNo.\n",
    })
    result = load_corpus(tmp_path / "site")
    assert sorted(a.path for a in result.articles) == ["content/Public.md", "content/index.md"]
    why = {p.path: p.message for p in result.problems}
    assert why["content/Private.md"] == "no publish: true: not published on the site"
    assert why["content/Hidden.md"] == "publish: false: not published on the site"


def test_a_quartz_note_s_aliases_text_names_one_alias_between_each_comma(tmp_path: Path):
    """Quartz's FrontMatter plugin reads ``aliases: Doggo, Woofer`` as two aliases (its coerceToArray splits a
    text at commas), so [[Woofer]] reaches the note; the text was one alias, and both links were stubs."""
    write_site(tmp_path / "site", {
        "quartz.config.ts": 'const config = { configuration: { pageTitle: "Pets" } }\n',
        "content/Dog.md": "---\ntitle: Dog\naliases: Doggo, Woofer\n---\nA dog.\n",
        "content/Cat.md": "---\ntitle: Cat\n---\nSee [[Doggo]] and [[Woofer]].\n",
    })
    kg = build(tmp_path / "site", out=tmp_path / "out")
    assert kg.related("content/Cat") == ["article:content/Dog"]
    assert kg.counts.get("stubs", 0) == 0


def test_a_quartz_site_is_its_content_folder_read_as_a_vault(tmp_path: Path):
    """Quartz publishes content/ as an Obsidian vault: read from the repository (which holds Quartz's
    own docs/), Quartz's documentation was in the graph, the notes were filed under "Content", a note
    without front matter was skipped, its ignorePatterns (templates with {{date}}) were read and drafts
    were published. Its ignorePatterns are globs from content/, as Quartz matches them: a glob was not
    applied, and a folder name was skipped at any depth (notes/private/ is a folder of notes)."""
    write_site(tmp_path / "site", {
        "quartz.config.ts": 'const config: QuartzConfig = {\n  configuration: {\n    pageTitle: "Quartz 4",\n'
                            '    baseUrl: "quartz.jzhao.xyz",\n    ignorePatterns: ["private", "templates", ".obsidian", "**/*.draft.md"],\n'
                            '  },\n  plugins: { filters: [Plugin.RemoveDrafts()] },\n}\n',
        "README.md": "# Quartz v4\n",
        "docs/index.md": "---\ntitle: Welcome to Quartz 4\n---\nSee [[features/wikilinks]].\n",
        "docs/features/wikilinks.md": "---\ntitle: Wikilinks\n---\nText.\n",
        "content/index.md": "---\ntitle: Welcome to my garden\n---\nStart at [[Alpha]].\n",
        "content/notes/Alpha.md": "---\ntags: [idea]\n---\nAlpha links [[Gamma]].\n",
        "content/notes/Gamma.md": "Gamma, no front matter.\n",
        "content/notes/Beta.md": "---\ntitle: Beta note\ndraft: true\n---\nBeta.\n",
        "content/templates/Daily.md": "---\ndate: {{date}}\n---\n# {{title}}\n",
        "content/private/secret.md": "secret [[Alpha]]\n",
        "content/notes/private/Delta.md": "Delta, a note in a folder of notes.\n",
        "content/notes/Epsilon.draft.md": "Epsilon, being written.\n",
    })
    result = load_corpus(tmp_path / "site")
    assert result.detection is not None and result.detection.preset == "obsidian"
    assert {a.path: (a.title, a.subject) for a in result.articles} == {
        "content/index.md": ("Welcome to my garden", "Uncategorised"), "content/notes/Alpha.md": ("Alpha", "Notes"),
        "content/notes/Gamma.md": ("Gamma", "Notes"), "content/notes/private/Delta.md": ("Delta", "Notes")}
    why = {p.path: p.message for p in result.problems}
    assert why["content/notes/Epsilon.draft.md"] == "excluded by the site's config (ignorePatterns: **/*.draft.md): not a page"
    assert why["content/private/secret.md"] == "excluded by the site's config (ignorePatterns: private): not a page"
    assert not [p for p in result.problems if p.severity != SKIPPED]
    assert_every_file_accounted_for(result)


def test_a_quartz_5_site_s_yaml_config_is_read_as_quartz_4_s(tmp_path: Path):
    """Quartz 5 keeps its settings in quartz.config.yaml (``configuration: ignorePatterns:``): its
    repository was read whole, Quartz's own docs/ and README in the graph, content/private/ published,
    notes titled by their file names. It is read from content/, as with quartz.config.ts; a config that
    is no YAML says so and the notes are still read from content/."""
    write_site(tmp_path / "site", {
        "quartz.config.yaml": "# yaml-language-server: $schema=./quartz/plugins/schema.json\nconfiguration:\n"
                              "  pageTitle: Garden\n  ignorePatterns:\n    - private\n    - .obsidian\nplugins:\n"
                              "  - source: github:quartz-community/remove-draft\n    enabled: true\n",
        "README.md": "# Quartz v5\n",
        "docs/index.md": "---\ntitle: Welcome to Quartz\n---\nSee [[features/wikilinks]].\n",
        "docs/features/wikilinks.md": "---\ntitle: Wikilinks\n---\nText.\n",
        "content/index.md": "---\ntitle: My garden\n---\nStart at [[Alpha]].\n",
        "content/notes/Alpha.md": "---\ntags: [idea]\n---\nAlpha links [[Gamma]].\n",
        "content/notes/Gamma.md": "Gamma, no front matter.\n",
        "content/private/secret.md": "secret [[Alpha]]\n",
    })
    result = load_corpus(tmp_path / "site")
    assert result.detection is not None and result.detection.reason.startswith("quartz.config.yaml (a Quartz site")
    assert {a.path: a.title for a in result.articles} == {
        "content/index.md": "My garden", "content/notes/Alpha.md": "Alpha", "content/notes/Gamma.md": "Gamma"}
    why = {p.path: p.message for p in result.problems}
    assert why["content/private/secret.md"] == "excluded by the site's config (ignorePatterns: private): not a page"
    assert_every_file_accounted_for(result)
    write_article(tmp_path / "site", "quartz.config.yaml", "configuration:\n  ignorePatterns: [private\n")
    result = load_corpus(tmp_path / "site")
    assert {a.path for a in result.articles} == {
        "content/index.md", "content/notes/Alpha.md", "content/notes/Gamma.md", "content/private/secret.md"}
    assert [(p.path, p.severity) for p in result.problems if p.severity != SKIPPED] == [("quartz.config.yaml", WARNING)]


# -- the second review's findings: globs that are no regular expression, and configs with one ----------


@pytest.mark.parametrize("line", ["[z-a].md", "[a-\\].md", "[!-.]x.md"])
def test_an_ignore_glob_whose_class_cannot_be_one_matches_nothing(tmp_path: Path, line: str):
    """A class such as [z-a] was copied into the regular expression, and re.error ended the whole build
    as an internal error: it matches nothing now (picomatch's way), and the pages are read."""
    site = tmp_path / "site"
    write_article(site, ".eleventy.js", 'module.exports = function () { return { dir: { input: "src" } }; };\n')
    write_article(site, ".eleventyignore", line + "\n")
    for name in ("a", "b"):
        write_article(site, f"src/{name}.md", f"---\ntitle: {name}\n---\nText.\n")
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["src/a.md", "src/b.md"]
    assert_every_file_accounted_for(result)


def test_a_negated_class_and_braces_in_gitignore_patterns_mean_what_git_makes_of_them():
    """[!-x] is "neither - nor x" (it was read as the range /-x), and gitignore patterns (MkDocs's
    exclude_docs) have no braces: {draft,wip}.md names that file, not draft.md and wip.md."""
    assert [gitignored(p, ["[!-x].md"]) for p in ["b.md", "-.md", "x.md"]] == ["[!-x].md", None, None]
    assert [gitignored(p, ["{draft,wip}.md"]) for p in ["draft.md", "{draft,wip}.md"]] == [None, "{draft,wip}.md"]


def test_a_glob_too_wild_to_match_in_time_matches_nothing():
    """A glob of many wildcards or alternatives ({a,a,a} 19 times, *a*a*a*a*a*a*b) took seconds to
    minutes per file, its time growing as the name's length to that power: it matches nothing (the
    files are read, none lost); real globs have one to three."""
    ignores = [("src/", "{a,a,a}" * 19, ".eleventyignore"), ("src/", "*a*a*a*a*a*a*b", ".eleventyignore"),
               ("src/", "{" + ",".join("x" * 40) + "}.md", "srcExclude")]
    assert [site_ignored("src/" + name, ignores) for name in ("a" * 19, "a" * 40 + "b", "x.md")] == [None] * 3
    assert site_ignored("src/d/x.md", [("src/", "**/*.{md,mdx}", "srcExclude")]) == ("**/*.{md,mdx}", "srcExclude")


@pytest.mark.parametrize("helper", [
    "const trim = (u) => u.replace(/\\/*$/, '');",  # /* in a regular expression: no comment begins
    "const clean = (s) => s.replace(/\"/g, '').replace(/^https?:\\/\\//, '');",  # a quote, and // in one
])
def test_a_regular_expression_in_a_javascript_config_is_no_comment_or_string(tmp_path: Path, helper: str):
    """Blanking a config's comments took /\\/*$/ for the start of one (the rest of the config went,
    its docs folder and url with it), and a quote in /"/g for a string's: settings after it were lost."""
    site = tmp_path / "site"
    write_article(site, "docusaurus.config.js",
                  f"{helper}\nmodule.exports = {{url: 'https://example.org', baseUrl: '/b/', "
                  "presets: [['classic', {docs: {path: 'guides', routeBasePath: '/'}, blog: false}]]};\n")
    write_article(site, "guides/intro.md", "---\ntitle: Intro\n---\nText.\n")
    result = load_corpus(site)
    assert (result.fields.site_url, result.fields.content_dir) == ("https://example.org/b", "guides/")
    assert [(a.path, a.url) for a in result.articles] == [("guides/intro.md", "/intro")]


def test_an_eleventy_config_s_own_ignores_are_not_read(tmp_path: Path):
    """eleventyConfig.ignores.add("src/drafts/**") leaves those files out, as .eleventyignore does (from
    the project's root, whatever the case); what the config deletes from its ignores again is read."""
    site = tmp_path / "site"
    write_article(site, "eleventy.config.js",
                  'export default function (eleventyConfig) {\n  eleventyConfig.ignores.add("src/drafts/**");\n'
                  "  eleventyConfig.ignores.add('./src/NOTES.md');\n  eleventyConfig.ignores.add(\"src/keep.md\");\n"
                  '  eleventyConfig.ignores.delete("src/keep.md");\n  // eleventyConfig.ignores.add("src/index.md");\n'
                  '  return { dir: { input: "src" } };\n}\n')
    for name in ("index", "keep", "notes", "drafts/a"):
        write_article(site, f"src/{name}.md", f"---\ntitle: {name}\n---\nText.\n")
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["src/index.md", "src/keep.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == {"src/drafts/a.md": "excluded by the site's config (ignores.add: src/drafts/**): not a page",
                   "src/notes.md": "excluded by the site's config (ignores.add: src/NOTES.md): not a page"}
    assert_every_file_accounted_for(result)


@pytest.mark.parametrize("build_future", [False, True])
def test_hugo_leaves_out_pages_to_be_published_later_and_expired_ones(tmp_path: Path, build_future: bool):
    """Hugo publishes no page whose publishDate (else its date) is to come, nor one whose expiryDate
    has passed, unless its config says buildFuture (or buildExpired): they were articles of the graph."""
    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n' + ("buildFuture = true\n" if build_future else ""))
    pages = {"posts/now.md": "---\ntitle: Now\ndate: 2020-01-01\nexpiryDate: 2999-01-01\n---\n",
             "posts/later.md": "---\ntitle: Later\ndate: 2020-01-01\npublishDate: 2999-05-06\n---\n",
             "posts/dated.md": "+++\ntitle = 'Dated'\ndate = 2999-01-01T10:00:00Z\n+++\n",
             "posts/gone.md": "---\ntitle: Gone\nExpiryDate: 2001-02-03\n---\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    result = load_corpus(site)
    why = {p.path: (p.line, p.message) for p in result.problems if p.severity == SKIPPED}
    assert why.pop("content/posts/gone.md") == (3, "ExpiryDate: 2001-02-03, past: not a page")
    if build_future:
        assert sorted(a.title for a in result.articles) == ["Dated", "Later", "Now"] and not why
    else:
        assert [a.title for a in result.articles] == ["Now"]
        assert why == {"content/posts/later.md": (4, "publishDate: 2999-05-06, in the future: not a page"),
                       "content/posts/dated.md": (3, "date: 2999-01-01 10:00:00+00:00, in the future: not a page")}
    assert_every_file_accounted_for(result)


def test_hugo_pages_are_at_the_urls_its_config_gives_them(tmp_path: Path):
    """A Hugo config's contentDir, [permalinks] (by section: :year, :month, :slug, :title, :section,
    :filename), uglyURLs and slug fields put pages where Hugo publishes them (lower-case, spaces as
    hyphens); links to those urls lead to the pages, and the taxonomies it declares are keywords.
    Before, every page was at its file's path (/pages/posts/first/), its links by url were stubs and the
    content folder's name was every page's subject."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "config/_default/hugo.toml", 'baseURL = "https://h.org/"\ncontentDir = "pages"\n'
                                                     "[taxonomies]\ntag = 'tags'\ncategory = 'categories'\nseries = 'series'\n"
                                                     "author = 'authors'\n")
    write_article(site, "config/_default/permalinks.toml", 'posts = "/:year/:month/:slug/"\nnotes = "/:section/:title/"\n'
                                                           'docs = "/d/:filename/"\n')
    # merged into hugo.toml's [taxonomies], as Hugo merges a config folder's files: its series stay (before, this
    # file's table was the site's taxonomies, and series, authors and categories were read from no page)
    write_article(site, "config/_default/taxonomies.toml", "tag = 'tags'\n")
    pages = {"_index.md": "---\ntitle: Home\n---\n[first](/2023/01/hello-first/) [note](/notes/a-note-c/)\n",
             "posts/first.md": "---\ntitle: First Post\ndate: 2023-01-05\nslug: hello-first\nseries: [intro]\n"
                               "authors: [Ann]\n---\n"
                               "[second](/2023/02/second-post/)\n",
             "posts/second.md": "+++\ntitle = 'Second Post'\ndate = 2023-02-10T10:00:00Z\n+++\n[a](/d/my-guide/)\n",
             "notes/deep/a.md": "---\ntitle: A Note, C++\n---\n",
             "docs/My Guide/index.md": "---\ntitle: Guide\n---\n",
             "More Pages/b.md": "---\ntitle: B\nslug: Be Here\n---\n[guide](/d/my-guide/)\n"}
    for name, text in pages.items():
        write_article(site / "pages", name, text)
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "pages/_index.md": "/", "pages/posts/first.md": "/2023/01/hello-first/",
        "pages/posts/second.md": "/2023/02/second-post/", "pages/notes/deep/a.md": "/notes/a-note-c/",
        "pages/docs/My Guide/index.md": "/d/my-guide/", "pages/More Pages/b.md": "/more-pages/be-here/"}
    assert {a.path: a.subject for a in result.articles}["pages/notes/deep/a.md"] == "Notes"
    assert (by_key(result)["posts/first"].keywords, by_key(result)["posts/first"].author) == (("intro",), "Ann")
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("/", "posts/first"): False, ("/", "notes/deep/a"): False, ("posts/first", "posts/second"): False,
        ("posts/second", "docs/My Guide"): False, ("More Pages/b", "docs/My Guide"): False}
    write_article(site, "config/_default/hugo.toml", 'baseURL = "https://h.org/"\ncontentDir = "pages"\nuglyURLs = true\n')
    ugly = {a.path: a.url for a in load_corpus(site).articles}
    assert ugly["pages/posts/first.md"] == "/2023/01/hello-first.html" and ugly["pages/_index.md"] == "/"
    assert ugly["pages/More Pages/b.md"] == "/more-pages/be-here.html"


def test_hugo_permalinks_sections_are_the_pages_section_path_and_its_cuts(tmp_path: Path):
    """A Hugo permalink's ``:sections`` is the path of the page's section (a folder below the top one is
    a section when it holds an ``_index.md``; a page of a folder without one is its parent section's), and
    ``:sections[1:]``, ``:sections[last]`` cut it as Hugo does. Before, ``:sections`` was the top folder
    and a cut was left in the url (``/docs[1:]/install/``), so the links to the pages were stubs."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.yaml", "baseURL: https://h.org/\npermalinks:\n  page:\n    docs: /:sections[1:]/:slug/\n"
                                     "    api: /:sections/:filename/\n    blog: /:sections[last]/:filename/\n")
    pages = {"docs/_index.md": "---\ntitle: Docs\n---\n",
             "docs/guide/_index.md": "---\ntitle: Guide\n---\n",
             "docs/guide/install.md": "---\ntitle: Install\n---\n[ref](/api/v1/ping/) [post](/blog/hello/)\n",
             "docs/guide/more/deep.md": "---\ntitle: Deep\n---\n[install](/guide/install/)\n",
             "api/v1/_index.md": "---\ntitle: V1\n---\n",
             "api/v1/ping.md": "---\ntitle: Ping\n---\n",
             "blog/2024/hello.md": "---\ntitle: Hello\n---\n[deep](/guide/deep/)\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    urls = {a.path: a.url for a in load_corpus(site).articles}
    assert {p: urls[f"content/{p}"] for p in ("docs/guide/install.md", "docs/guide/more/deep.md", "api/v1/ping.md",
                                              "blog/2024/hello.md")} == {
        "docs/guide/install.md": "/guide/install/", "docs/guide/more/deep.md": "/guide/deep/",
        "api/v1/ping.md": "/api/v1/ping/", "blog/2024/hello.md": "/blog/hello/"}
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("docs/guide/install", "api/v1/ping"): False, ("docs/guide/install", "blog/2024/hello"): False,
        ("docs/guide/more/deep", "docs/guide/install"): False, ("blog/2024/hello", "docs/guide/more/deep"): False}


def test_a_hugo_pages_fields_are_read_whatever_their_case(tmp_path: Path):
    """Hugo reads front-matter names whatever their case: posts converted from another blog platform
    say ``Title``, ``Categories``, ``Tags``, ``Draft``, ``Slug``. Before, such a post was filed under its
    section with no keywords, a ``Draft = true`` post was a page and a ``Slug`` did not move the url."""
    result = _hugo_site(tmp_path / "site", {
        "posts/old.md": '+++\nCategories = ["Infra"]\nDescription = "About proxies"\nTags = ["ops"]\n'
                        'Title = "Proxies"\nSlug = "proxies-101"\nPublishDate = "2015-01-02"\n+++\n[next](/posts/new/)\n',
        "posts/new.md": '+++\nTitle = "New"\ncategories = ["Infra"]\nlinkTitle = "Short"\nDraft = false\n+++\n',
        "posts/wip.md": '+++\nTitle = "Wip"\nDraft = true\n+++\n'})
    old = by_key(result)["posts/old"]
    assert (old.title, old.url, old.subject, old.keywords, old.description) == (
        "Proxies", "/posts/proxies-101/", "Infra", ("ops",), "About proxies")
    assert "Categories" not in old.extra and "categories" not in old.extra
    assert sorted(a.url for a in result.articles) == ["/posts/new/", "/posts/proxies-101/"]
    assert [(p.path, p.message) for p in result.problems] == [("posts/wip.md", "Draft: true: not a page")]


def test_a_hugo_configs_taxonomies_replace_tags_and_categories(tmp_path: Path):
    """A Hugo config that declares its taxonomies replaces Hugo's defaults: a blog whose config says
    ``taxonomies: {category: categories, year: year}`` publishes no tag pages, so a post's ``tags``
    are no keywords; one that declares only ``tag = "tags"`` publishes no category pages, so a post is
    filed under its section, not its ``categories``. Before, every post kept its tags as keywords and
    its categories as subject whatever the config declared."""
    site = tmp_path / "site"
    post = "+++\ntitle = 'Notes on queues'\ncategories = ['Messaging', 'Cloud']\ntags = ['Misc']\nyear = ['2021']\n+++\nText.\n"
    write_article(site, "content/journal/2021/03/queues.md", post)
    write_article(site, "config.yaml", "baseURL: 'https://b.example'\ntaxonomies:\n  category: categories\n  year: year\n")
    queues = by_key(load_corpus(site))["journal/2021/03/queues"]
    assert (queues.subject, queues.keywords) == ("Messaging", ("2021", "Cloud"))
    write_article(site, "config.yaml", "baseURL: 'https://b.example'\ntaxonomies:\n  tag: tags\n")
    queues = by_key(load_corpus(site))["journal/2021/03/queues"]
    assert (queues.subject, queues.keywords) == ("Journal", ("Misc",))
    write_article(site, "config.yaml", "baseURL: 'https://b.example'\n")
    queues = by_key(load_corpus(site))["journal/2021/03/queues"]
    assert (queues.subject, queues.keywords) == ("Messaging", ("Misc", "Cloud"))


def test_a_hugo_page_may_start_with_json_front_matter(tmp_path: Path):
    """Hugo reads a page that starts with a JSON object as one with front matter (its third syntax, beside
    YAML and TOML): such a page was skipped as having none. A page that starts with a shortcode has none."""
    result = _hugo_site(tmp_path / "site", {
        "about.md": '{\n  "title": "About us",\n  "slug": "about-us",\n  "tags": ["team"],\n  "draft": false\n}\n'
                    "About. [home](/)\n",
        "old.md": '{"title": "Old", "draft": true}\n',
        "bad.md": '{\n  "title": "Bad",\n}\n',
        "note.md": '{{< note >}}\nA bare include\n'})
    about = by_key(result)["about"]
    assert (about.title, about.url, about.keywords, about.body) == ("About us", "/about-us/", ("team",), "About. [home](/)")
    why = {p.path: (p.line, p.message) for p in result.problems}
    assert why == {"old.md": (1, "draft: true: not a page"),
                   "bad.md": (3, "invalid JSON: Expecting property name enclosed in double quotes"),
                   "note.md": (None, "no front matter: not a page (an include file, a resource or a repository file)")}
    assert_every_file_accounted_for(result)


def test_a_hugo_page_s_own_url_is_published_as_hugo_writes_it(tmp_path: Path):
    """A front-matter url is a folder's (hugo writes /cli/run to /cli/run/index.html, its href /cli/run/),
    from the site's root, unless it names a file: it lost its trailing / (/cli/run) and a relative one its
    leading / (cli/stop). Links to it, with or without the /, lead to the page."""
    from test_links import related

    result = _hugo_site(tmp_path / "site", {
        "cli/run.md": '---\ntitle: "tool run"\nslug: tool_run\nurl: /cli/tool_run/\n---\n[stop](/cli/stop/)\n',
        "cli/stop.md": "---\ntitle: tool stop\nurl: cli/stop\n---\n[run](/cli/tool_run)\n",
        "cli/feed.md": "---\ntitle: Feed\nurl: /cli/feed.xml\n---\n",
        "home.md": "---\ntitle: Home\nurl: /\n---\n"})
    assert {a.path: a.url for a in result.articles} == {
        "cli/run.md": "/cli/tool_run/", "cli/stop.md": "/cli/stop/", "cli/feed.md": "/cli/feed.xml", "home.md": "/"}
    assert {(u, v): stub for (u, v), (_, _, stub) in related(tmp_path / "site" / "content").items()} == {
        ("cli/run", "cli/stop"): False, ("cli/stop", "cli/run"): False}


def test_a_hugo_page_s_own_url_fills_in_its_permalink_tokens(tmp_path: Path):
    """A front-matter url may hold permalink tokens (Hugo 0.131 and later fill them in, as a blog keeps its
    old posts' urls: url: /:section/:year/:month/:slug/): the page is at /news/2016/04/old-news/, not at the
    section's [permalinks] pattern (/news/2016/04/09/old-news/, which it was), and links to it lead to it."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n[permalinks]\nnews = "/:section/:year/:month/:day/:slug/"\n')
    pages = {"news/_posts/2016/old.md": "---\ntitle: Old News\ndate: 2016-04-09\nslug: old-news\n"
                                        "url: /:section/:year/:month/:slug/\n---\n[new](/news/2020/01/02/new-news/)\n",
             "news/_posts/2020/new.md": "---\ntitle: New News\ndate: 2020-01-02\nslug: new-news\n---\n"
                                        "[old](/news/2016/04/old-news/)\n",
             "about.md": "---\ntitle: About\nurl: /:title/\n---\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "content/news/_posts/2016/old.md": "/news/2016/04/old-news/",
        "content/news/_posts/2020/new.md": "/news/2020/01/02/new-news/", "content/about.md": "/about/"}
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("news/_posts/2016/old", "news/_posts/2020/new"): False, ("news/_posts/2020/new", "news/_posts/2016/old"): False}


def test_a_hugo_permalinks_pattern_without_a_trailing_slash_still_gives_folder_urls(tmp_path: Path):
    """A blog's [permalinks] pattern often has no trailing / (journal = "/:year/:month/:day/:title"); Hugo
    still writes each post to a folder's index.html, its url /2005/06/17/a-new-laptop/: qagraph gave
    /2005/06/17/a-new-laptop, no post at the url Hugo publishes. Links, with or without the /, lead to it;
    a title's dots stay in its url part (/2005/07/01/release-0.2/), as Hugo's urlize keeps them."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "config.toml", 'baseURL = "https://d.org/"\n[permalinks]\njournal = "/:year/:month/:day/:title"\n')
    pages = {"journal/2005-06-17-laptop/index.md": "---\ntitle: A New Laptop\ndate: '2005-06-17T00:00:00+00:00'\n---\n"
                                                   "[release](/2005/07/01/release-0.2/)\n",
             "journal/2005-07-01-release/index.md": "---\ntitle: Release 0.2\ndate: '2005-07-01T00:00:00+00:00'\n---\n"
                                                    "[laptop](/2005/06/17/a-new-laptop)\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "content/journal/2005-06-17-laptop/index.md": "/2005/06/17/a-new-laptop/",
        "content/journal/2005-07-01-release/index.md": "/2005/07/01/release-0.2/"}
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("journal/2005-06-17-laptop", "journal/2005-07-01-release"): False,
        ("journal/2005-07-01-release", "journal/2005-06-17-laptop"): False}


def test_two_hugo_pages_published_at_one_url_are_a_warning(tmp_path: Path):
    """Two photo posts of one day with one title (a second upload, its bundle named pier-2/) both get
    /2012/09/15/the-pier/ from the pattern: Hugo writes one over the other (it warns: "Duplicate target
    paths"). qagraph kept both pages, one url, and said nothing; the one read later (pier/ after pier-2/)
    now has a warning that names the other; both stay in the graph, as nothing tells which one the site keeps."""
    site = tmp_path / "site"
    write_article(site, "config.toml", 'baseURL = "https://d.org/"\n[permalinks]\nphotos = "/:year/:month/:day/:title"\n')
    for name, time in {"pier": "23:46:56", "pier-2": "23:52:14", "dock": "08:00:00"}.items():
        title = "The Dock" if name == "dock" else "The Pier"
        write_article(site / "content", f"photos/2012-09-15-{name}/index.md",
                      f"---\ntitle: {title}\ndate: '2012-09-15T{time}+00:00'\n---\nA photo.\n")
    result = load_corpus(site)
    assert sorted(a.url for a in result.articles if a.url) == [
        "/2012/09/15/the-dock/", "/2012/09/15/the-pier/", "/2012/09/15/the-pier/"]
    assert [(p.path, p.code, p.severity) for p in result.problems if p.code == "duplicate-url"] == [
        ("content/photos/2012-09-15-pier/index.md", "duplicate-url", WARNING)]
    assert "content/photos/2012-09-15-pier-2/index.md" in next(p.message for p in result.problems if p.code == "duplicate-url")
    assert_every_file_accounted_for(result)


def test_a_hugo_home_page_without_a_title_is_titled_by_the_site(tmp_path: Path):
    """A blog's content/_index.md often holds only the home page's text (date: and a greeting): Hugo
    gives it no title and the theme heads it with the site's title. qagraph titled it "_index", with a
    warning that it had no title; it is now titled by the config's title, with no warning. A section's
    _index.md without title is still named by its folder."""
    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\ntitle = "Me, A. Writer"\n')
    write_article(site / "content", "_index.md", "---\ndate: '2019-10-16'\n---\n\nHi, I write here.\n")
    write_article(site / "content", "notes/_index.md", "---\ndate: '2019-10-16'\n---\n")
    result = load_corpus(site)
    assert {a.key: a.title for a in result.articles} == {"/": "Me, A. Writer", "notes": "notes"}
    assert [p.path for p in result.problems if p.code == "no-title"] == ["content/notes/_index.md"]


def test_a_hugo_post_is_not_reached_by_an_older_site_s_dated_url(tmp_path: Path):
    """A blog moved to Hugo from an older engine keeps links to the old urls of its posts
    (/blog/2017/01/10/sorting-cheat-sheet/); Hugo publishes the post at /posts/2017-01-10-sorting-cheat-sheet/,
    so the old url is a page Hugo does not have. qagraph read it as a link to the post whose file is
    2017-01-10-sorting-cheat-sheet.md (the dated tail matched its name), hiding a broken link; it is
    now a stub. The post's own url, an alias it lists, and a ref to its file still reach it."""
    from test_links import related

    result = _hugo_site(tmp_path / "site", {
        "posts/2017-01-10-sorting-cheat-sheet.md": "---\ntitle: Sorting cheat sheet\ndate: 2017-01-10\n"
                                                   "aliases: [/blog/2017/01/09/sorting/]\n---\nHi.\n",
        "posts/2017-03-26-sorting-part-2.md": "---\ntitle: Sorting, part 2\ndate: 2017-03-26\n---\n"
                                              "[old](/blog/2017/01/10/sorting-cheat-sheet/)\n",
        "posts/2017-04-01-sorting-part-3.md": "---\ntitle: Sorting, part 3\ndate: 2017-04-01\n---\n"
                                              "[new](/posts/2017-01-10-sorting-cheat-sheet/) [alias](/blog/2017/01/09/sorting/)\n"
                                              '[ref]({{< ref "posts/2017-01-10-sorting-cheat-sheet.md" >}})\n'})
    assert result.detection is not None and result.detection.preset == "hugo"
    edges = {(u, v): stub for (u, v), (_, _, stub) in related(tmp_path / "site").items()}
    assert edges == {("posts/2017-03-26-sorting-part-2", "blog/2017/01/10/sorting-cheat-sheet"): True,
                     ("posts/2017-04-01-sorting-part-3", "posts/2017-01-10-sorting-cheat-sheet"): False}


@pytest.mark.parametrize("in_subdir", [False, True])
def test_a_translated_hugo_page_s_relative_url_is_in_its_language(tmp_path: Path, in_subdir: bool):
    """Hugo reads a front-matter url without a leading / from the root of the page's language (url: lamps on a
    Korean page is /ko/lamps/; on the default language's, the site's root, unless its pages are in a folder of
    their own too), and one with it from the site's root: the Korean page was at /lamps/, where no link of the
    site reached it, and a link to /ko/lamps/ was a stub."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\ndefaultContentLanguage = "en"\n'
                                     f"defaultContentLanguageInSubdir = {str(in_subdir).lower()}\n"
                                     '[languages.en]\ncontentDir = "content/en"\n[languages.ko]\ncontentDir = "content/ko"\n')
    pages = {"en/wicks.md": "---\ntitle: Wicks\nurl: wick-care\n---\n[lamps](/ko/lamps/)\n",
             "ko/lamps.md": "---\ntitle: 램프\nurl: lamps\n---\n", "ko/oil.md": "---\ntitle: 기름\nurl: /oil\n---\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    wicks = "en/wicks" if in_subdir else "wicks"
    assert {a.key: a.url for a in load_corpus(site).articles} == {
        wicks: "/en/wick-care/" if in_subdir else "/wick-care/", "ko/lamps": "/ko/lamps/", "ko/oil": "/oil/"}
    assert related(site)[(wicks, "ko/lamps")][2] is False


def test_a_hugo_site_s_docs_section_files_its_pages_under_the_sections_below_it(tmp_path: Path):
    """A Docsy site keeps its documentation in content/<language>/docs/, whose sections (docs/concepts/,
    docs/tasks/) its menus show: each is its pages' subject, as the folders below a Docusaurus or
    Starlight site's docs/ are; every doc was under one subject, "Docs". The docs/ page itself and a
    page directly in it are still in docs/, named by its _index.md; the blog's posts, below their year
    folders, are "Blog"."""
    result = _hugo_site(tmp_path / "site", {
        "docs/_index.md": "---\ntitle: Documentation\n---\n", "docs/intro.md": "---\ntitle: Intro\n---\n",
        "docs/concepts/_index.md": "---\ntitle: Concepts\n---\n",
        "docs/concepts/lamps/wicks.md": "---\ntitle: Wicks\n---\n",
        "docs/tasks/light-a-lamp.md": "---\ntitle: Light a lamp\n---\n",
        "blog/_posts/2024/news.md": "---\ntitle: News\ndate: 2024-01-02\n---\n"})
    assert {a.key: a.subject for a in result.articles} == {
        "docs": "Documentation", "docs/intro": "Documentation", "docs/concepts": "Concepts",
        "docs/concepts/lamps/wicks": "Concepts", "docs/tasks/light-a-lamp": "Tasks", "blog/_posts/2024/news": "Blog"}


def test_a_hugo_leaf_bundle_is_filed_in_its_section_not_under_its_own_folder(tmp_path: Path):
    """A leaf bundle's folder (``docs/multi-author/index.md``, Blowfish's docs) is its page, not a section:
    Hugo files the page in the section above it (docs, "Documentation" in the menus), as it files
    ``docs/intro.md``; and a bundle at the content's top (``about/index.md``) is in no section, as
    ``contact.md`` is. Before, the bundle's folder was its subject: "Multi author", "About"; a Docs
    section's bundle or translation too (``index.de.md``)."""
    result = _hugo_site(tmp_path / "site", {
        "docs/_index.md": "---\ntitle: Documentation\n---\n", "docs/intro.md": "---\ntitle: Intro\n---\n",
        "docs/multi-author/index.md": "---\ntitle: Multiple Authors\n---\n",
        "blog/post-one/index.md": "---\ntitle: Post one\n---\n",
        "about/index.md": "---\ntitle: About\n---\n", "contact.md": "---\ntitle: Contact\n---\n"})
    subjects = {a.key: a.subject for a in result.articles}
    assert subjects == {"docs": "Documentation", "docs/intro": "Documentation", "docs/multi-author": "Documentation",
                        "blog/post-one": "Blog", "about": subjects["contact"], "contact": subjects["contact"]}
    assert subjects["contact"] != "About"


def test_a_hugo_section_subject_is_named_by_its_index_page(tmp_path: Path):
    """A section's pages are filed under it by the name its _index.md gives it, its linkTitle else its title,
    as the site's menus and breadcrumbs show it (the Kubernetes site's docs/setup/ is "Getting started", its
    blog/ "Blog" over the title "Kubernetes Blog"); the subject was named after the folder ("Setup"). Each
    language's pages are named by their own language's _index.md; a section without one, or whose _index.md
    has no title (or no front matter a parser reads), keeps its folder's name, and categories still win."""
    result = _hugo_site(tmp_path / "site", {
        "docs/setup/_index.md": "---\ntitle: Getting started\n---\n",
        "docs/setup/install-lamps.md": "---\ntitle: Install lamps\n---\n",
        "docs/setup/oils.md": "---\ntitle: Oils\ncategories: [fuel]\n---\n",
        "blog/_index.md": "+++\ntitle = 'Lantern Blog'\nLinkTitle = 'Blog posts'\n+++\n",
        "blog/news.md": "---\ntitle: News\n---\n",
        "docs/tasks/_index.md": "---\nweight: 3\n---\n", "docs/tasks/trim.md": "---\ntitle: Trim\n---\n",
        "docs/wicks/_index.md": "---\ntitle: [Wicks\n---\n", "docs/wicks/cotton.md": "---\ntitle: Cotton\n---\n"})
    assert {a.key: a.subject for a in result.articles} == {
        "docs/setup": "Getting started", "docs/setup/install-lamps": "Getting started", "docs/setup/oils": "fuel",
        "blog": "Blog posts", "blog/news": "Blog posts", "docs/tasks": "Tasks", "docs/tasks/trim": "Tasks",
        "docs/wicks/cotton": "Wicks"}


def test_a_hugo_site_s_html_content_files_are_pages(tmp_path: Path):
    """Hugo publishes an HTML file with front matter in the content folder as a page (the Kubernetes
    site's home page, case studies and community pages are content/en/**.html): they were not read,
    so the home page was missing and links to those pages were stubs. Its <a href> are its links (one
    in a comment is none); the HTML of layouts/ and static/ is no page and stays unread, and the
    content folder read by itself finds them too."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\ncontentDir = "content/en"\n')
    pages = {"content/en/_index.html": '---\ntitle: Lanterns for all\n---\n<section>\n<h3><a href="/docs/wicks/">'
                                       'Wicks</a> and <a href=\'/stories/\'>stories</a></h3>\n'
                                       '<!--<a href="/docs/old/">old</a>-->\n</section>\n',
             "content/en/stories/_index.html": "---\ntitle: Stories\n---\n<a href=\"/stories/harbour/\">Harbour</a>\n",
             "content/en/stories/harbour/index.html": "---\ntitle: Harbour Story\n---\n<p>Lit &amp; kept.</p>\n",
             "content/en/docs/wicks.md": "---\ntitle: Wicks\n---\n[Home](/) [a story](/stories/harbour/)\n",
             "layouts/partials/footer.html": '<a href="/docs/wicks/">wicks</a>\n',
             "static/offline.html": "<html><body>Offline</body></html>\n"}
    for name, text in pages.items():
        write_article(site, name, text)
    result = load_corpus(site)
    assert {a.path: (a.title, a.url) for a in result.articles} == {
        "content/en/_index.html": ("Lanterns for all", "/"), "content/en/stories/_index.html": ("Stories", "/stories/"),
        "content/en/stories/harbour/index.html": ("Harbour Story", "/stories/harbour/"),
        "content/en/docs/wicks.md": ("Wicks", "/docs/wicks/")}
    assert by_key(result)["stories/harbour"].body == "Lit & kept."
    assert_every_file_accounted_for(result)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("/", "docs/wicks"): False, ("/", "stories"): False, ("stories", "stories/harbour"): False,
        ("docs/wicks", "/"): False, ("docs/wicks", "stories/harbour"): False}
    assert len(load_corpus(site / "content" / "en").articles) == 4


@pytest.mark.parametrize("where", ["hugo.toml", "config/_default/markup.toml"])
@pytest.mark.parametrize("unsafe", [True, False])
def test_a_hugo_page_s_html_links_are_links_when_its_config_publishes_raw_html(tmp_path: Path, unsafe: bool, where: str):
    """With markup.goldmark.renderer.unsafe = true (the Kubernetes site's config) Hugo writes the raw HTML
    of a Markdown page as it is, so its <a href> (a button to the install guide) is a link, which was lost;
    without it Hugo leaves raw HTML out, and such an <a> is no link. One in a comment is none either way.
    A config folder's ``markup.toml`` (Blowfish's) is the ``[markup]`` table, as Hugo reads it: it was not read."""
    from test_links import related

    site = tmp_path / "site"
    renderer = f"    [markup.goldmark.renderer]\n      unsafe = {str(unsafe).lower()}\n"
    if where == "hugo.toml":
        write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n[markup]\n  [markup.goldmark]\n' + renderer)
    else:
        write_article(site, "config/_default/hugo.toml", 'baseURL = "https://h.org/"\n')
        write_article(site, where, "[goldmark]\n" + renderer.replace("markup.", ""))
    write_article(site / "content", "docs/tools.md", '---\ntitle: Tools\n---\n[guide](/docs/guide/)\n'
                  '<a class="btn" href="/docs/install/" role="button">Install</a>\n<!-- <a href="/docs/old/">x</a> -->\n')
    for name in ("guide", "install", "old"):
        write_article(site / "content", f"docs/{name}.md", f"---\ntitle: {name}\n---\n")
    links = {(u, v) for (u, v), (_, _, stub) in related(site).items() if not stub}
    assert links == ({("docs/tools", "docs/guide"), ("docs/tools", "docs/install")} if unsafe else
                     {("docs/tools", "docs/guide")})


def test_a_glossary_definition_shows_the_links_of_its_term(tmp_path: Path):
    """The Kubernetes site's {{< glossary_definition term_id="x" length="all" >}} puts the term's text in
    the page, so the term's tooltips and Markdown links are the page's links too (a tooltip's in the
    page's language, as the page's own are); a short definition (length="short") shows the term's first
    paragraph (the shortcode's findRE "<p>.*?</p>" of its content), so that paragraph's links, and the links
    after it none; one in code none. Before, a page made of such definitions (the components page) had no
    links at all, and a short one (the Workloads page's) none."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\ncontentDir = "content/en"\n'
                                     '[languages.en]\nweight = 1\n[languages.de]\ncontentDir = "content/de"\n')
    pages = {"en/docs/reference/glossary/index.md": "---\ntitle: Glossary\nlayout: glossary\n---\n",
             "en/docs/reference/glossary/trellis.md": "---\ntitle: Trellis\nfull_link: /docs/trellis/\n---\nA frame for a "
                                                      '{{< glossary_tooltip text="vine" term_id="vine" >}}.\n\n<!--more-->\n\n'
                                                      "See [pruning](/docs/pruning/).\n",
             "en/docs/reference/glossary/vine.md": "---\ntitle: Vine\nfull_link: /docs/vines/\n---\nIt climbs.\n",
             "en/docs/vines.md": "---\ntitle: Vines\n---\n",
             "en/docs/pruning.md": "---\ntitle: Pruning\n---\n",
             "en/docs/garden.md": '---\ntitle: Garden\n---\n{{< glossary_definition term_id="Trellis" length="all" >}}\n',
             "en/docs/shed.md": '---\ntitle: Shed\n---\n{{< glossary_definition term_id="trellis" length="short" >}}\n'
                                '`{{< glossary_definition term_id="trellis" length="all" >}}`\n',
             "de/docs/reference/glossary/index.md": "---\ntitle: Glossar\n---\n",
             "de/docs/garten.md": '---\ntitle: Garten\n---\n{{< glossary_definition term_id="trellis" length="long" >}}\n'}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items() if "glossary" not in u} == {
        ("docs/garden", "docs/vines"): False, ("docs/garden", "docs/pruning"): False,
        ("docs/shed", "docs/vines"): False,
        ("de/docs/garten", "de/docs/vines"): True, ("de/docs/garten", "docs/pruning"): False}


def test_the_glossary_page_shows_the_links_of_its_terms(tmp_path: Path):
    """The Kubernetes site's glossary page (the docs/reference/glossary/ bundle's index.md, laid out by its
    glossary template) lists every term with its whole text, so the terms' Markdown links and tooltips are the
    page's links; the page had none. A translated glossary page shows its own language's terms, and the
    default language's for a term not translated (its tooltips' hrefs in the page's language)."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\ncontentDir = "content/en"\n'
                                     '[languages.en]\nweight = 1\n[languages.de]\ncontentDir = "content/de"\n')
    pages = {"en/docs/reference/glossary/index.md": "---\ntitle: Glossary\nlayout: glossary\n---\n",
             "en/docs/reference/glossary/trellis.md": "---\ntitle: Trellis\nfull_link: /docs/trellis/\n---\nA frame for a "
                                                      '{{< glossary_tooltip text="vine" term_id="vine" >}}.\n\n<!--more-->\n\n'
                                                      "See [pruning](/docs/pruning/).\n",
             "en/docs/reference/glossary/vine.md": "---\ntitle: Vine\nfull_link: /docs/vines/\n---\nIt climbs.\n",
             "en/docs/reference/glossary/hedge.md": "---\ntitle: Hedge\n---\nTrim it [yearly](/docs/pruning/).\n",
             "en/docs/vines.md": "---\ntitle: Vines\n---\n", "en/docs/pruning.md": "---\ntitle: Pruning\n---\n",
             "de/docs/reference/glossary/index.md": "---\ntitle: Glossar\nlayout: glossary\n---\n",
             "de/docs/reference/glossary/hedge.md": "---\ntitle: Hecke\n---\nJedes Jahr schneiden.\n",
             "de/docs/vines.md": "---\ntitle: Reben\n---\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v) for u, v in related(site) if "glossary" in u} == {
        ("docs/reference/glossary", "docs/vines"), ("docs/reference/glossary", "docs/pruning"),
        ("de/docs/reference/glossary", "de/docs/vines"), ("de/docs/reference/glossary", "docs/pruning")}


def test_a_glossary_tooltip_links_to_its_term_s_page(tmp_path: Path):
    """The Kubernetes site's {{< glossary_tooltip term_id="x" >}} links to the term's full_link (a term of
    the docs/reference/glossary/ bundle, its file's name in any case), else to the glossary page; a page
    of another language to its own language's term, else the default language's, under its language
    (where the page may be missing: /de/docs/flame/ is no page, though /docs/flame/ is).
    Those links were lost: a page's many tooltips made no link at all. One in a comment makes none."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\ncontentDir = "content/en"\n'
                                     '[languages.en]\nweight = 1\n[languages.de]\ncontentDir = "content/de"\n')
    pages = {"en/docs/reference/glossary/index.md": "---\ntitle: Glossary\nlayout: glossary\n---\n",
             "en/docs/reference/glossary/lamp.md": "---\ntitle: Lamp\nid: lamp\nfull_link: /docs/lamps/\n---\nA light.\n",
             "en/docs/reference/glossary/wick.md": "---\ntitle: Wick\nid: wick\nfull_link:\n---\nIt burns.\n",
             "en/docs/reference/glossary/flame.md": "---\ntitle: Flame\nfull_link: /docs/flame/\n---\nHot.\n",
             "en/docs/flame.md": "---\ntitle: Flame\n---\n",
             "en/docs/lamps.md": '---\ntitle: Lamps\n---\nA {{< glossary_tooltip text="wick" term_id="wick" >}}.\n',
             "en/docs/oil.md": '---\ntitle: Oil\n---\nFor a {{< glossary_tooltip term_id="Lamp" >}}; '
                               '<!-- {{< glossary_tooltip term_id="wick" >}} --> {{< glossary_tooltip term_id="none" >}}\n',
             "de/docs/reference/glossary/index.md": "---\ntitle: Glossar\n---\n",
             "de/docs/lamps.md": "---\ntitle: Lampen\n---\n",
             "de/docs/oil.md": '---\ntitle: Öl\n---\n{{< glossary_tooltip term_id="lamp" >}} {{<glossary_tooltip term_id="wick">}}\n'
                               '{{< glossary_tooltip term_id="flame" >}}\n'}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("docs/lamps", "docs/reference/glossary"): False, ("docs/oil", "docs/lamps"): False,
        ("de/docs/oil", "de/docs/lamps"): False, ("de/docs/oil", "de/docs/reference/glossary"): False,
        ("de/docs/oil", "de/docs/flame"): True}


def test_a_hugo_section_that_cascades_render_never_is_a_page_when_its_own_build_says_so(tmp_path: Path):
    """A section's _index.md that cascades build: {render: never} to its pages is not rendered itself
    (Hugo applies a cascade to the page that holds it), unless its own build: says render: always, as
    the glossary of Hugo's docs does to show its terms on one page: that page was skipped with them."""
    pending = "---\ncascade:\n  build:\n    render: never\n---\n"
    shown = "---\ntitle: Words\nbuild:\n  render: always\n  list: always\ncascade:\n  build:\n    render: never\n---\n"
    result = _hugo_site(tmp_path / "site", {
        "en/_index.md": "---\ntitle: Home\n---\n", "en/snippets/_index.md": pending,
        "en/snippets/note.md": "---\n---\nA note.\n", "en/help/words/_index.md": shown,
        "en/help/words/anvil.md": "---\ntitle: anvil\n---\nA block.\n"})
    assert sorted(a.key for a in result.articles) == ["/", "help/words"]
    assert sorted(result.skipped) == ["en/help/words/anvil.md", "en/snippets/_index.md", "en/snippets/note.md"]


def test_a_hugo_cascade_with_a_target_hides_the_pages_it_targets_only(tmp_path: Path):
    """A cascade of ``build: {render: never}`` with a ``_target`` (Hugo 0.140's ``target``) gives it to the
    pages its ``path`` glob names only (``/docs/internal/**``): the whole section that cascades it, its own
    page and its other pages, was skipped. A target that cannot be told (a glob of its own, another
    environment) hides no page; one of regular pages only (``kind: page``) hides the section's pages, not its own."""
    cascade = ("---\ntitle: Docs\ncascade:\n  - build:\n      render: never\n    _target:\n      path: /docs/internal/**\n"
               "  - draft: true\n    target:\n      path: /docs/**\n      environment: staging\n---\n")
    result = _hugo_site(tmp_path / "site", {
        "_index.md": "---\ntitle: Home\n---\n", "docs/_index.md": cascade,
        "docs/guide.md": "---\ntitle: Guide\n---\n", "docs/internal/secret.md": "---\ntitle: Secret\n---\n",
        "notes/_index.md": "---\ntitle: Notes\ncascade:\n  build:\n    render: never\n  target:\n    path: '/notes/{a,b}*'\n---\n",
        "notes/a1.md": "---\ntitle: A1\n---\n",
        "parts/_index.md": "---\ntitle: Parts\ncascade:\n  build:\n    render: never\n  _target:\n    kind: page\n---\n",
        "parts/p1.md": "---\ntitle: P1\n---\n"})
    assert sorted(a.key for a in result.articles) == ["/", "docs", "docs/guide", "notes", "notes/a1", "parts"]
    assert sorted(result.skipped) == ["docs/internal/secret.md", "parts/p1.md"]


def test_a_link_to_g_in_hugo_s_docs_leads_to_the_glossary_page(tmp_path: Path):
    """Hugo's own docs write [term](g) for a link to the term's entry on the glossary page
    (/quick-reference/glossary/#term, made by their link render hook): each was a stub beside the
    linking page (functions/spin/g). A site without that glossary keeps the link as written."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    glossary = "---\ntitle: Glossary\nbuild:\n  render: always\ncascade:\n  build:\n    render: never\n---\n"
    pages = {"en/_index.md": "---\ntitle: Home\n---\n",
             "en/quick-reference/glossary/_index.md": glossary,
             "en/quick-reference/glossary/widget.md": "---\ntitle: widget\n---\nA [gadget](g).\n",
             "en/functions/Spin.md": "---\ntitle: spin\n---\nTurns [widgets](g) and [_gadgets_](g) [twice](/functions/twice/).\n",
             "en/functions/Twice.md": "---\ntitle: twice\n---\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("functions/Spin", "quick-reference/glossary"): False, ("functions/Spin", "functions/Twice"): False}
    (site / "content/en/quick-reference/glossary/_index.md").unlink()  # a copy of the docs without it: still theirs
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("functions/Spin", "quick-reference/glossary"): True, ("functions/Spin", "functions/Twice"): False}
    (site / "content/en/quick-reference/glossary/widget.md").unlink()
    assert ("functions/Spin", "functions/Spin/g") in related(site)


def test_hugo_s_docs_without_the_index_of_their_snippets_and_glossary_read_as_the_site_has_them(tmp_path: Path):
    """Hugo's docs' _common/ and quick-reference/glossary/ sections cascade render: never from their _index.md,
    which a copy of the docs may lack (the stored copy of gohugoio/hugoDocs has their files, not those):
    the snippets (front matter of a _comment alone) were pages titled by their file names, uncategorised,
    whose links the pages that include them lost, and each glossary term a page. They are skipped as
    the site's, a page that includes a snippet shows its links; a _common/ folder elsewhere is a folder."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    pages = {"en/_index.md": "---\ntitle: Home\n---\n",
             "en/_common/sorting.md": "---\n_comment: Keep this front matter.\n---\nSee the [guide](/tools/guide/).\n",
             "en/quick-reference/glossary/widget.md": "---\ntitle: widget\n---\nA [gadget](g).\n",
             "en/tools/Sorter.md": '---\ntitle: Sorter\n---\nSorts [widgets](g).\n\n{{% include "/_common/sorting.md" %}}\n',
             "en/tools/guide.md": "---\ntitle: Guide\n---\n", "en/tools/_common/tip.md": "---\ntitle: Tip\n---\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    result = load_corpus(site, preset="hugo")
    assert sorted(a.key for a in result.articles) == ["/", "tools/Sorter", "tools/_common/tip", "tools/guide"]
    assert sorted(result.skipped) == ["content/en/_common/sorting.md", "content/en/quick-reference/glossary/widget.md"]
    assert any(p.path == "content/en/_common/sorting.md" and "include snippets" in p.message for p in result.problems)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("tools/Sorter", "quick-reference/glossary"): True, ("tools/Sorter", "tools/guide"): False}


def test_a_hugo_docs_page_s_action_related_list_links_to_the_pages_it_names(tmp_path: Path):
    """Hugo's docs list a function's or method's related pages under action: related: by their paths,
    as written, capitalised (functions/collections/After), which Hugo finds whatever their case: those
    lists were not read, and the pages lost their links to their neighbours."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    first = ("---\ntitle: lists.Head\naction:\n  aliases: [head]\n  related:\n    - functions/lists/Tail\n"
             "    - methods/rows/Cap\n    - functions/lists/Missing\n  returnType: any\n---\n")
    pages = {"_index.md": "---\ntitle: Home\n---\n", "functions/lists/Head.md": first,
             "functions/lists/Tail.md": "---\ntitle: lists.Tail\n---\n", "methods/rows/Cap.md": "---\ntitle: Cap\n---\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v): (origin, stub) for (u, v), (origin, _, stub) in related(site).items()} == {
        ("functions/lists/Head", "functions/lists/Tail"): ("front-matter", False),
        ("functions/lists/Head", "methods/rows/Cap"): ("front-matter", False),
        ("functions/lists/Head", "functions/lists/Missing"): ("front-matter", True)}


def test_a_hugo_page_that_includes_a_snippet_shows_the_snippet_s_links(tmp_path: Path):
    """Hugo's docs keep snippets in _common/ folders (sections that cascade render: never) and show one
    in a page with {{% include "/_common/x.md" %}}: the snippet's links are in the page's html. They
    were lost: only the snippet (no page) had them. A path without a leading / is looked for beside
    the page first; a snippet may include another; an include in code shows nothing."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    headless = "---\ncascade:\n  build:\n    render: never\n---\n"
    pages = {"_index.md": "---\ntitle: Home\n---\n", "_common/_index.md": headless,
             "_common/sorting.md": "---\n# keep\n---\nSee the [guide](/guide/) and a [term](g).\n"
                                   '{{% include "/_common/deeper.md" %}}\n',
             "_common/deeper.md": "---\n---\n[deep](/tools/deep/) [here](nearby/)\n",
             "tools/_common/_index.md": headless,
             "tools/_common/tip.md": "---\n---\nA [tip](/tools/deep/).\n",
             "guide.md": "---\ntitle: Guide\n---\n", "tools/deep.md": "---\ntitle: Deep\n---\n",
             "quick-reference/glossary/_index.md": "---\ntitle: Glossary\n---\n",
             "tools/Sorter.md": '---\ntitle: Sorter\n---\n{{% include "/_common/Sorting.md" %}}\n'
                                '{{< include "_common/tip" >}}\n```\n{{% include "/_common/none.md" %}}\n```\n'}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("tools/Sorter", "guide"): False, ("tools/Sorter", "quick-reference/glossary"): False,
        ("tools/Sorter", "tools/deep"): False}


def test_a_hugo_page_shows_the_links_of_the_headless_bundle_snippet_its_shortcode_names(tmp_path: Path):
    """Istio keeps snippets as the Markdown resources of a headless bundle (boilerplates/index.md says
    headless: true) and shows one in a page with {{< boilerplate name >}}, whose template renders the
    resource the name matches (GetMatch "name*"), from the page's own language's bundle: its links are
    in the page's html. They were lost. A site's template that gets another bundle so (snippet, of
    notes/) shows its resources too; a shortcode in code, or naming no snippet, shows nothing."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/latest"\n[languages.en]\ncontentDir = "content/en"\n'
                                     '[languages.fr]\ncontentDir = "content/fr"\n')
    write_article(site / "layouts" / "shortcodes", "snippet.html",
                  '{{ $b := .Site.GetPage "page" "notes" }}{{ ($b.Resources.GetMatch (printf "%s*" (.Get 0))).Content }}')
    headless = "---\nheadless: true\n---\n"
    pages = {"en/_index.md": "---\ntitle: Home\n---\n", "en/setup.md": "---\ntitle: Setup\n---\n",
             "en/reqs.md": "---\ntitle: Reqs\n---\n", "fr/setup.md": "---\ntitle: Installer\n---\n",
             "en/boilerplates/index.md": headless, "fr/boilerplates/index.md": headless, "en/notes/index.md": headless,
             "en/boilerplates/helm-prereqs.md": "---\n---\n1. Do the [setup](/setup/).\n",
             "fr/boilerplates/helm-prereqs.md": "---\n---\n1. Voir [installer](/fr/setup/).\n",
             "en/notes/caveat.md": "---\n---\n{{< tip >}}\nRead the [requirements](/reqs/).\n{{< /tip >}}\n",
             "en/helm/index.md": "---\ntitle: Helm\n---\n{{< boilerplate helm-prereqs >}}\n{{< snippet caveat >}}\n"
                                 "{{< boilerplate none >}}\n```\n{{< boilerplate helm >}}\n```\n",
             "fr/helm/index.md": "---\ntitle: Helm\n---\n{{< boilerplate helm >}}\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("helm", "setup"): False, ("helm", "reqs"): False, ("fr/helm", "fr/setup"): False}


def test_a_hugo_bundle_page_whose_layout_shows_its_markdown_resources_has_their_links(tmp_path: Path):
    """Istio's FAQ pages (about/faq/general/index.md, layout: faq) and its glossary are leaf bundles whose
    Markdown resources (one per question, one per term) are no pages: the layout ranges over
    .Resources.ByType "page" and renders each one's .Content on the bundle's page, whose html has
    their links. They were lost. The layout is looked for under the page's section, then _default; a
    bundle whose layout does not show its resources has none of their links."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    write_article(site / "layouts" / "_default", "faq.html",
                  '{{ define "main" }}{{ .Content }}{{ range sort (.Resources.ByType "page") ".Params.weight" }}'
                  '<h5>{{ .Title }}</h5>{{ .Content }}{{ end }}{{ end }}\n')
    write_article(site / "layouts" / "docs", "terms.html",
                  '{{ range $w := .Resources.Match "*.md" }}<dt>{{ $w.Title }}</dt><dd>{{ $w.Content }}</dd>{{ end }}\n')
    write_article(site / "layouts" / "_default", "plain.html", '{{ .Content }}{{ range .Resources }}{{ .Name }}{{ end }}\n')
    pages = {"_index.md": "---\ntitle: Home\n---\n", "mesh.md": "---\ntitle: Mesh\n---\n", "start.md": "---\ntitle: Start\n---\n",
             "faq/general/index.md": "---\ntitle: General FAQ\nlayout: faq\n---\n",
             "faq/general/what.md": "---\ntitle: What is it?\nweight: 10\n---\nSee [the mesh](/mesh/).\n",
             "faq/general/how.md": "---\ntitle: How do I start?\nweight: 20\n---\nFollow [start](/start/).\n",
             "docs/words/index.md": "---\ntitle: Words\nlayout: terms\n---\n",
             "docs/words/mesh.md": "---\ntitle: Mesh\n---\nA [mesh](/mesh/).\n",
             "notes/index.md": "---\ntitle: Notes\nlayout: plain\n---\n",
             "notes/one.md": "---\ntitle: One\n---\n[start](/start/)\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("faq/general", "mesh"): False, ("faq/general", "start"): False, ("docs/words", "mesh"): False}


def test_links_written_with_the_path_of_a_hugo_site_s_base_url_lead_to_its_pages(tmp_path: Path):
    """A site published below a path (baseURL https://example.org/blog/) is linked to by urls under
    it, /blog/install/, as its pages' hrefs are: those links were stubs (blog/install)."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "config.toml", 'baseURL = "https://example.org/blog/"\n')
    pages = {"docs/install.md": "---\ntitle: Install\nurl: /install/\n---\n[config](/blog/docs/config/#top) [home](/blog/)\n",
             "docs/config.md": "---\ntitle: Config\n---\n[install](/blog/install/) [also](/install/) [none](/blog/none/)\n",
             "_index.md": "---\ntitle: Home\n---\n[config](https://example.org/blog/docs/config/)\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("docs/install", "docs/config"): False, ("docs/install", "/"): False, ("docs/config", "docs/install"): False,
        ("docs/config", "none"): True, ("/", "docs/config"): False}


def test_hugo_does_not_publish_what_its_ignore_files_match_nor_a_page_rendered_as_a_link(tmp_path: Path):
    """A Hugo config's ignoreFiles (regular expressions) leave files out of the site, and a page whose
    _build says render: link gets a url but no page: both were articles."""
    site = tmp_path / "site"
    write_article(site, "hugo.yaml", 'baseURL: https://h.org/\nignoreFiles: ["\\\\.draft\\\\.md$", "^(", "/scratch/"]\n')
    pages = {"posts/a.md": "---\ntitle: A\n---\n", "posts/a.draft.md": "---\ntitle: A draft\n---\n",
             "scratch/b.md": "---\ntitle: B\n---\n", "posts/c.md": "---\ntitle: C\n_build:\n  render: link\n---\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    result = load_corpus(site)
    assert [a.title for a in result.articles] == ["A"]
    assert {p.path: p.message for p in result.problems} == {
        "content/posts/a.draft.md": "excluded by the site's config (ignoreFiles: \\.draft\\.md$): not a page",
        "content/scratch/b.md": "excluded by the site's config (ignoreFiles: /scratch/): not a page",
        "content/posts/c.md": "_build: render link: not a page"}
    assert_every_file_accounted_for(result)


def test_a_pattern_of_excluded_files_that_repeats_a_repeat_is_not_used_and_said(tmp_path: Path):
    """A Hugo config's ignoreFiles, an Obsidian vault's Excluded files: ``(a+)+$`` searched in the path of
    a file named with 40 a's took Python's regular expressions hours (Go's, Hugo's, take no time)."""
    site = tmp_path / "site"
    write_article(site, "hugo.yaml", 'baseURL: https://h.org/\nignoreFiles: ["(a+)+$", "\\\\.draft\\\\.md$"]\n')
    long_name = "posts/" + "a" * 40 + "!.md"
    for name in (long_name, "posts/b.draft.md"):
        write_article(site / "content", name, "---\ntitle: T\n---\n")
    result = load_corpus(site)
    assert [a.path for a in result.articles] == [f"content/{long_name}"]
    assert result.detection is not None and "not read: what its ignoreFiles match (\\.draft\\.md$); ignoreFiles " \
        "(a+)+$ not used: it repeats a part that repeats itself, which Python's regular expressions can take years " \
        "to try on one path (rewrite it without the inner repeat)" in result.detection.reason
    vault = tmp_path / "vault"
    write_article(vault, ".obsidian/app.json", '{"userIgnoreFilters": ["/(a|a)*(b*)*$/", "Archive/"]}')
    for name in ("b" * 40 + "!.md", "Archive/x.md"):
        write_article(vault, name, "x\n")
    result = load_corpus(vault)
    assert [a.path for a in result.articles] == ["b" * 40 + "!.md"]
    assert result.detection is not None and "excluded files skipped (Archive/); excluded files /(a|a)*(b*)*$/ not " \
        "used" in result.detection.reason


def test_a_hugo_config_without_a_base_url_is_read_too(tmp_path: Path):
    """A Hugo site's config.toml need not set baseURL (it may be given on the command line): in a site
    recognised as Hugo's by its pages, its permalinks are read all the same (they were not)."""
    site = tmp_path / "site"
    write_article(site, "config.toml", 'title = "E"\ntheme = "x"\n[permalinks]\nposts = "/:slug/"\n')
    for name, text in {"posts/_index.md": "---\ntitle: Posts\n---\n",
                       "posts/a.md": '---\ntitle: A\nslug: aa\n---\n[b]({{< ref "b" >}})\n',
                       "posts/b.md": "+++\ntitle = 'B'\n+++\n[a](/aa/)\n"}.items():
        write_article(site / "content", name, text)
    result = load_corpus(site)
    assert result.detection is not None and result.detection.preset == "hugo"
    assert {a.path: a.url for a in result.articles} == {
        "content/posts/_index.md": "/posts/", "content/posts/a.md": "/aa/", "content/posts/b.md": "/b/"}


def test_a_hugo_config_with_an_empty_base_url_is_recognised_from_the_repositorys_top(tmp_path: Path):
    """A blog's repository built from its top, its config.toml saying `baseURL = ""` (published wherever
    it is put), no section `_index.md` nor shortcode: the config is Hugo's, and the posts are read from
    content/ at Hugo's urls. It was read as generic: the archetypes' `{{ .Date }}` front matter rejected
    as invalid YAML and every link `/posts/x/` a stub."""
    write_site(tmp_path, {
        "config.toml": 'baseURL = ""\nlanguageCode = "en-us"\ntitle = "Notes"\ntheme = "plain"\n',
        "archetypes/default.md": '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\n---\n',
        "README.md": "# notes\n\nMy blog, built with Hugo.\n",
        "content/posts/first-light.md": '---\ntitle: "First light"\n---\nThen [the second](/posts/second-light/).\n',
        "content/posts/second-light.md": '---\ntitle: "Second light"\n---\nAfter [the first](/posts/first-light/).\n'})
    result = load_corpus(tmp_path)
    assert result.detection is not None and result.detection.preset == "hugo"
    assert "config.toml" in result.detection.reason
    assert {a.path: a.url for a in result.articles} == {"content/posts/first-light.md": "/posts/first-light/",
                                                       "content/posts/second-light.md": "/posts/second-light/"}
    assert not [p for p in result.problems if p.severity == ERROR]
    assert build(tmp_path).counts["stubs"] == 0


def test_a_hugo_sites_theme_and_built_copy_are_skipped_saying_what_they_are(tmp_path: Path):
    """A blog's repository holds its theme (themes/plain/, with the theme's README and example site) and the site
    Hugo built (public/, with a Markdown file copied from static/). Their files were skipped as "outside the
    content folder content/", which says nothing of the example site's pages that look like the blog's own: each
    now says it is the theme's, or the built site's copy."""
    write_site(tmp_path, {
        "hugo.toml": 'baseURL = "https://blog.example.org/"\ntheme = "plain"\n',
        "content/posts/first.md": '---\ntitle: "First"\n---\nHello.\n',
        "themes/plain/README.md": "# Plain\n\nA theme.\n",
        "themes/plain/exampleSite/content/post/chapter-1.md": '---\ntitle: "Chapter I"\n---\nBells.\n',
        "static/notes.md": "# Notes\n",
        "public/notes.md": "# Notes\n",
        "README.md": "# blog\n"})
    result = load_corpus(tmp_path)
    assert [a.path for a in result.articles] == ["content/posts/first.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    theme = "in themes/plain/, a theme's own files (its example site, layouts, README): not a page of the site"
    assert why == {"themes/plain/README.md": theme, "themes/plain/exampleSite/content/post/chapter-1.md": theme,
                   "public/notes.md": "in public/, the site as built: a copy, not a page",
                   "static/notes.md": "outside the content folder content/: not a page",
                   "README.md": "outside the content folder content/: not a page"}


def test_a_jekyll_post_comes_out_on_its_day_in_the_same_build_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A Jekyll post dated after the build is skipped; rebuilding the same folder on its day publishes
    it. The check is made after reading, so the file read before and the build folder ("up to date",
    or patched where nothing changed) stood for it: it stayed skipped until its file changed. The
    day is in the map, as Hugo's is: a build on another day is a full one."""
    import qagraph
    import qagraph.presets

    site, out = tmp_path / "site", tmp_path / "out"
    write_article(site, "_config.yml", "title: J\n")
    write_article(site, "_posts/2020-01-01-past.md", "---\ntitle: Past\n---\n")
    write_article(site, "_posts/2031-05-05-later.md", "---\ntitle: Later\n---\n")
    monkeypatch.setattr(qagraph.presets, "_build_day", lambda: "2031-05-04")
    first = qagraph.build(site, out=out)
    assert [first.node(a)["title"] for a in first.articles] == ["Past"]
    again = qagraph.build(site, out=out)
    assert again.build_info.up_to_date  # the same day, nothing changed
    monkeypatch.setattr(qagraph.presets, "_build_day", lambda: "2031-05-05")
    due = qagraph.build(site, out=out)
    assert not due.build_info.up_to_date and not due.build_info.incremental
    assert sorted(due.node(a)["title"] for a in due.articles) == ["Later", "Past"]


def test_hugo_dates_are_read_against_the_day_of_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Whether a Hugo page is published yet (or still) depends on the day: the map says which day it
    read the dates against (the build's), so a build on a later day parses anew (the parse cache and a
    patched build are tied to the map) and publishes a page whose day has come. (The build's day is
    fixed here: read against the clock, the page expired on 2030-01-01 and the test with it, and the
    day compared at midnight could be the next.)"""
    import datetime

    import qagraph.presets

    def utc_day() -> str:
        return datetime.datetime.now(datetime.timezone.utc).date().isoformat()

    before = utc_day()
    assert qagraph.presets._build_day() in {before, utc_day()}  # the UTC day, whichever side of midnight
    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    write_article(site / "content", "posts/a.md", "---\ntitle: A\npublishDate: 2010-01-01\nexpiryDate: 2030-01-01\n---\n")
    monkeypatch.setattr(qagraph.presets, "_build_day", lambda: "2020-06-15")
    result = load_corpus(site)
    assert result.fields.as_of == "2020-06-15"
    assert [a.title for a in result.articles] == ["A"]
    for day, published in (("2009-12-31", False), ("2010-01-01", True), ("2029-12-31", True), ("2030-01-02", False)):
        then = load_corpus(site / "content", fields=replace(result.fields, content_dir="", as_of=day))
        assert bool(then.articles) is published, day


@pytest.mark.parametrize("files, tool, where", [
    ({"hugo.toml": 'baseURL = "https://x.org/"\n[permalinks\nposts = "/:year/:slug/"\n',
      "content/posts/a.md": "---\ntitle: A\n---\n[b](/posts/b/)\n", "content/posts/b.md": "---\ntitle: B\n---\n"},
     "Hugo", ("hugo.toml", 2)),
    ({"_config.yml": "title: Blog\npermalink: /:title/\n\texclude: [drafts]\n",
      "_posts/2020-01-01-a.md": "---\ntitle: A\n---\n", "_posts/2020-01-02-b.md": "---\ntitle: B\n---\n"},
     "Jekyll", ("_config.yml", 3)),
    ({"_config.yml": 'title: H\npermalink: :year/:title/\nnew_post_name: :title.md\nurl: "https://x.org\n',
      "source/_posts/a.md": "---\ntitle: A\n---\n", "source/_posts/b.md": "---\ntitle: B\n---\n"},
     "Hexo", ("_config.yml", 5)),
    ({"_toc.yml": "format: jb-book\nroot: intro\nchapters:\n- file: a\n  sections: [\n", "_config.yml": "title: B\n",
      "intro.md": "# Intro\n", "a.md": "# A\n"},
     "Jupyter Book", ("_toc.yml", 6)),
    ({"mkdocs.yml": "site_name: Docs\nnav:\n  - Home: index.md\n\t- Guide: guide.md\n",
      "docs/index.md": "# Home\n", "docs/guide.md": "# Guide\n"},
     "MkDocs", ("mkdocs.yml", 4)),
])
def test_a_site_config_that_cannot_be_read_is_a_warning_naming_it(tmp_path: Path, files, tool, where):
    """A site's own config with a syntax error (a table left open, a tab, a quote left open) used
    to be passed over in silence: the site was read with the tool's defaults (other urls, other
    folders), and nothing said why. Now the report names the file and the line, and every page is
    still read; the same site with the config mended has no such warning."""
    import qagraph

    for name, text in files.items():
        write_article(tmp_path, name, text)
    result = load_corpus(tmp_path)
    warned = [p for p in result.problems if p.code == "site-config"]
    assert [(p.path, p.line, p.severity) for p in warned] == [(*where, WARNING)]
    assert warned[0].message.endswith(f"its settings are not used, the site is read with the defaults of {tool}")
    assert len(result.articles) == 2
    assert [p["path"] for p in qagraph.build(tmp_path).report()["problems"]] == [where[0]]
    config = tmp_path / where[0]
    mended = {"hugo.toml": 'baseURL = "https://x.org/"\n[permalinks]\nposts = "/:year/:slug/"\n',
              "Jekyll": "title: Blog\npermalink: /:title/\nexclude: [drafts]\n",
              "Hexo": 'title: H\npermalink: :year/:title/\nnew_post_name: :title.md\nurl: "https://x.org"\n',
              "_toc.yml": "format: jb-book\nroot: intro\nchapters:\n- file: a\n",
              # the tags an MkDocs config names Python objects and variables with are no errors
              "mkdocs.yml": "site_name: Docs\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: "
                            "!!python/name:material.extensions.emoji.twemoji\nextra:\n  key: !ENV [KEY, 'none']\n"
                            "hooks:\n  - !relative $config_dir/hooks.py\n"}
    config.write_text(mended.get(where[0]) or mended[tool])
    assert not [p for p in load_corpus(tmp_path).problems if p.code == "site-config"]


def test_a_config_in_the_parent_folder_is_named_from_the_folder_read(tmp_path: Path):
    """A Hugo site read from its content/ folder: its broken config is one folder up."""
    write_article(tmp_path, "hugo.toml", 'title = "x"\nbaseURL = "https://x.org/\n')
    write_article(tmp_path, "content/posts/a.md", "---\ntitle: A\n---\n")
    warned = [p for p in load_corpus(tmp_path / "content").problems if p.code == "site-config"]
    assert [(p.path, p.line) for p in warned] == [("../hugo.toml", 2)]


def test_a_hugo_sites_content_mounted_from_another_folder_is_its_content(tmp_path: Path):
    """A Hugo config's ``module.mounts`` may mount the content from another folder (a framework's
    repository with its site in ``site/``: ``source: site/content``, ``target: content``): those
    files are the pages, at their paths below it, its HTML files pages too, and its layouts' HTML
    none, read from the repository's root or from ``site/``. Before, every page's url began with
    ``/site/content/``, the folder ``site`` was every page's subject and the HTML pages were lost."""
    repo = tmp_path / "repo"
    write_article(repo, "hugo.yml", 'baseURL: "https://kit.example"\nmodule:\n  mounts:\n'
                                    "    - source: dist\n      target: static/dist\n"
                                    "    - source: site/content\n      target: content\n"
                                    "    - source: site/layouts\n      target: layouts\n")
    write_article(repo, "README.md", "# The kit\n")
    write_article(repo, "site/layouts/_default/single.html", "<main>{{ .Content }}</main>\n")
    write_article(repo, "site/content/guide/start.md", "---\ntitle: Start\ngroup: guide\n---\n[demo](/samples/demo/)\n")
    write_article(repo, "site/content/samples/demo/index.html", "---\ntitle: Demo sample\n---\n<p>Hi</p>\n")
    for folder in (repo, repo / "site"):
        result = load_corpus(folder)
        assert {a.title: a.url for a in result.articles} == {"Start": "/guide/start/", "Demo sample": "/samples/demo/"}
        assert {a.title: a.subject for a in result.articles}["Start"] == "Guide"
        assert_every_file_accounted_for(result)
    # the mounts in a config folder's module.toml, the [module] table of the site's config (a Doks site's): not read before
    other = tmp_path / "other"
    write_article(other, "config/_default/hugo.toml", 'baseURL = "https://kit.example"\n')
    write_article(other, "config/_default/module.toml", '[[mounts]]\nsource = "site/content"\ntarget = "content"\n')
    write_article(other, "site/content/guide/start.md", "---\ntitle: Start\n---\n")
    assert {a.title: a.url for a in load_corpus(other).articles} == {"Start": "/guide/start/"}


def test_a_versioned_docs_folder_names_no_subject(tmp_path: Path):
    """A Hugo site that keeps its docs by version (``docs/2.1/forms/inputs.md``, ``docs/v3/...``) files
    each page under the section below the version, as its sidebar does; a page right in the version's
    folder is in ``docs``. Before, the version (``2-1``) was every page's subject."""
    result = _hugo_site(tmp_path / "site", {
        "docs/2.1/forms/inputs.md": "---\ntitle: Inputs\n---\n", "docs/2.1/getting-started/setup.md": "---\ntitle: Setup\n---\n",
        "docs/2.1/upgrading.md": "---\ntitle: Upgrading\n---\n", "docs/v3/forms/inputs.md": "---\ntitle: Inputs 3\n---\n",
        "docs/4.x/forms/inputs.md": "---\ntitle: Inputs 4\n---\n", "docs/versions.md": "---\ntitle: Versions\n---\n"})
    assert {a.title: a.subject for a in result.articles} == {
        "Inputs": "Forms", "Setup": "Getting started", "Upgrading": "Docs", "Inputs 3": "Forms", "Inputs 4": "Forms",
        "Versions": "Docs"}


def test_a_release_channel_s_docs_folder_names_no_subject(tmp_path: Path):
    """Versioned docs keep a release channel's docs beside the numbered versions (Linkerd's ``2-edge/``
    beside ``2.16/``; ``3.0-beta/``, ``v1-next/``): their pages are filed under the section below, as the
    numbered versions' are, and the channel's own page under none. Before, ``2-edge`` was the subject
    of every edge page, while the same page of ``2.16/`` was in "Tasks"."""
    result = _hugo_site(tmp_path / "site", {
        "2.16/tasks/install.md": "---\ntitle: Install\n---\n", "2-edge/tasks/install.md": "---\ntitle: Install edge\n---\n",
        "2-edge/_index.md": "---\ntitle: Docs\n---\n", "3.0-beta/features/egress.md": "---\ntitle: Egress\n---\n",
        "v1-next/features/cni.md": "---\ntitle: CNI\n---\n", "edge-cases/tricky.md": "---\ntitle: Tricky\n---\n"})
    assert {a.title: a.subject for a in result.articles} == {
        "Install": "Tasks", "Install edge": "Tasks", "Docs": "Uncategorised", "Egress": "Features", "CNI": "Features",
        "Tricky": "Edge cases"}


def test_a_hugo_page_s_relative_alias_is_its_url_too(tmp_path: Path):
    """A Hugo alias that does not start with ``/`` (``aliases = ["../automatic-tls"]``, which versioned
    docs write in each version's copy of a moved page) is published from the folder above the page's url:
    ``/2.10/automatic-tls/`` sends the reader to ``/2.10/features/automatic-mtls/``, and a link to that url,
    site-absolute or relative, reaches the page. Before, such a link was a stub."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    write_site(site / "content", {
        "2.10/features/automatic-mtls.md": '+++\ntitle = "Automatic mTLS"\naliases = [\n  "../automatic-tls"\n]\n+++\n',
        "2.10/reference/cli/_index.md": '+++\ntitle = "CLI"\naliases = ["../cli/", "cli/get/"]\n+++\n',
        "2.10/tasks/one.md": "---\ntitle: One\n---\n[a](/2.10/automatic-tls/) [b](../../cli/) [c](/2.10/reference/cli/get/)\n",
        "2.10/tasks/two.md": "---\ntitle: Two\n---\n[gone](/2.10/features/automatic-tls/)\n",
    })
    assert related(site) == {
        ("2.10/tasks/one", "2.10/features/automatic-mtls"): ("markdown-link", (1,), False),
        ("2.10/tasks/one", "2.10/reference/cli"): ("markdown-link", (2, 3), False),
        ("2.10/tasks/two", "2.10/features/automatic-tls"): ("markdown-link", (1,), True)}


def test_a_hugo_link_to_a_site_url_without_a_page_is_a_stub_not_a_page_of_that_name(tmp_path: Path):
    """In a Hugo site a Markdown link that starts with ``/`` is a url: ``[the demo](/getting-started/)``
    leads to ``/getting-started/``, where Hugo publishes no page when the getting-started pages are each
    version's (``/1/getting-started/``, ``/2.16/getting-started/``). It is a stub. Before, it was guessed by
    the name of the folder and reached one version's page (the shortest path's, Linkerd 1.x's)."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    write_site(site / "content", {
        "1/getting-started/_index.md": "---\ntitle: Start (1.x)\n---\n",
        "2.16/getting-started/_index.md": "---\ntitle: Start\n---\n",
        "about.md": "---\ntitle: About\n---\n",
        "2.16/features/policy.md": "---\ntitle: Policy\n---\n"
                                   "[demo](/getting-started/) [this one](/2.16/getting-started/) [about](/about/)\n",
    })
    assert related(site) == {
        ("2.16/features/policy", "getting-started"): ("markdown-link", (1,), True),
        ("2.16/features/policy", "2.16/getting-started"): ("markdown-link", (2,), False),
        ("2.16/features/policy", "about"): ("markdown-link", (3,), False)}


def test_a_hugo_sites_own_shortcode_that_links_by_ref_is_a_link(tmp_path: Path):
    """A Hugo site's own shortcode may link to a page by ``relref`` of a path it builds with
    ``path.Join`` from quoted texts, site parameters and the path it is given (Bootstrap's
    ``{{< docsref "/forms/select" >}}``, under ``docs/<docs_version>/``), in Markdown pages and in
    the ``<a href>`` of HTML pages; its layouts may be mounted from another folder. Such a link leads
    to the page (a page not there is a stub); one in code is none. Before, none was a link, and an
    HTML page's shortcode lost its quotes and its name with the tags."""
    from test_links import related

    site = tmp_path / "kit"
    write_article(site, "hugo.yaml", 'baseURL: "https://kit.example"\nparams:\n  docs_Version: "2.1"\n'
                                     "module:\n  mounts:\n    - source: web/content\n      target: content\n"
                                     "    - source: web/layouts\n      target: layouts\n")
    write_article(site, "web/layouts/shortcodes/pagelink.html",
                  '{{- $want := .Get "to" -}}\n{{- if not $want }}{{ $want = index .Params 0 }}{{ end -}}\n'
                  '{{- $full := path.Join "guides" site.Params.docs_version $want -}}\n{{- relref . $full | relURL -}}\n')
    write_article(site, "web/layouts/shortcodes/shout.html", "<b>{{ .Get 0 }}</b>\n")
    pages = {"guides/2.1/forms/select.md": "---\ntitle: Select\n---\n",
             "guides/2.1/start/intro.md": "---\ntitle: Intro\n---\nSee [sizing]({{< pagelink \"/forms/select#sizing\" >}}), "
                                          "[gone]({{< pagelink to=\"/forms/gone/\" >}}) and {{< shout \"/forms/x\" >}}.\n"
                                          "```\n[code]({{< pagelink \"/start/intro\" >}})\n```\n",
             "guides/2.1/samples/card/index.html": "---\ntitle: Card sample\n---\n<p>New? "
                                                   '<a href="{{< pagelink "/start/intro">}} ">Read the intro</a></p>\n'}
    for name, text in pages.items():
        write_article(site / "web/content", name, text)
    assert related(site) == {
        ("guides/2.1/start/intro", "guides/2.1/forms/select"): ("ref", (1,), False),
        ("guides/2.1/start/intro", "guides/2.1/forms/gone"): ("ref", (2,), True),
        ("guides/2.1/samples/card", "guides/2.1/start/intro"): ("ref", (1,), False)}


def test_a_hugo_shortcode_that_refs_a_named_argument_links_by_that_argument(tmp_path: Path):
    """A site's own shortcode may take the page it links to by ``ref`` from a named argument written
    after others (Dapr's ``{{< button text="Get started" page="getting-started" >}}``), and link
    elsewhere when it is not given. Such a use links to that page, read as ``ref`` reads it (a
    section by its name, a file name with ``.md``); one without that argument, or in code, makes
    none. Before, the first argument was taken for the path: the button's text became a stub
    ("Get started"), and the page lost its link."""
    from test_links import related

    site = tmp_path / "harbour"
    write_article(site, "hugo.toml", 'baseURL = "https://harbour.example"\n')
    write_article(site, "layouts/shortcodes/cta.html",
                  '{{ $label := .Get "label" }}\n{{ $dest := .Get "target" }}\n{{ $href := .Get "url" | default "#" }}\n'
                  '{{- if $dest -}}{{- $href = ref . $dest -}}{{- end -}}\n<a class="cta" href="{{ $href }}">{{ $label }}</a>\n')
    pages = {"tides/_index.md": "---\ntitle: Tides\n---\n",
             "guides/moorings.md": "---\ntitle: Moorings\n---\n",
             "guides/welcome.md": "---\ntitle: Welcome\n---\n{{< cta label=\"Read about tides\" target=\"tides\" >}}\n"
                                  "{{< cta label=\"Mooring rules\" color=\"blue\" target=\"moorings.md\" >}}\n"
                                  "{{< cta label=\"Charts shop\" url=\"https://charts.example/\" >}}\n"
                                  "{{< cta label=\"Lighthouses\" target=\"lighthouses.md\" >}}\n"
                                  "`{{< cta label=\"Code\" target=\"tides\" >}}`\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    edges = related(site)
    assert edges == {
        ("guides/welcome", "tides"): ("ref", (1,), False),
        ("guides/welcome", "guides/moorings"): ("ref", (2,), False),
        ("guides/welcome", "lighthouses"): ("ref", (4,), True)}


def test_a_hugo_sites_shortcodes_in_the_new_underscore_folder_are_read(tmp_path: Path):
    """Hugo 0.146 and later keep a site's shortcodes in ``layouts/_shortcodes/`` (Dapr's docs:
    ``_shortcodes/button.html``). Those that link by ``ref`` or write the url they are given as an
    href are links as they are from ``layouts/shortcodes/``. Before, that folder was not read: a
    real Dapr page lost the links of its buttons."""
    from test_links import related

    site = tmp_path / "orchard"
    write_article(site, "hugo.toml", 'baseURL = "https://orchard.example"\n')
    write_article(site, "layouts/_shortcodes/go.html", '{{ $to := .Get "page" }}<a href="{{ ref . $to }}">{{ .Inner }}</a>\n')
    write_article(site, "layouts/_shortcodes/out.html", '{{ $u := .Get "href" }}<a href="{{ $u }}">{{ .Get "text" }}</a>\n')
    pages = {"pruning.md": "---\ntitle: Pruning\n---\n",
             "grafting.md": "---\ntitle: Grafting\n---\n",
             "seasons.md": "---\ntitle: Seasons\n---\n{{< go page=\"pruning.md\" >}}In winter{{< /go >}}\n"
                           "{{< out text=\"Grafting\" href=\"/grafting/\" >}}\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert related(site) == {
        ("seasons", "pruning"): ("ref", (1,), False),
        ("seasons", "grafting"): ("markdown-link", (2,), False)}


def test_a_hugo_shortcode_that_writes_the_url_of_a_page_it_gets_is_a_link(tmp_path: Path):
    """A docs site's own shortcode may find a page by ``site.GetPage`` of a path it makes with
    ``printf "%s/%s"`` from a variable set to a text and the argument it is given, and write that
    page's url (the Kubernetes site's ``{{< api-reference page="workload-resources/pod-v1" >}}``).
    Such a use links to the page under that folder (a stub where none is), in code it is none, and
    a shortcode that only shows its argument links nowhere. Before, none was a link: a real Pods
    page lost its link to its API reference page."""
    from test_links import related

    site = tmp_path / "almanac"
    write_article(site, "hugo.toml", 'baseURL = "https://almanac.example"\n')
    write_article(site, "layouts/shortcodes/schema-ref.html",
                  '{{ $root := "docs/schema" }}\n{{ $which := .Get "page" }}\n{{ $hint := .Get "anchor" }}\n'
                  '{{ $found := site.GetPage "page" (printf "%s/%s" $root $which) }}\n'
                  '<a href="{{ $found.URL }}{{ if $hint }}#{{ $hint }}{{ end }}">{{ $found.Title }}</a>\n')
    write_article(site, "layouts/shortcodes/badge.html", '{{ $x := .Get "page" }}<span>{{ $x }}</span>\n')
    pages = {"docs/schema/seasons/harvest-v1.md": "---\ntitle: Harvest\n---\n",
             "docs/sowing.md": "---\ntitle: Sowing\n---\nSee {{< schema-ref page=\"seasons/harvest-v1\" anchor=\"Spec\" >}}, "
                               "{{< schema-ref page=\"seasons/frost-v2\" >}} and {{< badge page=\"seasons/rain\" >}}.\n"
                               "`{{< schema-ref page=\"seasons/drought\" >}}`\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert related(site) == {
        ("docs/sowing", "docs/schema/seasons/harvest-v1"): ("ref", (1,), False),
        ("docs/sowing", "docs/schema/seasons/frost-v2"): ("ref", (2,), True)}


def test_a_hugo_shortcode_that_writes_the_url_it_is_given_as_an_href_is_a_link(tmp_path: Path):
    """A site's own shortcode may write the url it is given, by name, as a link's href, as it is (the
    Kubernetes site's ``{{< link text="services" url="/docs/services/" >}}``, on a translated page
    with the language's folder written out). Such a use links to that page, whatever the order of its
    parameters, and is no link to the language's page (no render hook puts it there); another site's
    url is none, nor is one in code, nor a shortcode that writes its argument as an image. Before,
    none was a link: a real Japanese Ingress page had no link at all."""
    from test_links import related

    site = tmp_path / "greenhouse"
    write_article(site, "hugo.toml", 'baseURL = "https://greenhouse.example"\ncontentDir = "content/en"\n'
                                     '[languages.en]\nweight = 1\n[languages.ja]\ncontentDir = "content/ja"\n')
    write_article(site, "layouts/shortcodes/goto.html",
                  '{{- $label := .Get "text" -}}\n{{- $dest := .Get "url" -}}\n<a href="{{ $dest }}" target="_blank">{{ $label }}</a>\n')
    write_article(site, "layouts/shortcodes/pic.html", '{{ $src := .Get "url" }}<img src="{{ $src }}">\n')
    write_article(site, "layouts/_default/_markup/render-link.html", '<a href="{{ .Destination | relLangURL }}">{{ .Text }}</a>\n')
    pages = {"en/docs/soil.md": "---\ntitle: Soil\n---\n",
             "en/docs/seeds.md": "---\ntitle: Seeds\n---\n",
             "en/docs/beds.md": "---\ntitle: Beds\n---\nSee {{< goto url=\"/docs/soil/\" text=\"soil\" >}}, "
                                "{{< goto text=\"far\" url=\"https://example.com/docs/seeds/\" >}}, {{< pic url=\"/docs/seeds/\" >}}.\n"
                                "```\n{{< goto text=\"x\" url=\"/docs/seeds/\" >}}\n```\n",
             "ja/docs/soil.md": "---\ntitle: Tsuchi\n---\n",
             "ja/docs/beds.md": "---\ntitle: Hatake\n---\n{{< goto text=\"soil\" url=\"/ja/docs/soil/\" >}} "
                                "{{< goto text=\"seeds\" url=\"/docs/seeds/\" >}}\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    assert related(site) == {
        ("docs/beds", "docs/soil"): ("markdown-link", (1,), False),
        ("ja/docs/beds", "ja/docs/soil"): ("markdown-link", (1,), False),
        ("ja/docs/beds", "docs/seeds"): ("markdown-link", (2,), False)}


def test_a_hugo_html_section_page_without_title_is_named_by_its_folder(tmp_path: Path):
    """A Hugo section's own page may be an HTML file with no title (a redirect page, ``_index.html``
    holding only a layout): named by its folder, as its Markdown twin is. Before, it was titled
    ``_index.html``, its file name with the suffix."""
    result = _hugo_site(tmp_path / "site", {"guides/_index.html": "---\nlayout: redirect\n---\n",
                                            "notes/_index.md": "---\nlayout: list\n---\n",
                                            "guides/setup.html": "---\nlayout: page\n---\n<p>Steps</p>\n"})
    assert {a.url: a.title for a in result.articles} == {"/guides/": "guides", "/notes/": "notes", "/guides/setup/": "setup"}


def test_a_hugo_site_built_with_drafts_publishes_them(tmp_path: Path):
    """A Hugo config that says ``buildDrafts: true`` publishes the pages marked ``draft: true``, those a
    section's ``cascade`` marks too; without it they are no pages. Before, they were left out whatever
    the config said."""
    pages = {"docs/_index.md": "---\ntitle: Docs\n---\n", "docs/ready.md": "---\ntitle: Ready\n---\n",
             "docs/wip.md": "---\ntitle: Work in progress\ndraft: true\n---\n",
             "labs/_index.md": "---\ntitle: Labs\ncascade:\n  draft: true\n---\n", "labs/idea.md": "---\ntitle: Idea\n---\n"}
    site = tmp_path / "site"
    for name, text in pages.items():
        write_article(site / "content", name, text)
    write_article(site, "hugo.yaml", 'baseURL: "https://h.org/"\n')
    assert sorted(a.title for a in load_corpus(site).articles) == ["Docs", "Ready"]
    write_article(site, "hugo.yaml", 'baseURL: "https://h.org/"\nbuildDrafts: true\n')
    result = load_corpus(site)
    assert sorted(a.title for a in result.articles) == ["Docs", "Idea", "Labs", "Ready", "Work in progress"]
    assert_every_file_accounted_for(result)



def test_a_jekyll_themes_related_true_switch_names_no_page(tmp_path: Path):
    """Minimal Mistakes (the most used Jekyll theme) turns its related-posts block on with
    ``related: true``, mostly in the config's defaults for every post: it was read as a list of
    page names, and every post linked to a stub page named ``True``. A list of names still links."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: J\ndefaults:\n  - scope: {path: '', type: posts}\n    values: {related: true}\n",
        "_posts/2020-05-05-alpha.md": "---\ntitle: Alpha\n---\nBody.\n",
        "_posts/2020-05-06-beta.md": "---\ntitle: Beta\nrelated: [/2020/05/05/alpha.html]\n---\nBody.\n",
        "_posts/2020-05-07-gamma.md": "---\ntitle: Gamma\nrelated: 3\n---\nBody.\n",
    })
    kg = build(site)
    assert kg.counts["stubs"] == 0
    assert kg.related("_posts/2020-05-06-beta") == [kg.article("_posts/2020-05-05-alpha")]
    assert kg.related("_posts/2020-05-05-alpha") == kg.related("_posts/2020-05-07-gamma") == []


def test_a_jekyll_layouts_shown_fields_hold_the_pages_links(tmp_path: Path):
    """A cheat-sheet site's layout shows a sheet's ``intro`` as Markdown (``{{ page.intro | markdownify }}``)
    and links an old sheet to its newer one (``<a href='{{ base }}{{ page.deprecated_by }}'>``): those
    links are on the page, but only the body was read, so the old sheet linked nowhere. A field the
    layout strips of its HTML (a meta description) or another page's field (a loop's) shows no link."""
    site = tmp_path / "site"
    layout = ("{% if page.deprecated_by %}<a href='{{ base }}{{ page.deprecated_by }}'>Newer</a>{% endif %}\n"
              "<meta content='{{ page.summary | markdownify | strip_html }}'>\n"
              "<div class='intro'>{{ page.intro | markdownify }}</div>\n{{ content }}\n"
              "{% for page in site.pages %}{{ page.blurb | markdownify }}{% endfor %}\n")
    write_site(site, {
        "_config.yml": "title: Sheets\n",
        "_layouts/sheet.html": layout,
        "pencil.md": "---\ntitle: Pencil\nlayout: sheet\n---\n## Use\n",
        "pencil@1.md": "---\ntitle: Pencil v1\nlayout: sheet\ndeprecated_by: /pencil\n---\n## Use\n",
        "eraser.md": "---\ntitle: Eraser\nlayout: sheet\nintro: |\n  Rubs out marks.\n  See the [pencil sheet](pencil).\n---\n",
        "ruler.md": "---\ntitle: Ruler\nlayout: sheet\nsummary: 'Like [a pencil](pencil).'\nblurb: '[x](pencil)'\n"
                    "intro: 3\n---\n",
    })
    kg = build(site)
    pencil = kg.article("pencil")
    assert kg.related("pencil@1") == kg.related("eraser") == [pencil]
    assert kg.related("ruler") == [] and kg.counts["stubs"] == 0
    lines = {a.path: [link.line for link in a.related] for a in load_corpus(site).articles}
    assert lines["pencil@1.md"] == [4] and lines["eraser.md"] == [6]  # where each is written


def test_a_minimal_mistakes_splash_page_links_to_its_feature_rows_and_hero_button(tmp_path: Path):
    """Minimal Mistakes' splash home page is front matter and ``{% include feature_row %}``: the include (named
    without an extension) loops over the page's ``feature_row`` (``{% assign feature_row = page.feature_row %}``
    ... ``<a href="{{ f.url | relative_url }}">``) and the hero writes ``{{ page.header.cta_url | relative_url }}``
    into its button. Those buttons link the page to the docs, but neither was read (only one-level fields of the
    page, and templates with an extension): the home page linked nowhere. A row's ``image_path``, shown as an
    image, and a loop over another list (``site.posts``) give no link."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Theme docs\nbaseurl: /theme\npermalink: pretty\n",
        "_includes/feature_row": (
            "{% if include.id %}{% assign feature_row = page[include.id] %}{% else %}"
            "{% assign feature_row = page.feature_row %}{% endif %}\n{% for f in feature_row %}"
            "<img src=\"{{ f.image_path | relative_url }}\">{% if f.url %}<a href=\"{{ f.url | relative_url }}\" "
            "class=\"btn\">{{ f.btn_label }}</a>{% endif %}{% endfor %}\n"
            "{% for p in site.posts %}<a href=\"{{ p.url | relative_url }}\">{{ p.title }}</a>{% endfor %}\n"),
        "_includes/page__hero.html": "{% if page.header.cta_url %}<a href=\"{{ page.header.cta_url | relative_url }}\">"
                                     "{{ page.header.cta_label }}</a>{% endif %}\n",
        "index.md": "---\nlayout: splash\nheader:\n  cta_label: Install\n  cta_url: /docs/install/\nfeature_row:\n"
                    "  - title: Layouts\n    image_path: /assets/layouts.png\n    url: /docs/layouts/\n"
                    "  - title: License\n    url: https://example.org/license\n---\n\n{% include feature_row %}\n",
        "docs/install.md": "---\ntitle: Install\n---\nText.\n",
        "docs/layouts.md": "---\ntitle: Layouts\n---\nText.\n",
    })
    kg = build(site)
    assert kg.related("index") == [kg.article("docs/install"), kg.article("docs/layouts")]
    assert kg.counts.get("stubs", 0) == 0
    assert detect(site).reason.count("(a link's href)") == 2


def test_a_splash_page_links_to_the_rows_of_each_feature_row_it_includes_by_id(tmp_path: Path):
    """Minimal Mistakes' ``feature_row`` include shows the list of the page's field its ``id`` names (``{% assign
    feature_row = page[include.id] %}``): a splash page of three rows writes ``{% include feature_row
    id="feature_row2" type="left" %}`` for its second. Those rows' buttons were not read (only the field the
    include shows without an id), so the page linked to the first row's pages only; a row the page does not
    include (``unused``) shows no link."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Theme docs\npermalink: pretty\n",
        "_includes/feature_row": (
            "{% if include.id %}{% assign feature_row = page[include.id] %}{% else %}"
            "{% assign feature_row = page.feature_row %}{% endif %}\n{% for f in feature_row %}"
            "{% if f.url %}<a href=\"{{ f.url | relative_url }}\" class=\"btn\">{{ f.btn_label }}</a>{% endif %}"
            "{% endfor %}\n"),
        "splash.md": "---\nlayout: splash\nfeature_row:\n  - url: /docs/a/\nfeature_row2:\n  - title: B\n"
                     "    url: /docs/b/\nunused:\n  - url: /docs/c/\n---\n\n{% include feature_row %}\n\n"
                     "{% include feature_row id=\"feature_row2\" type=\"left\" %}\n",
        "docs/a.md": "---\ntitle: A\n---\nText.\n",
        "docs/b.md": "---\ntitle: B\n---\nText.\n",
        "docs/c.md": "---\ntitle: C\n---\nText.\n",
    })
    kg = build(site)
    assert kg.related("splash") == [kg.article("docs/a"), kg.article("docs/b")]
    lines = {a.path: [link.line for link in a.related] for a in load_corpus(site).articles}
    assert lines["splash.md"] == [3, 5]  # at each row's key


def test_a_jekyll_layouts_shown_fields_may_have_hyphens_in_their_names(tmp_path: Path):
    """A class layout shows a lesson's ``main-content`` and ``tell-me-why`` as Markdown and links to its
    ``next-page`` (``<a href="{{ site.baseurl }}{{ page.next-page }}">``): Liquid names a field with
    hyphens as it names one without, but only ``\\w`` names were read, so those lessons linked nowhere."""
    site = tmp_path / "site"
    layout = ("{{ page.main-content | markdownify }}\n{% if page.tell-me-why %}<details>{{ page.tell-me-why | markdownify }}"
              "</details>{% endif %}\n<a href=\"{{ site.baseurl }}{{ page.next-page }}\" class=\"btn\">Continue</a>\n"
              "{{ content }}\n")
    write_site(site, {
        "_config.yml": "title: Class\n",
        "_layouts/lesson.html": layout,
        "setup.md": "---\ntitle: Set up\npermalink: /class/01\n---\n",
        "reset.md": "---\ntitle: Reset\npermalink: /class/03\n---\n",
        "amend.md": "---\nlayout: lesson\ntitle: Amend\npermalink: /class/02\nnext-page: /class/03\nmain-content: |\n"
                    "  Run the script of [Set up](/class/01) first.\ntell-me-why: |\n  ## Why\n  See [reset](/class/03).\n---\n",
    })
    kg = build(site)
    assert kg.related("amend") == [kg.article("/class/01"), kg.article("/class/03")]
    assert kg.counts.get("stubs", 0) == 0


def test_a_jekyll_page_links_to_its_translations_where_its_layout_finds_them_by_a_shared_field(tmp_path: Path):
    """A site translated page by page gives each translation the same ``ref`` and its own ``lang``, and an
    include lists the others as buttons (``site.pages | where:"ref", page.ref``, skipping the page's own
    ``lang``): the English and Spanish learning paths link to each other on the site, but linked nowhere.
    Now each links to the pages of its ``ref`` in the other languages, at its ``ref`` line; a page of
    another ``ref``, or of none, gains no link, and a site whose templates list no translations none."""
    site = tmp_path / "site"
    buttons = ('{% assign pages=site.pages | where:"ref", page.ref | sort: \'lang\' %}\n{% for p in pages %}'
               '{% if page.lang != p.lang %}<a href="{{ site.baseurl }}{{ p.permalink }}">{{ p.lang }}</a>{% endif %}'
               '{% endfor %}\n')
    write_site(site, {
        "_config.yml": "title: Learn\n",
        "_includes/hero.html": "<h1>{{ page.title }}</h1>\n{% include translation_buttons.html %}\n",
        "_includes/translation_buttons.html": buttons,
        "path/index.html": "---\nref: path\nlang: en\ntitle: Learning path\npermalink: /path/\n---\n{% include hero.html %}\n",
        "path/index_es.html": "---\nlayout: default\nref: path\nlang: es\ntitle: Itinerario\npermalink: /path/es/\n---\n"
                              "{% include hero.html %}\n",
        "path/index_fr.md": "---\nref: path\nlang: fr\ntitle: Parcours\npermalink: /path/fr/\n---\n",
        "books/index.html": "---\nref: books\nlang: en\ntitle: Books\n---\n",
        "about.md": "---\nlang: en\ntitle: About\n---\n",
    })
    kg = build(site)
    en, es, fr = kg.article("/path/"), kg.article("/path/es/"), kg.article("/path/fr/")
    assert kg.related("path/index") == [es, fr] and kg.related("path/index_es") == [en, fr]
    assert kg.related("path/index_fr") == [en, es]
    assert kg.related("books/index") == kg.related("about") == [] and kg.counts.get("stubs", 0) == 0
    lines = {a.path: [link.line for link in a.related] for a in load_corpus(site).articles}
    assert lines["path/index_es.html"] == [3, 3]
    write_article(site, "_includes/translation_buttons.html", "<p>Other languages soon.</p>\n")
    assert build(site).related("path/index") == []


def test_a_jekyll_home_page_without_a_title_is_titled_by_the_site(tmp_path: Path):
    """A Jekyll site's home page often has no title (its layout lists the pages; the theme heads it with the
    site's title): it was titled "Index", after its file. It is titled by the config's title now, as
    Hugo's is; a titled home page keeps its own."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Pocket guides\n",
        "index.md": "---\nlayout: home\ntype: home\n---\n",
        "kettle.md": "---\ntitle: Kettle\n---\nSee [home](/).\n",
    })
    kg = build(site)
    assert kg.graph.nodes[kg.article("index")]["title"] == "Pocket guides"
    assert kg.related("kettle") == [kg.article("index")]
    write_article(site, "index.md", "---\ntitle: Start here\n---\n")
    kg = build(site)
    assert kg.graph.nodes[kg.article("index")]["title"] == "Start here"


def test_a_link_to_a_page_named_like_code_reaches_it(tmp_path: Path):
    """A cheat-sheet site names sheets after libraries (``analytics.js.md``, published at
    ``/analytics.js.html`` and served at ``/analytics.js``) and links them so, ``[analytics.js](./analytics.js)``:
    the link was dropped as one to a script file. It reaches the page; a link to a script that no page
    is named by is still no link and no stub."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Sheets\n",
        "trackers.md": "---\ntitle: Trackers\n---\n[beacon.js](./beacon.js)\n\n[the loader](/assets/loader.js)\n",
        "beacon.js.md": "---\ntitle: Beacon\n---\n## Calls\n",
    })
    kg = build(site)
    assert kg.related("trackers") == [kg.article("beacon.js")]
    assert kg.counts["stubs"] == 0


def test_jekyll_titles_from_headings_titles_untitled_pages_by_their_opening_heading(tmp_path: Path):
    """A Jekyll site that lists jekyll-titles-from-headings (a cheat-sheet site of pages without front
    matter, each opening with its heading) titles an untitled page by the heading it opens with: its
    folder pages were all "Index" and ``load-times.md`` "Load Times" where the site shows "Kitchen" and
    "Load and wait times". A post keeps the title of its slug, a page that opens with text the level-1
    heading it shows further down, a titled page its title; without the plugin, a page that opens with a
    heading of another level is titled by its name's words, as before."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Notes\nplugins:\n  - jekyll-titles-from-headings\n",
        "guide/index.md": "---\ndescription: All about it\n---\n# Kitchen\n",
        "guide/load-times.md": "\n# Load and `wait` times\n\nText.\n",
        "guide/notes.md": "Some text.\n\n# Late heading\n",
        "guide/storage.md": "## Storage API\n\nText.\n",
        "guide/titled.md": "---\ntitle: Given\n---\n# Other\n",
        "_posts/2020-01-02-brew-day.md": "---\nlayout: post\n---\n# Brewing\n",
    })
    titles = {a.path: a.title for a in load_corpus(site).articles}
    assert titles == {"guide/index.md": "Kitchen", "guide/load-times.md": "Load and wait times",
                      "guide/notes.md": "Late heading", "guide/storage.md": "Storage API", "guide/titled.md": "Given",
                      "_posts/2020-01-02-brew-day.md": "Brew Day"}
    write_article(site, "_config.yml", "title: Notes\n")
    write_article(site, "Gemfile", 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n')  # its own Jekyll
    titles = {a.path: a.title for a in load_corpus(site).articles}
    assert titles["guide/storage.md"] == "Storage" and titles["_posts/2020-01-02-brew-day.md"] == "Brew Day"


def test_an_untitled_jekyll_page_is_titled_by_the_level_one_heading_it_shows(tmp_path: Path):
    """Jekyll gives a page without a title none (a post or a document, its slug's words), and its layout heads it
    with nothing: the reader knows a course's guide that opens with a link back home, [Back](/), then
    # Paths and regular expressions, by that heading; it was titled by its file's name ("Paths", "Guide1 2").
    A page with no level-1 heading keeps its name's words; a post its slug's."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Course\nplugins: [jekyll-scholar]\n",
        "guides/paths.md": "---\nlayout: page\n---\n[Back](/)\n\n# Paths and regular expressions\n\n## Contents\n",
        "guides/guide1_2.md": "---\nlayout: page\n---\n[Back](/)\n\nIntro.\n\n# Client and server\n",
        "guides/setup.md": "---\nlayout: page\n---\n## Install\n\n# Not at the top\n",
        "guides/notes.md": "---\nlayout: page\n---\n## Only a part\n",
        "_posts/2021-03-04-first-day.md": "---\nlayout: post\n---\n[Back](/)\n\n# Welcome\n",
    })
    assert {a.path: a.title for a in load_corpus(site).articles} == {
        "guides/paths.md": "Paths and regular expressions", "guides/guide1_2.md": "Client and server",
        "guides/setup.md": "Not at the top", "guides/notes.md": "Notes", "_posts/2021-03-04-first-day.md": "First Day"}


def test_a_github_pages_site_titles_untitled_pages_by_their_opening_heading(tmp_path: Path):
    """GitHub Pages runs jekyll-titles-from-headings on every site it builds, listed or not: a site with no
    Gemfile (GitHub Pages builds it) or one whose Gemfile names the github-pages gem titles an untitled page
    by its opening heading, as the site shows it (its pages were titled by their file names); a site with
    a Gemfile of its own Jekyll, or one listing a plugin GitHub Pages does not run, does not."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Notes\n",
        "guide/load-times.md": "---\nlayout: page\n---\n# Load and wait times\n\nText.\n",
        "guide/plain.md": "# Plain heading\n\nNo front matter (jekyll-optional-front-matter).\n",
        "_posts/2020-01-02-brew-day.md": "---\nlayout: post\n---\n# Brewing\n",
    })

    def titles() -> dict[str, str]:
        return {a.path: a.title for a in load_corpus(site).articles}

    github_pages = {"guide/load-times.md": "Load and wait times", "guide/plain.md": "Plain heading",
                    "_posts/2020-01-02-brew-day.md": "Brew Day"}
    assert titles() == github_pages
    write_article(site, "Gemfile", 'source "https://rubygems.org"\ngem "github-pages", group: :jekyll_plugins\n')
    assert titles() == github_pages
    write_article(site, "Gemfile", 'source "https://rubygems.org"\ngem "jekyll"\n')
    write_article(site, "guide/storage.md", "---\nlayout: page\n---\n## Storage API\n")
    assert titles()["guide/storage.md"] == "Storage"
    (site / "Gemfile").unlink()
    write_article(site, "_config.yml", "title: Notes\nplugins: [jekyll-archives]\n")
    assert titles()["guide/storage.md"] == "Storage"


def test_a_carpentries_workbench_lesson_is_read_as_sandpaper_builds_it(tmp_path: Path):
    """A Carpentries Workbench lesson (config.yaml, episodes/, learners/, instructors/) was read as a plain
    folder: no urls, its README, drafts and setup page as articles, the home page titled by its first
    heading, links.md's links lost. sandpaper publishes each page at /name.html (an instructors' page in
    instructor/), builds only the episodes its config lists, joins learners/setup.md to the home page
    (titled by the lesson's title) and puts links.md at the end of every page."""
    write_site(tmp_path, {
        "config.yaml": "carpentry: 'swc'\ntitle: 'Counting Sheep'\nepisodes:\n- 01-fences.md\n- 02-flocks.md\n"
                       "learners:\ninstructors:\n",
        "index.md": "---\npermalink: index.html\nsite: sandpaper::sandpaper_site\n---\n\n### A Scenario\n\n"
                    "See the [glossary](learners/reference.md#flock).\n",
        "episodes/01-fences.md": "---\ntitle: Fences\nteaching: 5\nexercises: 0\n---\n\n:::: questions\n\n- Why fences?\n\n"
                                 "::::\n\nA [flock](../learners/reference.md#flock), [later](03-shearing.md).\n",
        "episodes/02-flocks.md": "---\ntitle: Flocks\n---\nBack to [fences](01-fences.md); the [terms][lesson-terms].\n",
        "episodes/03-shearing.md": "---\ntitle: Shearing\n---\nNot ready.\n",
        "episodes/files/notes.md": "# Notes\n",
        "learners/reference.md": "---\ntitle: Reference\n---\n## Glossary\n\nflock\n:   Many sheep.\n",
        "learners/setup.md": "---\ntitle: Setup\n---\nInstall a [pen](https://example.org/pen).\n",
        "instructors/instructor-notes.md": "---\ntitle: Instructor Notes\n---\nStart with [fences](../episodes/01-fences.md).\n",
        "links.md": "[lesson-terms]: ../learners/reference.md\n[unused]: ../learners/setup.md\n",
        "README.md": "# Counting Sheep\n",
        "bin/helper.md": "---\ntitle: Helper\n---\n",
    })
    result = load_corpus(tmp_path)
    assert result.detection.reason.startswith("config.yaml (a Carpentries Workbench lesson)")
    pages = {a.path: (a.title, a.url) for a in result.articles}
    assert pages == {
        "index.md": ("Counting Sheep", "/index.html"), "episodes/01-fences.md": ("Fences", "/01-fences.html"),
        "episodes/02-flocks.md": ("Flocks", "/02-flocks.html"), "learners/reference.md": ("Reference", "/reference.html"),
        "instructors/instructor-notes.md": ("Instructor Notes", "/instructor/instructor-notes.html")}
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why["episodes/03-shearing.md"] == "not in config.yaml's episodes list: a draft, not built"
    assert why["learners/setup.md"].startswith("shown on the home page")
    assert set(why) == {"episodes/03-shearing.md", "episodes/files/notes.md", "learners/setup.md", "links.md",
                        "README.md", "bin/helper.md"}
    assert_every_file_accounted_for(result)
    assert [a.question for a in result.articles if a.path.startswith("episodes/")] == ["Why fences?", ""]
    kg = build(tmp_path)
    assert kg.related("episodes/01-fences") == ["article:learners/reference", "article:episodes/03-shearing"]
    assert kg.node("article:episodes/03-shearing")["kind"] == "stub"
    assert kg.related("episodes/02-flocks") == ["article:episodes/01-fences", "article:learners/reference"]
    assert kg.related("instructors/instructor-notes") == ["article:episodes/01-fences"]
    assert kg.related("index") == ["article:learners/reference"]


@pytest.mark.parametrize("config, built, said", [
    ("episodes:\n- 01-a.md\n- 02-b.md\n", ["01-a", "02-b"], []),
    ("episodes: 01-a.md\n", ["01-a"], []),  # a lone name: a list of one, as sandpaper's YAML reader reads it
    ("title: 'Unclosed\nepisodes:\n- 01-a.md\n", ["01-a", "02-b", "03-c"],
     [(5, "not YAML that can be read (found unexpected end of stream): its settings are not used, the site is "
          "read with the defaults of sandpaper")]),
    ("episodes: {first: 01-a.md}\n", ["01-a", "02-b", "03-c"],
     [(2, "episodes is a mapping, not a list of the files of episodes/: every page there is built")]),
    ("episodes:\n- 01-a.md\n- 02-bee.md\n", ["01-a"],
     [(2, "episodes lists 1 file(s) that are not in episodes/ ('02-bee.md'): no page is built for them")]),
    ("episodes: 01-a.md 02-b.md\n", ["01-a", "02-b", "03-c"],
     [(2, "episodes lists 1 file(s) that are not in episodes/ ('01-a.md 02-b.md'): the list is not used, "
             "every page there is built")])])
def test_a_workbench_lesson_config_of_an_unexpected_shape_is_said(tmp_path: Path, config: str, built: list[str],
                                                                  said: list[tuple[int | None, str]]):
    """A Workbench lesson's config.yaml that could not be read, or whose episodes were no list of its files,
    was passed over without a word: its drafts were built, or all its episodes were taken for drafts. A list
    of another shape, or that names files there are not, is said with the line of the setting."""
    write_site(tmp_path, {"config.yaml": "carpentry: swc\n" + config,
                          **{f"episodes/{n}.md": f"---\ntitle: {n}\n---\n" for n in ("01-a", "02-b", "03-c")}})
    result = load_corpus(tmp_path)
    assert sorted(a.path.removeprefix("episodes/").removesuffix(".md") for a in result.articles) == built
    assert [(p.line, p.message) for p in result.problems if p.severity == WARNING and p.path == "config.yaml"] == said
    assert_every_file_accounted_for(result)


def test_a_carpentries_lessons_episode_asks_its_questions(tmp_path: Path):
    """An episode of a Carpentries lesson (the Jekyll template's: a config that says which carpentry) lists
    the questions it answers, ``questions: [...]``, which the lesson shows atop it: they were data only,
    the episode asked nothing. Its question is now all of them; another Jekyll site's ``questions`` list
    is no question."""
    write_site(tmp_path, {
        "lesson/_config.yml": 'carpentry: "swc"\ntitle: "Counting Sheep"\n'
                              "collections:\n  episodes:\n    output: true\n    permalink: /:path/index.html\n",
        "lesson/_episodes/01-fences.md": '---\ntitle: Fences\nquestions:\n- "Why fences?"\n- "How high?"\n'
                                         'keypoints:\n- "Fences keep sheep in."\n---\nText.\n',
        "other/_config.yml": "title: Blog\n",
        "other/about.md": "---\ntitle: About\nquestions:\n- Who?\n---\n",
    })
    lesson = load_corpus(tmp_path / "lesson")
    assert [(a.title, a.question) for a in lesson.articles] == [("Fences", "Why fences? How high?")]
    assert not [p for p in lesson.problems if p.severity == WARNING]
    assert [a.question for a in load_corpus(tmp_path / "other").articles] == [""]


def test_a_workbench_lessons_r_markdown_episode_is_a_page(tmp_path: Path):
    """An R lesson of the Carpentries Workbench writes its episodes in R Markdown (``episodes/01-count.Rmd``),
    which sandpaper runs and publishes as the other pages (``/01-count.html``): they were not even found."""
    write_site(tmp_path, {
        "config.yaml": "carpentry: 'dc'\ntitle: 'Counting in R'\nepisodes:\n- 01-count.Rmd\n- 02-sum.md\n",
        "episodes/01-count.Rmd": "---\ntitle: Counting\n---\n\n```{r}\nx <- c(1, 2)\n```\n\nThen [sums](02-sum.md).\n",
        "episodes/02-sum.md": "---\ntitle: Sums\n---\nAfter [counting](01-count.Rmd).\n",
    })
    kg = build(tmp_path)
    assert {n: d["url"] for n, d in kg.graph.nodes(data=True) if d["kind"] == "article"} == {
        "article:episodes/01-count": "/01-count.html", "article:episodes/02-sum": "/02-sum.html"}
    assert kg.related("episodes/02-sum") == ["article:episodes/01-count"]
    assert kg.related("episodes/01-count") == ["article:episodes/02-sum"]


def _command_page(name: str, description: str, *examples: str) -> str:
    """A command page as a command reference (tldr-pages) writes one: ``# name``, ``> `` lines, examples."""
    shown = "".join(f"- {text}:\n\n`{code}`\n\n" for text, code in zip(examples[::2], examples[1::2]))
    return f"# {name}\n\n" + "".join(f"> {line}\n" for line in description.split("\n")) + "\n" + shown


#: a command reference laid out as tldr-pages is: platform folders, a translation's folder, the
#: repository's own docs beside them (commands and texts invented)
COMMAND_PAGES = {
    "README.md": "# About these pages\n\nRead the [guide](CONTRIBUTING.md).\n",
    "CONTRIBUTING.md": "# Contributing\n\n```md\n# name\n\n> Description.\n```\n",
    "guides/style.md": "# Style\n\nWrite `{{placeholders}}`.\n",
    "pages/common/zap.md": _command_page("zap", "Remove stray files.\nMore information: <https://zap.example/docs>.",
                                         "Remove files", "zap {{path/to/dir}}"),
    "pages/common/zap-run.md": _command_page("zap run", "Run a zap job.\nPart of `zap`.", "Run", "zap run {{job}}"),
    "pages/linux/zapd.md": _command_page("zapd", "The zap daemon.", "Start it", "zapd --foreground"),
    "pages/osx/zapd.md": _command_page("zapd", "The zap daemon of macOS.", "Start it", "sudo zapd"),
    "pages.xx/common/zap.md": _command_page("zap", "Entferne Dateien.\nMehr: <https://zap.example/docs>.",
                                            "Entferne", "zap {{pfad}}"),
}


def test_a_command_reference_is_read_as_its_pages_with_platforms_for_subjects(tmp_path: Path):
    """A command reference laid out as tldr-pages is (pages/<platform>/<command>.md, no front matter,
    translations in pages.<locale>/) was read as a folder of notes: filed under its top folder
    ("Pages", "pages.xx") rather than its platform, without a description or an answer, and its
    README and contributing guides were articles among the commands. Now each page is filed under
    its platform (a translation's in its locale), titled by its heading, its description (but the
    line that only links its documentation) is its answer, and the repository's own files are
    skipped, saying why."""
    write_site(tmp_path / "tldr", COMMAND_PAGES)
    result = load_corpus(tmp_path / "tldr")
    assert result.detection is not None and "a command reference" in result.detection.reason
    assert {a.path: (a.title, a.subject, a.answer) for a in result.articles} == {
        "pages/common/zap.md": ("zap", "Common", "Remove stray files."),
        "pages/common/zap-run.md": ("zap run", "Common", "Run a zap job. Part of zap."),
        "pages/linux/zapd.md": ("zapd", "Linux", "The zap daemon."),
        "pages/osx/zapd.md": ("zapd", "Osx", "The zap daemon of macOS."),
        "pages.xx/common/zap.md": ("zap", "Common (xx)", "Entferne Dateien."),
    }
    assert {a.path: a.description for a in result.articles}["pages/common/zap.md"] == "Remove stray files."
    assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md", "guides/style.md"]
    assert all(p.message.startswith("not a command page: the repository's own file") for p in result.problems)
    assert all(not a.keywords for a in result.articles)
    assert_every_file_accounted_for(result)
    # read from its pages' folder, the platforms are its folders
    inside = load_corpus(tmp_path / "tldr" / "pages")
    assert {a.path: a.subject for a in inside.articles} == {
        "common/zap.md": "Common", "common/zap-run.md": "Common", "linux/zapd.md": "Linux", "osx/zapd.md": "Osx"}
    assert inside.skipped == []


def test_a_docusaurus_folder_without_a_category_label_is_labelled_by_its_linked_doc(tmp_path: Path):
    """Docusaurus labels a folder's category by its ``_category_`` file's label, else by the doc the category
    links to: the one its ``link: {type: doc, id}`` names, else its own index doc (``index``, ``README``, or
    named like the folder), by that doc's ``sidebar_label``, else its title (its ``title``, else the heading
    it starts with); a category linking elsewhere (a generated index), or without such a doc, is labelled
    by the folder's name."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "export default {title: 'Tool', presets: [['classic', {docs: {}, blog: {}}]]};\n",
        "blog/2024-01-02-hello.md": "---\ntitle: Hello\n---\nHi.\n",
        "docs/intro/index.mdx": "---\ntitle: Introduction\n---\nimport X from '@theme/X';\n\n<X />\n",
        "docs/intro/first.md": "# First\n",
        "docs/faq/index.mdx": "---\ntitle: Frequently Asked Questions\nsidebar_label: FAQ\n---\nText.\n",
        "docs/faq/one.md": "# One\n",
        "docs/02-sdk/README.md": "import A from './_a.mdx';\n\n# Go SDK\n\nText.\n",
        "docs/02-sdk/intro.md": "# SDK intro\n",
        "docs/howto/howto.md": "---\nsidebar_label: How-to\n---\n# How-to guides\n",
        "docs/gov/_category_.json": '{"link": {"type": "doc", "id": "gov-intro"}}',
        "docs/gov/README.md": "---\ntitle: Governance Introduction\nid: gov-intro\nsidebar_label: Governance\n---\n",
        "docs/gov/rules.md": "# Rules\n",
        "docs/gen/_category_.json": '{"link": {"type": "generated-index", "title": "All"}}',
        "docs/gen/index.md": "# Not linked\n",
        "docs/plain/page.md": "# Page\n",
        "docs/unlinked/_category_.json": '{"link": null}',
        "docs/unlinked/index.md": "# Not linked either\n",
        "docs/labelled/_category_.json": '{"label": "From the file"}',
        "docs/labelled/index.md": "# Not the label\n",
    })
    labels = {a.path.split("/")[1]: a.subject for a in load_corpus(site).articles if a.path.startswith("docs/")}
    assert labels == {"intro": "Introduction", "faq": "FAQ", "02-sdk": "Go SDK", "howto": "How-to",
                      "gov": "Governance", "gen": "Gen", "plain": "Plain", "labelled": "From the file",
                      "unlinked": "Unlinked"}


def test_a_docusaurus_docs_plugin_without_number_prefix_parsing_keeps_its_file_names(tmp_path: Path):
    """A docs plugin whose options say ``numberPrefixParser: false`` publishes ``000-design.md`` at
    ``.../000-design`` (its title, when it has none, is that name too, and its folder ``01-old`` is the
    subject ``01 old``), so that links written as those urls reach it; the other docs still lose their
    number prefixes."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "export default {title: 'Tool', presets: [['classic', {docs: {}, blog: {}}]],\n"
                                "  plugins: [['@docusaurus/plugin-content-docs', {id: 'team', path: 'team',\n"
                                "    routeBasePath: 'team', numberPrefixParser: false}]]};\n",
        "blog/2024-01-02-hello.md": "---\ntitle: Hello\n---\n[design](/team/01-old/000-design).\n",
        "docs/01-start/02-setup.md": "# Setup\n",
        "team/01-old/000-design.md": "Design notes without a title.\n",
    })
    by = {a.path: (a.url, a.title, a.subject) for a in load_corpus(site).articles}
    assert by["team/01-old/000-design.md"] == ("/team/01-old/000-design", "000-design", "01 old")
    assert by["docs/01-start/02-setup.md"] == ("/docs/start/setup", "Setup", "Start")
    kg = build(site, out=tmp_path / "out")
    assert kg.counts["stubs"] == 0 and kg.counts["edges"]["related"] == 1


@pytest.mark.parametrize(("config", "site_url"), [
    ("const siteURL = process.env.SITE_URL || 'https://docs.example.org';\nexport default {url: siteURL, "
     "baseUrl: '/'};\n", "https://docs.example.org/"),
    ("export default {url: process.env.DEPLOY_URL ?? \"https://docs.example.org\", baseUrl: '/'};\n",
     "https://docs.example.org/"),
    ("const siteURL = process.env.SITE_URL || 'http://localhost:3000';\nexport default {url: siteURL};\n", None),
    ("export default {url: process.env.URL};\n", None),
])
def test_a_docusaurus_url_read_from_the_environment_is_its_default_when_it_has_one(tmp_path: Path, config,
                                                                                  site_url):
    """A config that takes its ``url`` from the environment (``process.env.SITE_URL || 'https://...'``, in
    a constant or in place) is read at the url it falls back to, the site's own, so that links written on
    it lead to its pages; a fallback on the local machine (``http://localhost:3000``) is no site's url."""
    site = tmp_path / "site"
    write_site(site, {"docusaurus.config.js": config.replace("};", " presets: [['classic', {docs: {}}]]};"),
                      "docs/a.md": "# A\n\nSee [b](https://docs.example.org/docs/b).\n", "docs/b.md": "# B\n"})
    assert load_corpus(site).fields.site_url == site_url
    kg = build(site, out=tmp_path / "out")
    assert ("article:docs/b" in kg.related("docs/a")) == (site_url is not None)


def test_a_jekyll_page_that_only_redirects_is_listed_not_an_empty_article(tmp_path: Path):
    """al-folio lists a post whose ``redirect:`` names another url (a page, a PDF, another site) in its
    blog as a link there, and its layout sends a reader of the post's own url on (``redirect: true``:
    to the home page): the post has no text of its own. Each was an empty article; now it is skipped,
    saying where it leads. A redirecting page that has text keeps it and links to its target."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Lab\nbaseurl: /lab\npermalink: /blog/:year/:title/\ncollections:\n  projects:\n    output: true\n",
        "_projects/alpha.md": "---\ntitle: Alpha\n---\nThe alpha project.\n",
        "_posts/2021-01-01-moved.md": "---\ntitle: moved post\nredirect: /projects/alpha/\n---\n",
        "_posts/2021-02-01-paper.md": "---\ntitle: a pdf\nredirect: /assets/pdf/paper.pdf\n---\n\n",
        "_posts/2021-03-01-elsewhere.md": "---\ntitle: on medium\nredirect: https://medium.com/@me/post\n---\n",
        "_posts/2021-04-01-note.md": "---\ntitle: a note\nredirect: /projects/alpha/\n---\nMoved: read it there.\n",
        "old.md": "---\ntitle: old page\npermalink: /old/\nredirect: true\n---\n<!-- gone -->\n",
        "_posts/2021-05-01-plain.md": "---\ntitle: plain\nredirect: ''\n---\nText.\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == [
        "_posts/2021-04-01-note.md", "_posts/2021-05-01-plain.md", "_projects/alpha.md"]
    assert {p.path: (p.line, p.message) for p in result.problems if p.severity == SKIPPED} == {
        "_posts/2021-01-01-moved.md": (3, "redirect: /projects/alpha/: a page that sends its reader to "
                                          "/projects/alpha/, no article"),
        "_posts/2021-02-01-paper.md": (3, "redirect: /assets/pdf/paper.pdf: a page that sends its reader to "
                                          "/assets/pdf/paper.pdf, no article"),
        "_posts/2021-03-01-elsewhere.md": (3, "redirect: https://medium.com/@me/post: a page that sends its reader "
                                              "to https://medium.com/@me/post, no article"),
        "old.md": (4, "redirect: true: a page that sends its reader to the home page, no article")}
    kg = build(site, out=tmp_path / "out")
    assert kg.related("_posts/2021-04-01-note") == [kg.article("_projects/alpha")]
    assert kg.counts["stubs"] == 0


def test_an_inline_jekyll_news_item_is_titled_by_its_text(tmp_path: Path):
    """al-folio's news list shows an ``inline: true`` item as its text (it has no title and the list
    links to no page of it); its article was titled by its file's name, so every item of a site was
    "Announcement 1", "Announcement 2"... Now the title is the text, its links and markup read as
    shown, a long one cut at a word; an item with a title, or not inline, keeps what it had."""
    site = tmp_path / "site"
    long_text = "We presented " + "a very long result " * 8 + "at the meeting."
    write_site(site, {
        "_config.yml": "title: Lab\ncollections:\n  news:\n    output: true\n",
        "_news/announcement_1.md": "---\nlayout: post\ndate: 2021-10-01\ninline: true\n---\n\n"
                                   "Joined [the **lab**](https://lab.example.org) as a <em>student</em> :tada:\n\nMore.\n",
        "_news/announcement_2.md": f"---\ndate: 2022-01-04\ninline: true\n---\n<!-- draft -->\n{long_text}\n",
        "_news/announcement_3.md": "---\ntitle: A long announcement\ninline: false\n---\nDetails.\n",
        "_news/announcement_4.md": "---\ninline: false\n---\nDetails.\n",
        "_news/announcement_5.md": "---\ninline: true\n---\n{% comment %}x{% endcomment %}\n",
    })
    titles = {a.path: a.title for a in load_corpus(site).articles}
    assert titles["_news/announcement_1.md"] == "Joined the lab as a student :tada:"
    cut = titles["_news/announcement_2.md"]
    assert cut.startswith("We presented a very long result") and cut.endswith("…") and len(cut) <= 101
    assert long_text.startswith(cut[:-1]) and cut[-2] != " "
    assert titles["_news/announcement_3.md"] == "A long announcement"
    # Jekyll's title of an untitled document: its slug, Utils.titleize_slug (hyphens only are spaces)
    assert titles["_news/announcement_4.md"] == titles["_news/announcement_5.md"].replace("5", "4") == "Announcement_4"


def test_a_jekyll_dropdown_menu_page_is_no_article(tmp_path: Path):
    """al-folio's navigation bar shows a page with ``dropdown: true`` as a menu of its ``children``
    (other pages' links) and links to no page of its own; the page has no text. It was an empty
    article ("submenus"); now it is skipped, saying so. A dropdown page with text stays an article."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Lab\ninclude: [_pages]\n",
        "_pages/blog.md": "---\ntitle: blog\npermalink: /blog/\n---\nPosts.\n",
        "_pages/dropdown.md": "---\nlayout: page\ntitle: submenus\nnav: true\ndropdown: true\nchildren:\n"
                              "  - title: blog\n    permalink: /blog/\n  - title: divider\n---\n",
        "_pages/more.md": "---\ntitle: more\ndropdown: true\nchildren: []\n---\nSome text.\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["_pages/blog.md", "_pages/more.md"]
    assert [(p.path, p.line, p.message) for p in result.problems if p.severity == SKIPPED] == [
        ("_pages/dropdown.md", 5, "dropdown: true: a menu of the navigation bar, which links to its children "
                                  "and to no page of its own: no article")]


def test_a_jekyll_sites_liquid_layouts_are_read_as_its_html_ones(tmp_path: Path):
    """Jekyll reads a layout or include of any extension; al-folio names all of its ``.liquid``
    (``_layouts/post.liquid``, ``_includes/news.liquid``). Only ``.html`` ones were read for what they
    show, so a field a ``.liquid`` layout writes into a link, or includes the files of, linked nowhere."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Lab\n",
        "_layouts/sheet.liquid": "<a href='{{ site.baseurl }}{{ page.deprecated_by }}'>Newer</a>\n{{ content }}\n",
        "_layouts/class.liquid": "{% for child in page.notes %}{% include {{child}} %}{% endfor %}\n{{ content }}\n",
        "_includes/why.md": "See [the pencil](/pencil/).\n",
        "pencil.md": "---\ntitle: Pencil\npermalink: /pencil/\n---\nUse it.\n",
        "old.md": "---\ntitle: Old pencil\nlayout: sheet\ndeprecated_by: /pencil/\n---\nOld.\n",
        "class.md": "---\ntitle: Class\nlayout: class\nnotes: [why.md]\n---\nA class.\n",
    })
    kg = build(site, out=tmp_path / "out")
    assert kg.related("old") == kg.related("class") == [kg.article("/pencil/")]


def test_a_jekyll_layouts_link_field_may_go_through_a_url_filter(tmp_path: Path):
    """A layout writes a page's field into a link through ``relative_url`` (``<a href="{{ page.next |
    relative_url }}">``, as Jekyll's docs advise, or ``prepend: site.baseurl``): only a bare
    ``{{ page.next }}`` was read, so such a page linked nowhere. Another filter (``slugify``,
    which builds a tag page's url) still makes no link of the field."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Course\nbaseurl: /course\n",
        "_layouts/lesson.html": "<a href=\"{{ page.next | relative_url }}\">Next</a>\n"
                                "<a href=\"{{ page.back | prepend: site.baseurl }}\">Back</a>\n"
                                "<a href=\"{{ page.topic | slugify | prepend: '/t/' | relative_url }}\">Topic</a>\n{{ content }}\n",
        "one.md": "---\ntitle: One\npermalink: /one/\nlayout: lesson\nnext: /two/\ntopic: two\n---\nFirst.\n",
        "two.md": "---\ntitle: Two\npermalink: /two/\nlayout: lesson\nback: /one/\n---\nSecond.\n",
    })
    kg = build(site, out=tmp_path / "out")
    assert kg.related("/one/") == [kg.article("/two/")] and kg.related("/two/") == [kg.article("/one/")]
    assert kg.counts["stubs"] == 0


@pytest.mark.parametrize("plugins, gemfile, pages", [
    ("[jekyll/scholar, jekyll-feed]", "gem 'jekyll'\n", []),
    ("[jekyll-feed, jemoji, jekyll-seo-tag]", "", ["_pages/bio.md", "docs/notes.md"]),
    ("[jekyll/scholar, jekyll-optional-front-matter]", "", ["_pages/bio.md", "docs/notes.md"]),
    ("[jekyll/scholar]", "gem \"github-pages\", group: :jekyll_plugins\n", ["_pages/bio.md", "docs/notes.md"]),
])
def test_a_jekyll_site_built_with_its_own_plugins_publishes_no_page_without_front_matter(
        tmp_path: Path, plugins: str, gemfile: str, pages: list[str]):
    """GitHub Pages makes a Markdown file without front matter a page (its jekyll-optional-front-matter);
    a site that lists plugins GitHub Pages does not run (al-folio's ``jekyll/scholar``) is built by its own
    Jekyll, which copies such a file as it is. al-folio's profile text ``_pages/about_einstein.md``, which the
    people page includes, and a page commented out whole were articles of their own. A site whose Gemfile
    names the github-pages gem has its plugins, the optional front matter too, wherever it is built."""
    site = tmp_path / "site"
    write_site(site, {
        **({"Gemfile": gemfile} if gemfile else {}),
        "_config.yml": f"title: Lab\ninclude: [_pages]\nplugins: {plugins}\n",
        "_pages/about.md": "---\ntitle: about\npermalink: /\n---\nHello.\n",
        "_pages/bio.md": "Write your biography here.\n",
        "docs/notes.md": "<!-- ---\ntitle: notes\n--- -->\nOld notes.\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == sorted(["_pages/about.md", *pages])
    skipped = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert sorted(skipped) == sorted({"_pages/bio.md", "docs/notes.md"} - set(pages))
    assert all(m == "no front matter: Jekyll copies it as it is (the site is built without GitHub Pages' "
                    "jekyll-optional-front-matter), no page" for m in skipped.values())
    assert ("built by its own Jekyll (plugins GitHub Pages does not run: jekyll/scholar): files without front matter "
            "are no pages") in result.detection.reason if not pages else True


def test_a_jekyll_page_shows_the_files_its_layout_includes_relative_to_it(tmp_path: Path):
    """al-folio's people page lists its profiles (``profiles: [{content: about_einstein.md}]``) and its
    layout puts each profile's file in the page (``{% include_relative {{ profile.content }} %}``): the
    file, which has no front matter, is no page, and the page shows its links, which were lost."""
    site = tmp_path / "site"
    layout = ("{% for profile in page.profiles %}<div>{% if profile.content %}{% capture c %}"
              "{% include_relative {{ profile.content }} %}{% endcapture %}{{ c | markdownify }}{% endif %}</div>"
              "{% endfor %}\n")
    write_site(site, {
        "_config.yml": "title: Lab\nbaseurl: /lab\ninclude: [_pages]\nplugins: [jekyll/scholar]\n",
        "_layouts/profiles.liquid": layout,
        "_pages/people.md": "---\nlayout: profiles\ntitle: people\npermalink: /people/\nprofiles:\n"
                            "  - align: right\n    content: bio.md\n  - content: missing.md\n  - align: left\n---\n",
        "_pages/bio.md": "A bio. See the [publications page](/lab/publications/) and [elsewhere](https://x.org).\n",
        "_pages/publications.md": "---\ntitle: publications\npermalink: /publications/\n---\nPapers.\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["_pages/people.md", "_pages/publications.md"]
    kg = build(site, out=tmp_path / "out")
    assert kg.related("/people/") == [kg.article("/publications/")] and kg.counts["stubs"] == 0


#: an MDN Web Docs content repository in miniature: pages in folders named by their slug in lower case
MDN_PAGES = {
    "README.md": "# The docs\n\nHow to contribute.\n",
    "files/jsondata/L10n-Common.json": '{"a": 1}\n',
    "files/en-us/web/api/widget/index.md": ("---\ntitle: Widget\nslug: Web/API/Widget\npage-type: web-api-interface\n---\n\n"
                                           "See [gizmo](/en-US/docs/Web/JavaScript/Reference/Global_Objects/Gizmo).\n"),
    "files/en-us/web/api/widget/spin/index.md": ("---\ntitle: 'Widget: spin() method'\nslug: Web/API/Widget/spin\n---\n\n"
                                                "Part of [Widget](/en-US/docs/Web/API/Widget#methods).\n"),
    "files/en-us/web/javascript/reference/global_objects/gizmo/index.md": (
        "---\ntitle: Gizmo\nslug: Web/JavaScript/Reference/Global_Objects/Gizmo\n---\n\nA [term](/en-US/docs/Glossary/Term).\n"),
    "files/en-us/glossary/term/index.md": "---\ntitle: Term\nslug: Glossary/Term\n---\n\nA word.\n",
}


def test_mdn_content_pages_are_at_their_slugs_urls_in_their_area(tmp_path: Path):
    """MDN's content repository was read as a folder of notes: no urls, every page Uncategorised, and its
    links (written as /en-US/docs/<slug>) stubs. The site publishes a page at /en-US/docs/ and its slug,
    under the area the slug starts with (Web/API, Web/JavaScript, Glossary); the README is no page."""
    import qagraph

    write_site(tmp_path / "content", MDN_PAGES)
    result = load_corpus(tmp_path / "content")
    assert result.detection is not None and "MDN Web Docs" in result.detection.reason
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "files/en-us/web/api/widget/index.md": ("/en-US/docs/Web/API/Widget", "Widget", "Web/API"),
        "files/en-us/web/api/widget/spin/index.md": ("/en-US/docs/Web/API/Widget/spin", "Widget: spin() method", "Web/API"),
        "files/en-us/web/javascript/reference/global_objects/gizmo/index.md": (
            "/en-US/docs/Web/JavaScript/Reference/Global_Objects/Gizmo", "Gizmo", "Web/JavaScript"),
        "files/en-us/glossary/term/index.md": ("/en-US/docs/Glossary/Term", "Term", "Glossary")}
    assert_every_file_accounted_for(result)
    kg = qagraph.build(tmp_path / "content", out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    by_path = {a.path: a.key for a in result.articles}
    assert [kg.graph.nodes[n]["url"] for n in kg.related(by_path["files/en-us/web/api/widget/spin/index.md"])] == [
        "/en-US/docs/Web/API/Widget"]


def test_mdn_macros_reach_the_pages_they_name_in_any_case(tmp_path: Path):
    """An MDN page's KumaScript macros ({{domxref("Widget")}}, {{jsxref("Gizmo")}}, {{Glossary("term")}}) were
    text: its links to the pages they name were lost. They reach those pages now, whatever the case
    the macro writes the name in, as MDN's urls are; one naming a page outside the corpus is a stub."""
    import qagraph

    pages = dict(MDN_PAGES)
    pages["files/en-us/glossary/term/index.md"] = ('---\ntitle: Term\nslug: Glossary/Term\n---\n\n'
                                                   'See {{domxref("Widget.spin()")}}, {{jsxref("Gizmo")}}, '
                                                   '{{Glossary("missing")}} and {{SeeCompatTable}}.\n')
    pages["files/en-us/web/api/widget/index.md"] += '\nA {{glossary("term", "word")}}.\n'
    write_site(tmp_path / "content", pages)
    kg = qagraph.build(tmp_path / "content", out=tmp_path / "out")
    by_path = {a.path: a.key for a in load_corpus(tmp_path / "content").articles}
    assert [kg.graph.nodes[n]["url"] for n in kg.related(by_path["files/en-us/glossary/term/index.md"])] == [
        "/en-US/docs/Web/API/Widget/spin", "/en-US/docs/Web/JavaScript/Reference/Global_Objects/Gizmo",
        "/en-US/docs/Glossary/missing"]
    assert [kg.graph.nodes[n]["url"] for n in kg.related(by_path["files/en-us/web/api/widget/index.md"])] == [
        "/en-US/docs/Web/JavaScript/Reference/Global_Objects/Gizmo", "/en-US/docs/Glossary/Term"]
    assert kg.counts.get("stubs", 0) == 1


def test_mdn_links_to_moved_pages_reach_them_through_the_redirects_file(tmp_path: Path):
    """MDN moves pages and keeps their old urls in each locale's _redirects.txt; its macros and links
    still name many by an old url ({{domxref("spin()")}} for Widget/spin), which were stubs. A link to
    an old url now reaches the page it redirects to; a redirect to another site or to a page outside
    the corpus changes nothing."""
    import qagraph

    pages = dict(MDN_PAGES)
    pages["files/en-us/_redirects.txt"] = ("# FROM-URL\tTO-URL\n/en-US/docs/Web/API/spin\t/en-US/docs/Web/API/Widget/spin\n"
                                           "/en-US/docs/Gizmos\t/en-US/docs/Web/JavaScript/Reference/Global_Objects/Gizmo\n"
                                           "/en-US/docs/Old\thttps://elsewhere.example/\n/en-US/docs/Gone\t/en-US/docs/Web/Nowhere\n")
    pages["files/en-us/glossary/term/index.md"] = ('---\ntitle: Term\nslug: Glossary/Term\n---\n\n'
                                                   'See {{domxref("spin()")}} and [gizmos](/en-US/docs/gizmos).\n')
    write_site(tmp_path / "content", pages)
    kg = qagraph.build(tmp_path / "content", out=tmp_path / "out")
    by_path = {a.path: a.key for a in load_corpus(tmp_path / "content").articles}
    assert sorted(kg.graph.nodes[n]["url"] for n in kg.related(by_path["files/en-us/glossary/term/index.md"])) == [
        "/en-US/docs/Web/API/Widget/spin", "/en-US/docs/Web/JavaScript/Reference/Global_Objects/Gizmo"]
    assert kg.counts.get("stubs", 0) == 0


def test_mdn_translators_marks_are_no_keywords(tmp_path: Path):
    """MDN's older pages tag some pages l10n:priority, a mark for its translators, which became a
    keyword shared by unrelated pages (and a 'similar' edge between them); the other tags stay."""
    pages = dict(MDN_PAGES)
    pages["files/en-us/glossary/term/index.md"] = ("---\ntitle: Term\nslug: Glossary/Term\ntags:\n  - Glossary\n"
                                                   "  - 'l10n:priority'\n---\n\nA word.\n")
    write_site(tmp_path / "content", pages)
    assert {a.path: a.keywords for a in load_corpus(tmp_path / "content").articles if a.keywords} == {
        "files/en-us/glossary/term/index.md": ("Glossary",)}


def test_mdn_html_links_are_links(tmp_path: Path):
    """MDN's older pages are written in HTML (its Markdown lets HTML through): their <a href> links to
    other pages were lost. They are links now; MDN has no wiki-links: a [[0]] in text is none."""
    import qagraph

    pages = dict(MDN_PAGES)
    pages["files/en-us/glossary/term/index.md"] = ('---\ntitle: Term\nslug: Glossary/Term\n---\n'
                                                   '<p>See <a href="/en-US/docs/Web/API/Widget">the widget</a>; '
                                                   'grid[[0]] is a cell.</p>\n')
    write_site(tmp_path / "content", pages)
    kg = qagraph.build(tmp_path / "content", out=tmp_path / "out")
    by_path = {a.path: a.key for a in load_corpus(tmp_path / "content").articles}
    assert [kg.graph.nodes[n]["url"] for n in kg.related(by_path["files/en-us/glossary/term/index.md"])] == [
        "/en-US/docs/Web/API/Widget"]
    assert kg.counts.get("stubs", 0) == 0


def test_a_vault_per_language_published_with_obsidian_publish_has_each_languages_urls(tmp_path: Path):
    """Each language's folder of a help repository is an Obsidian Publish site (its publish.js and
    publish.css in the folder, none at the root), and a translation keeps its note's permalink. Read from
    the repository's root, no note had a url and a note marked publish: false was kept; now each note is at
    its language's folder and its path or permalink, so that the two "bases" pages are two urls."""
    repo = tmp_path / "help"
    for name, text in {"en/publish.js": "// switcher\n", "de/publish.css": ".site-body { }\n",
                       "en/Home.md": "See [[Tables intro]] and [[Plans]].\n",
                       "en/Tables/Tables intro.md": "---\npermalink: tables\n---\nBack [[Home]].\n",
                       "en/Sync/Plans.md": "---\npermalink: /sync/plans\n---\nBack [[Home]].\n",
                       "de/Home.md": "Siehe [[Tabellen]].\n",
                       "de/Tabellen/Tabellen.md": "---\npermalink: tables\n---\nZurück [[Home]].\n",
                       "de/Sync/Pläne.md": "---\npublish: false\n---\nNoch nicht.\n"}.items():
        write_article(repo, name, text)
    result = load_corpus(repo)
    assert "an Obsidian Publish vault (de/publish.css)" in result.detection.reason
    assert {a.path: a.url for a in result.articles} == {
        "en/Home.md": "/en/Home", "en/Tables/Tables intro.md": "/en/tables", "en/Sync/Plans.md": "/en/sync/plans",
        "de/Home.md": "/de/Home", "de/Tabellen/Tabellen.md": "/de/tables"}
    assert [(p.path, p.message) for p in result.problems if p.severity == SKIPPED] == [
        ("de/Sync/Pläne.md", "publish: false: not a page")]


def test_an_obsidian_publish_vault_with_a_home_note_reads_links_as_obsidian_does(tmp_path: Path):
    """A Publish vault cloned without its .obsidian/ (a help site's language folder) starts at Home.md, as a
    GitHub wiki's clone does, and its links were read as a wiki's: [[Metadata]], an alias of Properties.md,
    and [[Gone|Properties]] reached Properties, where Obsidian and its Publish site leave both unresolved.
    Built from the folder alone or from the repository's root, the links now resolve the same way."""
    vault = tmp_path / "help" / "en"
    for name, text in {"publish.js": "// site script\n",
                       "Home.md": "Read [[Metadata]], [[Gone|Properties]] and [[Properties|props]].\n",
                       "Editing/Properties.md": "---\naliases:\n  - metadata\n---\nBack [[Home]].\n"}.items():
        write_article(vault, name, text)
    write_article(tmp_path / "help", "de/Home.md", "Siehe [[Eigenschaften]].\n")
    write_article(tmp_path / "help", "de/Editing/Eigenschaften.md", "Zurück [[Home]].\n")
    for folder, prefix in ((vault, ""), (tmp_path / "help", "en/")):
        kg = build(folder, out=tmp_path / f"out-{bool(prefix)}")
        assert {v for u, v, k in kg.graph.edges(keys=True) if k == "related" and u == f"article:{prefix}Home"} == {
            "article:Gone", f"article:{prefix}Editing/Properties", "article:Metadata"}


def test_a_note_kept_in_a_vaults_attachments_folder_is_filed_under_no_topic(tmp_path: Path):
    """A help vault keeps its images in Attachments/, and a slide deck's demo note among them: the note's
    subject was "Attachments", a folder of images and no topic; now it is Uncategorised, in the vault alone
    and in each language's vault read from the repository's root (a translation's Attachments/ too, which
    holds one image of its own). A topic folder that only happens to hold
    images (Images and colour/, a note per image) stays a subject."""
    repo = tmp_path / "help"
    for lang in ("en", "fr"):
        write_article(repo, f"{lang}/Home.md", "See [[Slides]].\n")
        write_article(repo, f"{lang}/Plugins/Slides.md", "Try [[Slides demo]].\n")
        write_article(repo, f"{lang}/Attachments/Slides demo.md", "## One\n---\n## Two\n")
        for image in ("graph.png", "pane.png", "icons/cog.svg", "icons/send.svg", "clip.mp4", "shot.jpeg")[
                :None if lang == "en" else 1]:  # the translation keeps one image of its own
            (repo / lang / "Attachments" / image).parent.mkdir(parents=True, exist_ok=True)
            (repo / lang / "Attachments" / image).write_bytes(b"\\x89PNG")
    write_article(repo, "en/Images and colour/Palettes.md", "x\n")
    (repo / "en" / "Images and colour" / "palette.png").write_bytes(b"\\x89PNG")
    write_article(repo, "en/Resources/Papers.md", "x\n")  # a folder of papers and their notes: a topic
    for paper in range(6):
        (repo / "en" / "Resources" / f"paper-{paper}.pdf").write_bytes(b"%PDF")
    vault = load_corpus(repo / "en")
    assert "attachments in Attachments/ (no subject)" in vault.detection.reason
    assert {a.path: a.subject for a in vault.articles} == {
        "Home.md": "Uncategorised", "Plugins/Slides.md": "Plugins", "Attachments/Slides demo.md": "Uncategorised",
        "Images and colour/Palettes.md": "Images and colour", "Resources/Papers.md": "Resources"}
    assert {a.path: a.subject for a in load_corpus(repo).articles if "Attachments" in a.path} == {
        "en/Attachments/Slides demo.md": "Uncategorised", "fr/Attachments/Slides demo.md": "Uncategorised"}


def test_a_note_kept_in_the_attachment_folder_a_vaults_settings_name_is_filed_under_no_topic(tmp_path: Path):
    """A vault's settings put pasted images in Files/ (Files and links: "Default location for new attachments",
    attachmentFolderPath), where the Excalidraw plugin saves its drawings too: the drawings' subject was
    "Files", a folder named like no attachments' folder. The folder the settings name is one, as
    Attachments/ is; a folder of that name that holds notes more than images, or a folder the settings do not
    name, stays a subject."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    (vault / ".obsidian/app.json").write_text('{"attachmentFolderPath": "Files"}')
    write_article(vault, "Notes/Plan.md", "See ![[Flow.excalidraw]].\n")
    write_article(vault, "Files/Flow.excalidraw.md", "---\nexcalidraw-plugin: parsed\n---\n# Text Elements\n")
    write_article(vault, "Stash/Old.md", "x\n")
    for folder in ("Files", "Stash"):
        for image in range(6):
            (vault / folder / f"Pasted image {image}.png").write_bytes(b"\x89PNG")
    result = load_corpus(vault)
    assert "attachments in Files/ (no subject)" in result.detection.reason
    assert {a.path: a.subject for a in result.articles} == {
        "Notes/Plan.md": "Notes", "Files/Flow.excalidraw.md": "Uncategorised", "Stash/Old.md": "Stash"}
    for name in ("a", "b", "c"):
        write_article(vault, f"Files/{name}.md", "x\n")
    assert {a.subject for a in load_corpus(vault).articles if a.path.startswith("Files/")} == {"Files"}


def test_a_single_language_folder_published_as_a_site_is_a_language_vault(tmp_path: Path):
    """A developer-docs repository keeps its vault's settings at the root (.obsidian/) and its only language so
    far in en/, a Publish site of its own (en/publish.css), beside a README and build scripts' notes. Every
    en/ note's subject was "en" and no note had its site url; now en/ is a language's vault: subjects from its
    folders, urls below /en/, and a link from a root note to a note of en/ still resolves. A lone topic
    folder named like a language (ml/, no Publish files) stays a subject."""
    repo = tmp_path / "docs"
    (repo / ".obsidian").mkdir(parents=True)
    for name, text in {"en/publish.css": ".site-body { }\n", "README.md": "Start at [[Home]].\n",
                       "config/README.md": "Build notes for [[Build a plugin]].\n",
                       "en/Home.md": "See [[Build a plugin]].\n",
                       "en/Getting started/Build a plugin.md": "---\npermalink: build\n---\nBack [[Home]].\n",
                       "en/Reference/Vault.md": "Used by [[Build a plugin]].\n"}.items():
        write_article(repo, name, text)
    result = load_corpus(repo)
    assert "a vault per language (en/)" in result.detection.reason
    assert {a.path: (a.subject, a.url) for a in result.articles if a.path.startswith("en/")} == {
        "en/Home.md": ("Uncategorised", "/en/Home"), "en/Getting started/Build a plugin.md": ("Getting started", "/en/build"),
        "en/Reference/Vault.md": ("Reference", "/en/Reference/Vault")}
    kg = build(repo, out=tmp_path / "out")
    assert ("article:config/README", "article:en/Getting started/Build a plugin") in kg.graph.edges()
    # the repository's own notes are on no language's site: no url
    assert {a.path: a.url for a in result.articles if not a.path.startswith("en/")} == {
        "README.md": None, "config/README.md": None}
    (repo / "en" / "publish.css").unlink()
    assert {a.subject_slug for a in load_corpus(repo).articles if a.path.startswith("en/")} == {"en"}


def test_a_translator_s_vault_in_one_language_folder_does_not_hide_the_others(tmp_path: Path):
    """The help repository asks its translators to open their language's folder as a vault, which then
    holds an .obsidian/ (git ignores it). Built from the root of such a clone, en/ was read as the one
    vault of the repository and every other language's notes were skipped; now every language is read,
    each a vault of its own, as without the .obsidian/."""
    repo = tmp_path / "help"
    (repo / "en" / ".obsidian").mkdir(parents=True)
    for name, text in {"README.md": "Open /en/ as a vault.\n", "en/Home.md": "See [[Sync]].\n",
                       "en/Services/Sync.md": "Back [[Home]].\n", "de/Home.md": "Siehe [[Sync]].\n",
                       "de/Dienste/Sync.md": "Zurück [[Home]].\n"}.items():
        write_article(repo, name, text)
    result = load_corpus(repo)
    assert "en/.obsidian/ folder (an Obsidian vault, one language's of several)" in result.detection.reason
    assert sorted(a.path for a in result.articles) == [
        "README.md", "de/Dienste/Sync.md", "de/Home.md", "en/Home.md", "en/Services/Sync.md"]
    kg = build(repo, out=tmp_path / "out")
    assert ("article:de/Home", "article:de/Dienste/Sync") in kg.graph.edges()


def test_jekyll_root_of_sheets_keeps_its_sheets_without_front_matter(tmp_path: Path):
    """A cheat-sheet collection built on GitHub Pages keeps its sheets at the site's root (devhints:
    ``bash.md``, ``vim.md``...), and jekyll-optional-front-matter publishes the few written without front
    matter there too, with the config's defaults: 2 of 29 sampled devhints sheets were skipped as
    repository files. The repository's own files (README, LICENSE...) stay skipped, as the plugin leaves
    them out; a site whose root holds a few pages and the repository's notes keeps skipping its notes."""
    sheets = {f"tool{i}.md": f"---\ntitle: Tool {i}\ncategory: CLI\n---\n### Usage\n\nRun it.\n" for i in range(10)}
    site = tmp_path / "sheets"
    write_site(site, {
        "_config.yml": "defaults:\n  - scope:\n      path: ''\n      type: pages\n    values:\n      category: Others\n",
        "Gemfile": "source 'https://rubygems.org'\ngem 'github-pages', group: :jekyll_plugins\n",
        **sheets,
        "widgets+.md": "# Widget decorators\n\n## Component\n\nSee [tool 1](./tool1).\n",
        "README.md": "# My sheets\n\nSee [CONTRIBUTING](CONTRIBUTING.md).\n",
        "license.md": "Do what you like.\n",
    })
    result = load_corpus(site)
    widgets = by_key(result)["widgets+"]
    assert (widgets.url, widgets.subject) == ("/widgets+.html", "Others")
    why = {p.path: p.message for p in result.problems}
    assert why == {"license.md": "no front matter: a repository's own file, which GitHub Pages' "
                                 "jekyll-optional-front-matter does not publish"}
    # the root has no index: GitHub Pages' jekyll-readme-index publishes the README as the home page
    assert by_key(result)["/"].path == "README.md"
    assert_every_file_accounted_for(result)
    blog = tmp_path / "blog"
    write_site(blog, {
        "_config.yml": "title: Blog\n",
        "index.md": "---\nlayout: home\n---\n",
        "about.md": "---\ntitle: About\n---\nMe.\n",
        "CHANGELOG.md": "# Changes\n\n- First post\n",
        "notes/draft-ideas.md": "# Ideas\n",
    })
    result = load_corpus(blog)
    assert sorted(a.path for a in result.articles) == ["about.md", "index.md", "notes/draft-ideas.md"]
    assert [p.path for p in result.problems] == ["CHANGELOG.md"]


def test_jekyll_root_index_without_front_matter_is_the_home_page(tmp_path: Path):
    """A GitHub Pages project site's home page is often an index.md without front matter that lists its
    guides (jekyll-optional-front-matter publishes it at /, titled by its opening heading): it was skipped as
    a repository's note at the root, and every link of the site's hub was lost. A root note stays skipped."""
    site = tmp_path / "course"
    write_site(site, {
        "_config.yml": "remote_theme: pages-themes/cayman@v0.2.0\n",
        "index.md": "# Web course\n\n* [1.1 Routing](guides/routing.md)\n* [1.2 Forms](guides/forms.md)\n",
        "NOTES.md": "# Notes to self\n",
        "guides/routing.md": "# Routing\n\nSee [forms](forms.md).\n",
        "guides/forms.md": "---\ntitle: Forms\n---\nBack [home](../index.md).\n",
    })
    from test_links import related

    result = load_corpus(site)
    home = by_key(result)["index"]
    assert (home.path, home.url, home.title) == ("index.md", "/", "Web course")
    assert [p.path for p in result.problems] == ["NOTES.md"]
    assert_every_file_accounted_for(result)
    assert related(site) == {
        ("index", "guides/routing"): ("markdown-link", (1,), False),
        ("index", "guides/forms"): ("markdown-link", (2,), False),
        ("guides/routing", "guides/forms"): ("markdown-link", (1,), False),
        ("guides/forms", "index"): ("markdown-link", (1,), False)}


def test_github_pages_project_site_links_written_with_its_repository_path_lead_into_it(tmp_path: Path):
    """GitHub Pages publishes a project's site at OWNER.github.io/REPOSITORY/: with no baseurl in the config,
    jekyll-github-metadata sets it to /REPOSITORY, and a guide's link back home, [Back](/web-course/), leads to
    the home page; it was a stub. The repository is the config's, the clone's remote or the folder's name (a
    downloaded archive's without its branch). A baseurl: "" of the config's own changes nothing (GitHub Pages
    serves the site there all the same); a custom domain (CNAME) or a folder of the site so named keep the
    links as they were."""
    from test_links import related

    pages = {
        "index.md": "# Web course\n\n* [Routing](guides/routing.md)\n",
        "guides/routing.md": "[Back](/web-course/)\n\n# Routing\n\n[Forms](/web-course/guides/forms.html)\n",
        "guides/forms.md": "---\ntitle: Forms\n---\n[Back](/web-course/)\n",
    }
    site = tmp_path / "web-course-main"
    write_site(site, {"_config.yml": "remote_theme: pages-themes/cayman@v0.2.0\n", **pages})
    assert related(site) == {
        ("index", "guides/routing"): ("markdown-link", (1,), False),
        ("guides/routing", "index"): ("markdown-link", (1,), False),
        ("guides/routing", "guides/forms"): ("markdown-link", (2,), False),
        ("guides/forms", "index"): ("markdown-link", (1,), False)}
    assert "a GitHub Pages project site, at /web-course/" in detect(site).line()
    named = tmp_path / "clone"
    write_site(named, {"_config.yml": "repository: ada/web-course\n", **pages,
                       "guides/more.md": "---\ntitle: More\n---\n[Forms](https://ada.github.io/web-course/guides/forms.html)\n"})
    assert related(named)[("guides/forms", "index")] == ("markdown-link", (1,), False)
    assert related(named)[("guides/more", "guides/forms")] == ("markdown-link", (1,), False)  # the owner's host too
    empty = tmp_path / "empty" / "web-course"
    write_site(empty, {"_config.yml": "baseurl: ''\n", **pages})
    assert related(empty)[("guides/forms", "index")] == ("markdown-link", (1,), False)
    docs = tmp_path / "repository" / "web-course"  # GitHub Pages publishes its docs/: the repository's name
    write_site(docs, {"README.md": "# The code\n", **{f"docs/{name}": text for name, text in
                                                     {"_config.yml": "theme: minima\n", **pages}.items()}})
    assert related(docs)[("docs/guides/forms", "docs/index")] == ("markdown-link", (1,), False)
    for config, extra in (("title: Course\n", {"CNAME": "course.example.org\n"}),
                          ("title: Course\n", {"web-course/notes.md": "# Notes\n"})):
        other = tmp_path / "other" / "web-course"
        shutil.rmtree(other.parent, ignore_errors=True)
        write_site(other, {"_config.yml": config, **extra, **pages})
        assert related(other)[("guides/forms", "/web-course")] == ("markdown-link", (1,), True), config


def test_academicpages_publications_are_filed_under_the_titles_of_their_categories(tmp_path: Path):
    """academicpages' publications page heads each category's publications with the title its config's
    publication_category gives it (manuscripts: Journal Articles): a publication was filed under the key,
    "manuscripts". A category the config does not title, and a publication without one, are as before."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Me\npublication_category:\n  books:\n    title: 'Books'\n  manuscripts:\n"
                       "    title: 'Journal Articles'\n  conferences:\n    title: 'Conference Papers'\n"
                       "collections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n",
        "_publications/2023-sum-tests.md": "---\ntitle: Sum tests\ncategory: manuscripts\n---\nAbstract.\n",
        "_publications/2024-closed-testing.md": "---\ntitle: Closed testing\ncategory: conferences\n---\n",
        "_publications/2022-notes.md": "---\ntitle: Notes\ncategory: preprints\n---\n",
        "_publications/2021-thesis.md": "---\ntitle: Thesis\n---\n",
    })
    result = load_corpus(site)
    assert {a.title: a.subject for a in result.articles} == {
        "Sum tests": "Journal Articles", "Closed testing": "Conference Papers", "Notes": "preprints",
        "Thesis": "Publications"}


def test_a_jekyll_config_written_as_front_matter_is_read_as_jekyll_reads_it(tmp_path: Path):
    """A _config.yml written with --- lines around its first settings (a theme's instructions pasted in) is
    a YAML stream of two documents, of which Jekyll reads the first alone: qagraph read none of it (a
    warning: not YAML that can be read), so the posts lost the config's permalink. The settings after the
    second --- are not used, and a warning says so."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "---\nremote_theme: pages-themes/cayman@v0.2.0\npermalink: /:title/\n---\n"
                       "title: [My notes]\npermalink: /blog/:title/\n",
        "_posts/2020-01-01-hello.md": "---\ntitle: Hello\n---\n[again](/again/)\n",
        "_posts/2020-01-02-again.md": "---\ntitle: Again\n---\n",
    })
    result = load_corpus(site)
    assert {a.title: a.url for a in result.articles} == {"Hello": "/hello/", "Again": "/again/"}
    assert [(p.path, p.line, p.message) for p in result.problems] == [
        ("_config.yml", 4, "a second YAML document (a --- line) and what follows it are not used: Jekyll reads the "
                           "first one alone")]


def test_a_repository_s_docs_folder_whose_config_names_a_theme_is_its_jekyll_site(tmp_path: Path):
    """GitHub Pages' theme chooser writes theme: jekyll-theme-cayman in the docs/ folder it publishes: a
    repository whose docs/ holds only such a config and its pages was read as plain notes, the code's README
    among them, and its links to the pages' .html urls were stubs."""
    write_site(tmp_path / "repo", {
        "README.md": "# The tool\n\nRun it.\n",
        "src/notes.md": "# Code notes\n",
        "docs/_config.yml": "theme: jekyll-theme-cayman\n",
        "docs/index.md": "# The tool's guide\n\n* [Install](install.html)\n",
        "docs/install.md": "---\nlayout: default\n---\n# Install\n\nBack [home](./).\n",
    })
    result = load_corpus(tmp_path / "repo")
    assert result.detection.preset == "jekyll"
    assert {a.path: (a.url, a.title) for a in result.articles} == {
        "docs/index.md": ("/", "The tool's guide"), "docs/install.md": ("/install.html", "Install")}
    assert sorted(p.path for p in result.problems) == ["README.md", "src/notes.md"]


def test_a_jekyll_site_in_a_repository_folder_publishes_its_root_files_without_front_matter(tmp_path: Path):
    """A repository's docs/ site holds the site's pages alone (the repository's notes, its CHANGELOG, are above
    it): jekyll-optional-front-matter publishes a page written without front matter at its root, docs/install.md
    at /install.html; it was skipped as a repository's note, and the guide's link to it was a stub. A README
    there stays out, as the plugin leaves it out."""
    from test_links import related

    site = tmp_path / "repo"
    write_site(site, {
        "README.md": "# The tool\n",
        "CHANGELOG.md": "# Changes\n",
        "docs/_config.yml": "theme: jekyll-theme-cayman\n",
        "docs/index.md": "# Guide\n\n* [Install](install.md)\n",
        "docs/install.md": "# Install\n\nBack [home](./).\n",
        "docs/README.md": "# About these docs\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.title) for a in result.articles} == {
        "docs/index.md": ("/", "Guide"), "docs/install.md": ("/install.html", "Install")}
    assert {p.path: p.message for p in result.problems}["docs/README.md"] == (
        "no front matter: a repository's own file, which GitHub Pages' jekyll-optional-front-matter does not publish")
    assert related(site) == {("docs/index", "docs/install"): ("markdown-link", (1,), False),
                             ("docs/install", "docs/index"): ("markdown-link", (1,), False)}


ASTRO_BLOG = {
    "astro.config.mjs": "// @ts-check\nimport { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\n\n"
                        "export default defineConfig({\n\tsite: 'https://example.com',\n\tintegrations: [mdx()],\n});\n",
    "src/content.config.ts": "import { defineCollection, z } from 'astro:content';\nimport { glob } from 'astro/loaders';\n\n"
                             "const blog = defineCollection({\n\tloader: glob({ base: './src/content/blog', pattern: "
                             "'**/*.{md,mdx}' }),\n});\n\nexport const collections = { blog };\n",
    "src/pages/blog/[...slug].astro": "---\nimport { type CollectionEntry, getCollection, render } from 'astro:content';\n"
                                      "import BlogPost from '../../layouts/BlogPost.astro';\n\n"
                                      "export async function getStaticPaths() {\n\tconst posts = await getCollection('blog');\n"
                                      "\treturn posts.map((post) => ({\n\t\tparams: { slug: post.id },\n\t\tprops: post,\n"
                                      "\t}));\n}\nconst post = Astro.props;\n---\n<BlogPost {...post.data} />\n",
    "src/pages/blog/[...page].astro": "---\nimport { getCollection } from 'astro:content';\n"
                                      "export async function getStaticPaths({ paginate }) {\n"
                                      "\tconst posts = await getCollection('blog');\n\treturn paginate(posts, { pageSize: 10 });\n}\n---\n",
    "src/content/blog/first-post.md": "---\ntitle: 'First post'\ndescription: 'Lorem ipsum'\npubDate: 'Jul 08 2022'\n---\n\n"
                                      "Next: [second](/blog/second-post/) and [the guide](https://example.com/blog/guides/markdown_style/).\n",
    "src/content/blog/Second Post.md": "---\ntitle: 'Second post'\npubDate: 'Jul 15 2022'\n---\n\nBack to [first](/blog/first-post/).\n",
    "src/content/blog/guides/Markdown_Style.mdx": "---\ntitle: 'Markdown Style Guide'\npubDate: 'Jun 19 2024'\n---\n"
                                                 "import Foo from '../../components/Foo.astro';\n\nSee [the first post](../../first-post/).\n",
    "src/content/blog/moved.md": "---\ntitle: 'Moved'\nslug: elsewhere/moved-post\npubDate: 'Jun 20 2024'\n---\n"
                                 "[m](/blog/elsewhere/moved-post/)\n",
}


def test_an_astro_content_collection_entry_is_at_the_url_its_route_gives_it(tmp_path: Path):
    """An Astro blog publishes each entry of its collection by the dynamic route whose ``getStaticPaths``
    passes the entry's ``id`` (or ``slug``) as the route's parameter (``src/pages/blog/[...slug].astro``):
    ``/blog/`` and the entry's id, its path below the collection without suffix, each part slugged as
    GitHub slugs headings (``Second Post.md``: ``second-post``), or its ``slug`` field. The entries had no
    url: links to ``/blog/x/`` on the site's url, or relative ones (``../first-post/``), were stubs."""
    import qagraph

    site = tmp_path / "astro"
    write_site(site, ASTRO_BLOG)
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "src/content/blog/first-post.md": "/blog/first-post/", "src/content/blog/Second Post.md": "/blog/second-post/",
        "src/content/blog/guides/Markdown_Style.mdx": "/blog/guides/markdown_style/",
        "src/content/blog/moved.md": "/blog/elsewhere/moved-post/"}
    assert result.fields.site_url == "https://example.com"
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("src/content/blog/first-post.md") == [
        kg.article("src/content/blog/Second Post.md"), kg.article("src/content/blog/guides/Markdown_Style.mdx")]
    assert kg.related("src/content/blog/guides/Markdown_Style.mdx") == [kg.article("src/content/blog/first-post.md")]


def test_an_astro_site_s_markdown_pages_are_pages_at_their_routes(tmp_path: Path):
    """Astro renders a Markdown file of ``src/pages/`` as a page at its path (``about.md`` at ``/about/``, an
    ``index.md`` at its folder's url), beside the entries of its content collections (AstroPaper's about.md);
    a file whose name starts with ``_`` is no route. They were skipped as outside the content folder
    ``src/content/``, and every link to ``/about/`` made a stub."""
    import qagraph

    site = tmp_path / "astro"
    write_site(site, {
        "astro.config.mjs": "import { defineConfig } from 'astro/config';\n"
                            "export default defineConfig({ site: 'https://paper.example.com/' });\n",
        "src/pages/about.md": "---\nlayout: ../layouts/AboutLayout.astro\ntitle: About\n---\n"
                              "I write about [this](/posts/this-keyword/); see [uses](/uses).\n",
        "src/pages/uses/index.md": "---\nlayout: ../../layouts/Page.astro\ntitle: Uses\n---\nBack to [about](/about/).\n",
        "src/pages/_draft.md": "---\ntitle: Draft\n---\nno route\n",
        "src/pages/posts/[slug].astro": "---\nimport { getCollection } from 'astro:content';\n"
                                        "export async function getStaticPaths() {\n  const posts = await getCollection('blog');\n"
                                        "  return posts.map(post => ({ params: { slug: post.id }, props: { post } }));\n}\n---\n",
        "src/content/blog/this-keyword.md": "---\ntitle: The this keyword\ntags: [javascript]\n---\n"
                                            "By [me](/about/).\n",
        "README.md": "# astro-paper\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "src/pages/about.md": "/about/", "src/pages/uses/index.md": "/uses/",
        "src/content/blog/this-keyword.md": "/posts/this-keyword/"}
    assert {a.path: a.subject for a in result.articles}["src/content/blog/this-keyword.md"] == "Blog"
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert set(why) == {"src/pages/_draft.md", "README.md"} and "starts with _" in why["src/pages/_draft.md"]
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("src/pages/about.md") == [kg.article("src/content/blog/this-keyword.md"),
                                               kg.article("src/pages/uses/index.md")]
    assert kg.related("src/content/blog/this-keyword.md") == [kg.article("src/pages/about.md")]


def test_an_astro_site_built_as_files_has_its_pages_at_html_urls(tmp_path: Path):
    """Astro's ``build: { format: 'file' }`` writes each page as a file named for its route: a Markdown page of
    ``src/pages/`` at ``/about.html``, a folder's ``index.md`` at ``/guide.html`` (the site's own at ``/``), a
    collection's entry at ``/blog/first.html``, a Starlight page at ``/guides/example.html``; ``'preserve'`` keeps
    an index at its folder's url. The pages of ``src/pages/`` were skipped, so every link to ``/about.html`` was
    a stub, and a Starlight site's pages were at ``/guides/example/``, where no link named them."""
    import qagraph

    site = tmp_path / "astro"
    config = ("import { defineConfig } from 'astro/config';\nexport default defineConfig({\n"
              "  site: 'https://example.com',\n  trailingSlash: 'never',\n  build: {\n    format: 'file',\n  },\n});\n")
    write_site(site, {
        "astro.config.mjs": config,
        "src/pages/index.md": "---\ntitle: Home\n---\nRead [about](/about.html).\n",
        "src/pages/about.md": "---\ntitle: About\n---\nSee [the guide](/guide.html), [setup](guide/setup.html) and "
                              "[the first post](/blog/first.html).\n",
        "src/pages/guide/index.md": "---\ntitle: Guide\n---\nStart at [setup](https://example.com/guide/setup.html).\n",
        "src/pages/guide/setup.md": "---\ntitle: Setup\n---\nBack to [the guide](../guide.html), then [install](install.html).\n",
        "src/pages/guide/install.md": "---\ntitle: Install\n---\nSee [about](/about).\n",
        "src/pages/blog/[slug].astro": "---\nimport { getCollection } from 'astro:content';\n"
                                       "export async function getStaticPaths() {\n  const posts = await getCollection('blog');\n"
                                       "  return posts.map(post => ({ params: { slug: post.id }, props: { post } }));\n}\n---\n",
        "src/content/blog/first.md": "---\ntitle: First\n---\nSee [about](/about.html) and [setup](/guide/setup.html).\n",
    })
    result = load_corpus(site)
    assert {a.path: a.url for a in result.articles} == {
        "src/pages/index.md": "/", "src/pages/about.md": "/about.html", "src/pages/guide/index.md": "/guide.html",
        "src/pages/guide/setup.md": "/guide/setup.html", "src/pages/guide/install.md": "/guide/install.html",
        "src/content/blog/first.md": "/blog/first.html"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("src/pages/about.md") == [
        kg.article("src/pages/guide/index.md"), kg.article("src/pages/guide/setup.md"), kg.article("src/content/blog/first.md")]
    assert kg.related("src/pages/guide/setup.md") == [
        kg.article("src/pages/guide/index.md"), kg.article("src/pages/guide/install.md")]
    assert kg.related("src/content/blog/first.md") == [
        kg.article("src/pages/about.md"), kg.article("src/pages/guide/setup.md")]

    (site / "astro.config.mjs").write_text(config.replace("'file'", "'preserve'"), encoding="utf-8")
    assert {a.path: a.url for a in load_corpus(site).articles if a.path.startswith("src/pages/guide/")} == {
        "src/pages/guide/index.md": "/guide/", "src/pages/guide/setup.md": "/guide/setup.html",
        "src/pages/guide/install.md": "/guide/install.html"}

    docs = tmp_path / "docs"
    write_site(docs, {
        "astro.config.mjs": "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n"
                            "export default defineConfig({\n\tbuild: { format: 'file' },\n"
                            "\tintegrations: [starlight({ title: 'My Docs' })],\n});\n",
        "src/content/docs/index.mdx": "---\ntitle: Welcome\n---\nSee [the example](/guides/example.html).\n",
        "src/content/docs/guides/example.md": "---\ntitle: Example Guide\n---\nSee the [reference](../reference.html).\n",
        "src/content/docs/reference/index.md": "---\ntitle: Reference\n---\nBack [home](/).\n",
    })
    assert {a.path.removeprefix("src/content/docs/"): a.url for a in load_corpus(docs).articles} == {
        "index.mdx": "/", "guides/example.md": "/guides/example.html", "reference/index.md": "/reference.html"}
    kg = qagraph.build(docs, out=tmp_path / "docs-out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("src/content/docs/guides/example.md") == [kg.article("src/content/docs/reference/index.md")]


@pytest.mark.parametrize("kind", ["pages", "starlight", "no-site"])
def test_an_astro_site_s_links_below_its_base_lead_to_its_pages(tmp_path: Path, kind: str):
    """Astro publishes a site of ``base: '/docs'`` below that path, and leaves a page's own links as written, so
    they name it (``/docs/guide/setup.html``, ``https://example.com/docs/guide/setup.html`` with its ``site``);
    as GitHub Pages' deploy guide writes it, ``base: 'repo'`` too. The base was not read: every such link was a
    stub. A base in a comment, or another object's (Vite's), is none of the site's."""
    import qagraph

    site = tmp_path / "astro"
    starlight = kind == "starlight"
    end = "/" if starlight else ".html"
    home = "src/content/docs/index.mdx" if starlight else "src/pages/index.md"
    folder = "src/content/docs/" if starlight else "src/pages/"
    config = ("import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n"
              "export default defineConfig({\n  // base: '/old',\n  vite: { base: '/assets' },\n"
              + ("" if kind == "no-site" else "  site: 'https://example.com',\n")
              + ("  base: 'docs',\n" if starlight else "  base: '/docs',\n  build: { format: 'file' },\n")
              + ("  integrations: [starlight({ title: 'Docs' })],\n" if starlight else "") + "});\n")
    full = "" if kind == "no-site" else "https://example.com"
    write_site(site, {
        "astro.config.mjs": config,
        home: f"---\ntitle: Home\n---\nRead [setup](/docs/guide/setup{end}) and [the guide]({full}/docs/guide{end}).\n",
        f"{folder}guide/index.md": "---\ntitle: Guide\n---\nBack [home](/docs/).\n",
        f"{folder}guide/setup.md": f"---\ntitle: Setup\n---\nSee [the guide](/docs/guide{end}).\n",
    })
    assert load_corpus(site).fields.site_url == f"{full}/docs"
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related(home) == [kg.article(f"{folder}guide/setup.md"), kg.article(f"{folder}guide/index.md")]
    assert kg.related(f"{folder}guide/index.md") == [kg.article(home)]


def test_an_astro_site_of_markdown_pages_alone_reads_its_pages_folder(tmp_path: Path):
    """An Astro site without content collections whose pages are Markdown files of ``src/pages/`` publishes
    each at its route: the folders below ``src/pages/`` are its sections, a ``_`` file no page, the
    repository's README none. It was read as a plain folder: no urls (each link a stub), the README and the
    ``_`` file pages."""
    import qagraph

    site = tmp_path / "astro"
    write_site(site, {
        "astro.config.mjs": "export default {};\n",
        "src/pages/index.md": "---\ntitle: Home\n---\nRead [the first post](/blog/first/).\n",
        "src/pages/blog/first.md": "---\ntitle: First\n---\nBack [home](/).\n",
        "src/pages/blog/_unpublished.md": "---\ntitle: Later\n---\n",
        "README.md": "# my site\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "src/pages/index.md": ("/", "Uncategorised"), "src/pages/blog/first.md": ("/blog/first/", "Blog")}
    assert {p.path for p in result.problems if p.severity == SKIPPED} == {"src/pages/blog/_unpublished.md", "README.md"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0


def test_a_starlight_site_s_pages_are_at_their_ids_urls(tmp_path: Path):
    """Starlight publishes each page of ``src/content/docs/`` at its id's url, each part slugged
    (``reference/Config Options.md`` at ``/reference/config-options/``), the ``index`` at the site's root, and its
    ``<LinkCard href>`` and ``<Card href>`` are links. The pages had no url: a relative link read from the page's
    url (``../../reference/example/``) was lost, and the cards linked nowhere."""
    import qagraph

    site = tmp_path / "docs"
    write_site(site, {
        "astro.config.mjs": "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n"
                            "export default defineConfig({\n\tsite: 'https://docs.example.com',\n"
                            "\tintegrations: [starlight({ title: 'My Docs' })],\n});\n",
        "src/content/docs/index.mdx": "---\ntitle: Welcome to Starlight\ntemplate: splash\n---\n\n"
                                      "import { LinkCard } from '@astrojs/starlight/components';\n\n"
                                      "<LinkCard title=\"Example\" href=\"/guides/example/\" />\n",
        "src/content/docs/guides/example.md": "---\ntitle: Example Guide\n---\n\n"
                                              "See the [reference](../../reference/example/) and go [home](/).\n",
        "src/content/docs/reference/example.md": "---\ntitle: Example Reference\n---\n\n"
                                                 "See the [options](../config-options/).\n",
        "src/content/docs/reference/Config Options.md": "---\ntitle: Configuration options\n---\n",
    })
    result = load_corpus(site)
    assert {a.path.removeprefix("src/content/docs/"): a.url for a in result.articles} == {
        "index.mdx": "/", "guides/example.md": "/guides/example/", "reference/example.md": "/reference/example/",
        "reference/Config Options.md": "/reference/config-options/"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("src/content/docs/index.mdx") == [kg.article("src/content/docs/guides/example.md")]
    assert kg.related("src/content/docs/guides/example.md") == [
        kg.article("src/content/docs/reference/example.md"), kg.article("src/content/docs/index.mdx")]
    assert kg.related("src/content/docs/reference/example.md") == [
        kg.article("src/content/docs/reference/Config Options.md")]


def test_an_astro_site_whose_code_globs_its_markdown_reads_the_files_it_loads(tmp_path: Path):
    """An Astro site without content collections whose code loads its pages with Vite's import.meta.glob
    (devhints since 2024: ``src/lib/page.ts`` globs ``../../*.md`` and ``../../*/*.md`` but README, index...,
    each sheet a page of ``[...slug].astro``) was read as a plain folder: no urls, the repository's README
    and the left-out index as articles, a loaded page without front matter skipped (32 devhints sheets had
    no url, 1 loaded page was lost). The files a call takes and does not leave out are pages at their paths
    (``build: {format: 'file'}``: ``/vim.html``); the others are skipped, saying why. The links of the
    front-matter fields its components show (an intro as Markdown, a newer sheet's path in an href) are the
    page's: devhints' deprecated_by and intro links were lost; so is the category its code falls back on
    (``page.frontmatter.category ?? 'Others'``), where sheets without one were Uncategorised, and an untitled
    page is titled by its name where the code says so (``title ?? page.slug``), not by its first heading."""
    site = tmp_path / "site"
    write_site(site, {
        "astro.config.mjs": "import { defineConfig } from 'astro/config'\n"
                            "export default defineConfig({\n  site: 'https://sheets.example',\n"
                            "  build: { format: 'file' /* vim.html */ },\n  // build: { format: 'directory' },\n})\n",
        "src/lib/pages.ts": "export function getPages() {\n  return import.meta.glob(\n"
                            "    ['../../*.md', '../../*/*.md', '!../../README.md', '!../../index.md'],\n"
                            "    { eager: true, query: '?raw', import: 'default' })\n}\n"
                            "const styles = import.meta.glob('../styles/*.css')\n",
        "src/pages/[...slug].astro": "---\nimport { getPages } from '~/lib/pages'\n---\n<main />\n",
        "src/components/Sheet.astro": "---\nconst page = Astro.props.page\nconst newer = page.frontmatter.newer_by\n"
                                      "const edit = editLink(page)\nconst intro = page.frontmatter.intro\n"
                                      "  ? snarkdown(page.frontmatter.intro) : null\n---\n"
                                      "{newer ? <a href={newer}>Newer</a> : null}<a href={edit}>Edit</a>\n"
                                      "<Fragment set:html={intro} />\n",
        "vim@7.md": "---\ntitle: Vim 7\nnewer_by: /vim\nintro: Old. See [tmux](./tmux) too.\n---\nText.\n",
        "src/lib/lists.ts": "for (const page of pages) {\n  const name = page.frontmatter.category ?? 'Others'\n"
                            "  const title = page.frontmatter.title ?? page.slug\n}\n",
        "vim.md": "---\ntitle: Vim\ncategory: Editors\n---\n### Exiting\n\nSee [the guide](/guide/style) and [tmux](./tmux).\n",
        "tmux.md": "# Tmux keys\n\n### Panes\n\nSplit them.\n",
        "guide/style.md": "---\ntitle: Style guide\ncategory: Guides\n---\nBack to [vim](/vim).\n",
        "index.md": "---\ntype: home\n---\n",
        "README.md": "# Sheets\n",
        "guide/old/legacy.md": "---\ntitle: Legacy\n---\n",
    })
    result = load_corpus(site)
    pages = {a.path: (a.url, a.title) for a in result.articles}
    assert pages == {"vim.md": ("/vim.html", "Vim"), "tmux.md": ("/tmux.html", "tmux"),
                     "vim@7.md": ("/vim@7.html", "Vim 7"),
                     "guide/style.md": ("/guide/style.html", "Style guide")}
    # the category its code falls back on, where a page gives none (or has no front matter)
    assert {a.path: a.subject for a in result.articles} == {
        "vim.md": "Editors", "tmux.md": "Others", "vim@7.md": "Others", "guide/style.md": "Guides"}
    why = "not among the files the site's code loads (src/lib/pages.ts's import.meta.glob): not a page"
    assert {p.path: p.message for p in result.problems} == {
        "index.md": why, "README.md": why, "guide/old/legacy.md": why}
    assert_every_file_accounted_for(result)
    kg = build(site, out=tmp_path / "out")
    assert sorted(kg.graph.nodes[n]["url"] for n in kg.related("article:vim")) == ["/guide/style.html", "/tmux.html"]
    # the fields its components show: the intro as Markdown, newer_by as a link's href
    assert sorted(kg.graph.nodes[n]["url"] for n in kg.related("article:vim@7")) == ["/tmux.html", "/vim.html"]
    # Markdown pages in src/pages/ are Astro's own routes: its globs alone do not say what the pages are, and
    # the site is read as one of Markdown pages (at their routes as files, as its build.format writes them)
    write_article(site, "src/pages/about.md", "---\ntitle: About\n---\nHi.\n")
    assert {a.path: a.url for a in load_corpus(site).articles} == {"src/pages/about.md": "/about.html"}


#: a GitHub Docs repository in miniature: content/<product>/<...>.md with versions mappings, index pages that
#: list their children by their paths from their own folder, topics, old urls in redirect_from
GITHUB_DOCS_PAGES = {
    "content/index.md": "---\ntitle: Docs home\nversions: '*'\nchildren:\n  - widgets\n  - gadgets\n---\n",
    "content/widgets/index.md": ("---\ntitle: Widgets\nversions:\n  fpt: '*'\n  ghes: '*'\nchildren:\n"
                                 "  - /first-steps\n  - /tuning\n  - /not-written-yet\n---\n"),
    "content/widgets/first-steps/index.md": ("---\ntitle: First steps with widgets\nversions:\n  fpt: '*'\n"
                                             "children:\n  - /build-a-widget\n---\n"),
    "content/widgets/first-steps/build-a-widget.md": (
        "---\ntitle: Build a widget\nversions:\n  fpt: '*'\n  ghec: '*'\ntopics:\n  - Getting started\n  - Tools\n"
        "redirect_from:\n  - /articles/making-widgets\n  - /widgets/old/build\n---\n\nThen see [AUTOTITLE](/articles/tuning-widgets).\n"),
    "content/widgets/tuning.md": ("---\ntitle: Tuning widgets\nversions:\n  free-pro-team: '*'\n  enterprise-server: '>=3.1'\n"
                                  "redirect_from:\n  - /articles/tuning-widgets\ncategory:\n  - Make them faster\n---\n\n"
                                  "First [build one](/articles/making-widgets), or read [AUTOTITLE](/widgets/not-written-yet).\n"),
    "content/gadgets/index.md": "---\ntitle: Gadgets\nversions:\n  fpt: '*'\ntopics:\n  - Tools\n---\n",
    "content/odd name without front matter": "spam\n",
    "data/reusables/widgets/note.md": "A note, shown on pages.\n",
}


def test_github_docs_pages_are_at_their_paths_under_their_product(tmp_path: Path):
    """GitHub Docs' content was read as a folder of notes: no urls, its topics no keywords, its index pages'
    children lists no links and links to a page's old urls (its redirect_from paths) stubs. The site
    publishes each page at its path below content/ (an index at its folder's), under its product (the top
    folder, whatever a page's category says); an index page links to its children, which it lists by their
    paths from its folder, and a redirect_from path reaches its page."""
    import qagraph

    write_site(tmp_path / "docs", GITHUB_DOCS_PAGES)
    result = load_corpus(tmp_path / "docs")
    assert result.detection is not None and "GitHub Docs" in result.detection.reason
    assert {a.path: (a.url, a.title, a.subject, a.keywords) for a in result.articles} == {
        "content/index.md": ("/", "Docs home", "Uncategorised", ()),
        "content/widgets/index.md": ("/widgets", "Widgets", "Widgets", ()),
        "content/widgets/first-steps/index.md": ("/widgets/first-steps", "First steps with widgets", "Widgets", ()),
        "content/widgets/first-steps/build-a-widget.md": (
            "/widgets/first-steps/build-a-widget", "Build a widget", "Widgets", ("Getting started", "Tools")),
        "content/widgets/tuning.md": ("/widgets/tuning", "Tuning widgets", "Widgets", ()),
        "content/gadgets/index.md": ("/gadgets", "Gadgets", "Gadgets", ("Tools",))}
    assert_every_file_accounted_for(result)
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    by_path = {a.path: a.key for a in result.articles}

    def related(path: str) -> list[str]:
        return [kg.graph.nodes[n].get("url") or n for n in kg.related(by_path[path])]

    assert related("content/index.md") == ["/widgets", "/gadgets"]
    assert related("content/widgets/index.md") == ["/widgets/first-steps", "/widgets/tuning", "/widgets/not-written-yet"]
    assert related("content/widgets/first-steps/index.md") == ["/widgets/first-steps/build-a-widget"]
    assert related("content/widgets/first-steps/build-a-widget.md") == ["/widgets/tuning"]
    assert related("content/widgets/tuning.md") == ["/widgets/first-steps/build-a-widget", "/widgets/not-written-yet"]
    assert kg.counts.get("stubs", 0) == 1  # the page a child and a link both name, once


def test_github_docs_links_with_a_language_or_plan_reach_the_page(tmp_path: Path):
    """GitHub Docs writes many links with the language or the plan they show the page for
    (/en/widgets/tuning, /enterprise-cloud@latest/widgets/tuning), and puts a plan's prefix in a Liquid
    condition ({% ifversion fpt %}/enterprise-cloud@latest{% endif %}/widgets/tuning): those were stubs,
    or no link at all. They reach the page the rest of the path names; a missing one is the one stub
    the plain path makes."""
    import qagraph

    pages = dict(GITHUB_DOCS_PAGES)
    pages["content/gadgets/index.md"] += (
        "\nSee [AUTOTITLE](/en/widgets/tuning), [AUTOTITLE](/enterprise-server@3.10/widgets/first-steps),\n"
        "[plans]({% ifversion fpt %}/enterprise-cloud@latest{% endif %}/widgets),\n"
        "[other]({% ifversion ghes %}/en/widgets/tuning{% else %}/free-pro-team@latest/gadgets{% endif %}#top),\n"
        "[gone](/ja/enterprise-cloud@latest/widgets/not-written-yet) and [home](/en).\n"
        "Also [the site's](https://docs.github.com/en/widgets/first-steps/build-a-widget), not [another's](https://example.org/en/widgets).\n")
    write_site(tmp_path / "docs", pages)
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    by_path = {a.path: a.key for a in load_corpus(tmp_path / "docs").articles}
    assert [kg.graph.nodes[n].get("url") or n for n in kg.related(by_path["content/gadgets/index.md"])] == [
        "/widgets/tuning", "/widgets/first-steps", "/widgets", "/widgets/not-written-yet", "/",
        "/widgets/first-steps/build-a-widget"]
    assert kg.counts.get("stubs", 0) == 1


@pytest.mark.parametrize("read", ["docs", "docs/content"])
def test_github_docs_reusable_texts_bring_their_links(tmp_path: Path, read: str):
    """A GitHub Docs page shows the reusable texts of data/reusables/ it names ({% data reusables.widgets.more %});
    their links (most "For more information" lines) were lost. They are the page's links now, at the line of
    the tag, those of a text another text shows too, whether the repository or its content/ folder is read;
    a {% data variables... %} word and a reusable without links add none."""
    import qagraph

    pages = dict(GITHUB_DOCS_PAGES)
    pages["data/reusables/widgets/more.md"] = "For more, see [AUTOTITLE](/en/widgets/tuning).\n{% data reusables.widgets.home %}\n"
    pages["data/reusables/widgets/home.md"] = "Back to [the gadgets](/gadgets).\n"
    pages["content/widgets/first-steps/index.md"] += (
        "\n{% data variables.product.name %} steps.\n\n{% data reusables.widgets.note %}\n{% data reusables.widgets.more %}\n")
    write_site(tmp_path / "docs", pages)
    kg = qagraph.build(tmp_path / read, out=tmp_path / "out")
    by_path = {a.path.removeprefix("content/"): a.key for a in load_corpus(tmp_path / read).articles}
    assert [kg.graph.nodes[n].get("url") or n for n in kg.related(by_path["widgets/first-steps/index.md"])] == [
        "/widgets/first-steps/build-a-widget", "/widgets/tuning", "/gadgets"]


def test_github_docs_titles_and_link_texts_show_their_variables(tmp_path: Path):
    """GitHub Docs writes product names in titles and link texts as {% data variables.product.x %} and
    shows some words only for a plan ({% ifversion ghes %}...{% endif %}): titles and link texts were that
    Liquid. They read as the site shows them on its default plan, with the words of data/variables/;
    a variable it does not have is left as written."""
    import qagraph

    pages = dict(GITHUB_DOCS_PAGES)
    pages["data/variables/product.yml"] = (
        "prodname_widgets: 'Widget Hub'\nproduct_name: >-\n  {% ifversion ghes %}Widget Server{% else %}Widgets{% endif %}\n")
    pages["content/gadgets/index.md"] = (
        "---\ntitle: 'Gadgets for {% data variables.product.prodname_widgets %}{% ifversion ghes %} servers{% endif %}'\n"
        "versions:\n  fpt: '*'\n---\n\nSee [{% data variables.product.product_name %} plans](/pricing/plans) and "
        "[{% data variables.product.unknown %} things](/pricing/things).\n")
    write_site(tmp_path / "docs", pages)
    pages["content/gadgets/index.md"] = pages["content/gadgets/index.md"].replace(
        "versions:", "intro: 'Small things for {% data variables.product.prodname_widgets %} users.'\nversions:")
    write_site(tmp_path / "docs", pages)
    result = load_corpus(tmp_path / "docs")
    assert {a.path: a.title for a in result.articles}["content/gadgets/index.md"] == "Gadgets for Widget Hub"
    assert {a.path: a.description for a in result.articles}["content/gadgets/index.md"] == "Small things for Widget Hub users."
    gadgets = next(a for a in result.articles if a.path == "content/gadgets/index.md")
    assert [link.title for link in gadgets.related if link.title] == [
        "Widgets plans", "{% data variables.product.unknown %} things"]
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")  # a page no file is goes by its own name
    assert sorted(kg.graph.nodes[n]["label"] for n in kg.graph.nodes if kg.graph.nodes[n].get("kind") == "stub") == [
        "not-written-yet", "plans", "things"]


def test_github_docs_older_index_pages_link_to_the_articles_their_tags_list(tmp_path: Path):
    """Before children lists, a GitHub Docs index page listed its articles with Liquid tags
    ({% link_with_intro /tuning %}, {% link_in_list /x %}: paths from its folder; the home page's
    {% homepage_link_with_intro /widgets/tuning %}: from the root): those were no links. They are now;
    one in a comment is none."""
    import qagraph

    pages = dict(GITHUB_DOCS_PAGES)
    pages["content/widgets/index.md"] = ("---\ntitle: Widgets\nversions:\n  free-pro-team: '*'\n---\n\n"
                                         "{% link_with_intro /tuning %}\n{% link_in_list /first-steps/build-a-widget %}\n"
                                         "<!-- {% link_with_intro /gone %} -->\n{% link_in_list /not-written-yet %}\n")
    pages["content/index.md"] = "---\ntitle: Home\nversions: '*'\n---\n\n{% homepage_link_with_intro /gadgets %}\n"
    write_site(tmp_path / "docs", pages)
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    by_path = {a.path: a.key for a in load_corpus(tmp_path / "docs").articles}

    def related(path: str) -> list[str]:
        return [kg.graph.nodes[n].get("url") or n for n in kg.related(by_path[path])]

    assert related("content/widgets/index.md") == [
        "/widgets/tuning", "/widgets/first-steps/build-a-widget", "/widgets/not-written-yet"]
    assert related("content/index.md") == ["/gadgets"]


def test_github_docs_landing_pages_link_to_their_featured_pages(tmp_path: Path):
    """A GitHub Docs product's landing page shows the pages its introLinks and featuredLinks name as cards
    (a guides page its includeGuides): those were no links. They are, by the paths or old urls they give
    (a plan's prefix in a Liquid condition too); a value that is no path (another site's url) is none."""
    import qagraph

    pages = dict(GITHUB_DOCS_PAGES)
    pages["content/widgets/index.md"] = (
        "---\ntitle: Widgets\nversions:\n  fpt: '*'\nlayout: product-landing\nintroLinks:\n  quickstart: /articles/making-widgets\n"
        "  video: https://video.example.org/widgets\nfeaturedLinks:\n  popular:\n    - /widgets/tuning\n"
        "    - '{% ifversion ghes %}/enterprise-server@latest{% endif %}/gadgets'\n  guides:\n    - /widgets/not-written-yet\n"
        "includeGuides:\n  - /widgets/first-steps\n---\n")
    write_site(tmp_path / "docs", pages)
    kg = qagraph.build(tmp_path / "docs", out=tmp_path / "out")
    by_path = {a.path: a.key for a in load_corpus(tmp_path / "docs").articles}
    assert [kg.graph.nodes[n].get("url") or n for n in kg.related(by_path["content/widgets/index.md"])] == [
        "/widgets/first-steps/build-a-widget", "/widgets/tuning", "/gadgets", "/widgets/not-written-yet", "/widgets/first-steps"]


def test_github_docs_products_are_named_by_their_landing_pages(tmp_path: Path):
    """A GitHub Docs product's pages were filed under its folder's name (actions/: "Actions"); the site
    names the product by its landing page's shortTitle, else its title, variables written out
    ("GitHub Actions"). A folder without an index page keeps its folder's name."""
    pages = dict(GITHUB_DOCS_PAGES)
    pages["data/variables/product.yml"] = "prodname_widgets: 'Widget Hub'\n"
    pages["content/widgets/index.md"] = pages["content/widgets/index.md"].replace(
        "title: Widgets\n", "title: Widget Hub documentation\nshortTitle: '{% data variables.product.prodname_widgets %}'\n")
    pages["content/gizmos/about.md"] = "---\ntitle: About gizmos\nversions:\n  fpt: '*'\n---\n"
    write_site(tmp_path / "docs", pages)
    subjects = {a.path: a.subject for a in load_corpus(tmp_path / "docs").articles}
    assert subjects["content/widgets/first-steps/build-a-widget.md"] == "Widget Hub"
    assert subjects["content/gadgets/index.md"] == "Gadgets"
    assert subjects["content/gizmos/about.md"] == "Gizmos"


def test_github_docs_of_2019_are_recognised_by_their_product_versions(tmp_path: Path):
    """GitHub Docs' content of 2019 named its plans in productVersions (dotcom, enterprise): read as notes."""
    write_site(tmp_path / "content", {
        "index.md": "---\ntitle: Home\nproductVersions:\n  dotcom: '*'\n  enterprise: '*'\nchildren:\n  - /widgets\n---\n",
        "widgets/index.md": "---\ntitle: Widgets\nproductVersions:\n  dotcom: '*'\n---\n",
        "widgets/tuning.md": "---\ntitle: Tuning\nproductVersions:\n  dotcom: '*'\n  enterprise: '>=2.14'\n---\n"})
    result = load_corpus(tmp_path / "content")
    assert result.detection is not None and "GitHub Docs" in result.detection.reason
    assert sorted(a.url for a in result.articles) == ["/", "/widgets", "/widgets/tuning"]


def test_a_hugo_site_reads_the_folders_its_config_mounts_into_its_content(tmp_path: Path):
    """A Hugo config may mount folders from outside the site into its content (Dapr's docs mount each
    SDK's docs, ``../sdkdocs/go/content/en/go-sdk-docs``, as ``content/developing-applications/sdks/go``).
    Read from a folder that holds them, their pages are articles where the site has them, named by
    their own files, and links reach them as Hugo's do (a ``ref`` to the mount's folder name finds its
    ``_index.md``); a mount of a folder not there is none. Read from the site alone, they are not in
    the corpus; a mount for another language than the site's is not read as its pages. Before, every mounted page was skipped ("outside the content folder") and each ref to
    one was a stub."""
    from test_links import related

    repo = tmp_path / "repo"
    write_article(repo, "site/hugo.toml", 'baseURL = "https://kiln.example"\n[module]\n'
                  '[[module.mounts]]\nsource = "content"\ntarget = "content"\n'
                  '[[module.mounts]]\nsource = "../vendor/glaze/pages"\ntarget = "content/tools/glaze"\n'
                  '[[module.mounts]]\nsource = "../vendor/missing"\ntarget = "content/tools/missing"\n'
                  '[[module.mounts]]\nsource = "../vendor/glaze/seiten"\ntarget = "content/tools/glaze"\nlang = "de"\n')
    pages = {"site/content/_index.md": "---\ntitle: Kiln\n---\nSee {{< ref glaze >}} and [firing]({{< ref \"firing-log.md\" >}}).\n",
             "site/content/clay.md": "---\ntitle: Clay\n---\n",
             "vendor/glaze/pages/_index.md": "---\ntitle: Glaze toolkit\n---\nStart with [the log]({{< ref firing-log >}}).\n",
             "vendor/glaze/pages/firing-log.md": "---\ntitle: Firing log\n---\nAbout [clay]({{< ref clay.md >}}), [kit](../).\n",
             "vendor/glaze/seiten/brennen.md": "---\ntitle: Brennen\n---\n"}
    for name, text in pages.items():
        write_article(repo, name, text)
    kg = build(repo)
    G = kg.graph
    assert {n: (d["path"], d["url"]) for n, d in G.nodes(data=True) if d["kind"] == "article"} == {
        "article:/": ("site/content/_index.md", "/"),
        "article:clay": ("site/content/clay.md", "/clay/"),
        "article:tools/glaze": ("vendor/glaze/pages/_index.md", "/tools/glaze/"),
        "article:tools/glaze/firing-log": ("vendor/glaze/pages/firing-log.md", "/tools/glaze/firing-log/")}
    assert related(repo) == {
        ("/", "tools/glaze"): ("ref", (1,), False),
        ("/", "tools/glaze/firing-log"): ("ref", (2,), False),
        ("tools/glaze", "tools/glaze/firing-log"): ("ref", (1,), False),
        ("tools/glaze/firing-log", "clay"): ("ref", (1,), False),
        ("tools/glaze/firing-log", "tools/glaze"): ("markdown-link", (2,), False)}
    assert kg.counts["skipped"] == 1 and kg.counts["articles"] == 4  # the German mount: no page of this language
    alone = build(repo / "site")
    assert alone.counts["articles"] == 2 and not any(n.startswith("article:tools") for n in alone.graph)


#: a "Today I Learned" collection: notes without front matter, titled by their heading, one folder a
#: topic, and a README that lists them under a heading a topic (texts invented)
TIL_COLLECTION = {
    "README.md": "# TIL\n\n> Today I Learned\n\n_4 TILs and counting..._\n\n"
                 "### Categories\n\n* [PostgreSQL](#postgresql)\n* [tmux](#tmux)\n\n"
                 "### PostgreSQL\n\n- [Count Rows Quickly](pg/count-rows-quickly.md)\n"
                 "- [Name A Constraint](pg/name-a-constraint.md)\n\n"
                 "### tmux\n\n- [Split A Pane](tmux/split-a-pane.md)\n\n"
                 "### Shell\n\n- [Jump Back](shell/jump-back.md)\n\n"
                 "## Other collections\n\n* [someone/til](https://github.com/someone/til)\n",
    "CONTRIBUTING.md": "# Contributing\n\nOne note a file, in the folder of its topic.\n",
    "pg/count-rows-quickly.md": "# Count Rows Quickly\n\nAsk the planner: `select reltuples from pg_class`.\n",
    "pg/name-a-constraint.md": "# Name A Constraint\n\nGive it a name with `constraint x check (...)`.\n",
    "tmux/split-a-pane.md": "# Split A Pane\n\nPress `prefix %` to split it side by side.\n",
    "shell/jump-back.md": "# Jump Back\n\n`cd -` goes back to the folder you were in.\n",
}


def test_a_til_collection_is_read_as_its_notes_filed_under_its_readmes_topics(tmp_path: Path):
    """A TIL collection (jbranchaud/til's layout) was read as a folder of notes: its README, the index
    that lists every note, was an article of its own, "TIL", filed under Uncategorised and linking to
    every note; its CONTRIBUTING guide a note; its topics named after their folders ("Pg", "Tmux") rather
    than as the README heads their lists. Now the README and the repository's other files at its root
    are skipped, saying why, and each topic folder is labelled by the heading its notes are listed under."""
    write_site(tmp_path / "til", TIL_COLLECTION)
    result = load_corpus(tmp_path / "til")
    assert result.detection is not None and "a TIL collection" in result.detection.reason
    assert {a.path: (a.title, a.subject) for a in result.articles} == {
        "pg/count-rows-quickly.md": ("Count Rows Quickly", "PostgreSQL"),
        "pg/name-a-constraint.md": ("Name A Constraint", "PostgreSQL"),
        "tmux/split-a-pane.md": ("Split A Pane", "tmux"),
        "shell/jump-back.md": ("Jump Back", "Shell"),
    }
    assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md"]
    why = {p.path: p.message for p in result.problems}
    assert why["README.md"].startswith("the collection's index: its README, which lists 4 of its notes")
    assert why["CONTRIBUTING.md"].startswith("the repository's own file")
    assert_every_file_accounted_for(result)


def test_a_til_collection_whose_readme_lists_nothing_is_known_by_its_name(tmp_path: Path):
    """thoughtbot/til's README lists no note, but calls the collection "Today I Learned": it is the
    repository's front page, skipped all the same; a folder of notes whose README is neither is read
    as before, its README an article."""
    files = {**TIL_COLLECTION, "README.md": "# Today I Learned\n\nShort notes on what we learn.\n"}
    write_site(tmp_path / "til", files)
    result = load_corpus(tmp_path / "til")
    assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md"]
    assert {p.path: p.message for p in result.problems}["README.md"].startswith("the repository's own README")
    assert {a.subject for a in result.articles} == {"Pg", "Tmux", "Shell"}
    write_site(tmp_path / "notes", {**files, "README.md": "# Notes\n\nWhat I keep.\n"})
    plain = load_corpus(tmp_path / "notes")
    assert "a TIL collection" not in (plain.detection.reason if plain.detection else "")
    assert "README.md" in {a.path for a in plain.articles}


def test_a_til_collections_notes_linked_by_their_github_urls_are_related(tmp_path: Path):
    """jbranchaud/til's notes link earlier ones by their GitHub urls
    (``https://github.com/OWNER/til/blob/master/pg/x.md``), simonw/til's README lists its notes so: those
    links were left out as links to another site. Now the repository most such urls naming a note of the
    corpus are in (or the one a clone's ``.git/config`` names) is the collection's own: its urls are links
    to its files; another repository's url naming the same path is not."""
    files = {**TIL_COLLECTION,
             "pg/name-a-constraint-part-2.md": "# Name A Constraint, Part 2\n\nAfter [part one]"
                                               "(https://github.com/ada/til/blob/master/pg/name-a-constraint.md),"
                                               " and [theirs](https://github.com/bo/til/blob/main/pg/count-rows-quickly.md).\n",
             "tmux/split-again.md": "# Split Again\n\nAs [before](https://github.com/ada/til/blob/main/tmux/split-a-pane.md).\n"}
    write_site(tmp_path / "til", files)
    kg = build(tmp_path / "til")
    assert kg.related("pg/name-a-constraint-part-2") == ["article:pg/name-a-constraint"]
    assert kg.related("tmux/split-again") == ["article:tmux/split-a-pane"]
    assert not [n for n, d in kg.graph.nodes(data=True) if d["kind"] == "stub"]
    # one such link alone says nothing of whose the repository is, but the clone's config does
    del files["tmux/split-again.md"]
    write_site(tmp_path / "clone", {**files, ".git/config": '[core]\n\tbare = false\n[remote "origin"]\n'
                                                            '\turl = git@github.com:Ada/til.git\n'})
    assert build(tmp_path / "clone").related("pg/name-a-constraint-part-2") == ["article:pg/name-a-constraint"]


def test_a_til_collections_notes_are_keyworded_by_their_titles(tmp_path: Path):
    """A TIL collection's notes have no tags: they had no keywords, so no note was similar to another.
    Now a note's keywords are the words of its title that name something (not words of grammar, not its
    code spans, not its own topic): two notes on clearing the screen, filed under two topics, are similar."""
    files = {**TIL_COLLECTION,
             "shell/clear-the-screen.md": "# Clear The Screen\n\nPress `ctrl-l`.\n",
             "pg/clear-the-screen-in-psql.md": "# Clear The Screen In psql\n\nRun `\\! clear` in it.\n"}
    write_site(tmp_path / "til", files)
    kg = build(tmp_path / "til")
    assert {n: list(d["keywords"]) for n, d in kg.graph.nodes(data=True) if d["kind"] == "article"} == {
        "article:pg/count-rows-quickly": ["count", "rows"],
        "article:pg/name-a-constraint": ["name", "constraint"],
        "article:pg/clear-the-screen-in-psql": ["clear", "screen", "psql"],
        "article:tmux/split-a-pane": ["split", "pane"],
        "article:shell/jump-back": ["jump", "back"],
        "article:shell/clear-the-screen": ["clear", "screen"],
    }
    assert [name for name, _, _ in kg.similar("shell/clear-the-screen")] == ["article:pg/clear-the-screen-in-psql"]


def test_a_til_collections_notes_linked_by_their_urls_on_its_site_are_related(tmp_path: Path):
    """simonw/til publishes its notes at ``https://til.simonwillison.net/<topic>/<note>``, and its notes
    link each other so: those links were left out as links to another site. Now the host that two links
    at least name notes of the corpus on, by their paths without suffix, serves the collection: its urls
    are links to the notes. Another TIL site the README points to (its own urls name no note) is not the
    collection's, and its links make no stubs."""
    files = {**TIL_COLLECTION,
             "README.md": TIL_COLLECTION["README.md"] + "\nMore TILs at [their site](https://til.other.example/).\n",
             "pg/vacuum.md": "# Vacuum\n\nAs in [counting](https://til.example.net/pg/count-rows-quickly) and "
                             "[naming](https://til.example.net/pg/name-a-constraint/), unlike "
                             "[theirs](https://til.other.example/posts/42-vacuum); see its [home](https://til.example.net/)"
                             " and [feed](https://til.example.net/til/feed.atom).\n"}
    write_site(tmp_path / "til", files)
    kg = build(tmp_path / "til")
    assert kg.related("pg/vacuum") == ["article:pg/count-rows-quickly", "article:pg/name-a-constraint"]
    assert not [n for n, d in kg.graph.nodes(data=True) if d["kind"] == "stub"]
    # one such url alone says nothing of whose site it is
    files["pg/vacuum.md"] = "# Vacuum\n\nAs in [counting](https://til.example.net/pg/count-rows-quickly).\n"
    write_site(tmp_path / "one", files)
    assert build(tmp_path / "one").related("pg/vacuum") == []


def test_a_til_collections_notes_linked_by_their_rows_on_a_datasette_site_are_related(tmp_path: Path):
    """simonw/til's first site (Datasette's, and the sites cloned from it) showed a note as its row,
    ``/til/til/<topic>_<note>.md``, and notes written then link each other so: those links were left
    out. Now, on a host that two such links name notes of the corpus on, they lead to the notes."""
    files = {**TIL_COLLECTION,
             "pg/vacuum.md": "# Vacuum\n\nAs in [counting](https://til.example.net/til/til/pg_count-rows-quickly.md).\n",
             "shell/cd.md": "# Cd\n\nOr [split](https://til.example.net/til/til/tmux_split-a-pane.md) instead.\n"}
    write_site(tmp_path / "til", files)
    kg = build(tmp_path / "til")
    assert kg.related("pg/vacuum") == ["article:pg/count-rows-quickly"]
    assert kg.related("shell/cd") == ["article:tmux/split-a-pane"]


def test_a_til_note_without_a_heading_is_titled_as_the_readme_lists_it(tmp_path: Path):
    """jwworth/til's note on linking to a README's headers starts with its text, no ``# heading``: it was
    titled by its file's name (``link-to-headers``). Its README lists it as "Link To Headers": that is its
    title now (a note with a heading keeps its heading, whatever the README's link says)."""
    files = {**TIL_COLLECTION,
             "README.md": TIL_COLLECTION["README.md"] + "\n### Web\n\n- [Link To `#Headers`](web/link-to-headers.md)\n"
                                                         "- [Listed Otherwise](web/anchors.md)\n",
             "web/link-to-headers.md": "Every heading of a page gets an anchor: link to it with `#name`.\n",
             "web/anchors.md": "# Anchors\n\nThey name a place in a page.\n"}
    write_site(tmp_path / "til", files)
    titles = {a.path: a.title for a in load_corpus(tmp_path / "til").articles}
    assert titles["web/link-to-headers.md"] == "Link To #Headers"
    assert titles["web/anchors.md"] == "Anchors"


def test_a_til_collections_files_at_its_root_are_no_notes(tmp_path: Path):
    """thoughtbot/til keeps a guide to contributing through GitHub's web pages at its root, and simonw/til
    one note its site (built from ``*/*.md``) never showed: both were notes filed under Uncategorised.
    Now a Markdown file at a TIL collection's root, outside its topic folders, is skipped, saying why."""
    files = {**TIL_COLLECTION, "web-interface.md": "# Contributing From The Web\n\nFork, add a file, open a pull request.\n"}
    write_site(tmp_path / "til", files)
    result = load_corpus(tmp_path / "til")
    assert "web-interface.md" in result.skipped and "web-interface.md" not in {a.path for a in result.articles}
    assert {p.path: p.message for p in result.problems}["web-interface.md"].startswith("at the collection's root")
    assert {a.subject for a in result.articles} == {"PostgreSQL", "tmux", "Shell"}
    assert_every_file_accounted_for(result)


def test_a_til_note_is_dated_by_the_day_its_readme_lists_it_with(tmp_path: Path):
    """simonw/til's README lists each note with the day it was written (``* [Title](url) - 2020-04-19``),
    which its site shows; a note, without front matter, had no date. Now that day is its date; a note
    the README lists without one has none, and a date written in a note's front matter wins."""
    files = {**TIL_COLLECTION,
             "README.md": TIL_COLLECTION["README.md"].replace("(tmux/split-a-pane.md)", "(tmux/split-a-pane.md) - 2021-03-04")
             .replace("(shell/jump-back.md)", "(shell/jump-back.md) - 2020-01-02"),
             "shell/jump-back.md": "---\ndate: 2019-12-31\n---\n# Jump Back\n\n`cd -`.\n"}
    write_site(tmp_path / "til", files)
    dates = {a.path: a.date for a in load_corpus(tmp_path / "til").articles}
    assert str(dates["tmux/split-a-pane.md"]) == "2021-03-04"
    assert str(dates["shell/jump-back.md"]) == "2019-12-31"
    assert dates["pg/count-rows-quickly.md"] is None


def test_a_page_at_a_til_collections_root_that_its_readme_lists_is_a_note(tmp_path: Path):
    """A page at the root that the README lists among the notes is one of them (the README says so),
    unlike the root's other pages: it stays an article, filed under no topic."""
    files = {**TIL_COLLECTION, "README.md": TIL_COLLECTION["README.md"] + "\n### Misc\n\n- [Loose End](loose-end.md)\n",
             "loose-end.md": "# Loose End\n\nA note kept at the root.\n",
             "guide.md": "# Writing A Note\n\nOne file a note.\n",
             "tmux/zoom.md": "# Zoom\n\nPress `prefix z`.\n", "shell/pushd.md": "# Pushd\n\nA stack of folders.\n"}
    write_site(tmp_path / "til", files)
    result = load_corpus(tmp_path / "til")
    assert "loose-end.md" in {a.path for a in result.articles}
    assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md", "guide.md"]
    assert_every_file_accounted_for(result)


def test_a_hugo_site_whose_languages_each_have_a_content_folder_publishes_them_as_language_folders(tmp_path: Path):
    """Hugo Book's example site gives each language a contentDir of its own not named after it
    (content.en, content.fr): Hugo publishes the default language's pages at the site's root and the
    others under /fr/. They were read as one content folder: every url began /content.en/, each
    page's subject was content-en and every link to /guide/... was a stub. A file beside those
    folders is none of the site's pages."""
    from test_links import related

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://book.example/"\n[languages.en]\ncontentDir = "content.en"\nweight = 1\n'
                     '[languages.fr]\ncontentDir = "content.fr"\nweight = 2\n',
        "content.en/_index.md": "---\ntitle: Home\n---\nStart with the [setup](/guide/setup/).\n",
        "content.en/guide/_index.md": "---\ntitle: Guide\n---\n",
        "content.en/guide/setup.md": "---\ntitle: Setup\n---\nThen [tune it](../tuning/).\n",
        "content.en/guide/tuning.md": "---\ntitle: Tuning\n---\n",
        "content.fr/guide/setup.md": "---\ntitle: Installer\n---\nVoir [le guide](/fr/guide/tuning/).\n",
        "content.fr/guide/tuning.md": "---\ntitle: Régler\n---\n",
        "NOTES.md": "---\ntitle: Notes\n---\n",
    })
    kg = build(site)
    urls = {kg.node(a)["url"]: kg.node(a)["subject"] for a in kg.articles}
    assert urls == {"/": "uncategorised", "/guide/": "guide", "/guide/setup/": "guide", "/guide/tuning/": "guide",
                    "/fr/guide/setup/": "guide", "/fr/guide/tuning/": "guide"}
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("/", "guide/setup"): False, ("guide/setup", "guide/tuning"): False, ("fr/guide/setup", "fr/guide/tuning"): False}
    assert any(p.path == "NOTES.md" and p.severity == SKIPPED for p in kg.problems)
    # one language's folder read alone: its pages where Hugo publishes them, under /fr/
    alone = build(site / "content.fr")
    assert sorted(alone.node(a)["url"] for a in alone.articles) == ["/fr/guide/setup/", "/fr/guide/tuning/"]


def test_a_hugo_file_without_front_matter_that_opens_with_its_title_is_a_page(tmp_path: Path):
    """Hugo publishes every file of its content folder, front matter or not, and Hugo Book's shortcode
    pages (docs/content/shortcodes/tabs.md: "# Tabs" and no front matter) are pages of its menu that
    its home page links to. They were skipped as include files, and the links to them were stubs. A file
    without front matter that does not open with a level-1 heading (a snippet a shortcode includes) is
    still skipped, and so is a repository's own file at the content folder's root."""
    result = _hugo_site(tmp_path / "site", {
        "_index.md": "---\ntitle: Home\n---\nSee [tabs](/docs/tabs/).\n",
        "docs/tabs.md": "\n# Tabs\n\nOrganize content by context.\n",
        "docs/snippet.md": "{{< note >}}\nA bare include\n",
        "README.md": "# Site sources\n"})
    tabs = by_key(result)["docs/tabs"]
    assert (tabs.title, tabs.url) == ("Tabs", "/docs/tabs/")
    assert {p.path for p in result.problems if p.severity == SKIPPED} == {"docs/snippet.md", "README.md"}
    assert_every_file_accounted_for(result)
    from test_links import related

    assert {(u, v): stub for (u, v), (_, _, stub) in related(tmp_path / "site" / "content").items()} == {
        ("/", "docs/tabs"): False}


def test_a_hugo_site_s_theme_shortcodes_that_write_a_link_are_its_links(tmp_path: Path):
    """A site's theme is most often a module or a submodule that is not there to read: Hugo Book's
    {{< button href="/docs/intro/" >}}, Docsy's {{% blocks/feature url="/docs/examples/" %}}, Blowfish's
    {{< article link="/docs/intro/" >}}, Hextra's {{< card link="intro" >}} and Hugo's own {{< figure link="/gallery/" >}} write the link they are given, and the pages they lead to were
    not linked. A theme the config does not name gives nothing, and the site's own template of that
    name says what it writes."""
    from test_links import related

    def links(config: str, page: str, own: str | None = None) -> set[tuple[str, str]]:
        site = tmp_path / str(len(list(tmp_path.iterdir())))
        write_site(site, {"hugo.toml": config, "content/docs/intro.md": "---\ntitle: Intro\n---\n",
                          "content/gallery.md": "---\ntitle: Gallery\n---\n", "content/_index.md": page})
        if own is not None:
            write_article(site / "layouts" / "shortcodes", "button.html", own)
        return {(u, v) for (u, v), (_, _, stub) in related(site).items() if not stub}

    page = ('---\ntitle: Home\n---\n{{< button href="/docs/intro/" >}}Start{{< /button >}}\n'
            '{{% blocks/feature icon="fa-x" url="/gallery/" %}}See it{{% /blocks/feature %}}\n')
    assert links('baseURL = "https://b.example/"\ntheme = "hugo-book"\n', page) == {("/", "docs/intro")}
    assert links('baseURL = "https://b.example/"\ntheme = "hugo-book"\n', '---\ntitle: Home\n---\n'
                 '{{< card href="/gallery/" >}}\n### Gallery\n{{< /card >}}\n') == {("/", "gallery")}
    assert links('baseURL = "https://b.example/"\n[module]\n[[module.imports]]\npath = "github.com/google/docsy"\n',
                 page) == {("/", "gallery")}
    assert links('baseURL = "https://b.example/"\n', '---\ntitle: Home\n---\n{{< figure src="a.png" link="/gallery/" >}}\n'
                 + page) == {("/", "gallery")}
    assert links('baseURL = "https://b.example/"\ntheme = "hugo-book"\n', page,
                 own='<span class="btn">{{ .Inner }}</span>') == set()
    # Blowfish's {{< article link="/docs/intro/" >}} shows the card of the page at that url, and its
    # {{< button href >}} and Congo's write their link: they were no links
    cards = '---\ntitle: Home\n---\n{{< article link="/docs/intro/" >}}\n{{< button href="/gallery/" >}}See{{< /button >}}\n'
    assert links('baseURL = "https://b.example/"\ntheme = "blowfish"\n', cards) == {("/", "docs/intro"), ("/", "gallery")}
    assert links('baseURL = "https://b.example/"\n[module]\n[[module.imports]]\npath = "github.com/jpanther/congo/v2"\n',
                 cards) == {("/", "gallery")}
    # Hextra's {{< card link="intro" >}}, a link from the page's url (its section's /docs/ here), its config's one
    # import written as a mapping, not a list (its example site's hugo.yaml): before, no link
    site = tmp_path / "hextra"
    write_site(site, {"hugo.yaml": 'baseURL: https://b.example/\nmodule:\n  imports:\n    path: github.com/imfing/hextra\n',
                      "content/docs/intro.md": "---\ntitle: Intro\n---\n",
                      "content/docs/_index.md": '---\ntitle: Docs\n---\n{{< cards >}}\n  {{< card link="intro" title="Intro" >}}\n'
                                                '{{< /cards >}}\n',
                      "content/_index.md": '---\ntitle: Home\n---\n{{< hextra/hero-button text="Start" link="docs" >}}\n'})
    assert {(u, v) for (u, v), (_, _, stub) in related(site).items() if not stub} == {("docs", "docs/intro"), ("/", "docs")}


@pytest.mark.parametrize("theme", ["hextra", "other"])
def test_hextra_s_prev_and_next_are_a_page_s_links(tmp_path: Path, theme: str):
    """Hextra's pager leads to the pages a page's ``prev`` and ``next`` name (``site.GetPage`` of the path, in
    place of the section's order; ``false`` shows none): links its readers follow, which were not read. In
    another theme, the fields are no links."""
    from test_links import related

    site = tmp_path / "site"
    write_site(site, {"hugo.yaml": f"baseURL: https://b.example/\nmodule:\n  imports:\n    path: github.com/example/{theme}\n",
                      "content/docs/intro.md": "---\ntitle: Intro\nnext: /docs/guide/shortcodes\n---\n",
                      "content/docs/guide/shortcodes/_index.md": "---\ntitle: Shortcodes\nprev: /docs/intro\nnext: false\n---\n"})
    links = {(u, v) for (u, v), (_, _, stub) in related(site).items() if not stub}
    assert links == ({("docs/intro", "docs/guide/shortcodes"), ("docs/guide/shortcodes", "docs/intro")}
                     if theme == "hextra" else set())


def test_a_hugo_site_that_disables_path_to_lower_keeps_its_urls_case(tmp_path: Path):
    """Hugo makes a page's url lower-case unless the config sets disablePathToLower (Hugo Book's example
    site does, and the sites made from it): Guides/Quick Start.md is then published at
    /Guides/Quick-Start/, not /guides/quick-start/ as it was read; links written to it reach it."""
    from test_links import related

    for config, url in (("disablePathToLower = true\n", "/Guides/Quick-Start/"), ("", "/guides/quick-start/")):
        site = tmp_path / str(bool(config))
        write_site(site, {"hugo.toml": 'baseURL = "https://b.example/"\n' + config,
                          "content/Guides/Quick Start.md": "---\ntitle: Quick start\n---\n",
                          "content/_index.md": f"---\ntitle: Home\n---\nBegin with the [quick start]({url}).\n"})
        kg = build(site)
        assert sorted(kg.node(a)["url"] for a in kg.articles) == ["/", url]
        assert [stub for (u, v), (_, _, stub) in related(site).items()] == [False]


def test_a_docsy_placeholder_page_links_to_its_manual_link(tmp_path: Path):
    """Docsy makes a page with manualLink (or manualLinkRelref) a placeholder: its menu entry and its
    section's list lead to that link instead. The page was linked to nothing; it now links to the page
    it stands for, and a manualLink to another site makes no link."""
    from test_links import related

    result = _hugo_site(tmp_path / "site", {
        "docs/api.md": "---\ntitle: API\n---\n",
        "docs/reference.md": "---\ntitle: API reference\nmanualLink: /docs/api/\n---\n",
        "docs/also.md": "---\ntitle: See the API\nmanualLinkRelref: api\n---\n",
        "docs/github.md": "---\ntitle: Source\nmanualLink: https://github.com/example/project\n---\n"})
    assert_every_file_accounted_for(result)
    assert {(u, v): (origin, stub) for (u, v), (origin, _, stub) in related(tmp_path / "site" / "content").items()} == {
        ("docs/reference", "docs/api"): ("front-matter", False), ("docs/also", "docs/api"): ("front-matter", False)}


def test_a_til_collection_whose_notes_open_otherwise_is_one(tmp_path: Path):
    """Many TIL collections title their notes by a ``## heading`` or a setext heading (``Title`` over
    ``=====``), or give them a front matter with no more than ``title``, ``date`` and ``tags``: only
    notes opening with a ``# heading`` made one, and these were read as plain notes, their README an
    article and their topics named after their folders. A folder of pages whose front matter says more
    (a blog's ``layout``, ``permalink``) is still no TIL collection."""
    notes = {k: v for k, v in TIL_COLLECTION.items() if "/" in k}
    kinds = {
        "h2": {k: "#" + v for k, v in notes.items()},
        "setext": {k: v[2:].replace("\n\n", "\n" + "=" * 9 + "\n\n", 1) for k, v in notes.items()},
        "front-matter": {k: f"---\ntitle: {v[2:].split(chr(10))[0]}\ndate: 2021-03-04\ntags: [db]\n---\n\n"
                            + v.split("\n\n", 1)[1] for k, v in notes.items()},
    }
    for kind, opened in kinds.items():
        write_site(tmp_path / kind, {**TIL_COLLECTION, **opened})
        result = load_corpus(tmp_path / kind)
        assert result.detection is not None and "a TIL collection" in result.detection.reason, kind
        assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md"], kind
        assert {a.path: (a.title, a.subject) for a in result.articles} == {
            "pg/count-rows-quickly.md": ("Count Rows Quickly", "PostgreSQL"),
            "pg/name-a-constraint.md": ("Name A Constraint", "PostgreSQL"),
            "tmux/split-a-pane.md": ("Split A Pane", "tmux"),
            "shell/jump-back.md": ("Jump Back", "Shell"),
        }, kind
        assert_every_file_accounted_for(result)
    blog = {k: f"---\ntitle: {v[2:].split(chr(10))[0]}\nlayout: post\npermalink: /{k[:-3]}/\n---\n\n"
               + v.split("\n\n", 1)[1] for k, v in notes.items()}
    write_site(tmp_path / "blog", {**TIL_COLLECTION, "README.md": "# Notes\n\nWhat I keep.\n", **blog})
    plain = load_corpus(tmp_path / "blog")
    assert "a TIL collection" not in (plain.detection.reason if plain.detection else "")


def test_a_til_collections_notes_in_a_topics_subfolder_are_its_notes(tmp_path: Path):
    """Some TIL collections file a topic's notes in subfolders (``pg/indexes/x.md``): only notes one
    folder deep counted, so a collection keeping most of them so was no TIL collection, its README an
    article. Now a note two folders deep is a note, filed under its topic (the top folder), as the
    README heads its list."""
    files = {**TIL_COLLECTION, "README.md": TIL_COLLECTION["README.md"].replace("(pg/", "(pg/queries/")
             .replace("(tmux/", "(tmux/panes/")}
    for old in ("pg/count-rows-quickly.md", "pg/name-a-constraint.md", "tmux/split-a-pane.md"):
        top, name = old.split("/")
        files[f"{top}/{'queries' if top == 'pg' else 'panes'}/{name}"] = files.pop(old)
    write_site(tmp_path / "til", files)
    result = load_corpus(tmp_path / "til")
    assert result.detection is not None and "a TIL collection" in result.detection.reason
    assert sorted(result.skipped) == ["CONTRIBUTING.md", "README.md"]
    assert {a.path: a.subject for a in result.articles} == {
        "pg/queries/count-rows-quickly.md": "PostgreSQL", "pg/queries/name-a-constraint.md": "PostgreSQL",
        "tmux/panes/split-a-pane.md": "tmux", "shell/jump-back.md": "Shell"}
    assert_every_file_accounted_for(result)


def test_a_til_readmes_links_written_url_encoded_or_with_dot_slash_name_its_notes(tmp_path: Path):
    """A README links a note whose file name has spaces url-encoded (``[Title](git/some%20note.md)``), or
    from ``./`` (``./tmux/x.md``), or by its GitHub url so: the url-encoded links named no note, so the
    notes were not listed (the collection, its README listing 2 of 4, was not recognised), and a note
    without a heading had no title from the README (its file's name)."""
    files = {**TIL_COLLECTION, "README.md": TIL_COLLECTION["README.md"]
             .replace("(pg/count-rows-quickly.md)", "(pg/count%20rows%20quickly.md)")
             .replace("(tmux/split-a-pane.md)", "(./tmux/split-a-pane.md)")
             .replace("(pg/name-a-constraint.md)", "(https://github.com/ada/til/blob/main/pg/name%20a%20constraint.md)")}
    files.pop("pg/count-rows-quickly.md")
    files.pop("pg/name-a-constraint.md")
    files["pg/count rows quickly.md"] = "Ask the planner: `select reltuples from pg_class`.\n"
    files["pg/name a constraint.md"] = TIL_COLLECTION["pg/name-a-constraint.md"]
    write_site(tmp_path / "til", files)
    result = load_corpus(tmp_path / "til")
    assert {a.path: (a.title, a.subject) for a in result.articles} == {
        "pg/count rows quickly.md": ("Count Rows Quickly", "PostgreSQL"),
        "pg/name a constraint.md": ("Name A Constraint", "PostgreSQL"),
        "tmux/split-a-pane.md": ("Split A Pane", "tmux"),
        "shell/jump-back.md": ("Jump Back", "Shell"),
    }
    assert {p.path: p.message for p in result.problems}["README.md"].startswith(
        "the collection's index: its README, which lists 4 of its notes")
    assert_every_file_accounted_for(result)


def test_a_til_note_titled_by_a_setext_heading_is_titled_so(tmp_path: Path):
    """A note titled by a setext heading (``Title`` over ``=====``) that the README does not list was
    titled by its file's name (``count-rows-quickly``): only ``#`` headings were read as a title."""
    notes = {k: v[2:].replace("\n\n", "\n" + "=" * 9 + "\n\n", 1) for k, v in TIL_COLLECTION.items() if "/" in k}
    notes["shell/jump-back.md"] = "Jump `cd -` Back\n---\n\nIt goes back to the folder you were in.\n\n## Why\n"
    write_site(tmp_path / "til", {**TIL_COLLECTION, **notes, "README.md": "# Today I Learned\n\nShort notes.\n"})
    result = load_corpus(tmp_path / "til")
    assert result.detection is not None and "a TIL collection" in result.detection.reason
    assert {a.path: a.title for a in result.articles} == {
        "pg/count-rows-quickly.md": "Count Rows Quickly", "pg/name-a-constraint.md": "Name A Constraint",
        "tmux/split-a-pane.md": "Split A Pane", "shell/jump-back.md": "Jump cd - Back"}


def test_a_hugo_slug_or_url_that_climbs_out_of_its_folder_is_joined_as_hugo_joins_it(tmp_path: Path):
    """``slug: ../../etc`` made the url /posts/../../etc/, a url above the site's root that no link
    reaches; Hugo joins a page's path as Go's path.Join does: the page is at /etc/ (a url: too)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://h.org/"\n',
        "content/posts/a.md": "---\ntitle: A\nslug: ../../etc\n---\n[b](/b/) [c](/docs/c/)\n",
        "content/posts/b.md": "---\ntitle: B\nurl: ../../b/./\n---\n[a](/etc/)\n",
        "content/docs/c.md": "---\ntitle: C\nslug: ./sub/../c\n---\n",
    })
    kg = qagraph.build(site)
    got = {data["path"]: data["url"] for _, data in kg.graph.nodes(data=True) if data.get("kind") == "article"}
    assert got == {"content/posts/a.md": "/etc/", "content/posts/b.md": "/b/", "content/docs/c.md": "/docs/c/"}
    assert not [n for n, k in kg.graph.nodes(data="kind") if k == "stub"]


def test_a_hugo_slug_loses_the_hyphens_at_its_ends_as_hugo_trims_them(tmp_path: Path):
    """Hugo reads a page's ``slug`` with its hyphens at either end trimmed (``strings.Trim(slug, "-")``
    in its page metadata): ``slug: -intro-`` is at /posts/intro/, and a slug of hyphens alone is none (the
    file's name, or the title for a permalink's ``:slug``). They were kept: /posts/-intro-/, /posts/-/,
    where no link of the site reached them."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://h.org/"\n[permalinks]\nnews = "/:year/:slug/"\n',
        "content/posts/a.md": "---\ntitle: A\nslug: -intro-\n---\n[b](/posts/b/) [c](/2024/c-title/)\n",
        "content/posts/b.md": "---\ntitle: B\nslug: '--'\n---\n[a](/posts/intro/) [d](/2024/news/)\n",
        "content/news/c.md": "---\ntitle: C title\nslug: '-'\ndate: 2024-01-02\n---\n",
        "content/news/d.md": "---\ntitle: D\nslug: -news-\ndate: 2024-03-04\n---\n",
    })
    kg = qagraph.build(site)
    got = {data["path"]: data["url"] for _, data in kg.graph.nodes(data=True) if data.get("kind") == "article"}
    assert got == {"content/posts/a.md": "/posts/intro/", "content/posts/b.md": "/posts/b/",
                   "content/news/c.md": "/2024/c-title/", "content/news/d.md": "/2024/news/"}
    assert not [n for n, k in kg.graph.nodes(data="kind") if k == "stub"]


@pytest.mark.parametrize("key", ["publishDate", "lastmod", "expiryDate"])
def test_hugo_slugs_from_file_names_where_another_date_lists_filename(tmp_path: Path, key: str):
    """Hugo's ``:filename`` handler sets a page's slug from its file's name whichever of its dates lists it
    (``[frontmatter] publishDate = [":filename", ":default"]``, as its docs show): only ``date`` was
    followed, and such a site's posts were at /posts/2017-02-11-my-post/, its links to /posts/my-post/
    stubs. The slug is the name's where that date's handler decides; the page's date stays its own."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": f'baseURL = "https://h.org/"\n[frontmatter]\n{key} = [":filename", ":default"]\n',
        "content/posts/2017-02-11-my-post.md": "---\ntitle: Mine\ndate: 2020-01-01\n---\n[o](/posts/other/)\n",
        "content/posts/2018-03-04-other.md": "---\ntitle: Other\n---\n[m](/posts/my-post/)\n",
        "content/posts/2020-05-07-slugged.md": "---\ntitle: Slugged\nslug: kept\n---\n",
    })
    kg = qagraph.build(site)
    got = {data["path"]: (data["url"], data.get("date")) for node, data in kg.graph.nodes(data=True)
           if data.get("kind") == "article"}
    assert got == {"content/posts/2017-02-11-my-post.md": ("/posts/my-post/", "2020-01-01"),
                   "content/posts/2018-03-04-other.md": ("/posts/other/", None),
                   "content/posts/2020-05-07-slugged.md": ("/posts/kept/", None)}
    assert not [n for n, k in kg.graph.nodes(data="kind") if k == "stub"]


@pytest.mark.parametrize(("config", "content"), [('baseURL = "https://h.org/"\n', "content/en/docs/guide"),
                                                 ('contentDir = "src/site/pages"\n', "src/site/pages/docs/guide")])
def test_a_hugo_config_further_up_than_two_folders_is_found_for_a_folder_of_its_content(
        tmp_path: Path, config: str, content: str):
    """A folder deep in a Hugo site's content (``-c site/content/en/docs/guide``) was read as a folder of
    notes: the config was looked for up to two folders above only. Hugo reads its config at the site's
    root and its content below it however deep: a config further up is the site's when the folder read is
    in its content folder (its contentDir); one above a folder that is not, is not."""
    site = tmp_path / "site"
    write_site(site, {"hugo.toml": config, f"{content}/a.md": "---\ntitle: A\ndraft: true\n---\n",
                      f"{content}/b.md": "---\ntitle: B\n---\n", "notes/x/y/z/c.md": "---\ntitle: C\n---\n"})
    detection = choose(site / content)
    assert detection.preset == "hugo" and f"{site / 'hugo.toml'} above the folder (a Hugo site)" in detection.reason
    assert [a.title for a in load_corpus(site / content).articles] == ["B"]  # a draft, as Hugo leaves it out
    assert choose(site / "notes/x/y/z").preset != "hugo"


def test_a_hugo_config_is_found_for_a_folder_deep_in_a_language_s_content_folder(tmp_path: Path):
    """A site that gives each language its own content folder (``[languages.en] contentDir = "content.en"``,
    Hugo Book's layout) has its pages there: a folder deep in one was read as notes, the config being
    looked for in the site's content folder alone (``content/``, which it does not have)."""
    site = tmp_path / "site"
    config = ('baseURL = "https://h.org/"\ndefaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content.en"\n'
              '[languages.zh]\ncontentDir = "content.zh"\n')
    write_site(site, {"hugo.toml": config, "content.en/docs/guide/x/a.md": "---\ntitle: A\ndraft: true\n---\n",
                      "content.en/docs/guide/x/b.md": "---\ntitle: B\n---\n"})
    detection = choose(site / "content.en/docs/guide/x")
    assert detection.preset == "hugo" and f"{site / 'hugo.toml'} above the folder (a Hugo site)" in detection.reason
    assert [a.title for a in load_corpus(site / "content.en/docs/guide/x").articles] == ["B"]


@pytest.mark.parametrize(("config", "folder", "urls"), [
    ("", "content/docs/guide", {"a.md": "/docs/guide/a/", "deep/b.md": "/docs/guide/deep/b/"}),
    ('contentDir = "src/pages"\n', "src/pages/docs", {"a.md": "/docs/a/", "deep/b.md": "/docs/deep/b/"}),
    ('[languages.en]\ncontentDir = "content/english"\nweight = 1\n[languages.fr]\ncontentDir = "content/french"\n',
     "content/french/docs", {"a.md": "/fr/docs/a/", "deep/b.md": "/fr/docs/deep/b/"}),
    ('[languages.en]\ncontentDir = "content/english"\nweight = 1\n[languages.fr]\ncontentDir = "content/french"\n',
     "content/french", {"a.md": "/fr/a/", "deep/b.md": "/fr/deep/b/"}),
], ids=["content/", "contentDir", "a language's contentDir", "a language's content folder itself"])
def test_a_folder_inside_a_hugo_site_s_content_has_its_pages_at_the_site_s_urls(
        tmp_path: Path, config: str, folder: str, urls: dict[str, str]):
    """A folder read that is inside a Hugo site's content folder (``-c site/content/docs/guide``) is read with
    the site's config, and its pages are where Hugo publishes them: they were at their paths from the folder
    read (/a/, /deep/b/), and every link of the site's to them (/docs/guide/a/) led to a stub."""
    site = tmp_path / "site"
    write_site(site, {"hugo.toml": 'baseURL = "https://h.org/"\n' + config,
                      f"{folder}/a.md": f"---\ntitle: A\n---\n[b]({urls['deep/b.md']})\n",
                      f"{folder}/deep/b.md": f"---\ntitle: B\n---\n[a]({urls['a.md']})\n"})
    kg = build(site / folder)
    assert {data["path"]: data["url"] for _, data in kg.graph.nodes(data=True) if data.get("kind") == "article"} == urls
    assert not [n for n, k in kg.graph.nodes(data="kind") if k == "stub"]


_DEEP = "notes/a/b/c"  #: a folder read, more than two folders below the content folder's parent


@pytest.mark.parametrize(("files", "config_at", "found"), [
    # the top of the repository is the site's root or above it: a config above it is another folder's
    ({"w/r/.git/HEAD": ""}, "", False),
    # a site's content may be a repository of its own (a clone, a submodule's checkout): the folder above is looked in
    ({"w/r/.git/HEAD": ""}, "w/", True),
    ({"w/.git/HEAD": "", "w/r/notes/.git": "gitdir: ../../.git/modules/notes\n"}, "w/", True),  # a submodule's checkout
    ({}, "", True),  # in no repository and not in the home folder: up to the file system's root
    ({"home/": ""}, "", False),  # never above the home folder
    ({"home/": "", "link/": ""}, "", False),  # nor above a home named through a link
], ids=["above the repository", "the folder above the repository", "a submodule", "no repository", "above home",
        "above home through a link"])
def test_a_hugo_config_further_up_is_looked_for_up_to_the_top_of_the_repository_or_the_home_folder(
        tmp_path: Path, monkeypatch, files: dict[str, str], config_at: str, found: bool):
    """The config of a Hugo site whose content folder holds the folder read is looked for above it, as
    far as the site's root may be: at the top of the repository that holds the folder (or the folder
    above it, where the content is a repository of its own; a submodule's checkout, up to the repository
    holding it), and never above the home folder; up to the file system's root only for a folder in
    neither. Every build of such a folder looked up to the root, for a config no site's layout puts there."""
    root = tmp_path / "t"
    content = f"w/r/{_DEEP}"
    for rel, text in files.items():
        if rel.endswith("/"):
            (root / rel).mkdir(parents=True)
        else:
            write_article(root, rel, text)
    home = root / "w" if "home/" in files else tmp_path / "elsewhere"
    if "link/" in files:
        (tmp_path / "home-link").symlink_to(home)
        home = tmp_path / "home-link"
    monkeypatch.setenv("HOME", str(home))
    write_site(root, {f"{config_at}hugo.toml": f'baseURL = "https://h.org/"\ncontentDir = "{content[len(config_at):]}"\n',
                      f"{content}/a.md": "---\ntitle: A\n---\n", f"{content}/b.md": "---\ntitle: B\n---\n"})
    assert (choose(root / content).preset == "hugo") is found


# -- site tools read as they publish: GitHub wikis, Nuxt Content, Fumadocs, Rspress, bookdown ---------------


def test_a_github_wiki_s_pages_are_at_their_wiki_urls_and_its_links_by_url_reach_them(tmp_path: Path):
    """A GitHub wiki's clone (its remote github.com/OWNER/REPO.wiki.git) is at github.com/OWNER/REPO/wiki: each
    page at /wiki/ and its name, hyphens for spaces, whatever folder its file is in (GitHub lists a wiki's pages
    flat); links written as the page's url (https://github.com/acme/widget/wiki/Options-and-Params, or the
    wiki's own /wiki for its Home) reach it. A clone without a _Sidebar.md is a wiki by its remote. The pages
    had no url, and every link written as a url (the commonest in a wiki, copied from the browser) was lost."""
    import qagraph

    wiki = tmp_path / "widget.wiki"
    write_site(wiki, {
        ".git/config": "[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n"
                       "\turl = https://github.com/acme/widget.wiki.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n",
        "Home.md": "Welcome to the **widget** wiki!\n\n* [[How to install]]\n* [[Issue a cert|How-to-issue-a-cert]]\n"
                   "* [Options](https://github.com/acme/widget/wiki/Options-and-Params)\n"
                   "* [Hooks](deployhooks)\n* [Bug 5](https://github.com/acme/widget/issues/5)\n",
        "How-to-install.md": "# Install online\n\nThen see [[How to issue a cert]].\n",
        "How-to-issue-a-cert.md": "### Single domain\n\nUse [the options](Options-and-Params#dns) or go "
                                  "[home](https://github.com/acme/widget/wiki).\n",
        "Options-and-Params.md": "Options. Back to [Home](Home).\n",
        "guides/deployhooks.md": "Hooks. See [install](https://github.com/acme/widget/wiki/How-to-install#online).\n",
        "_Footer.md": "Buy me a beer\n",
    })
    result = load_corpus(wiki)
    assert result.fields.site_url == "https://github.com/acme/widget"
    assert {a.path: (a.url, a.title) for a in result.articles} == {
        "Home.md": ("/wiki/Home", "Home"), "How-to-install.md": ("/wiki/How-to-install", "How to install"),
        "How-to-issue-a-cert.md": ("/wiki/How-to-issue-a-cert", "How to issue a cert"),
        "Options-and-Params.md": ("/wiki/Options-and-Params", "Options and Params"),
        "guides/deployhooks.md": ("/wiki/deployhooks", "deployhooks")}
    assert sorted(result.skipped) == ["_Footer.md"]
    kg = qagraph.build(wiki, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("Home.md") == [kg.article(p) for p in (
        "How-to-install.md", "How-to-issue-a-cert.md", "Options-and-Params.md", "guides/deployhooks.md")]
    assert kg.related("How-to-issue-a-cert.md") == [kg.article("Options-and-Params.md"), kg.article("Home.md")]
    assert kg.related("guides/deployhooks.md") == [kg.article("How-to-install.md")]
    plain = tmp_path / "notes"  # a folder of notes with a Home.md, no wiki's remote: no urls
    write_site(plain, {"Home.md": "See [[Getting-Started]].\n", "Getting-Started.md": "Run it.\n"})
    assert {a.url for a in load_corpus(plain).articles} == {None}


def test_a_nuxt_content_site_s_pages_are_at_their_paths_without_their_order_numbers(tmp_path: Path):
    """A Nuxt project depending on @nuxt/content publishes each Markdown file of content/ at its path made as
    its path-meta transformer makes it: the order numbers of files and folders dropped (``2.quickstart/
    1.Create-a-Form.md`` at ``/quickstart/create-a-form``), in lower case, an index at its folder's; a folder's
    ``_dir.yml`` titles its section; ``_`` files are partials, no pages; the files beside content/ (the
    repository's README) are none. It was a folder of notes: no urls (every link to /features/share a stub),
    the README a page, the sections named 2.quickstart and 3.features."""
    import qagraph

    site = tmp_path / "docs"
    write_site(site, {
        "package.json": '{\n  "name": "@acme/docs",\n  "private": true,\n  "scripts": {"build": "nuxt build"},\n'
                        '  "dependencies": {\n    "@nuxt/content": "^2.13.0",\n    "nuxt": "^3.12.2"\n  }\n}\n',
        "nuxt.config.ts": "export default defineNuxtConfig({\n  modules: ['@nuxt/content'],\n})\n",
        "README.md": "# Acme docs\n\nRun `pnpm dev`.\n",
        "content/_dir.yml": "title: Docs\n",
        "content/index.md": "---\ntitle: Introduction\ndescription: What Acme is\n---\n\nStart with [a form](/quickstart/create-a-form).\n",
        "content/2.quickstart.md": "---\ntitle: Quick start\n---\n\nSee [sharing](/features/share).\n",
        "content/2.quickstart/_dir.yml": "title: Quick Start\nicon: lucide:rocket\n",
        "content/2.quickstart/1.Create-a-Form.md": "---\ntitle: Create a form\n---\n\n:gif{src=\"/images/x.gif\"}\n\n"
                                                   "Then [share it](/features/share) or [rename it](./2.rename.md).\n",
        "content/2.quickstart/2.rename.md": "# Rename a form\n\nBack to [the start](/).\n",
        "content/3.features/_dir.yml": "title: Features\nnavigation.redirect: /features/share\n",
        "content/3.features/1.share.md": "---\ntitle: Share\n---\n\nSee [conditional logic](/features/conditional-logic#rules).\n",
        "content/3.features/10.conditional-logic.md": "---\ntitle: Conditional logic\n---\n\n::callout\nA note.\n::\n",
        "content/3.features/_snippet.md": "A partial, shown in pages.\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "content/index.md": ("/", "Uncategorised"), "content/2.quickstart.md": ("/quickstart", "Uncategorised"),
        "content/2.quickstart/1.Create-a-Form.md": ("/quickstart/create-a-form", "Quick Start"),
        "content/2.quickstart/2.rename.md": ("/quickstart/rename", "Quick Start"),
        "content/3.features/1.share.md": ("/features/share", "Features"),
        "content/3.features/10.conditional-logic.md": ("/features/conditional-logic", "Features")}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("content/2.quickstart/1.Create-a-Form.md") == [
        kg.article("content/3.features/1.share.md"), kg.article("content/2.quickstart/2.rename.md")]
    assert kg.related("content/index.md") == [kg.article("content/2.quickstart/1.Create-a-Form.md")]


@pytest.mark.parametrize("base_url", ["/docs", "/"])
def test_a_fumadocs_site_s_pages_are_at_their_slugs_in_the_sections_its_meta_files_title(tmp_path: Path, base_url: str):
    """A Fumadocs site (a Next.js project depending on fumadocs-core) publishes each Markdown or MDX file of its
    docs collection's folder (source.config.ts: ``defineDocs({dir: 'content/docs'})``) at the loader's baseUrl and
    its slugs: its path without suffix, an ``index`` at its folder's, a ``(group)`` folder no part of it; a
    folder's meta.json ``title`` labels its section. It was read as a folder of notes (or an Uncategorised
    site): no urls, every link to /docs/guides/install a stub, the repository's README a page."""
    import qagraph

    site = tmp_path / "site"
    root = base_url.rstrip("/")
    write_site(site, {
        "package.json": '{\n  "name": "docs",\n  "scripts": {"build": "next build", "postinstall": "fumadocs-mdx"},\n'
                        '  "dependencies": {\n    "fumadocs-core": "15.2.6",\n    "fumadocs-mdx": "11.5.8",\n'
                        '    "fumadocs-ui": "15.2.6",\n    "next": "15.2.4"\n  }\n}\n',
        "next.config.mjs": "import { createMDX } from 'fumadocs-mdx/next';\n\nconst withMDX = createMDX();\n\n"
                           "export default withMDX({ reactStrictMode: true });\n",
        "source.config.ts": "import { defineDocs, defineConfig } from 'fumadocs-mdx/config';\n\n"
                            "export const docs = defineDocs({\n  dir: 'content/docs',\n});\n\nexport default defineConfig();\n",
        "src/lib/source.ts": "import { docs } from '@/.source';\nimport { loader } from 'fumadocs-core/source';\n\n"
                             f"export const source = loader({{\n  baseUrl: '{base_url}',\n  source: docs.toFumadocsSource(),\n}});\n",
        "README.md": "# docs\n\nRun `pnpm dev`.\n",
        "content/docs/meta.json": '{\n  "title": "Docs",\n  "pages": ["index", "---Guides---", "...", "(api)"]\n}\n',
        "content/docs/index.mdx": "---\ntitle: Introduction\n---\n\nStart by [installing](" + root + "/guides/install).\n\n"
                                  "<Cards>\n  <Card title=\"Reference\" href=\"" + root + "/reference\" />\n</Cards>\n",
        "content/docs/guides/meta.json": '{\n  "title": "Guides & Recipes",\n  "pages": ["install", "..."]\n}\n',
        "content/docs/guides/install.mdx": "---\ntitle: Installation\ndescription: Set it up\n---\n\n"
                                           "See the [reference](" + root + "/reference#options).\n",
        "content/docs/guides/index.mdx": "---\ntitle: Guides\n---\n\nBack to the [start](" + (root or "/") + ").\n",
        "content/docs/(api)/meta.json": '{\n  "title": "API"\n}\n',
        "content/docs/(api)/reference.mdx": "---\ntitle: Reference\n---\n\nSee [the guides](" + root + "/guides).\n",
    })
    result = load_corpus(site)
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "content/docs/index.mdx": (root or "/", "Uncategorised"),
        "content/docs/guides/install.mdx": (f"{root}/guides/install", "Guides & Recipes"),
        "content/docs/guides/index.mdx": (f"{root}/guides", "Guides & Recipes"),
        "content/docs/(api)/reference.mdx": (f"{root}/reference", "API")}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("content/docs/index.mdx") == [
        kg.article("content/docs/guides/install.mdx"), kg.article("content/docs/(api)/reference.mdx")]
    assert kg.related("content/docs/(api)/reference.mdx") == [kg.article("content/docs/guides/index.mdx")]
    assert kg.related("content/docs/guides/index.mdx") == [kg.article("content/docs/index.mdx")]


BOOKDOWN = {
    "_bookdown.yml": 'book_filename: "bookdown-demo"\ndelete_merged_file: true\noutput_dir: docs\nlanguage:\n  ui:\n'
                     '    chapter_name: "Chapter "\n',
    "_output.yml": "bookdown::gitbook:\n  css: style.css\n",
    "index.Rmd": '---\ntitle: "A Minimal Book Example"\nauthor: "Yihui Xie"\ndate: "`r Sys.Date()`"\n'
                 "site: bookdown::bookdown_site\ndocumentclass: book\n---\n\n# Prerequisites {-}\n\n"
                 "Start with Chapter \\@ref(intro).\n",
    "01-intro.Rmd": "# (PART) Basics {-}\n\n# Introduction {#intro}\n\nWe can reference Chapter \\@ref(intro), "
                    "Figure \\@ref(fig:nice-fig), Section \\@ref(methods-used) and Chapter \\@ref(literature).\n\n"
                    "```{r nice-fig, fig.cap='A nice figure'}\nplot(pressure)  # \\@ref(gone)\n```\n",
    "02-literature.Rmd": "# Literature\n\nA review of existing methods; back to \\@ref(intro).\n",
    "03-method.Rmd": "# Methods\n\nOur methods.\n\n## Methods used\n\nSee \\@ref(literature).\n",
    "04-appendix.Rmd": "# (APPENDIX) Appendix {-}\n\n# Données brutes\n\nRaw data, see \\@ref(methods).\n",
    "_common.Rmd": "```{r}\nlibrary(ggplot2)\n```\n",
    "bookdown-demo.Rmd": "# Prerequisites {-}\n\nThe merged book, left behind.\n",
    "README.md": "# bookdown demo\n\nBuild with `bookdown::render_book()`.\n",
    "notes/draft.Rmd": "# Draft\n",
    "docs/index.html": "<html></html>\n",
}


@pytest.mark.parametrize("listed", [False, True])
def test_a_bookdown_book_s_chapters_are_at_their_ids_and_its_references_link_them(tmp_path: Path, listed: bool):
    """A bookdown book (_bookdown.yml) renders the R Markdown files its rmd_files lists (else those of its folder,
    index.Rmd first, but _... files and the merged book's file) as one page a chapter, named by the chapter's id
    ({#intro}, else made of its heading as Pandoc does: Données brutes at données-brutes.html), the first at
    index.html; a chapter is filed under the (PART) or (APPENDIX) heading above it, and \\@ref(id) links to the
    chapter whose heading (or section's) has the id; a figure's or table's (fig:x) stays on its page. Its .Rmd
    files were no corpus at all ('no article file'), its chapters none of the links between them."""
    import qagraph

    book = tmp_path / "book"
    files = dict(BOOKDOWN)
    if listed:
        files["_bookdown.yml"] += 'rmd_files: ["index.Rmd", "01-intro.Rmd", "02-literature.Rmd", "03-method.Rmd",\n' \
                                  '  "04-appendix.Rmd"]\n'
        files["99-scratch.Rmd"] = "# Scratch\n"  # not listed: not rendered
    write_site(book, files)
    result = load_corpus(book)
    assert {a.path: (a.url, a.title, a.subject) for a in result.articles} == {
        "index.Rmd": ("/index.html", "A Minimal Book Example", "Uncategorised"),
        "01-intro.Rmd": ("/intro.html", "Introduction", "Basics"),
        "02-literature.Rmd": ("/literature.html", "Literature", "Basics"),
        "03-method.Rmd": ("/methods.html", "Methods", "Basics"),
        "04-appendix.Rmd": ("/données-brutes.html", "Données brutes", "Appendix")}
    assert {p.path for p in result.problems if p.severity == SKIPPED} >= {"README.md", "_common.Rmd", "bookdown-demo.Rmd"}
    assert not [p for p in result.problems if p.severity == WARNING]  # the date, R code run at each render: none
    kg = qagraph.build(book, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("index.Rmd") == [kg.article("01-intro.Rmd")]
    assert kg.related("01-intro.Rmd") == [kg.article("03-method.Rmd"), kg.article("02-literature.Rmd")]
    assert kg.related("03-method.Rmd") == [kg.article("02-literature.Rmd")]
    assert kg.related("04-appendix.Rmd") == [kg.article("03-method.Rmd")]


@pytest.mark.parametrize("clean", [False, True])
def test_an_rspress_site_s_pages_are_at_their_paths_in_the_sections_its_meta_files_label(tmp_path: Path, clean: bool):
    """An Rspress site (rspress.config.ts; its root, docs/ by default) publishes each Markdown or MDX file of its
    root at its path as .html (route: cleanUrls: true, without), an index at its folder's url; a folder's
    section is labelled by its parent's _meta.json (``{"type": "dir", "name": "problem", "label": "..."}``, Rspress
    2's root one too), else by the nav item (Rspress 1's root _meta.json, 2's _nav.json) that links into it. It
    was read as notes: no urls (links to /problem/macos/damage stubs), the README a page, sections named by folders."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "package.json": '{\n  "name": "paste-docs",\n  "scripts": {"dev": "rspress dev", "build": "rspress build"},\n'
                        '  "dependencies": {"rspress": "^1.37.0"}\n}\n',
        "rspress.config.ts": 'import { join } from "node:path";\nimport { defineConfig } from "rspress/config";\n\n'
                             'export default defineConfig({\n  root: join(__dirname, "docs"),\n  title: "Paste",\n'
                             + ('  route: {\n    cleanUrls: true,\n  },\n' if clean else "") + "});\n",
        "README.md": "# Paste docs\n",
        "docs/_nav.json" if clean else "docs/_meta.json":
            '[\n  {"text": "User guide", "link": "/guide/", "activeMatch": "/guide/"},\n'
            '  {"text": "Problems", "link": "/problem/macos/damage", "activeMatch": "/problem/"},\n'
            '  {"type": "custom-link", "text": "Changelog", "link": "https://github.com/x/y/releases"}\n]\n',
        **({"docs/_meta.json": '["index", {"type": "dir", "name": "problem", "label": "Common problems"}, "guide"]\n'}
           if clean else {}),
        "docs/index.md": "---\npageType: home\ntitle: Paste\n---\n\nStart with the [guide](/guide/).\n",
        "docs/guide/index.mdx": "# Guide\n\n[Install](./install.mdx) it.\n",
        "docs/guide/install.mdx": "# Install\n\nIf it fails, see [damaged](/problem/macos/damage).\n",
        "docs/problem/_meta.json": '[\n  {"type": "dir", "name": "macos", "label": "macOS"},\n'
                                   '  {"type": "dir", "name": "linux", "label": "Linux"}\n]\n',
        "docs/problem/macos/damage.mdx": "# The app is damaged\n\nSee <Link href=\"/problem/macos/authorization#why\">why</Link>.\n",
        "docs/problem/macos/authorization.mdx": "# Authorize again\n\nLike [damaged](/problem/macos/damage.html).\n",
        "docs/problem/linux/start-failed.mdx": "# It does not start\n",
        "docs/public/robots.txt": "User-agent: *\n",
    })
    result = load_corpus(site)
    html, problems = ("", "Common problems") if clean else (".html", "Problems")
    assert {a.path: (a.url, a.subject) for a in result.articles} == {
        "docs/index.md": ("/", "Uncategorised"), "docs/guide/index.mdx": ("/guide/", "User guide"),
        "docs/guide/install.mdx": (f"/guide/install{html}", "User guide"),
        "docs/problem/macos/damage.mdx": (f"/problem/macos/damage{html}", problems),
        "docs/problem/macos/authorization.mdx": (f"/problem/macos/authorization{html}", problems),
        "docs/problem/linux/start-failed.mdx": (f"/problem/linux/start-failed{html}", problems)}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("docs/guide/install.mdx") == [kg.article("docs/problem/macos/damage.mdx")]
    assert kg.related("docs/problem/macos/damage.mdx") == [kg.article("docs/problem/macos/authorization.mdx")]
    assert kg.related("docs/problem/macos/authorization.mdx") == [kg.article("docs/problem/macos/damage.mdx")]
    assert kg.related("docs/index.md") == [kg.article("docs/guide/index.mdx")]


@pytest.mark.parametrize("sidebars", [
    ("sidebars.json", '{"docs": {"About": ["index", "why"], "Usage": ["install", "guides/setup"]},\n'
                      ' "api": ["api"]}\n'),
    ("sidebars.js", "// @ts-check\n/** @type {import('@docusaurus/plugin-content-docs').SidebarsConfig} */\n"
                    "const sidebars = {\n  docs: [\n    {type: 'category', label: 'About', items: ['index', 'why']},\n"
                    "    {\n      type: 'category',\n      label: \"Usage\", // the how-tos\n      link: {type: 'doc', id: 'install'},\n"
                    "      items: [{type: 'doc', id: 'guides/setup', label: 'Setup'}, {Deeper: ['guides/deep']},\n"
                    "              {type: 'link', label: 'npm', href: 'https://www.npmjs.com'}],\n    },\n"
                    "  ],\n  api: ['api', ...extra],\n};\n\nmodule.exports = sidebars;\n"),
])
def test_a_docusaurus_doc_is_filed_under_the_sidebar_category_that_lists_it(tmp_path: Path,
                                                                           sidebars: tuple[str, str]):
    """A docs folder whose docs lie side by side is ordered into categories by the site's sidebars file
    (the docs options' ``sidebarPath``: ``sidebars.json`` or ``sidebars.js``), as Docusaurus shows them:
    a doc is filed under the top category that lists it by its id (``id``, else its file name, in its
    folder), however deep (``Deeper`` is in ``Usage``); a version's docs by the category of its own
    sidebars file (``versioned_sidebars/version-1.x-sidebars.json``, a Docusaurus 1 site's ids there
    written ``version-1.x-why``). A doc no category lists keeps its folder's subject. They were all
    Uncategorised."""
    name, text = sidebars
    site = tmp_path / "repo"
    write_site(site, {
        "docs/index.md": "---\nid: index\ntitle: What is it?\n---\nSee [why](why.md).\n",
        "docs/why.md": "---\nid: why\ntitle: Why\n---\nText.\n",
        "docs/install-it.md": "---\nid: install\ntitle: Install\n---\nText.\n",
        "docs/guides/setup.md": "# Setup\n",
        "docs/guides/deep.md": "# Deep\n",
        "docs/api.md": "# API\n",
        f"website/{name}": text,
        "website/docusaurus.config.js": "module.exports = {title: 'Tool', presets: [['classic', {docs: {\n"
                                        f"  path: '../docs', sidebarPath: require.resolve('./{name}'),\n}}, blog: false}}]]}};\n",
        "website/versions.json": '["1.x"]',
        "website/versioned_docs/version-1.x/index.md": "---\nid: version-1.x-index\noriginal_id: index\n---\n# Old\n",
        "website/versioned_docs/version-1.x/why.md": "---\nid: why\n---\n# Why, then\n",
        "website/versioned_sidebars/version-1.x-sidebars.json": '{"version-1.x-docs": {"Then": ["version-1.x-why"]}}',
    })
    result = load_corpus(site)
    subjects = {a.path: a.subject for a in result.articles}
    deep = "Usage" if name.endswith(".js") else "Guides"
    assert subjects == {
        "docs/index.md": "About", "docs/why.md": "About", "docs/install-it.md": "Usage",
        "docs/guides/setup.md": "Usage", "docs/guides/deep.md": deep, "docs/api.md": "Uncategorised",
        "website/versioned_docs/version-1.x/index.md": "Uncategorised",
        "website/versioned_docs/version-1.x/why.md": "Then",
    }
    assert not [p for p in result.problems if p.severity == WARNING]


def test_a_docusaurus_link_to_a_locale_s_copy_of_a_doc_leads_to_the_doc(tmp_path: Path):
    """Docusaurus publishes each doc again under each other locale of its ``i18n`` config (``/fr/docs/intro``,
    the translation or, without one, the doc itself; at the path its ``localeConfigs`` give, ``/francais/``);
    the translations are not read, so a link to a locale's copy leads to the doc, as written with the
    site's url too. It was a stub. A path that starts like a locale's without being one (``/front``) is
    the site's own."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "module.exports = {\n  title: 'Tool', url: 'https://tool.example.org', baseUrl: '/',\n"
                                "  i18n: {defaultLocale: 'en', locales: ['en', 'fr', 'zh-CN'],\n"
                                "         localeConfigs: {fr: {label: 'Français', path: 'francais'}}},\n"
                                "  presets: [['classic', {docs: {}, blog: false}]],\n};\n",
        "docs/intro.md": "# Intro\n\n[in French](/francais/docs/setup), [in Chinese](/zh-CN/docs/setup#top), "
                         "[full](https://tool.example.org/zh-CN/docs/front), [not French](/fr/docs/setup) "
                         "and [en](/en/docs/setup).\n",
        "docs/setup.md": "# Setup\n\nBack to [intro](intro.md).\n",
        "docs/front.md": "# Front\n",
        "i18n/fr/docusaurus-plugin-content-docs/current/intro.md": "# Intro (fr)\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["docs/front.md", "docs/intro.md", "docs/setup.md"]
    kg = build(site)
    assert kg.counts["stubs"] == 2  # /fr/ is no locale's path (fr's is /francais/), and en is the default's
    links = {(d.get("origin"), kg.graph.nodes[t].get("url")) for s, t, d in kg.graph.edges(data=True)
             if kg.graph.nodes[s].get("url") == "/docs/intro" and d.get("kind") == "related"}
    assert {url for _, url in links} >= {"/docs/setup", "/docs/front"}


def test_a_docusaurus_docs_folder_named_i18n_holds_docs_the_site_s_own_i18n_translations(tmp_path: Path):
    """Docusaurus keeps a site's translations in ``i18n/`` beside its config, and an older version's docs in
    ``versioned_docs/`` there: a folder of the docs named so (``docs/i18n/``, its guide to translating the site)
    holds docs like any other. Those docs were skipped as translations."""
    site = tmp_path / "repo"
    write_site(site, {
        "website/docusaurus.config.js": "module.exports = {\n  title: 'Tool', url: 'https://tool.example.org',\n"
                                        "  presets: [['classic', {docs: {}, blog: false}]],\n};\n",
        "website/docs/intro.md": "# Intro\n\nTranslate it: [the guide](./i18n/i18n-guide.md).\n",
        "website/docs/i18n/i18n-guide.md": "---\nid: guide\nslug: /i18n/guide\n---\n# Translating\n\n"
                                           "Back to [intro](../intro.md).\n",
        "website/docs/versioned_docs/notes.md": "# Notes on versions\n",
        "website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md": "# Intro (fr)\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == [
        "website/docs/i18n/i18n-guide.md", "website/docs/intro.md", "website/docs/versioned_docs/notes.md"]
    skipped = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert skipped == {"website/i18n/fr/docusaurus-plugin-content-docs/current/intro.md":
                       "in website/i18n/, translations (Docusaurus)"}
    kg = build(site)
    links = {kg.graph.nodes[t].get("url") for s, t, d in kg.graph.edges(data=True)
             if kg.graph.nodes[s].get("url") == "/docs/intro" and d.get("kind") == "related"}
    assert links == {"/docs/i18n/guide"}


def test_a_docusaurus_mdx_code_block_is_the_page_s_own_mdx_and_its_links_are_links(tmp_path: Path):
    """Docusaurus renders what an ``mdx-code-block`` fence holds (three backticks, or four around a code block
    of its own) as the page's MDX: its mdx-loader unwraps the fence before reading the page, so a card list's
    ``<Link to>`` or a Markdown link there is one the reader follows. Such blocks were read as code, and their
    links lost; a code block of another language still shows its text as code."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "module.exports = {\n  title: 'Tool', url: 'https://tool.example.org',\n"
                                "  presets: [['classic', {docs: {}, blog: {}}]],\n};\n",
        "docs/intro.mdx": "# Intro\n\n```mdx-code-block\nimport Link from '@docusaurus/Link';\n\n"
                          "<Link to=\"/docs/setup\">Set it up</Link>\n```\n\n"
                          "````mdx-code-block\n<Tabs>\n\nSee [usage](./usage.md).\n\n```js\n"
                          "// [not a link](./hidden.md)\n```\n\n</Tabs>\n````\n\n"
                          "```md\n[an example](./example.md)\n```\n",
        "docs/setup.md": "# Setup\n",
        "docs/usage.md": "# Usage\n",
        "docs/hidden.md": "# Hidden\n",
        "docs/example.md": "# Example\n",
        "blog/2024-03-01-news.md": "---\ntitle: News\n---\n\n```mdx-code-block\n[Set it up](/docs/setup)\n```\n",
    })
    kg = build(site)
    links = {(kg.graph.nodes[s].get("url"), kg.graph.nodes[t].get("url")) for s, t, d in kg.graph.edges(data=True)
             if d.get("kind") == "related"}
    assert links == {("/docs/intro", "/docs/setup"), ("/docs/intro", "/docs/usage"),
                     ("/blog/2024/03/01/news", "/docs/setup")}


def test_a_docusaurus_docs_folder_publishes_only_what_its_include_globs_name(tmp_path: Path):
    """The docs options' ``include`` globs (``'{api,faq}/**/*.{md,mdx}'``, from the docs folder; Docusaurus's
    default every ``.md`` and ``.mdx``) say which files are docs, and its ``exclude`` which are not: the README
    Redux keeps in its docs folder is no page, nor a draft its ``exclude`` names. They were pages."""
    site = tmp_path / "repo"
    write_site(site, {
        "website/docusaurus.config.ts": "const config: Config = {\n  title: 'Redux', url: 'https://redux.js.org',\n"
                                        "  presets: [['@docusaurus/preset-classic', {docs: {\n    path: '../docs',\n"
                                        "    routeBasePath: '/',\n    include: [\n"
                                        "      '{api,faq,introduction,redux-toolkit,style-guide,tutorials}/**/*.{md,mdx}',\n"
                                        "      'FAQ.md'\n    ], // no other way to exclude node_modules\n"
                                        "    exclude: ['**/drafts/**'],\n  }}]],\n}\nexport default config\n",
        "docs/README.md": "# Redux docs\n\nThis folder holds the docs.\n",
        "docs/FAQ.md": "---\nid: faq\n---\n# FAQ\n\n[General](faq/General.md)\n",
        "docs/faq/General.md": "---\nid: general\n---\n# General\n",
        "docs/api/deep/store.mdx": "# Store\n",
        "docs/api/drafts/new.md": "# New\n",
        "docs/components/notes.md": "# Notes\n",
    })
    result = load_corpus(site)
    assert sorted(a.path for a in result.articles) == ["docs/FAQ.md", "docs/api/deep/store.mdx", "docs/faq/General.md"]
    skipped = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert "include" in skipped["docs/README.md"] and "include" in skipped["docs/components/notes.md"]
    assert "exclude" in skipped["docs/api/drafts/new.md"]


@pytest.mark.parametrize(("structure", "files"), [
    ("suffix", {"index": "docs/index.md", "index.fr": "docs/index.fr.md", "setup": "docs/guide/setup.md",
                "setup.fr": "docs/guide/setup.fr.md", "use": "docs/guide/use.md"}),
    ("folder", {"index": "docs/en/index.md", "index.fr": "docs/fr/index.md", "setup": "docs/en/guide/setup.md",
                "setup.fr": "docs/fr/guide/setup.md", "use": "docs/en/guide/use.md"}),
])
def test_an_mkdocs_site_of_the_i18n_plugin_publishes_each_language_under_its_own_folder(
        tmp_path: Path, structure: str, files: dict[str, str]):
    """mkdocs-static-i18n (``plugins: [i18n: {docs_structure, languages}]``) publishes the default language's
    pages at the site's root and another's under its locale: ``setup.fr.md`` (``docs_structure: suffix``) or
    ``fr/setup.md`` (``folder``) at ``/fr/guide/setup/``; a relative link of a French page leads to the French
    page where there is one (the plugin's own rewriting), else to the default's; a translation is in the nav's
    section that lists its page. The French pages were at ``/guide/setup.fr/`` and linked to the English ones,
    so links to ``/fr/...`` were stubs."""
    site = tmp_path / "site"
    texts = {"index": "# Home\n\nSee [setup](guide/setup.md) and [in French](/fr/guide/setup/).\n",
             "index.fr": "# Accueil\n\nVoir [installation](guide/setup.md) et [usage](guide/use.md).\n",
             "setup": "# Setup\n\nThen [use](use.md).\n", "setup.fr": "# Installation\n\nPuis [accueil](../index.md).\n",
             "use": "# Use\n\nBack [home](../index.md).\n"}
    write_site(site, {
        "mkdocs.yml": "site_name: Inventory\ntheme:\n  name: material\nplugins:\n  - search:\n      lang: [en, fr]\n"
                      f"  - i18n:\n      docs_structure: {structure}\n      fallback_to_default: true\n      languages:\n"
                      "        - locale: en\n          default: true\n          name: English\n"
                      "        - locale: fr\n          name: Français\n          build: true\n"
                      "nav:\n  - Home: index.md\n  - User guides:\n      - guide/setup.md\n      - guide/use.md\n",
        **{path: texts[key] for key, path in files.items()},
    })
    result = load_corpus(site)
    urls = {a.path: a.url for a in result.articles}
    assert urls == {files["index"]: "/", files["index.fr"]: "/fr/", files["setup"]: "/guide/setup/",
                    files["setup.fr"]: "/fr/guide/setup/", files["use"]: "/guide/use/"}
    subjects = {a.path: a.subject for a in result.articles}  # the nav's sections file the translations too
    assert [subjects[files[k]] for k in ("setup", "setup.fr", "use")] == ["User guides"] * 3
    kg = build(site)
    assert kg.counts["stubs"] == 0
    by_url = {d.get("url"): n for n, d in kg.graph.nodes(data=True) if d.get("kind") == "article"}
    french = {kg.graph.nodes[t].get("url") for _, t, d in kg.graph.out_edges(by_url["/fr/"], data=True)
              if kg.graph.nodes[t].get("kind") == "article"}
    assert french >= {"/fr/guide/setup/", "/guide/use/"} and "/guide/setup/" not in french


def test_a_docusaurus_link_to_a_file_from_the_site_s_folder_leads_to_that_file_s_page(tmp_path: Path):
    """Docusaurus reads a Markdown link to a file that starts with ``/`` from the content folder of the linking
    doc's version first, then from the site's folder (``/docs/guide.md``: ``website/docs/guide.md``, the current
    version's, wherever it is published), and one that starts with ``@site/`` from the site's folder. The first
    led to the page at the url ``/docs/guide`` (version 1.0's, the last version being at ``/docs``), the second
    was a stub."""
    site = tmp_path / "repo"
    links = "[a](/docs/guide.md), [b](@site/docs/guide.md), [c](/guide.md)\n"
    write_site(site, {
        "website/docusaurus.config.js": "module.exports = {title: 'X', url: 'https://x.org', baseUrl: '/',\n"
                                        "  presets: [['classic', {docs: {}, blog: false}]]};\n",
        "website/versions.json": '["1.0"]',
        "website/docs/intro.md": "# Intro\n\n" + links,
        "website/docs/guide.md": "# Guide\n",
        "website/versioned_docs/version-1.0/intro.md": "# Intro 1.0\n\n" + links,
        "website/versioned_docs/version-1.0/guide.md": "# Guide 1.0\n",
    })
    kg = build(site)
    assert kg.counts["stubs"] == 0
    urls = {n: d.get("url") for n, d in kg.graph.nodes(data=True)}
    targets = {urls[s]: sorted(urls[t] for _, t, d in kg.graph.out_edges(s, data=True) if d.get("kind") == "related")
               for s in kg.graph.nodes if urls[s] in ("/docs/next/intro", "/docs/intro")}
    # the current version's guide, and from its own version's folder that version's (c)
    assert targets == {"/docs/next/intro": ["/docs/next/guide"], "/docs/intro": ["/docs/guide", "/docs/next/guide"]}


def test_a_jekyll_polyglot_site_publishes_each_language_s_pages_under_its_own_folder(tmp_path: Path):
    """jekyll-polyglot publishes a page whose ``lang`` is one of the config's ``languages`` but its ``default_lang``
    under that language's folder (``lang: es``, ``permalink: /about/``: ``/es/about/``), a translation sharing its
    page's permalink; an absolute link of such a page leads to its language's page (the plugin relativizes it),
    else to the default language's, which the plugin publishes there too in its place (``/es/seo/``). The
    translations were duplicates of their pages (one of them lost, an error), and links to ``/es/...`` stubs."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Polyglot\nlanguages: [\"en\", \"es\", \"pt-BR\"]\ndefault_lang: \"en\"\n"
                       "exclude_from_localization: [\"images\"]\nplugins:\n  - jekyll-polyglot\n",
        "about.md": "---\ntitle: About\npermalink: /about/\nlang: en\n---\nSee [SEO](/seo/) and [en español](/es/about/).\n",
        "about-es.md": "---\ntitle: Acerca\npermalink: /about/\nlang: es\n---\nVer [SEO](/seo/) y [inicio](/).\n",
        "seo.md": "---\ntitle: SEO Recipes\npermalink: seo/\n---\nSee [about](/about/), [in Portuguese](/pt-BR/seo/).\n",
        "seo-pt.md": "---\ntitle: Receitas de SEO\npermalink: seo/\nlang: pt-BR\n---\nVeja [sobre](/about/).\n",
        "index.md": "---\ntitle: Home\n---\n[About](/about/), [Acerca](/es/about/), [es](/es/)\n",
        "_posts/2020-01-01-hello.md": "---\ntitle: Hello\n---\n[seo](/seo/)\n",
    })
    result = load_corpus(site)
    assert not [p for p in result.problems if p.severity == ERROR]
    assert {a.path: a.url for a in result.articles} == {
        "about.md": "/about/", "about-es.md": "/es/about/", "seo.md": "/seo/", "seo-pt.md": "/pt-BR/seo/",
        "index.md": "/", "_posts/2020-01-01-hello.md": "/2020/01/01/hello.html"}
    kg = build(site)
    assert kg.counts["stubs"] == 0
    urls = {n: d.get("url") for n, d in kg.graph.nodes(data=True)}
    out = {urls[s]: sorted(urls[t] for _, t, d in kg.graph.out_edges(s, data=True) if d.get("kind") == "related")
           for s in kg.graph.nodes if urls[s] in ("/es/about/", "/pt-BR/seo/", "/")}
    assert out == {"/es/about/": ["/", "/seo/"], "/pt-BR/seo/": ["/about/"], "/": ["/about/", "/es/about/"]}


def test_a_docusaurus_sidebar_category_that_generates_its_items_from_a_folder_files_that_folder_s_docs(
        tmp_path: Path):
    """A sidebar category whose items are generated from a folder (``{type: 'autogenerated', dirName: 'guides'}``)
    lists every doc below it, however deep: they are filed under the category, as Docusaurus shows them; a doc
    another category lists by its id stays there. They were filed by their folders (``Guides``, ``Advanced``)."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "module.exports = {title: 'X', presets: [['classic', {docs: {sidebarPath: './sidebars.js'}}]]};\n",
        "sidebars.js": "module.exports = {docs: [\n  'intro',\n  {type: 'category', label: 'How-to guides',\n"
                       "   items: [{type: 'autogenerated', dirName: 'guides'}]},\n"
                       "  {type: 'category', label: 'Reference', items: ['guides/advanced/api']},\n]};\n",
        "docs/intro.md": "# Intro\n",
        "docs/guides/install.md": "# Install\n",
        "docs/guides/advanced/tuning.md": "# Tuning\n",
        "docs/guides/advanced/api.md": "# API\n",
    })
    subjects = {a.path: a.subject for a in load_corpus(site).articles}
    assert subjects == {"docs/intro.md": "Uncategorised", "docs/guides/install.md": "How-to guides",
                        "docs/guides/advanced/tuning.md": "How-to guides", "docs/guides/advanced/api.md": "Reference"}


def test_a_docusaurus_sidebar_generated_at_its_top_from_a_folder_files_its_docs_under_that_folder_s_folders(
        tmp_path: Path):
    """A sidebar whose top items are generated from a folder (``api: [{type: 'autogenerated', dirName: 'api'}]``,
    Docusaurus's own API sidebar) shows each folder below it as a category of its own, labelled by its category
    file (``Plugins``) or named by the folder: its docs are filed there, as a reader finds them. They were all
    filed under the folder the sidebar is generated from (``Api``), which no page shows."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "module.exports = {title: 'X', presets: [['classic', {docs: {sidebarPath: './sidebars.js'}}]]};\n",
        "sidebars.js": "module.exports = {\n  docs: ['intro', {type: 'category', label: 'Basics', items: ['basics/setup']}],\n"
                       "  api: ['cli', {type: 'autogenerated', dirName: 'api'}],\n};\n",
        "docs/intro.md": "# Intro\n",
        "docs/basics/setup.md": "# Setup\n",
        "docs/cli.md": "# CLI\n",
        "docs/api/plugins/_category_.yml": "label: Plugins\nposition: 2\n",
        "docs/api/plugins/debug.md": "# Debug plugin\n",
        "docs/api/plugins/deep/sitemap.md": "# Sitemap plugin\n",
        "docs/api/02-themes/classic.md": "# Classic theme\n",
    })
    subjects = {a.path: a.subject for a in load_corpus(site).articles}
    assert subjects == {"docs/intro.md": "Uncategorised", "docs/basics/setup.md": "Basics", "docs/cli.md": "Uncategorised",
                        "docs/api/plugins/debug.md": "Plugins", "docs/api/plugins/deep/sitemap.md": "Plugins",
                        "docs/api/02-themes/classic.md": "Themes"}


def test_a_starlight_site_s_pages_are_filed_under_the_sidebar_s_group_that_lists_them(tmp_path: Path):
    """Starlight shows each page under the top group of its config's sidebar that lists it: by a folder it
    generates its items from (``autogenerate: {directory: 'guides/Animations'}``, every page below it, as
    Starlight matches the entry's path), by its slug (``'reference/example'``, ``{slug}``) or by its url
    (``{link: 'installation/'}``), however deep in the group. SplashKit's docs file ``guides/Animations/`` and
    ``guides/Graphics/`` under Tutorials and Guides; the sidebar was not read, so its pages were filed by their top
    folder (Guides). A page the sidebar lists at its top, or not at all, is filed by its folder still."""
    site = tmp_path / "docs"
    write_site(site, {
        "astro.config.mjs": (
            "import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n"
            "export default defineConfig({\n  integrations: [\n    starlight({\n      title: 'Docs',\n"
            "      sidebar: [\n"
            "        { label: 'Installation', items: [\n"
            "            { label: 'Installation Overview', link: 'installation/' },\n"
            "            { label: 'Windows', items: [\n"
            "                { label: 'MSYS2', autogenerate: { directory: 'installation/Windows (MSYS2)' } },\n"
            "            ] },\n        ] },\n"
            "        // { label: 'Old', autogenerate: { directory: 'guides' } },\n"
            "        { label: 'Tutorials and Guides', items: [\n"
            "            { label: 'Overview', link: '/guides/' },\n"
            "            { label: 'Animations', autogenerate: { directory: 'guides/Animations' } },\n"
            "            'reference/example',\n"
            "            { slug: 'reference/config' },\n"
            "        ] },\n"
            "        { label: 'Beyond SplashKit', autogenerate: { directory: 'beyond' } },\n"
            "        'about',\n"
            "      ],\n    }),\n  ],\n});\n"),
        "src/content/docs/installation/index.mdx": "---\ntitle: Installation\n---\n",
        "src/content/docs/installation/Windows (MSYS2)/Step 1.mdx": "---\ntitle: Step 1\n---\n",
        "src/content/docs/guides/index.mdx": "---\ntitle: Tutorials and Guides\n---\n",
        "src/content/docs/guides/Animations/0-using-animations.mdx": "---\ntitle: Using Animations\n---\n",
        "src/content/docs/guides/Graphics/drawing.mdx": "---\ntitle: Drawing\n---\n",
        "src/content/docs/reference/example.md": "---\ntitle: Example\n---\n",
        "src/content/docs/reference/Config.md": "---\ntitle: Config\n---\n",
        "src/content/docs/reference/other.md": "---\ntitle: Other\n---\n",
        "src/content/docs/beyond/sdl2/sound-effects.mdx": "---\ntitle: Sound Effects\n---\n",
        "src/content/docs/about.md": "---\ntitle: About\n---\n",
    })
    result = load_corpus(site)
    assert {a.path.removeprefix("src/content/docs/"): a.subject for a in result.articles} == {
        "installation/index.mdx": "Installation", "installation/Windows (MSYS2)/Step 1.mdx": "Installation",
        "guides/index.mdx": "Tutorials and Guides", "guides/Animations/0-using-animations.mdx": "Tutorials and Guides",
        "guides/Graphics/drawing.mdx": "Guides",
        "reference/example.md": "Tutorials and Guides", "reference/Config.md": "Tutorials and Guides",
        "reference/other.md": "Reference", "beyond/sdl2/sound-effects.mdx": "Beyond SplashKit",
        "about.md": "Uncategorised"}


def test_a_vitepress_sidebar_written_by_functions_files_its_rewritten_pages(tmp_path: Path):
    """VitePress's own docs write each sidebar as a call of a function their config defines (``items:
    sidebarGuide()``, ``function sidebarGuide(): DefaultTheme.SidebarItem[] { return [...] }``), join an item's link to
    its ``base`` as VitePress's addBase does (``base: '/reference/default-theme-'`` and ``badge``), and name pages by
    where their ``rewrites`` publish them (``en/guide/mpa.md`` at ``/guide/mpa``). Such a sidebar was read as
    listing nothing, so the pages were filed by their folder."""
    site = tmp_path / "docs"
    write_site(site, {
        ".vitepress/config.ts": (
            "export default defineConfig({\n  rewrites: { 'en/:rest*': ':rest*' },\n  themeConfig: {\n    nav: nav(),\n"
            "    sidebar: {\n      '/guide/': { base: '/guide/', items: sidebarGuide() },\n"
            "      '/reference/': { base: '/reference/', items: sidebarReference() }\n    }\n  }\n})\n\n"
            "function nav(): DefaultTheme.NavItem[] {\n  return [{ text: pkg.version, link: '/guide/intro' }]\n}\n\n"
            "function sidebarGuide(): DefaultTheme.SidebarItem[] {\n  return [\n"
            "    { text: 'Introduction', items: [{ text: 'Intro', link: 'intro' }] },\n"
            "    { text: 'Experimental', items: [{ text: 'MPA', link: 'mpa' }] }\n  ]\n}\n\n"
            "function sidebarReference(): DefaultTheme.SidebarItem[] {\n  return [\n    { text: 'Reference', items: [\n"
            "      { text: 'Default Theme', base: '/reference/default-theme-', items: [{ text: 'Badge', link: 'badge' }] }\n"
            "    ] }\n  ]\n}\n"),
        "en/guide/intro.md": "# Intro\n",
        "en/guide/mpa.md": "# MPA\n",
        "en/guide/other.md": "# Other\n",
        "en/reference/default-theme-badge.md": "# Badge\n",
    })
    subjects = {a.path: a.subject for a in load_corpus(site).articles}
    assert subjects == {"en/guide/intro.md": "Introduction", "en/guide/mpa.md": "Experimental",
                        "en/guide/other.md": "Guide", "en/reference/default-theme-badge.md": "Reference"}


def test_a_vitepress_site_s_pages_are_filed_under_the_sidebar_s_group_that_lists_them(tmp_path: Path):
    """VitePress shows each page under the top group of its themeConfig's sidebar that lists it by its link
    (``/getting-started``, ``/guide/`` for guide/index.md, ``.html`` or ``.md`` or none, an item's link below its
    group's ``base``), however deep in the group; a sidebar of several (``{'/guide/': [...], '/api/': [...]}``)
    files by each. isolate-package's docs, one folder of pages, list theirs under Guide and Topics; the sidebar
    was not read, so every page was Uncategorised. A page the sidebar lists at its top, or not at all, is filed by
    its folder still."""
    site = tmp_path / "site"
    write_site(site, {
        "docs/.vitepress/config.ts": (
            "import { defineConfig } from 'vitepress'\n\nexport default defineConfig({\n  title: 'Isolate',\n"
            "  cleanUrls: true,\n  themeConfig: {\n    nav: [{ text: 'Home', link: '/comparison' }],\n"
            "    sidebar: {\n      '/': [\n"
            "        { text: 'Guide', items: [\n"
            "            { text: 'Introduction', link: '/' },\n"
            "            { text: 'Getting Started', link: '/getting-started' },\n"
            "            { text: 'More', collapsed: true, items: [{ text: 'Config', link: '/configuration.html#x' }] },\n"
            "        ] },\n"
            "        // { text: 'Old', items: [{ text: 'Comparison', link: '/comparison' }] },\n"
            "        { text: 'Topics', base: '/topics/', items: [\n"
            "            { text: 'Firebase', link: 'firebase' },\n"
            "            { text: 'Intro', link: '/topics/' },\n"
            "        ] },\n"
            "        { text: 'Troubleshooting', link: '/troubleshooting' },\n"
            "      ],\n"
            "      '/api/': [{ text: 'Reference', items: [{ text: 'Functions', link: '/api/functions.md' }] }],\n"
            "    },\n  },\n})\n"),
        "docs/index.md": "---\nlayout: home\n---\n",
        "docs/getting-started.md": "# Getting Started\n",
        "docs/configuration.md": "# Configuration\n",
        "docs/comparison.md": "# Comparison\n",
        "docs/troubleshooting.md": "# Troubleshooting\n",
        "docs/topics/index.md": "# Topics\n",
        "docs/topics/firebase.md": "# Firebase\n",
        "docs/topics/other.md": "# Other\n",
        "docs/api/functions.md": "# Functions\n",
    })
    result = load_corpus(site)
    assert {a.path.removeprefix("docs/"): a.subject for a in result.articles} == {
        "index.md": "Guide", "getting-started.md": "Guide", "configuration.md": "Guide",
        "comparison.md": "Uncategorised", "troubleshooting.md": "Uncategorised",
        "topics/index.md": "Topics", "topics/firebase.md": "Topics", "topics/other.md": "Topics",
        "api/functions.md": "Reference"}


def test_a_repositorys_own_files_at_its_root_are_no_notes(tmp_path: Path):
    """A project of plain Markdown docs built from its top (no site tool): its README and docs are the notes, but its
    CHANGELOG.md, LICENSE.md, CONTRIBUTING.md and CODE_OF_CONDUCT.md, about the repository, were articles too,
    each an Uncategorised page of the graph. They are skipped, saying why; a note named in lower case (security.md),
    or in a folder, is a note still."""
    write_site(tmp_path, {
        "README.md": "# httpkit\n\nSee [the guide](docs/guide.md).\n",
        "CHANGELOG.md": "# Changelog\n\n## 1.2.0\n\n- Retries\n",
        "LICENSE.md": "MIT License\n\nCopyright (c) 2024\n",
        "CONTRIBUTING.md": "# Contributing\n\nRun the tests.\n",
        "CODE_OF_CONDUCT.md": "# Code of Conduct\n",
        "security.md": "# Security\n\nTLS by default.\n",
        "docs/guide.md": "# Guide\n\nBack to [the README](../README.md).\n",
        "docs/CHANGELOG.md": "# Docs changes\n"})
    result = load_corpus(tmp_path)
    assert sorted(a.path for a in result.articles) == ["README.md", "docs/CHANGELOG.md", "docs/guide.md", "security.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == dict.fromkeys(["CHANGELOG.md", "CODE_OF_CONDUCT.md", "CONTRIBUTING.md", "LICENSE.md"],
                                "the repository's own file (its licence, changelog or a guide to contributing): not a page")
    assert result.detection is not None and "4 of the repository's own files not read" in result.detection.reason


def test_a_monorepo_packages_own_files_beside_its_readme_are_no_notes(tmp_path: Path):
    """A monorepo of plain Markdown built from its top: each package's CHANGELOG.md and LICENSE.md, beside its
    README, were notes, one "Changelog" and one "LICENSE" article a package. They are the package's own files,
    skipped saying so; a CHANGELOG.md in a folder without a README (a docs page of that name) is a note."""
    files = {"README.md": "# acme\n\n- [core](packages/core/README.md)\n", "docs/CHANGELOG.md": "# Changes to the docs\n"}
    for package in ("core", "cli"):
        files.update({f"packages/{package}/README.md": f"# @acme/{package}\n\nSee [usage](docs/usage.md).\n",
                      f"packages/{package}/CHANGELOG.md": "# Changelog\n\n## 1.0.0\n",
                      f"packages/{package}/LICENSE.md": "MIT License\n",
                      f"packages/{package}/docs/usage.md": f"# Using {package}\n"})
    write_site(tmp_path, files)
    result = load_corpus(tmp_path)
    assert sorted(a.path for a in result.articles) == [
        "README.md", "docs/CHANGELOG.md", "packages/cli/README.md", "packages/cli/docs/usage.md",
        "packages/core/README.md", "packages/core/docs/usage.md"]
    why = {p.path: p.message for p in result.problems if p.severity == SKIPPED}
    assert why == dict.fromkeys(["packages/cli/CHANGELOG.md", "packages/cli/LICENSE.md", "packages/core/CHANGELOG.md",
                                 "packages/core/LICENSE.md"], "a package's own file, beside its README (its licence, "
                                "changelog or a guide to contributing): not a page")


def test_a_pelican_post_dated_in_words_is_at_its_dated_url(tmp_path: Path):
    """Pelican reads a post's Date line as dateutil does (``September 19, 2023``, ``Apr 2, 2024``, ``2021-07-27
    10:20``), so a post dated in words is published at its ARTICLE_URL's ``{date:%Y}/{date:%m}`` like any other.
    EthicalAds' blog dates its posts so (``blog/{date:%Y}/{date:%m}/{slug}/``): the date was read for the
    article but not for its url, so every post had none and a link to one by its url was a stub."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "pelicanconf.py": "SITENAME = 'Ads'\nSITEURL = ''\nPATH = 'content'\nPAGE_PATHS = ['pages']\n"
                          "ARTICLE_PATHS = ['posts']\nPAGE_URL = '{slug}/'\n"
                          "ARTICLE_URL = 'blog/{date:%Y}/{date:%m}/{slug}/'\n",
        "content/posts/2023-going-truly-viral.md": "Title: Going viral\nDate: September 19, 2023\n\n"
                                                  "See [the next](/blog/2024/04/niche-targeting/).\n",
        "content/posts/2024-niche.md": "Title: Niche targeting\nDate: Apr 2, 2024\n\n"
                                       "Back to [viral](/blog/2023/09/going-viral/).\n",
        "content/posts/2021-django.md": "Title: Django\nDate: 2021-07-27 10:20\n\nHi.\n",
    })
    result = load_corpus(site)
    assert {a.path.removeprefix("content/posts/"): a.url for a in result.articles} == {
        "2023-going-truly-viral.md": "/blog/2023/09/going-viral/", "2024-niche.md": "/blog/2024/04/niche-targeting/",
        "2021-django.md": "/blog/2021/07/django/"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0


def test_a_pelican_page_s_url_metadata_is_its_path_from_the_site_s_root(tmp_path: Path):
    """A Pelican page's ``url`` metadata is its url's path from SITEURL (``url: advertisers/niche-targeting/``
    at ``/advertisers/niche-targeting/``, as Pelican joins ``{SITEURL}/{url}``); it was taken as written, a url
    without its ``/`` that no link by the page's url reached (EthicalAds' niche targeting page)."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "pelicanconf.py": "SITENAME = 'Ads'\nSITEURL = ''\nPATH = 'content'\nPAGE_PATHS = ['pages']\n"
                          "ARTICLE_PATHS = ['posts']\nPAGE_URL = '{slug}/'\nARTICLE_URL = 'blog/{slug}/'\n",
        "publishconf.py": "from pelicanconf import *\nSITEURL = 'https://www.ads.example'\n",
        "content/pages/niche-targeting.md": "title: Custom niche targeting\nslug: niche-targeting\n"
                                            "url: advertisers/niche-targeting/\n"
                                            "save_as: advertisers/niche-targeting/index.html\n\n"
                                            "See [pricing](/advertisers/pricing/).\n",
        "content/pages/pricing.md": "title: Pricing\nurl: advertisers/pricing/\n"
                                    "save_as: advertisers/pricing/index.html\n\nHi.\n",
        "content/posts/niche.md": "Title: Niche\nDate: 2024-04-02\n\n"
                                  "Try [the page](https://www.ads.example/advertisers/niche-targeting/) "
                                  "and [again](/advertisers/niche-targeting/).\n",
    })
    result = load_corpus(site)
    assert {a.path.removeprefix("content/"): a.url for a in result.articles} == {
        "pages/niche-targeting.md": "/advertisers/niche-targeting/", "pages/pricing.md": "/advertisers/pricing/",
        "posts/niche.md": "/blog/niche/"}
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0


def test_a_pelican_page_s_relative_link_is_read_from_its_url(tmp_path: Path):
    """Pelican writes a Markdown link that is no ``{filename}`` as it is, so a browser reads a relative one from
    the page's url (``../pricing/`` on ``/advertisers/niche-targeting/`` is ``/advertisers/pricing/``; ``../../``
    on a post at ``/blog/2024/x/``, the site's root); it was read from the file's folder only, a stub."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "pelicanconf.py": "SITENAME = 'Ads'\nSITEURL = ''\nPATH = 'content'\nPAGE_PATHS = ['pages']\n"
                          "ARTICLE_PATHS = ['posts']\nPAGE_URL = '{slug}/'\nARTICLE_URL = 'blog/{date:%Y}/{slug}/'\n",
        "content/pages/niche-targeting.md": "title: Niche\nurl: advertisers/niche-targeting/\n\n"
                                            "See [pricing](../pricing/) and [the post]({filename}../posts/x.md).\n",
        "content/pages/pricing.md": "title: Pricing\nurl: advertisers/pricing/\n\nHi.\n",
        "content/pages/about.md": "title: About\n\nHi.\n",
        "content/posts/x.md": "Title: X\nDate: 2024-04-02\n\nSee [about](../../../about/).\n",
    })
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("content/pages/niche-targeting.md") == [kg.article("content/pages/pricing.md"),
                                                             kg.article("content/posts/x.md")]
    assert kg.related("content/posts/x.md") == [kg.article("content/pages/about.md")]


@pytest.mark.parametrize("preset", ["obsidian", "generic"])
def test_an_obsidian_alias_string_names_one_alias_between_each_comma(tmp_path: Path, preset: str):
    """Obsidian reads ``aliases: Doggo, Woofer`` as two aliases, split at its commas (its help's Aliases page:
    "You can add multiple aliases using commas"); the note was kept with one alias, "Doggo, Woofer", so
    neither name found it. Other tools' alias fields keep the string whole."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    write_site(vault, {"Dog.md": "---\naliases: Doggo, Woofer,\n---\n# Dog\n",
                       "Cat.md": "---\nalias: Kitty\n---\nSee [[Dog]].\n"})
    result = load_corpus(vault, preset=preset)
    dog = by_key(result)["Dog"]
    index = article_index(result.articles, result.fields)
    if preset == "obsidian":
        assert dog.extra["aliases"] == ["Doggo", "Woofer"]
        assert index.find("Woofer") is dog and index.find("Doggo") is dog
    else:
        assert dog.extra["aliases"] == "Doggo, Woofer,"
        assert index.find("Woofer") is None


def test_a_hugo_page_with_text_before_its_front_matter_is_a_page_without_front_matter(tmp_path: Path):
    """A page whose first line holds text before the opening --- (me@example.org---, then its fields and
    a closing ---) has no front matter to Hugo, which publishes it all the same: it was skipped as an include
    file, and the links of the site's other pages to it were stubs. It is a page, named by its path, with a
    warning on line 1; a file without front matter that opens with anything else is still skipped."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    pages = {"_index.md": "---\ntitle: Home\n---\n",
             "docs/parts.md": "me@example.org---\ntitle: Parts\n\ncategories: [docs]\n---\n\n## Overview\n\n"
                              "See the [guide](/docs/guide/).\n",
             "docs/guide.md": "---\ntitle: Guide\n---\nRead about [parts](/docs/parts/).\n",
             "docs/snippet.md": "Some text---\nno closing delimiter\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    result = load_corpus(site, preset="hugo")
    assert sorted(a.key for a in result.articles) == ["/", "docs/guide", "docs/parts"]
    assert sorted(result.skipped) == ["content/docs/snippet.md"]
    assert [(p.path, p.line, p.severity) for p in result.problems if p.severity == WARNING] == [
        ("content/docs/parts.md", 1, WARNING)]
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("docs/guide", "docs/parts"): False, ("docs/parts", "docs/guide"): False}


def test_a_hugo_site_root_without_its_main_config_reads_its_pages_from_content(tmp_path: Path):
    """Hugo reads a site's pages from content/ whether or not a config names it. A site root without its
    main config (a copy of the site's content alone, or a config/_default/ holding languages.toml and
    params.toml but no hugo.toml) had its pages at /content/en/guide/, all in one subject, content, and
    every link of theirs a stub; they are at the urls Hugo gives them, as with the config."""
    from test_links import related

    pages = {"content/en/_index.md": "---\ntitle: Home\n---\n",
             "content/en/guide/_index.md": "---\ntitle: Guide\n---\n",
             "content/en/guide/setup.md": "---\ntitle: Setup\n---\nSee [tools](/tools/hammer/).\n",
             "content/en/tools/hammer.md": "---\ntitle: Hammer\n---\n{{< note >}}Hit.{{< /note >}}\n",
             "archetypes/default.md": "+++\ntitle = ''\n+++\n", "README.md": "# The site\n"}
    for how in ("alone", "config folder"):
        site = tmp_path / how
        for name, text in pages.items():
            write_article(site, name, text)
        if how == "config folder":
            write_article(site, "config/_default/languages.toml", '[en]\ncontentDir = "content/en"\n[fr]\n'
                                                                  'contentDir = "content/fr"\n')
        result = load_corpus(site, preset="hugo")
        assert sorted((a.key, a.url, a.subject_slug) for a in result.articles) == [
            ("/", "/", "uncategorised"), ("guide", "/guide/", "guide"), ("guide/setup", "/guide/setup/", "guide"),
            ("tools/hammer", "/tools/hammer/", "tools")], how
        assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
            ("guide/setup", "tools/hammer"): False}, how
    write_article(tmp_path / "content", "_index.md", "---\ntitle: Home\n---\n")  # a content folder read itself
    write_article(tmp_path / "content", "content/a.md", "---\ntitle: A\n---\n")
    assert "content/a" in {a.key for a in load_corpus(tmp_path / "content", preset="hugo").articles}


def test_hugo_page_whose_front_matter_closes_with_four_dashes_is_a_page(tmp_path: Path):
    """A Hugo page whose front matter ends with ``----`` (etcd's docs have one) is published by Hugo, its
    lexer closing front matter at the first line that starts with ``---``: it is a page with its title and
    links. It was rejected, 'front matter is not closed', and every link to it was a stub."""
    result = _hugo_site(tmp_path / "site", {
        "docs/lease.md": "---\ntitle: How to make a lease\ndescription: Leases\n----\n\nSee [keys](../keys/).\n",
        "docs/keys.md": "---\ntitle: Keys\n---\nBack to [leases](/docs/lease/).\n"})
    assert {a.key: a.title for a in result.articles} == {"docs/lease": "How to make a lease", "docs/keys": "Keys"}
    assert not result.problems
    from test_links import related

    assert {(u, v): stub for (u, v), (_, _, stub) in related(tmp_path / "site").items()} == {
        ("docs/lease", "docs/keys"): False, ("docs/keys", "docs/lease"): False}


@pytest.mark.parametrize("theme, label", [("hugo-theme-relearn", "Basics"), ("github.com/matcornic/hugo-theme-learn", "Basics"),
                                          ("PaperMod", "All the basics")])
def test_hugo_learn_and_relearn_sections_are_named_by_their_menu_title(tmp_path: Path, theme: str, label: str):
    """The Learn theme's sidebar names a chapter by ``{{or .Params.menuTitle .LinkTitle .Title}}``, and Relearn,
    its fork, still reads menuTitle: a site of either files a chapter's pages under that name. Their subject was
    named by the chapter's title, which the sidebar does not show; other themes' sites keep linkTitle, else title."""
    site = tmp_path / "site"
    write_article(site, "hugo.toml", f'baseURL = "https://h.org/"\ntheme = "{theme}"\n')
    write_article(site / "content", "basics/_index.md",
                  '+++\narchetype = "chapter"\ntitle = "All the basics"\nmenuTitle = "Basics"\npre = "<b>1. </b>"\n+++\n')
    write_article(site / "content", "basics/install.md", '+++\ntitle = "Installation"\n+++\nText.\n')
    write_article(site / "content", "more/_index.md", "---\ntitle: More things\n----\n")  # closed as Hugo closes it
    write_article(site / "content", "more/page.md", "---\ntitle: A page\n---\n")
    result = load_corpus(site)
    assert {a.key: a.subject for a in result.articles} == {
        "basics": label, "basics/install": label, "more": "More things", "more/page": "More things"}


def test_hugo_permalinks_keep_the_case_of_titles_and_file_names_where_the_config_disables_path_to_lower(tmp_path: Path):
    """Hugo urlizes a permalink's :slug, :title and :filename by MakePathSanitized, which lower-cases them only where
    the config does not set disablePathToLower (Hugo Book's example site sets it): 'Hello There' is Hello-There
    there. They were lower-cased whatever the config said, so the page was at a url Hugo does not write and links
    to the one it writes were stubs."""
    from test_links import related

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\ndisablePathToLower = true\n'
                                     '[permalinks]\nblog = "/:year/:slug/"\nguides = "/g/:filename/"\n')
    write_article(site / "content", "blog/post.md", "---\ntitle: Hello There\ndate: 2024-05-06\n---\n")
    write_article(site / "content", "guides/Deep-Page.md", "---\ntitle: Deep\n---\n[post](/2024/Hello-There/)\n")
    write_article(site / "content", "About Us.md", "---\ntitle: About\n---\n[guide](/g/Deep-Page/)\n")
    result = load_corpus(site)
    assert {a.key: a.url for a in result.articles} == {
        "blog/post": "/2024/Hello-There/", "guides/Deep-Page": "/g/Deep-Page/", "About Us": "/About-Us/"}
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("guides/Deep-Page", "blog/post"): False, ("About Us", "guides/Deep-Page"): False}


def test_hugo_taxonomy_lists_at_the_urls_its_permalinks_give_them_are_no_stubs(tmp_path: Path):
    """A [permalinks] key naming a taxonomy (tags = "/topic/:slug/") is its terms' pattern too, as Hugo decodes it
    (page and term), and [permalinks.taxonomy] moves the taxonomy's own list: links to /topic/go/ and /topics/ lead
    to the lists Hugo makes there, no page anyone wrote. Each was a stub; a link to /tags/go/, where Hugo writes
    nothing then, is one."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "hugo.toml": 'baseURL = "https://h.org/"\n[permalinks]\ntags = "/topic/:slug/"\n'
                     '[permalinks.taxonomy]\ntags = "/topics/"\n',
        "content/posts/a.md": "---\ntitle: A\ntags: [go]\ncategories: [x]\n---\nMore in [Go](/topic/go/), [all](/topics/), "
                              "[old](/tags/go/) and [cats](/categories/x/).\n",
    })
    kg = qagraph.build(site)
    assert sorted(node for node in kg.graph if kg.graph.nodes[node].get("kind") == "stub") == ["article:tags/go"]


@pytest.mark.parametrize("name", ["config.json", "config/_default/hugo.json", "config/_default/hugo.yml",
                                  "config/_default/config.yml", "config/_default/config.json"])
def test_hugo_configs_of_every_name_hugo_reads_are_a_hugo_site_s(tmp_path: Path, name: str):
    """Hugo reads its config as hugo.* or config.*, TOML, YAML or JSON, at the site's root or in config/_default/.
    A site whose config was config.json, or config/_default/'s hugo.json, hugo.yml, config.yml or config.json, was
    read as notes (preset generic): its pages at their file paths, its permalinks not used, every link by url a stub.
    A JSON config of one line names its baseURL too (its absolute links lead to its pages); a config.json of
    another tool's, without a baseURL, is no Hugo site's."""
    site = tmp_path / "site"
    text = ('{"title": "T", "baseURL": "https://e.org/", "permalinks": {"docs": "/d/:slug/"}}\n' if name.endswith(".json")
            else "baseURL: https://e.org/\npermalinks:\n  docs: /d/:slug/\n")
    write_site(site, {name: text, "content/docs/intro.md": "---\ntitle: Intro\n---\n[x](https://e.org/d/other/)\n",
                      "content/docs/other.md": "---\ntitle: Other\n---\n"})
    result = load_corpus(site)
    assert result.detection is not None and result.detection.preset == "hugo"
    assert {a.key: a.url for a in result.articles} == {"docs/intro": "/d/intro/", "docs/other": "/d/other/"}
    from test_links import related

    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {("docs/intro", "docs/other"): False}
    notes = tmp_path / "notes"
    write_site(notes, {"config.json": '{"editor": "vim"}\n', "a/n.md": "---\ntitle: N\n---\n"})
    assert (detected := load_corpus(notes).detection) is not None and detected.preset != "hugo"


def test_hugo_permalinks_name_sections_and_fill_sections_as_hugo_s_page_paths_have_them(tmp_path: Path):
    """Hugo matches a [permalinks] key against the page's path, lower-case with hyphens for spaces (the key
    lower-cased too), and fills :section and :sections from that path: guides = "/g/:sections/:slug/" is the
    pattern of Guides/My Sub/p.md, published at /g/guides/my-sub/deep-page/. The key matched only a folder
    of its very spelling (Guides/ kept its file path url), and :sections kept the folders' case and spaces
    (/g/Guides/My Sub/deep-page/, a url with a space that no link reaches)."""
    from test_links import related

    site = tmp_path / "site"
    write_site(site, {"hugo.toml": 'baseURL = "https://e.org/"\n[permalinks]\nguides = "/g/:section/:sections/:slug/"\n',
                      "content/Guides/_index.md": "---\ntitle: G\n---\n",
                      "content/Guides/My Sub/_index.md": "---\ntitle: S\n---\n",
                      "content/Guides/My Sub/p.md": "---\ntitle: Deep Page\n---\n",
                      "content/about.md": "---\ntitle: About\n---\n[deep](/g/guides/guides/my-sub/deep-page/)\n"})
    result = load_corpus(site)
    assert by_key(result)["Guides/My Sub/p"].url == "/g/guides/guides/my-sub/deep-page/"
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {("about", "Guides/My Sub/p"): False}


def test_hugo_ugly_urls_of_the_sections_an_ugly_urls_table_names(tmp_path: Path):
    """Hugo's uglyURLs may be a table of sections ([uglyURLs] posts = true, its TestMapUglyURLs): those sections'
    pages are at /posts/p.html, the others at /docs/d/. The table was not read: every page had a folder url, and
    links to /posts/p.html led to the page only by the stripping of .html, its own url being one Hugo does not write."""
    site = tmp_path / "site"
    write_site(site, {"hugo.toml": 'baseURL = "https://e.org/"\n[uglyURLs]\nposts = true\ndocs = false\n',
                      "content/posts/p.md": "---\ntitle: P\n---\n", "content/docs/d.md": "---\ntitle: D\n---\n",
                      "content/about.md": "---\ntitle: About\n---\n"})
    assert {a.key: a.url for a in load_corpus(site).articles} == {
        "posts/p": "/posts/p.html", "docs/d": "/docs/d/", "about": "/about/"}


def test_hugo_urls_lose_their_accents_where_the_config_removes_path_accents(tmp_path: Path):
    """With removePathAccents, Hugo makes a page's path without the accents of its letters (its UnicodeSanitize then
    RemoveAccentsString): content/blog/Café à Paris.md is at /blog/cafe-a-paris/, a permalink's :title too. The
    setting was not read: the pages were at /blog/café-à-paris/, where Hugo writes nothing, and links to the url
    Hugo writes were stubs."""
    from test_links import related

    site = tmp_path / "site"
    write_site(site, {"hugo.toml": 'baseURL = "https://e.org/"\nremovePathAccents = true\n[permalinks]\nposts = "/p/:title/"\n',
                      "content/blog/Café à Paris.md": "---\ntitle: Café\n---\n[post](/p/deja-vu/)\n",
                      "content/posts/x.md": "---\ntitle: Déjà vu\n---\n[blog](/blog/cafe-a-paris/)\n"})
    assert {a.key: a.url for a in load_corpus(site).articles} == {
        "blog/Café à Paris": "/blog/cafe-a-paris/", "posts/x": "/p/deja-vu/"}
    assert {(u, v): stub for (u, v), (_, _, stub) in related(site).items()} == {
        ("blog/Café à Paris", "posts/x"): False, ("posts/x", "blog/Café à Paris"): False}
