"""What an editor should look at: a health report of the links and keywords of a graph.

:func:`health` reads only the graph (:mod:`qagraph.graph`) and returns a JSON-able
dict of findings; :func:`findings` makes the same dict of :class:`Facts`, which a stored
build gives without loading the graph (:func:`qagraph.database.health_facts`), and
:func:`patched_findings` makes it of a previous build's findings and the facts of what an
edit reached (:func:`qagraph.database.patched_health`). Each
finding has a ``count`` and lists what it concerns, every article named by node id and
file path:

``unlinked``            articles no other article links to (``related``), but the site's home page (url ``/``),
                        which every page's navigation reaches
``no_related``          articles that link to no other article
``outside_links``       related links to an article outside the corpus (a stub), each with its file's line
``same_question``       the same question asked by several articles (usually one per subject)
``subject_spellings``   subjects written several ways (``Computer Science`` / ``Computer science``), with the
                        articles that write another than the usual spelling, and the line
``malformed_keywords``  keywords that look like a list, markup, a number... (:func:`~qagraph.normalize.keyword_problems`),
                        each article with the line its file writes the keyword on
``keyword_spellings``   keywords written several ways (``Go`` / ``go``, ``machine learning`` / ``Machine-Learning``),
                        with the articles that write another than the usual spelling, and the line
``no_similar``          articles with no similar article

Findings are sorted (by node id, path or text), so the same graph gives the same report.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .kinds import ARTICLE, KEYWORD, STUB, SUBJECT
from .normalize import isolated, keyword_problems_of, most_common_spelling, question_key

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["FINDINGS", "Facts", "HealthPatch", "facts_of_graph", "findings", "health", "keyword_spellings",
           "malformed_keywords", "patched_findings", "same_question_groups", "spelled_alike", "spelling_key"]

#: the findings :func:`health` reports, in order, with what each means
FINDINGS: dict[str, str] = {
    "unlinked": "articles no other article links to",
    "no_related": "articles that link to no other article",
    "outside_links": "related links to articles outside the corpus",
    "same_question": "the same question in several articles (usually under several subjects)",
    "subject_spellings": "subjects spelled several ways",
    "malformed_keywords": "keywords that look malformed",
    "keyword_spellings": "keywords spelled several ways",
    "no_similar": "articles with no similar article",
}


@dataclass
class Facts:
    """What the findings are made of, read from a graph (:func:`facts_of_graph`) or from a stored
    build (:func:`qagraph.database.health_facts`), so that neither has to be the other."""

    #: every article node with ``path``, ``title``, ``subject``, ``subject_label``, ``id``, ``question``
    articles: Mapping[str, Mapping[str, Any]]
    #: articles another article links to (``related``, not to itself)
    linked_to: set[str]
    #: articles that link to another article
    links_out: set[str]
    #: related links to a stub: (article, position, stub node, stub url, stub title, line in the article's file)
    outside: list[tuple[str, Any, str, Any, Any, Any]]
    #: articles at either end of a similar edge
    similar: set[str]
    #: the keyword nodes to check, with ``label``, ``labels``, ``key`` and ``spellings`` (the others are known to
    #: be well formed, and spelled one way)
    keywords: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: the articles holding a keyword, each as (article, the line its file writes the keyword on or ``None``,
    #: the keyword's spelling there)
    holders: Callable[[str], Iterable[tuple[str, Any, Any]]] = lambda node: ()
    #: the line each of the given articles' files writes its subject on (``None``: no field does)
    subject_lines: Callable[[Iterable[str]], Mapping[str, Any]] = lambda nodes: {}
    #: :attr:`holders` of many keywords at once (``None``: asked one by one): a database answers them in one
    #: query, where 2,500 keywords spelled several ways (36k articles) took 0.9 s asked one at a time
    many_holders: Callable[[Collection[str]], Mapping[str, list[tuple[str, Any, Any]]]] | None = None
    #: the articles at the site's root url, ``/`` (a Hugo site's ``_index.md``, a Jekyll site's ``index.md``): every
    #: page's navigation links the home page, which is never one no article links to
    homes: set[str] = field(default_factory=set)
    #: each article's :func:`~qagraph.normalize.question_key`, filled in by :func:`findings`
    #: where missing (the dearest part of the findings; a build database keeps them)
    question_keys: dict[str, str] = field(default_factory=dict)

    def holders_of(self, nodes: Collection[str]) -> dict[str, list[tuple[str, Any, Any]]]:
        """:attr:`holders` of each of ``nodes``."""
        if self.many_holders is not None:
            found = self.many_holders(nodes)
            return {node: list(found.get(node, ())) for node in nodes}
        return {node: list(self.holders(node)) for node in nodes}


def _question_groups(articles: Mapping[str, Mapping[str, Any]], keys: dict[str, str] | None = None) -> list[list[str]]:
    """Groups of 2+ articles asking the same question; ``keys`` holds the known question keys
    and is given the others."""
    groups: dict[str, list[str]] = defaultdict(list)
    if keys is None:
        keys = {}
    for node, data in articles.items():
        key = keys.get(node)
        if key is None:
            key = keys[node] = question_key(data.get("question"))
        if key:
            groups[key].append(node)
    return sorted(sorted(nodes) for nodes in groups.values() if len(nodes) > 1)


def same_question_groups(G: nx.MultiDiGraph) -> list[list[str]]:
    """Article nodes that ask the same question (:func:`~qagraph.normalize.question_key`), in groups of 2+.

    Groups are sorted, and so are the nodes in each.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("article:/a", kind="article", question="What is a virus?")
    >>> G.add_node("article:/b", kind="article", question="what is a VIRUS")
    >>> same_question_groups(G)
    [['article:/a', 'article:/b']]
    """
    return _question_groups({n: d for n, d in G._node.items() if d.get("kind") == ARTICLE})


def facts_of_graph(G: nx.MultiDiGraph) -> Facts:
    """The :class:`Facts` of a whole graph (:mod:`qagraph.graph`)."""
    attrs = G._node  # the adjacency dicts, without networkx's view objects: 36k articles, 800k edges
    articles = {n: d for n, d in attrs.items() if d.get("kind") == ARTICLE}
    linked_to: set[str] = set()
    links_out: set[str] = set()
    outside: list[tuple[str, Any, str, Any, Any, Any]] = []
    similar: set[str] = set()
    for u in articles:
        for v, keyed in G._succ[u].items():
            data = keyed.get("related")
            if data is not None:
                if u != v:
                    linked_to.add(v)
                    links_out.add(u)
                stub = attrs[v]
                if stub.get("kind") == STUB:
                    outside.append((u, data.get("position"), v, stub.get("url"), stub.get("title"), data.get("line")))
            if "similar" in keyed:
                similar.update((u, v))
    linked_to &= articles.keys()  # not the stubs
    keywords = {n: d for n, d in attrs.items() if d.get("kind") == KEYWORD}

    def holders(node: str) -> Iterator[tuple[str, Any, Any]]:
        key = attrs[node].get("key")
        for a, keyed in G._pred[node].items():
            if "keyword" in keyed:
                data = attrs[a]
                keys, labels = data.get("keywords") or (), data.get("keyword_labels") or ()
                at = keys.index(key) if key in keys else -1
                yield a, keyed["keyword"].get("line"), labels[at] if 0 <= at < len(labels) else None

    def subject_lines(nodes: Iterable[str]) -> dict[str, Any]:
        return {n: next((keyed["subject"].get("line") for keyed in G._succ[n].values() if "subject" in keyed), None)
                for n in nodes}

    return Facts(articles, linked_to, links_out, outside, similar, keywords, holders, subject_lines,
                 homes={n for n, d in articles.items() if d.get("url") == "/"})


def health(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The findings about ``G`` (see the module text): ``{name: {"count": n, ...}}``.

    >>> import qagraph
    >>> report = health(qagraph.build("content").graph)
    >>> report["outside_links"]["count"], report["subject_spellings"]["subjects"][0]["spellings"]
    (7, {'Computer Science': 11, 'Computer science': 5})

    See also: :func:`qagraph.suggest.suggest`, candidates for the missing links.
    """
    return findings(facts_of_graph(G))


#: how many items of each finding the index page shows (report.json lists them all)
HEALTH_SHOWN = 12
SUMMARY = "_summary"  #: the key that marks a :func:`health_summary`
GROUP_SHOWN = 3  #: how many files of a group of articles asking the same question its item names
_LISTS = ("articles", "links", "groups", "subjects", "keywords")


def health_summary(health: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """What the index page shows of the ``health`` findings: for each finding its count, its
    first :data:`HEALTH_SHOWN` items as ``[text, article node or None]`` and how many items
    it lists. At 36k that is 18 KB where the findings are 5 MB: a patched build hands it to
    the process that writes the index page. A summary is given back as it is.

    >>> s = health_summary({"unlinked": {"count": 20, "articles": [{"node": f"article:{i}", "title": f"Q{i}"}
    ...                                                            for i in range(20)]}})
    >>> s["unlinked"]["listed"], s["unlinked"]["items"][0]
    (20, ['Q0', 'article:0'])
    """
    if health is None or health.get(SUMMARY):
        return dict(health) if health is not None else None
    summary: dict[str, Any] = {SUMMARY: True}
    for name, found in health.items():
        if not isinstance(found, Mapping):
            continue
        lists = {key: value if isinstance(value := found.get(key), list) else [] for key in _LISTS}
        summary[name] = {"count": int(found.get("count", 0)), "listed": sum(map(len, lists.values())),
                         # only the items shown are made: a finding may list 14,000 articles
                         "items": [list(item) for item in itertools.islice(_items(lists), HEALTH_SHOWN)]}
    return summary


def _items(lists: Mapping[str, list[Any]]) -> Iterator[tuple[str, Any]]:
    """A finding's items, in the order the index page shows them, as (text, article node or None)."""
    for item in lists["articles"]:
        yield _named(item), item.get("node")
    for link in lists["links"]:  # a stub a page link or wiki-link names has no url: its key, as the node id holds it
        target = link.get("target_url") or str(link.get("target") or "").removeprefix(f"{ARTICLE}:")
        yield f"{_named(link)} \u2192 {isolated(target)}", link.get("node")
    for group in lists["groups"]:  # by its files, which say the subjects too (a group may be of one subject)
        members = group.get("articles") or []
        files = ", ".join(isolated(a.get("path") or a.get("node")) for a in members[:GROUP_SHOWN])
        more = f" and {len(members) - GROUP_SHOWN} more" if len(members) > GROUP_SHOWN else ""
        yield f"{isolated(group.get('question'))} ({files}{more})", members[0]["node"] if members else None
    for subject in lists["subjects"]:  # and where the first other spelling is
        spellings = ", ".join(f"{isolated(k)} ({v})" for k, v in subject.get("spellings", {}).items())
        yield f"{isolated(subject.get('usual'))}: {spellings}" + _first_of(subject.get("articles") or []), None
    for keyword in lists["keywords"]:
        if "spellings" in keyword:  # keyword_spellings, and where the first other spelling is
            spellings = ", ".join(f"\u201c{isolated(k)}\u201d ({v})" for k, v in keyword["spellings"].items())
            yield f"{isolated(keyword.get('usual'))}: {spellings}" + _first_of(keyword.get("articles") or []), None
            continue
        # quoted: a keyword's own ";" or ":" ("a; b") read as the list's or the problem's; then where it is
        yield (f"\u201c{isolated(keyword.get('label'))}\u201d: {'; '.join(keyword.get('problems', []))}"
               + _first_of(keyword.get("articles") or [])), None


def _first_of(articles: list[Mapping[str, Any]]) -> str:
    """`` (path:line and N more)``: where the first of a finding's ``articles`` is, and how many others
    there are; nothing when there are none."""
    if not articles:
        return ""
    return f" ({_where(articles[0])}" + (f" and {len(articles) - 1} more)" if len(articles) > 1 else ")")


def _where(item: Mapping[str, Any]) -> str:
    """An article's file, isolated, and the line the finding is on when there is one: ``path:line``."""
    line = item.get("line")
    return isolated(item.get("path") or item.get("node")) + (f":{line}" if line is not None and item.get("path") else "")


def _named(item: Mapping[str, Any]) -> str:
    """An article as a finding names it: its title (else node id) and its file, with the line where
    the finding is when there is one (``path:line``, as problems are named), each isolated
    (:func:`~qagraph.normalize.isolated`: a direction override in a title does not turn the file after it)."""
    text = isolated(item.get("title") or item.get("node"))
    return text + f" ({_where(item)})" if item.get("path") else text


def findings(facts: Facts) -> dict[str, Any]:
    """The findings (see the module text) made of ``facts``."""
    nodes = facts.articles
    articles = sorted(nodes)
    linked_to, links_out, similar = facts.linked_to | facts.homes, facts.links_out, facts.similar
    spellings: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for node in articles:
        data = nodes[node]
        way = spelling(data)
        if way is not None:
            spellings[data.get("subject") or ""][way].append(node)
    return _assembled(
        facts, len(articles),
        unlinked=[_article(nodes, n) for n in articles if n not in linked_to],
        no_related=[_article(nodes, n) for n in articles if n not in links_out],
        no_similar=[_article(nodes, n) for n in articles if n not in similar],
        groups=[_group(nodes, members_of) for members_of in _question_groups(nodes, facts.question_keys)],
        subjects=[entry for slug in sorted(spellings) if (entry := _spellings(facts, slug, spellings[slug]))])


@dataclass
class HealthPatch:
    """What a patched build read again for its findings (:func:`patched_findings`)."""

    #: the articles whose facts may have changed (:attr:`Facts.articles` holds those that are left)
    again: set[str]
    #: every article whose question key is one that an article of ``again`` has or had
    asking: set[str]
    #: every article of each subject (slug) that an article of ``again`` has or had
    subjects: dict[str, list[str]]
    #: the keyword nodes the edit changed or removed (a keyword spelled several ways lists its articles
    #: again only then, or when an article it lists is of ``again``)
    keywords: set[str] = field(default_factory=set)


def patched_findings(previous: Mapping[str, Any], facts: Facts, patch: HealthPatch, *, articles: int) -> dict[str, Any]:
    """The findings of a build patched from one whose findings were ``previous``, reading only
    what the patch touched: equal to :func:`findings` of the whole build's facts.

    ``facts`` holds the articles of ``patch`` (those of ``again`` with their links and similar
    flags, those ``asking`` with their question keys, those of its ``subjects``), the sources
    of the related links that leave the corpus, and the keywords to check; ``articles`` is
    how many there are now. Every other article's entry is as ``previous`` lists it: its
    facts did not change.
    """
    nodes, again = facts.articles, patch.again
    here = sorted(n for n in again if n in nodes)

    def listing(name: str, flagged: set[str]) -> list[dict[str, Any]]:
        kept = [entry for entry in previous[name]["articles"] if entry["node"] not in again]
        kept += [_article(nodes, n) for n in here if n not in flagged]
        return sorted(kept, key=lambda entry: entry["node"])

    gone = again | patch.asking  # a group with one of these is made again, from those asking
    groups = {tuple(entry["node"] for entry in group["articles"]): group
              for group in previous["same_question"]["groups"]
              if not any(entry["node"] in gone for entry in group["articles"])}
    for members_of in _question_groups({n: nodes[n] for n in patch.asking}, facts.question_keys):
        groups[tuple(members_of)] = _group(nodes, members_of)
    subjects = {entry["slug"]: entry for entry in previous["subject_spellings"]["subjects"]
                if entry["slug"] not in patch.subjects}
    moved = [a["node"] for entry in subjects.values() for a in entry["articles"] if a["node"] in again]
    if moved:  # an article edited but for its subject's spelling: the line it writes it on may have moved
        lines = facts.subject_lines(moved)
        subjects = {slug: {**entry, "articles": [a | {"line": lines.get(a["node"])} if a["node"] in lines else a
                                                 for a in entry["articles"]]} for slug, entry in subjects.items()}
    for slug, members_of in patch.subjects.items():
        ways: dict[str, list[str]] = defaultdict(list)
        for node in sorted(members_of):
            way = spelling(nodes[node])
            if way is not None:
                ways[way].append(node)
        if entry := _spellings(facts, slug, ways):
            subjects[slug] = entry
    before = previous.get("keyword_spellings")
    kept = {tuple(entry["keywords"]): entry for entry in (before.get("keywords") or () if isinstance(before, dict) else ())
            if isinstance(entry, dict) and patch.keywords.isdisjoint(entry.get("keywords") or ())}
    return _assembled(
        facts, articles,
        unlinked=listing("unlinked", facts.linked_to | facts.homes), no_related=listing("no_related", facts.links_out),
        no_similar=listing("no_similar", facts.similar),
        groups=[groups[key] for key in sorted(groups)], subjects=[subjects[slug] for slug in sorted(subjects)],
        kept=kept, again=again)


def spelling(data: Mapping[str, Any]) -> str | None:
    """How an article's file spells its subject; ``None`` when it writes none (the label was made
    from a folder's or url's name: a Hugo section's ``_index.md``, a note in a folder), which is no
    one's spelling to report. The facts a database keeps hold the spelling as ``subject_label``.

    >>> spelling({"subject_label": "Functions", "subject_given": False}), spelling({"subject_label": "functions"})
    (None, 'functions')
    """
    if data.get("subject_given", True) is False:
        return None
    label: str | None = data.get("subject_label")
    return label


def _article(nodes: Mapping[str, Mapping[str, Any]], node: str) -> dict[str, Any]:
    data = nodes[node]
    return {"node": node, "path": data.get("path"), "title": data.get("title")}


def _group(nodes: Mapping[str, Mapping[str, Any]], members_of: list[str]) -> dict[str, Any]:
    """The ``same_question`` entry of the articles ``members_of`` (sorted)."""
    first = nodes[members_of[0]]
    members = [{**_article(nodes, n), "subject": nodes[n].get("subject"), "id": nodes[n].get("id")} for n in members_of]
    return {
        "question": first.get("question") or first.get("title"),
        "subjects": sorted({m["subject"] or "" for m in members}),
        "same_id": len({m["id"] for m in members}) == 1 and members[0]["id"] is not None,
        "articles": members,
    }


def _spellings(facts: Facts, slug: str, ways: Mapping[str, list[str]]) -> dict[str, Any] | None:
    """The ``subject_spellings`` entry of the subject ``slug`` whose articles spell it as ``ways``
    says (spelling -> its articles, sorted); ``None`` when it is spelled one way."""
    if len(ways) < 2:
        return None
    nodes = facts.articles
    counts = {label: len(members_of) for label, members_of in sorted(ways.items())}
    usual = most_common_spelling(counts)
    others = sorted(n for label, members_of in ways.items() if label != usual for n in members_of)
    lines = facts.subject_lines(others)
    return {
        "subject": f"{SUBJECT}:{slug}", "slug": slug, "spellings": counts, "usual": usual,
        "count": len(others),
        "articles": [_article(nodes, n) | {"spelling": spelling(nodes[n]), "line": lines.get(n)} for n in others],
    }


def malformed_keywords(facts: Facts) -> dict[str, list[str]]:
    """The keywords of ``facts`` that look malformed, in order, with what is wrong with each."""
    nodes, labels = [], []  # each spelling of each keyword (130k at 36k articles, nearly all fine)
    for node, data in facts.keywords.items():
        for label in data.get("labels") or (data.get("label") or data.get("key") or "",):
            nodes.append(node)
            labels.append(label)
    found: dict[str, set[str]] = {}
    for i, problems in keyword_problems_of(labels).items():
        found.setdefault(nodes[i], set()).update(problems)
    return {node: sorted(found[node]) for node in sorted(found)}


def spelling_key(key: str) -> str:
    """What a keyword's folded key is once hyphens and underscores are spaces: keywords whose keys
    agree so are one keyword spelled several ways (Hugo makes one page, ``/tags/machine-learning/``,
    of ``machine learning`` and ``Machine-Learning``).

    Each hyphen or underscore is one space (a stored build finds a key's others by its name,
    :func:`spelled_alike`, not by reading every keyword):

    >>> spelling_key("machine-learning"), spelling_key("machine_learning"), spelling_key("a - b")
    ('machine learning', 'machine learning', 'a   b')
    """
    return key.replace("-", " ").replace("_", " ")


#: the most spaces a spelling key may have for :func:`spelled_alike` to name its keys (3**6 of them)
ALIKE_SPACES = 6


def spelled_alike(squashed: str) -> list[str] | None:
    """Every key whose :func:`spelling_key` is ``squashed``: each space a space, hyphen or
    underscore; ``None`` when there are more than 3 ** :data:`ALIKE_SPACES`.

    >>> spelled_alike("a b")
    ['a b', 'a-b', 'a_b']
    """
    parts = squashed.split(" ")
    if len(parts) - 1 > ALIKE_SPACES:
        return None
    return ["".join(itertools.chain.from_iterable(zip(parts, (*seps, "")))) for seps in
            itertools.product(" -_", repeat=len(parts) - 1)]


def keyword_spellings(facts: Facts, articles: Mapping[str, Mapping[str, Any]] | None = None, *,
                      kept: Mapping[tuple[str, ...], Mapping[str, Any]] | None = None,
                      again: Collection[str] = ()) -> list[dict[str, Any]]:
    """The keywords of ``facts`` written several ways: a keyword in several cases (``Go`` and ``go``,
    one node) or several keywords whose :func:`spelling_key` agrees (``static sites`` and
    ``static-sites``), each with how many articles write each spelling, the usual one (the most
    written) and how many write another; with ``articles`` (the facts' articles), those that write
    another, each with its spelling and the line its file writes it on. Sorted by spelling key.

    ``kept``: entries of the previous findings, by their keywords, that an edit left as they were
    (no keyword of theirs changed: the same articles write the same spellings): an entry that
    counts the same keeps its articles, those of ``again`` (read again) listed afresh."""
    keywords = facts.keywords
    squashed_keys = [spelling_key(str(data.get("key") or node.partition(":")[2])) for node, data in keywords.items()]
    # only a key shared by several keywords, or a keyword written several ways, can be spelled
    # several ways (at 36k articles, 1.2k of 130k keys: the others are not grouped, 0.35 s to 0.15)
    several = {key for key, n in Counter(squashed_keys).items() if n > 1}
    several.update(key for key, data in zip(squashed_keys, keywords.values()) if len(data.get("spellings") or ()) > 1)
    groups: dict[str, list[str]] = defaultdict(list)
    for key, node in zip(squashed_keys, keywords):
        if key in several:
            groups[key].append(node)
    found: list[dict[str, Any]] = []
    for squashed in sorted(groups):
        nodes = sorted(groups[squashed])
        counts: dict[str, int] = {}
        for node in nodes:
            data = facts.keywords[node]
            for label, count in data.get("spellings") or ((data.get("label"), data.get("df") or 0),):
                counts[str(label)] = counts.get(str(label), 0) + int(count)
        if len(counts) < 2:
            continue
        usual = most_common_spelling(counts)
        found.append({"keywords": nodes, "spellings": dict(sorted(counts.items())), "usual": usual,
                      "count": sum(n for label, n in counts.items() if label != usual)})
    if articles is not None:
        listed: dict[int, dict[str, dict[str, Any]]] = {}  # entry -> the articles its kept entry lists, by node
        fetch: list[dict[str, Any]] = []
        for entry in found:
            old = kept.get(tuple(entry["keywords"])) if kept else None
            if old is None or not isinstance(old.get("articles"), list) or \
                    (old.get("spellings"), old.get("usual"), old.get("count")) != \
                    (entry["spellings"], entry["usual"], entry["count"]):
                fetch.append(entry)
            elif any(a.get("node") in again for a in old["articles"]):
                listed[id(entry)] = {a["node"]: a for a in old["articles"]}
                fetch.append(entry)
            else:
                entry["articles"] = [dict(a) for a in old["articles"]]
        held = facts.holders_of([node for entry in fetch for node in entry["keywords"]])
        for entry in fetch:
            usual = str(entry["usual"])
            others = sorted(((a, line, str(label)) for node in entry["keywords"] for a, line, label in held[node]
                             if label is not None and str(label) != usual), key=lambda held: (held[0], held[2]))
            before = listed.get(id(entry), {})
            entry["articles"] = [
                (_article(articles, a) if a in articles or a not in before else
                 {k: before[a][k] for k in ("node", "path", "title")}) | {"spelling": label, "line": line}
                for a, line, label in others]
    return found


def _assembled(facts: Facts, articles: int, *, unlinked: list[dict[str, Any]], no_related: list[dict[str, Any]],
               no_similar: list[dict[str, Any]], groups: list[dict[str, Any]], subjects: list[dict[str, Any]],
               kept: Mapping[tuple[str, ...], Mapping[str, Any]] | None = None, again: Collection[str] = (),
               ) -> dict[str, Any]:
    """The findings, of the lists made one way or another and of the links that leave the corpus
    and the keywords of ``facts`` (few: made from them each time)."""
    nodes = facts.articles
    outside = [{**_article(nodes, u), "line": line, "position": position, "target": v, "target_url": url,
                "target_title": title} for u, position, v, url, title, line in facts.outside]
    outside.sort(key=lambda item: (item["node"], item["position"] or 0, item["target"]))
    malformed = []
    bad = malformed_keywords(facts)
    held = facts.holders_of(list(bad))
    for node, problems in bad.items():
        holders = sorted(held[node], key=lambda held: held[0])
        malformed.append({
            "keyword": node, "label": facts.keywords[node].get("label"), "problems": problems,
            "count": len(holders), "articles": [_article(nodes, n) | {"line": line} for n, line, _ in holders],
        })
    return {
        "articles": articles,
        "unlinked": {"count": len(unlinked), "articles": unlinked},
        "no_related": {"count": len(no_related), "articles": no_related},
        "outside_links": {"count": len(outside), "articles": len({o["node"] for o in outside}), "links": outside},
        "same_question": {"count": len(groups), "articles": sum(len(g["articles"]) for g in groups), "groups": groups},
        "subject_spellings": {"count": len(subjects), "subjects": subjects},
        "malformed_keywords": {"count": len(malformed), "keywords": malformed},
        "keyword_spellings": {"count": len(spelled := keyword_spellings(facts, nodes, kept=kept, again=again)),
                              "keywords": spelled},
        "no_similar": {"count": len(no_similar), "articles": no_similar},
    }
