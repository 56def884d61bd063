"""The one configuration object: which passes run and the thresholds they use."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import attrs
import regex

from ._language import language_for

LANGUAGE_CODE = regex.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
DEFAULT_PASSES = (
    "normalise",
    "segment",
    "markdown",
    "classify",
    "pullquotes",
    "reflow",
    "interview",
    "hyphens",
    "wordfix",
    "settle",
)
"""Every pass :func:`newsrepair.repair` runs by default, in pipeline order.

:attr:`Config.passes` takes a subset of these names, in this order::

    >>> from newsrepair import DEFAULT_PASSES, Config
    >>> DEFAULT_PASSES[0]
    'normalise'
    >>> Config(passes=("normalise", "segment", "hyphens")).passes
    ('normalise', 'segment', 'hyphens')
"""


def _passes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(
            f"passes must be a tuple of pass names such as ('normalise', 'hyphens'), "
            f"not the string {value!r}"
        )
    names = _str_tuple("passes", value)
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


INPUT_FORMATS = ("auto", "plain", "markdown")


def _input_format(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(
            f"input_format must be one of {', '.join(INPUT_FORMATS)}, "
            f"not {type(value).__name__} {value!r}"
        )
    if value not in INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(INPUT_FORMATS)}, not {value!r}")


def _language_code(_instance: object, _attribute: object, value: object) -> None:
    if not isinstance(value, str):
        raise TypeError(
            f"language must be a language code such as 'en' or 'pt-BR', "
            f"not {type(value).__name__} {value!r}"
        )
    if not LANGUAGE_CODE.fullmatch(value):
        raise ValueError(f"language must be a language code such as 'en' or 'pt-BR', not {value!r}")
    # Refused when the Config is built, naming the languages there are.
    language_for(value)


def _str_tuple(name: str, value: Any) -> tuple[str, ...]:
    """``value`` as a tuple of non-empty strings; a bare string is refused.

    A bare ``str`` is iterable, so ``keep_prefixes="so"`` would otherwise
    quietly become the prefixes ``("s", "o")``.
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a tuple of strings, not the single string {value!r}")
    try:
        items = tuple(value)
    except TypeError:
        raise TypeError(
            f"{name} must be a tuple of strings, not {type(value).__name__} {value!r}"
        ) from None
    wrong = [x for x in items if not isinstance(x, str) or not x.strip()]
    if wrong:
        raise TypeError(f"{name} must hold only non-empty strings, not {wrong[0]!r}")
    return items


def _prefixes(value: Any) -> tuple[str, ...] | None:
    return None if value is None else _str_tuple("keep_prefixes", value)


def _number(low: float, high: float) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Validator: a real number (not a bool, not NaN) from ``low`` to ``high``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # bool is an int subclass, but min_confidence=True is a mistake, not 1.0.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(
                f"{attribute.name} must be a number from {low} to {high}, "
                f"not {type(value).__name__} {value!r}"
            )
        # NaN compares false with everything, so a range check alone lets it in.
        if math.isnan(value) or not low <= value <= high:
            raise ValueError(f"{attribute.name} must be from {low} to {high}, not {value!r}")

    return check


def _whole(low: int, high: int) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """Validator: an ``int`` (not a bool) from ``low`` to ``high``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(
                f"{attribute.name} must be a whole number from {low} to {high}, "
                f"not {type(value).__name__} {value!r}"
            )
        if not low <= value <= high:
            raise ValueError(f"{attribute.name} must be from {low} to {high}, not {value!r}")

    return check


def _flag(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # Strings such as "no" are truthy: accepting them would switch a feature on.
    if not isinstance(value, bool):
        raise TypeError(
            f"{attribute.name} must be True or False, not {type(value).__name__} {value!r}"
        )


@attrs.frozen(kw_only=True)
class Config:
    """Settings for :func:`newsrepair.repair`; evolve it with keyword overrides.

    ``min_confidence`` is the bar an edit must clear: below it a
    :class:`~newsrepair.Finding` is reported instead of an edit. Every value
    is checked when the ``Config`` is built, so a mistake fails early::

        >>> from newsrepair import Config, repair
        >>> config = Config(min_confidence=0.9)
        >>> config.evolve(language="en-GB").language
        'en-GB'
        >>> repair("The com-\\nmittee met.", config=config).text
        'The committee met.'
        >>> Config(min_confidence=1.5)
        Traceback (most recent call last):
        ...
        ValueError: min_confidence must be from 0.0 to 1.0, not 1.5
        >>> Config(passes=("hyphens", "normalise"))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: passes must be given in pipeline order ...
    """

    passes: tuple[str, ...] = attrs.field(default=DEFAULT_PASSES, converter=_passes)
    """The passes to run, a subset of :data:`DEFAULT_PASSES` in that order."""
    language: str = attrs.field(default="en", validator=_language_code)
    """The text's language: its word lists, phrase patterns and lexicon."""
    min_confidence: float = attrs.field(default=0.8, validator=_number(0.0, 1.0))
    """The bar every edit must clear; under it a finding is reported instead."""
    use_lexicon: bool = attrs.field(default=True, validator=_flag)
    """Ask the wordfreq lexicon about words; off, only the document is evidence."""
    # rapidfuzz scores run from 0 to 100.
    pull_quote_similarity: float = attrs.field(default=88.0, validator=_number(0.0, 100.0))
    """How closely (rapidfuzz partial ratio, 0-100) a pull quote repeats the body."""
    pull_quote_max_words: int = attrs.field(default=12, validator=_whole(1, 1000))
    """The most words a pull quote's line may hold (large type, short lines)."""
    keep_prefixes: tuple[str, ...] | None = attrs.field(default=None, converter=_prefixes)
    """Prefixes that make hyphenated compounds; None: the language's own list."""
    input_format: str = attrs.field(default="auto", validator=_input_format)
    """``"plain"``, ``"markdown"`` or ``"auto"`` (Markdown only when its markup is unmistakable)."""

    def evolve(self, **overrides: Any) -> Config:
        """Return a copy with ``overrides`` applied (unknown names raise TypeError).

            >>> from newsrepair import Config
            >>> Config().evolve(min_confidence=0.95).min_confidence
            0.95
        """
        unknown = sorted(set(overrides) - set(OPTIONS))
        if unknown:
            raise TypeError(
                f"unknown option(s) {', '.join(unknown)}; the options are {', '.join(OPTIONS)}"
            )
        return attrs.evolve(self, **overrides)


OPTIONS: tuple[str, ...] = tuple(a.name for a in attrs.fields(Config))
"""The names :func:`newsrepair.repair` accepts as keyword options (the Config fields)."""
