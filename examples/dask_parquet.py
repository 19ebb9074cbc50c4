"""Parse a folder of speeches into Parquet tables with Dask.

    python examples/dask_parquet.py CORPUS OUT [--workers 2] [--partition-size 200]
    python examples/dask_parquet.py CORPUS OUT --scheduler tcp://HOST:8786   # a real cluster

Each Dask task parses one partition of the paths with `jianghua.parse_many` and turns the
documents into the tables of `jianghua.tables`; every table is written to OUT/NAME/ as Parquet
(one file a partition). No scheduling code of ours: the same script runs on a
`distributed.LocalCluster` (the default) or on any cluster whose workers have `jianghua`
installed and see CORPUS at the same path (a shared file system or object store mount).
Prints the rows of each table as JSON.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys
from typing import Dict, List

import dask
import dask.bag as db
import dask.dataframe as dd
import jianghua

# The files a corpus folder holds: speech texts and saved pages.
PATTERNS = ("*.txt", "*.html", "*.htm", "*.shtml")


def corpus_paths(folder: pathlib.Path) -> List[str]:
    """The texts and pages below `folder`, sorted (paths as strings travel to any worker)."""
    return sorted(str(path) for pattern in PATTERNS for path in folder.rglob(pattern) if path.is_file())


def parse_partition(paths: List[str]) -> List[Dict[str, "object"]]:
    """One task: the tables of a partition's documents (failures land in `errors`)."""
    return [jianghua.tables(jianghua.parse_many(paths, jobs=1))]


def corpus_to_parquet(paths: List[str], out: pathlib.Path, partition_size: int) -> Dict[str, int]:
    """Writes every table of the corpus under `out`; returns the rows written per table."""
    tables_of_partitions = db.from_sequence(paths, partition_size=partition_size).map_partitions(parse_partition).to_delayed()
    empty = jianghua.tables([])  # the columns and dtypes of every table
    writes = []
    for name in jianghua.SCHEMA:
        parts = [dask.delayed(lambda part, name=name: part[0][name])(part) for part in tables_of_partitions]
        frame = dd.from_delayed(parts, meta=empty[name], verify_meta=False)
        writes.append(frame.to_parquet(out / name, write_index=False, compute=False))
    # One computation for all tables: each partition is parsed once.
    dask.compute(*writes)
    return {name: len(dd.read_parquet(out / name)) for name in jianghua.SCHEMA}


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--partition-size", type=int, default=200, help="paths per task (default 200)")
    parser.add_argument("--scheduler", help="address of a running cluster's scheduler instead of a local one")
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    paths = corpus_paths(args.corpus)
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        client = Client(LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None))
    with client:
        counts = corpus_to_parquet(paths, args.out, args.partition_size)
    print(json.dumps({"files": len(paths), "rows": counts}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
