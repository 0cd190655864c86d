//! Averaged-perceptron weights: [`Trainer`] learns them (floating point,
//! averaged lazily), [`Weights`] is what parsing reads (pruned, quantised to
//! `i16` with one scale per table).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for keys that are already hashes: one multiplication, so the
/// high bits the table reads are well spread.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn write_u32(&mut self, k: u32) {
        self.0 = u64::from(k).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type KeyMap<V> = HashMap<u32, V, BuildHasherDefault<KeyHasher>>;

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u8,
    weight: f32,
    total: f64,
    stamp: u64,
}

/// Perceptron weights being learnt: for each feature key, the classes it has
/// weights for. Averaging is lazy (each weight remembers when it last
/// changed), as in Collins (2002) and Honnibal's "A good part-of-speech
/// tagger in about 200 lines of Python" (2013).
#[derive(Debug, Default)]
pub struct Trainer {
    table: KeyMap<Vec<Entry>>,
    instances: u64,
}

impl Trainer {
    /// An empty model.
    pub fn new() -> Trainer {
        Trainer::default()
    }

    /// Adds each feature's weights to `scores` (one slot per class).
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(entries) = self.table.get(f) {
                for e in entries {
                    scores[usize::from(e.class)] += e.weight;
                }
            }
        }
    }

    /// Counts one training instance (for the average).
    pub fn tick(&mut self) {
        self.instances += 1;
    }

    /// Moves weight from the `guess` class to the `truth` class for each of
    /// the features.
    pub fn update(&mut self, features: &[u32], truth: u8, guess: u8) {
        if truth == guess {
            return;
        }
        let now = self.instances;
        for &f in features {
            let entries = self.table.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let i = match entries.iter().position(|e| e.class == class) {
                    Some(i) => i,
                    None => {
                        entries.push(Entry {
                            class,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        entries.len() - 1
                    }
                };
                let e = &mut entries[i];
                e.total += (now - e.stamp) as f64 * f64::from(e.weight);
                e.stamp = now;
                e.weight += delta;
            }
        }
    }

    /// The averaged weights, quantised: weights whose magnitude is below
    /// `prune` (in averaged units) are dropped, the rest scaled so the
    /// largest is `i16::MAX`. Keys in ascending order (deterministic).
    pub fn finish(&self, prune: f32) -> Weights {
        let now = self.instances.max(1) as f64;
        let mut keys: Vec<u32> = self.table.keys().copied().collect();
        keys.sort_unstable();
        let mut averaged: Vec<(u32, Vec<(u8, f32)>)> = Vec::with_capacity(keys.len());
        let mut largest = 0f32;
        for k in keys {
            let mut kept: Vec<(u8, f32)> = self.table[&k]
                .iter()
                .map(|e| {
                    let total = e.total + (now - e.stamp as f64) * f64::from(e.weight);
                    (e.class, (total / now) as f32)
                })
                .filter(|&(_, w)| w.abs() >= prune && w != 0.0)
                .collect();
            if kept.is_empty() {
                continue;
            }
            kept.sort_unstable_by_key(|&(c, _)| c);
            for &(_, w) in &kept {
                largest = largest.max(w.abs());
            }
            averaged.push((k, kept));
        }
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let mut w = Weights::with_scale(scale);
        for (k, kept) in averaged {
            let q: Vec<(u8, i16)> = kept
                .into_iter()
                .map(|(c, v)| (c, (v / scale).round() as i16))
                .filter(|&(_, v)| v != 0)
                .collect();
            if !q.is_empty() {
                w.push(k, &q);
            }
        }
        w
    }
}

/// Quantised weights as parsing reads them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Weights {
    /// What one unit of a quantised weight is worth (for reports).
    pub scale: f32,
    keys: Vec<u32>,
    index: KeyMap<(u32, u8)>,
    classes: Vec<u8>,
    values: Vec<i16>,
}

impl Weights {
    /// An empty table whose unit is worth `scale`.
    pub(crate) fn with_scale(scale: f32) -> Weights {
        Weights {
            scale,
            ..Weights::default()
        }
    }

    /// Appends a feature's weights; keys must come in ascending order (the
    /// file format relies on it).
    pub(crate) fn push(&mut self, key: u32, weights: &[(u8, i16)]) {
        let start = self.classes.len() as u32;
        for &(c, v) in weights {
            self.classes.push(c);
            self.values.push(v);
        }
        self.keys.push(key);
        self.index.insert(key, (start, weights.len() as u8));
    }

    /// The features, in the order they were added, each with its weights.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, &[u8], &[i16])> + '_ {
        self.keys.iter().map(move |k| {
            let (s, n) = self.index[k];
            let r = s as usize..s as usize + usize::from(n);
            (*k, &self.classes[r.clone()], &self.values[r])
        })
    }

    /// A copy without the weights worth less than `min` (in averaged
    /// units, `|weight| × scale < min`), and without features left empty.
    pub fn pruned(&self, min: f32) -> Weights {
        let mut w = Weights::with_scale(self.scale);
        let mut kept: Vec<(u8, i16)> = Vec::new();
        for (k, classes, values) in self.iter() {
            kept.clear();
            kept.extend(
                classes
                    .iter()
                    .zip(values)
                    .filter(|&(_, &v)| f32::from(v).abs() * self.scale >= min)
                    .map(|(&c, &v)| (c, v)),
            );
            if !kept.is_empty() {
                w.push(k, &kept);
            }
        }
        w
    }

    /// The number of features with weights.
    pub fn features(&self) -> usize {
        self.keys.len()
    }

    /// The number of (feature, class) weights.
    pub fn weights(&self) -> usize {
        self.values.len()
    }

    /// Adds each feature's weights to `scores` (one slot per class; slots
    /// beyond the table's classes are left alone).
    #[inline]
    pub fn score(&self, features: &[u32], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        for f in features {
            if let Some(&(s, n)) = self.index.get(f) {
                let r = s as usize..s as usize + usize::from(n);
                for (&c, &v) in self.classes[r.clone()].iter().zip(&self.values[r]) {
                    if let Some(slot) = scores.get_mut(usize::from(c)) {
                        *slot += i32::from(v);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feature_seen_with_one_class_learns_to_prefer_it() {
        let mut t = Trainer::new();
        for _ in 0..5 {
            t.tick();
            let mut s = [0.0; 3];
            t.score(&[7], &mut s);
            let guess = if s[2] > s[0] { 2 } else { 0 };
            t.update(&[7], 2, guess);
        }
        let w = t.finish(0.0);
        let mut s = [0; 3];
        w.score(&[7, 8], &mut s);
        assert!(s[2] > s[0] && s[2] > s[1], "{s:?}");
    }

    #[test]
    fn pruning_drops_small_averaged_weights() {
        let mut t = Trainer::new();
        t.tick();
        t.update(&[1], 1, 0);
        for _ in 0..99 {
            t.tick();
        }
        // Weight 1 for 99 of 100 instances: average 0.99.
        assert_eq!(t.finish(0.5).weights(), 2);
        assert_eq!(t.finish(1.0).weights(), 0);
    }
}
