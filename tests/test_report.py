"""``newsrepair report``: a self-contained HTML page, checked as text and in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from newsrepair import repair
from newsrepair._cli import main
from test_api import COLUMN

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour_bridge.txt"
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(n)), None)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    """A report of the bundled example and one damaged column."""
    column = tmp_path / "column.txt"
    column.write_text(COLUMN, encoding="utf-8")
    out = tmp_path / "report.html"
    assert 0 == main(["report", str(EXAMPLE), str(column), "-o", str(out)])
    return out


def _links(page: str) -> set[tuple[str, str]]:
    """(id, href) of every mark and the link inside it."""
    return set(re.findall(r'<mark[^>]* id="([^"]+)"[^>]*><a class="code" href="#([^"]+)"', page))


def test_every_repair_linked_both_ways(report: Path) -> None:
    """Each repair has an input mark linking to an output mark, and back."""
    page = report.read_text(encoding="utf-8")
    links = _links(page)
    for n, text in enumerate([EXAMPLE.read_text(encoding="utf-8"), COLUMN]):
        for k in range(len(repair(text).repairs)):
            assert {(f"a{n}-in{k}", f"a{n}-out{k}"), (f"a{n}-out{k}", f"a{n}-in{k}")} <= links


def test_self_contained(report: Path) -> None:
    """No network: no external scripts, styles, images or fonts."""
    page = report.read_text(encoding="utf-8")
    assert [] == re.findall(r'(?:src|href)="(?:https?:)?//', page) + re.findall(r"<link", page)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install "
                    "chromium; .ci/run installs it)")
def test_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    """The page loads in Chromium: the DOM holds the highlights; a screenshot is taken."""
    assert CHROMIUM is not None
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"]
    url = report.as_uri()
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True,
                         timeout=120, check=False)
    assert 0 == dom.returncode, dom.stderr[-500:]
    example = repair(EXAMPLE.read_text(encoding="utf-8"))
    marks = re.findall(r'<mark[^>]*id="a0-(in|out)\d+"', dom.stdout)
    assert (len(example.repairs), len(example.repairs)) == (marks.count("in"),
                                                            marks.count("out"))
    assert "Harbour bridge reopens after two-year repair" in dom.stdout
    shot = Path(os.environ.get("NR_SCREENSHOT", tmp_path / "report.png"))
    done = subprocess.run([*flags, f"--screenshot={shot}", "--window-size=1400,1000", url],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (0, True) == (done.returncode, shot.is_file() and shot.stat().st_size > 10_000)
