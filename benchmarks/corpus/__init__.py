"""Benchmark corpus generator.

Renders clean news articles whose gold structure is known into newspaper-like
PDF pages with real typesetting engines (WeasyPrint, ReportLab), then extracts
the text again with real extractors (pdftotext, pdfminer.six, pypdf,
pdfplumber, Tesseract OCR). The extracted text is the damaged input for
newsrepair; the gold we rendered from is the expected output.

Entry point: ``python -m benchmarks.corpus build --help``.
"""

from __future__ import annotations

__all__ = ["DEFAULT_SEED"]

#: Seed used when ``--seed`` is not given; the gate subset uses it too.
DEFAULT_SEED = 20240611
