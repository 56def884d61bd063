"""Markdown input: detection, markup read as structure and kept in the repairs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrepair import Article, audit, repair
from newsrepair._cli import main
from newsrepair._markdown import is_markdown

PAGE = "\n".join([
    "## **THE HARBOUR GAZETTE**",
    "",
    "#### **<u>TRANSPORT</u>**",
    "",
    "# **Ferry service returns to the north shore after a winter away**",
    "",
    "_Commuters welcome the first crossing since November_",
    "",
    "By Mara Lindqvist",
    "",
    "The first ferry of the season left the north shore pier at seven on Monday morning, "
    "carrying about forty commuters who had spent the winter on a **slower** bus.",
    "",
    "The council will review the timetable in June, when the summer boats start running "
    "every twenty minutes.",
])

MARKDOWN = [
    "# Title\n\nThe council met on Monday.",
    "Some text.\n\n## A heading\n\nMore text with **bold** words.",
    "Some text.\n\n## One\n\nMore.\n\n## Two\n\nEnd.",
    "A **b** c **d** e **f** g.",
    "Intro.\n\n| a | b |\n| --- | --- |\n\n![alt](x.png) and <u>under</u> and _emphasis_\n",
]
PLAIN = [
    "The club's #1 draft pick said the move was a dream.",
    "*Terms of the deal were not disclosed.\n\nWrite to sports_desk@example.com.",
    "Five * three is fifteen; C# and F# are languages; the __init__ file.",
    "Prices rose 5% | wages fell 2% | rents held.",
    "Some text.\n\nMore text.\n\nAnd more.\n\n## A lone heading further down\n\nEnd.",
    "x < y and y > z, said the report's authors.",
]


@pytest.mark.parametrize("text", MARKDOWN)
def test_markdown_detected(text: str) -> None:
    """Two kinds of markup with a heading, two headings, three bold runs, a heading at the top."""
    assert is_markdown(text)


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_is_not_markdown(text: str) -> None:
    """A stray #, *, _, | or < in news text is no Markdown, and nothing is taken off."""
    article = repair(text)
    assert (False, []) == (
        is_markdown(text),
        [r for r in article.repairs if r.kind == "markup"],
    )


def _fields(article: Article) -> tuple[str | None, ...]:
    return (article.kicker, article.headline, article.deck, article.byline)


def test_page_fields_are_plain_text() -> None:
    """The markup says which line is which; the fields hold no markup."""
    article = repair(PAGE)
    assert (
        "TRANSPORT",
        "Ferry service returns to the north shore after a winter away",
        "Commuters welcome the first crossing since November",
        "By Mara Lindqvist",
    ) == _fields(article)
    assert "on a slower bus." in article.text
    assert ["THE HARBOUR GAZETTE"] == list(article.furniture)


def test_markup_is_in_the_repairs_and_nothing_is_lost() -> None:
    """Every mark taken off is a markup repair's before; the audit passes."""
    article = repair(PAGE)
    taken = "".join(r.before for r in article.repairs if r.kind == "markup")
    assert (True, 16, 2) == (
        audit(PAGE, article).ok,
        taken.count("*"),
        taken.count("_"),
    )


def test_plain_format_leaves_markup() -> None:
    """``input_format="plain"`` reads the text as it is: markup stays words."""
    article = repair(PAGE, input_format="plain")
    assert ([], True) == (
        [r for r in article.repairs if r.kind == "markup"],
        "**slower**" in article.text,
    )


def test_declared_markdown_reads_a_lone_mark() -> None:
    """Declared Markdown needs no detection: a single bold run is taken off."""
    text = "The council met on **Monday** and agreed the budget."
    assert ("The council met on Monday and agreed the budget.", 1.0) == (
        repair(text, input_format="markdown").text,
        repair(text, input_format="markdown").repairs[0].confidence,
    )


def test_markup_under_the_bar_is_a_finding() -> None:
    """Detected markup is strong evidence, not proof: over a high bar it stays, reported."""
    article = repair(PAGE, min_confidence=0.95)
    assert (True, True) == (
        "**slower**" in article.text,
        any(f.kind == "possible_markup" for f in article.findings),
    )


def test_to_markdown_round_trips() -> None:
    """The clean Markdown reads back into the same article, and again to the same text."""
    article = repair(PAGE)
    again = repair(article.to_markdown())
    assert (_fields(article), article.text) == (_fields(again), again.text)
    assert article.to_text() == repair(article.to_text()).to_text()


def test_cli_input_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--input-format plain`` keeps the markup that auto-detection takes off."""
    story = tmp_path / "story.txt"
    story.write_text(PAGE, encoding="utf-8")
    main(["fix", "--input-format", "plain", str(story)])
    plain = capsys.readouterr().out
    main(["fix", str(story)])
    auto = capsys.readouterr().out
    assert (True, False) == ("**slower**" in plain, "**slower**" in auto)


# Pieces of Markdown and of news text, run together in any order.
MARKS = ["#", "## ", "# ", "**", "*", "_", "__", "> ", "- ", "|", " | ", "---", "===", "![",
         "](", ")", "[", "]", "<u>", "</u>", "<!--", "-->", "\\", "\\*", "~~", "`"]
WORDS = ["The", "council", "said", "on", "Monday", "re", "duced", "great", "est", ".", ",",
         "By Ann Lee", "Photo: Ann Lee", "com-", "muters", "\n", "\n", "\n\n", "\n\n\n", " "]
markdown_text = st.lists(st.sampled_from(MARKS + WORDS), max_size=80).map(
    lambda parts: "".join(p if p.isspace() else p + " " for p in parts)
)
SETTINGS = settings(max_examples=int(os.environ.get("NR_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(markdown_text, st.sampled_from(["auto", "markdown"]))
def test_markdown_nothing_lost(text: str, input_format: str) -> None:
    """Whatever the markup, every character is in one place and every record replays."""
    article = repair(text, input_format=input_format)
    assert audit(text, article).ok


@SETTINGS
@given(markdown_text)
def test_markdown_fixed_text_is_fixed(text: str) -> None:
    """The canonical layout of a repaired Markdown input reads back unchanged."""
    fixed = repair(text, input_format="markdown").to_text()
    assert fixed == repair(fixed).to_text()


def test_run_in_label_cut_from_a_line_markup_was_taken_from() -> None:
    """A section tag run into the first body line is cut where the line's map says."""
    text = (
        "# Student's clock draws support\n\n"
        "**<mark>MEDIA</mark>** From the city desk. Images of the boy were posted and "
        "reposted online within hours of his arrest at school on Monday.\n\n"
        "The school said it had acted on the advice of the police."
    )
    article = repair(text)
    assert (True, ["MEDIA"]) == (audit(text, article).ok, list(article.furniture))
