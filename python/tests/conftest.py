"""Shared fixtures: the repository, the CLI binary to compare against, the
sample article, a small batch of synthetic articles."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "north-korea-boots-on-the-ground.txt"


def _cli() -> pathlib.Path:
    """$FRONTLINE_BIN, else the binary `cargo test` or `cargo build` left."""
    if os.environ.get("FRONTLINE_BIN"):
        return pathlib.Path(os.environ["FRONTLINE_BIN"])
    built = [ROOT / "target" / p / "frontline" for p in ("release", "debug")]
    built = [p for p in built if p.exists()]
    if built:
        # The newer of the two: the other may be left from older code.
        return max(built, key=lambda p: p.stat().st_mtime)
    pytest.skip("no frontline binary: run `cargo build` or set FRONTLINE_BIN")


@pytest.fixture(scope="session")
def cli() -> pathlib.Path:
    return _cli()


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


def make_batch(n: int) -> list[dict]:
    """N synthetic articles from tools/make-batch.py (deterministic)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make-batch.py"), str(n)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="session")
def batch40() -> list[dict]:
    return make_batch(40)
