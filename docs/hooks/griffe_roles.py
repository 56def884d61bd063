"""A Griffe extension: the library's reST-style roles as Markdown for the API pages.

Docstrings in ``newsrepair`` name other objects as ``:class:`~newsrepair.Finding```
or ``:func:`repair```, which read well in ``help()``. The API reference is
rendered as Markdown, where those roles would show literally; this extension
writes them as inline code with the short name (``Finding``, ``repair``),
and the reST ``::`` that opens an indented example as a plain colon.
"""

from __future__ import annotations

from typing import Any

import griffe
import regex

ROLE = regex.compile(r":(?:class|func|meth|attr|data|mod|exc|obj):`~?(?P<target>[^`]+)`")
# reST's "text::" before an indented example reads "text:" in Markdown.
LITERAL_MARK = regex.compile(r"(?<=\S)::$", regex.MULTILINE)


def _short(match: regex.Match[str]) -> str:
    target = match.group("target")
    whole = match.group(0)
    # `~a.b.C` shows `C`; `a.b.C` shows as written, like Sphinx does.
    name = target.rsplit(".", 1)[-1] if ":`~" in whole else target
    return f"`{name}`"


class MarkdownRoles(griffe.Extension):
    """Rewrite reST roles in every docstring Griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Called for each loaded object (module, class, function, attribute)."""
        if obj.docstring is not None:
            text = ROLE.sub(_short, obj.docstring.value)
            obj.docstring.value = LITERAL_MARK.sub(":", text)
