"""The Rust extension; use the functions of `frontline` instead."""

from typing import Optional

Row = tuple[Optional[str], Optional[str], Optional[str], Optional[str], Optional[str]]

def extract(
    text: str,
    published: Optional[str] = None,
    layer: str = "places",
    id: Optional[str] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
) -> bytes: ...
def extract_many(
    rows: list[Row],
    layer: str,
    jobs: Optional[int] = None,
    seq: bool = False,
    batch_coherence: bool = True,
) -> tuple[bytes, int, list[tuple[str, str]]]: ...
def resolve(
    name: str,
    near: Optional[tuple[float, float]] = None,
    admin1: Optional[str] = None,
    country: Optional[str] = None,
    limit: Optional[int] = None,
) -> bytes: ...
def front(
    rows: list[Row],
    as_of: Optional[str] = None,
    baseline: Optional[str] = None,
    published: Optional[str] = None,
    jobs: Optional[int] = None,
    batch_coherence: bool = True,
) -> tuple[str, list[tuple[str, bytes]], list[tuple[str, str]]]: ...
def load() -> None: ...
