"""The one edit path: every pass proposes edits here, and only here do they
become :class:`~newsrepair.Repair` records or, under the confidence bar,
:class:`~newsrepair.Finding` records.

A pass makes one :class:`Ledger` per run, calls :meth:`Ledger.propose` for
each edit it would like to make and acts on the edit only when ``propose``
returns ``True``. So ``Config.min_confidence`` is applied the same way to
every kind of repair, in one place, and an edit under the bar always leaves a
finding that says what was not done and why.
"""

from __future__ import annotations

from typing import Any

import attrs

from ._config import Config
from ._draft import Draft
from ._kinds import weak_finding
from ._model import Finding, Repair, Span


@attrs.define
class Ledger:
    """The repairs and findings one pass adds to a draft."""

    draft: Draft
    config: Config
    repairs: list[Repair] = attrs.field(factory=list)
    findings: list[Finding] = attrs.field(factory=list)

    def propose(
        self,
        kind: str,
        start: int,
        end: int,
        after: str,
        confidence: float,
        note: str = "",
        *,
        span: Span | None = None,
        before: str | None = None,
        context: tuple[int, int] | None = None,
    ) -> bool:
        """Record an edit of ``source[start:end]`` to ``after``; ``True`` if it may be made.

        ``span`` overrides the input span (moves and joins cover more input
        than they change); ``before`` overrides the input text at the span
        (a move's ``before`` is the moved text itself). ``context`` is the
        range of ``source`` a refusal's finding covers (the text the edit is
        about, when that reaches beyond the edit itself).
        """
        draft = self.draft
        edited = draft.input_span(start, end)
        where = edited if span is None else span
        if confidence >= self.config.min_confidence:
            # A span wider than the edit (a join across other material) adds no
            # character to ``before``: only ``source[start:end]`` is replaced.
            was = draft.original[edited[0] : edited[1]] if before is None else before
            self.repairs.append(Repair(kind, where, was, after, confidence, note))
            return True
        self.findings.append(
            Finding(
                weak_finding(kind),
                where if context is None else draft.input_span(*context),
                f"{note}; not changed (confidence {confidence:.2f} is under the bar "
                f"{self.config.min_confidence:.2f})",
            )
        )
        return False

    def find(self, kind: str, start: int, end: int, message: str) -> None:
        """Record damage seen but not repaired, over ``source[start:end]``."""
        self.findings.append(self.draft.finding(kind, start, end, message))

    def close(self, draft: Draft, **changes: Any) -> Draft:
        """``draft`` with this pass's repairs and findings appended and ``changes`` made."""
        return attrs.evolve(
            draft,
            repairs=(*draft.repairs, *self.repairs),
            findings=(*draft.findings, *self.findings),
            **changes,
        )
