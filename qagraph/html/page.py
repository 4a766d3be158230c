"""Turning view data into HTML pages that need no network and run no content.

Safety rests on four things, each tested in a browser:

* page text goes through Jinja with autoescaping on (pyvis's own template
  environment has it off, and its template loads Bootstrap from a CDN);
* graph data is embedded as JSON in a ``<script type="application/json">`` block,
  with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX`` so no text can
  close the block (:func:`script_json`);
* answer excerpts are Markdown rendered with raw HTML and images off, then cleaned
  by nh3 to a short list of tags (:func:`excerpt_html`); everything else reaches the
  page as text (``textContent`` in ``view.js``);
* a Content-Security-Policy allows only the page's own scripts (by hash, or the
  vis-network file beside it), no requests, no inline event handlers.

vis-network comes from the installed pyvis package (``pyvis/lib/vis-9.1.2``), so
nothing is vendored; it is either inlined or copied once beside the views.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from importlib import util
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import jsontext
from ..errors import QagraphError
from ..rdf.iri import absolute_url
from ..regex import lazy_compile

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = [
    "VIS_JS_NAME",
    "compile_templates",
    "excerpt_html",
    "excerpt_markdown",
    "render_markdown",
    "render_index",
    "render_view",
    "safe_href",
    "script_json",
    "view_data_span",
    "vis_network_js",
]

ASSETS = Path(__file__).resolve().parent / "assets"
VIS_VERSION = "9.1.2"
VIS_JS_NAME = "vis-network.min.js"

_env = Environment(
    loader=FileSystemLoader(str(ASSETS)),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


# -- embedding data ----------------------------------------------------------------------


def script_json(value: Any) -> str:
    """JSON that can sit inside a ``<script>`` element and never end it early.

    >>> script_json({"t": "</script><!-- \\u2028"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!-- \\\\u2028"}'
    """
    text = jsontext.dumps(value)
    # str.replace runs in C at memchr speed; str.translate with a dict is ~10x slower here
    return (
        text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


#: the element of a view page (``view.html.j2``) that holds its data
_DATA_OPEN = '<script type="application/json" id="qagraph-data">'


def view_data_span(page: str) -> tuple[int, int] | None:
    """Where a view page (:func:`render_view`) holds its data: ``page[start:end]`` is the
    :func:`script_json` text (None: no such element, not a view page).

    >>> page = f'<main></main>{_DATA_OPEN}{script_json({"nodes": [{"label": "</script>"}]})}</script>'
    >>> start, end = view_data_span(page)
    >>> json.loads(page[start:end])
    {'nodes': [{'label': '</script>'}]}
    """
    start = page.find(_DATA_OPEN)
    if start < 0:
        return None
    start += len(_DATA_OPEN)
    end = page.find("</script>", start)  # script_json writes no "<": the element's own end
    return (start, end) if end >= 0 else None


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


# -- assets --------------------------------------------------------------------------------


def _script_safe(name: str, text: str) -> str:
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise QagraphError(f"{name} cannot be inlined: it contains '</script' or '<!--'")
    return text


@lru_cache(maxsize=None)
def vis_network_js() -> str:
    """The vis-network script pyvis ships (version :data:`VIS_VERSION`).

    Found without importing pyvis, whose package imports IPython (0.1 s per command)."""
    spec = util.find_spec("pyvis")
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    for base in map(Path, folders):
        for sub in (("lib", f"vis-{VIS_VERSION}"), ("templates", "lib", f"vis-{VIS_VERSION}")):
            candidate = base.joinpath(*sub, VIS_JS_NAME)
            if candidate.is_file():
                return _script_safe(VIS_JS_NAME, candidate.read_text(encoding="utf-8"))
    raise QagraphError(f"pyvis does not ship vis-network {VIS_VERSION} ({VIS_JS_NAME}); reinstall pyvis 0.3.2")


@lru_cache(maxsize=None)
def _own(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    if name.endswith(".css") and "</style" in text.lower():
        raise QagraphError(f"{name} cannot be inlined")
    return _script_safe(name, text) if name.endswith(".js") else text


@lru_cache(maxsize=None)
def _hash(name: str) -> str:
    return _sha256(vis_network_js() if name == VIS_JS_NAME else _own(name))


def _csp(scripts: list[str]) -> str:
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(scripts),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])


# -- text from content ----------------------------------------------------------------

@lru_cache(maxsize=None)
def markdown_parser() -> MarkdownIt:
    """markdown-it as the views render with it (CommonMark, no raw HTML, no images), made on first
    use: answers of plain prose never need it, nor its import (0.02 s of a patched build's views)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable(["image"])


_TAGS = {"p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
         "h1", "h2", "h3", "h4", "h5", "h6", "a"}
_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
_URL_SCHEMES = {"http", "https", "mailto"}


def excerpt_markdown(markdown: str, limit: int = 400) -> str:
    """The first paragraphs of ``markdown``: at least ``limit // 2`` characters when
    there are, at most ``limit`` (cut at a space), with `` …`` when text was left out.

    Whole paragraphs keep the excerpt readable, and cheap to render: markdown-it's
    cost grows with the number of blocks far more than with their length.

    >>> excerpt_markdown("One.\\n\\nTwo.", limit=8)
    'One. …'
    """
    text = markdown.strip()
    if len(text) <= limit:
        return text
    taken: list[str] = []
    size = 0
    # ``size`` is where the next paragraph starts, and the loop stops at the first that ends past
    # ``limit``: the first ``limit + 2`` characters decide (a paragraph ending by then has its
    # "\n\n" in them; one cut short by them ends past ``limit`` in both), not the whole answer
    head = text[: limit + 2] if limit >= 0 else text
    for para in head.split("\n\n"):
        if taken and size + len(para) > limit:
            break
        taken.append(para)
        size += len(para) + 2
        if size >= limit // 2:
            break
    excerpt = "\n\n".join(taken)
    if len(excerpt) > limit:
        cut = excerpt.rfind(" ", 0, limit)
        excerpt = excerpt[: cut if cut > limit // 2 else limit].rstrip()
    return excerpt + " \u2026"


def excerpt_html(markdown: str, limit: int = 400) -> str:
    """The start of an answer (see :func:`excerpt_markdown`) as safe HTML.

    Raw HTML in the Markdown stays text, images are not loaded (a view must make no
    request), links keep only http(s), mailto and relative targets.

    >>> excerpt_html("**Bold** <script>alert(1)</script>")
    '<p><strong>Bold</strong> &lt;script&gt;alert(1)&lt;/script&gt;</p>\\n'
    >>> excerpt_html("[x](javascript:alert(1)) ![i](https://example.com/i.png)")
    '<p>[x](javascript:alert(1)) !<a href="https://example.com/i.png" rel="noopener noreferrer">i</a></p>\\n'
    """
    text = excerpt_markdown(markdown, limit)
    if not text:
        return ""
    plain = _plain_paragraphs(text)
    if plain is not None:  # no markup, nothing to clean: what nh3 gives back (quotes unescaped)
        return _paragraphs_html(plain)
    return nh3.clean(
        render_markdown(text), tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_URL_SCHEMES,
        link_rel="noopener noreferrer", strip_comments=True,
    )


#: a character that may make Markdown more than plain text anywhere in a line (or that
#: markdown-it treats apart from a space: controls, other spaces, line separators)
_NOT_PLAIN = lazy_compile(r"[\\`*_\[\]<>&!\x00-\x09\x0b-\x1f\x7f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]")
#: the start of a line that may start a block other than a paragraph (indented code, a list, a
#: heading, a setext underline, a fence), matched at each line's start: searched for with ``^``
#: in multiline mode, every character of the text was tried as one (half of an excerpt's time)
_BLOCK_START = lazy_compile(r" {4}| {0,3}(?:[-+=#~]|\d{1,9}[.)](?: |$))")


def render_markdown(text: str) -> str:
    """``text`` as markdown-it renders it (CommonMark, no raw HTML, no images).

    Answers mostly open with paragraphs of plain prose, which need no parser: those are
    written here, the same as markdown-it writes them (a test checks it on generated
    text); anything else goes to markdown-it, whose cost is most of a view's.

    >>> render_markdown('He said "hi".\\n\\nTwo  lines\\n  here'), render_markdown("**Bold**")
    ('<p>He said &quot;hi&quot;.</p>\\n<p>Two  lines\\nhere</p>\\n', '<p><strong>Bold</strong></p>\\n')
    """
    plain = _plain_paragraphs(text)
    if plain is None:
        rendered: str = markdown_parser().render(text)
        return rendered
    return _paragraphs_html(plain).replace('"', "&quot;")


def _plain_paragraphs(text: str) -> list[list[str]] | None:
    """The lines of each paragraph of ``text`` when it is plain prose (no character or line
    that Markdown could read as more than text), else None."""
    if _NOT_PLAIN.search(text):
        return None
    paragraphs: list[list[str]] = [[]]
    for line in text.split("\n"):
        if _BLOCK_START.match(line) or line.endswith("  "):  # a line ending in two spaces: a hard break
            return None
        line = line.strip(" ")
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [lines for lines in paragraphs if lines]


def _paragraphs_html(paragraphs: list[list[str]]) -> str:
    return "".join("<p>" + "\n".join(lines) + "</p>\n" for lines in paragraphs)


def safe_href(url: str | None, site_url: str | None = None) -> str | None:
    """The link an article's (or a link target's) ``url`` makes, or None when it makes none.

    It is the ``schema:url`` the RDF gives the same url (:func:`~qagraph.rdf.iri.absolute_url`),
    so a url is linked in the views and published in the RDF, or neither: an http(s) url that
    is a valid IRI, or a site path (``/learn/...``) joined to ``site_url`` (one
    :func:`~qagraph.rdf.iri.check_site_url` gave). Without ``site_url`` a site path is no
    link: opened from disk it would resolve to ``file:///learn/...``.

    >>> safe_href("/learn/cs/questions/a", "https://example.org/")
    'https://example.org/learn/cs/questions/a'
    >>> safe_href("javascript:alert(1)"), safe_href("https://x:port/a"), safe_href("/learn/cs/questions/a")
    (None, None, None)
    """
    return absolute_url(site_url, url) if url else None


# -- pages -------------------------------------------------------------------------------


def render_view(page: dict[str, Any], data: dict[str, Any], *, vis_src: str | None = None) -> str:
    """One view page: ``page`` holds its texts, ``data`` the graph for ``view.js``.

    With ``vis_src`` (a relative path) the page loads vis-network from that file;
    otherwise vis-network is inlined and the page stands alone.
    """
    from .._version import __version__

    scripts = [_hash("view.js")]
    if vis_src:
        if not re.fullmatch(r"[A-Za-z0-9._/-]+\.js", vis_src) or vis_src.startswith("/") or "//" in vis_src:
            raise QagraphError(f"not a relative script path: {vis_src!r}")
        scripts.append("'self'")
    else:
        scripts.append(_hash(VIS_JS_NAME))
    template = _env.get_template("view.html.j2")
    return template.render(
        **page,
        csp=_csp(scripts),
        version=__version__,
        vis_version=VIS_VERSION,
        css=Markup(_own("view.css")),
        data_json=Markup(script_json(data)),
        vis_src=vis_src,
        vis_js=Markup(vis_network_js()) if not vis_src else "",
        view_js=Markup(_own("view.js")),
    )


def render_index(page: dict[str, Any]) -> str:
    """The index page that links every view; no script at all."""
    from .._version import __version__

    template = _env.get_template("index.html.j2")
    return template.render(**page, csp=_csp(["'none'"]), version=__version__)


def compile_templates() -> None:
    """Compile the templates of the views and the index page now, not at the first page of each
    (0.03 s): a patched build does it in the process that writes them, while it waits for the change."""
    for name in ("view.html.j2", "index.html.j2"):
        _env.get_template(name)
