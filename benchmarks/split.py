"""The held-back split: documents the gate is tuned on, and documents it is not.

A document belongs to the *held-back* part when a hash of its **source article**
id says so, so every rendering of one article (all renderers, all layouts) falls
in the same part: tuning on a Typst page of an article cannot leak into a
held-back WeasyPrint page of it. The hash is SHA-256, not Python's ``hash``, so
the split is the same in every process, on every machine, for every build.

The gate's floors apply to the tuning part only; the held-back figures are
printed beside them and are never written to ``floors.json``, so nobody tunes
the library against them.
"""

from __future__ import annotations

import hashlib

TUNING = "tuning"
HELD_BACK = "heldback"
PARTS: tuple[str, ...] = (TUNING, HELD_BACK)
#: One source article in HELD_BACK_SHARE is held back.
HELD_BACK_SHARE = 3
_SALT = "newsrepair-heldback-v1"


def article_id(doc_id: str) -> str:
    """The source article of a corpus document (``<article>__<renderer>_<n>``)."""
    return doc_id.split("__", 1)[0]


def part_of(doc_id: str) -> str:
    """``"heldback"`` or ``"tuning"`` for a corpus document id."""
    digest = hashlib.sha256(f"{_SALT}:{article_id(doc_id)}".encode()).digest()
    return HELD_BACK if int.from_bytes(digest[:4], "big") % HELD_BACK_SHARE == 0 else TUNING
