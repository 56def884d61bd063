"""The command line: ``fix``, ``check``, ``explain``, ``rules``, settings and errors.

Most tests call :func:`newsrepair._cli.main` with an argument list (fast,
parser-level); a few run ``python -m newsrepair`` as a subprocess to see exit
codes, stderr and the absence of tracebacks as a user would.
"""

from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from newsrepair import Article, __version__, repair
from newsrepair._cli import main
from test_api import COLUMN as DAMAGED

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour_bridge.txt"
CLEAN = "The council met on Monday.\n\n-30-\n"


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    return subprocess.run(
        [sys.executable, "-m", "newsrepair", *args], cwd=cwd or ROOT, env=env,
        capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A damaged article file in a fresh folder."""
    path = tmp_path / "story.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    return path


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


# ---------------------------------------------------------------- fix


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``--version`` prints the package version."""
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert (0, f"newsrepair {__version__}\n") == (done.value.code, capsys.readouterr().out)


@pytest.mark.parametrize("command", ["fix", "check", "explain", "report", "batch", "rules"])
def test_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every command has --help text."""
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert (0, True) == (done.value.code, f"newsrepair {command}" in out and len(out) > 200)


def test_fix_prints_canonical_text(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``fix FILE`` prints the repaired article in the text layout."""
    assert 0 == main(["fix", str(damaged)])
    assert repair(DAMAGED).to_text() == capsys.readouterr().out


def test_fix_markdown_file_gets_markdown(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """``--format auto`` writes Markdown for a .md file."""
    path = tmp_path / "story.md"
    path.write_text(DAMAGED, encoding="utf-8")
    assert 0 == main(["fix", str(path)])
    assert repair(DAMAGED).to_markdown() == capsys.readouterr().out


def test_fix_json(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` prints ``Article.to_dict()``."""
    assert 0 == main(["fix", "--format", "json", str(damaged)])
    assert repair(DAMAGED) == Article.from_dict(json.loads(capsys.readouterr().out))


def test_legacy_invocation_means_fix(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``newsrepair FILE`` without a command still works: it is ``fix``."""
    assert 0 == main([str(damaged)])
    assert repair(DAMAGED).to_text() == capsys.readouterr().out


def test_stdin_is_decoded_with_encoding(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """``-`` reads bytes from stdin and decodes them with ``--encoding``."""
    text = "Café owners said the new tram line would help trade.\n"
    _stdin(monkeypatch, text.encode("latin-1"))
    assert 0 == main(["fix", "--encoding", "latin-1", "-"])
    assert repair(text).to_text() == capsys.readouterr().out


def test_stdin_undecodable(monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes that are not valid in the encoding: exit 2 and one line naming stdin."""
    _stdin(monkeypatch, "Café\n".encode("latin-1"))
    assert 2 == main(["fix", "-"])
    err = capsys.readouterr().err
    assert (1, True) == (err.count("\n"), err.startswith("newsrepair: error: -: byte 3"))


def test_in_place_rewrites_atomically_and_keeps_mode(damaged: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """``--in-place`` writes the fix, keeps the file's mode and leaves no temp file."""
    damaged.chmod(0o640)
    assert 0 == main(["fix", "--in-place", str(damaged)])
    assert (repair(DAMAGED).to_text(), 0o640, ["story.txt"]) == (
        damaged.read_text(encoding="utf-8"), stat.S_IMODE(damaged.stat().st_mode),
        sorted(p.name for p in damaged.parent.iterdir()))
    assert "1 file fixed, 0 files left unchanged" in capsys.readouterr().err


def test_fix_twice_changes_nothing(damaged: Path) -> None:
    """A fixed file is not touched again: same bytes, same mtime."""
    main(["fix", "-i", "-q", str(damaged)])
    os.utime(damaged, (1_000_000_000, 1_000_000_000))
    fixed = damaged.read_bytes()
    assert 0 == main(["fix", "-i", "-q", str(damaged)])
    assert (fixed, 1_000_000_000) == (damaged.read_bytes(), int(damaged.stat().st_mtime))


def test_clean_file_is_left_alone(tmp_path: Path) -> None:
    """A file with nothing to repair: check is clean and fix does not touch it."""
    path = tmp_path / "clean.txt"
    path.write_text("Harbour reopens\n\nThe harbour reopened on Monday.\n", encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    before = path.read_bytes()
    assert (0, 0, 0) == (main(["check", str(path)]), main(["fix", "-i", "-q", str(path)]),
                         main(["fix", "--diff", "-q", str(path)]))
    assert (before, 1_000_000_000) == (path.read_bytes(), int(path.stat().st_mtime))


def test_explain_canonical(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fixed file has nothing to explain."""
    main(["fix", "-i", "-q", str(damaged)])
    assert 0 == main(["explain", str(damaged)])
    assert "already repaired" in capsys.readouterr().out


def test_diff_shows_and_does_not_write(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--diff`` prints a unified diff, exits 1 and leaves the file alone."""
    assert 1 == main(["fix", "--diff", str(damaged)])
    out = capsys.readouterr().out
    assert (True, True, DAMAGED) == ("+++ " in out, "+-30-" in out,
                                     damaged.read_text(encoding="utf-8"))


def test_exit_non_zero_on_fix(damaged: Path) -> None:
    """``--exit-non-zero-on-fix`` makes a fix fail (for hooks), and a clean run pass."""
    assert (1, 0) == (main(["fix", "-i", "-q", "--exit-non-zero-on-fix", str(damaged)]),
                      main(["fix", "-i", "-q", "--exit-non-zero-on-fix", str(damaged)]))


def test_undecodable_file_left_as_it_was(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Undecodable bytes: exit 2, one line naming the file, the file unchanged."""
    path = tmp_path / "latin.txt"
    data = "Café com-\nmuters\n".encode("latin-1")
    path.write_bytes(data)
    assert 2 == main(["fix", "-i", str(path)])
    err = capsys.readouterr().err
    assert (data, 1, True) == (path.read_bytes(), err.count("newsrepair: error"),
                               f"{path}: byte 3 is not valid utf-8" in err and "--encoding" in err)


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "permission denied"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    ],
)
def test_write_failure_leaves_file(damaged: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str], failure: OSError,
                                   expected: str) -> None:
    """No write permission or a full disk: one line, the original intact, no temp file."""
    def fail(_fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    assert 2 == main(["fix", "-i", "-q", str(damaged)])
    err = capsys.readouterr().err
    assert (DAMAGED, ["story.txt"], True) == (
        damaged.read_text(encoding="utf-8"), sorted(p.name for p in damaged.parent.iterdir()),
        expected in err and "the file was left as it was" in err)


def test_unwritable_folder(damaged: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    """A folder where no temp file can be made (read-only): exit 2, one line."""
    import tempfile

    def refuse(*_a: object, **_k: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert 2 == main(["fix", "-i", str(damaged)])
    assert "permission denied" in capsys.readouterr().err


def test_folder_is_expanded(tmp_path: Path) -> None:
    """A folder stands for its text and Markdown files (hidden folders skipped)."""
    (tmp_path / "a.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "d.bin").write_bytes(b"\xff")
    assert 0 == main(["fix", "-i", "-q", str(tmp_path)])
    assert (repair(DAMAGED).to_text(), repair(DAMAGED).to_markdown(), DAMAGED) == (
        (tmp_path / "a.txt").read_text(encoding="utf-8"),
        (tmp_path / "sub" / "b.md").read_text(encoding="utf-8"),
        (tmp_path / ".git" / "c.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["fix", "no/such.txt"], "no/such.txt: no such file; check the path"),
        (["check", "--encoding", "nope", "x.txt"], "unknown encoding 'nope'"),
        (["fix", "-i", "-"], "cannot be fixed in place"),
        (["check", "--select", "X9", "x.txt"], "unknown rule code(s) X9"),
        (["check", "--passes", "hyphens,normalise", "x.txt"], "pipeline order"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Usage errors exit 2 with one line that says what to do."""
    assert 2 == main(argv)
    err = capsys.readouterr().err
    assert (1, True) == (err.count("\n"), message in err)


def test_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder with no text files is an error, not silence."""
    assert 2 == main(["check", str(tmp_path)])
    assert "a folder with no .txt" in capsys.readouterr().err


def test_errors_have_no_traceback(tmp_path: Path) -> None:
    """As a user sees it: missing file, folder, bad bytes, bad encoding: one line, exit 2."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa")
    runs = [_run("fix", "no/such.txt"), _run("check", str(tmp_path / "nothing")),
            _run("check", str(bad)), _run("fix", "--encoding", "nope", str(bad)),
            _run(str(tmp_path))]
    assert [(2, False, 1)] * 5 == [
        (r.returncode, "Traceback" in r.stderr, r.stderr.count("\n")) for r in runs
    ]


def test_broken_pipe_is_quiet() -> None:
    """``newsrepair fix FILE | head -1`` prints no error."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        f"{sys.executable} -m newsrepair fix --format json {EXAMPLE} | head -c 10",
        shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert ("", 10) == (done.stderr, len(done.stdout))


# ---------------------------------------------------------------- check


def test_check_reports_and_exits_1(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One ``path:line:col: CODE message`` line per repair; exit 1."""
    assert 1 == main(["check", str(damaged)])
    out = capsys.readouterr().out
    assert f"{damaged}:5:43: R301 dehyphenate: '…ular com-⏎muters …' → '…ular commuters …' (0.95)" \
        in out


def test_check_clean_and_fixed(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fixed file is clean: exit 0 and nothing printed."""
    main(["fix", "-i", "-q", str(damaged)])
    capsys.readouterr()
    assert (0, "") == (main(["check", str(damaged)]), capsys.readouterr().out)


def test_check_changes_nothing(damaged: Path) -> None:
    """``check`` never writes."""
    main(["check", str(damaged)])
    assert DAMAGED == damaged.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("flags", "status"),
    [(["--select", "W"], 0), (["--select", "R3"], 1), (["--ignore", "R301"], 0),
     (["--select", "R,W", "--ignore", "R30"], 0), (["--exit-zero"], 0)],
)
def test_select_ignore(damaged: Path, flags: list[str], status: int) -> None:
    """``--select`` and ``--ignore`` take codes and prefixes."""
    assert status == main(["check", *flags, str(damaged)])


def test_check_json_and_github(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--format json`` is a list of diagnostics; ``github`` gives workflow annotations."""
    main(["check", "--format", "json", str(damaged)])
    data = json.loads(capsys.readouterr().out)
    main(["check", "--format", "github", str(damaged)])
    out = capsys.readouterr().out
    assert (["R301"], 5, 43) == ([d["code"] for d in data], data[0]["line"], data[0]["col"])
    assert out.startswith(f"::warning file={damaged},line=5,col=43,title=R301::R301 dehyphenate")


def test_statistics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--statistics`` counts per code."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(DAMAGED, encoding="utf-8")
    main(["check", "--statistics", str(tmp_path)])
    assert "     2\tR301\tdehyphenate\n" == capsys.readouterr().out


def test_baseline(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A baseline makes today's damage green; new damage still fails; line moves survive."""
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(DAMAGED, encoding="utf-8")
    assert 0 == main(["check", "--write-baseline", "baseline.json", "story.txt"])
    data = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert ["story.txt"] == list(data["files"])
    assert 0 == main(["check", "--baseline", "baseline.json", "story.txt"])
    # Lines added above move the old damage; it stays known. New damage is reported.
    story.write_text("A new first line was added here.\n\n" + DAMAGED
                     + "\nThe ferry will run ev-\nery hour in summer.\n", encoding="utf-8")
    capsys.readouterr()
    assert 1 == main(["check", "--baseline", "baseline.json", "story.txt"])
    out = capsys.readouterr().out
    assert (1, True) == (out.count("\n"), "ev-⏎ery" in out)


def test_missing_baseline(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A baseline that does not exist says how to make one."""
    assert 2 == main(["check", "--baseline", "nope.json", str(damaged)])
    assert "make one with --write-baseline" in capsys.readouterr().err


# ---------------------------------------------------------------- settings


def _pyproject(folder: Path, body: str) -> None:
    (folder / "pyproject.toml").write_text(f"[tool.newsrepair]\n{body}\n", encoding="utf-8")


def test_pyproject_settings(damaged: Path) -> None:
    """``[tool.newsrepair]`` builds the Config: a high bar turns repairs into findings."""
    _pyproject(damaged.parent, "min-confidence = 0.99")
    assert 1 == main(["check", "--select", "W", str(damaged)])
    # The flag wins over the file.
    assert 0 == main(["check", "--select", "W", "--min-confidence", "0.5", str(damaged)])


def test_pyproject_nearest_above(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The nearest pyproject.toml above the files is used; per-file ignores apply."""
    _pyproject(damaged.parent, '[tool.newsrepair.per-file-ignores]\n"story.txt" = ["R3"]')
    sub = damaged.parent / "deeper"
    sub.mkdir()
    (sub / "other.txt").write_text(DAMAGED, encoding="utf-8")
    assert (0, 1) == (main(["check", str(damaged)]), main(["check", str(sub / "other.txt")]))


def test_pyproject_unknown_key(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown key is an error that names it."""
    _pyproject(damaged.parent, 'min-confidance = 0.9\nlanguage = "en"')
    assert 2 == main(["check", str(damaged)])
    err = capsys.readouterr().err
    assert (1, True) == (err.count("\n"), "unknown [tool.newsrepair] key(s) min-confidance" in err)


def test_pyproject_bad_value(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad value is reported with the file it came from."""
    _pyproject(damaged.parent, 'language = "English"')
    assert 2 == main(["check", str(damaged)])
    assert "pyproject.toml: language must be a language code" in capsys.readouterr().err


def test_config_flag(damaged: Path, tmp_path: Path) -> None:
    """``--config`` names the settings file explicitly."""
    other = tmp_path / "elsewhere"
    other.mkdir()
    _pyproject(other, 'ignore = ["R"]')
    assert 0 == main(["check", "--config", str(other / "pyproject.toml"), str(damaged)])


# ---------------------------------------------------------------- explain and rules


def test_explain_shows_context(capsys: pytest.CaptureFixture[str]) -> None:
    """Every repair with before/after in context; a join shows what it joined."""
    assert 0 == main(["explain", "--color", "never", str(EXAMPLE)])
    out = capsys.readouterr().out
    assert "''" not in out.replace("'commuters' is", "")
    join = out[out.index("R201 join") :].splitlines()
    assert ("could⏎⏎The Northgate Courier" in join[1], "could push a screwdriver" in join[2],
            join[3].startswith("    evidence: paragraph rejoined")) == (True, True, True)


def test_explain_colour(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--color always`` paints the edit; ``never`` (and a pipe) does not."""
    main(["explain", "--color", "always", str(damaged)])
    painted = capsys.readouterr().out
    main(["explain", str(damaged)])
    assert ("\033[31m-\033[0m" in painted, "\033[" in capsys.readouterr().out) == (True, False)


def test_rules(capsys: pytest.CaptureFixture[str]) -> None:
    """``rules`` lists every code."""
    assert 0 == main(["rules"])
    assert "R301\tdehyphenate\t" in capsys.readouterr().out


def test_subprocess_check_exit_codes(damaged: Path, tmp_path: Path) -> None:
    """``python -m newsrepair check``: 1 on damage, 0 when clean."""
    clean = tmp_path / "clean.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    assert (1, 0) == (_run("check", str(damaged)).returncode, _run("check", str(clean)).returncode)


def test_join_before_is_what_it_replaced() -> None:
    """A join changes order, not characters: ``before`` and ``after`` are empty.

    Its span covers what it joined across (a blank line, a running head),
    and that material keeps its own place (the furniture), so it is not in
    ``before`` twice; explain and check show the span's input text.
    """
    text = EXAMPLE.read_text(encoding="utf-8")
    joins = [r for r in repair(text).repairs if r.kind == "join"]
    assert joins
    assert [("", "")] * len(joins) == [(r.before, r.after) for r in joins]
    assert all(r.span[1] > r.span[0] for r in joins)
