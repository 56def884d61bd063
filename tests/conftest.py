"""Test configuration: import the package from this checkout.

``python -m pytest`` already puts the repository root on ``sys.path``; plain
``pytest`` does not, so add it here (an installed copy is then shadowed by
the source being tested).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
