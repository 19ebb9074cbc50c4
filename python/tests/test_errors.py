"""Failures are `JianghuaError`s with the command line's codes, messages and places."""

from __future__ import annotations

import json
import pickle

import jianghua
import pytest


def failure(call, *args, **kwargs) -> jianghua.JianghuaError:
    with pytest.raises(jianghua.JianghuaError) as raised:
        call(*args, **kwargs)
    return raised.value


def cli_message(cli, *args) -> str:
    """The message of a failed `jianghua parse`: stderr after `error: FILE: `."""
    done = cli(*args, check=False)
    assert done.returncode == 2
    return done.stderr.decode().strip().split(": ", 2)[2]


@pytest.mark.parametrize(
    "raw, code",
    [
        (b"", "empty-input"),
        (b"  \n\xe3\x80\x80\n", "empty-input"),
        (b"text\x00\x00binary", "undecodable"),
        (b"\xef\xbb\xbf" + "讲话".encode() + b"\xff rest", "undecodable"),
        ("讲话".encode("gb18030") + b"\x81", "undecodable"),
    ],
)
def test_parse_failures_say_what_the_cli_says(cli, tmp_path, raw, code):
    path = tmp_path / "input.txt"
    path.write_bytes(raw)
    error = failure(jianghua.parse, path)
    assert error.code == code
    assert error.path == str(path)
    assert error.message == cli_message(cli, "parse", path)
    assert str(error) == f"{path}: {error.message}"
    if code == "undecodable":
        assert error.offset is not None and f"byte offset {error.offset}" in error.message
    # The same failure for the bytes themselves, with no file to name.
    assert failure(jianghua.parse, raw).path is None


def test_an_empty_input_may_be_allowed():
    document = jianghua.parse(b"", allow_empty=True)
    assert document["sections"] == []


def test_unreadable_files_and_bad_options(tmp_path):
    missing = tmp_path / "missing.txt"
    assert failure(jianghua.parse, missing).code == "unreadable"
    assert failure(jianghua.decoded_text, missing).code == "unreadable"
    assert failure(jianghua.parse, b"x", encoding="no-such").code == "unknown-encoding"
    lexicon = tmp_path / "local.tsv"
    lexicon.write_text("一二六四\tplan\n", encoding="utf-8")
    error = failure(jianghua.parse, b"x", lexicon=lexicon)
    assert error.code == "lexicon" and "line 1" in error.message and error.path == str(lexicon)
    with pytest.raises(TypeError):
        jianghua.parse(12)


def test_a_lexicon_adds_doctrines(tmp_path):
    lexicon = tmp_path / "local.tsv"
    lexicon.write_text("“1264”工作布局\tformulation\t1264布局\n", encoding="utf-8")
    text = "同志们：\n一、抓落实\n我们要落实“1264”工作布局。\n"
    names = [d["name"] for d in jianghua.parse(text, lexicon=lexicon)["doctrines"]]
    assert "“1264”工作布局" in names
    assert "“1264”工作布局" not in [d["name"] for d in jianghua.parse(text)["doctrines"]]


def cli_validate(cli, *args) -> list:
    done = cli("validate", "--format", "json", *args, check=False)
    return json.loads(done.stdout)[0]["problems"]


def test_validation_problems_are_the_cli_problems(cli, seeds, tmp_path):
    document = jianghua.parse(seeds[0])
    broken = json.loads(json.dumps(document))
    broken["sections"][0]["ordinal"] = 9
    broken["doctrines"][0]["count"] += 1
    broken["sections"][0]["paragraphs"][0]["text"] += "。"
    broken["meta"]["genre"] = "speech"
    path = tmp_path / "broken.json"
    path.write_text(jianghua.to_json(broken), encoding="utf-8")
    expected = cli_validate(cli, path, "--source", seeds[0])
    assert {p["rule"] for p in expected} >= {"ordinal-order", "doctrine-count", "text-mismatch"}
    for given in (path, path.read_bytes(), path.read_text(encoding="utf-8")):
        problems = jianghua.validate(given, source=seeds[0])
        as_cli = [
            {**p._asdict(), "source": p.source and {"file": str(seeds[0]), **p.source._asdict()}}
            for p in problems
        ]
        assert as_cli == expected
    # A dict has pointers but no lines.
    from_dict = jianghua.validate(broken, source=jianghua.decoded_text(seeds[0]))
    assert sorted((p.rule, p.pointer, p.message) for p in from_dict) == sorted(
        (p["rule"], p["pointer"], p["message"]) for p in expected
    )
    assert all(p.line is None for p in from_dict)


@pytest.mark.parametrize(
    "content, code",
    [
        ('{"schema_version": "1.0",\n  "meta": [1,, 2]}', "json-syntax"),
        ('{"a": "\xff"}', "not-utf8"),
        ('<?xml version="1.0"?>\n<speech xmlns="https://jianghua.dev/ns/speech/1" schema_version="1.0"></speak>', "xml-syntax"),
        ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>\n<speech/>', "xml-syntax"),
        ('<?xml version="1.0"?>\n<speech xmlns="https://jianghua.dev/ns/speech/1"><nonsense/></speech>', "xml-shape"),
    ],
)
def test_unreadable_documents_fail_where_the_cli_says(cli, tmp_path, content, code):
    raw = content.encode("latin-1") if code == "not-utf8" else content.encode()
    path = tmp_path / ("doc.xml" if content.startswith("<") else "doc.json")
    path.write_bytes(raw)
    expected = cli_validate(cli, path)[0]
    error = failure(jianghua.validate, path)
    assert (error.code, error.line, error.column, error.message) == (
        expected["rule"],
        expected["line"],
        expected["column"],
        expected["message"],
    ) == (code, expected["line"], expected["column"], expected["message"])
    assert error.path == str(path) and error.line is not None


def test_a_dict_that_is_no_speech_is_refused():
    for render in (jianghua.to_json, jianghua.to_xml, jianghua.to_akn):
        assert failure(render, {"schema_version": "1.0"}).code == "not-a-speech"
    problems = jianghua.validate({"schema_version": "1.0"})
    assert problems and {p.rule for p in problems} == {"required"}


def test_errors_survive_pickling(tmp_path):
    error = failure(jianghua.parse, tmp_path / "missing.txt")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, copy.path, copy.message, str(copy)) == (error.code, error.path, error.message, str(error))
