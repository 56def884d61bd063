"""Collapsed layout: rows of side-by-side columns squeezed to single spaces.

The golden rules G300-G302 hold the texts; here the detector and the reading
are checked piece by piece: what is found, what is refused under the bar,
what is never taken for columns, and that the work per row stays bounded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsrepair import repair
from newsrepair._collapsed import (
    _BEAM,
    _MAX_COLUMNS,
    Collapsed,
    _cuttings,
    _tokens,
    find_collapsed,
)
from newsrepair._config import Config
from newsrepair._draft import Line
from newsrepair._lexicon import Lexicon
from newsrepair._normalise import run as normalise
from newsrepair._pipeline import start_draft
from newsrepair._segment import _split_lines
from test_golden import input_text, load_cases

# The seed lives outside the repository and is read where it lies.
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_c86172af70846193.txt"


def _case(case_id: str) -> str:
    return next(input_text(c) for c in load_cases("synthetic.json") if c["id"] == case_id)


def _found(text: str) -> tuple[Collapsed | None, list[Line], Lexicon]:
    draft = normalise(start_draft(text), Config())
    lines = _split_lines(draft.source)
    lexicon = Lexicon.from_texts((line.text for line in lines), "en", True)
    return find_collapsed(lines, lexicon), lines, lexicon


def test_two_columns_found_with_their_geometry() -> None:
    """The two-column rows are one region of two columns about 30 characters wide."""
    found, lines, _ = _found(_case("G300"))
    assert found is not None
    [region] = found.regions
    assert (0, len(lines) - 1, 2) == (region.first, region.last, region.columns)
    assert 26 <= region.width <= 32


def test_three_columns_found() -> None:
    """The three-column rows are read as three columns."""
    found, _, _ = _found(_case("G301"))
    assert found is not None
    assert [3] == [region.columns for region in found.regions]


def test_under_the_bar_a_finding_and_the_rows_untouched() -> None:
    """Under a bar over the region's confidence the rows stay as they are, with W103."""
    text = _case("G300")
    article = repair(text, min_confidence=0.99)
    assert ([], ["collapsed_columns"]) == (
        [r.kind for r in article.repairs if r.kind == "collapsed_columns"],
        [f.kind for f in article.findings if f.kind == "collapsed_columns"],
    )
    # Left row by row, the first column's sentence is never read on.
    everything = " ".join([article.headline or "", article.text])
    assert [] == [s for s in ("opened the new floodgates",) if s in everything]


def test_single_column_with_broken_words_is_not_columns() -> None:
    """Suspended hyphens and line-end hyphens of one column give no collapsed region."""
    found, _, _ = _found(_case("G302"))
    assert found is None


def test_the_seed_is_not_columns() -> None:
    """The seed (interleaved columns inside single lines, not collapsed rows) is left alone."""
    if not SEED.is_file():
        pytest.skip(f"seed example not found at {SEED} (kept outside the repository)")
    found, _, _ = _found(SEED.read_text(encoding="utf-8"))
    assert found is None


def test_cuttings_per_row_are_bounded() -> None:
    """However long the row, a row has at most the beam's cuttings times the column choices."""
    _, lines, lexicon = _found(_case("G301"))
    row = _tokens(lines[3], frozenset())
    for columns in range(2, _MAX_COLUMNS + 1):
        cuttings = _cuttings(row, columns, 24, lexicon)
        assert len({c.pieces for c in cuttings}) <= _BEAM
        assert all(len(c.pieces) <= columns for c in cuttings)


def test_next_word_fits_within_the_give_of_full_lines_costs_little() -> None:
    """A next word that fits only by the spread of full lines is weak evidence of a seam.

    Full lines (those ending in a broken word) of proportional type differ by
    several characters; the give measured from them tempers the cost of a
    line that looks a word short.
    """
    from newsrepair._collapsed import _give, _link

    assert 6.0 == _give([27, 30, 31, 33, 50], 31)
    lexicon = Lexicon.from_texts(["the old road"], "en", True)
    line = Line(text="widen the old road", start=0, end=18, index=0)
    last, first = _tokens(line, frozenset())[1], _tokens(line, frozenset())[2]
    narrow = _link(last, first, 25, lexicon, 31, 3.72)
    wide = _link(last, first, 25, lexicon, 31, 6.0)
    assert narrow < wide < 0


def test_a_width_measured_by_later_columns_is_tried_one_column_narrower() -> None:
    """With no first-column broken line, the drifting width is refitted to the widest rows."""
    found, lines, _ = _found(_case("G642"))
    assert found is not None
    [region] = found.regions
    assert (0, len(lines) - 1, 3, False) == (
        region.first,
        region.last,
        region.columns,
        region.measured,
    )
    assert 28 <= region.width <= 32


def test_a_width_measured_by_the_first_column_is_kept() -> None:
    """A first column's broken lines measure the width: no other reading is tried."""
    found, _, _ = _found(_case("G300"))
    assert found is not None
    assert [True] == [region.measured for region in found.regions]


def test_rows_set_a_blank_line_apart_are_one_region() -> None:
    """OCR rows with a blank line between them, some without a broken word, stay together."""
    found, lines, _ = _found(_case("G640"))
    assert found is not None
    assert [(0, len(lines) - 1, 2)] == [(r.first, r.last, r.columns) for r in found.regions]
