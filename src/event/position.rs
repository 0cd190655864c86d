//! Where an event is relative to its place: "toward Kreminna", "east of
//! Terny", "near", "from".

use super::*;

impl Sentence<'_, '_> {
    /// True when the word at `at` follows a compass direction and "of":
    /// "north of Kharkiv".
    pub(super) fn after_compass(&self, at: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        at >= first + 2 && lower[at - 1] == "of" && compass_bearing(&lower[at - 2]).is_some()
    }

    /// True when the noun phrase that begins at word `at` follows a
    /// locating phrase: a compass direction and "of", "near", "outside",
    /// with "the" or "a" between ("north of the Russian-held city of
    /// Donetsk", "near the occupied town").
    pub(super) fn locates_after(&self, at: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        let mut j = at;
        while j > first && matches!(lower[j - 1].as_ref(), "the" | "a") {
            j -= 1;
        }
        j > first && (matches!(lower[j - 1].as_ref(), "near" | "outside") || self.after_compass(j))
    }

    /// True when the place at token `at` is where the event heads:
    /// "toward Kreminna", "in the direction of Kreminna".
    pub(super) fn heads_to(&self, at: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        let before = |n: usize| {
            at.checked_sub(n)
                .filter(|&j| j >= first)
                .map(|j| lower[j].as_ref())
        };
        matches!(before(1), Some("toward" | "towards"))
            // "towards the logistics hub of Pokrovsk", "toward the town of X".
            || (before(1) == Some("of")
                && (3..=6).any(|n| {
                    matches!(before(n), Some("toward" | "towards")) && before(n - 1) == Some("the")
                }))
            || (before(1) == Some("of") && before(2) == Some("direction") && !self.origin(at))
            // "advancing on Ugledar", "closing in on Pokrovsk".
            || (before(1) == Some("on")
                && before(2).is_some_and(|w| {
                    w == "in"
                        || w.starts_with("advanc")
                        || matches!(w, "pushing" | "push" | "pushed" | "marching" | "converging" | "bearing")
                }))
    }

    /// True when the place at `at` is where the event comes from: "from X",
    /// "from the direction of X", "from positions near X".
    pub(super) fn origin(&self, at: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        (at.saturating_sub(5).max(first)..at).any(|j| lower[j] == "from")
    }

    /// True when the text puts the event near, not in, the place at `at`.
    pub(super) fn near_words(&self, at: usize) -> bool {
        let (lower, first) = (self.lower, self.first);
        let before = |n: usize| {
            at.checked_sub(n)
                .filter(|&j| j >= first)
                .map(|j| lower[j].as_ref())
        };
        matches!(before(1), Some("near" | "outside" | "around" | "nearby"))
            || (before(1) == Some("of")
                && matches!(
                    before(2),
                    Some("outskirts" | "vicinity" | "approaches" | "suburbs")
                ))
    }

    /// A heading stated after the trigger: "to the south", "southward".
    pub(super) fn compass_heading(&self, k: usize) -> Option<f64> {
        let (lower, last) = (self.lower, self.last);
        (k + 1..=last.min(k + 6)).find_map(|j| {
            let w = lower[j].as_ref();
            if w.ends_with("ward") || w.ends_with("wards") {
                return compass_bearing(w);
            }
            (j >= 2 && lower[j - 1] == "the" && lower[j - 2] == "to")
                .then(|| compass_bearing(w))
                .flatten()
        })
    }

    /// "east of Terny", "5 km north of Vovchansk": a point beside the place.
    pub(super) fn relative_position(
        &self,
        at: usize,
        anchor: &PlaceRef,
    ) -> Option<RelativePosition> {
        let (lower, first) = (self.lower, self.first);
        if at < first + 2 || lower[at - 1] != "of" {
            return None;
        }
        let bearing = compass_bearing(&lower[at - 2])?;
        // A stated distance: "5 km", "10 kilometers", "3 miles".
        let stated = (at >= first + 4)
            .then(|| {
                let unit = lower[at - 3].as_ref();
                let factor = match unit {
                    "km" | "kilometers" | "kilometres" | "kilometer" | "kilometre" => 1.0,
                    "mi" | "miles" | "mile" => 1.609_344,
                    _ => return None,
                };
                // A distance a report would state: finite, positive, at most 300 km.
                lower[at - 4]
                    .parse::<f64>()
                    .ok()
                    .map(|n| n * factor)
                    .filter(|km| km.is_finite() && *km > 0.0 && *km <= 300.0)
            })
            .flatten();
        let offset_km = stated.unwrap_or(DEFAULT_OFFSET_KM);
        let (lat, lon) = destination(anchor.lat, anchor.lon, bearing, offset_km);
        Some(RelativePosition {
            anchor: anchor.clone(),
            bearing: Some(bearing),
            offset_km,
            offset_stated: stated.is_some(),
            lat,
            lon,
        })
    }
}
