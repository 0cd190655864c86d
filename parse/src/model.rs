//! The model file: the tagger's and the parser's weights in one binary.
//!
//! Layout (little-endian):
//!
//! | bytes | what |
//! |---|---|
//! | 8 | magic `FLPARSE\0` |
//! | 2 | format version (2) |
//! | 1 + names | the tag names, each a length byte and UTF-8 |
//! | 1 + names | the relation names, likewise |
//! | table × 3 | tagger's first pass, its second pass, then parser: `f32` scale, `u32` feature count, then per feature, in ascending key order, the key's difference from the previous key (the first: from 0) as an unsigned LEB128 varint, a `u8` count, and count × (`u8` class, `i16` weight) |
//! | 8 | FNV-1a 64 of every byte before it |
//!
//! Tags and relations must be those of this crate ([`Upos::ALL`],
//! [`Deprel::ALL`]) in that order, so a model from another version of the
//! label set is refused rather than misread.

use crate::weights::Weights;
use crate::{Deprel, Upos};
use std::fmt;

const MAGIC: &[u8; 8] = b"FLPARSE\0";
const VERSION: u16 = 2;

/// A model file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// The byte offset where reading failed.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "parser model, byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for ModelError {}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Serialises the three tables.
pub(crate) fn write(tagger: &Weights, tagger2: &Weights, parser: &Weights) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    let names = |out: &mut Vec<u8>, names: &mut dyn Iterator<Item = &'static str>| {
        let names: Vec<&str> = names.collect();
        out.push(names.len() as u8);
        for n in names {
            out.push(n.len() as u8);
            out.extend_from_slice(n.as_bytes());
        }
    };
    names(&mut out, &mut Upos::ALL.iter().map(|t| t.name()));
    names(&mut out, &mut Deprel::ALL.iter().map(|d| d.name()));
    for w in [tagger, tagger2, parser] {
        out.extend_from_slice(&w.scale.to_le_bytes());
        out.extend_from_slice(&(w.features() as u32).to_le_bytes());
        let mut previous = 0u32;
        for (key, classes, values) in w.iter() {
            debug_assert!(key >= previous, "keys in ascending order");
            let mut delta = key.wrapping_sub(previous);
            previous = key;
            loop {
                let byte = (delta & 0x7f) as u8;
                delta >>= 7;
                if delta == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            out.push(classes.len() as u8);
            for (&c, &v) in classes.iter().zip(values) {
                out.push(c);
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
    }
    let sum = fnv(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn err(&self, message: impl Into<String>) -> ModelError {
        ModelError {
            offset: self.at,
            message: message.into(),
        }
    }
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        match end {
            Some(end) => {
                let s = &self.bytes[self.at..end];
                self.at = end;
                Ok(s)
            }
            None => Err(self.err(format!("file ends inside a {n}-byte field"))),
        }
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut v: u32 = 0;
        for shift in [0, 7, 14, 21, 28] {
            let b = self.u8()?;
            let part = u32::from(b & 0x7f);
            if shift == 28 && part > 0x0f {
                return Err(self.err("a key difference overflows 32 bits"));
            }
            v |= part << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(self.err("a key difference runs past 5 bytes"))
    }

    fn names(&mut self, what: &str, expected: &[&str]) -> Result<(), ModelError> {
        let n = usize::from(self.u8()?);
        let mut found = Vec::with_capacity(n);
        for _ in 0..n {
            let len = usize::from(self.u8()?);
            let at = self.at;
            let s = std::str::from_utf8(self.take(len)?).map_err(|_| ModelError {
                offset: at,
                message: format!("a {what} name is not UTF-8"),
            })?;
            found.push(s.to_string());
        }
        if found != expected {
            return Err(self.err(format!(
                "the model's {what} names differ from this crate's ({} vs {})",
                found.len(),
                expected.len()
            )));
        }
        Ok(())
    }
    fn table(&mut self, classes: usize) -> Result<Weights, ModelError> {
        let scale = f32::from_le_bytes(self.array()?);
        if !(scale.is_finite() && scale > 0.0) {
            return Err(self.err(format!("scale {scale} is not a positive number")));
        }
        let count = u32::from_le_bytes(self.array()?) as usize;
        // Each feature takes at least 2 bytes: a corrupt count cannot make
        // us reserve more than the file could hold.
        if count > self.bytes.len() / 2 {
            return Err(self.err(format!("{count} features cannot fit in the file")));
        }
        let mut w = Weights::with_scale(scale);
        let mut pairs: Vec<(u8, i16)> = Vec::new();
        let mut previous: Option<u32> = None;
        for _ in 0..count {
            let at = self.at;
            let delta = self.varint()?;
            let key = match previous {
                None => Some(delta),
                Some(_) if delta == 0 => None,
                Some(p) => p.checked_add(delta),
            }
            .ok_or_else(|| ModelError {
                offset: at,
                message: "feature keys are not strictly ascending".into(),
            })?;
            previous = Some(key);
            let n = usize::from(self.u8()?);
            pairs.clear();
            for _ in 0..n {
                let c = self.u8()?;
                if usize::from(c) >= classes {
                    return Err(self.err(format!("class {c} of {classes}")));
                }
                pairs.push((c, i16::from_le_bytes(self.array()?)));
            }
            w.push(key, &pairs);
        }
        Ok(w)
    }
}

/// Reads the three tables (tagger's passes, parser) from model bytes.
pub(crate) fn read(bytes: &[u8]) -> Result<(Weights, Weights, Weights), ModelError> {
    let mut r = Reader { bytes, at: 0 };
    if bytes.len() < MAGIC.len() + 2 + 8 || &bytes[..8] != MAGIC {
        return Err(r.err("not a frontline-parse model (no FLPARSE magic)"));
    }
    let body = bytes.len() - 8;
    let mut sum = [0u8; 8];
    sum.copy_from_slice(&bytes[body..]);
    if fnv(&bytes[..body]) != u64::from_le_bytes(sum) {
        return Err(ModelError {
            offset: body,
            message: "checksum mismatch: the file is damaged".into(),
        });
    }
    r.bytes = &bytes[..body];
    r.at = 8;
    let version = u16::from_le_bytes(r.array()?);
    if version != VERSION {
        return Err(r.err(format!(
            "format version {version}, this crate reads {VERSION}"
        )));
    }
    let tags: Vec<&str> = Upos::ALL.iter().map(|t| t.name()).collect();
    r.names("tag", &tags)?;
    let rels: Vec<&str> = Deprel::ALL.iter().map(|d| d.name()).collect();
    r.names("relation", &rels)?;
    let tagger = r.table(Upos::ALL.len())?;
    let tagger2 = r.table(Upos::ALL.len())?;
    let parser = r.table(crate::system::moves())?;
    if r.at != r.bytes.len() {
        return Err(r.err("bytes left after the parser's table"));
    }
    Ok((tagger, tagger2, parser))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Vec<u8> {
        let mut t = Weights::with_scale(0.5);
        t.push(3, &[(1, 7), (4, -2)]);
        t.push(300_000, &[(2, 1)]);
        let mut p = Weights::with_scale(0.25);
        p.push(9, &[(0, 1)]);
        write(&t, &t, &p)
    }

    #[test]
    fn a_model_round_trips_through_bytes() {
        let bytes = small();
        let (t, t2, p) = read(&bytes).unwrap();
        assert_eq!((t.features(), t.weights(), p.weights()), (2, 3, 1));
        assert_eq!(write(&t, &t2, &p), bytes);
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_an_error_not_a_panic() {
        let bytes = small();
        for n in 0..bytes.len() {
            assert!(read(&bytes[..n]).is_err(), "truncated to {n}");
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x40;
            assert!(read(&b).is_err(), "byte {i} flipped");
        }
    }
}
