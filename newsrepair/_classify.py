"""Pass 3: tell structure and furniture from the body flow.

Lines are labelled by what they look like and where they stand: page numbers,
jump lines and repeated running heads are furniture; photo credits and the
caption printed next to them; end notes; and, at the top, kicker, headline,
deck, byline and dateline. Everything left is body flow for the later passes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import attrs
import regex

from ._config import Config
from ._draft import (
    BYLINE,
    CAPTION,
    CREDIT,
    DATELINE,
    DECK,
    FURNITURE,
    HEADLINE,
    KICKER,
    NOTE,
    UNKNOWN,
    Block,
    Draft,
    Line,
)
from ._lexicon import FUNCTION_WORDS, Lexicon
from ._model import Repair
from ._shapes import ends_sentence

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?)"
)

PAGE_NUMBER = regex.compile(
    r"(?i)^(?:(?:page|p\.)\s*)?[A-Z]?\d{1,4}$|^[-–—]\s*\d{1,4}\s*[-–—]$"
    r"|^\d{1,4}\s*[|•·]\s*\S.{0,60}$|^\S.{0,60}[|•·]\s*\d{1,4}$"
)
JUMP_LINE = regex.compile(
    r"(?i)^[(\[]?\s*(?:(?:please\s+)?(?:continued|cont(?:'|’)?d\.?|turn(?:s|ed)?\s+to|see|"
    r"jump(?:s|ed)?)\b"
    r"[^.!?]{0,60}?\b(?:page|p\.|pg\.?)\s*[A-Z]?\d{1,3}[A-Z]?"
    r"|(?:continued|cont(?:'|’)?d\.?)\s+(?:on|from)\s+[A-Z]\d{1,3}"
    r"|(?:continued\s+)?from\s+(?:page|p\.)\s*[A-Z]?\d{1,3}"
    r"|continued\s+(?:on|from)\s+(?:the\s+)?(?:next|previous|back|front)\s+page)"
    r"[^.!?]{0,30}[.)\]]*$"
)
# What a credit names: people and agencies, capitalised, with a few joiners.
_NAMES = (
    r"(?:[\p{Lu}\d©][\p{L}\d.'’&-]*|/|via|for|and|of|the|de|van|von|al)"
    r"(?:[ /]+(?:[\p{Lu}\d][\p{L}\d.'’&-]*|/|via|for|and|of|the|de|van|von|al))*"
)
# A credit by its label, bullet or agency: strong wherever it stands.
CREDIT_LINE = regex.compile(
    rf"^(?:[•·]\s*|©\s*(?!\d{{4}})|(?i:photo(?:graph)?s?|image|picture|credit|illustration|graphic)s?"
    rf"\s*(?i:by|/)\s*){_NAMES}\.?$"
    r"|^(?i:photo(?:graph)?s?|image|picture|credit|illustration|graphic)s?\s*:\s*\S.{0,60}$"
    r"|^\((?i:photo(?:graph)?s?|image|picture|credit|illustration|graphic)s?\s*(?::|(?i:by))"
    r"\s*\S.{0,60}\)$"
    r"|^(?:(?:AP|AFP|EPA|Reuters|Getty Images|Xinhua|Pool|Bloomberg)(?:\s*(?:/|via)\s*\S.*)?)$"
)
# A bare "NAME/AGENCY": a credit only when set apart from the text, since a
# narrow column may hold "Science/Technology" on a line of its own.
CREDIT_NAMES = regex.compile(
    r"^(?-i:[\p{Lu}][\p{Lu}.'’ -]+/\s*[\p{Lu}][\p{L}.'’ -]*)$"
    r"|^(?-i:\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2} ?/ ?"
    r"\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3})$"
)
END_NOTE = regex.compile(
    r"(?i)^(?:(?:this|the)\s+(?:article|story|interview|report|piece|column|op-ed)\s+"
    r"(?:was\s+)?(?:first\s+|originally\s+)?(?:appeared|published|ran|was\s+published)\b"
    r"|\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b"
    r"|(?:copyright|©)\s"
    r"|(?:this|the)\s+(?:article|story)\s+has\s+been\s+(?:updated|corrected)\b)"
)
BYLINE_LINE = regex.compile(
    r"^(?:From|FROM)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$|"
    r"^(?:By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+[\p{L}.'’&-]+){0,8}"
    r"(?:\s*[,|]\s*(?:@\w+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+))?$|"
    r"^(?:By|BY|by)\s+\p{Lu}[\p{L}.'’-]*(?:[ ,]+(?:and|&|\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin))*"
    r"(?:\s*[,|/–—-]\s*[\p{L} .'’]{0,40})?$"
)
DATE_LINE = regex.compile(
    rf"(?i)^(?:(?:published|updated|posted)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:[,\s]+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*[\p{{L}}]{{0,4}})?$"
)
DATE_IN_LINE = regex.compile(
    rf"(?i)\b(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})\b"
)
# An all-capitals section tag run into the first body line ("INTERVIEW The talks ...").
RUN_IN_LABEL = regex.compile(r"^(\p{Lu}{3,}(?:\s\p{Lu}{3,})?)\s+(?=\p{Lu}\p{Ll})")
CAPTION_HINT = regex.compile(
    r"\((?:L|R|C|left|right|cent(?:er|re)|top|bottom|front|back)(?:\s+to\s+right)?\)"
    r"|\b(?:left|right) to right\b"
)
INLINE_CREDIT = regex.compile(
    r"(?<=[.!?][\"'”’)]?)\s+((?i:photo(?:graph)?s?|picture|image|credit|illustration)\s*"
    r"(?::|(?i:by))\s*\S.{0,60})$"
)
# What stands before the name in a credit line: a bullet, or "Photo:", "Image by".
CREDIT_MARKER = regex.compile(
    r"^(?:[•·▪■]\s*|(?i:photo(?:graph)?s?|picture|image|credit|illustration|graphic)s?"
    r"\s*(?::|(?i:by\b)|/)\s*)"
)
SPEAKER_LABEL = regex.compile(
    r"^(?:Q|A|\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,2}"
    r"|\p{Lu}[\p{L}\p{M}.'’-]+(?:\s+\p{Lu}[\p{L}\p{M}.'’-]+){0,2})\s*:(?:\s+\S|$)"
)
DOTTED_LABEL = regex.compile(r"^(Q|A)\.\s+(?=[\p{Lu}\d\"'“‘])")
# What the patterns above can start with, tested before a pattern is tried:
# most lines are running text, which none of them matches.
_CREDIT_INITIALS = frozenset("•·©pPiIcCgG(AERXB")
_END_NOTE_INITIALS = frozenset("tarwec©")
_JUMP_INITIALS = frozenset("pctsjf")
_DOTTED = frozenset({"Q.", "A."})
FOLIO_MARK = regex.compile(r"\d|[|•·]")
WORDS = regex.compile(r"\S+")
DIGITS = regex.compile(r"\d+")
LETTER_OR_DIGIT = regex.compile(r"\p{L}|\d")
YEAR = regex.compile(r"\d{4}")


def _words(text: str) -> int:
    # str.split() counts the same words several times faster. The two disagree
    # only on \x1c-\x1f (whitespace to str, not to regex), and printable text
    # holds no whitespace but the plain space.
    if text.isprintable():
        return len(text.split())
    return len(WORDS.findall(text))


def _may_be_page_number(text: str) -> bool:
    # Every PAGE_NUMBER alternative starts or ends with a digit or ends with a
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


def _may_be_jump_line(text: str) -> bool:
    """Whether ``text`` starts as a jump line can ("Continued", "See", "from", "Turn")."""
    i = 0
    while i < len(text) and (text[i] in "([" or text[i].isspace()):
        i += 1
    # casefold, as the pattern's (?i) does: "ſee" is "see" to it.
    return text[i : i + 1].casefold() in _JUMP_INITIALS


def _blocks(lines: Sequence[Line]) -> list[list[int]]:
    """Group line indices into blank-line-separated blocks."""
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        if not groups or line.blank_before > 0 or line.page != lines[i - 1].page:
            groups.append([])
        groups[-1].append(i)
    return groups


def _open_end(text: str) -> bool:
    """Whether a line visibly goes on: a comma, a hyphen or a function word at its end."""
    words = text.split()
    return text.endswith((",", ";", "-")) or (bool(words) and words[-1].lower() in FUNCTION_WORDS)


def _stands_alone(lines: Sequence[Line], i: int, skip: Mapping[int, str] | None = None) -> bool:
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
    return before and after and not _open_end(line.text)


def _at_page_edge(lines: Sequence[Line], i: int) -> bool:
    return (
        i == 0
        or i + 1 == len(lines)
        or lines[i - 1].page != lines[i].page
        or lines[i + 1].page != lines[i].page
    )


def _folio_place(lines: Sequence[Line], i: int, bare_numbers: int) -> bool:
    """Whether a bare number on a line stands where page numbers stand.

    At a page's edge, set apart from the text, or one of several such
    numbers: a lone "40" inside a narrow column's sentence is the text's own.
    """
    return (
        _at_page_edge(lines, i)
        or bare_numbers >= 2
        or _stands_alone(lines, i)
        or lines[i].blank_before > 0
    )


def _furniture(lines: Sequence[Line]) -> dict[int, str]:
    """Credits, notes and furniture: first what a line's shape proves, then
    what it shows only when set apart from the running text."""
    roles: dict[int, str] = {}
    texts = [line.text for line in lines]
    counts = [_words(text) for text in texts]
    shapes = [
        DIGITS.sub("#", text) if n <= 10 else "" for text, n in zip(texts, counts, strict=True)
    ]
    repeated = Counter(shape for shape, n in zip(shapes, counts, strict=True) if n <= 10)
    bare_numbers = sum(1 for text in texts if text.isdigit() and len(text) <= 4)
    for i, text in enumerate(texts):
        if counts[i] <= 10 and text[:1] in _CREDIT_INITIALS and CREDIT_LINE.match(text):
            roles[i] = CREDIT
        elif (
            len(text) <= 90
            and (
                (
                    _may_be_page_number(text)
                    and PAGE_NUMBER.match(text)
                    and (not text.isdigit() or _folio_place(lines, i, bare_numbers))
                )
                or (_may_be_jump_line(text) and JUMP_LINE.match(text))
            )
        ) or not (text[:1].isalpha() or LETTER_OR_DIGIT.search(text)):
            roles[i] = FURNITURE
    sure = dict(roles)
    for i, text in enumerate(texts):
        if i in sure:
            continue
        words = counts[i]
        apart = _stands_alone(lines, i, sure)
        if words <= 10 and apart and CREDIT_NAMES.match(text):
            roles[i] = CREDIT
        elif (
            # A running head repeats, stands apart or at a page's edge (or
            # carries a folio), and never ends open or as a speaker label.
            words <= 10
            and repeated[shapes[i]] >= 2
            and (apart or _at_page_edge(lines, i) or FOLIO_MARK.search(text))
            and not ends_sentence(text)
            and not _open_end(text)
            and (text[0].isupper() or text[0].isdigit())
            and not DATE_LINE.match(text)
            and not SPEAKER_LABEL.match(text)
        ) or (
            # A date beside the paper's name (and a page number): a running head.
            apart
            and (
                (i > 12 and DATE_LINE.match(text))
                or (
                    words <= 12
                    # DATE_IN_LINE needs a four-digit year; this search is cheap,
                    # its own scan of every position is not.
                    and YEAR.search(text)
                    and _masthead(text)
                    and not DATE_LINE.match(text)
                )
            )
        ):
            roles[i] = FURNITURE
        elif (
            len(text) <= 160
            and text.lstrip("(")[:1].casefold() in _END_NOTE_INITIALS
            and END_NOTE.match(text)
            # "This article first appeared in ..." is a whole sentence; a
            # sentence that runs on past the line is the body's own.
            and (ends_sentence(text) or not text.lower().startswith(("this ", "the ")))
            and apart
        ):
            roles[i] = NOTE
    return roles


def is_label_start(text: str, dotted: bool = False) -> bool:
    """Whether ``text`` opens with a speaker label such as ``MASOUDI:`` or ``Q:``.

    ``dotted`` also accepts ``Q.`` and ``A.``, which the document as a whole
    must show to be labels (alone, "A. Smith" is an initial).
    """
    if dotted and text[:2] in _DOTTED and DOTTED_LABEL.match(text):
        return True
    if ":" not in text:
        return False
    m = SPEAKER_LABEL.match(text)
    if not m:
        return False
    label = text[: text.index(":")].strip()
    return label.isupper() or (len(label.split()) <= 3 and label[:1].isupper() and len(label) <= 30)


def uses_dotted_labels(lines: Sequence[Line]) -> bool:
    """Whether the text runs an interview with ``Q.`` / ``A.`` turns."""
    starts = Counter(
        m.group(1)
        for line in lines
        if line.text[:2] in _DOTTED and (m := DOTTED_LABEL.match(line.text))
    )
    return starts["Q"] >= 2 and starts["A"] >= 2


def _label_like(text: str) -> bool:
    """A section label or masthead: up to three words, each capitalised."""
    words = text.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _masthead(text: str) -> bool:
    """A title carrying a date beside a name in capitals: a masthead or running head."""
    m = DATE_IN_LINE.search(text)
    if not m:
        return False
    rest = (text[: m.start()] + text[m.end() :]).strip(" |•·,-–—")
    return not rest or rest.isupper() or "|" in text or "   " in text


def _title_like(text: str) -> bool:
    return (
        _words(text) <= 14
        and not text.endswith((".", ",", ";", ":", "-"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘")
    )


def _label_counts(lines: Sequence[Line]) -> Counter[str]:
    """How often each speaker-label shape opens a line ("IRNA:", "Q:")."""
    return Counter(
        line.text[: line.text.index(":")].strip()
        for line in lines
        if ":" in line.text[:32] and SPEAKER_LABEL.match(line.text)
    )


def _speaker_turns(text: str, label_counts: Counter[str]) -> bool:
    """Whether a line's label is a speaker's: it recurs, or it is Q or A.

    "Analysis: ..." or "Ole Brandt: the man who ..." over an article is a
    headline; a speaker takes more than one turn.
    """
    label = text[: text.index(":")].strip()
    capitals = sum(n for name, n in label_counts.items() if name.isupper())
    return label_counts[label] >= 2 or label in ("Q", "A") or (label.isupper() and capitals >= 2)


def _header(
    lines: Sequence[Line],
    blocks: list[list[int]],
    roles: dict[int, str],
    width: float,
    label_counts: Counter[str],
) -> dict[int, str]:
    """Label kicker, headline, deck, byline and dateline at the top of the page."""
    header: list[list[int]] = []
    for group in blocks[:8]:
        members = [i for i in group if i not in roles]
        if not members:
            continue
        texts = [lines[i].text for i in members]
        opener = texts[0]
        signed = any(
            BYLINE_LINE.match(lines[m[0]].text) or DATE_LINE.match(lines[m[0]].text) for m in header
        )
        if signed and not (BYLINE_LINE.match(opener) or DATE_LINE.match(opener)):
            break  # byline and date close the header: the body follows
        if is_label_start(opener) and _speaker_turns(opener, label_counts):
            break
        closing = texts[-1]
        sentence = (
            ends_sentence(closing)
            and not closing.endswith(("?", "!"))
            and (len(members) > 1 or _words(closing) > 20)
        )
        # A title never runs on: a block ending in a comma or "the", or one
        # that the next block goes on in lowercase, is a paragraph cut by a
        # column break.
        later = next((j for j in range(members[-1] + 1, len(lines)) if j not in roles), None)
        goes_on = (
            later is not None and lines[later].text[:1].islower() and not ends_sentence(closing)
        )
        if len(members) <= 3 and (sentence or goes_on or (len(members) > 1 and _open_end(closing))):
            break
        previous = lines[header[-1][-1]].text if header else ""
        if (
            header
            and (opener[:1].islower() or (_open_end(previous) and _title_like(opener)))
            and _words(opener) <= 6
            and not ends_sentence(opener)
            and _title_like(previous)
            and len(members) <= 3
        ):
            # The headline's last words, wrapped into a block of their own
            # ("LANCASTER ON" / "LOAN TOUR": a title does not end on "on").
            header[-1].extend(members)
            continue
        if (
            len(members) <= 3
            and sum(_words(t) for t in texts) <= 30
            and (
                _title_like(opener)
                or BYLINE_LINE.match(opener)
                or DATE_LINE.match(opener)
                or (header and _words(opener) <= 30 and opener[0].isupper())
            )
            and not (
                len(members) == 1
                and _words(texts[0]) > 14
                and ends_sentence(texts[0])
                and not header
            )
        ):
            header.append(members)
            continue
        # A large first block may still open with title lines when the extractor
        # wrote no blank line under the headline.
        lead: list[int] = []
        titled = False
        for k, i in enumerate(members[:8]):
            text = lines[i].text
            meta = bool(BYLINE_LINE.match(text) or DATE_LINE.match(text))
            if titled and signed and not meta:
                break  # byline and date close the header: the body follows
            titled = titled or (not meta and _title_like(text) and _words(text) >= 4)
            signed = signed or (titled and meta)
            nxt = lines[members[k + 1]].text if k + 1 < len(members) else ""
            full = (
                width
                and 0.8 * width <= len(text) <= 1.1 * width
                and not (text.isupper() or DATE_IN_LINE.search(text))
            )
            # A headline wrapped in large type goes on in lowercase on the next line.
            wrapped = (
                bool(lead)
                and lines[lead[-1]].index == i - 1
                and text[:1].islower()
                and _words(text) <= 10
                and not ends_sentence(text)
                and _title_like(lines[lead[-1]].text)
            )
            title_next = (
                bool(nxt) and nxt[0].islower() and _words(nxt) <= 10 and not ends_sentence(nxt)
            )
            # Below a headline already found, only a byline or date may still
            # open the body block; a short first line there is the body's own.
            titles_allowed = not header or meta
            if titles_allowed and (
                (wrapped and not header)
                or (
                    (_title_like(text) or meta)
                    and (not nxt or not nxt[0].islower() or (title_next and not header))
                    and not full
                )
            ):
                lead.append(i)
            else:
                break
        if lead and len(lead) < len(members):
            # Without blank lines, consecutive mixed-case title lines are one
            # title wrapped in large type; capitals-only lines stand alone.
            for i in lead:
                text = lines[i].text
                prev = header[-1] if header and header[-1][-1] == i - 1 else None
                if (
                    prev is not None
                    and (text[:1].islower() or _open_end(lines[prev[-1]].text))
                    and _title_like(lines[prev[-1]].text)
                ) or (
                    prev is not None
                    and not text.isupper()
                    and not lines[prev[-1]].text.isupper()
                    and _title_like(lines[prev[-1]].text)
                    and not BYLINE_LINE.match(text)
                    and not DATE_LINE.match(text)
                    and not BYLINE_LINE.match(lines[prev[-1]].text)
                    and not DATE_LINE.match(lines[prev[-1]].text)
                ):
                    prev.append(i)
                else:
                    header.append([i])
        break
    out: dict[int, str] = {}
    titles: list[list[int]] = []
    dates: list[list[int]] = []
    # A byline or date printed on its own line stands alone even inside a block.
    split_header: list[list[int]] = []
    for members in header:
        rest: list[int] = []
        for i in members:
            if BYLINE_LINE.match(lines[i].text) or DATE_LINE.match(lines[i].text):
                if rest:
                    split_header.append(rest)
                    rest = []
                split_header.append([i])
            else:
                rest.append(i)
        if rest:
            split_header.append(rest)
    for members in split_header:
        text = " ".join(lines[i].text for i in members)
        if BYLINE_LINE.match(text):
            out.update(dict.fromkeys(members, BYLINE))
        elif DATE_LINE.match(text):
            dates.append(members)
        else:
            titles.append(members)
    # The date nearest the byline is the article's; one printed higher up
    # belongs to the masthead or running head.
    if dates:
        out.update(dict.fromkeys(dates[-1], DATELINE))
        for members in dates[:-1]:
            out.update(dict.fromkeys(members, FURNITURE))
    if not titles:
        return out
    texts = [" ".join(lines[i].text for i in members) for members in titles]
    # The headline is the first title of some length; a short label just above
    # it is the kicker, and anything above that is masthead furniture.
    # A title carrying a date is a masthead or running head, not a headline.
    dated = {k for k, t in enumerate(texts) if _masthead(t)}
    for k in sorted(dated):
        out.update(dict.fromkeys(titles[k], FURNITURE))
    titles = [m for k, m in enumerate(titles) if k not in dated]
    texts = [t for k, t in enumerate(texts) if k not in dated]
    if not titles:
        return out
    # Labels come first (masthead, section): short, every word capitalised.
    # The first title that is not such a label is the headline.
    main = 0
    while main < len(titles) - 1 and _label_like(texts[main]):
        main += 1
    out.update(dict.fromkeys(titles[main], HEADLINE))
    if main >= 1:
        out.update(dict.fromkeys(titles[main - 1], KICKER))
    for members in titles[: max(0, main - 1)]:
        out.update(dict.fromkeys(members, FURNITURE))
    for members in titles[main + 1 :]:
        out.update(dict.fromkeys(members, DECK))
    return out


def _caption_like(lines: Sequence[Line], members: list[int]) -> bool:
    """A short block that can be a caption: not body-sized, not header lines."""
    if not members or len(members) > 6:
        return False
    texts = [lines[j].text for j in members]
    return (
        sum(_words(t) for t in texts) <= 90
        and texts[0][:1].isupper()
        and not any(BYLINE_LINE.match(t) or DATE_LINE.match(t) for t in texts)
    )


def _caption_after(lines: Sequence[Line], i: int, roles: dict[int, str]) -> list[int]:
    """Up to three lines under a credit, in its block, that read as a caption."""
    found: list[int] = []
    j = i + 1
    while j < len(lines) and len(found) < 3 and j not in roles:
        if lines[j].blank_before or lines[j].page != lines[i].page:
            break
        if not found and not lines[j].text[:1].isupper():
            return []
        found.append(j)
        if ends_sentence(lines[j].text):
            break
        j += 1
    if not found:
        return []
    after = found[-1] + 1
    if after < len(lines) and after not in roles and not lines[after].blank_before:
        nxt = lines[after].text
        unfinished = not ends_sentence(lines[found[-1]].text)
        if nxt[:1].islower() or (unfinished and not nxt[:1].isupper()):
            return []
    return found


def _captions(
    lines: Sequence[Line], blocks: list[list[int]], roles: dict[int, str]
) -> dict[int, list[int]]:
    """Label the caption printed next to each credit, and hinted captions.

    A credit inside a block belongs to the lines just above it when it ends
    the block, else to those just below. A credit standing alone between blank
    lines takes the neighbouring block that reads as a caption, preferring one
    that ends a sentence (a headline or a cut body block does not), and the
    one above when both do. A credit printed at the end of a short block's
    last line ("... on Saturday. Photo: Jonas Falk") makes that block a
    caption too. Returns each credit's caption lines, keyed by the credit.
    """
    pairs: dict[int, list[int]] = {}
    block_of = {i: b for b, group in enumerate(blocks) for i in group}
    for i, role in sorted(roles.items()):
        if role != CREDIT:
            continue
        b = block_of[i]
        group = blocks[b]
        above = [j for j in group if j < i and j not in roles]
        below = [j for j in group if j > i and j not in roles]
        if not above and not below:
            above = [j for j in blocks[b - 1] if j not in roles] if b > 0 else []
            below = [j for j in blocks[b + 1] if j not in roles] if b + 1 < len(blocks) else []
            ok = [c for c in (above, below) if _caption_like(lines, c)]
            ends = [c for c in ok if ends_sentence(lines[c[-1]].text)]
            chosen = (ends or ok or [[]])[0]
        elif above and (not below or i + 1 >= len(lines) or lines[i + 1].blank_before):
            # The caption starts after the last sentence end above the credit:
            # a paragraph printed just above it in the same block is not it.
            start = len(above) - 1
            while start > 0 and not ends_sentence(lines[above[start - 1]].text):
                start -= 1
            above = above[start:]
            chosen = above if _caption_like(lines, above) else []
        else:
            chosen = _caption_after(lines, i, roles)
        for j in chosen:
            roles[j] = CAPTION
        if chosen:
            pairs[i] = chosen
    for group in blocks:
        members = [i for i in group if i not in roles]
        if not members or len(members) > 4:
            continue
        text = " ".join(lines[i].text for i in members)
        inline = INLINE_CREDIT.search(lines[members[-1]].text)
        described = inline is not None and _words(text[: len(text) - len(inline.group())]) >= 3
        if (inline and described and members == group and _caption_like(lines, members)) or (
            CAPTION_HINT.search(text) and _words(text) <= 70 and ends_sentence(text)
        ):
            for j in members:
                roles[j] = CAPTION
    return pairs


def _credit_text(draft: Draft, line: Line) -> tuple[str, list[Repair]]:
    """The credit as printed, less a leading bullet and a dangling soft hyphen."""
    credit = line.text
    fixes: list[Repair] = []
    if line.soft_hyphen_end and credit.endswith("-"):
        # A discretionary hyphen with nothing to join is invisible.
        fixes.append(
            draft.repair(
                "soft_hyphen", line.end - 1, line.end, "", 1.0, "soft hyphen at the end of a credit"
            )
        )
        credit = credit[:-1].rstrip()
    marker = CREDIT_MARKER.match(credit)
    if marker:
        fixes.append(
            draft.repair(
                "strip_marker",
                line.start,
                line.start + marker.end(),
                "",
                1.0,
                "label before a photo credit; the credit is the name",
            )
        )
        credit = credit[marker.end() :]
    return credit, fixes


def _inline_caption(members: list[Line]) -> Block:
    """A caption block; a credit printed at the end of its last line is split off."""
    last = members[-1]
    m = INLINE_CREDIT.search(last.text)
    if not m:
        return Block(CAPTION, tuple(members), (" ",) * (len(members) - 1))
    cut = m.start()
    head = attrs.evolve(last, text=last.text[:cut].rstrip(), end=last.start + cut)
    lines = (*members[:-1], head)
    return Block(CAPTION, lines, (" ",) * (len(lines) - 1), credit=m.group(1))


def _inline_credit_label(draft: Draft, block: Block) -> tuple[Block, list[Repair]]:
    """Take the "Photo:" label off an inline credit, logging it."""
    last = block.lines[-1]
    credit = block.credit or ""
    marker = CREDIT_MARKER.match(credit)
    at = draft.source.find(credit, last.end)
    if not marker or at < 0:
        return block, []
    fix = draft.repair(
        "strip_marker",
        at,
        at + marker.end(),
        "",
        1.0,
        "label before a photo credit; the credit is the name",
    )
    return attrs.evolve(block, credit=credit[marker.end() :]), [fix]


def _split_run_in_label(line: Line) -> tuple[Line, Line] | None:
    m = RUN_IN_LABEL.match(line.text)
    if not m or _words(line.text) < 8:
        return None
    cut = m.end()
    label = attrs.evolve(line, text=m.group(1), end=line.start + len(m.group(1)), role=FURNITURE)
    rest = attrs.evolve(line, text=line.text[cut:], start=line.start + cut)
    return label, rest


def run(draft: Draft, config: Config) -> Draft:
    """Label furniture, notes, credits, captions and the header lines."""
    lines = draft.lines
    blocks = _blocks(lines)
    roles = _furniture(lines)
    pairs = _captions(lines, blocks, roles)
    label_counts = _label_counts(lines)
    header = _header(lines, blocks, roles, draft.column_width, label_counts)
    # Titles over no body: a text of one short line is body, not a headline.
    # With more header lines than that, the last title block (a "deck") is
    # the body of a brief, and a headline over set-aside material only (a
    # captioned photo) stays a headline.
    if len(roles) + len(header) >= len(lines):
        decks = sorted(i for i, role in header.items() if role == DECK)
        titled = sum(1 for role in header.values() if role in (HEADLINE, KICKER))
        brief = (
            len(decks) == 1
            and titled == 1
            and len(header) == 2
            and ends_sentence(lines[decks[-1]].text)
        )
        if brief:
            for i in decks:
                del header[i]
        elif not any(role == CAPTION for role in roles.values()):
            header = {}
    roles.update(header)
    new_lines: list[Line] = []
    extra: list[Block] = []
    label_done = False
    caption_lines: list[Line] = []
    for i, line in enumerate(lines):
        role = roles.get(i, UNKNOWN)
        if role == UNKNOWN and not label_done:
            label_done = True
            split = _split_run_in_label(line)
            if split:
                extra.append(Block(FURNITURE, (split[0],)))
                line = split[1]
        # attrs.evolve costs more than the rest of this loop; most lines keep their role.
        new_lines.append(line if line.role == role else attrs.evolve(line, role=role))
    structure: list[Block] = []
    for role in (KICKER, HEADLINE, DECK, BYLINE, DATELINE):
        members = tuple(line for line in new_lines if line.role == role)
        if members:
            structure.append(Block(role, members, (" ",) * (len(members) - 1)))
    # Captions: each credit with the lines chosen for it; other caption lines
    # (a hint, or a credit printed on the caption's own last line) by runs.
    repairs = list(draft.repairs)
    by_index = {line.index: line for line in new_lines}
    captions: list[Block] = []
    paired: set[int] = set()
    for credit_at, chosen in sorted(pairs.items()):
        credit, fixes = _credit_text(draft, by_index[credit_at])
        repairs.extend(fixes)
        captions.append(Block(CAPTION, tuple(by_index[j] for j in chosen), credit=credit))
        paired.update(chosen)
        paired.add(credit_at)
    for line in new_lines:
        if line.role == CAPTION and line.index not in paired:
            if caption_lines and line.index != caption_lines[-1].index + 1:
                captions.append(_inline_caption(caption_lines))
                caption_lines = []
            caption_lines.append(line)
        elif line.role == CREDIT and line.index not in paired:
            extra.append(Block(FURNITURE, (line,)))
    if caption_lines:
        captions.append(_inline_caption(caption_lines))
    for k, block in enumerate(captions):
        if block.credit and block.lines[-1].index not in paired:
            captions[k], fixes = _inline_credit_label(draft, block)
            repairs.extend(fixes)
    captions.sort(key=lambda c: c.lines[0].start)
    for line in new_lines:
        if line.role in (FURNITURE, NOTE):
            extra.append(Block(line.role, (line,)))
    extra.sort(key=lambda b: b.lines[0].start)
    captions = [attrs.evolve(c, joints=(" ",) * (len(c.lines) - 1)) for c in captions]
    # Word evidence is the article's: running heads and jump lines do not
    # count, so the same words weigh the same once they are set aside.
    lexicon = draft.lexicon
    aside = [line.text for line in new_lines if line.role in (FURNITURE, NOTE, CREDIT)]
    if lexicon is not None and aside:
        lexicon = attrs.evolve(
            lexicon, vocab=lexicon.vocab - Lexicon.from_texts(aside, lexicon.language, False).vocab
        )
    return attrs.evolve(
        draft,
        lexicon=lexicon,
        dotted_labels=uses_dotted_labels(lines),
        speakers=frozenset(
            name for name in label_counts if _speaker_turns(f"{name}:", label_counts)
        ),
        lines=tuple(new_lines),
        blocks=(*structure, *captions, *extra),
        repairs=tuple(repairs),
    )
