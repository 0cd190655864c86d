//! Measuring recognition and resolution against hand-annotated articles.
//!
//! A gold folder holds, for each article, `ID.txt` (or `.md`, `.html`) and
//! `ID.gold.json`:
//!
//! ```json
//! {"id": "isw-2024-05-14", "published": "2024-05-14",
//!  "places": [{"text": "Vovchansk", "start": 120, "end": 129,
//!              "geonameid": 689304, "lat": 50.29078, "lon": 36.94108}]}
//! ```
//!
//! Spans are Unicode-scalar offsets into the article file, end exclusive;
//! coordinates are those of the GeoNames row. An optional `events` list holds
//! the distinct (place, action, actor) triples the article reports:
//! `{"geonameid": 713122, "action": "capture", "actor": "RU"}`. Events are
//! scored as sets of such triples per article.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::document::{Document, Format};
use crate::error::{Error, Result};
use crate::geo_util::distance_km;
use crate::{extract, Article, Extraction, Gazetteer};

/// One annotated place mention.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldPlace {
    /// The name as written.
    pub text: String,
    /// Offset of its first character.
    pub start: usize,
    /// Offset past its last character.
    pub end: usize,
    /// The GeoNames id of the place meant.
    pub geonameid: u32,
    /// Latitude of that GeoNames row.
    pub lat: f64,
    /// Longitude of that GeoNames row.
    pub lon: f64,
}

/// One annotated event: what happened at a place, by which side.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GoldEvent {
    /// GeoNames id of the place.
    pub geonameid: u32,
    /// Action label (`capture`, `air_strike`, …).
    pub action: String,
    /// Side code (`RU`, `UA`, `KP`, `unknown`).
    pub actor: String,
}

/// Event scores for one action: true positives, false positives, misses.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ActionScores {
    /// Predicted and gold.
    pub true_positives: usize,
    /// Predicted, not gold.
    pub false_positives: usize,
    /// Gold, not predicted.
    pub false_negatives: usize,
}

/// An annotated article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldArticle {
    /// The article's id (its file stem).
    pub id: String,
    /// Its publication date.
    #[serde(default)]
    pub published: Option<String>,
    /// Every place mention, in text order.
    pub places: Vec<GoldPlace>,
    /// The distinct events it reports.
    #[serde(default)]
    pub events: Vec<GoldEvent>,
}

/// Scores over a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Articles read.
    pub articles: usize,
    /// Gold mentions.
    pub gold: usize,
    /// Predicted mentions (resolved or not).
    pub predicted: usize,
    /// Predicted mentions whose span equals a gold span.
    pub matched: usize,
    /// Recognition precision: matched / predicted.
    pub precision: f64,
    /// Recognition recall: matched / gold.
    pub recall: f64,
    /// Recognition F1.
    pub f1: f64,
    /// Of the matched mentions, the share resolved within 10 km of the gold place.
    pub accuracy_10km: f64,
    /// Of the matched mentions, the share resolved within 161 km (100 miles).
    pub accuracy_161km: f64,
    /// Median distance, km, between resolved and gold place over matched
    /// mentions (an unresolved one counts as infinitely far).
    pub median_error_km: f64,
    /// Gold events (distinct triples per article), over articles with events.
    pub gold_events: usize,
    /// Predicted events (distinct triples per article), same articles.
    pub predicted_events: usize,
    /// Event precision over (place, action, actor) triples.
    pub event_precision: f64,
    /// Event recall over (place, action, actor) triples.
    pub event_recall: f64,
    /// Event F1.
    pub event_f1: f64,
    /// Event scores per action.
    pub per_action: std::collections::BTreeMap<String, ActionScores>,
    /// Every miss, false alarm and wrong place, for reading.
    pub errors: Vec<String>,
}

fn ratio_of(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Compares an article's events, as sets of (place, action, actor). A
/// predicted event matches a gold one with the same action and actor whose
/// place lies within 10 km (GeoNames has near-duplicate rows for some villages).
fn score_events(s: &mut Scores, gaz: &Gazetteer, gold: &GoldArticle, found: &Extraction) {
    use std::collections::BTreeSet;
    type Triple = (u32, String, String);
    let want: BTreeSet<Triple> = gold
        .events
        .iter()
        .map(|e| (e.geonameid, e.action.clone(), e.actor.clone()))
        .collect();
    let got: BTreeSet<Triple> = found
        .events
        .iter()
        .map(|e| {
            (
                e.place.geonameid,
                e.action.label().to_string(),
                e.actor.code(),
            )
        })
        .collect();
    s.gold_events += want.len();
    s.predicted_events += got.len();
    let close = |a: u32, b: u32| {
        a == b
            || match (gaz.place_by_id(a), gaz.place_by_id(b)) {
                (Some(p), Some(q)) => distance_km(p.lat, p.lon, q.lat, q.lon) <= 10.0,
                _ => false,
            }
    };
    let mut unmatched: Vec<&Triple> = want.iter().collect();
    for g in &got {
        let entry = s.per_action.entry(g.1.clone()).or_default();
        match unmatched
            .iter()
            .position(|w| w.1 == g.1 && w.2 == g.2 && close(w.0, g.0))
        {
            Some(i) => {
                unmatched.remove(i);
                entry.true_positives += 1;
            }
            None => {
                entry.false_positives += 1;
                s.errors.push(format!(
                    "{}: event {} {} at {}: not in gold",
                    gold.id, g.2, g.1, g.0
                ));
            }
        }
    }
    for w in unmatched {
        s.per_action.entry(w.1.clone()).or_default().false_negatives += 1;
        s.errors.push(format!(
            "{}: event {} {} at {}: missed",
            gold.id, w.2, w.1, w.0
        ));
    }
}

/// Reads every `*.gold.json` in `dir` with its article.
pub fn load_gold(dir: &Path) -> Result<Vec<(GoldArticle, Article)>> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for gold_path in paths {
        let json = std::fs::read_to_string(&gold_path).map_err(io(&gold_path))?;
        let gold: GoldArticle = serde_json::from_str(&json).map_err(|e| Error::BadGold {
            path: gold_path.clone(),
            message: e.to_string(),
        })?;
        let text_path = ["txt", "md", "html"]
            .iter()
            .map(|ext| dir.join(format!("{}.{ext}", gold.id)))
            .find(|p| p.exists())
            .ok_or_else(|| Error::BadGold {
                path: gold_path.clone(),
                message: format!("no {}.txt, .md or .html beside it", gold.id),
            })?;
        let bytes = std::fs::read(&text_path).map_err(io(&text_path))?;
        let format = Format::from_path(&text_path);
        Document::from_bytes(&bytes, format, &text_path.to_string_lossy())?;
        let mut article = Article::new(String::from_utf8(bytes).expect("checked"))
            .with_format(format)
            .with_id(gold.id.clone());
        if let Some(date) = &gold.published {
            article = article.with_published(date)?;
        }
        out.push((gold, article));
    }
    Ok(out)
}

/// Scores extraction over annotated articles.
pub fn evaluate(gaz: &Gazetteer, corpus: &[(GoldArticle, Article)]) -> Scores {
    let mut s = Scores {
        articles: corpus.len(),
        ..Scores::default()
    };
    let mut errors_km: Vec<f64> = Vec::new();
    for (gold, article) in corpus {
        let found: Extraction = extract(gaz, article);
        s.gold += gold.places.len();
        s.predicted += found.mentions.len();
        for m in &found.mentions {
            match gold
                .places
                .iter()
                .find(|g| g.start == m.start && g.end == m.end)
            {
                Some(g) => {
                    s.matched += 1;
                    let km = m.resolution.as_ref().map_or(f64::INFINITY, |r| {
                        distance_km(r.place.lat, r.place.lon, g.lat, g.lon)
                    });
                    if km > 10.0 {
                        let got = m.resolution.as_ref().map_or("nothing".to_string(), |r| {
                            format!("{} {}", r.place.geonameid, r.place.name)
                        });
                        s.errors.push(format!(
                            "{}: {:?} at {}: resolved to {got}, {km:.0} km from gold {}",
                            gold.id, m.text, m.start, g.geonameid
                        ));
                    }
                    errors_km.push(km);
                }
                None => s.errors.push(format!(
                    "{}: {:?} at {}: not a gold place (false alarm)",
                    gold.id, m.text, m.start
                )),
            }
        }
        for g in &gold.places {
            if !found
                .mentions
                .iter()
                .any(|m| m.start == g.start && m.end == g.end)
            {
                s.errors
                    .push(format!("{}: {:?} at {}: missed", gold.id, g.text, g.start));
            }
        }
        if !gold.events.is_empty() {
            score_events(&mut s, gaz, gold, &found);
        }
    }
    let tp: usize = s.per_action.values().map(|a| a.true_positives).sum();
    s.event_precision = ratio_of(tp, s.predicted_events);
    s.event_recall = ratio_of(tp, s.gold_events);
    s.event_f1 = f1(s.event_precision, s.event_recall);
    let ratio = ratio_of;
    s.precision = ratio(s.matched, s.predicted);
    s.recall = ratio(s.matched, s.gold);
    s.f1 = f1(s.precision, s.recall);
    s.accuracy_10km = ratio(
        errors_km.iter().filter(|&&k| k <= 10.0).count(),
        errors_km.len(),
    );
    s.accuracy_161km = ratio(
        errors_km.iter().filter(|&&k| k <= 161.0).count(),
        errors_km.len(),
    );
    errors_km.sort_by(f64::total_cmp);
    s.median_error_km = match errors_km.len() {
        0 => 0.0,
        n if n % 2 == 1 => errors_km[n / 2],
        n => (errors_km[n / 2 - 1] + errors_km[n / 2]) / 2.0,
    };
    s
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "articles              {}", self.articles)?;
        writeln!(f, "gold mentions         {}", self.gold)?;
        writeln!(f, "predicted mentions    {}", self.predicted)?;
        writeln!(f, "recognition precision {:.3}", self.precision)?;
        writeln!(f, "recognition recall    {:.3}", self.recall)?;
        writeln!(f, "recognition F1        {:.3}", self.f1)?;
        writeln!(f, "accuracy at 10 km     {:.3}", self.accuracy_10km)?;
        writeln!(f, "accuracy at 161 km    {:.3}", self.accuracy_161km)?;
        writeln!(f, "median error km       {:.2}", self.median_error_km)?;
        writeln!(f, "gold events           {}", self.gold_events)?;
        writeln!(f, "predicted events      {}", self.predicted_events)?;
        writeln!(f, "event precision       {:.3}", self.event_precision)?;
        writeln!(f, "event recall          {:.3}", self.event_recall)?;
        write!(f, "event F1              {:.3}", self.event_f1)?;
        for (action, a) in &self.per_action {
            let p = ratio_of(a.true_positives, a.true_positives + a.false_positives);
            let r = ratio_of(a.true_positives, a.true_positives + a.false_negatives);
            write!(
                f,
                "\n  {action:<14} precision {p:.2}  recall {r:.2}  (tp {}, fp {}, fn {})",
                a.true_positives, a.false_positives, a.false_negatives
            )?;
        }
        Ok(())
    }
}
