//! Names loosely spelled in two or three words: "the area of Golay
//! Pristan" (Hola Prystan), "in Chasovoy Yar" (Chasiv Yar). No known name
//! begins at the first word, and a name the gazetteer knows may end the
//! run ("Pristan", "Yar": a Prystan of Sumy oblast, a Yar of Udmurtia), so
//! the run is read as one name when every word's consonants agree with a
//! Ukrainian settlement named in as many words.
//!
//! A name whose adjective is written in English ("Russian Tishki" for
//! Ruski Tyshky, Руські Тишки) is read with the adjective in the
//! Ukrainian and Russian forms GeoNames lists names in, when it knows the
//! name so written. A name whose words run together ("SukhyiStavok") is
//! read with a space before each capital inside it.

use super::{Mention, Words};
use crate::names::normalize;
use crate::text::Tokenized;
use crate::Gazetteer;

/// Two or three capitalised words from `i` that together sound like a
/// Ukrainian settlement named in as many words, every word's consonants
/// agreeing ([`Gazetteer::sounds_like_a_settlement_of_words`]): "Golay
/// Pristan" (Hola Prystan), "Chasovoy Yar" (Chasiv Yar). A mention known
/// only loosely ([`crate::MatchKind::Fuzzy`]), longest run first.
pub(super) fn sound_alike_run(
    gaz: &Gazetteer,
    t: &Tokenized<'_>,
    words: &Words<'_>,
    blocked: &[bool],
    i: usize,
) -> Option<(usize, Mention)> {
    let run = super::capitalised_run(t, blocked, i);
    (2..=run).rev().find_map(|n| {
        let (surface, _) = super::span_text(t, i, i + n - 1);
        gaz.sounds_like_a_settlement_of_words(&normalize(surface))
            .then(|| {
                let mut mention = super::unknown_mention(t, i, n, super::cue_before(t, words, i));
                mention.known = true;
                (n, mention)
            })
    })
}

/// English adjectives that open Ukrainian place names in translation, and
/// the forms of each in the names GeoNames lists (Ukrainian and Russian,
/// every gender).
const ADJECTIVES: &[(&str, &[&str])] = &[
    (
        "russian",
        &[
            "ruski", "ruska", "ruske", "russkie", "russkiye", "russkaya", "russkoye",
        ],
    ),
    (
        "old",
        &[
            "staryi", "stara", "stare", "staryy", "staraya", "staroye", "stary",
        ],
    ),
    (
        "new",
        &["novyi", "nova", "nove", "novyy", "novaya", "novoye", "novy"],
    ),
    (
        "great",
        &[
            "velykyi", "velyka", "velyke", "velikiy", "velikaya", "bolshaya", "bolshoy",
        ],
    ),
    (
        "little",
        &["malyi", "mala", "male", "malaya", "maloye", "maly"],
    ),
    (
        "upper",
        &[
            "verkhnii",
            "verkhnia",
            "verkhnie",
            "verkhnyaya",
            "verkhneye",
        ],
    ),
    (
        "lower",
        &["nyzhnii", "nyzhnia", "nyzhnie", "nizhnyaya", "nizhneye"],
    ),
    (
        "red",
        &[
            "chervonyi",
            "chervona",
            "chervone",
            "krasnyi",
            "krasnaya",
            "krasnoye",
            "krasny",
        ],
    ),
];

/// An English adjective and one or two capitalised words after it that
/// GeoNames knows with the adjective in a Ukrainian or Russian form:
/// "Russian Tishki" (695101 Ruski Tyshky, listed as "Rus'ki Tishki" and
/// "Russkie Tishki"). The mention keeps its text; its reading is the name
/// as GeoNames writes it.
pub(super) fn translated_adjective_run(
    gaz: &Gazetteer,
    t: &Tokenized<'_>,
    words: &Words<'_>,
    blocked: &[bool],
    i: usize,
) -> Option<(usize, Mention)> {
    let (_, forms) = ADJECTIVES.iter().find(|(en, _)| *en == words.lower[i])?;
    let run = super::capitalised_run(t, blocked, i);
    (2..=run).rev().find_map(|n| {
        let (rest, _) = super::span_text(t, i + 1, i + n - 1);
        let rest = normalize(rest);
        forms.iter().find_map(|form| {
            let key = format!("{form} {rest}");
            gaz.knows_key(&key).then(|| {
                let mut mention = super::unknown_mention(t, i, n, super::cue_before(t, words, i));
                mention.known = true;
                mention.reading = Some(key);
                (n, mention)
            })
        })
    })
}

/// A word whose capitals inside it begin the words of a name the
/// gazetteer knows, written without spaces: "SukhyiStavok" (692215 Sukhyi
/// Stavok). The mention keeps its text; its reading has the spaces.
pub(super) fn run_together(gaz: &Gazetteer, t: &Tokenized<'_>, i: usize) -> Option<Mention> {
    let word = t.tokens[i].text;
    let mut spaced = String::with_capacity(word.len() + 4);
    let mut prev_lower = false;
    let mut split = false;
    for c in word.chars() {
        if prev_lower && c.is_uppercase() {
            spaced.push(' ');
            split = true;
        }
        prev_lower = c.is_lowercase();
        spaced.push(c);
    }
    if !split || !gaz.knows_key(&normalize(&spaced)) {
        return None;
    }
    let mut mention = super::unknown_mention(t, i, 1, None);
    mention.known = true;
    mention.reading = Some(spaced);
    Some(mention)
}
