"""Command line: ``newsrepair FILE`` (or ``python -m newsrepair FILE``).

Reads a damaged article (``-`` for standard input) and prints the repaired
article as Markdown, plain body text or JSON, optionally with the repair log.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from ._pipeline import repair


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsrepair", description="Repair news text damaged by page layout."
    )
    parser.add_argument("file", help="text file to repair, or - for standard input")
    parser.add_argument(
        "--format",
        choices=("markdown", "text", "json"),
        default="markdown",
        help="what to print (default: markdown)",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also print every repair and finding with its input span",
    )
    parser.add_argument("--encoding", default="utf-8", help="input encoding (default utf-8)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = _parser().parse_args(argv)
    if args.file == "-":
        text = sys.stdin.read()
    else:
        with open(args.file, encoding=args.encoding) as handle:
            text = handle.read()
    article = repair(text)
    if args.format == "json":
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
        return 0
    print(article.text if args.format == "text" else article.to_markdown(), end="")
    if args.explain:
        print("\n---")
        for r in article.repairs:
            print(
                f"repair  {r.kind:<15} {r.span} {r.before!r} -> {r.after!r} "
                f"({r.confidence:.2f}) {r.note}"
            )
        for f in article.findings:
            print(f"finding {f.kind:<15} {f.span} {f.message}")
    return 0


def _run() -> int:
    """Entry point: like :func:`main`, quiet when the reader of stdout goes away."""
    try:
        return main()
    except BrokenPipeError:
        # `newsrepair FILE | head`: the reader closed the pipe; that is no
        # error. Point stdout at nothing so the final flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(_run())
