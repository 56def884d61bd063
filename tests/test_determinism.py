"""Determinism across processes: byte-identical ``to_dict()`` JSON under any hash seed.

String hashing is randomised per process (``PYTHONHASHSEED``), so any output
that depends on set or dict iteration order of strings differs between runs.
Each subprocess repairs the same texts (the example, every golden input, the
seed page when present, and small adversarial inputs) and prints the JSON;
all of them must print the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = """
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
sys.path.insert(0, str(root))
from benchmarks.adversarial import INPUTS
from newsrepair import repair
texts = [(root / "examples" / "harbour_bridge.txt").read_text(encoding="utf-8")]
for path in sorted((root / "tests" / "golden").glob("*.json")):
    for case in json.loads(path.read_text(encoding="utf-8")):
        raw = case["input"]
        texts.append(raw if isinstance(raw, str) else "\\n".join(raw))
seed = root.parent / "shared" / "seed"
texts.extend(p.read_text(encoding="utf-8") for p in sorted(seed.glob("*.txt")))
texts.extend(make(40) for _, make in sorted(INPUTS.items()))
out = sys.stdout.buffer
for text in texts:
    # ASCII escapes: the odd-character input holds lone surrogates.
    out.write(json.dumps(repair(text).to_dict()).encode("ascii"))
    out.write(b"\\n")
"""


def _run(seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT)], env=env,
                          capture_output=True, timeout=600, check=True)
    return done.stdout


def test_to_dict_json_identical_across_hash_seeds() -> None:
    """Four hash seeds (and hash randomisation off) give the same JSON bytes."""
    outputs = {seed: _run(seed) for seed in ("0", "1", "42", "4294967295", "random")}
    digests = {seed: hashlib.sha256(out).hexdigest() for seed, out in outputs.items()}
    assert all(outputs.values()), "a subprocess printed nothing"
    assert 1 == len(set(digests.values())), digests
