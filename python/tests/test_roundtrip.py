"""The package's documents are the command line's, byte for byte."""

from __future__ import annotations

import json
import pathlib

import jianghua
import pytest


def canonical(document: dict) -> str:
    """The documented canonical dump: what `jianghua parse` prints."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_parse_is_the_cli_parse_byte_for_byte(cli, inputs):
    for path in inputs:
        expected = cli("parse", str(path)).stdout.decode()
        document = jianghua.parse(path)
        assert jianghua.to_json(document) == expected, path
        assert canonical(document) == expected, path


def test_bytes_str_and_path_give_the_same_document(seeds):
    for path in seeds:
        by_path = jianghua.parse(path)
        assert jianghua.parse(path.read_bytes()) == by_path
        assert jianghua.parse(path.read_text(encoding="utf-8")) == by_path


def test_xml_and_akoma_ntoso_are_the_cli_forms(cli, seeds):
    for path in seeds[:3]:
        document = jianghua.parse(path)
        for form, render in (("xml", jianghua.to_xml), ("akn", jianghua.to_akn)):
            expected = cli("parse", str(path), "--format", form).stdout.decode()
            assert render(document) == expected, (path, form)


def test_parse_many_is_convert_jsonl_line_for_line(cli, corpus):
    paths = sorted(corpus.rglob("*.txt"))
    lines = cli("convert", str(corpus), "--jsonl", "--jobs", "2").stdout.decode().splitlines()
    expected = {json.loads(line)["path"]: line for line in lines}
    got = list(jianghua.parse_many(paths, jobs=2))
    assert [path for path, _ in got] == paths, "input order, the objects given"
    assert len(got) == len(expected) == 60
    for path, document in got:
        line = json.dumps({"path": str(path), "document": document}, ensure_ascii=False, separators=(",", ":"))
        assert line == expected[str(path)], path


def test_parse_many_yields_failures_in_place(tmp_path, seeds):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "missing.txt"
    paths = [str(seeds[0]), empty, missing, seeds[1]]
    got = list(jianghua.parse_many(paths, jobs=2))
    assert [p for p, _ in got] == paths
    assert got[0][1] == jianghua.parse(seeds[0])
    assert isinstance(got[1][1], jianghua.JianghuaError) and got[1][1].code == "empty-input"
    assert got[1][1].path == str(empty)
    assert isinstance(got[2][1], jianghua.JianghuaError) and got[2][1].code == "unreadable"
    assert got[3][1] == jianghua.parse(seeds[1])


def test_parse_many_of_nothing_and_early_stops(seeds):
    assert list(jianghua.parse_many([])) == []
    many = jianghua.parse_many(seeds * 40, jobs=2)
    first = next(iter(many))
    assert first[0] == seeds[0]
    del many  # stops the workers; nothing hangs or crashes
    with pytest.raises(ValueError):
        jianghua.parse_many(seeds, jobs=0)


def test_schema_is_the_committed_one():
    committed = json.loads((pathlib.Path(__file__).parents[2] / "schema" / "speech.schema.json").read_text())
    assert jianghua.schema() == committed


def test_the_documents_are_valid_and_read_back(seeds):
    for path in seeds:
        document = jianghua.parse(path)
        assert jianghua.validate(document, source=jianghua.decoded_text(path)) == []
        assert jianghua.validate(jianghua.to_xml(document), source=path) == []
