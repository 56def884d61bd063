"""Words of a printed line that an extractor set apart: put them back in the line.

pdfminer cuts a justified line into text boxes where its word spaces are
wide, and may print a piece of a word or two as a box of its own a few lines
away ("gest what" / "flag should mean on", and "the" alone after the
paragraph). Such an extractor ends every line with a newline straight after
its last word, except a line it cut out of a wider one: that one keeps the
space after it. So where few of a text's lines end in a space, the ones
that do mark the cuts, and they are the only places a piece may go back in.

The piece is a box of one line, a word or two of plain lowercase letters,
itself ending in the cut's space, that reads on from nothing around it. It
goes back after a marked line inside a box, in mid-clause, when both new
links read on and the document prints at least one of the two word pairs it
makes elsewhere ("the flag"). Only one such place within a column's reach
may qualify; when two do, the text cannot tell which, and the piece stays.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence

import attrs
import regex

from ._draft import Line
from ._shapes import ends_terminal, hyphen_piece

# A piece of a line is a word or two of plain lowercase letters.
PIECE = regex.compile(r"^\p{Ll}+(?: +\p{Ll}+)?$")
# How many flow lines either side of the piece the cut may stand: a
# column's worth, which bounds the work per piece.
REACH = 12
# Both new links must read on at least as well as a lowercase word after a
# content word does (1.5); where it stands, the piece reads on from nothing.
MIN_LINK = 1.5
MAX_LINK_WHERE_IT_IS = 0.0
# A space before the newline marks a cut only where it is rare: an extractor
# that ends every line with a space marks nothing.
MAX_MARKED_SHARE = 0.2
WORD = regex.compile(r"[\p{L}']+")


@attrs.frozen
class Tuck:
    """Flow line ``piece`` belongs between flow lines ``after`` and ``after + 1``."""

    piece: int
    after: int


def word_pairs(flow: Sequence[Line]) -> Counter[tuple[str, str]]:
    """Adjacent word pairs of the whole flow, lowercased, across line ends too."""
    words = [w.lower() for line in flow for w in WORD.findall(line.text)]
    return Counter(itertools.pairwise(words))


def _edge(text: str, last: bool) -> str:
    found: list[str] = WORD.findall(text)
    if not found:
        return ""
    return (found[-1] if last else found[0]).lower()


def _marked(line: Line, source: str) -> bool:
    """The source line goes on with a space before its newline (a cut box)."""
    end = line.end
    return not line.ranges and source[end : end + 1] in (" ", "\t")


def _is_piece(flow: Sequence[Line], n: int) -> bool:
    """Line ``n`` is a box of its own (blank or a source gap either side) of a word or two."""
    line = flow[n]
    if line.moved or not PIECE.match(line.text.strip()):
        return False
    before = n == 0 or line.blank_before > 0 or flow[n - 1].index != line.index - 1
    after = (
        n + 1 == len(flow) or flow[n + 1].blank_before > 0 or flow[n + 1].index != line.index + 1
    )
    return before and after


def _seam(flow: Sequence[Line], n: int) -> bool:
    """Flow lines ``n`` and ``n + 1`` are one box's line break in mid-clause."""
    a, b = flow[n], flow[n + 1]
    return (
        b.index == a.index + 1
        and b.page == a.page
        and not b.blank_before
        and not a.moved
        and not b.moved
        and hyphen_piece(a.text) is None
        and not ends_terminal(a.text)
    )


def find_tucks(flow: Sequence[Line], source: str, link: Callable[[str, str], float]) -> list[Tuck]:
    """Each stray piece with the one marked cut it goes back into.

    ``link`` scores how well one text reads on into the next.
    """
    marked = [_marked(line, source) for line in flow]
    if not any(marked) or sum(marked) > MAX_MARKED_SHARE * len(flow):
        return []
    pairs: Counter[tuple[str, str]] | None = None
    found: list[Tuck] = []
    taken: set[int] = set()
    for n, line in enumerate(flow):
        if not marked[n] or not _is_piece(flow, n):
            continue
        text = line.text.strip()
        here = [link(flow[n - 1].text, text)] if n > 0 else []
        if n + 1 < len(flow):
            here.append(link(text, flow[n + 1].text))
        if not here or max(here) > MAX_LINK_WHERE_IT_IS:
            continue
        if pairs is None:
            pairs = word_pairs(flow)
        first, last = _edge(text, False), _edge(text, True)
        fits: list[int] = []
        for s in range(max(0, n - REACH), min(len(flow) - 1, n + REACH)):
            if not marked[s] or s in (n - 1, n) or s in taken or not _seam(flow, s):
                continue
            a, b = flow[s].text, flow[s + 1].text
            left, right = _edge(a, True), _edge(b, False)
            if not (pairs[(left, first)] or pairs[(last, right)]):
                continue
            if link(a, text) < MIN_LINK or link(text, b) < MIN_LINK:
                continue
            fits.append(s)
        if len(fits) == 1:
            taken.add(fits[0])
            found.append(Tuck(n, fits[0]))
    return found
