"""Pass 3: read Markdown markup as structure evidence, and take it off.

PDF-to-Markdown converters (pymupdf4llm, marker, docling) mark what they saw
in the page's type: the headline a ``#`` heading, the kicker a smaller one
above it, the deck in italics, pull quotes as headings or ``>`` blocks in the
middle of the body, images with their alt text. This pass takes each line's
markup off (every mark a ``markup`` repair through the ledger, so nothing is
lost) and records what it said on the line as a :class:`~._draft.Markup`
hint, which the classify and pull-quote passes read.

It runs after segment, not before it: markup belongs to lines (a heading
marker opens one, emphasis wraps one), the segmenter's lines keep their own
offset map (:meth:`~._draft.Line.edited_many`), so each mark maps back to
the input, and a text that is not Markdown costs one scan and no line work.

Detection (``Config.input_format="auto"``) is conservative: a stray ``#``,
``*`` or ``_`` in news text is no Markdown. It takes a heading at the
top of the text or beside another kind of markup, two headings, three bold
runs, or three kinds of markup.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from ._config import Config
from ._draft import (
    BYLINE,
    CAPTION,
    DATELINE,
    DECK,
    FURNITURE,
    HEADLINE,
    KICKER,
    Draft,
    Line,
    Markup,
    Role,
)
from ._edits import Ledger
from ._furniture import is_masthead
from ._language import Language
from ._shapes import ends_sentence, word_count

# Converters write one blank line between paragraphs; a run of this many
# stands where they dropped an image.
DROPPED_IMAGE_BLANKS = 2
# A caption is a sentence or two.
CAPTION_MIN_WORDS = 2
CAPTION_WORDS = 30
# Declared Markdown is certain; detected Markdown is strong evidence only.
DECLARED_CONFIDENCE = 1.0
DETECTED_CONFIDENCE = 0.9
# Auto-detection: a heading with another kind of markup, or at the top;
# this many headings; this many bold runs (news text never doubles its
# asterisks around words); or more kinds of markup than DETECT_KINDS.
DETECT_KINDS = 2
DETECT_HEADINGS = 2
DETECT_STRONG = 3
# A heading in the first lines of the text (blank ones counted) is a title.
TOP_LINES = 4

# Each kind of markup, and the substring none of its matches can lack: most
# plain texts hold none of them, and a pattern is searched only where its
# mark is.
HEADING_LINE = regex.compile(r"(?m)^[ ]{0,3}#{1,6}[ \t]+\S")
STRONG_STARS = regex.compile(r"\*\*[^*\n]+\*\*")
STRONG_BARS = regex.compile(r"__[^_\n]+__")
# No class below crosses the bracket that opens the next try: "[a[a[a…"
# would otherwise rescan the line from every bracket.
LINK_OR_IMAGE = regex.compile(r"!?\[[^\[\]\n]*\]\([^()\s]*\)")
HTML_TAG = regex.compile(r"</?(?:u|mark|br|em|strong|sup|sub|span|b|i)\b[^<>\n]*>|<!--")
TABLE_ROW = regex.compile(r"(?m)^[ ]{0,3}\|[^\n]*\|[ \t]*$")
EMPHASIS_LINE_BARS = regex.compile(r"(?m)^[ ]{0,3}_[^_\n]+_[ \t]*$")
EMPHASIS_LINE_STARS = regex.compile(r"(?m)^[ ]{0,3}\*[^*\n]+\*[ \t]*$")
_SIGNALS: tuple[tuple[str, str, regex.Pattern[str]], ...] = (
    ("heading", "#", HEADING_LINE),
    ("strong", "**", STRONG_STARS),
    ("strong", "__", STRONG_BARS),
    ("image", "](", LINK_OR_IMAGE),
    ("html", "<", HTML_TAG),
    ("table", "|", TABLE_ROW),
    ("emphasis", "_", EMPHASIS_LINE_BARS),
    ("emphasis", "*", EMPHASIS_LINE_STARS),
)

_HEADING = regex.compile(r"^(#{1,6})(?:[ \t]+|$)")
_CLOSING_HASHES = regex.compile(r"(?r)[ \t]+#+$")
_QUOTE = regex.compile(r"^(?:>[ \t]?)+")
_BULLET = regex.compile(r"^[-*+][ \t]+(?=\S)")
_RULE = regex.compile(r"^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = regex.compile(r"^(?:=+|-+)[ \t]*$")
_TABLE_RULE = regex.compile(r"^\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$")
# Inline marks that are taken off whole or in part (group "keep" is kept).
_INLINE = regex.compile(
    r"(?P<image>!\[)(?P<alt>[^\[\]\n]*)(?P<target>\]\([^()\n]*\))"
    r"|(?P<link>\[)(?=[^\[\]\n]+\]\([^()\s]*\))(?P<text>[^\[\]\n]+)(?P<href>\]\([^()\s]*\))"
    r"|(?P<comment><!--(?:[^<-]|-(?!->)|<(?!!--))*-->)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:[ \t][^<>\n]*)?/?>)"
    r"|(?P<escape>\\)(?=[!-/:-@\[-`{-~])"
)
_BAR = regex.compile(r"\|")
_DELIMITER = regex.compile(r"\*+|_+|~~")
_PUNCT_OR_SPACE = regex.compile(r"[\s\p{P}\p{S}]")


def is_markdown(text: str) -> bool:
    """Whether ``text`` is unmistakably Markdown (see the module's docstring)."""
    counts: dict[str, int] = {}
    for kind, mark, pattern in _SIGNALS:
        if mark not in text:
            continue
        # Counting stops where the verdict cannot change: a bounded count.
        limit = max(DETECT_HEADINGS, DETECT_STRONG)
        found = 0
        for m in pattern.finditer(text):
            found += 1
            if kind == "heading" and text.count("\n", 0, m.start()) < TOP_LINES:
                return True  # a heading at the top of the text ("# Title")
            if found >= limit:
                break
        if found:
            counts[kind] = counts.get(kind, 0) + found
    headings = counts.get("heading", 0)
    return (
        headings >= DETECT_HEADINGS
        or (headings > 0 and len(counts) >= DETECT_KINDS)
        or counts.get("strong", 0) >= DETECT_STRONG
        or len(counts) > DETECT_KINDS
    )


def _flanks(text: str, at: int) -> bool:
    """Whether ``text[at]`` is the line's edge, a space or punctuation."""
    return at < 0 or at >= len(text) or bool(_PUNCT_OR_SPACE.match(text[at]))


def _emphasis(text: str, taken: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], str]:
    """The emphasis delimiters of ``text`` that pair up, and the line's emphasis.

    A delimiter opens when a non-space follows it and the line's edge, a space
    or punctuation precedes it; it closes the other way round. So ``snake_case``
    and ``5 * 3`` hold none. Delimiters inside marks already ``taken`` (a link's
    target) are skipped. Returns the ranges to take off and ``"strong"``,
    ``"em"`` or ``""`` for emphasis around the whole line.
    """
    inside = sorted(taken)
    # One stack of open delimiters per character, so a closer finds its
    # opener at once however many of the other kind are open.
    opened: dict[str, list[tuple[int, int]]] = {}
    pairs: list[tuple[int, int, int, int]] = []
    strays: list[tuple[int, int]] = []
    k = 0
    for m in _DELIMITER.finditer(text):
        a, b = m.span()
        while k < len(inside) and inside[k][1] <= a:
            k += 1
        if k < len(inside) and inside[k][0] <= a < inside[k][1]:
            continue
        if a and text[a - 1] == "\\":
            continue  # escaped: the backslash is taken, the mark is text
        stack = opened.setdefault(text[a], [])
        closes = a > 0 and not text[a - 1].isspace() and _flanks(text, b)
        if closes and stack:
            oa, ob = stack.pop()
            size = min(ob - oa, b - a)
            pairs.append((ob - size, ob, a, a + size))
        elif b < len(text) and not text[b].isspace() and _flanks(text, a - 1):
            stack.append((a, b))
        elif closes and _stray_kind(text, a, b):
            strays.append((a, b))
    # Emphasis that runs over lines (a converter's paragraph per line cuts
    # it) leaves its delimiters unpaired on each line; "**" and "_" at a
    # word's edge are markup all the same. A lone "*" may be a footnote mark.
    strays.extend(r for stack in opened.values() for r in stack if _stray_kind(text, *r))
    ranges = sorted([*(r for p in pairs for r in ((p[0], p[1]), (p[2], p[3]))), *strays])
    whole = ""
    if pairs:
        # Emphasis around the whole line: the outermost pair encloses all of
        # the line's other characters (marks taken off aside).
        outer = min(pairs, key=lambda p: p[0])
        marks = sorted([*ranges, *taken])
        bare = _bare_positions(len(text), marks)
        if bare and outer[1] <= bare[0] and outer[2] >= bare[-1] + 1:
            whole = "strong" if outer[1] - outer[0] >= 2 else "em"
    return ranges, whole


def _stray_kind(text: str, a: int, b: int) -> bool:
    """Whether an unpaired delimiter ``text[a:b]`` is still markup: "**", "__", "_"."""
    return text[a] == "_" or (b - a >= 2 and text[a] == "*")


def _bare_positions(length: int, marks: Sequence[tuple[int, int]]) -> list[int]:
    """The first and last positions of ``range(length)`` outside ``marks`` and not space."""
    first = last = -1
    pos = 0
    for a, b in [*marks, (length, length)]:
        if pos < a:
            first = pos if first < 0 else first
            last = a - 1
        pos = max(pos, b)
    return [] if first < 0 else [first, last]


def _inline(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Ranges of inline marks to take off, and whether the line held an image."""
    taken: list[tuple[int, int]] = []
    image = False
    for m in _INLINE.finditer(text):
        if m.group("image"):
            image = True
            taken.append(m.span("image"))
            taken.append(m.span("target"))
        elif m.group("link"):
            taken.append(m.span("link"))
            taken.append(m.span("href"))
        else:
            taken.append(m.span())
    return taken, image


PLAIN = Markup()
"""The hint of a line Markdown said nothing about."""


def _read_line(line: Line) -> tuple[Line | None, list[tuple[int, int]], Markup]:
    """``line`` with its markup off (None when nothing is left), the cut ranges, the hint.

    The ranges are source offsets of the marks taken off.
    """
    text = line.text
    cuts: list[tuple[int, int]] = []
    heading = 0
    quote = item = table = False
    lead = 0
    m = _QUOTE.match(text)
    if m:
        quote = True
        lead = m.end()
    m = _HEADING.match(text, lead)
    if m:
        heading = len(m.group(1))
        lead = m.end()
    else:
        m = _BULLET.match(text, lead)
        if m:
            item = True
            lead = m.end()
    tail = len(text)
    if heading:
        m = _CLOSING_HASHES.search(text, lead)
        if m:
            tail = m.start()
    body = text[lead:tail]
    # A table row is written between bars: "| Shelving | 12000 |".
    table = body.startswith("|") and body.endswith("|") and body.count("|") >= 2
    taken, image = _inline(body)
    if table:
        taken.extend((m.start(), m.end()) for m in _BAR.finditer(body))
    emphasis_cuts, emphasis = _emphasis(body, taken)
    marks = sorted([*taken, *emphasis_cuts])
    # Source offsets of each cut: the line's own map, before any edit here.
    if lead:
        cuts.append((line.to_source(0), line.to_source(lead)))
    cuts.extend((line.to_source(lead + a), line.to_source(lead + b)) for a, b in marks)
    if tail < len(text):
        cuts.append((line.to_source(tail), line.to_source(len(text))))
    hint = Markup(heading, emphasis, quote, item, image, table)
    edits = [(lead + a, lead + b, "") for a, b in marks]
    if tail < len(text):
        edits.append((tail, len(text), ""))
    if lead:
        edits.insert(0, (0, lead, ""))
    if not edits:
        # Most lines of a Markdown text are plain prose: nothing to edit.
        return (line if hint == PLAIN else attrs.evolve(line, markup=hint)), cuts, hint
    edited = line.edited_many(edits)
    stripped = edited.text.strip()
    if not stripped:
        return None, cuts, hint
    if stripped != edited.text:
        left = len(edited.text) - len(edited.text.lstrip())
        right = len(edited.text.rstrip())
        edited = edited.edited_many(
            [e for e in ((0, left, ""), (right, len(edited.text), "")) if e[0] < e[1]]
        )
    return attrs.evolve(edited, markup=hint), cuts, hint


def _comment_line(text: str, in_comment: bool) -> tuple[bool, bool]:
    """(whether the line is all HTML comment, whether a comment is still open after it)."""
    if not in_comment and not text.startswith("<!--"):
        return False, False
    closes = text.find("-->", 0 if in_comment else 4)
    if closes < 0:
        return True, True
    return closes + 3 == len(text), False


def run(draft: Draft, config: Config) -> Draft:
    """Take Markdown markup off the lines, keeping what it said as hints."""
    if config.input_format == "plain" or not draft.lines:
        return draft
    if config.input_format == "markdown":
        confidence = DECLARED_CONFIDENCE
    elif is_markdown(draft.source):
        confidence = DETECTED_CONFIDENCE
    else:
        return draft
    ledger = Ledger(draft, config)
    out: list[Line] = []
    owed = 0  # blank lines owed to the next line kept: a rule or a dropped line stood there
    in_comment = False
    after_image = False
    for line in draft.lines:
        text = line.text
        comment, still_open = _comment_line(text, in_comment)
        setext = (
            not comment
            and bool(out)
            and line.blank_before == 0
            and out[-1].index == line.index - 1
            and out[-1].markup is None
            and bool(_SETEXT.match(text))
        )
        if comment or setext or _RULE.match(text) or _TABLE_RULE.match(text):
            note = (
                "an HTML comment"
                if comment
                else "a Setext heading's underline"
                if setext
                else "a horizontal rule or table rule"
            )
            if ledger.propose("markup", line.start, line.end, "", confidence, note):
                in_comment = still_open
                if setext:
                    out[-1] = attrs.evolve(
                        out[-1], markup=Markup(heading=1 if text.startswith("=") else 2)
                    )
                else:
                    owed += 1
                continue
        read, cuts, hint = _read_line(line)
        if not cuts:
            read = line
        elif not all(
            [ledger.propose("markup", a, b, "", confidence, "Markdown markup") for a, b in cuts]
        ):
            read = line  # under the bar: the markup stays, and says nothing
        if read is None:
            # Nothing but markup: an image without alt text, an empty heading.
            owed += 1
            after_image = after_image or hint.image
            continue
        if (after_image and read.markup is not None and read.markup.emphasis == "em") or (
            line.blank_before >= DROPPED_IMAGE_BLANKS and word_count(read.text) <= CAPTION_WORDS
        ):
            # The italic line under an image is its caption; so is a short
            # line where the converter left a run of blank lines for a picture.
            read = attrs.evolve(read, markup=attrs.evolve(read.markup or Markup(), image=True))
        after_image = hint.image and read.markup is not None and not read.text
        if owed:
            read = attrs.evolve(read, blank_before=read.blank_before + owed)
            owed = 0
        out.append(read)
    lines = tuple(
        attrs.evolve(line, index=i) if line.index != i else line for i, line in enumerate(out)
    )
    return ledger.close(draft, lines=lines, markdown=True)


def captions_from_markup(
    lines: Sequence[Line], roles: dict[int, Role], lang: Language
) -> dict[int, Role]:
    """Caption lines by markup: an image's alt text, the line where an image stood.

    A date, a line printed again elsewhere (a running head or tagline) and a
    line opening with a credit (its label, or a name such as "AGENCY/Name":
    where the credit ends is unknown) are left to the other rules.
    """
    hinted = [
        i
        for i, line in enumerate(lines)
        if i not in roles
        and line.markup is not None
        and line.markup.image
        and not line.markup.heading
        and CAPTION_MIN_WORDS <= word_count(line.text) <= CAPTION_WORDS
    ]
    if not hinted:
        return {}
    printed: dict[str, int] = {}
    for line in lines:
        printed[line.text] = printed.get(line.text, 0) + 1
    return {
        i: CAPTION
        for i in hinted
        if printed[lines[i].text] == 1
        and not lang.date_line.match(lines[i].text)
        and not lang.credit_marker.match(lines[i].text)
        and not lang.credit_names.match(lines[i].text.split(" ", 1)[0])
    }


# The header stands above the first paragraph of running text: a line of more
# words than this that markup does not set apart, within the first lines.
HEADER_LINES = 16
BODY_LINE_WORDS = 20
NO_HEADING = 7
# A kicker is a label of a few words; a deck a sentence or two.
KICKER_WORDS = 6
DECK_WORDS = 45


def _set_apart(line: Line) -> bool:
    hint = line.markup
    return hint is not None and bool(hint.heading or hint.emphasis or hint.quote)


def _label(text: str) -> bool:
    """A masthead name or section label: a few words, none of them lowercase."""
    words = text.split()
    return 0 < len(words) <= 4 and not any(w[:1].islower() for w in words)


def header_from_markup(
    lines: Sequence[Line], roles: dict[int, Role], lang: Language
) -> dict[int, Role] | None:
    """Kicker, headline, deck, byline and dateline read from Markdown headings.

    The headline is the top heading of the highest level (fewest ``#``) that
    is no masthead or section label; the set-apart line just above it is the
    kicker, anything higher up masthead furniture; an emphasised line or a
    lower heading just below it is the deck; bylines and dates follow. None
    when the text has no heading above its first paragraph: the header is then
    found from the lines' shape, as in plain text.
    """
    top: list[int] = []
    for i, line in enumerate(lines[:HEADER_LINES]):
        if line.page != lines[0].page:
            break
        if i in roles:
            continue
        if not _set_apart(line) and word_count(line.text) > BODY_LINE_WORDS:
            break
        top.append(i)
    headings = [i for i in top if _heading(lines[i]) < NO_HEADING]
    if not headings:
        return None
    titles = [
        i
        for i in headings
        if not _label(lines[i].text)
        and not is_masthead(lines[i].text, lang)
        and not ends_sentence(lines[i].text)
    ] or [i for i in headings if not is_masthead(lines[i].text, lang)]
    if not titles:
        return None
    level = min(_heading(lines[i]) for i in titles)
    headline = next(i for i in titles if _heading(lines[i]) == level)
    out: dict[int, Role] = {headline: HEADLINE}
    above = [i for i in top if i < headline]
    if above:
        kicker = above[-1]
        text = lines[kicker].text
        if (
            _set_apart(lines[kicker])
            and word_count(text) <= KICKER_WORDS
            and not is_masthead(text, lang)
            and not lang.date_line.match(text)
        ):
            out[kicker] = KICKER
        for i in above:
            out.setdefault(i, FURNITURE)
    decked = False
    for i in top:
        if i <= headline:
            continue
        line = lines[i]
        text = line.text
        if lang.byline_line.match(text):
            out[i] = BYLINE
        elif lang.date_line.match(text):
            out[i] = DATELINE
        elif (
            not decked
            and BYLINE not in out.values()
            and line.markup is not None
            and (line.markup.emphasis or _heading(line) > level)
            and word_count(text) <= DECK_WORDS
        ):
            out[i] = DECK
            decked = True
        elif (
            _heading(line) == level
            and line.index == lines[i - 1].index + 1
            and out.get(i - 1) == HEADLINE
        ):
            out[i] = HEADLINE  # a headline the converter wrote on two lines
        else:
            break
    return out


def _heading(line: Line) -> int:
    """The line's heading level; NO_HEADING (below every level) when it is none."""
    return line.markup.heading if line.markup is not None and line.markup.heading else NO_HEADING
