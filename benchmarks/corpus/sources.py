"""Loading the clean source articles (Wikinews JSON and OverProof JSON).

Both kinds are recognised by their fields, not by their folder, so anyone can
point the generator at a folder of their own articles in either format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SourceParagraph:
    """One paragraph of a Wikinews-style article, in reading order."""

    text: str
    kind: str  # body | subhead | question | answer
    speaker: str | None = None
    block: str | None = None  # quote | list_item | None


@dataclass(frozen=True)
class SourceCaption:
    """A figure caption and the photo credit, if the source names one."""

    text: str
    credit: str | None = None


@dataclass(frozen=True)
class NewsArticle:
    """A clean article with known structure (Wikinews JSON schema)."""

    id: str
    source: str  # path relative to the source root, e.g. "wikinews/GUM_news_x.json"
    genre: str
    title: str
    headline: str
    dateline: str | None
    paragraphs: tuple[SourceParagraph, ...]
    captions: tuple[SourceCaption, ...]
    interviewers: tuple[str, ...] = ()

    @property
    def is_interview(self) -> bool:
        """True when the article has question/answer turns."""
        return self.genre == "interview" or any(
            p.kind in ("question", "answer") for p in self.paragraphs
        )


@dataclass(frozen=True)
class OverproofArticle:
    """A historical newspaper article: gold and OCR text, printed line by line."""

    id: str
    source: str
    newspaper: str
    year: int | None
    gold_lines: tuple[str, ...]
    ocr_lines: tuple[str, ...]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class SourceSet:
    """All articles found below one source folder, sorted by id."""

    news: list[NewsArticle]
    overproof: list[OverproofArticle]


def _opt_str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _parse_news(data: dict[str, Any], rel: str) -> NewsArticle:
    paragraphs = tuple(
        SourceParagraph(
            text=str(p["text"]),
            kind=str(p.get("kind", "body")),
            speaker=_opt_str(p.get("speaker")),
            block=_opt_str(p.get("block")),
        )
        for p in data["paragraphs"]
        if str(p.get("text", "")).strip()
    )
    captions = tuple(
        SourceCaption(text=str(c["text"]), credit=_opt_str(c.get("credit")))
        for c in data.get("captions", [])
        if str(c.get("text", "")).strip()
    )
    art_id = str(data.get("id") or Path(rel).stem)
    headline = str(data.get("headline") or data.get("title") or art_id)
    return NewsArticle(
        id=art_id,
        source=rel,
        genre=str(data.get("genre", "news")),
        title=str(data.get("title") or headline),
        headline=headline,
        dateline=_opt_str(data.get("dateline")),
        paragraphs=paragraphs,
        captions=captions,
        interviewers=tuple(str(x) for x in data.get("interviewers") or ()),
    )


def _parse_overproof(data: dict[str, Any], rel: str) -> OverproofArticle:
    year = data.get("year")
    return OverproofArticle(
        id=str(data.get("id") or Path(rel).stem),
        source=rel,
        newspaper=str(data.get("newspaper") or "Historical newspaper"),
        year=int(year) if isinstance(year, int) else None,
        gold_lines=tuple(str(x) for x in data["gold_lines"]),
        ocr_lines=tuple(str(x) for x in data.get("ocr_lines") or ()),
    )


def load_sources(root: Path) -> SourceSet:
    """Read every ``*.json`` below *root* and sort it into the two kinds.

    Files that are neither kind (no ``paragraphs`` and no ``gold_lines``) are
    skipped silently: a README or a manifest may sit next to the articles.
    """
    news: list[NewsArticle] = []
    overproof: list[OverproofArticle] = []
    for path in sorted(root.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        rel = path.relative_to(root).as_posix()
        if isinstance(data.get("gold_lines"), list):
            overproof.append(_parse_overproof(data, rel))
        elif isinstance(data.get("paragraphs"), list):
            article = _parse_news(data, rel)
            if article.paragraphs:
                news.append(article)
    news.sort(key=lambda a: a.id)
    overproof.sort(key=lambda a: a.id)
    return SourceSet(news=news, overproof=overproof)
