"""Integrity check: is every word of the gold really on the rendered page?

The gold is only worth something if the renderer printed all of it. A box
that overflows and is clipped, or a figure the layout dropped without
telling the plan, would make the gold lie. After each build we count the
words of the gold (body, headline, pull quotes, captions, furniture) and the
words of the ``pdftotext`` output; any word the page has fewer times than
the gold is reported in the manifest.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

_WORD = re.compile(r"[^\W\d_]+")
# A word broken at a line end by the typesetter (any hyphen-like character,
# or none at all when a long word was cut without one).
_BROKEN = re.compile(r"([^\W\d_]+)[-\u2010\u00ad]?\n+([^\W\d_]+)")
# A hyphenated compound in the gold ("north-east"); some extractors join it.
_COMPOUND = re.compile(r"([^\W\d_]+)[-\u2010]\s*([^\W\d_]+)")


def gold_words(gold: dict[str, Any]) -> Counter[str]:
    """Words the page must show, with their counts."""
    return Counter(w.lower() for w in _WORD.findall(_gold_text(gold)))


def _gold_text(gold: dict[str, Any]) -> str:
    """All text the gold says is printed, one part per line."""
    parts: list[str] = [str(gold.get(k) or "") for k in
                        ("kicker", "headline", "deck", "byline", "dateline")]
    if gold.get("gold_lines"):
        parts.extend(str(x) for x in gold["gold_lines"])
    else:
        parts.extend(p["text"] for p in gold["paragraphs"])
    parts.extend(q["text"] for q in gold["pull_quotes"])
    for c in gold["captions"]:
        parts.append(c["text"])
        parts.append(c.get("credit_printed") or c.get("credit") or "")
    parts.extend(gold["furniture"])
    return "\n".join(parts)


def page_words(text: str) -> Counter[str]:
    """Words on the page; a line-end break counts as its pieces *and* joined.

    Counting both forms over-counts, which is harmless: we only look for
    words the page has too few of.
    """
    words = Counter(w.lower() for w in _WORD.findall(text))
    # Overlapping matches matter (a line's last word may also start it), so
    # scan with a lookahead rather than findall's non-overlapping matches.
    words.update((m.group(1) + m.group(2)).lower()
                 for m in re.finditer(r"(?=" + _BROKEN.pattern + ")", text))
    return words


def missing_words(gold: dict[str, Any], *texts: str) -> list[str]:
    """Gold words (with multiplicity) that none of the extracted *texts* has enough of.

    Several extractions can be given: each may hide a word differently (raw
    stream order puts a caption between the halves of a hyphenated word,
    reading order may merge words of narrow columns); a word counts as shown
    as often as the best of them shows it.
    """
    need = gold_words(gold)
    have: Counter[str] = Counter()
    for text in texts:
        have |= page_words(text)
    for a, b in _COMPOUND.findall(_gold_text(gold)):
        joined = (a + b).lower()
        if have[joined] > 0:
            have[a.lower()] += 1
            have[b.lower()] += 1
    heads, tails = _line_fragments(texts)
    out: list[str] = []
    for word, n in need.items():
        if have[word] < n and not _split_anywhere(word, heads, tails):
            out.extend([word] * (n - have[word]))
    return out


def _line_fragments(texts: tuple[str, ...]) -> tuple[set[str], set[str]]:
    """Hyphen-ended line ends and line-start words of all *texts*, lowercased."""
    heads: set[str] = set()
    tails: set[str] = set()
    for text in texts:
        heads.update(m.lower() for m in re.findall(r"([^\W\d_]+)[-\u2010\u00ad]$", text, re.M))
        tails.update(m.lower() for m in re.findall(r"^([^\W\d_]+)", text, re.M))
    return heads, tails


def _split_anywhere(word: str, heads: set[str], tails: set[str]) -> bool:
    """True when *word* was hyphenated at a line end and its halves lie apart.

    That happens at a jump ("pro-" on page one, "tection" after the jump
    lines on page two) or around an out-of-flow box in stream order: the
    word is on the page, just not in one piece anywhere.
    """
    return any(word[:i] in heads and word[i:] in tails for i in range(2, len(word) - 1))
