"""Captions: the text printed under a picture, and its photo credit.

A credit inside a block belongs to the lines just above it when it ends the
block, else to those just below; a credit standing alone takes the
neighbouring block that reads as a caption; a credit printed at the end of
a short block's last line makes that block a caption; a position hint
("(L to R)") marks one too, and so does a capitals credit with a slash
opening a line that starts afresh ("AGENCY/NAME Divers search the lake").
A caption under its credit never runs on into a section label or into
body lines that continue it. A credit standing alone prefers the neighbour
that describes (no finite verb) and, when both neighbours are the story's
sentences, waits for an uncredited caption elsewhere on the page.

An uncredited caption is a noun phrase that stands apart from the body: a
line in a block of its own or set to another measure than the column's, or
a block of two or three lines; with its stop or, when long enough to be no
subhead, without one. A caption may also be set into the running text: a
block inside a sentence of the body, or, for the page's one credit left
without a caption, the one short block out of the flow.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import attrs
import regex

from ._draft import (
    BYLINE,
    CAPTION,
    CREDIT,
    DATELINE,
    DECK,
    FURNITURE,
    HEADLINE,
    KICKER,
    Block,
    Draft,
    Line,
    Role,
)
from ._language import Language
from ._model import Repair
from ._shapes import CLOSERS, ends_sentence, ends_terminal, open_end, starts_lower, word_count

# A label line over a section holds at most this many words ("WHAT NEXT:").
LABEL_WORDS = 4


def _asks(text: str) -> bool:
    """Whether ``text`` ends in a question mark, closing quotes allowed."""
    return text.rstrip(CLOSERS).endswith("?")


def _caption_like(lines: Sequence[Line], members: list[int], lang: Language) -> bool:
    """A short block that can be a caption: not body-sized, not header lines,
    not a question (an interviewer's turn; a caption describes)."""
    if not members or len(members) > 6:
        return False
    texts = [lines[j].text for j in members]
    return (
        sum(word_count(t) for t in texts) <= 90
        and texts[0][:1].isupper()
        and not _asks(texts[-1])
        and not any(lang.byline_line.match(t) or lang.date_line.match(t) for t in texts)
    )


def _label_line(text: str) -> bool:
    """Whether ``text`` is a section label or subhead ("WHAT NEXT:"): all
    capitals, or a few words closed by a colon. A caption never runs on into one."""
    return text.isupper() or (text.endswith(":") and word_count(text) <= LABEL_WORDS)


def _starts_afresh(lines: Sequence[Line], i: int, roles: dict[int, Role]) -> bool:
    """Whether line ``i`` cannot continue the text above it: it opens a block
    or a page, or the line above is set aside or closes a sentence or a label."""
    if i == 0 or lines[i].blank_before or lines[i].page != lines[i - 1].page:
        return True
    return i - 1 in roles or ends_terminal(lines[i - 1].text)


def _caption_after(
    lines: Sequence[Line], i: int, roles: dict[int, Role], lang: Language
) -> list[int]:
    """Up to three lines under the credit on line ``i``, in its block, that
    read as a caption (see :func:`_caption_run`)."""
    return _caption_run(lines, i + 1, roles, lang)


def _caption_run(
    lines: Sequence[Line], first: int, roles: dict[int, Role], lang: Language
) -> list[int]:
    """Up to three lines from line ``first``, in its block, that read as a caption.

    The caption runs to its sentence end, a label or the block's end. When
    the body follows in the same block with no sentence end, the caption is
    the longest run of lines after which the next line starts afresh: it
    opens with a capital and the caption's last line does not visibly go
    on. A run whose next line continues in lowercase is body text.
    """
    found: list[int] = []
    page = lines[first].page if first < len(lines) else -1
    j = first
    while j < len(lines) and len(found) < 3 and j not in roles:
        if (j > first and lines[j].blank_before) or lines[j].page != page:
            break
        if _label_line(lines[j].text):
            break
        if not found and not lines[j].text[:1].isupper():
            return []
        found.append(j)
        if ends_sentence(lines[j].text):
            break
        j += 1
    for k in range(len(found), 0, -1):
        after = found[k - 1] + 1
        if after >= len(lines) or after in roles or lines[after].blank_before:
            return found[:k]
        nxt, last = lines[after].text, lines[found[k - 1]].text
        if _label_line(nxt) or lines[after].page != page:
            return found[:k]
        if nxt[:1].islower():
            continue
        if ends_sentence(last) or (
            nxt[:1].isupper() and not open_end(last, lang.function_words)
        ):
            return found[:k]
    return []


def _joined(lines: Sequence[Line], members: list[int]) -> str:
    return " ".join(lines[j].text for j in members)


def _shows_verb(text: str, lang: Language) -> bool:
    """Whether ``text`` shows a finite verb in its lowercase words: a
    capitalised word ending in "-ed" is a name as often ("Ahmed")."""
    return lang.has_finite_verb(" ".join(w for w in text.split() if not w[:1].isupper()))


def find_captions(
    lines: Sequence[Line],
    blocks: list[list[int]],
    roles: dict[int, Role],
    deferred: dict[int, list[int]],
    lang: Language,
) -> dict[int, list[int]]:
    """Label the caption printed next to each credit, and hinted captions.

    A credit inside a block belongs to the lines just above it when it ends
    the block, else to those just below. A credit standing alone between blank
    lines takes the neighbouring block that reads as a caption, preferring one
    that ends a sentence (a headline or a cut body block does not), and the
    one above when both do; a neighbour that reads as a description (no
    finite verb) comes first. When both read as sentences of the story, the
    choice is left in ``deferred`` (see :func:`settle_deferred_credits`). A
    credit printed at the end of a short block's last line ("... on
    Saturday. Photo: Jonas Falk") makes that block a caption too. Returns
    each credit's caption lines, keyed by the credit.
    """
    pairs: dict[int, list[int]] = {}
    block_of = {i: b for b, group in enumerate(blocks) for i in group}
    for i in [i for i, role in roles.items() if role == CREDIT]:
        # A labelled credit line that runs on into its caption ("PHOTO: JANE
        # DOE A worker clears…") opens the caption; the credit is split off.
        marked = _marked_leading_credit(lines[i].text, lang)
        if marked and word_count(lines[i].text[marked[1] :]) >= 3:
            del roles[i]
            run = _caption_run(lines, i, roles, lang)
            roles.update(dict.fromkeys(run or [i], CAPTION if run else CREDIT))
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
            ok = [
                c
                for c in (above, below)
                if _caption_like(lines, c, lang) and not all(_label_line(lines[j].text) for j in c)
            ]
            # A description (no finite verb) beside a sentence of the story
            # is the caption; when both read as the story's sentences, the
            # choice waits for a caption elsewhere on the page.
            descriptions = [c for c in ok if not _shows_verb(_joined(lines, c), lang)]
            ends = [c for c in (descriptions or ok) if ends_sentence(lines[c[-1]].text)]
            chosen = (ends or descriptions or ok or [[]])[0]
            if chosen and not descriptions:
                deferred[i] = chosen
                continue
        elif above and (not below or i + 1 >= len(lines) or lines[i + 1].blank_before):
            # The caption starts after the last sentence end above the credit:
            # a paragraph printed just above it in the same block is not it.
            start = len(above) - 1
            while start > 0 and not ends_sentence(lines[above[start - 1]].text):
                start -= 1
            above = above[start:]
            chosen = above if _caption_like(lines, above, lang) else []
        else:
            chosen = _caption_after(lines, i, roles, lang)
        for j in chosen:
            roles[j] = CAPTION
        if chosen:
            pairs[i] = chosen
    for i, line in enumerate(lines):
        # A credit in capitals with a slash, run into the caption's first line.
        m = (
            SLASH_CAPITALS_CREDIT.match(line.text)
            if "/" in line.text and i not in roles  # the pattern needs its slash
            else None
        )
        caption_at = m.end() if m else None
        if caption_at is None and i not in roles:
            # Or a labelled credit ("Photo: Twitter/NASA NASA tweeted…").
            marked = _marked_leading_credit(line.text, lang)
            caption_at = marked[1] if marked else None
        if (
            caption_at
            and word_count(line.text[caption_at:]) >= 3
            and _starts_afresh(lines, i, roles)
        ):
            for j in _caption_run(lines, i, roles, lang):
                roles[j] = CAPTION
    for group in blocks:
        members = [i for i in group if i not in roles]
        if not members or len(members) > 4:
            continue
        text = " ".join(lines[i].text for i in members)
        inline = lang.inline_credit.search(lines[members[-1]].text)
        described = inline is not None and word_count(text[: len(text) - len(inline.group())]) >= 3
        if (inline and described and members == group and _caption_like(lines, members, lang)) or (
            lang.caption_hint.search(text) and word_count(text) <= 70 and ends_sentence(text)
        ):
            for j in members:
                roles[j] = CAPTION
    return pairs


def credit_text(draft: Draft, line: Line, lang: Language) -> tuple[str, list[Repair]]:
    """The credit as printed, less a leading bullet and a dangling soft hyphen."""
    credit = line.text
    fixes: list[Repair] = []
    if line.soft_hyphen_end and credit.endswith("-"):
        # A discretionary hyphen with nothing to join is invisible.
        fixes.append(
            draft.fixed_repair(
                "soft_hyphen", line.end - 1, line.end, "", "soft hyphen at the end of a credit"
            )
        )
        credit = credit[:-1].rstrip()
    marker = lang.credit_marker.match(credit)
    if marker:
        fixes.append(
            draft.fixed_repair(
                "strip_marker",
                line.start,
                line.start + marker.end(),
                "",
                "label before a photo credit; the credit is the name",
            )
        )
        credit = credit[marker.end() :]
    return credit, fixes


# What may open the sentence after a caption: a quotation.
OPENING_MARKS = "\"'“‘"


# A credit in capitals run into a caption's first line: two or more words in
# capitals, then the caption opening with a capitalised word.
LEADING_CAPITALS_CREDIT = regex.compile(
    r"^((?:\p{Lu}[\p{Lu}'’.&/-]*\s+){1,5}\p{Lu}[\p{Lu}'’.&/-]+)\s+(?=\p{Lu}\p{Ll})"
)


# A credit in capitals that names its source with a slash ("AGENCY/NAME"),
# run into a caption that may open with an acronym ("NASA tweeted…"): the
# credit ends where the caption's first word is followed by a lowercase one.
SLASH_CAPITALS_CREDIT = regex.compile(
    r"^((?:\p{Lu}[\p{Lu}'’.&-]*\s){0,3}\p{Lu}[\p{Lu}'’.&-]* ?/ ?\p{Lu}[\p{Lu}'’.&-]*"
    r"(?:\s\p{Lu}[\p{Lu}'’.&-]*){0,3}?)\s+(?=\p{Lu}\p{Ll}|\p{Lu}{2,}\s+\p{Ll})"
)


# The name after a credit's label ("Photo: Twitter/NASA", "Image by JANE
# DOE"), run into a caption: one name with a slash, or words in capitals; the
# caption opens with a capitalised word, or an acronym before a lowercase one.
# It opens only where a word does, so that a search (not only a match at the
# label's end) tries each run of letters once.
MARKED_CREDIT_NAME = regex.compile(
    r"(?<![\p{L}'’.&/-])((?:\p{Lu}[\p{L}'’.&-]*/\p{Lu}[\p{L}'’.&-]*(?:\s+\p{Lu}[\p{Lu}'’.&-]+){0,3}?"
    r"|(?:\p{Lu}[\p{Lu}'’.&/-]*\s+){0,4}\p{Lu}[\p{Lu}'’.&/-]+))"
    r"\s+(?=\p{Lu}\p{Ll}|\p{Lu}{2,}\s+\p{Ll}|\p{Lu}\s+\p{Ll})"
)


def _marked_leading_credit(text: str, lang: Language) -> tuple[int, int] | None:
    """Where a labelled credit run into a caption's first line ends
    ("Photo: Twitter/NASA NASA tweeted…"), and where the caption starts."""
    marker = lang.credit_marker.match(text) if text[:1] in lang.credit_initials else None
    if marker is None or marker.end() == 0:
        return None
    m = MARKED_CREDIT_NAME.match(text, marker.end())
    return (m.end(1), m.end()) if m else None


def _leading_capitals_credit(line: Line, lang: Language) -> tuple[str, Line] | None:
    """The credit opening a caption line, in capitals or after its label, and
    the line without it."""
    m = LEADING_CAPITALS_CREDIT.match(line.text) or SLASH_CAPITALS_CREDIT.match(line.text)
    cut = (m.end(1), m.end()) if m else _marked_leading_credit(line.text, lang)
    if cut is None:
        return None
    return line.text[: cut[0]], line.split_at(*cut)[1]


def inline_caption(members: list[Line], lang: Language) -> Block:
    """A caption block; a credit printed at the end of its last line, or in
    capitals at the start of its first ("AGENCY NAME A worker clears…"), is split off."""
    last = members[-1]
    m = lang.inline_credit.search(last.text)
    if not m:
        lead = _leading_capitals_credit(members[0], lang)
        if lead is not None:
            credit, rest = lead
            lines = (rest, *members[1:])
            at = members[0].to_source(0)
            return Block(CAPTION, lines, (" ",) * (len(lines) - 1), credit=credit, credit_at=at)
        return Block(CAPTION, tuple(members), (" ",) * (len(members) - 1))
    cut = m.start()
    # Cut through the line's own map: a line an earlier pass edited or read
    # from several ranges has no plain offsets to add to.
    head = last.split_at(len(last.text[:cut].rstrip()), cut)[0]
    lines = (*members[:-1], head)
    at = last.to_source(m.start(1))
    return Block(CAPTION, lines, (" ",) * (len(lines) - 1), credit=m.group(1), credit_at=at)


def inline_credit_label(draft: Draft, block: Block, lang: Language) -> tuple[Block, list[Repair]]:
    """Take the "Photo:" label off an inline credit, logging it."""
    credit = block.credit or ""
    marker = lang.credit_marker.match(credit)
    at = block.credit_at
    # The label is cut only where the source holds it as printed: a line an
    # earlier pass edited may map its first letters elsewhere.
    if not marker or at < 0 or draft.source[at : at + marker.end()] != credit[: marker.end()]:
        return block, []
    fix = draft.fixed_repair(
        "strip_marker",
        at,
        at + marker.end(),
        "",
        "label before a photo credit; the credit is the name",
    )
    return attrs.evolve(block, credit=credit[marker.end() :]), [fix]


# A caption standing alone between paragraphs holds at least this many words
# ("Oh really." is an answer) and at most this many (a lead photo's caption).
STANDALONE_MIN_WORDS = 5
STANDALONE_MAX_WORDS = 14
# A description with no stop holds at least this many words: a subhead
# ("Plans for the harbour") is shorter.
UNSTOPPED_MIN_WORDS = 7
# A caption of two or three lines in a block of its own holds at most this
# many words.
STANDALONE_BLOCK_MAX_WORDS = 30
# A text with this many lines ending in a question is an interview: its short
# verbless lines are answers and remarks, so their shape proves nothing.
INTERVIEW_QUESTIONS = 2
# With no blank line around it, a caption line shows itself by its measure:
# shorter than this share of a full column line, or wider than this one
# (set under a picture wider than the column).
NARROW_LINE = 0.8
WIDE_LINE = 1.15
# What a caption's description never holds: a stop, colon or semicolon
# before its end, a question or exclamation mark, a double quotation mark.
STANDALONE_REFUSED = regex.compile(r"[.;:?!\"“”]")


def _noun_phrase_line(
    text: str, lang: Language, max_words: int = STANDALONE_MAX_WORDS, unstopped: bool = False
) -> bool:
    """Whether ``text`` reads as a caption's description: a capitalised noun
    phrase closed by a full stop ("The old harbour wall at low tide."), or,
    when ``unstopped``, with no end mark at all and long enough to be no
    subhead ("A worker clears stones from the coast road").

    A finite verb makes it a sentence of the story, a person pronoun speech,
    a question or exclamation mark an exchange, a double quotation mark a
    quotation, and an opening conjunction ("And all that.") the rest of one.
    A stop, colon or semicolon inside the line parts initials, lists or
    sentences; capitals, or every word capitalised, make a subhead ("Hints
    at New War."), and an abbreviation's stop ends nothing. Without its
    stop, a description does not end open (a comma, a function word: a
    sentence cut at a column's foot).
    """
    stopped = text.endswith(".")
    if not (stopped or unstopped) or STANDALONE_REFUSED.search(text[:-1] if stopped else text):
        return False
    if not text[:1].isupper() or text.isupper():
        return False
    words = text.split()
    least = STANDALONE_MIN_WORDS if stopped else UNSTOPPED_MIN_WORDS
    if not least <= len(words) <= max_words:
        return False
    if not stopped and (not text[-1].isalnum() or open_end(text, lang.function_words)):
        return False
    if lang.abbreviation_end.search(text) or lang.speaker_label.match(text):
        return False
    bare = [w.strip(".,;:\"'“”‘’()[]").lower() for w in words]
    if bare[0] in lang.function_words and bare[0] not in lang.determiners:
        return False
    described = any(
        w[:1].islower() and len(b) > 2 and b not in lang.function_words
        for w, b in zip(words[1:], bare[1:], strict=True)
    )
    return (
        described and not set(bare) & lang.personal_pronouns and not lang.has_finite_verb(text)
    )


def _flow_stops_around(
    lines: Sequence[Line], first: int, last: int, roles: dict[int, Role], colon: bool = True
) -> bool:
    """Whether the running text breaks on both sides of lines ``first`` to
    ``last``: what stands above is set aside or ends a sentence (not a
    question: an answer follows one; a colon too unless ``colon`` is off),
    and what follows is set aside or opens a sentence. A page's edge breaks
    the flow on its side (a caption set at a page's top or foot), but not on
    both: a page of one short block is no evidence."""
    prev, nxt = lines[first - 1], lines[last + 1]
    page_top, page_foot = prev.page != lines[first].page, nxt.page != lines[last].page
    if page_top and page_foot:
        return False
    ends = ends_terminal if colon else ends_sentence
    before = page_top or first - 1 in roles or (ends(prev.text) and not _asks(prev.text))
    after = (
        page_foot
        or last + 1 in roles
        or nxt.text[:1].isupper()
        or nxt.text[:1] in OPENING_MARKS
    )
    return before and after


def find_standalone_captions(
    lines: Sequence[Line],
    blocks: list[list[int]],
    roles: dict[int, Role],
    width: float,
    lang: Language,
) -> dict[int, Role]:
    """Uncredited captions that stand between two paragraphs.

    A line that is a noun phrase (see :func:`_noun_phrase_line`) where the
    flow breaks on both sides (see :func:`_flow_stops_around`), in a block
    of its own or set to another measure than the column's; or a block of
    two or three lines between blank lines that reads so as a whole. Without
    a stop, only a block of its own: a short line in a paragraph's block
    that ends unstopped is a heading or a list's item as often. A line
    printed twice is a pull quote, and an interview's lines are not read
    this way at all.
    """
    if sum(1 for line in lines if _asks(line.text)) >= INTERVIEW_QUESTIONS:
        return {}
    seen = Counter(line.text for line in lines)
    found: dict[int, Role] = {}
    for i in range(1, len(lines) - 1):
        line = lines[i]
        if i in roles or seen[line.text] > 1 or not _flow_stops_around(lines, i, i, roles):
            continue
        prev, nxt = lines[i - 1], lines[i + 1]
        alone = (i - 1 in roles or line.blank_before > 0 or prev.page != line.page) and (
            i + 1 in roles or nxt.blank_before > 0 or nxt.page != line.page
        )
        measure = len(line.text) < NARROW_LINE * width or len(line.text) > WIDE_LINE * width
        if not _noun_phrase_line(line.text, lang, unstopped=alone):
            continue
        # A label's colon ("WHAT NEXT:") announces the text under it, which a
        # description with no stop may be the start of.
        if not line.text.endswith(".") and not _flow_stops_around(lines, i, i, roles, False):
            continue
        # A run of such lines is a list or a report's items, not captions:
        # a caption has the running text on both sides.
        listed = _noun_phrase_line(prev.text, lang) or _noun_phrase_line(nxt.text, lang)
        if (alone or measure) and not listed:
            found[i] = CAPTION
    for group in blocks:
        first, last = group[0], group[-1]
        if not 2 <= len(group) <= INSERTED_MAX_LINES or first == 0 or last + 1 >= len(lines):
            continue
        if any(j in roles or seen[lines[j].text] > 1 for j in group):
            continue
        text = " ".join(lines[j].text for j in group)
        # With its stop, a block of this size is as often a paragraph of one
        # sentence in the present tense ("The plan gives the council…").
        if (
            not ends_sentence(text)
            and _block_apart(lines, group)
            and _flow_stops_around(lines, first, last, roles, False)
            and _noun_phrase_line(text, lang, STANDALONE_BLOCK_MAX_WORDS, unstopped=True)
            and not _noun_phrase_line(lines[first - 1].text, lang)
            and not _noun_phrase_line(lines[last + 1].text, lang)
        ):
            found.update(dict.fromkeys(group, CAPTION))
    return found


# A caption set into the running text, out of its flow, holds at most this
# many lines and words (a picture's caption, not a paragraph).
INSERTED_MAX_LINES = 3
INSERTED_MAX_WORDS = 30


def _block_apart(lines: Sequence[Line], group: list[int]) -> bool:
    """Whether the block ``group`` stands apart: a blank line or a page edge
    on both sides."""
    first, last = group[0], group[-1]
    after = last + 1
    return (
        first == 0 or lines[first].blank_before > 0 or lines[first].page != lines[first - 1].page
    ) and (
        after >= len(lines)
        or lines[after].blank_before > 0
        or lines[after].page != lines[last].page
    )


def _short_block(
    lines: Sequence[Line], group: list[int], roles: dict[int, Role], lang: Language
) -> bool:
    """A block that can be a caption set into the text: a few lines of a few
    words, none set aside, opening with a capital, neither a label nor a
    question nor header lines, with no double quotation mark (a quotation)."""
    if not group or len(group) > INSERTED_MAX_LINES or any(j in roles for j in group):
        return False
    texts = [lines[j].text for j in group]
    text = " ".join(texts)
    return (
        2 <= word_count(text) <= INSERTED_MAX_WORDS
        and text[:1].isupper()
        and not text.isupper()
        and not any(_label_line(t) for t in texts)
        and not _asks(text)
        and not STANDALONE_QUOTES.search(text)
        and not any(lang.byline_line.match(t) or lang.date_line.match(t) for t in texts)
    )


# A quotation mark that a caption's description does not hold.
STANDALONE_QUOTES = regex.compile(r"[\"“”]")


def _flow_broken(lines: Sequence[Line], group: list[int], roles: dict[int, Role]) -> bool:
    """Whether the running text goes on across the block: the line before it
    (furniture looked through) is body text that ends no sentence, so what
    it opens goes on after."""
    before = group[0] - 1
    # A page number or running head printed between is looked through.
    while before >= 0 and roles.get(before) == FURNITURE:
        before -= 1
    return (
        before >= 0
        and before not in roles
        and lines[before].page == lines[group[0]].page
        and not ends_terminal(lines[before].text)
    )


def _inserted(
    lines: Sequence[Line], group: list[int], roles: dict[int, Role], lang: Language
) -> bool:
    """A caption set into a sentence of the body: a block of its own closed by
    a stop, with body text that ends no sentence before it and body text
    that opens in lowercase after it. The sentence goes on across the block,
    and the block cannot run on into what follows (no sentence goes on in
    lowercase after a stop), so it stands outside the flow. A finite verb
    makes it a sentence of the story put out of order, not a description."""
    after = group[-1] + 1
    while after < len(lines) and roles.get(after) == FURNITURE:
        after += 1
    text = " ".join(lines[j].text for j in group)
    return (
        _block_apart(lines, group)
        and _flow_broken(lines, group, roles)
        and after < len(lines)
        and after not in roles
        and lines[after].page == lines[group[-1]].page
        and starts_lower(lines[after].text)
        and ends_sentence(text)
        and not lang.abbreviation_end.search(text)
        and not lang.has_finite_verb(text)
    )


def _credit_run_in(
    lines: Sequence[Line], group: list[int], roles: dict[int, Role], lang: Language
) -> bool:
    """A block of its own that opens with a credit in capitals run into its
    caption ("JANE DOE A worker clears…"): a name of two words or more, not
    opening with an article (a paper's name does: "THE DAILY COURIER") and
    without digits (a masthead's date), then at least two words. Right under
    the header, capitals open the first paragraph as its dateline ("NEW YORK
    The mayor said…"), so there the rest must show no finite verb."""
    text = lines[group[0]].text
    m = LEADING_CAPITALS_CREDIT.match(text)
    if m is None or not _block_apart(lines, group):
        return False
    name = m.group(1)
    rest = _joined(lines, group)[m.end() :]
    before = group[0] - 1
    while before >= 0 and roles.get(before) == FURNITURE:
        before -= 1
    first_block = before < 0 or roles.get(before) in HEADER_ROLES
    return (
        name.split()[0].lower() not in lang.function_words
        and not any(ch.isdigit() for ch in name)
        and word_count(rest) >= 2
        and not open_end(lines[group[-1]].text, lang.function_words)
        and not (first_block and _shows_verb(rest, lang))
    )


# The header's roles: a block right under them opens the body.
HEADER_ROLES = frozenset((KICKER, HEADLINE, DECK, BYLINE, DATELINE))


def _out_of_flow(
    lines: Sequence[Line],
    group: list[int],
    roles: dict[int, Role],
    width: float,
    source: str,
    lang: Language,
) -> bool:
    """Whether a short block shows it is not body text: it stands apart
    where the sentence before it goes on, or it is one line set wider than
    the column (under a picture wider than the column) that opens a block.
    A caption does not end open, and a wide line whose printed row holds a
    gutter is two columns' lines side by side."""
    last = lines[group[-1]]
    after = group[-1] + 1
    if open_end(last.text, lang.function_words):
        return False
    # The running text resumes after it.
    if after >= len(lines) or after in roles or lines[after].page != last.page:
        return False
    if _block_apart(lines, group) and _flow_broken(lines, group, roles):
        return True
    first = group[0]
    return (
        len(group) == 1
        and width > 0
        and len(last.text) > WIDE_LINE * width
        and (first == 0 or last.blank_before > 0)
        and GUTTER not in source[last.start : last.end]
    )


# The run of spaces a layout extraction sets between two columns.
GUTTER = "   "


def _row_start(source: str, offset: int) -> int:
    """Where the printed row holding ``offset`` starts in ``source``."""
    return source.rfind("\n", 0, offset) + 1


def find_displaced_captions(
    lines: Sequence[Line],
    blocks: list[list[int]],
    roles: dict[int, Role],
    paired: set[int],
    width: float,
    source: str,
    lang: Language,
) -> dict[int, Role]:
    """Captions the extractor set into the running text, out of its flow.

    A block inserted into a sentence of the body (see :func:`_inserted`) is
    a caption whether or not a credit is printed. And when the page holds
    one credit that found no caption (``paired`` holds the credits and
    captions already matched) and no uncredited caption, the one short
    block on its page that stands out of the flow (see :func:`_out_of_flow`)
    is its caption: the credit proves a picture, and the block is where its
    caption was put. ``source`` is the text the lines' offsets point into.
    """
    found: dict[int, Role] = {}
    # A layout extraction cuts a printed row into its columns' lines: a line
    # from the row that holds the paper's name is its motto, not a caption.
    furniture_rows = {
        _row_start(source, lines[i].start) for i, role in roles.items() if role == FURNITURE
    }
    blocks = [g for g in blocks if _row_start(source, lines[g[0]].start) not in furniture_rows]
    for group in blocks:
        if _short_block(lines, group, roles, lang) and (
            _inserted(lines, group, roles, lang) or _credit_run_in(lines, group, roles, lang)
        ):
            found.update(dict.fromkeys(group, CAPTION))
    loose = [i for i, role in roles.items() if role == CREDIT and i not in paired]
    uncredited = [
        i for i, role in (*roles.items(), *found.items()) if role == CAPTION and i not in paired
    ]
    if len(loose) != 1 or uncredited:
        return found
    page = lines[loose[0]].page
    # A wide line may open a block of column lines printed under it.
    openers = [group[:1] for group in blocks if len(group) > 1]
    candidates = [
        group
        for group in (*blocks, *openers)
        if lines[group[0]].page == page
        and _short_block(lines, group, roles, lang)
        and _out_of_flow(lines, group, roles, width, source, lang)
    ]
    if len(candidates) == 1:
        found.update(dict.fromkeys(candidates[0], CAPTION))
    return found


def settle_deferred_credits(
    deferred: dict[int, list[int]], roles: dict[int, Role], pairs: dict[int, list[int]]
) -> None:
    """Give each credit whose neighbours both read as the story's sentences
    (see :func:`find_captions`) its fallback caption, unless the page's one
    loose credit now has an uncredited caption to go with (found between
    the paragraphs or set into them, once the header was known)."""
    matched = {*pairs, *(j for chosen in pairs.values() for j in chosen)}
    loose = [i for i, role in roles.items() if role == CREDIT and i not in matched]
    waiting = any(role == CAPTION and i not in matched for i, role in roles.items())
    if len(loose) == 1 and waiting:
        return
    for credit, chosen in deferred.items():
        if all(j not in roles for j in chosen):
            roles.update(dict.fromkeys(chosen, CAPTION))
            pairs[credit] = chosen
