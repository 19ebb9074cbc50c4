"""The README's Python example runs as written, from the repository's root."""

from __future__ import annotations

import contextlib
import io
import os
import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parents[2]


def test_the_readme_example_runs(monkeypatch):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    example = next(block for block in blocks if "parse_many" in block)
    assert len(example.strip().splitlines()) == 5
    monkeypatch.chdir(REPO)
    printed = io.StringIO()
    scope: dict = {}
    with contextlib.redirect_stdout(printed):
        exec(compile(example, "README.md", "exec"), scope)
    directives = scope["directives"]
    assert len(directives) > 0 and {"title", "year", "marker", "heading"} <= set(directives.columns)
    assert "heading" in printed.getvalue()
    assert os.getcwd() == str(REPO)
