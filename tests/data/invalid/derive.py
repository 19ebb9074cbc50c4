#!/usr/bin/env python3
"""Derives the invalid documents of this folder from ../valid/speech.json, one breach each.

Run from anywhere: python3 tests/data/invalid/derive.py. Each file breaks one rule (or one
schema keyword) and nothing else; tests/validate.rs asserts exactly what each one reports.
"""
import copy
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
VALID = json.loads((HERE.parent / "valid" / "speech.json").read_text(encoding="utf-8"))
SOURCE_LEN = len((HERE.parent / "valid" / "speech.txt").read_text(encoding="utf-8"))


def derive(name, mutate):
    doc = copy.deepcopy(VALID)
    mutate(doc)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    (HERE / f"{name}.json").write_text(text, encoding="utf-8")


def swap(items, i, j):
    items[i], items[j] = items[j], items[i]


# Schema failures.
derive("wrong-enum", lambda d: d["meta"].update(level="city"))
derive("missing-field", lambda d: d["sections"][0].pop("heading"))
derive("unknown-field", lambda d: d["meta"].update(language="zh"))
derive("wrong-type", lambda d: d["sections"][1].update(ordinal="2"))
derive("negative-span", lambda d: d["front_matter"][0]["span"].update(start=-1))

# Semantic rules, without the source text.
derive("schema-version", lambda d: d.update(schema_version="1.7"))
derive("schema-major", lambda d: d.update(schema_version="2.0"))
# A document of a newer minor version with a field this version does not know: the warning
# says why the field is unknown, and the field is still reported.
derive("newer-minor-field", lambda d: (d.update(schema_version="1.7"), d["meta"].update(language="zh")))
derive("ordinal-order", lambda d: d["sections"][1].update(ordinal=1))
derive("span-reversed", lambda d: d["closing"][0]["span"].update(
    start=d["closing"][0]["span"]["end"], end=d["closing"][0]["span"]["start"]))
derive("span-order", lambda d: swap(d["front_matter"], 1, 2))
derive("span-nesting", lambda d: d["sections"][0]["subsections"][0]["span"].update(
    end=d["sections"][0]["subsections"][0]["span"]["end"] + 3))
derive("doctrine-count", lambda d: d["doctrines"][0].update(count=3))
derive("announced-sections", lambda d: d["meta"].update(announced_sections=5))
derive("not-a-speech", lambda d: d["sections"][1].update(ordinal=2.0))
derive("theme-weights", lambda d: d["themes"][0].update(weight=0.9))

# Semantic rules that compare with ../valid/speech.txt.
derive("span-bounds", lambda d: d["boilerplate"][1]["span"].update(end=SOURCE_LEN + 10))
derive("text-mismatch", lambda d: d["closing"][0].update(text="同志们，让我们为建设法治县而奋斗！"))
derive("heading-mismatch", lambda d: d["sections"][1].update(heading="坚持依法履职"))
derive("source-uncovered", lambda d: d["boilerplate"].pop(1))
# Made from another file than ../valid/speech.txt: its digest is not the source's.
derive("source-mismatch", lambda d: d["meta"].update(input_digest={"size": 3, "sha256": "0" * 64}))

# Not JSON: the comma after "schema_version" is missing.
valid_text = (HERE.parent / "valid" / "speech.json").read_text(encoding="utf-8")
(HERE / "malformed.json").write_text(valid_text.replace('"1.0",', '"1.0"', 1), encoding="utf-8")
