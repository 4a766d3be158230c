"""qagraph.load: every file ends up as an article or a problem, with path and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, article_text, url_of, write_article, write_site
from qagraph.errors import ERROR, WARNING, QagraphError
from qagraph.load import discover, load_corpus as load, parse_bytes, parse_text

BROKEN = FIXTURES / "broken"

EXPECTED_PROBLEMS = {
    "invalid/broken-yaml.md": (6, "invalid YAML: mapping values are not allowed"),
    "invalid/duplicate-url.md": (3, "duplicate article: /learn/computer-science/questions/what-is-a-binary-tree"),
    "invalid/empty.md": (None, "empty file"),
    "invalid/latin1.md": (2, "not UTF-8 text"),
    "invalid/list.md": (2, "front matter is a list, not a mapping"),
    "invalid/no-front-matter.md": (1, "no front matter"),
    "invalid/no-title.md": (2, "no title"),
    "invalid/undefined-tag-handle.md": (2, "invalid YAML: found undefined tag handle"),
    "invalid/unclosed.md": (1, "front matter is not closed"),
}


def test_broken_folder_gives_one_problem_per_broken_file():
    result = load(BROKEN)
    assert sorted(a.path for a in result.articles) == ["good/one.md", "good/two.md"]
    errors = [p for p in result.problems if p.severity == ERROR]
    assert {p.path for p in errors} == set(EXPECTED_PROBLEMS)
    assert len(errors) == len(EXPECTED_PROBLEMS)
    for problem in errors:
        line, start = EXPECTED_PROBLEMS[problem.path]
        assert problem.line == line, problem
        assert start in problem.message, problem


def test_counts_add_up_and_other_files_are_ignored():
    result = load(BROKEN)
    counts = result.counts
    assert counts["files"] == 11
    assert counts["files"] == counts["articles"] + counts["rejected"]
    assert counts["ignored_files"] == 2  # notes.txt and .DS_Store
    assert sorted(result.rejected) == sorted(EXPECTED_PROBLEMS)


def test_strict_mode_raises_at_the_first_bad_file():
    with pytest.raises(QagraphError) as info:
        load(BROKEN, strict=True)
    assert str(info.value).startswith("invalid/broken-yaml.md:6: invalid YAML")


def test_not_a_folder():
    with pytest.raises(QagraphError, match="not a folder"):
        load(BROKEN / "nope")


def test_pool_and_single_process_agree(tmp_path: Path):
    for i in range(30):
        write_article(tmp_path, f"s{i % 3}/a{i}.md", article_text(f"Question {i}?", url_of(f"s{i % 3}", f"a{i}"), id=i))
    write_article(tmp_path, "s0/bad.md", "---\ntitle: [\n---\n")
    one = load(tmp_path, workers=1)
    two = load(tmp_path, workers=2)
    assert one.articles == two.articles
    assert one.problems == two.problems
    assert one.counts == two.counts == {**one.counts, "files": 31, "articles": 30, "rejected": 1}



def test_equal_strings_of_the_records_are_one_object_across_processes(tmp_path: Path):
    """Keywords, subjects, authors and dates that several articles spell alike are one string
    each after a load, whichever process parsed them (the graph keeps them all: 66 MB of
    copies at 36k articles), and the records equal those of parsing each file alone."""
    for i in range(30):
        write_article(tmp_path, f"s{i % 3}/a{i}.md", article_text(
            f"Question {i}?", url_of(f"s{i % 3}", f"a{i}"), id=i, subject=f"Subject {i % 3}",
            keywords=f"Shared Keyword, own keyword {i}", related=[{"url": url_of("s1", "a1"), "subject": "Subject 1"}]))
    for workers in (1, 2):
        articles = load(tmp_path, workers=workers).articles
        for field in ("keywords", "keyword_keys"):
            assert len({id(a.__dict__[field][0]) for a in articles}) == 1, field
            assert len({id(a.__dict__[field][1]) for a in articles}) == 30, field
        assert len({id(a.subject) for a in articles}) == 3
        assert len({id(a.related[0].subject) for a in articles if a.related}) == 1
        alone = [parse_text(a.path, (tmp_path / a.path).read_text(encoding="utf-8"))[0] for a in articles]
        assert articles == alone and [hash(a) for a in articles] == [hash(a) for a in alone]


def test_a_parse_process_sends_a_batchs_equal_strings_once(tmp_path: Path):
    """A parse process shares a batch's equal strings before pickling it, so the batch
    carries (and the main process unpickles) one copy each: less to send and cache, and
    none of the copies the main process would otherwise make and drop."""
    import pickle

    from qagraph.fields import FieldMap
    from qagraph.limits import Limits
    from qagraph.load import _parse_batch

    names = []
    for i in range(20):
        names.append(write_article(tmp_path, f"s/a{i}.md", article_text(
            f"Question {i}?", url_of("s", f"a{i}"), id=i, subject="Shared Subject",
            keywords=f"A rather long shared keyword, own keyword {i}")).relative_to(tmp_path).as_posix())
    keys, blob = _parse_batch((str(tmp_path), names, {}, FieldMap(), 1 << 20, Limits()))
    articles = [article for article, _ in pickle.loads(blob)]
    assert len(articles) == 20 and all(a is not None for a in articles)
    assert len({id(a.__dict__["keywords"][0]) for a in articles}) == 1
    assert len({id(a.subject) for a in articles}) == 1
    assert blob.count(b"A rather long shared keyword") == 1


def test_seed_like_article_fields():
    text = article_text(
        "What's the role of a: therapist?", "/learn/psychology/questions/role/",
        id=-5, subject="Psychology", keywords="Therapy, therapy ,client role,,",
        answer=r"Intro.\n\n### Role\n1. **Trust**\n2. Path C:\temp stays",
        related=[{"id": 2, "title": "Other", "subject": "Psychology", "url": "/learn/psychology/questions/other"}],
        extra="post_on_text: Posted on\ndifficulty: beginner",
    )
    article, problems = parse_text("psychology/role.md", text)
    assert problems == []
    assert article.key == "/learn/psychology/questions/role"  # trailing slash folded
    assert article.id == -5 and article.score == -1.0 and article.date == "2025-01-26"
    assert article.title == "What's the role of a: therapist?"
    assert article.answer == "Intro.\n\n### Role\n1. **Trust**\n2. Path C:\\temp stays"
    assert article.keywords == ("Therapy", "client role")
    assert article.keyword_keys == ("therapy", "client role")
    assert article.subject_slug == "psychology" and article.subject == "Psychology"
    assert article.related[0].position == 1 and article.related[0].line == 19
    assert article.extra == {
        "_schema": "default", "seo.title": "QuickTakes | Psychology",
        "post_on_text": "Posted on", "difficulty": "beginner",
    }
    assert article.body == ""


def test_bom_crlf_and_blank_line_before_front_matter():
    text = "\n" + article_text("Windows?", url_of("os", "windows")).replace("\n", "\r\n")
    article, problems = parse_bytes("os/windows.md", b"\xef\xbb\xbf" + text.encode())
    assert problems == []
    assert article.title == "Windows?"
    assert "\r" not in article.answer


def test_an_article_without_a_url_in_a_site_folder_is_in_its_subject_folder_not_content(tmp_path):
    # the corpus given as the site's folder (content/<subject-slug>/<file_name>): a file with no url, or a url
    # of another shape, is in the subject of its folder below content/, not in one named "content"
    write_article(tmp_path, "content/biology/a.md", article_text("A?", url_of("biology", "a")))
    write_article(tmp_path, "content/biology/b.md", article_text("B?", "/learn/biology/questions/b").replace(
        "url: /learn/biology/questions/b\n", ""))
    write_article(tmp_path, "content/biology/c.md", article_text("C?", "/questions/c", subject="Biology"))
    articles = {a.path: a for a in load(tmp_path).articles}
    assert [(a.subject_slug, a.subject) for a in articles.values()] == [("biology", "Biology")] * 3


def test_an_article_without_a_url_in_a_folder_named_in_words_is_in_its_subject_not_a_second_one(tmp_path):
    # a folder "Computer Science" and the urls' computer-science are one subject, as its label says
    write_article(tmp_path, "Computer Science/a.md", article_text("A?", url_of("computer-science", "a"),
                                                                  subject="Computer Science"))
    write_article(tmp_path, "Computer Science/b.md", article_text("B?", "/b", subject="Computer Science"))
    articles = load(tmp_path).articles
    assert [(a.subject_slug, a.subject) for a in articles] == [("computer-science", "Computer Science")] * 2


def test_yaml_error_line_counts_from_the_file_start():
    text = "\n\n---\ntitle: ok\nurl: /x\nbad: [\n---\n"
    article, problems = parse_text("a.md", text)
    assert article is None
    assert problems[0].line == 7  # the closing '---', where the open flow sequence ends


def test_yaml_11_lookalikes_keep_their_text():
    text = "---\ntitle: 16.10\nseo:\n  page_keywords: on, yes, 1.0\nno_index: yes\nscore: -1.0\n---\n"
    article, problems = parse_text("x/a.md", text)
    assert problems == []
    assert article.title == "16.10"
    assert article.keywords == ("on", "yes", "1.0")
    assert article.no_index is True
    assert article.score == -1.0


def test_other_corpora_keyword_lists_toml_and_field_map():
    from qagraph.fields import FieldMap

    toml = '+++\ntitle = "A TOML post"\ntags = ["Go", "go", "Web"]\ncategories = ["Programming"]\n+++\nBody text.\n'
    article, problems = parse_text("posts/a.md", toml)
    assert problems == []
    assert article.keywords == ("Go", "Web")
    assert article.subject == "Programming" and article.subject_slug == "posts"
    assert article.body == "Body text."
    assert article.key == "posts/a"  # no url: folder + file stem

    spaced = "---\ntitle: Tags as words\nmytags: rust  wasm rust\n---\n"
    article, _ = parse_text("b.md", spaced, FieldMap(keywords=("mytags",), keyword_separator=None))
    assert article.keywords == ("rust", "wasm")


def test_bad_optional_fields_are_warnings_and_kept():
    text = "---\ntitle: T\nid: abc\nscore: high\ndate: someday\nrelated_article1: just text\n---\n"
    article, problems = parse_text("x/a.md", text)
    assert article is not None
    assert [p.severity for p in problems] == [WARNING] * 4
    assert {p.line for p in problems} == {3, 4, 5, 6}
    assert article.extra["id"] == "abc" and article.extra["score"] == "high"


def test_discover_skips_hidden_and_sorts(tmp_path: Path):
    write_article(tmp_path, "b/z.md", "x")
    write_article(tmp_path, "a/y.MD", "x")
    write_article(tmp_path, ".git/x.md", "x")
    write_article(tmp_path, ".obsidian/notes/n.md", "x")
    write_article(tmp_path, "a/pic.jpg", "x")
    write_article(tmp_path, "a/.drafts/d1.md", "x")
    write_article(tmp_path, "a/.drafts/old/d2.md", "x")
    found = discover(tmp_path)
    assert (found.names, found.ignored) == (["a/y.MD", "b/z.md"], 1)
    # listed with the article files they hold, not silently gone; .git is a repository
    assert found.hidden == [(".obsidian", 1), ("a/.drafts", 2)]


def test_a_hidden_article_file_is_listed_not_silently_passed_over(tmp_path: Path):
    """A vault's notes named with a leading dot (.NET Sets.md, .NET Collection Interfaces.md) are
    hidden: Obsidian shows no such note, and a site tool publishes no such page. They were passed over
    without a word, counted among the other files beside pictures; now each is listed in hidden,
    holding itself."""
    write_site(tmp_path, {"Notes/.NET Sets.md": "Tags: [[Collections]]\n", "Notes/Lists.md": "See [[.NET Sets]].\n",
                          ".obsidian/app.json": "{}", "Notes/.DS_Store": "x", "Notes/diagram.png": "x"})
    found = discover(tmp_path)
    assert (found.names, found.ignored) == (["Notes/Lists.md"], 2)
    assert found.hidden == [(".obsidian", 0), ("Notes/.NET Sets.md", 1)]
    result = load(tmp_path)
    assert result.hidden == [(".obsidian", 0), ("Notes/.NET Sets.md", 1)]
    assert [a.key for a in result.articles] == ["Notes/Lists"]


def test_a_hidden_folder_that_cannot_be_read_holds_an_unknown_count_and_is_a_warning(tmp_path: Path, monkeypatch):
    """A hidden folder (or a folder in one) that cannot be read was counted as holding no article file;
    its count is unknown (None), and the folder is a warning with its path. Permission denied is
    simulated (the tests run as root, whom chmod does not stop)."""
    import os

    write_article(tmp_path, "a/y.md", "x")
    write_article(tmp_path, ".sealed/s.md", "x")
    write_article(tmp_path, "a/.drafts/d1.md", "x")
    write_article(tmp_path, "a/.drafts/old/d2.md", "x")
    write_article(tmp_path, ".open/o.md", "x")
    denied = {str(tmp_path / ".sealed"), str(tmp_path / "a" / ".drafts" / "old")}
    scandir = os.scandir

    def refusing(path=".", *args, **kwargs):
        if isinstance(path, str) and path in denied:
            raise PermissionError(13, "Permission denied", path)
        return scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refusing)
    found = discover(tmp_path)
    assert found.names == ["a/y.md"]
    assert found.hidden == [(".open", 1), (".sealed", None), ("a/.drafts", None)]
    assert [(p.path, p.line, p.severity, p.code, p.message) for p in found.problems] == [
        (".sealed/", None, "warning", "io",
         "cannot read folder: Permission denied; how many article files the hidden folder .sealed holds is unknown"),
        ("a/.drafts/old/", None, "warning", "io",
         "cannot read folder: Permission denied; how many article files the hidden folder a/.drafts holds is unknown"),
    ]


def test_a_folder_whose_listing_fails_through_its_descriptor_is_named(tmp_path: Path, monkeypatch):
    """A folder that opens but cannot be listed (an I/O error of a failing disk or a network file
    system; /proc's map_files, even for root) is listed through its descriptor: the error names the
    descriptor, a number, and the scan ended in an internal error ("TypeError: expected str, bytes
    or os.PathLike object, not int", exit 70), in a build and in a query's note on the content alike.
    The folder is named, as one that cannot be opened is."""
    import errno
    import os

    write_article(tmp_path, "a/y.md", "x")
    write_article(tmp_path, "b/z.md", "x")
    write_article(tmp_path, "b/failing/w.md", "x")
    failing = {str(tmp_path / "b" / "failing")}
    scandir = os.scandir

    def failing_by_descriptor(path=".", *args, **kwargs):
        if isinstance(path, int) and os.readlink(f"/proc/self/fd/{path}") in failing:
            raise OSError(errno.EIO, "Input/output error", path)
        return scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", failing_by_descriptor)
    found = discover(tmp_path)
    assert found.names == ["a/y.md", "b/z.md"]
    assert [(p.path, p.severity, p.message) for p in found.problems if p.code == "io"] == [
        ("b/failing/", ERROR, "cannot read folder: Input/output error")]


def test_alias_bomb_is_refused_not_expanded():
    levels = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for prev, name in zip("abcdefg", "bcdefgh"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    text = "---\ntitle: Aliases\n" + "\n".join(levels) + "\n---\n"
    article, problems = parse_text("bomb.md", text)
    assert article is not None and article.title == "Aliases"
    assert "a" in article.extra and "b" in article.extra
    too_big = [p for p in problems if "not kept" in p.message]
    assert [p.message.split()[0] for p in too_big] == ["e", "f", "g", "h"]  # e: 111,111 values
    assert too_big[0].line == 7


def test_the_scans_stamp_is_the_content_stamp(tmp_path: Path):
    """A build keeps the stamp its scan took on the same walk; a query command takes it again
    with :func:`content_stamp` alone. Both must agree on every kind of entry, or every query
    would think the content changed (or worse, miss a change)."""
    import os

    from qagraph.walk import content_stamp

    root = tmp_path / "c"
    write_article(root, "a/x.md", "x")
    write_article(root, "a/b/y.md", "y")
    write_article(root, "a/notes.txt", "n")
    write_article(root, ".hidden/h.md", "h")
    write_article(root, "a/.draft.md", "d")
    os.mkfifo(root / "a" / "pipe.md")
    os.symlink("nowhere.md", root / "a" / "broken.md")
    os.symlink(root / "a" / "b", root / "linked-folder")  # not followed by either
    os.symlink("x.md", root / "a" / "alias.md")
    (root / "empty").mkdir()
    found = discover(root)
    assert found.stamp == content_stamp(root)
    assert found.stamp[0] == 10  # a, a/b, y.md, x.md, notes.txt, pipe.md, broken.md, alias.md, linked-folder, empty
    assert found.names == ["a/alias.md", "a/b/y.md", "a/broken.md", "a/pipe.md", "a/x.md"]
    assert {p.path for p in found.problems} == {"a/broken.md", "a/pipe.md", "linked-folder/"}  # the last a warning
    assert found.signatures["a/alias.md"][1] == found.signatures["a/x.md"][1]  # the link's target
    (root / "a" / "b" / "y.md").write_text("changed", encoding="utf-8")
    assert discover(root).stamp == content_stamp(root) != found.stamp


def test_installed_packages_are_passed_over_unread(tmp_path: Path):
    """node_modules/ holds thousands of packages' READMEs: each was stat'ed and reported as
    skipped on every build. It is passed over as .git/ is, and the stamp a query command compares
    with the build's is taken the same way (else every query would compare every signature)."""
    from qagraph.walk import content_stamp

    root = tmp_path / "site"
    write_article(root, "docs/a.md", "---\ntitle: A\n---\n")
    write_article(root, "node_modules/pkg/README.md", "# pkg\n")
    write_article(root, "node_modules/pkg/docs/b.md", "---\ntitle: B\n---\n")
    found = discover(root)
    assert found.names == ["docs/a.md"] and found.hidden == [] and found.ignored == 0
    assert found.stamp == content_stamp(root)


def test_a_projects_virtualenv_is_passed_over_unread(tmp_path: Path):
    """A Python project built from its top, its virtualenv beside the docs (`venv/`, made by
    `python -m venv venv`): the packages installed there are no one's writing, as node_modules/'s are,
    but their READMEs and docs were read as articles of the corpus (a subject "venv" in the views)."""
    from qagraph.walk import content_stamp

    root = tmp_path / "project"
    write_article(root, "docs/guide.md", "# Guide\n\nHow to start.\n")
    write_article(root, "venv/lib/python3.12/site-packages/httpkit/README.md", "# httpkit\n\nRequests.\n")
    write_article(root, "venv/lib/python3.12/site-packages/mkdocs/templates/sitemap.md", "# Sitemap\n")
    write_article(root, "usr/lib/python3/dist-packages/apt/README.md", "# apt\n")
    found = discover(root)
    assert found.names == ["docs/guide.md"] and found.hidden == [] and found.ignored == 0
    assert found.stamp == content_stamp(root)


def test_a_file_changed_as_the_scan_began_is_read_again_by_the_next_scan(tmp_path: Path, monkeypatch):
    """A file system that keeps whole seconds (ext2/3, HFS+; FAT two) gives an edit made in the
    second a build read the file the signature the file was read with: the edit was never seen,
    and every later build said it was up to date. What the scan keeps of a file changed that
    recently matches no signature, so the next scan reads it again; an older file's is kept whole."""
    import qagraph.load
    from qagraph.load import scan

    write_article(tmp_path, "x.md", "---\ntitle: X\n---\n")
    kept = scan(tmp_path).inputs()
    assert kept["x.md"][3] == -1
    assert scan(tmp_path, known=kept).read == {"x.md"}
    monkeypatch.setattr(qagraph.load, "SAME_TICK_NS", -10**12)  # as if the scan began a while after the write
    kept = scan(tmp_path).inputs()
    assert kept["x.md"][3] != -1
    assert scan(tmp_path, known=kept).read == set()


def test_a_link_to_a_redirect_page_reaches_the_page_it_sends_its_reader_to(tmp_path: Path):
    """A cheat-sheet site keeps a sheet's old names as pages that only redirect (devhints' ``es2015.md``:
    ``redirect_to: /es6``, no text, skipped): a link to the old name was a stub where the reader lands on
    the new sheet. Such a page's path is an alias of the page it sends its reader to (as a
    ``redirect_from`` of it would be); a redirect to another site, or a page with text of its own, is not."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "plugins:\n  - jekyll-redirect-from\n",
        "es6.md": "---\ntitle: ES6\nredirect_from: /harmony\n---\nText.\n",
        "es2015.md": "---\ntitle: ES2015\ncategory: Hidden\nredirect_to: /es6\n---\n",
        "gone.md": "---\ntitle: Gone\nredirect_to: https://other.example/gone\n---\n",
        "js.md": "---\ntitle: JS\n---\nSee [es2015](./es2015), [again](/es2015.html), [old](/harmony) and [gone](./gone).\n",
    })
    result = load(site)
    assert sorted(a.path for a in result.articles) == ["es6.md", "js.md"]
    kg = qagraph.build(site, out=tmp_path / "out")
    assert kg.related("article:js") == ["article:es6", "article:/gone"]


def _hostile_tree(root: Path) -> None:
    """Folders of every kind the walk meets: nested, hidden, linked, installed packages, a FIFO,
    links to files, a hard link across folders, a build folder written among the articles."""
    import os

    from qagraph.fileio import MARKER, PRIVATE

    write_article(root, "top.md", "t")
    write_article(root, "top.txt", "not an article")
    for folder, n in (("alpha", 5), ("beta", 3), ("gamma", 1), ("delta", 4)):
        for i in range(n):
            write_article(root, f"{folder}/sub{i % 2}/page-{i}.md", f"{folder} {i}")
        write_article(root, f"{folder}/.draft.md", "d")
        write_article(root, f"{folder}/.cache/hidden.md", "h")
        write_article(root, f"{folder}/notes.txt", "n")
    write_article(root, ".obsidian/x.md", "h")
    write_article(root, "node_modules/pkg/README.md", "# pkg\n")
    os.mkfifo(root / "beta" / "pipe.md")
    os.symlink("nowhere.md", root / "gamma" / "broken.md")
    os.symlink("../alpha/sub0/page-0.md", root / "delta" / "alias.md")
    os.link(root / "alpha" / "sub1" / "page-1.md", root / "beta" / "hard.md")
    os.symlink(root / "alpha", root / "linked-folder")
    write_article(root, f"delta/build/{PRIVATE}/{MARKER}", "{}")
    (root / "empty").mkdir()


def _same_discovery(one, shared) -> None:
    for name in ("names", "raw", "ignored", "problems", "hidden", "signatures", "stamp", "notes"):
        a, b = getattr(one, name), getattr(shared, name)
        assert a == b, name
        if isinstance(a, dict):
            assert list(a) == list(b), name  # in the same order too


def test_a_walk_shared_with_a_second_process_finds_what_one_walk_finds(tmp_path: Path, monkeypatch):
    """A large folder's walk is shared with a forked process (the folders of its root split by
    the last build's counts): the same names, problems, hidden folders, signatures, stamp and notes,
    in the same order, as one walk's; ``then`` is called once, after the fork."""
    import os

    import qagraph.load as load_module

    root = tmp_path / "c"
    _hostile_tree(root)
    one = discover(root)
    assert {"beta/pipe.md", "delta/build/"} <= {p.path for p in one.problems} and one.hidden and one.notes
    monkeypatch.setattr(load_module, "SHARED_WALK", 1)
    shared_walks, calls = [], []
    real = load_module._shared_walk

    def spy(*args, **kwargs):
        wait, mine = real(*args, **kwargs)
        shared_walks.append(sorted(e.name for e in mine))
        return wait, mine

    monkeypatch.setattr(load_module, "_shared_walk", spy)
    weights = {"alpha": 5, "beta": 3, "gamma": 1, "delta": 4, "gone": 7}
    shared = discover(root, weights=weights, then=lambda: calls.append(os.getpid()))
    assert shared_walks == [["alpha", "empty", "gamma"]] and calls == [os.getpid()]  # 5 + 1 here, 4 + 3 there
    _same_discovery(one, shared)
    # a folder the last build did not know (no weight) and a weight for every folder on one side
    for weights in ({"alpha": 1}, {"empty": 100}):
        _same_discovery(one, discover(root, weights=weights))


def test_a_shared_walk_that_meets_a_name_to_make_readable_walks_again_in_one(tmp_path: Path, monkeypatch):
    """Whether a name made readable (bytes that are not UTF-8, a newline) reads as another name is
    known only to a walk that met every name before it: such a folder is walked again in one walk,
    whichever process met the name, and ``then`` is still called once."""
    import os

    import qagraph.load as load_module

    monkeypatch.setattr(load_module, "SHARED_WALK", 1)
    for folder in ("alpha", "beta"):  # met by this process, then by the other
        root = tmp_path / folder / "c"
        _hostile_tree(root)
        write_article(root, f"{folder}/two\nlines.md", "n")
        write_article(root, f"{folder}/two\\nlines.md", "the same name once made readable")
        one = discover(root)
        assert any("reads the same as" in p.message for p in one.problems)
        calls: list[int] = []
        shared = discover(root, weights={"alpha": 5, "beta": 3, "gamma": 1, "delta": 4},
                          then=lambda: calls.append(os.getpid()))
        assert calls == [os.getpid()]
        _same_discovery(one, shared)


def test_a_shared_walk_whose_other_process_fails_is_walked_again_in_one(tmp_path: Path, monkeypatch):
    """The process sharing the walk may die (killed, out of memory): the folder is walked again
    here, and the build goes on as with one walk."""
    import os
    import signal

    import qagraph.load as load_module

    root = tmp_path / "c"
    _hostile_tree(root)
    one = discover(root)
    monkeypatch.setattr(load_module, "SHARED_WALK", 1)
    real = load_module._walk

    def dying(top, *args):
        if os.path.basename(top) == "beta":  # only the other process walks beta from its own top
            os.kill(os.getpid(), signal.SIGKILL)
        return real(top, *args)

    monkeypatch.setattr(load_module, "_walk", dying)
    _same_discovery(one, discover(root, weights={"alpha": 5, "beta": 3, "gamma": 1, "delta": 4}))


def test_a_folder_of_20000_broken_links(tmp_path: Path):
    """Each file discovery could not read was looked up in a set of every name made anew for it:
    quadratic, minutes for such a folder."""
    write_article(tmp_path, "a/good.md", article_text("Good?", url_of("a", "good")))
    (tmp_path / "b").mkdir()
    for i in range(20_000):
        (tmp_path / "b" / f"{i}.md").symlink_to(f"gone-{i}.md")
    result = load(tmp_path)
    assert result.counts["files"] == 20_001 and len(result.articles) == 1 and len(result.rejected) == 20_000
    assert {(p.message, p.severity) for p in result.problems} == {("broken link: its target does not exist", ERROR)}


def test_a_notebook_s_front_matter_in_a_first_raw_cell_is_its_front_matter():
    """Quarto (and MyST) read a notebook's front matter from its first cell when that is a raw cell of YAML
    between ``---`` lines, as Quarto's own notebooks write it: the title and categories there were lost (the
    page titled by its first heading, with no keywords). A raw cell elsewhere, or one of no front matter,
    is no text of the page."""
    import json

    from qagraph.load import notebook_text

    notebook = {"cells": [
        {"cell_type": "raw", "source": ["---\n", "title: \"Penguins\"\n", "categories: [analysis]\n", "---"]},
        {"cell_type": "markdown", "source": ["## Palmer penguins\n", "Some text."]},
        {"cell_type": "code", "source": "import pandas"},
        {"cell_type": "raw", "source": "---\nnot: front matter\n---"}]}
    text = notebook_text("penguins.ipynb", json.dumps(notebook))
    assert text == '---\ntitle: "Penguins"\ncategories: [analysis]\n---\n\n## Palmer penguins\nSome text.\n'
    plain = {"cells": [{"cell_type": "raw", "source": "<b>raw html</b>"}, {"cell_type": "markdown", "source": "# T"}]}
    assert notebook_text("plain.ipynb", json.dumps(plain)) == "# T\n"


def test_a_link_to_a_jekyll_theme_s_listing_page_is_no_stub(tmp_path: Path):
    """A Chirpy site's sidebar tabs ``_tabs/archives.md`` and ``_tabs/tags.md`` (``layout: archives``, no text)
    are skipped, as their layout fills them with the posts; the site serves them at ``/archives/`` and
    ``/tags/``, and an about page linking there ("see [the archive](/archives/)") made stubs, counted as
    broken links. They are no stubs now; a link to a page that is not there still is one."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Blog\npermalink: /posts/:title/\ncollections:\n  tabs:\n    output: true\n"
                       "defaults:\n  - scope:\n      path: ''\n      type: tabs\n    values:\n      permalink: /:title/\n",
        "_tabs/archives.md": "---\nlayout: archives\norder: 3\n---\n",
        "_tabs/tags.md": "---\nlayout: tags\norder: 2\n---\n\n",
        "_tabs/about.md": "---\norder: 4\n---\nSee [the archive](/archives/), [tags](/tags/#python) and "
                          "[a post](/posts/hello/), [lost](/posts/lost/).\n",
        "_posts/2023-01-02-hello.md": "---\ntitle: Hello\n---\nBack [home](/archives). [Lost?](/404.html)\n",
        "404.html": "---\nlayout: page\ntitle: Not found\npermalink: /404.html\n---\n<p>Nothing here.</p>\n",
    })
    kg = qagraph.build(site)
    assert sorted(n for n, d in kg.graph.nodes(data=True) if d["kind"] == "stub") == ["article:/posts/lost"]
    assert kg.related("_tabs/about.md") == ["article:_posts/2023-01-02-hello", "article:/posts/lost"]
    assert kg.counts["skipped"] == 3  # the tabs, and the not-found page, which the site serves too


def test_a_link_to_a_term_s_anchor_on_a_theme_s_tags_page_is_one_to_that_keyword(tmp_path: Path):
    """Minimal Mistakes' ``_pages/tag-archive.md`` (``layout: tags``, no text, at ``/tags/``) lists each tag's
    posts under an anchor of its name, and posts link there ("more [on docker](/tags/#docker)"): such a link
    led nowhere in the graph. It is a ``listing`` edge to that keyword (to the subject, on a ``layout:
    categories`` page); an anchor no term has still reaches the page: no stub."""
    import qagraph

    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Blog\npermalink: /:categories/:title/\ninclude: [_pages]\n",
        "_pages/tag-archive.md": "---\ntitle: Posts by Tag\npermalink: /tags/\nlayout: tags\n---\n",
        "_pages/category-archive.md": "---\ntitle: Posts by Category\npermalink: /categories/\nlayout: categories\n---\n",
        "_posts/2020-01-01-one.md": "---\ntitle: One\ncategories: [Blog]\ntags: [Docker, Space Pirates]\n---\n"
                                    "[docker](/tags/#docker), [pirates](/tags/#Space-Pirates), [blog](/categories/#blog) "
                                    "and [none](/tags/#nosuch).\n",
    })
    kg = qagraph.build(site)
    lists = sorted(v for _, v, k in kg.graph.out_edges("article:_posts/2020-01-01-one", keys=True) if k == "listing")
    assert lists == ["keyword:docker", "keyword:space pirates", "subject:blog"]
    assert kg.counts["stubs"] == 0


def _parse_batch_killed(args: object) -> object:
    """A parsing process's work, ended as the system's out-of-memory killer ends a process."""
    import os
    import signal

    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("not reached")


def test_a_parsing_process_that_is_killed_is_said_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A process of the parsing pool killed (by the system when memory runs out, or kill -9) ended the
    build as "internal error: BrokenProcessPool: ... (a bug in qagraph ...)"; it is said as what it is,
    a :class:`~qagraph.errors.ProcessError` (exit 70)."""
    import qagraph.load
    from qagraph.errors import ProcessError

    for n in range(4):
        write_article(tmp_path, f"a/n{n}.md", f"---\ntitle: Note {n}\n---\n")
    monkeypatch.setattr(qagraph.load, "_parse_batch", _parse_batch_killed)
    with pytest.raises(ProcessError, match="^a process parsing the files ended without a result: killed ") as raised:
        load(tmp_path, workers=2)
    assert raised.value.exit_code == 70
