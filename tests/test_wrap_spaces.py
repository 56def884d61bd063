"""Paragraph ends told by the space an extractor keeps after a wrapped line.

Some PDF producers write the space each line broke at, and pypdf, PyMuPDF
and pdfminer keep it at the line's end; a paragraph's last line has none.
"""

from __future__ import annotations

import textwrap

from newsrepair import repair

PARAGRAPHS = [
    "The harbour board met on Tuesday evening to discuss the cost of dredging the old "
    "channel, which has silted up badly since the winter storms came in from the west.",
    "Members agreed to ask the ministry for help before the autumn, when the fishing "
    "fleet returns from the northern grounds and needs the deeper water again.",
    "The chairman said the board could not pay for the work from its own funds, and "
    "that the town council had already refused to lend it the money this year.",
    "A decision is expected in March, after the ministry has read the report of the "
    "engineers who surveyed the channel in the summer and found it shallower.",
]


def _wrapped(mark: str, pad_last: bool) -> str:
    """The paragraphs wrapped to a narrow column, flush, no blank lines."""
    out = []
    for para in PARAGRAPHS:
        lines = textwrap.wrap(para, 40)
        last = lines[-1] + (mark if pad_last else "")
        out.append("\n".join([line + mark for line in lines[:-1]] + [last]))
    return "Harbour board asks for help\n\n" + "\n".join(out) + "\n"


def test_no_space_after_the_line_ends_its_paragraph() -> None:
    """Wrapped lines end in a space, paragraph ends in none: every paragraph comes back,
    the first and the third though their last lines fill the column."""
    assert PARAGRAPHS == [p.text for p in repair(_wrapped(" ", False)).paragraphs]


def test_spaces_after_every_line_say_nothing() -> None:
    """Where every line ends in a space, the spaces change no paragraph."""
    padded = [p.text for p in repair(_wrapped(" ", True)).paragraphs]
    assert [p.text for p in repair(_wrapped("", False)).paragraphs] == padded
