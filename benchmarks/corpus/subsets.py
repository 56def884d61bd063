"""Fixed document subsets.

``gate`` is the small corpus the CI evaluation gate builds: six Wikinews
articles (two of them interviews), one layout from each renderer, plus four
OverProof articles (two from each dataset). It must build in a few minutes on
two cores, OCR included, so the articles are among the shorter ones.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Subset:
    """A fixed list of source ids and how many layouts each gets."""

    news: tuple[str, ...]
    overproof: tuple[str, ...]
    layouts: int


SUBSETS: dict[str, Subset] = {
    "gate": Subset(
        news=(
            "GUM_news_crane",
            "GUM_news_imprisoned",
            "GUM_news_flag",
            "GUM_news_clock",
            "GUM_interview_brotherhood",
            "GUM_interview_mckenzie",
        ),
        overproof=(
            "overproof_d2_12414000",
            "overproof_d2_12878000",
            "overproof_d3_01",
            "overproof_d3_02",
        ),
        layouts=1,
    ),
}
