"""The canonical layouts: an :class:`Article` written out as plain text or Markdown.

Both layouts hold the whole article, in one fixed order, so that
:mod:`newsrepair._canonical` can read them back into the same fields:

1. the header: kicker, headline, deck, byline, dateline (those present);
2. the body, one paragraph per line with a blank line between paragraphs:
   subheads as ``### text``, interview turns as ``Q> text`` and ``A> text``,
   ``Q[SPEAKER]> text`` where the input printed the speaker's label; a body
   paragraph that would read as markup is escaped with a leading ``\\``;
3. the end mark ``-30-`` (the newsroom sign for "end of story"), always
   present, so that a text in this layout can be told from ordinary input;
4. the set-aside material: pull quotes, captions with credits, notes and the
   page furniture, one labelled block each.

Plain text labels every header line (``Headline: …``); Markdown uses ``#``
and ``##`` for the headline and deck and ``*Label:*`` for the rest.
"""

from __future__ import annotations

from bisect import bisect_left

import attrs

from ._model import Article, Paragraph

END_MARK = "-30-"
STYLES = ("text", "markdown")
SUBHEAD = "### "
ESCAPE = "\\"

# The header fields in layout order, with the plain-text label of each.
HEADER_FIELDS = (
    ("kicker", "Kicker"),
    ("headline", "Headline"),
    ("deck", "Deck"),
    ("byline", "Byline"),
    ("dateline", "Dateline"),
)
# Markdown writes the headline and deck as headings; the rest are labelled.
MARKDOWN_HEADINGS = {"headline": "# ", "deck": "## "}


def label(name: str, style: str) -> str:
    """The label that opens a labelled line: ``Name: `` or Markdown ``*Name:* ``."""
    return f"*{name}:* " if style == "markdown" else f"{name}: "


def printed_labels(article: Article) -> frozenset[int]:
    """Indices of the paragraphs whose speaker label was printed in the input.

    A ``speaker_label`` repair took each printed label out of its turn; the
    label stands just before the turn's first input span, so each repair
    belongs to the nearest labelled paragraph that starts at or after it.
    Turns that only inherited their speaker were printed without a label and
    stay so.
    """
    starts = sorted(
        (p.spans[0][0], k) for k, p in enumerate(article.paragraphs) if p.speaker and p.spans
    )
    keys = [s for s, _ in starts]
    found: set[int] = set()
    for r in article.repairs:
        if r.kind != "speaker_label":
            continue
        at = bisect_left(keys, r.span[1])
        if at < len(starts):
            found.add(starts[at][1])
    return frozenset(found)


def markup_prefixes() -> tuple[str, ...]:
    """Openings that mean markup in either layout; body text opening so is escaped."""
    labels = [label(n, s) for _, n in HEADER_FIELDS for s in STYLES]
    return (ESCAPE, SUBHEAD, "Q>", "A>", "Q[", "A[", *MARKDOWN_HEADINGS.values(), *labels)


_MARKUP = markup_prefixes()


def speaker_marker(role: str, speaker: str | None) -> str:
    """``Q> `` / ``A> ``, or ``Q[SPEAKER]> `` for a turn whose label was printed."""
    letter = "Q" if role == "question" else "A"
    if speaker is None:
        return f"{letter}> "
    return f"{letter}[{speaker}]> "


def _paragraph(p: Paragraph, labelled: bool) -> str:
    if p.role == "subhead":
        return SUBHEAD + p.text
    if p.role in ("question", "answer"):
        # A speaker whose name would close the marker early is not printed;
        # the recogniser then sees the layout is not its own and says so.
        printable = labelled and p.speaker and not ({"]", ">"} & set(p.speaker))
        return speaker_marker(p.role, p.speaker if printable else None) + p.text
    if p.text == END_MARK or p.text.startswith(_MARKUP):
        return ESCAPE + p.text
    return p.text


def _header(article: Article, style: str) -> list[str]:
    present = [(field, name, getattr(article, field)) for field, name in HEADER_FIELDS]
    present = [(f, n, v) for f, n, v in present if v]
    if style == "markdown":
        # Markdown needs a blank line between header items or they run together.
        return [f"{MARKDOWN_HEADINGS.get(f, label(n, style))}{v}" for f, n, v in present]
    lines = "\n".join(f"{label(n, style)}{v}" for _, n, v in present)
    return [lines] if lines else []


def _set_aside(article: Article, style: str) -> list[str]:
    out: list[str] = []
    for q in article.pull_quotes:
        if style == "markdown":
            tail = f"\n> — {q.attribution}" if q.attribution else ""
            out.append(f"> {q.text}{tail}")
        else:
            tail = f"\n{label('Attribution', style)}{q.attribution}" if q.attribution else ""
            out.append(f"{label('Pull quote', style)}{q.text}{tail}")
    for c in article.captions:
        tail = f"\n{label('Credit', style)}{c.credit}" if c.credit else ""
        out.append(f"{label('Caption', style)}{c.text}{tail}")
    out.extend(f"{label('Note', style)}{n}" for n in article.notes)
    out.extend(f"{label('Furniture', style)}{f}" for f in article.furniture)
    return out


def render(article: Article, style: str = "text") -> str:
    """Write ``article`` in the canonical ``"text"`` or ``"markdown"`` layout."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")
    labelled = printed_labels(article)
    body = [_paragraph(p, k in labelled) for k, p in enumerate(article.paragraphs)]
    blocks = [*_header(article, style), *body, END_MARK, *_set_aside(article, style)]
    return "\n\n".join(blocks) + "\n"


def without_spans(article: Article) -> Article:
    """The article's content fields alone: no spans, repairs or findings.

    Two articles with equal ``without_spans`` render alike apart from which
    speaker labels were printed; tests use it to compare a round trip.
    """
    return attrs.evolve(
        article,
        paragraphs=tuple(attrs.evolve(p, spans=()) for p in article.paragraphs),
        pull_quotes=tuple(attrs.evolve(q, spans=()) for q in article.pull_quotes),
        captions=tuple(attrs.evolve(c, spans=()) for c in article.captions),
        repairs=(),
        findings=(),
    )
