"""``newsrepair batch``: repair a corpus as a stream, in order, optionally in parallel.

Input is JSON lines (one object per line; ``--field`` names the text, every
other field passes through), a Parquet file (with pyarrow installed) or a
folder of ``.txt`` files. Output is JSON lines, one per accepted record, in
input order, with the article added under ``--key``.

Nothing is held in memory but a bounded window of records: workers get
records through a semaphore-guarded generator, so a corpus of any size runs
in constant memory. A record that is not JSON, lacks its text field or makes
the library raise goes to the rejects file with its line number and id; the
batch goes on. Each input record ends up in exactly one of the two files, in
order, so ``--resume`` can count what is done and skip it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from ._config import Config
from ._files import UserError, check_encoding
from ._pipeline import repair


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``batch`` command's own arguments."""
    parser.add_argument(
        "input",
        metavar="INPUT",
        help="a .jsonl file (- for standard input), a .parquet file or a folder of .txt files",
    )
    parser.add_argument("-o", "--output", required=True, help="the .jsonl file to write")
    parser.add_argument("--field", default="text", help="the input's text field (default text)")
    parser.add_argument(
        "--id-field", default="id", help="the field that names a record in rejects (default id)"
    )
    parser.add_argument(
        "--key", default="article", help="where the article goes in the output (default article)"
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, help="worker processes (default 1: no pool)"
    )
    parser.add_argument(
        "--chunksize", type=int, default=8, help="records handed to a worker at once (default 8)"
    )
    parser.add_argument(
        "--rejects", metavar="FILE", help="where failed records go (default OUTPUT.rejects.jsonl)"
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: keep OUTPUT and the rejects, skip what they hold",
    )
    parser.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="a progress line on standard error (auto: when it is a terminal)",
    )


@attrs.frozen
class Options:
    """What a worker needs to turn a record into an output line."""

    field: str = "text"
    id_field: str = "id"
    key: str = "article"
    encoding: str = "utf-8"
    config: Config = attrs.Factory(Config)
    root: str = ""


@attrs.frozen
class Result:
    """One record's outcome: an output line or a reject, and what was repaired."""

    number: int
    line: str | None
    reject: str | None
    repairs: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()


def _reject(number: int, ident: Any, error: str) -> Result:
    data = {"line": number, "id": ident, "error": error}
    return Result(number, None, json.dumps(data, ensure_ascii=False))


def _article_line(
    number: int, record: dict[str, Any], ident: Any, text: Any, options: Options
) -> Result:
    if not isinstance(text, str):
        return _reject(number, ident, f"no text: field {options.field!r} is not a string")
    try:
        article = repair(text, config=options.config)
    except Exception as err:  # one bad record must not stop a corpus run
        return _reject(number, ident, f"repair failed: {type(err).__name__}: {err}")
    record[options.key] = article.to_dict()
    return Result(
        number,
        json.dumps(record, ensure_ascii=False),
        None,
        tuple(r.kind for r in article.repairs),
        tuple(f.kind for f in article.findings),
    )


def process_line(number: int, raw: str, options: Options) -> Result:
    """Repair one JSON line (``number`` counts from 1)."""
    try:
        record = json.loads(raw)
    except ValueError as err:
        return _reject(number, None, f"not JSON: {err}")
    if not isinstance(record, dict):
        return _reject(number, None, "not a JSON object")
    ident = record.get(options.id_field)
    return _article_line(number, record, ident, record.get(options.field), options)


def process_file(number: int, relative: str, options: Options) -> Result:
    """Repair one ``.txt`` file of a folder, named relative to the folder."""
    try:
        text = (Path(options.root) / relative).read_bytes().decode(options.encoding)
    except (OSError, UnicodeDecodeError) as err:
        return _reject(number, relative, f"cannot read: {err}")
    return _article_line(number, {"id": relative}, relative, text, options)


# Each worker process keeps the options it was started with.
_OPTIONS = Options()


def _start_worker(options: Options) -> None:
    global _OPTIONS
    _OPTIONS = options


def _work(task: tuple[int, str, bool]) -> Result:
    number, payload, is_file = task
    return (process_file if is_file else process_line)(number, payload, _OPTIONS)


# ---------------------------------------------------------------- sources


def _jsonl_tasks(source: str, encoding: str) -> Iterator[tuple[int, str, bool]]:
    name: str | int = sys.stdin.fileno() if source == "-" else source
    with open(name, encoding=encoding, closefd=source != "-") as handle:
        for number, raw in enumerate(handle, 1):
            if raw.strip():
                yield number, raw, False


def _parquet_tasks(path: Path) -> Iterator[tuple[int, str, bool]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise UserError(
            f"{path}: reading Parquet needs pyarrow; pip install 'newsrepair[parquet]'"
        ) from None
    number = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        for row in batch.to_pylist():
            number += 1
            yield number, json.dumps(row, ensure_ascii=False, default=str), False


def _folder_tasks(root: Path) -> Iterator[tuple[int, str, bool]]:
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.txt") if p.is_file())
    for number, relative in enumerate(files, 1):
        yield number, relative, True


def _total(source: str) -> int | None:
    """How many records ``source`` holds, counted by streaming (for the ETA)."""
    path = Path(source)
    if source == "-":
        return None
    if path.is_dir():
        return sum(1 for p in path.rglob("*.txt") if p.is_file())
    if path.suffix == ".parquet":
        return None
    with open(path, "rb") as handle:
        return sum(1 for raw in handle if raw.strip())


# ---------------------------------------------------------------- resume


def _complete_lines(path: Path) -> int:
    """Complete lines of ``path``; a line cut short by an interruption is cut off."""
    if not path.exists():
        return 0
    count = 0
    good = 0
    with open(path, "rb") as handle:
        for raw in handle:
            if raw.endswith(b"\n"):
                count += 1
                good += len(raw)
    with open(path, "r+b") as handle:
        handle.truncate(good)
    return count


# ---------------------------------------------------------------- the run


@attrs.define
class Tally:
    """What the run has done, for the progress line and the summary."""

    started: float = attrs.Factory(time.monotonic)
    documents: int = 0
    rejected: int = 0
    repairs: Counter[str] = attrs.Factory(Counter)
    findings: Counter[str] = attrs.Factory(Counter)

    def add(self, result: Result) -> None:
        """Count one result."""
        self.documents += 1
        self.rejected += result.reject is not None
        self.repairs.update(result.repairs)
        self.findings.update(result.findings)

    def rate(self) -> float:
        """Documents per second so far."""
        return self.documents / max(time.monotonic() - self.started, 1e-9)

    def progress(self, total: int | None, skipped: int) -> str:
        """One progress line (no newline)."""
        rate = self.rate()
        done = self.documents + skipped
        if total:
            left = max(total - done, 0) / rate if rate else 0.0
            return f"\r{done}/{total} articles  {rate:,.1f}/s  ETA {left:,.0f} s "
        return f"\r{done} articles  {rate:,.1f}/s "

    def summary(self) -> list[str]:
        """The summary printed at the end."""
        seconds = time.monotonic() - self.started

        def kinds(counts: Counter[str]) -> str:
            return ", ".join(f"{k} {n}" for k, n in counts.most_common()) or "none"

        return [
            f"newsrepair batch: {self.documents} documents ({self.rejected} rejected) in "
            f"{seconds:.2f} s, {self.rate():.1f} documents/s",
            f"repairs: {sum(self.repairs.values())} ({kinds(self.repairs)})",
            f"findings: {sum(self.findings.values())} ({kinds(self.findings)})",
        ]


def results(
    tasks: Iterable[tuple[int, str, bool]], options: Options, jobs: int, chunksize: int
) -> Iterator[Result]:
    """Results in input order; with ``jobs > 1`` from a pool, a bounded window at a time."""
    if jobs <= 1:
        _start_worker(options)
        yield from (_work(t) for t in tasks)
        return
    # The pool's feeder thread pulls tasks as fast as it can; the semaphore
    # holds it to a window of records so memory stays bounded.
    window = threading.BoundedSemaphore(max(4 * jobs * chunksize, 2 * chunksize))

    def fed() -> Iterator[tuple[int, str, bool]]:
        for task in tasks:
            window.acquire()
            yield task

    with multiprocessing.get_context().Pool(
        jobs, initializer=_start_worker, initargs=(options,)
    ) as pool:
        for result in pool.imap(_work, fed(), chunksize):
            window.release()
            yield result


def _tasks(source: str, encoding: str) -> Iterator[tuple[int, str, bool]]:
    path = Path(source)
    if path.is_dir():
        return _folder_tasks(path)
    if path.suffix == ".parquet":
        return _parquet_tasks(path)
    if source != "-" and not path.is_file():
        raise UserError(f"{source}: no such file or folder; check the path")
    return _jsonl_tasks(source, encoding)


def run(args: argparse.Namespace, config: Config) -> int:
    """The ``batch`` command."""
    if args.jobs < 1 or args.chunksize < 1:
        raise UserError("--jobs and --chunksize must be at least 1")
    encoding = check_encoding(args.encoding)
    output = Path(args.output)
    rejects = Path(args.rejects or f"{args.output}.rejects.jsonl")
    if not args.resume and output.exists() and output.stat().st_size:
        raise UserError(f"{output}: exists; pass --resume to continue it or remove it first")
    skip = _complete_lines(output) + _complete_lines(rejects) if args.resume else 0
    root = str(Path(args.input)) if Path(args.input).is_dir() else ""
    options = Options(args.field, args.id_field, args.key, encoding, config, root)
    show = args.progress == "always" or (args.progress == "auto" and sys.stderr.isatty())
    total = _total(args.input) if show else None
    tally = Tally()
    tasks = _tasks(args.input, encoding)
    try:
        pending = (t for k, t in enumerate(tasks) if k >= skip)
        mode = "a" if args.resume else "w"
        with (
            open(output, mode, encoding="utf-8") as out,
            open(rejects, mode, encoding="utf-8") as bad,
        ):
            last = 0.0
            for result in results(pending, options, args.jobs, args.chunksize):
                if result.line is not None:
                    out.write(result.line + "\n")
                else:
                    bad.write(f"{result.reject}\n")
                    print(
                        f"newsrepair: rejected record {result.number}: "
                        f"{json.loads(result.reject or '{}').get('error')}",
                        file=sys.stderr,
                    )
                tally.add(result)
                if show and time.monotonic() - last > 0.5:
                    last = time.monotonic()
                    sys.stderr.write(tally.progress(total, skip))
                    sys.stderr.flush()
    except KeyboardInterrupt:
        print(
            f"\nnewsrepair: interrupted after {tally.documents + skip} records; run the "
            "same command with --resume to go on",
            file=sys.stderr,
        )
        return 130
    except UnicodeDecodeError as err:
        raise UserError(
            f"{args.input}: not valid {encoding} ({err.reason} at byte "
            f"{err.start}); pass --encoding"
        ) from None
    except OSError as err:
        raise UserError(f"{err.filename or args.output}: {err.strerror}") from None
    if show:
        sys.stderr.write("\n")
    if skip:
        print(f"resumed after {skip} records already done", file=sys.stderr)
    for line in tally.summary():
        print(line, file=sys.stderr)
    if tally.rejected:
        print(f"{tally.rejected} rejected records are in {rejects}", file=sys.stderr)
    return 0
