"""Pass 3: tell structure and furniture from the body flow.

Each concern has its module: :mod:`._furniture` (page numbers, jump lines,
running heads, credits, end notes), :mod:`._captions`, :mod:`._header`
(kicker, headline, deck, byline, dateline), and speaker labels in
:mod:`._interview`. This pass runs them in that order, each seeing what the
earlier ones set aside, and builds the structure blocks. Everything left is
body flow for the later passes.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ._captions import (
    credit_text,
    find_captions,
    find_displaced_captions,
    find_standalone_captions,
    inline_caption,
    inline_credit_label,
    settle_deferred_credits,
)
from ._config import Config
from ._draft import (
    BYLINE,
    CAPTION,
    CREDIT,
    DATELINE,
    DECK,
    FLOW,
    FURNITURE,
    HEADLINE,
    KICKER,
    NOTE,
    Block,
    Draft,
    Line,
)
from ._furniture import find_furniture
from ._header import find_header, split_glued_signature, split_run_in_label, tidy_kicker
from ._interview import label_counts, speaker_turns, uses_dotted_labels
from ._language import Language, language_for
from ._lexicon import Lexicon
from ._markdown import captions_from_markup, header_from_markup
from ._order import GEOMETRIC_READINGS
from ._shapes import ends_sentence
from ._unwrapped import (
    split_row_labels,
    split_run_in_jumps,
    split_run_in_mastheads,
    split_signed_dates,
)


def _blocks(lines: Sequence[Line]) -> list[list[int]]:
    """Group line indices into blank-line-separated blocks."""
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        if not groups or line.blank_before > 0 or line.page != lines[i - 1].page:
            groups.append([])
        groups[-1].append(i)
    return groups


# A headline that a kicker ran into keeps at least this many words.
HEADLINE_MIN_WORDS = 4
# A section name is a common word ("SPORTS", "WORLD"); capitals that open a
# headline are as often an acronym ("NASA Launches…"), which is rarer.
SECTION_WORD_ZIPF = 4.5


def _kicker_run_into_headline(lines: list[Line], lexicon: Lexicon | None) -> list[Line]:
    """A kicker the extractor ran into the headline: "SPORTS Australian woman claims…"."""
    if lexicon is None or any(line.role == KICKER for line in lines):
        return lines
    for k, line in enumerate(lines):
        if line.role == HEADLINE:
            split = split_run_in_label(line, KICKER, HEADLINE_MIN_WORDS + 1)
            if split is None:
                return lines
            kicker = tidy_kicker(split[0])
            if any(lexicon.zipf(word) < SECTION_WORD_ZIPF for word in kicker.text.split()):
                return lines
            return [*lines[:k], kicker, split[1], *lines[k + 1 :]]
    return lines


def _signature_glued_to_headline(lines: list[Line], lang: Language) -> list[Line]:
    """A byline or date the extractor glued to the headline's last line, cut off."""
    last = max((k for k, line in enumerate(lines) if line.role == HEADLINE), default=None)
    if last is None:
        return lines
    split = split_glued_signature(lines[last], lang)
    if split is None or any(line.role == split[1].role for line in lines):
        return lines
    return [*lines[:last], *split, *lines[last + 1 :]]


def run(draft: Draft, config: Config) -> Draft:
    """Label furniture, notes, credits, captions and the header lines."""
    lang = language_for(config.language)
    lines = split_row_labels(
        split_run_in_jumps(
            split_run_in_mastheads(split_signed_dates(draft.lines, lang), lang), lang
        ),
        lang,
        any(r.kind in GEOMETRIC_READINGS for r in draft.repairs),
    )
    blocks = _blocks(lines)
    roles = find_furniture(lines, lang, draft.source)
    deferred: dict[int, list[int]] = {}
    pairs = find_captions(lines, blocks, roles, deferred, lang)
    if draft.markdown:
        roles.update(captions_from_markup(lines, roles, lang))
    counts = label_counts(lines, lang)
    # Markdown headings say where the header is; without them its lines' shape does.
    header = header_from_markup(lines, roles, lang) if draft.markdown else None
    if header is None:
        header = find_header(lines, blocks, roles, draft.column_width, counts, lang)
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
    # Uncredited captions between paragraphs: sought once the header is
    # known, so that a deck or a headline is never taken for one. A text
    # written a paragraph to a line has no measure to tell them by.
    if not draft.paragraph_lines:
        roles.update(find_standalone_captions(lines, blocks, roles, draft.column_width, lang))
    # Captions set into the running text: a text a paragraph to a line has
    # no measure, so only the flow around a block tells there.
    matched = {*pairs, *(j for chosen in pairs.values() for j in chosen)}
    width = 0.0 if draft.paragraph_lines else draft.column_width
    roles.update(find_displaced_captions(lines, blocks, roles, matched, width, draft.source, lang))
    settle_deferred_credits(deferred, roles, pairs)
    new_lines: list[Line] = []
    extra: list[Block] = []
    label_done = False
    caption_lines: list[Line] = []
    for i, line in enumerate(lines):
        role = roles.get(i, FLOW)
        if role == FLOW and not label_done:
            label_done = True
            split = split_run_in_label(line)
            if split:
                extra.append(Block(FURNITURE, (split[0],)))
                line = split[1]
        # attrs.evolve costs more than the rest of this loop; most lines keep their role.
        line = line if line.role == role else attrs.evolve(line, role=role)
        new_lines.append(tidy_kicker(line) if role == KICKER else line)
    new_lines = _kicker_run_into_headline(new_lines, draft.lexicon)
    new_lines = _signature_glued_to_headline(new_lines, lang)
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
    loose: list[Line] = []
    for credit_at, chosen in sorted(pairs.items()):
        credit, fixes = credit_text(draft, by_index[credit_at], lang)
        repairs.extend(fixes)
        captions.append(Block(CAPTION, tuple(by_index[j] for j in chosen), credit=credit))
        paired.update(chosen)
        paired.add(credit_at)
    for line in new_lines:
        if line.role == CAPTION and line.index not in paired:
            # Captions in blocks of their own are captions of their own.
            if caption_lines and (
                line.index != caption_lines[-1].index + 1 or line.blank_before > 0
            ):
                captions.append(inline_caption(caption_lines, lang))
                caption_lines = []
            caption_lines.append(line)
        elif line.role == CREDIT and line.index not in paired:
            loose.append(line)
    if caption_lines:
        captions.append(inline_caption(caption_lines, lang))
    uncredited = [k for k, block in enumerate(captions) if not block.credit]
    if len(loose) == 1 and len(uncredited) == 1:
        # The extractor printed the page's one loose credit away from its one
        # caption without a credit (text boxes out of order): they go together.
        credit, fixes = credit_text(draft, loose[0], lang)
        repairs.extend(fixes)
        captions[uncredited[0]] = attrs.evolve(captions[uncredited[0]], credit=credit)
        paired.add(loose[0].index)
    else:
        extra.extend(Block(FURNITURE, (line,)) for line in loose)
    for k, block in enumerate(captions):
        if block.credit and block.lines[-1].index not in paired:
            captions[k], fixes = inline_credit_label(draft, block, lang)
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
        # What Counter subtraction gives (every count is positive), but only
        # the set-aside words are visited: subtraction rebuilds the whole
        # vocabulary, a Python call for each word the aside lacks.
        vocab = lexicon.vocab.copy()
        for word, n in Lexicon.from_texts(aside, lexicon.language, False).vocab.items():
            if word in vocab:
                if vocab[word] > n:
                    vocab[word] -= n
                else:
                    del vocab[word]
        lexicon = attrs.evolve(lexicon, vocab=vocab)
    return attrs.evolve(
        draft,
        lexicon=lexicon,
        dotted_labels=uses_dotted_labels(lines, lang),
        speakers=frozenset(name for name in counts if speaker_turns(f"{name}:", counts, lang)),
        lines=tuple(new_lines),
        blocks=(*structure, *captions, *extra),
        repairs=tuple(repairs),
    )
