"""Side-by-side columns whose rows ran on into one paragraph line.

An extractor that writes one paragraph per line (pymupdf4llm's text and
Markdown output, e-paper copy) sometimes reads a page of two to four columns
row by row and writes every row of every column into one long line: the
first column's line, then the second column's line on the same row, and so
on. No line end is left to cut the rows by, so neither the geometry of the
rows nor the collapsed-columns reader can see them.

What survives is the broken words. A column's line that ended in a broken
word ("Rehabilita-") is continued at the start of the *same column's* next
line, one row later; in the run-on line that continuation stands about one
row (every column's width) further on, as an orphan ("tion"), while the
piece itself was run into whatever came next in the stream, the next
column's first word: glued ("Rehabilitaher", when the extractor rejoined the
broken word) or spaced ("con- former", when it did not). Ordinary text holds
neither shape: its broken words were rejoined with their true continuation.

A *seam* is one such broken word: a piece that does not read on into the
word after it, and an orphan a little further on that completes it to a
word the document or the lexicon knows. A line holding several seams is
reported; each seam is found from tokens indexed once, with a bounded
look-ahead, so the cost is linear in the line.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ._draft import Line
from ._edits import Ledger
from ._lexicon import NO_WORD, Lexicon
from ._shapes import hyphen_piece

_TOKEN = regex.compile(r"\S+")
# A token's word: letters, with quotes and punctuation around them set aside.
_CORE = regex.compile(r"^[\"'“‘(\[]*(\p{L}+)[.,;:!?\"'”’)\]]*$")
_ORPHAN = regex.compile(r"^(\p{Ll}+)[.,;:!?\"'”’)\]]*$")

# The orphan continuation stands one row further on: at most every column's
# width (four columns of at most 70 characters) and a little slack.
_LOOK_AHEAD = 320
# A glued token is at least this long; its pieces at least this long.
_MIN_GLUED = 5
_MIN_PIECE = 2
_MAX_GLUED = 32
# An orphan is at least this long, and no word as common as "the" or "was":
# those follow anything, and complete too many pieces by chance ("Mo" + "an").
_MIN_ORPHAN = 3
_FUNCTION_ZIPF = 6.0
# The next column's word that a piece was glued to is a word in its own
# right: this common, or written elsewhere in the document.
_WORD_ZIPF = 3.0
# A broken word rejoined by its orphan is this common, or in the document.
_JOINED_ZIPF = 2.5
# A run-on line of columns breaks a word every few column lines: far fewer
# than one token in this many looks broken (a non-word, or a piece left with
# its hyphen; at most one in 18 on the gate's run-on lines).
_TOKENS_PER_CANDIDATE = 8
# A line is reported when it holds this many seams, and at least one per
# this many characters (a row of two columns is about 80 characters, and a
# column breaks a word every few lines).
_MIN_SEAMS = 3
_CHARS_PER_SEAM = 400
# Lines shorter than this hold too few rows to show their seams.
_MIN_LINE = 240


@attrs.frozen
class Seam:
    """One broken column line inside a run-on line (offsets in the line's text).

    ``piece`` ends where the broken word's first piece ends (inside a glued
    token, or before its hyphen); ``orphan`` is where its continuation starts.
    """

    piece: int
    orphan: int
    glued: bool


def _is_word(lexicon: Lexicon, word: str) -> bool:
    return lexicon.count(word) >= 2 or lexicon.zipf(word) >= _WORD_ZIPF


def _joins(lexicon: Lexicon, head: str, tail: str) -> bool:
    joined = head + tail
    return lexicon.count(joined) >= 1 or lexicon.zipf(joined) >= _JOINED_ZIPF


def _non_word(lexicon: Lexicon, word: str) -> bool:
    return lexicon.count(word) <= 1 and lexicon.zipf(word) < NO_WORD


def _glued_heads(lexicon: Lexicon, core: str) -> list[int]:
    """Where a glued non-word may be cut into a broken piece and a next word."""
    cuts: list[int] = []
    for k in range(_MIN_PIECE, len(core) - _MIN_PIECE + 1):
        head, rest = core[:k], core[k:]
        if not head[-1].islower():
            continue
        # A capital inside a lowercase word marks the seam by itself; the
        # next column's word then needs only to be known.
        if rest[0].isupper():
            if lexicon.count(rest) >= 1 or lexicon.zipf(rest) >= _JOINED_ZIPF:
                cuts.append(k)
        elif _is_word(lexicon, rest):
            cuts.append(k)
    return cuts


def seams(text: str, lexicon: Lexicon) -> list[Seam]:
    """The broken column lines of ``text`` whose continuation stands further on."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    orphans: list[tuple[int, str]] = []
    for start, _end, tok in toks:
        found = _ORPHAN.match(tok)
        orphans.append((start, found.group(1)) if found else (start, ""))
    found_seams: list[Seam] = []
    used: set[int] = set()
    candidates = 0
    for i, (start, end, tok) in enumerate(toks):
        spelled = ""
        heads: list[tuple[int, str, bool]] = []
        piece = hyphen_piece(tok)
        if piece is not None:
            # The next column's first word follows the piece: a word of its
            # own that does not complete it (OCR debris after a hyphen is
            # no column's word).
            nxt = _CORE.match(toks[i + 1][2]) if i + 1 < len(toks) else None
            if nxt is None or not _is_word(lexicon, nxt.group(1)):
                continue
            if _joins(lexicon, piece, nxt.group(1).lower()):
                continue
            heads.append((end - 1, piece, False))
            candidates += 1
        else:
            core = _CORE.match(tok)
            if core is None:
                continue
            word = core.group(1)
            if not _MIN_GLUED <= len(word) <= _MAX_GLUED or not _non_word(lexicon, word):
                continue
            candidates += 1
            base = start + core.start(1)
            heads.extend((base + k, word[:k], True) for k in _glued_heads(lexicon, word))
            spelled = word.lower()
        if candidates * _TOKENS_PER_CANDIDATE > i + 1 + _TOKENS_PER_CANDIDATE * _MIN_SEAMS:
            # So many broken-looking tokens are OCR debris or a language the
            # lexicon does not hold, not columns; and each costs a look-ahead,
            # so the line is given up as soon as its tokens so far show it.
            return []
        if not heads:
            continue
        hit = _orphan_for(lexicon, heads, orphans, i + 1, end, used, spelled)
        if hit is not None:
            found_seams.append(hit)
    return found_seams


def _orphan_for(
    lexicon: Lexicon,
    heads: Sequence[tuple[int, str, bool]],
    orphans: Sequence[tuple[int, str]],
    first: int,
    end: int,
    used: set[int],
    spelled: str,
) -> Seam | None:
    """The first orphan within one row that completes one of ``heads``.

    A completion that only spells the glued token again is no evidence.
    """
    for j in range(first, len(orphans)):
        at, tail = orphans[j]
        if at - end > _LOOK_AHEAD:
            break
        if len(tail) < _MIN_ORPHAN or j in used or lexicon.zipf(tail) >= _FUNCTION_ZIPF:
            continue
        for piece_end, head, glued in heads:
            if _joins(lexicon, head, tail) and (head + tail).lower() != spelled:
                used.add(j)
                return Seam(piece_end, at, glued)
    return None


def run_on_lines(lines: Sequence[Line], lexicon: Lexicon) -> list[tuple[int, list[Seam]]]:
    """Lines that hold the rows of side-by-side columns run on, with their seams."""
    found: list[tuple[int, list[Seam]]] = []
    for k, line in enumerate(lines):
        if len(line.text) < _MIN_LINE:
            continue
        got = seams(line.text, lexicon)
        if len(got) >= _MIN_SEAMS and len(got) * _CHARS_PER_SEAM >= len(line.text):
            found.append((k, got))
    return found


def report(ledger: Ledger, lines: Sequence[Line], lexicon: Lexicon) -> None:
    """A finding over each line that holds run-on rows of columns.

    Only a finding: the seams say where broken column lines stand, not yet
    where every row of every column begins, and cutting an ordinary long
    paragraph is the worst outcome.
    """
    for k, found in run_on_lines(lines, lexicon):
        line = lines[k]
        glued = sum(1 for s in found if s.glued)
        ledger.find(
            "run_on_columns",
            line.start,
            line.end,
            f"{len(found)} broken words continued about a row further on "
            f"({glued} run into the next column's word, {len(found) - glued} "
            "left before it with their hyphen): rows of side-by-side columns run "
            "on into one line",
        )
