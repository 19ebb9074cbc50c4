"""How often does each doctrine get cited, year by year, across a corpus of speeches?

    python examples/doctrines_per_year.py CORPUS [--out doctrines_per_year.png] [--top 8]

A notebook in script form: each step is a cell. It parses every text and page below CORPUS
on all cores, tabulates the doctrine mentions (one row each), dates them by their document
(`meta.date`, else a year that opens the file name, as in `2019_report.txt`), and plots the
mentions per document of the most cited doctrines, per year, to a PNG. Prints the table.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import sys

import jianghua
import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt
from matplotlib import font_manager

# Fonts with Chinese glyphs, the first installed one labels the plot.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei", "PingFang SC", "Microsoft YaHei")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=pathlib.Path)
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("doctrines_per_year.png"))
    parser.add_argument("--top", type=int, default=8, help="doctrines plotted (the most cited)")
    args = parser.parse_args(argv)

    # 1. Parse the corpus: documents (dicts) or failures, in path order.
    paths = sorted(p for pattern in ("*.txt", "*.html", "*.htm") for p in args.corpus.rglob(pattern))
    frames = jianghua.tables(jianghua.parse_many(paths))
    documents, mentions = frames["documents"], frames["doctrines"]
    print(f"{len(documents)} documents, {len(mentions)} doctrine mentions, {len(frames['errors'])} failures")

    # 2. A year for each document: its date, else the year its file name starts with.
    from_name = documents["path"].map(lambda p: _year_in_name(pathlib.Path(p).name)).astype("Int64")
    documents = documents.assign(year=documents["year"].fillna(from_name)).dropna(subset=["year"])
    print(f"{len(documents)} documents have a year")

    # 3. Mentions per document, per year and doctrine (a doctrine cited by nobody that year: 0).
    dated = mentions.merge(documents[["doc_id", "year"]], on="doc_id")
    counts = dated.groupby(["year", "doctrine"]).size().unstack(fill_value=0)
    per_document = counts.div(documents.groupby("year").size(), axis=0).fillna(0)
    top = counts.sum().nlargest(args.top).index
    table = per_document[top].round(2)
    print(table.to_string())

    # 4. The plot.
    installed = {font.name for font in font_manager.fontManager.ttflist}
    fonts = [name for name in CJK_FONTS if name in installed]
    if fonts:
        plt.rcParams["font.sans-serif"] = fonts + plt.rcParams["font.sans-serif"]
    else:
        print("warning: no font with Chinese glyphs found; the legend will show boxes", file=sys.stderr)
    figure, axes = plt.subplots(figsize=(11, 5.5))
    for doctrine in top:
        axes.plot(table.index.astype(int), table[doctrine], marker="o", markersize=3, linewidth=1.2, label=doctrine)
    axes.set_xlabel("year")
    axes.set_ylabel("mentions per document")
    axes.set_title(f"The {len(top)} most cited doctrines, {len(documents)} documents")
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    figure.tight_layout()
    figure.savefig(args.out, dpi=120)
    print(f"wrote {args.out}")
    return 0


def _year_in_name(name):
    found = re.match(r"(1[89]\d\d|20\d\d)(?!\d)", name)
    return int(found.group(1)) if found else None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
