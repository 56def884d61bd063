"""``newsrepair explain``: every repair and finding with its evidence, in context.

Each repair shows the input around its span before and after the edit, so
that an edit of whitespace or a move never reads ``'' -> ''``: a join shows
the two line ends it joined (and what stood between them), a move shows the
fragment it moved, a dehyphenation the word it made.
"""

from __future__ import annotations

from bisect import bisect_right

from ._kinds import code_of
from ._model import Article, Finding, Repair

# Characters of input shown either side of a span.
AROUND = 24
# Repairs whose edit closes the word: the line break after the span goes too.
WORD_JOINS = frozenset({"dehyphenate", "keep_hyphen", "rejoin_word", "soft_hyphen"})
RESET, BOLD, DIM = "\033[0m", "\033[1m", "\033[2m"
RED, GREEN, YELLOW = "\033[31m", "\033[32m", "\033[33m"
# Longer spans (a join across a running head and a caption) show their ends.
LONGEST = 80


class Positions:
    """Offsets of ``text`` as 1-based (line, column) pairs."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]

    def at(self, offset: int) -> tuple[int, int]:
        """The line and column of ``offset``."""
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _flat(text: str, limit: int = 0) -> str:
    flat = text.replace("\n", "⏎").replace("\t", "⇥")
    if limit and len(flat) > limit:
        flat = f"{flat[: limit // 2]} … {flat[-limit // 2 :]}"
    return flat


def _paint(text: str, colour: str, on: bool) -> str:
    return f"{colour}{text}{RESET}" if on and text else text


def _context(text: str, start: int, end: int, around: int = AROUND) -> tuple[str, str]:
    left = text[max(0, start - around) : start]
    right = text[end : end + around]
    return ("…" if start > around else "") + left, right + ("…" if end + around < len(text) else "")


def before_after(
    text: str, r: Repair, colour: bool = False, around: int = AROUND
) -> tuple[str, str]:
    """The input around ``r`` as it was and as the repair leaves it, on one line each."""
    start, end = r.span
    left, right = _context(text, start, end, around)
    was = text[start:end]
    if r.kind in WORD_JOINS:
        # The reflow removes the line break that followed the hyphen.
        right_after = right.lstrip()
    elif not r.after.strip() and not was.strip():
        # A join or other whitespace edit: the pieces meet at one space.
        left, right_after = left.rstrip(), " " + right.lstrip()
    else:
        right_after = right
    if r.kind == "join" and was.strip():
        # Joined across other material (a running head, a caption): it left the flow.
        right_after = " " + right.lstrip()
        left = left.rstrip()
    before = _flat(left) + _paint(_flat(was, LONGEST) or "⟂", RED, colour) + _flat(right)
    after = _flat(left) + _paint(_flat(r.after), GREEN, colour) + _flat(right_after)
    return before, after


def _repair_lines(path: str, text: str, where: Positions, r: Repair, colour: bool) -> list[str]:
    line, col = where.at(r.span[0])
    before, after = before_after(text, r, colour)
    head = f"{path}:{line}:{col}: {_paint(code_of(r.kind), YELLOW + BOLD, colour)} {r.kind}"
    lines = [
        f"{head} (confidence {r.confidence:.2f})",
        f"    before: {before}",
        f"    after:  {after}",
    ]
    if r.kind == "move":
        lines.insert(1, f"    moved:  '{_flat(r.before)}'")
    if r.note:
        lines.append(_paint(f"    evidence: {r.note}", DIM, colour))
    return lines


def _finding_lines(path: str, text: str, where: Positions, f: Finding, colour: bool) -> list[str]:
    line, col = where.at(f.span[0])
    left, right = _context(text, *f.span)
    seen = _flat(left) + _paint(_flat(text[f.span[0] : f.span[1]]), RED, colour) + _flat(right)
    head = f"{path}:{line}:{col}: {_paint(code_of(f.kind), YELLOW + BOLD, colour)} {f.kind}"
    return [
        f"{head} (not repaired)",
        f"    text:   {seen}",
        _paint(f"    why: {f.message}", DIM, colour),
    ]


def explain(path: str, text: str, article: Article, colour: bool = False) -> list[str]:
    """Lines describing every repair and finding of ``article``, repaired from ``text``."""
    where = Positions(text)
    out: list[str] = []
    for r in article.repairs:
        out.extend(_repair_lines(path, text, where, r, colour))
    for f in article.findings:
        out.extend(_finding_lines(path, text, where, f, colour))
    if not out:
        out.append(f"{path}: nothing to repair")
    return out
