#!/usr/bin/env python3
"""Writes N synthetic articles as JSON Lines (default 1,000) to stdout: the
development corpus's texts run together and cut at a sentence end before
5,000 bytes, as benches/batch.rs builds them. Deterministic: the same N gives
the same bytes. Used by tools/same-output.sh."""
import json
import pathlib
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
corpus = pathlib.Path(__file__).resolve().parent.parent / "tests" / "corpus"
texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
k = 0
for i in range(n):
    text = ""
    while len(text.encode()) < 5000:
        text += texts[k % len(texts)] + "\n\n"
        k += 1
    raw = text.encode()[:5000].decode("utf-8", errors="ignore")
    cut = raw.rfind(". ")
    text = raw[: cut + 1] if cut >= 0 else raw
    day = 1 + i % 28
    print(json.dumps({"id": f"a{i:05}", "text": text, "published": f"2024-06-{day:02}"}, ensure_ascii=False))
