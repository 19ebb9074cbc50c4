"""The exception every failure of the package raises."""

from __future__ import annotations

# `typing` only for type checkers: importing it would triple the import time of the package.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

__all__ = ["JianghuaError"]


class JianghuaError(Exception):
    """An input that cannot be read, decoded or parsed, or a document that cannot be read.

    ``code`` is the stable code the command line reports for the same failure:

    - reading: ``unreadable`` (the system's message), ``too-large`` (over 256 MiB),
      ``empty-input`` (no text; ``allow_empty=True`` reads it as an empty document),
      ``undecodable`` (bytes in no supported encoding, or binary; ``offset`` is the byte
      offset of the first bad byte), ``unknown-encoding``, ``lexicon`` (a bad lexicon file);
    - documents: ``json-syntax``, ``not-utf8``, ``xml-syntax``, ``xml-shape`` (``line`` and
      ``column``, in characters, say where), ``not-a-speech`` (a value the model does not read);
    - ``internal``: a bug in jianghua, never a panic crossing into Python.

    ``str(error)`` reads ``path:line:column: message`` like the command line's reports.
    """

    code: str
    message: str
    path: Optional[str]
    line: Optional[int]
    column: Optional[int]
    offset: Optional[int]

    def __init__(
        self,
        message: str,
        *,
        code: str,
        path: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path
        self.line = line
        self.column = column
        self.offset = offset

    def __str__(self) -> str:
        place = [str(part) for part in (self.path, self.line, self.column) if part is not None]
        return ":".join(place + [" " + self.message]) if place else self.message

    def __repr__(self) -> str:
        return f"JianghuaError({self.message!r}, code={self.code!r}, path={self.path!r}, line={self.line!r}, column={self.column!r}, offset={self.offset!r})"

    def __reduce__(self):  # keyword-only fields survive pickling (Dask, multiprocessing)
        return (_rebuild, (self.message, self.code, self.path, self.line, self.column, self.offset))


def _rebuild(message, code, path, line, column, offset) -> JianghuaError:
    return JianghuaError(message, code=code, path=path, line=line, column=column, offset=offset)
