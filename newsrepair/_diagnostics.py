"""``newsrepair check``: repairs and findings as linter diagnostics, and baselines.

One :class:`Diagnostic` per proposed repair or finding, at ``path:line:col``
with the rule code of its kind (``R###`` repairs, ``W###`` findings). A
baseline records the diagnostics a corpus already has so that it can go
green and stay green: entries are keyed by file path, code and a fingerprint
of the damaged text (the span and a little context, whitespace collapsed), so
they survive edits elsewhere in the file; a count per key allows repeats.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._explain import Positions, before_after
from ._files import UserError
from ._kinds import code_of
from ._model import Article, Span

BASELINE_VERSION = 1
# Characters of context either side of a span that go into its fingerprint:
# enough to tell two hyphens on one page apart, little enough to survive edits.
CONTEXT = 16
MESSAGE_CONTEXT = 8


@attrs.frozen
class Diagnostic:
    """One repair or finding of one file, ready to print."""

    path: str
    line: int
    col: int
    code: str
    kind: str
    message: str
    fingerprint: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready data for ``--format json``."""
        return attrs.asdict(
            self, value_serializer=lambda _i, _a, v: list(v) if isinstance(v, tuple) else v
        )


def shown(text: str, limit: int = 40) -> str:
    """``text`` quoted on one line, line breaks as ``⏎``, long middles cut."""
    flat = text.replace("\n", "⏎").replace("\t", "⇥")
    if len(flat) > limit:
        half = limit // 2
        flat = f"{flat[:half]}…{flat[-half:]}"
    return f"'{flat}'"


def fingerprint(code: str, text: str, span: Span) -> str:
    """A stable hash of the damaged text at ``span`` and its near context."""
    start, end = span
    around = text[max(0, start - CONTEXT) : end + CONTEXT]
    data = "\0".join((code, " ".join(text[start:end].split()), " ".join(around.split())))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def diagnose(path: str, text: str, article: Article) -> list[Diagnostic]:
    """Every repair and finding of ``article`` (repaired from ``text``), in text order."""
    where = Positions(text)
    out = []
    for r in article.repairs:
        code = code_of(r.kind)
        # The span with a few characters around it: a join or a move never
        # reads '' → '' (`newsrepair explain` gives the evidence).
        was, now = before_after(text, r, around=MESSAGE_CONTEXT)
        message = f"{r.kind}: '{was}' → '{now}' ({r.confidence:.2f})"
        out.append(_make(path, text, where, code, r.kind, message, r.span))
    for f in article.findings:
        code = code_of(f.kind)
        out.append(_make(path, text, where, code, f.kind, f"{f.kind}: {f.message}", f.span))
    return sorted(out, key=lambda d: (d.span, d.code))


def _make(
    path: str, text: str, where: Positions, code: str, kind: str, message: str, span: Span
) -> Diagnostic:
    line, col = where.at(span[0])
    return Diagnostic(path, line, col, code, kind, message, fingerprint(code, text, span), span)


def concise(d: Diagnostic) -> str:
    """``path:line:col: CODE message``."""
    return f"{d.path}:{d.line}:{d.col}: {d.code} {d.message}"


def github(d: Diagnostic) -> str:
    """A GitHub Actions workflow command that annotates the line."""
    message = d.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = d.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::warning file={path},line={d.line},col={d.col},title={d.code}::{d.code} {message}"


def statistics(found: Sequence[Diagnostic]) -> list[str]:
    """Counts per code, most frequent first (as ``ruff --statistics``)."""
    counts = Counter((d.code, d.kind) for d in found)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [f"{n:>6}\t{code}\t{kind}" for (code, kind), n in ranked]


def baseline_key(path: str) -> str:
    """The file path as the baseline records it: relative and with ``/``."""
    as_path = Path(path)
    try:
        return as_path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return as_path.as_posix()


def write_baseline(target: str, found: Iterable[Diagnostic]) -> int:
    """Write a baseline of ``found`` to ``target``; returns how many it holds."""
    files: dict[str, dict[str, int]] = {}
    total = 0
    for d in found:
        entry = files.setdefault(baseline_key(d.path), {})
        key = f"{d.code}:{d.fingerprint}"
        entry[key] = entry.get(key, 0) + 1
        total += 1
    data = {
        "newsrepair-baseline": BASELINE_VERSION,
        "files": {path: dict(sorted(v.items())) for path, v in sorted(files.items())},
    }
    try:
        Path(target).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    except OSError as err:
        raise UserError(f"{target}: cannot write the baseline ({err.strerror})") from None
    return total


class Baseline:
    """Known diagnostics, each suppressed as many times as the baseline counted it."""

    def __init__(self, source: str) -> None:
        try:
            data = json.loads(Path(source).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UserError(
                f"{source}: no such baseline; make one with --write-baseline {source}"
            ) from None
        except (OSError, ValueError) as err:
            raise UserError(f"{source}: not a newsrepair baseline ({err})") from None
        if not isinstance(data, dict) or data.get("newsrepair-baseline") != BASELINE_VERSION:
            raise UserError(f"{source}: not a newsrepair baseline (version {BASELINE_VERSION})")
        self.left: Counter[tuple[str, str]] = Counter()
        for path, entries in data.get("files", {}).items():
            for key, count in entries.items():
                self.left[(path, key)] += int(count)

    def known(self, d: Diagnostic) -> bool:
        """Whether ``d`` is in the baseline (each entry matches its count of times)."""
        key = (baseline_key(d.path), f"{d.code}:{d.fingerprint}")
        if self.left[key] > 0:
            self.left[key] -= 1
            return True
        return False
