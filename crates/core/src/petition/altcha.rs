//! Solving the server's ALTCHA proof-of-work challenge (protocol v2, algorithm "SHA-256") in the widget, with no
//! JavaScript and no third party: a few hundred milliseconds of hashing that costs a person nothing and a bot that
//! signs thousands of times a lot.
//!
//! The widget fetches `GET /api/campaigns/{id}/altcha`, reads it with [`Puzzle::from_challenge`], calls
//! [`Puzzle::search`] over successive ranges of counters (yielding to the page between them), and puts
//! [`payload`] in the submission's `altcha`. The work: find the counter `n` for which
//! `SHA-256^cost(salt ‖ nonce ‖ n as 4 big-endian bytes)`, cut to `keyLength` bytes, starts with `keyPrefix`.

use super::hex;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::ops::Range;

/// A challenge, ready to be solved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Puzzle {
    cost: u32,
    key_length: usize,
    prefix: Prefix,
    /// `salt ‖ nonce`, to which each attempt appends its counter.
    seed: Vec<u8>,
}

/// What the derived key must start with.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Prefix {
    Bytes(Vec<u8>),
    /// An odd number of hex digits: compared as text.
    Hex(String),
}

/// A found answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Solution {
    pub counter: u32,
    /// The derived key, in hex.
    pub derived_key: String,
}

/// Why a challenge cannot be solved here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PuzzleError {
    /// A field is missing or of the wrong kind.
    Malformed(&'static str),
    /// An algorithm other than "SHA-256".
    UnsupportedAlgorithm,
}

/// The most hashing rounds per attempt a challenge may ask for: a guard against a server (or a man in the middle)
/// that would freeze the page.
const MAX_COST: u32 = 100_000;

impl Puzzle {
    /// Reads the server's challenge: `{"parameters": {"algorithm": "SHA-256", "cost", "keyLength", "keyPrefix",
    /// "nonce", "salt", …}, "signature": …}`.
    pub fn from_challenge(challenge: &Value) -> Result<Puzzle, PuzzleError> {
        let parameters = challenge.get("parameters").ok_or(PuzzleError::Malformed("parameters"))?;
        let text =
            |name: &'static str| parameters.get(name).and_then(Value::as_str).ok_or(PuzzleError::Malformed(name));
        let number =
            |name: &'static str| parameters.get(name).and_then(Value::as_u64).ok_or(PuzzleError::Malformed(name));
        if !text("algorithm")?.eq_ignore_ascii_case("SHA-256") {
            return Err(PuzzleError::UnsupportedAlgorithm);
        }
        let cost = u32::try_from(number("cost")?).ok().filter(|cost| *cost <= MAX_COST);
        let cost = cost.ok_or(PuzzleError::Malformed("cost"))?.max(1);
        let key_length = usize::try_from(number("keyLength")?).ok().filter(|length| (1..=32).contains(length));
        let key_length = key_length.ok_or(PuzzleError::Malformed("keyLength"))?;
        let prefix_hex = text("keyPrefix")?.to_ascii_lowercase();
        let prefix = if prefix_hex.len() % 2 == 0 {
            Prefix::Bytes(unhex(&prefix_hex).ok_or(PuzzleError::Malformed("keyPrefix"))?)
        } else if prefix_hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            Prefix::Hex(prefix_hex)
        } else {
            return Err(PuzzleError::Malformed("keyPrefix"));
        };
        let mut seed = unhex(text("salt")?).ok_or(PuzzleError::Malformed("salt"))?;
        seed.extend(unhex(text("nonce")?).ok_or(PuzzleError::Malformed("nonce"))?);
        Ok(Puzzle { cost, key_length, prefix, seed })
    }

    /// The derived key for one counter.
    pub fn derive(&self, counter: u32) -> Vec<u8> {
        let mut data = Vec::with_capacity(self.seed.len() + 4);
        data.extend_from_slice(&self.seed);
        data.extend_from_slice(&counter.to_be_bytes());
        let mut digest = Sha256::digest(&data);
        for _ in 1..self.cost {
            digest = Sha256::digest(digest);
        }
        digest[..self.key_length].to_vec()
    }

    /// Tries each counter of `counters` in order; the first that fits, if any.
    pub fn search(&self, counters: Range<u32>) -> Option<Solution> {
        counters.into_iter().find_map(|counter| {
            let key = self.derive(counter);
            self.fits(&key).then(|| Solution { counter, derived_key: hex(&key) })
        })
    }

    fn fits(&self, key: &[u8]) -> bool {
        match &self.prefix {
            Prefix::Bytes(prefix) => key.starts_with(prefix),
            Prefix::Hex(prefix) => hex(key).starts_with(prefix.as_str()),
        }
    }
}

/// The submission's `altcha`: the challenge exactly as the server sent it, and the solution.
pub fn payload(challenge: &Value, solution: &Solution) -> Value {
    json!({
        "challenge": challenge,
        "solution": {"counter": solution.counter, "derivedKey": solution.derived_key},
    })
}

/// Solves `challenge` in one go, trying counters up to `max_counter`. Handy for tests and tools; the widget
/// should search in slices so the page stays responsive.
pub fn solve(challenge: &Value, max_counter: u32) -> Result<Option<Value>, PuzzleError> {
    let puzzle = Puzzle::from_challenge(challenge)?;
    Ok(puzzle.search(0..max_counter.saturating_add(1)).map(|solution| payload(challenge, &solution)))
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let digit = |b: u8| char::from(b).to_digit(16);
    text.as_bytes().chunks(2).map(|pair| u8::try_from(digit(pair[0])? * 16 + digit(pair[1])?).ok()).collect()
}
