"""Incremental builds: after an edit, patch what it touches and give what a full build gives.

A full build parses every file, links every article and writes every output. After an
edit of a few articles almost all of that is as it was, and :func:`update_build` redoes
only what the edited files reach, working on a copy of the previous build's database:

* the edited, added and deleted files are parsed (the rest is not read);
* their articles' nodes and subject and keyword edges are replaced;
* subjects and keywords they name get their labels and counts from the spelling
  counts kept on each node, moved by what the edit added and removed;
* every article whose related links name an edited article's url or id (the
  database's ``links`` table says which) is linked again with :func:`qagraph.graph.link_article`,
  the function the full build uses; stubs appear and vanish as links to them do;
* in a corpus whose links name articles by page path, note name or alias (Obsidian, Hugo,
  Jekyll), the edited articles are linked again against an
  :class:`~qagraph.links.ArticleIndex` of the database's articles; when an article came,
  went or changed its names (:meth:`~qagraph.links.ArticleIndex.identity`), so is every article with a
  link that may name it (:meth:`~qagraph.links.ArticleIndex.last_names`); and so is every
  article linking to a stub that any of those link or linked to (a stub is named by the
  first link to it in file order, so those are linked again in file order);
* similar and same-question edges come from the similarity index's update
  (:meth:`qagraph.similarity.SimilarityIndex.update`), which recomputes only the rankings the
  edit can change;
* the report's counts and problems are read back from the patched database.

Whatever the update cannot decide locally (changed settings, a changed preset, keys that
two files claim, links by url and id beside links by name, many files at once) is a
:class:`Fallback`: the caller then builds in full. ``tests/test_incremental.py`` checks, on
random corpora and random edits, that the patched database and every output equal a full
build's.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .database import DATABASE, DatabasePatch
from .errors import ERROR, RESOURCE, SKIPPED, WARNING, Problem
from .fields import FieldMap, in_the_future
from .graph import (ExcludedNote, LinkLookups, article_index, article_node_data, excluded_notes, keyword_data,
                    keyword_edges, link_article, subject_data, subject_edge, text_target)
from .ids import article_node, keyword_node, subject_node
from .kinds import ARTICLE, LISTING, STUB
from .links import ArticleIndex, listing_term, url_key
from .load import LISTS, SENDS, Scan, file_links, listed_here, parse_file_batch
from .model import Article, RelatedLink
from .normalize import fold

__all__ = ["Fallback", "LINK_CODES", "Update", "update_build"]

#: codes of the problems found while linking (they belong to the linking article)
LINK_CODES = frozenset({"related-mismatch", "related-unresolved", "related-self", "ref-ambiguous"})
#: above this share of changed files a full build is as quick, and simpler
MAX_CHANGED_SHARE = 0.02
SIMILARITY = "similarity"


class Fallback(Exception):
    """The build folder cannot be patched for this change; ``str(exc)`` says why. Build in full."""


@dataclass
class Update:
    """What an update changed, for the writers of the other outputs."""

    changed: set[str] = field(default_factory=set)  #: nodes whose data or edges changed
    removed: set[str] = field(default_factory=set)  #: nodes that are gone
    files: set[str] = field(default_factory=set)  #: input files that were read again
    articles: dict[str, Article] = field(default_factory=dict)  #: the new records of the edited articles
    #: nodes and edges added less those removed, by kind (:meth:`~qagraph.database.DatabasePatch.kind_changes`)
    kinds: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the articles the similarity index holds after the update: the database's, when the index is this build's
    indexed: int = 0


def update_build(
    stage: Path,
    content: Path,
    scanned: Scan,
    known: Mapping[str, tuple[Any, ...]],
    fields: FieldMap,
    *,
    similarity_folder: Path,
    max_file_size: int,
    skips: Mapping[str, str],
) -> Update:
    """Patch the database in ``stage`` (a copy of the previous build) for what changed in ``content``.

    ``known`` is what the previous build read of each input file, ``skips`` the files the
    preset passes over now (:func:`qagraph.presets.layout_skips`). The similarity index
    in ``similarity_folder`` is updated and saved there.

    Raises:
        Fallback: the change cannot be patched (see the module text).
    """
    if fields.content_mounts:  # pages read as the site sees them, named by their own files: built whole
        raise Fallback("the site mounts folders into its content")
    db_path = stage / DATABASE
    names = scanned.names
    digests = scanned.digests
    now = set(names)
    # set operations over the 36k names, and a loop over the files the scan read again only: a
    # file whose signature did not change has the digest it had (the scan took it from ``known``)
    paths = {n for n in scanned.read if n not in known or digests.get(n) != known[n][4]}
    paths |= known.keys() - digests.keys()  # gone, or no longer readable
    patch = DatabasePatch(db_path)
    try:
        listed = {p for (p,) in patch.con.execute("SELECT path FROM files")}
        paths |= listed ^ now
        came_or_went = excluded_notes(listed ^ now, fields)
        if came_or_went:  # links by its name reach it, or a stub of that name, now: who links so is not recorded
            raise Fallback(f"{came_or_went[0].path}, a note the vault leaves out of the graph (excluded, a template), "
                           "came or went")
        skipped_before = {p for (p,) in patch.con.execute("SELECT path FROM files WHERE status = 'skipped'")}
        paths |= (skipped_before ^ set(skips)) & (now | skipped_before)
        # a file skipped before and now may be skipped for another reason, which its problem says: a
        # page bundle (or a headless section) written inside the one it was a resource of owns it now
        both = sorted(skipped_before & skips.keys() - paths)
        if both:
            told = dict(patch.con.execute(
                "SELECT path, message FROM problems WHERE code = ? AND path IN (SELECT value FROM json_each(?))",
                (RESOURCE, json.dumps(both))))
            paths |= {p for p in both if told.get(p) != skips[p]}
        paths |= {p.path for p in scanned.found.problems if p.path in now}
        # a warning that hangs on other files (a link to one, a name alike): said again, or no more
        paths |= (scanned.found.notes.keys() | {p for (p,) in patch.con.execute(
            "SELECT path FROM problems WHERE code IN ('file-link', 'name-alike')")}) & now
        limit = max(50, int(len(names) * MAX_CHANGED_SHARE))
        if len(paths) > limit:
            raise Fallback(f"{len(paths)} files changed (more than {limit})")
        old_status = {p: (s, n) for p, s, n in patch.con.execute(
            "SELECT path, status, node FROM files WHERE path IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(paths)),))}
        update = _patch(patch, content, scanned, fields, sorted(paths), old_status, similarity_folder,
                        max_file_size, skips)
        update.kinds = patch.kind_changes()
        patch.commit()
        return update
    except BaseException:
        patch.rollback()
        raise


def _patch(patch: DatabasePatch, content: Path, scanned: Scan, fields: FieldMap, paths: list[str],
           old_status: dict[str, tuple[str, str | None]], similarity_folder: Path, max_file_size: int,
           skips: Mapping[str, str]) -> Update:
    from .similarity import SAME_QUESTION_MAX, SimilarityIndex

    con = patch.con
    now = set(scanned.names)
    failed = {p.path: p for p in scanned.found.problems if p.path in now}

    # -- the files read again -------------------------------------------------------------
    outcomes: dict[str, tuple[Article | None, list[Problem]]] = {}
    todo = [p for p in paths if p in now and p not in failed and p not in skips]
    for name, (article, found) in zip(todo, parse_file_batch(content, todo, scanned.found.raw, fields, max_file_size)):
        later = in_the_future(article, fields) if article is not None else None
        if name in scanned.found.notes:  # a link to another article file: read, and said
            found = [*found, scanned.found.notes[name]]
        outcomes[name] = (None, [*found, later]) if later is not None else (article, found)
    for p in paths:
        if p in now and p not in outcomes:
            outcomes[p] = (None, [failed[p] if p in failed else Problem(p, None, skips[p], RESOURCE, SKIPPED)])

    # a link to another article file is read after the others: where the url is the identity it is the duplicate of
    # the file it names, settled as a full load settles it (the links are read again on every build: their warning)
    last = file_links(scanned.found.notes)
    settled = _link_duplicates(con, outcomes, last, set(paths))
    old_nodes = {p: old_status[p][1] for p in paths if p in old_status and old_status[p][0] == "article"}
    new_articles = {p: a for p, (a, _) in outcomes.items() if a is not None}
    if fields.redirect_fields and fields.alias_fields:
        _redirects_untouched(patch, touched_paths=set(paths), outcomes=outcomes,
                             urls=[a.url for a in new_articles.values() if a.url] +
                             [str(_data(patch, n).get("url") or "") for n in old_nodes.values() if n is not None])
    fields = _listings_untouched(patch, set(paths), outcomes, fields)
    duplicates = [(p, m) for p, m in con.execute("SELECT path, message FROM problems WHERE code = 'duplicate'")]
    keys = [a.key for a in new_articles.values()]
    if len(set(keys)) != len(keys):
        raise Fallback("two edited files have the same key")
    for p, a in new_articles.items():
        row = con.execute("SELECT path FROM articles WHERE node = ?", (article_node(a.key),)).fetchone()  # indexed
        if row is not None and row[0] not in old_nodes:
            raise Fallback(f"{p} takes the key of {row[0]}")
    touched = set(paths)
    old_data = {p: _data(patch, n) for p, n in old_nodes.items() if n is not None}
    old_keys = {d.get("key") for d in old_data.values()}
    if any(p not in settled and (p in touched or any(f" {k} " in f" {m} " for k in old_keys if k)) for p, m in duplicates):
        raise Fallback("an edited file shares its key with another file")
    _keep_shared_urls(patch, touched, old_data, new_articles, outcomes)
    by_name = fields.links_by_name
    rules: ArticleIndex[Any] = article_index([], fields)
    if by_name and patch.con.execute("SELECT name FROM sqlite_master WHERE name = 'names'").fetchone() is None:
        raise Fallback("the build has no names table")

    update = Update(files=set(paths), articles={article_node(a.key): a for a in new_articles.values()})
    new_nodes = {article_node(a.key): a for a in new_articles.values()}
    gone = {n for n in old_nodes.values() if n is not None} - set(new_nodes)
    update.removed |= gone
    update.changed |= set(new_nodes) | gone

    # -- subjects and keywords: spelling counts moved by what left and what came ----------
    subject_moves: dict[str, dict[str, int]] = {}
    keyword_moves: dict[str, dict[str, int]] = {}
    for d in old_data.values():
        _move(subject_moves, d.get("subject") or "", d.get("subject_label") or "", -1)
        for key, spelling in zip(d.get("keywords", ()), d.get("keyword_labels", ())):
            _move(keyword_moves, key, spelling, -1)
    for a in new_articles.values():
        _move(subject_moves, a.subject_slug, a.subject, +1)
        for key, spelling in zip(a.keyword_keys, a.keywords):
            _move(keyword_moves, key, spelling, +1)

    # old article nodes go first (their edges with them); new ones come back below; the
    # stubs they linked to are settled again at the end
    stub_candidates: set[str] = set()
    old_article_nodes = sorted(n for n in old_nodes.values() if n is not None)
    for node in old_article_nodes:
        stub_candidates |= {t for (t, _) in patch.out_edges(node, ("related",)) if _kind(patch, t) == STUB}
    for node in old_article_nodes:
        if node in gone:
            patch.remove_node(node)
        else:
            patch.remove_edges(node, ("subject", "keyword", "related", LISTING))

    terms = _listing_terms(con) if fields.listing_terms else None
    for slug, moves in sorted(subject_moves.items()):
        _concept(patch, update, subject_node(slug), moves, lambda counts, slug=slug: subject_data(slug, counts))
    for key, moves in sorted(keyword_moves.items()):
        _concept(patch, update, keyword_node(key), moves, lambda counts, key=key: keyword_data(key, counts))
    terms_now = _listing_terms(con) if terms is not None else None
    if terms_now != terms and _links_to_terms(con, fields):
        # a link to /tags/go/ is a stub or not as a page has the tag go (links.ArticleIndex._listed_term)
        raise Fallback("a keyword or subject that a link to its listing page may name came or went")

    for node, a in sorted(new_nodes.items()):
        patch.set_node(node, article_node_data(a))
        patch.add_edge(node, subject_node(a.subject_slug), "subject", subject_edge(a))
        for key, data in zip(a.keyword_keys, keyword_edges(a)):
            patch.add_edge(node, keyword_node(key), "keyword", data)
        patch.set_links(node, a.related)
        if by_name:
            patch.set_names(node, rules.name_rows(a, node, a.related))
    for node in gone:
        patch.set_links(node, ())
        if by_name:
            patch.set_names(node, ())

    # -- related links: every link that can lead elsewhere now is resolved again ----------------
    # a link to another article file is read after the files: the first link to a stub, which
    # names it, is the first in that order (load.load_order)
    if by_name:
        link_problems, unchanged_linking = _relink_by_name(patch, update, paths, old_data, new_articles,
                                                           stub_candidates, fields, rules, last, terms_now,
                                                           excluded_notes(skips, fields))
    else:
        link_problems, unchanged_linking = _relink(patch, update, old_data, new_articles, new_nodes, gone,
                                                   stub_candidates, fields, last)

    # -- similar and same-question edges: the index updates only what the edit can change ----
    try:
        index = SimilarityIndex.load(similarity_folder)
    except Exception as exc:  # noqa: BLE001 - any unreadable state means: build in full
        raise Fallback(f"no similarity state ({exc})") from None
    # a state of another build (of other content, or older) holds other articles: what the edit
    # removes or changes must be in it (the count is compared once the database is patched)
    held = [n.removeprefix("article:") for n in [*gone, *(n for n in old_nodes.values() if n in new_nodes)]]
    if not all(key in index for key in held):
        raise Fallback("the similarity state is not this build's")
    # a question of more articles than SAME_QUESTION_MAX has no pairs: an edit that a group crosses
    # that size with would add or remove pairs of articles it does not touch (rare: built in full)
    edited = {*(a.key for a in new_articles.values()), *(n.removeprefix("article:") for n in gone)}
    if any(index.question_group(key) >= SAME_QUESTION_MAX for key in edited):
        raise Fallback(f"a question asked by {SAME_QUESTION_MAX} articles or more was edited")
    changes = index.update(changed=list(new_articles.values()), removed=[n.removeprefix("article:") for n in gone])
    if any(index.question_group(key) >= SAME_QUESTION_MAX for key in edited):
        raise Fallback(f"a question asked by {SAME_QUESTION_MAX} articles or more was edited")
    ends = {article_node(key) for e in [*changes.added, *changes.changed] for key in (e.source, e.target)}
    if any(patch.node_id(node) is None for node in ends):
        raise Fallback("the similarity state is not this build's")
    update.indexed = len(index)
    for first, second in changes.removed:
        patch.remove_edge(article_node(first), article_node(second), "similar")
        update.changed |= {article_node(first), article_node(second)}
    for e in [*changes.added, *changes.changed]:
        u, v = article_node(e.source), article_node(e.target)
        patch.add_edge(u, v, "similar", {"kind": "similar", "weight": e.weight, "shared": e.shared})
        update.changed |= {u, v}
    # a same-question pair comes or goes only with an article that came, went or changed
    same_before = patch.pairs_touching([article_node(k) for k in edited], "same-question")
    same_now = {(article_node(a), article_node(b)) for a, b in index.same_question_pairs(among=edited)}
    for u, v in same_before - same_now:
        patch.remove_edge(u, v, "same-question")
        update.changed |= {u, v}
    for u, v in same_now - same_before:
        patch.add_edge(u, v, "same-question", {"kind": "same-question"})
        update.changed |= {u, v}
    index.save(similarity_folder)

    # -- files and problems -----------------------------------------------------------------
    for p in paths:
        if p not in now:
            patch.set_file(p, None)
            continue
        record, problems = outcomes[p]
        if record is not None:
            patch.set_file(p, "article", article_node(record.key))
        elif any(q.severity == SKIPPED for q in problems) and not any(q.severity == ERROR for q in problems):
            patch.set_file(p, "skipped")
        else:
            patch.set_file(p, "rejected")
    load_problems = [q for p in paths if p in now for q in outcomes[p][1]]
    patch.replace_problems(unchanged_linking, [], codes=LINK_CODES)
    patch.replace_problems(paths, load_problems + link_problems)
    update.changed -= update.removed
    return update


def _link_duplicates(con: Any, outcomes: dict[str, tuple[Article | None, list[Problem]]], links: set[str],
                     touched: set[str]) -> set[str]:
    """Reject each of the ``links`` read again (files that are links to another article file, :func:`~qagraph.load.file_links`)
    whose article's key an article read before it has, saying so, as :func:`~qagraph.load.load_corpus` does: it reads
    the links after every other file, in path order (:func:`~qagraph.load.load_order`), so where the url is the
    identity a link is the duplicate of the file it names, never that file of it. The key's owner is an article of
    the files read again but the links, else one of the database's that was not read again (``touched``), else a
    link before it. The links read again, whose duplicate problems are so settled, are returned."""
    owners = {a.key: p for p, (a, _) in outcomes.items() if a is not None and p not in links}
    read = sorted(links & outcomes.keys())
    for p in read:
        article, found = outcomes[p]
        if article is None:
            continue
        owner = owners.get(article.key)
        if owner is None:
            row = con.execute("SELECT path FROM articles WHERE node = ?", (article_node(article.key),)).fetchone()
            owner = row[0] if row is not None and row[0] not in touched else None
        if owner is None:
            owners[article.key] = p
            continue
        outcomes[p] = (None, [*found, Problem(p, article.url_line,
                                              f"duplicate article: {article.key} is already used by {owner}", "duplicate")])
    return set(read)


def _relink(patch: DatabasePatch, update: Update, old_data: Mapping[str, dict[str, Any]],
            new_articles: Mapping[str, Article], new_nodes: Mapping[str, Article], gone: set[str],
            stub_candidates: set[str], fields: FieldMap, last: set[str]) -> tuple[list[Problem], set[str]]:
    """Link again the edited articles and every article whose ``related_articleN`` links name
    an edited url or id; settle the stubs (``last``: the files read after the others). The problems
    found, and the paths of the unchanged articles linked again."""
    con = patch.con
    urls = {d.get("url") for d in old_data.values()} | {a.url for a in new_articles.values()}
    ids = {d.get("id") for d in old_data.values()} | {a.id for a in new_articles.values()}
    urls.discard(None)
    ids.discard(None)
    linking: set[str] = set()
    for url in urls:
        linking |= {r[0] for r in con.execute("SELECT article FROM links WHERE url = ?", (url,))}
    for number in ids:
        linking |= {r[0] for r in con.execute("SELECT article FROM links WHERE id = ?", (number,))}
    linking -= gone
    linking |= set(new_nodes)
    path_of = {n: a.path for n, a in new_nodes.items()}
    for node in linking - set(new_nodes):
        row = con.execute("SELECT path FROM articles WHERE node = ?", (node,)).fetchone()
        path_of[node] = row[0]

    def url_owner(url: str) -> str | None:
        row = con.execute("SELECT node FROM articles WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def id_owners(number: int) -> list[tuple[str, str | None]]:
        return sorted((k, u) for k, u in con.execute("SELECT key, url FROM articles WHERE id = ?", (number,)))

    lookups = LinkLookups(url_owner, id_owners)
    stub_candidates |= {article_node(u) for u in urls if isinstance(u, str)}
    link_problems: list[Problem] = []
    for node in sorted(linking):
        before = patch.out_edges(node, ("related",))
        stub_candidates |= {t for (t, _) in before if _kind(patch, t) == STUB}
        links = new_nodes[node].related if node in new_nodes else patch.links_of(node)
        targets, problems, stubs = link_article(node, path_of[node], links, fields, lookups)
        link_problems += problems
        stub_candidates |= {s for s, _ in stubs}
        after = {(t, "related"): d for t, d in targets.items()}
        if after != before or node in new_nodes:
            update.changed.add(node)
            for s, data in stubs:
                if _kind(patch, s) is None:
                    patch.set_node(s, data)  # for now: its data are settled below
            patch.remove_edges(node, ("related",))
            for t, d in targets.items():
                patch.add_edge(node, t, "related", d)
    _settle_stubs(patch, update, stub_candidates, fields, lookups, last)
    return link_problems, {path_of[n] for n in linking if n not in new_nodes}


@dataclass(frozen=True)
class _Named:
    """An article as :class:`~qagraph.links.ArticleIndex` reads it, from the database."""

    key: str
    path: str
    url: str | None
    extra: dict[str, Any]
    title: str = ""  # a name too, for a field map whose alias fields say so (links.TITLE_ALIAS)


class _StubGraph:
    """What :func:`~qagraph.graph.text_target` asks of a graph, over the patched database:
    whether a node is there (the ``hidden`` stubs are not, until a link makes them again),
    and to add a stub (written at once: an edge to it follows)."""

    def __init__(self, patch: DatabasePatch, hidden: set[str]) -> None:
        self.patch, self.hidden = patch, hidden
        self.added: dict[str, dict[str, Any]] = {}

    def __contains__(self, node: str) -> bool:
        if node in self.added:
            return True
        kind = _kind(self.patch, node)
        return kind is not None and (kind != STUB or node not in self.hidden)

    def add_node(self, node: str, **data: Any) -> None:
        self.added[node] = data
        self.patch.set_node(node, data)


class _Spellings(dict[str, str]):
    """Folded stub name -> spelling, as the full build's first link gave it; asking for a
    name two stubs share (a url stub and a note stub that differ in case) is a fallback."""

    def __init__(self, known: dict[str, str], ambiguous: set[str]) -> None:
        super().__init__(known)
        self.ambiguous = ambiguous

    def setdefault(self, key: str, default: str) -> str:
        if key in self.ambiguous:
            raise Fallback(f"two stubs are named {key!r} but for case")
        return super().setdefault(key, default)


def _named(con: Any, nodes: Iterable[str] | None, last: set[str]) -> list[_Named]:
    """The articles ``nodes`` (every article: ``None``) as the index reads them, in file order
    (the files of ``last``, links to another article file, after the others)."""
    query = "SELECT key, path, url, extra, title FROM articles"
    rows = con.execute(query + " WHERE node IN (SELECT value FROM json_each(?))", (json.dumps(sorted(nodes)),)) \
        if nodes is not None else con.execute(query)
    return sorted((_Named(k, p, u, _json(x), t or "") for k, p, u, x, t in rows),
                  key=lambda r: (r.path in last, r.path))


def _listing_terms(con: Any) -> dict[str, frozenset[str]]:
    """The keywords and subjects of the build as the urls of their listing pages name them, each with the
    nodes so named (:func:`~qagraph.links.listing_terms_of`)."""
    terms: dict[str, set[str]] = {}
    for sql in ("SELECT node, key, spellings FROM keywords", "SELECT node, slug, spellings FROM subjects"):
        for node, key, spellings in con.execute(sql):
            for name in (key, *(s for s, _ in json.loads(spellings or "[]"))):
                terms.setdefault(listing_term(str(name)), set()).add(node)
    return {term: frozenset(nodes) for term, nodes in terms.items() if term}


def _links_to_terms(con: Any, fields: FieldMap) -> bool:
    """Whether a link of the build may lead to a term's listing page (``FieldMap.listing_terms``)."""
    term = re.compile(fields.listing_terms)
    return any(term.search(target) or term.search("/" + target) for (target,) in con.execute(
        "SELECT DISTINCT target FROM links WHERE target IS NOT NULL"))


def _reachable(con: Any, linking: Iterable[str], fields: FieldMap, last: set[str],
               terms: Mapping[str, frozenset[str]] | None = None,
               excluded: Sequence[ExcludedNote] = ()) -> ArticleIndex[_Named | ExcludedNote]:
    """An index of the articles the links of ``linking`` may lead to: those going by a last name
    the links end in (the ``names`` table), and the ``excluded`` notes, as the full build's index
    holds them. It resolves those links as the whole corpus's index does: every look-up of a link
    ends in one of its last names, and each holds every article of that name, in file order; the
    listing pages' ``terms`` are the build's (:func:`_listing_terms`)."""
    wanted = json.dumps(sorted(linking))
    reached = [name for (name,) in con.execute(
        "SELECT DISTINCT name FROM names WHERE +way = 'links' AND node IN (SELECT value FROM json_each(?))",  # by node
        (wanted,))]
    nodes = None if "" in reached else {node for (node,) in con.execute(
        "SELECT DISTINCT node FROM names WHERE way = 'is' AND name IN (SELECT value FROM json_each(?))",
        (json.dumps(reached),))}
    return article_index([*_named(con, nodes, last), *excluded], fields,
                         terms=terms if terms is not None or not fields.listing_terms else _listing_terms(con))


def _relink_by_name(patch: DatabasePatch, update: Update, paths: Iterable[str], old_data: Mapping[str, dict[str, Any]],
                    new_articles: Mapping[str, Article], before_stubs: set[str], fields: FieldMap,
                    rules: ArticleIndex[Any], last: set[str],
                    terms: Mapping[str, frozenset[str]] | None = None,
                    excluded: Sequence[ExcludedNote] = ()) -> tuple[list[Problem], set[str]]:
    """Link again, in a corpus whose links name articles by page path, note name or alias,
    the articles whose links can lead elsewhere after the edit.

    Those are: the edited articles; when an article came, went or changed its names
    (:meth:`~qagraph.links.ArticleIndex.identity`), every article with a link whose last name
    (:meth:`~qagraph.links.ArticleIndex.last_names`) is one of that article's, before or
    after; and every article linking to a stub that one of those links or linked to (a ref
    that names one more page by its name may name several now, a warning). A
    full build names a stub after the first link to it in file order (``[[Note]]`` and
    ``[[note]]`` are one stub) and gives it that link's data, so they are linked again in
    file order, with the functions the full build uses, against an
    :class:`~qagraph.links.ArticleIndex` of the articles those links may reach (the
    database's ``names`` table says which, and who links to a name). ``rules``: an index of no
    article, by the rules of ``fields`` (:func:`~qagraph.graph.article_index`); ``last``: the files
    read after the others (:func:`~qagraph.load.file_links`); ``terms``: the build's listing terms after the edit
    (:func:`_listing_terms`); ``excluded``: the notes the vault's Excluded files leave out, which links reach
    without leading anywhere (:func:`~qagraph.graph.excluded_notes`). The problems found linking, and the paths
    of the unchanged articles linked again, are returned."""
    con = patch.con
    mixed = con.execute("SELECT a.path FROM links l JOIN articles a ON a.node = l.article WHERE l.target IS NULL "
                        "LIMIT 1").fetchone()
    if mixed is not None:  # their linkers are found by url and id (_relink): both ways at once are not patched
        raise Fallback(f"{mixed[0]} links by url and id beside links by name or path")
    new_nodes = {article_node(a.key): a for a in new_articles.values()}
    linking = set(new_nodes)
    # the names that lead elsewhere now: those of the articles that came, went or were renamed
    renamed: set[str] = set()
    for p in paths:
        d = old_data.get(p)
        old = None if d is None else _Named(d["key"], d["path"], d.get("url"), d.get("extra") or {},
                                            d.get("title") or "")
        new = new_articles.get(p)
        if (old and rules.identity(old)) != (new and rules.identity(new)):
            renamed |= rules.names(old) if old else set()
            renamed |= rules.names(new) if new else set()
    if renamed:
        linking |= {node for (node,) in con.execute(
            "SELECT DISTINCT node FROM names WHERE way = 'links' AND name IN (SELECT value FROM json_each(?))",
            (json.dumps(sorted(renamed | {""})),))}
    # the stubs those articles link to, before and after; all their linkers
    stubs: dict[str, list[tuple[str, str]]] = {}  # folded name -> (node, key) of the stubs so named
    for node, key in con.execute("SELECT node, key FROM stubs"):
        stubs.setdefault(fold(key), []).append((node, key))
    keys = {node: key for found in stubs.values() for node, key in found}
    before_stubs = before_stubs | {t for node in linking - set(new_nodes)
                                   for t, _ in patch.out_edges(node, ("related",)) if t in keys}
    folds = {fold(keys[n]) for n in before_stubs if n in keys}
    url_identity = fields.url_stubs
    index = _reachable(con, linking, fields, last, terms, excluded)
    for source in _named(con, linking, last):
        node = article_node(source.key)
        for link in new_nodes[node].related if node in new_nodes else patch.links_of(node):
            if link.target is not None and \
                    index.resolve(link.target, link.origin, source.path, link.title, source.url) is None:
                key = index.stub_key(link.target, link.origin, source.path, url_identity, source.url)
                if key is not None:
                    folds.add(fold(key))
    if any(len(stubs.get(f, ())) > 1 for f in folds):
        raise Fallback("two stubs the edit reaches are named alike but for case")
    involved = {node for f in folds for node, _ in stubs.get(f, ())}
    before = {node: _data(patch, node) for node in involved}
    linkers = set().union(*(patch.sources(node, ("related",)) for node in involved)) - linking
    if linkers:  # their links too: an index of what all of them may reach
        linking |= linkers
        index = _reachable(con, linking, fields, last, terms, excluded)
    spellings = _Spellings({f: found[0][1] for f, found in stubs.items() if f not in folds and len(found) == 1},
                           {f for f, found in stubs.items() if f not in folds and len(found) > 1})
    graph = _StubGraph(patch, involved)
    no_lookups = LinkLookups(lambda url: None, lambda number: [])
    unchanged = set()
    link_problems: list[Problem] = []
    for source in _named(con, linking, last):
        node = article_node(source.key)
        links = new_nodes[node].related if node in new_nodes else patch.links_of(node)

        def target(link: RelatedLink, source: _Named = source) -> str | tuple[str, ...] | Problem | None:
            return text_target(graph, index, link, source, fields, spellings)

        targets, found, _ = link_article(node, source.path, links, fields, no_lookups, target)
        link_problems += found
        after = {(t, d["kind"]): d for t, d in targets.items()}
        was = patch.out_edges(node, ("related", LISTING))
        if after != was or node in new_nodes:
            update.changed.add(node)
            update.changed |= {t for t, _ in was.keys() ^ after.keys()}  # an article linked by one more or less
            patch.remove_edges(node, ("related", LISTING))
            for t, d in targets.items():
                patch.add_edge(node, t, d["kind"], d)
        if node not in new_nodes:
            unchanged.add(source.path)
    for node in sorted(involved - graph.added.keys()):
        if _kind(patch, node) == STUB:
            patch.remove_node(node)
            update.removed.add(node)
    update.removed -= graph.added.keys()  # a page gone, and a stub of the same name in its place
    update.changed |= {node for node, data in graph.added.items() if before.get(node) != data}
    return link_problems, unchanged

def _json(text: str | None) -> dict[str, Any]:
    value = json.loads(text) if text else None
    return value if isinstance(value, dict) else {}


def _keep_shared_urls(patch: DatabasePatch, touched: set[str], old_data: Mapping[str, Mapping[str, Any]],
                      new_articles: Mapping[str, Article],
                      outcomes: dict[str, tuple[Article | None, list[Problem]]]) -> None:
    """Keep the ``duplicate-url`` warnings of the edited files whose url stays (a full load finds them:
    :func:`~qagraph.load.load_corpus` warns of each file at a url an earlier file has). An edit that
    moves a file to or from a url another file has changes which file is warned of: a full build
    settles it (:class:`Fallback`). Files that all leave the url they shared in one edit are patched: none
    is at it any more, and each is alone at its new url."""
    for p in touched:
        old_url = old_data[p].get("url") if p in old_data else None
        new_url = new_articles[p].url if p in new_articles else None
        if old_url == new_url:
            continue
        for url in {old_url, new_url} - {None}:  # another file there, before the edit or after it
            rows = patch.con.execute("SELECT path FROM articles WHERE url = ?", (url,))
            if any(row[0] not in touched for row in rows) or any(a.url == url for q, a in new_articles.items() if q != p):
                raise Fallback(f"{p} comes to or leaves the url {url} of another file")
    for p, message in patch.con.execute("SELECT path, message FROM problems WHERE code = 'duplicate-url'"):
        # its url stayed, and so did the others' (else it fell back above); a url that every file at it
        # left at once holds none of them now, and a file alone at its new url is warned of nothing
        if p in touched and p in new_articles and p in old_data and old_data[p].get("url") == new_articles[p].url:
            outcomes[p][1].append(Problem(p, new_articles[p].url_line, message, "duplicate-url", WARNING))


def _redirects_untouched(patch: DatabasePatch, touched_paths: set[str],
                         outcomes: Mapping[str, tuple[Article | None, list[Problem]]], urls: Iterable[str]) -> None:
    """A :class:`Fallback` when the edit touches a redirect page or a page one sends its reader to: the
    redirect pages' paths are their targets' aliases (:func:`qagraph.load._redirected_here`), which a full
    build gives from all the files at once."""
    targets: set[str] = set()
    for path, message in patch.con.execute("SELECT path, message FROM problems WHERE code = 'headless'"):
        found = SENDS.match(message)
        if found is not None:
            if path in touched_paths:
                raise Fallback(f"{path} was a redirect page")
            targets.add(url_key(found.group("target")))
    for path, (_, found_here) in outcomes.items():
        if any(SENDS.match(p.message) for p in found_here if p.code == "headless"):
            raise Fallback(f"{path} is a redirect page")
    if targets and any(url_key(url) in targets for url in urls if url):
        raise Fallback("an edited page is where a redirect page sends its reader")


def _listings_untouched(patch: DatabasePatch, touched_paths: set[str],
                        outcomes: Mapping[str, tuple[Article | None, list[Problem]]], fields: FieldMap) -> FieldMap:
    """``fields`` with the urls of the corpus's listing pages (:func:`qagraph.load.listed_here`), which a full
    build takes from all the files at once; a :class:`Fallback` when the edit touches one of those pages
    (a tab given text, moved or gone), whose url the links of every page may reach."""
    skips = [Problem(path, None, message, "headless", SKIPPED) for path, message in patch.con.execute(
        "SELECT path, message FROM problems WHERE code = 'headless' AND severity = ?", (SKIPPED,))]
    for problem in skips:
        if LISTS.match(problem.message) and problem.path in touched_paths:
            raise Fallback(f"{problem.path} was a listing page")
    for path, (_, found_here) in outcomes.items():
        if any(LISTS.match(p.message) for p in found_here if p.code == "headless"):
            raise Fallback(f"{path} is a listing page")
    return listed_here(skips, fields)


def _data(patch: DatabasePatch, node: str) -> dict[str, Any]:
    from .database import BuildDatabase

    db = BuildDatabase.__new__(BuildDatabase)
    db.con = patch.con
    data = db.node_data(node)
    if data is None:
        raise Fallback(f"the build database lost {node}")
    return data


def _kind(patch: DatabasePatch, node: str) -> str | None:
    row = patch.con.execute("SELECT kind FROM nodes WHERE node = ?", (node,)).fetchone()
    return row[0] if row else None


def _move(moves: dict[str, dict[str, int]], key: str, spelling: str, step: int) -> None:
    counts = moves.setdefault(key, {})
    counts[spelling] = counts.get(spelling, 0) + step


def _concept(patch: DatabasePatch, update: Update, node: str, moves: dict[str, int], make: Any) -> None:
    """A subject or keyword after an edit: its spelling counts moved; gone when none is left."""
    row = patch.con.execute(
        "SELECT coalesce(s.spellings, k.spellings) FROM nodes n LEFT JOIN subjects s ON s.node_id = n.id "
        "LEFT JOIN keywords k ON k.node_id = n.id WHERE n.node = ?", (node,)).fetchone()
    import json

    counts = {str(k): int(v) for k, v in json.loads(row[0])} if row and row[0] else {}
    for spelling, step in moves.items():
        counts[spelling] = counts.get(spelling, 0) + step
        if counts[spelling] <= 0:
            del counts[spelling]
    if not counts:
        if row is not None:
            patch.remove_node(node)
            update.removed.add(node)
        return
    data = make(counts)
    before = _data(patch, node) if row is not None else None
    if before != data:
        patch.set_node(node, data)
        update.changed.add(node)


def _settle_stubs(patch: DatabasePatch, update: Update, candidates: Iterable[str], fields: FieldMap,
                  lookups: LinkLookups, last: set[str]) -> None:
    """Each stub is there while some related link resolves to it, with the data of the first such link
    in file order (the files of ``last`` after the others)."""
    con = patch.con
    for node in sorted(candidates):
        kind = _kind(patch, node)
        if kind == ARTICLE:
            continue
        url = node.removeprefix("article:")
        first: tuple[str, RelatedLink] | None = None
        if lookups.url_owner(url) is None:
            rows = con.execute(
                "SELECT a.path, l.position, l.url, l.id, l.title, l.subject, l.line, l.target, l.origin FROM links l "
                "JOIN articles a ON a.node = l.article WHERE l.url = ? "
                "ORDER BY a.path IN (SELECT value FROM json_each(?)), a.path, l.position LIMIT 1",
                (url, json.dumps(sorted(last)))).fetchall()
            if rows:
                path, p, u, i, t, s, line, tg, o = rows[0]
                first = (path, RelatedLink(p, u, i, t, s, line, target=tg, origin=o))
        if first is None:
            if kind == STUB:
                patch.remove_node(node)
                update.removed.add(node)
            continue
        _, stubs = first[0], link_article("", first[0], [first[1]], fields, lookups)[2]
        data = stubs[0][1]
        if kind is None or _data(patch, node) != data:
            patch.set_node(node, data)
            update.changed.add(node)


def copy_database(source: Path, target: Path) -> None:
    """A real copy (never a hard link: the copy is changed in place)."""
    target.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    os.chmod(target, 0o644)

