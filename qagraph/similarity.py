"""Similar articles: shared keywords, weighted by how rare they are, computed locally.

Two articles are similar when they share keywords; what a shared keyword is worth
depends only on its *document frequency* (df, the number of articles that carry it),
counted in half-octave bands so that a weight moves only when a df crosses a band
boundary (2, 3, 4, 6, 8, 12, 16, 23, 32, 46, 64, 91, ...):

* a keyword counts when ``2 <= df <= max_df``; its weight is
  ``ln(2 * max_df / b)`` where ``b`` is the lower bound of its df's band (so a
  keyword of 2 articles weighs 4.6, one of 8 weighs 3.2, one of 90 weighs 0.8),
  kept as an integer in thousandths so that every sum is exact;
* the *evidence* of a pair is the sum of the weights of its shared keywords; a pair
  is a candidate only when its evidence reaches that of one keyword of ``rare_df``
  articles: one rare keyword, or two or three less rare ones, but never one common
  or ambiguous keyword ("substrate", "height") alone;
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
articles index (a sparse matrix product done by scipy), never from all pairs.

>>> docs = [Doc("a", ("graphs", "trees")), Doc("b", ("graphs", "trees")), Doc("c", ("cells",))]
>>> similar_edges(docs)
[SimilarEdge(source='a', target='b', weight=1.0, shared=('graphs', 'trees'))]
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import numpy as np
from scipy import sparse

from .errors import OutputError, UsageError
from .fileio import atomic_open
from .normalize import question_key

__all__ = [
    "Doc",
    "DocLike",
    "EdgeChanges",
    "SimilarEdge",
    "SimilarityConfig",
    "SimilarityIndex",
    "similar_edges",
    "similar_pairs",
]

_WEIGHT_SCALE = 1000  #: keyword weights are integers in thousandths
_UNITS = 10_000  #: edge weights are integers in ten-thousandths (4 decimal places)
_CHUNK = 4096  #: rows per sparse product
_FORMAT = 1  #: version of the saved state


@dataclass(frozen=True)
class SimilarityConfig:
    """How similar-article edges are chosen; the module text says what each setting does.

    >>> SimilarityConfig().keyword_weight(2), SimilarityConfig().keyword_weight(8), SimilarityConfig().keyword_weight(101)
    (4605, 3219, 0)
    """

    top_k: int = 10
    max_df: int = 100
    rare_df: int = 8
    min_score: float = 0.0
    method: str = "banded-idf"

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def keyword_weight(self, df: int) -> int:
        """The weight of a keyword carried by ``df`` articles, in thousandths; 0 when it does not count."""
        if df < 2 or df > self.max_df:
            return 0
        band = (df * df).bit_length() - 1  # floor(log2(df^2)): half-octaves
        return round(_WEIGHT_SCALE * (math.log(2 * self.max_df) - band * math.log(2) / 2))

    @property
    def min_evidence(self) -> int:
        """The evidence (summed weights, in thousandths) a pair needs: one keyword of ``rare_df`` articles."""
        return self.keyword_weight(max(2, min(self.rare_df, self.max_df)))


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


def _hash64(text: str) -> int:
    """A stable signed 64-bit hash (0 is kept for 'no text')."""
    value = int.from_bytes(blake2b(text.encode("utf-8"), digest_size=8).digest(), "little", signed=True)
    return value or 1


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
        self._live = np.zeros(0, dtype=bool)
        self._qhash = np.zeros(0, dtype=np.int64)  #: hash of the question key, 0 for none
        self._nkw = np.zeros(0, dtype=np.int64)  #: keywords of each article, counting or not
        self._kw_ptr = np.zeros(1, dtype=np.int64)  #: CSR: slot -> its keyword ids
        self._kw_ids = np.zeros(0, dtype=np.int64)
        self._df = np.zeros(0, dtype=np.int64)  #: keyword id -> live articles that carry it
        # each slot's ranking: partner slots and weights (ten-thousandths), -1 / 0 when empty
        self._top = np.full((0, config.top_k), -1, dtype=np.int64)
        self._top_w = np.zeros((0, config.top_k), dtype=np.int64)
        self._by_df = np.array([config.keyword_weight(d) for d in range(config.max_df + 2)], dtype=np.int64)
        self._rank: np.ndarray | None = None  #: each slot's place in key order, while no slot changes
        self._kw_sorted = True  #: keyword ids follow key order (true after a build)
        # the strings, decoded from a loaded state only when first needed
        self._keys_list: list[str | None] | None = []
        self._slot_map: dict[str, int] | None = {}
        self._kw_list: list[str] | None = []
        self._kw_map: dict[str, int] | None = {}
        self._packed: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    @property
    def _keys(self) -> list[str | None]:
        if self._keys_list is None:
            self._keys_list = list(_unpack(*self._packed.pop("keys")))
        return self._keys_list

    @property
    def _slot(self) -> dict[str, int]:
        if self._slot_map is None:
            self._slot_map = {key: slot for slot, key in enumerate(self._keys) if key is not None}
        return self._slot_map

    @property
    def _kw_keys(self) -> list[str]:
        if self._kw_list is None:
            self._kw_list = _unpack(*self._packed.pop("kw"))
        return self._kw_list

    @property
    def _kw_index(self) -> dict[str, int]:
        if self._kw_map is None:
            self._kw_map = {key: i for i, key in enumerate(self._kw_keys)}
        return self._kw_map

    # -- building --------------------------------------------------------------------

    @classmethod
    def build(cls, docs: Iterable[DocLike], config: SimilarityConfig = SimilarityConfig()) -> SimilarityIndex:
        """The index of ``docs`` (keys must be unique), every ranking computed.

        Raises :class:`~qagraph.errors.UsageError` when two docs have the same key.
        """
        index = cls(config)
        docs = list(docs)
        keyword_sets = [_unique(d.keyword_keys) for d in docs]
        vocabulary = sorted({k for keys in keyword_sets for k in keys})
        index._kw_list = vocabulary
        index._kw_map = {k: i for i, k in enumerate(vocabulary)}
        index._df = np.zeros(len(vocabulary), dtype=np.int64)
        index._append(docs, keyword_sets)
        index._recount()
        weights = index._weights()
        U, BT = index._matrices(weights)
        index._rank_rows(np.flatnonzero(index._live), U, BT, index._key_rank())
        return index

    def _append(self, docs: Sequence[DocLike], keyword_sets: Sequence[Sequence[str]]) -> np.ndarray:
        """New slots for ``docs``; returns them. Keyword ids are made for new keywords."""
        start = len(self._keys)
        slots, keys = self._slot, self._keys
        for doc in docs:
            if doc.key in slots:
                raise UsageError(f"two articles have the key {doc.key!r}")
            slots[doc.key] = len(keys)
            keys.append(doc.key)
        index, vocabulary = self._kw_index, self._kw_keys
        fresh = sorted({k for ks in keyword_sets for k in ks if k not in index})
        if fresh:
            if vocabulary and fresh[0] < vocabulary[-1]:
                self._kw_sorted = False
            index.update(zip(fresh, range(len(vocabulary), len(vocabulary) + len(fresh))))
            vocabulary.extend(fresh)
            self._df = np.concatenate([self._df, np.zeros(len(fresh), dtype=np.int64)])
        ids = np.fromiter((index[k] for ks in keyword_sets for k in ks), dtype=np.int64)
        lengths = np.fromiter(map(len, keyword_sets), dtype=np.int64, count=len(keyword_sets))
        questions = (question_key(d.question) for d in docs)
        qhash = np.fromiter((_hash64(q) if q else 0 for q in questions), dtype=np.int64, count=len(docs))
        self._live = np.concatenate([self._live, np.ones(len(docs), dtype=bool)])
        self._qhash = np.concatenate([self._qhash, qhash])
        self._nkw = np.concatenate([self._nkw, lengths])
        self._kw_ptr = np.concatenate([self._kw_ptr, self._kw_ptr[-1] + np.cumsum(lengths)])
        self._kw_ids = np.concatenate([self._kw_ids, ids])
        k = self.config.top_k
        self._top = np.concatenate([self._top, np.full((len(docs), k), -1, dtype=np.int64)])
        self._top_w = np.concatenate([self._top_w, np.zeros((len(docs), k), dtype=np.int64)])
        self._rank = None
        return np.arange(start, len(self._keys), dtype=np.int64)

    def _rows_of_ids(self) -> np.ndarray:
        return np.repeat(np.arange(len(self._live), dtype=np.int64), np.diff(self._kw_ptr))

    def _recount(self) -> None:
        """Document frequencies from the live slots."""
        live = self._live[self._rows_of_ids()]
        self._df = np.bincount(self._kw_ids[live], minlength=len(self._df)).astype(np.int64)

    def _weights(self) -> np.ndarray:
        """Each keyword's weight (thousandths) at the current df; 0 for those that do not count."""
        return self._by_df[np.minimum(self._df, self.config.max_df + 1)]

    def _matrices(self, weights: np.ndarray) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
        """``U`` (slots x keywords, weights of the keywords that count, live slots only) and ``B^T`` (0/1)."""
        n, v = len(self._live), len(self._df)
        rows = self._rows_of_ids()
        keep = self._live[rows] & (weights[self._kw_ids] > 0)
        rows, ids = rows[keep], self._kw_ids[keep]
        ptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n))]).astype(np.int64)
        U = sparse.csr_matrix((weights[ids].astype(np.float64), ids, ptr), shape=(n, v))
        BT = sparse.csr_matrix((np.ones(len(ids)), ids, ptr), shape=(n, v)).T.tocsr()
        return U, BT

    def _key_rank(self) -> np.ndarray:
        """Each slot's place in key order (dead slots last): the tie-break between equal weights."""
        if self._rank is None:
            keys = self._keys
            live = [s for s in range(len(keys)) if keys[s] is not None]
            live.sort(key=keys.__getitem__)
            rank = np.full(len(keys), len(keys), dtype=np.int64)
            rank[np.asarray(live, dtype=np.int64)] = np.arange(len(live))
            self._rank = rank
        return self._rank

    def _rank_rows(self, rows: np.ndarray, U: sparse.csr_matrix, BT: sparse.csr_matrix, rank: np.ndarray) -> None:
        """Recompute the ranking (top-k partners) of ``rows``."""
        cfg = self.config
        k = cfg.top_k
        self._top[rows] = -1
        self._top_w[rows] = 0
        if k == 0 or len(rows) == 0:
            return
        w2 = float(cfg.keyword_weight(2))
        min_units = max(1, math.ceil(cfg.min_score * _UNITS - 1e-9))
        n = len(self._live)
        for start in range(0, len(rows), _CHUNK):
            block = rows[start : start + _CHUNK]
            product = (U[block] @ BT).tocoo()
            local, cols, evidence = product.row.astype(np.int64), product.col.astype(np.int64), product.data
            me = block[local]
            q = self._qhash[me]
            keep = (cols != me) & (evidence >= cfg.min_evidence) & ((q == 0) | (q != self._qhash[cols]))
            local, me, cols, evidence = local[keep], me[keep], cols[keep], evidence[keep]
            units = _units(evidence, self._nkw[me] * self._nkw[cols], w2)
            keep = units >= min_units
            local, cols, units = local[keep], cols[keep], units[keep]
            # one sort per block: row, then weight (high first), then partner key
            order = np.argsort(local * ((_UNITS + 1) * (n + 1)) + (_UNITS - units) * (n + 1) + rank[cols])
            local, cols, units = local[order], cols[order], units[order]
            place = np.arange(len(local)) - np.searchsorted(local, local, side="left")
            top = place < k
            self._top[block[local[top]], place[top]] = cols[top]
            self._top_w[block[local[top]], place[top]] = units[top]

    # -- edges -----------------------------------------------------------------------

    def _pairs(self, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(u, v, units)`` of the edges (u's key before v's), all or those touching ``rows``."""
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
        _, index = np.unique(rank[u] * (n + 1) + rank[v], return_index=True)  # sorted by source, target
        return u[index], v[index], units[index]

    def _shared(self, u: np.ndarray, v: np.ndarray, weights: np.ndarray) -> list[tuple[str, ...]]:
        """The keywords that count shared by each pair, sorted."""
        if len(u) == 0:
            return []
        n, nv = len(self._live), len(self._df)
        rows = self._rows_of_ids()
        keep = weights[self._kw_ids] > 0
        ptr = np.concatenate([[0], np.cumsum(np.bincount(rows[keep], minlength=n))]).astype(np.int64)
        present = sparse.csr_matrix((np.ones(int(keep.sum()), dtype=np.int8), self._kw_ids[keep], ptr), shape=(n, nv))
        both = present[u].multiply(present[v]).tocsr()
        both.sort_indices()
        ids = both.indices.astype(np.int64)
        owner = np.repeat(np.arange(len(u), dtype=np.int64), np.diff(both.indptr))
        if self._kw_sorted:
            kw_rank = np.arange(nv, dtype=np.int64)
        else:
            kw_rank = np.empty(nv, dtype=np.int64)
            kw_rank[sorted(range(nv), key=self._kw_keys.__getitem__)] = np.arange(nv)
        order = np.argsort(owner * nv + kw_rank[ids])
        keys = self._kw_keys
        flat = [keys[i] for i in ids[order].tolist()]
        bounds = both.indptr.tolist()
        return [tuple(flat[bounds[p] : bounds[p + 1]]) for p in range(len(u))]

    def _edges_of(self, u: np.ndarray, v: np.ndarray, units: np.ndarray) -> list[SimilarEdge]:
        shared = self._shared(u, v, self._weights())
        keys = self._keys
        return [
            SimilarEdge(keys[a], keys[b], w / _UNITS, s)  # type: ignore[arg-type]
            for a, b, w, s in zip(u.tolist(), v.tolist(), units.tolist(), shared)
        ]

    def edges(self) -> list[SimilarEdge]:
        """Every similar edge, sorted by source then target."""
        return self._edges_of(*self._pairs())

    def partners(self, key: str) -> list[tuple[str, float]]:
        """The article's own ranking: ``(partner key, weight)``, best first (at most ``top_k``).

        Raises :class:`~qagraph.errors.UsageError` for a key the index does not hold.
        """
        slot = self._slot_of(key)
        return [(self._keys[p], w / _UNITS) for p, w in zip(self._top[slot].tolist(), self._top_w[slot].tolist())
                if p >= 0]  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, key: object) -> bool:
        return key in self._slot

    def _slot_of(self, key: str) -> int:
        slot = self._slot.get(key)
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
        todo: list[DocLike] = []
        new_sets: list[tuple[str, ...]] = []
        for doc in changed:
            if doc.key in seen:
                raise UsageError(f"article {doc.key!r} is given twice to the similarity update")
            seen.add(doc.key)
            keys = _unique(doc.keyword_keys)
            slot = self._slot.get(doc.key)
            if slot is not None and self._same(slot, keys, doc.question):
                continue
            todo.append(doc)
            new_sets.append(keys)
        old = np.asarray([self._slot_of(key) for key in removed] + [self._slot[d.key] for d in todo if d.key in self._slot],
                         dtype=np.int64)
        if len(old) == 0 and not todo:
            return EdgeChanges()

        # the keywords whose holders may rank differently, and their df after the change
        weights_before = self._weights()
        old_ids = self._kw_ids[_segments(self._kw_ptr, old)]
        new_ids = np.asarray([self._kw_index[k] for keys in new_sets for k in keys if k in self._kw_index], dtype=np.int64)
        df_after = self._df.copy()
        np.subtract.at(df_after, old_ids, 1)
        np.add.at(df_after, new_ids, 1)
        touched = np.union1d(old_ids, new_ids)
        weights_after = self._by_df[np.minimum(df_after, self.config.max_df + 1)]
        counting = touched[(weights_before[touched] > 0) | (weights_after[touched] > 0)]
        holders = self._holders(counting)
        rows = np.setdiff1d(holders, old)
        before = self._snapshot(np.union1d(rows, old), weights_before)

        for slot in old.tolist():
            key = self._keys[slot]
            assert key is not None
            del self._slot[key]
            self._keys[slot] = None
            self._live[slot] = False
            self._top[slot] = -1
            self._top_w[slot] = 0
        self._rank = None
        rows = np.union1d(rows, self._append(todo, new_sets))
        self._recount()
        weights = self._weights()
        U, BT = self._matrices(weights)
        self._rank_rows(rows, U, BT, self._key_rank())
        after = self._snapshot(rows, weights)
        return _diff(before, after, len(rows))

    def _same(self, slot: int, keys: tuple[str, ...], question: str) -> bool:
        ids = self._kw_ids[self._kw_ptr[slot] : self._kw_ptr[slot + 1]].tolist()
        q = question_key(question)
        return [self._kw_keys[i] for i in ids] == list(keys) and int(self._qhash[slot]) == (_hash64(q) if q else 0)

    def _holders(self, kw_ids: np.ndarray) -> np.ndarray:
        """The live slots that carry any of ``kw_ids``."""
        if len(kw_ids) == 0:
            return np.zeros(0, dtype=np.int64)
        wanted = np.zeros(len(self._df), dtype=bool)
        wanted[kw_ids] = True
        hit = wanted[self._kw_ids] & self._live[self._rows_of_ids()]
        return np.unique(self._rows_of_ids()[hit])

    def _snapshot(self, rows: np.ndarray, weights: np.ndarray) -> dict[tuple[str, str], tuple[int, tuple[str, ...]]]:
        """The edges touching ``rows``: ``{(source, target): (units, shared)}``."""
        u, v, units = self._pairs(rows)
        keys = self._keys
        found = {}
        for a, b, w in zip(u.tolist(), v.tolist(), units.tolist()):
            found[(keys[a], keys[b])] = (w, self._shared_pair(a, b, weights))
        return found  # type: ignore[return-value]

    def _shared_pair(self, a: int, b: int, weights: np.ndarray) -> tuple[str, ...]:
        mine = set(self._kw_ids[self._kw_ptr[a] : self._kw_ptr[a + 1]].tolist())
        both = [k for k in self._kw_ids[self._kw_ptr[b] : self._kw_ptr[b + 1]].tolist() if k in mine and weights[k] > 0]
        keys = self._kw_keys
        return tuple(sorted(keys[k] for k in both))

    # -- saving and loading ------------------------------------------------------------

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write the state to ``folder/similarity.npz`` (atomically); returns the file.

        Raises :class:`~qagraph.errors.OutputError` when it cannot be written.
        """
        self._compact()
        path = Path(folder) / _STATE
        meta = {
            "format": _FORMAT, "config": self.config.as_dict(), "kw_sorted": self._kw_sorted,
            "articles": len(self._live), "keywords": len(self._df),
        }
        keys_text, keys_ends = _pack(self._keys)  # type: ignore[arg-type]
        kw_text, kw_ends = _pack(self._kw_keys)
        try:
            with atomic_open(path, "wb") as handle:
                np.savez(
                    handle, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                    keys=keys_text, keys_ends=keys_ends, kw=kw_text, kw_ends=kw_ends,
                    qhash=self._qhash, nkw=self._nkw, kw_ptr=self._kw_ptr, kw_ids=self._kw_ids,
                    top=self._top, top_w=self._top_w,
                )
        except OSError as exc:
            raise OutputError(f"cannot write the similarity state: {exc.strerror or exc}", path=str(path)) from exc
        return path

    @classmethod
    def load(cls, folder: str | os.PathLike[str]) -> SimilarityIndex:
        """The state :meth:`save` wrote in ``folder``; its settings are in :attr:`config`.

        Strings (article and keyword keys) are decoded only when an update or a
        listing first needs them.

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
            n, v = int(meta["articles"]), int(meta["keywords"])
            index._qhash, index._nkw = arrays["qhash"], arrays["nkw"]
            index._kw_ptr, index._kw_ids = arrays["kw_ptr"], arrays["kw_ids"]
            index._top, index._top_w = arrays["top"], arrays["top_w"]
            k = index.config.top_k
            shapes = (len(index._qhash), len(index._nkw), len(index._kw_ptr), index._top.shape, index._top_w.shape)
            if shapes != (n, n, n + 1, (n, k), (n, k)) or int(index._kw_ptr[-1]) != len(index._kw_ids):
                raise ValueError("arrays of different lengths")
            if len(index._kw_ids) and (int(index._kw_ids.max()) >= v or int(index._kw_ids.min()) < 0):
                raise ValueError("keyword ids out of range")
            if len(arrays["keys_ends"]) != n or len(arrays["kw_ends"]) != v:
                raise ValueError("string tables of other lengths")
        except FileNotFoundError as exc:
            raise OutputError("no similarity state here", path=str(path)) from exc
        except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
            raise OutputError(f"damaged similarity state ({exc}); build it again", path=str(path)) from exc
        index._kw_sorted = bool(meta["kw_sorted"])
        index._live = np.ones(n, dtype=bool)
        index._df = np.zeros(v, dtype=np.int64)
        index._recount()
        index._packed = {"keys": (arrays["keys"], arrays["keys_ends"]), "kw": (arrays["kw"], arrays["kw_ends"])}
        index._keys_list = index._slot_map = index._kw_list = index._kw_map = None
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
        self._keys_list = [k for k in self._keys if k is not None]
        self._slot_map = None
        self._live = np.ones(len(self._keys_list), dtype=bool)
        self._rank = None


_STATE = "similarity.npz"


def _pack(strings: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    text = "".join(strings)
    ends = np.cumsum([len(s) for s in strings], dtype=np.int64)
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8), ends


def _unpack(blob: np.ndarray, ends: np.ndarray) -> list[str]:
    text = blob.tobytes().decode("utf-8")
    bounds = [0, *ends.tolist()]
    if bounds[-1] != len(text):
        raise ValueError("string table does not add up")
    return [text[a:b] for a, b in zip(bounds, bounds[1:])]


def _unique(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


def _segments(ptr: np.ndarray, slots: np.ndarray) -> np.ndarray:
    """Positions ``ptr[s] .. ptr[s + 1] - 1`` of every slot ``s`` in ``slots``, concatenated."""
    starts, ends = ptr[slots], ptr[slots + 1]
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(starts - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
    return offsets + np.arange(total, dtype=np.int64)


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
