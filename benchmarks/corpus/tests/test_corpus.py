"""Tests of the corpus generator on small invented articles.

Run with ``python -m pytest benchmarks/corpus/tests``. Rendering tests are
skipped when WeasyPrint/ReportLab or poppler are not installed.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from benchmarks.corpus.build import BuildOptions, build
from benchmarks.corpus.check import gold_words, missing_words
from benchmarks.corpus.extract import collapse_layout
from benchmarks.corpus.overproof import join_gold_lines
from benchmarks.corpus.plan import make_plan, split_sentences
from benchmarks.corpus.sources import NewsArticle, SourceCaption, SourceParagraph, load_sources

NEWS: dict[str, Any] = {
    "id": "test_news",
    "genre": "interview",
    "title": "Invented interview about river boats",
    "headline": "Invented interview about river boats",
    "dateline": "Monday, January 5, 2015",
    "paragraphs": [
        {"text": "The river boat company opened a new route along the northern bank of the "
                 "river this week, carrying passengers between four small towns.", "kind": "body"},
        {"text": "Interview", "kind": "subhead"},
        {"text": "Why did you choose the northern bank for the new route?",
         "kind": "question", "speaker": "Wikinews"},
        {"text": "Most of the passengers we talked to live on that side of the water. "
                 "They told us that the old ferry was always late and often full.",
         "kind": "answer", "speaker": "Jane Doe"},
    ] * 3,
    "captions": [{"text": "A river boat at the northern pier.", "credit": "Jane Doe"}],
    "interviewers": ["Wikinews"],
}
OVERPROOF: dict[str, Any] = {
    "id": "overproof_test",
    "newspaper": "The Test Herald",
    "year": 1900,
    "gold_lines": ["THE HARBOUR.", "The steamer arrived at the wharf with a", "large num-",
                   "ber of passengers from the north-", "east coast. The Thorns-", "hope",
                   "party left at noon."],
    "ocr_lines": ["THE HARBOUR.", "Tlie steamer arrived at the wharf with a", "large num-",
                  "bcr of passengers from the north-", "east coast. The Thorns-", "hope",
                  "party left at noon."],
}


def _article() -> NewsArticle:
    return NewsArticle(
        id="test_news", source="news/test_news.json", genre="interview",
        title=str(NEWS["title"]), headline=str(NEWS["headline"]),
        dateline=str(NEWS["dateline"]),
        paragraphs=tuple(SourceParagraph(p["text"], p["kind"], p.get("speaker"))
                         for p in NEWS["paragraphs"]),
        captions=(SourceCaption("A river boat at the northern pier.", "Jane Doe"),),
    )


def test_join_gold_lines_dehyphenates_known_words_only() -> None:
    text = join_gold_lines(OVERPROOF["gold_lines"])
    assert "large number of passengers" in text
    assert "Thorns-hope" in text  # not a known word: the hyphen stays
    assert text.startswith("THE HARBOUR. The steamer")


def test_split_sentences() -> None:
    assert split_sentences('He said "yes." Then he left. 3 boats came.') == [
        'He said "yes."', "Then he left.", "3 boats came."]


def test_plan_is_reproducible_and_gold_is_source_text() -> None:
    a = _article()
    g1 = make_plan(a, "weasyprint", 0, 7).gold()
    g2 = make_plan(a, "weasyprint", 0, 7).gold()
    assert g1 == g2
    texts = [p["text"] for p in g1["paragraphs"]]
    source = [p.text for p in a.paragraphs]
    if g1["deck"] is None:
        assert texts == source
    else:
        # title == headline, so a deck is the lead's first sentence, moved out of the body.
        assert source[0] == f"{g1['deck']} {texts[0]}" and texts[1:] == source[1:]
    lead = SourceParagraph("The boat company opened a new route this week. It carries "
                           "passengers between four towns.", "body")
    two = replace(a, paragraphs=(lead, *a.paragraphs[1:]))
    decks = [make_plan(two, "typst", i, 7).gold()["deck"] for i in range(12)]
    assert None in decks and any(decks)
    for pq in g1["pull_quotes"]:
        assert any(pq["text"] in p.text for p in a.paragraphs)
    layouts = {json.dumps(make_plan(a, "weasyprint", i, 7).gold()["layout"]) for i in range(6)}
    assert len(layouts) > 1


def test_collapse_layout() -> None:
    assert collapse_layout("  left col    right col  \nx") == "left col right col\nx"


def test_missing_words_counts_repeats_and_line_breaks() -> None:
    gold = {"kicker": None, "headline": "Boats", "paragraphs": [{"text": "river boats"}],
            "pull_quotes": [{"text": "river boats"}], "captions": [], "furniture": ["7"]}
    assert missing_words(gold, "Boats\nriv-\ner boats\nriver boats") == []
    assert sorted(missing_words(gold, "Boats\nriver boats")) == ["boats", "river"]


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("weasyprint", "reportlab", "typst", "pypdf"))
    or shutil.which("pdftotext") is None,
    reason="rendering dependencies not installed",
)
def test_build_small_corpus(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "news").mkdir(parents=True)
    (src / "op").mkdir()
    (src / "news" / "test_news.json").write_text(json.dumps(NEWS))
    (src / "op" / "overproof_test.json").write_text(json.dumps(OVERPROOF))
    assert len(load_sources(src).news) == 1
    out = tmp_path / "out"
    manifest = build(BuildOptions(source=src, out=out, seed=3, layouts=1, jobs=1, ocr=False,
                                  extractors=("pdftotext", "pdftotext_raw", "pypdf"),
                                  quiet=True))
    assert manifest["failures"] == []
    ids = [d["id"] for d in manifest["documents"]]
    assert ids == ["test_news__weasyprint_0", "test_news__reportlab_0", "test_news__typst_0",
                   "overproof_test__overproof_0"]
    for doc in manifest["documents"]:
        assert doc["gold_check"]["missing_words"] == 0
        assert (out / doc["dir"] / "page.pdf").exists()
        gold = json.loads((out / doc["dir"] / "gold.json").read_text())
        assert gold["id"] == doc["id"]
    op = manifest["documents"][-1]
    assert "ocr_original" in op["extractors"]
    assert (out / op["dir"] / "extract" / "ocr_original.txt").read_text().startswith("THE")


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("reportlab", "pypdf"))
    or shutil.which("pdftotext") is None,
    reason="rendering dependencies not installed",
)
def test_overproof_long_article_gets_real_pages(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from benchmarks.corpus import overproof
    from benchmarks.corpus.extract import run_extractors
    from benchmarks.corpus.sources import OverproofArticle

    lines = tuple(f"line {i} of a long article with a long line of justified words {i}"
                  for i in range(400))
    art = OverproofArticle(id="op_long", source="op_long.json", newspaper="The Test Herald",
                           year=1900, gold_lines=lines, ocr_lines=lines)
    pdf = tmp_path / "page.pdf"
    gold = overproof.render(art, 0, 1, pdf)
    assert len(PdfReader(str(pdf)).pages) == gold["layout"]["pages"] > 1
    texts = run_extractors(pdf, ["pdftotext_raw", "pdftotext"])
    assert missing_words(gold, *texts.values()) == []


def test_typst_literals_keep_text_verbatim() -> None:
    from benchmarks.corpus.render_typst import build_source, lit

    assert lit('a "b" \\ #c') == '"a \\"b\\" \\\\ #c"'
    plan = make_plan(_article(), "typst", 0, 7)
    source = build_source(plan)
    # Every body text is a string literal, never markup Typst could reinterpret.
    for b in plan.blocks:
        assert lit(b.text) in source or b.role.startswith("cont-")


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("typst", "pypdf"))
    or shutil.which("pdftotext") is None,
    reason="rendering dependencies not installed",
)
def test_typst_render_prints_the_gold_with_soft_hyphens(tmp_path: Path) -> None:
    from benchmarks.corpus import render_typst
    from benchmarks.corpus.extract import run_extractors

    for index in range(4):
        plan = make_plan(_article(), "typst", index, 11)
        pdf = tmp_path / f"page{index}.pdf"
        render_typst.render(plan, pdf)
        gold = plan.gold()
        texts = run_extractors(pdf, ["pdftotext_raw", "pdftotext"])
        assert missing_words(gold, *texts.values()) == []
        pages = len(texts["pdftotext"].split("\f")) - 1
        assert gold["furniture"] == plan.printed_furniture(pages)
    # Same plan, same bytes (no creation date in the PDF).
    again = tmp_path / "again.pdf"
    render_typst.render(make_plan(_article(), "typst", 3, 11), again)
    assert again.read_bytes() == (tmp_path / "page3.pdf").read_bytes()
    # Typst writes its automatic hyphens as U+00AD into the text layer.
    assert "\u00ad\n" in texts["pdftotext_raw"]


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("typst", "pypdf", "pymupdf", "pymupdf4llm")),
    reason="PyMuPDF extractors not installed",
)
def test_pymupdf_extractors(tmp_path: Path) -> None:
    import re

    from pypdf import PdfReader

    from benchmarks.corpus import render_typst
    from benchmarks.corpus.extract import run_extractors

    names = ["pymupdf", "pymupdf_dehyphenate", "pymupdf4llm_md", "pymupdf4llm_text"]
    line_end = re.compile("[-\u00ad]\n")
    long_words = SourceParagraph(
        "The municipality's representatives deliberated extraordinarily comprehensively "
        "about internationalisation, telecommunications and responsibilities. " * 4, "body")
    article = replace(_article(), paragraphs=(long_words,) * 3)
    hyphenated = 0
    for index in range(4):
        plan = make_plan(article, "typst", index, 5)
        pdf = tmp_path / f"page{index}.pdf"
        render_typst.render(plan, pdf)
        texts = run_extractors(pdf, names)
        assert sorted(texts) == sorted(names)
        pages = len(PdfReader(str(pdf)).pages)
        for name, text in texts.items():
            assert text.count("\f") == pages - 1, name  # pages joined by form feeds
            # pymupdf4llm joins lines and keeps Typst's U+00AD before a space
            # ("representa\u00ad tives"): real damage, but the words are there.
            # Its layout analysis may also lose a word or two at a column edge,
            # so it gets a 2 % allowance; plain PyMuPDF must lose nothing.
            joined = re.sub("\u00ad\\s*", "", text)
            lost = len(missing_words(plan.gold(), joined))
            allowed = 0.02 * sum(gold_words(plan.gold()).values()) if "4llm" in name else 0
            assert lost <= allowed, (name, lost)
        if line_end.search(texts["pymupdf"]):
            hyphenated += 1
            # TEXT_DEHYPHENATE joins every word broken at a line end.
            assert not line_end.search(texts["pymupdf_dehyphenate"])
    assert hyphenated


def _report() -> NewsArticle:
    """A non-interview piece with a credited caption and enough paragraphs to label."""
    paras = tuple(SourceParagraph(f"The council met on day {i} and agreed to repair the old "
                                  f"harbour wall before the winter storms arrive.", "body")
                  for i in range(9))
    return replace(_article(), id="test_report", genre="news", paragraphs=paras)


def test_variety_is_in_the_right_gold_fields() -> None:
    from benchmarks.corpus.plan import ADVERTS, SECTION_LABELS

    seen: set[str] = set()
    for index in range(40):
        for renderer in ("weasyprint", "typst", "reportlab"):
            plan = make_plan(_report(), renderer, index, 3)
            gold = plan.gold()
            furniture = plan.printed_furniture(1)
            body = [p["text"] for p in gold["paragraphs"]]
            features = set(gold["features"])
            seen |= features
            # Mastheads and adverts are furniture, never body or header fields.
            for line in plan.masthead + plan.advert:
                assert line in furniture and line not in body
                assert line not in (gold["kicker"], gold["headline"], gold["deck"])
            assert not plan.advert or tuple(plan.advert) in ADVERTS
            if renderer == "reportlab":
                assert not plan.advert and plan.layout.headline_width == "full"
            # Section labels stay in the body: a subhead paragraph or the text's start.
            labels = [p for p in body if p.split(" ")[0] in SECTION_LABELS or p in SECTION_LABELS]
            assert bool(labels) == (plan.layout.section_labels != "none")
            assert all(p["speaker"] is None for p in gold["paragraphs"])
            for cap, fig in zip(gold["captions"], plan.figures, strict=True):
                if fig.credit_style == "none":
                    assert cap["credit"] is None and cap["credit_printed"] is None
                elif fig.credit_style == "runin":
                    assert fig.caption_printed.startswith(cap["credit"].upper() + " ")
    for feature in ("masthead", "advert", "headline-column", "head-gaps", "credit-runin",
                    "credit-unprinted", "section-labels-runin", "section-labels-subhead",
                    "running-head-sentence", "soft-hyphens"):
        assert feature in seen, feature


@pytest.mark.skipif(
    not all(importlib.util.find_spec(m) for m in ("weasyprint", "typst", "pypdf"))
    or shutil.which("pdftotext") is None,
    reason="rendering dependencies not installed",
)
def test_variety_pages_print_their_gold(tmp_path: Path) -> None:
    from benchmarks.corpus import render_typst, render_weasy
    from benchmarks.corpus.extract import run_extractors

    renderers = {"weasyprint": render_weasy.render, "typst": render_typst.render}
    for index in range(6):
        for name, render in renderers.items():
            plan = make_plan(_report(), name, index, 3)
            pdf = tmp_path / f"{name}{index}.pdf"
            render(plan, pdf)
            texts = run_extractors(pdf, ["pdftotext_raw", "pdftotext"])
            assert missing_words(plan.gold(), *texts.values()) == [], (name, index)
