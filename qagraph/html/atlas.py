"""The atlas: every article of the corpus on one WebGL page, with its links and communities.

``views/atlas.html`` draws every article (and every related article outside the corpus)
at the positions of :mod:`qagraph.layout`, coloured by community, with the related,
similar and same-question links (:func:`qagraph.kinds.link_kinds`). ``atlas-gl.js``
draws it with WebGL straight from typed arrays (sigma.js + graphology, tried first, took
14 s to start on 36k articles and 1.4-2.5 s per click); ``atlas.js`` adds search, the
article card, the local graph, filters, the URL fragment and the PNG export.

Pages open from disk, where ``fetch()`` cannot read files, so the data are scripts that
hand their JSON to ``qagraphAtlas.add(...)``:

``views/atlas/meta.js``
    counts, kinds, subjects, communities (label, colour, centre) and the chunk count;
``views/atlas/nodes-NN.js``
    the nodes of chunk NN (a node's chunk is a hash of its id, so it never moves while
    the chunk count stays) with their positions, titles and outgoing links; a link
    names its target by a short id (:func:`short_ids`), so no other chunk changes when
    one does;
``views/atlas/text-NN.js``
    keywords and answer excerpts, loaded when an article of the chunk is opened.

An edit of one article changes its own chunks, the chunks of the articles whose links
to it changed, and ``meta.js``: :func:`generate_atlas_chunk` renders one chunk, and
:func:`write_atlas` leaves a file alone when its text did not change.

Safety is that of the other views (:mod:`.page`): a Content-Security-Policy allows only
scripts from the page's own folder and no request at all; every text from the content
reaches the page as ``textContent`` except answer excerpts, which are sanitised HTML
(:func:`~qagraph.html.page.excerpt_html`); article links are made only from urls that
:func:`~qagraph.html.page.safe_href` accepts.
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import jsontext
from .._version import __version__
from ..errors import OutputError, UsageError
from ..fileio import write_atomic
from ..kinds import ARTICLE, NODE_KINDS, STUB, SUBJECT, link_kinds, weighted_link_kinds
from ..layout import Community, Island, Position
from ..rdf.iri import check_site_url, is_site_path, site_path
from ..regex import lazy_compile
from .page import excerpt_html, safe_href

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ATLAS_JS",
    "AtlasCounts",
    "ChunkRecord",
    "RENDERER_JS",
    "atlas_chunk_count",
    "atlas_chunk_of",
    "atlas_counts",
    "atlas_meta",
    "atlas_page",
    "chunk_record",
    "community_entry",
    "island_entry",
    "generate_atlas",
    "generate_atlas_chunk",
    "read_chunk",
    "read_data_script",
    "render_chunk",
    "PLAIN_IDS",
    "SHORT_IDS",
    "atlas_state",
    "plain_after",
    "plain_short_id",
    "plain_short_ids",
    "short_ids",
    "write_atlas",
]

ASSETS = Path(__file__).resolve().parent / "assets"
RENDERER_JS = "atlas-gl.js"  #: the WebGL renderer, written to ``views/assets/``
ATLAS_JS = "atlas.js"  #: the page's own script, written to ``views/assets/``
DATA_DIR = "atlas"  #: the data files, beside ``atlas.html``
#: a chunk holds about this many nodes (the count is a power of two, fixed while the corpus stays near
#: its size). Each chunk is one script the page loads: 64 chunks of 600 took about 1 s more to load at
#: 36k articles than 8 of 4,600 (file:// requests of blocking scripts); 16 of 2,300 loaded as fast as 8
#: (interactive in 0.8-0.9 s against 0.9-1.3 s; 32 took 1.3-1.7 s), and a rebuild reads and writes
#: fewer: at 36k an added article's rebuild read 7-10 chunks of 16 (7 of 8 before), an edit 4 of 16.
CHUNK_TARGET = 2000
#: answer excerpts in cards: at most this many characters of Markdown (whole paragraphs)
EXCERPT_LIMIT = 200
#: keywords listed in a card
KEYWORDS_SHOWN = 8
NODE_ATLAS_KINDS = (ARTICLE, STUB)
#: community colours, most distinct first; communities past the palette share :data:`OTHER_COLOUR`
PALETTE = (
    "#5b8ff9", "#f6bd16", "#e8684a", "#5ad8a6", "#9270ca", "#ff9d4d", "#6dc8ec", "#ff99c3",
    "#269a99", "#bdd2fd", "#c2c8d5", "#d3cef5", "#a0dc2c", "#e86452", "#1e9493", "#ffd0a6",
    "#8c6bb1", "#f08bb4", "#7cb305", "#d4b106", "#40a9ff", "#ff7a45", "#36cfc9", "#b37feb",
)
OTHER_COLOUR = "#7d8594"

_env = Environment(
    loader=FileSystemLoader(str(ASSETS)), autoescape=True, undefined=StrictUndefined,
    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
)


# -- ids and chunks ------------------------------------------------------------------------


_PERSON = b"qagraph-atlas"  #: the personalisation of every hash of the atlas, before the salt byte


def _digest(node: str, size: int, salt: int = 0) -> bytes:
    return hashlib.blake2b(node.encode("utf-8"), digest_size=size, person=_PERSON + bytes([salt])).digest()


#: characters of the base64 alphabet (url-safe) that encode small numbers in the data files
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
SID_LENGTH = 8
_B64_VALUE = {ch: i for i, ch in enumerate(B64)}


def short_ids(nodes: Iterable[str]) -> dict[str, str]:
    """A short stable id (:data:`SID_LENGTH` characters) for each node, drawn from its id alone.

    In the rare case of two nodes with the same 48-bit hash, every one but the first
    (in sorted order) is hashed again with another salt.

    >>> short_ids(["article:/learn/a"])
    {'article:/learn/a': 'ugXE-ZqB'}
    """
    order = sorted(nodes)
    plain = plain_short_ids(order)
    if plain is not None:
        return plain
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for node in order:
        salt = 0
        sid = base64.urlsafe_b64encode(_digest(node, 6)).decode("ascii")
        while sid in taken:
            salt += 1
            sid = base64.urlsafe_b64encode(_digest(node, 6, salt)).decode("ascii")
        taken.add(sid)
        ids[node] = sid
    return ids


def plain_short_id(node: str) -> str:
    """The short id ``node`` draws with no salt: its id among nodes of which no two draw the same.

    >>> plain_short_id("article:/learn/a")
    'ugXE-ZqB'
    """
    return base64.urlsafe_b64encode(_digest(node, 6)).decode("ascii")


def plain_short_ids(nodes: Iterable[str]) -> dict[str, str] | None:
    """Each node's short id drawn with no salt, or ``None`` when two of ``nodes`` draw the same
    one: when not ``None``, :func:`short_ids` of ``nodes``, and each node's short id in any set
    of nodes with no such pair.

    >>> plain_short_ids(["article:/learn/a"])
    {'article:/learn/a': 'ugXE-ZqB'}
    """
    order = list(nodes)
    # six bytes are eight base64 characters without padding: one encoding of all the digests
    person = _PERSON + bytes([0])  # _digest(node, 6), without a call per node
    joined = base64.urlsafe_b64encode(b"".join(
        [hashlib.blake2b(node.encode("utf-8"), digest_size=6, person=person).digest() for node in order])).decode("ascii")
    first = [joined[i:i + SID_LENGTH] for i in range(0, len(joined), SID_LENGTH)]
    return dict(zip(order, first)) if len(set(first)) == len(first) else None


#: in the atlas's layout state (``.qagraph/atlas.json``): true when no two of its nodes draw one short id
PLAIN_IDS = "plain_short_ids"
#: ... and then those short ids, in the order of its nodes, as one string
SHORT_IDS = "short_ids"


def atlas_state(layout: Mapping[str, Any], *, plain: bool | None = None, sids: str | None = None) -> dict[str, Any]:
    """The atlas's layout as a build keeps it (:meth:`~qagraph.layout.AtlasLayout.as_dict`), and
    whether no two of its nodes draw one short id (``plain``, told here when not given), with those
    ids (``sids``, drawn here when ``plain`` is not given): an update that adds and removes no node
    then draws only the ids of the records it writes, and one that adds or removes a few draws
    theirs alone (:func:`plain_after`).

    >>> state = atlas_state({"nodes": ["article:/learn/a"], "xy": [0, 0], "communities": []})
    >>> state[PLAIN_IDS], state[SHORT_IDS]
    (True, 'ugXE-ZqB')
    """
    if plain is None:
        drawn = plain_short_ids(layout["nodes"])
        plain = drawn is not None
        if drawn is not None:
            sids = "".join(drawn[n] for n in layout["nodes"])
    state = {**layout, PLAIN_IDS: plain}
    if plain and sids is not None:
        state[SHORT_IDS] = sids
    return state


def plain_after(state: Mapping[str, Any], new: Iterable[str], gone: Collection[str]) -> dict[str, str] | None:
    """Each node's short id once ``new`` nodes are added to those of a layout ``state`` whose nodes
    drew no short id twice (:func:`atlas_state`: it holds them) and ``gone`` ones removed, when no
    two nodes draw one then either: every node keeps the id it had, and only the new ones' are
    drawn (all 36,000 took 0.06 s). None when they do, or the state does not hold its ids.

    >>> state = atlas_state({"nodes": ["article:/a", "article:/b"], "xy": [0, 0, 1, 1], "communities": []})
    >>> sorted(plain_after(state, ["article:/c"], {"article:/a"}).items())
    [('article:/b', 'EtuHVXop'), ('article:/c', 'StBrM2CW')]
    """
    nodes, packed = state.get("nodes"), state.get(SHORT_IDS)
    if (state.get(PLAIN_IDS) is not True or not isinstance(nodes, list) or not isinstance(packed, str)
            or len(packed) != SID_LENGTH * len(nodes)):
        return None
    ids = dict(zip(nodes, (packed[i:i + SID_LENGTH] for i in range(0, len(packed), SID_LENGTH))))
    for node in gone:
        ids.pop(node, None)
    taken = set(ids.values())
    for node in new:
        sid = plain_short_id(node)
        if sid in taken or node in ids:
            return None
        taken.add(sid)
        ids[node] = sid
    return ids


def _number(digits: str) -> int:
    """The number :func:`_b64` wrote as ``digits``.

    >>> _number(_b64(4095, 2))
    4095
    """
    number = 0
    try:
        for ch in digits:
            number = number * 64 + _B64_VALUE[ch]
    except KeyError:
        raise ValueError(f"not a number of the atlas's data: {digits!r}") from None
    return number


def _b64(number: int, width: int) -> str:
    chars = []
    for _ in range(width):
        chars.append(B64[number & 63])
        number >>= 6
    return "".join(reversed(chars))


def atlas_chunk_count(nodes: int) -> int:
    """How many chunks ``nodes`` nodes are split into: a power of two, about :data:`CHUNK_TARGET` nodes each.

    >>> atlas_chunk_count(49), atlas_chunk_count(36_546)
    (1, 16)
    """
    if nodes <= CHUNK_TARGET:
        return 1
    return int(2 ** round(math.log2(nodes / CHUNK_TARGET)))


def atlas_chunk_of(node: str, chunks: int) -> int:
    """The chunk of ``node`` (its hash modulo ``chunks``): the same in every build.

    >>> atlas_chunk_of("article:/learn/a", 1)
    0
    """
    return int.from_bytes(_digest(node, 8), "big") % chunks


def _atlas_nodes(G: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n, kind in G.nodes(data="kind") if kind in NODE_ATLAS_KINDS)


def _chunk_name(kind: str, chunk: int, chunks: int) -> str:
    width = max(2, len(str(chunks - 1)))
    return f"{DATA_DIR}/{kind}-{chunk:0{width}d}.js"


# -- the data ------------------------------------------------------------------------------


def _data_script(payload: Mapping[str, Any]) -> str:
    """A data file: one call handing ``payload`` to the page, as ``JSON.parse('...')``.

    V8 parses JSON text faster than the same object literal, which matters for 10 MB
    of data. The JSON is put in a single-quoted string: backslashes and quotes are
    escaped, and so are the line separators (the JSON has escaped every other
    control character already)."""
    text = jsontext.dumps(payload)
    quoted = (text.replace("\\", "\\\\").replace("'", "\\'")
              .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return "qagraphAtlas.add(JSON.parse('" + quoted + "'));\n"


_UNQUOTE = lazy_compile(r"\\(\\|'|u2028|u2029)")
_UNQUOTED = {"\\": "\\", "'": "'", "u2028": "\u2028", "u2029": "\u2029"}


def read_data_script(text: str) -> Any:
    """The payload of a data file that :func:`_data_script` wrote.

    >>> read_data_script(_data_script({"a": "it's \\\\ \\u2028"})) == {"a": "it's \\\\ \\u2028"}
    True

    Raises :class:`ValueError` when ``text`` is not such a file.
    """
    head, tail = "qagraphAtlas.add(JSON.parse('", "'));\n"
    if not (text.startswith(head) and text.endswith(tail)):
        raise ValueError("not an atlas data file")
    return jsontext.loads(_UNQUOTE.sub(lambda m: _UNQUOTED[m.group(1)], text[len(head):-len(tail)]))


def _link(url: str | None) -> tuple[int, str | None]:
    """The link type of a node's ``url`` and where the link goes: 0 and None, no link; 1 and a site
    path from ``/`` (a link once the page joins it to the site url); 2 and an absolute http(s) url.

    The target is the RDF's ``schema:url`` (:func:`~qagraph.html.page.safe_href`), so the atlas
    links what the RDF publishes; it is not the node's key, which is a file's path when the
    corpus names articles by path (Hugo's page path, Obsidian's note path).
    """
    if not url:
        return 0, None
    if is_site_path(url):
        return 1, site_path(url)
    href = safe_href(url)
    return (0, None) if href is None else (2, href)


def generate_atlas_chunk(
    G: nx.MultiDiGraph,
    chunk: int,
    *,
    chunks: int,
    positions: Mapping[str, Position],
    communities: Sequence[Community],
    ids: Mapping[str, str] | None = None,
    excerpts: Mapping[str, str] | None = None,
    excerpt_limit: int = EXCERPT_LIMIT,
    _members: Sequence[str] | None = None,
    _membership: Mapping[str, int] | None = None,
    _links_counted: dict[str, int] | None = None,
) -> dict[str, str]:
    """The two data files of one chunk: ``{"atlas/nodes-NN.js": text, "atlas/text-NN.js": text}``.

    ``ids`` are :func:`short_ids` of the atlas's nodes (computed when not given; pass
    them when rendering many chunks). ``excerpts`` maps article nodes to their answer
    excerpt as safe HTML when the caller has them already (the other views compute the
    same); missing ones are made by :func:`~qagraph.html.page.excerpt_html`. For an
    incremental build: render the chunks of the nodes whose data or links changed
    (:func:`atlas_chunk_of`), and ``meta.js`` (:func:`generate_atlas` has it).

    A nodes file holds, per node: its short id, key (its url, split into a per-chunk
    prefix table and the rest), title, subject, kind, community, link type and
    position, and its outgoing links per kind packed in one string of fixed-width
    records (source index in the chunk, target's short id, and for weighted kinds the
    weight in 64ths), all in the url-safe base64 alphabet (:data:`B64`).

    >>> import qagraph
    >>> from qagraph.layout import atlas_layout
    >>> G = qagraph.build("content").graph
    >>> atlas = atlas_layout(G)
    >>> sorted(generate_atlas_chunk(G, 0, chunks=1, positions=atlas.positions, communities=atlas.communities))
    ['atlas/nodes-00.js', 'atlas/text-00.js']

    Raises :class:`~qagraph.errors.UsageError` when a node has no position.
    """
    if not 0 <= chunk < chunks:
        raise UsageError(f"chunk {chunk} is not between 0 and {chunks - 1}")
    if ids is None:
        ids = short_ids(_atlas_nodes(G))
    membership = _membership if _membership is not None else {n: c.index for c in communities for n in c.members}
    nodes = list(_members) if _members is not None else [n for n in sorted(ids) if atlas_chunk_of(n, chunks) == chunk]
    records = [chunk_record(G, node, positions=positions, membership=membership, ids=ids, excerpts=excerpts,
                            excerpt_limit=excerpt_limit) for node in nodes]
    if _links_counted is not None:  # each record holds its node's links to atlas nodes, one per edge
        for r in records:
            for kind_name, targets in r.links.items():
                if kind_name in _links_counted:
                    _links_counted[kind_name] += len(targets)
    return render_chunk(chunk, chunks, records)


@dataclass
class ChunkRecord:
    """One node as an atlas chunk holds it: what its two data files say of it.

    ``link`` is the link type (:func:`_link`) and ``href`` its target when that is not the
    key (None when it is, or when there is no link); ``links`` are the node's outgoing links
    by kind, each a target's short id followed, for a weighted kind, by the weight's character;
    ``text`` is ``(keywords, excerpt)`` for an article (``None`` for a stub).
    :func:`render_chunk` writes a chunk's records, :func:`read_chunk` reads them back from its files.
    """

    sid: str
    key: str
    title: str
    kind: int
    subject: str | None
    community: int
    link: int
    xy: tuple[float, float]
    links: dict[str, list[str]]
    text: tuple[list[str], str] | None
    href: str | None = None


def chunk_record(
    G: nx.MultiDiGraph, node: str, *, positions: Mapping[str, Position], membership: Mapping[str, int],
    ids: Mapping[str, str], excerpts: Mapping[str, str] | None = None, excerpt_limit: int = EXCERPT_LIMIT,
) -> ChunkRecord:
    """The :class:`ChunkRecord` of ``node``: its data and outgoing links in ``G``, its position and community.

    Links to nodes without a short id (not in the atlas) are left out; links come in the
    order of their targets' ids, so the record depends on the graph's content only.

    Raises :class:`~qagraph.errors.UsageError` when the node has no position.
    """
    data = G._node[node]
    at = positions.get(node)
    if at is None:
        raise UsageError(f"{node} has no position: lay the graph out again (qagraph.layout.atlas_layout)")
    weighted = weighted_link_kinds()
    links: dict[str, list[str]] = {}
    for target, keydict in sorted(G._succ[node].items()):
        sid = ids.get(target)
        if sid is None:
            continue
        for kind_name, edge in keydict.items():
            if kind_name in weighted:
                links.setdefault(kind_name, []).append(
                    sid + B64[max(0, min(63, round(float(edge.get("weight", 0.0)) * 63)))])
            else:
                links.setdefault(kind_name, []).append(sid)
    text = None
    if data["kind"] == ARTICLE:
        excerpt = excerpts.get(node) if excerpts is not None else None
        text = (list(data.get("keyword_labels") or ())[:KEYWORDS_SHOWN],
                excerpt if excerpt is not None else excerpt_html(data.get("answer") or "", excerpt_limit))
    key = str(data.get("key") or node.partition(":")[2])
    link, href = _link(data.get("url"))
    return ChunkRecord(
        ids[node], key, str(data.get("title") or data.get("label") or key), NODE_ATLAS_KINDS.index(data["kind"]),
        data.get("subject") or None, membership.get(node, -1), link,
        (round(at[0], 1) + 0.0, round(at[1], 1) + 0.0), links, text, None if href == key else href,
    )


def render_chunk(chunk: int, chunks: int, records: Sequence[ChunkRecord]) -> dict[str, str]:
    """The two data files of chunk ``chunk`` holding ``records`` (in node id order).

    A nodes file holds, per node: its short id, key (its url, split into a per-chunk
    prefix table and the rest), title, subject, kind, community, link type and
    position, and its outgoing links per kind packed in one string of fixed-width
    records (source index in the chunk, target's short id, and for weighted kinds the
    weight in 64ths), all in the url-safe base64 alphabet (:data:`B64`); and ``href``,
    the link targets that are not the key, by index in the chunk.
    """
    width = max(2, math.ceil(math.log(max(len(records), 2), 64)))
    links: dict[str, list[str]] = {kind.name: [] for kind in link_kinds()}
    prefixes: dict[str, int] = {}
    subjects: dict[str, int] = {}
    cols: dict[str, list[Any]] = {"keyPrefix": [], "key": [], "title": [], "kind": [], "subject": [],
                                  "community": [], "link": [], "xy": []}
    text: dict[str, list[Any]] = {"id": [], "keywords": [], "excerpt": []}
    hrefs: dict[str, str] = {}
    for local, r in enumerate(records):
        cut = r.key.rfind("/") + 1
        cols["keyPrefix"].append(prefixes.setdefault(r.key[:cut], len(prefixes)))
        cols["key"].append(r.key[cut:])
        cols["title"].append(r.title)
        cols["kind"].append(r.kind)
        cols["subject"].append(subjects.setdefault(r.subject, len(subjects)) if r.subject else -1)
        cols["community"].append(r.community)
        cols["link"].append(r.link)
        cols["xy"].extend(r.xy)
        if r.href is not None:
            hrefs[str(local)] = r.href
        source = _b64(local, width)
        for kind_name, targets in r.links.items():
            row = links.get(kind_name)
            if row is not None:
                row.extend(source + t for t in targets)
        if r.text is not None:
            text["id"].append(r.sid)
            text["keywords"].append(r.text[0])
            text["excerpt"].append(r.text[1])
    payload = {
        "part": "nodes", "chunk": chunk, "width": width, "ids": "".join(r.sid for r in records),
        "prefixes": list(prefixes), "subjects": list(subjects), **cols, "href": hrefs,
        "links": {name: "".join(row) for name, row in links.items()},
    }
    return {
        _chunk_name("nodes", chunk, chunks): _data_script(payload),
        _chunk_name("text", chunk, chunks): _data_script({"part": "text", "chunk": chunk, **text}),
    }


def patch_chunk(chunk: int, chunks: int, nodes_file: str, text_file: str,
                changed: Mapping[str, ChunkRecord], same_text: Collection[str] = ()) -> dict[str, str] | None:
    """The two data files of a chunk (their texts) with the records of ``changed`` (short id to
    record) put in place of the ones they hold: what :func:`render_chunk` writes of the chunk's
    records with those replaced, without reading or packing again the records that stay.
    ``same_text``: short ids whose records the caller knows to have their text as before (the
    node's data did not change: an edit's similar partners, whose links alone did); when every
    changed record is one, the text file is left as it is, unread (8 ms of JSON a chunk at 36k).

    Only a record's own fields and its links change places: ``None`` when the chunk's members
    would change (a short id it does not hold), or a changed record moves to another key,
    subject or kind (the chunk's tables and its text list would be laid out again), or links
    of a kind the files do not have. Raises :class:`ValueError` when the texts are not a
    chunk's data files.
    """
    nodes = read_data_script(nodes_file)
    texts = read_data_script(text_file) if not same_text or not changed.keys() <= set(same_text) else None
    if (nodes.get("part") != "nodes" or not isinstance(nodes.get("href"), dict) or nodes.get("chunk") != chunk
            or (texts is not None and (texts.get("part") != "text" or texts.get("chunk") != chunk))):
        raise ValueError("not the two data files of one atlas chunk")
    packed_ids: str = nodes["ids"]
    local = {packed_ids[i:i + SID_LENGTH]: i // SID_LENGTH for i in range(0, len(packed_ids), SID_LENGTH)}
    width = int(nodes["width"])
    weighted = weighted_link_kinds()
    text_at = {sid: i for i, sid in enumerate(texts["id"])} if texts is not None else None
    text_changed = False
    hrefs: dict[str, str | None] = dict(nodes["href"])
    for sid, r in changed.items():
        i = local.get(sid)
        if i is None or r.sid != sid or r.kind != nodes["kind"][i] or (
                text_at is not None and (r.text is None) != (sid not in text_at)):
            return None
        subject = nodes["subject"][i]
        if (nodes["prefixes"][nodes["keyPrefix"][i]] + nodes["key"][i] != r.key
                or (nodes["subjects"][subject] if subject >= 0 else None) != r.subject):
            return None
        nodes["title"][i], nodes["community"][i], nodes["link"][i] = r.title, r.community, r.link
        hrefs[str(i)] = r.href
        nodes["xy"][2 * i], nodes["xy"][2 * i + 1] = r.xy
        source = _b64(i, width)
        for kind_name in nodes["links"].keys() | r.links.keys():
            row = nodes["links"].get(kind_name)
            if row is None:
                return None
            size = width + SID_LENGTH + (1 if kind_name in weighted else 0)
            start, end = _entries_of(row, i, size, width)
            nodes["links"][kind_name] = row[:start] + "".join(source + t for t in r.links.get(kind_name, ())) + row[end:]
        if r.text is not None and texts is not None and text_at is not None:
            at = text_at[sid]
            if [texts["keywords"][at], texts["excerpt"][at]] != [r.text[0], r.text[1]]:
                texts["keywords"][at], texts["excerpt"][at] = r.text[0], r.text[1]
                text_changed = True
    nodes["href"] = {i: href for i, href in sorted(hrefs.items(), key=lambda item: int(item[0])) if href is not None}
    return {_chunk_name("nodes", chunk, chunks): _data_script(nodes),
            _chunk_name("text", chunk, chunks): _data_script(texts) if texts is not None and text_changed else text_file}


def _entries_of(row: str, source: int, size: int, width: int) -> tuple[int, int]:
    """Where the fixed-width entries of local index ``source`` are in ``row``: entries come in
    the order of their sources, so two binary searches find them."""
    n = len(row) // size

    def first(after: bool) -> int:
        lo, hi = 0, n
        while lo < hi:
            mid = (lo + hi) // 2
            here = _number(row[mid * size: mid * size + width])
            if here < source or (after and here == source):
                lo = mid + 1
            else:
                hi = mid
        return lo * size

    return first(False), first(True)


def read_chunk(nodes_file: str, text_file: str) -> list[ChunkRecord]:
    """The records of a chunk from the texts of its two data files (:func:`render_chunk` wrote them).

    Raises :class:`ValueError` when the files are not a chunk's (or not of the same chunk).
    """
    nodes, texts = read_data_script(nodes_file), read_data_script(text_file)
    if (nodes.get("part") != "nodes" or texts.get("part") != "text" or nodes.get("chunk") != texts.get("chunk")
            or not isinstance(nodes.get("href"), dict)):  # no "href": a chunk of an earlier version, which keyed links
        raise ValueError("not the two data files of one atlas chunk")
    width = int(nodes["width"])
    sids = [nodes["ids"][i:i + SID_LENGTH] for i in range(0, len(nodes["ids"]), SID_LENGTH)]
    by_sid = {sid: (keywords, excerpt) for sid, keywords, excerpt in zip(texts["id"], texts["keywords"],
                                                                           texts["excerpt"])}
    weighted = weighted_link_kinds()
    hrefs: dict[str, str] = nodes["href"]
    out_links: list[dict[str, list[str]]] = [{} for _ in sids]
    for kind_name, packed in nodes["links"].items():
        size = width + SID_LENGTH + (1 if kind_name in weighted else 0)
        for i in range(0, len(packed), size):
            entry = packed[i:i + size]
            out_links[_number(entry[:width])].setdefault(kind_name, []).append(entry[width:])
    records = []
    for i, sid in enumerate(sids):
        subject = nodes["subject"][i]
        text = by_sid.get(sid)
        records.append(ChunkRecord(
            sid, nodes["prefixes"][nodes["keyPrefix"][i]] + nodes["key"][i], nodes["title"][i], nodes["kind"][i],
            nodes["subjects"][subject] if subject >= 0 else None, nodes["community"][i], nodes["link"][i],
            (nodes["xy"][2 * i], nodes["xy"][2 * i + 1]), out_links[i],
            (list(text[0]), text[1]) if text is not None else None, hrefs.get(str(i)),
        ))
    return records


@dataclass(frozen=True)
class AtlasCounts:
    """What the atlas's ``meta.js`` counts of the graph: nodes by kind, subject names, links by kind."""

    counts: dict[str, int]  #: atlas nodes by kind (articles, stubs)
    subjects: dict[str, str]  #: subject slug -> name, for every slug of an atlas node or a subject node
    edge_counts: dict[str, int]  #: links between atlas nodes, by link kind


def atlas_counts(G: nx.MultiDiGraph, nodes: Sequence[str] | None = None, *,
                 edge_counts: Mapping[str, int] | None = None) -> AtlasCounts:
    """The :class:`AtlasCounts` of ``G`` (``nodes``: its atlas nodes, sorted, when known;
    ``edge_counts``: the links between them by link kind, when counted already)."""
    node_data = G._node
    nodes = _atlas_nodes(G) if nodes is None else nodes
    counts = {kind: 0 for kind in NODE_ATLAS_KINDS}
    subjects: dict[str, str] = {}
    for node in nodes:
        data = node_data[node]
        counts[data["kind"]] += 1
        slug = data.get("subject")
        if slug and slug not in subjects:
            subjects[slug] = str(node_data.get("subject:" + slug, {}).get("label") or data.get("subject_label") or slug)
    for node, data in node_data.items():
        if data.get("kind") == SUBJECT:
            subjects[data["slug"]] = str(data.get("label") or data["slug"])
    if edge_counts is not None:
        return AtlasCounts(counts, dict(sorted(subjects.items())), {kind.name: edge_counts.get(kind.name, 0)
                                                                    for kind in link_kinds()})
    in_atlas = set(nodes)
    counted = {kind.name: 0 for kind in link_kinds()}
    for node in nodes:
        for target, keydict in G._succ[node].items():
            if target in in_atlas:
                for key in keydict:
                    if key in counted:
                        counted[key] += 1
    return AtlasCounts(counts, dict(sorted(subjects.items())), counted)


def community_entry(community: Community, positions: Mapping[str, Position]) -> dict[str, Any]:
    """A community as ``meta.js`` lists it: name, size, colour, and the centre and reach of its members."""
    xy = [positions[n] for n in community.members if n in positions]
    cx = sum(p[0] for p in xy) / len(xy) if xy else 0.0
    cy = sum(p[1] for p in xy) / len(xy) if xy else 0.0
    reach = sorted(math.dist(p, (cx, cy)) for p in xy)
    return {
        "label": community.label, "size": len(community.members), "subjects": list(community.subjects),
        "keywords": list(community.keywords),
        "colour": PALETTE[community.index] if community.index < len(PALETTE) else OTHER_COLOUR,
        "x": round(cx, 2), "y": round(cy, 2), "r": round(reach[int(len(reach) * 0.9)] if reach else 0.0, 2),
    }


def island_entry(island: Island | None) -> dict[str, Any] | None:
    """The island of the isolated articles (:class:`~qagraph.layout.Island`) as ``meta.js`` holds
    it: its centre, reach and size (None: no article is isolated)."""
    if island is None:
        return None
    return {"x": round(island.x, 2), "y": round(island.y, 2), "r": round(island.radius, 2), "size": island.size}


def atlas_meta(counts: AtlasCounts, groups: Sequence[Mapping[str, Any]], *, chunks: int, site_url: str | None,
               title: str = "Atlas of the articles", island: Island | None = None) -> str:
    """The text of ``atlas/meta.js``: ``counts``, the communities' ``groups`` (:func:`community_entry`),
    the island of the isolated articles, the kinds and the chunk count."""
    return _data_script({
        "part": "meta",
        "title": title,
        "version": __version__,
        "chunks": chunks,
        "siteUrl": site_url.rstrip("/") if site_url else None,
        "counts": counts.counts,
        "edgeCounts": counts.edge_counts,
        "nodeKinds": [{"name": k, "label": NODE_KINDS[k].label, "plural": NODE_KINDS[k].plural,
                       "colour": NODE_KINDS[k].colour} for k in NODE_ATLAS_KINDS],
        "edgeKinds": [{"name": k.name, "label": k.label, "plural": k.plural, "colour": k.style.colour,
                       "weighted": "weight" in k.fields, "symmetric": k.symmetric} for k in link_kinds()],
        "subjects": counts.subjects,
        "communities": list(groups),
        "island": island_entry(island),
        "otherColour": OTHER_COLOUR,
    })


def atlas_page(*, chunks: int, articles: int, site_url: str | None, title: str = "Atlas of the articles",
               index_href: str | None = "../index.html") -> str:
    """The text of ``atlas.html`` for ``chunks`` data chunks and ``articles`` articles."""
    scripts = [f"assets/{RENDERER_JS}", f"assets/{ATLAS_JS}", f"{DATA_DIR}/meta.js"]
    scripts += [_chunk_name("nodes", c, chunks) for c in range(chunks)]
    return _env.get_template("atlas.html.j2").render(
        title=title, csp=_csp(), version=__version__, css=Markup(_asset("atlas.css")), scripts=scripts,
        index_href=index_href, articles=f"{articles:,}", site_url=site_url,
    )


def _check_site_url(site_url: str | None) -> str | None:
    """``site_url`` as :func:`~qagraph.rdf.iri.check_site_url` gives it (UsageError when it refuses it)."""
    return None if site_url is None else check_site_url(site_url)


def _csp() -> str:
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def generate_atlas(
    G: nx.MultiDiGraph,
    *,
    positions: Mapping[str, Position],
    communities: Sequence[Community],
    site_url: str | None = None,
    chunks: int | None = None,
    title: str = "Atlas of the articles",
    index_href: str | None = "../index.html",
    excerpts: Mapping[str, str] | None = None,
    excerpt_limit: int = EXCERPT_LIMIT,
    only_chunks: Iterable[int] | None = None,
) -> dict[str, str]:
    """Every file of the atlas as ``{path relative to the views folder: text}``.

    ``positions`` must place every article and stub of ``G`` and ``communities``
    group the articles (:func:`qagraph.layout.atlas_layout` gives both). ``chunks``
    (default :func:`atlas_chunk_count`) splits the data; keep the previous build's
    count to rewrite only the chunks that changed. ``only_chunks`` renders just those
    data chunks (with the page, its scripts and ``meta.js``): for an incremental build,
    the :func:`atlas_chunk_of` of every node whose data or links changed (the nodes at
    both ends of a changed link). With ``site_url`` article cards
    link to ``site_url + url``; without it, site paths are shown but not linked.

    >>> import qagraph
    >>> from qagraph.layout import atlas_layout
    >>> G = qagraph.build("content").graph
    >>> atlas = atlas_layout(G)
    >>> files = generate_atlas(G, positions=atlas.positions, communities=atlas.communities)
    >>> sorted(files)[:3]
    ['assets/atlas-gl.js', 'assets/atlas.js', 'atlas.html']

    Raises :class:`~qagraph.errors.UsageError` for a bad ``site_url`` or a node without a position.
    """
    site_url = _check_site_url(site_url)
    nodes = _atlas_nodes(G)
    if chunks is None:
        chunks = atlas_chunk_count(len(nodes))
    if chunks < 1:
        raise UsageError(f"chunks must be 1 or more, not {chunks}")
    ids = short_ids(nodes)
    members: list[list[str]] = [[] for _ in range(chunks)]
    for node in nodes:
        members[atlas_chunk_of(node, chunks)].append(node)
    membership = {n: c.index for c in communities for n in c.members}
    files: dict[str, str] = {
        f"assets/{RENDERER_JS}": _asset(RENDERER_JS),
        f"assets/{ATLAS_JS}": _asset(ATLAS_JS),
    }
    wanted = range(chunks) if only_chunks is None else sorted(set(only_chunks))
    # every chunk's records hold their nodes' links between atlas nodes: when all chunks are made,
    # meta.js counts them there, not in another pass over the graph's adjacency (0.15-0.2 s at 36k)
    links_counted = {kind.name: 0 for kind in link_kinds()} if only_chunks is None else None
    for chunk in wanted:
        files.update(generate_atlas_chunk(
            G, chunk, chunks=chunks, positions=positions, communities=communities, ids=ids,
            excerpts=excerpts, excerpt_limit=excerpt_limit, _members=members[chunk], _membership=membership,
            _links_counted=links_counted,
        ))
    counts = atlas_counts(G, nodes, edge_counts=links_counted)
    files[f"{DATA_DIR}/meta.js"] = atlas_meta(counts, [community_entry(c, positions) for c in communities],
                                              chunks=chunks, site_url=site_url, title=title,
                                              island=Island.of(positions, (c.members for c in communities)))
    page = atlas_page(chunks=chunks, articles=counts.counts[ARTICLE], site_url=site_url, title=title,
                      index_href=index_href)
    files["atlas.html"] = page
    return dict(sorted(files.items()))


def write_atlas(
    G: nx.MultiDiGraph,
    views_dir: str | os.PathLike[str],
    *,
    positions: Mapping[str, Position],
    communities: Sequence[Community],
    site_url: str | None = None,
    chunks: int | None = None,
    title: str = "Atlas of the articles",
    index_href: str | None = "../index.html",
    excerpts: Mapping[str, str] | None = None,
    only_chunks: Iterable[int] | None = None,
) -> list[Path]:
    """Write :func:`generate_atlas`'s files under ``views_dir``; return the paths written.

    A file whose text is already there is left alone; with ``only_chunks`` only those
    data chunks are rendered at all (see :func:`generate_atlas`), which is what makes
    an incremental build cheap. Otherwise data chunks of an earlier build with another
    chunk count are removed.

    >>> import qagraph
    >>> from qagraph.layout import atlas_layout
    >>> G = qagraph.build("content").graph
    >>> atlas = atlas_layout(G)
    >>> paths = write_atlas(G, "build/views", positions=atlas.positions, communities=atlas.communities)
    >>> write_atlas(G, "build/views", positions=atlas.positions, communities=atlas.communities)
    []

    Raises :class:`~qagraph.errors.OutputError` when ``views_dir`` is not a folder.
    """
    out = Path(views_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"output {out} exists and is not a folder", path=str(out))
    files = generate_atlas(
        G, positions=positions, communities=communities, site_url=site_url, chunks=chunks, title=title,
        index_href=index_href, excerpts=excerpts, only_chunks=only_chunks,
    )
    written: list[Path] = []
    for name, text in files.items():
        path = out / name
        data = text.encode("utf-8")
        try:
            if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
                continue
        except OSError:
            pass
        written.append(write_atomic(path, data))
    data_dir = out / DATA_DIR
    for stale in sorted(data_dir.glob("*.js")) if only_chunks is None else ():
        if f"{DATA_DIR}/{stale.name}" not in files:
            stale.unlink()
    return written


def _asset(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    if name.endswith(".css") and "</style" in text.lower():
        raise OutputError(f"{name} cannot be inlined")
    return text
