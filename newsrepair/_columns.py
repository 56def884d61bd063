"""Reading order inside one line: undo columns interleaved by the extractor.

When an extractor reads side-by-side columns row by row, one output line holds
pieces of two to four columns in turn ("…as a bargain- — i.e., using both
threats and Second, a relatively favorable ing chip in dealing with Trump.
…"). The seams show as implausible word transitions: a hyphen followed by a
dash or a capital, a stop followed by a lowercase word, a function word
followed by a capital, a lowercase word piece that completes a hyphenated
piece elsewhere in the line. Column pieces of one row have nearly the same
width, so the seams that show no sign can be found from that width. We cut
the line into pieces, deal them round-robin into k columns, and keep the
k whose column chains read best. The first column stays in place; the
others are fragments that the reflow pass puts back where they belong.
"""

from __future__ import annotations

import bisect
import itertools

import attrs
import regex

from ._draft import Line
from ._language import Language
from ._lexicon import Lexicon
from ._shapes import ends_sentence

# A dash glued to the previous column's last word ("bargain-— i.e.") is its own token.
_TOKEN = regex.compile(r"[^\s—–]+|[—–]")
# Searched right to left (?r): a forward search would try every start in a
# long run of letters and scan each to the end, quadratic in the token.
_HYPHENATED = regex.compile(r"(?r)(\p{L}++)-$")
_STRONG = 2.0
_WEAK = 1.0
# Zipf levels: the joined pieces of a broken word are a word; a piece that
# completes another column's hyphen is no very common word on its own.
_JOINED_WORD_ZIPF = 2.5
_COMMON_PIECE_ZIPF = 4.5
# Pieces of one row share the column width within this share of their mean,
# and a column is at least this wide.
_ROW_SPREAD = 0.15
_MIN_ROW_WIDTH = 20
# A reading by k columns must read on clearly, per seam and over the line as
# printed.
_MIN_SEAM_SCORE = 0.5
_MARGIN_OVER_PRINTED = 2.0

# The geometry of an interleaved row bounds the work per line. Column widths
# run from _MIN_WIDTH to _MAX_WIDTH characters; at most _MAX_PIECES pieces
# follow the first one, each a column line no longer than _CUT_SPAN widths
# (plus the space before it); the first piece is at most _FIRST_ROWS widths.
# A token never spans two pieces and is at least one character long, so a
# line with more tokens than _MAX_TOKENS, or a token longer than the first
# piece may be, is never cut by find_interleaving: it is turned away before
# any work that grows faster than the line.
_MIN_WIDTH = 12
_MAX_WIDTH = 90
_MAX_PIECES = 12
_CUT_SPAN = 1.3
_CUT_MIN = 0.7
_FIRST_ROWS = 6
_MAX_TOKEN_CHARS = _FIRST_ROWS * _MAX_WIDTH
_MAX_TOKENS = _MAX_TOKEN_CHARS + _MAX_PIECES * int(_CUT_SPAN * _MAX_WIDTH + 2)
# Each piece is one column line (the first at most _FIRST_ROWS lines), and a
# column line ends in at most one hyphen: more hyphenated tokens than twice
# what the pieces can hold are hyphens flattened into running text ("com-
# muters"), which the hyphens pass handles. The same reasoning caps the strong
# seams: one junction per piece, the rest noise; a line mostly noise is left
# whole (under-repair), and _row_width stays bounded.
_MAX_DANGLING = 2 * (_FIRST_ROWS + _MAX_PIECES)
_MAX_STRONG_SEAMS = 4 * (_MAX_PIECES + 1)


@attrs.frozen
class Interleaving:
    """A line cut into column pieces: ``chains[c]`` lists column ``c``'s pieces."""

    chains: tuple[tuple[Line, ...], ...]


def _first_letter(token: str) -> str:
    for ch in token:
        if ch.isalpha():
            return ch
        if ch.isdigit():
            return ""
    return ""


def plausibility(left: str, right: str, lexicon: Lexicon, lang: Language) -> float:
    """How well text ``right`` reads as the direct continuation of ``left``."""
    if not left or not right:
        return 0.0
    first = _first_letter(right[:3])
    hyphen = _hyphenated(left)
    if hyphen:
        piece = regex.match(r"\p{L}+", right)
        if not piece or not right[0].islower():
            return -3.0
        joined = hyphen.group(1) + piece.group()
        return 3.0 if lexicon.is_word(joined, _JOINED_WORD_ZIPF) or lexicon.count(joined) else 0.0
    last = left.split()[-1].lower().strip("\"'”’),;:")
    if ends_sentence(left) and not lang.abbreviation_token.match(left.split()[-1]):
        if right[0] in "—–":
            return -2.0
        return 1.0 if first.isupper() or right[0] in "\"'“‘(" else -1.0
    if right[0] in "—–":
        return 1.0
    if first.islower():
        word = right.split()[0].lower().strip("\"'“‘(,;:")
        if last in lang.determiners and (
            word in lang.prepositions or word in lang.determiners or word in lang.modals_and_aux
        ):
            return -1.5
        if last in lang.prepositions and (word in lang.prepositions or word in lang.modals_and_aux):
            return -1.5
        if last in lang.function_words or left.endswith(","):
            return 2.0
        # After a name, English goes on with a verb or a function word far more
        # often than with a content word ("Iran has", not "Iran contentious").
        name = left.split()[-1].strip("\"'”’),;:")
        if name[:1].isupper() and len(left.split()) > 1 and word not in lang.function_words:
            return 1.0
        return 1.5
    if first.isupper():
        return -2.0 if last in lang.function_words else -1.5
    return 0.0


def _hyphenated(token: str) -> regex.Match[str] | None:
    """The letters before a token's final hyphen ("bargain-"), if it has one."""
    return _HYPHENATED.search(token) if token.endswith("-") else None


def _completes(right: str, dangling: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Whether lowercase word ``right`` finishes one of the ``dangling`` hyphenated pieces."""
    return (
        right.isalpha()
        and right.islower()
        and not lexicon.is_word(right, _COMMON_PIECE_ZIPF)
        and any(lexicon.is_word(piece + right, _JOINED_WORD_ZIPF) for piece in dangling)
    )


def _seams(
    tokens: list[regex.Match[str]], dangling: tuple[str, ...], lexicon: Lexicon, lang: Language
) -> dict[int, float]:
    """Score the token boundaries that look like column seams (key: index of right token).

    ``dangling`` holds the distinct pieces of the line's hyphenated tokens.
    """
    completes: dict[str, bool] = {}
    seams: dict[int, float] = {}
    for i in range(1, len(tokens)):
        left, right = tokens[i - 1].group(), tokens[i].group()
        first = _first_letter(right[:3])
        strong = (
            _hyphenated(left) is not None
            and (not first or first.isupper())
            and right not in lang.suspended_joiners
        ) or (
            ends_sentence(left)
            and not lang.abbreviation_token.match(left)
            and first.islower()
            and right[0].isalpha()
        )
        if not strong:
            # A word recurs many times in a line; ask the lexicon once for it.
            known = completes.get(right)
            if known is None:
                known = completes[right] = _completes(right, dangling, lexicon)
            strong = known
        if strong:
            seams[i] = _STRONG
        elif (
            left.lower() in lang.function_words
            and left.islower()
            and first.isupper()
            and right != lang.first_person
        ):
            seams[i] = _WEAK
    return seams


def _row_width(starts: list[int]) -> float:
    """The row width that best explains the distances between strong seams.

    Seams of one column recur once per row, so every distance is close to a
    multiple of the width; among the widths that fit, the largest wins.
    """
    dists = [b - a for a, b in itertools.pairwise(starts) if b - a >= _MIN_WIDTH]
    # Equal distances give equal candidate widths and equal fits: try each once.
    widths = sorted(
        {d / n for d in dists for n in (1, 2, 3, 4) if _MIN_WIDTH <= d / n <= _MAX_WIDTH}
    )
    best: tuple[float, float] = (0.0, 0.0)
    for w in widths:
        misfit = sum(abs(x / w - round(x / w)) for x in dists)
        fit = len(dists) - 2 * misfit
        if (fit, w) > best:
            best = (fit, w)
    return best[1] if best[0] > 0 else 0.0


def _cut_backwards(
    tokens: list[regex.Match[str]], seams: dict[int, float], width: float
) -> list[int]:
    """Cut rows of about ``width`` characters from the line end, preferring seams."""
    cuts: list[int] = []
    weak: list[bool] = []
    starts = [t.start() for t in tokens]
    end = tokens[-1].end()
    while True:
        lo, hi = end - _CUT_SPAN * width, end - _CUT_MIN * width
        # Token starts ascend: the options are one slice of them (never token 0).
        options = range(max(1, bisect.bisect_left(starts, lo)), bisect.bisect_right(starts, hi))
        if not options:
            break
        target = end - width
        best = max(
            options,
            key=lambda i: seams.get(i, 0.0) - abs(tokens[i].start() - target) / (0.15 * width),
        )
        cuts.append(best)
        weak.append(best not in seams)
        end = tokens[best].start() - 1
    # A cut that no seam supports is kept only between two supported ones.
    while weak and weak[-1]:
        weak.pop()
        cuts.pop()
    return sorted(cuts)


def find_interleaving(line: Line, lexicon: Lexicon, lang: Language) -> Interleaving | None:
    """Return the column chains of ``line`` if it holds interleaved columns."""
    # One token past the bound is enough to know the line is too long to cut.
    tokens = list(itertools.islice(_TOKEN.finditer(line.text), _MAX_TOKENS + 1))
    if not 12 <= len(tokens) <= _MAX_TOKENS:
        return None
    if any(t.end() - t.start() > _MAX_TOKEN_CHARS for t in tokens):
        return None
    hyphenated = [m.group(1) for t in tokens if (m := _hyphenated(t.group()))]
    if len(hyphenated) > _MAX_DANGLING:
        return None
    seams = _seams(tokens, tuple(sorted(set(hyphenated))), lexicon, lang)
    strong = sorted(tokens[i].start() for i, v in seams.items() if v >= _STRONG)
    if not 2 <= len(strong) <= _MAX_STRONG_SEAMS:
        return None
    width = _row_width(strong)
    if not width:
        return None
    cuts = _cut_backwards(tokens, seams, width)
    if len(cuts) < 2:
        return None
    bounds = [0, *cuts, len(tokens)]
    pieces = [
        line.text[tokens[a].start() : tokens[b - 1].end()] for a, b in itertools.pairwise(bounds)
    ]
    offsets = [tokens[a].start() for a in bounds[:-1]]
    # Pieces of one row share the column width closely; pieces that only
    # happen to fall between seams in running text (OCR noise, a paragraph
    # joined from many rows) do not.
    rows = [len(x) for x in pieces[1:]]
    mean = sum(rows) / len(rows)
    spread = (sum((x - mean) ** 2 for x in rows) / len(rows)) ** 0.5
    if spread > _ROW_SPREAD * mean or width < _MIN_ROW_WIDTH:
        return None
    # An extractor interleaves a row or two where columns meet, not a whole
    # page inside one line: many pieces, or a long run before them, mean the
    # "seams" are noise in running text.
    if len(pieces) - 1 > _MAX_PIECES or len(pieces[0]) > _FIRST_ROWS * width:
        return None
    as_read = sum(plausibility(x, y, lexicon, lang) for x, y in itertools.pairwise(pieces))
    best: tuple[float, int] | None = None
    for k in (2, 3, 4):
        if len(pieces) < k + 1:
            continue
        score = sum(
            plausibility(pieces[j], pieces[j + k], lexicon, lang) for j in range(len(pieces) - k)
        )
        # Compare per seam so that k values with fewer junctions are not favoured.
        norm = score / (len(pieces) - k)
        if best is None or norm > best[0]:
            best = (norm, k)
    if (
        best is None
        or best[0] <= _MIN_SEAM_SCORE
        or best[0] * (len(pieces) - 1) <= as_read + _MARGIN_OVER_PRINTED
    ):
        return None
    k = best[1]
    chains: list[list[Line]] = [[] for _ in range(k)]
    for j, (text, off) in enumerate(zip(pieces, offsets, strict=True)):
        start = line.start + off
        chains[j % k].append(
            attrs.evolve(line, text=text, start=start, end=start + len(text), column_width=width)
        )
    return Interleaving(tuple(tuple(c) for c in chains))
