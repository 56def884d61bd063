"""The canonical layouts: a fixed text loses nothing and fixing it again changes nothing.

Every golden input and, when present, every text of the shared corpus (read
in place, never copied) is repaired and written in both canonical layouts;
the written text must hold every input character that no repair consumed,
``repair()`` must read it back into the same fields, and writing that again
must give the same text.
"""

from __future__ import annotations

from collections import Counter

import pytest

from newsrepair import Article, Caption, Paragraph, PullQuote, Repair, repair
from newsrepair._canonical import is_canonical, recognise
from newsrepair._render import printed_labels, render, without_spans
from test_corpus import CORPUS, corpus_texts
from test_golden import FILES, input_text, load_cases

from _support import non_ws

STYLES = ("text", "markdown")


def golden_texts() -> list[tuple[str, str]]:
    """(id, input) for every golden case."""
    return [(c["id"], input_text(c)) for name in FILES for c in load_cases(name)]


def lost(text: str, article: Article, written: str) -> Counter[str]:
    """Input characters neither in the written text nor in any repair's ``before``."""
    have = non_ws(written)
    for r in article.repairs:
        have.update(non_ws(r.before))
    return non_ws(text) - have


def round_trip_problems(name: str, text: str) -> list[str]:
    """What goes wrong for one text in either layout (empty when all is well)."""
    problems = []
    article = repair(text)
    for style in STYLES:
        written = render(article, style)
        if lost(text, article, written):
            problems.append(f"{name}/{style}: lost {dict(lost(text, article, written))}")
        again = repair(written)
        if without_spans(again) != without_spans(article):
            problems.append(f"{name}/{style}: read back into different fields")
        if render(again, style) != written:
            problems.append(f"{name}/{style}: fixing again changes the text")
    return problems


@pytest.mark.parametrize(("name", "text"), golden_texts(), ids=[n for n, _ in golden_texts()])
def test_golden_round_trip(name: str, text: str) -> None:
    """Golden inputs: nothing lost, same fields read back, a second fix changes nothing."""
    assert [] == round_trip_problems(name, text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
def test_corpus_round_trip() -> None:
    """Corpus texts: nothing lost, same fields read back, a second fix changes nothing."""
    problems = [p for name, text in corpus_texts() for p in round_trip_problems(name, text)]
    assert [] == problems


INTERVIEW = Article(
    headline="Talking to the minister",
    paragraphs=(
        Paragraph("An introduction with a colon: it is body text.", "body", None, ((0, 40),)),
        Paragraph("What now?", "question", "IRNA", ((50, 59),)),
        Paragraph("We wait.", "answer", "MASOUDI", ((70, 78),)),
        Paragraph("And the rest of the answer.", "answer", "MASOUDI", ((80, 100),)),
        Paragraph("And then?", "question", "IRNA", ((110, 119),)),
        Paragraph("[Laughs] Then we go.", "answer", "MASOUDI", ((130, 150),)),
        Paragraph("Q> looks like markup", "body", None, ((160, 170),)),
        Paragraph("-30-", "body", None, ((171, 175),)),
    ),
    repairs=(
        Repair("speaker_label", (44, 49), "IRNA:", "", 0.95),
        Repair("speaker_label", (60, 68), "MASOUDI:", "", 0.95),
        Repair("speaker_label", (104, 109), "IRNA:", "", 0.95),
    ),
)


def test_labels_where_printed() -> None:
    """Labels appear where a speaker_label repair took them out, and nowhere else."""
    assert frozenset({1, 2, 4}) == printed_labels(INTERVIEW)
    text = INTERVIEW.to_text()
    marked = [b for b in text.split("\n\n") if b[:2] in ("Q[", "A[", "A>", "\\Q", "\\-")]
    assert ["Q[IRNA]> What now?", "A[MASOUDI]> We wait.", "A> And the rest of the answer.",
            "Q[IRNA]> And then?", "A> [Laughs] Then we go.", "\\Q> looks like markup",
            "\\-30-"] == marked


@pytest.mark.parametrize("style", STYLES)
def test_interview_reads_back(style: str) -> None:
    """Inherited speakers, escaped markup and bracketed text survive a round trip."""
    written = render(INTERVIEW, style)
    again = recognise(written)
    assert again is not None
    assert (without_spans(INTERVIEW), written) == (without_spans(again), render(again, style))


def test_set_aside_reads_back() -> None:
    """Pull quotes with attribution, captions with credit, notes and furniture come back."""
    article = Article(
        paragraphs=(Paragraph("Body."),),
        pull_quotes=(PullQuote("Said it.", "A Person"), PullQuote("Unattributed.")),
        captions=(Caption("A photo.", "Jo Lens"), Caption("No credit.")),
        notes=("A note.",),
        furniture=("Page 3",),
    )
    for style in STYLES:
        again = recognise(render(article, style))
        assert again is not None and without_spans(article) == without_spans(again)


@pytest.mark.parametrize(
    "text",
    [
        "Just a paragraph.\n\nAnother one.\n",
        "Headline: x\n\n-30-",  # no final newline
        "Headline: x\n\nBody.\n\n-30-\n\nNot a set-aside block\n",
        "Byline: b\nHeadline: h\n\nBody.\n\n-30-\n",  # header out of order
        "Body.\n\n-30-\n\nNote: n\n\nCaption: c\n",  # set-aside out of order
        "Body\nwrapped.\n\n-30-\n",  # a paragraph over two lines
        "Body.  Two spaces.\n\n-30-\n\n\n",
        "Q[]> empty label\n\n-30-\n",
    ],
)
def test_not_canonical(text: str) -> None:
    """Anything but the exact layout goes to the normal pipeline."""
    assert not is_canonical(text)


def test_canonical_input_is_not_reparsed_as_new_input() -> None:
    """A body-only article stays body-only: its first paragraph is not taken for a headline."""
    article = Article(paragraphs=(Paragraph("Storm closes port"), Paragraph("The port closed.")))
    again = repair(article.to_text())
    assert (None, 2) == (again.headline, len(again.paragraphs))


def test_pipeline_interview_labels_where_printed() -> None:
    """Through the real pipeline: a turn's later paragraph gets no label it did not have."""
    text = ("IRNA: What now for the talks?\n\nMASOUDI: We wait for the other side.\n\n"
            "That is all I can say today.\n\nIRNA: And then?\n\nMASOUDI: Then we go on.\n")
    article = repair(text)
    body = article.to_text().split("\n\n-30-")[0].split("\n\n")
    assert ["Q[IRNA]> What now for the talks?", "A[MASOUDI]> We wait for the other side.",
            "A> That is all I can say today.", "Q[IRNA]> And then?",
            "A[MASOUDI]> Then we go on."] == body
    again = repair(article.to_text())
    assert without_spans(article).paragraphs == without_spans(again).paragraphs
