"""What jianghua keeps of a saved page, beside trafilatura, on the test pages of the seeds.

For each seed, the speech is what jianghua's parse of the seed's *text* puts in the body
(salutation, preamble, sections, closing, appendix): its lines are the seed's lines that lie in
it. For each page of that seed (tests/html/pages.rs: three layouts, one of them GBK), a tool's
output is split into lines (jianghua: the body's passages of its parse of the page), and:

- speech lost: speech lines that are not in the output;
- chrome kept: output lines that are not part of the speech, nor a line of its front matter
  (title, byline, date, source lines: a main-content extractor may keep them).

The speech is found by jianghua itself (on the text), so jianghua's columns show that the page
path keeps what the text path keeps; trafilatura's show what a structure-only extractor keeps:
the seeds' own chrome lines (a scraped page's leftovers), which the pages set inside the article.

Lines are compared with all white space removed. Usage:
    python3 bench/html_compare.py JIANGHUA_BINARY PAGES_DIR
"""

import json
import pathlib
import re
import subprocess
import sys

import trafilatura

BLANK = re.compile(r"[\s\u3000\u00a0\u200b]+")


def squeeze(text):
    return BLANK.sub("", text)


def body_passages(document):
    """The texts of the speech's body parts, in order."""
    out = []
    if document.get("salutation"):
        out.append(document["salutation"]["text"])
    out += [p["text"] for p in document.get("preamble", [])]

    def walk(sections):
        for section in sections:
            out.extend(p["text"] for p in section["paragraphs"])
            walk(section.get("subsections", []))

    walk(document.get("sections", []))
    out += [p["text"] for p in document.get("closing", [])]
    out += [p["text"] for p in document.get("appendix", [])]
    return out


def parse(binary, path):
    result = subprocess.run([binary, "parse", str(path)], capture_output=True, check=True)
    return json.loads(result.stdout)


def score(output_lines, speech_lines, speech, front):
    output = squeeze("".join(output_lines))
    lost = sum(1 for line in speech_lines if squeeze(line) not in output)
    chrome = sum(
        1 for line in output_lines
        if squeeze(line) and squeeze(line) not in speech and squeeze(line) not in front
    )
    return lost, chrome


def main(binary, pages):
    rows = []
    for seed in sorted(pathlib.Path("seeds").glob("*.txt")):
        document = parse(binary, seed)
        speech = squeeze("".join(body_passages(document)))
        front = {squeeze(block["text"]) for block in document.get("front_matter", [])}
        speech_lines = [
            line for line in seed.read_text().splitlines()
            if squeeze(line) and squeeze(line) in speech
        ]
        for page in sorted(pathlib.Path(pages).glob(seed.stem + ".*.html")):
            layout = page.name.split(".")[1]
            ours = body_passages(parse(binary, page))
            theirs = (trafilatura.extract(page.read_bytes()) or "").splitlines()
            rows.append((seed.stem[:3], layout, len(speech_lines),
                         *score(ours, speech_lines, speech, front),
                         *score(theirs, speech_lines, speech, front)))
    print("| seed | layout | speech lines | jianghua: speech lost | jianghua: chrome kept "
          "| trafilatura: speech lost | trafilatura: chrome kept |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")
    totals = [sum(row[i] for row in rows) for i in range(2, 7)]
    print("| all | | " + " | ".join(str(t) for t in totals) + " |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
