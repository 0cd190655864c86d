//! Finding the place names in a text: text → mentions.
//!
//! A mention is the longest run of capitalised words (with connectors such
//! as `on` in Rostov-on-Don, and a region suffix such as `Oblast`) whose
//! spelling the gazetteer knows. Runs that belong to a person ("Vladimir
//! Putin", "Gen. Ryder") or an organisation ("Kyiv Post", "The New York
//! Times") are not mentions, nor are demonyms and the ordinary English words
//! that open sentences. A capitalised name the gazetteer does not know is
//! still a mention, unresolved, when the text marks it as a place ("the
//! village of X", "near X").

mod directions;
mod local_units;
mod sound_alike;
pub(crate) use directions::keep_direction_towns;
mod region_scope;
mod water;

use std::borrow::Cow;

use rustc_hash::FxHashSet as HashSet;

use crate::doc::Doc;
use crate::lexicon::events::{is_list_gap, PEOPLE_OF_A_SIDE, UNIT_WORDS};
use crate::lexicon::facts::WordFacts;
use crate::lexicon::{compass_bearing, strip_possessive};
use crate::lexicon::{Class, Classes};
use crate::names::normalize;
use crate::names::region::{split_suffix, starts_suffix, RegionLevel};
use crate::text::{Token, Tokenized};
use crate::Gazetteer;

/// The longest place name, in words, that recognition tries.
const MAX_WORDS: usize = 6;

/// How strongly the words around a name say it is a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueStrength {
    /// A preposition that often precedes places: "in", "from", "at".
    Weak,
    /// Words that only precede or follow places: "the village of",
    /// "near", "north of", "outskirts of", "X direction", "X Oblast".
    Strong,
}

/// The words around a mention that mark it as a place.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Cue {
    /// The cue as written, lower case ("village of", "near", "direction").
    pub words: String,
    /// How strongly it marks a place.
    pub strength: CueStrength,
}

/// A place name found in the text, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// The name as written (without a possessive `'s`).
    pub text: String,
    /// The name normalised: the key the gazetteer knows it by
    /// (lower case, apostrophes dropped, diacritics folded, hyphens and
    /// dashes as spaces).
    pub key: String,
    /// Byte offset of the name in the document's plain text.
    pub byte_start: usize,
    /// Byte offset just past the name in the plain text.
    pub byte_end: usize,
    /// Index of the sentence, from 0.
    pub sentence: usize,
    /// Index of the sentence's paragraph (as [`Doc::sentence_spans`](crate::doc::Doc::sentence_spans) counts them).
    pub paragraph: usize,
    /// Words around it that mark it as a place.
    pub cue: Option<Cue>,
    /// True when the gazetteer knows the name.
    pub known: bool,
    /// Set when the name stands for a region although written bare: it is
    /// one of a list before a plural suffix ("the Kursk and Belgorod regions").
    pub region: Option<RegionLevel>,
    /// Set when the text places this name beside another ("Synkivka,
    /// northeast of Kupiansk", "Ivanivka near Pokrovsk"): the other
    /// mention's index in the list and the bearing from it, degrees
    /// clockwise from north, or `None` for "near", "outside".
    pub beside: Option<(usize, Option<f64>)>,
    /// The mention right after this one when the text joins them as place
    /// and region ("Pershotravneve in Kharkiv Oblast", "Terny, Donetsk
    /// Oblast", "Kurakhove (Pokrovsk raion"): its index in the list.
    pub located_by: Option<usize>,
    /// The mention before this one when the text lists them together
    /// ("over Belgorod and Voronezh", "Kyiv, Lutsk, Dnipro"): its index.
    pub listed_after: Option<usize>,
    /// The name the words around it say it means, where that is a feature
    /// the gazetteer knows: "Dnipro River" for "across the Dnipro",
    /// "Kakhovka Reservoir" for "the Kakhovka reservoir" (see
    /// `src/water.rs`). `None`: the name as written.
    pub reading: Option<String>,
}

/// Finds every place name of a document, in text order.
///
/// ```
/// use frontline::{doc::Doc, recognize::find_mentions, Gazetteer};
/// let gaz = Gazetteer::bundled();
/// let doc = Doc::new("Russian dictator Vladimir Putin visited the village of Lyptsi, the Kyiv Post reported.");
/// let found = find_mentions(&gaz, &doc);
/// let names: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
/// assert_eq!(names, ["Lyptsi"]);
/// ```
pub fn find_mentions(gaz: &Gazetteer, doc: &Doc<'_>) -> Vec<Mention> {
    find_mentions_with(gaz, &doc.words, &doc.facts)
}

/// [`find_mentions`] with the facts about the text's words already looked up.
pub(crate) fn find_mentions_with(
    gaz: &Gazetteer,
    t: &Tokenized<'_>,
    facts: &[WordFacts],
) -> Vec<Mention> {
    let words = Words::new(t, facts);
    let mut blocked = blocked_tokens(t, &words);
    water::unblock_feature_names(gaz, t, &mut blocked);
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < t.tokens.len() {
        let token = &t.tokens[i];
        if blocked[i] || !token.is_capitalized() {
            i += 1;
            continue;
        }
        // "However", "Russian": no name alone, and none begins here unless
        // a capitalised word follows ("North Korea").
        let alone =
            !(i + 1 < t.tokens.len() && joins_name(t, i) && t.tokens[i + 1].is_capitalized());
        if alone && words.is(i, Class::DEMONYM | Class::COMMON_WORD) {
            i += 1;
            continue;
        }
        // "Yuzhno-Donetsk": the name half of a compound of a compass point
        // and a name the gazetteer does not know as a whole.
        if directions::after_compass_prefix(t, &words.lower, i) {
            i += 1;
            continue;
        }
        // "the Krasnolimansky direction": the town a direction is named after.
        if directions::names_a_direction(t, &words.lower, i) {
            if let Some(town) = directions::town_of_adjective(gaz, t.tokens[i].text) {
                let cue = Cue {
                    words: "direction".into(),
                    strength: CueStrength::Strong,
                };
                let mut mention = unknown_mention(t, i, 1, Some(cue));
                mention.known = true;
                mention.reading = Some(town);
                mentions.push(mention);
                i += 1;
                continue;
            }
        }
        let known = longest_known(gaz, t, &words, &blocked, i);
        // "Russian Tishki": a name whose adjective is written in English.
        if known.as_ref().is_none_or(|(n, _)| *n == 1) {
            if let Some((n, mention)) =
                sound_alike::translated_adjective_run(gaz, t, &words, &blocked, i)
            {
                mentions.push(mention);
                i += n;
                continue;
            }
        }
        // "Chuguiev, Kharkiv region": a name loosely spelled before its
        // oblast, longer than any known name it begins with.
        let demonym = |i| words.is(i, Class::DEMONYM | Class::COMMON_WORD);
        let known_len = known.as_ref().map_or(0, |(k, _)| *k);
        if let Some((n, mention)) = (known_len < capitalised_run(t, &blocked, i))
            .then(|| region_scope::unknown_before_region(gaz, t, demonym, &blocked, i))
            .flatten()
        {
            mentions.push(mention);
            i += n;
            continue;
        }
        // "area of Golay Pristan", "in Chasovoy Yar": words of which no
        // known name begins at the first, loosely spelling a settlement
        // named in as many words.
        if known.is_none() && !demonym(i) {
            if let Some((n, mention)) = sound_alike::sound_alike_run(gaz, t, &words, &blocked, i) {
                mentions.push(mention);
                i += n;
                continue;
            }
        }
        // "SukhyiStavok": a name's words run together.
        if known.is_none() {
            if let Some(mention) = sound_alike::run_together(gaz, t, i) {
                mentions.push(mention);
                i += 1;
                continue;
            }
        }
        // "Chervonogrihorivska community", "Chuguevsky district": a unit
        // named by its centre's adjective.
        if known.is_none() {
            if let Some((n, mention)) = local_units::adjective_unit(gaz, t, &words, i) {
                mentions.push(mention);
                i += n;
                continue;
            }
        }
        // "Malaya Loknya", a name the gazetteer lacks: its adjective alone
        // names no place, nor does the word after it on its own.
        if known.as_ref().is_none_or(|(n, _)| *n == 1) {
            if let Some((n, mention)) = prefixed_run(t, &words, &blocked, i) {
                mentions.push(mention);
                i += n;
                continue;
            }
        }
        if let Some((n, mention)) = known {
            if !is_false_single_word(t, &words, i, n) {
                mentions.push(mention);
            }
            i += n;
            continue;
        }
        // "Donetsk region: in Yampol and Ivanovsky": in a list an oblast
        // heads, a name that sounds like a settlement of that oblast.
        if let Some((n, mention)) =
            region_scope::unknown_in_headed_list(gaz, t, demonym, &blocked, i)
        {
            mentions.push(mention);
            i += n;
            continue;
        }
        if let Some((n, mut mention)) = unknown_after_cue(t, &words, &blocked, i) {
            // After a place cue, a name no spelling rule knows may still be
            // a Ukrainian settlement loosely spelled (`MatchKind::Fuzzy`).
            mention.known = gaz.knows_fuzzily(&mention.key);
            mentions.push(mention);
            i += n;
            continue;
        }
        i += 1;
    }
    // Before the links: they index the list.
    water::drop_coasts(t, &mut mentions);
    link_lists(t.text, &mut mentions);
    region_scope::mark_trailing_oblasts(gaz, t.text, &mut mentions);
    region_scope::mark_headed_lists(t.text, &mut mentions);
    region_scope::mark_region_phrases(gaz, t.text, &mut mentions);
    water::mark_feature_readings(gaz, t, &mut mentions);
    mentions
}

/// Each word in lower case, without a possessive `'s`, and its lexicon
/// classes: computed once per text.
struct Words<'a> {
    lower: Vec<&'a str>,
    classes: Vec<Classes>,
}

impl<'a> Words<'a> {
    fn new(t: &'a Tokenized<'_>, facts: &[WordFacts]) -> Words<'a> {
        let lower: Vec<&'a str> = t.lower.iter().map(|w| strip_possessive(w)).collect();
        let classes = facts.iter().map(|f| f.classes).collect();
        Words { lower, classes }
    }

    fn is(&self, i: usize, class: Classes) -> bool {
        self.classes[i] & class != 0
    }
}

/// The mentions before `last` that form one list with it ("A, B and C"),
/// earliest first, `last` included.
fn list_ending_at(text: &str, mentions: &[Mention], last: usize) -> Vec<usize> {
    let mut list = vec![last];
    let mut k = last;
    while k > 0 {
        let (prev, cur) = (&mentions[k - 1], &mentions[k]);
        let gap = &text[prev.byte_end..cur.byte_start];
        if prev.sentence != cur.sentence || !is_list_gap(gap) {
            break;
        }
        list.push(k - 1);
        k -= 1;
    }
    list.reverse();
    list
}

/// Reads what neighbouring names say about each other: a name followed by
/// "in X" or ", X" may be located by X; a plural region suffix after a list
/// makes every name in it a region ("the Kursk and Belgorod regions"); "A
/// and B, northeast of C" puts A and B northeast of C.
fn link_lists(text: &str, mentions: &mut [Mention]) {
    // Which names carry a region suffix ("Donetsk Oblast").
    let suffixed: Vec<bool> = mentions
        .iter()
        .map(|m| split_suffix(&m.key).is_some())
        .collect();
    for k in 1..mentions.len() {
        let gap = &text[mentions[k - 1].byte_end..mentions[k].byte_start];
        if mentions[k - 1].sentence != mentions[k].sentence {
            continue;
        }
        if matches!(gap, " in " | " in the " | ", " | " (" | ", in ") {
            mentions[k - 1].located_by = Some(k);
        }
        // Peers in a list, not a place and its region ("Terny, Donetsk Oblast").
        if is_list_gap(gap) && suffixed[k - 1] == suffixed[k] {
            mentions[k].listed_after = Some(k - 1);
        }
    }
    // Any case: "the Kursk and Belgorod Regions".
    let plural_level = |word: &str| {
        let is = |plural: &str| word.eq_ignore_ascii_case(plural);
        if is("regions") || is("oblasts") || is("provinces") {
            Some(RegionLevel::Admin1)
        } else if is("raions") || is("districts") {
            Some(RegionLevel::Admin2)
        } else {
            None
        }
    };
    for k in 0..mentions.len() {
        let after = text[mentions[k].byte_end..].trim_start_matches(' ');
        let word = after
            .find(|c: char| !c.is_alphabetic())
            .map_or(after, |end| &after[..end]);
        if let Some(level) = plural_level(word) {
            // "The Novoselivka and Dobropolye regions of the Zaporozhye
            // region": the region after "of" locates every name listed.
            let of_region = mentions.get(k + 1).is_some_and(|next| {
                let between = text[mentions[k].byte_end..next.byte_start].trim_start_matches(' ');
                next.sentence == mentions[k].sentence
                    && suffixed[k + 1]
                    && matches!(between.get(word.len()..), Some(" of the " | " of "))
            });
            for m in list_ending_at(text, mentions, k) {
                mentions[m].region = Some(level);
                if of_region {
                    mentions[m].located_by = Some(k + 1);
                }
            }
        } else if let Some(level) = mentions[k].text.rsplit(' ').next().and_then(plural_level) {
            // "Kyiv, Chernihiv and Odesa oblasts": the last name took the
            // suffix; the names listed before it are regions too.
            for m in list_ending_at(text, mentions, k) {
                if m != k {
                    mentions[m].region = Some(level);
                }
            }
        }
    }
    for k in 1..mentions.len() {
        if mentions[k - 1].sentence != mentions[k].sentence {
            continue;
        }
        let gap = &text[mentions[k - 1].byte_end..mentions[k].byte_start];
        // "Kherson Oblast's Beryslav": the region locates the name after it;
        // "Kharkiv's Kyivskyi district": the second lies in or near the first.
        if matches!(gap, "'s " | "’s ") {
            if suffixed[k - 1] {
                mentions[k].located_by = Some(k - 1);
            } else {
                mentions[k].beside = Some((k - 1, None));
            }
            continue;
        }
        let Some(locating) = locating_phrase(gap) else {
            continue;
        };
        for m in list_ending_at(text, mentions, k - 1) {
            mentions[m].beside = Some((k, locating.bearing()));
        }
    }
}

/// Where a locating phrase puts a place beside another.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Locating {
    /// Near it, with no direction: "near", "outside", "on the outskirts of".
    Near,
    /// In a compass direction from it, degrees clockwise from north:
    /// "northeast of" is 45.
    Bearing(f64),
}

impl Locating {
    /// The direction, if the phrase gives one.
    pub fn bearing(self) -> Option<f64> {
        match self {
            Locating::Near => None,
            Locating::Bearing(b) => Some(b),
        }
    }
}

/// Whether the text between two names places the first beside the second
/// ("A, northeast of C", "A near C", "A (south of C)", "A, a village 10 km
/// west of C", "A on the outskirts of C"), and how. Only descriptive words may come before the phrase,
/// never a verb or "and", so "A and near C" or "took A near C's road" are
/// not read as locating.
///
/// ```
/// use frontline::recognize::{locating_phrase, Locating};
/// assert_eq!(locating_phrase(", northeast of "), Some(Locating::Bearing(45.0)));
/// assert_eq!(locating_phrase(" near "), Some(Locating::Near));
/// assert_eq!(locating_phrase(", a village 10 km west of "), Some(Locating::Bearing(270.0)));
/// assert_eq!(locating_phrase(" (south of "), Some(Locating::Bearing(180.0)));
/// assert_eq!(locating_phrase(" and near "), None);
/// assert_eq!(locating_phrase(", "), None);
/// ```
pub fn locating_phrase(gap: &str) -> Option<Locating> {
    // Every phrase ends in one of these words and a space: most gaps
    // between names end otherwise (", ", " and ").
    if gap.len() > 60
        || !(gap.ends_with("of ")
            || gap.ends_with("near ")
            || gap.ends_with("outside ")
            || gap.ends_with("nearby ")
            || gap.ends_with("to ")
            || gap.ends_with("from "))
    {
        return None;
    }
    let rest = gap.trim_start_matches([',', ' ', '(']);
    let words: Vec<Cow<'_, str>> = rest
        .split_whitespace()
        .map(|w| crate::text::lowercase(w.trim_matches(|c: char| c == ',')))
        .filter(|w| !w.is_empty())
        .collect();
    let n = words.len();
    let word = |i: usize| words.get(i).map(|w| w.as_ref());
    // The phrase at the end, and how many words it takes.
    let (locating, len) = match (
        n.checked_sub(3).and_then(word),
        n.checked_sub(2).and_then(word),
        n.checked_sub(1).and_then(word),
    ) {
        (_, _, Some("near" | "outside" | "nearby")) => (Locating::Near, 1),
        (_, Some("close"), Some("to")) => (Locating::Near, 2),
        (Some("not"), Some("far"), Some("from")) => (Locating::Near, 3),
        (Some("outskirts" | "edge" | "vicinity"), Some("of"), _) => return None,
        (_, Some("outskirts" | "edge" | "vicinity"), Some("of")) => (Locating::Near, 2),
        (_, Some(c), Some("of")) => (Locating::Bearing(compass_bearing(c)?), 2),
        _ => return None,
    };
    let descriptive = words[..n - len].iter().all(|w| {
        w.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            || matches!(
                w.as_ref(),
                "a" | "an"
                    | "the"
                    | "on"
                    | "in"
                    | "just"
                    | "about"
                    | "some"
                    | "roughly"
                    | "approximately"
                    | "around"
                    | "town"
                    | "village"
                    | "city"
                    | "settlement"
                    | "hamlet"
                    | "small"
                    | "key"
                    | "km"
                    | "kilometres"
                    | "kilometers"
                    | "kilometre"
                    | "kilometer"
                    | "miles"
                    | "mile"
                    | "located"
                    | "situated"
                    | "lying"
                    | "directly"
                    | "immediately"
                    | "farther"
                    | "further"
            )
            || w.ends_with("km")
    });
    descriptive.then_some(locating)
}

/// The words of a mention's text, possessive removed from the last.
fn span_text<'t>(t: &Tokenized<'t>, first: usize, last: usize) -> (&'t str, usize) {
    let start = t.tokens[first].start;
    let mut end = t.tokens[last].end;
    let word = t.tokens[last].text;
    for suffix in ["'s", "’s", "ʼs"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            end -= suffix.len();
            break;
        }
    }
    (&t.text[start..end], end)
}

/// True when the gap between two words of one name is a space or a hyphen
/// (or the full stop between initials, as in `U.S.`).
fn joins_name(t: &Tokenized<'_>, i: usize) -> bool {
    let gap = t.gap(i);
    match gap {
        " " | "-" | "‑" | "–" => true,
        "." | ". " => {
            (t.tokens[i].is_initial() && t.tokens[i + 1].is_initial())
                // "St. Petersburg", "Mt. Elbrus": an abbreviated first word.
                || matches!(t.tokens[i].text, "St" | "Ste" | "Ft" | "Mt" | "Pt")
        }
        _ => false,
    }
}

/// Tries the longest run of words from `i` that the gazetteer can resolve,
/// then extends it with a region suffix ("Donetsk" + "Oblast").
fn longest_known(
    gaz: &Gazetteer,
    t: &Tokenized<'_>,
    words: &Words<'_>,
    blocked: &[bool],
    i: usize,
) -> Option<(usize, Mention)> {
    let mut max = 1;
    while max < MAX_WORDS && i + max < t.tokens.len() && joins_name(t, i + max - 1) {
        let next = &t.tokens[i + max];
        // "Sea of Azov", "Republic of Korea": "of" inside a name.
        let of_inside = words.lower[i + max] == "of"
            && t.tokens
                .get(i + max + 1)
                .is_some_and(|w| w.is_capitalized());
        if blocked[i + max]
            || !(next.is_capitalized() || words.is(i + max, Class::CONNECTOR) || of_inside)
        {
            break;
        }
        max += 1;
    }
    // A name may end in an initial's full stop ("U.S.").
    for n in (1..=max).rev() {
        let last = i + n - 1;
        if words.is(last, Class::CONNECTOR) && !t.tokens[last].is_capitalized() {
            continue;
        }
        let (written, end) = span_text(t, i, last);
        // A region suffix after the name: "Donetsk Oblast", "Kharkiv region";
        // some bases are known only with one ("Kharkivska oblast").
        let suffixed = suffix_after(gaz, t, words, i, last);
        // An initial's full stop ("U.S.") changes no key: separators at the
        // end are dropped. A single word of ASCII letters and digits is its
        // own key in lower case, as the words already hold it.
        let plain = n == 1
            && written.len() == words.lower[i].len()
            && written.bytes().all(|b| b.is_ascii_alphanumeric());
        let mut key: Cow<'_, str> = if plain {
            Cow::Borrowed(words.lower[i])
        } else {
            Cow::Owned(normalize(written))
        };
        debug_assert_eq!(key, normalize(written));
        if suffixed.is_none() && !gaz.knows_key(&key) {
            continue;
        }
        let mut surface = written.to_string();
        let mut end = end;
        if t.tokens[last].is_initial() && t.text[end..].starts_with('.') && n > 1 {
            surface.push('.');
            end += 1;
        }
        let mut count = n;
        if let Some((suffix_words, with_suffix, suffix_end, suffix_key)) = suffixed {
            surface = with_suffix;
            key = Cow::Owned(suffix_key);
            end = suffix_end;
            count += suffix_words;
        }
        let mention = Mention {
            text: surface,
            cue: cue_around(t, words, i, i + count - 1, &key),
            key: key.into_owned(),
            byte_start: t.tokens[i].start,
            byte_end: end,
            sentence: t.tokens[i].sentence,
            paragraph: t.sentences[t.tokens[i].sentence].paragraph,
            known: true,
            region: None,
            beside: None,
            located_by: None,
            listed_after: None,
            reading: None,
        };
        return Some((count, mention));
    }
    None
}

/// A region suffix of one or two words after `last`, if the name with it
/// resolves: returns (suffix words, text with suffix, end byte, its key).
fn suffix_after(
    gaz: &Gazetteer,
    t: &Tokenized<'_>,
    words: &Words<'_>,
    first: usize,
    last: usize,
) -> Option<(usize, String, usize, String)> {
    // Cheap test first: the next word must begin some suffix.
    if !words.lower.get(last + 1).is_some_and(|w| starts_suffix(w)) {
        return None;
    }
    for extra in (1..=3).rev() {
        let new_last = last + extra;
        if new_last >= t.tokens.len() || t.tokens[new_last].sentence != t.tokens[first].sentence {
            continue;
        }
        if !(last..new_last).all(|k| joins_name(t, k)) {
            continue;
        }
        let (surface, end) = span_text(t, first, new_last);
        let key = normalize(surface);
        if split_suffix(&key).is_some() && gaz.knows_key(&key) {
            return Some((extra, surface.to_string(), end, key));
        }
    }
    None
}

/// A single capitalised word that is a demonym, an ordinary English word,
/// or an all-caps abbreviation, rather than a place.
fn is_false_single_word(t: &Tokenized<'_>, words: &Words<'_>, i: usize, n: usize) -> bool {
    if n != 1 {
        return false;
    }
    if words.is(i, Class::DEMONYM | Class::COMMON_WORD) {
        return true;
    }
    // Two- and three-letter capitals (UN, EU, AFU) are abbreviations unless
    // followed by a full stop of an initial (U.S. is two words), or places
    // the press abbreviates (the DPR: Donetsk Oblast as Russia styles it).
    let raw = t.tokens[i].text;
    let abbreviation = raw.len() <= 3 && raw.chars().all(|c| c.is_uppercase());
    // "DPR forces", "a DPR official": the republic's people, not its land.
    let republic = matches!(raw, "DPR" | "LPR" | "DNR" | "LNR");
    if republic {
        let next = t.lower.get(i + 1).map_or("", |w| w.as_ref());
        let same_sentence = t
            .tokens
            .get(i + 1)
            .is_some_and(|n| n.sentence == t.tokens[i].sentence);
        return same_sentence && (UNIT_WORDS.contains(&next) || PEOPLE_OF_A_SIDE.contains(&next));
    }
    abbreviation && !matches!(raw, "US" | "UK" | "USA" | "UAE")
}

fn is_possessive(word: &str) -> bool {
    strip_possessive(word).len() != word.len()
}

/// A capitalised run the gazetteer does not know, right after a strong cue
/// ("the village of Zhelanne Pershe"): an unresolved mention.
fn unknown_after_cue(
    t: &Tokenized<'_>,
    words: &Words<'_>,
    blocked: &[bool],
    i: usize,
) -> Option<(usize, Mention)> {
    let cue = cue_before(t, words, i)?;
    if cue.strength != CueStrength::Strong {
        return None;
    }
    if words.is(i, Class::DEMONYM | Class::COMMON_WORD) {
        return None;
    }
    let n = capitalised_run(t, blocked, i);
    Some((n, unknown_mention(t, i, n, Some(cue))))
}

/// How many capitalised words from `i` can make one name: up to three,
/// joined as names are.
fn capitalised_run(t: &Tokenized<'_>, blocked: &[bool], i: usize) -> usize {
    let mut n = 1;
    while n < 3
        && i + n < t.tokens.len()
        && joins_name(t, i + n - 1)
        && !blocked[i + n]
        && t.tokens[i + n].is_capitalized()
    {
        n += 1;
    }
    n
}

/// An unresolved mention of the `n` words from `i`.
fn unknown_mention(t: &Tokenized<'_>, i: usize, n: usize, cue: Option<Cue>) -> Mention {
    let (surface, end) = span_text(t, i, i + n - 1);
    Mention {
        text: surface.to_string(),
        key: normalize(surface),
        byte_start: t.tokens[i].start,
        byte_end: end,
        sentence: t.tokens[i].sentence,
        paragraph: t.sentences[t.tokens[i].sentence].paragraph,
        cue,
        known: false,
        region: None,
        beside: None,
        located_by: None,
        listed_after: None,
        reading: None,
    }
}

/// An adjective that opens place names ("Malaya", "Velyka") and the one or
/// two capitalised words after it: an unresolved mention, the name as a
/// whole being unknown.
fn prefixed_run(
    t: &Tokenized<'_>,
    words: &Words<'_>,
    blocked: &[bool],
    i: usize,
) -> Option<(usize, Mention)> {
    if !words.is(i, Class::NAME_PREFIX) {
        return None;
    }
    let n = capitalised_run(t, blocked, i);
    (n > 1).then(|| (n, unknown_mention(t, i, n, cue_before(t, words, i))))
}

/// The cue before word `i`, if any, within its sentence.
fn cue_before(t: &Tokenized<'_>, words: &Words<'_>, i: usize) -> Option<Cue> {
    let sentence = t.tokens[i].sentence;
    let word = |k: usize| -> Option<&str> {
        let tok: &Token<'_> = t.tokens.get(k)?;
        (tok.sentence == sentence).then(|| &*words.lower[k])
    };
    let prev = if i >= 1 { word(i - 1) } else { None };
    let prev2 = if i >= 2 { word(i - 2) } else { None };
    let strong = |words: String| {
        Some(Cue {
            words,
            strength: CueStrength::Strong,
        })
    };
    match (prev2, prev) {
        (
            Some(
                p2 @ ("village" | "town" | "city" | "settlement" | "outskirts" | "direction"
                | "vicinity" | "suburbs" | "hamlet" | "villages" | "towns" | "settlements"),
            ),
            Some("of"),
        ) => strong(format!("{p2} of")),
        (Some(p2), Some("of")) if compass_bearing(p2).is_some() => strong(format!("{p2} of")),
        (
            _,
            Some(
                p @ ("near" | "outside" | "around" | "toward" | "towards" | "nearby" | "besieged"
                | "embattled" | "frontline" | "front-line"),
            ),
        ) => strong(p.to_string()),
        (
            _,
            Some(
                p @ ("in" | "at" | "from" | "into" | "to" | "via" | "across" | "through" | "past"
                | "beyond" | "captured" | "liberated" | "shelled" | "struck" | "entered"
                | "retook" | "seized" | "occupied" | "took"),
            ),
        ) => Some(Cue {
            words: p.to_string(),
            strength: CueStrength::Weak,
        }),
        _ => None,
    }
}

/// The cue around a mention: before it, or a word after it that only
/// follows places ("Kupiansk direction", "Donetsk Oblast").
fn cue_around(
    t: &Tokenized<'_>,
    words: &Words<'_>,
    first: usize,
    last: usize,
    key: &str,
) -> Option<Cue> {
    if split_suffix(key).is_some() {
        return Some(Cue {
            words: "region".into(),
            strength: CueStrength::Strong,
        });
    }
    let before = cue_before(t, words, first);
    if before
        .as_ref()
        .is_some_and(|c| c.strength == CueStrength::Strong)
    {
        return before;
    }
    if let Some(next) = t.tokens.get(last + 1) {
        let w = words.lower[last + 1].to_string();
        if next.sentence == t.tokens[last].sentence
            && matches!(
                w.as_str(),
                "direction"
                    | "axis"
                    | "sector"
                    | "outskirts"
                    | "front"
                    | "raion"
                    | "oblast"
                    | "region"
            )
        {
            return Some(Cue {
                words: w,
                strength: CueStrength::Strong,
            });
        }
    }
    before
}

/// Marks the words that belong to people and organisations.
fn blocked_tokens(t: &Tokenized<'_>, words: &Words<'_>) -> Vec<bool> {
    let n = t.tokens.len();
    let mut blocked = vec![false; n];
    let mut person_words: HashSet<String> = HashSet::default();
    let lower = &words.lower;

    let mut i = 0;
    while i < n {
        let introduces = words.is(i, Class::TITLE)
            || (t.tokens[i].is_capitalized() && words.is(i, Class::GIVEN_NAME));
        if !introduces {
            i += 1;
            continue;
        }
        // Skip a chain of titles ("Maj. Gen."), then take the capitalised run.
        let mut j = i;
        while j < n && words.is(j, Class::TITLE) && j + 1 < n && same_phrase(t, j) {
            j += 1;
        }
        let given = words.is(i, Class::GIVEN_NAME) && t.tokens[i].is_capitalized();
        let start = if given { i } else { j };
        let mut end = start;
        while end < n
            && end < start + 4
            && t.tokens[end].is_capitalized()
            && (end == start || same_phrase(t, end - 1))
        {
            end += 1;
        }
        // A given name alone ("Kim can supply") is not a person's full name.
        let run = end - start;
        if run >= 2 || (!given && run >= 1 && start > i) {
            blocked[i..start].iter_mut().for_each(|b| *b = true);
            for k in start..end {
                blocked[k] = true;
                if k > start || lower[k] == "kim" {
                    person_words.insert(lower[k].to_string());
                }
            }
            i = end;
        } else {
            i += 1;
        }
    }
    for k in 0..n {
        let tok = &t.tokens[k];
        if !tok.is_capitalized() {
            // "the Khortytsia group", "the Oskil river": the name before a
            // formation or a river is none of a settlement.
            if words.is(k, Class::LOWER_CASE_HEAD) {
                block_name_before(t, &mut blocked, k);
            }
            continue;
        }
        let w = lower[k];
        if person_words.contains(w) || words.is(k, Class::KNOWN_PERSON | Class::ORG_OR_THING) {
            blocked[k] = true;
        }
        // "Sea of Azov": the name after a feature head and "of".
        if k >= 2
            && lower[k - 1] == "of"
            && t.tokens[k - 2].is_capitalized()
            && words.is(k - 2, Class::FEATURE_OF)
        {
            blocked[k] = true;
        }
        // "Kyiv Post", "The New York Times": the capitalised run before a head noun.
        // A possessive ends the run: in "Ukraine's State Border Guard Service"
        // Ukraine owns the service and stays a place.
        if words.is(k, Class::ORG_HEAD)
            && k > 0
            && same_phrase(t, k - 1)
            && t.tokens[k - 1].is_capitalized()
        {
            blocked[k] = true;
            block_name_before(t, &mut blocked, k);
            block_numbered_name_before(t, &mut blocked, k);
        }
        // "Sea of Azov": the feature head itself is no place either.
        if words.is(k, Class::FEATURE_OF) && lower.get(k + 1).is_some_and(|&n| n == "of") {
            blocked[k] = true;
        }
    }
    blocked
}

/// Blocks the capitalised run of up to four words right before word `k`,
/// the name a head noun ends; a possessive ends the run ("Ukraine's State
/// Border Guard Service": Ukraine stays a place).
fn block_name_before(t: &Tokenized<'_>, blocked: &mut [bool], k: usize) {
    let j = name_run_before(t, k, 4, false);
    blocked[j..k].iter_mut().for_each(|b| *b = true);
}

/// Blocks the capitalised run of up to six words before the head noun at
/// `k`, possessives and all, when an ordinal comes before it: "the 1st
/// Donetsk People's Republic Army Corps" is a unit, whose name holds no
/// place.
fn block_numbered_name_before(t: &Tokenized<'_>, blocked: &mut [bool], k: usize) {
    let j = name_run_before(t, k, 6, true);
    if j > 0 && same_phrase(t, j - 1) && is_ordinal(t.tokens[j - 1].text) {
        blocked[j..k].iter_mut().for_each(|b| *b = true);
    }
}

/// Where the capitalised run of up to `max` words in one phrase right
/// before word `k` begins; a possessive ends it unless
/// `through_possessives`.
fn name_run_before(t: &Tokenized<'_>, k: usize, max: usize, through_possessives: bool) -> usize {
    let mut j = k;
    while j > 0
        && same_phrase(t, j - 1)
        && t.tokens[j - 1].is_capitalized()
        && (through_possessives || !is_possessive(t.tokens[j - 1].text))
        && k - j < max
    {
        j -= 1;
    }
    j
}

/// "1st", "22nd", "3rd", "128th".
fn is_ordinal(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s))
}

/// True when words `i` and `i + 1` are in one phrase: separated by white
/// space (or a title's full stop) within a sentence.
fn same_phrase(t: &Tokenized<'_>, i: usize) -> bool {
    let gap = t.gap(i);
    t.tokens[i].sentence == t.tokens[i + 1].sentence
        && !gap.contains('\n')
        && (gap.trim().is_empty() || gap.trim() == "." || gap == "-")
}

#[cfg(test)]
mod tests;
