//! Prints how close the estimated front comes to the synthetic truth of
//! `frontline::front::reference`, densely and sparsely sampled.
//!
//! `cargo run --release --example front-reference`

use frontline::front::reference::{agreement, SyntheticFront};
use frontline::front::{FrontLine, FrontOptions, LineCertainty};
use frontline::Gazetteer;

fn main() {
    let gaz = Gazetteer::bundled();
    let truth = SyntheticFront::new(&gaz);
    let options = FrontOptions::default();
    println!(
        "true line {:.0} km in {} pieces",
        agreement(&[], &truth.line, 5.0).truth_km,
        truth.line.0.len()
    );
    for (name, sample, options) in [
        (
            "dense, midpoints only",
            &truth.dense,
            FrontOptions::midpoints_only(),
        ),
        (
            "sparse, midpoints only",
            &truth.sparse,
            FrontOptions::midpoints_only(),
        ),
        ("dense", &truth.dense, options),
        ("sparse", &truth.sparse, options),
        (
            "towns, midpoints only",
            &truth.towns,
            FrontOptions::midpoints_only(),
        ),
        ("towns", &truth.towns, options),
    ] {
        let t = std::time::Instant::now();
        let front = FrontLine::between(sample, &options);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let a = agreement(&front.lines, &truth.line, 5.0);
        println!(
            "{name:22} {:5} settlements ({} RU): estimate {:6.0} km, {:.3} within 5 km of the truth; \
             truth {:.0} km, {:.3} within 5 km of the estimate ({ms:.0} ms)",
            sample.len(),
            sample.iter().filter(|p| p.side == frontline::Side::RU).count(),
            a.estimate_km,
            a.estimate_within,
            a.truth_km,
            a.truth_within,
        );
    }
    // Each certainty's share of the estimate within 5 km of the truth.
    for (name, sample) in [
        ("dense", &truth.dense),
        ("sparse", &truth.sparse),
        ("towns", &truth.towns),
    ] {
        let front = FrontLine::between(sample, &options);
        for certainty in [
            LineCertainty::Solid,
            LineCertainty::Inferred,
            LineCertainty::Gap,
        ] {
            let lines: Vec<_> = front
                .lines
                .iter()
                .zip(&front.pieces)
                .filter(|(_, p)| p.certainty == certainty)
                .map(|(l, _)| l.clone())
                .collect();
            let a = agreement(&lines, &truth.line, 5.0);
            println!(
                "{name:6} {:8}: {:5.0} km, {:.3} within 5 km of the truth",
                certainty.label(),
                a.estimate_km,
                a.estimate_within
            );
        }
    }
    // The rivers, at 2 km: where the sides face each other across water.
    for (name, sample) in [
        ("dense", &truth.dense),
        ("sparse", &truth.sparse),
        ("towns", &truth.towns),
    ] {
        for follow_water in [false, true] {
            let o = FrontOptions {
                follow_water,
                ..options
            };
            let a = agreement(&FrontLine::between(sample, &o).lines, &truth.line, 2.0);
            println!(
                "{name:6} rivers {}: {:.3} of the estimate within 2 km of the truth, {:.3} of the truth within 2 km",
                if follow_water { "followed" } else { "ignored " },
                a.estimate_within,
                a.truth_within
            );
        }
    }
    // The maximum gap: what each limit gives.
    for max_gap_km in [20.0, 30.0, 40.0, 50.0, 60.0, 80.0, 100.0] {
        let o = FrontOptions {
            max_gap_km,
            ..options
        };
        let d = agreement(
            &FrontLine::between(&truth.dense, &o).lines,
            &truth.line,
            5.0,
        );
        let s = agreement(
            &FrontLine::between(&truth.sparse, &o).lines,
            &truth.line,
            5.0,
        );
        let t = agreement(
            &FrontLine::between(&truth.towns, &o).lines,
            &truth.line,
            5.0,
        );
        println!(
            "--max-gap-km {max_gap_km:3}: dense {:.3} / {:.3}, sparse {:.3} / {:.3}, towns {:.3} / {:.3} \
             (estimate within 5 km / truth within 5 km)",
            d.estimate_within, d.truth_within, s.estimate_within, s.truth_within,
            t.estimate_within, t.truth_within
        );
    }
    if let Some(path) = std::env::args().nth(1) {
        // A GeoJSON of the truth, the samples and the estimates, to look at.
        let mut features = Vec::new();
        for l in &truth.line.0 {
            features.push(serde_json::json!({"type":"Feature","properties":{"kind":"truth"},
                "geometry":{"type":"LineString","coordinates": l.0.iter().map(|c| [c.x, c.y]).collect::<Vec<_>>()}}));
        }
        for (name, sample) in [("dense", &truth.dense), ("sparse", &truth.sparse)] {
            let front = FrontLine::between(sample, &options);
            for (l, piece) in front.lines.iter().zip(&front.pieces) {
                features.push(serde_json::json!({"type":"Feature","properties":{"kind":name, "certainty": piece.certainty.label()},
                    "geometry":{"type":"LineString","coordinates": l.0.iter().map(|c| [c.x, c.y]).collect::<Vec<_>>()}}));
            }
        }
        for p in &truth.dense {
            features.push(serde_json::json!({"type":"Feature","properties":{"kind":"point","side":format!("{:?}", p.side)},
                "geometry":{"type":"Point","coordinates":[p.lon, p.lat]}}));
        }
        let fc = serde_json::json!({"type":"FeatureCollection","features":features});
        std::fs::write(path, fc.to_string()).unwrap();
    }
}
