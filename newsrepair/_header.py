"""The header: kicker, headline, deck, byline and dateline at the top of the story.

Title lines are short, start with a capital, carry no sentence punctuation
and never run on; a byline or a date closes the header and the body
follows. Of the title blocks, short all-capitalised labels come first (the
kicker, and above it masthead furniture), then the headline, then decks.
A title carrying a date is a masthead or running head, not a headline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs
import regex

from ._draft import BYLINE, DATELINE, DECK, FURNITURE, HEADLINE, KICKER, Line, Role
from ._furniture import is_masthead
from ._interview import is_label_start, speaker_turns
from ._language import Language
from ._shapes import ends_sentence, letterspaced, open_end, word_count

# A masthead stands in the first blocks of the page.
MASTHEAD_BLOCKS = 8
# An all-capitals section tag run into the first body line ("INTERVIEW The talks ...").
RUN_IN_LABEL = regex.compile(r"^(\p{Lu}{3,}(?:\s\p{Lu}{3,})?)\s+(?=\p{Lu}\p{Ll})")


def _label_like(text: str) -> bool:
    """A section label or masthead: up to three words, each capitalised.

    A label set with letter spacing ("S C I E N C E") is one word.
    """
    words = text.split()
    return (0 < len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)) or (
        letterspaced(text)
    )


def _title_like(text: str) -> bool:
    return (
        word_count(text) <= 14
        and not text.endswith((".", ",", ";", ":", "-"))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘")
    )


def tidy_kicker(line: Line) -> Line:
    """A kicker set with letter spacing ("S P O RT S") as the word it is."""
    if not letterspaced(line.text):
        return line
    return line.edited(0, len(line.text), "".join(line.text.split()))


def _signed_below(lines: Sequence[Line], below: Sequence[int], lang: Language) -> bool:
    """Whether a byline or date comes in ``below`` before any sentence ends."""
    for i in below:
        text = lines[i].text
        if lang.byline_line.match(text) or lang.date_line.match(text):
            return True
        if ends_sentence(text):
            return False
    return False


def _masthead_date(
    lines: Sequence[Line], blocks: list[list[int]], roles: dict[int, Role], lang: Language
) -> list[int]:
    """A date printed above the headline under the paper's name: the masthead's.

    It would close the header; it is the masthead's when titles follow it
    and, further down, the story's own byline or date. Returns its lines.
    """
    groups = [[i for i in g if i not in roles] for g in blocks[:MASTHEAD_BLOCKS]]
    groups = [g for g in groups if g]
    for k, members in enumerate(groups[:3]):
        if len(members) != 1 or not lang.date_line.match(lines[members[0]].text):
            continue
        titled = False
        for later in groups[k + 1 :]:
            if any(
                lang.byline_line.match(lines[i].text) or lang.date_line.match(lines[i].text)
                for i in later
            ):
                return members if titled else []
            titled = titled or _title_like(lines[later[0]].text)
        return []
    return []


def find_header(
    lines: Sequence[Line],
    blocks: list[list[int]],
    roles: dict[int, Role],
    width: float,
    label_counts: Counter[str],
    lang: Language,
) -> dict[int, Role]:
    """Label kicker, headline, deck, byline and dateline at the top of the page."""
    header: list[list[int]] = []
    masthead = _masthead_date(lines, blocks, roles, lang)
    for group in blocks[:8]:
        members = [i for i in group if i not in roles and i not in masthead]
        if not members:
            continue
        texts = [lines[i].text for i in members]
        opener = texts[0]
        signed = any(
            lang.byline_line.match(lines[m[0]].text) or lang.date_line.match(lines[m[0]].text)
            for m in header
        )
        if signed and not (lang.byline_line.match(opener) or lang.date_line.match(opener)):
            break  # byline and date close the header: the body follows
        if is_label_start(opener, lang) and speaker_turns(opener, label_counts, lang):
            break
        closing = texts[-1]
        sentence = (
            ends_sentence(closing)
            and not closing.endswith(("?", "!"))
            and (len(members) > 1 or word_count(closing) > 20)
        )
        # A title never runs on: a block ending in a comma or "the", or one
        # that the next block goes on in lowercase, is a paragraph cut by a
        # column break.
        later = next((j for j in range(members[-1] + 1, len(lines)) if j not in roles), None)
        goes_on = (
            later is not None and lines[later].text[:1].islower() and not ends_sentence(closing)
        )
        if len(members) <= 3 and (
            sentence or goes_on or (len(members) > 1 and open_end(closing, lang.function_words))
        ):
            break
        previous = lines[header[-1][-1]].text if header else ""
        if (
            header
            and (
                opener[:1].islower()
                or (open_end(previous, lang.function_words) and _title_like(opener))
            )
            and word_count(opener) <= 6
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
            and sum(word_count(t) for t in texts) <= 30
            and (
                _title_like(opener)
                or lang.byline_line.match(opener)
                or lang.date_line.match(opener)
                or (header and word_count(opener) <= 30 and opener[0].isupper())
            )
            and not (
                len(members) == 1
                and word_count(texts[0]) > 14
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
        # Labels above (a masthead's name, a section kicker) are no headline.
        headlined = any(not _label_like(" ".join(lines[i].text for i in block)) for block in header)
        for k, i in enumerate(members[:8]):
            text = lines[i].text
            meta = bool(lang.byline_line.match(text) or lang.date_line.match(text))
            if titled and signed and not meta:
                break  # byline and date close the header: the body follows
            titled = titled or (not meta and _title_like(text) and word_count(text) >= 4)
            signed = signed or (titled and meta)
            nxt = lines[members[k + 1]].text if k + 1 < len(members) else ""
            # A title line as wide as a column is still a title when the
            # block's next lines, before any sentence ends, are its byline or
            # date: a body paragraph is not signed.
            signed_below = _signed_below(lines, members[k + 1 : k + 4], lang)
            full = (
                width
                and 0.8 * width <= len(text) <= 1.1 * width
                and not (text.isupper() or lang.date_in_line.search(text))
                and not (signed_below and not ends_sentence(text))
            )
            # A headline wrapped in large type goes on in lowercase on the next line.
            wrapped = (
                bool(lead)
                and lines[lead[-1]].index == i - 1
                and text[:1].islower()
                and word_count(text) <= 10
                and not ends_sentence(text)
                and _title_like(lines[lead[-1]].text)
            )
            title_next = (
                bool(nxt) and nxt[0].islower() and word_count(nxt) <= 10 and not ends_sentence(nxt)
            )
            # Below a headline already found, only a byline or date may still
            # open the body block; a short first line there is the body's own.
            titles_allowed = not headlined or meta
            if titles_allowed and (
                (wrapped and not headlined)
                or (
                    (_title_like(text) or meta)
                    and (not nxt or not nxt[0].islower() or (title_next and not headlined))
                    and not full
                )
            ):
                lead.append(i)
            else:
                break
        if lead:
            # Without blank lines, consecutive mixed-case title lines are one
            # title wrapped in large type; capitals-only lines stand alone.
            for i in lead:
                text = lines[i].text
                prev = header[-1] if header and header[-1][-1] == i - 1 else None
                if (
                    prev is not None
                    and (text[:1].islower() or open_end(lines[prev[-1]].text, lang.function_words))
                    and _title_like(lines[prev[-1]].text)
                ) or (
                    prev is not None
                    and not text.isupper()
                    and not lines[prev[-1]].text.isupper()
                    and _title_like(lines[prev[-1]].text)
                    and not lang.byline_line.match(text)
                    and not lang.date_line.match(text)
                    and not lang.byline_line.match(lines[prev[-1]].text)
                    and not lang.date_line.match(lines[prev[-1]].text)
                ):
                    prev.append(i)
                else:
                    header.append([i])
        if lead and len(lead) == len(members):
            # The whole block was title, byline and date lines: the body
            # starts further down.
            continue
        break
    out: dict[int, Role] = dict.fromkeys(masthead, FURNITURE)
    titles: list[list[int]] = []
    dates: list[list[int]] = []
    # A byline or date printed on its own line stands alone even inside a block.
    split_header: list[list[int]] = []
    for members in header:
        rest: list[int] = []
        for i in members:
            if lang.byline_line.match(lines[i].text) or lang.date_line.match(lines[i].text):
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
        if lang.byline_line.match(text):
            out.update(dict.fromkeys(members, BYLINE))
        elif lang.date_line.match(text):
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
    dated = {k for k, t in enumerate(texts) if is_masthead(t, lang)}
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


def split_run_in_label(
    line: Line, role: Role = FURNITURE, min_words: int = 8
) -> tuple[Line, Line] | None:
    """A capitals label run into a line ("INTERVIEW The talks…"), cut off as ``role``."""
    m = RUN_IN_LABEL.match(line.text)
    if not m or word_count(line.text) < min_words:
        return None
    label, rest = line.split_at(len(m.group(1)), m.end())
    return attrs.evolve(label, role=role), rest
