"""Build the corpus: plan, render, extract, and write gold and manifest.

Each document is one independent task (its own seeded generator), so the
result does not depend on ``--jobs`` or on the order tasks finish in.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .check import missing_words
from .extract import EXTRACTORS, OCR_ORIGINAL, run_extractors, tool_versions
from .sources import NewsArticle, OverproofArticle, SourceSet, load_sources
from .subsets import SUBSETS

RENDERERS: tuple[str, ...] = ("weasyprint", "reportlab", "typst")
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = REPO_ROOT / "benchmarks" / ".cache" / "corpus"


@dataclass(frozen=True)
class Task:
    """One document to build."""

    doc_id: str
    article: NewsArticle | OverproofArticle
    renderer: str
    index: int
    seed: int
    out_dir: Path
    extractors: tuple[str, ...]


@dataclass
class BuildOptions:
    """Command-line options of ``build``."""

    source: Path = DEFAULT_SOURCE
    out: Path = DEFAULT_OUT
    seed: int = 0
    limit: int | None = None
    layouts: int = 3
    overproof_layouts: int = 1
    extractors: tuple[str, ...] = EXTRACTORS
    jobs: int = 2
    ocr: bool = True
    subset: str | None = None
    renderers: tuple[str, ...] = RENDERERS
    quiet: bool = False
    stats: dict[str, Any] = field(default_factory=dict)


def plan_tasks(sources: SourceSet, opts: BuildOptions) -> list[Task]:
    """The documents to build, in manifest order."""
    news = sources.news
    overproof = sources.overproof
    layouts, op_layouts = opts.layouts, opts.overproof_layouts
    if opts.subset is not None:
        subset = SUBSETS[opts.subset]
        by_id_news = {a.id: a for a in news}
        by_id_op = {a.id: a for a in overproof}
        missing = [i for i in subset.news + subset.overproof
                   if i not in by_id_news and i not in by_id_op]
        if missing:
            print(f"warning: subset {opts.subset}: not in source folder: {missing}",
                  file=sys.stderr)
        news = [by_id_news[i] for i in subset.news if i in by_id_news]
        overproof = [by_id_op[i] for i in subset.overproof if i in by_id_op]
        layouts = op_layouts = subset.layouts
    if opts.limit is not None:
        news = news[: opts.limit]
        overproof = overproof[: opts.limit]
    extractors = tuple(e for e in opts.extractors if opts.ocr or e != "ocr")
    tasks: list[Task] = []
    for article in news:
        for renderer in opts.renderers:
            for i in range(layouts):
                doc_id = f"{article.id}__{renderer}_{i}"
                tasks.append(Task(doc_id, article, renderer, i, opts.seed,
                                  opts.out / doc_id, extractors))
    for op in overproof:
        for i in range(op_layouts):
            doc_id = f"{op.id}__overproof_{i}"
            tasks.append(Task(doc_id, op, "overproof", i, opts.seed, opts.out / doc_id,
                              extractors))
    return tasks


def build_document(task: Task) -> dict[str, Any]:
    """Render, extract and write one document; return its manifest entry."""
    started = time.monotonic()
    if task.out_dir.exists():
        shutil.rmtree(task.out_dir)
    (task.out_dir / "extract").mkdir(parents=True)
    pdf = task.out_dir / "page.pdf"
    if isinstance(task.article, OverproofArticle):
        from . import overproof

        gold = overproof.render(task.article, task.index, task.seed, pdf)
    else:
        from .plan import make_plan

        plan = make_plan(task.article, task.renderer, task.index, task.seed)
        if task.renderer == "weasyprint":
            from . import render_weasy

            render_weasy.render(plan, pdf)
        elif task.renderer == "typst":
            from . import render_typst

            render_typst.render(plan, pdf)
        else:
            from . import render_reportlab

            render_reportlab.render(plan, pdf)
        gold = plan.gold()
    texts = run_extractors(pdf, list(task.extractors))
    if isinstance(task.article, OverproofArticle) and task.article.ocr_lines:
        texts[OCR_ORIGINAL] = "\n".join(task.article.ocr_lines)
    # Integrity of the gold against the page itself (see check.py). Two
    # pdftotext modes: -raw keeps words of narrow columns whole, the default
    # reading order keeps hyphenated halves together around out-of-flow boxes.
    probes = run_extractors(pdf, [n for n in ("pdftotext_raw", "pdftotext") if n not in texts])
    probes.update({n: texts[n] for n in ("pdftotext_raw", "pdftotext") if n in texts})
    missing = missing_words(gold, *probes.values())
    for name, text in texts.items():
        (task.out_dir / "extract" / f"{name}.txt").write_text(text, encoding="utf-8")
    (task.out_dir / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {
        "id": task.doc_id,
        "dir": task.doc_id,
        "source": gold["source"],
        "renderer": gold["renderer"],
        "features": gold["features"],
        "pages": _page_count(pdf),
        "extractors": [n for n in (*task.extractors, OCR_ORIGINAL) if n in texts],
        "seconds": round(time.monotonic() - started, 2),
        "gold_check": {"missing_words": len(missing), "examples": sorted(set(missing))[:10]},
    }


def _page_count(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def _remove_stale(out: Path, keep: set[str]) -> None:
    """Delete document folders of an earlier build that this build does not have.

    Only folders holding our own ``gold.json`` are touched, so pointing
    ``--out`` at a folder with other content never deletes that content.
    """
    if not out.is_dir():
        return
    for child in out.iterdir():
        if child.is_dir() and child.name not in keep and (child / "gold.json").exists():
            shutil.rmtree(child)


def build(opts: BuildOptions) -> dict[str, Any]:
    """Build the corpus described by *opts*; return the manifest."""
    started = time.monotonic()
    sources = load_sources(opts.source)
    if not sources.news and not sources.overproof:
        raise SystemExit(f"no articles found below {opts.source}")
    tasks = plan_tasks(sources, opts)
    opts.out.mkdir(parents=True, exist_ok=True)
    _remove_stale(opts.out, {t.doc_id for t in tasks})
    entries: dict[str, dict[str, Any]] = {}
    failures: list[str] = []
    if opts.jobs <= 1:
        for t in tasks:
            _collect(t, _safe_build(t), entries, failures, opts.quiet, len(tasks))
    else:
        with ProcessPoolExecutor(max_workers=opts.jobs) as pool:
            for t, result in zip(tasks, pool.map(_safe_build, tasks), strict=True):
                _collect(t, result, entries, failures, opts.quiet, len(tasks))
    manifest = {
        "seed": opts.seed,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "source": str(opts.source),
        "subset": opts.subset,
        "tools": tool_versions(),
        "build_seconds": round(time.monotonic() - started, 1),
        "failures": failures,
        "documents": [entries[t.doc_id] for t in tasks if t.doc_id in entries],
    }
    (opts.out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def _safe_build(task: Task) -> dict[str, Any] | str:
    """Build one document; a failure comes back as its message, not an exception."""
    try:
        return build_document(task)
    except Exception as exc:
        return f"{task.doc_id}: {type(exc).__name__}: {exc}"


def _collect(task: Task, result: dict[str, Any] | str, entries: dict[str, dict[str, Any]],
             failures: list[str], quiet: bool, total: int) -> None:
    if isinstance(result, str):
        failures.append(result)
        print(f"error: {result}", file=sys.stderr)
        return
    entries[task.doc_id] = result
    check = result["gold_check"]
    if check["missing_words"]:
        print(f"warning: {task.doc_id}: {check['missing_words']} gold words not on the page "
              f"(e.g. {', '.join(check['examples'])})", file=sys.stderr)
    if not quiet:
        done = len(entries) + len(failures)
        print(f"[{done}/{total}] {task.doc_id} ({result['seconds']}s)", file=sys.stderr)
