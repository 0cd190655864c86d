//! Batch coherence: in a batch of articles, an ambiguous name leans toward
//! where the batch's unambiguous places are.
//!
//! A batch of reporting from one war names the same few sectors again and
//! again. A bare "Ivanivka" in one article, with no region and no place
//! near it in its own text, most likely lies where the other articles of
//! the batch, read in the same weeks, put their villages and towns.
//!
//! The batch is read twice. The first pass ([`BatchSurvey`]) resolves each
//! article on its own and counts its **unambiguous places**: settlements
//! of fewer than [`TOWN_MAX`] people (a city's name says little about where
//! the fighting is) chosen with a confidence of at least [`SURE`], each
//! place once per article, in cells of [`CELL_LAT`]° of latitude by
//! [`CELL_LON`]° of longitude (about 55 by 55 km) and by calendar month of
//! the article's date. Only these counts are kept, never the articles: a
//! batch of any size costs a few thousand integers. The counts are sums,
//! so they do not depend on the order of the articles or on how many
//! threads read them.
//!
//! The second pass reads each article with the survey's [`BatchPrior`]:
//! [`ScoreParts::batch`](crate::ScoreParts::batch) is, for a settlement,
//! `BATCH_MAX × ln(1 + n) / ln(1 + n_max)`, where `n` counts the places of
//! the survey in its cell (twice) and the eight around it, in the article's month
//! and the months before and after (over all articles when the article
//! has no date), and `n_max` is the largest such count that month: up to
//! [`BATCH_MAX`] in the busiest sector, 0 where the batch names nothing.
//! Where a namesake lies in a region the article names, it chooses only
//! among the namesakes in the regions named (the theatre prior stands
//! aside there altogether). It is smaller than anything the article
//! itself says (a region in scope 1.5, closeness up to 3.0): context
//! overrides it.

use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;

use crate::place::Place;
use crate::resolved::ResolvedMention;

/// The largest batch bonus: a settlement in the sector where the batch
/// names the most places.
pub const BATCH_MAX: f64 = 0.5;
/// A place counts in the survey when chosen with at least this confidence.
pub const SURE: f64 = 0.9;
/// A settlement of this many people or more is not counted: reporting
/// names a city for many reasons besides fighting beside it.
pub const TOWN_MAX: u64 = 100_000;
/// Cell height, degrees of latitude (about 55 km).
pub const CELL_LAT: f64 = 0.5;
/// Cell width, degrees of longitude (about 55 km at 48° N).
pub const CELL_LON: f64 = 0.75;

type Cell = (i32, i32);

/// A cell counts twice for itself, once for each neighbour.
fn weight(dy: i32, dx: i32) -> u32 {
    if dy == 0 && dx == 0 {
        2
    } else {
        1
    }
}

fn cell_of(place: &Place) -> Cell {
    (
        (place.lat / CELL_LAT).floor() as i32,
        (place.lon / CELL_LON).floor() as i32,
    )
}

/// Months since year 0: consecutive months are consecutive numbers.
fn month_of(date: NaiveDate) -> i32 {
    date.year() * 12 + date.month0() as i32
}

/// The first pass over a batch: where its unambiguous places are, by cell
/// and month (see the module documentation).
///
/// ```
/// use frontline::context::BatchSurvey;
/// use frontline::{extract_to, Article, Depth, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let mut survey = BatchSurvey::new();
/// for text in ["Shelling hit Kupiansk and Kivsharivka.", "Fighting near Synkivka."] {
///     let article = Article::new(text).with_published("2023-02-04").unwrap();
///     let found = extract_to(&gaz, &article, Depth::Places);
///     survey.add_article(&found.mentions, article.meta.published);
/// }
/// assert_eq!(survey.places(), 3);
/// ```
#[derive(Clone, Debug, Default)]
pub struct BatchSurvey {
    dated: HashMap<(i32, Cell), u32>,
    all: HashMap<Cell, u32>,
    places: u64,
}

impl BatchSurvey {
    /// An empty survey.
    pub fn new() -> BatchSurvey {
        BatchSurvey::default()
    }

    /// Counts an article's unambiguous places, each once: `mentions` as
    /// the article was resolved on its own, `published` its date.
    pub fn add_article(&mut self, mentions: &[ResolvedMention], published: Option<NaiveDate>) {
        let mut counted: Vec<&Place> = mentions
            .iter()
            .filter_map(|m| m.resolution.as_ref())
            .filter(|r| {
                r.confidence >= SURE && r.place.is_populated() && r.place.population < TOWN_MAX
            })
            .map(|r| &r.place)
            .collect();
        counted.sort_unstable_by_key(|p| p.geonameid);
        counted.dedup_by_key(|p| p.geonameid);
        for place in counted {
            let cell = cell_of(place);
            if let Some(date) = published {
                *self.dated.entry((month_of(date), cell)).or_default() += 1;
            }
            *self.all.entry(cell).or_default() += 1;
            self.places += 1;
        }
    }

    /// Adds another survey's counts (of other articles of the batch).
    pub fn merge(&mut self, other: BatchSurvey) {
        for (key, n) in other.dated {
            *self.dated.entry(key).or_default() += n;
        }
        for (key, n) in other.all {
            *self.all.entry(key).or_default() += n;
        }
        self.places += other.places;
    }

    /// The places counted, each once per article.
    pub fn places(&self) -> u64 {
        self.places
    }

    /// The prior the second pass reads: each cell's count, twice, summed
    /// with its eight neighbours' (and, for dated articles, with the months
    /// beside): an empty cell between two busy ones does not outweigh them.
    pub fn prior(&self) -> BatchPrior {
        let mut dated: HashMap<(i32, Cell), u32> = HashMap::default();
        for (&(month, (y, x)), &n) in &self.dated {
            for m in month - 1..=month + 1 {
                for dy in -1..=1 {
                    for dx in -1..=1 {
                        *dated.entry((m, (y + dy, x + dx))).or_default() += n * weight(dy, dx);
                    }
                }
            }
        }
        let mut all: HashMap<Cell, u32> = HashMap::default();
        for (&(y, x), &n) in &self.all {
            for dy in -1..=1 {
                for dx in -1..=1 {
                    *all.entry((y + dy, x + dx)).or_default() += n * weight(dy, dx);
                }
            }
        }
        let mut busiest: HashMap<i32, u32> = HashMap::default();
        for (&(month, _), &n) in &dated {
            let max = busiest.entry(month).or_default();
            *max = (*max).max(n);
        }
        let all_busiest = all.values().copied().max().unwrap_or(0);
        BatchPrior {
            dated,
            busiest,
            all,
            all_busiest,
        }
    }
}

/// Where a batch's unambiguous places are, as the second pass reads it
/// ([`BatchSurvey::prior`]; see the module documentation).
#[derive(Clone, Debug, Default)]
pub struct BatchPrior {
    dated: HashMap<(i32, Cell), u32>,
    busiest: HashMap<i32, u32>,
    all: HashMap<Cell, u32>,
    all_busiest: u32,
}

impl BatchPrior {
    /// The batch bonus of `place` in an article published on `published`
    /// ([`ScoreParts::batch`](crate::ScoreParts::batch)): 0 to
    /// [`BATCH_MAX`], for settlements only.
    ///
    /// ```
    /// use frontline::context::BatchSurvey;
    /// use frontline::{extract_to, Article, Depth, Gazetteer};
    /// let gaz = Gazetteer::bundled();
    /// let article = Article::new("Russian forces shelled Orikhiv and Mala Tokmachka.")
    ///     .with_published("2023-02-15").unwrap();
    /// let mut survey = BatchSurvey::new();
    /// survey.add_article(&extract_to(&gaz, &article, Depth::Places).mentions, article.meta.published);
    /// let prior = survey.prior();
    /// // UA.txt: 694302 Shcherbaky (47.551, 35.582), Zaporizhzhia oblast,
    /// // 16 km from Orikhiv; 694300 Shcherbaky (50.191, 35.446), Kharkiv oblast.
    /// let near = gaz.place_by_id(694302).unwrap();
    /// let far = gaz.place_by_id(694300).unwrap();
    /// let day = "2023-02-20".parse().ok();
    /// assert_eq!(prior.bonus(near, day), frontline::context::BATCH_MAX);
    /// assert_eq!(prior.bonus(far, day), 0.0);
    /// ```
    pub fn bonus(&self, place: &Place, published: Option<NaiveDate>) -> f64 {
        if !place.is_populated() {
            return 0.0;
        }
        let cell = cell_of(place);
        let (n, busiest) = match published {
            Some(date) => {
                let month = month_of(date);
                (
                    self.dated.get(&(month, cell)),
                    self.busiest.get(&month).copied().unwrap_or(0),
                )
            }
            None => (self.all.get(&cell), self.all_busiest),
        };
        match n {
            Some(&n) if n > 0 && busiest > 0 => {
                BATCH_MAX * f64::from(n).ln_1p() / f64::from(busiest).ln_1p()
            }
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{extract_to, Article, Depth, Gazetteer};

    fn survey_of(texts: &[(&str, &str)]) -> BatchSurvey {
        let gaz = Gazetteer::bundled();
        let mut survey = BatchSurvey::new();
        for (text, date) in texts {
            let article = Article::new(*text).with_published(date).unwrap();
            let found = extract_to(&gaz, &article, Depth::Places);
            survey.add_article(&found.mentions, article.meta.published);
        }
        survey
    }

    #[test]
    fn a_place_named_twice_in_one_article_counts_once_and_cities_not_at_all() {
        // Kupiansk (27,000 people) counts; Kharkiv (1.4 million) does not.
        let survey = survey_of(&[(
            "Kupiansk was shelled. Kupiansk and Kharkiv were hit again.",
            "2023-02-04",
        )]);
        assert_eq!(survey.places(), 1);
    }

    #[test]
    fn the_survey_does_not_depend_on_the_order_of_the_articles() {
        let a = ("Fighting near Synkivka and Kivsharivka.", "2023-02-04");
        let b = ("Shelling of Vuhledar and Marinka.", "2023-02-20");
        let c = ("Strikes on Orikhiv.", "2023-03-01");
        let one = survey_of(&[a, b, c]).prior();
        let mut two = survey_of(&[c]);
        two.merge(survey_of(&[b, a]));
        let two = two.prior();
        let gaz = Gazetteer::bundled();
        let day = "2023-02-10".parse().ok();
        for id in [707376, 690823, 698428, 707424, 713174] {
            let place = gaz.place_by_id(id).unwrap();
            assert_eq!(one.bonus(place, day), two.bonus(place, day));
        }
    }

    #[test]
    fn the_batch_bonus_is_for_the_months_around_the_article() {
        let prior = survey_of(&[("Fighting near Synkivka.", "2023-02-04")]).prior();
        let gaz = Gazetteer::bundled();
        // UA.txt: 707376 Ivanivka (49.818, 37.970), 20 km from 693778
        // Synkivka (49.763, 37.694).
        let ivanivka = gaz.place_by_id(707376).unwrap();
        assert_eq!(prior.bonus(ivanivka, "2023-03-31".parse().ok()), BATCH_MAX);
        assert_eq!(prior.bonus(ivanivka, "2023-04-01".parse().ok()), 0.0);
        // An undated article reads the whole batch.
        assert_eq!(prior.bonus(ivanivka, None), BATCH_MAX);
    }
}
