"""IRIs of the exported RDF, minted here and nowhere else.

Every data IRI is a readable, hierarchical path under the base IRI, so a web server can
serve it as it stands (no ``%2F`` inside a segment, which servers refuse by default, no
``.`` or ``..`` segment, which clients remove):

=================================  ================================================
``article/<url path>``             an article or an outside question, from its key:
                                   ``/learn/biology/questions/x`` gives
                                   ``article/learn/biology/questions/x``
``article/!file/<folder>/<stem>``  an article whose file has no url (key ``folder/stem``)
``article/<...>#answer``           the answer of that article (same document)
``subject/<slug>``                 a subject (skos:Concept)
``keyword/<folded text>``          a keyword (skos:Concept); ``/`` in it makes a path
``similarity/<hash>``              a similarity record (``similarity="full"``)
``scheme/subjects|keywords``       the two concept schemes
``graph/content|similarity``       the named graphs
``dataset``                        the dataset described in ``void.ttl``
=================================  ================================================

Each ``/``-separated piece of a key becomes one path segment: ``A-Z a-z 0-9 - . _ ~`` stay
as they are, every other character is percent-encoded as UTF-8 (``%`` too, so ``a%20b``
and ``a b`` stay apart), and a raw ``!`` marks the few segments that cannot be written
as themselves: ``!`` an empty segment (``//``, a trailing ``/``), ``!.`` and ``!..`` the
dot segments, ``!file`` the url-less keys, and ``<start>!<hash>`` a segment longer than
:data:`MAX_SEGMENT` characters (cut, with a digest of the whole). Text never yields a raw
``!`` (it is ``%21``), and ``!`` is not decoded by URI normalisation (``%2E`` and ``%7E``
would be), so no two keys share an IRI. Case is kept: ``/A`` and ``/a`` are two IRIs.
The same key gives the same IRI in every build; moving the file does not change it.

>>> iris = IRIs("https://example.org/kb/")
>>> iris.article("/learn/biology/questions/what-is-a-cell")
'https://example.org/kb/article/learn/biology/questions/what-is-a-cell'
>>> iris.article("functions/where"), iris.keyword("tcp/ip")
('https://example.org/kb/article/!file/functions/where', 'https://example.org/kb/keyword/tcp/ip')
>>> iris.answer("/a/b/")
'https://example.org/kb/article/a/b/!#answer'
"""

from __future__ import annotations

import hashlib
import ipaddress
import functools
import re
from urllib.parse import quote, unquote

from ..errors import UsageError
from ..ids import ARTICLE, KEYWORD, STUB, SUBJECT, split_node
from ..regex import lazy_compile

__all__ = ["DEFAULT_BASE_IRI", "IRIs", "MAX_SEGMENT", "absolute_url", "check_base_iri", "check_site_url",
           "is_site_path", "path", "segment", "site_path", "url_problem"]

#: The base of every data IRI unless the user sets one. ``.example`` is reserved for
#: examples (RFC 2606): set ``--base-iri`` to a domain you control before publishing.
DEFAULT_BASE_IRI = "https://qagraph.example/id/"
#: encoded segments longer than this are cut and end in ``!`` + a digest (file systems
#: and servers limit a path segment to 255 bytes)
MAX_SEGMENT = 200

_SCHEME = lazy_compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_NOT_IN_IRI = lazy_compile('[\x00-\x20<>"{}|^`\\\\\x7f\ud800-\udfff]')
_PLAIN = lazy_compile(r"[A-Za-z0-9._~\-]+")
_SPACED = lazy_compile(r"[A-Za-z0-9._~\- ]+")  # plain but for spaces: the common keyword
_SPECIAL = {"": "!", ".": "!.", "..": "!.."}
# whole paths that are their own encoding (the common case: url paths, plain keywords), and
# the same with spaces, short enough that "%20" cannot push a segment past MAX_SEGMENT
_SEG = r"(?!\.\.?(?:/|$))[A-Za-z0-9._~\-]{1,%d}"
_FAST_PATH = lazy_compile(f"{_SEG % 200}(?:/{_SEG % 200})*")
_FAST_SPACED = lazy_compile(f"{_SEG.replace('-]', '- ]') % 66}(?:/{_SEG.replace('-]', '- ]') % 66})*")
FILE_MARK = "!file"
_BASE_PATH = lazy_compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:(?://[^/]*)?")  # what comes before a base's path
_DOT_ESCAPE = lazy_compile("%2e", re.I)


def check_base_iri(base: str) -> str:
    """``base`` if it can prefix IRIs: a valid absolute IRI (as Oxigraph reads IRIs), ending in ``/``.

    A ``#`` base is refused: the IRIs under it are paths, and a path after a fragment
    never reaches a server. So are a ``?`` and a ``.`` or ``..`` segment: Turtle, TriG and
    JSON-LD write IRIs relative to the base, and resolving them (RFC 3986) drops its query
    and removes its dot segments, so they would name other resources than N-Quads does.

    >>> check_base_iri("https://example.org/kb/")
    'https://example.org/kb/'
    >>> check_base_iri("example.org")
    Traceback (most recent call last):
    ...
    qagraph.errors.UsageError: base IRI 'example.org' is not absolute (it needs a scheme such as https:)
    """
    if base == DEFAULT_BASE_IRI:  # checked once by a test: the grammar is not compiled for it (0.05 s a build)
        return base
    return _checked_base_iri(base)


def _checked_base_iri(base: str) -> str:
    """:func:`check_base_iri`, every check made.

    >>> _checked_base_iri(DEFAULT_BASE_IRI) == DEFAULT_BASE_IRI
    True
    """
    if not isinstance(base, str) or not _SCHEME.match(base):
        raise UsageError(f"base IRI {base!r} is not absolute (it needs a scheme such as https:)")
    bad = _NOT_IN_IRI.search(base)
    if bad:
        raise UsageError(f"base IRI {base!r} contains {bad.group()!r}, which IRIs do not allow")
    if "#" in base:
        raise UsageError(f"base IRI {base!r} has a fragment ('#'): data IRIs are paths under it, use '/'")
    if "?" in base:
        raise UsageError(f"base IRI {base!r} has a query ('?'): IRIs relative to it (Turtle, TriG, JSON-LD) "
                         "resolve without it, so they would differ from N-Quads'; use '/'")
    dots = [s for s in _BASE_PATH.sub("", base).split("/") if _DOT_ESCAPE.sub(".", s) in (".", "..")]
    if dots:
        raise UsageError(f"base IRI {base!r} has a dot segment ({dots[0]!r}), which resolving or normalising IRIs "
                         "removes: IRIs relative to it (Turtle, TriG, JSON-LD) would differ from N-Quads'")
    parts = _URL_PARTS.fullmatch(base)
    authority = parts.group(2) if parts else None  # None: no "//"; "": no host (file:///)
    if authority and _authority(authority) is None:
        raise UsageError(f"base IRI {base!r} has no valid host and port (a port is a number up to 65535)")
    why = _iri_error(base)
    if why:
        raise UsageError(f"base IRI {base!r} is not a valid IRI: {why}")
    if not base.endswith("/"):
        raise UsageError(f"base IRI {base!r} must end with '/', e.g. {base + '/'!r}")
    return base


_SITE = lazy_compile(r"(https?)://([^/?#]*)([^?#]*)(.*)", re.I | re.S)


def check_site_url(site_url: str) -> str:
    """``site_url`` as the address every article path is joined to (``<site_url>/learn/...``).

    It must be an absolute http(s) url with a valid host and port and no query or fragment
    (an article's path joined after those would land in them), holding nothing an IRI
    cannot (``[`` and ``]`` only around an IPv6 host); a host outside ASCII is given back
    as punycode (IDNA), the form every IRI and every browser agrees on.

    >>> check_site_url("https://bücher.example/docs/")
    'https://xn--bcher-kva.example/docs/'
    >>> check_site_url("https://site.example/x?a=1")
    Traceback (most recent call last):
    ...
    qagraph.errors.UsageError: site url 'https://site.example/x?a=1' has a query ('?a=1'): article paths would be joined inside it; give the site's address without it
    """
    text = site_url.strip() if isinstance(site_url, str) else ""
    parts = _SITE.fullmatch(text)
    if parts is None:
        raise UsageError(f"site url must be an absolute http(s) url, not {site_url!r}")
    bad = re.search(r"[\s<>\"'`]", text)
    if bad:  # an http(s) url all the same: "must be an absolute http(s) url" sent the user looking elsewhere
        raise UsageError(f"site url {site_url!r} contains {bad.group()!r}, which a site url may not hold "
                         f"(write it percent-encoded: {quote(bad.group().encode('utf-8', 'surrogatepass'))})")
    scheme, authority, path, rest = parts.groups()
    if rest:
        what = "a query" if rest.startswith("?") else "a fragment"
        raise UsageError(f"site url {site_url!r} has {what} ({rest!r}): article paths would be joined inside it; "
                         "give the site's address without it")
    if "[" in path or "]" in path:
        raise UsageError(f"site url {site_url!r} has '[' or ']' in its path, which IRIs do not allow (write %5B, %5D)")
    checked = _authority(authority)
    if checked is None:
        raise UsageError(f"site url {site_url!r} has no valid host and port (a port is a number up to 65535, a host "
                         "in brackets an IPv6 address, a host outside ASCII one with an IDNA form)")
    joined = f"{scheme}://{checked}{path}"
    why = _iri_error(joined)
    if why:
        raise UsageError(f"site url {site_url!r} is not a valid IRI: {why}")
    return joined


def segment(text: str) -> str:
    """``text`` (without ``/``) as one IRI path segment; injective, see the module notes.

    >>> segment("graph theory"), segment("what-is-a-cell"), segment("%"), segment(".."), segment("café")
    ('graph%20theory', 'what-is-a-cell', '%25', '!..', 'caf%C3%A9')
    """
    special = _SPECIAL.get(text)
    if special is not None:
        return special
    if _SPACED.fullmatch(text):
        out = text.replace(" ", "%20")
    else:
        out = quote(text.encode("utf-8", "surrogatepass"), safe="~")
    if len(out) > MAX_SEGMENT:
        cut = MAX_SEGMENT - 34
        while "%" in out[cut - 2 : cut]:  # do not split a %XX escape
            cut -= 1
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        out = f"{out[:cut]}!{digest}"
    return out


def path(text: str) -> str:
    """``text`` as a path of segments, one per ``/``-separated piece.

    >>> path("learn/biology/questions/a b"), path("a//b/"), path("./..")
    ('learn/biology/questions/a%20b', 'a/!/b/!', '!./!..')
    """
    if _FAST_PATH.fullmatch(text):
        return text
    if _FAST_SPACED.fullmatch(text):
        return text.replace(" ", "%20")
    return "/".join([segment(piece) for piece in text.split("/")])


def _key_path(key: str) -> str:
    """An article key as the path after ``article/``: a url without its leading ``/``, else ``!file/`` + key."""
    return path(key[1:]) if key.startswith("/") else f"{FILE_MARK}/{path(key)}"


# what percent-encoding leaves of a url's path, query and fragment: what an IRI may hold there
# (``[`` and ``]`` only in an IP-literal host; ucschar kept as UTF-8 escapes: a URI)
_URL_KEEP = "!#$&'()*+,/:;=?@~%"
_USERINFO_KEEP = "!$&'()*+,;=:~%"
_BAD_ESCAPE = lazy_compile(r"%(?![0-9A-Fa-f]{2})")
_WEB_SCHEMES = ("http:", "https:")  # the only urls schema:url publishes, as the views link only those
# scheme, authority (after "//", up to the first / ? #) and the rest
_URL_PARTS = lazy_compile(r"([A-Za-z][A-Za-z0-9+.\-]*:)(?://([^/?#]*))?(.*)", re.S)
_PORT = lazy_compile(r"[0-9]{0,5}")
# RFC 3987's grammar of an absolute IRI, "%" taken as one more character of each part: that each
# "%" starts an escape is checked apart (one character class a part is six times faster than "|%XX")
_UCS = ("\xa0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
        + "".join(f"{chr(p)}-{chr(p + 0xFFFD)}" for p in range(0x10000, 0xE0000, 0x10000)) + "\U000e1000-\U000efffd")
_PRIVATE = "\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"  # in a query only
_SUB = "!$&'()*+,;="
_REG = rf"A-Za-z0-9\-._~{_UCS}{_SUB}%"  # a host's characters
_PCHAR = _REG + ":@"  # a path segment's
_PRIVATE_CHAR = lazy_compile(f"[{_PRIVATE}]")


@functools.cache
def _iri_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The grammar of an absolute IRI, and one of its characters: compiled when first asked for
    (17 ms, which every ``import qagraph`` paid; a build asks only for urls with a scheme)."""
    iri = re.compile(
        rf"[A-Za-z][A-Za-z0-9+\-.]*:"
        rf"(?://(?:[{_REG}:]*@)?(?P<host>\[[^\]/?#@]*\]|[{_REG}]*)(?::[0-9]*)?(?:/[{_PCHAR}]*)*"
        rf"|/?(?:[{_PCHAR}]+(?:/[{_PCHAR}]*)*)?)"
        rf"(?:\?[{_PCHAR}/?{_PRIVATE}]*)?(?:#[{_PCHAR}/?]*)?"
    )
    return iri, re.compile(rf"[{_PCHAR}/?#\[\]{_PRIVATE}]")
_IP_FUTURE = lazy_compile(rf"[vV][0-9A-Fa-f]+\.[A-Za-z0-9\-._~{_SUB}:]+")


def _authority(authority: str) -> str | None:
    """``userinfo@host:port`` with its host in ASCII (IDNA), or None when no IRI can hold it.

    The host must be there, the port digits (at most 65535); a ``[...]`` host is an IP
    literal, left for :func:`_iri_error` to judge; a host outside ASCII becomes punycode.

    >>> _authority("bücher.example:8080"), _authority("x:port"), _authority("[::1]:80")
    ('xn--bcher-kva.example:8080', None, '[::1]:80')
    """
    userinfo, at, hostport = authority.rpartition("@")
    if hostport.startswith("["):
        end = hostport.find("]") + 1
        host, colon, port = hostport[:end], hostport[end:end + 1], hostport[end + 1:]
        if not end or colon not in ("", ":"):
            return None
    else:
        host, colon, port = hostport.partition(":")
        if "[" in host or "]" in host:
            return None
    if not host or not _PORT.fullmatch(port) or (port and int(port) > 65535):
        return None
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if at:
        userinfo = quote(_BAD_ESCAPE.sub("%25", userinfo).encode("utf-8", "surrogatepass"), safe=_USERINFO_KEEP)
    return f"{userinfo}{at}{host}{colon}{port}"


def _iri_error(iri: str) -> str | None:
    """Why ``iri`` is not an absolute IRI (RFC 3987), or None when it is one.

    It agrees with Oxigraph's parser, the one every build is validated and queried with
    (a part file holding one IRI it refuses is refused whole), without loading it:
    writing a part loads no RDF library.

    >>> _iri_error("https://[::1]:80/a?b#c"), _iri_error("https://x/a[1]"), _iri_error("https://x/%zz")
    (None, "'[' is not allowed there", "'%zz' is no percent-encoding")
    """
    bad = _BAD_ESCAPE.search(iri)
    if bad:
        return f"{iri[bad.start():bad.start() + 3]!r} is no percent-encoding"
    grammar, character = _iri_patterns()
    parts = grammar.fullmatch(iri)
    if parts is None:
        odd = next((c for c in iri if not character.match(c)), None)
        if odd is not None:
            return f"{odd!r} is not allowed in an IRI"
        if not _SCHEME.match(iri):
            return "it has no scheme (such as https:)"
        odd = next((c for c in iri if c in "[]" or _PRIVATE_CHAR.match(c)), None)
        return f"{odd!r} is not allowed there" if odd else "it does not follow the grammar of RFC 3987"
    host = parts.group("host") or ""
    if host.startswith("[") and not _IP_FUTURE.fullmatch(host[1:-1]):
        try:
            if "%" in host:  # a zone (fe80::1%eth0): not in an IRI
                raise ValueError(host)
            ipaddress.IPv6Address(host[1:-1])
        except ValueError:
            return f"{host!r} is not an IPv6 address"
    return None


def absolute_url(site_url: str | None, url: str) -> str | None:
    """``url`` (a site path or an absolute url) as an absolute URI under ``site_url``, or None.

    This is the one rule of which urls are published: the RDF's ``schema:url`` is this, and
    the views link an article or a link target to this and to nothing else
    (:func:`qagraph.html.page.safe_href`), so a url is linked in both or in neither.

    ``site_url`` is one :func:`check_site_url` gave. A url without a scheme is a site path
    (:func:`is_site_path`), joined to ``site_url`` (None without one: no site to join it to).
    Characters an IRI cannot hold in a path, query or fragment are percent-encoded (``[`` and
    ``]`` too), a ``%`` that starts no escape becomes ``%25``, and every ``#`` after the first
    becomes ``%23``; the rest of the url (its ``?query`` and ``#fragment``) is kept, and a host
    outside ASCII becomes punycode. A url with a scheme gives None unless it is an http(s) url
    (``javascript:``, ``data:``, ``mailto:``... are no page to publish as ``schema:url``)
    with a valid authority (host, and a port of digits): no IRI could name it as written.

    >>> absolute_url("https://site.example/", "/learn/a b/questions/x[1]?y=1")
    'https://site.example/learn/a%20b/questions/x%5B1%5D?y=1'
    >>> absolute_url("https://site.example", "/a#b#c%zz"), absolute_url(None, "/a")
    ('https://site.example/a#b%23c%25zz', None)
    >>> absolute_url("https://site.example/", "https://x:port/a"), absolute_url(None, "javascript:f()")
    (None, None)
    """
    if is_site_path(url):
        if site_url is None:
            return None
        url = site_url.rstrip("/") + site_path(url)
    parts = _URL_PARTS.fullmatch(url)
    if parts is None:
        return None
    scheme, authority, rest = parts.groups()
    if authority is None or scheme.lower() not in _WEB_SCHEMES:
        return None
    authority = _authority(authority)
    if authority is None:
        return None
    iri = f"{scheme}//{authority}{_encoded(rest)}"
    return iri if _iri_error(iri) is None else None


def _encoded(rest: str) -> str:
    """A url's path, query and fragment as :func:`absolute_url` writes them (see there)."""
    head, sharp, fragment = rest.partition("#")
    path, mark, query = head.partition("?")
    if "/." in path:
        path = _without_dots(path)
    rest = _BAD_ESCAPE.sub("%25", path + mark + query + sharp + fragment.replace("#", "%23"))
    return quote(rest.encode("utf-8", "surrogatepass"), safe=_URL_KEEP)


def _without_dots(path: str) -> str:
    """``path`` (from ``/``) without its ``.`` and ``..`` segments, as RFC 3986 resolves them (and a
    browser, and raptor, which reads ``<https://x/a/..>`` as ``<https://x/>`` where Oxigraph keeps it).

    >>> _without_dots("/a/./b/../c"), _without_dots("/a/.."), _without_dots("/../x"), _without_dots("/a/.b/..c")
    ('/a/c', '/', '/x', '/a/.b/..c')
    """
    if not path.startswith("/"):
        return path
    pieces = path.split("/")
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if piece in (".", ".."):
            if piece == ".." and len(out) > 1:
                out.pop()
            if i == len(pieces) - 1:
                out.append("")  # "/a/." is "/a/": the folder
        else:
            out.append(piece)
    return "/".join(out)


def is_site_path(url: str) -> bool:
    """Whether ``url`` is a path on the site (it has no scheme), which :func:`absolute_url` joins to a site url.

    >>> is_site_path("/learn/a"), is_site_path("learn/a"), is_site_path("https://x/a"), is_site_path("mailto:a@b")
    (True, True, False, False)
    """
    return not _SCHEME.match(url)


def site_path(url: str) -> str:
    """A site path as :func:`absolute_url` writes it after the site url's own path: from ``/``, encoded.

    ``site_url.rstrip("/") + site_path(url)`` is ``absolute_url(site_url, url)`` (but for
    characters outside ASCII in the site url's path, which a browser encodes alike): what
    a page that knows the site url only when it is opened joins (the atlas).

    >>> site_path("learn/a b"), site_path("/learn/a#b#c")
    ('/learn/a%20b', '/learn/a#b%23c')
    """
    return _encoded(url if url.startswith("/") else "/" + url)


def url_problem(url: str) -> str | None:
    """Why :func:`absolute_url` gives ``url`` (an article's or a link's) no IRI, or None when it gives one.

    Whether it does depends on the url alone: a site path always gives one.

    >>> url_problem("/learn/a[1]"), url_problem("https://x:port/a"), url_problem("javascript:alert(1)")
    (None, 'has no valid host and port', 'is neither a site path nor an http(s) url')
    """
    if is_site_path(url) or absolute_url(None, url) is not None:
        return None
    parts = _URL_PARTS.fullmatch(url)
    if parts is None or parts.group(1).lower() not in _WEB_SCHEMES or parts.group(2) is None:
        return "is neither a site path nor an http(s) url"
    return "has no valid host and port"


class IRIs:
    """Mints every IRI of one export under ``base`` (checked by :func:`check_base_iri`)."""

    __slots__ = ("base", "_article", "_subject", "_keyword", "_similarity", "nodes")

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        self.base = check_base_iri(base)
        self._article = base + "article/"
        self._subject = base + "subject/"
        self._keyword = base + "keyword/"
        self._similarity = base + "similarity/"
        #: node id -> IRI, minted on first use (``iris.nodes[node]``: a dict lookup once known)
        self.nodes = _NodeIRIs(self)

    def article(self, key: str) -> str:
        """An article's (or outside question's) IRI, from its key (its url, or folder/stem)."""
        return self._article + _key_path(key)

    def answer(self, key: str) -> str:
        """The IRI of the answer of the article with this key: the article's, ``#answer``."""
        return self._article + _key_path(key) + "#answer"

    def subject(self, slug: str) -> str:
        return self._subject + path(slug)

    def keyword(self, key: str) -> str:
        """A keyword's IRI, from its folded text (the keyword node's ``key``)."""
        return self._keyword + path(key)

    def similarity(self, first_key: str, second_key: str) -> str:
        """The IRI of the similarity record of two articles (keys in node-id order)."""
        digest = hashlib.sha1(
            f"{first_key}\n{second_key}".encode("utf-8", "surrogatepass"), usedforsecurity=False
        ).hexdigest()
        return self._similarity + digest[:20]

    def scheme(self, name: str) -> str:
        """``subjects`` or ``keywords``: the SKOS concept schemes."""
        return self.base + "scheme/" + segment(name)

    def graph(self, name: str) -> str:
        """``content`` or ``similarity``: the named graphs of the dataset."""
        return self.base + "graph/" + segment(name)

    @property
    def dataset(self) -> str:
        return self.base + "dataset"

    def node(self, node: str) -> str:
        """The IRI of a networkx node id (``article:...``, ``subject:...``, ``keyword:...``).

        >>> IRIs("https://example.org/").node("subject:computer-science")
        'https://example.org/subject/computer-science'
        """
        return _node_iri(node, self._article, self._subject, self._keyword)

    def node_of(self, iri: str) -> str | None:
        """The node id whose IRI (:meth:`node`) ``iri`` is, or the article's of an answer's IRI; ``None``
        when ``iri`` is none of those, or holds a segment cut to :data:`MAX_SEGMENT` (its text is gone:
        ask :meth:`node` of the candidates).

        >>> iris = IRIs("https://example.org/")
        >>> iris.node_of("https://example.org/keyword/graph%20theory"), iris.node_of(iris.answer("a/b"))
        ('keyword:graph theory', 'article:a/b')
        >>> iris.node_of("https://example.org/scheme/keywords") is None
        True
        """
        iri = iri.removesuffix("#answer")
        for prefix, kind in ((self._article, ARTICLE), (self._subject, SUBJECT), (self._keyword, KEYWORD)):
            if iri.startswith(prefix):
                pieces = iri[len(prefix):].split("/")
                lead = ""
                if kind == ARTICLE:
                    if pieces[0] == FILE_MARK and len(pieces) > 1:
                        pieces = pieces[1:]
                    else:
                        lead = "/"  # a url's, which the IRI leaves out
                texts = [_unsegment(piece) for piece in pieces]
                if any(text is None for text in texts):
                    return None
                node = f"{kind}:{lead}{'/'.join(text for text in texts if text is not None)}"
                return node if self.node(node) == iri else None  # an IRI no text is written as
        return None


def _unsegment(piece: str) -> str | None:
    """The text :func:`segment` wrote as ``piece``; ``None`` for a cut one (or none it writes)."""
    for text, written in _SPECIAL.items():
        if piece == written:
            return text
    if "!" in piece or not piece:
        return None
    return unquote(piece, errors="surrogatepass")


def _node_iri(node: str, article: str, subject: str, keyword: str) -> str:
    """:meth:`IRIs.node`, from the three prefixes of an :class:`IRIs`."""
    kind, rest = split_node(node)
    if kind in (ARTICLE, STUB):
        return article + _key_path(rest)
    if kind == SUBJECT:
        return subject + path(rest)
    if kind == KEYWORD:
        return keyword + path(rest)
    raise UsageError(f"no IRI for node {node!r}: unknown kind {kind!r}")


class _NodeIRIs(dict[str, str]):
    """Node id -> IRI, minting each on its first lookup.

    It keeps the prefixes, not its :class:`IRIs`: that cycle (IRIs -> nodes -> IRIs) kept an
    export's 200k IRIs (23 MB at 36k articles) alive after the export, until a full garbage
    collection, which a build holding millions of objects does not reach.
    """

    __slots__ = ("prefixes",)

    def __init__(self, iris: IRIs) -> None:
        super().__init__()
        self.prefixes = (iris._article, iris._subject, iris._keyword)

    def __missing__(self, node: str) -> str:
        iri = self[node] = _node_iri(node, *self.prefixes)
        return iri
