"""Repairing a corpus on a Dask cluster: ``dask.bag`` and ``dask.dataframe`` helpers.

Needs the ``dask`` extra (``pip install 'newsrepair[dask]'``). The helpers
run the very function that ``newsrepair batch`` runs on each record, so a
cluster gives byte-identical output to a single process::

    import dask.bag as db
    from newsrepair.dask import repair_bag, accepted, rejected

    results = repair_bag(db.read_text("corpus-*.jsonl"), field="text")
    accepted(results).to_textfiles("out/*.jsonl")     # one JSON line per record
    rejected(results).to_textfiles("rejects/*.jsonl")  # nothing dropped silently

    from newsrepair.dask import repair_dataframe
    ddf = repair_dataframe(ddf, column="text")        # adds an "article" JSON column

A bag knows no global line numbers, so a reject names its record by the
``id_field`` (and ``line`` is 0).
"""

from __future__ import annotations

import json
from typing import Any

from ._batch import Options, Result, process_line
from ._config import Config
from ._pipeline import repair

try:
    import dask.bag  # noqa: F401  (fail early, with a hint, without the extra)
except ImportError as err:  # pragma: no cover - only without the extra
    raise ImportError("newsrepair.dask needs dask: pip install 'newsrepair[dask]'") from err

__all__ = ["accepted", "rejected", "repair_bag", "repair_dataframe", "repair_series"]


def _one(record: str | dict[str, Any], options: Options) -> Result:
    raw = record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
    return process_line(0, raw, options)


def repair_bag(
    bag: Any,
    field: str = "text",
    key: str = "article",
    id_field: str = "id",
    config: Config | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of :class:`~newsrepair._batch.Result` for a bag of JSON lines or dicts.

    Each record goes through the very function ``newsrepair batch`` runs;
    :func:`accepted` and :func:`rejected` split the results::

        >>> import json
        >>> import dask.bag as db
        >>> from newsrepair.dask import accepted, rejected, repair_bag
        >>> lines = [json.dumps({"id": "a1", "text": "The com-\\nmittee met."}), "not json"]
        >>> results = repair_bag(db.from_sequence(lines, npartitions=1))
        >>> [line] = accepted(results).compute(scheduler="sync")
        >>> json.loads(line)["article"]["text"]
        'The committee met.'
        >>> len(rejected(results).compute(scheduler="sync"))
        1
    """
    options = Options(field, id_field, key, "utf-8", config or Config())
    return bag.map(_one, options)


def accepted(results: Any) -> Any:
    """The output lines (JSON, with a final newline) of the records that were repaired.

    Every field of the record passes through; the article is added under ``key``::

        >>> import json
        >>> import dask.bag as db
        >>> from newsrepair.dask import accepted, repair_bag
        >>> bag = db.from_sequence([{"id": "a1", "text": "The com-\\nmittee met."}])
        >>> [line] = accepted(repair_bag(bag)).compute(scheduler="sync")
        >>> sorted(json.loads(line)), line.endswith("\\n")
        (['article', 'id', 'text'], True)
    """
    return results.filter(lambda r: r.line is not None).map(lambda r: r.line + "\n")


def rejected(results: Any) -> Any:
    """The reject lines (JSON with ``id`` and ``error``) of the records that failed.

    Nothing is dropped silently: a record without its text field is a reject::

        >>> import json
        >>> import dask.bag as db
        >>> from newsrepair.dask import rejected, repair_bag
        >>> bag = db.from_sequence([{"id": "b7", "body": "no text field"}])
        >>> [line] = rejected(repair_bag(bag)).compute(scheduler="sync")
        >>> json.loads(line)["id"]
        'b7'
    """
    return results.filter(lambda r: r.reject is not None).map(lambda r: r.reject + "\n")


def repair_series(texts: Any, config: Config | None = None) -> Any:
    """A pandas Series of article JSON strings (``None`` where a text is not a string).

    Works on any pandas Series; :func:`repair_dataframe` maps it over the
    partitions of a Dask DataFrame, and Spark's ``mapInPandas`` can call it too.

        >>> import json
        >>> import pandas as pd
        >>> from newsrepair.dask import repair_series
        >>> out = repair_series(pd.Series(["The com-\\nmittee met.", None]))
        >>> json.loads(out[0])["text"], out.isna().tolist()
        ('The committee met.', [False, True])
    """
    chosen = config or Config()

    def one(text: Any) -> str | None:
        if not isinstance(text, str):
            return None
        return json.dumps(repair(text, config=chosen).to_dict(), ensure_ascii=False)

    return texts.map(one)


def repair_dataframe(
    frame: Any, column: str = "text", key: str = "article", config: Config | None = None
) -> Any:
    """``frame`` with a ``key`` column of article JSON made from ``column``.

    ``frame`` is a Dask DataFrame (mapped partition by partition) or a pandas
    DataFrame (repaired at once).

        >>> import json
        >>> import pandas as pd
        >>> from newsrepair.dask import repair_dataframe
        >>> frame = pd.DataFrame({"id": ["a1"], "text": ["The com-\\nmittee met."]})
        >>> repaired = repair_dataframe(frame)
        >>> list(repaired.columns), json.loads(repaired["article"][0])["text"]
        (['id', 'text', 'article'], 'The committee met.')
    """
    series = frame[column]
    if hasattr(series, "map_partitions"):
        repaired = series.map_partitions(repair_series, config, meta=(key, "object"))
    else:
        repaired = repair_series(series, config)
    return frame.assign(**{key: repaired})
