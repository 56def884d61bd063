"""Render an :class:`ArticlePlan` with WeasyPrint (HTML + CSS multi-column).

WeasyPrint does the real work: CSS columns, justification and ``hyphens:
auto`` (Pyphen dictionaries), page margin boxes for running heads and page
numbers. Pull quotes and figures are placed *in the flow* (floats, boxes
between paragraphs, or ``column-span: all`` boxes that break the columns), so
the damage comes from the layout itself.
"""

from __future__ import annotations

import html
from pathlib import Path

from .pages import MARGIN, PAGE_SIZES
from .plan import ArticlePlan, Block, Figure, PullQuote, clear_jump, set_jump

FONTS = {"serif": "'Liberation Serif', 'DejaVu Serif', serif",
         "sans": "'DejaVu Sans', 'Liberation Sans', sans-serif"}


def _css_string(text: str) -> str:
    """Quote *text* for a CSS ``content:`` value."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _stylesheet(plan: ArticlePlan) -> str:
    lay = plan.layout
    w, h = PAGE_SIZES[lay.page_size]
    margin_boxes = []
    if len(plan.running_head) >= 1:
        margin_boxes.append(f"@top-left {{ content: {_css_string(plan.running_head[0])}; }}")
    if len(plan.running_head) >= 2:
        margin_boxes.append(f"@top-right {{ content: {_css_string(plan.running_head[1])}; }}")
    first_label = cont_label = ""
    if lay.page_number:
        # counter-reset on the first page makes the printed number start at
        # first_page; later overflow pages count on from there.
        prefix, _, suffix = lay.page_label.partition("{}")
        first_label = (f"@bottom-center {{ content: {_css_string(prefix)} counter(page) "
                       f"{_css_string(suffix)}; }}")
        if lay.jump_page is not None:
            cont_label = (f"@bottom-center {{ content: "
                          f"{_css_string(lay.page_label.format(lay.jump_page))}; }}")
    font = FONTS[lay.font]
    fs = lay.font_size
    para_css = (
        "p.t { margin: 0; text-indent: 1.2em; } p.t.first { text-indent: 0; }"
        if lay.paragraph_style == "indent"
        else f"p.t {{ margin: 0 0 {fs * 0.7:.1f}pt 0; text-indent: 0; }}"
    )
    hyph = "\\2010" if lay.hyphen_char == "\u2010" else "-"
    # Loose heads leave a blank line's worth between deck, byline and dateline,
    # which extractors print as blank lines.
    gap = 14 if lay.head_gap == "loose" else 2
    return f"""
@page {{ size: {w}pt {h}pt; margin: {MARGIN + 8}pt {MARGIN}pt {MARGIN + 6}pt {MARGIN}pt;
  font: 7.5pt {font}; {" ".join(margin_boxes)} {first_label} }}
@page :first {{ counter-reset: page {lay.first_page}; }}
@page cont {{ {cont_label} }}
html {{ font-family: {font}; font-size: {fs}pt; line-height: {lay.leading}; }}
body {{ margin: 0; }}
.kicker {{ font: bold 9pt {FONTS["sans"]}; text-transform: uppercase; letter-spacing: 1pt;
  border-bottom: 1pt solid #000; margin-bottom: 4pt; }}
h1 {{ font-size: {fs * 2.6:.1f}pt; line-height: 1.05; margin: 0 0 6pt 0; }}
.deck {{ font-size: {fs * 1.45:.1f}pt; font-style: italic; margin: 0 0 6pt 0; }}
.byline, .dateline {{ font: 8pt {FONTS["sans"]}; margin: 0 0 {gap}pt 0; }}
.deck {{ margin-bottom: {max(6, gap)}pt; }}
.masthead {{ font: bold 8pt {FONTS["sans"]}; text-align: center; margin: 0 0 2pt 0; }}
.masthead:first-child {{ font-size: 16pt; }}
.ad {{ border: 1.5pt solid #000; padding: 4pt; margin: 8pt 0; text-align: center;
  font: 8pt {FONTS["sans"]}; break-inside: avoid; hyphens: manual; }}
.head {{ margin-bottom: 10pt; text-align: left; hyphens: manual; }}
.cols {{ columns: {lay.columns}; column-gap: {lay.gutter_pt}pt; text-align: justify;
  hyphens: auto; hyphenate-character: "{hyph}"; }}
{para_css}
h3.t {{ font-size: {fs * 1.15:.1f}pt; margin: 6pt 0 3pt 0; break-after: avoid; }}
p.question {{ font-weight: bold; }}
p.quote {{ margin-left: 1.2em; margin-right: 0.6em; font-style: italic; }}
.label {{ font-weight: bold; }}
.pq {{ font-size: {fs * 1.7:.1f}pt; line-height: 1.15; font-weight: bold; text-align: left;
  hyphens: manual; border-top: 2pt solid #000; border-bottom: 1pt solid #000;
  padding: 4pt 0; margin: 8pt 0; text-indent: 0; display: block; }}
.pq {{ break-inside: avoid; }}
.pq.span {{ column-span: all; text-align: center; font-size: {fs * 2.1:.1f}pt;
  margin: 10pt 10%; }}
.pq .attr {{ display: block; font-size: {fs:.1f}pt; font-weight: normal; margin-top: 3pt; }}
.fig {{ margin: 6pt 0 8pt 0; break-inside: avoid; text-align: left; hyphens: manual; }}
.fig.span {{ column-span: all; }}
.fig .img {{ background: #b8b8b8; }}
.fig .cap {{ font: {fs * 0.85:.1f}pt/1.2 {FONTS["sans"]}; margin-top: 3pt; }}
.fig .credit {{ display: block; font-size: {fs * 0.7:.1f}pt; text-align: right;
  text-transform: uppercase; }}
.jumpline {{ font: italic 8pt {FONTS["sans"]}; text-align: right; margin-top: 6pt; }}
.cont {{ page: cont; break-before: page; }}
.jumphead {{ font-size: {fs * 2:.1f}pt; font-weight: bold; margin: 0 0 2pt 0; }}
.jumpfrom {{ font: italic 8pt {FONTS["sans"]}; margin: 0 0 8pt 0; }}
"""


def _pull_quote_html(pq: PullQuote, css: str) -> str:
    body = "<br>".join(html.escape(line) for line in pq.lines)
    # A <div>, not a <span>: the pull quote may stand between paragraphs.
    attr = ""
    if pq.attribution:
        attr = f'<span class="attr">\u2014 {html.escape(pq.attribution)}</span>'
    return f'<div class="pq {css}">{body}{attr}</div>'


def _figure_html(fig: Figure, plan: ArticlePlan, span: bool) -> str:
    lay = plan.layout
    _width, height = fig.box_size(lay, span)
    credit = ""
    if fig.credit_shown:
        credit = f'<span class="credit">{html.escape(fig.credit_shown)}</span>'
    cls = "fig span" if span else "fig"
    return (f'<div class="{cls}"><div class="img" style="height:{height:.0f}pt"></div>'
            f'<div class="cap">{credit}{html.escape(fig.caption_printed)}</div></div>')


def _block_html(b: Block, first: bool, inline_pq: str | None) -> str:
    """One block as HTML; *inline_pq* is set into the middle of the paragraph.

    The paragraph is cut in two around the pull quote (the second half has
    no indent, so it reads as the same paragraph continuing). A CSS float
    would look the same, but WeasyPrint drops the part of a float that
    overflows a column, which would make the gold lie.
    """
    if b.role == "subhead":
        return f'<h3 class="t">{html.escape(b.text)}</h3>'
    classes = ["t"]
    role = b.role.removeprefix("cont-")
    if role == "question":
        classes.append("question")
    if b.block == "quote":
        classes.append("quote")
    label = f'<span class="label">{html.escape(b.label)}</span>' if b.label else ""
    start = classes + (["first"] if first or b.role.startswith("cont-") else [])
    mid = b.text.find(" ", len(b.text) // 2) if inline_pq is not None else -1
    if inline_pq is None or mid <= 0:
        tail = inline_pq or ""
        return f'<p class="{" ".join(start)}">{label}{html.escape(b.text)}</p>{tail}'
    rest = [*classes, "first"]
    return (f'<p class="{" ".join(start)}">{label}{html.escape(b.text[:mid])}</p>'
            f'{inline_pq}<p class="{" ".join(rest)}">{html.escape(b.text[mid + 1:])}</p>')


def _flow_html(plan: ArticlePlan, blocks: list[Block], last_of: dict[int, int]) -> str:
    """Body blocks with pull quotes and column figures inserted at their anchors.

    *last_of* maps a block index to the position in *blocks* of its last
    piece: an item anchored to a split paragraph goes after the piece that
    ends it, on whichever page that is.
    """
    lay = plan.layout
    out: list[str] = []
    for pos, b, inline_pq, pqs, figs, advert in plan.anchored(blocks, last_of):
        inline = _pull_quote_html(inline_pq, "inline") if inline_pq else None
        out.append(_block_html(b, pos == 0, inline))
        for pq in pqs:
            css = "span" if lay.pull_quote_placement == "span" else ""
            out.append(_pull_quote_html(pq, css))
        out.extend(_figure_html(fig, plan, lay.figure_placement == "span") for fig in figs)
        if advert:
            lines = "<br>".join(html.escape(line) for line in plan.advert)
            out.append(f'<div class="ad">{lines}</div>')
    return "\n".join(out)


def _last_positions(blocks: list[Block]) -> dict[int, int]:
    return {b.para: pos for pos, b in enumerate(blocks)}


def build_html(plan: ArticlePlan) -> str:
    """The whole document as HTML (one article, one or two pages of text)."""
    lay = plan.layout
    head: list[str] = ['<div class="head">']
    for line in plan.masthead:
        head.append(f'<div class="masthead">{html.escape(line)}</div>')
    if plan.kicker:
        head.append(f'<div class="kicker">{html.escape(plan.kicker)}</div>')
    head.append(f"<h1>{html.escape(plan.headline)}</h1>")
    if plan.deck:
        head.append(f'<div class="deck">{html.escape(plan.deck)}</div>')
    if plan.byline:
        head.append(f'<div class="byline">{html.escape(plan.byline)}</div>')
    if plan.dateline:
        head.append(f'<div class="dateline">{html.escape(plan.dateline)}</div>')
    head.append("</div>")
    column_head = lay.headline_width == "column"
    if lay.figure_placement == "top":
        # Under a one-column head the figure stays in that column too.
        head.extend(_figure_html(fig, plan, not column_head) for fig in plan.figures)

    part1 = plan.first_part()
    part2 = plan.second_part()
    # Pieces of a split paragraph share the para index; anchors attach to
    # whichever piece comes last over both pages.
    last1 = _last_positions(part1)
    last2 = _last_positions(part2)
    for para in last2:
        last1.pop(para, None)
    flow1 = _flow_html(plan, part1, last1)
    if column_head:
        # A one-column headline: the head starts the first column's flow.
        body = [f'<div class="cols">{"".join(head)}{flow1}</div>']
        head = []
    else:
        body = [f'<div class="cols">{flow1}</div>']
    if plan.jump_block is not None:
        body.append(f'<p class="jumpline">{html.escape(plan.continued_on or "")}</p>')
        cont = ['<div class="cont">']
        if plan.jump_head_text:
            cont.append(f'<div class="jumphead">{html.escape(plan.jump_head_text)}</div>')
        cont.append(f'<p class="jumpfrom">{html.escape(plan.continued_from or "")}</p>')
        cont.append(f'<div class="cols">{_flow_html(plan, part2, last2)}</div></div>')
        body.extend(cont)
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(plan.headline)}</title>"
            f"<style>{_stylesheet(plan)}</style></head><body>"
            + "\n".join(head) + "\n" + "\n".join(body) + "</body></html>")


def render(plan: ArticlePlan, pdf_path: Path) -> None:
    """Typeset *plan* into *pdf_path* and fill in its furniture.

    A jump must land on exactly two pages; when the first part does not fit
    on page one we move the cut earlier and try again, and drop the jump
    (noting it in the gold) if it still cannot fit.
    """
    import weasyprint  # type: ignore[import-untyped]  # imported here: only the worker processes need it

    fraction = plan.layout.jump_fraction
    doc = weasyprint.HTML(string=build_html(plan)).render()
    for _attempt in range(5):
        if plan.jump_block is None or len(doc.pages) == 2:
            break
        fraction -= 0.12
        if fraction >= 0.1:
            set_jump(plan, fraction)
        if fraction < 0.1 or plan.jump_block is None:
            clear_jump(plan, "jump dropped: page one could not hold its part of the text")
        doc = weasyprint.HTML(string=build_html(plan)).render()
    if plan.jump_block is not None and len(doc.pages) != 2:
        clear_jump(plan, "jump dropped: page one could not hold its part of the text")
        doc = weasyprint.HTML(string=build_html(plan)).render()
    pages = len(doc.pages)
    plan.furniture = plan.printed_furniture(pages)
    doc.write_pdf(str(pdf_path))
