//! The gazetteer read from a data file (`Gazetteer::from_path`), as a
//! library built without the compiled-in data reads it: the same places,
//! names and resolutions as `Gazetteer::bundled`.

use std::path::PathBuf;
use std::sync::OnceLock;

// The data file's hash function, compiled in from the library's source (as
// build.rs does): the test forges a file whose header hash fits.
#[allow(dead_code)]
#[path = "../src/names/table.rs"]
mod name_table;

use frontline::{extract, Article, Gazetteer, Hints};

/// The bundled gazetteer written to a data file once for all tests.
fn data_file() -> &'static PathBuf {
    static FILE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    &FILE
        .get_or_init(|| {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("gazetteer.bin");
            Gazetteer::bundled().write_data_file(&path).unwrap();
            (dir, path)
        })
        .1
}

#[test]
fn from_path_resolves_names_to_the_geonames_rows_the_bundled_gazetteer_does() {
    let file = Gazetteer::from_path(data_file()).unwrap();
    let bundled = Gazetteer::bundled();
    assert_eq!(file.len(), bundled.len());
    // (name as written, GeoNames id, latitude, longitude) of the best
    // candidate, from gazetteer/places.tsv (GeoNames rows).
    for (name, id, lat, lon) in [
        ("Kharkov", 706483, 49.98177, 36.25475),
        ("Artemovsk", 713174, 48.59419, 37.99886),
    ] {
        let best = &file.resolve(name, &Hints::default()).unwrap()[0];
        assert_eq!(
            (best.place.geonameid, best.place.lat, best.place.lon),
            (id, lat, lon),
            "{name}"
        );
    }
    for name in [
        "Novooleksandrivka",
        "Vovchans'k",
        "Donetska oblast",
        "Kremennaya",
        "Dnipro River",
        "U.S.",
        "Black Sea",
    ] {
        let ids = |g: &Gazetteer| -> Vec<(u32, String)> {
            g.resolve(name, &Hints::default())
                .unwrap()
                .iter()
                .map(|c| (c.place.geonameid, format!("{:?}", c.parts)))
                .collect()
        };
        let from_file = ids(&file);
        assert!(!from_file.is_empty(), "{name}");
        assert_eq!(from_file, ids(&bundled), "{name}");
    }
    // Extents and region names come along.
    let ukraine = file.place_by_id(690791).unwrap();
    assert_eq!(
        ukraine.bbox.as_deref(),
        bundled.place_by_id(690791).unwrap().bbox.as_deref()
    );
    let bakhmut = file.place_by_id(713174).unwrap();
    assert_eq!(file.admin1_name(bakhmut), Some("Donetsk"));
    assert_eq!(file.admin2_name(bakhmut), Some("Bakhmut Raion"));
}

#[test]
fn an_article_read_with_the_file_gives_the_same_layers() {
    let file = Gazetteer::from_path(data_file()).unwrap();
    let bundled = Gazetteer::bundled();
    let text = std::fs::read_to_string("examples/north-korea-boots-on-the-ground.txt").unwrap();
    let article = Article::new(text).with_published("2024-06-27").unwrap();
    let layer = |g: &Gazetteer| frontline::layer::mentions_layer(&extract(g, &article)).to_string();
    assert_eq!(layer(&file), layer(&bundled));
}

#[test]
fn a_damaged_or_foreign_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(data_file()).unwrap();
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("short.bin", bytes[..bytes.len() / 2].to_vec(), "cut short"),
        (
            "flipped.bin",
            {
                let mut b = bytes.clone();
                let at = b.len() - 100;
                b[at] ^= 0x55;
                b
            },
            "do not match their hash",
        ),
        (
            "text.bin",
            b"geonameid\tname\n".to_vec(),
            "not a frontline gazetteer data file",
        ),
        (
            "rules.bin",
            {
                let mut b = bytes.clone();
                b[8..24].copy_from_slice(b"0000000000000000");
                b
            },
            "name rules differ",
        ),
    ];
    for (name, content, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let e = Gazetteer::from_path(&path).err().unwrap().to_string();
        assert!(e.starts_with(&path.display().to_string()), "{e}");
        assert!(e.contains(says), "{name}: {e}");
    }
    let missing = dir.path().join("missing.bin");
    assert!(Gazetteer::from_path(&missing).is_err());
}

#[test]
fn an_empty_gazetteer_has_no_data_file_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let e = Gazetteer::empty()
        .write_data_file(dir.path().join("g.bin"))
        .unwrap_err();
    assert!(e
        .to_string()
        .ends_with("an empty gazetteer has no data to write"));
}

#[cfg(feature = "cli")]
#[test]
fn the_command_reads_the_gazetteer_from_a_file_or_the_environment() {
    use std::process::Command;
    let run = |args: &[&str], env: Option<&std::path::Path>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_frontline"));
        cmd.args(args).env_remove("FRONTLINE_GAZETTEER");
        if let Some(path) = env {
            cmd.env("FRONTLINE_GAZETTEER", path);
        }
        cmd.output().unwrap()
    };
    let sample = [
        "extract",
        "examples/north-korea-boots-on-the-ground.txt",
        "--published",
        "2024-06-27",
    ];
    let bundled = run(&sample, None);
    let file = data_file().to_str().unwrap();
    let mut with_flag = vec!["--gazetteer", file];
    with_flag.extend(sample);
    let by_flag = run(&with_flag, None);
    assert!(by_flag.status.success());
    assert_eq!(by_flag.stdout, bundled.stdout);
    assert_eq!(run(&sample, Some(data_file())).stdout, bundled.stdout);
    let missing = run(
        &["--gazetteer", "no/such/file.bin", "resolve", "Kyiv"],
        None,
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/file.bin"));
}

#[test]
fn a_file_whose_index_points_outside_its_data_is_refused_even_with_a_good_hash() {
    use name_table::hash;
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = std::fs::read(data_file()).unwrap();
    // The last posting (the file's last 4 bytes) made to name a place row
    // past the end, and the header's hash (bytes 24..32) made to fit.
    let n = bytes.len();
    bytes[n - 4..n - 1].copy_from_slice(&[0xFF, 0xFF, 0xFF]);
    let body_hash = hash(&bytes[88..]);
    bytes[24..32].copy_from_slice(&body_hash.to_le_bytes());
    let path = dir.path().join("crafted.bin");
    std::fs::write(&path, &bytes).unwrap();
    let e = Gazetteer::from_path(&path).err().unwrap().to_string();
    assert!(e.contains("a posting names place row 16777215"), "{e}");
}
