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
from ._language import Language
from ._lexicon import NO_WORD, Lexicon
from ._shapes import hyphen_piece
from ._unwrapped import split_run_in_jumps

_TOKEN = regex.compile(r"\S+")
# A token's word: letters, with quotes and punctuation around them set aside.
# A hyphenated compound's last part is its word ("neo-paCulture": the piece
# "pa" of "pagan" ran into the next column's "Culture").
_CORE = regex.compile(r"^[\"'“‘(\[]*(?:\p{L}+-)*(\p{L}+)[.,;:!?\"'”’)\]]*$")
_ORPHAN = regex.compile(r"^(\p{Ll}+)[.,;:!?\"'”’)\]]*$")

# The orphan continuation stands one row further on: at most every column's
# width (four columns of at most 70 characters) and a little slack.
_LOOK_AHEAD = 320
# A glued token is at least this long; its pieces at least this long.
_MIN_GLUED = 4
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
# Seams stand one row apart: at least this share of them within this share
# of their median distance (justified lines differ by a word or so).
_ROW_SPREAD = 0.25
_NEAR_SHARE = 0.6
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


def _rare(lexicon: Lexicon, word: str) -> bool:
    return lexicon.count(word) <= 1 and lexicon.zipf(word) < _WORD_ZIPF


def _glued_heads(lexicon: Lexicon, core: str) -> list[int]:
    """Where a glued non-word may be cut into a broken piece and a next word."""
    cuts: list[int] = []
    for k in range(_MIN_PIECE, len(core)):
        head, rest = core[:k], core[k:]
        # The next column's word is at least two letters, or as common as
        # "a": a line may open with one.
        if len(rest) < _MIN_PIECE and lexicon.zipf(rest) < _FUNCTION_ZIPF:
            continue
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
    orphans = _Orphans(lexicon, toks)
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
            if not _MIN_GLUED <= len(word) <= _MAX_GLUED:
                continue
            base = start + core.start(1)
            # A broken piece may run into an orphan rather than a word: the
            # next column's line opened with the rest of a word broken a
            # row before ("Chris" + "gions", the rest of "reli-"). That
            # orphan is proven already, so the token needs no other test.
            heads.extend(
                (base + k, word[:k], True)
                for k in range(_MIN_PIECE, len(word) - _MIN_ORPHAN + 1)
                if base + k in used and word[k - 1].islower()
            )
            if _non_word(lexicon, word):
                candidates += 1
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


class _Orphans:
    """Each token's possible orphans, worked out when a broken piece first asks.

    Most lines hold no broken piece at all, and their tokens' orphans (a
    lexicon look-up per long token) would never be read.
    """

    def __init__(self, lexicon: Lexicon, toks: Sequence[tuple[int, int, str]]) -> None:
        self._lexicon = lexicon
        self._toks = toks
        self._found: dict[int, list[tuple[int, str]]] = {}

    def __len__(self) -> int:
        return len(self._toks)

    def __getitem__(self, j: int) -> list[tuple[int, str]]:
        got = self._found.get(j)
        if got is None:
            start, _end, tok = self._toks[j]
            got = self._found[j] = _orphans_in(self._lexicon, start, tok)
        return got

    def start(self, j: int) -> int:
        """Where token ``j`` starts in the line."""
        return self._toks[j][0]


def _orphan_for(
    lexicon: Lexicon,
    heads: Sequence[tuple[int, str, bool]],
    orphans: _Orphans,
    first: int,
    end: int,
    used: set[int],
    spelled: str,
) -> Seam | None:
    """The first orphan within one row that completes one of ``heads``.

    A completion that only spells the glued token again is no evidence.
    """
    fallback: Seam | None = None
    for j in range(first, len(orphans)):
        if orphans.start(j) - end > _LOOK_AHEAD:
            break  # every orphan of this token and the next stands further still
        found = orphans[j]
        if not found:
            continue
        if found[0][0] - end > _LOOK_AHEAD:
            break
        for at, tail in found:
            if len(tail) < _MIN_ORPHAN or at in used or lexicon.zipf(tail) >= _FUNCTION_ZIPF:
                continue
            for piece_end, head, glued in heads:
                if _joins(lexicon, head, tail) and (head + tail).lower() != spelled:
                    if _rare(lexicon, tail):
                        used.add(at)
                        return Seam(piece_end, at, glued)
                    # A word of its own ("ring" after "sta") may complete
                    # the piece by chance; a rest that is no word ("tion")
                    # further on is the surer orphan.
                    if fallback is None:
                        fallback = Seam(piece_end, at, glued)
    if fallback is not None:
        used.add(fallback.orphan)
    return fallback


def _orphans_in(lexicon: Lexicon, start: int, tok: str) -> list[tuple[int, str]]:
    """Where a broken word's continuation may start in ``tok``: offsets and letters.

    A lowercase token may be one whole; inside a glued non-word, so may any
    lowercase rest after a lowercase piece ("Chrisgions": "gions", the rest
    of another column's "reli-", ran on after "Chris").
    """
    found = _ORPHAN.match(tok)
    out = [(start, found.group(1))] if found else []
    core = _CORE.match(tok)
    if core is None:
        return out
    word = core.group(1)
    # Looser than a glued candidate's test: a rare word ("beter") may be
    # two pieces too, and the orphan still has to complete a broken piece.
    if not _MIN_GLUED <= len(word) <= _MAX_GLUED or not _rare(lexicon, word):
        return out
    base = start + core.start(1)
    letters = word.lower()
    out.extend(
        (base + k, letters[k:])
        for k in range(_MIN_PIECE, len(word) - _MIN_ORPHAN + 1)
        if word[k - 1].islower() and word[k].islower()
    )
    return out


def run_on_lines(lines: Sequence[Line], lexicon: Lexicon) -> list[tuple[int, list[Seam]]]:
    """Lines that hold the rows of side-by-side columns run on, with their seams."""
    found: list[tuple[int, list[Seam]]] = []
    for k, line in enumerate(lines):
        if len(line.text) < _MIN_LINE:
            continue
        got = seams(line.text, lexicon)
        dense = len(got) >= _MIN_SEAMS and len(got) * _CHARS_PER_SEAM >= len(line.text)
        if dense and _one_row_apart(got):
            found.append((k, got))
    return found


def _one_row_apart(found: Sequence[Seam]) -> bool:
    """Whether most seams' orphans stand about as far on: one row of the other columns.

    Columns of one width put every continuation the same distance on (the
    other columns' lines of a row); broken-looking words completed by chance
    (OCR debris, rare words) stand anywhere within the look-ahead.
    """
    gaps = sorted(s.orphan - s.piece for s in found)
    middle = gaps[len(gaps) // 2]
    near = sum(1 for g in gaps if abs(g - middle) <= _ROW_SPREAD * middle)
    return near >= _MIN_SEAMS and near >= _NEAR_SHARE * len(gaps)


# Reading a run-on line: cut it into column lines and read column by column.
#
# Each seam pins two cuts: the broken piece ends a column's line, and its
# orphan opens the same column's next line, one row (every other column's
# line) later. Between the pins the line is cut into pieces of about one
# column's width (justified lines are nearly equal); the i-th piece belongs
# to column i mod k. The distance between a piece and its orphan is k - 1
# column lines; the number of columns is the one whose cutting costs least.
_MAX_COLUMNS = 4
_MIN_WIDTH = 14
_MAX_WIDTH = 70
# A column line is at most this share longer than the width; one that ends
# no sentence costs the more the further its length is from the width.
_SLACK = 0.12
_LENGTH_WEIGHT = 8.0
# Each piece costs a little: a hypothesis of narrower columns cuts more.
_PER_PIECE = 0.15
# A line that ends no sentence is at least this share of the width.
_MIN_OPEN = 0.55
_PARAGRAPH_END = 1.0
# States of the search kept per cut.
_BEAM = 32
# Scores (log-odds-like units, as the collapsed-columns reader's) of how a
# column's line reads on into its next line.
_STOP_THEN_CAPITAL = 0.6
_STOP_THEN_LOWER = -1.5
_OPEN_THEN_LOWER = 0.5
_OPEN_THEN_CAPITAL = -0.2
_NEXT_WORD_FITS = -1.5
_BEST_LINK = max(_STOP_THEN_CAPITAL, _OPEN_THEN_LOWER)
_OPENING = regex.compile(r"^[\"'“‘(\[]*[\p{Lu}\p{N}]")
_HALF_WORD = 3
_WIDER = 1 + _SLACK
_TERMINAL = regex.compile(r"[.!?…:][\"'”’)\]]*$")
# Confidence of a reading: three seams that pin it, none left over, stand at
# the bar; each further seam adds a little.
_BASE_CONFIDENCE = 0.68
_PER_SEAM = 0.04
_TOP_CONFIDENCE = 0.92
# A seam that pins nothing (its orphan not one row on) weighs double against.
_AGAINST_WEIGHT = 2


@attrs.frozen
class Reading:
    """How to read one run-on line: its pieces (text ranges) column by column.

    ``pieces[c]`` are column ``c``'s lines in order, each a tuple of text
    ranges (more than one where a broken word glued to the next column's
    word is joined again with its orphan).
    """

    columns: int
    width: int
    pieces: tuple[tuple[tuple[tuple[int, int], ...], ...], ...]  # column, line, ranges
    # Seams that pin the cutting, and seams found that pin nothing.
    agree: int
    against: int

    @property
    def confidence(self) -> float:
        """Seams that pin the reading make it surer; each left over counts double."""
        events = self.agree - _AGAINST_WEIGHT * self.against
        return min(_TOP_CONFIDENCE, _BASE_CONFIDENCE + _PER_SEAM * events)


def _atoms(text: str, found: Sequence[Seam]) -> list[tuple[int, int]]:
    """The line's tokens, a glued token cut where its broken piece ends.

    An orphan may stand inside a token too (the rest of a word run on after
    another column's piece): the token is cut where it starts.
    """
    cuts = sorted({s.piece for s in found if s.glued} | {s.orphan for s in found})
    atoms: list[tuple[int, int]] = []
    at = 0
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        while at < len(cuts) and cuts[at] <= start:
            at += 1
        while at < len(cuts) and cuts[at] < end:
            atoms.append((start, cuts[at]))
            start = cuts[at]
            at += 1
        atoms.append((start, end))
    return atoms


@attrs.frozen
class _Geometry:
    """What the search for a run-on line's cutting knows: its atoms, seams and columns."""

    text: str
    atoms: Sequence[tuple[int, int]]
    # For each boundary: the orphan's boundary when a broken piece ends
    # there, and the piece's boundary when an orphan opens there (else -1).
    orphan_at: Sequence[int]
    piece_at: Sequence[int]
    width: int
    columns: int

    def word(self, k: int) -> str:
        a, b = self.atoms[k]
        return self.text[a:b]


def _length_cost(geo: _Geometry, i: int, j: int) -> float:
    """What a column line of atoms ``i`` to ``j`` costs by its length (inf: impossible)."""
    length = geo.atoms[j - 1][1] - geo.atoms[i][0]
    width = geo.width
    if length > width * (1 + _SLACK) + 1 and j > i + 1:
        return float("inf")
    ends = bool(_TERMINAL.search(geo.word(j - 1)))
    if not ends and length < _MIN_OPEN * width and geo.orphan_at[j] < 0:
        # A line that ends no sentence fills its column (unless a broken
        # word ends it: then the pins say so).
        return float("inf")
    # The seams measure lines that end in a broken word: the fullest. A line
    # that ends before a whole word is short by about half a word.
    off = (length - (width - _HALF_WORD)) / width
    if ends and length < _MIN_OPEN * width and j < len(geo.atoms):
        # A short line that ends a sentence ends its paragraph: rare inside
        # running columns, and a cheap way to misread a row if free (the
        # last column's last line is the end of the text).
        return _PER_PIECE + _PARAGRAPH_END
    return _PER_PIECE + (_LENGTH_WEIGHT * off * off if off > 0 or not ends else 0.0)


def _link(geo: _Geometry, above: tuple[int, int], first: int) -> float:
    """What it costs that column line ``above`` reads on into the line opening at ``first``."""
    last = geo.word(above[1] - 1)
    nxt = geo.word(first)
    if _TERMINAL.search(last):
        score = _STOP_THEN_CAPITAL if _OPENING.search(nxt) else _STOP_THEN_LOWER
    else:
        score = _OPEN_THEN_LOWER if nxt[:1].islower() else _OPEN_THEN_CAPITAL
        # A line is filled before it breaks: had the next word fitted, it
        # would stand on this line. Character counts of proportional type
        # are rough (a justified line of capitals and wide spaces holds a
        # slack's share fewer letters), so only room beyond that counts.
        length = geo.atoms[above[1] - 1][1] - geo.atoms[above[0]][0]
        room = geo.width - (length + 1 + len(nxt))
        give = _SLACK * geo.width
        if room > give:
            score += _NEXT_WORD_FITS * min(1.0, (room - give) / give)
    # As a cost, never a gain: more lines must not read better than fewer
    # only for being more (columns half as wide cut twice as many).
    return _BEST_LINK - score


# A state of the search: the last ``columns`` + 1 cuts (the oldest first;
# -1 before the line starts) and how many lines so far, modulo ``columns``.
_State = tuple[tuple[int, ...], int]
_Table = list[dict[_State, tuple[float, "_State | None"]]]


def _cut(geo: _Geometry) -> tuple[list[int], float] | None:
    """The best cuts of the line's atoms into column lines: boundary indices and cost.

    A boundary ``j`` cuts before atom ``j``. A line's column goes on
    ``columns`` lines later, so each state holds the last ``columns`` + 1
    cuts: the same column's line above the next one is known, a broken
    piece's line must be read on by the line its orphan opens, and each
    column's lines are scored as they read on. The line ends a row (the
    number of lines is a multiple of ``columns``). A beam bounds the states
    per boundary, so the time is linear in the line.
    """
    n = len(geo.atoms)
    k = geo.columns
    widest = geo.width * (1 + _SLACK) + 1
    start: _State = ((-1,) * k + (0,), 0)
    table: _Table = [{} for _ in range(n + 1)]
    table[0][start] = (0.0, None)
    for i in range(n):
        here = table[i]
        if not here:
            continue
        if len(here) > _BEAM:
            here = table[i] = dict(sorted(here.items(), key=_state_cost)[:_BEAM])
        # Each line's end with its cost and the table it lands in, looked up
        # once per atom rather than once per state.
        steps = [(j, step, table[j]) for j, step in _steps(geo, i, widest)]
        links: dict[tuple[int, int], float] = {}
        for state, (cost, _back) in here.items():
            cuts, phase = state
            above = (cuts[0], cuts[1])
            if geo.orphan_at[above[1]] >= 0 and above[0] >= 0 and geo.orphan_at[above[1]] != i:
                continue  # a broken piece read on by another line than its orphan's
            if geo.piece_at[i] >= 0 and above[1] != geo.piece_at[i]:
                continue  # an orphan opening a line not under its piece
            # States that differ only in older cuts share the link.
            link = links.get(above) if above[0] >= 0 else 0.0
            if link is None:
                link = links[above] = _link(geo, above, i)
            older = cuts[1:]
            phase_on = (phase + 1) % k
            reached = cost + link
            for j, step, there in steps:
                nxt: _State = ((*older, j), phase_on)
                total = reached + step
                old = there.get(nxt)
                if old is None or total < old[0]:
                    there[nxt] = (total, state)
    ends = [(v[0], s) for s, v in table[n].items() if s[1] == 0]
    if not ends:
        return None
    cost, state = min(ends)
    order = [n]
    back = table[n][state][1]
    while back is not None:
        at = back[0][-1]
        order.append(at)
        back = table[at][back][1]
    order.reverse()
    return order, cost


def _steps(geo: _Geometry, i: int, widest: float) -> list[tuple[int, float]]:
    """The lines that may open at atom ``i``: where each ends, and its length cost."""
    n = len(geo.atoms)
    out: list[tuple[int, float]] = []
    for j in range(i + 1, n + 1):
        if geo.atoms[j - 1][1] - geo.atoms[i][0] > widest and j > i + 1:
            break
        step = _length_cost(geo, i, j)
        if step != float("inf"):
            out.append((j, step))
        if j < n and (geo.orphan_at[j] >= 0 or geo.piece_at[j] >= 0):
            break  # no line runs over a pinned cut
    return out


def _state_cost(item: tuple[_State, tuple[float, _State | None]]) -> float:
    return item[1][0]


def _pins(
    atoms: Sequence[tuple[int, int]], found: Sequence[Seam]
) -> tuple[list[int], list[int]] | None:
    """The seams as cuts: for each cut, its orphan's cut and its piece's cut.

    ``orphan_at[b]`` is the cut where the orphan opens when a broken piece
    ends at ``b``, ``piece_at[b]`` the piece's cut when an orphan opens at
    ``b``; -1 elsewhere. None when two seams claim one cut: then the seams
    are not sure.
    """
    starts = {a[0]: k for k, a in enumerate(atoms)}
    ends = {a[1]: k for k, a in enumerate(atoms)}
    orphan_at = [-1] * (len(atoms) + 1)
    piece_at = [-1] * (len(atoms) + 1)
    for s in found:
        last = ends.get(s.piece if s.glued else s.piece + 1)
        orphan = starts.get(s.orphan)
        if last is None or orphan is None or orphan <= last + 1:
            continue
        if orphan_at[last + 1] >= 0 or piece_at[orphan] >= 0:
            return None
        orphan_at[last + 1], piece_at[orphan] = orphan, last + 1
    return orphan_at, piece_at


# A column line: its text ranges (more than one where a broken word is
# joined again with its orphan).
_ColumnLine = tuple[tuple[int, int], ...]


def _streams(geo: _Geometry, cuts: Sequence[int]) -> tuple[tuple[_ColumnLine, ...], ...]:
    """Each column's lines (text ranges) once the line is cut at ``cuts``."""
    atoms = geo.atoms
    streams: list[list[_ColumnLine]] = [[] for _ in range(geo.columns)]
    glued = [False] * geo.columns
    for k in range(len(cuts) - 1):
        a, b = cuts[k], cuts[k + 1]
        span = (atoms[a][0], atoms[b - 1][1])
        col = k % geo.columns
        if glued[col]:
            # The column's line before ended in a piece that ran into the
            # next column's word: this line opens with its orphan, so the
            # broken word is whole again.
            streams[col][-1] = (*streams[col][-1], span)
        else:
            streams[col].append((span,))
        glued[col] = b < len(atoms) and geo.orphan_at[b] >= 0 and atoms[b - 1][1] == atoms[b][0]
    return tuple(tuple(s) for s in streams)


def reading(text: str, found: Sequence[Seam]) -> Reading | None:
    """The best reading of a run-on line column by column, or None if none fits."""
    if len(found) < _MIN_SEAMS:
        return None
    # A seam whose orphan stands much nearer or further than a row is a
    # chance completion ("with" + "ers"): it pins nothing.
    gaps = sorted(s.orphan - s.piece for s in found)
    middle = gaps[len(gaps) // 2]
    near = [s for s in found if abs(s.orphan - s.piece - middle) <= _ROW_SPREAD * middle]
    atoms = _atoms(text, near)
    pinned = _pins(atoms, near)
    if pinned is None:
        return None
    orphan_at, piece_at = pinned
    pins = [(p, o) for p, o in enumerate(orphan_at) if o >= 0]
    if len(pins) < _MIN_SEAMS:
        return None
    # The other columns' lines of a row stand between a piece and its orphan.
    spans = sorted(atoms[o][0] - atoms[p - 1][1] for p, o in pins)
    row = spans[len(spans) // 2]
    options: list[tuple[float, Reading]] = []
    for columns in range(2, _MAX_COLUMNS + 1):
        width = round(row / (columns - 1)) - 1
        if not _MIN_WIDTH <= width <= _MAX_WIDTH:
            continue
        geo = _Geometry(text, atoms, orphan_at, piece_at, width, columns)
        got = _cut(geo)
        if got is None:
            # Lines longer than the seams measured (proportional type holds
            # more narrow letters): try once with more room.
            geo = attrs.evolve(geo, width=round(width * _WIDER))
            got = _cut(geo)
        if got is not None:
            read = Reading(
                columns, geo.width, _streams(geo, got[0]), len(pins), len(found) - len(pins)
            )
            options.append((got[1], read))
    if not options:
        return None
    # Every cutting keeps every pin; the one that fits best is the reading.
    return min(options, key=lambda o: o[0])[1]


def _column_lines(line: Line, found: Reading) -> list[Line]:
    """The column lines of a run-on ``line``, column by column, each with its map."""
    out: list[Line] = []
    for c, stream in enumerate(found.pieces):
        for k, ranges in enumerate(stream):
            anchors: list[tuple[int, int]] = []
            parts: list[str] = []
            for a, b in ranges:
                if parts:
                    anchors.append((sum(len(p) for p in parts), line.to_source(a)))
                parts.append(line.text[a:b])
            text = "".join(parts)
            first, last = ranges[0], ranges[-1]
            out.append(
                attrs.evolve(
                    line,
                    text=text,
                    start=line.to_source(first[0]),
                    end=line.to_source(last[1]),
                    indent=0,
                    blank_before=line.blank_before if c == 0 and k == 0 else 0,
                    column_width=float(found.width),
                    moved=c > 0,
                    soft_hyphen_end=line.soft_hyphen_end and last[1] == len(line.text),
                    hard_hyphen_end=line.hard_hyphen_end and last[1] == len(line.text),
                    anchors=tuple(anchors),
                    ranges=tuple((line.to_source(a), line.to_source(b)) for a, b in ranges)
                    if len(ranges) > 1
                    else (),
                )
            )
    return out


def _jump_cut(line: Line, lexicon: Lexicon, lang: Language) -> tuple[Line, Line, list[Seam]] | None:
    """A jump line run in at either end of ``line`` cut off: (jump, rows, seams).

    "BRIDGE, from Page 11" printed before the continuation's first row is
    not a row: left on, it offsets every column's first line and the rows do
    not cut evenly. The classify pass cuts it off later anyway; cut here, the
    rows are read the same whether the jump line was run in or not, as on a
    second repair of the output.
    """
    parts = split_run_in_jumps([line], lang)
    if len(parts) != 2:
        return None
    first, second = parts
    jump, rows = (first, second) if len(first.text) < len(second.text) else (second, first)
    return jump, rows, seams(rows.text, lexicon)


def read(ledger: Ledger, lines: Sequence[Line], lexicon: Lexicon, lang: Language) -> list[Line]:
    """``lines`` with each run-on line read column by column where the seams prove it.

    Where the evidence is weak the line is left as it is, with a finding.
    """
    found = run_on_lines(lines, lexicon)
    if not found:
        return list(lines)
    out: list[Line] = []
    at = 0
    for k, got in found:
        line = lines[k]
        out.extend(lines[at:k])
        at = k + 1
        # A finding covers the line as printed, a jump line run in included.
        printed = (line.start, line.end)
        cut = _jump_cut(line, lexicon, lang)
        tail: list[Line] = []
        if cut is not None:
            jump, line, got = cut
            if len(got) < _MIN_SEAMS:
                out.extend(sorted((jump, line), key=lambda part: part.start))
                continue
            if jump.start < line.start:
                out.append(jump)
            else:
                tail.append(jump)
        glued = sum(1 for s in got if s.glued)
        note = (
            f"{len(got)} broken words continued about a row further on "
            f"({glued} run into the next column's word, {len(got) - glued} "
            "left before it with their hyphen): rows of side-by-side columns run "
            "on into one line"
        )
        plan = reading(line.text, got)
        if plan is None:
            ledger.find("run_on_columns", *printed, note)
            out.append(line)
            out.extend(tail)
            continue
        span = ledger.draft.input_span(line.start, line.end)
        rows = ledger.draft.original[span[0] : span[1]]
        if ledger.propose(
            "run_on_columns_read",
            line.start,
            line.start,
            rows,
            plan.confidence,
            f"{note}, read as {plan.columns} columns of about {plan.width} characters "
            f"({plan.agree} broken words rejoined in their column, {plan.against} left over)",
            span=span,
            before=rows,
            context=printed,
        ):
            out.extend(_column_lines(line, plan))
        else:
            out.append(line)
        out.extend(tail)
    out.extend(lines[at:])
    return [attrs.evolve(line, index=i) for i, line in enumerate(out)]
