"""Coverage-guided fuzzing of :func:`newsrepair.repair` with atheris (libFuzzer).

Each input is the fuzzer's bytes decoded as UTF-8, invalid bytes kept as lone
surrogates (``surrogateescape``), so every ``str`` shape can turn up. For
each one the harness checks the promises and raises on a broken one, which
makes libFuzzer save the input as ``crash-*``:

- ``repair`` raises nothing;
- nothing is lost and every record replays its spans (:func:`newsrepair.audit`);
- a second ``repair`` of the same text gives the same article (determinism);
- repairing the repaired body changes nothing (idempotence). Idempotence has
  known failures in passes being rewritten, so by default a failing input is
  written to the findings folder (``NR_FUZZ_FINDINGS``, default a temporary
  folder) and the run goes on; ``NR_FUZZ_STRICT=1`` makes it a crash too.

The seed corpus is made at run time from the golden inputs and the example
article (nothing binary is kept in the repository)::

    python tests/fuzz/fuzz_repair.py -max_total_time=60        # the CI run
    python tests/fuzz/fuzz_repair.py crash-1234abcd            # replay one input

Other arguments go to libFuzzer; see tests/fuzz/README.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():
    from newsrepair import audit, repair

STRICT = os.environ.get("NR_FUZZ_STRICT") == "1"
FINDINGS = Path(os.environ.get("NR_FUZZ_FINDINGS") or tempfile.mkdtemp(prefix="nr-findings-"))


class PromiseBroken(AssertionError):
    """A promise of repair() does not hold for the fuzzed input."""


def seed_texts() -> list[str]:
    """The example article and every golden input."""
    texts = [(ROOT / "examples" / "harbour_bridge.txt").read_text(encoding="utf-8")]
    for path in sorted((ROOT / "tests" / "golden").glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            raw = case["input"]
            texts.append(raw if isinstance(raw, str) else "\n".join(raw))
    return texts


def write_seed_corpus(folder: Path) -> int:
    """Write the seed texts into ``folder`` as UTF-8 files; return how many."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = seed_texts()
    for text in texts:
        data = text.encode("utf-8")
        (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return len(texts)


def check(text: str) -> None:
    """Raise PromiseBroken when a promise of repair() fails on ``text``."""
    article = repair(text)
    report = audit(text, article)
    if not report.ok:
        raise PromiseBroken(f"audit failed: {report}")
    if repair(text) != article:
        raise PromiseBroken("two repairs of the same text differ")
    once = article.text
    if repair(once).text != once:
        if STRICT:
            raise PromiseBroken("repairing the repaired body changed it")
        name = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
        (FINDINGS / f"idempotence-{name}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))


def test_one_input(data: bytes) -> None:
    """libFuzzer's entry point: decode the bytes and check them."""
    check(data.decode("utf-8", errors="surrogateescape"))


def main() -> None:
    """Run libFuzzer; a run without a corpus folder gets the seed corpus in a fresh one."""
    args = sys.argv[1:]
    if not any(not a.startswith("-") for a in args):
        corpus = Path(tempfile.mkdtemp(prefix="nr-corpus-"))
        count = write_seed_corpus(corpus)
        print(f"seed corpus: {count} texts in {corpus}; findings in {FINDINGS}", flush=True)
        args.append(str(corpus))
    if not any(a.startswith("-max_len=") for a in args):
        args.append("-max_len=8192")
    if not any(a.startswith("-timeout=") for a in args):
        # A linear repair of 8 KB takes milliseconds: 20 s means a hang.
        args.append("-timeout=20")
    atheris.Setup([sys.argv[0], *args], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
