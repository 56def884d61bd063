"""Cheap tests of a line's shape: how it starts and how it ends.

Every pass asks these questions of every line, so they are the hot path.
Each is a plain ``str`` test, or a regex searched from the end of the line
(``(?r)``) for patterns anchored there: a forward search of a ``$``-anchored
pattern tries every position of the line. ``tests/test_shapes.py`` checks
each against the plain pattern it stands for on generated strings.
"""

from __future__ import annotations

import unicodedata

import regex

# Closing quotes and brackets that may follow a sentence's stop.
CLOSERS = "\"'”’)]"
_STOPS = frozenset(".!?…")
_STOPS_OR_COLON = frozenset(".!?…:")
_OPENERS = "\"'“‘(["
_APOSTROPHES = "'’"

FIRST_WORD = regex.compile(r"^[\"'“‘(\[]*(\p{L}[\p{L}\p{M}'’]*|\p{N}[\p{N}\p{L}]*)")
"""The first word after opening quotes and brackets (group 1), or a number."""
HYPHEN_END = regex.compile(r"(?r)(?<![\p{L}\p{N}])([\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)-$")
"""A word piece broken by a line-end hyphen; group 1 is the piece."""
_WORDS = regex.compile(r"\S+")
LOWER_END = regex.compile(r"(?r)(?<![\p{L}\p{M}'’-])\p{Ll}+$")
"""A lowercase word ending the line, not part of a hyphenated or elided word."""


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends in ``.``, ``!``, ``?`` or ``…``, closing quotes allowed."""
    return text.rstrip(CLOSERS)[-1:] in _STOPS


def ends_terminal(text: str) -> bool:
    """Like :func:`ends_sentence`, a colon also counting as an end."""
    return text.rstrip(CLOSERS)[-1:] in _STOPS_OR_COLON


def starts_lower(text: str) -> bool:
    """Whether the first letter of ``text`` (after quotes and brackets) is lowercase."""
    rest = text.lstrip(_OPENERS)
    return rest[:1].isalpha() and rest[0].islower()


def _in_word(ch: str) -> bool:
    return (
        ch.isalpha()
        or ch in _APOSTROPHES
        or (not ch.isascii() and unicodedata.category(ch).startswith("M"))
    )


def last_word(text: str) -> str:
    """The last word of ``text``, lowercased, with its apostrophes ("" when none).

    A word is a letter followed by letters, combining marks and apostrophes;
    what follows the last letter that is no letter is not part of it, except
    marks and apostrophes right after it.
    """
    end = len(text)
    while end and not text[end - 1].isalpha():
        end -= 1
    if not end:
        return ""
    stop = end
    while stop < len(text) and _in_word(text[stop]):
        stop += 1
    start = end - 1
    while start and _in_word(text[start - 1]):
        start -= 1
    while not text[start].isalpha():
        start += 1
    return text[start:stop].lower()


def hyphen_piece(text: str) -> str | None:
    """The word piece before a line-end hyphen ("chang" of "chang-"), or None."""
    if not text.endswith("-"):
        return None
    m = HYPHEN_END.search(text)
    return m.group(1) if m else None


def lower_end(text: str) -> str | None:
    """The lowercase word that ends ``text`` (not after a hyphen or apostrophe), or None."""
    if not text[-1:].islower():
        return None
    m = LOWER_END.search(text)
    return m.group() if m else None


def letterspaced(text: str) -> bool:
    """Whether ``text`` is one word set with letter spacing ("S P O RT S").

    Extractors write the gaps of tracked-out capitals as spaces: four or
    more pieces of one or two capitals each.
    """
    pieces = text.split()
    return len(pieces) >= 4 and all(len(p) <= 2 and p.isalpha() and p.isupper() for p in pieces)


def word_count(text: str) -> int:
    """How many whitespace-separated words ``text`` holds."""
    # str.split() counts the same words several times faster than a regex.
    # The two disagree only on \x1c-\x1f (whitespace to str, not to regex),
    # and printable text holds no whitespace but the plain space.
    if text.isprintable():
        return len(text.split())
    return len(_WORDS.findall(text))


def open_end(text: str, function_words: frozenset[str]) -> bool:
    """Whether a line visibly goes on: a comma, a hyphen or a function word at its end."""
    if text.endswith((",", ";", "-")):
        return True
    # Only the last word counts: split it off alone, not every word.
    last = text.rsplit(None, 1)
    return bool(last) and last[-1].lower() in function_words
