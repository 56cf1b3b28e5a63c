//! Getting a signature to the server on a flaky network: solve the proof-of-work, send with the signing's
//! idempotency key, try again with backoff on network failures, 5xx and 429, and keep the signature in the page's
//! storage until the server acknowledges it. The rules are in `voix_core::petition::outbox`.

use super::storage;
use crate::api;
use crate::load::sleep_ms;
use crate::proof_of_work::solve_challenge;
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashSet;
use voix_core::petition::api::{ErrorReply, SignedReply};
use voix_core::petition::outbox::{backoff_ms, delivery, only_robot_check_failed, Delivery, Pending, MAX_ATTEMPTS};

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
