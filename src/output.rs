//! Writing files so that a killed run never leaves one half-written.
//!
//! Every file goes first to a temporary file beside it, made by the
//! `tempfile` crate: a random name (`.NAME.XXXXXX.tmp`), created exclusively
//! (never through a link another user planted), removed when writing fails
//! or the writer is dropped; then it is renamed over its final name. A run
//! killed with `kill -9` can still leave one behind: [`remove_stale_temp_files`]
//! clears them at the start of the next batch.

use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

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
    write_atomic_with(path, |out| {
        parts.iter().try_for_each(|part| out.write_all(part))
    })
}

/// Writes to `path` atomically, as [`write_atomic`] does, whatever `write`
/// writes into the buffered writer it is given: for a file written piece by
/// piece as it is made, never whole in memory. An error from `write`
/// leaves `path` as it was.
///
/// ```
/// use std::io::Write;
/// let dir = std::env::temp_dir().join("frontline-doc-write-atomic-with");
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("layer.geojsons");
/// frontline::output::write_atomic_with(&path, |out| {
///     (0..3).try_for_each(|i| writeln!(out, "{i}"))
/// })
/// .unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "0\n1\n2\n");
/// ```
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    if is_special_file(path) {
        // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is
        // written through: renaming a file over it would replace the device.
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(io)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        write(&mut out).map_err(io)?;
        return out.flush().map_err(io);
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, temp_file_for(path)?);
    write(&mut out).map_err(io)?;
    let tmp = out.into_inner().map_err(|e| io(e.into_error()))?;
    persist(tmp, path)
}

/// Whether `path` is there and is neither a plain file nor a folder (after
/// following links): a character or block device, a FIFO or a socket. Such
/// a path is written through, not replaced by a renamed file, and nothing
/// (a QGIS style) is written beside it.
///
/// ```
/// use frontline::output::is_special_file;
/// # #[cfg(unix)] {
/// assert!(is_special_file(std::path::Path::new("/dev/null")));
/// # }
/// assert!(!is_special_file(std::path::Path::new("Cargo.toml")));
/// assert!(!is_special_file(std::path::Path::new("no/such/file")));
/// ```
pub fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
}

/// A new temporary file beside `path`, named `.NAME.XXXXXX.tmp` (six random
/// letters and digits), created exclusively, with the permissions of any
/// new file (0666 less the umask); it is removed when dropped unless
/// [`persist`] renames it into place.
pub fn temp_file_for(path: &Path) -> Result<NamedTempFile> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(6);
    // The permissions any new file gets (read and write for all, less the
    // umask), not the temporary file's owner-only 0600: the output is
    // renamed into place and shared like any file the user writes.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder.tempfile_in(dir).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Renames a temporary file from [`temp_file_for`] over `path`; on failure
/// the temporary file is removed.
pub fn persist(tmp: NamedTempFile, path: &Path) -> Result<()> {
    tmp.persist(path).map(drop).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e.error,
    })
}

/// Whether a file name is one of frontline's temporary files:
/// `.NAME.TOKEN.tmp`, where `NAME` is a file a batch writes (`index.csv`,
/// or `….places|events|mentions.EXT`, `EXT` an output format's extension:
/// one to ten letters and digits) and `TOKEN` letters
/// and digits (a random name, or the process id earlier versions used).
///
/// ```
/// use frontline::output::is_temp_file_name;
/// assert!(is_temp_file_name(".index.csv.Ab3x9Q.tmp"));
/// assert!(is_temp_file_name(".a1.mentions.geojson.41234.tmp"));
/// assert!(is_temp_file_name(".events.kml.x7Yz01.tmp"));
/// assert!(!is_temp_file_name(".notes.txt.1.tmp"));
/// assert!(!is_temp_file_name("index.csv"));
/// ```
pub fn is_temp_file_name(name: &str) -> bool {
    let Some(inner) = name.strip_prefix('.').and_then(|n| n.strip_suffix(".tmp")) else {
        return false;
    };
    let Some((target, token)) = inner.rsplit_once('.') else {
        return false;
    };
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    if target == "index.csv" {
        return true;
    }
    let Some((rest, ext)) = target.rsplit_once('.') else {
        return false;
    };
    let layer = rest.rsplit_once('.').map_or(rest, |(_, layer)| layer);
    (1..=10).contains(&ext.len())
        && ext.bytes().all(|b| b.is_ascii_alphanumeric())
        && matches!(layer, "places" | "events" | "mentions")
}

/// Removes the temporary files a killed or failed earlier run left in
/// `dir` (only regular files and links whose names [`is_temp_file_name`]
/// accepts; a link is removed, never what it points to). Returns how many
/// were removed. A folder that does not exist has none.
pub fn remove_stale_temp_files(dir: &Path) -> Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(source) => {
            return Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            })
        }
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let is_file = entry
            .file_type()
            .is_ok_and(|t| t.is_file() || t.is_symlink());
        if is_file && is_temp_file_name(name) {
            std::fs::remove_file(entry.path()).map_err(|source| Error::Io {
                path: entry.path(),
                source,
            })?;
            removed += 1;
        }
    }
    Ok(removed)
}
