"""Furniture: what a page prints around the story, never part of it.

Page numbers, jump lines ("Continued on Page 7"), running heads (a short
line that repeats, or a masthead with a date), photo credits standing
alone, end notes, and lines with no letter or digit. First what a line's
shape proves wherever it stands, then what it shows only when set apart
from the running text, so a body line that happens to start "Copyright" or
"Photos by" stays in the body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import regex

from ._draft import CREDIT, FURNITURE, NOTE, Line, Role
from ._language import Language
from ._shapes import ends_sentence, open_end, word_count

FOLIO_MARK = regex.compile(r"\d|[|•·]")
DIGITS = regex.compile(r"\d+")
LETTER_OR_DIGIT = regex.compile(r"\p{L}|\d")
LETTER = regex.compile(r"\p{L}")
YEAR = regex.compile(r"\d{4}")
# A paper's name beside the date on its masthead is short.
MASTHEAD_WORDS = 5
# A running head is short: a line of more words is a sentence of the text.
RUNNING_HEAD_WORDS = 10


def _may_be_page_number(text: str) -> bool:
    # Every lang.page_number alternative starts or ends with a digit or ends with a
    # dash; this cheap test skips the regex for ordinary lines. Non-ASCII ends
    # (dashes, other scripts' digits) and an empty text always get the regex.
    if not text:
        return True
    first, last = text[0], text[-1]
    return (
        not (first.isascii() and last.isascii())
        or first.isdigit()
        or last.isdigit()
        or last in "-\n"
    )


def _may_be_jump_line(text: str, lang: Language) -> bool:
    """Whether ``text`` starts as a jump line can ("Continued", "See", "from", "Turn")."""
    i = 0
    while i < len(text) and (text[i] in "([" or text[i].isspace()):
        i += 1
    # casefold, as the pattern's (?i) does: "ſee" is "see" to it.
    return text[i : i + 1].casefold() in lang.jump_initials


def _stands_alone(
    lines: Sequence[Line], i: int, lang: Language, skip: Mapping[int, str] | None = None
) -> bool:
    """Whether line ``i`` is set off from running text rather than wrapped inside it.

    Neighbours already known to be furniture (``skip``: jump lines, page
    numbers) are looked through: a running head between a jump line and a
    page label stands apart even where the sentence around them runs on.
    """
    line = lines[i]
    p = i - 1
    while skip and p >= 0 and p in skip:
        p -= 1
    n = i + 1
    while skip and n < len(lines) and n in skip:
        n += 1
    before = (
        p < 0
        or p != i - 1
        or line.blank_before > 0
        or lines[p].page != line.page
        or ends_sentence(lines[p].text)
    )
    nxt = lines[n] if n < len(lines) else None
    after = (
        nxt is None
        or n != i + 1
        or nxt.blank_before > 0
        or nxt.page != line.page
        or not nxt.text[:1].islower()
    )
    return before and after and not open_end(line.text, lang.function_words)


def _at_page_edge(lines: Sequence[Line], i: int) -> bool:
    return (
        i == 0
        or i + 1 == len(lines)
        or lines[i - 1].page != lines[i].page
        or lines[i + 1].page != lines[i].page
    )


def _folio_place(lines: Sequence[Line], i: int, bare_numbers: int, lang: Language) -> bool:
    """Whether a bare number on a line stands where page numbers stand.

    At a page's edge, set apart from the text, or one of several such
    numbers: a lone "40" inside a narrow column's sentence is the text's own.
    """
    return (
        _at_page_edge(lines, i)
        or bare_numbers >= 2
        or _stands_alone(lines, i, lang)
        or lines[i].blank_before > 0
    )


def is_masthead(text: str, lang: Language) -> bool:
    """A title carrying a date beside a name: a masthead or running head.

    The name is in capitals, set apart by a bar or wide spaces, or a short
    name with every word capitalised ("The Morning Ledger"): a headline that
    holds a date reads on in lowercase words ("Elections set for May 7").
    """
    m = lang.date_in_line.search(text)
    if not m:
        return False
    rest = (text[: m.start()] + text[m.end() :]).strip(" |•·,-–—")
    # Numbers ("Vol. 12, No. 41") say nothing of the name's case.
    words = [w for w in rest.split() if LETTER.search(w)]
    return (
        not rest
        or rest.isupper()
        or "|" in text
        or "   " in text
        or (len(words) <= MASTHEAD_WORDS and all(w[:1].isupper() for w in words))
    )


def find_furniture(lines: Sequence[Line], lang: Language) -> dict[int, Role]:
    """Credits, notes and furniture: first what a line's shape proves, then
    what it shows only when set apart from the running text."""
    roles: dict[int, Role] = {}
    texts = [line.text for line in lines]
    counts = [word_count(text) for text in texts]
    shapes = [
        DIGITS.sub("#", text) if n <= 10 else "" for text, n in zip(texts, counts, strict=True)
    ]
    repeated = Counter(shape for shape, n in zip(shapes, counts, strict=True) if n <= 10)
    # Copies at a page's top or bottom line: a running head that reads as a
    # sentence ("Your news, delivered before breakfast.") repeats only there,
    # where a sentence of the body repeated word for word does not stand.
    edge_copies = Counter(
        shapes[i]
        for i in range(len(texts))
        if counts[i] <= 10 and repeated[shapes[i]] >= 2 and _at_page_edge(lines, i)
    )
    bare_numbers = sum(1 for text in texts if text.isdigit() and len(text) <= 4)
    for i, text in enumerate(texts):
        if counts[i] <= 10 and text[:1] in lang.credit_initials and lang.credit_line.match(text):
            roles[i] = CREDIT
        elif (
            (
                len(text) <= 90
                and (
                    (
                        _may_be_page_number(text)
                        and lang.page_number.match(text)
                        and (not text.isdigit() or _folio_place(lines, i, bare_numbers, lang))
                    )
                    or (_may_be_jump_line(text, lang) and lang.jump_line.match(text))
                    # "BRIDGE, from Page 1": a jump head ends in its page number.
                    or (
                        (text[-2:-1].isdigit() or text[-1:].isdigit())
                        and lang.jump_head.match(text)
                    )
                    or (text[:1].isupper() and lang.advert_label.match(text))
                )
            )
            or not (text[:1].isalpha() or LETTER_OR_DIGIT.search(text))
        ):
            roles[i] = FURNITURE
    sure = dict(roles)
    for i, text in enumerate(texts):
        if i in sure:
            continue
        words = counts[i]
        apart = _stands_alone(lines, i, lang, sure)
        if words <= 10 and apart and lang.credit_names.match(text):
            roles[i] = CREDIT
        elif (
            # A running head repeats, stands apart or at a page's edge (or
            # carries a folio), and never ends open or as a speaker label.
            words <= 10
            and repeated[shapes[i]] >= 2
            and (apart or _at_page_edge(lines, i) or FOLIO_MARK.search(text))
            and (not ends_sentence(text) or edge_copies[shapes[i]] == repeated[shapes[i]])
            and not open_end(text, lang.function_words)
            and (text[0].isupper() or text[0].isdigit())
            and not lang.date_line.match(text)
            and not lang.speaker_label.match(text)
        ) or (
            # A date beside the paper's name (and a page number): a running head.
            apart
            and (
                (i > 12 and lang.date_line.match(text))
                or (
                    words <= 12
                    # lang.date_in_line needs a four-digit year; this search is cheap,
                    # its own scan of every position is not.
                    and YEAR.search(text)
                    and is_masthead(text, lang)
                    and not lang.date_line.match(text)
                )
            )
        ):
            roles[i] = FURNITURE
        elif (
            len(text) <= 160
            and text.lstrip("(")[:1].casefold() in lang.end_note_initials
            and lang.end_note.match(text)
            # "This article first appeared in ..." is a whole sentence; a
            # sentence that runs on past the line is the body's own.
            and (ends_sentence(text) or not text.lower().startswith(lang.note_openers))
            and apart
        ):
            roles[i] = NOTE
    return roles
