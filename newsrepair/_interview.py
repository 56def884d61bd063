"""Pass 6: interview structure: question and answer turns and their speakers.

A turn opening with a label (``IRNA:``, ``MASOUDI:``, ``Q:``) names its
speaker; the label is taken out of the text (logged as a repair) and kept as
``speaker``. Labels whose turns are mostly questions belong to the interviewer.
Unlabelled paragraphs after the first turn inherit a speaker: a question goes
to the last interviewer, anything else to the last interviewee.
"""

from __future__ import annotations

from collections import defaultdict

import attrs
import regex

from ._classify import DOTTED_LABEL, SPEAKER_LABEL, is_label_start
from ._config import Config
from ._draft import ANSWER, BODY, QUESTION, Draft
from ._edits import Ledger

INTERROGATIVE = regex.compile(
    r"(?i)^(?:what|how|why|when|where|who|whom|whose|which|do|does|did|is|are|was|were|can|"
    r"could|should|would|will|has|have|had|may|might|must|shall|in\s+your\s+view|to\s+what)\b"
)
SENTENCE_START = regex.compile(r"(?<=[.!?][\"'”’)]?\s)(?=[\"'“‘]?\p{Lu})")
# A recurring label before a turn is a speaker's; a name before a colon can
# still open an ordinary sentence, so this is a strong rule, not proof.
LABEL_CONFIDENCE = 0.95
QUESTION_LABELS = frozenset({"Q", "QUESTION", "INTERVIEWER", "Q."})


def is_question(text: str) -> bool:
    """Whether a paragraph reads as an interviewer's question."""
    stripped = text.rstrip("\"'”’) ")
    if stripped.endswith("?"):
        return len(text.split()) <= 90
    # Without its question mark, only a turn cut short ("What strategy should
    # be adopted in this re-") may still be a question; one that ends in a
    # full stop is a statement, whatever word opens it.
    if len(text.split()) > 60 or stripped.endswith((".", "!", "…")):
        return False
    sentences = SENTENCE_START.split(text)
    return bool(INTERROGATIVE.match(sentences[-1].lstrip("\"'“‘")))


# Words that open a paragraph with a colon without naming a speaker.
NOT_SPEAKERS = frozenset(
    """note update correction editor's editors clarification source sources photo photos
    related read also warning disclaimer background context caption credit image video
    watch listen see tags topics""".split()
)


def _label(text: str, dotted: bool) -> str | None:
    if dotted and DOTTED_LABEL.match(text):
        return text[0]
    if not SPEAKER_LABEL.match(text) or not is_label_start(text):
        return None
    label = " ".join(text[: text.index(":")].split())
    if label.lower() in NOT_SPEAKERS or label.split()[0].lower() in NOT_SPEAKERS:
        return None
    return label


def run(draft: Draft, config: Config) -> Draft:
    """Assign question/answer roles and speakers to body paragraphs."""
    positions = [k for k, b in enumerate(draft.blocks) if b.role == BODY]
    labels: dict[int, str] = {}
    for k in positions:
        label = _label(draft.blocks[k].lines[0].text, draft.dotted_labels)
        if label is not None:
            labels[k] = label
    counts: dict[str, int] = defaultdict(int)
    for label in labels.values():
        counts[label] += 1
    # A label seen once might be a plain "Note: ..." sentence; require a real
    # exchange: two labelled turns, or a Q/A label.
    if len(labels) < 2 and not any(lab.upper() in QUESTION_LABELS for lab in labels.values()):
        return _unlabelled(draft, positions)
    blocks = list(draft.blocks)
    ledger = Ledger(draft, config)
    questions: dict[str, list[bool]] = defaultdict(list)
    for k, label in list(labels.items()):
        block = blocks[k]
        first = block.lines[0]
        # The label as printed ends at its colon (or the dot of "Q."); the
        # speaker's name is kept with its spacing normalised.
        label_end = (
            2
            if draft.dotted_labels and DOTTED_LABEL.match(first.text)
            else (first.text.index(":") + 1)
        )
        if not ledger.propose(
            "speaker_label",
            first.start,
            first.start + label_end,
            "",
            LABEL_CONFIDENCE,
            f"speaker label '{label}' kept as the turn's speaker",
        ):
            # Under the bar the label stays in the text and names no speaker.
            del labels[k]
            questions[label].append(is_question(block.text))
            continue
        cut = label_end
        while cut < len(first.text) and first.text[cut] == " ":
            cut += 1
        if cut < len(first.text):
            rest = attrs.evolve(first, text=first.text[cut:], start=first.start + cut)
            kept, joints = (rest, *block.lines[1:]), block.joints
        else:
            # The label stood on a line of its own: the turn starts on the next.
            kept, joints = block.lines[1:], block.joints[1:]
        block = attrs.evolve(block, lines=kept, joints=joints, speaker=label)
        blocks[k] = block
        questions[label].append(is_question(block.text))
    interviewers = {
        lab
        for lab, qs in questions.items()
        if lab.upper() in QUESTION_LABELS or sum(qs) * 2 > len(qs)
    }
    if not labels:
        return ledger.close(draft)
    first_turn = min(labels)
    asker: str | None = None
    answerer: str | None = None
    for k in positions:
        if k < first_turn:
            continue
        block = blocks[k]
        if k in labels:
            label = labels[k]
            if label in interviewers:
                asker = label
                blocks[k] = attrs.evolve(block, role=QUESTION)
            else:
                answerer = label
                blocks[k] = attrs.evolve(block, role=ANSWER)
        elif is_question(block.text):
            blocks[k] = attrs.evolve(block, role=QUESTION, speaker=asker)
        else:
            blocks[k] = attrs.evolve(block, role=ANSWER, speaker=answerer)
    return ledger.close(draft, blocks=tuple(blocks))


def _unlabelled(draft: Draft, positions: list[int]) -> Draft:
    """An interview without labels: short questions each followed by an answer."""
    asks = [
        k
        for k in positions
        if is_question(draft.blocks[k].text)
        and draft.blocks[k].text.rstrip("\"'”’) ").endswith("?")
    ]
    # Sets for the membership tests: with lists this pass was quadratic in the
    # number of paragraphs.
    body, asked = set(positions), set(asks)
    followed = [k for k in asks if k + 1 in body and k + 1 not in asked]
    if len(followed) < 3:
        return draft
    blocks = list(draft.blocks)
    for k in positions:
        if k < followed[0]:
            continue
        role = QUESTION if k in asked else ANSWER
        blocks[k] = attrs.evolve(blocks[k], role=role)
    return attrs.evolve(draft, blocks=tuple(blocks))
