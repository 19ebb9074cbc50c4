#!/usr/bin/env bash
# Times `jianghua view` as whole processes, beside `parse` and `convert` of the same inputs:
# the page of a ~100 KB speech, and the site (a page a document and index.html) of a corpus.
# See BENCHMARKS.md for the figures it produced.
#
#   bench/view.sh [--files N] [--runs R] [--out FILE]
#
#   --files N   documents in the corpus (default 1000)
#   --runs R    alternating runs of each command (default 5)
#   --out FILE  also append the result tables to FILE (Markdown)
#
# JIANGHUA=BIN and MAKE_CORPUS=BIN time prebuilt binaries instead of building this checkout.
set -euo pipefail
cd "$(dirname "$0")/.."

files=1000 runs=5 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "error: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

if [ -z "${JIANGHUA:-}" ] || [ -z "${MAKE_CORPUS:-}" ]; then
  cargo build --release --locked --quiet --bin jianghua --example make_corpus
fi
jianghua=${JIANGHUA:-$PWD/target/release/jianghua}
make_corpus=${MAKE_CORPUS:-$PWD/target/release/examples/make_corpus}
work=$(mktemp -d -t jianghua-view.XXXXXX)
trap 'rm -rf "$work"' EXIT

# A ~100 KB speech: the seeds one after the other, over again, until it reaches 100 KiB.
large=$work/large.txt
: >"$large"
while [ "$(wc -c <"$large")" -lt 102400 ]; do
  for seed in seeds/*.txt; do
    [ "$(wc -c <"$large")" -lt 102400 ] && cat "$seed" >>"$large"
  done
done
echo "large speech: $(wc -c <"$large") bytes" >&2
"$make_corpus" "$work/corpus" "$files" >&2

markdown=()
[ -n "$out" ] && markdown=(--markdown "$out")
python3 bench/alternate.py --runs "$runs" "${markdown[@]}" \
  --title "One ~100 KB speech: parse to JSON, view to HTML" \
  "parse=$jianghua parse $large -o $work/large.json" \
  "view=$jianghua view $large -o $work/large.html"
python3 bench/alternate.py --runs "$runs" "${markdown[@]}" \
  --title "A corpus of $files texts: convert to JSON, view as a site (--jobs 2)" \
  "convert=$jianghua -q convert $work/corpus --out-dir $work/out --jobs 2" \
  "view=$jianghua -q view $work/corpus -o $work/site --jobs 2"
