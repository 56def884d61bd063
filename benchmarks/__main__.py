"""``python -m benchmarks <command>``: build, score, speed, report, run, gate.

* ``build``  – build the corpus (delegates to ``python -m benchmarks.corpus build``)
* ``score``  – score newsrepair and the peers -> ``benchmarks/out/scores.json``
* ``speed``  – throughput, scaling, import time, RSS -> ``benchmarks/out/speed.json``
* ``report`` – redo ``benchmarks/out/report.md`` from the saved JSON
* ``run``    – score + speed + report in one go
* ``gate``   – score newsrepair on the gate corpus against ``benchmarks/floors.json``
* ``profile`` – CPU time per pass of the pipeline, and end to end beside the peers
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

COMMANDS = ("build", "score", "speed", "report", "run", "gate", "profile")


def run(argv: Sequence[str]) -> int:
    """Score, measure speed and write the report with plots."""
    from benchmarks import score, speed
    from benchmarks.report import write_report

    parser = argparse.ArgumentParser(prog="python -m benchmarks run")
    score.add_arguments(parser)
    speed.add_arguments(parser)
    parser.add_argument("--out-dir", default=str(score.DEFAULT_OUT))
    parser.add_argument("--no-speed", action="store_true", help="skip the speed figures")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small run: speed sizes 10K,100K,1M and RSS at 100K",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = "10K,100K,1M"
        args.rss_size = "100K"
    out_dir = Path(args.out_dir)
    corpus = score.resolve_corpus(args.corpus)
    print(f"run: scoring {corpus}", file=sys.stderr)
    systems = [s for s in args.systems.split(",") if s] if args.systems else None
    extractors = [e for e in args.extractors.split(",") if e] if args.extractors else None
    results = score.score_corpus(corpus, systems, extractors, args.jobs, args.limit)
    score.write_results(results, out_dir / "scores.json")
    measured = None
    if not args.no_speed:
        print("run: measuring speed", file=sys.stderr)
        measured = speed.measure_from_args(args, corpus)
        (out_dir / "speed.json").write_text(json.dumps(measured, indent=1), encoding="utf-8")
    path = write_report(results, measured, out_dir)
    print(f"run: wrote {path}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the sub-command."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help") or args[0] not in COMMANDS:
        print(__doc__)
        return 0 if not args or args[0] in ("-h", "--help") else 2
    command, rest = args[0], args[1:]
    if command == "build":
        # The corpus package is owned separately; call it as its own CLI so this
        # dispatcher does not depend on its internals.
        return subprocess.run(
            [sys.executable, "-m", "benchmarks.corpus", "build", *rest]
        ).returncode
    if command == "score":
        from benchmarks.score import main as score_main

        return score_main(rest)
    if command == "speed":
        from benchmarks.speed import main as speed_main

        return speed_main(rest)
    if command == "report":
        from benchmarks.report import main as report_main

        return report_main(rest)
    if command == "profile":
        from benchmarks.profile import main as profile_main

        return profile_main(rest)
    if command == "gate":
        from benchmarks.gate import main as gate_main

        return gate_main(rest)
    return run(rest)


if __name__ == "__main__":
    raise SystemExit(main())
