"""Bringing a build's HTML up to date after an edit, reading only what the edit touches.

A full build writes every view from the whole graph. After an edit of a few articles
:func:`update_html` reads the patched build database (and the previous one) around the
nodes the edit changed, and writes only what changed, into a copy of the previous build
folder (whose files are hard links: every file is written anew, never in place):

* the subject views the edit touches, each from the part of the graph it reads
  (:func:`subject_graph`). A view is touched when one of its articles, or a link of one,
  changed; when an article at the other end of one of its links moved to another subject
  or a stub it links to changed; when a subject or keyword it shows changed
  (:class:`~.views.ViewUses`, kept in the state file of :func:`~.site.write_views`); or
  when a keyword's new df changes which keywords name one of its communities;
* the overview and the index page, from counts kept in that state file and moved by the
  edges the edit added and removed;
* the atlas's data chunks that hold a node whose record changed, its ``meta.js`` and its
  page. The atlas layout is updated in place: articles keep their positions and
  communities; a new article goes beside its linked articles (in the community most of its
  links lead to), a new stub beside the articles that link to it.

Every file but the atlas's data is the file a full build writes for the same content;
the atlas's data are those of :func:`~.atlas.generate_atlas` for the updated layout.
When the edit adds or removes a subject (colours and file names of every view move),
when the state is missing or was written with other settings, or when the atlas's chunk
count or short ids move, the part concerned is written in full from the whole graph.
"""

from __future__ import annotations

import json
import os
import posixpath
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .. import jsontext, lightgraph
from ..database import BuildDatabase, edge_row_data
from ..fileio import write_atomic
from ..ids import keyword_node, split_node, subject_node
from ..kinds import (ARTICLE, KEYWORD, STUB, SUBJECT, edge_kind, kind_counts, link_kinds, symmetric_link_kinds,
                     weighted_link_kinds)
from ..parallel import Claims, beside, waited_on_error
from ..workers import end_with_parent
from .arrange import LABELLED_MAX, rank_keywords
from .atlas import (
    DATA_DIR,
    AtlasCounts,
    ChunkRecord,
    _check_site_url,
    _chunk_name,
    atlas_chunk_count,
    atlas_chunk_of,
    atlas_meta,
    atlas_page,
    chunk_record,
    community_entry,
    patch_chunk,
    read_chunk,
    read_data_script,
    render_chunk,
    PLAIN_IDS,
    SHORT_IDS,
    atlas_state,
    plain_after,
    plain_short_id,
    plain_short_ids,
    short_ids,
    write_atlas,
)
from .page import VIS_JS_NAME
from .select import Limits, OverviewCounts, graph_filler, keywords_stand, link_degrees_stand, subject_articles
from .site import (
    STATE_VERSION,
    counts_from_json,
    counts_json,
    entry_resized,
    index_page,
    subject_entry,
    subject_file_names,
    write_index,
    write_views,
)
from .views import listed_title, overview, patch_keyword_df, patch_listed, subject_view, view_layout, write_view

if TYPE_CHECKING:
    import networkx as nx
    from ..kg import KnowledgeGraph

__all__ = ["PreviousAtlas", "keyword_graph", "subject_graph", "update_html", "view_graph"]

IN_SUBJECT = edge_kind("subject").name
HAS_KEYWORD = edge_kind("keyword").name
ATLAS_KINDS = (ARTICLE, STUB)
ATLAS_TITLE = "Atlas of the articles"


#: the health findings the index page shows, or a function giving them once they are known
Findings = Union[Mapping[str, Any], Callable[[], "Mapping[str, Any] | None"], None]


def _findings(health: Findings) -> Mapping[str, Any] | None:
    return health() if callable(health) else health


def update_html(
    db_path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    changed: Collection[str],
    removed: Collection[str],
    previous_db: str | os.PathLike[str],
    previous_atlas: Mapping[str, Any] | PreviousAtlas | None,
    extra_links: Sequence[tuple[str, str]] = (),
    site_url: str | None = None,
    health: Findings = None,
    views_state: str | os.PathLike[str],
    atlas_state: str | os.PathLike[str],
    atlas: str = "views/atlas.html",
    limits: Limits = Limits(),
    index: bool = True,
    parallel: bool = False,
) -> list[Path]:
    """Bring the HTML in ``out`` up to date with the build database ``db_path``; the paths written.

    ``out`` holds the previous build's HTML (hard links are fine: files are replaced, not
    changed); ``previous_db`` is the previous build's database, ``changed`` and
    ``removed`` the nodes whose data or edges the edit changed, or that it removed
    (:class:`qagraph.incremental.Update`). ``previous_atlas`` is the previous atlas layout
    (:meth:`qagraph.layout.AtlasLayout.as_dict`, or :class:`PreviousAtlas` read beforehand); the updated one is written to
    ``atlas_state``. ``views_state`` is the state file of :func:`~.site.write_views`, read
    and written again. ``extra_links``, ``site_url``, ``health``, ``atlas`` and ``limits``
    are those of :func:`~.site.write_views` (``health`` may be a function giving the findings,
    called when the index page is written: they may come later). With ``index=False`` the caller writes the
    index page with :func:`~.site.write_index_from_state` once the health findings are
    known (the views' state holds the rest of the page); it is not among the paths returned.
    With ``parallel``, a forked process (:func:`qagraph.parallel.beside`) updates the
    atlas and some of the subject views while this one makes the others.

    >>> import qagraph, tempfile, shutil
    >>> from pathlib import Path
    >>> out = Path(tempfile.mkdtemp()) / "out"
    >>> _ = qagraph.build("content", out=out, outputs=["database", "html"])
    >>> previous = tempfile.mkdtemp() + "/previous.db"
    >>> _ = shutil.copyfile(out / "qagraph.db", previous)
    >>> update_html(out / "qagraph.db", out, changed=(), removed=(), previous_db=previous,
    ...             previous_atlas=json.loads((out / ".qagraph/atlas.json").read_text()),
    ...             views_state=out / ".qagraph/views.json", atlas_state=out / ".qagraph/atlas.json")[0].name
    'index.html'

    Raises:
        OutputError: a file cannot be written, or a database cannot be read.
    """
    out = Path(out)
    nodes = set(changed) | set(removed)
    previous = previous_atlas if isinstance(previous_atlas, PreviousAtlas) or previous_atlas is None \
        else PreviousAtlas(previous_atlas)
    db = BuildDatabase(db_path)
    old = BuildDatabase(previous_db)
    try:
        change = _Change.of(old, db, nodes)
        graph = _Graph(db)
        site = _Site(db, out, change, graph, limits=limits, site_url=site_url, atlas=atlas, parallel=parallel)

        def the_atlas(db: BuildDatabase) -> list[Path]:
            return _Atlas(db, out / "views", change, graph if db is site.db else _Graph(db), site_url=site_url).update(
                previous, node_counts=site.node_counts, state=Path(atlas_state))

        written = site.update(_read_json(views_state), extra_links=extra_links, health=health,
                              state_path=Path(views_state), index=index, also=the_atlas)
    finally:
        db.close()
        old.close()
    return written


# -- what the edit changed -------------------------------------------------------------------


#: what a subject view shows of an article it lists without drawing it (:func:`~.views.subject_view`)
_LISTED = ("title", "label", "url")


@dataclass
class _Side:
    """One database (before or after the edit) around the changed nodes."""

    db: BuildDatabase
    info: dict[str, tuple[str, str | None]]  #: node -> (kind, subject slug), changed nodes and their edges' ends
    #: (source, kind, target) -> (weight, position, rest): the edges of the changed articles and stubs, both
    #: ways, and of the changed subjects and keywords, those from the changed articles
    edges: dict[tuple[str, str, str], tuple[Any, Any, Any]]
    data: dict[str, dict[str, Any]]  #: changed node -> its data

    @classmethod
    def of(cls, db: BuildDatabase, nodes: Iterable[str]) -> "_Side":
        ids = db.ids_of(nodes)
        # a subject's or keyword's edges come from its articles: a changed article's are read as its
        # own, and the others' are the same on both sides, where they cancel (the 3,800 subject
        # edges of the largest subject at 36k, and their ends, read twice for an added article)
        concepts = {i for node, i in ids.items() if split_node(node)[0] in (SUBJECT, KEYWORD)}
        rows = db.edge_rows_touching([i for i in ids.values() if i not in concepts])
        if concepts:
            rows += db.edge_rows_touching(concepts, outgoing_only=True)
        ends = db.kinds_and_subjects({*ids.values(), *(r[0] for r in rows), *(r[2] for r in rows)})
        data = {node: d for node, d in db.nodes_by_id(ids.values()).values()}
        edges = {(ends[s][0], kind, ends[t][0]): (w, p, d) for s, kind, t, w, p, d in rows}
        return cls(db, {node: (kind, slug) for node, kind, slug in ends.values()}, edges, data)

    def joined(self, other: "_Side") -> "_Side":
        """The side around the nodes of both (``other`` of the same database): what :meth:`of` makes
        of their union, each edge once, without reading again what this one read."""
        return _Side(self.db, {**self.info, **other.info}, {**self.edges, **other.edges}, {**self.data, **other.data})

    def kind(self, node: str) -> str | None:
        found = self.info.get(node)
        return found[0] if found else None

    def subject(self, node: str) -> str | None:
        """The subject node of ``node`` when it is an article with a subject."""
        found = self.info.get(node)
        return subject_node(found[1]) if found and found[0] == ARTICLE and found[1] is not None else None


@dataclass
class _Change:
    nodes: set[str]
    before: _Side
    after: _Side
    links: frozenset[str] = field(default_factory=lambda: frozenset(k.name for k in link_kinds()))

    @classmethod
    def of(cls, before: BuildDatabase, after: BuildDatabase, nodes: set[str]) -> "_Change":
        """The change around ``nodes``, and around the far ends of the links that changed (a stub
        that a new link made, say: whatever an edit made or removed is taken as changed)."""
        change = cls(nodes, _Side.of(before, nodes), _Side.of(after, nodes))
        ends = {n for u, _, v in change.changed_links() for n in (u, v)} - nodes
        if ends:
            change = cls(nodes | ends, change.before.joined(_Side.of(before, ends)),
                         change.after.joined(_Side.of(after, ends)))
        return change

    def link_edges(self, side: _Side) -> dict[tuple[str, str, str], tuple[Any, Any, Any]]:
        return {e: v for e, v in side.edges.items() if e[1] in self.links}

    def link_degrees(self, side: _Side) -> Counter[str]:
        """The links of each changed node on ``side`` (both ways, as :func:`~.select.link_degrees`
        counts them): a changed node's edges are all on each side."""
        degree: Counter[str] = Counter()
        for u, _, v in self.link_edges(side):
            degree[u] += 1
            degree[v] += 1
        return degree

    def listed_as_before(self, node: str) -> bool:
        """Whether ``node`` is an article on both sides, of the same subject, with the title, label
        and url it had: all that a subject view that lists it without drawing it shows of it (its
        links aside, which rank it)."""
        before, after = self.before, self.after
        if before.kind(node) != ARTICLE or before.info.get(node) != after.info.get(node):
            return False
        old, new = before.data.get(node), after.data.get(node)
        return old is not None and new is not None and all(old.get(k) == new.get(k) for k in _LISTED)

    def changed_links(self) -> set[tuple[str, str, str]]:
        """Link edges added, removed or changed (every one touches a changed node)."""
        a, b = self.link_edges(self.before), self.link_edges(self.after)
        return {e for e in a.keys() | b.keys() if a.get(e) != b.get(e)}


# -- the views, the overview and the index -------------------------------------------------------


class _Site:
    def __init__(self, db: BuildDatabase, out: Path, change: _Change, graph: "_Graph", *, limits: Limits,
                 site_url: str | None, atlas: str, parallel: bool = False) -> None:
        self.db, self.out, self.change, self.graph, self.parallel = db, out, change, graph, parallel
        self.limits, self.site_url, self.atlas = limits, site_url, atlas
        self.settings = {"limits": asdict(limits), "site_url": site_url, "inline": False, "atlas": atlas,
                         "communities": False}
        self.node_counts: dict[str, int] = {}

    def update(self, state: Any, *, extra_links: Sequence[tuple[str, str]], health: Findings,
               state_path: Path, index: bool, also: Callable[[BuildDatabase], list[Path]]) -> list[Path]:
        """The site brought up to date, and ``also(database)`` done (the atlas: by the second
        process, with a connection of its own, when the work is shared)."""
        subjects = {node: data for node, data in self.db.nodes_by_id(self.db.ids_of_kind(SUBJECT)).values()}
        overview_before = _overview(state) if _state_fits(state, self.settings, subjects) else None
        if overview_before is None:
            whole = self._in_full(extra_links=extra_links, health=_findings(health), state=state_path)
            return [p for p in whole if index or p != self.out / "index.html"] + also(self.db)
        names = subject_file_names(_subject_nodes_graph(subjects))
        views_dir = self.out / "views"
        atlas_from_views = posixpath.relpath(self.atlas, "views") if self.atlas else None
        counts = self.counts(state, subjects, overview_before)  # the node counts are the atlas's too
        touched, patches, listed = self.touched(state, subjects)
        patched, entries_patched = _patch_views(views_dir, names, state["subjects"], patches, listed,
                                                self._members(subjects, listed), self._degrees, self.limits)
        todo = sorted(touched | ((patches.keys() | listed.keys()) - entries_patched.keys()))  # those not patched: made again

        def render(db: BuildDatabase, chosen: Iterable[str]) -> tuple[list[Path], dict[str, Any]]:
            paths, entries = [], {}
            for subject in chosen:
                G = subject_graph(db, subject, subjects, self.limits)
                kept = _kept_layout(views_dir / names[subject], state["subjects"].get(subject), names[subject],
                                    int(subjects[subject].get("articles", 0)))
                view = subject_view(G, subject, limits=self.limits, site_url=self.site_url, view_files=names,
                                    kept=kept)
                path = write_view(view, views_dir / names[subject], vis_src=f"assets/{VIS_JS_NAME}",
                                  index_href="../index.html", atlas_href=atlas_from_views)
                paths.append(path)
                entries[subject] = subject_entry(view, names[subject], int(subjects[subject].get("articles", 0)),
                                                 path.stat().st_size)
            return paths, entries

        # a second process makes ``also`` (the atlas), then takes views as this one does, the
        # largest first, whichever is free first: an added article touches a view per subject its
        # links reach, from 0.2 s for a small subject to 0.7 s for one of 4,500 articles at 36k
        # (with a split made beforehand, one process went on alone for 0.3 s)
        largest_first = sorted(todo, key=lambda s: (-int(subjects[s].get("articles", 0)), s))
        claims = None
        if self.parallel and len(largest_first) > 1:
            with suppress(OSError, ImportError):  # no shared lock here (no /dev/shm): this process makes them all
                claims = Claims(len(largest_first))
        parent = os.getpid()

        def claimed(claims: Claims) -> Iterator[str]:
            """The subjects this process takes, one at a time, as it is ready for the next."""
            while (i := claims.take()) is not None:
                yield largest_first[i]

        def render_there() -> tuple[list[Path], dict[str, Any]]:
            end_with_parent(parent)
            with closing(BuildDatabase(self.db.path)) as db:  # not the connection forked with this process
                made = also(db)
                paths, entries = render(db, claimed(claims)) if claims is not None else ([], {})
                return paths + made, entries

        def finish(entries_there: Mapping[str, Any]) -> list[Path]:
            """The views' state kept, and the index page written (when asked for)."""
            state["subjects"].update(entries_patched)
            state["subjects"].update(entries)
            state["subjects"].update(entries_there)
            rows = [state["subjects"][s]["row"]
                    for s in sorted(subjects, key=lambda s: (-subjects[s].get("articles", 0), s))]
            state["index"] = index_page(
                overview_row={"href": "views/overview.html", "summary": view.summary}, subject_rows=rows,
                atlas_href=self.atlas, site_url=self.site_url, extra_links=extra_links, node_counts=state["nodes"],
                edge_counts=state["edges"], source=state["source"])
            state["overview"] = counts_json(counts)
            write_atomic(state_path, jsontext.dumps(state))
            if not index:
                return []
            return [write_index(None, self.out / "index.html", health=_findings(health), **state["index"])]

        wait = beside(render_there) if self.parallel else None
        with waited_on_error(wait):
            written, entries = render(self.db, claimed(claims) if claims is not None else largest_first)
            # the overview needs nothing of the other process's: made while it works (on the atlas, mostly)
            small = _subject_nodes_graph(subjects)
            for node, data in self.db.nodes_by_id(self.db.ids_of(k for k, _ in counts.keywords).values()).values():
                small.add_node(node, **data)
            view = overview(small, limits=self.limits, view_files=names, site_url=self.site_url, counts=counts)
            overview_path = write_view(view, views_dir / "overview.html", vis_src=f"assets/{VIS_JS_NAME}",
                                       index_href="../index.html", atlas_href=atlas_from_views)
            # when the other process took no view (every one was taken before it was done with the
            # atlas), the state and the index page need nothing of its: written while it works
            done = finish({}) if claims is None or claims.taken_here == claims.n else None
        more, entries_there = wait() if wait is not None else (also(self.db), {})
        if done is None:
            done = finish(entries_there)
        return [*done, overview_path, *patched, *written, *more]

    def _in_full(self, *, extra_links: Sequence[tuple[str, str]], health: Mapping[str, Any] | None,
                 state: Path) -> list[Path]:
        G = self.graph()
        paths = write_views(G, self.out, limits=self.limits, site_url=self.site_url, atlas=self.atlas,
                            extra_links=extra_links, health=health, state=state)
        self.node_counts = {str(k): v for k, v in kind_counts(G)[0].items()}
        return paths

    # -- which subject views the edit touches ------------------------------------------------

    def touched(self, state: dict[str, Any], subjects: Mapping[str, Any],
                ) -> tuple[set[str], dict[str, dict[str, int]], dict[str, dict[str, str | None]]]:
        """The subject views the edit touches: those to make again; those that only show
        keywords whose df alone changed (their label and spellings as they were, whatever their
        counts), with those keywords' new df (:func:`~.views.patch_keyword_df` patches them); and
        those whose changed articles they all list without drawing them, before and after, with
        each one's listed title after the edit (None: not an article of the subject on that side;
        :func:`~.views.patch_listed` patches them)."""
        change = self.change
        before, after = change.before, change.after
        touched: set[str] = set()

        def add_subject_of(node: str) -> None:
            for side in (before, after):
                s = side.subject(node)
                if s is not None:
                    touched.add(s)

        # every end of a changed link is among the changed nodes (:meth:`_Change.of`); an article
        # that ranks after the last one its subject's page draws is there only as a listed title,
        # and stays there, as it was, while its title and the number of its links stay
        links_before, links_after = change.link_degrees(before), change.link_degrees(after)
        changed = change.changed_links()
        listed: dict[str, dict[str, str | None]] = defaultdict(dict)  # subject -> listed article -> its title
        for node in change.nodes:
            if change.listed_as_before(node) and links_before[node] == links_after[node]:
                cut = _cut(state["subjects"].get(after.subject(node)))
                links = links_before[node]
                if cut is not None and (-links, node) > (-cut[0], cut[1]):
                    continue
                if self._only_outside(node, changed):
                    continue
            subject = self._listed_only(node, state, links_before, links_after)
            if subject is not None:
                data = after.data.get(node)
                listed[subject][node] = (listed_title(node, data, self.limits)
                                         if after.kind(node) == ARTICLE and data is not None else None)
                continue
            add_subject_of(node)
        # nodes whose kind or subject moved, and stubs that changed: every view linking to them (an
        # end that its view lists, not draws, is that view's to patch: a link ranks it, no more)
        moved = {n for n in change.nodes
                 if before.info.get(n) != after.info.get(n)
                 or (STUB in (before.kind(n), after.kind(n)) and before.data.get(n) != after.data.get(n))}
        if moved:
            only_listed = {node for rows in listed.values() for node in rows}
            for side in (before, after):
                for u, _, v in change.link_edges(side):
                    if u in moved or v in moved:
                        for end in (u, v):
                            if end not in only_listed:
                                add_subject_of(end)
        # subjects and keywords that views show
        shown_subjects = {n for n in change.nodes if SUBJECT in (before.kind(n), after.kind(n))}
        keywords = {n for n in change.nodes if KEYWORD in (before.kind(n), after.kind(n))}

        # a view about something else shows a subject's label and spellings (its size and card count
        # the view's own links to it): only new names touch it
        def names(d: Mapping[str, Any] | None) -> tuple[Any, Any]:
            return (d or {}).get("label"), (d or {}).get("labels")

        relabelled = {n for n in shown_subjects if names(before.data.get(n)) != names(after.data.get(n))}
        # its own view shows its names and its count of articles: a count moved by articles the view
        # only lists is patched with the list
        touched |= {n for n in shown_subjects if n in relabelled or n not in listed}

        def but_df(d: Mapping[str, Any]) -> dict[str, Any]:  # (no view shows the spellings' counts)
            return {k: v for k, v in d.items() if k not in ("df", "spellings")}

        new_df: dict[str, int] = {}  # the keywords whose df alone changed
        for n in keywords:
            old, new = before.data.get(n), after.data.get(n)
            if (before.kind(n) == KEYWORD == after.kind(n) and old is not None and new is not None
                    and isinstance(new.get("df"), int) and but_df(old) == but_df(new)):
                new_df[n] = new["df"]
        keys = {split_node(k)[1] for k in keywords}
        # the df of every keyword of a community whose name a changed keyword may move, read at once
        # (a query per community took 0.03 s for an added article at 36k, before any view is drawn)
        ranked = {k for entry in state["subjects"].values() for counts, _ in entry["uses"]["groups"]
                  if keys & counts.keys() for k in counts}
        reranked = self._df(ranked) if ranked else {}
        patches: dict[str, dict[str, int]] = {}
        for subject, entry in state["subjects"].items():
            uses = entry["uses"]
            shown = keywords.intersection(uses["keywords"])
            if relabelled & set(uses["subjects"]) or not shown <= new_df.keys():
                touched.add(subject)
                continue
            for counts, chosen in uses["groups"]:
                if keys & counts.keys():
                    if any(k not in reranked for k in counts) or rank_keywords(counts, reranked) != chosen:
                        touched.add(subject)
                        break
            else:
                if shown:
                    patches[subject] = {k: new_df[k] for k in sorted(shown)}
        touched &= set(subjects)
        return (touched, {s: df for s, df in patches.items() if s in subjects and s not in touched},
                {s: rows for s, rows in listed.items() if s in subjects and s not in touched})

    def _members(self, subjects: Mapping[str, Any], listed: Mapping[str, Mapping[str, str | None]],
                 ) -> dict[str, tuple[int, int]]:
        """The articles of each subject of ``listed`` before the edit and after it."""
        before, after = self.change.before, self.change.after
        out: dict[str, tuple[int, int]] = {}
        for subject, rows in listed.items():
            now = int(subjects[subject].get("articles", 0))
            out[subject] = (now - sum(after.kind(n) == ARTICLE for n in rows) + sum(before.kind(n) == ARTICLE for n in rows),
                            now)
        return out

    def _degrees(self, nodes: list[str]) -> dict[str, int]:
        """The links of each of ``nodes`` after the edit (both ways, every link kind), as
        :func:`~.select.link_degrees` counts them: what ranks a subject's articles."""
        ids = self.db.ids_of(nodes)
        found = self.db.degrees(ids.values(), [k.name for k in link_kinds()])
        return {node: found.get(i, 0) for node, i in ids.items()}

    def _listed_only(self, node: str, state: Mapping[str, Any], links_before: Mapping[str, int],
                     links_after: Mapping[str, int]) -> str | None:
        """The subject whose view lists ``node`` without drawing it, before the edit and after it (on
        each side where it is an article of the subject; an article added or deleted is one on one
        side only), when that is all the views show of it: the view then keeps what it draws, and only
        its list and its count of articles move (:func:`~.views.patch_listed`). None otherwise: a
        node of another kind on a side, an article that moves to another subject, or that ranks
        among those the view draws (or would, after the edit), or a view that draws every article."""
        before, after = self.change.before, self.change.after
        sides = [(side, links) for side, links in ((before, links_before), (after, links_after)) if side.kind(node) is not None]
        subjects = {side.subject(node) for side, _ in sides}
        if any(side.kind(node) != ARTICLE for side, _ in sides) or len(subjects) != 1:
            return None
        subject = subjects.pop()
        cut = _cut(state["subjects"].get(subject)) if subject is not None else None
        if cut is None or subject is None:
            return None
        if all((-links[node], node) > (-cut[0], cut[1]) for _, links in sides):
            return subject
        return None

    def _only_outside(self, node: str, changed: set[tuple[str, str, str]]) -> bool:
        """Whether its own subject's view shows ``node`` (an article with its links' number, title and
        subject as they were) as it was: it is the same, and every link of it that changed joins it
        to an article of another subject, in the same numbers by subject, kind and way. Such links
        are drawn as one count by subject, kind and way (:func:`~.select.subject_selection`); the
        other end's own view is the other end's. When an article is added or deleted, the articles
        whose similar lists take it in or let it go are mostly of other subjects (a view of 0.2-0.5 s
        at 36k; one of the five an edit and an added article reached there was kept so)."""
        change = self.change
        before, after = change.before, change.after
        own = after.subject(node)
        if own is None or before.data.get(node) != after.data.get(node):
            return False
        for u, _, v in changed:
            if node in (u, v):
                other = v if u == node else u
                if any(side.subject(other) in (None, own) for side in (before, after)):
                    return False  # drawn inside the view, a stub's, or not an article's: the view draws it
        symmetric = symmetric_link_kinds()

        def outside(side: _Side) -> Counter[tuple[str, str, bool]]:
            counts: Counter[tuple[str, str, bool]] = Counter()
            for u, kind, v in change.link_edges(side):
                if node in (u, v):
                    s = side.subject(v if u == node else u)
                    if s is not None and s != own:
                        counts[(s, kind, u == node or kind in symmetric)] += 1
            return counts

        return outside(before) == outside(after)

    def _df(self, keys: Iterable[str]) -> dict[str, int]:
        rows = self.db.con.execute("SELECT key, df FROM keywords WHERE node IN (SELECT value FROM json_each(?))",
                                   (json.dumps([keyword_node(k) for k in keys]),))
        return {key: int(df) for key, df in rows if df is not None}

    # -- the counts of the overview and the index ------------------------------------------

    def counts(self, state: dict[str, Any], subjects: Mapping[str, Mapping[str, Any]],
               previous: OverviewCounts) -> OverviewCounts:
        """The state's counts (``previous``: its overview's) moved by the edges and nodes the edit
        changed; the state is updated."""
        change = self.change
        before, after = change.before, change.after
        nodes: Counter[str] = Counter(state["nodes"])
        edges: Counter[str] = Counter(state["edges"])
        links = {kind: Counter(pairs) for kind, pairs in previous.links.items()}
        for kind in change.links:
            links.setdefault(kind, Counter())
        by_keyword = {k: Counter(v) for k, v in previous.keyword_subjects.items()}
        symmetric = symmetric_link_kinds()
        for side, step in ((before, -1), (after, +1)):
            for node in change.nodes:
                node_kind = side.kind(node)
                if node_kind is not None:
                    nodes[node_kind] += step
            for (u, kind, v) in side.edges:
                edges[kind] += step
                source = side.info.get(u)
                if source is None or source[0] != ARTICLE or source[1] is None:
                    continue
                su = source[1]
                if kind in change.links:
                    sv = side.info[v][1]
                    if sv is not None and sv != su:
                        links[kind][(su, sv) if kind not in symmetric or su < sv else (sv, su)] += step
                elif kind == HAS_KEYWORD and v in by_keyword:
                    by_keyword[v][su] += step
        state["nodes"] = {k: c for k, c in sorted(nodes.items()) if c}
        state["edges"] = {k: c for k, c in sorted(edges.items()) if c}
        self.node_counts = dict(state["nodes"])
        top = self.db.top(KEYWORD, self.limits.overview_keywords)
        fresh = self.db.keyword_subject_counts(k for k, _ in top if k not in by_keyword)
        return OverviewCounts(
            {node: int(data.get("articles", 0)) for node, data in subjects.items()}, top, nodes.get(KEYWORD, 0),
            {kind: {pair: c for pair, c in pairs.items() if c} for kind, pairs in links.items()},
            {k: {s: c for s, c in (fresh[k] if k in fresh else by_keyword[k]).items() if c} for k, _ in top},
        )


def _patch_views(views_dir: Path, names: Mapping[str, str], entries: Mapping[str, Any],
                 patches: Mapping[str, Mapping[str, int]], listed: Mapping[str, Mapping[str, str | None]] = {},
                 members: Mapping[str, tuple[int, int]] = {},
                 degrees: Callable[[list[str]], Mapping[str, int]] | None = None,
                 limits: Limits = Limits()) -> tuple[list[Path], dict[str, Any]]:
    """The subject views patched in place (0.06 s against 0.2-0.9 s drawn again at 36k): those that
    only show keywords whose df changed (``patches``: subject -> keyword -> df; an added article's
    keywords reach the views of other subjects), and those whose changed articles they list without
    drawing them (``listed``, with ``members``, the subject's articles before and after, and
    ``degrees``: :func:`~.views.patch_listed`; the articles an added one ranks beside are mostly
    such). The files written, and their state ``entries`` updated. A page that is not the one its
    entry describes, or cannot be read or patched, is left out: the caller makes it again."""
    written: list[Path] = []
    updated: dict[str, Any] = {}
    for subject in sorted(patches.keys() | listed.keys()):
        path, entry = views_dir / names[subject], entries.get(subject)
        if entry is None or entry.get("file") != names[subject]:
            continue
        try:
            page: str | None = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        df, rows, cut = patches.get(subject), listed.get(subject), _cut(entry)
        if page is not None and df:
            page = patch_keyword_df(page, df)
        if page is not None and rows:
            if cut is None or degrees is None or subject not in members:
                continue
            page = patch_listed(page, rows, members[subject], degrees, cut, limits)
        if page is not None:
            written.append(write_atomic(path, page))
            updated[subject] = entry_resized(entry, path.stat().st_size,
                                             articles=members[subject][1] if rows else None)
    return written, updated


def _kept_layout(path: Path, entry: Any, name: str, articles: int,
                 ) -> dict[str, tuple[float, float, int | None]] | None:
    """The arrangement of a subject's view as its page before the edit holds it (:func:`~.views.view_layout`),
    for the view to keep (a view of more than :data:`~.arrange.LABELLED_MAX` articles); None for a
    smaller subject, or a page that is not the one its state ``entry`` describes or cannot be read."""
    if articles <= LABELLED_MAX or not isinstance(entry, dict) or entry.get("file") != name:
        return None
    try:
        return view_layout(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _state_fits(state: Any, settings: Mapping[str, Any], subjects: Collection[str]) -> bool:
    """Whether ``state`` (the views' state, as read) is one this code wrote, with ``settings``, for
    ``subjects``: its counts are counts, and each subject's entry has what an update reads of it
    (:func:`~.site.subject_entry`). Else the site is made in full."""
    return (isinstance(state, dict) and state.get("version") == STATE_VERSION and state.get("settings") == settings
            and isinstance(state.get("source"), str) and isinstance(state.get("subjects"), dict)
            and state["subjects"].keys() == set(subjects)
            and all(isinstance(state.get(k), dict) and set(map(type, state[k].values())) <= {int}
                    for k in ("nodes", "edges"))
            and all(_entry_fits(entry) for entry in state["subjects"].values()))


def _entry_fits(entry: Any) -> bool:
    """Whether ``entry`` is a subject view's entry in the views' state as :func:`~.site.subject_entry` writes it."""
    if not isinstance(entry, dict) or (_cut(entry) is None and entry.get("cut") is not None):
        return False
    uses = entry.get("uses")
    return (isinstance(entry.get("file"), str) and isinstance(entry.get("row"), dict) and isinstance(uses, dict)
            and all(isinstance(uses.get(k), list) and set(map(type, uses[k])) <= {str} for k in ("subjects", "keywords"))
            and isinstance(uses.get("groups"), list)
            and all(isinstance(group, list) and len(group) == 2 and isinstance(group[0], dict)
                    and set(map(type, group[0].values())) <= {int} and isinstance(group[1], list)
                    for group in uses["groups"]))


def _overview(state: Mapping[str, Any]) -> OverviewCounts | None:
    """The overview's counts the views' state keeps; ``None`` when they are not what this code writes."""
    try:
        return counts_from_json(state["overview"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


def _cut(entry: Any) -> tuple[int, str] | None:
    """The rank cut a subject view's entry in the state keeps (:func:`~.site.subject_entry`);
    ``None`` (every article is drawn) when it has none, or not one this code wrote (the site is
    then made in full)."""
    cut = entry.get("cut") if isinstance(entry, dict) else None
    if isinstance(cut, list) and len(cut) == 2 and type(cut[0]) is int and isinstance(cut[1], str):
        return cut[0], cut[1]
    return None


def _subject_nodes_graph(subjects: Mapping[str, Mapping[str, Any]]) -> nx.MultiDiGraph:
    G = lightgraph.MultiDiGraph()
    for node, data in subjects.items():
        G.add_node(node, **data)
    return G


def subject_graph(db: BuildDatabase, subject: str, subjects: Mapping[str, Mapping[str, Any]] | None = None,
                  limits: Limits = Limits()) -> nx.MultiDiGraph:
    """The part of the build's graph that the view of ``subject`` (with ``limits``) reads.

    Every subject node (``subjects``, read when not given); the subject's articles, with
    their subject edges and their links' number (counted in the database:
    :func:`~.select.link_degrees` of the part is each article's in the whole graph); the
    link edges of the articles the view draws, both ways, and for every node at their other
    end its kind and subject; the data of the stubs among those; the data of the drawn
    articles, and the keywords that two of them or more have (key, label, labels, df) with
    their edges (the number of the others is told to the selection: :func:`~.select.keywords_stand`).
    The articles it only lists have their title and url, the others only their kind and
    subject, and link edges hold their data only between two drawn articles.
    :func:`~.views.subject_view` of this graph is the view of the whole graph. The graph holds
    networkx's dicts without networkx (:mod:`qagraph.lightgraph`): the views an edit draws
    again import none of it.

    >>> import qagraph
    >>> from qagraph.html import subject_view
    >>> G = qagraph.build("content", out="build").graph
    >>> db = BuildDatabase("build/qagraph.db")
    >>> part = subject_graph(db, "subject:biology")
    >>> subject_view(part, "subject:biology") == subject_view(G, "subject:biology")
    True
    """
    links = [k.name for k in link_kinds()]
    G = lightgraph.MultiDiGraph()
    node_data = G._node
    put, join = graph_filler(G)

    name: dict[int, str] = {}  # row id -> node

    def put_kinds(found: Mapping[int, tuple[str, str, str | None]]) -> None:  # with their kind and subject only
        for i, (node, kind, slug) in found.items():
            name[i] = node
            put(node, {"kind": kind, "subject": slug} if slug is not None else {"kind": kind})

    if subjects is None:
        subjects = {node: data for node, data in db.nodes_by_id(db.ids_of_kind(SUBJECT)).values()}
    for node, data in subjects.items():
        put(node, dict(data))
    if subject not in subjects:
        return G
    # the members and their links' number first: only the drawn ones' links are read (for the
    # largest subject at 36k, 15.5k of its 31k link edges, and the kinds of 7k ends, not 11k)
    members = db.sources_of(subject, IN_SUBJECT)
    put_kinds(db.kinds_and_subjects(members))
    for m in members:
        join(name[m], subject, IN_SUBJECT, {"kind": IN_SUBJECT})
    degrees = db.degrees(members, links)
    link_degrees_stand(G, {name[i]: n for i, n in degrees.items()})
    _, shown, listed, _ = subject_articles(G, subject, limits)

    ids = {node: i for i, node in name.items()}
    shown_ids = [ids[n] for n in shown]
    rows = db.edge_rows_touching(shown_ids, links, outgoing_only=True)
    into = db.edges_into(shown_ids, links)  # from the articles not drawn: their data is not read
    ends = db.kinds_and_subjects({r[2] for r in rows if r[2] not in name} | {s for s, _, _ in into if s not in name})
    put_kinds(ends)
    inside = set(shown_ids)
    for s, kind, t, w, p, d in rows:
        join(name[s], name[t], kind, edge_row_data(kind, w, p, d) if t in inside else {"kind": kind})
    for s, kind, t in into:
        join(name[s], name[t], kind, {"kind": kind})
    stubs = [i for i, (_, kind, _) in ends.items() if kind == STUB]
    for node, data in db.nodes_by_id([*shown_ids, *stubs]).values():
        node_data[node].update(data)
    for node, data in db.nodes_by_id((ids[n] for n in listed), columns=("title", "url", "key")).values():
        node_data[node].update(data)
    # of the drawn articles' keywords, the view reads those that two of them or more have: it
    # picks among them, names its communities with them (and the keywords that similar links
    # between drawn articles share are such), and counts the others (for the largest subject at
    # 36k: 2.5k of 7.4k keywords and their 5k of 10k edges)
    keyword_edges = db.edge_pairs(shown_ids, HAS_KEYWORD)
    per_keyword = Counter(t for _, t in keyword_edges)
    shared = {t for t, n in per_keyword.items() if n > 1}
    for i, (node, data) in db.nodes_by_id(shared, columns=("key", "df", "labels")).items():
        name[i] = node
        put(node, data)
    for s, t in keyword_edges:
        if t in shared:
            join(name[s], name[t], HAS_KEYWORD, {"kind": HAS_KEYWORD})
    keywords_stand(G, shown, len(per_keyword))
    link_degrees_stand(G)  # the view counts the links again otherwise
    return G


def keyword_graph(db: BuildDatabase, keyword: str, limits: Limits = Limits()) -> nx.MultiDiGraph:
    """The part of the build's graph that the view of ``keyword`` (with ``limits``) reads.

    As :func:`subject_graph` reads a subject's: every subject node (the colours); the keyword's
    articles with their number of links (counted in the database); of the
    ``limits.keyword_articles`` it draws, their data, the link edges among them, their subject
    edges and every keyword edge (the view counts the keywords they have, and draws those two of
    them or more have: the data of those only); of the next ``limits.listed_articles``, their title,
    url and subject. :func:`~.views.keyword_view` of this graph is the view of the whole graph, without the
    whole graph: at 36,000 articles, `qagraph view --keyword` took 6-8 s and 1 GB to load it. Like
    :func:`subject_graph`'s, a graph of :mod:`qagraph.lightgraph`.

    >>> import qagraph
    >>> from qagraph.html import keyword_view
    >>> G = qagraph.build("content", out="build").graph
    >>> db = BuildDatabase("build/qagraph.db")
    >>> keyword_view(keyword_graph(db, "keyword:dna"), "keyword:dna") == keyword_view(G, "keyword:dna")
    True
    """
    links = [k.name for k in link_kinds()]
    G = lightgraph.MultiDiGraph()
    node_data = G._node
    put, join = graph_filler(G)
    name: dict[int, str] = {}
    for i, (node, data) in db.nodes_by_id(db.ids_of_kind(SUBJECT)).items():
        name[i] = node
        put(node, dict(data))
    centre = db.ids_of([keyword]).get(keyword)
    if centre is None:
        return G
    [(node, data)] = db.nodes_by_id([centre]).values()
    if data.get("kind") != KEYWORD:
        return G
    name[centre] = keyword
    put(keyword, data)
    members = db.sources_of(keyword, HAS_KEYWORD)
    for i, (node, kind, slug) in db.kinds_and_subjects(members).items():
        name[i] = node
        put(node, {"kind": kind, "subject": slug} if slug is not None else {"kind": kind})
        join(node, keyword, HAS_KEYWORD, {"kind": HAS_KEYWORD})
    degree = {name[i]: n for i, n in db.degrees(members, links).items()}
    link_degrees_stand(G, degree)
    ranked = sorted((name[i] for i in members if i in name), key=lambda n: (-degree.get(n, 0), n))
    shown = ranked[: max(0, limits.keyword_articles)]
    listed = ranked[len(shown): len(shown) + max(0, limits.listed_articles)]
    ids = {node: i for i, node in name.items()}
    shown_ids = [ids[n] for n in shown]
    inside = set(shown_ids)
    for s, kind, t, w, p, d in db.edge_rows_touching(shown_ids, links, outgoing_only=True):
        if t in inside:
            join(name[s], name[t], kind, edge_row_data(kind, w, p, d))
    for node, data in db.nodes_by_id(shown_ids).values():
        node_data[node].update(data)
    for node, data in db.nodes_by_id((ids[n] for n in listed), columns=("title", "url", "key", "subject_label")).values():
        node_data[node].update(data)
    for s, t in db.edge_pairs(shown_ids, IN_SUBJECT):
        if t in name:
            join(name[s], name[t], IN_SUBJECT, {"kind": IN_SUBJECT})
    keyword_edges = [(s, t) for s, t in db.edge_pairs(shown_ids, HAS_KEYWORD) if t != centre]
    per_keyword = Counter(t for _, t in keyword_edges)
    for i, (node, kind, _) in db.kinds_and_subjects(per_keyword).items():
        name[i] = node
        put(node, {"kind": kind})
    for i, (node, data) in db.nodes_by_id([t for t, n in per_keyword.items() if n > 1],
                                          columns=("key", "df", "labels")).items():
        node_data[node].update(data)
    for s, t in keyword_edges:
        join(name[s], name[t], HAS_KEYWORD, {"kind": HAS_KEYWORD})
    link_degrees_stand(G)  # the keywords are no links
    return G


def view_graph(kg: KnowledgeGraph, node: str, limits: Limits = Limits()) -> nx.MultiDiGraph:
    """The part of ``kg``'s graph that the view of subject or keyword ``node`` reads: from its build
    database when ``kg`` reads one (:func:`subject_graph`, :func:`keyword_graph`), else its graph."""
    kind, _ = split_node(node)
    read = subject_graph if kind == SUBJECT else keyword_graph
    return kg._source.part(lambda db: read(db, node, limits=limits))


# -- the atlas ---------------------------------------------------------------------------------


class _Graph:
    """The whole graph, read from the database the first time it is needed (a fallback only)."""

    def __init__(self, db: BuildDatabase) -> None:
        self.db = db
        self._G: nx.MultiDiGraph | None = None

    def __call__(self) -> nx.MultiDiGraph:
        if self._G is None:
            self._G = self.db.graph()
        return self._G


def _inverse(ids: Mapping[str, str], previous: Mapping[str, Any] | None) -> dict[str, str]:
    """Short id -> node, of every node of ``ids``. Ids drawn on demand (:class:`_Drawn`: the same
    nodes as the previous layout's, no two drawing one id) are those the previous state holds:
    read from it, not drawn for all 36k nodes (0.05 s) to find the few of one chunk."""
    kept = plain_after(previous, (), ()) if isinstance(ids, _Drawn) and previous is not None else None
    pairs = kept.items() if kept is not None and kept.keys() == ids.keys() else ids.items()
    return {sid: node for node, sid in pairs}


class _Drawn(Mapping[str, str]):
    """The short ids of ``members`` (:func:`~.atlas.plain_short_ids`), each drawn when first asked
    for: those :func:`~.atlas.short_ids` gives when no two of them draw the same."""

    def __init__(self, members: Collection[str]) -> None:
        self._members = members
        self._ids: dict[str, str] = {}

    def __getitem__(self, node: str) -> str:
        sid = self._ids.get(node)
        if sid is None:
            if node not in self._members:
                raise KeyError(node)
            sid = self._ids[node] = plain_short_id(node)
        return sid

    def __contains__(self, node: object) -> bool:
        return node in self._members

    def __iter__(self) -> Iterator[str]:
        return iter(self._members)

    def __len__(self) -> int:
        return len(self._members)


class PreviousAtlas:
    """The previous atlas layout as read (``data``: :meth:`~qagraph.layout.AtlasLayout.as_dict`) and as
    an update reads its positions and communities (``layout``, :func:`~qagraph.layout.read_layout`;
    ``None`` when ``data`` is no layout). Made before the change is known: a patched build makes it in
    the views' process while the database is patched, where the atlas's process read the layout once
    the change had come (0.02-0.06 s at 36k)."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data
        self.layout: _Layout | None
        try:
            self.layout = _Layout(data)
        except (KeyError, TypeError, ValueError, IndexError):
            self.layout = None


class _Atlas:
    """The atlas's layout updated in place, and the data files whose records changed."""

    def __init__(self, db: BuildDatabase, views: Path, change: _Change, graph: _Graph, *,
                 site_url: str | None) -> None:
        self.db, self.views, self.change, self.graph = db, views, change, graph
        self.site_url = _check_site_url(site_url)

    def update(self, atlas: PreviousAtlas | None, *, node_counts: Mapping[str, int],
               state: Path) -> list[Path]:
        meta = _read_data(self.views / DATA_DIR / "meta.js")
        previous = atlas.data if atlas is not None else None
        layout = _Layout.of(atlas.layout, self.change) if atlas is not None and atlas.layout is not None else None
        if layout is not None:
            layout.relabel(self.db)
        if layout is None or meta is None:
            return self._in_full(previous, layout, state)
        count = len(layout.positions)
        chunks = int(meta["chunks"])
        if count != node_counts.get(ARTICLE, 0) + node_counts.get(STUB, 0) or atlas_chunk_count(count) != chunks:
            return self._in_full(previous, layout, state)
        ids: Mapping[str, str]
        kept_ids = plain_after(previous, layout.new, layout.gone) if previous is not None and (
            layout.new or layout.gone) else None
        if not layout.new and not layout.gone and previous is not None and previous.get(PLAIN_IDS) is True:
            # the same nodes, of which no two draw one short id (the state says so): each keeps the
            # id it draws, drawn for the few records written (not for all 36k: a third of the update)
            plain: bool = True
            ids = _Drawn(layout.positions)
        elif kept_ids is not None and kept_ids.keys() == layout.positions.keys():
            # a few nodes came or went, and no two nodes draw one short id, before nor after: every
            # node keeps its id (the state holds them), only the new ones' are drawn
            plain, ids = True, kept_ids
        else:
            nodes = layout.nodes()
            drawn = plain_short_ids(nodes)
            plain, ids = drawn is not None, drawn if drawn is not None else short_ids(nodes)
            if layout.new or layout.gone:
                # no pair of nodes drew one short id, after the change nor before it (the nodes gone
                # drew none of the others'): every node kept its id, the usual case, told without
                # drawing them all again
                gone = plain_short_ids(layout.gone) if drawn is not None else None
                if drawn is None or gone is None or not set(drawn.values()).isdisjoint(gone.values()):
                    before = short_ids(layout.before)
                    if any(before[n] != ids[n] for n in layout.before if n in ids):
                        return self._in_full(previous, layout, state)
        change = self.change
        candidates = {n for n in change.nodes if n in ids or n in layout.gone}
        candidates |= {n for u, _, v in change.changed_links() for n in (u, v) if n in ids}
        candidates |= layout.moved
        written: list[Path] = []
        records = self._records({n for n in candidates if n in ids}, layout, ids)
        by_chunk: dict[int, set[str]] = defaultdict(set)
        for node in candidates:
            by_chunk[atlas_chunk_of(node, chunks)].add(node)
        inverse: dict[str, str] | None = None  # short id -> node: for a chunk made again, rarely
        for chunk, here in sorted(by_chunk.items()):
            names = {kind: self.views / _chunk_name(kind, chunk, chunks) for kind in ("nodes", "text")}
            # the chunk's own records changed in place (the common edit), or the chunk read and made again
            changed = {ids[n]: records[n] for n in here if n in records}
            # a node whose data the edit left as it was keeps its text (keywords and excerpt)
            same_text = [ids[n] for n in here if n in records and change.before.data.get(n) == change.after.data.get(n)]
            try:
                texts = {kind: path.read_text(encoding="utf-8") for kind, path in names.items()}
                files = (patch_chunk(chunk, chunks, texts["nodes"], texts["text"], changed, same_text)
                         if len(changed) == len(here) else None)
                old = read_chunk(texts["nodes"], texts["text"]) if files is None else []
            except (OSError, ValueError, LookupError, TypeError):  # not the files this code wrote
                return self._in_full(previous, layout, state)
            if files is None:
                if inverse is None:
                    inverse = _inverse(ids, previous)
                members = {inverse[r.sid] for r in old if r.sid in inverse} - layout.gone
                if len(members) + len([n for n in layout.gone if atlas_chunk_of(n, chunks) == chunk]) != len(old):
                    return self._in_full(previous, layout, state)
                members |= {n for n in layout.new if atlas_chunk_of(n, chunks) == chunk}
                kept = {r.sid: r for r in old}
                files = render_chunk(chunk, chunks,
                                     [records[n] if n in records else kept[ids[n]] for n in sorted(members)])
            for name, text in files.items():
                if text != texts["nodes" if "/nodes-" in name else "text"]:
                    written.append(write_atomic(self.views / name, text))
        from ..layout import Island

        counts, edge_counts = self._counts(meta)
        again = layout.dirty | layout.renumbered
        groups = [meta["communities"][i] if i not in again and i < len(meta["communities"])
                  else community_entry(c, layout.positions) for i, c in enumerate(layout.communities())]
        text = atlas_meta(AtlasCounts(counts, self._subjects(), edge_counts), groups, chunks=chunks,
                          site_url=self.site_url, title=ATLAS_TITLE,
                          island=Island.of(layout.positions, (c["members"] for c in layout.parts)))
        written += _write_if_changed(self.views / DATA_DIR / "meta.js", text)
        written += _write_if_changed(self.views / "atlas.html", atlas_page(
            chunks=chunks, articles=counts[ARTICLE], site_url=self.site_url, title=ATLAS_TITLE))
        if layout.changed:
            data = layout.as_dict()
            sids: str | None = None
            if plain and isinstance(ids, dict):  # every node's id drawn or kept
                sids = "".join(ids[n] for n in data["nodes"])
            elif plain and previous is not None and previous.get("nodes") == data["nodes"]:  # the same nodes
                sids = previous.get(SHORT_IDS) if isinstance(previous.get(SHORT_IDS), str) else None
            write_atomic(state, jsontext.dumps(atlas_state(data, plain=plain, sids=sids)))
        return written

    def _in_full(self, previous: Mapping[str, Any] | None, layout: "_Layout | None", state: Path) -> list[Path]:
        """Every atlas file from the whole graph (the layout still updated in place when it can be)."""
        from ..layout import AtlasLayout, atlas_layout

        G = self.graph()
        if layout is not None and set(layout.positions) == {n for n, k in G.nodes(data="kind") if k in ATLAS_KINDS}:
            positions: Mapping[str, Any] = layout.positions
            communities = layout.communities()
            data = layout.as_dict()
        else:
            try:
                kept = AtlasLayout.from_dict(previous) if previous else None
            except (KeyError, TypeError, ValueError, IndexError):  # not a layout this code wrote: laid out afresh
                kept = None
            fresh = atlas_layout(G, previous=kept)
            positions, communities, data = fresh.positions, fresh.communities, fresh.as_dict()
        written = write_atlas(G, self.views, positions=positions, communities=communities, site_url=self.site_url)
        write_atomic(state, jsontext.dumps(atlas_state(data)))
        return written

    def _records(self, nodes: set[str], layout: "_Layout", ids: Mapping[str, str]) -> dict[str, ChunkRecord]:
        """The new record of each of ``nodes`` (atlas nodes after the edit)."""
        after = self.change.after
        links = self.change.links
        known = {n for n in nodes if n in after.data}
        data: dict[str, dict[str, Any]] = {n: after.data[n] for n in known}
        edges: list[tuple[str, str, str, dict[str, Any]]] = [
            (u, kind, v, edge_row_data(kind, *row)) for (u, kind, v), row in after.edges.items()
            if u in known and kind in links]
        others = nodes - known
        if others:
            found = self.db.ids_of(others)
            name = {i: n for n, i in found.items()}
            for i, (node, d) in self.db.nodes_by_id(found.values()).items():
                data[node] = d
            rows = self.db.edge_rows_touching(found.values(), sorted(links), outgoing_only=True)
            targets = self.db.kinds_and_subjects(r[2] for r in rows)
            edges += [(name[s], kind, targets[t][0], edge_row_data(kind, w, p, d)) for s, kind, t, w, p, d in rows]
        G = lightgraph.MultiDiGraph()
        for node, d in data.items():
            G.add_node(node, **d)
        for u, kind, v, d in edges:
            G.add_edge(u, v, key=kind, **d)
        return {n: chunk_record(G, n, positions=layout.positions, membership=layout.member_of, ids=ids)
                for n in nodes}

    def _counts(self, meta: Mapping[str, Any]) -> tuple[dict[str, int], dict[str, int]]:
        """``meta.js``'s node and link counts moved by the nodes and edges the edit changed."""
        change = self.change
        counts = dict(meta["counts"])
        edge_counts = dict(meta["edgeCounts"])
        for side, step in ((change.before, -1), (change.after, +1)):
            for node in change.nodes:
                kind = side.kind(node)
                if kind in counts:
                    counts[kind] += step
            for u, kind, v in change.link_edges(side):
                if kind in edge_counts and side.kind(u) in ATLAS_KINDS and side.kind(v) in ATLAS_KINDS:
                    edge_counts[kind] += step
        return counts, edge_counts

    def _subjects(self) -> dict[str, str]:
        """The atlas's subject names: each subject node's label; for a slug no subject node has,
        the ``subject_label`` of its first article or stub (the name a link gave it)."""
        con = self.db.con
        names = {slug: str(label or slug) for slug, label in con.execute("SELECT slug, name FROM subjects")}
        found: dict[str, str] = {}
        # the slugs without a subject node, from the index on articles(subject), before reading any row
        missing = [slug for (slug,) in con.execute(
            "SELECT DISTINCT subject FROM articles UNION SELECT DISTINCT subject FROM stubs")
            if slug and slug not in names]
        if missing:
            for slug, label in con.execute(
                    "SELECT subject, subject_label FROM (SELECT node, subject, subject_label FROM articles UNION ALL "
                    "SELECT node, subject, subject_label FROM stubs) WHERE subject IN (SELECT value FROM json_each(?)) "
                    "ORDER BY node", (json.dumps(missing),)):
                found.setdefault(slug, str(label or slug))
        return dict(sorted({**found, **names}.items()))


class _Layout:
    """The previous atlas layout, updated for the nodes the edit added, removed or moved."""

    def __init__(self, previous: Mapping[str, Any]) -> None:
        from ..layout import read_layout

        self.positions, self.parts, self.seed, self.resolution = read_layout(previous)
        self.before = list(self.positions)
        self.member_of = {n: i for i, c in enumerate(self.parts) for n in c["members"]}
        self.new: set[str] = set()
        self.gone: set[str] = set()
        self.moved: set[str] = set()  #: nodes whose community's number changed
        self.dirty: set[int] = set()  #: communities whose members changed (named again)
        self.renumbered: set[int] = set()  #: communities that took another's number
        self.changed = False

    @staticmethod
    def of(layout: "_Layout", change: _Change) -> "_Layout | None":
        """``layout`` (the previous one, as read) updated for ``change``; ``None`` when it does not
        match the database before it."""
        before, after = change.before, change.after
        for n in change.nodes:
            if (n in layout.positions) != (before.kind(n) in ATLAS_KINDS):
                return None
            if (n in layout.member_of) != (before.kind(n) == ARTICLE):
                return None
        layout.gone = {n for n in change.nodes if n in layout.positions and after.kind(n) not in ATLAS_KINDS}
        layout.new = {n for n in change.nodes if n not in layout.positions and after.kind(n) in ATLAS_KINDS}
        leaving = sorted(n for n in change.nodes if n in layout.member_of and after.kind(n) != ARTICLE)
        joining = sorted(n for n in change.nodes if n not in layout.member_of and after.kind(n) == ARTICLE)
        for n in layout.gone:
            del layout.positions[n]
        weights = _link_weights(change)
        articles = sorted(n for n in layout.new if after.kind(n) == ARTICLE)
        stubs = sorted(n for n in layout.new if after.kind(n) == STUB)
        layout.place(articles, lambda n: [(m, w) for m, w in weights.get(n, {}).items() if after.kind(m) == ARTICLE],
                     island=True)
        linking: dict[str, set[str]] = defaultdict(set)
        for u, _, v in change.link_edges(after):
            if after.kind(u) == ARTICLE:
                linking[v].add(u)
        layout.place(stubs, lambda n: [(m, 1.0) for m in sorted(linking.get(n, ()))])
        for n in leaving:
            i = layout.member_of.pop(n)
            layout.parts[i]["members"] = [m for m in layout.parts[i]["members"] if m != n]
            layout.dirty.add(i)
        for n in joining:
            score: dict[int, float] = defaultdict(float)
            for m, w in weights.get(n, {}).items():
                if m in layout.member_of and after.kind(m) == ARTICLE:
                    score[layout.member_of[m]] += w
            if score:
                i = max(score, key=lambda c: (score[c], -c))
            else:
                i = len(layout.parts)
                layout.parts.append({"index": i, "label": "", "subjects": [], "keywords": [], "members": []})
            layout.parts[i]["members"] = sorted([*layout.parts[i]["members"], n])
            layout.member_of[n] = i
            layout.dirty.add(i)
        for i in sorted((i for i, c in enumerate(layout.parts) if not c["members"]), reverse=True):
            last = len(layout.parts) - 1
            layout.dirty.discard(i)
            if i != last:  # the last community takes the empty one's number: only its members change
                layout.parts[i] = dict(layout.parts[last], index=i)
                for m in layout.parts[i]["members"]:
                    layout.member_of[m] = i
                layout.moved |= set(layout.parts[i]["members"])
                layout.renumbered.add(i)
                if last in layout.dirty:
                    layout.dirty.discard(last)
                    layout.dirty.add(i)
            layout.parts.pop()
        layout.renumbered = {i for i in layout.renumbered if i < len(layout.parts)}
        layout.changed = bool(layout.new or layout.gone or layout.dirty or layout.renumbered)
        return layout

    def nodes(self) -> list[str]:
        return sorted(self.positions)

    def place(self, nodes: Sequence[str], neighbours: Any, *, island: bool = False) -> None:
        """Each of ``nodes`` beside the weighted mean of its placed ``neighbours(node) -> [(node, weight)]``
        (nodes linked only to new ones once those are placed); a node linked to nothing placed goes
        into the island of the unlinked articles (``island``: articles, as
        :func:`qagraph.layout.atlas_layout` places them), else on the rim, outside every other."""
        if not nodes:
            return
        from ..layout import Island, placed_beside, rounded

        where = Island.of(self.positions, (c["members"] for c in self.parts)) if island else None
        placed = placed_beside(self.positions, list(nodes), neighbours, where)  # the others' stay as they are
        self.positions.update({n: rounded(placed[n]) for n in nodes})

    def communities(self) -> list[Any]:
        from ..layout import Community

        return [Community(i, tuple(c["members"]), c["label"], tuple(c["subjects"]), tuple(c["keywords"]))
                for i, c in enumerate(self.parts)]

    def relabel(self, db: BuildDatabase) -> None:
        """Name again the communities whose members changed, as :func:`qagraph.layout.label_communities`
        names them, from counts the database makes (the members' keyword lists are not read)."""
        from ..layout import name_community

        for i in sorted(self.dirty):
            members = self.parts[i]["members"]
            # the keywords name_community ranks: those of two members or more (of any, in a
            # community of three or fewer); most are of one only
            slugs, keywords = db.community_terms(members, shared_only=len(members) >= 4)
            subject_counts: Counter[str] = Counter(slug for slug in (slugs.get(m) for m in members) if slug)
            keyword_counts = {split_node(node)[1]: n for node, (_, _, n) in keywords.items()}
            node_data: dict[str, dict[str, Any]] = {
                node: {"label": label, **({"df": df} if df is not None else {})}
                for node, (label, df, _) in keywords.items()}
            node_data.update(db.nodes_by_id(db.ids_of(subject_node(s) for s in subject_counts).values(),
                                            columns=()).values())
            named = name_community(i, members, subject_counts, keyword_counts, node_data)
            self.parts[i].update(label=named.label, subjects=list(named.subjects), keywords=list(named.keywords))

    def as_dict(self) -> dict[str, Any]:
        from ..layout import AtlasLayout

        return AtlasLayout({n: (float(p[0]), float(p[1])) for n, p in self.positions.items()}, self.communities(),
                           int(self.seed), float(self.resolution)).as_dict()


def _link_weights(change: _Change) -> dict[str, dict[str, float]]:
    """For each changed node, its link neighbours after the edit and the weight of their links
    (summed over kinds and directions; a similarity's score, 1 for other kinds)."""
    weighted = weighted_link_kinds()
    out: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for (u, kind, v), (w, _, _) in change.link_edges(change.after).items():
        if u == v:
            continue
        value = float(w) if kind in weighted and w is not None else 1.0
        if u in change.nodes:
            out[u][v] += value
        if v in change.nodes:
            out[v][u] += value
    return out


def _read_data(path: Path) -> Any:
    try:
        return read_data_script(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_if_changed(path: Path, text: str) -> list[Path]:
    try:
        if path.read_text(encoding="utf-8") == text:
            return []
    except OSError:
        pass
    return [write_atomic(path, text)]


def _read_json(path: str | os.PathLike[str]) -> Any:
    try:
        return jsontext.loads(Path(path).read_bytes())
    except (OSError, ValueError):
        return None
