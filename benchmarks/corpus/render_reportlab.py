"""Render an :class:`ArticlePlan` with ReportLab: one Frame per column.

Body paragraphs are justified ``Paragraph`` flowables hyphenated by ReportLab
(``hyphenationLang``, backed by Pyphen). Pull quotes and figures are drawn
straight onto the canvas *out of flow*: before the columns, between two
columns or after them (``layout.draw_order``), and the column frames are cut
around them. Stream-order extractors (``pdftotext -raw``, pypdf) then meet
them where they were drawn, not where they sit, as in real PDFs.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from .pages import MARGIN, PAGE_SIZES, column_width
from .plan import ArticlePlan, Block, clear_jump

_FONT_DIR = Path("/usr/share/fonts/truetype/liberation")
_FAMILIES = {"NRSerif": "LiberationSerif", "NRSans": "LiberationSans"}
_registered = False


def register_fonts() -> None:
    """Register Liberation Serif/Sans as TrueType families (full Unicode).

    ReportLab's built-in Type 1 fonts cannot show characters such as "č",
    which occur in the articles; an embedded TrueType font can.
    """
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping  # type: ignore[import-untyped]
    from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
    from reportlab.pdfbase.ttfonts import TTFont  # type: ignore[import-untyped]

    if not (_FONT_DIR / "LiberationSerif-Regular.ttf").exists():
        raise RuntimeError(f"fonts missing in {_FONT_DIR}: run benchmarks/install-system-deps.sh")
    for family, stem in _FAMILIES.items():
        for suffix, bold, italic in (("Regular", 0, 0), ("Bold", 1, 0), ("Italic", 0, 1),
                                     ("BoldItalic", 1, 1)):
            name = family if suffix == "Regular" else f"{family}-{suffix}"
            pdfmetrics.registerFont(TTFont(name, str(_FONT_DIR / f"{stem}-{suffix}.ttf")))
            addMapping(family, bold, italic, name)
    _registered = True


@dataclass
class _Box:
    """An out-of-flow rectangle on page one (columns c0..c1, y from top to bottom)."""

    c0: int
    c1: int
    top: float
    bottom: float
    kind: str  # "pq" | "fig"
    index: int


def _styles(plan: ArticlePlan) -> dict[str, Any]:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
    from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]

    lay = plan.layout
    fs = lay.font_size
    body_font = "NRSerif" if lay.font == "serif" else "NRSans"
    indent = fs * 1.2 if lay.paragraph_style == "indent" else 0.0
    after = 0.0 if lay.paragraph_style == "indent" else fs * 0.7
    body = ParagraphStyle(
        "body", fontName=body_font, fontSize=fs, leading=fs * lay.leading,
        alignment=TA_JUSTIFY, firstLineIndent=indent, spaceAfter=after,
        hyphenationLang="en_US", embeddedHyphenation=1, uriWasteReduce=0.3,
    )
    return {
        "body": body,
        "first": ParagraphStyle("first", parent=body, firstLineIndent=0),
        "cont": ParagraphStyle("cont", parent=body, firstLineIndent=0),
        "question": ParagraphStyle("question", parent=body, fontName=f"{body_font}-Bold"),
        "quote": ParagraphStyle("quote", parent=body, fontName=f"{body_font}-Italic",
                                leftIndent=fs * 1.2, firstLineIndent=0),
        "subhead": ParagraphStyle("subhead", parent=body, fontName=f"{body_font}-Bold",
                                  fontSize=fs * 1.15, leading=fs * 1.4, alignment=TA_LEFT,
                                  firstLineIndent=0, spaceBefore=fs * 0.6,
                                  spaceAfter=fs * 0.3, keepWithNext=1),
        "kicker": ParagraphStyle("kicker", fontName="NRSans-Bold", fontSize=9, leading=11),
        "headline": ParagraphStyle("headline", fontName=f"{body_font}-Bold",
                                   fontSize=fs * 2.6, leading=fs * 2.8),
        "deck": ParagraphStyle("deck", fontName=f"{body_font}-Italic", fontSize=fs * 1.45,
                               leading=fs * 1.7),
        "small": ParagraphStyle("small", fontName="NRSans", fontSize=8, leading=10),
        "masthead": ParagraphStyle("masthead", fontName="NRSans-Bold", fontSize=16,
                                   leading=19, alignment=TA_CENTER),
        "edition": ParagraphStyle("edition", fontName="NRSans-Bold", fontSize=8, leading=10,
                                  alignment=TA_CENTER),
        "pq": ParagraphStyle("pq", fontName=f"{body_font}-Bold", fontSize=fs * 1.7,
                             leading=fs * 1.95, alignment=TA_CENTER),
        "attr": ParagraphStyle("attr", fontName="NRSans", fontSize=fs, leading=fs * 1.3,
                               alignment=TA_CENTER),
        "caption": ParagraphStyle("caption", fontName="NRSans", fontSize=fs * 0.85,
                                  leading=fs * 1.02),
        "credit": ParagraphStyle("credit", fontName="NRSans", fontSize=fs * 0.7,
                                 leading=fs * 0.85, alignment=TA_RIGHT),
        "jump": ParagraphStyle("jump", fontName="NRSans-Italic", fontSize=8, leading=10,
                               alignment=TA_RIGHT),
        "jumphead": ParagraphStyle("jumphead", fontName=f"{body_font}-Bold",
                                   fontSize=fs * 2, leading=fs * 2.3),
    }


def _story(plan: ArticlePlan, styles: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph  # type: ignore[import-untyped]

    story: list[Any] = []
    prev: Block | None = None
    for b in plan.blocks:
        if b.role == "subhead":
            style = styles["subhead"]
        elif b.role == "question":
            style = styles["question"]
        elif b.block == "quote":
            style = styles["quote"]
        elif prev is None or prev.role == "subhead":
            style = styles["first"]
        else:
            style = styles["body"]
        label = f"<b>{escape(b.label)}</b>" if b.label else ""
        story.append(Paragraph(label + escape(b.text), style))
        prev = b
    return story


def _fill(frame: Any, story: list[Any], canvas: Any) -> None:
    """Flow *story* into *frame*, splitting the paragraph that does not fit.

    ``Frame.addFromList`` never splits, so a long paragraph would skip a
    whole frame; real columns break paragraphs, so we split them here.
    """
    while story:
        head = story[0]
        if frame.add(head, canvas):
            story.pop(0)
            continue
        parts = frame.split(head, canvas)
        if len(parts) < 2:
            return
        story[0:1] = parts
        if frame.add(story[0], canvas):
            story.pop(0)
        return


def _balanced_height(story: list[Any], xs: list[float], col_w: float, full_h: float,
                     pagesize: tuple[float, float]) -> float:
    """Column height at which *story* ends level over the columns of a page.

    Found by dry runs on a scratch canvas, from the even-split estimate
    upwards; the full page height when the story does not fit anyway.
    """
    import io

    from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
    from reportlab.platypus import Frame

    total = float(sum(p.wrap(col_w, 10_000)[1] + p.getSpaceAfter() for p in story))
    height = min(full_h, total / len(xs) + 12.0)
    while height < full_h:
        trial = list(story)
        scratch = Canvas(io.BytesIO(), pagesize=pagesize)
        for x in xs:
            _fill(Frame(x, 0, col_w, height, leftPadding=0, rightPadding=0, topPadding=0,
                        bottomPadding=0), trial, scratch)
        if not trial:
            return height
        height = min(full_h, height * 1.06 + 6.0)
    return full_h


def _frames(x: list[float], col_w: float, top: float, bottom: float,
            boxes: list[_Box], columns: int) -> list[list[tuple[float, float]]]:
    """Free vertical spans of each column, top to bottom, around the boxes."""
    out: list[list[tuple[float, float]]] = []
    for c in range(columns):
        spans: list[tuple[float, float]] = []
        y = top
        for box in sorted((b for b in boxes if b.c0 <= c <= b.c1), key=lambda b: -b.top):
            if box.top < y - 20:
                spans.append((y, box.top))
            y = min(y, box.bottom)
        if y - bottom > 20:
            spans.append((y, bottom))
        out.append(spans)
    return out


def render(plan: ArticlePlan, pdf_path: Path) -> None:
    """Typeset *plan* into *pdf_path* and fill in its furniture.

    Page one's column height is sized to the text (newspaper columns end
    level, they do not leave whole columns empty): we start from an estimate
    and retry taller until the text fits, or shorter until a jump leaves text
    for the jump page.
    """
    figures, pull_quotes, notes = list(plan.figures), list(plan.pull_quotes), list(plan.notes)
    scale = 1.0
    for _attempt in range(10):
        plan.figures, plan.pull_quotes, plan.notes = list(figures), list(pull_quotes), list(notes)
        leftover, full = _render_once(plan, pdf_path, scale)
        if plan.jump_block is None:
            if not leftover or full:
                return
            scale *= 1.1
        else:
            if leftover:
                return
            scale *= 0.8
            if scale < 0.3:
                notes.append("jump dropped: the whole text fit on page one")
                clear_jump(plan, notes[-1])
                scale = 1.0


def _render_once(plan: ArticlePlan, pdf_path: Path, scale: float) -> tuple[bool, bool]:
    """One rendering; returns (text left after page one, page one at full height)."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, Paragraph

    register_fonts()
    lay = plan.layout
    rng = random.Random(f"{plan.seed}:{plan.doc_id}:reportlab")
    styles = _styles(plan)
    page_w, page_h = PAGE_SIZES[lay.page_size]
    full_w = page_w - 2 * MARGIN
    col_w = column_width(lay.page_size, lay.columns, lay.gutter_pt)
    xs = [MARGIN + c * (col_w + lay.gutter_pt) for c in range(lay.columns)]
    canvas = Canvas(str(pdf_path), pagesize=(page_w, page_h), invariant=1)
    canvas.setTitle(plan.headline)
    furniture: list[str] = []
    top_y = page_h - MARGIN - (14.0 if plan.running_head else 0.0)
    bottom_y = MARGIN + (12.0 if lay.page_number else 0.0)

    def page_furniture(page_no: int) -> None:
        if plan.running_head:
            canvas.setFont("NRSans", 7.5)
            canvas.drawString(MARGIN, page_h - MARGIN, plan.running_head[0])
            if len(plan.running_head) > 1:
                canvas.drawRightString(page_w - MARGIN, page_h - MARGIN, plan.running_head[1])
            furniture.extend(plan.running_head)

    def page_number(number: int) -> None:
        if lay.page_number:
            label = lay.page_label.format(number)
            canvas.setFont("NRSans", 7.5)
            canvas.drawCentredString(page_w / 2, MARGIN - 2, label)
            furniture.append(label)

    def draw_para(text: str, style: Any, x: float, y: float, width: float) -> float:
        para = Paragraph(text, style)
        _, h = para.wrap(width, 10_000)
        para.drawOn(canvas, x, y - h)
        return float(h)

    # --- page one: furniture and head ---------------------------------------------
    page_furniture(0)
    y = top_y - 4
    for i, line in enumerate(plan.masthead):
        y -= draw_para(escape(line), styles["masthead" if i == 0 else "edition"], MARGIN, y,
                       full_w) + 2
        furniture.append(line)
    if plan.kicker:
        y -= draw_para(escape(plan.kicker.upper()), styles["kicker"], MARGIN, y, full_w)
        canvas.setLineWidth(0.8)
        canvas.line(MARGIN, y - 1, page_w - MARGIN, y - 1)
        y -= 6
    y -= draw_para(escape(plan.headline), styles["headline"], MARGIN, y, full_w) + 4
    if plan.deck:
        y -= draw_para(escape(plan.deck), styles["deck"], MARGIN, y, full_w) + 4
    # Loose heads leave a blank line's worth between the lines, which
    # extractors print as blank lines.
    gap = 13.0 if lay.head_gap == "loose" else 1.0
    if plan.deck and gap > 1:
        y -= gap
    for line in (plan.byline, plan.dateline):
        if line:
            y -= draw_para(escape(line), styles["small"], MARGIN, y, full_w) + gap
    body_top = y - 8

    story = _story(plan, styles)
    # Height the story needs in one column, to size page one for a jump.
    needed = sum(p.wrap(col_w, 10_000)[1] + p.getSpaceAfter() for p in story) / lay.columns
    # Room the out-of-flow boxes will take, spread over the columns (a rough
    # estimate; the retry loop in render() corrects it).
    allowance = (sum(min(col_w * f.height_frac, 160.0) + 45 for f in plan.figures)
                 + 110 * len(plan.pull_quotes)) * (1.4 / lay.columns)
    jump = plan.jump_block is not None
    if jump:
        want = needed * lay.jump_fraction * scale + allowance
    else:
        want = (needed * 1.04 + fs_line(plan) * 2 + allowance) * scale
    page1_bottom = max(bottom_y, body_top - max(want, 5 * fs_line(plan)))
    full = page1_bottom <= bottom_y
    avail = body_top - page1_bottom

    # --- out-of-flow boxes on page one --------------------------------------------
    boxes: list[_Box] = []
    drawers: list[Any] = []
    taken_top: set[int] = set()
    for i, fig in enumerate(plan.figures):
        span = 2 if lay.columns >= 3 and rng.random() < 0.5 else 1
        c0 = rng.randint(0, lay.columns - span)
        if any(c in taken_top for c in range(c0, c0 + span)):
            c0 = next((c for c in range(lay.columns - span + 1)
                       if all(k not in taken_top for k in range(c, c + span))), -1)
        if c0 < 0:
            plan.notes.append(f"figure dropped: no free column for caption {i}")
            continue
        w = col_w * span + lay.gutter_pt * (span - 1)
        img_h = min(w * fig.height_frac, 160.0, avail * 0.45)
        cap = Paragraph(escape(fig.caption_printed), styles["caption"])
        cap_h = cap.wrap(w, 10_000)[1]
        cred = Paragraph(escape(fig.credit_shown), styles["credit"]) if fig.credit_shown \
            else None
        cred_h = cred.wrap(w, 10_000)[1] if cred else 0.0
        total = img_h + cred_h + cap_h + 10
        if total > avail * 0.8:
            plan.notes.append(f"figure dropped: too tall for the page ({fig.caption.text[:30]})")
            continue
        top = body_top
        boxes.append(_Box(c0, c0 + span - 1, top, top - total, "fig", i))
        taken_top.update(range(c0, c0 + span))
        x = xs[c0]

        def draw_fig(x: float = x, top: float = top, w: float = w, img_h: float = img_h,
                     cap: Any = cap, cap_h: float = cap_h, cred: Any = cred,
                     cred_h: float = cred_h) -> None:
            canvas.setFillGray(0.72)
            canvas.rect(x, top - img_h, w, img_h, stroke=0, fill=1)
            canvas.setFillGray(0)
            if cred is not None:
                cred.drawOn(canvas, x, top - img_h - 1 - cred_h)
            cap.drawOn(canvas, x, top - img_h - 2 - cred_h - cap_h)

        drawers.append(draw_fig)
    kept_figs = {b.index for b in boxes if b.kind == "fig"}
    plan.figures = [f for i, f in enumerate(plan.figures) if i in kept_figs]

    kept_pqs: list[int] = []
    for i, pq in enumerate(plan.pull_quotes):
        span = 2 if lay.columns >= 3 and rng.random() < 0.4 else 1
        w = col_w * span + lay.gutter_pt * (span - 1)
        text = "<br/>".join(escape(line) for line in pq.lines)
        para = Paragraph(text, styles["pq"])
        ph = para.wrap(w - 4, 10_000)[1]
        attr = Paragraph("\u2014 " + escape(pq.attribution), styles["attr"]) \
            if pq.attribution else None
        ah = attr.wrap(w - 4, 10_000)[1] if attr else 0.0
        total = ph + ah + 14
        placed = False
        for _try in range(12):
            c0 = rng.randint(0, lay.columns - span)
            top = body_top - rng.uniform(0.15, 0.6) * avail
            box = _Box(c0, c0 + span - 1, top, top - total, "pq", i)
            clash = any(b.c0 <= box.c1 and box.c0 <= b.c1 and b.bottom - 12 < box.top
                        and box.bottom < b.top + 12 for b in boxes)
            if not clash and box.bottom > page1_bottom + 30:
                boxes.append(box)
                placed = True
                break
        if not placed:
            plan.notes.append(f"pull quote dropped: no room ({pq.text[:30]})")
            continue
        kept_pqs.append(i)
        x = xs[box.c0]

        def draw_pq(x: float = x, top: float = box.top, w: float = w, para: Any = para,
                    ph: float = ph, attr: Any = attr, ah: float = ah,
                    total: float = total) -> None:
            canvas.setLineWidth(1.5)
            canvas.line(x, top - 2, x + w, top - 2)
            para.drawOn(canvas, x + 2, top - 6 - ph)
            if attr is not None:
                attr.drawOn(canvas, x + 2, top - 8 - ph - ah)
            canvas.setLineWidth(0.6)
            canvas.line(x, top - total + 2, x + w, top - total + 2)

        drawers.append(draw_pq)
    plan.pull_quotes = [pq for i, pq in enumerate(plan.pull_quotes) if i in kept_pqs]
    # Draw order within the boxes is shuffled too: real layout programs
    # write page objects in the order they were created, not reading order.
    rng.shuffle(drawers)

    # --- columns of page one -----------------------------------------------------
    jump_reserve = 14.0 if jump else 0.0
    spans = _frames(xs, col_w, body_top, page1_bottom, boxes, lay.columns)
    if jump:
        last = spans[-1]
        if last:
            t, b = last[-1]
            last[-1] = (t, b + jump_reserve)
    if lay.draw_order == "before":
        for draw in drawers:
            draw()
    for c, col_spans in enumerate(spans):
        for t, b in col_spans:
            frame = Frame(xs[c], b, col_w, t - b, leftPadding=0, rightPadding=0,
                          topPadding=0, bottomPadding=0)
            _fill(frame, story, canvas)
        if c == 0 and lay.draw_order == "between":
            for draw in drawers:
                draw()
    if lay.draw_order == "after":
        for draw in drawers:
            draw()
    leftover = bool(story)
    if jump and not story:
        # render() retries with a shorter page one; this file is overwritten.
        canvas.save()
        return False, full
    if jump:
        canvas.setFont("NRSans-Italic", 8)
        canvas.drawRightString(page_w - MARGIN, page1_bottom + 2, plan.continued_on or "")
        furniture.append(plan.continued_on or "")
    page_number(lay.first_page)

    # --- further pages: the jump page, or plain overflow --------------------------
    page_no = 1
    while story:
        canvas.showPage()
        page_furniture(page_no)
        y = top_y - 4
        if jump and page_no == 1:
            if plan.jump_head_text:
                y -= draw_para(escape(plan.jump_head_text), styles["jumphead"], MARGIN, y,
                               full_w)
                furniture.append(plan.jump_head_text)
            y -= draw_para(escape(plan.continued_from or ""), styles["jump"], MARGIN, y,
                           col_w) + 6
            furniture.append(plan.continued_from or "")
        before = len(story)
        col_h = _balanced_height(story, xs, col_w, y - bottom_y, (page_w, page_h))
        for c in range(lay.columns):
            frame = Frame(xs[c], y - col_h, col_w, col_h, leftPadding=0,
                          rightPadding=0, topPadding=0, bottomPadding=0)
            _fill(frame, story, canvas)
        if jump and lay.jump_page is not None:
            page_number(lay.jump_page + page_no - 1)
        else:
            page_number(lay.first_page + page_no)
        page_no += 1
        if len(story) == before:
            raise RuntimeError(f"{plan.doc_id}: a paragraph does not fit an empty page")
    canvas.save()
    plan.furniture = furniture
    return leftover, full


def fs_line(plan: ArticlePlan) -> float:
    """Height of one body line."""
    return plan.layout.font_size * plan.layout.leading
