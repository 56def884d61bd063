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
from ._draft import FLOW_ROLES, FURNITURE, NOTE, Block, Draft, Line
from ._furniture import find_furniture
from ._language import language_for


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


def run(draft: Draft, config: Config) -> Draft:
    """Set aside the paragraphs the furniture rules take from the output."""
    at = [k for k, block in enumerate(draft.blocks) if block.role in FLOW_ROLES and block.lines]
    if not at:
        return draft
    paragraphs = [draft.blocks[k] for k in at]
    roles = find_furniture(_as_output_lines(paragraphs), language_for(config.language))
    blocks = list(draft.blocks)
    changed = False
    for n, role in roles.items():
        block = paragraphs[n]
        if role in (FURNITURE, NOTE) and _unedited(block):
            blocks[at[n]] = attrs.evolve(block, role=role, speaker=None)
            changed = True
    return attrs.evolve(draft, blocks=tuple(blocks)) if changed else draft
