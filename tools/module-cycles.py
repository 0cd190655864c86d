#!/usr/bin/env python3
"""Lists the import cycles between the library's top-level modules: an edge
A -> B for every `crate::B` that A's files name (doc links and tests
excluded). Prints nothing and exits 0 when there are none.

    python3 tools/module-cycles.py
"""
import pathlib
import re
import sys

src = pathlib.Path(__file__).resolve().parent.parent / "src"
modules = {p.stem if p.is_file() else p.name for p in src.iterdir()
           if (p.suffix == ".rs" and p.stem not in ("lib", "main")) or (p.is_dir() and p.name != "bin")}
edges = {m: set() for m in modules}
# What the crate root re-exports, by the module that defines it.
ROOT = {
    "Gazetteer": "gazetteer", "NameMatch": "gazetteer", "Hints": "resolve",
    "Candidate": "resolve", "CandidateRecord": "resolve", "ScoreParts": "score",
    "MatchKind": "names", "Place": "place", "Action": "action", "Side": "side",
    "Event": "event", "Certainty": "event", "Extent": "event", "Article": "article",
    "ArticleMeta": "article", "Error": "error", "Result": "error", "extract": "extract",
    "extract_to": "extract", "Depth": "extract", "Extraction": "extract", "Layer": "layer",
    "LayerKind": "layer", "Resolution": "context", "ResolvedMention": "context",
}
for path in src.rglob("*.rs"):
    rel = path.relative_to(src).parts
    if rel[0] == "bin" or rel[0] == "lib.rs":
        continue
    # A module's unit tests in a file of their own (`#[cfg(test)] mod tests;`).
    if path.name == "tests.rs":
        continue
    owner = rel[0][:-3] if rel[0].endswith(".rs") else rel[0]
    text = path.read_text()
    # Unit tests may use any stage.
    text = text.split("#[cfg(test)]")[0]
    for line in text.splitlines():
        if line.lstrip().startswith("//"):
            continue
        for target in re.findall(r"crate::([a-z_]+)", line):
            if target in modules and target != owner:
                edges[owner].add(target)
        # Root re-exports: `crate::Gazetteer`, `use crate::{Hints, Place}`.
        names = re.findall(r"crate::([A-Z][A-Za-z]*|extract_to)\b", line)
        for group in re.findall(r"crate::\{([^}]*)\}", line):
            names += [n.strip() for n in group.split(",")]
        for name in names:
            target = ROOT.get(name)
            if target and target in modules and target != owner:
                edges[owner].add(target)
cycles = []
def dfs(node, stack, seen):
    for nxt in sorted(edges[node]):
        if nxt in stack:
            cyc = stack[stack.index(nxt):] + [nxt]
            key = frozenset(cyc)
            if key not in seen:
                seen.add(key)
                cycles.append(cyc)
        elif len(stack) < 12:
            dfs(nxt, stack + [nxt], seen)
seen = set()
for m in sorted(modules):
    dfs(m, [m], seen)
for c in cycles:
    print(" -> ".join(c))
sys.exit(1 if cycles else 0)
