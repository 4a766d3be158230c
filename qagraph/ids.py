"""Node ids of the networkx graph, minted here and nowhere else.

An article's node id is ``article:`` + its identity (the url); a related article
outside the corpus (a *stub*) gets the same form, so the node keeps its id when the
article is added to the corpus later. Subjects and keywords are named by their slug
and folded text.

>>> article_node("/learn/cs/questions/a"), subject_node("cs"), keyword_node("graph theory")
('article:/learn/cs/questions/a', 'subject:cs', 'keyword:graph theory')
"""

from __future__ import annotations

from .kinds import ARTICLE, KEYWORD, STUB, SUBJECT

__all__ = ["ARTICLE", "KEYWORD", "STUB", "SUBJECT", "article_node", "keyword_node", "subject_node", "split_node"]


def article_node(key: str) -> str:
    return f"article:{key}"


def subject_node(slug: str) -> str:
    return f"subject:{slug}"


def keyword_node(key: str) -> str:
    return f"keyword:{key}"


def split_node(node: str) -> tuple[str, str]:
    """``("article", "/learn/...")`` from a node id."""
    prefix, _, rest = node.partition(":")
    return prefix, rest
