"""Invariants over the shared corpus of real texts (``../shared/corpus``), when present.

The corpus lives outside the repository and nothing of it is copied here: the
OverProof files hold real OCR'd newspaper columns (``ocr_lines``), the
Wikinews files clean article paragraphs. Every text must come through with
nothing lost and deterministically; idempotency does not hold yet (strict
xfail with the reason).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsrepair import repair

from _support import difference

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS} (kept outside the repository)"
)


def corpus_texts() -> list[tuple[str, str]]:
    """(name, text) for every OCR'd column and every clean article of the corpus."""
    texts = []
    for path in sorted(CORPUS.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("ocr_lines"):
            texts.append((f"{path.stem}:ocr", "\n".join(data["ocr_lines"])))
        if data.get("paragraphs"):
            paragraphs = "\n\n".join(p["text"] for p in data["paragraphs"])
            texts.append((f"{path.stem}:paragraphs", paragraphs))
    return texts


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str]]:
    """The corpus texts, read once."""
    found = corpus_texts()
    assert found, f"no corpus texts under {CORPUS}"
    return found


def test_corpus_nothing_lost(texts: list[tuple[str, str]]) -> None:
    """No character of any corpus text is lost."""
    assert [] == [name for name, text in texts if difference(text, repair(text))]


def test_corpus_deterministic(texts: list[tuple[str, str]]) -> None:
    """Every corpus text gives the same article twice."""
    assert [] == [name for name, text in texts if repair(text) != repair(text)]


@pytest.mark.xfail(strict=True, reason="some texts change on a second repair (4 of 493 at the "
                   "last count, all historical OCR): the column de-interleaver moves fragments of "
                   "long OCR paragraphs, or OCR noise at the top reads as a title once alone")
def test_corpus_idempotent(texts: list[tuple[str, str]]) -> None:
    """Repairing the repaired body of any corpus text changes nothing."""
    changed = []
    for name, text in texts:
        once = repair(text).text
        if repair(once).text != once:
            changed.append(name)
    assert [] == changed
