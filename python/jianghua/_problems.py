"""The problems ``validate`` reports, as named tuples (loaded on first use: they need
``typing``, which ``import jianghua`` does not pay for)."""

from __future__ import annotations

from typing import NamedTuple, Optional

__all__ = ["Problem", "SourcePlace"]


# NamedTuples rather than dataclasses: `dataclasses` would double the import time of the package.
class SourcePlace(NamedTuple):
    """Where a problem lies in the source text: a character span and its line and column."""

    start: int
    end: int
    line: int
    column: int


class Problem(NamedTuple):
    """One thing wrong with a document, as ``jianghua validate --format json`` reports it.

    ``rule`` is the failing JSON Schema keyword (``required``, ``type``…) or the stable code of
    a semantic rule (``ordinal-order``, ``text-mismatch``…); ``pointer`` the JSON Pointer of
    the value; ``line`` and ``column`` where the value starts in the document's file or text
    (``None`` for a ``dict``, which has no lines); ``source`` the place in the source text for
    problems about it.
    """

    severity: str
    layer: str
    rule: str
    pointer: str
    line: Optional[int]
    column: Optional[int]
    source: Optional[SourcePlace]
    message: str

    def __str__(self) -> str:
        at = f"{self.line}:{self.column}: " if self.line is not None else ""
        return f"{at}{self.severity}[{self.rule}] {self.pointer}: {self.message}"


# Documented, pickled and shown as members of the package.
SourcePlace.__module__ = Problem.__module__ = "jianghua"
