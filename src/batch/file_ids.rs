//! File names from article ids: short, unique without regard to case, never
//! a name Windows reserves.

use std::collections::HashSet;

/// The most bytes of an id kept in a file name; a longer id is cut there
/// and given a hash of the whole id, so that file names stay far below the
/// 255 bytes file systems allow.
pub const MAX_FILE_ID_BYTES: usize = 100;

/// Names that Windows reserves, with any extension, in any case.
const RESERVED_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Makes ids safe for file names, in input order: letters, digits, `.`,
/// `_`, `-` (anything else becomes `_`); at most [`MAX_FILE_ID_BYTES`]
/// bytes, a longer id cut and given `-` and 16 hex digits of a stable hash
/// of the whole id; Windows' reserved names (`CON`, `NUL`, `COM1`, …)
/// prefixed with `_`; unique even where case does not count (macOS,
/// Windows): a repeated id gets `-2`, `-3`, ….
///
/// ```
/// use frontline::batch::FileIds;
/// let mut ids = FileIds::default();
/// assert_eq!(ids.next("a/b"), "a_b");
/// assert_eq!(ids.next("A/B"), "A_B-2");
/// assert_eq!(ids.next("con"), "_con");
/// assert!(ids.next(&"x".repeat(300)).len() <= 100 + 17);
/// ```
#[derive(Debug, Default)]
pub struct FileIds {
    /// The ids given so far, in lower case.
    seen: HashSet<String>,
}

impl FileIds {
    /// The file name id for the next article's id.
    pub fn next(&mut self, id: &str) -> String {
        let mut base: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if base.len() > MAX_FILE_ID_BYTES {
            // ASCII only: any byte is a char boundary.
            base.truncate(MAX_FILE_ID_BYTES);
            base.push_str(&format!("-{:016x}", fnv1a(id.as_bytes())));
        }
        if base.is_empty() || base.starts_with('.') {
            base = format!("article{base}");
        }
        let stem = base.split('.').next().unwrap_or_default();
        if RESERVED_NAMES.iter().any(|r| stem.eq_ignore_ascii_case(r)) {
            base.insert(0, '_');
        }
        let mut id = base.clone();
        let mut k = 2;
        while !self.seen.insert(id.to_ascii_lowercase()) {
            id = format!("{base}-{k}");
            k += 1;
        }
        id
    }
}

/// The 64-bit FNV-1a hash: stable across platforms and Rust versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
