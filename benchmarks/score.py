"""Score newsrepair and its peers on a benchmark corpus.

A corpus is the directory written by ``python -m benchmarks.corpus build``::

    manifest.json                 {"seed", "tools", "documents": [{"id", "dir", ...}]}
    <dir>/gold.json               ground truth
    <dir>/extract/<extractor>.txt what one PDF/OCR extractor made of the rendered page

Every system runs on every extracted text of every document in the same run, and each
(document, extractor, system) triple yields a row of metric *counts*
(:func:`benchmarks.metrics.score_document`). Aggregates sum the counts and then
derive the metrics, per extractor, per layout feature and overall.

Usage: ``python -m benchmarks score [--corpus DIR] [--systems a,b] [--jobs N]``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.metrics import Gold, add_counts, derive, score_document
from benchmarks.peers import System, build_systems
from benchmarks.split import PARTS, part_of

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE / ".cache" / "corpus"
FIXTURE_CORPUS = HERE / "fixtures" / "mini"
DEFAULT_OUT = HERE / "out"
RUN_TOGETHER_SLICE = "slice:run-together"


def resolve_corpus(path: str | Path | None) -> Path:
    """The corpus to use: the given one, else the built cache, else the fixtures."""
    if path is not None:
        return Path(path)
    if (DEFAULT_CORPUS / "manifest.json").exists():
        return DEFAULT_CORPUS
    print(
        f"note: no built corpus at {DEFAULT_CORPUS}; using the hand-written fixtures "
        f"in {FIXTURE_CORPUS} (run `python -m benchmarks build` for the real one)",
        file=sys.stderr,
    )
    return FIXTURE_CORPUS


def load_manifest(corpus: Path) -> dict[str, Any]:
    """Read ``manifest.json``; a clear error if the corpus was never built."""
    path = corpus / "manifest.json"
    if not path.exists():
        raise SystemExit(f"no manifest at {path}: build the corpus first")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class DocTask:
    """One document and the extracted texts to score for it."""

    corpus: str
    doc_id: str
    dir: str
    extractors: tuple[str, ...]


def plan_tasks(
    corpus: Path,
    manifest: dict[str, Any],
    extractors: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[DocTask]:
    """The documents to score, restricted to the requested extractors."""
    tasks: list[DocTask] = []
    for doc in manifest.get("documents", []):
        names = [e for e in doc.get("extractors", []) if not extractors or e in extractors]
        # Trust the files over the manifest: an extractor that failed leaves no file.
        names = [e for e in names if (corpus / doc["dir"] / "extract" / f"{e}.txt").exists()]
        if names:
            tasks.append(DocTask(str(corpus), doc["id"], doc["dir"], tuple(names)))
    return tasks[:limit] if limit else tasks


# Worker state: systems hold closures, so each process builds its own instead of
# pickling them.
_SYSTEMS: list[System] = []


def _init_worker(system_names: list[str] | None) -> None:
    global _SYSTEMS
    _SYSTEMS = build_systems(system_names)


def _score_task(task: DocTask) -> list[dict[str, Any]]:
    """Run every system on every extracted text of one document."""
    doc_dir = Path(task.corpus) / task.dir
    gold_data = json.loads((doc_dir / "gold.json").read_text(encoding="utf-8"))
    gold = Gold.from_json(gold_data)
    rows: list[dict[str, Any]] = []
    for extractor in task.extractors:
        raw = (doc_dir / "extract" / f"{extractor}.txt").read_text(encoding="utf-8")
        for system in _SYSTEMS:
            start = time.perf_counter()
            out = system.run(raw)
            seconds = time.perf_counter() - start
            counts = score_document(gold, raw, out)
            features = list(gold.features)
            # A derived slice: inputs whose extraction glued words together (found
            # from the gold, see metrics.runtogether_counts), where word
            # segmentation peers are meant to help.
            if counts.get("rt_n"):
                features.append(RUN_TOGETHER_SLICE)
            rows.append(
                {
                    "doc": task.doc_id,
                    "extractor": extractor,
                    "system": system.name,
                    "renderer": gold.renderer,
                    "part": part_of(task.doc_id),
                    "features": features,
                    "bytes": len(raw.encode("utf-8")),
                    "seconds": seconds,
                    "error": out.error,
                    "counts": counts,
                }
            )
    return rows


def score_corpus(
    corpus: Path,
    systems: Sequence[str] | None = None,
    extractors: Sequence[str] | None = None,
    jobs: int = 1,
    limit: int | None = None,
    progress: bool = True,
) -> dict[str, Any]:
    """Score the corpus and return rows plus aggregates (JSON-serialisable)."""
    manifest = load_manifest(corpus)
    tasks = plan_tasks(corpus, manifest, extractors, limit)
    names = list(systems) if systems else None
    built = build_systems(names)
    rows: list[dict[str, Any]] = []
    start = time.perf_counter()
    if jobs > 1 and len(tasks) > 1:
        with multiprocessing.get_context("spawn").Pool(
            jobs, initializer=_init_worker, initargs=(names,)
        ) as pool:
            for i, chunk in enumerate(pool.imap_unordered(_score_task, tasks), 1):
                rows.extend(chunk)
                _progress(progress, i, len(tasks), start)
    else:
        _init_worker(names)
        for i, task in enumerate(tasks, 1):
            rows.extend(_score_task(task))
            _progress(progress, i, len(tasks), start)
    rows.sort(key=lambda r: (r["doc"], r["extractor"], r["system"]))
    return {
        "corpus": str(corpus),
        "seed": manifest.get("seed"),
        "tools": manifest.get("tools", {}),
        "systems": [{"name": s.name, "description": s.description} for s in built],
        "documents": len(tasks),
        "seconds": time.perf_counter() - start,
        "rows": rows,
        **aggregate(rows),
        # The same aggregates for the tuning and the held-back part apart
        # (benchmarks/split.py); the gate's floors apply to the tuning part.
        "parts": {part: aggregate([r for r in rows if r.get("part") == part])
                  for part in PARTS},
    }


def _progress(enabled: bool, done: int, total: int, start: float) -> None:
    if enabled and (done == total or done % 10 == 0):
        elapsed = time.perf_counter() - start
        print(f"  scored {done}/{total} documents ({elapsed:.0f}s)", file=sys.stderr)


def _group(rows: Iterable[dict[str, Any]], keys: Sequence[str]) -> dict[str, Any]:
    """Nested {key1: {key2: derived metrics}} after summing counts per group."""
    buckets: dict[tuple[str, ...], list[dict[str, float]]] = defaultdict(list)
    for row in rows:
        values: list[list[str]] = []
        for key in keys:
            v = row[key]
            values.append(list(v) if isinstance(v, list) else [str(v)])
        # A row with several features counts once in each feature's group.
        combos: list[tuple[str, ...]] = [()]
        for vs in values:
            combos = [(*c, v) for c in combos for v in vs]
        for combo in combos:
            buckets[combo].append(row["counts"])
    nested: dict[str, Any] = {}
    for combo, counts in sorted(buckets.items()):
        node = nested
        for part in combo[:-1]:
            node = node.setdefault(part, {})
        node[combo[-1]] = derive(add_counts(counts))
    return nested


def aggregate(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Metrics per system overall, per system x extractor, per system x feature."""
    return {
        "overall": _group(rows, ["system"]),
        "by_extractor": _group(rows, ["system", "extractor"]),
        "by_feature": _group(rows, ["system", "features"]),
        "by_renderer": _group(rows, ["system", "renderer"]),
    }


def part_view(results: dict[str, Any], part: str) -> dict[str, Any]:
    """*results* with the aggregates of one part in place of the whole corpus's."""
    return {**results, **results.get("parts", {}).get(part, {})}


def write_results(results: dict[str, Any], path: Path) -> None:
    """Write the results JSON (rows included, so a report can be redone offline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1, sort_keys=True), encoding="utf-8")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by ``score`` and ``run``."""
    parser.add_argument("--corpus", help="corpus directory (default: built cache, else fixtures)")
    parser.add_argument("--systems", help="comma-separated system names (default: all)")
    parser.add_argument("--extractors", help="comma-separated extractors (default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--limit", type=int, help="score only the first N documents")


def _split(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks score``: score and print the headline table."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks score", description=__doc__)
    add_arguments(parser)
    parser.add_argument("--out", default=str(DEFAULT_OUT / "scores.json"), help="results JSON")
    args = parser.parse_args(argv)
    corpus = resolve_corpus(args.corpus)
    results = score_corpus(
        corpus, _split(args.systems), _split(args.extractors), args.jobs, args.limit
    )
    write_results(results, Path(args.out))
    from benchmarks.report import headline_markdown, split_markdown

    for part in PARTS:
        print(f"\n### {part} part\n")
        print(headline_markdown(part_view(results, part), speed=None))
    print("\n### newsrepair: tuning vs held-back\n")
    print(split_markdown(results))
    print(f"\nwrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
