"""Pass 8: word-level fixes: restore lost compound hyphens, split run-together words.

"socalled" becomes "so-called" when the document writes "so-called" elsewhere
(strong evidence) or, for a lowercase word the lexicon does not know, when it
is a known prefix before a common word. "Whetherthis" becomes "Whether this"
only when the document itself has the two words side by side, or both are
very common words and the run-together form is unknown. Everything weaker is
reported as a finding.
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from collections.abc import Callable

import attrs
import regex

from ._config import Config
from ._draft import (
    ATTRIBUTION,
    BYLINE,
    DATELINE,
    FURNITURE,
    HEADLINE,
    KICKER,
    NOTE,
    Block,
    Draft,
    Line,
)
from ._edits import Ledger
from ._halves import split_halves
from ._language import language_for, prefixes_of
from ._lexicon import Lexicon, cached_zipf, lower_words
from ._normalise import OCR_PIPE_CONFIDENCE, is_table_row

PLAIN_WORD = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{L}+(?![\p{L}\p{M}'’-])")
_SKIP_ROLES = frozenset({FURNITURE, NOTE, ATTRIBUTION, KICKER, HEADLINE, BYLINE, DATELINE})
_MIN_SPLIT_PART = 2
# Zipf levels (wordfreq): a closed form at least this common is a spelling of
# its own ("lawbreakers"), not a compound that lost its hyphen; a word after
# a prefix must be common; each part of a split must be a word; a split on the
# lexicon alone needs two very common words.
SPELLING_ZIPF = 2.0
COMMON_ZIPF = 3.5
PART_ZIPF = 2.0
VERY_COMMON_ZIPF = 4.5
# Two words run together are shorter than this; a longer run of letters is
# no pair of words, and trying every cut of it would cost its length squared.
_MAX_SPLIT_CHARS = 40
# Up to this many suspect words, lines are screened by substring tests
# before they are tokenised; with more, every line is tokenised.
_MAX_SCREENED = 32


@attrs.frozen
class _Edit:
    start: int
    end: int
    after: str
    kind: str
    confidence: float
    note: str


def _match_case(word: str, fixed: str) -> str:
    return fixed[0].upper() + fixed[1:] if word[0].isupper() else fixed


def _compound_forms(lexicon: Lexicon) -> dict[str, str]:
    """Map each hyphenated word of the document, written without hyphens, to its form."""
    return {w.replace("-", ""): w for w in lexicon.vocab if "-" in w}


@functools.lru_cache(maxsize=16)
def _prefixes_by_initial(prefixes: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    # Only a prefix with the word's first letter can match; each group keeps the
    # configured order, so the first matching prefix is the same as in a full
    # scan. An empty prefix can never satisfy the two Zipf tests at once.
    groups: dict[str, list[str]] = defaultdict(list)
    for prefix in prefixes:
        if prefix:
            groups[prefix[0]].append(prefix)
    return {initial: tuple(group) for initial, group in groups.items()}


def _document_form(word: str, forms: dict[str, str], lexicon: Lexicon) -> _Edit | None:
    """The hyphenated spelling the document itself uses for a closed ``word``."""
    low = word.lower()
    # A closed form the lexicon knows as a word ("lawbreakers") is a spelling,
    # not damage, even where the document also hyphenates it.
    if low in forms and lexicon.zipf(low) < SPELLING_ZIPF:
        return _Edit(
            0,
            len(word),
            _match_case(word, forms[low]),
            "restore_hyphen",
            0.95,
            f"'{forms[low]}' occurs in the document",
        )
    return None


def _prefixed_compound(
    word: str,
    zipf: Callable[[str], float],
    prefixes: tuple[str, ...],
    hyphenated: frozenset[str],
) -> _Edit | None:
    """A hyphen restored after a conventional prefix, from the lexicon alone."""
    low = word.lower()
    if not word.islower() or len(word) < 6:
        return None
    for prefix in _prefixes_by_initial(prefixes).get(low[0], ()):
        if prefix not in hyphenated:
            # "co", "multi", "non" ... make closed words as often as hyphenated
            # ones ("covariation"): the lexicon alone cannot tell.
            continue
        if low.startswith(prefix) and len(low) - len(prefix) >= 4:
            rest = low[len(prefix) :]
            if zipf(rest) >= COMMON_ZIPF and zipf(low) < SPELLING_ZIPF:
                return _Edit(
                    0,
                    len(word),
                    f"{prefix}-{rest}",
                    "restore_hyphen",
                    0.85,
                    f"prefix '{prefix}-' before the word '{rest}'; '{low}' is unknown",
                )
    return None


def _split_candidates(word: str, zipf: Callable[[str], float]) -> tuple[tuple[str, str], ...]:
    if not 6 <= len(word) <= _MAX_SPLIT_CHARS or not (
        word.islower() or (word[0].isupper() and word[1:].islower())
    ):
        return ()
    if zipf(word) > 0.0:
        return ()
    return tuple(
        (word[:cut], word[cut:])
        for cut in range(_MIN_SPLIT_PART, len(word) - _MIN_SPLIT_PART + 1)
        if zipf(word[:cut]) >= PART_ZIPF and zipf(word[cut:]) >= PART_ZIPF
    )


@functools.lru_cache(maxsize=1 << 15)
def _lexical_verdict(
    word: str, language: str, prefixes: tuple[str, ...]
) -> tuple[_Edit | None, tuple[tuple[str, str], ...]]:
    """What the lexicon alone says of a word the document writes at most once.

    It depends on the word, the language and the prefixes only, so one
    process judges each word once however many documents hold it; the
    cache is bounded and can never change an answer.
    """

    def zipf(piece: str) -> float:
        return cached_zipf(piece.lower(), language)

    hyphenated = language_for(language).hyphenated_prefixes
    fix = _prefixed_compound(word, zipf, prefixes, hyphenated)
    if fix is not None:
        return fix, ()
    return None, _split_candidates(word, zipf)


_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)]*\s*$")


def _sentence_initial(block: Block, n: int, at: int) -> bool:
    """Whether the word at ``at`` of line ``n`` starts a sentence."""
    before = block.lines[n].text[:at]
    if before.strip():
        return bool(_SENTENCE_END.search(before))
    return n == 0 or bool(_SENTENCE_END.search(block.lines[n - 1].text))


def _choose_split(
    word: str, splits: tuple[tuple[str, str], ...], seen: set[tuple[str, str]], lexicon: Lexicon
) -> tuple[str, str, float, str] | None:
    """The one split the evidence supports, with its confidence and reason.

    The document writing the two words side by side is strong evidence; two
    very common words alone are weak (under the default bar: a finding).
    """
    supported = [s for s in splits if (s[0].lower(), s[1].lower()) in seen]
    if len(supported) == 1:
        left, right = supported[0]
        return left, right, 0.95, f"'{left} {right}' occurs in the document"
    common = [
        s
        for s in splits
        if min(lexicon.zipf(s[0]), lexicon.zipf(s[1])) >= VERY_COMMON_ZIPF
        and min(len(s[0]), len(s[1])) >= 3
    ]
    if len(common) == 1:
        left, right = common[0]
        return left, right, 0.75, f"'{word}' is unknown; '{left}' and '{right}' are common words"
    return None


def _judge_word(
    word: str, forms: dict[str, str], lexicon: Lexicon, prefixes: tuple[str, ...]
) -> tuple[_Edit | None, tuple[tuple[str, str], ...]]:
    """A restored hyphen for ``word`` (span relative to the word), or its candidate splits.

    A word the document writes more than once is its own spelling; only
    the document's hyphenated form of it can say otherwise.
    """
    if lexicon.count(word) > 1:
        return _document_form(word, forms, lexicon), ()
    fix = _document_form(word, forms, lexicon)
    if fix is not None:
        return fix, ()
    return _lexical_verdict(word, lexicon.language, prefixes)


def _clear_of_earlier_edits(line: Line, edit: _Edit) -> _Edit | None:
    """``edit`` narrowed to what it changes where an earlier pass edited the
    word already ("com-  m uters", its hyphen taken off, then rejoined), or
    None where it still overlaps that edit: every repair's span must stand
    apart from the others' for the log to replay."""
    inside = [t for t, _ in line.anchors if edit.start < t < edit.end]
    if not inside:
        return edit
    old = line.text[edit.start : edit.end]
    new = edit.after
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    start, end = edit.start + head, edit.end - tail
    if any(start <= t <= end for t in inside):
        return None
    return attrs.evolve(edit, start=start, end=end, after=new[head : len(new) - tail])


def run(draft: Draft, config: Config) -> Draft:
    """Restore lost compound hyphens and split run-together words in body text."""
    lexicon = draft.lexicon
    if lexicon is None or not config.use_lexicon:
        return draft
    forms = _compound_forms(lexicon)
    prefixes = prefixes_of(config)  # looked up once: every word is judged with them
    # First gather candidate splits, then scan the document once for the word
    # pairs they need, so evidence costs one pass, not one pass per word.
    plans: dict[
        tuple[int, int], list[tuple[int, regex.Match[str], tuple[tuple[str, str], ...]]]
    ] = defaultdict(list)
    needed: set[tuple[str, str]] = set()
    edits: dict[tuple[int, int], list[_Edit]] = defaultdict(list)
    # A word's verdict depends only on the word and the document. Each distinct
    # word is judged once, when first seen, and only lines holding a word with
    # a verdict are scanned for positions: most lines hold none. Nothing per
    # line but its place is kept, so memory follows the vocabulary.
    verdicts: dict[str, tuple[_Edit | None, tuple[tuple[str, str], ...]]] = {}
    flagged: set[str] = set()
    eligible: list[tuple[int, int, str]] = []
    # The document's vocabulary holds every word of an unedited line. A word
    # whose lowercase form has no verdict has none in any case (the tests
    # ask for lowercase or capitalised words, and count and lexicon ignore
    # case), so a line holding none of the suspects is not even tokenised.
    suspects = [
        w
        for w in lexicon.vocab
        if len(w) >= 5 and w.isalpha() and any(_judge_word(w, forms, lexicon, prefixes))
    ]
    screen = len(suspects) <= _MAX_SCREENED
    for b, block in enumerate(draft.blocks):
        if block.role in _SKIP_ROLES:
            continue
        for n, line in enumerate(block.lines):
            text = line.text
            # Edits are placed in the source through the line's own offset map
            # (a line the hyphens pass edited keeps one); a line-end soft hyphen
            # shown as "-", or a hyphen taken off, changes no offset before it.
            if line.soft_hyphen_end and text.endswith("-"):
                text = text[:-1]
            if not line.anchors and draft.source[line.start : line.start + len(text)] != text:
                continue
            eligible.append((b, n, text))
            if screen and not line.anchors:
                low = text.lower()
                if not any(w in low for w in suspects):
                    continue
            words = PLAIN_WORD.findall(text)
            for word in set(words).difference(verdicts):
                verdict = verdicts[word] = (
                    _judge_word(word, forms, lexicon, prefixes) if len(word) >= 5 else (None, ())
                )
                if verdict[0] is not None or verdict[1]:
                    flagged.add(word)
            if flagged.isdisjoint(words):
                continue
            for m in PLAIN_WORD.finditer(text):
                word = m.group()
                if word not in flagged:
                    continue
                fix, splits = verdicts[word]
                if fix is not None:
                    edits[(b, n)].append(attrs.evolve(fix, start=m.start(), end=m.end()))
                elif word[0].isupper() and not _sentence_initial(draft.blocks[b], n, m.start()):
                    # A capitalised unknown word inside a sentence is a name
                    # ("Oldmarket"); only a sentence's first word may be run together.
                    continue
                else:
                    plans[(b, n)].append((m.start(), m, splits))
                    needed.update((left.lower(), right.lower()) for left, right in splits)
    if needed:
        seen: set[tuple[str, str]] = set()
        for block in draft.blocks:
            words = lower_words(block.text)
            seen.update(pair for pair in itertools.pairwise(words) if pair in needed)
        for key, planned in plans.items():
            for _, m, splits in planned:
                split = _choose_split(m.group(), splits, seen, lexicon)
                if split is not None:
                    left, right, confidence, why = split
                    edits[key].append(
                        _Edit(m.start(), m.end(), f"{left} {right}", "split_words", confidence, why)
                    )
    lang = language_for(config.language)
    spans = [(line.start, line.end) for line in (draft.blocks[b].lines[n] for b, n, _ in eligible)]
    found = split_halves(eligible, spans, draft.source, lexicon, lang)
    for b, n, start, end, joined, confidence, why in found:
        edits[(b, n)].append(_Edit(start, end, joined, "rejoin_word", confidence, why))
    # OCR reads a capital I as a vertical bar. Normalising made every such
    # bar "I" already when the bar allows it; what is left here is under
    # the bar, and the ledger reports it as a finding.
    if config.min_confidence > OCR_PIPE_CONFIDENCE:
        for b, n, text in eligible:
            if "|" not in text or is_table_row(text):
                continue
            for m in lang.ocr_pipe_i.finditer(text):
                edits[(b, n)].append(
                    _Edit(
                        m.start(),
                        m.end(),
                        lang.first_person,
                        "ocr_pipe",
                        OCR_PIPE_CONFIDENCE,
                        "'|' standing as a word before a lowercase word is OCR for 'I'",
                    )
                )
    if not edits:
        return draft
    ledger = Ledger(draft, config)
    blocks: list[Block] = list(draft.blocks)
    by_block: dict[int, dict[int, list[_Edit]]] = defaultdict(dict)
    for (b, n), items in edits.items():
        by_block[b][n] = items
    for b, per_line in by_block.items():
        block = blocks[b]
        lines = list(block.lines)
        for n, items in per_line.items():
            line = lines[n]
            made: list[tuple[int, int, str]] = []
            reach = 0
            for edit in sorted(items, key=lambda e: e.start):
                if edit.start < reach:
                    continue  # two rules on one word: the first edit stands
                reach = edit.end
                clear = _clear_of_earlier_edits(line, edit)
                if clear is None:
                    continue
                start, end = line.to_source(clear.start), line.to_source(clear.end)
                after = clear.after
                if ledger.propose(clear.kind, start, end, after, clear.confidence, clear.note):
                    made.append((clear.start, clear.end, after))
            lines[n] = line.edited_many(made)
        blocks[b] = attrs.evolve(block, lines=tuple(lines))
    return ledger.close(draft, blocks=tuple(blocks))
