"""Parse a folder of speeches with Spark, by either of two recipes.

    python examples/spark_corpus.py CORPUS OUT --recipe pandas [--master local[2]]
    python examples/spark_corpus.py CORPUS OUT --recipe pipe --jianghua /path/to/jianghua

`pandas`: the package in `mapInPandas`. A DataFrame of paths is split into partitions; each
Python worker parses its batches with `jianghua.parse_many` into documents (kept in memory), from
which each table of `jianghua.tables` is made and written to OUT/NAME as Parquet. Workers need the
package.

`pipe`: the command line in `RDD.pipe`. Each partition's paths go to `xargs -r jianghua convert
--jsonl` on the executor's stdin; its output lines (`{"path", "document"}`) are written to
OUT/jsonl as text. Workers need only the binary; read the lines back with `spark.read.json` or
`jianghua.tables((l["path"], l["document"]) for l in map(json.loads, lines))`.

The paths must be readable at the same place by every executor. Prints what was written and the
time it took, as JSON. Spark needs Java 17 or later (`java -version`).
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
import time
from typing import Iterator

import jianghua

SPARK_TYPES = {"str": "string", "int": "long", "float": "double", "bool": "boolean"}


def spark_schema(table: str) -> str:
    """A table of `jianghua.SCHEMA` as a Spark DDL schema."""
    return ", ".join(f"`{column}` {SPARK_TYPES[kind]}" for column, kind in jianghua.SCHEMA[table])


def parsed_batches(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:
    """Paths → `(path, document, error)`: the document's JSON, or the failure's fields as JSON."""
    import pandas as pd

    for batch in batches:
        rows = []
        for path, parsed in jianghua.parse_many(list(batch["path"]), jobs=1):
            if isinstance(parsed, dict):
                rows.append((path, json.dumps(parsed, ensure_ascii=False), None))
            else:
                fields = {k: getattr(parsed, k) for k in ("code", "path", "line", "column", "offset")}
                rows.append((path, None, json.dumps({"message": parsed.message, **fields}, ensure_ascii=False)))
        yield pd.DataFrame(rows, columns=["path", "document", "error"])


def table_of(name: str):
    """The `mapInPandas` function turning parsed batches into the rows of table `name`."""

    def rows_of(batches: Iterator["pandas.DataFrame"]) -> Iterator["pandas.DataFrame"]:
        for batch in batches:
            items = [
                (path, json.loads(document) if document is not None else jianghua.JianghuaError(**json.loads(error)))
                for path, document, error in zip(batch["path"], batch["document"], batch["error"])
            ]
            frame = jianghua.tables(items)[name]
            # Plain values (None for missing) for Arrow's conversion into Spark.
            yield frame.astype(object).where(frame.notna(), None)

    return rows_of


def with_pandas(spark, paths, out: pathlib.Path, partitions: int) -> dict:
    files = spark.createDataFrame([(p,) for p in paths], "path string").repartition(partitions)
    # Parsed once, kept for the tables made from it.
    parsed = files.mapInPandas(parsed_batches, "path string, document string, error string").cache()
    rows = {}
    for name in jianghua.SCHEMA:
        parsed.mapInPandas(table_of(name), spark_schema(name)).write.mode("overwrite").parquet(str(out / name))
        rows[name] = spark.read.parquet(str(out / name)).count()
    return rows


def with_pipe(spark, paths, out: pathlib.Path, partitions: int, binary: str) -> dict:
    lines = spark.sparkContext.parallelize(paths, partitions).pipe(f"xargs -r {binary} --quiet convert --jsonl")
    lines.saveAsTextFile(str(out / "jsonl"))
    documents = spark.read.json(str(out / "jsonl"))
    return {"documents": documents.count()}


def main(argv) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--recipe", choices=("pandas", "pipe"), default="pandas")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--jianghua", default="jianghua", help="the binary, for --recipe pipe")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    paths = sorted(str(p) for pattern in ("*.txt", "*.html", "*.htm") for p in args.corpus.rglob(pattern))
    spark = SparkSession.builder.master(args.master).appName("jianghua").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter()
    try:
        if args.recipe == "pandas":
            rows = with_pandas(spark, paths, args.out, args.partitions)
        else:
            rows = with_pipe(spark, paths, args.out, args.partitions, args.jianghua)
    finally:
        elapsed = time.perf_counter() - started
        spark.stop()
    print(json.dumps({"recipe": args.recipe, "files": len(paths), "rows": rows, "seconds": round(elapsed, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
