"""The ledger as a public check: :func:`audit` verifies an article against its input.

Two promises are checked.

*Nothing lost.* Every non-whitespace character of the input is in exactly
one output place: a structure field, a paragraph, a pull quote or its
attribution, a caption or its credit, a note, the furniture, or the
``before`` of a repair, with each repair's ``after`` taken away (it stands in
an output place for what ``before`` held). Counted as multisets, input plus
every ``after`` must equal the output places plus every ``before``; what is
left over on either side is reported as missing or extra.

*Spans tell the truth.* :func:`replay` applies the character edits of the
repair log to the input. The text of each paragraph, caption (with its
credit) and pull quote must equal, up to whitespace, the replayed input over
that record's ``spans``, taken in order. Order-only repairs (``join``,
``move``, ``reorder``, ``columns``) change no character (their ``before``
equals their ``after``), so replay skips them; they are why a record's
spans need not be in input order.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import attrs

from ._model import Article, Repair, Span


@attrs.frozen
class Audit:
    """What :func:`audit` found: characters missing or extra, and misplaced records.

    ``missing`` lists ``(character, count)`` for input characters found in no
    output place and no repair's ``before``; ``extra`` lists characters that
    are in more places than the input and the repairs' ``after`` account
    for (a character counted twice shows here). ``misplaced`` describes each
    record whose text is not its spans' replayed input, or why the log could
    not be replayed. ``ok`` is true when all three are empty.

        >>> from newsrepair import Audit
        >>> Audit().ok
        True
        >>> Audit(missing=(("x", 1),)).ok, Audit(missing=(("x", 1),)).lost
        (False, True)
    """

    missing: tuple[tuple[str, int], ...] = ()
    extra: tuple[tuple[str, int], ...] = ()
    misplaced: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every character is in exactly one place and every record replays."""
        return not (self.missing or self.extra or self.misplaced)

    @property
    def lost(self) -> bool:
        """Whether the character accounting fails (missing or extra characters)."""
        return bool(self.missing or self.extra)


def output_places(article: Article) -> Iterator[str]:
    """Every output text that holds input characters.

    ``Paragraph.speaker`` is not one: a ``speaker_label`` repair's ``before``
    holds the label, and the speaker name repeats it.
    """
    for value in (article.kicker, article.headline, article.deck, article.byline, article.dateline):
        if value:
            yield value
    for p in article.paragraphs:
        yield p.text
    for q in article.pull_quotes:
        yield q.text
        if q.attribution:
            yield q.attribution
    for c in article.captions:
        yield c.text
        if c.credit:
            yield c.credit
    yield from article.notes
    yield from article.furniture


def _non_ws(texts: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(ch for ch in text if not ch.isspace())
    return counts


def ledger(text: str, article: Article) -> tuple[Counter[str], Counter[str]]:
    """(input + every repair's after, output places + every repair's before), non-whitespace.

    Nothing is lost exactly when the two counts are equal.
    """
    left = _non_ws([text, *(r.after for r in article.repairs)])
    right = _non_ws([*output_places(article), *(r.before for r in article.repairs)])
    return left, right


def _edits(text: str, repairs: Iterable[Repair]) -> list[Repair]:
    """The character edits of ``repairs``, in input order, checked against ``text``."""
    edits = sorted(
        # An order-only repair changes no character when its sides are equal;
        # one that carries an edit too (a moved fragment holding a ligature)
        # is replayed as an edit like any other.
        (r for r in repairs if r.before != r.after),
        key=lambda r: (r.span, r.kind),
    )
    end = 0
    for r in edits:
        a, b = r.span
        if not 0 <= a <= b <= len(text) or text[a:b] != r.before:
            raise ValueError(
                f"{r.kind} repair at {r.span}: its before {r.before!r} is not the input there"
            )
        if a < end:
            raise ValueError(
                f"{r.kind} repair at {r.span} overlaps an earlier edit ending at {end}"
            )
        end = b
    return edits


def _replay_spans(text: str, edits: Sequence[Repair], spans: Iterable[Span]) -> str:
    """The input over ``spans`` (in the order given) with ``edits`` applied.

    An edit is applied in the span that holds its start; input it covers
    beyond that span is consumed, so no other span repeats it.
    """
    starts = [r.span[0] for r in edits]
    out: list[str] = []
    for a, b in spans:
        pos = a
        k = bisect.bisect_right(starts, a) - 1
        if k >= 0 and edits[k].span[0] < a < edits[k].span[1]:
            # The span opens inside an edit applied with an earlier span.
            pos = edits[k].span[1]
        # Edits do not overlap, so each one found here starts at or after pos.
        k = bisect.bisect_left(starts, pos)
        while k < len(edits) and edits[k].span[0] < b:
            out.append(text[pos : edits[k].span[0]])
            out.append(edits[k].after)
            pos = edits[k].span[1]
            k += 1
        if pos < b:
            out.append(text[pos:b])
    return "".join(out)


def replay(text: str, repairs: Iterable[Repair]) -> str:
    """Apply the character edits of ``repairs`` to ``text`` and return the result.

    Repairs whose ``before`` equals their ``after`` change nothing: the
    order-only kinds (``join``, ``move``, ``reorder``, ``columns``) and kept
    hyphens. Raises
    ``ValueError`` when an edit's ``before`` is not the input at its span, or
    when two edits overlap (one input character would be edited twice).

        >>> from newsrepair import repair, replay
        >>> text = "The com-\\nmittee met.\\n"
        >>> replay(text, repair(text).repairs)  # the hyphen goes; line breaks are whitespace
        'The com\\nmittee met.\\n'
    """
    return _replay_spans(text, _edits(text, repairs), [(0, len(text))])


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _records(article: Article) -> Iterator[tuple[str, str, tuple[Span, ...]]]:
    """(name, text, spans) of every record that carries spans."""
    for n, p in enumerate(article.paragraphs):
        yield f"paragraph {n}", p.text, p.spans
    for n, q in enumerate(article.pull_quotes):
        yield f"pull quote {n}", q.text, q.spans
    for n, c in enumerate(article.captions):
        # The spans are the caption's own lines; the credit carries none.
        yield f"caption {n}", c.text, c.spans


def misplaced(text: str, article: Article) -> tuple[str, ...]:
    """Records whose text is not, up to whitespace, the replayed input over their spans."""
    try:
        edits = _edits(text, article.repairs)
    except ValueError as error:
        return (f"the repair log cannot be replayed: {error}",)
    found = []
    for name, got, spans in _records(article):
        have, want = _squeeze(got), _squeeze(_replay_spans(text, edits, spans))
        if have != want:
            at = next(
                (i for i, (x, y) in enumerate(zip(have, want, strict=False)) if x != y),
                min(len(have), len(want)),
            )
            found.append(
                f"{name}: its text (whitespace aside) reads {have[max(0, at - 20) : at + 20]!r} "
                f"where its spans replay to {want[max(0, at - 20) : at + 20]!r}"
            )
    return tuple(found)


def audit(text: str, article: Article) -> Audit:
    """Check ``article`` against the ``text`` it was repaired from.

    Returns an :class:`Audit`: the characters missing from the output or
    extra in it (each non-whitespace input character must be in exactly one
    output place, see :func:`ledger`), and the records whose spans do not
    replay to their text. ``audit(text, repair(text)).ok`` is the promise.

        >>> from newsrepair import Article, audit, repair
        >>> text = "The com-\\nmittee met.\\n"
        >>> audit(text, repair(text)).ok
        True
        >>> lost = audit(text, Article())  # an article that kept nothing
        >>> lost.ok, lost.missing[:2]
        (False, (('-', 1), ('.', 1)))
    """
    if not isinstance(text, str):
        raise TypeError(f"audit() needs the input text as a str, not {type(text).__name__}")
    if not isinstance(article, Article):
        raise TypeError(f"audit() needs a newsrepair.Article, not {type(article).__name__}")
    left, right = ledger(text, article)
    return Audit(
        missing=tuple(sorted((left - right).items())),
        extra=tuple(sorted((right - left).items())),
        misplaced=misplaced(text, article),
    )
