"""The knowledge graph: one networkx ``MultiDiGraph``, the hub every output reads.

Nodes (ids from :mod:`qagraph.ids`), each with ``kind`` and ``label``:

``article``  ``article:<url>`` - key, url, id, title, question, answer, description,
             subject (slug), subject_label (as written), keywords (folded keys, in file
             order), keyword_labels (as written), date (ISO text), author, score, no_index,
             path, file_name, body, extra (unknown front-matter fields, JSON-able)
``stub``     ``article:<url>`` - a related article outside the corpus: key, url, id,
             title, subject (slug), subject_label, as the first link to it gave them
``subject``  ``subject:<slug>`` - slug, label (most common spelling), labels (all
             spellings, sorted), articles (count)
``keyword``  ``keyword:<folded>`` - key, label (most common spelling), labels, df

Edges carry ``kind``, which is also their multigraph key, so kinds never collide:

``subject``  article -> subject; ``line`` (where a field writes it), when one does
``keyword``  article -> keyword; ``line`` (where the file writes it), when known
``related``  article -> article or stub; ``position`` (the first link that named it:
             ``related_articleN`` keep N, other links follow), ``positions`` (all of
             them), ``line`` (the first's line in its file, or ``None``), ``origin`` (where the first was found: ``front-matter``,
             ``wiki-link``, ``embed``, ``markdown-link``, ``ref``; see
             :mod:`qagraph.links`); repeats of a target are merged
``similar``  article -> article, stored once per pair (from the smaller node id);
             ``weight`` (0..1, see :mod:`qagraph.similarity`), ``shared`` (keyword keys)

``G.graph`` holds ``similarity`` (the settings used) and ``source`` (the folder).
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import kinds as _kinds
from .errors import WARNING, Problem
from .ids import ARTICLE, KEYWORD, STUB, SUBJECT, article_node, keyword_node, subject_node
from .kinds import LISTING
from .fields import MKDOCS_URLS, FieldMap, mounted_name
from .links import CHILDREN, COMMAND, EMBED, FOLDER_PAGES, FRONT_MATTER, MARKDOWN_LINK, REF, WIKI_LINK, A, ArticleIndex, Named
from .load import LoadResult
from .model import Article, Progress, RelatedLink
from .normalize import clean, fold, most_common_spelling, subject_slug
from .presets import vault_excluded
from .similarity import SimilarityConfig, SimilarityIndex

if TYPE_CHECKING:
    import networkx as nx  # imported where a graph is made: an edit's patch needs none (0.2 s)

__all__ = ["EDGE_KINDS", "NODE_KINDS", "build_graph", "article_projection"]

NODE_KINDS = tuple(_kinds.NODE_KINDS)
EDGE_KINDS = tuple(_kinds.EDGE_KINDS)

#: the pairs the similar and same-question edges are made of, by article key (:func:`similar_pairs`):
#: the similar edges' sources, targets, weights and shared keyword keys, a list each (from another
#: process, 141k edges unpickle in 0.05 s so, 0.27 s as records), and the same-question pairs
SimilarPairs = tuple[list[str], list[str], list[float], list[tuple[str, ...]], list[tuple[str, str]]]



def _add_edges(G: nx.MultiDiGraph, edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> None:
    """Add ``(u, v, key, data)`` edges straight into networkx's adjacency dicts.

    ``MultiDiGraph.add_edges_from`` spends most of its time re-checking what the
    builder already knows (both nodes exist, keys are fresh); this is the same
    structure it builds, several times faster. Both ends must already be nodes.
    The adjacency dicts keep the strings given, so pass each node's own string, not an equal
    one made per edge (``article_node(key)`` makes a new one per call): at 36k articles, 1.1
    million copies of node names took 110 MB.
    """
    succ, pred = G._succ, G._pred
    for u, v, key, data in edges:
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = {}
            succ[u][v] = keydict
            pred[v][u] = keydict
        keydict[key] = data


def build_graph(
    result: LoadResult,
    similarity: SimilarityConfig | None = None,
    fields: FieldMap | None = None,
    progress: Progress | None = None,
    *,
    index: SimilarityIndex | None = None,
    similar: Callable[[], SimilarPairs] | None = None,
) -> tuple[nx.MultiDiGraph, list[Problem]]:
    """The graph of ``result`` and the problems found while linking it.

    ``fields`` is the field map the articles were read with (default: the one
    ``result`` records, so a Hugo or Obsidian corpus links the way it was loaded).
    ``index`` is the :class:`~qagraph.similarity.SimilarityIndex` of these articles
    when the caller built it (to keep it for the next build); otherwise one is built.
    ``similar``, instead, gives that index's :func:`similar_pairs` once the rest of the
    graph is made (a caller computes them in another process meanwhile).

    >>> from qagraph.load import LoadResult
    >>> G, problems = build_graph(LoadResult("x", [], [], 0, 0))
    >>> G.number_of_nodes(), problems
    (0, [])
    """
    articles = result.articles
    fields = fields if fields is not None else result.fields
    problems: list[Problem] = []
    similarity = similarity or (index.config if index is not None else SimilarityConfig())
    import networkx as nx

    G = nx.MultiDiGraph(source=result.source, similarity=similarity.as_dict())
    if progress:
        progress("graph", 0, 3)

    # subjects: one per slug, labelled with the most common spelling; same for keywords.
    # Plain dicts, not Counters: 130k keywords, most with one spelling.
    subject_spellings: dict[str, dict[str, int]] = {}
    keyword_spellings: dict[str, dict[str, int]] = {}
    for a in articles:
        subject_counts = subject_spellings.setdefault(a.subject_slug, {})
        subject_counts[a.subject] = subject_counts.get(a.subject, 0) + 1
        for spelling, key in zip(a.keywords, a.keyword_keys):
            counts = keyword_spellings.get(key)
            if counts is None:
                keyword_spellings[key] = {spelling: 1}
            else:
                counts[spelling] = counts.get(spelling, 0) + 1

    subject_nodes = {slug: subject_node(slug) for slug in sorted(subject_spellings)}
    for slug, node in subject_nodes.items():
        G.add_node(node, **subject_data(slug, subject_spellings[slug]))
    # each node's name is made once, and every edge holds that string (see :func:`_add_edges`)
    node_data = G._node
    succ, pred = G._succ, G._pred
    keyword_nodes: dict[str, str] = {}
    for key in sorted(keyword_spellings):
        node = keyword_nodes[key] = keyword_node(key)
        # what G.add_node does, without its per-call checks
        succ[node], pred[node] = {}, {}
        node_data[node] = keyword_data(key, keyword_spellings[key])
    article_nodes = {a.key: article_node(a.key) for a in articles}
    for a in articles:
        G.add_node(article_nodes[a.key], **article_node_data(a))
    if progress:
        progress("graph", 1, 3)

    def kept() -> Iterator[tuple[str, str, str, dict[str, Any]]]:  # not a list: 480k tuples at 36k articles
        for a in articles:
            node = article_nodes[a.key]
            yield node, subject_nodes[a.subject_slug], "subject", subject_edge(a)
            for key, data in zip(a.keyword_keys, keyword_edges(a)):
                yield node, keyword_nodes[key], "keyword", data

    _add_edges(G, kept())
    if progress:
        progress("graph", 2, 3)

    _link_related(G, articles, fields, problems, article_nodes, excluded_notes(result.skipped, fields))
    if progress:
        progress("graph", 3, 3)
        progress("similarity", 0, 1)

    if similar is None:
        if index is None:
            index = SimilarityIndex.build(articles, similarity or SimilarityConfig())
        pairs = similar_pairs(index)
    else:
        pairs = similar()
    # the shared keywords are the graph's own strings (those of the pairs are the index's, or
    # came from another process)
    _add_edges(G, similarity_edges(pairs, article_nodes.__getitem__, {key: key for key in keyword_nodes}.get))
    if progress:
        progress("similarity", 1, 1)
    return G, problems


def subject_data(slug: str, counts: dict[str, int]) -> dict[str, Any]:
    """A subject node's data from how often each spelling of its name occurs.

    >>> subject_data("cs", {"Computer Science": 2, "Computer science": 1})["label"]
    'Computer Science'
    """
    return {
        "kind": SUBJECT, "slug": slug, "label": most_common_spelling(counts), "labels": tuple(sorted(counts)),
        "articles": sum(counts.values()), "spellings": tuple(sorted(counts.items())),
    }


def keyword_data(key: str, counts: dict[str, int]) -> dict[str, Any]:
    """A keyword node's data from how often each spelling occurs (``df`` is their sum).

    >>> keyword_data("graphs", {"Graphs": 2, "graphs": 1})["df"]
    3
    """
    if len(counts) == 1:
        [(label, count)] = counts.items()
        return {"kind": KEYWORD, "key": key, "label": label, "labels": (label,), "df": count,
                "spellings": ((label, count),)}
    return {"kind": KEYWORD, "key": key, "label": most_common_spelling(counts), "labels": tuple(sorted(counts)),
            "df": sum(counts.values()), "spellings": tuple(sorted(counts.items()))}


def similar_pairs(index: SimilarityIndex) -> SimilarPairs:
    """The similar edges and the same-question pairs ``index`` holds, by article key."""
    edges = index.edges()
    return ([e.source for e in edges], [e.target for e in edges], [e.weight for e in edges],
            [e.shared for e in edges], index.same_question_pairs())


def similarity_edges(pairs: SimilarPairs, node: Callable[[str], str] = article_node,
                     keyword: Callable[[str], str | None] | None = None) -> list[tuple[str, str, str, dict[str, Any]]]:
    """The ``similar`` and ``same-question`` edges of ``pairs``, as ``(u, v, kind, data)``, ``u < v``;
    ``node`` names the article of a key, ``keyword`` gives a keyword key's own string (both:
    the graph's own strings, when it has them)."""
    sources, targets, weights, shared, same = pairs
    if keyword is not None:
        shared = [tuple([keyword(k) or k for k in keys]) for keys in shared]
    edges = [(node(u), node(v), "similar", {"kind": "similar", "weight": w, "shared": s})
             for u, v, w, s in zip(sources, targets, weights, shared)]
    edges += [(node(a), node(b), "same-question", {"kind": "same-question"}) for a, b in same]
    return edges


def subject_edge(a: Article) -> dict[str, Any]:
    """The data of the subject edge of ``a``: with the file line a field writes the subject on, when
    one does (a finding about its spelling names it)."""
    return {"kind": "subject"} if a.subject_line is None else {"kind": "subject", "line": a.subject_line}


def keyword_edges(a: Article) -> Iterator[dict[str, Any]]:
    """The data of the keyword edges of ``a``, in the order of its keywords: each with the file line
    the keyword is written on, when known (a finding about the keyword names it)."""
    lines = a.keyword_lines if len(a.keyword_lines) == len(a.keyword_keys) else (None,) * len(a.keyword_keys)
    for line in lines:
        yield {"kind": "keyword"} if line is None else {"kind": "keyword", "line": line}


def article_node_data(a: Article) -> dict[str, Any]:
    """An article node's data, from its record; ``absent`` (the fields mapped with ``--field``
    that its file lacks) only when there are some: a patched build reads them back to tell
    whether any file has such a field; ``subject_given`` only when false (no field wrote the
    subject's label)."""
    data = {
        "kind": ARTICLE,
        "label": a.title,
        "key": a.key,
        "url": a.url,
        "id": a.id,
        "title": a.title,
        "question": a.question,
        "answer": a.answer,
        "description": a.description,
        "subject": a.subject_slug,
        "subject_label": a.subject,
        "keywords": a.keyword_keys,
        "keyword_labels": a.keywords,
        "date": a.date,
        "author": a.author,
        "score": a.score,
        "no_index": a.no_index,
        "path": a.path,
        "file_name": a.file_name,
        "body": a.body,
        "extra": a.extra,
    }
    if a.absent:
        data["absent"] = a.absent
    if not a.subject_given:  # only then: a 22nd key makes each of 36k dicts twice the size (13 MB at the peak)
        data["subject_given"] = False
    return data


def _link_related(
    G: nx.MultiDiGraph, articles: list[Article], fields: FieldMap, problems: list[Problem],
    names: Mapping[str, str], excluded: Sequence[ExcludedNote] = (),
) -> None:
    """``related`` edges for every link of every article: to an article of the corpus, or to a stub.

    ``related_articleN`` mappings resolve by url first, then by id when unique
    (:func:`link_article`); every other link (a ``target`` as written) through
    :class:`~qagraph.links.ArticleIndex`. A link that names nothing in the corpus becomes
    a stub when it names something article-like (a page path, a note name), never for
    another site or an attachment; a stub's data come from the first link to it, in file
    order. ``names`` are the articles' nodes by key; a link that reaches one of the ``excluded`` notes
    (:func:`excluded_notes`) leads nowhere.
    """
    by_url = {a.url: names[a.key] for a in articles if a.url}
    by_id: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    for a in articles:
        if a.id is not None:
            by_id[a.id].append((a.key, a.url))
    lookups = LinkLookups(by_url.get, lambda number: sorted(by_id.get(number, [])))
    index: ArticleIndex[Article | ExcludedNote] | None = None  # built on the first link that needs it
    stub_keys: dict[str, str] = {}  # folded name -> the first spelling, so [[Note]] and [[note]] meet

    def target_of(a: Article, link: RelatedLink) -> str | tuple[str, ...] | Problem | None:
        nonlocal index
        if index is None:
            index = article_index([*articles, *excluded], fields)
        return text_target(G, index, link, a, fields, stub_keys)

    edges = []
    for a in articles:
        source = names[a.key]

        def this_text_target(link: RelatedLink, a: Article = a) -> str | tuple[str, ...] | Problem | None:
            return target_of(a, link)

        targets, found, stubs = link_article(source, a.path, a.related, fields, lookups, this_text_target)
        problems.extend(found)
        for node, data in stubs:
            if node not in G:
                G.add_node(node, **data)
        edges += [(source, target, data["kind"], data) for target, data in targets.items()]
    _add_edges(G, edges)


@dataclass(frozen=True)
class ExcludedNote:
    """A note of an Obsidian vault that qagraph leaves out of its graph though Obsidian resolves links to it, as
    :class:`~qagraph.links.ArticleIndex` reads it: by its path. One its Excluded files leave out
    (``FieldMap.vault_excluded``: Obsidian hides it from its graph and search), or a template of new notes
    (``FieldMap.templates``, skipped: a skeleton, not a note of the vault's). The file is there and a link to it
    resolves (no missing note): such a link leads nowhere in the graph, neither to an article nor to a stub."""

    path: str
    url: str | None = None
    title: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.path  # its file name: no article's key (a vault's keys have no suffix), and never looked up


def excluded_notes(names: Iterable[str], fields: FieldMap) -> list[ExcludedNote]:
    """The notes among ``names`` (skipped files of the corpus, from its root) that an Obsidian vault's Excluded
    files leave out (:func:`~qagraph.presets.vault_excluded`) or that are in its templates folder, in path order;
    none without such settings.

    >>> from qagraph.presets import preset
    >>> fields = dataclasses.replace(preset("obsidian").fields, vault_excluded=("Archive/",), templates=("Meta/T",))
    >>> [n.path for n in excluded_notes(["Notes/a.md", "Archive/b.md", "Meta/T/c.md"], fields)]
    ['Archive/b.md', 'Meta/T/c.md']
    """
    if not fields.vault_excluded and not fields.templates:
        return []
    content = fields.content_dir
    templates = tuple(f"{t}/" for t in fields.templates)
    return [ExcludedNote(n) for n in sorted(names) if templates and n.startswith(templates) or n.startswith(content)
            and fields.vault_excluded and vault_excluded(n[len(content):], fields.vault_excluded) is not None]


#: the pages an ambiguous ref's warning names (then how many more there are)
AMBIGUOUS_SHOWN = 5


@dataclass(frozen=True)
class LinkLookups:
    """What resolving a ``related_articleN`` link asks of the corpus: the article with a url
    (its node id) and the articles with a numeric id (``(key, url)`` pairs, sorted by key)."""

    url_owner: Callable[[str], str | None]
    id_owners: Callable[[int], list[tuple[str, str | None]]]


def link_article(
    source: str, path: str, links: Iterable[RelatedLink], fields: FieldMap, lookups: LinkLookups,
    text_target: Callable[[RelatedLink], str | tuple[str, ...] | Problem | None] | None = None,
) -> tuple[dict[str, dict[str, Any]], list[Problem], list[tuple[str, dict[str, Any]]]]:
    """The related edges of one article (``target -> data``), the problems found, and the stubs its links name.

    A ``related_articleN`` link resolves by url first (a link whose id names other
    articles is a warning, resolved by url), then by id when exactly one article has it;
    any other link by ``text_target`` (:func:`text_target`: a node, nothing, the problem
    of an ambiguous ref, or the nodes of a section's list of its pages, each at the link's position);
    repeats of a target are merged (``position`` the first,
    ``positions`` all, ``origin`` and ``line`` the first's). Stubs come as ``(node, data)`` for the caller
    to add when new.
    """
    problems: list[Problem] = []
    stubs: list[tuple[str, dict[str, Any]]] = []
    targets: dict[str, dict[str, Any]] = {}
    subject_re = re.compile(fields.subject_from_url)
    for link in links:
        target: str | None = None
        if link.target is not None:
            if text_target is None:
                continue
            found = text_target(link)
            if isinstance(found, Problem):
                problems.append(found)
                continue
            if isinstance(found, tuple):  # a list of pages: each a target at the link's position
                for node in found:
                    if node != source:
                        _merge(targets, node, link)
                continue
            target = found
            if target is None or target == source:
                continue  # another site, an attachment, or the note itself
        elif link.url:
            where = f"{fields.related_prefix}{link.position}"
            hit = lookups.url_owner(link.url)
            named = lookups.id_owners(link.id) if link.id is not None else []
            if named and all(url != link.url for _, url in named):
                others = ", ".join(key for key, _ in named)
                nowhere = "" if hit is not None else ", which no article has (the link leaves the corpus)"
                problems.append(Problem(
                    path, link.line,
                    f"{where}: id {link.id} names {others} but url names {link.url}{nowhere}; resolved by url",
                    "related-mismatch", WARNING,
                ))
            target = hit if hit is not None else article_node(link.url)
            if hit is None:
                slug_m = subject_re.search(link.url)
                label = clean(link.subject) if link.subject else None
                slug = slug_m.group(1) if slug_m else (subject_slug(label) if label else None)
                stubs.append((target, {
                    "kind": STUB, "label": link.title or link.url, "key": link.url, "url": link.url, "id": link.id,
                    "title": link.title, "subject": slug, "subject_label": label,
                }))
        else:
            where = f"{fields.related_prefix}{link.position}"
            named = lookups.id_owners(link.id) if link.id is not None else []
            if len(named) == 1:
                target = article_node(named[0][0])
            else:
                said = f"no article has id {link.id}" if not named else \
                    f"id {link.id} is ambiguous (it names " + ", ".join(key for key, _ in named) + ")"
                problems.append(Problem(path, link.line, f"{where}: has no url and {said}; ignored",
                                        "related-unresolved", WARNING))
                continue
        if target == source:
            problems.append(Problem(path, link.line,
                                    f"{fields.related_prefix}{link.position}: links the article to itself; ignored",
                                    "related-self", WARNING))
            continue
        _merge(targets, target, link)
    for data in targets.values():
        data["positions"] = tuple(data["positions"])
    return targets, problems, stubs


def _merge(targets: dict[str, dict[str, Any]], target: str, link: RelatedLink) -> None:
    """Add the edge of ``link`` to ``target`` to ``targets`` (a ``listing`` edge to a subject or keyword, a
    related one to an article or stub), or its position to the one there."""
    seen = targets.get(target)
    if seen is None:
        kind = LISTING if target.startswith((SUBJECT + ":", KEYWORD + ":")) else "related"
        targets[target] = {"kind": kind, "position": link.position, "positions": [link.position],
                           "origin": link.origin, "line": link.line}
    else:
        seen["positions"].append(link.position)


def reads_relative_urls(*, doc_routes: bool, jekyll: bool, url_links: bool, path_urls: str | None,
                        collection_routes: bool, pelican: bool = False, hexo: bool = False) -> bool:
    """Whether a site reads a relative link (``../x/``) from the linking page's url, not from its file: one
    whose pages' urls are routes (Docusaurus), permalinks (Jekyll, Hexo), urls its links are written in, its
    paths as MkDocs or Eleventy publish them, an Astro collection's routes, or Pelican's urls (which it writes a
    link that is no ``{filename}`` as it is, for the browser to read). The rule of
    :func:`article_index` and of a stored build's index (:mod:`qagraph.kg`, from the field map kept)."""
    return doc_routes or jekyll or hexo or url_links or path_urls in (*MKDOCS_URLS, "eleventy") or collection_routes \
        or pelican


def reads_urls_only(*, doc_routes: bool, jekyll: bool, url_links: bool, path_urls: str | None) -> bool:
    """Whether a site reads a relative link that names no file (``../install/``, ``setup``) only from the
    linking page's url, never from its file: one that writes such a link into the page as it is, for the
    browser (Jekyll's permalinks, urls its links are written in, MkDocs's paths, Docusaurus's routes: its
    Markdown links page, "URL paths are unprocessed by Docusaurus"), where a url the browser finds no page at
    (``install/`` on ``/setup/tags/``: ``/setup/tags/install/``) is a broken link, not the page beside the file.
    The rule of :func:`article_index` and of a stored build's index (:mod:`qagraph.kg`)."""
    return doc_routes or jekyll or url_links or path_urls in MKDOCS_URLS


def article_index(articles: Sequence[A], fields: FieldMap,
                  terms: Mapping[str, Collection[str]] | None = None) -> ArticleIndex[A]:
    """The :class:`~qagraph.links.ArticleIndex` of ``articles`` by the rules of ``fields``
    (of no article: those rules alone, for :meth:`~qagraph.links.ArticleIndex.name_rows`). The pages of a
    folder the site mounts into its content are found where the site has them (:func:`~qagraph.fields.mounted_name`).
    ``terms``: the corpus's keywords and subjects as its listing pages name them, with their nodes
    (:func:`~qagraph.links.listing_terms_of`), where ``articles`` are not all of its pages; else theirs."""
    if fields.content_mounts and articles:
        articles = [dataclasses.replace(a, path=seen) if (seen := mounted_name(a.path, fields)) != a.path
                    and dataclasses.is_dataclass(a) else a for a in articles]
    return ArticleIndex(articles, content_dir=fields.content_dir, bundles=fields.bundles, site_url=fields.site_url,
                        alias_fields=fields.alias_fields, languages=fields.languages,
                        default_language=fields.default_language, relative_urls=reads_relative_urls(
                            doc_routes=bool(fields.doc_routes), jekyll=fields.jekyll, url_links=fields.url_links,
                            path_urls=fields.path_urls, collection_routes=bool(fields.collection_routes),
                            pelican=fields.article_url is not None or bool(fields.nikola_routes),
                            hexo=fields.hexo),
                        label_targets=fields.label_targets, alias_targets=fields.alias_targets,
                        site_hosts=fields.site_hosts, path_ends=fields.path_ends, urls_first=reads_urls_only(
                            doc_routes=bool(fields.doc_routes), jekyll=fields.jekyll, url_links=fields.url_links,
                            path_urls=fields.path_urls),
                        related_by=fields.related_by, post_tails=fields.identity != "page",
                        language_links=fields.language_links, command_fallbacks=fields.command_fallbacks,
                        source_folders=source_folders(fields), url_prefixes=fields.url_prefixes,
                        listing_urls=fields.listing_urls, site_folder=fields.site_folder,
                        localized=tuple(x for x in fields.languages if x != fields.default_language)
                        if fields.language_field else (), literal_absolute_links=fields.literal_absolute_links,
                        relative_file_links=fields.relative_file_links, zettel_ids=fields.zettel_ids,
                        listing_terms=fields.listing_terms, terms=terms)


def source_folders(fields: FieldMap | dict[str, Any]) -> tuple[str, ...]:
    """The content folders of a Docusaurus site's plugins (its docs', each version's, its blog's, its
    pages'), from the ``folder=route`` pairs of ``fields`` (a field map, or its settings as a build's
    report keeps them): a Markdown link to a file is read from its page's first."""
    def get(name: str) -> Any:
        return fields.get(name) if isinstance(fields, dict) else getattr(fields, name)
    return tuple(str(pair).partition("=")[0] for name in ("doc_routes", "blog_routes", "page_routes")
                 for pair in get(name) or ())


def text_target(G: nx.MultiDiGraph, index: ArticleIndex[Any], link: RelatedLink, a: Named, fields: FieldMap,
                stub_keys: dict[str, str]) -> str | tuple[str, ...] | Problem | None:
    """The node a ``target`` link of ``a`` leads to, ``None`` when it leads nowhere, or the
    warning (``ref-ambiguous``) for a ref that names several articles by a bare name; the nodes of the
    pages a section's ``children`` shortcode lists (:meth:`~qagraph.links.ArticleIndex.children`), none a stub.

    A link that names no article leads to a stub, added to ``G`` (with this link's data) when
    ``G`` does not hold it; ``stub_keys`` (folded name -> the first spelling met) makes
    ``[[Note]]`` and ``[[note]]`` one stub. ``G`` is asked only ``in`` and ``add_node``. An
    ambiguous ref leads nowhere: Hugo refuses it ("page reference is ambiguous") rather than
    pick a page, and so the graph does not guess which page the site will link once it is fixed.
    """
    assert link.target is not None
    here = mounted_name(a.path, fields) if fields.content_mounts else a.path  # where the site has the page
    if link.origin == CHILDREN:
        return tuple(article_node(child.key) for child in index.children(here, link.target))
    hit = index.resolve(link.target, link.origin, here, link.title, a.url)
    if hit is not None:
        return None if isinstance(hit, ExcludedNote) else article_node(hit.key)
    if link.origin == REF:
        several = index.ambiguous_ref(link.target, here)
        if several:
            shown = ", ".join(c.path for c in several[:AMBIGUOUS_SHOWN])
            more = f" and {len(several) - AMBIGUOUS_SHOWN} more" if len(several) > AMBIGUOUS_SHOWN else ""
            return Problem(a.path, link.line, f"ref {link.target!r} is ambiguous: {len(several)} pages go by that "
                           f"name ({shown}{more}); left unresolved, as Hugo leaves it", "ref-ambiguous", WARNING)
    key = index.stub_key(link.target, link.origin, here, fields.url_stubs, a.url)
    if key is None:  # nothing, or the list of a subject's or keyword's pages (/tags/go/): that node
        return index.listing_node(link.target, link.origin, here, fields.url_stubs, a.url) \
            if index.listing_terms is not None else None
    key = stub_keys.setdefault(fold(key), key)
    node = article_node(key)
    if node not in G:
        url = key if key.startswith("/") else None
        slug_m = re.search(fields.subject_from_url, url) if url else None
        # a note's name is its title, and a command's its page's (tldr titles a page by its command);
        # a page link's text is only how one page calls it ("click here"): the stub goes by its own name
        # (in an Obsidian vault a Markdown link names a note as a wiki-link does: [x](Missing%20note.md))
        named = index.read_as(link.origin) in (WIKI_LINK, EMBED) or index.path_ends and link.origin == MARKDOWN_LINK
        title = key.rpartition("/")[2] if named else (link.title if link.origin in (FRONT_MATTER, COMMAND) else None)
        G.add_node(
            node, kind=STUB, label=title or stub_name(key), key=key, url=url, id=None, title=title,
            subject=slug_m.group(1) if slug_m else None, subject_label=None,
        )
    return node


def stub_name(key: str) -> str:
    """The name a stub of a text link goes by: the last part of its ``key``, the page's name as its file or url
    would give it (a folder's own page, ``index`` or ``README``, by its folder's), whatever the first link
    to it says ("click here"), as a missing note goes by its name.

    >>> stub_name("docs/missing-page"), stub_name("/2017/01/10/hello/"), stub_name("guide/setup/index"), stub_name("/")
    ('missing-page', 'hello', 'setup', '/')
    """
    parts = [part for part in key.split("/") if part]
    while len(parts) > 1 and fold(parts[-1]) in FOLDER_PAGES:
        parts.pop()
    return parts[-1] if parts else key


def article_projection(G: nx.MultiDiGraph, related_weight: float = 1.0) -> nx.Graph:
    """An undirected weighted graph of articles (stubs left out) for networkx algorithms.

    Two articles are joined when a link kind joins them (related either way, similar,
    same question); ``weight`` adds up the links: a similarity's score, ``related_weight``
    for a link without a score; ``distance`` is ``1 / weight`` for shortest paths.

    >>> import networkx as nx
    >>> article_projection(nx.MultiDiGraph()).number_of_nodes()
    0
    """
    import networkx as nx

    kinds = {k.name for k in _kinds.link_kinds()}
    P = nx.Graph()
    P.add_nodes_from((n, {"label": d.get("label")}) for n, d in G.nodes(data=True) if d.get("kind") == ARTICLE)
    for u, v, kind, data in G.edges(keys=True, data=True):
        if kind not in kinds or u not in P or v not in P:
            continue
        add = float(data.get("weight", related_weight))
        if P.has_edge(u, v):
            P[u][v]["weight"] += add
        else:
            P.add_edge(u, v, weight=add)
    for _, _, data in P.edges(data=True):
        data["weight"] = round(data["weight"], 6)
        data["distance"] = 1.0 / data["weight"] if data["weight"] > 0 else float("inf")
    return P
