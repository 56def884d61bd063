"""The one configuration object: which passes run and the thresholds they use."""

from __future__ import annotations

from typing import Any

import attrs
import regex

LANGUAGE_CODE = regex.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
DEFAULT_PASSES = (
    "normalise",
    "segment",
    "classify",
    "pullquotes",
    "reflow",
    "interview",
    "hyphens",
    "wordfix",
)


def _passes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(
            f"passes must be a tuple of pass names such as ('normalise', 'hyphens'), "
            f"not the string {value!r}"
        )
    names = tuple(value)
    unknown = [n for n in names if n not in DEFAULT_PASSES]
    if unknown:
        raise ValueError(f"unknown pass name(s) {unknown}; known passes are {DEFAULT_PASSES}")
    if len(set(names)) != len(names):
        raise ValueError(f"passes names a pass twice: {names}")
    ordered = tuple(n for n in DEFAULT_PASSES if n in names)
    if names != ordered:
        # Each pass reads what the earlier ones found, so they always run in
        # pipeline order; a different order would be silently ignored.
        raise ValueError(
            f"passes must be given in pipeline order {ordered}, not {names}: "
            "the passes depend on each other's results"
        )
    return names


def _language_code(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str) or not LANGUAGE_CODE.match(value):
        raise ValueError(f"language must be a language code such as 'en' or 'pt-BR', not {value!r}")


@attrs.frozen(kw_only=True)
class Config:
    """Settings for :func:`newsrepair.repair`; evolve it with keyword overrides.

    ``min_confidence`` is the bar an edit must clear: below it a
    :class:`~newsrepair.Finding` is reported instead of an edit.
    """

    passes: tuple[str, ...] = attrs.field(default=DEFAULT_PASSES, converter=_passes)
    """The passes to run, a subset of :data:`DEFAULT_PASSES` in that order."""
    language: str = attrs.field(default="en", validator=_language_code)
    """The text's language: its word lists, phrase patterns and lexicon."""
    min_confidence: float = 0.8
    """The bar every edit must clear; under it a finding is reported instead."""
    use_lexicon: bool = True
    """Ask the wordfreq lexicon about words; off, only the document is evidence."""
    pull_quote_similarity: float = 88.0
    """How closely (rapidfuzz partial ratio, 0-100) a pull quote repeats the body."""
    pull_quote_max_words: int = 12
    """The most words a pull quote's line may hold (large type, short lines)."""
    keep_prefixes: tuple[str, ...] | None = None
    """Prefixes that make hyphenated compounds; None: the language's own list."""

    def evolve(self, **overrides: Any) -> Config:
        """Return a copy with ``overrides`` applied (unknown names raise TypeError)."""
        return attrs.evolve(self, **overrides)
