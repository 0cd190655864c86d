"""frontline.extract and extract_many give the bytes the CLI writes, and a
GeoDataFrame of the sample article's places."""

import json
import subprocess

import pytest

import frontline


def cli_extract(cli, text, *args):
    done = subprocess.run(
        [str(cli), "extract", "-", *args], input=text.encode(), capture_output=True, check=True
    )
    return done.stdout


@pytest.mark.parametrize("layer", ["places", "events", "mentions"])
def test_extract_gives_the_bytes_the_cli_writes(cli, sample_text, layer):
    written = cli_extract(
        cli, sample_text, "--layer", layer, "--published", "2024-06-27",
        "--id", "nk", "--title", "Boots on the ground", "--url", "https://example.org/nk",
    )
    got = frontline.extract(
        sample_text, published="2024-06-27", layer=layer, id="nk",
        title="Boots on the ground", url="https://example.org/nk",
    )
    assert got == json.loads(written)
    # Compact JSON of the parsed dict round-trips to the very bytes.
    assert json.dumps(got, ensure_ascii=False, separators=(",", ":")).encode() + b"\n" == written


def test_the_sample_articles_places_are_a_geodataframe(sample_text):
    gdf = frontline.extract_many([{"id": "nk", "text": sample_text, "published": "2024-06-27"}],
                                 to="geopandas")
    assert gdf.crs.to_epsg() == 4326
    # Novooleksandrivka, 25 km from Avdiivka (the README's example), GeoNames 9112926.
    row = gdf[gdf["geonameid"] == 9112926].iloc[0]
    assert row["name"] == "Novooleksandrivka"
    assert (round(row.geometry.x, 5), round(row.geometry.y, 5)) == (37.55275, 48.28265)
    assert str(gdf["published"].dtype).startswith("datetime64")
    assert len(gdf) == len(frontline.extract(sample_text, published="2024-06-27")["features"])


def test_a_date_object_is_the_same_as_its_iso_text(sample_text):
    import datetime
    assert frontline.extract(sample_text, published=datetime.date(2024, 6, 27)) == \
        frontline.extract(sample_text, published="2024-06-27")


def test_extract_many_gives_the_merged_layer_the_cli_layers_writes(cli, batch40, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in batch40), encoding="utf-8")
    for coherence, flags in ((True, []), (False, ["--no-batch-coherence"])):
        out = tmp_path / f"out-{coherence}"
        subprocess.run([str(cli), "layers", str(src), "--out-dir", str(out), *flags],
                       check=True, capture_output=True)
        for layer in frontline.LAYERS:
            got = frontline.extract_many(batch40, layer=layer, jobs=2,
                                         batch_coherence=coherence)
            assert got == json.loads((out / f"{layer}.geojson").read_bytes()), (layer, flags)


def test_extract_many_reads_a_dataframe_as_its_dicts(batch40):
    import pandas as pd
    df = pd.DataFrame(batch40)
    df["published"] = pd.to_datetime(df["published"])
    from_frame = frontline.extract_many(df, layer="events", to="geopandas")
    from_dicts = frontline.extract_many(batch40, layer="events", to="geopandas")
    assert from_frame.equals(from_dicts)
    assert len(from_frame) > 40
    assert set(from_frame["article_id"]) <= set(df["id"])


def test_the_number_of_threads_does_not_change_the_layer(batch40):
    assert frontline.extract_many(batch40, jobs=1) == frontline.extract_many(batch40, jobs=2)


def test_articles_without_id_are_numbered_as_json_lines_are():
    layer = frontline.extract_many(["Shelling hit Kupiansk.", {"text": "Shelling hit Kherson."}])
    assert [f["properties"]["article_id"] for f in layer["features"]] == ["line-1", "line-2"]


def test_the_mentions_layer_keeps_names_that_resolve_to_nothing():
    text = "Shelling hit Kupiansk and the village of Qwertivka."
    gdf = frontline.extract_many([text], layer="mentions", to="geopandas")
    assert list(gdf["geonameid"]) == [703656]
    assert gdf.attrs["unresolved"][0]["text"] == "Qwertivka"


@pytest.mark.parametrize("layer", ["places", "events"])
def test_the_geodataframe_holds_every_feature_of_the_collection(batch40, layer):
    # to="geopandas" reads GeoJSON text sequences with Arrow; it must hold
    # what GeoPandas makes of the FeatureCollection, feature by feature.
    import geopandas
    import pandas as pd

    fast = frontline.extract_many(batch40, layer=layer, to="geopandas")
    features = frontline.extract_many(batch40, layer=layer)["features"]
    slow = geopandas.GeoDataFrame.from_features(features, crs="EPSG:4326")
    assert len(fast) == len(slow) > 100
    if layer == "events":
        assert {"Point", "LineString"} <= set(fast.geom_type)
    assert list(fast.geometry.to_wkt()) == list(slow.geometry.to_wkt())
    assert sorted(fast.columns) == sorted(slow.columns)
    for column in slow.columns.drop("geometry"):
        want = slow[column]
        if column in ("published", "event_date"):
            want = pd.to_datetime(want, format="%Y-%m-%d")
        assert list(fast[column].astype(object).where(fast[column].notna(), None)) == \
            list(want.astype(object).where(want.notna(), None)), column
