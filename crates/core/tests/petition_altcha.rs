//! The widget's ALTCHA solver (`voix_core::petition::altcha`) on hand-made challenges. The server's tests check
//! it against the official `altcha` crate's verification.

use serde_json::json;
use voix_core::petition::altcha::{payload, solve, Puzzle, PuzzleError, Solution};
use voix_core::petition::hex;

fn challenge(prefix: &str, cost: u32) -> serde_json::Value {
    json!({
        "parameters": {"algorithm": "SHA-256", "cost": cost, "keyLength": 32, "keyPrefix": prefix,
                       "nonce": "000102030405060708090a0b0c0d0e0f", "salt": "f0e0d0c0b0a090807060504030201000",
                       "expiresAt": 1, "data": {"campaign": "c"}},
        "signature": "00"
    })
}

#[test]
fn the_counter_whose_key_has_the_prefix_is_found() {
    // Deterministic mode: the server derives the key of a counter it chose and asks for its first 16 bytes.
    let probe = Puzzle::from_challenge(&challenge("00", 3)).expect("puzzle");
    let key = probe.derive(1234);
    let prefix = hex(&key[..16]);
    let puzzle = Puzzle::from_challenge(&challenge(&prefix, 3)).expect("puzzle");
    assert_eq!(puzzle.search(0..1000), None, "not in the first slice");
    let found = puzzle.search(1000..2000).expect("found in the second slice");
    assert_eq!(found, Solution { counter: 1234, derived_key: hex(&key) });
}

#[test]
fn odd_prefixes_compare_as_hex_text() {
    let puzzle = Puzzle::from_challenge(&challenge("0", 1)).expect("puzzle");
    let found = puzzle.search(0..10_000).expect("one in sixteen keys starts with 0");
    assert!(found.derived_key.starts_with('0'));
}

#[test]
fn the_payload_carries_the_challenge_unchanged() {
    let challenge = challenge("0", 1);
    let solved = solve(&challenge, 10_000).expect("solvable").expect("found");
    assert_eq!(solved["challenge"], challenge, "the signed parameters must come back exactly");
    assert!(solved["solution"]["counter"].is_u64());
    let counter = u32::try_from(solved["solution"]["counter"].as_u64().unwrap_or(0)).expect("u32");
    let again = payload(&challenge, &Solution { counter, derived_key: "x".into() });
    assert_eq!(again["solution"]["derivedKey"], "x");
}

#[test]
fn unusable_challenges_are_refused_not_attempted() {
    let mut other = challenge("00", 1);
    other["parameters"]["algorithm"] = json!("PBKDF2/SHA-256");
    assert_eq!(Puzzle::from_challenge(&other), Err(PuzzleError::UnsupportedAlgorithm));
    let mut costly = challenge("00", 1);
    costly["parameters"]["cost"] = json!(10_000_000);
    assert_eq!(Puzzle::from_challenge(&costly), Err(PuzzleError::Malformed("cost")));
    let mut bad_prefix = challenge("zz", 1);
    bad_prefix["parameters"]["keyPrefix"] = json!("zz");
    assert_eq!(Puzzle::from_challenge(&bad_prefix), Err(PuzzleError::Malformed("keyPrefix")));
    assert_eq!(Puzzle::from_challenge(&json!({})), Err(PuzzleError::Malformed("parameters")));
}
