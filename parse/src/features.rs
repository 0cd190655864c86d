//! Hashed features. A word's strings (its lowercased form, suffixes,
//! prefixes, shape) are hashed once per sentence into a [`Lex`]; a feature
//! is a template number mixed with one to three such hashes or tags, folded
//! to 32 bits. Nothing here allocates: the same hashes are computed at
//! training and at parsing time, so collisions are the same in both.

/// FNV-1a offset basis (64-bit).
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Mixes `v` into the running hash `h` (a multiply-xorshift step).
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    let x = (h ^ v.wrapping_add(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 31)
}

/// The 32-bit key of a feature: template `t` with values `a`, `b`, `c`.
#[inline]
pub fn key(t: u64, a: u64, b: u64, c: u64) -> u32 {
    let h = mix(mix(mix(mix(FNV_OFFSET, t), a), b), c);
    (h ^ (h >> 32)) as u32
}

#[inline]
fn fnv_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Hashes a fixed string (a placeholder such as "<none>").
pub fn hash_str(s: &str) -> u64 {
    s.chars().fold(FNV_OFFSET, fnv_char)
}

/// Lowercases the way features see words: by `char::to_lowercase`.
fn lower_chars(word: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase)
}

/// The hashed strings of one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lex {
    /// The normalised form: lowercased; numbers as "<year>" or "<num>".
    pub word: u64,
    /// The word as written (case kept).
    pub raw: u64,
    /// Suffixes of 1 to 4 characters (lowercased).
    pub suffix: [u64; 4],
    /// Prefixes of 1 to 3 characters (lowercased).
    pub prefix: [u64; 3],
    /// The shape: X for upper case, x lower, d digit, other characters as
    /// themselves, runs longer than two collapsed ("Kyiv" → "Xxx").
    pub shape: u64,
}

impl Lex {
    /// The hashes of `word`.
    pub fn of(word: &str) -> Lex {
        let first_digit = word.chars().next().is_some_and(|c| c.is_ascii_digit());
        let norm = if first_digit {
            if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
                hash_str("<year>")
            } else {
                hash_str("<num>")
            }
        } else {
            lower_chars(word).fold(FNV_OFFSET, fnv_char)
        };
        let mut suffix = [0u64; 4];
        let mut h = FNV_OFFSET ^ 1;
        let mut rev = lower_chars(word).rev();
        for slot in suffix.iter_mut() {
            if let Some(c) = rev.next() {
                h = fnv_char(h, c);
            }
            *slot = h;
        }
        let mut prefix = [0u64; 3];
        let mut h = FNV_OFFSET ^ 2;
        let mut fwd = lower_chars(word);
        for slot in prefix.iter_mut() {
            if let Some(c) = fwd.next() {
                h = fnv_char(h, c);
            }
            *slot = h;
        }
        let mut shape = FNV_OFFSET ^ 3;
        let (mut last, mut run) = ('\0', 0);
        for c in word.chars() {
            let s = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else {
                c
            };
            if s == last {
                run += 1;
            } else {
                last = s;
                run = 1;
            }
            if run <= 2 {
                shape = fnv_char(shape, s);
            }
        }
        Lex {
            raw: hash_str(word) ^ 4,
            word: norm,
            suffix,
            prefix,
            shape,
        }
    }

    /// The placeholder for a position outside the sentence.
    pub fn none() -> Lex {
        let h = hash_str("<none>");
        Lex {
            raw: h,
            word: h,
            suffix: [h; 4],
            prefix: [h; 3],
            shape: h,
        }
    }

    /// The placeholder for the artificial root at the end of the buffer.
    pub fn root() -> Lex {
        let h = hash_str("<root>");
        Lex {
            raw: h,
            word: h,
            suffix: [h; 4],
            prefix: [h; 3],
            shape: h,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_does_not_change_the_word_but_changes_the_shape() {
        let (a, b) = (Lex::of("Captured"), Lex::of("captured"));
        assert_eq!(a.word, b.word);
        assert_eq!(a.suffix, b.suffix);
        assert_ne!(a.shape, b.shape);
    }

    #[test]
    fn years_and_numbers_share_a_form() {
        assert_eq!(Lex::of("2024").word, Lex::of("1999").word);
        assert_eq!(Lex::of("12").word, Lex::of("3,000").word);
        assert_ne!(Lex::of("2024").word, Lex::of("12").word);
    }

    #[test]
    fn different_templates_give_different_keys() {
        assert_ne!(key(1, 5, 0, 0), key(2, 5, 0, 0));
        assert_eq!(key(1, 5, 0, 0), key(1, 5, 0, 0));
    }
}
