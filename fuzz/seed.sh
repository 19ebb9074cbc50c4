#!/bin/sh
# Fills fuzz/corpus/<target>/ with seeds from the test inputs: the texts as they are, and the JSON
# and XML documents `jianghua parse` makes of them next to the hand-written test documents.
# Run from anywhere; re-running adds nothing twice (libFuzzer names inputs by their hash, and so
# does this script).
set -eu
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
cd "$root"
cargo build --release --locked --quiet
bin=$root/target/release/jianghua

mkdir -p "$fuzz/corpus/parse_text" "$fuzz/corpus/validate_json" "$fuzz/corpus/read_xml" \
    "$fuzz/corpus/parse_html"

# Copies stdin into a corpus dir under the name of its content's hash.
add() {
    tmp=$(mktemp)
    cat >"$tmp"
    if [ -s "$tmp" ]; then
        mv "$tmp" "$1/$(sha1sum "$tmp" | cut -c1-40)"
    else
        rm -f "$tmp"
    fi
}

for text in seeds/*.txt tests/inputs/* tests/heldout/texts/* tests/data/valid/speech.txt; do
    [ -f "$text" ] || continue
    add "$fuzz/corpus/parse_text" <"$text"
    "$bin" parse "$text" 2>/dev/null | add "$fuzz/corpus/validate_json"
    "$bin" parse --format xml "$text" 2>/dev/null | add "$fuzz/corpus/read_xml"
done
find tests/data -name '*.json' | while read -r json; do
    add "$fuzz/corpus/validate_json" <"$json"
done
for xml in tests/data/xml/*; do
    add "$fuzz/corpus/read_xml" <"$xml"
done
# The seed pages of the HTML tests (three layouts, UTF-8 and GBK) and the text they extract to.
pages=$(mktemp -d)
JIANGHUA_WRITE_PAGES=$pages cargo test --locked --quiet --test html_pages pages_can_be_written_out >/dev/null
for page in "$pages"/*.html; do
    add "$fuzz/corpus/parse_html" <"$page"
done
rm -rf "$pages"
for target in parse_text validate_json read_xml parse_html; do
    echo "$target: $(ls "$fuzz/corpus/$target" | wc -l) seeds"
done
