//! The gazetteer's data as one file, for a library built without the
//! compiled-in gazetteer (`--no-default-features`, feature
//! `bundled-gazetteer` off): [`crate::Gazetteer::from_path`] reads it,
//! [`crate::Gazetteer::write_data_file`] writes it.
//!
//! The file holds what the library otherwise embeds: `places.tsv`,
//! `admin1.tsv`, `extents.tsv`, `aliases.csv` and the name index `build.rs`
//! lays out (slots, records, postings), after a header:
//!
//! | bytes | what |
//! |---|---|
//! | 8 | `FLGAZ\0\0\x01`: the format and its version |
//! | 16 | the name rules' fingerprint, hex (`FRONTLINE_NAME_RULES`, from `build.rs`) |
//! | 8 | a hash of everything after the header (little-endian `u64`) |
//! | 7 × 8 | each section's length (little-endian `u64`), in the order above |
//!
//! The index is keyed by normalised names, so a build whose name rules
//! differ from those of the build that wrote the file refuses it, as it
//! refuses a file whose hash does not match (cut short, damaged): remake the
//! file with the same version of frontline. The bytes read stay in memory
//! for the rest of the process, as the compiled-in data does; loading the
//! same file again reuses them.

use std::path::Path;
use std::sync::{Mutex, PoisonError};

use crate::error::{Error, Result};
use crate::names::table::hash;

const MAGIC: &[u8; 8] = b"FLGAZ\0\0\x01";
/// The name rules of this build (see `build.rs`).
const RULES: &str = env!("FRONTLINE_NAME_RULES");
const SECTIONS: usize = 7;
const HEADER: usize = 8 + 16 + 8 + SECTIONS * 8;

/// The gazetteer's base data: every text and index the library reads.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Data {
    pub(crate) places: &'static str,
    pub(crate) admin1: &'static str,
    pub(crate) extents: &'static str,
    pub(crate) aliases: &'static str,
    pub(crate) slots: &'static [u8],
    pub(crate) records: &'static [u8],
    pub(crate) postings: &'static [u8],
}

impl Data {
    fn sections(&self) -> [&'static [u8]; SECTIONS] {
        [
            self.places.as_bytes(),
            self.admin1.as_bytes(),
            self.extents.as_bytes(),
            self.aliases.as_bytes(),
            self.slots,
            self.records,
            self.postings,
        ]
    }
}

/// Writes `data` to `path` atomically.
pub(crate) fn write(data: &Data, path: &Path) -> Result<()> {
    let sections = data.sections();
    let mut body_hash = Vec::new();
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(RULES.as_bytes());
    // The hash covers the sections as one run of bytes.
    for s in sections {
        body_hash.extend_from_slice(s);
    }
    header.extend_from_slice(&hash(&body_hash).to_le_bytes());
    drop(body_hash);
    for s in sections {
        header.extend_from_slice(&(s.len() as u64).to_le_bytes());
    }
    let mut parts: Vec<&[u8]> = vec![&header];
    parts.extend(sections);
    crate::output::write_atomic_parts(path, &parts)
}

/// Reads and checks a data file; its bytes stay in memory for the rest of
/// the process (once per distinct content).
pub(crate) fn read(path: &Path) -> Result<Data> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bad = |message: String| Error::GazetteerFile {
        path: path.to_path_buf(),
        message,
    };
    if bytes.len() < HEADER || &bytes[..8] != MAGIC {
        return Err(bad(
            "not a frontline gazetteer data file (make one with `cargo run --release \
             --example gazetteer-file -- FILE`)"
                .into(),
        ));
    }
    if &bytes[8..24] != RULES.as_bytes() {
        return Err(bad(format!(
            "written by a frontline whose name rules differ (theirs {}, ours {RULES}): \
             remake it with this version",
            String::from_utf8_lossy(&bytes[8..24])
        )));
    }
    let word = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
    let expected_hash = word(24);
    let lengths: Vec<u64> = (0..SECTIONS).map(|i| word(32 + 8 * i)).collect();
    let total = lengths
        .iter()
        .try_fold(HEADER as u64, |sum, &n| sum.checked_add(n));
    if total != Some(bytes.len() as u64) {
        return Err(bad(format!(
            "its sections add up to {} bytes, the file has {} (cut short?)",
            total.map_or("too many".into(), |t| t.to_string()),
            bytes.len()
        )));
    }
    if hash(&bytes[HEADER..]) != expected_hash {
        return Err(bad("its contents do not match their hash (damaged?)".into()));
    }
    let bytes = keep(bytes);
    let mut at = HEADER;
    let mut sections = Vec::with_capacity(SECTIONS);
    for &n in &lengths {
        sections.push(&bytes[at..at + n as usize]);
        at += n as usize;
    }
    let text = |i: usize, name: &str| {
        std::str::from_utf8(sections[i]).map_err(|e| bad(format!("{name}: {e}")))
    };
    Ok(Data {
        places: text(0, "places")?,
        admin1: text(1, "admin1")?,
        extents: text(2, "extents")?,
        aliases: text(3, "aliases")?,
        slots: sections[4],
        records: sections[5],
        postings: sections[6],
    })
}

/// Every distinct data file read so far, kept for the rest of the process.
static LOADED: Mutex<Vec<&'static [u8]>> = Mutex::new(Vec::new());

/// The bytes as `'static`: the copy already kept when the same bytes were
/// read before, else these, kept.
fn keep(bytes: Vec<u8>) -> &'static [u8] {
    let mut loaded = LOADED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&same) = loaded.iter().find(|&&b| b == bytes.as_slice()) {
        return same;
    }
    let kept: &'static [u8] = Box::leak(bytes.into_boxed_slice());
    loaded.push(kept);
    kept
}
