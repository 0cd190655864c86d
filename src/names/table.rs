//! A static hash table from normalised names to where their postings lie.
//!
//! `build.rs` lays the table out as two byte arrays that the library embeds
//! and reads in place, so a lookup costs one hash and, on average, under two
//! probes, with no start-up work:
//! - slots: a `u32` header (the number of hash bits), then 2^bits
//!   little-endian `u32` slots, each the offset of a record or `u32::MAX`
//!   for an empty slot (open addressing, linear probing);
//! - records: for each key, its length (`u16`), its bytes, and its value
//!   (the low 6 bytes of a `u64`).
//!
//! This file is also compiled into `build.rs`, so both sides hash alike.

/// The bytes of a value in a record.
const VALUE_BYTES: usize = 6;

/// The largest value a record holds.
// Used by build.rs, which compiles this file in to write the index.
#[allow(dead_code)]
pub const MAX_VALUE: u64 = (1 << (8 * VALUE_BYTES)) - 1;

/// Hashes a key: FxHash's multiply-rotate over 8-byte words, then a final
/// mix so that the top bits, which pick the slot, depend on every byte.
pub fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = key.len() as u64;
    let mut words = key.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    let rest = words.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    (h ^ (h >> 32)).wrapping_mul(K)
}

/// Lays out the table for `entries` (distinct keys, each at most
/// `u16::MAX` bytes, values at most [`MAX_VALUE`]): returns (slots,
/// records). Slots are at most half full. The layout depends only on the
/// entries' order.
// Used by build.rs, which compiles this file in to write the index.
#[allow(dead_code)]
pub fn build(entries: &[(&[u8], u64)]) -> (Vec<u8>, Vec<u8>) {
    let mut bits: u32 = 1;
    while (1usize << bits) < entries.len() * 2 {
        bits += 1;
    }
    let mask = (1usize << bits) - 1;
    let mut slots = vec![u32::MAX; 1 << bits];
    let mut records = Vec::new();
    for &(key, value) in entries {
        assert!(key.len() <= usize::from(u16::MAX), "key too long");
        assert!(value <= MAX_VALUE, "value too large");
        let offset = u32::try_from(records.len()).expect("records fit u32 offsets");
        records.extend_from_slice(&(key.len() as u16).to_le_bytes());
        records.extend_from_slice(key);
        records.extend_from_slice(&value.to_le_bytes()[..VALUE_BYTES]);
        let mut i = slot_of(key, bits);
        while slots[i] != u32::MAX {
            i = (i + 1) & mask;
        }
        slots[i] = offset;
    }
    let mut out = Vec::with_capacity(4 + slots.len() * 4);
    out.extend_from_slice(&bits.to_le_bytes());
    for s in slots {
        out.extend_from_slice(&s.to_le_bytes());
    }
    (out, records)
}

fn slot_of(key: &[u8], bits: u32) -> usize {
    (hash(key) >> (64 - bits)) as usize
}

/// The table, read in place from the bytes [`build`] laid out.
#[derive(Clone, Copy, Debug)]
pub struct NameTable<'a> {
    bits: u32,
    slots: &'a [u8],
    records: &'a [u8],
}

impl<'a> NameTable<'a> {
    /// Reads the table; `None` when the slot bytes are malformed.
    pub fn new(slots: &'a [u8], records: &'a [u8]) -> Option<NameTable<'a>> {
        let header: [u8; 4] = slots.get(..4)?.try_into().ok()?;
        let bits = u32::from_le_bytes(header);
        let body = &slots[4..];
        (1..=31).contains(&bits).then_some(())?;
        (body.len() == 4 << bits).then_some(NameTable {
            bits,
            slots: body,
            records,
        })
    }

    /// Every value stored, read through the records in their order, or
    /// `None` when a record runs past the bytes (a table read from a
    /// damaged file).
    pub fn values(&self) -> Option<Vec<u64>> {
        let mut values = Vec::new();
        let mut r = self.records;
        while !r.is_empty() {
            let len = usize::from(u16::from_le_bytes([*r.first()?, *r.get(1)?]));
            let v = r.get(2 + len..2 + len + VALUE_BYTES)?;
            let mut value = [0u8; 8];
            value[..VALUE_BYTES].copy_from_slice(v);
            values.push(u64::from_le_bytes(value));
            r = &r[2 + len + VALUE_BYTES..];
        }
        Some(values)
    }

    /// The number of empty slots: a lookup of a key not in the table ends
    /// at one, so a table read from a file needs at least one.
    pub fn empty_slots(&self) -> usize {
        self.slots
            .chunks_exact(4)
            .filter(|s| s == &[0xFF; 4])
            .count()
    }

    /// The value stored under `key`. A slot or record that points outside
    /// the bytes (a damaged table) reads as no value, never out of bounds.
    pub fn get(&self, key: &[u8]) -> Option<u64> {
        let mask = (1usize << self.bits) - 1;
        let mut i = slot_of(key, self.bits);
        loop {
            let s = &self.slots[i * 4..i * 4 + 4];
            let offset = u32::from_le_bytes([s[0], s[1], s[2], s[3]]);
            if offset == u32::MAX {
                return None;
            }
            let r = self.records.get(offset as usize..)?;
            let len = usize::from(u16::from_le_bytes([*r.first()?, *r.get(1)?]));
            if r.get(2..2 + len)? == key {
                let mut value = [0u8; 8];
                value[..VALUE_BYTES].copy_from_slice(r.get(2 + len..2 + len + VALUE_BYTES)?);
                return Some(u64::from_le_bytes(value));
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_finds_its_value_and_no_other_key_finds_one() {
        let keys: Vec<String> = (0..5000).map(|i| format!("name {i}")).collect();
        let entries: Vec<(&[u8], u64)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_bytes(), i as u64 * 977))
            .collect();
        let (slots, records) = build(&entries);
        let table = NameTable::new(&slots, &records).unwrap();
        for (key, value) in &entries {
            assert_eq!(table.get(key), Some(*value));
        }
        for i in 5000..10000 {
            assert_eq!(table.get(format!("name {i}").as_bytes()), None);
        }
        assert_eq!(table.get(b""), None);
    }

    #[test]
    fn the_largest_value_and_an_empty_key_round_trip() {
        let entries: Vec<(&[u8], u64)> = vec![(b"", 1), (b"kharkiv", MAX_VALUE)];
        let (slots, records) = build(&entries);
        let table = NameTable::new(&slots, &records).unwrap();
        assert_eq!(table.get(b""), Some(1));
        assert_eq!(table.get(b"kharkiv"), Some(MAX_VALUE));
    }

    #[test]
    fn a_slot_pointing_past_the_records_reads_as_no_value() {
        let entries: Vec<(&[u8], u64)> = vec![(b"kyiv", 7), (b"sumy", 9)];
        let (mut slots, records) = build(&entries);
        for s in slots[4..].chunks_exact_mut(4) {
            if s != [0xFF; 4] {
                s.copy_from_slice(&u32::MAX.wrapping_sub(1).to_le_bytes());
            }
        }
        let table = NameTable::new(&slots, &records).unwrap();
        assert_eq!(table.get(b"kyiv"), None);
        assert_eq!(table.values().map(|v| v.len()), Some(2));
        assert!(table.empty_slots() > 0);
    }

    #[test]
    fn malformed_slot_bytes_are_refused() {
        assert!(NameTable::new(&[1, 0], &[]).is_none());
        assert!(NameTable::new(&[2, 0, 0, 0, 0, 0, 0, 0], &[]).is_none());
    }
}
