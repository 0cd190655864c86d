//! How near in the text two names come, and which anchors a round of
//! coherence weighs each name against: what keeps context near-linear in
//! an article naming thousands of places.

use super::*;

/// How near in the text two names come, as an index into
/// [`TEXT_WEIGHTS`]: by the closest pair of their mentions' sentences,
/// the same sentence, one or two apart, up to ten, farther.
pub(super) enum TextNearness {
    /// For an article of up to [`NEARNESS_TABLE_MAX`] names, a table of
    /// every pair, found once for all the rounds (a byte a pair): only
    /// names with a choice to make have a row.
    Table(Vec<Vec<u8>>),
    /// For more names, each pair found when a round asks for it: names
    /// are weighed against at most [`MAX_ANCHORS`] others, and a table of
    /// every pair would grow with the square of the names.
    OnDemand(Vec<Vec<usize>>),
}

/// Up to this many names, [`TextNearness`] is a table of every pair.
const NEARNESS_TABLE_MAX: usize = 1_024;

impl TextNearness {
    /// `sentences`: each name's sentences, ascending.
    pub(super) fn new(sentences: Vec<Vec<usize>>, groups: &[NameGroup<'_>]) -> TextNearness {
        if groups.len() > NEARNESS_TABLE_MAX {
            return TextNearness::OnDemand(sentences);
        }
        TextNearness::Table(
            sentences
                .iter()
                .zip(groups)
                .map(|(a, g)| {
                    if g.candidates.len() < 2 {
                        return Vec::new();
                    }
                    sentences
                        .iter()
                        .map(|b| level_of_gap(closest_gap(a, b)))
                        .collect()
                })
                .collect(),
        )
    }

    /// How near names `a` (one with a choice to make) and `b` come.
    pub(super) fn level(&self, a: usize, b: usize) -> usize {
        match self {
            TextNearness::Table(table) => usize::from(table[a][b]),
            TextNearness::OnDemand(sentences) => usize::from(level_of_gap(closest_gap_searched(
                &sentences[a],
                &sentences[b],
            ))),
        }
    }
}

/// The index into [`TEXT_WEIGHTS`] of a gap of sentences.
fn level_of_gap(gap: usize) -> u8 {
    match gap {
        0 => 0,
        1..=2 => 1,
        3..=10 => 2,
        _ => 3,
    }
}

/// The smallest difference between an item of `a` and one of `b`, both
/// sorted ascending, by one merge.
fn closest_gap(a: &[usize], b: &[usize]) -> usize {
    let (mut i, mut j, mut best) = (0, 0, usize::MAX);
    while i < a.len() && j < b.len() {
        best = best.min(a[i].abs_diff(b[j]));
        if a[i] < b[j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    best
}

/// [`closest_gap`], each item of the shorter found among the longer by a
/// binary search: a name mentioned once costs a logarithm against one
/// mentioned thousands of times, not their count.
fn closest_gap_searched(a: &[usize], b: &[usize]) -> usize {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut best = usize::MAX;
    for &x in short {
        let i = long.partition_point(|&y| y < x);
        if let Some(&y) = long.get(i) {
            best = best.min(y - x);
        }
        if let Some(&y) = i.checked_sub(1).and_then(|j| long.get(j)) {
            best = best.min(x - y);
        }
        if best == 0 {
            break;
        }
    }
    best
}

/// The anchors a round weighs the names against: all of them, or in an
/// article naming more than [`MAX_ANCHORS`] places, the [`MAX_ANCHORS`] of
/// most weight (the earlier named first among equals), in the order given.
pub(super) fn strongest<'a, 'g>(anchors: &'a [Anchor<'g>]) -> Cow<'a, [Anchor<'g>]> {
    if anchors.len() <= MAX_ANCHORS {
        return Cow::Borrowed(anchors);
    }
    let mut order: Vec<usize> = (0..anchors.len()).collect();
    order.select_nth_unstable_by(MAX_ANCHORS - 1, |&i, &j| {
        anchors[j]
            .weight
            .total_cmp(&anchors[i].weight)
            .then(anchors[i].group.cmp(&anchors[j].group))
    });
    order.truncate(MAX_ANCHORS);
    order.sort_unstable();
    Cow::Owned(order.into_iter().map(|i| anchors[i]).collect())
}
