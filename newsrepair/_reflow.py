"""Pass 5: recover reading order and rebuild paragraphs from body lines.

For each pair of consecutive body lines (other material in between is skipped,
which is how a paragraph is rejoined across a pull quote, a caption or a page
turn) we decide whether the second continues the first. The evidence is what
the page geometry left in the text (a line clearly shorter than the column
after terminal punctuation, an indent, a blank line, a page break) together
with sentence evidence (a lowercase start, an unfinished clause, a speaker
label). Blank lines alone never decide. When the evidence for a join is too
weak, the paragraph is left cut and a finding is reported.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

import attrs
import regex

from ._columns import find_interleaving, plausibility
from ._config import Config
from ._draft import BODY, FLOW, SUBHEAD, Block, Draft, Line, Role
from ._edits import Ledger
from ._interview import is_label_start, label_counts
from ._language import Language, language_for, prefix_set
from ._lexicon import Lexicon, judge_hyphen
from ._model import Finding
from ._order import MOVE_CONFIDENCE, propose_move, reorder
from ._shapes import FIRST_WORD, ends_sentence, ends_terminal, hyphen_piece, last_word, starts_lower

# Words after which a sentence cannot stop: prepositions and articles. Not
# conjunctions or demonstratives ("guarded and", "take this"), which end cut
# fragments as often as they bind.
LABEL_ONLY = regex.compile(r"^[^:]{1,30}:$")
LOWERCASE_AFTER_STOP = regex.compile(r"\b(\p{Ll}{3,})\.\s+(\p{Ll}{2,})\b")
DASH_END = regex.compile(r"[—–]$|\s-$")
FULL_LINE_JOIN = "full-width line inside a block"
QUOTE_CLOSERS = "\"'”’"
QUOTE_OPENERS = '"“‘'


@attrs.frozen
class Decision:
    """Whether line ``b`` continues line ``a``, how sure we are, and why."""

    join: bool
    confidence: float
    reason: str
    finding: str = ""


# Geometry, as shares of the column width: a line this long is full (unless
# the document teaches its own bar, Draft.full_line); one this long fills
# the column outright, even ending a sentence; a question that goes on must
# fill it to the last characters.
FULL_SHARE = 0.85
WIDE_SHARE = 0.95
QUESTION_FULL_SHARE = 0.97
# A line this much longer than the column holds several printed lines run
# together (pdftotext and MuPDF's dehyphenation join a hyphenated line to the
# next): how long its last printed line was is unknown, so its length is no
# evidence that the line was full. Justified lines with doubled spaces
# (pdfminer) reach 1.3 of the column; on the gate's tuning part no line
# between 1.3 and 1.4 came from one printed line.
RUN_TOGETHER_SHARE = 1.3
# An indent is a paragraph's when it is this short; a deeper one is a
# column cell's place on a layout page.
INDENT_MAX = 8
# Where a line may break with no space after it (inside a compound, a URL).
NO_SPACE_BREAKS = ("-", "—", "–", "/", "\\")
# How far a line must stand in for its indent alone to cut a sentence.
CUT_INDENT = 2
# Widths can be measured only on texts of some lines: in a text of three
# lines the longest is "full" by definition.
MIN_MEASURED_LINES = 6
# A subhead is a short title line inside the body.
SUBHEAD_MAX_WORDS = 10
HEADING_MAX_CHARS = 80
# A heading inside a block that ends on a name before a capitalised word
# stands short of half the column: of such lines from half to three
# quarters of the column, none was a heading (12 on Wikinews articles
# rendered apart from the gate's, 8 on the gate); all went on.
HEADING_SHARE = 0.5
# A line in sentence case this wide is a sentence's first line, whatever
# word the next line opens with (but an article or the like).
SENTENCE_LINE_SHARE = 0.75


def _indent_step(draft: Draft) -> int:
    """How far a line must stand in to be indented: where the text is mostly
    flush, one space (all some extractors keep of an indent) is enough."""
    return 1 if draft.flush_text else 2


# Two spaces between words, not after a stop or a mark (where some typists
# set two), in a line with no gutter's run of three.
STRETCHED = regex.compile(r"[^\s.!?:;,\"'”’)\]]  (?=\S)")
STRETCHED_JOIN = "a justified line (its spaces stretched) is no paragraph's last"


def _stretched(text: str) -> bool:
    """Whether the line was justified: an extractor that writes a wide gap
    between words as two spaces (pdfminer, pypdf) shows the stretch, and a
    paragraph's last line is set at its natural width, never stretched."""
    return "  " in text and "   " not in text and STRETCHED.search(text) is not None


def _subhead_like(text: str, lang: Language) -> bool:
    words = text.split()
    return (
        0 < len(words) <= SUBHEAD_MAX_WORDS
        and not ends_terminal(text)
        and not text.endswith((",", ";", "-"))
        and text[0].isupper()
        and last_word(text) not in lang.function_words
    )


def _name_before_colon(a: Line, b: Line, lang: Language) -> bool:
    """Whether ``b``'s label-like start is a name a sentence runs into.

    A preposition or an article cannot end a turn: in "said to" / "Biden:
    'Today...'" the name before the colon is the sentence's. Only a name in
    title case: speakers' labels are mostly set in capitals ("WIKINEWS:"),
    and a credit's or a section's label ("Photo:") stands apart anyway.
    """
    label = b.text.split(":", 1)[0]
    return (
        a.text[-1:].isalpha()
        and last_word(a.text) in lang.binding_words
        and not label.isupper()
        and label.lower() not in lang.not_speakers
    )


def _sentence_line(text: str, next_word: str, width: float, lang: Language) -> bool:
    """Whether title-like ``text`` is a sentence's first line, not a heading.

    Set in sentence case (lowercase words after the first) and nearly as
    wide as the column, before a capitalised word that opens no sentence
    ("The three-masted British schooner" / "Neptune, of St. John's ..."):
    a heading in the column is short or capitalises its words.
    """
    words = text.split()
    return (
        len(text) >= SENTENCE_LINE_SHARE * width
        and sum(1 for word in words[1:] if word[:1].islower()) >= 2
        and next_word[:1].isupper()
        and next_word.lower() not in lang.function_words
    )


def _name_across(a: Line, next_word: str, lang: Language) -> bool:
    """Whether a name runs on from title-like line ``a`` into ``next_word``.

    A paragraph's first line that stops short of the column inside a name
    ("Prime Minister John" / "Key said ...") goes on, where a heading that
    long ends on a lowercase word. The name goes on in a capitalised word
    that opens no sentence (not "In", "The"); a line holding a sentence stop
    is a list's item; at the top of the text or of a block headings stand,
    unless the line is set in sentence case: a heading in title case
    capitalises every word, a sentence's first line holds lowercase words
    ("The government's Flag Consideration" / "Project has ..."), and some
    extractors (pdfminer, OCR) set every paragraph apart by a blank line.
    """
    words = a.text.split()
    tail = words[-1].lstrip("\"'“‘([")
    sentence_case = any(word[:1].islower() for word in words[1:])
    return (
        a.index > 0
        and (a.blank_before == 0 or sentence_case)
        and tail[:1].isupper()
        and next_word[:1].isupper()
        and next_word.lower() not in lang.function_words
        and ". " not in a.text
    )


def decide(
    a: Line,
    b: Line,
    gap: bool,
    draft: Draft,
    config: Config,
    lang: Language,
    a_opens: bool = True,
    b_asks: bool = False,
    a_indented: bool = False,
    a_quoting: bool = False,
    a_spaced: bool | None = None,
) -> Decision:
    """Decide whether ``b`` continues ``a`` in the same paragraph.

    ``lang`` is the resources of ``config.language``, looked up once per pass
    (this runs for every pair of lines). ``a_opens`` says whether ``a``
    starts its paragraph; a line inside a paragraph cannot be a heading,
    however short it is. ``b_asks`` says whether the sentence that opens
    ``b`` ends in a question mark (see :func:`_asks`). ``a_indented`` says
    whether ``a`` opened its paragraph by an indent from the line before it;
    ``a_quoting`` whether a quotation opened in ``a``'s paragraph is still
    open at its end (see :class:`_Quotes`); ``a_spaced`` whether a space
    follows ``a`` on its row, where the document marks its wrapped lines so
    (see :func:`_marks_wraps`), else None.
    """
    lexicon = draft.lexicon
    if is_label_start(b.text, lang, draft.dotted_labels) and not _name_before_colon(a, b, lang):
        return Decision(False, 0.95, "speaker label")
    if a.text.endswith(":") and LABEL_ONLY.match(a.text) and a.text[:-1].strip() in draft.speakers:
        return Decision(True, 0.95, "speaker label on a line of its own")
    width = a.column_width or draft.column_width
    column = width > 0 and (not draft.paragraph_lines or a.column_width > 0)
    bar = draft.full_line if draft.full_line and not a.column_width else FULL_SHARE * width
    # Full, or short only because the next word would not have fitted after
    # it ("Council spokeswoman Margarethe" before "Vandenbroucke-Lindqvist").
    next_word = b.text.split(maxsplit=1)[0] if b.text else ""
    if draft.wrap_width and not a.column_width:
        # Wrapped by characters: a line is full exactly when the next word
        # would not have fitted after it; a long line that had room for it
        # ended its paragraph.
        full = column and len(a.text) + 1 + len(next_word) > draft.wrap_width
    else:
        full = column and (len(a.text) >= bar or len(a.text) + 1 + len(next_word) > width)
    # A gutter inside the line (a run of spaces) is a row of two columns
    # that layout reading left whole, not printed lines run together.
    run_together = column and len(a.text) > RUN_TOGETHER_SHARE * width and "   " not in a.text
    # An indent opens a paragraph; where the text is mostly flush, one space
    # (all some extractors keep of an indent) is enough.
    step = _indent_step(draft)
    # After a line that an indent opened, the next line indented as far opens
    # a paragraph too (a one-line paragraph); a block set in as a whole does
    # not, for its second line was not opened by an indent.
    indented = (
        column
        and not gap
        and b.indent >= step
        and (b.indent >= a.indent + step or (a_indented and b.indent == a.indent))
    )
    piece = hyphen_piece(a.text)
    if piece is not None and not a.hard_hyphen_end:
        first = FIRST_WORD.match(b.text)
        right = first.group(1) if first else ""
        if not right:
            return Decision(False, 0.6, "hyphen without a word after it", "dangling_hyphen")
        if right[0].isupper() and gap:
            return Decision(False, 0.7, "hyphen before a capital after a break", "dangling_hyphen")
        if a.soft_hyphen_end:
            return Decision(True, 0.99, "soft hyphen")
        if lexicon is not None:
            verdict = judge_hyphen(piece, right, lexicon, prefix_set(config))
            if verdict.action == "unsure" and gap:
                return Decision(False, 0.6, "no word across the break", "dangling_hyphen")
        return Decision(True, 0.9, "hyphenated line end")
    if ends_terminal(a.text):
        if indented and b.indent - a.indent <= INDENT_MAX:
            # An indent after a stop opens a paragraph, whatever its first
            # letter ("iPhone sales...").
            return Decision(False, 0.9, "sentence end, then an indent")
        if a_spaced is False and not gap:
            # No space after a stop: the paragraph ended, even before a
            # lowercase word ("youtube-dl is ...").
            return Decision(False, 0.85, "no space after the line: its paragraph ends")
        if starts_lower(b.text):
            wide = (
                column
                and len(a.text) >= WIDE_SHARE * width
                and len(draft.lines) >= MIN_MEASURED_LINES
            )
            if not gap or wide or lang.abbreviation_end.search(a.text):
                return Decision(True, 0.85, "lowercase start after a stop")
            # A short line after a stop ended its paragraph; the next one
            # merely opens in lowercase ("easyJet said ...").
            return Decision(False, 0.7, "short line after a stop, then a lowercase start")
        if not column or indented:
            return Decision(False, 0.9, "sentence end")
        if a_spaced is not None and not gap:
            # The extractor kept the space the line broke at; a paragraph's
            # last line has none after it, however full it is.
            if a_spaced:
                return Decision(True, 0.85, "a space after the line: it was wrapped")
            return Decision(False, 0.85, "no space after the line: its paragraph ends")
        if not gap and _stretched(a.text):
            return Decision(True, 0.85, STRETCHED_JOIN)
        if run_together:
            # Most sentence ends at a line end of unknown length end their
            # paragraph (on the tuning part 15 of 22 such lines did).
            return Decision(False, 0.6, "several printed lines run together end a sentence")
        # A question mark before a capital most often ends a turn or a
        # paragraph; only a line that fills the column outright goes on.
        asked = a.text.rstrip("\"'”’)").endswith("?")
        if full and not gap and a.text[-1] in QUOTE_CLOSERS and b.text[0] in QUOTE_OPENERS:
            # One speaker's quotation closes and another's opens: a new
            # paragraph, however full the line.
            return Decision(False, 0.8, "a quotation closes and another opens")
        if full and not gap and a.text[-1] in QUOTE_CLOSERS and ends_sentence(a.text):
            # A quotation closed at the end of a sentence ends its paragraph
            # about as often as not (Wikinews: 54 in 100 such full lines), so
            # the break, which loses nothing, is taken and reported.
            return Decision(False, 0.55, "a full line closes a quotation", "paragraph_cut")
        if full and not gap and b_asks and not asked:
            # A question opening the next line most often opens a turn
            # (Wikinews wrapped: 87 such full lines end their paragraph, 41
            # go on); the break loses nothing and is reported.
            return Decision(False, 0.6, "a question opens the next line", "paragraph_cut")
        if full and not gap and (not asked or len(a.text) >= QUESTION_FULL_SHARE * width):
            return Decision(True, 0.85, FULL_LINE_JOIN)
        if a_quoting and b.text[0] not in QUOTE_OPENERS and not gap:
            # A paragraph should not end inside a quotation: one that runs
            # on into the next paragraph opens it with a quote mark again.
            # Writers forget that mark: on Wikinews wrapped flush, the join
            # would glue 6 paragraph ends and mend no cut (on the gate's
            # tuning part it mends 9 paragraphs cut inside a quotation). So
            # it stays under the bar and is reported.
            return Decision(True, 0.7, "a quotation still open goes on")
        return Decision(False, 0.85, "short line after a sentence end")
    # The line is unfinished.
    if a.text.endswith(":"):
        return Decision(False, 0.7, "colon before a new paragraph")
    if starts_lower(b.text) or b.text[0] in "—–":
        return Decision(True, 0.9 if not gap else 0.85, "unfinished line, lowercase start")
    last = last_word(a.text)
    continuing = (
        a.text.endswith((",", ";")) or last in lang.function_words or bool(DASH_END.search(a.text))
    )
    if column and not gap:
        if a_spaced and not indented:
            return Decision(True, 0.85, "a space after the line: it was wrapped")
        if _stretched(a.text) and not indented:
            return Decision(True, 0.85, STRETCHED_JOIN)
        if a_spaced is False and not continuing and not a.text.endswith(NO_SPACE_BREAKS):
            # A line breaks without a space only after a hyphen, a dash or a
            # slash; anywhere else its paragraph ended, stop or none. Not
            # after a comma or a function word, which cannot end one: the
            # space is lost where a column or a box ends too. With no stop
            # the cut is reported.
            return Decision(
                False, 0.8, "no space after the line: its paragraph ends", "paragraph_cut"
            )
        if not continuing and CUT_INDENT <= b.indent - a.indent <= INDENT_MAX:
            # A capital on an indented line after a line with no stop: a
            # paragraph ended without one (a name, a citation, a bracket).
            # Without a stop the indent alone decides, so it must be a real
            # one: a single space is as often a box line's offset (pypdf).
            return Decision(False, 0.6, "an indent opens a capitalised line", "paragraph_cut")
        if full or continuing:
            return Decision(True, 0.9, "wrapped column line")
        if (
            a_opens
            and _subhead_like(a.text, lang)
            and not (len(a.text) >= HEADING_SHARE * width and _name_across(a, next_word, lang))
            and not _sentence_line(a.text, next_word, width, lang)
        ):
            return Decision(False, 0.8, "heading line")
        return Decision(True, 0.8, "short unfinished line inside a block")
    if column and continuing:
        return Decision(True, 0.85, "unfinished clause across the break")
    if not column and last in lang.binding_words:
        # "... an interview with" + "Heidarali Masoudi": a preposition or an
        # article cannot end a paragraph, whatever the next line starts with.
        return Decision(True, 0.85, "preposition or article before the break")
    if column and full:
        return Decision(False, 0.6, "full line cut before a capital", "paragraph_cut")
    if a_opens and _subhead_like(a.text, lang) and len(a.text) < HEADING_MAX_CHARS:
        return Decision(False, 0.7, "heading line")
    return Decision(False, 0.6, "unfinished paragraph before a capital", "paragraph_cut")


def _lowercase_after_stop(draft: Draft, line: Line, lang: Language) -> list[Finding]:
    found: list[Finding] = []
    # The pattern needs a stop and a space; lines are normalised, so the
    # space is a plain one, and most lines hold no such pair at all.
    if ". " not in line.text:
        return found
    for m in LOWERCASE_AFTER_STOP.finditer(line.text):
        if m.group(1) in lang.abbreviations:
            continue
        found.append(
            draft.finding(
                "lowercase_after_stop",
                line.to_source(m.start()),
                line.to_source(m.end()),
                f"'{m.group()}' has a sentence stop before a lowercase word",
            )
        )
    return found


def lines_as_blocks(draft: Draft) -> Draft:
    """Fallback when reflow is off: every body line is its own paragraph."""
    blocks = [Block(BODY, (line,)) for line in draft.lines if line.role == FLOW]
    return attrs.evolve(draft, blocks=(*draft.blocks, *blocks))


def _paragraph_role(
    group: Sequence[Line], prev_end: bool, next_upper: bool, lang: Language
) -> Role:
    if len(group) == 1 and _subhead_like(group[0].text, lang) and prev_end and next_upper:
        return SUBHEAD
    return BODY


# How far (in body lines) a column fragment may travel from where it was printed.
_REACH = 400
# A place must read on clearly (plausibility is about 1 for an ordinary
# continuation, see _columns); distance within the reach costs at most this.
MIN_PLACE_SCORE = 0.5
DISTANCE_PENALTY = 0.2


def _deinterleave(
    flow: list[Line],
    draft: Draft,
    config: Config,
    lexicon: Lexicon,
    ledger: Ledger,
    skip: frozenset[int] = frozenset(),
    depth: int = 0,
) -> tuple[list[Line], set[int], list[Finding]]:
    """Cut interleaved lines into column chains and put each chain where it reads on.

    Returns the new flow, the positions whose link to the previous line is a
    placed fragment's end (a forced join), and the moves and findings made.
    A line is only cut when every one of its fragments finds a place: seams
    that lead nowhere were noise, so the line is left whole (lines in
    ``skip``).
    """
    lang = language_for(config.language)
    orphans: list[tuple[Line, ...]] = []
    origin: list[int] = []
    out: list[Line] = []
    home: dict[int, int] = {}
    for line in flow:
        found = (
            find_interleaving(line, lexicon, lang)
            if len(line.text) >= 160
            and line.index not in skip
            and line.text == draft.source[line.start : line.end]
            else None
        )
        if found is None:
            out.append(line)
            continue
        out.extend(found.chains[0])
        for chain in found.chains[1:]:
            home[len(orphans)] = len(out)
            orphans.append(chain)
            origin.append(line.index)
    if not orphans:
        return flow, set(), _left_interleaved(flow, skip, draft)
    joined = [
        decide(a, b, _gap(a, b), draft, config, lang).join for a, b in itertools.pairwise(out)
    ]

    def score(chain: tuple[Line, ...], gap: int) -> float:
        before, after = out[gap], out[gap + 1]
        head = plausibility(before.text, chain[0].text, lexicon, lang)
        tail = plausibility(chain[-1].text, after.text, lexicon, lang)
        if joined[gap]:
            return head + tail - plausibility(before.text, after.text, lexicon, lang)
        # The link is already broken (text was lost there): a chain that starts
        # a sentence need not continue the cut line.
        if starts_lower(chain[0].text) or chain[0].text[0] in "—–":
            return head + tail
        return max(0.0, head) + tail

    # Each fragment looks for its place within a page's reach of where it was
    # printed (distance also breaks ties); places are then given out best
    # first, one fragment per gap. Greedy and windowed, so the cost stays
    # linear in the document however many fragments there are.
    candidates: list[tuple[float, int, int]] = []
    for k, chain in enumerate(orphans):
        where = home[k]
        lo, hi = max(0, where - _REACH), min(len(out) - 1, where + _REACH)
        for g in range(lo, hi):
            sc = score(chain, g) - DISTANCE_PENALTY * abs(g - where) / _REACH
            if sc > MIN_PLACE_SCORE:
                candidates.append((sc, k, g))
    candidates.sort(key=lambda c: (-c[0], c[2], c[1]))
    assigned: dict[int, int] = {}
    taken: set[int] = set()
    for _sc, k, g in candidates:
        if k not in assigned and g not in taken:
            assigned[k] = g
            taken.add(g)
    failed = frozenset(origin[k] for k in range(len(orphans)) if k not in assigned)
    if failed:
        # Leaving those lines whole frees their gaps; once more at most, then
        # every line that still fails is left whole too.
        if depth >= 2:
            failed = frozenset(origin)
        return _deinterleave(flow, draft, config, lexicon, ledger, skip | failed, depth + 1)
    if config.min_confidence > MOVE_CONFIDENCE:
        # Under the bar no fragment moves: each interleaved line stays whole
        # and says what would have been done.
        for origin_index in sorted(set(origin)):
            line = next(x for x in flow if x.index == origin_index)
            propose_move(
                ledger, line, "the line holds interleaved columns whose fragments read on elsewhere"
            )
        return flow, set(), _left_interleaved(flow, skip, draft)
    placed: dict[int, list[int]] = {}
    for k, gap in sorted(assigned.items()):
        placed.setdefault(gap, []).append(k)
    findings = _left_interleaved(flow, skip, draft)
    result: list[Line] = []
    forced: set[int] = set()
    for i, line in enumerate(out):
        result.append(line)
        for k in placed.get(i, ()):
            chain = orphans[k]
            for piece in chain:
                result.append(attrs.evolve(piece, moved=True))
                propose_move(
                    ledger,
                    piece,
                    f"column fragment of an interleaved line moved after '…{line.text[-30:]}'",
                )
            if i + 1 < len(out):
                if joined[i]:
                    # The fragment replaces a link that read on: it reads on too.
                    forced.add(len(result) - len(chain))
                forced.add(len(result))
    return result, forced, findings


def _left_interleaved(flow: list[Line], skip: frozenset[int], draft: Draft) -> list[Finding]:
    """Findings for lines that looked interleaved but were left whole."""
    return [
        draft.finding(
            "interleaved_columns",
            line.start,
            line.end,
            "the line looks like interleaved columns, but its pieces found no place "
            "to continue; left as it is",
        )
        for line in flow
        if line.index in skip
    ]


# The full-line bar learned from the document: the lower fifth of the lengths
# of lines that surely go on, from at least this many, kept between these
# shares of the column.
MIN_LEARNED_LINES = 8
LEARNED_QUANTILE = 0.2
LEARNED_MIN_SHARE = 0.75
# Text is flush (an indent of one space opens a paragraph) when this share
# of its lines have none.
FLUSH_SHARE = 0.75


def _going_on(flow: Sequence[Line]) -> list[tuple[Line, Line]]:
    """The pairs of lines that surely go on: the next printed line, in lowercase."""
    return [
        (a, b)
        for a, b in itertools.pairwise(flow)
        if b.index == a.index + 1 and not b.blank_before and starts_lower(b.text)
    ]


def _full_line(going_on: Sequence[tuple[Line, Line]], width: float) -> float:
    """How long a line must be to count as full, learned from the document.

    Lines that a lowercase line continues (``going_on``) are surely not
    paragraph ends; the short end of their lengths is where "full" begins.
    Tight justified columns give a high bar, ragged or OCR'd ones a lower one.
    """
    inside = sorted(len(a.text) for a, _ in going_on)
    if len(inside) < MIN_LEARNED_LINES or not width:
        return 0.0
    bar = float(inside[int(len(inside) * LEARNED_QUANTILE)])
    return min(max(bar, LEARNED_MIN_SHARE * width), QUESTION_FULL_SHARE * width)


# A text is wrapped by characters when, of this many lines that surely go
# on (a lowercase line after them), at most this share could have held the
# next word within the longest of them.
MIN_WRAPPED_LINES = 12
WRAP_SLIP_SHARE = 0.02


def _wrap_width(going_on: Sequence[tuple[Line, Line]]) -> float:
    """The width the text was wrapped at by characters, or 0.

    A program that fills lines to a width (an e-mail, a wire feed, a
    monospaced page) breaks a line only where the next word would not fit,
    so every line that goes on is longer than the width less the next word.
    Set in proportional type the lines show no such bound: some line that
    goes on is shorter than another by more than the word after it. The
    widest line that goes on (of ``going_on``) is taken as the width; lines
    ending in a hyphen, whose next piece needs no space, are left out.
    """
    pairs = [
        (len(a.text), len(b.text.split(maxsplit=1)[0]))
        for a, b in going_on
        if not a.column_width and not a.text.endswith("-")
    ]
    if len(pairs) < MIN_WRAPPED_LINES:
        return 0.0
    width = max(length for length, _ in pairs)
    slips = sum(1 for length, word in pairs if length + 1 + word <= width)
    return float(width) if slips <= WRAP_SLIP_SHARE * len(pairs) else 0.0


# White space to the end of a row; a form feed ends the row but also the
# page, where the space says nothing.
ROW_TAIL = regex.compile(r"[ \t]*(?=\n|\Z)")


def _row_tail(line: Line, source: str) -> str | None:
    """What follows ``line`` on its row of the source: "" or white space, or
    None where more text follows (a column cell, a fragment of a row)."""
    # Anchored at the line's end and bounded by the white space there, so a
    # line cut from a long row costs no scan of the rest of the row.
    found = ROW_TAIL.match(source, line.end)
    return None if found is None else found.group()


# A document marks its wrapped lines when at least this share of the lines
# that surely go on (of at least this many) end in a space, as large a share
# of the lines that surely end a paragraph have none after them, and at
# least that many lines ending a sentence have none.
MIN_MARKED_LINES = 8
MARKED_SHARE = 0.9
MIN_BARE_ENDS = 3
# A line ending a sentence this far short of the column, before a capital,
# surely ends its paragraph.
SURE_END_SHARE = 0.6


def _marks_wraps(
    flow: Sequence[Line], going_on: Sequence[tuple[Line, Line]], source: str, width: float
) -> bool:
    """Whether the extractor kept the space each wrapped line broke at.

    Some PDF producers (Typst among them) write the space a line broke at,
    and pypdf, PyMuPDF and pdfminer keep it at the line's end; a
    paragraph's last line has none. Only where the lines that surely go on
    (``going_on``, hyphenated ones left out) all but always end in a space
    is the space evidence, and only where the lines that surely end their
    paragraphs (a short line ending a sentence before a capital) all but
    always have none: an extractor that pads every line tells nothing.
    """
    wrapped = [a for a, _ in going_on if not a.text.endswith("-")]
    if len(wrapped) < MIN_MARKED_LINES:
        return False
    spaced = sum(1 for a in wrapped if _row_tail(a, source))
    if spaced < MARKED_SHARE * len(wrapped):
        return False
    ends = [
        a
        for a, b in itertools.pairwise(flow)
        if b.index == a.index + 1
        and ends_terminal(a.text)
        and len(a.text) < SURE_END_SHARE * width
        and b.text[:1].isupper()
    ]
    bare_ends = sum(1 for a in ends if _row_tail(a, source) == "")
    bare = sum(1 for line in flow if ends_terminal(line.text) and _row_tail(line, source) == "")
    return bare >= MIN_BARE_ENDS and bare_ends >= MARKED_SHARE * len(ends)


def _taking_turns(flow: Sequence[Line], speakers: frozenset[str], lang: Language) -> frozenset[str]:
    """The labels that open speakers' turns, as far as joining a label line goes.

    A label on a line of its own joins the line after it only when it is a
    speaker's: one who takes turns (the label recurs), or a question or
    answer label. A report's section labels ("SUMMARY:", "WHAT NEXT:") each
    stand once over capitals of their own; they are headings, and the
    paragraph after them starts on its own.
    """
    if not speakers:
        return speakers
    counts = label_counts(flow, lang)
    return frozenset(s for s in speakers if counts[s] >= 2 or s in lang.turn_labels)


# The first sentence stop on a line: a stop, closers, then a space or the end.
FIRST_STOP = regex.compile(r"[.!?…](?=[\"'”’)\]]*(?:\s|$))")
# How many lines a sentence may run before the stop that tells what it is.
ASK_REACH = 4


def _asks(flow: Sequence[Line], k: int) -> bool:
    """Whether the sentence that opens line ``k`` of the flow ends in ``?``.

    The first stop from that line on tells, within a few lines. Asked only
    where a sentence ends before a capital, so the cost stays off the
    common path.
    """
    for line in flow[k : k + ASK_REACH]:
        m = FIRST_STOP.search(line.text)
        if m:
            return m.group() == "?"
    return False


# How many lines back the open quotation may have opened.
QUOTE_REACH = 3


def _blank_only(a: Line, b: Line) -> bool:
    """Whether only blank lines stand between ``a`` and ``b`` (no material, no page)."""
    return b.index == a.index + 1 and b.page == a.page and not a.moved and not b.moved


@attrs.frozen
class _Quotes:
    """The double quotation marks of a paragraph so far: is a quotation open?

    Curly marks are counted as opened less closed; straight ones can only be
    paired, so an odd count leaves one open. Single marks are left out: they
    are apostrophes as often as quotes.
    """

    curly: int = 0
    straight: int = 0
    #: Lines added since the open quotation opened (0: on the last line).
    since: int = 0

    def add(self, text: str) -> _Quotes:
        """The marks after ``text`` is added to the paragraph."""
        was_open = self.open
        added = _Quotes(
            self.curly + text.count("“") - text.count("”"), self.straight + text.count('"')
        )
        return attrs.evolve(added, since=self.since + 1 if was_open and added.open else 0)

    @property
    def open(self) -> bool:
        """Whether a quotation is still open."""
        return self.curly > 0 or self.straight % 2 == 1

    @property
    def recent(self) -> bool:
        """Whether a quotation opened within the last few lines is still open.

        A mark left unpaired further back (a typing slip, a quotation that
        runs on across paragraphs without a new mark) says nothing here.
        """
        return self.open and self.since < QUOTE_REACH


def _gap(a: Line, b: Line) -> bool:
    return b.moved or a.moved or b.index != a.index or b.blank_before > 0 or b.page != a.page


def run(draft: Draft, config: Config) -> Draft:
    """Join body lines into paragraphs in reading order."""
    lexicon = draft.lexicon or Lexicon.from_texts((), config.language, False)
    lines = draft.lines
    flow = [line for line in lines if line.role == FLOW]
    if not flow:
        return draft
    ledger = Ledger(draft, config)
    flush = sum(1 for line in flow if line.indent == 0) >= FLUSH_SHARE * len(flow)
    lang = language_for(config.language)
    going_on = _going_on(flow)
    draft = attrs.evolve(
        draft,
        full_line=_full_line(going_on, draft.column_width),
        wrap_width=_wrap_width(going_on),
        flush_text=flush,
        speakers=_taking_turns(flow, draft.speakers, lang),
    )
    ledger.draft = draft
    marked = _marks_wraps(flow, going_on, draft.source, draft.column_width)
    flow, placed, unplaced = _deinterleave(flow, draft, config, lexicon, ledger)
    # Links are named by the source starts of their two lines: moving boxes
    # shifts positions in the flow.
    forced = {(flow[n - 1].start, flow[n].start) for n in placed}
    moved = reorder(flow, draft, config, lexicon, lang, ledger)
    flow = moved.flow
    findings = ledger.findings
    findings.extend(unplaced)
    groups: list[list[Line]] = [[flow[0]]]
    quotes = _Quotes().add(flow[0].text)
    for k, (a, b) in enumerate(itertools.pairwise(flow), 1):
        same_line = a.index == b.index and not a.moved and not b.moved
        # A box put back out of its printed place may now follow a line
        # printed after it: any step but to the next line is an interruption.
        interrupted = b.index != a.index + 1 or a.moved or b.moved
        gap = not same_line and (interrupted or b.blank_before > 0 or b.page != a.page)
        pair = (a.start, b.start)
        if pair in forced:
            d = Decision(True, MOVE_CONFIDENCE, "column fragment continues here")
        elif pair in moved.heads:
            d = Decision(True, MOVE_CONFIDENCE, "a moved box finishes the line")
        else:
            opens = len(groups[-1]) == 1
            a_indented = opens and k >= 2 and a.indent >= flow[k - 2].indent + _indent_step(draft)
            tail = _row_tail(a, draft.source) if marked and not a.moved else None
            judge = functools.partial(
                decide,
                a,
                b,
                gap,
                draft,
                config,
                lang,
                a_opens=opens,
                a_indented=a_indented,
                a_quoting=quotes.recent,
                a_spaced=None if tail is None else bool(tail),
            )
            d = judge()
            # Whether a question opens b can only undo a join at a full line
            # ending a sentence; it reads ahead, so it is asked only there.
            if d.reason == FULL_LINE_JOIN and _asks(flow, k):
                d = judge(b_asks=True)
        if d.join and gap and not a.moved and not b.moved and pair not in moved.heads:
            what = (
                "other material"
                if interrupted
                else ("a page break" if b.page != a.page else "a blank line")
            )
            joined = ledger.propose(
                "join",
                a.end,
                a.end,
                "",
                d.confidence,
                f"paragraph rejoined across {what}: '{a.text[-30:]}' + '{b.text[:30]}': {d.reason}",
                span=draft.input_span(min(a.end, b.start), max(a.end, b.start)),
                context=(max(a.start, a.end - 20), max(a.end, b.start)),
            )
        elif d.join:
            joined = d.confidence >= config.min_confidence
            if not joined:
                # Evidence for a join, but under the bar: say so, edit nothing.
                ledger.find(
                    "uncertain_join",
                    max(a.start, a.end - 20),
                    b.start if b.start > a.end else a.end,
                    f"'{a.text[-30:]}' may go on in '{b.text[:30]}' "
                    f"({d.reason}, confidence {d.confidence:.2f})",
                )
        else:
            joined = False
            if d.finding:
                ledger.find(
                    d.finding,
                    max(a.start, a.end - 20),
                    a.end,
                    f"'{a.text[-30:]}' is not continued: {d.reason}",
                )
        if joined:
            groups[-1].append(b)
            quotes = quotes.add(b.text)
        else:
            groups.append([b])
            quotes = _Quotes().add(b.text)
    last = flow[-1]
    dangling = hyphen_piece(last.text) is not None
    if dangling or (not ends_terminal(last.text) and len(last.text.split()) > 8):
        kind = "dangling_hyphen" if dangling else "paragraph_cut"
        findings.append(
            draft.finding(
                kind,
                max(last.start, last.end - 20),
                last.end,
                f"'{last.text[-30:]}' ends the text unfinished",
            )
        )
    blocks: list[Block] = []
    for k, group in enumerate(groups):
        prev_end = k == 0 or ends_terminal(groups[k - 1][-1].text)
        next_upper = k + 1 >= len(groups) or not starts_lower(groups[k + 1][0].text)
        role = _paragraph_role(group, prev_end, next_upper, lang)
        blocks.append(Block(role, tuple(group), (" ",) * (len(group) - 1)))
        for line in group:
            findings.extend(_lowercase_after_stop(draft, line, lang))
    return ledger.close(draft, blocks=(*draft.blocks, *blocks))
