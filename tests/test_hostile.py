"""Hostile input: nothing in a content folder can break ``qagraph check`` or ``qagraph build``.

Each case writes one hostile thing (a FIFO, a link to /dev/zero, a name that is not
UTF-8, a 20 MiB field, an alias bomb, ...) beside two good articles into a fresh
folder, runs ``qagraph check --json`` and ``qagraph build`` on it, and asserts:

* the exact problems (path as shown, line, severity, message), from both commands alike;
* the counts add up: ``files == articles + rejected + skipped``;
* every good article is in the stored build (read back with :func:`qagraph.open`);
* the RDF files of the build parse (pyoxigraph), whatever the case put in them;
* no traceback and no exception escapes; the documented exit codes (check: 1 when a
  file is rejected, else 0; build: 0 unless no file at all could be read).

Files and folders that cannot be read are made unreadable for real: the tests run as
root, whom ``chmod`` does not stop, so those cases run the commands as ``nobody``.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

import qagraph
from conftest import article_text, url_of, write_article, write_site
from qagraph.cli import cli
from qagraph.errors import ERROR, EXIT_CODES, WARNING


from qagraph.errors import ERROR, SKIPPED, WARNING
from qagraph.limits import Limits
from qagraph.load import load_corpus, parse_text, scan

MiB = 1024 * 1024
GOOD = {"a/good.md": url_of("a", "good"), "b/good.md": url_of("b", "good")}
Problems = list[tuple[str, int | None, str, str]]


def run(*args: str) -> Result:
    """The CLI in-process; fails on a traceback or an exception that escaped."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def good_folder(root: Path) -> Path:
    for path, url in GOOD.items():
        write_article(root, path, article_text(f"Good {path}?", url, keywords="shared, good"))
    return root


def front(fields: str, body: str = "") -> str:
    return f"---\n{fields}\n---\n{body}"


def raw_path(root: Path, *parts: bytes) -> bytes:
    return os.path.join(os.fsencode(root), *parts)


def parse_rdf(out: Path) -> int:
    """Parse every RDF file of the build folder (pyoxigraph, by suffix); how many triples and quads."""
    files = [p for p in sorted(out.rglob("*")) if p.suffix in (".nt", ".nq", ".ttl", ".trig")
             and not {"views", ".qagraph"} & set(p.relative_to(out).parts) and not p.name.startswith(".")]
    assert files, sorted(p.name for p in out.rglob("*"))
    return sum(1 for p in files for _ in ox.parse(path=p, format=ox.RdfFormat.from_extension(p.suffix[1:])))


def problems_of(root: Path, out: Path, *options: str) -> Problems:
    """Check and build ``root``; everything the module text promises, then the problems found."""
    check = run("check", "-c", str(root), "--json", *options)
    checked = json.loads(check.stdout)
    built = run("build", "-c", str(root), "-o", str(out), "-q", *options)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    counts = report["counts"]
    assert counts["files"] == counts["articles"] + counts["rejected"] + counts["skipped"]
    for key in ("files", "articles", "rejected", "skipped", "errors", "warnings"):
        assert checked["counts"][key] == counts[key], key
    assert sorted(map(str, checked["problems"])) == sorted(map(str, report["problems"]))
    assert check.exit_code == (1 if counts["rejected"] else 0), check.output
    assert built.exit_code == (1 if counts["files"] and not counts["articles"] else 0), built.output
    errors = sorted(p["path"] for p in report["problems"] if p["severity"] == ERROR)
    assert sorted(report["rejected"]) == sorted(set(errors))

    kg = qagraph.open(out)
    paths = [kg.node(n)["path"] for n in kg.articles]
    assert set(GOOD) <= set(paths)
    assert len(paths) == counts["articles"]
    assert parse_rdf(out) > 0
    return [(p["path"], p["line"], p["severity"], p["message"]) for p in report["problems"]]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return good_folder(tmp_path / "content")


# -- the cases: (how to make it, the problems it must give) ----------------------------------

def _bomb(last: str) -> str:
    levels = ["a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
    for prev, name in zip("abcdefg", "bcdefgh"):
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(levels) + "\n" + last


def _many_related(n: int) -> str:
    return "".join(f"related_article{i}:\n  url: /learn/a/questions/r{i}\n" for i in range(1, n + 1))


def _write(relpath: str, data: str | bytes) -> Callable[[Path], object]:
    def make(root: Path) -> None:
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return make


def _fifo(root: Path) -> None:
    os.mkfifo(root / "a" / "x.md")


def _socket(root: Path) -> None:
    with socket.socket(socket.AF_UNIX) as s:
        s.bind(str(root / "a" / "sock.md"))


def _non_utf8_name(root: Path) -> None:
    with open(raw_path(root, b"a", b"caf\xe9.md"), "w") as handle:
        handle.write(front("title: Cafe\nurl: /learn/a/questions/cafe"))


def _non_utf8_folder(root: Path) -> None:
    os.mkdir(raw_path(root, b"d\xff"))
    with open(raw_path(root, b"d\xff", b"x.md"), "w") as handle:
        handle.write(front("title: In a folder with a bad name"))


def _names_that_read_the_same(root: Path) -> None:
    _non_utf8_name(root)
    (root / "a" / "caf\\xe9.md").write_text(front("title: Spelled out\nurl: /learn/a/questions/spelled"))


def _folder_named_md(root: Path) -> None:
    (root / "a" / "folder.md").mkdir()
    write_article(root, "a/folder.md/inside.md", front("title: Inside a folder named .md"))


DEEP_YAML = ("a/x.md", 3, ERROR, "front matter nested more than 100 levels deep (or an alias that contains itself)")
C = {
    # kinds of file
    "fifo": (_fifo, [("a/x.md", None, ERROR, "not a regular file: it is a FIFO (named pipe); not read")]),
    "link to /dev/zero": (lambda r: os.symlink("/dev/zero", r / "a" / "zero.md"),
                          [("a/zero.md", None, ERROR, "not a regular file: it is a character device; not read")]),
    "broken link": (lambda r: os.symlink("nowhere.md", r / "a" / "broken.md"),
                    [("a/broken.md", None, ERROR, "broken link: its target does not exist")]),
    "link loop": (lambda r: os.symlink("loop.md", r / "a" / "loop.md"),
                  [("a/loop.md", None, ERROR, "cannot read file: Too many levels of symbolic links")]),
    "link to an article file": (lambda r: os.symlink("../b/good.md", r / "a" / "same.md"), [  # the link: a duplicate
        ("a/same.md", None, WARNING, "a link to b/good.md, an article file of the corpus: the same file is read twice "
                                     "(remove the link, or copy the file)"),
        ("a/same.md", 17, ERROR, "duplicate article: /learn/b/questions/good is already used by b/good.md")]),
    "link to a file outside the corpus": (lambda r: os.symlink(r / "a" / "good.md", r.parent / "outside.md")
                                          and None or os.symlink(r.parent / "outside.md", r / "a" / "out.md"), [
        ("a/out.md", None, WARNING, "a link to a/good.md, an article file of the corpus: the same file is read twice "
                                    "(remove the link, or copy the file)"),  # through a link outside
        ("a/out.md", 17, ERROR, "duplicate article: /learn/a/questions/good is already used by a/good.md")]),
    "socket": (_socket, [("a/sock.md", None, ERROR, "not a regular file: it is a socket; not read")]),
    "link to a folder named .md": (lambda r: os.symlink("/", r / "a" / "root.md"), [  # not followed: said
        ("a/root.md/", None, WARNING, "a link to a folder (/): links to folders are not followed, so the files there "
                                      "are not read (copy or move them into the corpus)")]),
    "folder named .md": (_folder_named_md, []),
    "empty file": (_write("a/x.md", b""), [("a/x.md", None, ERROR, "empty file: no front matter")]),
    "blank file": (_write("a/x.md", b" \n\t\n"), [("a/x.md", None, ERROR, "empty file: no front matter")]),
    # what a crash while a file was written can leave: valid UTF-8, read as a note of NULs, or "no front matter"
    "a file of NUL bytes": (_write("a/x.md", bytes(4096)), [
        ("a/x.md", None, ERROR, "the file holds nothing but 4,096 NUL bytes (a write cut short?): not read")]),
    "a note of NUL bytes": (_write("a/x.md", bytes(4096)), [
        ("a/x.md", None, ERROR, "the file holds nothing but 4,096 NUL bytes (a write cut short?): not read")],
        "--preset", "obsidian"),
    "binary garbage": (_write("a/x.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40),
                       [("a/x.md", 1, ERROR, "not UTF-8 text (byte 0: invalid start byte)")]),
    "file over the size limit": (_write("a/x.md", front("title: Big\nanswer: " + "x" * (9 * MiB))),
                                 [("a/x.md", None, ERROR,
                                   "file is 9.0 MiB, over the 8.0 MiB limit (--max-file-size); not read")]),
    # names
    "name not UTF-8": (_non_utf8_name, [("a/caf\\xe9.md", None, WARNING,
                                         "the file name is not valid UTF-8; it is shown with \\x escapes")]),
    "folder name not UTF-8": (_non_utf8_folder, [("d\\xff/x.md", None, WARNING,
                                                  "the file name is not valid UTF-8; it is shown with \\x escapes")]),
    "newline in a name": (_write("a/two\nlines.md", front("title: Two lines")),
                          [("a/two\\nlines.md", None, WARNING,
                            "the file name holds control characters; it is shown escaped")]),
    "escape sequence in a name": (_write("a/\x1b[31mred.md", front("title: Red")),
                                  [("a/\\x1b[31mred.md", None, WARNING,
                                    "the file name holds control characters; it is shown escaped")]),
    # a name that reads "evil" then, right to left, "md.png" ("gnp" reversed): no control character, as it was said
    "bidi override in a name": (_write("a/evil\u202egnp.md", front("title: Evil")), [
        ("a/evil\\u202egnp.md", None, WARNING, "the file name holds U+202E RIGHT-TO-LEFT OVERRIDE, which does not "
                                               "print as a letter; it is shown escaped")]),
    "zero-width space in a name": (_write("a/zero\u200bwidth.md", front("title: Zero")), [
        ("a/zero\\u200bwidth.md", None, WARNING, "the file name holds U+200B ZERO WIDTH SPACE, which does not print "
                                                 "as a letter; it is shown escaped")]),
    "names that read the same": (_names_that_read_the_same, [
        ("a/caf\\xe9.md [2]", None, ERROR,
         "its name reads the same as a/caf\\xe9.md once made readable; not read (rename one of them)")]),
    "markup in names": (_write("<b>&amp;</b>/\"it's\".md", front("title: <script>alert(1)</script>")), []),
    # encodings and line ends
    "BOM and CRLF": (_write("a/x.md", b"\xef\xbb\xbf" + front("title: Windows\r\nurl: /learn/a/questions/w")
                            .replace("\n", "\r\n").encode()), []),
    # a mark written over a file that had one: the file was taken for one without front matter
    "two byte-order marks": (_write("a/x.md", b"\xef\xbb\xbf" * 2 + front("title: Twice\nurl: /learn/a/questions/w")
                                    .encode()), []),
    "lone CR line ends": (_write("a/x.md", b"---\rtitle: Old Mac\r---\rbody\r"), []),
    "UTF-16": (_write("a/x.md", front("title: Wide").encode("utf-16")),
               [("a/x.md", 1, ERROR, "UTF-16 text (it starts with a UTF-16 byte-order mark), not UTF-8: save it "
                                     "as UTF-8")]),
    "UTF-32": (_write("a/x.md", front("title: Wide").encode("utf-32")),  # its mark starts as UTF-16's does
               [("a/x.md", 1, ERROR, "UTF-32 text (it starts with a UTF-32 byte-order mark), not UTF-8: save it "
                                     "as UTF-8")]),
    # without a mark, ASCII in UTF-16 or UTF-32 is valid UTF-8: a title-less note with NULs for text
    "UTF-16 without a byte-order mark": (_write("a/x.md", front("title: Wide").encode("utf-16-le")), [
        ("a/x.md", 1, ERROR, "UTF-16 text (little-endian, without a byte-order mark), not UTF-8: save it as UTF-8")]),
    "UTF-32 without a byte-order mark": (_write("a/x.md", front("title: Wide").encode("utf-32-be")), [
        ("a/x.md", 1, ERROR, "UTF-32 text (big-endian, without a byte-order mark), not UTF-8: save it as UTF-8")]),
    "Latin-1 on line 3": (_write("a/x.md", b"---\ntitle: T\nauthor: Jos\xe9\n---\n"),
                          [("a/x.md", 3, ERROR, "not UTF-8 text (byte 24: invalid continuation byte)")]),
    "NUL in the front matter": (_write("a/x.md", b"---\ntitle: T\nx: a\x00b\n---\n"),
                                [("a/x.md", 3, ERROR, "invalid YAML: unacceptable character #x0000: "
                                                      "control characters are not allowed")]),
    "NUL in the body": (_write("a/x.md", b"---\ntitle: T\n---\nbody \x00 here\n"), []),
    "NUL and BEL by escapes": (_write("a/x.md", front('title: "T\\0\\a"\nanswer: "a\\0b\\x07\\e"')), [
        ("a/x.md", line, WARNING, f"{field} holds a NUL character (U+0000), written as an escape; it is read as U+FFFD")
        for line, field in ((2, "title"), (3, "answer"))]),  # BEL and ESC are kept: SQLite keeps them whole
    "lone surrogate by escape": (_write("a/x.md", front('title: "T\\ud800"')),
                                 [("a/x.md", 2, ERROR, "invalid YAML: \\ud800 is half of a UTF-16 pair (a lone "
                                                       "surrogate), not a character")]),
    "odd characters in RDF literals and IRIs": (_write("a/x.md", front(
        r'title: "odd \uFFFE\uFFFF\u2028\u0085\x7f \"\"\" \\ end"' "\n"
        r'answer: "\"\"\"\n\r\t\U0001F600 <script>"' "\n"
        r'url: "/learn/a/questions/odd \uFFFF<>{}|^`\"x"')), []),
    "a million blank lines": (_write("a/x.md", front("title: Tall", "\n" * 1_000_000)), []),
    # YAML shapes
    "front matter not closed": (_write("a/x.md", "---\ntitle: T\n"),
                                [("a/x.md", 1, ERROR, "front matter is not closed: no '---' line after line 1")]),
    # YAML's end of document, which Jekyll accepts: the file was read as YAML up to a rule in the body
    "front matter closed by '...'": (_write("a/x.md", "---\ntitle: Dots\n...\nBody\n\n---\n\nAfter a rule\n"), []),
    "front matter closed by '...' only": (_write("a/x.md", "---\ntitle: Dots\n...\nBody\n"), []),
    "empty front matter": (_write("a/x.md", "---\n---\n"), [("a/x.md", 2, ERROR, "no title: none of title, article_title, question is set")]),
    "front matter a string": (_write("a/x.md", "---\njust words\n---\n"),
                              [("a/x.md", 2, ERROR, "front matter is a string, not a mapping of fields")]),
    "duplicate key": (_write("a/x.md", front("title: First\nurl: /learn/a/questions/d\ntitle: Second")),
                      [("a/x.md", 4, WARNING, "duplicate key title (also on line 2); the last one is used")]),
    "2,000 duplicate keys": (_write("a/x.md", front("title: T\n" + "a: 1\n" * 2001)), [  # not 2,000 warnings
        *(("a/x.md", n, WARNING, f"duplicate key a (also on line {n - 1}); the last one is used") for n in range(4, 24)),
        ("a/x.md", 24, WARNING, "1,980 more duplicate keys after these; the last of each is used")]),
    "500 impossible dates": (_write("a/x.md", front("title: T\nx: [" + ", ".join(["2024-13-45"] * 500) + "]")), [
        ("a/x.md", 3, WARNING, "400 more warnings after these (the first of them: x: '2024-13-45' is not a date "
                               "(month must be in 1..12); read as text)"),  # the report sorts by line, then text
        *[("a/x.md", 3, WARNING, "x: '2024-13-45' is not a date (month must be in 1..12); read as text")] * 100]),
    # a merge key's pairs are no duplicates: the mapping's own key wins, as YAML says (a warning said
    # the last was used, naming the merged one's line)
    "merge key under a key of its own": (_write("a/x.md", front(
        "base: &b {title: Merged, seo: {page_keywords: m}}\ntitle: Own\n<<: *b\nseo:\n  <<: {page_keywords: n}\n"
        "  page_keywords: own")), []),
    "duplicate key beside a merge key": (_write("a/x.md", front("title: A\ntitle: B\n<<: {title: C}")),
                                         [("a/x.md", 3, WARNING, "duplicate key title (also on line 2); the last "
                                                                 "one is used")]),
    "duplicate nested key": (_write("a/x.md", front("title: T\nseo:\n  page_keywords: a\n  page_keywords: b")),
                             [("a/x.md", 5, WARNING,
                               "duplicate key seo.page_keywords (also on line 4); the last one is used")]),
    # two keys to YAML, one name in the build's data (JSON's keys are text): the first value is lost, as said
    "1 and '1' are two keys": (_write("a/x.md", front("title: T\n1: one\n'1': text one")), [
        ("a/x.md", 4, WARNING, "keys 1 and '1' are both '1' as text; the value of the last is kept")]),
    "unhashable key": (_write("a/x.md", front("title: T\n? [a, b]\n: v")),
                       [("a/x.md", 3, ERROR, "invalid YAML: found unhashable key (while constructing a mapping)")]),
    # a tag the safe loader does not read constructs nothing: the value is read as written (the whole
    # front matter was refused, and with it the article, for one tag)
    "python tag": (_write("a/x.md", front("title: !!python/object/apply:os.system ['true']")),
                   [("a/x.md", 2, WARNING, "title: the tag '!!python/object/apply:os.system' is not one qagraph "
                                           "reads: read as a plain list")]),
    "a site's own tags": (_write("a/x.md", front("title: !secret T\nsubject: !ruby/object:Subject\n  name: S\n"
                                                 "seo:\n  page_keywords: !include 'a, b'\ntags: !set [x]")), [
        ("a/x.md", 2, WARNING, "title: the tag '!secret' is not one qagraph reads: read as plain text"),
        ("a/x.md", 3, WARNING, "subject is a mapping, not text; ignored"),
        ("a/x.md", 3, WARNING, "subject: the tag '!ruby/object:Subject' is not one qagraph reads: read as a plain "
                               "mapping"),
        ("a/x.md", 6, WARNING, "page_keywords: the tag '!include' is not one qagraph reads: read as plain text"),
        ("a/x.md", 7, WARNING, "tags: the tag '!set' is not one qagraph reads: read as a plain list")]),
    # YAML's own tags on what they cannot read: a KeyError (!!bool maybe), an AttributeError (!!timestamp soon),
    # an IndexError (an empty !!int) stopped the whole build; a ValueError (!!int x) rejected the file
    "YAML's own tags on values that are none": (_write("a/x.md", front(
        "title: !!str T\nok: !!bool maybe\nn: !!int\nf: !!float x\nd: !!timestamp soon\ntags: [!!int a, !!bool nope]")), [
        ("a/x.md", 3, WARNING, "ok: 'maybe' is not a boolean (tagged !!bool); read as text"),
        ("a/x.md", 4, WARNING, "n: '' is not an integer (tagged !!int); read as text"),
        ("a/x.md", 5, WARNING, "f: 'x' is not a number (tagged !!float); read as text"),
        ("a/x.md", 6, WARNING, "d: 'soon' is not a date (tagged !!timestamp); read as text"),
        ("a/x.md", 7, WARNING, "tags: 'a' is not an integer (tagged !!int); read as text"),
        ("a/x.md", 7, WARNING, "tags: 'nope' is not a boolean (tagged !!bool); read as text")]),
    "binary and set tags": (_write("a/x.md", front("title: !!binary aGVsbG8=\nkeywords: !!set {a, b}")), []),
    "impossible date": (_write("a/x.md", front("title: T\ndate: 2025-13-45")),  # read as text, on its line
                        [("a/x.md", 3, WARNING, "date: '2025-13-45' is not a date (month must be in 1..12); "
                                                "read as text")]),
    "a list of dates": (_write("a/x.md", front("title: T\ndate: [2024-01-01, 2024-02-02]")),
                        [("a/x.md", 3, WARNING, "date is a list, not a date; ignored")]),  # not "[datetime.date(..."
    "a mapping as the date": (_write("a/x.md", front("title: T\ndate: {on: 2024-01-01}")),
                              [("a/x.md", 3, WARNING, "date is a mapping, not a date; ignored")]),
    "deep flow nesting": (_write("a/x.md", front("title: T\nv: " + "[" * 100_000 + "]" * 100_000)),
                          [("a/x.md", 3, ERROR,
                            "invalid YAML: exceeded maximum nesting depth (while increasing flow level)")]),
    "deep block nesting": (_write("a/x.md", front("title: T\n" + "".join(" " * i + f"k{i}:\n" for i in range(3000)))),
                           [("a/x.md", 1002, ERROR,
                             "invalid YAML: exceeded maximum nesting depth (while increasing block level)")]),
    "nesting 100 levels": (_write("a/x.md", front("title: T\nv: " + "[" * 99 + "]" * 99)), []),
    "nesting 101 levels": (_write("a/x.md", front("title: T\nv: " + "[" * 100 + "]" * 100)), [DEEP_YAML]),
    "nesting 900 levels": (_write("a/x.md", front("title: T\nv: " + "[" * 900 + "]" * 900)), [DEEP_YAML]),
    "alias inside itself": (_write("a/x.md", front("title: T\nv: &v [*v, 1]")), [DEEP_YAML]),
    "alias bomb in a field": (_write("a/x.md", front(_bomb("title: Bomb\nkeywords: *h"))), [
        *(("a/x.md", n, WARNING, f"{k} holds more than 100,000 values (YAML aliases?); not kept")
          for n, k in ((6, "e"), (7, "f"), (8, "g"), (9, "h"))),
        ("a/x.md", 11, WARNING, "keywords: 10 of the 10 items of keywords are not text (a mapping or a list); "
                                "ignored")]),
    # a note's properties are walked for [[links]] however deep: the walk had no end (10^8 values)
    "alias bomb in a note's properties": (_write("a/x.md", front(_bomb("title: Bomb"))), [
        ("a/x.md", n, WARNING, f"{k} holds more than 100,000 values (YAML aliases?); not kept")
        for n, k in ((6, "e"), (7, "f"), (8, "g"), (9, "h"))], "--preset", "obsidian"),
    "alias bomb as the title": (_write("a/x.md", front(_bomb("title: *h"))),
                                [("a/x.md", 10, ERROR, "no title: title is a list whose first item is a list, "
                                                       "not text")]),
    "TOML front matter": (_write("a/x.md", '+++\ntitle = "T"\ntags = ["x"]\ndate = 1979-05-27T07:32:00Z\n+++\n'), []),
    "TOML repeated key": (_write("a/x.md", '+++\ntitle = "T"\ntitle = "U"\n+++\n'),
                          [("a/x.md", 3, ERROR, "invalid TOML: Cannot overwrite a value")]),
    "TOML nesting 101 levels": (_write("a/x.md", "+++\ntitle = 'T'\nv = " + "[" * 100 + "]" * 100 + "\n+++\n"),
                                [("a/x.md", 2, ERROR, "front matter nested more than 100 levels deep")]),
    "TOML deep nesting": (_write("a/x.md", "+++\ntitle = 'T'\nv = " + "[" * 50_000 + "]" * 50_000 + "\n+++\n"),
                          [("a/x.md", 2, ERROR, "invalid TOML: maximum recursion depth exceeded")]),
    # values
    "superscript digit in related_article²": (
        _write("a/x.md", front("title: T\nrelated_article\u00b2:\n  url: /learn/a/questions/good")), []),
    "id over 64 bits": (_write("a/x.md", front("title: T\nid: 99999999999999999999999")),
                        [("a/x.md", 3, WARNING, "id 99999999999999999999999 does not fit in 64 bits; kept as data")]),
    "related number over 64 bits": (
        _write("a/x.md", front("title: T\nrelated_article99999999999999999999:\n  url: /learn/a/questions/good")),
        [("a/x.md", 3, WARNING, "related_article99999999999999999999: its number does not fit in 64 bits; ignored")]),
    "related id over 64 bits": (
        _write("a/x.md", front("title: T\nrelated_article1:\n  id: 99999999999999999999\n  url: /learn/b/questions/good")),
        [("a/x.md", 3, WARNING, "related_article1: id 99999999999999999999 does not fit in 64 bits; the url is used")]),
    # numbers with more digits than Python writes in decimal (4,300) stopped the whole build
    "a number of 5,000 hexadecimal digits": (_write("a/x.md", front("title: T\nnotes: 0x" + "f" * 5000)), [
        ("a/x.md", 3, WARNING, "notes: the number '0xffffffffffffffffffffffffffffffffffffff...' has more than 4,300 "
                               "digits (in decimal); read as text")]),
    "a number of 5,000 digits": (_write("a/x.md", front("title: T\nnotes: [" + "9" * 5000 + "]")), [
        ("a/x.md", 3, WARNING, "notes: the number '9999999999999999999999999999999999999999...' has more than 4,300 "
                               "digits (in decimal); read as text")]),
    # YAML 1.1's base 60 is not read (16:9 is text, as in YAML 1.2): no number to convert, nothing to say
    "3,000 base-60 digits as a key": (_write("a/x.md", front("title: T\n? 1" + ":59" * 3000 + "\n: v")), []),
    "an id of 5,000 digits in quotes": (_write("a/x.md", front("title: T\nid: '" + "9" * 5000 + "'")), [
        ("a/x.md", 3, WARNING, "id '999999999999999999999999999999999999999... does not fit in 64 bits; kept as data")]),
    "a related number of 5,000 digits": (
        _write("a/x.md", front("title: T\n? related_article" + "9" * 5000 + "\n: {url: /learn/b/questions/good}")),
        [("a/x.md", 3, WARNING, "related_article9999999999999999999999999...: its number does not fit in 64 bits; "
                                "ignored")]),
    "TOML number of 5,000 hexadecimal digits": (_write("a/x.md", "+++\ntitle = 'T'\nv = 0x" + "f" * 5000 + "\n+++\n"),
                                                [("a/x.md", 3, ERROR, "invalid TOML: a number of more than 4,300 digits "
                                                                      "(in decimal); write it as a string")]),
    "TOML number of 5,000 digits": (_write("a/x.md", "+++\ntitle = 'T'\n\nv = " + "9" * 5000 + "\n+++\n"),
                                    [("a/x.md", 4, ERROR, "invalid TOML: a number of more than 4,300 digits "
                                                          "(in decimal); write it as a string")]),
    # Hugo's JSON front matter: an integer too long for int() and an escape of half a character stopped the build
    "JSON number of 5,000 digits": (_write("a/x.md", '{"title": "T",\n "v": 1' + "0" * 5000 + '}\nBody\n'),
                                    [("a/x.md", 2, ERROR, "invalid JSON: a number of more than 4,300 digits "
                                                          "(in decimal); write it as a string")], "--preset", "hugo"),
    "JSON lone surrogate": (_write("a/x.md", '{\n"title": "T",\n"v": "a\\ud800b"\n}\nBody\n'),
                            [("a/x.md", 3, ERROR, "invalid JSON: \\ud800 is half of a UTF-16 pair (a lone surrogate), "
                                                  "not a character")], "--preset", "hugo"),
    "JSON surrogate pair": (_write("a/x.md", '{"title": "T \\ud83d\\ude00", "v": "\\\\ud800"}\nBody\n'), [],
                            "--preset", "hugo"),
    "score nan": (_write("a/x.md", front("title: T\nscore: nan")),
                  [("a/x.md", 3, WARNING, "score nan is not a finite number; kept as data")]),
    "score infinite": (_write("a/x.md", front("title: T\nscore: 1e999")),
                       [("a/x.md", 3, WARNING, "score inf is not a finite number; kept as data")]),
    "url over the limit": (_write("a/x.md", front("title: T\nurl: /learn/a/" + "u" * 5000)),
                           [("a/x.md", 3, ERROR, "url is 5,009 characters, over the 4,096-character limit for a url "
                                                 "(the article's identity cannot be cut); not loaded")]),
    "title of 3 Mi characters": (_write("a/x.md", front("title: " + "t" * (3 * MiB))), [
        ("a/x.md", 2, WARNING,
         "title is 3,145,728 characters, over the 1,048,576-character limit for one field; cut to 1,048,576")]),
    "8 MiB of BEL escapes (24 MiB as an RDF term)": (
        _write("a/x.md", front('title: T\nanswer: "' + "\\a" * (4 * MiB - 64) + '"')),
        [("a/x.md", 3, WARNING,
          "answer is 4,194,240 characters, over the 1,048,576-character limit for one field; cut to 1,048,576")]),
    "body over the limit": (_write("a/x.md", front("title: T", "b" * (MiB + 1))), [
        ("a/x.md", 4, WARNING,
         "the body is 1,048,577 characters, over the 1,048,576-character limit for one field; cut to 1,048,576")]),
    "unknown field over the limit": (_write("a/x.md", front("title: T\nnotes: " + "n" * (MiB + 5))), [
        ("a/x.md", 3, WARNING,
         "notes is 1,048,581 characters, over the 1,048,576-character limit for one field; cut to 1,048,576")]),
    "100,000 keywords": (_write("a/x.md", front("title: T\nkeywords: " + ", ".join(f"k{i}" for i in range(100_000)))),
                         [("a/x.md", 3, WARNING,
                           "100,000 keywords, over the limit of 1,000 for one article; the first 1,000 kept")]),
    "a keyword of 2,000 characters": (_write("a/x.md", front("title: T\nkeywords: fine, " + "k" * 2000)), [
        ("a/x.md", 3, WARNING, "1 keyword(s) over the 1,000-character limit for a keyword dropped "
                               "(the first, 2,000 characters: 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk...')")]),
    "2,000 related links": (_write("a/x.md", front("title: T\n" + _many_related(2000).rstrip("\n"))), [
        ("a/x.md", 2003, WARNING, "2,000 related links, over the limit of 1,000 for one article; the first 1,000 kept")]),
    "2,000 wiki-links in the body": (_write("a/x.md", front("title: T", " ".join(f"[[note {i}]]" for i in range(2000)))),
                                     [("a/x.md", 4, WARNING, "2,000 related links, over the limit of 1,000 for one "
                                                             "article; the first 1,000 kept")], "--preset", "obsidian"),
    "a link target of 5,000 characters": (_write("a/x.md", front("title: T", "[x](/" + "y" * 5000 + ")")), [
        ("a/x.md", 4, WARNING, "the link to '/yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy...': target is 5,001 characters, "
                               "over the 4,096-character limit; ignored")], "--preset", "hugo"),
    "related link title over the limit": (
        _write("a/x.md", front("title: T\nrelated_article1:\n  url: /learn/a/questions/far\n  title: " + "r" * (MiB + 1))),
        [("a/x.md", 3, WARNING, "related_article1: title is 1,048,577 characters, over the 1,048,576-character limit "
                                "for one field; cut to 1,048,576")]),
}


@pytest.mark.parametrize("case", list(C))
def test_hostile_case(case: str, root: Path, tmp_path: Path) -> None:
    make, expected, *options = C[case]
    make(root)
    assert problems_of(root, tmp_path / "out", *options) == expected


def test_twenty_mib_field_with_a_larger_file_limit(root: Path, tmp_path: Path) -> None:
    """The issue's case: a 20 MiB answer crashed the Turtle writer while check called the folder clean."""
    write_article(root, "a/x.md", front("title: Huge\nanswer: " + "x" * (20 * MiB)))
    assert problems_of(root, tmp_path / "out", "--max-file-size", str(64 * MiB)) == [
        ("a/x.md", 3, WARNING,
         "answer is 20,971,520 characters, over the 1,048,576-character limit for one field; cut to 1,048,576")]


def test_hundred_thousand_keywords_make_a_small_view(root: Path, tmp_path: Path) -> None:
    """The issue's case: `qagraph view` of an article with 100,000 keywords wrote a 17 MB page."""
    url = url_of("a", "many")
    write_article(root, "a/many.md", front(f"title: Many\nurl: {url}\nkeywords: "
                                           + ", ".join(f"keyword {i}" for i in range(100_000))))
    out = tmp_path / "out"
    problems_of(root, out)
    kg = qagraph.open(out)
    assert len(kg.keywords_of(url)) == Limits().keywords
    page = tmp_path / "many.html"
    assert run("view", url, "-b", str(out), "-o", str(page), "-q").exit_code == 0
    assert page.stat().st_size < 2 * MiB


# -- files and folders that cannot be read ----------------------------------------------------------
# Root reads through chmod 000, so as root the commands run in a user namespace of their own
# (``unshare --user``): the same user, without the capabilities that override permissions.


def unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m qagraph ARGS`` in a process that file permissions stop."""
    prefix = ["unshare", "--user"] if os.geteuid() == 0 else []
    result = subprocess.run([*prefix, sys.executable, "-m", "qagraph", *args], cwd=cwd, capture_output=True,
                            text=True, timeout=300)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def test_a_link_to_a_folder_is_said_by_every_build(root: Path, tmp_path: Path) -> None:
    """Adding or removing a link to a folder makes the next build say so (or stop saying so):
    the scan's problems are part of what an unchanged build is recognised by."""
    import qagraph

    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    write_article(elsewhere, "shared.md", "A shared note")
    first = qagraph.build(root, out=out)
    os.symlink(elsewhere, root / "shared")
    linked = qagraph.build(root, out=out)
    assert not linked.build_info.up_to_date
    assert [(p["path"], p["severity"], p["code"]) for p in linked.report()["problems"] if p["path"] == "shared/"] == [
        ("shared/", WARNING, "folder-link")]
    assert linked.counts["files"] == first.counts["files"]  # its file is not an input: said, not counted
    os.unlink(root / "shared")
    again = qagraph.build(root, out=out)
    assert not again.build_info.up_to_date and not [p for p in again.report()["problems"] if p["path"] == "shared/"]


@pytest.fixture
def chmod_back(tmp_path: Path) -> Iterator[list[Path]]:
    """Paths whose permissions the test takes away; given back so the folder can be removed."""
    taken: list[Path] = []
    yield taken
    for path in taken:
        os.chmod(path, 0o755)


def test_unreadable_file_and_folder_are_reported(root: Path, chmod_back: list[Path]) -> None:
    write_article(root, "a/locked.md", front("title: Locked"))
    write_article(root, "sealed/inner/x.md", front("title: Sealed"))
    for path, mode in ((root / "a" / "locked.md", 0), (root / "sealed", 0)):
        os.chmod(path, mode)
        chmod_back.append(path)
    expected = [
        {"path": "a/locked.md", "line": None, "severity": ERROR, "code": "io",
         "message": "cannot read file: Permission denied"},
        {"path": "sealed/", "line": None, "severity": ERROR, "code": "io",
         "message": "cannot read folder: Permission denied"},
    ]
    check = unprivileged("check", "-c", "content", "--json", cwd=root.parent)
    assert check.returncode == 1, check.stderr
    assert json.loads(check.stdout)["problems"] == expected
    built = unprivileged("build", "-c", "content", "-o", "out", "-q", cwd=root.parent)
    assert built.returncode == 0, built.stderr
    report = json.loads((root.parent / "out" / "report.json").read_text())
    assert report["problems"] == expected
    assert report["counts"]["files"] == 3 and report["counts"]["articles"] == 2  # the sealed folder's files are unseen
    assert report["rejected"] == ["a/locked.md"]


@pytest.mark.parametrize("sealed", ["book", "logseq", "website"])
def test_a_folder_where_a_site_config_is_looked_for_that_cannot_be_read(root: Path, chmod_back: list[Path],
                                                                          sealed: str) -> None:
    """Recognising a site looks for configs in folders of the one read (a book's ``book/_toc.yml``, a
    Logseq graph's ``logseq/config.edn``, a Docusaurus site's ``website/``): one that cannot be read
    ended the build with "Permission denied" naming the config, where it is one folder the report
    names among the others."""
    write_article(root, "a.md", front("title: A"))
    write_article(root, f"{sealed}/inner.md", front("title: Sealed"))
    os.chmod(root / sealed, 0)
    chmod_back.append(root / sealed)
    built = unprivileged("build", "-c", "content", "-o", "out", "-q", cwd=root.parent)
    assert built.returncode == 0, built.stderr
    report = json.loads((root.parent / "out" / "report.json").read_text())
    assert [(p["path"], p["message"]) for p in report["problems"]] == [
        (f"{sealed}/", "cannot read folder: Permission denied")]
    assert report["counts"]["articles"] == report["counts"]["files"] > 0  # the sealed folder's files are unseen


def test_a_vault_whose_templates_folder_cannot_be_read(root: Path, chmod_back: list[Path]) -> None:
    """An Obsidian vault's templates setting names a folder below one that cannot be read: looking
    for it must not end the build with "Permission denied" (``Path.is_dir`` raises on EACCES); the
    sealed folder is one problem, and its templates folder is not found."""
    write_article(root, ".obsidian/templates.json", '{"folder": "sealed/Templates"}')
    write_article(root, "Note.md", "# Note\n\n[[Other]]\n")
    write_article(root, "Other.md", "# Other\n")
    write_article(root, "sealed/Templates/Daily.md", "# {{date}}\n")
    os.chmod(root / "sealed", 0)
    chmod_back.append(root / "sealed")
    built = unprivileged("build", "-c", "content", "-o", "out", "-q", cwd=root.parent)
    assert built.returncode == 0, built.stderr
    report = json.loads((root.parent / "out" / "report.json").read_text())
    assert [(p["path"], p["code"]) for p in report["problems"]] == [
        (".obsidian/templates.json", "site-config"), ("sealed/", "io")]
    assert report["counts"]["articles"] == report["counts"]["files"] > 0 and report["counts"]["stubs"] == 0


def test_a_hidden_folder_that_cannot_be_read_is_counted_as_unknown(root: Path, chmod_back: list[Path]) -> None:
    """A hidden folder is not read, but its article files are counted: one that cannot be read was
    listed as holding none. Its count is unknown (null) in the report and the database, and it is a
    warning naming it (its files are no loss: hidden folders are never read)."""
    write_article(root, ".drafts/d.md", front("title: Draft"))
    write_article(root, ".notes/n.md", front("title: Note"))
    os.chmod(root / ".drafts", 0)
    chmod_back.append(root / ".drafts")
    expected = [{"path": ".drafts/", "line": None, "severity": WARNING, "code": "io",
                 "message": "cannot read folder: Permission denied; how many article files the hidden folder .drafts "
                            "holds is unknown"}]
    check = unprivileged("check", "-c", "content", "--json", cwd=root.parent)
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["problems"] == expected
    built = unprivileged("build", "-c", "content", "-o", "out", "-q", cwd=root.parent)
    assert built.returncode == 0, built.stderr
    report = json.loads((root.parent / "out" / "report.json").read_text())
    assert (report["problems"], report["hidden"]) == (expected, [[".drafts", None], [".notes", 1]])
    assert qagraph.open(root.parent / "out").report()["hidden"] == [(".drafts", None), (".notes", 1)]


def test_output_folder_that_cannot_be_written(root: Path, chmod_back: list[Path]) -> None:
    parent = root.parent / "read-only"
    parent.mkdir()
    os.chmod(parent, 0o555)
    chmod_back.append(parent)
    built = unprivileged("build", "-c", "content", "-o", "read-only/out", "-q", cwd=root.parent)
    assert built.returncode == 3
    assert built.stderr == "qagraph: read-only/out: cannot write in the output's parent folder (permission denied)\n"
    assert not (parent / "out").exists()


def _built_on_a_mount(root: Path, folder: str, options: str, out: str) -> subprocess.CompletedProcess[str]:
    """``qagraph build`` of ``root`` into ``out``, with a tmpfs (mounted with ``options``) on ``root.parent /
    folder``, in a mount namespace of its own."""
    from conftest import ROOT

    (root.parent / folder).mkdir()
    mount = f"mount -t tmpfs {options} tmpfs {root.parent}/{folder} && exec \"$@\""
    return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", mount, "sh", sys.executable,
                           "-m", "qagraph", "build", "-c", str(root), "-o", out, "-q"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_output_folder_on_a_read_only_file_system(root: Path) -> None:
    """Root, whom permissions do not stop, is stopped by a read-only file system: the message said
    "permission denied", which sends one to chmod; it says where the output cannot go, and why."""
    built = _built_on_a_mount(root, "read-only", "-o ro", f"{root.parent}/read-only/out")
    assert (built.returncode, built.stderr) == (3, f"qagraph: {root.parent}/read-only/out: cannot write in the output's "
                                                   "parent folder (a read-only file system)\n")


def test_a_read_only_output_folder_leaves_no_copy_of_the_previous_build_beside_it(root: Path,
                                                                                  chmod_back: list[Path]) -> None:
    """An output folder made read-only (``chmod 555 out``, or ``chmod -R a-w out``) is still built into:
    the new build is swapped in for it and keeps its mode. The previous build, swapped out, could not be
    removed (its folders let no one remove what they hold): each build left a whole copy of the one
    before beside the output, ``.out.qagraph-staging-*``, and no later build swept them."""
    out = root.parent / "out"
    assert run("build", "-c", str(root), "-o", str(out), "-q").exit_code == 0
    for n, how in enumerate(("555", "-R a-w")):
        subprocess.run(["chmod", *how.split(), str(out)], check=True)
        chmod_back.append(out)
        write_article(root, f"a/new{n}.md", front(f"title: New {n}"))
        built = unprivileged("build", "-c", "content", "-o", "out", "-q", cwd=root.parent)
        assert built.returncode == 0, built.stderr
        assert json.loads((out / "report.json").read_text())["counts"]["articles"] == 3 + n
        assert stat.S_IMODE(out.stat().st_mode) == 0o555, how
        assert sorted(p.name for p in root.parent.iterdir()) == [".out.qagraph-lock", "content", "out"], how


def test_an_output_folder_that_is_a_mount_point_is_said_before_the_build(root: Path) -> None:
    """A build is written beside the output folder and swapped in for it: a folder where a file system is
    mounted (a container's volume, ``-v ./build:/build``; a tmpfs) cannot be swapped. The whole build was
    made, then "cannot put the new build in place: Device or resource busy"; it is said at once, with
    what to do instead."""
    built = _built_on_a_mount(root, "mounted", "", f"{root.parent}/mounted")
    assert (built.returncode, built.stderr) == (3, f"qagraph: {root.parent}/mounted: the output folder is a mount "
                                                   "point: a build is written beside it and swapped in whole, which "
                                                   "cannot replace a mount point; build into a folder inside it "
                                                   f"(-o {root.parent}/mounted/build)\n")
    assert sorted(p.name for p in root.parent.iterdir()) == ["content", "mounted"]


# -- races: a file that changes between discovery and reading ---------------------------------------


def test_file_gone_or_swapped_for_a_fifo_after_discovery(root: Path) -> None:
    write_article(root, "a/gone.md", front("title: Gone"))
    write_article(root, "a/swapped.md", front("title: Swapped"))
    found = scan(root)
    (root / "a" / "gone.md").unlink()
    (root / "a" / "swapped.md").unlink()
    os.mkfifo(root / "a" / "swapped.md")
    result = load_corpus(root, scanned=found)
    assert [(p.path, p.message) for p in result.problems] == [
        ("a/gone.md", "cannot read file: No such file or directory"),
        ("a/swapped.md", "not a regular file: it is a FIFO (named pipe); not read"),
    ]
    assert result.counts["files"] == 4 and result.counts["articles"] == 2


# -- the output folder --------------------------------------------------------------------------------


@pytest.mark.parametrize("out, code, message", [
    ("a-file", 3, "qagraph: a-file: the output exists and is not a folder"),
    ("a-file/out", 3, "qagraph: a-file/out: the output's parent is not a folder"),
    ("/dev/null", 3, "qagraph: /dev/null: the output exists and is not a folder"),
    ("/dev/null/out", 3, "qagraph: /dev/null/out: the output's parent is not a folder"),
    ("/proc/qagraph-out", 3, "qagraph: /proc/qagraph-out: cannot lock the output folder: No such file or directory"),
    ("content", 2, "qagraph: content: the output folder content and the content folder content overlap: "
                   "a build would write among the articles (or replace them); choose another output folder, or --force"),
    ("content/build", 2, "qagraph: content/build: the output folder content/build and the content folder content "
                         "overlap: a build would write among the articles (or replace them); choose another output "
                         "folder, or --force"),
    (".", 2, "qagraph: .: the output folder . and the content folder content overlap: a build would write among "
             "the articles (or replace them); choose another output folder, or --force"),
    ("mine", 3, "qagraph: mine: the output folder holds files qagraph did not write (index.html); choose an empty "
                "or new folder, or --force to build there and keep them"),
])
def test_output_refusals(root: Path, monkeypatch: pytest.MonkeyPatch, out: str, code: int, message: str) -> None:
    monkeypatch.chdir(root.parent)
    Path("a-file").write_text("x")
    Path("mine").mkdir()
    Path("mine/index.html").write_text("my own page")
    (root / "index.html").write_text("the user's page")
    before = sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))
    result = run("build", "-c", "content", "-o", out, "-q")
    assert (result.exit_code, result.stderr.strip()) == (code, message)
    assert sorted(p.relative_to(root).as_posix() for p in root.rglob("*")) == before
    assert (root / "index.html").read_text() == "the user's page"
    assert Path("mine/index.html").read_text() == "my own page"
    assert Path("a-file").read_text() == "x"


def test_output_through_a_link(root: Path, tmp_path: Path) -> None:
    """A link to a folder builds into that folder; the link stays a link, and nothing is left beside it."""
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to("real")
    (tmp_path / "dangling").symlink_to("made-on-build")
    for _ in range(2):
        assert run("build", "-c", str(root), "-o", str(tmp_path / "link"), "-q").exit_code == 0
        write_article(root, "a/more.md", front(f"title: More {_}"))
    assert run("build", "-c", str(root), "-o", str(tmp_path / "dangling"), "-q").exit_code == 0
    assert (tmp_path / "link").is_symlink() and (tmp_path / "real" / "report.json").is_file()
    assert (tmp_path / "dangling").is_symlink() and (tmp_path / "made-on-build" / "report.json").is_file()
    assert json.loads((tmp_path / "real" / "report.json").read_text())["counts"]["articles"] == 3
    assert not [p.name for p in tmp_path.iterdir() if "staging" in p.name]


def test_a_content_or_output_folder_that_is_a_link_loop(root: Path, tmp_path: Path) -> None:
    """A content folder that is a link to itself was an internal error (pathlib's RuntimeError "Symlink
    loop"); an output folder that is one was built in full, then "cannot put the new build in place:
    Not a directory". Each is said at once, as a folder that is not there is."""
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    result = run("build", "-c", str(loop), "-o", str(tmp_path / "out"), "-q")
    assert (result.exit_code, result.stderr) == (2, f"qagraph: not a folder: {loop}\n")
    result = run("build", "-c", str(root), "-o", str(loop), "-q")
    assert (result.exit_code, result.stderr) == (3, f"qagraph: {loop}: the output is a link that leads back to "
                                                    "itself (a link loop); remove it, or choose another folder\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "loop"]


def test_force_never_replaces_a_file_of_the_user(root: Path) -> None:
    """--force builds among other files and keeps them; one an output would replace stops the build."""
    (root / "index.html").write_text("the user's page")
    before = snapshot(root)
    result = run("build", "-c", str(root), "-o", str(root), "--force", "-q")
    assert (result.exit_code, result.stderr.strip()) == (3, f"qagraph: {root}: the build would replace files qagraph "
                                                            "did not write (index.html); move them, or choose another "
                                                            "output folder")
    assert snapshot(root) == before
    (root / "index.html").unlink()
    assert run("build", "-c", str(root), "-o", str(root), "--force", "-q").exit_code == 0
    assert run("build", "-c", str(root), "-o", str(root), "--force", "-q").exit_code == 0  # its own files: not others'
    after = snapshot(root)
    del before["index.html"]
    assert {name: data for name, data in after.items() if name in before} == before  # the articles, as they were
    assert "qagraph.db" in after and "index.html" in after


# -- failures while writing: whole or untouched, and the exit code of each kind ----------------------


@pytest.mark.parametrize("raised, code, message", [
    (RuntimeError("a bug"), 70, "qagraph: internal error: RuntimeError: a bug (a bug in qagraph; run with --debug "
                                "for the traceback)"),
    (KeyboardInterrupt(), 130, "qagraph: interrupted; the previous build, if any, is as it was"),
    (OSError(28, "No space left on device"), 3, "qagraph: {out}: cannot write the build: No space left on device; "
                                                 "the build folder is as it was"),
    (qagraph.ContentError("no article", path="a/x.md", line=2), 1, "qagraph: a/x.md:2: no article"),
    (qagraph.UsageError("no such thing"), 2, "qagraph: no such thing"),
    (qagraph.OutputError("cannot write: disk gone", path="elsewhere"), 3, "qagraph: elsewhere: cannot write: disk gone"),
    (qagraph.StoreError("the endpoint refused"), 4, "qagraph: the endpoint refused"),
    (MemoryError("Reached the buffer maximal size of 16777216"), 70,
     "qagraph: internal error: MemoryError: Reached the buffer maximal size of 16777216 (a bug in qagraph; run with "
     "--debug for the traceback)"),
])
def test_a_writer_failing_leaves_the_previous_build(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    raised: BaseException, code: int, message: str) -> None:
    """In a full build (every output written again) and in an incremental one (the database patched)."""
    import qagraph.database

    def fail(*args: object, **kwargs: object) -> None:
        raise raised

    out = tmp_path / "out"
    assert run("build", "-c", str(root), "-o", str(out), "-q").exit_code == 0
    for n, (how, options) in enumerate((("full", ("--no-cache",)), ("incremental", ()))):
        before = snapshot(out)
        write_article(root, f"a/new{n}.md", front(f"title: New {n}"))
        with monkeypatch.context() as patch:  # after the RDF and the views are written
            if how == "full":
                patch.setattr(qagraph.database, "write_database", fail)
            else:
                patch.setattr(qagraph.database.DatabasePatch, "commit", fail)
            result = run("build", "-c", str(root), "-o", str(out), "-q", *options)
        assert (result.exit_code, result.stderr.strip()) == (code, message.format(out=out)), how
        assert snapshot(out) == before, how
        assert not [p.name for p in tmp_path.iterdir() if "staging" in p.name], how


def test_debug_shows_the_traceback(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qagraph.database

    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(qagraph.database, "write_database", fail)
    result = CliRunner().invoke(cli, ["--debug", "build", "-c", str(root), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 70 and "Traceback" in result.stderr and "RuntimeError: a bug" in result.stderr


# -- parse level: limits and severities are what the README says ------------------------------------


def test_limits_can_be_set_and_never_raise() -> None:
    text = front("title: " + "t" * 50 + "\nkeywords: a, b, c, d\nurl: /x/" + "u" * 20)
    article, problems = parse_text("a.md", text, limits=Limits(field_chars=20, keywords=2, url_chars=100))
    assert article is not None and len(article.title) == 20 and article.keywords == ("a", "b")
    assert [p.severity for p in problems] == [WARNING, WARNING]
    article, problems = parse_text("a.md", text, limits=Limits(url_chars=10))
    assert article is None and [p.severity for p in problems] == [ERROR]


# -- names that fold alike ----------------------------------------------------------------------------


@pytest.mark.parametrize("preset", ["generic", "obsidian"])
def test_a_link_names_the_file_spelled_as_it_is_among_names_that_differ_in_case_or_unicode_form(
        tmp_path: Path, preset: str) -> None:
    """``note.md``, ``Note.md`` and ``NOTE.md`` are three files (and ``café.md`` in NFC and in NFD two) on
    Linux: each is an article, and a link that spells one exactly led to whichever came first
    (``[x](Note.md)`` to ``NOTE.md``, an NFC link to the NFD file). A spelling that is none of them
    still reaches one, as before."""
    import unicodedata

    nfc, nfd = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    root = tmp_path / "content"
    for name in ("NOTE", "Note", "note", nfc, nfd):
        write_article(root, f"a/{name}.md", f"# {ascii(name)}\n")
    links = {"Note": "a/Note.md", "note": "a/note.md", "NOTE": "a/NOTE.md", nfc: f"a/{nfc}.md", nfd: f"a/{nfd}.md"}
    body = " ".join(f"[x](../a/{name}.md)" for name in links)
    if preset == "obsidian":
        body += " " + " ".join(f"[[{name}]]" for name in links)
    write_article(root, "b/links.md", f"# Links\n\n{body} [y](../a/nOTE.md)\n")
    kg = qagraph.build(root, out=tmp_path / "out", preset=preset)
    assert kg.counts["articles"] == 6
    related = [kg.node(target)["path"] for target in kg.related("b/links.md")]
    assert related == list(links.values())


def test_names_that_differ_only_in_case_or_unicode_form_are_said_alike_by_every_build(root: Path, tmp_path: Path) -> None:
    """``Note.md`` beside ``note.md``, ``café.md`` in NFD beside it in NFC: two files and two articles on
    Linux, one file on macOS (and, for case, Windows), where a checkout keeps one of them; nothing said
    it. Each later name is a warning naming the other, said alike by check, a cold build and a patched
    one, as names come and go."""
    import unicodedata

    nfc, nfd = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    out = tmp_path / "out"
    qagraph.build(root, out=out)

    def problems() -> list[tuple[str, str]]:
        patched = qagraph.build(root, out=out)
        cold = qagraph.build(root, out=tmp_path / "cold", cache=False)
        checked = json.loads(run("check", "-c", str(root), "--json").stdout)
        found = [(p["path"], p["message"].partition(":")[0]) for p in patched.report()["problems"]]
        assert found == [(p["path"], p["message"].partition(":")[0]) for p in cold.report()["problems"]]
        assert found == [(p["path"], p["message"].partition(":")[0]) for p in checked["problems"]]
        assert patched.counts["articles"] == patched.counts["files"]  # two files, two articles
        return found

    write_article(root, f"a/{nfc}.md", front("title: Composed"))
    write_article(root, "a/Note.md", front("title: Upper"))
    assert problems() == []
    write_article(root, f"a/{nfd}.md", front("title: Decomposed"))
    write_article(root, "a/note.md", front("title: Lower"))
    assert problems() == [(f"a/{nfc}.md", f"its name is that of a/{nfd}.md (NFD) in another Unicode form (NFC)"),
                          ("a/note.md", "its name differs from a/Note.md only in case")]
    (root / "a" / "Note.md").unlink()
    (root / "a" / f"{nfd}.md").unlink()
    assert problems() == []


# -- JSON that decodes to half a character --------------------------------------------------------------


@pytest.mark.parametrize("files, expected", [
    ({"_config.yml": "title: Book\n", "_toc.yml": "format: jb-book\nroot: intro\nchapters:\n- file: nb\n",
      "intro.md": "# Intro\n", "nb.ipynb": '{"cells": [{"cell_type": "markdown", "source": ["# Half \\ud800 a pair"]}]}'},
     [("nb.ipynb", "not a Jupyter notebook: its JSON cannot be read (\\ud800 is half of a UTF-16 pair (a lone "
                   "surrogate), not a character)")]),
    ({".obsidian/templates.json": '{"folder": "Tmpl\\udc00"}', ".obsidian/app.json": '{"userIgnoreFilters": ["\\ud800"]}',
      "intro.md": "# Intro\n", "nb.md": "# Note\n"},  # settings that cannot be read, as a vault's are: none, and said
     [(".obsidian/app.json", "not JSON that can be read (\\ud800 is half of a UTF-16 pair (a lone surrogate), not a "
                             "character): its settings are not used, the site is read with the defaults of Obsidian"),
      (".obsidian/templates.json", "not JSON that can be read (\\udc00 is half of a UTF-16 pair (a lone surrogate), "
                                   "not a character): its settings are not used, the site is read with the defaults "
                                   "of Obsidian")]),
])
def test_json_that_decodes_to_half_a_character_is_not_read(tmp_path: Path, files: dict[str, str],
                                                           expected: list[tuple[str, str]]) -> None:
    """A notebook's or a vault's settings' JSON escape ``\\ud800`` (half of a UTF-16 pair) decoded to a
    string that no output can encode: the whole build ended as an internal error. Now the notebook is
    rejected, naming why, and the vault's settings are read as the unreadable settings they are."""
    root = tmp_path / "content"
    for name, text in files.items():
        write_article(root, name, text)
    result = run("build", "-c", str(root), "-o", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [(p["path"], p["message"]) for p in report["problems"]] == expected
    rejected = [p for p in report["problems"] if p["severity"] == ERROR]
    assert report["counts"]["files"] == report["counts"]["articles"] + len(rejected) > len(rejected)


# -- bodies that patterns read again and again --------------------------------------------------------


@pytest.mark.parametrize("body", ["<!--" * 50_000, "{{/*" * 50_000, '{{< relref "' * 30_000, "%%x<!--" * 30_000,
                                  "{% comment %}" * 30_000, "{% post_url a" + "%" * 50_000,
                                  "{% post_url " + " " * 50_000 + "x", "{% raw %}" * 30_000])
@pytest.mark.parametrize("preset", ["generic", "hugo", "obsidian"])
def test_openings_left_open_are_read_once(body: str, preset: str) -> None:
    """A comment (``<!--``, ``{{/*``, Liquid's ``{% comment %}``) or a ``{{< ref`` shortcode opened again and
    again and never closed was searched to the end of the text from each opening: 10,000 ``<!--`` (40 KB)
    took 6 s, 50,000 (200 KB, far below the file size limit) two and a half minutes, in check and build
    alike. A Jekyll tag never closed whose name runs on in spaces (or in ``%``, which a comment's ``%%``
    blanks to spaces) was read from each of its spaces: 50,000 took 25 s."""
    import time

    from qagraph.presets import PRESETS

    started = time.monotonic()
    article, problems = parse_text("a.md", front("title: T", body), fields=PRESETS[preset].fields)
    assert article is not None and time.monotonic() - started < 15


# -- the query commands' arguments --------------------------------------------------------------------


@pytest.mark.parametrize("ref, shown", [("99999999999999999999", "99999999999999999999"),
                                        ("9" * 5000, "9" * 40 + "..."), ("-9223372036854775809", "-9223372036854775809")])
def test_an_id_beyond_64_bits_names_no_article(root: Path, tmp_path: Path, ref: str, shown: str) -> None:
    """An article is named by its id, which is 64-bit: a longer number was asked of SQLite
    (OverflowError) or of int() (over 4,300 digits, ValueError), an internal error either way."""
    out = tmp_path / "out"
    assert run("build", "-c", str(root), "-o", str(out), "-q").exit_code == 0
    for command in ("related", "similar", "view"):
        result = run(command, "-b", str(out), "-o", str(tmp_path / "v.html"), "--", ref) if command == "view" else \
            run(command, "-b", str(out), "--", ref)
        assert (result.exit_code, result.stderr) == (2, f"qagraph: no article has id {shown}\n"), command


@pytest.mark.parametrize("body", ['<a href="x">' * 20_000, "<!--" * 50_000, "<script>" * 40_000, "{{< " * 50_000])
def test_a_hugo_html_page_whose_tags_are_opened_and_never_closed(tmp_path: Path, body: str) -> None:
    """A Hugo site's HTML page is read for its text and its ``<a href>``: an anchor, a comment, a script or
    a shortcode opened again and again and never closed was searched to the end of the page from each
    opening (20,000 ``<a href>``, 260 KB: 35 s)."""
    import time

    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://h.org/"\n')
    write_article(site, "content/_index.html", "---\ntitle: Home\n---\n" + body)
    started = time.monotonic()
    assert [a.title for a in load_corpus(site).articles] == ["Home"]
    assert time.monotonic() - started < 15


# -- the environment: the locale, the folders' own names ----------------------------------------------


def test_a_content_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    """The report names the content folder: one whose name is not UTF-8 (``c\\xff``) could not be
    written in it, and the build ended in an internal error (exit 70) after all its work."""
    content = Path(os.fsdecode(raw_path(tmp_path, b"c\xff")))
    good_folder(content)
    built = run("build", "-c", str(content), "-o", str(tmp_path / "out"), "-q")
    assert built.exit_code == 0, built.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert (report["source"], report["counts"]["articles"]) == ("c\\xff", 2)


def in_c_locale(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m qagraph ARGS`` (this checkout's) under the C locale without Python's UTF-8 mode:
    its arguments, file names and stdin are ASCII to Python, their other bytes surrogate escapes."""
    from conftest import ROOT

    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONIOENCODING", "PYTHONUTF8"))}
    result = subprocess.run([sys.executable, "-m", "qagraph", *args], cwd=ROOT, capture_output=True, timeout=300,
                            env={**env, "LC_ALL": "C", "PYTHONUTF8": "0"}, input=(stdin or "").encode())
    assert b"Traceback" not in result.stderr + result.stdout
    return subprocess.CompletedProcess(result.args, result.returncode, result.stdout.decode(), result.stderr.decode())


def test_names_titles_and_arguments_beyond_ascii_under_the_c_locale(root: Path, tmp_path: Path) -> None:
    """Under ``LC_ALL=C PYTHONUTF8=0`` a file named café.md was said to hold control characters,
    ``find Café`` and a query holding "é" (argument or stdin) found nothing or were "not valid
    UTF-8", a view written to vé.html was listed as "v??.html", and a site url beyond ASCII (an IDNA
    host) had "no valid host"."""
    url = url_of("a", "cafe")
    write_article(root, "a/café.md", article_text("Café crème?", url, keywords="shared, good"))
    out = tmp_path / "out"
    built = in_c_locale("build", "-c", str(root), "-o", str(out), "-q", "--site-url", "https://exämple.org/")
    assert built.returncode == 0, built.stderr
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["problems"] == []
    found = in_c_locale("find", "crème", "-b", str(out))
    assert found.stdout.startswith(f"{url}  Café crème?"), found.stderr
    query = 'SELECT ?a WHERE { ?a ?p "Café crème?" }'
    for asked in (in_c_locale("query", "-b", str(out), "-f", "csv", query),
                  in_c_locale("query", "-b", str(out), "-f", "csv", "-", stdin=query)):
        assert url.rsplit("/", 1)[1] in asked.stdout and asked.returncode == 0, asked.stderr
    view = tmp_path / "vé.html"
    assert in_c_locale("view", "a/café.md", "-b", str(out), "-o", str(view)).stdout == f"{view}\n"


def test_a_build_folder_whose_name_is_not_utf8_answers_queries_under_the_c_locale(root: Path, tmp_path: Path) -> None:
    """Under ``LC_ALL=C PYTHONUTF8=0`` a build folder named with a byte that is not UTF-8 (``out\\xff``) was
    built, but every SPARQL query and ``validate`` failed (exit 4) with "cannot open the store of
    .../out?: The DB path is not valid UTF-8": Oxigraph's store takes only UTF-8 paths."""
    out = raw_path(tmp_path, b"out\xff").decode("ascii", "surrogateescape")
    assert in_c_locale("build", "-c", str(root), "-o", out, "-q").returncode == 0
    asked = in_c_locale("query", "-b", out, "-q", "-f", "csv", "SELECT (COUNT(*) AS ?n) WHERE { ?a a ?t }")
    assert (asked.returncode, asked.stderr) == (0, ""), asked.stderr
    assert int(asked.stdout.split()[1]) > 0
    checked = in_c_locale("validate", out)
    assert (checked.returncode, checked.stderr) == (0, ""), checked.stderr
    assert "Conforms: True" in checked.stdout


def test_a_message_names_a_folder_that_is_not_utf8_as_the_report_does(root: Path, tmp_path: Path) -> None:
    """Under ``LC_ALL=C PYTHONUTF8=0`` a message about a folder named with a byte that is not UTF-8
    showed the byte as "?" (``.../out?: the output folder holds files qagraph did not write``): stderr
    cannot write it. It is shown as the escape the report and the listing use (``out\\xff``)."""
    out = raw_path(tmp_path, b"out\xff").decode("ascii", "surrogateescape")
    os.mkdir(out)
    Path(out, "mine.txt").write_text("not qagraph's", encoding="utf-8")
    refused = in_c_locale("build", "-c", str(root), "-o", out, "-q")
    shown = str(tmp_path / "out\\xff")
    assert (refused.returncode, refused.stderr) == (3, f"qagraph: {shown}: the output folder holds files qagraph did "
                                                       "not write (mine.txt); choose an empty or new folder, or "
                                                       "--force to build there and keep them\n")
    write_article(root, "a/new.md", front("title: New"))
    assert in_c_locale("build", "-c", str(root), "-o", out, "-q", "--force").returncode == 0
    write_article(root, "a/newer.md", front("title: Newer"))
    assert f"since {shown} was built" in in_c_locale("stats", "-b", out).stderr


@pytest.mark.parametrize("closed", [0, 2])
def test_a_command_started_with_stdin_or_stderr_closed(root: Path, tmp_path: Path, closed: int) -> None:
    """A command started with stderr closed (``2>&-``, as some schedulers start jobs), where Python's
    ``sys.stderr`` is None: build ended in an internal error (exit 70), without a build; ``query -``
    with stdin closed (``<&-``) did too, where there is no query to read."""
    from conftest import ROOT

    def started(*args: str) -> subprocess.CompletedProcess[bytes]:
        out = subprocess.DEVNULL if closed == 2 else subprocess.PIPE
        return subprocess.run([sys.executable, "-m", "qagraph", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=out,
                              preexec_fn=lambda: os.close(closed), timeout=300)

    out = tmp_path / "out"
    assert started("build", "-c", str(root), "-o", str(out)).returncode == 0
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["counts"]["articles"] == 2
    asked = started("query", "-b", str(out), "-")
    if closed == 0:
        assert (asked.returncode, asked.stderr) == (2, b"qagraph: no query to read: stdin is closed\n")
    else:
        assert started("stats", "-b", str(out)).stdout.startswith(b"files      2 (2 articles")


def test_a_command_started_with_stdout_closed_says_it_cannot_write(root: Path, tmp_path: Path) -> None:
    """A command started with stdout closed (``>&-``), where Python's ``sys.stdout`` is None and
    writes go nowhere: ``stats``, ``query`` and ``--version`` wrote nothing and exited 0. As ``cat
    file >&-`` does, each now says its output cannot be written (exit 3); the build was made."""
    from conftest import ROOT

    def started(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "qagraph", *args], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                              preexec_fn=lambda: os.close(1), timeout=300)

    out = tmp_path / "out"
    built = started("build", "-c", str(root), "-o", str(out), "-q")  # it lists what it wrote on stdout
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["counts"]["articles"] == 2
    said = "qagraph: cannot write the output (stdout): Bad file descriptor\n"
    for done in (built, started("stats", "-b", str(out)), started("--version"),
                 started("query", "-b", str(out), "-q", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")):
        assert (done.returncode, done.stderr) == (EXIT_CODES["output"], said), done.args


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("buffered", [True, False])
def test_an_output_that_cannot_be_written_is_said_and_fails(root: Path, tmp_path: Path, buffered: bool) -> None:
    """``qagraph --version > /dev/full`` (or ``--help``) ended in a traceback, exit 120; a command's output
    that could not be written said "No space left on device" without naming what could not be written.
    As ``cat file > /dev/full`` does: one line on stderr naming stdout, and the output error's exit code."""
    from conftest import ROOT

    out = tmp_path / "out"
    assert run("build", "-c", str(root), "-o", str(out), "-q").exit_code == 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env |= {} if buffered else {"PYTHONUNBUFFERED": "1"}
    said = b"qagraph: cannot write the output (stdout): No space left on device\n"
    for args in (["--version"], ["--help"], ["build", "--help"], ["stats", "-b", str(out)],
                 ["find", "good", "-b", str(out)],
                 ["query", "-b", str(out), "-q", "-f", "csv", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"],  # (-q: no note)
                 ["check", "-c", str(root), "--json"]):
        with open("/dev/full", "wb") as full:
            done = subprocess.run([sys.executable, "-m", "qagraph", *args], cwd=ROOT, stdout=full,
                                  stderr=subprocess.PIPE, env=env, timeout=300)
        assert (done.returncode, done.stderr) == (3, said), args


def test_a_build_by_a_user_without_a_home(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A container's user that the system has no entry for, started without HOME (``docker run --user
    12345``, ``env -i``), has no home where the cache's key is kept: Python's ``Path.home()`` raises
    RuntimeError, and every build ended in an internal error (exit 70). Its caches are good for the
    process only, as under a read-only home."""
    from qagraph import cache

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(cache, "_key", None)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", no_home)
    for _ in range(2):
        assert run("build", "-c", str(root), "-o", str(tmp_path / "out"), "-q").exit_code == 0
        write_article(root, "a/more.md", front("title: More"))
    assert json.loads((tmp_path / "out" / "report.json").read_text())["counts"]["articles"] == 3


# -- site configs ----------------------------------------------------------------------------------


def test_a_site_config_of_more_than_64_kb(tmp_path: Path) -> None:
    """A Hugo config of 100 KB (a docs site's menus) was read up to 64 KB, said to be "not TOML that can
    be read (Invalid value (at end of document))", and its settings dropped: its posts were given
    the default urls, not its permalinks'. One over what is read is said to be, not to be broken."""
    site, out = tmp_path / "site", tmp_path / "out"
    menus = "".join(f'[[menus.main]]\nname = "Entry {i}"\nurl = "/entry-{i}/"\nweight = {i}\n' for i in range(1500))
    config = 'baseURL = "https://x.org/"\n[permalinks]\nposts = "/blog/:slug/"\n' + menus
    assert 100_000 < len(config) < 200_000
    write_site(site, {"hugo.toml": config, "content/posts/p.md": "---\ntitle: P\nslug: s\n---\n"})
    kg = qagraph.build(site, out=out)
    assert ([kg.node(n)["url"] for n in kg.articles], kg.report()["problems"]) == (["/blog/s/"], [])
    write_site(site, {"hugo.toml": config + "#\n" * 100_000})
    kg = qagraph.build(site, out=out)
    assert [kg.node(n)["url"] for n in kg.articles] == ["/blog/s/"]
    assert [(p["path"], p["line"], p["message"]) for p in kg.report()["problems"]] == [
        ("hugo.toml", None, "it is 295 KiB, over the 256 KiB of a site config that is read: the settings after its "
                            "first 256 KiB are not used")]


@pytest.mark.parametrize("config, settings, page, tool", [
    ("_config.yml", "title: J\n", "_posts/2024-01-01-p.md", "Jekyll"),
    ("mkdocs.yml", "site_name: M\n", "docs/p.md", "MkDocs"),
    ("hugo.yaml", "baseURL: https://h.org/\n", "content/p.md", "Hugo"),
])
def test_a_site_config_whose_aliases_repeat_one_another(tmp_path: Path, config: str, settings: str, page: str,
                                                          tool: str) -> None:
    """YAML aliases that repeat one another (a "billion laughs": ten lines mean 10^9 values) in a site's
    config: an article's front matter so made is cut to what is kept, but the config's settings were
    walked whole (a Jekyll site's ``exclude``, ``defaults``), and check and build never ended. The
    config is one that cannot be read, said as such; the site is read with its tool's defaults."""
    import time
    site = tmp_path / "site"
    bomb = _bomb("exclude: *h\ndefaults: *h\nnav: *h\nplugins: *h\npermalinks: *h\nmarkdown_extensions: *h\n")
    write_site(site, {config: settings + bomb, page: front("title: P")})
    started = time.monotonic()
    checked = run("check", "-c", str(site), "--json")
    assert time.monotonic() - started < 60
    report = json.loads(checked.stdout)
    assert [(p["path"], p["message"]) for p in report["problems"]] == [
        (config, 'not YAML that can be read (its aliases repeat one another into more values than it writes out (a '
                 f'"billion laughs")): its settings are not used, the site is read with the defaults of {tool}')]
    assert report["counts"]["articles"] == 1
    from qagraph.presets import _parsed, _yaml_settings
    menu = "menu: &menu\n" + "".join(f"  - {{name: Entry {i}, url: /e{i}/}}\n" for i in range(500))
    reused = _parsed(menu + "".join(f"lang{i}: {{menu: *menu}}\n" for i in range(30)), _yaml_settings)
    assert len(reused["lang29"]["menu"]) == 500  # an anchor reused as configs do is read


def test_a_yaml_site_config_with_a_tag_of_its_own_keeps_its_settings(tmp_path: Path) -> None:
    """One tag that ``yaml.safe_load`` does not know (``!secret``, ``!ENV``, ``!!python/name:``), anywhere in
    a ``hugo.yaml`` or a ``_config.yml``, lost all its settings without a word: the posts had the
    default urls, not its permalinks'. The tag is read as nothing, as the config's check reads it."""
    site, out = tmp_path / "site", tmp_path / "out"
    write_site(site, {"hugo.yaml": "baseURL: https://x.org/\npermalinks:\n  posts: /blog/:slug/\nparams:\n"
                                   "  key: !secret api-key\n  run: !!python/object/apply:os.system [ls]\n",
                      "content/posts/p.md": "---\ntitle: P\nslug: s\n---\n"})
    kg = qagraph.build(site, out=out)
    assert ([kg.node(n)["url"] for n in kg.articles], kg.report()["problems"]) == (["/blog/s/"], [])


@pytest.mark.parametrize("config, text, shown", [
    ("_config.yml", "- permalink: /x/\n", "a list"), ("mkdocs.yml", "site_name\n", "one value"),
    ("hugo.json", "[1, 2]", "a list"), ("hugo.toml", "", None), ("_config.yml", "# all defaults\n", None)])
def test_a_site_config_that_is_no_mapping_of_settings(tmp_path: Path, config: str, text: str, shown: str | None) -> None:
    """A config that is a list or one value parses, so was taken for a good one, and its settings
    were silently not used; an empty one is a site of defaults."""
    tool = {"_config.yml": "Jekyll", "mkdocs.yml": "MkDocs"}.get(config, "Hugo")
    folder = {"Jekyll": "", "MkDocs": "docs/"}.get(tool, "content/")
    write_site(tmp_path / "site", {config: text, f"{folder}p.md": "---\ntitle: P\n---\n"})
    kg = qagraph.build(tmp_path / "site", out=tmp_path / "out")
    assert [(p["path"], p["line"], p["message"]) for p in kg.report()["problems"]] == ([] if shown is None else [
        (config, None, f"{shown}, not a mapping of settings: its settings are not used, the site is read with the "
                       f"defaults of {tool}")])


@pytest.mark.parametrize("command, own", [(["suggest"], "qagraph.db"), (["view", "a/good.md"], "views/overview.html"),
                                          (["export", "-f", "json"], ".qagraph/build.json")])
def test_a_command_writes_no_file_over_the_build_it_reads(root: Path, tmp_path: Path, command: list[str],
                                                            own: str) -> None:
    """``suggest -o build/qagraph.db`` (or view, or export) replaced the build's database with its CSV,
    and the build answered nothing more ("not a qagraph build database") until it was made again."""
    out = tmp_path / "out"
    assert run("build", "-c", str(root), "-o", str(out), "-q").exit_code == 0
    before = snapshot(out)
    result = run(*command, "-b", str(out), "-o", str(out / own))
    assert (result.exit_code, result.stderr) == (2, f"qagraph: {out / own}: one of the files of the build {out}: "
                                                    "writing here would replace it; choose another file\n")
    assert snapshot(out) == before
    assert run("view", "a/good.md", "-b", str(out), "-o", str(out / "mine.html")).exit_code == 0  # a file of its own


@pytest.mark.parametrize("settings, line, why", [
    ('{"userIgnoreFilters": ["drafts/"]\n', 2, "not JSON that can be read (Expecting ',' delimiter)"),
    ('["drafts/"]', None, "a list, not a mapping of settings"), ('{"userIgnoreFilters": ["drafts/"]}', None, None)])
def test_an_obsidian_vault_whose_settings_cannot_be_read(tmp_path: Path, settings: str, line: int | None,
                                                        why: str | None) -> None:
    """A vault's ``.obsidian/app.json`` that is no JSON, or no mapping, was passed over without a word:
    its Excluded files were then read as notes, and nothing said why."""
    vault = tmp_path / "vault"
    write_site(vault, {".obsidian/app.json": settings, "note.md": "A [[draft]]", "drafts/draft.md": "Draft"})
    report = qagraph.build(vault, out=tmp_path / "out").report()
    assert [(p["path"], p["line"], p["message"]) for p in report["problems"] if p["severity"] == WARNING] == (
        [] if why is None else [(".obsidian/app.json", line, f"{why}: its settings are not used, the site is read "
                                                            "with the defaults of Obsidian")])
    assert report["counts"]["articles"] == (1 if why is None else 2)


# -- characters that show nothing ----------------------------------------------------------------


def test_keywords_that_differ_by_characters_that_show_nothing_are_one(tmp_path: Path) -> None:
    """A zero-width space or a bidi mark pasted into a keyword ("ma\\u200bchine learning") made it a
    keyword of its own beside "machine learning": the two articles shared no keyword."""
    site = tmp_path / "site"
    write_site(site, {"a.md": front('title: A\nkeywords: "ma\\u200bchine learning, \\u202bdata\\u202c"'),
                      "b.md": front('title: B\nkeywords: "\\ufeffmachine learning\\u200e, \\u2067data\\u2069"'),
                      "c.md": front('title: C\nkeywords: "\\u05e9\\u05dc\\u05d5\\u05dd, \\u200fmachine learning"')})
    kg = qagraph.build(site, out=tmp_path / "out")
    keywords = sorted(n for n, d in kg.graph.nodes(data=True) if d["kind"] == "keyword")
    assert keywords == ["keyword:data", "keyword:machine learning", "keyword:\u05e9\u05dc\u05d5\u05dd"]
    assert sorted(kg.label(n) for n in keywords) == ["data", "machine learning", "\u05e9\u05dc\u05d5\u05dd"]


@pytest.mark.parametrize("settings, text, line, why", [
    (".obsidian/templates.json", '{"folder": "Templates"\n', 2,
     "not JSON that can be read (Expecting ',' delimiter): its settings are not used, the site is read with the "
     "defaults of Obsidian"),
    (".obsidian/templates.json", '["Templates"]', None,
     "a list, not a mapping of settings: its settings are not used, the site is read with the defaults of Obsidian"),
    (".obsidian/templates.json", '{"folder": ["Templates"]}', 1,
     "folder is a list, not the path of a folder: no note is skipped as a template"),
    (".obsidian/plugins/templater-obsidian/data.json", '{\n  "templates_folder": {\n    "path": "Templates"\n  }\n}', 2,
     "templates_folder is a mapping, not the path of a folder: no note is skipped as a template"),
    (".obsidian/templates.json", '{"folder": "Templates"}', None, None)])
def test_an_obsidian_vault_whose_templates_settings_cannot_be_read(tmp_path: Path, settings: str, text: str,
                                                                   line: int | None, why: str | None) -> None:
    """A vault's templates settings (the core plugin's templates.json, Templater's data.json) that are no
    JSON, no mapping, or name the folder with no text were passed over without a word: the templates of
    new notes were read as notes, and nothing said why."""
    vault = tmp_path / "vault"
    write_site(vault, {settings: text, "note.md": "A [[other]]", "other.md": "B", "Templates/daily.md": "# {{title}}"})
    report = qagraph.build(vault, out=tmp_path / "out").report()
    assert [(p["path"], p["line"], p["message"]) for p in report["problems"] if p["severity"] == WARNING] == (
        [] if why is None else [(settings, line, why)])
    assert report["counts"]["articles"] == (2 if why is None else 3)


def test_a_subject_written_with_characters_that_show_nothing_is_labelled_without_them(tmp_path: Path) -> None:
    """A category pasted with a zero-width space or a bidi mark ("Data\\u200b Science") was the subject's
    label when most pages spelled it so, and a category of nothing but one was a subject of its own."""
    site = tmp_path / "site"
    write_site(site, {"hugo.toml": 'baseURL = "https://x.org/"\n',
                      **{f"content/posts/p{i}.md": front(f'title: P{i}\ncategories: ["Data\\u200b Science"]')
                         for i in (1, 2)},
                      "content/posts/p3.md": front('title: P3\ncategories: ["Data Science"]'),
                      "content/posts/p4.md": front('title: P4\ncategories: ["\\u200b"]'),
                      "content/posts/p5.md": front('title: P5\ncategories: ["\\u05de\\u05d3\\u05e2\\u200f"]')})
    kg = qagraph.build(site, out=tmp_path / "out")
    assert sorted((n, kg.label(n)) for n, d in kg.graph.nodes(data=True) if d["kind"] == "subject") == [
        ("subject:data-science", "Data Science"), ("subject:posts", "Posts"),
        ("subject:\u05de\u05d3\u05e2", "\u05de\u05d3\u05e2")]


def test_a_binary_or_boolean_value_is_shown_as_the_site_shows_it(tmp_path: Path) -> None:
    """YAML's ``!!binary`` and booleans were shown as Python writes them: a post titled ``b'hello'``,
    a tag ``True``."""
    site = tmp_path / "site"
    write_site(site, {"_config.yml": "title: T\n",
                      "_posts/2024-01-01-a.md": front("title: !!binary aGVsbG8=\ntags: [true, !!binary d29ybGQ=]"),
                      "_posts/2024-01-02-b.md": front("title: true\ntags: [false]")})
    kg = qagraph.build(site, out=tmp_path / "out")
    assert sorted(kg.label(n) for n in kg.articles) == ["hello", "true"]
    assert sorted(kg.label(n) for n, d in kg.graph.nodes(data=True) if d["kind"] == "keyword") == [
        "false", "true", "world"]


def test_a_link_to_an_article_file_is_said_by_a_patched_build_as_by_a_cold_one(root: Path, tmp_path: Path) -> None:
    """A link to another article file (``a/same.md -> ../b/good.md``) is that file read twice, and was not
    said: with a url of its own, the file itself (b/good.md) was rejected as a duplicate of the link.
    The link is said, and is the duplicate where there is one; a patched build says it as a cold one
    does, while the link comes, its target is edited, is gone (a broken link) and is back."""
    out = tmp_path / "out"
    qagraph.build(root, out=out)

    def problems(cache: bool) -> list[tuple[str, str]]:
        where = out if cache else tmp_path / "cold"
        kg = qagraph.build(root, out=where, cache=cache)
        assert kg.counts["files"] == kg.counts["articles"] + kg.counts["rejected"] + kg.counts["skipped"]
        return [(p["path"], p["code"]) for p in kg.report()["problems"]]

    write_article(root, "c/note.md", front("title: A note without a url"))
    os.symlink("../c/note.md", root / "a" / "again.md")  # no url: two articles, as a site shows it twice
    os.symlink("../b/good.md", root / "a" / "same.md")
    url = url_of("b", "good")
    steps = [lambda: None, lambda: write_article(root, "b/good.md", article_text("Edited?", url)),
             lambda: (root / "b" / "good.md").unlink(), lambda: write_article(root, "b/good.md", article_text("Back?", url))]
    seen = []
    for step in steps:
        step()
        patched = problems(True)
        assert patched == problems(False)
        seen.append(patched)
        paths = {qagraph.open(out).node(n)["path"] for n in qagraph.open(out).articles}
        assert {"a/again.md", "c/note.md"} <= paths and "a/same.md" not in paths
    again, same = ("a/again.md", "file-link"), [("a/same.md", "file-link"), ("a/same.md", "duplicate")]
    assert seen == [[again, *same]] * 2 + [[again, ("a/same.md", "io")], [again, *same]]


def test_a_hard_link_to_an_article_file_is_said_as_a_link_is(root: Path, tmp_path: Path) -> None:
    """A hard link (``ln b/good.md a/copy.md``) is one file under two names, read twice without a word:
    with a url of its own, whichever name came first in path order was kept and the other rejected as a
    duplicate. It is said as a symbolic link is (``file-link``), and is the duplicate; a patched build
    says it as a cold one does, when the link comes, its file is edited (both names) and the link goes."""
    out = tmp_path / "out"
    qagraph.build(root, out=out)

    def problems(cache: bool) -> list[tuple[str, str]]:
        kg = qagraph.build(root, out=out if cache else tmp_path / "cold", cache=cache)
        assert kg.counts["files"] == kg.counts["articles"] + kg.counts["rejected"] + kg.counts["skipped"]
        return [(p["path"], p["code"]) for p in kg.report()["problems"]]

    os.link(root / "b" / "good.md", root / "a" / "copy.md")  # a/copy.md sorts first: the file's first name
    said = problems(True)
    assert said == problems(False) == [("b/good.md", "file-link"), ("b/good.md", "duplicate")]
    assert "hard link to a/copy.md" in next(p["message"] for p in qagraph.open(out).report()["problems"])
    (root / "b" / "good.md").write_text(article_text("Edited?", url_of("b", "good")), encoding="utf-8")  # in place
    assert problems(True) == problems(False) == said
    (root / "a" / "copy.md").unlink()
    assert problems(True) == problems(False) == []


# -- FIFOs among the files a site is recognised by ----------------------------------------------------


@pytest.mark.parametrize("site, fifo, expected", [
    ({"_config.yml": "title: J\n", "_posts/2024-01-01-p.md": front("title: Post"), "docs/page.html": front("title: P")},
     "docs/pipe.html", [("docs/pipe.html", "not a regular file: it is a FIFO (named pipe); not read")]),
    ({"hugo.toml": 'baseURL = "https://h.org/"\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n',
      "content/p.md": front("title: P", "[x](/q/)"), "content/p.fr.md": front("title: P", "[x](/q/)")},
     "layouts/_default/_markup/render-link.html", []),  # read for a site of two languages
    ({"hugo.toml": 'baseURL = "https://h.org/"\n', "content/a/p.md": front("title: P", "{{< note >}}")},
     "layouts/shortcodes/note.html", []),
    # a GitHub Docs product's index.md is read for the product's name (its title)
    ({**{f"content/{p}.md": front(f"title: {p}\nversions:\n  fpt: '*'\ntopics: [Actions]")
         for p in ("actions/quickstart", "actions/learn", "pages/index", "pages/about")}},
     "content/actions/index.md", [("content/actions/index.md", "not a regular file: it is a FIFO (named pipe); not read")]),
])
def test_a_fifo_where_a_site_s_pages_or_templates_are_read_does_not_block(
        tmp_path: Path, site: dict[str, str], fifo: str, expected: list[tuple[str, str]]) -> None:
    """A Jekyll site's HTML pages were opened to look for front matter, and a Hugo site's link render hook
    and shortcode templates read, with a plain open(): a FIFO there (``mkfifo docs/pipe.html``) blocked
    ``check`` and ``build`` for ever, and so did a GitHub Docs product's ``index.md``, read for the
    product's name. A page that is a FIFO is rejected as one; a template is passed over."""
    root = tmp_path / "site"
    write_site(root, site)
    (root / fifo).parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(root / fifo)
    from conftest import ROOT

    checked = subprocess.run([sys.executable, "-m", "qagraph", "check", "-c", str(root), "--json"], cwd=ROOT,
                             capture_output=True, text=True, timeout=60)  # a hang fails, not for ever
    assert "Traceback" not in checked.stderr
    report = json.loads(checked.stdout)
    assert [(p["path"], p["message"]) for p in report["problems"]] == expected
    assert report["counts"]["articles"] == len([n for n in site if n.endswith(".md") or n.endswith(".html")])


# -- a build folder among the articles ----------------------------------------------------------------


def test_a_build_written_among_the_articles_is_not_read_as_pages(tmp_path: Path) -> None:
    """A build written with --force into a Hugo site's content folder was read back by the next build:
    its index.html and views/*.html were pages of the site, each skipped with a message (resources of
    a page bundle content/build/index.md that is not there). The build folder is one warning, and the
    counts are those of the site alone, in check and build, and after a patched build."""
    site = tmp_path / "site"
    write_site(site, {"hugo.toml": 'baseURL = "https://h.org/"\n', "content/a/p.md": front("title: P", "[q](/b/q/)"),
                      "content/b/q.md": front("title: Q")})
    out = site / "content" / "build"
    for n in range(3):
        if n == 2:
            write_article(site, "content/b/r.md", front("title: R"))
        assert run("build", "-c", str(site), "-o", str(out), "--force", "-q").exit_code == 0
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        checked = json.loads(run("check", "-c", str(site), "--json").stdout)
        for found in (report, checked):
            assert (found["counts"]["files"], found["counts"]["skipped"]) == (2 + (n == 2), 0)
            written = n or found is checked  # the first build is made after its scan
            assert [(p["path"], p["code"]) for p in found["problems"]] == ([("content/build/", "build-folder")]
                                                                            if written else [])


def test_a_build_s_lock_and_copy_beside_it_among_the_articles_are_no_files_of_the_corpus(tmp_path: Path) -> None:
    """A build written with --force into the content folder leaves its lock beside it, and a patched
    build copies the previous database there while the content is walked: each was counted among the
    other files passed over (``ignored_files``), the copy only when the walk met it, so a patched
    build's report differed from a cold one's. They are the build's own, as its folder is."""
    root = tmp_path / "notes"
    write_site(root, {"a/p.md": front("title: P"), "a/.DS_Store": "x", "a/notes.txt": "x"})
    counts = []
    for n in range(3):
        if n == 2:
            (root / ".build.qagraph-copy-k2j4x9").write_bytes(b"SQLite format 3\x00")  # as a walk meets it
            write_article(root, "a/q.md", front("title: Q"))
        assert run("build", "-c", str(root), "-o", str(root / "build"), "--force", "-q").exit_code == 0
        assert (root / ".build.qagraph-lock").is_file()
        report = json.loads((root / "build" / "report.json").read_text(encoding="utf-8"))
        checked = json.loads(run("check", "-c", str(root), "--json").stdout)
        counts += [report["counts"]["ignored_files"], checked["counts"]["ignored_files"]]
    assert counts == [2] * 6  # .DS_Store and notes.txt


@pytest.mark.parametrize(("config", "make", "tool", "why"), [
    ("hugo.toml", os.mkfifo, "Hugo", "not a regular file"),
    ("_config.yml", lambda p: os.symlink("/dev/zero", p), "Jekyll", "not a regular file"),
    (".obsidian/app.json", lambda p: os.symlink("/dev/zero", p), "Obsidian", "not a regular file"),
    ("hugo.toml", lambda p: (p.write_text('baseURL = "https://x.org/"\n'), os.chmod(p, 0)), "Hugo",
     "cannot read it (Permission denied)"),
])
def test_a_site_config_that_cannot_be_read_is_said_and_the_site_read_with_its_tool_s_defaults(
        tmp_path: Path, chmod_back: list[Path], config: str, make: Callable[[Path], object], tool: str,
        why: str) -> None:
    """A config that is no regular file, or that cannot be opened, was taken for none: the site was not
    recognised (a Hugo site read as generic notes), and nothing said why."""
    root = tmp_path / "site"
    write_site(root, {"_posts/2024-01-02-a-post.md": "---\ntitle: A post\n---\nText\n",
                      "content/b.md": "---\ntitle: B\n---\n[[A post]]\n"})
    (root / config).parent.mkdir(parents=True, exist_ok=True)
    make(root / config)
    if not (root / config).is_symlink():  # never /dev/zero's
        chmod_back.append(root / config)
    checked = unprivileged("check", "-c", str(root), "--json", cwd=tmp_path)
    report = json.loads(checked.stdout)
    assert [(p["path"], p["line"], p["message"]) for p in report["problems"] if p["code"] == "site-config"] == [
        (config, None, f"{why}: its settings are not used, the site is read with the defaults of {tool}")]
    assert report["counts"]["articles"] == (1 if tool == "Hugo" else 2)  # Hugo reads its content/ only: read as its site


@pytest.mark.parametrize(("config", "text", "site", "tool"), [
    ("_config.yml", "title: x\nfuture: !!bool maybe\n", {"_posts/2024-01-02-a.md": "---\ntitle: A\n---\n"}, "Jekyll"),
    ("mkdocs.yml", "site_name: x\nnav: !!timestamp soon\n", {"docs/a.md": "# A\n"}, "MkDocs"),
    ("hugo.yaml", "baseURL: https://x.org/\ntitle: !!int\n", {"content/a.md": "---\ntitle: A\n---\n"}, "Hugo"),
])
def test_a_site_config_with_a_value_its_yaml_tag_cannot_read(tmp_path: Path, config: str, text: str,
                                                              site: dict[str, str], tool: str) -> None:
    """YAML's constructors raise a KeyError (``!!bool maybe``), an AttributeError (``!!timestamp soon``) or
    an IndexError (an empty ``!!int``), which stopped check and build (exit 70) before any file was read."""
    write_site(tmp_path, {config: text, **site})
    result = run("check", "-c", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [(p["path"], p["message"]) for p in report["problems"]] == [
        (config, "not YAML that can be read (a value is not what its tag says it is (!!bool, !!int, !!float or "
                 f"!!timestamp)): its settings are not used, the site is read with the defaults of {tool}")]
    assert report["counts"]["articles"] == 1


@pytest.mark.parametrize("name", ["build.json", "views.json", "atlas.json", "inputs.pickle", "rdf-parts.json"])
def test_a_fifo_in_place_of_what_a_build_keeps_of_itself_hangs_no_command(root: Path, tmp_path: Path, name: str) -> None:
    """A FIFO at ``OUT/.qagraph/build.json`` (made by hand, or by a tool that tampers with the folder)
    hung every query command, and a build, for good: opening a FIFO to read waits for a writer. Each
    file a build keeps of itself is read only when it is a regular file, else taken as missing."""
    from conftest import ROOT
    from qagraph.fileio import PRIVATE

    out = tmp_path / "out"
    qagraph.build(root, out=out)
    (out / PRIVATE / name).unlink()
    os.mkfifo(out / PRIVATE / name)
    edited = sorted(root.rglob("*.md"))[0]
    for args in (["stats", "-b", str(out)], ["build", "-c", str(root), "-o", str(out), "-q"], "edit",
                 ["build", "-c", str(root), "-o", str(out), "-q"], ["related", "1", "-b", str(out)]):
        if args == "edit":  # a patched build reads what the last one kept
            edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
            continue
        ran = subprocess.run([sys.executable, "-m", "qagraph", *args], cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
        assert ran.returncode in (0, 2) and "Traceback" not in ran.stderr, ran.stderr
