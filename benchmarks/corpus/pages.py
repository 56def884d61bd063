"""Page geometry shared by the renderers (all sizes in PostScript points)."""

from __future__ import annotations

PAGE_SIZES: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (595.28, 841.89),
    "tabloid": (792.0, 1224.0),
}
MARGIN = 40.0


def column_width(page_size: str, columns: int, gutter_pt: float) -> float:
    """Width of one text column on a page of *page_size*."""
    width = PAGE_SIZES[page_size][0] - 2 * MARGIN
    return (width - gutter_pt * (columns - 1)) / columns
