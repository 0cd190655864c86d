//! The gazetteer: every place frontline knows, and the index of its names.
//!
//! The bundled data (`gazetteer/*.tsv`, built from GeoNames, CC BY 4.0) is
//! compiled into the library: [`Gazetteer::bundled`] needs no file on disk.
//! The name index is a static hash table built by `build.rs`; names a user adds at run
//! time ([`Gazetteer::add_extra_file`]) go into a small index beside it.
//!
//! Built without the cargo feature `bundled-gazetteer` (on by default), the
//! library embeds none of it (40 MB less) and [`Gazetteer::from_path`] reads
//! the same data from a file that [`Gazetteer::write_data_file`] writes
//! (`cargo run --release --example gazetteer-file -- FILE`, from a default
//! build of the same version); the places, names and resolutions are the
//! same.

mod cache;
mod extra;
mod file;
mod fuzzy;

pub use fuzzy::skeleton;

pub(crate) use cache::Remembered;

use rustc_hash::FxHashMap as HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::names::keys::keys_for_name;
use crate::names::posting::{decode, decode_span, encode, Kinds};
use crate::names::table::NameTable;
use crate::names::{normalize, MatchKind};
use crate::place::{Kind, Place, Text};

/// The data compiled into the library.
#[cfg(feature = "bundled-gazetteer")]
static BUNDLED: file::Data = file::Data {
    places: include_str!("../../gazetteer/places.tsv"),
    admin1: include_str!("../../gazetteer/admin1.tsv"),
    // The extents of countries (Natural Earth), continents, macro-regions and
    // seas (the sourced tables): `geonameid`, `west`, `south`, `east`, `north`.
    extents: include_str!("../../gazetteer/extents.tsv"),
    // Hand-kept aliases GeoNames' country rows lack ("U.S.", "UK", "DPRK").
    aliases: include_str!("../../gazetteer/aliases.csv"),
    slots: include_bytes!(concat!(env!("OUT_DIR"), "/names.slots")),
    records: include_bytes!(concat!(env!("OUT_DIR"), "/names.records")),
    postings: include_bytes!(concat!(env!("OUT_DIR"), "/postings.bin")),
};

/// A place found under a name, and how the name matched it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameMatch<'g> {
    /// The place.
    pub place: &'g Place,
    /// The best way the name reached it.
    pub kind: MatchKind,
    /// Every way the name reached it.
    pub kinds: Kinds,
}

/// Every place frontline can resolve a name to, with its names.
///
/// ```
/// use frontline::Gazetteer;
/// let gaz = Gazetteer::bundled();
/// let found = gaz.lookup("Artemovsk");
/// assert!(found.iter().any(|m| m.place.name == "Bakhmut"));
/// ```
pub struct Gazetteer {
    places: Vec<Place>,
    /// How many of `places` are bundled: those are sorted by geonameid.
    bundled_len: usize,
    /// Rows of the places added at run time, by id.
    extra_ids: HashMap<u32, usize>,
    /// Postings for the bundled places; `None` for an empty gazetteer.
    bundled: Option<NameTable<'static>>,
    /// The postings the bundled name table points into.
    postings: &'static [u8],
    /// The base data the gazetteer was made from (compiled in, or read
    /// from a file); `None` for an empty gazetteer.
    data: Option<file::Data>,
    /// Postings for the names added at run time, same encoding.
    extra: HashMap<String, Vec<u32>>,
    admin1_names: HashMap<(Text, Text), Text>,
    admin2_names: HashMap<(Text, Text, Text), Text>,
    /// Names already looked up.
    cache: cache::NameCache,
}

impl Gazetteer {
    /// The gazetteer compiled into the library: Ukraine's settlements and
    /// administrative areas, the world's places of 500 people or more, the
    /// world's first-level regions and countries. Only with the cargo
    /// feature `bundled-gazetteer` (on by default); without it, see
    /// [`Gazetteer::from_path`].
    ///
    /// ```
    /// use frontline::Gazetteer;
    /// let gaz = Gazetteer::bundled();
    /// assert!(gaz.len() > 200_000);
    /// ```
    #[cfg(feature = "bundled-gazetteer")]
    pub fn bundled() -> Gazetteer {
        Gazetteer::from_data(BUNDLED, Path::new("gazetteer"), false)
            .expect("the bundled gazetteer is valid (built by build-gazetteer and build.rs)")
    }

    /// The gazetteer read from a data file that [`Gazetteer::write_data_file`]
    /// wrote: the same places, names and resolutions as
    /// [`Gazetteer::bundled`], for a library built without them (the cargo
    /// feature `bundled-gazetteer` off). A file that is not one, is cut
    /// short or damaged, or was written by a build with other name rules is
    /// an [`Error::GazetteerFile`] naming it. Its bytes stay in memory for
    /// the rest of the process (loading the same file again reuses them).
    ///
    /// ```
    /// use frontline::{Gazetteer, Hints};
    /// # let dir = tempfile::tempdir().unwrap();
    /// # let path = dir.path().join("gazetteer.bin");
    /// # Gazetteer::bundled().write_data_file(&path).unwrap();
    /// let gaz = Gazetteer::from_path(&path)?;
    /// assert_eq!(gaz.resolve("Artemovsk", &Hints::default())?[0].place.name, "Bakhmut");
    /// # Ok::<(), frontline::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer> {
        let path = path.as_ref();
        Gazetteer::from_data(file::read(path)?, path, true)
    }

    /// Writes the gazetteer's base data (the compiled-in data, or the file
    /// it was read from; not what [`Gazetteer::add_extra_file`] added) to
    /// `path`, atomically, for [`Gazetteer::from_path`]: about 40 MB.
    ///
    /// ```no_run
    /// frontline::Gazetteer::bundled().write_data_file("frontline-gazetteer.bin")?;
    /// # Ok::<(), frontline::Error>(())
    /// ```
    pub fn write_data_file(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        match &self.data {
            Some(data) => file::write(data, path),
            None => Err(Error::GazetteerFile {
                path: path.to_path_buf(),
                message: "an empty gazetteer has no data to write".into(),
            }),
        }
    }

    /// The gazetteer of some base data; `check`: make sure the index
    /// points only inside the data (a file), or trust it (compiled in).
    fn from_data(data: file::Data, source: &Path, check: bool) -> Result<Gazetteer> {
        let bad = |message: String| Error::GazetteerFile {
            path: source.to_path_buf(),
            message,
        };
        let places = parse_places(data.places).map_err(|e| bad(format!("places: {e}")))?;
        if check && !places.windows(2).all(|w| w[0].geonameid < w[1].geonameid) {
            return Err(bad("places: not sorted by geonameid".into()));
        }
        let table = NameTable::new(data.slots, data.records)
            .ok_or_else(|| bad("name index: malformed slots".into()))?;
        if check {
            check_index(&table, data.postings, places.len()).map_err(bad)?;
        }
        let mut gaz = Gazetteer::from_places(places);
        gaz.bundled = Some(table);
        gaz.postings = data.postings;
        gaz.data = Some(data);
        for line in data.admin1.lines().skip(1) {
            let mut f = line.split('\t');
            if let (Some(cc), Some(code), Some(name)) = (f.next(), f.next(), f.next()) {
                gaz.admin1_names
                    .insert((cc.into(), code.into()), name.into());
            }
        }
        for line in data.extents.lines().skip(1) {
            let mut f = line.split('\t');
            let id = f.next().and_then(|s| s.parse::<u32>().ok());
            let e: Vec<f64> = f.filter_map(|s| s.parse().ok()).collect();
            if let (Some(row), &[w, s, e, n]) = (id.and_then(|id| gaz.row_of(id)), &e[..]) {
                gaz.places[row].bbox = Some(Box::new([w, s, e, n]));
            }
        }
        gaz.add_extra_csv(data.aliases.as_bytes(), source.join("aliases.csv"))?;
        Ok(gaz)
    }

    /// A gazetteer with no places, to be filled by [`Gazetteer::add_extra_file`]
    /// or [`Gazetteer::add_extra_csv`].
    pub fn empty() -> Gazetteer {
        Gazetteer::from_places(Vec::new())
    }

    fn from_places(places: Vec<Place>) -> Gazetteer {
        let mut gaz = Gazetteer {
            bundled_len: places.len(),
            places,
            extra_ids: HashMap::default(),
            bundled: None,
            postings: &[],
            data: None,
            extra: HashMap::default(),
            admin1_names: HashMap::default(),
            admin2_names: HashMap::default(),
            cache: cache::NameCache::default(),
        };
        gaz.index_admin2_names(0);
        gaz
    }

    /// Learns the names of second-level areas (raions) from their rows.
    fn index_admin2_names(&mut self, from: usize) {
        for p in &self.places[from..] {
            if p.feature_code == "ADM2" {
                let key = (
                    p.country_code.clone(),
                    p.admin1_code.clone(),
                    p.admin2_code.clone(),
                );
                self.admin2_names.insert(key, p.name.clone());
            }
        }
    }

    /// Adds the places and aliases of a user's CSV file (see the README's
    /// "Extending the gazetteer"). A malformed row is an error that names
    /// the file, the line and the field; nothing of the file is added then.
    pub fn add_extra_file(&mut self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|source| crate::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_extra_csv(file, path)
    }

    /// Adds the places and aliases of a CSV read from `reader`; `source`
    /// names it in errors.
    ///
    /// ```
    /// use frontline::Gazetteer;
    /// let mut gaz = Gazetteer::bundled();
    /// let csv = "name,aliases,lat,lon,country_code,feature_code\n\
    ///            Tetkino,Тёткино,51.2716,34.9454,RU,PPL\n";
    /// gaz.add_extra_csv(csv.as_bytes(), "border.csv").unwrap();
    /// assert_eq!(gaz.lookup("Tyotkino")[0].place.name, "Tetkino");
    /// ```
    pub fn add_extra_csv(
        &mut self,
        reader: impl std::io::Read,
        source: impl AsRef<Path>,
    ) -> Result<()> {
        let rows = extra::parse(reader, source.as_ref(), self)?;
        let first_new = self.places.len();
        for row in rows {
            let index = match row.place {
                Some(place) => {
                    self.extra_ids.insert(place.geonameid, self.places.len());
                    self.places.push(place);
                    self.places.len() - 1
                }
                None => self
                    .row_of(row.geonameid)
                    .expect("extra::parse checked the id"),
            };
            let is_area = self.places[index].is_administrative();
            for (name, kind) in row.names {
                self.add_name(&name, index, kind, is_area);
            }
        }
        self.index_admin2_names(first_new);
        // New names may change what earlier lookups found.
        self.cache.clear();
        Ok(())
    }

    /// Forgets the names looked up so far. Lookups are remembered (by the
    /// name as written, up to 50,000 names) because a batch meets the same
    /// names in article after article; what is remembered is what the
    /// lookup returned, so results never depend on it. This is for
    /// measuring lookups of names never seen.
    ///
    /// ```
    /// use frontline::{Gazetteer, Hints};
    /// let gaz = Gazetteer::bundled();
    /// let first = gaz.resolve("Terny", &Hints::default()).unwrap();
    /// gaz.forget_lookups();
    /// assert_eq!(gaz.resolve("Terny", &Hints::default()).unwrap(), first);
    /// ```
    pub fn forget_lookups(&self) {
        self.cache.clear();
    }

    pub(crate) fn cache(&self) -> &cache::NameCache {
        &self.cache
    }

    fn add_name(&mut self, name: &str, index: usize, kind: MatchKind, is_area: bool) {
        for (key, kind) in keys_for_name(name, kind, is_area) {
            let postings = self.extra.entry(key).or_default();
            postings.push(encode(index as u32, Kinds::of(kind)));
        }
    }

    /// The number of places.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// True when the gazetteer has no places.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every place, in a fixed order (the bundled ones by geonameid, then
    /// those added, in the order added).
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place with this GeoNames id.
    pub fn place_by_id(&self, geonameid: u32) -> Option<&Place> {
        self.row_of(geonameid).map(|i| &self.places[i])
    }

    fn row_of(&self, geonameid: u32) -> Option<usize> {
        self.places[..self.bundled_len]
            .binary_search_by_key(&geonameid, |p| p.geonameid)
            .ok()
            .or_else(|| self.extra_ids.get(&geonameid).copied())
    }

    /// The name of the place's first-level region (`Donetsk`, `Belgorod Oblast`).
    ///
    /// ```
    /// use frontline::Gazetteer;
    /// let gaz = Gazetteer::bundled();
    /// let bakhmut = gaz.place_by_id(713174).unwrap();
    /// assert_eq!(gaz.admin1_name(bakhmut), Some("Donetsk"));
    /// ```
    pub fn admin1_name(&self, place: &Place) -> Option<&str> {
        self.admin1_entry(place).map(|n| &**n)
    }

    fn admin1_entry(&self, place: &Place) -> Option<&Text> {
        self.admin1_names
            .get(&(place.country_code.clone(), place.admin1_code.clone()))
    }

    /// [`Gazetteer::admin1_name`] as shared text: no copy for bundled places.
    pub fn admin1_text(&self, place: &Place) -> Option<Text> {
        self.admin1_entry(place).cloned()
    }

    /// [`Gazetteer::admin2_name`] as shared text: no copy for bundled places.
    pub fn admin2_text(&self, place: &Place) -> Option<Text> {
        self.admin2_entry(place).cloned()
    }

    /// The name of the place's second-level area, where the gazetteer has
    /// one (Ukraine's raions: `Bakhmut Raion`).
    pub fn admin2_name(&self, place: &Place) -> Option<&str> {
        self.admin2_entry(place).map(|n| &**n)
    }

    fn admin2_entry(&self, place: &Place) -> Option<&Text> {
        if place.admin2_code.is_empty() {
            return None;
        }
        self.admin2_names.get(&(
            place.country_code.clone(),
            place.admin1_code.clone(),
            place.admin2_code.clone(),
        ))
    }

    /// The first-level regions (country code, admin1 code) whose name is
    /// `name`, written with or without a suffix (`Donetsk`, `Donetsk Oblast`,
    /// `Donetska oblast`).
    pub fn admin1_codes(&self, name: &str) -> Vec<(Text, Text)> {
        let key = normalize(name);
        let base = crate::names::region::split_suffix(&key).map_or(key.as_str(), |(b, _)| b);
        let mut codes: Vec<(Text, Text)> = self
            .admin1_names
            .iter()
            .filter(|(_, n)| normalize(n) == key || normalize(n) == base)
            .map(|(code, _)| code.clone())
            .collect();
        for k in [key.as_str(), base] {
            for (row, _) in self.postings(k) {
                let p = &self.places[row];
                if p.feature_code == "ADM1" {
                    codes.push((p.country_code.clone(), p.admin1_code.clone()));
                }
            }
        }
        codes.sort();
        codes.dedup();
        codes
    }

    /// Every place known under `name` (normalised first), with how it
    /// matched, best match kind first and then by geonameid. Areas' bare
    /// bases ([`MatchKind::RegionBase`]) are included.
    pub fn lookup(&self, name: &str) -> Vec<NameMatch<'_>> {
        let mut found: Vec<NameMatch<'_>> = self
            .postings(&normalize(name))
            .into_iter()
            .map(|(row, kinds)| NameMatch {
                place: &self.places[row],
                kind: kinds.best(),
                kinds,
            })
            .collect();
        found.sort_by_key(|m| (m.kind, m.place.geonameid));
        found
    }

    /// True when some place is known under this normalised key. Cheaper
    /// than [`Gazetteer::lookup`]: nothing is collected.
    pub fn contains_key(&self, key: &str) -> bool {
        self.extra.contains_key(key)
            || self
                .bundled
                .is_some_and(|m| m.get(key.as_bytes()).is_some())
    }

    /// True when some posting under a normalised key satisfies `pred`;
    /// allocates nothing.
    pub(crate) fn any_posting(
        &self,
        key: &str,
        mut pred: impl FnMut(usize, Kinds) -> bool,
    ) -> bool {
        match self.any_posting_exact(key, &mut pred) {
            Some(found) => found,
            // Spelling variants, only when nothing is known under the key
            // as written (rare: the allocation does not matter).
            None => self
                .fallback_postings(key)
                .into_iter()
                .any(|(row, kinds)| pred(row, kinds)),
        }
    }

    /// Whether a posting under `key` satisfies `pred`; `None` when nothing
    /// is known under the key.
    fn any_posting_exact(
        &self,
        key: &str,
        mut pred: impl FnMut(usize, Kinds) -> bool,
    ) -> Option<bool> {
        let bundled = self.bundled.and_then(|m| m.get(key.as_bytes()));
        let extra = self.extra.get(key);
        if bundled.is_none() && extra.is_none() {
            return None;
        }
        if let Some(value) = bundled {
            for chunk in postings_of(self.postings, value).chunks_exact(4) {
                let (row, kinds) =
                    decode(u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]));
                if pred(row as usize, kinds) {
                    return Some(true);
                }
            }
        }
        Some(extra.is_some_and(|extra| {
            extra.iter().any(|&p| {
                let (row, kinds) = decode(p);
                pred(row as usize, kinds)
            })
        }))
    }

    /// The (place row, match kinds) pairs under a normalised key, with the
    /// Ukrainian places under its Ukrainian form when it is a Russian one
    /// (see [`crate::names::normalize::ukrainian_forms`]); when there are
    /// none, under the spelling variants of `fallback_postings`.
    pub(crate) fn postings(&self, key: &str) -> Vec<(usize, Kinds)> {
        let mut out = self.postings_exact(key);
        self.add_ukrainian_postings(key, &mut out);
        if !out.is_empty() {
            return out;
        }
        self.spelling_variant_postings(key)
    }

    /// "Karlovka", the Russian form of a name, may be a Karlivka that
    /// GeoNames knows only in Ukrainian: the Ukrainian places under the
    /// Ukrainian forms ([`crate::names::normalize::ukrainian_forms`]) join
    /// `out` as Russian forms ([`MatchKind::RussianForm`]), scored as
    /// alternates: the article's context chooses among them and the places
    /// GeoNames lists under the name as written. A place found both ways
    /// keeps both kinds.
    fn add_ukrainian_postings(&self, key: &str, out: &mut Vec<(usize, Kinds)>) {
        let russian = Kinds::of(MatchKind::RussianForm);
        for variant in crate::names::normalize::ukrainian_forms(key) {
            for (row, _) in self.postings_exact(&variant) {
                if self.places()[row].country_code != "UA" {
                    continue;
                }
                match out.iter_mut().find(|(r, _)| *r == row) {
                    Some(slot) => slot.1 = slot.1.union(russian),
                    None => out.push((row, russian)),
                }
            }
        }
    }

    /// The postings of a key known under no spelling as written: under the
    /// Ukrainian forms of a Russian one ("Kurakhovka" for Kurakhivka,
    /// places in Ukraine only, as Russian forms, as [`Gazetteer::postings`]
    /// adds them); failing those, under the first spelling variant that
    /// has any:
    /// "Novomikhailovka" for "Novomikhaylovka" (any place), then
    /// "Myrolubivka" for "Myroliubivka" (places in Ukraine, Russia and
    /// Belarus only: the softened `ю` is a slip of transliteration), then
    /// "Scherbaky" for "Shcherbaky" (places in Ukraine), then
    /// "Velyka Novoselka" for "Velyka Novosilka" (places in Ukraine, as
    /// Russian forms; see
    /// [`crate::names::normalize::loose_ukrainian_forms`]).
    fn fallback_postings(&self, key: &str) -> Vec<(usize, Kinds)> {
        let mut out = Vec::new();
        self.add_ukrainian_postings(key, &mut out);
        if !out.is_empty() {
            return out;
        }
        self.spelling_variant_postings(key)
    }

    /// The postings under the first of the other spelling variants that
    /// has any (see [`Gazetteer::fallback_postings`]).
    fn spelling_variant_postings(&self, key: &str) -> Vec<(usize, Kinds)> {
        use crate::names::normalize::{
            loose_ukrainian_forms, shch_for_sch, softened_forms, y_after_vowel,
        };
        if let Some(variant) = y_after_vowel(key) {
            let found = self.postings_exact(&variant);
            if !found.is_empty() {
                return found;
            }
        }
        // "Scherbaky": Ukraine's `щ` as German and Polish write it.
        if let Some(variant) = shch_for_sch(key) {
            let found: Vec<(usize, Kinds)> = self
                .postings_exact(&variant)
                .into_iter()
                .filter(|&(row, _)| self.places()[row].country_code == "UA")
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        for variant in softened_forms(key) {
            let found: Vec<(usize, Kinds)> = self
                .postings_exact(&variant)
                .into_iter()
                .filter(|&(row, _)| matches!(&*self.places()[row].country_code, "UA" | "RU" | "BY"))
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        // A name of several words in Russian letters ("Velyka Novoselka"):
        // Ukraine's places under its Ukrainian spelling, as Russian forms.
        for variant in loose_ukrainian_forms(key) {
            let found: Vec<(usize, Kinds)> = self
                .postings_exact(&variant)
                .into_iter()
                .filter(|&(row, _)| self.places()[row].country_code == "UA")
                .map(|(row, _)| (row, Kinds::of(MatchKind::RussianForm)))
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
        Vec::new()
    }

    fn postings_exact(&self, key: &str) -> Vec<(usize, Kinds)> {
        let mut out: Vec<(usize, Kinds)> = Vec::new();
        if let Some(value) = self.bundled.and_then(|m| m.get(key.as_bytes())) {
            for chunk in postings_of(self.postings, value).chunks_exact(4) {
                let (row, kind) =
                    decode(u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]));
                out.push((row as usize, kind));
            }
        }
        if let Some(extra) = self.extra.get(key) {
            for &p in extra {
                let (row, kinds) = decode(p);
                match out.iter_mut().find(|(r, _)| *r == row as usize) {
                    Some(slot) => slot.1 = slot.1.union(kinds),
                    None => out.push((row as usize, kinds)),
                }
            }
        }
        out
    }
}

/// Whether every entry of a name index read from a file points inside its
/// postings and every posting at a place, and a miss can end: after this,
/// lookups cannot read out of bounds or loop for ever. Reads the bytes in
/// their order (no random access: a few milliseconds).
fn check_index(
    table: &NameTable<'static>,
    postings: &[u8],
    places: usize,
) -> std::result::Result<(), String> {
    let values = table
        .values()
        .ok_or("name index: a record runs past the end")?;
    if !postings.len().is_multiple_of(4) {
        return Err("name index: postings are not whole u32s".into());
    }
    for value in values {
        let (start, len) = decode_span(value);
        if (start + len) * 4 > postings.len() {
            return Err("name index: a name's postings lie outside them".into());
        }
    }
    if table.empty_slots() == 0 {
        return Err("name index: no empty slot".into());
    }
    for chunk in postings.chunks_exact(4) {
        let (row, _) = decode(u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]));
        if row as usize >= places {
            return Err(format!(
                "name index: a posting names place row {row} of {places}"
            ));
        }
    }
    Ok(())
}

/// The postings of a name table value, or none when they lie outside the
/// postings (only a damaged table's slot could point so).
fn postings_of(postings: &[u8], value: u64) -> &[u8] {
    let (start, len) = decode_span(value);
    postings
        .get(start * 4..(start + len) * 4)
        .unwrap_or_default()
}

/// Parses `places.tsv` without copying: every text field of a place borrows
/// from the TSV, compiled into the library or read from a data file. A bad
/// row is an error naming its line (the compiled-in file has none: it is
/// generated by `build-gazetteer` and indexed by `build.rs`).
fn parse_places(tsv: &'static str) -> std::result::Result<Vec<Place>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_reader(tsv.as_bytes());
    let mut places = Vec::with_capacity(240_000);
    let mut rec = csv::ByteRecord::new();
    while reader
        .read_byte_record(&mut rec)
        .map_err(|e| e.to_string())?
    {
        let pos = rec.position().expect("csv records know their position");
        let (start, line) = (pos.byte() as usize, pos.line());
        if rec.len() != 10 {
            return Err(format!("line {line}: {} columns, not 10", rec.len()));
        }
        // Without quoting, each field is a verbatim slice of the input; the
        // record stores fields back to back, so field i sits i delimiters on.
        let field = |i: usize| -> &'static str {
            let range = rec.range(i).expect("10 columns");
            tsv.get(start + i + range.start..start + i + range.end)
                .unwrap_or_default()
        };
        let number = |i: usize, name: &str| {
            format!(
                "line {line}: field `{name}`: {:?} is not a number",
                field(i)
            )
        };
        let feature_class = field(4).chars().next().unwrap_or('P');
        places.push(Place {
            geonameid: field(0).parse().map_err(|_| number(0, "geonameid"))?,
            name: field(1).into(),
            lat: field(2).parse().map_err(|_| number(2, "latitude"))?,
            lon: field(3).parse().map_err(|_| number(3, "longitude"))?,
            feature_class,
            kind: Kind::of_geonames(feature_class, field(5)),
            bbox: None,
            feature_code: field(5).into(),
            country_code: field(6).into(),
            admin1_code: field(7).into(),
            admin2_code: field(8).into(),
            population: field(9).parse().unwrap_or(0),
        });
    }
    Ok(places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_rows_are_indexed_in_file_order() {
        let gaz = Gazetteer::bundled();
        let ids: Vec<u32> = gaz.places().iter().map(|p| p.geonameid).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn former_names_find_todays_place() {
        let gaz = Gazetteer::bundled();
        for (old, id) in [
            ("Artemivsk", 713174),
            ("Dzerzhynsk", 709354),
            ("Dnipropetrovsk", 709930),
        ] {
            assert!(
                gaz.lookup(old).iter().any(|m| m.place.geonameid == id),
                "{old}"
            );
        }
    }

    #[test]
    fn a_russian_form_finds_the_places_known_only_in_ukrainian() {
        let gaz = Gazetteer::bundled();
        // Karlivka, Pokrovsk raion (UA.txt 9112520), which GeoNames knows
        // by no Russian name: found as the Russian form of its name, beside
        // the places that bear "Karlovka".
        let found = gaz.lookup("Karlovka");
        let karlivka = found.iter().find(|m| m.place.geonameid == 9112520);
        assert_eq!(karlivka.map(|m| m.kind), Some(MatchKind::RussianForm));
        assert!(found.iter().any(|m| m.kind == MatchKind::Name));
        // Places outside Ukraine are not rewritten into.
        assert!(gaz
            .lookup("Karlovka")
            .iter()
            .all(|m| m.kind != MatchKind::RussianForm || m.place.country_code == "UA"));
    }

    #[test]
    fn empty_gazetteer_finds_nothing() {
        let gaz = Gazetteer::empty();
        assert!(gaz.lookup("Kyiv").is_empty());
        assert!(gaz.is_empty());
    }
}
