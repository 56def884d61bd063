"""Reproducers for bugs found by the robustness work (fuzzing, adversarial sizes).

Bugs in the passes this work may edit are fixed and their reproducers pass.
Those in passes being rewritten elsewhere (_classify, _reflow, _hyphens,
_wordfix, _interview, _pullquotes, ...) are kept as strict xfails with the
exact input and a diagnosis, so the rewrite sees them turn green.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsrepair import repair

from _support import time_limit


def known(text: str, reason: str, **marks: Any) -> Any:
    """A reproducer ``text`` expected to fail (strictly) for ``reason``."""
    return pytest.param(text, marks=pytest.mark.xfail(strict=True, reason=reason, **marks),
                        id=repr(text[:24]))


# ---------------------------------------------------------------- linear time

SLOW = [
    known("a" * 20_000 + "@a.", "_reflow.LAST_WORD '(\\p{L}[\\p{L}\\p{M}'’]*)[^\\p{L}]*$' is "
          "searched over the whole line: in a long run of letters every start scans to the "
          "'@' and backtracks (35 s for 20 KB)", raises=TimeoutError),
    known("a'" * 40_000 + "!-", "_reflow.HYPHEN_END and _hyphens.HYPHEN_END: every letter after "
          "an apostrophe passes the lookbehind and scans to the '!' (22 s for 80 KB)",
          raises=TimeoutError),
    known("a'" * 40_000 + "- b", "_hyphens.FLATTENED: every letter after an apostrophe starts "
          "'\\p{L}[\\p{L}\\p{M}'’]*- ' and scans to the hyphen (20 s for 80 KB)",
          raises=TimeoutError),
]


@pytest.mark.parametrize("text", SLOW)
def test_repaired_in_seconds(text: str) -> None:
    """A one-line input of 20-80 KB is repaired within 5 s (linear work takes well under 1 s)."""
    with time_limit(5):
        repair(text)


# ---------------------------------------------------------------- idempotence

NOT_IDEMPOTENT = [
    known("Q: Q: ", "_interview: of a run of labels only the first is taken out, so each repair "
          "takes out one more ('Q: Q:' -> 'Q:' -> '')"),
    known("Q: Why?\nA: Because.\n" * 5, "_classify: with the labels taken out, repeated short "
          "turns ('Why?', 'Because.') are read as running heads and a headline"),
]


@pytest.mark.parametrize("text", NOT_IDEMPOTENT)
def test_idempotent(text: str) -> None:
    """Repairing the repaired body changes nothing."""
    once = repair(text).text
    assert once == repair(once).text
