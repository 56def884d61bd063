"""``newsrepair batch``: JSONL, folders and Parquet; order, parallelism, rejects, resume."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from newsrepair import Article, _batch, repair
from newsrepair._cli import main
from test_api import COLUMN

TEXTS = [
    COLUMN,
    "Farmers in the valley have spent the winter\narguing with the water board over a\n"
    "plan to cap how much they may draw from the\nriver during dry months under the new environ-\n"
    "\nmental rules, which take effect in April.\n",
    "The council met on Monday.\n",
    "IRNA: What now?\n\nMASOUDI: We wait and see.\n\nIRNA: And then?\n\nMASOUDI: We go on.\n",
]


def _jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n"
                            for r in records), encoding="utf-8")
    return path


def _records(n: int) -> list[dict[str, Any]]:
    return [{"id": f"doc{k}", "text": TEXTS[k % len(TEXTS)], "source": "test"} for k in range(n)]


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_passes_fields_through(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every record comes out in order with its fields and the article under ``--key``."""
    source = _jsonl(tmp_path / "in.jsonl", _records(6))
    out = tmp_path / "out.jsonl"
    assert 0 == main(["batch", str(source), "-o", str(out), "--key", "repaired"])
    got = _lines(out)
    assert [(f"doc{k}", "test") for k in range(6)] == [(r["id"], r["source"]) for r in got]
    assert [repair(TEXTS[k % 4]) for k in range(6)] == [Article.from_dict(r["repaired"])
                                                       for r in got]
    err = capsys.readouterr().err
    assert ("newsrepair batch: 6 documents (0 rejected)" in err, "repairs: " in err,
            "dehyphenate" in err, "findings: " in err, "\r" in err) == (True, True, True, True,
                                                                       False)


def test_failures_are_rejected_not_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Bad JSON, a non-object, a missing field and a raising repair go to the rejects file."""
    real = _batch.repair

    def flaky(text: str, **kw: Any) -> Article:
        if "explode" in text:
            raise RuntimeError("boom")
        return real(text, **kw)

    monkeypatch.setattr(_batch, "repair", flaky)
    source = _jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": TEXTS[0]}, "{not json", "[1, 2]", {"id": "d", "body": "x"},
        "", {"id": "e", "text": "explode"}, {"id": "f", "text": TEXTS[2]},
    ])
    out = tmp_path / "out.jsonl"
    assert 0 == main(["batch", str(source), "-o", str(out)])
    rejects = _lines(tmp_path / "out.jsonl.rejects.jsonl")
    assert ["a", "f"] == [r["id"] for r in _lines(out)]
    assert [(2, None), (3, None), (4, "d"), (6, "e")] == [(r["line"], r["id"]) for r in rejects]
    assert ["not JSON", "not a JSON object", "no text", "repair failed: RuntimeError: boom"] == [
        r["error"].split(":")[0] if r["line"] < 6 else r["error"] for r in rejects]
    assert "4 rejected records are in" in capsys.readouterr().err


def test_two_jobs_same_output(tmp_path: Path) -> None:
    """``--jobs 2`` gives byte-identical output in the same order."""
    source = _jsonl(tmp_path / "in.jsonl", _records(40))
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert 0 == main(["batch", str(source), "-o", str(one)])
    assert 0 == main(["batch", str(source), "-o", str(two), "--jobs", "2", "--chunksize", "3"])
    assert one.read_bytes() == two.read_bytes()


def test_window_is_bounded(tmp_path: Path) -> None:
    """The pool is fed through a window: it never holds the whole input."""
    pulled: list[int] = []
    seen_when_first_result: list[int] = []

    def tasks() -> Any:
        for k in range(200):
            pulled.append(k)
            yield k + 1, json.dumps({"text": "Short."}), False

    for k, _result in enumerate(_batch.results(tasks(), _batch.Options(), 2, 2)):
        if k == 0:
            seen_when_first_result.append(len(pulled))
    assert seen_when_first_result[0] <= 4 * 2 * 2 + 2 * 2
    assert 200 == len(pulled)


def test_folder_of_txt(tmp_path: Path) -> None:
    """A folder of .txt files: one record per file, named by its path, sorted."""
    folder = tmp_path / "texts"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(TEXTS[0], encoding="utf-8")
    (folder / "sub" / "a.txt").write_text(TEXTS[1], encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\xff\xfe bad")
    out = tmp_path / "out.jsonl"
    assert 0 == main(["batch", str(folder), "-o", str(out)])
    assert [("b.txt", repair(TEXTS[0])), ("sub/a.txt", repair(TEXTS[1]))] == [
        (r["id"], Article.from_dict(r["article"])) for r in _lines(out)]
    assert ["c.txt"] == [r["id"] for r in _lines(tmp_path / "out.jsonl.rejects.jsonl")]


def test_resume_after_interruption(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An interrupted run (cut mid-line) resumed with ``--resume`` gives the full output."""
    records = _records(12)
    records[4] = "{broken"
    source = _jsonl(tmp_path / "in.jsonl", records)
    whole, cut = tmp_path / "whole.jsonl", tmp_path / "cut.jsonl"
    assert 0 == main(["batch", str(source), "-o", str(whole)])
    real_add = _batch.Tally.add

    def interrupt(self: _batch.Tally, result: _batch.Result) -> None:
        if self.documents == 7:
            raise KeyboardInterrupt
        real_add(self, result)

    monkeypatch.setattr(_batch.Tally, "add", interrupt)
    assert 130 == main(["batch", str(source), "-o", str(cut)])
    monkeypatch.setattr(_batch.Tally, "add", real_add)
    with open(cut, "a", encoding="utf-8") as handle:
        handle.write('{"id": "half a li')  # as if killed in the middle of a write
    assert 2 == main(["batch", str(source), "-o", str(cut)])  # refuses to overwrite
    assert 0 == main(["batch", str(source), "-o", str(cut), "--resume"])
    assert (whole.read_bytes(), Path(f"{whole}.rejects.jsonl").read_bytes()) == (
        cut.read_bytes(), Path(f"{cut}.rejects.jsonl").read_bytes())


def test_resume_after_kill(tmp_path: Path) -> None:
    """A run killed from outside (SIGKILL) and resumed gives the full output."""
    source = _jsonl(tmp_path / "in.jsonl", _records(120))
    whole, cut = tmp_path / "whole.jsonl", tmp_path / "cut.jsonl"
    assert 0 == main(["batch", str(source), "-o", str(whole)])
    command = [sys.executable, "-m", "newsrepair", "batch", str(source), "-o", str(cut)]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    try:
        # Kill as soon as some output is there (or the run ends by itself).
        while process.poll() is None and (not cut.exists() or cut.stat().st_size < 2000):
            time.sleep(0.01)
    finally:
        process.kill()
        process.wait()
    assert 0 == main(["batch", str(source), "-o", str(cut), "--resume"])
    assert whole.read_bytes() == cut.read_bytes()


def test_progress_line_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--progress always`` draws a progress line with rate and ETA."""
    source = _jsonl(tmp_path / "in.jsonl", _records(3))
    assert 0 == main(["batch", str(source), "-o", str(tmp_path / "o.jsonl"),
                      "--progress", "always"])
    err = capsys.readouterr().err
    assert ("\r" in err and "/3 articles" in err and "ETA" in err) is True


def test_parquet_input(tmp_path: Path) -> None:
    """A Parquet file is read in batches like JSONL (needs pyarrow)."""
    pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (parquet extra)")
    pq = pytest.importorskip("pyarrow.parquet")
    records = _records(5)
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "in.parquet")
    _jsonl(tmp_path / "in.jsonl", records)
    from_parquet, from_jsonl = tmp_path / "p.jsonl", tmp_path / "j.jsonl"
    assert 0 == main(["batch", str(tmp_path / "in.parquet"), "-o", str(from_parquet)])
    assert 0 == main(["batch", str(tmp_path / "in.jsonl"), "-o", str(from_jsonl)])
    assert from_jsonl.read_bytes() == from_parquet.read_bytes()
