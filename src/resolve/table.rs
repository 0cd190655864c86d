//! The `resolve` command's table: candidates as aligned text, best first,
//! with the parts of each score.

use std::io::Write;

use super::CandidateRecord;

/// Writes `records` as a table with a header line: rank, GeoNames id,
/// name, regions, country, feature code, population, coordinates, how the
/// name matched, score and its parts. Long names are cut with an ellipsis.
///
/// ```
/// # #[cfg(feature = "bundled-gazetteer")] {
/// let gaz = frontline::Gazetteer::bundled();
/// let found = gaz.resolve("Terny", &Default::default()).unwrap();
/// let records: Vec<_> = found.iter().map(|c| c.record(&gaz)).collect();
/// let mut out = Vec::new();
/// frontline::resolve::write_table(&mut out, &records).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.lines().nth(1).unwrap().contains("Terny"));
/// # }
/// ```
pub fn write_table(out: &mut impl Write, records: &[CandidateRecord]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:>3}  {:>9}  {:<24} {:<18} {:<22} {:<2}  {:<5} {:>10}  {:>9} {:>10}  {:<14} {:>6}  parts (match+prevalence+kind+feature+pop+domain+near)",
        "#", "geonameid", "name", "admin1", "admin2", "cc", "code", "population", "lat", "lon", "matched", "score"
    )?;
    for (i, r) in records.iter().enumerate() {
        let p = r.score_parts;
        writeln!(
            out,
            "{:>3}  {:>9}  {:<24} {:<18} {:<22} {:<2}  {:<5} {:>10}  {:>9.5} {:>10.5}  {:<14} {:>6.3}  {:.2}{:+.2}+{:.2}+{:.2}+{:.2}+{:.2}+{:.2}",
            i + 1,
            r.geonameid,
            clip(&r.name, 24),
            clip(&r.admin1, 18),
            clip(&r.admin2, 22),
            r.country_code,
            r.feature_code,
            r.population,
            r.lat,
            r.lon,
            r.matched,
            r.score,
            p.matched,
            p.prevalence,
            p.kind,
            p.feature,
            p.population,
            p.domain,
            p.near
        )?;
    }
    Ok(())
}

/// Cuts a cell to `width` characters, marking the cut with an ellipsis.
fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}
