"""Speed and scale of newsrepair, next to its peers, on the corpus's extracted texts.

Figures (all written to ``benchmarks/out/speed.json``):

* throughput per system, one process: MB/s and articles/s, overall and per extractor;
* scaling: time per byte of ``repair`` on concatenated multi-article inputs from
  10 KB to 10 MB (``--sizes``), to show whether anything is superlinear;
* import time of ``newsrepair`` in a fresh interpreter (in-process timer, median of
  several runs, plus ``python -X importtime``'s cumulative figure);
* peak RSS of a subprocess that imports newsrepair and repairs a 1 MB input;
* batch throughput of ``repair`` over the corpus with 1 and 2 worker processes.

The targets are reported, never asserted: this machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.peers import build_systems, run_newsrepair
from benchmarks.score import DEFAULT_OUT, load_manifest, resolve_corpus

REPO = Path(__file__).resolve().parent.parent

TARGETS = {
    "mb_per_s": 5.0,
    "regex_ratio": 3.0,
    "scaling_ratio": 1.3,
    "import_ms": 150.0,
    "rss_mb": 120.0,
}

DEFAULT_SIZES = "10K,100K,1M,10M"
DEFAULT_SIZE_BYTES = (10_000, 100_000, 1_000_000, 10_000_000)


def parse_size(text: str) -> int:
    """``"10K"`` -> 10_000, ``"1M"`` -> 1_000_000 (decimal, like MB/s)."""
    text = text.strip().upper().removesuffix("B")
    scale = {"K": 1_000, "M": 1_000_000, "G": 1_000_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("KMG")) * scale)


def load_texts(
    corpus: Path, extractors: Sequence[str] | None = None, limit: int | None = None
) -> list[tuple[str, str]]:
    """(extractor, text) for every extracted text in the corpus."""
    manifest = load_manifest(corpus)
    texts: list[tuple[str, str]] = []
    for doc in manifest.get("documents", [])[:limit] if limit else manifest.get("documents", []):
        for extractor in doc.get("extractors", []):
            if extractors and extractor not in extractors:
                continue
            path = corpus / doc["dir"] / "extract" / f"{extractor}.txt"
            if path.exists():
                texts.append((extractor, path.read_text(encoding="utf-8")))
    return texts


def throughput(texts: Sequence[tuple[str, str]], systems: Sequence[str] | None) -> dict[str, Any]:
    """Single-process MB/s and articles/s per system, overall and per extractor.

    Each system first runs on one text unmeasured, so lazy imports and caches do not
    count against the first extractor.
    """
    result: dict[str, Any] = {}
    for system in build_systems(list(systems) if systems else None):
        if texts:
            system.run(texts[0][1])
        per_time: dict[str, float] = defaultdict(float)
        per_bytes: dict[str, int] = defaultdict(int)
        per_n: dict[str, int] = defaultdict(int)
        for extractor, text in texts:
            start = time.perf_counter()
            system.run(text)
            per_time[extractor] += time.perf_counter() - start
            per_bytes[extractor] += len(text.encode("utf-8"))
            per_n[extractor] += 1

        def node(seconds: float, nbytes: int, n: int) -> dict[str, float]:
            return {
                "seconds": seconds,
                "bytes": nbytes,
                "texts": n,
                "mb_per_s": nbytes / 1e6 / seconds if seconds else 0.0,
                "articles_per_s": n / seconds if seconds else 0.0,
            }

        result[system.name] = {
            "overall": node(sum(per_time.values()), sum(per_bytes.values()), sum(per_n.values())),
            "by_extractor": {e: node(per_time[e], per_bytes[e], per_n[e]) for e in per_time},
        }
    return result


def concatenated(texts: Sequence[tuple[str, str]], size: int) -> str:
    """A multi-article input of about ``size`` bytes: corpus texts cycled, separated by
    blank lines, cut at a line end."""
    if not texts:
        raise SystemExit("no extracted texts to build scaling inputs from")
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        text = texts[i % len(texts)][1].strip() + "\n\n\n"
        parts.append(text)
        total += len(text.encode("utf-8"))
        i += 1
    joined = "".join(parts)
    cut = joined[:size]
    return cut[: cut.rfind("\n") + 1] or cut


_SCALING_SNIPPET = """
import json, sys, time
import newsrepair
text = open(sys.argv[1], encoding="utf-8").read()
warm = open(sys.argv[2], encoding="utf-8").read()
newsrepair.repair(warm)  # lazy imports and lexicon loading are not input-size costs
runs = []
spent = 0.0
while not runs or (spent < 0.5 and len(runs) < 20):
    start = time.perf_counter()
    newsrepair.repair(text)
    runs.append(time.perf_counter() - start)
    spent += runs[-1]
print(json.dumps(runs))
"""


# Inputs smaller than this are also timed as consecutive pieces of one input
# this large, so every size sees the same mix of texts (the first 10 KB of
# the corpus is one or two articles from one renderer, not the corpus).
MIX_BYTES = 1_000_000

_MIX_SNIPPET = """
import json, sys, time
import newsrepair
pieces = json.load(open(sys.argv[1], encoding="utf-8"))
warm = open(sys.argv[2], encoding="utf-8").read()
newsrepair.repair(warm)
spent = 0.0
for piece in pieces:
    start = time.perf_counter()
    newsrepair.repair(piece)
    spent += time.perf_counter() - start
print(json.dumps(spent))
"""


def pieces_of(text: str, size: int) -> list[str]:
    """``text`` cut at line ends into consecutive pieces of about ``size`` characters."""
    pieces: list[str] = []
    at = 0
    while at < len(text):
        end = min(len(text), at + size)
        if end < len(text):
            cut = text.rfind("\n", at, end)
            end = cut + 1 if cut > at else end
        pieces.append(text[at:end])
        at = end
    return pieces


def _time_mix(text: str, size: int, warm: str, timeout: float) -> float | None:
    """Seconds to repair all of ``text`` in pieces of ``size``, in a fresh interpreter."""
    with tempfile.TemporaryDirectory() as tmp:
        path, warm_path = Path(tmp, "pieces.json"), Path(tmp, "warm.txt")
        path.write_text(json.dumps(pieces_of(text, size)), encoding="utf-8")
        warm_path.write_text(warm, encoding="utf-8")
        proc = _run_snippet(_MIX_SNIPPET, [str(path), str(warm_path)], timeout)
    if proc is None or proc.returncode:
        return None
    spent: float = json.loads(proc.stdout.strip().splitlines()[-1])
    return spent


def _run_snippet(
    snippet: str, args: list[str], timeout: float
) -> subprocess.CompletedProcess[str] | None:
    """Run a measuring snippet in a fresh interpreter; None when it ran out of time."""
    try:
        return subprocess.run(
            [sys.executable, "-c", snippet, *args],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=REPO,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None


def _time_in_subprocess(text: str, warm: str, timeout: float) -> tuple[list[float], str]:
    """Best-of timings of ``repair(text)`` in a fresh interpreter, killed at ``timeout``.

    A subprocess is the only way to stop a superlinear run cleanly, and it keeps the
    measurement free of whatever the parent process has cached.
    """
    with tempfile.TemporaryDirectory() as tmp:
        path, warm_path = Path(tmp, "input.txt"), Path(tmp, "warm.txt")
        path.write_text(text, encoding="utf-8")
        warm_path.write_text(warm, encoding="utf-8")
        proc = _run_snippet(_SCALING_SNIPPET, [str(path), str(warm_path)], timeout)
        if proc is None:
            return [], f"timed out after {timeout:.0f} s"
    if proc.returncode:
        tail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return [], f"error: {tail[:100]}"
    runs: list[float] = json.loads(proc.stdout.strip().splitlines()[-1])
    return runs, ""


def scaling(
    texts: Sequence[tuple[str, str]], sizes: Sequence[int], budget_s: float
) -> dict[str, Any]:
    """Time per byte of ``repair`` by input size.

    Each size runs in a fresh subprocess after a warm-up call; small inputs are
    repeated until 0.5 s has passed and the best run is kept, because one 10 KB run is
    too short to time. A size is killed after ``budget_s`` seconds, and a size whose
    projected time (from the previous size's ns/byte) exceeds the budget is skipped,
    so superlinear behaviour shows up as a note instead of an hour-long run.
    """
    points: list[dict[str, Any]] = []
    last_ns: float | None = None
    stop = ""
    warm = texts[0][1] if texts else ""
    for size in sizes:
        label = f"{size / 1e6:g} MB" if size >= 1_000_000 else f"{size / 1e3:g} KB"
        text = concatenated(texts, size)
        nbytes = len(text.encode("utf-8"))
        if stop:
            points.append({"label": label, "bytes": nbytes, "note": f"skipped: {stop}"})
            continue
        if last_ns is not None and last_ns * nbytes / 1e9 > budget_s:
            projected = last_ns * nbytes / 1e9
            points.append(
                {
                    "label": label,
                    "bytes": nbytes,
                    "note": f"skipped: projected {projected:.0f} s > budget {budget_s:.0f} s",
                }
            )
            continue
        print(f"  speed: scaling {label}", file=sys.stderr)
        runs, note = _time_in_subprocess(text, warm, budget_s)
        if not runs:
            points.append({"label": label, "bytes": nbytes, "note": note})
            stop = f"smaller input already {note}"
            continue
        best = min(runs)
        last_ns = best / nbytes * 1e9
        points.append(
            {
                "label": label,
                "bytes": nbytes,
                "seconds": best,
                "runs": len(runs),
                "ns_per_byte": last_ns,
                "mb_per_s": nbytes / 1e6 / best,
                "note": note,
            }
        )
    # The same mix at every size: the smaller sizes again, as pieces of one
    # MIX_BYTES input, so the ratio compares sizes and not texts.
    mix = concatenated(texts, MIX_BYTES) if texts else ""
    mix_bytes = len(mix.encode("utf-8"))
    for point, size in zip(points, sizes, strict=True):
        if size >= MIX_BYTES or "seconds" not in point:
            continue
        print(f"  speed: scaling {point['label']} pieces of the same mix", file=sys.stderr)
        spent = _time_mix(mix, size, warm, budget_s)
        if spent:
            point["mix_ns_per_byte"] = spent / mix_bytes * 1e9
    timed = [p for p in points if p.get("ns_per_byte")]
    ratio = timed[-1]["ns_per_byte"] / timed[0]["ns_per_byte"] if len(timed) > 1 else None
    smallest_mix = next((p["mix_ns_per_byte"] for p in timed if p.get("mix_ns_per_byte")), None)
    mix_ratio = (
        timed[-1]["ns_per_byte"] / smallest_mix
        if smallest_mix and len(timed) > 1 and timed[-1]["bytes"] >= MIX_BYTES
        else None
    )
    complete = len(timed) == len(points)
    return {
        "points": points,
        "ratio_largest_to_smallest": ratio,
        "ratio_largest_to_smallest_same_mix": mix_ratio,
        "largest_timed_bytes": timed[-1]["bytes"] if timed else None,
        "complete": complete,
    }


def _env() -> dict[str, str]:
    """Subprocess environment that imports newsrepair from this work tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return env


_IMPORT_SNIPPET = (
    "import time; t = time.perf_counter(); import newsrepair; "
    "print((time.perf_counter() - t) * 1000)"
)


def import_time(runs: int = 5) -> dict[str, Any]:
    """Import time of newsrepair in fresh interpreters (ms)."""
    times: list[float] = []
    error = None
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", _IMPORT_SNIPPET],
            capture_output=True,
            text=True,
            env=_env(),
            cwd=REPO,
            check=False,
        )
        if proc.returncode:
            error = proc.stderr.strip().splitlines()[-1:] or ["import failed"]
            break
        times.append(float(proc.stdout.strip()))
    importtime_ms = None
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import newsrepair"],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=REPO,
        check=False,
    )
    # -X importtime lines: "import time: self [us] | cumulative | imported package".
    for line in proc.stderr.splitlines():
        fields = [f.strip() for f in line.removeprefix("import time:").split("|")]
        if len(fields) == 3 and fields[2] == "newsrepair":
            importtime_ms = int(fields[1]) / 1000
    return {
        "runs_ms": times,
        "median_ms": statistics.median(times) if times else None,
        "importtime_ms": importtime_ms,
        "error": error[0] if error else None,
    }


# Peak RSS of the child alone. ru_maxrss survives fork+exec on Linux, so a child
# of a big parent reports the parent's size; VmHWM in /proc belongs to the new
# address space. ru_maxrss (KiB on Linux) is the fallback elsewhere.
_PEAK_FN = """
def peak_mb():
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
_RSS_SNIPPET = (
    _PEAK_FN
    + """
import sys
import newsrepair
text = open(sys.argv[1], encoding="utf-8").read()
newsrepair.repair(text)
print(peak_mb())
"""
)
_BASE_SNIPPET = _PEAK_FN + "print(peak_mb())\n"


def peak_rss(texts: Sequence[tuple[str, str]], size: int, timeout: float) -> dict[str, Any]:
    """Peak RSS (MB) of a fresh interpreter that imports newsrepair and repairs once.

    If the run exceeds ``timeout`` the input is cut tenfold and tried again, so a
    slow library still gets a memory figure (with the size it was measured at).
    """
    base = subprocess.run(
        [sys.executable, "-c", _BASE_SNIPPET], capture_output=True, text=True, check=False
    )
    result: dict[str, Any] = {
        "peak_mb": None,
        "baseline_mb": float(base.stdout.strip()) if base.returncode == 0 else None,
        "input_bytes": None,
        "error": None,
        "notes": [],
    }
    while size >= 1_000:
        text = concatenated(texts, size)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "input.txt")
            path.write_text(text, encoding="utf-8")
            proc = _run_snippet(_RSS_SNIPPET, [str(path)], timeout)
            if proc is None:
                result["notes"].append(f"{size} bytes timed out after {timeout:.0f} s")
                size //= 10
                continue
        result["input_bytes"] = len(text.encode("utf-8"))
        if proc.returncode:
            result["error"] = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        else:
            result["peak_mb"] = float(proc.stdout.strip().splitlines()[-1])
        break
    return result


def _repair_len(text: str) -> int:
    return len(run_newsrepair(text).body)


def batch(
    texts: Sequence[tuple[str, str]], processes: Sequence[int], total_bytes: int = 2_000_000
) -> dict[str, Any]:
    """Wall time of repairing a batch of corpus texts with a pool of N processes.

    The batch is the corpus texts, cycled or cut to about ``total_bytes``: long
    enough to dwarf pool overhead, short enough not to dominate a run. The pool is
    warmed up (imports done) before the clock starts, so the figure is steady-state
    throughput, not process start-up.
    """
    bodies: list[str] = []
    size = 0
    while texts and size < total_bytes:
        for _, text in texts:
            bodies.append(text)
            size += len(text.encode("utf-8"))
            if size >= total_bytes:
                break
    nbytes = sum(len(t.encode("utf-8")) for t in bodies)
    result: dict[str, Any] = {}
    ctx = multiprocessing.get_context("spawn")
    for n in processes:
        with ctx.Pool(n) as pool:
            pool.map(_repair_len, bodies[: max(1, n)])
            start = time.perf_counter()
            pool.map(_repair_len, bodies, chunksize=max(1, len(bodies) // (8 * n)))
            seconds = time.perf_counter() - start
        result[str(n)] = {
            "texts": len(bodies),
            "seconds": seconds,
            "mb_per_s": nbytes / 1e6 / seconds if seconds else None,
            "articles_per_s": len(bodies) / seconds if seconds else None,
        }
    return result


def measure(
    corpus: Path,
    systems: Sequence[str] | None = None,
    sizes: Sequence[int] = DEFAULT_SIZE_BYTES,
    rss_size: int = 1_000_000,
    budget_s: float = 60.0,
    processes: Sequence[int] = (1, 2),
    limit: int | None = None,
) -> dict[str, Any]:
    """Every speed figure, as one JSON-serialisable dictionary."""
    texts = load_texts(corpus, limit=limit)
    print(f"  speed: {len(texts)} texts", file=sys.stderr)
    built = build_systems(list(systems) if systems else None)
    result: dict[str, Any] = {
        "corpus": str(corpus),
        "cpu_count": os.cpu_count(),
        "targets": TARGETS,
        "regex_only": [s.name for s in built if s.regex_only],
    }
    result["throughput"] = throughput(texts, systems)
    print("  speed: throughput done", file=sys.stderr)
    result["scaling"] = scaling(texts, sizes, budget_s)
    print("  speed: scaling done", file=sys.stderr)
    result["import"] = import_time()
    result["rss"] = peak_rss(texts, rss_size, budget_s)
    print("  speed: rss done", file=sys.stderr)
    result["batch"] = batch(texts, processes)
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Speed options shared by ``speed`` and ``run``."""
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="scaling sizes, e.g. 10K,1M")
    parser.add_argument("--rss-size", default="1M", help="input size for the RSS figure")
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds allowed per scaling size (killed after, skipped if projected over)",
    )
    parser.add_argument(
        "--speed-limit", type=int, help="use only the first N documents' texts for speed"
    )


def measure_from_args(args: argparse.Namespace, corpus: Path) -> dict[str, Any]:
    """Run :func:`measure` with parsed command-line options."""
    systems = [s for s in args.systems.split(",") if s] if getattr(args, "systems", None) else None
    return measure(
        corpus,
        systems,
        sizes=[parse_size(s) for s in args.sizes.split(",") if s.strip()],
        rss_size=parse_size(args.rss_size),
        budget_s=args.budget,
        limit=args.speed_limit,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m benchmarks speed``."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks speed", description=__doc__)
    parser.add_argument("--corpus")
    parser.add_argument("--systems", help="comma-separated systems for throughput")
    parser.add_argument("--out", default=str(DEFAULT_OUT / "speed.json"))
    add_arguments(parser)
    args = parser.parse_args(argv)
    result = measure_from_args(args, resolve_corpus(args.corpus))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1), encoding="utf-8")
    from benchmarks.report import speed_markdown

    print(speed_markdown(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
