//! Resolving an article's mentions together: mentions → resolved places.
//!
//! Each distinct name is resolved once per article (one sense per
//! discourse). Its candidates are first ranked as [`Gazetteer::resolve`]
//! ranks them; then three article-level parts are added:
//! - [`ScoreParts::region`]: the candidate lies in a region the article
//!   names ("Donetsk Oblast", "the Kharkiv region", "in Crimea"), more so
//!   when the region is written right after the name or in its scope;
//! - [`ScoreParts::coherence`]: the candidate lies near the places chosen
//!   for the article's other names, weighted by how close in the text
//!   they are (same sentence 1, one or two apart 0.7, up to ten 0.3,
//!   further 0.15) (a Novooleksandrivka named beside Avdiivka is the one near
//!   Avdiivka);
//! - [`ScoreParts::direction`]: the candidate lies where the text puts it
//!   from another place ("northeast of Kupiansk", "near Pokrovsk").
//!
//! Two priors come before them, both smaller than anything the article
//! says: the theatre of the war on the article's day
//! ([`ScoreParts::theatre`]) and, for an article read
//! as one of a batch, where the batch's unambiguous places are
//! ([`ScoreParts::batch`], [`BatchPrior`]).
//!
//! Coherence and direction are found in up to three rounds, each with the
//! choices of the round before as context, until no choice changes. In an
//! article naming more than 256 places (a hostile list: reporting names
//! tens), each round weighs the names against the 256 chosen with most
//! weight only, so that time grows with the list, not its square. A
//! mention's `confidence` is the softmax probability of its chosen
//! candidate among all of them.

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use crate::geo_util::{angle_between, bearing_deg, distance_km, KM_PER_DEGREE};
use crate::names::normalize;
use crate::names::region::{split_suffix, RegionLevel};
use crate::place::Place;
use crate::recognize::{CueStrength, Mention};
use crate::resolve::{Candidate, ScoreParts};
pub use crate::resolved::{Alternative, Resolution, ResolvedMention};
use crate::{Gazetteer, Hints};

/// Candidates kept per name.
const MAX_CANDIDATES: usize = 400;
/// Runner-up candidates reported with a resolution.
const ALTERNATIVES: usize = 5;
/// How far below the best candidate, before context, a candidate may stand
/// and still be lifted by its closeness to the article's other places
/// (coherence and direction). A village near the places an article names may
/// beat a same-sized homonym, but not the regional centre whose name it
/// shares (Zaporizhzhia the city of 700,000 over a hamlet of the same name
/// near Pokrovsk). A region the text names lifts any candidate inside it.
const CONTEXT_REACH: f64 = 1.5;
/// Bonus for a candidate inside the region written right after its name.
const LOCATED_BONUS: f64 = 4.0;
/// Bonus for a candidate inside a region the article names in the name's
/// scope (see `regions_in_scope`).
const REGION_BONUS: f64 = 1.5;
/// The bonus for lying in a region the article names out of the name's
/// scope (see `regions_in_scope`).
const FAR_REGION_BONUS: f64 = 0.5;

/// How far from a raion's point a place written with the raion's name may
/// lie and still count as inside it, in km: the raions of 2020 are up to
/// about 150 km across, and reporting still names the smaller ones of
/// before, after their centres ("Izyumsky district").
const RAION_REACH_KM: f64 = 40.0;

/// True when `place` lies in `raion` (GeoNames gives it the raion's
/// first- and second-level codes) or within [`RAION_REACH_KM`] of the
/// raion's point.
fn within_raion(place: &Place, raion: &Place) -> bool {
    let coded = !raion.admin2_code.is_empty()
        && place.country_code == raion.country_code
        && place.admin1_code == raion.admin1_code
        && place.admin2_code == raion.admin2_code;
    coded || distance_km(place.lat, place.lon, raion.lat, raion.lon) <= RAION_REACH_KM
}
/// Maximum coherence bonus, and the distance over which it falls to 1/e.
const COHERENCE_MAX: f64 = 3.0;
const COHERENCE_SCALE_KM: f64 = 40.0;

/// How much a name's closeness to another counts by how near they are in
/// the text: in one sentence, within two sentences, within ten, farther.
const TEXT_WEIGHTS: [f64; 4] = [1.0, 0.7, 0.3, 0.15];

/// The most anchors (names whose chosen place is evidence for the others,
/// see `Field::anchors`) a round of coherence weighs each name against: in
/// an article naming more places than this, those of most weight. Reporting
/// names tens of places, a long survey a hundred or two; a list of
/// thousands would otherwise cost every name a look at every other, time
/// growing with the square of the list.
const MAX_ANCHORS: usize = 256;

/// Beyond this distance, four scales, closeness adds nothing.
const COHERENCE_REACH_KM: f64 = 160.0;
/// The coherence bonus, times the other name's certainty, for lying in the
/// country of a name listed with it ("over Belgorod and Voronezh").
const LIST_COUNTRY_BONUS: f64 = 1.5;
/// Bonus for lying exactly in the stated direction, scaled by the cosine
/// of the angle off it (a penalty for the opposite way).
const DIRECTION_BONUS: f64 = 1.0;
/// Distance scale, km, of "near": the bonus falls from +1 at the anchor
/// through 0 at about 28 km (ln 2 × 40) toward −1.
const NEAR_SCALE_KM: f64 = 40.0;
/// Distance at which "X, south of Y" stops favouring places that way: a
/// place named beside another lies within a few tens of kilometres of it.
const DIRECTION_SCALE_KM: f64 = 60.0;
/// Softmax temperature for confidence: score units per factor e.
const TEMPERATURE: f64 = 0.5;

struct NameGroup<'g> {
    /// Indices into the mention list.
    members: Vec<usize>,
    candidates: Vec<Candidate<'g>>,
    /// The best score before the article's context: candidates further than
    /// [`CONTEXT_REACH`] below it get no context bonus.
    base_top: f64,
    /// Has a region suffix: names a region.
    is_region: bool,
}

/// Resolves an article's mentions in the context of each other. `offsets`
/// maps a plain-text byte offset to an input char offset.
pub fn resolve_mentions(
    gaz: &Gazetteer,
    mentions: &[Mention],
    offsets: impl Fn(usize) -> usize,
) -> Vec<ResolvedMention> {
    resolve_mentions_on(gaz, mentions, offsets, None)
}

/// [`resolve_mentions`] for an article published on `published`: each
/// candidate also gets the date's theatre prior
/// ([`ScoreParts::theatre`]).
pub fn resolve_mentions_on(
    gaz: &Gazetteer,
    mentions: &[Mention],
    offsets: impl Fn(usize) -> usize,
    published: Option<chrono::NaiveDate>,
) -> Vec<ResolvedMention> {
    resolve_mentions_in_batch(gaz, mentions, offsets, published, None)
}

/// [`resolve_mentions_on`] for an article of a batch read in two passes:
/// with `prior`, each settlement also gets its batch bonus
/// ([`ScoreParts::batch`], [`BatchPrior`]).
///
/// ```
/// use frontline::context::{resolve_mentions_in_batch, BatchSurvey};
/// use frontline::{doc::Doc, recognize, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// // Undated articles (a date of 2023 would put the village on that
/// // year's line by Orikhiv by the theatre prior alone).
/// let day = None;
/// let read = |s: &str| recognize::find_mentions(&gaz, &Doc::new(s));
/// // The first pass: the batch's other article names Orikhiv and Mala Tokmachka.
/// let mut survey = BatchSurvey::new();
/// let other = read("Russian forces shelled Orikhiv and Mala Tokmachka.");
/// survey.add_article(&resolve_mentions_in_batch(&gaz, &other, |b| b, day, None), day);
/// let prior = survey.prior();
/// // A bare "Scherbaky": alone, a Shcherbaky elsewhere; in the batch, the
/// // one 16 km from Orikhiv, in Zaporizhzhia oblast (26).
/// let bare = read("Russian forces shelled Scherbaky.");
/// let alone = resolve_mentions_in_batch(&gaz, &bare, |b| b, day, None);
/// let in_batch = resolve_mentions_in_batch(&gaz, &bare, |b| b, day, Some(&prior));
/// let region = |m: &Vec<frontline::ResolvedMention>| m[0].resolution.as_ref().unwrap().place.admin1_code.to_string();
/// assert_ne!(region(&alone), "26");
/// assert_eq!(region(&in_batch), "26");
/// ```
pub fn resolve_mentions_in_batch(
    gaz: &Gazetteer,
    mentions: &[Mention],
    offsets: impl Fn(usize) -> usize,
    published: Option<chrono::NaiveDate>,
    prior: Option<&BatchPrior>,
) -> Vec<ResolvedMention> {
    // One group per distinct name.
    let mut groups: Vec<NameGroup<'_>> = Vec::new();
    let mut by_key: HashMap<(Cow<'_, str>, Option<&str>), usize> = HashMap::default();
    let mut group_of: Vec<Option<usize>> = vec![None; mentions.len()];
    for (i, m) in mentions.iter().enumerate() {
        if !m.known {
            continue;
        }
        // A bare name that stands for a region is resolved with its suffix.
        let (name, key) = match m.region {
            Some(level) => {
                let suffix = match level {
                    RegionLevel::Admin1 => "oblast",
                    RegionLevel::Admin2 => "raion",
                    RegionLevel::Admin3 => "hromada",
                };
                let name = format!("{} {suffix}", m.text);
                let key = normalize(&name);
                (Cow::Owned(name), Cow::Owned(key))
            }
            // "across the Dnipro": the river (see `src/water.rs`).
            None if m.reading.is_some() => {
                let name = m.reading.clone().unwrap_or_default();
                let key = normalize(&name);
                (Cow::Owned(name), Cow::Owned(key))
            }
            None => (
                Cow::Borrowed(m.text.as_str()),
                Cow::Borrowed(m.key.as_str()),
            ),
        };
        // One sense per name, except where the text says which: "Bilohorivka,
        // Luhansk Oblast" and "Bilohorivka in Donetsk Oblast" are two places.
        let located = m.located_by.map(|j| mentions[j].key.as_str());
        let g = *by_key.entry((key, located)).or_insert_with_key(|(key, _)| {
            let mut candidates = gaz.resolve(&name, &Hints::default()).unwrap_or_default();
            // "The Novoselivka and Dobropolye regions": a name that a plural
            // suffix made a region but that no area of that level bears is
            // the area around the settlement of that name.
            let mut is_region = split_suffix(key).is_some();
            let no_area = |level: RegionLevel| {
                !candidates
                    .iter()
                    .any(|c| c.place.feature_code.starts_with(level.feature_code()))
            };
            if m.region.is_some_and(no_area) {
                candidates = gaz.resolve(&m.text, &Hints::default()).unwrap_or_default();
                is_region = false;
            }
            candidates.truncate(MAX_CANDIDATES);
            // "The Lyman direction": fronts are named after towns.
            if m.cue.as_ref().is_some_and(|c| c.words == "direction") {
                crate::recognize::keep_direction_towns(&mut candidates);
            }
            if published.is_some() || prior.is_some() {
                for c in &mut candidates {
                    c.parts.theatre = crate::theatre::theatre_bonus(c.place, published);
                    c.parts.batch = prior.map_or(0.0, |p| p.bonus(c.place, published));
                }
                sort(&mut candidates);
            }
            // A candidate this far behind cannot win even with every
            // article-level bonus: drop it before the pairwise work.
            if let Some(top) = candidates.first().map(Candidate::score) {
                let region = if located.is_some() {
                    LOCATED_BONUS
                } else {
                    REGION_BONUS
                };
                let reach = region + COHERENCE_MAX + DIRECTION_BONUS;
                candidates.retain(|c| c.score() >= top - reach);
            }
            let base_top = candidates.first().map_or(0.0, Candidate::score);
            groups.push(NameGroup {
                members: Vec::new(),
                candidates,
                base_top,
                is_region,
            });
            groups.len() - 1
        });
        groups[g].members.push(i);
        group_of[i] = Some(g);
    }

    // Regions the article names with a suffix.
    fn region_of<'g>(g: &NameGroup<'g>) -> Option<(&'g str, &'g str)> {
        let c = g.candidates.first()?;
        let place: &'g Place = c.place;
        (place.feature_code == "ADM1").then_some((&*place.country_code, &*place.admin1_code))
    }
    let regions: Vec<(usize, (&str, &str))> = groups
        .iter()
        .enumerate()
        .filter_map(|(gi, g)| region_of(g).map(|r| (gi, r)))
        .collect();
    // Where each name's mentions are: (sentence, paragraph), in text order.
    let at: Vec<Vec<(usize, usize)>> = groups
        .iter()
        .map(|g| {
            g.members
                .iter()
                .map(|&m| (mentions[m].sentence, mentions[m].paragraph))
                .collect()
        })
        .collect();
    // How near in the text two names come: by the closest pair of their
    // mentions' sentences.
    let sentences: Vec<Vec<usize>> = at
        .iter()
        .map(|at| {
            let mut s: Vec<usize> = at.iter().map(|&(s, _)| s).collect();
            s.dedup();
            s
        })
        .collect();
    // A region written right after a name locates that name: "Pershotravneve
    // in Kharkiv Oblast", "Terny, Donetsk Oblast", "Kurakhove (Donetsk region)".
    let mut located: Vec<Option<(&str, &str)>> = vec![None; groups.len()];
    // A raion written right after a name: "Stepne, Volnovakha raion".
    let mut in_raion: Vec<Option<&Place>> = vec![None; groups.len()];
    for (i, m) in mentions.iter().enumerate() {
        let (Some(ga), Some(gb)) = (group_of[i], m.located_by.and_then(|j| group_of[j])) else {
            continue;
        };
        if let Some(region) = region_of(&groups[gb]) {
            located[ga] = Some(region);
        }
        in_raion[ga] = groups[gb]
            .candidates
            .first()
            .map(|c| c.place)
            .filter(|p| p.feature_code == "ADM2");
    }
    // A name the text places in a region where none of its candidates
    // lies: the settlements there that sound the same join them.
    for (gi, g) in groups.iter_mut().enumerate() {
        if let (Some(region), false) = (located[gi], g.is_region) {
            let key = &mentions[g.members[0]].key;
            crate::resolve::sound_alikes_in_region(gaz, key, region, published, &mut g.candidates);
        }
    }
    // A name the text places beside another ("Ivanivka near Pokrovsk",
    // "northeast of Kupiansk") is located by the text: the theatre prior's
    // line part stands aside for it (its region part stays).
    for g in &mut groups {
        if g.members.iter().any(|&m| mentions[m].beside.is_some()) {
            for c in &mut g.candidates {
                c.parts.theatre = crate::theatre::region_bonus(c.place, published);
            }
            g.base_top = g
                .candidates
                .iter()
                .map(Candidate::score)
                .fold(f64::NEG_INFINITY, f64::max);
        }
    }
    let region_namings = region_namings(&regions, &at);
    for (gi, g) in groups.iter_mut().enumerate() {
        let scope = regions_in_scope(&at[gi], &regions, &region_namings);
        for c in &mut g.candidates {
            let in_region = |&(cc, a1): &(&str, &str)| {
                same_code(&c.place.country_code, cc) && same_code(&c.place.admin1_code, a1)
            };
            // A region the text names is evidence, not inference: it lifts
            // any candidate inside it, however far behind; the region written
            // right after the name lifts more.
            c.parts.region = if g.is_region {
                0.0
            } else if located[gi].as_ref().is_some_and(in_region)
                || in_raion[gi].is_some_and(|raion| within_raion(c.place, raion))
            {
                LOCATED_BONUS
            } else if scope.iter().any(in_region) {
                REGION_BONUS
            } else if regions.iter().any(|(_, r)| in_region(r)) {
                FAR_REGION_BONUS
            } else {
                0.0
            };
        }
        // A region the article names is its own evidence: the theatre
        // prior's region part stands aside for a name that has a candidate
        // inside one; its line part stays where the text places the name
        // in a region (in its scope or right after it), so that of two
        // namesakes in the oblast named the one where the fighting was
        // leads, and goes too where the article names regions elsewhere
        // only (its regions are the evidence: "Odesa, Chornomorsk and
        // Pivdenne" in an article naming Donetsk and Odesa is the port),
        // and the batch's chooses only among the candidates inside.
        if g.candidates.iter().any(|c| c.parts.region > 0.0) {
            let placed = g
                .candidates
                .iter()
                .map(|c| c.parts.region)
                .fold(0.0, f64::max);
            for c in &mut g.candidates {
                c.parts.theatre = if placed >= REGION_BONUS {
                    // The line part: the prior less its region part.
                    c.parts.theatre - crate::theatre::region_bonus(c.place, published)
                } else {
                    0.0
                };
                if c.parts.region == 0.0 {
                    c.parts.batch = 0.0;
                }
            }
            g.base_top = g
                .candidates
                .iter()
                .map(|c| c.score() - c.parts.region)
                .fold(f64::NEG_INFINITY, f64::max);
        }
    }

    let nearness = TextNearness::new(sentences, &groups);

    // The names each name is listed with.
    let mut list_partners: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (i, m) in mentions.iter().enumerate() {
        let (Some(ga), Some(gb)) = (group_of[i], m.listed_after.and_then(|j| group_of[j])) else {
            continue;
        };
        if ga != gb {
            list_partners[ga].push(gb);
            list_partners[gb].push(ga);
        }
    }

    // Rounds of coherence: each name's choice against the others', each
    // other name weighted by how sure its own choice is, so that two
    // ambiguous names cannot pull each other astray.
    // Stops early once no name changes its choice. `beside_before` holds
    // the places each name was placed beside in the last round.
    let mut field = Field::new(&groups);
    let mut beside_before: Vec<Vec<u32>> = vec![Vec::new(); groups.len()];
    let mut tops = field.tops();
    for _ in 0..3 {
        let anchors = field.anchors(&tops);
        field.closeness(&anchors, &nearness, &list_partners);
        field.directions(&tops, &groups, mentions, &group_of, &mut beside_before);
        field.rescore();
        let after = field.tops();
        if after == tops {
            break;
        }
        tops = after;
    }
    field.settle(&mut groups);

    // Each name's place; a name whose place is implausible is no mention
    // at all, and a known name left with no place is dropped too. Built
    // once per name and shared by its mentions, not copied into each
    // (memory per input byte).
    let chosen: Vec<Option<std::sync::Arc<Resolution>>> = groups
        .iter()
        .map(|g| {
            let best = g.candidates.first()?;
            if !is_plausible(best.place, g, mentions) {
                return None;
            }
            resolution_of(gaz, &g.candidates).map(std::sync::Arc::new)
        })
        .collect();
    let mut resolved = Vec::with_capacity(mentions.len());
    resolved.extend(
        mentions
            .iter()
            .zip(&group_of)
            .map(|(m, g)| (m, g.and_then(|g| chosen[g].clone())))
            .filter(|(m, resolution)| !(m.known && resolution.is_none()))
            .map(|(m, resolution)| ResolvedMention {
                text: m.text.clone(),
                start: offsets(m.byte_start),
                end: offsets(m.byte_end),
                sentence: m.sentence,
                cue: m.cue.clone(),
                resolution,
                bytes: (m.byte_start, m.byte_end),
            }),
    );
    resolved
}

/// Whether two codes (a country's, a region's: a few ASCII letters or
/// digits) are the same, compared in line rather than by a call to
/// `memcmp`: the test is made for every candidate and region named.
fn same_code(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// A name's chosen place as evidence for the others' choices.
#[derive(Clone, Copy)]
struct Anchor<'g> {
    /// The name's group.
    group: usize,
    place: &'g Place,
    /// How sure the name's choice is.
    sure: f64,
    /// That times how much being near the place says.
    weight: f64,
}

/// A candidate as the rounds of coherence read and score it.
struct Site<'g> {
    place: &'g Place,
    /// The place's id and position, copied beside the rest: the closeness
    /// search reads them for every anchor.
    geonameid: u32,
    lat: f64,
    lon: f64,
    /// Kilometres per degree of longitude at its latitude; NaN where
    /// closeness is never measured (see `Field::closeness`).
    km_per_degree_lon: f64,
    /// Its score before coherence and direction: the gazetteer's parts and
    /// the region's.
    fixed: f64,
    /// Near enough the best candidate before context to be lifted by the
    /// places around it (see [`CONTEXT_REACH`]).
    liftable: bool,
    coherence: f64,
    direction: f64,
    /// `fixed + coherence + direction`, summed as [`ScoreParts::total`] sums.
    score: f64,
}

/// Every name's candidates side by side, group after group, as the rounds
/// of coherence rescore them; their order is the groups' until
/// [`Field::settle`] writes the scores back and sorts each group.
struct Field<'g> {
    sites: Vec<Site<'g>>,
    /// Each group's sites.
    ranges: Vec<std::ops::Range<usize>>,
}

impl<'g> Field<'g> {
    fn new(groups: &[NameGroup<'g>]) -> Field<'g> {
        let mut sites = Vec::with_capacity(groups.iter().map(|g| g.candidates.len()).sum());
        let mut ranges = Vec::with_capacity(groups.len());
        for g in groups {
            let from = sites.len();
            let floor = g.base_top - CONTEXT_REACH;
            sites.extend(g.candidates.iter().map(|c| {
                let parts = c.parts;
                let fixed = ScoreParts {
                    coherence: 0.0,
                    direction: 0.0,
                    ..parts
                }
                .total();
                let liftable = fixed - parts.region >= floor;
                // Only the sites that closeness can lift measure distances.
                let measured = liftable && c.place.is_populated() && g.candidates.len() > 1;
                Site {
                    place: c.place,
                    geonameid: c.place.geonameid,
                    lat: c.place.lat,
                    lon: c.place.lon,
                    km_per_degree_lon: if measured {
                        KM_PER_DEGREE * c.place.lat.to_radians().cos()
                    } else {
                        f64::NAN
                    },
                    fixed,
                    liftable,
                    coherence: parts.coherence,
                    direction: parts.direction,
                    score: c.score(),
                }
            }));
            ranges.push(from..sites.len());
        }
        Field { sites, ranges }
    }

    /// Each group's best site, by score and then GeoNames id, as the
    /// final sort orders them.
    fn tops(&self) -> Vec<Option<usize>> {
        let key = |i: usize| {
            let s = &self.sites[i];
            (std::cmp::Reverse(total_order(s.score)), s.place.geonameid)
        };
        self.ranges
            .iter()
            .map(|r| r.clone().min_by_key(|&i| key(i)))
            .collect()
    }

    /// The names whose chosen place can anchor the others: populated places
    /// chosen with a probability of at least 0.05 (a less certain one would
    /// add at most 0.15).
    fn anchors(&self, tops: &[Option<usize>]) -> Vec<Anchor<'g>> {
        tops.iter()
            .zip(&self.ranges)
            .enumerate()
            .filter_map(|(group, (top, range))| {
                let top = &self.sites[(*top)?];
                if !top.place.is_populated() {
                    return None;
                }
                let total: f64 = self.sites[range.clone()]
                    .iter()
                    .map(|s| ((s.score - top.score) / TEMPERATURE).exp())
                    .sum();
                let sure = 1.0 / total;
                (sure >= 0.05).then_some(Anchor {
                    group,
                    place: top.place,
                    sure,
                    weight: sure * specificity(top.place),
                })
            })
            .collect()
    }

    /// Each site's coherence for this round: its closeness to the other
    /// names' anchors, plus the bonus for lying in the country of a name
    /// listed with it; 0 for sites that cannot be lifted. Scores stay those
    /// of the round before until [`Field::rescore`].
    fn closeness(
        &mut self,
        anchors: &[Anchor<'_>],
        nearness: &TextNearness,
        list_partners: &[Vec<usize>],
    ) {
        // Each group's place among the anchors, if it is one.
        let mut anchor_of: Vec<Option<&Anchor<'_>>> = vec![None; self.ranges.len()];
        for a in anchors {
            anchor_of[a.group] = Some(a);
        }
        let mut grid = AnchorGrid::new(&strongest(anchors));
        for (gi, range) in self.ranges.iter().enumerate() {
            let sites = &mut self.sites[range.clone()];
            // A name with one candidate has nothing to choose.
            if range.len() < 2 {
                sites.iter_mut().for_each(|s| s.coherence = 0.0);
                continue;
            }
            // The most each anchor can add for the current name: its
            // weight, times how near in the text, times the maximum; 0 for
            // its own.
            grid.set_bounds(|group, weight| {
                if group == gi {
                    0.0
                } else {
                    weight * TEXT_WEIGHTS[nearness.level(gi, group)] * COHERENCE_MAX
                }
            });
            for s in sites {
                // A candidate too far behind before context gets no
                // context bonus: nothing to compute.
                if !s.liftable || !s.place.is_populated() {
                    s.coherence = 0.0;
                    continue;
                }
                // "over Belgorod and Voronezh": names listed together
                // lie in one country. It adds to closeness, so that
                // among candidates in that country closeness decides.
                let listed = list_partners[gi]
                    .iter()
                    .filter_map(|&pg| anchor_of[pg])
                    .filter(|a| {
                        a.place.geonameid != s.place.geonameid
                            && a.place.country_code == s.place.country_code
                    })
                    .map(|a| a.sure * LIST_COUNTRY_BONUS)
                    .fold(0.0, f64::max);
                s.coherence = best_closeness(s, &grid) + listed;
            }
        }
    }

    /// Each site's direction bonus where its name is placed beside another
    /// ("A, northeast of C": A's candidates that way from C's choice; "A
    /// near C": near it), by the choices of `tops`. Where the places beside
    /// are the last round's (`beside_before`, updated here), the bonus
    /// stands.
    fn directions(
        &mut self,
        tops: &[Option<usize>],
        groups: &[NameGroup<'_>],
        mentions: &[Mention],
        group_of: &[Option<usize>],
        beside_before: &mut [Vec<u32>],
    ) {
        for (gi, g) in groups.iter().enumerate() {
            let beside: Vec<(&Place, Option<f64>)> = g
                .members
                .iter()
                .filter_map(|&m| mentions[m].beside)
                .filter_map(|(anchor, bearing)| {
                    let place = self.sites[tops[group_of[anchor]?]?].place;
                    // A country's or region's centre says nothing of
                    // what lies near it ("Russia's Kursk region").
                    place.is_populated().then_some((place, bearing))
                })
                .collect();
            let before = &mut beside_before[gi];
            if beside
                .iter()
                .map(|(p, _)| p.geonameid)
                .eq(before.iter().copied())
            {
                continue;
            }
            *before = beside.iter().map(|(p, _)| p.geonameid).collect();
            for s in &mut self.sites[self.ranges[gi].clone()] {
                // No context bonus for a candidate this far behind.
                s.direction = if s.liftable {
                    beside
                        .iter()
                        .map(|&(anchor, bearing)| direction_bonus(anchor, bearing, s.place))
                        .reduce(f64::max)
                        .unwrap_or(0.0)
                } else {
                    0.0
                };
            }
        }
    }

    /// Each site's score from this round's bonuses.
    fn rescore(&mut self) {
        for s in &mut self.sites {
            s.score = s.fixed + s.coherence + s.direction;
        }
    }

    /// The rounds' bonuses written back into the candidates' parts, each
    /// group sorted best first.
    fn settle(self, groups: &mut [NameGroup<'g>]) {
        for (g, range) in groups.iter_mut().zip(self.ranges) {
            for (c, s) in g.candidates.iter_mut().zip(&self.sites[range]) {
                c.parts.coherence = s.coherence;
                c.parts.direction = s.direction;
            }
            sort(&mut g.candidates);
        }
    }
}

/// The bonus for `place` when the text puts its name beside `anchor`'s,
/// in a compass direction (`bearing`, degrees from north) or near it.
fn direction_bonus(anchor: &Place, bearing: Option<f64>, place: &Place) -> f64 {
    let d = distance_km(anchor.lat, anchor.lon, place.lat, place.lon);
    match bearing {
        // "south of Kupiansk": that way, and not far: half the cosine of
        // the angle off, half a nearness that is 0 at about 40 km.
        Some(bearing) => {
            let actual = bearing_deg(anchor.lat, anchor.lon, place.lat, place.lon);
            let way = angle_between(actual, bearing).to_radians().cos();
            let near = 2.0 * (-d / DIRECTION_SCALE_KM).exp() - 1.0;
            DIRECTION_BONUS * 0.5 * (way + near)
        }
        // "near": +1 at the anchor, 0 at about 28 km, toward −1 far away.
        None => DIRECTION_BONUS * (2.0 * (-d / NEAR_SCALE_KM).exp() - 1.0),
    }
}

/// How much being near a place says about a name: fully for a town or
/// village, less for a city, near which many places of any name lie (half
/// at 500,000 people, two fifths at 1.4 million).
fn specificity(place: &Place) -> f64 {
    const TOWN: f64 = 50_000.0;
    let population = place.population as f64;
    if population <= TOWN {
        1.0
    } else {
        1.0 / (1.0 + (population / TOWN).log10())
    }
}

/// The regions whose scope a name's mentions fall in: those named in a
/// mention's own sentence; failing that, those named last before it in its
/// paragraph. "In the Kharkiv region, … near Lyptsi" speaks of Kharkiv's
/// Lyptsi; "the Kherson region", named paragraphs after "Kryvyi Rih" or a
/// sentence before "Novorossiysk" beside "Russia's Lipetsk region", does
/// not scope them. `name_at` holds the name's (sentence, paragraph) pairs
/// in text order; `named`, every naming of a region ([`region_namings`]).
fn regions_in_scope<'g>(
    name_at: &[(usize, usize)],
    regions: &[(usize, (&'g str, &'g str))],
    named: &[(usize, usize, usize)],
) -> Vec<(&'g str, &'g str)> {
    let mut in_scope = vec![false; regions.len()];
    let mut marked = None;
    for &(sentence, paragraph) in name_at {
        // The regions named in the name's sentence; failing that, those of
        // the last sentence before it in its paragraph that names one.
        let i = named.partition_point(|&(s, _, _)| s < sentence);
        let target = if named.get(i).is_some_and(|&(s, _, _)| s == sentence) {
            Some(sentence)
        } else {
            i.checked_sub(1)
                .map(|j| named[j])
                .filter(|&(_, p, _)| p == paragraph)
                .map(|(s, _, _)| s)
        };
        let Some(target) = target.filter(|&t| marked != Some(t)) else {
            continue;
        };
        marked = Some(target);
        let start = named.partition_point(|&(s, _, _)| s < target);
        for &(_, _, ri) in named[start..].iter().take_while(|&&(s, _, _)| s == target) {
            in_scope[ri] = true;
        }
    }
    regions
        .iter()
        .zip(in_scope)
        .filter(|&(_, scoped)| scoped)
        .map(|(&(_, r), _)| r)
        .collect()
}

/// Every naming of a region: (sentence, paragraph, index into `regions`),
/// in text order, found once per article. Each name is placed among them
/// by a binary search ([`regions_in_scope`]), so an article of many names
/// and regions costs the sum of their counts, not their product. `at`
/// holds each group's (sentence, paragraph) pairs.
fn region_namings(
    regions: &[(usize, (&str, &str))],
    at: &[Vec<(usize, usize)>],
) -> Vec<(usize, usize, usize)> {
    let mut named: Vec<(usize, usize, usize)> = regions
        .iter()
        .enumerate()
        .flat_map(|(ri, &(rg, _))| at[rg].iter().map(move |&(s, p)| (s, p, ri)))
        .collect();
    named.sort_unstable();
    named.dedup();
    named
}

/// Best first: by score, then by GeoNames id.
fn sort(candidates: &mut [Candidate<'_>]) {
    // Each score summed once, not at every comparison.
    let key = |c: &Candidate<'_>| (std::cmp::Reverse(total_order(c.score())), c.place.geonameid);
    // After a round that changed little, the order often stands.
    let mut keys = candidates.iter().map(key);
    let Some(mut prev) = keys.next() else {
        return;
    };
    let ordered = keys.all(|k| {
        let in_order = prev <= k;
        prev = k;
        in_order
    });
    if !ordered {
        candidates.sort_by_cached_key(key);
    }
}

/// An integer that orders as [`f64::total_cmp`] orders the floats.
fn total_order(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}

fn resolution_of(gaz: &Gazetteer, candidates: &[Candidate<'_>]) -> Option<Resolution> {
    let best = candidates.first()?;
    let top = best.score();
    let weights: Vec<f64> = candidates
        .iter()
        .map(|c| ((c.score() - top) / TEMPERATURE).exp())
        .collect();
    let total: f64 = weights.iter().sum();
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    Some(Resolution {
        place: best.place.clone(),
        admin1: gaz.admin1_text(best.place),
        admin2: gaz.admin2_text(best.place),
        matched: best.matched,
        parts: best.parts,
        score: round(top),
        confidence: round(weights[0] / total),
        alternatives: candidates
            .iter()
            .zip(&weights)
            .skip(1)
            .take(ALTERNATIVES)
            .map(|(c, w)| Alternative {
                geonameid: c.place.geonameid,
                name: c.place.name.clone(),
                country_code: c.place.country_code.clone(),
                admin1: gaz.admin1_text(c.place),
                score: round(c.score()),
                confidence: round(w / total),
            })
            .collect(),
    })
}

/// Countries whose places reporting on the war names without introducing
/// them: Ukraine, its neighbours, and the states drawn into the war.
const DOMAIN_COUNTRIES: [&str; 10] = ["UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU", "KP", "KR"];

/// Whether a resolved name is a place mention at all. A one-word name that
/// resolves only to a small place far from the war (a town called Patriot,
/// Bradley or Kim somewhere) is more likely a word than a place, unless the
/// text marks it as a place or names other places in that country.
fn is_plausible(p: &Place, group: &NameGroup<'_>, mentions: &[Mention]) -> bool {
    if !p.is_populated() || p.population >= 100_000 || DOMAIN_COUNTRIES.contains(&&*p.country_code)
    {
        return true;
    }
    group.members.iter().any(|&m| {
        let mention = &mentions[m];
        mention.text.contains([' ', '-'])
            || mention
                .cue
                .as_ref()
                .is_some_and(|c| c.strength == CueStrength::Strong || c.words == "in")
    })
}

mod batch_prior;
mod grid;
mod nearness;
pub use batch_prior::{BatchPrior, BatchSurvey, BATCH_MAX};
use grid::{best_closeness, AnchorGrid};
use nearness::{strongest, TextNearness};
#[cfg(test)]
mod tests;
