"""Writing the site: ``index.html``, the overview and one view per subject.

The index's tables are driven by the registry: one row per registered node kind and
one per registered edge kind, so a kind added to :mod:`qagraph.kinds` is counted here
without a change.

>>> import qagraph
>>> G = qagraph.build("content").graph
>>> write_views(G, "build")[:2]
[PosixPath('build/index.html'), PosixPath('build/views/overview.html')]
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import jsontext
from ..errors import OutputError
from ..fileio import write_atomic
from ..ids import split_node
from ..kinds import ARTICLE, EDGE_KINDS, NODE_KINDS, SUBJECT, kind_counts
from ..model import Progress
from ..normalize import slugify
from .page import VIS_JS_NAME, render_index, vis_network_js
from .select import Limits, OverviewCounts, overview_counts
from .views import View, ViewUses, overview, subject_view, write_view

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "IndexRow",
    "STATE_VERSION",
    "counts_from_json",
    "counts_json",
    "generate_index",
    "index_page",
    "subject_entry",
    "subject_file_names",
    "subject_row",
    "uses_json",
    "write_index",
    "write_index_from_state",
    "write_views",
]

IndexRow = dict[str, Any]  #: one subject view's row: href, label, articles, shown, nodes, edges, size


def subject_file_names(G: nx.MultiDiGraph) -> dict[str, str]:
    """``subject-<slug>.html`` for each subject node; slugs that are not plain get a hash suffix.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("subject:biology", kind="subject")
    >>> subject_file_names(G)
    {'subject:biology': 'subject-biology.html'}
    """
    names: dict[str, str] = {}
    used: set[str] = set()
    for node in sorted(n for n, k in G.nodes(data="kind") if k == SUBJECT):
        slug = split_node(node)[1]
        safe = slugify(slug)[:60].strip("-") or "subject"
        if safe != slug or f"subject-{safe}.html" in used:
            safe = f"{safe}-{hashlib.sha1(slug.encode('utf-8')).hexdigest()[:8]}"
        name = f"subject-{safe}.html"
        used.add(name)
        names[node] = name
    return names


def _fmt(n: int) -> str:
    return f"{n:,}"


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"


def generate_index(
    G: nx.MultiDiGraph | None = None,
    *,
    overview_row: Mapping[str, Any] | None = None,
    subject_rows: Sequence[IndexRow] = (),
    atlas_href: str | None = None,
    extra_links: Sequence[tuple[str, str]] = (),
    health: Mapping[str, Any] | None = None,
    site_url: str | None = None,
    node_counts: Mapping[Any, int] | None = None,
    edge_counts: Mapping[str, int] | None = None,
    source: str | None = None,
) -> str:
    """The index page: counts of every registered node and edge kind, then links to the views.

    The counts and the corpus's name come from ``G``, or from ``node_counts``,
    ``edge_counts`` (by kind) and ``source`` when given (a build database has them).
    ``atlas_href`` (relative to the index) is listed first when given; ``extra_links``
    are ``(label, relative href)`` pairs listed after the views. ``health`` (the
    findings of :func:`qagraph.health.health`) becomes a section for editors, each
    finding with its count and its first articles (linked into the atlas).

    >>> import networkx as nx
    >>> "<td>subjects</td>" in generate_index(nx.MultiDiGraph())
    True
    """
    if G is not None and (node_counts is None or edge_counts is None):
        from_graph = kind_counts(G)
        node_counts = from_graph[0] if node_counts is None else node_counts
        edge_counts = from_graph[1] if edge_counts is None else edge_counts
    node_counts = node_counts or {}
    edge_counts = edge_counts or {}
    if source is None:
        source = str(G.graph.get("source") or "") if G is not None else ""
    node_rows = [(k.plural, _fmt(node_counts.get(k.name, 0))) for k in NODE_KINDS.values()]
    node_rows += [(f"{kind} (not registered)", _fmt(c)) for kind, c in sorted(node_counts.items(), key=str)
                  if kind not in NODE_KINDS]
    edge_rows = [(k.plural, _fmt(edge_counts.get(k.name, 0)), k.description) for k in EDGE_KINDS.values()]
    edge_rows += [(f"{kind} (not registered)", _fmt(c), "") for kind, c in sorted(edge_counts.items(), key=str)
                  if kind not in EDGE_KINDS]
    page = {
        "title": f"Views of {Path(source).name or 'the corpus'}",
        "source": source or "unknown",
        "node_rows": node_rows,
        "edge_rows": edge_rows,
        "atlas_href": atlas_href,
        "overview": overview_row,
        "subject_views": list(subject_rows),
        "extra_links": [{"label": label, "href": href} for label, href in extra_links],
        "health": _health_rows(health, atlas_href, site_url) if health else [],
    }
    return render_index(page)




def _health_rows(health: Mapping[str, Any], atlas_href: str | None, site_url: str | None) -> list[dict[str, Any]]:
    """One row per finding: what it means, its count, and its first items as (text, href or None).
    ``health`` is the findings or their :func:`~qagraph.health.health_summary`."""
    from ..health import FINDINGS, HEALTH_SHOWN, health_summary

    summary = health_summary(health) or {}
    rows = []
    for name, meaning in FINDINGS.items():
        found = summary.get(name)
        if not isinstance(found, Mapping):
            continue
        rows.append({"name": name, "meaning": meaning, "count": _fmt(int(found["count"])),
                     "items": [(text, _atlas(node, atlas_href)) for text, node in found["items"]],
                     "more": max(0, int(found["listed"]) - HEALTH_SHOWN)})
    return rows


def _atlas(node: Any, atlas_href: str | None) -> str | None:
    """A link that opens the atlas on an article (``#article=<url or key>``)."""
    if not atlas_href or not isinstance(node, str) or not node.startswith("article:"):
        return None
    from urllib.parse import quote

    return f"{atlas_href}#article={quote(node.removeprefix('article:'), safe='/')}"


#: the layout of the ``state`` file of :func:`write_views`
STATE_VERSION = 3


def subject_row(view: View, name: str, articles: int, size: int) -> IndexRow:
    """The index page's row of a subject view written to ``views/<name>`` (``size`` bytes)."""
    drawn = view.counts()
    return {
        "href": f"views/{name}", "label": view.title, "articles": _fmt(articles),
        "shown": _fmt(drawn["nodes"].get(ARTICLE, 0)), "nodes": _fmt(len(view.nodes)),
        "edges": _fmt(sum(1 for e in view.edges if not e.get("more"))), "size": _size(size),
    }


def subject_entry(view: View, name: str, articles: int, size: int) -> dict[str, Any]:
    """A subject view's entry in the ``state`` file: its file, its index row, what it shows of
    other nodes (:class:`~.views.ViewUses`) and which of its articles it draws (``View.rank_cut``)."""
    return {"file": name, "row": subject_row(view, name, articles, size), "uses": uses_json(view.uses),
            "cut": None if view.rank_cut is None else list(view.rank_cut)}


def entry_resized(entry: Mapping[str, Any], size: int, *, articles: int | None = None) -> dict[str, Any]:
    """A subject view's ``entry`` (:func:`subject_entry`) for its page patched in place to ``size`` bytes:
    all it shows as it was, its index row's size the new one (and its count of ``articles``, when given)."""
    row = {**entry["row"], "size": _size(size)}
    if articles is not None:
        row["articles"] = _fmt(articles)
    return {**entry, "row": row}


def uses_json(uses: ViewUses) -> dict[str, Any]:
    """:class:`~.views.ViewUses` as the ``state`` file keeps it."""
    return {"subjects": uses.subjects, "keywords": uses.keywords, "groups": [[c, k] for c, k in uses.groups]}


def counts_json(counts: OverviewCounts) -> dict[str, Any]:
    """:class:`~.select.OverviewCounts` as the ``state`` file keeps it (:func:`counts_from_json` reads it)."""
    return {
        "subjects": dict(sorted(counts.subjects.items())), "keywords": [list(k) for k in counts.keywords],
        "keyword_total": counts.keyword_total,
        "links": {kind: sorted([a, b, c] for (a, b), c in pairs.items()) for kind, pairs in counts.links.items()},
        "keyword_subjects": {k: sorted(by.items()) for k, by in counts.keyword_subjects.items()},
    }


def counts_from_json(data: Mapping[str, Any]) -> OverviewCounts:
    """The :class:`~.select.OverviewCounts` that :func:`counts_json` wrote.

    >>> counts = OverviewCounts({"subject:a": 1}, [("keyword:k", 1)], 1, {"related": {("a", "b"): 2}}, {"keyword:k": {"a": 1}})
    >>> counts_from_json(counts_json(counts)) == counts
    True
    """
    return OverviewCounts(
        {str(k): int(v) for k, v in data["subjects"].items()}, [(str(k), int(v)) for k, v in data["keywords"]],
        int(data["keyword_total"]),
        {kind: {(str(a), str(b)): int(c) for a, b, c in pairs} for kind, pairs in data["links"].items()},
        {k: {str(s): int(c) for s, c in by} for k, by in data["keyword_subjects"].items()},
    )


def write_index(G: nx.MultiDiGraph | None, path: str | os.PathLike[str], **kwargs: Any) -> Path:
    """Write :func:`generate_index`'s page to ``path`` (same keyword arguments)."""
    return write_atomic(path, generate_index(G, **kwargs))


def write_views(
    G: nx.MultiDiGraph,
    out_dir: str | os.PathLike[str],
    *,
    limits: Limits = Limits(),
    site_url: str | None = None,
    inline: bool = False,
    atlas: str | None = None,
    extra_links: Sequence[tuple[str, str]] = (),
    communities: Mapping[str, int] | None = None,
    health: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
    state: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write ``out_dir/index.html``, the overview and one view per subject; return the paths.

    Views go to ``out_dir/views/``; vis-network is written once to
    ``out_dir/views/assets/`` (or into every file with ``inline=True``). Subject views
    left from an earlier run for subjects no longer in the graph are removed.

    ``site_url`` makes the articles' site paths links (without it they are shown as
    text: opened from disk they would point into the file system). ``atlas`` is the
    atlas page's path relative to ``out_dir`` (``views/atlas.html``): the index links
    it first and every view offers it for articles it does not draw. ``communities``
    (node id to number, e.g. the corpus's) replaces those computed within each view.
    ``health`` (:func:`qagraph.health.health`) adds the editors' section to the index.
    ``state`` is a file to write what :func:`qagraph.html.update.update_views` needs to
    bring the site up to date after an edit (the counts, each subject view's index row
    and what it shows of other nodes); it is not among the paths returned.

    Raises:
        OutputError: ``out_dir`` exists and is not a folder.

    >>> import qagraph
    >>> G = qagraph.build("content").graph
    >>> write_views(G, "build")[:2]
    [PosixPath('build/index.html'), PosixPath('build/views/overview.html')]
    """
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"output {out} exists and is not a folder", path=str(out))
    views_dir = out / "views"
    names = subject_file_names(G)
    total = len(names) + 2
    done = 0
    if progress:
        progress("html", done, total)
    written: list[Path] = []
    vis_src = None
    if not inline:
        vis_src = f"assets/{VIS_JS_NAME}"
        written.append(write_atomic(views_dir / vis_src, vis_network_js()))
    atlas_from_views = posixpath.relpath(atlas, "views") if atlas else None

    def step() -> None:
        nonlocal done
        done += 1
        if progress:
            progress("html", done, total)

    def put(view: View, name: str) -> Path:
        return write_view(view, views_dir / name, vis_src=vis_src, index_href="../index.html",
                          atlas_href=atlas_from_views)

    counts = overview_counts(G, limits.overview_keywords)
    view = overview(G, limits=limits, view_files=names, site_url=site_url, counts=counts)
    overview_path = put(view, "overview.html")
    overview_row = {"href": "views/overview.html", "summary": view.summary}
    step()
    rows: list[IndexRow] = []
    subject_paths = []
    subjects: dict[str, Any] = {}
    for node, name in sorted(names.items(), key=lambda item: (-G.nodes[item[0]].get("articles", 0), item[0])):
        view = subject_view(G, node, limits=limits, site_url=site_url, communities=communities, view_files=names)
        path = put(view, name)
        subject_paths.append(path)
        subjects[node] = subject_entry(view, name, int(G.nodes[node].get("articles", 0)), path.stat().st_size)
        rows.append(subjects[node]["row"])
        step()
    keep = set(names.values())
    if views_dir.is_dir():
        for stale in views_dir.glob("subject-*.html"):
            if stale.name not in keep:
                stale.unlink()

    node_counts, edge_counts = kind_counts(G)
    source = str(G.graph.get("source") or "")
    page = index_page(overview_row=overview_row, subject_rows=rows, atlas_href=atlas, site_url=site_url,
                      extra_links=extra_links, node_counts={str(k): v for k, v in sorted(node_counts.items(), key=str)},
                      edge_counts=dict(sorted(edge_counts.items())), source=source)
    index = write_index(None, out / "index.html", health=health, **page)
    step()
    if state is not None:
        settings = {"limits": asdict(limits), "site_url": site_url, "inline": inline, "atlas": atlas,
                    "communities": communities is not None}
        write_atomic(state, jsontext.dumps({
            "version": STATE_VERSION, "settings": settings, "source": source, "subjects": subjects,
            "nodes": page["node_counts"], "edges": page["edge_counts"], "overview": counts_json(counts),
            "index": page,
        }))
    return [index, overview_path, *subject_paths, *written]


def index_page(*, overview_row: Mapping[str, Any], subject_rows: Sequence[IndexRow], atlas_href: str | None,
               site_url: str | None, extra_links: Sequence[tuple[str, str]], node_counts: Mapping[str, int],
               edge_counts: Mapping[str, int], source: str) -> dict[str, Any]:
    """What the index page shows but the health findings, as :func:`generate_index`'s keyword
    arguments: kept in the views' state, so that :func:`write_index_from_state` writes the page
    again once the findings are known."""
    return {"overview_row": dict(overview_row), "subject_rows": list(subject_rows), "atlas_href": atlas_href,
            "site_url": site_url, "extra_links": [list(pair) for pair in extra_links],
            "node_counts": dict(node_counts), "edge_counts": dict(edge_counts), "source": source}


def write_index_from_state(out_dir: str | os.PathLike[str], state: str | os.PathLike[str], *,
                           health: Mapping[str, Any] | None) -> Path:
    """Write ``out_dir/index.html`` from the views' ``state`` (:func:`write_views` or
    :func:`qagraph.html.update.update_html` wrote it) and the ``health`` findings.

    Raises:
        OutputError: the state cannot be read, or the page cannot be written.
    """
    try:
        page = json.loads(Path(state).read_text(encoding="utf-8"))["index"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise OutputError(f"cannot read the views' state: {exc}", path=str(state)) from None
    page["extra_links"] = [tuple(pair) for pair in page["extra_links"]]
    return write_index(None, Path(out_dir) / "index.html", health=health, **page)
