"""newsrepair: repair news text damaged by page layout.

>>> from newsrepair import repair
>>> article = repair(damaged_text)
>>> article.headline, article.text, article.pull_quotes, article.repairs
"""

from ._config import DEFAULT_PASSES, Config
from ._model import Article, Caption, Finding, Paragraph, PullQuote, Repair, Span
from ._pipeline import PASSES, repair

__all__ = [
    "DEFAULT_PASSES",
    "PASSES",
    "Article",
    "Caption",
    "Config",
    "Finding",
    "Paragraph",
    "PullQuote",
    "Repair",
    "Span",
    "repair",
]

__version__ = "0.1.0"
