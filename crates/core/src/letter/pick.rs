//! Which wording each letter uses, from its seed.
//!
//! Every slot (the subject, the opening, each talking point by id, the closing) draws from its own stream,
//! `splitmix64(seed ^ hash(slot))`: ticking another point never changes this point's wording, and switching
//! language keeps the same index (the translation of the same wording, when both lists are parallel).
//! A few lines instead of the `rand` crate keep the wasm bundle small; nothing here needs to be unpredictable.

/// One step of SplitMix64 (Steele, Lea and Flood, 2014): a bijective mix with good avalanche, enough to spread
/// neighbouring seeds over all choices.
#[inline]
pub fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a over the parts, with a separator so that ("ab", "c") and ("a", "bc") differ.
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0xFF)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    hash
}

/// A slot of the letter that picks one wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot<'a> {
    Subject,
    Opening,
    Point(&'a str),
    Closing,
}

impl Slot<'_> {
    fn key(self) -> u64 {
        match self {
            Slot::Subject => fnv1a(&["subject"]),
            Slot::Opening => fnv1a(&["opening"]),
            Slot::Point(id) => fnv1a(&["point", id]),
            Slot::Closing => fnv1a(&["closing"]),
        }
    }
}

/// The index (below `count`) that the letter with this seed uses for this slot; 0 when `count` is 0.
pub fn pick(seed: u64, slot: Slot<'_>, count: usize) -> usize {
    if count == 0 {
        return 0;
    }
    // The modulo bias is below count / 2^64: irrelevant for a handful of wordings.
    (splitmix64(seed ^ slot.key()) % count as u64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // The reference generator's first outputs from state 0 (state advances by the golden gamma each call).
        assert_eq!(splitmix64(0), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(0x9E37_79B9_7F4A_7C15), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn slots_draw_independently() {
        assert_ne!(Slot::Point("a").key(), Slot::Point("b").key());
        assert_ne!(fnv1a(&["ab", "c"]), fnv1a(&["a", "bc"]));
        assert_eq!(pick(42, Slot::Opening, 0), 0);
        assert_eq!(pick(42, Slot::Opening, 1), 0);
    }
}
