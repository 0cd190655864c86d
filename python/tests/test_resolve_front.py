"""frontline.resolve and frontline.front give what the CLI gives."""

import json
import subprocess

import frontline

from conftest import ROOT, SAMPLE

BASELINE = ROOT / "tests" / "data" / "front" / "baseline-2024-06-01.csv"


def test_resolve_lists_what_the_cli_lists(cli):
    printed = subprocess.run([str(cli), "resolve", "Kharkov", "--json"], check=True,
                             capture_output=True).stdout
    assert frontline.resolve("Kharkov") == json.loads(printed)


def test_a_russian_spelling_resolves_to_the_ukrainian_city():
    best = frontline.resolve("Kharkov", limit=1)[0]
    # GeoNames 706483: Kharkiv, 49.98 N 36.25 E.
    assert (best["geonameid"], best["name"], best["country_code"]) == (706483, "Kharkiv", "UA")
    assert abs(best["lat"] - 49.98) < 0.01 and abs(best["lon"] - 36.25) < 0.01


def test_near_chooses_among_places_of_one_name():
    # Of the 38 Novooleksandrivkas in Ukraine, the one near Avdiivka (48.14 N 37.74 E).
    best = frontline.resolve("Novooleksandrivka", near=(48.14, 37.74), limit=1)[0]
    assert best["geonameid"] == 9112926


def test_an_unknown_name_resolves_to_nothing():
    assert frontline.resolve("Qwertivka") == []


def test_front_draws_the_layers_the_cli_writes(cli, sample_text, tmp_path):
    out = tmp_path / "front"
    subprocess.run(
        [str(cli), "front", str(ROOT / "examples"), "--published", "2024-06-27",
         "--as-of", "2024-06-28", "--baseline", str(BASELINE), "--out-dir", str(out)],
        check=True, capture_output=True,
    )
    drawn = frontline.front([{"id": SAMPLE.stem, "text": sample_text}], published="2024-06-27",
                            as_of="2024-06-28", baseline=BASELINE)
    assert drawn["as_of"] == "2024-06-28"
    for name in ("control", "front", "contested", "arrows"):
        assert drawn[name] == json.loads((out / f"{name}.geojson").read_bytes()), name
    # Avdiivka is RU-held since the baseline's 2024-02-17.
    avdiivka = [f for f in drawn["control"]["features"]
                if f["properties"]["geonameid"] == 713122]
    assert avdiivka[0]["properties"]["side"] == "RU"


def test_front_without_as_of_draws_the_last_day_observed():
    drawn = frontline.front([{"text": "Russian forces captured Robotyne.",
                              "published": "2024-06-01"}])
    assert drawn["as_of"] == "2024-06-01"
    assert drawn["control"]["features"][0]["properties"]["name"] == "Robotyne"
