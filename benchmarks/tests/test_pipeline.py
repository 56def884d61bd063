"""The scorer end to end on the fixture corpus, the peers, and the gate's floor logic."""

from __future__ import annotations

from benchmarks.gate import compare, measured, updated_floors
from benchmarks.peers import build_systems, segment_run_together, textacy_baseline_dehyphenate
from benchmarks.report import headline_markdown, split_markdown
from benchmarks.score import FIXTURE_CORPUS, part_view, score_corpus
from benchmarks.split import part_of


def test_score_fixture_corpus_with_raw_peer() -> None:
    results = score_corpus(FIXTURE_CORPUS, systems=["raw"], jobs=1, progress=False)
    assert results["documents"] == 2
    assert {r["extractor"] for r in results["rows"]} == {"pdftotext", "layout_collapsed", "ocr"}
    overall = results["overall"]["raw"]
    assert 0 < overall["body_wer"] < 1
    assert overall["hyphen_acc"] == 0.0  # raw text keeps every line-end hyphen
    assert "two_column" in results["by_feature"]["raw"]
    # The OCR fixture glues "reading room" and friends: the derived slice finds it.
    assert results["by_feature"]["raw"]["slice:run-together"]["runtogether_n"] == 3
    table = headline_markdown(results, speed=None)
    assert "| **all** | raw |" in table


def test_peers_clean_what_they_claim() -> None:
    names = [s.name.split("-")[0] for s in build_systems(["raw", "textacy", "unstructured"])]
    assert names == ["raw", "unstructured", "textacy"]
    assert textacy_baseline_dehyphenate("coun-\ncil") == "council"
    assert segment_run_together("a readingroom here") == "a reading room here"
    # Known words and names are left alone.
    assert segment_run_together("Tuesday Fennimore") == "Tuesday Fennimore"


def test_gate_compare_and_update() -> None:
    values = {"all": {"body_wer": 0.2, "para_f1": 0.8}}
    floors = {"tolerance": 0.01, "floors": {"all": {"body_wer": {"max": 0.25}}}}
    rows = compare(floors, values)
    assert rows == [("all", "body_wer", "max", 0.25, 0.2, True)]
    new, changes = updated_floors(floors, values, allow_lower=False)
    assert new["floors"]["all"]["body_wer"] == {"max": 0.21}
    assert new["floors"]["all"]["para_f1"] == {"min": 0.79}
    assert len(changes) == 2
    # A worse measurement never loosens a floor without allow_lower.
    worse = {"all": {"body_wer": 0.3, "para_f1": 0.5}}
    same, changes = updated_floors(new, worse, allow_lower=False)
    assert same["floors"] == new["floors"] and not changes
    assert [r[5] for r in compare(new, worse)] == [False, False]
    lowered, changes = updated_floors(new, worse, allow_lower=True)
    assert lowered["floors"]["all"]["para_f1"] == {"min": 0.49}


def test_gate_missing_metric_fails() -> None:
    floors = {"floors": {"extractor:ocr": {"order": {"min": 0.5}}}}
    assert compare(floors, {"all": {}})[0][5] is False


def test_gate_groups_from_results() -> None:
    results = score_corpus(FIXTURE_CORPUS, systems=["newsrepair"], jobs=1, progress=False)
    groups = measured(results)
    assert set(groups) == {
        "all",
        "extractor:pdftotext",
        "extractor:layout_collapsed",
        "extractor:ocr",
    }



def test_parts_are_scored_apart() -> None:
    results = score_corpus(FIXTURE_CORPUS, systems=["raw"], jobs=1, progress=False)
    for part in ("tuning", "heldback"):
        rows = [r for r in results["rows"] if r["part"] == part]
        assert all(part_of(r["doc"]) == part for r in rows)
        docs = results["parts"][part].get("overall", {}).get("raw", {}).get("docs", 0)
        assert docs == len(rows)
        assert part_view(results, part)["overall"] == results["parts"][part]["overall"]
    assert sum(results["parts"][p]["overall"]["raw"]["docs"] for p in ("tuning", "heldback")
               if results["parts"][p].get("overall")) == results["overall"]["raw"]["docs"]
    table = split_markdown(results, system="raw")
    assert "| **all** |" in table and "furniture left in body" in table
