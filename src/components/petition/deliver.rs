//! Getting a signature to the server on a flaky network: solve the proof-of-work, send with the signing's
//! idempotency key, try again with backoff on network failures, 5xx and 429, and keep the signature in the page's
//! storage until the server acknowledges it. The rules are in `voix_core::petition::outbox`.

use super::storage;
use crate::api::{self, Reply};
use crate::load::sleep_ms;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashSet;
use voix_core::petition::altcha::{payload, Puzzle};
use voix_core::petition::api::{ErrorReply, SignedReply};
use voix_core::petition::outbox::{backoff_ms, delivery, only_robot_check_failed, Delivery, Pending, MAX_ATTEMPTS};

/// Hashing runs in slices of about this many milliseconds, yielding to the page between them, so typing stays
/// smooth while the proof-of-work is solved.
const SLICE_MS: f64 = 12.0;

/// Counters tried between two looks at the clock.
const BATCH: u32 = 64;

/// The highest counter tried before giving up on a challenge (the server's maximum is far lower).
const MAX_COUNTER: u32 = 5_000_000;

/// Where a delivery is, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Checking,
    Sending,
}

/// How a delivery ended.
pub enum Outcome {
    /// The server has it (now, or from an earlier attempt with the same key).
    Signed(SignedReply),
    /// The server will not take it as it is: show why.
    Refused { reply: Option<ErrorReply> },
    /// Not delivered yet; kept in the queue. `offline` when the browser says it is offline.
    Saved { offline: bool },
    /// Another part of the page is delivering it right now.
    Busy,
}

thread_local! {
    /// The keys being delivered now, so an `online` event and a page-load flush never send one twice at once.
    static IN_FLIGHT: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

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

/// Delivers `entry` (already in the queue), with `presolved` as the first proof-of-work if one is ready.
pub async fn deliver(entry: Pending, presolved: Option<Value>, on_phase: impl Fn(Phase)) -> Outcome {
    let Some(key) = entry.key().map(str::to_owned) else { return Outcome::Refused { reply: None } };
    let claimed = IN_FLIGHT.with(|set| set.borrow_mut().insert(key.clone()));
    if !claimed {
        return Outcome::Busy;
    }
    let outcome = attempts(&entry, presolved, &on_phase).await;
    IN_FLIGHT.with(|set| set.borrow_mut().remove(&key));
    if matches!(outcome, Outcome::Signed(_) | Outcome::Refused { .. }) {
        storage::settle(&key);
    }
    outcome
}

async fn attempts(entry: &Pending, presolved: Option<Value>, on_phase: &impl Fn(Phase)) -> Outcome {
    let mut proof = presolved;
    let mut robot_retries = 0;
    for attempt in 1..=MAX_ATTEMPTS {
        if api::offline() {
            return Outcome::Saved { offline: true };
        }
        let mut retry_after = None;
        let answer = match proof.take() {
            Some(solved) => Ok(solved),
            None => {
                on_phase(Phase::Checking);
                solve_challenge(&entry.altcha_url()).await
            }
        };
        let result = match answer {
            Ok(solved) => {
                on_phase(Phase::Sending);
                let mut body = entry.body.clone();
                body.altcha = Some(solved);
                let json = serde_json::to_string(&body).unwrap_or_default();
                api::post_json(&entry.signatures_url(), &json).await.map_err(|_| None)
            }
            Err(failure) => Err(failure),
        };
        match result {
            Ok(reply) | Err(Some(reply)) => {
                retry_after = reply.retry_after.clone();
                match delivery(reply.status) {
                    Delivery::Acknowledged => {
                        let signed = serde_json::from_str(&reply.body).unwrap_or(SignedReply {
                            total: 0,
                            riding_total: None,
                            goal: None,
                            already_signed: false,
                            pending_confirmation: false,
                        });
                        return Outcome::Signed(signed);
                    }
                    Delivery::Refused => {
                        let error: Option<ErrorReply> = serde_json::from_str(&reply.body).ok();
                        let robot_only = error
                            .as_ref()
                            .is_some_and(|e| only_robot_check_failed(e.errors.iter().map(|f| f.path.as_str())));
                        if robot_only && robot_retries < 2 {
                            // An expired challenge, or one spent by an attempt whose answer was lost: solve anew.
                            robot_retries += 1;
                            continue;
                        }
                        return Outcome::Refused { reply: error };
                    }
                    Delivery::Retry => {}
                }
            }
            Err(None) => {
                if api::offline() {
                    return Outcome::Saved { offline: true };
                }
            }
        }
        if attempt < MAX_ATTEMPTS {
            sleep_ms(backoff_ms(attempt, retry_after.as_deref(), js_sys::Math::random()) as i32).await;
        }
    }
    Outcome::Saved { offline: api::offline() }
}
