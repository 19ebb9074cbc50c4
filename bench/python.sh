#!/usr/bin/env bash
# The Python package against the command line on the same corpus: `jianghua.parse_many` (every
# document made into a dict) beside `jianghua convert --jsonl` (every document written as JSON),
# on 1 and 2 jobs, whole processes, alternating runs (bench/alternate.py); then parse_many's own
# speed-up from 1 to 2 jobs, timed inside one process (bench/parse_many_jobs.py).
#
#   bench/python.sh [--files N] [--runs R] [--out FILE]
#
# PYTHON (default python3) must have the package installed from this checkout in release
# (`pip install ./python`); the binaries are built here in release.
set -euo pipefail
cd "$(dirname "$0")/.."
files=1000 runs=5 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "error: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
python=${PYTHON:-python3}
"$python" -c 'import jianghua' || { echo "error: $python cannot import jianghua (pip install ./python)" >&2; exit 1; }
cargo build --release --locked --quiet --bin jianghua --example make_corpus
work=$(mktemp -d -t jianghua-pybench.XXXXXX)
trap 'rm -rf "$work"' EXIT
target/release/examples/make_corpus "$work/corpus" "$files" >&2
jianghua=$PWD/target/release/jianghua
markdown=()
[ -n "$out" ] && markdown=(--markdown "$out")
for jobs in 1 2; do
  python3 bench/alternate.py --runs "$runs" --warmup 1 --title "$files documents, $jobs job(s)" "${markdown[@]}" \
    "convert --jsonl=$jianghua convert $work/corpus --jsonl --quiet --jobs $jobs > /dev/null" \
    "parse_many=$python bench/parse_many.py $work/corpus --jobs $jobs"
done
# parse_many's own speed-up from 1 to 2 jobs, without the start-up no number of jobs shortens.
"$python" bench/parse_many_jobs.py "$work/corpus" --runs "$runs" | tee -a "${out:-/dev/null}"
