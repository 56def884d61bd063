"""Command line: ``python -m benchmarks.corpus build [options]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import DEFAULT_SEED
from .build import DEFAULT_OUT, DEFAULT_SOURCE, RENDERERS, BuildOptions, build
from .extract import EXTRACTORS
from .subsets import SUBSETS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.corpus",
        description="Render clean articles as newspaper PDFs and extract them with real tools.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the corpus (PDFs, gold.json, extractor outputs)")
    b.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                   help="folder of article JSON files, searched recursively "
                        f"(default: {DEFAULT_SOURCE})")
    b.add_argument("--out", type=Path, default=DEFAULT_OUT,
                   help=f"output folder (default: {DEFAULT_OUT})")
    b.add_argument("--seed", type=int, default=DEFAULT_SEED,
                   help=f"layout seed; same seed, same layouts and gold (default: {DEFAULT_SEED})")
    b.add_argument("--limit", type=int, default=None,
                   help="use only the first N articles of each kind (Wikinews, OverProof)")
    b.add_argument("--layouts", type=int, default=3,
                   help="layouts per Wikinews article and renderer (default: 3)")
    b.add_argument("--overproof-layouts", type=int, default=1,
                   help="layouts per OverProof article (default: 1)")
    b.add_argument("--renderers", default=",".join(RENDERERS),
                   help=f"comma-separated renderers for news articles (default: "
                        f"{','.join(RENDERERS)})")
    b.add_argument("--extractors", default=",".join(EXTRACTORS),
                   help=f"comma-separated extractors (default: all: {','.join(EXTRACTORS)})")
    b.add_argument("--jobs", type=int, default=2, help="worker processes (default: 2)")
    b.add_argument("--no-ocr", action="store_true", help="skip the Tesseract extractor")
    b.add_argument("--subset", choices=sorted(SUBSETS),
                   help="build a fixed subset instead (gate: the CI evaluation gate corpus)")
    b.add_argument("-q", "--quiet", action="store_true", help="no per-document progress")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    extractors = tuple(e.strip() for e in args.extractors.split(",") if e.strip())
    unknown = [e for e in extractors if e not in EXTRACTORS]
    if unknown:
        print(f"unknown extractor(s): {', '.join(unknown)}; known: {', '.join(EXTRACTORS)}",
              file=sys.stderr)
        return 2
    renderers = tuple(r.strip() for r in args.renderers.split(",") if r.strip())
    if any(r not in RENDERERS for r in renderers):
        print(f"unknown renderer in {args.renderers!r}; known: {', '.join(RENDERERS)}",
              file=sys.stderr)
        return 2
    opts = BuildOptions(
        source=args.source.resolve(),
        out=args.out.resolve(),
        seed=args.seed,
        limit=args.limit,
        layouts=args.layouts,
        overproof_layouts=args.overproof_layouts,
        extractors=extractors,
        jobs=max(1, args.jobs),
        ocr=not args.no_ocr,
        subset=args.subset,
        renderers=renderers,
        quiet=args.quiet,
    )
    manifest = build(opts)
    docs = manifest["documents"]
    n_texts = sum(len(d["extractors"]) for d in docs)
    print(f"built {len(docs)} documents, {n_texts} extractor outputs, "
          f"{len(manifest['failures'])} failures, in {manifest['build_seconds']}s -> {opts.out}")
    return 1 if manifest["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
