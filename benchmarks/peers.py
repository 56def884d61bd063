"""The systems under comparison: newsrepair and its peers.

Every system is a function ``str -> SystemOutput``. Peers only clean text, so their
whole output is their body (they do not separate headline, captions or pull quotes,
and the fair comparison is to score what they give back as the body).

Peers, from weakest to strongest:

``raw``
    The extracted text untouched: the floor every system must beat.
``unstructured``
    ``unstructured.cleaners.core.group_broken_paragraphs`` then
    ``clean_extra_whitespace`` per paragraph. Only that module is imported, so no
    model or NLTK data is downloaded.
``textacy``
    ``textacy.preprocessing.normalize.hyphenated_words`` followed by whitespace
    normalisation that keeps blank-line paragraph breaks (textacy's own
    ``normalize.whitespace`` would fold ``\\n\\n`` into ``\\n`` and leave every line
    break in place, which no reader would call clean text).
``wordninja``
    The textacy pipeline, then wordninja segmentation of run-together tokens (tokens
    wordfreq does not know that split into known words). It targets the OCR
    run-together slice; elsewhere it mostly leaves text alone.

When a peer library is missing, a documented regex baseline with the same intent
is used instead and the system name gets a ``-baseline`` suffix, so a report never
passes a baseline off as the real library.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.metrics import Captioned, SystemOutput

Runner = Callable[[str], SystemOutput]


@dataclass(frozen=True)
class System:
    """A named system with its runner and a one-line description for the report."""

    name: str
    run: Runner
    description: str
    #: Peers that are plain regex passes: the speed target is "within 3x of these"
    #: (``raw`` does nothing at all, so it is not one of them).
    regex_only: bool = False


# --------------------------------------------------------------------------- newsrepair


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def run_newsrepair(text: str) -> SystemOutput:
    """Run ``newsrepair.repair`` and keep what the scorer needs.

    The library is under construction while the benchmark is written, so any
    exception becomes an empty output with the error recorded: the document then
    scores as a total loss instead of stopping the run.
    """
    try:
        from newsrepair import repair

        article = repair(text)
        return SystemOutput(
            body=str(article.text),
            kicker=_opt(getattr(article, "kicker", None)),
            headline=_opt(getattr(article, "headline", None)),
            deck=_opt(getattr(article, "deck", None)),
            byline=_opt(getattr(article, "byline", None)),
            dateline=_opt(getattr(article, "dateline", None)),
            pull_quotes=tuple(
                Captioned(str(q.text), _opt(getattr(q, "attribution", None)))
                for q in getattr(article, "pull_quotes", ()) or ()
            ),
            captions=tuple(
                Captioned(str(c.text), _opt(getattr(c, "credit", None)))
                for c in getattr(article, "captions", ()) or ()
            ),
            speakers=sum(
                1 for p in getattr(article, "paragraphs", ()) or () if getattr(p, "speaker", None)
            ),
        )
    except Exception as exc:  # any failure is scored, not raised
        return SystemOutput(body="", error=f"{type(exc).__name__}: {exc}")


# --------------------------------------------------------------------------- helpers

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def _reflow(text: str) -> str:
    """Join the lines of each blank-line-separated block and collapse whitespace."""
    paras = (" ".join(block.split()) for block in _BLANK_LINE.split(text))
    return "\n\n".join(p for p in paras if p)


# --------------------------------------------------------------------------- raw


def run_raw(text: str) -> SystemOutput:
    """The floor: the extracted text as it is."""
    return SystemOutput(body=text)


# --------------------------------------------------------------------------- unstructured


def _unstructured_runner() -> tuple[Runner, str, bool]:
    try:
        from unstructured.cleaners.core import clean_extra_whitespace, group_broken_paragraphs
    except ImportError:
        return run_unstructured_baseline, "unstructured-baseline", False

    def run(text: str) -> SystemOutput:
        grouped = group_broken_paragraphs(text)
        # clean_extra_whitespace turns newlines into spaces, so it runs per
        # paragraph to keep the breaks group_broken_paragraphs just made.
        paras = (clean_extra_whitespace(p) for p in _BLANK_LINE.split(grouped))
        return SystemOutput(body="\n\n".join(p for p in paras if p))

    return run, "unstructured", True


def run_unstructured_baseline(text: str) -> SystemOutput:
    """Stand-in for ``group_broken_paragraphs``: blank lines separate paragraphs,
    single line breaks inside a paragraph become spaces, whitespace is collapsed."""
    return SystemOutput(body=_reflow(text))


# --------------------------------------------------------------------------- textacy

# Same intent as textacy's hyphenated_words: a word, a hyphen, optional spaces, one
# line break, optional spaces, a lower-case word -> joined, with no dictionary check.
_HYPHEN_BREAK = re.compile(r"(\w+)-[ \t]*\r?\n[ \t]*([a-z]\w*)")


def textacy_baseline_dehyphenate(text: str) -> str:
    """Join ``word-\\nword`` into ``wordword`` (the baseline for textacy's regex)."""
    return _HYPHEN_BREAK.sub(r"\1\2", text)


def _textacy_runner() -> tuple[Callable[[str], str], str]:
    try:
        from textacy.preprocessing import normalize
    except ImportError:
        return textacy_baseline_dehyphenate, "textacy-baseline"
    return normalize.hyphenated_words, "textacy"


# --------------------------------------------------------------------------- wordninja

_TOKEN_CORE = re.compile(r"^(\W*)([^\W\d_]{6,})(\W*)$")


@functools.lru_cache(maxsize=1)
def _segmenter() -> Callable[[str], list[str]] | None:
    try:
        import wordninja
    except ImportError:
        return None
    split: Callable[[str], list[str]] = wordninja.split
    return split


_SINGLE_LETTER_WORDS = frozenset({"a", "A", "I"})


@functools.lru_cache(maxsize=200_000)
def _split_token(token: str) -> str:
    """Split one run-together token if wordfreq does not know it and every part is a
    common word; otherwise return it unchanged.

    wordninja splits any string, so the guards matter more than the splitter: a
    capitalised token without an inner capital is taken for a name (``Freewinds``),
    a token ending in a hyphen is a line-break fragment, hashtags are left alone, and
    every part must be a common word (zipf >= 3) of two letters or more.
    """
    from wordfreq import zipf_frequency

    m = _TOKEN_CORE.match(token)
    if not m:
        return token
    lead, core, trail = m.groups()
    if "#" in lead or "@" in lead or "-" in trail or "\u2010" in trail:
        return token
    if core[0].isupper() and not any(ch.isupper() for ch in core[1:]):
        return token
    if zipf_frequency(core, "en") > 0:
        return token
    split = _segmenter()
    if split is None:
        return token
    parts = split(core)
    if len(parts) < 2 or "".join(parts) != core:
        return token
    for part in parts:
        if len(part) < 2 and part not in _SINGLE_LETTER_WORDS:
            return token
        if zipf_frequency(part, "en") < 3.0:
            return token
    return lead + " ".join(parts) + trail


def segment_run_together(text: str) -> str:
    """Apply :func:`_split_token` to every space-separated token, keeping lines."""
    lines = text.split("\n")
    return "\n".join(" ".join(_split_token(t) for t in line.split(" ")) for line in lines)


# --------------------------------------------------------------------------- registry


def _build(name: str) -> System:
    """Instantiate one system by its base name (imports its library only now)."""
    if name == "newsrepair":
        return System("newsrepair", run_newsrepair, "newsrepair.repair(text)")
    if name == "raw":
        return System("raw", run_raw, "extracted text, untouched (floor)")
    if name == "unstructured":
        run, real_name, real = _unstructured_runner()
        desc = (
            "unstructured.cleaners.core: group_broken_paragraphs + clean_extra_whitespace"
            if real
            else "baseline: blank-line paragraphs, lines joined, whitespace collapsed"
        )
        return System(real_name, run, desc, regex_only=True)
    dehyphenate, textacy_name = _textacy_runner()
    if name == "textacy":

        def run_textacy(text: str) -> SystemOutput:
            return SystemOutput(body=_reflow(dehyphenate(text)))

        desc = (
            "textacy normalize.hyphenated_words + paragraph-keeping whitespace normalisation"
            if textacy_name == "textacy"
            else "baseline: word-\\nword joined by regex + paragraph-keeping whitespace"
        )
        return System(textacy_name, run_textacy, desc, regex_only=True)
    if name == "wordninja":

        def run_wordninja(text: str) -> SystemOutput:
            return SystemOutput(body=segment_run_together(_reflow(dehyphenate(text))))

        ninja_name = "wordninja" if _segmenter() is not None else "wordninja-unavailable"
        desc = f"{textacy_name} pipeline + wordninja split of tokens unknown to wordfreq"
        return System(ninja_name, run_wordninja, desc)
    raise ValueError(f"unknown system {name!r}; known: {', '.join(SYSTEMS)}")


#: Base names of every system, in report order (newsrepair first, then the floor).
SYSTEMS: tuple[str, ...] = ("newsrepair", "raw", "unstructured", "textacy", "wordninja")


def build_systems(names: list[str] | None = None) -> list[System]:
    """Instantiate the requested systems (all by default), in :data:`SYSTEMS` order.

    A name may be given with or without its ``-baseline`` suffix.
    """
    wanted = {n.split("-")[0] for n in names} if names else set(SYSTEMS)
    unknown = wanted - set(SYSTEMS)
    if unknown:
        raise ValueError(f"unknown systems {sorted(unknown)}; known: {', '.join(SYSTEMS)}")
    return [_build(n) for n in SYSTEMS if n in wanted]
