"""Run-on columns: rows of side-by-side columns written into one paragraph line."""

from __future__ import annotations

from collections.abc import Sequence

from newsrepair import audit, repair
from newsrepair._audit import ledger
from newsrepair._draft import Line
from newsrepair._lexicon import Lexicon
from newsrepair._runon import reading, seams

# Two invented columns, each line ending where a justified column breaks it.
LEFT = (
    "The ferry company said on Friday that",
    "it would add a second boat to the win-",
    "ter timetable after complaints from is-",
    "landers who had waited hours at the",
    "quay during the storms in January. The",
    "new boat will sail twice a day and stop",
    "at the small pier on the north side.",
)
RIGHT = (
    "Islanders welcomed the news but said",
    "the fares were still too high for fami-",
    "lies who cross every week, and asked",
    "the company to offer cheaper tickets",
    "to children and pensioners. The com-",
    "pany said it would look at the fares",
    "again when the new boat enters service.",
)


def run_on(columns: Sequence[Sequence[str]]) -> str:
    """Each row's column lines after each other, as a dehyphenating extractor writes them.

    A line-end hyphen is dropped and the piece glued to whatever follows in
    the stream: the next column's first word on the same row.
    """
    rows = max(len(c) for c in columns)
    out = ""
    for r in range(rows):
        for column in columns:
            if r >= len(column):
                continue
            line = column[r]
            out = out[:-1] + line if out.endswith("-") else (f"{out} {line}" if out else line)
    return out


def read_as_columns(lines: Sequence[str]) -> str:
    """The column's lines as one paragraph, its broken words joined."""
    text = ""
    for line in lines:
        text = text[:-1] + line if text.endswith("-") else (f"{text} {line}" if text else line)
    return text


ARTICLE = "Ferry to add a winter boat\n\n" + run_on((LEFT, RIGHT)) + "\n"


def test_two_run_on_columns_are_read_column_by_column() -> None:
    """Each column reads on in its own paragraph, its broken words made whole."""
    article = repair(ARTICLE)
    assert [p.text for p in article.paragraphs] == [
        read_as_columns(LEFT),
        read_as_columns(RIGHT),
    ]
    assert [r.kind for r in article.repairs] == ["run_on_columns_read"]


def test_the_reading_is_an_order_only_repair_over_the_line() -> None:
    """One repair over the whole line, its sides equal: only the order changes."""
    article = repair(ARTICLE)
    (read,) = article.repairs
    line = run_on((LEFT, RIGHT))
    assert read.before == read.after == line
    assert ARTICLE[read.span[0] : read.span[1]] == line
    assert read.confidence >= 0.8
    # Nothing is lost: every character of the input is in the article.
    left, right = ledger(ARTICLE, article)
    assert left == right


def test_seams_measure_two_columns_of_the_right_width() -> None:
    """The seams' common distance gives the number of columns and their width."""
    line = run_on((LEFT, RIGHT))
    lexicon = Lexicon.from_texts([line], "en", True)
    found = reading(line, seams(line, lexicon))
    assert found is not None
    assert found.columns == 2
    widest = max(len(x) for x in (*LEFT, *RIGHT))
    assert abs(found.width - widest) <= 4


def test_under_a_higher_bar_the_line_is_left_with_a_finding() -> None:
    """Under the bar the line stays as it was, and a finding says why."""
    article = repair(ARTICLE, min_confidence=0.99)
    assert not [r for r in article.repairs if r.kind == "run_on_columns_read"]
    assert "run_on_columns" in [f.kind for f in article.findings]
    assert run_on((LEFT, RIGHT)) in article.text


def test_reading_again_changes_nothing() -> None:
    """The columns read apart hold no run-on line: a second repair reads nothing."""
    first = repair(ARTICLE)
    again = repair(first.text)
    assert not [r for r in again.repairs if r.kind == "run_on_columns_read"]
    assert [p.text for p in again.paragraphs] == [p.text for p in first.paragraphs]


def test_an_ordinary_paragraph_line_holds_no_seams() -> None:
    """The same words in reading order, broken words whole, show no seam."""
    line = read_as_columns(LEFT) + " " + read_as_columns(RIGHT)
    lexicon = Lexicon.from_texts([line], "en", True)
    assert seams(line, lexicon) == []
    assert not repair("Ferry to add a winter boat\n\n" + line + "\n").repairs


def test_a_column_line_of_two_input_ranges_is_cut_range_by_range() -> None:
    """A line read from two ranges keeps, when cut, the ranges on each side."""
    source = "the win- Islanders welcomed ter timetable"
    # "the win-" + "ter timetable": the run-on reader's column line.
    line = Line(
        text="the win-ter timetable",
        start=0,
        end=len(source),
        index=0,
        anchors=((8, 28),),
        ranges=((0, 8), (28, len(source))),
    )
    before, after = line.split_at(8, 8)
    assert ((0, 8), (28, 41)) == (before.source_ranges[0], after.source_ranges[0])
    assert "the win-" == before.text
    assert "ter timetable" == source[after.start : after.end]
    whole, tail = line.split_at(12, 13)
    assert ((0, 8), (28, 32)) == whole.source_ranges
    assert ((33, 41),) == tail.source_ranges


def test_paragraph_spans_hold_each_range_of_a_column_line() -> None:
    """Every paragraph of a run-on reading replays from its own spans."""
    article = repair(ARTICLE)
    assert "run_on_columns_read" in [r.kind for r in article.repairs]
    assert audit(ARTICLE, article).ok
    assert all(a < b for p in article.paragraphs for a, b in p.spans)
