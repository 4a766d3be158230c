"""Similar articles: shared keywords, weighted by how rare they are, computed locally.

Two articles are similar when they share keywords; what a shared keyword is worth
depends only on its *document frequency* (df, the number of articles that carry it),
counted in half-octave bands so that a weight moves only when a df crosses a band
boundary (2, 3, 4, 6, 8, 12, 16, 23, 32, 46, 64, 91, ...):

* a keyword counts when ``2 <= df <= max_df``; its weight is
  ``ln(2 * max_df / b)`` where ``b`` is the lower bound of its df's band (so a
  keyword of 2 articles weighs 4.6, one of 4 weighs 3.9, one of 90 weighs 0.8),
  kept as an integer in thousandths so that every sum is exact;
* the *evidence* of a pair is the sum of the weights of its shared keywords; a pair
  is a candidate only when its evidence reaches that of one keyword of ``rare_df``
  (4) articles: one rare keyword (in at most 5 articles: the end of 4's band), or
  two in at most 31 articles each, or three in at most 63, but never one common or
  ambiguous keyword ("substrate", "kernel") alone;
* its score is ``evidence / (w2 * sqrt(n_a * n_b))`` where ``w2`` is the weight of
  a keyword of two articles and ``n`` counts each article's keywords: 1.0 for two
  articles whose keywords are the same rare ones; the edge's ``weight`` is the score
  rounded to 4 places;
* two articles that ask the same question (:func:`qagraph.normalize.question_key`,
  a ``same-question`` edge) never take each other's similar slot;
* each article ranks its candidates by weight, then by key, and keeps ``top_k``;
  an edge stays when either end keeps the other.

A pair's score depends on the two articles and the df of their keywords, never on the
number of articles or on any other article's text, so after a change only the rows of
the changed articles, of their keyword neighbours and of the holders of a keyword whose
band changed are recomputed (:meth:`SimilarityIndex.update`), and the result is the
one a cold build gives, edge for edge. Candidate pairs come from the keyword ->
articles index (a sparse matrix product: scipy's for a build, row by row with numpy for
the few rows an edit ranks), never from all pairs.

>>> docs = [Doc("a", ("graphs", "trees")), Doc("b", ("graphs", "trees")), Doc("c", ("cells",))]
>>> similar_edges(docs)
[SimilarEdge(source='a', target='b', weight=1.0, shared=('graphs', 'trees'))]
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

import numpy as np

from .errors import OutputError, UsageError
from .fileio import atomic_open
from .model import SimilarityConfig
from .normalize import question_key

if TYPE_CHECKING:
    from scipy import sparse  # imported where used: a build with nothing to do needs only the config

__all__ = [
    "Doc",
    "DocLike",
    "EdgeChanges",
    "SimilarEdge",
    "SimilarityConfig",
    "SAME_QUESTION_MAX",
    "SimilarityIndex",
    "same_question_pairs",
    "similar_edges",
    "similar_pairs",
]

_UNITS = 10_000  #: edge weights are integers in ten-thousandths (4 decimal places)
_CHUNK = 4096  #: rows per sparse product
#: an update ranks at most this many rows one by one with numpy (0.2 ms each at 36k; a keyword
#: edit ranks 100-300); more, and scipy's sparse product is worth its import (0.2 s)
_ROW_BY_ROW = 1000
_FORMAT = 1  #: version of the saved state
#: the most articles one question may have and still be linked pair by pair: a group is a question
#: filed under a few subjects (2-3 in the real corpus); a larger one is a generic title ("Untitled",
#: "Overview", a folder of copies) whose n(n-1)/2 pairs would be the graph (5,000 articles of one
#: title made 12.5 million edges and 8.5 GB). The health report still lists every group.
SAME_QUESTION_MAX = 100


class DocLike(Protocol):
    """What similarity reads of an article (:class:`qagraph.model.Article` has it)."""

    @property
    def key(self) -> str: ...

    @property
    def keyword_keys(self) -> Sequence[str]: ...

    @property
    def question(self) -> str: ...


class Doc(NamedTuple):
    """An article as similarity sees it: identity, folded keyword keys, question."""

    key: str
    keyword_keys: Sequence[str]
    question: str = ""


class SimilarEdge(NamedTuple):
    """One similar pair: ``source`` sorts before ``target``; ``shared`` keyword keys, sorted."""

    source: str
    target: str
    weight: float
    shared: tuple[str, ...]


@dataclass
class EdgeChanges:
    """What an update changed: edges added, pairs removed, and edges whose weight or shared keywords changed."""

    added: list[SimilarEdge] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[SimilarEdge] = field(default_factory=list)
    rows: int = 0  #: articles whose ranking was recomputed

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def similar_edges(docs: Iterable[DocLike], config: SimilarityConfig = SimilarityConfig()) -> list[SimilarEdge]:
    """The similar edges of ``docs``, sorted; the same whatever order the docs come in.

    >>> similar_edges([Doc("x", ("a", "b"), "Why?"), Doc("y", ("a", "b"), "why")])
    []

    See also: :class:`SimilarityIndex`, which keeps the state to update them.
    """
    return SimilarityIndex.build(docs, config).edges()


def same_question_pairs(docs: Iterable[DocLike]) -> list[tuple[str, str]]:
    """Pairs of articles that ask the same question, ``(source, target)`` with source first in key order.

    The rule: the same :func:`~qagraph.normalize.question_key` (case, spacing and
    punctuation aside). The id is not needed: in the generated 36k corpus every group
    of articles sharing an id also shares the question text, and 59 more groups ask
    the same question under different ids. Three copies make three pairs; a question of
    more than :data:`SAME_QUESTION_MAX` articles makes none.

    >>> same_question_pairs([Doc("b", (), "What is a virus?"), Doc("a", (), "what is a VIRUS"), Doc("c", (), "Why?")])
    [('a', 'b')]
    """
    groups: dict[str, list[str]] = {}
    for doc in docs:
        key = question_key(doc.question)
        if key:
            groups.setdefault(key, []).append(doc.key)
    return sorted(pair for keys in groups.values() if 1 < len(keys) <= SAME_QUESTION_MAX
                  for pair in itertools.combinations(sorted(keys), 2))


_MASK = (1 << 64) - 1
_P = 0x100000001B3  # the FNV-1 prime
_Q = 0x9E3779B97F4A7C15


def _poly_hash(data: bytes) -> int:
    """A 64-bit polynomial hash of ``data``; :func:`_poly_hashes` computes the same for many strings at once."""
    h = 0
    for byte in data:
        h = (h * _P + byte + 1) & _MASK
    return (h + len(data) * _Q) & _MASK


def _poly_hashes(blob: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """:func:`_poly_hash` of every string of a table (bytes ``blob``, string ``i`` ending at ``ends[i]``)."""
    starts = np.concatenate([[0], ends[:-1]]).astype(np.int64)
    lengths = ends - starts
    out: np.ndarray = lengths.astype(np.uint64) * np.uint64(_Q)
    if len(blob) == 0:
        return out
    powers = [1]
    for _ in range(int(lengths.max())):
        powers.append(powers[-1] * _P & _MASK)
    power = np.array(powers, dtype=np.uint64)
    exponent = np.repeat(ends, lengths) - 1 - np.arange(len(blob), dtype=np.int64)
    terms = (blob.astype(np.uint64) + np.uint64(1)) * power[exponent]
    filled = lengths > 0
    out[filled] += np.add.reduceat(terms, starts[filled])
    return out


def _question_hashes(questions: Sequence[str]) -> np.ndarray:
    """A 64-bit hash of each question's key (:func:`~qagraph.normalize.question_key`); 0 for none."""
    keys = [question_key(q) for q in questions]
    hashes = _Strings.of(keys).hashes().view(np.int64)
    result: np.ndarray = np.where((hashes == 0) & np.fromiter(map(bool, keys), dtype=bool, count=len(keys)), 1, hashes)
    return result


class _Strings:
    """A table of strings kept as UTF-8 bytes: one is found by its hash, and read, without decoding the others."""

    def __init__(self, blob: np.ndarray, ends: np.ndarray, hashes: np.ndarray | None = None,
                 strings: list[str] | None = None, by_hash: np.ndarray | None = None) -> None:
        self.blob, self.ends = blob, ends
        self._hashes = hashes
        self._by_hash = by_hash  #: positions in hash order
        self._strings = strings

    @classmethod
    def of(cls, strings: Sequence[str]) -> _Strings:
        encoded = [s.encode("utf-8") for s in strings]
        ends = np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), dtype=np.int64)
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint8), ends, strings=list(strings))

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> str:
        if self._strings is not None:
            return self._strings[i]
        start = int(self.ends[i - 1]) if i else 0
        return self.blob[start : int(self.ends[i])].tobytes().decode("utf-8")

    def all(self) -> list[str]:
        """Every string (decoded once, then kept)."""
        if self._strings is None:
            data = self.blob.tobytes()
            bounds = [0, *self.ends.tolist()]
            self._strings = [data[a:b].decode("utf-8") for a, b in zip(bounds, bounds[1:])]
        return self._strings

    def hashes(self) -> np.ndarray:
        if self._hashes is None:
            self._hashes = _poly_hashes(self.blob, self.ends)
        return self._hashes

    def by_hash(self) -> np.ndarray:
        if self._by_hash is None:
            self._by_hash = np.argsort(self.hashes())
        return self._by_hash

    def find(self, text: str) -> list[int]:
        """The positions that hold ``text``."""
        hashes = self.hashes()
        self.by_hash()
        assert self._by_hash is not None
        h = np.uint64(_poly_hash(text.encode("utf-8")))
        ordered = hashes[self._by_hash]
        lo, hi = np.searchsorted(ordered, h, "left"), np.searchsorted(ordered, h, "right")
        return sorted(i for i in self._by_hash[lo:hi].tolist() if self[i] == text)

    def extend(self, strings: Sequence[str]) -> None:
        if not strings:
            return
        more = _Strings.of(strings)
        if self._hashes is not None:
            added = more.hashes()
            if self._by_hash is not None:  # keep the hash order: insert the new ones in place
                mine = np.argsort(added)
                where = np.searchsorted(self._hashes[self._by_hash], added[mine])
                self._by_hash = np.insert(self._by_hash, where, len(self) + mine)
            self._hashes = np.concatenate([self._hashes, added])
        else:
            self._by_hash = None
        self.blob = np.concatenate([self.blob, more.blob])
        self.ends = np.concatenate([self.ends, (self.ends[-1] if len(self.ends) else 0) + more.ends])
        if self._strings is not None:
            self._strings.extend(strings)

    def kept(self, keep: np.ndarray) -> _Strings:
        """The table of the strings where ``keep`` is true, in order."""
        lengths = np.diff(np.concatenate([[0], self.ends]))
        blob = self.blob[np.repeat(keep, lengths)]
        hashes = None if self._hashes is None else self._hashes[keep]
        strings = None if self._strings is None else [s for s, k in zip(self._strings, keep.tolist()) if k]
        by_hash = None
        if self._by_hash is not None:
            by_hash = (np.cumsum(keep) - 1)[self._by_hash[keep[self._by_hash]]]
        return _Strings(blob, np.cumsum(lengths[keep], dtype=np.int64), hashes, strings, by_hash)


class _SortedKeys:
    """The keys of ``slots``, read on demand, as a sequence for :mod:`bisect`."""

    def __init__(self, table: _Strings, slots: np.ndarray) -> None:
        self.table, self.slots = table, slots

    def __len__(self) -> int:
        return len(self.slots)

    def __getitem__(self, i: int) -> str:
        return self.table[int(self.slots[i])]


class SimilarityIndex:
    """The state behind the similar edges, kept between builds and updated in place.

    Build it from every article, save it to a folder, load it back (numpy arrays,
    milliseconds) and :meth:`update` it with the articles that changed: the edges
    are then exactly those of a fresh :meth:`build` of the new corpus.

    >>> index = SimilarityIndex.build([Doc("a", ("x", "y")), Doc("b", ("x", "y")), Doc("c", ("z",))])
    >>> [e[:2] for e in index.edges()]
    [('a', 'b')]
    >>> changes = index.update(changed=[Doc("c", ("x", "y"))])
    >>> [e[:2] for e in changes.added], [e[:2] for e in index.edges()]
    ([('a', 'c'), ('b', 'c')], [('a', 'b'), ('a', 'c'), ('b', 'c')])
    """

    def __init__(self, config: SimilarityConfig = SimilarityConfig()) -> None:
        if config.top_k < 0 or config.max_df < 2:
            raise UsageError(f"similarity needs top_k >= 0 and max_df >= 2, not {config.top_k} and {config.max_df}")
        self.config = config
        # articles, by slot; a removed or replaced article leaves a dead slot until save()
        self._keys = _Strings.of([])
        self._live = np.zeros(0, dtype=bool)
        self._by_key = np.zeros(0, dtype=np.int64)  #: the live slots in key order
        self._qhash = np.zeros(0, dtype=np.int64)  #: hash of the question key, 0 for none
        self._nkw = np.zeros(0, dtype=np.int64)  #: keywords of each article, counting or not
        self._kw_ptr = np.zeros(1, dtype=np.int64)  #: CSR: slot -> its keyword ids
        self._kw_ids = np.zeros(0, dtype=np.int64)
        # keywords, by id
        self._kw = _Strings.of([])
        self._df = np.zeros(0, dtype=np.int64)  #: live articles that carry each keyword
        # each slot's ranking: partner slots and weights (ten-thousandths), -1 / 0 when empty
        self._top = np.full((0, config.top_k), -1, dtype=np.int64)
        self._top_w = np.zeros((0, config.top_k), dtype=np.int64)
        self._by_df = np.array([config.keyword_weight(d) for d in range(config.max_df + 2)], dtype=np.int64)
        self._rank: np.ndarray | None = None  #: each slot's place in key order (cache)
        self._cache: tuple[sparse.csr_matrix, sparse.csr_matrix] | None = None  #: the full matrices (cache)

    # -- building --------------------------------------------------------------------

    @classmethod
    def build(cls, docs: Iterable[DocLike], config: SimilarityConfig = SimilarityConfig()) -> SimilarityIndex:
        """The index of ``docs`` (keys must be unique), every ranking computed.

        Raises :class:`~qagraph.errors.UsageError` when two docs have the same key.
        """
        index = cls(config)
        docs = list(docs)
        keys = [d.key for d in docs]
        if len(set(keys)) != len(keys):
            seen: set[str] = set()
            twice = next(k for k in keys if k in seen or seen.add(k))  # type: ignore[func-returns-value]
            raise UsageError(f"two articles have the key {twice!r}")
        keyword_sets = [_unique(d.keyword_keys) for d in docs]
        vocabulary: dict[str, int] = {}  # ids in order of first appearance: no result depends on them
        ids = [vocabulary.setdefault(k, len(vocabulary)) for k in itertools.chain.from_iterable(keyword_sets)]
        index._keys = _Strings.of(keys)
        index._kw = _Strings.of(list(vocabulary))
        index._df = np.zeros(len(vocabulary), dtype=np.int64)
        index._add_slots(docs, keyword_sets, np.asarray(ids, dtype=np.int64))
        index._by_key = np.asarray(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.int64)
        index._recount()
        index._rank_rows(np.arange(len(keys), dtype=np.int64), _products(*index._matrices()))
        return index

    def _add_slots(self, docs: Sequence[DocLike], keyword_sets: Sequence[Sequence[str]], ids: np.ndarray) -> np.ndarray:
        """Slot data for ``docs`` (their keys are already in the key table); returns the new slots."""
        start = len(self._live)
        lengths = np.fromiter(map(len, keyword_sets), dtype=np.int64, count=len(keyword_sets))
        qhash = _question_hashes([d.question for d in docs])
        self._live = np.concatenate([self._live, np.ones(len(docs), dtype=bool)])
        self._qhash = np.concatenate([self._qhash, qhash])
        self._nkw = np.concatenate([self._nkw, lengths])
        self._kw_ptr = np.concatenate([self._kw_ptr, self._kw_ptr[-1] + np.cumsum(lengths)])
        self._kw_ids = np.concatenate([self._kw_ids, ids])
        k = self.config.top_k
        self._top = np.concatenate([self._top, np.full((len(docs), k), -1, dtype=np.int64)])
        self._top_w = np.concatenate([self._top_w, np.zeros((len(docs), k), dtype=np.int64)])
        self._rank = None
        self._cache = None
        return np.arange(start, len(self._live), dtype=np.int64)

    def _rows_of_ids(self) -> np.ndarray:
        return np.repeat(np.arange(len(self._live), dtype=np.int64), np.diff(self._kw_ptr))

    def _recount(self) -> None:
        """Document frequencies from the live slots (after any change to them)."""
        self._cache = None
        live = self._live[self._rows_of_ids()]
        self._df = np.bincount(self._kw_ids[live], minlength=len(self._df)).astype(np.int64)

    def _weights(self) -> np.ndarray:
        """Each keyword's weight (thousandths) at the current df; 0 for those that do not count."""
        return self._by_df[np.minimum(self._df, self.config.max_df + 1)]

    def _matrices(self) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """``U`` (slots x keywords: the weights of the keywords that count, live slots) and ``B^T`` (its 0/1 transpose)."""
        from scipy import sparse

        if self._cache is None:
            n, v = len(self._live), len(self._df)
            weights = self._weights()
            rows = self._rows_of_ids()
            keep = self._live[rows] & (weights[self._kw_ids] > 0)
            rows, ids = rows[keep], self._kw_ids[keep]
            ptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))]).astype(np.int64)
            U = sparse.csr_matrix((weights[ids].astype(np.float64), ids, ptr), shape=(n, v))
            BT = sparse.csr_matrix((np.ones(len(ids)), ids, ptr), shape=(n, v)).T.tocsr()
            self._cache = (U, BT)
        return self._cache

    def _row_keywords(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """What ranking ``rows`` reads: each keyword that counts of each row, as ``(row index,
        keyword id)`` arrays in the rows' order, and the live holders of those keywords, as
        ``(keyword id, slot)`` arrays."""
        weights = self._weights()
        owner = np.repeat(np.arange(len(rows), dtype=np.int64), np.diff(self._kw_ptr)[rows])
        ids = self._kw_ids[_segments(self._kw_ptr, rows)]
        keep = weights[ids] > 0
        owner, ids = owner[keep], ids[keep]
        wanted = np.zeros(len(self._df), dtype=bool)
        wanted[ids] = True
        holders = self._rows_of_ids()
        hit = wanted[self._kw_ids] & self._live[holders]
        return owner, ids, self._kw_ids[hit], holders[hit]

    def _row_matrices(self, rows: np.ndarray) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """``U[rows]``, and ``B^T`` restricted to the keywords of those rows: what ranking them needs."""
        from scipy import sparse

        n, v = len(self._live), len(self._df)
        owner, ids, held, holders = self._row_keywords(rows)
        U = sparse.csr_matrix((self._weights()[ids].astype(np.float64), (owner, ids)), shape=(len(rows), v))
        BT = sparse.csr_matrix((np.ones(len(held)), (held, holders)), shape=(v, n))
        return U, BT

    def _key_rank(self) -> np.ndarray:
        """Each slot's place in key order (dead slots last): the tie-break between equal weights."""
        if self._rank is None:
            n = len(self._live)
            rank = np.full(n, n, dtype=np.int64)
            rank[self._by_key] = np.arange(len(self._by_key))
            self._rank = rank
        return self._rank

    def _row_products(self, rows: np.ndarray) -> "_Products":
        """``U[rows] @ B^T``, block by block (:func:`_products`): row by row with numpy for the
        few rows of an edit, so that it needs no scipy, or from :meth:`_row_matrices`.

        Weights are integers: evidence is the same in any order of summing.
        """
        if len(rows) > _ROW_BY_ROW:
            return _products(*self._row_matrices(rows))
        n, v = len(self._live), len(self._df)
        weights = self._weights()
        owner, ids, held, holders = self._row_keywords(rows)
        bounds = np.searchsorted(owner, np.arange(len(rows) + 1)).tolist()
        own = [ids[bounds[i] : bounds[i + 1]] for i in range(len(rows))]
        by_kw = holders[np.argsort(held, kind="stable")]  # the live holders of each keyword, keyword by keyword
        starts = np.concatenate([[0], np.cumsum(np.bincount(held, minlength=v))]).astype(np.int64)

        def block(start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            local, cols, evidence = [], [], []
            for i in range(start, stop):
                kw = own[i]
                acc = np.bincount(by_kw[_segments(starts, kw)], minlength=n,
                                  weights=np.repeat(weights[kw], starts[kw + 1] - starts[kw]).astype(np.float64))
                found = np.flatnonzero(acc)
                local.append(np.full(len(found), i - start, dtype=np.int64))
                cols.append(found)
                evidence.append(acc[found])
            if not local:
                empty = np.zeros(0, dtype=np.int64)
                return empty, empty, np.zeros(0)
            return np.concatenate(local), np.concatenate(cols), np.concatenate(evidence)

        return block

    def _rank_rows(self, rows: np.ndarray, products: "_Products") -> None:
        """Recompute the ranking (top-k partners) of ``rows``; ``products(a, b)`` gives the evidence
        of ``rows[a:b]`` against every slot, as ``(row in the block, slot, evidence)``."""
        cfg = self.config
        k = cfg.top_k
        self._top[rows] = -1
        self._top_w[rows] = 0
        if k == 0 or len(rows) == 0:
            return
        rank = self._key_rank()
        w2 = float(cfg.keyword_weight(2))
        least = max(1, math.ceil(cfg.min_score * _UNITS - 1e-9))
        n = len(self._live)
        for start in range(0, len(rows), _CHUNK):
            block = rows[start : start + _CHUNK]
            local, cols, evidence = products(start, start + len(block))
            me = block[local]
            q = self._qhash[me]
            keep = (cols != me) & (evidence >= cfg.min_evidence) & ((q == 0) | (q != self._qhash[cols]))
            local, me, cols, evidence = local[keep], me[keep], cols[keep], evidence[keep]
            units = _units(evidence, self._nkw[me] * self._nkw[cols], w2)
            keep = units >= least
            local, cols, units = local[keep], cols[keep], units[keep]
            # one sort per block: row, then weight (high first), then partner key
            order = np.argsort(local * ((_UNITS + 1) * (n + 1)) + (_UNITS - units) * (n + 1) + rank[cols])
            local, cols, units = local[order], cols[order], units[order]
            local, cols, units = _one_per_question(local, cols, units, self._qhash[cols])
            place = np.arange(len(local)) - np.searchsorted(local, local, side="left")
            top = place < k
            self._top[block[local[top]], place[top]] = cols[top]
            self._top_w[block[local[top]], place[top]] = units[top]

    # -- edges -----------------------------------------------------------------------

    def _pairs(self, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(u, v, units)`` of the edges (u's key first), in key order; all, or those touching ``rows``."""
        n = len(self._live)
        k = self.config.top_k
        if k == 0 or n == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        mine = np.repeat(np.arange(n, dtype=np.int64), k)
        other, units = self._top.ravel(), self._top_w.ravel()
        keep = other >= 0
        if rows is not None:
            touched = np.zeros(n, dtype=bool)
            touched[rows] = True
            keep &= touched[mine] | touched[np.maximum(other, 0)]
        mine, other, units = mine[keep], other[keep], units[keep]
        rank = self._key_rank()
        first = rank[mine] < rank[other]
        u = np.where(first, mine, other)
        v = np.where(first, other, mine)
        _, index = np.unique(rank[u] * (n + 1) + rank[v], return_index=True)
        return u[index], v[index], units[index]

    def _shared(self, u: np.ndarray, v: np.ndarray, weights: np.ndarray) -> list[tuple[str, ...]]:
        """The keywords that count (``weights > 0``) shared by each pair, sorted."""
        if len(u) == 0:
            return []
        width = len(self._df)

        def entries(slots: np.ndarray) -> np.ndarray:
            """``pair * width + keyword`` for each counting keyword of each pair's slot in ``slots``."""
            owner = np.repeat(np.arange(len(slots), dtype=np.int64), np.diff(self._kw_ptr)[slots])
            ids = self._kw_ids[_segments(self._kw_ptr, slots)]
            keep = weights[ids] > 0
            found: np.ndarray = owner[keep] * width + ids[keep]
            return found

        both = np.intersect1d(entries(u), entries(v), assume_unique=True)  # a slot's keywords are distinct
        owner, ids = both // width, both % width
        # sort within each pair by key: decode and rank only the keywords that occur
        seen = _distinct(ids)
        names = [self._kw[i] for i in seen.tolist()]
        place = np.empty(len(seen), dtype=np.int64)
        place[sorted(range(len(seen)), key=names.__getitem__)] = np.arange(len(seen))
        local = np.searchsorted(seen, ids)
        local = local[np.argsort(owner * len(seen) + place[local])]
        flat = [names[i] for i in local.tolist()]
        bounds = np.searchsorted(owner, np.arange(len(u) + 1)).tolist()
        return [tuple(flat[bounds[p] : bounds[p + 1]]) for p in range(len(u))]

    def edges(self) -> list[SimilarEdge]:
        """Every similar edge, sorted by source then target."""
        u, v, units = self._pairs()
        shared = self._shared(u, v, self._weights())
        keys = self._keys.all()
        return [
            SimilarEdge(keys[a], keys[b], w / _UNITS, s)
            for a, b, w, s in zip(u.tolist(), v.tolist(), units.tolist(), shared)
        ]

    def partners(self, key: str) -> list[tuple[str, float]]:
        """The article's own ranking: ``(partner key, weight)``, best first (at most ``top_k``).

        Raises :class:`~qagraph.errors.UsageError` for a key the index does not hold.
        """
        slot = self._slot_of(key)
        return [(self._keys[p], w / _UNITS) for p, w in zip(self._top[slot].tolist(), self._top_w[slot].tolist())
                if p >= 0]

    def same_question_pairs(self, among: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """:func:`same_question_pairs` of the articles held, from their question hashes; with
        ``among``, only the pairs with an article of ``among`` (keys not held are passed over)."""
        if among is not None:
            pairs: set[tuple[str, str]] = set()
            for key in among:
                slot = self._find(key)
                if slot is None or not self._qhash[slot]:
                    continue
                group = sorted(self._keys[s] for s in np.flatnonzero(self._live & (self._qhash == self._qhash[slot])).tolist())
                if len(group) <= SAME_QUESTION_MAX:
                    pairs |= {pair for pair in itertools.combinations(group, 2) if key in pair}
            return sorted(pairs)
        live = np.flatnonzero(self._live & (self._qhash != 0))
        order = live[np.argsort(self._qhash[live], kind="stable")]
        hashes = self._qhash[order]
        starts = np.flatnonzero(np.r_[True, hashes[1:] != hashes[:-1]])
        sizes = np.diff(np.r_[starts, len(order)])
        found: list[tuple[str, str]] = []
        paired = (sizes > 1) & (sizes <= SAME_QUESTION_MAX)
        for start, size in zip(starts[paired].tolist(), sizes[paired].tolist()):
            group = sorted(self._keys[s] for s in order[start : start + size].tolist())
            found.extend(itertools.combinations(group, 2))
        return sorted(found)

    def question_group(self, key: str) -> int:
        """How many articles held ask the question of article ``key`` (itself included); 0 when
        it is not held or asks none."""
        slot = self._find(key)
        if slot is None or not self._qhash[slot]:
            return 0
        return int(np.count_nonzero(self._live & (self._qhash == self._qhash[slot])))

    def __len__(self) -> int:
        return len(self._by_key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) is not None

    def _find(self, key: str) -> int | None:
        """The live slot of ``key``, if any."""
        for slot in self._keys.find(key):
            if self._live[slot]:
                return slot
        return None

    def _slot_of(self, key: str) -> int:
        slot = self._find(key)
        if slot is None:
            raise UsageError(f"the similarity index has no article {key!r}")
        return slot

    # -- updating --------------------------------------------------------------------

    def update(self, changed: Iterable[DocLike] = (), removed: Iterable[str] = ()) -> EdgeChanges:
        """Apply added or edited articles (``changed``) and deleted ones (``removed``, by key).

        Only the rankings that can differ are recomputed: those of the changed
        articles and of every article that holds a counting keyword of theirs (before
        or after the change; this includes the holders of a keyword whose weight
        changed). Returns the edges that changed.

        Raises :class:`~qagraph.errors.UsageError` for a removed key the index does not
        hold, or an article given twice.
        """
        removed = list(dict.fromkeys(removed))
        seen = set(removed)
        old_slots = [self._slot_of(key) for key in removed]
        todo: list[DocLike] = []
        new_sets: list[tuple[str, ...]] = []
        for doc in changed:
            if doc.key in seen:
                raise UsageError(f"article {doc.key!r} is given twice to the similarity update")
            seen.add(doc.key)
            keys = _unique(doc.keyword_keys)
            slot = self._find(doc.key)
            if slot is not None:
                if self._same(slot, keys, doc.question):
                    continue
                old_slots.append(slot)
            todo.append(doc)
            new_sets.append(keys)
        if not old_slots and not todo:
            return EdgeChanges()
        old = np.asarray(old_slots, dtype=np.int64)

        # keyword ids of the new keyword sets; new keywords get new ids
        fresh: dict[str, int] = {}
        new_ids: list[int] = []
        for k in itertools.chain.from_iterable(new_sets):
            found = fresh.get(k)
            if found is None:
                hits = self._kw.find(k)
                found = hits[0] if hits else fresh.setdefault(k, len(self._kw) + len(fresh))
            new_ids.append(found)
        ids_after = np.asarray(new_ids, dtype=np.int64)

        # the keywords whose holders may rank differently, and their df after the change
        weights_before = self._weights()
        old_ids = self._kw_ids[_segments(self._kw_ptr, old)]
        known = ids_after[ids_after < len(self._df)]
        df_after = self._df.copy()
        np.subtract.at(df_after, old_ids, 1)
        np.add.at(df_after, known, 1)
        touched = _distinct(old_ids, known)
        weights_after = self._by_df[np.minimum(df_after, self.config.max_df + 1)]
        counting = touched[(weights_before[touched] > 0) | (weights_after[touched] > 0)]
        holders = self._holders(counting)
        rows = holders[~np.isin(holders, old, kind="table")]
        before = self._snapshot(_distinct(rows, old), weights_before)

        # apply: the old slots die, the new ones are appended and put in key order
        self._live[old] = False
        self._top[old] = -1
        self._top_w[old] = 0
        self._kw.extend(list(fresh))
        self._df = np.concatenate([self._df, np.zeros(len(fresh), dtype=np.int64)])
        self._keys.extend([d.key for d in todo])
        new_slots = self._add_slots(todo, new_sets, ids_after)
        order = self._by_key[self._live[self._by_key]]
        for slot, doc in zip(new_slots.tolist(), todo):
            place = bisect.bisect_left(_SortedKeys(self._keys, order), doc.key)
            order = np.insert(order, place, slot)
        self._by_key = order
        self._recount()
        rows = _distinct(rows, new_slots)
        self._rank_rows(rows, self._row_products(rows))
        after = self._snapshot(rows, self._weights())
        return _diff(before, after, len(rows))

    def _same(self, slot: int, keys: tuple[str, ...], question: str) -> bool:
        ids = self._kw_ids[self._kw_ptr[slot] : self._kw_ptr[slot + 1]].tolist()
        return [self._kw[i] for i in ids] == list(keys) and self._qhash[slot] == _question_hashes([question])[0]

    def _holders(self, kw_ids: np.ndarray) -> np.ndarray:
        """The live slots that carry any of ``kw_ids``."""
        if len(kw_ids) == 0:
            return np.zeros(0, dtype=np.int64)
        wanted = np.zeros(len(self._df), dtype=bool)
        wanted[kw_ids] = True
        rows = self._rows_of_ids()
        return _distinct(rows[wanted[self._kw_ids] & self._live[rows]])

    def _snapshot(self, rows: np.ndarray, weights: np.ndarray) -> dict[tuple[str, str], tuple[int, tuple[str, ...]]]:
        """The edges touching ``rows``: ``{(source, target): (units, shared)}``."""
        u, v, units = self._pairs(rows)
        shared = self._shared(u, v, weights)
        keys = {s: self._keys[s] for s in _distinct(u, v).tolist()}
        return {(keys[a], keys[b]): (w, s) for a, b, w, s in zip(u.tolist(), v.tolist(), units.tolist(), shared)}

    # -- saving and loading ------------------------------------------------------------

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write the state to ``folder/similarity.npz`` (atomically); returns the file.

        Raises :class:`~qagraph.errors.OutputError` when it cannot be written.
        """
        self._compact()
        path = Path(folder) / _STATE
        meta = {"format": _FORMAT, "config": self.config.as_dict(), "articles": len(self._live), "keywords": len(self._df)}
        try:
            with atomic_open(path, "wb") as handle:
                np.savez(
                    handle, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                    keys=self._keys.blob, keys_ends=self._keys.ends, keys_hashes=self._keys.hashes(),
                    keys_by_hash=self._keys.by_hash().astype(np.int32), kw=self._kw.blob, kw_ends=self._kw.ends,
                    kw_hashes=self._kw.hashes(), kw_by_hash=self._kw.by_hash().astype(np.int32), by_key=self._by_key,
                    qhash=self._qhash, nkw=self._nkw.astype(np.int32), kw_ptr=self._kw_ptr,
                    kw_ids=self._kw_ids.astype(np.int32), top=self._top.astype(np.int32),
                    top_w=self._top_w.astype(np.int32),
                )
        except OSError as exc:
            raise OutputError(f"cannot write the similarity state: {exc.strerror or exc}", path=str(path)) from exc
        return path

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> SimilarityIndex:
        """The state :meth:`save` wrote in ``folder``; its settings are in :attr:`config`.

        Strings are decoded only when an update or a listing needs them.

        Raises :class:`~qagraph.errors.OutputError` when there is none, or it is damaged or
        of another format (build a new one then).
        """
        path = Path(folder) / _STATE
        try:
            with np.load(path) as data:
                arrays = {name: data[name] for name in data.files}
            meta = json.loads(arrays.pop("meta").tobytes())
            if meta.get("format") != _FORMAT:
                raise ValueError(f"format {meta.get('format')!r}, not {_FORMAT}")
            index = cls(SimilarityConfig(**meta["config"]))
            n, v, k = int(meta["articles"]), int(meta["keywords"]), index.config.top_k
            index._qhash = arrays["qhash"].astype(np.int64)
            index._nkw = arrays["nkw"].astype(np.int64)
            index._kw_ptr = arrays["kw_ptr"].astype(np.int64)
            index._kw_ids = arrays["kw_ids"].astype(np.int64)
            index._top, index._top_w = arrays["top"].astype(np.int64), arrays["top_w"].astype(np.int64)
            index._by_key = arrays["by_key"].astype(np.int64)
            shapes = (len(index._qhash), len(index._nkw), len(index._kw_ptr), index._top.shape, index._top_w.shape,
                      len(arrays["keys_ends"]), len(arrays["keys_hashes"]), len(arrays["kw_ends"]),
                      len(arrays["kw_hashes"]), len(index._by_key), len(arrays["keys_by_hash"]), len(arrays["kw_by_hash"]))
            if shapes != (n, n, n + 1, (n, k), (n, k), n, n, v, v, n, n, v) or int(index._kw_ptr[-1]) != len(index._kw_ids):
                raise ValueError("arrays of different lengths")
            if len(index._kw_ids) and (int(index._kw_ids.max()) >= v or int(index._kw_ids.min()) < 0):
                raise ValueError("keyword ids out of range")
            index._keys = _Strings(arrays["keys"], arrays["keys_ends"].astype(np.int64), arrays["keys_hashes"],
                                   by_hash=arrays["keys_by_hash"].astype(np.int64))
            index._kw = _Strings(arrays["kw"], arrays["kw_ends"].astype(np.int64), arrays["kw_hashes"],
                                 by_hash=arrays["kw_by_hash"].astype(np.int64))
        except FileNotFoundError as exc:
            raise OutputError("no similarity state here", path=str(path)) from exc
        except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
            raise OutputError(f"damaged similarity state ({exc}); build it again", path=str(path)) from exc
        index._live = np.ones(n, dtype=bool)
        index._df = np.zeros(v, dtype=np.int64)
        index._recount()
        return index

    def _compact(self) -> None:
        """Drop dead slots, renumbering the rest in order."""
        alive = self._live
        if alive.all():
            return
        new = np.cumsum(alive) - 1
        rows = self._rows_of_ids()
        lengths = np.diff(self._kw_ptr)[alive]
        self._kw_ids = self._kw_ids[alive[rows]]
        self._kw_ptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        self._qhash, self._nkw = self._qhash[alive], self._nkw[alive]
        top = self._top[alive]
        self._top = np.where(top >= 0, new[np.maximum(top, 0)], -1)
        self._top_w = self._top_w[alive]
        self._keys = self._keys.kept(alive)
        self._by_key = new[self._by_key]
        self._live = np.ones(len(self._keys), dtype=bool)
        self._rank = None
        self._cache = None


_STATE = "similarity.npz"


def _unique(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


#: ``products(a, b)``: the evidence of rows ``a`` to ``b`` of a ranking against every slot,
#: as ``(row - a, slot, evidence)`` arrays (any order)
_Products = Callable[[int, int], tuple[np.ndarray, np.ndarray, np.ndarray]]


def _products(U: sparse.csr_matrix, BT: sparse.csr_matrix) -> _Products:
    """The :data:`_Products` of the sparse matrices ``U`` and ``B^T``."""

    def block(start: int, stop: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        product = (U[start:stop] @ BT).tocoo()
        return product.row.astype(np.int64), product.col.astype(np.int64), product.data

    return block


def _distinct(*arrays: np.ndarray) -> np.ndarray:
    """The values of ``arrays``, sorted, each once: ``np.unique`` of them, without the check for a
    masked array whose first use imports ``numpy.ma`` (0.03-0.05 s of an edit's update).

    >>> _distinct(np.array([3, 1, 3]), np.array([2, 1])).tolist()
    [1, 2, 3]
    """
    values = np.sort(np.concatenate(arrays) if len(arrays) > 1 else arrays[0], axis=None)
    keep = np.ones(len(values), dtype=bool)
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _segments(ptr: np.ndarray, slots: np.ndarray) -> np.ndarray:
    """Positions ``ptr[s] .. ptr[s + 1] - 1`` of every slot ``s`` in ``slots``, concatenated."""
    starts, ends = ptr[slots], ptr[slots + 1]
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return offsets + np.arange(total, dtype=np.int64)


def _one_per_question(local: np.ndarray, cols: np.ndarray, units: np.ndarray,
                      questions: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's candidates (sorted best first within the row) without the later copies of a
    question already among them: two files of one question under two subjects would take two
    slots of the ranking and show one title twice. ``questions`` are the candidates' question
    hashes (0: none, never a copy). A row's ranking still reads only its own candidates, so an
    update that recomputes the holders of an article's keywords stays exact.

    >>> r, c, u = _one_per_question(np.array([0, 0, 0, 1, 1]), np.array([5, 6, 7, 6, 5]),
    ...                             np.array([9, 8, 7, 9, 8]), np.array([3, 3, 0, 3, 3]))
    >>> r.tolist(), c.tolist(), u.tolist()
    ([0, 0, 1], [5, 7, 6], [9, 7, 9])
    """
    asked = np.flatnonzero(questions != 0)
    if len(asked) < 2:
        return local, cols, units
    # the asked candidates by (row, question), stable: the first of each group is the best
    order = asked[np.lexsort((questions[asked], local[asked]))]
    repeat = np.zeros(len(order), dtype=bool)
    repeat[1:] = (local[order[1:]] == local[order[:-1]]) & (questions[order[1:]] == questions[order[:-1]])
    if not repeat.any():
        return local, cols, units
    keep = np.ones(len(local), dtype=bool)
    keep[order[repeat]] = False
    return local[keep], cols[keep], units[keep]


def _units(evidence: np.ndarray, sizes: np.ndarray, w2: float) -> np.ndarray:
    """Scores in ten-thousandths: ``evidence / (w2 * sqrt(n_a * n_b))``, rounded.

    The one place the score is computed, from integers only (evidence and sizes are
    exact), so a cold build and an update give the same bits.
    """
    return np.rint(evidence / (w2 * np.sqrt(sizes.astype(np.float64))) * _UNITS).astype(np.int64)


def _diff(
    before: dict[tuple[str, str], tuple[int, tuple[str, ...]]],
    after: dict[tuple[str, str], tuple[int, tuple[str, ...]]],
    rows: int,
) -> EdgeChanges:
    def edge(pair: tuple[str, str], value: tuple[int, tuple[str, ...]]) -> SimilarEdge:
        return SimilarEdge(pair[0], pair[1], value[0] / _UNITS, value[1])

    return EdgeChanges(
        added=[edge(p, after[p]) for p in sorted(after.keys() - before.keys())],
        removed=sorted(before.keys() - after.keys()),
        changed=[edge(p, after[p]) for p in sorted(after.keys() & before.keys()) if after[p] != before[p]],
        rows=rows,
    )


def similar_pairs(
    keyword_sets: Sequence[Sequence[int]], df: Sequence[int] | None = None, config: SimilarityConfig = SimilarityConfig()
) -> list[tuple[int, int, float, tuple[int, ...]]]:
    """``(i, j, weight, shared keyword ids)`` for positions ``i < j``: the former interface.

    The articles are named by position (ties go to the lower one) and have no
    question, so nothing is excluded as the same question; ``df`` is recounted from
    the sets. New code calls :func:`similar_edges`.

    >>> similar_pairs([[0, 1], [0, 1], [2]])
    [(0, 1, 1.0, (0, 1))]
    """
    width = len(str(len(keyword_sets)))
    docs = [Doc(str(i).zfill(width), tuple(str(k) for k in ks)) for i, ks in enumerate(keyword_sets)]
    return [
        (int(e.source), int(e.target), e.weight, tuple(sorted(int(k) for k in e.shared)))
        for e in similar_edges(docs, config)
    ]
