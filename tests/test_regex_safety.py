"""Regex safety: no module-level pattern of the package backtracks out of linear time.

Each compiled pattern is run (``search``, and ``findall`` through every match) against
strings built to make a backtracking engine work hard: long runs of letters,
of letters and apostrophes, of combining marks, of capitals and spaces, each
ending in the one character that makes the match fail late (a hyphen after a
digit, a stop after an at sign ...). The ``regex`` module's own ``timeout``
stops a match that runs too long, inside the engine. A linear pattern takes
milliseconds on these 40,000-character strings; a quadratic one takes seconds.
"""

from __future__ import annotations

import importlib
import pkgutil

import attrs
import pytest
import regex

import newsrepair
from newsrepair._language import Language, available_languages, language_for

UNITS = ["a", "A", "1", " ", ".", "-", "'", ":", "e\u0301", "a ", "A ", "A.", "a'", "Aa ",
         "a.a ", "Q: ", "\u00ad", "a\u2014", "|",
         # Markdown's marks: emphasis, link brackets, tags, headings.
         "*a", "_a", "[a", "<a", "# a"]
TAILS = ["", "!", "!-", "1-", "- ", "!:", "!.", "@a.", "\u00ad\n"]
# At this length a quadratic pattern takes 3-6 s here, far over the timeout,
# so its strict xfail cannot pass by luck on a fast machine.
LENGTH = 40_000
TIMEOUT = 1.0


def nasty_strings() -> list[str]:
    """Every unit repeated to about LENGTH characters, followed by every tail."""
    return [unit * (LENGTH // len(unit)) + tail for unit in UNITS for tail in TAILS]


def module_patterns() -> dict[str, regex.Pattern[str]]:
    """Every compiled pattern bound at module level in the package, by module.name."""
    found: dict[str, regex.Pattern[str]] = {}
    for info in pkgutil.iter_modules(newsrepair.__path__):
        if info.name == "dask":
            continue  # an optional extra's integration; it holds no patterns
        module = importlib.import_module(f"newsrepair.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, regex.Pattern) and not name.startswith("__"):
                found[f"{info.name}.{name}"] = value
    # The phrase patterns of every language the library has resources for.
    for code in available_languages():
        for field in attrs.fields(Language):
            value = getattr(language_for(code), field.name)
            if isinstance(value, regex.Pattern):
                found[f"_language.{code}.{field.name}"] = value
    return found


def slow_input(pattern: regex.Pattern[str], texts: list[str]) -> str | None:
    """The first text (abridged) on which ``pattern`` does not finish within TIMEOUT seconds."""
    for text in texts:
        try:
            # findall walks every match as finditer would, without building
            # a match object for each of them.
            pattern.search(text, timeout=TIMEOUT)
            pattern.findall(text, timeout=TIMEOUT)
        except TimeoutError:
            return f"{text[:6]!r}... {text[-6:]!r}"
    return None


QUADRATIC: dict[str, str] = {}
"""Patterns known to be quadratic (strict xfail, with the input that shows it). The
four found by the first review (_reflow.LAST_WORD, the two HYPHEN_END and FLATTENED)
are now in _shapes and _language, searched from the line end or anchored at a run's
start, and pass like the rest."""

PATTERNS = module_patterns()
NASTY = nasty_strings()


def test_patterns_found() -> None:
    """The collector sees the patterns of every pass (a broken collector tests nothing)."""
    modules = {name.split(".")[0] for name in PATTERNS}
    assert {"_columns", "_normalise", "_reflow", "_shapes", "_language"} <= modules
    assert set(QUADRATIC) <= set(PATTERNS)


@pytest.mark.parametrize(
    "name",
    [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=QUADRATIC[n]))
     if n in QUADRATIC else n for n in sorted(PATTERNS)],
)
def test_pattern_linear_on_nasty_strings(name: str) -> None:
    """The pattern finishes on every nasty string within the timeout."""
    assert None is slow_input(PATTERNS[name], NASTY)


def test_harness_catches_a_quadratic_pattern() -> None:
    """A pattern known to be quadratic (a forward search for letters then a final
    hyphen, as _columns had it) is reported, so the check above can fail."""
    quadratic = regex.compile(r"(\p{L}+)-$")
    assert None is not slow_input(quadratic, ["a" * LENGTH + "1-"])
