"""GeoParquet written by the frontline CLI, read back by GeoPandas.

Runs the binary named by FRONTLINE_BIN (default target/release/frontline,
from the repository root) and checks that GeoPandas reads its GeoParquet
with the right types: dates as dates, integers as int64, fractions as
float64, text as text, points in WGS 84. Skips when GeoPandas (or
pyarrow) is not installed, or the binary is missing.
"""

import datetime
import json
import os
import pathlib
import subprocess

import pytest

gpd = pytest.importorskip("geopandas")
pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "north-korea-boots-on-the-ground.txt"


def frontline_bin():
    path = pathlib.Path(os.environ.get("FRONTLINE_BIN", "target/release/frontline"))
    if not path.is_absolute():
        path = ROOT / path
    if not path.exists():
        pytest.skip(f"no frontline binary at {path} (build it, or set FRONTLINE_BIN)")
    return path


def run(*args):
    subprocess.run([str(frontline_bin()), *map(str, args)], check=True, cwd=ROOT)


def is_date_column(series):
    """A column of dates: datetime64, or objects that are datetime.date."""
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return True
    values = series.dropna()
    return len(values) > 0 and all(isinstance(v, datetime.date) for v in values)


@pytest.fixture(scope="module")
def sample_layers(tmp_path_factory):
    out = tmp_path_factory.mktemp("layers")
    for layer in ("places", "events", "mentions"):
        for fmt, ext in (("geoparquet", "parquet"), ("geojson", "geojson")):
            run(
                "extract", SAMPLE, "--published", "2024-06-27",
                "--layer", layer, "--format", fmt, "-o", out / f"{layer}.{ext}",
            )
    return out


def test_places_read_with_dates_as_dates_and_integers_as_int64(sample_layers):
    places = gpd.read_parquet(sample_layers / "places.parquet")
    assert places.geometry.name == "geometry"
    # No crs in the file: GeoParquet's default, longitude and latitude on WGS 84.
    assert places.crs is not None and places.crs.to_string() == "OGC:CRS84"
    assert set(places.geom_type) == {"Point"}
    assert is_date_column(places["published"])
    assert places["published"].iloc[0] == datetime.date(2024, 6, 27) or (
        places["published"].iloc[0] == pd.Timestamp("2024-06-27")
    )
    for column in ("geonameid", "mention_count", "event_count", "population", "start", "end"):
        assert places[column].dtype == "int64", column
    assert places["confidence"].dtype == "float64"
    assert pd.api.types.is_string_dtype(places["name"]) or places["name"].dtype == object


def test_the_readme_example_place_is_where_geonames_puts_it(sample_layers):
    mentions = gpd.read_parquet(sample_layers / "mentions.parquet")
    novo = mentions[mentions["geonameid"] == 9112926]
    assert len(novo) >= 1
    point = novo.geometry.iloc[0]
    assert point.x == pytest.approx(37.55275, abs=1e-6)
    assert point.y == pytest.approx(48.28265, abs=1e-6)
    assert novo["name"].iloc[0] == "Novooleksandrivka"


def test_events_keep_points_and_lines_and_event_dates(sample_layers):
    events = gpd.read_parquet(sample_layers / "events.parquet")
    geojson = json.loads((sample_layers / "events.geojson").read_text())
    assert len(events) == len(geojson["features"])
    expected_types = {f["geometry"]["type"] for f in geojson["features"]}
    assert set(events.geom_type) == expected_types
    assert is_date_column(events["event_date"])
    assert events["historical"].dtype == bool
    assert events["geonameid"].dtype == "int64"


def test_a_merged_batch_layer_has_every_article(tmp_path):
    run("layers", ROOT / "tests" / "corpus", "--out-dir", tmp_path / "pq",
        "--format", "geoparquet", "--jobs", "2")
    run("layers", ROOT / "tests" / "corpus", "--out-dir", tmp_path / "gj", "--jobs", "2")
    for layer in ("places", "events", "mentions"):
        frame = gpd.read_parquet(tmp_path / "pq" / f"{layer}.parquet")
        geojson = json.loads((tmp_path / "gj" / f"{layer}.geojson").read_text())
        assert len(frame) == len(geojson["features"]), layer
        ids = [f["properties"]["article_id"] for f in geojson["features"]]
        assert list(frame["article_id"]) == ids, layer
