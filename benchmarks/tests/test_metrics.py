"""Hand-made cases for the scorer's metrics (run: ``python -m pytest benchmarks/tests``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.metrics import (
    Captioned,
    Gold,
    SystemOutput,
    add_counts,
    caption_counts,
    derive,
    field_counts,
    furniture_counts,
    hyphen_counts,
    hyphen_sites,
    order_counts,
    paragraph_counts,
    pull_quote_counts,
    score_document,
    speaker_counts,
    split_paragraphs,
    split_sentences,
    wer,
)

P1 = "The council met on Tuesday. It voted to repair the harbour wall."
P2 = "Engineers had warned of storms. The mayor called the vote well-timed."
P3 = "Work starts in March. It should take two years."
GOLD = Gold(id="t", paragraphs=(P1, P2, P3))


def test_wer_identical_is_zero() -> None:
    assert wer(GOLD.body, GOLD.body) == 0.0


def test_wer_ignores_whitespace_and_line_breaks() -> None:
    assert wer(GOLD.body.replace(" ", "\n"), GOLD.body) == 0.0


def test_wer_counts_substitutions_and_normalises_by_gold_length() -> None:
    ref = "one two three four"
    assert wer("one two tree four", ref) == pytest.approx(0.25)
    assert wer("one two three four five six", ref) == pytest.approx(0.5)
    assert wer("", ref) == 1.0


def test_paragraphs_perfect() -> None:
    c = paragraph_counts(GOLD.paragraphs, [P1, P2, P3])
    m = derive(c)
    assert m["para_f1"] == 1.0
    assert m["para_whole"] == 1.0


def test_paragraphs_merged_loses_recall_not_precision() -> None:
    c = paragraph_counts(GOLD.paragraphs, [P1 + " " + P2, P3])
    assert c["para_tp"] == 1 and c["para_pred"] == 1 and c["para_gold"] == 2
    assert c["para_whole"] == 1  # only P3 survives whole


def test_paragraphs_spurious_break_loses_precision() -> None:
    first, second = P1.split(". ", 1)
    c = paragraph_counts(GOLD.paragraphs, [first + ".", second, P2, P3])
    assert c["para_tp"] == 2 and c["para_pred"] == 3


def test_paragraph_break_tolerates_a_lost_edge_word() -> None:
    # The output lost the first word of P2; its break still sits in the right gap.
    c = paragraph_counts(GOLD.paragraphs, [P1, P2.split(" ", 1)[1], P3])
    assert c["para_tp"] == 2


def test_paragraph_break_after_inserted_caption_counts_once() -> None:
    caption = "Waves break over the wall."
    c = paragraph_counts(GOLD.paragraphs, [P1, caption, P2, P3])
    assert c["para_tp"] == 2 and c["para_pred"] == 3


def test_order_perfect_and_swapped_paragraph() -> None:
    assert derive(order_counts(GOLD.body, GOLD.body))["order"] == 1.0
    swapped = "\n\n".join([P1, P3, P2])
    m = derive(order_counts(GOLD.body, swapped))
    # Pairs: P1a-P1b ok, P1b-P2a broken, P2a-P2b ok, P2b-P3a broken, P3a-P3b ok.
    assert m["order"] == pytest.approx(3 / 5)


def test_order_survives_reflow_and_small_typos() -> None:
    noisy = GOLD.body.replace("harbour", "harb our").replace("\n\n", " ")
    assert derive(order_counts(GOLD.body, noisy))["order"] == 1.0


def test_sentence_split_keeps_closing_quotes() -> None:
    assert split_sentences('He said "Go." Then he left.') == ['He said "Go."', "Then he left."]


def test_split_paragraphs_on_blank_lines() -> None:
    assert split_paragraphs("a\nb\n\n  \nc ") == ["a b", "c"]


RAW = (
    "The council voted to re-\npair the wall. The mayor called it well-\n"
    "timed, and the crews agreed.\n"
)
GOLD_BODY = "The council voted to repair the wall. The mayor called it well-timed, and so on."


def test_hyphen_sites_found() -> None:
    sites = hyphen_sites(RAW)
    assert [(s.x, s.y) for s in sites] == [("re", "pair"), ("well", "timed")]
    assert (sites[0].left, sites[0].right) == ("to", "the")
    assert (sites[1].left, sites[1].tail, sites[1].right) == ("it", ",", "and")
    assert hyphen_sites("a dash --\nnext") == []


def test_hyphen_sites_skip_blank_lines() -> None:
    assert [(s.x, s.y) for s in hyphen_sites("foot-\n\n   ball")] == [("foot", "ball")]


def test_hyphen_site_inside_a_compound_keeps_its_head() -> None:
    (site,) = hyphen_sites("a self-con-\ntained unit")
    assert (site.head, site.x, site.y, site.left) == ("self-", "con", "tained", "a")


def test_hyphen_all_right() -> None:
    c = hyphen_counts(RAW, GOLD_BODY, GOLD_BODY)
    assert (c["hyph_ok"], c["hyph_n"], c["hyph_keep_ok"], c["hyph_keep_n"]) == (2, 2, 1, 1)


def test_hyphen_blind_join_breaks_compounds() -> None:
    out = "The council voted to repair the wall. The mayor called it welltimed."
    c = hyphen_counts(RAW, GOLD_BODY, out)
    assert (c["hyph_ok"], c["hyph_n"], c["hyph_keep_ok"], c["hyph_keep_n"]) == (1, 2, 0, 1)


def test_hyphen_untouched_raw_is_wrong_everywhere() -> None:
    c = hyphen_counts(RAW, GOLD_BODY, RAW)
    assert c["hyph_ok"] == 0 and c["hyph_n"] == 2


def test_hyphen_site_not_in_gold_is_not_scored() -> None:
    c = hyphen_counts("some odd-\nthing\n", "nothing like it", "whatever")
    assert c["hyph_n"] == 0


def test_hyphen_counts_each_site_by_its_context() -> None:
    raw = "re-\npair\nand re-\npair\n"
    gold = "repair and repair"
    # The first site has no neighbours (checked anywhere), the second has "and".
    assert hyphen_counts(raw, gold, "repair and re- pair")["hyph_ok"] == 1


def test_unbroken_copy_elsewhere_does_not_credit_an_unrepaired_break() -> None:
    raw = "the hall was un-\ncrowded at noon.\n\nThe hall was uncrowded\n"
    gold = "the hall was uncrowded at noon."
    assert hyphen_counts(raw, gold, raw)["hyph_ok"] == 0
    assert hyphen_counts(raw, gold, gold)["hyph_ok"] == 1


def test_neighbour_that_was_itself_joined_still_locates_the_site() -> None:
    raw = "the coun-\ncil re-\npaired it\n"
    gold = "the council repaired it"
    assert hyphen_counts(raw, gold, gold)["hyph_ok"] == 2


PQ = "Engineers had warned of storms."
PQ_GOLD = Gold(id="pq", paragraphs=(P1, P2, P3), pull_quotes=(Captioned(PQ, "Mayor"),))


def test_pull_quote_left_in_body_is_not_removed() -> None:
    body = "\n\n".join([P1, PQ, P2, P3])
    c = pull_quote_counts(PQ_GOLD, SystemOutput(body=body))
    m = derive(c)
    assert m["pq_removal_recall"] == 0.0
    assert m["pq_removal_f1"] == 0.0
    assert m["pq_removal_precision"] is None


def test_pull_quote_removed_and_identified() -> None:
    out = SystemOutput(body=PQ_GOLD.body, pull_quotes=(Captioned(PQ, "Mayor"),))
    m = derive(pull_quote_counts(PQ_GOLD, out))
    assert m["pq_removal_f1"] == 1.0
    assert m["pq_id_f1"] == 1.0
    assert m["pq_attribution_acc"] == 1.0


def test_pull_quote_removing_the_body_copy_is_not_a_correct_removal() -> None:
    body = PQ_GOLD.body.replace(PQ, "")
    out = SystemOutput(body=body, pull_quotes=(Captioned(PQ),))
    c = pull_quote_counts(PQ_GOLD, out)
    assert c["pq_removal_tp"] == 0 and c["pq_removed"] == 1


def test_captions_and_credits() -> None:
    gold = Gold(
        id="c",
        paragraphs=(P1,),
        captions=(Captioned("Waves over the wall.", "Photo: A. Roth"), Captioned("The mayor.")),
    )
    out = SystemOutput(
        body=P1, captions=(Captioned("Waves over the wall", "Photo: B. Roth"), Captioned("Junk"))
    )
    m = derive(caption_counts(gold, out))
    assert m["caption_precision"] == 0.5 and m["caption_recall"] == 0.5
    assert m["credit_acc"] == 0.0


def test_fields_exact_near_and_spurious() -> None:
    gold = Gold(id="f", paragraphs=(P1,), headline="Council backs harbour repairs", byline=None)
    out = SystemOutput(body=P1, headline="Council backs harbour repair", byline="By Someone")
    c = field_counts(gold, out)
    assert c["headline_exact"] == 0 and c["headline_near"] == 1
    assert c["byline_spurious"] == 1 and c["byline_n"] == 0


def test_score_document_perfect_output() -> None:
    gold = Gold(id="p", paragraphs=(P1, P2), headline="Head")
    m = derive(score_document(gold, GOLD.body, SystemOutput(body=gold.body, headline="Head")))
    assert m["body_wer"] == 0.0 and m["para_f1"] == 1.0 and m["order"] == 1.0
    assert m["headline_exact"] == 1.0


def test_unstructured_gold_reads_the_header_as_the_body_start() -> None:
    """OverProof's gold runs its headings into the body: a heading the system
    took for the headline is neither a spurious field nor missing body words."""
    gold = Gold(id="o", paragraphs=("LAND SALE. " + P1,), structured=False)
    out = SystemOutput(body=P1, headline="LAND SALE.")
    c = score_document(gold, gold.body, out)
    assert (c["wer_edits"], c["headline_spurious"]) == (0, 0)
    structured = score_document(_structured_copy(gold), gold.body, out)
    assert (structured["wer_edits"], structured["headline_spurious"]) == (2, 1)


def _structured_copy(gold: Gold) -> Gold:
    """The same gold, read as marking its header (the default)."""
    return Gold(id=gold.id, paragraphs=gold.paragraphs)


def test_overproof_gold_without_the_key_is_unstructured() -> None:
    old = {"id": "o", "renderer": "overproof", "paragraphs": [{"text": "A B."}]}
    assert (
        Gold.from_json(old).structured,
        Gold.from_json({**old, "renderer": "typst"}).structured,
    ) == (False, True)


def test_aggregation_is_micro_average() -> None:
    a = {"wer_edits": 1, "wer_ref": 10}
    b = {"wer_edits": 9, "wer_ref": 90}
    assert derive(add_counts([a, b]))["body_wer"] == pytest.approx(0.1)


def test_gold_from_fixture_json() -> None:
    path = Path(__file__).resolve().parents[1] / "fixtures/mini/harbour-vote/gold.json"
    gold = Gold.from_json(json.loads(path.read_text(encoding="utf-8")))
    assert gold.headline and len(gold.paragraphs) == 3
    assert gold.captions[0].credit == "Photo: Ines Roth"


def test_field_near_ignores_case_but_exact_does_not() -> None:
    gold = Gold(id="k", paragraphs=(P1,), kicker="World")
    c = field_counts(gold, SystemOutput(body=P1, kicker="WORLD"))
    assert c["kicker_exact"] == 0 and c["kicker_near"] == 1


def test_runtogether_found_from_gold_and_fixed_when_split() -> None:
    from benchmarks.metrics import runtogether_counts

    gold = "We will add a reading room for students."
    raw = "We will add a readingroom for students."
    assert runtogether_counts(raw, gold, raw) == {"rt_n": 1, "rt_fixed": 0}
    assert runtogether_counts(raw, gold, gold) == {"rt_n": 1, "rt_fixed": 1}
    # Real words that happen to be two gold words glued are not counted.
    assert runtogether_counts("a cup of tea", "a cup of tea", "")["rt_n"] == 0



def test_furniture_left_in_body_counts_only_extra_copies() -> None:
    gold = Gold(id="f", paragraphs=(P1, "Page 5 of the report was read out."),
                furniture=("THE DAILY COURIER", "5", "THE DAILY COURIER", "Continued on Page 4"))
    clean = SystemOutput(body=gold.body)
    assert furniture_counts(gold, clean) == {"furn_n": 4, "furn_left": 0}
    # One running head merged into a paragraph, the jump line kept, and "5"
    # only as often as the gold body itself has it.
    dirty = SystemOutput(body=f"THE DAILY COURIER {P1}\n\nPage 5 of the report was read "
                              "out.\n\nContinued on Page 4")
    assert furniture_counts(gold, dirty) == {"furn_n": 4, "furn_left": 2}
    # Never more copies than were printed.
    many = SystemOutput(body="THE DAILY COURIER " * 5 + "5 5 5")
    assert furniture_counts(gold, many)["furn_left"] == 3
    assert derive(furniture_counts(gold, dirty))["furniture_left"] == 0.5


def test_speakers_on_non_interviews_are_counted() -> None:
    report = Gold.from_json({"id": "r", "paragraphs": [{"text": "SUMMARY: x", "speaker": None}]})
    interview = Gold.from_json({"id": "i", "features": ["interview"],
                                "paragraphs": [{"text": "x", "speaker": "Jane"}]})
    out = SystemOutput(body="x", speakers=2)
    assert speaker_counts(report, out) == {"spk_docs": 1, "spk_spurious": 2,
                                           "spk_spurious_docs": 1}
    assert speaker_counts(interview, out)["spk_spurious"] == 0
    assert derive(speaker_counts(interview, out))["speakers_spurious"] is None
    assert derive(speaker_counts(report, SystemOutput(body="x")))["speakers_spurious"] == 0


def test_credit_accuracy_ignores_case() -> None:
    gold = Gold(id="c", paragraphs=(P1,), captions=(Captioned("A boat at the pier.", "Jane Doe"),))
    out = SystemOutput(body=P1, captions=(Captioned("A boat at the pier.", "JANE DOE"),))
    assert caption_counts(gold, out)["credit_ok"] == 1


def test_held_back_split_is_by_article_and_stable() -> None:
    from benchmarks.split import HELD_BACK, TUNING, part_of

    ids = [f"article_{i}" for i in range(60)]
    parts = [part_of(f"{i}__weasyprint_0") for i in ids]
    assert set(parts) == {TUNING, HELD_BACK}
    # Every rendering of one article falls in the same part.
    for i, part in zip(ids, parts, strict=True):
        assert {part_of(f"{i}__{r}_{n}") for r in ("typst", "reportlab") for n in (0, 2)} == {part}
    # SHA-256, not hash(): fixed across processes (pinned examples).
    assert part_of("GUM_news_crane__typst_0") == HELD_BACK
    assert part_of("GUM_news_flag__typst_0") == TUNING


def test_hyphen_site_after_a_speaker_label_is_found_without_it() -> None:
    """A label the gold body does not hold is no context the output must show."""
    raw = "ANNA LIND:  Abso-\nlutely.  There are more\n"
    gold = "Absolutely. There are more"
    assert hyphen_counts(raw, gold, gold)["hyph_ok"] == 1


def test_pieces_of_cut_at_line_ends_and_keep_every_character() -> None:
    """The same-mix scaling input is cut into consecutive pieces, nothing dropped."""
    from benchmarks.speed import pieces_of

    text = "one line\nanother line\nthird\n" * 50
    pieces = pieces_of(text, 40)
    assert text == "".join(pieces)
    assert all(p.endswith("\n") for p in pieces)
    assert all(len(p) <= 40 for p in pieces)
