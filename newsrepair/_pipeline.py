"""The pipeline: the passes in order, and :func:`repair` that runs them.

text → normalise → segment → markdown → classify → pullquotes → reflow →
interview → hyphens → wordfix → settle → assemble. Each pass is
``run(draft, config) -> draft``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import (
    _classify,
    _hyphens,
    _interview,
    _markdown,
    _normalise,
    _pullquotes,
    _reflow,
    _segment,
    _settle,
    _wordfix,
)
from ._assemble import assemble
from ._canonical import recognise
from ._config import OPTIONS, Config
from ._draft import Draft, OffsetMap
from ._language import language_for
from ._lexicon import check_language
from ._model import Article

Pass = Callable[[Draft, Config], Draft]

PASSES: dict[str, Pass] = {
    "normalise": _normalise.run,
    "segment": _segment.run,
    "markdown": _markdown.run,
    "classify": _classify.run,
    "pullquotes": _pullquotes.run,
    "reflow": _reflow.run,
    "interview": _interview.run,
    "hyphens": _hyphens.run,
    "wordfix": _wordfix.run,
    "settle": _settle.run,
}
"""Every pass by name, in pipeline order: the names of :data:`DEFAULT_PASSES`.

Each is ``run(draft, config) -> draft``; :attr:`Config.passes` switches
passes off by name::

    >>> from newsrepair import DEFAULT_PASSES, PASSES, repair
    >>> tuple(PASSES) == DEFAULT_PASSES
    True
    >>> repair("the com-\\nmittee", passes=("normalise", "segment")).text  # no reflow, no hyphens
    'the com-\\n\\nmittee'
"""

# Without lines and blocks there is nothing for later passes to work on, so
# these always run; the others can be switched off in Config.passes.
_REQUIRED = ("segment",)
_DEFAULT_CONFIG = Config()


def _check_text(text: object) -> str:
    if isinstance(text, str):
        return text
    kind = type(text).__name__
    hint = (
        " Decode it first, e.g. data.decode('utf-8')."
        if isinstance(text, (bytes, bytearray))
        else ""
    )
    raise TypeError(f"repair() needs the article as a str, not {kind}.{hint}")


def start_draft(text: str) -> Draft:
    """The draft before any pass: the input as its own source."""
    return Draft(original=text, source=text, offsets=OffsetMap((0,), (0,), len(text)))


def run_passes(text: str, config: Config) -> Draft:
    """Run the configured passes on ``text`` and return the final draft."""
    draft = start_draft(text)
    for name, step in PASSES.items():
        if name in config.passes or name in _REQUIRED:
            draft = step(draft, config)
        elif name == "reflow":
            # Without reflow every body line is a paragraph of its own; the
            # later passes still need those blocks.
            draft = _reflow.lines_as_blocks(draft)
    return draft


def repair(text: str, config: Config | None = None, **overrides: Any) -> Article:
    """Repair layout-damaged news ``text`` and return an :class:`Article`.

    ``config`` defaults to :class:`Config`'s defaults; keyword ``overrides``
    evolve it (``repair(text, min_confidence=0.9)``). Deterministic and pure:
    the same text and config always give the same article. Only a ``str`` is
    accepted; anything else raises ``TypeError``.

    A word hyphenated at a line end is joined when the joined form is a
    common word::

        >>> from newsrepair import repair
        >>> article = repair("The ferry will run every hour from June, the com-\\nmittee said.\\n")
        >>> article.text
        'The ferry will run every hour from June, the committee said.'
        >>> [r.kind for r in article.repairs]
        ['dehyphenate']

    Under a higher bar the same edit is refused and reported as a finding:
    under-repair beats over-repair::

        >>> strict = repair("The ferry will run every hour from June, the com-\\nmittee said.\\n",
        ...                 min_confidence=0.99)
        >>> "committee" in strict.text, bool(strict.findings)
        (False, True)

    Bytes are refused rather than guessed at::

        >>> repair(b"The committee said.")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        TypeError: repair() needs the article as a str, not bytes...
    """
    checked = _check_text(text)
    # Text already in the library's own canonical layout (what `newsrepair
    # fix` writes) is read back field by field, so repairing is idempotent.
    canonical = recognise(checked)
    if canonical is not None:
        return canonical
    base = _DEFAULT_CONFIG if config is None else config
    if not isinstance(base, Config):
        raise TypeError(f"config must be a newsrepair.Config, not {type(base).__name__}")
    unknown = sorted(set(overrides) - set(OPTIONS))
    if unknown:
        raise TypeError(
            f"repair() got unknown option(s) {', '.join(unknown)}; it accepts config= "
            f"and the options {', '.join(OPTIONS)}"
        )
    cfg = base.evolve(**overrides) if overrides else base
    # Refused before any work: rules of one language run on another would
    # repair nothing and join much.
    code = language_for(cfg.language).code
    if cfg.use_lexicon and code != "en":
        check_language(code)
    return assemble(run_passes(checked, cfg))
