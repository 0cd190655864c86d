//! Regenerates the bundled gazetteer in `gazetteer/` from the GeoNames dumps.
//!
//! ```text
//! cargo xtask build-gazetteer ../shared/data/geonames
//! # the alias (.cargo/config.toml) of:
//! cargo run --release -p xtask --bin build-gazetteer -- ../shared/data/geonames
//! ```
//!
//! Reads `UA.txt`, `cities500.txt`, `admin1CodesASCII.txt` and
//! `countryInfo.txt` from the folder given, and the sourced tables kept in
//! `gazetteer/` (`countries.csv` and `regions.csv` from Natural Earth,
//! `features.csv` by hand, each row naming its source), and writes
//! `places.tsv`, `alternate_names.tsv`, `extents.tsv`, `admin1.tsv` and
//! `counts.md` into `gazetteer/` (or into the folder given second). The output depends only on the input: the
//! same dumps give byte-identical files. `gazetteer/README.md` documents the
//! schema and every choice made here.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

// The library's name normalisation and distance, compiled in from its
// sources (as build.rs does): the keys written here are the keys the
// library looks names up by, and the library keeps them private.
#[allow(dead_code)]
#[path = "../../src/geo_util.rs"]
mod geo_util;
#[allow(dead_code)]
#[path = "../../src/names/normalize.rs"]
mod normalize;

use normalize::{is_cyrillic, is_latin, normalize};

/// One row of the GeoNames "geoname" table, the columns we keep.
#[derive(Clone)]
struct Row {
    geonameid: u32,
    name: String,
    alternates: Vec<String>,
    lat: String,
    lon: String,
    class: String,
    code: String,
    country: String,
    admin1: String,
    admin2: String,
    population: u64,
}

/// The repository's root: the folder above this crate's.
fn repository() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(src) = args.first() else {
        eprintln!("usage: build-gazetteer GEONAMES_DIR [OUT_DIR]");
        std::process::exit(2);
    };
    let out = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| repository().join("gazetteer"));
    if let Err(e) = run(Path::new(src), &out) {
        eprintln!("build-gazetteer: {e}");
        std::process::exit(1);
    }
}

/// The non-settlement features of Ukraine kept from `UA.txt`, by GeoNames
/// feature class and code: the waters, lands and works war reporting names.
/// Left out on purpose: railway stations (`RSTN`, 1,721 rows named after
/// their villages), hotels, farms, churches, ruins, streets, localities
/// (`LCTY`, `AREA`), mounds (`MND`: kurgans), heliports, substations are
/// among `PS` and kept as GeoNames codes them.
const FEATURE_CODES: &[(&str, &[&str])] = &[
    (
        "H",
        &[
            "STM", "CNL", "RSV", "LK", "BAY", "GULF", "STRT", "ESTY", "LGN",
        ],
    ),
    (
        "T",
        &[
            "ISL", "ISLS", "SPIT", "PEN", "CAPE", "HLL", "HLLS", "MT", "MTS",
        ],
    ),
    ("V", &["FRST"]),
    (
        "S",
        &[
            "AIRP", "AIRB", "AIRF", "PS", "PSN", "DAM", "DAMQ", "BDG", "MN", "BP", "PRT",
        ],
    ),
    ("L", &["PRT"]),
];

fn is_kept_feature(r: &Row) -> bool {
    FEATURE_CODES
        .iter()
        .any(|(class, codes)| r.class == *class && codes.contains(&r.code.as_str()))
}

/// The Ukrainian and Russian generic words of feature names, normalised,
/// and the English word reporters write for each (`None`: the bare name,
/// as for heights: "Hora Savur-Mohyla" is written "Savur-Mohyla").
const GENERIC_WORDS: &[(&str, Option<&str>)] = &[
    ("vodoskhovyshche", Some("Reservoir")),
    ("vodoskhovishhe", Some("Reservoir")),
    ("vodoskhovyshe", Some("Reservoir")),
    ("vodokhranilishche", Some("Reservoir")),
    ("vodokhranilishhe", Some("Reservoir")),
    ("ostriv", Some("Island")),
    ("ostrov", Some("Island")),
    ("ostrova", Some("Islands")),
    ("kosa", Some("Spit")),
    ("richka", Some("River")),
    ("rika", Some("River")),
    ("reka", Some("River")),
    ("lis", Some("Forest")),
    ("les", Some("Forest")),
    ("ozero", Some("Lake")),
    ("zatoka", Some("Bay")),
    ("zaliv", Some("Bay")),
    ("pivostriv", Some("Peninsula")),
    ("poluostrov", Some("Peninsula")),
    ("mys", Some("Cape")),
    ("kanal", Some("Canal")),
    ("lyman", Some("Estuary")),
    ("liman", Some("Estuary")),
    ("protoka", Some("Strait")),
    ("proliv", Some("Strait")),
    ("mist", Some("Bridge")),
    ("most", Some("Bridge")),
    ("hora", None),
    ("gora", None),
];

/// The English generic word for a feature code, used when a name has no
/// generic word of its own: "Oskil River", "Dnieper River".
fn english_generic(code: &str) -> Option<&'static str> {
    match code {
        "STM" => Some("River"),
        "RSV" => Some("Reservoir"),
        "ISL" => Some("Island"),
        "SPIT" => Some("Spit"),
        _ => None,
    }
}

/// The names reporters write for a feature, derived from its GeoNames
/// names: the Ukrainian or Russian generic word put into English and after
/// the name ("Kakhovske Reservoir" for "Kakhovske Vodoskhovyshche",
/// "Kinburnska Spit" for "Kinburnska Kosa"); where the rest is an adjective
/// of a settlement within 60 km whose name it starts with, that
/// settlement's name ("Kakhovka Reservoir"); for rivers, reservoirs,
/// islands and spits named with no generic word, the name and the English
/// word ("Oskil River"). Only Latin names are read.
fn english_forms(row: &Row, settlements: &[&Row]) -> Vec<String> {
    let mut out = Vec::new();
    let names = std::iter::once(&row.name).chain(&row.alternates);
    for name in names {
        if !is_latin_name(name) {
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let generic = words.iter().enumerate().find_map(|(i, w)| {
            let key = normalize(w);
            GENERIC_WORDS
                .iter()
                .find(|(g, _)| *g == key)
                .map(|&(_, english)| (i, english))
        });
        let (rest, english) = match generic {
            Some((i, english)) if words.len() > 1 => {
                let rest: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, w)| *w)
                    .collect();
                (rest.join(" "), english)
            }
            Some(_) => continue,
            // Already English ("Dnieper River", "Snake Island").
            None if words.last().is_some_and(|w| is_english_generic(w)) => continue,
            None => match english_generic(&row.code) {
                Some(english) => (name.clone(), Some(english)),
                None => continue,
            },
        };
        let with = |base: &str| match english {
            Some(e) => format!("{base} {e}"),
            None => base.to_string(),
        };
        out.push(with(&rest));
        if generic.is_some() {
            if let Some(town) = settlement_of_adjective(&rest, row, settlements) {
                out.push(with(&town));
            }
        }
    }
    out
}

/// True for the English generic words of [`GENERIC_WORDS`] and
/// [`english_generic`], and a few more of GeoNames' English names.
fn is_english_generic(word: &str) -> bool {
    let key = normalize(word);
    GENERIC_WORDS
        .iter()
        .any(|(_, e)| e.is_some_and(|e| e.eq_ignore_ascii_case(&key)))
        || matches!(
            key.as_str(),
            "sea" | "strait" | "airport" | "base" | "plant" | "station" | "dam"
        )
}

fn is_latin_name(name: &str) -> bool {
    name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_ascii() || is_latin(c))
}

/// "Kakhovske" → "Kakhovka": the settlement within 60 km of the feature
/// whose normalised name starts with the adjective's stem (the adjective
/// without `-ske`, `-ska`, `-skyi`, `-skoye`, `-skaya`, `-skiy`, `-s'ke`…),
/// of four letters or more; the most populous if several.
fn settlement_of_adjective(adjective: &str, row: &Row, settlements: &[&Row]) -> Option<String> {
    let key = normalize(adjective);
    if key.contains(' ') {
        return None;
    }
    const ENDINGS: &[&str] = &[
        "skoye", "skoe", "skaya", "skiy", "skyi", "skyy", "ske", "ska", "sk",
    ];
    let stem = ENDINGS.iter().find_map(|e| key.strip_suffix(e))?;
    if stem.len() < 4 {
        return None;
    }
    let (lat, lon): (f64, f64) = (row.lat.parse().ok()?, row.lon.parse().ok()?);
    settlements
        .iter()
        .filter(|s| normalize(&s.name).starts_with(stem))
        .filter(|s| {
            let (Ok(slat), Ok(slon)) = (s.lat.parse::<f64>(), s.lon.parse::<f64>()) else {
                return false;
            };
            geo_util::distance_km(lat, lon, slat, slon) <= 60.0
        })
        .max_by_key(|s| (s.population, std::cmp::Reverse(s.geonameid)))
        .map(|s| s.name.clone())
}

fn run(src: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    let ua = read_geonames(&src.join("UA.txt"), |r| {
        // Settlements, administrative areas, the historical regions
        // reporting names ("the Donbas", "Volhynia": class L, code RGN),
        // and the features of FEATURE_CODES.
        (r.class == "P"
            || r.class == "A"
            || (r.class == "L" && r.code == "RGN")
            || is_kept_feature(r))
            && r.code != "PCLI"
    })?;
    let ua_country_alternates: Vec<String> =
        read_geonames(&src.join("UA.txt"), |r| r.code == "PCLI")?
            .into_iter()
            .flat_map(|r| r.alternates)
            .collect();
    let world = read_geonames(&src.join("cities500.txt"), |r| r.country != "UA")?;
    let populated: Vec<&Row> = ua.iter().chain(&world).filter(|r| r.class == "P").collect();
    let ua_settlements: Vec<&Row> = ua.iter().filter(|r| r.class == "P").collect();

    let mut rows: BTreeMap<u32, Row> = BTreeMap::new();
    for r in ua.iter().chain(&world) {
        rows.entry(r.geonameid).or_insert_with(|| r.clone());
    }
    // The English forms of features' names go after their GeoNames
    // alternates (kept_alternates drops any already there).
    for r in rows.values_mut() {
        if r.class != "P" && r.class != "A" && r.code != "RGN" {
            let forms = english_forms(r, &ua_settlements);
            r.alternates.extend(forms);
        }
    }
    let (admin1_rows, admin1_names) = read_admin1(&src.join("admin1CodesASCII.txt"), &populated)?;
    for r in admin1_rows {
        rows.entry(r.geonameid).or_insert(r);
    }
    let tables = repository().join("gazetteer");
    let natural_earth = read_natural_earth_countries(&tables.join("countries.csv"))?;
    let mut extents: BTreeMap<u32, [String; 4]> = BTreeMap::new();
    for mut r in read_countries(&src.join("countryInfo.txt"), &populated)? {
        if r.country == "UA" {
            r.alternates = ua_country_alternates.clone();
        }
        // Drawn where the country is: Natural Earth's point inside it.
        if let Some((point, extent)) = natural_earth.get(&r.country) {
            r.lat = point[0].clone();
            r.lon = point[1].clone();
            let mut extent = extent.clone();
            if r.country == "UA" {
                widen_to_hold(&mut extent, &ua_settlements);
            }
            extents.insert(r.geonameid, extent);
        }
        rows.entry(r.geonameid).or_insert(r);
    }
    for (r, extent) in read_sourced_table(&tables.join("regions.csv"), &rows)?
        .into_iter()
        .chain(read_sourced_table(&tables.join("features.csv"), &rows)?)
    {
        if let Some(extent) = extent {
            extents.insert(r.geonameid, extent);
        }
        match rows.get_mut(&r.geonameid) {
            // A row of GeoNames: the table lends it names only.
            Some(known) => known.alternates.extend(r.alternates),
            None => {
                rows.insert(r.geonameid, r);
            }
        }
    }

    std::fs::create_dir_all(out)?;
    write_places(&out.join("places.tsv"), rows.values())?;
    write_extents(&out.join("extents.tsv"), &extents)?;
    write_alternates(&out.join("alternate_names.tsv"), rows.values())?;
    write_admin1(&out.join("admin1.tsv"), &admin1_names)?;
    write_counts(&out.join("counts.md"), rows.values())?;
    eprintln!("wrote {} places to {}", rows.len(), out.display());
    Ok(())
}

type Point = [String; 2];
type Extent = [String; 4];
/// A row of a sourced table and its extent, where it gives one.
type SourcedRow = (Row, Option<Extent>);

/// `countries.csv` (tools/natural-earth-countries.py): by ISO code, the
/// point inside the country and its extent, as written there.
fn read_natural_earth_countries(
    path: &Path,
) -> Result<HashMap<String, (Point, Extent)>, Box<dyn Error>> {
    let mut out = HashMap::new();
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    for rec in reader.records() {
        let rec = rec?;
        let f = |i: usize| rec.get(i).unwrap_or("").to_string();
        out.insert(f(0), ([f(2), f(3)], [f(4), f(5), f(6), f(7)]));
    }
    Ok(out)
}

/// Widens an extent (west, south, east, north) to hold every place given.
/// Natural Earth's countries (world-atlas 2.0.2) draw Crimea inside
/// Russia; Ukraine's extent is widened to hold all its places in `UA.txt`.
fn widen_to_hold(extent: &mut Extent, places: &[&Row]) {
    let mut e: Vec<f64> = extent.iter().map(|x| x.parse().unwrap_or(0.0)).collect();
    for p in places {
        let (Ok(lat), Ok(lon)) = (p.lat.parse::<f64>(), p.lon.parse::<f64>()) else {
            continue;
        };
        e[0] = e[0].min(lon);
        e[1] = e[1].min(lat);
        e[2] = e[2].max(lon);
        e[3] = e[3].max(lat);
    }
    for (slot, x) in extent.iter_mut().zip(e) {
        *slot = format!("{x:.5}");
    }
}

/// A sourced table (`regions.csv`, `features.csv`): rows with a
/// `geonameid`, `name`, `aliases` (`;`-separated), optional `lat`, `lon`,
/// `feature_class` (default `L`), `feature_code`, `country_code` and extent
/// (`west`, `south`, `east`, `north`). A row whose id is a GeoNames row
/// already kept lends it its aliases (and its extent); any other row must
/// give its point, and every row of `features.csv` names its `source`.
fn read_sourced_table(
    path: &Path,
    known: &BTreeMap<u32, Row>,
) -> Result<Vec<SourcedRow>, Box<dyn Error>> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut out = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec?;
        let line = i + 2;
        let get = |name: &str| {
            col(name)
                .and_then(|c| rec.get(c))
                .unwrap_or("")
                .trim()
                .to_string()
        };
        let geonameid: u32 = get("geonameid")
            .parse()
            .map_err(|_| format!("{}: line {line}: bad geonameid", path.display()))?;
        if col("source").is_some() && get("source").is_empty() {
            return Err(format!("{}: line {line}: no source", path.display()).into());
        }
        let is_known = known.contains_key(&geonameid);
        if !is_known && (get("lat").is_empty() || get("lon").is_empty()) {
            return Err(format!(
                "{}: line {line}: {geonameid} is no GeoNames row kept, and has no point",
                path.display()
            )
            .into());
        }
        let extent = [get("west"), get("south"), get("east"), get("north")];
        let extent = (!extent.iter().any(String::is_empty)).then_some(extent);
        let class = match get("feature_class") {
            c if c.is_empty() => "L".to_string(),
            c => c,
        };
        out.push((
            Row {
                geonameid,
                name: get("name"),
                alternates: get("aliases")
                    .split(';')
                    .map(clean)
                    .filter(|a| !a.is_empty())
                    .collect(),
                lat: get("lat"),
                lon: get("lon"),
                class,
                code: get("feature_code"),
                country: get("country_code"),
                admin1: get("admin1_code"),
                admin2: String::new(),
                population: get("population").parse().unwrap_or(0),
            },
            extent,
        ));
    }
    Ok(out)
}

fn write_extents(path: &Path, extents: &BTreeMap<u32, Extent>) -> Result<(), Box<dyn Error>> {
    let mut w = tsv_writer(path)?;
    w.write_record(["geonameid", "west", "south", "east", "north"])?;
    for (id, e) in extents {
        w.write_record([
            id.to_string(),
            e[0].clone(),
            e[1].clone(),
            e[2].clone(),
            e[3].clone(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn tsv_reader(path: &Path) -> Result<csv::Reader<File>, Box<dyn Error>> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .quoting(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(file))
}

fn read_geonames(path: &Path, keep: impl Fn(&Row) -> bool) -> Result<Vec<Row>, Box<dyn Error>> {
    let mut rows = Vec::new();
    for (i, rec) in tsv_reader(path)?.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: line {}: {e}", path.display(), i + 1))?;
        let field = |n: usize| rec.get(n).unwrap_or("").trim().to_string();
        let geonameid = field(0)
            .parse()
            .map_err(|_| format!("{}: line {}: bad geonameid", path.display(), i + 1))?;
        let name = clean(&field(1));
        let row = Row {
            geonameid,
            alternates: field(3).split(',').map(clean).collect(),
            lat: field(4),
            lon: field(5),
            class: field(6),
            code: field(7),
            country: field(8),
            admin1: field(10),
            admin2: field(11),
            population: field(14).parse().unwrap_or(0),
            name,
        };
        if keep(&row) {
            rows.push(row);
        }
    }
    Ok(rows)
}

/// Tabs and line breaks would break the TSV; GeoNames has none, but be sure.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ").trim().to_string()
}

/// The place that stands for an area: its capital by feature code, else the
/// most populous place. Ties go to the smaller geonameid, so the choice is stable.
fn seat<'a>(places: impl Iterator<Item = &'a &'a Row>, capital_code: &str) -> Option<&'a Row> {
    places.copied().max_by_key(|r| {
        (
            r.code == capital_code,
            r.population,
            std::cmp::Reverse(r.geonameid),
        )
    })
}

type Admin1Names = Vec<(String, String, String, u32)>;

fn read_admin1(path: &Path, populated: &[&Row]) -> Result<(Vec<Row>, Admin1Names), Box<dyn Error>> {
    let mut by_admin1: HashMap<(&str, &str), Vec<&Row>> = HashMap::new();
    for r in populated {
        by_admin1
            .entry((&r.country, &r.admin1))
            .or_default()
            .push(r);
    }
    let mut rows = Vec::new();
    let mut names = Vec::new();
    for (i, rec) in tsv_reader(path)?.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: line {}: {e}", path.display(), i + 1))?;
        let (code, name, ascii) = (
            rec.get(0).unwrap_or(""),
            clean(rec.get(1).unwrap_or("")),
            rec.get(2).unwrap_or(""),
        );
        let Some((country, admin1)) = code.split_once('.') else {
            continue;
        };
        let Ok(geonameid) = rec.get(3).unwrap_or("").trim().parse::<u32>() else {
            continue;
        };
        names.push((
            country.to_string(),
            admin1.to_string(),
            name.clone(),
            geonameid,
        ));
        // Ukraine's oblasts are rows of UA.txt already, with their own points.
        if country == "UA" {
            continue;
        }
        let Some(seat) = by_admin1
            .get(&(country, admin1))
            .and_then(|v| seat(v.iter(), "PPLA"))
        else {
            continue;
        };
        // A lower bound of its population: its places' in cities500.
        let population = by_admin1
            .get(&(country, admin1))
            .map_or(0, |v| v.iter().map(|r| r.population).sum());
        rows.push(Row {
            geonameid,
            alternates: vec![clean(ascii)],
            lat: seat.lat.clone(),
            lon: seat.lon.clone(),
            class: "A".into(),
            code: "ADM1".into(),
            country: country.into(),
            admin1: admin1.into(),
            admin2: String::new(),
            population,
            name,
        });
    }
    names.sort();
    Ok((rows, names))
}

fn read_countries(path: &Path, populated: &[&Row]) -> Result<Vec<Row>, Box<dyn Error>> {
    let mut by_country: HashMap<&str, Vec<&Row>> = HashMap::new();
    for r in populated {
        by_country.entry(&r.country).or_default().push(r);
    }
    let mut rows = Vec::new();
    for (i, rec) in tsv_reader(path)?.records().enumerate() {
        let rec = rec.map_err(|e| format!("{}: line {}: {e}", path.display(), i + 1))?;
        let iso = rec.get(0).unwrap_or("").trim();
        let Ok(geonameid) = rec.get(16).unwrap_or("").trim().parse::<u32>() else {
            continue;
        };
        let Some(seat) = by_country.get(iso).and_then(|v| seat(v.iter(), "PPLC")) else {
            continue;
        };
        rows.push(Row {
            geonameid,
            name: clean(rec.get(4).unwrap_or("")),
            alternates: Vec::new(),
            lat: seat.lat.clone(),
            lon: seat.lon.clone(),
            class: "A".into(),
            code: "PCLI".into(),
            country: iso.into(),
            admin1: String::new(),
            admin2: String::new(),
            population: rec.get(7).unwrap_or("").trim().parse().unwrap_or(0),
        });
    }
    Ok(rows)
}

/// Latin or Cyrillic script only: every letter is one or the other.
fn latin_or_cyrillic(name: &str) -> bool {
    name.chars().any(char::is_alphabetic)
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| is_latin(c) || is_cyrillic(c) || matches!(c as u32, 0x02B0..=0x02FF))
}

/// The alternates worth keeping: Latin or Cyrillic, each normalised key once,
/// none equal to the main name's key. GeoNames order is kept.
///
/// Latin alternates with no capital letter are dropped: in GeoNames they are
/// machine romanisations of names in other scripts (`bafumuto`,
/// `baheumuteu` for Bakhmut), which English reporting never writes. This
/// keeps the packaged crate under crates.io's size limit.
fn kept_alternates(row: &Row) -> Vec<&str> {
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(normalize(&row.name));
    row.alternates
        .iter()
        .filter(|a| !a.is_empty() && latin_or_cyrillic(a))
        .filter(|a| a.chars().any(|c| c.is_uppercase() || is_cyrillic(c)))
        .filter(|a| seen.insert(normalize(a)))
        .map(String::as_str)
        .collect()
}

fn tsv_writer(path: &Path) -> Result<csv::Writer<BufWriter<File>>, Box<dyn Error>> {
    let file = File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(csv::WriterBuilder::new()
        .delimiter(b'\t')
        .quote_style(csv::QuoteStyle::Never)
        .from_writer(BufWriter::new(file)))
}

fn write_places<'a>(
    path: &Path,
    rows: impl Iterator<Item = &'a Row>,
) -> Result<(), Box<dyn Error>> {
    let mut w = tsv_writer(path)?;
    w.write_record([
        "geonameid",
        "name",
        "latitude",
        "longitude",
        "feature_class",
        "feature_code",
        "country_code",
        "admin1_code",
        "admin2_code",
        "population",
    ])?;
    for r in rows {
        w.write_record([
            &r.geonameid.to_string(),
            &r.name,
            &r.lat,
            &r.lon,
            &r.class,
            &r.code,
            &r.country,
            &r.admin1,
            &r.admin2,
            &r.population.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn write_alternates<'a>(
    path: &Path,
    rows: impl Iterator<Item = &'a Row>,
) -> Result<(), Box<dyn Error>> {
    let mut w = tsv_writer(path)?;
    w.write_record(["geonameid", "alternate_names"])?;
    for r in rows {
        let kept = kept_alternates(r);
        if !kept.is_empty() {
            w.write_record([r.geonameid.to_string(), kept.join(",")])?;
        }
    }
    w.flush()?;
    Ok(())
}

fn write_admin1(path: &Path, names: &Admin1Names) -> Result<(), Box<dyn Error>> {
    let mut w = tsv_writer(path)?;
    w.write_record(["country_code", "admin1_code", "name", "geonameid"])?;
    for (country, admin1, name, id) in names {
        w.write_record([country, admin1, name, &id.to_string()])?;
    }
    w.flush()?;
    Ok(())
}

fn write_counts<'a>(
    path: &Path,
    rows: impl Iterator<Item = &'a Row>,
) -> Result<(), Box<dyn Error>> {
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut ukraine: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut total = [0usize; 3];
    for r in rows {
        if r.country == "UA" {
            *ukraine.entry((&r.class, &r.code)).or_default() += 1;
        }
        // Regions (class L: RGN, CONT) count with the areas; the other
        // classes are features.
        let slot = match (r.class.as_str(), r.code.as_str()) {
            ("P", _) => 0,
            ("A", _) | ("L", "RGN" | "CONT") => 1,
            _ => 2,
        };
        counts.entry(&r.country).or_default()[slot] += 1;
        total[slot] += 1;
    }
    let mut f = BufWriter::new(File::create(path)?);
    writeln!(f, "# Rows per country and feature class\n")?;
    writeln!(f, "Generated by `cargo xtask build-gazetteer ../shared/data/geonames` (xtask/). P: populated places; A: countries, administrative areas and regions (Ukraine's historical regions, continents, macro-regions: GeoNames class L, codes RGN, CONT); F: features (waters, lands, forests, works: classes H, T, V, S, L). An empty country is a row of no country (seas, continents).\n")?;
    writeln!(
        f,
        "| country | P | A | F | total |\n|---|---:|---:|---:|---:|"
    )?;
    writeln!(
        f,
        "| **all** | {} | {} | {} | {} |",
        total[0],
        total[1],
        total[2],
        total.iter().sum::<usize>()
    )?;
    for (country, [p, a, x]) in counts {
        writeln!(f, "| {country} | {p} | {a} | {x} | {} |", p + a + x)?;
    }
    writeln!(
        f,
        "\n## Ukraine by feature code\n\n| class | code | rows |\n|---|---|---:|"
    )?;
    for ((class, code), n) in ukraine {
        writeln!(f, "| {class} | {code} | {n} |")?;
    }
    f.flush()?;
    Ok(())
}
