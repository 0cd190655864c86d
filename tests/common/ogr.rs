//! Reading what `ogrinfo -al -so` prints about a layer.

/// The type `ogrinfo` gives a field (`name: Integer64 (0.0)` → `Integer64 (0.0)`).
pub fn field<'a>(info: &'a str, name: &str) -> &'a str {
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}: ")))
        .unwrap_or_else(|| panic!("no field {name} in\n{info}"))
}

/// The layer's feature count.
pub fn count(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Feature Count: "))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

/// The layer's geometry type.
pub fn geometry(info: &str) -> &str {
    info.lines()
        .find_map(|l| l.strip_prefix("Geometry: "))
        .unwrap()
        .trim()
}
