"""The public API: exports, the frozen data model, Config, serialisation and the CLI."""

from __future__ import annotations

import ast
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import newsrepair
from newsrepair import (
    DEFAULT_PASSES,
    PASSES,
    Article,
    Caption,
    Config,
    Finding,
    Paragraph,
    PullQuote,
    Repair,
    repair,
)

from _support import difference

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour_bridge.txt"
PUBLIC_CLASSES = [Article, Caption, Config, Finding, Paragraph, PullQuote, Repair]

DAMAGED = (
    "Bridge reopens after repair\n\n"
    "By Mara Lindqvist\n\n"
    "The harbour bridge reopened to traffic on Sat-\n"
    "urday morning after a two-year repair that sent\n"
    "commuters on a forty-minute detour through the\n"
    "industrial district, the city council said.\n\n"
    "A new cycle lane runs along the east side.\n\n"
    "Cyclists on the new lane on Saturday.\n"
    "Photo: Jonas Falk\n"
)


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then functions."""
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return (kind, name)


# ---------------------------------------------------------------- exports


def test_all_sorted() -> None:
    """``__all__`` is sorted (constants, classes, functions, each alphabetically)."""
    assert sorted(newsrepair.__all__, key=_isort_key) == list(newsrepair.__all__)


def test_all_names_exist() -> None:
    """Every name in ``__all__`` is importable from the package."""
    assert [] == [name for name in newsrepair.__all__ if not hasattr(newsrepair, name)]


def test_passes_registry_matches_default_passes() -> None:
    """``PASSES`` names exactly the passes of ``DEFAULT_PASSES``, in order."""
    assert list(DEFAULT_PASSES) == list(PASSES)


def test_version() -> None:
    """The package has a version string."""
    assert str is type(newsrepair.__version__)


# ---------------------------------------------------------------- data model


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda c: c.__name__)
def test_public_class_is_frozen_attrs_with_docstring(cls: type) -> None:
    """Every public class is a frozen attrs class with a docstring."""
    assert (True, True) == (attrs.has(cls), bool(inspect.getdoc(cls)))
    params = attrs.fields(cls)
    assert [] == [f.name for f in params if f.on_setattr not in (None, attrs.setters.NO_OP)]
    instance = cls() if cls in (Article, Config) else _example(cls)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, params[0].name, params[0].default)


def _example(cls: type) -> object:
    return {
        Caption: Caption("A caption.", "Photo: X"),
        Finding: Finding("paragraph_cut", (0, 1), "cut"),
        Paragraph: Paragraph("Text."),
        PullQuote: PullQuote("Quote", "Name"),
        Repair: Repair("dehyphenate", (3, 4), "-", "", 0.9),
    }[cls]


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda c: c.__name__)
def test_public_methods_have_docstrings(cls: type) -> None:
    """Every public method and property of a public class has a docstring."""
    missing = [
        name for name, member in vars(cls).items()
        if not name.startswith("_") and callable(getattr(member, "__func__", member))
        and not inspect.getdoc(member)
    ]
    assert [] == missing


def test_repair_has_docstring() -> None:
    """``repair`` is documented."""
    assert True is bool(inspect.getdoc(repair))


def test_article_text_joins_paragraphs() -> None:
    """``Article.text`` is the paragraph texts joined by blank lines."""
    article = Article(paragraphs=(Paragraph("One."), Paragraph("Two.")))
    assert "One.\n\nTwo." == article.text


def test_spans_are_converted_to_int_tuples() -> None:
    """Spans given as lists (as from JSON) become tuples of ints."""
    assert ((1, 2), (3, 4)) == Paragraph("x", spans=[[1, 2], [3, 4]]).spans
    assert (5, 6) == Repair("join", [5, 6], "", "", 1.0).span


def test_paragraph_roles_are_known() -> None:
    """Repaired paragraphs only use the documented roles."""
    roles = {p.role for p in repair(EXAMPLE.read_text(encoding="utf-8")).paragraphs}
    assert set() == roles - {"body", "subhead", "question", "answer"}


# ---------------------------------------------------------------- Config


def test_config_defaults() -> None:
    """The default config runs every pass with an 0.8 confidence bar."""
    config = Config()
    assert (DEFAULT_PASSES, 0.8) == (config.passes, config.min_confidence)


def test_config_evolve() -> None:
    """``evolve`` returns a changed copy and leaves the original alone."""
    base = Config()
    changed = base.evolve(min_confidence=0.95)
    assert (0.8, 0.95) == (base.min_confidence, changed.min_confidence)


def test_config_unknown_override_raises() -> None:
    """An unknown setting name raises TypeError, in evolve and in repair."""
    with pytest.raises(TypeError):
        Config().evolve(min_confidense=0.9)
    with pytest.raises(TypeError):
        repair("Text.", min_confidense=0.9)


def test_config_unknown_pass_raises() -> None:
    """An unknown pass name raises ValueError listing the known passes."""
    with pytest.raises(ValueError, match="known passes"):
        Config(passes=("normalise", "spellcheck"))


@pytest.mark.parametrize("language", ["xx", ""])
def test_config_unknown_language_raises_value_error(language: str) -> None:
    """An unsupported language is refused up front with a ValueError naming it."""
    with pytest.raises(ValueError, match="language"):
        repair(DAMAGED, config=Config(language=language))


def test_config_is_keyword_only() -> None:
    """Config takes keywords only."""
    with pytest.raises(TypeError):
        Config(("normalise",))  # type: ignore[misc]


def test_repair_overrides_equal_config() -> None:
    """``repair(text, **overrides)`` equals ``repair(text, config=Config(**overrides))``."""
    assert repair(DAMAGED, config=Config(min_confidence=0.9)) == repair(
        DAMAGED, min_confidence=0.9)


def test_repair_overrides_evolve_given_config() -> None:
    """Overrides apply on top of the given config."""
    config = Config(use_lexicon=False)
    assert repair(DAMAGED, config=config.evolve(min_confidence=0.99)) == repair(
        DAMAGED, config=config, min_confidence=0.99)


def test_repair_rejects_non_config() -> None:
    """A config that is not a Config raises TypeError."""
    with pytest.raises(TypeError, match="Config"):
        repair("Text.", config={"min_confidence": 0.9})  # type: ignore[arg-type]


COLUMN = (
    "The harbour authority said on Thursday that it\n"
    "would close the old ferry terminal next spring\n"
    "and move all passenger services to the new quay\n"
    "on the eastern side of the bay, a decision that\n"
    "surprised many of the island's regular com-\n"
    "muters and several local business owners.\n"
)


def test_default_bar_joins_column() -> None:
    """At the default bar the wrapped column is one paragraph with "commuters"."""
    article = repair(COLUMN)
    assert (1, True) == (len(article.paragraphs), "regular commuters and" in article.text)


def test_higher_bar_reports_refused_edits() -> None:
    """Above an edit's confidence a finding is reported instead (README's promise)."""
    article = repair(COLUMN, min_confidence=0.96)
    hyphen = COLUMN.index("com-") + 3
    assert True is any(f.span[0] <= hyphen < f.span[1] for f in article.findings)


def test_passes_can_be_switched_off() -> None:
    """With only the segmenter, every line is a paragraph and nothing is edited."""
    article = repair("The first line\nthe second line.\n", passes=("segment",))
    assert ["The first line", "the second line."] == [p.text for p in article.paragraphs]
    assert () == article.repairs


def test_reflow_off_keeps_body() -> None:
    """Switching reflow off keeps every body line (one paragraph per line)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    article = repair(text, passes=tuple(p for p in DEFAULT_PASSES if p != "reflow"))
    assert True is ("The Northgate harbour bridge reopened to traffic" in article.text)


def test_hyphens_off_logs_soft_hyphen() -> None:
    """With the hyphens pass off, a line-end soft hyphen is still accounted for."""
    text = "The council will meet again on Thurs\u00ad\nday to vote on the harbour budget.\n"
    article = repair(text, passes=tuple(p for p in DEFAULT_PASSES if p != "hyphens"))
    assert {} == difference(text, article)


def test_without_lexicon() -> None:
    """``use_lexicon=False`` still repairs by document evidence and rules."""
    article = repair(DAMAGED, use_lexicon=False)
    assert "Bridge reopens after repair" == article.headline


# ---------------------------------------------------------------- serialisation

# (to_dict raised TypeError under attrs 26 until asdict's removed
# retain_collection_types argument was dropped; these tests cover the fix.)

def test_to_dict_round_trip() -> None:
    """``Article.from_dict(a.to_dict()) == a``."""
    article = repair(EXAMPLE.read_text(encoding="utf-8"))
    assert article == Article.from_dict(article.to_dict())


def test_to_dict_json_round_trip() -> None:
    """The dict survives JSON (lists for tuples) and rebuilds the same article."""
    article = repair(EXAMPLE.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(article.to_dict()))
    assert article == Article.from_dict(data)


def test_to_dict_has_text() -> None:
    """The dict carries the body text for consumers that only want that."""
    article = repair(DAMAGED)
    assert article.text == article.to_dict()["text"]


def test_from_dict_of_empty_mapping() -> None:
    """An empty mapping gives an empty article."""
    assert Article() == Article.from_dict({})


def test_to_markdown_has_headline() -> None:
    """Markdown output starts the headline with '# ' and ends with a newline."""
    markdown = repair(DAMAGED).to_markdown()
    assert (True, True) == ("# Bridge reopens after repair" in markdown, markdown.endswith("\n"))


def test_to_markdown_has_body_caption_and_byline() -> None:
    """Markdown output holds the byline, the body and the caption."""
    markdown = repair(DAMAGED).to_markdown()
    wanted = ["By Mara Lindqvist", "reopened to traffic on Saturday morning",
              "*Caption:* Cyclists on the new lane on Saturday."]
    assert wanted == [w for w in wanted if w in markdown]


# ---------------------------------------------------------------- CLI


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run(
        [sys.executable, "-m", "newsrepair", *args], cwd=ROOT, env=env, input=stdin,
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def test_cli_json() -> None:
    """``python -m newsrepair FILE --format json`` prints the article as JSON."""
    done = _cli("examples/harbour_bridge.txt", "--format", "json")
    assert (0, "") == (done.returncode, done.stderr)
    data = json.loads(done.stdout)
    expected = repair(EXAMPLE.read_text(encoding="utf-8"))
    assert expected == Article.from_dict(data)


def test_cli_text_from_stdin() -> None:
    """``-`` reads standard input; ``--format text`` prints the whole article as text."""
    done = _cli("-", "--format", "text", stdin=DAMAGED)
    assert (0, repair(DAMAGED).to_text()) == (done.returncode, done.stdout)


def test_cli_markdown_explain() -> None:
    """Markdown output with ``--explain``: the article on stdout, the repairs on stderr."""
    done = _cli("examples/harbour_bridge.txt", "--format", "markdown", "--explain")
    assert 0 == done.returncode
    assert [True, True, False] == ["# Harbour bridge reopens" in done.stdout,
                                   "R301 dehyphenate" in done.stderr,
                                   "R301" in done.stdout]


def test_cli_missing_file() -> None:
    """A missing file gives a non-zero exit code."""
    assert 0 != _cli("no/such/file.txt").returncode


# ---------------------------------------------------------------- README example


@pytest.fixture(scope="module")
def example() -> Article:
    """The bundled example article, repaired once."""
    return repair(EXAMPLE.read_text(encoding="utf-8"))


def test_readme_headline_and_first_paragraph(example: Article) -> None:
    """The README's "After" block: headline and first paragraph."""
    assert ("Harbour bridge reopens after two-year repair",
            "The Northgate harbour bridge reopened to traffic on Saturday morning after a "
            "two-year repair that closed the city's busiest crossing and sent commuters on a "
            "forty-minute detour through the industrial district.") == (
        example.headline, example.paragraphs[0].text)


def test_readme_first_repair(example: Article) -> None:
    """The README's "After" block: the first repair joins "com-" + "muters"."""
    assert ("dehyphenate", "com-|muters: 'commuters' is a common word → commuters") == (
        example.repairs[0].kind, example.repairs[0].note)


def test_readme_kept_hyphen_and_set_asides(example: Article) -> None:
    """ "city-" + "owned" keeps its hyphen; pull quote and captioned photo leave the body."""
    assert (True, 1, 1) == ("The city-owned company" in example.text,
                            len(example.pull_quotes), len(example.captions))
    assert ("Jonas Falk/Courier", "Continued on Page 7") == (
        example.captions[0].credit, example.furniture[1])


def test_readme_furniture(example: Article) -> None:
    """The README's "After" block: the running head with its spacing collapsed."""
    assert "The Northgate Courier Monday, May 4 3" == example.furniture[0]


# ---------------------------------------------------------------- test-suite style


def test_every_test_has_a_docstring() -> None:
    """Every test function in the suite says what it checks."""
    missing = []
    for path in sorted(Path(__file__).resolve().parent.glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
                    and not ast.get_docstring(node)):
                missing.append(f"{path.name}::{node.name}")
    assert [] == missing
