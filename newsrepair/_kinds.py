"""The registry of repair and finding kinds, each with a stable rule code.

Every :class:`~newsrepair.Repair` and :class:`~newsrepair.Finding` names its
kind from these tables; the data model refuses any other name, so the code,
the documentation table and the command line's rule codes cannot drift apart.
Codes never change meaning once released: a retired kind keeps its code
reserved.

Codes: ``R`` for repairs, ``W`` for findings (damage seen, not repaired).
The hundreds say the concern: 0 characters, 1 structure, 2 reading order,
3 words and hyphens.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs


@attrs.frozen
class Kind:
    """One kind of repair or finding.

    ``weak`` names the finding reported instead of this repair when its
    confidence is under :attr:`Config.min_confidence` (repairs only).
    ``confidence`` says where the repair's confidence comes from.

        >>> from newsrepair import REPAIR_KINDS
        >>> kind = REPAIR_KINDS["dehyphenate"]
        >>> kind.code, kind.weak
        ('R301', 'uncertain_hyphen')
    """

    name: str
    code: str
    summary: str
    confidence: str = ""
    weak: str | None = None


def _table(*kinds: Kind) -> Mapping[str, Kind]:
    by_name = {k.name: k for k in kinds}
    if len(by_name) != len(kinds) or len({k.code for k in kinds}) != len(kinds):
        raise AssertionError("kind names and codes must be unique")
    return MappingProxyType(by_name)


REPAIR_KINDS: Mapping[str, Kind] = _table(
    Kind("ligature", "R001", "a ligature expanded (ﬁ → fi)", "fixed: 1.0"),
    Kind(
        "soft_hyphen",
        "R002",
        "a soft hyphen (U+00AD) removed, or shown as '-' where it joined nothing",
        "fixed: 1.0",
    ),
    Kind("hyphen_char", "R003", "a non-breaking or Unicode hyphen written as '-'", "fixed: 1.0"),
    Kind("zero_width", "R004", "a zero-width character removed", "fixed: 1.0"),
    Kind(
        "private_use",
        "R005",
        "the library's private marker found in the input, removed",
        "fixed: 1.0",
    ),
    Kind(
        "strip_marker",
        "R101",
        "the label or bullet before a photo credit removed; the credit is the name",
        "fixed: 1.0",
    ),
    Kind(
        "speaker_label",
        "R102",
        "an interview label ('IRNA:', 'Q:') taken out of the turn and kept as its speaker",
        "rule: 0.95",
        weak="uncertain_speaker_label",
    ),
    Kind(
        "columns",
        "R103",
        "pages of a layout extraction read column by column",
        "geometry: 0.9",
        weak="uncertain_columns",
    ),
    Kind(
        "markup",
        "R104",
        "Markdown markup (#, **, _, >, table bars, link targets) taken off; read as structure",
        "detection: 1.0 when the input is declared Markdown, 0.9 when detected",
        weak="possible_markup",
    ),
    Kind(
        "collapsed_columns",
        "R105",
        "rows of side-by-side columns squeezed to single spaces read column by column",
        "broken words continued in their column: 0.8-0.95",
        weak="collapsed_columns",
    ),
    Kind(
        "run_on_columns_read",
        "R106",
        "a paragraph line holding the rows of side-by-side columns run on, read column by column",
        "broken words rejoined in their column: 0.8-0.92",
        weak="run_on_columns",
    ),
    Kind(
        "staggered_columns",
        "R107",
        "two columns whose lines a row reader wrote alternately, read column by column",
        "broken words continued two lines down: 0.85-0.9",
        weak="staggered_columns",
    ),
    Kind(
        "join",
        "R201",
        "a paragraph rejoined across a blank line, a page break or other material",
        "reflow decision: 0.8-0.99",
        weak="uncertain_join",
    ),
    Kind(
        "move",
        "R202",
        "a column fragment of an interleaved line, or a box of body lines printed out of turn, "
        "moved to where it reads on",
        "continuity score: 0.85",
        weak="uncertain_move",
    ),
    Kind(
        "reorder",
        "R203",
        "a pull quote's scrambled lines put back in body order",
        "fuzzy match: 0.9",
        weak="uncertain_reorder",
    ),
    Kind(
        "dehyphenate",
        "R301",
        "a line-end hyphen removed and the word joined (chang-/es → changes)",
        "document, rules, lexicon: 0.75-0.99",
        weak="uncertain_hyphen",
    ),
    Kind(
        "keep_hyphen",
        "R302",
        "a line-end hyphen kept as part of a compound (US-/Iran → US-Iran)",
        "document, rules, lexicon: 0.85-0.97",
        weak="uncertain_hyphen",
    ),
    Kind(
        "rejoin_word",
        "R303",
        "a word whose line-end hyphen the extractor dropped rejoined (com/muters)",
        "lexicon: 0.85",
        weak="possible_rejoin_word",
    ),
    Kind(
        "restore_hyphen",
        "R304",
        "a compound's lost hyphen restored (socalled → so-called)",
        "document 0.95, prefix and lexicon 0.85",
        weak="possible_restore_hyphen",
    ),
    Kind(
        "split_words",
        "R305",
        "words run together split (Whetherthis → Whether this)",
        "document 0.95, lexicon 0.75",
        weak="possible_split_words",
    ),
    Kind(
        "ocr_pipe",
        "R306",
        "OCR's bar standing for the pronoun I restored ('\\|' think → I think)",
        "rule: 0.85",
        weak="possible_ocr_pipe",
    ),
)
"""Every repair kind by name (a read-only mapping of :class:`Kind`).

Each :class:`~newsrepair.Repair` names one of these; codes start with ``R``::

    >>> from newsrepair import REPAIR_KINDS
    >>> REPAIR_KINDS["join"].code
    'R201'
    >>> all(kind.code.startswith("R") for kind in REPAIR_KINDS.values())
    True
"""

FINDING_KINDS: Mapping[str, Kind] = _table(
    Kind("uncertain_speaker_label", "W101", "a speaker label under the confidence bar; kept"),
    Kind("uncertain_columns", "W102", "side-by-side columns seen but not read apart"),
    Kind("possible_markup", "W103", "Markdown markup seen but left in the text"),
    Kind(
        "collapsed_columns",
        "W104",
        "rows that hold several columns' lines with single spaces between them; left as they are",
    ),
    Kind(
        "run_on_columns",
        "W106",
        "a paragraph line holding the rows of side-by-side columns run on, its broken words "
        "continued a row further on; left as it is",
    ),
    Kind(
        "staggered_columns",
        "W107",
        "lines of two columns written alternately; left as they are",
    ),
    Kind("paragraph_cut", "W201", "a paragraph ends mid-sentence and nothing continues it"),
    Kind("uncertain_join", "W202", "a join under the confidence bar; the lines are left apart"),
    Kind(
        "interleaved_columns",
        "W203",
        "a line that looks like interleaved columns whose pieces found no place; left whole",
    ),
    Kind("uncertain_move", "W204", "a column fragment's or a box's move under the confidence bar"),
    Kind("uncertain_reorder", "W205", "a pull quote's reordering under the confidence bar"),
    Kind("dangling_hyphen", "W301", "a line ends with a hyphen and no word piece follows"),
    Kind(
        "uncertain_hyphen",
        "W302",
        "a line-end hyphen with no evidence either way (left as a hyphen)",
    ),
    Kind("lowercase_after_stop", "W303", "'sentence. lowercase': a stop before a lowercase word"),
    Kind("possible_split_words", "W304", "words that may be run together, left as they are"),
    Kind("possible_restore_hyphen", "W305", "a compound that may have lost its hyphen"),
    Kind("possible_rejoin_word", "W306", "a word that may have lost its line-end hyphen"),
    Kind("possible_ocr_pipe", "W307", "a bar that may stand for the pronoun I"),
)
"""Every finding kind by name (a read-only mapping of :class:`Kind`).

Each :class:`~newsrepair.Finding` names one of these (codes start with
``W``), and a repair under the bar reports its ``weak`` kind::

    >>> from newsrepair import FINDING_KINDS, REPAIR_KINDS
    >>> FINDING_KINDS["paragraph_cut"].code
    'W201'
    >>> FINDING_KINDS[REPAIR_KINDS["join"].weak].name
    'uncertain_join'
"""


def code_of(kind: str) -> str:
    """The rule code of a repair or finding kind (``"R301"`` for ``"dehyphenate"``).

    Codes are stable: the command line prints them, and ``--select`` and
    ``--ignore`` take them::

        >>> from newsrepair import code_of
        >>> code_of("dehyphenate"), code_of("uncertain_hyphen")
        ('R301', 'W302')
        >>> code_of("made_up")
        Traceback (most recent call last):
        ...
        KeyError: "unknown repair or finding kind 'made_up'"
    """
    found = REPAIR_KINDS.get(kind) or FINDING_KINDS.get(kind)
    if found is None:
        raise KeyError(f"unknown repair or finding kind {kind!r}")
    return found.code


def weak_finding(kind: str) -> str:
    """The finding kind reported when a repair of ``kind`` is under the confidence bar."""
    weak = REPAIR_KINDS[kind].weak
    if weak is None:
        raise KeyError(f"repair kind {kind!r} is never under the bar")
    return weak


def _check_weak_kinds() -> None:
    for kind in REPAIR_KINDS.values():
        if kind.weak is not None and kind.weak not in FINDING_KINDS:
            raise AssertionError(f"{kind.name}: weak finding {kind.weak!r} is not registered")


_check_weak_kinds()


def markdown_tables() -> tuple[str, str]:
    """The repair and finding tables of ``docs/pipeline.md``, rendered from the registry."""
    repairs = [
        "| code | kind | what it does | confidence | under the bar |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| `{k.code}` | `{k.name}` | {k.summary} | {k.confidence} | "
            f"{f'`{k.weak}`' if k.weak else '–'} |"
            for k in REPAIR_KINDS.values()
        ),
    ]
    findings = [
        "| code | kind | meaning |",
        "| --- | --- | --- |",
        *(f"| `{k.code}` | `{k.name}` | {k.summary} |" for k in FINDING_KINDS.values()),
    ]
    return "\n".join(repairs), "\n".join(findings)
