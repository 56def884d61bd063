"""Interview structure in one place: speaker labels, and the pass that makes turns.

The label tests (:func:`is_label_start`, :func:`label_counts`,
:func:`speaker_turns`) are asked by the header and reflow passes too; the
interview pass itself then assigns question and answer turns.

A turn opening with a label (``IRNA:``, ``MASOUDI:``, ``Q:``) names its
speaker; the label is taken out of the text (logged as a repair) and kept as
``speaker``. Labels whose turns are mostly questions belong to the interviewer.
Unlabelled paragraphs after the first turn inherit a speaker: a question goes
to the last interviewer, anything else to the last interviewee.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

import attrs
import regex

from ._config import Config
from ._draft import ANSWER, BODY, QUESTION, Draft, Line
from ._edits import Ledger
from ._language import Language, language_for

SENTENCE_START = regex.compile(r"(?<=[.!?][\"'”’)]?\s)(?=[\"'“‘]?\p{Lu})")
# A recurring label before a turn is a speaker's; a name before a colon can
# still open an ordinary sentence, so this is a strong rule, not proof.
LABEL_CONFIDENCE = 0.95


def is_label_start(text: str, lang: Language, dotted: bool = False) -> bool:
    """Whether ``text`` opens with a speaker label such as ``MASOUDI:`` or ``Q:``.

    ``dotted`` also accepts ``Q.`` and ``A.``, which the document as a whole
    must show to be labels (alone, "A. Smith" is an initial).
    """
    if dotted and text[:2] in lang.dotted_starts and lang.dotted_label.match(text):
        return True
    if ":" not in text:
        return False
    m = lang.speaker_label.match(text)
    if not m:
        return False
    label = text[: text.index(":")].strip()
    return label.isupper() or (len(label.split()) <= 3 and label[:1].isupper() and len(label) <= 30)


def uses_dotted_labels(lines: Sequence[Line], lang: Language) -> bool:
    """Whether the text runs an interview with ``Q.`` / ``A.`` turns."""
    starts = Counter(
        m.group(1)
        for line in lines
        if line.text[:2] in lang.dotted_starts and (m := lang.dotted_label.match(line.text))
    )
    question, answer = lang.turn_labels
    return starts[question] >= 2 and starts[answer] >= 2


def label_counts(lines: Sequence[Line], lang: Language) -> Counter[str]:
    """How often each speaker-label shape opens a line ("IRNA:", "Q:")."""
    return Counter(
        line.text[: line.text.index(":")].strip()
        for line in lines
        if ":" in line.text[:32] and lang.speaker_label.match(line.text)
    )


def speaker_turns(text: str, counts: Counter[str], lang: Language) -> bool:
    """Whether a line's label is a speaker's: it recurs, or it is Q or A.

    "Analysis: ..." or "Ole Brandt: the man who ..." over an article is a
    headline; a speaker takes more than one turn.
    """
    label = text[: text.index(":")].strip()
    capitals = sum(n for name, n in counts.items() if name.isupper())
    return counts[label] >= 2 or label in lang.turn_labels or (label.isupper() and capitals >= 2)


def is_question(text: str, lang: Language) -> bool:
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
    return bool(lang.interrogative.match(sentences[-1].lstrip("\"'“‘")))


def _label(text: str, dotted: bool, lang: Language) -> str | None:
    if dotted and lang.dotted_label.match(text):
        return text[0]
    if not is_label_start(text, lang):
        return None
    label = " ".join(text[: text.index(":")].split())
    if label.lower() in lang.not_speakers or label.split()[0].lower() in lang.not_speakers:
        return None
    return label


def _exchange(counts: dict[str, int], asked: bool, lang: Language) -> bool:
    """Whether labelled paragraphs are an interview's turns, not section labels.

    A label seen once might be a plain "Note: ..." sentence, and a report's
    "SUMMARY:", "DATES:", "ADDRESSES:" each open one section. Speakers take
    turns: a question label; labels that recur and carry most turns; or two
    speakers at least, one of whom asks (``asked``: a labelled turn is a
    question).
    """
    if any(label.upper() in lang.question_labels for label in counts):
        return True
    recurring = sum(n for n in counts.values() if n >= 2)
    if recurring >= 2 and 2 * recurring >= sum(counts.values()):
        return True
    return asked and len(counts) >= 2


def run(draft: Draft, config: Config) -> Draft:
    """Assign question/answer roles and speakers to body paragraphs."""
    lang = language_for(config.language)
    positions = [k for k, b in enumerate(draft.blocks) if b.role == BODY]
    labels: dict[int, str] = {}
    for k in positions:
        label = _label(draft.blocks[k].lines[0].text, draft.dotted_labels, lang)
        if label is not None:
            labels[k] = label
    counts: dict[str, int] = defaultdict(int)
    for label in labels.values():
        counts[label] += 1
    asked = any(is_question(draft.blocks[k].text.split(":", 1)[-1].strip(), lang) for k in labels)
    if not _exchange(counts, asked, lang):
        return _unlabelled(draft, positions, lang)
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
            if draft.dotted_labels and lang.dotted_label.match(first.text)
            else (first.text.index(":") + 1)
        )
        if not ledger.propose(
            "speaker_label",
            first.start,
            first.to_source(label_end),
            "",
            LABEL_CONFIDENCE,
            f"speaker label '{label}' kept as the turn's speaker",
        ):
            # Under the bar the label stays in the text and names no speaker.
            del labels[k]
            questions[label].append(is_question(block.text, lang))
            continue
        cut = label_end
        while cut < len(first.text) and first.text[cut] == " ":
            cut += 1
        if cut < len(first.text):
            # A line whose text is no longer its source's (markup taken off)
            # keeps its offset map through the cut.
            rest = (
                first.edited(0, cut, "")
                if first.anchors
                else attrs.evolve(first, text=first.text[cut:], start=first.start + cut)
            )
            kept, joints = (rest, *block.lines[1:]), block.joints
        else:
            # The label stood on a line of its own: the turn starts on the next.
            kept, joints = block.lines[1:], block.joints[1:]
        block = attrs.evolve(block, lines=kept, joints=joints, speaker=label)
        blocks[k] = block
        questions[label].append(is_question(block.text, lang))
    interviewers = {
        lab
        for lab, qs in questions.items()
        if lab.upper() in lang.question_labels or sum(qs) * 2 > len(qs)
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
        elif is_question(block.text, lang):
            blocks[k] = attrs.evolve(block, role=QUESTION, speaker=asker)
        else:
            blocks[k] = attrs.evolve(block, role=ANSWER, speaker=answerer)
    return ledger.close(draft, blocks=tuple(blocks))


def _unlabelled(draft: Draft, positions: list[int], lang: Language) -> Draft:
    """An interview without labels: short questions each followed by an answer."""
    asks = [
        k
        for k in positions
        if is_question(draft.blocks[k].text, lang)
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
