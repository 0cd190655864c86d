//! Place resolution on the development set of reporting nobody here wrote
//! (`tests/dev/`, see its `SOURCES.md`):
//! `cargo run --release --example dev-eval -- [FILE] [--misses]`.
//!
//! Each row is a conflict-database place description (UCDP GED's
//! `where_description`, e.g. "village of Kamenka, Izyumsky district, Kharkiv
//! region") with the dataset's own coordinates. The description is read as
//! an article dated the event's day, and the row counts as resolved within
//! 10 km (25 km) when the place frontline gives it lies that close to the
//! dataset's point. The place it gives is its first settlement (GeoNames
//! class P), else its first place of any kind; `any` counts a row when any
//! of its places lies that close (an upper bound: the description may name
//! several places). `--misses` lists the rows missed at 25 km.

/// The allocator the `frontline` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use frontline::geo_util::distance_km;
use frontline::{extract_to, Article, Depth, Gazetteer};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|a| a == "--misses");
    let file = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "tests/dev/ucdp-ged-ukraine-2022-2023.tsv".to_string());
    let text = std::fs::read_to_string(&file).expect("readable development set");
    let gaz = Gazetteer::bundled();
    let (mut rows, mut first10, mut first25, mut any10, mut any25, mut none) = (0, 0, 0, 0, 0, 0);
    let mut per_prec: std::collections::BTreeMap<String, (usize, usize, usize)> =
        Default::default();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 {
            continue;
        }
        let (date, prec, coords, lat, lon, desc) = (f[1], f[2], f[3], f[5], f[6], f[7]);
        let (lat, lon): (f64, f64) = (lat.parse().unwrap(), lon.parse().unwrap());
        let article = Article::new(desc)
            .with_published(date)
            .expect("an ISO date");
        let found = extract_to(&gaz, &article, Depth::Places);
        let places: Vec<_> = found
            .resolved()
            .map(|m| (m, m.resolution.as_ref().unwrap()))
            .collect();
        let chosen = places
            .iter()
            .find(|(_, r)| r.place.is_populated())
            .or(places.first());
        let d = chosen.map(|(_, r)| distance_km(lat, lon, r.place.lat, r.place.lon));
        let best_any = places
            .iter()
            .map(|(_, r)| distance_km(lat, lon, r.place.lat, r.place.lon))
            .fold(f64::INFINITY, f64::min);
        rows += 1;
        let e = per_prec.entry(prec.to_string()).or_default();
        e.0 += 1;
        if d.is_none() {
            none += 1;
        }
        if d.is_some_and(|d| d <= 10.0) {
            first10 += 1;
            e.1 += 1;
        }
        if d.is_some_and(|d| d <= 25.0) {
            first25 += 1;
            e.2 += 1;
        }
        any10 += usize::from(best_any <= 10.0);
        any25 += usize::from(best_any <= 25.0);
        if misses && !d.is_some_and(|d| d <= 25.0) {
            let got = match chosen {
                Some((m, r)) => format!(
                    "{} → {} {} ({}, {}) {:.0} km {:?}",
                    m.text,
                    r.place.geonameid,
                    r.place.name,
                    r.admin1.as_deref().unwrap_or(""),
                    r.matched.label(),
                    d.unwrap(),
                    r.parts
                ),
                None => "nothing".to_string(),
            };
            println!("MISS {date} [{coords}] {desc}\n     {got}");
        }
    }
    let share = |n: usize| n as f64 / rows.max(1) as f64;
    println!("{file}: {rows} place descriptions");
    println!(
        "  first settlement within 10 km: {:.3} ({first10}), within 25 km: {:.3} ({first25}); nothing resolved: {none}",
        share(first10),
        share(first25)
    );
    println!(
        "  any place within 10 km: {:.3} ({any10}), within 25 km: {:.3} ({any25})",
        share(any10),
        share(any25)
    );
    for (prec, (n, a, b)) in per_prec {
        println!(
            "  where_prec {prec}: {n} rows, within 10 km {:.3}, within 25 km {:.3}",
            a as f64 / n as f64,
            b as f64 / n as f64
        );
    }
}
