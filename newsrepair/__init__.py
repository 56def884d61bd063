"""newsrepair: repair news text damaged by page layout.

>>> from newsrepair import repair
>>> article = repair(damaged_text)
>>> article.headline, article.text, article.pull_quotes, article.repairs
>>> audit(damaged_text, article).ok      # every character in exactly one place
"""

from ._audit import Audit, audit, replay
from ._config import DEFAULT_PASSES, Config
from ._kinds import FINDING_KINDS, REPAIR_KINDS, Kind, code_of
from ._model import Article, Caption, Finding, Paragraph, PullQuote, Repair, Span
from ._pipeline import PASSES, repair

__all__ = [
    "DEFAULT_PASSES",
    "FINDING_KINDS",
    "PASSES",
    "REPAIR_KINDS",
    "Article",
    "Audit",
    "Caption",
    "Config",
    "Finding",
    "Kind",
    "Paragraph",
    "PullQuote",
    "Repair",
    "Span",
    "audit",
    "code_of",
    "repair",
    "replay",
]

__version__ = "0.1.0"
