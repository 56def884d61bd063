"""Word evidence: the document's own vocabulary first, a real lexicon second.

The lexicon is wordfreq's Zipf frequency (0 for unknown words, about 7 for
"the"). wordfreq splits a hyphenated form into its tokens, so its figure for
"some-times" is not the frequency of a compound; we therefore only ask it about
single words and judge compounds by their parts.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable

import attrs
import regex

POSSESSIVE = regex.compile(r"['’]s?$")
WORD = regex.compile(r"\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*")
# WORD on lowercased ASCII text, where the standard engine runs a plain class
# about twice as fast; most lines and many whole texts are ASCII.
_ASCII_WORD = re.compile(r"[a-z][a-z']*(?:-[a-z][a-z']*)*")
_BATCH = 4096


def lower_words(text: str) -> list[str]:
    """The words of ``text`` (:data:`WORD`), lowercased."""
    if text.isascii():
        # Lowering ASCII keeps letters letters and the rest as it was.
        return _ASCII_WORD.findall(text.lower())
    return [word.lower() for word in WORD.findall(text)]


# Shared by all repair calls in the process: a word's Zipf figure depends only
# on the word and the language, so the cache can never change an answer, and
# the bound keeps memory flat. Without it every document pays wordfreq's
# per-call overhead again for the same common words.
@functools.lru_cache(maxsize=1 << 16)
def cached_zipf(word: str, language: str) -> float:
    # Imported lazily so that `import newsrepair` stays fast; wordfreq loads its
    # word list on first use, from the installed package (no network).
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, language))


def check_language(language: str) -> None:
    """Refuse a language the lexicon has no word list for, before any work is done."""
    from wordfreq import available_languages

    if language not in available_languages():
        known = ", ".join(sorted(available_languages()))
        raise ValueError(
            f"no word list for language {language!r}; use one of {known}, "
            "or Config(use_lexicon=False) to repair without a lexicon"
        )


def _zipf_function(language: str) -> Callable[[str], float]:
    def zipf(word: str) -> float:
        return cached_zipf(word, language)

    return zipf


@attrs.define
class Lexicon:
    """Per-document word evidence with a private cache (one per repair call)."""

    vocab: Counter[str]
    language: str = "en"
    use_lexicon: bool = True
    _cache: dict[str, float] = attrs.field(factory=dict)
    _zipf: Callable[[str], float] | None = None

    @classmethod
    def from_texts(cls, texts: Iterable[str], language: str, use_lexicon: bool) -> Lexicon:
        """Count the words (hyphenated forms as one word) of ``texts``."""
        # One findall over a batch of texts joined by newlines finds the same
        # words in the same order as one per text (WORD cannot match a newline)
        # at a fraction of the per-call cost; batches keep memory flat.
        vocab: Counter[str] = Counter()
        pending = iter(texts)
        while batch := list(itertools.islice(pending, _BATCH)):
            # Lowercasing the batch once finds the same lowercased words as
            # lowercasing each (a letter's lowercase is a letter or a letter
            # and a mark), without a Python call per word.
            joined = "\n".join(batch).lower()
            vocab.update((_ASCII_WORD if joined.isascii() else WORD).findall(joined))
        return cls(vocab=vocab, language=language, use_lexicon=use_lexicon)

    def zipf(self, word: str) -> float:
        """Lexicon frequency of a single word (0.0 when unknown or lexicon off)."""
        if not self.use_lexicon or not word:
            return 0.0
        key = word.lower()
        got = self._cache.get(key)
        if got is None:
            if self._zipf is None:
                self._zipf = _zipf_function(self.language)
            got = self._zipf(key)
            self._cache[key] = got
        return got

    def count(self, word: str) -> int:
        """How often ``word`` (case-folded) occurs in the document."""
        return self.vocab.get(word.lower(), 0)

    def is_word(self, word: str, threshold: float = 3.0) -> bool:
        """Whether ``word`` is attested: in the document twice or common in the lexicon."""
        return self.count(word) >= 2 or self.zipf(word) >= threshold


# Zipf levels (wordfreq's scale: 3.0 is once per million words, 0 unknown).
KNOWN_WORD = 1.5
"""The lexicon knows the form as a word, however rare."""
NO_WORD = 1.5
"""Below this a piece is no word on its own (OCR debris, a syllable)."""
COMMON_WORD = 3.5
"""A word every reader knows; two of them side by side may be a compound."""
RARE_WORD = 2.0


@attrs.frozen
class HyphenVerdict:
    """What to do with a hyphen between ``left`` and ``right``: join, keep or unsure."""

    action: str
    confidence: float
    reason: str


def judge_hyphen(
    left: str, right: str, lexicon: Lexicon, prefixes: frozenset[str]
) -> HyphenVerdict:
    """Decide a line-end hyphen between word pieces ``left`` and ``right``.

    Evidence in order of strength: the document itself (the joined or the
    hyphenated form written elsewhere), then rules (capital or digit after the
    hyphen, a known prefix), then the lexicon (is the joined form a word, and
    are the two pieces words on their own).
    """
    if not left or not right:
        return HyphenVerdict("unsure", 0.0, "no word on one side")
    if right[0].isdigit() or left[-1].isdigit():
        return HyphenVerdict("keep", 0.95, "digit next to the hyphen")
    # "audi-" + "tor's": judge the word, not its possessive ending.
    right = POSSESSIVE.sub("", right) or right
    joined = left + right
    hyphenated = f"{left}-{right}"
    # The document's own spelling comes first, even for a capital after the
    # hyphen ("wiki-" + "How" where the text writes "wikiHow").
    doc_joined = lexicon.count(joined)
    doc_hyph = lexicon.count(hyphenated)
    if doc_joined and not doc_hyph:
        return HyphenVerdict("join", 0.97, f"'{joined}' occurs in the document")
    if doc_hyph and not doc_joined:
        return HyphenVerdict("keep", 0.97, f"'{hyphenated}' occurs in the document")
    if doc_hyph and doc_joined:
        action = "join" if doc_joined > doc_hyph else "keep"
        return HyphenVerdict(action, 0.8, "both forms occur in the document")
    if len(left) == 1 and left.isalpha():
        # Hyphenation leaves at least two letters before a break (TeX, Typst
        # and the CSS engines alike): after one letter the hyphen is the
        # word's own ("T-shirt", "X-ray", "e-mail", "U-turn").
        return HyphenVerdict("keep", 0.9, f"one letter '{left}' before the hyphen")
    if right[0].isupper():
        if left.isupper() and right.isupper() and len(left) > 1 and len(right) > 1:
            return HyphenVerdict("keep", 0.9, "capitals on both sides")
        if right[1:].islower() or len(right) == 1:
            return HyphenVerdict("keep", 0.9, "capital after the hyphen")
        return HyphenVerdict("keep", 0.85, "capital after the hyphen")
    z_joined = lexicon.zipf(joined)
    z_left = lexicon.zipf(left)
    z_right = lexicon.zipf(right)
    prefix = left.lower() in prefixes
    if prefix and z_right >= 3.0 and z_joined < 3.0:
        return HyphenVerdict("keep", 0.9, f"known prefix '{left}-' before a word")
    if prefix and len(right) <= 2:
        # "co-" + "op": a prefix before a two-letter piece makes a compound
        # whose joined spelling is usually another word ("coop").
        return HyphenVerdict("keep", 0.85, f"known prefix '{left}-' before a short piece")
    if z_joined >= 3.0:
        return HyphenVerdict("join", 0.95, f"'{joined}' is a common word")
    if z_joined >= 2.5 or (z_joined >= 2.0 and not (z_left >= 3.5 and z_right >= 3.5)):
        # "down-" + "played": two common words, but the joined form is a word
        # in its own right, and no known prefix asks for the hyphen.
        return HyphenVerdict("join", 0.85, f"'{joined}' is a word")
    if z_joined >= KNOWN_WORD and not prefix and min(z_left, z_right) < NO_WORD:
        # "irre-" + "proachable", "dead-" + "ened": the joined form is in the
        # lexicon, however rare, and one piece is no word on its own.
        piece = left if z_left < z_right else right
        return HyphenVerdict("join", 0.85, f"'{joined}' is a word and '{piece}' is none on its own")
    if z_right < 1.0 and not prefix and len(right) >= 3:
        # "po-" + "diobooks": what follows the hyphen is no word on its own,
        # so the hyphen split a word.
        return HyphenVerdict("join", 0.75, f"'{right}' is no word on its own")
    if z_left >= 3.5 and z_right >= 3.0 and len(left) > 2 and len(right) > 2:
        return HyphenVerdict("keep", 0.85, "both pieces are words and the joined form is not")
    if (
        left[0].isupper()
        and right.islower()
        and (z_right < 1.5 or (z_joined < 1.0 and (z_left < 2.0 or z_right < 2.0)))
    ):
        # "San-" + "torum": a capitalised piece before a lowercase piece that
        # is no word is a name the typesetter broke.
        return HyphenVerdict("join", 0.85, "a name broken at the line end")
    if z_left < 2.0 and z_right < 2.5:
        return HyphenVerdict("join", 0.8, "neither piece is a word on its own")
    return HyphenVerdict("unsure", 0.5, "no evidence either way")


def judge_soft_hyphen(
    left: str, right: str, lexicon: Lexicon, prefixes: frozenset[str]
) -> HyphenVerdict:
    """Decide a soft hyphen (U+00AD) at a line end between ``left`` and ``right``.

    A soft hyphen marks a place where the word may break, so it is joined,
    unless the evidence says the hyphen is a real one that OCR or a tool
    wrote as U+00AD: the document's own spelling, a digit or a capital after
    it, a known prefix ("thirty-" + "two": both pieces common words, the
    joined form rare).
    """
    verdict = judge_hyphen(left, right, lexicon, prefixes)
    if verdict.action == "keep" and verdict.confidence >= 0.9:
        return HyphenVerdict("keep", verdict.confidence, f"{verdict.reason}, though a soft hyphen")
    z_joined = lexicon.zipf(POSSESSIVE.sub("", left + right) or left + right)
    if (
        z_joined < RARE_WORD
        and lexicon.zipf(left) >= COMMON_WORD
        and lexicon.zipf(POSSESSIVE.sub("", right) or right) >= COMMON_WORD
        and not lexicon.count(left + right)
    ):
        return HyphenVerdict(
            "keep",
            0.85,
            f"'{left}' and '{right}' are common words and '{left}{right}' is not: "
            "the soft hyphen stands for a real one",
        )
    return HyphenVerdict("join", 0.99, "soft hyphen")
