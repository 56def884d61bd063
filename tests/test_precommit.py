"""The pre-commit hooks, run by the real ``pre-commit try-repo`` against this checkout.

A temporary git repository holds a damaged and a clean article; the check
hook must fail on it, the fix hook must repair the damaged file (and fail,
so the user reviews), and then both must pass. Skipped when this folder is
not a git checkout, pre-commit is not installed, or pre-commit cannot build
the hook's environment (no network to the package index).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsrepair import repair
from test_api import COLUMN as DAMAGED

ROOT = Path(__file__).resolve().parents[1]
CLEAN = "The council met on Monday.\n\n-30-\n"
PLAIN = "Council meets\n\nThe council met on Monday and agreed the budget.\n"


def _git_checkout() -> bool:
    if shutil.which("git") is None:
        return False
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--show-toplevel"],
                          capture_output=True, text=True, check=False)
    return done.returncode == 0 and Path(done.stdout.strip()).resolve() == ROOT


def _pre_commit() -> list[str] | None:
    found = shutil.which("pre-commit", path=os.path.dirname(sys.executable))
    found = found or shutil.which("pre-commit")
    return [found] if found else None


pytestmark = [
    pytest.mark.skipif(not _git_checkout(), reason=f"{ROOT} is not a git checkout"),
    pytest.mark.skipif(_pre_commit() is None, reason="pre-commit is not installed (test extra)"),
]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository with one damaged and one clean article, staged."""
    repo = tmp_path / "articles"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "damaged.txt").write_text(DAMAGED, encoding="utf-8")
    (repo / "clean.md").write_text(CLEAN, encoding="utf-8")
    (repo / "plain.txt").write_text(PLAIN, encoding="utf-8")
    (repo / "data.csv").write_text("a,b\n", encoding="utf-8")
    _git(repo, "add", ".")
    return repo


def _try(repo: Path, hook: str) -> subprocess.CompletedProcess[str]:
    command = _pre_commit()
    assert command is not None
    env = dict(os.environ, PRE_COMMIT_COLOR="never", GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    done = subprocess.run([*command, "try-repo", str(ROOT), hook, "--all-files"], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=900, check=False)
    if "An unexpected error has occurred" in done.stdout + done.stderr:
        pytest.skip(f"pre-commit could not install the hook (no package index?): "
                    f"{(done.stdout + done.stderr).strip().splitlines()[-1]}")
    return done


def test_check_hook_fails_on_damage_then_fix_hook_repairs(repo: Path) -> None:
    """check fails; fix repairs (clean files untouched) and fails; then both pass."""
    first = _try(repo, "newsrepair-check")
    assert (1, True, False, False) == (
        first.returncode, "damaged.txt:5:43: R301" in first.stdout,
        "clean.md:" in first.stdout, "plain.txt:" in first.stdout)
    fixed = _try(repo, "newsrepair-fix")
    assert (1, repair(DAMAGED).to_text(), CLEAN, PLAIN) == (
        fixed.returncode, (repo / "damaged.txt").read_text(encoding="utf-8"),
        (repo / "clean.md").read_text(encoding="utf-8"),
        (repo / "plain.txt").read_text(encoding="utf-8"))
    _git(repo, "add", ".")
    assert (0, 0) == (_try(repo, "newsrepair-check").returncode,
                      _try(repo, "newsrepair-fix").returncode)
