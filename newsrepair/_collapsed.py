"""Reading order for collapsed layout: side-by-side columns with one space between.

A layout-preserving extraction (``pdftotext -layout``) whose runs of spaces
were squeezed to one space (copied, or normalised by some tool) holds one row
of every column on each line, and nothing marks where one column's line ends
and the next begins. The structure is still there over many rows:

- a column's line that ends in a broken word ("so-") is continued by a piece
  at the start of the *same column* on the next row, not by the word after it
  on its own row ("so- On Wednesday" … next row "cial movement …");
- each column's lines have nearly the same length (justified text), so the
  seams of a full row fall near multiples of the column width.

Detection asks for the first kind of evidence several times over a run of
long rows (ordinary text breaks words at the row end, and their pieces follow
each other). Untangling then chooses the seams of every row at once: a
Viterbi search over rows whose states are the ways to cut one row into column
lines, scored by the length each column line should have and by how each
column's line reads on into the same column on the next row. Every row has a
bounded number of states, so the cost is linear in the rows.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from operator import getitem

import attrs
import regex

from ._draft import Line
from ._lexicon import Lexicon
from ._shapes import hyphen_piece

_TOKEN = regex.compile(r"\S+")
_PIECE = regex.compile(r"^(\p{Ll}[\p{L}'’]*)")
_TERMINAL = regex.compile(r"[.!?…:][\"'”’)\]]*$")
_OPENING = regex.compile(r"^[\"'“‘(\[]*[\p{Lu}\p{N}]")

# A broken word is rejoined by its continuation when the joined form is this
# common, or written elsewhere in the document.
_JOINED_ZIPF = 2.5
# Columns are this many characters wide, at least and at most; a page holds at
# most this many.
_MIN_WIDTH = 14
_MAX_WIDTH = 70
_MAX_COLUMNS = 5
# Evidence needed before any row is cut: broken words continued in their own
# column, several of them, and clearly more than continue on their own row.
_MIN_EVENTS = 3
_EVENT_MARGIN = 2
# Confidence of a region's reading: three clean events clear the default bar.
_BASE_CONFIDENCE = 0.72
_PER_EVENT = 0.04
_TOP_CONFIDENCE = 0.95
# A row of a collapsed region is at least this many column widths long; short
# rows in between (a column's paragraph end, a caption) are bridged when at
# most this many stand together.
_LONG_ROW = 1.4
_MAX_SHORT_RUN = 3
# A block of rows between blank lines with no evidence of its own is read with
# its neighbour only when it has this many rows.
_MIN_BLOCK_ROWS = 4
# A block below a proven region with fewer events than a region needs, but at
# least one and none against, is read with the proven geometry when it has
# this many rows: the proof lends it the events it lacks.
_LENT_MIN_ROWS = 3
# A full column line is within this share of the column width; a longer one
# is impossible, a shorter one that ends no sentence costs.
_SLACK = 0.12
# Candidate cuttings kept per row, and the most tried before keeping them.
_BEAM = 8
_MAX_CUTTINGS = 96
# A column line that ends no sentence is at least this share of the width.
_MIN_OPEN = 0.55
_MAX_ROW_TOKENS = 64
# Readings of the rows so far that the Viterbi search carries on to the next.
_PATHS = 16

# Scores (log-odds-like units) of what a column line shows.
_BROKEN_JOINED = 4.0
_BROKEN_NOT_JOINED = -2.5
_STOP_THEN_CAPITAL = 0.6
_STOP_THEN_LOWER = -1.5
_OPEN_THEN_LOWER = 0.5
_OPEN_THEN_CAPITAL = -0.2
_OPEN_END_ABSENT = -0.8
_MISSING_COLUMN = -0.3
_COLUMN_APPEARS = -1.5
# A column with no line on the row above reads on from its last line higher
# up: where the columns' lines do not stand level (one column's paragraphs
# spaced, another's not), pdftotext writes a column's line on a row of its
# own, and that column's next line rows below. Resuming costs a little, as a
# missing column does.
_RESUMES = _MISSING_COLUMN
# Only where the columns' lines mostly do not stand level: when at least this
# share of a region's rows hold one column's line, a column missing from the
# row above is the rule. Where most rows hold every column, a column coming
# back is more often a row misread, and appears afresh.
_UNLEVEL = 0.45
_SPLIT_FITTING = -1.5
_NO_CUTTING = -5.0
_WIDER = 1.25
# A row above the first evidence belongs to the columns while it reads on
# into the row below no worse than a column starting afresh would: one
# seam misjudged by a word costs about that much, a header row across the
# page (a date, a headline cut into pieces) much more.
_READS_ON = _COLUMN_APPEARS
_NEXT_WORD_FITS = _STOP_THEN_LOWER
_LENGTH_WEIGHT = 3.0
_BROKEN_INSIDE = -4.0
_STOP_LOWER_INSIDE = -2.0


@attrs.frozen
class Region:
    """A run of rows read as collapsed columns: its line range and geometry.

    ``evidence`` counts broken words continued in their own column on the
    next row, ``against`` those continued by the next word of their row.
    """

    first: int
    last: int
    columns: int
    width: int
    evidence: int
    against: int
    # The first row whose broken word goes on in its own column.
    evidence_row: int = 0
    # Events a region proven earlier in the document lends it (a block set
    # the same way with too few broken words of its own).
    lent: int = 0
    # How many characters full lines of one column differ by (proportional
    # type): a next word shorter than this may not have fitted after all.
    give: float = 0.0
    # The width was measured by full lines (a first column's, or one
    # column's where the document runs in one); else by later columns'
    # broken lines, which drift with the lines beside them.
    measured: bool = True

    @property
    def confidence(self) -> float:
        """More broken words continued in their column make the reading surer."""
        events = self.evidence + self.lent - self.against
        return min(_TOP_CONFIDENCE, _BASE_CONFIDENCE + _PER_EVENT * events)


@attrs.frozen
class _Tok:
    start: int  # offset in the row's text
    end: int
    text: str
    head: str | None  # the letters before a line-break hyphen it ends with
    terminal: bool  # it ends a sentence (or a clause with a colon)


def _tokens(line: Line, soft_ends: frozenset[int]) -> tuple[_Tok, ...]:
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(line.text):
        text = m.group()
        # A soft hyphen dropped by normalising still broke the word here.
        # At a line's end the segment pass already shows it as a hyphen.
        dropped = soft_ends and line.start + m.end() in soft_ends and not text.endswith("-")
        shown = text + "-" if dropped else text
        terminal = bool(_TERMINAL.search(text))
        toks.append(_Tok(m.start(), m.end(), text, hyphen_piece(shown), terminal))
    return tuple(toks)


def _continuation(tok: str) -> str | None:
    found = _PIECE.match(tok)
    return found.group(1) if found else None


def _joins(lexicon: Lexicon, head: str, tail: str) -> bool:
    joined = head + tail
    return lexicon.count(joined) >= 1 or lexicon.zipf(joined) >= _JOINED_ZIPF


@attrs.frozen
class _Event:
    row: int
    end: int  # offset of the broken piece's end in its row
    start: int  # offset of the continuation in the next row
    columnar: bool


@attrs.define
class _Rows:
    """The tokens of each row, cut only when asked for (most rows never are)."""

    lines: Sequence[Line]
    soft_ends: frozenset[int]
    cut: dict[int, tuple[_Tok, ...]] = attrs.field(factory=dict)

    def __getitem__(self, r: int) -> tuple[_Tok, ...]:
        got = self.cut.get(r)
        if got is None:
            got = self.cut[r] = _tokens(self.lines[r], self.soft_ends)
        return got


def _may_break(line: Line, soft: Sequence[int]) -> bool:
    """Whether the row holds a broken word at all (a cheap test before cutting it)."""
    if "- " in line.text or line.text.endswith("-"):
        return True
    at = bisect.bisect_left(soft, line.start)
    return at < len(soft) and soft[at] <= line.end


def _events(lines: Sequence[Line], rows: _Rows, lexicon: Lexicon) -> list[_Event]:
    """Broken words and where their continuation is: on their row, or in the next."""
    events: list[_Event] = []
    soft = sorted(rows.soft_ends)
    for r in range(len(lines) - 1):
        if not _may_break(lines[r], soft):
            continue
        if lines[r + 1].page != lines[r].page or lines[r + 1].blank_before > 1:
            continue
        here, nxt = rows[r], rows[r + 1]
        if not nxt:
            continue
        for i, tok in enumerate(here):
            head = tok.head
            if head is None:
                continue
            adjacent = here[i + 1] if i + 1 < len(here) else nxt[0]
            tail = _continuation(adjacent.text)
            if tail is not None and _joins(lexicon, head, tail):
                events.append(_Event(r, tok.end, adjacent.start, False))
                continue
            for cand in nxt:
                # The same column's next line starts no further left than a
                # column is wide.
                if cand is adjacent or tok.end - cand.start > _MAX_WIDTH + 1:
                    continue
                piece = _continuation(cand.text)
                if piece is not None and _joins(lexicon, head, piece):
                    events.append(_Event(r, tok.end, cand.start, True))
                    break
    return events


def _median(values: Sequence[int]) -> int:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _blocks(lines: Sequence[Line], width: int) -> list[tuple[int, int]]:
    """Runs of rows between blank lines, from their first long row to their last.

    Short rows inside (a column's paragraph end) are bridged when few stand
    together; short rows after the last long one belong to it while they are
    no longer than a column line (the last column's paragraph ends).
    """
    long_row = _LONG_ROW * width
    # A row no longer than one column's line is that column running on
    # beside empty ones (the others ended, or hold a photo or pull quote):
    # however many stand together, the columns go on below them.
    column_line = width * (1 + _SLACK)
    widest = (_MAX_COLUMNS + 1) * (width + 1)
    out: list[tuple[int, int]] = []
    r, n = 0, len(lines)
    while r < n:
        if not long_row <= len(lines[r].text) <= widest:
            r += 1
            continue
        first = last = r
        short = 0
        k = r + 1
        while (
            k < n
            and lines[k].page == lines[r].page
            and len(lines[k].text) <= widest
            and (lines[k].blank_before == 0 or _spaced_row(lines, k, long_row))
        ):
            if len(lines[k].text) >= long_row:
                last, short = k, 0
            elif len(lines[k].text) > column_line:
                # Two short lines side by side, or a line across: a few of
                # these stand between the rows of running columns.
                short += 1
                if short > _MAX_SHORT_RUN:
                    break
            k += 1
        while last + 1 < k and len(lines[last + 1].text) <= column_line:
            last += 1
        out.append((first, last))
        r = max(k, last + 1)
    return out


def _first_column_full(event: _Event) -> bool:
    """Whether ``event`` is a broken line continued at the next row's start, as long as a column."""
    return event.start == 0 and _MIN_WIDTH <= event.end <= _MAX_WIDTH


def _single_column_widths(lines: Sequence[Line], events: Sequence[_Event]) -> list[int]:
    """Full line lengths measured where the document runs in one column, if enough.

    Without a first column's broken line the width is measured by the
    others', which drift by what the columns before them differ in on the
    two rows. A broken word continued at the start of the next row, both
    rows no longer than a column, ends a full line of the same type: where
    the columns stop standing side by side they measure the width exactly.
    """
    found = [
        e.end
        for e in events
        if not e.columnar and _first_column_full(e) and len(lines[e.row + 1].text) <= _MAX_WIDTH
    ]
    return found if len(found) >= _MIN_EVENTS else []


def _spaced_row(lines: Sequence[Line], k: int, long_row: float) -> bool:
    """Whether row ``k`` and the one above are rows of columns with one blank line between.

    OCR of a page sets a blank line between rows that stand apart; two long
    rows so set, each with a blank line above, are still rows of the same
    columns (a paragraph of one column is never this long). A long row
    straight under a line of its own (a caption under its credit) is not.
    """
    return (
        lines[k].blank_before == 1
        and lines[k - 1].blank_before >= 1
        and len(lines[k].text) >= long_row
        and len(lines[k - 1].text) >= long_row
    )


def _regions(lines: Sequence[Line], events: Sequence[_Event]) -> list[Region]:
    """Runs of long rows holding enough broken-word evidence, with their geometry."""
    columnar = [e for e in events if e.columnar]
    if len(columnar) < _MIN_EVENTS:
        return []
    # A column line runs from its column's start to its end: the continuation
    # on the next row starts about where the broken line's column started.
    widths = [e.end - e.start for e in columnar if _MIN_WIDTH <= e.end - e.start <= _MAX_WIDTH]
    if len(widths) < _MIN_EVENTS:
        return []
    # The first column's broken lines measure its width exactly (their
    # continuation opens the next row); further columns' starts drift.
    leftmost = [e.end for e in columnar if _first_column_full(e)]
    single = _single_column_widths(lines, events) if len(leftmost) < 2 else []
    measured = len(leftmost) >= 2 or bool(single)
    width = _median(leftmost) if len(leftmost) >= 2 else _median(single or widths)
    give = _give(leftmost, width)
    blocks = _blocks(lines, width)
    has_event = [False] * len(blocks)
    at = 0
    for e in sorted(columnar, key=lambda e: e.row):
        while at < len(blocks) and blocks[at][1] < e.row:
            at += 1
        if at < len(blocks) and blocks[at][0] <= e.row:
            has_event[at] = True
    # A block without evidence of its own is read with the block before it
    # when that one is, and it is long enough to be body text set the same
    # way (not a caption). Never with the block after it: what stands above
    # the columns is the header, whose lines run across the page.
    keep: list[bool] = []
    for i, (first, last) in enumerate(blocks):
        follows = i > 0 and keep[i - 1]
        keep.append(has_event[i] or (follows and last - first + 1 >= _MIN_BLOCK_ROWS))
    # Events come in row order: each region counts its own by bisection.
    event_rows = [e.row for e in events]
    regions: list[Region] = []
    i = 0
    while i < len(blocks):
        if not keep[i]:
            lent = _lent_region(lines, blocks[i], events, event_rows, width, regions)
            if lent is not None:
                regions.append(lent)
            i += 1
            continue
        j = i
        while (
            j + 1 < len(blocks)
            and keep[j + 1]
            and lines[blocks[j + 1][0]].page == lines[blocks[i][0]].page
            and _only_blank_between(lines, blocks[j][1], blocks[j + 1][0])
        ):
            j += 1
        first, last = blocks[i][0], blocks[j][1]
        lo = bisect.bisect_left(event_rows, first)
        hi = bisect.bisect_right(event_rows, last)
        good = sum(1 for e in events[lo:hi] if e.columnar)
        bad = hi - lo - good
        proof = next((e.row for e in events[lo:hi] if e.columnar), first)
        if good >= _MIN_EVENTS and good >= _EVENT_MARGIN * bad + 1:
            columns = _column_count(lines, first, last, width)
            # The width holds for this region only if its own first
            # column's lines measured it (another page may be set wider).
            own = sum(1 for e in events[lo:hi] if e.columnar and _first_column_full(e))
            regions.append(
                Region(
                    first,
                    last,
                    columns,
                    width,
                    good,
                    bad,
                    proof,
                    give=give,
                    measured=own >= 2 or bool(single),
                )
            )
        else:
            lent = _lent_region(lines, (first, last), events, event_rows, width, regions)
            if lent is not None:
                regions.append(lent)
        i = j + 1
    return [attrs.evolve(r, give=give, measured=measured and r.measured) for r in regions]


def _give(full: Sequence[int], width: int) -> float:
    """How much the first column's full lines (those ending in a broken word) differ in length.

    Lines far from the width are another column's or a misread; at least
    the slack a column line is allowed.
    """
    near = [x for x in full if abs(x - width) <= 2 * _SLACK * width]
    spread = max(near) - min(near) if near else 0
    return max(_SLACK * width, float(spread))


def _column_count(lines: Sequence[Line], first: int, last: int, width: int) -> int:
    """How many columns of ``width`` the widest rows from ``first`` to ``last`` hold."""
    typical = _typical_row(lines, first, last)
    return max(2, min(_MAX_COLUMNS, round((typical + 1) / (width + 1))))


def _typical_row(lines: Sequence[Line], first: int, last: int) -> int:
    """How long the widest rows from ``first`` to ``last`` are: they hold every column."""
    lengths = sorted(len(lines[k].text) for k in range(first, last + 1))
    return lengths[int(0.95 * (len(lengths) - 1))]


def _lent_region(
    lines: Sequence[Line],
    block: tuple[int, int],
    events: Sequence[_Event],
    event_rows: Sequence[int],
    width: int,
    proven: Sequence[Region],
) -> Region | None:
    """``block`` read with the geometry of the regions proven above it, if it shows it too.

    A page's columns run on below a pull quote, a photo or a heading across
    them, and on the next page, where fewer broken words may fall. One broken
    word continued in its own column, none by the next word of its row, is
    enough once the document has shown its columns: the proof lends the
    events the block lacks.
    """
    first, last = block
    if not proven or last - first + 1 < _LENT_MIN_ROWS:
        return None
    lo = bisect.bisect_left(event_rows, first)
    hi = bisect.bisect_right(event_rows, last)
    good = [e.row for e in events[lo:hi] if e.columnar]
    if not good or len(good) < hi - lo:
        return None
    columns = _column_count(lines, first, last, width)
    lent = max(0, _MIN_EVENTS - len(good))
    return Region(first, last, columns, width, len(good), 0, good[0], lent)


def _only_blank_between(lines: Sequence[Line], a: int, b: int) -> bool:
    return b == a + 1


@attrs.frozen
class _Cutting:
    """One way to read a row: its pieces (token ranges) and their columns."""

    pieces: tuple[tuple[int, int], ...]  # [first token, last token + 1)
    columns: tuple[int, ...]
    score: float
    by_column: tuple[tuple[int, int] | None, ...] = ()  # each column's piece, or None


def _seam_signs(toks: Sequence[_Tok], lexicon: Lexicon) -> list[float]:
    """Running sums of what each pair of neighbours costs when read inside one line.

    A broken word followed by a word it does not join, or a stop followed by
    a lowercase word, hardly ever stands inside a column's line: such a pair
    is a seam between columns.
    """
    sums = [0.0]
    for i in range(len(toks) - 1):
        left, right = toks[i], toks[i + 1].text
        cost = 0.0
        if left.head is not None:
            tail = _continuation(right)
            if tail is None or not _joins(lexicon, left.head, tail):
                cost = _BROKEN_INSIDE
        elif left.terminal and right[:1].islower():
            cost = _STOP_LOWER_INSIDE
        sums.append(sums[-1] + cost)
    return sums


def _piece_score(toks: Sequence[_Tok], signs: Sequence[float], a: int, b: int, width: int) -> float:
    """How much tokens ``a`` to ``b`` of a row look like one column line."""
    length = toks[b - 1].end - toks[a].start
    if length > width * (1 + _SLACK) + 1:
        return float("-inf")
    # Justified lines fill the column: a line that ends no sentence costs the
    # more the further its length is from the width, either way.
    off = (length - width) / width
    inside = signs[b - 1] - signs[a]
    if toks[b - 1].terminal:
        return inside - (_LENGTH_WEIGHT * off * off if off > 0 else 0.0)
    return inside - _LENGTH_WEIGHT * off * off


def _cuttings(toks: Sequence[_Tok], columns: int, width: int, lexicon: Lexicon) -> list[_Cutting]:
    """The best ways to cut one row into at most ``columns`` column lines."""
    signs = _seam_signs(toks, lexicon)
    found: list[tuple[tuple[tuple[int, int], ...], float]] = []
    k = len(toks)

    widest = width * (1 + _SLACK) + 1
    shortest = _MIN_OPEN * width
    row_end = toks[-1].end if toks else 0
    ends = [tok.end for tok in toks]

    def extend(a: int, pieces: tuple[tuple[int, int], ...], score: float) -> None:
        if len(found) >= _MAX_CUTTINGS:
            return
        if a == k:
            found.append((pieces, score))
            return
        left = columns - len(pieces)
        # What is left of the row must fit in the columns that are left.
        if left == 0 or row_end - toks[a].start > left * (widest + 1):
            return
        # Longest line first: the best cuttings are found before the cap.
        # Lines longer than a column are never tried: the ends grow, so the
        # longest that fits is found by bisection, not by trying each.
        for b in range(bisect.bisect_right(ends, toks[a].start + widest), a, -1):
            length = toks[b - 1].end - toks[a].start
            if length > widest:
                continue
            if length < shortest and not toks[b - 1].terminal:
                # A line that ends no sentence fills its column.
                continue
            extend(b, (*pieces, (a, b)), score + _piece_score(toks, signs, a, b, width))

    extend(0, (), 0.0)
    # The beam keeps the best cuttings, each with every way to give its
    # pieces to columns: which column a piece belongs to only the rows around
    # it can tell.
    found.sort(key=lambda f: -f[1])
    out: list[_Cutting] = []
    for pieces, score in found[:_BEAM]:
        m = len(pieces)
        for cols in _assignments(m, columns):
            placed: list[tuple[int, int] | None] = [None] * columns
            for col, piece in zip(cols, pieces, strict=True):
                placed[col] = piece
            missing = _MISSING_COLUMN * (columns - m)
            out.append(_Cutting(pieces, cols, score + missing, tuple(placed)))
    return out


def _assignments(m: int, columns: int) -> list[tuple[int, ...]]:
    """Ways to give ``m`` pieces of one row to columns, left to right."""
    return list(itertools.combinations(range(columns), m))


def _link(last: _Tok, first: _Tok, length: int, lexicon: Lexicon, width: int, give: float) -> float:
    """How well a column's line (its last token, its length) reads on into ``first``."""
    head = last.head
    if head is not None:
        tail = _continuation(first.text)
        joined = tail is not None and _joins(lexicon, head, tail)
        return _BROKEN_JOINED if joined else _BROKEN_NOT_JOINED
    if last.terminal:
        return _STOP_THEN_CAPITAL if _OPENING.search(first.text) else _STOP_THEN_LOWER
    score = _OPEN_THEN_LOWER if first.text[:1].islower() else _OPEN_THEN_CAPITAL
    # A line is filled before it breaks: had the next word fitted, it would
    # stand on this line. Character counts of proportional type are rough
    # (full lines differ by ``give``): the more room would have been left,
    # the surer.
    room = width - (length + 1 + len(first.text))
    if room >= 0:
        score += _NEXT_WORD_FITS * min(1.0, (room + 1) / give)
    return score


@attrs.define
class _Links:
    """Scores between the pieces of two neighbouring rows, each worked out once.

    Many cuttings of a row share pieces, so the Viterbi search asks for the
    same pair of pieces again and again.
    """

    above: Sequence[_Tok]
    below: Sequence[_Tok]
    lexicon: Lexicon
    width: int
    give: float
    known: dict[tuple[int, int, int], float] = attrs.field(factory=dict)

    def link(self, up: tuple[int, int], down: tuple[int, int]) -> float:
        key = (up[0], up[1], down[0])
        got = self.known.get(key)
        if got is None:
            last = self.above[up[1] - 1]
            length = last.end - self.above[up[0]].start
            got = self.known[key] = _link(
                last, self.below[down[0]], length, self.lexicon, self.width, self.give
            )
        return got

    def continuity(self, before: _Cutting, after: _Cutting) -> float:
        """How well each column's line in one row reads on into its line in the next."""
        score = 0.0
        below = after.by_column
        for col, up in enumerate(before.by_column):
            down = below[col]
            if up is None:
                if down is not None:
                    # A column that had no line on the row before starts
                    # afresh: rare inside running columns, and the way a
                    # misread row would shift every column.
                    score += _COLUMN_APPEARS
            elif down is not None:
                score += self.link(up, down)
            elif not self.above[up[1] - 1].terminal:
                score += _OPEN_END_ABSENT
        return score


# A column's last line so far: its row, first token and last token + 1.
_Last = tuple[int, int, int]


def _lasts(before: tuple[_Last | None, ...], cut: _Cutting, r: int) -> tuple[_Last | None, ...]:
    """Each column's last line once row ``r`` is read with ``cut``."""
    return tuple(
        (r, *piece) if piece is not None else old
        for piece, old in zip(cut.by_column, before, strict=True)
    )


@attrs.define
class _Resumed:
    """How columns missing from the row above read on from their last line higher up."""

    rows: _Rows
    lexicon: Lexicon
    width: int
    give: float
    known: dict[tuple[int, int, int, int, int], float] = attrs.field(factory=dict)

    def link(self, last: _Last, r: int, down: tuple[int, int]) -> float:
        """How a column's last line higher up reads on into its line ``down`` of row ``r``."""
        key = (*last, r, down[0])
        got = self.known.get(key)
        if got is None:
            above = self.rows[last[0]]
            tok = above[last[2] - 1]
            length = tok.end - above[last[1]].start
            got = self.known[key] = _link(
                tok, self.rows[r][down[0]], length, self.lexicon, self.width, self.give
            )
        return got


def _unlevel(lines: Sequence[Line], region: Region) -> bool:
    """Whether the columns' lines of ``region`` mostly stand on rows of their own."""
    column_line = region.width * (1 + _SLACK)
    rows = range(region.first, region.last + 1)
    single = sum(1 for r in rows if len(lines[r].text) <= column_line)
    return single >= _UNLEVEL * len(rows)


@attrs.define
class _ColumnKeys:
    """Each live reading's line in each column, numbered per column.

    Readings of a row share lines: the score of a line below depends only
    on its column's line above (and, for a column missing above, its last
    line higher up), so it is worked out once per distinct one.
    """

    distinct: list[list[tuple[tuple[int, int] | None, _Last | None]]]
    ids: list[tuple[int, ...]]


def _column_keys(
    befores: Sequence[_Cutting], lasts: Sequence[tuple[_Last | None, ...]], unlevel: bool
) -> _ColumnKeys:
    """Number the distinct (line above, last line higher up) of each column."""
    columns = len(befores[0].by_column) if befores else 0
    distinct: list[list[tuple[tuple[int, int] | None, _Last | None]]] = [[] for _ in range(columns)]
    seen: list[dict[tuple[tuple[int, int] | None, _Last | None], int]] = [
        {} for _ in range(columns)
    ]
    ids: list[tuple[int, ...]] = []
    for at, before in enumerate(befores):
        row: list[int] = []
        for col, up in enumerate(before.by_column):
            # Only a column missing above reads on from higher up.
            last = lasts[at][col] if unlevel and up is None else None
            key = (up, last)
            got = seen[col].get(key)
            if got is None:
                got = seen[col][key] = len(distinct[col])
                distinct[col].append(key)
            row.append(got)
        ids.append(tuple(row))
    return _ColumnKeys(distinct, ids)


_Terms = tuple[list[float], list[float]]


def _column_gains(
    keys: _ColumnKeys,
    cand: _Cutting,
    scored: dict[tuple[int, tuple[int, int] | None], _Terms],
    links: _Links,
    far: _Resumed,
    r: int,
) -> tuple[list[list[float]], list[list[float]]]:
    """Per column and distinct line above: ``cand``'s continuity and resumed terms.

    The terms ``_Links.continuity`` sums, and what a column missing above
    gains by reading on from its last line higher up, add up column by column.
    A column's terms depend only on its line below, which many readings of
    the row share: ``scored`` keeps them for the row.
    """
    gains: list[list[float]] = []
    resumes: list[list[float]] = []
    for col, down in enumerate(cand.by_column):
        got = scored.get((col, down))
        if got is None:
            got = scored[col, down] = _column_terms(keys.distinct[col], down, links, far, r)
        gains.append(got[0])
        resumes.append(got[1])
    return gains, resumes


def _column_terms(
    distinct: Sequence[tuple[tuple[int, int] | None, _Last | None]],
    down: tuple[int, int] | None,
    links: _Links,
    far: _Resumed,
    r: int,
) -> _Terms:
    """One column's line ``down`` scored after each distinct line above it."""
    col_gains: list[float] = []
    col_resumes: list[float] = []
    for up, last in distinct:
        gain = 0.0
        resume = 0.0
        if up is None:
            if down is not None:
                gain = _COLUMN_APPEARS
                if last is not None:
                    resume = far.link(last, r, down) + _RESUMES - _COLUMN_APPEARS
        elif down is not None:
            gain = links.link(up, down)
        elif not links.above[up[1] - 1].terminal:
            gain = _OPEN_END_ABSENT
        col_gains.append(gain)
        col_resumes.append(resume)
    return col_gains, col_resumes


def _decode(
    rows: _Rows, region: Region, lexicon: Lexicon
) -> tuple[tuple[_Cutting, ...], float, int] | None:
    """The best cutting of every row of ``region``, its score and the rows left uncut.

    A Viterbi search over the rows, with a beam.
    """
    states: list[list[_Cutting]] = []
    uncut = 0
    for r in range(region.first, region.last + 1):
        toks = rows[r]
        if len(toks) > _MAX_ROW_TOKENS:
            return None
        cands = _cuttings(toks, region.columns, region.width, lexicon)
        if not cands:
            # Wider lines than the width measured (a column set wider, a
            # loose line): try once with more room.
            cands = _cuttings(toks, region.columns, round(region.width * _WIDER), lexicon)
        if not cands:
            # A row no cutting fits (a wide line): read it as one piece.
            whole = (0, len(toks))
            alone = (whole, *([None] * (region.columns - 1)))
            cands = [_Cutting((whole,), (0,), _NO_CUTTING, alone)]
            uncut += 1
        states.append(cands)
    best: list[float] = [c.score for c in states[0]]
    back: list[list[int]] = [[-1] * len(states[0])]
    none: tuple[_Last | None, ...] = (None,) * region.columns
    lasts = [_lasts(none, c, region.first) for c in states[0]]
    far = _Resumed(rows, lexicon, region.width, region.give)
    unlevel = _unlevel(rows.lines, region)
    column_line = region.width * (1 + _SLACK) + 1
    fits = [len(rows.lines[r].text) <= column_line for r in range(region.first, region.last + 1)]
    for i in range(1, len(states)):
        r = region.first + i
        links = _Links(rows[r - 1], rows[r], lexicon, region.width, region.give)
        # Only the best readings so far go on: the work per row is bounded.
        alive = sorted(range(len(best)), key=lambda j: -best[j])[:_PATHS]
        cur: list[float] = []
        ptr: list[int] = []
        now: list[tuple[_Last | None, ...]] = []
        keys = _column_keys([states[i - 1][j] for j in alive], [lasts[j] for j in alive], unlevel)
        starts = [best[j] for j in alive]
        scored: dict[tuple[int, tuple[int, int] | None], _Terms] = {}
        for cand in states[i]:
            gains, resumes = _column_gains(keys, cand, scored, links, far, r)
            top, arg = float("-inf"), 0
            # The same sums, in the same order, as scoring each pair in turn
            # (so the same path wins), but each column's term is worked out
            # once per distinct line above rather than once per reading.
            for at, start in enumerate(starts):
                ids = keys.ids[at]
                s = start + sum(map(getitem, gains, ids))
                if unlevel:
                    s += sum(map(getitem, resumes, ids))
                if s > top:
                    top, arg = s, alive[at]
            if unlevel and len(cand.pieces) > 1 and fits[i]:
                # A row short enough for one column's line is one, where
                # most rows hold a single column's line.
                top += _SPLIT_FITTING
            cur.append(top + cand.score)
            ptr.append(arg)
            now.append(_lasts(lasts[arg], cand, r))
        best = cur
        back.append(ptr)
        lasts = now
    # Every column's stream must read on: one whose last line ends no
    # sentence stops mid-sentence, as a row put in the wrong column leaves it.
    best = [
        score + _OPEN_END_ABSENT * _open_ends(rows, ends)
        for score, ends in zip(best, lasts, strict=True)
    ]
    k = max(range(len(best)), key=lambda j: best[j])
    total = best[k]
    path: list[_Cutting] = []
    for i in range(len(states) - 1, -1, -1):
        path.append(states[i][k])
        k = back[i][k]
    path.reverse()
    return tuple(path), total, uncut


def _open_ends(rows: _Rows, lasts: tuple[_Last | None, ...]) -> int:
    """How many columns' last lines end no sentence."""
    return sum(1 for last in lasts if last is not None and not rows[last[0]][last[2] - 1].terminal)


def _best_reading(
    rows: _Rows, region: Region, lexicon: Lexicon
) -> tuple[Region, tuple[_Cutting, ...] | None]:
    """The region read with the number of columns its rows read best with.

    The widest rows suggest how many columns there are; when some row fits
    no cutting into that many (a narrow column beside wide ones), one more
    column is tried too, and the better reading kept. Then the rows above
    the first evidence that do not read on into the columns below (a
    headline and deck run across the page) are given back.
    """
    read = _decode(rows, region, lexicon)
    if read is None:
        return region, None
    fitted = _fitted(rows.lines, region) if read[1] < 0 else None
    if fitted is not None:
        # A width measured by drifting lines may be one column's width and
        # a part of the next's: the widest rows then hold one column more
        # of the width they imply. Where the rows so read do not read on,
        # on the whole, that reading is tried too, and kept only when its
        # rows do (the guess has to earn its place).
        other = _decode(rows, fitted, lexicon)
        if other is not None and other[1] > max(read[1], 0.0):
            region, read = fitted, other
    if not read[2] or region.columns >= _MAX_COLUMNS:
        return _trim_top(rows, region, read[0], lexicon)
    # Only rows of the columns ask for another one: a headline across the
    # page above them fits no cutting however many columns there are, so
    # the rows given back are left out of the count before it is tried.
    trimmed, path = _trim_top(rows, region, read[0], lexicon)
    score = read[1]
    if trimmed.first != region.first:
        again = _decode(rows, trimmed, lexicon)
        if again is None or not again[2]:
            return trimmed, path
        score = again[1]
    wider = attrs.evolve(trimmed, columns=trimmed.columns + 1)
    other = _decode(rows, wider, lexicon)
    if other is not None and other[1] > score:
        return _trim_top(rows, wider, other[0], lexicon)
    return trimmed, path


def _fitted(lines: Sequence[Line], region: Region) -> Region | None:
    """``region`` with one column more, as wide as its widest rows then make them.

    Only for a width not measured by full lines, and only a narrower one.
    """
    if region.measured or region.columns >= _MAX_COLUMNS:
        return None
    columns = region.columns + 1
    typical = _typical_row(lines, region.first, region.last)
    width = round((typical + 1) / columns) - 1
    if not _MIN_WIDTH <= width < region.width:
        return None
    return attrs.evolve(region, columns=columns, width=width)


def _trim_top(
    rows: _Rows, region: Region, path: tuple[_Cutting, ...], lexicon: Lexicon
) -> tuple[Region, tuple[_Cutting, ...]]:
    """``region`` from the highest row above its first evidence that reads on down to it."""
    start = region.evidence_row
    while start > region.first:
        i = start - region.first
        links = _Links(rows[start - 1], rows[start], lexicon, region.width, region.give)
        if links.continuity(path[i - 1], path[i]) < _READS_ON:
            break
        start -= 1
    if start == region.first:
        return region, path
    return attrs.evolve(region, first=start), path[start - region.first :]


def _piece_line(line: Line, toks: Sequence[_Tok], a: int, b: int, blank: int) -> Line:
    start, end = toks[a].start, toks[b - 1].end
    at_end = end == len(line.text)
    return attrs.evolve(
        line,
        text=line.text[start:end],
        start=line.start + start,
        end=line.start + end,
        indent=0,
        blank_before=blank,
        soft_hyphen_end=line.soft_hyphen_end and at_end,
        hard_hyphen_end=line.hard_hyphen_end and at_end,
    )


@attrs.frozen
class Collapsed:
    """The collapsed-column regions of a text, with the rows' tokens and cuttings."""

    regions: tuple[Region, ...]
    paths: tuple[tuple[_Cutting, ...] | None, ...]
    rows: _Rows


def find_collapsed(
    lines: Sequence[Line], lexicon: Lexicon, soft_ends: frozenset[int] = frozenset()
) -> Collapsed | None:
    """The runs of rows of ``lines`` that show collapsed columns, each with its cutting.

    ``soft_ends`` are source offsets where a soft hyphen inside a line was
    dropped (the end of a broken word). None when no run shows them: a text
    with few broken words inside its lines costs one scan.
    """
    broken = sum(1 for line in lines if "- " in line.text or line.text.endswith("-"))
    if broken + len(soft_ends) < _MIN_EVENTS:
        return None
    rows = _Rows(lines, soft_ends)
    regions = _regions(lines, _events(lines, rows, lexicon))
    if not regions:
        return None
    read = [_best_reading(rows, region, lexicon) for region in regions]
    return Collapsed(tuple(r for r, _ in read), tuple(p for _, p in read), rows)


def untangle(lines: Sequence[Line], found: Collapsed, accepted: Sequence[int]) -> list[Line]:
    """``lines`` with the regions numbered in ``accepted`` read column by column."""
    out: list[Line] = []
    at = 0
    for k in accepted:
        region, path = found.regions[k], found.paths[k]
        if path is None:
            continue
        out.extend(lines[at : region.first])
        streams: list[list[Line]] = [[] for _ in range(region.columns)]
        for i, cut in enumerate(path):
            r = region.first + i
            toks = found.rows[r]
            for (a, b), col in zip(cut.pieces, cut.columns, strict=True):
                stream = streams[col]
                blank = lines[r].blank_before if not stream and col == 0 else int(not stream)
                stream.append(_piece_line(lines[r], toks, a, b, blank))
        for stream in streams:
            out.extend(stream)
        at = region.last + 1
    out.extend(lines[at:])
    return [attrs.evolve(line, index=i) for i, line in enumerate(out)]
