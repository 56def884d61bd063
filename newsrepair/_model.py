"""The public data model: the immutable :class:`Article` and the records it holds.

Every record that comes from the input carries ``span`` or ``spans``: half-open
``(start, end)`` offsets into the string given to :func:`newsrepair.repair`, so
any output can be traced back to the characters it was made from.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ._kinds import FINDING_KINDS, REPAIR_KINDS

Span = tuple[int, int]
"""A half-open ``(start, end)`` range of offsets into the input string.

Slicing the input with a span gives the characters a record came from::

    >>> from newsrepair import repair
    >>> text = "The com-\\nmittee met.\\n"
    >>> [text[start:end] for start, end in repair(text).paragraphs[0].spans]
    ['The com-', 'mittee met.']
"""

PARAGRAPH_ROLES = ("body", "subhead", "question", "answer")


def _spans(value: Any) -> tuple[Span, ...]:
    return tuple((int(a), int(b)) for a, b in value)


def _span(value: Any) -> Span:
    a, b = value
    return (int(a), int(b))


@attrs.frozen
class Repair:
    """One edit made to the input, with where it was made and how sure we were.

    ``before`` is the exact input text the edit replaced and ``after`` is what
    stands for it in the output. For most kinds that is the input at ``span``;
    a ``move`` has the moved text as both; the order-only kinds (``join``,
    ``reorder``, ``columns``) replace no character, so both are empty and
    ``span`` covers what they joined or reordered across, whose characters
    keep their own places. Replaying
    every repair on the input reproduces the output's wording.

        >>> from newsrepair import repair
        >>> text = "The com-\\nmittee met.\\n"
        >>> fix = repair(text).repairs[0]
        >>> fix.kind, fix.before, fix.after
        ('dehyphenate', '-', '')
        >>> text[fix.span[0] : fix.span[1]] == fix.before
        True
    """

    kind: str = attrs.field(validator=attrs.validators.in_(REPAIR_KINDS))
    span: Span = attrs.field(converter=_span)
    before: str
    after: str
    confidence: float
    note: str = ""


@attrs.frozen
class Finding:
    """Damage that was seen but not repaired because the evidence was too weak.

    A text that stops mid-sentence is reported, never completed::

        >>> from newsrepair import repair
        >>> article = repair("The committee met on Monday and said it would decide on the\\n")
        >>> [finding.kind for finding in article.findings]
        ['paragraph_cut']
        >>> article.text  # left as it was
        'The committee met on Monday and said it would decide on the'
    """

    kind: str = attrs.field(validator=attrs.validators.in_(FINDING_KINDS))
    span: Span = attrs.field(converter=_span)
    message: str


@attrs.frozen
class Paragraph:
    """A body paragraph in reading order.

    ``role`` is ``"body"``, ``"subhead"``, ``"question"`` or ``"answer"``;
    ``speaker`` names who speaks an interview turn (propagated to unlabelled
    turns), and ``spans`` lists the input ranges the paragraph was built from.

        >>> from newsrepair import repair
        >>> article = repair("Q: When does the pool open?\\nA: In June, once the tiles are dry.\\n")
        >>> [(p.role, p.speaker) for p in article.paragraphs]
        [('question', 'Q'), ('answer', 'A')]
        >>> article.paragraphs[0].text  # the label is the speaker, not text
        'When does the pool open?'
    """

    text: str
    role: str = attrs.field(default="body", validator=attrs.validators.in_(PARAGRAPH_ROLES))
    speaker: str | None = None
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)


@attrs.frozen
class PullQuote:
    """A body sentence repeated in large type, taken out of the flow.

    Its text is not in :attr:`Article.text`; ``attribution`` names the speaker
    printed beside it, if any::

        >>> from newsrepair import PullQuote
        >>> PullQuote('"We will not close the pool"', attribution="Ana Ruiz").attribution
        'Ana Ruiz'
    """

    text: str
    attribution: str | None = None
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)


@attrs.frozen
class Caption:
    """A figure caption and the photo credit printed with it.

    The credit's label (``Photo:``, a bullet) is removed by a ``strip_marker``
    repair; the credit is the name::

        >>> from newsrepair import repair
        >>> text = ("The lifeboat crew rescued two walkers cut off by the tide on Sunday.\\n\\n"
        ...         "The lifeboat returns to its station.\\nPhoto: Ada Lind\\n")
        >>> caption = repair(text).captions[0]
        >>> caption.text, caption.credit
        ('The lifeboat returns to its station.', 'Ada Lind')
    """

    text: str
    credit: str | None = None
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_spans)


def _plain(value: Any) -> Any:
    """Tuples become lists all the way down, so the data is JSON-shaped."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


@attrs.frozen
class Article:
    """A repaired news article: structure fields, body, set-aside material and a log.

    ``text`` is the clean body (paragraph texts joined by blank lines).
    ``repairs`` lists every edit with its input span; ``findings`` lists damage
    left alone because no repair was confident enough. It is immutable
    (``attrs.evolve`` makes changed copies) and round-trips through JSON::

        >>> from newsrepair import Article, repair
        >>> article = repair("Harbour bridge reopens\\n\\n"
        ...                  "The bridge reopened on Saturday after two years of repairs.\\n")
        >>> article.headline
        'Harbour bridge reopens'
        >>> Article.from_dict(article.to_dict()) == article
        True
    """

    kicker: str | None = None
    headline: str | None = None
    deck: str | None = None
    byline: str | None = None
    dateline: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    pull_quotes: tuple[PullQuote, ...] = ()
    captions: tuple[Caption, ...] = ()
    notes: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()
    repairs: tuple[Repair, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def text(self) -> str:
        """The clean body: paragraph texts joined by ``"\\n\\n"``.

            >>> from newsrepair import Article, Paragraph
            >>> Article(paragraphs=(Paragraph("One."), Paragraph("Two."))).text
            'One.\\n\\nTwo.'
        """
        return "\n\n".join(p.text for p in self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """Return plain JSON-ready data; :meth:`from_dict` reverses it.

        Tuples become lists, and ``text`` (the body) is added::

            >>> import json
            >>> from newsrepair import repair
            >>> data = repair("The com-\\nmittee met.\\n").to_dict()
            >>> data["text"], data["paragraphs"][0]["spans"]
            ('The committee met.', [[0, 8], [9, 20]])
            >>> json.loads(json.dumps(data)) == data
            True
        """
        data: dict[str, Any] = _plain(attrs.asdict(self))
        data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an :class:`Article` from :meth:`to_dict` output.

            >>> from newsrepair import Article, repair
            >>> article = repair("The com-\\nmittee met.\\n")
            >>> Article.from_dict(article.to_dict()) == article
            True
        """
        return cls(
            kicker=_opt(data.get("kicker")),
            headline=_opt(data.get("headline")),
            deck=_opt(data.get("deck")),
            byline=_opt(data.get("byline")),
            dateline=_opt(data.get("dateline")),
            paragraphs=tuple(Paragraph(**p) for p in data.get("paragraphs", ())),
            pull_quotes=tuple(PullQuote(**q) for q in data.get("pull_quotes", ())),
            captions=tuple(Caption(**c) for c in data.get("captions", ())),
            notes=tuple(data.get("notes", ())),
            furniture=tuple(data.get("furniture", ())),
            repairs=tuple(Repair(**r) for r in data.get("repairs", ())),
            findings=tuple(Finding(**f) for f in data.get("findings", ())),
        )

    def to_text(self) -> str:
        """Render the whole article in the canonical plain-text layout.

        :func:`newsrepair.repair` reads this layout back into the same fields,
        so repairing a repaired article changes nothing (what ``newsrepair fix``
        writes)::

            >>> from newsrepair import repair
            >>> article = repair("Harbour bridge reopens\\n\\n"
            ...                  "The bridge reopened on Saturday after two years of repairs.\\n")
            >>> print(article.to_text())
            Headline: Harbour bridge reopens
            <BLANKLINE>
            The bridge reopened on Saturday after two years of repairs.
            <BLANKLINE>
            -30-
            <BLANKLINE>
            >>> repair(article.to_text()).to_text() == article.to_text()
            True
        """
        from ._render import render  # the renderer imports this module

        return render(self, "text")

    def to_markdown(self) -> str:
        """Render the whole article in the canonical Markdown layout.

        Headline and deck as headings, body turns, pull quotes as block quotes,
        captions with credits, notes and furniture; :func:`newsrepair.repair`
        reads this layout back into the same fields.

            >>> from newsrepair import repair
            >>> article = repair("Harbour bridge reopens\\n\\n"
            ...                  "The bridge reopened on Saturday after two years of repairs.\\n")
            >>> article.to_markdown().splitlines()[0]
            '# Harbour bridge reopens'
            >>> repair(article.to_markdown()).headline
            'Harbour bridge reopens'
        """
        from ._render import render

        return render(self, "markdown")
