"""Page plans: which furniture, pull quotes, figures and jumps a page gets.

A plan is drawn from a seeded :class:`random.Random`, so the same seed gives
the same layouts and therefore the same gold. Renderers only *execute* a plan;
every text they print comes from it, which is how the gold stays exact.
"""

from __future__ import annotations

import random
import re
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from .sources import NewsArticle, SourceCaption, SourceParagraph

#: Invented section labels (kickers). Fixed so layouts are reproducible.
KICKERS: tuple[str, ...] = (
    "World",
    "Nation",
    "Science",
    "Technology",
    "Politics",
    "Business",
    "Culture",
    "Sports",
    "Health",
    "Media",
)
#: Kickers used for interviews.
INTERVIEW_KICKERS: tuple[str, ...] = ("Interview", "Q&A", "The Interview", "In Conversation")
#: Invented newspaper names for running heads.
PAPERS: tuple[str, ...] = (
    "THE WIKINEWS CHRONICLE",
    "The Morning Ledger",
    "THE DAILY COURIER",
    "Evening Gazette",
)
BYLINES: tuple[str, ...] = ("By Wikinews staff", "By Wikinews contributors", "From Wikinews")
#: Edition lines of an invented masthead (printed under the paper's name).
EDITIONS: tuple[str, ...] = ("Late Edition", "Final Edition", "City Edition", "Vol. 12, No. 41")
#: Running heads that are whole sentences (papers print slogans up there).
RUNNING_SENTENCES: tuple[str, ...] = (
    "Read the whole story online every day.",
    "Your news, delivered before breakfast.",
    "Independent reporting since 1901.",
)
#: Invented advertisement boxes, one printed line each (the first is the label).
ADVERTS: tuple[tuple[str, ...], ...] = (
    ("ADVERTISEMENT", "Home delivery from $4 a week", "Call 555-0100 today"),
    ("ADVERTISEMENT", "Garden Centre Spring Sale", "All seedlings half price"),
    ("ADVERTISEMENT", "Harbour Ferries", "Six crossings daily"),
)
#: Section labels that non-interview pieces (reports, notices) print before a
#: paragraph; they look like speaker labels but are not.
SECTION_LABELS: tuple[str, ...] = ("SUMMARY:", "BACKGROUND:", "DATES:", "REACTION:",
                                   "WHAT NEXT:")

# A sentence boundary: end punctuation (maybe followed by a closing quote),
# whitespace, then something that can start a sentence.
_SENT_SPLIT = re.compile(r"(?<=[.!?])([\"'”’)]?)\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (good enough to pick pull quotes)."""
    out: list[str] = []
    start = 0
    for m in _SENT_SPLIT.finditer(text):
        end = m.start() + len(m.group(1))
        out.append(text[start:end].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


@dataclass
class Layout:
    """Typographic choices for one rendering of one article."""

    columns: int
    gutter: str  # "narrow" | "wide"
    gutter_pt: float
    page_size: str  # "letter" | "a4" | "tabloid"
    font: str  # "serif" | "sans"
    font_size: float
    leading: float  # line height as a factor of font size
    paragraph_style: str  # "indent" (first-line indent) | "spaced" (gap between)
    hyphen_char: str  # printed hyphen at automatic breaks
    pull_quotes: int
    pull_quote_placement: str  # inline | between | span | canvas
    pull_quote_broken: bool  # broken into short lines
    figure: bool
    figure_placement: str  # top | column | span | canvas
    jump: bool
    jump_fraction: float  # share of the text that goes on the first page
    interview: bool
    speaker_labels: bool
    label_upper: bool
    kicker: bool
    byline: bool
    dateline: bool
    running_head: bool
    page_number: bool
    page_label: str  # format of the printed page number, e.g. "Page {}"
    first_page: int
    jump_page: int | None
    jump_head: bool
    draw_order: str  # reportlab: where out-of-flow items are drawn (before|between|after)
    # Variety drawn from a separate generator (see add_variety), so adding it
    # left every earlier layout choice as it was.
    headline_width: str = "full"  # full (across columns) | column (one column wide)
    head_gap: str = "tight"  # tight | loose: space between deck, byline and dateline
    section_labels: str = "none"  # none | runin ("SUMMARY: text") | subhead (own line)


@dataclass
class Block:
    """One printed body block (a paragraph or part of one), in reading order."""

    para: int  # index into the gold paragraphs
    role: str
    text: str
    speaker: str | None = None
    label: str | None = None  # printed label ("SARVIS: ") or None
    block: str | None = None  # quote | list_item


@dataclass
class PullQuote:
    """A body sentence repeated in large type."""

    text: str
    attribution: str | None
    lines: list[str]  # printed lines (one when not broken)
    anchor: int  # inserted after (or inside) this block index


@dataclass
class Figure:
    """A grey image box with its caption and credit."""

    caption: SourceCaption
    credit_text: str | None  # the credit as printed ("Photo: NASA")
    anchor: int
    height_frac: float  # box height as a fraction of the column width
    # line: credit on its own line; runin: credit in capitals starting the
    # caption's first line ("JANE DOE A boat at..."); none: not printed.
    credit_style: str = "line"

    @property
    def caption_printed(self) -> str:
        """The caption text as printed (with a run-in credit in front)."""
        if self.credit_style == "runin" and self.caption.credit:
            return f"{self.caption.credit.upper()} {self.caption.text}"
        return self.caption.text

    @property
    def credit_shown(self) -> str | None:
        """The credit line printed apart from the caption, if any."""
        return self.credit_text if self.credit_style == "line" else None

    def box_size(self, layout: Layout, span: bool) -> tuple[float, float]:
        """Width and height (points) of the grey image box in a flowing layout.

        A spanning figure is two columns wide; the height is capped so a wide
        figure never eats most of the page.
        """
        from .pages import column_width

        width = column_width(layout.page_size, layout.columns, layout.gutter_pt)
        if span:
            width = width * min(layout.columns, 2)
        return width, min(width * self.height_frac, 170.0)


@dataclass
class ArticlePlan:
    """Everything a renderer prints for one document."""

    doc_id: str
    source: str
    renderer: str
    seed: int
    layout: Layout
    kicker: str | None
    headline: str
    deck: str | None
    byline: str | None
    dateline: str | None
    blocks: list[Block]
    paragraphs: list[dict[str, Any]]
    pull_quotes: list[PullQuote]
    figures: list[Figure]
    running_head: list[str]
    # Jump: first-page blocks are blocks[:jump_block] plus the first
    # jump_offset characters of blocks[jump_block] (0 = split between blocks).
    jump_block: int | None = None
    jump_offset: int = 0
    continued_on: str | None = None
    continued_from: str | None = None
    jump_head_text: str | None = None
    furniture: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    masthead: list[str] = field(default_factory=list)  # lines above the kicker
    advert: list[str] = field(default_factory=list)  # lines of an advertisement box
    advert_anchor: int = 0  # the box follows this block

    def first_part(self) -> list[Block]:
        """Blocks printed before the jump (all blocks when there is none)."""
        if self.jump_block is None:
            return list(self.blocks)
        out = list(self.blocks[: self.jump_block])
        if self.jump_offset > 0:
            b = self.blocks[self.jump_block]
            out.append(_replace_text(b, b.text[: self.jump_offset].rstrip()))
        return out

    def second_part(self) -> list[Block]:
        """Blocks printed after the jump; a split block continues without its label."""
        if self.jump_block is None:
            return []
        out: list[Block] = []
        b = self.blocks[self.jump_block]
        if self.jump_offset > 0:
            cont = _replace_text(b, b.text[self.jump_offset :].lstrip())
            cont.label = None
            cont.role = "cont-" + b.role
            out.append(cont)
        else:
            out.append(b)
        out.extend(self.blocks[self.jump_block + 1 :])
        return out

    def anchored(
        self, blocks: list[Block], last_of: dict[int, int]
    ) -> list[tuple[int, Block, PullQuote | None, list[PullQuote], list[Figure], bool]]:
        """Each block with what a flowing renderer sets at it, in print order.

        Returns ``(pos, block, inline pull quote, pull quotes after it, figures
        after it, whether the advert box follows it)``. *last_of* maps a
        paragraph index to the position in *blocks* of its last piece: an item
        anchored to a split paragraph goes after the piece that ends it, on
        whichever page that is. Only the first
        quote at an anchor can be set inside the paragraph (inline placement);
        figures follow the block only for in-flow placements (column, span).
        """
        lay = self.layout
        out: list[tuple[int, Block, PullQuote | None, list[PullQuote], list[Figure], bool]] = []
        for pos, b in enumerate(blocks):
            here = last_of.get(b.para) == pos
            pqs = [pq for pq in self.pull_quotes if here and pq.anchor == b.para]
            inline = None
            if pqs and lay.pull_quote_placement == "inline" and b.role != "subhead":
                inline, pqs = pqs[0], pqs[1:]
            figs = [f for f in self.figures if here and f.anchor == b.para] \
                if lay.figure_placement in ("column", "span") else []
            advert = bool(self.advert) and here and b.para == self.advert_anchor
            out.append((pos, b, inline, pqs, figs, advert))
        return out

    def printed_furniture(self, pages: int) -> list[str]:
        """Margin furniture of a flowed rendering over *pages* pages, in page order.

        Running heads on every page, the jump line on page one, the jump head
        and "Continued from" line on page two, and page numbers (the jump page
        number on page two of a jump). Renderers that flow the text (WeasyPrint,
        Typst) print exactly this.
        """
        lay = self.layout
        jump = self.jump_block is not None
        out: list[str] = []
        for i in range(pages):
            out.extend(self.running_head)
            if i == 0:
                out.extend(self.masthead)
                out.extend(self.advert)
            if jump and i == 1:
                if self.jump_head_text:
                    out.append(self.jump_head_text)
                out.append(self.continued_from or "")
            if jump and i == 0:
                out.append(self.continued_on or "")
            if lay.page_number:
                number = lay.jump_page if (jump and i == 1) else None
                out.append(lay.page_label.format(number if number is not None
                                                 else lay.first_page + i))
        return out

    def features(self) -> list[str]:
        """Short tags describing what makes this page hard."""
        lay = self.layout
        f = [f"columns-{lay.columns}", f"gutter-{lay.gutter}", f"renderer-{self.renderer}"]
        f.append("hyphenation")
        if self.kicker:
            f.append("kicker")
        if self.deck:
            f.append("deck")
        if self.byline:
            f.append("byline")
        if self.dateline:
            f.append("dateline")
        if self.pull_quotes:
            f.append("pull-quote")
            f.append(f"pull-quote-{lay.pull_quote_placement}")
            if lay.pull_quote_broken:
                f.append("pull-quote-broken")
        if self.figures:
            f.append("caption")
            if any(fig.credit_shown for fig in self.figures):
                f.append("photo-credit")
            if any(fig.credit_style == "runin" and fig.caption.credit for fig in self.figures):
                f.append("credit-runin")
            if any(fig.credit_style == "none" for fig in self.figures):
                f.append("credit-unprinted")
        # The later variety (add_variety), as (tag, present) pairs.
        variety = (
            ("masthead", bool(self.masthead)),
            ("advert", bool(self.advert)),
            ("headline-column", lay.headline_width == "column"),
            ("head-gaps", lay.head_gap == "loose"),
            (f"section-labels-{lay.section_labels}", lay.section_labels != "none"),
            ("running-head-sentence", any(h in RUNNING_SENTENCES for h in self.running_head)),
            ("jump-head-keyword", bool(self.continued_from)
             and not str(self.continued_from).startswith("Continued")),
            ("soft-hyphens", lay.hyphen_char == "\u00ad"),
        )
        f.extend(tag for tag, present in variety if present)
        if self.jump_block is not None:
            f.append("jump")
        if lay.interview:
            f.append("interview")
            if lay.speaker_labels:
                f.append("speaker-labels")
        if any(b.role == "subhead" for b in self.blocks):
            f.append("subheads")
        if self.running_head:
            f.append("running-head")
        if lay.page_number:
            f.append("page-number")
        if lay.paragraph_style == "indent":
            f.append("indented-paragraphs")
        if self.renderer == "reportlab" and (self.pull_quotes or self.figures):
            f.append("out-of-flow")
        return f

    def layout_dict(self) -> dict[str, Any]:
        """The layout as JSON-able dict, with the summary keys the gold promises."""
        d = asdict(self.layout)
        d["pull_quotes"] = len(self.pull_quotes)
        d["figure"] = bool(self.figures)
        d["figures"] = len(self.figures)
        d["jump"] = self.jump_block is not None
        return d

    def gold(self) -> dict[str, Any]:
        """The gold record (see benchmarks/README.md, "Building the corpus")."""
        return {
            "id": self.doc_id,
            "source": self.source,
            "renderer": self.renderer,
            "layout": self.layout_dict(),
            "features": self.features(),
            "kicker": self.kicker,
            "headline": self.headline,
            "deck": self.deck,
            "byline": self.byline,
            "dateline": self.dateline,
            "paragraphs": self.paragraphs,
            "pull_quotes": [
                {"text": pq.text, "attribution": pq.attribution} for pq in self.pull_quotes
            ],
            "captions": [
                # A credit that is not printed is not in the gold: no
                # system could find it.
                {"text": fig.caption.text,
                 "credit": fig.caption.credit if fig.credit_style != "none" else None,
                 "credit_printed": fig.credit_shown
                 or (fig.caption.credit.upper() if fig.credit_style == "runin"
                     and fig.caption.credit else None)}
                for fig in self.figures
            ],
            # "notes" are printed end notes (none are printed); what the
            # renderer had to change goes to "build_notes".
            "notes": [],
            "build_notes": list(self.notes),
            "furniture": list(self.furniture),
        }


def _replace_text(b: Block, text: str) -> Block:
    return Block(para=b.para, role=b.role, text=text, speaker=b.speaker, label=b.label,
                 block=b.block)


def _weighted(rng: random.Random, choices: list[tuple[Any, float]]) -> Any:
    values = [c[0] for c in choices]
    weights = [c[1] for c in choices]
    return rng.choices(values, weights=weights, k=1)[0]


def doc_rng(seed: int, doc_id: str) -> random.Random:
    """A generator private to one document.

    Seeding per document (string seeds are hashed deterministically by
    :mod:`random`) keeps each layout independent of ``--limit``, of the order
    documents are built in and of the number of worker processes.
    """
    return random.Random(f"{seed}:{doc_id}")


def sample_layout(rng: random.Random, article: NewsArticle, renderer: str) -> Layout:
    """Draw the typographic choices for one rendering."""
    columns = rng.randint(2, 5)
    gutter = rng.choice(["narrow", "wide"])
    gutter_pt = rng.uniform(5.0, 9.0) if gutter == "narrow" else rng.uniform(14.0, 26.0)
    page_size = "tabloid" if columns >= 4 else rng.choice(["letter", "a4"])
    interview = article.is_interview
    # Flowing renderers set pull quotes and figures in the text; ReportLab draws
    # them on the canvas out of flow.
    flowing = renderer in ("weasyprint", "typst")
    pq_places = ["inline", "between", "span"] if flowing else ["canvas"]
    fig_places = ["top", "column", "span"] if flowing else ["canvas"]
    jump = rng.random() < 0.4
    hyphen = rng.choice(["-", "-", "\u2010"])
    first_page = rng.choice([1, 1, 1, 3, 5, 11])
    return Layout(
        columns=columns,
        gutter=gutter,
        gutter_pt=round(gutter_pt, 1),
        page_size=page_size,
        font=rng.choice(["serif", "serif", "sans"]),
        font_size=round(rng.uniform(8.5, 10.5), 1),
        leading=round(rng.uniform(1.15, 1.32), 2),
        paragraph_style=rng.choice(["indent", "indent", "spaced"]),
        # ReportLab always prints "-" at its breaks; Typst prints "-" but writes
        # U+00AD into the text layer, which is what extractors see.
        hyphen_char={"weasyprint": hyphen, "typst": "\u00ad"}.get(renderer, "-"),
        pull_quotes=_weighted(rng, [(0, 0.2), (1, 0.55), (2, 0.25)]),
        pull_quote_placement=rng.choice(pq_places),
        pull_quote_broken=rng.random() < 0.4,
        figure=bool(article.captions) and rng.random() < 0.8,
        figure_placement=rng.choice(fig_places),
        jump=jump,
        jump_fraction=round(rng.uniform(0.4, 0.7), 2),
        interview=interview,
        speaker_labels=interview and rng.random() < 0.5,
        label_upper=rng.random() < 0.5,
        kicker=rng.random() < 0.8,
        byline=rng.random() < 0.75,
        dateline=rng.random() < 0.85,
        running_head=rng.random() < 0.9,
        page_number=rng.random() < 0.9,
        page_label=rng.choice(["{}", "{}", "Page {}", "A{}"]),
        first_page=first_page,
        jump_page=first_page + rng.randint(2, 14) if jump else None,
        jump_head=rng.random() < 0.5,
        draw_order=rng.choice(["before", "between", "after"]),
    )


def _pick_pull_quotes(
    rng: random.Random, article: NewsArticle, count: int, broken: bool
) -> list[tuple[PullQuote, int]]:
    """Choose body sentences to repeat; return them with their source paragraph."""
    pool: list[tuple[str, int, str | None]] = []
    for i, p in enumerate(article.paragraphs):
        if p.kind not in ("body", "answer") or p.block == "list_item":
            continue
        for s in split_sentences(p.text):
            if 50 <= len(s) <= 190:
                pool.append((s, i, p.speaker if p.kind == "answer" else None))
    rng.shuffle(pool)
    out: list[tuple[PullQuote, int]] = []
    for text, para, speaker in pool[:count]:
        lines = _break_lines(text, rng.randint(14, 26)) if broken else [text]
        out.append((PullQuote(text=text, attribution=speaker, lines=lines, anchor=0), para))
    return out


def _break_lines(text: str, width: int) -> list[str]:
    """Greedy line breaking into short lines (pull quotes set ragged)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(cur)
    return lines


def _credit_text(rng: random.Random, credit: str | None) -> str | None:
    if not credit:
        return None
    # Only wording around the credit is invented, never a claim about the source.
    style = rng.choice(["Photo: {}", "Image: {}", "{}", "Photo by {}"])
    return style.format(credit)


def make_plan(
    article: NewsArticle, renderer: str, index: int, seed: int
) -> ArticlePlan:
    """Build the complete plan (and so the gold) for one rendering of *article*."""
    doc_id = f"{article.id}__{renderer}_{index}"
    rng = doc_rng(seed, doc_id)
    lay = sample_layout(rng, article, renderer)
    # The variety added later draws from its own generator, so every choice
    # above (and the layouts floors were first measured on) stays as it was.
    vrng = random.Random(f"{seed}:{doc_id}:variety")
    article = _with_section_labels(vrng, article, lay)

    kicker = None
    if lay.kicker:
        kicker = rng.choice(INTERVIEW_KICKERS if lay.interview else KICKERS)
    # A deck must never repeat body text: only the page title may serve, and
    # only when it differs from the headline.
    deck = article.title if article.title.strip() != article.headline.strip() else None
    if deck is None:
        # Or the lead's first sentence, moved out of the body into the deck.
        article, deck = _lead_deck(vrng, article)
    byline = None
    if lay.byline:
        named = [n for n in article.interviewers if n and n.lower() != "wikinews"]
        byline = f"By {named[0]}" if named and rng.random() < 0.5 else rng.choice(BYLINES)
    dateline = article.dateline if lay.dateline else None

    paragraphs: list[dict[str, Any]] = []
    blocks: list[Block] = []
    for i, p in enumerate(article.paragraphs):
        role = p.kind if p.kind in ("body", "subhead", "question", "answer") else "body"
        paragraphs.append({"text": p.text, "role": role, "speaker": p.speaker})
        label = None
        if lay.speaker_labels and p.speaker and role in ("question", "answer"):
            # Only the first paragraph of a turn carries the label.
            prev = article.paragraphs[i - 1] if i else None
            if prev is None or prev.speaker != p.speaker or prev.kind != p.kind:
                name = p.speaker.upper() if lay.label_upper else p.speaker
                label = f"{name}: "
        blocks.append(Block(para=i, role=role, text=p.text, speaker=p.speaker, label=label,
                            block=p.block))

    # Pull quotes go a few blocks away from the sentence they repeat, as
    # editors place them (never in the very first block).
    pqs: list[PullQuote] = []
    for pq, para in _pick_pull_quotes(rng, article, lay.pull_quotes, lay.pull_quote_broken):
        lo = 0 if len(blocks) == 1 else 1
        anchor = min(len(blocks) - 1, max(lo, para + rng.randint(-2, 2)))
        pq.anchor = anchor
        pqs.append(pq)

    figures: list[Figure] = []
    if lay.figure and article.captions:
        n = min(len(article.captions), _weighted(rng, [(1, 0.7), (2, 0.3)]))
        for cap in rng.sample(list(article.captions), n):
            figures.append(
                Figure(
                    caption=cap,
                    credit_text=_credit_text(rng, cap.credit),
                    anchor=rng.randint(0, max(0, len(blocks) - 1)),
                    height_frac=round(rng.uniform(0.55, 0.9), 2),
                )
            )

    paper = rng.choice(PAPERS)
    running_head: list[str] = []
    if lay.running_head:
        running_head.append(paper)
        if article.dateline and rng.random() < 0.6:
            running_head.append(article.dateline)
        elif kicker and rng.random() < 0.5:
            running_head.append(kicker.upper())

    plan = ArticlePlan(
        doc_id=doc_id,
        source=article.source,
        renderer=renderer,
        seed=seed,
        layout=lay,
        kicker=kicker,
        headline=article.headline,
        deck=deck,
        byline=byline,
        dateline=dateline,
        blocks=blocks,
        paragraphs=paragraphs,
        pull_quotes=pqs,
        figures=figures,
        running_head=running_head,
    )
    if lay.jump:
        set_jump(plan, lay.jump_fraction)
        assert lay.jump_page is not None
        plan.continued_on = rng.choice(
            ["Continued on Page {}", "Continued on page {}", "See {} on Page {}"]
        )
        if plan.continued_on.startswith("See"):
            slug = _slug(article.headline)
            plan.continued_on = plan.continued_on.format(slug, lay.jump_page)
        else:
            plan.continued_on = plan.continued_on.format(lay.jump_page)
        plan.continued_from = f"Continued from Page {lay.first_page}"
        if lay.jump_head:
            plan.jump_head_text = _slug(article.headline)
    add_variety(vrng, plan, article)
    return plan


def _with_section_labels(rng: random.Random, article: NewsArticle, lay: Layout) -> NewsArticle:
    """Print section labels ("SUMMARY:") before some paragraphs of a non-interview piece.

    Reports and notices label their sections; the labels look like interview
    speaker labels, but belong to the body: run in, the label starts the
    paragraph's text; on its own line, it is a subhead paragraph.
    """
    body = [i for i, p in enumerate(article.paragraphs) if p.kind == "body" and not p.block]
    if article.is_interview or len(body) < 3 or rng.random() >= 0.35:
        return article
    lay.section_labels = rng.choice(["runin", "subhead"])
    chosen = sorted(rng.sample(body, min(len(SECTION_LABELS), max(2, len(body) // 3))))
    labels = dict(zip(chosen, rng.sample(SECTION_LABELS, len(chosen)), strict=False))
    paragraphs: list[SourceParagraph] = []
    for i, p in enumerate(article.paragraphs):
        label = labels.get(i)
        if label and lay.section_labels == "subhead":
            paragraphs.append(SourceParagraph(label, "subhead"))
        elif label:
            p = replace(p, text=f"{label} {p.text}")
        paragraphs.append(p)
    return replace(article, paragraphs=tuple(paragraphs))


def _lead_deck(rng: random.Random, article: NewsArticle) -> tuple[NewsArticle, str | None]:
    """Sometimes set the lead's first sentence as the deck (a standfirst).

    The sentence then leaves the body: the gold deck holds it and the gold body
    starts with the lead's second sentence, so a deck still never repeats body
    text. Most sources have no separate title, so without this the decks
    would be too few to score.
    """
    lead = next((i for i, p in enumerate(article.paragraphs) if p.kind == "body"), None)
    if lead is None or rng.random() >= 0.35:
        return article, None
    sentences = split_sentences(article.paragraphs[lead].text)
    if (len(sentences) < 2 or not 30 <= len(sentences[0]) <= 200
            or sentences[0].split(" ")[0] in SECTION_LABELS):
        return article, None
    paragraphs = list(article.paragraphs)
    paragraphs[lead] = replace(paragraphs[lead], text=" ".join(sentences[1:]))
    return replace(article, paragraphs=tuple(paragraphs)), sentences[0]


def add_variety(rng: random.Random, plan: ArticlePlan, article: NewsArticle) -> None:
    """Mastheads, adverts, header widths and gaps, caption credits, keyword jump heads.

    Everything added is printed furniture (mastheads, adverts, running heads,
    jump lines) or a typographic choice; the gold fields stay what they are.
    """
    lay = plan.layout
    flowing = plan.renderer in ("weasyprint", "typst")
    paper = plan.running_head[0] if plan.running_head else rng.choice(PAPERS)
    if rng.random() < 0.4:
        date = article.dateline or "Monday"
        plan.masthead = [paper.upper(), f"{date} \u00b7 {rng.choice(EDITIONS)}"]
    if plan.running_head and rng.random() < 0.3:
        plan.running_head[-1 if len(plan.running_head) > 1 else 0] = rng.choice(
            RUNNING_SENTENCES)
    # ReportLab sets the header across the page and no adverts: its columns
    # are frames cut around out-of-flow boxes, which has no room for either.
    if flowing and rng.random() < 0.4:
        lay.headline_width = "column"
    if rng.random() < 0.5:
        lay.head_gap = "loose"
    if flowing and len(plan.blocks) > 2 and rng.random() < 0.3:
        plan.advert = list(rng.choice(ADVERTS))
        plan.advert_anchor = rng.randint(0, min(2, len(plan.blocks) - 2))
    for fig in plan.figures:
        if fig.caption.credit:
            fig.credit_style = _weighted(rng, [("line", 0.5), ("runin", 0.3), ("none", 0.2)])
    if plan.jump_block is not None and rng.random() < 0.4:
        # The jump head and the "from" line in one: "MECCA, from Page 1".
        plan.continued_from = f"{_slug(article.headline)}, from Page {lay.first_page}"
        plan.jump_head_text = None


def _slug(headline: str) -> str:
    """A one-word jump slug: the longest capitalised word of the headline."""
    words = [w.strip(".,:;'\"!?()") for w in headline.split()]
    caps = [w for w in words if w[:1].isupper() and len(w) > 3 and w.lower() != "wikinews"]
    return (max(caps, key=len) if caps else words[0]).upper()


def set_jump(plan: ArticlePlan, fraction: float) -> None:
    """Place the jump so that about *fraction* of the text is on page one.

    The cut falls at a word boundary inside a body paragraph when possible,
    as in real jumps, which stop mid-sentence.
    """
    total = sum(len(b.text) for b in plan.blocks)
    target = max(1, int(total * fraction))
    seen = 0
    for i, b in enumerate(plan.blocks):
        if seen + len(b.text) >= target:
            cut = target - seen
            if b.role == "subhead" or len(b.text) < 40:
                # Never split a heading; cut before it instead.
                plan.jump_block, plan.jump_offset = max(i, 1), 0
            else:
                sp = b.text.rfind(" ", 0, cut)
                if sp <= 0:
                    sp = b.text.find(" ", cut)
                if sp <= 0:
                    plan.jump_block, plan.jump_offset = max(i, 1), 0
                else:
                    plan.jump_block, plan.jump_offset = i, sp
            if plan.jump_block is not None and plan.jump_block >= len(plan.blocks):
                plan.jump_block = None
            return
        seen += len(b.text)
    plan.jump_block = None


def clear_jump(plan: ArticlePlan, note: str) -> None:
    """Drop a jump the page could not hold, and say so in the gold notes."""
    plan.jump_block = None
    plan.jump_offset = 0
    plan.continued_on = plan.continued_from = plan.jump_head_text = None
    plan.notes.append(note)
