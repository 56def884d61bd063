"""newsrepair: repair news text damaged by page layout.

Give :func:`repair` the text an extractor wrote (a ``str``) and read the
:class:`Article` it returns: structure fields, body paragraphs, the material
set aside (pull quotes, captions, notes, furniture), the log of every repair
and the damage it saw but left alone. :func:`audit` checks that nothing was
lost::

    >>> from newsrepair import audit, repair
    >>> damaged = "The ferry will run every hour from June, the com-\\nmittee said.\\n"
    >>> article = repair(damaged)
    >>> article.text
    'The ferry will run every hour from June, the committee said.'
    >>> audit(damaged, article).ok      # every character in exactly one place
    True
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
