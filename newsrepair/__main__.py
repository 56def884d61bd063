"""``python -m newsrepair``: the command line (see :mod:`newsrepair._cli`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ._cli import main

__all__ = ["main"]


def _run(argv: Sequence[str] | None = None) -> int:
    """Entry point: like :func:`main`, quiet when the reader of stdout goes away."""
    try:
        code = main(argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # `newsrepair FILE | head`: the reader closed the pipe; that is no
        # error. Point stdout at nothing so the final flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("newsrepair: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(_run())
