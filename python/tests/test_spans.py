"""Spans index `decoded_text` in characters, whatever the encoding and line ends."""

from __future__ import annotations

import pathlib

import jianghua
import pytest

SPEECH = (
    "在全市人大工作会议上的讲话\n"
    "（2024年3月1日）\n"
    "张雷明\n"
    "同志们：\n"
    "这次会议很重要。下面，我讲两个方面意见。\n"
    "一、坚持党的领导\n"
    "一要深入学习贯彻习近平法治思想。二要加强立法，落实《中华人民共和国立法法》。\n"
    "二、依法履职尽责\n"
    "坚持以人民为中心，𠀋字不在基本平面，é 是拉丁字母。\n"
    "谢谢大家。\n"
)


def spanned(value):
    """Every object with `text` and `span` in a document."""
    if isinstance(value, dict):
        if isinstance(value.get("text"), str) and isinstance(value.get("span"), dict):
            yield value
        for item in value.values():
            yield from spanned(item)
    elif isinstance(value, list):
        for item in value:
            yield from spanned(item)


VARIANTS = {
    # name: (bytes, meta.encoding, the decoded text)
    "utf8": (SPEECH.encode(), "utf8", SPEECH),
    "crlf": (SPEECH.replace("\n", "\r\n").encode(), "utf8", SPEECH.replace("\n", "\r\n")),
    "bom": (b"\xef\xbb\xbf" + SPEECH.encode(), "utf8-bom", SPEECH),
    "bom-crlf": (b"\xef\xbb\xbf" + SPEECH.replace("\n", "\r\n").encode(), "utf8-bom", SPEECH.replace("\n", "\r\n")),
    "gb18030": (SPEECH.encode("gb18030"), "gb18030", SPEECH),
    "utf16le": (SPEECH.encode("utf-16"), "utf16le", SPEECH),
    "utf16be-crlf": (b"\xfe\xff" + SPEECH.replace("\n", "\r\n").encode("utf-16-be"), "utf16be", SPEECH.replace("\n", "\r\n")),
    "utf16le-no-bom": (SPEECH.encode("utf-16-le"), "utf16le-no-bom", SPEECH),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_every_span_slices_the_decoded_text(name, tmp_path):
    raw, encoding, text = VARIANTS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(raw)
    document = jianghua.parse(path)
    assert document["meta"]["encoding"] == encoding
    assert jianghua.decoded_text(path) == text
    assert jianghua.decoded_text(raw) == text
    objects = list(spanned(document))
    assert len(objects) > 10
    for part in objects:
        assert text[part["span"]["start"] : part["span"]["end"]] == part["text"], part
    # The character beyond the Basic Multilingual Plane counts one, as in Python.
    assert any("𠀋" in part["text"] for part in objects)
    for section in document["sections"]:
        heading = section["heading_span"]
        assert text[heading["start"] : heading["end"]] == section["heading"]
    assert jianghua.validate(document, source=text) == []
    assert jianghua.validate(document, source=path) == []
    # The same structure whatever the encoding: only meta.encoding and the offsets differ.
    baseline = jianghua.parse(SPEECH)
    assert [s["heading"] for s in document["sections"]] == [s["heading"] for s in baseline["sections"]]


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_python_codec_reads_what_the_parser_read(name, tmp_path):
    raw, encoding, text = VARIANTS[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(raw)
    codec = jianghua.python_codec(jianghua.parse(path)["meta"]["encoding"])
    with open(path, encoding=codec, newline="") as file:
        assert file.read() == text


def test_a_saved_page_indexes_its_visible_text():
    page = (
        "<!DOCTYPE html><html><head><title>讲话</title></head><body>"
        "<nav>首页 &gt; 领导讲话</nav>"
        "<h1>在全市人大工作会议上的讲话</h1><p>同志们：</p>"
        "<p>一、坚持党的领导</p><p>一要深入学习贯彻习近平法治思想。</p>"
        "<p>二、依法履职尽责</p><p>坚持以人民为中心。</p>"
        "<footer>版权所有</footer></body></html>"
    ).encode()
    document = jianghua.parse(page)
    text = jianghua.decoded_text(page)
    assert document["meta"]["input"] == "html"
    assert "<p>" not in text and "首页 > 领导讲话" in text
    for part in spanned(document):
        assert text[part["span"]["start"] : part["span"]["end"]] == part["text"]


def test_lossy_spans_count_the_replacement_characters():
    raw = b"\xef\xbb\xbf" + SPEECH.encode().replace("张雷明".encode(), b"\xff\xfe\xff")
    with pytest.raises(jianghua.JianghuaError) as refused:
        jianghua.parse(raw)
    assert refused.value.code == "undecodable" and refused.value.offset == 3 + SPEECH.encode().index("张雷明".encode())
    document = jianghua.parse(raw, lossy=True)
    text = jianghua.decoded_text(raw, lossy=True)
    assert document["meta"]["encoding"] == "lossy" and "\ufffd" in text
    for part in spanned(document):
        assert text[part["span"]["start"] : part["span"]["end"]] == part["text"]


def test_a_named_encoding_is_read_instead_of_detected():
    raw = SPEECH.encode("big5", errors="ignore")
    document = jianghua.parse(raw, encoding="big5")
    text = jianghua.decoded_text(raw, encoding="big5")
    assert document["meta"]["encoding"] == "other"  # named, not detected: a note names it
    for part in spanned(document):
        assert text[part["span"]["start"] : part["span"]["end"]] == part["text"]
