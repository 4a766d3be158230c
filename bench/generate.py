#!/usr/bin/env python3
"""Deterministic generator of synthetic Q&A corpora shaped like the real one.

The real corpus (see ``docs``/input-format notes: 35,915 articles, 160 MB, 40 subject
folders) cannot be shipped, so benchmarks run on look-alike corpora produced here:

* the exact file format of the real articles (YAML front matter between ``---`` lines,
  same field order and scalar styles, body ``&nbsp;``);
* the measured shape: folder sizes, keywords per article, the keyword document-frequency
  curve (rank 1 ~790, rank 10 ~420, rank 100 ~177, rank 1,000 ~47, rank 10,000 ~7, ~64 %
  of keywords in one article only, ~9.5 M article pairs sharing a keyword), related-link
  counts, answer and title lengths;
* the real quirks at low rates: subject spellings differing by case, ids shared by two or
  three folders, negative ids, keyword lists with case variants, duplicates, trailing
  commas, ``","`` delimiters and empty items, repeated related targets, related links to
  articles that do not exist, and links whose id and url name different articles.

Scaling with ``n_articles`` (real scale = 35,915): folder sizes, related links, dup ids
scale proportionally; keywords per article stay the same. Above real scale the corpus is
like a bigger site covering more topics: each document frequency occurs n/35,915 times as
often (vocabulary and shared-keyword pairs grow linearly, the top df stays ~790). Below
it the corpus is like a random sample: dfs shrink proportionally, most keywords occur once.

Everything is drawn from one seeded :class:`random.Random`, and nothing depends on set or
dict iteration order of strings, so the same arguments give byte-identical files.
Standard library only.

Usage::

    python bench/generate.py OUT_DIR --articles 36000 --seed 0

or, as a module, ``generate(Path("out"), 36000, seed=0)`` which returns summary stats.
Generated text is pseudo-words built from syllables; it is not taken from any real article.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import os
import random
import re
import shutil
import sys
import time
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

GENERATOR_VERSION = 1
MARKER = ".bench-corpus.json"  # written in OUT_DIR; not a .md file, so readers ignore it

REAL_N = 35_915  # articles in the measured real corpus; every "scale" is relative to it
SITE = "QuickTakes"

# (folder slug, main spelling, second spelling differing by case or None, size at REAL_N)
# 40 folders, 44 spellings; sizes from 4,444 (12.4 %) down to 10, sum 35,915.
FOLDERS = [
    ("psychology", "Psychology", None, 4444),
    ("computer-science", "Computer Science", "Computer science", 3803),
    ("biology", "Biology", None, 3324),
    ("business", "Business", None, 2898),
    ("history", "History", None, 2530),
    ("economics", "Economics", None, 2220),
    ("chemistry", "Chemistry", None, 1955),
    ("physics", "Physics", None, 1725),
    ("mathematics", "Mathematics", None, 1530),
    ("political-science", "Political Science", "Political science", 1357),
    ("sociology", "Sociology", None, 1208),
    ("philosophy", "Philosophy", None, 1070),
    ("literature", "Literature", None, 955),
    ("environmental-science", "Environmental Science", "Environmental science", 851),
    ("education", "Education", None, 759),
    ("nursing", "Nursing", None, 679),
    ("engineering", "Engineering", None, 598),
    ("statistics", "Statistics", None, 529),
    ("public-health", "Public Health", "Public health", 472),
    ("marketing", "Marketing", None, 414),
    ("finance", "Finance", None, 368),
    ("accounting", "Accounting", None, 322),
    ("law", "Law", None, 282),
    ("linguistics", "Linguistics", None, 247),
    ("anthropology", "Anthropology", None, 216),
    ("art-history", "Art History", None, 189),
    ("music", "Music", None, 163),
    ("geography", "Geography", None, 141),
    ("astronomy", "Astronomy", None, 122),
    ("geology", "Geology", None, 105),
    ("nutrition", "Nutrition", None, 90),
    ("communication", "Communication", None, 76),
    ("criminal-justice", "Criminal Justice", None, 63),
    ("religious-studies", "Religious Studies", None, 53),
    ("film-studies", "Film Studies", None, 44),
    ("architecture", "Architecture", None, 36),
    ("data-science", "Data Science", None, 29),
    ("anatomy", "Anatomy", None, 22),
    ("theater", "Theater", None, 16),
    ("classics", "Classics", None, 10),
]
_CODE_FOLDERS = {"computer-science", "data-science", "engineering", "statistics"}
_MATH_FOLDERS = {"mathematics", "physics", "statistics", "chemistry", "economics",
                 "engineering", "finance", "astronomy"}

# Distinct keywords per article (after trimming, case-folding, de-duplication):
# median 11, p10 10, p90 16, max 31, mean ~12.3 (the mass of the df curve below).
_KW_COUNT = [
    (5, .3), (6, .4), (7, .6), (8, 1.1), (9, 3.0), (10, 21.0), (11, 31.0), (12, 13.5),
    (13, 5.0), (14, 5.5), (15, 4.5), (16, 6.0), (17, 2.8), (18, 1.8), (19, 1.2), (20, .9),
    (21, .5), (22, .4), (23, .3), (24, .25), (25, .2), (26, .15), (27, .12), (28, .1),
    (29, .08), (30, .06), (31, .04),
]
# Document frequency by rank at REAL_N: log-log interpolation between measured anchors
# (rank 12,839 is the last with df >= 6, rank 47,149 the last with df >= 2), with a small
# concave bump between anchors (real rank curves are concave in log-log) so that the
# shared-keyword pair counts come out near the measured ones (~9.5 M pairs in all).
_DF_ANCHORS = [(1, 790), (10, 420), (30, 300), (100, 177), (302, 100), (1000, 47),
               (10000, 7), (12839, 6), (47149, 2)]
_DF_BUMP = 0.12
# Related links per article: 0..5
_REL_COUNT = [(0, 27.0), (1, 5.39), (2, 7.43), (3, 9.53), (4, 14.9), (5, 35.74)]

# Quirk rates
P_DUP_ID = 0.005          # article copies id + title + file name of one in another folder
P_DUP_ID_TRIPLE = 0.06    # ... of those sources get a third copy
P_NEG_ID = 0.0003
P_SPACE_KEYWORDS = 0.0002  # page_keywords is a lone space
P_KW_CASE = 0.04          # one keyword written in another case
P_KW_DUP = 0.03           # one keyword repeated in the list
P_KW_TRAIL = 0.02         # trailing comma
P_KW_NOSPACE = 0.03       # "," delimiters
P_KW_EMPTY = 0.005        # an empty item
P_REL_BROKEN = 0.005      # link to an url that is not in the corpus
P_REL_MISMATCH = 0.0005   # link whose id names another article than its url
P_NO_ANSWER_NL = 0.003    # answer without any \n escape
P_SCORE_MISSING = 0.02
P_NO_INDEX = 0.01

# Keyword assignment locality: a keyword picks its articles around a centre article
# (same topic batch), in the centre's subject, or anywhere.
KW_P_LOCAL, KW_P_SUBJECT = 0.45, 0.35
KW_WINDOW = 8

# ---------------------------------------------------------------- pseudo-words

_ONSETS = ("b c d f g h k l m n p r s t v w z br cr dr fl gr pl pr st tr th ch sh sp "
           "qu b d l m n p r s t").split() + [""] * 6
_VOWELS = "a e i o u a e i o a ai ea io ou y".split()
_CODAS = [""] * 8 + "n r l s m t nd st rt x n r".split()
_SUFFIXES = ("ism ity ics ation al ic ance ment ology ive ory um ia on ent ure er ing "
             "ine ous").split()

_FUNC = ("the of and in to is a that for this with as by on are which it can be their "
         "these an or from its more also how such other both often through between "
         "within into when where while because may has have been not most each".split())
_STARTERS = [
    "This", "In practice, the", "For example, the", "Moreover, the", "As a result, the",
    "In many cases the", "Research on the", "Historically, the", "Furthermore, the",
    "Importantly, the", "In addition, the", "Consequently, the", "Overall, the",
    "At the same time the", "By contrast, the", "Typically, the", "Notably, the",
    "In this context the", "Similarly, the", "However, the", "Critics argue that the",
    "Scholars note that the", "One key point is that the", "Another aspect is how the",
]
_VERBS = ("shapes supports reflects influences explains reveals strengthens limits "
          "connects highlights clarifies enables affects determines reinforces challenges "
          "informs guides drives frames").split()
_DESC_VERBS = ["explores", "examines", "discusses", "outlines", "analyzes", "summarizes",
               "describes", "reviews"]
_HEADINGS = [
    "Key Concepts", "Main Factors", "Historical Background", "Core Principles",
    "Practical Applications", "Implications", "Challenges", "Key Differences",
    "Mechanisms", "Examples", "Benefits", "Limitations", "Methods", "Impact",
]
_Q_TEMPLATES = [
    "What is the role of {a} in {b}?",
    "What is the role of {a} in {b} within the context of {c}?",
    "How does {a} influence {b} and {c}?",
    "How does {a} influence the development of {b} in modern {c}?",
    "What are the key differences between {a} and {b} in the study of {c}?",
    "Why is {a} considered important for understanding {b}?",
    "How can {a} be used to improve {b} in the field of {c}?",
    "What were {P}'s main contributions to the theory of {a}?",
    "How did {P}'s work on {a} change the way scholars approach {b}?",
    "What factors contribute to {a}, and how do they relate to {b}?",
    "In what ways does {a} shape {b}, and what are the implications for {c}?",
    "Explain {a}: how does it work and why does it matter for {b}?",
    "{P}'s model of {a}: what does it say about {b}?",
    "What is the significance of {a} in the broader framework of {b} and {c}?",
    "How do researchers measure {a} when studying {b}?",
    "What are the main criticisms of \"{a}\" as an explanation of {b}?",
    "What is {a}?",
    "How is {a} related to {b}?",
    "How does {a} affect {b}?",
    "What are the main features of {a}?",
    "Why does {a} matter in {b}?",
    "How does {a} influence {b}, and what role do {c} and {P}'s account of {d} play in "
    "shaping our understanding of {e}?",
]

_SLUG_DROP = re.compile(r"['\u2019]")
_SLUG_SEP = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    return _SLUG_SEP.sub("-", _SLUG_DROP.sub("", text.lower())).strip("-")


def _pick_table(table):
    values = [v for v, _ in table]
    cum = list(accumulate(w for _, w in table))
    total = cum[-1]
    return values, [c / total for c in cum]


def _scale_counts(sizes, n):
    """Scale folder sizes to n articles (largest remainder), at least 1 each when n >= 40."""
    if n <= 0:
        return [0] * len(sizes)
    if n < len(sizes):
        return [1] * n + [0] * (len(sizes) - n)
    total = sum(sizes)
    raw = [s * n / total for s in sizes]
    out = [max(1, int(r)) for r in raw]
    diff = n - sum(out)
    order = sorted(range(len(sizes)), key=lambda i: (-(raw[i] - int(raw[i])), i))
    k = 0
    while diff > 0:
        out[order[k % len(order)]] += 1
        diff -= 1
        k += 1
    k = 0
    while diff < 0:  # min-1 bumps overshot: take back from the largest folders
        i = k % len(out)
        if out[i] > 1:
            out[i] -= 1
            diff += 1
        k += 1
    return out


def _df_curve(x: float) -> float:
    """Document frequency at (real-scale, possibly fractional) rank x."""
    if x <= 1:
        return float(_DF_ANCHORS[0][1])
    for (r0, d0), (r1, d1) in zip(_DF_ANCHORS, _DF_ANCHORS[1:]):
        if x <= r1:
            t = (math.log(x) - math.log(r0)) / (math.log(r1) - math.log(r0))
            drop = math.log(d0 / d1)
            bump = min(_DF_BUMP, 0.8 * drop / math.pi) if r1 <= 10000 else 0.0  # monotone
            return math.exp(math.log(d0) - t * drop + bump * math.sin(math.pi * t))
    return 1.0


class _Words:
    """Deterministic pseudo-word factory (syllables + English-looking suffixes)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.seen: set[str] = set(_FUNC)

    def raw(self) -> str:
        r = self.rng.random
        on, vo, co, su = _ONSETS, _VOWELS, _CODAS, _SUFFIXES
        nsyl = 1 + (r() < 0.75) + (r() < 0.3)
        w = "".join(on[int(r() * len(on))] + vo[int(r() * len(vo))] + co[int(r() * len(co))]
                    for _ in range(nsyl))
        if r() < 0.55:
            w += su[int(r() * len(su))]
        return w

    def fresh(self) -> str:
        while True:
            w = self.raw()
            if len(w) >= 3 and w not in self.seen:
                self.seen.add(w)
                return w


# ---------------------------------------------------------------- generation

def generate(out_dir: Path, n_articles: int, seed: int = 0) -> dict:
    """Write a synthetic corpus of ``n_articles`` articles into ``out_dir``.

    ``out_dir`` must be absent, empty, or a previous output of this generator (it is then
    replaced). Returns summary statistics (also written to ``out_dir/.bench-corpus.json``).
    """
    t0 = time.perf_counter()
    out_dir = Path(out_dir)
    n = int(n_articles)
    if n < 0:
        raise ValueError("n_articles must be >= 0")
    if out_dir.exists():
        if (out_dir / MARKER).exists():
            shutil.rmtree(out_dir)
        elif any(out_dir.iterdir()):
            raise FileExistsError(f"{out_dir} is not empty and was not made by {__file__}")
    out_dir.mkdir(parents=True, exist_ok=True)

    rng = random.Random(seed)
    r = rng.random
    scale = n / REAL_N

    # ---- folders, topic batches, ids, dates
    counts = _scale_counts([f[3] for f in FOLDERS], n)
    art_folder: list[int] = []
    art_spelling: list[str] = []
    fstart: list[int] = []
    fend: list[int] = []
    batches: list[tuple[int, int]] = []  # (first article index, size)
    for fi, (fslug, main, alt, _) in enumerate(FOLDERS):
        fstart.append(len(art_folder))
        m = counts[fi]
        left = m
        while left > 0:
            size = min(left, rng.randint(3, 18))
            spelling = alt if (alt and r() < 0.3) else main
            batches.append((len(art_folder), size))
            art_folder.extend([fi] * size)
            art_spelling.extend([spelling] * size)
            left -= size
        fend.append(len(art_folder))
    assert len(art_folder) == n

    order = list(range(len(batches)))
    rng.shuffle(order)
    art_id = [0] * n
    art_date = [""] * n
    start_day = _dt.date(2024, 1, 15).toordinal()
    span_days = 440
    counter = 100_000
    nb = max(1, len(batches))
    for pos, bi in enumerate(order):
        first, size = batches[bi]
        day = _dt.date.fromordinal(start_day + pos * span_days // nb).isoformat()
        for i in range(first, first + size):
            art_id[i] = counter
            art_date[i] = day
            counter += 1 + (r() < 0.12) + (rng.randint(2, 30) if r() < 0.01 else 0)
        counter += rng.randint(0, 6)

    # ---- keywords per article
    kvals, kcum = _pick_table(_KW_COUNT)
    cap = [kvals[bisect_right(kcum, r())] for _ in range(n)]
    space_kw = [False] * n
    for i in range(n):
        if r() < P_SPACE_KEYWORDS:
            space_kw[i] = True
            cap[i] = 0
    total_slots = sum(cap)

    # ---- document frequencies of the keywords seen in 2+ articles, by rank
    head_df: list[int] = []
    head_sum = 0
    if n:
        rank = 1
        while True:
            if scale >= 1:  # a bigger site: every df value occurs `scale` times as often
                d = min(n, int(_df_curve(rank / scale) + 1e-9))
            else:           # a smaller one: like a random sample, dfs shrink
                d = int(scale * _df_curve(rank) + 1e-9)
            if d < 2 or head_sum + d > 0.9 * total_slots:
                break
            head_df.append(d)
            head_sum += d
            rank += 1

    # ---- assign keywords to articles (big ones first, while capacity is plentiful)
    art_kws: list[list[int]] = [[] for _ in range(n)]
    actual_df: list[int] = []
    pl, ps = KW_P_LOCAL, KW_P_LOCAL + KW_P_SUBJECT
    for k, d in enumerate(head_df):
        c = int(r() * n)
        lo = fstart[art_folder[c]]
        span = fend[art_folder[c]] - lo
        w = max(KW_WINDOW, d)
        picked: list[int] = []
        pset: set[int] = set()
        tries = 0
        limit = 6 * d + 30
        while len(picked) < d and tries < limit:
            tries += 1
            u = r()
            if u < pl:
                j = c + int((2 * r() - 1) * w)
                if j < lo or j >= lo + span:
                    j = lo + int(r() * span)
            elif u < ps:
                j = lo + int(r() * span)
            else:
                j = int(r() * n)
            if cap[j] and j not in pset:
                pset.add(j)
                picked.append(j)
                cap[j] -= 1
        tries = 0
        while len(picked) < d and tries < 40 * d:
            tries += 1
            j = int(r() * n)
            if cap[j] and j not in pset:
                pset.add(j)
                picked.append(j)
                cap[j] -= 1
        for j in picked:
            art_kws[j].append(k)
        actual_df.append(len(picked))
    next_kw = len(head_df)
    for i in range(n):  # the long tail: keywords of one article only
        for _ in range(cap[i]):
            art_kws[i].append(next_kw)
            next_kw += 1
    n_kw = next_kw

    # ---- keyword strings
    words = _Words(rng)
    n_pool = max(400, n_kw // 3)
    pool = [words.fresh() for _ in range(n_pool)]
    heads = pool[: max(50, n_pool // 25)]
    kw_str: list[str] = []
    kw_seen: set[str] = set()
    while len(kw_str) < n_kw:
        u = r()
        if u < 0.28:
            s = words.fresh()
        elif u < 0.29:
            s = "".join(chr(65 + int(r() * 26)) for _ in range(2 + int(r() * 3)))
            if r() < 0.5:
                s += " " + pool[int(r() * n_pool)]
        else:
            ntok = 2 if u < 0.84 else 3
            toks = [pool[int(n_pool * r() ** 1.4)] for _ in range(ntok - 1)]
            toks.append(heads[int(len(heads) * r() ** 2)])
            s = " ".join(toks)
        if r() < 0.06:
            s = s[0].upper() + s[1:]
        key = s.lower()
        if key in kw_seen:
            continue
        kw_seen.add(key)
        kw_str.append(s)
    del kw_seen

    # ---- titles, file names
    tvals = list(range(len(_Q_TEMPLATES)))
    tweights = [8, 3, 5, 3, 4, 4, 4, 2, 2, 4, 3, 2, 1, 3, 4, 1, 2, 6, 7, 5, 5, 1]
    tcum = [c / sum(tweights) for c in accumulate(tweights)]

    def person() -> str:
        return pool[int(r() * n_pool)].capitalize()

    def make_title(i: int) -> str:
        kws = art_kws[i]
        for _ in range(20):
            t = _Q_TEMPLATES[tvals[bisect_right(tcum, r())]]
            if kws:
                a, b, c, d, e = (kw_str[kws[int(r() * len(kws))]] for _ in range(5))
            else:
                a, b, c, d, e = (pool[int(r() * n_pool)] for _ in range(5))
            if r() < 0.15:
                a = "the " + a
            s = t.format(a=a, b=b, c=c, d=d, e=e, P=person())
            s = s[0].upper() + s[1:]
            if len(s) <= 184:
                return s
        return "What is " + a + "?"

    art_title = [""] * n
    art_slug = [""] * n
    used: set[tuple[int, str]] = set()
    for i in range(n):
        while True:
            t = make_title(i)
            sl = slugify(t)
            if (art_folder[i], sl) not in used:
                break
        used.add((art_folder[i], sl))
        art_title[i] = t
        art_slug[i] = sl

    # ---- ids and file names shared by two or three folders; a few negative ids
    is_copy = [False] * n
    n_dup = 0
    if n > 1 and len([c for c in counts if c]) > 1:
        for i in range(n):
            if r() >= P_DUP_ID or is_copy[i]:
                continue
            copies = 2 if r() < P_DUP_ID_TRIPLE else 1
            for _ in range(copies):
                for _try in range(20):
                    j = int(r() * n)
                    if (art_folder[j] != art_folder[i] and not is_copy[j] and j != i
                            and (art_folder[j], art_slug[i]) not in used):
                        used.discard((art_folder[j], art_slug[j]))
                        used.add((art_folder[j], art_slug[i]))
                        art_id[j] = art_id[i]
                        art_title[j] = art_title[i]
                        art_slug[j] = art_slug[i]
                        is_copy[j] = True
                        is_copy[i] = True
                        n_dup += 1
                        break
    n_dup_articles = sum(is_copy)
    n_neg = 0
    for i in range(n):
        if r() < P_NEG_ID and not is_copy[i]:
            art_id[i] = -rng.randint(1, 9999)
            n_neg += 1

    art_url = [f"/learn/{FOLDERS[art_folder[i]][0]}/questions/{art_slug[i]}" for i in range(n)]
    url_set = set(art_url)

    # ---- related links
    rvals, rcum = _pick_table(_REL_COUNT)
    n_links = n_broken = n_mismatch = 0
    art_rel: list[list[tuple[int, str, str, str]]] = [[] for _ in range(n)]
    for i in range(n):
        k = rvals[bisect_right(rcum, r())] if n > 1 else 0
        if not k:
            continue
        lo, hi = fstart[art_folder[i]], fend[art_folder[i]]
        targets = []
        for _ in range(k):
            u = r()
            if u < 0.75 and hi - lo > 1:
                j = i + int((2 * r() - 1) * 10)
                if j < lo or j >= hi or j == i:
                    j = lo + int(r() * (hi - lo))
            elif u < 0.92 and hi - lo > 1:
                j = lo + int(r() * (hi - lo))
            else:
                j = int(r() * n)
            if j == i:
                j = (i + 1) % n
            targets.append(j)
        if k >= 2 and r() < 0.45:
            targets[1] = targets[0]
            if k >= 3 and r() < 0.75:
                targets[2] = targets[0]
        links = []
        for j in targets:
            u = r()
            if u < P_REL_BROKEN:
                fi = art_folder[i]
                while True:
                    t = make_title(j)
                    url = f"/learn/{FOLDERS[fi][0]}/questions/{slugify(t)}"
                    if url not in url_set:
                        break
                links.append((counter + rng.randint(1, 5000), t, art_spelling[i], url))
                n_broken += 1
            elif u < P_REL_BROKEN + P_REL_MISMATCH:
                other = int(r() * n)
                links.append((art_id[other], art_title[j], art_spelling[j], art_url[j]))
                n_mismatch += 1
            else:
                links.append((art_id[j], art_title[j], art_spelling[j], art_url[j]))
        art_rel[i] = links
        n_links += k

    # ---- text
    n_clause = 4000
    clauses = []
    for _ in range(n_clause):
        ln = 4 + int(r() * 7)
        toks = []
        for q in range(ln):
            if q % 2 == 0 or r() < 0.3:
                toks.append(_FUNC[int(r() * len(_FUNC))])
            else:
                toks.append(pool[int(r() * n_pool)])
        if r() < 0.04:
            toks.insert(ln // 2, "\u2014")
        clauses.append(" ".join(toks))
    nS, nV = len(_STARTERS), len(_VERBS)

    def sentence(kws) -> str:
        kw = kw_str[kws[int(r() * len(kws))]] if kws else pool[int(r() * n_pool)]
        return (f"{_STARTERS[int(r() * nS)]} {kw} {_VERBS[int(r() * nV)]} "
                f"{clauses[int(r() * n_clause)]}, {clauses[int(r() * n_clause)]}.")

    def answer(i: int, kws) -> str:
        target = int(rng.gauss(2380, 520))
        target = 700 if target < 700 else (4500 if target > 4500 else target)
        if r() < P_NO_ANSWER_NL:
            parts = [sentence(kws) for _ in range(max(2, target // 170))]
            return " ".join(parts)
        fslug = FOLDERS[art_folder[i]][0]
        out = [sentence(kws) + " " + sentence(kws)]
        length = len(out[0])
        while length < target - 320:
            kw = kw_str[kws[int(r() * len(kws))]] if kws else pool[int(r() * n_pool)]
            h = f"### {_HEADINGS[int(r() * len(_HEADINGS))]} of {kw}:"
            items = []
            for num in range(1, 3 + int(r() * 3)):
                term = kw_str[kws[int(r() * len(kws))]] if kws else pool[int(r() * n_pool)]
                it = f"{num}. **{term[0].upper() + term[1:]}**: {sentence(kws)} {sentence(kws)}"
                items.append(it)
                length += len(it) + 4
                if length >= target - 320:
                    break
            out.append(h + "\\n" + "\\n\\n".join(items))
            length += len(h) + 4
        u = r()
        if fslug in _CODE_FOLDERS and u < 0.12:
            fn = pool[int(r() * n_pool)]
            out.append(f"```python\\ndef {fn}(x, n=2):\\n    total = 0\\n    for k in range(n):\\n"
                       f"        total += x ** k\\n    return total\\n```")
        elif fslug in _MATH_FOLDERS and u < 0.15:
            out.append(f"The relation can be written as:\\n\\n$$\\frac{{a + b}}{{c}} = "
                       f"\\sum_{{k=1}}^{{n}} \\alpha_k x^k$$\\n\\nwhere $\\alpha_k$ "
                       f"depends on {pool[int(r() * n_pool)]}.")
        out.append("### Conclusion:\\n" + sentence(kws) + " " + sentence(kws))
        return "\\n\\n".join(out)

    def description(kws) -> str:
        pick = [kw_str[kws[int(r() * len(kws))]] if kws else pool[int(r() * n_pool)]
                for _ in range(4)]
        return (f"This content {_DESC_VERBS[int(r() * len(_DESC_VERBS))]} {pick[0]}, "
                f"covering {pick[1]}, {pick[2]} and {pick[3]}, and explains how "
                f"{clauses[int(r() * n_clause)]} {clauses[int(r() * n_clause)]}.")

    def keywords_line(i: int, kws) -> str:
        if space_kw[i]:
            return "  page_keywords: ' '\n"
        items = [kw_str[k] for k in kws]
        rng.shuffle(items)
        if items and r() < P_KW_CASE:
            q = int(r() * len(items))
            s = items[q]
            items[q] = s.title() if s != s.title() else s.lower()
        if items and r() < P_KW_DUP:
            s = items[int(r() * len(items))]
            if r() < 0.3:
                s = s.upper() if len(s) < 12 else s.title()
            items.insert(int(r() * (len(items) + 1)), s)
        if items and r() < P_KW_EMPTY:
            items.insert(1 + int(r() * len(items)), "")
        if r() < P_KW_NOSPACE:
            if r() < 0.5:
                line = ",".join(items)
            else:
                q = int(r() * max(1, len(items) - 1))
                line = ", ".join(items[:q + 1]) + "," + ", ".join(items[q + 1:])
        else:
            line = ", ".join(items)
        if r() < P_KW_TRAIL:
            line += ","
        return f"  page_keywords: >-\n    {line}\n"

    # ---- write
    for fi, f in enumerate(FOLDERS):
        if counts[fi]:
            (out_dir / f[0]).mkdir(exist_ok=True)
    total_bytes = 0
    ans_len: list[int] = []
    for i in range(n):
        kws = art_kws[i]
        fslug = FOLDERS[art_folder[i]][0]
        subject = art_spelling[i]
        title = art_title[i]
        tline = _scalar(title, "")
        ans = answer(i, kws)
        ans_len.append(len(ans))
        p = [
            "---\n_schema: default\nid: ", str(art_id[i]), "\ndate: ", art_date[i], "\n",
            "title", tline, "article_title", tline,
            "date_format: MMM DD, YYYY\npost_on_text: Posted on\nseo:\n  title: ", SITE,
            " | ", subject, "\n  page_description: >-\n    ", description(kws), "\n",
            keywords_line(i, kws),
            "author: ", SITE, "\nquestion: >-\n    ", title, "\nanswer: >-\n    ", ans,
            "\nsubject: ", subject, "\nfile_name: ", art_slug[i], ".md\nurl: ", art_url[i], "\n",
        ]
        u = r()
        if u >= P_SCORE_MISSING:
            p.append("score: -1.0\n" if u < 0.85 else f"score: {r():.2f}\n")
        if r() < P_NO_INDEX:
            p.append("no_index: true\n")
        for q, (rid, rtitle, rsubj, rurl) in enumerate(art_rel[i], 1):
            p += [f"related_article{q}:\n    id: {rid}\n    title", _scalar(rtitle, "    "),
                  f"    subject: {rsubj}\n    url: {rurl}\n"]
        p.append("---\n\n&nbsp;")
        data = "".join(p).encode("utf-8")
        total_bytes += len(data)
        with open(os.path.join(out_dir, fslug, art_slug[i] + ".md"), "wb") as fh:
            fh.write(data)

    df_all = sorted(actual_df, reverse=True)
    n_df1 = n_kw - len(head_df) + sum(1 for d in actual_df if d == 1)
    ans_len.sort()
    stats = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "articles": n,
        "folders": sum(1 for c in counts if c),
        "subject_spellings": len(set(art_spelling)),
        "total_bytes": total_bytes,
        "distinct_keywords": n_kw,
        "keyword_occurrences": sum(len(k) for k in art_kws),
        "keywords_df1_fraction": round(n_df1 / n_kw, 4) if n_kw else 0.0,
        "keyword_df_at_rank": {str(rk): (df_all[rk - 1] if rk <= len(df_all)
                                         else 1 if rk <= n_kw else 0)
                               for rk in (1, 10, 100, 1000, 10000)},
        "related_links": n_links,
        "related_links_broken": n_broken,
        "related_links_id_mismatch": n_mismatch,
        "articles_with_shared_id": n_dup_articles,
        "negative_ids": n_neg,
        "answer_chars_median": ans_len[n // 2] if n else 0,
        "seconds": round(time.perf_counter() - t0, 2),
    }
    with open(out_dir / MARKER, "w", encoding="utf-8") as fh:
        json.dump({k: v for k, v in stats.items() if k != "seconds"}, fh, indent=1, sort_keys=True)
    return stats


def _needs_block(s: str) -> bool:
    return (": " in s or " #" in s or s.endswith(":") or s != s.strip()
            or s[:1] in "-?:,[]{}#&*!|>'\"%@`")


def _scalar(value: str, indent: str) -> str:
    """`: value` (plain) or a folded block, after the key, for a one-line string."""
    if _needs_block(value):
        return f": >-\n{indent}    {value}\n"
    return f": {value}\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--articles", type=int, default=REAL_N)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args(argv)
    stats = generate(a.out_dir, a.articles, a.seed)
    json.dump(stats, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
