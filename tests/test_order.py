"""Reading order across blocks (newsrepair._order): when a box is moved, and when not."""

from __future__ import annotations

from newsrepair import Config, repair

CUT = (
    "Harbour to get a new lighthouse\n\n"
    "The port authority said on Friday that the old lighthouse\n"
    "would be replaced next spring by a taller tower built on\n\n"
    "The cost of the work will be shared by the town and the\n"
    "state, and the tender for the builders opens in March.\n\n"
    "the rocks at the far end of the northern breakwater.\n"
)


def _moves(text: str, config: Config | None = None) -> list[str]:
    """The texts moved by the repair of ``text``."""
    article = repair(text, config)
    return [r.before for r in article.repairs if r.kind == "move"]


def test_stray_box_moves_after_the_line_it_finishes() -> None:
    """A lowercase box after a stop goes after the line ending in a preposition."""
    assert _moves(CUT) == ["the rocks at the far end of the northern breakwater."]


def test_under_the_bar_the_move_is_a_finding_and_the_text_stays() -> None:
    """Over a min_confidence above the move's, the move is reported and not made."""
    article = repair(CUT, Config(min_confidence=0.9))
    assert [r for r in article.repairs if r.kind == "move"] == []
    assert "uncertain_move" in [f.kind for f in article.findings]
    assert article.paragraphs[-1].text.startswith("the rocks")


def test_box_two_cut_lines_read_into_equally_stays() -> None:
    """Two unfinished lines that read into the box equally: nothing moves."""
    text = CUT.replace("opens in March.", "will be sent to").replace(
        "\n\nthe rocks", "\n\nSeveral firms from the region have said they will bid.\n\nthe rocks"
    )
    assert _moves(text) == []


def test_box_far_beyond_the_window_stays() -> None:
    """A box more than the window's boxes away is not looked at."""
    filler = "".join(f"Paragraph number {n} of the report ends here.\n\n" for n in range(30))
    assert _moves(CUT.replace("\n\nthe rocks", "\n\n" + filler + "the rocks")) == []


def test_attribution_line_closes_its_box() -> None:
    """A column's line right after a pull quote's attribution is a box of its own."""
    text = CUT.replace(
        "\n\nthe rocks",
        "\n\nIt will stand for a hundred years.\n— Ann Lee\nthe rocks",
    )
    assert _moves(text) == ["the rocks at the far end of the northern breakwater."]


def test_cut_line_in_an_edited_box_takes_the_stray_box() -> None:
    """A soft hyphen read in the cut line's box does not hold its open end."""
    text = CUT.replace("would be replaced", "would be re\u00ad\nplaced")
    assert _moves(text) == ["the rocks at the far end of the northern breakwater."]


JUMPED = (
    "Harbour to get a new lighthouse\n\n"
    "The port authority said on Friday that the old lighthouse\n"
    "would be replaced next spring.\n\n"
    "by a taller tower, and the state will pay for the\n"
    "road that leads out along the\n"
    "Continued on Page 6\n\n"
    "The cost of the work will be shared by the town and\n\n"
    "5\n\f"
    "Continued from Page 5\n\n"
    "northern breakwater to the rocks.\n"
)


def test_jump_line_says_where_the_cut_line_goes_on() -> None:
    """The box before 'Continued on' goes on after 'Continued from'; the box it left moves."""
    text = repair(JUMPED).text
    assert "shared by the town and by a taller tower" in text
    assert "leads out along the northern breakwater to the rocks." in text


def test_jump_lines_after_a_finished_line_are_no_evidence() -> None:
    """A jump line after a sentence's end joins nothing: the naive order stays."""
    text = JUMPED.replace("out along the\n", "out along the pier.\n")
    assert _moves(text) == []


ACROSS_ONE = (
    "Harbour to get a new lighthouse\n\n"
    "The port authority said on Friday that visitors would\n"
    "soon be able to climb the tower and see\n\n"
    # A sentence of the story, not a caption: a noun phrase set into the
    # sentence there ("The old lamp room.") is taken out as one.
    "The lamp room was closed.\n\n"
    "how far the light reaches out over the northern bay.\n\n"
    "Work starts in May.\n"
)


def test_box_set_off_on_both_sides_lets_a_content_word_read_on() -> None:
    """One box between a cut line and a lowercase start: 'see' + 'how' reads on."""
    assert _moves(ACROSS_ONE) == ["how far the light reaches out over the northern bay."]


def test_content_word_does_not_read_on_across_two_boxes() -> None:
    """Two boxes between: the weaker link is not enough, nothing moves."""
    text = ACROSS_ONE.replace(
        "The lamp room was closed.\n\n", "The lamp room was closed.\n\nIt was lit in 1890.\n\n"
    )
    assert _moves(text) == []


CHAIN = (
    "Harbour to get a new lighthouse\n\n"
    "The port authority said on Friday that the old lighthouse\n"
    "would be replaced next spring by a taller tower built on the\n\n"
    "The cost of the work will be shared by the town and the\n"
    "state, and the tender for the builders opens in March.\n\n"
    "ern end of the breakwater, where the old one stood.\n\n"
    "rocks at the north-\n\n"
    "Fishermen have asked for the light to stay on during the works.\n"
)


def test_chain_of_stray_boxes_is_put_back_in_rounds() -> None:
    """A stray box whose own tail is cut off goes back once the box finishing it is joined."""
    article = repair(CHAIN)
    assert article.paragraphs[0].text.endswith(
        "a taller tower built on the rocks at the northern end of the breakwater, "
        "where the old one stood."
    )
    notes = {r.before: r.note for r in article.repairs if r.kind == "move"}
    assert notes["ern end of the breakwater, where the old one stood."].endswith("the north-'")
