"""Test-suite set-up: Hypothesis runs derandomized under CI.

A property failure found by a random search belongs in an issue and a
reproducer test, not in a red CI run that the next commit may not repeat;
locally the search stays random so that new failures keep being found.
"""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
