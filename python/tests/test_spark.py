"""The Spark example (python/examples/spark_geoparquet.py) in local mode:
a partitioned Parquet dataset of a few hundred articles in, GeoParquet of
their places and events out, read back by GeoPandas (and by GDAL's
`ogrinfo` where its Parquet driver is built in)."""

import importlib.util
import shutil
import subprocess

import pytest

import frontline
from conftest import ROOT, make_batch

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("Spark needs java (.ci/run installs openjdk-17-jre-headless)",
                allow_module_level=True)

ARTICLES = 200


def _example():
    path = ROOT / "python" / "examples" / "spark_geoparquet.py"
    spec = importlib.util.spec_from_file_location("spark_geoparquet", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    example = _example()
    base = tmp_path_factory.mktemp("spark")
    example.make_input(ARTICLES, base / "articles")
    totals = example.run(str(base / "articles"), str(base / "out"), workers=2)
    return base / "out", totals


def test_every_article_is_read_once(written):
    _, totals = written
    assert totals["articles"] == ARTICLES


def test_geopandas_reads_the_places_and_events_the_package_finds(written):
    import geopandas

    out, totals = written
    expected = {layer: frontline.extract_many(make_batch(ARTICLES), layer=layer, to="geopandas")
                for layer in ("places", "events")}
    for layer in ("places", "events"):
        files = sorted((out / layer).glob("part-*.parquet"))
        assert files, layer
        gdf = geopandas.read_parquet(files)
        assert len(gdf) == totals[layer] == len(expected[layer]), layer
        assert gdf.crs.to_epsg() == 4326
        assert set(gdf.geom_type) <= {"Point", "LineString"}
        # Dates are dates, ids integers, in every part.
        assert str(gdf["published"].dtype) == "date32[day][pyarrow]"
        assert str(gdf["geonameid"].dtype) == "int64"
        # The same features, whichever task read them.
        key = ["article_id", "geonameid", "title", "start"] if layer == "events" \
            else ["article_id", "geonameid"]
        got = gdf.sort_values(key)[key].reset_index(drop=True)
        want = expected[layer].sort_values(key)[key].reset_index(drop=True)
        assert got.equals(want), layer


def test_ogrinfo_reads_the_geoparquet_where_gdal_has_parquet(written):
    out, totals = written
    formats = subprocess.run(["ogrinfo", "--formats"], capture_output=True, text=True) \
        if shutil.which("ogrinfo") else None
    if formats is None or "Parquet" not in formats.stdout:
        pytest.skip("this GDAL has no Parquet driver (Debian 12's gdal-bin is built without it)")
    first = sorted((out / "places").glob("part-*.parquet"))[0]
    info = subprocess.run(["ogrinfo", "-so", "-al", str(first)], capture_output=True,
                          text=True, check=True).stdout
    assert "Geometry: Point" in info
    assert "published: Date" in info
