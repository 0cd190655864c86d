//! Front speed: 10,000 events over 4,000 settlements give the state and
//! the line for one day; and how close the line comes to the synthetic
//! truth of `frontline::front::reference` (printed once).
//!
//! Run with `cargo bench --bench front`. The settlements are 4,000
//! settlements of the Donetsk, Luhansk, Kharkiv and Zaporizhzhia oblasts
//! from the bundled gazetteer, each given a side by a synthetic line; the
//! 10,000 observations are spread over 2024 with a fixed pseudo-random mix
//! (captures of the settlement's own side, fighting, shelling by the other
//! side, claims for the other side). The baseline, measured in the same run,
//! is spade's Delaunay triangulation of the same 4,000 points alone: the
//! floor for any triangulation-based line.

use chrono::{Days, NaiveDate};
use criterion::{black_box, criterion_group, Criterion};
use frontline::control::{Control, Effect, Evidence, Observation, Settlement, TimelineBuilder};
use frontline::front::reference::{agreement, SyntheticFront};
use frontline::front::{contested_zones, FrontLine, FrontMap, FrontOptions};
use frontline::{Certainty, Extent, Gazetteer, Side};

const SETTLEMENTS: usize = 4_000;
const EVENTS: usize = 10_000;

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn settlements(gaz: &Gazetteer) -> Vec<(Settlement, Control)> {
    let front: Vec<_> = gaz
        .places()
        .iter()
        .filter(|p| {
            p.is_populated()
                && &*p.country_code == "UA"
                && matches!(&*p.admin1_code, "05" | "14" | "07" | "26")
        })
        .collect();
    let step = front.len() / SETTLEMENTS;
    front
        .iter()
        .step_by(step.max(1))
        .take(SETTLEMENTS)
        .map(|p| {
            // RU east of a line running from (50.3, 37.0) to (47.3, 35.6).
            let boundary = 35.6 + (p.lat - 47.3) * (1.4 / 3.0);
            let side = if p.lon > boundary {
                Control::RU
            } else {
                Control::UA
            };
            let s = Settlement {
                geonameid: p.geonameid,
                name: p.name.to_string(),
                lat: p.lat,
                lon: p.lon,
            };
            (s, side)
        })
        .collect()
}

fn observations(places: &[(Settlement, Control)]) -> Vec<Observation> {
    let mut rng = Lcg(7);
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0..EVENTS)
        .map(|k| {
            let (settlement, side) = &places[rng.next() as usize % places.len()];
            let other = if *side == Control::RU {
                Control::UA
            } else {
                Control::RU
            };
            let roll = rng.next() % 100;
            let (effect, certainty) = match roll {
                0..=59 => (Effect::Held(*side, Extent::Full), Certainty::Reported),
                60..=84 => (Effect::Contested, Certainty::Reported),
                85..=94 => (
                    Effect::NotHeldBy(other.side().unwrap_or(Side::Unknown)),
                    Certainty::Reported,
                ),
                _ => (Effect::Held(other, Extent::Full), Certainty::Claimed),
            };
            Observation {
                settlement: settlement.clone(),
                date: start + Days::new(rng.next() % 366),
                effect,
                certainty,
                evidence: Evidence {
                    article_id: format!("article-{}", k / 10),
                    sentence: "Russian forces captured the village.".into(),
                    action: "capture".into(),
                    certainty,
                },
                order: (1 + (k / 10) as u32, (k % 10) as u32),
            }
        })
        .collect()
}

fn front(c: &mut Criterion) {
    let gaz = Gazetteer::bundled();
    let places = settlements(&gaz);
    assert_eq!(places.len(), SETTLEMENTS);
    let obs = observations(&places);
    let as_of = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
    let options = FrontOptions::default();

    // What one run gives, printed once for the README.
    let mut b = TimelineBuilder::new();
    obs.iter().cloned().for_each(|o| b.add_observation(o));
    let timeline = b.build();
    let map = FrontMap::at(&timeline, as_of, &options);
    println!(
        "front: {} settlements with a state, {} lines, {:.0} km, {} zones",
        map.control.len(),
        map.line.lines.len(),
        map.line.lengths_km().iter().sum::<f64>(),
        map.zones.len()
    );

    // The synthetic reference: the share of the estimate within 5 km of
    // the true line, and of the true line within 5 km of the estimate.
    let truth = SyntheticFront::new(&gaz);
    for (name, sample) in [
        ("dense", &truth.dense),
        ("sparse", &truth.sparse),
        ("towns", &truth.towns),
    ] {
        for (how, o) in [
            ("midpoints only", FrontOptions::midpoints_only()),
            ("land, water, gaps", options),
        ] {
            let line = FrontLine::between(sample, &o);
            let a = agreement(&line.lines, &truth.line, 5.0);
            println!(
                "reference, {name} ({} settlements), {how}: {:.3} of the estimate within 5 km \
                 of the truth, {:.3} of the truth within 5 km of the estimate",
                sample.len(),
                a.estimate_within,
                a.truth_within
            );
        }
    }

    let mut group = c.benchmark_group("front");
    group.sample_size(20);
    group.bench_function("baseline: spade Delaunay of 4,000 points", |bench| {
        let points: Vec<spade::Point2<f64>> = places
            .iter()
            .map(|(s, _)| spade::Point2::new(s.lon * 74.0, s.lat * 111.0))
            .collect();
        bench.iter(|| {
            use spade::Triangulation;
            let t = spade::DelaunayTriangulation::<spade::Point2<f64>>::bulk_load_stable(
                black_box(points.clone()),
            )
            .unwrap();
            t.num_inner_faces()
        })
    });
    group.bench_function("state and line for one day (10,000 events)", |bench| {
        bench.iter_batched(
            || obs.clone(),
            |obs| {
                let mut b = TimelineBuilder::new();
                obs.into_iter().for_each(|o| b.add_observation(o));
                let timeline = b.build();
                let state = timeline.at(black_box(as_of));
                let line = FrontLine::from_state(&state, &options);
                let contested: Vec<_> = state
                    .iter()
                    .filter(|s| s.state.control == Control::Contested)
                    .collect();
                let zones = contested_zones(&contested, options.contested_radius_km);
                (line.lines.len(), zones.len())
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, front);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
