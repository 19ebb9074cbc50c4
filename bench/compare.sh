#!/usr/bin/env bash
# Times jianghua against the tools users would otherwise use, on this machine, and records
# peak memory. See BENCHMARKS.md for what it measures and the figures it produced.
#
#   bench/compare.sh [--files N] [--big-mb MB] [--runs R] [--keep] [--out FILE]
#
#   --files N    documents in the comparison corpus (default 1000)
#   --big-mb MB  size of the corpus converted in one run for peak memory (default 100; 0 skips)
#   --runs R     alternating runs of each command (default 5)
#   --keep       keep the temporary directory (corpus, peers) and print its path
#   --out FILE   also write the result tables to FILE (Markdown)
#
# JIANGHUA=BIN and MAKE_CORPUS=BIN measure prebuilt binaries (another build, an older commit)
# instead of building this checkout.
#
# It installs its peers into a temporary directory (check-jsonschema from PyPI with
# pip --target, ajv-cli and ajv-formats from npm with --prefix) and removes it at the end; runs are
# timed by bench/alternate.py. GNU time comes from Debian's package `time` when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

files=1000 big_mb=100 runs=5 keep=false out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files=$2; shift 2 ;;
    --big-mb) big_mb=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --keep) keep=true; shift ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "error: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d -t jianghua-bench.XXXXXX)
if $keep; then
  trap 'echo "kept $work" >&2' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi
report=$work/report.md
: >"$report"
note() { printf '%s\n' "$*" | tee -a "$report"; }
step() { printf '\n== %s\n' "$*" >&2; }

step "tools"
if [ ! -x /usr/bin/time ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
fi
pip_log=$work/pip.log npm_log=$work/npm.log
python3 -m pip install --quiet --disable-pip-version-check --target "$work/py" check-jsonschema >"$pip_log" 2>&1 \
  || { cat "$pip_log" >&2; echo "error: cannot install check-jsonschema" >&2; exit 1; }
npm install --silent --no-audit --no-fund --prefix "$work/node" ajv-cli ajv-formats >"$npm_log" 2>&1 \
  || { cat "$npm_log" >&2; echo "error: cannot install ajv-cli" >&2; exit 1; }
check_jsonschema="env PYTHONPATH=$work/py $work/py/bin/check-jsonschema"
ajv=$work/node/node_modules/.bin/ajv
check_version=$(PYTHONPATH=$work/py "$work/py/bin/check-jsonschema" --version 2>&1 | tail -1)
ajv_version=$(node -p "require('$work/node/node_modules/ajv-cli/package.json').version")
ajv_lib_version=$(node -p "require('$work/node/node_modules/ajv/package.json').version")

step "build"
if [ -z "${JIANGHUA:-}" ] || [ -z "${MAKE_CORPUS:-}" ]; then
  cargo build --release --locked --quiet --bin jianghua --example make_corpus
fi
jianghua=${JIANGHUA:-$repo/target/release/jianghua}
make_corpus=${MAKE_CORPUS:-$repo/target/release/examples/make_corpus}
schema=$repo/schema/speech.schema.json

note "# jianghua benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
note ""
note "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/^Mem:/ {print $2}') GiB"
note "- jianghua $("$jianghua" --version | cut -d' ' -f2-) ($jianghua, checkout $(git rev-parse --short HEAD)); check-jsonschema: $check_version; ajv-cli $ajv_version (ajv $ajv_lib_version); node $(node --version); $(python3 --version)"

step "corpus of $files documents"
"$make_corpus" "$work/text" "$files" >&2
find "$work/text" -type f -name '*.txt' -print0 | sort -z >"$work/text.list"
"$jianghua" convert -q "$work/text" --out-dir "$work/json" --jobs 2 >/dev/null
find "$work/json" -type f -name '*.json' | sort >"$work/json.list"
text_bytes=$(du -sb --apparent-size "$work/text" | cut -f1)
json_bytes=$(du -sb --apparent-size "$work/json" | cut -f1)
json_count=$(wc -l <"$work/json.list")
note "- corpus: $files texts, $((text_bytes / 1024)) KiB; $json_count JSON documents, $((json_bytes / 1024)) KiB"
note ""

# Each tool gets the same files: jianghua the folder (as a CI job gives it) and the list,
# check-jsonschema the list as arguments, ajv a glob that matches exactly the same set (the
# corpus is nested two folders deep).
python3 "$repo/bench/alternate.py" --runs "$runs" --markdown "$report" \
  --title "Validation of $json_count JSON documents against schema/speech.schema.json" \
  "jianghua validate DIR --jobs 2=$jianghua validate -q --jobs 2 $work/json" \
  "jianghua validate FILES --jobs 1=$jianghua validate -q --jobs 1 \$(cat $work/json.list)" \
  "check-jsonschema=$check_jsonschema --schemafile $schema \$(cat $work/json.list)" \
  "ajv-cli=$ajv validate --spec=draft2020 --strict=false -c ajv-formats -s $schema -d '$work/json/*/*/*.json'"

# What two cores give two workers on this machine, whatever jianghua does: two single-job
# processes at once, each converting half of the corpus (its top folders split in two).
mapfile -t tops < <(find "$work/text" -mindepth 1 -maxdepth 1 -type d | sort)
half=$(( (${#tops[@]} + 1) / 2 ))
half_a=$(find "${tops[@]:0:half}" -type f -name '*.txt' | wc -l)
half_b=$(( files - half_a ))
cat >"$work/halves.sh" <<HALVES
#!/bin/sh
# \$1: output folder prefix (a JSON file written for each text), or nothing for --jsonl.
if [ -n "\$1" ]; then a="--out-dir \${1}a" b="--out-dir \${1}b"; else a=--jsonl b=--jsonl; fi
"$jianghua" convert -q --jobs 1 \$a ${tops[*]:0:half} >/dev/null &
"$jianghua" convert -q --jobs 1 \$b ${tops[*]:half} >/dev/null
wait
HALVES
chmod +x "$work/halves.sh"

python3 "$repo/bench/alternate.py" --runs "$runs" --markdown "$report" \
  --title "Conversion of $files texts ($((text_bytes / 1024)) KiB) to JSON; halves: $half_a and $half_b texts" \
  "convert --jobs 1=$jianghua convert -q $work/text --out-dir $work/out1 --jobs 1" \
  "convert --jobs 2=$jianghua convert -q $work/text --out-dir $work/out2 --jobs 2" \
  "convert --jsonl --jobs 1=$jianghua convert -q --jsonl $work/text --jobs 1" \
  "convert --jsonl --jobs 2=$jianghua convert -q --jsonl $work/text --jobs 2" \
  "two --jobs 1 processes on halves=$work/halves.sh $work/outh" \
  "two --jobs 1 processes on halves, --jsonl=$work/halves.sh" \
  "wc -m (floor)=env LC_ALL=C.UTF-8 wc -m --files0-from=$work/text.list"

seed=$(ls seeds/*.txt | head -1)
python3 "$repo/bench/alternate.py" --runs $((runs * 6)) --markdown "$report" \
  --title "One parse of $seed ($(wc -c <"$seed") bytes) to stdout" \
  "jianghua parse=$jianghua parse $seed" \
  "jianghua --version (start-up floor)=$jianghua --version" \
  "cat (process floor)=cat $seed"

if [ "$big_mb" -gt 0 ]; then
  step "peak memory on $big_mb MB"
  big_files=$(( (big_mb * 1000 * 1000 * files + text_bytes - 1) / text_bytes ))
  "$make_corpus" "$work/big" "$big_files" >&2
  rm -rf "$work/json" "$work/out1" "$work/out2" "$work/outha" "$work/outhb"
  big_bytes=$(du -sb --apparent-size "$work/big" | cut -f1)
  /usr/bin/time -v -o "$work/big.time" "$jianghua" convert -q "$work/big" --out-dir "$work/bigout" --jobs 2 >/dev/null
  rss_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/big.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/big.time")
  note "Peak memory of one \`convert --jobs 2\` run over $big_files texts, $((big_bytes / 1000000)) MB: $((rss_kib / 1024)) MiB maximum resident set size, $wall wall (\`/usr/bin/time -v\`)."
  note ""
fi

if [ -n "$out" ]; then cp "$report" "$out"; fi
