"""Adversarial inputs for newsrepair: time and peak memory at two sizes.

``python -m benchmarks.adversarial`` repairs each input of :data:`INPUTS` at a
base size and at :data:`GROWTH` times that size, and prints a table of the
seconds, the peak memory the repair allocated (``tracemalloc``) and the ratio
of the two times. Linear time shows as a ratio near the growth factor; a
quadratic part shows as a ratio near its square. ``--scale`` multiplies both
sizes. The inputs are also what ``tests/test_adversarial.py`` runs, at its
own sizes, under a time limit.

Each input is a function of ``n``, a repeat count; the shapes are the ones
that made passes slow, crash or lose characters (one enormous line, many
line-end hyphens, labels, jump lines, repeated lines, odd characters).
"""

from __future__ import annotations

import argparse
import gc
import resource
import time
import tracemalloc
from collections.abc import Callable, Sequence

from newsrepair import repair

PROSE = (
    "the council said on monday that the new plan for the harbour would cost more "
    "than the old one, and that work on the northern pier could start in the spring. "
)

# Characters that extractors and hostile callers put in text: controls and NUL,
# lone surrogates, combining marks, right-to-left text and marks, every line
# break Python knows, soft and non-breaking hyphens, ligatures, odd spaces.
ODD = (
    "A\x00b\x01c\x07\x1b[0m \ud800 \udfff e\u0301\u0301\u0301 \u05e9\u05dc\u05d5\u05dd "
    "\u0645\u0631\u062d\u0628\u0627 \u200f\u202e rtl\u202c\r\nline\rend\u2028sep\u2029"
    "x\x85y\x0b\x0c\x1c\x1d\x1e co\u00adop\u00ad\nera\u2011tion \ufb01ne \ufb03ce "
    "\u00a0\u2009\u3000 \u200b\u200c\u200d\u2060\ufeff \ue000 \U0001f600\U0001f1f3\U0001f1f4\n"
)


def _near_identical(n: int) -> str:
    # Lines that differ in one character: similar enough for the pull-quote
    # and running-head detectors to compare each with many others.
    return "".join(f"The council met on Monday {k % 97} times.\n" for k in range(n))


def _collapsed_columns(n: int) -> str:
    # Two columns of about 30 characters squeezed into one line per row, with
    # words broken at the end of either column's line: every row is cut and
    # every block of rows between blank lines is searched for its reading.
    rows = (
        "the council said on monday that the harbour works could start in the spring, cost-\n"
        "the new plan for the har- ing more than the old one,\n"
        "bour would cost more than and work on the northern\n"
        "the old one, and that work pier could start in the sp-\n"
        "on the northern pier could ring, the council said.\n"
    )
    return "".join(rows + ("\n" if k % 40 == 39 else "") for k in range(n))


INPUTS: dict[str, Callable[[int], str]] = {
    "prose on one line": lambda n: PROSE * n,
    "short sentences on one line": lambda n: "We met. It rained. They left. " * n,
    "word- word on one line": lambda n: "exam- ple " * n,
    "line-end hyphens": lambda n: "gov-\nern " * n,
    "identical short lines": lambda n: "The council met.\n" * n,
    "near-identical short lines": _near_identical,
    "whitespace only": lambda n: " \t\n\r\f\v\u00a0\u2028" * n,
    "punctuation only": lambda n: ".,;:!?-\u2014\"'()[]*/" * n,
    "Q: labels": lambda n: "Q: " * n,
    "Q: label lines": lambda n: "Q: Why?\nA: Because.\n" * n,
    "jump lines": lambda n: "Continued on Page 7\n" * n,
    "odd characters": lambda n: ODD * n,
    "collapsed columns": _collapsed_columns,
}
"""Name → ``n`` → text; ``n`` is a repeat count, so the size is linear in it."""

BASE = {
    "prose on one line": 2_000,
    "short sentences on one line": 2_000,
    "word- word on one line": 4_000,
    "line-end hyphens": 10_000,
    "identical short lines": 5_000,
    "near-identical short lines": 5_000,
    "whitespace only": 10_000,
    "punctuation only": 5_000,
    "Q: labels": 20_000,
    "Q: label lines": 2_500,
    "jump lines": 2_500,
    "odd characters": 500,
    "collapsed columns": 400,
}
"""The base repeat count of each input (about 40-160 KB)."""

GROWTH = 4


def measure(text: str) -> tuple[float, int]:
    """Seconds for one repair of ``text``, and the peak bytes a second one allocates."""
    gc.collect()
    start = time.perf_counter()
    repair(text)
    seconds = time.perf_counter() - start
    # tracemalloc slows allocation several times over: time and memory are
    # measured in separate runs so the times stay honest.
    gc.collect()
    tracemalloc.start()
    repair(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table of time and memory for each input at two sizes."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.adversarial",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply both sizes")
    parser.add_argument("--only", default="", help="run only inputs whose name holds this")
    args = parser.parse_args(argv)
    head = (f"{'input':<30} {'size':>9} {'s':>7} {'MB':>7} {f'size x{GROWTH}':>9} {'s':>7} "
            f"{'MB':>7} {'ratio':>6}")
    print(head)
    print("-" * len(head))
    # Load the word lists first, so the first row does not pay for them.
    repair("The council met on Monday.")
    for name, make in INPUTS.items():
        if args.only not in name:
            continue
        n = max(1, int(BASE[name] * args.scale))
        small, large = make(n), make(GROWTH * n)
        t1, m1 = measure(small)
        t2, m2 = measure(large)
        print(f"{name:<30} {len(small):>9,} {t1:>7.2f} {m1 / 1e6:>7.1f} "
              f"{len(large):>9,} {t2:>7.2f} {m2 / 1e6:>7.1f} {t2 / max(t1, 1e-6):>6.1f}",
              flush=True)
    # ru_maxrss is in KiB on Linux: the whole process's high-water mark.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {rss:.0f} MB; time ratio for linear work ≈ {GROWTH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
