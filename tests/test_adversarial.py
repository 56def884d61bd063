"""Adversarial sizes and shapes: each input finishes in time, raises nothing,
loses nothing and, where that holds today, is idempotent.

The inputs are those of ``benchmarks/adversarial.py`` (which prints their time
and memory at two sizes), here at the sizes the robustness issue names: a
1 MB line of prose, 100,000 line-end hyphens, 80 KB of "word- word" on one
line, 10,000 identical and near-identical lines, 50,000 "Q:" labels, 5,000
jump lines, and whitespace, punctuation and odd characters. Each runs under a
time limit that a linear pass meets many times over and a quadratic one (70 s
for 80 KB before the column de-interleaver was bounded) does not.
"""

from __future__ import annotations

import pytest

from benchmarks.adversarial import INPUTS, PROSE
from newsrepair import audit, repair

from _support import missing_from_union, time_limit

SIZES = {
    "prose on one line": 1_000_000 // len(PROSE) + 1,
    "short sentences on one line": 128_000 // 30 + 1,
    "word- word on one line": 8_000,
    "line-end hyphens": 100_000,
    "identical short lines": 10_000,
    "near-identical short lines": 10_000,
    "whitespace only": 12_500,
    "punctuation only": 10_000,
    "Q: labels": 50_000,
    "Q: label lines": 5_000,
    "jump lines": 5_000,
    "odd characters": 1_000,
    "collapsed columns": 4_000,
}
LIMIT = 60

NOT_IDEMPOTENT = {
    "Q: labels": "interview pass: of a run of labels 'Q: Q: Q:' only the first is taken out, so "
    "the second repair takes out the next one ('Q: Q:' -> 'Q:' -> '')",
}


def test_sizes_cover_every_input() -> None:
    """Every adversarial input has a test size, so none is silently skipped."""
    assert sorted(INPUTS) == sorted(SIZES)


@pytest.mark.parametrize("name", sorted(SIZES))
def test_adversarial_input_repaired_in_time_nothing_lost(name: str) -> None:
    """The input is repaired within the limit and passes the audit."""
    text = INPUTS[name](SIZES[name])
    with time_limit(LIMIT):
        article = repair(text)
        report = audit(text, article)
        assert ((), (), ()) == (report.missing, report.extra, report.misplaced)
        assert [] == missing_from_union(text, article)


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=NOT_IDEMPOTENT[n]))
     if n in NOT_IDEMPOTENT else n for n in sorted(SIZES)],
)
def test_adversarial_input_idempotent(name: str) -> None:
    """Repairing the repaired body of the input changes nothing."""
    text = INPUTS[name](SIZES[name])
    with time_limit(LIMIT):
        once = repair(text).text
        assert once == repair(once).text


def test_time_limit_stops_a_slow_block() -> None:
    """The limit really interrupts a block that runs too long (the tests above can fail)."""
    with pytest.raises(TimeoutError), time_limit(1):
        while True:
            pass
