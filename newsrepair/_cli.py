"""The command line: ``newsrepair fix|check|explain|report|batch|rules``.

``newsrepair FILE`` without a command still works and means ``fix``. Exit
status: 0 done and clean, 1 damage found (``check``, ``fix --diff``), 2 a
usage, configuration, read or write error. Errors are one line on standard
error that names the file and what to do, never a traceback.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from ._canonical import is_canonical
from ._diagnostics import (
    Baseline,
    Diagnostic,
    concise,
    diagnose,
    github,
    statistics,
    write_baseline,
)
from ._explain import explain
from ._files import STDIN, UserError, check_encoding, collect, read_text, style_for, write_atomic
from ._kinds import FINDING_KINDS, REPAIR_KINDS
from ._pipeline import repair
from ._render import render
from ._settings import Settings, build, find_pyproject, load

COMMANDS = ("fix", "check", "explain", "report", "batch", "rules")
EPILOG = (
    "Settings come from [tool.newsrepair] in the nearest pyproject.toml (or --config) "
    "and from the flags, which win. `newsrepair FILE` means `newsrepair fix FILE`."
)


def _error(message: str) -> None:
    print(f"newsrepair: error: {message}", file=sys.stderr)


# ---------------------------------------------------------------- arguments


def _common(parser: argparse.ArgumentParser, paths: bool = True) -> None:
    if paths:
        parser.add_argument(
            "paths",
            nargs="+",
            metavar="FILE|DIR",
            help="text or Markdown files, folders of them, or - for standard input",
        )
    parser.add_argument(
        "--encoding", default="utf-8", help="encoding of the files and of stdin (default utf-8)"
    )
    group = parser.add_argument_group("settings (override [tool.newsrepair])")
    group.add_argument("--config", metavar="PYPROJECT", help="read settings from this file only")
    group.add_argument(
        "--min-confidence",
        type=float,
        metavar="X",
        help="the bar an edit must clear (0-1, default 0.8); below it a finding is reported",
    )
    group.add_argument("--language", metavar="CODE", help="the text's language (default en)")
    group.add_argument(
        "--input-format",
        choices=("auto", "plain", "markdown"),
        help="read the input as plain text or Markdown (default auto: Markdown only when "
        "its markup is unmistakable)",
    )
    group.add_argument(
        "--passes",
        metavar="LIST",
        help="comma-separated passes to run, in pipeline order (see docs/pipeline.md)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsrepair",
        description="Repair news text damaged by page layout.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"newsrepair {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    fix = sub.add_parser(
        "fix",
        help="repair articles: print them, or rewrite the files with --in-place",
        description="Repair articles and print them in the canonical layout (or rewrite the "
        "files with --in-place). A file with nothing to repair, or already in the canonical "
        "layout, is left alone.",
        epilog=EPILOG,
    )
    _common(fix)
    fix.add_argument("-i", "--in-place", action="store_true", help="rewrite the files")
    fix.add_argument(
        "--diff",
        action="store_true",
        help="print a unified diff of what would change instead; exit 1 if anything would",
    )
    fix.add_argument(
        "--format",
        choices=("auto", "text", "markdown", "json"),
        default="auto",
        help="layout to write: auto (Markdown for .md files, else text), text, markdown, or "
        "json (Article.to_dict()); default auto",
    )
    fix.add_argument(
        "--explain", action="store_true", help="also list every repair on standard error"
    )
    fix.add_argument(
        "--exit-non-zero-on-fix",
        action="store_true",
        help="exit 1 when any file was changed (for hooks that must fail on a fix)",
    )
    fix.add_argument("-q", "--quiet", action="store_true", help="no summary on standard error")
    fix.set_defaults(run=_fix)

    check = sub.add_parser(
        "check",
        help="report damage as path:line:col: CODE message; changes nothing",
        description="Report every repair newsrepair would make and every finding, one line "
        "each. Exit 0 when clean, 1 when damage is found, 2 on errors.",
        epilog=EPILOG,
    )
    _common(check)
    check.add_argument(
        "--select",
        action="append",
        default=None,
        metavar="CODES",
        help="only these codes or prefixes (R301, W3, ALL; comma-separated or repeated)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        default=None,
        metavar="CODES",
        help="leave out these codes or prefixes",
    )
    check.add_argument(
        "--format",
        choices=("concise", "json", "github"),
        default="concise",
        help="concise lines, a JSON list, or GitHub Actions annotations (default concise)",
    )
    check.add_argument(
        "--statistics", action="store_true", help="print counts per code instead of each line"
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="leave out diagnostics recorded in this baseline"
    )
    check.add_argument(
        "--write-baseline",
        metavar="FILE",
        help="record today's diagnostics in FILE (and exit 0), for use with --baseline",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even if damage is found")
    check.set_defaults(run=_check)

    expl = sub.add_parser(
        "explain",
        help="list every repair with before, after, evidence and confidence",
        description="Show every repair in context (before and after), its evidence and its "
        "confidence, and every finding; coloured on a terminal.",
        epilog=EPILOG,
    )
    _common(expl)
    expl.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output (auto: on a terminal, unless NO_COLOR is set)",
    )
    expl.set_defaults(run=_explain)

    report = sub.add_parser(
        "report",
        help="write a self-contained HTML report of damage and repairs",
        description="Write one HTML page (no network needed) with each damaged text and its "
        "repaired article side by side, every repair highlighted and linked both ways.",
        epilog=EPILOG,
    )
    _common(report)
    report.add_argument("-o", "--output", required=True, metavar="HTML", help="file to write")
    report.set_defaults(run=_report)

    batch = sub.add_parser(
        "batch",
        help="repair a corpus: JSONL, Parquet or a folder of .txt files",
        description="Repair every record of INPUT and write JSON lines (or Parquet) to OUTPUT, "
        "streaming, in order, optionally in parallel; failures go to a rejects file.",
        epilog=EPILOG,
    )
    from ._batch import add_arguments  # the batch module imports multiprocessing

    add_arguments(batch)
    _common(batch, paths=False)
    batch.set_defaults(run=_batch)

    rules = sub.add_parser(
        "rules",
        help="list the rule codes of repairs and findings",
        description="List every rule code with its kind and what it means: R### for repairs "
        "newsrepair makes, W### for findings (damage seen but not repaired). Use the codes "
        "with check --select/--ignore and in per-file-ignores.",
    )
    rules.set_defaults(run=_rules)
    return parser


# ---------------------------------------------------------------- settings


def settings_for(args: argparse.Namespace) -> Settings:
    """The settings of this run: the config file's table, then the flags."""
    source: Path | None
    if args.config:
        source = Path(args.config)
        if not source.is_file():
            raise UserError(f"{args.config}: no such config file; check the --config path")
    else:
        paths = [p for p in getattr(args, "paths", []) if p != STDIN] or [
            getattr(args, "input", None) or "."
        ]
        first = Path(paths[0])
        source = find_pyproject(first if first.is_dir() else first.parent)
    table = load(source) if source is not None else {}
    flags: dict[str, Any] = {
        "min_confidence": args.min_confidence,
        "language": args.language,
        "input_format": args.input_format,
        "passes": tuple(p.strip() for p in args.passes.split(",") if p.strip())
        if args.passes is not None
        else None,
        "select": getattr(args, "select", None),
        "ignore": getattr(args, "ignore", None),
    }
    root = source.parent if source is not None else Path.cwd()
    return build(table, flags, root, str(source) if source is not None else None)


def _files(args: argparse.Namespace) -> list[str]:
    return list(collect(args.paths))


# ---------------------------------------------------------------- commands


def _fix(args: argparse.Namespace, settings: Settings) -> int:
    if args.in_place and args.diff:
        raise UserError("--in-place and --diff cannot be used together; pick one")
    if (args.in_place or args.diff) and args.format == "json":
        raise UserError("--format json prints to standard output; drop --in-place/--diff")
    files = _files(args)
    if args.in_place and STDIN in files:
        raise UserError("- (standard input) cannot be fixed in place; leave out --in-place")
    changed: list[str] = []
    unchanged: list[str] = []
    many = len(files) > 1

    def work(path: str, text: str) -> None:
        article = repair(text, config=settings.config)
        if args.format == "json":
            data = article.to_dict()
            sys.stdout.write(
                json.dumps(data, ensure_ascii=False, indent=None if many else 2) + "\n"
            )
            return
        fixed = render(article, style_for(path, args.format))
        if (args.in_place or args.diff) and not article.repairs:
            # Nothing repaired: the file is clean (check says so too) and is
            # left exactly as it is, layout and all.
            fixed = text
        if args.explain:
            for line in explain(path, text, article):
                print(line, file=sys.stderr)
        (changed if fixed != text else unchanged).append(path)
        if args.diff:
            sys.stdout.writelines(
                difflib.unified_diff(
                    text.splitlines(keepends=True),
                    fixed.splitlines(keepends=True),
                    fromfile=f"{path} (damaged)",
                    tofile=f"{path} (repaired)",
                )
            )
        elif args.in_place:
            if fixed != text:
                write_atomic(path, fixed, args.encoding)
        else:
            if many:
                sys.stdout.write(f"==> {path} <==\n")
            sys.stdout.write(fixed)

    failed = _each_of(files, args, work)
    if (args.in_place or args.diff) and not args.quiet:
        verb = "would be fixed" if args.diff else "fixed"
        tail = f", {_count(failed, 'file')} failed" if failed else ""
        print(
            f"{_count(len(changed), 'file')} {verb}, {_count(len(unchanged), 'file')} "
            f"left unchanged{tail}",
            file=sys.stderr,
        )
    if failed:
        return 2
    return 1 if changed and (args.diff or args.exit_non_zero_on_fix) else 0


def _each_of(
    files: Sequence[str], args: argparse.Namespace, work: Callable[[str, str], None]
) -> int:
    """Run ``work(path, text)`` on every file; returns how many failed (each reported)."""
    failed = 0
    for path in files:
        try:
            work(path, read_text(path, args.encoding))
        except UserError as err:
            _error(str(err))
            failed += 1
    return failed


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def diagnostics_of(path: str, text: str, settings: Settings) -> list[Diagnostic]:
    """What ``check`` reports for one file: none for a file already in canonical layout."""
    if is_canonical(text):
        return []
    found = diagnose(path, text, repair(text, config=settings.config))
    return [d for d in found if settings.wants(d.code, path)]


def _check(args: argparse.Namespace, settings: Settings) -> int:
    baseline = Baseline(args.baseline) if args.baseline else None
    found: list[Diagnostic] = []
    files_with: set[str] = set()

    def work(path: str, text: str) -> None:
        for d in diagnostics_of(path, text, settings):
            if baseline is not None and baseline.known(d):
                continue
            found.append(d)
            files_with.add(path)
            if args.format == "concise" and not args.statistics and not args.write_baseline:
                print(concise(d))
            elif args.format == "github" and not args.statistics and not args.write_baseline:
                print(github(d))

    status = 2 if _each_of(_files(args), args, work) else 0
    if args.write_baseline:
        total = write_baseline(args.write_baseline, found)
        print(f"wrote {_count(total, 'entry')} to {args.write_baseline}", file=sys.stderr)
        return status
    if args.statistics:
        for line in statistics(found):
            print(line)
    elif args.format == "json":
        print(json.dumps([d.to_dict() for d in found], ensure_ascii=False, indent=2))
    if found:
        print(
            f"Found {_count(len(found), 'problem')} in {_count(len(files_with), 'file')}.",
            file=sys.stderr,
        )
    if status:
        return status
    return 1 if found and not args.exit_zero else 0


def _use_colour(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return stream.isatty() and not os.environ.get("NO_COLOR")


def _explain(args: argparse.Namespace, settings: Settings) -> int:
    colour = _use_colour(args.color, sys.stdout)

    def work(path: str, text: str) -> None:
        if is_canonical(text):
            print(f"{path}: already repaired (in the canonical layout); nothing to explain")
            return
        for line in explain(path, text, repair(text, config=settings.config), colour):
            print(line)

    return 2 if _each_of(_files(args), args, work) else 0


def _report(args: argparse.Namespace, settings: Settings) -> int:
    from ._report import write_report

    pages: list[tuple[str, str]] = []
    status = 2 if _each_of(_files(args), args, lambda p, text: pages.append((p, text))) else 0
    if pages:
        write_report(args.output, pages, settings.config)
        print(f"wrote {args.output} ({_count(len(pages), 'article')})", file=sys.stderr)
    return status


def _batch(args: argparse.Namespace, settings: Settings) -> int:
    from ._batch import run

    return run(args, settings.config)


def _rules(_args: argparse.Namespace, _settings: Settings) -> int:
    for kind in (*REPAIR_KINDS.values(), *FINDING_KINDS.values()):
        print(f"{kind.code}\t{kind.name}\t{kind.summary}")
    return 0


# ---------------------------------------------------------------- entry


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line on ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if (
        args_list
        and args_list[0] not in COMMANDS
        and args_list[0] not in ("-h", "--help", "--version")
    ):
        # Before the commands there was only `newsrepair FILE`: it means fix.
        args_list = ["fix", *args_list]
    parser = _parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if hasattr(args, "encoding"):
            args.encoding = check_encoding(args.encoding)
        settings = settings_for(args) if args.command != "rules" else Settings()
        code: int = args.run(args, settings)
        return code
    except UserError as err:
        _error(str(err))
        return 2
