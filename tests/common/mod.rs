//! Helpers shared by the integration tests.

use std::process::Command;

/// True when GDAL's `ogrinfo` runs. `.ci/run` installs Debian's gdal-bin:
/// without it the tests that need it fail in CI (`CI` set) and are
/// skipped, with a message, elsewhere.
pub fn ogrinfo_available() -> bool {
    let found = Command::new("ogrinfo")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "ogrinfo is missing in CI: .ci/run must install gdal-bin"
        );
        eprintln!("skipped: ogrinfo (gdal-bin) is not installed");
    }
    found
}
