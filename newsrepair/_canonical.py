"""Reading the canonical layouts of :mod:`newsrepair._render` back into an Article.

:func:`newsrepair.repair` tries :func:`recognise` first: a text that is
exactly what :func:`~newsrepair._render.render` writes is already repaired,
so it is read field by field instead of going through the passes (which
would take it for new input and could, say, read its first paragraph as a
headline). The recogniser is strict: it accepts a text only when rendering
what it read gives the text back character for character; anything else
goes to the normal pipeline.

The article read back holds no findings and one ``speaker_label`` repair per
printed ``Q[SPEAKER]>`` label: the label was taken out of the turn and kept
as its speaker, as the interview pass does, so nothing is lost.
"""

from __future__ import annotations

import attrs

from ._model import Article, Caption, Paragraph, PullQuote, Repair, Span
from ._render import (
    END_MARK,
    ESCAPE,
    HEADER_FIELDS,
    MARKDOWN_HEADINGS,
    STYLES,
    SUBHEAD,
    label,
    render,
)

_FIELD_ORDER = [field for field, _ in HEADER_FIELDS]


class _NotCanonical(Exception):
    """The text is not in the layout; the caller falls back to the pipeline."""


@attrs.define
class _Reader:
    """The state of one attempt to read ``text`` in one ``style``."""

    text: str
    style: str
    fields: dict[str, str] = attrs.Factory(dict)
    paragraphs: list[Paragraph] = attrs.Factory(list)
    pull_quotes: list[PullQuote] = attrs.Factory(list)
    captions: list[Caption] = attrs.Factory(list)
    notes: list[str] = attrs.Factory(list)
    furniture: list[str] = attrs.Factory(list)
    repairs: list[Repair] = attrs.Factory(list)
    # The last printed speaker of each role: unlabelled turns inherit it.
    last_speaker: dict[str, str] = attrs.Factory(dict)

    def header_field(self, line: str) -> tuple[str, str] | None:
        """(field, value) when ``line`` is a header line of this style."""
        for field, name in HEADER_FIELDS:
            opening = label(name, self.style)
            if self.style == "markdown":
                opening = MARKDOWN_HEADINGS.get(field, opening)
            if line.startswith(opening):
                return field, line[len(opening) :]
        return None

    def add_field(self, field: str, value: str) -> None:
        """Keep one header field; fields come once each, in layout order."""
        if self.fields and _FIELD_ORDER.index(field) <= _FIELD_ORDER.index(list(self.fields)[-1]):
            raise _NotCanonical
        self.fields[field] = value

    def add_paragraph(self, start: int, text: str, role: str, speaker: str | None) -> None:
        """Keep one body paragraph whose text starts at offset ``start``."""
        self.paragraphs.append(Paragraph(text, role, speaker, _one(start, text)))

    def paragraph(self, start: int, block: str) -> None:
        """Read one body block starting at offset ``start``."""
        if block.startswith(SUBHEAD):
            cut = len(SUBHEAD)
            self.add_paragraph(start + cut, block[cut:], "subhead", None)
            return
        if block[:1] in ("Q", "A") and block[1:2] in (">", "["):
            self.turn(start, block)
            return
        cut = len(ESCAPE) if block.startswith(ESCAPE) else 0
        self.add_paragraph(start + cut, block[cut:], "body", None)

    def turn(self, start: int, block: str) -> None:
        """Read an interview turn: ``Q> text`` or ``A[SPEAKER]> text``."""
        role = "question" if block[0] == "Q" else "answer"
        close = block.find("> ")
        if close < 1:
            raise _NotCanonical
        speaker: str | None
        if block[1] == "[":
            if block[close - 1] != "]" or close < 4:
                raise _NotCanonical
            speaker = block[2 : close - 1]
            self.last_speaker[role] = speaker
            self.repairs.append(
                Repair(
                    "speaker_label",
                    (start + 1, start + close),
                    block[1:close],
                    "",
                    1.0,
                    f"canonical layout: speaker label '{speaker}' kept as the turn's speaker",
                )
            )
        elif close == 1:
            speaker = self.last_speaker.get(role)
        else:
            raise _NotCanonical
        cut = close + 2
        self.add_paragraph(start + cut, block[cut:], role, speaker)

    def set_aside(self, start: int, block: str, group: int) -> int:
        """Read one block after the end mark; returns its group (they come in order)."""
        lines = block.split("\n")
        if len(lines) > 2:
            raise _NotCanonical
        head, tail = lines[0], lines[1] if len(lines) == 2 else None
        quote = "> " if self.style == "markdown" else label("Pull quote", self.style)
        attribution = "> — " if self.style == "markdown" else label("Attribution", self.style)
        openings = (
            quote,
            label("Caption", self.style),
            label("Note", self.style),
            label("Furniture", self.style),
        )
        for kind, opening in enumerate(openings):
            if not head.startswith(opening):
                continue
            if kind < group or (tail is not None and kind > 1):
                raise _NotCanonical
            body = head[len(opening) :]
            spans = _one(start + len(opening), body)
            if kind == 0:
                extra = _tail(tail, attribution)
                self.pull_quotes.append(PullQuote(body, extra, spans))
            elif kind == 1:
                self.captions.append(Caption(body, _tail(tail, label("Credit", self.style)), spans))
            elif kind == 2:
                self.notes.append(body)
            else:
                self.furniture.append(body)
            return kind
        raise _NotCanonical

    def article(self) -> Article:
        """The article read so far."""
        get = self.fields.get
        return Article(
            kicker=get("kicker"),
            headline=get("headline"),
            deck=get("deck"),
            byline=get("byline"),
            dateline=get("dateline"),
            paragraphs=tuple(self.paragraphs),
            pull_quotes=tuple(self.pull_quotes),
            captions=tuple(self.captions),
            notes=tuple(self.notes),
            furniture=tuple(self.furniture),
            repairs=tuple(self.repairs),
        )


def _one(start: int, content: str) -> tuple[Span, ...]:
    """The span of a block's content, which starts at offset ``start``."""
    return ((start, start + len(content)),)


def _tail(line: str | None, opening: str) -> str | None:
    if line is None:
        return None
    if not line.startswith(opening):
        raise _NotCanonical
    return line[len(opening) :]


def _blocks(text: str) -> list[tuple[int, str]]:
    """The blank-line separated blocks of ``text`` with their start offsets."""
    out: list[tuple[int, str]] = []
    at = 0
    for block in text[:-1].split("\n\n"):
        out.append((at, block))
        at += len(block) + 2
    return out


def _read(text: str, style: str) -> Article:
    reader = _Reader(text, style)
    blocks = _blocks(text)
    k = 0
    if style == "text":
        lines = blocks[0][1].split("\n")
        if reader.header_field(lines[0]) is not None:
            for line in lines:
                found = reader.header_field(line)
                if found is None:
                    raise _NotCanonical
                reader.add_field(*found)
            k = 1
    else:
        while k < len(blocks) and (found := reader.header_field(blocks[k][1])) is not None:
            reader.add_field(*found)
            k += 1
    while k < len(blocks) and blocks[k][1] != END_MARK:
        start, block = blocks[k]
        if "\n" in block:
            raise _NotCanonical
        reader.paragraph(start, block)
        k += 1
    if k == len(blocks):
        raise _NotCanonical
    group = 0
    for start, block in blocks[k + 1 :]:
        group = reader.set_aside(start, block, group)
    return reader.article()


def recognise(text: str) -> Article | None:
    """The article ``text`` holds when it is in a canonical layout, else ``None``."""
    # Cheap refusals first: repair() calls this on every input.
    if not text.endswith("\n") or not (
        text.startswith(END_MARK + "\n") or f"\n{END_MARK}\n" in text
    ):
        return None
    for style in STYLES:
        try:
            article = _read(text, style)
        except (_NotCanonical, ValueError, TypeError):
            continue
        if render(article, style) == text:
            return article
    return None


def is_canonical(text: str) -> bool:
    """Whether ``text`` is exactly a canonical layout written by this library."""
    return recognise(text) is not None
