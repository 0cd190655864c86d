//! The one key every spelling of a name is compared by.
//!
//! This file is also compiled into `build.rs`, so it depends on nothing but
//! `std` and `unicode-normalization`.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds a name to the key that the gazetteer index is keyed by.
///
/// Treated as equal: letter case; the apostrophes `'`, `’`, `‘`, `ʼ`, `ʹ`,
/// `` ` `` and `´` (dropped); diacritics on Latin letters (`Zaporižžja` →
/// `zaporizzja`); hyphens, dashes, dots and runs of white space (one space).
/// Cyrillic letters are kept as Cyrillic, lower-cased, with `й`, `ї` and `ё`
/// intact, so that transliteration can still tell them apart.
pub fn normalize(name: &str) -> String {
    if name.is_ascii() {
        return normalize_ascii(name);
    }
    let mut out = String::with_capacity(name.len());
    // Start as if a space had been written, so leading separators vanish.
    let mut pending_space = false;
    for c in name.chars() {
        if is_apostrophe(c) {
            continue;
        }
        if is_separator(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if is_cyrillic(c) {
            out.extend(c.to_lowercase());
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            push_folded_latin(c, &mut out);
        }
    }
    out
}

/// [`normalize`] for ASCII text, byte by byte: the same rules, where the
/// only apostrophes are `'`, `` ` `` and `"`, and the separators are white
/// space and `- . , ( ) / _`.
fn normalize_ascii(name: &str) -> String {
    let mut out = Vec::with_capacity(name.len());
    let mut pending_space = false;
    for &b in name.as_bytes() {
        match b {
            b'\'' | b'`' | b'"' => {}
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | b'-' | b'.' | b',' | b'(' | b')'
            | b'/' | b'_' => pending_space = !out.is_empty(),
            _ => {
                if pending_space {
                    out.push(b' ');
                    pending_space = false;
                }
                out.push(b.to_ascii_lowercase());
            }
        }
    }
    String::from_utf8(out).expect("ASCII in, ASCII out")
}

/// A normalised key with `y` for each `i` that follows `a`, `e`, `o` or
/// `u` and comes before a consonant or the end of a word, the Russian й as
/// the press writes it ("Novomikhailovka" for Novomikhaylovka); `None` when
/// there is no such `i`.
pub fn y_after_vowel(key: &str) -> Option<String> {
    let b = key.as_bytes();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut changed = false;
    let out: Vec<u8> = (0..b.len())
        .map(|k| {
            let swap = b[k] == b'i'
                && k > 0
                && matches!(b[k - 1], b'a' | b'e' | b'o' | b'u')
                && b.get(k + 1)
                    .is_none_or(|&n| n.is_ascii_lowercase() && !is_vowel(n) || n == b' ');
            changed |= swap;
            if swap {
                b'y'
            } else {
                b[k]
            }
        })
        .collect();
    changed.then(|| String::from_utf8(out).expect("ASCII swapped for ASCII"))
}

/// The Ukrainian forms a normalised key may stand for when it is the
/// Russian form of a Ukrainian name, as Russian sources and their
/// translations write them: `g` for `h` (Gorlovka), `-ovka`, `-evka` and
/// `-eyevka` for `-ivka` (Karlovka, Andreevka and Andreyevka for Andriivka), `-skoye` for `-ske`
/// (Umanskoye), `aleks` for `oleks` (Novoaleksandrovka); the neuter and
/// feminine adjective endings `-oye`/`-oe` for `-e` (Tonenkoye, Veseloye)
/// and `-aya` for `-a` (Zolotaya), `-ovo`/`-evo` for `-ove`/`-eve`
/// (Zaitsevo), `-ino` for `-yne` (Shirokino), `-olye` for `-illia`
/// (Dobropolye for Dobropillia), and the masculine `-yy`, `-iy`
/// and `-ny` for `-yi`, `-nyi` (Krasny for Krasnyi), `-sky` for `-skyi`;
/// a masculine adjective (`-sky`, `-skiy`, `-ny`, `-nyy`) also for the
/// neuter village name (Spirny → Spirne, Pridneprovsky → Prydniprovske);
/// Russian `Бел-` before a vowel for Ukrainian `Біл-` (Belozerka →
/// Bilozerka, Belogorka → Bilohirka). One form with every
/// rule, one without `g` → `h` when that differs; then, for a name one word of which
/// took an ending rule, the same with the Russian letters of its stems
/// rewritten as Ukrainian spelling has them: `i` as `y` (и:
/// Staromikhaylovka), `y` after a vowel before a consonant as `i` (й),
/// and `ya`, `yu`, `ye` inside a word as `ia`, `iu`, `ie` (я, ю, є:
/// Ozaryanovka, Kurdyumovka); and that with `o` and `e` as `i` in a closed
/// syllable (Yagodnoye → Yahidne). Only forms that GeoNames knows find places:
/// the rules propose, the gazetteer disposes. A name with none of these
/// endings gives its [`national_letters`] form, if that differs. Empty when
/// no rule applies.
pub fn ukrainian_forms(key: &str) -> Vec<String> {
    if !key.is_ascii() {
        return Vec::new();
    }
    let mut forms = forms_with(key, russian_ending);
    // A masculine adjective ("Spirny", "Pridneprovsky") is also the
    // neuter village name it agrees with in Russian reporting ("the
    // settlement of Spirny": Spirne, Prydniprovske).
    for form in forms_with(key, neuter_ending) {
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    // Without any Russian ending, a BGN/PCGN spelling of a Ukrainian name
    // ("Kotlyarivka", "Sofiyivka") in the national system's letters.
    if forms.is_empty() {
        forms.extend(national_letters(key));
    } else {
        for k in 0..forms.len() {
            if let Some(form) = national_letters(&forms[k]) {
                if !forms.contains(&form) {
                    forms.push(form);
                }
            }
        }
    }
    forms
}

/// The Ukrainian ending of a word with a Russian place name's ending.
fn russian_ending(w: &str) -> Option<String> {
    for (ru, uk) in [
        ("eyevka", "iivka"),
        ("ayevka", "aivka"),
        ("eevka", "iivka"),
        ("aevka", "aivka"),
        ("ovka", "ivka"),
        ("evka", "ivka"),
        ("skoye", "ske"),
        ("skoe", "ske"),
        ("skaya", "ska"),
        ("oye", "e"),
        ("oe", "e"),
        ("aya", "a"),
        // Russian `-полье` is Ukrainian `-пілля` (Dobropolye, Dobropillia).
        ("olye", "illia"),
        ("olie", "illia"),
        ("ovo", "ove"),
        ("evo", "eve"),
        ("ino", "yne"),
        ("sky", "skyi"),
        ("yy", "yi"),
        ("iy", "yi"),
        ("ny", "nyi"),
    ] {
        if let Some(stem) = w.strip_suffix(ru) {
            if stem.len() >= 2 {
                return Some(format!("{stem}{uk}"));
            }
        }
    }
    None
}

/// The neuter ending of a word with a Russian masculine adjective's
/// (`-sky`, `-skiy`, `-ny`, `-nyy`, `-niy`: Spirny → Spirne).
fn neuter_ending(w: &str) -> Option<String> {
    for (ru, uk) in [
        ("skiy", "ske"),
        ("skii", "ske"),
        ("sky", "ske"),
        ("nyy", "ne"),
        ("niy", "ne"),
        ("ny", "ne"),
    ] {
        if let Some(stem) = w.strip_suffix(ru) {
            if stem.len() >= 3 {
                return Some(format!("{stem}{uk}"));
            }
        }
    }
    None
}

/// The forms of [`ukrainian_forms`] with one table of endings; empty when
/// no word of the key takes an ending of the table and none begins with
/// Russian `Бел-` (`bel` before a vowel: Belozerka, Belogorka).
fn forms_with(key: &str, ending: fn(&str) -> Option<String>) -> Vec<String> {
    // Only a word ending like a Russian place name is rewritten: the
    // endings carry the evidence, `g` and `aleks` follow them.
    let mut changed = false;
    let words: Vec<String> = key
        .split(' ')
        .map(|w| match ending(w) {
            Some(uk) => {
                changed = true;
                uk.replace("aleks", "oleks")
            }
            None => w.to_string(),
        })
        .collect();
    let white = key.split(' ').any(white_stem);
    if !changed && !white {
        return Vec::new();
    }
    let without_h = words.join(" ");
    let with_h = without_h.replace('g', "h");
    let mut forms = vec![with_h];
    if without_h != forms[0] {
        forms.push(without_h);
    }
    // The stem's letters as Ukrainian spelling has them, in every word of a
    // name one of whose words took an ending rule ("Zolotaya Niva").
    let ukrainian: Vec<String> = forms[0].split(' ').map(ukrainian_letters).collect();
    let respelled = ukrainian.join(" ");
    // Ukrainian `і` for the `о` and `е` of a closed syllable (Yagodnoye →
    // Yahidne, Novoselovskoye → Novoselivske).
    let closed_words: Vec<String> = ukrainian.iter().map(|w| closed_syllables(w)).collect();
    let closed = closed_words.join(" ");
    // The adjective suffix `-ovske` of a name made from a noun
    // (Pridneprovsky → Prydniprovske) keeps its `o`.
    let kept: Vec<String> = ukrainian
        .iter()
        .map(|w| match w.strip_suffix("ovske") {
            Some(stem) => format!("{}ovske", closed_syllables(stem)),
            None => closed_syllables(w),
        })
        .collect();
    let kept = kept.join(" ");
    for form in [respelled, closed, kept] {
        if !forms.contains(&form) {
            forms.push(form);
        }
    }
    // In a name of two or three words each word's closed syllables are its
    // own, and a noun's last syllable closed by its last consonant is one
    // too: "Chervoniy Oskol" is Chervonyi Oskil (Червоний Оскіл), the `e`
    // of the adjective kept and the noun's final `o` closed.
    let words = ukrainian.len();
    if (2..=3).contains(&words) {
        let choices: Vec<Vec<String>> = (0..words)
            .map(|k| {
                let mut c = vec![ukrainian[k].clone(), closed_words[k].clone()];
                for w in [
                    final_syllable(&ukrainian[k]),
                    final_syllable(&closed_words[k]),
                ] {
                    c.extend(w);
                }
                c.sort();
                c.dedup();
                c
            })
            .collect();
        let mut picks = vec![0usize; words];
        loop {
            let form: Vec<&str> = (0..words).map(|k| choices[k][picks[k]].as_str()).collect();
            let form = form.join(" ");
            if !forms.contains(&form) {
                forms.push(form);
            }
            // The next combination, as an odometer.
            let Some(k) = (0..words).find(|&k| picks[k] + 1 < choices[k].len()) else {
                break;
            };
            picks[k] += 1;
            picks[..k].iter_mut().for_each(|p| *p = 0);
        }
    }
    if white {
        // Russian `Бел-` ("white") is Ukrainian `Біл-`, after the other
        // letters are respelled, so that its `i` stays.
        for k in 0..forms.len() {
            let form: Vec<String> = forms[k]
                .split(' ')
                .map(|w| match w.strip_prefix("bel") {
                    Some(rest) if rest.starts_with(['a', 'o', 'y', 'i']) => format!("bil{rest}"),
                    _ => w.to_string(),
                })
                .collect();
            let form = form.join(" ");
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// True for a word that begins with Russian `Бел-` before a vowel
/// (`bel` then `a`, `o`, `y`: Belaya, Belozerka, Belyaevka).
fn white_stem(w: &str) -> bool {
    w.len() >= 6
        && w.strip_prefix("bel")
            .is_some_and(|rest| rest.starts_with(['a', 'o', 'y']))
}

/// A BGN/PCGN spelling in the letters of Ukraine's national system:
/// `ya`, `yu`, `ye` inside a word as `ia`, `iu`, `ie`, and `yi` after
/// a vowel as `i` (Kotlyarivka → Kotliarivka, Vodyane → Vodiane, Sofiyivka
/// → Sofiivka); a word's first letter is kept. `None` when nothing changes.
pub fn national_letters(key: &str) -> Option<String> {
    let b = key.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut out = Vec::with_capacity(b.len());
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        let starts_word = k == 0 || b[k - 1] == b' ';
        let prev = (!starts_word).then(|| b[k - 1]);
        let next = b.get(k + 1).copied();
        match (c, prev, next) {
            (b'y', Some(p), Some(b'a' | b'u' | b'e')) if p.is_ascii_lowercase() => out.push(b'i'),
            (b'y', Some(p), Some(b'i')) if vowel(p) => {}
            _ => out.push(c),
        }
        k += 1;
    }
    let out = String::from_utf8(out).expect("ASCII changed for ASCII");
    (out != key).then_some(out)
}

/// The Ukrainian spellings of a name of two or more words written in
/// Russian letters with no Russian ending to show it ("Velyka Novoselka",
/// "Gola Pristan"): `g` as `h`, the stem letters of [`ukrainian_forms`]
/// (`i` as `y`, `ya` as `ia`…), then `o` and `e` as `i` in a closed
/// syllable. For a lookup that found nothing else; empty for one word (a
/// capitalised English word would find villages) and when nothing changes.
pub fn loose_ukrainian_forms(key: &str) -> Vec<String> {
    if !key.is_ascii() || !key.contains(' ') {
        return Vec::new();
    }
    let letters: Vec<String> = key
        .split(' ')
        .map(|w| ukrainian_letters(&w.replace('g', "h")))
        .collect();
    let closed: Vec<String> = letters.iter().map(|w| closed_syllables(w)).collect();
    let mut forms = Vec::new();
    for form in [letters.join(" "), closed.join(" ")] {
        if form != key && !forms.contains(&form) {
            forms.push(form);
        }
    }
    forms
}

/// A name with Ukrainian `щ` written `sch`, as German and Polish
/// transliteration write it ("Scherbaky", "Khreschenivka"), in the
/// national system's `shch`; `None` when there is no such `sch`.
pub fn shch_for_sch(key: &str) -> Option<String> {
    let b = key.as_bytes();
    let mut out = String::with_capacity(key.len() + 2);
    let mut changed = false;
    for (k, c) in key.char_indices() {
        // `sch` not already the end of `shch`.
        if c == 'c'
            && k > 0
            && b[k - 1] == b's'
            && b.get(k + 1) == Some(&b'h')
            && !(k >= 2 && b[k - 2] == b'h')
        {
            out.push_str("hc");
            changed = true;
            continue;
        }
        out.push(c);
    }
    changed.then_some(out)
}

/// A word with `o` and `e` written `i` where a consonant and another
/// consonant follow them (a closed syllable: Ukrainian `і` for the `о`
/// and `е` of Russian spellings there: Yahodne → Yahidne); the first letter
/// and the Ukrainian endings `-ivka`, `-yi`, `-yne` are kept. Digraphs
/// (`kh`, `zh`, `sh`, `ch`, `ts`) are one consonant followed by another.
fn closed_syllables(word: &str) -> String {
    let b = word.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let consonant = |k: usize| {
        b.get(k)
            .is_some_and(|&c| c.is_ascii_lowercase() && !vowel(c))
    };
    let keep_from = ["iivka", "aivka", "ivka", "yi", "yne"]
        .iter()
        .find(|e| word.ends_with(*e))
        .map_or(b.len(), |e| b.len() - e.len());
    let out: Vec<u8> = (0..b.len())
        .map(|k| {
            let closed = k > 0
                && k < keep_from
                && matches!(b[k], b'o' | b'e')
                && consonant(k + 1)
                && consonant(k + 2);
            if closed {
                b'i'
            } else {
                b[k]
            }
        })
        .collect();
    String::from_utf8(out).expect("ASCII swapped for ASCII")
}

/// A word whose last syllable is an `o` or `e` closed by one final
/// consonant, with that vowel as Ukrainian `і` (Oskol → Oskil, Orekhov →
/// Orikhiv); `None` for any other word, or one of fewer than four letters.
fn final_syllable(word: &str) -> Option<String> {
    let b = word.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let n = b.len();
    (n >= 4 && matches!(b[n - 2], b'o' | b'e') && !vowel(b[n - 1]) && !vowel(b[n - 3]))
        .then(|| format!("{}i{}", &word[..n - 2], &word[n - 1..]))
}

/// A word with the Russian spellings of its letters rewritten as Ukrainian
/// ones (see [`ukrainian_forms`]): `i` → `y`; `y` → `i` after a vowel and
/// before a consonant; `ya`, `yu`, `ye` → `ia`, `iu`, `ie` after a
/// consonant. The word's first letter and an `i` of `-ivka`, `-yi`, `-yne`
/// (already Ukrainian) are kept.
fn ukrainian_letters(word: &str) -> String {
    let b = word.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let keep_from = ["iivka", "aivka", "ivka", "yi", "yne"]
        .iter()
        .find(|e| word.ends_with(*e))
        .map_or(b.len(), |e| b.len() - e.len());
    let mut out = Vec::with_capacity(b.len());
    for (k, &c) in b.iter().enumerate() {
        let next = b.get(k + 1).copied();
        let prev = if k > 0 { Some(b[k - 1]) } else { None };
        let swapped = if k == 0 || k >= keep_from {
            c
        } else if c == b'i' {
            b'y'
        } else if c == b'y' {
            match (prev, next) {
                (Some(p), Some(n)) if vowel(p) && n.is_ascii_lowercase() && !vowel(n) => b'i',
                (Some(p), Some(b'a' | b'u' | b'e')) if !vowel(p) => b'i',
                (Some(p), None) if vowel(p) => b'i',
                _ => c,
            }
        } else {
            c
        };
        out.push(swapped);
    }
    String::from_utf8(out).expect("ASCII swapped for ASCII")
}

/// A normalised key with the softening of `ю` restored where a writer
/// dropped it: `i` (Ukraine's national system) or `y` (BGN/PCGN) put
/// between a consonant and `u` ("Myrolubivka" for Myroliubivka or
/// Myrolyubivka), at up to two places, each letter throughout; empty when
/// there is no such `u`, or the key is shorter than six letters (short
/// English words such as "tube" would find villages).
pub fn softened_forms(key: &str) -> Vec<String> {
    let b = key.as_bytes();
    let softens = |c: u8| b"bdfhklmnprstvz".contains(&c);
    let at: Vec<usize> = (1..b.len())
        .filter(|&k| b[k] == b'u' && softens(b[k - 1]))
        .take(2)
        .collect();
    if at.is_empty() || !key.is_ascii() || key.len() < 6 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for letter in ['i', 'y'] {
        // Every non-empty subset of the places, fewest changes first.
        let mut subsets: Vec<Vec<usize>> = (1..1u32 << at.len())
            .map(|mask| {
                (0..at.len())
                    .filter(|&j| mask & (1 << j) != 0)
                    .map(|j| at[j])
                    .collect()
            })
            .collect();
        subsets.sort_by_key(Vec::len);
        for subset in subsets {
            let mut form = String::with_capacity(key.len() + subset.len());
            for (k, c) in key.char_indices() {
                if subset.contains(&k) {
                    form.push(letter);
                }
                form.push(c);
            }
            out.push(form);
        }
    }
    out
}

/// Apostrophe-like marks that reporters put into transliterated names
/// (`Vovchans'k`, `Kup’yans’k`) or leave out: they never change the name.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’'
            | '‘'
            | 'ʼ'
            | 'ʹ'
            | '`'
            | '´'
            | 'ʻ'
            | 'ʽ'
            | '′'
            | '"'
            | '“'
            | '”'
            | 'ˮ'
            | 'ʺ'
    )
}

/// Characters that separate the words of a name, all folded to one space.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '.' | ',' | '(' | ')' | '/' | '_' | '·'
        )
}

/// True for letters of the Cyrillic blocks.
pub fn is_cyrillic(c: char) -> bool {
    matches!(c as u32, 0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F)
}

/// True for letters of the Latin blocks (basic, supplements, extended, IPA).
// Used by the gazetteer builder (xtask/), which compiles this file in.
#[allow(dead_code)]
pub fn is_latin(c: char) -> bool {
    matches!(c as u32,
        0x0041..=0x005A | 0x0061..=0x007A | 0x00C0..=0x024F | 0x0250..=0x02AF
        | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F)
}

/// Removes diacritics from one non-ASCII Latin letter and lower-cases it.
fn push_folded_latin(c: char, out: &mut String) {
    let special = match c {
        'ł' | 'Ł' => Some("l"),
        'ø' | 'Ø' => Some("o"),
        'đ' | 'Đ' | 'ð' | 'Ð' => Some("d"),
        'ß' | 'ẞ' => Some("ss"),
        'æ' | 'Æ' => Some("ae"),
        'œ' | 'Œ' => Some("oe"),
        'þ' | 'Þ' => Some("th"),
        'ı' => Some("i"),
        'ħ' | 'Ħ' => Some("h"),
        _ => None,
    };
    if let Some(s) = special {
        out.push_str(s);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn normalizing_folds_case_apostrophes_diacritics_and_hyphens() {
        assert_eq!(normalize("Vovchans’k"), "vovchansk");
        assert_eq!(normalize("Chasiv-Yar"), normalize("chasiv yar"));
        assert_eq!(normalize("Zaporižžja"), "zaporizzja");
        assert_eq!(normalize("Київ"), "київ");
    }

    #[test]
    fn an_i_after_a_vowel_before_a_consonant_is_also_read_as_y() {
        assert_eq!(
            y_after_vowel("novomikhailovka").as_deref(),
            Some("novomikhaylovka")
        );
        assert_eq!(y_after_vowel("kharkiv"), None);
        assert_eq!(y_after_vowel("kyiv"), None);
    }

    #[test]
    fn russian_spellings_give_the_ukrainian_forms_geonames_may_know() {
        assert_eq!(ukrainian_forms("karlovka"), ["karlivka"]);
        assert_eq!(ukrainian_forms("gorlovka")[..2], ["horlivka", "gorlivka"]);
        assert_eq!(ukrainian_forms("novoaleksandrovka")[0], "novooleksandrivka");
        assert_eq!(ukrainian_forms("andreevka"), ["andriivka"]);
        assert_eq!(ukrainian_forms("andreyevka"), ["andriivka"]);
        assert_eq!(
            ukrainian_forms("sergeyevka")[..2],
            ["serhiivka", "sergiivka"]
        );
        assert_eq!(ukrainian_forms("umanskoye"), ["umanske"]);
        assert_eq!(ukrainian_forms("tonenkoye")[0], "tonenke");
        assert_eq!(ukrainian_forms("shirokino"), ["shirokyne", "shyrokyne"]);
        assert!(ukrainian_forms("staromikhaylovka").contains(&"staromykhailivka".to_string()));
        assert!(ukrainian_forms("kurdyumovka").contains(&"kurdiumivka".to_string()));
        assert!(ukrainian_forms("zolotaya niva").contains(&"zolota nyva".to_string()));
        assert!(ukrainian_forms("yagodnoye").contains(&"yahidne".to_string()));
        assert!(ukrainian_forms("spirny").contains(&"spirne".to_string()));
        assert!(ukrainian_forms("pridneprovsky").contains(&"prydniprovske".to_string()));
        assert!(ukrainian_forms("belozerka").contains(&"bilozerka".to_string()));
        assert!(ukrainian_forms("belogorka").contains(&"bilohirka".to_string()));
        assert!(ukrainian_forms("belyaevka").contains(&"biliaivka".to_string()));
        assert_eq!(ukrainian_forms("kotlyarivka"), ["kotliarivka"]);
        assert_eq!(ukrainian_forms("dobropolye")[0], "dobropillia");
        assert!(ukrainian_forms("belopolye").contains(&"bilopillia".to_string()));
        assert!(ukrainian_forms("kharkiv").is_empty());
    }

    #[test]
    fn bgn_spellings_give_the_letters_of_the_national_system() {
        assert_eq!(
            national_letters("kotlyarivka").as_deref(),
            Some("kotliarivka")
        );
        assert_eq!(national_letters("sofiyivka").as_deref(), Some("sofiivka"));
        assert_eq!(national_letters("vodyane").as_deref(), Some("vodiane"));
        assert_eq!(national_letters("kyiv"), None);
    }

    #[test]
    fn names_of_several_words_in_russian_letters_give_ukrainian_spellings() {
        assert!(loose_ukrainian_forms("velyka novoselka").contains(&"velyka novosilka".to_string()));
        assert!(loose_ukrainian_forms("gola pristan").contains(&"hola prystan".to_string()));
        assert!(loose_ukrainian_forms("novoselka").is_empty());
    }

    #[test]
    fn sch_is_read_as_shch() {
        assert_eq!(shch_for_sch("scherbaky").as_deref(), Some("shcherbaky"));
        assert_eq!(
            shch_for_sch("khreschenivka").as_deref(),
            Some("khreshchenivka")
        );
        assert_eq!(shch_for_sch("shcherbaky"), None);
    }

    #[test]
    fn a_dropped_softening_before_u_is_restored_in_long_names_only() {
        assert_eq!(
            softened_forms("myrolubivka"),
            ["myroliubivka", "myrolyubivka"]
        );
        assert!(softened_forms("kharkiv").is_empty());
        assert!(softened_forms("tube").is_empty());
    }

    #[test]
    fn case_is_ignored() {
        assert_eq!(normalize("KHARKIV"), normalize("kharkiv"));
    }

    #[test]
    fn every_apostrophe_is_dropped() {
        for form in ["Kup'yans'k", "Kup’yans’k", "Kupʼyansʼk", "Kupʹyansʹk"] {
            assert_eq!(normalize(form), "kupyansk", "{form}");
        }
    }

    #[test]
    fn diacritics_on_latin_letters_are_removed() {
        assert_eq!(normalize("Záporožská"), "zaporozska");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("Kyïv"), "kyiv");
    }

    #[test]
    fn hyphen_and_space_are_the_same() {
        assert_eq!(normalize("Velyka-Novosilka"), "velyka novosilka");
        assert_eq!(normalize("  Velyka   Novosilka "), "velyka novosilka");
        assert_eq!(normalize("Chasiv–Yar"), "chasiv yar");
    }

    #[test]
    fn cyrillic_short_i_and_yi_survive() {
        assert_eq!(normalize("Гуляйполе"), "гуляйполе");
        assert_eq!(normalize("Авдіївка"), "авдіївка");
    }

    #[test]
    fn ascii_text_takes_the_same_rules_as_any_other() {
        // Every ASCII character, alone and between letters: the byte-wise
        // path must agree with the rules written for any character.
        for b in 0u8..128 {
            let c = b as char;
            for text in [format!("{c}"), format!(" Ab{c}Cd{c} "), format!("{c}{c}x")] {
                let slow = {
                    // Force the general path: a non-ASCII separator it drops.
                    let with_dash = format!("{text}—");
                    normalize(&with_dash)
                };
                assert_eq!(normalize(&text), slow, "{text:?}");
            }
        }
    }

    #[test]
    fn empty_and_punctuation_only_become_empty() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" - ' "), "");
    }
    #[test]
    fn each_word_of_a_russian_name_closes_its_own_syllables() {
        // UA.txt: 710514 Oskil (Kharkiv), formerly Червоний Оскіл
        // ("Chervonyi Oskil" in the national system; "Chervonyy Oskol").
        let forms = ukrainian_forms("chervoniy oskol");
        assert!(forms.contains(&"chervonyi oskil".to_string()), "{forms:?}");
        assert_eq!(final_syllable("oskol").as_deref(), Some("oskil"));
        assert_eq!(final_syllable("orekhov").as_deref(), Some("orekhiv"));
        assert_eq!(final_syllable("yar"), None);
        assert_eq!(final_syllable("stavka"), None);
    }
}
