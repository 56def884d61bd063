"""Markdown report and plots from the score and speed results.

``python -m benchmarks run`` scores the corpus, measures speed and calls
:func:`write_report`, which writes ``benchmarks/out/report.md`` and PNG plots next to
it. Tables only read the results dictionaries, so a report can be redone from the
saved ``scores.json`` / ``speed.json`` with ``python -m benchmarks report``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out"

#: Metric key -> (column title, lower is better).
METRICS: dict[str, tuple[str, bool]] = {
    "body_wer": ("body WER", True),
    "hyphen_acc": ("hyphen acc.", False),
    "hyphen_keep_acc": ("compound (keep) acc.", False),
    "pq_removal_f1": ("pull-quote removal F1", False),
    "pq_removal_precision": ("pull-quote removal P", False),
    "pq_removal_recall": ("pull-quote removal R", False),
    "pq_id_f1": ("pull-quote id. F1", False),
    "para_f1": ("paragraph-break F1", False),
    "para_precision": ("paragraph-break P", False),
    "para_recall": ("paragraph-break R", False),
    "para_whole": ("whole paragraphs", False),
    "order": ("reading order", False),
    "caption_f1": ("caption F1", False),
    "credit_acc": ("caption credit acc.", False),
    "runtogether_fixed": ("run-together words split", False),
    "caption_recall": ("caption R", False),
    "headline_exact": ("headline exact", False),
    "headline_near": ("headline near", False),
    "deck_exact": ("deck exact", False),
    "deck_near": ("deck near", False),
    "byline_near": ("byline near", False),
    "dateline_near": ("dateline near", False),
    "furniture_left": ("furniture left in body", True),
    "speakers_spurious": ("speakers on non-interviews", True),
}
#: Columns of the tuning / held-back table (newsrepair only).
SPLIT_METRICS = ("body_wer", "para_f1", "order", "headline_exact", "headline_near",
                 "deck_exact", "deck_near", "byline_near", "dateline_near", "caption_recall",
                 "credit_acc", "furniture_left", "speakers_spurious")
HEADLINE = ("body_wer", "hyphen_acc", "pq_removal_f1", "para_f1", "order")
STRUCTURE = ("kicker", "headline", "deck", "byline", "dateline")


def fmt(value: Any, digits: int = 3) -> str:
    """Format a metric; undefined ones show as an en dash."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A GitHub Markdown table; text columns left-aligned, numbers right-aligned."""
    text_cols = {
        i
        for i in range(len(header))
        if any(isinstance(r[i], str) and r[i] != "" for r in rows) or not rows
    }
    lines = ["| " + " | ".join(header) + " |"]
    lines.append(
        "|" + "|".join(" --- " if i in text_cols else " ---: " for i in range(len(header))) + "|"
    )
    for row in rows:
        lines.append("| " + " | ".join(fmt(v) for v in row) + " |")
    return "\n".join(lines)


def _systems(scores: Mapping[str, Any]) -> list[str]:
    return [s["name"] for s in scores.get("systems", [])] or sorted(scores.get("overall", {}))


def _extractors(scores: Mapping[str, Any]) -> list[str]:
    seen: set[str] = set()
    for per in scores.get("by_extractor", {}).values():
        seen.update(per)
    return sorted(seen)


def _mbps(speed: Mapping[str, Any] | None, system: str, extractor: str | None) -> float | None:
    if not speed:
        return None
    node = speed.get("throughput", {}).get(system)
    if not node:
        return None
    value = node.get("overall", {}) if extractor is None else node.get("by_extractor", {})
    if extractor is not None:
        value = value.get(extractor, {})
    mbps = value.get("mb_per_s")
    return float(mbps) if mbps is not None else None


def headline_markdown(scores: Mapping[str, Any], speed: Mapping[str, Any] | None) -> str:
    """Per extractor (and overall): WER, hyphens, pull quotes, paragraphs, order, MB/s."""
    header = ["extractor", "system", *[METRICS[m][0] for m in HEADLINE], "MB/s"]
    rows: list[list[Any]] = []
    for extractor in [*_extractors(scores), None]:
        for system in _systems(scores):
            if extractor is None:
                metrics = scores["overall"].get(system, {})
            else:
                metrics = scores["by_extractor"].get(system, {}).get(extractor)
            if not metrics:
                continue
            rows.append(
                [
                    "**all**" if extractor is None else extractor,
                    system,
                    *[metrics.get(m) for m in HEADLINE],
                    _mbps(speed, system, extractor),
                ]
            )
    return table(header, rows)


#: The metrics shown per feature and per renderer (per extractor shows all).
SLICE_METRICS = (
    "body_wer",
    "hyphen_acc",
    "hyphen_keep_acc",
    "pq_removal_f1",
    "para_f1",
    "para_whole",
    "order",
    "caption_f1",
    "runtogether_fixed",
    "headline_near",
    "byline_near",
    "caption_recall",
    "furniture_left",
    "speakers_spurious",
)


def metric_tables(
    scores: Mapping[str, Any], group: str, title: str, metrics: Sequence[str] | None = None
) -> str:
    """One table per metric: rows are the groups (extractor/feature), columns systems."""
    systems = _systems(scores)
    by = scores.get(group, {})
    keys = sorted({k for per in by.values() for k in per})
    parts: list[str] = []
    for metric in metrics or METRICS:
        label, lower_better = METRICS[metric]
        rows = [[k, *[by.get(s, {}).get(k, {}).get(metric) for s in systems]] for k in keys]
        arrow = "lower is better" if lower_better else "higher is better"
        parts.append(f"#### {label} by {title} ({arrow})\n\n" + table([title, *systems], rows))
    return "\n\n".join(parts)


def split_markdown(scores: Mapping[str, Any], system: str = "newsrepair") -> str:
    """One system per extractor (and overall), tuning and held-back parts side by side.

    The held-back rows are for reading only: the gate's floors are set on the
    tuning part (see ``benchmarks/split.py``).
    """
    parts = scores.get("parts", {})
    header = ["extractor", "part", *[METRICS[m][0] for m in SPLIT_METRICS]]
    rows: list[list[Any]] = []
    extractors = sorted({e for p in parts.values() for e in p.get("by_extractor", {})
                         .get(system, {})})
    for extractor in [*extractors, None]:
        # Tuning first, whatever order the JSON was saved in.
        for part, agg in sorted(parts.items(), key=lambda kv: kv[0] != "tuning"):
            if extractor is None:
                metrics = agg.get("overall", {}).get(system)
            else:
                metrics = agg.get("by_extractor", {}).get(system, {}).get(extractor)
            if not metrics:
                continue
            values = [metrics.get(m) for m in SPLIT_METRICS]
            # A count, not a rate.
            values[-1] = None if values[-1] is None else int(values[-1])
            rows.append(["**all**" if extractor is None else extractor, part, *values])
    return table(header, rows)


def structure_table(scores: Mapping[str, Any]) -> str:
    """Exact / near match of the structure fields and caption P/R, overall."""
    systems = _systems(scores)
    rows: list[list[Any]] = []
    for name in STRUCTURE:
        for kind in ("exact", "near", "spurious"):
            key = f"{name}_{kind}"
            values = [scores["overall"].get(s, {}).get(key) for s in systems]
            if kind == "spurious":
                # A count of documents, not a rate.
                values = [None if v is None else int(v) for v in values]
            rows.append([key, *values])
    for key in (
        "caption_precision",
        "caption_recall",
        "credit_acc",
        "pq_id_precision",
        "pq_id_recall",
        "pq_attribution_acc",
        "furniture_left",
        "speakers_spurious",
    ):
        rows.append([key, *[scores["overall"].get(s, {}).get(key) for s in systems]])
    return table(["field", *systems], rows)


def _check(value: float | None, target: float, lower_better: bool) -> str:
    if value is None:
        return "–"
    ok = value <= target if lower_better else value >= target
    return "meets" if ok else "misses"


def speed_markdown(speed: Mapping[str, Any]) -> str:
    """Throughput, scaling, import time, RSS and batch tables with their targets."""
    parts: list[str] = []
    tp = speed.get("throughput", {})
    rows = []
    for system, node in tp.items():
        o = node.get("overall", {})
        rows.append(
            [system, o.get("mb_per_s"), o.get("articles_per_s"), o.get("bytes"), o.get("texts")]
        )
    parts.append(
        "### Throughput (one process, one core)\n\n"
        + table(["system", "MB/s", "articles/s", "bytes", "texts"], rows)
    )
    targets = speed.get("targets", {})
    nr = tp.get("newsrepair", {}).get("overall", {}).get("mb_per_s")
    regex = [
        n.get("overall", {}).get("mb_per_s")
        for s, n in tp.items()
        if s in speed.get("regex_only", [])
    ]
    regex = [r for r in regex if r]
    slowest_ratio = (max(regex) / nr) if (nr and regex) else None
    scaling = speed.get("scaling", {}).get("points", [])
    ratio = speed.get("scaling", {}).get("ratio_largest_to_smallest")
    mix_ratio = speed.get("scaling", {}).get("ratio_largest_to_smallest_same_mix")
    complete = speed.get("scaling", {}).get("complete", True)
    imp = speed.get("import", {}).get("median_ms")
    rss = speed.get("rss", {}).get("peak_mb")
    target_rows = [
        [
            "MB/s per core",
            nr,
            f">= {targets.get('mb_per_s')}",
            _check(nr, targets.get("mb_per_s", 0), False),
        ],
        [
            "slowdown vs fastest regex peer",
            slowest_ratio,
            f"<= {targets.get('regex_ratio')}x",
            _check(slowest_ratio, targets.get("regex_ratio", 0), True),
        ],
        [
            "time/byte largest / smallest",
            ratio,
            f"<= {targets.get('scaling_ratio')}",
            _check(ratio, targets.get("scaling_ratio", 0), True)
            if complete
            else "misses (larger sizes did not finish)",
        ],
        [
            "time/byte largest / smallest, same mix of texts",
            mix_ratio,
            f"<= {targets.get('scaling_ratio')}",
            _check(mix_ratio, targets.get("scaling_ratio", 0), True)
            if mix_ratio is not None
            else "not measured",
        ],
        [
            "import ms",
            imp,
            f"<= {targets.get('import_ms')}",
            _check(imp, targets.get("import_ms", 0), True),
        ],
        [
            "peak RSS MB",
            rss,
            f"<= {targets.get('rss_mb')}",
            _check(rss, targets.get("rss_mb", 0), True),
        ],
    ]
    parts.append(
        "### newsrepair against its targets (reported, not asserted)\n\n"
        + table(["figure", "measured", "target", "status"], target_rows)
    )
    if scaling:
        rows = [
            [
                p["label"],
                p["bytes"],
                p.get("seconds"),
                p.get("ns_per_byte"),
                p.get("mix_ns_per_byte"),
                p.get("mb_per_s"),
                p.get("note", ""),
            ]
            for p in scaling
        ]
        parts.append(
            "### Scaling (concatenated multi-article input)\n\n"
            + table(
                ["size", "bytes", "seconds", "ns/byte", "ns/byte, same mix", "MB/s", "note"], rows
            )
        )
    batch = speed.get("batch", {})
    if batch:
        rows = [
            [k, v.get("texts"), v.get("seconds"), v.get("mb_per_s"), v.get("articles_per_s")]
            for k, v in batch.items()
        ]
        parts.append(
            "### Batch throughput (multiprocessing)\n\n"
            + table(["processes", "texts", "seconds", "MB/s", "articles/s"], rows)
        )
    imp_node = speed.get("import", {})
    rss_node = speed.get("rss", {})
    parts.append(
        "### Import and memory\n\n"
        + table(
            ["figure", "value"],
            [
                ["import newsrepair, median ms (in-process timer)", imp_node.get("median_ms")],
                [
                    "import newsrepair, all runs ms",
                    ", ".join(fmt(x, 1) for x in imp_node.get("runs_ms", [])),
                ],
                ["python -X importtime, newsrepair cumulative ms", imp_node.get("importtime_ms")],
                ["peak RSS MB (import + repair of the RSS input)", rss_node.get("peak_mb")],
                ["peak RSS MB of a bare interpreter", rss_node.get("baseline_mb")],
                ["RSS input bytes", rss_node.get("input_bytes")],
                ["RSS notes", "; ".join(rss_node.get("notes", [])) or ""],
            ],
        )
    )
    return "\n\n".join(parts)


def plots(scores: Mapping[str, Any], speed: Mapping[str, Any] | None, out_dir: Path) -> list[str]:
    """Write PNG plots; returns their file names (empty if matplotlib is missing)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    names: list[str] = []
    systems = _systems(scores)
    extractors = _extractors(scores)
    for metric in HEADLINE:
        fig, ax = plt.subplots(figsize=(max(7.0, 1.1 * len(extractors) + 1.5), 3.8))
        width = 0.8 / max(1, len(systems))
        for i, system in enumerate(systems):
            ys = [scores["by_extractor"].get(system, {}).get(e, {}).get(metric) for e in extractors]
            xs = [j + i * width for j in range(len(extractors))]
            ax.bar(xs, [y if y is not None else 0.0 for y in ys], width, label=system)
        ax.set_xticks([j + 0.4 - width / 2 for j in range(len(extractors))])
        ax.set_xticklabels(extractors, rotation=30, ha="right", fontsize=8)
        label, lower = METRICS[metric]
        ax.set_title(f"{label} by extractor ({'lower' if lower else 'higher'} is better)")
        # Outside the axes: bars reach the top for the worst extractors.
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        fig.tight_layout()
        name = f"{metric}_by_extractor.png"
        fig.savefig(out_dir / name, dpi=110)
        plt.close(fig)
        names.append(name)
    points = (speed or {}).get("scaling", {}).get("points", [])
    points = [p for p in points if p.get("ns_per_byte")]
    if points:
        fig, ax = plt.subplots(figsize=(6.0, 3.6))
        ax.plot([p["bytes"] for p in points], [p["ns_per_byte"] for p in points], marker="o")
        ax.set_xscale("log")
        ax.set_xlabel("input bytes")
        ax.set_ylabel("ns per byte")
        ax.set_title("newsrepair time per byte vs input size")
        ax.set_ylim(bottom=0)
        fig.tight_layout()
        fig.savefig(out_dir / "scaling.png", dpi=110)
        plt.close(fig)
        names.append("scaling.png")
    return names


def _errors(scores: Mapping[str, Any]) -> str:
    errs: dict[str, list[str]] = {}
    for row in scores.get("rows", []):
        if row.get("error"):
            errs.setdefault(row["system"], []).append(
                f"{row['doc']}/{row['extractor']}: {row['error'][:160]}"
            )
    if not errs:
        return "No system raised on any input."
    lines = []
    for system, msgs in errs.items():
        lines.append(f"- **{system}** failed on {len(msgs)} inputs (scored as empty output), e.g.:")
        lines.extend(f"  - `{m}`" for m in msgs[:5])
    return "\n".join(lines)


def render(
    scores: Mapping[str, Any], speed: Mapping[str, Any] | None, plot_names: list[str]
) -> str:
    """The whole report as Markdown."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    sys_rows = [[s["name"], s["description"]] for s in scores.get("systems", [])]
    tools = scores.get("tools") or {}
    tool_rows = [[k, v if isinstance(v, str) else json.dumps(v)] for k, v in sorted(tools.items())]
    parts = [
        "# newsrepair benchmark report",
        f"Generated {now} on Python {platform.python_version()} ({platform.machine()}). "
        f"Corpus `{scores.get('corpus')}`, seed {scores.get('seed')}, "
        f"{scores.get('documents')} documents, scoring took {fmt(scores.get('seconds'), 1)} s.",
        "Metrics are micro-averaged (counts summed, then divided). Peers only clean text, so "
        "their whole output is scored as the body. `–` means undefined (nothing to measure).",
        "## Headline\n\n" + headline_markdown(scores, speed),
        "## Systems\n\n" + table(["system", "what it runs"], sys_rows),
    ]
    if tool_rows:
        parts.append("### Corpus tools\n\n" + table(["tool", "version"], tool_rows))
    parts.append("## Per extractor\n\n" + metric_tables(scores, "by_extractor", "extractor"))
    parts.append(
        "## Per layout feature (all extractors)\n\n"
        + metric_tables(scores, "by_feature", "feature", SLICE_METRICS)
    )
    parts.append(
        "## Per renderer\n\n" + metric_tables(scores, "by_renderer", "renderer", SLICE_METRICS)
    )
    parts.append(
        "## Structure fields, captions and pull-quote identification (all)\n\n"
        "Exact and near are shares of the inputs whose gold has the field; *spurious* "
        "counts inputs where the gold has none but the system gave one.\n\n"
        + structure_table(scores)
    )
    if scores.get("parts"):
        parts.append(
            "## Tuning vs held-back part (newsrepair)\n\n"
            "The held-back part (a hash of the article id, `benchmarks/split.py`) is never "
            "used to set floors; compare, do not tune.\n\n" + split_markdown(scores)
        )
    if speed:
        parts.append("## Speed and scale\n\n" + speed_markdown(speed))
    if plot_names:
        parts.append("## Plots\n\n" + "\n\n".join(f"![{n}]({n})" for n in plot_names))
    parts.append("## Failures\n\n" + _errors(scores))
    return "\n\n".join(parts) + "\n"


def write_report(
    scores: Mapping[str, Any], speed: Mapping[str, Any] | None, out_dir: Path = DEFAULT_OUT
) -> Path:
    """Write ``report.md`` and the plots into ``out_dir``; returns the report path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = plots(scores, speed, out_dir)
    path = out_dir / "report.md"
    path.write_text(render(scores, speed, names), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks report``: redo the report from saved results."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks report")
    parser.add_argument("--out-dir", default=str(DEFAULT_OUT))
    args = parser.parse_args(argv)
    out_dir = Path(args.out_dir)
    scores = json.loads((out_dir / "scores.json").read_text(encoding="utf-8"))
    speed_path = out_dir / "speed.json"
    speed = json.loads(speed_path.read_text(encoding="utf-8")) if speed_path.exists() else None
    path = write_report(scores, speed, out_dir)
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
