"""Helpers shared by the test modules: character accounting over an article, a time limit."""

from __future__ import annotations

import contextlib
import faulthandler
import signal
from collections import Counter
from collections.abc import Iterator

from newsrepair import Article
from newsrepair._audit import ledger, output_places


def non_ws(text: str) -> Counter[str]:
    """Count the non-whitespace characters of ``text``."""
    return Counter(ch for ch in text if not ch.isspace())


def difference(text: str, article: Article) -> dict[str, int]:
    """Characters in the ledger's input side minus its output side (and back, negative)."""
    left, right = ledger(text, article)
    diff = dict(left)
    for ch, n in right.items():
        diff[ch] = diff.get(ch, 0) - n
    return {ch: n for ch, n in sorted(diff.items()) if n}


def missing_from_union(text: str, article: Article) -> list[str]:
    """Input non-whitespace characters that appear in no output place and no repair."""
    seen: set[str] = set()
    for place in output_places(article):
        seen.update(place)
    for r in article.repairs:
        seen.update(r.before)
    return sorted({ch for ch in text if not ch.isspace()} - seen)


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Fail with TimeoutError when the block runs longer than ``seconds``.

    SIGALRM interrupts Python code (where a quadratic loop lives); a hang
    inside C code (a regex engine that never yields) cannot be interrupted
    that way, so faulthandler is also armed at twice the limit to dump every
    thread's stack and end the process instead of hanging the test run.
    """
    def expire(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    faulthandler.dump_traceback_later(2 * seconds, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
