"""qagraph: a knowledge graph of Q&A articles for networkx, triple stores and browsers.

>>> import qagraph
>>> kg = qagraph.build("content")
>>> kg.counts["articles"]
49
"""

from ._version import __version__
from .errors import Problem, QagraphError
from .graph import article_projection, build_graph
from .kg import KnowledgeGraph, build
from .fields import FieldMap
from .load import LoadResult, load_corpus
from .model import Article, RelatedLink
from .similarity import SimilarityConfig

__all__ = [
    "Article",
    "FieldMap",
    "KnowledgeGraph",
    "LoadResult",
    "Problem",
    "QagraphError",
    "RelatedLink",
    "SimilarityConfig",
    "__version__",
    "article_projection",
    "build",
    "build_graph",
    "load_corpus",
]
