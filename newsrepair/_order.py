"""Reading order across blocks: put a run of body lines after the line it finishes.

Extractors that keep line breaks read a page box by box, and now and then a
box comes out of turn: the tail of a paragraph follows a caption, a pull
quote or another column's box, while the line it finishes stands several
boxes earlier, cut off in mid-clause. Both ends show it. The cut line has an
*open end* (no stop, a function word or a comma last, a broken word) that
the box after it does not continue (a capital, a hyphen before a capital);
the stray box has an *open start* (a lowercase word) that the line before it
does not lead to (a stop). Only such ends and starts are candidates, so the
work is bounded by them, and each open end looks for starts only within a
window of boxes around it. An attribution line ("— Jane Doe") closes its box:
a pull quote's box printed inside a column is often followed, with no blank
line, by the column's next line.

A pair of jump lines is the printer's own word on order: the line cut off
before "Continued on Page 8" goes on after "Continued from Page 3". That link
is scored as sure as a rejoined broken word, and the two boxes it joins read
on into, and from, no other box; so the box standing between the cut line
and the jump comes out as an open end too, and finds the box it finishes.

A pair is scored by what the move gains in continuity over the three links it
changes (the cut line and the stray box, the stray box's tail and what the cut
line was followed by, and the two boxes the stray one leaves), with
:func:`~newsrepair._columns.plausibility` as the measure of one link. Moves
are given out best first, each end and each box used once a round, never in
a cycle; a few rounds put back a chain of boxes, each finishing the one
before, a box and the boxes put after it moving as one. Every move is a
repair; one under the confidence bar is a finding, and the text stays as
printed.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._columns import plausibility
from ._config import Config
from ._draft import FLOW, FURNITURE, Draft, Line
from ._edits import Ledger
from ._language import Language
from ._lexicon import Lexicon
from ._shapes import FIRST_WORD, ends_terminal, hyphen_piece, starts_lower
from ._tucked import find_tucks

# A chain of boxes grows a link a round; three rounds put back a paragraph
# printed in up to four boxes, and bound the work.
MAX_ROUNDS = 3
# How many boxes (runs of lines) either side of a cut line a stray box may
# stand: a column or a page's worth, which bounds the work per open end.
WINDOW = 10
# The cut line must lead into the stray box clearly (a lowercase word after a
# function word or a comma reads 2.0, a rejoined broken word 3.0), and the
# move as a whole must gain at least this much continuity.
MIN_LINK = 2.0
MIN_GAIN = 3.0
# A single box standing between the cut line and the stray box, set off on
# both sides (an open end before it, a stop before the lowercase start after
# it), is material dropped into the column (a caption, a pull quote): then a
# lowercase word after a content word ("see" + "where") reads on enough.
MIN_LINK_ACROSS_ONE = 1.5
# Both ends of a moved text read on where it is put; the page may still have
# lost the text between, so a move is less sure than a hyphen join.
MOVE_CONFIDENCE = 0.85
# The moved box's last line must read on into what followed the cut line as
# well as a sentence end before a capital does (or better).
MIN_TAIL = 1.0
# An unfinished line before a capital is a seam in an interleaved row, but
# between boxes it is as often a name after a preposition ("in" + "California"):
# weak evidence that the next box does not go on from it.
OPEN_BEFORE_CAPITAL = -0.5
# A page already read column by column from its geometry (side-by-side
# columns of a layout extraction, collapsed rows) is in that reader's order,
# and its boxes are the reader's cells, not boxes the extractor put out of turn.
GEOMETRIC_READINGS = frozenset({"columns", "collapsed_columns"})
# A printed column is at most this many characters wide. A wider "column" is
# paragraphs written one to a line (Markdown, an earlier repair's output):
# their ends are the writer's, not a page's, and no box there is out of turn.
MAX_PRINTED_WIDTH = 120
# The best cut line for a box must beat the next by this much.
AMBIGUITY_MARGIN = 1.0
# The cut line holds at least this many words.
MIN_CUT_WORDS = 3
# An attribution line ("— Jane Doe") closes its box though it has no stop.
ATTRIBUTION_WORDS = 5
# A jump line ("Continued on Page 8") after an unfinished line says where that
# line goes on: after the next jump line ("Continued from Page 3"). That is
# the printer's own word, as sure as a rejoined broken word; and the two boxes
# it joins then go on from, and into, no other box.
JUMP_LINK = 3.0
JUMPED_PAST = -1.0
# How many furniture lines (a folio, a running head) may stand between a jump
# line and the body line it belongs to.
JUMP_REACH = 4


@attrs.frozen
class Box:
    """A run of body lines printed together: ``flow[first:last]``."""

    first: int
    last: int


@attrs.frozen
class Moved:
    """The flow in its new order and where moved boxes were put.

    ``heads`` holds the links (source starts of the two lines) into moved
    boxes: each is the move's evidence, a join the move already accounts for.
    """

    flow: list[Line]
    heads: frozenset[tuple[int, int]]


def boxes(flow: Sequence[Line]) -> list[Box]:
    """Cut the flow into runs of lines that follow each other in the source.

    An attribution line ("— Jane Doe") closes its box too: it ends a pull
    quote, and an extractor that prints the quote's box inside a column may
    go on with the column's next line without a blank line between.
    """
    found: list[Box] = []
    first = 0
    for n in range(1, len(flow)):
        a, b = flow[n - 1], flow[n]
        if (
            b.index != a.index + 1
            or b.blank_before
            or b.page != a.page
            or a.moved
            or b.moved
            or _attribution(a.text)
        ):
            found.append(Box(first, n))
            first = n
    if flow:
        found.append(Box(first, len(flow)))
    return found


def reads_on(left: str, right: str, lexicon: Lexicon, lang: Language) -> float:
    """How well box text ``right`` continues ``left``: :func:`plausibility`, for boxes.

    Three readings differ from a seam inside a line: an open line before a
    capital is only weak evidence of a break, an attribution line ends its box,
    and an article is never followed by a question word ("the" + "where").
    """
    if _attribution(left):
        return -1.0 if starts_lower(right) else 1.0
    score = plausibility(left, right, lexicon, lang)
    if score < OPEN_BEFORE_CAPITAL and hyphen_piece(left) is None and not ends_terminal(left):
        first = FIRST_WORD.match(right)
        if first and first.group(1)[:1].isupper():
            return OPEN_BEFORE_CAPITAL
    if score > 0 and starts_lower(right):
        last = left.split()[-1].lower()
        word = right.split()[0].lower()
        if last in lang.binding_words - lang.prepositions and lang.interrogative.match(word):
            return -1.5
    return score


def _attribution(text: str) -> bool:
    return text[:1] in "—–" and len(text.split()) <= ATTRIBUTION_WORDS


def _content_beside(draft: Draft, k: int, step: int) -> Line | None:
    """The nearest line from ``lines[k]`` on, by ``step``, that is not furniture."""
    lines = draft.lines
    for n in range(k + step, k + step * (JUMP_REACH + 1), step):
        if not 0 <= n < len(lines):
            return None
        if lines[n].role != FURNITURE:
            return lines[n]
    return None


def jumps(
    flow: Sequence[Line], runs: Sequence[Box], draft: Draft, lang: Language
) -> dict[int, int]:
    """The boxes jump lines join: box of an unfinished line before a jump -> box after the next.

    The jump lines are taken in pairs in their printed order, the first after
    a body line cut in mid-clause, the second before a body line that starts
    in lowercase; anything else is no evidence, and nothing is joined.
    """
    found = [
        k
        for k, line in enumerate(draft.lines)
        if line.role == FURNITURE and lang.jump_line.match(line.text)
    ]
    ending = {flow[box.last - 1].index: k for k, box in enumerate(runs)}
    opening = {flow[box.first].index: k for k, box in enumerate(runs)}
    joined: dict[int, int] = {}
    for out, into in zip(found[::2], found[1::2], strict=False):
        cut, goes_on = _content_beside(draft, out, -1), _content_beside(draft, into, 1)
        if cut is None or goes_on is None or cut.role != FLOW or goes_on.role != FLOW:
            continue
        e, s = ending.get(cut.index), opening.get(goes_on.index)
        if (
            e is not None
            and s is not None
            and e != s
            and not ends_terminal(flow[runs[e].last - 1].text)
            and starts_lower(flow[runs[s].first].text)
        ):
            joined[e] = s
    return joined


def _movable(flow: Sequence[Line], box: Box) -> bool:
    """A box moves whole only as whole lines: nothing of an interleaved line.

    A box that follows a placed column fragment is held too: the fragment's
    link into it is that move's evidence. An edited line (a soft hyphen read,
    a ligature expanded) moves with its edit: the move changes no character.
    """
    return (box.first == 0 or not flow[box.first - 1].moved) and not any(
        line.moved for line in flow[box.first : box.last]
    )


def _may_take(flow: Sequence[Line], runs: Sequence[Box], k: int) -> bool:
    """Whether box ``k`` may have a box put after it: its end and what follows are whole lines.

    A placed column fragment's link into the next line is that move's
    evidence, so no box goes between them.
    """
    if flow[runs[k].last - 1].moved:
        return False
    return k + 1 >= len(runs) or not flow[runs[k + 1].first].moved


def reorder(
    flow: list[Line],
    draft: Draft,
    config: Config,
    lexicon: Lexicon,
    lang: Language,
    ledger: Ledger,
) -> Moved:
    """Move each stray box after the cut line it continues, where the evidence is clear.

    Moves are found in rounds: a box put after its cut line may itself end
    cut off, and finish only in a box that the first round could not move
    (its tail read on into nothing). From the second round on, a box and the
    boxes put after it are one unit, moved whole, so a chain grows a link a
    round and is never cut or made a cycle.
    """
    if (
        len(boxes(flow)) < 3
        or not 0 < draft.column_width <= MAX_PRINTED_WIDTH
        or any(r.kind in GEOMETRIC_READINGS for r in draft.repairs)
    ):
        return Moved(flow, frozenset())
    # Each moved line once, with the cut line it finishes.
    moves: dict[int, tuple[Line, Line]] = {}
    flow, heads = _tuck_pieces(flow, draft, config, (lexicon, lang), ledger, moves)
    for _round in range(MAX_ROUNDS):
        runs = _units(flow, heads)
        found = _move_round(flow, runs, draft, config, lexicon, lang, ledger)
        if found is None:
            break
        flow, new_heads, moved = found
        heads |= new_heads
        # A line moved again with its unit still finishes the line it was
        # first put after.
        for start, move in moved.items():
            moves.setdefault(start, move)
    for line, cut in moves.values():
        _propose_line(ledger, line, cut)
    return Moved(flow, frozenset(heads))


def _tuck_pieces(
    flow: list[Line],
    draft: Draft,
    config: Config,
    words: tuple[Lexicon, Language],
    ledger: Ledger,
    moves: dict[int, tuple[Line, Line]],
) -> tuple[list[Line], set[tuple[int, int]]]:
    """Put each piece of a cut line back after the marked cut it finishes (see ``_tucked``).

    Under the confidence bar each such move is proposed (a finding) and the
    flow stays as printed.
    """
    lexicon, lang = words
    tucks = find_tucks(flow, draft.source, lambda a, b: reads_on(a, b, lexicon, lang))
    if not tucks:
        return flow, set()
    if config.min_confidence > MOVE_CONFIDENCE:
        for tuck in tucks:
            _propose_line(ledger, flow[tuck.piece], flow[tuck.after])
        return flow, set()
    pieces = {tuck.after: tuck.piece for tuck in tucks}
    gone = set(pieces.values())
    out: list[Line] = []
    heads: set[tuple[int, int]] = set()
    for n, line in enumerate(flow):
        if n in gone:
            continue
        out.append(line)
        k = pieces.get(n)
        if k is not None:
            piece, nxt = flow[k], flow[n + 1]
            out.append(piece)
            heads.update(((line.start, piece.start), (piece.start, nxt.start)))
            moves[piece.start] = (piece, line)
    return out, heads


def _units(flow: Sequence[Line], heads: set[tuple[int, int]]) -> list[Box]:
    """The flow's boxes, each box merged with the boxes already put after it."""
    units: list[Box] = []
    for box in boxes(flow):
        if units and (flow[units[-1].last - 1].start, flow[box.first].start) in heads:
            units[-1] = Box(units[-1].first, box.last)
        else:
            units.append(box)
    return units


def _move_round(
    flow: list[Line],
    runs: Sequence[Box],
    draft: Draft,
    config: Config,
    lexicon: Lexicon,
    lang: Language,
    ledger: Ledger,
) -> tuple[list[Line], set[tuple[int, int]], dict[int, tuple[Line, Line]]] | None:
    """One round of moves over ``runs``: the new flow, its new links and moved lines.

    None when nothing moves (under the confidence bar each move found is
    reported as a finding instead).
    """
    if len(runs) < 3:
        return None
    jumped = jumps(flow, runs, draft, lang)
    jumped_into = set(jumped.values())

    def link(a: int | None, b: int | None) -> float:
        """How well box ``b``'s first line continues box ``a``'s last (0 at an edge)."""
        if a is None or b is None or not 0 <= a < len(runs) or not 0 <= b < len(runs):
            return 0.0
        if jumped.get(a) == b:
            return JUMP_LINK
        score = reads_on(flow[runs[a].last - 1].text, flow[runs[b].first].text, lexicon, lang)
        if a in jumped or b in jumped_into:
            return min(score, JUMPED_PAST)
        return score

    # Candidates first, so that scoring is bounded by them: open ends whose
    # next box does not go on from them, open starts the box before does not
    # lead to.
    ends: list[int] = []
    starts: set[int] = set()
    movable = [_movable(flow, box) for box in runs]
    for k, box in enumerate(runs):
        tail = flow[box.last - 1].text
        # A line of a word or two is layout debris (a narrow box, stacked
        # words), not a line of running text cut in mid-clause.
        is_open = len(tail.split()) >= MIN_CUT_WORDS and (
            hyphen_piece(tail) is not None or not ends_terminal(tail)
        )
        if is_open and _may_take(flow, runs, k) and link(k, k + 1) < 0:
            ends.append(k)
        if movable[k] and starts_lower(flow[box.first].text) and link(k - 1, k) < 0:
            starts.add(k)
    candidates: list[tuple[float, int, int]] = []
    for i in ends:
        for j in range(max(0, i - WINDOW), min(len(runs), i + WINDOW + 1)):
            if j not in starts or j in (i, i + 1):
                continue
            head, back = link(i, j), link(j, i + 1)
            least = MIN_LINK_ACROSS_ONE if j == i + 2 else MIN_LINK
            if head < least or (i + 1 < len(runs) and back < MIN_TAIL):
                continue
            # The three links the move makes, less the three it breaks.
            gain = (
                head + back + link(j - 1, j + 1) - link(i, i + 1) - link(j - 1, j) - link(j, j + 1)
            )
            if gain >= MIN_GAIN:
                candidates.append((gain, i, j))
    # A stray box has one cut line it finishes: when two read into it about
    # as well, the text cannot tell which, and the box stays where it is.
    by_box: dict[int, list[float]] = {}
    for gain, _i, j in candidates:
        by_box.setdefault(j, []).append(gain)
    clear = {
        j for j, gains in by_box.items() if len(gains) < 2 or _margin(gains) >= AMBIGUITY_MARGIN
    }
    candidates = [c for c in candidates if c[2] in clear]
    if not candidates:
        return None
    # Best first; among equal gains the nearer box wins (boxes out of turn
    # are most often a box or two from where they belong).
    candidates.sort(key=lambda c: (-c[0], abs(c[2] - c[1]), c[1], c[2]))
    after: dict[int, int] = {}  # destination box -> the box put after it
    parent: dict[int, int] = {}  # moved box -> its destination
    used: set[int] = set()
    for _gain, i, j in candidates:
        if i in used or j in used:
            continue
        used.update((i, j))
        after[i] = j
        parent[j] = i
    if config.min_confidence > MOVE_CONFIDENCE:
        for i, j in sorted(after.items()):
            for line in flow[runs[j].first : runs[j].last]:
                _propose_line(ledger, line, flow[runs[i].last - 1])
        return None
    out: list[Line] = []
    heads: set[tuple[int, int]] = set()
    moved: dict[int, tuple[Line, Line]] = {}

    def emit(k: int) -> None:
        box = runs[k]
        out.extend(flow[box.first : box.last])
        nxt = after.get(k)
        if nxt is not None:
            cut = flow[box.last - 1]
            heads.add((cut.start, flow[runs[nxt].first].start))
            for line in flow[runs[nxt].first : runs[nxt].last]:
                moved[line.start] = (line, cut)
            emit(nxt)

    # Each box takes part in one move a round at most, so a chain is one
    # link longer a round and no box is put after itself.
    for k in range(len(runs)):
        if k not in parent:
            emit(k)
    return out, heads, moved


def _margin(gains: list[float]) -> float:
    best, second = sorted(gains, reverse=True)[:2]
    return best - second


def propose_move(ledger: Ledger, line: Line, note: str) -> bool:
    """Record ``line`` moved to a new place in reading order (text unchanged).

    The move is order only: its ``before`` is its ``after``, the line as it
    stands, so an edit already made on the line keeps its own repair.
    """
    return ledger.propose(
        "move", line.start, line.end, line.text, MOVE_CONFIDENCE, note, before=line.text
    )


def _propose_line(ledger: Ledger, line: Line, cut: Line) -> None:
    note = f"a box of body lines out of turn moved after the line it finishes '…{cut.text[-30:]}'"
    propose_move(ledger, line, note)
