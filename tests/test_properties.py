"""Property tests (Hypothesis): the promises :func:`newsrepair.repair` makes for any input.

- nothing is lost: every non-whitespace input character is in an output place
  or consumed by a logged repair (and every output character is accounted for);
- deterministic and idempotent;
- any ``str`` is accepted, anything else raises a helpful ``TypeError``;
- repair spans point into the input;
- generated damaged articles (wrapped columns, line-end hyphens, column and
  page breaks, running heads, jump lines, captions, a pull quote) give back
  their body words in order, under any header stack; generated interviews
  keep their turns' roles and speakers;
- pathological inputs of 200 KB finish (linear time, checked without a clock).

Bugs these properties found are kept at the end as strict-xfail reproducers;
where a strategy steers around one, a comment names it. ``NR_EXAMPLES`` and
``NR_GENERATED`` raise the example counts for a longer hunt.
"""

from __future__ import annotations

import difflib
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newsrepair import DEFAULT_PASSES, Article, Config, repair

from _support import difference, missing_from_union

SETTINGS = settings(max_examples=int(os.environ.get("NR_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- strategies

# Pieces that exercise the passes: words of both cases, line-end hyphens, soft
# hyphens, ligatures, odd spaces, blank lines, form feeds, labels, furniture.
PIECES = [
    "the", "council", "said", "on", "Monday", "that", "new", "gov", "ern", "ment", "so-called",
    "socalled", "US", "Iran", "multi", "layered", "Whether", "this", "Whetherthis", "e.g.",
    "U.S.", "19", "Covid", "2026", ".", ",", ":", "?", '"', "'", "-", "\u2014", "\u00ad",
    "\ufb01", "\u00a0", "\u200b", "\t", " ", " ", " ", "\n", "\n", "\n", "\n\n", "\f",
    "\r\n", "\u2022", "Q:", "A:", "IRNA:", "By Ann Lee", "Continued on Page 7", "12",
    "Photo: Ann Lee", "This article first appeared in the Ledger.", "MASOUDI:",
]
newsy_text = st.lists(st.sampled_from(PIECES), max_size=120).map(
    lambda parts: "".join(p if p.isspace() or p in "-\u00ad" else p + " " for p in parts)
)
any_text = st.one_of(st.text(max_size=300), newsy_text)

HEADER_FIELDS = ("kicker", "headline", "deck", "byline", "dateline")
GENERATED = settings(max_examples=int(os.environ.get("NR_GENERATED", "40")), deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- (a) nothing lost


@SETTINGS
@given(any_text)
def test_nothing_lost(text: str) -> None:
    """Input = output + repairs' before - repairs' after, character by character."""
    article = repair(text)
    assert {} == difference(text, article)


@SETTINGS
@given(any_text)
def test_every_character_somewhere(text: str) -> None:
    """Every input character appears in some output place or some repair's before."""
    article = repair(text)
    assert [] == missing_from_union(text, article)


# ---------------------------------------------------------------- (b), (c) stability


@SETTINGS
@given(any_text)
def test_deterministic(text: str) -> None:
    """The same input gives the same article twice."""
    assert repair(text) == repair(text)


@SETTINGS
@given(any_text)
def test_idempotent(text: str) -> None:
    """Repairing the repaired body changes nothing."""
    # Known bug (test_idempotent_word_fix_beside_dangling_soft_hyphen).
    assume("\xad" not in text)
    # Known bug (test_idempotent_line_ending_in_a_label): "... Q:" closing a line.
    assume(not regex.search(r"\b(?:Q|A|IRNA|MASOUDI):[ \t]*(?:\n|$)", text))
    article = repair(text)
    # Known bug (test_idempotent_after_label_*): a paragraph break whose only
    # evidence was a speaker label is lost once the label is out of the text.
    assume("speaker_label" not in {r.kind for r in article.repairs})
    once = article.text
    again = repair(once)
    # Known bugs (test_idempotent_heading_above_label, ..._caption_credit_line):
    # with the header and set-aside material gone, a paragraph that looks like
    # a heading, a byline or a captioned credit is re-read as one.
    assume(all(getattr(again, f) is None for f in HEADER_FIELDS) and not again.captions
           and not again.notes)
    # Known bug (test_idempotent_word_counts_include_furniture).
    assume(not article.furniture or "restore_hyphen" not in {r.kind for r in again.repairs})
    assert once == again.text


HASH_SCRIPT = """
import hashlib, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from newsrepair import repair
texts = [Path(sys.argv[1], "examples", "harbour_bridge.txt").read_text(encoding="utf-8")]
for path in sorted(Path(sys.argv[1], "tests", "golden").glob("*.json")):
    import json
    for case in json.loads(path.read_text(encoding="utf-8")):
        raw = case["input"]
        texts.append(raw if isinstance(raw, str) else "\\n".join(raw))
digest = hashlib.sha256("\\n".join(repr(repair(t)) for t in texts).encode()).hexdigest()
print(digest)
"""


def test_deterministic_across_hash_seeds() -> None:
    """Output does not depend on string hashing (set or dict order) between processes."""
    root = Path(__file__).resolve().parents[1]
    digests = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", HASH_SCRIPT, str(root)], env=env,
                              capture_output=True, text=True, timeout=300, check=True)
        digests.add(done.stdout.strip())
    assert 1 == len(digests)


configs = st.builds(
    Config,
    min_confidence=st.floats(0.0, 1.0),
    use_lexicon=st.booleans(),
    passes=st.lists(st.sampled_from(DEFAULT_PASSES), unique=True).map(
        lambda names: tuple(n for n in DEFAULT_PASSES if n in names)),
)


@SETTINGS
@given(any_text, configs)
def test_nothing_lost_under_any_config(text: str, config: Config) -> None:
    """Whatever passes run and whatever the bar, no character is lost."""
    article = repair(text, config=config)
    assert {} == difference(text, article)


# ---------------------------------------------------------------- (d) input types


@SETTINGS
@given(st.text())
def test_any_str_accepted(text: str) -> None:
    """Any string, control characters included, gives an Article."""
    assert Article is type(repair(text))


@pytest.mark.parametrize("value", [b"bytes", bytearray(b"x"), None, 42, 4.2, ["a"], {"a": 1}])
def test_non_str_raises_type_error(value: Any) -> None:
    """A non-str input raises TypeError naming what was given."""
    with pytest.raises(TypeError, match=r"needs the article as a str, not "):
        repair(value)


def test_bytes_error_says_decode() -> None:
    """The TypeError for bytes tells the caller to decode them first."""
    with pytest.raises(TypeError, match=r"decode"):
        repair(b"The council met on Monday.")


# ---------------------------------------------------------------- (e) spans


@SETTINGS
@given(any_text)
def test_repair_spans_point_into_input(text: str) -> None:
    """Spans lie in the input; ``before`` is the input at the span (joins/moves aside)."""
    article = repair(text)
    n = len(text)
    assert [] == [r for r in article.repairs if not 0 <= r.span[0] <= r.span[1] <= n]
    assert [] == [f for f in article.findings if not 0 <= f.span[0] <= f.span[1] <= n]
    assert [] == [
        (r.kind, r.span, r.before)
        for r in article.repairs
        if r.kind not in ("join", "reorder", "move") and text[r.span[0]:r.span[1]] != r.before
    ]


@SETTINGS
@given(any_text)
def test_paragraph_spans_point_into_input(text: str) -> None:
    """Every paragraph span is an ordered range inside the input."""
    n = len(text)
    spans = [s for p in repair(text).paragraphs for s in p.spans]
    assert [] == [s for s in spans if not 0 <= s[0] <= s[1] <= n]


# ---------------------------------------------------------------- (f) generated articles

# Words with the syllable breaks we allow at a line end; every break here gives
# pieces that are not words themselves, so joining them is the only reading.
SYLLABLES = (
    "gov|ern|ment de|vel|op|ment ad|min|is|tra|tion com|mit|tee in|ves|ti|ga|tion res|i|dents "
    "con|struc|tion au|thor|i|ties par|lia|ment hos|pi|tal fes|ti|val mu|se|um tem|per|a|ture "
    "com|mu|ni|ty dis|trict el|ec|tion prob|lem in|dus|try man|age|ment pro|pos|al "
    "re|port|ers of|fi|cials ques|tion coun|cil sched|ule ag|ri|cul|ture e|con|o|my "
    "en|gi|neers pas|sen|gers"
).split()
BREAKS = {w.replace("|", ""): w.split("|") for w in SYLLABLES}
SHORT_WORDS = (
    "the a of to in and on for with that by at from was were will said after before new old "
    "city town river bridge school road plan team week year month money water power rail "
    "north south east west local public main first last next two three four many most "
    "more less told asked agreed opened closed built paid voted"
).split()
VOCAB = SHORT_WORDS + list(BREAKS)


CAPTIONS = [
    "Workers lift a new section of the deck into place on Monday.",
    "The harbour at dawn, seen from the old lighthouse.",
    "Volunteers (left to right) Ann Lee, Tom Berg and Ida Sund.",
]
CREDITS = ["\u2022 ANNA KOVAC/REUTERS", "Photo: Jonas Falk", "Picture: Ledger Archive"]


def _sentence(rnd: random.Random) -> str:
    words = [rnd.choice(VOCAB) for _ in range(rnd.randint(6, 16))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rnd.choice([".", ".", ".", ",\u201d said one of them.", "?"])


def _wrap(words: list[str], width: int, rnd: random.Random, hyphenate: float) -> list[str]:
    """Greedy line filling with some line-end hyphens at the allowed breaks."""
    lines: list[str] = []
    line = ""
    for word in words:
        if not line:
            line = word
            continue
        if len(line) + 1 + len(word) <= width:
            line += " " + word
            continue
        parts = BREAKS.get(word.rstrip(".,?\u201d").lower())
        if parts and word[0].islower() and rnd.random() < hyphenate:
            fits = [k for k in range(1, len(parts))
                    if len(line) + 1 + len("".join(parts[:k])) + 1 <= width]
            if fits:
                k = rnd.choice(fits)
                head = "".join(parts[:k])
                lines.append(f"{line} {head}-")
                line = word[len(head):]
                continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return lines


def _find(haystack: list[str], needle: list[str]) -> int:
    for i in range(len(haystack) - len(needle) + 1):
        if haystack[i:i + len(needle)] == needle:
            return i
    raise ValueError("needle not found")


@st.composite
def damaged_articles(draw: st.DrawFn, full_lead: bool = True) -> tuple[str, list[str]]:
    """A generated article as an extractor would write it, and its gold body words.

    ``full_lead=False`` lets the lead's first line be short too (the word
    order properties steer around that known failure; the audit does not).
    """
    rnd = random.Random(draw(st.integers(0, 2**32)))
    width = rnd.randint(30, 60)
    hyphenate = rnd.choice([0.0, 0.5, 1.0])
    paragraphs = []
    for k in range(rnd.randint(2, 5)):
        count = rnd.randint(3, 5) if k == 0 else rnd.randint(1, 4)
        paragraphs.append(" ".join(_sentence(rnd) for _ in range(count)))
    gold = " ".join(paragraphs).split()
    lines: list[str] = []
    for para in paragraphs:
        lines.extend(_wrap(para.split(), width, rnd, hyphenate))
    # Justified columns: the lead's first line is full (a short one under the
    # headline is the known failure "ragged first line under a headline").
    if full_lead:
        assume(len(lines[0]) >= 0.9 * width)
    quote_source = max((s for p in paragraphs for s in p.split(". ")), key=len)
    quote_words = quote_source.rstrip(".").split()[:10]
    # The line where the quote's source sentence ends.
    bare = [w.strip(".,?\u201d") for w in gold]
    needle = [w.strip(".,?\u201d") for w in quote_source.split()]
    source_end = _find(bare, needle) + len(needle)
    seen_words = 0
    quote_after = len(lines)
    for n, line in enumerate(lines):
        seen_words += len(line.split()) - (n > 0 and lines[n - 1].endswith("-"))
        if seen_words >= source_end:
            quote_after = n
            break
    # Pull quotes are set large in a narrow measure: lines about half the column.
    quote = _wrap(quote_words, max(18, width // 2), rnd, 0.0)
    out: list[str] = ["Council reports on the year", ""]
    page = rnd.randint(2, 40)
    for n, line in enumerate(lines):
        out.append(line)
        if n < 5 or n == len(lines) - 1:
            continue
        event = rnd.random()
        if event < 0.08:
            out.append("")  # column break
        elif event < 0.11:
            page += 1
            out.extend(["", f"\fTHE DAILY LEDGER | {page}", ""])
        elif event < 0.13:
            page += 1
            out.extend(["", str(page), "\f"])
        elif event < 0.15 and quote and (n >= quote_after or rnd.random() < 0.3):
            out.extend(["", *quote, ""])
            quote = []
        elif event < 0.17:
            out.extend(["", rnd.choice(CAPTIONS), rnd.choice(CREDITS), ""])
        elif event < 0.18:
            page += 1
            out.extend(["", f"Continued on Page {page}", "\f", f"Continued from Page {page - 1}",
                        ""])
    return "\n".join(out) + "\n", gold


def _recovered(gold: list[str], got: list[str]) -> float:
    matcher = difflib.SequenceMatcher(a=gold, b=got, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(gold)


@GENERATED
@given(damaged_articles())
def test_generated_article_nothing_lost(sample: tuple[str, list[str]]) -> None:
    """A generated damaged article loses no character."""
    text, _ = sample
    assert {} == difference(text, repair(text))


@GENERATED
@given(damaged_articles())
def test_generated_article_words_in_order(sample: tuple[str, list[str]]) -> None:
    """At least 90% of the gold body words come back, in order, after dehyphenation."""
    text, gold = sample
    article = repair(text)
    got = article.text.split()
    assert 1.0 >= max(0.9, _recovered(gold, got))
    assert _recovered(gold, got) >= 0.9


@GENERATED
@given(damaged_articles())
def test_generated_article_no_extra_words(sample: tuple[str, list[str]]) -> None:
    """The body holds at most 10% more words than the gold (furniture and quote out)."""
    text, gold = sample
    got = repair(text).text.split()
    assert len(got) <= 1.1 * len(gold)


KICKERS = ["CITY", "Transport", "Deep Dive", "SPORT", "Opinion"]
HEADLINES = ["Council reports on the year", "Tram fares to rise by ten percent",
             "Harbour bridge reopens after repair", "New pool for the east of the city"]
DECKS = ["Engineers say the steel deck will last another century",
         "The mayor wants the work finished before the winter",
         "Opposition parties say the plan costs too much"]
BYLINES = ["By Mara Lindqvist", "By Ann Lee and Tom Berg", "By JONAS FALK"]
DATELINES = ["Monday, May 4, 2026", "4 May 2026", "Tuesday, June 9, 2026"]
HEADER_CHOICES = {"kicker": KICKERS, "headline": HEADLINES, "deck": DECKS, "byline": BYLINES,
                  "dateline": DATELINES}


@st.composite
def headed_articles(draw: st.DrawFn) -> tuple[str, dict[str, str], list[str]]:
    """A generated article under a random kicker/headline/deck/byline/dateline stack."""
    text, gold = draw(damaged_articles())
    body = text.split("\n\n", 1)[1]
    rnd = random.Random(draw(st.integers(0, 2**32)))
    fields = {name: rnd.choice(choices) for name, choices in HEADER_CHOICES.items()
              if name == "headline" or rnd.random() < 0.5}
    stack = [fields[name] for name in HEADER_FIELDS if name in fields]
    return "\n\n".join(stack) + "\n\n" + body, fields, gold


@GENERATED
@given(headed_articles())
def test_generated_header_fields(sample: tuple[str, dict[str, str], list[str]]) -> None:
    """Kicker, headline, deck, byline and dateline above a damaged body are all found."""
    text, fields, gold = sample
    article = repair(text)
    found = {name: getattr(article, name) for name in HEADER_FIELDS if getattr(article, name)}
    assert fields == found
    assert _recovered(gold, article.text.split()) >= 0.9


# Words that open a question; generated answers do not start a sentence with
# them (known failure "unlabelled answer opening with When is not a question").
ASKING = frozenset(
    "what how why when where who whom whose which do does did is are was were can could "
    "should would will has have had may might must shall".split()
)
QUESTIONS = [
    "What will happen to the old quay when the new one opens?",
    "How many ships will use the harbour next year?",
    "Why did the council change the plan in March?",
    "When will the work on the northern pier begin?",
    "Who will pay for the new cranes?",
    "Is the harbour ready for the bigger ferries?",
]


def _statement(rnd: random.Random) -> str:
    words = [rnd.choice(VOCAB) for _ in range(rnd.randint(6, 16))]
    while words[0] in ASKING:
        words[0] = rnd.choice(VOCAB)
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


@st.composite
def interviews(draw: st.DrawFn) -> tuple[str, list[tuple[str, str, str | None]]]:
    """A wrapped interview: intro, labelled and unlabelled turns; gold (text, role, speaker)."""
    rnd = random.Random(draw(st.integers(0, 2**32)))
    width = rnd.randint(36, 60)
    asker, answerer = rnd.choice([("GAZETTE", "BRANDT"), ("Q", "A"), ("HERALD", "MORENO")])
    intro = " ".join(_statement(rnd) for _ in range(3))
    lines = ["Harbour master on the new quay", "", *_wrap(intro.split(), width, rnd, 0.0), ""]
    gold: list[tuple[str, str, str | None]] = [(intro, "body", None)]
    for n, question in enumerate(rnd.sample(QUESTIONS, rnd.randint(2, 4))):
        label = f"{asker}: " if n == 0 or rnd.random() < 0.5 else ""
        lines += [*_wrap((label + question).split(), width, rnd, 0.0), ""]
        gold.append((question, "question", asker))
        for m in range(rnd.randint(1, 2)):
            answer = " ".join(_statement(rnd) for _ in range(rnd.randint(1, 3)))
            label = f"{answerer}: " if m == 0 and (n == 0 or rnd.random() < 0.5) else ""
            lines += [*_wrap((label + answer).split(), width, rnd, 0.0), ""]
            gold.append((answer, "answer", answerer))
    return "\n".join(lines), gold


@GENERATED
@given(interviews())
def test_generated_interview_roles(sample: tuple[str, list[tuple[str, str, str | None]]]) -> None:
    """Every paragraph of a generated interview has its turn's role and speaker."""
    text, gold = sample
    wrong = []
    for p in repair(text).paragraphs:
        owners = [(role, speaker) for turn, role, speaker in gold if p.text in turn]
        if not owners or owners[0] != (p.role, p.speaker):
            wrong.append((p.text[:40], p.role, p.speaker, owners[:1]))
    assert [] == wrong


# ---------------------------------------------------------------- (g) size sanity

PATHOLOGICAL = {
    # The three of the brief at 200 KB ...
    "one huge line": "word " * 40_000,
    "50k line-end hyphens": "ab-\n" * 50_000,
    "50k short lines": "a b\n" * 50_000,
    # ... and more shapes at about 100 KB, to keep the suite quick.
    "25k blank lines": "x\n\n" * 25_000,
    "17k speaker labels": "Q: x?\n" * 17_000,
    "hyphens only": "-" * 100_000,
    "33k page breaks": "a\n\f" * 33_000,
    "repeated sentence lines": "The council met. It voted no.\n" * 3_500,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_completes(name: str) -> None:
    """A 100-200 KB pathological input is repaired and nothing is lost."""
    text = PATHOLOGICAL[name]
    assert {} == difference(text, repair(text))


# ---------------------------------------------------------------- bugs the properties found
# Each is a minimal reproducer, kept as a strict xfail; the strategies above
# steer around them (see the comments there) so the properties stay useful.


def test_text_before_form_feed_kept() -> None:
    """A line ending in a form feed (page end without a newline) keeps its text."""
    text = "The mayor resigned on Friday.\f"
    assert {} == difference(text, repair(text))


def test_page_break_inside_line_keeps_both_pages() -> None:
    """Text on both sides of a form feed in one line ends up in the body."""
    article = repair("The mayor resigned on Friday.\fThe council met on Monday.\n")
    assert ["The mayor resigned on Friday.", "The council met on Monday."] == [
        p.text for p in article.paragraphs]


def test_unjoined_soft_hyphen_is_logged() -> None:
    """A soft hyphen at the very end of the text is accounted for in the repair log."""
    text = "The council will meet again on Thurs\u00ad"
    assert {} == difference(text, repair(text))


def test_idempotent_after_label_before_lowercase() -> None:
    """A lowercase answer turn stays its own paragraph when the body is repaired again."""
    text = ("The council voted on Tuesday to close the old swimming pool in the eastern "
            "district, and we asked one of the councillors why she supported the plan.\n\n"
            "Q: Did you vote for the plan?\n\nA: yes, and most of my colleagues did too.\n")
    once = repair(text).text
    assert once == repair(once).text


def test_idempotent_label_alone_on_its_line() -> None:
    """A speaker label on a line of its own is handled the same way on a second repair."""
    once = repair("Q:\nand what happens to the ferries?\n").text
    assert once == repair(once).text


def test_idempotent_heading_above_label() -> None:
    """A short heading line above a labelled turn is treated the same on a second repair."""
    once = repair("Ferries\nA: the boats run until May.\n").text
    assert once == repair(once).text


@pytest.mark.xfail(strict=True, reason="not idempotent: the label was the only evidence for the "
                   "break; without it an unfinished turn ('... to the') joins the next one")
def test_idempotent_after_label_after_unfinished_turn() -> None:
    """A turn cut after a function word stays apart from the next labelled turn."""
    text = ("Ferry fares to rise\n\n"
            "The island ferry company said on Monday that fares would rise by six\n"
            "percent in March. We asked its director about the increase and the\n"
            "plans for a new boat.\n\n"
            "Q: Why are fares going up again? Is it because of the\n\n"
            "A: Fuel costs have doubled in two years.\n")
    once = repair(text).text
    assert once == repair(once).text


def test_soft_hyphen_between_spaces_is_a_dash() -> None:
    """A soft hyphen standing alone between spaces breaks no word: it is shown as a dash."""
    text = "The ferry runs on weekdays \u00ad and on Sundays in summer \u00ad until May.\n"
    article = repair(text)
    assert ("The ferry runs on weekdays - and on Sundays in summer - until May.", {}) == (
        article.text,
        difference(text, article),
    )


def test_soft_hyphen_ending_a_credit_is_logged() -> None:
    """A soft hyphen at the end of a photo credit is accounted for."""
    text = "Tall ships on the quay.\nPhoto: Jonas Falk\u00ad\n"
    assert {} == difference(text, repair(text))


def test_idempotent_word_fix_beside_dangling_soft_hyphen() -> None:
    """Word fixes on a line that ends in a dangling soft hyphen happen on the first repair."""
    text = ("Council backs green corridor\n\n"
            "The council said the socalled green corridor would link the two par\u00ad\n")
    once = repair(text).text
    assert once == repair(once).text


def test_idempotent_caption_credit_line() -> None:
    """A paragraph ending in 'Photo: Name' is treated the same on a second repair."""
    once = repair("the\nU.S. Photo: Ann Lee\n").text
    assert once == repair(once).text


def test_idempotent_word_counts_include_furniture() -> None:
    """Word evidence from furniture does not change the body's repair on a second pass."""
    once = repair("socalled\nContinued on Page 7 socalled\n").text
    assert once == repair(once).text


def test_idempotent_line_ending_in_a_label() -> None:
    """A line that ends with 'Q:' before a blank line is handled the same on a second repair."""
    once = repair("the the\nthe Q:\n\nthe\n").text
    assert once == repair(once).text


@GENERATED
@given(damaged_articles())
def test_generated_article_idempotent(sample: tuple[str, list[str]]) -> None:
    """Repairing the repaired body of a generated article changes nothing."""
    once = repair(sample[0]).text
    again = repair(once)
    # Known bug class (test_idempotent_heading_above_label): a short first
    # paragraph (a question) is taken for a headline once the real one is gone.
    assume(all(getattr(again, f) is None for f in HEADER_FIELDS))
    assert once == again.text


@GENERATED
@given(interviews())
def test_generated_interview_idempotent(
        sample: tuple[str, list[tuple[str, str, str | None]]]) -> None:
    """Repairing the repaired body of a generated interview keeps its text."""
    once = repair(sample[0]).text
    again = repair(once)
    assume(all(getattr(again, f) is None for f in HEADER_FIELDS))
    assert once == again.text
