"""Unwrapped text: lines that hold what a page prints on lines of its own.

Extractors that write one paragraph per line (pymupdf4llm's text, e-paper
copy) also run the header's short lines together: a byline and the date
under it come out as one line, "From Wikinews Saturday, September 12, 2015".
Such a line is neither a byline nor a date to the header's rules, and the
header is lost with it; cut in two, each part is read as it was printed.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._draft import Line
from ._language import Language

# The header stands in the first lines of the text.
HEADER_LINES = 24
_SEPARATORS = " ,·|•–—-"


def split_signed_dates(lines: Sequence[Line], lang: Language) -> Sequence[Line]:
    """``lines`` with each header line that is a byline and a date cut in two."""
    cuts: dict[int, tuple[Line, Line]] = {}
    for k, line in enumerate(lines[:HEADER_LINES]):
        text = line.text
        # A date ends on its year; a line an earlier pass edited keeps its own
        # offset map, which a cut here would have to split: it is left whole.
        if line.anchors or not text[-1:].isdigit():
            continue
        m = lang.date_in_line.search(text)
        if m is None or m.end() != len(text) or m.start() == 0:
            continue
        head = text[: m.start()].rstrip()
        # Only a space may stand between: a comma or a bar between the two
        # would belong to neither part, and "LeeJTuesday, March 4" is no
        # byline beside a date (the date's weekday is glued to the name).
        if not head or head[-1] in _SEPARATORS or not lang.byline_line.match(head):
            continue
        byline = attrs.evolve(line, text=head, end=line.start + len(head))
        date = attrs.evolve(
            line, text=text[m.start() :], start=line.start + m.start(), blank_before=0
        )
        cuts[k] = (byline, date)
    return _with_cuts(lines, cuts)


def split_run_in_mastheads(lines: Sequence[Line], lang: Language) -> Sequence[Line]:
    """``lines`` with a masthead date run into the header's next line cut off.

    "May 4, 2015 · City Edition SCIENCE Bridge reopens" holds the paper's
    date line, the kicker and the headline: cut after the edition, the
    masthead goes to the furniture and the header reads the rest.
    """
    cuts: dict[int, tuple[Line, Line]] = {}
    for k, line in enumerate(lines[:HEADER_LINES]):
        if line.anchors:
            continue
        m = lang.masthead_run_in.match(line.text)
        if m is None:
            continue
        resume = len(line.text) - len(line.text[m.end() :].lstrip())
        masthead, rest = line.split_at(m.end(), resume)
        cuts[k] = (masthead, attrs.evolve(rest, blank_before=0))
    return _with_cuts(lines, cuts)


def split_run_in_jumps(lines: Sequence[Line], lang: Language) -> Sequence[Line]:
    """``lines`` with each jump line run into a paragraph's line cut off.

    A paragraph-per-line extraction writes the page's "Continued from Page 5"
    in front of the continuation's first words, and "See BRIDGE on Page 7"
    after the last sentence of the column; cut off, the jump line is read as
    the furniture it is and the paragraph as the text it is.
    """
    cuts: dict[int, tuple[Line, Line]] = {}
    for k, line in enumerate(lines):
        text = line.text
        lowered = text.casefold()
        if not any(word in lowered for word in lang.page_words):
            continue
        m = lang.jump_run_in.search(text)
        if m is None:
            continue
        if m.group("lead") is not None:
            jump, rest = line.split_at(m.end("lead"), m.end())
            cuts[k] = (jump, attrs.evolve(rest, blank_before=0))
        else:
            rest, jump = line.split_at(m.start(), m.start("tail"))
            cuts[k] = (rest, attrs.evolve(jump, blank_before=0))
    return _with_cuts(lines, cuts)


def split_row_labels(
    lines: Sequence[Line], lang: Language, read_by_columns: bool
) -> Sequence[Line]:
    """``lines`` with an advert's label in capitals cut off the row it opens.

    A column reader that cut a row of side-by-side columns one word late
    leaves the other column's words after the label: "ADVERTISEMENT about
    this". No sentence runs on from a label in capitals into a lowercase
    word; cut off, the label is read as the furniture it is. Only where a
    column reader read the page (``read_by_columns``): elsewhere a lede's
    first word set in capitals ("ADVERTISING executives said…") opens such
    a line.
    """
    cuts: dict[int, tuple[Line, Line]] = {}
    if not read_by_columns:
        return lines
    for k, line in enumerate(lines):
        text = line.text
        first = text[:1]
        if line.anchors or not first.isupper() or first.casefold() not in lang.advert_initials:
            continue
        label = text.split(None, 1)[0]
        rest = text[len(label) :].lstrip()
        if not rest[:1].islower() or not label.isupper() or not lang.advert_label.match(label):
            continue
        head, tail = line.split_at(len(label), len(text) - len(rest))
        cuts[k] = (head, attrs.evolve(tail, blank_before=0))
    return _with_cuts(lines, cuts)


def _with_cuts(lines: Sequence[Line], cuts: dict[int, tuple[Line, Line]]) -> Sequence[Line]:
    """``lines`` with line ``k`` replaced by the two parts ``cuts[k]``, renumbered."""
    if not cuts:
        return lines
    out: list[Line] = []
    for k, line in enumerate(lines):
        out.extend(cuts.get(k, (line,)))
    return [attrs.evolve(line, index=i) if line.index != i else line for i, line in enumerate(out)]
