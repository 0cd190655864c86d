//! The parts of a candidate's score: a plain record that the gazetteer's
//! memory of lookups keeps and resolution fills in, so that neither needs
//! the other (see [`crate::resolve`] for how each part is computed).

use serde::Serialize;

/// The parts a candidate's score is the sum of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct ScoreParts {
    /// How the name matched: GeoNames name or alternate 6.0 (an area's base
    /// written with its suffix counts as its name), transliteration 4.0.
    pub matched: f64,
    /// For a place found only by an alternate or a transliteration (often a
    /// former name: Melitopol was once Novooleksandrivka) when other places
    /// bear the name as their own GeoNames name: −0.05 for each such place,
    /// at most −2.5, and −0.5 more when none of the place's Cyrillic names
    /// gives the name. 0 otherwise, and 0 when the name is the Russian
    /// form, by rule, of the place's own Ukrainian name ("Ivanovka" for an
    /// Ivanivka): the rows that bear it are named in Russian.
    pub prevalence: f64,
    /// 2.5 for a settlement or country, a first-level region outside
    /// Ukraine, a continent or macro-region when the name has no region suffix,
    /// or for an area when it has one (+1.5 when the suffix's level fits:
    /// oblast → ADM1, raion → ADM2, hromada → ADM3).
    pub kind: f64,
    /// 0.2 per step of [`Place::feature_rank`](crate::Place::feature_rank), raised for settlements of
    /// 10,000 (2), 100,000 (3) and 1,000,000 (4) people.
    pub feature: f64,
    /// 0.2 per power of ten of the population.
    pub population: f64,
    /// 0.5 for Ukraine, 0.2 for its neighbours, plus 0.3 in a front-line or
    /// border region, 0.15 in a region just behind.
    pub domain: f64,
    /// Up to 3.0 for closeness to [`Hints::near`](crate::Hints::near), falling off over 50 km.
    pub near: f64,
    /// In an article: 4.0 when the place lies in the region written right
    /// after the name ("Terny, Donetsk Oblast"); 1.5 in a region whose
    /// scope the name falls in: named in the name's sentence or, failing
    /// that, last before it in its paragraph ("In the Kharkiv region, …
    /// near Lyptsi"); 0.5 in any other region the article names.
    pub region: f64,
    /// In an article: up to 3.0 for closeness to the other places it
    /// names, falling off over 40 km (and nothing beyond 160 km) and with
    /// distance in the text, and
    /// weighted by how sure each of them is and how small (a city of over
    /// 50,000 people counts for less: many places lie near it); plus up to
    /// 1.5 for lying in the country of a place listed with it ("over
    /// Belgorod and Voronezh").
    pub coherence: f64,
    /// In an article that places the name in a compass direction from
    /// another ("northeast of Kupiansk"), near it or in it ("Kharkiv's
    /// Kyivskyi district"): for a direction, half the cosine of the angle
    /// between it and the candidate's bearing from the other place plus
    /// half a nearness that is +1.0 at the other place, 0 at about 40 km
    /// and toward −1.0 far away (+1.0 in all: exactly that way and close);
    /// for "near" or "in", +1.0 at the other place, 0 at about 28 km,
    /// toward −1.0 far away.
    pub direction: f64,
    /// In an article with a publication date: the theatre prior, by region
    /// 0.6 for a place where the fighting was on that day, 0.3 beside it,
    /// plus, for a settlement, up to 0.6 by its distance to the lines of the
    /// fighting that day (the README's ranking table lists the regions,
    /// periods and distances); 0 otherwise. When a namesake lies in a
    /// region the article names, the region part is 0 for every namesake,
    /// and the line part too unless the text places the name in a region;
    /// the line part is 0 for a name placed beside another ("near X").
    pub theatre: f64,
    /// In an article read as one of a batch, in two passes (`frontline
    /// layers`, `frontline front`): batch coherence, up to 0.5 for a
    /// settlement where the batch's unambiguous places of the article's
    /// month cluster (see [`crate::context::BatchPrior`]); 0 otherwise,
    /// and, when a namesake lies in a region the article names, 0 for the
    /// namesakes outside the regions it names. Not serialised when 0.
    #[serde(skip_serializing_if = "is_zero")]
    pub batch: f64,
}

/// Whether a part is 0, so that a part most scores lack is left out.
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

impl ScoreParts {
    /// The score: the sum of the parts.
    pub fn total(&self) -> f64 {
        self.matched
            + self.prevalence
            + self.kind
            + self.feature
            + self.population
            + self.domain
            + self.near
            + self.region
            + self.coherence
            + self.direction
            + self.theatre
            + self.batch
    }
}
