"""Fixed document subsets.

``gate`` is the small corpus the CI evaluation gate builds: seven Wikinews
articles (two of them interviews), one layout from each of the three
renderers, plus six OverProof articles. It must build in about three minutes
on two cores, OCR included, so the articles are among the shorter ones. The
held-back split (``benchmarks/split.py``, by a hash of the article id) puts
crane, imprisoned, brotherhood, overproof_d3_19 and overproof_d2_17830000 in
the held-back part and the rest in the tuning part; both parts have news
pieces, an interview and historical pages.
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
            "GUM_news_worship",
        ),
        overproof=(
            "overproof_d2_12414000",
            "overproof_d2_12878000",
            "overproof_d3_01",
            "overproof_d3_02",
            "overproof_d3_19",
            "overproof_d2_17830000",
        ),
        layouts=1,
    ),
}
