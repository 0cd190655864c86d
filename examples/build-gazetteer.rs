//! Regenerates the bundled gazetteer in `gazetteer/` from the GeoNames dumps.
//!
//! ```text
//! cargo run --release --example build-gazetteer -- ../shared/data/geonames
//! ```
//!
//! Reads `UA.txt`, `cities500.txt`, `admin1CodesASCII.txt` and
//! `countryInfo.txt` from the folder given and writes `places.tsv`,
//! `alternate_names.tsv`, `admin1.tsv` and `counts.md` into `gazetteer/` (or
//! into the folder given second). The output depends only on the input: the
//! same dumps give byte-identical files. `gazetteer/README.md` documents the
//! schema and every choice made here.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use frontline::names::normalize;
use frontline::names::normalize::{is_cyrillic, is_latin};

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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(src) = args.first() else {
        eprintln!("usage: build-gazetteer GEONAMES_DIR [OUT_DIR]");
        std::process::exit(2);
    };
    let out = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer"));
    if let Err(e) = run(Path::new(src), &out) {
        eprintln!("build-gazetteer: {e}");
        std::process::exit(1);
    }
}

fn run(src: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    let ua = read_geonames(&src.join("UA.txt"), |r| {
        // Settlements, administrative areas, and the historical regions
        // reporting names ("the Donbas", "Volhynia": class L, code RGN).
        (r.class == "P" || r.class == "A" || (r.class == "L" && r.code == "RGN"))
            && r.code != "PCLI"
    })?;
    let ua_country_alternates: Vec<String> =
        read_geonames(&src.join("UA.txt"), |r| r.code == "PCLI")?
            .into_iter()
            .flat_map(|r| r.alternates)
            .collect();
    let world = read_geonames(&src.join("cities500.txt"), |r| r.country != "UA")?;
    let populated: Vec<&Row> = ua.iter().chain(&world).filter(|r| r.class == "P").collect();

    let mut rows: BTreeMap<u32, Row> = BTreeMap::new();
    for r in ua.iter().chain(&world) {
        rows.entry(r.geonameid).or_insert_with(|| r.clone());
    }
    let (admin1_rows, admin1_names) = read_admin1(&src.join("admin1CodesASCII.txt"), &populated)?;
    for r in admin1_rows {
        rows.entry(r.geonameid).or_insert(r);
    }
    for mut r in read_countries(&src.join("countryInfo.txt"), &populated)? {
        if r.country == "UA" {
            r.alternates = ua_country_alternates.clone();
        }
        rows.entry(r.geonameid).or_insert(r);
    }

    std::fs::create_dir_all(out)?;
    write_places(&out.join("places.tsv"), rows.values())?;
    write_alternates(&out.join("alternate_names.tsv"), rows.values())?;
    write_admin1(&out.join("admin1.tsv"), &admin1_names)?;
    write_counts(&out.join("counts.md"), rows.values())?;
    eprintln!("wrote {} places to {}", rows.len(), out.display());
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
            population: 0,
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
    let mut counts: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    let mut ukraine: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut total = [0usize; 2];
    for r in rows {
        if r.country == "UA" {
            *ukraine.entry((&r.class, &r.code)).or_default() += 1;
        }
        let slot = if r.class == "P" { 0 } else { 1 };
        // Regions (class L) count with the areas.
        counts.entry(&r.country).or_default()[slot] += 1;
        total[slot] += 1;
    }
    let mut f = BufWriter::new(File::create(path)?);
    writeln!(f, "# Rows per country and feature class\n")?;
    writeln!(f, "Generated by `cargo run --release --example build-gazetteer`. P: populated places; A: countries, administrative areas and Ukraine's historical regions (GeoNames class L, code RGN).\n")?;
    writeln!(f, "| country | P | A | total |\n|---|---:|---:|---:|")?;
    writeln!(
        f,
        "| **all** | {} | {} | {} |",
        total[0],
        total[1],
        total[0] + total[1]
    )?;
    for (country, [p, a]) in counts {
        writeln!(f, "| {country} | {p} | {a} | {} |", p + a)?;
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
