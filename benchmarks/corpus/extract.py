"""Real text extractors run over the rendered PDFs.

Every extractor's output is kept as it comes, damage included. Page breaks:
pdftotext and pdfminer write ``\\f`` between pages themselves; for pypdf,
pdfplumber and OCR, which return one string per page, we join the pages with
``\\f`` too so every output marks page boundaries the same way.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

#: All extractors, in the order they are run and listed in the manifest.
EXTRACTORS: tuple[str, ...] = (
    "pdftotext",
    "pdftotext_raw",
    "pdftotext_layout",
    "layout_collapsed",
    "pdfminer",
    "pypdf",
    "pypdf_layout",
    "pdfplumber",
    "pymupdf",
    "pymupdf_dehyphenate",
    "pymupdf4llm_md",
    "pymupdf4llm_text",
    "ocr",
)
#: Extra extractor only for OverProof sources: the historical OCR itself.
OCR_ORIGINAL = "ocr_original"

_SPACE_RUN = re.compile(r" {2,}")


def _run(cmd: list[str], env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(cmd, check=True, capture_output=True, env=env)
    return proc.stdout.decode("utf-8", errors="replace")


def _pdftotext(pdf: Path, *flags: str) -> str:
    return _run(["pdftotext", "-enc", "UTF-8", *flags, str(pdf), "-"])


def collapse_layout(text: str) -> str:
    """Collapse runs of spaces in ``pdftotext -layout`` output to one space.

    Side-by-side columns then run into each other inside a line, the damage
    a naive whitespace normalisation of layout text produces.
    """
    return "\n".join(_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))


def _pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(pdf)))


def _pypdf(pdf: Path, layout: bool) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    if layout:
        pages = [p.extract_text(extraction_mode="layout") for p in reader.pages]
    else:
        pages = [p.extract_text() for p in reader.pages]
    return "\f".join(pages)


def _pdfplumber(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return "\f".join((page.extract_text() or "") for page in doc.pages)


def _pymupdf(pdf: Path, dehyphenate: bool) -> str:
    """PyMuPDF's plain ``page.get_text()``, optionally with ``TEXT_DEHYPHENATE``.

    PyMuPDF is AGPL: it is a benchmark extractor only, never a dependency of
    the library.
    """
    import pymupdf  # type: ignore[import-untyped]

    flags = pymupdf.TEXTFLAGS_TEXT | (pymupdf.TEXT_DEHYPHENATE if dehyphenate else 0)
    with pymupdf.open(str(pdf)) as doc:
        return "\f".join(page.get_text(flags=flags) for page in doc)


def _pymupdf4llm(pdf: Path, markdown: bool) -> str:
    """``pymupdf4llm.to_markdown`` / ``to_text``, one chunk per page joined by ``\f``.

    OCR is switched off (``use_ocr=False``): this extractor reads the text layer,
    and the Tesseract extractor already covers OCR. The package prints parser
    notes on stdout, which would clutter the build log, so they are swallowed.
    """
    import pymupdf4llm  # type: ignore[import-untyped]

    convert = pymupdf4llm.to_markdown if markdown else pymupdf4llm.to_text
    with contextlib.redirect_stdout(io.StringIO()):
        chunks = convert(str(pdf), page_chunks=True, use_ocr=False, show_progress=False)
    return "\f".join(str(chunk["text"]) for chunk in chunks)


def _ocr(pdf: Path) -> str:
    """Rasterise at 200 dpi with pdftoppm and OCR each page with Tesseract."""
    # One OCR thread per process: the build already runs --jobs processes,
    # and Tesseract's own OpenMP threads would only oversubscribe the cores.
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="nr-ocr-") as tmp:
        prefix = Path(tmp) / "page"
        subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", str(pdf), str(prefix)],
                       check=True, capture_output=True)
        pages = []
        for img in sorted(Path(tmp).glob("page*.png"), key=_page_number):
            pages.append(_run(["tesseract", str(img), "stdout", "-l", "eng"], env=env))
    return "\f".join(pages)


def _page_number(path: Path) -> int:
    m = re.search(r"(\d+)$", path.stem)
    return int(m.group(1)) if m else 0


def run_extractors(pdf: Path, names: list[str]) -> dict[str, str]:
    """Run the named extractors on *pdf*; return their text by name.

    An extractor that fails is recorded as missing (not fatal): one broken
    tool must not stop a corpus build. Its error goes to stderr.
    """
    table: dict[str, Callable[[], str]] = {
        "pdftotext": lambda: _pdftotext(pdf),
        "pdftotext_raw": lambda: _pdftotext(pdf, "-raw"),
        "pdftotext_layout": lambda: _pdftotext(pdf, "-layout"),
        "pdfminer": lambda: _pdfminer(pdf),
        "pypdf": lambda: _pypdf(pdf, layout=False),
        "pypdf_layout": lambda: _pypdf(pdf, layout=True),
        "pdfplumber": lambda: _pdfplumber(pdf),
        "pymupdf": lambda: _pymupdf(pdf, dehyphenate=False),
        "pymupdf_dehyphenate": lambda: _pymupdf(pdf, dehyphenate=True),
        "pymupdf4llm_md": lambda: _pymupdf4llm(pdf, markdown=True),
        "pymupdf4llm_text": lambda: _pymupdf4llm(pdf, markdown=False),
        "ocr": lambda: _ocr(pdf),
    }
    out: dict[str, str] = {}
    for name in names:
        try:
            if name == "layout_collapsed":
                layout = out.get("pdftotext_layout") or _pdftotext(pdf, "-layout")
                out[name] = collapse_layout(layout)
            elif name in table:
                out[name] = table[name]()
        except Exception as exc:
            print(f"warning: {name} failed on {pdf}: {exc}", file=sys.stderr)
    return out


def _first_line(cmd: list[str]) -> str:
    try:
        proc = subprocess.run(cmd, capture_output=True, check=False)
    except OSError:
        return "missing"
    text = (proc.stdout or proc.stderr).decode("utf-8", errors="replace").strip()
    return text.splitlines()[0] if text else "unknown"


def _dist_version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"


def tool_versions() -> dict[str, str]:
    """Versions of every tool that shaped the corpus, for the manifest."""
    return {
        "python": sys.version.split()[0],
        "pdftotext": _first_line(["pdftotext", "-v"]),
        "pdftoppm": _first_line(["pdftoppm", "-v"]),
        "tesseract": _first_line(["tesseract", "--version"]),
        **{dist: _dist_version(dist) for dist in (
            "weasyprint", "reportlab", "typst", "pyphen", "pdfminer.six", "pypdf", "pdfplumber",
            "pymupdf", "pymupdf4llm", "wordfreq")},
    }
