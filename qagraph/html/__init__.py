"""Interactive HTML views of the graph that work offline (pyvis and vis-network).

>>> import qagraph
>>> from qagraph.html import write_views
>>> G = qagraph.build("content").graph
>>> write_views(G, "build")[0]
PosixPath('build/index.html')
"""

from .page import excerpt_html, safe_href, script_json
from .views import (
    Limits,
    View,
    generate_view,
    keyword_view,
    neighbourhood_view,
    overview,
    subject_file_names,
    subject_view,
    write_keyword,
    write_neighbourhood,
    write_subject,
    write_view,
    write_views,
)

__all__ = [
    "Limits",
    "View",
    "excerpt_html",
    "generate_view",
    "keyword_view",
    "neighbourhood_view",
    "overview",
    "safe_href",
    "script_json",
    "subject_file_names",
    "subject_view",
    "write_keyword",
    "write_neighbourhood",
    "write_subject",
    "write_view",
    "write_views",
]
