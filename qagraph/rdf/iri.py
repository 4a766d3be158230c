"""IRIs of the exported RDF, minted here and nowhere else.

Every IRI is ``<base><kind>/<segment>``: one flat path segment after the kind, never a
path after the id (``.../article/123/answer`` makes rdflib's Turtle writer quadratic and
ties the answer's identity to a URL layout). The segment is the percent-encoding of the
thing's identity, so any keyword or subject text gives a valid IRI, and an article's IRI
comes from its url alone: it is the same from run to run and when the file moves.

=================  ==========================================================
``article/<s>``    an article or a stub (``schema:Question``); ``<s>`` encodes
                   the article's key (its url; the url's leading ``/`` is dropped)
``answer/<s>``     the answer of that article
``subject/<s>``    a subject's slug
``keyword/<s>``    a keyword's folded text
``similarity/<h>`` a similarity link; ``<h>`` hashes the two article keys
``scheme/...``     the concept schemes ``subjects`` and ``keywords``
``graph/...``      the named graphs ``content`` and ``similarity``
``dataset``        the dataset described in ``void.ttl``
=================  ==========================================================

Keys without a leading ``/`` (files that have no url) get a ``~`` first, so they never
meet a url's IRI: ``/a/b`` gives ``article/a%2Fb`` and ``a/b`` gives ``article/~a%2Fb``.

>>> iris = IRIs("https://example.org/kb/")
>>> iris.article("/learn/biology/questions/what-is-a-cell")
'https://example.org/kb/article/learn%2Fbiology%2Fquestions%2Fwhat-is-a-cell'
>>> iris.keyword("c++ & graphs")
'https://example.org/kb/keyword/c%2B%2B%20%26%20graphs'
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from ..errors import QagraphError
from ..ids import ARTICLE, KEYWORD, STUB, SUBJECT, split_node

__all__ = ["DEFAULT_BASE_IRI", "IRIs", "check_base_iri", "segment"]

#: The base of every data IRI unless the user sets one. ``.example`` is reserved for
#: examples (RFC 2606): set ``--base-iri`` to a domain you control before publishing.
DEFAULT_BASE_IRI = "https://qagraph.example/id/"

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_NOT_IN_IRI = re.compile('[\x00-\x20<>"{}|^`\\\\\x7f\ud800-\udfff]')
_PLAIN = re.compile(r"[A-Za-z0-9._\- /]*")


def check_base_iri(base: str) -> str:
    """``base`` if it can prefix IRIs: absolute, no characters IRIs forbid, ending in ``/`` or ``#``.

    >>> check_base_iri("https://example.org/kb/")
    'https://example.org/kb/'
    >>> check_base_iri("example.org")
    Traceback (most recent call last):
    ...
    qagraph.errors.QagraphError: base IRI 'example.org' is not absolute (it needs a scheme such as https:)
    """
    if not isinstance(base, str) or not _SCHEME.match(base):
        raise QagraphError(f"base IRI {base!r} is not absolute (it needs a scheme such as https:)")
    bad = _NOT_IN_IRI.search(base)
    if bad:
        raise QagraphError(f"base IRI {base!r} contains {bad.group()!r}, which IRIs do not allow")
    if not base.endswith(("/", "#")):
        raise QagraphError(f"base IRI {base!r} must end with '/' or '#', e.g. {base + '/'!r}")
    return base


def segment(text: str) -> str:
    """``text`` as one IRI path segment: UTF-8 percent-encoding of all but ``A-Z a-z 0-9 - . _``.

    Injective, so two texts never share a segment; ``.`` and ``..`` are encoded too,
    because IRI resolution would remove them as dot-segments.

    >>> segment("graph theory"), segment("TCP/IP"), segment("%"), segment(".."), segment("café")
    ('graph%20theory', 'TCP%2FIP', '%25', '%2E%2E', 'caf%C3%A9')
    """
    if _PLAIN.fullmatch(text):  # fast path for the common case, same result as quote()
        out = text.replace(" ", "%20").replace("/", "%2F")
    else:
        out = quote(text.encode("utf-8", "surrogatepass"), safe="").replace("~", "%7E")
    if out in (".", ".."):
        out = out.replace(".", "%2E")
    return out


class IRIs:
    """Mints every IRI of one export under ``base`` (checked by :func:`check_base_iri`)."""

    __slots__ = ("base", "_article", "_answer", "_subject", "_keyword", "_similarity")

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        self.base = check_base_iri(base)
        self._article = base + "article/"
        self._answer = base + "answer/"
        self._subject = base + "subject/"
        self._keyword = base + "keyword/"
        self._similarity = base + "similarity/"

    @staticmethod
    def _key_segment(key: str) -> str:
        return segment(key[1:]) if key.startswith("/") else "~" + segment(key)

    def article(self, key: str) -> str:
        """An article's (or stub's) IRI, from its key (its url)."""
        return self._article + self._key_segment(key)

    def answer(self, key: str) -> str:
        """The IRI of the answer of the article with this key."""
        return self._answer + self._key_segment(key)

    def subject(self, slug: str) -> str:
        return self._subject + segment(slug)

    def keyword(self, key: str) -> str:
        """A keyword's IRI, from its folded text (the keyword node's ``key``)."""
        return self._keyword + segment(key)

    def similarity(self, source_key: str, target_key: str) -> str:
        """The IRI of the similarity between two articles (keys in the graph's order)."""
        digest = hashlib.sha1(
            f"{source_key}\n{target_key}".encode("utf-8", "surrogatepass"), usedforsecurity=False
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
        kind, rest = split_node(node)
        if kind in (ARTICLE, STUB):
            return self.article(rest)
        if kind == SUBJECT:
            return self.subject(rest)
        if kind == KEYWORD:
            return self.keyword(rest)
        raise QagraphError(f"no IRI for node {node!r}: unknown kind {kind!r}")
