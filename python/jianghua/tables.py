"""Documents as tidy tables: one row per document, section, directive, doctrine mention,
theme score and boilerplate block, with the ids that join them.

Every table has ``doc_id``: the path of a ``(path, document)`` pair (as ``parse_many``
yields them), the key of a mapping, or the position of a bare document (``"0"``, ``"1"``…).
``section_id`` numbers a document's sections in reading order (subsections after their
parent), ``directive_id`` its directives; ``(doc_id, section_id)`` and
``(doc_id, directive_id)`` are unique. Spans (``start``, ``end``) index the text
``decoded_text`` returns, so ``text[start:end]`` is the row's text.

A failure paired with its path (a ``JianghuaError`` from ``parse_many``) is a row of the
``errors`` table, never a document.
"""

from __future__ import annotations

import os

# `typing` only for type checkers: importing it would triple the import time of the package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

    Document = Dict[str, Any]
    Row = Dict[str, Any]
    Item = Union[Document, Tuple[Any, Union[Document, BaseException]]]

__all__ = ["SCHEMA", "rows", "tables", "python_codec"]

# Each table's columns and their kinds (str, int, float, bool); every column may be null.
SCHEMA: Dict[str, Tuple[Tuple[str, str], ...]] = {
    "documents": (
        ("doc_id", "str"),
        ("path", "str"),
        ("title", "str"),
        ("genre", "str"),
        ("speaker_name", "str"),
        ("speaker_role", "str"),
        ("date", "str"),
        ("year", "int"),
        ("month", "int"),
        ("day", "int"),
        ("occasion", "str"),
        ("place", "str"),
        ("level", "str"),
        ("fragment", "bool"),
        ("announced_sections", "int"),
        ("encoding", "str"),
        ("input", "str"),
        ("source_site", "str"),
        ("source_url", "str"),
        ("source_origin", "str"),
        ("source_author", "str"),
        ("published", "str"),
        ("sections", "int"),
        ("subsections", "int"),
        ("directives", "int"),
        ("doctrine_mentions", "int"),
        ("warnings", "int"),
    ),
    "sections": (
        ("doc_id", "str"),
        ("section_id", "int"),
        ("parent_id", "int"),
        ("depth", "int"),
        ("number", "str"),
        ("ordinal", "int"),
        ("marker", "str"),
        ("heading", "str"),
        ("start", "int"),
        ("end", "int"),
        ("heading_start", "int"),
        ("heading_end", "int"),
        ("paragraphs", "int"),
        ("directives", "int"),
    ),
    "directives": (
        ("doc_id", "str"),
        ("directive_id", "int"),
        ("section_id", "int"),
        ("ordinal", "int"),
        ("marker", "str"),
        ("heading", "str"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
    ),
    "doctrines": (
        ("doc_id", "str"),
        ("doctrine", "str"),
        ("kind", "str"),
        ("attribution", "str"),
        ("mention", "int"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
        ("section_id", "int"),
    ),
    "themes": (
        ("doc_id", "str"),
        ("scope", "str"),
        ("section_id", "int"),
        ("directive_id", "int"),
        ("theme", "str"),
        ("weight", "float"),
    ),
    "boilerplate": (
        ("doc_id", "str"),
        ("kind", "str"),
        ("text", "str"),
        ("start", "int"),
        ("end", "int"),
    ),
    "errors": (
        ("doc_id", "str"),
        ("path", "str"),
        ("code", "str"),
        ("message", "str"),
        ("line", "int"),
        ("column", "int"),
        ("offset", "int"),
    ),
}

# `meta.encoding` → the Python codec that reads such a file (`None`: no codec reads it as the
# parser did). `decoded_text` is the exact text in every case; this is for other tools.
_CODECS = {
    "utf8": "utf-8",
    "utf8-bom": "utf-8-sig",
    "gb18030": "gb18030",
    "big5": "big5",
    "utf16le": "utf-16",
    "utf16be": "utf-16",
    "utf16le-no-bom": "utf-16-le",
    "utf16be-no-bom": "utf-16-be",
}


def python_codec(encoding: Optional[str]) -> Optional[str]:
    """The Python codec for a ``meta.encoding`` value (``"utf8-bom"`` → ``"utf-8-sig"``).

    ``None`` for ``other`` and ``lossy``, which no codec reproduces. Open the file with
    ``newline=""`` too: spans count a CRLF as two characters. ``decoded_text`` gives the
    exact text whatever the encoding, pages included.
    """
    return _CODECS.get(encoding) if encoding is not None else None


def _items(documents: Union[Iterable[Item], Mapping[Any, Document]]) -> Iterator[Tuple[str, Optional[str], Union[Document, BaseException]]]:
    """(doc_id, path, document or failure) for each input."""
    from collections.abc import Mapping

    pairs: Iterable[Any] = documents.items() if isinstance(documents, Mapping) else documents
    for position, item in enumerate(pairs):
        if isinstance(item, tuple) and len(item) == 2:
            key, value = item
            name = os.fspath(key) if isinstance(key, (str, os.PathLike)) else str(key)
            yield str(name), str(name), value
        elif isinstance(item, dict):
            yield str(position), None, item
        else:
            raise TypeError(
                f"item {position}: expected a document (dict) or a (path, document) pair, not {type(item).__name__}"
            )


def rows(documents: Union[Iterable[Item], Mapping[Any, Document]]) -> Dict[str, List[Row]]:
    """The rows of every table (see ``SCHEMA``), as lists of dictionaries; no dependency."""
    out: Dict[str, List[Row]] = {name: [] for name in SCHEMA}
    for doc_id, path, value in _items(documents):
        if isinstance(value, BaseException):
            out["errors"].append(_error_row(doc_id, path, value))
            continue
        if not isinstance(value, dict):
            raise TypeError(f"{doc_id}: expected a document (dict), not {type(value).__name__}")
        _add_document(out, doc_id, path, value)
    return out


def _error_row(doc_id: str, path: Optional[str], error: BaseException) -> Row:
    return {
        "doc_id": doc_id,
        "path": getattr(error, "path", None) or path,
        "code": getattr(error, "code", type(error).__name__),
        "message": getattr(error, "message", str(error)),
        "line": getattr(error, "line", None),
        "column": getattr(error, "column", None),
        "offset": getattr(error, "offset", None),
    }


def _flat_sections(sections: List[Document]) -> Iterator[Tuple[Document, Optional[int], int, str]]:
    """(section, parent's position, depth, number) in reading order, parents first."""
    position = 0

    def walk(level: List[Document], parent: Optional[int], depth: int, prefix: str) -> Iterator[Tuple[Document, Optional[int], int, str]]:
        nonlocal position
        for section in level:
            number = f"{prefix}{section['ordinal']}"
            own = position
            position += 1
            yield section, parent, depth, number
            # Positions are handed out as the walk goes, so a child's parent is `own`.
            yield from walk(section.get("subsections") or [], own, depth + 1, number + ".")

    return walk(sections, None, 1, "")


def _add_document(out: Dict[str, List[Row]], doc_id: str, path: Optional[str], doc: Document) -> None:
    meta = doc.get("meta") or {}
    speaker = meta.get("speaker") or {}
    date = meta.get("date") or {}
    source = meta.get("source") or {}
    published = source.get("published") or {}

    # Sections, with their ids, and what lies in them.
    spans: List[Tuple[int, int, int, int]] = []  # start, end, depth, section_id
    directive_id = 0
    subsections = 0
    for section_id, (section, parent, depth, number) in enumerate(_flat_sections(doc.get("sections") or [])):
        subsections += depth > 1
        span = section["span"]
        spans.append((span["start"], span["end"], depth, section_id))
        out["sections"].append(
            {
                "doc_id": doc_id,
                "section_id": section_id,
                "parent_id": parent,
                "depth": depth,
                "number": number,
                "ordinal": section["ordinal"],
                "marker": section.get("marker"),
                "heading": section["heading"],
                "start": span["start"],
                "end": span["end"],
                "heading_start": section["heading_span"]["start"],
                "heading_end": section["heading_span"]["end"],
                "paragraphs": len(section.get("paragraphs") or []),
                "directives": len(section.get("directives") or []),
            }
        )
        for theme in section.get("themes") or []:
            out["themes"].append(_theme_row(doc_id, "section", section_id, None, theme, None))
        for directive in section.get("directives") or []:
            out["directives"].append(
                {
                    "doc_id": doc_id,
                    "directive_id": directive_id,
                    "section_id": section_id,
                    "ordinal": directive["ordinal"],
                    "marker": directive["marker"],
                    "heading": directive["heading"],
                    "text": directive["text"],
                    "start": directive["span"]["start"],
                    "end": directive["span"]["end"],
                }
            )
            for theme in directive.get("themes") or []:
                out["themes"].append(_theme_row(doc_id, "directive", section_id, directive_id, theme, None))
            directive_id += 1

    mentions = 0
    for doctrine in doc.get("doctrines") or []:
        for index, mention in enumerate(doctrine.get("mentions") or []):
            mentions += 1
            start, end = mention["span"]["start"], mention["span"]["end"]
            out["doctrines"].append(
                {
                    "doc_id": doc_id,
                    "doctrine": doctrine["name"],
                    "kind": doctrine["kind"],
                    "attribution": doctrine.get("attribution"),
                    "mention": index,
                    "text": mention["text"],
                    "start": start,
                    "end": end,
                    "section_id": _innermost(spans, start, end),
                }
            )
    for score in doc.get("themes") or []:
        out["themes"].append(_theme_row(doc_id, "document", None, None, score["theme"], score["weight"]))
    for block in doc.get("boilerplate") or []:
        out["boilerplate"].append(
            {
                "doc_id": doc_id,
                "kind": block["kind"],
                "text": block["text"],
                "start": block["span"]["start"],
                "end": block["span"]["end"],
            }
        )
    out["documents"].append(
        {
            "doc_id": doc_id,
            "path": path,
            "title": meta.get("title"),
            "genre": meta.get("genre"),
            "speaker_name": speaker.get("name"),
            "speaker_role": speaker.get("role"),
            "date": date.get("text"),
            "year": date.get("year"),
            "month": date.get("month"),
            "day": date.get("day"),
            "occasion": meta.get("occasion"),
            "place": meta.get("place"),
            "level": meta.get("level"),
            "fragment": meta.get("fragment"),
            "announced_sections": meta.get("announced_sections"),
            "encoding": meta.get("encoding"),
            "input": meta.get("input", "text"),
            "source_site": source.get("site"),
            "source_url": source.get("url"),
            "source_origin": source.get("origin"),
            "source_author": source.get("author"),
            "published": published.get("text"),
            "sections": len(doc.get("sections") or []),
            "subsections": subsections,
            "directives": directive_id,
            "doctrine_mentions": mentions,
            "warnings": sum(1 for d in doc.get("diagnostics") or [] if d.get("severity") == "warning"),
        }
    )


def _theme_row(doc_id: str, scope: str, section_id: Optional[int], directive_id: Optional[int], theme: str, weight: Optional[float]) -> Row:
    return {
        "doc_id": doc_id,
        "scope": scope,
        "section_id": section_id,
        "directive_id": directive_id,
        "theme": theme,
        "weight": weight,
    }


def _innermost(spans: List[Tuple[int, int, int, int]], start: int, end: int) -> Optional[int]:
    """The deepest section whose span holds ``start..end``."""
    best: Optional[Tuple[int, int]] = None
    for s_start, s_end, depth, section_id in spans:
        if s_start <= start and end <= s_end and (best is None or depth > best[0]):
            best = (depth, section_id)
    return best[1] if best else None


_PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def tables(documents: Union[Iterable[Item], Mapping[Any, Document]], *, backend: str = "pandas") -> Dict[str, Any]:
    """The tables of ``rows(documents)``: pandas DataFrames (``backend="pandas"``, nullable
    dtypes: ``string``, ``Int64``, ``Float64``, ``boolean``) or pyarrow Tables
    (``backend="arrow"``). Every table has its columns, in ``SCHEMA``'s order, even when empty.

    ``documents`` is an iterable of documents, of ``(path, document or JianghuaError)`` pairs
    (what ``parse_many`` yields), or a mapping of ids to documents.
    """
    data = rows(documents)
    if backend == "pandas":
        import pandas as pd

        return {
            name: pd.DataFrame(data[name], columns=[c for c, _ in columns]).astype(
                {c: _PANDAS_DTYPES[kind] for c, kind in columns}
            )
            for name, columns in SCHEMA.items()
        }
    if backend == "arrow":
        import pyarrow as pa

        kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
        return {
            name: pa.Table.from_pylist(data[name], schema=pa.schema([(c, kinds[kind]) for c, kind in columns]))
            for name, columns in SCHEMA.items()
        }
    raise ValueError(f"backend must be 'pandas' or 'arrow', not {backend!r}")
