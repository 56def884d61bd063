"""Furniture: what a page prints around the story, never part of it.

Page numbers, jump lines ("Continued on Page 7"), running heads (a short
line that repeats, or a masthead with a date), photo credits standing
alone, end notes, and lines with no letter or digit. First what a line's
shape proves wherever it stands, then what it shows only when set apart
from the running text, so a body line that happens to start "Copyright" or
"Photos by" stays in the body.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet

import regex

from ._draft import CREDIT, FURNITURE, NOTE, Line, Role
from ._language import Language
from ._shapes import ends_sentence, open_end, word_count

FOLIO_MARK = regex.compile(r"\d|[|•·]")
DIGITS = regex.compile(r"\d+")
LETTER_OR_DIGIT = regex.compile(r"\p{L}|\d")
LETTER = regex.compile(r"\p{L}")
YEAR = regex.compile(r"\d{4}")
NEWLINE = regex.compile(r"\n")
# A paper's name beside the date on its masthead is short.
MASTHEAD_WORDS = 5
# A running head is short: a line of more words is a sentence of the text.
RUNNING_HEAD_WORDS = 10
# Each piece of a running head cut in two holds a name or a slogan: two words.
PIECE_WORDS = 2
# A masthead's date with the paper's name or edition beside it is short.
MASTHEAD_DATE_WORDS = 12
# What sets a masthead's date apart from its edition: "May 4, 2015 · Final".
MASTHEAD_BARS = "|•·"
# The run of spaces a layout extraction sets between a row's cells.
GUTTER = "   "


def _shape(text: str) -> str:
    """A short line as its copies on other pages print it: numbers as ``#``,
    spaces squeezed (a layout extraction pads a running head as each page's
    gutter needs)."""
    squeezed = DIGITS.sub("#", text)
    # Most lines hold single spaces only: the split and join change nothing.
    if "  " in squeezed or not squeezed.isprintable() or squeezed.strip() != squeezed:
        squeezed = " ".join(squeezed.split())
    return squeezed


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
    first = text[:1]
    if first and first not in "([" and not first.isspace():
        # The usual line opens with its first word: nothing to skip.
        return first.casefold() in lang.jump_initials
    i = 0
    while i < len(text) and (text[i] in "([" or text[i].isspace()):
        i += 1
    # casefold, as the pattern's (?i) does: "ſee" is "see" to it.
    return text[i : i + 1].casefold() in lang.jump_initials


def _may_be_advert_label(text: str, lang: Language) -> bool:
    """Whether ``text`` opens in a capital an advert label can start with
    ("Advertisement", "Sponsored", "Paid post"): a cheap test before the pattern."""
    first = text[:1]
    return first.isupper() and first.casefold() in lang.advert_initials


# Furniture lines looked through, on each side, for a line's neighbours.
MAX_LOOKED_THROUGH = 8


def _neighbours(
    lines: Sequence[Line], i: int, skip: Mapping[int, str] | None
) -> tuple[int, int]:
    """The nearest lines before and after ``i`` that are not in ``skip``
    (-1 and ``len(lines)`` where there is none).

    At most :data:`MAX_LOOKED_THROUGH` lines are looked through on each
    side: a page holds a few furniture lines together, and a text of
    nothing but jump lines would otherwise cost a walk per line.
    """
    p = i - 1
    while skip and p >= 0 and p in skip and i - p <= MAX_LOOKED_THROUGH:
        p -= 1
    n = i + 1
    while skip and n < len(lines) and n in skip and n - i <= MAX_LOOKED_THROUGH:
        n += 1
    return p, n


def _stands_alone(
    lines: Sequence[Line], i: int, lang: Language, skip: Mapping[int, str] | None = None
) -> bool:
    """Whether line ``i`` is set off from running text rather than wrapped inside it.

    Neighbours already known to be furniture (``skip``: jump lines, page
    numbers) are looked through: a running head between a jump line and a
    page label stands apart even where the sentence around them runs on.
    """
    line = lines[i]
    # Asked of nearly every line: the neighbours are looked for only where
    # one is skipped, and each side is tested only while the line may still
    # stand apart.
    if skip and (i - 1 in skip or i + 1 in skip):
        p, n = _neighbours(lines, i, skip)
    else:
        p, n = i - 1, i + 1
    before = (
        p < 0
        or p != i - 1
        or line.blank_before > 0
        or lines[p].page != line.page
        or ends_sentence(lines[p].text)
    )
    if not before:
        return False
    nxt = lines[n] if n < len(lines) else None
    after = (
        nxt is None
        or n != i + 1
        or nxt.blank_before > 0
        or nxt.page != line.page
        or not nxt.text[:1].islower()
    )
    return after and not open_end(line.text, lang.function_words)


def _at_page_edge(
    lines: Sequence[Line],
    i: int,
    skip: Mapping[int, str] | None = None,
    folios: AbstractSet[int] = frozenset(),
) -> bool:
    """Whether line ``i`` is a page's first or last line.

    Lines in ``skip`` (folios, jump lines) are looked through: a running head
    printed beside the page number is still at the page's edge. A folio
    looked through (``folios``) marks the edge itself: an extraction that
    lost its form feeds (collapsed layout) still prints the page number
    where one page ends and the next begins.
    """
    p, n = _neighbours(lines, i, skip)
    page = lines[i].page
    return (
        p < 0
        or n >= len(lines)
        or lines[p].page != page
        or lines[n].page != page
        or (bool(folios) and any(j in folios for j in (*range(p + 1, i), *range(i + 1, n))))
    )


def _folio_place(
    lines: Sequence[Line], i: int, bare_numbers: int, lang: Language, source_edge: bool
) -> bool:
    """Whether a bare number on a line stands where page numbers stand.

    At a page's edge (in reading order, or on the page's first or last row
    of the input, ``source_edge``: a column reader may have put the foot's
    folio inside a column), set apart from the text, or one of several such
    numbers: a lone "40" inside a narrow column's sentence is the text's own.
    """
    return (
        source_edge
        or _at_page_edge(lines, i)
        or bare_numbers >= 2
        or _stands_alone(lines, i, lang)
        or lines[i].blank_before > 0
    )


# A running head that is a sentence has a few words: one of two is a reply.
SENTENCE_HEAD_WORDS = 3
# An advert's copy under its label: a few short lines, each closed.
ADVERT_LINES = 4
ADVERT_WORDS = 8


def _advert_copy(
    lines: Sequence[Line],
    label: int,
    roles: Mapping[int, Role],
    lang: Language,
    rows: Sequence[int],
) -> list[int]:
    """The lines of an advert printed under its label ("ADVERTISEMENT").

    Copy is a few short lines, each closed: it opens with a capital or a
    digit, does not end in a full stop, a comma, a colon or an open word, and
    the line under it does not read on in lowercase. The first line of text
    that reads on, a speaker label or any blank after the copy ends it: the
    body resumes there. A label cut off its input row (``rows``), with the
    other column's words after it, takes no copy: the rows under it hold
    that column's words too, and no test tells where the copy ends.
    """
    taken: list[int] = []
    j = label + 1
    if j < len(lines) and rows[j] == rows[label]:
        return taken
    while j < len(lines) and len(taken) < ADVERT_LINES and j not in roles:
        line = lines[j]
        if line.page != lines[label].page or (taken and line.blank_before > 0):
            break
        text = line.text
        nxt = lines[j + 1] if j + 1 < len(lines) else None
        reads_on = (
            nxt is not None
            and nxt.blank_before == 0
            and nxt.page == line.page
            and nxt.text[:1].islower()
        )
        if (
            reads_on
            or word_count(text) > ADVERT_WORDS
            or not (text[:1].isupper() or text[:1].isdigit())
            or text.endswith((".", ",", ":", ";", "?", "-"))
            or open_end(text, lang.function_words)
            or lang.speaker_label.match(text)
        ):
            break
        taken.append(j)
        j += 1
    return taken


def _one_line_block(lines: Sequence[Line], i: int) -> bool:
    """Whether line ``i`` is a block of its own: set off above and below."""
    line = lines[i]
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    return (i == 0 or line.blank_before > 0 or lines[i - 1].page != line.page) and (
        nxt is None or nxt.blank_before > 0 or nxt.page != line.page
    )


def _running_foot(
    lines: Sequence[Line], i: int, sure: Mapping[int, Role], lang: Language
) -> bool:
    """A short name in capitalised words beside the folio at a page's foot.

    Printed once it cannot repeat, but the text never ends a page on a title
    next to the page number: that is the paper's name or the section's.
    """
    text = lines[i].text
    if i == 0 or ends_sentence(text):  # before the split: most lines end a sentence
        return False
    words = text.split()
    if not words or len(words) > MASTHEAD_WORDS:
        return False
    if not all(w[:1].isupper() or not LETTER.search(w) for w in words):
        return False
    # Looked through: furniture found already, and the paper's date under its
    # name ("Evening Post" / "Monday, May 4, 2026" / "5").
    n = i + 1
    folio = False
    while n < len(lines) and (n in sure or lang.date_line.match(lines[n].text)):
        folio = folio or lang.page_number.match(lines[n].text) is not None
        n += 1
    at_foot = n >= len(lines) or lines[n].page != lines[i].page
    return folio and at_foot


def _advert_run_in(text: str, lang: Language) -> bool:
    """A label and its advert's copy on one line, as a paragraph-per-line
    extraction writes them: "ADVERTISEMENT Fresh bread Order now"."""
    words = text.split()
    for n in (1, 2):
        rest = words[n:]
        if (
            rest
            and len(rest) <= 2 * ADVERT_WORDS
            and lang.advert_label.match(" ".join(words[:n]))
            and (rest[0][:1].isupper() or rest[0][:1].isdigit())
            and not any(ends_sentence(word) for word in rest)
            and not text.endswith((",", ":", ";", "-"))
        ):
            return True
    return False


def _jump_keywords(
    texts: Sequence[str], sure: Mapping[int, Role], lang: Language
) -> dict[str, int]:
    """The heads the text's jump lines name, each with the line naming it first."""
    keywords: dict[str, int] = {}
    for i, role in sorted(sure.items()):
        if role == FURNITURE:
            m = lang.jump_keyword.match(texts[i])
            if m:
                keywords.setdefault(m.group(1).strip(), i)
    return keywords


def is_masthead(text: str, lang: Language) -> bool:
    """A title carrying a date beside a name: a masthead or running head.

    The name is in capitals, set apart by a bar or wide spaces, or a short
    name with every word capitalised ("The Morning Ledger"): a headline that
    holds a date reads on in lowercase words ("Elections set for May 7").
    """
    m = lang.date_in_line.search(text)
    if not m:
        return lang.masthead_year.match(text) is not None
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


def source_rows(lines: Sequence[Line], source: str) -> list[int]:
    """The input row each line starts on (its index, without a ``source``).

    A layout reader cuts one input row into the cells of its columns and
    reads them far apart; the row they shared is still in their offsets.
    """
    if not source:
        return list(range(len(lines)))
    breaks = [m.start() for m in NEWLINE.finditer(source)]
    return [bisect.bisect_right(breaks, line.start - 1) for line in lines]


def _own_cell(source: str, line: Line) -> bool:
    """Whether ``line`` holds its input row alone, or a cell of it that runs
    of spaces set off (a layout extraction's gutters).

    A reader that cut a row run on by single spaces (a paragraph line that
    holds several columns' rows) makes lines that share a row too; those
    are no cells of a page's head or foot. Without a ``source`` every line
    is its own row.
    """
    if not source:
        return True
    row_start = source.rfind("\n", 0, line.start) + 1
    row_end = source.find("\n", line.end)
    before = source[row_start : line.start]
    after = source[line.end : len(source) if row_end < 0 else row_end]
    return (not before.strip() or before.endswith(GUTTER)) and (
        not after.strip() or after.startswith(GUTTER)
    )


def _page_rows(lines: Sequence[Line], rows: Sequence[int]) -> dict[int, list[int]]:
    """Each page's input rows that hold text, in order."""
    pages: dict[int, set[int]] = {}
    for line, row in zip(lines, rows, strict=True):
        pages.setdefault(line.page, set()).add(row)
    return {page: sorted(held) for page, held in pages.items()}


def _edge_rows(lines: Sequence[Line], rows: Sequence[int]) -> set[int]:
    """The lines on their page's first or last input row."""
    pages = _page_rows(lines, rows)
    return {
        i
        for i, (line, row) in enumerate(zip(lines, rows, strict=True))
        if row in (pages[line.page][0], pages[line.page][-1])
    }


def find_furniture(lines: Sequence[Line], lang: Language, source: str = "") -> dict[int, Role]:
    """Credits, notes and furniture: first what a line's shape proves, then
    what it shows only when set apart from the running text.

    ``source`` is the text the lines' offsets point into: with it, the
    cells a layout reader cut out of one input row are known as row-mates.
    """
    roles: dict[int, Role] = {}
    texts = [line.text for line in lines]
    counts = [word_count(text) for text in texts]
    # Spaces squeezed: a layout extraction pads the same running head with
    # as many spaces as each page's gutter needs.
    shapes = [_shape(text) if n <= 10 else "" for text, n in zip(texts, counts, strict=True)]
    rows = source_rows(lines, source)
    edge_rows = _edge_rows(lines, rows)
    repeated = Counter(shape for shape, n in zip(shapes, counts, strict=True) if n <= 10)
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
                        and (
                            not text.isdigit()
                            or _folio_place(
                                lines,
                                i,
                                bare_numbers,
                                lang,
                                i in edge_rows and _own_cell(source, lines[i]),
                            )
                        )
                    )
                    or (_may_be_jump_line(text, lang) and lang.jump_line.match(text))
                    # "BRIDGE, from Page 1": a jump head ends in its page number.
                    or (
                        (text[-2:-1].isdigit() or text[-1:].isdigit())
                        and lang.jump_head.match(text)
                    )
                    or (
                        _may_be_advert_label(text, lang)
                        and (lang.advert_label.match(text) or _advert_run_in(text, lang))
                    )
                )
            )
            or not (text[:1].isalpha() or LETTER_OR_DIGIT.search(text))
        ):
            roles[i] = FURNITURE
    for i in [i for i, role in roles.items() if role == FURNITURE]:
        if _may_be_advert_label(texts[i], lang) and lang.advert_label.match(texts[i]):
            roles.update(dict.fromkeys(_advert_copy(lines, i, roles, lang, rows), FURNITURE))
    sure = dict(roles)
    folios = frozenset(
        i for i, role in sure.items() if role == FURNITURE and lang.page_number.match(texts[i])
    )
    # Copies at a page's top or bottom line (beside its folio or jump line): a
    # running head that reads as a sentence ("Your news, delivered before
    # breakfast.") repeats only there, where a sentence of the body repeated
    # word for word does not stand.
    edge_copies = Counter(
        shapes[i]
        for i in range(len(texts))
        if counts[i] <= 10
        and repeated[shapes[i]] >= 2
        and _at_page_edge(lines, i, sure, folios)
    )
    # Or copies on several pages, each a block of its own line: an extractor
    # that moves the page's head among the text's blocks still sets it apart.
    alone_pages: dict[str, set[int]] = {}
    alone_copies: Counter[str] = Counter()
    for i in range(len(texts)):
        if counts[i] <= 10 and repeated[shapes[i]] >= 2 and _one_line_block(lines, i):
            alone_copies[shapes[i]] += 1
            alone_pages.setdefault(shapes[i], set()).add(lines[i].page)
    keywords = _jump_keywords(texts, sure, lang)
    for i, text in enumerate(texts):
        if i in sure:
            continue
        words = counts[i]
        # Furniture found so far is looked through: a date under the paper's
        # name on a later page stands as apart as the name does.
        apart = _stands_alone(lines, i, lang, roles)
        # Both forms of a name credit hold a slash.
        if words <= 10 and apart and "/" in text and lang.credit_names.match(text):
            roles[i] = CREDIT
        elif apart and text.isdigit() and len(text) <= 4 and (i - 1 in roles or i + 1 in sure):
            # A bare number beside the paper's name or a jump line: the folio.
            roles[i] = FURNITURE
        elif (
            # A running head repeats, stands apart or at a page's edge (or
            # carries a folio), and never ends open or as a speaker label.
            words <= 10
            and repeated[shapes[i]] >= 2
            and (apart or _at_page_edge(lines, i, sure, folios) or FOLIO_MARK.search(text))
            and (
                not ends_sentence(text)
                or edge_copies[shapes[i]] == repeated[shapes[i]]
                or (
                    words >= SENTENCE_HEAD_WORDS
                    and alone_copies[shapes[i]] == repeated[shapes[i]]
                    and len(alone_pages[shapes[i]]) >= 2
                )
            )
            and not open_end(text, lang.function_words)
            and (text[0].isupper() or text[0].isdigit())
            and not lang.date_line.match(text)
            and not lang.speaker_label.match(text)
        ) or (
            # The head a jump line named ("See BRIDGE on Page 7"), printed as
            # the jump line prints it, over the continuation after it.
            text in keywords
            and keywords[text] < i
            and (
                apart
                or lines[i].blank_before > 0
                or i + 1 in sure
                or _at_page_edge(lines, i, sure)
            )
        ) or (
            # The paper's name alone beside the folio at a page's foot.
            words <= MASTHEAD_WORDS and _running_foot(lines, i, sure, lang)
        ) or (
            # A date beside the paper's name (and a page number): a running head.
            apart
            and (
                ((i > 12 or lines[i].page > lines[0].page) and lang.date_line.match(text))
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
    roles.update(_pieced_heads(lines, shapes, roles, folios, lang))
    roles.update(_row_mates(lines, rows, roles, counts, source))
    roles.update(_masthead_dates(lines, roles, counts, lang))
    return roles


def _heading_like(text: str, lang: Language) -> bool:
    """Opens in a capital or a digit, and neither runs on nor labels a speaker."""
    return (
        (text[:1].isupper() or text[:1].isdigit())
        and not open_end(text, lang.function_words)
        and not lang.speaker_label.match(text)
    )


def _paper_name(text: str) -> bool:
    """A name in capitalised words that ends no sentence: "Evening Gazette"."""
    return not ends_sentence(text) and all(
        word[:1].isupper() or not LETTER.search(word) for word in text.split()
    )


def _pieced_heads(
    lines: Sequence[Line],
    shapes: Sequence[str],
    roles: Mapping[int, Role],
    folios: AbstractSet[int],
    lang: Language,
) -> dict[int, Role]:
    """A running head printed whole on one page and in two pieces on another.

    OCR and column readers read the head's row ("Evening Gazette" and the
    slogan "Your news, delivered before breakfast." far to its right) as
    one line on one page and as two lines, far apart, on another. A line
    at a page's edge that is two lines found elsewhere, word for word, one
    of them the paper's name in capitalised words and one at a page's edge
    too, is that head; so is each piece that stands apart from the text.
    Two sentences of the text ("Yes, we did." / "It was hard.") never make
    a head: neither is a name.
    """
    where: dict[str, list[int]] = {}
    for i, shape in enumerate(shapes):
        if shape:
            where.setdefault(shape, []).append(i)
    found: dict[int, Role] = {}
    for i, shape in enumerate(shapes):
        # Two pieces of two words each: three spaces at least.
        if shape.count(" ") < 2 * PIECE_WORDS - 1 or i in roles:
            continue
        words = shape.split()
        if (
            len(words) < 2 * PIECE_WORDS
            or not _heading_like(shape, lang)
            or not _at_page_edge(lines, i, roles, folios)
        ):
            continue
        for k in range(PIECE_WORDS, len(words) - PIECE_WORDS + 1):
            copies = [
                *where.get(" ".join(words[:k]), ()),
                *where.get(" ".join(words[k:]), ()),
            ]
            pieces = {shapes[j] for j in copies}
            if (
                len(pieces) < 2
                or not any(_paper_name(piece) for piece in pieces)
                or not any(
                    roles.get(j) == FURNITURE or _at_page_edge(lines, j, roles, folios)
                    for j in copies
                )
            ):
                continue
            found[i] = FURNITURE
            for j in copies:
                if (
                    j not in roles
                    and _heading_like(lines[j].text, lang)
                    and (
                        _one_line_block(lines, j)
                        or _stands_alone(lines, j, lang, roles)
                        or _at_page_edge(lines, j, roles, folios)
                    )
                ):
                    found[j] = FURNITURE
            break
    return found


def _row_mates(
    lines: Sequence[Line],
    rows: Sequence[int],
    roles: Mapping[int, Role],
    counts: Sequence[int],
    source: str,
) -> dict[int, Role]:
    """The other cells of a page's head or foot row that holds furniture.

    A layout reader cuts the masthead row ("THE CHRONICLE", wide spaces,
    "Independent reporting since 1901.") into cells and reads the right one
    into the last column. The row is the page's first or last, a blank row
    sets it apart from the columns, and one of its cells is furniture: the
    others are the page's too. A body column's first row runs on into the
    next row with no blank between, so a jump line printed beside a
    column's first line leaves that line in the text; and only cells set
    off by gutters are row-mates, never the column lines a reader cut out
    of a paragraph line that ran several columns' rows on.
    """
    cells: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        cells.setdefault(row, []).append(i)
    found: dict[int, Role] = {}
    for held in _page_rows(lines, rows).values():
        if len(held) < 2:
            continue
        for row, beside in ((held[0], held[1]), (held[-1], held[-2])):
            mates = cells[row]
            if (
                abs(beside - row) < 2
                or len(mates) < 2
                or not any(roles.get(j) == FURNITURE for j in mates)
                or not all(_own_cell(source, lines[j]) for j in mates)
            ):
                continue
            for j in mates:
                if (
                    j not in roles
                    and counts[j] <= RUNNING_HEAD_WORDS
                    and LETTER_OR_DIGIT.search(lines[j].text)
                ):
                    found[j] = FURNITURE
    return found


def _date_of(text: str, lang: Language) -> tuple[str, int, int] | None:
    """The date a line holds, spaces squeezed, with where it stands."""
    # lang.date_in_line needs a four-digit year; this search is cheap.
    if not YEAR.search(text):
        return None
    m = lang.date_in_line.search(text)
    return None if m is None else (" ".join(m.group().split()), m.start(), m.end())


def _masthead_dates(
    lines: Sequence[Line], roles: Mapping[int, Role], counts: Sequence[int], lang: Language
) -> dict[int, Role]:
    """Copies of the masthead's date that a column reader put inside the text.

    The date a masthead found as furniture carries ("THE DAILY COURIER
    Monday, March 27, 2006") is the page's: a line that holds that date set
    off by a bar or a dot from its edition ("Monday, March 27, 2006 ·
    Final"), or beside a name in capitals where the line before does not
    run on into it, is furniture wherever it stands. The date alone is left
    to the header: it is as often the story's dateline.
    """
    dates = set()
    for i, role in roles.items():
        if role == FURNITURE:
            date = _date_of(lines[i].text, lang)
            if date is not None:
                dates.add(date[0])
    found: dict[int, Role] = {}
    if not dates:
        return found
    for i, line in enumerate(lines):
        text = line.text
        if i in roles or counts[i] > MASTHEAD_DATE_WORDS:
            continue
        date = _date_of(text, lang)
        if date is None or date[0] not in dates:
            continue
        # The date alone is left to the header: it is as often the dateline.
        rest = (text[: date[1]] + text[date[2] :]).strip()
        if not rest or open_end(text, lang.function_words):
            continue
        # No sentence sets a date off by a bar or a dot; a name in capitals
        # beside it is the paper's only where no sentence runs on into it.
        barred = rest[:1] in MASTHEAD_BARS or rest[-1:] in MASTHEAD_BARS
        before = lines[i - 1].text if i > 0 else ""
        if barred or (rest.isupper() and not open_end(before, lang.function_words)):
            found[i] = FURNITURE
            # "Monday, March 27, 2006 · Final" / "Edition": the edition's
            # word a narrow masthead wrapped onto a line of its own.
            after = lines[i + 1].text if i + 1 < len(lines) else ""
            if i + 1 not in roles and after.casefold() == "edition" and rest[-1:].isalpha():
                found[i + 1] = FURNITURE
    return found
