"""Split halves: a word whose line-end hyphen a tool dropped without joining it.

MuPDF's ``TEXT_DEHYPHENATE`` removes the hyphen of every line-end break it
sees; where the break falls at a block, column or page edge it drops the
hyphen and leaves the halves apart ("re duced", "ma gician"). Two words side
by side are joined only when the joined word is known (the document writes
it, or the lexicon has it) and the split shows: one half is no word of its
own, or the second half is an ending the language splits off ("great est").
Two words that are words ("a head", "the best") stay apart; so does an ending
that may be an abbreviation before its stop ("a great est.").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

import regex

from ._language import Language
from ._lexicon import Lexicon, cached_zipf

# Zipf levels (wordfreq): under NO_WORD a piece is no word of its own; a joined
# word is known from KNOWN_JOINED, and likely enough to join on the lexicon
# alone from LIKELY_JOINED.
NO_WORD_ZIPF = 2.0
KNOWN_JOINED_ZIPF = 2.5
LIKELY_JOINED_ZIPF = 3.0
# The document writing the joined word is strong evidence; the lexicon alone,
# with a half that is no word, good evidence; an ending that is a word of its
# own ("est") less; a joined word the lexicon barely knows stays a finding.
DOCUMENT_CONFIDENCE = 0.95
NO_WORD_CONFIDENCE = 0.9
ENDING_CONFIDENCE = 0.85
RARE_CONFIDENCE = 0.75
# An ending this short before a stop may be an abbreviation ("est.", "ed.").
ABBREVIATION_CHARS = 3

# A character that makes letters part of a longer word; the lowercase word
# just after a position (after one space), a word of letters on its own.
_JOINER = regex.compile(r"[\p{L}\p{M}'’-]")
_WORD_AFTER = regex.compile(r" (\p{Ll}{2,})(?![\p{L}\p{M}'’-])(\.?)")
# A word of letters standing on its own (not part of a hyphenated word).
_ALONE = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{L}+(?![\p{L}\p{M}'’-])")


def _suspects(lexicon: Lexicon, lang: Language) -> set[str]:
    """The document's words that may be a half: no word of their own, or an ending."""
    code = lexicon.language
    vocab = lexicon.vocab
    # Cheap tests first: most of a text's words stand more than twice or are
    # known, and each lexicon lookup is a call.
    return {w for w in lang.split_endings if w in vocab} | {
        w
        for w, n in vocab.items()
        if n <= 2 and len(w) >= 2 and cached_zipf(w, code) < NO_WORD_ZIPF and w.isalpha()
    }


def halves_verdict(
    left: str, right: str, stop: bool, lexicon: Lexicon, lang: Language
) -> tuple[float, str] | None:
    """Whether ``left`` and ``right`` are the halves of one word: (confidence, why) or None.

    ``stop`` says a full stop follows ``right``.
    """
    joined = left + right
    low_left, low_right = left.lower(), right.lower()
    ending = low_right in lang.split_endings
    if ending and stop and len(right) <= ABBREVIATION_CHARS:
        return None  # "a great est.": the ending may be an abbreviation
    left_word = lexicon.zipf(low_left) >= NO_WORD_ZIPF or lexicon.count(low_left) > 2
    right_word = lexicon.zipf(low_right) >= NO_WORD_ZIPF or lexicon.count(low_right) > 2
    if left_word and right_word and not ending:
        return None  # two words: "a head", "the best"
    if lexicon.count(joined):
        return DOCUMENT_CONFIDENCE, f"'{joined}' occurs in the document"
    z_joined = lexicon.zipf(joined)
    if z_joined < KNOWN_JOINED_ZIPF:
        return None
    if z_joined < LIKELY_JOINED_ZIPF:
        return RARE_CONFIDENCE, f"'{joined}' is a rare word"
    if ending and left_word and right_word:
        return ENDING_CONFIDENCE, f"'{joined}' is a word; '-{right}' is an ending"
    half = right if left_word else left
    return NO_WORD_CONFIDENCE, f"'{half}' is no word; '{joined}' is"


def split_halves(
    texts: Sequence[tuple[int, int, str]],
    spans: Sequence[tuple[int, int]],
    source: str,
    lexicon: Lexicon,
    lang: Language,
) -> Iterator[tuple[int, int, int, int, str, float, str]]:
    """Halves to join in ``texts`` (``(block, line, text)``, each over ``source[span]``).

    Yields ``(block, line, start, end, joined, confidence, note)``, the span
    over ``text`` covering both halves and the space between them.
    """
    suspects = _suspects(lexicon, lang)
    if not suspects:
        return
    for k in _lines_holding(suspects, spans, source):
        b, n, text = texts[k]
        last_end = -1
        for hit in _ALONE.finditer(text):
            if hit.group().lower() not in suspects:
                continue
            # The suspect is the second half of the word before it, or the
            # first half of the word after it.
            for start, left, right, stop in _pairs_at(text, hit.start(), hit.end()):
                if start < last_end:
                    continue
                verdict = halves_verdict(left, right, stop, lexicon, lang)
                if verdict is None:
                    continue
                confidence, why = verdict
                end = start + len(left) + 1 + len(right)
                last_end = end
                yield b, n, start, end, left + right, confidence, f"{left} {right}: {why}"
                break


def _lines_holding(suspects: set[str], spans: Sequence[tuple[int, int]], source: str) -> list[int]:
    """The texts whose source span holds a suspect, in order.

    The source is searched once per suspect (in C), not each line in turn: a
    document holds a handful of suspects and thousands of lines.
    """
    low = source.lower()
    # Lines read in reading order need not stand in source order.
    order = sorted(range(len(spans)), key=lambda k: spans[k][0])
    starts = [spans[k][0] for k in order]
    found: set[int] = set()
    for word in suspects:
        at = low.find(word)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at < spans[order[i]][1]:
                found.add(order[i])
            at = low.find(word, at + len(word))
    return sorted(found)


def _pairs_at(text: str, start: int, end: int) -> Iterator[tuple[int, str, str, bool]]:
    """The word pairs ``text[start:end]`` is half of: ``(start, left, right, stop after)``."""
    piece = text[start:end]
    if piece.islower() and start >= 3 and text[start - 1] == " ":
        # Walked back letter by letter: a search for the word before would try
        # every earlier position of a long line.
        first = start - 1
        while first > 0 and text[first - 1].isalpha():
            first -= 1
        if start - 1 - first >= 2 and (first == 0 or not _JOINER.match(text[first - 1])):
            yield first, text[first : start - 1], piece, text[end : end + 1] == "."
    after = _WORD_AFTER.match(text, end)
    if after is not None:
        yield start, piece, after.group(1), bool(after.group(2))
