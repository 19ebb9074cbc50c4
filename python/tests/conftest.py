"""Fixtures: the repository's seeds and test inputs, and the command line to compare with."""

from __future__ import annotations

import os
import pathlib
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def _built(name: str, *under: str) -> pathlib.Path:
    # The debug build first: what `cargo build` (the README's test command) has just made.
    for profile in ("debug", "release"):
        path = REPO.joinpath("target", profile, *under, name)
        if path.is_file():
            return path
    pytest.fail(f"{name} is not built: run `cargo build --bin jianghua --example make_corpus` first")


class Cli:
    """Runs the `jianghua` binary: `cli("parse", path).stdout`."""

    def __init__(self, path: pathlib.Path) -> None:
        self.path = path

    def __call__(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run([str(self.path), "--quiet", *map(str, args)], capture_output=True)
        if check and done.returncode != 0:
            raise AssertionError(f"jianghua {' '.join(map(str, args))} exited {done.returncode}: {done.stderr.decode()}")
        return done


@pytest.fixture(scope="session")
def cli() -> Cli:
    """The `jianghua` binary ($JIANGHUA_BIN, else target/debug or target/release)."""
    given = os.environ.get("JIANGHUA_BIN")
    return Cli(pathlib.Path(given) if given else _built("jianghua"))


@pytest.fixture(scope="session")
def make_corpus() -> pathlib.Path:
    """The corpus generator of `examples/make_corpus.rs`."""
    given = os.environ.get("JIANGHUA_MAKE_CORPUS")
    return pathlib.Path(given) if given else _built("make_corpus", "examples")


@pytest.fixture(scope="session")
def seeds() -> list[pathlib.Path]:
    return sorted((REPO / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def inputs() -> list[pathlib.Path]:
    """The seeds and the parser's test inputs."""
    found = sorted((REPO / "seeds").glob("*.txt")) + sorted((REPO / "tests" / "inputs").glob("*.txt"))
    assert len(found) > 20
    return found


@pytest.fixture(scope="session")
def corpus(tmp_path_factory, make_corpus) -> pathlib.Path:
    """A generated corpus of 60 varied files (nested folders, some GB18030)."""
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([str(make_corpus), str(out), "60", str(REPO / "seeds")], check=True, capture_output=True)
    return out

