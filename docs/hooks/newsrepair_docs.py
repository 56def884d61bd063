"""MkDocs hooks: the parts of the site that are generated from the library.

Pages hold directives that this hook replaces at build time, so what the site
shows is what the installed code does:

- a fenced block ````` ```newsrepair-example ````` holds a damaged input;
  it becomes the input, the repaired article (``Article.to_text()``), the
  repair log (rule code, kind, edit, confidence, evidence) and the findings.
  ``expect=R301,W201`` after the fence name lists codes the example is about
  (``log=no`` shows input and output only):
  the build fails when the library no longer reports one of them, so a page
  cannot go on telling a story the code stopped telling. ``\\f`` in the
  block stands for a form feed (a page break). Every example is audited
  (``newsrepair.audit``), and its ``to_dict()`` is checked against the
  generated JSON schema.
- ``<!-- newsrepair:cli -->``: ``newsrepair --help`` and every command's help.
- ``<!-- newsrepair:command ARGS -->``: ``newsrepair ARGS`` run in the
  repository root, shown with its output and exit status.
- ``<!-- newsrepair:rules -->``: the rule-code tables of the registry.
- ``<!-- newsrepair:schema -->``: the JSON schema of ``Article.to_dict()``.
- ``<!-- newsrepair:include PATH -->`` or ``<!-- newsrepair:include PATH#Heading -->``:
  a repository file, or one ``##`` section of it, with its headings shifted
  so they sit under the page's own title.

Any problem raises ``PluginError``: ``mkdocs build --strict`` fails rather than
publishing a page that says something the code does not do.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import tempfile
import types
import typing
from pathlib import Path
from typing import Any

import attrs
import regex
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

import newsrepair
from newsrepair import Article, audit, code_of, repair
from newsrepair._cli import COMMANDS, main
from newsrepair._kinds import markdown_tables
from newsrepair._model import PARAGRAPH_ROLES

ROOT = Path(__file__).resolve().parents[2]

EXAMPLE = regex.compile(
    r"^```newsrepair-example(?P<options>[^\n]*)\n(?P<body>.*?)\n```[ \t]*$",
    regex.MULTILINE | regex.DOTALL,
)
# Characters of an input line that still fit beside the output.
WIDEST_SIDE_BY_SIDE = 64
DIRECTIVE = regex.compile(r"<!--\s*newsrepair:(?P<name>[a-z]+)(?:\s+(?P<arg>[^>]*?))?\s*-->")


# ------------------------------------------------------------------ examples


def _cell(text: str) -> str:
    """``text`` as the content of a Markdown table cell, shown as code."""
    flat = text.replace("\n", "⏎").replace("\f", "^L")
    if not flat:
        return "(nothing)"
    # A backtick inside needs a longer fence; a bar would end the cell.
    fence = "``" if "`" in flat else "`"
    return f"{fence} {flat} {fence}".replace("|", "\\|")


def _edit(kind: str, before: str, after: str) -> str:
    """A repair's edit for the table: ``before → after``, or what an order-only repair did."""
    if before == after:
        # join, reorder, columns: no character changes; a move or a kept
        # hyphen has the text on both sides.
        if not before:
            return "(order only)"
        return f"{_cell(before)} ({'moved' if kind == 'move' else 'kept'})"
    return f"{_cell(before)} → {_cell(after)}"


def _note(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _fence(text: str, info: str = "text") -> str:
    fence = "````" if "```" in text else "```"
    return f"{fence}{info}\n{text}\n{fence}"


def _options(raw: str) -> dict[str, str]:
    options = {}
    for item in raw.split():
        key, _, value = item.partition("=")
        options[key] = value
    return options


def render_example(body: str, options: dict[str, str], where: str) -> str:
    """The Markdown for one gallery example: input, output and the log."""
    text = body.replace("\\f\n", "\f").replace("\\f", "\f")
    if not text.endswith("\n"):
        text += "\n"
    article = repair(text)
    check = audit(text, article)
    if not check.ok:
        raise PluginError(f"{where}: the example fails newsrepair.audit: {check}")
    validate(article.to_dict(), article_schema(), f"{where}: to_dict()")
    codes = {code_of(r.kind) for r in article.repairs} | {code_of(f.kind) for f in article.findings}
    wanted = [c for c in options.get("expect", "").split(",") if c]
    missing = [c for c in wanted if c not in codes]
    if missing:
        raise PluginError(
            f"{where}: the example is about {', '.join(missing)}, but the library no longer "
            f"reports it (it reports {', '.join(sorted(codes)) or 'nothing'}); "
            "rewrite the example or its text"
        )
    shown_input = text.rstrip("\n").replace("\f", "^L\n")
    # Side by side while the input's lines fit half the page; wide inputs
    # (layout columns, interleaved lines) go above the output, unwrapped.
    wide = max(len(line) for line in shown_input.split("\n")) > WIDEST_SIDE_BY_SIDE
    parts = [
        '<div class="nr-example" markdown>',
        "",
        f'<div class="nr-pair{" nr-stacked" if wide else ""}" markdown>',
        '<div class="nr-side" markdown>',
        "",
        "**Damaged input**",
        "",
        _fence(shown_input),
        "",
        "</div>",
        '<div class="nr-side" markdown>',
        "",
        "**Repaired** (`article.to_text()`)",
        "",
        _fence(article.to_text().rstrip("\n")),
        "",
        "</div>",
        "</div>",
        "",
    ]
    if options.get("log") == "no":
        return "\n".join([*parts, "</div>", ""])
    if article.repairs:
        parts += [
            "| code | kind | edit | confidence | evidence |",
            "| --- | --- | --- | ---: | --- |",
            *(
                f"| `{code_of(r.kind)}` | `{r.kind}` | {_edit(r.kind, r.before, r.after)} "
                f"| {r.confidence:.2f} | {_note(r.note)} |"
                for r in article.repairs
            ),
            "",
        ]
    else:
        parts += ["No repair was made.", ""]
    if article.findings:
        parts += [
            "| code | finding | message |",
            "| --- | --- | --- |",
            *(
                f"| `{code_of(f.kind)}` | `{f.kind}` | {_note(f.message)} |"
                for f in article.findings
            ),
            "",
        ]
    else:
        parts += ["No finding was reported.", ""]
    parts += ["</div>", ""]
    return "\n".join(parts)


# ------------------------------------------------------------------ the CLI


def cli_help() -> str:
    """``newsrepair --help`` and the help of every command, as Markdown."""
    sections = []
    for argv, title in [(["--help"], "newsrepair --help")] + [
        ([command, "--help"], f"newsrepair {command} --help") for command in COMMANDS
    ]:
        out = io.StringIO()
        # argparse wraps to $COLUMNS: fix it, so the page is the same everywhere.
        saved = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "100"
        try:
            with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
                main(argv)
        finally:
            if saved is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = saved
        helptext = out.getvalue().rstrip()
        if not helptext.startswith("usage:"):
            raise PluginError(f"`{title}` printed no usage: {helptext[:200]!r}")
        sections.append(f"### `{title}`\n\n{_fence(helptext)}\n")
    return "\n".join(sections)


def command(arg: str, where: str) -> str:
    """Run ``newsrepair ARG`` in the repository root and show it with its output."""
    argv = shlex.split(arg)
    out, err = io.StringIO(), io.StringIO()
    saved = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main(argv)
            except SystemExit as stop:
                status = stop.code if isinstance(stop.code, int) else 2
    finally:
        os.chdir(saved)
    if status not in (0, 1):
        raise PluginError(f"{where}: `newsrepair {arg}` failed ({status}): {err.getvalue()}")
    shown = f"$ newsrepair {arg}\n{out.getvalue()}{err.getvalue()}".rstrip()
    return _fence(f"{shown}\n(exit status {status})", "console")


# ------------------------------------------------------------------ the schema


def _schema_of(tp: Any, field: attrs.Attribute[Any] | None = None) -> dict[str, Any]:
    """JSON schema of one annotated type as ``to_dict()`` writes it."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [_schema_of(a, field) for a in args if a is not type(None)]
        if len(options) != 1 or type(None) not in args:
            raise PluginError(f"schema: cannot describe {tp!r}")
        one = dict(options[0])
        one["type"] = [one["type"], "null"]
        if "enum" in one:
            one["enum"] = [*one["enum"], None]
        return one
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema_of(args[0])}
        return {
            "type": "array",
            "prefixItems": [_schema_of(a) for a in args],
            "minItems": len(args),
            "maxItems": len(args),
        }
    if attrs.has(tp):
        return _object_schema(tp)
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        schema: dict[str, Any] = {"type": simple[tp]}
        enum = _enum_of(field)
        if enum is not None:
            schema["enum"] = enum
        return schema
    raise PluginError(f"schema: no JSON type for {tp!r}")


def _enum_of(field: attrs.Attribute[Any] | None) -> list[str] | None:
    """The allowed values of a field validated by ``attrs.validators.in_``."""
    validator = None if field is None else field.validator
    options = getattr(validator, "options", None)
    if options is None:
        return None
    return sorted(options) if not isinstance(options, tuple) else list(options)


def _object_schema(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {f.name: _schema_of(hints[f.name], f) for f in attrs.fields(cls)}
    schema: dict[str, Any] = {
        "type": "object",
        "title": cls.__name__,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if cls.__doc__:
        schema["description"] = cls.__doc__.strip().split("\n\n")[0].replace("\n", " ")
    return schema


def article_schema() -> dict[str, Any]:
    """The JSON schema (draft 2020-12) of ``Article.to_dict()``, from the model's types."""
    schema = _object_schema(Article)
    # to_dict() adds the body text, which is a property and not a field.
    schema["properties"]["text"] = {
        "type": "string",
        "description": "The clean body: the paragraph texts joined by a blank line.",
    }
    schema["required"].append("text")
    role = schema["properties"]["paragraphs"]["items"]["properties"]["role"]
    if role.get("enum") != list(PARAGRAPH_ROLES):
        raise PluginError("schema: Paragraph.role is not validated against PARAGRAPH_ROLES")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:newsrepair:article:{newsrepair.__version__}",
        **schema,
    }


def validate(value: Any, schema: dict[str, Any], where: str) -> None:
    """Check ``value`` against the subset of JSON schema that :func:`article_schema` uses."""
    kinds = schema.get("type")
    allowed = kinds if isinstance(kinds, list) else [kinds]
    python = {
        "string": str,
        "integer": int,
        "number": (int, float),
        "boolean": bool,
        "array": list,
        "object": dict,
        "null": type(None),
    }
    if not any(isinstance(value, python[k]) for k in allowed):
        raise PluginError(f"{where}: {value!r} is not of type {allowed}")
    if "enum" in schema and value not in schema["enum"]:
        raise PluginError(f"{where}: {value!r} is not one of {schema['enum']}")
    if isinstance(value, list):
        if "prefixItems" in schema:
            if len(value) != len(schema["prefixItems"]):
                raise PluginError(f"{where}: {value!r} should hold {len(schema['prefixItems'])}")
            for n, (item, sub) in enumerate(zip(value, schema["prefixItems"], strict=True)):
                validate(item, sub, f"{where}[{n}]")
        elif "items" in schema:
            for n, item in enumerate(value):
                validate(item, schema["items"], f"{where}[{n}]")
    if isinstance(value, dict):
        keys = set(value)
        unknown = keys - set(schema["properties"])
        missing = set(schema["required"]) - keys
        if unknown or missing:
            raise PluginError(
                f"{where}: keys not in the schema {sorted(unknown)}, missing {sorted(missing)}"
            )
        for key, item in value.items():
            validate(item, schema["properties"][key], f"{where}.{key}")


# ------------------------------------------------------------------ includes


def include(arg: str, where: str) -> str:
    """A repository file, or one of its ``##`` sections, headings shifted one level down."""
    path, _, heading = arg.partition("#")
    source = ROOT / path.strip()
    if not source.is_file():
        raise PluginError(f"{where}: include of {path!r}: no such file")
    text = source.read_text(encoding="utf-8")
    lines = text.split("\n")
    if heading:
        title = f"## {heading.strip()}"
        try:
            start = lines.index(title)
        except ValueError:
            raise PluginError(f"{where}: {path} has no section {title!r}") from None
        end = next(
            (n for n in range(start + 1, len(lines)) if regex.match(r"^#{1,2} ", lines[n])),
            len(lines),
        )
        lines = lines[start + 1 : end]
    elif lines and lines[0].startswith("# "):
        lines = lines[1:]
    shifted = []
    fenced = False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        shifted.append("#" + line if not fenced and regex.match(r"^#{1,5} ", line) else line)
    return "\n".join(shifted).strip() + "\n"


# ------------------------------------------------------------------ the hook

REPORT_SOURCE = "docs/examples/ferry.txt"
REPORT_PAGE = "examples/ferry-report.html"
SCHEMA_FILE = "reference/article.schema.json"


def on_files(files: Any, config: Any) -> Any:
    """Add the example file's HTML report (``newsrepair report``) and the schema file."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.html"
        command(f"report {REPORT_SOURCE} -o {out}", "the example report")
        content = out.read_text(encoding="utf-8")
    files.append(File.generated(config, REPORT_PAGE, content=content))
    schema = json.dumps(article_schema(), indent=2, ensure_ascii=False) + "\n"
    files.append(File.generated(config, SCHEMA_FILE, content=schema))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the directives of one page with what the library generates."""
    where = page.file.src_path

    def example(match: regex.Match[str]) -> str:
        line = markdown.count("\n", 0, match.start()) + 1
        return render_example(
            match.group("body"), _options(match.group("options")), f"{where}:{line}"
        )

    def directive(match: regex.Match[str]) -> str:
        name, arg = match.group("name"), match.group("arg") or ""
        if name == "cli":
            return cli_help()
        if name == "rules":
            repairs, findings = markdown_tables()
            return f"### Repair kinds\n\n{repairs}\n\n### Finding kinds\n\n{findings}\n"
        if name == "schema":
            return _fence(json.dumps(article_schema(), indent=2, ensure_ascii=False), "json")
        if name == "command":
            return command(arg, where)
        if name == "include":
            return include(arg, where)
        raise PluginError(f"{where}: unknown directive newsrepair:{name}")

    markdown = EXAMPLE.sub(example, markdown)
    return DIRECTIVE.sub(directive, markdown)
