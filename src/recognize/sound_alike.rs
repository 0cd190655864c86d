//! Names loosely spelled in two or three words: "the area of Golay
//! Pristan" (Hola Prystan), "in Chasovoy Yar" (Chasiv Yar). No known name
//! begins at the first word, and a name the gazetteer knows may end the
//! run ("Pristan", "Yar": a Prystan of Sumy oblast, a Yar of Udmurtia), so
//! the run is read as one name when every word's consonants agree with a
//! Ukrainian settlement named in as many words.

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
