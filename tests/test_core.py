"""The core's promises: one edit path, one registry of kinds.

Every repair goes through the same confidence bar; every kind the library can
emit is registered with a stable rule code, and the documentation's tables
are the registry's.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsrepair import FINDING_KINDS, REPAIR_KINDS, Config, Finding, Repair, repair
from newsrepair._kinds import markdown_tables
from test_golden import FILES, input_text, load_cases

DOCS = Path(__file__).resolve().parent.parent / "docs" / "pipeline.md"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_c86172af70846193.txt"


def golden_inputs() -> list[str]:
    """Every golden input text."""
    return [input_text(case) for name in FILES for case in load_cases(name)]


@pytest.mark.parametrize("bar", [0.86, 0.91, 0.96, 0.99, 1.0])
def test_no_repair_under_the_bar(bar: float) -> None:
    """At any ``min_confidence``, no repair of any kind is under it (R102, R202, R203 were)."""
    texts = golden_inputs()
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    under = [
        (r.kind, r.confidence)
        for text in texts
        for r in repair(text, min_confidence=bar).repairs
        if r.confidence < bar
    ]
    assert [] == under


def test_refused_kinds_are_reported_under_their_weak_kind() -> None:
    """A speaker label under the bar stays in the text and leaves its registered finding."""
    text = (
        "Q: What happened on the bridge?\n\n"
        "A: The deck gave way under the weight of the trucks.\n\n"
        "Q: Who was hurt?\n\n"
        "A: Nobody, by luck."
    )
    article = repair(text, min_confidence=0.99)
    assert [] == [r for r in article.repairs if r.kind == "speaker_label"]
    assert "uncertain_speaker_label" in {f.kind for f in article.findings}
    assert article.paragraphs[0].text.startswith("Q:")
    default = repair(text)
    assert "Q" == default.paragraphs[0].speaker


def test_every_kind_has_a_unique_code() -> None:
    """Codes are unique, R for repairs and W for findings, three digits."""
    codes = [k.code for k in (*REPAIR_KINDS.values(), *FINDING_KINDS.values())]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"R\d{3}", k.code) for k in REPAIR_KINDS.values())
    assert all(re.fullmatch(r"W\d{3}", k.code) for k in FINDING_KINDS.values())


def test_weak_kinds_are_findings() -> None:
    """Each repair kind that can be refused names a registered finding kind."""
    weak = {k.weak for k in REPAIR_KINDS.values() if k.weak is not None}
    assert set() == weak - set(FINDING_KINDS)


def test_unregistered_kinds_are_refused() -> None:
    """The data model accepts only registered kinds."""
    with pytest.raises(ValueError):
        Repair("made_up", (0, 1), "a", "b", 1.0)
    with pytest.raises(ValueError):
        Finding("possible_made_up", (0, 1), "message")


def test_docs_tables_are_the_registry() -> None:
    """docs/pipeline.md holds the registry's tables, row for row."""
    text = DOCS.read_text(encoding="utf-8")
    repairs, findings = markdown_tables()
    assert repairs in text
    assert findings in text


def test_config_passes_in_pipeline_order() -> None:
    """Config.passes runs in pipeline order; another order is refused, not ignored."""
    assert ("normalise", "hyphens") == Config(passes=("normalise", "hyphens")).passes
    with pytest.raises(ValueError, match="order"):
        Config(passes=("hyphens", "normalise"))


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_languages_without_resources_are_refused(language: str) -> None:
    """A language with no word lists and patterns is refused, naming those there are."""
    with pytest.raises(ValueError, match="languages there are: en"):
        repair("Der Hafen wurde am Samstag wieder geöffnet.", language=language)


def test_english_variants_use_english_resources() -> None:
    """A regional code runs its base language's resources."""
    text = "The council met on Tuesday.\n\nIt voted to rebuild the harbour wall."
    assert repair(text).to_dict() == repair(text, language="en-GB").to_dict()


def test_keep_prefixes_default_to_the_language() -> None:
    """Config.keep_prefixes left unset means the language's own prefix list."""
    from newsrepair._language import language_for, prefixes_of

    assert language_for("en").compound_prefixes == prefixes_of(Config())
    assert ("so",) == prefixes_of(Config(keep_prefixes=("so",)))


def test_every_config_field_is_used() -> None:
    """No setting is dead: each Config field is read somewhere in the library."""
    import attrs

    package = Path(__file__).resolve().parent.parent / "newsrepair"
    source = "\n".join(
        p.read_text(encoding="utf-8") for p in package.glob("*.py") if p.name != "_config.py"
    )
    unused = [
        f.name
        for f in attrs.fields(Config)
        if f"config.{f.name}" not in source and f"cfg.{f.name}" not in source
    ]
    assert [] == unused
