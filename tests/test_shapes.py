"""The cheap shape tests agree with the plain patterns they stand for.

``newsrepair._shapes`` answers "how does this line start and end" with
``str`` methods and reverse-searched patterns, because every pass asks it
of every line. Each answer must be exactly what the straightforward forward
pattern gives; these tests compare the two on generated strings drawn from
the characters that matter (letters of several cases and scripts, marks,
apostrophes, quotes, stops, hyphens, digits, spaces).
"""

from __future__ import annotations

from collections import Counter

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrepair import _shapes

ALPHABET = list("aZé\u0301'’\"“”‘)([.!?…:-—0 x,ªſ")
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=14)

TERMINAL = regex.compile(r"[.!?…][\"'”’)\]]*$")
TERMINAL_COLON = regex.compile(r"(?:[.!?…:]|\.\.\.)[\"'”’)\]]*$")
FIRST_WORD = regex.compile(r"^[\"'“‘(\[]*(\p{L}[\p{L}\p{M}'’]*|\p{N}[\p{N}\p{L}]*)")
LAST_WORD = regex.compile(r"(\p{L}[\p{L}\p{M}'’]*)[^\p{L}]*$")
HYPHEN_END = regex.compile(r"(?<![\p{L}\p{N}])([\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*)-$")
LOWER_END = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{Ll}+$")


@settings(max_examples=3000, derandomize=True)
@given(texts)
def test_sentence_ends(text: str) -> None:
    """ends_sentence and ends_terminal are the TERMINAL patterns."""
    assert bool(TERMINAL.search(text)) == _shapes.ends_sentence(text)
    assert bool(TERMINAL_COLON.search(text)) == _shapes.ends_terminal(text)


@settings(max_examples=3000, derandomize=True)
@given(texts)
def test_starts_lower(text: str) -> None:
    """starts_lower is the first word's first letter being lowercase."""
    m = FIRST_WORD.match(text)
    assert bool(m and m.group(1)[0].islower()) == _shapes.starts_lower(text)


@settings(max_examples=3000, derandomize=True)
@given(texts)
def test_last_word(text: str) -> None:
    """last_word is LAST_WORD's group, lowercased."""
    m = LAST_WORD.search(text)
    assert (m.group(1).lower() if m else "") == _shapes.last_word(text)


@settings(max_examples=3000, derandomize=True)
@given(texts)
def test_line_end_pieces(text: str) -> None:
    """hyphen_piece and lower_end are the forward-searched patterns' answers."""
    m = HYPHEN_END.search(text)
    assert (m.group(1) if m else None) == _shapes.hyphen_piece(text)
    m = LOWER_END.search(text)
    assert (m.group() if m else None) == _shapes.lower_end(text)


LINE_STARTS = list("(Continued onPage7seefromTurnJumpſ©•·AERXBGIc ([\tADVERTISEMENTSponsoredPaid/ ")
starts = st.text(alphabet=st.sampled_from(LINE_STARTS), max_size=24)


@settings(max_examples=3000, derandomize=True)
@given(starts)
def test_prefilters_never_reject_a_match(text: str) -> None:
    """The first-character tests in front of classify's patterns only skip non-matches."""
    from newsrepair import _captions, _furniture
    from newsrepair._language import language_for

    lang = language_for("en")
    if lang.jump_line.match(text):
        assert _furniture._may_be_jump_line(text, lang)
    if lang.credit_line.match(text):
        assert text[:1] in lang.credit_initials
    if lang.end_note.match(text):
        assert text.lstrip("(")[:1].casefold() in lang.end_note_initials
    if text[:1].isupper() and lang.advert_label.match(text):
        assert _furniture._may_be_advert_label(text, lang)
    if lang.credit_names.match(text) or _captions.SLASH_CAPITALS_CREDIT.match(text):
        assert "/" in text


WORD_CHARS = list("aZqé\u0301'’-0 .x,İ\t\x00~_")
word_texts = st.text(alphabet=st.sampled_from(WORD_CHARS), max_size=24)


@settings(max_examples=3000, derandomize=True)
@given(word_texts)
def test_ascii_tokenisers_find_the_patterns_words(text: str) -> None:
    """The standard-engine paths for ASCII text find what the patterns find."""
    from newsrepair import _lexicon, _pullquotes

    assert _lexicon.lower_words(text) == [w.lower() for w in _lexicon.WORD.findall(text)]
    assert _pullquotes._tokens(text) == [t.lower() for t in _pullquotes.TOKEN.findall(text)]
    assert _pullquotes._compact(text) == "".join(t.lower() for t in _pullquotes.TOKEN.findall(text))
    words = _lexicon.WORD.findall(f"{text}\n{text}".lower())
    vocab = _lexicon.Lexicon.from_texts([text, text], "en", False).vocab
    assert list(vocab.items()) == list(Counter(words).items())  # counts and order
