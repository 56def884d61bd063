"""Reading order for layout-preserving extractions (pdftotext -layout and the like).

Such extractors keep side-by-side columns side by side: one text row holds a
line of each column, separated by wide runs of spaces. We find where columns
start on each page (positions at which many rows have a cell after a wide
gap), cut every row into cells, and read the page column by column. A cell
that starts far from any column start is justification spacing inside a
column line and is glued back to its left neighbour.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

import attrs
import regex

from ._draft import Line

_GAP = regex.compile(r" {3,}")
_TOLERANCE = 3
# A page is read as columns only with this many rows holding a wide gap.
_MIN_GAP_ROWS = 4
# A row indented this far holds a column's line beside a blank one (a
# paragraph's indent is a few characters).
_FAR_INDENT = 20
# The widest run of spaces justification sets between a line's words, and
# the deepest indent of a paragraph's first line.
_SPREAD_MAX = 8
_SET_IN_MAX = 8
# At most this many positions with few cells are tried as a short column's start.
_MAX_SHORT_COLUMN_TESTS = 4
# This many blank rows across the whole page, or more, cut it into bands.
_BAND_BLANK_ROWS = 2
# What ends a sentence or a label at a line's end.
_CLOSING = frozenset(".!?:;\"'\u201d\u2019)")


def _shows_columns(line: Line) -> bool:
    """Whether a row holds a wide gap, or only a cell far right beside a blank one.

    The whole text and each page are asked the same question: a short page
    whose columns' baselines differ writes most column lines on rows of their
    own, with few gaps but many far-indented rows.
    """
    return line.indent >= _FAR_INDENT or "   " in line.text


@attrs.frozen
class _Cell:
    row: int
    x: int
    start: int
    end: int
    text: str
    line: Line


def _cells(source: str, line: Line, row: int) -> list[_Cell]:
    cells: list[_Cell] = []
    text = line.text
    pos = 0
    for gap in [*_GAP.finditer(text), None]:
        stop = gap.start() if gap else len(text)
        piece = text[pos:stop]
        if piece.strip():
            start = line.start + pos
            cells.append(_Cell(row, line.indent + pos, start, line.start + stop, piece, line))
        if gap:
            pos = gap.end()
    return cells


def _column_starts(cells: Sequence[_Cell], page: Sequence[Line]) -> list[int]:
    """Positions where columns start: many rows have a cell beginning there.

    A short column (a story's end beside a figure) has few rows; four cells
    there are enough where no row of the page crosses the gutter before them.
    """
    counts = Counter(c.x for c in cells)
    support = max(_MIN_GAP_ROWS, int(0.12 * len(page)))
    starts: list[int] = []
    # Each short column's gutter test reads the page once: only the best
    # supported few are tried, so a page of scattered cells stays linear.
    short_tests = _MAX_SHORT_COLUMN_TESTS
    for x, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        near = sum(n for y, n in counts.items() if abs(y - x) <= _TOLERANCE)
        if any(abs(x - s) <= 2 * _TOLERANCE for s in starts) or near < _MIN_GAP_ROWS:
            continue
        if near < support:
            if short_tests == 0:
                continue
            short_tests -= 1
            if not _is_gutter(page, x, clear=True):
                continue
        starts.append(x)
    return sorted(starts)


def _char_at(line: Line, x: int) -> str:
    at = x - line.indent
    return line.text[at] if 0 <= at < len(line.text) else " "


def _is_gutter(page: Sequence[Line], x: int, *, clear: bool = False) -> bool:
    """Whether a column really starts at ``x``: rows reaching past it leave a gap before it.

    Justified text also has wide spaces, but they fall anywhere; between real
    columns almost no row has text in the two characters before the start
    (with ``clear``, no row at all).
    """
    reaching = [line for line in page if line.indent + len(line.text) > x + 2]
    if len(reaching) < 4:
        return False
    crossing = sum(
        1 for line in reaching if _char_at(line, x - 1) != " " or _char_at(line, x - 2) != " "
    )
    return crossing == 0 if clear else crossing <= 0.15 * len(reaching)


def _opens_on(cell: _Cell) -> bool:
    """Whether a column's line reads on from the line above: it opens in lowercase."""
    first = cell.text.lstrip()[:1]
    return first.islower()


def _ends_open(cell: _Cell) -> bool:
    """Whether a column's line leaves its sentence open (no stop, quote or colon)."""
    last = cell.text.rstrip()[-1:]
    return last not in _CLOSING


def _spanning_rows(columns: dict[int, list[_Cell]], starts: Sequence[int]) -> set[int]:
    """Rows whose one cell starts at the first column and runs on over a gutter.

    Such a row is an element set across the columns (a figure's caption, a
    rule of text), not a column's line: a column's line stops at its gutter.
    """
    on_row = Counter(c.row for cells in columns.values() for c in cells)
    return {
        c.row
        for c in columns.get(0, ())
        if on_row[c.row] == 1
        and abs(c.x - starts[0]) <= _TOLERANCE
        and c.x + len(c.text.rstrip()) > starts[1] + _TOLERANCE
    }


def _band_breaks(
    rows: Sequence[int], columns: dict[int, list[_Cell]], starts: Sequence[int]
) -> list[int]:
    """Rows before which the page is cut into bands, each band read column by column.

    An element set across the columns (a headline over them, a pull quote or a
    figure spanning them) ends every column's text above it at once: the
    extractor prints a run of blank rows across the whole page there, and the
    text above is read, all columns of it, before the text below. Within a
    column the lines follow row on row. A run is no cut where some column's
    line above it leaves a sentence open and that column's line below goes
    on in lowercase: the column flows on across the gap; unless a row beside
    the run runs over a gutter, for then the element across the columns is
    printed there and the lowercase word is chance.
    """
    ordered = sorted(set(rows))
    runs = [
        (before, row) for before, row in pairwise(ordered) if row - before - 1 >= _BAND_BLANK_ROWS
    ]
    if not runs:
        return []
    spanning = _spanning_rows(columns, starts)
    # Each column's cells are in row order: a bisection finds the lines on
    # either side of a run, so the cost stays linear in the page's cells.
    column_rows = [([c.row for c in cells], cells) for cells in columns.values()]
    breaks: list[int] = []
    for before, row in runs:
        flows = before not in spanning and row not in spanning
        flows = flows and any(
            0 < (at := bisect_left(rows_of, row)) < len(cells)
            and _ends_open(cells[at - 1])
            and _opens_on(cells[at])
            for rows_of, cells in column_rows
        )
        if not flows:
            breaks.append(row)
    return breaks


def _by_band(cells: Sequence[_Cell], breaks: Sequence[int], bands: int) -> list[list[_Cell]]:
    """The cells of one column, grouped by the band (rows between breaks) they stand in."""
    grouped: list[list[_Cell]] = [[] for _ in range(bands)]
    for cell in cells:
        grouped[bisect_right(breaks, cell.row)].append(cell)
    return grouped


def _page_columns(source: str, page: Sequence[Line], rows: Sequence[int]) -> list[Line] | None:
    # A page is read as columns only when a quarter of its rows hold a wide
    # gap; counting them is a substring test, so pages of running text (most
    # pages) cost no cell objects at all.
    # A row whose only cell stands far right (the other column blank there,
    # beside a headline set with blank lines under each line) counts too.
    multi = sum(1 for line in page if _shows_columns(line))
    if multi < max(_MIN_GAP_ROWS, 0.25 * len(page)):
        return None
    cells = [c for line, row in zip(page, rows, strict=True) for c in _cells(source, line, row)]
    starts = [x for x in _column_starts(cells, page) if x == 0 or _is_gutter(page, x)]
    if len(starts) < 2:
        return None
    columns: dict[int, list[_Cell]] = {k: [] for k in range(len(starts))}
    last_on_row: dict[int, tuple[int, _Cell]] = {}
    for cell in sorted(cells, key=lambda c: (c.row, c.x)):
        col = max((k for k, s in enumerate(starts) if s <= cell.x + _TOLERANCE), default=0)
        prev = last_on_row.get(cell.row)
        off_grid = min(abs(cell.x - s) for s in starts) > _TOLERANCE
        # Justification spreads a line's words by a few spaces; after a
        # wider gap, a cell set in a little from a column start right of the
        # cell before is that column's line (a paragraph's indented first
        # line beside the other column's text), not spacing.
        set_in = (
            prev is not None
            and col > prev[0]
            and cell.x - starts[col] <= _SET_IN_MAX
            and cell.x - (prev[1].x + len(prev[1].text)) > _SPREAD_MAX
        )
        if prev is not None and off_grid and prev[0] >= col - 1 and not set_in:
            # Spacing inside a justified line, not a gutter: glue it back.
            k, left = prev
            # From the line's text, not the source: at a line end the source
            # holds the soft-hyphen marker where the line shows "-".
            text = cell.line.text[left.start - cell.line.start : cell.end - cell.line.start]
            merged = attrs.evolve(left, end=cell.end, text=text.rstrip())
            columns[k][-1] = merged
            last_on_row[cell.row] = (k, merged)
            continue
        columns[col].append(cell)
        last_on_row[cell.row] = (col, cell)
    out: list[Line] = []
    breaks = _band_breaks(rows, columns, starts)
    banded = [_by_band(columns[k], breaks, len(breaks) + 1) for k in range(len(starts))]
    for band, k in ((b, k) for b in range(len(breaks) + 1) for k in range(len(starts))):
        previous_row: int | None = None
        for cell in banded[k][band]:
            blank = 1 if previous_row is None else cell.row - previous_row - 1
            previous_row = cell.row
            # Only the cell that ends the row ends where the row's hyphen is.
            at_end = cell.end == cell.line.end
            out.append(
                attrs.evolve(
                    cell.line,
                    text=cell.text.rstrip(),
                    start=cell.start,
                    end=cell.start + len(cell.text.rstrip()),
                    indent=cell.x - starts[k],
                    blank_before=blank if out else cell.line.blank_before,
                    soft_hyphen_end=cell.line.soft_hyphen_end and at_end,
                    hard_hyphen_end=cell.line.hard_hyphen_end and at_end,
                )
            )
    return out


def read_columns(source: str, lines: Sequence[Line]) -> tuple[list[Line], int] | None:
    """Reorder the lines of layout-mode pages column by column.

    Returns the new lines (re-indexed in reading order) and the number of pages
    read as columns, or None when no page shows side-by-side columns.
    """
    if not lines:
        return None
    # Most texts hold no page of side-by-side columns; the rows of the text
    # are counted only when some lines show columns at all.
    if sum(1 for line in lines if _shows_columns(line)) < _MIN_GAP_ROWS:
        return None
    rows: list[int] = []
    row = 0
    prev = 0
    for line in lines:
        row += source.count("\n", prev, line.start)
        prev = line.start
        rows.append(row)
    out: list[Line] = []
    changed = 0
    k = 0
    while k < len(lines):
        j = k
        while j < len(lines) and lines[j].page == lines[k].page:
            j += 1
        page = lines[k:j]
        read = _page_columns(source, page, rows[k:j])
        if read is None:
            out.extend(page)
        else:
            if out and read:
                read[0] = attrs.evolve(read[0], blank_before=max(1, page[0].blank_before))
            out.extend(read)
            changed += 1
        k = j
    if not changed:
        return None
    return [attrs.evolve(line, index=i) for i, line in enumerate(out)], changed
