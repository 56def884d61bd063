"""Golden rules: one small damaged (or clean) text per phenomenon, in JSON.

The cases live in ``tests/golden/*.json``, in the manner of ftfy's test data:

- ``synthetic.json``: damaged input and the fields a repair must give;
- ``negative.json``: clean input that must come out unchanged;
- ``known-failures.json``: cases the library cannot pass yet, each with a
  ``why``; they run as ``xfail(strict=True)`` so a fix is noticed.

Each case is ``{"id", "name", "input", "expect"}`` (and ``why`` for a known
failure). ``input`` is the text as an extractor wrote it (a list of lines,
joined with ``"\\n"``, is also accepted). See :data:`CHECKS` for the keys that
``expect`` may hold.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsrepair import Article, repair

from _support import difference

GOLDEN = Path(__file__).resolve().parent / "golden"
FILES = ("synthetic.json", "negative.json", "known-failures.json")


def load_cases(name: str) -> list[dict[str, Any]]:
    """Read one golden file."""
    with open(GOLDEN / name, encoding="utf-8") as handle:
        data: list[dict[str, Any]] = json.load(handle)
    return data


def input_text(case: dict[str, Any]) -> str:
    """The case's input: a string, or a list of lines joined by newlines."""
    raw = case["input"]
    return raw if isinstance(raw, str) else "\n".join(raw)


def _subset(expected: list[str], actual: list[str]) -> tuple[list[str], list[str]]:
    """Return (expected, expected items also found in actual), for an == assert."""
    return sorted(set(expected)), sorted(set(expected) & set(actual))


def _check_contains(article: Article, expected: list[str]) -> None:
    assert expected == [s for s in expected if s in article.text]


def _check_not_contains(article: Article, expected: list[str]) -> None:
    assert [] == [s for s in expected if s in article.text]


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _check_furniture(article: Article, expected: list[str]) -> None:
    """Each expected item is a furniture entry (runs of spaces compare as one)."""
    furniture = {_squeeze(f) for f in article.furniture}
    assert expected == [s for s in expected if _squeeze(s) in furniture]


def _check_repair_kinds(article: Article, expected: list[str]) -> None:
    want, got = _subset(expected, [r.kind for r in article.repairs])
    assert want == got


def _check_finding_kinds(article: Article, expected: list[str]) -> None:
    want, got = _subset(expected, [f.kind for f in article.findings])
    assert want == got


def _check_no_repairs(article: Article, expected: bool) -> None:
    if expected:
        assert [] == [(r.kind, r.before, r.after) for r in article.repairs]


def _check_no_findings(article: Article, expected: bool) -> None:
    if expected:
        assert [] == [(f.kind, f.message) for f in article.findings]


def _field(name: str) -> Callable[[Article, Any], None]:
    def check(article: Article, expected: Any) -> None:
        assert expected == getattr(article, name)

    return check


CHECKS: dict[str, Callable[[Article, Any], None]] = {
    "text": _field("text"),
    "paragraphs": lambda a, e: _check_list(e, [p.text for p in a.paragraphs]),
    "contains": _check_contains,
    "not_contains": _check_not_contains,
    "headline": _field("headline"),
    "kicker": _field("kicker"),
    "deck": _field("deck"),
    "byline": _field("byline"),
    "dateline": _field("dateline"),
    "pull_quotes": lambda a, e: _check_list(e, [q.text for q in a.pull_quotes]),
    "attributions": lambda a, e: _check_list(e, [q.attribution for q in a.pull_quotes]),
    "captions": lambda a, e: _check_list(e, [c.text for c in a.captions]),
    "credits": lambda a, e: _check_list(e, [c.credit for c in a.captions]),
    "furniture_contains": _check_furniture,
    "notes": lambda a, e: _check_list(e, list(a.notes)),
    "roles": lambda a, e: _check_list(e, [p.role for p in a.paragraphs]),
    "speakers": lambda a, e: _check_list(e, [p.speaker for p in a.paragraphs]),
    "repair_kinds": _check_repair_kinds,
    "finding_kinds": _check_finding_kinds,
    "no_repairs": _check_no_repairs,
    "no_findings": _check_no_findings,
}
"""Every key ``expect`` may hold, and how it is checked against the article."""


def _check_list(expected: list[Any], actual: list[Any]) -> None:
    assert expected == actual


def check_case(case: dict[str, Any]) -> None:
    """Repair the case's input and check every expectation it lists."""
    article = repair(input_text(case))
    for key, expected in case["expect"].items():
        CHECKS[key](article, expected)


def _params(name: str, xfail: bool = False) -> list[Any]:
    out = []
    for case in load_cases(name):
        marks = [pytest.mark.xfail(reason=case["why"], strict=True)] if xfail else []
        out.append(pytest.param(case, id=f"{case['id']}-{case['name']}", marks=marks))
    return out


@pytest.mark.parametrize("case", _params("synthetic.json"))
def test_synthetic(case: dict[str, Any]) -> None:
    """A damaged text is repaired into exactly the expected fields."""
    check_case(case)


@pytest.mark.parametrize("case", _params("negative.json"))
def test_negative(case: dict[str, Any]) -> None:
    """A clean text comes through with the expected fields and nothing changed."""
    check_case(case)


@pytest.mark.parametrize("case", _params("known-failures.json", xfail=True))
def test_known_failure(case: dict[str, Any]) -> None:
    """A case the library does not pass yet (strict xfail: passing is reported)."""
    check_case(case)


def test_case_files_are_well_formed() -> None:
    """Every case has a unique id, a name, an input and only known expectation keys."""
    seen: list[str] = []
    problems: list[str] = []
    for name in FILES:
        for case in load_cases(name):
            seen.append(case["id"])
            missing = {"id", "name", "input", "expect"} - set(case)
            if missing:
                problems.append(f"{case.get('id')}: missing {sorted(missing)}")
            unknown = set(case.get("expect", {})) - set(CHECKS)
            if unknown:
                problems.append(f"{case['id']}: unknown keys {sorted(unknown)}")
            if name == "known-failures.json" and not case.get("why"):
                problems.append(f"{case['id']}: known failure without 'why'")
    assert [] == problems
    assert sorted(set(seen)) == sorted(seen)


def test_enough_cases() -> None:
    """The golden set covers at least 45 phenomena."""
    total = sum(len(load_cases(name)) for name in FILES)
    assert total >= 45


def test_refused_edits_leave_findings() -> None:
    """Under a 0.99 bar, every edit made at the default bar is either still made or reported.

    ("Under-repair beats over-repair": below the bar a finding stands in for
    the edit, over the same input span.)
    """
    silent = []
    for name in FILES:
        for case in load_cases(name):
            text = input_text(case)
            strict = repair(text, min_confidence=0.99)
            kept = {(r.kind, r.span) for r in strict.repairs}
            for r in repair(text).repairs:
                if r.confidence >= 0.99 or (r.kind, r.span) in kept:
                    continue
                end = max(r.span[1] - 1, r.span[0])
                if not any(f.span[0] <= end and f.span[1] >= r.span[0] for f in strict.findings):
                    silent.append((case["id"], r.kind, r.span))
    assert [] == silent


def test_every_case_keeps_the_invariants() -> None:
    """On every golden input: nothing lost, idempotent, repair spans point at their text."""
    broken = []
    for name in FILES:
        for case in load_cases(name):
            text = input_text(case)
            article = repair(text)
            if difference(text, article):
                broken.append((case["id"], "lost"))
            if repair(article.text).text != article.text:
                broken.append((case["id"], "not idempotent"))
            if any(text[r.span[0]:r.span[1]] != r.before for r in article.repairs
                   if r.kind not in ("join", "reorder", "move")):
                broken.append((case["id"], "span"))
    assert [] == broken
