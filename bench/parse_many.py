#!/usr/bin/env python3
"""Parses every text below a folder with `jianghua.parse_many` and keeps nothing: the Python
side of `bench/python.sh`, whole process (start-up, import and the dicts made included).

    parse_many.py CORPUS [--jobs N]
"""

import argparse
import pathlib

import jianghua

parser = argparse.ArgumentParser()
parser.add_argument("corpus", type=pathlib.Path)
parser.add_argument("--jobs", type=int)
args = parser.parse_args()
paths = sorted(args.corpus.rglob("*.txt"))
failed = sum(isinstance(document, Exception) for _, document in jianghua.parse_many(paths, jobs=args.jobs))
if failed:
    raise SystemExit(f"{failed} of {len(paths)} files failed")
