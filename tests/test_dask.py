"""``newsrepair.dask`` on a real ``dask.distributed.LocalCluster`` with two workers.

The cluster's output must be byte-identical to single-process ``newsrepair
batch``. Skipped when the ``dask`` extra is not installed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsrepair._cli import main
from test_batch import _jsonl, _records

pytest.importorskip("dask.bag", reason="dask is not installed (the dask extra)")
distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
pd = pytest.importorskip("pandas", reason="pandas is not installed (the dask extra)")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a local cluster: two worker processes, one thread each."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as connected:
        yield connected


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A JSONL corpus with one bad record."""
    records: list[Any] = list(_records(30))
    records[7] = "{not json"
    return _jsonl(tmp_path / "in.jsonl", records)


def test_bag_matches_batch(client: Any, corpus: Path, tmp_path: Path) -> None:
    """Lines and rejects from the cluster equal the batch command's, byte for byte."""
    import dask.bag as db

    from newsrepair.dask import accepted, rejected, repair_bag

    out = tmp_path / "out.jsonl"
    assert 0 == main(["batch", str(corpus), "-o", str(out)])
    results = repair_bag(db.read_text(str(corpus), blocksize=2000))
    assert 1 < results.npartitions
    lines, bad = client.compute([accepted(results), rejected(results)], sync=True)
    assert out.read_text(encoding="utf-8") == "".join(lines)
    assert (1, "not JSON") == (len(bad), json.loads(bad[0])["error"][:8])


def test_dataframe_matches_batch(client: Any, corpus: Path, tmp_path: Path) -> None:
    """A Dask DataFrame gets the same articles as batch, in the same order."""
    import dask.dataframe as dd

    from newsrepair.dask import repair_dataframe

    records = _records(30)
    out = tmp_path / "out.jsonl"
    assert 0 == main(["batch", str(_jsonl(tmp_path / "ok.jsonl", records)), "-o", str(out)])
    frame = dd.from_pandas(pd.DataFrame(records), npartitions=3)
    done = client.compute(repair_dataframe(frame), sync=True)
    expected = [json.dumps(json.loads(line)["article"], ensure_ascii=False)
                for line in out.read_text(encoding="utf-8").splitlines()]
    assert expected == list(done["article"])


def test_series_on_pandas() -> None:
    """``repair_series`` works on plain pandas too (Spark's mapInPandas uses it)."""
    from newsrepair import Article, repair
    from newsrepair.dask import repair_dataframe

    frame = repair_dataframe(pd.DataFrame({"text": ["com-\nmuters wait.", None]}))
    got = [Article.from_dict(json.loads(v)) if isinstance(v, str) else None
           for v in frame["article"]]
    assert [repair("com-\nmuters wait."), None] == got
