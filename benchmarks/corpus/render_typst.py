"""Render an :class:`ArticlePlan` with Typst (the ``typst`` PyPI package).

Typst is a third, independent typesetting engine: its own line breaker
(Knuth-Plass style, whole paragraphs at once), its own hyphenation patterns
and its own column balancing (``page(columns: n)``). Headers, spanning pull
quotes and spanning figures are parent-scoped floats, so they sit above (or
below) all columns while the flow runs underneath. Typst writes its automatic
hyphens into the PDF text layer as U+00AD SOFT HYPHEN, which is what
extractors then see at line ends: a damage pattern the other two engines do
not make.

Every printed text is passed to Typst as a *string literal*, never as markup,
so no Typst syntax (smart quotes, ``--`` dashes, ``*strong*``) can change a
character of the gold.
"""

from __future__ import annotations

from pathlib import Path

from .pages import MARGIN, PAGE_SIZES
from .plan import ArticlePlan, Block, Figure, PullQuote, clear_jump, set_jump

FONTS = {"serif": ("Liberation Serif", "DejaVu Serif"),
         "sans": ("DejaVu Sans", "Liberation Sans")}


def lit(text: str) -> str:
    """*text* as a Typst string literal (shown verbatim when placed in markup)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _font(kind: str) -> str:
    return "(" + ", ".join(lit(f) for f in FONTS[kind]) + ")"


def _page_label(plan: ArticlePlan) -> str:
    """Footer code: the printed page number of the current physical page."""
    lay = plan.layout
    prefix, _, suffix = lay.page_label.partition("{}")
    if lay.jump_page is not None and plan.jump_block is not None:
        # Page two of a jump is the jump page, not first_page + 1.
        number = f"(if p == 2 {{ {lay.jump_page} }} else {{ {lay.first_page} + p - 1 }})"
    else:
        number = f"({lay.first_page} + p - 1)"
    return f"{lit(prefix)} + str({number}) + {lit(suffix)}"


def _preamble(plan: ArticlePlan) -> str:
    lay = plan.layout
    w, h = PAGE_SIZES[lay.page_size]
    fs = lay.font_size
    header = "none"
    if plan.running_head:
        left = lit(plan.running_head[0])
        right = lit(plan.running_head[1]) if len(plan.running_head) > 1 else '""'
        header = (f"text(size: 7.5pt, font: {_font('sans')}, hyphenate: false, "
                  f"grid(columns: (1fr, 1fr), align(left, {left}), align(right, {right})))")
    footer = "none"
    if lay.page_number:
        footer = (f"context {{ let p = here().page(); align(center, text(size: 7.5pt, "
                  f"font: {_font('sans')}, {_page_label(plan)})) }}")
    # Typst's leading is the gap between lines, not the line height.
    leading = max(0.1, fs * (lay.leading - 1.0) + fs * 0.25)
    spacing = leading if lay.paragraph_style == "indent" else leading + fs * 0.7
    indent = "1.2em" if lay.paragraph_style == "indent" else "0pt"
    # No date: the same plan must give a byte-identical PDF (README, --seed).
    return f"""#set document(title: {lit(plan.headline)}, date: none)
#set page(width: {w}pt, height: {h}pt, margin: (top: {MARGIN + 10}pt, bottom: {MARGIN + 6}pt,
  x: {MARGIN}pt), columns: {lay.columns}, header: {header}, footer: {footer})
#set columns(gutter: {lay.gutter_pt}pt)
#set text(font: {_font(lay.font)}, size: {fs}pt, lang: "en", hyphenate: true)
#set par(justify: true, leading: {leading:.2f}pt, spacing: {spacing:.2f}pt,
  first-line-indent: {indent})
#set block(spacing: {spacing:.2f}pt)
"""


def _head(plan: ArticlePlan) -> str:
    """Masthead, kicker, headline, deck, byline and dateline.

    Across all columns they are one parent float at the top of page one; a
    one-column head is simply the start of the first column's flow.
    """
    lay = plan.layout
    fs = lay.font_size
    # Loose heads leave a blank line's worth between the lines, which
    # extractors print as blank lines.
    gap = 14 if lay.head_gap == "loose" else 2
    parts: list[str] = []
    for i, line in enumerate(plan.masthead):
        size = 16 if i == 0 else 8
        parts.append(f"#align(center, block(below: 2pt, text(font: {_font('sans')}, "
                     f"weight: \"bold\", size: {size}pt, hyphenate: false, {lit(line)})))")
    if plan.kicker:
        parts.append(f"#block(below: 4pt, stroke: (bottom: 1pt), inset: (bottom: 2pt), "
                     f"text(font: {_font('sans')}, weight: \"bold\", size: 9pt, "
                     f"upper({lit(plan.kicker)})))")
    parts.append(f"#block(below: 6pt, text(size: {fs * 2.6:.1f}pt, weight: \"bold\", "
                 f"hyphenate: false, {lit(plan.headline)}))")
    if plan.deck:
        parts.append(f"#block(below: {max(6, gap)}pt, text(size: {fs * 1.45:.1f}pt, "
                     f"style: \"italic\", "
                     f"hyphenate: false, {lit(plan.deck)}))")
    for line in (plan.byline, plan.dateline):
        if line:
            parts.append(f"#block(below: {gap}pt, text(font: {_font('sans')}, size: 8pt, "
                         f"{lit(line)}))")
    inner = "\n".join(parts)
    if lay.headline_width == "column":
        return (f"#block(below: 10pt)[\n#set par(justify: false, first-line-indent: 0pt)\n"
                f"{inner}\n]\n")
    return (f"#place(top, float: true, scope: \"parent\", clearance: 10pt)[\n"
            f"#set par(justify: false, first-line-indent: 0pt)\n{inner}\n]\n")


def _pull_quote(pq: PullQuote, plan: ArticlePlan, span: bool) -> str:
    fs = plan.layout.font_size
    lines = " \\ ".join(f"#{lit(line)}" for line in pq.lines)
    attr = ""
    if pq.attribution:
        dash = "\u2014 "
        attr = (f"\\ #text(size: {fs:.1f}pt, weight: \"regular\", "
                f"{lit(dash + pq.attribution)})")
    size = fs * (2.1 if span else 1.7)
    box = (f"block(breakable: false, width: 100%, inset: (y: 4pt), "
           f"stroke: (top: 2pt, bottom: 1pt))[#set par(justify: false, first-line-indent: 0pt)\n"
           f"#set text(size: {size:.1f}pt, weight: \"bold\", hyphenate: false)\n"
           f"#align({'center' if span else 'left'})[{lines}{attr}]]")
    if span:
        # A parent float: the quote stands across all columns of the page.
        return f"#place(auto, float: true, scope: \"parent\", clearance: 10pt, {box})"
    return f"#{box}"


def _figure(fig: Figure, plan: ArticlePlan, span: bool) -> str:
    lay = plan.layout
    width, height = fig.box_size(lay, span)
    fs = lay.font_size
    credit = ""
    if fig.credit_shown:
        credit = (f"#align(right, text(size: {fs * 0.7:.1f}pt, upper({lit(fig.credit_shown)})))\n")
    box_width = f"{width:.0f}pt" if span else "100%"
    box = (f"block(breakable: false, width: {box_width})["
           f"#rect(width: 100%, height: {height:.0f}pt, fill: luma(184), stroke: none)\n"
           f"#set par(justify: false, first-line-indent: 0pt)\n"
           f"#set text(font: {_font('sans')}, size: {fs * 0.85:.1f}pt, hyphenate: false)\n"
           f"{credit}#{lit(fig.caption_printed)}]")
    if span:
        return f"#place(top, float: true, scope: \"parent\", clearance: 10pt, {box})"
    return f"#{box}"


def _block(b: Block, inline_pq: str | None) -> str:
    """One body block as markup; *inline_pq* is set into the middle of the paragraph."""
    if b.role == "subhead":
        return f"#block(above: 6pt, below: 3pt, sticky: true, text(weight: \"bold\", " \
               f"size: 1.15em, hyphenate: false, {lit(b.text)}))"
    role = b.role.removeprefix("cont-")
    weight = "bold" if role == "question" else "regular"
    style = "italic" if b.block == "quote" else "normal"
    label = f"#text(weight: \"bold\", {lit(b.label)})" if b.label else ""

    def para(text: str, with_label: bool, indent: bool) -> str:
        lead = label if with_label else ""
        body = f"#text(weight: \"{weight}\", style: \"{style}\", {lit(text)})"
        # A continuation (after a jump or an inline pull quote) has no indent:
        # it reads as the same paragraph going on.
        pre = "" if indent else "#set par(first-line-indent: 0pt)\n"
        inner = f"{pre}{lead}{body}"
        if b.block == "quote":
            return f"#pad(left: 1.2em, right: 0.6em)[{inner}]"
        return f"#[{inner}\n]" if pre else f"{inner}"

    cont = b.role.startswith("cont-")
    mid = b.text.find(" ", len(b.text) // 2) if inline_pq is not None else -1
    if inline_pq is None or mid <= 0:
        out = para(b.text, True, not cont)
        return out + (f"\n\n{inline_pq}" if inline_pq else "")
    return (para(b.text[:mid], True, not cont) + f"\n\n{inline_pq}\n\n"
            + para(b.text[mid + 1:], False, False))


def _flow(plan: ArticlePlan, blocks: list[Block], last_of: dict[int, int]) -> str:
    """Body blocks with pull quotes and figures inserted after their anchors."""
    lay = plan.layout
    out: list[str] = []
    for _pos, b, inline_pq, pqs, figs, advert in plan.anchored(blocks, last_of):
        inline = _pull_quote(inline_pq, plan, span=False) if inline_pq else None
        out.append(_block(b, inline))
        out.extend(_pull_quote(pq, plan, lay.pull_quote_placement == "span") for pq in pqs)
        out.extend(_figure(fig, plan, lay.figure_placement == "span") for fig in figs)
        if advert:
            lines = " \\ ".join(f"#{lit(line)}" for line in plan.advert)
            out.append(f"#block(breakable: false, width: 100%, stroke: 1.5pt, inset: 4pt)["
                       f"#set text(font: {_font('sans')}, size: 8pt, hyphenate: false)\n"
                       f"#set par(justify: false, first-line-indent: 0pt)\n"
                       f"#align(center)[{lines}]]")
    return "\n\n".join(out)


def build_source(plan: ArticlePlan) -> str:
    """The whole document as Typst source."""
    parts = [_preamble(plan), _head(plan)]
    if plan.layout.figure_placement == "top":
        # Under a one-column head the figure stays in that column too.
        span = plan.layout.headline_width != "column"
        parts.extend(_figure(fig, plan, span=span) for fig in plan.figures)
    part1, part2 = plan.first_part(), plan.second_part()
    last1 = {b.para: pos for pos, b in enumerate(part1)}
    last2 = {b.para: pos for pos, b in enumerate(part2)}
    for para in last2:
        last1.pop(para, None)
    parts.append(_flow(plan, part1, last1))
    if plan.jump_block is not None:
        parts.append(f"#align(right, text(font: {_font('sans')}, style: \"italic\", size: 8pt, "
                     f"{lit(plan.continued_on or '')}))")
        parts.append("#pagebreak()")
        head = ""
        if plan.jump_head_text:
            head = (f"#block(below: 2pt, text(size: {plan.layout.font_size * 2:.1f}pt, "
                    f"weight: \"bold\", {lit(plan.jump_head_text)}))\n")
        parts.append(f"#place(top, float: true, scope: \"parent\", clearance: 8pt)[{head}"
                     f"#text(font: {_font('sans')}, style: \"italic\", size: 8pt, "
                     f"{lit(plan.continued_from or '')})]")
        parts.append(_flow(plan, part2, last2))
    return "\n\n".join(parts) + "\n"


def _compile(plan: ArticlePlan) -> bytes:
    import typst  # imported here: only the worker processes need it

    pdf = typst.compile(build_source(plan).encode("utf-8"))
    assert isinstance(pdf, bytes)
    return pdf


def _pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def render(plan: ArticlePlan, pdf_path: Path) -> None:
    """Typeset *plan* into *pdf_path* and fill in its furniture.

    Typst fills columns one after the other and does not balance them, so a
    jump cut at the plan's fraction could leave page one half empty. Compiling
    takes a few hundredths of a second, so the cut is searched instead: the
    largest share of the text (at a word boundary, see :func:`set_jump`) that
    still leaves exactly two pages, i.e. page one full and the rest on the
    jump page. Without such a cut the jump is dropped and noted in the gold.
    """
    pdf = _compile(plan)
    if plan.jump_block is not None:
        lo, hi, best = 0.1, 0.95, None
        for _step in range(7):
            mid = (lo + hi) / 2
            set_jump(plan, mid)
            if plan.jump_block is not None and _pages(_compile(plan)) == 2:
                best, lo = mid, mid
            else:
                hi = mid
        if best is None:
            clear_jump(plan, "jump dropped: no cut fills page one and fits the jump page")
        else:
            set_jump(plan, best)
            plan.layout.jump_fraction = round(best, 3)
        pdf = _compile(plan)
    plan.furniture = plan.printed_furniture(_pages(pdf))
    pdf_path.write_bytes(pdf)
