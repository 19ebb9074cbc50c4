"""jianghua (讲话): Chinese congress work speeches into typed, validated, lossless documents.

The parser, validator and output forms of the ``jianghua`` command line, for Python::

    import jianghua
    doc = jianghua.parse(pathlib.Path("speech.txt"))      # the dict of `jianghua parse`
    text = jianghua.decoded_text(pathlib.Path("speech.txt"))
    section = doc["sections"][0]
    assert text[section["span"]["start"]:section["span"]["end"]].startswith(section["marker"])

Documents are the ``dict`` of the JSON that ``jianghua parse`` prints (the contract of
``schema()``); spans count characters of ``decoded_text``, so Python slicing is always right.
Many files are parsed on Rust threads by ``parse_many``; ``tables`` turns documents into
pandas DataFrames (or Arrow tables) that join on ``doc_id``.
"""

from __future__ import annotations

from . import _jianghua
from ._errors import JianghuaError
from .tables import SCHEMA, python_codec, rows, tables

# `typing` only for type checkers, and `Problem` and `SourcePlace` (which need it) made on first
# use: importing `typing` would triple the import time of the package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import os
    from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

    from ._problems import Problem, SourcePlace

    Document = Dict[str, Any]
    Source = Union[bytes, str, "os.PathLike[str]"]
    PathLike = Union[str, "os.PathLike[str]"]

__all__ = [
    "JianghuaError",
    "Problem",
    "SourcePlace",
    "SCHEMA",
    "__version__",
    "decoded_text",
    "parse",
    "parse_many",
    "python_codec",
    "rows",
    "schema",
    "tables",
    "to_akn",
    "to_json",
    "to_xml",
    "validate",
]

__version__: str = _jianghua.__version__


def __getattr__(name: str) -> Any:
    if name in ("Problem", "SourcePlace"):
        from . import _problems

        return getattr(_problems, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(__all__))


def parse(
    source: Source,
    *,
    lexicon: Optional[PathLike] = None,
    encoding: Optional[str] = None,
    lossy: bool = False,
    allow_empty: bool = False,
) -> Document:
    """Parses one speech text or saved web page into its document, as ``jianghua parse`` does.

    ``source`` is the input's ``bytes`` (any encoding: UTF-8 with or without BOM, UTF-16,
    GB18030…), a ``str`` holding the text itself, or a path (``pathlib.Path``, any
    ``os.PathLike``) of a file to read. Note that a plain ``str`` is text, not a file name.

    ``lexicon``: a file of extra doctrines in the format of ``data/doctrines.tsv``
    (``--lexicon``). ``encoding``: a WHATWG label read instead of detecting the encoding
    (``--encoding``). ``lossy``: undecodable bytes become U+FFFD instead of failing
    (``--lossy``). ``allow_empty``: an empty input is an empty document (``--allow-empty``).

    Returns the ``dict`` of the document's JSON: ``json.dumps(doc, ensure_ascii=False,
    indent=2) + "\\n"`` is what ``jianghua parse`` prints, byte for byte (``to_json`` too).
    Raises ``JianghuaError`` with the command line's code (``empty-input``, ``undecodable``,
    ``unreadable``…). The parse runs without the GIL.
    """
    return _jianghua.parse(source, lexicon=lexicon, encoding=encoding, lossy=lossy, allow_empty=allow_empty)


def parse_many(
    paths: Iterable[PathLike],
    *,
    jobs: Optional[int] = None,
    lexicon: Optional[PathLike] = None,
    encoding: Optional[str] = None,
    lossy: bool = False,
    allow_empty: bool = False,
) -> Iterator[Tuple[PathLike, Union[Document, JianghuaError]]]:
    """Parses files on ``jobs`` Rust threads (default: one per core), without the GIL.

    Yields ``(path, document)`` for each path in the order given, ``path`` being the object
    passed in; a file that fails yields ``(path, JianghuaError)`` instead of raising, so one
    bad file does not stop a corpus. Only a window of documents is held at a time; dropping
    the iterator stops the work. Every ``str`` here is a file name. Options as for ``parse``.
    The documents are those of ``jianghua convert --jsonl`` on the same files.
    """
    return _jianghua.parse_many(
        list(paths), jobs=jobs, lexicon=lexicon, encoding=encoding, lossy=lossy, allow_empty=allow_empty
    )


def decoded_text(source: Source, *, encoding: Optional[str] = None, lossy: bool = False) -> str:
    """The exact text a document's spans index: ``text[start:end]`` is the object's text.

    For a text file, the text decoded as ``parse`` decodes it (byte order mark removed, line
    ends kept: a CRLF is two characters); for a saved page, its visible text (what
    ``jianghua text`` prints). Pass the ``encoding`` and ``lossy`` given to ``parse``.
    ``source`` as for ``parse``.
    """
    return _jianghua.decoded_text(source, encoding=encoding, lossy=lossy)


def validate(document: Union[Document, Source], *, source: Optional[Source] = None) -> List[Problem]:
    """Every problem of a document, by the rules and codes of ``jianghua validate``.

    ``document`` is a ``dict`` (as ``parse`` returns it), the JSON or XML text of a document
    (``str`` or ``bytes``), or a path to a document file. With ``source`` (the ``str`` that
    ``decoded_text`` returns, or the source file's ``bytes`` or path), also checks that every
    text equals the source at its span and that no source text is left out.

    Returns the problems in reading order (empty: valid); errors make a document invalid,
    warnings do not. Raises ``JianghuaError`` when the document cannot be read at all
    (``json-syntax``, ``xml-syntax``, ``not-utf8``…, with its line and column).
    """
    from ._problems import Problem, SourcePlace

    return [
        Problem(**{**p, "source": SourcePlace(**p["source"]) if p["source"] else None})
        for p in _jianghua.validate(document, source=source)
    ]


def schema() -> Dict[str, Any]:
    """The JSON Schema (2020-12) of documents, as ``jianghua schema`` prints it."""
    return _jianghua.schema()


def to_json(document: Document) -> str:
    """The document as ``jianghua parse`` writes it: pretty JSON and a final newline."""
    return _jianghua.to_json(document)


def to_xml(document: Document) -> str:
    """The document in the project's XML form (``schema/speech.xsd``), lossless."""
    return _jianghua.to_xml(document)


def to_akn(document: Document) -> str:
    """The document as an Akoma Ntoso 3.0 ``debate``."""
    return _jianghua.to_akn(document)
