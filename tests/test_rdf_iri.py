"""qagraph.rdf.iri: readable, hierarchical, valid, stable and collision-free IRIs under a base."""

from __future__ import annotations

import itertools
import re
import subprocess
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st

from qagraph.errors import QagraphError
from qagraph.rdf.iri import (
    DEFAULT_BASE_IRI, MAX_SEGMENT, IRIs, _iri_error, _without_dots, absolute_url, check_base_iri, check_site_url, path, segment,
    site_path, url_problem,
)

BASE = "https://example.org/kb/"
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
keys = st.one_of(texts, texts.map(lambda t: "/" + t), st.lists(texts, max_size=5).map("/".join))

HOSTILE_KEYS = [
    "/learn/biology/questions/what-is-a-cell",
    "/learn/biology/questions/what-is-a-cell/",  # trailing slash
    "/learn/biology/questions/What-Is-A-Cell",  # differs by case
    "/learn/biology//questions/what-is-a-cell",  # empty segment
    "//learn/biology/questions/what-is-a-cell",
    "/learn/./biology/questions/what-is-a-cell",
    "/learn/../biology/questions/what-is-a-cell",
    "/learn/biology/questions/a b",
    "/learn/biology/questions/a%20b",  # differs by encoding only
    "/learn/biology/questions/a+b",
    "/learn/biology/questions/a\"b'c<d>",
    "/learn/biology/questions/caf\u00e9",
    "/learn/biology/questions/cafe\u0301",  # the same word, decomposed
    "/learn/biology/questions/\U0001F600",
    "/learn/we ird#sub%ject/questions/a b\"<c>\\d#e%20f?g=1&h \U0001F600",
    "/learn/biology/questions/!",
    "/learn/biology/questions/!file",
    "/!file/x",
    "!file/x",
    "functions/where",
    "/functions/where",
    "functions/where/",
    "/",
    "",
    ".",
    "..",
    "/.",
    "/..",
    "/" + "x" * 5000,
    "/" + "x" * 5001,
    "/" + "\u00e9" * 3000,
    "/learn/" + "/".join(["deep"] * 300),
]


def test_iris_are_pinned():
    """Pinned: changing these breaks every link users stored."""
    iris = IRIs(DEFAULT_BASE_IRI)
    assert iris.article("/learn/psychology/questions/what-is-adlerian-therapy") == (
        "https://qagraph.example/id/article/learn/psychology/questions/what-is-adlerian-therapy")
    assert iris.answer("/learn/psychology/questions/x") == "https://qagraph.example/id/article/learn/psychology/questions/x#answer"
    assert iris.article("functions/where") == "https://qagraph.example/id/article/!file/functions/where"
    assert iris.subject("computer-science") == "https://qagraph.example/id/subject/computer-science"
    assert iris.keyword("graph theory") == "https://qagraph.example/id/keyword/graph%20theory"
    assert iris.keyword("tcp/ip") == "https://qagraph.example/id/keyword/tcp/ip"
    assert iris.similarity("/a", "/b") == "https://qagraph.example/id/similarity/e384b558f943419a45bd"
    assert iris.scheme("keywords") == "https://qagraph.example/id/scheme/keywords"
    assert iris.graph("content") == "https://qagraph.example/id/graph/content"
    assert iris.dataset == "https://qagraph.example/id/dataset"


def test_hostile_keys_give_distinct_valid_dereferenceable_iris():
    iris = IRIs(BASE)
    minted = {}
    for key in HOSTILE_KEYS:
        for iri in (iris.article(key), iris.answer(key)):
            ox.NamedNode(iri)  # raises on an invalid IRI
            assert rdflib.URIRef(iri).n3() == f"<{iri}>"
            assert iri.isascii() and not set(iri) & set(' "<>\\^`{|}'), iri
            doc = iri.split("#")[0]
            assert "%2F" not in doc.upper(), iri  # servers refuse encoded slashes
            segments = doc[len(BASE):].split("/")
            assert all(s and s not in (".", "..") for s in segments), iri  # nothing a client would normalise
            assert all(len(s) <= MAX_SEGMENT for s in segments), iri
            assert "%2E" not in doc.upper() and "%7E" not in doc.upper(), iri  # normalisation would decode these
        assert iris.article(key) not in minted, (key, minted.get(iris.article(key)))
        minted[iris.article(key)] = key
    assert iris.article("/a/b") != iris.article("a/b")


@given(keys, keys)
@settings(max_examples=500, deadline=None)
def test_article_iris_are_injective(a, b):
    iris = IRIs(BASE)
    assert (iris.article(a) == iris.article(b)) == (a == b)


@given(texts)
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_valid_iri_that_decodes_back(text):
    iri = IRIs(BASE).keyword(text)
    ox.NamedNode(iri)
    assert rdflib.URIRef(iri).n3() == f"<{iri}>"
    assert iri.isascii() and not set(iri) & set(' "<>\\^`{|}')
    pieces = iri[len(BASE + "keyword/"):].split("/")
    special = {"!": "", "!.": ".", "!..": ".."}
    if all(len(segment(piece)) < MAX_SEGMENT - 34 for piece in text.split("/")):  # long ones are cut, with a digest
        assert "/".join(special.get(p, unquote(p)) for p in pieces) == text


@given(texts, texts)
def test_segments_are_injective(a, b):
    a, b = a.replace("/", ""), b.replace("/", "")
    assert (segment(a) == segment(b)) == (a == b)


def test_paths_are_readable():
    assert path("learn/biology/questions/what-is-a-cell") == "learn/biology/questions/what-is-a-cell"
    assert segment(".") == "!." and segment("..") == "!.." and segment("") == "!" and segment("...") == "..."
    assert segment("!") == "%21" and segment("%") == "%25" and segment("#") == "%23" and segment("~") == "~"
    assert segment("\ud800") == "%ED%A0%80"  # a lone surrogate still gives a valid IRI
    long = segment("x" * 1000)
    assert len(long) <= MAX_SEGMENT and long.startswith("x" * 100) and "!" in long
    assert segment("x" * 1000) != segment("x" * 1001)
    assert segment("%41" * 100)[-33] == "!"  # cut before the escape, not inside it
    ox.NamedNode(BASE + segment("%41" * 100))


@pytest.mark.parametrize("base, message", [
    ("example.org/kb/", "not absolute"),
    ("https://example.org/kb", "must end with '/'"),
    ("https://example.org/kb#", "fragment"),
    ("https://example.org/k b/", "contains ' '"),
    ("https://example.org/<kb>/", "contains '<'"),
    # Turtle, TriG and JSON-LD resolve <article/x> against these to another IRI than N-Quads writes
    ("https://ex.org/kb/?x=/", "has a query"),
    ("https://ex.org/kb?/", "has a query"),
    ("https://ex.org/a/../b/", r"has a dot segment \('..'\)"),
    ("https://ex.org/./", r"has a dot segment \('.'\)"),
    ("https://ex.org/a/%2E%2e/", r"has a dot segment \('%2E%2e'\)"),  # normalising decodes it
    # were taken, and failed as an internal error once the RDF parts were written
    ("https://ex.org/%zz/", "not a valid IRI: '%zz' is no percent-encoding"),
    ("https://ex.org/[x]/", r"not a valid IRI: '\[' is not allowed there"),
    ("https://ex.org:abc/", "no valid host and port"),
    ("https://[zz]/", r"not a valid IRI: '\[zz\]' is not an IPv6 address"),
    ("https://ex.org/\ue000/", "not a valid IRI: .* is not allowed there"),  # private use: only in a query
])
def test_a_bad_base_iri_is_refused_with_a_reason(base, message):
    with pytest.raises(QagraphError, match=message):
        check_base_iri(base)


@pytest.mark.parametrize("base", ["https://example.org/kb/", "urn:example:kb/", "https://例え.jp/", "file:///srv/kb/",
                                  "https://[::1]:8080/kb/", "https://example.org/a%20b/"])
def test_any_absolute_base_ending_in_slash_works(base):
    iri = IRIs(base).article("/learn/x/questions/y")
    ox.NamedNode(iri)
    assert iri.startswith(base)


def test_node_ids_map_to_their_iris():
    iris = IRIs(BASE)
    assert iris.node("article:/learn/a/questions/b") == iris.article("/learn/a/questions/b")
    assert iris.node("subject:cs") == iris.subject("cs")
    assert iris.node("keyword:c++") == BASE + "keyword/c%2B%2B"
    with pytest.raises(QagraphError, match="unknown kind"):
        iris.node("thing:x")


def test_the_minted_iris_go_with_their_iris_object_without_a_garbage_collection():
    # a build holds millions of objects, so Python's full collection rarely runs: a cycle
    # through the node -> IRI memo kept an export's IRIs (23 MB at 36k articles) for the build
    import gc

    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        iris = IRIs(BASE)
        assert iris.nodes["keyword:graphs"] == BASE + "keyword/graphs"
        assert iris.nodes["article:/a/b"] == iris.node("article:/a/b")
        del iris
        assert gc.collect() == 0  # nothing was left for the collector: freed when unreferenced
    finally:
        if was:
            gc.enable()


@pytest.mark.parametrize("url", HOSTILE_KEYS)
def test_absolute_urls_are_valid_iris(url):
    iri = absolute_url("https://site.example/", url)
    ox.NamedNode(iri)
    assert iri.startswith("https://site.example/") and iri.count("#") <= 1
    assert rdflib.URIRef(iri).n3() == f"<{iri}>"


@pytest.mark.parametrize("url, iri", [
    ("/learn/x/..", "https://site.example/docs/learn/"),
    ("/learn/./x/../y", "https://site.example/docs/learn/y"),
    ("/.", "https://site.example/docs/"),
    ("/../x", "https://site.example/docs/x"),  # a site path stays on the site
    ("https://other.example/a/b/../c?q=/../d#/./e", "https://other.example/a/c?q=/../d#/./e"),  # only the path's
    ("/learn/.x/..y/...", "https://site.example/docs/learn/.x/..y/..."),  # no dot segments: as written
])
def test_a_url_with_dot_segments_gives_the_iri_every_parser_reads(url, iri, tmp_path):
    """schema:url kept a url's "." and ".." segments: Oxigraph (and N-Quads) read
    <https://site.example/docs/learn/x/..> as written, raptor (rapper, Debian's Redland) removes them as
    RFC 3986 resolution does, as a browser does, so the Turtle and TriG said another url to it. They are
    removed, and the views link the same url (the page a browser opens either way)."""
    assert absolute_url("https://site.example/docs/", url) == iri
    if url.startswith("/"):  # what the atlas joins to the site url, in the page
        assert site_path(url) == iri.removeprefix("https://site.example/docs")
    turtle = f"<https://e.org/a> <https://schema.org/url> <{iri}> .\n".encode()
    run = subprocess.run(["rapper", "-q", "-i", "turtle", "-o", "ntriples", "-", "https://e.org/"], input=turtle,
                         capture_output=True, check=True)
    assert run.stdout.decode().split()[2] == f"<{iri}>"


def test_absolute_urls_keep_what_is_already_valid():
    assert absolute_url("https://site.example", "/learn/x/questions/y") == "https://site.example/learn/x/questions/y"
    assert absolute_url("https://site.example/", "https://other.example/a?b=1#c") == "https://other.example/a?b=1#c"
    assert absolute_url("https://site.example/", "/a%20b") == "https://site.example/a%20b"


@pytest.mark.parametrize("url, iri", [
    ("/learn/biology/questions/a[1]", "https://site.example/learn/biology/questions/a%5B1%5D"),
    ("https://other.example/a?b[1]#c[2]", "https://other.example/a?b%5B1%5D#c%5B2%5D"),
    ("https://[::1]:8080/a[b]", "https://[::1]:8080/a%5Bb%5D"),  # an IP-literal host keeps its brackets
    ("https://b\u00fccher.example/x", "https://xn--bcher-kva.example/x"),  # a host is punycode, not escapes
    ("https://u ser@other.example/", "https://u%20ser@other.example/"),
    ("https://other.example:/a", "https://other.example:/a"),  # an empty port is allowed (RFC 3986)
])
def test_brackets_outside_an_ip_literal_host_are_percent_encoded(url, iri):
    assert absolute_url("https://site.example/", url) == iri
    ox.NamedNode(iri)
    assert url_problem(url) is None


@pytest.mark.parametrize("url", [
    "https://x:port/a", "https://[zz]/", "https://x:99999/", "https://x:1:2/", "https://[::1]x/", "https://a[1]/",
    "https://", "https://?q", "https://b\u00fccher..example/", "https://\ud800/", "https://a%zz/", "https://a b/",
])
def test_a_url_without_a_valid_authority_gives_no_iri(url):
    assert absolute_url("https://site.example/", url) is None
    assert url_problem(url) == "has no valid host and port"


@pytest.mark.parametrize("url", [
    "javascript:alert(document.domain)", "JavaScript://%0aalert(1)", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "mailto:someone@example.org", "ftp://files.example/a", "https:no-authority",
])
def test_only_http_urls_are_published(url):
    """schema:url <javascript:alert(...)> was written: the RDF published what the views refuse to link."""
    assert absolute_url("https://site.example/", url) is None
    assert url_problem(url) == "is neither a site path nor an http(s) url"
    assert absolute_url("https://site.example/", "HTTP://Other.example/a") == "HTTP://Other.example/a"


# what breaks urls: the characters of their syntax, escapes, hosts and ports, any text
_odd = st.sampled_from(["[", "]", ":", "@", "%", "%2", "%zz", "#", "?", "/", "//", "[::1]", "[v1.x]", "..", " ",
                        "\\", "\u00fc", "\U0001F600", "\ud800", "80", "xn--", "\x00"])
_piece = st.one_of(_odd, st.text(max_size=6))
odd_urls = st.tuples(
    st.sampled_from(["", "/", "https://", "http://", "HTTPS://", "https://site.example", "https://[", "mailto:", "x:"]),
    st.lists(_piece, max_size=8).map("".join),
).map("".join)


@given(odd_urls)
@settings(max_examples=1000, deadline=None)
def test_every_url_gives_an_iri_oxigraph_takes_or_none(url):
    """pyoxigraph.NamedNode is the reference: a part file Oxigraph refuses fails the whole build."""
    iri = absolute_url("https://site.example/", url)
    if iri is None:
        assert url_problem(url) is not None
        return
    ox.NamedNode(iri)
    outside_the_host = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*", "", iri)
    assert iri.isascii() and not set(iri) & set(' "<>\\^`{|}') and not set(outside_the_host) & set("[]"), iri
    assert rdflib.URIRef(iri).n3() == f"<{iri}>"


def _oxigraph_takes(iri: str) -> bool:
    try:
        ox.NamedNode(iri)
    except (ValueError, UnicodeError):  # a lone surrogate cannot even be passed
        return False
    return True


_iri_pieces = st.sampled_from([
    "[", "]", ":", "@", "%", "%2", "%zz", "%41", "#", "?", "/", "//", "..", " ", "\\", "{", "|", "^", "`", "<", '"',
    "'", "!", "$", "&", "(", "*", "+", ",", ";", "=", "~", "-", ".", "_", "a", "Z", "0", "80", "\x00", "\x7f", "\xa0",
    "\u00fc", "\U0001F600", "\ud800", "\ue000", "\ufdd0", "\ufffe", "\U000e0001", "\U000e1000", "\U0010fffd",
    "[::1]", "[v1.x]", "[V1.x]", "[v1.]", "[::ffff:1.2.3.4]", "[::ffff:01.2.3.4]", "[1::2::3]", "[fe80::1%25eth0]",
    "[1:2:3:4:5:6:7:8:9]", "[12345::]", "[::]",
])
iri_like = st.tuples(
    st.sampled_from(["", "https://", "http://x", "urn:", "x:", "a+b.c-d:", "1x:", "https://x/", "https:", "mailto:",
                     "https://u@", "https://[", "file:///"]),
    st.lists(st.one_of(_iri_pieces, st.text(max_size=4)), max_size=10).map("".join),
).map("".join)


@given(iri_like)
@settings(max_examples=3000, deadline=None)
def test_the_iri_check_agrees_with_oxigraph(text):
    """The check that keeps invalid IRIs out of the RDF, without loading pyoxigraph (writing a
    part loads no RDF library), takes exactly what pyoxigraph.NamedNode takes."""
    assert (_iri_error(text) is None) == _oxigraph_takes(text), (text, _iri_error(text))


def test_checking_iris_loads_no_rdf_library():
    """An edit's rebuild writes its parts without rdflib or pyoxigraph (their import is a good part
    of its time): minting and checking IRIs must not load them."""
    import subprocess
    import sys

    script = ("import sys\nfrom qagraph.rdf.iri import IRIs, absolute_url, check_site_url\n"
              "IRIs('https://example.org/kb/'), check_site_url('https://site.example/')\n"
              "print(absolute_url('https://site.example/', '/a[1]'), absolute_url('https://site.example/', 'https://x:y/'),"
              " sorted(m for m in ('rdflib', 'pyoxigraph') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["https://site.example/a%5B1%5D", "None", "[]"]


@given(st.text(max_size=40))
@settings(max_examples=500)
def test_a_site_path_always_gives_an_iri(text):
    """Whatever the path, an IRI Oxigraph takes, on the site's host, that reads back as that path
    (every character an IRI cannot hold escaped, nothing dropped or added) once its ``.`` and ``..``
    segments are resolved, as every reader of the IRI resolves them."""
    iri = absolute_url("https://site.example/", "/" + text)
    assert iri is not None and iri.startswith("https://site.example/"), iri
    ox.NamedNode(iri)
    head, sharp, fragment = ("/" + text).partition("#")
    path, mark, query = head.partition("?")
    assert unquote(iri.removeprefix("https://site.example")) == unquote(
        _without_dots(path) + mark + query + sharp + fragment), iri
    assert url_problem("/" + text) is None


@pytest.mark.parametrize("site, message", [
    ("https://site.example/x?a=1", "has a query"),  # gave https://site.example/x?a=1/learn/...
    ("https://site.example/?", "has a query"),
    ("https://site.example/#/", "has a fragment"),  # gave https://site.example/#/learn/...
    ("https://site.example:abc/", "no valid host and port"),
    ("https://site.example:65536/", "no valid host and port"),
    ("https:///learn/", "no valid host and port"),
    ("https://b\u00fccher..example/", "no valid host and port"),  # no IDNA form
    ("https://site.example/[x]/", r"'\[' or '\]' in its path"),
    ("https://[zz]/", r"not a valid IRI: .\[zz\]. is not an IPv6 address"),
    ("https://site.example/%zz/", "not a valid IRI: .%zz. is no percent-encoding"),
    ("https://site.example/a^b/", "not a valid IRI"),
    ("ftp://site.example/", "must be an absolute http"),
    ("https://site example/", "contains ' ', which a site url may not hold"),
    ("https://site.example/my docs/", r"contains ' ', which a site url may not hold \(write it percent-encoded: %20\)"),
    ("https://site.example/a<b>/", r"contains '<'.*%3C"),
    ("https://site.example/\u00e9t\u00e9\u2003/", r"contains '\\u2003'.*%E2%80%83"),
    ("javascript:alert(1)", "must be an absolute http"),
])
def test_a_site_url_articles_cannot_be_joined_to_is_refused(site, message):
    with pytest.raises(QagraphError, match=message):
        check_site_url(site)


@pytest.mark.parametrize("site, checked", [
    ("https://site.example/", "https://site.example/"),
    (" https://site.example/docs ", "https://site.example/docs"),
    ("HTTP://Site.Example:8080/", "HTTP://Site.Example:8080/"),
    ("https://[::1]:8080/", "https://[::1]:8080/"),
    ("https://b\u00fccher.example/", "https://xn--bcher-kva.example/"),  # was https://b%C3%BCcher.example/...
    ("https://site.example/caf\u00e9/", "https://site.example/caf\u00e9/"),  # a path may be an IRI's
])
def test_a_site_url_is_given_back_ready_to_join(site, checked):
    assert check_site_url(site) == checked
    assert check_site_url(checked) == checked
    iri = absolute_url(checked, "/learn/x/questions/y")
    assert iri is not None and iri.startswith(checked.rstrip("/").replace("\u00e9", "%C3%A9") + "/learn/")
    ox.NamedNode(iri)


def test_similarity_iris_depend_on_both_ends_in_order():
    iris = IRIs(BASE)
    pairs = list(itertools.permutations(["/a", "/b", "/c"], 2))
    assert len({iris.similarity(a, b) for a, b in pairs}) == len(pairs)


def test_the_default_base_iri_passes_every_check():
    """check_base_iri takes qagraph's own base without compiling the IRI grammar (a patched build
    paid 0.05 s for it): that base must pass the checks every other base goes through."""
    from qagraph.rdf.iri import DEFAULT_BASE_IRI, _checked_base_iri, check_base_iri

    assert check_base_iri(DEFAULT_BASE_IRI) == _checked_base_iri(DEFAULT_BASE_IRI) == DEFAULT_BASE_IRI
