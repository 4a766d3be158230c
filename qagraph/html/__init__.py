"""Interactive HTML views of the graph that work offline (pyvis and vis-network).

>>> from qagraph.html import write_views
>>> write_views(G, "build")  # doctest: +SKIP
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
