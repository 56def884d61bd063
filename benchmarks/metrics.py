"""Metric primitives for the newsrepair benchmark.

Every metric is computed per document as *counts* (numerators and denominators),
never as ratios, so that aggregation over extractors, features or systems is a plain
sum followed by :func:`derive`. That gives micro-averages, which do not let a short
document with one paragraph weigh as much as a long one.

Nothing here knows about files or systems: the inputs are a :class:`Gold` record, the
raw extracted text and a :class:`SystemOutput`.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

#: Fuzzy threshold (rapidfuzz ratio, 0-100) for pull quotes and captions.
PULL_QUOTE_MATCH = 85.0
#: Fuzzy threshold for a structure field to count as a "near" match.
FIELD_NEAR = 90.0
#: Fuzzy threshold below which a gold sentence is considered lost in the output.
SENTENCE_MATCH = 80.0

STRUCTURE_FIELDS: tuple[str, ...] = ("kicker", "headline", "deck", "byline", "dateline")

Counts = dict[str, float]


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Captioned:
    """A caption (or pull quote) as text plus an optional credit/attribution."""

    text: str
    credit: str | None = None


@dataclass(frozen=True)
class Gold:
    """The ground truth of one corpus document (``gold.json``)."""

    id: str
    paragraphs: tuple[str, ...]
    features: tuple[str, ...] = ()
    renderer: str | None = None
    kicker: str | None = None
    headline: str | None = None
    deck: str | None = None
    byline: str | None = None
    dateline: str | None = None
    pull_quotes: tuple[Captioned, ...] = ()
    captions: tuple[Captioned, ...] = ()
    #: Every printed furniture line (running heads, page numbers, jump lines,
    #: mastheads, adverts), as printed, with repeats.
    furniture: tuple[str, ...] = ()
    #: Whether the document has speakers at all (an interview).
    has_speakers: bool = False
    #: Whether the gold marks the header at all. OverProof's gold is the
    #: corrected lines run into one body, its headings among them: there the
    #: output's header fields are read as the body's first words, and no
    #: field is scored (a heading found is no spurious headline).
    structured: bool = True

    @property
    def body(self) -> str:
        """The gold body, formatted exactly like ``Article.text``."""
        return "\n\n".join(self.paragraphs)

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Gold:
        """Build from the ``gold.json`` mapping written by ``benchmarks.corpus``."""
        return cls(
            id=str(data.get("id", "")),
            paragraphs=tuple(str(p["text"]) for p in data.get("paragraphs", [])),
            features=tuple(str(f) for f in data.get("features", []) or []),
            renderer=data.get("renderer"),
            kicker=data.get("kicker"),
            headline=data.get("headline"),
            deck=data.get("deck"),
            byline=data.get("byline"),
            dateline=data.get("dateline"),
            pull_quotes=tuple(
                Captioned(str(q["text"]), q.get("attribution"))
                for q in data.get("pull_quotes", []) or []
            ),
            captions=tuple(
                Captioned(str(c["text"]), c.get("credit")) for c in data.get("captions", []) or []
            ),
            furniture=tuple(str(f) for f in data.get("furniture", []) or [] if str(f).strip()),
            has_speakers=any(p.get("speaker") for p in data.get("paragraphs", []))
            or "interview" in (data.get("features") or []),
            # Gold built before the key existed: OverProof's is the one without a header.
            structured=bool(data.get("structured", data.get("renderer") != "overproof")),
        )


@dataclass(frozen=True)
class SystemOutput:
    """What a system produced for one input, reduced to what the scorer looks at.

    Peers that only clean text fill ``body`` and leave the structure empty: their
    whole output is their body, which is the fair comparison since they do not
    separate headline, captions or pull quotes at all.
    """

    body: str
    kicker: str | None = None
    headline: str | None = None
    deck: str | None = None
    byline: str | None = None
    dateline: str | None = None
    pull_quotes: tuple[Captioned, ...] = ()
    captions: tuple[Captioned, ...] = ()
    #: Output paragraphs the system gave a speaker.
    speakers: int = 0
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- text helpers


def normalise_ws(text: str) -> str:
    """Collapse every whitespace run to one space and strip the ends."""
    return " ".join(text.split())


_PARA_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n")


def split_paragraphs(body: str) -> list[str]:
    """Split a body on blank lines; paragraphs come back whitespace-normalised."""
    return [p for p in (normalise_ws(part) for part in _PARA_SPLIT.split(body)) if p]


# A sentence ends at . ! or ? (plus closing quotes/brackets) followed by space and
# something that can start a sentence. Abbreviations split too, but gold and output
# go through the same splitter, so they split identically and cancel out.
_SENT_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def split_sentences(body: str) -> list[str]:
    """Split a body into sentences, never across a paragraph break."""
    out: list[str] = []
    for para in split_paragraphs(body):
        start = 0
        for m in _SENT_END.finditer(para):
            out.append(para[start : m.end()].strip())
            start = m.end()
        tail = para[start:].strip()
        if tail:
            out.append(tail)
    return out


def _word_count(text: str, word: str) -> int:
    """Occurrences of ``word`` as a whole word (letters/digits on neither side)."""
    if not word:
        return 0
    return len(re.findall(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text))


def safe_div(num: float, den: float) -> float | None:
    """``num / den``, or ``None`` when the denominator is zero (metric undefined)."""
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    """Harmonic mean, and P = R = 0 gives 0.

    An undefined precision (the system predicted nothing) gives F1 = 0 as long as
    recall is defined: predicting nothing when there was something to find is a
    miss, not an abstention. Undefined recall (nothing to find) gives ``None``.
    """
    if r is None:
        return None
    if p is None:
        return 0.0
    return 2 * p * r / (p + r) if (p + r) else 0.0


# --------------------------------------------------------------------------- WER


def word_errors(hyp: Sequence[str], ref: Sequence[str]) -> int:
    """Word-level edit distance (insertions + deletions + substitutions)."""
    return int(Levenshtein.distance(list(hyp), list(ref)))


def wer(hyp_text: str, ref_text: str) -> float:
    """Word error rate of ``hyp_text`` against ``ref_text`` (by gold length)."""
    ref = ref_text.split()
    errors = word_errors(hyp_text.split(), ref)
    return errors / len(ref) if ref else float(errors > 0)


# --------------------------------------------------------------------------- paragraphs


def _token_paragraphs(paragraphs: Sequence[str]) -> tuple[list[str], list[int]]:
    """Flatten paragraphs to tokens and return the token index where each starts."""
    tokens: list[str] = []
    starts: list[int] = []
    for para in paragraphs:
        words = para.split()
        if not words:
            continue
        starts.append(len(tokens))
        tokens.extend(words)
    return tokens, starts


def align_tokens(ref: Sequence[str], hyp: Sequence[str]) -> list[int | None]:
    """Map each hypothesis token to the reference token it is aligned with.

    The alignment is the optimal word-level edit script; substituted tokens count as
    aligned (a misspelt word still sits at the right place), inserted ones do not.
    """
    mapping: list[int | None] = [None] * len(hyp)
    for op in Levenshtein.opcodes(list(ref), list(hyp)):
        if op.tag in ("equal", "replace"):
            n = min(op.src_end - op.src_start, op.dest_end - op.dest_start)
            for k in range(n):
                mapping[op.dest_start + k] = op.src_start + k
    return mapping


def paragraph_counts(gold_paras: Sequence[str], out_paras: Sequence[str]) -> Counts:
    """Paragraph-break precision/recall counts and whole-paragraph recovery.

    A break in the output sits between two aligned reference tokens ``p`` (the last
    aligned token before it) and ``r`` (the first aligned token after it, within the
    same output paragraph). It matches a gold break ``g`` when ``p < g <= r``: the
    gold paragraph starts somewhere in the gap, which tolerates a lost or garbled
    word at the paragraph edge without crediting a break in the wrong place.
    """
    ref, gold_starts = _token_paragraphs(gold_paras)
    hyp, out_starts = _token_paragraphs(out_paras)
    gold_breaks = set(gold_starts[1:])
    mapping = align_tokens(ref, hyp)

    ends = [*out_starts[1:], len(hyp)]
    matched: set[int] = set()
    n_pred = 0
    tp = 0
    last_aligned = -1
    for k, start in enumerate(out_starts):
        first_aligned: int | None = None
        for j in range(start, ends[k]):
            if mapping[j] is not None:
                first_aligned = mapping[j]
                break
        if k > 0:
            n_pred += 1
            if first_aligned is not None:
                hit = next(
                    (g for g in range(last_aligned + 1, first_aligned + 1) if g in gold_breaks),
                    None,
                )
                if hit is not None and hit not in matched:
                    matched.add(hit)
                    tp += 1
        for j in range(ends[k] - 1, start - 1, -1):
            m = mapping[j]
            if m is not None:
                last_aligned = m
                break

    out_norm = Counter(normalise_ws(p) for p in out_paras)
    whole = 0
    for para in gold_paras:
        key = normalise_ws(para)
        if out_norm[key] > 0:
            out_norm[key] -= 1
            whole += 1

    return {
        "para_tp": tp,
        "para_pred": n_pred,
        "para_gold": len(gold_breaks),
        "para_whole": whole,
        "para_n": len([p for p in gold_paras if p.split()]),
    }


# --------------------------------------------------------------------------- hyphens

_HYPHENS = "-\u00ad\u2010"
_LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)[" + _HYPHENS + r"]$")
_FIRST_WORD = re.compile(r"^\s*([^\W\d_]+)")


@dataclass(frozen=True)
class HyphenSite:
    """A line-end hyphen in the raw text: ``X-`` then ``Y`` on the next non-empty line.

    ``left`` is the whole token before ``X`` on its line and ``right`` the token after
    ``Y``'s on its line (empty when there is none); ``head`` is what precedes ``X``
    inside its token (an opening quote, ``self-`` of ``self-con-``), ``tail`` what
    follows ``Y`` inside its token (punctuation).
    """

    x: str
    y: str
    head: str = ""
    tail: str = ""
    left: str = ""
    right: str = ""


def hyphen_sites(raw: str) -> list[HyphenSite]:
    """Every ``X-`` at a line end followed by a word ``Y`` on the next non-empty line.

    ``X`` is the run of letters just before the hyphen, ``Y`` the leading letters of
    the next line. Soft hyphens and U+2010 count as hyphens too, since extractors and
    renderers emit them.
    """
    lines = raw.splitlines()
    sites: list[HyphenSite] = []
    for i, line in enumerate(lines):
        stripped = line.rstrip()
        m = _LINE_END_HYPHEN.search(stripped)
        if not m:
            continue
        for nxt in lines[i + 1 :]:
            if not nxt.strip():
                continue
            m2 = _FIRST_WORD.match(nxt)
            if m2:
                before = stripped[: m.start(1)]
                x_tokens = before.split()
                head = "" if before.endswith((" ", "\t")) or not x_tokens else x_tokens.pop()
                y_tokens = nxt.split()
                tail = y_tokens[0][len(m2.group(1)) :]
                sites.append(
                    HyphenSite(
                        x=m.group(1),
                        y=m2.group(1),
                        head=head,
                        tail=tail,
                        left=x_tokens[-1] if x_tokens else "",
                        right=y_tokens[1].rstrip(_HYPHENS) if len(y_tokens) > 1 else "",
                    )
                )
            break
    return sites


def _site_found(site: HyphenSite, form: str, out_norm: str) -> bool:
    """Whether the output holds ``form`` at the site, between the site's neighbour
    tokens (both when the raw lines have both, else the one there is).

    Both neighbours are required when present, so an unbroken copy elsewhere (a pull
    quote repeating half the sentence) does not stand in for the site. A neighbour
    may itself be a fragment of another break that the system joined (``cil`` of
    ``coun-/cil``), so the far ends of the context are not anchored to word edges.
    """
    pattern = re.escape(site.head + form + site.tail)
    left = re.escape(site.left) + r"\s+" if site.left else r"(?<!\w)"
    pattern = left + pattern
    if site.right:
        pattern += r"\s+" + re.escape(site.right)
    else:
        pattern += r"(?!\w)"
    if not site.left and not site.right:
        # A site alone on its lines has no context: fall back to "anywhere".
        return _word_count(out_norm, form) > 0
    return re.search(pattern, out_norm) is not None


def hyphen_counts(raw: str, gold_body: str, out_body: str) -> Counts:
    """Dehyphenation decisions at the raw text's line-end hyphens, site by site.

    The expected decision at ``X-/Y`` is *keep* when the gold body contains ``X-Y``
    and *join* when it contains ``XY`` but not ``X-Y``; sites where the gold has
    neither (an extraction artefact, a word in a caption) are not scored.

    The system is right at a site when its body has the expected form next to the
    site's neighbouring token on either side (see :func:`_site_found`). Locating by
    context, not by counting the word, keeps an unbroken copy elsewhere (a pull
    quote repeating the sentence) from crediting an unrepaired break.
    """
    counts: Counts = {"hyph_ok": 0, "hyph_n": 0, "hyph_keep_ok": 0, "hyph_keep_n": 0}
    out_norm = normalise_ws(out_body)
    decisions: dict[tuple[str, str], tuple[str, bool] | None] = {}
    for site in hyphen_sites(raw):
        key = (site.x, site.y)
        if key not in decisions:
            keep, join = f"{site.x}-{site.y}", f"{site.x}{site.y}"
            if _word_count(gold_body, keep):
                decisions[key] = (keep, True)
            elif _word_count(gold_body, join):
                decisions[key] = (join, False)
            else:
                decisions[key] = None
        decision = decisions[key]
        if decision is None:
            continue
        expected, is_keep = decision
        # A neighbour the gold body does not hold (a speaker label, a running
        # head the line ran into) is set aside in any right output: it cannot
        # be asked for next to the site.
        if site.left and not _word_count(gold_body, site.left):
            site = replace(site, left="")
        if site.right and not _word_count(gold_body, site.right):
            site = replace(site, right="")
        ok = int(_site_found(site, expected, out_norm))
        counts["hyph_ok"] += ok
        counts["hyph_n"] += 1
        if is_keep:
            counts["hyph_keep_ok"] += ok
            counts["hyph_keep_n"] += 1
    return counts


# --------------------------------------------------------------------------- fuzzy sets


def greedy_match(
    system: Sequence[str], gold: Sequence[str], threshold: float
) -> list[tuple[int, int]]:
    """One-to-one matching of texts by descending rapidfuzz ratio above a threshold."""
    scored: list[tuple[float, int, int]] = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            score = fuzz.ratio(normalise_ws(s), normalise_ws(g))
            if score >= threshold:
                scored.append((score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in scored:
        if i not in used_s and j not in used_g:
            used_s.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def pull_quote_counts(gold: Gold, out: SystemOutput) -> Counts:
    """Pull quotes: removal from the body, and identification as pull quotes.

    *Removal recall*: share of gold pull quotes whose text occurs in the output body
    no more often than in the gold body (a pull quote repeats body text, so a
    layout-damaged text holds it once too often). *Removal precision*: share of the
    system's declared pull quotes that match a gold one and whose source sentence
    was left in the body (removing the body copy instead is a loss, not a repair).
    *Identification* P/R compares ``pull_quotes`` with gold ones by fuzzy ratio.
    """
    gold_body = normalise_ws(gold.body)
    out_body = normalise_ws(out.body)
    removed = 0
    kept_source: dict[int, bool] = {}
    for j, q in enumerate(gold.pull_quotes):
        needle = normalise_ws(q.text)
        g = gold_body.count(needle) if needle else 0
        o = out_body.count(needle) if needle else 0
        if o <= g:
            removed += 1
        kept_source[j] = o >= g
    pairs = greedy_match(
        [q.text for q in out.pull_quotes], [q.text for q in gold.pull_quotes], PULL_QUOTE_MATCH
    )
    removal_tp = sum(1 for _, j in pairs if kept_source[j])
    attribution_ok, attribution_n = _credit_agreement(
        pairs, [q.credit for q in out.pull_quotes], [q.credit for q in gold.pull_quotes]
    )
    return {
        "pq_gold": len(gold.pull_quotes),
        "pq_removed": removed,
        "pq_sys": len(out.pull_quotes),
        "pq_removal_tp": removal_tp,
        "pq_id_tp": len(pairs),
        "pq_attr_ok": attribution_ok,
        "pq_attr_n": attribution_n,
    }


def _credit_agreement(
    pairs: list[tuple[int, int]], got: list[str | None], want: list[str | None]
) -> tuple[int, int]:
    """Among matched items whose gold names a credit (or attribution): how many agree."""
    ok = n = 0
    for i, j in pairs:
        if want[j]:
            n += 1
            # Case-folded: layouts print credits in capitals ("JANE DOE"), and
            # no system can know how the source spelt them.
            ok += int(
                got[i] is not None
                and normalise_ws(got[i] or "").casefold() == normalise_ws(want[j] or "").casefold()
            )
    return ok, n


def caption_counts(gold: Gold, out: SystemOutput) -> Counts:
    """Captions matched by fuzzy text, and their credits among matched captions."""
    pairs = greedy_match(
        [c.text for c in out.captions], [c.text for c in gold.captions], PULL_QUOTE_MATCH
    )
    credit_ok, credit_n = _credit_agreement(
        pairs, [c.credit for c in out.captions], [c.credit for c in gold.captions]
    )
    return {
        "cap_gold": len(gold.captions),
        "cap_sys": len(out.captions),
        "cap_tp": len(pairs),
        "credit_ok": credit_ok,
        "credit_n": credit_n,
    }


# --------------------------------------------------------------------------- order


def _map_sentences(gold_sents: Sequence[str], out_sents: Sequence[str]) -> list[int | None]:
    """Map each gold sentence to an output sentence index (exact first, then fuzzy).

    Among exact duplicates (a pull quote repeated in the body, say) the one right
    after the previous mapping wins, so a duplicate does not fake an order break.
    """
    positions: dict[str, list[int]] = defaultdict(list)
    for idx, s in enumerate(out_sents):
        positions[s].append(idx)
    mapping: list[int | None] = []
    prev: int | None = None
    for s in gold_sents:
        cands = positions.get(s)
        found: int | None = None
        if cands:
            if prev is not None and prev + 1 in cands:
                found = prev + 1
            else:
                after = [c for c in cands if prev is None or c > prev]
                found = after[0] if after else cands[0]
        elif out_sents:
            best = process.extractOne(s, out_sents, scorer=fuzz.ratio, score_cutoff=SENTENCE_MATCH)
            if best is not None:
                found = int(best[2])
        mapping.append(found)
        if found is not None:
            prev = found
    return mapping


def order_counts(gold_body: str, out_body: str) -> Counts:
    """Adjacent gold sentence pairs that are still adjacent in the output body.

    Two gold sentences mapped onto the same output sentence (a lost sentence break)
    still read in order, so they count as adjacent.
    """
    gold_sents = split_sentences(gold_body)
    out_sents = split_sentences(out_body)
    mapping = _map_sentences(gold_sents, out_sents)
    pairs = max(0, len(gold_sents) - 1)
    adjacent = 0
    for a, b in itertools.pairwise(mapping):
        if a is not None and b is not None and b in (a, a + 1):
            adjacent += 1
    return {"order_adj": adjacent, "order_pairs": pairs}


# --------------------------------------------------------------------------- fields


def field_counts(gold: Gold, out: SystemOutput) -> Counts:
    """Exact and near matches of kicker, headline, deck, byline and dateline.

    Exact compares whitespace-normalised text; near is rapidfuzz ratio >= 90 after
    case folding.

    Only fields that the gold has are scored; a value where the gold has none is
    counted separately as spurious.
    """
    counts: Counts = {}
    for name in STRUCTURE_FIELDS:
        want = getattr(gold, name)
        got = getattr(out, name)
        counts[f"{name}_n"] = 0
        counts[f"{name}_exact"] = 0
        counts[f"{name}_near"] = 0
        counts[f"{name}_spurious"] = 0
        if want:
            counts[f"{name}_n"] = 1
            if got:
                a, b = normalise_ws(got), normalise_ws(want)
                counts[f"{name}_exact"] = int(a == b)
                # Near ignores case: layouts print kickers and labels in capitals,
                # and no system can know how the source spelt them.
                counts[f"{name}_near"] = int(fuzz.ratio(a.casefold(), b.casefold()) >= FIELD_NEAR)
        elif got:
            counts[f"{name}_spurious"] = 1
    return counts


# --------------------------------------------------------------------------- furniture, speakers


def _occurrences(text: str, phrase: str) -> int:
    """Occurrences of *phrase* in *text* as whole words (both whitespace-normalised)."""
    return len(re.findall(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text))


def furniture_counts(gold: Gold, out: SystemOutput) -> Counts:
    """Printed furniture lines the system left in its body.

    For each distinct furniture line printed ``k`` times, the copies the output
    body holds beyond those in the gold body (a page number "5" can be body text
    too) are counted, at most ``k``. Whitespace is normalised first, so a line
    that was merged into a paragraph still counts. Peers leave it all in.
    """
    gold_body = normalise_ws(gold.body)
    out_body = normalise_ws(out.body)
    printed = Counter(normalise_ws(f) for f in gold.furniture)
    left = 0
    for line, k in printed.items():
        extra = _occurrences(out_body, line) - _occurrences(gold_body, line)
        left += min(k, max(0, extra))
    return {"furn_n": sum(printed.values()), "furn_left": left}


def speaker_counts(gold: Gold, out: SystemOutput) -> Counts:
    """Speakers the system assigned on documents that have none (not interviews)."""
    if gold.has_speakers:
        return {"spk_docs": 0, "spk_spurious": 0, "spk_spurious_docs": 0}
    return {"spk_docs": 1, "spk_spurious": out.speakers,
            "spk_spurious_docs": int(out.speakers > 0)}


# --------------------------------------------------------------------------- run-together

_EDGE_PUNCT = "\"'()[]{}.,;:!?\u201c\u201d\u2018\u2019"


def _bare(token: str) -> str:
    return token.strip(_EDGE_PUNCT)


def runtogether_counts(raw: str, gold_body: str, out_body: str) -> Counts:
    """Run-together words in the raw text, and how many the output split again.

    A run-together token is a raw token (surrounding punctuation aside) that is not a
    gold word but is two adjacent gold words glued together (``readingroom``). Gold
    defines them, so the slice does not depend on any system's dictionary. A token is
    counted fixed when the output holds fewer copies of it than the raw text did.
    """
    gold_words = [_bare(t) for t in gold_body.split()]
    vocabulary = set(gold_words)
    glued = {
        a + b
        for a, b in itertools.pairwise(gold_words)
        if a.isalpha() and b.isalpha() and a + b not in vocabulary
    }
    raw_hits = Counter(t for t in (_bare(x) for x in raw.split()) if t in glued)
    if not raw_hits:
        return {"rt_n": 0, "rt_fixed": 0}
    out_hits = Counter(t for t in (_bare(x) for x in out_body.split()) if t in raw_hits)
    fixed = sum(max(0, n - out_hits[t]) for t, n in raw_hits.items())
    return {"rt_n": sum(raw_hits.values()), "rt_fixed": fixed}


# --------------------------------------------------------------------------- document


def score_document(gold: Gold, raw: str, out: SystemOutput) -> Counts:
    """All metric counts for one system output on one extracted text."""
    gold_body = gold.body
    ref = gold_body.split()
    if not gold.structured:
        # The gold's body holds the headings: so does the output's, read whole.
        header = [getattr(out, name) for name in STRUCTURE_FIELDS]
        body = "\n\n".join([*(h for h in header if h), out.body])
        out = replace(out, body=body, **dict.fromkeys(STRUCTURE_FIELDS, None))
    counts: Counts = {
        "docs": 1,
        "errors": int(out.error is not None),
        "wer_edits": word_errors(out.body.split(), ref),
        "wer_ref": len(ref),
    }
    counts.update(paragraph_counts(gold.paragraphs, split_paragraphs(out.body)))
    counts.update(hyphen_counts(raw, gold_body, out.body))
    counts.update(pull_quote_counts(gold, out))
    counts.update(order_counts(gold_body, out.body))
    counts.update(field_counts(gold, out))
    counts.update(caption_counts(gold, out))
    counts.update(furniture_counts(gold, out))
    counts.update(speaker_counts(gold, out))
    counts.update(runtogether_counts(raw, gold_body, out.body))
    return counts


def add_counts(rows: Iterable[Mapping[str, float]]) -> Counts:
    """Sum count dictionaries key by key."""
    total: Counts = defaultdict(float)
    for row in rows:
        for k, v in row.items():
            total[k] += v
    return dict(total)


def derive(c: Mapping[str, float]) -> dict[str, float | None]:
    """Turn summed counts into the reported metrics (``None`` = undefined here)."""
    g = c.get
    para_p = safe_div(g("para_tp", 0), g("para_pred", 0))
    para_r = safe_div(g("para_tp", 0), g("para_gold", 0))
    # A system that declares no pull quotes removed nothing on purpose: its removal
    # precision is undefined, and f1() makes its F1 0 when there was something to
    # remove (even if a quote vanished from its body by accident).
    rem_p = safe_div(g("pq_removal_tp", 0), g("pq_sys", 0))
    rem_r = safe_div(g("pq_removed", 0), g("pq_gold", 0))
    rem_f1 = f1(rem_p, rem_r)
    id_p = safe_div(g("pq_id_tp", 0), g("pq_sys", 0))
    id_r = safe_div(g("pq_id_tp", 0), g("pq_gold", 0))
    cap_p = safe_div(g("cap_tp", 0), g("cap_sys", 0))
    cap_r = safe_div(g("cap_tp", 0), g("cap_gold", 0))
    out: dict[str, float | None] = {
        "docs": g("docs", 0),
        "errors": g("errors", 0),
        "body_wer": safe_div(g("wer_edits", 0), g("wer_ref", 0)),
        "para_precision": para_p,
        "para_recall": para_r,
        "para_f1": f1(para_p, para_r),
        "para_whole": safe_div(g("para_whole", 0), g("para_n", 0)),
        "hyphen_acc": safe_div(g("hyph_ok", 0), g("hyph_n", 0)),
        "hyphen_keep_acc": safe_div(g("hyph_keep_ok", 0), g("hyph_keep_n", 0)),
        "hyphen_sites": g("hyph_n", 0),
        "pq_removal_precision": rem_p,
        "pq_removal_recall": rem_r,
        "pq_removal_f1": rem_f1,
        "pq_id_precision": id_p,
        "pq_id_recall": id_r,
        "pq_id_f1": f1(id_p, id_r),
        "pq_attribution_acc": safe_div(g("pq_attr_ok", 0), g("pq_attr_n", 0)),
        "order": safe_div(g("order_adj", 0), g("order_pairs", 0)),
        "caption_precision": cap_p,
        "caption_recall": cap_r,
        "caption_f1": f1(cap_p, cap_r),
        "credit_acc": safe_div(g("credit_ok", 0), g("credit_n", 0)),
        "furniture_left": safe_div(g("furn_left", 0), g("furn_n", 0)),
        # Counts, not rates: every one is a paragraph wrongly made a turn.
        "speakers_spurious": g("spk_spurious", 0) if g("spk_docs", 0) else None,
        "speakers_spurious_docs": g("spk_spurious_docs", 0) if g("spk_docs", 0) else None,
        "runtogether_fixed": safe_div(g("rt_fixed", 0), g("rt_n", 0)),
        "runtogether_n": g("rt_n", 0),
    }
    for name in STRUCTURE_FIELDS:
        out[f"{name}_exact"] = safe_div(g(f"{name}_exact", 0), g(f"{name}_n", 0))
        out[f"{name}_near"] = safe_div(g(f"{name}_near", 0), g(f"{name}_n", 0))
        out[f"{name}_spurious"] = g(f"{name}_spurious", 0)
    return out
