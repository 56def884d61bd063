"""Pass 4: find pull quotes, the body sentences repeated in large type.

A pull quote is a run of short lines whose text also stands elsewhere in the
body. We index word bigrams of the candidate lines only, scan the flow once to
find where else they occur (so matching stays linear in the document), let
each line vote for the body position it copies, and accept a run when most of
its lines point at one compact body region. Lines with small differences
(a lost space, a restored hyphen) are then checked against that region's
letters alone. The quote's lines are put back in body order, which undoes
scrambled line order, and a name printed beside the quote becomes its
attribution.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict

import attrs
import regex

from ._config import Config
from ._draft import ATTRIBUTION, FLOW, PULL_QUOTE, Block, Draft, Line, Role
from ._edits import Ledger
from ._language import language_for
from ._shapes import CLOSERS

TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_ASCII_TOKEN = re.compile(r"[a-z0-9]+")  # TOKEN on lowercased ASCII text
# Every other ASCII character, deleted: the tokens of lowercased ASCII text run together.
_ASCII_NON_TOKEN = str.maketrans(
    "", "", "".join(c for c in map(chr, range(128)) if not _ASCII_TOKEN.fullmatch(c))
)
# Each bigram keeps at most this many positions: very common bigrams carry no
# evidence and would make the vote quadratic.
MAX_POSITIONS = 24
MAX_RUN_LINES = 60
# A quote that matches body text so closely is put back in body order with
# little doubt; only the order of its lines is changed.
REORDER_CONFIDENCE = 0.9
# The body a quote repeats is set in lines this much longer than the quote's.
BODY_WIDER = 1.2
# At least this share of the run's lines of two words or more must match.
MIN_MATCHED_SHARE = 0.5
# A block of at most this many lines closed by a dashed name is a candidate
# whatever its lines' length.
MAX_ATTRIBUTED_LINES = 6
ATTRIBUTION_DASHES = "—–"
ATTRIBUTION_NAME = regex.compile(r"^[—–]\s*\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}$")
# A quote line with a few words differs from its copy by a letter at most.
COPY_SIMILARITY = 96


def _tokens(text: str) -> list[str]:
    if text.isascii():
        # Most lines. Lowering ASCII keeps every letter a letter and every
        # other character as it was, so one call on the line finds the same
        # tokens (elsewhere it may not: "İ" lowers to "i" and a combining
        # mark), and the standard engine runs a plain class twice as fast.
        return _ASCII_TOKEN.findall(text.lower())
    return list(map(str.lower, TOKEN.findall(text)))


def _compact(text: str) -> str:
    if text.isascii():
        # The same letters and digits, without building the token list.
        return text.lower().translate(_ASCII_NON_TOKEN)
    return "".join(_tokens(text))


@attrs.frozen
class _Run:
    members: tuple[int, ...]  # indices into the flow list
    # Closed by a dashed attribution: its type may be the body's size.
    attributed: bool = False


def _short_runs(
    lines: tuple[Line, ...], flow: list[int], draft: Draft, config: Config
) -> list[_Run]:
    limit = config.pull_quote_max_words
    width = draft.column_width
    runs: list[_Run] = []
    current: list[int] = []
    for k, i in enumerate(flow):
        text = lines[i].text
        words = len(text.split())
        short = words <= limit and (draft.paragraph_lines or not width or len(text) <= 0.8 * width)
        if short and k and text[:1].islower() and lines[flow[k - 1]].text.endswith("-"):
            # It finishes a word hyphenated on the line before: the body's own
            # paragraph end, whatever it repeats.
            short = False
        if short:
            current.append(k)
        else:
            if current:
                runs.append(_Run(tuple(current)))
            current = []
    if current:
        runs.append(_Run(tuple(current)))
    # A block closed by an attribution is tried whole, in place of the short
    # runs inside it (a quote's short last line and its attribution).
    blocks = _attributed_blocks(lines, flow)
    if blocks:
        inside = {k for r in blocks for k in r.members}
        runs = [r for r in runs if not inside.intersection(r.members)] + blocks
    # A pull quote is a few lines of large type. A run of dozens of short
    # lines is a narrow column of body text; matching it would cost time
    # quadratic in its length for nothing.
    return [r for r in runs if 2 <= len(r.members) <= MAX_RUN_LINES]


def _attributed_blocks(lines: tuple[Line, ...], flow: list[int]) -> list[_Run]:
    """Blocks of a few lines closed by a dashed attribution ("— Tina McKenzie").

    An extractor that sets the quote's large type at body size (pdfminer
    through a box the width of the column) leaves its lines as long as the
    body's, so no run of short lines holds them; the attribution under
    them still marks the block. The block is only a candidate: its lines
    must copy the body like any run's.
    """
    found: list[_Run] = []
    for k, i in enumerate(flow):
        text = lines[i].text
        if text[:1] not in ATTRIBUTION_DASHES or not ATTRIBUTION_NAME.match(text):
            continue
        start = k
        while start > 0 and k - start < MAX_ATTRIBUTED_LINES:
            if lines[flow[start]].blank_before:
                break
            start -= 1
        if start < k - 1 and lines[flow[start]].blank_before:
            found.append(_Run(tuple(range(start, k + 1)), attributed=True))
    return found


def _bigrams(line_tokens: list[list[str]], r: _Run, k: int) -> dict[int, tuple[str, str]]:
    """The bigrams that place line ``k``, keyed by the offset of their first word.

    A line of one word ("Neglected") has no bigram of its own, so it borrows
    one with each neighbouring line of the run; for the left neighbour's the
    offset is -1, since that bigram starts one word before the line.
    """
    toks = line_tokens[k]
    if len(toks) != 1:
        return dict(enumerate(itertools.pairwise(toks)))
    out: dict[int, tuple[str, str]] = {}
    # Run members are consecutive flow lines, so the neighbours are k ± 1.
    if k + 1 <= r.members[-1] and line_tokens[k + 1]:
        out[0] = (toks[0], line_tokens[k + 1][0])
    if k - 1 >= r.members[0] and line_tokens[k - 1]:
        out[-1] = (line_tokens[k - 1][-1], toks[0])
    return out


def _copied(
    tokens: list[str],
    own: range,
    region: str,
    letter_token: list[int],
    letter_start: dict[int, int],
) -> bool:
    """Whether a line's ``tokens`` stand letter for letter in the body ``region``.

    Every line of a pull quote copies the body (up to a lost space or
    hyphen). The region may take in the line itself (its stream tokens
    ``own``), and a line matches itself, so its copy is looked for outside.
    """
    compact = "".join(tokens)
    at = region.find(compact)
    while at >= 0 and letter_token[at] in own:
        at = region.find(compact, at + 1)
    if at >= 0:
        return True
    if len(tokens) < 3:
        return False
    from rapidfuzz import fuzz  # loaded by run() already: see there

    # The fuzzy test too looks past the line's own letters.
    a = letter_start.get(own.start, -1)
    rest = region[:a] + region[letter_start.get(own.stop, len(region)) :] if a >= 0 else region
    return fuzz.partial_ratio(compact, rest) >= COPY_SIMILARITY


def _densest(options: dict[int, list[int]], reach: int) -> int:
    """The position around which the most lines have a candidate place.

    A sliding window over the sorted candidates keeps this O(n log n) in the
    number of candidates, however long the run.
    """
    pairs = sorted((p, k) for k, found in options.items() for p in found)
    # A plain dict: Counter's __missing__ is a Python call per new key.
    inside: dict[int, int] = {}
    best = (0, pairs[0][0])
    left = 0
    for right, (p, k) in enumerate(pairs):
        inside[k] = inside.get(k, 0) + 1
        while pairs[left][0] < p - 2 * reach:
            gone = pairs[left][1]
            inside[gone] -= 1
            if not inside[gone]:
                del inside[gone]
            left += 1
        if len(inside) > best[0]:
            best = (len(inside), pairs[(left + right) // 2][0])
    return best[1]


# A pull quote printed on one line (unwrapped text, a Markdown heading or
# block quote) holds at least this many letters, and at most this many words.
ONE_LINE_MIN_LETTERS = 24
ONE_LINE_MIN_WORDS = 5
UNMARKED_MIN_WORDS = 8
# How far, in letters and digits (a tabloid page holds about 5,000), a
# paragraph printed whole on a line may stand from its copy in the body.
COPY_REACH = 4000
ONE_LINE_MAX_WORDS = 60
# At most this many one-line candidates are tested, each against the whole
# body: matching stays linear in the document.
ONE_LINE_CANDIDATES = 48


# Text where this share of the lines stand after a blank line is written one
# paragraph per line, however short its lines are.
UNWRAPPED_SHARE = 0.7


def unwrapped(draft: Draft) -> bool:
    """Whether ``draft`` is written one paragraph per line (no line-width geometry)."""
    lines = draft.lines
    return draft.paragraph_lines or (
        len(lines) > 2
        and sum(1 for line in lines if line.blank_before) >= UNWRAPPED_SHARE * len(lines)
    )


def _one_line_candidate(line: Line, paragraph_lines: bool) -> bool:
    """A line that may be a whole pull quote: set apart by markup, or by blank lines
    in text written one paragraph per line."""
    hint = line.markup
    marked = hint is not None and bool(hint.heading or hint.quote or hint.emphasis == "strong")
    if not (marked or (paragraph_lines and line.blank_before > 0)):
        return False  # most lines, before their words are counted
    words = len(line.text.split())
    # Unmarked, a short repeated line is more often a paper's tagline than a quote.
    fewest = ONE_LINE_MIN_WORDS if marked else UNMARKED_MIN_WORDS
    return fewest <= words <= ONE_LINE_MAX_WORDS


def _repeating(texts: list[str], candidates: list[int]) -> list[int]:
    """The candidates whose letters stand, in order, in the rest of ``texts``.

    The rest is every other text run together, so a copy cut by the
    candidate itself still reads through. A copy that is a candidate taken
    already does not count: of two identical texts only the later is taken.
    """
    compact = [_compact(text) for text in texts]
    starts = list(itertools.accumulate((len(c) for c in compact), initial=0))
    stream = "".join(compact)
    taken: list[int] = []
    for k in reversed(candidates):
        own = compact[k]
        size = len(own)
        if size < ONE_LINE_MIN_LETTERS or texts[k].rstrip(CLOSERS).endswith("?"):
            # A question asked twice is an interview's own (a question put
            # again, or the lead's question answered later): a pull quote
            # holds a statement.
            continue
        # The copy is looked for within about a page of the candidate: a pull
        # quote stands on its source's page, and a sentence the story itself
        # repeats further on (a quote restated, the lead's words summed up)
        # is the story's own.
        reach = max(0, starts[k] - COPY_REACH)
        near = stream[reach : starts[k]] + stream[starts[k + 1] : starts[k + 1] + COPY_REACH]
        at = near.find(own)
        if at < 0:
            continue
        at += reach  # in the stream without the candidate
        # The copy's place in the whole stream: past the candidate, or around it.
        lo = at if at < starts[k] else at + size
        hi = lo + size + (size if lo < starts[k] < lo + size else 0)
        if any(starts[j] < hi and starts[j + 1] > lo for j in taken):
            continue
        taken.append(k)
    return taken


def repeated_paragraphs(texts: list[str]) -> list[int]:
    """Which of the paragraphs ``texts`` (the body as a second repair reads
    it: one paragraph per line) the one-line rule takes for pull quotes."""
    candidates = [
        k
        for k, text in enumerate(texts)
        if UNMARKED_MIN_WORDS <= len(text.split()) <= ONE_LINE_MAX_WORDS
    ][:ONE_LINE_CANDIDATES]
    if not candidates or len(texts) < 3:
        return []
    return _repeating(texts, candidates)


def one_line_quotes(draft: Draft, config: Config) -> Draft:
    """Pull quotes printed on a line of their own that repeat the body's words.

    Unwrapped text (one paragraph per line) and Markdown headings carry a
    pull quote whole on one line, where the short-line runs of :func:`run`
    never see it. A candidate whose letters stand, in order, in the rest of
    the body flow (the body copy may run across the line the quote cuts) is
    the quote; of two identical lines the later one is taken.
    """
    lines = draft.lines
    flow = [i for i, line in enumerate(lines) if line.role == FLOW]
    flat = unwrapped(draft)
    candidates = [k for k, i in enumerate(flow) if _one_line_candidate(lines[i], flat)][
        :ONE_LINE_CANDIDATES
    ]
    if not candidates or len(flow) < 3:
        return draft
    taken = _repeating([lines[i].text for i in flow], candidates)
    if not taken:
        return draft
    roles = {flow[k]: PULL_QUOTE for k in taken}
    blocks = [Block(PULL_QUOTE, (lines[flow[k]],)) for k in sorted(taken)]
    new_lines = tuple(
        attrs.evolve(line, role=roles[i]) if i in roles else line for i, line in enumerate(lines)
    )
    return attrs.evolve(draft, lines=new_lines, blocks=(*draft.blocks, *blocks))


def run(draft: Draft, config: Config) -> Draft:
    """Take pull quotes out of the body flow and keep them as blocks."""
    draft = one_line_quotes(draft, config)
    lines = draft.lines
    flow = [i for i, line in enumerate(lines) if line.role == FLOW]
    if len(flow) < 4:
        return draft
    runs = _short_runs(lines, flow, draft, config)
    if not runs:
        return draft
    # Imported here, not at the top: rapidfuzz costs about a tenth of
    # `import newsrepair`, and texts without short-line runs never need it.
    from rapidfuzz import fuzz

    # One string object per distinct token: a long text repeats its words
    # endlessly, and one lowercased copy per occurrence dominated peak memory.
    canonical: dict[str, str] = {}
    line_tokens = [
        list(map(canonical.setdefault, toks, toks))
        for toks in (_tokens(lines[i].text) for i in flow)
    ]
    starts: list[int] = []
    stream: list[str] = []
    for toks in line_tokens:
        starts.append(len(stream))
        stream.extend(toks)
    needed: set[tuple[str, str]] = set()
    for r in runs:
        for k in r.members:
            needed.update(_bigrams(line_tokens, r, k).values())
    positions: dict[tuple[str, str], list[int]] = defaultdict(list)
    # Only a token that starts a needed bigram can start a hit: testing it
    # first spares building a pair for every token of the document.
    firsts = {first for first, _ in needed}
    last = len(stream) - 1
    for p, token in enumerate(stream):
        if token in firsts and p < last and (bigram := (token, stream[p + 1])) in needed:
            got = positions[bigram]
            if len(got) < MAX_POSITIONS:
                got.append(p)

    roles: dict[int, Role] = {}
    blocks: list[Block] = []
    ledger = Ledger(draft, config)
    name_line = language_for(config.language).name_line
    for r in runs:
        lo = starts[r.members[0]]
        hi = starts[r.members[-1]] + len(line_tokens[r.members[-1]])
        options: dict[int, list[int]] = {}
        strength: dict[int, int] = {}
        for k in r.members:
            toks = line_tokens[k]
            # A plain dict: Counter's __missing__ is a Python call per new key.
            votes: dict[int, int] = {}
            for off, bigram in _bigrams(line_tokens, r, k).items():
                for p in positions.get(bigram, ()):
                    if not lo <= p < hi:
                        votes[p - off] = votes.get(p - off, 0) + 1
            if votes:
                top = max(votes.values())
                if top >= max(1, len(toks) // 2):
                    options[k] = sorted(p for p, n in votes.items() if n == top)
                    strength[k] = top
        if len(options) < 2:
            continue
        # The body copy is where most lines find a place close together.
        reach = 2 * (hi - lo) + 20
        centre = _densest(options, reach)
        # A line is firm when it has one place near that copy and either more
        # than one bigram of evidence or no other place at all. A line whose
        # only evidence is one bigram found in several places ("New Zealand.")
        # could belong anywhere: between firm lines it takes its nearest
        # copy; at the edge it is left for the abutment test below.
        near = {k: [p for p in found if abs(p - centre) <= reach] for k, found in options.items()}
        firm = {
            k: v[0]
            for k, v in near.items()
            if len(v) == 1 and (strength[k] >= 2 or len(options[k]) == 1)
        }
        if not firm:
            continue
        hits: dict[int, int] = dict(firm)
        for k, v in near.items():
            if k not in firm and v and min(firm) < k < max(firm):
                hits[k] = min(v, key=lambda p: (abs(p - centre), p))
        if len(hits) < 2:
            continue
        ordered = sorted(hits.values())
        centre = ordered[len(ordered) // 2]
        run_tokens = hi - lo
        window = 2 * run_tokens + 20
        hits = {k: p for k, p in hits.items() if abs(p - centre) <= window}
        multi = [k for k in r.members if len(line_tokens[k]) >= 2]
        if len(hits) < 2:
            continue
        region_lo = max(0, min(hits.values()) - 12)
        region_hi = min(len(stream), max(hits.values()) + 24)
        # The flow lines the region's tokens belong to (tokens are laid end to end).
        region_lines = set(
            range(
                bisect.bisect_right(starts, region_lo) - 1,
                bisect.bisect_right(starts, max(region_lo, region_hi - 1)),
            )
        ) - set(r.members)
        region_lines = {k for k in region_lines if line_tokens[k]}
        if not region_lines:
            continue
        mean_run = sum(len(lines[flow[k]].text) for k in r.members) / len(r.members)
        mean_region = sum(len(lines[flow[k]].text) for k in region_lines) / len(region_lines)
        if mean_region < BODY_WIDER * mean_run and not r.attributed:
            continue
        # Letters-only view of the body region, with the token index of each letter.
        letters: list[str] = []
        letter_token: list[int] = []
        # Token offset in the stream of each region letter's token start.
        letter_start: dict[int, int] = {}
        for p in range(region_lo, region_hi):
            # Tokens are never empty, so a token's first letter is the next one.
            letter_start[p] = len(letter_token)
            letters.append(stream[p])
            letter_token.extend([p] * len(stream[p]))
        region = "".join(letters)
        members: dict[int, int] = dict(hits)
        first_hit, last_hit = min(hits), max(hits)
        for k in r.members:
            if k in members or not first_hit < k < last_hit:
                continue
            compact = "".join(line_tokens[k])
            if len(compact) < 3:
                continue
            # The quote's own lines may lie in the region: they are no
            # evidence for themselves, so take the first copy outside them.
            at = region.find(compact)
            while at >= 0 and lo <= letter_token[at] < hi:
                at = region.find(compact, at + 1)
            if at >= 0:
                members[k] = letter_token[at]
            elif (
                len(compact) >= 8
                and fuzz.partial_ratio(compact, region) >= config.pull_quote_similarity
            ):
                align = fuzz.partial_ratio_alignment(compact, region)
                if align is not None:
                    members[k] = letter_token[min(align.dest_start, len(letter_token) - 1)]
        # Lines outside the matched ones join the quote only while each abuts
        # the quote in the body text exactly; otherwise it is the body line next
        # to the quote, or a name printed beside it.
        # Edges are followed in letters, not tokens, so a body copy hyphenated
        # differently ("rela-" / "tively") still abuts exactly.
        edge, k = letter_start.get(hits[first_hit], -1), first_hit - 1
        while k >= r.members[0] and k not in members and edge >= 0:
            compact = "".join(line_tokens[k])
            start = edge - len(compact)
            if not compact or start < 0 or not region.startswith(compact, start):
                break
            members[k] = letter_token[start]
            edge = start
            k -= 1
        last_text = "".join(line_tokens[last_hit])
        edge = letter_start.get(hits[last_hit], -1)
        edge = edge + len(last_text) if edge >= 0 and region.startswith(last_text, edge) else -1
        k = last_hit + 1
        while k <= r.members[-1] and k not in members and 0 <= edge < len(region):
            compact = "".join(line_tokens[k])
            if not compact or not region.startswith(compact, edge):
                break
            members[k] = letter_token[edge]
            edge += len(compact)
            k += 1
        # Every line of a pull quote copies the body letter for letter (up to a
        # lost space or hyphen); a line that only shares some words ("in the
        # US." against "in the United States.") is the body's own sentence.
        exact = {
            k: p
            for k, p in members.items()
            if _copied(
                line_tokens[k],
                range(starts[k], starts[k] + len(line_tokens[k])),
                region,
                letter_token,
                letter_start,
            )
        }
        # A body line next to the quote's box (the column's line cut off
        # before it) may share a few words with the body elsewhere: at the
        # run's edges such a line is left out, not the quote with it.
        while len(members) > 2 and min(members) not in exact:
            del members[min(members)]
        while len(members) > 2 and max(members) not in exact:
            del members[max(members)]
        # Two lines inside running text that happen to repeat words found
        # elsewhere are no quote: a quote of two lines must be set apart.
        chosen_flow = sorted(members)
        first_line, last_line = lines[flow[chosen_flow[0]]], lines[flow[chosen_flow[-1]]]
        after_index = chosen_flow[-1] + 1
        set_apart = (
            first_line.blank_before > 0
            or (after_index < len(flow) and lines[flow[after_index]].blank_before > 0)
            or after_index >= len(flow)
            or last_line.page != lines[flow[after_index]].page
        )
        if len(members) < 3 and not set_apart:
            continue
        if len(exact) < len(members) or len(members) < MIN_MATCHED_SHARE * len(multi):
            continue
        if sum(len("".join(line_tokens[k])) for k in members) < 15:
            continue
        chosen = sorted(members, key=lambda k: (members[k], k))
        if chosen != sorted(chosen):
            printed = [lines[flow[k]] for k in sorted(chosen)]
            span_lo = min(line.start for line in printed)
            span_hi = max(line.end for line in printed)
            if not ledger.propose(
                "reorder",
                span_lo,
                span_lo,
                "",
                REORDER_CONFIDENCE,
                "pull-quote lines put back in the order of the body text",
                span=draft.input_span(span_lo, span_hi),
            ):
                chosen = sorted(chosen)
        quote_lines = tuple(lines[flow[k]] for k in chosen)
        joined = _compact(" ".join(line.text for line in quote_lines))
        if (
            fuzz.ratio(joined, region) < 40
            and fuzz.partial_ratio(joined, region) < config.pull_quote_similarity
        ):
            continue
        attribution: Line | None = None
        in_quote = set(members)
        first, last = min(r.members[0], *in_quote), max(r.members[-1], *in_quote)
        for k in (min(in_quote) - 1, max(in_quote) + 1, first, last):
            if 0 <= k < len(flow) and k not in in_quote and name_line.match(lines[flow[k]].text):
                attribution = lines[flow[k]]
                break
        for k in in_quote:
            roles[flow[k]] = PULL_QUOTE
        if attribution is not None:
            roles[attribution.index] = ATTRIBUTION
        blocks.append(
            Block(
                PULL_QUOTE,
                quote_lines,
                (" ",) * (len(quote_lines) - 1),
                attribution=attribution.text if attribution else None,
            )
        )
    if not roles:
        return ledger.close(draft)
    new_lines = tuple(
        attrs.evolve(line, role=roles[i]) if i in roles else line for i, line in enumerate(lines)
    )
    return ledger.close(draft, lines=new_lines, blocks=(*draft.blocks, *blocks))
