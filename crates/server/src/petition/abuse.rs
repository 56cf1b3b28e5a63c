//! Abuse protection without a third party: the ALTCHA proof of work (with a store of used challenges) and rate
//! limits per client address and per email.
//!
//! The replay store is in memory, and the challenges' signing keys are made at start-up and never stored: a
//! challenge is good for [`CHALLENGE_TTL`] on the process that issued it, and its signature is remembered until
//! it expires, so each solved challenge signs once. A restart forgets the used challenges but also changes the
//! keys, so no challenge issued before it can be replayed after it (a person mid-form gets a new challenge: the
//! widget fetches one when `altcha` is refused). Keeping the store in the database would cost a write per
//! signature for no gain while one process serves the petition; several processes behind one address would need
//! sticky sessions (or a shared store), which this version does not offer.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use altcha::{CreateChallengeOptions, Payload, VerifySolutionOptions};
use base64::Engine as _;
use serde_json::Value;

use crate::error::Error;
use crate::ids::now_secs;

/// How long a challenge may be solved and used.
pub const CHALLENGE_TTL: Duration = Duration::from_secs(20 * 60);

/// Past this many entries a limiter drops its full buckets (at most every [`PRUNE_EVERY`]).
const PRUNE_AT: usize = 50_000;

/// How often the replay store drops expired challenges, and a large limiter its full buckets.
const PRUNE_EVERY: Duration = Duration::from_secs(30);
/// The most entries a limiter holds (about 64 bytes each). Reached only when more distinct clients than this
/// are inside one period at once: the limiter then drops its full buckets at once, and if that is not enough
/// starts afresh, so memory stays bounded whatever the number of addresses an attacker has.
pub const MAX_KEYS: usize = 200_000;

/// Issues and checks ALTCHA challenges (algorithm SHA-256, deterministic mode, signed).
pub struct Altcha {
    secret: String,
    key_secret: String,
    max_number: u32,
    cost: u32,
    /// Used challenges, by signature: when they expire, and the idempotency key of the submission that used them
    /// (a retry of the same submission may present the same challenge again).
    used: Mutex<Used>,
}

/// The replay store.
struct Used {
    by_signature: HashMap<String, (i64, Option<String>)>,
    pruned: Instant,
}

impl std::fmt::Debug for Altcha {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Altcha").field("max_number", &self.max_number).field("cost", &self.cost).finish()
    }
}

impl Altcha {
    pub fn new(max_number: u32, cost: u32) -> Result<Altcha, Error> {
        Ok(Altcha {
            secret: crate::ids::secret_hex().map_err(Error::Random)?,
            key_secret: crate::ids::secret_hex().map_err(Error::Random)?,
            max_number: max_number.max(1),
            cost: cost.max(1),
            used: Mutex::new(Used { by_signature: HashMap::new(), pruned: Instant::now() }),
        })
    }

    /// A new challenge, as JSON: `{"parameters": {…}, "signature": "…"}`.
    pub fn challenge(&self) -> Result<Value, Error> {
        let random = crate::ids::random_bytes::<4>().map_err(Error::Random)?;
        let counter = u32::from_be_bytes(random) % self.max_number.saturating_add(1).max(1);
        let expires = now_secs() + i64::try_from(CHALLENGE_TTL.as_secs()).unwrap_or(1200);
        let options = CreateChallengeOptions {
            algorithm: "SHA-256".to_owned(),
            cost: self.cost,
            counter: Some(counter),
            expires_at: Some(expires),
            hmac_signature_secret: Some(self.secret.clone()),
            hmac_key_signature_secret: Some(self.key_secret.clone()),
            ..CreateChallengeOptions::default()
        };
        let challenge =
            altcha::create_challenge(options).map_err(|error| Error::Message(format!("ALTCHA challenge: {error}")))?;
        serde_json::to_value(challenge).map_err(|error| Error::Message(format!("ALTCHA challenge: {error}")))
    }

    /// Whether `payload` (`{"challenge", "solution"}`, or the ALTCHA widget's base64 of it) solves a challenge of
    /// this process that has not expired and was not used by another submission; marks it used.
    pub fn verify(&self, payload: Option<&Value>, idempotency_key: Option<&str>) -> bool {
        let Some(payload) = payload.and_then(read_payload) else { return false };
        let options = VerifySolutionOptions {
            hmac_key_signature_secret: Some(self.key_secret.clone()),
            ..VerifySolutionOptions::new(&payload.challenge, &payload.solution, self.secret.clone())
        };
        let verified = altcha::verify_solution(options).is_ok_and(|result| result.verified);
        let (Some(signature), true) = (payload.challenge.signature, verified) else { return false };
        let expires = payload.challenge.parameters.expires_at.unwrap_or(0);
        let now = now_secs();
        let mut guard = self.used.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let used = &mut *guard;
        if used.pruned.elapsed() > PRUNE_EVERY {
            used.by_signature.retain(|_, (expires, _)| *expires >= now);
            used.pruned = Instant::now();
        }
        match used.by_signature.get(&signature) {
            // The same submission sent again (a retry after a lost reply): the writer answers it once.
            Some((_, Some(key))) => idempotency_key == Some(key.as_str()),
            Some((_, None)) => false,
            None => {
                used.by_signature.insert(signature, (expires, idempotency_key.map(str::to_owned)));
                true
            }
        }
    }
}

fn read_payload(value: &Value) -> Option<Payload> {
    match value {
        Value::String(text) => {
            let bytes = base64::engine::general_purpose::STANDARD.decode(text.trim()).ok()?;
            serde_json::from_slice(&bytes).ok()
        }
        other => serde_json::from_value(other.clone()).ok(),
    }
}

/// Token buckets by key: `capacity` requests at once, refilled at `capacity` per `period`.
pub struct RateLimiter<K> {
    capacity: f64,
    per_second: f64,
    buckets: Mutex<Buckets<K>>,
}

/// Tokens left and when they were counted, by key; and when full buckets were last dropped.
type Buckets<K> = (HashMap<K, (f64, Instant)>, Instant);

impl<K> std::fmt::Debug for RateLimiter<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RateLimiter").field("capacity", &self.capacity).finish_non_exhaustive()
    }
}

impl<K: Eq + Hash> RateLimiter<K> {
    /// A limiter; `capacity` 0 lets everything through.
    pub fn new(capacity: u32, period: Duration) -> Self {
        let capacity = f64::from(capacity);
        let buckets = Mutex::new((HashMap::new(), Instant::now()));
        RateLimiter { capacity, per_second: capacity / period.as_secs_f64(), buckets }
    }

    /// Takes one token for `key`, or says in how many seconds one will be there.
    pub fn check(&self, key: K) -> Result<(), u64> {
        if self.capacity <= 0.0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut guard = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (buckets, pruned) = &mut *guard;
        let full = buckets.len() >= MAX_KEYS && !buckets.contains_key(&key);
        if full || (buckets.len() > PRUNE_AT && pruned.elapsed() > PRUNE_EVERY) {
            let (capacity, rate) = (self.capacity, self.per_second);
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * rate < capacity);
            *pruned = now;
            if buckets.len() >= MAX_KEYS {
                buckets.clear();
            }
        }
        let (tokens, at) = buckets.entry(key).or_insert((self.capacity, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.per_second).min(self.capacity);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            let wait = (1.0 - *tokens) / self.per_second;
            Err(wait.ceil().max(1.0) as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use voix_core::petition::altcha::solve;

    #[test]
    fn a_bucket_empties_and_says_when_to_come_back() {
        let limiter = RateLimiter::new(2, Duration::from_secs(60));
        assert!(limiter.check("a").is_ok());
        assert!(limiter.check("a").is_ok());
        assert_eq!(limiter.check("a"), Err(30));
        assert!(limiter.check("b").is_ok(), "another key has its own bucket");
        let open = RateLimiter::new(0, Duration::from_secs(60));
        assert!((0..100).all(|_| open.check("a").is_ok()));
    }

    #[test]
    fn many_distinct_clients_cannot_grow_a_limiter_without_bound() {
        let limiter = RateLimiter::new(5, Duration::from_secs(60));
        for key in 0..(MAX_KEYS as u64 + 1000) {
            assert!(limiter.check(key).is_ok());
        }
        let held = limiter.buckets.lock().map(|guard| guard.0.len()).unwrap_or(usize::MAX);
        assert!(held <= MAX_KEYS, "{held} entries");
        // Still limiting.
        for _ in 0..5 {
            let _ = limiter.check(u64::MAX);
        }
        assert!(limiter.check(u64::MAX).is_err());
    }

    #[test]
    fn the_widget_solver_solves_the_server_challenge_once() {
        let altcha = Altcha::new(50, 2).unwrap();
        let challenge = altcha.challenge().unwrap();
        let payload = solve(&challenge, 50).unwrap().expect("solved within max_number");
        assert!(altcha.verify(Some(&payload), Some("key-aaaaaaaaaaaaaaaa")));
        assert!(altcha.verify(Some(&payload), Some("key-aaaaaaaaaaaaaaaa")), "the same submission again");
        assert!(!altcha.verify(Some(&payload), Some("key-bbbbbbbbbbbbbbbb")), "another submission: replay");
        assert!(!altcha.verify(Some(&payload), None));
        let base64 = base64::engine::general_purpose::STANDARD.encode(payload.to_string());
        let fresh = solve(&altcha.challenge().unwrap(), 50).unwrap().unwrap();
        let fresh64 = Value::String(base64::engine::general_purpose::STANDARD.encode(fresh.to_string()));
        assert!(altcha.verify(Some(&fresh64), None), "the ALTCHA widget's base64 form");
        assert!(!altcha.verify(Some(&Value::String(base64)), None));
        let other = Altcha::new(50, 2).unwrap();
        let foreign = solve(&other.challenge().unwrap(), 50).unwrap().unwrap();
        assert!(!altcha.verify(Some(&foreign), None), "another process's challenge");
        assert!(!altcha.verify(None, None));
        let mut wrong = solve(&altcha.challenge().unwrap(), 50).unwrap().unwrap();
        wrong["solution"]["derivedKey"] = Value::from("00");
        assert!(!altcha.verify(Some(&wrong), None));
    }
}
