//! The proof of work a signature and a server letter carry: fetch the server's ALTCHA challenge and solve it in
//! wasm (the rules are in `voix_core::petition::altcha`), in slices, so the page stays responsive meanwhile.

use crate::api::{self, Reply};
use crate::load::sleep_ms;
use serde_json::Value;
use voix_core::petition::altcha::{payload, Puzzle};

/// Hashing runs in slices of about this many milliseconds, yielding to the page between them, so typing stays
/// smooth while the proof-of-work is solved.
const SLICE_MS: f64 = 12.0;

/// Counters tried between two looks at the clock.
const BATCH: u32 = 64;

/// The highest counter tried before giving up on a challenge (the server's maximum is far lower).
const MAX_COUNTER: u32 = 5_000_000;

/// Solves the campaign's ALTCHA challenge, yielding to the page between slices. `Err(Some(reply))` when the
/// server answered with an error, `Err(None)` on a network failure or an unsolvable challenge.
pub async fn solve_challenge(altcha_url: &str) -> Result<Value, Option<Reply>> {
    let reply = api::get(altcha_url).await.map_err(|_| None)?;
    if reply.status != 200 {
        return Err(Some(reply));
    }
    let challenge: Value = serde_json::from_str(&reply.body).map_err(|_| None)?;
    let puzzle = Puzzle::from_challenge(&challenge).map_err(|_| None)?;
    let mut start = 0u32;
    let mut slice_started = js_sys::Date::now();
    while start < MAX_COUNTER {
        let end = start.saturating_add(BATCH);
        if let Some(solution) = puzzle.search(start..end) {
            return Ok(payload(&challenge, &solution));
        }
        start = end;
        if js_sys::Date::now() - slice_started > SLICE_MS {
            sleep_ms(0).await;
            slice_started = js_sys::Date::now();
        }
    }
    Err(None)
}
