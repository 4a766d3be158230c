"""Property: whatever a content folder holds, check and build finish, agree, and add up.

Hypothesis writes random folders: names from an alphabet of trouble (bytes that are not
UTF-8, newlines, escapes, markup, long names, upper-case suffixes), kinds of entry
(regular file, link to /dev/zero, to nowhere, to itself or to a sibling, FIFO, a folder
named ``x.md``, an empty file) and contents (random bytes, YAML front matter of random
shape, broken YAML and TOML, BOMs, CRLF). For each folder, ``qagraph check --json`` and
``qagraph build`` (in-process) must end without an exception or traceback, report the
same problems and counts, have ``files == articles + rejected + skipped``, and write RDF
that pyoxigraph parses back.

``QAGRAPH_FUZZ_EXAMPLES`` sets how many folders to try (default 40, seeded, so CI runs
the same ones every time; set ``QAGRAPH_FUZZ_RANDOM=1`` to explore new ones).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qagraph.cli import cli
from test_hostile import parse_rdf

EXAMPLES = int(os.environ.get("QAGRAPH_FUZZ_EXAMPLES", "40"))

# -- names ---------------------------------------------------------------------------------------------

_PARTS = [b"a", b"b c", b"caf\xc3\xa9", b"caf\xe9", b"two\nlines", b"\x1b[31m", b"<b>&amp;", b"%2e%2e", b"-",
          b"\xff\xfe", b"\\xe9", b"x" * 200, b"UPPER", b"\t", b" lead", b"#q?"]
_SUFFIXES = [b".md"] * 5 + [b".MD", b".markdown", b".txt", b""]
names = st.tuples(st.lists(st.sampled_from(_PARTS), min_size=0, max_size=2),
                  st.lists(st.sampled_from(_PARTS), min_size=1, max_size=2), st.sampled_from(_SUFFIXES)).map(
    lambda t: (tuple(p[:100] for p in t[0]), b"".join(t[1])[:240] + t[2]))

# -- contents ------------------------------------------------------------------------------------------

_FIELDS = ["title", "url", "id", "seo", "keywords", "tags", "answer", "question", "subject", "date", "score",
           "no_index", "related_article1", "related_article2", "related_article\u00b2", "permalink", "extra"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**80), max_value=2**80),
    st.sampled_from([2**63, -(2**63) - 1, 2**64 + 1, 10**30]),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(["/learn/a/questions/x", "/learn/b/questions/y/", "", " ", "2025-01-26", "1e999", "nan",
                     "on", "16.10", "a, b,, A ,", "&nbsp;", "\\n", "\u2028", "\x00"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(_FIELDS + ["id", "url", "title"]), inner, max_size=4)),
    max_leaves=12)
integers = st.one_of(st.integers(min_value=-(10**6), max_value=10**6),
                     st.sampled_from([0, -1, 2**63 - 1, 2**63, -(2**63) - 1, 2**64 + 1, 10**30]))
urls = st.one_of(st.sampled_from(["/learn/a/questions/x", "/learn/b/questions/x/", "/", "//", "x"]),
                 st.text(max_size=30).map(lambda t: "/learn/a/questions/" + t))
links = st.fixed_dictionaries({}, optional={"url": urls, "id": integers, "title": scalars, "subject": scalars})
articles = st.fixed_dictionaries({"title": st.one_of(st.text(min_size=1, max_size=30), values)}, optional={
    "url": urls, "id": integers, "score": st.one_of(st.floats(), st.text(max_size=5)), "date": scalars,
    "keywords": st.one_of(st.text(max_size=60), st.lists(scalars, max_size=12)), "answer": values,
    "seo": st.fixed_dictionaries({}, optional={"page_keywords": values, "title": scalars}),
    "related_article1": links, "related_article2": st.one_of(links, values), "subject": values, "notes": values})
front_matters = st.one_of(
    articles,  # an article, with its typed fields at their edges
    st.dictionaries(st.sampled_from(_FIELDS), values, max_size=8),  # any shape
)


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


_YAMLISH = st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!#|>\"' \n\t,?%@`\\") + ["\u00e9", "\x00", "\r"]),
                   max_size=120)
texts = st.one_of(
    articles.map(lambda d: "---\n" + _dump(d) + "---\nbody\n"),  # an article, often: its fields at their edges
    articles.map(lambda d: "---\n" + _dump(d) + "---\nbody\n"),
    front_matters.map(lambda d: "---\n" + _dump(d) + "---\nbody\n"),  # valid YAML of random shape
    st.tuples(front_matters, _YAMLISH).map(lambda t: "---\n" + _dump(t[0]) + t[1] + "\n---\n"),  # then broken
    _YAMLISH.map(lambda t: "---\n" + t + "\n---\n"),
    _YAMLISH.map(lambda t: "+++\ntitle = 'T'\n" + t + "\n+++\n"),
    st.text(max_size=80),
)
contents = st.one_of(
    st.tuples(texts, st.sampled_from(["plain", "bom", "crlf", "cr", "latin1"])).map(lambda t: _encode(*t)),
    st.binary(max_size=200),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
)


def _encode(text: str, how: str) -> bytes:
    if how == "crlf":
        text = text.replace("\n", "\r\n")
    elif how == "cr":
        text = text.replace("\n", "\r")
    data = text.encode("utf-8", "surrogatepass")
    if how == "bom":
        data = b"\xef\xbb\xbf" + data
    elif how == "latin1":
        data = text.encode("latin-1", "replace")
    return data


entries = st.tuples(names, st.sampled_from(["file"] * 6 + ["empty", "fifo", "folder", "link-zero",
                                            "link-nowhere", "link-self", "link-sibling"]), contents)
folders = st.lists(entries, min_size=0, max_size=8)


def write_folder(root: bytes, spec: list[tuple[tuple[tuple[bytes, ...], bytes], str, bytes]]) -> None:
    written: list[bytes] = []
    for (dirs, name), kind, data in spec:
        folder = os.path.join(root, *dirs) if dirs else root
        try:
            os.makedirs(folder, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            continue  # a file already holds that name
        path = os.path.join(folder, name)
        if os.path.lexists(path):
            continue
        if kind in ("file", "empty"):
            with open(path, "wb") as handle:
                handle.write(data if kind == "file" else b"")
            written.append(path)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            os.makedirs(path)
        elif kind == "link-zero":
            os.symlink(b"/dev/zero", path)
        elif kind == "link-nowhere":
            os.symlink(b"nowhere", path)
        elif kind == "link-self":
            os.symlink(name, path)
        elif written:
            os.symlink(written[0], path)


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


@settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get("QAGRAPH_FUZZ_RANDOM"),
          database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(folders)
def test_any_folder_builds_and_adds_up(spec: list[Any]) -> None:
    base = tempfile.mkdtemp(prefix="qagraph-fuzz-")
    try:
        content, out = os.path.join(base, "content"), os.path.join(base, "out")
        os.mkdir(content)
        write_folder(os.fsencode(content), spec)
        check = run("check", "-c", content, "--json")
        assert check.exit_code in (0, 1)
        checked = json.loads(check.stdout)
        built = run("build", "-c", content, "-o", out, "-q")
        assert built.exit_code in (0, 1), built.output
        report = json.loads(Path(out, "report.json").read_text(encoding="utf-8"))
        counts = report["counts"]
        assert counts["files"] == counts["articles"] + counts["rejected"] + counts["skipped"]
        assert built.exit_code == (1 if counts["files"] and not counts["articles"] else 0), built.output
        assert check.exit_code == (1 if counts["rejected"] else 0)
        for key in ("files", "articles", "rejected", "skipped", "warnings"):
            assert checked["counts"][key] == counts[key], key
        assert sorted(map(str, checked["problems"])) == sorted(map(str, report["problems"]))
        parse_rdf(Path(out))
    finally:
        shutil.rmtree(base, ignore_errors=True)
