#!/usr/bin/env bash
# Main-content extraction on saved pages: jianghua's body beside trafilatura's output, on the test
# pages of the seeds (tests/html/pages.rs). Installs trafilatura (and lxml_html_clean, which its
# jusText fallback imports) into a temporary folder with pip --target, writes the pages, and
# prints a Markdown table (bench/html_compare.py says what is counted). Run from anywhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m pip install --quiet --disable-pip-version-check --target "$work/py" \
  trafilatura lxml_html_clean >"$work/pip.log" 2>&1 \
  || { cat "$work/pip.log" >&2; echo "error: cannot install trafilatura" >&2; exit 1; }
cargo build --release --locked --quiet
JIANGHUA_WRITE_PAGES=$work/pages cargo test --locked --quiet --test html_pages pages_can_be_written_out >/dev/null
PYTHONPATH=$work/py python3 bench/html_compare.py "$root/target/release/jianghua" "$work/pages"
