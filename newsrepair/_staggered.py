"""Staggered rows: two columns whose lines a row reader wrote one after the other.

Where two side-by-side columns set their lines on different baselines, a
reader that sorts lines by height (pdfplumber, a layout extraction squeezed
to single spaces, PyMuPDF) writes them alternately: a line of one column,
then a line of the other. A line-end hyphen then goes on two lines further
down, not on the next line ("the year be-" / "On Tuesday, the govern-" /
"fore, when it was" / "ment announced"). Two such broken words or more, each
a known word joined with the line two further on and no word joined with the
next line, prove the run; its lines are read as two streams, every second
line, the stream that reads on from the line before the run first.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import attrs
import regex

from ._draft import Line
from ._edits import Ledger
from ._language import Language
from ._lexicon import NO_WORD, RARE_WORD, Lexicon

# A line ending in a word broken by a hyphen (soft hyphens show as "-").
# Searched right to left (?r): a forward search would try every start in a
# long line and scan each to its end.
_BROKEN_END = regex.compile(r"(?r)(\p{L}++)[-\u2010]$")
# A line opening in a lowercase word: a broken word's second half.
_LOWER_HEAD = regex.compile(r"\p{Ll}+")
# Broken words going on two lines down, no further apart than this, prove
# one run of alternating lines.
_MAX_EVIDENCE_GAP = 6
# Two broken words prove a run; three or more, surely.
_MIN_EVIDENCE = 2
_CONFIDENCE_TWO = 0.85
_CONFIDENCE_MORE = 0.9
# What closes a sentence at a line's end.
_CLOSING = frozenset(".!?:;\"'\u201d\u2019)")


@attrs.frozen
class _Run:
    first: int
    last: int
    evidence: int


def _joined_word(stem: str, line: Line, lexicon: Lexicon) -> bool | None:
    """Whether ``stem`` and ``line``'s opening word make a word (None: no lowercase opening)."""
    head = _LOWER_HEAD.match(line.text)
    if head is None:
        return None
    word = stem + head.group()
    if lexicon.count(word) >= 1 or lexicon.zipf(word) >= RARE_WORD:
        return True
    if lexicon.zipf(word) < NO_WORD:
        return False
    return None


def _evidence(
    lines: Sequence[Line], lexicon: Lexicon, lang: Language
) -> tuple[list[int], list[int]]:
    """Lines whose broken word goes on two lines down, and lines whose goes on at the next.

    A compound's prefix before a capital or a digit ("pre-" / "1990 rules",
    "anti-" / "American") is a kept hyphen that goes on at the next line,
    whatever the line two down opens with: no evidence.
    """
    prefixes = lang.hyphenated_prefixes | frozenset(lang.compound_prefixes)
    skips: list[int] = []
    adjacent: list[int] = []
    for i in range(len(lines) - 1):
        text = lines[i].text
        if not text.endswith(("-", "\u2010")) or lines[i].hard_hyphen_end:
            continue
        broken = _BROKEN_END.search(text)
        if broken is None:
            continue
        stem = broken.group(1)
        nxt = _joined_word(stem, lines[i + 1], lexicon)
        if nxt:
            adjacent.append(i)
            continue
        if nxt is None and stem.lower() in prefixes:
            continue
        if i + 2 < len(lines):
            two_down = _joined_word(stem, lines[i + 2], lexicon)
            if two_down and (nxt is False or not lines[i + 1].text[:1].islower()):
                skips.append(i)
    return skips, adjacent


def _any_between(ordered: Sequence[int], first: int, last: int) -> bool:
    """Whether the sorted ``ordered`` holds a value from ``first`` to ``last``."""
    at = bisect_left(ordered, first)
    return at < len(ordered) and ordered[at] <= last


def _runs(lines: Sequence[Line], skips: Sequence[int], adjacent: Sequence[int]) -> list[_Run]:
    """Runs of alternating lines, each proven by enough broken words two lines apart."""
    runs: list[_Run] = []
    group: list[int] = []
    for i in [*skips, None]:
        if i is not None and (not group or i - group[-1] <= _MAX_EVIDENCE_GAP):
            group.append(i)
            continue
        if len(group) >= _MIN_EVIDENCE:
            first, last = group[0], group[-1] + 2
            inside = lines[first : last + 1]
            # The rows of one stretch of the page: no page break or blank
            # line inside, and no broken word that goes on at the next line.
            if (
                all(line.page == inside[0].page and line.blank_before == 0 for line in inside[1:])
                and not _any_between(adjacent, first, last)
                and (not runs or first > runs[-1].last)
            ):
                runs.append(_Run(first, last, len(group)))
        group = [] if i is None else [i]
    return runs


def _reads_on(above: Line | None, below: Line) -> bool:
    """Whether ``below`` goes on from ``above``: a sentence left open, a lowercase word."""
    if above is None:
        return False
    return above.text[-1:] not in _CLOSING and below.text[:1].islower()


def _streams(lines: Sequence[Line], run: _Run) -> list[Line]:
    """The run's lines read as two streams, the one that goes on from the line before first."""
    first = list(lines[run.first : run.last + 1 : 2])
    second = list(lines[run.first + 1 : run.last + 1 : 2])
    before = lines[run.first - 1] if run.first > 0 else None
    after = lines[run.last + 1] if run.last + 1 < len(lines) else None

    def score(a: list[Line], b: list[Line]) -> int:
        return int(_reads_on(before, a[0])) + int(after is not None and _reads_on(b[-1], after))

    if score(second, first) > score(first, second):
        first, second = second, first
    return [*first, attrs.evolve(second[0], blank_before=1), *second[1:]]


def read(ledger: Ledger, lines: list[Line], lexicon: Lexicon, lang: Language) -> list[Line]:
    """``lines`` with runs of staggered rows read stream by stream, where proven."""
    skips, adjacent = _evidence(lines, lexicon, lang)
    if len(skips) < _MIN_EVIDENCE:
        return lines
    out: list[Line] = []
    at = 0
    for run in _runs(lines, skips, adjacent):
        start, end = lines[run.first].start, lines[run.last].end
        confidence = _CONFIDENCE_MORE if run.evidence > _MIN_EVIDENCE else _CONFIDENCE_TWO
        span = ledger.draft.input_span(start, end)
        rows = ledger.draft.original[span[0] : span[1]]
        note = (
            f"{run.last - run.first + 1} lines of two columns written alternately "
            f"({run.evidence} broken words continued two lines down) read column by column"
        )
        # An order-only repair: the lines keep every character, so both sides
        # are the input the run spans.
        if ledger.propose(
            "staggered_columns",
            start,
            start,
            rows,
            confidence,
            note,
            span=span,
            before=rows,
            context=(start, end),
        ):
            out.extend(lines[at : run.first])
            out.extend(_streams(lines, run))
            at = run.last + 1
    if not out:
        return lines
    out.extend(lines[at:])
    return [attrs.evolve(line, index=i) for i, line in enumerate(out)]
