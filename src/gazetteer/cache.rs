//! Memory of the names already looked up. A batch meets the same few
//! thousand names in article after article; each is resolved once, then
//! read back. What is remembered is exactly what the lookup returned, so
//! results never depend on what is in memory.

use std::sync::{Arc, PoisonError, RwLock};

use rustc_hash::FxHashMap as HashMap;

use crate::names::MatchKind;
use crate::score::ScoreParts;

/// Names remembered at most; memory is emptied when it is full, which
/// bounds it to a few tens of megabytes.
const MAX_NAMES: usize = 50_000;

/// A candidate as remembered: the place's row, how the name matched it,
/// and its score parts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Remembered {
    pub(crate) row: u32,
    pub(crate) matched: MatchKind,
    pub(crate) parts: ScoreParts,
}

/// Context-free lookups, shared by every thread that reads with the
/// gazetteer.
#[derive(Default)]
pub(crate) struct NameCache {
    /// [`crate::Gazetteer::resolve`] without hints, by the name as given.
    resolved: RwLock<HashMap<Box<str>, Arc<[Remembered]>>>,
    /// [`crate::Gazetteer::knows_key`], by normalised key.
    known: RwLock<HashMap<Box<str>, bool>>,
}

impl NameCache {
    pub(crate) fn resolved(&self, name: &str) -> Option<Arc<[Remembered]>> {
        let map = self.resolved.read().unwrap_or_else(PoisonError::into_inner);
        map.get(name).cloned()
    }

    pub(crate) fn remember_resolved(&self, name: &str, found: Arc<[Remembered]>) {
        remember(&self.resolved, name, found);
    }

    pub(crate) fn known(&self, key: &str) -> Option<bool> {
        let map = self.known.read().unwrap_or_else(PoisonError::into_inner);
        map.get(key).copied()
    }

    pub(crate) fn remember_known(&self, key: &str, known: bool) {
        remember(&self.known, key, known);
    }

    /// Forgets everything.
    pub(crate) fn clear(&self) {
        clear(&self.resolved);
        clear(&self.known);
    }
}

fn remember<V>(map: &RwLock<HashMap<Box<str>, V>>, key: &str, value: V) {
    let mut map = map.write().unwrap_or_else(PoisonError::into_inner);
    if map.len() >= MAX_NAMES {
        map.clear();
    }
    map.insert(key.into(), value);
}

fn clear<V>(map: &RwLock<HashMap<Box<str>, V>>) {
    map.write().unwrap_or_else(PoisonError::into_inner).clear();
}
