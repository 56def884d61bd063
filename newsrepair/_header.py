"""The header: kicker, headline, deck, byline and dateline at the top of the story.

The page's first lines are read as units: titles (short, no sentence
punctuation, wrapped lines joined where a title reads on), runs of prose,
bylines, dates, and masthead dates (a date with the edition or volume).
The body starts at the first prose that is neither a tagline under the
paper's name nor a deck over the byline; a byline or date under a title
closes the header. The headline is the highest title of the last few above
the byline, date or body; a short label just over it is the kicker; what
stands higher is masthead furniture (the paper's name, its tagline, its
date); prose or titles between the headline and the byline are the deck.
Where the header reads nothing it returns nothing: a page with no title
keeps its first lines in the body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs
import regex

from ._draft import BYLINE, CAPTION, DATELINE, DECK, FURNITURE, HEADLINE, KICKER, Line, Role
from ._furniture import YEAR, is_masthead
from ._interview import is_label_start, speaker_turns
from ._language import Language
from ._shapes import ends_sentence, letterspaced, open_end, word_count

OPENING_QUOTES = "\"'“‘«„"
# An all-capitals section tag run into the first body line ("INTERVIEW The
# talks ..."), letter-spaced ("M E D I A Texas student…") as well as plain.
RUN_IN_LABEL = regex.compile(
    r"^(\p{Lu}{3,}(?:\s\p{Lu}{3,})?|(?:\p{Lu}{1,2}\s){3,}\p{Lu}{1,2})\s+(?=\p{Lu}\p{Ll})"
)
# A byline or a date the extractor glued to the headline's last word
# ("…collapseFrom Wikinews", "…designThursday, May 7, 2015").
GLUED_SIGNATURE = regex.compile(r"(?<=\p{Ll})(?:(?:From|By)\s+\S|\p{Lu}\p{Ll}+day,?\s)")


def _label_like(text: str) -> bool:
    """A section label or masthead: up to three words, each capitalised.

    A label set with letter spacing ("S C I E N C E") is one word.
    """
    words = text.split()
    return (0 < len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)) or (
        letterspaced(text)
    )


def _title_words(text: str) -> int:
    """Words of a title, a letter-spaced label run into it counting as one."""
    count = word_count(text)
    if text[1:2] == " ":
        m = RUN_IN_LABEL.match(text)
        if m and letterspaced(m.group(1)):
            count -= word_count(m.group(1)) - 1
    return count


def _title_like(text: str, most_words: int = 14) -> bool:
    return (
        _title_words(text) <= most_words
        and any(c.isalpha() for c in text)  # a number alone is a folio
        # Old papers close a heading in capitals with a full stop ("CALL
        # THE AMBULANCE.") and break its words ("THE CIVIL SER-"); a title
        # in mixed case that ends so is a sentence.
        and (
            not text.endswith((".", ",", ";", ":", "-"))
            or _stopped_capitals(text)
            or (text.endswith("-") and word_count(text) >= 2 and text.isupper())
        )
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘")
    )


def _sentence_case(text: str) -> bool:
    """Two lowercase words or more after the first, none of them a title's
    short function word alone: "The Duke of Windsor, formerly Edward"."""
    words = text.split()[1:]
    return sum(1 for word in words if word[:1].islower() and len(word) > 3) >= 2


def _stopped_capitals(text: str, min_words: int = 2) -> bool:
    """A heading in capitals closed by one full stop: "MEMORIAL TO JOHN BAXTER."."""
    return (
        text.endswith(".")
        and word_count(text) >= min_words
        and _mostly_capitals(text)
        and not text[:-1].rstrip().endswith((".", ",", ";", ":", "-"))
    )


# OCR reads a letter or two of a heading in capitals as lowercase
# ("FOURTH l'KST MATCH."); a heading holds at least this share of capitals.
CAPITALS_SHARE = 0.85


def _mostly_capitals(text: str) -> bool:
    """Capitals, but for a letter or two OCR misread."""
    if text.isupper():
        return True
    letters = [c for c in text if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return len(letters) >= 8 and upper >= CAPITALS_SHARE * len(letters)


def tidy_kicker(line: Line) -> Line:
    """A kicker set with letter spacing ("S P O RT S") as the word it is."""
    if not letterspaced(line.text):
        return line
    return line.edited(0, len(line.text), "".join(line.text.split()))


# A line this share of the column wide, or more, that the next lines of its
# block go on is a paragraph's first line, not a title; in sentence case,
# from a smaller share.
FULL_SHARE = 0.8
SENTENCE_CASE_FULL = 0.7
# An old paper's dateline of its own ("KURRI KURRI, Sunday.") is short.
PLACE_DATE_CHARS = 40
# The header is read from the first lines of the page only.
HEADER_LINES = 48
# A header holds at most this many units above the body.
HEADER_UNITS = 16
# A short sentence at the top of the page, or right under the paper's name,
# is the paper's tagline, not the body. Further down, a run of short
# sentences is the body of a page with no title (old papers stack their
# headings as sentences).
TAGLINE_WORDS = 8
# Between the headline and the byline or date: at most this many deck units,
# each of at most this many words.
DECK_UNITS = 2
DECK_WORDS = 60
# Lines set close (no blank line before them), among the next lines, that
# show a body set tighter than the large type above it.
CLOSE_SET_LINES = 3
CLOSE_SET_WINDOW = 12
# A headline wrapped in large type ends on a line of at most this many words
# even when that line starts with a capital ("… player" / "Tina McKenzie").
TITLE_TAIL_WORDS = 3
# A title set in large type, a blank line under each of its lines: a line of
# its own holds a name or two, and its lowercase tail comes within a few lines.
LARGE_TYPE_WORDS = 2
LARGE_TYPE_LOOKAHEAD = 3
LARGE_TYPE_ABOVE = 2
# A title holds at most this many words; more is a paragraph.
TITLE_WORDS = 20
# A headline alone on the text's first line, set apart from what follows,
# may hold as many words as any title (news headlines run to twenty); a
# paragraph of more that lost its stop is not taken for one.
LONG_TITLE_WORDS = TITLE_WORDS


@attrs.define
class _Unit:
    """One element of the page top: lines that read as one title, one
    byline, one date or one run of prose."""

    kind: str  # "title", "prose", "byline", "date" or "masthead"
    members: list[int]
    text: str
    # A title line the furniture rules set aside (a running head repeating
    # the headline on the next page): it may be the headline, nothing else.
    reclaimed: bool = False


def _over_masthead(lines: Sequence[Line], unit: _Unit, headline: _Unit, lang: Language) -> bool:
    """Whether the line right under ``unit`` is a masthead date set aside as furniture.

    The paper's name prints over its date line ("· Late Edition"), a kicker
    over the headline: a label with the masthead date right under it is the
    paper's name, however close to the headline the furniture's removal left
    it. (A kicker that an extractor wrote above the paper's name and date,
    as OCR reads a row, has the name under it, not the date.)
    """
    after = unit.members[-1] + 1
    if after >= headline.members[0]:
        return False
    # A bare date under a label is the story's date line, the label its kicker.
    return _meta_kind(lines[after].text, lang) == "masthead"


def _reclaimable(
    line: Line, role: Role, first_page: int, copies: Counter[str], lang: Language
) -> bool:
    """Whether a line set aside as furniture may still be the headline: a
    title of some length on the first page, which the furniture rules took
    for a running head because the next page repeats it (``copies``: how
    often each furniture line's text is printed)."""
    text = line.text
    return (
        role == FURNITURE
        and line.page == first_page
        and copies[text] >= 2
        and _title_like(text)
        and word_count(text) >= 4
        and not _label_like(text)
        and not lang.jump_line.match(text)
        and not lang.jump_head.match(text)
        and not lang.date_in_line.search(text)
    )


def _long_title_place(lines: Sequence[Line], roles: dict[int, Role]) -> bool:
    """Whether the text's first line may hold a long headline: it stands
    apart from the next line of the text (furniture looked through), and
    that line opens a paragraph (a capital; it ends its sentence, or the
    lines set close under it go on): a text set a line to a block
    throughout shows no such paragraph, and a line that goes on in
    lowercase below is a sentence cut."""
    nxt = next((j for j in range(1, min(len(lines), HEADER_LINES)) if j not in roles), None)
    if nxt is None or _close_set_below(lines, 0) or lines[nxt].page != lines[0].page:
        return False
    text = lines[nxt].text
    return not text[:1].islower() and (ends_sentence(text) or _close_set_below(lines, nxt))


def _close_set_below(lines: Sequence[Line], at: int) -> bool:
    """Whether the line after ``at`` follows it on the next row (no blank line)."""
    nxt = at + 1
    return nxt < len(lines) and lines[nxt].blank_before == 0 and lines[nxt].page == lines[at].page


def _signed_date(
    units: list[_Unit], at: int, role: Role, lines: Sequence[Line], lang: Language
) -> bool:
    """Whether furniture line ``at`` is a date right under the byline unit last read."""
    if role != FURNITURE or not units or units[-1].kind != "byline":
        return False
    line = lines[at]
    signed = units[-1].members[-1]
    return (
        at - signed == 1
        and line.page == lines[signed].page
        and YEAR.search(line.text) is not None
        and lang.date_line.match(line.text) is not None
    )


def _meta_kind(text: str, lang: Language) -> str | None:
    """"byline", "date" or "masthead" for such a line, else None."""
    if lang.byline_line.match(text):
        return "byline"
    # Every date the patterns know holds a four-digit year: most lines
    # are settled by this cheap search. An old paper's dateline names the
    # place and the day instead ("PERTH, Thursday."), on a short line that
    # opens in a capital.
    if not YEAR.search(text):
        if len(text) <= PLACE_DATE_CHARS and text[1:2].isupper() and (
            lang.place_date_line.match(text)
        ):
            return "date"
        return None
    if lang.date_line.match(text):
        return "date"
    # A date beside the paper's name or the edition ("· Vol. 12, No. 41"),
    # but no sentence that holds a date.
    if not text.endswith(".") and is_masthead(text, lang):
        return "masthead"
    return None


def _wraps_masthead(masthead: str, text: str) -> bool:
    """Whether ``text`` is the last word of a masthead date line, wrapped:
    one capitalised word under a line that ended in one ("· Final" / "Edition")."""
    last = masthead.rsplit(None, 1)[-1]
    return (
        " " not in text
        and text.istitle()
        and text.isalpha()
        and last.istitle()
        and last.isalpha()
    )


def _capitals_heading(text: str) -> bool:
    """A line of a heading in capitals, at most ending in a full stop."""
    return text.isupper() and not text.rstrip(".").endswith((",", ";", ":", "-", "."))


POSSESSIVE_ENDS = ("'s", "’s", "'S", "’S", "s'", "s’", "S'", "S’")


def _tail_joins(above: str, below: str, same_block: bool, lang: Language) -> bool:
    """Whether title line ``below`` goes on the title that ends in ``above``."""
    if _stopped_capitals(above):
        return False  # the heading closed with its stop ("RECORDED IN SYDNEY.")
    # A quotation opening the next line reads on when it opens in lowercase
    # ('Harbour master warns of' / '"a disaster waiting to happen"').
    opening = below.lstrip(OPENING_QUOTES)
    if opening[:1].islower():
        return True
    if above.isupper() != below.isupper():
        return False  # a label in capitals over a title in mixed case, or the reverse
    # A possessive waits for its noun ("BOXING PROMOTER'S" / "DIVORCE").
    if open_end(above, lang.function_words) or above.endswith(POSSESSIVE_ENDS):
        return True
    if above.isupper():
        # Capitals-only lines stand alone, but for the line that closes an
        # old paper's heading with its stop ("DANGER OF UNSKILLED" /
        # "TREATMENT."), set close under a line with no end of its own.
        return (
            same_block
            and below.endswith(".")
            and _capitals_heading(below)
            and not above.endswith((".", "!", "?", ",", ";", ":"))
        )
    if word_count(below) > TITLE_TAIL_WORDS:
        return False  # a line that is a title of its own: a deck, or another title
    return same_block or word_count(above) >= 4


def _units(
    lines: Sequence[Line],
    roles: dict[int, Role],
    width: float,
    label_counts: Counter[str],
    lang: Language,
) -> list[_Unit]:
    """The first lines of the page as units, up to the first speaker turn."""
    units: list[_Unit] = []
    previous = -2
    limit = min(len(lines), HEADER_LINES)
    copies: Counter[str] | None = None
    for i in range(limit):
        line = lines[i]
        text = line.text
        if i in roles:
            if copies is None:
                copies = Counter(lines[j].text for j, r in roles.items() if r == FURNITURE)
            if _reclaimable(line, roles[i], lines[0].page, copies, lang):
                units.append(_Unit("title", [i], text, reclaimed=True))
                previous = -2
            elif _signed_date(units, i, roles[i], lines, lang):
                # The story's date under its byline, which the furniture
                # rules took for a copy of the masthead's date above.
                units.append(_Unit("date", [i], text))
                previous = i
            continue
        if is_label_start(text, lang) and speaker_turns(text, label_counts, lang):
            break
        same_block = previous == i - 1 and line.blank_before == 0
        previous_page = lines[previous].page if previous >= 0 else None
        if previous >= 0 and line.page != lines[previous].page:
            same_block = False
        previous = i
        meta = _meta_kind(text, lang)
        last = units[-1] if units else None
        if (
            last is not None
            and last.kind == "byline"
            and same_block
            and lang.byline_line.match(f"{last.text} {text}")
        ):
            # A byline wrapped onto a second line ("By A STAFF" / "CORRESPONDENT").
            last.members.append(i)
            last.text += " " + text
            continue
        if meta is not None:
            units.append(_Unit(meta, [i], text))
            continue
        if (
            last is not None
            and last.kind == "masthead"
            and same_block
            and _wraps_masthead(last.text, text)
        ):
            # The masthead date's last word, wrapped ("· Final" / "Edition").
            last.members.append(i)
            last.text += " " + text
            continue
        # A sentence cut by a blank line (OCR writes one inside a deck) goes
        # on where it visibly cannot stop and the next line opens in lowercase.
        cut_sentence = (
            last is not None
            and previous_page == line.page
            and text[:1].islower()
            and open_end(last.text, lang.function_words)
        )
        if (
            last is not None
            and last.kind == "prose"
            and (same_block or cut_sentence)
            and not (ends_sentence(last.text) and _starts_unit(text, lang))
        ):
            last.members.append(i)
            last.text += " " + text
            continue
        # A paragraph's first line stops short of the column where it is
        # indented or opens with a drop capital; one set in sentence case
        # (lowercase words after the first) is taken as full from less.
        share = SENTENCE_CASE_FULL if _sentence_case(text) else FULL_SHARE
        full = bool(width) and share * width <= len(text) <= 1.1 * width and _reads_on(
            lines, roles, i, width, lang
        )
        # The first line, set apart over a paragraph, may hold a long
        # headline: a paragraph's line ends with its stop.
        long_title = i == 0 and _long_title_place(lines, roles)
        title = (
            _title_like(text, LONG_TITLE_WORDS if long_title else 14)
            and not (full and not text.isupper() and not _signed_below(lines, roles, i, lang))
        )
        if last is not None and last.kind == "title":
            above = lines[last.members[-1]].text
            joins = _tail_joins(above, text, same_block, lang)
            # Old papers close a heading in capitals with a full stop
            # ("PRECAUTIONS OF THE" / "POWERS.").
            closing_capitals = (
                _capitals_heading(above) or (above.isupper() and above.endswith("-"))
            ) and _capitals_heading(text)
            # Across a blank line, a line that opens in lowercase goes on the
            # title where large type sets each line apart; one that reads on
            # into the next line set close under it is the body's first (a
            # title ends, a paragraph opens with a lowercase name: "wikiHow
            # is a site which aims to" / "build …").
            paragraph_opens = (
                not same_block
                and not open_end(above, lang.function_words)
                and _close_set_below(lines, i)
                and (
                    open_end(text, lang.function_words)
                    or lines[i + 1].text[:1].islower()
                )
            )
            if joins and (
                title
                or closing_capitals
                or (text[:1].islower() and word_count(text) <= 10 and not paragraph_opens)
            ):
                last.members.append(i)
                last.text += " " + text
                if (ends_sentence(text) and not closing_capitals) or word_count(
                    last.text
                ) > TITLE_WORDS:
                    last.kind = "prose"
                continue
            if (
                not joins
                and title
                # A word or label on top is a kicker, not a title's first line.
                and word_count(last.text) >= LARGE_TYPE_ABOVE
                and _large_type_run(lines, roles, i)
            ):
                # Large type set line by line, a blank line under each
                # ("Harbour town" / "Northgate" / "welcomes its"): a name
                # on a line of its own goes on the title when the lines
                # after it, short too, go on in lowercase.
                last.members.append(i)
                last.text += " " + text
                continue
            if same_block and text[:1].islower():
                # The "title" goes on as a sentence: it was a paragraph's first line.
                last.kind = "prose"
                last.members.append(i)
                last.text += " " + text
                continue
        units.append(_Unit("title" if title else "prose", [i], text))
        if len(units) > HEADER_UNITS:
            break
    return units


def _large_type_run(lines: Sequence[Line], roles: dict[int, Role], at: int) -> bool:
    """Whether short title line ``at`` is inside a title set line by line.

    The line holds a name or two (no sentence punctuation, not capitals
    only) and stands a blank line apart; the next lines, as short and as
    far apart, reach a line that opens in lowercase before anything else:
    the title reads on through them ("Ahmed" / "Mohamed" / "inspires
    social"). A capitalised line that the next line does not go on in
    lowercase is a title or label of its own.
    """
    line = lines[at]
    if not line.blank_before or not _name_line(line.text):
        return False
    for j in range(at + 1, min(len(lines), at + 1 + LARGE_TYPE_LOOKAHEAD)):
        below = lines[j]
        if j in roles or below.page != line.page or not below.blank_before:
            return False
        text = below.text
        if text[:1].islower():
            return word_count(text) <= TITLE_TAIL_WORDS and _title_like(text.capitalize())
        if not _name_line(text):
            return False
    return False


def _name_line(text: str) -> bool:
    """A name or two on a line of its own: every word capitalised, not capitals only."""
    words = text.split()
    return (
        0 < len(words) <= LARGE_TYPE_WORDS
        and not text.isupper()
        and all(w[:1].isupper() and w[1:].islower() for w in words)
    )


def _starts_unit(text: str, lang: Language) -> bool:
    """Whether a line after a finished sentence opens a title or label, not
    the next sentence: extractors that write no blank lines run the
    tagline, the kicker and the headline into one block."""
    return text.isupper() or letterspaced(text) or (
        _title_like(text) and word_count(text) <= 4 and not open_end(text, lang.function_words)
    )


def _reads_on(
    lines: Sequence[Line], roles: dict[int, Role], at: int, width: float, lang: Language
) -> bool:
    """Whether line ``at`` opens a paragraph that the next lines of its block go on.

    A line as wide as a column is a paragraph's first line when the block
    reads on from it: the next line continues in lowercase, is as wide, or
    ends the sentence. A title stands in a block of its
    own, or over a byline, a short line or a line wider than the column.
    """
    text = lines[at].text
    below: list[str] = []
    for j in range(at + 1, min(len(lines), at + 4)):
        if lines[j].blank_before or lines[j].page != lines[at].page:
            break
        if j not in roles:
            below.append(lines[j].text)
    if not below or len(below[0]) > 1.1 * width:
        return False
    return (
        below[0][:1].islower()
        or open_end(text, lang.function_words)
        or len(below[0]) >= 0.8 * width
        or ends_sentence(below[0])
    )


def _signed_below(lines: Sequence[Line], roles: dict[int, Role], at: int, lang: Language) -> bool:
    """Whether a byline or date follows line ``at`` before any sentence ends."""
    seen = 0
    for j in range(at + 1, min(len(lines), at + 6)):
        if j in roles:
            continue
        text = lines[j].text
        if lang.byline_line.match(text) or lang.date_line.match(text):
            return True
        if ends_sentence(text) or seen >= 3:
            return False
        seen += 1
    return False


def _tagline_place(units: list[_Unit], k: int) -> bool:
    """Whether unit ``k`` stands where a tagline does: first, over the paper's
    name and the story's titles, or under the paper's name in capitals.

    A sentence over one title and the body is the body's first
    paragraph over a subheading ("Mr. Wade was Crown Prosecutor." /
    "SENTENCES"), as a repaired body begins: no tagline stands there.
    """
    if k == 0:
        return not (
            ends_sentence(units[0].text)
            and len(units) > 2
            and units[1].kind == "title"
            and units[2].kind == "prose"
        )
    return k == 1 and units[0].kind == "title" and _label_like(units[0].text)


def _large_type_prose(lines: Sequence[Line], units: list[_Unit], k: int) -> bool:
    """Whether prose unit ``k``, right under a title, is set like the title.

    A layout-preserving extraction leaves a blank line under each line of
    large type; the body's lines follow each other with none. A sentence
    under the headline whose every line stands a blank line apart, over a
    body that has lines set close, is the deck even where no byline
    follows it (the byline stood in another column). Text set double-spaced
    throughout has no close-set body, so its first paragraph stays body.
    """
    unit = units[k]
    if k == 0 or units[k - 1].kind != "title" or len(unit.members) < 2:
        return False
    if not ends_sentence(unit.text) or any(not lines[i].blank_before for i in unit.members[1:]):
        return False
    after = unit.members[-1] + 1
    below = lines[after : after + CLOSE_SET_WINDOW]
    return sum(1 for line in below if not line.blank_before) >= CLOSE_SET_LINES


def _body_start(lines: Sequence[Line], units: list[_Unit]) -> int:
    """The first unit of the body: prose that is no tagline and no deck."""
    titled = False
    signed = False
    for k, unit in enumerate(units):
        if signed and unit.kind in ("title", "prose"):
            return k  # the byline and date under a title close the header
        if titled and unit.kind in ("byline", "date"):
            signed = True
            continue
        if unit.kind == "title":
            # The paper's name in capitals does not end its tagline's place.
            titled = titled or not _label_like(unit.text)
            continue
        if unit.kind != "prose":
            continue
        words = word_count(unit.text)
        if (
            not titled
            and len(unit.members) == 1
            and words <= TAGLINE_WORDS
            and _tagline_place(units, k)
        ):
            continue  # a tagline under the paper's name
        deck = False
        for later in units[k + 1 : k + 1 + DECK_UNITS]:
            if later.kind in ("byline", "date"):
                deck = True
                break
            if later.kind == "prose":
                break
        if titled and deck and words <= DECK_WORDS:
            continue  # a deck over the byline
        if titled and words <= DECK_WORDS and _large_type_prose(lines, units, k):
            continue  # a deck in large type
        return k
    return len(units)


def find_header(
    lines: Sequence[Line],
    blocks: list[list[int]],
    roles: dict[int, Role],
    width: float,
    label_counts: Counter[str],
    lang: Language,
) -> dict[int, Role]:
    """Label kicker, headline, deck, byline and dateline at the top of the page.

    The page top is read as units (titles, prose, bylines, dates); the body
    starts at the first prose that is neither a tagline over the paper's
    name nor a deck over the byline. The headline is the highest title of
    the last few above the byline, date or body; a label just over it is
    the kicker; what stands higher is masthead furniture.
    """
    del blocks  # units follow blank lines and pages themselves
    units = _units(lines, roles, width, label_counts, lang)
    old_paper = _old_paper_heading(lines, units, width, lang)
    if old_paper is not None:
        return old_paper
    start = _body_start(lines, units)
    region = units[:start]
    # The signature: the first byline or date under the last title.
    titles = [k for k, u in enumerate(region) if u.kind == "title"]
    if not titles:
        return _signature_only(region)
    last_title = titles[-1]
    end = next(
        (k for k in range(last_title + 1, len(region)) if region[k].kind in ("byline", "date")),
        len(region),
    )
    stack = [k for k in range(end) if region[k].kind in ("title", "prose")]
    candidates = stack[-(DECK_UNITS + 1) :]
    texts = Counter(u.text for u in region)
    last_before_end = max((k for k in candidates if region[k].kind == "title"), default=None)
    headline = next(
        (
            k
            for k in candidates
            if region[k].kind == "title"
            and not _label_like(region[k].text)
            and not is_masthead(region[k].text, lang)
            # A running head taken back is the headline only right above
            # the byline or the body, where a headline stands.
            and (not region[k].reclaimed or k == last_before_end)
        ),
        None,
    )
    if headline is None:
        # Every title is short and capitalised: the last one is the headline.
        headline = next(
            (
                k
                for k in reversed(candidates)
                if region[k].kind == "title" and not region[k].reclaimed
            ),
            None,
        )
    if headline is None:
        return _signature_only(region)
    headline_text = region[headline].text
    if end == len(region) and ends_sentence(headline_text) and not headline_text.isupper():
        # A question or exclamation over the body with no byline or date
        # under it is as likely the body's first line, or a question put.
        return {}
    out: dict[int, Role] = {}
    out.update(dict.fromkeys(region[headline].members, HEADLINE))
    kicker = None
    for k in range(headline - 1, -1, -1):
        unit = region[k]
        if unit.kind == "date":
            continue
        if (
            unit.kind == "title"
            and _label_like(unit.text)
            and any(c.isalpha() for c in unit.text)  # a folio labels nothing
            and texts[unit.text] == 1
            and not is_masthead(unit.text, lang)
            and not _over_masthead(lines, unit, region[headline], lang)
        ):
            kicker = k
        break
    for k in range(headline):
        role = KICKER if k == kicker else FURNITURE
        out.update(dict.fromkeys(region[k].members, role))
    for k in range(headline + 1, end):
        role = DECK if region[k].kind in ("title", "prose") else FURNITURE
        if not region[k].reclaimed:
            out.update(dict.fromkeys(region[k].members, role))
    signature = _signature(region[end:])
    out.update(signature)
    if signature and start < len(units):
        out.update(_lead_caption(lines, units[start:], lang))
    return out


# An old paper's subheading holds at most this many words: more is the
# body's first sentence. A line of it in mixed case is shorter than this
# share of the body's lines.
OLD_DECK_WORDS = 20
SUBHEADING_SHARE = 0.75


def _old_paper_heading(
    lines: Sequence[Line], units: list[_Unit], width: float, lang: Language
) -> dict[int, Role] | None:
    """An old paper's heading stack, or None for any other page top.

    Old papers open a story with a heading in capitals closed by a full
    stop ("MEMORIAL TO JOHN BAXTER."), then short subheadings, each closed
    by its stop, and perhaps the place and day ("PERTH, Thursday."). The
    first heading is the headline (a section word over it, "LAW.", is the
    kicker); nothing under it is the paper's masthead, so each subheading
    is deck, up to the first line that does not close: the body's.
    """
    first = next((k for k, u in enumerate(units) if u.kind in ("title", "prose")), None)
    if first is None or units[first].reclaimed:
        return None
    head = units[first]
    nxt = units[first + 1] if first + 1 < len(units) else None
    # A section word over the heading ("LAW." / "INSOLVENCY COURT.").
    section = (
        len(head.members) == 1
        and _stopped_capitals(head.text, 1)
        and word_count(head.text) == 1
        and nxt is not None
        and nxt.kind == "title"
        and _stopped_capitals(nxt.text)
    )
    if not section and (head.kind != "title" or not _stopped_capitals(head.text)):
        return None
    if is_masthead(head.text, lang):
        return None
    out: dict[int, Role] = {}
    for unit in units[:first]:
        out.update(dict.fromkeys(unit.members, FURNITURE))  # dates over the heading
    headline = first
    if section:
        out.update(dict.fromkeys(head.members, KICKER))
        headline = first + 1
    out.update(dict.fromkeys(units[headline].members, HEADLINE))
    # Subheadings, line by line: OCR sets no blank line before the body, so
    # a unit may hold a subheading and the body's first lines after it.
    after = [(i, k) for k in range(headline + 1, len(units)) for i in units[k].members]
    j = 0
    while j < len(after) and units[after[j][1]].kind in ("title", "prose"):
        group: list[int] = []
        while (
            j < len(after)
            and len(group) < SUBHEADING_LINES
            and units[after[j][1]].kind in ("title", "prose")
        ):
            group.append(after[j][0])
            j += 1
            text = lines[group[-1]].text
            if _closes(text) or (
                # A subheading in capitals that lost its stop, over the body.
                _open_capitals(text)
                and j < len(after)
                and not _mostly_capitals(lines[after[j][0]].text)
            ):
                break
        texts = [lines[i].text for i in group]
        whole = " ".join(texts)
        if (
            not (_closes(texts[-1]) or (len(group) == 1 and _open_capitals(whole)))
            or word_count(whole) > OLD_DECK_WORDS
            or not all(_subheading_line(text, width, lang) for text in texts)
        ):
            return out  # the body's first line
        out.update(dict.fromkeys(group, DECK))
    if j < len(after) and (j == 0 or after[j][1] != after[j - 1][1]):
        out.update(_signature(units[after[j][1] :]))
    return out


# A subheading holds at most this many lines.
SUBHEADING_LINES = 3
# What OCR reads at a heading's end from the rules and edges around it
# ("TROUBLES. I", "CREEK. !", "COURT. |").
TRAILING_MARK = regex.compile(r"(?<=[.!?][\"'”’)]?)\s+[|Il!j1]$")


def _closes(text: str) -> bool:
    """Whether a heading line ends its heading: a stop, an OCR mark aside."""
    text = TRAILING_MARK.sub("", text.rstrip())
    return ends_sentence(text.rstrip(" \"'”’"))


def _open_capitals(text: str) -> bool:
    """A line in capitals with no stop, of a few words: a subheading whose
    stop OCR lost ("QUEENSLAND AND N.S.W. WIN")."""
    return word_count(text) >= 2 and word_count(text) <= TITLE_WORDS and _mostly_capitals(text)


def _subheading_line(text: str, width: float, lang: Language) -> bool:
    """A line an old paper's subheading can hold: capitals, or shorter than
    the body's lines ("(Before Mr. Justice Owen.)"), opening in a capital or
    a bracket, and not stopped by an abbreviation ("(Mr.")."""
    if _capitals_heading(text) or (text[:1] in "([" and text.endswith((")", "]"))):
        return True  # capitals, or the court and judge in brackets
    return (
        (not width or len(text) <= SUBHEADING_SHARE * width)
        and not text[:1].islower()
        and lang.abbreviation_end.search(text) is None
    )


# A lead photo's caption under the byline holds at most this many words.
LEAD_CAPTION_WORDS = 14


def _lead_caption(lines: Sequence[Line], body: list[_Unit], lang: Language) -> dict[int, Role]:
    """The caption of the lead photo, printed between the byline and the lede.

    It is one line that ends a sentence yet holds no finite verb ("The
    current flag of New Zealand."), and the body goes on after it: a lede
    says what happened. Without a byline or date above it, no line is taken.
    """
    first = body[0]
    if first.kind != "prose":
        return {}
    at = first.members[0]
    text = lines[at].text
    rest = len(first.members) > 1 or len(body) > 1
    if not rest or not ends_sentence(text) or word_count(text) > LEAD_CAPTION_WORDS:
        return {}
    if len(first.members) > 1 and not lines[first.members[1]].text[:1].isupper():
        return {}
    if lang.has_finite_verb(text) or lang.abbreviation_end.search(text):
        # A verb makes it the lede; an abbreviation's stop ("U.S.") ends no sentence.
        return {}
    return {at: CAPTION}


def _signature(units: list[_Unit]) -> dict[int, Role]:
    """Bylines and dates under the title: the date nearest the byline is the
    article's, and any other date is the masthead's."""
    out: dict[int, Role] = {}
    dates: list[_Unit] = []
    for unit in units:
        if unit.kind == "byline":
            out.update(dict.fromkeys(unit.members, BYLINE))
        elif unit.kind == "date":
            dates.append(unit)
        elif unit.kind == "masthead":
            out.update(dict.fromkeys(unit.members, FURNITURE))
        else:
            break
    if dates:
        out.update(dict.fromkeys(dates[0].members, DATELINE))
        for unit in dates[1:]:
            out.update(dict.fromkeys(unit.members, FURNITURE))
    return out


def _signature_only(region: list[_Unit]) -> dict[int, Role]:
    """No title: a byline or date opening the page is still the article's."""
    lead = 0
    while lead < len(region) and region[lead].kind in ("byline", "date", "masthead"):
        lead += 1
    return _signature(region[:lead])


def split_run_in_label(
    line: Line, role: Role = FURNITURE, min_words: int = 8
) -> tuple[Line, Line] | None:
    """A capitals label run into a line ("INTERVIEW The talks…"), cut off as ``role``."""
    m = RUN_IN_LABEL.match(line.text)
    if not m or word_count(line.text) < min_words:
        return None
    label, rest = line.split_at(len(m.group(1)), m.end())
    return attrs.evolve(label, role=role), rest


def split_glued_signature(line: Line, lang: Language) -> tuple[Line, Line] | None:
    """A byline or date glued to the end of a title line, cut off as its own line.

    Extractors that lose the line break between two lines of large type
    glue "From Wikinews" or the date to the headline's last word. The cut
    is made only where the rest of the line is a whole byline or date; an
    edited line is cut through its own offset map.
    """
    for m in GLUED_SIGNATURE.finditer(line.text):
        tail = line.text[m.start() :]
        role = (
            BYLINE
            if lang.byline_line.match(tail)
            else DATELINE
            if lang.date_line.match(tail)
            else None
        )
        if role is not None:
            head, signature = line.split_at(m.start(), m.start())
            return head, attrs.evolve(signature, role=role)
    return None
