//! GeoParquet, FlatGeobuf and KML read back by readers that are not
//! frontline's: the `parquet` crate's reader (schema, types, the `geo`
//! metadata, values), and GDAL's `ogrinfo` (skipped where gdal-bin is
//! missing; `.ci/run` installs it). Debian 12's GDAL 3.6 has no Parquet
//! driver, so GeoParquet is read here by the parquet crate and by
//! GeoPandas in `python/tests/test_columnar_output.py`.
#![cfg(feature = "columnar")]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::ogr::{count, field, geometry};
use common::ogrinfo_available;
use frontline::batch::{read_json_lines, run};
use frontline::layer::OutputFormat;
use frontline::{extract, Article, Gazetteer, Layer, LayerKind};
use parquet::basic::{LogicalType, Type as Physical};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

fn gaz() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(Gazetteer::bundled)
}

fn sample() -> frontline::Extraction {
    let text = include_str!("../examples/north-korea-boots-on-the-ground.txt");
    let article = Article::new(text)
        .with_id("sample")
        .with_published("2024-06-27")
        .unwrap();
    extract(gaz(), &article)
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("frontline-columnar-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The corpus as JSON Lines, each article dated.
fn corpus_lines() -> String {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut jsonl = String::new();
    for (i, path) in names.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let id = path.file_stem().unwrap().to_string_lossy();
        let line = serde_json::json!({"id": id, "text": text, "published": format!("2024-06-{:02}", i + 1)});
        jsonl.push_str(&line.to_string());
        jsonl.push('\n');
    }
    jsonl
}

/// The corpus's layers written by a batch in `format`.
fn batch(format: OutputFormat, tag: &str) -> PathBuf {
    let dir = temp_dir(tag);
    let lines = corpus_lines();
    let items = read_json_lines(lines.as_bytes(), "corpus.jsonl");
    let (_, summary) = run(gaz(), items, &LayerKind::ALL, format, &dir, || {}).unwrap();
    assert_eq!(summary.failures, 0);
    dir
}

fn geojson_batch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| batch(OutputFormat::GEOJSON, "geojson"))
}

fn features_in(path: &Path) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    v["features"].as_array().unwrap().clone()
}

fn parquet_reader(bytes: Vec<u8>) -> SerializedFileReader<std::fs::File> {
    use std::io::{Seek, Write};
    let mut file = tempfile::tempfile().unwrap();
    file.write_all(&bytes).unwrap();
    file.rewind().unwrap();
    SerializedFileReader::new(file).unwrap()
}

/// A column's physical and logical type.
fn column_type(
    reader: &SerializedFileReader<std::fs::File>,
    name: &str,
) -> (Physical, Option<LogicalType>) {
    let schema = reader.metadata().file_metadata().schema_descr();
    let column = schema
        .columns()
        .iter()
        .find(|c| c.name() == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    (column.physical_type(), column.logical_type_ref().cloned())
}

fn geo_metadata(reader: &SerializedFileReader<std::fs::File>) -> serde_json::Value {
    let kv = reader
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .unwrap();
    let geo = kv.iter().find(|kv| kv.key == "geo").unwrap();
    serde_json::from_str(geo.value.as_deref().unwrap()).unwrap()
}

/// A little-endian WKB point's coordinates.
fn wkb_point(bytes: &[u8]) -> [f64; 2] {
    assert_eq!(&bytes[..5], &[1, 1, 0, 0, 0], "a little-endian WKB Point");
    let x = f64::from_le_bytes(bytes[5..13].try_into().unwrap());
    let y = f64::from_le_bytes(bytes[13..21].try_into().unwrap());
    [x, y]
}

#[test]
fn geoparquet_types_dates_as_date32_integers_as_int64_and_text_as_utf8() {
    let found = sample();
    let reader = parquet_reader(Layer::places(&found).write(OutputFormat::GEOPARQUET));
    let date = (Physical::INT32, Some(LogicalType::Date));
    let text = (Physical::BYTE_ARRAY, Some(LogicalType::String));
    assert_eq!(column_type(&reader, "published"), date);
    assert_eq!(column_type(&reader, "geonameid"), (Physical::INT64, None));
    assert_eq!(
        column_type(&reader, "mention_count"),
        (Physical::INT64, None)
    );
    assert_eq!(column_type(&reader, "confidence"), (Physical::DOUBLE, None));
    assert_eq!(column_type(&reader, "name"), text);
    assert_eq!(
        column_type(&reader, "geometry"),
        (Physical::BYTE_ARRAY, None)
    );
    let events = parquet_reader(Layer::events(&found).write(OutputFormat::GEOPARQUET));
    assert_eq!(column_type(&events, "event_date"), date);
    assert_eq!(
        column_type(&events, "historical"),
        (Physical::BOOLEAN, None)
    );
}

#[test]
fn geoparquet_carries_geoparquet_1_1_metadata() {
    let found = sample();
    let places = parquet_reader(Layer::places(&found).write(OutputFormat::GEOPARQUET));
    let geo = geo_metadata(&places);
    assert_eq!(geo["version"], "1.1.0");
    assert_eq!(geo["primary_column"], "geometry");
    let column = &geo["columns"]["geometry"];
    assert_eq!(column["encoding"], "WKB");
    assert_eq!(column["geometry_types"], serde_json::json!(["Point"]));
    // No crs: OGC:CRS84, longitude first.
    assert!(column.get("crs").is_none());
    // The bounding box is that of the GeoJSON layer's points.
    let bbox: Vec<f64> = serde_json::from_value(column["bbox"].clone()).unwrap();
    let layer = Layer::places(&found);
    let points: Vec<[f64; 2]> = layer
        .features
        .iter()
        .map(|f| match &f.geometry.as_ref().unwrap().value {
            frontline::geojson::Value::Point(p) => [p[0], p[1]],
            other => panic!("a place is a point: {other:?}"),
        })
        .collect();
    let fold =
        |i: usize, pick: fn(f64, f64) -> f64| points.iter().map(|p| p[i]).reduce(pick).unwrap();
    assert_eq!(
        bbox,
        [
            fold(0, f64::min),
            fold(1, f64::min),
            fold(0, f64::max),
            fold(1, f64::max)
        ]
    );
    // Events toward a place are lines: both types are declared.
    let events = parquet_reader(Layer::events(&found).write(OutputFormat::GEOPARQUET));
    let types = &geo_metadata(&events)["columns"]["geometry"]["geometry_types"];
    assert_eq!(types, &serde_json::json!(["LineString", "Point"]));
}

#[test]
fn geoparquet_rows_hold_the_geojson_values_and_wkb_points() {
    let found = sample();
    let layer = Layer::mentions(&found);
    let reader = parquet_reader(layer.write(OutputFormat::GEOPARQUET));
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(rows.len(), layer.features.len());
    // The README's example: Novooleksandrivka is GeoNames 9112926.
    let novo = rows
        .iter()
        .find(|r| {
            r.get_column_iter()
                .any(|(n, v)| n == "geonameid" && *v == Field::Long(9_112_926))
        })
        .expect("Novooleksandrivka, 9112926");
    let get = |name: &str| {
        novo.get_column_iter()
            .find(|(n, _)| n.as_str() == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get("name"), Field::Str("Novooleksandrivka".into()));
    // 2024-06-27 is day 19,901 after 1970-01-01.
    assert_eq!(get("published"), Field::Date(19_901));
    let Field::Bytes(wkb) = get("geometry") else {
        panic!("geometry is bytes")
    };
    let [lon, lat] = wkb_point(wkb.data());
    assert!((lon - 37.55275).abs() < 1e-6 && (lat - 48.28265).abs() < 1e-6);
}

#[test]
fn a_missing_date_is_null_not_an_empty_string() {
    let found = extract(
        gaz(),
        &Article::new("Russian forces captured Krasnohorivka."),
    );
    let reader = parquet_reader(Layer::places(&found).write(OutputFormat::GEOPARQUET));
    assert_eq!(
        column_type(&reader, "published"),
        (Physical::INT32, Some(LogicalType::Date))
    );
    let row = reader.get_row_iter(None).unwrap().next().unwrap().unwrap();
    let published = row
        .get_column_iter()
        .find(|(n, _)| n.as_str() == "published")
        .map(|(_, v)| v.clone());
    assert_eq!(published, Some(Field::Null));
}

#[test]
fn a_merged_geoparquet_layer_has_every_feature_of_the_merged_geojson() {
    let plain = geojson_batch();
    let dir = batch(OutputFormat::GEOPARQUET, "parquet");
    for kind in LayerKind::ALL {
        let geojson = features_in(&plain.join(format!("{}.geojson", kind.name())));
        let path = dir.join(format!("{}.parquet", kind.name()));
        let reader = parquet_reader(std::fs::read(&path).unwrap());
        let rows: Vec<_> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(rows.len(), geojson.len(), "{}", kind.name());
        // In input order: the article ids of the rows are the GeoJSON's.
        for (row, feature) in rows.iter().zip(&geojson) {
            let id = row
                .get_column_iter()
                .find(|(n, _)| n.as_str() == "article_id")
                .map(|(_, v)| v.clone());
            let expected = feature["properties"]["article_id"].as_str().unwrap();
            assert_eq!(id, Some(Field::Str(expected.to_string())));
        }
        // Per-article files too.
        assert!(dir
            .join(format!(
                "articles/sample-north-korea.{}.parquet",
                kind.name()
            ))
            .exists());
    }
    // No temporary file is left behind.
    let leftovers = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            name.to_string_lossy().ends_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_same_layers_give_the_same_columnar_bytes() {
    let found = sample();
    for format in [
        OutputFormat::GEOPARQUET,
        OutputFormat::FLATGEOBUF,
        OutputFormat::KML,
    ] {
        for kind in LayerKind::ALL {
            let a = Layer::of(kind, &found).write(format);
            let b = Layer::of(kind, &sample()).write(format);
            assert!(a == b, "{format:?} {kind:?}");
        }
    }
}

/// Runs `ogrinfo -al -so` and returns its output; fails on any warning.
fn ogrinfo(path: &Path) -> String {
    let out = Command::new("ogrinfo")
        .args(["-al", "-so"])
        .arg(path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{}: {stderr}", path.display());
    assert!(
        !stderr.contains("Warning") && !stderr.contains("ERROR"),
        "{}: {stderr}",
        path.display()
    );
    stdout
}

#[test]
fn flatgeobuf_layers_open_in_gdal_with_typed_fields() {
    if !ogrinfo_available() {
        return;
    }
    let plain = geojson_batch();
    let dir = batch(OutputFormat::FLATGEOBUF, "fgb");
    for kind in LayerKind::ALL {
        let info = ogrinfo(&dir.join(format!("{}.fgb", kind.name())));
        let geojson = features_in(&plain.join(format!("{}.geojson", kind.name())));
        assert_eq!(count(&info), geojson.len(), "{}", kind.name());
        assert!(info.contains("ID[\"EPSG\",4326]"), "{info}");
        match kind {
            LayerKind::Events => assert_eq!(geometry(&info), "Unknown (any)"),
            _ => assert_eq!(geometry(&info), "Point"),
        }
        assert!(field(&info, "geonameid").starts_with("Integer64"));
        assert!(field(&info, "article_id").starts_with("String"));
        // FlatGeobuf has no date type: dates are DateTime fields.
        assert!(field(&info, "published").starts_with("DateTime"));
    }
    let events = ogrinfo(&dir.join("events.fgb"));
    assert!(field(&events, "historical").starts_with("Integer(Boolean)"));
    assert!(field(&events, "offset_km").starts_with("Real"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn kml_layers_open_in_gdal_with_typed_fields() {
    if !ogrinfo_available() {
        return;
    }
    let plain = geojson_batch();
    let dir = batch(OutputFormat::KML, "kml");
    for kind in LayerKind::ALL {
        let info = ogrinfo(&dir.join(format!("{}.kml", kind.name())));
        let geojson = features_in(&plain.join(format!("{}.geojson", kind.name())));
        assert_eq!(count(&info), geojson.len(), "{}", kind.name());
        assert!(field(&info, "geonameid").starts_with("Integer"));
        assert!(field(&info, "start").starts_with("Integer"));
        // KML has no date type: dates are ISO 8601 text, and the layer's
        // time (LIBKML's `timestamp`) is a DateTime.
        assert!(field(&info, "published").starts_with("String"));
        assert!(field(&info, "end_").starts_with("Integer"));
    }
    let places = ogrinfo(&dir.join("places.kml"));
    assert!(field(&places, "confidence").starts_with("Real"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_cli_writes_front_layers_and_an_extraction_in_columnar_formats() {
    let bin = env!("CARGO_BIN_EXE_frontline");
    let dir = temp_dir("cli");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lines = corpus_lines();
    std::fs::write(dir.join("corpus.jsonl"), lines).unwrap();
    for (format, ext) in [
        ("geoparquet", "parquet"),
        ("flatgeobuf", "fgb"),
        ("kml", "kml"),
    ] {
        let out = dir.join(format!("front-{format}"));
        let status = Command::new(bin)
            .arg("front")
            .arg(dir.join("corpus.jsonl"))
            .arg("--baseline")
            .arg(root.join("tests/data/front/baseline-2024-06-01.csv"))
            .args(["--format", format, "--timeline", "--out-dir"])
            .arg(&out)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        for layer in [
            "control",
            "front",
            "contested",
            "arrows",
            "timeline-control",
        ] {
            assert!(out.join(format!("{layer}.{ext}")).exists(), "{layer}.{ext}");
        }
        let extracted = dir.join(format!("sample.{ext}"));
        let status = Command::new(bin)
            .arg("extract")
            .arg(root.join("examples/north-korea-boots-on-the-ground.txt"))
            .args(["--published", "2024-06-27", "--format", format, "-o"])
            .arg(&extracted)
            .status()
            .unwrap();
        assert!(status.success());
    }
    let control =
        parquet_reader(std::fs::read(dir.join("front-geoparquet/control.parquet")).unwrap());
    assert_eq!(
        column_type(&control, "since"),
        (Physical::INT32, Some(LogicalType::Date))
    );
    let timeline = parquet_reader(
        std::fs::read(dir.join("front-geoparquet/timeline-control.parquet")).unwrap(),
    );
    assert_eq!(
        column_type(&timeline, "until"),
        (Physical::INT32, Some(LogicalType::Date))
    );
    let sample = parquet_reader(std::fs::read(dir.join("sample.parquet")).unwrap());
    assert_eq!(column_type(&sample, "geonameid"), (Physical::INT64, None));
    if ogrinfo_available() {
        let info = ogrinfo(&dir.join("front-flatgeobuf/control.fgb"));
        assert!(field(&info, "since").starts_with("DateTime"));
        let info = ogrinfo(&dir.join("front-kml/front.kml"));
        assert!(count(&info) > 0);
    }
    std::fs::remove_dir_all(&dir).ok();
}
