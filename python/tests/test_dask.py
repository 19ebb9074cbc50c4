"""The Dask example writes Parquet whose rows match the command line's documents."""

from __future__ import annotations

import json
import pathlib
import subprocess
import sys

import pandas as pd
import pytest

EXAMPLE = pathlib.Path(__file__).resolve().parents[2] / "examples" / "dask_parquet.py"


def cli_counts(cli, folder: pathlib.Path) -> dict:
    """Rows each table should have, counted from `convert --jsonl` of the same folder."""
    lines = cli("convert", folder, "--jsonl").stdout.decode().splitlines()
    documents = [json.loads(line)["document"] for line in lines]

    def walk(sections):
        for section in sections:
            yield section
            yield from walk(section["subsections"])

    sections = [s for d in documents for s in walk(d["sections"])]
    return {
        "documents": len(documents),
        "sections": len(sections),
        "directives": sum(len(s["directives"]) for s in sections),
        "doctrines": sum(d["count"] for doc in documents for d in doc["doctrines"]),
        "boilerplate": sum(len(d["boilerplate"]) for d in documents),
        "errors": 0,
    }, documents


@pytest.mark.parametrize("which", ["seeds", "generated"])
def test_the_dask_example_writes_the_cli_rows(cli, seeds, corpus, tmp_path, which):
    folder = seeds[0].parent if which == "seeds" else corpus
    out = tmp_path / "parquet"
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), str(folder), str(out), "--workers", "2", "--partition-size", "16"],
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode()
    reported = json.loads(done.stdout.decode().strip().splitlines()[-1])
    expected, documents = cli_counts(cli, folder)
    assert reported["files"] == expected["documents"]
    for name, rows in expected.items():
        table = pd.read_parquet(out / name)
        assert len(table) == rows == reported["rows"][name], name
    # The rows are the documents': titles and directive texts, document by document.
    written = pd.read_parquet(out / "documents").sort_values("doc_id")
    assert [None if pd.isna(t) else t for t in written["title"]] == [d["meta"]["title"] for d in documents]
    directives = pd.read_parquet(out / "directives").sort_values(["doc_id", "directive_id"])
    expected_texts = [
        directive["text"]
        for document in documents
        for section in document["sections"]
        for part in [section, *section["subsections"]]
        for directive in part["directives"]
    ]
    assert list(directives["text"]) == expected_texts
