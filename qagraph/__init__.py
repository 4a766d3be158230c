"""qagraph: a knowledge graph of Q&A articles for networkx, triple stores and browsers.

>>> import qagraph
>>> kg = qagraph.build("content")
>>> kg.counts["articles"]
49
"""

from ._version import __version__
from .errors import ContentError, OutputError, Problem, QagraphError, StoreError, UsageError
from .fields import FieldMap
from .kg import KnowledgeGraph
from .kg import open_build as open
from .load import LoadResult, load_corpus
from .model import Article, RelatedLink, SimilarityConfig
from .pipeline import BuildInfo, build


def __getattr__(name: str) -> object:
    """``build_graph`` and ``article_projection`` import networkx, numpy and scipy: only when
    asked for, so that ``import qagraph`` (and every query command) stays light."""
    if name in ("article_projection", "build_graph"):
        from . import graph

        return getattr(graph, name)
    raise AttributeError(f"module 'qagraph' has no attribute {name!r}")


__all__ = [
    "Article",
    "BuildInfo",
    "ContentError",
    "FieldMap",
    "KnowledgeGraph",
    "LoadResult",
    "OutputError",
    "Problem",
    "QagraphError",
    "RelatedLink",
    "SimilarityConfig",
    "StoreError",
    "UsageError",
    "__version__",
    "article_projection",
    "build",
    "build_graph",
    "load_corpus",
    "open",
]
