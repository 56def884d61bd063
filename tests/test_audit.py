"""The ledger as a public invariant: :func:`newsrepair.audit` and :func:`newsrepair.replay`.

Unit tests show that the audit catches what it should (a dropped, a doubled,
a changed character; a log that cannot be replayed). Hypothesis properties
then hold it over generated damaged articles and arbitrary Unicode, with no
``assume()`` filter: every non-whitespace input character is in exactly one
output place, and every paragraph, caption and pull quote is the replayed
input over its spans. The reproducers at the end are the nothing-lost bugs
the robustness fuzzing found in normalise, segment/layout and assemble.
"""

from __future__ import annotations

import json
import os

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrepair import Audit, Paragraph, Repair, audit, repair, replay

from test_properties import damaged_articles, newsy_text

EXAMPLES = settings(max_examples=int(os.environ.get("NR_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
ARTICLE = ("Harbour bridge reopens\n\nThe ﬁrst cars crossed the bridge on Satur-\n"
           "day morning after a two-year repair.\n\nContinued on Page 7\n")

# ---------------------------------------------------------------- replay


def test_replay_applies_edits_in_input_order() -> None:
    """Each edit replaces its span; the rest of the input is kept."""
    repairs = [Repair("dehyphenate", (7, 8), "-", "", 0.9),
               Repair("ligature", (0, 1), "ﬁ", "fi", 1.0)]
    assert "fire com\nmuters" == replay("ﬁre com-\nmuters", repairs)


def test_replay_skips_order_only_repairs() -> None:
    """Joins, moves, reorders and column reads change no character."""
    text = "one two three"
    repairs = [Repair("join", (0, 13), "", "", 0.9), Repair("move", (4, 7), "two", "two", 0.85),
               Repair("columns", (0, 0), "", "", 0.9), Repair("reorder", (0, 7), "", "", 0.9)]
    assert text == replay(text, repairs)


def test_replay_refuses_overlapping_edits() -> None:
    """Two edits of one input character cannot both be applied."""
    repairs = [Repair("hyphen_char", (1, 2), "\u2010", "-", 1.0),
               Repair("dehyphenate", (1, 2), "\u2010", "", 0.9)]
    with pytest.raises(ValueError, match="overlaps"):
        replay("a\u2010\nb", repairs)


def test_replay_refuses_a_before_that_is_not_the_input() -> None:
    """An edit whose ``before`` is not the input at its span is reported."""
    with pytest.raises(ValueError, match="not the input"):
        replay("abc", [Repair("split_words", (0, 2), "xy", "x y", 0.9)])


def test_replay_of_a_repair_reproduces_the_body_words() -> None:
    """Replaying the log of the example gives the body's words, in input order."""
    article = repair(ARTICLE)
    assert "first cars" in replay(ARTICLE, article.repairs)
    assert "Satur\nday" in replay(ARTICLE, article.repairs)


# ---------------------------------------------------------------- audit


def test_audit_of_a_repair_is_ok() -> None:
    """A repaired article passes its audit."""
    report = audit(ARTICLE, repair(ARTICLE))
    assert (True, (), (), ()) == (report.ok, report.missing, report.extra, report.misplaced)


def test_audit_reports_a_dropped_character() -> None:
    """Taking the furniture out of the article shows its characters as missing."""
    article = repair(ARTICLE)
    report = audit(ARTICLE, attrs.evolve(article, furniture=()))
    assert not report.ok
    assert ("7", 1) in report.missing
    assert () == report.extra


def test_audit_reports_a_doubled_character() -> None:
    """A character in two places is extra."""
    article = repair(ARTICLE)
    report = audit(ARTICLE, attrs.evolve(article, notes=("7",)))
    assert (("7", 1),) == report.extra
    assert report.lost


def test_audit_reports_a_misplaced_paragraph() -> None:
    """A paragraph whose text is not its spans' input is misplaced, even when the
    characters still balance (two paragraphs with their texts swapped)."""
    text = "The council met on Monday.\n\nIt voted against the plan.\n"
    article = repair(text)
    first, second = article.paragraphs
    swapped = attrs.evolve(article, paragraphs=(
        Paragraph(second.text, first.role, first.speaker, first.spans),
        Paragraph(first.text, second.role, second.speaker, second.spans)))
    report = audit(text, swapped)
    assert not report.lost
    assert 2 == len(report.misplaced)
    assert not report.ok


def test_audit_reports_an_unreplayable_log() -> None:
    """A log with overlapping edits is reported, not raised."""
    article = attrs.evolve(repair("a-\nb"), repairs=(
        Repair("hyphen_char", (1, 2), "-", "-", 1.0), Repair("dehyphenate", (0, 2), "a-", "a", 1.0),
        Repair("soft_hyphen", (1, 2), "-", "", 1.0)))
    assert any("cannot be replayed" in m for m in audit("a-\nb", article).misplaced)


def test_audit_needs_a_str_and_an_article() -> None:
    """Wrong argument types raise TypeError naming what was given."""
    with pytest.raises(TypeError, match="bytes"):
        audit(b"x", repair("x"))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dict"):
        audit("x", {})  # type: ignore[arg-type]


def test_audit_is_frozen() -> None:
    """The report is immutable."""
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Audit().missing = (("x", 1),)  # type: ignore[misc]


# ---------------------------------------------------------------- properties

# Every code point, lone surrogates and private use included (st.text leaves
# surrogates out by default).
every_char = st.characters(exclude_categories=())
any_text = st.one_of(st.text(every_char, max_size=300), st.text(max_size=300), newsy_text)


@EXAMPLES
@given(any_text)
def test_property_nothing_lost(text: str) -> None:
    """Every non-whitespace character of any text is in exactly one output place."""
    report = audit(text, repair(text))
    assert ((), ()) == (report.missing, report.extra)


@EXAMPLES
@given(any_text)
def test_property_records_replay_their_spans(text: str) -> None:
    """Every paragraph, caption and pull quote of any text is its spans' replayed input."""
    assert () == audit(text, repair(text)).misplaced


@settings(max_examples=int(os.environ.get("NR_GENERATED", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(damaged_articles(full_lead=False))
def test_property_generated_article_audits(sample: tuple[str, list[str]]) -> None:
    """A generated damaged article passes the whole audit."""
    text, _ = sample
    report = audit(text, repair(text))
    assert (True, (), (), ()) == (report.ok, report.missing, report.extra, report.misplaced)


# ---------------------------------------------------------------- bugs fixed

FIXED = {
    # A Unicode hyphen (U+2010) at a line end: normalised to "-" and then
    # kept; both repairs held the input character in before.
    "hyphen_char inside keep_hyphen": "y)onr,multiH\u2010\nLI",
    "soft hyphen inside restored compound": "the so\u00adcalled plan and the socalled one",
    "ligature inside a moved column fragment": (
        "19 19 \r\nContinued on Page 7 Monday Q: \n\n\ufb01 U.S. 19 Photo: Ann Lee ? \xadon  : "
        "US socalled -US council US \u2022 that ment multi Iran \u2014 This article first "
        "appeared in the Ledger. e.g. said Continued on Page 7 : \ufb01 -so-called "),
    "zero-width joiner inside a split word": "Whether\u200cthis is so, whetherthis is not",
    "word joiner inside a dehyphenation": "the gov\u2060-\nernment said",
    "soft hyphen after an inline credit word": "I : . Photo:\xad",
    "soft hyphen after an inline credit name": "Tall ships on the quay on Saturday. Picture:\xad\n",
    # Found against the original code: the soft hyphen closing the text after
    # a running head and a jump of pages was logged in no place.
    "soft hyphen at the end after a page break": (
        "ern12\n Photo: Ann Lee\nword gov-gov-\n \nword  THE DAILY LEDGER | 4-\ncouncilcouncil "
        "word \x0cPage 3 ernmet. Photo: Ann Lee  gov- word\xad "),
    # pdftotext -layout: a row whose right cell ends in spaces and U+00AD;
    # the glued-back cell took its text from the source, marker and all.
    "layout row ending in spaces and a soft hyphen": (
        "chedule school less the year             t\n economy                               "
        "a   \xad\ncommunity at                             y\nith said by              "
        "              nit"),
}


@pytest.mark.parametrize("name", sorted(FIXED))
def test_fixed_nothing_lost(name: str) -> None:
    """The reproducer passes the whole audit, and no private marker leaks out."""
    text = FIXED[name]
    article = repair(text)
    report = audit(text, article)
    assert (True, (), (), ()) == (report.ok, report.missing, report.extra, report.misplaced)
    if "\ue000" not in text:
        assert "\ue000" not in json.dumps(article.to_dict(), ensure_ascii=False)
