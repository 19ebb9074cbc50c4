"""Type stubs of the native module; the documented API is the ``jianghua`` package."""

import os
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple, Union

from ._errors import JianghuaError

__version__: str

_Source = Union[bytes, str, os.PathLike[str]]
_PathLike = Union[str, os.PathLike[str]]

def parse(
    source: _Source,
    *,
    lexicon: Optional[_PathLike] = None,
    encoding: Optional[str] = None,
    lossy: bool = False,
    allow_empty: bool = False,
) -> Dict[str, Any]: ...

class ParseMany(Iterator[Tuple[Any, Union[Dict[str, Any], JianghuaError]]]):
    def __iter__(self) -> "ParseMany": ...
    def __next__(self) -> Tuple[Any, Union[Dict[str, Any], JianghuaError]]: ...
    def __length_hint__(self) -> int: ...

def parse_many(
    paths: Sequence[_PathLike],
    *,
    jobs: Optional[int] = None,
    lexicon: Optional[_PathLike] = None,
    encoding: Optional[str] = None,
    lossy: bool = False,
    allow_empty: bool = False,
) -> ParseMany: ...
def decoded_text(source: _Source, *, encoding: Optional[str] = None, lossy: bool = False) -> str: ...
def validate(document: Union[Dict[str, Any], _Source], *, source: Optional[_Source] = None) -> List[Dict[str, Any]]: ...
def schema() -> Dict[str, Any]: ...
def to_json(document: Dict[str, Any]) -> str: ...
def to_xml(document: Dict[str, Any]) -> str: ...
def to_akn(document: Dict[str, Any]) -> str: ...
