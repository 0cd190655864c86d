#!/usr/bin/env python3
"""Throughput of the Python package against the CLI, on the same synthetic
articles (tools/make-batch.py), in one run so that the ratios compare like
with like on a machine whose speed moves from minute to minute:

1. `frontline.extract_many` over N articles (default 10,000) on `--jobs`
   threads (default 2), to a FeatureCollection (the bytes parsed by
   `json.loads`) and to a GeoDataFrame, against
   `frontline layers IN.jsonl --layer L --jobs J` (per-article files and the
   merged layer written to a temporary folder);
2. with `--spark M`: the Spark example (python/examples/spark_geoparquet.py,
   places and events as GeoParquet) over the first M articles on 1 and 2
   local workers, against `frontline layers --layer places,events` on the
   same M articles, 1 and 2 jobs.

    target/pyenv/bin/python python/bench/throughput.py [--articles N] [--jobs J]
        [--layer places] [--spark M] [--cli target/release/frontline]

Not a test: it prints a table of seconds, articles/s and ratios.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def articles(n: int) -> list[dict]:
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "make-batch.py"), str(n)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def timed(f):
    started = time.perf_counter()
    f()
    return time.perf_counter() - started


def cli_layers(cli: str, jsonl: pathlib.Path, layers: str, jobs: int) -> float:
    out = pathlib.Path(tempfile.mkdtemp(prefix="frontline-bench-"))
    try:
        return timed(lambda: subprocess.run(
            [cli, "layers", str(jsonl), "--out-dir", str(out), "--layer", layers,
             "--jobs", str(jobs)], check=True, capture_output=True))
    finally:
        shutil.rmtree(out)


def row(what: str, n: int, seconds: float, base: float | None = None) -> None:
    ratio = f"{seconds / base:.2f}" if base else ""
    print(f"| {what} | {n:,} | {seconds:.2f} | {n / seconds:,.0f} | {ratio} |", flush=True)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=10_000)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--layer", default="places")
    p.add_argument("--spark", type=int, default=0, metavar="M")
    p.add_argument("--cli", default=str(ROOT / "target" / "release" / "frontline"))
    args = p.parse_args()

    import frontline

    frontline.load()
    batch = articles(args.articles)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="frontline-bench-in-"))
    jsonl = tmp / "in.jsonl"
    jsonl.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in batch),
                     encoding="utf-8")
    n, jobs, layer = args.articles, args.jobs, args.layer
    print(f"{n:,} articles, {jsonl.stat().st_size / 1e6:.1f} MB, layer {layer}, {jobs} jobs")
    print("| run | articles | s | articles/s | × CLI |\n|---|---:|---:|---:|---:|")
    cli = cli_layers(args.cli, jsonl, layer, jobs)
    row(f"CLI `layers --layer {layer} --jobs {jobs}`", n, cli)
    raw = timed(lambda: frontline._frontline.extract_many(frontline._rows(batch), layer, jobs))
    row("extract_many, bytes only (no json.loads)", n, raw, cli)
    fc = timed(lambda: frontline.extract_many(batch, layer=layer, jobs=jobs))
    row('extract_many(to="geojson")', n, fc, cli)
    gdf = timed(lambda: frontline.extract_many(batch, layer=layer, jobs=jobs, to="geopandas"))
    row('extract_many(to="geopandas")', n, gdf, cli)
    cli2 = cli_layers(args.cli, jsonl, layer, jobs)
    row(f"CLI `layers --layer {layer} --jobs {jobs}` again", n, cli2)

    if args.spark:
        import importlib.util

        # Loaded from its file, not imported by name, so that Spark ships
        # its functions to the workers by value.
        path = ROOT / "python" / "examples" / "spark_geoparquet.py"
        spec = importlib.util.spec_from_file_location("spark_geoparquet", path)
        example = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(example)

        m = args.spark
        small = tmp / "small.jsonl"
        small.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in batch[:m]),
                         encoding="utf-8")
        dataset = tmp / "articles"
        example.make_input(m, dataset)
        print(f"\nSpark, places and events as GeoParquet, {m:,} articles")
        print("| run | articles | s | articles/s | × CLI |\n|---|---:|---:|---:|---:|")
        for workers in (1, 2):
            base = cli_layers(args.cli, small, "places,events", workers)
            row(f"CLI `layers --layer places,events --jobs {workers}`", m, base)
            out = tmp / f"spark-{workers}"
            totals = example.run(str(dataset), str(out), workers)
            row(f"Spark local[{workers}] (job only, session started)", m, totals["seconds"], base)
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
