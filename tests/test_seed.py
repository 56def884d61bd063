"""Acceptance test on the user's real example, an interview page (the "seed").

The seed lives outside the repository (``../shared/seed``) and is never copied
into it: these tests hold only short substrings, a few words each. Every test
states one fact of a perfect repair; facts the library does not meet yet are
marked ``xfail(strict=True)`` with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsrepair import Article, Paragraph, repair

from _support import difference, missing_from_union

SEED_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seed"
SEED = SEED_DIR / "000_c86172af70846193.txt"

pytestmark = pytest.mark.skipif(
    not SEED.is_file(), reason=f"seed example not found at {SEED} (kept outside the repository)"
)


@pytest.fixture(scope="module")
def seed() -> str:
    """The raw seed text."""
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article(seed: str) -> Article:
    """The seed, repaired once for the whole module."""
    return repair(seed)


def starting(article: Article, opening: str) -> Paragraph:
    """The one paragraph whose text starts with ``opening``."""
    found = [p for p in article.paragraphs if p.text.startswith(opening)]
    assert [opening] == [p.text[: len(opening)] for p in found]
    return found[0]


# ---------------------------------------------------------------- structure


def test_kicker(article: Article) -> None:
    """The section label above the headline is the kicker."""
    assert "Deep Dive" == article.kicker


def test_headline(article: Article) -> None:
    """The headline is found, with its "US-Iran" compound intact."""
    assert "New deal demands US-Iran pragmatism" == article.headline


def test_deck(article: Article) -> None:
    """The line under the headline is the deck."""
    assert "Europe unable to act independently" == article.deck


def test_section_tag_not_in_intro(article: Article) -> None:
    """The run-in "INTERVIEW" tag does not open the intro paragraph."""
    assert "The negotiation train" == article.paragraphs[0].text[:21]


def test_intro_paragraph_whole(article: Article) -> None:
    """The intro, cut twice across blank lines, is one body paragraph."""
    intro = article.paragraphs[0]
    assert ("body", None) == (intro.role, intro.speaker)
    assert "expert on US affairs." == intro.text[-21:]
    assert [True, True] == [
        "the outlook of the talks, IRNA conducted" in intro.text,
        "an international relations professor and" in intro.text,
    ]


# ---------------------------------------------------------------- interview


def test_first_question_speaker(article: Article) -> None:
    """The first question is labelled IRNA, and the label is out of the text."""
    first = next(p for p in article.paragraphs if p.role == "question")
    assert ("IRNA", "The postponement of") == (first.speaker, first.text[:19])


def test_first_answer_speaker(article: Article) -> None:
    """The first answer is labelled MASOUDI, and the label is out of the text."""
    first = next(p for p in article.paragraphs if p.role == "answer")
    assert ("MASOUDI", "Currently, three") == (first.speaker, first.text[:16])


def test_unlabelled_question(article: Article) -> None:
    """The unlabelled "Can changes in Trump's ..." turn is IRNA's question."""
    turn = starting(article, "Can changes in Trump's")
    assert ("question", "IRNA") == (turn.role, turn.speaker)


def test_unlabelled_answer_after_question(article: Article) -> None:
    """The unlabelled turn after that question is MASOUDI's answer."""
    turn = starting(article, "To assess whether")
    assert ("answer", "MASOUDI") == (turn.role, turn.speaker)


def test_all_questions(article: Article) -> None:
    """Exactly the interviewer's five turns are questions, all spoken by IRNA."""
    openings = ["The postponement of", "Can changes in", "Are contradictory",
                "Do these events", "During Iran-US talks"]
    questions = [p for p in article.paragraphs if p.role == "question"]
    assert len(openings) == len(questions)
    assert openings == [p.text[: len(o)] for p, o in zip(questions, openings, strict=True)]
    assert ["IRNA"] * 5 == [p.speaker for p in questions]


def test_all_answers_are_masoudis(article: Article) -> None:
    """Every answer turn, labelled or not, is spoken by MASOUDI."""
    answers = [p for p in article.paragraphs if p.role == "answer"]
    assert ["MASOUDI"] * len(answers) == [p.speaker for p in answers]


def test_section_tag_is_furniture(article: Article) -> None:
    """The run-in "INTERVIEW" tag is set aside as furniture."""
    assert True is ("INTERVIEW" in article.furniture)


def test_turns_after_intro(article: Article) -> None:
    """Every paragraph after the intro is a question or an answer turn."""
    assert [] == [p.text[:30] for p in article.paragraphs[1:]
                  if p.role not in ("question", "answer")]


# ---------------------------------------------------------------- words


def test_hyphen_across_blank_line_joined(article: Article) -> None:
    """ "chang-" + blank line + "es" is joined to "changes"."""
    assert [True, False] == ["such changes are positive" in article.text,
                             "chang-" in article.text]


def test_true_compounds_kept(article: Article) -> None:
    """Real compounds of the body keep their hyphens."""
    kept = ["Iran-US talks", "multi-layered realities", "UN secretary-general",
            '"watch-and-approve" stance', "Russia-Ukraine conflict"]
    assert kept == [k for k in kept if k in article.text]


def test_so_called_restored(article: Article) -> None:
    """ "socalled" in the body becomes "so-called" (the pull quote has it)."""
    assert [True, False] == ['or the so-called "signal-gate,"' in article.text,
                             "socalled" in article.text]


# ---------------------------------------------------------------- pull quote


def test_one_pull_quote_with_attribution(article: Article) -> None:
    """The pull quote is found once, with the name printed beside it."""
    assert ["Heidarali Masoudi"] == [q.attribution for q in article.pull_quotes]


def test_pull_quote_in_order(article: Article) -> None:
    """The scrambled pull-quote lines are put back in body order.

    With its lost space restored, the quote is a contiguous run of the body
    text, save the full stop the designer put at its end.
    """
    quote = article.pull_quotes[0].text
    assert ("It seems the main cause", "on the replacement.") == (quote[:23], quote[-19:])
    assert True is (quote[:-1] in article.text)


def test_pull_quote_lost_space(article: Article) -> None:
    """ "Whetherthis" in the pull quote becomes "Whether this"."""
    quote = article.pull_quotes[0].text
    assert [True, False] == ["Whether this benefits" in quote, "Whetherthis" in quote]


def test_no_pull_quote_fragments_in_body(article: Article) -> None:
    """No short pull-quote line is left behind in the body."""
    quote = article.pull_quotes[0].text if article.pull_quotes else ""
    assert [] == [p.text for p in article.paragraphs if p.text in quote]
    assert "Whetherthis" not in article.text
    assert "\n\nthe wide gap\n\n" not in f"\n\n{article.text}\n\n"


def test_body_sentence_kept_once(article: Article) -> None:
    """The body sentence the pull quote repeats stays in the body, once."""
    assert 1 == article.text.count("It seems the main cause for Waltz's firing")
    assert 1 == article.text.count("Whether this benefits or harms Iran")


# ---------------------------------------------------------------- interleaved columns


def test_interleaved_bargaining_chip(article: Article) -> None:
    """The three-column line is de-interleaved: "bargain-" + "ing chip" is joined."""
    assert "use Iran as a bargaining chip in dealing with Trump." in article.text


def test_interleaved_coercive_diplomacy(article: Article) -> None:
    """The second column's pieces go back after "coercive diplomacy toward Iran"."""
    pieces = ["coercive diplomacy toward Iran — i.e., using",
              "using both threats and incentives to push back",
              "to push back Iran on contentious issues"]
    assert pieces == [p for p in pieces if p in article.text]


def test_interleaved_second_scenario(article: Article) -> None:
    """The third column's pieces open the "Second, ..." paragraph."""
    turn = starting(article, "Second, a relatively favorable")
    pieces = ["Second, a relatively favorable scenario for Iran",
              "scenario for Iran would be the appointment",
              "the appointment of someone like Steve Witkoff"]
    assert pieces == [p for p in pieces if p in turn.text]


def test_interleaved_regarding_iaea(article: Article) -> None:
    """The first column's last piece runs on into the next block."""
    assert "Regarding the IAEA, while it can play a vital role" in article.text


# ---------------------------------------------------------------- set-aside material


def test_caption_and_credit(article: Article) -> None:
    """The photo caption is taken out of the body with its bullet credit."""
    assert 1 == len(article.captions)
    caption = article.captions[0]
    assert ("US special envoy for Middle East", "on February 18, 2025.") == (
        caption.text[:32], caption.text[-21:])
    assert "EVELYN HOCKSTEIN/POOL" == caption.credit
    assert "Diriyah Palace" not in article.text


def test_end_note(article: Article) -> None:
    """The "first appeared in" line is an end note, not body text."""
    assert ("The article first appeared in Persian on IRNA.",) == article.notes
    assert "first appeared in" not in article.text


# ---------------------------------------------------------------- findings


@pytest.mark.parametrize(
    "fragment", ["security team to sta-", "adopted in this re-", "see who will take this"]
)
def test_cut_fragment_reported(seed: str, article: Article, fragment: str) -> None:
    """A paragraph cut whose continuation was lost is reported at its end."""
    end = seed.index(fragment) + len(fragment)
    kinds = {f.kind for f in article.findings if f.span[1] == end}
    assert True is bool(kinds & {"dangling_hyphen", "paragraph_cut"})


def test_cut_fragments_not_joined(article: Article) -> None:
    """The cut fragments are not glued onto unrelated text."""
    assert [True, True] == [
        any(p.text.endswith("team to sta-") for p in article.paragraphs),
        any(p.text.endswith("in this re-") for p in article.paragraphs),
    ]


def test_lowercase_after_stop_reported(seed: str, article: Article) -> None:
    """ "challenges. must" is reported as a stop before a lowercase word."""
    start = seed.index("challenges. must")
    assert ["lowercase_after_stop"] == [
        f.kind for f in article.findings
        if f.kind == "lowercase_after_stop" and f.span[0] <= start < f.span[1]
    ]


# ---------------------------------------------------------------- invariants


def test_nothing_lost(seed: str, article: Article) -> None:
    """Every seed character is accounted for by the output and the repair log."""
    assert {} == difference(seed, article)
    assert [] == missing_from_union(seed, article)


def test_idempotent(article: Article) -> None:
    """Repairing the repaired body changes nothing."""
    assert article.text == repair(article.text).text


def _view(article: Article) -> tuple[object, ...]:
    """Everything but the spans, which differ when line ends are two characters."""
    return (
        article.kicker, article.headline, article.deck, article.byline, article.dateline,
        [(p.text, p.role, p.speaker) for p in article.paragraphs],
        [(q.text, q.attribution) for q in article.pull_quotes],
        [(c.text, c.credit) for c in article.captions],
        article.notes, article.furniture,
        [(r.kind, r.after) for r in article.repairs], [f.kind for f in article.findings],
    )


def test_crlf_copy_gives_same_article(seed: str, article: Article) -> None:
    """The seed with Windows line ends repairs to the same article."""
    assert _view(article) == _view(repair(seed.replace("\n", "\r\n")))


def test_repair_spans_match_seed(seed: str, article: Article) -> None:
    """Each repair's ``before`` is the seed text at its span (moves excepted)."""
    bad = [(r.kind, r.span, r.before) for r in article.repairs
           if r.kind not in ("join", "reorder", "move") and seed[r.span[0]:r.span[1]] != r.before]
    assert [] == bad
