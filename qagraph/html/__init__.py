"""Interactive HTML views of the graph that work offline (vis-network, as pyvis ships it).

The package is split by concern: :mod:`.select` decides which nodes and edges each
view shows (from networkx's dicts: a networkx graph, or a :mod:`qagraph.lightgraph` one
read from a build), :mod:`.arrange` places them, :mod:`.style` says how they look,
:mod:`.views` assembles a view and its page, :mod:`.site` writes the index and every
view, :mod:`.page` renders HTML safely.

>>> import qagraph
>>> from qagraph.html import write_views
>>> G = qagraph.build("content").graph
>>> write_views(G, "build")[0]
PosixPath('build/index.html')
"""

from .page import excerpt_html, safe_href, script_json
from .select import (
    Edge,
    Limits,
    Selection,
    keyword_selection,
    neighbourhood_selection,
    overview_selection,
    subject_selection,
)
from .site import generate_index, subject_file_names, write_index, write_views
from .views import (
    View,
    generate_view,
    keyword_view,
    neighbourhood_view,
    overview,
    subject_view,
    write_keyword,
    write_neighbourhood,
    write_subject,
    write_view,
)

__all__ = [
    "Edge",
    "Limits",
    "Selection",
    "View",
    "excerpt_html",
    "generate_index",
    "generate_view",
    "keyword_selection",
    "keyword_view",
    "neighbourhood_selection",
    "neighbourhood_view",
    "overview",
    "overview_selection",
    "safe_href",
    "script_json",
    "subject_file_names",
    "subject_selection",
    "subject_view",
    "write_index",
    "write_keyword",
    "write_neighbourhood",
    "write_subject",
    "write_view",
    "write_views",
]
