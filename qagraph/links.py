"""Links between articles written in the text, and where they lead.

Two halves. **Extraction** (per file, while loading): :func:`text_links` finds the
links an article's body makes, in any of the syntaxes a preset asks for, with code
blocks, inline code and comments left out; :func:`inline_tags` finds Obsidian's
``#tags``, :func:`tags_line` the notes a Zettelkasten note's ``Tags:`` line names;
:func:`first_heading` gives a title for files that have none.
**Resolution** (once per corpus, while linking): :class:`ArticleIndex` finds the
article a link names, by url, by path (relative to the linking file, then to the
corpus root), as a folder whose own page (``README.md``, ``index.md``, a folder note named like
the folder) it reaches, by Jekyll post date and slug, and, for names without a folder, by file name
anywhere in the corpus (case-insensitive; the shortest path wins a clash; in an Obsidian vault the root's note,
then the one beside the linking note, then the shortest path string, as Obsidian picks), then by
alias, then (a wiki-link) by file name with hyphens for spaces, as GitHub wikis name a page's file,
then by a folder's name, as its own page.

Link origins (kept as ``origin`` on ``related`` edges):

==================  ===========================================================
``front-matter``    ``related_articleN`` mappings and ``related*`` lists (Hugo
                    ``relatedfuncs``)
``wiki-link``       ``[[Note]]``, ``[[Note|alias]]`` (or ``[[alias|Note]]``, GitHub
                    wikis' and Dendron's order, when ``alias`` names no article,
                    but in an Obsidian vault),
                    ``[[Note#Heading]]``, ``[[Note#^block]]``, Dendron's
                    ``[[dendron://vault/note.name]]`` (the note, by name)
``embed``           ``![[Note]]`` (an embedded note; embedded images are not links)
``markdown-link``   ``[text](../other.md#part)``, ``[text](/functions/where/)``,
                    ``[label]: /path`` reference definitions; with the ``html``
                    syntax, ``<a href="/docs/x/">`` in the Markdown too
``ref``             Hugo ``{{< ref "x" >}}`` / ``{{< relref "x" >}}``, Jekyll
                    ``{% post_url name %}`` / ``{% link path %}``, Hexo
                    ``{% post_link name %}`` / ``{% post_path name %}``, Nikola's
                    ``link://slug/name`` (with the ``nikola`` syntax)
==================  ===========================================================

A link to another site (``https://...`` whose host is not the corpus's own site url),
``mailto:``, a bare ``#anchor`` and a link to an attachment (``.png``, ``.pdf``...)
is not a link between articles: it is not kept. A link to a page or note that is not
in the corpus becomes a stub, as ``related_articleN`` links do.

>>> [(l.origin, l.target, l.text) for l in text_links("See [[Graph theory|graphs]] and [x](../b.md#y).\\n", ("wiki", "markdown"))]
[('wiki-link', 'Graph theory', 'graphs'), ('markdown-link', '../b.md#y', 'x')]
"""

from __future__ import annotations

import bisect
import html
import itertools
import posixpath
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar
from urllib.parse import SplitResult, unquote, urlsplit

from .ids import keyword_node, subject_node
from .normalize import fold
from .regex import lazy_compile

__all__ = [
    "ArticleIndex",
    "EMBED",
    "Named",
    "FRONT_MATTER",
    "LINK_SYNTAXES",
    "MARKDOWN_LINK",
    "REF",
    "TextLink",
    "WIKI_LINK",
    "first_heading",
    "included_definition_links",
    "included_files",
    "inline_tags",
    "is_article_like",
    "mask_code",
    "mask_math",
    "mask_open_comment",
    "myst_labels",
    "note_suffixes",
    "command_page",
    "translation_folder",
    "page_path",
    "reference_definitions",
    "snippet_links",
    "macro_links",
    "split_language",
    "tags_line",
    "text_links",
    "unwrap_mdx_code_blocks",
    "wiki_targets",
]

FRONT_MATTER = "front-matter"
WIKI_LINK = "wiki-link"
EMBED = "embed"
MARKDOWN_LINK = "markdown-link"
REF = "ref"
#: a Hugo section's list of its child pages, the Learn and Relearn themes' ``{{% children %}}`` shortcode: one link
#: for all of them, resolved by :meth:`ArticleIndex.children` (its target says how deep, :func:`children_target`)
CHILDREN = "children"
#: a command page's mention of another command's page (:func:`command_page`): its "See also" list, the
#: command it is an alias of, a ``tldr name`` example; resolved by :meth:`ArticleIndex.resolve` beside the page
COMMAND = "command"

#: the text link syntaxes a field map can ask for
LINK_SYNTAXES = ("wiki", "markdown", "hugo-ref", "hugo-children", "jekyll-ref", "myst", "html", "quarto", "docsify", "docsify-relative",
                 "docsify-history", "bookdown", "notebook", "nikola")

#: suffixes of attachments: a link to one of these is not a link to an article
ATTACHMENTS = frozenset(
    "png jpg jpeg gif svg webp bmp ico tif tiff avif heic pdf mp3 mp4 m4a m4v wav ogg oga ogv 3gp webm mov mkv avi "
    "flac zip gz tgz tar 7z rar csv tsv xls xlsx doc docx ppt pptx odt ods odp json xml yaml yml toml txt "
    "js css scss ts py rb go rs java c h cpp sh ps1 ipynb canvas base excalidraw woff woff2 ttf otf eot epub".split()
)
#: the attachment suffixes that notes' names end with too ("Node.js", "package.json", "Cargo.toml"): Obsidian
#: writes a link to the note ``Node.js.md`` as ``[[Node.js]]``, so a wiki-link so named may lead to a note
NOTE_NAME_SUFFIXES = frozenset("js ts py rb go rs java cpp sh css json xml yaml yml toml txt csv".split())
#: suffixes of pages: stripped when a link names a page by its file
PAGE_SUFFIXES = (".md", ".markdown", ".mdx", ".html", ".htm", ".ipynb", ".rst", ".mkd", ".mkdn", ".mkdown", ".mdown")
#: the names (without suffix, in any case) of a folder's own page, which a link to the folder reaches as
#: GitHub, MkDocs and most static-site tools show it; the first wins when a folder has several
FOLDER_PAGES = ("index", "_index", "readme")


@dataclass(frozen=True)
class TextLink:
    """One link found in a body: its origin, the target as written, the link text, the body line."""

    origin: str
    target: str
    text: str | None
    line: int


# -- masking code and comments ------------------------------------------------------------

#: a code fence's opening line, also as the first line of a list item or in a quote (``- ```shell``); a
#: backtick fence's info string has no backtick (```` ```x``` ```` is inline code)
_FENCE_OPEN = lazy_compile(r"^(?: {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+| {0,3}>[ \t]?)* {0,3}(`{3,}(?=[^`]*$)|~{3,})")
#: the ``>`` marks a line in a quote starts with
_QUOTE_MARKS = lazy_compile(r"^(?:[ \t]*>)+")
#: the opening of a raw HTML block (CommonMark's first kind: ``<pre>``, ``<script>``, ``<style>``, ``<textarea>``),
#: which runs to the line holding its closing tag: a fence's backticks inside it open no code block
_RAW_HTML_OPEN = lazy_compile(r"^ {0,3}<(pre|script|style|textarea)(?=[\s>]|$)", re.I)
_INLINE_CODE = lazy_compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
#: comments by their opening and their closing: HTML's, Obsidian's, Go templates' (Hugo) and MDX's
#: (``{/* ... */}``: Docusaurus), which a Go template's, opening a brace before, comes before
_COMMENTS = tuple((re.compile(opening), re.compile(closing)) for opening, closing in (
    (r"<!--", r"-->"), (r"%%", r"%%"), (r"\{\{-?\s*/\*", r"\*/\s*-?\}\}"), (r"\{\s*/\*", r"\*/\s*\}")))
#: a Liquid block a page shows as code or not at all (Jekyll, Eleventy): ``{% highlight html %}...{% endhighlight %}``,
#: ``{% comment %}...{% endcomment %}``, by its opening and its closing
_LIQUID_BLOCKS = tuple((re.compile(rf"\{{%-?\s*{name}\b[^%]*?-?%\}}"), re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}"))
                       for name in ("highlight", "comment"))
#: Liquid's ``{% raw %}...{% endraw %}``, whose markup the page shows as written, unrendered (a post about Jekyll
#: that writes ``{% raw %}{% post_url 2020-01-01-x %}{% endraw %}`` shows the tag, linking nowhere), and that markup
_LIQUID_RAW = (re.compile(r"\{%-?\s*raw\s*-?%\}"), re.compile(r"\{%-?\s*endraw\s*-?%\}"))
_LIQUID_MARKUP_IN_RAW = lazy_compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
#: display math, ``$$...$$`` inline or a block of its own, as kramdown (Jekyll) reads it and MathJax or KaTeX
#: show it: ``$$ \mathbb{E}[X](t) $$`` is no link (a single ``$`` is text to kramdown); it ends in its paragraph,
#: so a lone ``$$`` (a shell's process id) hides nothing past a blank line
_MATH = lazy_compile(r"\$\$(?:(?!\n[ \t]*\n).)*?\$\$", re.S)


#: inline math as Obsidian reads it (and shows it with MathJax): a ``$`` no space follows, to the next ``$`` of its
#: line no space precedes, neither escaped (``\$``) nor doubled (``$$`` is display math): ``$5 and $10`` is none
_INLINE_MATH = lazy_compile(r"(?<![\\$])\$(?=[^\s$])(?:\\.|[^\\$\n])*?(?<=[^\s\\])\$(?!\$)")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def mask_math(text: str) -> str:
    """``text`` with its inline math (:data:`_INLINE_MATH`) blanked out, lengths and line breaks kept, as
    :func:`mask_code` blanks code: Obsidian renders ``$[[A]]^{v}$`` as a formula, no link of its graph, and
    ``$\\#x$`` holds no tag.

    >>> mask_math("$[[A]]^{v} = v(A)$ and [[B]]; costs $5 and $10.\\n\\\\$[[C]]$")
    '                   and [[B]]; costs $5 and $10.\\n\\\\$[[C]]$'
    """
    return _INLINE_MATH.sub(_blank, text) if "$" in text else text


def mask_open_comment(text: str) -> str:
    """``text`` as :func:`mask_code` gives it (its closed comments blanked out) blanked from the ``%%`` of an
    Obsidian comment that is never closed to its end, lengths and line breaks kept: Obsidian reads the rest of
    the note as that comment (hidden in its reading view, greyed in its editor), whose ``[[links]]`` and
    ``#tags`` are none.

    >>> mask_open_comment(mask_code("[[A]] %% done %% [[B]] %% to do: [[C]]\\n`%%` #tag"))
    '[[A]]            [[B]]                \\n         '
    """
    start = text.find("%%")
    return text if start < 0 else text[:start] + re.sub(r"[^\n]", " ", text[start:])


def mask_code(text: str) -> str:
    """``text`` with fenced code blocks, inline code, HTML, Obsidian, Go template (Hugo) and MDX
    comments, Liquid's ``highlight`` and ``comment`` blocks, the Liquid markup of its ``raw`` blocks
    (shown as written, not run) and ``$$`` math blanked out.

    Lengths and line breaks are kept, so offsets and line numbers still point into the
    original text.

    >>> mask_code("a `[[x]]` b\\n```\\n#tag\\n```\\nc")
    'a         b\\n   \\n    \\n   \\nc'
    >>> mask_code('{{/* {{< ref "x" >}} */}}!').strip()
    '!'
    >>> mask_code('{% highlight html %}\\n<a href="/x/">x</a>\\n{% endhighlight %}!').strip()
    '!'
    >>> mask_code('[a]({% raw %}{% post_url 2020-01-01-x %}{% endraw %}) {% raw %}[b](/b/){% endraw %}').split()
    ['[a](', ')', '[b](/b/)']
    >>> mask_code("<pre><code>```query\\nx\\n```</code></pre>\\n[[Note]]").split("\\n")[-1]  # no fence in <pre>
    '[[Note]]'
    >>> mask_code("- ```shell\\n  git clone [x](/x/)\\n  ```\\n\\nSee [B](/b/).").split("\\n")[-1]  # a list item's fence
    'See [B](/b/).'
    """
    if ("`" not in text and "~~~" not in text and "<!--" not in text and "%%" not in text and "/*" not in text
            and "{%" not in text and "$$" not in text):
        return text
    lines = text.split("\n")
    fence: str | None = None
    quoted = False  # the fence opened in a quote
    raw: str | None = None  # the tag of the raw HTML block the line is in, which no fence opens in
    for i, line in enumerate(lines):
        if raw is not None:
            if f"</{raw}>" in line.lower():
                raw = None
        elif fence is None:
            m = _FENCE_OPEN.match(line)
            if m:
                fence, quoted = m.group(1), ">" in line[:m.start(1)]
                lines[i] = " " * len(line)
            elif (html := _RAW_HTML_OPEN.match(line)) and f"</{html.group(1).lower()}>" not in line.lower():
                raw = html.group(1).lower()
        else:
            stripped = (_QUOTE_MARKS.sub("", line) if quoted else line).strip()  # a quote's fence closes inside it
            if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                fence = None
            lines[i] = " " * len(line)
    text = "\n".join(lines)
    if "`" in text:
        text = _INLINE_CODE.sub(_blank, text)
    if "<!--" in text or "%%" in text or "/*" in text:
        text = _mask_comments(text)
    if "{%" in text:
        text = _mask_comments(text, _LIQUID_BLOCKS)
        if "raw" in text:  # the Liquid a raw block shows as text is no tag, so no link
            text = replace_spans(text, (_LIQUID_RAW,), lambda span: _LIQUID_MARKUP_IN_RAW.sub(_blank, span))
    if "$$" in text:
        text = _MATH.sub(_blank, text)
    return text


#: a Docusaurus ``mdx-code-block`` fence (three or four backticks, indented or not) and what it holds, up to the
#: first closing fence of as many backticks on a line of its own
_MDX_CODE_BLOCK = lazy_compile(r"^(?P<open> *(?P<ticks>`{3,4}) *mdx-code-block)(?P<inner>\r?\n.*?\r?\n)"
                             r"(?P<close> *(?P=ticks))(?=\r?$)", re.M | re.S)


def unwrap_mdx_code_blocks(text: str) -> str:
    """``text`` with the fences of its ``mdx-code-block`` code blocks blanked out, what they hold kept: Docusaurus
    renders it as the page's own MDX (its mdx-loader unwraps them, ``unwrapMdxCodeBlocks``, before it reads the
    page), so its links are the page's. Lengths and line breaks are kept, as :func:`mask_code` keeps them.

    >>> unwrap_mdx_code_blocks("```mdx-code-block\\n<Link to='/docs/a'>A</Link>\\n```\\n\\n```js\\nx\\n```")
    "                 \\n<Link to='/docs/a'>A</Link>\\n   \\n\\n```js\\nx\\n```"
    """
    return _MDX_CODE_BLOCK.sub(
        lambda m: " " * len(m["open"]) + m["inner"] + " " * len(m["close"]), text) if "mdx-code-block" in text else text


def mask_comments(text: str) -> str:
    """``text`` with its comments and Liquid's ``comment`` and ``highlight`` blocks blanked out, as
    :func:`mask_code` blanks them, but its code kept: what a page shows as text.

    >>> mask_comments("a <!-- x --> `b` {% comment %}c{% endcomment %}").split()
    ['a', '`b`']
    """
    if "<!--" in text or "%%" in text or "/*" in text:
        text = _mask_comments(text)
    return _mask_comments(text, _LIQUID_BLOCKS) if "{%" in text else text


def _mask_comments(text: str, pairs: Sequence[tuple[re.Pattern[str], re.Pattern[str]]] = _COMMENTS) -> str:
    """``text`` with its comments (``pairs`` of opening and closing: :data:`_COMMENTS`, or Liquid's blocks)
    blanked out, as ``<!--.*?-->|...`` would (:func:`replace_spans`: 10,000 ``<!--`` never closed took that
    pattern 6 s, 100,000 ten minutes).

    >>> _mask_comments("a <!-- x --> b %% y %% c {{/* z */}} <!-- <!-- open %% d %%")
    'a            b         c             <!-- <!-- open        '
    """
    return replace_spans(text, pairs, lambda span: re.sub(r"[^\n]", " ", span))


def replace_spans(text: str, pairs: Sequence[tuple[re.Pattern[str], re.Pattern[str]]],
                  replace: Callable[[str], str]) -> str:
    """``text`` with each span from an opening of one of ``pairs`` (opening, closing) to the first closing of
    its kind after it replaced by ``replace(span)``, leftmost first, as a pattern ``A.*?B|C.*?D`` (``re.S``)
    would, in one pass: an opening that is never closed is text, and so is every later one of its kind
    (none of them closes either), where the pattern searched to the end of the text from each.

    >>> replace_spans("a<b>c</b> <b>d", [(re.compile("<b>"), re.compile("</b>"))], str.upper)
    'a<B>C</B> <b>d'
    """
    heads: list[re.Match[str] | None] = [opening.search(text) for opening, _ in pairs]
    out: list[str] = []
    pos = 0
    while True:
        live = [(head.start(), kind) for kind, head in enumerate(heads) if head is not None]
        if not live:
            break
        start, kind = min(live)
        head = heads[kind]
        assert head is not None
        end = pairs[kind][1].search(text, head.end())
        if end is None:
            heads[kind] = None  # open to the end: no later one of its kind closes
            continue
        out += [text[pos:start], replace(text[start:end.end()])]
        pos = end.end()
        heads = [h if h is None or h.start() >= pos else pairs[k][0].search(text, pos) for k, h in enumerate(heads)]
    return "".join(out) + text[pos:]


class _Lines:
    """Line numbers of offsets in a text, counted from ``first``."""

    def __init__(self, text: str, first: int) -> None:
        self.starts = [m.end() for m in re.finditer("\n", text)]
        self.first = first

    def __call__(self, offset: int) -> int:
        return self.first + bisect.bisect_right(self.starts, offset)


# -- extraction --------------------------------------------------------------------------

# no optional "!" in front: a pattern that starts with a literal is scanned for it first (10x faster)
_WIKI = lazy_compile(r"\[\[([^\[\]\n]+?)\]\]")
#: a link's text may go on over lines, not over a blank one (a new paragraph)
_MD_TEXT = r"\[((?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]\n]*\])*)\]"
_MD_LINK = lazy_compile(
    _MD_TEXT +
    r"\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))+)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"
)
#: ``[label]: /path "title"``, alone on its line (the url may go on the next line): a footnote's text,
#: ``[^1]: ...``, and a label followed by words are no link
_MD_DEFINITION = lazy_compile(
    r"^ {0,3}\[(?!\^)([^\[\]\n]+)\]:[ \t]*\n?[ \t]*(<[^<>\n]*>|\S+)"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$", re.M)
#: what a reference link names a definition by, ``[text][label]``, ``[label][]`` or ``[label]``: any text in brackets
_MD_BRACKETS = lazy_compile(_MD_TEXT)
#: MyST's autolink to a page of the project, ``<project:../intro.md>``, ``<project:#label>`` (its ``project:`` scheme)
_MYST_PROJECT_LINK = lazy_compile(r"<project:([^\s<>]+)>")
#: a Markdown autolink, ``<https://example.org/docs/>`` (CommonMark's: a scheme, no space nor angle bracket)
_AUTOLINK = lazy_compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}://[^\s<>]*)>")
#: (what follows the path, its other parameters, is at most 256 characters: unbounded, each of 5,000
#: ``{{< ref "`` on a line that no ``>}}`` closes was read to the line's end, 13 s)
_HUGO_REF = lazy_compile(
    r"\{\{[<%]-?\s*(?:rel)?ref\s+(?:path\s*=\s*)?(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^\s\"'<>%}]+))[^}\n]{0,256}?"
    r"-?[>%]\}\}"
)
#: the Learn and Relearn themes' ``{{% children depth="2" %}}`` (or ``{{< children >}}``), with its parameters; an
#: escaped one, ``{{%/* children */%}}``, is text (Hugo shows the call), as its ``/*`` does not match
_HUGO_CHILDREN = lazy_compile(r"\{\{[<%]-?\s*children(?=[\s>%-])([^}\n]{0,512}?)-?[>%]\}\}")
#: a shortcode's named parameter: ``depth="2"``, ``showhidden=true``
_SHORTCODE_PARAMETER = lazy_compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+))""")
#: MyST's cross-reference roles (Jupyter Book's): ``{doc}`path``` and ``{doc}`text <path>``` name a page
#: by its path without suffix (from the linking page's folder, or the book's root after a ``/``),
#: ``{ref}`label``` (and ``{numref}``) a target a page defines, ``(label)=`` before a heading
_MYST_ROLE = lazy_compile(r"\{(doc|ref|numref)\}`([^`\n]+)`")
_MYST_TARGET = lazy_compile(r"^ {0,3}\(([^\s()]+)\)=[ \t]*$", re.M)
#: a MyST link to a target, ``[text](#label)``: to the page that defines ``(label)=``, wherever it is (a
#: label may hold slashes, ``(syntax/referencing)=``, as MyST-Parser's own docs name theirs)
_MYST_LABEL = lazy_compile(r"^#[^\s#/?][^\s#?]*$")
#: the field of a page's MyST labels (:data:`qagraph.fields.MYST_LABELS`, which imports this module)
_LABELS_FIELD = "myst_labels"
#: the kinds of what Quarto numbers and cross-references (its reserved prefixes): sections, figures, tables,
#: listings, callouts, theorems and the like, equations
_QUARTO_KINDS = ("sec", "fig", "tbl", "lst", "tip", "nte", "wrn", "imp", "cau", "thm", "lem", "cor", "prp", "cnj",
                 "def", "exm", "exr", "sol", "rem", "alg", "eq")
#: a Quarto id, ``{#sec-intro}`` (``{#sec-intro .unnumbered}``, a figure's ``![x](x.png){#fig-x}``, a table's
#: ``: Caption {#tbl-x}``, a div's ``::: {#fig-grid}``), and a cross-reference to one: ``@sec-intro``,
#: ``@Sec-intro``, ``[-@fig-x]``, not an address's ``me@sec-x.org`` nor a citation's ``@smith2020``
_QUARTO_SECTION = lazy_compile(r"\{#((?:%s)-[\w:.-]*\w)" % "|".join(_QUARTO_KINDS))
_QUARTO_REF = lazy_compile(r"(?<![\w@.])-?@((?:%s)-[\w:.-]*\w)(?![\w@-])"
                         % "|".join(f"[{k[0].upper()}{k[0]}]{k[1:]}" for k in _QUARTO_KINDS))
#: a fence's line, its backticks or tildes and what follows them (a code cell's ``{r}``, ``{python}``)
_FENCE_LINE = lazy_compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
#: a code cell's option line, ``#| label: fig-scatter``: the label it gives the cell's figure or table
_CELL_OPTION = lazy_compile(r"^[ \t]*#\|[ \t]*(?:label[ \t]*:[ \t]*[\"']?([\w:.-]+)[\"']?[ \t]*$)?")
#: the vault a Dendron wiki-link names before its note (``[[dendron://private/python.asyncio]]``): notes go by
#: their names in every vault of a workspace, so the link is read as the note's name alone
_DENDRON_VAULT = lazy_compile(r"^\s*dendron://[^/|\]]*/")
#: Hexo's ``{% post_link slug [title] %}`` and ``{% post_path slug %}`` name a post by its slug (or title).
#: Jekyll's two tags take all their text as the name, spaces and all (``{% post_url 2020-01-01-Hello World %}``
#: for ``_posts/2020-01-01-Hello World.md``, a ``%`` of it too: ``Battery-at-97%``), the spaces before its
#: ``%}`` with it (stripped after: a name of spaces read two ways took a time its length squared), up to the next
#: tag's ``{%`` at most; Hexo's name is the first argument, its title follows
_JEKYLL_REF = lazy_compile(r"\{%-?\s*(post_url|link|post_link|post_path)\s+((?:[^%{\s]|%(?!\})|\{(?!%))"
                         r"(?:[^%{\n]|%(?!\})|\{(?!%))*?)-?%\}")
#: a Hexo tag's first argument, as Nunjucks reads it: a quoted string whole (``'Hello World'``), else a word
_HEXO_FIRST_ARGUMENT = lazy_compile(r"""\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
#: what starts a Pelican site's internal link: ``{filename}`` (a page's source file, from the
#: linking file's folder, or from the content folder after a ``/``), ``{static}``, ``{tag}``...
_PELICAN_LINK = lazy_compile(r"^(?:\{(\w+)\}|\|(\w+)\|)")
#: a Nikola site's internal link (its ``link://`` "magic links"): ``link://slug/name`` (the post of that slug),
#: ``link://post_path/posts/a.md`` and ``link://filename/posts/a.md`` (the post of that source file, from the
#: site's root); ``link://tag/x``, ``link://category/x``... are the site's lists, no post
_NIKOLA_LINK = lazy_compile(r"^link://([\w-]+)/")
#: Jekyll's url filters, ``{{ "/about/" | relative_url }}`` (``prepend: site.baseurl``, as older sites write
#: it): the path they are given
_LIQUID_URL = lazy_compile(r"\{\{-?[ \t]*(?:\"([^\"\n]*)\"|'([^'\n]*)')[ \t]*\|[ \t]*(?:relative_url|absolute_url"
                         r"|prepend:[ \t]*site\.(?:baseurl|url))[ \t]*-?\}\}")


def _liquid_url(match: re.Match[str]) -> str:
    """The url a Jekyll url filter (:data:`_LIQUID_URL`) renders: ``relative_url`` and ``absolute_url`` normalise
    it as Addressable does, a space written ``%20`` (``{{ "/docs/Getting Started/" | relative_url }}`` is a
    link to ``/docs/Getting%20Started/``, where ``prepend: site.baseurl`` leaves it as written).

    >>> _LIQUID_URL.sub(_liquid_url, '[a]({{ "/a b/" | relative_url }}) [c]({{ "/c d/" | prepend: site.baseurl }})')
    '[a](/a%20b/) [c](/c d/)'
    """
    url = match.group(1) or match.group(2) or ""
    return url if "prepend" in match.group(0) else url.replace(" ", "%20")


#: an HTML link in the Markdown, ``<a href="/docs/x/">text</a>``, which kramdown (Jekyll's) passes through as
#: it is: its target (quoted) and its text, when it is plain
_HTML_LINK = lazy_compile(r"""<a\s[^<>]*?\bhref\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')[^<>]*>(?:([^<]*)</a>)?""", re.I)
#: an MDX page's ``<Link to="/docs/x">text</Link>`` (``to='...'``, ``to={'...'}``, ``to={"..."}``), its text
_JSX_LINK = lazy_compile(r"""<Link\s[^<>]*?\bto\s*=\s*(?:"([^"<>{}]*)"|'([^'<>{}]*)'|\{\s*"([^"<>{}]*)"\s*\}|"""
                       r"""\{\s*'([^'<>{}]*)'\s*\})[^<>]*>(?:([^<]*)</Link>)?""")
#: an MDX component given an ``href`` (Mintlify's and Nextra's ``<Card href="/quickstart">``, Starlight's
#: ``<LinkCard href=...>``, Next.js's ``<Link href={'/x'}>``; its props over lines too): its target; a name in
#: capitals is HTML's (``<A HREF>``, ``<LINK href>``), no component
_JSX_HREF = lazy_compile(r"""<[A-Z][\w.]*[a-z][\w.]*\s[^<>]*?\bhref\s*=\s*(?:"([^"<>{}]*)"|'([^'<>{}]*)'|\{\s*"([^"<>{}]*)"\s*\}|"""
                       r"""\{\s*'([^'<>{}]*)'\s*\})""")
#: the site's own url and base path put before a path, ``{{ site.baseurl }}/docs/`` (``site.github.url``, the
#: GitHub Pages url older sites write): the path alone. The Carpentries' lesson template writes the way
#: up from the page to the site's root, ``{{ page.root }}/reference.html#term`` (``root: ..`` in an
#: episode's defaults) or ``{{ relative_root_path }}{% link setup.md %}``: the path from the root too. So is
#: the variable a theme's include assigns the site's url and base path to: Minimal Mistakes' and academicpages'
#: ``{% include base_path %}`` then ``{{ base_path }}/files/cv.pdf``, Jekyll Bootstrap's ``{% include JB/setup %}``
#: then ``{{ BASE_PATH }}/2012/08/08/post/`` (empty where the page does not include it: the path all the same)
#: a Liquid tag or output in a link's text, ``{% include icons/download.svg %}``, ``{{ site.title }}`` (not a Hugo
#: shortcode, ``{{< x >}}``): the page shows what it renders, not it
_LIQUID_MARKUP = lazy_compile(r"\{%.*?%\}|\{\{(?![<%]).*?\}\}", re.S)
_LIQUID_BASE = lazy_compile(r"\{\{-?[ \t]*(?:site\.(?:baseurl|url|github\.url)|page\.root|relative_root_path|base_path|BASE_PATH)"
                          r"[ \t]*-?\}\}")


#: a Liquid condition's tag (``if``, ``ifversion``, ``unless``, their branches and ends)
#: the other branches of a condition, from its ``{% else %}`` or ``{% elsif %}`` to its ``{% endif %}``
_OTHER_BRANCHES = lazy_compile(r"\{%-?\s*(?:else|elsif)\b[^%\n]*?-?%\}.*?(?=\{%-?\s*end(?:if|unless)\s*-?%\})")
_CONDITION_TAG = lazy_compile(r"\{%-?\s*(?:if|ifversion|elsif|else|endif|unless|endunless)\b[^%\n]*?-?%\}")


def _conditional_urls(text: str) -> str:
    """``text`` with each Markdown link's url that is written through Liquid conditions (GitHub Docs puts a
    plan's prefix in one: ``[x]({% ifversion fpt %}/enterprise-cloud@latest{% endif %}/admin/y)``) as
    :func:`conditional_url` reads it; in one pass (the tags' spaces would end the url for the link pattern).

    >>> _conditional_urls("[x]({% ifversion fpt %}/e@latest{% endif %}/a) [y](/b) [z]({% raw %}/c)")
    '[x](/e@latest/a) [y](/b) [z]({% raw %}/c)'
    """
    out: list[str] = []
    last, at = 0, text.find("](")
    while at != -1:
        end, conditioned = at + 2, False
        while end < len(text):
            if text.startswith("{%", end):  # a tag, spaces and all, on its line
                close, newline = text.find("%}", end + 2), text.find("\n", end)
                if close == -1 or newline != -1 and newline < close:
                    break
                conditioned = conditioned or _CONDITION_TAG.fullmatch(text, end, close + 2) is not None
                end = close + 2
            elif text[end].isspace() or text[end] in "()":
                break
            else:
                end += 1
        if conditioned and end < len(text) and text[end] == ")":
            out += [text[last:at + 2], conditional_url(text[at + 2:end])]
            last = end
        at = text.find("](", max(end, at + 2))
    return "".join(out) + text[last:] if out else text


def conditional_url(url: str) -> str:
    """The url a Markdown link written through Liquid conditions leads to, by its first branch: the
    conditions' tags dropped, and what their ``else`` or ``elsif`` would show instead.

    >>> conditional_url("{% ifversion fpt %}/enterprise-cloud@latest{% endif %}/admin/x")
    '/enterprise-cloud@latest/admin/x'
    >>> conditional_url("{% ifversion ghes %}/a{% else %}/b{% endif %}/c")
    '/a/c'
    """
    return _CONDITION_TAG.sub("", _OTHER_BRANCHES.sub("", url))


#: an innermost Liquid condition block, ``{% ifversion fpt %}...{% elsif ghes %}...{% else %}...{% endif %}``
#: (``if``, ``ifversion``, ``unless``): its tag, its condition and what it holds
_CONDITION_BLOCK = lazy_compile(
    r"\{%-?\s*(if|ifversion|unless)\s+([^%]*?)\s*-?%\}((?:(?!\{%-?\s*(?:if|ifversion|unless)\s).)*?)"
    r"\{%-?\s*end(?:if|ifversion|unless)\s*-?%\}", re.S)
_BRANCH = lazy_compile(r"\{%-?\s*(elsif|else)\b\s*([^%]*?)\s*-?%\}")
#: the plans of GitHub Docs other than its default one (Free, Pro & Team: ``fpt``), which its pages show
#: for the default only when a condition asks for them
_OTHER_PLANS = frozenset({"ghec", "ghes", "ghae", "github-ae", "enterprise-server", "enterprise-cloud"})
#: a GitHub Docs variable, ``{% data variables.product.prodname_actions %}``
_DATA_VARIABLE = lazy_compile(r"\{%-?\s*data\s+variables\.([\w.-]+)\s*-?%\}")
_LIQUID_TAG = lazy_compile(r"\{%.*?%\}", re.S)


def _shown_by_default(condition: str) -> bool:
    """Whether GitHub Docs shows what a Liquid ``condition`` holds on its default version (``fpt``): a plan's
    name is true for ``fpt`` alone (``ghes > 3.3`` is false), a feature's name is true (features come
    to the default plan first), ``currentVersion == "free-pro-team@latest"`` is true, ``not`` turns one over.

    >>> [_shown_by_default(c) for c in ("fpt or ghec", "ghes > 3.3", "not fpt", "ghec and fpt", "some-feature",
    ...                                  'currentVersion == "free-pro-team@latest"', 'currentVersion != "free-pro-team@latest"')]
    [True, False, False, False, True, True, False]
    """
    def atom(word: str) -> bool:
        word = word.strip().strip("()").strip()
        if word.startswith("not "):
            return not atom(word[4:])
        if "currentVersion" in word:
            return ("free-pro-team" in word) == ("==" in word)
        name = re.split(r"\s*[<>=!]", word, maxsplit=1)[0].strip()
        return name in ("fpt", "free-pro-team") or (name not in _OTHER_PLANS and not re.search(r"[<>=]", word))

    return any(all(atom(part) for part in re.split(r"\s+and\s+", alternative))
               for alternative in re.split(r"\s+or\s+", condition))


def liquid_text(text: str, variables: Mapping[str, str]) -> str:
    """``text`` (a title, a link's text) as GitHub Docs shows it on its default version: its
    ``{% data variables.x.y %}`` words written out from ``variables`` (by ``x.y``; one it does not know
    is left as it is), each condition replaced by the branch shown there, the other tags dropped.

    >>> variables = {"product.product_name": "GitHub", "product.prodname_actions": "GitHub Actions"}
    >>> liquid_text('{% data variables.product.product_name %}{% if currentVersion == "free-pro-team@latest" %}.com{% endif %} Help', variables)
    'GitHub.com Help'
    >>> liquid_text("Quickstart for {% data variables.product.prodname_actions %}{% ifversion ghes %} on a server{% endif %}", variables)
    'Quickstart for GitHub Actions'
    >>> liquid_text("{% ifversion ghes %}Server{% elsif fpt %}Dotcom{% else %}Other{% endif %} {% data variables.x.y %}", variables)
    'Dotcom {% data variables.x.y %}'
    """
    if "{%" not in text:
        return text
    text = _DATA_VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0).replace("{%", "\0")), text)

    def branch(m: re.Match[str]) -> str:
        parts = _BRANCH.split(m.group(3))  # held, (kind, condition, held)...
        conditions = [m.group(2)] + [parts[i + 1] if parts[i] == "elsif" else "" for i in range(1, len(parts), 3)]
        held = parts[0::3]
        for i, condition in enumerate(conditions):
            shown = True if i and not condition else _shown_by_default(condition)
            if i == 0 and m.group(1) == "unless":
                shown = not shown
            if shown:
                return held[i]
        return ""

    for _ in range(10):  # nested blocks, innermost first
        text, n = _CONDITION_BLOCK.subn(branch, text)
        if not n:
            break
    return " ".join(_LIQUID_TAG.sub("", text).replace("\0", "{%").split())


#: the text of a GitHub Docs link that its site replaces with the title of the page linked to,
#: ``[AUTOTITLE](/actions/quickstart)``: the link has no text of its own
AUTOTITLE = "AUTOTITLE"


def text_links(body: str, syntaxes: Iterable[str], first_line: int = 1, site_url: str | None = None,
               masked: str | None = None, site_hosts: Iterable[str] = (),
               note_suffixes: Iterable[str] = ()) -> list[TextLink]:
    """The links ``body`` makes in the given ``syntaxes`` (see :data:`LINK_SYNTAXES`), in text order.

    Code and comments are left out. Targets are as written (anchors kept; resolution
    strips them); links that cannot name an article (other sites, attachments, bare
    anchors, ``mailto:``) are left out too; an absolute link into ``site_url`` (the
    corpus's own site) or to one of the ``site_hosts`` that also serve it is kept as its
    site path. ``first_line`` is the file line of the
    body's first line; ``masked`` is ``mask_code(body)`` when the caller has it already.
    ``note_suffixes`` are attachment suffixes the corpus's notes are named with too (:func:`note_suffixes`):
    a wiki-link or embed so named may reach a note (``[[site.tar.gz]]``), as one named like code does.

    >>> [l.target for l in text_links('{{< ref "functions/where" >}} ![[pic.png]] [a](https://x.org)', ("hugo-ref", "wiki", "markdown"))]
    ['functions/where']
    >>> [l.target for l in text_links('[a]({{ "/about/" | relative_url }}) [d]({{ site.baseurl }}/docs/x/)', ("markdown", "jekyll-ref"))]
    ['/about/', '/docs/x/']
    >>> [l.target for l in text_links("[next](@/blog/post-2.md#top)", ("markdown",))]
    ['/blog/post-2.md#top']
    >>> [(l.target, l.text) for l in text_links('<a href="../plugins/">plugins</a> <a\\n class="x" href="/y/">', ("html",))]
    [('../plugins/', 'plugins'), ('/y/', None)]
    >>> [(l.target, l.text) for l in text_links('[{% include icon.svg %} Deutsch]({{ site.baseurl }}/de/)', ("markdown", "jekyll-ref"))]
    [('/de/', 'Deutsch')]
    >>> [l.target for l in text_links('[cv]({{ base_path }}/cv/) [post]({{ BASE_PATH }}/2012/08/08/x/)', ("markdown", "jekyll-ref"))]
    ['/cv/', '/2012/08/08/x/']
    >>> [l.target for l in text_links('[x]({% ifversion fpt %}/enterprise-cloud@latest{% endif %}/admin/y)', ("markdown",))]
    ['/enterprise-cloud@latest/admin/y']
    """
    wanted = set(syntaxes)
    if not wanted or not body:
        return []
    text = masked if masked is not None else mask_code(body)
    roles = _myst_roles(body, text) if "myst" in wanted and "}`" in body else []
    masked_text = text  # the body, masked: each offset of it is the body's
    if "jekyll-ref" in wanted and "{{" in text:  # a link written through Liquid is the link it renders to
        text = _LIQUID_BASE.sub("", _LIQUID_URL.sub(_liquid_url, text))
    if "markdown" in wanted and "{%" in text and "](" in text:  # a url written through Liquid conditions
        text = _conditional_urls(text)
    shown = body if text == masked_text else None  # the text a link's offsets in ``text`` still point into
    line_of = _Lines(text, first_line)
    found: list[tuple[int, TextLink]] = []
    site = _site(site_url, site_hosts)
    # its hash router's routes (not history mode's), which only an HTML link names: its Markdown compiler makes the
    # first # of a link an anchor (replaceSlug: [x](#/guide) is #/page?id=%2fguide, [x](/#/guide) the home page's)
    docsify = "docsify" in wanted or "docsify-relative" in wanted
    from_root = "docsify" in wanted or "docsify-history" in wanted  # its router's relative links (not relativePath's)

    def add(offset: int, origin: str, target: str, label: str | None, html: bool = False) -> None:
        target = target.strip()
        if "myst" in wanted and target.startswith("project:"):  # MyST's scheme of its own pages and targets
            target = target[len("project:"):]
        if target.startswith("{") or target.startswith("|"):  # Pelican's {filename}path (|filename| before 3.4)
            pelican = _PELICAN_LINK.match(target)
            if pelican is None or (pelican.group(1) or pelican.group(2)) not in ("filename", "static", "attach"):
                return  # {tag}python, {category}news, {index}: lists the site makes, no article
            target = target[pelican.end():]
        if nikola and target.startswith("link://"):  # Nikola's magic link: its kind, then the name or path
            magic = _NIKOLA_LINK.match(target)
            if magic is None or magic.group(1) not in ("slug", "post_path", "filename"):
                return  # link://tag/python, link://category/news, link://archive: lists the site makes, no post
            if magic.group(1) == "slug":  # the post whose slug it is, by its slug (alias_fields)
                origin, target = REF, target[magic.end():]
            else:
                target = "/" + target[magic.end():].lstrip("/")
        if target.startswith("@/"):  # Zola's internal link: a file path from the content folder
            target = target[1:]
        elif docsify and html and target.startswith(("#/", "/#/")):  # a Docsify route, as its hash router writes it
            target = "/" + target.partition("#/")[2]
        elif from_root and origin == MARKDOWN_LINK and target and not target.startswith(("/", "#")) and \
                ":" not in target:  # Docsify's router reads a relative link from the site's root (without relativePath)
            target = docsify_route(target)
        elif target.startswith("//"):  # a url without its scheme: another host (or the site's, said in full)
            target = "https:" + target
        if "://" in target:
            target = _site_path(target, site) or ""
        if label and liquid and "{" in label:  # an icon's {% include %}, a {{ name }}: shown otherwise
            label = " ".join(_LIQUID_MARKUP.sub(" ", label).split())
        if label is not None and label.strip() == AUTOTITLE:  # GitHub Docs writes the page's title there: no text
            label = None
        if target and (_may_name_article(target, origin in (WIKI_LINK, EMBED, MARKDOWN_LINK),
                                         named if origin in (WIKI_LINK, EMBED) else ())
                       or notebooks and _is_notebook(target) or "myst" in wanted and _MYST_LABEL.match(target)):
            found.append((offset, TextLink(origin, target, (label or "").strip() or None, line_of(offset))))

    liquid = "jekyll-ref" in wanted
    named = frozenset(note_suffixes)
    nikola = "nikola" in wanted

    notebooks = "myst" in wanted or "notebook" in wanted  # a book's notebooks are its pages, not attachments
    for offset, origin, target, label in roles:
        add(offset, origin, target, label)
    if "quarto" in wanted and "@" in text:  # a cross-reference to a section, figure, table..., by its id (quarto_labels)
        own = set(quarto_labels(text, body))
        for m in _QUARTO_REF.finditer(text):
            target = m.group(1)[0].lower() + m.group(1)[1:]
            if target not in own:  # a reference to the page's own section or figure is no link
                add(m.start(), REF, target, None)

    if "bookdown" in wanted and "@ref(" in text:  # a cross-reference to a chapter or section, by its id
        own = {i for _, _, i in bookdown_headings(text) if i}
        for m in _BOOKDOWN_REF.finditer(text):
            if m.group(1) not in own:  # a reference to the page's own section is no link
                add(m.start(), REF, m.group(1), None)
    if "hugo-ref" in wanted and "ref" in text:
        for m in _HUGO_REF.finditer(text):
            add(m.start(), REF, m.group(1) or m.group(2) or m.group(3) or "", None)
    if "hugo-children" in wanted and "children" in text:  # one link for every page the list shows
        for m in _HUGO_CHILDREN.finditer(text):
            found.append((m.start(), TextLink(CHILDREN, children_target(m.group(1)), None, line_of(m.start()))))
    if "jekyll-ref" in wanted and "{%" in text:
        for m in _JEKYLL_REF.finditer(text):
            hexo = _HEXO_FIRST_ARGUMENT.match(m.group(2)) if m.group(1) in ("post_link", "post_path") else None
            target = (m.group(2).strip() if hexo is None else next(g for g in hexo.groups() if g is not None)).strip("\"'")
            if hexo is None and ("?" in target or "#" in target or "%" in target):
                # Jekyll's tag names a file by all its text: a ?, # or % is a character of the name (a blog of
                # questions, 2018-01-03-How-to-run-scripts?.md, Battery-at-97%.md), not a query, an anchor or an
                # escape, so it is kept escaped
                target = target.replace("%", "%25").replace("?", "%3F").replace("#", "%23")
            if target:
                add(m.start(), REF, target, None)
    if "wiki" in wanted and "[[" in text:
        for m in _WIKI.finditer(text):
            inner = m.group(1).replace("\\|", "|")
            target, _, alias = inner.partition("|")
            if "dendron:" in inner:
                target, alias = _DENDRON_VAULT.sub("", target), _DENDRON_VAULT.sub("", alias)
            name = target.partition("#")[0].strip()
            if name:  # [[#Heading]] points into the note itself
                embed = m.start() > 0 and text[m.start() - 1] == "!"
                add(m.start(), EMBED if embed else WIKI_LINK, target, alias or None)
    taken: list[tuple[int, int]] = []  # the spans of Markdown links, whose <url> targets are no autolinks
    if "markdown" in wanted and ("](" in text or "]:" in text):
        for m in _MD_LINK.finditer(text):
            target = m.group(2)
            taken.append(m.span())
            if shown is not None and "`" in shown[m.start(1):m.end(1)]:  # its code is text the link shows
                label = " ".join(_code_shown(shown[m.start(1):m.end(1)]).split())
            else:
                label = shown_text(m.group(1))
            add(m.start(), MARKDOWN_LINK, target[1:-1] if target.startswith("<") else target, label)
        definitions = list(_MD_DEFINITION.finditer(text)) if "]:" in text else []
        used = _labels_used(text, {m.start(1) - 1 for m in definitions}) if definitions else set()
        shown_as = _reference_texts(text, {m.start(1) - 1 for m in definitions}) if definitions else {}
        for m in definitions:
            taken.append(m.span())
            if _label(m.group(1)) in used:  # a definition no link uses makes no link on the page
                target = m.group(2)
                add(m.start(), MARKDOWN_LINK, target[1:-1] if target.startswith("<") else target,
                    shown_as.get(_label(m.group(1)), m.group(1)))
    if "myst" in wanted and "<project:" in text:  # <project:../intro.md>, <project:#label>
        for m in _MYST_PROJECT_LINK.finditer(text):
            if not any(start <= m.start() < end for start, end in taken):
                add(m.start(), MARKDOWN_LINK, m.group(0)[1:-1], None)
    if "markdown" in wanted and "<" in text and site is not None:  # an autolink can only reach a page by its url
        for m in _AUTOLINK.finditer(text):
            if not any(start <= m.start() < end for start, end in taken):
                add(m.start(), MARKDOWN_LINK, m.group(1), None)
    if "html" in wanted and "<a" in text:
        for m in _HTML_LINK.finditer(text):
            target = m.group(1) if m.group(1) is not None else m.group(2)
            add(m.start(), MARKDOWN_LINK, target.replace("&amp;", "&"), m.group(3), html=True)
    if "html" in wanted and "<Link" in text:  # MDX's link component (Docusaurus's @docusaurus/Link): to="/docs/x"
        for m in _JSX_LINK.finditer(text):
            add(m.start(), MARKDOWN_LINK, next(g for g in m.groups()[:4] if g is not None), m.group(5))
    if "html" in wanted and "href" in text:  # an MDX component's href: <Card href="/quickstart">
        for m in _JSX_HREF.finditer(text):
            add(m.start(), MARKDOWN_LINK, next(g for g in m.groups() if g is not None), None)
    found.sort(key=lambda item: item[0])
    return [link for _, link in found]


def _code_shown(label: str) -> str:
    """A link's text ``label`` as the page shows it: its inline code as text (``[the `base` option](...)``: "the
    base option"), its comments left out.

    Emphasis around the code is shown as its words too (:func:`shown_text`); the code's own
    ``*`` and ``_`` are its text.

    >>> _code_shown("VT002 - `hotUpdate` hook"), _code_shown("``a`b`` <!-- x -->").strip()
    ('VT002 - hotUpdate hook', 'a`b')
    >>> _code_shown("**the** `__init__` _method_")
    'the __init__ method'
    """
    out, last = [], 0
    for m in _INLINE_CODE.finditer(label):
        out += [_unemphasised(label[last:m.start()]), m.group(2).strip()]
        last = m.end()
    out.append(_unemphasised(label[last:]))
    return mask_code("".join(out))


#: a reference-link definition as an included file writes it, its url alone on the line and Liquid in it
#: (``[lesson-setup]: {{ relative_root_path }}{% link setup.md %}``): the label and all that follows it
_DEFINITION_LINE = lazy_compile(r"^ {0,3}\[(?!\^)([^\[\]\n]+)\]:[ \t]*(\S[^\n]*?)[ \t]*$", re.M)
#: Jekyll's include tag, ``{% include links.md %}``: the file of _includes/ it names (a variable names none)
_JEKYLL_INCLUDE = lazy_compile(r"\{%-?[ \t]*include[ \t]+([\w./-]+)[^%\n]*?-?%\}")


def reference_definitions(text: str) -> tuple[tuple[str, str], ...]:
    """The reference-link definitions of ``text``, a Markdown file that pages include (the Carpentries'
    ``_includes/links.md``): each one's label and url as written, outside code.

    >>> reference_definitions("[setup]: {{ relative_root_path }}{% link setup.md %}\\n[^1]: a note\\n    [x]: /code/\\n")
    (('setup', '{{ relative_root_path }}{% link setup.md %}'),)
    """
    return tuple((m.group(1), m.group(2)) for m in _DEFINITION_LINE.finditer(mask_code(text)))


#: GitHub Docs' ``{% data reusables.repositories.create_new %}``: the Markdown file ``data/reusables/repositories/create_new.md``
#: shown there (a ``{% data variables.x.y %}`` is a word, no file)
_DATA_REUSABLE = lazy_compile(r"\{%-?[ \t]*data[ \t]+(reusables(?:\.[\w-]+)+)[ \t]*-?%\}")


def data_reusables(masked: str, first_line: int = 1) -> list[tuple[int, str]]:
    """The reusable texts of GitHub Docs that the tags ``{% data reusables.name %}`` of ``masked`` (a text with
    its code blanked) show in it, by their dotted names, each with the line of its tag, in text order.

    >>> data_reusables("# A\\n{% data reusables.cli.learn-more %}\\n{% data variables.product.name %} {%- data reusables.x.y -%}", 3)
    [(4, 'reusables.cli.learn-more'), (5, 'reusables.x.y')]
    """
    return [(first_line + masked.count("\n", 0, m.start()), m.group(1)) for m in _DATA_REUSABLE.finditer(masked)]


#: an older GitHub Docs index page's list of its articles, ``{% link_with_intro /quickstart %}``, ``{% link_in_list
#: /about-x %}``, ``{% link_as_article_card /x %}``: a path from the page's folder; the home page's
#: ``{% homepage_link_with_intro /github/x %}`` names a path from the site's root
_DOCS_LINK_TAG = lazy_compile(r"\{%-?[ \t]*(homepage_link_with_intro|link_with_intro|link_in_list|link_as_article_card|"
                            r"topic_link_in_list)[ \t]+([^\s%]+)[^%\n]*?-?%\}")


def docs_link_tags(masked: str, folder: str, first_line: int = 1) -> list[TextLink]:
    """The links the GitHub Docs link tags of ``masked`` (a text with its code and comments blanked) make
    on a page of ``folder`` (its site path, ``actions/learn``): each one's site path, at its tag's line.

    >>> [(l.target, l.line) for l in docs_link_tags("{% link_with_intro /quickstart %}\\n{% homepage_link_with_intro /a/b %}", "actions", 2)]
    [('/actions/quickstart', 2), ('/a/b', 3)]
    """
    links = []
    for m in _DOCS_LINK_TAG.finditer(masked):
        path = m.group(2).strip("/")
        if not path or "{" in path:
            continue
        target = f"/{folder.strip('/')}/{path}" if folder.strip("/") and m.group(1) != "homepage_link_with_intro" else f"/{path}"
        links.append(TextLink(REF, target, None, first_line + masked.count("\n", 0, m.start())))
    return links


def included_files(masked: str, first_line: int = 1) -> list[tuple[int, str]]:
    """The files of _includes/ that the Jekyll tags ``{% include name %}`` of ``masked`` (a text with
    its code blanked: :func:`mask_code`) put in it, each with the line of its tag, in text order; a tag
    whose name is a variable (``{% include {{ page.box }} %}``) names none.

    >>> included_files("# A\\n{% include steps/merge.md step=2 %}\\n{%- include {{ x }} -%} {% include_relative b.md %}", 3)
    [(4, 'steps/merge.md')]
    """
    return [(first_line + masked.count("\n", 0, m.start()), m.group(1)) for m in _JEKYLL_INCLUDE.finditer(masked)]


#: an MDN Web Docs page's KumaScript link macro: ``{{domxref("Element.after()")}}``, ``{{Glossary("SPA", "apps")}}``
_MACRO = lazy_compile(r"""\{\{\s*(domxref|jsxref|cssxref|htmlelement|httpheader|httpmethod|httpstatus|glossary|svgelement|svgattr)"""
                    r"""\s*\(\s*(["'])((?:(?!\2)[^\n])+)\2(?:\s*,\s*(["'])((?:(?!\4)[^\n])*)\4)?""", re.I)
#: the folders of MDN's JavaScript reference that a ``jsxref`` names with a ``/`` (``Statements/for...of``);
#: any other name is of a global object's page (``Array/forEach``, ``parseInt``)
_JS_REFERENCE = frozenset("statements operators functions global_objects classes errors lexical_grammar strict_mode "
                          "iteration_protocols template_literals regular_expressions trailing_commas "
                          "deprecated_and_obsolete_features".split())
#: where each macro's pages are, below the docs folder
_MACRO_FOLDERS = {"domxref": "Web/API/", "cssxref": "Web/CSS/", "htmlelement": "Web/HTML/Element/",
                  "httpheader": "Web/HTTP/Headers/", "httpmethod": "Web/HTTP/Methods/", "httpstatus": "Web/HTTP/Status/",
                  "glossary": "Glossary/", "svgelement": "Web/SVG/Element/", "svgattr": "Web/SVG/Attribute/"}


def macro_slug(macro: str, name: str) -> str:
    """The slug of the page an MDN KumaScript link macro names, as its macro makes it.

    >>> macro_slug("domxref", "Element.after()"), macro_slug("DOMxRef", "Fetch API")
    ('Web/API/Element/after', 'Web/API/Fetch_API')
    >>> macro_slug("jsxref", "Array.prototype.map()"), macro_slug("jsxref", "Statements/for...of")
    ('Web/JavaScript/Reference/Global_Objects/Array/map', 'Web/JavaScript/Reference/Statements/for...of')
    >>> macro_slug("jsxref", "Array/forEach"), macro_slug("cssxref", "&lt;display-outside&gt;")
    ('Web/JavaScript/Reference/Global_Objects/Array/forEach', 'Web/CSS/display-outside')
    >>> macro_slug("Glossary", "World Wide Web"), macro_slug("HTMLElement", "table")
    ('Glossary/World_Wide_Web', 'Web/HTML/Element/table')
    """
    macro = macro.lower()
    name = name.strip().split("#", 1)[0]
    if macro == "jsxref":  # jsxref.ejs: Array.prototype.map() is Global_Objects/Array/map, try...catch its own
        api = name.replace("()", "", 1).replace(".prototype.", ".", 1)
        if ".." not in api and "." in api:
            return "Web/JavaScript/Reference/Global_Objects/" + api.replace(".", "/", 1)
        if name.split("/", 1)[0].lower() in _JS_REFERENCE:
            return "Web/JavaScript/Reference/" + name
        return "Web/JavaScript/Reference/Global_Objects/" + name
    if macro == "domxref":  # domxref.ejs: spaces as _, no (), Node.prototype.x as Node/x
        name = name.replace(" ", "_").replace("()", "").replace(".prototype.", ".").replace(".", "/")
    elif macro == "cssxref":  # cssxref.ejs: &lt;color&gt; names the type's page, calc() the function's
        name = name.replace("&lt;", "").replace("&gt;", "").strip("<>").replace("()", "")
    elif macro == "glossary":
        name = name.replace(" ", "_")
    return _MACRO_FOLDERS[macro] + name


def macro_links(body: str, first_line: int, docs: str, masked: str | None = None) -> list[TextLink]:
    """The links an MDN Web Docs page makes by KumaScript macros (``{{domxref("Node")}}``,
    ``{{jsxref("Array.from()")}}``, ``{{cssxref("display")}}``, ``{{HTMLElement("div")}}``,
    ``{{HTTPHeader("Accept")}}``, ``{{Glossary("HTTP", "label")}}``...), as site paths below ``docs``
    (``/en-US/docs/``), outside code; macros that make no link (``{{SeeCompatTable}}``) are none.

    >>> [(l.target, l.text) for l in macro_links('{{Glossary("SPA", "apps")}} `{{domxref("Node")}}` {{Compat}}', 1, "/en-US/docs/")]
    [('/en-US/docs/Glossary/SPA', 'apps')]
    """
    text = masked if masked is not None else mask_code(body)
    if "{{" not in text:
        return []
    line_of = _Lines(text, first_line)
    return [TextLink(REF, docs + macro_slug(m.group(1), m.group(3)), (m.group(5) or m.group(3)).strip() or None,
                     line_of(m.start())) for m in _MACRO.finditer(text)]


def snippet_links(text: str, syntaxes: Iterable[str], site_url: str | None = None,
                  site_hosts: Iterable[str] = ()) -> tuple[list[TextLink], list[str]]:
    """The links ``text``, a Markdown file of a Jekyll site's _includes/, shows on a page that includes it,
    and the files it includes in turn (:func:`included_files`). Its reference-link definitions are left
    out: they link only where a page uses them (:func:`included_definition_links`).

    >>> found, inner = snippet_links("See [undo](/undo/).\\n\\n[setup]: /setup/\\n{% include more.md %}\\n", ("markdown",))
    >>> [link.target for link in found], inner
    (['/undo/'], ['more.md'])
    """
    masked = mask_code(text)
    if "]:" in masked:  # blank each definition, its line kept
        masked = _DEFINITION_LINE.sub(lambda m: " " * len(m.group(0)), masked)
    return text_links(text, syntaxes, 1, site_url, masked, site_hosts), [name for _, name in included_files(masked)]


def included_definition_links(masked: str, includes: Sequence[tuple[str, Sequence[tuple[str, str]]]],
                              syntaxes: Iterable[str], first_line: int = 1, site_url: str | None = None,
                              site_hosts: Iterable[str] = ()) -> list[TextLink]:
    """The links a page's reference links make through the definitions of the files it includes,
    ``{% include links.md %}`` (``includes``: each file's name below _includes/ and its
    :func:`reference_definitions`). Jekyll puts the file's text in the page before Markdown reads it, so
    ``[Setup][lesson-setup]`` on the page links where the included ``[lesson-setup]: ...`` says. A
    definition the page does not use, or makes itself, adds none; a link is on the include tag's line.
    A file named ``""`` is put at the end of every page (a Carpentries Workbench lesson's ``links.md``), its
    links on the page's last line. ``masked`` is the page's body with its code blanked (:func:`mask_code`).

    >>> links = (("links.md", (("lesson-setup", "{{ relative_root_path }}{% link setup.md %}"),
    ...                        ("home", "/"), ("faq", "/faq/"))),)
    >>> body = "See the [Setup][lesson-setup] and [home].\\n\\n[faq]: /other/\\n{% include links.md %}\\n"
    >>> [(l.origin, l.target, l.line) for l in included_definition_links(body, links, ("markdown", "jekyll-ref"), 3)]
    [('ref', 'setup.md', 6), ('markdown-link', '/', 6)]
    """
    files = dict(includes)
    own = list(_MD_DEFINITION.finditer(masked)) if "]:" in masked else []
    used = _labels_used(masked, {m.start(1) - 1 for m in own}) - {_label(m.group(1)) for m in own}
    found: list[TextLink] = []
    tags = included_files(masked, first_line)
    if "" in files:
        tags.append((first_line + masked.rstrip().count("\n"), ""))
    for line, name in tags:
        for label, url in files.get(name, ()):
            if _label(label) in used:
                found += [TextLink(link.origin, link.target, link.text, line)
                          for link in text_links(f"[{label}][]\n\n[{label}]: {url}\n", syntaxes, 1, site_url,
                                                 site_hosts=site_hosts)]
    return found


#: emphasis as Python-Markdown reads it: ``*em*``, ``**strong**``, ``***both***`` (inside words too), and
#: ``_em_``, ``__strong__`` at words' edges only (its smart underscores: ``snake_case_name`` is no emphasis)
_STAR_EMPHASIS = lazy_compile(r"(\*{1,3})(?=[^\s*])(.+?)(?<=[^\s*])\1")
_UNDERSCORE_EMPHASIS = lazy_compile(r"(?<!\w)(_{1,3})(?=[^\s_])(.+?)(?<=[^\s_])\1(?!\w)")


def shown_text(text: str) -> str:
    """A Markdown link's text as its page shows it: runs of spaces as one, emphasis as its words.

    >>> shown_text("**Binary  Search Tree**"), shown_text("_see_ *the* __list__"), shown_text("my_snake_case name")
    ('Binary Search Tree', 'see the list', 'my_snake_case name')
    """
    return _unemphasised(" ".join(text.split()))


def _unemphasised(text: str) -> str:
    """``text`` with its emphasis markers dropped, a link's text's and a heading's alike."""
    if "*" in text or "_" in text:
        for _ in range(3):  # nested emphasis (**a _b_**), from the outside in
            text = _UNDERSCORE_EMPHASIS.sub(r"\2", _STAR_EMPHASIS.sub(r"\2", text))
    return text


def _label(text: str) -> str:
    """A reference link's label as Markdown matches it to a definition's: case and runs of spaces aside."""
    return " ".join(text.split()).casefold()


def _labels_used(masked: str, definitions: set[int]) -> set[str]:
    """The labels (:func:`_label`) the reference links of ``masked`` may use: every text in brackets but
    the definitions' own, at the offsets ``definitions``. ``[text][label]`` names ``label``, ``[label][]``
    and ``[label]`` their text; an inline link's text is taken too, naming at worst a definition of the
    same text, which leads where the link does.

    >>> sorted(_labels_used("See [the\\nDocs][d] and [Intro][] or [faq].\\n\\n[d]: /d/\\n", {43}))
    ['', 'd', 'faq', 'intro', 'the docs']
    """
    return {_label(m.group(1)) for m in _MD_BRACKETS.finditer(masked) if m.start() not in definitions}


def _reference_texts(masked: str, definitions: set[int]) -> dict[str, str]:
    """The text the page shows for each label (:func:`_label`) its reference links use, that of the first
    using it: ``[the FF.CFG file][ffcfg]`` shows "the FF.CFG file" for ``ffcfg``, ``[Intro][]`` and ``[Intro]``
    "Intro", as written; the definitions' own brackets, at the offsets ``definitions``, are none.

    >>> _reference_texts("Via the [FF.CFG\\nfile][ffcfg], [Intro][] and [FAQ].\\n\\n[ffcfg]: x\\n", {49})
    {'ffcfg': 'FF.CFG file', 'intro': 'Intro', 'faq': 'FAQ'}
    """
    texts: dict[str, str] = {}
    after = -1  # the end of a link's text whose label follows it: that label's brackets are no text
    for m in _MD_BRACKETS.finditer(masked):
        if m.start() in definitions or m.start() == after:
            continue
        label = _MD_BRACKETS.match(masked, m.end()) if masked.startswith("[", m.end()) else None
        shown = " ".join(shown_text(m.group(1)).split())
        if label is not None:
            after = m.end()
            texts.setdefault(_label(label.group(1) or m.group(1)), shown)
        else:
            texts.setdefault(_label(m.group(1)), shown)
    return texts


def _myst_roles(body: str, masked: str) -> list[tuple[int, str, str, str | None]]:
    """The MyST roles of ``body`` that link (:data:`_MYST_ROLE`), outside code (``masked`` is the body
    with its code blanked, which blanks a role's backticks too: a role is read from the body where its
    name is left in ``masked``): offset, origin (a ``{doc}`` a markdown link, which names a path; a
    ``{ref}`` a ref, which names a label), target and text.

    >>> body = "See {doc}`setup`, {doc}`the numbers </ch/numbers>` and {ref}`floats`. `{doc}`x``"
    >>> [r[1:] for r in _myst_roles(body, mask_code(body))]
    [('markdown-link', 'setup', None), ('markdown-link', '/ch/numbers', 'the numbers'), ('ref', 'floats', None)]
    """
    found = []
    for m in _MYST_ROLE.finditer(body):
        if masked[m.start()] != "{":
            continue
        content = m.group(2).strip()
        label = None
        if content.endswith(">") and "<" in content:  # text <target>
            label, _, content = content[:-1].rpartition("<")
            label = label.strip() or None
        target = content.strip()
        if target:
            found.append((m.start(), MARKDOWN_LINK if m.group(1) == "doc" else REF, target, label))
    return found


def docsify_route(target: str) -> str:
    """The link ``target`` (relative: no ``/`` first, no scheme) as Docsify's router reads it without
    ``relativePath``: from the site's root, as a browser clamps ``..`` there (its ``?`` and ``#`` kept).

    >>> docsify_route("quickstart.md"), docsify_route("guide/"), docsify_route("../deploy.md?id=x"), docsify_route("./a#b")
    ('/quickstart.md', '/guide/', '/deploy.md?id=x', '/a#b')
    """
    cut = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=len(target))
    path, rest = target[:cut], target[cut:]
    routed = posixpath.normpath("/" + path) if path.strip() else "/"
    return routed.replace("//", "/") + ("/" if path.endswith("/") and routed != "/" else "") + rest


def quarto_labels(masked: str, body: str = "") -> list[str]:
    """The ids a Quarto page defines, which its book's cross-references (``@sec-intro``, ``@fig-x``) lead to:
    its sections', figures', tables'... (``# Intro {#sec-intro}``, ``![x](x.png){#fig-x}``, outside code:
    ``masked`` is the body with its code blanked), and the labels its code cells' options give (``#| label:
    fig-x``, in the raw ``body``: at the top of a cell of ``{r}``, ``{python}``..., not in a block shown as code).

    >>> quarto_labels("# Data {#sec-data .unnumbered}\\n\\n## A {#sec-a}\\n![x](x.png){#fig-x}\\n{#note}\\n")
    ['sec-data', 'sec-a', 'fig-x']
    >>> quarto_labels("", "```{r}\\n#| echo: false\\n#| label: 'tbl-cars'\\nx\\n#| label: fig-late\\n```\\n"
    ...                   "````md\\n```{r}\\n#| label: fig-shown\\n```\\n````\\n")
    ['tbl-cars']
    """
    found = _QUARTO_SECTION.findall(masked) if "{#" in masked else []
    if "#|" in body:
        fence: list[Any] | None = None  # the open fence: its character, its length, a cell's options still read
        for line in body.splitlines():
            m = _FENCE_LINE.match(line)
            if fence is None:
                if m:
                    fence = [m.group(1)[0], len(m.group(1)), m.group(2).strip().startswith("{")]
            elif m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
                fence = None
            elif fence[2]:
                option = _CELL_OPTION.match(line)
                fence[2] = option is not None  # a cell's options are its first lines
                if option is not None and option.group(1) and option.group(1).startswith(
                        tuple(f"{k}-" for k in _QUARTO_KINDS)):
                    found.append(option.group(1))
    return list(dict.fromkeys(found))


def myst_labels(masked: str) -> list[str]:
    """The targets a MyST page defines, ``(label)=`` alone on a line (outside code: ``masked`` is the
    body with its code blanked), which ``{ref}`label``` and ``[text](label)`` lead to.

    >>> myst_labels("(intro)=\\n# Intro\\n\\n(sec-a)=\\n## A\\n(not one)=\\n")
    ['intro', 'sec-a']
    """
    return list(dict.fromkeys(_MYST_TARGET.findall(masked))) if ")=" in masked else []


def _is_notebook(target: str) -> bool:
    """Whether a link names a Jupyter notebook (a page of a book that publishes notebooks)."""
    path = urlsplit(target).path if "://" in target else target.split("#", 1)[0].split("?", 1)[0]
    return path.lower().endswith(".ipynb")


def wiki_targets(text: str, note_suffixes: Iterable[str] = ()) -> list[tuple[str, str | None]]:
    """The ``[[wiki-links]]`` in a short text (a front-matter value): ``(target, alias)`` pairs;
    ``note_suffixes`` as :func:`text_links` takes them.

    >>> wiki_targets("[[Alpha|the alpha]] and [[Beta#Goals]]")
    [('Alpha', 'the alpha'), ('Beta#Goals', None)]
    """
    found = []
    for m in _WIKI.finditer(text):
        target, _, alias = m.group(1).replace("\\|", "|").partition("|")
        if "dendron:" in m.group(1):
            target, alias = _DENDRON_VAULT.sub("", target), _DENDRON_VAULT.sub("", alias)
        if target.partition("#")[0].strip() and _may_name_article(target.strip(), True, note_suffixes):
            found.append((target.strip(), alias.strip() or None))
    return found


_SCHEME = lazy_compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _may_name_article(target: str, wiki: bool = False, note_suffixes: Iterable[str] = ()) -> bool:
    """False for what can never be an article of the corpus: shortcode leftovers, bare anchors,
    attachments, a template's placeholders (``[[<% tp.date.now() %>]]``, ``[[Log/{{date}}]]``: the
    note a template will make, in a template kept as a note). Absolute ``http(s)`` links are kept here
    and judged against the site url later. A ``wiki`` link's name may end like a file of code or data
    and be a note's (``[[Node.js]]``: see :data:`NOTE_NAME_SUFFIXES`), and so may a Markdown link's path
    be a page's (``[analytics.js](./analytics.js)``, the page ``analytics.js.md`` a Jekyll site serves
    there); it leads nowhere when no page has it. So may a ``wiki`` link's name end with one of
    ``note_suffixes``, which notes of the corpus end with (:func:`note_suffixes`).

    >>> _may_name_article("Vue.js"), _may_name_article("Vue.js", wiki=True), _may_name_article("map.png", wiki=True)
    (False, True, False)
    >>> _may_name_article("site.tar.gz", True), _may_name_article("site.tar.gz", True, {"gz"})
    (False, True)
    """
    if target.startswith(("{{", "{%", "#", "?")) or "<%" in target or "{{" in target:
        return False
    scheme = _SCHEME.match(target)
    if scheme and not target.lower().startswith(("http://", "https://")) and not (
            wiki and target[scheme.end():scheme.end() + 1].isspace()):  # [[Book: Dune]] names a note
        return False  # mailto:, tel:, obsidian://, data:, javascript:
    path = urlsplit(target).path if "://" in target else target.split("#", 1)[0].split("?", 1)[0]
    if wiki and (_named_like_code(path) or note_suffixes and path.rpartition(".")[2].lower() in note_suffixes):
        return True
    return not _is_attachment(path)


def _named_like_code(path: str) -> bool:
    """Whether ``path`` ends like a file of code or data that notes are named like too (``Node.js``)."""
    return path.rpartition(".")[2].lower() in NOTE_NAME_SUFFIXES


def note_suffixes(names: Iterable[str]) -> tuple[str, ...]:
    """The attachment suffixes (:data:`ATTACHMENTS`, but for those of code: :data:`NOTE_NAME_SUFFIXES`) that
    the names of the notes among the files ``names`` end with: Obsidian reaches the note
    ``Backups/site.tar.gz.md`` from ``[[site.tar.gz]]``, as it looks a link up as a note's name first.

    >>> note_suffixes(["Backups/site.tar.gz.md", "Home.md", "Node.js.md", "map.png"])
    ('gz',)
    """
    found = set()
    for name in names:
        stem = _strip_suffix(name.rpartition("/")[2])
        if stem != name.rpartition("/")[2] and _is_attachment(stem):
            found.add(stem.rpartition(".")[2].lower())
    return tuple(sorted(found - NOTE_NAME_SUFFIXES))


def _is_attachment(path: str) -> bool:
    name = path.rstrip("/").rpartition("/")[2]
    stem, dot, suffix = name.rpartition(".")
    return bool(dot and stem and suffix.lower() in ATTACHMENTS)


def is_article_like(target: str) -> bool:
    """Whether an unresolved link names something that would be an article (a stub), not a file.

    >>> is_article_like("/functions/nothere/"), is_article_like("Future note"), is_article_like("/img/a.png")
    (True, True, False)
    """
    path = target.split("#", 1)[0].split("?", 1)[0]
    return bool(path.strip()) and not _is_attachment(path)


#: an inline tag: ``#`` and what Obsidian's tags hold, all but white space and punctuation, ASCII's and the
#: general and supplemental punctuation blocks (``—``, ``…``, ``”``), where its tags end too (but ``-``, ``_``, ``/``)
_TAG = lazy_compile(r"#(?:\[\[([^\[\]\n]+)\]\]|([^\s!-,.:-@\[-^`{-~\u2000-\u206f\u2e00-\u2e7f]+))")


#: a Bear tag of several words, closed by a ``#`` (``#multi word tag#``, ``#work/team meetings#``): after the ``#`` no
#: space, then words to a ``#`` on the line that a space, a punctuation mark or the line's end follows
_CLOSED_TAG = lazy_compile(r"#([^\s#\[][^#\n]*?[^\s#])#(?![^\s!-/:-@\[-`{-~])")


def closed_tags(masked: str) -> list[tuple[int, int, str]]:
    """Bear's tags of several words in ``masked`` (a body, its code masked): each tag's span and name.

    >>> [t[2] for t in closed_tags("Buy #multi word tag# and #home/kitchen# or #work/team meetings#.")]
    ['multi word tag', 'work/team meetings']
    >>> closed_tags("#one and #two tags") + closed_tags("C# and F# are two#")
    []
    """
    return [(m.start(), m.end(), m.group(1)) for m in _CLOSED_TAG.finditer(masked)
            if " " in m.group(1) and (not m.start() or masked[m.start() - 1].isspace())]


def inline_tags(body: str, masked: str | None = None, bracketed: bool = False, closed: bool = False) -> list[str]:
    """Obsidian's inline ``#tags`` in ``body``: :func:`inline_tag_offsets`, without the offsets.

    >>> inline_tags("# Title\\nText #idea and #project/alpha, not #123 or a.com/#x or `#code`. #[[deep work]]")
    ['idea', 'project/alpha']
    """
    return [tag for _, tag in inline_tag_offsets(body, masked, bracketed, closed)]


def inline_tag_offsets(body: str, masked: str | None = None, bracketed: bool = False,
                       closed: bool = False) -> list[tuple[int, str]]:
    """Obsidian's inline ``#tags`` in ``body``: not in code, not headings (``# Title``), not anchors.

    A tag is ``#`` after a space or at a line start, then letters, digits, ``_``, ``-``
    or ``/`` (nested tags), with at least one non-digit (other scripts' letters and emoji too, up to white space
    or punctuation: ``#idea—later`` is ``idea``); with ``bracketed`` (a Logseq graph) also
    ``#[[a tag of words]]``. Obsidian has no such tag: there it is a ``#`` and a link, as Roam's
    Markdown export writes its tags into the vaults migrated from it (``#[[📦 Projects]]``).

    Each comes with its offset in ``body`` (of its ``#``), for the line a finding about it names.

    >>> inline_tag_offsets("# Title\\nText #idea and #project/alpha, not #123 or a.com/#x or `#code`. #[[deep work]]")
    [(13, 'idea'), (23, 'project/alpha')]
    >>> inline_tags("Filed under #[[deep work]]", bracketed=True)
    ['deep work']

    With ``closed`` (a Bear export), a tag of several words closed by a ``#`` is one tag (:func:`closed_tags`):

    >>> inline_tags("Buy #multi word tag# and #home/kitchen#", closed=True), inline_tags("#multi word tag#")
    (['multi word tag', 'home/kitchen'], ['multi'])
    """
    if "#" not in body:
        return []
    text = masked if masked is not None else mask_code(body)
    tags: list[tuple[int, str]] = []
    if closed:
        spans = closed_tags(text)
        found = [(start, tag.strip()) for start, _, tag in spans]
        for start, end, _ in spans:
            text = text[:start] + " " * (end - start) + text[end:]
        found += [(m.start(), tag) for m, tag in ((m, m.group(2).strip("/")) for m in _TAG.finditer(text) if m.group(2))
                  if tag and not tag.replace("/", "").isdigit() and (not m.start() or text[m.start() - 1].isspace())]
        return sorted(found)
    for m in _TAG.finditer(text):
        start = m.start()
        if start and not text[start - 1].isspace():
            continue  # a#b, a url's /#anchor, &#160;
        if m.group(1) is not None:
            tag = m.group(1).strip()
            if tag and bracketed:
                tags.append((start, tag))
            continue
        tag = m.group(2).strip("/")
        if tag and not tag.replace("/", "").isdigit():
            tags.append((start, tag))
    return tags


#: a note's ``Tags:`` line (``tags::``, ``**Tags**:``, in any case), with what follows the name
_TAGS_LINE = lazy_compile(r"[ \t]*(?:\*\*|__)?tags(?:\*\*|__)?[ \t]*::?(?:\*\*|__)?(.*)", re.I)
#: how many of a note's first lines (not blank) its template's ``Tags:`` line may be among
_HEAD_LINES = 10


def tags_line(body: str, masked: str | None = None) -> list[str]:
    """The notes a vault note's ``Tags:`` line links to, among its first lines: the topics a
    Zettelkasten's template files the note under (``Status: #baby`` then ``Tags: [[Game Design]]
    [[Physics]]`` above its title), which the vault's own scripts and queries read as its tags.
    Each is named by its note's name (``[[topics/physics|Physics]]`` is ``physics``); the ``#tags``
    of the line are :func:`inline_tags` already, and the links stay links.

    >>> tags_line("2024-01-02 10:00\\n\\nStatus: #baby\\n\\nTags: [[Game Design]] · [[topics/physics|Physics]]\\n\\n# Title\\n")
    ['Game Design', 'physics']
    >>> tags_line("# Title\\n\\nSee [[Other]].\\n\\n`Tags: [[Code]]`\\n\\ntags:: [[Dataview field]], #x [[map.png]]\\n")
    ['Dataview field']
    """
    if "[[" not in body:
        return []
    text = masked if masked is not None else mask_code(body)
    names: list[str] = []
    for line in itertools.islice((line for line in text.split("\n") if line.strip()), _HEAD_LINES):
        m = _TAGS_LINE.fullmatch(line)
        if m:
            names += [target.partition("#")[0].strip().rpartition("/")[2].removesuffix(".md")
                      for target, _ in wiki_targets(m.group(1))]
    return [name for name in names if name]


_HEADING = lazy_compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
#: a heading's closing sequence, ``# Title #``
_CLOSING_HASHES = lazy_compile(r"[ \t]+#+[ \t]*$")


#: in a heading: an image, shown as its ``alt`` text (or nothing), and the inline HTML tags around text, shown as
#: the text they hold (``<span class="x">New</span>``); an unknown ``<T>`` is left as written
_HEADING_IMAGE = lazy_compile(r"""<img\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.I)
_HEADING_ALT = lazy_compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_HEADING_TAG = lazy_compile(r"""</?(?:a|abbr|b|big|br|cite|code|del|em|font|i|ins|kbd|mark|q|s|small|span|strong|sub|sup|u)"""
                          r"""\b(?:[^>"']|"[^"]*"|'[^']*')*/?>""", re.I)
#: a component's tag (Vue's, MDX's: ``<Badge type="tip" text="beta" />``, ``<Badge type="info">``, ``</Badge>``), which
#: shows no text of its own: one that closes itself, has attributes or closes one; ``List<T>`` is a type's name
_COMPONENT_TAG = lazy_compile(r"""<[A-Z][\w.-]*(?:\s+[\w:@#.-]+(?:[^>"']|"[^"]*"|'[^']*')*?)?\s*/>"""
                            r"""|<[A-Z][\w.-]*\s+[\w:@#.-]+(?:[^>"']|"[^"]*"|'[^']*')*>|</[A-Z][\w.-]*\s*>""")


#: a heading's attribute list at its end, which the page does not show: Goldmark's (Hugo's) ``{#id .class
#: anchor=false}``, kramdown's ``{: #id}``, MkDocs' attr_list ``{ #id }``
_HEADING_ATTRIBUTES = lazy_compile(r"""[ \t]*\{:?[ \t]*(?:(?:[#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"'{}]+))[ \t]*)+\}"""
                                 r"""(?=[ \t]*#*[ \t]*$)""", re.M)


#: a Markdown link or image in a heading, which the page shows as its text (an image as its ``alt``):
#: ``[text](/url "title")``, ``[text][ref]``, ``![alt](src)``
_HEADING_LINK = lazy_compile(r"!?\[([^\[\]\n]*)\](?:\([^()\s]*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)|\[[^\[\]\n]*\])")


#: a Hugo shortcode's opening or closing tag in a heading, whose output is not known: ``{{< badge "beta" >}}``
_HEADING_SHORTCODE = lazy_compile(r"\{\{[<%].*?[>%]\}\}")


def _link_text(link: re.Match[str]) -> str:
    return link.group(1)


def _heading_text(text: str) -> str:
    """The heading ``text`` as the page shows it: its images by their ``alt`` text, its inline tags and
    components' tags dropped around what they hold (VitePress's title plugin leaves out a heading's
    inline HTML: ``# MPA Mode <Badge type="warning" text="experimental" />`` is "MPA Mode").

    >>> _heading_text('MPA Mode <Badge type="warning" text="beta" />'), _heading_text('A <Tag :on="x">new</Tag> List<T>')
    ('MPA Mode ', 'A new List<T>')
    """
    if "<" not in text:
        return text
    def alt(image: re.Match[str]) -> str:
        given = _HEADING_ALT.search(image.group(0))
        return f" {next((g for g in given.groups() if g is not None), '')} " if given else " "

    return _COMPONENT_TAG.sub("", _HEADING_TAG.sub("", _HEADING_IMAGE.sub(alt, text)))


#: a setext heading that opens a body: ``Title`` over ``=====`` (level 1) or ``-----`` (level 2)
_OPENING_SETEXT = lazy_compile(r"[ \t]*([^\s#>*\-+|`<=][^\n]*?)[ \t]*\r?\n {0,3}(=+|-+)[ \t]*(?:\r?\n|$)")


#: a bookdown cross-reference, ``\@ref(intro)``, to the chapter or section of that id; a figure's, table's,
#: equation's or theorem's (``\@ref(fig:x)``, ``tab:``, ``eq:``) names a label of its own page, no section
_BOOKDOWN_REF = lazy_compile(r"\\@ref\(([^():\s]+)\)")
#: an ATX heading: its level, its text and its Pandoc attributes (``{#intro}``, ``{-}``, ``{.unnumbered}``)
_ATX_HEADING = lazy_compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*(?:\{([^{}\n]*)\})?[ \t]*$", re.M)
#: a bookdown part's heading, ``# (PART) Basics {-}`` (``(PART\*)`` unnumbered), or its appendix's: no chapter
_BOOKDOWN_PART = lazy_compile(r"^\((?:PART\\?\*?|APPENDIX)\)[ \t]*")


def pandoc_id(text: str) -> str:
    """The id Pandoc gives a heading of ``text`` that names none (its ``auto_identifiers``): its text without
    links' targets and markup, only letters, digits and ``_-.`` kept, words joined by ``-``, in lower case,
    from its first letter on; ``section`` when nothing is left.

    >>> [pandoc_id(t) for t in ("Données brutes", "1.2 The *R* [language](https://r.org)", "`dplyr` basics", "2024")]
    ['données-brutes', 'the-r-language', 'dplyr-basics', 'section']
    """
    text = re.sub(r"<[^<>\n]*>", "", re.sub(r"!?\[([^\[\]]*)\]\([^()]*\)", r"\1", text))
    kept = "-".join("".join(c for c in text if c.isalnum() or c in "_-." or c.isspace()).split()).lower()
    start = next((i for i, c in enumerate(kept) if c.isalpha()), len(kept))
    return kept[start:] or "section"


def bookdown_headings(masked: str) -> list[tuple[int, str, str | None]]:
    """The headings of a bookdown chapter's text (its code blanked: ``masked``), in order: each one's level, text
    (without its attributes) and id (``{#intro}``, else :func:`pandoc_id`); a part's heading (``# (PART) Basics
    {-}``, ``# (APPENDIX) Appendix {-}``) has no id, its text the part's name.

    >>> bookdown_headings("# (PART) Basics {-}\\n\\n# Introduction {#intro}\\n\\n## Set up {-}\\n#no heading\\n")
    [(1, 'Basics', None), (1, 'Introduction', 'intro'), (2, 'Set up', 'set-up')]
    """
    found: list[tuple[int, str, str | None]] = []
    for m in _ATX_HEADING.finditer(masked) if "#" in masked else ():
        text, attributes = m.group(2).rstrip("#").strip(), m.group(3) or ""
        part = _BOOKDOWN_PART.match(text)
        if part is not None:
            found.append((len(m.group(1)), text[part.end():].strip(), None))
            continue
        given = re.search(r"(?:^|\s)#([^\s#{}]+)", attributes)
        found.append((len(m.group(1)), text, given.group(1) if given else pandoc_id(text)))
    return found


#: a Markdown character escaped by a backslash, as Python-Markdown escapes them (its ``ESCAPED_CHARS``)
_ESCAPED = lazy_compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
#: what stands for a heading's code span while its markup is read (a character no text holds)
_CODE_MARK = "\ue000"


def _shown_markup(text: str) -> str:
    """A heading's ``text`` (its code spans each a :data:`_CODE_MARK`) as Python-Markdown shows it: its
    emphasis markers dropped, its escaped characters as themselves, its HTML entities as the characters they
    stand for (``**Bold** &amp; \\*x\\*``: ``Bold & *x*``).

    >>> _shown_markup("**Bold** and _em_ in snake_case, ***both*** &amp; \\\\*stars\\\\* a*b*c")
    'Bold and em in snake_case, both & *stars* abc'
    """
    escaped: list[str] = []

    def keep(m: re.Match[str]) -> str:
        escaped.append(m.group(1))
        return f"\ue001{len(escaped) - 1}\ue002"

    text = _ESCAPED.sub(keep, text)
    text = _unemphasised(text)
    text = re.sub("\ue001(\\d+)\ue002", lambda m: escaped[int(m.group(1))], text)
    return html.unescape(text) if "&" in text else text


def first_heading(body: str, markup: bool = False, level_one: bool = False) -> str | None:
    """The first level-1 heading of ``body`` (else, but with ``level_one``, the first heading of any level), outside code,
    its inline code's text kept as the page shows it, without the backticks, an image by its ``alt``
    text and text in inline HTML tags as it is shown. A setext heading is read where the body opens
    with one (``Title`` over ``=====``, as some TIL collections title their notes). With ``markup``, its
    emphasis, escapes and entities outside code as Python-Markdown shows them (:func:`_shown_markup`).

    >>> first_heading("intro\\n## Part\\n# The title #\\n")
    'The title'
    >>> first_heading("## Cron does not know `loginctl` <!-- note -->\\n")
    'Cron does not know loginctl'
    >>> first_heading('# <img src="/logo.png" alt="Ferry Docs" width=300>\\n'), first_heading("# <b>Bold</b> move\\n")
    ('Ferry Docs', 'Bold move')
    >>> first_heading("# Hugo Book {anchor=false}\\n"), first_heading("# Setup {#setup .wide}\\n"), first_heading("# Sets {a, b}\\n")
    ('Hugo Book', 'Setup', 'Sets {a, b}')
    >>> first_heading("### Films <small>[🔗](/movies)</small>\\n"), first_heading("# See [the guide][g] and ![logo](l.png)\\n")
    ('Films 🔗', 'See the guide and logo')
    >>> first_heading("# The `[x](y)` form of a [link](/l/)\\n")
    'The [x](y) form of a link'
    >>> first_heading('## {{% heading "whatsnext" %}}\\n## Install {{< badge "beta" >}}\\n')
    'Install'
    >>> first_heading("\\nUse `git -C`\\n=====\\n\\n## Why\\n"), first_heading("Part\\n----\\n\\n# Title\\n")
    ('Use git -C', 'Title')
    >>> first_heading("Part\\n----\\n\\n## Other\\n"), first_heading("## Other\\n", level_one=True)
    ('Part', None)
    >>> first_heading("# The **`--force`** flag &amp; `a &amp; b`\\n", markup=True)
    'The --force flag & a &amp; b'
    """
    opening = _OPENING_SETEXT.match(body.lstrip("\r\n"))
    if opening is not None:
        setext = first_heading(("# " if opening.group(2)[0] == "=" else "## ") + opening.group(1), markup)
        rest = body[opening.end():]  # under a level-2 one, a level-1 heading further down is still the title
        if opening.group(2)[0] == "=" or not level_one and ("#" not in rest or not any(
                len(m.group(1)) == 1 for m in _HEADING.finditer(mask_code(rest)))):
            return setext
        return first_heading(rest, markup, level_one)
    if "#" not in body:
        return None
    masked = mask_code(body)
    best: str | None = None
    for m in _HEADING.finditer(masked):
        # after the hashes to the line's end: code masked at either end is the heading's too
        first, last = m.end(1), m.end(0)
        pieces, at = [], first  # the text between inline code spans: its links shown as their text
        codes = []  # with markup, each code span a mark until the markup around it is read
        for code in _INLINE_CODE.finditer(body, first, last):
            codes.append(code.group(2).strip())
            pieces += [_HEADING_LINK.sub(_link_text, masked[at:code.start()]), _CODE_MARK if markup else codes[-1]]
            at = code.end()
        pieces.append(_HEADING_LINK.sub(_link_text, _HEADING_ATTRIBUTES.sub("", masked[at:last])))
        text = " ".join(_heading_text(_CLOSING_HASHES.sub("", _HEADING_SHORTCODE.sub(" ", "".join(pieces)))).split())
        if markup:
            shown, spans = _shown_markup(text).split(_CODE_MARK), iter(codes)
            text = "".join(piece + next(spans, "") for piece in shown)
        if not text:  # a heading a shortcode writes ({{% heading "whatsnext" %}}): its text is not known
            continue
        if len(m.group(1)) == 1:
            return text
        if best is None:
            best = text
    return None if level_one else best


# -- command pages -----------------------------------------------------------------------

#: a command page's head, as tldr-pages writes one: ``# name``, then its description as ``> `` lines
_COMMAND_HEAD = lazy_compile(r"\A\s*#[ \t]+([^\n]*)\n(?:[ \t]*\n)*((?:>[^\n]*(?:\n|\Z))+)")
#: a description line that only links the command's documentation, in any language: ``More information: <url>.``
_MORE_INFORMATION = lazy_compile(r"^[^`<>]{1,60}?\s*[:：]\s*<[A-Za-z][A-Za-z0-9+.-]*://[^<>\s]*>\s*[.。]?$")
_CODE_SPAN = lazy_compile(r"`([^`\n]+)`")
#: what a line's list of mentions is introduced by, in any language: ``See also: `a`, `b`.``, ``Siehe auch: `gawk`.``,
#: ``Voir aussi : `x`.`` (a short label and a colon, then backticked names and separators alone)
_LABELLED_LIST = lazy_compile(r"(?:^|[.;。]\s+)[^`:：.;。]{1,40}?\s*[:：]\s*((?:`[^`\n]+`[^`]*?)+)$")
#: English's older and inline forms, which need no colon: ``See also `vimdiff`, `nvim`.``, ``an alias of `vim`.``
_ENGLISH_MENTION = lazy_compile(r"\b(?:see\s+also|alias\s+(?:of|for))\b\s*:?\s*((?:`[^`\n]+`(?:\s*(?:,|and|or)\s*)*)+)",
                              re.I)
#: English's note on a base command's page that its subcommands have pages of their own: ``Some subcommands such as
#: `install`, `upgrade` have their own usage documentation.`` (``dpkg deb`` is named in full, ``install`` is ``choco install``)
_SUBCOMMANDS = lazy_compile(r"\bsubcommands?\s+(?:such\s+as|like)\s+((?:`[^`\n]+`(?:\s*(?:,|and|or)\s*)*)+)", re.I)
#: an example that shows another page: ``tldr vim``, ``tldr choco install``, ``tldr cat -p common``
_TLDR_EXAMPLE = lazy_compile(r"^`tldr[ \t]+([^`\n]+)`[ \t]*$", re.M)
#: the options of ``tldr`` that name the platform of the page shown (``-o`` before the client specification 1.5)
_PLATFORM_OPTIONS = ("-p", "--platform", "{{[-p|--platform]}}", "-o", "--os")
_LANGUAGE_OPTIONS = ("-L", "--language", "{{[-L|--language]}}")


#: what no command's name holds: a placeholder, a path, a redirection, a pipe, a variable, a glob, an option's value
_NOT_A_COMMAND = lazy_compile(r"\{\{|[/<>=|$*\\]|(?:^|\s)-")


def _listed(names: str) -> list[str] | None:
    """The backticked command names of a list of mentions (```a`, `b` and `c`.``), or ``None`` when more
    than separators (commas, short words such as ``and``, ``und``, ``et``) stand between them. A span
    that is a command line rather than a name (``ls -la``, ``path/to/file``) is no mention."""
    rest = _CODE_SPAN.sub(" ", names)
    if any(len(word) > 4 for word in re.findall(r"\w+", rest)):
        return None
    spans = (m.group(1).strip() for m in _CODE_SPAN.finditer(names))
    return [n for n in spans if n and len(n.split()) <= 4 and not _NOT_A_COMMAND.search(n)]


def _tldr_target(arguments: str) -> str | None:
    """The page a ``tldr`` example shows: its words joined (``choco install``), after ``platform/`` when it
    names one (``common/cat``); ``None`` for an example about the client itself (an option, a placeholder)."""
    words = arguments.split()
    platform = None
    name: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word in _PLATFORM_OPTIONS or word in _LANGUAGE_OPTIONS:
            if i + 1 >= len(words) or "{{" in words[i + 1]:
                return None
            if word in _PLATFORM_OPTIONS:
                platform = words[i + 1]
            i += 2
            continue
        if word.startswith("-") or "{{" in word or "|" in word or "$" in word:
            return None
        name.append(word)
        i += 1
    if not name:
        return None
    return f"{platform}/{' '.join(name)}" if platform else " ".join(name)


#: a translation's folder of a command reference: the English pages' folder and a locale (``pages.de``,
#: ``pages.pt_BR``, ``pages.zh_TW``), as tldr-pages names them
_TRANSLATION_FOLDER = lazy_compile(r"^(.+)\.([a-z]{2,3}(?:[_-][A-Za-z]{2,4})?)$")


def translation_folder(folder: str) -> tuple[str, str] | None:
    """The English folder and the locale of the translation folder ``folder``, or ``None``.

    >>> translation_folder("pages.pt_BR"), translation_folder("pages"), translation_folder("v1.0")
    (('pages', 'pt_BR'), None, None)
    """
    m = _TRANSLATION_FOLDER.match(folder)
    return (m.group(1), m.group(2)) if m else None


def command_page(body: str, first_line: int = 1) -> tuple[str | None, list[TextLink]]:
    """A command page's description and its mentions of other pages, as tldr-pages writes a page:
    ``# name``, its description in ``> `` lines, then its examples (``- Do this:`` and a backticked command).

    The description is its lines but the one that only links the command's documentation (``More
    information: <url>.``, in any language), joined; ``None`` when the body has no such head. Its
    mentions (:data:`COMMAND` links to the command's name as written, which is their text) are the names its "See also"
    list gives (``See also: `cmd1`, `cmd2`.``, or so in any language: a short label and a colon, then
    backticked names alone), the command an English description says it is an alias of, the subcommands
    it says have pages of their own (``Some subcommands such as `install` have their own usage
    documentation.``: ``choco install`` on ``choco``'s page), and the page an
    example shows with ``tldr`` (``tldr vim``, ``tldr choco install``; with a platform,
    ``tldr cat -p common``: ``common/cat``).

    >>> page = "# vi\\n\\n> This command is an alias of `vim`.\\n> See also: `nvim`, `ed`.\\n> More information: <https://x.org>.\\n\\n- View:\\n\\n`tldr vim -p common`\\n"
    >>> description, links = command_page(page)
    >>> description, [(l.target, l.line) for l in links]
    ('This command is an alias of vim. See also: nvim, ed.', [('vim', 3), ('nvim', 4), ('ed', 4), ('common/vim', 9)])
    >>> [l.target for l in command_page("# ip\\n\\n> Some subcommands such as `address`, `ip link` have their own usage documentation.\\n")[1]]
    ['ip address', 'ip link']
    >>> command_page("# git switch\\n\\n> Wechsle Branches. Siehe auch: `git checkout`.\\n")[1][0].target
    'git checkout'
    >>> command_page("# bat\\n\\n> A `cat` clone: with `git` support and more.\\n")[1], command_page("no head")
    ([], (None, []))
    """
    head = _COMMAND_HEAD.match(body)
    if head is None:
        return None, []
    line = first_line + body.count("\n", 0, head.start(2))
    command = " ".join(head.group(1).split())
    kept: list[str] = []
    links: list[TextLink] = []
    for offset, raw in enumerate(head.group(2).splitlines()):
        text = raw[1:].strip()
        if not text or _MORE_INFORMATION.match(text):
            continue
        kept.append(_CODE_SPAN.sub(lambda m: m.group(1), text))
        named: list[str] = []
        for m in _ENGLISH_MENTION.finditer(text):
            named += _listed(m.group(1)) or []
        for m in _SUBCOMMANDS.finditer(text):
            named += [n if n == command or n.startswith(f"{command} ") else f"{command} {n}"
                      for n in _listed(m.group(1)) or []]
        labelled = _LABELLED_LIST.search(text)
        if labelled is not None:
            named += [n for n in _listed(labelled.group(1)) or [] if n not in named]
        links += [TextLink(COMMAND, name, name, line + offset) for name in dict.fromkeys(named)]
    for m in _TLDR_EXAMPLE.finditer(body, head.end()):
        target = _tldr_target(m.group(1))
        if target is not None:
            links.append(TextLink(COMMAND, target, target.rpartition("/")[2], first_line + body.count("\n", 0, m.start())))
    return " ".join(kept) or None, links


# -- resolution --------------------------------------------------------------------------


def page_path(path: str, content_dir: str = "", bundles: bool = False, languages: Collection[str] = (),
              default_language: str = "") -> str:
    """A file's page path: relative to ``content_dir``, without suffix; with ``bundles``
    (Hugo) an ``index``/``_index`` file stands for its folder (the root section is ``""``).

    In a site of several ``languages`` (Hugo), a page's language is its file name's
    (``hello.fr.md``) or its top folder's (``fr/hello.md``, a language's content folder);
    the page path of a page in another language than ``default_language`` starts with it,
    as its url does.

    >>> page_path("content/functions/where/index.md", "content/", bundles=True)
    'functions/where'
    >>> [page_path(p, "content/", True, ("en", "fr"), "en") for p in ("content/posts/hi.fr.md", "content/en/posts/hi.md")]
    ['fr/posts/hi', 'posts/hi']
    """
    if content_dir and path.startswith(content_dir):
        path = path[len(content_dir):]
    stem, language = _without_language(_strip_suffix(path), languages)
    if bundles:
        folder, _, last = stem.rpartition("/")
        if last in ("index", "_index"):
            stem = folder
    if language is not None and language != default_language:
        stem = f"{language}/{stem}" if stem else language
    return stem


def _without_language(stem: str, languages: Collection[str]) -> tuple[str, str | None]:
    """A file's path (below the content folder, without suffix) without its language, and the
    language: its file name's (``posts/hi.fr``), else its top folder's (``fr/posts/hi``)."""
    if not languages:
        return stem, None
    language = None
    top, sep, rest = stem.partition("/")
    if sep and top in languages:
        language, stem = top, rest
    folder, sep, last = stem.rpartition("/")
    last, named = split_language(last, languages)
    return (f"{folder}/{last}" if sep else last), named or language


def split_language(stem: str, languages: Collection[str]) -> tuple[str, str | None]:
    """A file name's stem without its language (``hello.fr``: ``hello``, ``fr``), when it names one of ``languages``.

    >>> split_language("hello.fr", ("en", "fr")), split_language("node.js", ("en", "fr"))
    (('hello', 'fr'), ('node.js', None))
    """
    base, dot, language = stem.rpartition(".")
    if dot and base and language in languages:
        return base, language
    return stem, None


def _strip_suffix(path: str) -> str:
    if "." not in path[-10:]:
        return path
    lowered = path.lower()
    for suffix in PAGE_SUFFIXES:
        if lowered.endswith(suffix):
            return path[: -len(suffix)]
    return path


#: a version's folder of a Docusaurus docs plugin (``versioned_docs/version-1/``, ``team_versioned_docs/...``)
_VERSION_FOLDER = lazy_compile(r"(?:^|/)(?:[^/]*_)?versioned_docs/version-[^/]+/?$")


def _plugin_instances(folders: Sequence[str]) -> dict[str, int]:
    """The plugin instance of each of a Docusaurus site's content folders, in the order a site's settings
    list them (each docs plugin's current folder and then its versions', then its blogs', then its
    pages'), numbered: a version's folder is its docs plugin's, the one listed before it.

    >>> _plugin_instances(["docs", "versioned_docs/version-1", "team", "blog"])
    {'docs/': 0, 'versioned_docs/version-1/': 0, 'team/': 1, 'blog/': 2}
    """
    plugins: dict[str, int] = {}
    for folder in (f.strip("/") + "/" for f in folders if f.strip("/")):
        joins = bool(plugins) and _VERSION_FOLDER.search(folder) is not None
        plugins.setdefault(folder, max(plugins.values(), default=-1) + (0 if joins else 1))
    return plugins


def _page_file(path: str) -> bool:
    """Whether ``path`` names a page's source file (a page suffix, ``.md``, ``.mdx``), not an HTML page.

    >>> _page_file("/guide/install.md"), _page_file("guide/install.html"), _page_file("guide/install/")
    (True, False, False)
    """
    return _strip_suffix(path) != path and not path.lower().endswith((".html", ".htm"))


def _norm(path: str, keep_index: bool = False, folded: bool = True) -> str:
    """The lookup form of a page path: no anchors, suffix, index file (unless ``keep_index``) or outer
    slashes; case-folded (unless not ``folded``: the path as spelled, for :meth:`ArticleIndex.at_path`)."""
    path = path.split("#", 1)[0].split("?", 1)[0]
    if "%" in path:
        path = unquote(path)
    path = _strip_suffix(path.strip().strip("/"))
    folder, _, last = path.rpartition("/")
    if last in ("index", "_index") and not keep_index:
        path = folder
    path = path.replace("\\", "/")
    return fold(path) if folded else path


def url_key(url: str) -> str:
    """The form links find a page's url by (:func:`_norm`): ``/es6`` and ``/es6.html`` are one page's."""
    return _norm(url)


def _loose(name: str) -> str:
    """A folded name with its hyphens read as spaces, as GitHub wikis name the file of a page.

    >>> _loose("getting-started"), _loose("a - b")
    ('getting started', 'a b')
    """
    return " ".join(name.replace("-", " ").split())


#: a Zettelkasten note's id in its file name: 12 to 14 digits, a minute or second it was made at
#: (Zettlr's default, ``20200522225822``; The Archive's, ``202001011200``), apart from other digits
_ZETTEL_ID = lazy_compile(r"(?<![0-9])[0-9]{12,14}(?![0-9])")


def zettel_ids_of(name: str) -> tuple[str, ...]:
    """The ids a note's file name ``name`` (without suffix) holds, as Zettlr and The Archive find a
    note by one: a link ``[[202001011200]]`` opens the note whose file name holds that id, before its
    title or after it.

    >>> zettel_ids_of("202001011200 Atomic notes"), zettel_ids_of("Thinking 20250625210259"), zettel_ids_of("2024-01-05")
    (('202001011200',), ('20250625210259',), ())
    """
    return tuple(_ZETTEL_ID.findall(name))


def _spaced(path: str) -> bool:
    """Whether a path has a name with spaces that :func:`fold` drops or merges: Obsidian names a note
    ``Ann .md`` (a title typed with a trailing space) apart from ``Ann.md``, which ``[[Ann]]`` names.

    >>> _spaced("People/Ann "), _spaced("People/Ann  Lee"), _spaced("People/Ann Lee")
    (True, True, False)
    """
    return any(part != " ".join(part.split()) for part in path.split("/"))


def _shortest(a: Named) -> tuple[int, int, str]:
    """The order of articles that go by one name: the shortest path first, as Obsidian picks."""
    return a.path.count("/"), len(a.path), a.path


def _shortest_spelled(a: Named) -> tuple[int, int, str]:
    """The order in which Obsidian picks among notes that go by one name: the shortest path string
    first, however many folders it has (``a/b/Note.md`` before ``zzzz/Note.md``).

    >>> from qagraph.model import Article
    >>> def art(path): return Article(path[:-3], path, "t", "t", "", "s", "s", (), (), ())
    >>> sorted([art("zzzz/Note.md"), art("a/b/Note.md")], key=_shortest_spelled)[0].path
    'a/b/Note.md'
    """
    return len(a.path), 0, a.path


def _link_path(target: str, origin: str) -> str:
    """The path ``target`` leads to, without its ``#fragment`` and ``?query``; but a wiki-link's
    (or embed's) ``?`` is a character of the note's name, as Obsidian and Logseq read it: a
    Zettelkasten's question notes (``[[Notes/Why is it slow?]]``).

    >>> _link_path("a/b.md?x=1#c", MARKDOWN_LINK), _link_path("Notes/Why is it slow?#Causes", WIKI_LINK)
    ('a/b.md', 'Notes/Why is it slow?')
    """
    path = target.split("#", 1)[0]
    return path if origin in (WIKI_LINK, EMBED) else path.split("?", 1)[0]


def _last_names(path: str) -> set[str] | None:
    """The folded last names of a path (see :meth:`ArticleIndex.last_names`)."""
    found: set[str] = set()
    for form in {path, unquote(path)} if "%" in path else {path}:
        form = _strip_suffix(form.replace("\\", "/").strip().rstrip("/"))
        folder, _, last = form.rpartition("/")
        if last in ("", ".", ".."):
            return None
        found.add(fold(last))
        if last in ("index", "_index"):
            found.add(fold(folder.rpartition("/")[2]))
        post = _POST_TAIL.search(form)
        if post:
            found.add(fold(post.group(4)))
    return found


_POST_TAIL = lazy_compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})/([^/]+?)(?:\.html?)?/?$")
#: the date a post's file name starts with (Jekyll's, Hugo's ``:filename`` dates): a month or a day may
#: have one digit (``2019-3-5-x.md``), as both tools read it
POST_DATE = lazy_compile(r"(\d{4})-(\d{1,2})-(\d{1,2})-")
#: a Jekyll post's file name (without its suffix): its date and its slug, which may be empty
#: (``2018-05-03-``): Jekyll publishes both
POST_FILE = lazy_compile(rf"^{POST_DATE.pattern}(.*)$")


class Named(Protocol):
    """What :class:`ArticleIndex` reads of an article (:class:`~qagraph.model.Article` has it)."""

    @property
    def key(self) -> str: ...

    @property
    def path(self) -> str: ...

    @property
    def url(self) -> str | None: ...

    @property
    def extra(self) -> dict[str, Any]: ...

    @property
    def title(self) -> str: ...


A = TypeVar("A", bound=Named)

#: an ``alias_fields`` entry that makes an article's title one of its names (a Logseq page's
#: name, ``Python/Asyncio``, is its title: its file is ``Python___Asyncio.md``)
TITLE_ALIAS = "@title"


def aliases(a: Named, fields: Sequence[str]) -> list[str]:
    """The other names of ``a`` that its ``fields`` (``alias_fields``) give it.

    >>> from qagraph.model import Article
    >>> a = Article("a", "a.md", "Python/Asyncio", "", "", "s", "s", (), (), (), extra={"alias": "py"})
    >>> aliases(a, ("alias", TITLE_ALIAS))
    ['py', 'Python/Asyncio']
    """
    return [alias for field in fields
            for alias in ([a.title] if field == TITLE_ALIAS and a.title else _strings(a.extra.get(field)))]


def relative_alias_url(url: str, alias: str) -> str:
    """The url where Hugo publishes a page's relative alias (``aliases = ["../automatic-tls"]``, not
    starting with ``/``): read from the folder above the page's url, as Hugo joins it to the page's
    path and ``..``; Linkerd's versioned docs keep a moved page's old url in each version so.

    >>> relative_alias_url("/2.10/features/automatic-mtls/", "../automatic-tls")
    '/2.10/automatic-tls'
    >>> relative_alias_url("/2.16/reference/cli/", "cli/get/"), relative_alias_url("/2.16/tasks/", "./next-steps/")
    ('/2.16/reference/cli/get', '/2.16/next-steps')
    """
    return posixpath.normpath(posixpath.join(posixpath.dirname("/" + url.strip("/")), alias))


class Linked(Protocol):
    """What :meth:`ArticleIndex.name_rows` reads of a link (:class:`~qagraph.model.RelatedLink` has it)."""

    @property
    def target(self) -> str | None: ...

    @property
    def origin(self) -> str: ...

    @property
    def title(self) -> str | None: ...


def _field_values(a: Named, names: Sequence[str]) -> tuple[str | None, ...] | None:
    """The values of the front-matter fields ``names`` of ``a`` (kept in its ``extra``), as text, as
    Liquid's ``where`` compares them (a missing one, ``None``, matches a missing one only); ``None``
    when one is no single value (a list, a mapping)."""
    values = tuple(a.extra.get(name) for name in names)
    if any(isinstance(v, (dict, list)) for v in values):
        return None
    return tuple(None if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in values)


def children_target(parameters: str) -> str:
    """The target of a :data:`CHILDREN` link, from the parameters of its ``children`` shortcode: how many levels of
    pages below the page it lists (``depth``, 1 unless it says; one for the ``card`` and ``group`` types, which
    list only the first) and whether it lists the pages ``hidden`` from the menu too (``showhidden``).

    >>> children_target(' depth="3" showhidden="true" '), children_target(" type=card depth=9"), children_target("")
    ('depth=3 showhidden', 'depth=1', 'depth=1')
    """
    given = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
             for m in _SHORTCODE_PARAMETER.finditer(parameters)}
    depth = given.get("depth", "1").strip()
    levels = max(1, int(depth)) if depth.isdigit() else 1
    if given.get("type", "").strip().lower() in ("card", "group"):
        levels = 1
    return f"depth={min(levels, 999)}" + (" showhidden" if given.get("showhidden", "").strip().lower() == "true" else "")


def _children_parameters(target: str) -> tuple[int, bool]:
    """The depth and ``showhidden`` a :func:`children_target` says."""
    words = target.split()
    depth = words[0].removeprefix("depth=") if words else "1"
    return (int(depth) if depth.isdigit() else 1), "showhidden" in words[1:]


def _go_true(value: Any) -> bool:
    """Whether a Go template reads a front-matter ``value`` as true (``{{ if .Params.hidden }}``): any but
    false, 0, an empty text, list or mapping, and none (``hidden: "false"`` is a text, so true)."""
    return value is not None and value is not False and value != 0 and value != "" and value != [] and value != {}


def _hidden(a: Named) -> bool:
    """Whether the Learn and Relearn themes leave the page ``a`` out of their menus and ``children`` lists: its
    ``hidden`` (Hugo reads a front-matter key in any case) is true as a Go template reads it (:func:`_go_true`)."""
    return any(_go_true(value) for key, value in a.extra.items() if key.lower() == "hidden")


def _swapped(origin: str, label: str | None) -> str | None:
    """The label of a wiki-link ``[[a|b]]``, which names the article when ``a`` names none: Obsidian writes
    ``[[target|label]]``, GitHub wikis and Dendron ``[[label|target]]``. ``None`` for any other link."""
    return label if origin == WIKI_LINK and label else None


def listing_terms_of(articles: Iterable[Any]) -> dict[str, frozenset[str]]:
    """The terms of ``articles``' subjects and keywords as the urls of their listing pages name them
    (:func:`listing_term`), each with the nodes of the subjects and keywords so named."""
    terms: dict[str, set[str]] = {}
    for a in articles:
        for key, label in zip(getattr(a, "keyword_keys", ()), getattr(a, "keywords", ())):
            for name in (key, label):
                terms.setdefault(listing_term(name), set()).add(keyword_node(key))
        slug = getattr(a, "subject_slug", None)
        if isinstance(slug, str):
            for name in (slug, getattr(a, "subject", "") or ""):
                terms.setdefault(listing_term(name), set()).add(subject_node(slug))
    return {term: frozenset(nodes) for term, nodes in terms.items() if term}


def listing_term(name: str) -> str:
    """A taxonomy's term as both the url of its listing page and the pages' fields name it: in lower case,
    its letters and digits only (Hugo's ``urlize`` and Jekyll's ``slugify`` make ``Machine Learning``
    ``machine-learning``, and ``C++`` ``c++`` or ``c``).

    >>> listing_term("Machine Learning"), listing_term("machine-learning"), listing_term("C%2B%2B")
    ('machinelearning', 'machinelearning', 'c')
    """
    return re.sub(r"[\W_]+", "", unquote(name).casefold())


class ArticleIndex(Generic[A]):
    """Every way a link can name an article of the corpus, built once.

    ``content_dir`` is stripped from file paths (a Hugo site's ``content/``), ``bundles``
    makes an ``index.md`` stand for its folder (without it, a link to a folder still reaches
    the folder's ``index.md`` or ``README.md`` when no page has that path), ``site_url`` is the corpus's own site,
    whose absolute links count as internal, as do those to ``site_hosts``, other hosts serving it; with ``relative_urls`` (a Docusaurus site) a relative link that is
    no file's path (``[x](../api/client)``) is read from the linking page's url, as a browser reads it
    (:meth:`url_relative`), and with ``urls_first`` (a Jekyll site, which rewrites no link; MkDocs and Docusaurus,
    which rewrite only links to Markdown files) from there only, not from the linking file's folder; ``alias_fields`` are front-matter fields
    (kept in :attr:`Article.extra`) holding other names or old urls of an article, which links reach it by
    but without ``alias_targets`` (an Obsidian vault: :meth:`find` still does); without
    ``label_targets`` (an Obsidian vault) a wiki-link's label is never read as its target; with ``path_ends``
    (an Obsidian vault) a Markdown link's path that names no file reaches the article whose path ends with it,
    as a wiki-link's does; with ``related_by`` (``FieldMap.related_by``) a front-matter name is the value of
    a field of the page it leads to, among those agreeing with the linking page on the other fields; without
    ``post_tails`` (a Hugo site, which publishes each page at the one url it knows) a url's dated tail
    (``/blog/2017/01/10/x/``, an older site's url) reaches no post by its file's name (``2017-01-10-x.md``):
    only a url or alias of the page does; with ``language_links`` (a multilingual Hugo site rendered by
    its embedded link render hook) a Markdown link's site path from a page of another language than the
    default reaches that language's page at the path first, as a ``ref`` does; ``source_folders`` are the
    content folders of a Docusaurus site's plugins (``docs/``, ``versioned_docs/version-1/``, ``blog/``),
    from which a Markdown link to a file of its own folder's pages (``/guide/basics.md``; ``faq.md`` after
    the linking file's folder) is read, as Docusaurus reads it (:meth:`_from_source_folder`); with
    ``zettel_ids`` (a Zettelkasten kept in Zettlr or The Archive) a wiki-link that names no note by its
    name may name one by the id its file name holds (:func:`zettel_ids_of`). It reads
    only what :class:`Named` has: a patched build makes one from its database's rows.

    >>> from qagraph.model import Article
    >>> def art(path): return Article(path[:-3], path, "t", "t", "", "s", "s", (), (), ())
    >>> index = ArticleIndex([art("a/Graph.md"), art("b/c/Graph.md"), art("b/Tree.md")])
    >>> index.resolve("graph", "wiki-link", "b/Tree.md").path, index.resolve("../Tree.md", "markdown-link", "b/c/Graph.md").path
    ('a/Graph.md', 'b/Tree.md')
    """

    def __init__(self, articles: Sequence[A], *, content_dir: str = "", bundles: bool = False,
                 site_url: str | None = None, alias_fields: Sequence[str] = (), languages: Collection[str] = (),
                 default_language: str = "", relative_urls: bool = False, label_targets: bool = True,
                 alias_targets: bool = True, site_hosts: Sequence[str] = (), path_ends: bool = False,
                 urls_first: bool = False, related_by: Sequence[str] = (),
                 post_tails: bool = True, language_links: bool = False,
                 command_fallbacks: Sequence[str] = (), source_folders: Sequence[str] = (),
                 url_prefixes: str = "", listing_urls: str = "", site_folder: str = "",
                 localized: Sequence[str] = (), literal_absolute_links: bool = False,
                 relative_file_links: bool = False, zettel_ids: bool = False, listing_terms: str = "",
                 terms: Mapping[str, Collection[str]] | None = None) -> None:
        self.content_dir = content_dir
        #: a note goes by the id its file name holds too (``FieldMap.zettel_ids``)
        self.zettel_ids = zettel_ids
        #: with ``zettel_ids``: the notes by the ids their file names hold, shortest path first
        self.by_zettel_id: dict[str, list[A]] = {}
        #: a Markdown link from ``/`` to a page's file is left as written: no page (``FieldMap.literal_absolute_links``)
        self.literal_absolute_links = literal_absolute_links
        #: a relative Markdown link to a file is read from the linking file's folder only (``FieldMap.relative_file_links``)
        self.relative_file_links = relative_file_links
        #: the languages whose pages are under their own folder, the default's standing in for a missing one
        #: (jekyll-polyglot's: ``FieldMap.language_field``)
        self.localized = frozenset(fold(x) for x in localized)
        #: the folder of a Docusaurus site's config (``website/``): a link to a file is read from there too
        self.site_folder = site_folder.strip("/") + "/" if site_folder.strip("/") else ""
        #: the site paths of listing pages a plugin makes (``FieldMap.listing_urls``): a link there names no stub
        self.listing_urls = re.compile(rf"^(?:{listing_urls})/?$") if listing_urls else None
        #: those of them that list one term's pages (``FieldMap.listing_terms``), and the terms the corpus's
        #: pages have, each with its subject and keyword nodes (``terms``, else :func:`listing_terms_of` its articles)
        self.listing_terms = re.compile(rf"^(?:{listing_terms})/?$") if listing_terms else None
        self.terms = (terms if terms is not None else listing_terms_of(articles)) if listing_terms else {}
        #: what a site path may start with and still name the same page (``FieldMap.url_prefixes``)
        self.url_prefixes = re.compile(rf"^(?:{url_prefixes})+(?=[/#?]|$)") if url_prefixes else None
        #: the platform folders a command page's mentions are looked for in after its own (:meth:`_command`)
        self.command_fallbacks = tuple(command_fallbacks)
        #: longest first, each with its closing ``/``: the folder a page is in is the first it starts with
        self.source_folders = tuple(sorted({f.strip("/") + "/" for f in source_folders if f.strip("/")},
                                           key=lambda f: (-len(f), f)))
        #: the plugin instance of each of those folders (:func:`_plugin_instances`)
        self.plugins = _plugin_instances(source_folders)
        self.urls_first = urls_first
        self.related_by = tuple(related_by)
        #: with ``related_by``: the articles by the values of those fields (:func:`_field_values`), path first
        self.by_related: dict[tuple[str | None, ...], list[A]] = {}
        self._by_file: dict[str, A] = {}
        self.path_ends = path_ends
        self.post_tails = post_tails
        self.label_targets = label_targets
        self.language_links = language_links
        self.alias_targets = alias_targets
        self.bundles = bundles
        self.languages, self.default_language = tuple(languages), default_language
        self.site = _site(site_url, site_hosts)
        self.relative_urls = relative_urls
        self.alias_fields = tuple(alias_fields)
        self.by_key: dict[str, A] = {}
        self.by_path: dict[str, A] = {}
        #: the articles whose page paths fold alike (``note``, ``Note``; ``café`` in NFC and NFD) by their
        #: folded and then their spelled page path: a link that spells one names it (:meth:`at_path`)
        self.twins: dict[str, dict[str, A]] = {}
        self.by_url: dict[str, A] = {}
        self.by_name: dict[str, list[A]] = {}
        self.by_alias: dict[str, list[A]] = {}
        self.by_post: dict[tuple[str, str, str, str], A] = {}
        #: a folder's own page (:data:`FOLDER_PAGES`) by the folder's folded page path (the root's: ``""``)
        self.by_folder: dict[str, A] = {}
        self._folders: dict[str, str] = {}
        ranks: dict[str, tuple[int, str]] = {}  # folder -> the rank and path of its page so far
        for a in articles:
            self.by_key.setdefault(a.key, a)
            page = self._page(a.path)
            held = self.by_path.get(fold(page))
            if held is None or _spaced(self._page(held.path)) and not _spaced(page):
                self.by_path[fold(page)] = a  # Ann.md over Ann .md, which folds alike: a link names the first
            if held is not None:
                self.twins.setdefault(fold(page), {self._page(held.path): held}).setdefault(page, a)
            if a.url and _norm(a.url) != fold(page):  # a url that is its page path (Hugo's own) is found by path
                self.by_url.setdefault(_norm(a.url), a)
            stem = self._stem(a.path)
            name = fold(stem)
            self.by_name.setdefault(name, []).append(a)
            for zid in zettel_ids_of(stem) if zettel_ids else ():
                self.by_zettel_id.setdefault(zid, []).append(a)
            rank_of = self._folder_page_rank(a.path, name)
            if rank_of is not None:
                folder = self._folder_of(a.path)
                rank = (rank_of, a.path)
                if folder not in ranks or rank < ranks[folder]:
                    ranks[folder] = rank
                    self.by_folder[folder] = a
            if bundles and stem in ("index", "_index") and page:
                self.by_name.setdefault(fold(page.rpartition("/")[2]), []).append(a)
            post = POST_FILE.match(stem)
            if post:  # found by a url's tail, /2019/03/05/x/: its month and day of two digits
                year, month, day, slug = post.groups()
                self.by_post.setdefault((year, month.zfill(2), day.zfill(2), fold(slug)), a)
            for alias in aliases(a, alias_fields) if alias_fields else ():
                if alias.startswith("/"):
                    self.by_url.setdefault(_norm(alias), a)
                else:
                    named = self.by_alias.setdefault(fold(alias), [])
                    if not named or named[-1] is not a:  # two of its names alike (a slug and a title): once
                        named.append(a)
                    if bundles and a.url and "://" not in alias:  # Hugo publishes it beside the page's url
                        self.by_url.setdefault(_norm(relative_alias_url(a.url, alias)), a)
            slug = a.extra.get("slug")
            if bundles and isinstance(slug, str) and slug.strip():
                folder = page.rpartition("/")[0]
                self.by_url.setdefault(_norm(f"{folder}/{slug}"), a)
        for a in articles if self.related_by else ():
            self._by_file[a.path] = a
            values = _field_values(a, self.related_by)
            if values is not None:
                self.by_related.setdefault(values, []).append(a)
        for group in self.by_related.values():
            group.sort(key=lambda a: a.path)  # Liquid's first of a collection's documents, by their paths
        order = _shortest_spelled if path_ends else _shortest  # an Obsidian vault's: the shortest path string
        for group in self.by_name.values():
            if len(group) > 1:  # most names are one note's (36k names of 36k notes: no key made for them)
                group.sort(key=lambda a: (_spaced(self._stem(a.path)), *order(a)))
        for group in (*self.by_alias.values(), *self.by_zettel_id.values()):
            group.sort(key=_shortest)
        #: the aliases links reach articles by (none without ``alias_targets``)
        self._link_alias: dict[str, list[A]] = self.by_alias if alias_targets else {}
        self._by_loose_name: dict[str, list[A]] | None = None  # made on the first wiki-link that needs it
        self._children: dict[str, list[tuple[str, A | None]]] | None = None  # made on the first children link (:meth:`children`)
        self._articles = articles
        self._by_folder_name: dict[str, list[A]] | None = None  # likewise

    def _folder_page_rank(self, path: str, name: str) -> int | None:
        """Where the file ``path`` (folded name without suffix ``name``) ranks among its folder's own
        pages (lower first), or ``None`` when it is none: :data:`FOLDER_PAGES` in their order, then a note
        named like its folder (``Topic/Topic.md``: Obsidian's folder notes, Docusaurus's category page),
        but in a Hugo site, where that is a page of its own."""
        if name in FOLDER_PAGES:
            return FOLDER_PAGES.index(name)
        if self.bundles or fold(path.rpartition("/")[0].rpartition("/")[2]) != name:
            return None
        folder = self._folder_of(path)
        return len(FOLDER_PAGES) if folder and folder.rpartition("/")[2] == name else None

    def last_names(self, target: str) -> set[str] | None:
        """The folded last names an article must go by (:meth:`names`) for a link to
        ``target`` to lead to it, from any file; ``None`` when any article may (``..``,
        ``./``, a site's root). Every look-up of :meth:`resolve` ends in such a name.

        >>> index = ArticleIndex([])
        >>> sorted(index.last_names("../People/Alice.md#Bio")), index.last_names("../"), index.last_names("https://x.org/a")
        (['alice'], None, set())
        """
        if _MYST_LABEL.match(target):  # a MyST target's label: the page's alias (by its last part too, as names has it)
            return {fold(target[1:])} | (_last_names(target[1:]) or set())
        path = self.internal_path(target)
        if path is None:
            return set()
        path = path.split("#", 1)[0]
        found = _last_names(path.split("?", 1)[0])
        if found is None or "?" not in path:
            return found
        more = _last_names(path)  # a wiki-link's, whose ? is the name's (_link_path)
        return None if more is None else found | more

    def identity(self, a: Named) -> tuple[Any, ...]:
        """All that the index reads of ``a``: while it stays, no link leads elsewhere.

        >>> from qagraph.model import Article
        >>> a = Article("a", "a.md", "t", "t", "", "s", "s", (), (), (), extra={"aliases": ["A", "x"]})
        >>> ArticleIndex([], alias_fields=("aliases",)).identity(a)
        ('a', 'a.md', None, (('A', 'x'),), None, None)
        """
        return (a.key, a.path, a.url, tuple(tuple(aliases(a, (f,))) for f in self.alias_fields),
                a.extra.get("slug") if self.bundles else None, _hidden(a) if self.bundles else None)

    def names(self, a: Named) -> set[str]:
        """The folded last names ``a`` is found by: its file name (also with spaces for its hyphens),
        page path, key, url, aliases and slug, and its folder's name when it is the folder's own page
        (see :meth:`last_names`)."""
        stem = self._stem(a.path)
        name = fold(stem)
        page = self._page(a.path)
        post = POST_FILE.match(stem)
        found = {name, *([fold(post.group(4))] if post else []), *(zettel_ids_of(stem) if self.zettel_ids else ())}
        if self.bundles and stem in ("index", "_index"):
            found.add(fold(page.rpartition("/")[2]))
        found |= {_loose(n) for n in found if "-" in n}  # a wiki-link may name it with spaces for its hyphens
        folder = self._folder_of(a.path) if name in FOLDER_PAGES else ""
        if folder:  # a link to the root's folder may reach any article: it goes by no name
            found.add(folder.rpartition("/")[2])
        if name in FOLDER_PAGES:  # a link to its folder's index.md leads to its README.md when that is the page
            found.update(FOLDER_PAGES)
        forms = [page, a.key, a.url or ""]
        forms += aliases(a, self.alias_fields)
        slug = a.extra.get("slug")
        if isinstance(slug, str):
            forms.append(slug)
        for form in set(forms):  # a page path is often the key too
            found |= _last_names(form) or set()
        return found

    def name_rows(self, a: Named, node: str, links: Iterable[Linked]) -> list[tuple[str, str, str]]:
        """The rows of a build database's ``names`` table for ``a`` (node ``node``) and its
        ``links``: ``(name, node, "is")`` for each of its :meth:`names`, ``(name, node, "links")``
        for each last name its links may lead to, by their target or a wiki-link's label (``""``:
        any; a wiki-link's name with its hyphens read as spaces too). A patched build reads them to find who can link to an article, and which articles
        a set of links can reach, without the whole corpus."""
        rows = [(name, node, "is") for name in sorted(self.names(a))]
        reached: set[str] = set()
        for link in links:
            if link.target is None:
                continue
            if link.origin == CHILDREN:  # the pages below this one: any article may be one
                reached.add("")
                continue
            for target in (link.target, _swapped(link.origin, link.title)):
                if target is not None:
                    last = self.last_names(target)
                    if last is None:
                        reached.add("")
                    else:
                        reached |= last
                        if link.origin in (WIKI_LINK, EMBED):  # a name found with its hyphens for spaces
                            reached |= {_loose(name) for name in last if "-" in name}
        return rows + [(name, node, "links") for name in sorted(reached)]

    def internal_path(self, target: str) -> str | None:
        """``target`` as a path inside the corpus, or ``None`` when it points to another site. A site
        published below a path (``https://example.org/blog/``) has its pages' urls below it: a link
        ``/blog/about/`` leads to its page ``/about/``, as a browser follows it.

        >>> index = ArticleIndex([], site_url="https://example.org/blog/")
        >>> index.internal_path("/blog/about/#team"), index.internal_path("/blog"), index.internal_path("/about/")
        ('/about/#team', '/', '/about/')
        """
        if "://" in target:
            path = _site_path(target, self.site)
            return self._unprefixed(path) if path is not None else None
        if self.site is not None and self.site[1] != "/" and target.startswith("/") and \
                (target.split("#", 1)[0].split("?", 1)[0] + "/").startswith(self.site[1]):
            return self._unprefixed("/" + target[len(self.site[1]) - 1:].lstrip("/"))
        return self._unprefixed(target)

    def _unprefixed(self, path: str) -> str:
        """``path`` without the :attr:`url_prefixes` it starts with (``/en/enterprise-cloud@latest/admin``:
        ``/admin``), which name no other page.

        >>> index = ArticleIndex([], url_prefixes=r"/en|/enterprise-cloud@[^/#?]+")
        >>> index.internal_path("/en/enterprise-cloud@latest/admin#x"), index.internal_path("/en"), index.internal_path("/encore")
        ('/admin#x', '/', '/encore')
        """
        if self.url_prefixes is None or not path.startswith("/"):
            return path
        rest = self.url_prefixes.sub("", path, count=1)
        return rest if rest.startswith("/") else "/" + rest

    def read_as(self, origin: str) -> str:
        """The origin a link of ``origin`` is read as: in an Obsidian vault (``path_ends``) a ``[[link]]`` of a
        property (:data:`FRONT_MATTER`) as a wiki-link, which Obsidian resolves a property's link as (its
        metadata cache's ``frontmatterLinks`` go by the text's rules: ``[[Dup]]`` is the root's ``Dup.md``
        before the one beside the note, ``[[What?]]`` and ``[[Vue.js]]`` are notes' names); else ``origin``.

        >>> ArticleIndex([], path_ends=True).read_as(FRONT_MATTER), ArticleIndex([]).read_as(FRONT_MATTER)
        ('wiki-link', 'front-matter')
        """
        return WIKI_LINK if origin == FRONT_MATTER and self.path_ends else origin

    def resolve(self, target: str, origin: str, source_path: str, label: str | None = None,
                source_url: str | None = None) -> A | None:
        """The article ``target`` names, from the file ``source_path`` (published at ``source_url``);
        ``None`` when none does.

        A wiki-link ``[[target|label]]`` whose target names no article leads where its ``label``
        does: GitHub wikis and Dendron write ``[[label|target]]`` (Obsidian's order comes first;
        in an index without ``label_targets``, an Obsidian vault's, the only one).

        Order: a site-absolute target (``/x/y``) by url then page path; a relative one (with ``urls_first``, a
        link that is no file's path) only by the url a browser goes to from the linking page's
        (:meth:`url_relative`: a Jekyll page ``_articles/de/a.md`` at ``/de/a/`` reaches ``/de/b/`` by ``../b/``,
        and no page when ``/de/b/`` is none), else from the linking file's folder (in a Hugo site, a Markdown link to a url, ``../``, from the
        linking page's url first, as a browser reads it), then from the corpus root (not with
        ``relative_file_links``: a Markdown link or front-matter path, MkDocs's, is read from the file's folder
        only, and names nothing else when that has no page), then (``relative_urls``)
        by url from the linking page's; then as a folder, by
        its own page (:data:`FOLDER_PAGES`, then a note named like the folder), in the same order; a
        Jekyll ``yyyy/mm/dd/slug`` url by post; then, for a target without a folder (but a Markdown link
        that starts with ``/`` in a Hugo site, a url), or any
        wiki-link, ref or front-matter name, or with ``path_ends`` a Markdown link, by file name (a
        path, by its end) and then alias; a wiki-link without
        a folder then by a file name with hyphens for its spaces (``Getting-Started.md``), and last
        by a folder's name, as its own page. Of several articles going by one name the shortest
        path wins; a ref that names several leads to none, as Hugo refuses it (:meth:`ambiguous_ref`).
        """
        if origin == COMMAND:
            return self._command(target, source_path)
        if origin == CHILDREN:  # several pages, or none: :meth:`children`
            return None
        origin = self.read_as(origin)
        if _MYST_LABEL.match(target):  # MyST's [text](#label): the page that defines the target, by its alias
            return self._pick(self.by_alias.get(fold(target[1:]), []), source_path) if self.alias_fields else None
        swapped = _swapped(origin, label) if self.label_targets else None
        if swapped is not None:
            return self.resolve(target, origin, source_path, None, source_url) or \
                self.resolve(swapped, origin, source_path, None, source_url)
        if origin in (WIKI_LINK, EMBED) and "/" not in target and "://" not in target:
            return self._by_name(target, source_path)
        if origin == FRONT_MATTER and self.related_by:
            return self._related(target, source_path)
        path = self.internal_path(target)
        if path is None:
            return None
        path = _link_path(path, origin).strip()
        if not path:
            return None
        if self.literal_absolute_links and origin == MARKDOWN_LINK and path.startswith("/") and \
                _page_file(path.split("#", 1)[0].split("?", 1)[0]):
            return None  # MkDocs leaves /guide/install.md as it is: the server has no such file
        if self.source_folders and origin == MARKDOWN_LINK:
            hit = self._from_source_folder(path, source_path)
            if hit is not None or self._other_plugin(path, source_path):
                return hit
        if path.startswith("/") and self.localized:
            hit = self._localized(path, source_url)
            if hit is not None:
                return hit
        if path.startswith("/"):
            key = _norm(path)
            hit = self._in_language(key, source_path) if origin == REF or (
                origin == MARKDOWN_LINK and self.language_links) else None
            hit = hit or self._index_file(path) or self.by_url.get(key) or self.at_path(key, path) or \
                self.by_key.get(path.rstrip("/") or "/") or self.by_folder.get(key)
            if hit is not None:
                return hit
        else:
            keys = []
            relative = self._relative(path, source_path)
            if self.bundles and origin == MARKDOWN_LINK and _strip_suffix(path) == path:
                relative.reverse()  # a link to a url (no file's name), from a Hugo page's url, a folder, first
            url = self.url_relative(path, origin, source_url)
            if url is not None and self.urls_first:  # a url (no file's name) leads where the browser goes from
                # the page's url, and only there: /de/a/ of _articles/de/a.md reaches /de/b/ by ../b/, or no page
                key = _norm(url)
                hit = self.by_url.get(key) or self.by_path.get(key) or self.by_folder.get(key)
                language, _, rest = key.partition("/")
                if hit is None and rest and language in {fold(x) for x in self.languages if x != self.default_language}:
                    # a language's url without a page of its own: the default language's, which the site publishes
                    # there in its place (mkdocs-static-i18n's fallback_to_default, jekyll-polyglot's)
                    hit = self.by_url.get(rest) or self.by_path.get(rest) or self.by_folder.get(rest)
                return hit
            # MkDocs reads a link to a file from the linking file's folder, and nowhere else
            own_folder = self.relative_file_links and (origin == MARKDOWN_LINK or origin == FRONT_MATTER and path.startswith(
                ("./", "../")))  # a blog post's links; a related list's names (related: [install]) are looked for by name
            if own_folder and self.languages:  # a translation's link to a page it has not: the default language's,
                # which mkdocs-static-i18n links in its place (fallback_to_default)
                relative += [rest for first, _, rest in (r.partition("/") for r in relative)
                             if rest and first in self.languages and first != self.default_language]
            for candidate in relative if own_folder else (*relative, path):
                if candidate.startswith(".."):
                    continue
                key = _norm(candidate)
                key = "" if key == "." else key  # the root folder (./ at the root, ../ a folder down): its index page
                hit = self._index_file(candidate) or self.at_path(key, candidate) or self.by_url.get(key)
                if hit is not None:
                    return hit
                keys.append(key)
            hit = self.by_url.get(_norm(url)) or self.by_path.get(_norm(url)) if url is not None else None
            if hit is None:
                hit = self.by_key.get(path)
            if hit is None:  # a folder, by its own page: after every page, a folder being none
                hit = next((self.by_folder[key] for key in keys if key in self.by_folder), None)
            if hit is not None or own_folder:
                return hit
        post = _POST_TAIL.search(_strip_suffix(path.rstrip("/"))) if self.post_tails else None
        if post:
            hit = self.by_post.get((post.group(1), post.group(2), post.group(3), fold(post.group(4))))
            if hit is not None:
                return hit
        if origin in (MARKDOWN_LINK, REF) and _LABELS_FIELD in self.alias_fields and "/" in path.strip("/"):
            # MyST reads a target that names no page as a (label)= target's, which may hold slashes:
            # {ref}`syntax/referencing`, [text](syntax/referencing)
            labelled = self._link_alias.get(fold(path.strip()))
            if labelled:
                return self._pick(labelled, source_path)
        if origin == MARKDOWN_LINK and ("/" in path.strip("/") or self.bundles and path.startswith("/")) and \
                not self.path_ends:
            return None  # an explicit path (in a Hugo site, a site's url: /getting-started/) that names nothing: no guess by name
        name = _norm(path)
        folder, _, last = name.rpartition("/")
        if origin == MARKDOWN_LINK and not self.path_ends or not folder:
            named = self._choices(self.by_name.get(last) or self._link_alias.get(name) or [], source_path)
            if origin == REF and len(named) > 1:
                return None
            return named[0] if named else None
        # a name with a folder ([[People/Alice]], ref "where" in another section): match the path's end
        for a in self.by_name.get(last, []):
            if fold(self._page(a.path)).endswith("/" + name) or fold(
                    _strip_suffix(a.path)).endswith(name):
                return a
        if origin == REF:  # Jekyll's {% post_url Tech/2021-01-05-x %}: the post of Tech/_posts/; else, as Jekyll falls
            # back (warning that it is deprecated), the one post of that date and slug in any folder
            posts = [a for a in self.by_name.get(last, []) if "_posts/" in f"/{a.path}"]
            hit = next((a for a in posts if fold("/" + _strip_suffix(a.path)).endswith(f"/{folder}/_posts/{last}")), None)
            if hit is not None or len(posts) == 1:
                return hit or posts[0]
        if origin in (WIKI_LINK, EMBED):  # a name with a slash of its own: a Logseq namespace's page, an alias
            # (its name as written: a ? is part of it, [[Article/Why Always Paulis?]])
            spelled = fold(_strip_suffix(path.strip().strip("/")))
            return self._pick(self._link_alias.get(spelled) or self._link_alias.get(name, []), source_path)
        return None

    def _command_places(self, target: str, source_path: str) -> list[str]:
        """Where the page of the command a command page ``source_path`` mentions (:data:`COMMAND`) may be,
        first first: in the page's own platform folder, then in :attr:`command_fallbacks` beside it (or
        in the platform the mention names, ``common/cat``); from a translation (``pages.de/linux/``), in
        each platform its own language's page and then the English one (``pages/linux/``), as tldr's
        clients look a page up (the platform first: a Linux page in English before a common one in German).
        The command's words are its file's name (``git checkout``: ``git-checkout``).

        >>> ArticleIndex([], command_fallbacks=("common",))._command_places("Git Checkout", "pages.de/linux/x.md")
        ['pages.de/linux/git-checkout', 'pages/linux/git-checkout', 'pages.de/common/git-checkout', 'pages/common/git-checkout']
        >>> ArticleIndex([])._command_places("common/cat", "windows/cat.md")
        ['common/cat']
        """
        platform, _, name = target.rpartition("/")
        stem = "-".join(name.split()).lower()
        folder = posixpath.dirname(source_path.removeprefix(self.content_dir))
        root, _, own = folder.rpartition("/")
        roots = [root]
        translated = translation_folder(root) if root and "/" not in root else None
        if translated is not None:
            roots.append(translated[0])
        platforms = [platform] if platform else list(dict.fromkeys((own, *self.command_fallbacks)))
        return [posixpath.join(r, p, stem) for p in platforms for r in roots]

    def _command(self, target: str, source_path: str) -> A | None:
        """The page of the command a command page mentions (:meth:`_command_places`), else, for a mention
        that names no platform, the command's page in another platform folder (the first by path, in the
        page's own language first), as tldr's clients search the other platforms for a page that is
        neither in the host's platform nor in ``common/`` (``unzip``, from ``common/zip.md``, is
        ``linux/unzip.md``); or ``None``."""
        places = self._command_places(target, source_path)
        for place in places:
            hit = self.at_path(_norm(place, keep_index=True), place)
            if hit is not None:
                return hit
        if "/" in target or not places:
            return None
        stem = fold(posixpath.basename(places[0]))
        roots = list(dict.fromkeys(fold(posixpath.dirname(posixpath.dirname(place))) for place in places))
        pages = {a.path: fold(self._page(a.path)) for a in self.by_name.get(stem, [])}
        for root in roots:
            found = sorted((a for a in self.by_name.get(stem, []) if posixpath.basename(pages[a.path]) == stem
                            and posixpath.dirname(posixpath.dirname(pages[a.path])) == root), key=lambda a: a.path)
            if found:
                return found[0]
        return None

    def at_path(self, key: str, spelled: str) -> A | None:
        """The article at the folded page path ``key`` (:func:`_norm`) for a link that spells it ``spelled``:
        of articles whose paths differ only in case or Unicode form (``note.md``, ``Note.md``), the one
        spelled as the link is, else the first (:attr:`by_path`).

        >>> from qagraph.model import Article
        >>> def art(path): return Article(path[:-3], path, "t", "t", "", "s", "s", (), (), ())
        >>> index = ArticleIndex([art("a/NOTE.md"), art("a/Note.md"), art("a/note.md")])
        >>> [index.at_path("a/note", spelled).path for spelled in ("a/Note.md", "a/note", "a/nOte.md")]
        ['a/Note.md', 'a/note.md', 'a/NOTE.md']
        """
        hit = self.by_path.get(key)
        if hit is not None and key in self.twins:
            return self.twins[key].get(_norm(spelled, folded=False), hit)
        return hit

    def url_relative(self, path: str, origin: str, source_url: str | None) -> str | None:
        """The site url a relative markdown link to ``path`` leads to from the page at ``source_url``, as a
        browser reads it, when this index reads links so (``relative_urls``) and ``path`` is no file's path
        (it has no page suffix); else ``None``. A page's url that ends without ``/`` is a file's, whose folder the
        link is read from.

        >>> index = ArticleIndex([], relative_urls=True)
        >>> index.url_relative("../api/client", MARKDOWN_LINK, "/docs/guides/start")
        '/docs/api/client'
        >>> index.url_relative("b", MARKDOWN_LINK, "/docs/a/"), index.url_relative("b", MARKDOWN_LINK, "/docs/a")
        ('/docs/a/b', '/docs/b')
        >>> index.url_relative("./b.md", MARKDOWN_LINK, "/docs/a"), index.url_relative("b", WIKI_LINK, "/docs/a")
        (None, None)
        """
        if not self.relative_urls or origin != MARKDOWN_LINK or not source_url or not source_url.startswith("/") or \
                path.startswith("/") or _strip_suffix(path) != path:
            return None
        return posixpath.normpath(posixpath.join(source_url.rpartition("/")[0] or "/", path))

    def _related(self, name: str, source_path: str) -> A | None:
        """The article a front-matter name leads to by ``related_by``: the first (by path) whose first
        field is ``name`` and whose other fields are those of the linking file ``source_path``'s article;
        ``None`` when none is, as Liquid's ``where`` then finds nothing (a field the linking page has not
        matches the pages without it, as ``where`` compares nil to nil).

        >>> from qagraph.model import Article
        >>> def art(path, **extra): return Article(path[:-3], path, "t", "t", "", "s", "s", (), (), (), extra=extra)
        >>> index = ArticleIndex([art("a/coc.md", kind="coc", lang="en"), art("a/de/coc.md", kind="coc", lang="de"),
        ...                       art("a/de/x.md", kind="x", lang="de")], related_by=("kind", "lang"))
        >>> index.resolve("coc", FRONT_MATTER, "a/de/x.md").path, index.resolve("x", FRONT_MATTER, "a/coc.md")
        ('a/de/coc.md', None)
        >>> index = ArticleIndex([art("a.md", kind="a"), art("b.md", kind="b"), art("c.md", kind="c", lang="en")],
        ...                      related_by=("kind", "lang"))
        >>> index.resolve("b", FRONT_MATTER, "a.md").path, index.resolve("c", FRONT_MATTER, "a.md")
        ('b.md', None)
        """
        source = self._by_file.get(source_path)
        same = _field_values(source, self.related_by[1:]) if source is not None else None
        found = self.by_related.get((name.strip(), *same)) if same is not None else None
        return found[0] if found else None

    def _localized(self, path: str, source_url: str | None) -> A | None:
        """The page a site path names in a site whose other languages' pages are under their folders
        (:attr:`localized`, jekyll-polyglot's): from a page in one of them, its language's page first (the
        plugin relativizes ``/about/`` to ``/es/about/``); a path in a language's folder without a page of its
        own (``/es/seo/``) is the default language's page, which the plugin publishes there in its place.

        >>> from qagraph.model import Article
        >>> def art(url): return Article(url, url, "t", "t", "", "s", "s", (), (), (), url=url)
        >>> index = ArticleIndex([art("/about/"), art("/es/about/"), art("/seo/")], localized=("es",))
        >>> [index.resolve(p, MARKDOWN_LINK, "x.md", None, "/es/x/").url for p in ("/about/", "/seo/", "/es/seo/")]
        ['/es/about/', '/seo/', '/seo/']
        """
        key = _norm(path)
        first, _, rest = key.partition("/")
        if first in self.localized:
            return None if key in self.by_url else self.by_url.get(rest)
        here = _norm(source_url or "").partition("/")[0]
        return self.by_url.get(_norm(f"/{here}{path}")) if here in self.localized else None

    def _from_source_folder(self, path: str, source_path: str) -> A | None:
        """The page a Markdown link to a file (``/guide/basics.md``, ``faq.md#top``: a page suffix, and no
        ``./`` nor ``../``) names, as Docusaurus (3.9 on: facebook/docusaurus#11397) reads it: one without a
        folder of its own (``faq.md``, ``guide/basics.md``) from the linking file's folder first, then (one from
        ``/`` first) from the content folder of the linking file's plugin (:attr:`source_folders`: ``docs/``, a
        version's ``versioned_docs/version-1/``, ``blog/``), then from the site's folder; one from ``@site/``
        from the site's folder only. ``None`` for any other link, or a file outside those folders.

        >>> from qagraph.model import Article
        >>> def art(path): return Article(path[:-3], path, "t", "t", "", "s", "s", (), (), ())
        >>> index = ArticleIndex([art("docs/a/b.md"), art("old/a/b.md"), art("docs/c.md"), art("docs/a/c.md")],
        ...                      source_folders=("docs", "old"))
        >>> index.resolve("/a/b.md#x", MARKDOWN_LINK, "old/c.md").path, index.resolve("a/b.md", MARKDOWN_LINK, "docs/c.md").path
        ('old/a/b.md', 'docs/a/b.md')
        >>> index.resolve("c.md", MARKDOWN_LINK, "docs/a/b.md").path, index.resolve("/c.md", MARKDOWN_LINK, "docs/a/b.md").path
        ('docs/a/c.md', 'docs/c.md')
        >>> index.resolve("./a/b.md", MARKDOWN_LINK, "old/x/c.md") is None  # ./ and ../: from the file's folder only
        True
        """
        candidate = self._source_file(path, source_path)
        if candidate is None:
            return None
        file = path.split("#", 1)[0].split("?", 1)[0]
        found = []
        if not file.startswith(("/", "@site/")):
            found.append(posixpath.normpath(posixpath.join(posixpath.dirname(source_path), file)))
        if not file.startswith("@site/"):
            found.append(candidate)
        inside = posixpath.normpath(file.removeprefix("@site").lstrip("/"))
        if not inside.startswith(".."):  # the site's folder, where its config is
            found.append(self.site_folder + inside)
        for place in found:
            if place.startswith("..") or self._other_plugin(place, source_path, linked=False):
                continue  # another plugin's file: Docusaurus reads a link only from its own plugin's files
            page = place.removeprefix(self.content_dir)  # a docs-only site's pages go by their path below docs/
            hit = self._index_file(page) or self.at_path(_norm(page), page)
            if hit is not None:
                return hit
        return None

    def _other_plugin(self, path: str, source_path: str, linked: bool = True) -> bool:
        """Whether the Markdown file ``path`` (a link's, read from ``source_path``'s folder when ``linked``;
        else a path from the corpus's root) is a file of another plugin instance than the linking page's
        (the blog's from a doc, another docs plugin's): Docusaurus reads a link to a file only from the files
        of the plugin whose page links (its docs' ``sourceToPermalink``: the docs of all its versions, and
        no others; its blog's posts), and leaves any other as written, a broken link ("reference another
        Markdown file included by the same plugin", docusaurus.io/docs/markdown-features/links)."""
        own = self._plugin(source_path)
        file = path.split("#", 1)[0].split("?", 1)[0]
        if own is None or not _page_file(file):
            return False
        if linked and file.startswith(("/", "@site/")):  # the site's file, when its own plugin has none
            file = self.site_folder + posixpath.normpath(file.removeprefix("@site").lstrip("/"))
        elif linked:
            file = posixpath.normpath(posixpath.join(posixpath.dirname(source_path), file))
        return self._plugin(file) != own

    def _plugin(self, path: str) -> int | None:
        """The plugin instance (:attr:`plugins`) of the content folder ``path`` is in, if any."""
        folder = next((f for f in self.source_folders if path.startswith(f)), None)
        return None if folder is None else self.plugins[folder]

    def _source_file(self, path: str, source_path: str) -> str | None:
        """The file a Markdown link to ``path`` names in the content folder of the linking file
        ``source_path`` (:meth:`_from_source_folder`); ``None`` for a link to no Markdown file, one from
        ``./`` or ``../``, or from a file outside those folders."""
        file = path.split("#", 1)[0].split("?", 1)[0]
        if file.startswith(("./", "../")) or not _page_file(file):
            return None
        folder = next((f for f in self.source_folders if source_path.startswith(f)), None)
        inside = posixpath.normpath(file.lstrip("/"))
        return None if folder is None or inside.startswith("..") else folder + inside

    def _index_file(self, path: str) -> A | None:
        """A link to an index file itself (``docs/index.md``, ``/docs/index.md``) names it, before a
        page at its folder's path (``docs.md``); in a Hugo site an index file is its folder's page."""
        return self.by_path.get(_norm(path, keep_index=True)) if "index" in path and not self.bundles else None

    def _by_name(self, target: str, source_path: str) -> A | None:
        """A wiki-link without a folder: the note of that name beside the linking note, else
        the one with the shortest path (one named with spaces that folding drops, :func:`_spaced`,
        last), else the first with that alias (what the general
        path of :meth:`resolve` gives, without its steps), else the first whose name differs
        only by hyphens for spaces (:meth:`_loosely`), else the own page of a folder of that
        name (:meth:`_folder_pages`). In an Obsidian vault (``path_ends``) the note of that name at
        the vault's root comes before the one beside the linking note, as Obsidian takes the link for
        a path from the root first; and a name that ends in ``.md`` and names no note is the name of
        a note whose file's name ends so (``[[Edit SKILL.md]]`` is ``Edit SKILL.md.md``).

        >>> from qagraph.model import Article
        >>> def art(path): return Article(path[:-3], path, "t", "t", "", "s", "s", (), (), ())
        >>> vault = ArticleIndex([art("Note.md"), art("b/Note.md"), art("b/Edit SKILL.md.md")], path_ends=True)
        >>> vault.resolve("Note", WIKI_LINK, "b/Src.md").path, vault.resolve("Edit SKILL.md", WIKI_LINK, "Src.md").path
        ('Note.md', 'b/Edit SKILL.md.md')
        """
        spelled = target.partition("#")[0].strip()
        name = fold(_strip_suffix(spelled))
        if not name:
            return None
        folder = self._folders.get(source_path)
        if folder is None:
            folder = self._folders[source_path] = fold(posixpath.dirname(source_path.removeprefix(self.content_dir)))
        places = ((name, target), (f"{folder}/{name}", posixpath.join(posixpath.dirname(
            source_path.removeprefix(self.content_dir)), target))) if folder else ((name, target),)
        for key, path in places if self.path_ends else places[-1:]:
            hit = self.at_path(key, path)
            if hit is not None and not _spaced(self._stem(hit.path)):  # Ann .md beside it is not Ann
                return hit
        hit = self._pick(self.by_name.get(name) or self._link_alias.get(name) or [], source_path)
        if hit is None and self.path_ends and fold(spelled) != name:  # [[Edit SKILL.md]]: Edit SKILL.md.md
            hit = self._pick(self.by_name.get(fold(spelled), []), source_path)
        if hit is None and ("-" in name or " " in name):
            hit = self._pick(self._loosely(name), source_path)
        if hit is None and self.zettel_ids:  # [[202001011200]]: the note "202001011200 Atomic notes"
            hit = self._pick(self.by_zettel_id.get(name, []), source_path)
        if hit is None:
            hit = self._pick(self._folder_pages(name), source_path)
        return hit

    def _folder_pages(self, name: str) -> list[A]:
        """The own pages (:attr:`by_folder`) of the folders named ``name`` (folded), shortest path first:
        a wiki-link ``[[Topic]]`` that names no note reaches ``Topic/index.md`` or ``Topic/README.md``,
        the note of the folder as the folder-note plugins show it."""
        if self._by_folder_name is None:
            self._by_folder_name = {}
            for folder, a in self.by_folder.items():
                if folder:  # the root's page goes by no folder's name
                    self._by_folder_name.setdefault(folder.rpartition("/")[2], []).append(a)
            for group in self._by_folder_name.values():
                group.sort(key=_shortest)
        return self._by_folder_name.get(name, [])

    def _loosely(self, name: str) -> list[A]:
        """The articles whose file name is the folded ``name`` but for hyphens in place of spaces, or
        the other way round, shortest path first: a GitHub wiki's ``[[Getting Started]]`` is the
        page ``Getting-Started.md``."""
        if self._by_loose_name is None:
            self._by_loose_name = {}
            for key, group in self.by_name.items():
                if "-" in key:
                    self._by_loose_name.setdefault(_loose(key), []).extend(group)
            for group in self._by_loose_name.values():
                group.sort(key=_shortest)
        loose = _loose(name)
        found = self._by_loose_name.get(loose, [])
        if loose != name:  # [[Getting-Started]]: Getting Started.md too
            found = sorted([*found, *self.by_name.get(loose, [])], key=_shortest)
        return found

    def ambiguous_ref(self, target: str, source_path: str) -> Sequence[A]:
        """The articles a ref from ``source_path`` names when it names several by a bare name
        (``{{< ref "where" >}}`` with a ``where.md`` in two sections), which :meth:`resolve`
        leaves unresolved as Hugo does ("page reference is ambiguous"); ``[]`` for any other ref.

        >>> from qagraph.model import Article
        >>> def art(path): return Article(path[:-3], path, "t", "t", "", "s", "s", (), (), ())
        >>> index = ArticleIndex([art("a/where.md"), art("b/where.md"), art("c/first.md")])
        >>> index.resolve("where", REF, "c/first.md"), [a.path for a in index.ambiguous_ref("where", "c/first.md")]
        (None, ['a/where.md', 'b/where.md'])
        >>> index.resolve("where", REF, "b/x.md").path, index.ambiguous_ref("where", "b/x.md")  # beside it: no doubt
        ('b/where.md', [])
        """
        path = self.internal_path(target)
        if path is None:
            return []
        name = _norm(path)
        if not name or "/" in name or self.resolve(target, REF, source_path) is not None:
            return []
        named = self._choices(self.by_name.get(name) or self._link_alias.get(name) or [], source_path)
        return named if len(named) > 1 else []

    def _pick(self, candidates: Sequence[A], source_path: str) -> A | None:
        """The first of ``candidates`` (articles going by one name, shortest path first): of
        :meth:`_choices`."""
        named = self._choices(candidates, source_path)
        return named[0] if named else None

    def _choices(self, candidates: Sequence[A], source_path: str) -> Sequence[A]:
        """``candidates`` (articles going by one name, shortest path first), and in a site of several
        languages those in the language of the linking file ``source_path`` when there are any, as
        Hugo's ``ref`` looks among the pages of the linking page's language. Languages without a
        default one are vaults side by side, each published as a site of its own: a note's link
        reaches the notes of its own language's only.

        >>> from qagraph.model import Article
        >>> def art(path): return Article(path[:-3], path, "t", "t", "", "s", "s", (), (), ())
        >>> vaults = ArticleIndex([art("en/Sync/Plans.md"), art("zh/Sync/Plans.md"), art("en/Tags.md")], languages=("en", "zh"))
        >>> vaults.resolve("Plans", WIKI_LINK, "zh/Home.md").path, vaults.resolve("Tags", WIKI_LINK, "zh/Home.md")
        ('zh/Sync/Plans.md', None)
        """
        if self.languages and (len(candidates) > 1 or candidates and not self.default_language):
            language = self._language(source_path)
            own = [a for a in candidates if self._language(a.path) == language]
            return own or (candidates if self.default_language or not language else [])
        return candidates

    def _in_language(self, key: str, source_path: str) -> A | None:
        """The page at the page path ``key`` in the language of the linking file ``source_path``, in a
        site of several whose pages of that language have their own folder: Hugo's ``ref "/docs/intro"``
        on a French page leads to ``/fr/docs/intro/``."""
        language = self._language(source_path) if self.languages else ""
        if not language or language == self.default_language:
            return None
        return self.by_path.get(_norm(f"{language}/{key}"))

    def _language(self, path: str) -> str:
        """The language of the file ``path`` in a site of several: its name's, its content folder's, or the default."""
        return _without_language(_strip_suffix(path.removeprefix(self.content_dir)), self.languages)[1] or \
            self.default_language

    def children(self, source_path: str, target: str) -> list[A]:
        """The pages a Hugo section's ``children`` shortcode (a :data:`CHILDREN` link, ``target`` as
        :func:`children_target` gives it) lists on the page of the file ``source_path``, as the Learn and
        Relearn themes list them: the section's pages (its ``.Pages``: its regular pages, those of its folders
        that are no sections too, and the sections below it), and theirs down to its depth (through a top folder
        with no page of its own too, whose list Hugo makes), but those whose ``hidden`` is true (and the pages
        below them) unless it says ``showhidden``; in path order. A page that is no section (a leaf bundle, a
        single page) has none.

        >>> from qagraph.model import Article
        >>> def art(path, **extra): return Article(path, path, "t", "t", "", "s", "s", (), (), (), extra=extra)
        >>> pages = [art("c/_index.md"), art("c/a/_index.md"), art("c/a/b.md"), art("c/a/x/y.md"), art("c/a/s/_index.md"),
        ...          art("c/a/s/t.md"), art("c/a/h.md", hidden=True), art("c/top.md"), art("c/n/deep.md")]
        >>> index = ArticleIndex(pages, content_dir="c/", bundles=True)
        >>> [p.path for p in index.children("c/a/_index.md", "depth=1")]
        ['c/a/b.md', 'c/a/s/_index.md', 'c/a/x/y.md']
        >>> [p.path for p in index.children("c/_index.md", "depth=2 showhidden")]
        ['c/a/_index.md', 'c/a/b.md', 'c/a/h.md', 'c/a/s/_index.md', 'c/a/x/y.md', 'c/n/deep.md', 'c/top.md']
        """
        if self._stem(source_path) != "_index":
            return []
        if self._children is None:
            self._children = self._sections_pages()
        pages = self._children
        depth, shown = _children_parameters(target)
        found: list[A] = []
        level = [self._page(source_path)]
        for _ in range(depth):
            below = [(page, a) for above in level for page, a in pages.get(above, [])
                     if shown or a is None or not _hidden(a)]
            found += [a for _, a in below if a is not None]
            level = [page for page, a in below if a is None or self._stem(a.path) == "_index"]
        return sorted(found, key=lambda c: c.path)

    def _sections_pages(self) -> dict[str, list[tuple[str, A | None]]]:
        """The pages of each Hugo section by its page path (the home page's: ``""``, a language's home page's: the
        language), with their page paths, as :meth:`children` reads them: a page belongs to the nearest folder
        above it whose own page (``_index.md``) is a section, or to its top folder, a section with its own page
        or not (one without is the home page's, with no article: Hugo makes its list page)."""
        sections = {self._page(a.path) for a in self._articles if self._stem(a.path) == "_index"}
        found: dict[str, list[tuple[str, A | None]]] = {}
        for a in self._articles:
            page = self._page(a.path)
            parts = page.split("/") if page else []
            base = 1 if parts and parts[0] in self.languages and parts[0] != self.default_language else 0
            if len(parts) <= base:
                continue  # a home page
            parent = "/".join(parts[:base])
            for n in range(len(parts) - 1, base, -1):
                above = "/".join(parts[:n])
                if above in sections or n == base + 1:  # a top folder is a section, with its own page or not
                    parent = above
                    break
            if parent not in sections and parent not in found and "/".join(parts[:base]) != parent:
                found.setdefault("/".join(parts[:base]), []).append((parent, None))  # a top folder's list page
            found.setdefault(parent, []).append((page, a))
        return found

    def _page(self, path: str) -> str:
        """The page path of the file ``path`` (:func:`page_path` by this index's rules)."""
        return page_path(path, self.content_dir, self.bundles, self.languages, self.default_language)

    def _stem(self, path: str) -> str:
        """The name of the file ``path`` without its suffix, nor its language in a site of several."""
        stem = _strip_suffix(path.rpartition("/")[2])
        return split_language(stem, self.languages)[0] if self.languages else stem

    def _folder_of(self, path: str) -> str:
        """The folded page path of the folder of the file ``path`` (``docs/README.md``: ``docs``; at the
        root: ``""``), whose own page it is when its name is one of :data:`FOLDER_PAGES`."""
        return fold(page_path(path, self.content_dir, False, self.languages, self.default_language).rpartition("/")[0])

    def _relative(self, path: str, source_path: str) -> list[str]:
        """``path`` read from the linking file's folder, and (Hugo) from its page's url, which is a folder."""
        if self.content_dir and source_path.startswith(self.content_dir):
            source_path = source_path[len(self.content_dir):]
        # the file's folder; in a site of several languages, the folder its page is in (fr/posts)
        bases = [posixpath.dirname(page_path(source_path, "", False, self.languages, self.default_language)
                                   if self.languages else source_path)]
        if self.bundles:
            bases.append(page_path(source_path, "", True, self.languages, self.default_language))
        return [posixpath.normpath(posixpath.join(base, path)) if base else posixpath.normpath(path) for base in bases]

    def find(self, ref: str) -> A | None:
        """The article a person names by key, url, page path or file name (shortest path first).

        For error messages and look-ups: ``functions/where``, ``/functions/where/``, ``Alice``.
        """
        ref = ref.strip()
        if not ref:
            return None
        hit = self.by_key.get(ref) or self.by_key.get(ref.rstrip("/"))
        if hit is not None:
            return hit
        key = _norm(ref)
        hit = self.by_url.get(key) or self.by_path.get(key)
        if hit is not None:
            return hit
        if "/" not in key:
            candidates = self.by_name.get(key) or self.by_alias.get(key) or []
            return candidates[0] if candidates else None
        return None

    def sharing_alias(self, ref: str) -> list[A]:
        """The articles :meth:`find` chooses among when ``ref`` is only an alias, and several have it
        (``Property``: ``Property (HTML).md`` and ``Property (Philosophy).md``); else ``[]``."""
        ref = ref.strip()
        key = _norm(ref) if ref else ""
        if not key or "/" in key or self.by_key.get(ref) or self.by_key.get(ref.rstrip("/")) or \
                self.by_url.get(key) or self.by_path.get(key) or self.by_name.get(key):
            return []
        named = self.by_alias.get(key) or []
        return named if len(named) > 1 else []

    def _listed_term(self, page: str, listing: list[str] | None = None) -> bool:
        """Whether the site makes the listing page at the site path ``page`` that ``listing_urls`` matches: a
        term's (``/tags/go/``, ``listing_terms``) only when a page of the corpus has that term, as Hugo and
        jekyll-archives make one for each term their pages have and none for another. The subject or keyword
        node whose list it is goes into ``listing``: a keyword's first for a taxonomy read as keywords (a group
        ``k0``), a subject's first for one read as subjects (``s1``)."""
        found = self.listing_terms.match(page) if self.listing_terms is not None else None
        if found is None and "#" in page:  # an anchor of a page that lists no term: the page's own
            return self._listed_term(page.partition("#")[0], listing)
        if found is None:
            return True
        kind, term = next(((k, v) for k, v in found.groupdict().items() if v is not None), ("", None))
        if term is None or not listing_term(term):
            return True
        nodes = self.terms.get(listing_term(term))
        if not nodes:
            return kind.endswith("_")  # an anchor no term has: still the list's page (/tags/#nosuch)
        if listing is not None:
            first = "subject:" if kind.startswith("s") else "keyword:"
            listing.append(min(nodes, key=lambda n: (not n.startswith(first), n)))
        return True

    def listing_node(self, target: str, origin: str, source_path: str, url_identity: bool,
                     source_url: str | None = None) -> str | None:
        """The subject or keyword node whose list of pages an unresolved ``target`` leads to (jekyll-archives'
        and Hugo's ``/tags/go/``: the keyword ``go``), or ``None``."""
        listing: list[str] = []
        self._stub_key(target, origin, source_path, url_identity, source_url, listing)
        return listing[0] if listing else None

    def stub_key(self, target: str, origin: str, source_path: str, url_identity: bool,
                 source_url: str | None = None) -> str | None:
        """The key of the stub an unresolved ``target`` stands for, or ``None`` when it names no article:
        as :meth:`_stub_key` says, unless the name, decoded, shows nothing or holds a control character
        (``[[%20]]``, ``[[%00]]``, ``[x](a%0Ab.md)``: a stub named " ", NUL or a line break, which no
        file can be and no one can name)."""
        key = self._stub_key(target, origin, source_path, url_identity, source_url)
        if key is None or _CONTROL.search(key) or not fold(key):
            return None
        return key

    def _stub_key(self, target: str, origin: str, source_path: str, url_identity: bool,
                  source_url: str | None = None, listing: list[str] | None = None) -> str | None:
        """The key of the stub an unresolved ``target`` stands for, or ``None`` when it names no article
        (the node of the subject or keyword whose list of pages it leads to put in ``listing``).

        Wiki-links and bare names keep their name (in a Hugo site, a name in a front-matter list
        is read from the linking file's folder); paths become corpus-root paths
        (``functions/nothere``), or site urls (``/learn/x/questions/y``) when the
        corpus names its articles by url; a link read from the linking page's url ``source_url``
        (:meth:`url_relative`), the url it leads to: the key of the page that may come there.
        """
        if origin == COMMAND:
            return self._command_places(target, source_path)[-1]
        if origin == CHILDREN:  # lists the pages there are: names none that is not
            return None
        origin = self.read_as(origin)
        path = self.internal_path(target)
        # a wiki-link named like a file of code ([[Vue.js]]) names a note that is not there yet, as Obsidian shows it
        if path is None or not (is_article_like(path) or origin == WIKI_LINK and _named_like_code(path)):
            return None
        path = _link_path(path, origin).strip()
        if "%" in path:
            path = unquote(path)
        if origin in (WIKI_LINK, EMBED):
            return _strip_suffix(path) or None
        if origin == FRONT_MATTER and self.bundles and "/" not in path:
            # a Hugo page's list of page names (relatedfuncs: [first]) names pages beside it, where it is
            # looked for first: the stub a link to /functions/first/ stands for, not a second one
            path = self._relative(path, source_path)[0]
        path = self.url_relative(path, origin, source_url) or path
        file = self._source_file(path, source_path) if self.source_folders and origin == MARKDOWN_LINK and \
            path.startswith("/") else None
        if file is not None:  # Docusaurus's /topics/x.md: that file of the linking page's content folder
            return _strip_suffix(file)
        if path.startswith("/"):
            clean = _strip_suffix(path.rstrip("/")) or "/"
            page = self._unprefixed(re.split(r"[#?]", path, maxsplit=1)[0]).removesuffix("index.html")
            anchor = target.partition("#")[2].strip()  # a list's anchor of a term: Minimal Mistakes' /tags/#docker
            if self.listing_urls is not None and self.listing_urls.match(page) and self._listed_term(
                    f"{page}#{anchor}" if anchor else page, listing):
                return None  # a page a plugin lists posts on (jekyll-archives' /tags/x/): no one's article
            return clean if url_identity else clean.lstrip("/") or "/"
        if origin == REF and self.bundles and self.listing_urls is not None and not path.startswith(".") and \
                self.listing_urls.match(page := "/" + re.split(r"[#?]", path, maxsplit=1)[0]) and \
                self._listed_term(page, listing):
            return None  # Hugo's {{< ref "tags" >}}: the list it makes of a taxonomy (a section), found as GetPage finds it
        if origin == MARKDOWN_LINK or path.startswith(("./", "../")):
            # relative to the file; in Hugo, a link that is not to a .md file is relative to the page's url
            if self.source_folders and origin == MARKDOWN_LINK and self._other_plugin(path, source_path):
                return None  # another plugin's page, whose key a stub would take: a broken link, no page's
            relative = self._relative(path, source_path)
            path = relative[-1] if self.bundles and _strip_suffix(path) == path else relative[0]
            if path.startswith(".."):
                return None  # outside the corpus folder: not ours to name
        clean = _strip_suffix(path.rstrip("/"))
        folder, _, last = clean.rpartition("/")
        if self.bundles and last in ("index", "_index"):
            clean = folder
        return clean or None


#: the corpus's own site: its url's host, the path it is published below, and the other hosts that
#: serve it from their root (a GitHub Pages site's custom domain and its OWNER.github.io name); among
#: those, ``github.com/OWNER/NAME`` is the corpus's own repository, whose urls of its Markdown files name
#: them, and ``HOST/{topic}/{note}`` a site that publishes each note at its path without suffix, and nothing else
_Site = tuple[str, str, frozenset[str]]
#: how a GitHub url names a file of a repository: ``github.com/OWNER/NAME/blob/REF/path``
_REPOSITORY_VIEWS = ("blob", "raw", "edit")
#: a site's page of a note (``HOST/{topic}/{note}``): its topic and its name, without suffix
_NOTE_PAGE = "{topic}/{note}"
_NOTE_PAGE_PATH = lazy_compile(r"/([^/.]+)/([^/.]+)(?:\.html?|\.md)?/?")
#: a note's row on a Datasette site of notes (simonw/til's first, ``/til/til/sqlite_wal.md``): its topic and its name
_NOTE_ROW_PATH = lazy_compile(r"/(?:[^/]+/)*([^/_.]+)_([^/]+)\.md")


#: C0 and C1 controls, DEL: no name of a page holds one
_CONTROL = lazy_compile(r"[\x00-\x1f\x7f-\x9f]")


def _site(site_url: str | None, hosts: Iterable[str] = ()) -> _Site | None:
    aliases = frozenset(host.lower() for host in hosts)  # as named: a CNAME's www.example.org is not example.org
    if not site_url:
        return ("", "/", aliases) if aliases else None
    parts = urlsplit(site_url if "://" in site_url else f"https://{site_url}")
    prefix = parts.path if parts.path.endswith("/") else parts.path + "/"
    return _bare_host(parts.netloc), prefix, aliases


def _bare_host(host: str) -> str:
    """A host as a link may name it, with or without ``www.``: a site whose config says it is at
    www.example.com is at example.com too (one sends its reader to the other)."""
    host = host.lower()
    return host[4:] if host.startswith("www.") and host.count(".") > 1 else host


def _site_path(target: str, site: _Site | None) -> str | None:
    """An absolute url's path on the corpus's own ``site``, or ``None`` for another site.

    >>> site = _site("https://example.org/blog/", ["example.github.io"])
    >>> _site_path("https://example.org/blog/a/#b", site), _site_path("https://example.github.io/a/", site)
    ('/a/#b', '/a/')
    >>> _site_path("https://example.org/a/", site), _site_path("https://other.org/a/", site)
    (None, None)

    The url of a file of the corpus's own repository (a TIL collection's notes link to each other so) is
    that file's path from the corpus's root, at whatever branch or commit it names:

    >>> repo = _site(None, ["github.com/ada/til"])
    >>> _site_path("https://github.com/ada/til/blob/master/vim/undo.md#top", repo)
    '/vim/undo.md#top'
    >>> _site_path("https://raw.githubusercontent.com/Ada/TIL/main/css/grid.md", repo)
    '/css/grid.md'
    >>> _site_path("https://github.com/bo/til/blob/main/vim/undo.md", repo), _site_path("https://github.com/ada/til", repo)
    (None, None)

    A file of its code or a folder is none of its pages (``.vimrc``, ``build.py``, ``tree/main/vim``); on a
    site that publishes its notes at ``/{topic}/{note}``, nothing else is one of them (its home page, its feed):

    >>> _site_path("https://github.com/ada/til/blob/main/.vimrc", repo), _site_path("https://github.com/ada/til/tree/main/vim", repo)
    (None, None)
    >>> notes = _site(None, ["til.example.net/{topic}/{note}"])
    >>> [_site_path(f"https://til.example.net{p}", notes) for p in ("/vim/undo", "/vim/undo/#x", "/", "/til/feed.atom")]
    ['/vim/undo', '/vim/undo#x', None, None]

    A Datasette site of notes (simonw/til's first) names a note's row by its topic and its file's name:

    >>> _site_path("https://til.example.net/til/til/github-actions_only-main.md", notes)
    '/github-actions/only-main'
    """
    if site is None:
        return None
    parts = urlsplit(target)
    host = parts.netloc.lower()
    if host in ("github.com", "www.github.com", "raw.githubusercontent.com") and any("/" in a for a in site[2]):
        return _repository_path(parts, host, site[2])
    if f"{host}/{_NOTE_PAGE}" in site[2]:
        note = _NOTE_PAGE_PATH.fullmatch(parts.path) or _NOTE_ROW_PATH.fullmatch(parts.path)
        return None if note is None else f"/{note.group(1)}/{note.group(2)}" + (f"#{parts.fragment}" if parts.fragment else "")
    prefix = site[1] if _bare_host(host) == site[0] and host else "/" if host in site[2] else None
    if prefix is None or not (parts.path + "/").startswith(prefix):
        return None
    return "/" + parts.path[len(prefix):].lstrip("/") + (f"#{parts.fragment}" if parts.fragment else "")


def related_url(url: str, site_url: str | None, site_hosts: Iterable[str], shape: str) -> str:
    """The site path a reader of a ``related_articleN`` link's ``url`` lands on, as the article's own
    url is written (no trailing slash): a site path without its query and fragment, which the site
    serves the page for (``/learn/a/questions/b?ref=x#answer`` is ``/learn/a/questions/b``), and an
    absolute url's path on the corpus's own site (``site_url``, ``site_hosts``), or, with no site
    named, when its path has the format's shape (``shape``, the preset's ``subject_from_url``). Any
    other url (another site, a relative path, which a browser reads from the linking page's url) is
    kept as written.

    >>> shape = r"^/learn/([^/]+)/"
    >>> related_url("/learn/a/questions/b/?ref=related#answer", None, (), shape)
    '/learn/a/questions/b'
    >>> related_url("https://QuickTakes.io/learn/a/questions/b/", None, (), shape), related_url("//quicktakes.io/learn/a/questions/b", None, (), shape)
    ('/learn/a/questions/b', '/learn/a/questions/b')
    >>> related_url("https://example.com/learn/a/questions/b", "https://quicktakes.io", (), shape)
    'https://example.com/learn/a/questions/b'
    >>> related_url("https://quicktakes.io/learn/a/questions/b", "https://quicktakes.io", (), shape)
    '/learn/a/questions/b'
    >>> related_url("https://example.com/blog/post?x=1", None, (), shape), related_url("learn/a/b?x", None, (), shape)
    ('https://example.com/blog/post?x=1', 'learn/a/b?x')
    >>> related_url("https://[zz]/learn/a/questions/b", None, (), shape)  # no host a browser can reach
    'https://[zz]/learn/a/questions/b'
    >>> related_url("/learn/we ird#sub/questions/a", None, (), shape)  # cut at its "#", no page's path: as written
    '/learn/we ird#sub/questions/a'

    A path's characters written as UTF-8 escapes are the characters (a Unicode slug), but for ``%2F``:

    >>> related_url("/learn/a/questions/m%C3%A9moire", None, (), shape), related_url("/learn/a/questions/a%2Fb", None, (), shape)
    ('/learn/a/questions/mémoire', '/learn/a/questions/a%2Fb')
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # a host in brackets that is no IPv6 address
        return url
    if parts.scheme.lower() in ("http", "https", "") and parts.netloc:  # //host/path: the page's own scheme
        if site_url or site_hosts:
            found = _site_path(url, _site(site_url, site_hosts))
            if found is None:
                return url
            path = urlsplit(found).path
        elif re.search(shape, parts.path):
            path = parts.path
        else:
            return url
    elif url.startswith("/") and re.search(shape, parts.path):
        path = parts.path
    else:  # a path of another shape is kept whole: a url written with a "#" or "?" inside a name
        return url  # (/learn/we ird#sub/questions/a) is no page's path and its query, and no two meet
    if "%" in path:  # a browser asks for /m%C3%A9moire and /mémoire alike (not for %2F, a name's slash)
        decoded = "%2F".join(unquote(part) for part in re.split("%2[fF]", path))
        path = decoded if decoded.isprintable() else path
    return path.rstrip("/") or "/"


def _repository_path(parts: SplitResult, host: str, hosts: frozenset[str]) -> str | None:
    """The path from the repository's root of the Markdown file a GitHub url ``parts`` names, when the
    repository is one of ``hosts`` (``github.com/owner/name``, in lower case); else ``None``."""
    segments = parts.path.strip("/").split("/")
    if host == "raw.githubusercontent.com":
        owner, name, rest = (segments[0], segments[1], segments[3:]) if len(segments) >= 4 else ("", "", [])
    elif len(segments) >= 5 and segments[2] in _REPOSITORY_VIEWS:
        owner, name, rest = segments[0], segments[1], segments[4:]
    else:
        return None
    if not rest or not rest[-1].lower().endswith((".md", ".markdown", ".mdx")) or \
            f"github.com/{owner}/{name}".lower() not in hosts:
        return None
    return "/" + "/".join(rest) + (f"#{parts.fragment}" if parts.fragment else "")


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [str(v).strip() for v in value if isinstance(v, (str, int, float)) and str(v).strip()]
    return []
