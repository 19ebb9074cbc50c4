"""The documents built in Python from the parser's model: every field of the model arrives, with
the values, keys, key order and optional keys of the command line's JSON."""

from __future__ import annotations

import gc
import html
import json
import pathlib

import jianghua
import pytest


def canonical(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="session")
def page(tmp_path_factory, seeds) -> pathlib.Path:
    """A saved web page around a seed's text (the documents of pages have `meta.input`)."""
    lines = seeds[1].read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines if line.strip())
    path = tmp_path_factory.mktemp("page") / "page.html"
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>page</title></head><body>'
        '<div class="nav">首页 &gt; 新闻</div>\n' + body + "</body></html>",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="session")
def month_only(tmp_path_factory) -> pathlib.Path:
    """A speech dated by year and month only (its date has no day)."""
    path = tmp_path_factory.mktemp("dates") / "month.txt"
    path.write_text("关于人大工作的讲话\n2022年9月\n同志们：\n今天我们召开会议。\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def documents(cli, inputs, corpus, page, month_only) -> list[tuple[dict, str]]:
    """(document, the command line's JSON) for the seeds, the test inputs, a page, a date without
    a day and part of a corpus."""
    paths = inputs + [page, month_only] + sorted(corpus.rglob("*.txt"))[:20]
    return [(jianghua.parse(path), cli("parse", str(path)).stdout.decode()) for path in paths]


def test_each_document_is_the_json_of_the_command_line(documents):
    for document, expected in documents:
        assert canonical(document) == expected
        assert document == json.loads(expected)


class Seen:
    """For each object of the schema, which properties were present and which absent or null."""

    def __init__(self, schema: dict) -> None:
        self.definitions = schema["$defs"]
        self.present: set[tuple[str, str]] = set()
        self.missing: set[tuple[str, str]] = set()
        self.values: set[tuple[str, str]] = set()

    def walk(self, value, schema: dict, name: str) -> None:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = self.definitions[name]
        for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
            if "const" in branch and branch["const"] == value:
                self.values.add((name, value))
            elif value is not None and ("$ref" in branch or branch.get("type") == "object"):
                self.walk(value, branch, name)
        if isinstance(value, dict):
            for key, property_schema in schema.get("properties", {}).items():
                if value.get(key) is None:
                    self.missing.add((name, key))
                else:
                    self.present.add((name, key))
                    self.walk(value[key], property_schema, f"{name}.{key}")
        if isinstance(value, list) and isinstance(schema.get("items"), dict):
            for item in value:
                self.walk(item, schema["items"], name)


def test_every_field_and_value_of_the_model_is_exercised(documents):
    # So that the comparisons above cover every key and enumeration value the model writes
    # (`$schema` is only kept from documents read, never written by the parser).
    schema = jianghua.schema()
    seen = Seen(schema)
    for document, _ in documents:
        seen.walk(document, schema, "Speech")
    properties = {("Speech", key) for key in schema["properties"]} | {
        (name, key) for name, definition in seen.definitions.items() for key in definition.get("properties", {})
    }
    properties -= {("Speech", "$schema")}
    assert properties - seen.present == set(), "never present"
    optional = {
        (name, key)
        for name, definition in [("Speech", schema)] + list(seen.definitions.items())
        for key, property_schema in definition.get("properties", {}).items()
        if key not in definition.get("required", []) or "null" in json.dumps(property_schema)
    }
    assert optional - seen.missing - {("Speech", "$schema")} <= {
        # What parsing always writes: a file's digest and encoding, a date's month, and the
        # fields serde writes with their default value.
        ("Meta", "fragment"),
        ("Meta", "redactions"),
        ("Meta", "input_digest"),
        ("Meta", "encoding"),
        ("PartialDate", "month"),
    }, "never absent or null"
    kinds = {"Genre", "Level", "Encoding", "InputFormat", "DoctrineKind", "ThemeId", "Severity"}
    values = {(name, branch["const"]) for name in kinds for branch in seen.definitions[name]["oneOf"]}
    assert {("Genre", "speech"), ("InputFormat", "html"), ("Severity", "warning")} <= seen.values
    assert len(values & seen.values) > len(values) // 2


def test_documents_are_the_same_when_python_code_parses_during_a_parse(seeds):
    # The collector may run finalizers while a document is being built; one that parses must
    # neither wait forever nor change either document.
    expected = jianghua.parse(seeds[0])
    inner: list[dict] = []

    class Parses:
        def __init__(self) -> None:
            self.cycle = self

        def __del__(self) -> None:
            if len(inner) < 20:
                Parses()  # garbage again, for the next collection, likely amid a build
                inner.append(jianghua.parse(seeds[0]))

    threshold = gc.get_threshold()
    gc.set_threshold(1)
    try:
        for _ in range(5):
            Parses()
            assert jianghua.parse(seeds[0]) == expected
        gc.collect()
    finally:
        gc.set_threshold(*threshold)
    assert inner and all(document == expected for document in inner)


@pytest.mark.parametrize("jobs", [1, 3])
def test_parse_many_gives_the_documents_of_parse_on_any_number_of_jobs(corpus, jobs):
    paths = sorted(corpus.rglob("*.txt"))
    got = list(jianghua.parse_many(paths, jobs=jobs))
    assert [path for path, _ in got] == paths
    for path, document in got:
        assert document == jianghua.parse(path), path


def test_parse_many_taken_slowly_or_in_part(corpus):
    paths = sorted(corpus.rglob("*.txt"))
    many = jianghua.parse_many(paths, jobs=2)
    first = [next(many) for _ in range(3)]
    assert [path for path, _ in first] == paths[:3]
    assert first[2][1] == jianghua.parse(paths[2])
    rest = list(many)
    assert [path for path, _ in rest] == paths[3:]
    assert list(many) == [], "an iterator ends for good"
