"""Config validation: every field is checked when a Config is built.

A bad value fails at once, with a message that names the field, the value
and what is allowed, instead of being accepted and misbehaving (or crashing)
deep inside a pass.
"""

from __future__ import annotations

import math
from typing import Any

import attrs
import pytest

from newsrepair import Config, repair
from newsrepair._config import OPTIONS

BAD_VALUES: list[tuple[str, Any, type[Exception], str]] = [
    # (field, value, exception, what the message must say besides the field)
    ("min_confidence", 2.0, ValueError, "from 0.0 to 1.0"),
    ("min_confidence", -1, ValueError, "from 0.0 to 1.0"),
    ("min_confidence", math.nan, ValueError, "nan"),
    ("min_confidence", math.inf, ValueError, "inf"),
    ("min_confidence", "high", TypeError, "'high'"),
    ("min_confidence", True, TypeError, "True"),
    ("min_confidence", None, TypeError, "None"),
    ("use_lexicon", "no", TypeError, "True or False"),
    ("use_lexicon", 1, TypeError, "True or False"),
    ("use_lexicon", None, TypeError, "True or False"),
    ("keep_prefixes", "so", TypeError, "single string 'so'"),
    ("keep_prefixes", ("so", 3), TypeError, "3"),
    ("keep_prefixes", ("so", ""), TypeError, "''"),
    ("keep_prefixes", 5, TypeError, "5"),
    ("pull_quote_max_words", "12", TypeError, "'12'"),
    ("pull_quote_max_words", 12.0, TypeError, "12.0"),
    ("pull_quote_max_words", 0, ValueError, "from 1"),
    ("pull_quote_max_words", False, TypeError, "False"),
    ("pull_quote_similarity", 101.0, ValueError, "from 0.0 to 100.0"),
    ("pull_quote_similarity", math.nan, ValueError, "nan"),
    ("pull_quote_similarity", "88", TypeError, "'88'"),
    ("language", 7, TypeError, "7"),
    ("language", "en\n", ValueError, repr("en\n")),
    ("passes", "normalise", TypeError, "'normalise'"),
    ("passes", ("normalise", 1), TypeError, "1"),
    ("passes", 3, TypeError, "3"),
    ("input_format", "md", ValueError, "'md'"),
    ("input_format", "Markdown", ValueError, "auto, plain, markdown"),
    ("input_format", None, TypeError, "None"),
]


@pytest.mark.parametrize(("field", "value", "error", "says"), BAD_VALUES,
                         ids=[f"{f}={v!r}" for f, v, _, _ in BAD_VALUES])
def test_bad_value_refused_when_built(field: str, value: Any, error: type[Exception],
                                      says: str) -> None:
    """Each bad value raises at construction, naming the field, the value and the rule."""
    with pytest.raises(error) as raised:
        Config(**{field: value})
    message = str(raised.value)
    assert field in message
    assert says.lower() in message.lower()


@pytest.mark.parametrize(("field", "value", "error", "says"), BAD_VALUES[:6],
                         ids=[f"{f}={v!r}" for f, v, _, _ in BAD_VALUES[:6]])
def test_bad_value_refused_by_evolve_and_repair(field: str, value: Any, error: type[Exception],
                                                says: str) -> None:
    """``evolve`` and ``repair(**overrides)`` run the same checks."""
    with pytest.raises(error, match=field):
        Config().evolve(**{field: value})
    with pytest.raises(error, match=field):
        repair("The council met.", **{field: value})


GOOD_VALUES: list[tuple[str, Any]] = [
    ("min_confidence", 0), ("min_confidence", 1), ("min_confidence", 0.0),
    ("min_confidence", 1.0), ("use_lexicon", False), ("keep_prefixes", ()),
    ("keep_prefixes", ["anti", "co"]), ("pull_quote_max_words", 1),
    ("pull_quote_similarity", 0.0), ("pull_quote_similarity", 100),
    ("language", "en-GB"), ("passes", ["segment"]),
    ("input_format", "plain"), ("input_format", "markdown"), ("input_format", "auto"),
]


@pytest.mark.parametrize(("field", "value"), GOOD_VALUES,
                         ids=[f"{f}={v!r}" for f, v in GOOD_VALUES])
def test_edge_values_accepted(field: str, value: Any) -> None:
    """The ends of every range, and lists for tuple fields, are accepted."""
    config = Config(**{field: value})
    got = getattr(config, field)
    assert (tuple(value) if isinstance(value, list) else value) == got


def test_tuple_fields_are_stored_as_tuples() -> None:
    """A list given for a tuple field is stored as a tuple, so the Config stays hashable."""
    config = Config(keep_prefixes=["anti"], passes=["normalise", "segment"])
    assert (("anti",), ("normalise", "segment")) == (config.keep_prefixes, config.passes)
    hash(config)


def test_every_field_is_validated() -> None:
    """No field is left without a check: a wrong type is refused for each of them."""
    accepted = []
    for field in attrs.fields(Config):
        try:
            Config(**{field.name: object()})
        except (TypeError, ValueError):
            continue
        accepted.append(field.name)
    assert [] == accepted


def test_repair_unknown_option_names_the_options() -> None:
    """``repair(text, unknown=1)`` raises TypeError listing what repair() accepts."""
    with pytest.raises(TypeError) as raised:
        repair("The council met.", unknown=1)
    message = str(raised.value)
    assert "repair()" in message
    assert "unknown" in message
    assert [] == [name for name in OPTIONS if name not in message]


def test_evolve_unknown_option_names_the_options() -> None:
    """``Config.evolve`` lists the field names for a misspelt option too."""
    with pytest.raises(TypeError, match=r"min_confidense.*min_confidence"):
        Config().evolve(min_confidense=0.9)


def test_options_are_the_config_fields() -> None:
    """The accepted options are exactly the Config fields."""
    assert tuple(a.name for a in attrs.fields(Config)) == OPTIONS
