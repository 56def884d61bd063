"""The working state that flows through the passes.

Every pass is ``run(draft: Draft, config: Config) -> Draft``: it reads the
draft, never mutates it, and returns an evolved copy. Offsets inside the draft
are into ``Draft.source`` (the normalised text); :class:`OffsetMap` turns them
back into offsets of the caller's input.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Sequence

import attrs

from ._lexicon import Lexicon
from ._model import Finding, Repair, Span


class Role(str, enum.Enum):
    """What a line or block is. Body-flow roles come first.

    ``FLOW`` is a line not yet set aside: body text whose paragraph the
    reflow pass will find. A ``str`` enum, so a role prints and compares as
    the name the public :class:`~newsrepair.Paragraph` uses.
    """

    BODY = "body"
    SUBHEAD = "subhead"
    QUESTION = "question"
    ANSWER = "answer"
    FLOW = "flow"
    KICKER = "kicker"
    HEADLINE = "headline"
    DECK = "deck"
    BYLINE = "byline"
    DATELINE = "dateline"
    CAPTION = "caption"
    CREDIT = "credit"
    PULL_QUOTE = "pull_quote"
    ATTRIBUTION = "attribution"
    FURNITURE = "furniture"
    NOTE = "note"


BODY = Role.BODY
SUBHEAD = Role.SUBHEAD
QUESTION = Role.QUESTION
ANSWER = Role.ANSWER
FLOW = Role.FLOW
KICKER = Role.KICKER
HEADLINE = Role.HEADLINE
DECK = Role.DECK
BYLINE = Role.BYLINE
DATELINE = Role.DATELINE
CAPTION = Role.CAPTION
CREDIT = Role.CREDIT
PULL_QUOTE = Role.PULL_QUOTE
ATTRIBUTION = Role.ATTRIBUTION
FURNITURE = Role.FURNITURE
NOTE = Role.NOTE

FLOW_ROLES = frozenset({BODY, SUBHEAD, QUESTION, ANSWER, FLOW})
HEADER_ROLES = frozenset({KICKER, HEADLINE, DECK, BYLINE, DATELINE})


@attrs.frozen
class Markup:
    """What Markdown said about a line, once its markup was taken off.

    ``heading`` is the ATX or Setext level (0: none); ``emphasis`` is
    ``"em"`` or ``"strong"`` when emphasis wrapped the whole line; ``quote``
    a ``>`` block quote line, ``item`` a list item, ``image`` a line that held
    an image (its alt text is the line's text, or the line after an image
    without one), ``table`` a table row.
    """

    heading: int = 0
    emphasis: str = ""
    quote: bool = False
    item: bool = False
    image: bool = False
    table: bool = False


@attrs.frozen
class OffsetMap:
    """Sparse map from normalised offsets back to input offsets.

    Normalisation changes length only at a few places (CRLF, ligatures, soft
    hyphens), so we store an anchor at each change instead of a per-character
    table: memory stays proportional to the number of edits.
    """

    norm: tuple[int, ...] = ()
    orig: tuple[int, ...] = ()
    input_length: int = 0

    def to_input(self, pos: int) -> int:
        """Return the input offset of normalised offset ``pos``."""
        i = bisect.bisect_right(self.norm, pos) - 1
        if i < 0:
            return min(pos, self.input_length)
        nxt = self.orig[i + 1] if i + 1 < len(self.orig) else self.input_length
        return min(self.orig[i] + (pos - self.norm[i]), max(nxt, self.orig[i]), self.input_length)

    def span(self, start: int, end: int) -> Span:
        """Map a normalised ``(start, end)`` range to input offsets."""
        if self.norm == (0,) and self.orig == (0,):
            # Nothing was normalised: to_input reduces to capping at the input's
            # end, and most texts need no normalising at all.
            a = min(start, self.input_length)
            b = min(end, self.input_length) if end > start else a
            return (a, max(a, b))
        a = self.to_input(start)
        b = self.to_input(end) if end > start else a
        return (a, max(a, b))


@attrs.frozen
class Line:
    """A non-empty physical line: its text, where it stands, and layout hints.

    ``text`` may differ from ``source[start:end]`` once a pass has edited it;
    the edit is then recorded as a repair, and ``anchors`` keeps the line's own
    offset map, so a later pass can still place its edits in the source (see
    :meth:`to_source` and :meth:`edited`). ``column_width`` is set on column
    fragments cut out of an interleaved line (their own column's width), and
    ``moved`` on fragments put back elsewhere in reading order. ``ranges``
    holds the source ranges the text was read from, in text order, where
    there is more than one (a column line read out of rows that ran on into
    one line); empty, the line is the one range ``start``–``end``.
    """

    text: str
    start: int
    end: int
    index: int
    indent: int = 0
    blank_before: int = 0
    page: int = 0
    role: Role = FLOW
    speaker: str | None = None
    soft_hyphen_end: bool = False
    hard_hyphen_end: bool = False
    column_width: float = 0.0
    moved: bool = False
    # Structure read from Markdown markup (None: plain text, or no markup).
    markup: Markup | None = None
    # (text offset, source offset) at each place where an edit changed the
    # length; empty while the text is the source's own (the usual case).
    anchors: tuple[tuple[int, int], ...] = ()
    ranges: tuple[tuple[int, int], ...] = ()

    @property
    def source_ranges(self) -> tuple[tuple[int, int], ...]:
        """The source ranges this line's text was read from, in text order."""
        return self.ranges or ((self.start, self.end),)

    def to_source(self, pos: int) -> int:
        """The source offset of text offset ``pos`` of this line."""
        k = bisect.bisect_right(self.anchors, pos, key=_text_pos) - 1
        if k < 0:
            return self.start + pos
        at, src = self.anchors[k]
        return src + (pos - at)

    def split_at(self, end: int, resume: int) -> tuple[Line, Line]:
        """This line cut in two: ``text[:end]`` and ``text[resume:]``, each with its map.

        What lies between (the spaces at the cut) belongs to neither part.
        """
        cut, back = self.to_source(end), self.to_source(resume)
        head = _clipped(self.ranges, self.start, cut)
        tail = _clipped(self.ranges, back, self.end)
        before = attrs.evolve(
            self,
            text=self.text[:end],
            end=head[-1][1] if head else cut,
            anchors=tuple(a for a in self.anchors if a[0] <= end),
            ranges=head if len(head) > 1 else (),
        )
        after = attrs.evolve(
            self,
            text=self.text[resume:],
            start=tail[0][0] if tail else back,
            anchors=tuple((t - resume, src) for t, src in self.anchors if t > resume),
            ranges=tail if len(tail) > 1 else (),
        )
        return before, after

    def edited(self, start: int, end: int, after: str) -> Line:
        """This line with ``text[start:end]`` replaced by ``after``, its map kept."""
        return self.edited_many(((start, end, after),))

    def edited_many(self, edits: Sequence[tuple[int, int, str]]) -> Line:
        """This line with each ``(start, end, after)`` made, its map kept.

        ``edits`` are in text order and do not overlap; offsets are into the
        current text. One pass over the text, the edits and the anchors, so
        many edits on one long line cost no more than the line.
        """
        if not edits:
            return self
        pieces: list[str] = []
        anchors: list[tuple[int, int]] = []
        old = self.anchors
        a = 0  # next old anchor to place
        last = 0  # end of the previous edit, in the current text
        shift = 0  # how much longer the new text is so far
        for start, end, after in edits:
            # Old anchors before this edit keep their place, moved by the shift.
            while a < len(old) and old[a][0] <= start:
                if old[a][0] >= last:
                    anchors.append((old[a][0] + shift, old[a][1]))
                a += 1
            while a < len(old) and old[a][0] < end:
                a += 1  # inside the edited range: the new anchor stands for it
            pieces.append(self.text[last:start])
            pieces.append(after)
            shift += len(after) - (end - start)
            anchors.append((end + shift, self.to_source(end)))
            last = end
        pieces.append(self.text[last:])
        anchors.extend((t + shift, s) for t, s in old[a:] if t >= last)
        return attrs.evolve(self, text="".join(pieces), anchors=tuple(anchors))


def _clipped(
    ranges: tuple[tuple[int, int], ...], start: int, end: int
) -> tuple[tuple[int, int], ...]:
    """The parts of ``ranges`` inside ``start``–``end`` (none for a one-range line).

    A line's ranges run forward through the source (they are pieces of one
    line, taken in its order), so a cut at a source offset keeps the pieces
    on its side.
    """
    if not ranges:
        return ()
    return tuple((max(a, start), min(b, end)) for a, b in ranges if b > start and a < end)


def _text_pos(anchor: tuple[int, int]) -> int:
    return anchor[0]


@attrs.frozen
class Block:
    """A unit of output: a paragraph, caption, pull quote or structure field.

    ``joints[i]`` is what goes between ``lines[i]`` and ``lines[i + 1]``:
    ``" "`` for an ordinary wrap, ``""`` where a hyphenated word was resolved.
    """

    role: Role
    lines: tuple[Line, ...]
    joints: tuple[str, ...] = ()
    speaker: str | None = None
    credit: str | None = None
    attribution: str | None = None
    # Where a credit printed in a caption's own lines starts in the source
    # (-1: the credit is a line of its own, or there is none). A search for
    # the credit's text could find another caption's identical credit.
    credit_at: int = -1

    @property
    def text(self) -> str:
        """The block's text with its joints applied."""
        # Asked of every paragraph by every pass after reflow. (Caching it
        # saved nothing measurable: the first access through
        # functools.cached_property costs what the later ones save.)
        lines = self.lines
        joints = self.joints
        if len(joints) == len(lines) - 1 and all(joint == " " for joint in joints):
            return " ".join([line.text for line in lines])  # the usual paragraph
        parts: list[str] = []
        for i, line in enumerate(lines):
            if i:
                parts.append(joints[i - 1] if i - 1 < len(joints) else " ")
            parts.append(line.text)
        return "".join(parts)


@attrs.frozen
class Draft:
    """Everything the passes know so far about one input text."""

    original: str
    source: str
    offsets: OffsetMap
    lines: tuple[Line, ...] = ()
    blocks: tuple[Block, ...] = ()
    repairs: tuple[Repair, ...] = ()
    findings: tuple[Finding, ...] = ()
    paragraph_lines: bool = False
    column_width: float = 0.0
    full_line: float = 0.0
    # The width the text was wrapped at by characters (a plain text filled
    # to a fixed width, a monospaced page): no line that goes on could have
    # held the next word. 0 when the lines show no such width.
    wrap_width: float = 0.0
    flush_text: bool = False
    lexicon: Lexicon | None = None
    dotted_labels: bool = False
    speakers: frozenset[str] = frozenset()
    # The input was read as Markdown: lines may carry Markup hints.
    markdown: bool = False

    def input_span(self, start: int, end: int) -> Span:
        """Map a normalised range to an input span."""
        return self.offsets.span(start, end)

    def fixed_repair(self, kind: str, start: int, end: int, after: str, note: str) -> Repair:
        """A repair by a fixed rule (confidence 1.0) replacing ``source[start:end]``.

        Fixed rules (a credit's label, a soft hyphen that joined nothing) are
        certain, so they clear any ``min_confidence`` (at most 1.0); every
        edit that needs evidence goes through ``_edits.Ledger.propose``.
        """
        span = self.input_span(start, end)
        return Repair(kind, span, self.original[span[0] : span[1]], after, 1.0, note)

    def finding(self, kind: str, start: int, end: int, message: str) -> Finding:
        """Make a finding about ``source[start:end]``."""
        return Finding(kind, self.input_span(start, end), message)
