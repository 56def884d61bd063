"""``newsrepair report``: one self-contained HTML page of damage and repairs.

For each article the damaged input (left) and the repaired article (right)
stand side by side. Every repair is a highlighted ``<mark>`` on both sides:
the input one at its span, the output one where its result ended up (the
paragraph, caption or pull quote whose spans hold the repair). Each links to
the other by anchor, and a table lists them all. CSS and the little script
that flashes the target of a link are inline: the page needs no network.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

import regex

from ._config import Config
from ._explain import WORD_JOINS, Positions, before_after
from ._files import UserError
from ._kinds import code_of
from ._model import Article, Repair, Span
from ._pipeline import repair

STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f4f1ea;color:#222}
header{background:#222;color:#fff;padding:10px 20px}
h1{font-size:20px;margin:0}
section.article{margin:18px;background:#fff;border:1px solid #ccc;padding:12px}
h2{font-size:17px;margin:4px 0 10px}
.panes{display:grid;grid-template-columns:1fr 1fr;gap:16px}
.pane{border:1px solid #ddd;padding:8px;overflow:auto;max-height:70vh}
.pane h3{margin:0 0 6px;font-size:13px;text-transform:uppercase;color:#666}
pre.damaged{white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace;margin:0}
mark{background:#ffe08a;border-bottom:2px solid #e0a800;padding:0 1px;scroll-margin:40px}
mark.finding{background:#f8c9c4;border-bottom-color:#c0392b}
mark.gap{display:inline-block;min-width:.6em}
mark:target,mark.flash{outline:3px solid #0b63ce}
a.code{font:11px ui-monospace,monospace;vertical-align:super;color:#0b63ce}
.meta{color:#555;font-style:italic}
.set-aside{border-top:1px dashed #bbb;margin-top:10px;padding-top:6px;color:#444}
table{border-collapse:collapse;margin-top:10px;font-size:13px;width:100%}
td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
p.question{font-weight:600}
td.ctx{font:12px ui-monospace,monospace}
"""

SCRIPT = """
document.addEventListener('click', function (e) {
  var a = e.target.closest('a[href^="#"]');
  if (!a) return;
  var t = document.getElementById(a.getAttribute('href').slice(1));
  if (!t) return;
  t.classList.add('flash');
  setTimeout(function () { t.classList.remove('flash'); }, 1200);
});
"""


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _overlaps(a: Span, b: Span) -> bool:
    return (a[0] < b[1] and b[0] < a[1]) or a == b


def _owner(spans: Sequence[Span], r: Repair) -> bool:
    """Whether a repair belongs to an output item built from ``spans``."""
    lo, hi = r.span
    if any(_overlaps(s, r.span) for s in spans):
        return True
    # A join's span is the gap between two of the item's lines.
    return any(s[1] <= lo for s in spans) and any(s[0] >= hi for s in spans)


def _damaged(text: str, article: Article, prefix: str) -> str:
    """The input with every repair and finding span marked and linked."""
    marks: list[tuple[int, int, str]] = []
    for k, r in enumerate(article.repairs):
        start, end = r.span
        title = _esc(f"{code_of(r.kind)} {r.kind} ({r.confidence:.2f}) {r.note}")
        marks.append(
            (
                start,
                end,
                f'<mark id="{prefix}in{k}" title="{title}"'
                f"{' class=gap' if start == end else ''}>"
                f'<a class="code" href="#{prefix}out{k}">{code_of(r.kind)}</a>',
            )
        )
    for k, f in enumerate(article.findings):
        start, end = f.span
        title = _esc(f"{code_of(f.kind)} {f.kind}: {f.message}")
        marks.append(
            (
                start,
                end,
                f'<mark class="finding" id="{prefix}find{k}" title="{title}">'
                f'<a class="code" href="#{prefix}row-f{k}">{code_of(f.kind)}</a>',
            )
        )
    out: list[str] = []
    at = 0
    # Overlapping spans would nest marks badly: a mark starting inside the
    # previous one is shown as a point at its start.
    for start, end, opening in sorted(marks, key=lambda m: (m[0], m[1])):
        start = max(start, at)
        end = max(end, start)
        out.append(_esc(text[at:start]))
        out.append(opening + _esc(text[start:end]) + "</mark>")
        at = end
    out.append(_esc(text[at:]))
    return "".join(out)


# Searched from the end (?r): forward, every start in a long word would scan it.
_WORD_END = regex.compile(r"(?r)[\w'’-]+$")
_WORD_START = regex.compile(r"^\s*([\w'’-]+)")


def result_text(source: str, r: Repair) -> str:
    """What the repair left in the output: the joined word, the two ends a join met, or ``after``.

    A dehyphenation's ``after`` is empty; the word it made ("commuters") is
    what a reader looks for, so that is what the report highlights.
    """
    start, end = r.span
    left = _WORD_END.search(source[:start])
    right = _WORD_START.match(source[end:])
    if r.kind in WORD_JOINS and left and right:
        return left.group() + r.after + right.group(1)
    if r.kind == "join" and left and right:
        return f"{left.group()} {right.group(1)}"
    return r.after.strip()


def _item(
    text: str, spans: Sequence[Span], article: Article, prefix: str, taken: set[int], source: str
) -> str:
    """One output text with the marks of the repairs that made it."""
    links = []
    body = _esc(text)
    for k, r in enumerate(article.repairs):
        if k in taken or not spans or not _owner(spans, r):
            continue
        taken.add(k)
        target = f'href="#{prefix}in{k}"'
        after = result_text(source, r)
        if after and _esc(after) in body:
            # Highlight the repaired text itself where it can be found.
            body = body.replace(_esc(after), f"\0{k}\0", 1)
            links.append(
                (
                    k,
                    f'<mark id="{prefix}out{k}"><a class="code" {target}>'
                    f"{code_of(r.kind)}</a>{_esc(after)}</mark>",
                )
            )
        else:
            links.append(
                (
                    k,
                    f'<mark class="gap" id="{prefix}out{k}"><a class="code" {target}>'
                    f"{code_of(r.kind)}</a></mark>",
                )
            )
    tail = []
    for k, snippet in links:
        if f"\0{k}\0" in body:
            body = body.replace(f"\0{k}\0", snippet)
        else:
            tail.append(snippet)
    return "".join(tail) + body


def _repaired(source: str, article: Article, prefix: str) -> str:
    taken: set[int] = set()
    parts: list[str] = []
    for tag, value in (
        ("p class=meta", article.kicker),
        ("h2", article.headline),
        ("p class=meta", article.deck),
        ("p class=meta", article.byline),
        ("p class=meta", article.dateline),
    ):
        if value:
            name = tag.split()[0]
            parts.append(f"<{tag}>{_esc(value)}</{name}>")
    for p in article.paragraphs:
        speaker = f"<b>{_esc(p.speaker)}:</b> " if p.speaker else ""
        inner = speaker + _item(p.text, p.spans, article, prefix, taken, source)
        if p.role == "subhead":
            parts.append(f"<h3>{inner}</h3>")
        else:
            parts.append(f'<p class="{p.role}">{inner}</p>')
    extra: list[str] = []
    for q in article.pull_quotes:
        who = f" — {_esc(q.attribution)}" if q.attribution else ""
        extra.append(
            f"<blockquote>{_item(q.text, q.spans, article, prefix, taken, source)}{who}"
            "</blockquote>"
        )
    for c in article.captions:
        credit = f" <i>({_esc(c.credit)})</i>" if c.credit else ""
        caption = _item(c.text, c.spans, article, prefix, taken, source)
        extra.append(f"<p>Caption: {caption}{credit}</p>")
    extra.extend(f"<p>Note: {_esc(n)}</p>" for n in article.notes)
    extra.extend(f"<p>Furniture: {_esc(f)}</p>" for f in article.furniture)
    # Repairs with no output item of their own (a credit's stripped label,
    # a removed character in the furniture) are marked at the end.
    rest = [
        f'<mark class="gap" id="{prefix}out{k}"><a class="code" href="#{prefix}in{k}">'
        f"{code_of(r.kind)}</a></mark>"
        for k, r in enumerate(article.repairs)
        if k not in taken
    ]
    if rest:
        extra.append("<p>Other repairs: " + " ".join(rest) + "</p>")
    if extra:
        parts.append('<div class="set-aside">' + "".join(extra) + "</div>")
    return "".join(parts)


def _table(text: str, article: Article, prefix: str) -> str:
    where = Positions(text)
    rows = []
    for k, r in enumerate(article.repairs):
        line, col = where.at(r.span[0])
        was, now = before_after(text, r, around=12)
        rows.append(
            f'<tr id="{prefix}row{k}"><td><a href="#{prefix}in{k}">{line}:{col}</a></td>'
            f'<td><a href="#{prefix}out{k}">{code_of(r.kind)}</a> {r.kind}</td>'
            f'<td class="ctx">{_esc(was)}<br>→ {_esc(now)}</td>'
            f"<td>{r.confidence:.2f}</td><td>{_esc(r.note)}</td></tr>"
        )
    for k, f in enumerate(article.findings):
        line, col = where.at(f.span[0])
        rows.append(
            f'<tr id="{prefix}row-f{k}"><td><a href="#{prefix}find{k}">{line}:{col}</a></td>'
            f"<td>{code_of(f.kind)} {f.kind}</td><td></td><td>–</td><td>{_esc(f.message)}</td>"
            "</tr>"
        )
    if not rows:
        return "<p>Nothing to repair.</p>"
    return (
        "<table><tr><th>where</th><th>code</th><th>before / after</th><th>confidence</th>"
        "<th>evidence</th></tr>" + "".join(rows) + "</table>"
    )


def page(pages: Sequence[tuple[str, str]], config: Config) -> str:
    """The whole HTML page for ``(path, text)`` pairs."""
    sections = []
    for n, (path, text) in enumerate(pages):
        article = repair(text, config=config)
        prefix = f"a{n}-"
        count = f"{len(article.repairs)} repairs, {len(article.findings)} findings"
        sections.append(
            f'<section class="article" id="{prefix}top"><h2>{_esc(path)} '
            f'<small class="meta">({count})</small></h2><div class="panes">'
            f'<div class="pane"><h3>Damaged input</h3><pre class="damaged">'
            f"{_damaged(text, article, prefix)}</pre></div>"
            f'<div class="pane"><h3>Repaired article</h3>{_repaired(text, article, prefix)}</div>'
            f"</div>{_table(text, article, prefix)}</section>"
        )
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<title>newsrepair report</title>"
        f"<style>{STYLE}</style></head><body><header><h1>newsrepair report: "
        f"{len(pages)} article{'s' if len(pages) != 1 else ''}</h1></header>"
        + "".join(sections)
        + f"<script>{SCRIPT}</script></body></html>\n"
    )


def write_report(target: str, pages: Sequence[tuple[str, str]], config: Config) -> None:
    """Write the report for ``pages`` to ``target``."""
    try:
        Path(target).write_text(page(pages, config), encoding="utf-8")
    except OSError as err:
        raise UserError(f"{target}: cannot write the report ({err.strerror})") from None
