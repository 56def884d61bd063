"""Pass 7: resolve hyphens at line and block ends.

Each line-end hyphen inside a block is joined ("chang-" + "es" → "changes"),
kept ("US-" + "Iran" → "US-Iran") or, below the confidence bar, left as a
hyphen with a finding. The evidence and its order are in
:func:`newsrepair._lexicon.judge_hyphen`.
"""

from __future__ import annotations

import attrs
import regex

from ._config import Config
from ._draft import Block, Draft, Line
from ._edits import Ledger
from ._halves import NO_WORD_ZIPF, halves_verdict
from ._language import Language, language_for, prefix_set
from ._lexicon import Lexicon, judge_hyphen, judge_soft_hyphen
from ._shapes import FIRST_WORD, hyphen_piece, lower_end

# The dropped hyphen's pieces: the second is no word on its own, the two
# make a common one (wordfreq's Zipf scale).
NO_WORD = 1.0
COMMON_WORD = 3.0
# The word ending a line, capitalised or not, not after a hyphen or apostrophe.
LAST_WORD = regex.compile(r"(?r)(?<![\p{L}\p{M}'’-])\p{Lu}?\p{Ll}+$")
CLOSED_DASH = regex.compile(r"\w—\w")
SPACED_DASH = regex.compile(r"\s—\s")
# "\n" too, since "$" also matches before a final newline.
_BREAK_ENDS = frozenset("-/—\n")


def _closed_break(text: str, closed_dashes: bool) -> bool:
    """Whether a line ending like this joins the next line with no space."""
    if text.endswith("/") and len(text) > 1 and text[-2].isalnum():
        return True
    return closed_dashes and text.endswith("—") and len(text) > 1 and text[-2].isalnum()


# The pieces make a common word and the second is none on its own; the
# extractor may still have printed two words, so under a hyphen join's 0.95.
REJOIN_CONFIDENCE = 0.85


def _rejoin(ledger: Ledger, a: Line, b: Line, lexicon: Lexicon, lang: Language) -> bool:
    """Rejoin a word whose line-end hyphen the extractor dropped; ``True`` if done.

    The second piece must be no word on its own and the two pieces one
    common word. The cheap tests of the next line's first word come first:
    almost every line goes on with a word, and then nothing else is asked.
    Failing that, when the second piece is no word or an ending, the
    split-halves rule of :mod:`._halves` decides (a capitalised first half,
    an ending split off: "Para" / "lympics", "great" / "est").
    """
    first = FIRST_WORD.match(b.text)
    if not first or first.start(1) != 0:
        return False
    right = first.group(1)
    if not right.islower():
        return False
    if (
        len(right) >= 3
        and lexicon.count(right) <= 1
        and lexicon.zipf(right) < NO_WORD
        # Sought last: the next line almost always opens with a known word.
        and (left := lower_end(a.text)) is not None
        and lexicon.zipf(left + right) >= COMMON_WORD
    ):
        confidence = REJOIN_CONFIDENCE
        note = f"{left}|{right}: the pieces make one word and the second is none on its own"
    else:
        # Most lines go on with a word after a word: then only an ending
        # split off can be a half. A line that ends in no word ("Califor" /
        # "nia") is asked too, as the same halves inside a line are.
        end = LAST_WORD.search(a.text)
        if end is None:
            return False
        if right not in lang.split_endings and (
            lexicon.count(right) > 2 or lexicon.zipf(right) >= NO_WORD_ZIPF
        ):
            last = end.group().lower()
            if lexicon.count(last) > 2 or lexicon.zipf(last) >= NO_WORD_ZIPF:
                return False
        stop = b.text[len(right) : len(right) + 1] == "."
        verdict = halves_verdict(end.group(), right, stop, lexicon, lang)
        if verdict is None:
            return False
        confidence, why = verdict
        note = f"{end.group()}|{right}: {why}"
    source = ledger.draft.source
    if source[a.end : b.start].strip():
        # Other material stands between the pieces (a running head across a
        # page break): it keeps its own place, so the edit replaces nothing
        # and the span only says what the join crossed.
        span = ledger.draft.input_span(a.end, b.start)
        return ledger.propose("rejoin_word", a.end, a.end, "", confidence, note, span=span)
    return ledger.propose("rejoin_word", a.end, b.start, "", confidence, note)


def _flattened_hyphens(
    draft: Draft,
    line: Line,
    lexicon: Lexicon,
    prefixes: frozenset[str],
    ledger: Ledger,
    lang: Language,
) -> Line:
    """Resolve line-end hyphens that an earlier flattening left inside the line.

    All matches are judged on the line as it stands and edited at once; the
    line's own offset map places them in the source even when an earlier
    pass edited the line.
    """
    made: list[tuple[int, int, str]] = []
    for m in lang.flattened_hyphen.finditer(line.text):
        left, right = m.group(1), m.group(2)
        verdict = judge_hyphen(left, right, lexicon, prefixes)
        # The hyphen and the spaces after it: a justified line keeps several.
        cut, rest = m.end(1), m.start(2)
        at, stop = line.to_source(cut), line.to_source(rest)
        note = f"{left}- {right}: {verdict.reason}"
        if verdict.action == "unsure":
            ledger.find("uncertain_hyphen", at, stop, f"{note}; left as is")
            continue
        after = "" if verdict.action == "join" else "-"
        kind = "dehyphenate" if verdict.action == "join" else "keep_hyphen"
        if ledger.propose(kind, at, stop, after, verdict.confidence, note):
            made.append((cut, rest, after))
    return line.edited_many(made)


def run(draft: Draft, config: Config) -> Draft:
    """Decide every hyphen that ends a line inside a block."""
    lexicon = draft.lexicon or Lexicon.from_texts((), config.language, False)
    lang = language_for(config.language)
    prefixes = prefix_set(config)
    ledger = Ledger(draft, config)
    blocks: list[Block] = []
    closed_dashes = "—" in draft.source and len(CLOSED_DASH.findall(draft.source)) > len(
        SPACED_DASH.findall(draft.source)
    )
    for block in draft.blocks:
        lines = list(block.lines)
        joints = list(block.joints) + [" "] * (len(lines) - 1 - len(block.joints))
        changed = False
        for i, line in enumerate(lines):
            if "- " in line.text:
                fixed = _flattened_hyphens(draft, line, lexicon, prefixes, ledger, lang)
                if fixed is not line:
                    lines[i] = fixed
                    changed = True
        for i in range(len(lines) - 1):
            a, b = lines[i], lines[i + 1]
            # Only a line ending in a hyphen (HYPHEN_END), a slash or a dash
            # (_closed_break) is acted on; the regexes scan far more than this.
            if a.text[-1:] not in _BREAK_ENDS:
                if (
                    a.text[-1:].islower()
                    and b.text[:1].islower()
                    and _rejoin(ledger, a, b, lexicon, lang)
                ):
                    # "com" / "muters": the extractor dropped the hyphen.
                    joints[i] = ""
                    changed = True
                continue
            piece = hyphen_piece(a.text)
            first = FIRST_WORD.match(b.text)
            if first and first.start(1) == 0 and _closed_break(a.text, closed_dashes):
                # "and/" + "or", "residents—" + "a quarter" in a closed-dash
                # document: the line break stood for no space at all.
                joints[i] = ""
                changed = True
                continue
            if piece is not None and first and a.hard_hyphen_end:
                # A non-breaking hyphen was printed as part of the word.
                joints[i] = ""
                changed = True
                continue
            if piece is None or not first:
                continue
            left, right = piece, first.group(1)
            if first.start(1) != 0:
                continue
            verdict = (
                judge_soft_hyphen(left, right, lexicon, prefixes)
                if a.soft_hyphen_end
                else judge_hyphen(left, right, lexicon, prefixes)
            )
            hyphen = a.end - 1
            note = f"{left}-|{right}: {verdict.reason}"
            changed = True
            joints[i] = ""
            if verdict.action == "unsure":
                ledger.find("uncertain_hyphen", hyphen, a.end, f"{note}; left as '{left}-{right}'")
            elif verdict.action == "join":
                if ledger.propose(
                    "dehyphenate", hyphen, a.end, "", verdict.confidence, f"{note} → {left}{right}"
                ):
                    lines[i] = attrs.evolve(a, text=a.text[:-1])
            else:
                keep = f"{note} → {left}-{right}"
                if (
                    ledger.propose("keep_hyphen", hyphen, a.end, "-", verdict.confidence, keep)
                    and a.soft_hyphen_end
                ):
                    # The U+00AD is now accounted for by this repair, not as a
                    # soft hyphen that joined nothing.
                    lines[i] = attrs.evolve(a, soft_hyphen_end=False)
        if changed:
            block = attrs.evolve(block, lines=tuple(lines), joints=tuple(joints))
        blocks.append(block)
    return ledger.close(draft, blocks=tuple(blocks))
