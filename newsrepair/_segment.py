"""Pass 2: cut the normalised text into non-empty lines with layout hints.

Each line keeps its offsets, its indent, how many blank lines precede it and
its page (form feeds count pages). The pass also measures the document's
geometry: the usual width of a full column line, or whether each physical line
is a whole paragraph (e-paper copy and some extractors write it that way).
"""

from __future__ import annotations

import attrs

from ._collapsed import find_collapsed, untangle
from ._config import Config
from ._draft import Draft, Line
from ._edits import Ledger
from ._language import language_for
from ._layout import read_columns
from ._lexicon import Lexicon
from ._normalise import SOFT_MARK
from ._runon import read as read_run_on
from ._staggered import read as read_staggered

# A document whose typical line is this long writes one paragraph per line.
PARAGRAPH_LINE_CHARS = 110
# Gutters found in a layout extraction are geometry, strong but not proof.
COLUMNS_CONFIDENCE = 0.9
# The width of a full line: this quantile of the line lengths (the short
# lines are paragraph ends, headings and captions).
FULL_LINE_QUANTILE = 0.8


def _split_lines(source: str) -> list[Line]:
    """Non-empty lines; a form feed both ends a line and starts a new page."""
    lines: list[Line] = []
    page = 0
    blank = 0
    pos = 0
    # str.split does in C what a regex search per line did in Python; a form
    # feed is rare, so only a row that holds one is cut again.
    rows = source.split("\n")
    last_row = len(rows) - 1
    for r, row in enumerate(rows):
        parts = row.split("\f") if "\f" in row else (row,)
        last_part = len(parts) - 1
        for p, raw in enumerate(parts):
            end_mark = "\f" if p < last_part else ("\n" if r < last_row else "")
            stripped = raw.strip()
            if stripped:
                lead = len(raw) - len(raw.lstrip())
                start = pos + lead
                soft = stripped.endswith(SOFT_MARK)
                lines.append(
                    Line(
                        text=stripped[:-1] + "-" if soft else stripped,
                        start=start,
                        end=start + len(stripped),
                        index=len(lines),
                        indent=lead,
                        blank_before=blank,
                        page=page,
                        soft_hyphen_end=soft,
                    )
                )
                blank = 0
            elif end_mark == "\n":
                blank += 1
            if end_mark == "\f":
                page += 1
                blank += 1
            pos += len(raw) + 1
    return lines


def _column_width(lengths: list[int]) -> float:
    """Estimate the width of a full line from the longer half of the lines.

    Justified columns make most body lines nearly equal; short lines are
    paragraph ends, headings and captions, so we look at the upper part of the
    distribution rather than the mean.
    """
    if not lengths:
        return 0.0
    ordered = sorted(lengths)
    return float(ordered[min(len(ordered) - 1, int(len(ordered) * FULL_LINE_QUANTILE))])


def _soft_hyphen_ends(draft: Draft) -> frozenset[int]:
    """Source offsets where normalising dropped a soft hyphen inside a line."""
    if "\u00ad" not in draft.original:
        return frozenset()
    original = draft.original
    offsets = draft.offsets
    return frozenset(
        n
        for n, o in zip(offsets.norm, offsets.orig, strict=True)
        if o > 0 and original[o - 1] == "\u00ad"
    )


def _collapsed_columns(
    draft: Draft, ledger: Ledger, lines: list[Line], lexicon: Lexicon
) -> list[Line]:
    """``lines`` with rows of collapsed columns read column by column, where proven."""
    found = find_collapsed(lines, lexicon, _soft_hyphen_ends(draft))
    if found is None:
        return lines
    accepted: list[int] = []
    for k, (region, path) in enumerate(zip(found.regions, found.paths, strict=True)):
        start, end = lines[region.first].start, lines[region.last].end
        note = (
            f"{region.last - region.first + 1} rows of {region.columns} columns "
            f"(about {region.width} characters wide) with single spaces between them"
        )
        if path is None:
            ledger.find("collapsed_columns", start, end, f"{note}; too long a row to cut")
            continue
        evidence = f"{region.evidence} broken words continued in their own column"
        # An order-only repair: the rows keep every character, so both sides
        # are the input the region spans (as for a moved fragment).
        span = draft.input_span(start, end)
        rows = draft.original[span[0] : span[1]]
        if ledger.propose(
            "collapsed_columns",
            start,
            start,
            rows,
            region.confidence,
            f"{note} read column by column ({evidence})",
            span=span,
            before=rows,
            context=(start, end),
        ):
            accepted.append(k)
    return untangle(lines, found, accepted) if accepted else lines


def run(draft: Draft, config: Config) -> Draft:
    """Split ``draft.source`` into :class:`Line` records and measure the column."""
    lines = _split_lines(draft.source)
    if "\u2011" in draft.original:
        # A non-breaking hyphen at a line end is a real hyphen: never joined.
        lines = [
            attrs.evolve(line, hard_hyphen_end=True)
            if line.text.endswith("-")
            and draft.original[draft.offsets.to_input(line.end - 1)] == "\u2011"
            else line
            for line in lines
        ]
    ledger = Ledger(draft, config)
    columns = read_columns(draft.source, lines)
    if columns is not None and ledger.propose(
        "columns",
        0,
        0,
        "",
        COLUMNS_CONFIDENCE,
        f"{columns[1]} page(s) with side-by-side columns read column by column",
        # Refused, the rows stay in row order, and every join the column
        # reading would have made is in doubt: the finding covers the text.
        context=(0, lines[-1].end),
    ):
        lines = columns[0]
    lexicon = Lexicon.from_texts(
        (line.text for line in lines), language_for(config.language).code, config.use_lexicon
    )
    # Columns read at their gutters may still hold two columns whose gutter
    # the extractor printed as one space: their rows read as collapsed ones.
    lines = _collapsed_columns(draft, ledger, lines, lexicon)
    if columns is None:
        # Rows a height-sorting reader wrote alternately from two columns.
        lines = read_staggered(ledger, lines, lexicon, language_for(config.language))
        lines = read_run_on(ledger, lines, lexicon, language_for(config.language))
    lengths = [len(line.text) for line in lines]
    ordered = sorted(lengths)
    median = ordered[len(ordered) // 2] if ordered else 0
    paragraph_lines = median >= PARAGRAPH_LINE_CHARS or (
        len(lines) > 0
        and sum(1 for x in lengths if x >= PARAGRAPH_LINE_CHARS * 2) >= len(lines) / 4
    )
    return ledger.close(
        draft,
        lines=tuple(lines),
        paragraph_lines=paragraph_lines,
        column_width=_column_width(lengths),
        # Cutting rows into column lines keeps every word whole: the
        # document's vocabulary is the same before and after.
        lexicon=lexicon,
    )
