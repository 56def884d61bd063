"""Last step: turn the finished draft into the immutable public :class:`Article`."""

from __future__ import annotations

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

_FIELD_ROLES = {
    KICKER: "kicker",
    HEADLINE: "headline",
    DECK: "deck",
    BYLINE: "byline",
    DATELINE: "dateline",
}
_PARAGRAPH_ROLES = {BODY: "body", SUBHEAD: "subhead", QUESTION: "question", ANSWER: "answer"}


def _spans(draft: Draft, block: Block) -> tuple[Span, ...]:
    return tuple(draft.input_span(line.start, line.end) for line in block.lines)


def _unjoined_soft_hyphens(draft: Draft) -> list[Repair]:
    """Soft hyphens that joined nothing and show as "-": the input had U+00AD there."""
    return [
        draft.repair(
            "soft_hyphen",
            line.end - 1,
            line.end,
            "-",
            1.0,
            "soft hyphen with no word to join kept as a hyphen",
        )
        for block in draft.blocks
        for line in block.lines
        if line.soft_hyphen_end and line.text.endswith("-")
    ]


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
            sorted((*draft.repairs, *_unjoined_soft_hyphens(draft)), key=lambda r: (r.span, r.kind))
        ),
        findings=tuple(sorted(draft.findings, key=lambda f: (f.span, f.kind))),
    )
