//! Place resolution on the development set of reporting nobody here wrote
//! (`tests/dev/`, see its `SOURCES.md`):
//! `cargo run --release --example dev-eval -- [FILE] [--misses]
//! [--first-misses] [--plain-first] [--batch]`.
//!
//! Each row is a conflict-database place description (UCDP GED's
//! `where_description`, e.g. "village of Kamenka, Izyumsky district, Kharkiv
//! region") with the dataset's own coordinates. The description is read as
//! an article dated the event's day, and the row counts as resolved within
//! 10 km (25 km) when the place frontline gives it lies that close to the
//! dataset's point. The place it gives is
//! [`frontline::layer::primary_place`]: its first settlement (GeoNames
//! class P) that does not only name a direction of the fighting, else its
//! first place; `--plain-first` gives the first settlement, else the first
//! place, as before that function. `any` counts a row when any
//! of its places lies that close (an upper bound: the description may name
//! several places). `--misses` lists the rows where no place lies within
//! 10 km, with every place found. The figures are given for the whole set
//! and for its two halves by event id (even, odd), so that a rule that helps
//! one half only shows.
//!
//! `--first-misses` lists the rows where some place lies within 25 km but
//! the chosen (first) one does not: the description, the chosen place with
//! its distance, and the nearest place.
//!
//! `--batch` reads the rows as one batch, in two passes as `frontline
//! layers` reads one: the first counts where the rows' unambiguous places
//! are, the second resolves each row with that count as a prior (batch
//! coherence, [`frontline::context::BatchPrior`]).

/// The allocator the `frontline` command uses.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use frontline::context::BatchSurvey;
use frontline::extract::extract_in_batch;
use frontline::geo_util::distance_km;
use frontline::{extract_to, Article, Depth, Gazetteer};

/// Rows counted, and those whose chosen (first) place or any place lies
/// within 10 and 25 km.
#[derive(Default)]
struct Tally {
    rows: usize,
    first10: usize,
    first25: usize,
    any10: usize,
    any25: usize,
    none: usize,
}

impl Tally {
    fn add(&mut self, first: Option<f64>, best_any: f64) {
        self.rows += 1;
        self.none += usize::from(first.is_none());
        self.first10 += usize::from(first.is_some_and(|d| d <= 10.0));
        self.first25 += usize::from(first.is_some_and(|d| d <= 25.0));
        self.any10 += usize::from(best_any <= 10.0);
        self.any25 += usize::from(best_any <= 25.0);
    }

    fn share(&self, n: usize) -> f64 {
        n as f64 / self.rows.max(1) as f64
    }

    fn line(&self) -> String {
        format!(
            "first within 10 km {:.3} ({}), 25 km {:.3} ({}); any within 10 km {:.3} ({}), 25 km {:.3} ({}); nothing resolved: {}",
            self.share(self.first10),
            self.first10,
            self.share(self.first25),
            self.first25,
            self.share(self.any10),
            self.any10,
            self.share(self.any25),
            self.any25,
            self.none
        )
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|a| a == "--misses");
    let in_batch = args.iter().any(|a| a == "--batch");
    let first_misses = args.iter().any(|a| a == "--first-misses");
    let use_primary = !args.iter().any(|a| a == "--plain-first");
    let file = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "tests/dev/ucdp-ged-ukraine-2022-2023.tsv".to_string());
    let text = std::fs::read_to_string(&file).expect("readable development set");
    let gaz = Gazetteer::bundled();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|line| line.split('\t').collect::<Vec<&str>>())
        .filter(|f| f.len() >= 8)
        .collect();
    let article_of = |f: &[&str]| {
        Article::new(f[7])
            .with_published(f[1])
            .expect("an ISO date")
    };
    // The first pass of a batch: where the rows' unambiguous places are.
    let prior = in_batch.then(|| {
        let mut survey = BatchSurvey::new();
        for f in &rows {
            let article = article_of(f);
            let found = extract_to(&gaz, &article, Depth::Places);
            survey.add_article(&found.mentions, article.meta.published);
        }
        survey.prior()
    });
    let (mut all, mut even, mut odd) = (Tally::default(), Tally::default(), Tally::default());
    let mut per_prec: std::collections::BTreeMap<String, Tally> = Default::default();
    for f in &rows {
        let (id, date, prec, coords, lat, lon, desc) = (f[0], f[1], f[2], f[3], f[5], f[6], f[7]);
        let (lat, lon): (f64, f64) = (lat.parse().unwrap(), lon.parse().unwrap());
        let article = article_of(f);
        let found = extract_in_batch(&gaz, &article, Depth::Places, prior.as_ref());
        let places: Vec<_> = found
            .resolved()
            .map(|m| (m, m.resolution.as_ref().unwrap()))
            .collect();
        let chosen = if use_primary {
            frontline::layer::primary_place(&found)
                .and_then(|p| places.iter().find(|(m, _)| std::ptr::eq(*m, p)))
        } else {
            places
                .iter()
                .find(|(_, r)| r.place.is_populated())
                .or(places.first())
        };
        let d = chosen.map(|(_, r)| distance_km(lat, lon, r.place.lat, r.place.lon));
        let best_any = places
            .iter()
            .map(|(_, r)| distance_km(lat, lon, r.place.lat, r.place.lon))
            .fold(f64::INFINITY, f64::min);
        all.add(d, best_any);
        per_prec
            .entry(prec.to_string())
            .or_default()
            .add(d, best_any);
        let half = if id.parse::<u64>().unwrap_or(0) % 2 == 0 {
            &mut even
        } else {
            &mut odd
        };
        half.add(d, best_any);
        if first_misses && best_any <= 25.0 && d.is_some_and(|d| d > 25.0) {
            print_first_miss(id, date, coords, desc, &places, chosen, lat, lon);
        }
        if misses && best_any > 10.0 {
            println!("MISS {id} {date} [{coords}] {desc}");
            for (m, r) in &places {
                println!(
                    "     {} → {} {} ({}, {}) {:.0} km {:?}",
                    m.text,
                    r.place.geonameid,
                    r.place.name,
                    r.admin1.as_deref().unwrap_or(""),
                    r.matched.label(),
                    distance_km(lat, lon, r.place.lat, r.place.lon),
                    r.parts
                );
            }
            for u in found.unresolved() {
                println!("     unresolved {:?}", u.text);
            }
        }
    }
    println!("{file}: {} place descriptions", all.rows);
    println!("  all:      {}", all.line());
    println!("  even ids: {}", even.line());
    println!("  odd ids:  {}", odd.line());
    for (prec, t) in per_prec {
        println!("  where_prec {prec}: {} rows, {}", t.rows, t.line());
    }
}

/// One row whose chosen place lies over 25 km from the dataset's point
/// while another of its places lies within 25 km: the description, the
/// chosen place and the nearest one, each with its distance.
#[allow(clippy::too_many_arguments)]
fn print_first_miss(
    id: &str,
    date: &str,
    coords: &str,
    desc: &str,
    places: &[(
        &frontline::ResolvedMention,
        &std::sync::Arc<frontline::Resolution>,
    )],
    chosen: Option<&(
        &frontline::ResolvedMention,
        &std::sync::Arc<frontline::Resolution>,
    )>,
    lat: f64,
    lon: f64,
) {
    let show = |(m, r): &(
        &frontline::ResolvedMention,
        &std::sync::Arc<frontline::Resolution>,
    )| {
        format!(
            "{:?} → {} {} [{}] ({}) {:.0} km",
            m.text,
            r.place.geonameid,
            r.place.name,
            r.place.feature_code,
            r.admin1.as_deref().unwrap_or(""),
            distance_km(lat, lon, r.place.lat, r.place.lon)
        )
    };
    println!("FIRST-MISS {id} {date} [{coords}] {desc}");
    if let Some(c) = chosen {
        println!("     first:   {}", show(c));
    }
    let near = places.iter().min_by(|a, b| {
        let da = distance_km(lat, lon, a.1.place.lat, a.1.place.lon);
        let db = distance_km(lat, lon, b.1.place.lat, b.1.place.lon);
        da.total_cmp(&db)
    });
    if let Some(n) = near {
        println!("     nearest: {}", show(n));
    }
    println!(
        "     all:     {}",
        places.iter().map(show).collect::<Vec<_>>().join(" | ")
    );
}
