#!/usr/bin/env python3
"""Reads a partitioned Parquet dataset of articles (`id`, `text`,
`published`) on Spark and writes the places and events of every article as
GeoParquet (GeoParquet 1.0 metadata, WKB points, EPSG:4326):

    OUT/places/part-*.parquet
    OUT/events/part-*.parquet

Each Spark task reads its batch of articles with `frontline.extract_many`
inside `mapInPandas` and writes its own GeoParquet file with GeoPandas; what
the task hands back to Spark is a one-row summary per layer (file,
articles, features). Nothing but the `frontline` wheel (and pandas,
GeoPandas, pyarrow) is needed on a worker: the gazetteer is compiled into
the wheel. On a cluster, give OUT as a path every worker and the driver
can write (a shared file system; for object stores, write to local disk and
copy, or adapt `write_layer`), and install the wheel on the workers
(`spark-submit --py-files` does not carry compiled extensions: use
`pip install frontline-*.whl` in the workers' image, or
`--archives` with a packed virtual environment).

    python spark_geoparquet.py ARTICLES_DIR OUT_DIR [--workers N]

With `--make-input N`, ARTICLES_DIR is first written with N synthetic
articles (tools/make-batch.py), partitioned into `shard=K` folders.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import time
import uuid

import pandas as pd

LAYERS = ("places", "events")
ROOT = pathlib.Path(__file__).resolve().parents[2]


def make_input(n: int, out: pathlib.Path, shards: int = 8) -> None:
    """N synthetic articles as a Parquet dataset partitioned `shard=K`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    lines = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make-batch.py"), str(n)],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    df = pd.DataFrame([json.loads(line) for line in lines])
    df["shard"] = [i % shards for i in range(len(df))]
    pq.write_to_dataset(pa.Table.from_pandas(df, preserve_index=False), str(out),
                        partition_cols=["shard"])


def write_layer(gdf, out_dir: pathlib.Path) -> str:
    """One task's layer as a GeoParquet file of its own; dates as dates."""
    for column in ("published", "event_date"):
        if column in gdf.columns:
            gdf[column] = gdf[column].dt.date.astype("date32[pyarrow]")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"part-{uuid.uuid4().hex}.parquet"
    tmp = path.with_name("." + path.name + ".tmp")
    gdf.to_parquet(tmp, index=False)
    os.replace(tmp, path)  # readers never see a half-written file
    return str(path)


def extractor(out: str):
    """The function each task runs over its batches of articles."""
    out_dir = pathlib.Path(out)

    def run(batches):
        import frontline

        frontline.load()
        for pdf in batches:
            for layer in LAYERS:
                gdf = frontline.extract_many(pdf, layer=layer, jobs=1, to="geopandas",
                                             errors="skip")
                path = write_layer(gdf, out_dir / layer) if len(gdf) else ""
                yield pd.DataFrame({"layer": [layer], "file": [path],
                                    "articles": [len(pdf)], "features": [len(gdf)]})

    return run


def run(articles: str, out: str, workers: int) -> dict:
    """Runs the job in local mode on `workers` cores; returns the totals."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .appName("frontline-geoparquet")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
        .config("spark.sql.shuffle.partitions", str(workers))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    try:
        started = time.perf_counter()
        df = spark.read.parquet(articles).select("id", "text", "published")
        # One task per core: the input's files split over the workers.
        df = df.repartition(workers)
        rows = df.mapInPandas(
            extractor(out), "layer string, file string, articles long, features long"
        ).collect()
        seconds = time.perf_counter() - started
    finally:
        spark.stop()
    totals = {"seconds": seconds, "workers": workers}
    for layer in LAYERS:
        mine = [r for r in rows if r.layer == layer]
        totals[layer] = sum(r.features for r in mine)
        totals["articles"] = sum(r.articles for r in mine)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles")
    parser.add_argument("out")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--make-input", type=int, metavar="N")
    args = parser.parse_args()
    if args.make_input:
        make_input(args.make_input, pathlib.Path(args.articles))
    totals = run(args.articles, args.out, args.workers)
    print(
        f"{totals['articles']} articles, {totals['places']} places, {totals['events']} events "
        f"on {args.workers} workers in {totals['seconds']:.1f} s "
        f"({totals['articles'] / totals['seconds']:.0f} articles/s) -> {args.out}"
    )


if __name__ == "__main__":
    main()
