"""Test configuration: import the package from this checkout; Hypothesis profiles.

``python -m pytest`` already puts the repository root on ``sys.path``; plain
``pytest`` does not, so add it here (an installed copy is then shadowed by
the source being tested).

Property tests run derandomized, so the suite gives the same result on every
run; set ``NR_HUNT=1`` (with ``NR_EXAMPLES`` / ``NR_GENERATED`` for more
examples) to search with fresh random examples instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import settings

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("hunt", derandomize=False, print_blob=True)
settings.load_profile("hunt" if os.environ.get("NR_HUNT") else "repeatable")
