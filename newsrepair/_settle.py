"""Pass 9: what a second repair of this output would set aside, set aside now.

The earlier passes decide from the input's lines; the output joins those
lines into paragraphs, one per block of text. A line that comes out as a
paragraph of its own stands apart there, as it did not in the input: a
masthead date run on under the paper's name ("THE CHRONICLE" / "Thursday,
May 7, 2015 · Late Edition") is furniture by the furniture rules once it
stands alone, and a second repair would take it out. Reading the output's
paragraphs with the same rules now makes that decision once, so repairing
the output again changes nothing: idempotence by construction, not by
running the pipeline twice.

Only a paragraph of unedited input lines joined by spaces is set aside:
its text is the input's, so nothing a repair changed is moved with it.
"""

from __future__ import annotations

import attrs

from ._config import Config
from ._draft import (
    FLOW_ROLES,
    FURNITURE,
    HEADER_ROLES,
    HEADLINE,
    NOTE,
    PULL_QUOTE,
    Block,
    Draft,
    Line,
)
from ._furniture import find_furniture
from ._header import find_header
from ._interview import label_counts
from ._language import Language, language_for
from ._pullquotes import repeated_paragraphs

# The header stands in the output's first paragraphs.
HEADER_PARAGRAPHS = 8


def _as_output_lines(blocks: list[Block]) -> list[Line]:
    """Each paragraph as the one line a second repair would read it as."""
    return [
        Line(
            text=" ".join(block.text.split()),
            start=block.lines[0].start,
            end=block.lines[-1].end,
            index=n,
            blank_before=1,
        )
        for n, block in enumerate(blocks)
    ]


def _unedited(block: Block) -> bool:
    """Whether the paragraph is input lines as they were, joined by spaces."""
    return all(not line.anchors for line in block.lines) and all(
        joint == " " for joint in block.joints
    )


def _header_of_output(
    blocks: list[Block], at: list[int], lines: list[Line], lang: Language
) -> dict[int, Block]:
    """The header a second repair would find at the top of the output.

    Only for an article with no header at all: its first paragraphs are
    what a second repair reads first. The header is taken only when every
    paragraph it takes is unedited input text.
    """
    if any(block.role in HEADER_ROLES for block in blocks):
        return {}
    top = lines[:HEADER_PARAGRAPHS]
    roles = find_header(top, [], {}, 0.0, label_counts(top, lang), lang)
    # Titles over no body are body (as the classify pass reads them).
    if not any(role == HEADLINE for role in roles.values()) or len(roles) >= len(lines):
        return {}
    if not all(_unedited(blocks[at[n]]) for n in roles):
        return {}
    return {
        at[n]: attrs.evolve(blocks[at[n]], role=role, speaker=None) for n, role in roles.items()
    }


def run(draft: Draft, config: Config) -> Draft:
    """Set aside what a second repair would take from the output: the
    header at its top, paragraphs the furniture rules take, and paragraphs
    that repeat the body (pull quotes printed whole on a line)."""
    at = [k for k, block in enumerate(draft.blocks) if block.role in FLOW_ROLES and block.lines]
    if not at:
        return draft
    lang = language_for(config.language)
    blocks = list(draft.blocks)
    paragraphs = [blocks[k] for k in at]
    lines = _as_output_lines(paragraphs)
    # Each decision is the one its own pass makes: with the pass switched
    # off, a second repair would not make it either.
    changed: dict[int, Block] = {}
    if "classify" in config.passes:
        changed = _header_of_output(blocks, at, lines, lang)
        for n, role in find_furniture(lines, lang).items():
            block = paragraphs[n]
            if role in (FURNITURE, NOTE) and at[n] not in changed and _unedited(block):
                changed[at[n]] = attrs.evolve(block, role=role, speaker=None)
    # Read one paragraph per line, a paragraph that repeats the body is a
    # pull quote printed whole on its line.
    if "pullquotes" in config.passes:
        for n in repeated_paragraphs([line.text for line in lines]):
            block = paragraphs[n]
            if at[n] not in changed and _unedited(block):
                changed[at[n]] = attrs.evolve(block, role=PULL_QUOTE, speaker=None)
    if not changed:
        return draft
    for k, block in changed.items():
        blocks[k] = block
    return attrs.evolve(draft, blocks=tuple(blocks))
