//! Writing files so that a killed run never leaves one half-written.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically: into a temporary file beside it,
/// then renamed over `path`, so that a run killed at any moment leaves
/// either the old file or the new one, never half of one. (The data is not
/// forced to disk: that would guard against power loss, at the cost of
/// seconds per thousand files in a batch.)
///
/// ```
/// let dir = std::env::temp_dir().join("frontline-doc-write-atomic");
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("layer.geojson");
/// frontline::output::write_atomic(&path, b"{}").unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"{}");
/// ```
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic_parts(path, &[bytes])
}

/// Writes `parts`, one after another, to `path` atomically, as
/// [`write_atomic`] does: for a file put together from pieces already in
/// memory, without copying them into one buffer first.
///
/// ```
/// let dir = std::env::temp_dir().join("frontline-doc-write-atomic-parts");
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("layer.geojson");
/// frontline::output::write_atomic_parts(&path, &[b"{", b"}"]).unwrap();
/// assert_eq!(std::fs::read(&path).unwrap(), b"{}");
/// ```
pub fn write_atomic_parts(path: &Path, parts: &[&[u8]]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        for part in parts {
            f.write_all(part)?;
        }
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}
