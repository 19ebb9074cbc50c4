"""`tables` makes tidy frames whose ids join, whose counts agree with the documents."""

from __future__ import annotations

import jianghua
import pandas as pd
import pytest


@pytest.fixture(scope="module")
def parsed(seeds, tmp_path_factory):
    bad = tmp_path_factory.mktemp("bad") / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02")
    return list(jianghua.parse_many(list(seeds) + [bad], jobs=2))


@pytest.fixture(scope="module")
def frames(parsed):
    return jianghua.tables(parsed)


def test_every_table_has_its_columns_and_dtypes(frames):
    assert set(frames) == set(jianghua.SCHEMA)
    for name, columns in jianghua.SCHEMA.items():
        assert list(frames[name].columns) == [c for c, _ in columns], name
    assert str(frames["directives"]["start"].dtype) == "Int64"
    assert str(frames["documents"]["title"].dtype).startswith("str") or frames["documents"]["title"].dtype == "string"
    empty = jianghua.tables([])
    for name in jianghua.SCHEMA:
        assert empty[name].empty and list(empty[name].columns) == list(frames[name].columns)
        assert list(empty[name].dtypes) == list(frames[name].dtypes), name


def test_counts_agree_with_the_documents(parsed, frames, seeds):
    documents = [(str(path), doc) for path, doc in parsed if isinstance(doc, dict)]
    assert len(frames["documents"]) == len(seeds)
    assert list(frames["documents"]["doc_id"]) == [str(p) for p in seeds]
    for doc_id, doc in documents:
        row = frames["documents"].set_index("doc_id").loc[doc_id]
        assert (None if pd.isna(row["title"]) else row["title"]) == doc["meta"]["title"]
        directives = sum(len(s["directives"]) + sum(len(t["directives"]) for t in s["subsections"]) for s in doc["sections"])
        assert row["directives"] == directives == (frames["directives"]["doc_id"] == doc_id).sum()
        mentions = sum(d["count"] for d in doc["doctrines"])
        assert row["doctrine_mentions"] == mentions == (frames["doctrines"]["doc_id"] == doc_id).sum()
        document_themes = frames["themes"].query("doc_id == @doc_id and scope == 'document'")
        assert list(document_themes["theme"]) == [t["theme"] for t in doc["themes"]]
        assert (frames["boilerplate"]["doc_id"] == doc_id).sum() == len(doc["boilerplate"])
    assert sum(frames["documents"]["directives"]) > 0 and len(frames["doctrines"]) > 0


def test_ids_join(frames):
    sections, directives = frames["sections"], frames["directives"]
    assert not sections.duplicated(["doc_id", "section_id"]).any()
    assert not directives.duplicated(["doc_id", "directive_id"]).any()
    joined = directives.merge(sections, on=["doc_id", "section_id"], how="left", suffixes=("", "_section"), indicator=True)
    assert (joined["_merge"] == "both").all()
    # A directive lies inside its section.
    assert ((joined["start_section"] <= joined["start"]) & (joined["end"] <= joined["end_section"])).all()
    subsections = sections.dropna(subset=["parent_id"])
    parents = subsections.merge(sections, left_on=["doc_id", "parent_id"], right_on=["doc_id", "section_id"], suffixes=("", "_parent"))
    assert len(parents) == len(subsections)
    assert (parents["depth"] == parents["depth_parent"] + 1).all()
    assert all(number.startswith(parent + ".") for number, parent in zip(parents["number"], parents["number_parent"]))
    # A mention placed in a section lies in it, in the deepest one that holds it.
    placed = frames["doctrines"].dropna(subset=["section_id"]).merge(sections, on=["doc_id", "section_id"], suffixes=("", "_section"))
    assert len(placed) > 0
    assert ((placed["start_section"] <= placed["start"]) & (placed["end"] <= placed["end_section"])).all()
    themes = frames["themes"]
    scoped = themes[themes["scope"] == "directive"].merge(directives, on=["doc_id", "directive_id"], suffixes=("", "_d"))
    assert len(scoped) == (themes["scope"] == "directive").sum()
    assert (scoped["section_id"] == scoped["section_id_d"]).all()


def test_spans_in_the_tables_slice_the_decoded_text(frames, seeds):
    texts = {str(path): jianghua.decoded_text(path) for path in seeds}
    for name in ("directives", "doctrines", "boilerplate"):
        for row in frames[name].itertuples():
            assert texts[row.doc_id][row.start : row.end] == row.text, (name, row)


def test_failures_are_rows_of_errors(frames):
    errors = frames["errors"]
    assert len(errors) == 1
    assert errors.iloc[0]["code"] == "undecodable" and errors.iloc[0]["path"].endswith("binary.txt")
    assert errors.iloc[0]["offset"] == 0


def test_bare_documents_mappings_and_arrow(seeds):
    docs = [jianghua.parse(path) for path in seeds[:2]]
    by_position = jianghua.tables(docs)
    assert list(by_position["documents"]["doc_id"]) == ["0", "1"]
    assert list(jianghua.tables({"a": docs[0]})["documents"]["doc_id"]) == ["a"]
    arrow = jianghua.tables(docs, backend="arrow")
    for name in jianghua.SCHEMA:
        assert arrow[name].num_rows == len(by_position[name])
        assert arrow[name].column_names == list(by_position[name].columns)
    assert pd.DataFrame(jianghua.rows(docs)["directives"]).shape[0] == len(by_position["directives"])
    with pytest.raises(TypeError):
        jianghua.tables([42])
    with pytest.raises(ValueError):
        jianghua.tables(docs, backend="polars")
