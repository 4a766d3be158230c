"""How an RDF export is split into parts: their number, folder and names, and the part of each node.

Apart from the rest of :mod:`qagraph.rdf` (no rdflib), so that what only names the parts (the
index page's links, the database's part column) does not load the vocabularies.
"""

from __future__ import annotations

import hashlib

__all__ = ["ARTICLES_PER_PART", "MAX_PARTS", "RDF_DIR", "part_count", "part_name", "part_of"]

#: the export's folder in a build folder
RDF_DIR = "rdf"

#: at most this many articles in one RDF part (a part is written again whole when an edit touches it)
ARTICLES_PER_PART = 64
#: but no more parts than this (files a triple store loads)
MAX_PARTS = 4096


def part_count(articles: int) -> int:
    """How many parts an export of ``articles`` articles has: 1 below 2,000, else the
    smallest power of two at least ``articles /`` :data:`ARTICLES_PER_PART`, at most
    :data:`MAX_PARTS`.

    Small parts keep an edit cheap: an edit changes a dozen nodes or so (an added article
    the similar lists of some 40 others), each in its own part, and every part they are in
    is written again. Writing every part costs the same for 256 parts as for 1,024.

    >>> part_count(49), part_count(2000), part_count(2049), part_count(36000), part_count(300000)
    (1, 32, 64, 1024, 4096)
    """
    if articles < 2000:
        return 1
    parts = 1
    while parts * ARTICLES_PER_PART < articles and parts < MAX_PARTS:
        parts *= 2
    return parts


def part_of(node: str, parts: int) -> int:
    """The part a node id belongs to (stable across builds, machines and Python versions).

    >>> part_of("article:/learn/biology/questions/what-is-a-cell", 64)
    56
    """
    if parts == 1:
        return 0
    digest = hashlib.blake2b(node.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % parts


def part_name(i: int, parts: int) -> str:
    """``part-007``: the stem of part ``i``'s files (at least three digits).

    >>> part_name(7, 64), part_name(12, 2000)
    ('part-007', 'part-0012')
    """
    return f"part-{i:0{max(3, len(str(parts - 1)))}d}"
