//! Compiles the bundled gazetteer's names into a static hash table.
//!
//! `gazetteer/places.tsv` and `gazetteer/alternate_names.tsv` are the
//! reviewable source; this script keys every name, alternate and generated
//! transliteration by its normalised form and writes, into `OUT_DIR`:
//! - `names.slots`, `names.records`: a hash table from normalised name to
//!   span of postings (`src/names/table.rs`);
//! - `postings.bin`: little-endian `u32` postings (place row + match kind).
//!
//! The library embeds both, so looking a name up costs no start-up work.

use std::collections::HashMap;
use std::error::Error;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

// The library's own name rules, compiled in here so that the index and the
// lookups agree. They sit at the root because `translit` says `super::normalize`.
#[allow(dead_code)]
#[path = "src/names/keys.rs"]
mod keys;
#[allow(dead_code)]
#[path = "src/names/normalize.rs"]
mod normalize;
#[allow(dead_code)]
#[path = "src/names/posting.rs"]
mod posting;
#[allow(dead_code)]
#[path = "src/names/region.rs"]
mod region;
#[allow(dead_code)]
#[path = "src/names/table.rs"]
mod table;
#[allow(dead_code)]
#[path = "src/names/translit.rs"]
mod translit;

use keys::keys_for_name;
use posting::{encode, encode_span, Kinds, MatchKind};

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(std::env::var("OUT_DIR")?);
    for f in [
        "gazetteer/places.tsv",
        "gazetteer/alternate_names.tsv",
        "src/names/keys.rs",
        "src/names/normalize.rs",
        "src/names/posting.rs",
        "src/names/region.rs",
        "src/names/table.rs",
        "src/names/translit.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    // The name rules' fingerprint: a gazetteer data file records the one of
    // the build that wrote it, and a build with other rules refuses it
    // (its index would be keyed by other normalised forms).
    let mut rules = Vec::new();
    for f in [
        "keys.rs",
        "normalize.rs",
        "posting.rs",
        "region.rs",
        "table.rs",
        "translit.rs",
    ] {
        let text = std::fs::read(root.join("src/names").join(f))?;
        rules.extend(text.into_iter().filter(|&b| b != b'\r'));
    }
    println!(
        "cargo:rustc-env=FRONTLINE_NAME_RULES={:016x}",
        table::hash(&rules)
    );
    // Without the bundled gazetteer, the library embeds no index: it reads
    // one from a data file (`Gazetteer::from_path`).
    if std::env::var_os("CARGO_FEATURE_BUNDLED_GAZETTEER").is_none() {
        return Ok(());
    }
    let index = build_index(&root.join("gazetteer"))?;
    write_index(&index, &out)?;
    Ok(())
}

type Index = HashMap<String, HashMap<u32, Kinds>>;

fn reader(path: &Path) -> Result<csv::Reader<File>, Box<dyn Error>> {
    let file = File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_reader(file))
}

fn add(index: &mut Index, key: String, row: u32, kind: MatchKind) {
    if key.is_empty() {
        return;
    }
    let kinds = index.entry(key).or_default().entry(row).or_default();
    *kinds = kinds.union(Kinds::of(kind));
}

/// Adds one written name of a place under every key it stands for.
fn add_name(index: &mut Index, name: &str, row: u32, kind: MatchKind, is_area: bool) {
    for (key, kind) in keys_for_name(name, kind, is_area) {
        add(index, key, row, kind);
    }
}

fn build_index(dir: &Path) -> Result<Index, Box<dyn Error>> {
    let mut index = Index::new();
    let mut rows: HashMap<u32, (u32, bool)> = HashMap::new();
    for (row, rec) in reader(&dir.join("places.tsv"))?.records().enumerate() {
        let rec = rec?;
        let id: u32 = rec[0].parse()?;
        let is_area = &rec[4] == "A";
        let row = row as u32;
        rows.insert(id, (row, is_area));
        add_name(&mut index, &rec[1], row, MatchKind::Name, is_area);
    }
    for rec in reader(&dir.join("alternate_names.tsv"))?.records() {
        let rec = rec?;
        let id: u32 = rec[0].parse()?;
        let &(row, is_area) = rows
            .get(&id)
            .ok_or_else(|| format!("alternate_names.tsv: unknown geonameid {id}"))?;
        for alt in rec[1].split(',') {
            add_name(&mut index, alt, row, MatchKind::Alternate, is_area);
        }
    }
    Ok(index)
}

fn write_index(index: &Index, out: &Path) -> Result<(), Box<dyn Error>> {
    let mut keys: Vec<&String> = index.keys().collect();
    keys.sort();
    let mut postings: Vec<u32> = Vec::new();
    let mut spans: Vec<(&[u8], u64)> = Vec::with_capacity(keys.len());
    for key in keys {
        let mut entries: Vec<(u32, Kinds)> = index[key].iter().map(|(&r, &k)| (r, k)).collect();
        entries.sort_by_key(|&(row, _)| row);
        let start = postings.len() as u64;
        postings.extend(entries.iter().map(|&(r, k)| encode(r, k)));
        spans.push((key.as_bytes(), encode_span(start, entries.len() as u64)));
    }
    let (slots, records) = table::build(&spans);
    std::fs::write(out.join("names.slots"), slots)?;
    std::fs::write(out.join("names.records"), records)?;
    let mut bin = BufWriter::new(File::create(out.join("postings.bin"))?);
    for p in postings {
        bin.write_all(&p.to_le_bytes())?;
    }
    bin.flush()?;
    Ok(())
}
