"""qagraph.links and the related edges: links written in the text become edges that say where they came from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, write_article, write_site
from qagraph import build
from qagraph.links import ArticleIndex, first_heading, inline_tags, mask_code, text_links, wiki_targets
from qagraph.load import load_corpus
from qagraph.model import Article

ALL = ("wiki", "markdown", "hugo-ref", "jekyll-ref")


def found(body: str, syntaxes=ALL, site_url=None) -> list[tuple[str, str, str | None, int]]:
    return [(l.origin, l.target, l.text, l.line) for l in text_links(body, syntaxes, 10, site_url)]


# -- extraction ------------------------------------------------------------------------------


def test_wiki_link_forms():
    body = "[[Note]] [[Note|alias]]\n[[Note#Heading]] [[Note#^block]] ![[Note]] [[Folder/Note]] [[a\\|b]]"
    assert found(body) == [
        ("wiki-link", "Note", None, 10), ("wiki-link", "Note", "alias", 10),
        ("wiki-link", "Note#Heading", None, 11), ("wiki-link", "Note#^block", None, 11),
        ("embed", "Note", None, 11), ("wiki-link", "Folder/Note", None, 11), ("wiki-link", "a", "b", 11),
    ]


def test_links_that_name_no_article_are_not_kept():
    body = ("![[photo.png]] ![[scan.PDF]] [[#Heading]] [img](a/b.jpg) [mail](mailto:a@b.org) [top](#top) "
            "[web](https://other.org/x) [app](obsidian://open?vault=x) [q](?page=2)")
    assert found(body) == []
    # a dot in a note's name is no attachment suffix: v1.2 notes.md is a note; Drawing.excalidraw is the Excalidraw
    # plugin's drawing, a note only where the corpus's notes are named so (Drawing.excalidraw.md)
    assert [t for _, t, _, _ in found("[[Drawing.excalidraw]] [[v1.2 notes]]")] == ["v1.2 notes"]
    assert [l.target for l in text_links("[[Drawing.excalidraw]]", ALL, 1, None, note_suffixes=("excalidraw",))] == [
        "Drawing.excalidraw"]


def test_template_placeholders_name_no_note():
    """A template shown in a vault (a daily-note template shared as a note) links through its placeholders,
    ``[[<% tp.date.yesterday("YYYY-MM-DD") %>]]`` (Templater) or ``[[Log/{{date}}]]`` (core Templates), which
    name the note the template will make: each became a stub titled by the placeholder's code."""
    body = ('[[<% tp.date.yesterday("YYYY-MM-DD") %>]] [[ <% tp.file.title %>-W01]] [[Log/{{date}}|day]]\n'
            "[[Moods]] [<% tp.file.folder() %>](<% tp.file.folder() %>.md)")
    assert found(body) == [("wiki-link", "Moods", None, 11)]
    assert wiki_targets('"[[<% tp.date.now("YYYY") %>]]" and [[Year {{date:YYYY}}]], [[Mood]]') == [("Mood", None)]


def test_markdown_link_forms():
    body = ('[a](../b.md#part) [c](<My Note.md>) [d](/functions/where/ "title") [e](x_(y).md) [f]\n'
            "[f]: /templates/lookup-order/\n[g](https://docs.example.org/functions/first/) [h](https://other.org/)")
    assert found(body, site_url="https://docs.example.org/") == [
        ("markdown-link", "../b.md#part", "a", 10), ("markdown-link", "My Note.md", "c", 10),
        ("markdown-link", "/functions/where/", "d", 10), ("markdown-link", "x_(y).md", "e", 10),
        ("markdown-link", "/templates/lookup-order/", "f", 11), ("markdown-link", "/functions/first/", "g", 12),
    ]


def test_a_link_to_the_site_with_or_without_www_is_the_site_s():
    """A blog whose config names ``url: https://www.example.com`` links some posts as
    ``http://example.com/blog/2018/07/25/x`` (written before the site moved to www., which redirects there):
    the link was read as another site's and lost. The same host with or without ``www.`` is the site's
    own; another subdomain is not, and the other hosts that serve it (a CNAME's) are as they are named."""
    body = ("[a](http://example.com/blog/a) [b](https://www.example.com/blog/b) [c](https://docs.example.com/c) "
            "[d](https://www.example.github.io/d)")
    assert [t for _, t, _, _ in found(body, site_url="https://www.example.com")] == ["/blog/a", "/blog/b"]
    assert [t for _, t, _, _ in found(body, site_url="https://example.com")] == ["/blog/a", "/blog/b"]
    assert [l.target for l in text_links(body, ("markdown",), site_url="https://example.com",
                                         site_hosts=["example.github.io"])] == ["/blog/a", "/blog/b"]


def test_a_link_definition_no_link_uses_is_no_link():
    """A page's list of [label]: /url definitions (the Hugo docs keep one under most pages, copied from
    page to page) links only where [text][label], [label][] or [label] uses one; the others render to
    nothing, and were links (and stubs) all the same. Labels match case and spaces aside. A link's text is the
    text the page shows, its first use's ("the guide"), not the definition's label ("guide")."""
    body = ("See [the\nguide][Guide], [Setup][] and [faq].\n\n"
            "[guide]: /docs/guide/\n[setup]: /docs/setup/\n[FAQ]: /docs/faq/\n[unused]: /docs/unused/\n")
    assert found(body) == [("markdown-link", "/docs/guide/", "the guide", 13),
                           ("markdown-link", "/docs/setup/", "Setup", 14), ("markdown-link", "/docs/faq/", "faq", 15)]


def test_a_reference_link_s_text_is_the_text_the_page_shows():
    """A GitHub wiki links its pages through definitions, [the FF.CFG file][ffcfg] with [ffcfg]: FF.CFG-Configuration-File:
    the link's text, which names the stub of a page not written yet, was the definition's label, "ffcfg", which the page
    never shows; it is the text of the first link that uses the definition, as the page shows it."""
    body = ("Set it in [the FF.CFG\nfile][ffcfg], or [**FF.CFG**][ffcfg] again; [LCD][] or [OLED].\n\n"
            "[ffcfg]: FF.CFG-Configuration-File\n[lcd]: Hardware-Mods#lcd\n[oled]: Hardware-Mods#oled\n")
    assert found(body) == [("markdown-link", "FF.CFG-Configuration-File", "the FF.CFG file", 13),
                           ("markdown-link", "Hardware-Mods#lcd", "LCD", 14), ("markdown-link", "Hardware-Mods#oled", "OLED", 15)]


def test_a_markdown_link_s_text_may_go_on_over_lines():
    """Hard-wrapped text breaks a link's text over lines, as the Hugo docs do ([default\\nordering](/templates/lists/)):
    Markdown links it, qagraph lost it. A blank line (a new paragraph) still ends the text."""
    body = "Sort by the [default\nordering](/templates/lists/) or [**main\n  sections**](/functions/where/).\n\n[not\n\none](/x/)"
    assert found(body) == [("markdown-link", "/templates/lists/", "default ordering", 10),
                           ("markdown-link", "/functions/where/", "main sections", 11)]


def test_a_markdown_link_s_text_shows_its_inline_code_as_text():
    """A docs page lists changes as ``[VT002 - `hotUpdate` hook](/changes/vt002)``: the page shows "VT002 - hotUpdate
    hook", but the link's text, which names a stub, was "VT002 - hook" (its code masked as code is, so that no link
    is read in it), and one all code, ``[`vite build`](/guide/build)``, had none. A comment stays out of it."""
    body = "- [VT002 - `hotUpdate` hook](/changes/vt002)\n- [`vite build`](/guide/build) [a <!-- b --> c](/c)\n"
    assert found(body) == [("markdown-link", "/changes/vt002", "VT002 - hotUpdate hook", 10),
                           ("markdown-link", "/guide/build", "vite build", 11), ("markdown-link", "/c", "a c", 11)]


def test_footnotes_and_text_after_a_label_are_no_link_definitions():
    # a footnote's text ([^1]: ...) is no link (GFM, kramdown, Goldmark, Python-Markdown and Obsidian all
    # have footnotes); nor is "[label]: words" with more than a url and a title on its line
    body = ("Quote.[^1] See [x][ref], [next].\n\n[^1]: The above quote is from Rob Pike's talk.\n"
            "[^note]: /not/a/link\n[ref]: /docs/ref/ \"The title\"\n[Note]: this is a remark, not a link\n"
            "[next]:\n  /docs/next/\n")
    assert found(body) == [("markdown-link", "/docs/ref/", "x", 14), ("markdown-link", "/docs/next/", "next", 16)]


def test_hugo_and_jekyll_refs():
    body = ('{{< ref "functions/where" >}} {{< relref "/a/b.md#x" >}} {{% ref "c" %}} [t]({{< ref path="d" >}})\n'
            "{{</* ref \"escaped\" */>}} {% post_url 2018-05-03-slug %} {% link _posts/x.md %}")
    assert found(body) == [
        ("ref", "functions/where", None, 10), ("ref", "/a/b.md#x", None, 10), ("ref", "c", None, 10),
        ("ref", "d", None, 10), ("ref", "2018-05-03-slug", None, 11), ("ref", "_posts/x.md", None, 11),
    ]


@pytest.mark.parametrize("syntax, targets", [
    ("docsify", ["/quickstart.md", "/guide", "/guide", "/#/guide", "/deploy"]),
    ("docsify-relative", ["quickstart.md", "/guide", "/guide", "/#/guide", "../deploy"]),
    ("docsify-history", ["/quickstart.md", "/#/guide", "/#/guide", "/deploy"]),
])
def test_docsify_links_as_its_router_reads_them(syntax: str, targets: list[str]):
    """Docsify's hash router routes an HTML link to ``#/guide`` or ``/#/guide`` to ``/guide``, but its Markdown
    compiler makes ``[g](#/guide)`` an anchor of the page (``#/quickstart?id=%2fguide``: its ``replaceSlug`` turns
    the first ``#`` into ``?id=``) and ``[h](/#/guide)`` one of the home page (``#/?id=%2fguide``); in history
    mode every one of them is an anchor of the page (no link) or of the home page. A relative Markdown link is
    read from the site's root, with ``relativePath`` (``docsify-relative``) from the page's folder. The Markdown
    forms were read as routes, as the HTML ones are."""
    body = ('[q](quickstart.md) <a href="#/guide">g</a> <a href="/#/guide">g</a> [g](#/guide) [h](/#/guide)'
            ' [d](../deploy)')
    assert [l.target for l in text_links(body, ("markdown", "html", syntax))] == targets


def test_a_jekyll_url_filter_writes_a_space_of_its_path_as_percent_20(tmp_path: Path):
    """``relative_url`` and ``absolute_url`` normalise the path they are given (Addressable), a space written
    ``%20``: ``[intro]({{ "/docs/Getting Started/intro/" | relative_url }})`` is a link to that collection
    document. The path was put in the link as written, a space in a Markdown link's target, so the link was not
    read at all (not even a stub); ``prepend: site.baseurl`` leaves the path as written."""
    links = text_links('[a]({{ "/docs/Getting Started/intro/" | relative_url }}) '
                       '[b]({{ \'/x y/\' | absolute_url }}) [c]({{ "/p q/" | prepend: site.baseurl }})',
                       ("markdown", "jekyll-ref"))
    assert [l.target for l in links] == ["/docs/Getting%20Started/intro/", "/x%20y/"]
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "baseurl: /manual\ncollections:\n  docs:\n    output: true\n"
                       "    permalink: /:collection/:path/\n",
        "_docs/Getting Started/intro.md": "---\ntitle: Intro\n---\nText.\n",
        "index.md": '---\ntitle: Home\n---\n'
                    'Start with [the intro]({{ "/docs/Getting Started/intro/" | relative_url }}).\n',
    })
    kg = build(site)
    assert kg.related("index") == [kg.article("_docs/Getting Started/intro")] and kg.counts.get("stubs", 0) == 0


def test_jekyll_liquid_url_filters_and_zola_internal_links(tmp_path: Path):
    """A Jekyll link written through Liquid (``relative_url``, ``site.baseurl``) and a Zola link
    from the content folder (``@/``) lead to the page they render to; a line number stays the line's."""
    links = text_links('Text.\n[a]({{ "/about/" | relative_url }}) [b]({{- site.url -}}{{ site.baseurl }}/docs/x/)',
                       ("markdown", "jekyll-ref"), first_line=5)
    assert [(l.target, l.line) for l in links] == [("/about/", 6), ("/docs/x/", 6)]
    assert [l.target for l in text_links('[a]({{ "/about/" | relative_url }})', ("markdown",))] == []  # not Jekyll
    site = tmp_path / "site"
    for name, text in {"_config.yml": 'baseurl: "/blog"\n', "about.md": "---\ntitle: About\npermalink: /about/\n---\n",
                       "_posts/2019-03-10-hello.md": '---\ntitle: Hello\n---\n[about]({{ "/about/" | relative_url }})\n',
                       "../zola/config.toml": 'base_url = "https://z.org"\n',
                       "../zola/content/blog/a.md": '+++\ntitle = "A"\n+++\n[b](@/blog/b.md) [gone](@/blog/c.md)\n',
                       "../zola/content/blog/b.md": '+++\ntitle = "B"\n+++\n',
                       "../zola/content/blog/_index.md": '+++\ntitle = "Blog"\n+++\n'}.items():
        write_article(site, name, text)
    jekyll = build(site)
    assert jekyll.related("_posts/2019-03-10-hello") == [jekyll.article("/about/")]
    zola = build(tmp_path / "zola" / "content")
    assert zola.related("blog/a") == ["article:blog/b", "article:blog/c"]
    assert zola.node("article:blog/c")["kind"] == "stub"


def test_a_lesson_template_link_from_the_page_root_leads_to_its_page(tmp_path: Path):
    """The Carpentries' lesson template (a Jekyll site) writes its links from the page's way up to the
    site's root, ``{{ page.root }}/reference.html#term`` (``root: ..`` in the episodes' defaults) and
    ``{{ relative_root_path }}{% link setup.md %}``: every glossary and cross-episode link of a lesson was
    lost (a Liquid target read as no link); they lead to the glossary, the episode and the setup page."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Lesson\ncollections:\n  episodes:\n    output: true\n    permalink: /:path/index.html\n"
                       "defaults:\n  - values:\n      root: .\n  - scope:\n      path: \"\"\n      type: episodes\n"
                       "    values:\n      root: ..\n",
        "reference.md": "---\nlayout: reference\n---\n## Glossary\n\nbranch\n:   A line of work.\n",
        "setup.md": "---\ntitle: Setup\npermalink: /setup/\n---\n",
        "_episodes/01-start.md": "---\ntitle: Start\nquestions:\n- \"Where?\"\n---\n"
                                 "A [branch]({{ page.root }}/reference.html#branch), [next]({{page.root}}/02-next/),\n"
                                 "[again]({{ page.root }}{% link reference.md %}#branch) and "
                                 "[setup]({{ relative_root_path }}{% link setup.md %}).\n",
        "_episodes/02-next.md": "---\ntitle: Next\n---\n[home]({{ page.root }}/)\n",
        "index.md": "---\nlayout: lesson\ntitle: Lesson\n---\n",
    })
    kg = build(site)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("_episodes/01-start") == [kg.article("/reference.html"), kg.article("/02-next/index.html"),
                                                kg.article("/setup/")]
    assert kg.related("_episodes/02-next") == [kg.article("/")]


def test_a_reference_link_defined_in_an_included_file_leads_to_its_page(tmp_path: Path):
    """The Carpentries' lesson template defines its links once, in ``_includes/links.md``, and a page that
    ends with ``{% include links.md %}`` uses them (``[Setup][lesson-setup]``): Jekyll puts the file in the
    page before Markdown reads it. Those links were lost; now they lead to their pages. A definition the
    page does not use, or a page that does not include the file, links nowhere."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Lesson\n",
        "_includes/links.md": "[lesson-setup]: {{ relative_root_path }}{% link setup.md %}\n"
                              "[lesson-faq]: {{ relative_root_path }}{% link faq.md %}\n[home]: /\n",
        "_includes/footer.html": "<footer>[lesson-faq]: /elsewhere/</footer>\n",
        "setup.md": "---\ntitle: Setup\npermalink: /setup/\n---\n",
        "faq.md": "---\ntitle: FAQ\n---\n",
        "index.md": "---\nlayout: lesson\ntitle: Lesson\n---\nFollow the [Setup][lesson-setup] first.\n\n"
                    "{% include links.md %}\n",
        "other.md": "---\ntitle: Other\n---\nSee [Setup][lesson-setup].\n",
    })
    kg = build(site)
    assert kg.related("index") == [kg.article("/setup/")]
    assert kg.related("other") == []
    assert kg.counts.get("stubs", 0) == 0


def test_jekyll_links_as_sites_write_them_lead_to_their_pages(tmp_path: Path):
    """Links that jekyll 4.3 renders to a page's url were lost or stubs: ``prepend: site.baseurl``
    (no link at all), ``{{ site.github.url }}`` before a path, the site's base path written out
    (``/proj/about/``), a relative link read from the page's url, as a browser reads it
    (``../../docs/page/`` from /more/, which is no file's path from _posts/)."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: S\nurl: https://me.github.io\nbaseurl: /proj\npermalink: /:title/\n",
        "about.md": "---\ntitle: About\npermalink: /about/\n---\n",
        "docs/page.md": "---\ntitle: Page\n---\n",
        "_posts/2020-02-02-links.md": '---\ntitle: Links\n---\n[a]({{ "/about/" | prepend: site.baseurl }})\n'
                                      "[b]({{ site.github.url }}/docs/page/)\n",
        "_posts/2020-02-03-more.md": "---\ntitle: More\n---\n[c](/proj/about/) [d](../../docs/page/)\n",
    })
    kg = build(site)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("_posts/2020-02-02-links") == kg.related("_posts/2020-02-03-more") == [
        kg.article("/about/"), kg.article("docs/page")]


def test_jekyll_links_through_a_theme_s_base_path_variable_lead_to_their_pages(tmp_path: Path):
    """An academic site of the academicpages (Minimal Mistakes) template writes ``{% include base_path %}``,
    which assigns the site's url and base path to ``base_path``, then ``[paper]({{ base_path }}/publications/x/)``;
    a Jekyll Bootstrap blog, ``{% include JB/setup %}`` then ``{{ BASE_PATH }}/2012/08/08/post/``. Jekyll renders
    them to the site's pages; qagraph read no link at all. Another variable before a path is no link still."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Me\nurl: https://me.github.io\ninclude: [_pages]\npermalink: /:categories/:title/\n"
                       "collections:\n  publications:\n    output: true\n    permalink: /:collection/:path/\n",
        "_includes/base_path": "{% assign base_path = site.url | append: site.baseurl %}",
        "_pages/cv.md": "---\ntitle: CV\npermalink: /cv/\n---\n{% include base_path %}\n\n"
                        "* [Paper]({{ base_path }}/publications/2019-paper/)\n* [Post]({{ BASE_PATH }}/dev/hello/)\n"
                        "* [Slides]({{ site.data.slides }}/talk/)\n",
        "_publications/2019-paper.md": "---\ntitle: A paper\n---\nAbstract.\n",
        "_posts/2012-08-08-hello.md": "---\ntitle: Hello\ncategories: dev\n---\nHi.\n",
    })
    kg = build(site)
    assert kg.related("/cv/") == [kg.article("_publications/2019-paper"), kg.article("_posts/2012-08-08-hello")]
    assert kg.counts.get("stubs", 0) == 0


def test_jekyll_html_links_in_markdown_lead_to_their_pages(tmp_path: Path):
    """kramdown passes ``<a href>`` in a Jekyll page's Markdown through as it is: jekyll 4.3 links
    the notes and tables of a docs site (``<a href="../plugins/">``, ``<a href="{{ '/docs/x/' |
    relative_url }}">``, over lines) to their pages; qagraph read none of them. One in code or
    made by a Liquid loop (``{{ post.url }}``) links nothing."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Tool\ncollections:\n  docs:\n    permalink: /:collection/:path/\n    output: true\n",
        "_docs/options.md": '---\ntitle: Options\npermalink: /docs/options/\n---\n<div class="note">\n'
                            '  <p>Turn off <a href="../plugins/">custom plugins</a>, set\n'
                            "  <a\n    href=\"{{ '/docs/defaults/' | relative_url }}\" title=\"x\">defaults</a>.</p>\n</div>\n"
                            '```html\n<a href="/docs/gone/">in code</a>\n```\n'
                            '{% for post in site.posts %}<a href="{{ post.url }}">{{ post.title }}</a>{% endfor %}\n',
        "_docs/plugins.md": "---\ntitle: Plugins\npermalink: /docs/plugins/\n---\n",
        "_docs/defaults.md": "---\ntitle: Defaults\n---\n",
    })
    kg = build(site)
    assert kg.counts.get("stubs", 0) == 0
    assert kg.related("_docs/options.md") == ["article:/docs/plugins", "article:_docs/defaults"]


def test_jekyll_redirect_from_paths_lead_to_their_pages_when_the_plugin_writes_them(tmp_path: Path):
    """With jekyll-redirect-from in the config's plugins (GitHub Pages' sites too, by ``gems``), a page's
    ``redirect_from`` paths are pages that send the reader on to it: links written to an old path
    (/docs/frontmatter/, /docs/templates/) lead to the page, not to a stub. Without the plugin
    Jekyll writes no such page: the link is a stub."""
    pages = {
        "_docs/front-matter.md": "---\ntitle: Front Matter\npermalink: /docs/front-matter/\n"
                                 "redirect_from: /docs/frontmatter/index.html\n---\n",
        "_docs/liquid.md": '---\ntitle: Liquid\npermalink: /docs/liquid/\nredirect_from:\n  - "/docs/templates/"\n---\n',
        "_docs/posts.md": "---\ntitle: Posts\npermalink: /docs/posts/\n---\nNeeds [front matter](../frontmatter/) "
                          "and [templates](/docs/templates/#loops).\n",
    }
    collections = "collections:\n  docs:\n    output: true\n"
    for config in (f"title: Tool\n{collections}plugins:\n  - jekyll-redirect-from\n", f"title: Tool\n{collections}gems: [jekyll-redirect-from]\n"):
        site = tmp_path / str(len(config))
        for name, text in {"_config.yml": config, **pages}.items():
            write_article(site, name, text)
        kg = build(site)
        assert kg.related("_docs/posts.md") == ["article:/docs/front-matter", "article:/docs/liquid"]
    site = tmp_path / "no-plugin"
    for name, text in {"_config.yml": f"title: Tool\n{collections}", **pages}.items():
        write_article(site, name, text)
    kg = build(site)
    assert [kg.node(n)["kind"] for n in kg.related("_docs/posts.md")] == ["stub", "stub"]


def test_template_comments_and_urls_without_scheme_hold_no_links():
    """A Go template comment in a Hugo page is not rendered; ``//host/path`` is another site's
    url without its scheme (or the site's own, then a path on it); a ``#`` names a tag too."""
    body = '{{/* {{< ref "old-page" >}} */}} [cdn](//cdn.example.com/x) [own](//docs.example.org/functions/where/)'
    assert [l.target for l in text_links(body, ("hugo-ref", "markdown"), site_url="https://docs.example.org/")] == [
        "/functions/where/"]
    kg = build(FIXTURES / "obsidian")
    tag = next(n for n, k in kg.graph.nodes(data="kind") if k == "keyword")
    assert kg.keyword("#" + tag.removeprefix("keyword:")) == tag


def test_only_the_syntaxes_asked_for():
    body = '[[Note]] [x](y.md) {{< ref "z" >}}'
    assert [t for _, t, _, _ in found(body, ("markdown",))] == ["y.md"]
    assert found(body, ()) == []


def test_code_and_comments_hold_no_links_or_tags():
    body = ("`[[a]]` ``[[b]] ` `` <!-- [[c]] #x -->\n%% [[d]] %%\n```md\n[[e]] #y\n```\n~~~\n[f](g.md)\n~~~\n"
            "    [[indented code is not masked]]\n[[h]]")
    assert [t for _, t, _, _ in found(body)] == ["indented code is not masked", "h"]
    assert mask_code("a\n```\nb\n") == "a\n   \n \n"  # an unclosed fence runs to the end
    assert inline_tags(body) == []


def test_backticks_inside_a_pre_block_open_no_code_block():
    """A help page shows a query block's source inside ``<pre><code>`` (so that its fence is shown, not
    run): its closing line, which starts with backticks, was read as a fence opening, and every link below
    it, to the next fence, was lost (Obsidian's Search page lost its link to Publish). A raw HTML block
    runs to its closing tag, as in CommonMark; a real fence after it is still code."""
    body = ("Add a block:\n\n<pre><code>```query\nembed OR search\n```</code></pre>\n\n"
            "> [!note]\n> [[Publish|Obsidian Publish]] shows no results.\n\n```query\n[[not a link]]\n```\n"
            "<script>\nlet s = `\n```\n`;\n</script>\n[[After]]\n")
    assert [(t, line) for _, t, _, line in found(body)] == [("Publish", 17), ("After", 27)]


def test_a_liquid_highlight_or_comment_block_holds_no_links():
    """Jekyll shows a ``{% highlight %}`` block as code and a ``{% comment %}`` block not at all: a
    post that shows a theme's pagination markup in one linked to every page its ``<a href>`` named.
    What is around them, and a ``{% raw %}`` block (rendered as Markdown), still links."""
    body = ('{% highlight html linenos %}\n<a href="/docs/layouts/">layouts</a>\n[md](/docs/x/)\n{% endhighlight %}\n'
            '{%- comment -%}\nSee [old](/old/).\n{%- endcomment -%}\n'
            '{% raw %}[kept](/kept/){% endraw %} <a href="/after/">after</a>\n')
    assert [(t, line) for _, t, _, line in found(body, ("markdown", "html", "jekyll-ref"))] == [
        ("/kept/", 17), ("/after/", 17)]


def test_display_math_holds_no_links():
    """kramdown (Jekyll) reads ``$$...$$``, inline or a block of its own, as math, which MathJax shows:
    an expectation ``$$ \\mathbb{E}[X](t) $$`` in a post was a link to ``t``, a stub beside the post.
    A single ``$`` is text to kramdown (``$5 [a](b)`` links), and an unclosed ``$$`` hides nothing."""
    body = ("Mean $$ \\mathbb{E}[X](t) $$ and [kept](/kept/).\n$$\nf[a](b) + g\n$$\n"
            "Price $5 [dollar](/dollar/) and $$ never closed [open](/open/)\n")
    assert [t for _, t, _, _ in found(body, ("markdown",))] == ["/kept/", "/dollar/", "/open/"]
    assert mask_code("x $$[a](b)$$ y") == "x            y"


def test_math_does_not_run_across_a_paragraph():
    """kramdown's ``$$`` math ends in its paragraph: a shell's ``$$`` (its process id) in prose, and another
    paragraphs later, hid every link between them."""
    body = "The shell's id is $$ here.\n\nSee [kept](/kept/).\n\nAnd $$ again.\n\n$$\na[b](c)\n$$\n"
    assert [t for _, t, _, _ in found(body, ("markdown",))] == ["/kept/"]


def test_an_autolink_into_the_site_is_a_link():
    """``<https://owner.github.io/proj>`` is a link in Markdown (CommonMark, kramdown) as ``[x](url)``
    is: the Minimal Mistakes docs name their home so. It was not read; one to another site, and the
    ``<url>`` target of a Markdown link or a definition, are still no more than they were."""
    body = ("Hosted at <https://ex.github.io/proj>, see <https://ex.github.io/proj/docs/a/#b> and <https://other.org/x>.\n"
            "[home](<https://ex.github.io/proj/>)\n[ref]: <https://ex.github.io/proj/ref/>\n[c] <mailto:a@b.c>\n")
    assert [(t, text) for _, t, text, _ in found(body, ("markdown",), "https://ex.github.io/proj")] == [
        ("/", None), ("/docs/a/#b", None), ("/", "home")]


def test_inline_tags():
    text = "#start mid #Tag/Sub, (#paren) a#b #1984 #y2k # heading\n## Heading #intitle\n&#160; http://x/#frag #end"
    assert inline_tags(text) == ["start", "Tag/Sub", "y2k", "intitle", "end"]


def test_an_inline_tag_ends_at_typographic_punctuation_as_in_obsidian():
    """Obsidian ends a tag at general and supplemental punctuation (U+2000-U+206F, U+2E00-U+2E7F) as at
    ASCII's: a note typed with smart quotes and dashes, "“a #draft” and #idea—later, #todo…", was tagged
    "draft”", "idea—later" and "todo…", tags no one wrote. Letters of other scripts, their punctuation
    and emoji stay in the tag, as Obsidian keeps them."""
    text = "“a #draft” and #idea—later, #todo… #it’s #a\u200bb “#quoted #笔记 #📚/books"
    assert inline_tags(text) == ["draft", "idea", "todo", "it", "a", "笔记", "📚/books"]


def test_first_heading():
    assert first_heading("text\n### third\n# First #\n## second") == "First"
    assert first_heading("```\n# not a heading\n```\n## Second") == "Second"
    assert first_heading("#nospace\nplain") is None


def test_a_title_from_a_heading_shows_its_inline_code_where_the_page_shows_it():
    """Inline code is shown where it stands, without spaces the heading does not have, and where the heading
    starts with it: a title read from ``# What's new in `search`?`` was "What's new in search ?", a space
    before its question mark (a Material blog post's url, made of its title, ended with a hyphen), and one
    from ``# `x` is `y`.`` lost its first word ("is y.")."""
    assert first_heading("# What's new in `search`?\n") == "What's new in search?"
    assert first_heading("# Use `git -C`, then `git log`\n") == "Use git -C, then git log"
    assert first_heading("# `x` is `y`.\n") == "x is y."


def test_a_title_from_a_heading_keeps_its_inline_code_and_a_closing_hash_of_its_own(tmp_path: Path):
    """A page without a title is titled by its first heading as the page shows it: a Jekyll post of
    a blog of Stack Exchange answers, its ``title: >`` left empty, was titled "Cron does not know the
    session of" from ``## Cron does not know the session of `loginctl```, its last word dropped
    with the code's backticks; ``# Learning C#`` gave "Learning C"."""
    assert first_heading("## Cron does not know the session of `loginctl`\n") == "Cron does not know the session of loginctl"
    assert first_heading("# The `git` book ##\n") == "The git book"
    assert first_heading("# Learning C#\n") == "Learning C#"
    write_article(tmp_path, "_config.yml", "title: Answers\n")
    write_article(tmp_path, "_posts/2022/2022-02-18-.md",
                  "---\nlayout:       post\ntitle:        >\n    \nsite:         Ask Ubuntu\n---\n\n"
                  "A [link](https://example.org).\n\n## Cron does not know the session of `loginctl`\n")
    [article] = load_corpus(tmp_path).articles
    assert article.title == "Cron does not know the session of loginctl"


def test_wiki_targets_in_a_value():
    assert wiki_targets("[[A|a]], [[pic.png]], [[#x]] and [[B#y]]") == [("A", "a"), ("B#y", None)]


def test_a_dendron_link_into_a_vault_names_its_note():
    """Dendron's ``[[dendron://vault/note]]`` names a note of a vault of the workspace: it was taken for
    a url of another site and dropped. Notes go by their names in every vault: the name is the target."""
    body = "[[dendron://private/python.asyncio]] [[the loop|dendron://private/python.asyncio#tasks]]\n" \
           "![[dendron://$ws/rust.ownership]]"
    assert found(body) == [("wiki-link", "python.asyncio", None, 10),
                           ("wiki-link", "the loop", "python.asyncio#tasks", 10), ("embed", "rust.ownership", None, 11)]
    assert wiki_targets("[[dendron://notes/lang.python]]") == [("lang.python", None)]


# -- resolution ------------------------------------------------------------------------------


def article(path: str, key: str | None = None, url: str | None = None, **extra) -> Article:
    return Article(key or path.rsplit(".", 1)[0], path, "t", "t", "", "s", "s", (), (), (), url=url, extra=extra)


VAULT = [article("People/Alice.md", aliases=["Ally"]), article("Books/Fiction/Alice.md"), article("Home.md"),
         article("Work/Meeting notes.md"), article("Work/Archive/2022/Meeting notes.md"),
         article("Projects/My Note.md")]


@pytest.mark.parametrize(("target", "origin", "source", "expected"), [
    ("Alice", "wiki-link", "Home.md", "People/Alice.md"),  # a name clash: the shortest path wins
    ("alice", "wiki-link", "Home.md", "People/Alice.md"),  # case-insensitive
    ("Alice", "wiki-link", "Books/Fiction/x.md", "Books/Fiction/Alice.md"),  # beside the linking note first
    ("Fiction/Alice", "wiki-link", "Home.md", "Books/Fiction/Alice.md"),  # a folder in the link narrows it
    ("Meeting notes#Agenda", "wiki-link", "Home.md", "Work/Meeting notes.md"),
    ("Ally", "wiki-link", "Home.md", "People/Alice.md"),  # an alias, when no file has the name
    ("My%20Note.md", "markdown-link", "Projects/Other.md", "Projects/My Note.md"),
    ("../Home.md", "markdown-link", "People/x.md", "Home.md"),
    ("Home.md", "markdown-link", "People/x.md", "Home.md"),  # a bare name: Obsidian's shortest link format
    ("Nope", "wiki-link", "Home.md", None),
    ("Work/Nope/Alice.md", "markdown-link", "Home.md", None),  # an explicit path that names nothing: no guess
])
def test_resolution_in_a_vault(target, origin, source, expected):
    hit = ArticleIndex(VAULT, alias_fields=("aliases",)).resolve(target, origin, source)
    assert (hit.path if hit else None) == expected


def test_a_note_named_with_a_trailing_space_is_not_the_one_its_name_links_to():
    """Obsidian keeps ``Ann .md`` (a title typed with a trailing space) apart from ``Ann.md``: ``[[Ann]]``
    names the second, though both fold to one name, wherever the first is."""
    index = ArticleIndex([article("People/Ann .md"), article("People/Ann.md"), article("Bo .md"),
                          article("Deep/er/Bo.md")])
    assert index.resolve("Ann", "wiki-link", "Home.md").path == "People/Ann.md"
    assert index.resolve("Ann", "wiki-link", "People/x.md").path == "People/Ann.md"
    assert index.resolve("People/Ann.md", "markdown-link", "Home.md").path == "People/Ann.md"
    assert index.resolve("Bo", "wiki-link", "Home.md").path == "Deep/er/Bo.md"


SAME_NAMES = [article("Note.md"), article("b/Note.md"), article("a/b/Note.md"), article("zzzz/Note.md"),
              article("Guides/Setup.md"), article("Guides/Setup/Setup.md"), article("x/y/Setup.md"),
              article("Lessons/Quoting breaks in SKILL.md.md"), article("Lessons/Plain.md")]


@pytest.mark.parametrize(("target", "source", "in_vault", "elsewhere"), [
    ("Note", "b/Src.md", "Note.md", "b/Note.md"),  # the root's note, before the one beside the link
    ("Setup", "Guides/Setup/Other.md", "Guides/Setup/Setup.md", "Guides/Setup/Setup.md"),  # then the one beside it
    ("Setup", "zzzz/deep/Src.md", "x/y/Setup.md", "Guides/Setup.md"),  # then the shortest path string
    ("Quoting breaks in SKILL.md", "Home.md", "Lessons/Quoting breaks in SKILL.md.md", None),  # a name ending .md
    ("Plain.md", "Home.md", "Lessons/Plain.md", "Lessons/Plain.md"),  # [[Plain.md]] is still Plain.md
])
def test_notes_of_one_name_are_told_apart_as_obsidian_does(target, source, in_vault, elsewhere):
    """Obsidian reads [[Note]] as a path from the vault's root first, then looks beside the linking note,
    then takes the shortest path (as a string: x/y/Setup.md before Guides/Setup.md); and [[X.md]] that names
    no note X is the note X.md.md. A vault's links reached the note beside the linking one over the root's,
    the path with fewest folders, and a stub for the name ending .md; a site's index (no path_ends) keeps its
    own order."""
    assert ArticleIndex(SAME_NAMES, path_ends=True).resolve(target, "wiki-link", source).path == in_vault
    hit = ArticleIndex(SAME_NAMES).resolve(target, "wiki-link", source)
    assert (hit.path if hit else None) == elsewhere


def test_a_vault_links_notes_of_one_name_as_obsidian_does(tmp_path: Path):
    """The same order in a built vault: a Confluence mirror's topic note (Wiki/Architecture.md) and a page
    of that name in its topic's folder (Wiki/Architecture/Architecture.md)."""
    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {"Home.md": "[[Architecture]] [[Status]]\n", "Status.md": "root\n",
                       "Wiki/Status.md": "beside\n", "Wiki/Architecture.md": "[[Status]]\n",
                       "Wiki/Architecture/Architecture.md": "page\n", "Wiki/Architecture/Kappa.md": "[[Architecture]]\n",
                       "Notes/Tooling/Edit SKILL.md.md": "lesson\n", "Notes/Index.md": "[[Edit SKILL.md]]\n"}.items():
        write_article(vault, name, text)
    assert related(vault) == {
        ("Home", "Wiki/Architecture"): ("wiki-link", (1,), False), ("Home", "Status"): ("wiki-link", (2,), False),
        ("Wiki/Architecture", "Status"): ("wiki-link", (1,), False),
        ("Wiki/Architecture/Kappa", "Wiki/Architecture/Architecture"): ("wiki-link", (1,), False),
        ("Notes/Index", "Notes/Tooling/Edit SKILL.md"): ("wiki-link", (1,), False)}


@pytest.mark.parametrize(("target", "expected"), [
    ("Fiction/Alice.md", "Books/Fiction/Alice.md"),  # Obsidian reads a Markdown link's path as a wiki-link's
    ("Archive/2022/Meeting%20notes.md#Agenda", "Work/Archive/2022/Meeting notes.md"),
    ("Meeting%20notes.md", "Work/Meeting notes.md"),
    ("../People/Alice.md", "People/Alice.md"),
    ("Work/Nope/Alice.md", None),  # no path ends so: no guess by name
])
def test_a_markdown_link_in_a_vault_reaches_the_note_its_path_ends(target, expected):
    """ttrpg-convert and hand-written links name a note by the end of its path from another root
    (``[charmed](rules/conditions.md)``): Obsidian opens the note, qagraph made it a stub."""
    hit = ArticleIndex(VAULT, path_ends=True).resolve(target, "markdown-link", "Projects/Other.md")
    assert (hit.path if hit else None) == expected
    assert ArticleIndex(VAULT).resolve("Fiction/Alice.md", "markdown-link", "Projects/Other.md") is None  # a site's


@pytest.mark.parametrize(("target", "label", "origin", "expected"), [
    ("Read the FAQ", "Home", "wiki-link", "Home.md"),  # [[label|target]]: GitHub wikis, Dendron
    ("Alice", "Home", "wiki-link", "People/Alice.md"),  # Obsidian's [[target|label]] first
    ("Nope", "Nada", "wiki-link", None),
    ("Nope", "Home", "embed", None),  # ![[note|size]]: no label to read
    ("Nope.md", "Home", "markdown-link", None),  # [Home](Nope.md): the text of a Markdown link is no target
    ("Nope", "Home", "front-matter", None),
])
def test_a_wiki_link_whose_target_names_nothing_leads_where_its_label_does(target, label, origin, expected):
    hit = ArticleIndex(VAULT).resolve(target, origin, "Work/x.md", label)
    assert (hit.path if hit else None) == expected


def test_a_wiki_links_label_is_a_name_its_article_may_reach_for_patched_builds():
    from qagraph.model import RelatedLink

    links = [RelatedLink(1, None, None, "Setup guide", None, 1, "wiki-link", "Getting Started"),
             RelatedLink(2, None, None, "the text", None, 2, "markdown-link", "a/Other.md")]
    assert [name for name, _, way in ArticleIndex([]).name_rows(VAULT[2], "n", links) if way == "links"] == [
        "getting started", "other", "setup guide"]


WIKI = [article("Getting-Started.md"), article("Set Up.md"), article("a/Set-Up.md"), article("b/c/Read-Me-First.md"),
        article("b/Read-Me-First.md"), article("x/y/Go On.md"), article("x/Go--On.md"), article("Release-Notes.md"),
        article("z/News.md", aliases=["Release Notes"])]


@pytest.mark.parametrize(("target", "origin", "expected"), [
    ("Getting Started", "wiki-link", "Getting-Started.md"),  # GitHub names a wiki page's file with hyphens
    ("getting started#Install", "wiki-link", "Getting-Started.md"),
    ("Getting Started", "embed", "Getting-Started.md"),
    ("Set Up", "wiki-link", "Set Up.md"),  # an exact name first, wherever it is
    ("Set-Up", "wiki-link", "a/Set-Up.md"),
    ("Read Me First", "wiki-link", "b/Read-Me-First.md"),  # a clash: the shortest path, as Obsidian
    ("Go-On", "wiki-link", "x/Go--On.md"),  # spaces for hyphens too, the shortest path first
    ("Release Notes", "wiki-link", "z/News.md"),  # an alias as written before a name with hyphens
    ("Getting%20Started.md", "markdown-link", None),  # not for paths
    ("Getting Started", "front-matter", None),
    ("Getting-Started-Again", "wiki-link", None),
])
def test_a_wiki_link_finds_a_page_named_with_hyphens_for_spaces(target, origin, expected):
    hit = ArticleIndex(WIKI, alias_fields=("aliases",)).resolve(target, origin, "Home.md")
    assert (hit.path if hit else None) == expected


def test_a_name_with_hyphens_for_spaces_is_a_name_for_patched_builds():
    from qagraph.model import RelatedLink

    index = ArticleIndex(WIKI)
    assert {"getting-started", "getting started"} <= index.names(WIKI[0])
    links = [RelatedLink(1, None, None, None, None, 1, "wiki-link", "Go-On"),
             RelatedLink(2, None, None, None, None, 2, "markdown-link", "a-b.md")]
    assert [name for name, _, way in index.name_rows(WIKI[1], "n", links) if way == "links"] == ["a-b", "go on", "go-on"]


SITE = [article("content/_index.md"), article("content/functions/where.md"), article("content/functions/first.md"),
        article("content/templates/intro/index.md"), article("content/about.md", url="/license/"),
        article("content/functions/_index.md"), article("content/functions/more/_index.md"),
        article("content/functions/more/last.md")]


@pytest.mark.parametrize(("target", "origin", "source", "expected"), [
    ("/functions/where/", "markdown-link", "content/about.md", "content/functions/where.md"),
    ("/FUNCTIONS/where", "markdown-link", "content/about.md", "content/functions/where.md"),  # Hugo lowercases urls
    ("functions/where.md", "ref", "content/about.md", "content/functions/where.md"),
    ("where", "ref", "content/templates/intro/index.md", "content/functions/where.md"),
    ("where.md#x", "ref", "content/functions/first.md", "content/functions/where.md"),
    ("../where/", "markdown-link", "content/functions/first.md", "content/functions/where.md"),  # the page's url
    # /functions/more/last/../ (a browser's reading of the page's href), not the file's folder's parent
    ("../", "markdown-link", "content/functions/more/last.md", "content/functions/more/_index.md"),
    ("../", "markdown-link", "content/functions/more/_index.md", "content/functions/_index.md"),
    ("/templates/intro/", "markdown-link", "content/about.md", "content/templates/intro/index.md"),
    ("intro", "ref", "content/about.md", "content/templates/intro/index.md"),  # a bundle by its folder's name
    ("/license/", "markdown-link", "content/functions/where.md", "content/about.md"),  # its url field
    ("https://docs.example.org/functions/first/", "front-matter", "content/about.md", "content/functions/first.md"),
    ("https://other.org/functions/first/", "front-matter", "content/about.md", None),
    ("/", "markdown-link", "content/about.md", "content/_index.md"),
])
def test_resolution_in_a_hugo_site(target, origin, source, expected):
    index = ArticleIndex(SITE, content_dir="content/", bundles=True, site_url="https://docs.example.org/")
    hit = index.resolve(target, origin, source)
    assert (hit.path if hit else None) == expected


#: a Hugo site where two sections have a page named "where" (and a language of its own for one)
TWO_WHERES = [article("content/functions/where.md"), article("content/templates/where.md"),
              article("content/about.md"), article("content/functions/first.md")]


@pytest.mark.parametrize(("target", "source", "expected", "candidates"), [
    # Hugo: 'page reference "where" is ambiguous' (REF_NOT_FOUND): no page is linked, whichever is shorter
    ("where", "content/about.md", None, ["content/functions/where.md", "content/templates/where.md"]),
    ("where.md#x", "content/about.md", None, ["content/functions/where.md", "content/templates/where.md"]),
    ("/where", "content/about.md", None, ["content/functions/where.md", "content/templates/where.md"]),
    ("where", "content/functions/first.md", "content/functions/where.md", []),  # beside it: relative first
    ("templates/where", "content/about.md", "content/templates/where.md", []),  # a path names one
    ("/functions/where", "content/about.md", "content/functions/where.md", []),
    ("about", "content/functions/first.md", "content/about.md", []),  # one page goes by that name
    ("ghost", "content/about.md", None, []),  # none does: a stub, not an ambiguity
])
def test_an_ambiguous_ref_is_left_unresolved(target, source, expected, candidates):
    index = ArticleIndex(TWO_WHERES, content_dir="content/", bundles=True)
    hit = index.resolve(target, "ref", source)
    assert (hit.path if hit else None) == expected
    assert [a.path for a in index.ambiguous_ref(target, source)] == candidates


def test_a_wiki_link_by_an_ambiguous_name_still_takes_the_shortest_path():
    """Obsidian links a name that several notes go by to the one with the shortest path: only refs are refused."""
    index = ArticleIndex(TWO_WHERES, content_dir="content/", bundles=True)
    assert index.resolve("where", "wiki-link", "content/about.md") is TWO_WHERES[0]
    assert index.ambiguous_ref("where", "content/about.md") and not index.ambiguous_ref("about", "content/x.md")


def test_a_ref_looks_among_the_pages_of_its_own_language():
    pages = [article("content/a/where.md"), article("content/b/where.fr.md"), article("content/c/where.fr.md")]
    index = ArticleIndex(pages, content_dir="content/", bundles=True, languages=("en", "fr"), default_language="en")
    assert index.resolve("where", "ref", "content/x.md") is pages[0]  # the one English "where"
    assert index.resolve("where", "ref", "content/x.fr.md") is None  # two French ones
    assert [a.path for a in index.ambiguous_ref("where", "content/x.fr.md")] == [p.path for p in pages[1:]]


REPO = [article("README.md"), article("packages/core/README.md"), article("packages/cli/readme.md"),
        article("docs/index.md"), article("docs/README.md"), article("api/_index.md"), article("site/INDEX.mdx"),
        article("guide.md"), article("guide/index.md"), article("guide/intro.md")]


@pytest.mark.parametrize(("target", "source", "expected"), [
    ("packages/core", "README.md", "packages/core/README.md"),  # as GitHub shows a folder: its README
    ("packages/cli/", "README.md", "packages/cli/readme.md"),
    ("../cli/", "packages/core/README.md", "packages/cli/readme.md"),
    ("docs/", "README.md", "docs/index.md"),  # index.md before README.md, as MkDocs
    ("docs/index.md", "README.md", "docs/index.md"),
    ("docs/README.md", "README.md", "docs/README.md"),  # a folder page named by its file
    ("../api/", "docs/index.md", "api/_index.md"),  # MkDocs' folder links
    ("/api/", "docs/index.md", "api/_index.md"),
    ("site", "README.md", "site/INDEX.mdx"),  # in any case
    ("./", "README.md", "README.md"),
    ("../../", "packages/core/README.md", "README.md"),  # the corpus's root folder: its README
    ("index.md", "guide/intro.md", "guide/index.md"),
    ("../index.md", "guide/intro.md", "README.md"),  # an index names its folder's page (MkDocs reads README.md so)
    ("guide", "README.md", "guide.md"),  # a page at the folder's path comes before the folder
    ("guide/", "README.md", "guide.md"),
    ("guide/index.md", "README.md", "guide/index.md"),  # unless the link names the index file itself
    ("/guide/index.md", "docs/index.md", "guide/index.md"),  # from the root as from the folder
    ("packages", "README.md", None),  # a folder without a page of its own
])
def test_a_link_to_a_folder_reaches_its_own_page(target, source, expected):
    hit = ArticleIndex(REPO).resolve(target, "markdown-link", source)
    assert (hit.path if hit else None) == expected


def test_a_link_to_the_root_folder_reaches_its_index_page_of_any_suffix():
    """``./`` on a page at the root, and ``../../`` two folders down, name the root folder: its index page, whatever
    its suffix (a Quarto site's ``index.qmd``, at ``/index.html``), as ``posts/first/`` names
    ``posts/first/index.qmd``. The root's was sought at the path ``.``, and such a link was a stub."""
    index = ArticleIndex([article("index.qmd", url="/index.html"), article("about.qmd", url="/about.html"),
                          article("posts/first/index.qmd", url="/posts/first/index.html")])
    assert [index.resolve(target, "markdown-link", source).path for target, source in (
        ("./", "about.qmd"), ("../../", "posts/first/index.qmd"), ("posts/first/", "about.qmd"))] == [
        "index.qmd", "index.qmd", "posts/first/index.qmd"]


def test_a_folder_page_is_found_by_its_folder_name_for_patched_builds():
    """A patched build re-resolves the links whose last name is one of an article's names: a
    folder's README goes by its folder's name."""
    index = ArticleIndex(REPO)
    assert {"core", "readme"} <= index.names(REPO[1]) and "packages" not in index.names(REPO[1])
    assert index.last_names("../core/") == {"core"}


NOTES = [article("Home.md"), article("Topic/Topic.md"), article("Topic/Sub note.md"), article("Parent/Topic/Topic.md"),
         article("Projects/Alpha/index.md"), article("Guide/README.md"), article("Both/index.md"),
         article("Both/Both.md"), article("Outside.md"), article("Outside/Outside.md"), article("Projects/Beta.md")]


@pytest.mark.parametrize(("target", "origin", "source", "expected"), [
    ("Topic", "wiki-link", "Home.md", "Topic/Topic.md"),  # by its file name, the shortest path first
    ("Topic", "wiki-link", "Parent/x.md", "Topic/Topic.md"),
    ("Parent/Topic", "wiki-link", "Home.md", "Parent/Topic/Topic.md"),  # the folder, by its folder note
    ("Parent/Topic/", "markdown-link", "Home.md", "Parent/Topic/Topic.md"),
    ("../Topic", "markdown-link", "Projects/Beta.md", "Topic/Topic.md"),
    ("Alpha", "wiki-link", "Home.md", "Projects/Alpha/index.md"),  # no note Alpha: the folder Alpha's own page
    ("Guide", "embed", "Home.md", "Guide/README.md"),
    ("Projects/Alpha", "wiki-link", "Home.md", "Projects/Alpha/index.md"),
    ("Both/", "markdown-link", "Home.md", "Both/index.md"),  # index first, as a folder's page
    ("Both", "wiki-link", "Home.md", "Both/Both.md"),  # a note's name first
    ("Outside", "wiki-link", "Home.md", "Outside.md"),  # a folder note beside its folder
    ("Outside/", "markdown-link", "Home.md", "Outside.md"),
    ("Projects", "wiki-link", "Home.md", None),  # a folder without a page of its own
    ("Alpha.md", "markdown-link", "Home.md", None),  # a path names no folder by name
])
def test_a_folder_note_is_the_page_of_its_folder(target, origin, source, expected):
    """The folder-note plugins make ``Topic/Topic.md`` (or ``Topic/index.md``, ``Topic/README.md``) the note
    of the folder ``Topic``: a link to the folder reaches it, and ``[[Alpha]]`` that names no note reaches
    the note of the folder ``Alpha``."""
    hit = ArticleIndex(NOTES).resolve(target, origin, source)
    assert (hit.path if hit else None) == expected


def test_a_note_named_like_its_folder_is_no_folder_page_in_a_hugo_site():
    """In a Hugo site ``blog/posts/posts.md`` is a page of its own, at ``/blog/posts/posts/``: ``/blog/posts/``
    is the section's list, which Hugo makes without a file."""
    index = ArticleIndex([article("content/blog/posts/posts.md")], content_dir="content/", bundles=True)
    assert index.resolve("/blog/posts/", "markdown-link", "content/x.md") is None
    assert ArticleIndex([article("blog/posts/posts.md")]).resolve("/blog/posts/", "markdown-link", "x.md") is not None


def test_resolution_of_jekyll_post_urls():
    posts = [article("_posts/2018/2018-05-03-loop.md"), article("about.md", key="/about", url="/about")]
    index = ArticleIndex(posts)
    for target in ("/2018/05/03/loop.html", "/blog/2018/05/03/loop/", "2018-05-03-loop"):
        assert index.resolve(target, "ref" if "/" not in target else "markdown-link", "x.md") is posts[0], target
    assert index.resolve("/about/", "markdown-link", "x.md") is posts[1]


def test_a_jekyll_post_url_with_a_folder_names_the_post_of_that_folder_s_posts():
    """``{% post_url Tech/2021-01-05-x %}`` names ``Tech/_posts/2021-01-05-x.md`` (a category folder's posts),
    as ``{% post_url blog/2021-01-05-x %}`` names ``_posts/blog/...``: Jekyll matches both; the first was a
    stub. A folder that holds no such post still names the one post of that date and slug (Jekyll's
    fallback, with a deprecation warning); of two such posts, none."""
    posts = [article("Tech/_posts/2021-01-05-x.md"), article("_posts/blog/2021-01-06-y.md"),
             article("_posts/2021-01-07-z.md"), article("a/_posts/2021-01-08-w.md"), article("b/_posts/2021-01-08-w.md")]
    index = ArticleIndex(posts)
    assert [getattr(index.resolve(target, "ref", "x.md"), "path", None) for target in (
        "Tech/2021-01-05-x", "blog/2021-01-06-y", "old/2021-01-07-z", "b/2021-01-08-w", "c/2021-01-08-w")] == [
        "Tech/_posts/2021-01-05-x.md", "_posts/blog/2021-01-06-y.md", "_posts/2021-01-07-z.md",
        "b/_posts/2021-01-08-w.md", None]


@pytest.mark.parametrize(("target", "origin", "source", "url_identity", "expected"), [
    ("Future Note#x", "wiki-link", "a/b.md", False, "Future Note"),
    ("/functions/nothere/", "markdown-link", "x.md", False, "functions/nothere"),
    ("/learn/cs/questions/q", "markdown-link", "x.md", True, "/learn/cs/questions/q"),
    ("templates/base", "ref", "content/templates/a.md", False, "templates/base"),  # a ref names a page from the root
    ("../other.md", "markdown-link", "content/a/b.md", False, "other"),
    ("../../../outside.md", "markdown-link", "content/a/b.md", False, None),
    ("/img/logo.svg", "markdown-link", "x.md", False, None),
    # decoded, a name that shows nothing or holds a control character: no stub " ", NUL or line break
    ("%20", "wiki-link", "a.md", False, None),
    ("%E2%80%8B", "wiki-link", "a.md", False, None),
    ("a%00b", "wiki-link", "a.md", False, None),
    ("%0A.md", "markdown-link", "a.md", False, None),
    ("/learn/x/%0D", "markdown-link", "a.md", True, None),
    ("some%20note", "wiki-link", "a.md", False, "some note"),
    ("/", "markdown-link", "a.md", True, "/"),
])
def test_stub_keys(target, origin, source, url_identity, expected):
    index = ArticleIndex([], content_dir="content/")
    assert index.stub_key(target, origin, source, url_identity) == expected


def doc(path: str, url: str) -> Article:
    return Article(url, path, "t", "t", "", "s", "s", (), (), (), url=url)


#: a Docusaurus site's docs, keyed by the urls Docusaurus publishes them at (number prefixes dropped)
DOCS = [doc("docs/01-guides/01-start.md", "/docs/guides/start"),
        doc("docs/01-guides/02-install.md", "/docs/guides/install"), doc("docs/01-guides/legacy.md", "/docs/guides/old"), doc("docs/02-api/index.md", "/docs/api/"),
        doc("docs/02-api/client.md", "/docs/api/client"), doc("docs/02-api/moved.md", "/docs/guides/legacy"),
        doc("docs/intro.md", "/docs/intro")]


@pytest.mark.parametrize(("target", "source", "expected"), [
    ("install", "docs/01-guides/01-start.md", "docs/01-guides/02-install.md"),  # /docs/guides/ + install
    ("./install#steps", "docs/01-guides/01-start.md", "docs/01-guides/02-install.md"),
    ("../api/client", "docs/01-guides/01-start.md", "docs/02-api/client.md"),
    ("../intro", "docs/01-guides/01-start.md", "docs/intro.md"),  # a url that is its page path too
    ("../api/", "docs/01-guides/01-start.md", "docs/02-api/index.md"),
    ("client", "docs/02-api/index.md", "docs/02-api/client.md"),  # /docs/api/ is a folder's url
    ("../02-api/client", "docs/01-guides/01-start.md", "docs/02-api/client.md"),  # a file's path still
    ("legacy", "docs/01-guides/01-start.md", "docs/01-guides/legacy.md"),  # the file beside it wins over the url
    ("02-install.md", "docs/01-guides/01-start.md", "docs/01-guides/02-install.md"),
    ("../api/nothere", "docs/01-guides/01-start.md", None),
    ("guides/install", "docs/intro.md", "docs/01-guides/02-install.md"),  # /docs/ + guides/install
])
def test_a_relative_link_in_a_docusaurus_site_is_read_from_the_pages_url(target, source, expected):
    """A relative link that is no file's path leads where a browser takes it from the page's url:
    ``install`` on ``/docs/guides/start`` is ``/docs/guides/install``; a file's path wins."""
    index = ArticleIndex(DOCS, relative_urls=True)
    url = next(a.url for a in DOCS if a.path == source)
    hit = index.resolve(target, "markdown-link", source, None, url)
    assert (hit.path if hit else None) == expected


@pytest.mark.parametrize(("target", "source_url", "relative_urls", "expected"), [
    ("../api/nothere", "/docs/guides/start", True, "/docs/api/nothere"),  # the url a page may come to
    ("nothere#x", "/docs/api/", True, "/docs/api/nothere"),
    ("nothere.md", "/docs/guides/start", True, "docs/01-guides/nothere"),  # a file's path: from the file
    ("../api/nothere", "/docs/guides/start", False, "docs/api/nothere"),
])
def test_the_stub_of_a_relative_link_in_a_docusaurus_site_is_the_url_it_leads_to(target, source_url, relative_urls,
                                                                                  expected):
    index = ArticleIndex(DOCS, relative_urls=relative_urls)
    assert index.stub_key(target, "markdown-link", "docs/01-guides/01-start.md", True, source_url) == expected


def test_relative_links_in_a_docusaurus_site_lead_where_a_browser_goes_in_cold_and_patched_builds(tmp_path: Path):
    """``[install](install)`` on ``/docs/guides/start`` is a stub at ``/docs/guides/install`` until that doc is
    written; then a patched build leads the link to it, as a cold build does, and back to the stub when it goes."""
    from test_pipeline import database_rows, outputs_of

    site = tmp_path / "site"
    for name, text in {"docusaurus.config.js": "module.exports = {title: 'Lib', url: 'https://lib.example.org'};\n",
                       "docs/intro.md": "# Intro\n\nStart [here](guides/start).\n",
                       "docs/01-guides/01-start.md": "# Start\n\n[install](install), [api](../api/client), "
                                                     "[intro](../intro).\n",
                       "docs/02-api/client.md": "# Client\n\nBack to [start](../guides/start#top).\n"}.items():
        write_article(site, name, text)
    out, cold = tmp_path / "out", tmp_path / "cold"
    start, client, intro = "docs/01-guides/01-start", "docs/02-api/client", "docs/intro"  # keyed by path, linked by url
    assert related(site, out=out) == {
        (intro, start): ("markdown-link", (1,), False), (start, "/docs/guides/install"): ("markdown-link", (1,), True),
        (start, client): ("markdown-link", (2,), False), (start, intro): ("markdown-link", (3,), False),
        (client, start): ("markdown-link", (1,), False)}
    for step in ("write", "delete"):
        if step == "write":
            write_article(site, "docs/01-guides/02-install.md", "# Install\n")
        else:
            (site / "docs/01-guides/02-install.md").unlink()
        kg = build(site, out=out)
        assert kg.build_info.incremental
        install = "article:/docs/guides/install" if step == "delete" else "article:docs/01-guides/02-install"
        assert install in kg.related(start) and (kg.graph.nodes[install]["kind"] == "stub") == (step == "delete")
        shutil.rmtree(cold, ignore_errors=True)
        build(site, out=cold, cache=False)
        assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)


def test_find_names_articles_the_way_people_do():
    index = ArticleIndex(SITE, content_dir="content/", bundles=True)
    for ref in ("functions/where", "/functions/where/", "where", "content/functions/where"):
        assert index.find(ref) is SITE[1], ref
    assert index.find("nothing") is None
    assert ArticleIndex(VAULT).find("alice") is VAULT[0]


# -- edges in the graph ------------------------------------------------------------------


def related(folder: Path, **options) -> dict[tuple[str, str], tuple[str, tuple[int, ...], bool]]:
    kg = build(folder, **options)
    G = kg.graph
    return {
        (u.removeprefix("article:"), v.removeprefix("article:")): (d["origin"], d["positions"], G.nodes[v]["kind"] == "stub")
        for u, v, k, d in G.edges(keys=True, data=True) if k == "related"
    }


HUGO_EDGES = {
    ("/", "templates/introduction"): ("markdown-link", (1,), False),
    ("about/license", "functions/where"): ("ref", (1,), False),
    ("functions", "functions/where"): ("ref", (1,), False),
    ("functions/first", "functions/last"): ("front-matter", (2, 4), False),  # relatedfuncs, then ../last/
    ("functions/first", "functions/where"): ("front-matter", (1, 3), False),
    ("functions/intersect", "functions/where"): ("markdown-link", (1,), False),  # https://docs.example.org/...
    ("functions/last", "functions/first"): ("front-matter", (1, 2), False),
    ("functions/where", "functions/first"): ("front-matter", (1, 3), False),
    ("functions/where", "functions/intersect"): ("front-matter", (2, 4), False),
    ("news/0.120-relnotes", "functions/where"): ("ref", (1,), False),  # ref "where": by name
    ("templates/introduction", "functions/where"): ("ref", (1, 2), False),
    ("templates/introduction", "templates/lookup-order"): ("markdown-link", (3,), False),
    ("templates/introduction", "templates/base-templates"): ("ref", (4,), True),
    ("templates/lookup-order", "templates/introduction"): ("markdown-link", (1,), False),
}


@pytest.mark.parametrize("folder", ["hugo", "hugo/content"])
def test_hugo_edges(folder: str):
    assert related(FIXTURES / folder) == HUGO_EDGES


def test_a_page_name_a_hugo_front_matter_list_gives_and_a_link_to_its_url_are_one_stub(tmp_path: Path):
    """A name in a Hugo page's relatedfuncs that names no page is the page of that name beside it
    (tools/merge), as a link to /tools/merge/ is: the two were two stubs, merge and tools/merge."""
    write_article(tmp_path, "config.toml", 'baseURL = "https://h.org/"\n')
    write_article(tmp_path / "content", "tools/split.md",
                  "---\ntitle: split\nrelatedfuncs: [merge, join, tools/trim]\n---\nSee [merge](/tools/merge/).\n")
    write_article(tmp_path / "content", "tools/join.md", "---\ntitle: join\n---\n")
    assert related(tmp_path) == {
        ("tools/split", "tools/merge"): ("front-matter", (1, 4), True),
        ("tools/split", "tools/join"): ("front-matter", (2,), False),
        ("tools/split", "tools/trim"): ("front-matter", (3,), True)}


def test_jekyll_edges():
    p = "_posts/"
    assert related(FIXTURES / "jekyll") == {
        (p + "2017/2017-03-10-how-to-list-files-by-size", p + "2017/2017-06-01-grep-recursively"): (
            "markdown-link", (1,), False),
        (p + "2018/2018-05-03-bash-loop-over-files", p + "2017/2017-03-10-how-to-list-files-by-size"): (
            "ref", (1,), False),  # {% post_url %}
        (p + "2018/2018-05-03-bash-loop-over-files", p + "2017/2017-12-24-apt-hold"): (
            "markdown-link", (2,), False),  # the site's own absolute url; the Stack Exchange link is no stub
        (p + "2018/2018-11-11-linux-tips", p + "2018/2018-05-03-bash-loop-over-files"): ("markdown-link", (1,), False),
        (p + "2019/2019-02-02-ssh-keys", "/questions/927358"): ("markdown-link", (1,), False),  # a permalink
        (p + "2019/2019-02-02-ssh-keys", p + "2017/2017-08-15-python-venv"): ("ref", (2,), False),  # {% link %}
    }


def test_snippet_edges():
    assert related(FIXTURES / "snippets") == {
        ("debounce", "throttle"): ("markdown-link", (1,), False),
        ("deep-clone", "deep-merge"): ("markdown-link", (1,), True),
        ("flatten", "chunk"): ("markdown-link", (1,), False),
        ("unzip", "zip"): ("markdown-link", (1,), False),
        ("words", "capitalize"): ("markdown-link", (1,), False),
        ("zip", "unzip"): ("markdown-link", (1,), False),
    }


def test_a_markdown_link_s_text_is_shown_without_its_emphasis(tmp_path: Path):
    """A page shows [**Binary Search Tree**](/x) as the words Binary Search Tree, in bold: the link's text kept
    the asterisks. An underscore within a word (snake_case) is no emphasis."""
    found = text_links("| [**Binary Search Tree**](/js/s/bst) | [_the_ *quick*  __sort__](/js/s/q) | "
                       "[my_snake_case](/py/s/s) | [a * b](/m) |", ("markdown",))
    assert [link.text for link in found] == ["Binary Search Tree", "the quick sort", "my_snake_case", "a * b"]
    clone = next(a for a in load_corpus(FIXTURES / "snippets").articles if a.path == "deep-clone.md")
    assert [link.title for link in clone.related if link.target == "deep-merge.md"] == ["the missing deepMerge snippet"]


def test_a_markdown_link_s_text_shows_its_inline_code(tmp_path: Path):
    """A page shows [`rollout`](/docs/x/) as the word rollout, in code: documentation sites write command and field
    links so. Code is blanked before links are read (no link inside code is one), and the blanked span was lost
    with it: the link had no text or lost a word ('the tool'). A backtick
    that opens no code, and a link inside code, are as before."""
    found = text_links("[`rollout`](/docs/a/) [the `drain`  **verb**](/docs/b/) [``a ` b``](/docs/c/) "
                       "`[code](/docs/d/)` [it's ` open](/docs/e/)", ("markdown",))
    assert [(link.target, link.text) for link in found] == [
        ("/docs/a/", "rollout"), ("/docs/b/", "the drain verb"), ("/docs/c/", "a ` b"), ("/docs/e/", "it's ` open")]
    write_site(tmp_path / "site", {
        "hugo.toml": 'baseURL = "https://example.org/"\n',
        "content/docs/pods.md": "---\ntitle: Pods\n---\nSee the [`static`](/docs/cpu-policies/#static) policy.\n"})
    [pods] = load_corpus(tmp_path / "site").articles
    assert [link.title for link in pods.related] == ["static"]


OBSIDIAN_EDGES = {
    ("01 - Community/Community", "01 - Community/People/Alice"): ("wiki-link", (1,), False),
    ("01 - Community/Community", "01 - Community/People/Bob"): ("wiki-link", (2,), False),
    ("01 - Community/Events/Meetup 2023", "02 - Work/Meeting notes"): ("wiki-link", (1,), False),  # shortest path
    ("01 - Community/People/Alice", "01 - Community/People/Bob"): ("wiki-link", (1,), False),
    ("01 - Community/People/Alice", "Projects/Alpha"): ("wiki-link", (2,), False),
    ("01 - Community/People/Bob", "01 - Community/People/Alice"): ("wiki-link", (1,), False),
    ("01 - Community/People/Bob", "Charlie"): ("wiki-link", (2,), True),
    ("02 - Work/Archive/2022/Meeting notes", "Projects/Alpha"): ("wiki-link", (2,), False),  # (1 is itself)
    ("02 - Work/Meeting notes", "Projects/Alpha"): ("wiki-link", (1,), False),
    ("02 - Work/Meeting notes", "Projects/Beta"): ("wiki-link", (2,), False),
    ("02 - Work/Weekly review", "02 - Work/Meeting notes"): ("wiki-link", (1,), False),
    ("03 - Resources/Books/Deep Work", "Ally"): ("wiki-link", (1,), True),  # [[Ally]], an alias: Obsidian leaves it
    ("03 - Resources/Books/Fiction/Alice", "03 - Resources/Books/Deep Work"): ("wiki-link", (1,), False),
    ("03 - Resources/Tools", "Home"): ("markdown-link", (3,), False),
    ("03 - Resources/Tools", "Projects/Alpha"): ("markdown-link", (1,), False),
    ("03 - Resources/Tools", "Projects/Beta"): ("markdown-link", (2,), False),
    ("Daily/2024-01-05", "Projects/Alpha"): ("wiki-link", (1,), False),
    ("Daily/2024-01-06", "Projects/Gamma"): ("front-matter", (1,), False),  # a property: "[[Projects/Gamma|Gamma]]"
    ("Daily/2024-01-06", "02 - Work/Weekly review"): ("front-matter", (2,), False),
    ("Daily/2024-01-06", "01 - Community/People/Bob"): ("wiki-link", (3,), False),
    ("Daily/2024-01-06", "Projects/Beta"): ("wiki-link", (4,), False),
    ("Home", "01 - Community/People/Alice"): ("wiki-link", (1, 4), False),  # then embedded: ![[Alice#Bio]]
    ("Home", "Projects/Alpha"): ("wiki-link", (2,), False),
    ("Home", "02 - Work/Meeting notes"): ("wiki-link", (3,), False),
    ("Home", "Nonexistent note"): ("wiki-link", (5, 6), True),  # [[nonexistent NOTE]] is the same stub
    ("Home", "01 - Community/People/Bob"): ("markdown-link", (7,), False),
    ("Projects/Alpha", "Projects/Beta"): ("wiki-link", (1,), False),
    ("Projects/Beta", "Projects/Alpha"): ("wiki-link", (1, 2), False),
}


def test_obsidian_edges():
    assert related(FIXTURES / "obsidian") == OBSIDIAN_EDGES


def test_obsidian_stubs_are_titled_by_the_note_they_name():
    G = build(FIXTURES / "obsidian").graph
    stub = G.nodes["article:Nonexistent note"]
    assert (stub["kind"], stub["title"], stub["label"], stub["url"]) == ("stub", "Nonexistent note", "Nonexistent note", None)


def test_obsidian_property_links_resolve_as_the_text_s(tmp_path: Path):
    """Obsidian resolves a property's [[link]] as it does one in the text: the root's Dup.md before the
    one beside the note, a ? or a .js part of the name; a stub is named by the note, not the label."""
    write_site(tmp_path / "vault", {
        ".obsidian/app.json": "{}",
        "Dup.md": "Root\n",
        "C/D/Dup.md": "Beside\n",
        "C/D/Src.md": '---\nup: "[[Dup]]"\nask: "[[What?]]"\ntool: "[[Vue.js]]"\nfriend: "[[Pal|Buddy]]"\n---\n'
                      "[[Dup]] and [[What?]]\n"})
    kg = build(tmp_path / "vault")
    assert related(tmp_path / "vault") == {
        ("C/D/Src", "Dup"): ("front-matter", (1, 5), False),
        ("C/D/Src", "What?"): ("front-matter", (2, 6), True),
        ("C/D/Src", "Vue.js"): ("front-matter", (3,), True),
        ("C/D/Src", "Pal"): ("front-matter", (4,), True)}
    assert kg.graph.nodes["article:Pal"]["title"] == "Pal"


def test_in_an_obsidian_vault_inline_math_holds_no_link_nor_tag(tmp_path: Path):
    """Obsidian renders $[[A]]^{v}$ as a formula (a note on semantics writes $[[F \\land G]]^{v}$): no link of its
    graph, where each was a stub (A, F \\land G); nor is #b in $a #b$ a tag. Dollars that make no formula ($5 and
    $10) hide nothing. A Logseq graph's single $ is text, and Foam's parser reads no math: their [[A]] are links."""
    body = "$[[A]]^{v} = v(A)$, $[[F \\land G]]^{v}$ and $a #b$; costs $5 and $10 for [[C]] #d\n"
    write_site(tmp_path / "vault", {".obsidian/app.json": "{}", "Note.md": body})
    kg = build(tmp_path / "vault")
    assert related(tmp_path / "vault") == {("Note", "C"): ("wiki-link", (1,), True)}
    assert kg.graph.nodes["article:Note"]["keywords"] == ("d",)
    write_site(tmp_path / "graph", {"logseq/config.edn": "{}", "pages/Note.md": body})
    write_site(tmp_path / "foam", {".foam/.keep": "", "Note.md": body})
    for other in ("graph", "foam"):
        assert {target for _, target in related(tmp_path / other)} == {"A", "F \\land G", "C"}, other


def test_in_an_obsidian_vault_a_comment_never_closed_runs_to_the_end_of_the_note(tmp_path: Path):
    """A %% that no %% follows opens a comment to the end of the note in Obsidian (its reading view hides the
    rest, its editor greys it): the [[links]] and #tags there are none of its graph. qagraph read it as text,
    and the half-written note's [[C]] became a stub. A %% inside code opens nothing; a Quartz site's
    comments are %%...%% only (its ObsidianFlavoredMarkdown), so there the lone %% is text."""
    body = "[[A]] %% done %% [[B]] `%%` #b\n\n%% to do: link [[C]]\n#c and [D](D.md)\n"
    write_site(tmp_path / "vault", {".obsidian/app.json": "{}", "Note.md": body, "A.md": "A.\n", "B.md": "B.\n"})
    kg = build(tmp_path / "vault")
    assert sorted(target for _, target in related(tmp_path / "vault")) == ["A", "B"]
    assert kg.graph.nodes["article:Note"]["keywords"] == ("b",)
    write_site(tmp_path / "quartz", {"quartz.config.ts": "const config = {}\n", "content/Note.md": body,
                                     "content/A.md": "A.\n", "content/B.md": "B.\n"})
    quartz = related(tmp_path / "quartz", preset="obsidian")
    assert sorted(target.rpartition("/")[2] for _, target in quartz) == ["A", "B", "C", "D"]


#: a site of the Relearn theme: the home page lists two levels of pages, a chapter its own, one escaped call
RELEARN = {
    "hugo.toml": 'title = "Docs"\ntheme = "hugo-theme-relearn"\n',
    "content/_index.md": '---\ntitle: Home\n---\n{{% children depth="2" %}}\n',
    "content/basics/_index.md": "---\ntitle: Basics\n---\nThe basics.\n\n{{% children %}}\n",
    "content/basics/install/index.md": "---\ntitle: Install\n---\nInstall it.\n",
    "content/basics/config/_index.md": "---\ntitle: Config\n---\n{{< children showhidden=\"true\" >}}\n",
    "content/basics/config/flags.md": "---\ntitle: Flags\nhidden: true\n---\nFlags.\n",
    "content/basics/secret.md": "---\ntitle: Secret\nhidden: true\n---\nNot in the menu.\n",
    "content/basics/draft.md": "---\ntitle: Draft\ndraft: true\n---\nNot built.\n",
    "content/more/_index.md": "---\ntitle: More\n---\nCall it so: `{{% children %}}`, or {{%/* children */%}}.\n",
    "content/more/extra.md": "---\ntitle: Extra\n---\nExtra.\n",
}


def test_a_learn_or_relearn_section_links_to_the_pages_its_children_shortcode_lists(tmp_path: Path):
    """The Learn and Relearn themes' {{% children %}} shows a section's pages (and theirs, to its depth) as a
    list of links, leaving out those hidden from the menu unless it says showhidden: a reader of a chapter
    page sees a link to each. qagraph read no link there, so a chapter page had none and its pages no link
    to them. A page hidden, a draft, an escaped call or one in code links nowhere; no page is a stub."""
    write_site(tmp_path, RELEARN)
    kg = build(tmp_path)
    links = {(u, v): d["origin"] for u, v, k, d in kg.graph.edges(keys=True, data=True) if k == "related"}
    assert links == {("article:/", "article:basics"): "children", ("article:/", "article:more"): "children",
                     ("article:/", "article:basics/install"): "children",
                     ("article:/", "article:basics/config"): "children", ("article:/", "article:more/extra"): "children",
                     ("article:basics", "article:basics/install"): "children",
                     ("article:basics", "article:basics/config"): "children",
                     ("article:basics/config", "article:basics/config/flags"): "children"}
    assert not [n for n, d in kg.graph.nodes(data=True) if d["kind"] == "stub"]
    write_article(tmp_path, "hugo.toml", 'title = "Docs"\ntheme = "ananke"\n')  # another theme's page: no such list
    assert not [k for _, _, k in build(tmp_path).graph.edges(keys=True) if k == "related"]


def test_links_from_the_text_are_read_only_where_the_preset_says():
    # Jekyll reads Markdown links, its own tags and related lists, not wiki-links in the text;
    # the Q&A format only related_articleN
    jekyll = related(FIXTURES / "obsidian", preset="jekyll")
    assert {o for o, _, _ in jekyll.values()} == {"markdown-link", "front-matter"}
    assert jekyll[("Daily/2024-01-06", "02 - Work/Weekly review")] == ("front-matter", (1,), False)
    assert related(FIXTURES / "snippets", preset="quicktakes") == {}
    markdown_only = related(FIXTURES / "obsidian", overrides={"links": "markdown"})
    assert {k for k, v in markdown_only.items() if v[0] != "front-matter"} == {
        k for k, v in OBSIDIAN_EDGES.items() if v[0] == "markdown-link"}


def test_links_to_folders_reach_their_readme_or_index(tmp_path: Path):
    """A repository's pages link to folders, as GitHub and MkDocs show them (a folder's README.md
    or index.md): every link reaches its page, none is a stub."""
    for name, text in {"README.md": "# Acme\n\nPackages: [core](packages/core), [cli](packages/cli/). [Docs](docs/)\n",
                       "packages/core/README.md": "# @acme/core\n\nUsed by [cli](../cli/).\n",
                       "packages/cli/README.md": "# @acme/cli\n\nBuilt on [core](../core/README.md).\n",
                       "docs/index.md": "# Documentation\n\nSee [core](../packages/core) and [home](../).\n"}.items():
        write_article(tmp_path, name, text)
    core, cli = "packages/core/README", "packages/cli/README"
    assert related(tmp_path) == {
        ("README", core): ("markdown-link", (1,), False), ("README", cli): ("markdown-link", (2,), False),
        ("README", "docs/index"): ("markdown-link", (3,), False), (core, cli): ("markdown-link", (1,), False),
        (cli, core): ("markdown-link", (1,), False), ("docs/index", core): ("markdown-link", (1,), False),
        ("docs/index", "README"): ("markdown-link", (2,), False)}
    assert build(tmp_path).article("packages/core") == "article:" + core  # as qagraph related PAGE names it


def test_folder_notes_in_a_vault_are_reached_in_cold_and_patched_builds(tmp_path: Path):
    """[[Alpha]] with no note Alpha was a stub beside Projects/Alpha/index.md, the folder's note; once
    Alpha/Alpha.md is written, a patched build leads the links to the folder there, as a cold build does."""
    from test_pipeline import database_rows, outputs_of

    vault = tmp_path / "vault"
    (vault / ".obsidian").mkdir(parents=True)
    for name, text in {"Home.md": "See [[Alpha]], [[Projects/Beta]] and [[Topic]].\n",
                       "Projects/Alpha/index.md": "# Alpha\n\nThe project.\n",
                       "Projects/Beta/README.md": "Beta's readme.\n",
                       "Topic/Topic.md": "About the topic.\n", "Topic/Detail.md": "Up: [[Topic]]\n"}.items():
        write_article(vault, name, text)
    out, cold = tmp_path / "out", tmp_path / "cold"
    assert related(vault, out=out) == {
        ("Home", "Projects/Alpha/index"): ("wiki-link", (1,), False),
        ("Home", "Projects/Beta/README"): ("wiki-link", (2,), False),
        ("Home", "Topic/Topic"): ("wiki-link", (3,), False), ("Topic/Detail", "Topic/Topic"): ("wiki-link", (1,), False)}
    write_article(vault, "Projects/Beta/Beta.md", "Beta's note.\n")  # README first: links stay
    write_article(vault, "Projects/Alpha.md", "Alpha's own note.\n")  # a note's name first: links move
    kg = build(vault, out=out)
    assert kg.build_info.incremental
    assert kg.related("Home") == ["article:Projects/Alpha", "article:Projects/Beta/README", "article:Topic/Topic"]
    build(vault, out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)


def test_wiki_links_in_a_github_wiki_and_a_dendron_vault(tmp_path: Path):
    """GitHub wikis and Dendron write ``[[label|target]]``: the side that names a page is the target."""
    for name, text in {"wiki/Home.md": "Start: [[Read the FAQ|FAQ]], [[Setup guide|Getting-Started]], [[Nope|Nada]]\n",
                       "wiki/Getting-Started.md": "# Getting started\n\nSee [[FAQ]].\n",
                       "wiki/FAQ.md": "Questions.\n",
                       "dendron/lang.python.md": "---\nid: x\ntitle: Python\n---\nSee [[Data types|lang.python.data]].\n",
                       "dendron/lang.python.data.md": "---\nid: y\ntitle: Data\n---\nBack to [[Python|lang.python]].\n",
                       }.items():
        write_article(tmp_path, name, text)
    assert related(tmp_path / "wiki") == {
        ("Home", "FAQ"): ("wiki-link", (1,), False), ("Home", "Getting-Started"): ("wiki-link", (2,), False),
        ("Home", "Nope"): ("wiki-link", (3,), True), ("Getting-Started", "FAQ"): ("wiki-link", (1,), False)}
    assert related(tmp_path / "dendron") == {("lang.python", "lang.python.data"): ("wiki-link", (1,), False),
                                             ("lang.python.data", "lang.python"): ("wiki-link", (1,), False)}


def test_a_github_wiki_links_its_pages_by_their_names(tmp_path: Path):
    """A cloned GitHub wiki: ``[[Getting Started]]`` is the page ``Getting-Started.md`` (GitHub
    writes spaces as hyphens in a page's file name), and ``[[label|page]]`` leads to the page."""
    for name, text in {"Home.md": "Start: [[Getting Started]], [[Read the FAQ|FAQ]], [[Setup guide|Getting-Started]]\n",
                       "Getting-Started.md": "# Getting started\n\nSee [[FAQ]].\n", "FAQ.md": "Questions.\n"}.items():
        write_article(tmp_path, name, text)
    assert related(tmp_path) == {
        ("Home", "Getting-Started"): ("wiki-link", (1, 3), False), ("Home", "FAQ"): ("wiki-link", (2,), False),
        ("Getting-Started", "FAQ"): ("wiki-link", (1,), False)}


def test_jekyll_tags_name_a_post_with_spaces_in_its_file_name(tmp_path: Path):
    """Jekyll's ``post_url`` and ``link`` take all their text as the name (a post's file name may hold spaces,
    ``_posts/2021-04-02-Night Trains.md``), where Hexo's ``post_link`` takes its first word, then a title."""
    body = ("{% post_url 2021-04-02-Night Trains %} {%- link _posts/2021-04-02-Night Trains.md -%}\n"
            "{% post_link night-trains Read about trains %} {% post_url %}")
    assert [t for _, t, _, _ in found(body)] == [
        "2021-04-02-Night Trains", "_posts/2021-04-02-Night Trains.md", "night-trains"]
    site = tmp_path / "site"
    for name, text in {"_config.yml": "permalink: /posts/:title/\n",
                       "_posts/2021-04-02-Night Trains.md": "---\ntitle: Night trains\n---\nText.\n",
                       "_posts/2021-05-01-ferries.md": "---\ntitle: Ferries\n---\n"
                                                       "[trains]({% post_url 2021-04-02-Night Trains %})\n"}.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    graph = build(site, out=tmp_path / "out").graph
    assert [v for _, v, kind in graph.out_edges("article:_posts/2021-05-01-ferries", keys=True)
            if kind == "related"] == ["article:_posts/2021-04-02-Night Trains"]
    assert graph.nodes["article:_posts/2021-04-02-Night Trains"]["url"] == "/posts/Night-Trains/"


def test_jekyll_tags_name_a_post_whose_file_name_holds_a_percent_sign(tmp_path: Path):
    """``{% post_url 2016-09-06-Battery-at-97% %}`` names ``_posts/2016-09-06-Battery-at-97%.md`` (and a ``%22`` in a
    name is those three characters, not a quote), as Jekyll matches the tag's whole text. The tag was not read at all
    (its name stopped at the first %): the link was lost, not even a stub."""
    assert [t for _, t, _, _ in found("{% post_url 2016-09-06-Battery-at-97% %} {%- link a%20b.md -%}")] == [
        "2016-09-06-Battery-at-97%25", "a%2520b.md"]
    write_site(tmp_path / "site", {
        "_config.yml": "title: Answers\n",
        "_posts/2016-09-06-Battery-at-97%.md": "---\ntitle: Battery at 97%\n---\nText.\n",
        "_posts/2016-09-26-Speaker-%22beep%22.md": "---\ntitle: Speaker beep\n---\nText.\n",
        "_posts/2016-10-01-links.md": "---\ntitle: Links\n---\n[a]({% post_url 2016-09-06-Battery-at-97% %})"
                                       " [b]({% post_url 2016-09-26-Speaker-%22beep%22 %})\n"})
    graph = build(tmp_path / "site", out=tmp_path / "out").graph
    assert sorted(v for _, v, kind in graph.out_edges("article:_posts/2016-10-01-links", keys=True)
                  if kind == "related") == ["article:_posts/2016-09-06-Battery-at-97%",
                                            "article:_posts/2016-09-26-Speaker-%22beep%22"]
    assert graph.nodes["article:_posts/2016-09-26-Speaker-%22beep%22"]["url"] == "/2016/09/26/Speaker-22beep-22.html"


def test_a_jekyll_tag_a_raw_block_shows_as_written_is_no_link():
    """A post about Jekyll writes ``[older post]({% raw %}{% post_url 2014-05-20-x %}{% endraw %})`` to show the
    tag: Liquid leaves a raw block's markup as written, so the page shows the tag and links to no post. It was
    read as a link to the post; a tag outside the block, and a Markdown link inside it, are still links."""
    body = ("[older]({% raw %}{% post_url 2014-05-20-older %}{% endraw %})"
            " {%- raw -%}{% link about.md %}{%- endraw -%}\n"
            "[newer]({% post_url 2014-06-01-newer %}) {% raw %}[plain](/plain/){% endraw %}\n")
    assert [(origin, t) for origin, t, _, _ in found(body)] == [
        ("ref", "2014-06-01-newer"), ("markdown-link", "/plain/")]


def test_jekyll_tags_name_a_post_whose_file_name_holds_a_question_mark(tmp_path: Path):
    """A blog of questions names its posts by them (``_posts/2018/2018-01-03-Why-not-boot?.md``) and links
    them by ``{% post_url /2018/2018-01-03-Why-not-boot? %}``: Jekyll matches the whole name, the ``?`` (or
    ``#``) a character of it, and slugifies the url (``/2018/01/03/Why-not-boot.html``). The ``?`` was read
    as a query and cut off, so the link was a stub."""
    write_site(tmp_path / "site", {
        "_config.yml": "title: Answers\n",
        "_posts/2018/2018-01-03-Why-not-boot?.md": "---\ntitle: Why not boot?\n---\nText.\n",
        "_posts/2018/2018-01-04-C#-or-F#.md": "---\ntitle: C# or F#\n---\nText.\n",
        "_posts/2018/2018-01-05-links.md": "---\ntitle: Links\n---\n[a]({% post_url /2018/2018-01-03-Why-not-boot? %})"
                                            " [b]({% post_url 2018-01-04-C#-or-F# %})\n"})
    graph = build(tmp_path / "site", out=tmp_path / "out").graph
    assert sorted(v for _, v, kind in graph.out_edges("article:_posts/2018/2018-01-05-links", keys=True)
                  if kind == "related") == ["article:_posts/2018/2018-01-03-Why-not-boot?",
                                            "article:_posts/2018/2018-01-04-C#-or-F#"]
    assert graph.nodes["article:_posts/2018/2018-01-03-Why-not-boot?"]["url"] == "/2018/01/03/Why-not-boot.html"
    # Hugo's ref keeps its anchor apart: the page, then the heading
    assert [t for _, t, _, _ in found('{{< ref "setup.md#install" >}} {% post_url 2018-01-03-a?b %}')] == [
        "setup.md#install", "2018-01-03-a%3Fb"]


def test_the_links_of_a_markdown_snippet_a_jekyll_page_includes_are_the_page_s(tmp_path: Path):
    """A course page that writes ``{% include steps/merge.md %}`` shows the snippet's text, links and all:
    Jekyll puts the file of ``_includes/`` in the page before Markdown reads it. Those links were lost;
    now they are the page's, on the include tag's line: one written from the site's root
    (``{{ site.baseurl }}/guides/undo/``), one relative to the page's url (``../two/``), one through a
    snippet the snippet includes. A snippet in a code block, or an HTML include (a layout's nav), adds none."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Course\nbaseurl: /course\npermalink: pretty\n",
        "_includes/steps/merge.md": "## Merging\n\nSee [undoing things]({{ site.baseurl }}/guides/undo/) "
                                    "and [the next step](../two/).\n\n{% include steps/more.md %}\n",
        "_includes/steps/more.md": "Read [the glossary]({{ '/glossary/' | relative_url }}) too.\n",
        "_includes/unused.md": "[nowhere](/guides/nowhere/)\n",
        "_includes/nav.html": '<a href="{{ site.baseurl }}/guides/undo/">Undo</a>\n',
        "guides/undo.md": "---\ntitle: Undo\n---\n",
        "glossary.md": "---\ntitle: Glossary\n---\n",
        "lessons/one.md": "---\ntitle: One\npermalink: /lessons/one/\n---\n# One\n\n{% include nav.html %}\n"
                          "Merge now.\n\n{% include steps/merge.md %}\n\n```\n{% include steps/more.md %}\n```\n",
        "lessons/two.md": "---\ntitle: Two\npermalink: /lessons/two/\n---\nDone.\n",
    })
    kg = build(site)
    assert kg.related("lessons/one") == [kg.article("guides/undo"), kg.article("lessons/two"), kg.article("glossary")]
    assert kg.counts.get("stubs", 0) == 0
    one = next(a for a in load_corpus(site).articles if a.path == "lessons/one.md")
    assert [(link.target, link.line) for link in one.related] == [
        ("/guides/undo/", 10), ("../two/", 10), ("/glossary/", 10)]


def test_a_jekyll_link_with_the_base_path_written_out_leads_to_its_page_without_a_site_url(tmp_path: Path):
    """A site served below a path (``baseurl: /on-demand``) whose config names no ``url`` writes links to
    its pages with that path in them (``[Set up](/on-demand/trouble/01)``), as a browser follows them:
    they were stubs, as only a config with a ``url`` made its base path known. A link without it, or
    through ``{{ site.baseurl }}``, still leads to its page."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Classes\nbaseurl: \"/on-demand\" # the subpath of your site\n",
        "setup.md": "---\ntitle: Set up\npermalink: /trouble/01\n---\n",
        "amend.md": "---\ntitle: Amend\npermalink: /trouble/02\n---\nRun [the setup](/on-demand/trouble/01) first, "
                    "then [go on]({{ site.baseurl }}/trouble/03).\n",
        "reset.md": "---\ntitle: Reset\npermalink: /trouble/03\n---\nBack to [amend](/trouble/02).\n",
    })
    kg = build(site)
    assert kg.related("amend") == [kg.article("/trouble/01"), kg.article("/trouble/03")]
    assert kg.related("reset") == [kg.article("/trouble/02")]
    assert kg.counts.get("stubs", 0) == 0


def test_the_snippets_a_jekyll_page_lists_for_its_layout_to_include_show_their_links(tmp_path: Path):
    """A class layout includes the snippets a lesson lists in its front matter (``tell-me-why: includes:
    [notes/reset.md]``, shown by ``{% for child in page.tell-me-why.includes %}{% include {{child}} %}``):
    their links, a cross-reference to another scenario among them, are on the lesson's page, but the
    lesson linked nowhere. Now they are its links, at the line of the field; one name or a list, with a
    leading ``/`` or not. A listed file the site does not have adds none, nor does a field no layout
    includes."""
    site = tmp_path / "site"
    layout = ("{{ page.main | markdownify }}\n{% if page.tell-me-why %}<details>\n"
              "{% for child in page.tell-me-why.includes %}{% capture my_include %}{% include {{child}} %}"
              "{% endcapture %}{{ my_include | markdownify }}{% endfor %}</details>{% endif %}\n"
              "{% for item in page.refresh.includes %}{% include {{ item }} %}{% endfor %}\n{{ content }}\n")
    write_site(site, {
        "_config.yml": "title: Class\n",
        "_layouts/lesson.html": layout,
        "_includes/notes/reset.md": "## Reset\nSee the [too many commits](/trouble/03) scenario.\n",
        "_includes/notes/amend.md": "## Amend\nRead [the setup](/trouble/01) first.\n",
        "_includes/refresh/push.md": "Push as in [the first lesson](/trouble/01).\n",
        "_includes/notes/other.md": "[elsewhere](/trouble/09)\n",
        "setup.md": "---\ntitle: Set up\npermalink: /trouble/01\n---\n",
        "many.md": "---\ntitle: Too many commits\npermalink: /trouble/03\n---\n",
        "amend.md": "---\nlayout: lesson\ntitle: Amend\npermalink: /trouble/02\nrefresh:\n  includes: refresh/push.md\n"
                    "tell-me-why:\n  includes:\n    - notes/amend.md\n    - /notes/reset.md\n    - notes/missing.md\n"
                    "other:\n  includes:\n    - notes/other.md\n---\n",
    })
    kg = build(site)
    assert kg.related("amend") == [kg.article("/trouble/01"), kg.article("/trouble/03")]
    assert kg.counts.get("stubs", 0) == 0
    amend = next(a for a in load_corpus(site).articles if a.path == "amend.md")
    assert [(link.target, link.line) for link in amend.related] == [
        ("/trouble/01", 5), ("/trouble/01", 7), ("/trouble/03", 7)]


def test_a_link_s_text_leaves_out_the_liquid_it_renders_otherwise(tmp_path: Path):
    """A cheat-sheet index lists its translations as ``<a href="..."><span>{% include icons/download.svg %}</span>
    Deutsch</a>``: the site shows an icon and "Deutsch", but the link's text
    was "{% include icons/download.svg %} Deutsch". A Liquid tag or output in a link's text
    is left out now, in an HTML page as in Markdown; text without Liquid is kept as written."""
    site = tmp_path / "site"
    write_site(site, {
        "_config.yml": "title: Sheets\n",
        "sheets/index.html": "---\ntitle: Sheets\n---\n<ul>\n<li><a class=\"d-flex\" href=\"{{ site.baseurl }}/sheets/de/\">"
                             "<span class=\"mr-2\">{% include icons/download.svg %}</span> Deutsch</a></li>\n"
                             "<li><a href=\"/sheets/fr/\">{{ site.data.names.fr }}</a></li>\n</ul>\n",
        "about.md": "---\ntitle: About\n---\nSee [{% include icons/book.svg %} the {{ site.title }} index](/sheets/ja/) "
                    "and [Sheets 100%](/sheets/).\n",
    })
    texts = {link.target: link.title for a in load_corpus(site).articles for link in a.related}
    assert texts == {"/sheets/de/": "Deutsch", "/sheets/fr/": None, "/sheets/ja/": "the index", "/sheets/": "Sheets 100%"}
    kg = build(site)
    assert kg.related("about") == [kg.article("/sheets/ja"), kg.article("sheets/index")]


def _command_page(name: str, description: str, *examples: str) -> str:
    """A command page as tldr-pages writes one: ``# name``, ``> `` description lines, examples."""
    shown = "".join(f"- {text}:\n\n`{code}`\n\n" for text, code in zip(examples[::2], examples[1::2]))
    return f"# {name}\n\n" + "".join(f"> {line}\n" for line in description.split("\n")) + "\n" + shown


def test_a_command_pages_see_also_alias_and_tldr_mentions_reach_the_commands_pages(tmp_path: Path):
    """A command reference's pages name the pages of other commands in backticks: "See also: `a`, `b`."
    (in any language: a short label and a colon), "This command is an alias of `x`.", and examples
    that show another page, `tldr x` (`tldr x -p common`: the common one). None of these was a link:
    the pages were unlinked. Now each is, to the command's page in the page's own platform, else in
    common/, from a translation in its own language first and then the English pages, as tldr's
    clients look them up; a command with no page is one stub, its documentation's url none, and a
    backticked command line (`zap -f`) or a placeholder (`tldr {{command}}`) names no page."""
    write_site(tmp_path, {
        "pages/common/zap.md": _command_page("zap", "Remove stray files.\nMore information: <https://zap.example>.",
                                             "Remove", "zap {{path}}"),
        "pages/linux/zapd.md": _command_page("zapd", "This command is an alias of `zap`.",
                                             "View documentation for the original command", "tldr zap"),
        "pages/osx/zapd.md": _command_page("zapd", "The zap daemon of macOS.", "Start it", "zapd"),
        "pages/linux/zapctl.md": _command_page("zapctl", "Control zap.\nSee also: `zapd`, `zap`, `zork`.\n"
                                               "Example: `zap -f`.", "Show a page", "tldr {{command}}"),
        "pages/windows/zapd.md": _command_page("zapd", "In PowerShell, zapd is no command.",
                                               "View documentation for the macOS command", "tldr zapd -p osx"),
        "pages.xx/common/zap.md": _command_page("zap", "Entferne Dateien.", "Entferne", "zap {{pfad}}"),
        "pages.xx/linux/zapctl.md": _command_page("zapctl", "Steuere zap.\nSiehe auch: `zap`.",
                                                  "Zeige die Dokumentation", "tldr zapd"),
    })
    kg = build(tmp_path)

    def related(path: str) -> list[str]:
        return [kg.graph.nodes[n]["key"] for n in kg.related(kg.article(path))]

    assert related("pages/linux/zapd.md") == ["pages/common/zap"]
    assert related("pages/linux/zapctl.md") == ["pages/linux/zapd", "pages/common/zap", "pages/common/zork"]
    assert related("pages/windows/zapd.md") == ["pages/osx/zapd"]
    assert related("pages.xx/linux/zapctl.md") == ["pages.xx/common/zap", "pages/linux/zapd"]
    assert related("pages/common/zap.md") == [] and related("pages/osx/zapd.md") == []
    assert kg.counts["stubs"] == 1


def test_a_command_with_no_page_is_a_stub_named_as_the_page_names_it(tmp_path: Path):
    """A command a page mentions that has no page of its own was a stub labelled by its would-be path,
    ``pages/common/zork``: now by the command's name as the page writes it, ``Zork ctl``."""
    write_site(tmp_path, {
        "pages/common/zap.md": _command_page("zap", "Remove stray files.\nSee also: `Zork ctl`.", "Remove", "zap"),
        "pages/linux/zapd.md": _command_page("zapd", "The zap daemon.", "Show zork", "tldr zork -p common"),
    })
    kg = build(tmp_path)
    stubs = {kg.graph.nodes[n]["key"]: kg.graph.nodes[n]["label"] for n in kg.graph if kg.graph.nodes[n]["kind"] == "stub"}
    assert stubs == {"pages/common/zork-ctl": "Zork ctl", "pages/common/zork": "zork"}


def test_a_command_only_another_platform_has_is_its_page_there(tmp_path: Path):
    """tldr's clients look a page up in the host's platform, then in common/, then in the other
    platforms: "See also: `unzap`" on common/zap.md, with unzap's page in linux/ only, was a stub
    ``pages/common/unzap`` beside the page it names. Now it reaches that page (of several platforms
    the first by path; from a translation its own language's first), and a command no platform has
    stays a stub."""
    write_site(tmp_path, {
        "pages/common/zap.md": _command_page("zap", "Remove stray files.\nSee also: `unzap`, `zork`.", "Remove", "zap"),
        "pages/osx/unzap.md": _command_page("unzap", "Restore files on macOS.", "Restore", "unzap"),
        "pages/linux/unzap.md": _command_page("unzap", "Restore files.\nSee also: `zap`.", "Restore", "unzap"),
        "pages.xx/common/zap.md": _command_page("zap", "Entferne Dateien.\nSiehe auch: `unzap`.", "Entferne", "zap"),
        "pages.xx/windows/unzap.md": _command_page("unzap", "Stelle Dateien her.", "Stelle", "unzap"),
    })
    kg = build(tmp_path)

    def related(path: str) -> list[str]:
        return [kg.graph.nodes[n]["key"] for n in kg.related(kg.article(path))]

    assert related("pages/common/zap.md") == ["pages/linux/unzap", "pages/common/zork"]
    assert related("pages/linux/unzap.md") == ["pages/common/zap"]
    assert related("pages.xx/common/zap.md") == ["pages.xx/windows/unzap"]
    assert kg.counts["stubs"] == 1


def test_a_base_commands_page_links_the_subcommands_it_says_have_pages_of_their_own(tmp_path: Path):
    """A base command's page says which of its subcommands have pages of their own ("Some subcommands
    such as `run`, `zap ls` have their own usage documentation."), each named bare or in full: these
    were no links. Now each reaches its page (zap-run.md, zap-ls.md), named with the base command."""
    write_site(tmp_path, {
        "pages/common/zap.md": _command_page(
            "zap", "Remove stray files.\nSome subcommands such as `run`, `zap ls` have their own usage documentation.",
            "Remove", "zap"),
        "pages/common/zap-run.md": _command_page("zap run", "Run a zap job.", "Run", "zap run"),
        "pages/linux/zap-ls.md": _command_page("zap ls", "List zap jobs.", "List", "zap ls"),
        "pages/common/zap-ls.md": _command_page("zap ls", "List zap jobs.", "List", "zap ls"),
    })
    kg = build(tmp_path)
    assert [kg.graph.nodes[n]["key"] for n in kg.related(kg.article("pages/common/zap.md"))] == [
        "pages/common/zap-run", "pages/common/zap-ls"]


def test_a_translations_mention_finds_its_platforms_english_page_before_a_common_one(tmp_path: Path):
    """tldr's clients look a page up platform by platform, each in the reader's language and then in
    English: a German Linux page's mention of `zapd` reached the German common page before the English
    Linux one, which documents the command of the page's own platform. Now the platform comes first."""
    write_site(tmp_path, {
        "pages.xx/linux/zapctl.md": _command_page("zapctl", "Steuere zap.\nSiehe auch: `zapd`.", "Zeige", "zapctl"),
        "pages.xx/common/zapd.md": _command_page("zapd", "Der zap-Dienst.", "Starte", "zapd"),
        "pages/linux/zapd.md": _command_page("zapd", "The zap daemon of Linux.", "Start", "zapd"),
        "pages/common/zapd.md": _command_page("zapd", "The zap daemon.", "Start", "zapd"),
    })
    kg = build(tmp_path)
    assert [kg.graph.nodes[n]["key"] for n in kg.related(kg.article("pages.xx/linux/zapctl.md"))] == ["pages/linux/zapd"]


def test_the_health_report_names_a_missing_commands_page_by_its_command(tmp_path: Path):
    """A link to a command with no page showed in the health report's outside links with no title
    (``target_title: null``): a command's page is titled by its command, which the stub now is."""
    import json

    import qagraph

    write_site(tmp_path / "c", {
        "pages/common/zap.md": _command_page("zap", "Remove stray files.\nSee also: `zork`.", "Remove", "zap"),
        "pages/common/zip.md": _command_page("zip", "Zip files.", "Zip", "zip"),
    })
    qagraph.build(tmp_path / "c", out=tmp_path / "out")
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [(link["path"], link["target_title"]) for link in report["health"]["outside_links"]["links"]] == [
        ("pages/common/zap.md", "zork")]
#: a Docusaurus site with a blog, a versioned docs folder and a second docs plugin: read from its root,
#: its pages link to each other by their file's path from their own content folder (/start/setup.mdx)
MULTI_FOLDER_SITE = {
    "docusaurus.config.js": "export default {title: 'Tool', presets: [['classic', {docs: {lastVersion: 'current',"
                            " versions: {1: {path: 'v1'}}}, blog: {}}]], plugins: [['@docusaurus/plugin-content-docs',"
                            " {id: 'team', path: 'team', routeBasePath: 'team'}]]};\n",
    "versions.json": '["1"]\n',
    "docs/start/setup.mdx": "# Setup\n\nRead [the guide](/guide/basics.md#first) and [faq](faq.md).\n",
    "docs/guide/basics.md": "# Basics\n\nBack to [setup](/start/setup.mdx) and [the team](/team/people.md).\n",
    "docs/faq.md": "# FAQ\n\nHello.\n",
    "versioned_docs/version-1/guide/basics.md": "# Old basics\n\nSee [old setup](/start/setup.md), [faq](faq.md).\n",
    "versioned_docs/version-1/start/setup.md": "# Old setup\n",
    "versioned_docs/version-1/faq.md": "# Old FAQ\n",
    "team/people.md": "# People\n\nRead [roles](/roles.md).\n",
    "team/roles.md": "# Roles\n",
    "blog/2024-01-02-hello.md": "---\ntitle: Hello\n---\n\nSee [setup](/docs/start/setup) and [the post](/2024-01-03-next.md).\n",
    "blog/2024-01-03-next.md": "---\ntitle: Next\n---\n\nHi.\n",
}


def test_docusaurus_file_path_links_are_read_from_the_linking_pages_content_folder(tmp_path: Path):
    """Docusaurus reads a link to a Markdown file (``/guide/basics.md``; ``faq.md`` after the linking file's
    own folder) from the content folder of the plugin whose page it is (the docs', a version's, another docs
    plugin's, the blog's): read from the site's root, with a blog beside the docs, each leads to that page,
    not to a stub, and a version's page to its own version's. The docs' ``/team/people.md`` names a file of
    another docs plugin, which Docusaurus does not read it from (:func:`test_a_docusaurus_file_link_to_another_plugins_page_is_broken`):
    the stub of ``docs/team/people.md``, the file it names in the docs' own folder. It led to the team's page."""
    write_site(tmp_path / "site", MULTI_FOLDER_SITE)
    edges = related(tmp_path / "site", out=tmp_path / "out")
    stubs = sorted(v for (_, v), (_, _, stub) in edges.items() if stub)
    assert stubs == ["docs/team/people"]
    assert {pair for pair in edges} == {
        ("docs/start/setup", "docs/guide/basics"), ("docs/start/setup", "docs/faq"),
        ("docs/guide/basics", "docs/start/setup"), ("docs/guide/basics", "docs/team/people"),
        ("versioned_docs/version-1/guide/basics", "versioned_docs/version-1/start/setup"),
        ("versioned_docs/version-1/guide/basics", "versioned_docs/version-1/faq"),
        ("team/people", "team/roles"),
        ("blog/2024-01-02-hello", "docs/start/setup"), ("blog/2024-01-02-hello", "blog/2024-01-03-next")}


def test_a_docusaurus_file_link_to_another_plugins_page_is_broken(tmp_path: Path):
    """Each Docusaurus plugin instance reads a link to a Markdown file only from its own files (the docs
    plugin's ``sourceToPermalink``, of all its versions' docs; the blog's, of its posts: facebook/docusaurus,
    ``resolveMarkdownLinkPathname``; "reference another Markdown file included by the same plugin",
    docusaurus.io/docs/markdown-features/links) and leaves any other as written, a broken link. A doc's
    ``../blog/2024-01-03-next.md``, ``../team/roles.md`` and ``@site/team/roles.md``, and a post's
    ``../docs/faq.md``, led to those pages; they lead nowhere (a stub would take the page's own key). A link
    to another version's file of the same docs plugin is its own plugin's, and leads there."""
    site = tmp_path / "site"
    write_site(site, {**MULTI_FOLDER_SITE,
                      "docs/faq.md": "# FAQ\n\nSee [next](../blog/2024-01-03-next.md), [roles](../team/roles.md), "
                                     "[roles](@site/team/roles.md) and [old](../versioned_docs/version-1/faq.md).\n",
                      "blog/2024-01-03-next.md": "---\ntitle: Next\n---\n\nSee [faq](../docs/faq.md).\n"})
    edges = related(site, out=tmp_path / "out")
    assert sorted(v for (u, v) in edges if u in ("docs/faq", "blog/2024-01-03-next")) == [
        "versioned_docs/version-1/faq"]


def test_an_mdx_comment_holds_no_link(tmp_path: Path):
    """MDX comments (``{/* ... */}``, over lines too) are not shown: a link in one (a cross-reference
    left for later) is no link; a Go template comment stays one comment, and a ``{/*`` never closed is text."""
    site = tmp_path / "site"
    write_site(site, {
        "docusaurus.config.js": "export default {title: 'Tool', presets: [['classic', {docs: {}}]]};\n",
        "docs/a.mdx": "# A\n\nSee [b](b.md). {/* See [c](c.md). TODO: uncomment\n[d](d.md) */}\n",
        "docs/b.md": "# B\n", "docs/c.md": "# C\n", "docs/d.md": "# D\n"})
    assert set(related(site, out=tmp_path / "out")) == {("docs/a", "docs/b")}
    assert mask_code("x {/* [c](c.md) */} y").split() == ["x", "y"]
    assert mask_code("{{/* a */}} [b](b.md)").strip() == "[b](b.md)"
    assert mask_code("text {/* open [e](e.md)") == "text {/* open [e](e.md)"


def test_a_docusaurus_link_to_a_missing_file_is_the_stub_of_that_file_in_the_linking_pages_folder(tmp_path: Path):
    """``/topics/gone.md`` names a file of the linking page's own content folder: from the current docs and
    from a version's, two pages that are not there yet, two stubs (by their files' paths, as the pages
    will be keyed once written), not one."""
    site = tmp_path / "site"
    write_site(site, {**MULTI_FOLDER_SITE,
                      "docs/faq.md": "# FAQ\n\nSee [gone](/topics/gone.md#x).\n",
                      "versioned_docs/version-1/faq.md": "# Old FAQ\n\nSee [gone](/topics/gone.md).\n"})
    edges = related(site, out=tmp_path / "out")
    assert sorted((u, v) for (u, v), (_, _, stub) in edges.items() if stub) == [
        ("docs/faq", "docs/topics/gone"), ("docs/guide/basics", "docs/team/people"),
        ("versioned_docs/version-1/faq", "versioned_docs/version-1/topics/gone")]


def test_a_docusaurus_file_link_without_a_folder_is_read_from_the_linking_files_folder_first(tmp_path: Path):
    """``[q](quick.md)`` on ``docs/intro/install.md`` is ``docs/intro/quick.md`` when there is one, before
    ``docs/quick.md``, as Docusaurus reads it since 3.9 (facebook/docusaurus#11397, which fixed #11099: "the
    link resolution logic prioritizes the root docs directory over the relative path"): the linking file's
    folder, then the content folder, then the site's. It was read from the docs root first, Docusaurus's
    order before 3.9, so it led to another page of the same name. A link from ``/`` is read from the docs
    root only; in a site of docs alone too."""
    site = tmp_path / "site"
    write_site(site, {"docusaurus.config.js": "export default {title: 'x', presets: [['classic', {docs: {}}]]};\n",
                      "docs/intro/install.md": "# Install\n\nSee [q](quick.md), [r](/root.md), [s](setup.md).\n",
                      "docs/intro/quick.md": "# Intro quick\n", "docs/quick.md": "# Quick\n",
                      "docs/intro/root.md": "# Intro root\n", "docs/root.md": "# Root\n", "docs/setup.md": "# Setup\n"})
    assert set(related(site, out=tmp_path / "out")) == {
        ("docs/intro/install", "docs/intro/quick"), ("docs/intro/install", "docs/root"),
        ("docs/intro/install", "docs/setup")}


def test_mdn_macros_link_to_the_pages_they_name():
    """MDN writes most of its links as KumaScript macros, which were read as text: a page's links to the
    interfaces, methods, properties and glossary entries it names were lost. Each link macro now leads
    where its macro sends the reader; a macro in code, or one that makes no link, is none."""
    from qagraph.links import macro_links

    body = ('Uses {{DOMxRef("Widget.spin()")}} and {{jsxref("Gizmo.prototype.turn()", "turn")}}.\n'
            "`{{domxref(\"Hidden\")}}` {{SeeCompatTable}} {{Compat}}\n"
            "- {{cssxref('&lt;size&gt;')}} {{HTTPHeader(\"X-Thing\")}} {{htmlelement(\"blink\")}}\n"
            '- {{jsxref("Statements/loop", "loop")}} {{Glossary("Big word", "words")}}\n')
    assert [(link.target, link.text, link.line) for link in macro_links(body, 5, "/fr/docs/")] == [
        ("/fr/docs/Web/API/Widget/spin", "Widget.spin()", 5),
        ("/fr/docs/Web/JavaScript/Reference/Global_Objects/Gizmo/turn", "turn", 5),
        ("/fr/docs/Web/CSS/size", "&lt;size&gt;", 7),
        ("/fr/docs/Web/HTTP/Headers/X-Thing", "X-Thing", 7),
        ("/fr/docs/Web/HTML/Element/blink", "blink", 7),
        ("/fr/docs/Web/JavaScript/Reference/Statements/loop", "loop", 8),
        ("/fr/docs/Glossary/Big_word", "words", 8)]


def test_a_url_written_through_liquid_conditions_is_the_link_of_its_first_branch():
    """A Markdown link whose url is written through Liquid conditions (GitHub Docs puts a plan's prefix in
    one) was no link at all: the tags' spaces ended the url. It is the url its first branch shows."""
    body = ("[a]({% ifversion fpt %}/enterprise-cloud@latest{% endif %}/admin/x) and "
            "[b]({% ifversion ghes %}/one{% elsif ghec %}/two{% else %}/three{% endif %}/y#z)\n"
            "and [c](/plain) {% ifversion fpt %}[d](/shown){% endif %}\n")
    assert [(link.target, link.text, link.line) for link in text_links(body, ("markdown",))] == [
        ("/enterprise-cloud@latest/admin/x", "a", 1), ("/one/y#z", "b", 1), ("/plain", "c", 2), ("/shown", "d", 2)]


def test_url_prefixes_name_the_same_page():
    """A site path that starts with one of the index's url prefixes (a language, a plan) names the page
    the rest of it names; a path that only starts with the same letters does not."""
    pages = [Article(p[:-3], p, "t", "t", "", "s", "s", (), (), (), url="/" + p[:-3]) for p in ("admin/x.md", "encore.md")]
    index = ArticleIndex(pages, url_prefixes=r"/en|/enterprise-cloud@[^/#?]+")
    assert index.resolve("/en/enterprise-cloud@latest/admin/x#top", "markdown-link", "a.md").path == "admin/x.md"
    assert index.resolve("/encore", "markdown-link", "a.md").path == "encore.md"
    assert ArticleIndex(pages).resolve("/en/admin/x", "markdown-link", "a.md") is None


def test_a_github_docs_autotitle_link_has_no_text():
    """GitHub Docs writes [AUTOTITLE](/path): its site shows the linked page's title there. A page outside
    the corpus linked so was a stub named AUTOTITLE (44 of 79 stubs of a sample); the link has no text."""
    assert [(link.target, link.text) for link in text_links("[AUTOTITLE](/a/b) and [Bee](/c)", ("markdown",))] == [
        ("/a/b", None), ("/c", "Bee")]


def test_liquid_conditions_in_urls_are_read_in_time_linear_in_the_text():
    """A link's url written through Liquid conditions was found by a pattern that backtracked over the
    tags of a long line without a closing parenthesis (3,000 tags: seconds, growing with the square); one
    pass over the text reads it now."""
    import time

    body = "[x](" + "{% ifversion fpt %}/a" * 3000 + "\n" + "[y]({% ifversion fpt %}/b{% endif %}/c)\n"
    started = time.process_time()  # this process's CPU time: other processes on a busy machine do not count
    assert [link.target for link in text_links(body, ("markdown",))] == ["/b/c"]
    assert time.process_time() - started < 1.5  # some 0.01 s


def test_a_heading_of_html_is_titled_as_the_page_shows_it(tmp_path: Path):
    """An untitled page's first heading may be written in HTML: an image (Dapr's home page,
    ``# <img src="/images/home-title.png" alt="Dapr Docs" width=400>``) shows its ``alt`` text, inline
    tags show the text they hold; a ``<T>`` that is no such tag is kept, and a heading that shows no
    text gives way to the next title there is (the home page's: the site's title). Before, the
    markup itself was the title."""
    site = tmp_path / "ferry"
    write_article(site, "hugo.toml", 'baseURL = "https://ferry.example"\ntitle = "Ferry Handbook"\n')
    pages = {"_index.md": '---\ntype: docs\n---\n# <img src="/img/banner.png" alt="Ferry Docs" width=400>\n\nWelcome.\n',
             "crossings.md": "---\ntype: docs\n---\n# Night <span class=\"badge\">crossings</span>\n",
             "generics.md": "---\ntype: docs\n---\n# Queue<T> in depth\n",
             "docks/_index.md": '---\ntype: docs\n---\n# <img src="/img/dock.png">\n'}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    G = build(site).graph
    assert {n: G.nodes[n]["title"] for n in ("article:/", "article:crossings", "article:generics", "article:docks")} == {
        "article:/": "Ferry Docs", "article:crossings": "Night crossings", "article:generics": "Queue<T> in depth",
        "article:docks": "docks"}


def test_a_link_to_a_file_of_the_corpus_own_repository_on_github_is_a_link_to_that_file():
    """A note of a TIL collection links another by its url on GitHub (``.../blob/master/elixir/x.md``):
    with the repository among the corpus's ``site_hosts`` (``github.com/owner/name``), such a url, at any
    branch or commit, in any case, is the file's path from the corpus's root; one of another repository,
    or the repository's own page, is another site's."""
    body = ("See [part one](https://github.com/Ada/TIL/blob/master/elixir/time.md#top), "
            "[raw](https://raw.githubusercontent.com/ada/til/0a1b2c/vim/undo.md), "
            "[theirs](https://github.com/bo/til/blob/main/elixir/time.md) and [home](https://github.com/ada/til).")
    assert [link.target for link in text_links(body, ("markdown",), site_hosts=("github.com/ada/til",))] == [
        "/elixir/time.md#top", "/vim/undo.md"]
    assert text_links(body, ("markdown",)) == []


def test_only_a_note_is_named_by_a_til_collections_repository_or_site_urls():
    """A TIL note's links to its repository's code (``.vimrc``, ``build.py``, a workflow's ``.yml``) and
    folders (``tree/main/vim``) on GitHub, or to its site's home page and feed, became stubs once those
    urls were the corpus's own (``/.vimrc``, ``/vim``, ``/``): they name no note. Now a repository's url is
    the corpus's only for a Markdown file, and a site that publishes notes at ``/{topic}/{note}``
    (``HOST/{topic}/{note}`` among the ``site_hosts``) names nothing else."""
    body = ("[v](https://github.com/ada/til/blob/main/.vimrc) [w](https://github.com/ada/til/blob/7d79/.github/x.yml#L3) "
            "[t](https://github.com/ada/til/tree/main/vim) [n](https://github.com/ada/til/blob/main/vim/undo.md) "
            "[h](https://til.example.net/) [f](https://til.example.net/til/feed.atom) "
            "[o](https://til.example.net/vim/undo/)")
    hosts = ("github.com/ada/til", "til.example.net/{topic}/{note}")
    assert [link.target for link in text_links(body, ("markdown",), site_hosts=hosts)] == ["/vim/undo.md", "/vim/undo"]


def test_a_page_titled_by_its_heading_leaves_out_the_headings_attribute_list(tmp_path: Path):
    """A page without a title field is titled by its first heading; Goldmark (Hugo), kramdown and MkDocs'
    attr_list read a heading's trailing {#id .class key=value} as its attributes, which the page does not
    show: Hugo Book's home page was titled "Hugo Book {anchor=false}". Braces that are no attribute
    list stay."""
    site = tmp_path / "site"
    write_article(site, "hugo.toml", 'baseURL = "https://book.example/"\n')
    pages = {"_index.md": "---\nlayout: landing\n---\n# Field Guide {anchor=false}\n",
             "start.md": "---\nweight: 1\n---\n# Quick start {#quick .lead} #\n",
             "sets.md": "---\nweight: 2\n---\n# Sets {a, b}\n"}
    for name, text in pages.items():
        write_article(site / "content", name, text)
    kg = build(site)
    assert sorted(kg.node(a)["title"] for a in kg.articles) == ["Field Guide", "Quick start", "Sets {a, b}"]


def test_a_page_titled_by_its_heading_shows_the_headings_links_as_their_text(tmp_path: Path):
    """A heading's Markdown link or image is shown as its text (an image as its alt text): a PaperMod
    blog's about page (title: "") opens with "### Films <small>[🔗](/movies)</small>" and was titled
    with the link's Markdown, url and all. The link is still one of the page's links; a link written
    in inline code is shown as written."""
    from test_presets import _hugo_site

    result = _hugo_site(tmp_path / "site", {
        "about.md": '---\ntitle: ""\n---\n### Films <small>[🔗](/movies)</small>\n\nText.\n',
        "movies.md": "---\ntitle: Movies\n---\n",
        "syntax.md": "---\nweight: 1\n---\n# The `[x](y)` form of a [link][l]\n\n[l]: /movies/\n"})
    titles = {a.path: a.title for a in result.articles}
    assert titles == {"about.md": "Films 🔗", "movies.md": "Movies", "syntax.md": "The [x](y) form of a link"}
    assert {(u, v) for (u, v), (_, _, stub) in related(tmp_path / "site" / "content").items() if not stub} == {
        ("about", "movies"), ("syntax", "movies")}


def test_a_page_titled_by_its_heading_leaves_out_a_component_s_tags(tmp_path: Path):
    """VitePress titles a page by its first heading without its inline HTML (its title plugin, @mdit-vue's), so
    ``# MPA Mode <Badge type="warning" text="experimental" />`` is "MPA Mode"; the page was titled with the
    component's tag, attributes and all. A component's children are text (``<Badge type="info">beta</Badge>``),
    and ``Option<T>``, a type's name, is shown as written."""
    site = tmp_path / "docs"
    write_site(site, {
        ".vitepress/config.ts": "export default { title: 'Kit' }\n",
        "guide/mpa.md": '# MPA Mode <Badge type="warning" text="experimental" />\n\nText.\n',
        "guide/badge.md": '# Badges <Badge type="info">beta</Badge>\n',
        "guide/types.md": "# The Option<T> type\n",
    })
    titles = {a.path: a.title for a in load_corpus(site).articles}
    assert titles == {"guide/mpa.md": "MPA Mode", "guide/badge.md": "Badges beta", "guide/types.md": "The Option<T> type"}


def test_a_code_fence_that_opens_a_list_item_closes_where_its_fence_does(tmp_path: Path):
    """Hugo Book's home page puts a code block in a list item ("- ```shell" ... "  ```"): the item's
    opening fence was not seen, its closing one was taken for an opening, and every link after it was
    lost as code (7 links to its shortcode pages). A backtick fence's info string has no backtick, so
    "- ```x``` text" is inline code and opens nothing; what is inside a fence is still no link."""
    from test_presets import _hugo_site

    result = _hugo_site(tmp_path / "site", {
        "_index.md": "---\ntitle: Home\n---\n- Read the [intro](/intro/).\n\n- ```shell\n  open [no](/no/)\n  ```\n"
                     "\n> 1. ```\n>    [quoted](/quoted-no/)\n>    ```\n\n- ```a``` then [tabs](/tabs/)\n\nAnd [cards](/cards/).\n",
        "intro.md": "---\ntitle: Intro\n---\n", "tabs.md": "---\ntitle: Tabs\n---\n", "cards.md": "---\ntitle: Cards\n---\n"})
    home = next(a for a in result.articles if a.path == "_index.md")
    assert [link.target for link in home.related] == ["/intro/", "/tabs/", "/cards/"]


def test_a_heading_s_hugo_shortcodes_are_not_part_of_the_title_it_gives(tmp_path: Path):
    """A Hugo shortcode in a heading writes what its template says, which the graph does not know:
    a page without title whose heading was '## {{% heading "whatsnext" %}}' (the Kubernetes site's) or
    '# Install {{< badge "beta" >}}' was titled with the shortcode's call. The call is left out, and a
    heading that is only a call gives no title: the next heading does, else the file name."""
    from test_presets import _hugo_site

    result = _hugo_site(tmp_path / "site", {
        "install.md": '---\nweight: 1\n---\n# Install {{< badge "beta" >}}\n',
        "next.md": '---\nweight: 2\n---\n# {{% heading "whatsnext" %}}\n\n## Read on\n',
        "only-code.md": '---\nweight: 3\n---\n## {{% heading "whatsnext" %}}\n'})
    assert {a.path: a.title for a in result.articles} == {
        "install.md": "Install", "next.md": "Read on", "only-code.md": "only-code"}


def test_an_mdx_link_component_is_a_link():
    """MDX pages link by JSX: ``<Link to="/docs/x">`` (Docusaurus's component; ``to={'...'}`` too) is a link, as
    ``<a href>`` is, with its text; one in code is none, and a ``to`` written as an expression names no page."""
    from qagraph.links import text_links

    body = ('<Link to="/docs/a">A</Link> <Link className="b" to={\'/docs/b\'}>B</Link> <Link to={url}>C</Link>\n\n'
            '`<Link to="/docs/code">` <a href="/docs/d">D</a>\n')
    assert [(l.target, l.text) for l in text_links(body, ("html",))] == [("/docs/a", "A"), ("/docs/b", "B"), ("/docs/d", "D")]


def test_an_mdx_component_s_href_is_a_link():
    """An MDX component given an ``href`` links its page there: Mintlify's and Nextra's ``<Card href="/quickstart">``
    (its props over several lines too), Starlight's ``<LinkCard href=...>``, Next.js's ``<Link href={'/x'}>``. They
    were read as no link: a docs index made of cards linked to nothing. One in code, or an expression, is none;
    a lower-case tag is HTML's, not a component."""
    from qagraph.links import text_links

    body = ('<CardGroup cols={2}>\n<Card title="Quickstart" icon="rocket" href="/quickstart">\n  Start here\n</Card>\n'
            '<Card\n  title="Settings"\n  href=\'/essentials/settings\'\n/>\n</CardGroup>\n\n'
            '<LinkCard title="Guides" href="/guides/example/" /> <Link href={\'/next\'}>Next</Link> <Card href={url} />\n\n'
            '```mdx\n<Card href="/in-code" />\n```\n<link rel="stylesheet" href="/style" />\n')
    assert [l.target for l in text_links(body, ("html",))] == [
        "/quickstart", "/essentials/settings", "/guides/example/", "/next"]
    # HTML in capitals is no component: a <LINK href> (a stylesheet) or <BASE href> is no link
    assert text_links('<LINK rel="stylesheet" href="/y"> <BASE href="/docs/">', ("html",)) == []


def test_a_hugo_ref_to_a_term_s_list_is_one_to_that_keyword():
    """Hugo's ``{{< ref "tags/go" >}}`` finds the list Hugo makes of the term's pages, as GetPage does; it was
    no link at all, and a ref to the list of a term no page has (which Hugo refuses: REF_NOT_FOUND) was none
    either. The first is that keyword's (``listing_node``), the second a stub; ``{{< ref "tags" >}}``, the
    taxonomy's own list, stays no link."""
    index: ArticleIndex[Article] = ArticleIndex(
        [], bundles=True, listing_urls="/(?:tags|categories)(?:/[^/#?]+)?",
        listing_terms="(?:/tags/(?P<k0>[^/#?]+)|/categories/(?P<s1>[^/#?]+))",
        terms={"go": frozenset({"keyword:go"}), "web": frozenset({"keyword:web", "subject:web"})})
    page = "content/posts/a.md"
    assert [index.listing_node(t, "ref", page, False) for t in ("tags/go", "/tags/go/", "categories/web", "tags/web")] \
        == ["keyword:go", "keyword:go", "subject:web", "keyword:web"]
    assert index.stub_key("tags/go", "ref", page, False) is None and index.stub_key("tags", "ref", page, False) is None
    assert index.stub_key("tags/nosuch", "ref", page, False) is not None
    assert index.listing_node("tags/nosuch", "ref", page, False) is None
