//! Helpers shared by the integration tests.

use std::process::Command;

#[allow(dead_code)] // used by the event tests only
pub mod events;
#[allow(dead_code)] // used by the GDAL tests only
pub mod ogr;

/// True when a test's outside tool (`what`) is `ready`. `.ci/run` installs
/// every such tool: without one the test fails in CI (`CI` set) and is
/// skipped, with a message, elsewhere.
pub fn tool_ready(ready: bool, what: &str) -> bool {
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is missing in CI: .ci/run must install it"
        );
        eprintln!("skipped: {what} is not installed");
    }
    ready
}

/// True when a command runs and succeeds with `--version`.
pub fn runs(command: &str) -> bool {
    Command::new(command)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// True when GDAL's `ogrinfo` runs (Debian's gdal-bin).
#[allow(dead_code)] // not every test binary that includes this module uses it
pub fn ogrinfo_available() -> bool {
    tool_ready(runs("ogrinfo"), "ogrinfo (gdal-bin)")
}
