"""The evaluation gate: newsrepair's scores on the gate corpus must not fall.

``benchmarks/floors.json`` holds, per group (``all`` or ``extractor:<name>``), a
floor (``min``) or, for error rates, a ceiling (``max``) per metric. The gate

1. builds the gate corpus (``python -m benchmarks.corpus build --subset gate``) unless
   it already exists,
2. scores newsrepair alone on it,
3. exits 1 when any metric of the **tuning** part is below its floor (or above its
   ceiling). The held-back part (``benchmarks/split.py``) is scored and printed
   beside it, never gated and never written to the floors, so nobody tunes on it.

``--update-floors`` tightens floors to the measured value minus the tolerance and
never loosens one; loosening needs ``--allow-lower --reason "..."``, and the reason
then has to go into the commit message, so a regression is a decision on record.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from benchmarks.score import DEFAULT_OUT, part_view, score_corpus, write_results
from benchmarks.split import HELD_BACK, TUNING

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FLOORS = HERE / "floors.json"
GATE_CORPUS = HERE / ".cache" / "gate"

#: Metrics the gate watches. ``max`` = ceiling (error rate), ``min`` = floor.
GATED: dict[str, str] = {
    "body_wer": "max",
    "para_f1": "min",
    "para_whole": "min",
    "hyphen_acc": "min",
    "hyphen_keep_acc": "min",
    "pq_removal_f1": "min",
    "order": "min",
    "headline_near": "min",
    "caption_f1": "min",
    # Structure: the header fields, captions, furniture and speakers.
    "headline_exact": "min",
    "deck_exact": "min",
    "deck_near": "min",
    "byline_near": "min",
    "dateline_near": "min",
    "caption_recall": "min",
    "credit_acc": "min",
    "furniture_left": "max",
    "speakers_spurious": "max",
}
#: Per extractor only the metrics with enough events per extractor to be stable on
#: the gate subset; pull quotes, captions, compounds and headlines number a dozen or
#: so per extractor there, where one document flips the figure by several points.
GATED_PER_EXTRACTOR: tuple[str, ...] = ("body_wer", "para_f1", "order", "hyphen_acc")
DEFAULT_TOLERANCE = 0.01
FLOORS_COMMENT = (
    "newsrepair on the gate corpus (python -m benchmarks gate). min = floor, max = ceiling. "
    "Raise with --update-floors; lowering needs --allow-lower --reason and the reason in "
    "the commit message."
)


def generator_fingerprint() -> str:
    """Hash of the corpus generator's source: a gate corpus built by other code is stale."""
    digest = hashlib.sha256()
    for path in sorted((HERE / "corpus").rglob("*.py")):
        digest.update(path.relative_to(HERE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


STAMP = ".generator"


def build_gate_corpus(out: Path, rebuild: bool = False) -> None:
    """Build the gate subset with the corpus builder, unless an up-to-date one exists.

    The build records the generator's fingerprint next to the manifest; a corpus
    built by a different generator is rebuilt, since floors only mean something for
    the texts they were measured on.
    """
    stamp = out / STAMP
    fingerprint = generator_fingerprint()
    if (out / "manifest.json").exists() and not rebuild:
        built_by = stamp.read_text(encoding="utf-8").strip() if stamp.exists() else None
        if built_by == fingerprint:
            print(f"gate: reusing corpus {out}", file=sys.stderr)
            return
        print(
            f"gate: corpus {out} was built by another generator version; rebuilding",
            file=sys.stderr,
        )
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.corpus",
        "build",
        "--subset",
        "gate",
        "--out",
        str(out),
    ]
    print("gate: " + " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, cwd=REPO)
    stamp.write_text(fingerprint + "\n", encoding="utf-8")


def measured(results: Mapping[str, Any]) -> dict[str, dict[str, float | None]]:
    """newsrepair's metrics per gate group: ``all`` and ``extractor:<name>``."""
    groups: dict[str, dict[str, float | None]] = {}
    overall = results.get("overall", {}).get("newsrepair", {})
    groups["all"] = {m: overall.get(m) for m in GATED}
    for extractor, metrics in results.get("by_extractor", {}).get("newsrepair", {}).items():
        groups[f"extractor:{extractor}"] = {m: metrics.get(m) for m in GATED_PER_EXTRACTOR}
    return groups


def load_floors(path: Path = FLOORS) -> dict[str, Any]:
    """The floors file, or an empty skeleton when it does not exist yet."""
    if path.exists():
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return data
    return {"tolerance": DEFAULT_TOLERANCE, "floors": {}}


def compare(
    floors: Mapping[str, Any], values: Mapping[str, Mapping[str, float | None]]
) -> list[tuple[str, str, str, float, float | None, bool]]:
    """(group, metric, bound, limit, value, ok) for every floor in the file.

    A metric that could not be measured (group missing, or nothing to measure) fails:
    a gate that silently stops looking is worse than a red build.
    """
    rows = []
    for group, metrics in sorted(floors.get("floors", {}).items()):
        for metric, bound in sorted(metrics.items()):
            kind, limit = next(iter(bound.items()))
            value = values.get(group, {}).get(metric)
            if value is None:
                ok = False
            elif kind == "max":
                ok = value <= limit
            else:
                ok = value >= limit
            rows.append((group, metric, kind, float(limit), value, ok))
    return rows


def updated_floors(
    floors: Mapping[str, Any],
    values: Mapping[str, Mapping[str, float | None]],
    allow_lower: bool,
) -> tuple[dict[str, Any], list[str]]:
    """New floors from measured values minus the tolerance; returns (floors, changes).

    Without ``allow_lower`` a floor only goes up and a ceiling only goes down.
    """
    tol = float(floors.get("tolerance", DEFAULT_TOLERANCE))
    new: dict[str, Any] = {k: v for k, v in floors.items() if k != "floors"}
    new.setdefault("tolerance", tol)
    new.setdefault("_comment", FLOORS_COMMENT)
    table: dict[str, dict[str, dict[str, float]]] = json.loads(json.dumps(floors.get("floors", {})))
    changes: list[str] = []
    for group, metrics in values.items():
        for metric, value in metrics.items():
            if value is None:
                continue
            kind = GATED[metric]
            proposal = round(value + tol, 4) if kind == "max" else round(max(0.0, value - tol), 4)
            current = table.get(group, {}).get(metric, {}).get(kind)
            tighter = current is None or (
                proposal < current if kind == "max" else proposal > current
            )
            if tighter or (allow_lower and proposal != current):
                table.setdefault(group, {})[metric] = {kind: proposal}
                changes.append(f"{group} {metric} {kind}: {current} -> {proposal}")
    new["floors"] = table
    return new, changes


def dump_floors(floors: Mapping[str, Any]) -> str:
    """floors.json text: one metric per line, so a diff shows exactly what moved."""
    text = json.dumps(floors, indent=2, sort_keys=True)
    return re.sub(r'\{\n\s+"(max|min)": ([^\n]+)\n\s+\}', r'{"\1": \2}', text) + "\n"


def _print_rows(
    rows: Sequence[tuple[str, str, str, float, float | None, bool]],
    held_back: Mapping[str, Mapping[str, float | None]],
) -> None:
    """The gate table: the tuning value against its bound, the held-back value beside."""
    print(f"{'group':32} {'metric':18} {'bound':>12} {'tuning':>8}  {'status':6} "
          f"{'held-back':>9}")
    for group, metric, kind, limit, value, ok in rows:
        shown = "n/a" if value is None else f"{value:.4f}"
        held = held_back.get(group, {}).get(metric)
        held_shown = "n/a" if held is None else f"{held:.4f}"
        bound = f"{'<=' if kind == 'max' else '>='} {limit:.4f}"
        print(f"{group:32} {metric:18} {bound:>12} {shown:>8}  {'ok' if ok else 'FAIL':6} "
              f"{held_shown:>9}")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks gate``."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks gate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--corpus", default=str(GATE_CORPUS), help="gate corpus directory")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the gate corpus")
    parser.add_argument("--floors", default=str(FLOORS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--update-floors",
        action="store_true",
        help="raise floors (lower ceilings) to measured values minus tolerance",
    )
    parser.add_argument(
        "--allow-lower",
        action="store_true",
        help="with --update-floors: also loosen floors (needs --reason)",
    )
    parser.add_argument("--reason", help="why floors are lowered (goes in the commit message)")
    args = parser.parse_args(argv)
    if args.allow_lower and not (args.update_floors and args.reason):
        parser.error("--allow-lower needs --update-floors and --reason")

    corpus = Path(args.corpus)
    build_gate_corpus(corpus, args.rebuild)
    results = score_corpus(corpus, systems=["newsrepair"], jobs=args.jobs)
    write_results(results, DEFAULT_OUT / "gate-scores.json")
    # Floors hold for the tuning part only; the held-back part is shown beside.
    values = measured(part_view(results, TUNING))
    held_back = measured(part_view(results, HELD_BACK))
    floors_path = Path(args.floors)
    floors = load_floors(floors_path)
    rows = compare(floors, values)
    _print_rows(rows, held_back)
    errors = results["overall"].get("newsrepair", {}).get("errors") or 0
    if errors:
        print(f"note: newsrepair raised on {errors:.0f} inputs (scored as empty output)")
    failed = [r for r in rows if not r[5]]

    if args.update_floors:
        new, changes = updated_floors(floors, values, args.allow_lower)
        if changes:
            floors_path.write_text(dump_floors(new), encoding="utf-8")
            print(f"\nupdated {floors_path}:")
            for change in changes:
                print(f"  {change}")
            if args.allow_lower:
                print(
                    "\nNOTICE: floors were allowed to go down. The commit that changes "
                    f"{floors_path.name} must carry the reason in its message:\n"
                    f"  Floors lowered: {args.reason}"
                )
            # Report the final state against the floors as now written.
            rows = compare(new, values)
            failed = [r for r in rows if not r[5]]
            _print_rows(rows, held_back)
        else:
            print("\nfloors unchanged (nothing measured higher than its floor)")

    if not rows and not args.update_floors:
        print("gate: floors.json has no floors; run with --update-floors to set them")
        return 1
    if failed:
        print(f"\ngate: FAILED on {len(failed)} of {len(rows)} floors")
        return 1
    print(f"\ngate: passed ({len(rows)} floors)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
