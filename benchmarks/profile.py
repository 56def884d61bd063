"""``python -m benchmarks profile``: where ``repair()`` spends its time, pass by pass.

Runs every pass of the pipeline on each text of the corpus with its own CPU
timer (``time.process_time``, so a loaded machine's other processes count
less), and prints one table: seconds, share of the total, microseconds per
input line and MB/s for each pass, then end-to-end figures beside the peers'
regex cleaners on the same texts. A regression shows up as one row growing.

Only figures measured in this run are printed; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from benchmarks.peers import build_systems
from benchmarks.score import resolve_corpus
from benchmarks.speed import load_texts

PEERS = ("unstructured", "textacy")


def profile_passes(texts: Sequence[str]) -> tuple[dict[str, float], int, int]:
    """CPU seconds per pass over ``texts``; also the bytes and lines processed."""
    from newsrepair._assemble import assemble
    from newsrepair._config import Config
    from newsrepair._pipeline import PASSES, start_draft

    config = Config()
    seconds: dict[str, float] = defaultdict(float)
    size = lines = 0
    for text in texts:
        size += len(text.encode("utf-8"))
        lines += text.count("\n") + 1
        draft = start_draft(text)
        for name, step in PASSES.items():
            if name not in config.passes:
                continue
            began = time.process_time()
            draft = step(draft, config)
            seconds[name] += time.process_time() - began
        began = time.process_time()
        assemble(draft)
        seconds["assemble"] += time.process_time() - began
    return dict(seconds), size, lines


def _cpu_seconds(run: object, texts: Sequence[str]) -> float:
    began = time.process_time()
    for text in texts:
        run(text)  # type: ignore[operator]
    return time.process_time() - began


def main(argv: Sequence[str] | None = None) -> int:
    """Print the per-pass table and the end-to-end comparison."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks profile", description=__doc__)
    parser.add_argument("--corpus", default=None, help="corpus folder (default: the gate's)")
    parser.add_argument("--extractors", default="", help="comma-separated extractor names")
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--repeat", type=int, default=1, help="run the texts this many times")
    parser.add_argument("--no-peers", action="store_true", help="skip the peers' timing")
    args = parser.parse_args(argv)
    corpus: Path = resolve_corpus(args.corpus)
    extractors = [e for e in args.extractors.split(",") if e] or None
    texts = [t for _, t in load_texts(corpus, extractors, args.limit)] * args.repeat
    if not texts:
        print(f"profile: no texts under {corpus}", file=sys.stderr)
        return 2
    from newsrepair import repair

    repair(texts[0])  # lazy imports and the word list load are not the passes' cost
    seconds, size, lines = profile_passes(texts)
    total = sum(seconds.values())
    print(f"{len(texts)} texts, {size / 1e6:.2f} MB, {lines} lines (CPU time)\n")
    print("| pass | s | share | µs/line | MB/s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, s in seconds.items():
        rate = size / 1e6 / s if s else float("inf")
        print(f"| {name} | {s:.3f} | {s / total:.0%} | {s / lines * 1e6:.1f} | {rate:.1f} |")
    per_line = total / lines * 1e6
    print(f"| **all** | {total:.3f} | 100% | {per_line:.1f} | {size / 1e6 / total:.2f} |")
    if args.no_peers:
        return 0
    ours = _cpu_seconds(repair, texts)
    print("\n| system | s | MB/s | time vs newsrepair |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| newsrepair | {ours:.3f} | {size / 1e6 / ours:.2f} | 1.00 |")
    for system in build_systems(list(PEERS)):
        system.run(texts[0])
        s = _cpu_seconds(system.run, texts)
        print(f"| {system.name} | {s:.3f} | {size / 1e6 / s:.2f} | {s / ours:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
