//! From a name to ranked places, each score made of named parts.
//!
//! Without context the candidates are ranked by, in order of weight:
//! 1. how the name matched: a GeoNames name or alternate over a generated
//!    transliteration ([`ScoreParts::matched`]);
//! 2. a settlement over an administrative area, unless the name carries a
//!    region suffix, which turns it round ([`ScoreParts::kind`]);
//! 3. feature rank: capital, regional centre, district centre, village
//!    ([`ScoreParts::feature`]);
//! 4. population ([`ScoreParts::population`]);
//! 5. a prior for Ukraine, its front-line and border regions, and its
//!    neighbours ([`ScoreParts::domain`]).
//!
//! A GeoNames alternate counts as an exact match, like the name itself, but
//! a place found only by an alternate (often a former name: Melitopol was
//! once Novooleksandrivka) gives way when many places bear the name as
//! their own ([`ScoreParts::prevalence`]): each such place makes it less
//! likely that the text means one that only once bore the name.
//!
//! [`Hints`] narrow the choice: a region or a country keeps only the places
//! inside it, a point adds [`ScoreParts::near`], which outweighs the priors
//! for places within a few tens of kilometres.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::gazetteer::Remembered;
use crate::geo_util::distance_km;
use crate::names::region::{split_suffix, RegionLevel};
use crate::names::{normalize, Kinds, MatchKind};
use crate::place::Place;
pub use crate::score::ScoreParts;
use crate::Gazetteer;

/// The longest name [`Gazetteer::resolve`] accepts, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Score weights; each rule outweighs the rules below it in all but
/// extreme cases (see the module documentation).
mod table;
pub use table::write_table;

mod weight {
    pub const NAME: f64 = 6.0;
    pub const ALTERNATE: f64 = 6.0;
    /// When some place bears the name as its own: a first step, then per
    /// such place, and the most it can take.
    pub const PREVALENCE_FIRST: f64 = -0.5;
    pub const PREVALENCE_PER_BEARER: f64 = -0.05;
    pub const PREVALENCE_MAX: f64 = -2.5;
    pub const TRANSLITERATED: f64 = 4.0;
    pub const REGION_BASE: f64 = 4.0;
    /// A loose match of a name after a place cue ([`MatchKind::Fuzzy`]).
    pub const FUZZY: f64 = 3.0;
    pub const KIND: f64 = 2.5;
    pub const LEVEL: f64 = 1.5;
    pub const FEATURE_PER_RANK: f64 = 0.2;
    pub const POPULATION_PER_DECADE: f64 = 0.2;
    pub const UKRAINE: f64 = 0.5;
    pub const FRONT_REGION: f64 = 0.3;
    pub const NEAR_FRONT_REGION: f64 = 0.15;
    pub const NEIGHBOUR: f64 = 0.2;
    pub const NEAR: f64 = 3.0;
    /// Distance at which the `near` part falls to 1/e of its maximum.
    pub const NEAR_SCALE_KM: f64 = 50.0;
}

/// Ukraine's neighbours, which reporting on the war names most after Ukraine.
const NEIGHBOURS: [&str; 7] = ["RU", "BY", "MD", "PL", "RO", "SK", "HU"];

/// First-level regions on the front line or the border where the fighting
/// is (GeoNames codes): Donetsk, Luhansk, Kharkiv, Zaporizhzhia, Kherson and
/// Sumy oblasts; Russia's Belgorod, Kursk and Bryansk oblasts.
const FRONT_REGIONS: [(&str, &str); 9] = [
    ("UA", "05"),
    ("UA", "14"),
    ("UA", "07"),
    ("UA", "26"),
    ("UA", "08"),
    ("UA", "21"),
    ("RU", "09"),
    ("RU", "41"),
    ("RU", "10"),
];

/// Regions behind them that reporting names often: Dnipropetrovsk,
/// Mykolaiv, Chernihiv oblasts and Crimea.
const NEAR_FRONT_REGIONS: [(&str, &str); 4] =
    [("UA", "04"), ("UA", "16"), ("UA", "02"), ("UA", "11")];

/// Context that narrows the choice among places of the same name.
///
/// ```
/// use frontline::{Gazetteer, Hints};
/// let gaz = Gazetteer::bundled();
/// let hints = Hints { admin1: Some("Donetsk".into()), ..Hints::default() };
/// let terny = &gaz.resolve("Terny", &hints).unwrap()[0];
/// assert_eq!(terny.place.geonameid, 691608);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hints {
    /// A point the place is likely near, as (latitude, longitude).
    pub near: Option<(f64, f64)>,
    /// Keep only places in this first-level region (`Donetsk`, `Kharkiv Oblast`).
    pub admin1: Option<String>,
    /// Keep only places in this country: an ISO code (`UA`) or a name.
    pub country: Option<String>,
}

/// A place a name may mean, with its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate<'g> {
    /// The place.
    pub place: &'g Place,
    /// How the name matched it.
    pub matched: MatchKind,
    /// The score's parts; [`ScoreParts::total`] ranks the candidates.
    pub parts: ScoreParts,
}

impl Candidate<'_> {
    /// The candidate's score.
    pub fn score(&self) -> f64 {
        self.parts.total()
    }

    /// The candidate as a flat record with its region names, ready to
    /// serialise (this is what `frontline resolve --json` prints).
    pub fn record(&self, gaz: &Gazetteer) -> CandidateRecord {
        let p = self.place;
        CandidateRecord {
            geonameid: p.geonameid,
            name: p.name.to_string(),
            lat: p.lat,
            lon: p.lon,
            country_code: p.country_code.to_string(),
            admin1: gaz.admin1_name(p).unwrap_or_default().to_string(),
            admin2: gaz.admin2_name(p).unwrap_or_default().to_string(),
            feature_class: p.feature_class.to_string(),
            feature_code: p.feature_code.to_string(),
            kind: p.kind.label(),
            population: p.population,
            matched: self.matched.label(),
            score: (self.score() * 1000.0).round() / 1000.0,
            score_parts: self.parts,
        }
    }
}

/// A candidate flattened for output: the place, its region names, its score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CandidateRecord {
    /// GeoNames id.
    pub geonameid: u32,
    /// GeoNames name.
    pub name: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: String,
    /// Name of the first-level region, empty if unknown.
    pub admin1: String,
    /// Name of the second-level area (raion), empty if unknown.
    pub admin2: String,
    /// GeoNames feature class.
    pub feature_class: String,
    /// GeoNames feature code.
    pub feature_code: String,
    /// What sort of feature: `settlement`, `admin`, `country`, `region`,
    /// `water`, `terrain`, `facility` ([`crate::place::Kind::label`]).
    pub kind: &'static str,
    /// Population, 0 if unknown.
    pub population: u64,
    /// How the name matched: `name`, `alternate`, `transliterated`, `region`.
    pub matched: &'static str,
    /// The score, rounded to 3 decimals.
    pub score: f64,
    /// The parts the score adds up from.
    pub score_parts: ScoreParts,
}

impl Gazetteer {
    /// Every place `name` may mean, best first, with the score parts that
    /// ranked it. An unknown name gives an empty list; an empty name or one
    /// longer than [`MAX_NAME_CHARS`] is an error, as is a hint naming no
    /// region or country.
    ///
    /// ```
    /// use frontline::{Gazetteer, Hints};
    /// let gaz = Gazetteer::bundled();
    /// let best = &gaz.resolve("Kharkov", &Hints::default()).unwrap()[0];
    /// assert_eq!(best.place.name, "Kharkiv");
    /// let region = &gaz.resolve("Kharkiv Oblast", &Hints::default()).unwrap()[0];
    /// assert_eq!(region.place.feature_code, "ADM1");
    /// ```
    pub fn resolve(&self, name: &str, hints: &Hints) -> Result<Vec<Candidate<'_>>> {
        if *hints != Hints::default() {
            return self.resolve_afresh(name, hints);
        }
        if let Some(remembered) = self.cache().resolved(name) {
            let places = self.places();
            return Ok(remembered
                .iter()
                .map(|r| Candidate {
                    place: &places[r.row as usize],
                    matched: r.matched,
                    parts: r.parts,
                })
                .collect());
        }
        let found = self.resolve_afresh(name, hints)?;
        let rows = self.place_rows(&found);
        self.cache().remember_resolved(name, rows);
        Ok(found)
    }

    /// The candidates as rows of [`Gazetteer::places`], to be remembered.
    fn place_rows(&self, found: &[Candidate<'_>]) -> std::sync::Arc<[Remembered]> {
        let places = self.places();
        let base = places.as_ptr() as usize;
        let size = std::mem::size_of::<Place>();
        found
            .iter()
            .map(|c| {
                // Every candidate borrows a place of this gazetteer: its row
                // is its offset in the slice.
                let row = (c.place as *const Place as usize - base) / size;
                debug_assert_eq!(places[row].geonameid, c.place.geonameid);
                Remembered {
                    row: row as u32,
                    matched: c.matched,
                    parts: c.parts,
                }
            })
            .collect()
    }

    fn resolve_afresh(&self, name: &str, hints: &Hints) -> Result<Vec<Candidate<'_>>> {
        let chars = name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(Error::NameTooLong {
                chars,
                max: MAX_NAME_CHARS,
            });
        }
        let key = normalize(name);
        if key.is_empty() {
            return Err(Error::EmptyName);
        }
        let filter = self.hint_filter(hints)?;
        let suffix = split_suffix(&key);

        // Bare bases of areas count only when the name carried a suffix.
        let mut found: Vec<(usize, Kinds)> = self
            .postings(&key)
            .into_iter()
            .map(|(row, kinds)| (row, Kinds(kinds.0 & !Kinds::of(MatchKind::RegionBase).0)))
            .filter(|(_, kinds)| kinds.0 != 0)
            .collect();
        if found.is_empty() && suffix.is_none() {
            // Nothing known under any spelling rule: Ukraine's settlements
            // whose names sound the same, scored below every exact match.
            found = self.fuzzy_postings(&key);
        }
        if let Some((base, _)) = suffix {
            for (row, kinds) in self.postings(base) {
                if !self.places()[row].is_administrative() {
                    continue;
                }
                match found.iter_mut().find(|(r, _)| *r == row) {
                    Some(slot) => slot.1 = slot.1.union(kinds),
                    None => found.push((row, kinds)),
                }
            }
        }

        let bearers = found
            .iter()
            .filter(|(_, kinds)| kinds.contains(MatchKind::Name))
            .count();
        let level = suffix.map(|(_, level)| level);
        // A name written in its Russian form ("Ivanovka") is borne as their
        // own by GeoNames rows named in Russian, left over from older
        // sources, as much as it is the Russian name of the villages
        // GeoNames names in Ukrainian (Ivanivka): those rows are no
        // evidence against a village whose own Ukrainian name the Russian
        // form gives by rule, which keeps its full match.
        let ukrainian = crate::names::normalize::ukrainian_forms(&key);
        let own_russian_name = |place: &Place, kinds: Kinds| {
            kinds.contains(MatchKind::RussianForm)
                && !ukrainian.is_empty()
                && ukrainian.contains(&normalize(&place.name))
        };
        let mut candidates: Vec<Candidate<'_>> = found
            .into_iter()
            .map(|(row, kinds)| (&self.places()[row], kinds))
            .filter(|(place, _)| filter.keeps(place))
            .map(|(place, kinds)| Candidate {
                place,
                matched: kinds.best(),
                parts: score(
                    place,
                    kinds,
                    if own_russian_name(place, kinds) {
                        0
                    } else {
                        bearers
                    },
                    level,
                    hints,
                ),
            })
            .collect();
        give_way_to_own_settlements(&mut candidates);
        give_way_to_seas(&mut candidates);
        candidates.sort_by(|a, b| {
            b.score()
                .total_cmp(&a.score())
                .then(a.place.geonameid.cmp(&b.place.geonameid))
        });
        Ok(candidates)
    }

    /// True when [`Gazetteer::resolve`] would find some place for this
    /// normalised name without hints; much cheaper, as nothing is scored.
    ///
    /// ```
    /// use frontline::Gazetteer;
    /// let gaz = Gazetteer::bundled();
    /// assert!(gaz.knows_key("donetsk oblast"));
    /// // An oblast's adjective alone is only a base for a suffix.
    /// assert!(!gaz.knows_key("donetska"));
    /// ```
    pub fn knows_key(&self, key: &str) -> bool {
        if let Some(known) = self.cache().known(key) {
            return known;
        }
        let known = self.knows_key_afresh(key);
        self.cache().remember_known(key, known);
        known
    }

    fn knows_key_afresh(&self, key: &str) -> bool {
        let region_base = Kinds::of(MatchKind::RegionBase).0;
        self.any_posting(key, |_, kinds| kinds.0 & !region_base != 0)
            || split_suffix(key).is_some_and(|(base, _)| {
                self.any_posting(base, |row, _| self.places()[row].is_administrative())
            })
    }

    fn hint_filter(&self, hints: &Hints) -> Result<Filter> {
        let admin1 = match &hints.admin1 {
            None => None,
            Some(region) => {
                let codes = self.admin1_codes(region);
                if codes.is_empty() {
                    return Err(Error::UnknownRegion(region.clone()));
                }
                Some(codes)
            }
        };
        let country = match &hints.country {
            None => None,
            Some(c) => Some(
                self.country_code(c)
                    .ok_or_else(|| Error::UnknownCountry(c.clone()))?,
            ),
        };
        Ok(Filter { admin1, country })
    }

    /// The ISO code of a country given by code (`ua`, `RU`) or name (`Russia`).
    pub fn country_code(&self, code_or_name: &str) -> Option<String> {
        let code = code_or_name.trim().to_ascii_uppercase();
        let is_country = |cc: &str| {
            self.places()
                .iter()
                .any(|p| p.is_country() && p.country_code == cc)
        };
        if code.len() == 2 && is_country(&code) {
            return Some(code);
        }
        self.lookup(code_or_name)
            .into_iter()
            .find(|m| m.place.is_country())
            .map(|m| m.place.country_code.to_string())
    }
}

struct Filter {
    admin1: Option<Vec<(crate::place::Text, crate::place::Text)>>,
    country: Option<String>,
}

impl Filter {
    fn keeps(&self, place: &Place) -> bool {
        let in_country = self
            .country
            .as_ref()
            .is_none_or(|cc| place.country_code == cc.as_str());
        let in_admin1 = self.admin1.as_ref().is_none_or(|codes| {
            codes
                .iter()
                .any(|(cc, a1)| &place.country_code == cc && &place.admin1_code == a1)
        });
        in_country && in_admin1
    }
}

/// Scores one candidate; see [`ScoreParts`] for the parts. `bearers` is the
/// number of places whose own GeoNames name the name is.
pub(crate) fn score(
    place: &Place,
    kinds: Kinds,
    bearers: usize,
    suffix: Option<RegionLevel>,
    hints: &Hints,
) -> ScoreParts {
    use weight::*;
    let matched = kinds.best();
    let prevalence = if matched == MatchKind::Name {
        0.0
    } else {
        // An alternate that one of the place's Cyrillic names also gives
        // ("Konstantinovka" for Костянтинівка/Константиновка) is its name in
        // another language; one that none gives ("Hrodivka" listed for
        // Myrnohrad) gives way to the place that bears it.
        let backed =
            kinds.contains(MatchKind::Transliterated) || kinds.contains(MatchKind::RussianForm);
        match bearers {
            0 => 0.0,
            n if backed => (PREVALENCE_PER_BEARER * n as f64).max(PREVALENCE_MAX),
            n => (PREVALENCE_FIRST + PREVALENCE_PER_BEARER * n as f64).max(PREVALENCE_MAX),
        }
    };
    let matched_part = match matched {
        MatchKind::Name => NAME,
        MatchKind::Alternate => ALTERNATE,
        MatchKind::Transliterated => TRANSLITERATED,
        MatchKind::RussianForm => ALTERNATE,
        MatchKind::Fuzzy => FUZZY,
        // Base + suffix is how an area's name is written: a full match.
        MatchKind::RegionBase if suffix.is_some() => NAME,
        MatchKind::RegionBase => REGION_BASE,
    };
    // A transliteration of the place's own Cyrillic name that the Russian
    // form of its Ukrainian name also gives ("Belozerka" for Білозерка,
    // Bilozerka) is its Russian name twice over: as good as an alternate.
    let matched_part = if kinds.contains(MatchKind::RussianForm) {
        matched_part.max(ALTERNATE)
    } else {
        matched_part
    };
    let kind = match suffix {
        None if place.is_populated() || place.is_country() || is_wide_area(place) => KIND,
        None => 0.0,
        Some(level) if place.is_admin_area() => {
            KIND + if place.feature_code == level.feature_code() {
                LEVEL
            } else {
                0.0
            }
        }
        Some(_) => 0.0,
    };
    let country = if place.country_code == "UA" {
        UKRAINE
    } else if NEIGHBOURS.contains(&&*place.country_code) {
        NEIGHBOUR
    } else {
        0.0
    };
    let region = (&*place.country_code, &*place.admin1_code);
    let front = if FRONT_REGIONS.contains(&region) {
        FRONT_REGION
    } else if NEAR_FRONT_REGIONS.contains(&region) {
        NEAR_FRONT_REGION
    } else {
        0.0
    };
    let near = hints.near.map_or(0.0, |(lat, lon)| {
        NEAR * (-distance_km(lat, lon, place.lat, place.lon) / NEAR_SCALE_KM).exp()
    });
    ScoreParts {
        matched: matched_part,
        kind,
        feature: FEATURE_PER_RANK * f64::from(effective_rank(place)),
        population: POPULATION_PER_DECADE * ((place.population as f64) + 1.0).log10(),
        domain: country + front,
        near,
        prevalence,
        region: 0.0,
        coherence: 0.0,
        direction: 0.0,
        theatre: 0.0,
        batch: 0.0,
    }
}

/// The areas a bare name means before a small homonym abroad, as a country
/// does: first-level regions outside Ukraine ("Texas", "California", not
/// the villages of that name; Ukraine's oblasts are named with a suffix or
/// stand behind their cities), continents and macro-regions ("Africa",
/// "the Balkans"), seas.
fn is_wide_area(place: &Place) -> bool {
    use crate::place::Kind;
    match place.kind {
        Kind::Admin => &*place.feature_code == "ADM1" && &*place.country_code != "UA",
        Kind::Region => {
            &*place.feature_code == "CONT"
                || (&*place.feature_code == "RGN" && place.country_code.is_empty())
        }
        Kind::Water => matches!(&*place.feature_code, "SEA" | "OCN"),
        _ => false,
    }
}

/// A first-level region abroad named as a settlement inside it is ("New
/// York", "Moscow") gives way to the settlement, as Ukraine's oblasts do to
/// their cities: it loses the [`ScoreParts::kind`] that [`is_wide_area`]
/// gave it.
fn give_way_to_own_settlements(candidates: &mut [Candidate<'_>]) {
    let inside: Vec<(crate::place::Text, crate::place::Text)> = candidates
        .iter()
        .filter(|c| c.place.is_populated())
        .map(|c| (c.place.country_code.clone(), c.place.admin1_code.clone()))
        .collect();
    for c in candidates.iter_mut() {
        let p = c.place;
        if p.is_admin_area()
            && is_wide_area(p)
            && c.parts.kind > 0.0
            && inside
                .iter()
                .any(|(cc, a1)| *cc == p.country_code && *a1 == p.admin1_code)
        {
            c.parts.kind = 0.0;
        }
    }
}

/// A region named after a sea ("Red Sea" governorate, "Red Sea" state)
/// gives way to the sea when both bear the name: written alone, "the Red
/// Sea" is the water.
fn give_way_to_seas(candidates: &mut [Candidate<'_>]) {
    let sea = candidates
        .iter()
        .any(|c| c.place.kind == crate::place::Kind::Water && is_wide_area(c.place));
    if !sea {
        return;
    }
    for c in candidates.iter_mut() {
        if c.place.is_admin_area() && is_wide_area(c.place) {
            c.parts.kind = 0.0;
        }
    }
}

/// A settlement's feature rank, raised for large places: GeoNames codes
/// many Ukrainian cities as plain `PPL` (Mariupol, Sloviansk), so a place of
/// 10,000 people ranks at least as a hromada centre, of 100,000 as a
/// district centre, of a million as a regional centre.
fn effective_rank(place: &Place) -> u8 {
    let by_population = match place.population {
        p if p >= 1_000_000 => 4,
        p if p >= 100_000 => 3,
        p if p >= 10_000 => 2,
        _ => 0,
    };
    // A part of a city (PPLX) is no town of its own, however many live there.
    if place.is_populated() && &*place.feature_code != "PPLX" {
        place.feature_rank().max(by_population)
    } else {
        place.feature_rank()
    }
}

/// When the text places a name in a region (`region`: country and admin1
/// codes; "Orekhovo, Zaporozhye region") and none of its `candidates` lies
/// there, adds the region's settlements whose names sound the same
/// ([`crate::MatchKind::Fuzzy`]: the same consonant skeleton, or one edit
/// away): the region written beside the name is better evidence than a
/// spelling matched in another oblast.
pub(crate) fn sound_alikes_in_region<'g>(
    gaz: &'g Gazetteer,
    key: &str,
    region: (&str, &str),
    published: Option<chrono::NaiveDate>,
    candidates: &mut Vec<Candidate<'g>>,
) {
    let inside = |p: &Place| *p.country_code == *region.0 && *p.admin1_code == *region.1;
    if candidates.iter().any(|c| inside(c.place)) {
        return;
    }
    for (row, kinds) in gaz.fuzzy_postings_where(key, inside) {
        let place = &gaz.places()[row];
        let mut parts = score(place, kinds, 0, None, &Hints::default());
        parts.theatre = crate::theatre::theatre_bonus(place, published);
        candidates.push(Candidate {
            place,
            matched: kinds.best(),
            parts,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(name: &str) -> u32 {
        let gaz = Gazetteer::bundled();
        gaz.resolve(name, &Hints::default()).unwrap()[0]
            .place
            .geonameid
    }

    #[test]
    fn settlement_beats_the_region_of_the_same_name() {
        // Donetsk the city (GeoNames 709717), not Donetsk Oblast (709716).
        assert_eq!(top("Donetsk"), 709717);
    }

    #[test]
    fn region_suffix_turns_the_ranking_round() {
        for name in [
            "Donetsk Oblast",
            "Donetsk region",
            "Donetska oblast",
            "the Donetsk oblast",
        ] {
            let name = name.trim_start_matches("the ");
            assert_eq!(top(name), 709716, "{name}");
        }
    }

    #[test]
    fn empty_and_overlong_names_are_errors() {
        let gaz = Gazetteer::bundled();
        assert!(matches!(
            gaz.resolve("  ", &Hints::default()),
            Err(Error::EmptyName)
        ));
        let long = "a".repeat(10_000);
        assert!(matches!(
            gaz.resolve(&long, &Hints::default()),
            Err(Error::NameTooLong { chars: 10_000, .. })
        ));
    }

    #[test]
    fn near_hint_picks_the_closest_homonym() {
        let gaz = Gazetteer::bundled();
        // Avdiivka, Donetsk oblast (GeoNames 713122: 48.13989, 37.74255).
        let hints = Hints {
            near: Some((48.13989, 37.74255)),
            ..Hints::default()
        };
        let best = &gaz.resolve("Novooleksandrivka", &hints).unwrap()[0];
        // Novooleksandrivka, Pokrovsk raion (GeoNames 9112926: 48.28265, 37.55275).
        assert_eq!(best.place.geonameid, 9112926);
    }

    #[test]
    fn unknown_region_hint_is_an_error() {
        let gaz = Gazetteer::bundled();
        let hints = Hints {
            admin1: Some("Atlantis".into()),
            ..Hints::default()
        };
        assert!(matches!(
            gaz.resolve("Terny", &hints),
            Err(Error::UnknownRegion(_))
        ));
    }

    #[test]
    fn a_russian_spelling_names_the_ukrainian_village_as_fully_as_a_row_named_in_russian() {
        // UA.txt: 707378 Ivanivka (Kupiansk area, alternate "Ivanovka") and
        // 813218 Ivanovka, a row named in Russian with no other name; many
        // more rows bear "Ivanovka" as their name.
        let gaz = Gazetteer::bundled();
        let hints = Hints {
            admin1: Some("Kharkiv".into()),
            ..Hints::default()
        };
        let found = gaz.resolve("Ivanovka", &hints).unwrap();
        let score_of = |id: u32| {
            found
                .iter()
                .find(|c| c.place.geonameid == id)
                .map(|c| c.parts)
                .unwrap()
        };
        assert_eq!(score_of(707378).prevalence, 0.0);
        assert_eq!(score_of(707378).total(), score_of(813218).total());
        // A former name that is no Russian form of the place's own name
        // still gives way to the place that bears it: "Hrodivka" listed for
        // Myrnohrad (710035), the name of 708047 Hrodivka.
        let hrodivka = gaz.resolve("Hrodivka", &Hints::default()).unwrap();
        assert_eq!(hrodivka[0].place.geonameid, 708047);
        let myrnohrad = hrodivka.iter().find(|c| c.place.geonameid == 710035);
        assert!(myrnohrad.unwrap().parts.prevalence < 0.0);
    }

    #[test]
    fn a_russian_spelling_in_a_named_region_finds_the_village_near_the_others() {
        // "Kupyansk direction … Ivanovka … of the Kharkov region" (UCDP GED
        // style): 707378 Ivanivka, 21 km from Kupiansk (703656), where the
        // Russian-named row 813218 lies 23 km off on the other side.
        let gaz = Gazetteer::bundled();
        let article = crate::Article::new(
            "Shelling was reported near Kupyansk and in Ivanovka, Kharkiv region.",
        )
        .with_published("2023-02-04")
        .unwrap();
        let found = crate::extract_to(&gaz, &article, crate::Depth::Places);
        let ivanovka = found
            .resolved()
            .find(|m| m.text == "Ivanovka")
            .and_then(|m| m.resolution.as_ref())
            .map(|r| r.place.geonameid);
        assert_eq!(ivanovka, Some(707378));
    }
}
