"""Last step: turn the finished draft into the immutable public :class:`Article`."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable

from ._draft import (
    ANSWER,
    BODY,
    BYLINE,
    CAPTION,
    DATELINE,
    DECK,
    FLOW_ROLES,
    FURNITURE,
    HEADLINE,
    KICKER,
    NOTE,
    PULL_QUOTE,
    QUESTION,
    SUBHEAD,
    Block,
    Draft,
)
from ._model import Article, Caption, Paragraph, PullQuote, Repair, Span
from ._normalise import SOFT_MARK

_FIELD_ROLES = {
    KICKER: "kicker",
    HEADLINE: "headline",
    DECK: "deck",
    BYLINE: "byline",
    DATELINE: "dateline",
}
_PARAGRAPH_ROLES = {BODY: "body", SUBHEAD: "subhead", QUESTION: "question", ANSWER: "answer"}


def _spans(draft: Draft, block: Block) -> tuple[Span, ...]:
    return tuple(draft.input_span(a, b) for line in block.lines for a, b in line.source_ranges)


def _unjoined_soft_hyphens(draft: Draft) -> list[Repair]:
    """Soft hyphens that joined nothing and show as "-": the input had U+00AD there."""
    return [
        draft.fixed_repair(
            "soft_hyphen",
            line.end - 1,
            line.end,
            "-",
            "soft hyphen with no word to join kept as a hyphen",
        )
        for block in draft.blocks
        for line in block.lines
        if line.soft_hyphen_end and line.text.endswith("-")
    ]


def _credit_soft_hyphens(draft: Draft, logged: list[Repair]) -> list[Repair]:
    """Soft hyphens that end a credit or attribution split off a line, shown as "-".

    A credit printed at the end of a caption line ("... Saturday. Photo:" and
    a line-end U+00AD) is cut out of the line as a string, so the line no
    longer ends in the marked hyphen and nothing else accounts for it.
    """
    done = {r.span for r in logged if r.kind == "soft_hyphen"}
    fixes: list[Repair] = []
    for block in draft.blocks:
        if not block.lines:
            continue
        for tail in (block.credit, block.attribution):
            if not tail or not tail.endswith("-"):
                continue
            # The marker stands only at a line end, so the tail found right
            # before it is the one shown.
            at = draft.source.find(tail[:-1] + SOFT_MARK, block.lines[0].start)
            if at < 0:
                continue
            mark = at + len(tail) - 1
            fix = draft.fixed_repair(
                "soft_hyphen",
                mark,
                mark + 1,
                "-",
                "soft hyphen ending a credit, with no word to join, kept as a hyphen",
            )
            if fix.span not in done:
                done.add(fix.span)
                fixes.append(fix)
    return fixes


# Kinds that rewrite single characters of the input before any pass reads it
# (normalise, and the Markdown markup taken off), or that account for one such
# character later (soft hyphens).
_CHARACTER_KINDS = frozenset(
    {"ligature", "soft_hyphen", "hyphen_char", "zero_width", "private_use", "markup"}
)


def _compose(repairs: list[Repair]) -> list[Repair]:
    """Drop character repairs that a wider edit of the same input already accounts for.

    Later passes read the normalised text, but their repairs take ``before``
    from the input: a dehyphenation of "‐" (U+2010) or a restored hyphen in
    "so\u00adcalled" holds the original character in ``before`` and the final
    text in ``after``, so it is the whole edit of that input. The normalising
    repair inside its span would count the same input character a second time.
    A move that carries a ligature ("ﬁ" in ``before``, "fi" in ``after``) is
    such an edit too; a move whose sides are equal changes no character and
    leaves the repairs inside it alone.
    """
    by_wide = _coverage(
        sorted(
            r.span
            for r in repairs
            if r.kind not in _CHARACTER_KINDS and r.before != r.after and r.span[0] < r.span[1]
        )
    )
    # Markup taken off ("</\ue000u>") holds the characters inside it that
    # normalising changed: they are accounted for by the markup repair.
    by_markup = _coverage(
        sorted(r.span for r in repairs if r.kind == "markup" and r.span[1] - r.span[0] > 1)
    )
    return [
        r
        for r in repairs
        if r.kind not in _CHARACTER_KINDS
        or not (by_wide(r.span) or (r.kind != "markup" and by_markup(r.span)))
    ]


def _coverage(spans: list[Span]) -> Callable[[Span], bool]:
    """A test of whether a span lies inside one of the sorted ``spans``."""
    starts = [a for a, _ in spans]
    # reach[i]: the furthest end among the spans starting at or before starts[i].
    reach = list(itertools.accumulate((b for _, b in spans), max))

    def covered(span: Span) -> bool:
        i = bisect.bisect_right(starts, span[0]) - 1
        return i >= 0 and reach[i] >= span[1] and span[0] < span[1]

    return covered


def assemble(draft: Draft) -> Article:
    """Collect blocks by role into an :class:`Article`, repairs and findings sorted."""
    fields: dict[str, list[str]] = {}
    paragraphs: list[Paragraph] = []
    pull_quotes: list[PullQuote] = []
    captions: list[Caption] = []
    notes: list[str] = []
    furniture: list[str] = []
    for block in draft.blocks:
        # Justified lines carry runs of spaces; inside a paragraph they mean nothing.
        text = " ".join(block.text.split())
        if not text:
            continue
        role = block.role
        if role in _FIELD_ROLES:
            fields.setdefault(_FIELD_ROLES[role], []).append(text)
        elif role in FLOW_ROLES:
            paragraphs.append(
                Paragraph(
                    text, _PARAGRAPH_ROLES.get(role, "body"), block.speaker, _spans(draft, block)
                )
            )
        elif role == PULL_QUOTE:
            pull_quotes.append(PullQuote(text, block.attribution, _spans(draft, block)))
        elif role == CAPTION:
            captions.append(Caption(text, block.credit, _spans(draft, block)))
        elif role == NOTE:
            notes.append(text)
        elif role == FURNITURE:
            furniture.append(text)
        else:
            furniture.append(text)
    logged = [*draft.repairs, *_unjoined_soft_hyphens(draft)]
    return Article(
        kicker=" ".join(fields["kicker"]) if "kicker" in fields else None,
        headline=" ".join(fields["headline"]) if "headline" in fields else None,
        deck=" ".join(fields["deck"]) if "deck" in fields else None,
        byline=" ".join(fields["byline"]) if "byline" in fields else None,
        dateline=" ".join(fields["dateline"]) if "dateline" in fields else None,
        paragraphs=tuple(paragraphs),
        pull_quotes=tuple(pull_quotes),
        captions=tuple(captions),
        notes=tuple(notes),
        furniture=tuple(furniture),
        repairs=tuple(
            sorted(
                _compose([*logged, *_credit_soft_hyphens(draft, logged)]),
                key=lambda r: (r.span, r.kind),
            )
        ),
        findings=tuple(sorted(draft.findings, key=lambda f: (f.span, f.kind))),
    )
