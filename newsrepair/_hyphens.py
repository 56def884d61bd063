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
from ._lexicon import HyphenVerdict, Lexicon, judge_hyphen
from ._reflow import FIRST_WORD, HYPHEN_END

CLOSED_DASH = regex.compile(r"\w—\w")
SPACED_DASH = regex.compile(r"\s—\s")
# "\n" too, since "$" also matches before a final newline.
_BREAK_ENDS = frozenset("-/—\n")


def _closed_break(text: str, closed_dashes: bool) -> bool:
    """Whether a line ending like this joins the next line with no space."""
    if text.endswith("/") and len(text) > 1 and text[-2].isalnum():
        return True
    return closed_dashes and text.endswith("—") and len(text) > 1 and text[-2].isalnum()


# A line break flattened into a space by copy-paste: "com- muters". Not a
# suspended compound ("pre- and post-war"), whose next word is a conjunction.
FLATTENED = regex.compile(
    r"(?<![\p{L}\p{N}-])(\p{L}[\p{L}\p{M}'’]*)- "
    r"(?!(?:and|or|to|nor|but|und)\b)(\p{Ll}[\p{L}\p{M}'’]*)"
)


# The pieces make a common word and the second is none on its own; the
# extractor may still have printed two words, so under a hyphen join's 0.95.
REJOIN_CONFIDENCE = 0.85
LAST_PIECE = regex.compile(r"(?<![\p{L}\p{M}'’-])\p{Ll}+$")


def _lost_hyphen(text: str, right: str, lexicon: Lexicon) -> bool:
    """Whether a word was broken at this line end with its hyphen lost."""
    piece = LAST_PIECE.search(text)
    if not piece or not right.islower() or len(right) < 3:
        return False
    left = piece.group()
    return (
        lexicon.count(right) <= 1
        and lexicon.zipf(right) < 1.0
        and lexicon.zipf(left + right) >= 3.0
    )


def _rejoin(ledger: Ledger, a: Line, b: Line, lexicon: Lexicon) -> bool:
    """Rejoin a word whose line-end hyphen the extractor dropped; ``True`` if done."""
    first = FIRST_WORD.match(b.text)
    piece = LAST_PIECE.search(a.text)
    if not first or not piece or first.start(1) != 0:
        return False
    right = first.group(1)
    if not _lost_hyphen(a.text, right, lexicon):
        return False
    return ledger.propose(
        "rejoin_word",
        a.end,
        b.start,
        "",
        REJOIN_CONFIDENCE,
        f"{piece.group()}|{right}: the pieces make one word and the second is none on its own",
    )


def _flattened_hyphens(
    draft: Draft,
    line: Line,
    lexicon: Lexicon,
    prefixes: frozenset[str],
    ledger: Ledger,
) -> Line:
    """Resolve line-end hyphens that an earlier flattening left inside the line.

    Matches are edited last to first, so each match's offsets still hold
    when it is edited; the line's own offset map places them in the source
    even when an earlier pass edited the line.
    """
    for m in reversed(list(FLATTENED.finditer(line.text))):
        left, right = m.group(1), m.group(2)
        verdict = judge_hyphen(left, right, lexicon, prefixes)
        cut = m.end(1)
        at, stop = line.to_source(cut), line.to_source(cut + 2)
        note = f"{left}- {right}: {verdict.reason}"
        if verdict.action == "unsure":
            ledger.find("uncertain_hyphen", at, stop, f"{note}; left as is")
            continue
        after = "" if verdict.action == "join" else "-"
        kind = "dehyphenate" if verdict.action == "join" else "keep_hyphen"
        if ledger.propose(kind, at, stop, after, verdict.confidence, note):
            line = line.edited(cut, cut + 2, after)
    return line


def run(draft: Draft, config: Config) -> Draft:
    """Decide every hyphen that ends a line inside a block."""
    lexicon = draft.lexicon or Lexicon.from_texts((), config.language, False)
    prefixes = frozenset(config.keep_prefixes)
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
                fixed = _flattened_hyphens(draft, line, lexicon, prefixes, ledger)
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
                    and _rejoin(ledger, a, b, lexicon)
                ):
                    # "com" / "muters": the extractor dropped the hyphen.
                    joints[i] = ""
                    changed = True
                continue
            m = HYPHEN_END.search(a.text)
            first = FIRST_WORD.match(b.text)
            if first and first.start(1) == 0 and _closed_break(a.text, closed_dashes):
                # "and/" + "or", "residents—" + "a quarter" in a closed-dash
                # document: the line break stood for no space at all.
                joints[i] = ""
                changed = True
                continue
            if m and first and a.hard_hyphen_end:
                # A non-breaking hyphen was printed as part of the word.
                joints[i] = ""
                changed = True
                continue
            if not m or not first:
                continue
            left, right = m.group(1), first.group(1)
            if first.start(1) != 0:
                continue
            verdict = (
                HyphenVerdict("join", 0.99, "soft hyphen")
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
                ledger.propose("keep_hyphen", hyphen, a.end, "-", verdict.confidence, keep)
        if changed:
            block = attrs.evolve(block, lines=tuple(lines), joints=tuple(joints))
        blocks.append(block)
    return ledger.close(draft, blocks=tuple(blocks))
