"""OverProof articles: gold from the corrected lines, and a line-faithful rendering.

The printed line breaks (and their real hyphens) are kept: each gold line is
drawn as one line of a narrow newspaper column with ReportLab, justified when
it is a full line. The historical OCR is kept as the extractor
``ocr_original``.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .pages import MARGIN
from .plan import doc_rng
from .sources import OverproofArticle

_WORD = re.compile(r"[A-Za-z]+")
_TAIL = re.compile(r"([A-Za-z]+)-$")
_HEAD = re.compile(r"^([a-z]+)")


def _known_word(word: str, vocabulary: set[str]) -> bool:
    if word.lower() in vocabulary:
        return True
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en")) > 2.5


def join_gold_lines(lines: list[str] | tuple[str, ...]) -> str:
    """Join printed lines into one running text, undoing line-end hyphens.

    We cannot know for certain whether a line-end hyphen is a break inside a
    word or a real compound hyphen, so: a line ending in ``word-`` followed by
    a line starting lowercase is joined *without* the hyphen only if the
    joined word occurs elsewhere in the gold text or is a common English word
    (wordfreq Zipf > 2.5); otherwise the hyphen stays (``north-`` ``east`` ->
    ``north-east``). Other lines are joined with one space. This is an
    approximation, documented in benchmarks/README.md.
    """
    clean = [ln.strip() for ln in lines if ln.strip()]
    vocabulary = {w.lower() for ln in clean for w in _WORD.findall(ln)}
    out = ""
    for i, line in enumerate(clean):
        if i == 0:
            out = line
            continue
        prev = out
        tail = _TAIL.search(prev)
        head = _HEAD.match(line)
        if prev.endswith("-") and not prev.endswith("--") and tail and head:
            joined = tail.group(1) + head.group(1)
            out = prev[:-1] + line if _known_word(joined, vocabulary) else prev + line
        elif prev.endswith(("-", "\u2014")):
            out = prev + line
        else:
            out = prev + " " + line
    return out


@dataclass
class OverproofLayout:
    """Typographic choices for one historical column page."""

    columns: int
    column_width: float
    gutter_pt: float
    font_size: float
    leading: float
    justify: bool
    center_headings: bool
    rules: bool  # vertical rules between columns, as old papers had
    running_head: bool
    page_number: bool
    first_page: int


def sample_layout(rng: random.Random) -> OverproofLayout:
    """Draw a narrow one-to-three-column historical layout."""
    return OverproofLayout(
        columns=rng.choice([1, 1, 2, 2, 3]),
        column_width=round(rng.uniform(150.0, 200.0), 1),
        gutter_pt=round(rng.uniform(8.0, 16.0), 1),
        font_size=round(rng.uniform(7.5, 9.5), 1),
        leading=round(rng.uniform(1.08, 1.2), 2),
        justify=rng.random() < 0.85,
        center_headings=rng.random() < 0.7,
        rules=rng.random() < 0.5,
        running_head=rng.random() < 0.8,
        page_number=rng.random() < 0.8,
        first_page=rng.randint(1, 16),
    )


_FONT = "NRSerif"


def _register_fonts() -> None:
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]

    from .render_reportlab import register_fonts

    register_fonts()
    assert _FONT in pdfmetrics.getRegisteredFontNames()


def _is_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters) and len(line) < 40


def render(article: OverproofArticle, index: int, seed: int, pdf_path: Path) -> dict[str, Any]:
    """Render *article* to *pdf_path*; return its gold record."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

    _register_fonts()
    doc_id = f"{article.id}__overproof_{index}"
    rng = doc_rng(seed, doc_id)
    lay = sample_layout(rng)
    lines = [ln.strip() for ln in article.gold_lines if ln.strip()]
    fs = lay.font_size
    lead = fs * lay.leading
    col_w = lay.column_width
    page_w = 2 * MARGIN + lay.columns * col_w + (lay.columns - 1) * lay.gutter_pt
    page_h = 792.0
    top = page_h - MARGIN - (18.0 if lay.running_head else 0.0)
    bottom = MARGIN + (14.0 if lay.page_number else 0.0)
    per_col = max(1, int((top - bottom) // lead))
    per_page = per_col * lay.columns

    head_text = article.newspaper + (f", {article.year}" if article.year else "")
    canvas = Canvas(str(pdf_path), pagesize=(page_w, page_h), invariant=1)
    canvas.setTitle(doc_id)
    furniture: list[str] = []
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    for pno, page_lines in enumerate(pages):
        if lay.running_head:
            canvas.setFont(_FONT, 7.5)
            canvas.drawCentredString(page_w / 2, page_h - MARGIN - 4, head_text)
            furniture.append(head_text)
        if lay.page_number:
            number = str(lay.first_page + pno)
            canvas.setFont(_FONT, 7.5)
            canvas.drawCentredString(page_w / 2, MARGIN - 4, number)
            furniture.append(number)
        for c in range(lay.columns):
            x0 = MARGIN + c * (col_w + lay.gutter_pt)
            chunk = page_lines[c * per_col : (c + 1) * per_col]
            if lay.rules and c > 0 and chunk:
                rx = x0 - lay.gutter_pt / 2
                canvas.setLineWidth(0.4)
                canvas.line(rx, top + 2, rx, top - len(chunk) * lead)
            for k, line in enumerate(chunk):
                y = top - (k + 1) * lead + (lead - fs) / 2
                _draw_line(canvas, line, x0, y, col_w, fs, lay, stringWidth)
        canvas.showPage()
    canvas.save()

    layout = asdict(lay)
    layout["pages"] = len(pages)
    features = ["historical", f"columns-{lay.columns}", "hyphenation", "printed-line-breaks",
                "renderer-overproof"]
    if lay.running_head:
        features.append("running-head")
    if lay.page_number:
        features.append("page-number")
    return {
        "id": doc_id,
        "source": article.source,
        "renderer": "overproof",
        "layout": layout,
        "features": features,
        "kicker": None,
        "headline": None,
        "deck": None,
        "byline": None,
        "dateline": None,
        # The corrected lines mark no heading: header fields are not scored.
        "structured": False,
        "paragraphs": [{"text": join_gold_lines(article.gold_lines), "role": "body",
                        "speaker": None}],
        "pull_quotes": [],
        "captions": [],
        "notes": [],
        "build_notes": ["paragraphs: gold_lines joined with approximate dehyphenation "
                        "(see benchmarks/README.md)"],
        "furniture": furniture,
        "gold_lines": list(article.gold_lines),
    }


def _draw_line(canvas: Any, line: str, x0: float, y: float, width: float, fs: float,
               lay: OverproofLayout, string_width: Any) -> None:
    """Draw one printed line: justified, centred heading, or ragged end line."""
    natural = float(string_width(line, _FONT, fs))
    text = canvas.beginText(x0, y)
    text.setFont(_FONT, fs)
    # Word spacing and horizontal scale are PDF graphics state: they outlive
    # the text object, so every line sets both, or a justified line's extra
    # spacing would push the next lines off the page.
    word_space, horiz_scale = 0.0, 100.0
    if natural > width:
        # Condense an over-long line horizontally rather than breaking it:
        # the printed line breaks are the point of this page.
        horiz_scale = 100.0 * width / natural
    elif lay.center_headings and _is_heading(line):
        text.setTextOrigin(x0 + (width - natural) / 2, y)
    elif lay.justify and natural > 0.8 * width and line.count(" "):
        word_space = (width - natural) / line.count(" ")
    text.setWordSpace(word_space)
    text.setHorizScale(horiz_scale)
    text.textLine(line)
    canvas.drawText(text)
