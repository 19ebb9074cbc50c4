#!/usr/bin/env python3
"""`parse_many`'s own speed-up: in one process, after one warm-up run of each, the same files
parsed with 1 and with 2 jobs alternately, every `(path, dict)` taken. Python's start-up, the
imports and the listing of the files, which the whole-process runs of `bench/python.sh` include
and no number of jobs shortens, are outside the times.

    parse_many_jobs.py CORPUS [--runs R]
"""

import argparse
import pathlib
import statistics
import time

import jianghua

parser = argparse.ArgumentParser()
parser.add_argument("corpus", type=pathlib.Path)
parser.add_argument("--runs", type=int, default=15)
args = parser.parse_args()
paths = sorted(args.corpus.rglob("*.txt"))


def run(jobs: int) -> float:
    start = time.perf_counter()
    failed = sum(isinstance(document, Exception) for _, document in jianghua.parse_many(paths, jobs=jobs))
    elapsed = time.perf_counter() - start
    if failed:
        raise SystemExit(f"{failed} of {len(paths)} files failed")
    return elapsed


times: dict[int, list[float]] = {1: [], 2: []}
for jobs in times:
    run(jobs)
for _ in range(args.runs):
    for jobs, runs in times.items():
        runs.append(run(jobs))
median = {jobs: statistics.median(runs) for jobs, runs in times.items()}
print(f"parse_many in one process, {len(paths)} documents, {args.runs} alternating runs (median, min):")
for jobs, runs in times.items():
    print(f"  {jobs} job(s): {median[jobs] * 1000:.1f} ms, {min(runs) * 1000:.1f} ms")
print(f"  2 jobs against 1: {median[1] / median[2]:.2f}x faster")
