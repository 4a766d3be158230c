"""How views look: colours, sizes, edge styles and vis-network's options.

Shapes and colours of node kinds and the style of each edge kind come from the
registry (:data:`qagraph.kinds.NODE_KINDS`, :data:`qagraph.kinds.EDGE_KINDS`), so a kind
registered there is drawn, listed in the legend and given a filter without a change
here. Articles are coloured by community (subject views) or by subject (the others).

>>> edge_style("related")["arrows"]
True
>>> community_colour(0), community_colour(-1)
('#4e79a7', '#b8bec6')
"""

from __future__ import annotations

import colorsys
import math
from collections.abc import Iterable
from typing import Any

from ..kinds import ARTICLE, EDGE_KINDS, KEYWORD, NODE_KINDS, STUB, SUBJECT, EdgeKind

__all__ = [
    "LOOSE_COLOUR",
    "PALETTE",
    "SubjectColours",
    "community_colour",
    "edge_style",
    "edge_width",
    "node_legend",
    "node_size",
    "shown_by_default",
    "vis_options",
]

#: community colours, largest community first (Tableau 10, then six more that stay apart)
PALETTE = (
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#17becf", "#bcbd22", "#8c6bb1", "#e377c2", "#2ca02c", "#a6761d", "#1b9e77",
)
LOOSE_COLOUR = "#b8bec6"  #: articles in no community (or in one past the palette)
STUB_COLOUR = "#eeeeee"

#: (smallest, largest) node size by kind; the overview draws subjects larger
SIZE_RANGE: dict[str, tuple[float, float]] = {ARTICLE: (6, 26), STUB: (5, 5), SUBJECT: (12, 30), KEYWORD: (7, 20)}
OVERVIEW_SIZE_RANGE = {**SIZE_RANGE, SUBJECT: (16, 50)}
DEFAULT_SIZE = (7.0, 20.0)


def community_colour(index: int) -> str:
    """The colour of community ``index`` (0 is the largest); -1 and beyond the palette are grey."""
    return PALETTE[index] if 0 <= index < len(PALETTE) else LOOSE_COLOUR


def _hls(hue: float, lightness: float, saturation: float = 0.58) -> str:
    r, g, b = colorsys.hls_to_rgb(hue, lightness, saturation)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


class SubjectColours:
    """One hue per subject slug, consecutive slugs far apart on the colour wheel.

    >>> SubjectColours(["a", "b"])("a") != SubjectColours(["a", "b"])("b")
    True
    """

    def __init__(self, slugs: Iterable[str]) -> None:
        golden = 0.381966
        self.hue = {slug: (0.58 + i * golden) % 1.0 for i, slug in enumerate(sorted(set(slugs)))}

    def __call__(self, slug: str | None, dark: bool = False) -> str:
        hue = self.hue.get(slug) if slug is not None else None
        if hue is None:
            return "#6e7781" if dark else LOOSE_COLOUR
        return _hls(hue, 0.36 if dark else 0.62)


def node_size(kind: str, importance: float, *, overview: bool = False) -> float:
    """A node's radius from its importance (0..1) within the view; area grows with importance."""
    lo, hi = (OVERVIEW_SIZE_RANGE if overview else SIZE_RANGE).get(kind, DEFAULT_SIZE)
    return round(lo + (hi - lo) * math.sqrt(max(0.0, min(1.0, importance))), 1)


def node_legend(kinds: Iterable[str]) -> list[dict[str, str]]:
    """Legend entries (label, shape, colour) of the node kinds present, in registry order."""
    present = set(kinds)
    return [{"kind": k.name, "label": k.label, "shape": k.shape, "color": k.colour}
            for k in NODE_KINDS.values() if k.name in present]


def shown_by_default(kind: EdgeKind, centre_kind: str | None = None) -> bool:
    """Whether edges of ``kind`` are drawn when the page opens.

    Links between articles are; memberships (an article's keywords and subject) are
    not, unless the view is about a node of that kind: keywords are many and pull
    every article into a hairball around them.

    >>> shown_by_default(EDGE_KINDS["keyword"]), shown_by_default(EDGE_KINDS["keyword"], "keyword")
    (False, True)
    """
    if kind.link:
        return True
    ends = set(kind.source) | set(kind.target)
    hidden = {KEYWORD, SUBJECT}
    return not (ends & hidden) or centre_kind in ends & hidden


def edge_style(kind: str) -> dict[str, Any]:
    """How edges of ``kind`` are drawn (colour, width, dashes, arrows), from the registry."""
    k = EDGE_KINDS[kind]
    return {"color": k.style.colour, "width": k.style.width, "dashes": list(k.style.dashes) or False,
            "arrows": k.style.arrows}


def edge_width(kind: str, *, weight: float | None = None, count: int | None = None, most: int = 0) -> float:
    """An edge's width: its kind's, grown with a similarity score or a count of links."""
    base = EDGE_KINDS[kind].style.width
    if count is not None:
        return round(1.0 + 4.0 * math.sqrt(count / max(most, 20)), 2) if count > 0 else 1.0
    if weight is not None:
        return round(0.6 + 4.0 * weight, 2)
    return base


def vis_options(n_edges: int) -> dict[str, Any]:
    """vis-network options: no physics (positions are precomputed), labels once zoomed in."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {
            "hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
            "hideEdgesOnDrag": n_edges > 3000, "hideEdgesOnZoom": n_edges > 6000,
        },
        "nodes": {"borderWidth": 1, "font": {"size": 12, "color": "#343434", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"smooth": False, "selectionWidth": 2, "hoverWidth": 0.6},
    }
