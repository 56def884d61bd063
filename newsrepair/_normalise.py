"""Pass 1: normalise what extractors emit, keeping a map back to input offsets.

CRLF and lone CR become LF; ligatures are expanded; soft hyphens vanish inside
a line, unless they stand for a printed hyphen ("555-0100", "co-founder"), and
become a marked hyphen at a line end (a discretionary break, so the word must
be joined later); non-breaking hyphens become ``-`` (a real hyphen);
non-breaking and odd-width spaces become a plain space; zero-width characters
are dropped. Form feeds stay: they mark page boundaries for the segmenter.
"""

from __future__ import annotations

import regex

from ._config import Config
from ._draft import Draft, OffsetMap
from ._language import language_for
from ._lexicon import cached_zipf
from ._model import Repair

SOFT_HYPHEN = "\u00ad"
# Private-use marker for a line-end soft hyphen; the segmenter turns it into "-"
# and flags the line, so the decision to join is made with that evidence.
SOFT_MARK = "\ue000"

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_SPACES = (
    "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_HYPHENS = "\u2010\u2011"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

_SPECIAL = regex.compile(
    "\r\n?|\\||"
    + f"{SOFT_HYPHEN}[ \t]*(?=\r|\n|\f|$)|{SOFT_HYPHEN}|{SOFT_MARK}|"
    + f"[{''.join(_LIGATURES)}{_SPACES}{_HYPHENS}{_ZERO_WIDTH}\t\v]"
)


def _replacement(found: str) -> tuple[str, str]:
    """Return (replacement, repair kind or "" when the edit is whitespace only)."""
    first = found[0]
    if first == "\r":
        return "\n", ""
    if first == SOFT_HYPHEN:
        return "", "soft_hyphen"
    if first == SOFT_MARK:
        return "", "private_use"
    if first in _LIGATURES:
        return _LIGATURES[first], "ligature"
    if first in _SPACES or first in "\t\v":
        return " ", ""
    if first in _HYPHENS:
        return "-", "hyphen_char"
    return "", "zero_width"


# A word the lexicon knows this well is one word that a soft hyphen merely
# offered to break; parts known this well are words of their own.
KNOWN_JOINED_ZIPF = 3.0
KNOWN_PART_ZIPF = 3.0
_WORD_BEFORE = regex.compile(r"(?r)\p{L}+$")
_WORD_AFTER = regex.compile(r"^\p{L}+")


# The bar read for "I" is a guess from its neighbours, not a fixed rule.
OCR_PIPE_CONFIDENCE = 0.85


def _bar_for_i(text: str, at: int, config: Config, table_rows: dict[int, bool]) -> bool:
    """Whether the bar at ``at`` is OCR's reading of the capital I ("that | wish").

    Decided here, before any pass compares lines, so that a pull quote or a
    repeated line reads the same as its copy. Never in a table row;
    ``table_rows`` remembers each line's verdict (keyed by its start), so a
    line of many bars is measured once. Under the confidence bar the bar
    stays, and the word-fix pass reports it.
    """
    if config.min_confidence > OCR_PIPE_CONFIDENCE:
        return False
    if not language_for(config.language).ocr_pipe_i.match(text, at):
        return False
    start = text.rfind("\n", 0, at) + 1
    table = table_rows.get(start)
    if table is None:
        end = text.find("\n", at)
        table = table_rows[start] = is_table_row(text[start : end if end >= 0 else len(text)])
    return not table


def is_table_row(line: str) -> bool:
    """Whether a line is a table row, whose bars separate cells: it opens and
    closes on a bar ("| field | meaning |") or holds three or more. (OCR's
    bars for "I" come one or two to a line, the second often at its end.)"""
    line = line.strip()
    return (line.startswith("|") and line.endswith("|")) or line.count("|") > 2


def _broke_here(text: str, start: int, end: int) -> bool:
    """Whether a soft hyphen after a letter is followed by spaces inside the line.

    A soft hyphen is drawn only where a line broke, so one followed by spaces
    marks a line end that an extractor ran on into the next line (one
    paragraph per line) or into the next column's row. It is shown as "-"
    so the hyphen pass judges "wor- shippers" as it judges a printed
    hyphen there; dropping it would leave the broken word in two.
    """
    return text[end : end + 1] in (" ", "\t") and text[start - 1 : start].isalpha()


def _shown_hyphen(text: str, start: int, end: int, config: Config) -> bool:
    """Whether a soft hyphen inside a line stands for a printed hyphen.

    Some PDF producers write the hyphen of "14-year-old" or "co-founder" as
    U+00AD, and extractors pass it on inside the line, where a real soft
    hyphen is an invisible break hint inside one word ("infor\u00admation").
    Beside a digit or before a capital it is printed ("555-0100",
    "non-Muslim"); between letters it is printed when the joined form is no
    word the lexicon knows and both parts are words. Between spaces it is a
    dash.
    """
    left = text[start - 1 : start]
    right = text[end : end + 1]
    if left in (" ", "\t") and right in (" ", "\t"):
        # Standing alone between spaces it breaks no word: it is the dash
        # of "Waitangi Day - February 6", written as U+00AD.
        return True
    if not left or not right or left.isspace() or right.isspace():
        return False
    if left.isdigit() or right.isdigit() or (left.isalpha() and right.isupper()):
        return True
    if not (left.isalpha() and right.isalpha()) or not config.use_lexicon:
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    after = _WORD_AFTER.search(text[end : end + 40])
    if before is None or after is None:
        return False
    head, tail = before.group(), after.group()
    language = config.language
    return (
        cached_zipf((head + tail).lower(), language) < KNOWN_JOINED_ZIPF
        and cached_zipf(head.lower(), language) >= KNOWN_PART_ZIPF
        and cached_zipf(tail.lower(), language) >= KNOWN_PART_ZIPF
    )


def run(draft: Draft, config: Config) -> Draft:
    """Normalise ``draft.original`` into ``draft.source`` with an offset map."""
    text = draft.original
    pieces: list[str] = []
    norm_anchor: list[int] = [0]
    orig_anchor: list[int] = [0]
    repairs: list[Repair] = []
    last = 0
    out_len = 0
    table_rows: dict[int, bool] = {}
    for m in _SPECIAL.finditer(text):
        found = m.group()
        if found.startswith(SOFT_HYPHEN) and (m.end() == len(text) or text[m.end()] in "\r\n\f"):
            after, kind = SOFT_MARK, "soft_hyphen"
        elif found == "|":
            if not _bar_for_i(text, m.start(), config, table_rows):
                continue
            after, kind = language_for(config.language).first_person, "ocr_pipe"
        elif found == SOFT_HYPHEN and (
            _broke_here(text, m.start(), m.end()) or _shown_hyphen(text, m.start(), m.end(), config)
        ):
            after, kind = "-", "soft_hyphen"
        else:
            after, kind = _replacement(found)
        if after == found:
            continue
        pieces.append(text[last : m.start()])
        out_len += m.start() - last
        pieces.append(after)
        # A line-end soft hyphen is logged by the hyphen pass, which removes it.
        if kind and not found.isspace() and after != SOFT_MARK:
            shown = "-" if after == SOFT_MARK else after
            confidence = OCR_PIPE_CONFIDENCE if kind == "ocr_pipe" else 1.0
            repairs.append(Repair(kind, (m.start(), m.end()), found, shown, confidence))
        out_len += len(after)
        norm_anchor.append(out_len)
        orig_anchor.append(m.end())
        last = m.end()
    if not pieces:
        return draft.__class__(original=text, source=text, offsets=OffsetMap((0,), (0,), len(text)))
    pieces.append(text[last:])
    source = "".join(pieces)
    return draft.__class__(
        original=text,
        source=source,
        offsets=OffsetMap(tuple(norm_anchor), tuple(orig_anchor), len(text)),
        repairs=tuple(repairs),
    )
