"""Field mapping: from a file's parsed front matter (and body) to a validated :class:`~qagraph.model.Article`.

:class:`FieldMap` says where each field lives in the front matter (dotted paths, tried
in order) and how a corpus names, titles, files and links its articles, so the same
loader serves Q&A sites, Hugo, Jekyll and Obsidian (:mod:`qagraph.presets` holds one
map per kind of corpus); its defaults are the Q&A site's format. :func:`read_article`
reads one file's text with a map, :func:`to_article` applies a map to one file's
:class:`~qagraph.frontmatter.FrontMatter`; both return the article (or ``None``) with
the problems found: fields are validated and cleaned here once, and every later stage
trusts the record.

>>> from qagraph.frontmatter import read_front_matter
>>> fm = read_front_matter("cs/a.md", "---\\ntitle: What is a graph?\\nurl: /learn/cs/questions/a\\n---\\n")
>>> article, problems = to_article("cs/a.md", fm)
>>> article.key, article.subject_slug, problems
('/learn/cs/questions/a', 'cs', [])
"""

from __future__ import annotations

import base64
import datetime as _dt
import fnmatch
import functools
import json
import math
import posixpath
import re
import unicodedata
import zoneinfo as _zoneinfo
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields as _dataclass_fields, replace
from typing import Any, ClassVar, TypeVar
from urllib.parse import unquote

from .errors import SKIPPED, WARNING, Problem, UsageError
from .frontmatter import JOPLIN, MONTHS as _MONTHS, NOTION, FrontMatter, read_front_matter
from .links import (
    FOLDER_PAGES, FRONT_MATTER, LINK_SYNTAXES, MARKDOWN_LINK, PAGE_SUFFIXES, POST_DATE, POST_FILE, REF, TextLink, related_url, _strip_suffix, command_page, translation_folder, _without_language, first_heading, inline_tag_offsets, mask_code, mask_comments, mask_math, mask_open_comment, tags_line,
    bookdown_headings, conditional_url, data_reusables, docs_link_tags, included_definition_links, included_files, liquid_text, macro_links, myst_labels, page_path, quarto_labels, split_language, text_links, unwrap_mdx_code_blocks,
    wiki_targets,
)
from .model import Article, RelatedLink
from .normalize import (as_written, clean, fold, scalar_text, slugify, split_keyword_text, split_keywords,
                        subject_slug, unescape_newlines, visible)
from .rdf.iri import url_problem
from .regex import lazy_compile

__all__ = ["ANY_SEPARATOR", "EVERY_SEPARATOR", "FieldMap", "MYST_LABELS", "SEMICOLONS", "MAX_FIELD_VALUES",
           "read_article", "to_article"]

#: where an article keeps the MyST targets its page defines (``(label)=``): a Jupyter Book's map names
#: it among its ``alias_fields``, so a ``{ref}`label``` leads to the page
MYST_LABELS = "myst_labels"
#: where a Hexo post keeps its slug (:func:`hexo_post_slug`), which ``{% post_link slug %}`` finds it by: a
#: Hexo site's map names it among its ``alias_fields``
HEXO_SLUG = "hexo_slug"
#: where a Nikola post keeps its slug (:func:`nikola_slug`), which ``link://slug/x`` finds it by: a Nikola
#: site's map names it among its ``alias_fields``
NIKOLA_SLUG = "nikola_slug"

#: ``keyword_separator`` value: split a string on commas when it has any, else on whitespace
ANY_SEPARATOR = "any"
#: ``keyword_separator`` value: split a string on semicolons when it has any, else on commas (Pelican's
#: tags: ``Tags: python; machine learning``, ``Tags: python, machine learning``)
SEMICOLONS = "semicolons"
#: ``keyword_separator`` value: split a string on commas and on whitespace alike (Obsidian's tags: ``tags: a b, c``
#: is a, b and c, its parseFrontMatterTags; a tag holds no space)
EVERY_SEPARATOR = "every"

_TITLE_FALLBACKS = ("heading", "slug", "file-name", "wiki-name", "logseq-name", "content-title", "doc-id", "page-name",
                    "index-title", "opening-heading", "level-one-heading")
_SUBJECT_SOURCES = ("url", "field", "folder", "hierarchy", "toc", "parent", "platform")
_NO_FRONT_MATTER = ("reject", "skip", "article", "article-below-root", "article-but-repository-files", "copied",
                    "titled-article")
#: a text's first line a level-1 heading: ``# Tabs``
_OPENING_TITLE = lazy_compile(r"\A\s*#[ \t]+\S")
#: a front matter whose opening delimiter has text before it on the file's first line (``me@x.org---``, then the
#: fields and a closing ``---``): no front matter to Hugo, which publishes the file as a page of that text
_DISPLACED_FRONT_MATTER = lazy_compile(r"\A[^\n]*[^\s-](---)[ \t]*\r?\n(?:[^\n]*\n)*?---[ \t]*(?:\r?\n|\Z)")
#: the names (without suffix, in any case) of the files GitHub Pages' jekyll-optional-front-matter leaves
#: out, as a repository's own files: the plugin's FILENAME_BLACKLIST
REPOSITORY_FILES = frozenset(("README", "LICENSE", "LICENCE", "COPYING", "CODE_OF_CONDUCT", "CONTRIBUTING",
                              "ISSUE_TEMPLATE", "PULL_REQUEST_TEMPLATE"))
_IDENTITIES = ("url", "path", "page")
#: how a site publishes a page at its path (:func:`path_url`)
_PATH_URLS = ("folders", "files", "sphinx", "publish", "middleman", "nextjs", "eleventy", "vitepress", "vitepress-clean",
              "vuepress", "docsify", "github-wiki", "nuxt-content",
              "fumadocs", "nextjs-app")
#: the fields that mark a draft: ``draft: true``, ``published: false`` (Jekyll's, and Hugo's too),
#: ``status: draft`` (Pelican's; also ``skip``, a page it reads and does not write)
DRAFT_MARKS = ("draft", "published", "status")


def _paths(*names: str) -> tuple[str, ...]:
    return tuple(names)


@dataclass(frozen=True)
class FieldMap:
    """Where each field is found in the front matter, and how a corpus names and links its articles.

    The defaults read the Q&A site's format; other static sites differ only in names:

    >>> fm = FieldMap(keywords=("tags",), keyword_separator=None)
    >>> fm.keywords
    ('tags',)

    Fields (dotted paths, the first that holds a value wins): ``title`` ... ``file_name``.
    Keywords: ``keyword_separator`` splits a keyword *string* (``None``: whitespace,
    :data:`ANY_SEPARATOR`: commas when there are any, else whitespace; :data:`EVERY_SEPARATOR`: both); a YAML list is
    taken item by item; ``keywords_merge`` merges every keyword path instead of taking
    the first; ``list_fields`` are fields whose strings are lists (Jekyll's ``tags`` and
    ``categories``), split like keywords wherever they are read.

    Subjects: ``subject_from`` lists the sources tried in order: ``"url"`` (the first
    group of the regular expression ``subject_from_url`` matched against the url),
    ``"field"`` (the subject field's value: its slug names the subject), ``"toc"`` (the part of a
    book's table of contents that lists the page: ``toc_subjects`` are ``(page, caption)`` pairs, the
    page's path below ``content_dir`` without suffix: a Jupyter Book's ``_toc.yml`` parts, the top-level
    page above a page of a Just the Docs site), ``"parent"``
    (the folder the file is in, whatever its depth: Pelican's category), and
    ``"folder"`` (the first folder below ``content_dir`` that is not ``_name`` or a
    year; at the top of a Jekyll collection that ``collections`` outputs, the collection's name:
    ``_modules/intro.md`` is filed under ``modules``) and ``"hierarchy"`` (the top level of a Dendron note's dotted name:
    ``python.asyncio.tasks.md`` is filed under ``python``; the vault's ``root.md`` under
    none); none gives ``uncategorised``. With ``subject_values="every"`` a list's
    first value is the subject and the others become keywords (an article has one
    subject); ``"first"`` drops them.

    Identity: ``identity`` is ``"url"`` (the url field, else the path without its
    suffix), ``"path"`` (always the path; a url is kept as data) or ``"page"`` (Hugo:
    the path below ``content_dir``, an ``index.md`` standing for its folder; published where Hugo
    publishes it, :func:`hugo_url`: ``section_permalinks`` are its config's ``[permalinks]``, as
    ``(kind, section, pattern)`` with kind ``page`` or ``section``, ``hugo_sections`` the folders below
    ``content_dir`` that are sections below the top ones (they hold an ``_index`` file), which a pattern's
    ``:sections`` names, ``hugo_filename_date`` its ``[frontmatter] date = [":filename", ...]`` (a page
    named ``2024-01-02-x.md`` is at ``x/``), ``ugly_urls`` its ``uglyURLs`` (``ugly_sections``: the
    sections a ``[uglyURLs]`` table names, whose pages alone are at ``.html`` urls) and
    ``keep_path_case`` its ``disablePathToLower``: a page's path keeps its case in its url; ``remove_path_accents``
    its ``removePathAccents``: a url without the accents of its letters, ``café`` is ``cafe``).
    ``title_fallback`` lists what titles a file that has no title field:
    ``"heading"`` (the first heading), ``"opening-heading"`` (MkDocs's: a level-1 heading the page opens
    with, none further down), ``"level-one-heading"`` (Foam's: the first level-1 heading, none of another level), ``"slug"`` (Jekyll: the file name without its
    date, title-cased), ``"file-name"`` (the file name without suffix; a ``README`` or
    ``index`` file's is its folder's; the home page's, a Hugo ``content/_index.md``, the site's
    ``home_title``, its config's title, as its theme heads the page; a Jekyll ``index.md``'s too, before its slug),
    and with ``heading_titles`` (a Jekyll site's jekyll-titles-from-headings) a page, not a post, is titled
    first by the heading it opens with (:func:`leading_heading`), ``"wiki-name"`` (a GitHub
    wiki's page name: the file name with its hyphens as spaces), ``"page-name"`` (MkDocs's: the file name with hyphens and
    underscores as spaces, capitalised when all in lower case; a home page without title is
    ``Home``), ``"logseq-name"`` (a Logseq page's name: the file name
    with ``___`` or ``%2F`` as the ``/`` of its namespace; a journal page's, the date its file
    is named by, in the format Logseq titles journals in: ``journal_files`` is the folder and
    file-name pattern of journal pages, ``journals/yyyy_MM_dd``, and ``journal_title`` the
    title's pattern, ``MMM do, yyyy`` for ``Jan 5th, 2024``; see :func:`format_date`),
    ``"content-title"`` (a Docusaurus page's: a level-1 heading its content starts with,
    :func:`content_title`) and ``"doc-id"`` (a Docusaurus doc's id, a post's name, :func:`_doc_id`).

    Files: ``no_front_matter`` is ``"reject"`` (an error), ``"skip"`` (not an article,
    reported as skipped), ``"article"`` or ``"article-below-root"`` (an article, except
    at the corpus root, where Jekyll copies such files as they are, but for a Jekyll site's home page, ``index.md``), ``"article-but-repository-files"`` (an
    article, also at the root of a site whose pages are there, a cheat-sheet collection's, except a repository's own
    file there, :data:`REPOSITORY_FILES`, which jekyll-optional-front-matter does not publish), ``"copied"`` (skipped: a Jekyll site
    built without GitHub Pages' jekyll-optional-front-matter copies every such file as it is), ``"titled-article"``
    (Hugo, which publishes every content file: an article when its text opens with a level-1 heading, its title,
    but for a repository's own file at the content folder's root; else skipped, as an include's snippet). ``headless``
    skips Hugo's headless bundles and, with ``skip_drafts``, drafts, and with ``skip_future`` and ``skip_expired`` its pages
    whose publication date is to come or whose expiry date has passed (:func:`not_rendered`) on the
    day ``as_of`` (ISO; ``""``: now), which the preset sets to the day of the build (for a Jekyll site
    too, whose posts dated after it wait: :func:`in_the_future`): a build on another day is another
    build, not one its parse cache, an up-to-date check or a patch can stand for; ``drafts`` names the fields that mark a draft the site
    does not publish, skipped (:data:`DRAFT_MARKS`: ``draft: true``, ``published: false``); ``publish_marks`` the
    fields one of which a note must set true to be published at all (the Obsidian Digital Garden plugin's
    ``dg-publish``: a note without it, or with it false, is not in the garden: skipped, :func:`unpublished`; Quartz's
    ``ExplicitPublish`` filter's ``publish``), and
    ``garden_urls`` gives a note without a permalink the url the plugin makes of its path (:func:`garden_url`); ``bundles`` makes the files beside a Hugo
    ``index.md`` its resources (skipped); ``skip_folders`` are folders whose files are
    not content (named at any depth, or from the root with a ``/`` at the end: ``website/i18n/``), ``skip_files`` names of files (without suffix) that are not (a GitHub wiki's
    ``_Sidebar``), ``toc`` the path of a book's table of contents (an mdBook's or GitBook's
    ``SUMMARY.md``: no page) and ``toc_pages`` the pages it lists (the others are not published),
    ``templates`` the paths of folders of templates of new notes (an Obsidian vault's), ``vault_excluded`` an
    Obsidian vault's Excluded files (its ``userIgnoreFilters``: :func:`qagraph.presets.vault_excluded`); ``note_suffixes``
    the attachment suffixes some note's name ends with (``site.tar.gz.md``: :func:`qagraph.links.note_suffixes`), which
    a wiki-link may reach it by; ``properties`` reads the ``key:: value`` lines a file starts with as its front
    matter (a Logseq page's properties), ``notion_properties`` the ``Key: value`` lines under a
    Notion page's ``# Title`` (a database row's properties; links to pages in them are
    ``front-matter`` links), ``metadata_lines`` the ``Key: value`` lines a Pelican page starts with, ``nikola_metadata``
    the ``.. key: value`` lines of a Nikola post's first paragraph (in ``<!--`` and ``-->``), ``tag_comments`` the
    ``<!-- tags: a, b -->`` line of a file without front matter (30 seconds of code's before 2019), ``json_front_matter`` the JSON object a Hugo page may start with;
    ``loose_closing`` ends the front matter at the first line that starts with its delimiter (``----`` too), as Hugo's lexer does;
    ``joplin`` the ``key: value`` lines a Joplin raw export's item ends with (:func:`qagraph.frontmatter.joplin_item`): an
    item that is no note (a notebook, a tag) is skipped, a note is filed under its notebook (``joplin_notebooks``: each
    notebook's id and title) and tagged by ``joplin_tags`` (each tagged note's id and its tags' titles), and a link
    ``(:/id)`` leads to the note of that id, but for one to a resource (``joplin_resources``: their ids), an attachment; ``any_case_keys`` matches the
    fields' names whatever their case, as Hugo does (``Tags`` is ``tags``, ``linkTitle`` ``linktitle``); ``lenient_yaml`` reads a file whose front matter cannot be parsed as a
    note without front matter, with a warning (Obsidian shows such notes); ``front_matter_at_start`` reads front
    matter only when the file's first line opens it (Obsidian's properties: below a blank line, it is text);
    ``folders_as_written`` labels a subject taken from a folder by the folder's name as written (an Obsidian
    vault's ``daily-notes``, as its file explorer shows it), not made words (a site's ``content-management``
    section is "Content management"); with ``shown_front_matter`` that front matter is the page's text, as
    MkDocs shows it (its get_data leaves the block in the page, which then opens with a rule, no heading);
    ``icon_shortcodes``: a Material icon's shortcode in the heading that titles a page
    (``# :material-rocket: Start``) shows an icon, no text of the title (MkDocs with pymdownx.emoji).

    Links: ``related_prefix`` names the ``related_articleN`` mappings,
    ``liquid_variables`` are GitHub Docs' variables (``product.prodname_actions``, ``GitHub Actions``), which
    its titles and link texts write as ``{% data variables.product.prodname_actions %}``: those are shown with
    them, and with their Liquid conditions' branches for the site's default plan (:func:`~qagraph.links.liquid_text`).
    ``related_lists`` the front-matter lists of page names (Hugo's ``relatedfuncs``), ``child_lists``
    those of paths from the page's own folder (GitHub Docs' ``children: [/set-up-git]``: :func:`_child_links`),
    ``links`` the syntaxes read in the body (:data:`qagraph.links.LINK_SYNTAXES`),
    ``markdown_fields`` the front-matter fields the page shows as Markdown (a Jekyll layout's
    ``{{ page.intro | markdownify }}``), whose links are read as the body's are, ``href_fields`` those
    the page's layout writes into a link (``<a href='{{ page.deprecated_by }}'>``; ``hero.actions[].link``: the
    ``link`` of each item of the list, a VitePress home page's buttons): the page links there,
    ``redirect_fields`` those that send a page's reader to another url (al-folio's ``redirect:``, a url or
    ``true`` for the home page): a page with no text of its own besides is no article, one with text links there,
    ``url_prefixes`` (a regular expression) the parts a site path may start with and still name the page
    the rest of it does (GitHub Docs' language and plan, ``/en/enterprise-cloud@latest/admin``: ``/admin``),
    ``listing_urls`` (a regular expression) the site paths of the listing pages a plugin makes (jekyll-archives'
    ``/tags/:name/``), no one's article: a link there that reaches no page is no stub, ``listing_terms`` (a regular
    expression, each term in a group named ``k0``, ``s1``... as its taxonomy is read as keywords or subjects) those
    of them that list the pages of one term of a taxonomy the corpus reads as keywords or subjects
    (``/tags/:name/``): a link there is one to that keyword or subject, and the site makes one only for a term some
    page has, so a link to another term's is a stub (a broken link),
    ``alias_fields`` the fields holding other names of an article, ``site_url`` the
    corpus's own site (its absolute links are internal; a path alone, ``/on-demand``, when only the
    path it is served below is known: a link may write it out), ``site_hosts`` other hosts
    serving it from their root (a GitHub Pages site's custom domain, its
    ``OWNER.github.io``): absolute links to them are internal too; ``github.com/OWNER/NAME`` there is the
    corpus's own repository (the url of a Markdown file of it, at any branch or commit, names that file),
    ``HOST/{topic}/{note}`` a site that publishes each note at its path without suffix, and nothing else. ``inline_tags`` adds the
    body's ``#tags`` to the keywords (and drops a leading ``#`` from keyword values), and the notes
    its ``Tags:`` line links to among its first lines (a Zettelkasten's ``Tags: [[Topic]]``).

    Site tools: ``doc_routes`` are a Docusaurus site's docs, as ``folder=route``
    (``docs=/docs``): a doc there is published at the route and its slug, made from its
    ``id``, ``slug`` and path as Docusaurus makes it (:func:`doc_url`), and a folder there
    is named without its number prefix (``01-guides``: ``guides``), but in ``prefixed_doc_folders`` (the
    docs of a plugin with ``numberPrefixParser: false``, which keep them); ``blog_routes`` are its blog's
    (``blog=/blog``: a post is published at the route and its ``slug``, else the date and name of its
    file or folder, :func:`blog_url`) and ``page_routes`` its pages' (``src/pages=/``: a page at its
    path, :func:`page_url`), whose folders are no subjects; ``folder_labels`` are
    ``(folder, label)`` pairs that label the subject of a folder (a Docusaurus
    ``_category_.json``'s ``label``); ``partials`` makes files and folders whose names start
    with ``_`` partials, imported into pages and not pages themselves (Docusaurus, MDX).
    ``authors_map`` are the ``(key, name)`` pairs of a Docusaurus blog's authors map
    (``blog/authors.yml``, named by ``authors_map_file``; ``""``: an author shown by an image alone):
    a post's author is the names its ``authors`` shows (:func:`_post_authors`). ``tag_labels`` are
    the ``(folder, key, label)`` of the tags its docs' and blog's tags files (``docs/tags.yml``)
    define: a page below ``folder`` tagged ``key`` shows the tag as ``label`` (:func:`_docusaurus_tags`);
    ``trailing_slash`` is its ``trailingSlash`` setting, which ends those pages' urls with a ``/`` or
    without one (:func:`trailing_slash`; ``None``: as they are made). ``glossary`` are the
    ``(language, term, href)`` of a Hugo site's glossary terms (the Kubernetes site's
    ``docs/reference/glossary/<term>.md``): a ``{{< glossary_tooltip term_id="term" >}}`` links to the
    href (:func:`glossary_links`). ``glossary_page`` is the url of the glossary page of Hugo's own docs
    (``quick-reference/glossary/``), to whose entries their link render hook turns a Markdown link to
    ``g`` (``[page collection](g)``): such a link leads there (:func:`glossary_page_links`).
    ``includes`` are the include snippets of a Hugo site (the files of a section that cascades
    ``render: never``, as Hugo's docs keep theirs in ``_common/``): each one's path below the content
    folder (lower case, no ``.md``) and the ``(origin, target, text)`` of its links to pages of the
    site; a page that writes ``{{% include "path" %}}`` shows the snippet, its links too
    (:func:`included_links`); a Jekyll site's are the Markdown files of its _includes/, by their names
    there, each with all its links, which a page that writes ``{% include name %}`` shows, or that lists
    in one of the ``include_fields`` its layout includes the files of (``tell-me-why.includes``).
    ``relative_include_fields`` are the ``(list, key)`` of a page's front-matter lists whose items name a
    file (by their ``key``, or themselves when it is ``""``) that its layout includes relative to the page
    (al-folio's ``profiles: [{content: bio.md}]`` and ``{% include_relative {{ profile.content }} %}``), and
    ``relative_includes`` those files of the site that are no pages, by their paths, with their links.
    ``include_shortcodes`` are the ``(name, bundle)`` of its own shortcodes that
    show the snippet of a headless bundle they name (Istio's ``{{< boilerplate name >}}``, of ``boilerplates/``).
    ``included_definitions`` are the Markdown files of a Jekyll site's _includes/ that hold reference-link
    definitions (the Carpentries' ``links.md``): each one's name below _includes/ and its ``(label, url)``
    definitions; a page that writes ``{% include links.md %}`` links through the ones it uses
    (:func:`qagraph.links.included_definition_links`).
    ``resource_pages`` are the folders (below the content folder, lower case) of the leaf bundles whose
    layout shows their Markdown resources on their page (Istio's FAQs): ``includes`` holds those too, and
    the page has their links (:func:`resource_links`).
    ``content_mounts`` are the ``(folder, as)`` pairs of the folders a Hugo site's config mounts into its
    content (``module.mounts`` with a ``target`` below ``content``, from any folder of the corpus:
    Dapr's ``../sdkdocs/dotnet/content/en/dotnet-sdk-docs`` as ``developing-applications/sdks/dotnet``),
    each from the corpus's root with its ``/``, ``as`` the folder the site sees them in, below
    ``content_dir``: a page there is read as Hugo sees it (:func:`mounted_name`).
    ``ref_shortcodes`` are the ``(name, prefix, parameter)`` of a Hugo site's own
    shortcodes that link to a page by ``ref`` or ``relref`` of the path they are given put after
    ``prefix`` (Bootstrap's ``{{< docsref "/forms/select" >}}``, under ``docs/5.3``: :func:`shortcode_ref_links`),
    the path given as the argument named ``parameter`` (Dapr's ``{{< button text="Go" page="intro" >}}``)
    or, where the page names none (or ``parameter`` is ``""``), as the first.
    ``href_shortcodes`` are the ``(name, parameter)`` of a Hugo site's own shortcodes that write the
    parameter they are given (a name, or ``"0"`` for the first) as a link's ``href``, as it is (the
    Kubernetes site's ``{{< link text="services" url="/docs/services/" >}}``: :func:`shortcode_href_links`).
    ``exclude`` are the paths a Jekyll config leaves out (``exclude``, less ``include``), as it
    matches them (:func:`qagraph.presets.jekyll_excluded`), from the site's root, which is
    ``exclude_root`` above the folder read (``""``: the folder itself; a Jekyll site's posts, pages
    and defaults are found from there too: the folders above a post's ``_posts/``). ``page_folders`` are the
    folders (``docs/``, ``blog/``) a site read from its root publishes pages from, when it has
    several (a Docusaurus site's docs, blog and pages): a file elsewhere is no page.
    ``exclude_docs`` and ``draft_docs`` are an MkDocs config's: gitignore patterns, from the content
    folder, of the files it leaves out and of its drafts (:func:`qagraph.presets.gitignored`).
    ``site_folder`` is the folder of a Docusaurus site's config (``website/``, ``""`` at the root), which a
    Markdown link to a file is read from after its version's content folder (``/docs/guide.md``, ``@site/docs/guide.md``).
    ``language_field`` names the front-matter field of a page's language (jekyll-polyglot's ``lang``): a page in
    another of the ``languages`` than ``default_language`` is published under its folder (``/es/about/``), and
    its absolute links lead to its language's pages first, as the plugin relativizes them.
    ``ignores`` are what a site's tool does not read, as ``(folder, glob, source)``: a glob from
    ``folder`` (below the folder read) that the file's path, or one of its folders, matches, and
    where it is from (``.eleventyignore``, ``srcExclude``): :func:`qagraph.presets.site_ignored`;
    ``ignore_files`` are regular expressions a file's path is searched for (a Hugo config's ``ignoreFiles``).
    ``unbuilt`` are ``(path, why)`` pairs: files of the corpus that its tool builds no page of their own
    from (a Carpentries Workbench lesson's drafts, README and setup, which is shown on the home page).
    ``lesson_questions``: a Carpentries lesson's episode asks the questions it answers in a list, the
    ``question`` field's (``questions: [...]``) or a Workbench ``::: questions`` block's
    (:func:`lesson_questions`): its question is all of them, joined.
    ``not_found`` are the paths (below ``content_dir``, without suffix) of a site's not-found page
    when it has no url of its own (Jekyll and Hexo publish a root ``404.md`` at ``/404.html``).
    ``readme_indexes`` are the paths of the README files that GitHub Pages' jekyll-readme-index makes their
    folders' index pages (each in a folder without an index): one without front matter is published at its
    folder's url (``docs/README.md`` at ``/docs/``, the root's at ``/``), as the plugin gives it that permalink.
    ``source_globs`` are a Hexo config's ``include``, ``exclude`` and ``skip_render``, as
    ``(setting, glob)``, matched against a file's path below ``content_dir``
    (:func:`qagraph.presets.hexo_unread`, which applies to a Hexo site only: ``hexo``, which the
    preset sets when it finds one, not a setting).
    ``command_pages`` reads each file as a command page of a command reference (tldr-pages and its
    kind: :func:`qagraph.links.command_page`): its description is its answer (and its description, when
    no field gives one), and its "See also" list, the command it is an alias of and the pages its
    ``tldr name`` examples show are links (:data:`qagraph.links.COMMAND`), looked for in the page's own
    platform folder, then in ``command_fallbacks`` (tldr's ``common``) beside it, and from a
    translation (``pages.de/``) in the English pages then.
    ``title_keywords`` gives an article that no field gives keywords the words of its title that name
    something (:func:`title_terms`): a TIL collection's notes, which have no tags, are summed up by their titles.
    ``data_files`` are an Eleventy site's data files, as ``(where, JSON)``: ``where`` is a folder
    (``src/posts/``: a directory data file, for every file in it and below) or a file without its
    suffix (``src/posts/hello``: a template data file); their data are defaults under each file's
    front matter (:func:`cascade`). ``page_variables`` reads a permalink template made of
    Eleventy's ``page.fileSlug`` and ``page.filePathStem`` as the url it gives
    (:func:`eleventy_permalink`); any other template names no one page. ``defaults`` are a Jekyll
    config's front matter defaults, as ``(path, type, JSON)``: the values of each scope, under the
    front matter of the files it applies to (:func:`jekyll_defaults`); ``collections_dir`` its
    folder of collections (``my_collections/``, where its posts are too: Jekyll reads none elsewhere);
    ``future`` its ``future: true``, which publishes posts dated after the build (:func:`in_the_future`);
    ``posts_permalink`` the pattern its ``collections: posts: permalink:`` gives its posts, over its
    ``permalink`` (which still ends its pages' urls); ``timezone`` its ``timezone``, where a post's date
    is read for its url (:func:`_post_moment`: ``UTC`` unless it says, where GitHub Pages builds; ``""``:
    as written, another tool's); ``language_folders`` the folders that each
    hold one language's pages (``en/``, ``ja/``, ``zh_tw/``, or in a collection ``_articles/de/``: a site
    translated folder by folder, whose pages say their ``lang``), which are no subject: a page's is the
    folder inside (``en/news/``).

    ``language_sites`` says each of the ``languages``' folders is a site of its own (an Obsidian Publish site
    per language, its ``publish.js`` inside): a note outside them (the repository's README) is on none, no url.
    ``attachment_folders`` are the folders a vault keeps its images and other attachments in (``Attachments/``,
    ``en/Attachments/``): a note kept among them (a slide deck's demo) is filed under no folder of theirs.
    ``para_folders`` are a PARA vault's buckets (``1 Projects``, ``2 Areas``, ``3 Resources``, ``4 Archives``),
    which sort notes by how actionable they are, not by topic: a note's subject is the folder inside its
    bucket (``3 Resources/API Design/x.md``: ``API Design``), a note in the bucket itself is the bucket's; so is
    the one folder a vault keeps its notes in (``SecondBrain/``: :func:`qagraph.presets._wrapper_folder`).
    ``sort_prefixes`` says the vault orders its folders by a number before their names (``00 - Meta``,
    ``02.01 Plugins``, ``10-19 Finance``): the number is no part of a subject's name (:func:`strip_sort_prefix`).

    ``article_url`` and ``page_url`` are a Pelican site's ``ARTICLE_URL`` and ``PAGE_URL``: an article
    (a page, below one of ``page_paths``, its ``PAGE_PATHS`` from the content folder) without a url of
    its own is published at the pattern filled with its slug (``Slug``, else made from its
    ``slug_source``, ``title`` or ``basename``), category and date (:func:`pelican_url`).

    ``path_urls`` says how a site publishes each page at its path below ``content_dir``
    (:func:`path_url`): ``folders`` (MkDocs: ``/guide/install/``, an ``index`` or ``README`` at its
    folder's url), ``files`` (MkDocs with ``use_directory_urls: false``: ``/guide/install.html``, an
    ``index`` or ``README`` at its folder's ``index.html``) or ``sphinx`` (Jupyter Book:
    ``/guide/install.html``, a ``README`` too) or ``sandpaper`` (a Carpentries Workbench lesson:
    :func:`sandpaper_url`) or ``nextjs`` (GitHub Docs: ``/guide/install``, an ``index`` at its folder's url) or ``middleman`` (Learn X in Y minutes before 2024: ``/docs/`` and the path
    without ``.html.markdown``, ``es-es/python-es.html.markdown`` at ``/docs/es-es/python-es/``) or ``fumadocs`` (its slugs: a ``(group)`` folder none
    of them, an ``index`` at its folder's; below ``url_base``, its loader's ``baseUrl``) or ``nuxt-content`` (each part without its order
    number, ``1.guide/2.setup.md`` at ``/guide/setup``, in lower case, an ``index`` at its folder's) or ``github-wiki`` (a GitHub
    wiki: ``/wiki/`` and the file's name, spaces as hyphens, whatever its folder); but for the pages below the folders
    ``path_urls_except`` (from ``content_dir``: an MkDocs Material blog's posts, published by date); and
    ``home_page``, the file a site shows at ``/`` in place of its root's README (Docsify's ``homepage``), at ``/``;
    ``path_rewrites`` the paths a VitePress site's ``rewrites`` publish its pages at instead of theirs (:func:`rewritten`).
    ``blog_posts`` are the folders (from ``content_dir``) of an MkDocs Material blog's posts: a post's
    ``links`` list its related pages as the site's ``nav`` does (:func:`_blog_post_links`); its url is
    ``blog_url`` (``/blog/{date}/{slug}/``), its date written as ``blog_url_date`` says (``yyyy/MM/dd``):
    :func:`material_post_url`.
    ``url_links`` reads a relative Markdown link that names no file (``../clojure/``) as a browser does,
    from the linking page's url (``/es/clojure-macros/`` reaches ``/es/clojure/``), and only so: a site
    that rewrites no link (Learn X in Y minutes; a Jekyll site's are read so too).
    ``literal_absolute_links``: a Markdown link from ``/`` to a page's file (``/guide/install.md``) is left
    as written, a file the site does not publish, and leads to no page (an MkDocs site's, unless its
    ``validation`` says ``absolute_links: relative_to_docs``).
    ``relative_file_links``: a Markdown link to a page's file that is not from ``/`` (``install.md``,
    ``setup/install.md``) is read from the linking file's folder, and only so: a file that is not there is
    a broken link, not a file of that path from the root nor of that name elsewhere (an MkDocs site's,
    unless a plugin finds files by their names, ezlinks or autolinks; so are a Material blog post's ``links``,
    while a ``related`` list's names, ``related: [install]``, are looked for by name as elsewhere).
    ``subject_labels`` are ``(value, label)`` pairs: a subject field's value that the site shows
    under another name (Learn X in Y minutes' ``category: tool`` among the ``Tools``).
    ``subject_language`` names the field of a page's language (30 seconds of code's ``language``), which
    a site of several languages files the page under before its subject: ``tags: [string]`` of a
    ``javascript`` page is ``JavaScript string``, apart from ``Python string``; the language is named as
    ``subject_language_labels`` (``(value, name)`` pairs) name it, else as written.

    ``translations`` are ``(page, page)`` pairs, paths from the corpus's root: a page of a Jekyll site
    translated page by page links to each of its translations, the pages that share its value of
    ``translation_key`` (``ref``) in other languages, as its layout's language buttons do.
    ``nav_parents`` are ``(page, page)`` pairs, paths from the corpus's root: a page of a Just the Docs
    site and a page above it (its ``parent``, its ``grand_parent`` and on up), nearest first, to which the
    breadcrumbs the theme shows on the page link (:func:`_nav_parent_links`); ``nav_children`` are
    ``(page, page)`` pairs too: a page and a page it is the ``parent`` of, in the order the table of its
    children the theme shows below the page lists them (:func:`_nav_child_links`).
    ``include_id_hrefs`` are ``(include, key)`` pairs: a Jekyll include that shows the list of the page's
    field its ``id`` names, each item's ``key`` a link (Minimal Mistakes' ``{% include feature_row
    id="feature_row2" %}``, each row's ``url``): the page's links (:func:`_include_id_links`).

    ``page_titles`` are ``(page, title)`` pairs, the page's path below ``content_dir``: the title a
    site's navigation gives a page, which the site shows over its title field and heading (an MkDocs
    ``nav``'s ``- Install: guide/install.md``). ``index_titles`` are ``(path, title)`` pairs too, the
    titles an index page lists notes by (a TIL collection's README: ``- [Title](vim/note.md)``), which
    the ``"index-title"`` fallback gives a note without a title field or heading.

    ``slug_urls`` is the url folder of an MDN Web Docs content repository's pages (``/en-US/docs/``): a
    page is published there at its ``slug`` (``Web/API/Element/after``), whatever its folder (which is
    the slug in lower case).

    ``snippet_urls`` is the url folder of a 30 seconds of code collection (``/js/s/``): a page is
    published there at its file name in kebab case, as the site makes it (:func:`kebab_name`:
    ``copyToClipboard.md`` at ``/js/s/copy-to-clipboard``). ``level_tags`` are the values of a page's
    tags that say how hard it is (its ``beginner``, ``intermediate``, ``advanced``), which such a site
    shows apart from the tags: no keywords.

    ``label_targets`` lets a wiki-link ``[[a|b]]`` whose ``a`` names no article lead where ``b`` does
    (GitHub wikis and Dendron write ``[[label|target]]``); an Obsidian vault's links never do: its
    ``[[Removed note|Tags]]`` is a stub, not a link to the note Tags.

    ``alias_targets`` lets a link reach an article by one of its ``alias_fields`` (a Logseq alias, a Hugo
    page's old url); an Obsidian vault's links do not: Obsidian finds a note by its file name only (an
    alias helps the editor write ``[[Note|alias]]``), so ``[[alias]]`` is a stub. A person still names
    an article by its alias in look-ups.

    ``alias_commas`` reads an alias field's string as its aliases between commas, as Obsidian does
    (``aliases: Doggo, Woofer`` is two: its help's Aliases page); other tools keep the string whole.

    ``language_links`` lets a Markdown link's site path (``/pods/``) on a page of a language other than the
    default reach that language's page at the path (``ko/pods``) first, as the link render hook Hugo
    embeds looks it up among the pages of the linking page's language (see
    :func:`qagraph.presets.hugo_embedded_link_hook`); the page at the url ``/pods/`` otherwise.
    ``language_urls`` puts such a path in the linking page's language's folder (``/ko/pods/``) whether a
    page is there or not, as a site's own link render hook does that passes it through ``relLangURL``
    (:func:`qagraph.presets.hugo_language_url_hook`: the Kubernetes site's).

    ``path_ends`` lets a Markdown link's path that names no file (from its file's folder, nor from the
    root) reach the article whose path ends with it, as a wiki-link ``[[People/Ann]]`` does: Obsidian
    reads ``[Ann](People/Ann.md)`` as a link to ``Team/People/Ann.md`` too.

    ``closed_tags`` reads an inline tag of several words closed by a ``#`` (``#multi word tag#``) as one tag, as Bear
    writes them (:func:`qagraph.links.closed_tags`); elsewhere it is the tag of its first word, as Obsidian reads it.

    ``zettel_ids`` lets a wiki-link that names no note by its name reach the note whose file name holds
    it as an id of 12 to 14 digits, as Zettlr and The Archive do: ``[[202001011200]]`` is the note
    ``202001011200 Atomic notes.md`` (:func:`qagraph.links.zettel_ids_of`).

    ``open_comments`` reads an Obsidian comment that is never closed (a ``%%`` no ``%%`` follows) to the end of the
    note, as Obsidian does (:func:`qagraph.links.mask_open_comment`): its ``[[links]]`` and ``#tags`` are none;
    elsewhere (a Quartz site, whose comments are ``%%...%%`` only) that ``%%`` is text.

    ``inline_math`` reads ``$...$`` as inline math (:func:`qagraph.links.mask_math`), whose ``[[A]]`` is no link and
    ``#x`` no tag, as Obsidian renders it; elsewhere (kramdown, Logseq) a single ``$`` is text.

    ``related_by`` (a Jekyll site whose layout finds them so) makes the names in ``related_lists`` the
    value of a front-matter field of the pages they lead to, its first: ``("class", "lang")`` reads
    ``related: [coc]`` as the page whose ``class`` is ``coc``, among those whose ``lang`` (the other
    fields) is the linking page's, as ``site.articles | where: 'lang', page.lang | where: 'class', name``.

    ``overridden`` names the fields a user mapped explicitly: a mapped field that no
    file has is reported.
    """

    title: tuple[str, ...] = _paths("title", "article_title", "question")
    question: tuple[str, ...] = _paths("question", "title", "article_title")
    answer: tuple[str, ...] = _paths("answer")
    description: tuple[str, ...] = _paths("seo.page_description", "description", "summary")
    keywords: tuple[str, ...] = _paths("seo.page_keywords", "keywords", "tags")
    subject: tuple[str, ...] = _paths("subject", "categories", "category")
    url: tuple[str, ...] = _paths("url", "permalink")
    id: tuple[str, ...] = _paths("id",)
    date: tuple[str, ...] = _paths("date",)
    author: tuple[str, ...] = _paths("author",)
    score: tuple[str, ...] = _paths("score",)
    no_index: tuple[str, ...] = _paths("no_index",)
    file_name: tuple[str, ...] = _paths("file_name",)
    related_prefix: str = "related_article"
    keyword_separator: str | None = ","
    subject_from_url: str = r"^/learn/([^/]+)/"
    suffixes: tuple[str, ...] = (".md", ".markdown", ".mdx")
    title_fallback: tuple[str, ...] = ()
    subject_from: tuple[str, ...] = ("url", "folder", "field")
    subject_values: str = "first"
    list_fields: tuple[str, ...] = ()
    keywords_merge: bool = False
    identity: str = "url"
    date_from_file_name: bool = False
    #: a note without a date field is dated by the date its first line is (a Zettelkasten's
    #: ``{{date}} {{time}}`` template line: ``2026-09-26 22:56``), :func:`date_line`
    date_line: bool = False
    related_lists: tuple[str, ...] = ()
    alias_fields: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    inline_tags: bool = False
    no_front_matter: str = "reject"
    headless: bool = False
    skip_future: bool = False
    skip_drafts: bool = True
    skip_expired: bool = False
    as_of: str = ""
    section_permalinks: tuple[tuple[str, str, str], ...] = ()
    hugo_sections: tuple[str, ...] = ()
    #: a Hugo config's ``[frontmatter] date`` lists ``:filename``: a page whose file name starts with a
    #: date is of that date, its slug the rest of the name (:func:`hugo_file_date`), unless one of these
    #: front-matter fields, which the config lists before it, gives the date
    hugo_filename_date: bool = False
    hugo_dates_before_filename: tuple[str, ...] = ()
    #: the config's ``[frontmatter] lastmod``, ``publishDate`` or ``expiryDate`` lists ``:filename`` too: the
    #: front-matter fields each lists before it. Where one of them lists none that the page has, its
    #: ``:filename`` handler decides, and the page's slug is the rest of its file's name, as for ``date``
    hugo_filename_slugs: tuple[tuple[str, ...], ...] = ()
    #: a Zola site: a page whose file name (a bundle's: its folder's) starts with a date and ``-`` or ``_``
    #: is of that date unless its ``date`` field says otherwise, and its slug is the rest of the name
    #: whatever its date, unless the config's ``[slugify] paths_keep_dates`` (``zola_keep_dates``) keeps it
    #: the values of a date field that name the day of a render, not a day of the page's (Quarto's
    #: ``last-modified``, ``today``, ``now``; bookdown's R code, ```r Sys.Date()```: an entry ending in ``*`` is
    #: a beginning, ```r *``` any inline R): the page has no date, unsaid
    dynamic_dates: tuple[str, ...] = ()
    #: the author of a page that names none (a Pelican config's ``AUTHOR``); ``""``: none
    default_author: str = ""
    #: an author field's mappings stand for the people their ``name`` names (Quarto's ``author: [{name: ...}]``),
    #: and a key of ``authors_map`` for the name the map gives it (a Jekyll site's ``_data/authors.yml``)
    author_mappings: bool = False
    zola_file_dates: bool = False
    zola_keep_dates: bool = False
    #: a Zola site's ``[slugify] paths`` (``on``, ``safe`` or ``off``): how it makes a page's slug
    #: (:func:`zola_slug`); its folders keep their names. ``""``: not a Zola site
    zola_slugify: str = ""
    ugly_urls: bool = False
    ugly_sections: tuple[str, ...] = ()
    keep_path_case: bool = False
    remove_path_accents: bool = False
    drafts: tuple[str, ...] = ()
    publish_marks: tuple[str, ...] = ()
    garden_urls: bool = False
    bundles: bool = False
    content_dir: str = ""
    content_mounts: tuple[tuple[str, str], ...] = ()
    skip_folders: tuple[str, ...] = ()
    skip_files: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()
    vault_excluded: tuple[str, ...] = ()
    note_suffixes: tuple[str, ...] = ()
    toc: str | None = None
    toc_pages: tuple[str, ...] = ()
    site_url: str | None = None
    site_hosts: tuple[str, ...] = ()
    home_title: str | None = None
    lenient_yaml: bool = False
    front_matter_at_start: bool = False
    folders_as_written: bool = False
    shown_front_matter: bool = False
    icon_shortcodes: bool = False
    properties: bool = False
    logseq_legacy_names: bool = False
    notion_properties: bool = False
    joplin: bool = False
    joplin_notebooks: tuple[tuple[str, str], ...] = ()
    joplin_tags: tuple[tuple[str, tuple[str, ...]], ...] = ()
    joplin_resources: tuple[str, ...] = ()
    metadata_lines: bool = False
    nikola_metadata: bool = False
    tag_comments: bool = False
    json_front_matter: bool = False
    loose_closing: bool = False
    any_case_keys: bool = False
    journal_files: str | None = None
    journal_title: str | None = None
    permalink: str | None = None
    posts_permalink: str | None = None
    undated_posts: bool = False
    collections: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    default_language: str = ""
    language_folders: tuple[str, ...] = ()
    para_folders: tuple[str, ...] = ()
    attachment_folders: tuple[str, ...] = ()
    language_sites: bool = False
    sort_prefixes: bool = False
    timezone: str = ""
    doc_routes: tuple[str, ...] = ()
    blog_routes: tuple[str, ...] = ()
    page_routes: tuple[str, ...] = ()
    folder_labels: tuple[tuple[str, str], ...] = ()
    prefixed_doc_folders: tuple[str, ...] = ()
    authors_map: tuple[tuple[str, str], ...] = ()
    tag_labels: tuple[tuple[str, str, str], ...] = ()
    glossary: tuple[tuple[str, str, str], ...] = ()
    glossary_definitions: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = ()
    glossary_summaries: tuple[tuple[str, str, tuple[tuple[str, str, str], ...]], ...] = ()
    glossary_page: str = ""
    includes: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = ()
    included_definitions: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    ref_shortcodes: tuple[tuple[str, str, str], ...] = ()
    href_shortcodes: tuple[tuple[str, str], ...] = ()
    include_shortcodes: tuple[tuple[str, str], ...] = ()
    include_fields: tuple[str, ...] = ()
    relative_include_fields: tuple[tuple[str, str], ...] = ()
    relative_includes: tuple[tuple[str, tuple[tuple[str, str, str], ...]], ...] = ()
    resource_pages: tuple[str, ...] = ()
    trailing_slash: bool | None = None
    #: an Astro site's ``build.format`` (``file`` or ``preserve``; ``""``: ``directory``), which writes a page of its
    #: ``page_routes`` as a file named for its route (:func:`astro_file_url`)
    build_format: str = ""
    authors_map_file: str = ""
    partials: bool = False
    exclude: tuple[str, ...] = ()
    exclude_root: str = ""
    page_folders: tuple[str, ...] = ()
    exclude_docs: tuple[str, ...] = ()
    draft_docs: tuple[str, ...] = ()
    ignores: tuple[tuple[str, str, str], ...] = ()
    ignore_files: tuple[str, ...] = ()
    unbuilt: tuple[tuple[str, str], ...] = ()
    lesson_questions: bool = False
    source_globs: tuple[tuple[str, str], ...] = ()
    hexo: bool = False
    #: an Astro site's collections published by routes of its own: ``(folder below content_dir, url prefix, end)``
    #: (``("blog/", "/blog/", "/")``), an entry at the prefix, its id (:func:`astro_entry_id`) and the end
    collection_routes: tuple[tuple[str, str, str], ...] = ()
    #: a Hexo config's ``pretty_urls``: its ``trailing_index`` and ``trailing_html`` (:func:`hexo_page_url`)
    hexo_trailing: tuple[bool, bool] = (True, True)
    #: a Hexo config's ``new_post_name``: the pattern a post's path below ``_posts/`` is read by, whose
    #: ``:title`` is the post's slug (:func:`hexo_post_values`)
    hexo_post_name: str = ":title.md"
    #: what a Hexo post permalink's placeholders are where the post gives none: its config's
    #: ``permalink_defaults``, and ``category``, its ``default_category``
    hexo_defaults: tuple[tuple[str, str], ...] = (("category", "uncategorized"),)
    #: a Hexo config's ``category_map`` (a category's name to its slug's) and ``filename_case`` (0 as
    #: written, 1 lower case, 2 upper case), by which a permalink's ``:category`` is slugged
    hexo_category_map: tuple[tuple[str, str], ...] = ()
    hexo_filename_case: int = 0
    not_found: tuple[str, ...] = ()
    readme_indexes: tuple[str, ...] = ()
    data_files: tuple[tuple[str, str], ...] = ()
    page_variables: bool = False
    defaults: tuple[tuple[str, str, str], ...] = ()
    collections_dir: str = ""
    future: bool = False
    article_url: str | None = None
    page_url: str | None = None
    page_paths: tuple[str, ...] = ()
    slug_source: str = "title"
    #: a Nikola site's ``POSTS`` and ``PAGES``: each folder of their globs (from the corpus's root, with its
    #: ``/``) and the destination its files are published below, first first; and its ``PRETTY_URLS``
    #: (:func:`nikola_url`)
    nikola_routes: tuple[tuple[str, str], ...] = ()
    nikola_pretty: bool = True
    #: a Nikola site's other languages and the folders their translations are published below (its
    #: ``TRANSLATIONS``: ``{"es": "./es"}``); a translation is named ``hello.es.md``
    nikola_translations: tuple[tuple[str, str], ...] = ()
    path_urls: str | None = None
    #: the url a site puts the pages :attr:`path_urls` places below (a Fumadocs loader's ``baseUrl``, ``/docs``)
    url_base: str = ""
    path_urls_except: tuple[str, ...] = ()
    home_page: str | None = None
    #: a VitePress site's ``rewrites``: (a regular expression that matches a page's path below
    #: :attr:`content_dir` whole, the template of its new path, ``{name}`` for what a group matched)
    path_rewrites: tuple[tuple[str, str], ...] = ()
    blog_posts: tuple[str, ...] = ()
    blog_url: str = ""
    blog_url_date: str = ""
    url_links: bool = False
    literal_absolute_links: bool = False
    relative_file_links: bool = False
    subject_labels: tuple[tuple[str, str], ...] = ()
    subject_language: str = ""
    subject_language_labels: tuple[tuple[str, str], ...] = ()
    toc_subjects: tuple[tuple[str, str], ...] = ()
    nav_sections: tuple[tuple[str, str], ...] = ()
    nav_parents: tuple[tuple[str, str], ...] = ()
    nav_children: tuple[tuple[str, str], ...] = ()
    include_id_hrefs: tuple[tuple[str, str], ...] = ()
    translation_key: str = ""
    translations: tuple[tuple[str, str], ...] = ()
    page_titles: tuple[tuple[str, str], ...] = ()
    index_titles: tuple[tuple[str, str], ...] = ()
    snippet_urls: str | None = None
    slug_urls: str | None = None
    level_tags: tuple[str, ...] = ()
    label_targets: bool = True
    alias_targets: bool = True
    alias_commas: bool = False
    language_links: bool = False
    language_urls: bool = False
    path_ends: bool = False
    zettel_ids: bool = False
    closed_tags: bool = False
    inline_math: bool = False
    open_comments: bool = False
    related_by: tuple[str, ...] = ()
    markdown_fields: tuple[str, ...] = ()
    href_fields: tuple[str, ...] = ()
    redirect_fields: tuple[str, ...] = ()
    heading_titles: bool = False
    overridden: tuple[str, ...] = ()
    command_pages: bool = False
    command_fallbacks: tuple[str, ...] = ()
    title_keywords: bool = False
    child_lists: tuple[str, ...] = ()
    liquid_variables: tuple[tuple[str, str], ...] = ()
    url_prefixes: str = ""
    listing_urls: str = ""
    listing_terms: str = ""
    site_folder: str = ""
    language_field: str = ""

    #: canonical names that take dotted paths, for ``with_overrides``
    FIELDS = (
        "title", "question", "answer", "description", "keywords", "subject", "url",
        "id", "date", "author", "score", "no_index", "file_name",
    )
    #: settings ``with_overrides`` accepts besides the fields, with their allowed values
    #: (``None``: any text; ``bool``: yes/no; a tuple of words: a comma-separated choice)
    SETTINGS: ClassVar[dict[str, Any]] = {
        "keyword_separator": None, "related_prefix": None, "subject_from_url": None, "site_url": None,
        "journal_files": None, "journal_title": None,
        "content_dir": None, "toc": None, "toc_pages": (), "article_url": None, "page_url": None, "page_paths": (),
        "slug_source": ("title", "basename"), "path_urls": _PATH_URLS, "url_base": None, "path_urls_except": (), "exclude_docs": (), "draft_docs": (), "permalink": None, "collections": (), "languages": (), "default_language": None,
        "subject_values": ("first", "every"), "identity": _IDENTITIES,
        "no_front_matter": _NO_FRONT_MATTER, "title_fallback": _TITLE_FALLBACKS,
        "subject_from": _SUBJECT_SOURCES, "links": LINK_SYNTAXES, "list_fields": (), "related_lists": (), "related_by": (), "markdown_fields": (), "href_fields": (), "redirect_fields": (),
        "alias_fields": (), "skip_folders": (), "skip_files": (), "templates": (), "vault_excluded": (), "keywords_merge": bool, "inline_tags": bool,
        "date_from_file_name": bool, "date_line": bool, "headless": bool, "skip_future": bool, "skip_expired": bool, "skip_drafts": bool, "bundles": bool, "lenient_yaml": bool, "front_matter_at_start": bool, "folders_as_written": bool, "shown_front_matter": bool, "icon_shortcodes": bool, "properties": bool, "logseq_legacy_names": bool,
        "notion_properties": bool, "joplin": bool, "joplin_notebooks": (), "joplin_tags": (), "joplin_resources": (), "metadata_lines": bool, "nikola_metadata": bool, "tag_comments": bool, "json_front_matter": bool, "loose_closing": bool, "any_case_keys": bool, "undated_posts": bool, "doc_routes": (), "blog_routes": (), "page_routes": (), "partials": bool, "page_variables": bool, "drafts": DRAFT_MARKS,
        "snippet_urls": None, "slug_urls": None, "level_tags": (), "label_targets": bool, "alias_targets": bool, "alias_commas": bool, "heading_titles": bool,
        "path_ends": bool, "zettel_ids": bool, "closed_tags": bool, "inline_math": bool, "open_comments": bool, "url_links": bool, "literal_absolute_links": bool, "relative_file_links": bool, "language_links": bool, "language_urls": bool, "command_pages": bool, "command_fallbacks": (),
        "child_lists": (), "url_prefixes": None, "listing_urls": None, "listing_terms": None, "site_folder": None, "language_field": None, "title_keywords": bool,
    }

    @property
    def url_stubs(self) -> bool:
        """Whether a stub is named by the url a link names (``/learn/x/``) rather than by its path from the
        content folder: where articles go by their url, but for an MkDocs site, whose urls are its page
        paths: a missing page linked by its url (``../gone/``) and by its file (``gone.md``) is one stub."""
        return self.identity == "url" and self.path_urls not in MKDOCS_URLS

    @property
    def jekyll(self) -> bool:
        """Whether the map reads a Jekyll site as Jekyll publishes it: its ``permalink`` style is set
        (by the ``jekyll`` preset, from the site's config), and it is no Hexo site's."""
        return bool(self.permalink) and not self.hexo

    @property
    def links_by_name(self) -> bool:
        """Whether files link to one another by page path, note name or alias (body links or
        front-matter lists), resolved against the whole corpus (:class:`~qagraph.links.ArticleIndex`)."""
        return bool(self.links or self.related_lists or self.child_lists or self.command_pages)

    def with_overrides(self, mapping: dict[str, str]) -> "FieldMap":
        """A copy where each ``name=path[,path...]`` in ``mapping`` replaces a default.

        A mapped ``subject`` decides the subject: the field comes first in
        ``subject_from``. ``keyword_separator`` takes ``space`` (whitespace), ``any``
        (commas, else whitespace), ``comma`` or the separator itself.

        >>> FieldMap().with_overrides({"keywords": "tags,categories"}).keywords
        ('tags', 'categories')
        >>> FieldMap().with_overrides({"subject": "site"}).subject_from
        ('field', 'url', 'folder')

        Raises:
            UsageError: an unknown name, a value not among a setting's choices, or a
                ``subject_from_url`` that is not a regular expression.
        """
        changes: dict[str, Any] = {}
        overridden = list(self.overridden)
        for name, value in mapping.items():
            if name in self.FIELDS:
                changes[name] = tuple(p.strip() for p in value.split(",") if p.strip())
                if name not in overridden:
                    overridden.append(name)
                if name == "subject" and "subject_from" not in mapping:
                    changes["subject_from"] = ("field",) + tuple(s for s in self.subject_from if s != "field")
            elif name in self.SETTINGS:
                changes[name] = _setting(name, value, self.SETTINGS[name])
            else:
                raise UsageError(_unknown_field(name, self.FIELDS, tuple(self.SETTINGS)))
        changes["overridden"] = tuple(overridden)
        return replace(self, **changes)

    def settings(self) -> dict[str, Any]:
        """Every attribute by name, JSON-able: what a build report shows of the map used.

        >>> FieldMap().settings()["keywords"]
        ['seo.page_keywords', 'keywords', 'tags']
        """
        return {f.name: _listed(getattr(self, f.name)) for f in _dataclass_fields(self)}


def _listed(value: Any) -> Any:
    """Tuples, and the tuples in them (``folder_labels``' pairs), as lists: as JSON reads them back."""
    return [_listed(v) for v in value] if isinstance(value, tuple) else value


def _setting(name: str, value: str, kind: Any) -> Any:
    """The value of setting ``name`` from its text; raises :class:`UsageError` when it is not allowed."""
    value = value.strip()
    if name == "keyword_separator":
        return {"": None, "space": None, "whitespace": None, "any": ANY_SEPARATOR, "auto": ANY_SEPARATOR,
                "comma": ",", SEMICOLONS: SEMICOLONS, EVERY_SEPARATOR: EVERY_SEPARATOR}.get(value.lower(), value)
    if name == "subject_from_url":
        try:
            re.compile(value)
        except re.error as exc:
            raise UsageError(f"subject_from_url is not a regular expression: {exc}") from None
        return value
    if kind is bool:
        lowered = value.lower()
        if lowered in ("yes", "true", "on", "1"):
            return True
        if lowered in ("no", "false", "off", "0", ""):
            return False
        raise UsageError(f"{name} takes yes or no, not {value!r}")
    if name == "content_dir":
        return value.strip("/") + "/" if value.strip("/") else ""
    if kind is None:
        return value or None
    if name in ("subject_values", "identity", "no_front_matter"):
        if value not in kind:
            raise UsageError(f"{name} takes one of {', '.join(kind)}, not {value!r}")
        return value
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [v for v in items if kind and v not in kind]
    if bad:
        raise UsageError(f"{name} takes {', '.join(kind)} (comma-separated), not {', '.join(bad)}")
    return items


#: most values one kept field may hold: YAML aliases can make a few lines mean billions
MAX_FIELD_VALUES = 100_000

_MISSING = object()


class _Fields:
    """One file's front matter as the field map sees it: lookups that remember what they used."""

    def __init__(self, name: str, fm: FrontMatter, inherited: Mapping[str, str] | None = None,
                 any_case: bool = False) -> None:
        self.name = name
        self.fm = fm
        #: with ``any_case``, the name a field is written by, by the lower-case name it is read by: Title,
        #: Draft, Slug are the title, draft and slug fields, as Hugo reads them
        self.written: dict[str, str] = {k.lower(): k for k in fm.data if any_case and isinstance(k, str)
                                        and k.lower() not in fm.data}
        self.data = {k.lower() if isinstance(k, str) and k.lower() in self.written else k: v
                     for k, v in fm.data.items()} if self.written else fm.data
        self.inherited = inherited or {}  #: top-level fields that data files give, not the file: -> where
        self.used: set[str] = set()
        self.problems: list[Problem] = []
        self.any_case = any_case  #: a field's name is matched whatever its case (``FieldMap.any_case_keys``)

    def get(self, path: str) -> Any:
        """The value at ``path`` (``a.b``: ``b`` in the mapping ``a``), or ``_MISSING``; with
        ``any_case``, a name written in another case is the field when no name is written as asked.

        >>> fm = FrontMatter({"Tags": ["x"]}, "", "toml", 1)
        >>> _Fields("a.md", fm).get("tags") is _MISSING, _Fields("a.md", fm, any_case=True).get("tags")
        (True, ['x'])
        """
        node: Any = self.data
        for part in path.split("."):
            if isinstance(node, dict) and part not in node and self.any_case:
                part = next((k for k in node if isinstance(k, str) and k.lower() == part.lower()), part)
            if not isinstance(node, dict) or part not in node:
                return _MISSING
            node = node[part]
        return node

    def written_path(self, path: str) -> str:
        """``path`` as the file writes it: with ``any_case``, each name in the case the file writes it
        (``Tags`` for ``tags``), as :meth:`get` finds it.

        >>> _Fields("a.md", FrontMatter({"SEO": {"Keywords": "x"}}, "", "yaml", 2), any_case=True).written_path("seo.keywords")
        'SEO.Keywords'
        """
        if not self.any_case:
            return path
        node: Any = self.fm.data
        parts = []
        for part in path.split("."):
            if isinstance(node, dict) and part not in node:
                part = next((k for k in node if isinstance(k, str) and k.lower() == part.lower()), part)
            parts.append(part)
            node = node.get(part) if isinstance(node, dict) else None
        return ".".join(parts)

    def line_of(self, path: str | None) -> int:
        """The file line of the field at ``path`` (:meth:`FrontMatter.line_of` of the name the file writes,
        :meth:`written_path`): a field written ``Tags:`` is on its own line, not the front matter's first."""
        return self.fm.line_of(self.written_path(path) if path else path)

    def first(self, paths: tuple[str, ...]) -> Any:
        """The first of ``paths`` that holds a value (not missing, null or empty); marks it used."""
        for path in paths:
            value = self.get(path)
            if value is not _MISSING and value is not None and value != "":
                self.used.add(path)
                return value
        return None

    def text(self, paths: tuple[str, ...], *, lists: bool = False) -> str | None:
        """The first of ``paths`` that holds text (see :meth:`first`). A value that cannot be text
        (a mapping, a list that starts with one) is passed over with a warning naming its field:
        the file's author should hear of it, and a later path may still hold the text. Of a
        list, the first item is the text; unless ``lists`` (a field that lists by nature, like
        Hugo's ``categories`` or ``authors``), a list of several items is a warning too."""
        for path in paths:
            value = self.get(path)
            if value is _MISSING or value is None or value == "":
                continue
            self.used.add(path)
            text = _text(value)
            if text is not None:
                if not lists and isinstance(value, list) and len(value) > 1:
                    self.warn(f"{path} is a list of {len(value)} items; only the first is kept", path)
                return text
            if _not_text(value):
                self.warn(f"{_why_not_text(path, value)}; ignored", path)
        return None

    def names(self, paths: tuple[str, ...], separator: str = ", ", mappings: bool = False,
              known: Mapping[str, str] | None = None) -> str | None:
        """The first of ``paths`` that holds text, as :meth:`text` reads it, but a list's every
        item that is text, joined by ``separator`` (an article's author is one text: ``authors: [Ann,
        Bo]`` is ``Ann, Bo``, as a page shows them, not Ann alone); its other items are warned of. With
        ``mappings``, a mapping (alone or in the list) stands for the person its ``name`` names
        (:func:`person_name`: Quarto's ``author: [{name: Norah Jones, affiliations: ...}]``); a text
        that is a key of ``known`` for the name it gives the key (``author: ann`` for Ann Lee)."""
        known = known or {}
        for path in paths:
            value = self.get(path)
            if mappings and isinstance(value, dict):
                value = [value]
            if not (isinstance(value, list) and (len(value) > 1 or mappings and value and isinstance(value[0], dict))):
                if (text := self.text((path,), lists=True)) is not None:
                    return known.get(text, text)
                continue
            items = [person_name(item) if mappings and isinstance(item, dict) else
                     _text(item) if not isinstance(item, (dict, list)) else None for item in value]
            items = [known.get(item, item) if item is not None else None for item in items]
            names = list(dict.fromkeys(item for item in items if item is not None))
            if not names:
                if (text := self.text((path,), lists=True)) is not None:
                    return text
                continue
            self.used.add(path)
            dropped = sum(1 for v, item in zip(value, items) if item is None and v not in (None, ""))
            if dropped:
                self.warn(f"{path} holds {dropped} item{'s' if dropped > 1 else ''} that {'are' if dropped > 1 else 'is'} "
                          "not text; ignored", path)
            return separator.join(names)
        return None

    def warn(self, message: str, key: str | None = None, code: str = "field") -> None:
        """A warning about this file, once (a field two roles read, the title that is also the
        question, would otherwise be warned about twice)."""
        given = self.inherited.get(key.split(".", 1)[0]) if key else None
        if given is not None:  # the file does not write it: say where it comes from
            message = f"{message} (given by the data files of {given})"
        problem = Problem(self.name, self.line_of(key), message, code, WARNING)
        if problem not in self.problems:
            self.problems.append(problem)


#: the fields of a map whose names a key may look like (:func:`_warn_look_alike_keys`)
#: what a site's own front matter calls the fields a field map names (``--field tags=...`` meant keywords)
_FIELD_SYNONYMS = {"tag": "keywords", "tags": "keywords", "category": "subject",
                   "categories": "subject", "section": "subject", "topic": "subject", "topics": "subject",
                   "name": "title", "heading": "title", "summary": "description", "slug": "url",
                   "authors": "author", "created": "date", "updated": "date"}


def _unknown_field(name: str, fields: tuple[str, ...], settings: tuple[str, ...]) -> str:
    """The message for a ``--field`` name that is neither a field nor a setting: the fields (a dozen),
    the likeliest one meant (``tags`` for keywords, a misspelling), and where the settings are described,
    rather than every one of the settings' names.

    >>> _unknown_field("tags", ("title", "keywords"), ("links",))
    "unknown field 'tags' in field map (did you mean keywords=...? --field NAME=PATH reads the field NAME from the front matter's PATH: keywords=tags); the fields are title, keywords, and the settings links"
    """
    import difflib

    key = name.strip().lower().replace("-", "_")
    meant = _FIELD_SYNONYMS.get(key) or next(iter(difflib.get_close_matches(key, fields + settings, 1, 0.75)), None)
    if meant in fields:
        hint = (f"did you mean {meant}=...? --field NAME=PATH reads the field NAME from the front matter's PATH: "
                f"{meant}={name}" if key in _FIELD_SYNONYMS else f"did you mean {meant!r}?")
    else:
        hint = f"did you mean {meant!r}?" if meant else ""
    listed = (f"the fields are {', '.join(fields)}, and the settings {', '.join(settings)}" if len(settings) < 10 else
              f"the fields are {', '.join(fields)}; the {len(settings)} settings are in the README's "
              "'Settings of a field map'")
    return f"unknown field {name!r} in field map ({hint}); {listed}" if hint else \
        f"unknown field {name!r} in field map; {listed}"


_NAMED_FIELDS = ("title", "question", "answer", "description", "keywords", "subject", "url", "id", "date", "author",
                 "score", "no_index")


def _warn_look_alike_keys(f: _Fields, fields: FieldMap) -> None:
    """A warning for each key of the front matter that reads as the name of a field of the map but is
    not it: it holds a character that does not show or is another's look-alike (a zero-width space
    pasted in, a no-break space, a full-width letter: ``title\u200b: ...``). The site does not read
    it as that field either; the "no title" that followed named the field the file plainly has."""
    names, named = _by_identity(_field_looks, fields)
    for key in f.fm.data:
        if not isinstance(key, str) or (key.isascii() and key == key.strip()) or key in named:
            continue
        field_name = names.get(_look(key))
        if field_name is None or field_name in f.fm.data or (fields.any_case_keys and field_name.lower() in f.data):
            continue
        odd = next((c for c in key if c not in field_name), key[0])
        f.warn(f"the key {key!r} is not {field_name}: it holds U+{ord(odd):04X} {unicodedata.name(odd, '(unnamed)')}; "
               f"the field is not read (write {field_name})", key)


def _field_looks(fields: FieldMap) -> tuple[dict[str, str], frozenset[str]]:
    """What the key of each field of ``fields`` named in :data:`_NAMED_FIELDS` looks like (:func:`_look`),
    with the key; and the keys. Made once per map (:func:`_by_identity`), not for each file."""
    names: dict[str, str] = {}
    for attribute in _NAMED_FIELDS:
        for path in getattr(fields, attribute):
            top = path.split(".", 1)[0]
            names.setdefault(_look(top), top)
    return names, frozenset(names.values())


def _look(key: str) -> str:
    """What a key looks like: without the characters that do not show, spaces around it, in
    compatibility form (``ｔitle`` is ``title``); case kept (a site tells ``Title`` from ``title``)."""
    return unicodedata.normalize("NFKC", visible(key)).replace("\u00a0", " ").strip() if not key.isascii() else key.strip()


def person_name(person: Mapping[Any, Any]) -> str | None:
    """The name of the person a mapping of an author list describes, as Quarto shows it: its ``name``, a
    text or itself a mapping (its ``literal``, else its ``given`` and ``family`` names); ``None`` without one.

    >>> person_name({"name": "Norah Jones", "orcid": "0000"}), person_name({"name": {"given": "Bill", "family": "Smith"}})
    ('Norah Jones', 'Bill Smith')
    >>> person_name({"name": {"literal": "The Team"}}), person_name({"email": "a@b.c"})
    ('The Team', None)
    """
    name = person.get("name")
    if isinstance(name, dict):
        literal = _text(name.get("literal"))
        parts = [part for key in ("given", "family") if (part := _text(name.get(key))) is not None]
        return literal or " ".join(parts) or None
    return _text(name) if not isinstance(name, list) else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):  # e.g. categories: [Physics]
        value = value[0] if value else None
        if value is None:
            return None
    if isinstance(value, (dict, list)):
        return None
    text = scalar_text(value).strip()
    if text and not text.isascii() and not visible(text).strip():
        return None  # only characters that show nothing (title: "\u200b"): as blank, no value
    return text or None


def _not_text(value: Any) -> bool:
    """Whether a field holds a mapping or list that :func:`_text` cannot read (an empty list, or
    blank text, is no value: not this)."""
    return isinstance(value, (dict, list)) and value != [] and _text(value) is None


def _why_not_text(path: str, value: Any) -> str:
    if isinstance(value, dict):
        return f"{path} is a mapping, not text"
    first = value[0] if isinstance(value, list) and value else None
    what = "a mapping" if isinstance(first, dict) else "a list" if isinstance(first, list) else "empty"
    return f"{path} is a list whose first item is {what}, not text"


def _as_int(value: Any) -> int | None:
    """``value`` as an integer: an int, or text of digits (``None`` for more digits than Python
    reads, ``sys.get_int_max_str_digits``: such a number is far over 64 bits, and stopped the build)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and re.fullmatch(r"[+-]?[0-9]+", value.strip()):
        try:
            return int(value)
        except ValueError:
            return None
    return None


def astro_entry_id(path: str) -> str:
    """The id (and slug) Astro gives the collection entry at ``path`` (below its collection's folder), where
    its front matter writes no ``slug``: its path without suffix, each part slugged as GitHub slugs a
    heading (lower case, spaces as hyphens, punctuation dropped), without a trailing ``index``.

    >>> astro_entry_id("Second Post.md"), astro_entry_id("guides/Markdown_Style.mdx"), astro_entry_id("docs/index.md")
    ('second-post', 'guides/markdown_style', 'docs')
    """
    parts = [re.sub(r"[^\w\- ]", "", part.lower()).replace(" ", "-") for part in path.rsplit(".", 1)[0].split("/")]
    return re.sub(r"/index$", "", "/".join(parts))


def hexo_page_url(path: str, permalink: str | None, trailing: tuple[bool, bool] = (True, True)) -> str:
    """The url Hexo renders the page at ``path`` (below its source folder) to: its front matter's
    ``permalink`` (``index`` after a trailing ``/``, ``.html`` where it names no file type), else its path
    with ``.html`` for its suffix; with the config's ``pretty_urls`` (``trailing``: its ``trailing_index``
    and ``trailing_html``) false, without a trailing ``index.html``, or ``.html``.

    >>> hexo_page_url("about/index.md", None), hexo_page_url("faq.md", None), hexo_page_url("p.md", "/team/")
    ('/about/index.html', '/faq.html', '/team/index.html')
    >>> hexo_page_url("about/index.md", None, (False, False)), hexo_page_url("faq.md", None, (True, False))
    ('/about/', '/faq')
    """
    if permalink is not None and permalink.strip():
        url = permalink.strip()
        url += "index" if url.endswith("/") else ""
        url += "" if "." in url.rpartition("/")[2] else ".html"
    else:
        url = path.rsplit(".", 1)[0] + ".html"
    url = "/" + url.lstrip("/")
    if not trailing[0] and url.endswith("/index.html"):
        url = url[:-len("index.html")]
    if not trailing[1] and url.endswith(".html"):
        url = url[:-len(".html")]
    return url


def _url(value: Any) -> str | None:
    url = _text(value)
    if url is not None and len(url) > 1:
        url = url.rstrip("/")
    return url


def read_article(name: str, text: str, fields: FieldMap = FieldMap()) -> tuple[Article | None, list[Problem]]:
    """The article in one file's ``text`` (decoded; ``name`` is its path in the corpus) and the problems.

    Front matter that cannot be read is an error, unless ``fields.lenient_yaml``: then
    the file is read as a note without front matter and the problem is a warning.

    >>> from qagraph.presets import preset
    >>> article, problems = read_article("People/Ann.md", "---\\ntags:\\n- @ann\\n---\\nMet [[Bob]].\\n", preset("obsidian").fields)
    >>> article.title, [l.target for l in article.related], problems[0].message.endswith("read without its front matter")
    ('Ann', ['Bob'], True)
    """
    fm = read_front_matter(name, text, properties=fields.properties, notion=fields.notion_properties,
                           metadata=fields.metadata_lines, json_object=fields.json_front_matter,
                           loose_closing=fields.loose_closing, tag_comment=fields.tag_comments, at_start=fields.front_matter_at_start,
                           joplin=fields.joplin, nikola=fields.nikola_metadata)
    if isinstance(fm, Problem):
        if not fields.lenient_yaml:
            return None, [fm]
        body, body_line = (text, 1) if fields.shown_front_matter else _after_front_matter(text)
        note = FrontMatter({}, body, None, 1)
        warning = Problem(name, fm.line, f"{fm.message}: read without its front matter" + (
            ", shown as the page's text" if fields.shown_front_matter else ""), "front-matter-ignored", WARNING)
        article, problems = to_article(name, note, fields, body_line=body_line)
        return article, [warning, *problems]
    body_line = body_start(text, fm)
    return to_article(name, fm, fields, body_line=body_line)


#: what a Joplin item of each type is (its ``type_``), but a note (1)
_JOPLIN_TYPES = {2: "notebook", 3: "setting", 4: "resource's metadata (an attachment)", 5: "tag",
                 6: "tag given to a note", 7: "saved search", 8: "alarm", 9: "master key", 10: "change record",
                 11: "note's resource record", 12: "resource's local state", 13: "revision", 14: "migration",
                 15: "smart filter", 16: "command"}


def _joplin_skip(name: str, fm: FrontMatter) -> Problem | None:
    """Why a Joplin item (``fm``, :func:`qagraph.frontmatter.joplin_item`) is no note Joplin shows, or ``None``
    for a note: an item of another type (a notebook, a tag, a resource's metadata), or a note in the trash
    (its ``deleted_time`` set) or encrypted (Joplin shows neither among the notes of its notebook)."""
    kind = int(fm.data["type_"])
    if kind != 1:
        what = _JOPLIN_TYPES.get(kind, f"item of type {kind}")
        return Problem(name, fm.key_lines.get("type_"), f"type_: {kind}: a Joplin {what}, no note", "headless", SKIPPED)
    if fm.data.get("deleted_time", "0") not in ("", "0"):
        return Problem(name, fm.key_lines.get("deleted_time"), "deleted_time: a Joplin note in the trash, no note "
                       "of its notebook", "headless", SKIPPED)
    if fm.data.get("encryption_applied", "0") not in ("", "0"):
        return Problem(name, fm.key_lines.get("encryption_applied"), "encryption_applied: an encrypted Joplin note, "
                       "whose text is not in the file", "headless", SKIPPED)
    return None


#: the mappings of the field maps' pairs made so far (:func:`_pairs_map`), by the pairs' identity
_PAIRS_MAPS: dict[int, tuple[tuple[tuple[str, Any], ...], dict[str, Any]]] = {}


def _pairs_map(pairs: tuple[tuple[str, Any], ...]) -> dict[str, Any]:
    """``pairs`` (a field map's, such as :attr:`FieldMap.joplin_tags`) as a mapping, made once for the field map
    rather than for each of its articles (an export of thousands of tagged notes)."""
    held = _PAIRS_MAPS.get(id(pairs))
    if held is None or held[0] is not pairs:
        if len(_PAIRS_MAPS) > 16:
            _PAIRS_MAPS.clear()
        held = _PAIRS_MAPS[id(pairs)] = (pairs, dict(pairs))
    return held[1]


def _joplin_data(data: dict[str, Any], fields: FieldMap) -> dict[str, Any]:
    """A Joplin note's data (its properties and ``title``) with its notebook's title (``notebook``) and its
    tags' (``tags``), as Joplin shows the note, from the export's other items (:attr:`FieldMap.joplin_notebooks`,
    :attr:`FieldMap.joplin_tags`)."""
    data = dict(data)
    notebook = _pairs_map(fields.joplin_notebooks).get(str(data.get("parent_id", "")))
    if notebook is not None:
        data["notebook"] = notebook
    tags = _pairs_map(fields.joplin_tags).get(str(data.get("id", "")))
    if tags:
        data["tags"] = list(tags)
    return data


#: a link to a Joplin item, by its id (``:/0123...``), as Joplin writes a link to a note or a resource
_JOPLIN_LINK = lazy_compile(r"^:/([0-9a-f]{32})(#.*)?$")


def _joplin_links(found: list[TextLink], fields: FieldMap) -> list[TextLink]:
    """A Joplin note's links ``found`` in its text, a link to an item by its id (``:/id``) read
    as one to its file (``<id>.md`` beside the note: a raw export keeps every item in one folder), but for one to
    a resource (an image, a PDF: :attr:`FieldMap.joplin_resources`), which is no link to a note."""
    kept = []
    for link in found:
        m = _JOPLIN_LINK.match(link.target)
        if m is None:
            kept.append(link)
        elif m.group(1) not in fields.joplin_resources:
            kept.append(replace(link, target=f"{m.group(1)}.md{m.group(2) or ''}"))
    return kept


def body_start(text: str, fm: FrontMatter) -> int:
    """The file line the body of ``text`` (split as ``fm``) starts on: below its front matter; a Joplin
    item's, whose properties are below it, below its title and the blank line under it."""
    if fm.syntax == JOPLIN:
        return 3
    return text.count("\n", 0, len(text) - len(fm.body)) + 1 if fm.syntax is not None else 1


def _after_front_matter(text: str) -> tuple[str, int]:
    """The text after a broken front matter's closing line (all of it when there is none), and its line."""
    m = re.match(r"\s*(---|\+\+\+)[ \t]*\n", text)
    if m:
        closing = re.compile(rf"^{re.escape(m.group(1))}[ \t]*$", re.M).search(text, m.end())
        if closing is not None:
            start = min(closing.end() + 1, len(text))
            return text[start:], text.count("\n", 0, start) + 1
    return text, 1


def to_article(name: str, fm: FrontMatter, fields: FieldMap = FieldMap(),
               body_line: int | None = None) -> tuple[Article | None, list[Problem]]:
    """The article of file ``name`` (path relative to the corpus) and the problems found.

    What a file without front matter is depends on ``fields.no_front_matter``: an error
    (the Q&A format), a skipped file (a Hugo include) or an article with defaults (an
    Obsidian note). A file without a title and no ``title_fallback`` is an error;
    Hugo's headless bundles are skipped. Repairs (a score that is not a number) are
    warnings and the article is kept. ``body_line`` is the file line where the body
    starts (for the lines of links found in it). With ``fields.data_files``, the data an Eleventy
    site's data files give the file are under its front matter (a file without front matter then
    has theirs).
    """
    inherited: dict[str, str] = {}  # a top-level field only the data files give -> where they give it
    displaced_warning: Problem | None = None
    if fields.data_files:
        data, inherited = cascade(name, fields.data_files, fm.data)
        fm = replace(fm, data=data)
    if fm.syntax is None and not inherited and fields.collections and not fields.hexo and (
            kind := _jekyll_type(site_path(name, fields), fields)) not in ("pages", "posts", "drafts"):
        # Jekyll reads a collection's file as a document only when it starts with front matter, and copies the others
        # as static files (jekyll-optional-front-matter makes pages of the site's pages alone, not of its collections')
        return None, [Problem(name, None, f"no front matter: a file of the {kind} collection that Jekyll copies as it is "
                              "(a static file), no document", "no-front-matter", SKIPPED)]
    if fm.syntax is None and name in fields.readme_indexes:
        # jekyll-readme-index (StaticFile#to_page) makes the README its folder's index:
        # permalink File.dirname(url) + "/"
        folder = site_path(name, fields).rpartition("/")[0]
        fm = replace(fm, data={**fm.data, "permalink": f"/{folder}/" if folder else "/"})
    # what a Pelican file's name gives (its FILENAME_METADATA) makes no page of a file without metadata: Pelican needs a title
    elif fm.syntax is None and (not inherited or fields.metadata_lines):
        policy = fields.no_front_matter
        own_name = name.removeprefix(fields.content_dir)
        if fields.jekyll and policy in ("article-below-root", "article-but-repository-files") and "/" in own_name and \
                posixpath.splitext(own_name.rpartition("/")[2])[0].upper() in REPOSITORY_FILES:
            # jekyll-optional-front-matter's FILENAME_BLACKLIST is of names in any folder (a README in one that has an
            # index page: jekyll-readme-index makes the others their folders' pages, readme_indexes)
            return None, [Problem(name, None, "no front matter: a repository's own file, which GitHub Pages' "
                                  "jekyll-optional-front-matter does not publish", "no-front-matter", SKIPPED)]
        if policy == "article-below-root":
            # a Jekyll site's index.md at its root is its home page, which jekyll-optional-front-matter publishes
            # (a GitHub Pages project site's page listing its guides), no repository's note
            home = fields.jekyll and posixpath.splitext(own_name)[0] == "index"
            policy = "article" if "/" in own_name or home else "skip"
        if policy == "titled-article":
            own_name = name.removeprefix(fields.content_dir)
            displaced = _DISPLACED_FRONT_MATTER.match(fm.body)
            policy = "article" if (_OPENING_TITLE.match(fm.body) or displaced) and not (
                "/" not in own_name and posixpath.splitext(own_name)[0].upper() in REPOSITORY_FILES) else "skip"
            if displaced and policy == "article":  # Hugo publishes it, its would-be front matter as text
                displaced_warning = Problem(name, 1, "text before the front matter's opening --- on the first line: "
                                            "no front matter (Hugo reads none: a page without title or fields)",
                                            "no-front-matter", WARNING)
        if policy == "article-but-repository-files":
            own_name = name.removeprefix(fields.content_dir)
            if "/" not in own_name and posixpath.splitext(own_name)[0].upper() in REPOSITORY_FILES:
                return None, [Problem(name, None, "no front matter: a repository's own file, which GitHub Pages' "
                                      "jekyll-optional-front-matter does not publish", "no-front-matter", SKIPPED)]
            policy = "article"
        if policy == "reject":
            if not fm.body.strip():
                return None, [Problem(name, None, "empty file: no front matter", "no-front-matter")]
            return None, [Problem(name, fm.line, "no front matter: the file must start with a '---' line",
                                  "no-front-matter")]
        if policy == "skip":
            return None, [Problem(name, None, "no front matter: not a page (an include file, a resource or a "
                                  "repository file)", "no-front-matter", SKIPPED)]
        if policy == "copied":
            return None, [Problem(name, None, "no front matter: Jekyll copies it as it is (the site is built without "
                                  "GitHub Pages' jekyll-optional-front-matter), no page", "no-front-matter", SKIPPED)]
    own = set(fm.data)
    # Jekyll gives its defaults to its pages: the files with front matter, and those jekyll-optional-front-matter
    # makes pages of (the others it copies as they are); an Astro site's code, to every page it loads
    if fields.defaults and (fm.syntax is not None or fields.no_front_matter in ("article", "article-below-root",
                                                                            "article-but-repository-files")):
        at = site_path(name, fields)  # the file's path from the site's root
        fm = replace(fm, data=jekyll_defaults(at.removeprefix(fields.collections_dir), _jekyll_type(at, fields),
                                              fields.defaults, fm.data))
    if fm.syntax == JOPLIN:
        skipped = _joplin_skip(name, fm)
        if skipped is not None:
            return None, [skipped]
        fm = replace(fm, data=_joplin_data(fm.data, fields))
    f = _Fields(name, fm, inherited, fields.any_case_keys)
    if displaced_warning is not None:
        f.problems.append(displaced_warning)
    _warn_look_alike_keys(f, fields)
    if fields.headless or fields.drafts:
        why = not_rendered(f.data, future=fields.skip_future, expired=fields.skip_expired, drafts=fields.skip_drafts,
                           now=_moment(fields.as_of), zola=bool(fields.zola_slugify)) if fields.headless else \
            draft(f.data, fields.drafts)
        if why and fields.defaults and why.split(":", 1)[0] not in own:
            return None, [Problem(name, None, f"{why}, from the site config's defaults: not a page", "headless", SKIPPED)]
        if why:
            key, _, rest = why.partition(":")
            key = f.written.get(key, key)
            return None, [Problem(name, fm.line_of(key), f"{key}:{rest}: not a page", "headless", SKIPPED)]
    if fields.publish_marks and (why := unpublished(f.data, fields.publish_marks)) is not None:
        mark = next((f.written.get(k, k) for k in fields.publish_marks if k in f.data), None)
        return None, [Problem(name, fm.line_of(mark) if mark is not None else None, why, "headless", SKIPPED)]
    if f.data.get("permalink") is False:  # Eleventy (and others): the file is not written as a page
        if "permalink" in inherited:  # a folder of drafts, or of pages made from data
            return None, [Problem(name, None, f"permalink: false, from the data files of {inherited['permalink']}: "
                                  "not written as a page", "headless", SKIPPED)]
        return None, [Problem(name, fm.line_of("permalink"), "permalink: false: not written as a page",
                              "headless", SKIPPED)]
    raw_body = fm.body
    if fields.doc_routes or fields.blog_routes:  # Docusaurus renders an mdx-code-block's MDX as the page's own
        raw_body = unwrap_mdx_code_blocks(raw_body)
    masked = mask_code(raw_body) if fields.links or fields.inline_tags else None
    if masked is not None and fields.inline_math:  # $[[A]]^{v}$ is a formula, no link
        masked = mask_math(masked)
    if masked is not None and fields.open_comments and "%%" in masked:  # %% never closed: the rest is comment
        masked = mask_open_comment(masked)
    title = _title(name, f, fields, raw_body)
    if title is None:
        names = ", ".join(fields.title)
        shapes = [(p, f.get(p)) for p in fields.title if _not_text(f.get(p))]
        if shapes:
            why = "; ".join(_why_not_text(p, v) for p, v in shapes)
            return None, [Problem(name, f.line_of(shapes[0][0]), f"no title: {why}", "no-title")]
        return None, [Problem(name, fm.line, f"no title: none of {names} is set", "no-title")]
    if fields.liquid_variables and "{%" in title:  # GitHub Docs: {% data variables.product.prodname_actions %}
        title = liquid_text(title, _variables(fields.liquid_variables)) or title
    title = clean(title)
    # what the question fields say (the Q&A format's hold the title), else the title when it asks one:
    # two pages titled "Introduction" are not one question asked twice, two "How do I install it?" are
    # a Carpentries lesson's episode asks several (questions: [...], or a ::: questions block): all of them
    asked = (f.names(fields.question, " ") if fields.lesson_questions else f.text(fields.question)) or (
        lesson_questions(raw_body) if fields.lesson_questions else None)
    question = asked or (title if title.rstrip().endswith(("?", "？")) else "")
    answer = unescape_newlines(f.text(fields.answer) or "")
    url, key = _identity(name, f, fields)
    if fields.language_field and url is not None and url.startswith("/"):  # jekyll-polyglot: /es/about/
        written = f.text((fields.language_field,))
        if written and written.strip() != fields.default_language and written.strip() in fields.languages:
            url, key = f"/{written.strip()}{url}", (f"/{written.strip()}{key}" if key.startswith("/") else key)
    if url is not None and _NOT_FOUND.fullmatch(url.strip()):  # what the site shows for a url it does not have
        line = next((f.line_of(p) for p in fields.url if p in f.used), None)
        return None, [Problem(name, line, f"the site's not-found page ({url}): not an article", "headless", SKIPPED)]
    page = name[len(fields.content_dir):].rsplit(".", 1)[0] if name.startswith(fields.content_dir) else None
    if url is None and page in fields.not_found:  # with no permalink, published at its path: /404.html
        return None, [Problem(name, None, f"the site's not-found page (published at /{page}.html, as it has no "
                              "permalink): not an article", "headless", SKIPPED)]
    moved = _redirect(f, fields) if fields.redirect_fields and not fields.hexo else None
    menu = fields.jekyll and f.get("dropdown") is True  # al-folio's navigation bar shows it as a menu
    layout = f.get("layout") if fields.jekyll and not fields.hexo else None
    listing = isinstance(layout, str) and layout.strip().lower() in _LISTING_LAYOUTS and not (
        url is not None and url.strip("/") in ("", "index.html"))  # Chirpy's _tabs/archives.md; the home page stays
    if (moved is not None or menu or listing) and not (masked if masked is not None else mask_code(raw_body)).strip():
        if moved is not None:  # the layout sends the reader on: the page shows nothing of its own
            key, value, target = moved
            where = "the home page" if value is True else target
            return None, [Problem(name, fm.line_of(key), f"{key}: {'true' if value is True else target}: a page that "
                                  f"sends its reader to {where}, no article", "headless", SKIPPED)]
        if listing:  # its layout fills it with the posts: nothing of the page's own, but the site serves it
            at = f" at {url}" if url is not None and url.startswith("/") and not any(c.isspace() for c in url) else ""
            return None, [Problem(name, fm.line_of(f.written.get("layout", "layout")), f"layout: {layout}: a page whose "
                                  f"layout lists the site's posts{at}, with no text of its own: no article", "headless",
                                  SKIPPED)]
        return None, [Problem(name, fm.line_of(f.written.get("dropdown", "dropdown")), "dropdown: true: a menu of the "
                              "navigation bar, which links to its children and to no page of its own: no article",
                              "headless", SKIPPED)]
    why = url_problem(url) if url else None
    if why:
        f.warn(f"url {url!r} {why}: the RDF gives the article no schema:url",
               fields.url[0] if fields.url else None, "url")
    slug, subject_label, subject_given, more_keywords = _subject(name, f, fields, url)
    more_lines: list[int | None] = [None] * len(more_keywords)
    if fields.inline_tags:
        tagged = inline_tag_offsets(raw_body, masked, bracketed="logseq-name" in fields.title_fallback,
                                    closed=fields.closed_tags)
        more_keywords += [tag for _, tag in tagged]
        first = body_line if raw_body is fm.body else None  # a Docusaurus page's unwrapped text has other lines
        more_lines += [None if first is None else first + raw_body.count("\n", 0, offset) for offset, _ in tagged]
        more_keywords += tags_line(raw_body, masked)
    if fields.doc_routes or fields.blog_routes:
        _docusaurus_tags(f, fields)
    if fields.blog_posts and "categories" not in f.used and "keywords" not in fields.overridden and blog_post(
            name, fields) and f.get("categories") not in (_MISSING, None, ""):
        f.used.add("categories")  # a Material blog lists the post under each of its categories
        more_keywords += _values(f.get("categories"), True, fields.keyword_separator)
    more_lines += [None] * (len(more_keywords) - len(more_lines))
    keywords, keyword_keys, keyword_lines = _keywords(f, fields, more_keywords, more_lines)
    if fields.title_keywords and not keywords and title:
        keywords, keyword_keys = split_keywords(title_terms(title, (name.rpartition("/")[0].rpartition("/")[2], subject_label)))
        keyword_lines = (None,) * len(keyword_keys)
    typed = _typed_fields(f, fields)
    written_date = typed["date"]  # a date field's, whose line a problem about the date names
    if (fields.hugo_filename_date or fields.zola_file_dates) and (
            named_date := hugo_file_date(name, f.data, fields)) is not None and named_date[0] is not None:
        typed["date"] = named_date[0]
    if typed["date"] is None and fields.date_from_file_name and (
            not fields.blog_routes or doc_folder(name, fields.blog_routes) is not None):  # Docusaurus: posts only
        named = blog_date(name, fields.blog_routes) if fields.blog_routes else _file_name_date(name)
        try:  # 2024-13-45-x.md names no day (Jekyll stops on it), which was kept as the post's date
            typed["date"] = named and _dt.date(*map(int, named.split("-"))).isoformat()
        except ValueError as exc:
            f.problems.append(Problem(name, None, f"the date {named} in the file name is not a day ({exc}); "
                                                  "the post has no date", "date", WARNING))
    if typed["date"] is None and fields.date_line:
        typed["date"] = date_line(raw_body)
    if typed["date"] is None and fields.journal_files:  # a Logseq journal page is its day's
        day = _journal_day(name, name.rpartition("/")[2].rsplit(".", 1)[0], fields)
        typed["date"] = day.isoformat() if day is not None else None
    if url is None and fields.blog_url and typed["date"] and blog_post(name, fields):
        # the blog slugs the heading as written, before Markdown shows it (MkDocs's Page.title before a render):
        # _em_ and &amp; are in the slug, not in the title
        written = leading_heading(_UNSPACED_HASHES.sub(r"\1 ", raw_body, count=1), level_one=True, markup=False) \
            if f.text(fields.title) is None and "opening-heading" in fields.title_fallback else None
        url = material_post_url(f, fields, written or title, str(typed["date"]))
    related = _related_links(f, fields)
    if fields.nav_parents:
        related += _nav_parent_links(f, fields, max((link.position for link in related), default=0))
    if fields.nav_children:
        related += _nav_child_links(f, fields, max((link.position for link in related), default=0))
    if fields.translations:
        related += _translation_links(f, fields, max((link.position for link in related), default=0))
    if fields.related_lists or "wiki" in fields.links or fm.syntax == NOTION:
        related += _listed_links(f, fields, max((link.position for link in related), default=0))
    if fields.child_lists:
        related += _child_links(f, fields, max((link.position for link in related), default=0))
    if fields.markdown_fields or fields.href_fields:
        related += _shown_field_links(f, fields, max((link.position for link in related), default=0))
    if fields.include_id_hrefs:
        related += _include_id_links(f, fields, raw_body, max((link.position for link in related), default=0))
    if moved is not None:  # a page with text of its own: it links where it sends its reader
        line = fm.line_of(moved[0])
        related += [RelatedLink(max((link.position for link in related), default=0) + 1, None, None, link.text, None,
                                link.line, "front-matter", link.target)
                    for link in text_links(f'<a href="{moved[2]}">', ("html",), line or 1, fields.site_url, None,
                                           fields.site_hosts)]
    if fields.blog_posts and blog_post(name, fields):
        related += _blog_post_links(f, fields, max((link.position for link in related), default=0))
    if fields.links:
        start = max((link.position for link in related), default=0)
        found = text_links(raw_body, fields.links, body_line or fm.line, fields.site_url, masked, fields.site_hosts,
                           fields.note_suffixes)
        if fm.syntax == JOPLIN:
            found = _joplin_links(found, fields)
        if fields.glossary and "glossary_tooltip" in raw_body:
            found = sorted(found + glossary_links(name, raw_body, body_line or fm.line, fields, masked),
                           key=lambda link: link.line)
        if (fields.glossary_definitions or fields.glossary_summaries) and "glossary_definition" in raw_body:
            found = sorted(found + glossary_definition_links(name, raw_body, body_line or fm.line, fields, masked),
                           key=lambda link: link.line)
        if fields.includes and ("include" in raw_body or fields.include_shortcodes and "{{" in raw_body
                                or fields.child_lists and "reusables." in raw_body):
            found = sorted(found + included_links(name, raw_body, body_line or fm.line, fields, masked),
                           key=lambda link: link.line)
        if fields.include_fields and fields.includes:
            found = sorted(found + _listed_include_links(f, fields), key=lambda link: link.line)
        if fields.relative_include_fields and fields.relative_includes:
            found = sorted(found + _relative_include_links(name, f, fields), key=lambda link: link.line)
        if fields.included_definitions and ("include" in raw_body or fields.included_definitions[0][0] == ""):
            text = masked if masked is not None else mask_code(raw_body)
            found = sorted(found + included_definition_links(text, fields.included_definitions, fields.links,
                                                             body_line or fm.line, fields.site_url, fields.site_hosts),
                           key=lambda link: link.line)
        if fields.slug_urls is not None and "{{" in raw_body:  # MDN's {{domxref("Node")}}, {{Glossary("HTTP")}}
            found = sorted(found + macro_links(raw_body, body_line or fm.line, fields.slug_urls, masked),
                           key=lambda link: link.line)
        if fields.resource_pages and name.rpartition("/")[0][len(fields.content_dir):].lower() in fields.resource_pages:
            found += resource_links(name, body_line or fm.line, fields)
        if fields.glossary_definitions and _GLOSSARY_INDEX.match(name[len(fields.content_dir):]):
            found += glossary_term_links(name, body_line or fm.line, fields)
        if fields.ref_shortcodes and "{{" in raw_body:
            found = sorted(found + shortcode_ref_links(raw_body, body_line or fm.line, fields, masked),
                           key=lambda link: link.line)
        if fields.glossary_page:
            found = glossary_page_links(found, fields.glossary_page)
        if fields.language_urls:
            found = language_url_links(name, found, fields)
        if fields.href_shortcodes and "{{" in raw_body:  # written as given: no link render hook puts them in a language
            found = sorted(found + shortcode_href_links(raw_body, body_line or fm.line, fields, masked),
                           key=lambda link: link.line)
        if fields.child_lists and "link_" in raw_body:  # an older GitHub Docs index: {% link_with_intro /x %}
            text = masked if masked is not None else mask_code(raw_body)
            found = sorted(found + docs_link_tags(text, name.removeprefix(fields.content_dir).rpartition("/")[0],
                                                  body_line or fm.line), key=lambda link: link.line)
        if fields.liquid_variables:  # GitHub Docs: a link's text written with its variables
            found = [replace(link, text=liquid_text(link.text, _variables(fields.liquid_variables)) or None)
                     if link.text and "{%" in link.text else link for link in found]
        related += [RelatedLink(start + i, None, None, link.text, None, link.line, link.origin, link.target)
                    for i, link in enumerate(found, 1)]
    file_name = f.text(fields.file_name) or name.rpartition("/")[2]
    description = f.text(fields.description)
    if description and fields.liquid_variables and "{%" in description:  # GitHub Docs' intro, with its variables
        description = liquid_text(description, _variables(fields.liquid_variables)) or None
    if fields.command_pages:  # a command page's description is what it answers; its mentions are links
        summary, mentions = command_page(raw_body, body_line or fm.line)
        description = description or summary
        answer = answer or summary or ""
        start = max((link.position for link in related), default=0)
        related += [RelatedLink(start + i, None, None, link.text, None, link.line, link.origin, link.target)
                    for i, link in enumerate(mentions, 1)]
    if "author" not in fields.overridden and (fields.blog_routes and doc_folder(name, fields.blog_routes) is not None
                                              or fields.blog_posts and blog_post(name, fields)):
        author = _post_authors(f, fields)  # a Docusaurus or MkDocs Material blog's post
    else:
        author = f.names(fields.author, mappings=fields.author_mappings,
                         known=_authors_by_key(fields.authors_map) if fields.author_mappings else None) \
            or fields.default_author or None
    absent = tuple(n for n in fields.overridden if n in FieldMap.FIELDS and getattr(fields, n)  # `keywords=`: none
                   and all(f.get(p) is _MISSING for p in getattr(fields, n)))
    extra = _extra(f, fields, title)
    if "bookdown" in fields.links and masked is not None and (labels := list(dict.fromkeys(
            i for _, _, i in bookdown_headings(masked) if i))):
        extra[MYST_LABELS] = labels  # the section ids \@ref(x) reaches the page by (alias_fields)
    if "myst" in fields.links and masked is not None and (labels := myst_labels(masked)):
        extra[MYST_LABELS] = labels  # the names {ref} and [text](label) reach the page by (alias_fields)
    if "quarto" in fields.links and masked is not None and (labels := quarto_labels(masked, raw_body)):
        extra[MYST_LABELS] = labels  # the ids @sec-x and @fig-x reach the page by (alias_fields)
    if fields.hexo and "_posts" in (parts := name.removeprefix(fields.content_dir).split("/"))[:-1]:
        below = "/".join(parts[parts.index("_posts") + 1:])
        extra[HEXO_SLUG] = hexo_post_slug(below, fields.hexo_post_name)[0]  # {% post_link slug %}'s (alias_fields)
    if fields.nikola_routes and split_language(_strip_suffix(name.rpartition("/")[2]),
                                               dict(fields.nikola_translations))[1] is None:
        extra[NIKOLA_SLUG] = nikola_slug(name, f.data)  # link://slug/x's (alias_fields); not a translation's

    for field in fields.alias_fields if fields.alias_commas else ():  # Obsidian's aliases: a, b is two aliases
        if isinstance(extra.get(field), str):
            extra[field] = _values(extra[field], True, ",")
    if fields.zola_slugify and isinstance(moved := extra.get("aliases"), list):  # Zola writes each from the site's
        # root, / or not (its site's render_alias), where Hugo writes a relative one beside the page
        extra["aliases"] = ["/" + alias.strip().lstrip("/") if isinstance(alias, str) and alias.strip() and
                            "://" not in alias else alias for alias in moved]
    body = raw_body.strip()
    if body in ("&nbsp;", "&#160;"):
        body = ""
    article = Article(
        key=key,
        path=name,
        title=title,
        question=clean(question),
        answer=answer,
        subject=subject_label,
        subject_given=subject_given,
        subject_slug=slug,
        keywords=keywords,
        keyword_keys=keyword_keys,
        keyword_lines=keyword_lines,
        subject_line=_subject_line(f, fields) if subject_given else None,
        related=tuple(related),
        url=url,
        description=clean(description) if description else None,
        author=author,
        file_name=file_name,
        body=body,
        url_line=f.line_of(fields.url[0]) if url and fields.url else None,
        date_line=_date_line(f, fields) if typed["date"] is not None and typed["date"] == written_date else None,
        absent=absent,
        extra=extra,
        **typed,
    )
    return article, f.problems


#: the fields that name a Docusaurus post's one author before ``authors`` (Docusaurus 1 and early 2)
_LEGACY_AUTHOR = ("author", "author_title", "authorTitle", "author_url", "authorURL", "author_image_url",
                  "authorImageURL")


def _post_authors(f: _Fields, fields: FieldMap) -> str | None:
    """The names a Docusaurus blog post shows its authors by, in the order its ``authors`` lists them,
    joined by ``, `` (an article's author is one text); without ``authors``, its ``author``.

    ``authors`` is a key of the blog's authors map (:attr:`FieldMap.authors_map`), an author
    (``{name: Ann, title: ..., url: ...}``; with a ``key``, that author of the map, under what it
    says) or a list of these. A key the map does not have is its own name, with a warning: Docusaurus
    stops the build on it. An author shown by an image alone has no name here.

    >>> from qagraph.frontmatter import read_front_matter
    >>> fields = FieldMap(authors_map=(("ann", "Ann Lee"),), authors_map_file="blog/authors.yml")
    >>> f = _Fields("blog/p.md", read_front_matter("blog/p.md", "---\\nauthors: [ann, {name: Bo Chen}, zed]\\n---\\n"))
    >>> _post_authors(f, fields), [(p.line, p.message.split(":")[0]) for p in f.problems]
    ('Ann Lee, Bo Chen, zed', [(2, "author key 'zed' is not in blog/authors.yml")])
    """
    value = f.get("authors")
    if value is _MISSING or value is None or value == "" or value == []:
        return f.names(fields.author)
    f.used.add("authors")
    legacy = [k for k in _LEGACY_AUTHOR if f.get(k) not in (_MISSING, None, "")]
    if legacy:
        f.warn(f"authors and {', '.join(legacy)} both name the post's authors (Docusaurus stops the build on it): "
               "authors is read", "authors")
    names = [_post_author(f, fields, item) for item in (value if isinstance(value, list) else [value])]
    return ", ".join(n for n in names if n) or None


def _post_author(f: _Fields, fields: FieldMap, item: Any) -> str | None:
    """The name of one author of a post's ``authors`` (:func:`_post_authors`): a key or an author."""
    if isinstance(item, dict):
        name = item.get("name")
        if name not in (None, "") and not isinstance(name, (dict, list)):
            return str(name).strip() or None
        item = item.get("key")  # the map's author, its name not overridden
        if item in (None, ""):
            return None  # written in full, and shown by an image alone
    if isinstance(item, (str, int, float)) and not isinstance(item, bool):
        key = str(item).strip()
        known = _authors_by_key(fields.authors_map)
        if key in known:
            return known[key] or None
        f.warn(f"author key {key!r} is not in {fields.authors_map_file or 'the blog authors map'}: the key is "
               f"its name ({'the blog' if fields.blog_posts else 'Docusaurus'} stops the build on it)", "authors")
        return key or None
    if item is not None:
        f.warn(f"authors holds {as_written(item)}, neither an author's key nor an author; ignored", "authors")
    return None


#: what :func:`_by_identity` made, by the ``id`` of what it made it of (kept, so the id stays its)
_MADE: dict[int, tuple[object, object]] = {}


_Of = TypeVar("_Of")
_Made = TypeVar("_Made")


def _by_identity(make: Callable[[_Of], _Made], of: _Of) -> _Made:
    """``make(of)``, made once per object ``of``: a field map's tables are the same objects for every
    file of a build, and a cache keyed by their value (``lru_cache``) hashes a tuple of 20,000 pairs
    again on every call, as ``dict(pairs)`` per file copied it: a Just the Docs site of 20,000 pages
    spent time in the square of its size.

    >>> table = (("a", 1), ("b", 2))
    >>> _by_identity(dict, table) is _by_identity(dict, table), _by_identity(dict, table)["b"]
    (True, 2)
    """
    made = _MADE.get(id(of))
    if made is None or made[0] is not of:
        if len(_MADE) > 64:
            _MADE.clear()
        made = _MADE[id(of)] = (of, make(of))
    return made[1]  # type: ignore[return-value]


def _pairs(pairs: tuple[tuple[str, _Made], ...]) -> dict[str, _Made]:
    """A field map's ``(key, value)`` pairs as a mapping, made once per map (:func:`_by_identity`);
    read, never changed."""
    return _by_identity(dict, pairs)


@functools.lru_cache(maxsize=4)
def _authors_by_key(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """:attr:`FieldMap.authors_map` as a mapping (made once per map; read, never changed)."""
    return dict(pairs)


def not_rendered(data: dict[Any, Any], *, future: bool = False, expired: bool = False, drafts: bool = True,
                 now: _dt.datetime | None = None, zola: bool = False) -> str | None:
    """Why Hugo renders no page from these front-matter fields (``headless: true``,
    ``_build: {render: never}`` or ``{render: link}``, or ``false``, but not the text ``"false"``, which Hugo
    renders as it does any value it does not know; with ``drafts`` ``draft: true``: a draft is not
    published unless the config says ``buildDrafts``), or ``None``; with ``zola``, why Zola renders none
    (a page's or section's ``render = false``: Zola writes the pages of such a section, not its own);
    also read in a section's ``cascade``. With ``future``, a page published after ``now``
    (its ``publishDate``, else ``pubdate``, ``published`` or ``date``) is not published yet; with
    ``expired``, one whose ``expiryDate`` (or ``unpublishdate``) is before ``now`` no longer is, as
    Hugo builds a site unless its config says ``buildFuture`` or ``buildExpired``.

    >>> not_rendered({"_build": {"render": "never", "list": "never"}}), not_rendered({"draft": True}), not_rendered({"title": "T"})
    ('_build: render never', 'draft: true', None)
    >>> not_rendered({"build": {"render": False}}), not_rendered({"_build": {"render": "false"}})
    ('build: render false', None)
    >>> not_rendered({"date": "2099-01-01"}, future=True), not_rendered({"expiryDate": _dt.date(2001, 2, 3)}, expired=True)
    ('date: 2099-01-01, in the future', 'expiryDate: 2001-02-03, past')
    """
    if _flag(data.get("headless")) is True:
        return "headless: true"
    if zola and data.get("render") is False:
        return "render: false"
    why = draft(data, ("draft", "published")) if drafts else None  # Hugo has no status field
    if why:
        return why
    if future or expired:
        now = now or _dt.datetime.now(_dt.timezone.utc)
        keys = {str(k).lower(): k for k in data}  # Hugo's front-matter keys are case-insensitive
        for wanted, names, later in ((future, ("publishdate", "pubdate", "published", "date"), True),
                                     (expired, ("expirydate", "unpublishdate"), False)):
            if not wanted:
                continue
            # the first of those fields that holds a date, read once
            found = next(((keys[n], m) for n in names if n in keys and (m := _moment(data[keys[n]])) is not None), None)
            if found is not None and (found[1] > now if later else found[1] < now):
                return f"{found[0]}: {str(data[found[0]]).strip()}, {'in the future' if later else 'past'}"
    for key in ("_build", "build"):
        options = data.get(key)
        if isinstance(options, dict) and "render" in options:
            render = options["render"]
            # a bool as Hugo reads it (false is "0", never); a text it does not know (the quoted "false" of
            # Blowfish's example site) is its default, always
            if render is False or str(render).strip().lower() in ("never", "link", "0"):
                return f"{key}: render {str(render).lower()}"
    return None


def _moment(value: Any, utc: bool = True) -> _dt.datetime | None:
    """A front-matter date (a YAML or TOML date or date-time, or ISO text) as a UTC date-time, or ``None``;
    a date or a date-time without a zone is UTC's, as Hugo reads it without a ``timeZone`` setting.
    Without ``utc``, the date-time as written (in its own zone).

    >>> _moment("2024-05-06"), _moment("2024-05-06T10:00:00+02:00").hour, _moment("soon"), _moment(True)
    (datetime.datetime(2024, 5, 6, 0, 0, tzinfo=datetime.timezone.utc), 8, None, None)
    """
    if isinstance(value, str):
        try:
            value = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        value = _dt.datetime(value.year, value.month, value.day)
    if not isinstance(value, _dt.datetime):
        return None
    if not utc:
        return value
    return value.replace(tzinfo=_dt.timezone.utc) if value.tzinfo is None else value.astimezone(_dt.timezone.utc)


def in_the_future(article: Article, fields: FieldMap, today: _dt.date | None = None) -> Problem | None:
    """Why Jekyll does not publish the ``article`` (a post, or a collection's document) yet: it is
    dated after ``today`` (default: the map's ``as_of``, the day of the build), in a site whose
    config does not say ``future: true``; else ``None``. A page has no date to wait for.

    Not part of reading a file (:func:`read_article`), whose result is cached by the file's bytes:
    the same bytes are published some day. The day is in the map (and so in the build's
    fingerprint): a build on a later day is a full one, which publishes the posts that came due.

    >>> from qagraph.presets import preset
    >>> jekyll = replace(preset("jekyll").fields, permalink="date")
    >>> post = read_article("_posts/2099-01-01-a.md", "---\\ntitle: A\\n---\\n", jekyll)[0]
    >>> in_the_future(post, jekyll).message
    'dated 2099-01-01, after the build: Jekyll publishes it from that day (future: true in _config.yml: now)'
    >>> in_the_future(post, jekyll, _dt.date(2099, 1, 1)), in_the_future(post, replace(jekyll, future=True))
    (None, None)
    """
    if not fields.jekyll or fields.future or not article.date:
        return None
    at = site_path(article.path, fields)
    day = _day(article.date)
    today = today or (_dt.date.fromisoformat(fields.as_of) if fields.as_of else _dt.date.today())
    if day is None or day <= today or _jekyll_type(at, fields) == "pages":
        return None
    return Problem(article.path, article.date_line, f"dated {day.isoformat()}, after the build: Jekyll publishes it from that day "
                   "(future: true in _config.yml: now)", "headless", SKIPPED)


def _file_name_date(name: str) -> str | None:
    """The date a post's file name starts with (Jekyll's and Docusaurus's ``2018-05-03-slug.md``), or for
    a folder's own page its folder's (Docusaurus's ``2021-08-26-welcome/index.md``).

    A month or a day may be written with one digit (``2019-3-5-x.md``), as both tools read it.

    >>> _file_name_date("_posts/2018-05-03-x.md"), _file_name_date("blog/2021-08-26-welcome/index.mdx")
    ('2018-05-03', '2021-08-26')
    >>> _file_name_date("_posts/2019-3-5-x.md")
    '2019-03-05'
    """
    folder, _, file_name = name.rpartition("/")
    m = POST_DATE.match(file_name)
    if m is None and file_name.rsplit(".", 1)[0].lower() == "index":
        m = POST_DATE.match(folder.rpartition("/")[2])
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None


#: a line that is a date and maybe a time, as a note's template writes it (``2026-09-26 22:56``, ``2024/03/29``)
_DATE_LINE = lazy_compile(r"[ \t]*(\d{4})([-/])(\d{2})\2(\d{2})(?:[ \t]+(\d{1,2}):(\d{2}))?[ \t]*")


def date_line(body: str) -> str | None:
    """The date (and time) the first line of a note's ``body`` (blank lines aside) is, when it is one: a Zettelkasten's
    template opens each note with ``{{date}} {{time}}``, the moment it was written, above its
    ``Status:`` and ``Tags:`` lines; ``None`` for a first line that is anything else.

    >>> date_line("\\n2026-09-26 22:56\\n\\nStatus: #baby\\n"), date_line("2024/03/29\\nTags: [[x]]\\n")
    ('2026-09-26T22:56:00', '2024-03-29')
    >>> date_line("2026-02-30 10:00\\n"), date_line("# 2026-09-26\\n"), date_line("2026-09-26: release\\n")
    (None, None, None)
    """
    first = next((line for line in body.split("\n", 5)[:5] if line.strip()), "")
    m = _DATE_LINE.fullmatch(first)
    if m is None:
        return None
    year, _, month, day, hour, minute = m.groups()
    try:
        if hour is None:
            return _dt.date(int(year), int(month), int(day)).isoformat()
        return _dt.datetime(int(year), int(month), int(day), int(hour), int(minute)).isoformat()
    except ValueError:  # no such day or time
        return None


#: the url of a site's not-found page: Eleventy's and Jekyll themes' permalink 404.html, Hugo's /404/
_NOT_FOUND = lazy_compile(r"/?404(?:\.html?|/)?")


def draft(data: Mapping[Any, Any], marks: Sequence[str] = DRAFT_MARKS) -> str | None:
    """Why front matter ``data`` marks a draft, which the site does not publish, by one of the fields
    ``marks`` (``draft: true``, ``published: false``), or ``None``.

    The first of ``marks`` the data gives decides, as Hugo reads ``draft`` over ``published``.

    >>> draft({"draft": "yes"}), draft({"published": False}), draft({"published": True}), draft({"draft": 1}, ("published",))
    ('draft: true', 'published: false', None, None)
    >>> draft({"draft": False, "published": False})
    >>> draft({"status": "Draft"}, ("status",)), draft({"status": "hidden"}, ("status",))
    ('status: draft', None)
    >>> draft({"publish": False}, ("publish",)), draft({"publish": True}, ("publish",))  # Obsidian Publish's
    ('publish: false', None)
    """
    for key in marks:
        if key == "status":  # Pelican's: draft, or skip (read, not written); published and hidden are pages
            status = data.get(key)
            if isinstance(status, str) and status.strip():
                lowered = status.strip().lower()
                return f"status: {lowered}" if lowered in ("draft", "skip") else None
            continue
        given = _flag(data.get(key))
        if given is not None:
            wanted = key not in ("published", "publish")
            return f"{key}: {str(wanted).lower()}" if given is wanted else None
    return None


def unpublished(data: Mapping[Any, Any], marks: Sequence[str]) -> str | None:
    """Why a note whose front matter is ``data`` is not published where a note is published only when
    it says so (``marks``: the Obsidian Digital Garden plugin's ``dg-publish``), or ``None``.

    >>> unpublished({"dg-publish": True}, ("dg-publish",)), unpublished({"dg-publish": "yes"}, ("dg-publish",))
    (None, None)
    >>> unpublished({"dg-publish": False}, ("dg-publish",))
    'dg-publish: false: not published in the garden'
    >>> unpublished({"tags": ["a"]}, ("dg-publish",)), unpublished({"publish": "true"}, ("publish",))
    ('no dg-publish: true: not published in the garden', None)
    """
    where = "in the garden" if marks[0].startswith("dg-") else "on the site"  # Quartz's ExplicitPublish: publish
    for key in marks:
        given = _flag(data.get(key))
        if given is True:
            return None
        if given is False:
            return f"{key}: false: not published {where}"
    return f"no {marks[0]}: true: not published {where}"


#: what @sindresorhus/slugify and its transliteration spell out before making a slug
_GARDEN_SPELLED = (("&", " and "), ("♥", " love "), ("🦄", " unicorn "), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"),
                   ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss"))


def garden_url(path: str) -> str | None:
    """The url the Obsidian Digital Garden plugin publishes the note at ``path`` (from the vault's root)
    at, with its slugs on: each part of the path lower-cased with a hyphen between its words and
    between capitals and the digits after them (``CGRA251``: ``cgra-251``), its accents dropped, the
    other characters hyphens (German umlauts spelled out, ``&`` as "and", as its transliteration does),
    ``.md`` and a last ``index`` left out; ``None`` where a letter of another script is left (a name in
    Russian or Chinese, which the plugin transliterates by tables of its own, or drops): no url guessed.

    >>> garden_url("A* Algorithm.md"), garden_url("COMP261/CGRA251 MOC.md"), garden_url("011/PX153 - A1 - vectors.md")
    ('/a-algorithm', '/comp-261/cgra-251-moc', '/011/px-153-a1-vectors')
    >>> garden_url("Café Notes/fooBar.md"), garden_url("Guides/index.md"), garden_url("Übungen & Lösungen.md")
    ('/cafe-notes/foo-bar', '/guides', '/uebungen-and-loesungen')
    >>> garden_url("模型/训练.md"), garden_url("ARP протокол.md")
    (None, None)
    """
    stem = path[:-3] if path.lower().endswith(".md") else path
    parts = []
    for part in stem.split("/"):
        slug = sindresorhus_slug(part)
        if not slug:
            return None
        parts.append(slug)
    if parts and parts[-1] == "index":
        parts.pop()
    return "/" + "/".join(parts)


def sindresorhus_slug(text: str, decamelize: bool = True) -> str | None:
    """``text`` as @sindresorhus/slugify makes a slug of it: lower-case, a hyphen between its words and, with
    ``decamelize``, between capitals and the digits after them, its accents dropped, the other characters
    hyphens (German umlauts spelled out, ``&`` as "and", as its transliteration does); ``None`` where a
    letter of another script is left (which it transliterates by tables of its own, or drops).

    >>> sindresorhus_slug("fooBar & CGRA251"), sindresorhus_slug("fooBar", decamelize=False), sindresorhus_slug("训练")
    ('foo-bar-and-cgra-251', 'foobar', None)
    """
    for written, spelled in _GARDEN_SPELLED:
        text = text.replace(written, spelled)
    if decamelize:
        text = re.sub(r"([A-Z]{2,})(\d+)", r"\1 \2", text)
        text = re.sub(r"([a-z\d]+)([A-Z]{2,})", r"\1 \2", text)
        text = re.sub(r"([a-z\d])([A-Z])", r"\1 \2", text)
        text = re.sub(r"([A-Z]+)([A-Z][a-rt-z\d]+)", r"\1 \2", text)
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    if any(c.isalnum() and not c.isascii() for c in plain):
        return None
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


#: the tag the Digital Garden plugin gives the home note it publishes (dg-home: true), which its site shows at /
_GARDEN_ENTRY = "gardenentry"


def _garden_home(home: Any, tags: Any) -> bool:
    """Whether a digital garden's note is its home page: ``dg-home: true`` in the vault, the tag
    ``gardenEntry`` the plugin puts in its place in the published copy.

    >>> _garden_home(True, None), _garden_home(None, ["notes", "gardenEntry"]), _garden_home(None, "gardenEntry")
    (True, True, True)
    >>> _garden_home(False, ["garden"]), _garden_home(None, None)
    (False, False)
    """
    if _flag(home) is True:
        return True
    items = tags if isinstance(tags, list) else re.split(r"[\s,]+", tags) if isinstance(tags, str) else []
    return any(isinstance(t, str) and t.strip().lstrip("#").lower() == _GARDEN_ENTRY for t in items)


def _flag(value: Any) -> bool | None:
    """A yes/no value as YAML or TOML writes it (``true``, ``'yes'``, ``off``), else ``None``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}.get(
            value.strip().lower())
    return None


#: a note's body that opens with a level-1 heading (blank lines before it)
_OPENING_H1 = lazy_compile(r"\s*#[ \t]+\S")


def _css_classes(f: _Fields) -> list[str]:
    """The CSS classes an Obsidian note gives itself (``cssclasses``, 1.4's, or the older ``cssclass``: a
    list, or a text of names split by commas or spaces), which its theme and site style it by."""
    values: list[str] = []
    for key in ("cssclasses", "cssclass"):
        value = f.get(key)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                values += [v for v in re.split(r"[,\s]+", item) if v]
    return values


def _title(name: str, f: _Fields, fields: FieldMap, body: str) -> str | None:
    """The title the site's navigation gives the page, else the title field, else the fallbacks in
    order; a file titled by its name (when the map expected a title field) is a warning."""
    if fields.page_titles and name.startswith(fields.content_dir):
        given = _pairs(fields.page_titles).get(name[len(fields.content_dir):])
        if given:
            return given
    title = f.text(fields.title)
    if title is not None:
        return title
    if fields.heading_titles and not name.lower().endswith((".html", ".htm")) \
            and _jekyll_type(site_path(name, fields), fields) == "pages":
        title = leading_heading(body)  # jekyll-titles-from-headings: a page's (not a post's) opening heading
        if title:
            return title
    if fields.jekyll and f.get("inline") is True:
        title = inline_item_text(body)  # al-folio's inline news item: its list shows its text, no title
        if title:
            return title
    if fields.title_fallback[:1] == ("file-name",) and fields.inline_tags and _OPENING_H1.match(body) and \
            "hide-title" in _css_classes(f):
        title = first_heading(body)  # a note that hides its inline title shows its opening heading instead
        if title:
            return title
    stem = name.rpartition("/")[2]
    for suffix in (*fields.suffixes, *PAGE_SUFFIXES):  # a Hugo site's HTML page, a book's notebook: pages too
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    if fields.languages:
        stem = split_language(stem, fields.languages)[0]
    for source in fields.title_fallback:
        if source in ("heading", "level-one-heading"):  # Foam's: the first level-1 heading, none of another level
            title = first_heading(body, level_one=source == "level-one-heading")
        elif source == "opening-heading":  # MkDocs's: the level-1 heading the page opens with, none further down,
            # read as Python-Markdown does: #Title is # Title
            title = leading_heading(_UNSPACED_HASHES.sub(r"\1 ", body, count=1), level_one=True)
            if title and fields.icon_shortcodes:  # an icon, no text of the title (pymdownx.emoji's SVG)
                title = " ".join(_ICON_SHORTCODE.sub(" ", title).split()) or None
        elif source == "content-title":
            title = content_title(body)
        elif source == "index-title":
            title = _pairs(fields.index_titles).get(name) if fields.index_titles else None
        elif source == "doc-id":
            title = _doc_id(name, f, fields, stem)
        elif source == "slug":
            if stem == "index" and "/" not in site_path(name, fields) and fields.home_title:
                return fields.home_title  # Jekyll's untitled home page: its theme heads it with the site's title
            dated = POST_DATE.match(stem)
            slug = stem[dated.end():] if dated else stem
            if not fields.hexo and _jekyll_type(site_path(name, fields), fields) != "pages":
                # Jekyll's Document#populate_title titles a post or a document by its file's slug (no period at
                # its end), Utils.titleize_slug: each word between hyphens capitalised as Ruby's capitalize does
                # (my-API-guide: My Api Guide, under_score: Under_score); a page it titles not at all: its words
                title = " ".join(w.capitalize() for w in slug.rstrip(".").split("-") if w) or None
            else:
                # Jekyll titles a page not at all, and its theme heads it with nothing of its own: its reader knows it
                # by the level-1 heading it shows ([Back](/) above # Routing), else by its file's words
                heading = first_heading(body, level_one=True) if fields.jekyll and not fields.hexo else None
                title = heading or " ".join(w[:1].upper() + w[1:] for w in re.split(r"[-_\s]+", slug) if w) or None
        elif source in ("file-name", "wiki-name", "logseq-name", "page-name"):
            title = _NOTION_ID.sub("", stem).strip() or stem
            if source == "wiki-name":  # GitHub names a wiki page's file by its name, hyphens for spaces
                title = title.replace("-", " ").strip() or title
            elif source == "page-name":  # MkDocs: hyphens and underscores as spaces, capitalised if all lower case
                title = title.replace("-", " ").replace("_", " ").strip() or title
                title = title.capitalize() if title.lower() == title else title
            elif source == "logseq-name":  # Logseq's file names for Python/Asyncio: Python___Asyncio, Python%2FAsyncio
                title = _journal_title(name, stem, fields) or logseq_page_name(title, fields.logseq_legacy_names)
            # a folder's own page (a Hugo bundle or section, a README, an index) is named by its folder,
            # but where file names are the titles (a vault's notes: Obsidian shows "README"; a Logseq
            # page's file is named by the page, and pages/ is no page's folder)
            named = fields.title_fallback[:1] in (("file-name",), ("logseq-name",))
            if stem in ("index", "_index") and fields.bundles or (stem.lower() in FOLDER_PAGES and not named) or (
                    fields.path_urls == "nextjs-app" and stem == "page"):  # Next.js's app router: its folder's page
                below = name.removeprefix(fields.content_dir)
                if fields.path_rewrites:  # VitePress's rewrites publish it at another path: its folder is that one's
                    below = rewritten(below, fields.path_rewrites)
                folder = below.rpartition("/")[0].rpartition("/")[2]
                if not folder and fields.home_title:
                    return fields.home_title  # Hugo's home page needs no title: the site's heads it
                title = folder or ("Home" if source == "page-name" else title)  # MkDocs's home page
            if "slug" in fields.title_fallback:
                f.warn("no title and an empty slug: titled by its file name", code="no-title")
            elif fields.title and not named and f.fm.syntax is not None and source == "file-name" \
                    and "level-one-heading" not in fields.title_fallback:
                # a page's name is its title (where file names are titles, a Quartz note's or a Foam note's, it is no fault)
                f.warn(f"no title: none of {', '.join(fields.title)} is set; titled by its file name", code="no-title")
        if title:
            return title
    return None


#: the hashes of a heading a page opens with when no space follows them, which Python-Markdown (MkDocs's
#: renderer) reads as a heading too, CommonMark not (its HashHeaderProcessor: ``(?:^|\n)(?P<level>#{1,6})``)
#: an icon of Material for MkDocs written as pymdownx.emoji's shortcode (``:material-rocket:``,
#: ``:octicons-tag-24:``, ``:fontawesome-brands-github:``, ``:simple-python:``), which shows as an SVG
_ICON_SHORTCODE = lazy_compile(r"(?<![\w:]):(?:material|octicons|fontawesome|simple)-[\w-]+:(?![\w:])")
_UNSPACED_HASHES = lazy_compile(r"^((?:[ \t]*\n)*#{1,6})(?=[^#\s])")
#: a heading a page opens with, ATX (``## Storage API``) or setext (``Storage API`` over ``---``), as
#: jekyll-titles-from-headings finds it
_LEADING_HEADING = lazy_compile(r"\s*(?:(#{1,6}[ \t]+[^\n]*)|([^\n]*\S[^\n]*)\n([-=])[-=]*[ \t]*(?:\n|$))")


#: a Markdown link or image, ``[text](target)``, ``[text][ref]``, whose text is what a reader sees
_SHOWN_LINK = lazy_compile(r"!?\[([^\[\]\n]*)\](?:\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)|\[[^\[\]\n]*\])")
#: HTML tags, Liquid markup and the marks of emphasis, which show no text of their own
_NO_TEXT = lazy_compile(r"<[^<>\n]*>|\{%.*?%\}|\{\{.*?\}\}|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`", re.S)
#: how long a title made of an item's text may be before it is cut at a word
_INLINE_TITLE = 100


def inline_item_text(body: str) -> str | None:
    """The text an inline news item shows (al-folio's ``inline: true``: its list shows its content in
    place of a title), as a title: its first paragraph with its links and markup read as shown, cut at a
    word (``…``) past :data:`_INLINE_TITLE` characters; ``None`` when it shows none.

    >>> inline_item_text("<!-- x -->\\nOur [paper](/p/) on **graphs** is out!\\n\\nMore text.")
    'Our paper on graphs is out!'
    >>> inline_item_text("Released `qagraph` 2.0 :rocket:")
    'Released qagraph 2.0 :rocket:'
    """
    text = next((p for p in re.split(r"\n[ \t]*\n", mask_comments(body)) if p.strip()), "")
    text = re.sub(r"\s+", " ", _NO_TEXT.sub("", _SHOWN_LINK.sub(r"\1", text))).strip()
    if len(text) > _INLINE_TITLE:
        cut = text[:_INLINE_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:.-")
        text = (cut or text[:_INLINE_TITLE]) + "…"
    return text or None


def leading_heading(body: str, level_one: bool = False, markup: bool | None = None) -> str | None:
    r"""The heading ``body`` opens with (of any level, after blank lines only), as jekyll-titles-from-headings
    titles a page that has no title; ``None`` when the page opens with anything else. With ``level_one``, only
    a level-1 heading (``# Title``, ``Title`` over ``===``), as MkDocs titles a page by its first element
    when that is an ``h1``, never by one further down (mkdocs/mkdocs#3956, #3908), its markup as the page
    shows it (``markup``, by default ``level_one``: :func:`~qagraph.links.first_heading`).

    >>> leading_heading("\n# Storage `API`\n\nText"), leading_heading("Load events\n---\n"), leading_heading("Intro\n# Late")
    ('Storage API', 'Load events', None)
    >>> [leading_heading(b, level_one=True) for b in ("## Part\n# Title", "Part\n---\n", "Title\n===\n", "# T {#top}")]
    [None, None, 'Title', 'T']
    """
    m = _LEADING_HEADING.match(body)
    if m is None or level_one and (m.group(1) or "##").startswith("##") and m.group(3) != "=":
        return None
    # MkDocs (level_one) shows a heading's emphasis, escapes and entities as Python-Markdown renders them
    markup = level_one if markup is None else markup
    if m.group(1):
        return first_heading(m.group(1), markup)
    return first_heading(f"# {m.group(2)}", markup) if level_one else " ".join(m.group(2).split()) or None


#: the ``import`` blocks an MDX file may start with, and the level-1 heading (ATX or setext) a Docusaurus
#: page's content then starts with: its title (Docusaurus's parseMarkdownContentTitle)
_IMPORTS = lazy_compile(r"^(?:import\s(?:.|\n(?!\n))*\n{2,})*")
_CONTENT_TITLE = lazy_compile(r"^#[ \t]+([^ \t].*)(?:\n|$)|^(.*)\n=+(?:\n|$)")


def content_title(body: str) -> str | None:
    r"""The title Docusaurus finds in a page's content: a level-1 heading it starts with (after the
    ``import`` lines of an MDX file), without its ``{#id}`` or closing ``#``; ``None`` when the
    content starts with anything else (a heading further down is no title).

    >>> content_title("import X from './x';\n\n# The `config.js` file {#config}\n\nText"), content_title("Text\n\n# Late")
    ('The config.js file', None)
    >>> content_title("Setext title\n===\n")
    'Setext title'
    """
    content = _IMPORTS.sub("", body.strip(), count=1).strip()
    m = _CONTENT_TITLE.match(content)
    if m is None:
        return None
    title = m.group(1).strip() if m.group(1) is not None else m.group(2).strip()
    title = re.sub(r"\s*(?:\{#*[\w-]+\}|#+)$", "", title) if m.group(1) is not None else re.sub(r"\s*=+$", "", title)
    return re.sub(r"`([^`]*)`", r"\1", title).strip() or None


def _doc_id(name: str, f: _Fields, fields: FieldMap, stem: str) -> str | None:
    """What Docusaurus titles a doc or blog post by when it has no title nor content title: a doc its
    id (``id``, else its file name without number prefix), a post the name its file or folder gives
    after the date (``2021-08-26-welcome/index.md``: ``welcome``); ``None`` for any other file."""
    if fields.doc_routes and doc_folder(name, fields.doc_routes) is not None:
        given = f.data.get("id")
        if isinstance(given, (str, int)) and not isinstance(given, bool) and str(given).strip() \
                and "/" not in str(given):
            return str(given).strip()
        return strip_number_prefix(stem) if f.data.get("parse_number_prefixes") is not False and \
            not _keeps_number_prefixes(name, fields) else stem
    found = doc_folder(name, fields.blog_routes) if fields.blog_routes else None
    if found is not None:
        path = name[len(found[0]):].rsplit(".", 1)[0]
        path = path[: -len("index")].rstrip("/") if path.rpartition("/")[2] == "index" else path
        m = _POST_DATE.match(path)
        return (m["text"] if m else path).rpartition("/")[2] or None
    return None


def _journal_title(name: str, stem: str, fields: FieldMap) -> str | None:
    """The title Logseq shows a journal page by (``journals/2024_01_05.md``: ``Jan 5th, 2024``), from
    ``fields.journal_files`` and ``fields.journal_title``; ``None`` for any other page (``stem`` is the
    file's name without its suffix)."""
    if not fields.journal_title:
        return None
    day = _journal_day(name, stem, fields)
    return format_date(day, fields.journal_title) if day is not None else None


def _journal_day(name: str, stem: str, fields: FieldMap) -> _dt.date | None:
    """The day a Logseq journal page is (``journals/2024_01_05.md``), by ``fields.journal_files``, or an Obsidian
    daily note (``**`` its folder's last part: ``Daily/**/yyyy-MM-dd`` is a note in ``Daily/`` or a folder below it,
    as the calendar finds them); ``None`` for any other page."""
    if not fields.journal_files:
        return None
    folder, _, pattern = fields.journal_files.rpartition("/")
    where = name.removeprefix(fields.content_dir).rpartition("/")[0]
    if folder == "**" or folder.endswith("/**"):
        top = folder[:-2].rstrip("/")
        if top and where != top and not where.startswith(f"{top}/"):
            return None
    elif where != folder.strip("/"):
        return None
    return parse_date(stem, pattern)


#: the parts of a date pattern (cljs-time's, which Logseq's settings use; Joda's letters): 'quoted text',
#: a day with its ordinal (do), runs of the letters for year, month, day and weekday, other text
_DATE_PART = lazy_compile(r"'([^']*)'|do|y+|M+|d+|E+|([A-Za-z])|[^A-Za-z']+|'")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _date_parts(pattern: str) -> list[tuple[bool, str]] | None:
    """``pattern`` as ``(is_field, text)`` parts; ``None`` when it has a letter other than y, M, d, E
    (a time, an era: not a day's name)."""
    parts: list[tuple[bool, str]] = []
    for m in _DATE_PART.finditer(pattern):
        text = m.group(0)
        if m.group(2):
            return None
        if text.startswith("'"):  # 'text', '' (a quote) or a quote left open
            parts.append((False, m.group(1) or "'"))
        else:
            parts.append((text[0].isascii() and text[0].isalpha(), text))
    return parts


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def format_date(day: _dt.date, pattern: str) -> str | None:
    """``day`` written by a date ``pattern`` as Logseq writes its journal pages' titles (cljs-time's
    letters: ``yyyy``/``yy``, ``M``/``MM``/``MMM``/``MMMM``, ``d``/``dd``/``do`` (``5th``), ``E``
    to ``EEE``/``EEEE``, ``'quoted text'``; English names); ``None`` for a pattern with other letters.

    >>> [format_date(_dt.date(2024, 1, 5), p) for p in ("MMM do, yyyy", "EEEE, dd.MM.yyyy", "yyyy/MM/dd", "HH:mm")]
    ['Jan 5th, 2024', 'Friday, 05.01.2024', '2024/01/05', None]
    """
    parts = _date_parts(pattern)
    if parts is None:
        return None
    out = []
    for is_field, text in parts:
        if not is_field:
            out.append(text)
        elif text[0] == "y":
            out.append(f"{day.year % 100:02d}" if len(text) == 2 else str(day.year))
        elif text[0] == "M":
            month = _MONTHS[day.month - 1]
            out.append({1: str(day.month), 2: f"{day.month:02d}", 3: month[:3]}.get(len(text), month))
        elif text == "do":
            out.append(_ordinal(day.day))
        elif text[0] == "d":
            out.append(f"{day.day:02d}" if len(text) >= 2 else str(day.day))
        else:
            weekday = _WEEKDAYS[day.weekday()]
            out.append(weekday if len(text) >= 4 else weekday[:3])
    return "".join(out)


def parse_date(text: str, pattern: str) -> _dt.date | None:
    """The day ``text`` names by a date ``pattern`` (see :func:`format_date`), or ``None`` when it names none.

    >>> parse_date("2024_01_05", "yyyy_MM_dd"), parse_date("2024_02_30", "yyyy_MM_dd"), parse_date("notes", "yyyy_MM_dd")
    (datetime.date(2024, 1, 5), None, None)
    """
    parts = _date_parts(pattern)
    if parts is None:
        return None
    regex = []
    for is_field, part in parts:
        if not is_field:
            regex.append(re.escape(part))
        elif part[0] == "y":
            regex.append(r"(?P<y>\d{2})" if len(part) == 2 else r"(?P<y>\d{4})")
        elif part[0] == "M":
            regex.append({1: r"(?P<M>\d{1,2})", 2: r"(?P<M>\d{2})"}.get(len(part), r"(?P<N>[A-Za-z]+)"))
        elif part == "do":
            regex.append(r"(?P<d>\d{1,2})(?:st|nd|rd|th)")
        elif part[0] == "d":
            regex.append(r"(?P<d>\d{2})" if len(part) >= 2 else r"(?P<d>\d{1,2})")
        else:
            regex.append("[A-Za-z]+")  # the weekday: the date says it
    try:
        m = re.fullmatch("".join(regex), text, re.I)
    except re.error:  # a field given twice (yyyy-yyyy): a group named twice
        return None
    found = m.groupdict() if m is not None else {}
    month = _MONTH_NUMBERS.get(found["N"].lower(), 0) if found.get("N") else int(found.get("M") or 0)
    if not found.get("y") or not found.get("d"):
        return None
    try:
        return _dt.date(int(found["y"]) + (2000 if len(found["y"]) == 2 else 0), month, int(found["d"]))
    except ValueError:
        return None


_MONTH_NUMBERS = {name.lower()[:size]: n for n, name in enumerate(_MONTHS, 1) for size in (3, len(name))}


_PATTERN = lazy_compile(r"/:[A-Za-z_]")
_TEMPLATE = lazy_compile(r"\{\{|\{%")  # Liquid, Nunjucks, Go templates


def _identity(name: str, f: _Fields, fields: FieldMap) -> tuple[str | None, str]:
    """The url (if any) and the key: by ``fields.identity`` (the url, else ``<folder>/<file stem>``).

    A post without a url of its own, in a site whose ``permalink`` setting is a pattern, gets the
    url the pattern gives it (:func:`post_permalink`); the key stays its path. In a Jekyll site a
    collection's document and a page get theirs too (:func:`collection_permalink`, :func:`page_permalink`),
    and a ``permalink`` of the file's own that is a pattern (``/:path/:basename/``) is filled in."""
    given = f.first(fields.url) if fields.url else None
    if isinstance(given, (bool, int, float)):  # a flag (permalink: false) or a number is no url
        path = next(p for p in fields.url if f.get(p) is given)
        f.used.discard(path)
        f.warn(f"{path} {as_written(given)} is not a url; ignored", path)
        url = None
    else:
        url = _url(f.text(fields.url)) if fields.url else None
        if url and ("//" in url or "%" in url) and fields.subject_from[:1] == ("url",):
            # the Q&A format's url is a site path; written as its page's address (https://HOST/learn/...), or
            # with escapes (m%C3%A9moire), it is that path, as a related link's is (:func:`~qagraph.links.related_url`)
            url = related_url(url, fields.site_url, fields.site_hosts, fields.subject_from_url)
    pelican = fields.article_url is not None or bool(fields.nikola_routes)  # Nikola's urls are read so too
    eleventy = fields.path_urls == "eleventy"
    if url and (fields.path_urls == "publish" or fields.jekyll or fields.publish_marks or pelican or eleventy
                or fields.hexo) \
            and not url.startswith("/") and "://" not in url:  # a Digital Garden's dg-permalink: my-note is /my-note/ too
        # an Obsidian Publish permalink (plugins/graph) is a path from the site's root, and so is a Jekyll
        # page's (permalink: docs/utilities): Jekyll puts the / in front of it (Just the Docs' own docs);
        # a Pelican page's url metadata is its path from SITEURL ({SITEURL}/{url}); Eleventy writes a permalink
        # below its output folder whether it starts with / or not, and Hexo puts the / before a post's own
        url = "/" + url
    if url and fields.path_urls == "publish" and fields.languages and url.startswith("/") and \
            (language := name.removeprefix(fields.content_dir).split("/", 1)[0]) in fields.languages:
        # a vault per language, each a Publish site of its own: a translation keeps its note's permalink
        url = f"/{language}{url}"
    if fields.publish_marks and _garden_home(f.get("dg-home"), f.get("tags")):  # the garden's home, whatever its permalink
        url = "/"
    below = name.removeprefix(fields.content_dir)
    if fields.hexo and not below.startswith("_posts/"):  # a Hexo page: at its permalink, else its path, as .html
        folder, _, file_part = name.rpartition("/")
        return hexo_page_url(below, f.text(fields.url) if isinstance(given, str) else None, fields.hexo_trailing), \
            f"{folder}/{file_part.rsplit('.', 1)[0]}" if folder else file_part.rsplit(".", 1)[0]
    if url is None and fields.garden_urls:  # the plugin's: the note's path (or its dg-path), slugified
        moved = f.get("dg-path")
        url = garden_url(moved.strip().lstrip("/") if isinstance(moved, str) and moved.strip().strip("/")
                         else name.removeprefix(fields.content_dir))
    # a Jekyll permalink pattern (/:categories/:title/) or a template (/blog/{{ page.fileSlug }}/) names no one page,
    # unless the template is made of the file's own path (an Eleventy site's), which names its page
    if url and fields.page_variables and _TEMPLATE.search(url):
        url = _url(eleventy_permalink(url, name, fields.content_dir, f.data)) or url
    # in a Jekyll site, a pattern is the file's own: its placeholders are its own values
    jekyll = fields.jekyll
    own = f.text(fields.url) if jekyll and url and _PATTERN.search(url) and not _TEMPLATE.search(url) else None
    if url and fields.identity == "page" and _PATTERN.search(url) and not _TEMPLATE.search(url):
        # Hugo (since 0.131) fills a front-matter url's permalink tokens (/:section/:year/:slug/) in
        made = hugo_url(name, f.data, fields, pattern=url)
        return hugo_own_url(made) if made is not None else None, \
            page_path(name, fields.content_dir, True, fields.languages, fields.default_language) or "/"
    # an Eleventy permalink template this reading cannot fill ({{ title | slugify }}/) puts the page where it
    # says, not at its path: its url is not known
    unfilled = eleventy and bool(url) and bool(_TEMPLATE.search(url or ""))
    if url and (_PATTERN.search(url) or _TEMPLATE.search(url)):
        f.used.difference_update(fields.url)
        url = None
    folder, _, file_part = name.rpartition("/")
    stem = file_part.rsplit(".", 1)[0]
    path_key = f"{folder}/{stem}" if folder else stem
    at = site_path(name, fields)  # the file's path from the site's root, which may be above the folder read
    if url is None and fields.permalink:  # a post's categories are the folders above _posts/ in the collections_dir
        made = post_permalink(at.removeprefix(fields.collections_dir), own or fields.posts_permalink or fields.permalink, f.data,
                              undated=fields.undated_posts, timezone=fields.timezone, hexo=fields if fields.hexo else None)
        if made is not None:
            return made, path_key
    if url is None and fields.collections:
        made = collection_permalink(at, fields.collections, f.data, fields.permalink or "date", own, fields.timezone)
        if made is not None:
            return made, path_key
    if url is None and fields.collection_routes:
        below = name.removeprefix(fields.content_dir)
        route = next((r for r in fields.collection_routes if below.startswith(r[0])), None)
        if route is not None:
            slug = f.text(("slug",))
            entry = slug.strip().strip("/") if slug and slug.strip().strip("/") else astro_entry_id(below[len(route[0]):])
            if not route[0] and entry == "index":  # a collection published at the site's root (Starlight's): its home
                return route[1], path_key
            return route[1] + entry + route[2], path_key
    if url is None and (fields.doc_routes or fields.blog_routes or fields.page_routes):
        made = (doc_url(name, fields.doc_routes, f.data, _keeps_number_prefixes(name, fields))
                if fields.doc_routes else None) or (
            blog_url(name, fields.blog_routes, f.data) if fields.blog_routes else None) or (
            page_url(name, fields.page_routes) if fields.page_routes else None)
        if made is not None:
            return astro_file_url(trailing_slash(made, fields.trailing_slash), fields.build_format), path_key
    below = name.removeprefix(fields.content_dir)
    if url is None and jekyll and fields.permalink and below.rsplit(".", 1)[0] not in fields.not_found and \
            _jekyll_type(at, fields) == "pages":  # a post or a document without a url of its own has none
        made = page_permalink(fields.exclude_root + below, fields.permalink, own)
        if made is not None:
            return made, path_key
    if url is None and fields.article_url is not None:
        made = pelican_url(name, f.data, fields)
        if made is not None:
            return made, path_key
    if url is None and fields.nikola_routes:
        made = nikola_url(name, f.data, fields)
        if made is not None:
            return made, path_key
    if url is None and fields.slug_urls is not None and (slug := f.text(("slug",))):
        return fields.slug_urls + slug.strip().strip("/"), path_key
    if url is None and fields.snippet_urls is not None:
        return fields.snippet_urls + kebab_name(stem), path_key
    if url is None and fields.language_sites and \
            name.removeprefix(fields.content_dir).split("/", 1)[0] not in fields.languages:
        return None, path_key  # a repository's own README, beside its language's sites, is on none of them
    if url is None and fields.path_urls is not None and not unfilled and not name[len(fields.content_dir):].startswith(
            tuple(f"{folder.strip('/')}/" for folder in fields.path_urls_except)):
        published = name
        if fields.languages and fields.path_urls in MKDOCS_URLS and name.startswith(fields.content_dir):
            # mkdocs-static-i18n: setup.fr.md (or fr/setup.md) at /fr/setup/, the default language's at the root
            below = name[len(fields.content_dir):]
            unsuffixed, written = _without_language(_strip_suffix(below), fields.languages)
            if written is not None:
                published = fields.content_dir + ("" if written == fields.default_language else f"{written}/") + \
                    unsuffixed + below[len(_strip_suffix(below)):]
        if fields.path_rewrites and published.startswith(fields.content_dir):  # VitePress's rewrites: another path
            published = fields.content_dir + rewritten(published[len(fields.content_dir):], fields.path_rewrites)
        made = "/" if name == fields.home_page else path_url(published, fields.content_dir, fields.path_urls)
        if made is not None:
            return (fields.url_base + made.rstrip("/") or "/" if fields.url_base else made), path_key
    if fields.identity == "page":  # a Hugo page: published at its page path unless its url says otherwise
        page = page_path(name, fields.content_dir, True, fields.languages, fields.default_language)
        return hugo_own_url(hugo_language_url(name, f.text(fields.url) or "", fields)) if url else \
            hugo_url(name, f.data, fields), page or "/"
    if (jekyll or pelican or eleventy or fields.hexo) and url and url != "/" and \
            (f.text(fields.url) or "").strip().endswith("/"):
        # Jekyll writes permalink: /docs/setup/ as the folder's index.html: the page's url is the folder's,
        # which its relative links (../usage/) are read from; its key stays without the slash (Pelican's
        # url: advertisers/pricing/, saved as its folder's index.html, too, and Eleventy's and Hexo's permalink)
        return url + "/", (path_key if pelican and fields.identity == "path" else url)
    if fields.identity == "path":
        return url, path_key
    return url, url if url else path_key


#: the Kubernetes site's shortcode that links a term to its glossary entry's page
_GLOSSARY_TOOLTIP = lazy_compile(r"\{\{<\s*glossary_tooltip\b([^>]*?)/?>\}\}")
_TERM_ID = lazy_compile(r"\bterm_id\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")
_TERM_TEXT = lazy_compile(r"\btext\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def glossary_links(name: str, body: str, first_line: int, fields: FieldMap, masked: str | None = None) -> list[TextLink]:
    """The links the ``{{< glossary_tooltip term_id="..." >}}`` shortcodes of the page ``name`` make, as
    the Kubernetes site's shortcode does: to the term's ``full_link``, else to its entry on the glossary
    page (``fields.glossary`` holds both), of the page's language, else of the default language (its
    ``language_alternatives``), in the page's language's folder as ``relLangURL`` puts it (unless it is
    there already); a term the glossary does not hold makes no link. Comments and code make none.

    >>> hugo = FieldMap(content_dir="content/", languages=("en", "fr"), default_language="en",
    ...                 glossary=(("en", "pod", "/docs/pods/"), ("fr", "pod", "/fr/docs/pods/"), ("en", "node", "/docs/n/")))
    >>> body = '{{< glossary_tooltip text="Pods" term_id="Pod" >}} {{< glossary_tooltip term_id="node" >}} <!-- {{< glossary_tooltip term_id="pod" >}} -->'
    >>> [(link.target, link.text) for link in glossary_links("content/fr/a.md", body, 1, hugo)]
    [('/fr/docs/pods/', 'Pods'), ('/fr/docs/n/', None)]
    >>> [link.target for link in glossary_links("content/en/a.md", body, 1, hugo)]
    ['/docs/pods/', '/docs/n/']
    """
    terms = {(language, term): href for language, term, href in fields.glossary}
    below = name[len(fields.content_dir):] if name.startswith(fields.content_dir) else name
    language = below.split("/", 1)[0] if "/" in below and below.split("/", 1)[0] in fields.languages else ""
    text = masked if masked is not None else mask_code(body)
    links = []
    for m in _GLOSSARY_TOOLTIP.finditer(text):
        term = _TERM_ID.search(m.group(1))
        if term is None:
            continue
        key = (term.group(1) or term.group(2) or term.group(3) or "").strip().casefold()
        href = terms.get((language or fields.default_language or "", key)) or terms.get((fields.default_language or "", key))
        if href is not None:
            if language and language != fields.default_language and href.startswith("/") and \
                    not href.startswith(f"/{language}/"):
                href = f"/{language}{href}"
            label = _TERM_TEXT.search(m.group(1))
            links.append(TextLink(REF, href, (label.group(1) or label.group(2)) if label else None,
                                  first_line + text.count("\n", 0, m.start())))
    return links


def _page_language(name: str, fields: FieldMap) -> str:
    """The language of the page ``name`` of a site of several: its file name's (``docs/x.ja.md``), else its
    folder's below the content folder (``content/ja/docs/x.md``: ``ja``); ``""`` for none."""
    below = name[len(fields.content_dir):] if name.startswith(fields.content_dir) else name
    return _without_language(_strip_suffix(below), fields.languages)[1] or ""


def language_url_links(name: str, links: list[TextLink], fields: FieldMap) -> list[TextLink]:
    """``links`` of the page ``name`` with each Markdown link's site path (``/docs/pods/``) in the page's
    language's folder (``/ja/docs/pods/``) unless it is there already, as ``relLangURL`` puts it in a site
    whose link render hook passes every link through it (``fields.language_urls``: the Kubernetes
    site's); a page of the default language (unless its pages are in a folder of their own too), a url
    of another site, a bare ``#anchor`` and other kinds of link are left as they are.

    >>> k8s = FieldMap(content_dir="content/", languages=("en", "ja"), default_language="en", language_urls=True)
    >>> links = [TextLink(MARKDOWN_LINK, "/docs/pods/", "Pods", 3), TextLink(MARKDOWN_LINK, "/ja/docs/a/", "", 4),
    ...          TextLink(MARKDOWN_LINK, "https://example.org/docs/", "", 5), TextLink(MARKDOWN_LINK, "/ja", "", 6)]
    >>> [link.target for link in language_url_links("content/ja/docs/x.md", links, k8s)]
    ['/ja/docs/pods/', '/ja/docs/a/', 'https://example.org/docs/', '/ja']
    >>> [link.target for link in language_url_links("content/en/docs/x.md", links, k8s)][0]
    '/docs/pods/'
    >>> [link.target for link in language_url_links("content/docs/x.ja.md", links, k8s)][0]
    '/ja/docs/pods/'
    """
    language = _page_language(name, fields)
    if not language or language == fields.default_language:
        return links
    return [replace(link, target=f"/{language}{link.target}")
            if link.origin == MARKDOWN_LINK and link.target.startswith("/") and not link.target.startswith("//")
            and link.target != f"/{language}" and not link.target.startswith((f"/{language}/", f"/{language}#", f"/{language}?"))
            else link for link in links]


_GLOSSARY_DEFINITION = lazy_compile(r"\{\{<\s*glossary_definition\b([^>]*?)/?>\}\}")
_DEFINITION_LENGTH = lazy_compile(r"\blength\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")


def glossary_definition_links(name: str, body: str, first_line: int, fields: FieldMap,
                              masked: str | None = None) -> list[TextLink]:
    """The links the ``{{< glossary_definition term_id="..." length="all" >}}`` shortcodes of the page ``name``
    show, as the Kubernetes site's shortcode puts the term's text in the page: the links of that text
    (``fields.glossary_definitions``), of the page's language's term, else of the default language's, a
    tooltip's href in the page's language's folder as ``relLangURL`` puts it. A short definition
    (``length="short"``) shows the term's first paragraph: its links (``fields.glossary_summaries``); a
    definition of no length is none (the site's build stops on it). Code makes none.

    >>> k8s = FieldMap(content_dir="content/", languages=("en", "ja"), default_language="en",
    ...                glossary_definitions=(("en", "pod", (("ref", "/docs/node/", "node"), ("markdown-link", "/docs/x/", ""))),),
    ...                glossary_summaries=(("en", "pod", (("ref", "/docs/node/", "node"),)),))
    >>> body = '{{< glossary_definition term_id="Pod" length="all" >}} {{< glossary_definition term_id="pod" >}}'
    >>> [(link.origin, link.target) for link in glossary_definition_links("content/ja/a.md", body, 1, k8s)]
    [('ref', '/ja/docs/node/'), ('markdown-link', '/docs/x/')]
    >>> short = '{{< glossary_definition term_id="pod" length="short" >}}'
    >>> [link.target for link in glossary_definition_links("content/en/a.md", short, 1, k8s)]
    ['/docs/node/']
    """
    shown = {(language, term): links for language, term, links in fields.glossary_definitions}
    summaries = {(language, term): links for language, term, links in fields.glossary_summaries}
    language = _page_language(name, fields)
    text = masked if masked is not None else mask_code(body)
    found = []
    for m in _GLOSSARY_DEFINITION.finditer(text):
        term, length = _TERM_ID.search(m.group(1)), _DEFINITION_LENGTH.search(m.group(1))
        size = next((v for v in length.groups() if v is not None), "") if length else ""
        if term is None or not size.strip():
            continue
        key = (term.group(1) or term.group(2) or term.group(3) or "").strip().casefold()
        texts = summaries if size.strip().lower() == "short" else shown
        links = texts.get((language or fields.default_language or "", key)) or texts.get((fields.default_language or "", key), ())
        line = first_line + text.count("\n", 0, m.start())
        for origin, target, label in links:
            if origin == REF and language and language != fields.default_language and target.startswith("/") and \
                    not target.startswith(f"/{language}/"):
                target = f"/{language}{target}"
            found.append(TextLink(origin, target, label or None, line))
    return found


#: the page of the Kubernetes site's glossary: its leaf bundle's index.md, below a language's folder or not
_GLOSSARY_INDEX = lazy_compile(r"^(?:[^/]+/)?docs/reference/glossary/index\.md$")


def glossary_term_links(name: str, line: int, fields: FieldMap) -> list[TextLink]:
    """The links of the Kubernetes site's glossary page ``name`` (its ``docs/reference/glossary/`` bundle's
    ``index.md``), on its first ``line``: its layout lists every term of the page's language with the term's
    whole text (a term not translated in the default language's), so each term's links are the page's
    (``fields.glossary_definitions``, a tooltip's href in the page's language as ``relLangURL`` puts it).

    >>> k8s = FieldMap(content_dir="content/", languages=("en", "ja"), default_language="en",
    ...                glossary=(("en", "pod", "/docs/pod/"), ("en", "node", "/docs/node/"), ("ja", "node", "/ja/n/")),
    ...                glossary_definitions=(("en", "pod", (("ref", "/docs/node/", "node"),)),
    ...                                      ("en", "node", (("markdown-link", "/docs/x/", "x"),))))
    >>> [link.target for link in glossary_term_links("content/ja/docs/reference/glossary/index.md", 1, k8s)]
    ['/ja/docs/node/']
    >>> [link.target for link in glossary_term_links("content/en/docs/reference/glossary/index.md", 1, k8s)]
    ['/docs/x/', '/docs/node/']
    """
    language = _page_language(name, fields) or fields.default_language or ""
    default = fields.default_language or ""
    own = {term for at, term, _ in fields.glossary if at == language}
    texts = {term: links for at, term, links in fields.glossary_definitions
             if at == language or at == default and term not in own}
    found = []
    for term in sorted(texts):
        for origin, target, label in texts[term]:
            if origin == REF and language != default and target.startswith("/") and not target.startswith(f"/{language}/"):
                target = f"/{language}{target}"
            found.append(TextLink(origin, target, label or None, line))
    return found


def glossary_page_links(links: list[TextLink], page: str) -> list[TextLink]:
    """``links`` where a Markdown link to ``g`` leads to the glossary ``page``, as the link render hook
    of Hugo's own docs makes ``[page collection](g)`` a link to the term's entry on its glossary page
    (``/quick-reference/glossary/#page-collection``): not to a page ``g`` beside the linking one.

    >>> links = [TextLink(MARKDOWN_LINK, "g", "maps", 3), TextLink(MARKDOWN_LINK, "/x/", "x", 4)]
    >>> [(link.target, link.text) for link in glossary_page_links(links, "/quick-reference/glossary/")]
    [('/quick-reference/glossary/', 'maps'), ('/x/', 'x')]
    """
    return [replace(link, target=page) if link.target == "g" and link.origin == MARKDOWN_LINK else link
            for link in links]


#: a Hugo include shortcode, as Hugo's docs write it: {{% include "/_common/snippet.md" %}}
_INCLUDE = lazy_compile(r"""\{\{[%<]\s*include\s+(?:"([^"]+)"|'([^']+)'|`([^`]+)`)\s*/?[%>]\}\}""")


def included_links(name: str, body: str, first_line: int, fields: FieldMap, masked: str | None = None) -> list[TextLink]:
    """The links the snippets that the page ``name`` includes show in it (``fields.includes``), on the
    line of each ``{{% include "path" %}}``: the shortcode renders the snippet into the page (Hugo's
    docs' own, by ``GetPage``), whose links are then the page's. The path is the snippet's below the
    content folder, in any case, with or without ``.md``; one without a leading ``/`` is looked for
    beside the page first. A snippet the site does not have, or one in code, adds none. A Jekyll site's
    page shows the Markdown file of its _includes/ that a ``{% include name %}`` names:

    >>> jekyll = FieldMap(permalink="pretty", includes=(("steps/merge.md", (("markdown-link", "../two/", "next"),)),))
    >>> body = "Merge.\\n\\n{% include steps/merge.md %}\\n{% include other.md %}"
    >>> [(link.target, link.text, link.line) for link in included_links("lessons/one.md", body, 4, jekyll)]
    [('../two/', 'next', 6)]

    GitHub Docs' page shows the text of its ``data/reusables/`` that a ``{% data reusables.name %}`` names:

    >>> docs = FieldMap(child_lists=("children",), includes=(("reusables.cli.more", (("markdown-link", "/cli", ""),)),))
    >>> [(link.target, link.line) for link in included_links("content/a.md", "x\\n{% data reusables.cli.more %}", 1, docs)]
    [('/cli', 2)]

    >>> hugo = FieldMap(content_dir="content/", includes=(("_common/note", (("markdown-link", "/a/", "A"),)),
    ...                                                   ("guide/_common/tip", (("markdown-link", "/b/", ""),))))
    >>> body = '{{% include "/_common/note.md" %}}\\n{{< include "_common/tip" >}} `{{% include "/_common/note" %}}`'
    >>> [(link.target, link.text, link.line) for link in included_links("content/guide/x.md", body, 5, hugo)]
    [('/a/', 'A', 5), ('/b/', None, 6)]

    A shortcode of ``fields.include_shortcodes`` shows the snippet of its bundle that it names, or the first
    whose name starts so (``.Resources.GetMatch "name*"``), of the page's own language:

    >>> istio = FieldMap(content_dir="content/", languages=("en", "zh"), include_shortcodes=(("boilerplate", "boilerplates"),),
    ...                  includes=(("en/boilerplates/helm-prereqs", (("markdown-link", "/setup/", ""),)),
    ...                            ("zh/boilerplates/helm-prereqs", (("markdown-link", "/zh/setup/", ""),))))
    >>> body = '{{< boilerplate helm-prereqs >}}\\n{{< boilerplate "helm-pre" >}} {{< boilerplate none >}}'
    >>> [(link.target, link.line) for link in included_links("content/en/docs/helm/index.md", body, 1, istio)]
    [('/setup/', 1), ('/setup/', 2)]
    >>> [link.target for link in included_links("content/zh/docs/helm/index.md", body, 1, istio)]
    ['/zh/setup/', '/zh/setup/']
    """
    snippets = _pairs(fields.includes)
    text = masked if masked is not None else mask_code(body)
    if fields.child_lists:  # GitHub Docs: {% data reusables.cli.learn-more %}, a text of its data/reusables/
        return [TextLink(origin, target, label or None, line) for line, shown in data_reusables(text, first_line)
                for origin, target, label in snippets.get(shown, ())]
    if fields.jekyll:  # {% include steps/merge.md %}: a file of the site's _includes/, by its name there
        return [TextLink(origin, target, label or None, line) for line, included in included_files(text, first_line)
                for origin, target, label in snippets.get(included, ())]
    below = name[len(fields.content_dir):] if name.startswith(fields.content_dir) else name
    folder = below.rpartition("/")[0].lower()
    links = []
    for m in _INCLUDE.finditer(text):
        path = (m.group(1) or m.group(2) or m.group(3) or "").strip().lower()
        path = path[:-3] if path.endswith(".md") else path
        tried = [path.strip("/")] if path.startswith("/") else [posixpath.normpath(f"{folder}/{path}"), path] if (
            folder) else [path]
        found = next((snippets[p] for p in tried if p in snippets), ())
        line = first_line + text.count("\n", 0, m.start())
        links += [TextLink(origin, target, label or None, line) for origin, target, label in found]
    if fields.include_shortcodes:
        bundles = _pairs(fields.include_shortcodes)
        language = below.split("/", 1)[0] if "/" in below and below.split("/", 1)[0] in fields.languages else ""
        for m in _SHORTCODE_PATH.finditer(text):
            bundle = bundles.get(m.group(2))
            if bundle is None or m.group(1) is not None:
                continue
            start = f"{language}/{bundle}/" if language else f"{bundle}/"
            given = (m.group(3) or m.group(4) or m.group(5) or "").strip().lower()
            key = start + given
            found = snippets.get(key) or next((snippets[k] for k in sorted(snippets) if k.startswith(key)), ()) if given else ()
            line = first_line + text.count("\n", 0, m.start())
            links += [TextLink(origin, target, label or None, line) for origin, target, label in found]
        links.sort(key=lambda link: link.line)
    return links


def _listed_include_links(f: _Fields, fields: FieldMap) -> list[TextLink]:
    """The links of the files of _includes/ that a Jekyll page lists for its layout to include
    (``fields.include_fields``: ``tell-me-why: {includes: [notes/reset.md]}``, one name or a list, from
    _includes/ with or without a leading ``/``), at the line of the field's top key."""
    snippets = _pairs(fields.includes)
    links = []
    for path in fields.include_fields:
        value = f.get(path)
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        line = f.line_of(path.split(".", 1)[0])
        links += [TextLink(origin, target, label or None, line) for name in names if isinstance(name, str)
                  for origin, target, label in snippets.get(name.strip().lstrip("/"), ())]
    return links


def _relative_include_links(name: str, f: _Fields, fields: FieldMap) -> list[TextLink]:
    """The links of the files a Jekyll page's layout includes relative to the page, by the items of its
    front-matter lists (``fields.relative_include_fields``: ``profiles: [{content: bio.md}]``, the file
    ``bio.md`` beside the page), at the line of the list's top key; a file that is a page, or none, has none."""
    files = _pairs(fields.relative_includes)
    folder = name.rpartition("/")[0]
    links: list[TextLink] = []
    for path, key in fields.relative_include_fields:
        value = f.get(path)
        items = value if isinstance(value, list) else [value] if isinstance(value, (str, dict)) else []
        line = f.line_of(path.split(".", 1)[0])
        for item in items:
            given = item.get(key) if key and isinstance(item, dict) else item if not key else None
            if not isinstance(given, str) or not given.strip():
                continue
            at = posixpath.normpath(posixpath.join(folder, given.strip()))
            links += [TextLink(origin, target, label or None, line) for origin, target, label in files.get(at, ())]
    return links


def resource_links(name: str, line: int, fields: FieldMap) -> list[TextLink]:
    """The links of the Markdown resources that the bundle page ``name`` shows (``fields.includes`` holds
    them, by path), on its first ``line``: its layout renders their content below its own.

    >>> faq = FieldMap(content_dir="content/", resource_pages=("faq/general",), includes=(
    ...     ("faq/general/why", (("markdown-link", "/mesh/", "mesh"),)), ("faq/generality", (("markdown-link", "/x/", ""),))))
    >>> [(link.target, link.text, link.line) for link in resource_links("content/faq/general/index.md", 4, faq)]
    [('/mesh/', 'mesh', 4)]
    """
    below = f"{name.rpartition('/')[0][len(fields.content_dir):].lower()}/"
    return [TextLink(origin, target, label or None, line)
            for key, shown in fields.includes if key.startswith(below) for origin, target, label in shown]


#: a shortcode given a path, ``{{< docsref "/forms/select#sizing" >}}`` (or ``urlPath="..."``), with the text of the
#: Markdown link it is the target of, ``[select menus]({{< docsref "/forms/select" >}})``; group 2 is its name
_SHORTCODE_PATH = lazy_compile(r"(?:\[([^\[\]\n]*)\]\(\s*)?\{\{[<%]-?\s*([\w-]+)\s+(?:\w+\s*=\s*)?"
                             r"(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^\s\"'<>%}]+))[^}\n]*?-?[>%]\}\}")


def shortcode_ref_links(body: str, first_line: int, fields: FieldMap, masked: str | None = None) -> list[TextLink]:
    """The links ``body`` makes with the site's own shortcodes that link by ``ref`` (``fields.ref_shortcodes``:
    name, the path put before the one they are given, as ``path.Join`` does, and the argument that gives
    it), in a Markdown link or an ``<a href>``, or alone; to the page of that path from the content folder
    (a path given alone, with nothing put before it, is read as ``ref`` reads it, as for ``{{< ref >}}``).
    A shortcode that takes its path from a named argument the page does not give links nowhere (Dapr's
    ``{{< button text="Go" link="https://x.org/" >}}``). Code and comments make none.

    >>> fields = FieldMap(ref_shortcodes=(("docsref", "docs/5.3", ""), ("button", "", "page")))
    >>> body = 'See [selects]({{< docsref "/forms/select#sizing" >}}), <a href="{{< docsref "/intro/">}}">x</a>.'
    >>> body += ' {{< button text="Start here" page="start.md" >}} {{< button text="Out" link="https://x.org/" >}}'
    >>> [(link.target, link.text) for link in shortcode_ref_links(body + ' `{{< docsref "/no" >}}`', 1, fields)]
    [('/docs/5.3/forms/select#sizing', 'selects'), ('/docs/5.3/intro', None), ('start.md', None)]
    """
    codes = {name: (prefix, parameter) for name, prefix, parameter in fields.ref_shortcodes}
    text = masked if masked is not None else mask_code(body)
    links = []
    for m in _SHORTCODE_PATH.finditer(text):
        if m.group(2) not in codes:
            continue
        prefix, parameter = codes[m.group(2)]
        path: str | None = m.group(3) if m.group(3) is not None else m.group(4) if m.group(4) is not None else m.group(5)
        if parameter:  # the argument of that name, wherever it is, else the first given by position
            call = _SHORTCODE_CALL.search(m.group(0))
            named: dict[str, str] = {}
            given: list[str] = []
            for a in _SHORTCODE_ARGUMENT.finditer(call.group(2) if call else ""):
                value = next(v for v in a.group(2, 3, 4, 5) if v is not None)
                if a.group(1):
                    named[a.group(1).lower()] = value
                else:
                    given.append(value)
            path = named.get(parameter.lower(), given[0] if given else None)
        if path is None or not path.strip():
            continue
        target = posixpath.normpath(posixpath.join("/", prefix, path.strip().lstrip("/"))) if prefix \
            else path.strip()
        label = m.group(1).strip() if m.group(1) and m.group(1).strip() else None
        links.append(TextLink(REF, target, label, first_line + text.count("\n", 0, m.start())))
    return links


#: a shortcode and what it is given: ``{{< link text="services" url="/docs/services/" >}}``
_SHORTCODE_CALL = lazy_compile(r"\{\{[<%]-?\s*([\w/-]+)((?:\s+(?:\w+\s*=\s*)?(?:\"[^\"\n]*\"|'[^'\n]*'|`[^`\n]*`|[^\s\"'<>%}]+))*)\s*-?[>%]\}\}")
#: one argument of a shortcode: its name (none for a positional one) and its value
_SHORTCODE_ARGUMENT = lazy_compile(r"(?:(\w+)\s*=\s*)?(?:\"([^\"\n]*)\"|'([^'\n]*)'|`([^`\n]*)`|([^\s\"'<>%}=]+))")


def shortcode_href_links(body: str, first_line: int, fields: FieldMap, masked: str | None = None) -> list[TextLink]:
    """The links ``body`` makes with the site's own shortcodes that write a parameter they are given as a
    link's ``href`` (``fields.href_shortcodes``: name and parameter, a name or ``"0"`` for the first), with
    their ``text`` parameter as the link's text. Code and comments make none.

    >>> fields = FieldMap(href_shortcodes=(("link", "url"),))
    >>> body = 'To {{< link text="services" url="/docs/services/" >}} and {{< link url="https://x.org/" >}}; `{{< link url="/no/" >}}`'
    >>> [(link.target, link.text) for link in shortcode_href_links(body, 1, fields)]
    [('/docs/services/', 'services'), ('https://x.org/', None)]
    """
    wanted = _pairs(fields.href_shortcodes)
    text = masked if masked is not None else mask_code(body)
    links = []
    for m in _SHORTCODE_CALL.finditer(text):
        parameter = wanted.get(m.group(1))
        if parameter is None:
            continue
        named: dict[str, str] = {}
        given: list[str] = []
        for a in _SHORTCODE_ARGUMENT.finditer(m.group(2)):
            value = next(v for v in a.group(2, 3, 4, 5) if v is not None)
            if a.group(1):
                named[a.group(1).lower()] = value
            else:
                given.append(value)
        target = named.get(parameter.lower()) if not parameter.isdigit() else \
            given[int(parameter)] if int(parameter) < len(given) else None
        if target and target.strip():
            links.append(TextLink(MARKDOWN_LINK, target.strip(), named.get("text") or None,
                                  first_line + text.count("\n", 0, m.start())))
    return links


_KEBAB_WORD = lazy_compile(r"[A-Z]{2,}(?=[A-Z][a-z]+[0-9]*|\b)|[A-Z]?[a-z]+[0-9]*|[A-Z]|[0-9]+")


def kebab_name(stem: str) -> str:
    """The file name ``stem`` in kebab case, as 30 seconds of code's site makes a snippet's url from it:
    its words (a run of capitals before a capitalised word, or at the end, is one), lower case, joined
    by hyphens; what is no letter or digit parts them.

    >>> kebab_name("copyToClipboardAsync"), kebab_name("URLJoin"), kebab_name("RGBToHSB"), kebab_name("zip")
    ('copy-to-clipboard-async', 'url-join', 'rgb-to-hsb', 'zip')
    >>> kebab_name("initialize2DArray"), kebab_name("is_even")
    ('initialize2-d-array', 'is-even')
    """
    return "-".join(word.lower() for word in _KEBAB_WORD.findall(stem))


def hugo_url(name: str, data: Mapping[Any, Any], fields: FieldMap, pattern: str | None = None) -> str | None:
    """The url Hugo publishes the file ``name`` at, when its front matter ``data`` sets no ``url``: its
    section's pattern in the config's ``[permalinks]`` (:func:`hugo_permalink`; a regular page's, a
    section's own page only by a ``[permalinks.section]`` table; a folder's url, ending in ``/`` whether
    the pattern does or not), else its page path with its ``slug`` for its
    file's (or bundle's) name; made lower-case, spaces as hyphens (:func:`urlize`); with ``uglyURLs``,
    ``/a/b.html`` for ``/a/b/``. A page of another language than the default is under its language.

    With ``pattern`` (a front-matter ``url`` holding permalink tokens, ``/:section/:year/:slug/``),
    the url that pattern gives the page, as written: from the site's root, in no language's folder.
    ``None`` for a Zola page whose slug is not known (:func:`zola_slug`).

    >>> from qagraph.presets import preset
    >>> hugo = replace(preset("hugo").fields, content_dir="content/", section_permalinks=(("page", "posts", "/:year/:slug/"),))
    >>> hugo_url("content/posts/a.md", {"date": "2023-01-05", "title": "Hello World"}, hugo)
    '/2023/hello-world/'
    >>> hugo_url("content/posts/a.md", {"date": "2023-01-05", "title": "Hi"}, replace(hugo, section_permalinks=(("page", "posts", "/:year/:title"),)))
    '/2023/hi/'
    >>> hugo_url("content/My Docs/b.md", {"slug": "Intro"}, hugo), hugo_url("content/posts/_index.md", {}, replace(hugo, ugly_urls=True))
    ('/my-docs/intro/', '/posts.html')
    >>> [hugo_url(f"content/{n}.md", {}, replace(hugo, ugly_sections=("notes",))) for n in ("Notes/a", "docs/b", "c")]
    ['/notes/a.html', '/docs/b/', '/c/']
    """
    named = hugo_file_date(name, data, fields)
    if named is not None:  # its date and slug from its file name, as Hugo's :filename handler (or Zola) sets them
        data = {**data, **({"date": named[0]} if named[0] is not None else {}),
                **({"slug": named[1]} if named[1] and "slug" not in data else {})}
    below = name[len(fields.content_dir):] if fields.content_dir and name.startswith(fields.content_dir) else name
    stem, language = _without_language(_strip_suffix(below), fields.languages)
    folder, _, last = stem.rpartition("/")
    kind = "section" if last == "_index" else "page"
    if last in ("index", "_index"):
        stem, folder, last = folder, folder.rpartition("/")[0], folder.rpartition("/")[2]
    if pattern is not None:
        url = hugo_permalink(pattern, name.rpartition("/")[2], stem, data, lower=not fields.keep_path_case)
        return _without_accents(url) if fields.remove_path_accents else url
    prefix = f"/{language}" if language is not None and language != fields.default_language else ""
    if not stem:
        return f"{prefix}/"
    section = stem.partition("/")[0] if "/" in stem or kind == "section" else ""
    # a key names the section as Hugo's page path has it, lower-case: guides = ... is Guides/'s (Hugo lower-cases the key)
    pattern = next((p for k, s, p in fields.section_permalinks if k == kind and s.lower() == urlize(section)),
                   None) if section else None
    if pattern is not None:  # a folder's, as Hugo writes each page to an index.html: "/:year/:title" is /2020/a/
        url = hugo_permalink(pattern, name.rpartition("/")[2], stem, data,
                             _hugo_section(stem if kind == "section" else folder, fields),
                             lower=not fields.keep_path_case).rstrip("/") + "/"
    elif fields.zola_slugify:  # Zola: the folders as named, the page's slug made by its strategy
        slug = data.get("slug")
        name = str(slug) if kind == "page" and isinstance(slug, (str, int, float)) and str(slug).strip() else last
        made = name if kind == "section" else zola_slug(name, fields.zola_slugify)
        if made is None:
            return None
        url = "/" + (stem if kind == "section" else f"{folder}/" * bool(folder) + made) + "/"
    else:
        slug = hugo_slug(data)
        if kind == "page" and slug:
            stem = f"{folder}/{slug}" if folder else slug
        url = "/" + urlize(stem, lower=not fields.keep_path_case) + "/"
    url = hugo_clean_path(url)  # Hugo joins a slug's ../ and ./ into the path: slug: ../../etc is at /etc/
    if (fields.ugly_urls or section and urlize(section) in fields.ugly_sections) and url.endswith("/") and url != "/":
        url = url.rstrip("/") + ".html"
    return prefix + (_without_accents(url) if fields.remove_path_accents else url)


def _without_accents(url: str) -> str:
    """``url`` without the accents of its letters, as Hugo's ``removePathAccents`` makes a page's path (its
    ``RemoveAccentsString``: decomposed, the non-spacing marks dropped, composed again).

    >>> _without_accents("/blog/café-à-paris/")
    '/blog/cafe-a-paris/'
    """
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", url)
                                                if unicodedata.category(c) != "Mn"))


def hugo_slug(data: Mapping[Any, Any]) -> str:
    """The ``slug`` a Hugo page's front matter ``data`` sets, as Hugo reads it: as text, its hyphens at
    either end trimmed (``strings.Trim(slug, "-")``); ``""`` when it sets none, or only hyphens (the
    page then has its file's name, or a permalink's ``:slug`` its title). Its ``/`` and ``..`` stay:
    they are joined into the page's path (:func:`hugo_clean_path`).

    >>> hugo_slug({"slug": "-intro-"}), hugo_slug({"slug": "--"}), hugo_slug({"slug": 2024}), hugo_slug({})
    ('intro', '', '2024', '')
    """
    slug = data.get("slug")
    return str(slug).strip().strip("-") if isinstance(slug, (str, int, float)) else ""


def hugo_clean_path(url: str) -> str:
    """A site path as Hugo joins it (Go's ``path.Join``, keeping a trailing ``/``): its ``.`` and ``..``
    parts taken away, never above the site's root, and no empty parts: a ``slug`` or ``url`` of
    ``../../etc`` makes no url that escapes the site.

    >>> hugo_clean_path("/posts/../../etc/"), hugo_clean_path("/a/./b//c"), hugo_clean_path("/.."), hugo_clean_path("/a/b/")
    ('/etc/', '/a/b/c', '/', '/a/b/')
    """
    if "/." not in url and "//" not in url:
        return url
    cleaned = posixpath.normpath("/" + url.lstrip("/"))
    return cleaned + "/" if url.endswith("/") and cleaned != "/" else cleaned


#: a Hugo content file's base name that starts with a date (its first ten characters), and the rest
_HUGO_FILE_DATE = lazy_compile(r"(\d{4}-\d{2}-\d{2})(.*)", re.S)
#: a Zola page's file name that starts with a date, or an RFC 3339 date and time, and the rest after a
#: ``-`` or ``_`` (Zola's own pattern, its months and days in range)
_ZOLA_FILE_DATE = lazy_compile(
    r"(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:T(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\.[0-9]+)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9]))?)"
    r"(?:\s?[_-](?P<slug>.+$))?", re.S)
#: the front-matter fields Hugo's ``:default`` date handler reads, in its order
HUGO_DEFAULT_DATES = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")


def hugo_file_date(name: str, data: Mapping[Any, Any], fields: FieldMap) -> tuple[str | None, str] | None:
    """``(date, slug)`` that Hugo's ``:filename`` date handler takes from the file ``name`` (a page
    bundle's: its folder's name), when the config's ``[frontmatter] date`` lists it
    (:attr:`FieldMap.hugo_filename_date`) and it decides: no field listed before it
    (:attr:`FieldMap.hugo_dates_before_filename`) is in the front matter ``data``. The slug is the rest
    of the name without the hyphens, underscores and spaces around it; ``None`` when the name starts
    with no date.

    In a Zola site (:attr:`FieldMap.zola_file_dates`), as Zola reads a name: the date is ``None`` where
    the page's ``date`` field gives one (or the name's is no day), and the slug, the rest of the name after
    its ``-`` or ``_``, is the page's whatever its date (``""`` with ``paths_keep_dates``, or with no rest).

    With :attr:`FieldMap.hugo_filename_slugs` (``:filename`` listed for another of Hugo's dates), the
    slug is the name's where that date's handler decides, the date ``None`` unless ``date``'s does too.

    >>> slugs = replace(FieldMap(), hugo_filename_slugs=(("publishdate", "pubdate", "published"),))
    >>> hugo_file_date("posts/2017-02-11-a.md", {"date": "2019-01-01"}, slugs), hugo_file_date("posts/2017-02-11-a.md", {"publishDate": "2019-01-01"}, slugs)
    ((None, 'a'), None)
    >>> hugo = replace(FieldMap(), hugo_filename_date=True, hugo_dates_before_filename=("date",))
    >>> hugo_file_date("content/posts/2017-02-11-my-post.md", {}, hugo), hugo_file_date("posts/2020-01-02_x/index.md", {}, hugo)
    (('2017-02-11', 'my-post'), ('2020-01-02', 'x'))
    >>> hugo_file_date("posts/2017-02-11-a.md", {"Date": "2019-01-01"}, hugo), hugo_file_date("posts/2017-02-30-a.md", {}, hugo)
    (None, None)
    >>> zola = replace(FieldMap(), zola_file_dates=True)
    >>> hugo_file_date("blog/2017-02-11_a b.md", {"date": "2019-01-01"}, zola), hugo_file_date("blog/2017-02-30-x.md", {}, zola)
    ((None, 'a b'), (None, 'x'))
    >>> hugo_file_date("blog/2017-02-11.md", {}, zola), hugo_file_date("blog/2017-13-01-x.md", {}, zola)
    (('2017-02-11', ''), None)
    """
    if not fields.hugo_filename_date and not fields.zola_file_dates and not fields.hugo_filename_slugs:
        return None
    folder, _, file_name = name.rpartition("/")
    stem = file_name.rsplit(".", 1)[0]
    if stem.lower() == "index":
        stem = folder.rpartition("/")[2]
    if fields.zola_file_dates:
        z = _ZOLA_FILE_DATE.match(stem)
        if z is None:
            return None
        try:
            _dt.date.fromisoformat(z.group(1)[:10])
            day: str | None = z.group(1)
        except ValueError:  # 2021-02-30: Zola takes it, but it names no day
            day = None
        if any(k == "date" and v not in (None, "") for k, v in data.items()):
            day = None
        return day, "" if fields.zola_keep_dates else z.group("slug") or ""
    m = _HUGO_FILE_DATE.match(stem)
    if m is None:
        return None
    try:
        _dt.date.fromisoformat(m.group(1))
    except ValueError:  # no day: Hugo's handler passes over it
        return None
    given = {str(k).lower() for k, v in data.items() if v not in (None, "")}
    dated = fields.hugo_filename_date and not given & set(fields.hugo_dates_before_filename)
    # another date's handler (lastmod, publishDate, expiryDate) that reaches :filename sets the slug as well
    if not dated and not any(not given & set(before) for before in fields.hugo_filename_slugs):
        return None
    return m.group(1) if dated else None, m.group(2).strip(" -_")


_SCHEME = lazy_compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def hugo_language_url(name: str, url: str, fields: FieldMap) -> str:
    """The front-matter ``url`` of the Hugo page ``name``, in its language's folder where it is relative: Hugo
    reads a url without a leading ``/`` from the root of the page's language (``url: custom/foo`` on a Japanese
    page is ``/ja/custom/foo``), one with it from the site's root; the default language's pages are at the
    root (unless ``defaultContentLanguageInSubdir``). A Zola page's ``path`` is left as it is.

    >>> hugo = FieldMap(content_dir="content/", languages=("en", "ja"), default_language="en")
    >>> [hugo_language_url(n, u, hugo) for n, u in (("content/ja/a.md", "foo"), ("content/ja/b.md", "/bar"),
    ...                                             ("content/en/c.md", "baz"), ("content/d.ja.md", "x/y"))]
    ['/ja/foo', '/bar', 'baz', '/ja/x/y']
    """
    given = url.strip()
    if not fields.languages or fields.zola_file_dates or not given or given.startswith("/") or _SCHEME.match(given):
        return url
    below = name[len(fields.content_dir):] if name.startswith(fields.content_dir) else name
    language = _without_language(_strip_suffix(below), fields.languages)[1]
    return f"/{language}/{given}" if language is not None and language != fields.default_language else url


def hugo_own_url(url: str) -> str:
    """The url Hugo publishes a page at whose front matter sets ``url``: from the site's root (a
    leading ``/`` added) and, unless its last part names a file (``/feed.xml``), a folder's, with a
    trailing ``/``, as Hugo writes ``/commands/hugo_serve`` to ``/commands/hugo_serve/index.html``.

    >>> hugo_own_url("/commands/hugo_serve"), hugo_own_url("docs/intro/"), hugo_own_url("/feed.xml")
    ('/commands/hugo_serve/', '/docs/intro/', '/feed.xml')
    >>> hugo_own_url("https://other.example/a"), hugo_own_url("javascript:alert(1)")  # no path: left as they are
    ('https://other.example/a', 'javascript:alert(1)')
    """
    url = url.strip()
    if _SCHEME.match(url):
        return url
    url = hugo_clean_path("/" + url.lstrip("/"))  # url: ../../etc/ is at /etc/, as Hugo joins it
    if "." not in url.rstrip("/").rpartition("/")[2]:
        url = url.rstrip("/") + "/"
    return url


_PERMALINK_TOKEN = lazy_compile(
    r":(year|monthname|month|day|weekdayname|weekday|yearday|sections|section|title|slugorfilename"
    r"|slugorcontentbasename|slug|filename|contentbasename)(\[.+?\])?")
_SLICE_INDEX = lazy_compile(r"-?[0-9]+")


def _hugo_section(folder: str, fields: FieldMap) -> str:
    """The path of the section a Hugo page in ``folder`` (below the content folder, without its language;
    a section's own page: its folder) is in: the deepest of its folders that is one, a top folder or
    one of :attr:`FieldMap.hugo_sections` (``docs/guide``, which holds an ``_index.md``; a folder
    without one is no section, and its pages are its parent section's)."""
    if not folder:
        return ""
    sections = _hugo_section_paths(fields.hugo_sections, fields.languages)
    parts = folder.split("/")
    return next(("/".join(parts[:n]) for n in range(len(parts), 1, -1) if "/".join(parts[:n]) in sections), parts[0])


@functools.lru_cache(maxsize=8)
def _hugo_section_paths(hugo_sections: tuple[str, ...], languages: tuple[str, ...]) -> frozenset[str]:
    """The folders of :attr:`FieldMap.hugo_sections` without their language folders: made once per site,
    not for each page (a site of many sections and pages made it again for every page)."""
    return frozenset(_without_language(posixpath.join(f, "_index"), languages)[0].rpartition("/")[0]
                     for f in hugo_sections)


def _hugo_slice(parts: list[str], cut: str) -> list[str]:
    """The part of a page's sections ``parts`` a permalink's ``:sections[...]`` names, as Hugo cuts it:
    ``[1:]`` all but the first, ``[:last]`` all but the last, ``[last]`` the last, ``[0]`` the first;
    an index past the end names none, a cut that is no index (``[x]``) the first.

    >>> [_hugo_slice(["docs", "guide", "cli"], c) for c in ("[1:]", "[:last]", "[last]", "[0]", "[5]", "[1:2]")]
    [['guide', 'cli'], ['docs', 'guide'], ['cli'], ['docs'], [], ['guide']]
    """
    cut = cut.strip().lower()
    if len(cut) < 3 or not parts:
        return []

    def index(text: str, low: bool) -> int:
        if not text:
            return 0 if low else len(parts)
        if text == "last":
            return len(parts) - 1
        n = max(int(text), 0) if _SLICE_INDEX.fullmatch(text) else 0  # Go's Atoi: 0 for what is no number
        return n if n < len(parts) else -1 if low else len(parts)

    inner = cut[1:-1]
    if ":" not in inner:
        n = index(inner, True)
        return [] if n < 0 else [parts[n]]
    low, high = index(inner.split(":")[0], True), index(inner.split(":")[1], False)
    return [] if low < 0 or high < 0 else parts[low:high]


def hugo_permalink(pattern: str, file_name: str, stem: str, data: Mapping[Any, Any],
                   sections: str | None = None, lower: bool = True) -> str:
    """The url a Hugo ``[permalinks]`` ``pattern`` gives the page at ``stem`` (its path below the content
    folder, a bundle's being its folder's; ``file_name`` its file's name) with front matter ``data``:
    the date's ``:year``, ``:month``, ``:monthname``, ``:day`` (of ``date``, else ``publishDate``...,
    as written: no zone changed), ``:section`` (the top folder), ``:sections`` (the path of the page's
    section, ``sections``: by default the top folder; both as Hugo's page path has them, urlized), ``:sections[1:]`` and Hugo's other cuts of it
    (:func:`_hugo_slice`), ``:title``, ``:slug`` (the ``slug``, else the title), ``:filename`` (a bundle's:
    its folder's name), ``:slugorcontentbasename`` (the ``slug``, else the file's or bundle's name), each
    made a url's part as Hugo does (:func:`urlize`; in their case, not ``lower``, where the config sets
    ``disablePathToLower``: Hugo's permalinks urlize them by its ``MakePathSanitized``, which keeps it then).

    >>> hugo_permalink("/:year/:month/:slug/", "a.md", "posts/a", {"date": _dt.date(2023, 1, 5), "title": "C++ & Go"})
    '/2023/01/c-go/'
    >>> hugo_permalink("/:section/:filename/", "index.md", "posts/My Trip", {})
    '/posts/my-trip/'
    >>> [hugo_permalink(p, "cli.md", "docs/guide/cli", {}, "docs/guide") for p in ("/:sections/:filename/", "/:sections[1:]/:filename/", "/:sections[last]/:filename/")]
    ['/docs/guide/cli/', '/guide/cli/', '/guide/cli/']
    >>> [hugo_permalink("/:slugorcontentbasename/", "a-b.md", "posts/a-b", d) for d in ({"slug": "Hi There"}, {"title": "T"})]
    ['/hi-there/', '/a-b/']
    >>> hugo_permalink("/:year/:slug/:filename/", "My Notes.md", "posts/My Notes", {"date": "2024-05-06", "title": "Hello There"}, lower=False)
    '/2024/Hello-There/My-Notes/'
    >>> hugo_permalink("/g/:section/:sections/:slug/", "p.md", "Guides/My Sub/p", {"title": "P"}, "Guides/My Sub")
    '/g/guides/guides/my-sub/p/'
    """
    keys = {str(k).lower(): k for k in data}
    when = next((m for n in HUGO_DEFAULT_DATES
                 if n in keys and (m := _moment(data[keys[n]], utc=False)) is not None), None)
    when = when or _dt.datetime(1, 1, 1)
    title = data.get("title")
    title = str(title) if isinstance(title, (str, int, float)) else ""
    slug = hugo_slug(data)
    base = stem.rpartition("/")[2] if file_name.rsplit(".", 1)[0] in ("index", "_index") else file_name.rsplit(".", 1)[0]
    values = {
        "year": str(when.year), "month": f"{when.month:02d}", "day": f"{when.day:02d}",
        "monthname": when.strftime("%B").lower(), "weekday": str((when.weekday() + 1) % 7),
        "weekdayname": when.strftime("%A").lower(), "yearday": str(when.timetuple().tm_yday),
        "section": urlize(stem.partition("/")[0], lower), "title": urlize(title, lower),
        "slug": urlize(slug or title, lower), "slugorfilename": urlize(slug or base, lower), "filename": urlize(base, lower),
        "contentbasename": urlize(base, lower), "slugorcontentbasename": urlize(slug or base, lower),
    }
    # the sections' path as Hugo normalizes a page's path (lower-case, a hyphen for a space): My Guides/ is my-guides
    parts = urlize(stem.partition("/")[0] if sections is None else sections, lower).split("/")
    url = _PERMALINK_TOKEN.sub(lambda m: "/".join(_hugo_slice(parts, m.group(2)) if m.group(2) else parts)
                               if m.group(1) == "sections" else values[m.group(1)] + (m.group(2) or ""), pattern)
    return "/" + re.sub(r"/{2,}", "/", url).lstrip("/")


#: the ASCII the slug crate's transliteration (deunicode, Text::Unidecode's table) gives the Latin letters and
#: signs that have no decomposition to ASCII letters, where Unicode's compatibility decomposition drops them
_DEUNICODE_LATIN = {
    "Æ": "AE", "æ": "ae", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o", "Þ": "Th", "þ": "th", "ß": "ss", "Đ": "D", "đ": "d",
    "Ħ": "H", "ħ": "h", "ı": "i", "Ł": "L", "ł": "l", "Ŋ": "NG", "ŋ": "ng", "Œ": "OE", "œ": "oe", "Ŧ": "T", "ŧ": "t",
    "§": "SS", "¶": "P", "‰": "%0", "‱": "%00", "⁋": "PP"}
#: the blocks whose punctuation and spaces deunicode gives as ASCII punctuation, or none (a hyphen in a slug):
#: Latin-1's, General Punctuation (’ – — …), CJK Symbols and Punctuation (。、「」), the small and full-width forms
_PUNCTUATION_BLOCKS = ((0xA0, 0xFF), (0x2000, 0x206F), (0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFF65))


def _deunicode_char(c: str) -> str | None:
    """The ASCII the slug crate makes of the character ``c`` (before it keeps only letters and digits), where
    it can be told without deunicode's table: ``None`` for a letter or symbol of another script (``日``, which
    it spells out, ``Ri``), an emoji (named), a sign it writes otherwise."""
    if c.isascii():
        return c
    if c in _DEUNICODE_LATIN:
        return _DEUNICODE_LATIN[c]
    decomposed = "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d))
    if decomposed != c and decomposed:
        parts = [_deunicode_char(d) for d in decomposed]
        return None if None in parts else "".join(p or "" for p in parts)
    if unicodedata.category(c) == "Nd":
        return str(unicodedata.digit(c))
    if unicodedata.category(c)[0] in "PZ" and any(lo <= ord(c) <= hi for lo, hi in _PUNCTUATION_BLOCKS):
        return " "
    return None


def zola_slug(text: str, strategy: str = "on") -> str | None:
    """``text`` as Zola's ``slugify_paths`` makes a page's slug of it with the config's ``strategy``:
    ``on`` (the slug crate's: each character made ASCII by deunicode, lower-case, a hyphen for each run of
    anything but letters and digits, none at either end), ``safe`` (only the characters no path may hold
    dropped, and blanks and dots at the end), ``off`` (as written). ``None`` where ``on`` meets a character
    whose ASCII form only deunicode's table tells (``日本``, which Zola spells ``ri-ben``; ``🦄``): the slug
    is not known, rather than wrong.

    >>> zola_slug("My_First Post"), zola_slug("Café & Crème 2.0"), zola_slug(" a.b. ", "safe"), zola_slug("a:b", "off")
    ('my-first-post', 'cafe-creme-2-0', ' a.b', 'a:b')
    >>> zola_slug("Don’t Panic"), zola_slug("Straße—Ærø"), zola_slug("日本"), zola_slug("日本", "safe")
    ('don-t-panic', 'strasse-aero', None, '日本')
    """
    if strategy == "off":
        return text
    if strategy == "safe":
        return re.sub(r'[<>:"/\\|?*]', "", text.rstrip(" ."))
    parts = [_deunicode_char(c) for c in text]
    if None in parts:
        return None
    return re.sub(r"[^a-z0-9]+", "-", "".join(p or "" for p in parts).lower()).strip("-")


def urlize(text: str, lower: bool = True) -> str:
    """``text`` as Hugo makes a url's part of it: lower-case (not with ``lower`` false: a site whose
    config sets ``disablePathToLower``), runs of spaces as one hyphen, only letters, digits,
    ``. / _ - ~ # @`` kept.

    >>> urlize("Hello, World! Ça va? C++ & Go_lang 2.0"), urlize("My Section/Other File", lower=False)
    ('hello-world-ça-va-c-go_lang-2.0', 'My-Section/Other-File')
    """
    out: list[str] = []
    hyphen = was_hyphen = False
    for c in text.strip():
        if c.isalnum() or c in "./\\_#~-@" or unicodedata.category(c).startswith("M"):
            was_hyphen = c == "-"
            if hyphen and not was_hyphen:
                out.append("-")
            hyphen = False
            out.append(c)
        elif out and not was_hyphen and c.isspace():
            hyphen = True
    return "".join(out).lower() if lower else "".join(out)


#: the :attr:`FieldMap.path_urls` of an MkDocs site, which rewrites its links to Markdown files only: the
#: browser reads any other relative link (``../install/``) from the page's url
MKDOCS_URLS = ("folders", "files")


#: a Nuxt Content file's or folder's order number (``2.`` of ``2.setup.md``), and a name that is a version, kept whole
_ORDER_NUMBER = lazy_compile(r"^\d+\.")
_VERSION_PART = lazy_compile(r"^\d+(?:\.\d+)*(?:\.x)?$")


def _dynamic_date(value: str, dynamic: tuple[str, ...]) -> bool:
    """Whether a date field's ``value`` is one of the ``dynamic`` values that name the day of a render
    (:attr:`FieldMap.dynamic_dates`: in any case; one ending in ``*`` any value that begins so).

    >>> _dynamic_date(" Today", ("today",)), _dynamic_date("`r format(Sys.Date(), '%Y')`", ("`r *",)), _dynamic_date("2024-01-02", ("`r *",))
    (True, True, False)
    """
    value = value.strip().lower()
    return any(value.startswith(d[:-1]) if d.endswith("*") else value == d for d in dynamic)


def rewritten(page: str, rules: Sequence[tuple[str, str]]) -> str:
    """The path VitePress publishes the page ``page`` (its path below the site's source folder) at, by the
    first of its ``rewrites`` ``rules`` (:attr:`FieldMap.path_rewrites`) that matches it whole; its own
    path when none does.

    >>> rules = (("en(?:/(?P<rest>[^/]+(?:/[^/]+)*))?", "{rest}"), ("packages/(?P<pkg>[^/]+?)/src/(?P<_0>.*)", "{pkg}/index.md"))
    >>> [rewritten(p, rules) for p in ("en/guide/setup.md", "packages/a/src/a.md", "zh/guide/setup.md")]
    ['guide/setup.md', 'a/index.md', 'zh/guide/setup.md']
    """
    for pattern, template in rules:
        m = re.fullmatch(pattern, page)
        if m is not None:
            return re.sub(r"\{(\w+)\}", lambda t: m.group(t.group(1)) or "", template).lstrip("/") or page
    return page


def path_url(name: str, content_dir: str, how: str) -> str | None:
    """The url a site that publishes each page at its path (MkDocs, Jupyter Book) gives the file
    ``name`` below ``content_dir``, ``how`` it does (``FieldMap.path_urls``); ``None`` outside it.

    >>> [path_url(n, "docs/", "folders") for n in ("docs/guide/install.md", "docs/guide/index.md", "docs/README.md")]
    ['/guide/install/', '/guide/', '/']
    >>> [path_url(n, "docs/", "files") for n in ("docs/guide/install.md", "docs/guide/README.md")]
    ['/guide/install.html', '/guide/index.html']
    >>> [path_url(n, "", "sphinx") for n in ("chapters/intro.md", "nb/run.ipynb", "README.md")]
    ['/chapters/intro.html', '/nb/run.html', '/README.html']
    >>> [path_url(n, "", "publish") for n in ("Obsidian Sync/Version history.md", "index.md")]
    ['/Obsidian+Sync/Version+history', '/index']
    >>> [path_url(n, "", "middleman") for n in ("python.html.markdown", "es-es/python-es.html.markdown")]
    ['/docs/python/', '/docs/es-es/python-es/']
    >>> [path_url(n, "content/", "nextjs") for n in ("content/actions/ci.md", "content/actions/index.md", "content/index.md")]
    ['/actions/ci', '/actions', '/']
    >>> [path_url(n, "app/", "nextjs-app") for n in ("app/page.mdx", "app/docs/guide/page.mdx", "app/(site)/about/page.md")]
    ['/', '/docs/guide', '/about']
    >>> [path_url(n, "docs/", "docsify") for n in ("docs/README.md", "docs/guide.md", "docs/zh-cn/README.md")]
    ['/', '/guide', '/zh-cn/']
    >>> [path_url(n, "content/", "nuxt-content") for n in ("content/index.md", "content/1.guide/2.Set Up.md",
    ...                                                     "content/1.guide/index.md", "content/v/1.2.x.md")]
    ['/', '/guide/set-up', '/guide', '/v/1.2.x']
    >>> [path_url(n, "content/docs/", "fumadocs") for n in ("content/docs/index.mdx", "content/docs/(api)/ref.mdx",
    ...                                                      "content/docs/guides/index.mdx")]
    ['/', '/ref', '/guides']
    >>> [path_url(n, "", "github-wiki") for n in ("Home.md", "guides/Getting Started.md")]
    ['/wiki/Home', '/wiki/Getting-Started']
    >>> [path_url(n, "src/", "eleventy") for n in ("src/blog/a.md", "src/blog/b/b.md", "src/blog/index.md", "src/about.md")]
    ['/blog/a/', '/blog/b/', '/blog/', '/about/']
    >>> [path_url(n, "", how) for n, how in (("g/index.md", "vitepress"), ("g/a.md", "vitepress"), ("g/a.md", "vitepress-clean"),
    ...                                      ("g/README.md", "vuepress"))]
    ['/g/', '/g/a.html', '/g/a', '/g/']
    """
    if not name.startswith(content_dir):
        return None
    folder, _, file_name = name[len(content_dir):].rpartition("/")
    stem = file_name.rsplit(".", 1)[0]
    if how == "publish":  # Obsidian Publish: every note at its path, spaces as +, no index pages
        return "/" + f"{folder}/{stem}".lstrip("/").replace(" ", "+")
    if how == "sandpaper":  # a Carpentries Workbench lesson: its folders' pages side by side
        return sandpaper_url(folder, stem)
    if how == "nextjs":  # GitHub Docs: every page at its path, no slash after it, an index at its folder's
        return "/" + (folder if stem == "index" else f"{folder}/{stem}").strip("/")
    if how == "fumadocs":  # its slugs: a (group) folder is none of them, an index is its folder's
        parts = [p for p in f"{folder}/{stem}".split("/") if p and not (p.startswith("(") and p.endswith(")"))]
        return "/" + "/".join(parts[:-1] if parts and parts[-1] == "index" else parts)
    if how == "nuxt-content":  # each part without its order number (not a version's: 1.2.x), in lower case
        parts = [p if _VERSION_PART.match(p) else _ORDER_NUMBER.sub("", p) for p in f"{folder}/{stem}".split("/") if p]
        parts = [p.lower().replace(" ", "-") for p in parts]
        return "/" + "/".join(parts[:-1] if parts and parts[-1] == "index" else parts)
    if how == "github-wiki":  # GitHub lists a wiki's pages flat: a page at its name, spaces as hyphens
        return "/wiki/" + stem.replace(" ", "-")
    if how == "nextjs-app":  # Next.js's app router: a page file at its folder's route, a (group) or @slot no part of it
        return "/" + "/".join(p for p in folder.split("/") if p and not p.startswith("@")
                              and not (p.startswith("(") and p.endswith(")")))
    if how == "docsify":  # a Docsify route: the path without .md, a README at its folder's (/#/guide in the browser)
        return f"/{folder}/".replace("//", "/") if stem == "README" else "/" + f"{folder}/{stem}".lstrip("/")
    prefix = f"/{folder}/" if folder else "/"
    if how in ("vitepress", "vitepress-clean", "vuepress"):  # an index (VuePress: a README too) at its folder's url
        if stem == "index" or how == "vuepress" and stem == "README":
            return prefix
        return f"{prefix}{stem}" if how == "vitepress-clean" else f"{prefix}{stem}.html"
    if how == "eleventy":  # a folder's index.html; an index file's, or one named as its folder, is the folder's
        return prefix if stem == "index" or (folder and stem == folder.rpartition("/")[2]) else f"{prefix}{stem}/"
    if how == "middleman":  # Learn X in Y minutes before 2024: its docs below /docs/, a page as a folder
        return f"/docs{prefix}{stem.removesuffix('.html')}/"
    if how != "sphinx" and stem in ("index", "README"):  # MkDocs's folder pages, in this case only
        return prefix if how == "folders" else f"{prefix}index.html"
    return f"{prefix}{stem}/" if how == "folders" else f"{prefix}{stem}.html"


#: a Carpentries Workbench block of an episode's questions, ``:::: questions`` to the next ``::::`` line
_QUESTIONS_BLOCK = lazy_compile(r"^[ \t]*:{3,}[ \t]*\{?[ \t]*\.?questions[ \t]*\}?[ \t]*\n(.*?)^[ \t]*:{3,}[ \t]*$",
                              re.M | re.S)
#: an item of a Markdown list
_LIST_ITEM = lazy_compile(r"^[ \t]*[-*+][ \t]+(.+)$", re.M)


def lesson_questions(body: str) -> str | None:
    """The questions a Carpentries Workbench episode asks, the items of its ``questions`` block joined
    (``None`` without one): sandpaper shows them atop the episode, and on the lesson's schedule.

    >>> lesson_questions("::::: objectives\\n\\n- Count.\\n\\n:::::\\n\\n::::: questions\\n\\n- Why sheep?\\n"
    ...                  "- How many?\\n\\n:::::\\n\\nText.\\n")
    'Why sheep? How many?'
    """
    block = _QUESTIONS_BLOCK.search(body) if "questions" in body else None
    items = [" ".join(m.group(1).split()) for m in _LIST_ITEM.finditer(block.group(1))] if block else []
    return " ".join(items) or None


def sandpaper_url(folder: str, stem: str) -> str | None:
    """The url sandpaper (the Carpentries Workbench) gives the page ``stem`` of the lesson's ``folder``: an
    episode's and a learners' page at the site's root, an instructors' page in instructor/, the learner
    profiles joined into one page; ``None`` for a folder it builds no pages from.

    >>> [sandpaper_url(*p) for p in [("episodes", "01-intro"), ("learners", "reference"), ("", "LICENSE"),
    ...                               ("instructors", "instructor-notes"), ("profiles", "novice"), ("bin", "x")]]
    ['/01-intro.html', '/reference.html', '/LICENSE.html', '/instructor/instructor-notes.html', '/profiles.html', None]
    """
    if folder in ("", "episodes", "learners"):
        return f"/{stem}.html"
    if folder == "instructors":
        return f"/instructor/{stem}.html"
    return "/profiles.html" if folder == "profiles" else None


#: the placeholders of a Pelican url pattern: ``{slug}``, ``{category}``, ``{date:%Y}``...
_PELICAN_FIELD = lazy_compile(r"\{(\w+)(?::([^{}]*))?\}")


def pelican_slug(text: str) -> str:
    """A slug as Pelican makes it by default (``SLUG_REGEX_SUBSTITUTIONS``): ASCII, lower case, without
    what is not a letter, digit, ``_``, ``-`` or space, spaces and hyphens made one hyphen.

    >>> pelican_slug("Don't panic: my_first   Post!"), pelican_slug("Café -- au lait")
    ('dont-panic-my_first-post', 'cafe-au-lait')
    """
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip()
    return re.sub(r"[-\s]+", "-", text).lower()


def pelican_url(name: str, data: Mapping[Any, Any], fields: FieldMap) -> str | None:
    """The url a Pelican site gives the file ``name`` (below ``fields.content_dir``) with the metadata
    ``data``: ``fields.page_url`` for a page (below one of ``fields.page_paths``), else
    ``fields.article_url``, filled with its ``slug`` (``Slug``, else its title or file name slugged as
    Pelican slugs them: :func:`pelican_slug`), ``category`` (``Category``, else its folder, else
    ``misc``), ``date`` (``{date:%Y}``), ``lang`` and ``author``. ``None`` when a placeholder has no
    value (an undated post in a ``{date:%Y}`` pattern).

    >>> fields = FieldMap(content_dir="content/", article_url="{slug}.html", page_url="pages/{slug}.html",
    ...                   page_paths=("pages",))
    >>> pelican_url("content/python/a.md", {"title": "Understanding Decorators!"}, fields)
    '/understanding-decorators.html'
    >>> pelican_url("content/pages/about.md", {"title": "About me"}, fields)
    '/pages/about-me.html'
    >>> fields = replace(fields, article_url="{category}/{date:%Y}/{date:%m}/{slug}/")
    >>> pelican_url("content/python/a.md", {"title": "A", "slug": "b", "date": "2024-01-10 10:20"}, fields)
    '/python/2024/01/b/'
    >>> pelican_url("content/python/a.md", {"title": "A", "slug": "b", "date": "September 19, 2023"}, fields)
    '/python/2023/09/b/'
    """
    if not name.startswith(fields.content_dir):
        return None
    inside = name[len(fields.content_dir):]
    folder, _, file_name = inside.rpartition("/")
    page = any(inside.startswith(p.strip("/") + "/") for p in fields.page_paths if p.strip("/"))
    pattern = fields.page_url if page else fields.article_url
    if pattern is None:
        return None
    slug = _text(data.get("slug"))
    if not slug:
        source = file_name.rsplit(".", 1)[0] if fields.slug_source == "basename" else _text(data.get("title"))
        slug = pelican_slug(source or "")
    category = _text(data.get("category")) or folder.rpartition("/")[2] or "misc"
    when = data.get("date")
    if isinstance(when, str):
        written = when
        try:
            when = _dt.datetime.fromisoformat(written.strip().replace("/", "-"))
        except ValueError:  # dateutil's reading, as Pelican's: September 19, 2023
            when = written_date(written)
    author = _text(data.get("author")) or ""
    values: dict[str, Any] = {"slug": slug, "category": pelican_slug(category), "date": when,
                              "lang": _text(data.get("lang")) or "en", "author": pelican_slug(author.split(",")[0])}

    def fill(m: re.Match[str]) -> str:
        value = values.get(m.group(1))
        if isinstance(value, _dt.date):
            return value.strftime(m.group(2)) if m.group(2) else value.isoformat()
        if not value or m.group(2):
            raise LookupError(m.group(0))
        return str(value)

    try:
        path = _PELICAN_FIELD.sub(fill, pattern)
    except (LookupError, ValueError):
        return None
    return "/" + path.lstrip("/")


def nikola_slug(name: str, data: Mapping[Any, Any], languages: Collection[str] = ()) -> str:
    """A Nikola post's slug: its ``slug``, else its file's name (without its language of ``languages``:
    ``hello.es.md``) slugged (Nikola's ``get_meta``: "If no slug is found in the metadata use the filename"),
    as Pelican slugs (:func:`pelican_slug`).

    >>> nikola_slug("posts/2024/20240101-Hello World.md", {}), nikola_slug("posts/a.md", {"slug": "b"})
    ('20240101-hello-world', 'b')
    >>> nikola_slug("posts/hello.es.md", {}, ("es",))
    'hello'
    """
    return _text(data.get("slug")) or pelican_slug(split_language(name.rpartition("/")[2].rsplit(".", 1)[0], languages)[0])


def nikola_url(name: str, data: Mapping[Any, Any], fields: FieldMap) -> str | None:
    """The url a Nikola site gives the file ``name`` with the metadata ``data``: below the destination of
    the first of ``fields.nikola_routes`` (its ``POSTS`` and ``PAGES``) whose folder holds it, in the
    folders the file is in below that one (Nikola walks the glob's folder: ``posts/2024/a.md`` of
    ``("posts/*.md", "blog", ...)`` is in ``blog/2024/``), at its slug (:func:`nikola_slug`) as a folder
    with ``PRETTY_URLS`` (``fields.nikola_pretty``), else as ``.html``; a page's ``pretty_url`` says so
    for it, and one of slug ``index`` is its folder's index (``/``, Nikola's ``STRIP_INDEXES``); a
    translation (``hello.es.md``, of a language of ``fields.nikola_translations``) is below its language's
    folder (``/es/blog/hello/``). ``None`` for a file of no route.

    >>> fields = FieldMap(nikola_routes=(("posts/", "blog"), ("pages/", "")))
    >>> nikola_url("posts/2024/x.md", {"slug": "hello"}, fields), nikola_url("pages/home.md", {"slug": "index"}, fields)
    ('/blog/2024/hello/', '/')
    >>> nikola_url("pages/about.md", {"pretty_url": "False"}, fields), nikola_url("notes/a.md", {}, fields)
    ('/about.html', None)
    >>> nikola_url("posts/x.es.md", {"slug": "hello"}, replace(fields, nikola_translations=(("es", "es"),)))
    '/es/blog/hello/'
    """
    route = next((r for r in fields.nikola_routes if name.startswith(r[0])), None)
    if route is None:
        return None
    folder = name[len(route[0]):].rpartition("/")[0]
    translations = dict(fields.nikola_translations)
    language = split_language(name.rpartition("/")[2].rsplit(".", 1)[0], translations)[1]
    slug = nikola_slug(name, data, translations)
    own = (_text(data.get("pretty_url")) or "").strip().lower()
    pretty = own == "true" if own in ("true", "false") else fields.nikola_pretty
    path = "/".join(p for p in (*(translations[language].split("/") if language else ()), *route[1].split("/"),
                                *folder.split("/")) if p)
    prefix = f"/{path}/" if path else "/"
    if slug == "index":
        return prefix
    return f"{prefix}{slug}/" if pretty else f"{prefix}{slug}.html"


_PAGE_VARIABLE = lazy_compile(r"\{\{-?\s*(page\.fileSlug|page\.filePathStem|[A-Za-z_]\w*)\s*(?:\|\s*(slugify|slug)\s*)?-?\}\}")
_DATED_FILE = lazy_compile(r"^\d{4}-\d{2}-\d{2}-")


def eleventy_permalink(template: str, name: str, content_dir: str = "", data: Mapping[Any, Any] | None = None) -> str | None:
    """The url an Eleventy permalink ``template`` gives the file ``name`` (below the input folder
    ``content_dir``) when it is made of the file's own path: ``page.fileSlug`` (the file name, without
    a leading date; an ``index`` file's is its folder's) and ``page.filePathStem`` (the path without
    suffix), as they are or through ``slugify``, or of its own fields (its ``data``: ``{{ slug }}`` as written,
    ``{{ title | slugify }}`` slugged as Eleventy's ``slugify`` filter slugs, @sindresorhus/slugify without
    decamelizing); ``None`` when it uses anything else (a tag, pagination, the ``slug`` filter on a field),
    which names no one page here.

    >>> eleventy_permalink("/blog/{{ page.fileSlug }}/", "src/posts/2020-01-02-hello.md", "src/")
    '/blog/hello/'
    >>> eleventy_permalink("{{ page.filePathStem }}.html", "src/posts/index.md", "src/"), eleventy_permalink("/t/{{ tag }}/", "a.md")
    ('/posts/index.html', None)
    >>> eleventy_permalink("/p/{{ title | slugify }}/", "a.md", "", {"title": "Hello World & You"})
    '/p/hello-world-and-you/'
    """
    stem_path = name.removeprefix(content_dir).rsplit(".", 1)[0]
    folder, _, stem = stem_path.rpartition("/")
    file_slug = folder.rpartition("/")[2] if stem == "index" else _DATED_FILE.sub("", stem)
    values = {"page.fileSlug": file_slug, "page.filePathStem": "/" + stem_path}
    unknown = False

    def value(m: re.Match[str]) -> str:
        nonlocal unknown
        found = values.get(m.group(1))
        if found is None:  # one of the page's own fields, as written or through the slugify filter
            given = (data or {}).get(m.group(1))
            text = scalar_text(given).strip() if isinstance(given, (str, int, float)) else None
            made = text if text is None or not m.group(2) else (
                sindresorhus_slug(text, decamelize=False) if m.group(2) == "slugify" else None)
            unknown = unknown or not made
            return made or m.group(0)
        return slugify(found) if m.group(2) else found

    url = _PAGE_VARIABLE.sub(value, template)
    return None if unknown or _TEMPLATE.search(url) else re.sub(r"/{2,}", "/", url)


def cascade(name: str, data_files: tuple[tuple[str, str], ...],
            front_matter: Mapping[Any, Any]) -> tuple[dict[Any, Any], dict[str, str]]:
    """The data of the file ``name`` in an Eleventy site: the data of its folders' directory data
    files (from the top down), of its template data file and its ``front_matter``, each over the
    ones before (Eleventy's data cascade); and the top-level fields only the data files give, with
    where they give them (the folder, or the file's path without suffix).

    Mappings are merged and lists joined, as Eleventy merges its data (``tags`` from a folder's data
    and from the front matter are all the file's); a field named ``override:x`` replaces ``x``.

    >>> files = (("posts/", '{"tags": ["post"], "layout": "post.njk", "permalink": false}'),)
    >>> cascade("posts/a.md", files, {"tags": "css", "permalink": "/a/"})
    ({'tags': ['post', 'css'], 'layout': 'post.njk', 'permalink': '/a/'}, {'layout': 'posts/'})
    """
    table = _data_table(data_files)
    data: dict[Any, Any] = {}
    given: dict[str, str] = {}
    where = ""
    chain = []
    for part in name.split("/")[:-1]:
        where += part + "/"
        if where in table:
            chain.append(where)
    if name.rsplit(".", 1)[0] in table:
        chain.append(name.rsplit(".", 1)[0])
    for at in chain:
        data = merge_data(data, table[at])
        given.update((str(k).removeprefix("override:"), at) for k in table[at])
    data = merge_data(data, front_matter)
    for key in front_matter:  # the file's own, merged or not: its line is in the file
        given.pop(str(key).removeprefix("override:"), None)
    return data, given


def merge_data(low: Mapping[Any, Any], high: Mapping[Any, Any]) -> dict[Any, Any]:
    """``high`` over ``low``, as Eleventy merges two sources of data: mappings merged, lists joined,
    ``override:x`` replacing ``x``; a ``tags`` text is a list of that one tag.

    >>> merge_data({"tags": "a", "x": {"y": 1}, "z": [1]}, {"tags": ["b"], "x": {"w": 2}, "override:z": [2]})
    {'tags': ['a', 'b'], 'x': {'y': 1, 'w': 2}, 'z': [2]}
    """
    out = dict(low)
    for key, value in high.items():
        if isinstance(key, str) and key.startswith("override:"):
            out[key.removeprefix("override:")] = value
            continue
        before = out.get(key)
        if key == "tags" and before is not None:
            before = [before] if isinstance(before, str) else before
            value = [value] if isinstance(value, str) else value
        if isinstance(before, dict) and isinstance(value, dict):
            out[key] = merge_data(before, value)
        elif isinstance(before, list) and isinstance(value, list):
            out[key] = before + value
        else:
            out[key] = value
    return out


@functools.lru_cache(maxsize=4)
def _data_table(data_files: tuple[tuple[str, str], ...]) -> dict[str, dict[str, Any]]:
    """The data files of a field map, read once per process: where they apply -> their data."""
    return {where: json.loads(text) for where, text in data_files}


def jekyll_defaults(path: str, kind: str, defaults: tuple[tuple[str, str, str], ...],
                    front_matter: Mapping[Any, Any]) -> dict[Any, Any]:
    """The data of the file at ``path`` (from the site's root) of the type ``kind`` (``pages``,
    ``posts``, ``drafts`` or a collection's name) in a Jekyll site: its ``front_matter`` over the
    values of the ``defaults`` (``(path, type, JSON)``) whose scope it is in, as Jekyll merges them:
    a scope's path is a prefix of the file's (or a glob, ``docs/*``, matching one of its folders),
    its type is the file's when it gives one; the longer path wins, then the scope with a type, then
    the later; mappings are merged, any other value replaced.

    >>> defaults = (("", "posts", '{"layout": "post", "tags": ["x"]}'), ("blog", "", '{"tags": ["b"], "c": {"a": 1}}'))
    >>> jekyll_defaults("blog/_posts/2020-01-01-a.md", "posts", defaults, {"c": {"b": 2}})
    {'layout': 'post', 'tags': ['b'], 'c': {'a': 1, 'b': 2}}
    >>> jekyll_defaults("about.md", "pages", defaults, {"tags": ["mine"]})
    {'tags': ['mine']}
    """
    table = _defaults_table(defaults)
    data: dict[Any, Any] = {}
    best: tuple[str, str] | None = None
    for scope_path, scope_type, values in table:
        if scope_type and scope_type != kind or not _in_scope(path, scope_path):
            continue
        ahead = best is None or (len(scope_path) > len(best[0]) if len(scope_path) != len(best[0]) else
                                 bool(scope_type) or not best[1])
        if ahead:
            data, best = _deep_merge(data, values), (scope_path, scope_type)
        else:
            data = _deep_merge(values, data)
    return _deep_merge(data, front_matter)


@functools.lru_cache(maxsize=4)
def _defaults_table(defaults: tuple[tuple[str, str, str], ...]) -> list[tuple[str, str, dict[Any, Any]]]:
    """A field map's Jekyll defaults, read once per process: (path without outer slashes, type
    in its plural, values)."""
    plural = {"page": "pages", "post": "posts", "draft": "drafts"}  # Jekyll reads the old names so
    return [(path.strip().strip("/").removeprefix("./"), plural.get(kind, kind), json.loads(values))
            for path, kind, values in defaults]


def _in_scope(path: str, scope: str) -> bool:
    """Whether a Jekyll defaults scope's ``scope`` path holds the file at ``path``: it is a prefix
    of it, or a glob that the file or one of its folders matches (``*`` within a name).

    >>> _in_scope("docs/a.md", "docs"), _in_scope("docs-old/a.md", "docs"), _in_scope("x/_posts/a.md", "*/_posts")
    (True, True, True)
    """
    if "*" not in scope:
        return path.startswith(scope)
    parts = path.split("/")
    return any(fnmatch.fnmatchcase("/".join(parts[:n]), scope) and "/".join(parts[:n]).count("/") == scope.count("/")
               for n in range(1, len(parts) + 1))


def _deep_merge(low: Mapping[Any, Any], high: Mapping[Any, Any]) -> dict[Any, Any]:
    """``high`` over ``low``, mappings merged (Jekyll's ``deep_merge_hashes``)."""
    out = dict(low)
    for key, value in high.items():
        before = out.get(key)
        out[key] = _deep_merge(before, value) if isinstance(before, dict) and isinstance(value, dict) else value
    return out


def nav_key(url: str) -> str | None:
    """A url as a navigation's sections and a page's url are matched by: its path, without its ``#part``
    or query, an ``index.html`` or ``.html`` ending, or a closing ``/`` (the root is ``""``); ``None`` for
    another site's url.

    >>> nav_key("/docs/"), nav_key("/docs/usage.html#top"), nav_key("/tutorials/index.html"), nav_key("https://x.org/a")
    ('/docs', '/docs/usage', '/tutorials', None)
    """
    url = url.strip().partition("#")[0].partition("?")[0]
    if "://" in url or url.startswith("//"):
        return None
    url = "/" + url.lstrip("/")
    url = url.removesuffix("index.html").removesuffix(".html") if url.endswith(".html") else url
    return url.rstrip("/")


def nav_section(url: str | None, aliases: Sequence[str], sections: tuple[tuple[str, str], ...]) -> str | None:
    """The section of a site's navigation (``FieldMap.nav_sections``) that lists the page at ``url`` (or at one
    of its ``aliases``, the old urls a redirect sends on to it), else the section of the nearest page above
    it that the navigation lists, where the pages listed below that one are all in its section
    (``/docs/configuration/options/`` is where ``/docs/configuration/`` is; ``/docs/``, above pages of
    every section, files none).

    >>> nav = (("/docs", "Start"), ("/docs/config", "Build"), ("/docs/posts", "Content"))
    >>> nav_section("/docs/config/options/", (), nav), nav_section("/docs/old/", ("/docs/posts/",), nav)
    ('Build', 'Content')
    >>> nav_section("/docs/other/", (), nav) is None
    True
    """
    listed, hubs = _nav_index(sections)
    keys = [k for k in (nav_key(u) for u in (url or "", *aliases) if u) if k is not None]
    for key in keys:
        if key in listed:
            return listed[key]
    parts = keys[0].split("/") if keys and url else []
    for end in range(len(parts) - 1, 0, -1):
        above = "/".join(parts[:end])
        if above in listed and above not in hubs:
            return listed[above]
    return None


@functools.lru_cache(maxsize=8)
def _nav_index(sections: tuple[tuple[str, str], ...]) -> tuple[dict[str, str], frozenset[str]]:
    """The sections by url, and the listed urls above listed pages of another section than their own."""
    listed: dict[str, str] = {}
    for key, section in sections:
        listed.setdefault(key, section)
    hubs = set()
    for key, section in listed.items():
        parts = key.split("/")
        for end in range(1, len(parts)):
            above = "/".join(parts[:end])
            if listed.get(above, section) != section:
                hubs.add(above)
    return listed, frozenset(hubs)


def mounted_name(name: str, fields: FieldMap) -> str:
    """The name the file ``name`` has in the site's content where the site mounts its folder there
    (``fields.content_mounts``), as Hugo sees it; ``name`` itself elsewhere.

    >>> dapr = FieldMap(content_dir="site/content/", content_mounts=(("sdk/go/docs/", "site/content/sdks/go/"),))
    >>> mounted_name("sdk/go/docs/client/_index.md", dapr), mounted_name("site/content/a.md", dapr)
    ('site/content/sdks/go/client/_index.md', 'site/content/a.md')
    """
    for folder, seen_as in fields.content_mounts:
        if name.startswith(folder):
            return seen_as + name[len(folder):]
    return name


def site_path(name: str, fields: FieldMap) -> str:
    """The path of the corpus's file ``name`` from its Jekyll site's root: below ``exclude_root`` where the
    folder read is inside the site (``_docs/``), without ``content_dir`` where the site is a folder of the
    one read (a repository's ``docs/``).

    >>> site_path("docs/_posts/2020-01-01-a.md", FieldMap(content_dir="docs/")), site_path("a.md", FieldMap(exclude_root="_docs/"))
    ('_posts/2020-01-01-a.md', '_docs/a.md')
    """
    return fields.exclude_root + (name[len(fields.content_dir):] if fields.content_dir and name.startswith(
        fields.content_dir) and not fields.hexo else name)


def _jekyll_type(name: str, fields: FieldMap) -> str:
    """The type of the file ``name`` (from the site's root) in a Jekyll site, as its defaults' scopes name types: ``posts``
    (in a ``_posts/`` folder), ``drafts``, a collection's name, else ``pages``."""
    folders = name.split("/")[:-1]
    for kind in ("posts", "drafts"):
        if f"_{kind}" in folders:
            return kind
    for entry in fields.collections:
        folder = entry.partition("=")[0].rstrip("/")
        if name.startswith(folder + "/"):
            return folder.rpartition("/")[2].lstrip("_")
    return "pages"


#: Jekyll's permalink styles, by name
PERMALINK_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}


def post_permalink(name: str, pattern: str, data: Mapping[Any, Any], *, undated: bool = False,
                   timezone: str = "", hexo: FieldMap | None = None) -> str | None:
    """The url Jekyll gives the post ``name`` (a file in a ``_posts/`` folder, named
    ``YYYY-MM-DD-slug``) by the site's ``permalink`` setting ``pattern`` (a style's name or a
    pattern), from its front matter ``data`` (``categories``, ``category``, ``slug``, ``date``: the
    moment it is in the site's ``timezone``, :func:`_post_moment`); ``None`` for any other file.
    Categories are the folders above ``_posts/`` and the front matter's, lower-cased; empty parts
    fold away.

    >>> post_permalink("blog/_posts/2019-03-10-hello-world.md", "pretty", {"categories": "News"})
    '/blog/news/2019/03/10/hello-world/'
    >>> post_permalink("_posts/2019-03-10-hello-world.md", "/:year/:title:output_ext", {}), post_permalink("about.md", "pretty", {})
    ('/2019/hello-world.html', None)
    >>> post_permalink("_posts/2018-05-03-.md", "date", {}), post_permalink("_posts/2018-05-03-.md", "pretty", {})
    ('/2018/05/03/.html', '/2018/05/03/')

    ``undated``: a post need not be named by its date (Hexo's): its date is then its ``date``
    field's, its ``:title`` its path below ``_posts/``, and its categories its own (the first
    a hierarchy's top), slugged as Hexo slugs them.

    >>> post_permalink("source/_posts/tips/py.md", ":year/:month/:day/:title/", {"date": "2024-01-05 10:00"}, undated=True)
    '/2024/01/05/tips/py/'

    ``hexo``: the post is Hexo's, its url made as Hexo makes it (:func:`hexo_post_values`), a file
    named by a date or not.
    """
    parts = name.split("/")
    if "_posts" not in parts[:-1]:
        return None
    if hexo is not None:
        return _hexo_stringify(pattern, hexo_post_values("/".join(parts[parts.index("_posts") + 1:]), data, hexo))
    stem = parts[-1].rsplit(".", 1)[0]
    dated = POST_FILE.match(stem)
    if dated is None and undated:
        return _undated_permalink(parts[parts.index("_posts") + 1:], pattern, data)
    if dated is None:
        return None
    year, month, day, slug = dated.groups()
    slug = slug.rstrip(".")  # Jekyll's: a slug ends with no period
    given = data.get("slug")
    if isinstance(given, str) and given.strip():
        slug = given.strip()
    # a date in the front matter dates the post, not its file's name
    when = _post_moment(data.get("date"), timezone) or _day(f"{year}-{month}-{day}")
    if when is None:
        return None
    values = {**_date_values(when), "title": jekyll_slug(slug, pretty=True), "slug": jekyll_slug(slug), "name": jekyll_slug(stem),
              **_category_values([p for p in parts[: parts.index("_posts")] if p], data),
              "output_ext": ".html", "collection": "posts"}
    template = PERMALINK_STYLES.get(pattern.strip(), pattern.strip())
    url = re.sub(r":([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), template)
    url = re.sub(r"/{2,}", "/", "/" + url)
    return url


def jekyll_slug(text: str, *, pretty: bool = False) -> str:
    """``text`` slugged as Jekyll slugs a page's name for its url: each run of characters but
    letters, marks and digits (and, ``pretty``, ``._~!$&'()+,;=@``) a hyphen, none at either end;
    a ``pretty`` slug (a permalink's ``:title``) keeps its case, a plain one (``:slug``, ``:name``)
    is lower-cased. A post named ``2008-03-10--rails-2008.md`` is at ``.../rails-2008/``.

    >>> jekyll_slug("-rails-2008", pretty=True), jekyll_slug("Hello World", pretty=True), jekyll_slug("My Post!")
    ('rails-2008', 'Hello-World', 'my-post')
    >>> jekyll_slug("c++ tips", pretty=True), jekyll_slug("日本語 の記事"), jekyll_slug("a_b~c(d)", pretty=True)
    ('c++-tips', '日本語-の記事', 'a_b~c(d)')
    """
    kept = "._~!$&'()+,;=@" if pretty else ""
    slug = "".join(c if c in kept or unicodedata.category(c)[0] in "LM" or unicodedata.category(c) == "Nd" else "\0"
                   for c in text)
    slug = re.sub("\0+", "-", slug).removeprefix("-").removesuffix("-")
    return slug if pretty else slug.lower()


_DAY = lazy_compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
#: a day written without its leading zeros (``2018-2-28``), and no more digits after it
_UNPADDED_DATE = lazy_compile(r"^\d{4}-\d{1,2}-\d{1,2}(?!\d)")
_SLASHED_DATE = lazy_compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")


def _slashed_date(text: str) -> str | None:
    """A date written ``YYYY/MM/DD`` (and a time or not) with its day as ISO writes it, ``None`` for any other.

    >>> _slashed_date("2012/09/15 19:52:05"), _slashed_date("2013/4/7"), _slashed_date("2013/02/30")
    ('2012-09-15 19:52:05', '2013-04-07', None)
    """
    m = _SLASHED_DATE.match(text)
    try:
        return _dt.date(*(int(g) for g in m.groups())).isoformat() + text[m.end():] if m else None
    except ValueError:
        return None
#: the placeholders of a Jekyll permalink that a date fills in (:func:`_date_values`)
_DATE_PLACEHOLDERS = lazy_compile(r":(year|month|day|i_month|i_day|short_year|y_day|short_month|long_month|w_year|week"
                                r"|w_day|short_day|long_day|hour|minute|second)(?![a-z_])")


def _date_values(when: _dt.date) -> dict[str, str]:
    """The values of a Jekyll permalink's date placeholders for the moment ``when`` (a day: its
    midnight), as Jekyll's url drop writes them with Ruby's ``strftime``, whose names of months and
    days are English whatever the locale: ``:short_month`` ``%b``, ``:week`` the ISO week ``%V`` of the
    ISO year ``:w_year`` ``%G``, ``:w_day`` ``%u`` (Monday 1), ``:short_day`` ``%a``, ``:hour`` ``%H``.

    >>> values = _date_values(_dt.datetime(2021, 1, 3, 9, 5))  # a Sunday of the 53rd week of 2020
    >>> [values[k] for k in ("year", "w_year", "week", "w_day", "short_day", "long_day", "short_month", "hour",
    ...                      "minute")]
    ['2021', '2020', '53', '7', 'Sun', 'Sunday', 'Jan', '09', '05']
    >>> all(_DATE_PLACEHOLDERS.fullmatch(f":{name}") for name in values)  # a document without a date has none
    True
    """
    year, month, day = f"{when.year:04d}", f"{when.month:02d}", f"{when.day:02d}"
    w_year, week, w_day = when.isocalendar()
    clock = when if isinstance(when, _dt.datetime) else _dt.time()
    return {"year": year, "month": month, "day": day, "i_month": str(when.month), "i_day": str(when.day),
            "short_year": year[2:], "y_day": f"{when.timetuple().tm_yday:03d}",
            "short_month": _MONTHS[when.month - 1][:3], "long_month": _MONTHS[when.month - 1],
            "w_year": str(w_year), "week": f"{week:02d}", "w_day": str(w_day),
            "short_day": _WEEKDAYS[w_day - 1][:3], "long_day": _WEEKDAYS[w_day - 1],
            "hour": f"{clock.hour:02d}", "minute": f"{clock.minute:02d}", "second": f"{clock.second:02d}"}


def _category_values(folders: Sequence[str], data: Mapping[Any, Any]) -> dict[str, str]:
    """The values of a Jekyll permalink's ``:categories`` and ``:slugified_categories``: the
    ``folders`` (above a ``_posts/``), then the front matter's ``categories`` (a text is a list) and
    ``category`` (one, whatever its spaces), lower-cased, each once, in the order of Jekyll's
    ``Document#populate_categories``: the categories it holds (the folders' and, merged after them,
    the front matter's ``categories``), then ``category`` and ``categories`` again.

    >>> _category_values(["blog"], {"category": "Beta", "categories": "Alpha Gamma"})["categories"]
    'blog/alpha/gamma/beta'
    """
    categories = list(folders)
    for key in ("categories", "category"):
        value = data.get(key)
        items = value if isinstance(value, list) else [] if not isinstance(value, str) else \
            [value] if key == "category" else value.split()
        categories += [str(c) for c in items if isinstance(c, (str, int, float)) and str(c).strip()]
    return {"categories": "/".join(dict.fromkeys(c.lower() for c in categories)),
            "slugified_categories": "/".join(dict.fromkeys(slugify(c) for c in categories))}


def _day(when: Any) -> _dt.date | None:
    """The day a front matter's ``date`` gives, as it is written (a date, a time, a text that starts
    with ``YYYY-MM-DD``); ``None`` for anything else.

    >>> _day("2020-08-08 10:00:00 +0000"), _day(_dt.date(2020, 1, 2)), _day("soon"), _day("2020-02-30")
    (datetime.date(2020, 8, 8), datetime.date(2020, 1, 2), None, None)
    """
    if isinstance(when, _dt.datetime):
        return when.date()
    if isinstance(when, _dt.date):
        return when
    found = _DAY.match(when) if isinstance(when, str) else None
    try:
        return _dt.date(*(int(g) for g in found.groups())) if found else None
    except ValueError:
        return None


#: a date with a time, and where it was if it says (``2019-04-01 06:00:00 +0900``, ``2013-02-22 13:08:51 UTC``,
#: ``...T01:00Z``)
_DATE_TIME_ZONE = lazy_compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*"
                             r"(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\s*$", re.IGNORECASE)


def _post_moment(when: Any, timezone: str = "") -> _dt.date | None:
    """The moment a Jekyll post's front matter ``date`` dates its url, on the site's clock: a time
    (a naive ``datetime``), or a day where ``date`` gives no time. Jekyll reads a time written
    with its zone's offset in the site's ``timezone`` (its config's, else the build's: UTC on
    GitHub Pages), so a Tokyo morning is the day before in UTC; a time without one is the site's
    own, as written; so is every time when ``timezone`` is ``""`` (not Jekyll's).

    >>> _post_moment("2019-04-01 06:00:00 +0900", "UTC"), _post_moment("2019-04-01 23:30 -05:00", "Asia/Tokyo")
    (datetime.datetime(2019, 3, 31, 21, 0), datetime.datetime(2019, 4, 2, 13, 30))
    >>> _post_moment("2013-02-22 13:08:51 UTC", "America/New_York"), _post_moment("2019-04-01 06:00:00", "UTC")
    (datetime.datetime(2013, 2, 22, 8, 8, 51), datetime.datetime(2019, 4, 1, 6, 0))
    >>> _post_moment("2019-04-01 06:00:00 +0900"), _post_moment("soon", "UTC")
    (datetime.datetime(2019, 4, 1, 6, 0), None)
    >>> _post_moment(_dt.date(2020, 1, 2), "UTC")
    datetime.date(2020, 1, 2)
    """
    zone: _dt.tzinfo = _dt.timezone.utc
    try:
        zone = _zoneinfo.ZoneInfo(timezone) if timezone else zone
    except (ValueError, _zoneinfo.ZoneInfoNotFoundError):
        pass  # a zone the system does not know: Ruby's, as a C library's, is UTC
    if isinstance(when, _dt.datetime):
        return (when.astimezone(zone) if timezone and when.tzinfo is not None else when).replace(tzinfo=None)
    found = _DATE_TIME_ZONE.match(when) if isinstance(when, str) else None
    if found is None:
        return _day(when)
    *parts, offset = found.groups()
    try:
        year, month, day, hour, minute, second = (int(p or 0) for p in parts)
        written = _dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    if not timezone or offset is None:
        return written
    if offset.upper() in ("Z", "UTC", "GMT"):
        where = _dt.timezone.utc
    else:
        digits = offset[1:].replace(":", "")
        where = _dt.timezone((-1 if offset[0] == "-" else 1) * _dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    return written.replace(tzinfo=where).astimezone(zone).replace(tzinfo=None)


def _undated_permalink(below: Sequence[str], pattern: str, data: Mapping[Any, Any]) -> str | None:
    """The url Hexo gives the post at ``below`` (its path below ``_posts/``) by the site's
    ``permalink`` pattern: dated by its ``date`` field (``None`` without one: Hexo dates it by the
    file's creation, which a copy of the site does not keep)."""
    day = _day(data.get("date"))
    if day is None:
        return None
    path = "/".join(below).rsplit(".", 1)[0]
    value = data.get("categories", data.get("category"))
    items = value if isinstance(value, list) else [value] if isinstance(value, (str, int, float)) else []
    categories = [slugify(str(c)) for c in items if isinstance(c, (str, int, float)) and str(c).strip()]
    values = {
        "year": f"{day.year:04d}", "month": f"{day.month:02d}", "day": f"{day.day:02d}", "i_month": str(day.month),
        "i_day": str(day.day), "title": path, "name": path.rpartition("/")[2], "post_title": path,
        "categories": "/".join(categories) or "uncategorized",
    }
    url = re.sub(r":([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), pattern.strip())
    return re.sub(r"/{2,}", "/", "/" + url)


#: a placeholder of a Hexo permalink or ``new_post_name`` (hexo-util's ``Permalink``: word characters, the
#: last no ``_``), and what ``new_post_name`` reads a date's placeholders as
_HEXO_PARAM = lazy_compile(r":(\w*[^_\W])")
_HEXO_SEGMENTS = {"year": r"(\d{4})", "month": r"(\d{2})", "day": r"(\d{2})", "i_month": r"(\d{1,2})",
                  "i_day": r"(\d{1,2})", "hash": r"([0-9a-f]{12})"}
#: what a post's file name gives that is not copied to its data (hexo's post processor's preservedKeys)
_HEXO_PRESERVED = frozenset(("title", "year", "month", "day", "i_month", "i_day", "hash"))
#: a Hexo permalink's placeholders of the post's date
_HEXO_DATE_KEYS = ("year", "month", "day", "i_month", "i_day")
#: a Hexo permalink's placeholders this reading cannot give: the time of day, the post's id and hash, and the
#: date's of a post without a date
_HEXO_UNKNOWN = frozenset(("hour", "minute", "second", "id", "hash", *_HEXO_DATE_KEYS))
_HEXO_SPECIAL = lazy_compile(r"""[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:"'<>,.?/]+""")


def hexo_slugize(text: str, transform: int = 0) -> str:
    """``text`` as hexo-util's ``slugize`` makes a slug of it: accents dropped, each run of blanks and
    ASCII punctuation one hyphen, none at either end, other letters kept (``日本語``); its ``transform``
    1 lower case, 2 upper case, else as written.

    >>> hexo_slugize("Hello, World!"), hexo_slugize("Café Crème", 1), hexo_slugize("Web_Dev 2.0")
    ('Hello-World', 'cafe-creme', 'Web-Dev-2-0')
    >>> hexo_slugize("日本 語")
    '日本-語'

    """
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    slug = _HEXO_SPECIAL.sub("-", re.sub(r"[\x00-\x1f]", "", text)).strip("-")
    return slug.lower() if transform == 1 else slug.upper() if transform == 2 else slug


def hexo_post_slug(below: str, post_name: str = ":title.md") -> tuple[str, dict[str, str]]:
    """The slug Hexo gives its post at ``below`` (its path below ``_posts/``), and what else its name
    gives, as its post processor reads the path (without its suffix) by the config's ``new_post_name``
    (``post_name``): its ``:title`` the slug, the whole path by the default ``:title.md``; a path the
    pattern does not match is slugged whole (:func:`hexo_slugize`).

    >>> hexo_post_slug("tips/py.md"), hexo_post_slug("2019-03-10-hi.md", ":year-:month-:day-:title.md")
    (('tips/py', {'title': 'tips/py'}), ('hi', {'year': '2019', 'month': '03', 'day': '10', 'title': 'hi'}))
    """
    path = below.rsplit(".", 1)[0] if "." in below.rpartition("/")[2] else below
    rule = post_name.rsplit(".", 1)[0] if "." in post_name.rpartition("/")[2] else post_name
    params: list[str] = []

    def segment(m: re.Match[str]) -> str:
        params.append(m.group(1))
        return _HEXO_SEGMENTS.get(m.group(1), "(.+?)")

    found = re.match(f"^{_HEXO_PARAM.sub(segment, re.escape(rule))}$", path)
    info = dict(zip(params, found.groups())) if found else {}
    return info.get("title") or hexo_slugize(path), info


def hexo_post_values(below: str, data: Mapping[Any, Any], fields: FieldMap) -> dict[str, str]:
    """What the placeholders of a Hexo site's permalink are for its post at ``below`` (its path below
    ``_posts/``) with the front matter ``data``, as Hexo's post processor and ``post_permalink`` filter make
    them: its path (without its suffix) read by the config's ``new_post_name`` (``fields.hexo_post_name``)
    gives its slug, ``:title`` (the whole path by the default ``:title.md``: ``2019-03-10-hi.md`` is
    ``2019-03-10-hi``; ``hi`` by ``:year-:month-:day-:title.md``, which dates it too where its ``date``
    does not) and ``:name`` its last part; ``:post_title`` is its ``title`` field slugged lower-case,
    ``:category`` its last category's slug (under its parents', ``Tech/Web-Dev``); every other field of its
    front matter is a placeholder too, and the config's ``permalink_defaults`` stand for those it has not.
    A post without a date has no date's values (Hexo dates it by its file's creation, which a copy does not
    keep): a permalink without them (``:title/``) still places it.

    >>> hexo = FieldMap(hexo_post_name=":year-:month-:day-:title.md")
    >>> v = hexo_post_values("2019-03-10-hi.md", {"title": "Hi there", "categories": ["Tech", "Web Dev"]}, hexo)
    >>> v["title"], v["year"], v["post_title"], v["category"]
    ('hi', '2019', 'hi-there', 'Tech/Web-Dev')
    >>> hexo_post_values("2019-03-10-hi.md", {"date": "2020-05-06"}, FieldMap())["title"]
    '2019-03-10-hi'
    """
    slug, info = hexo_post_slug(below, fields.hexo_post_name)
    given = _day(data.get("date"))
    if given is None and info.get("year") and (info.get("month") or info.get("i_month")) and (
            info.get("day") or info.get("i_day")):
        given = _day(f"{info['year']}-{int(info.get('month') or info['i_month']):02d}-"
                     f"{int(info.get('day') or info['i_day']):02d}")
    values = {key: scalar_text(value) for key, value in data.items() if isinstance(key, str)
              and isinstance(value, (str, int, float)) and not isinstance(value, bool)}
    values.update((key, value) for key, value in info.items() if key not in _HEXO_PRESERVED)
    title = data.get("title")
    value = data.get("categories", data.get("category"))
    items = value if isinstance(value, list) else [value] if value is not None else []
    last = items[-1] if items and isinstance(items[-1], list) else items  # a list of hierarchies: the last one
    names = [str(c) for c in last if isinstance(c, (str, int, float)) and str(c).strip()]
    mapped = dict(fields.hexo_category_map)
    values.update({
        "title": slug, "name": slug.rpartition("/")[2],
        "post_title": hexo_slugize(title if isinstance(title, str) else "", 1),
        **({"category": "/".join(hexo_slugize(mapped.get(n, n), fields.hexo_filename_case) for n in names)}
           if names else {})})
    for key in _HEXO_DATE_KEYS:  # its date's, never a field's: Hexo sets them first
        values.pop(key, None)
    if given is not None:
        values.update({"year": f"{given.year:04d}", "month": f"{given.month:02d}", "day": f"{given.day:02d}",
                       "i_month": str(given.month), "i_day": str(given.day)})
    for key, default in fields.hexo_defaults:
        values.setdefault(key, default)
    return values


def _hexo_stringify(pattern: str, values: Mapping[str, str]) -> str | None:
    """The url the Hexo permalink ``pattern`` gives a post of placeholder ``values``
    (:func:`hexo_post_values`), from the site's root; a placeholder no value stands for is written
    ``undefined``, as Hexo writes it; ``None`` where the pattern names the time of day, the post's id or
    hash, or the date of a post without one, which this reading does not know."""
    if any(m.group(1) in _HEXO_UNKNOWN and m.group(1) not in values for m in _HEXO_PARAM.finditer(pattern)):
        return None
    url = _HEXO_PARAM.sub(lambda m: values.get(m.group(1), "undefined"), pattern.strip())
    return re.sub(r"/{2,}", "/", "/" + url)


def collection_permalink(name: str, collections: tuple[str, ...], data: Mapping[Any, Any], style: str = "date",
                         own: str | None = None, timezone: str = "") -> str | None:
    """The url Jekyll gives the document ``name`` of a collection it outputs: ``collections``
    are ``folder=pattern`` (``_recipes=/recipes/:name/``), ``data`` its front matter (``slug``),
    ``own`` a pattern of its own (its ``permalink``, from its front matter or the config's
    defaults); ``None`` for a file in none of them. Jekyll's default pattern is
    ``/:collection/:path``, ended as the site's permalink ``style`` ends its pages
    (:func:`permalink_suffix`).

    >>> collection_permalink("_recipes/sweet/pancakes.md", ("_recipes=/recipes/:name/",), {})
    '/recipes/pancakes/'
    >>> collection_permalink("_docs/a/Intro.md", ("_docs=",), {}), collection_permalink("_docs/a/Intro.md", ("_docs=",), {}, "pretty")
    ('/docs/a/Intro.html', '/docs/a/Intro/')
    >>> collection_permalink("_docs/a/Intro.md", ("_docs=",), {}, own="/manual/:name/"), collection_permalink("about.md", ("_docs=",), {})
    ('/manual/intro/', None)

    A document is dated as a post is, by its front matter's ``date`` (in the site's ``timezone``),
    else its file's name (``2020-01-01-meetup.md``, whose ``:title`` is ``meetup``); one without a
    date has no url by a pattern with a date's placeholders (Jekyll dates it by the time of the
    build). Its ``:title``, ``:slug`` and ``:name`` are slugged as a post's (:func:`jekyll_slug`).

    >>> events = ("_events=/events/:year/:title/",)
    >>> collection_permalink("_events/2020-01-01-meetup.md", events, {}), collection_permalink("_events/x.md", events, {})
    ('/events/2020/meetup/', None)
    """
    for entry in collections:
        folder, _, pattern = entry.partition("=")
        if not name.startswith(folder.rstrip("/") + "/"):
            continue
        inside = name[len(folder.rstrip("/")) + 1:].rsplit(".", 1)[0]
        stem = inside.rpartition("/")[2]
        dated = POST_FILE.match(stem)
        given = data.get("slug")
        slug = given.strip() if isinstance(given, str) and given.strip() else (dated.group(4) if dated else stem).rstrip(".")
        when = _post_moment(data.get("date"), timezone) or (_day("-".join(dated.groups()[:3])) if dated else None)
        values = {"collection": folder.rstrip("/").rpartition("/")[2].lstrip("_"), "path": inside, "name": jekyll_slug(stem),
                  "title": jekyll_slug(slug, pretty=True), "slug": jekyll_slug(slug), "output_ext": ".html",
                  **_category_values((), data),
                  **(_date_values(when) if when else {})}
        template = own or pattern.strip() or "/:collection/:path" + permalink_suffix(style)
        if when is None and _DATE_PLACEHOLDERS.search(template):
            return None
        url = re.sub(r":([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), template)
        return re.sub(r"/{2,}", "/", "/" + url)
    return None


def permalink_suffix(style: str) -> str:
    """How a Jekyll site's permalink ``style`` ends the urls of its pages and of its collections'
    documents: ``/`` (``pretty``, or a pattern ending so), ``:output_ext`` (``date``, ``ordinal``,
    ``none``, or a pattern ending so) or nothing (a url without suffix, written as ``.html``), as
    Jekyll's ``Utils.add_permalink_suffix`` ends them: it names no ``weekdate``, whose pages end so.

    >>> [permalink_suffix(s) for s in ("date", "pretty", "/:categories/:title/", "/blog/:year/:title", "weekdate")]
    [':output_ext', '/', '/', '', '']
    """
    style = style.strip()
    if style == "pretty":
        return "/"
    if style in ("date", "ordinal", "none"):
        return ":output_ext"
    return "/" if style.endswith("/") else ":output_ext" if style.endswith(":output_ext") else ""


def page_permalink(path: str, style: str, own: str | None = None) -> str | None:
    """The url Jekyll gives the page at ``path`` (a Markdown file from the site's root, in no
    ``_posts/`` folder) by the site's permalink ``style``: its folder and name, ended as
    :func:`permalink_suffix` says (an ``index`` page: its folder's url); or by a pattern of its own,
    ``own`` (``/:path/:basename/``, from its front matter or the config's defaults).

    >>> page_permalink("docs/ref.md", "date"), page_permalink("docs/ref.md", "pretty"), page_permalink("docs/index.md", "date")
    ('/docs/ref.html', '/docs/ref/', '/docs/')
    >>> page_permalink("index.md", "pretty"), page_permalink("docs/ref.md", "date", "/manual/:basename/")
    ('/', '/manual/ref/')
    >>> page_permalink("_posts/nodate.md", "date")
    """
    folder, _, file_name = path.rpartition("/")
    if "_posts" in folder.split("/"):
        return None
    basename = file_name.rsplit(".", 1)[0]
    template = own or ("/:path/" if basename == "index" else "/:path/:basename" + permalink_suffix(style))
    values = {"path": folder, "basename": basename, "output_ext": ".html"}
    url = re.sub(r":([a-z_]+)", lambda m: values.get(m.group(1), m.group(0)), template)
    return re.sub(r"/{2,}", "/", "/" + url)


#: a Docusaurus number prefix (``01-intro``, ``003 - My doc``, ``2.Setup``) and what is kept as it is: a
#: date or a version at the start of a name (``2021-11-notes``, ``7.0-release``)
_NUMBER_PREFIX = lazy_compile(r"^[0-9]+\s*[-_.]+\s*([^-_.\s].*)$")
_NOT_NUMBER_PREFIX = lazy_compile(r"^[0-9]+[-_.][0-9]+")


def strip_number_prefix(name: str) -> str:
    """A file or folder name without the number prefix Docusaurus orders its docs by.

    >>> [strip_number_prefix(n) for n in ("01-intro", "003 - My doc", "2021-11-notes", "7.0-release", "42")]
    ['intro', 'My doc', '2021-11-notes', '7.0-release', '42']
    """
    if _NOT_NUMBER_PREFIX.match(name):
        return name
    m = _NUMBER_PREFIX.match(name)
    return m.group(1) if m else name


#: the number a vault's folder name starts with to sort it (``00 - ``, ``01 ``, ``02.01 ``, ``10-19 ``, ``1. ``)
_SORT_PREFIX = lazy_compile(r"^([0-9]+(?:[.\-–][0-9]+)*)(?:\s*[-–—_.)]\s*|\s+)(?=\S)(.*)$")
#: a year or a date at the start of a name (``2023 Trips``, ``2024-05 Berlin``): the name's, not a sort key
_DATE_START = lazy_compile(r"^(?:19|20)[0-9]{2}(?:[-.][0-9]{1,2}){0,2}$")


def strip_sort_prefix(name: str) -> str:
    """A folder name without the number a vault sorts its folders by, as a person names the folder.

    A year or a date is kept, as is a name that would be left with no letter.

    >>> [strip_sort_prefix(n) for n in ("00 - Meta", "01 Templates", "02.01 Plugins by Category", "10-19 Finance",
    ...                                 "1. Inbox", "2023 Trips", "3D Printing", "80s Music", "01 - 02", "Notes")]
    ['Meta', 'Templates', 'Plugins by Category', 'Finance', 'Inbox', '2023 Trips', '3D Printing', '80s Music', '01 - 02', 'Notes']
    """
    m = _SORT_PREFIX.match(name)
    if m is None or _DATE_START.match(m.group(1)) or not any(c.isalpha() for c in m.group(2)):
        return name
    return m.group(2).strip()


def doc_folder(name: str, routes: tuple[str, ...]) -> tuple[str, str] | None:
    """The docs folder (with its ``/``, or ``""``) and route of ``routes`` (``folder=route``) that the file
    ``name`` is in; ``None`` for a file in none of them (a blog post, a page)."""
    for entry in routes:
        folder, _, route = entry.partition("=")
        folder = folder.strip().strip("/")
        prefix = f"{folder}/" if folder else ""
        if name.startswith(prefix):
            return prefix, route
    return None


def _keeps_number_prefixes(name: str, fields: FieldMap) -> bool:
    """Whether the doc ``name`` is one of a docs plugin that keeps number prefixes (``numberPrefixParser:
    false``: :attr:`FieldMap.prefixed_doc_folders`)."""
    return any(name.startswith(folder.strip("/") + "/") for folder in fields.prefixed_doc_folders)


def doc_id(name: str, routes: tuple[str, ...], data: Mapping[Any, Any], keep_prefixes: bool = False) -> str | None:
    """The id Docusaurus gives the doc ``name`` (a sidebar lists a doc by it), after the docs folder it is in
    (of ``routes``, ``folder=route``): its folder without number prefixes, then its ``id``, else its file's
    name without number prefix (unless ``parse_number_prefixes: false`` or ``keep_prefixes``); ``None`` for a
    file in none of the docs folders.

    >>> routes = ("docs=/docs",)
    >>> doc_id("docs/01-guides/02-install.md", routes, {}), doc_id("docs/guides/foo.md", routes, {"id": "bar"})
    ('docs/guides/install', 'docs/guides/bar')
    >>> doc_id("docs/a.md", routes, {"id": "x/y"}), doc_id("blog/post.md", routes, {})
    ('docs/a', None)
    """
    found = doc_folder(name, routes)
    if found is None:
        return None
    prefix = found[0]
    folder, _, file_name = name[len(prefix):].rpartition("/")
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    parse = data.get("parse_number_prefixes") is not False and not keep_prefixes
    given = data.get("id")
    own = str(given).strip() if isinstance(given, (str, int)) and not isinstance(given, bool) else ""
    if not own or "/" in own:  # Docusaurus refuses an id with a slash: the file name stands
        own = strip_number_prefix(stem) if parse else stem
    parts = [strip_number_prefix(part) if parse else part for part in folder.split("/")] if folder else []
    return prefix + "".join(part + "/" for part in parts) + own


def doc_url(name: str, routes: tuple[str, ...], data: Mapping[Any, Any], keep_prefixes: bool = False) -> str | None:
    """The url Docusaurus publishes the doc ``name`` at, from its front matter ``data``; ``None``
    for a file in none of the docs folders ``routes`` (``folder=route``, e.g. ``docs=/docs``).

    The url is the route and the doc's slug: ``slug`` when it starts with ``/``; else the doc's
    folder and ``slug``, or its id: ``id``, else its file name; a folder's own doc (``index``,
    ``README`` or the folder's name) is the folder's url. Number prefixes (``01-intro.md``) are not
    part of any of them, unless ``parse_number_prefixes: false`` or ``keep_prefixes`` (a docs plugin's
    ``numberPrefixParser: false``).

    >>> routes = ("docs=/docs",)
    >>> doc_url("docs/01-guides/02-install.md", routes, {}), doc_url("docs/guides/foo.md", routes, {"id": "bar"})
    ('/docs/guides/install', '/docs/guides/bar')
    >>> doc_url("docs/guides/foo.md", routes, {"slug": "/start"}), doc_url("docs/guides/README.md", routes, {})
    ('/docs/start', '/docs/guides/')
    >>> doc_url("docs/intro.md", ("docs=/",), {"slug": "../x"}), doc_url("blog/post.md", routes, {})
    ('/x', None)
    """
    found = doc_folder(name, routes)
    if found is None:
        return None
    prefix, route = found
    folder, _, file_name = name[len(prefix):].rpartition("/")
    stem = file_name.rsplit(".", 1)[0] if "." in file_name else file_name
    parse = data.get("parse_number_prefixes") is not False and not keep_prefixes

    def plain(part: str) -> str:
        return strip_number_prefix(part) if parse else part

    given = data.get("id")
    doc_id = str(given).strip() if isinstance(given, (str, int)) and not isinstance(given, bool) else ""
    if not doc_id or "/" in doc_id:  # Docusaurus refuses an id with a slash: the file name stands
        doc_id = plain(stem)
    folder_slug = "/" + "".join(plain(part) + "/" for part in folder.split("/")) if folder else "/"
    slug = data.get("slug")
    slug = slug.strip() if isinstance(slug, str) and slug.strip() else None
    if slug is not None and slug.startswith("/"):
        path = slug
    elif slug is None and stem.lower() in ("index", "readme", folder.rpartition("/")[2].lower()):
        path = folder_slug  # a folder's own doc: the folder's url, not .../index
    else:
        relative = slug or doc_id
        path = posixpath.normpath(posixpath.join(folder_slug, relative)) + ("/" if relative.endswith("/") else "")
    url = "/" + route.strip().strip("/") + "/" + path.lstrip("/")
    return re.sub(r"/{2,}", "/", url)


#: Docusaurus's DATE_FILENAME_REGEX (blogUtils.ts), on a post's path without suffix nor /index: the
#: folder is greedy, and the slug is the date, then the folder and the text
_POST_DATE = lazy_compile(r"^(?P<folder>.*)(?P<date>\d{4}[-/]\d{1,2}[-/]\d{1,2})[-/]?(?P<text>.*?)$")


def blog_url(name: str, routes: tuple[str, ...], data: Mapping[Any, Any]) -> str | None:
    """The url Docusaurus publishes the blog post ``name`` at; ``None`` for a file in none of the blog
    folders ``routes`` (``folder=route``, e.g. ``blog=/blog``).

    The url is the route and the post's ``slug`` (with or without its leading ``/``), else its path
    in the blog without suffix (a folder's ``index`` is the folder), the date it starts with written
    as folders (``2019-05-28-hello.md``: ``2019/05/28/hello``).

    >>> routes = ("blog=/blog",)
    >>> blog_url("blog/2019-05-28-first-post.md", routes, {}), blog_url("blog/2021-08-26-welcome/index.md", routes, {})
    ('/blog/2019/05/28/first-post', '/blog/2021/08/26/welcome')
    >>> blog_url("blog/x.md", routes, {"slug": "/welcome"}), blog_url("blog/notes.mdx", routes, {}), blog_url("docs/a.md", routes, {})
    ('/blog/welcome', '/blog/notes', None)
    >>> blog_url("blog/2021/2021-08-26-welcome.md", routes, {})  # Docusaurus: the date first, then the folder
    '/blog/2021/08/26/2021/welcome'
    """
    found = doc_folder(name, routes)
    if found is None:
        return None
    prefix, route = found
    slug = data.get("slug")
    if isinstance(slug, str) and slug.strip():
        path = slug.strip()
    else:
        path = name[len(prefix):].rsplit(".", 1)[0]
        path = path[: -len("index")].rstrip("/") if path.rpartition("/")[2] == "index" else path
        m = _POST_DATE.match(path)
        if m:
            path = f"{m['date'].replace('-', '/')}/{m['folder']}{m['text']}"
    return re.sub(r"/{2,}", "/", "/" + route.strip().strip("/") + "/" + path.lstrip("/"))


def blog_date(name: str, routes: tuple[str, ...]) -> str | None:
    """The date Docusaurus dates the blog post ``name`` by when its front matter gives none: the one its path
    in the blog folder of ``routes`` holds, as :func:`blog_url` finds it (its file's name, its folder's, or
    both, ``2017/12-14-hello.mdx``: the date is the last one written, its parts split by ``-`` or ``/``);
    ``None`` for a path without one, or a file in none of the blog folders.

    >>> routes = ("blog=/blog",)
    >>> blog_date("blog/2017/12-14-introducing.mdx", routes), blog_date("blog/2021-8-26-welcome/index.md", routes)
    ('2017-12-14', '2021-08-26')
    >>> blog_date("blog/2021/2021-08-26-welcome.md", routes), blog_date("blog/releases/3.7/index.mdx", routes)
    ('2021-08-26', None)
    """
    found = doc_folder(name, routes)
    if found is None:
        return None
    path = name[len(found[0]):].rsplit(".", 1)[0]
    m = _POST_DATE.match(path[: -len("/index")] if path.endswith("/index") else path)
    if m is None:
        return None
    year, month, day = re.split(r"[-/]", m["date"])
    return f"{year}-{int(month):02d}-{int(day):02d}"


def page_url(name: str, routes: tuple[str, ...]) -> str | None:
    """The url Docusaurus publishes the Markdown page ``name`` at: its path in the pages folder of
    ``routes`` (``src/pages=/``) without suffix, a folder's ``index`` at the folder's url; ``None``
    for a file outside them.

    >>> page_url("src/pages/markdown-page.md", ("src/pages=/",)), page_url("src/pages/help/index.md", ("src/pages=/",))
    ('/markdown-page', '/help/')
    """
    found = doc_folder(name, routes)
    if found is None:
        return None
    prefix, route = found
    folder, _, stem = name[len(prefix):].rsplit(".", 1)[0].rpartition("/")
    path = f"{folder}/" if stem == "index" else f"{folder}/{stem}"
    return re.sub(r"/{2,}", "/", "/" + route.strip().strip("/") + "/" + path.lstrip("/"))


def astro_file_url(url: str, build_format: str) -> str:
    """The url of the page Astro publishes at the route ``url`` (as :func:`page_url` makes it: a folder's index
    ending in ``/``) by its ``build.format``: ``file`` writes every route as a file named for it (``/about.html``,
    a folder's index at ``/guide.html``), ``preserve`` every route but an index (``/guide/`` stays); the site's
    root stays ``/``, and any other format (``directory``, ``""``) leaves the url as it is.

    >>> astro_file_url("/about", "file"), astro_file_url("/guide/", "file"), astro_file_url("/", "file")
    ('/about.html', '/guide.html', '/')
    >>> astro_file_url("/about", "preserve"), astro_file_url("/guide/", "preserve"), astro_file_url("/guide/", "")
    ('/about.html', '/guide/', '/guide/')
    """
    if url == "/" or build_format not in ("file", "preserve") or (build_format == "preserve" and url.endswith("/")):
        return url
    return url.rstrip("/") + ".html"


def trailing_slash(url: str, setting: bool | None) -> str:
    """A Docusaurus page's ``url`` as its ``trailingSlash`` setting publishes it: with a ``/`` added
    (``True``), taken away (``False``: a folder's own page, ``/docs/guides/``, at ``/docs/guides``), or
    as it is (``None``, unset); the site's root stays ``/``.

    >>> trailing_slash("/docs/intro", True), trailing_slash("/docs/guides/", False), trailing_slash("/", False)
    ('/docs/intro/', '/docs/guides', '/')
    """
    if setting is None or url == "/":
        return url
    return url.rstrip("/") + "/" if setting else url.rstrip("/")


def _values(value: Any, split: bool, separator: str | None) -> list[str]:
    """The values of one field: a list item by item, a string split when it is a list field."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [scalar_text(v).strip() for v in value if v is not None and not isinstance(v, (dict, list))
                and scalar_text(v).strip()]
    if isinstance(value, dict):
        return []
    text = scalar_text(value).strip()
    if not text:
        return []
    return [v for v in _split(text, separator) if v] if split else [text]


def _split(text: str, separator: str | None) -> list[str]:
    if "[[" in text:  # a page's link is one value, spaces and all (Logseq's tags:: [[data science]] [[ml]])
        kept = _PAGE_LINK.sub(lambda m: m.group(0).replace(" ", "\ue000").replace(",", "\ue001"), text)
        if kept != text:
            return [v.replace("\ue000", " ").replace("\ue001", ",") for v in _split(kept, separator)]
    if separator == ANY_SEPARATOR:
        return [v.strip() for v in text.split(",")] if "," in text else text.split()
    if separator == SEMICOLONS:
        return [v.strip() for v in text.split(";" if ";" in text else ",")]
    if separator == EVERY_SEPARATOR:
        return re.split(r"[,\s]+", text)
    return [v.strip() for v in text.split(separator)] if separator is not None else text.split()


def _slug(value: str) -> str:
    """A subject's slug: ASCII when it can be (:func:`~.normalize.subject_slug`: ``C++`` is ``c-plus-plus``),
    the folded text otherwise (``機械学習`` stays)."""
    return subject_slug(value) or "-".join(fold(value).split())


#: folders that file pages but name no subject: ``_drafts``, a year (``2019``), a version of versioned
#: docs (``docs/5.3/``, ``v2.1``, ``4.x``), a release channel's docs of a version (Linkerd's ``2-edge/``
#: beside ``2.16/``, ``3.0-beta``, ``v1-next``)
_STRUCTURAL = lazy_compile(r"^(_.*|v?\d+(?:\.(?:\d+|x))*"
                         r"(?:[-_](?:edge|next|dev|beta|alpha|rc|preview|nightly|latest|stable|lts|unreleased)\d*)?)$", re.I)


#: the layouts of Jekyll themes that fill a page with the site's posts (an archive, the categories, the tags)
_LISTING_LAYOUTS = frozenset(("archive", "archives", "categories", "category", "tags", "tag", "posts"))


def _at_site_top(url: str | None, languages: Collection[str] = ()) -> bool:
    """Whether the page ``url`` is at the site's top: one name below the root (``/about/``, ``/about.html``),
    or below a language's (``/de/about/``, of one of the site's ``languages``).

    >>> _at_site_top("/about/"), _at_site_top("/about.html"), _at_site_top("/modules/intro/"), _at_site_top(None)
    (True, True, False, False)
    >>> _at_site_top("/de/about/", ["de"]), _at_site_top("/de/about/")
    (True, False)
    """
    parts = url.strip("/").split("/") if url is not None and url.startswith("/") and url.strip("/") else []
    return len(parts) == 1 or len(parts) == 2 and parts[0] in languages


def _subject(name: str, f: _Fields, fields: FieldMap, url: str | None) -> tuple[str, str, bool, list[str]]:
    """The subject's slug and label, whether a field wrote the label (else a folder's or url's
    name made it), and the values that become keywords (``every``)."""
    moved = f.get("dg-path") if fields.publish_marks else None
    if isinstance(moved, str) and moved.strip().strip("/"):  # a digital garden shows the note in dg-path's folder
        f.used.add("dg-path")
        name = fields.content_dir + moved.strip().lstrip("/")
    if fields.subject_from[:1] == ("url",):
        slug, label, given = _subject_by_url(name, f, fields, url)
        return slug, label, given, []
    for source in fields.subject_from:
        if source == "field":
            path = next((p for p in fields.subject if f.get(p) not in (_MISSING, None, "", [])), None)
            if path is None:
                continue
            f.used.add(path)
            split = path in fields.list_fields or path in fields.keywords
            value = f.get(path)
            if fields.hexo and isinstance(value, list):  # Hexo's categories: [[Tech, Hexo], [Notes]], a hierarchy a list
                value = [v for item in value for v in (item if isinstance(item, list) else [item])]
            values = _values(value, split, fields.keyword_separator)
            values = [v.lstrip("#") if fields.inline_tags else v for v in values]
            values = [v for v in values if _slug(v)]
            if not values:
                continue
            rest = values[1:] if fields.subject_values == "every" else []
            label = _pairs(fields.subject_labels).get(values[0], values[0]) if fields.subject_labels else values[0]
            written = f.get(fields.subject_language) if fields.subject_language else _MISSING
            language = _text(written) if written is not _MISSING else None
            if language:  # the site's collection of the language's pages of that subject
                label = f"{_pairs(fields.subject_language_labels).get(fold(language), language)} {label}"
            return _slug(label), clean(visible(label)), True, rest
        if source == "folder":
            rel = name.removeprefix(fields.content_dir).removeprefix(fields.collections_dir)  # Jekyll's: no subject
            if fields.path_rewrites and name.startswith(fields.content_dir):  # VitePress's: the folder it publishes it in
                rel = rewritten(rel, fields.path_rewrites)
            if fields.attachment_folders and rel.startswith(tuple(f"{a}/" for a in fields.attachment_folders)):
                continue  # a vault's folder of attachments is no topic
            # the folder's path, which folder_labels name it by (a page outside the content folder: from the root)
            at = fields.content_dir if name.startswith(fields.content_dir) else ""
            docs = doc_folder(name, fields.doc_routes) if fields.doc_routes else None
            pages = doc_folder(name, fields.page_routes) if fields.page_routes else None
            blog = doc_folder(name, fields.blog_routes) if fields.blog_routes else None
            folders = rel.split("/")[:-1]
            if fields.bundles and fields.headless and folders and rel.rpartition("/")[2].split(".")[0] == "index":
                folders = folders[:-1]  # a Hugo leaf bundle's folder is its page's, no section: docs/intro/index.md is in docs
            for depth, part in enumerate(folders):  # a language's content folder (Hugo) is not a subject either
                at += part + "/"
                if "/".join(folders[:depth + 1]) in fields.language_folders:
                    continue  # nor a Jekyll site's language folder (de/, _articles/de/)
                if depth + 1 < len(folders) and "/".join(folders[:depth + 1]) in fields.para_folders:
                    continue  # nor a PARA vault's bucket (3 Resources/), but for its own notes
                folder = _NOTION_ID.sub("", part)  # a Notion export's "Engineering Wiki 8a1f...6e"
                if fields.sort_prefixes:  # a vault's "00 - Meta" sorts first, and is "Meta"
                    folder = strip_sort_prefix(folder)
                if fields.identity == "page" and folder == "docs" and not all(
                        _STRUCTURAL.match(f) for f in folders[depth + 1:]):
                    continue  # a Hugo (Docsy) site's docs section holds its sections: docs/concepts/ is "Concepts"
                    # (docs/5.3/forms/ "Forms"; docs/5.3/migration.md in docs)
                if docs is not None and docs[0].startswith(at) or pages is not None and pages[0].startswith(at) or \
                        blog is not None and blog[0].startswith(at) and blog[0] != at:
                    continue  # the docs folder of a site with a blog is no subject (nor versioned_docs/version-1.0/,
                    # nor the website/ a blog is kept in)
                if docs is not None and at.startswith(docs[0]) and not _keeps_number_prefixes(name, fields):
                    folder = strip_number_prefix(folder)  # Docusaurus's 01-guides is "guides"
                if not _STRUCTURAL.match(folder) and folder not in fields.languages and _slug(folder):
                    named = _pairs(fields.folder_labels).get(at[:-1]) if fields.folder_labels else None
                    written = clean(folder) if fields.folders_as_written else None
                    return _slug(folder), named or written or _folder_label(folder), False, []
            if fields.collections and (kind := _jekyll_type(site_path(name, fields), fields)) not in (
                    "pages", "posts", "drafts") and not _at_site_top(url, {
                        *fields.languages, *(lf.rpartition("/")[2] for lf in fields.language_folders)}):
                # a document at the top of a Jekyll collection: its section; but for one published at the
                # site's top (Chirpy's _tabs/about.md at /about/), a page of the site's own, as a root page is;
                # labelled as the site names the collection (Just the Docs' sidebar: folder_labels' _docs)
                named = _pairs(fields.folder_labels).get(f"_{kind}") if fields.folder_labels else None
                return _slug(kind), named or _folder_label(kind), False, []
        if source == "parent":  # the file's own folder (Pelican's USE_FOLDER_AS_CATEGORY)
            folder = name.removeprefix(fields.content_dir).rpartition("/")[0].rpartition("/")[2]
            if folder and _slug(folder):
                return _slug(folder), _folder_label(folder), False, []
        if source == "platform":  # a command page's platform folder (common/, linux/); a translation's, in its locale
            folder = name.removeprefix(fields.content_dir).rpartition("/")[0]
            platform = folder.rpartition("/")[2]
            if platform and _slug(platform):
                translated = translation_folder(folder.partition("/")[0]) if "/" in folder else None
                label = _folder_label(platform) + (f" ({translated[1]})" if translated else "")
                return _slug(label), label, False, []
        if source == "toc" and fields.toc_subjects:
            captions = _pairs(fields.toc_subjects)
            # a Docusaurus doc is listed by its id (its id field, else its file name) in its folder
            listed = doc_id(name, fields.doc_routes, f.data, _keeps_number_prefixes(name, fields)) \
                if fields.doc_routes else None
            caption = captions.get(listed.removeprefix(fields.content_dir)) if listed else None
            if caption is None and listed:  # else the category that generates its items from a folder above it
                parts = listed.removeprefix(fields.content_dir).split("/")
                caption = next((c for end in range(len(parts) - 1, -1, -1)
                                if (c := captions.get("".join(p + "/" for p in parts[:end]))) is not None), None)
            page = name.removeprefix(fields.content_dir).rsplit(".", 1)[0]
            caption = caption or captions.get(page)
            if caption is None and not fields.doc_routes:  # else a folder listed above it (Starlight's autogenerate)
                parts = page.split("/")
                caption = next((c for end in range(len(parts) - 1, 0, -1)
                                if (c := captions.get("".join(p + "/" for p in parts[:end]))) is not None), None)
            if caption is None and fields.languages:  # a translation (setup.fr, fr/setup) is where its page is
                caption = captions.get(_without_language(page, fields.languages)[0])
            if caption and _slug(caption):
                return _slug(caption), clean(caption), False, []
        if source == "nav" and fields.nav_sections:
            aliases = [v for p in fields.alias_fields for v in _values(f.get(p), False, ANY_SEPARATOR) if isinstance(v, str)]
            section = nav_section(url, aliases, fields.nav_sections)
            if section and _slug(section):
                return _slug(section), clean(section), False, []
        if source == "hierarchy":
            # a Logseq page titled by its title:: property is in that title's namespace
            title = f.first(fields.title) if "logseq-name" in fields.title_fallback else None
            top = _hierarchy_top(name, fields, title if isinstance(title, str) else None)
            if top is not None:
                return _slug(top), _folder_label(top), False, []
        if source == "url" and url:
            m = re.search(fields.subject_from_url, url)
            if m and m.group(1):  # a url part in capitals is shown as written (MDN's Web/API), another capitalised
                part = m.group(1)
                return part, part if part != part.lower() else part.replace("-", " ").capitalize(), False, []
    return "uncategorised", "Uncategorised", False, []


def _hierarchy_top(name: str, fields: FieldMap, title: str | None = None) -> str | None:
    """The top level of the dotted hierarchy a Dendron note's file name is (``python.asyncio.tasks.md``:
    ``python``), whatever folder (a vault) it is in; ``None`` for the vault's ``root`` note.

    A Logseq page's (``fields.title_fallback`` ``logseq-name``) is the top of its namespace
    (``pages/Python___Asyncio.md``, the page Python/Asyncio: ``Python``), a journal page's its folder
    (``journals``), and a page outside any namespace has none: every page is in ``pages/``. A page's
    ``title`` (its ``title::`` property, which names it) gives its namespace over its file's name.

    >>> _hierarchy_top("vault/python.asyncio.tasks.md", FieldMap()), _hierarchy_top("root.md", FieldMap())
    ('python', None)
    """
    stem = name.rpartition("/")[2]
    for suffix in fields.suffixes:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    if "logseq-name" in fields.title_fallback:
        journals = (fields.journal_files or _LOGSEQ_JOURNALS).rpartition("/")[0].strip("/")
        if name.removeprefix(fields.content_dir).rpartition("/")[0] == journals:
            return journals
        parts = (title or logseq_page_name(stem, fields.logseq_legacy_names)).split("/")
        top = parts[0].strip() if len(parts) > 1 else ""
        return top if _slug(top) else None
    top = stem.split(".", 1)[0].strip()
    return top if top and top.lower() != "root" and _slug(top) else None


def logseq_page_name(stem: str, legacy: bool = False) -> str:
    """The name of the Logseq page whose file is named ``stem``, as Logseq reads it back: in its
    ``:file/name-format :triple-lowbar`` a ``/`` is written ``___``; in its ``:legacy`` format (its
    default, a graph's without the setting) a ``.`` or ``%2F`` (``aws.s3``, ``aws%2Fec2``), ``___`` no
    ``/``; both percent-encode every other character a file name cannot hold (``?``, ``:``). A ``%``
    that starts no code is kept.

    >>> logseq_page_name("Article___Why Always Paulis%3F"), logseq_page_name("Python%2FTyping"), logseq_page_name("100%")
    ('Article/Why Always Paulis?', 'Python/Typing', '100%')
    >>> logseq_page_name("aws.s3", legacy=True), logseq_page_name("Python___Asyncio", legacy=True)
    ('aws/s3', 'Python___Asyncio')
    """
    return unquote(stem.replace(".", "/") if legacy else stem.replace("___", "/"))


#: where a Logseq graph keeps its journal pages unless its config says otherwise
_LOGSEQ_JOURNALS = "journals/yyyy_MM_dd"


#: the id a Notion export puts after every page's and folder's name
_NOTION_ID = lazy_compile(r" [0-9a-f]{32}$")


def _folder_label(folder: str) -> str:
    """A folder's name as a subject label: slug-like names made words (``content-management``:
    ``Content management``), other names as written (``01 - Community``)."""
    if re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)*", folder):
        return folder.replace("-", " ").replace("_", " ").capitalize()
    return clean(folder)


def _subject_folder(name: str) -> str:
    """The folder that is a Q&A article's subject (``content/<subject-slug>/<file_name>``): the top one, or in
    a site's folder given whole, the one below its ``content/``; ``""`` for a file at the top.

    >>> _subject_folder("biology/a.md"), _subject_folder("content/biology/a.md"), _subject_folder("site/content/biology/a.md")
    ('biology', 'biology', 'biology')
    >>> _subject_folder("content/a.md"), _subject_folder("a.md"), _subject_folder("notes/2024/a.md")
    ('content', '', 'notes')
    """
    folders = name.split("/")[:-1]
    below = next((i + 1 for i in range(len(folders) - 2, -1, -1) if folders[i] == "content"), 0)
    return folders[below] if folders else ""


def _subject_by_url(name: str, f: _Fields, fields: FieldMap, url: str | None) -> tuple[str, str, bool]:
    """The Q&A format's rule: the slug from the url, else the subject's folder's (:func:`_subject_folder`), else
    the label's slug;
    the label is the subject field as written."""
    label = f.text(fields.subject, lists=True)
    slug = None
    if url:
        m = re.search(fields.subject_from_url, url)
        if m:
            slug = m.group(1)
    if not slug:
        top = subject_slug(_subject_folder(name)) if "folder" in fields.subject_from else ""  # Computer Science/
        slug = top or (subject_slug(label) if label and "field" in fields.subject_from else "") or "uncategorised"
    if label is None:  # a url part in capitals is shown as written (MDN's Web/API), another capitalised
        return slug, slug if slug != slug.lower() else slug.replace("-", " ").capitalize(), False
    return slug, clean(visible(label)), True


def _docusaurus_tags(f: _Fields, fields: FieldMap) -> None:
    """A Docusaurus page's ``tags`` as the labels it shows them by: a tag that its folder's tags file
    (:attr:`FieldMap.tag_labels`, ``docs/tags.yml``) lists by its key is that file's label, another
    its own text, and a tag written as ``{label: ..., permalink: ...}`` its ``label`` (it was left
    out, with a warning). Only the file's view of its front matter changes (:attr:`_Fields.data`).

    >>> from qagraph.frontmatter import FrontMatter
    >>> f = _Fields("docs/a.md", FrontMatter({"tags": ["gs", "other", {"label": "Obj", "permalink": "/o"}]}, "", "yaml", 1))
    >>> _docusaurus_tags(f, FieldMap(doc_routes=("docs=/docs",), tag_labels=(("docs/", "gs", "Getting Started"),)))
    >>> f.data["tags"]
    ['Getting Started', 'other', 'Obj']
    """
    tags = f.data.get("tags")
    if not isinstance(tags, list):
        return
    labels: dict[str, str] = {}
    folders = sorted({folder for folder, _, _ in fields.tag_labels if f.name.startswith(folder)}, key=len)
    if folders:  # the tags file of the page's own docs, blog or version: the deepest folder that has one
        labels = {key: label for folder, key, label in fields.tag_labels if folder == folders[-1]}
    shown = [tag.get("label") if isinstance(tag, dict) and isinstance(tag.get("label"), str) and tag["label"].strip()
             else labels.get(tag, tag) if isinstance(tag, str) else tag for tag in tags]
    f.data = {**f.data, "tags": shown}


def _keywords(f: _Fields, fields: FieldMap, more: list[str], more_lines: list[int | None] | None = None
              ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[int | None, ...]]:
    """Keywords from the keyword paths (the first, or all merged) and ``more``, cleaned and de-duplicated,
    with the file line each is written on (:func:`_item_line`; for one of ``more``, which the text or a
    folder gives, its line in ``more_lines``, else ``None``)."""
    if not fields.keywords_merge and fields.keyword_separator != ANY_SEPARATOR and not more \
            and not fields.inline_tags and not fields.list_fields:
        value = f.first(fields.keywords)  # the Q&A format
        path = next((p for p in fields.keywords if p in f.used), None)
        if isinstance(value, str):
            items, warnings = split_keyword_text(value, fields.keyword_separator)
            for warning in warnings:
                f.warn(f"keywords: {warning}", path, "keywords")
            keywords, keys = split_keywords(items)
            return keywords, keys, (_item_line(f, path, 0),) * len(keys)
        _warn_unusable_keywords(f, path, value)
        keywords, keys = split_keywords(value, fields.keyword_separator)
        if not isinstance(value, (list, tuple)):
            return keywords, keys, (_item_line(f, path, 0),) * len(keys)
        return keywords, keys, _keyword_lines(keys, ((v, _item_line(f, path, i)) for i, v in enumerate(value)))
    values: list[str] = []
    lines: list[int | None] = []
    for path in fields.keywords:
        value = f.get(path)
        if value is _MISSING or value is None or value == "":
            continue
        f.used.add(path)
        _warn_unusable_keywords(f, path, value)
        listed = isinstance(value, (list, tuple))
        for i, item in enumerate(value) if listed else ((0, value),):
            got = _values([item] if listed else item, True, fields.keyword_separator)
            values += got
            lines += [_item_line(f, path, i)] * len(got)
        if not fields.keywords_merge:
            break
    if fields.inline_tags:
        values = [v.lstrip("#") for v in values]
    written = len(values)  # those of the fields, then ``more``
    lines += more_lines if more_lines is not None and len(more_lines) == len(more) else [None] * len(more)
    values += more
    kept = [True] * len(values)
    if fields.slug_urls is not None:  # MDN's l10n:priority marks a page for its translators, no topic
        kept = [k and not fold(v).startswith("l10n:") for k, v in zip(kept, values)]
    if fields.publish_marks:  # the Digital Garden plugin's mark of the home note, no topic (_garden_home)
        kept = [k and (i >= written or fold(v) != _GARDEN_ENTRY) for i, (k, v) in enumerate(zip(kept, values))]
    if fields.level_tags:  # how hard the page is, which its site shows apart from its tags
        levels = {fold(level) for level in fields.level_tags}
        kept = [k and fold(v) not in levels for k, v in zip(kept, values)]
    # a tag written as a page's link (Logseq's tags:: [[data science]]) is the page's name
    pairs = [(_LINKED_KEYWORD.sub(r"\1", v), line) for v, line, k in zip(values, lines, kept) if k]
    keywords, keys = split_keywords([v for v, _ in pairs])
    return keywords, keys, _keyword_lines(keys, pairs)


def _date_line(f: _Fields, fields: FieldMap) -> int | None:
    """The file line of the date field the article's date was read from."""
    path = next((p for p in fields.date if p in f.used), None)
    return f.line_of(path) if path is not None else None


def _subject_line(f: _Fields, fields: FieldMap) -> int | None:
    """The file line of the subject a field wrote: of the first item that names one, in a list (a
    Hugo page's ``categories:`` written one a line), else of the field's key."""
    path = next((p for p in fields.subject if p in f.used), None)
    if path is None:
        return None
    value = f.get(path)
    if isinstance(value, (list, tuple)):
        first = next((i for i, item in enumerate(value) if not isinstance(item, (list, tuple)) and
                      any(_slug(v.lstrip("#")) for v in _values([item], False, None))), None)
        return _item_line(f, path, first)
    return _item_line(f, path, 0)


def _item_line(f: _Fields, path: str | None, i: int | None) -> int | None:
    """The file line of the item ``i`` of the list at ``path`` (of a text at ``path``: ``i`` 0; of the
    value at ``path`` when ``i`` is ``None``): its own line where the front matter says it (a YAML list
    written one item a line, a text that starts below its key, ``keywords: >-``), else the line of its key."""
    if path is None:
        return None
    own = f.fm.key_lines.get(f"{f.written_path(path)}[{i}]") if i is not None else None
    return own if own is not None else f.line_of(path)


def _keyword_lines(keys: tuple[str, ...], written: Iterable[tuple[Any, int | None]]) -> tuple[int | None, ...]:
    """The line of each keyword of ``keys`` (folded, as :func:`split_keywords` gives them): that of the
    first of ``written`` (value, line) that gives it, as the keyword's spelling is the first's."""
    where: dict[str, int | None] = {}
    for value, line in written:
        for key in split_keywords([value])[1]:
            where.setdefault(key, line)
    return tuple(where.get(key) for key in keys)


_LINKED_KEYWORD = lazy_compile(r"^\s*\[\[([^\[\]]+)\]\]\s*$")
#: a code span of a title (``\`undef_method\` And The Inheritance Hierarchy``): code, no word of it a keyword
_CODE_SPAN = lazy_compile(r"(`+)[^`]*?\1")
#: a word of a title: letters and digits, joined by ``.``, ``-`` or ``+`` (``Node.js``, ``sqlite-utils``, ``C++``)
_TITLE_WORD = lazy_compile(r"[^\W\d_][\w+#]*(?:[.-][\w+#]+)*")
#: the words of a title that name nothing: English's words of grammar, and the verbs and words of
#: every how-to title (``Use``, ``Get``, ``Way``)
_TITLE_STOPWORDS = frozenset("""
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing done down during each else etc even ever every few for
    from further had has have having he her here hers him his how i if in into is isnt it its itself just
    let lets me more most my myself no nor not now of off on once one only or other our ours out over own
    part same she should so some such than that the their theirs them themselves then there these they this
    those through to too two under until up upon us very via vs was we were what when where which while who
    whom why will with within without would you your yours yourself
    another anything everything nothing something thing things way ways use used uses using get gets getting
    got make makes making made want need needs let til new run runs running add adding create creating check
    checking show showing find finding try trying work works working quick quickly easy easily simple better
    many much really
""".split())


def title_terms(title: str, own: Iterable[str] = ()) -> list[str]:
    """The words of ``title`` that name something, as keywords: neither words of grammar nor how-to verbs
    (:data:`_TITLE_STOPWORDS`), nor code spans (an article's title is shown without their backticks: its
    words are kept then), nor numbers, nor the ``own`` names (the note's topic, which its subject says already). A word written in title case is written in
    lower case (``Screen``: ``screen``); one written otherwise is kept as it is (``UUID``, ``psql``,
    ``macOS``, ``Node.js``).

    >>> title_terms("Clear The Screen In psql", ["postgres", "PostgreSQL"])
    ['clear', 'screen', 'psql']
    >>> title_terms("`undef_method` And The Inheritance Hierarchy")
    ['inheritance', 'hierarchy']
    >>> title_terms("Using LD_PRELOAD to run any version of SQLite with Python", ["sqlite"])
    ['LD_PRELOAD', 'version', 'python']
    >>> title_terms("Do You Have The Time? - Part 2"), title_terms("Create A Named tmux Session", ["tmux"])
    (['time'], ['named', 'session'])
    """
    skip = {fold(n) for n in own if n}
    terms: list[str] = []
    for word in _TITLE_WORD.findall(_CODE_SPAN.sub(" ", title)):
        word = word.rstrip(".-")
        if word[:1].isupper() and word[1:].islower():
            word = word.lower()
        key = fold(word)
        if len(key) > 1 and key not in _TITLE_STOPWORDS and key.replace("'", "") not in _TITLE_STOPWORDS \
                and key not in skip and word not in terms:
            terms.append(word)
    return terms
_PAGE_LINK = lazy_compile(r"\[\[[^\[\]\n]*\]\]")


def _warn_unusable_keywords(f: _Fields, path: str | None, value: Any) -> None:
    """Warn when a keyword field holds what cannot be a keyword (a mapping, a list inside the
    list): it is left out, and the file's author should hear of it."""
    if isinstance(value, dict):
        f.warn(f"keywords: {path} is a mapping, not a list or text; ignored", path, "keywords")
    elif isinstance(value, (list, tuple)):
        bad = sum(isinstance(v, (dict, list)) for v in value)
        if bad:
            f.warn(f"keywords: {bad} of the {len(value)} items of {path} {'is' if bad == 1 else 'are'} not text "
                   "(a mapping or a list); ignored", path, "keywords")


_WRITTEN_DATE = lazy_compile(r"^(?:([A-Za-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})|(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4}))$")


def written_date(text: str) -> _dt.date | None:
    """The day an English date names, as people write it and a browser's ``Date`` reads it (Astro's
    blog starter: ``pubDate: 'Jul 08 2022'``): the month's name or its first three letters, the day
    and the year, in either order; ``None`` for anything else.

    >>> written_date("Jul 08 2022"), written_date("July 8th, 2022"), written_date("8 Jul. 2022")
    (datetime.date(2022, 7, 8), datetime.date(2022, 7, 8), datetime.date(2022, 7, 8))
    >>> written_date("Sept 3 2021"), written_date("Feb 30 2024"), written_date("soon")
    (None, None, None)
    """
    m = _WRITTEN_DATE.match(text.strip())
    if m is None:
        return None
    month, day, year = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    number = next((i for i, name in enumerate(_MONTHS, 1) if month.lower() in (name.lower(), name[:3].lower())), None)
    if number is None:
        return None
    try:
        return _dt.date(int(year), number, int(day))
    except ValueError:
        return None


def _typed_fields(f: _Fields, fields: FieldMap) -> dict[str, Any]:
    """id, date, score and no_index, converted; values that do not convert are warnings."""
    raw_id = f.first(fields.id)
    article_id = _as_int(raw_id)
    if raw_id is not None and article_id is None:
        shown = as_written(raw_id)  # as the file writes it: id true, not id True
        why = "does not fit in 64 bits" if re.fullmatch(r"[+-]?[0-9]+", str(raw_id).strip()) else "is not an integer"
        f.warn(f"id {shown} {why}; kept as data", fields.id[0])
        f.used.discard(fields.id[0])

    date_value = f.first(fields.date)
    date_path = next((p for p in fields.date if p in f.used), fields.date[0] if fields.date else None)
    if isinstance(date_value, dict) and date_value.get("created") not in (None, ""):
        date_value = date_value["created"]  # MkDocs Material's blog: date: {created: ..., updated: ...}
    date = None
    if isinstance(date_value, (_dt.date, _dt.datetime)):
        date = date_value.isoformat()
    elif isinstance(date_value, (list, dict)):  # not its Python text as the article's date
        kind = "list" if isinstance(date_value, list) else "mapping"
        f.warn(f"{date_path} is a {kind}, not a date; ignored", date_path)
    elif date_value is not None and _dynamic_date(str(date_value), fields.dynamic_dates):
        f.used.discard(date_path or "")  # Quarto's last-modified, today: the day of each render, no day of the page's
    elif date_value is not None:
        date = scalar_text(date_value).strip()  # a boolean as YAML writes it (true), not as Python does (True)
        try:
            _dt.date.fromisoformat(date[:10])
        except ValueError:
            written = written_date(date)
            unpadded = _UNPADDED_DATE.match(date)
            day = _day(date) if unpadded else None
            # 2012/09/15 19:52:05, as Nikola's older posts write it (its dateutil reads it)
            slashed = _slashed_date(date) if fields.nikola_metadata else None
            if slashed is not None:
                date = slashed
            elif written is not None:
                date = written.isoformat()
            elif day is not None and unpadded is not None:  # 2018-2-28, as Jekyll (Ruby's Time.parse) reads it
                date = day.isoformat() + date[unpadded.end():]
            else:
                line = f.line_of(date_path) if date_path else None
                if not any(p.code == "date" and p.line == line for p in f.fm.warnings):  # said already: 2025-02-30
                    f.warn(f"date {date!r} is not an ISO date; kept as text", date_path)

    score_value = f.first(fields.score)
    score = None
    if score_value is not None:
        try:
            if isinstance(score_value, bool):  # YAML's yes and no are no scores (float() made yes 1.0)
                raise TypeError(score_value)
            score = float(score_value)
        except (TypeError, ValueError, OverflowError):
            f.warn(f"score {as_written(score_value)} is not a number; kept as data", fields.score[0])
            f.used.discard(fields.score[0])

    no_index_value = f.first(fields.no_index)
    no_index = None
    if isinstance(no_index_value, bool):
        no_index = no_index_value
    elif no_index_value is not None:
        lowered = str(no_index_value).strip().lower()
        if lowered in ("yes", "on", "1", "true"):
            no_index = True
        elif lowered in ("no", "off", "0", "false"):
            no_index = False
        else:
            f.warn(f"no_index {as_written(no_index_value)} is not a boolean; kept as data", fields.no_index[0])
            f.used.discard(fields.no_index[0])
    return {"id": article_id, "date": date, "score": score, "no_index": no_index}


_POSITION = lazy_compile(r"[0-9]+")


def _related_links(f: _Fields, fields: FieldMap) -> list[RelatedLink]:
    """``related_articleN`` mappings in position order; unusable ones are warnings."""
    related: list[RelatedLink] = []
    prefix = fields.related_prefix
    for raw_key, value in f.data.items():
        if not isinstance(raw_key, str) or not raw_key.startswith(prefix):
            continue
        suffix = raw_key[len(prefix):]
        if not _POSITION.fullmatch(suffix):  # ASCII digits only: "²" is a digit to str.isdigit()
            continue
        line = f.line_of(raw_key)
        f.used.add(raw_key)
        position = _as_int(suffix)
        if position is None:  # more digits than Python reads
            shown = raw_key if len(raw_key) <= 60 else raw_key[:40] + "..."
            f.problems.append(Problem(f.name, line, f"{shown}: its number does not fit in 64 bits; ignored", "limit",
                                      WARNING))
            continue
        if not isinstance(value, dict):
            if value not in (None, ""):
                f.problems.append(Problem(
                    f.name, line, f"{raw_key} is not a mapping of id, title, subject, url; ignored", "related", WARNING))
            continue
        link_url = _url(value.get("url"))
        if link_url:  # the page a reader lands on: ?ref=... and #answer, or the site's own host, lead there too
            link_url = related_url(link_url, fields.site_url, fields.site_hosts, fields.subject_from_url)
        raw_id = value.get("id")
        link_id = _as_int(raw_id)
        # a url or id that is there but cannot be read is said as such (the link was said to have neither,
        # or its id was dropped without a word)
        unread = [_why_not_text("url", value["url"])] if _not_text(value.get("url")) else []
        if raw_id not in (None, []) and str(raw_id).strip() and link_id is None:  # as the article's own id says it
            digits = re.fullmatch(r"[+-]?[0-9]+", str(raw_id).strip())
            unread.append(f"id {as_written(raw_id)} {'does not fit in 64 bits' if digits else 'is not an integer'}")
        if link_url is None and link_id is None:
            said = f"{raw_key}: {' and '.join(unread)}; ignored" if unread else f"{raw_key} has neither url nor id; ignored"
            f.problems.append(Problem(f.name, line, said, "related", WARNING))
            continue
        if unread:
            f.problems.append(Problem(f.name, line, f"{raw_key}: {' and '.join(unread)}; "
                                      + ("the url is used" if link_url else "the id is used"), "related", WARNING))
        why = url_problem(link_url) if link_url else None
        if why:
            f.warn(f"{raw_key}: url {link_url!r} {why}: the RDF gives it no schema:url", raw_key, "related")
        related.append(RelatedLink(
            position, link_url, link_id, _text(value.get("title")), _text(value.get("subject")), line,
        ))
    related.sort(key=lambda link: link.position)
    return related


def _pages_above(pairs: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    """:attr:`FieldMap.nav_parents` by page: the pages above it, nearest first (made once per map)."""
    return _by_identity(_pages_above_of, pairs)


def _pages_above_of(pairs: tuple[tuple[str, str], ...]) -> dict[str, list[str]]:
    above: dict[str, list[str]] = {}
    for page, ancestor in pairs:
        above.setdefault(page, []).append(ancestor)
    return above


def _translation_links(f: _Fields, fields: FieldMap, start: int) -> list[RelatedLink]:
    """The links of a page to its translations (:attr:`FieldMap.translations`), the language buttons its
    layout shows, at the line of its ``translation_key`` (``ref``)."""
    line = f.line_of(fields.translation_key)
    return [RelatedLink(start + i, None, None, None, None, line, FRONT_MATTER, "/" + page)
            for i, page in enumerate(_pages_above(fields.translations).get(f.name, []), 1)]


def _nav_parent_links(f: _Fields, fields: FieldMap, start: int) -> list[RelatedLink]:
    """The links of a Just the Docs page's breadcrumbs, to the pages above it that its ``parent`` names by
    its title, and its parent's parent, and on up (:attr:`FieldMap.nav_parents` says which): at the
    line of its ``parent``, of its ``grand_parent`` for the page above that, of its ``ancestor`` for the
    ones above (each where the page writes it, else at its ``parent``)."""
    keys = [key if key in f.fm.key_lines else "parent" for key in ("parent", "grand_parent", "ancestor")]
    return [RelatedLink(start + i, None, None, None, None, f.line_of(keys[min(i, 3) - 1]), FRONT_MATTER, "/" + page)
            for i, page in enumerate(_pages_above(fields.nav_parents).get(f.name, []), 1)]


def _nav_child_links(f: _Fields, fields: FieldMap, start: int) -> list[RelatedLink]:
    """The links of a Just the Docs page to the pages whose ``parent`` it is, the table of its children the
    theme shows below it (:attr:`FieldMap.nav_children` says which, in its order): at the line of its
    ``has_children``, else of its title."""
    line = f.line_of("has_children") if "has_children" in f.fm.key_lines else f.line_of("title")
    return [RelatedLink(start + i, None, None, None, None, line, FRONT_MATTER, "/" + page)
            for i, page in enumerate(_pages_above(fields.nav_children).get(f.name, []), 1)]


def _variables(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """:attr:`FieldMap.liquid_variables` as a mapping (made once per map)."""
    return _by_identity(dict, pairs)


def _child_links(f: _Fields, fields: FieldMap, start: int) -> list[RelatedLink]:
    """The links of a page to the pages its :attr:`FieldMap.child_lists` name by their paths from its own folder
    (GitHub Docs' ``children: [/set-up-git, /create-a-repo]`` in ``quickstart/index.md``: ``/quickstart/set-up-git``),
    which its site shows as the page's list of articles.

    >>> from qagraph.frontmatter import read_front_matter
    >>> f = _Fields("a/index.md", read_front_matter("a/index.md", "---\\nchildren:\\n  - /b\\n  - c/d\\n---\\n"))
    >>> [link.target for link in _child_links(f, FieldMap(child_lists=("children",)), 0)]
    ['/a/b', '/a/c/d']
    """
    links: list[RelatedLink] = []
    # the site path of the page's folder: a child is a link to a site path (a missing one is the stub a
    # body's link to that path makes)
    folder = f.name.removeprefix(fields.content_dir).rpartition("/")[0]
    for path in fields.child_lists:
        value = f.get(path)
        if not isinstance(value, list):
            continue
        f.used.add(path)
        for item in value:
            child = item.strip().strip("/") if isinstance(item, str) else ""
            if child and "://" not in child:
                links.append(RelatedLink(start + len(links) + 1, None, None, None, None, f.line_of(path),
                                         FRONT_MATTER, f"/{folder}/{child}" if folder else f"/{child}"))
    return links


def _listed_links(f: _Fields, fields: FieldMap, start: int) -> list[RelatedLink]:
    """Links named in front-matter lists (Hugo's ``relatedfuncs``: page names, paths or urls; a value
    that is no text, as a theme's ``related: true`` switch, names no page), where wiki-links are read,
    the ``[[links]]`` in any front-matter value (Obsidian properties), and the pages a Notion page's
    properties name (a relation: ``Name (Other%20Page%20<id>.md)``)."""
    links: list[RelatedLink] = []

    def add(target: str | None, title: str | None, line: int) -> None:
        if target:
            links.append(RelatedLink(start + len(links) + 1, None, None, title, None, line, FRONT_MATTER, target))

    wiki = "wiki" in fields.links
    for path in fields.related_lists:
        value = f.get(path)
        if value is _MISSING or value is None:
            continue
        f.used.add(path)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):  # {url: ..., title: ...} or {path: ...}
                add(_text(item.get("url") or item.get("path") or item.get("name")), _text(item.get("title")),
                    f.line_of(path))
            elif isinstance(item, str) and "[[" in item:
                if not wiki:  # else found below, with every other property
                    for target, alias in wiki_targets(item):
                        add(target, alias, f.line_of(path))
            elif isinstance(item, str):  # not a flag: Minimal Mistakes' related: true shows related posts
                add(_text(item), None, f.line_of(path))
    if wiki:
        for key, value in f.data.items():
            try:
                for item in _nested_strings(value):
                    if "[[" in item:
                        for target, alias in wiki_targets(item, fields.note_suffixes):
                            add(target, alias, f.line_of(str(key)))
            except (_TooLarge, RecursionError):
                f.warn(f"{key} holds more than {MAX_FIELD_VALUES:,} values (YAML aliases?); not kept", str(key))
    if f.fm.syntax == NOTION:
        for key, value in f.data.items():
            if isinstance(value, str) and ".md" in value:
                for target in _NOTION_PAGE.findall(value):
                    add(target, None, f.line_of(str(key)))
    return links


def _redirect(f: _Fields, fields: FieldMap) -> tuple[str, Any, str] | None:
    """The ``(key, value, target)`` of the first of :attr:`FieldMap.redirect_fields` the page sets: a url
    (``/projects/a/``, ``https://...``), or ``true``, which al-folio's layout reads as the home page (``/``);
    ``None`` when it sets none (an empty or ``false`` one is none).

    >>> from qagraph.frontmatter import read_front_matter
    >>> f = _Fields("p.md", read_front_matter("p.md", "---\\nredirect: ' /a/ '\\n---\\n"))
    >>> _redirect(f, FieldMap(redirect_fields=("redirect",)))
    ('redirect', ' /a/ ', '/a/')
    """
    for key in fields.redirect_fields:
        value = f.get(key)
        if value is True:
            return f.written.get(key, key), value, "/"
        if isinstance(value, str) and value.strip() and not any(c in value for c in '"<>'):
            return f.written.get(key, key), value, value.strip()
    return None


def blog_post(name: str, fields: FieldMap) -> bool:
    """Whether the file ``name`` is a post of an MkDocs Material blog (:attr:`FieldMap.blog_posts`)."""
    return name[len(fields.content_dir):].startswith(tuple(f"{folder.strip('/')}/" for folder in fields.blog_posts))


#: the parts of a date pattern (Babel's, as an MkDocs Material blog's ``post_url_date_format`` writes it)
_DATE_PATTERN = lazy_compile(r"yyyy|MM|dd|[A-Za-z]")


def material_post_url(f: _Fields, fields: FieldMap, title: str, date: str) -> str | None:
    """The url an MkDocs Material blog publishes the post ``f`` at: :attr:`FieldMap.blog_url` filled with
    its ``date`` (``2024-01-31``, written as :attr:`FieldMap.blog_url_date` says: ``yyyy/MM/dd``), its
    ``slug`` (its ``slug`` field, else its title slugified as the blog does it: :func:`_material_slug`), its
    file's name and its first category; ``None`` for a format it cannot fill (another placeholder, a
    date pattern other than years, months and days).

    >>> fm = read_front_matter("blog/posts/a.md", "---\\ndate: 2024-01-31\\n---\\n")
    >>> fields = FieldMap(blog_url="/blog/{date}/{slug}/", blog_url_date="yyyy/MM/dd")
    >>> material_post_url(_Fields("blog/posts/a.md", fm), fields, "Café: what's new?", "2024-01-31")
    '/blog/2024/01/31/café-whats-new/'
    """
    year, month, day = date[:4], date[5:7], date[8:10]
    parts = {"yyyy": year, "MM": month, "dd": day}
    if not all(p.isdigit() for p in (year, month, day)) or any(
            token not in parts for token in _DATE_PATTERN.findall(fields.blog_url_date)):
        return None
    own = f.text(("slug",))
    categories = _values(f.get("categories"), True, fields.keyword_separator) if f.get("categories") not in (
        _MISSING, None, "") else []
    values = {"date": _DATE_PATTERN.sub(lambda m: parts[m.group(0)], fields.blog_url_date),
              "slug": own.strip() if own and own.strip() else _material_slug(title),
              "file": f.name.rpartition("/")[2].rsplit(".", 1)[0],
              "categories": _material_slug(categories[0]) if categories else ""}
    try:
        url = fields.blog_url.format(**values)
    except (KeyError, IndexError, ValueError):
        return None
    return re.sub(r"/{2,}", "/", url)


def _material_slug(text: str) -> str:
    """``text`` as Material's blog slugifies a post's title and a category by default (its ``post_slugify`` and
    ``categories_slugify``: pymdownx.slugs.slugify(case="lower")): HTML tags dropped, in lower case, Unicode
    kept (NFC), what is no word character, hyphen or space left out, each space a hyphen.

    >>> _material_slug("Café & <b>crème</b>: ça va?"), _material_slug("你好，世界")
    ('café--crème-ça-va', '你好世界')
    """
    text = unicodedata.normalize("NFC", re.sub(r"</?[^>]*>", "", text).strip()).lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _blog_post_links(f: _Fields, fields: FieldMap, start: int) -> list[RelatedLink]:
    """The pages an MkDocs Material blog post lists in its ``links`` (its related links), written as the
    site's ``nav`` is: a path from the docs folder (with an ``#anchor``), a ``Title: path`` item, a
    section holding more items; a url of another site is no page of the corpus. Each is read from the
    docs folder (``content_dir``), as the blog reads it, not from the post: its target is the path
    from the post's folder there (``../../setup/a.md``), as a link in the post's text would be.

    >>> from qagraph.frontmatter import read_front_matter
    >>> fm = read_front_matter("blog/posts/p.md", "---\\nlinks:\\n  - setup/a.md#x\\n  - Read: b.md\\n"
    ...                        "  - More:\\n    - Out: https://x.org/\\n    - ./c/d.md\\n---\\n")
    >>> [(link.target, link.title) for link in _blog_post_links(_Fields("blog/posts/p.md", fm), FieldMap(), 0)]
    [('../../setup/a.md#x', None), ('../../b.md', 'Read'), ('../../c/d.md', None)]
    >>> fm = read_front_matter("blog/posts/p.md", "---\\nlinks:\\n  - blog/posts/q.md\\n---\\n")
    >>> [link.target for link in _blog_post_links(_Fields("blog/posts/p.md", fm), FieldMap(), 0)]
    ['./q.md']
    """
    links: list[RelatedLink] = []
    value = f.get("links")
    if value is _MISSING or value is None:
        return links
    f.used.add("links")
    line = f.line_of("links")

    def walk(item: Any, title: str | None) -> None:
        if isinstance(item, list):
            for each in item:
                walk(each, None)
        elif isinstance(item, dict):
            for key, each in item.items():
                walk(each, _text(key))
        elif isinstance(item, str) and item.strip() and "://" not in item and not item.strip().startswith(
                ("#", "mailto:")):
            target = posixpath.relpath(fields.content_dir + item.strip().lstrip("/"), f.name.rpartition("/")[0] or ".")
            target = target if target.startswith("../") else f"./{target}"  # a path, not a name to look for
            links.append(RelatedLink(start + len(links) + 1, None, None, title, None, line, FRONT_MATTER, target))

    walk(value, None)
    return links


def _shown_field_links(f: _Fields, fields: FieldMap, start: int) -> list[RelatedLink]:
    """The links of the front-matter fields the page shows (:attr:`FieldMap.markdown_fields`: the links in
    their Markdown, as the body's; :attr:`FieldMap.href_fields`: their value, a link's href, or each text
    in their lists and mappings, GitHub Docs' ``featuredLinks: {guides: [/a, /b]}``), at the
    lines of their keys (a block's text from the next line). A value that is no text shows no link."""
    links: list[RelatedLink] = []
    for path in (*fields.markdown_fields, *fields.href_fields):
        if "[]" in path:  # a field of each item of a list: a VitePress hero's buttons (hero.actions[].link)
            line = f.line_of(path.partition("[]")[0])
            for href in _item_texts(f.data, path):
                links += [RelatedLink(start + len(links) + 1, None, None, link.text, None, link.line, link.origin,
                                      link.target)
                          for link in text_links(f'<a href="{href.strip()}">', ("html",), line or 1, fields.site_url,
                                                 None, fields.site_hosts)] if not any(c in href for c in '"<>') else []
            continue
        value = f.get(path)
        line = f.line_of(path)
        if path in fields.href_fields and isinstance(value, (list, dict)):  # GitHub Docs' featuredLinks: {guides: [...]}
            try:
                for href in _nested_strings(value):
                    href = conditional_url(href.strip()) if "{%" in href else href.strip()
                    links += [RelatedLink(start + len(links) + 1, None, None, link.text, None, link.line, link.origin,
                                          link.target)
                              for link in text_links(f'<a href="{href}">', ("html",), line or 1, fields.site_url, None,
                                                     fields.site_hosts)] if href and not any(c in href for c in '"<>') else []
            except (_TooLarge, RecursionError):
                f.warn(f"{path} holds more than {MAX_FIELD_VALUES:,} values (YAML aliases?); not kept", path)
            continue
        if not isinstance(value, str) or not value.strip():
            continue
        if path in fields.href_fields:  # read as the anchor the layout writes, so another site's url is none
            found = text_links(f'<a href="{value.strip()}">', ("html",), line or 1, fields.site_url, None,
                               fields.site_hosts) if not any(c in value for c in '"<>') else []
        else:  # a block (intro: |) starts on the line after its key
            first = (line or 1) + (1 if "\n" in value.strip() or value.endswith("\n") else 0)
            found = text_links(value, fields.links or ("markdown",), first, fields.site_url, None, fields.site_hosts,
                               fields.note_suffixes)
        links += [RelatedLink(start + len(links) + 1, None, None, link.text, None, link.line, link.origin, link.target)
                  for link in found]
    return links


def _include_id_links(f: _Fields, fields: FieldMap, body: str, start: int) -> list[RelatedLink]:
    """The links of the lists of a page that its includes show, by the ``id`` the page gives each include
    (``{% include feature_row id="feature_row2" %}``: each ``url`` of the page's ``feature_row2``, as
    :attr:`FieldMap.include_id_hrefs` says), at the lines of those fields' keys.

    >>> from qagraph.frontmatter import read_front_matter
    >>> fm = read_front_matter("a.md", "---\\nrow2:\\n  - url: /b/\\n  - title: C\\n---\\n")
    >>> body = '{% include feature_row id="row2" type="left" %}'
    >>> [link.target for link in _include_id_links(_Fields("a.md", fm), FieldMap(
    ...     include_id_hrefs=(("feature_row", "url"),)), body, 0)]
    ['/b/']
    """
    links: list[RelatedLink] = []
    for include, key in fields.include_id_hrefs:
        tag = re.compile(r"\{%-?\s*include(?:_cached)?\s+" + re.escape(include) +
                         r"""\s[^%]*?\bid\s*=\s*["']?([\w-]+)["']?[^%]*?-?%\}""")
        for listed in dict.fromkeys(tag.findall(body)):
            line = f.line_of(listed)
            for href in _item_texts(f.data, f"{listed}[].{key}"):
                links += [RelatedLink(start + len(links) + 1, None, None, link.text, None, link.line, link.origin,
                                      link.target)
                          for link in text_links(f'<a href="{href.strip()}">', ("html",), line or 1, fields.site_url,
                                                 None, fields.site_hosts)] if not any(c in href for c in '"<>') else []
    return links


def _item_texts(data: Any, path: str) -> list[str]:
    """The texts at ``path`` of a page's front matter ``data``, where a ``[]`` part is each item of a list in
    turn (``hero.actions[].link``: the ``link`` of each of the hero's actions); an item without one, or whose
    value is no text, has none.

    >>> _item_texts({"hero": {"name": "P", "actions": [{"text": "Go", "link": "/a"}, {"text": "B"}, "c"]}},
    ...             "hero.actions[].link")
    ['/a']
    >>> _item_texts({"features": [{"link": "/x"}, {"link": 3}, {"link": " "}]}, "features[].link")
    ['/x']
    """
    head, listed, rest = path.partition("[].")
    node: Any = data
    for part in head.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if not listed:
        return [node] if isinstance(node, str) and node.strip() else []
    return [text for item in (node if isinstance(node, list) else ()) for text in _item_texts(item, rest)]


def _nested_strings(value: Any, budget: list[int] | None = None) -> Iterator[str]:
    """The strings of a front-matter value, however deep in its lists and mappings: Obsidian records the
    ``[[links]]`` of a property's nested values too (``evolutions: [{pokemon: '[[Snover]]'}]``, a list of
    ``[rank, '[[Move]]']`` pairs), which a vault's notes may hold their only links in.

    At most ``budget[0]`` values are looked at (:data:`MAX_FIELD_VALUES`; the budget is shared by
    the walks given it): past them :class:`_TooLarge` is raised. YAML aliases can make a few lines
    mean billions of values (an alias bomb), which a walk without a budget never ended.

    >>> list(_nested_strings({"a": ["x", ["y", 1]], "b": {"c": "z"}, "d": None}))
    ['x', 'y', 'z']
    """
    budget = [MAX_FIELD_VALUES] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _nested_strings(item, budget)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _nested_strings(item, budget)


#: a page a Notion property names: its file, relative and url-encoded, in brackets after its name
#: (``Website (../Projects%20ab12/Website%20cd34.md)``) or as a Markdown link's target
_NOTION_PAGE = lazy_compile(r"\(<?([^()\s<>]+\.md)>?\)")


class _TooLarge(Exception):
    pass


def _jsonable(value: Any, budget: list[int]) -> Any:
    """``value`` as JSON can hold it, the same on every run: dates and times as ISO text, keys as
    text (``true``, ``null`` as YAML and JSON write them), a set as a sorted list, binary data as
    its base64 text, a float that is not a number (``.nan``, ``inf``) as text; at most
    :data:`MAX_FIELD_VALUES` values.

    >>> _jsonable({True: {"b", "a"}, None: float("inf"), "x": b"hi"}, [100])
    {'true': ['a', 'b'], 'null': 'inf', 'x': 'aGk='}
    """
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {_key_text(k): _jsonable(v, budget) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, budget) for v in value]
    if isinstance(value, (set, frozenset)):  # YAML's !!set: in an order of its own, which Python's hashing varies
        return sorted((_jsonable(v, budget) for v in value), key=lambda v: (type(v).__name__, str(v)))
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (bytes, bytearray)):  # YAML's !!binary: base64 as the file wrote it
        return base64.b64encode(value).decode("ascii")
    return str(value)


def _key_text(key: Any) -> str:
    """A mapping key as JSON text: YAML's ``true``, ``~``, ``1.5``, dates spelled as YAML and JSON do."""
    if key is None:
        return "null"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, (_dt.date, _dt.datetime, _dt.time)):
        return key.isoformat()
    return str(key)


def _extra(f: _Fields, fields: FieldMap, title: str) -> dict[str, Any]:
    """Every front-matter field the map did not use, JSON-able, so nothing is dropped silently."""
    extra: dict[str, Any] = {}
    used = {p.lower() for p in f.used} if f.any_case else f.used
    top_used = {p.split(".", 1)[0] for p in used}

    keys: dict[str, Any] = {}  # the key each name is kept under

    def keep(name: str, value: Any, key: Any = None) -> None:
        if name in extra and key is not None:  # 1 and '1' are two keys, one name as JSON text: one value was lost
            f.warn(f"keys {as_written(keys[name])} and {as_written(key)} are both {name!r} as text; the value of the "
                   "last is kept", name)
        keys[name] = key
        try:
            extra[name] = _jsonable(value, [MAX_FIELD_VALUES])
        except (_TooLarge, RecursionError):
            f.warn(f"{name} holds more than {MAX_FIELD_VALUES:,} values (YAML aliases?); not kept", name.split(".")[0])

    for k, v in f.data.items():
        sk = _key_text(k)  # null and true as the file writes them (Python's None and True were kept)
        if (sk.lower() if f.any_case else sk) in used:
            continue
        if (sk.lower() if f.any_case else sk) in top_used and isinstance(v, dict):
            for sub, sv in v.items():
                if (f"{sk}.{sub}".lower() if f.any_case else f"{sk}.{sub}") not in used:
                    keep(f"{sk}.{sub}", sv)
            continue
        if sk in fields.title or sk in fields.question:
            if _text(v) is not None and clean(_text(v) or "") == title:
                continue  # the corpus repeats the title as article_title/question
        keep(sk, v, k)
    return extra

