"""qagraph: a knowledge graph of Q&A articles for networkx, triple stores and browsers.

>>> import qagraph
>>> kg = qagraph.build("content")
>>> kg.counts["articles"]
49
"""

from ._version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (mypy reads any name so)
if TYPE_CHECKING:
    from .errors import ContentError, OutputError, Problem, QagraphError, StoreError, UsageError
    from .fields import FieldMap
    from .graph import article_projection, build_graph
    from .kg import KnowledgeGraph
    from .kg import open_build as open
    from .load import LoadResult, load_corpus
    from .model import Article, RelatedLink, SimilarityConfig
    from .pipeline import BuildInfo, build
del TYPE_CHECKING

#: each public name: the module that defines it, and its name there
_WHERE = {
    "Article": ("model", "Article"),
    "BuildInfo": ("pipeline", "BuildInfo"),
    "ContentError": ("errors", "ContentError"),
    "FieldMap": ("fields", "FieldMap"),
    "KnowledgeGraph": ("kg", "KnowledgeGraph"),
    "LoadResult": ("load", "LoadResult"),
    "OutputError": ("errors", "OutputError"),
    "Problem": ("errors", "Problem"),
    "QagraphError": ("errors", "QagraphError"),
    "RelatedLink": ("model", "RelatedLink"),
    "SimilarityConfig": ("model", "SimilarityConfig"),
    "StoreError": ("errors", "StoreError"),
    "UsageError": ("errors", "UsageError"),
    "article_projection": ("graph", "article_projection"),
    "build": ("pipeline", "build"),
    "build_graph": ("graph", "build_graph"),
    "load_corpus": ("load", "load_corpus"),
    "open": ("kg", "open_build"),
}


def __getattr__(name: str) -> object:
    """Each public name, imported from its module when first asked for (then kept here).

    ``import qagraph`` imports nothing else: the command line starts by importing this
    package, and only what runs after it can turn Ctrl-C into its quiet exit 130
    (:mod:`qagraph.__main__`); and ``build_graph`` and ``article_projection`` import
    networkx, numpy and scipy, which a query command never needs.
    """
    from importlib import import_module

    where = _WHERE.get(name)
    if where is not None:
        value = getattr(import_module(f".{where[0]}", __name__), where[1])
    elif not name.startswith("_") and name.isidentifier():
        try:  # a module of the package, as ``qagraph.presets.detect(...)`` reaches it after ``import qagraph``
            value = import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":  # the module is there, and imports one that is not
                raise
            raise AttributeError(f"module 'qagraph' has no attribute {name!r}") from None
    else:
        raise AttributeError(f"module 'qagraph' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


# a list mypy reads (it exports only the names of a literal ``__all__``): ``_WHERE``'s and the version
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
