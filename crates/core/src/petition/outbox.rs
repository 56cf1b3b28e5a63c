//! The widget's delivery rules for a signature on a flaky network: what to keep until the server acknowledges it,
//! when to try again, and what an answer means. Plain functions, so the widget stays thin and the rules are tested
//! here.
//!
//! A signature is never lost and never counted twice: the widget keeps a [`Pending`] entry (the submission, with
//! its idempotency key and without its proof-of-work, which expires) in the page's storage until the server
//! acknowledges it, and every attempt sends the same key, so the server counts it once however often it arrives.
//!
//! The page's storage belongs to the partner's site, and every script on it can read it, so it keeps the least
//! for the shortest time: nothing once the server has acknowledged, at most [`MAX_KEPT_SECS`] otherwise, and
//! never the free-text fields in [`NEVER_STORED`] (a comment such as "I was surveilled at a protest" stays in
//! the page's memory only).

use super::submission::SignatureSubmission;
use serde::{Deserialize, Serialize};

/// The most signatures kept waiting in one browser: a person signs a campaign once; a few leave room for
/// several campaigns or partners, and the limit keeps a broken page from filling the storage.
pub const MAX_PENDING: usize = 5;

/// How many times one attempt to deliver tries before it waits for the next page load or `online` event.
pub const MAX_ATTEMPTS: u32 = 6;

/// The longest wait between two tries, in milliseconds.
pub const MAX_BACKOFF_MS: u32 = 30_000;

/// How long a draft or a waiting signature stays in the page's storage: a day, then it is dropped unread.
pub const MAX_KEPT_SECS: u64 = 24 * 3600;

/// The fields never written to the page's storage (free text that can say anything about the person).
pub const NEVER_STORED: &[&str] = &["comment"];

/// `fields` without [`NEVER_STORED`].
fn storable(
    fields: &std::collections::BTreeMap<String, serde_json::Value>,
) -> std::collections::BTreeMap<String, serde_json::Value> {
    fields
        .iter()
        .filter(|(name, _)| !NEVER_STORED.contains(&name.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// Whether something saved at `saved_at` is still young enough at `now` (both unix seconds; a date in the
/// future, from a clock that moved back, counts as expired too).
fn fresh(saved_at: u64, now: u64) -> bool {
    saved_at <= now.saturating_add(60) && now.saturating_sub(saved_at) <= MAX_KEPT_SECS
}

/// A signature waiting for the server's acknowledgement: where to send it and what. Nothing else is kept.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pending {
    /// The campaign's API root: `https://voix.example.org/api/campaigns/{id}` (`/signatures` and `/altcha` below).
    pub api: String,
    /// The submission, with its idempotency key and without `altcha` (solved afresh for each delivery).
    pub body: SignatureSubmission,
    /// When it was first kept (unix seconds): after [`MAX_KEPT_SECS`] it is dropped.
    pub saved_at: u64,
}

impl Pending {
    /// The entry for `body`; its proof-of-work is dropped (it expires, and a fresh one is cheap).
    pub fn new(api: &str, mut body: SignatureSubmission, now: u64) -> Pending {
        body.altcha = None;
        Pending { api: api.trim_end_matches('/').to_owned(), body, saved_at: now }
    }

    pub fn key(&self) -> Option<&str> {
        self.body.idempotency_key.as_deref()
    }

    pub fn signatures_url(&self) -> String {
        format!("{}/signatures", self.api)
    }

    pub fn altcha_url(&self) -> String {
        format!("{}/altcha", self.api)
    }
}

/// Reads the stored queue at `now` (unix seconds); anything unreadable (an older format, a hand edit) or older
/// than [`MAX_KEPT_SECS`] is dropped rather than blocking the page.
pub fn read_queue(json: Option<&str>, now: u64) -> Vec<Pending> {
    let Some(json) = json else { return Vec::new() };
    let Ok(items) = serde_json::from_str::<Vec<serde_json::Value>>(json) else { return Vec::new() };
    items
        .into_iter()
        .filter_map(|item| serde_json::from_value::<Pending>(item).ok())
        .filter(|entry| entry.key().is_some() && fresh(entry.saved_at, now))
        .take(MAX_PENDING)
        .collect()
}

/// The queue as stored: without the fields in [`NEVER_STORED`].
pub fn write_queue(queue: &[Pending]) -> String {
    let stored: Vec<Pending> = queue
        .iter()
        .map(|entry| {
            let mut entry = entry.clone();
            entry.body.fields = storable(&entry.body.fields);
            entry
        })
        .collect();
    serde_json::to_string(&stored).unwrap_or_else(|_| "[]".to_owned())
}

/// Adds `entry`, replacing an entry with the same key (the same signing) and dropping the oldest beyond
/// [`MAX_PENDING`].
pub fn enqueue(queue: &mut Vec<Pending>, entry: Pending) {
    queue.retain(|item| item.key() != entry.key());
    queue.push(entry);
    while queue.len() > MAX_PENDING {
        queue.remove(0);
    }
}

/// Removes the entry with idempotency key `key`, once the server has answered for good.
pub fn settle(queue: &mut Vec<Pending>, key: &str) {
    queue.retain(|item| item.key() != Some(key));
}

/// What an HTTP status means for a pending signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Stored (or already stored under this key): drop it from the queue.
    Acknowledged,
    /// The server will not take it as it is (400, 404, 413, 422, 403, …): drop it and tell the person.
    Refused,
    /// Try again later: the network, 408, 425, 429 or a 5xx.
    Retry,
}

pub fn delivery(status: u16) -> Delivery {
    match status {
        200..=299 => Delivery::Acknowledged,
        408 | 425 | 429 | 500..=599 => Delivery::Retry,
        _ => Delivery::Refused,
    }
}

/// The wait before try number `attempt` (1 for the first retry): exponential from one second, capped, with the
/// server's `Retry-After` (seconds) as a floor. `jitter` in `0.0..1.0` spreads the retries of many pages apart.
pub fn backoff_ms(attempt: u32, retry_after: Option<&str>, jitter: f64) -> u32 {
    let base = 1_000u32.saturating_mul(1u32 << attempt.saturating_sub(1).min(5)).min(MAX_BACKOFF_MS);
    let spread = (f64::from(base) * 0.25 * jitter.clamp(0.0, 1.0)) as u32;
    let wait = base.saturating_add(spread).min(MAX_BACKOFF_MS);
    match retry_after.and_then(retry_after_seconds) {
        Some(seconds) => wait.max(seconds.saturating_mul(1_000).min(10 * MAX_BACKOFF_MS)),
        None => wait,
    }
}

/// `Retry-After` in seconds (the HTTP date form is not used by the Voix server and is ignored).
pub fn retry_after_seconds(value: &str) -> Option<u32> {
    let value = value.trim();
    (!value.is_empty() && value.len() <= 6 && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| value.parse().ok())
        .flatten()
}

/// Whether the server's 422 is only about the proof-of-work (expired, or used by an attempt whose answer was
/// lost): solve a new one and send again with the same key.
pub fn only_robot_check_failed<'a>(paths: impl IntoIterator<Item = &'a str>) -> bool {
    let mut any = false;
    for path in paths {
        if path != "altcha" {
            return false;
        }
        any = true;
    }
    any
}

/// A new idempotency key from 16 random bytes: 32 hex digits.
pub fn idempotency_key(random: [u8; 16]) -> String {
    super::hex(&random)
}

/// What the person has typed and ticked so far, kept in the tab's session storage so that nothing is lost on an
/// error or a reload. No proof-of-work, no key: only the answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    #[serde(default)]
    pub fields: std::collections::BTreeMap<String, serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub riding: Option<crate::FedNum>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consents: Vec<super::ConsentTo>,
    /// When it was stored (unix seconds; set by [`Draft::write`]): after [`MAX_KEPT_SECS`] it is dropped.
    #[serde(default)]
    pub saved_at: u64,
}

impl Draft {
    /// The draft stored at `json`, read at `now` (unix seconds); an unreadable one, or one older than
    /// [`MAX_KEPT_SECS`], is an empty draft.
    pub fn read(json: Option<&str>, now: u64) -> Draft {
        json.and_then(|json| serde_json::from_str::<Draft>(json).ok())
            .filter(|draft| fresh(draft.saved_at, now))
            .unwrap_or_default()
    }

    /// The draft to store at `now`: without the fields in [`NEVER_STORED`].
    pub fn write(&self, now: u64) -> String {
        let draft = Draft { fields: storable(&self.fields), saved_at: now, ..self.clone() };
        serde_json::to_string(&draft).unwrap_or_else(|_| "{}".to_owned())
    }

    pub fn is_empty(&self) -> bool {
        self.fields.values().all(|v| v.as_str().is_some_and(|s| s.is_empty()) || v == &serde_json::Value::Bool(false))
            && self.riding.is_none()
            && self.consents.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn entry(key: &str) -> Pending {
        let mut body = SignatureSubmission::new("c", None, Lang::En);
        body.idempotency_key = Some(key.to_owned());
        body.altcha = Some(serde_json::json!({"challenge": {}, "solution": {}}));
        Pending::new("https://v.example/api/campaigns/c/", body, NOW)
    }

    /// 2026-12-04, in unix seconds.
    const NOW: u64 = 1_796_342_400;

    #[test]
    fn an_entry_keeps_no_proof_of_work_and_knows_its_urls() {
        let pending = entry("k1k1k1k1k1k1k1k1");
        assert_eq!(pending.body.altcha, None);
        assert_eq!(pending.signatures_url(), "https://v.example/api/campaigns/c/signatures");
        assert_eq!(pending.altcha_url(), "https://v.example/api/campaigns/c/altcha");
    }

    #[test]
    fn the_queue_round_trips_replaces_the_same_signing_and_stays_small() {
        let mut queue = Vec::new();
        enqueue(&mut queue, entry("aaaaaaaaaaaaaaaa"));
        enqueue(&mut queue, entry("aaaaaaaaaaaaaaaa"));
        assert_eq!(queue.len(), 1);
        for i in 0..10 {
            enqueue(&mut queue, entry(&format!("bbbbbbbbbbbbbbb{i}")));
        }
        assert_eq!(queue.len(), MAX_PENDING);
        assert_eq!(queue.last().and_then(Pending::key), Some("bbbbbbbbbbbbbbb9"));
        let stored = write_queue(&queue);
        assert_eq!(read_queue(Some(&stored), NOW), queue);
        settle(&mut queue, "bbbbbbbbbbbbbbb9");
        assert_eq!(queue.len(), MAX_PENDING - 1);
        assert!(queue.iter().all(|e| e.key() != Some("bbbbbbbbbbbbbbb9")));
    }

    #[test]
    fn an_unreadable_queue_is_dropped_item_by_item() {
        assert!(read_queue(None, NOW).is_empty());
        assert!(read_queue(Some("not json"), NOW).is_empty());
        let good = write_queue(&[entry("cccccccccccccccc")]);
        let mixed = good.replacen('[', "[{\"odd\":1},", 1);
        assert_eq!(read_queue(Some(&mixed), NOW).len(), 1);
        let undated = good.replace(&format!(",\"saved_at\":{NOW}"), "");
        assert!(read_queue(Some(&undated), NOW).is_empty(), "an entry without a date is not kept: {undated}");
    }

    #[test]
    fn a_waiting_signature_is_kept_a_day_at_most_and_never_with_its_comment() {
        let mut waiting = entry("dddddddddddddddd");
        waiting.body.set_text("first_name", "Léa");
        waiting.body.set_text("comment", "I was surveilled at a protest in 2024");
        let stored = write_queue(std::slice::from_ref(&waiting));
        assert!(!stored.contains("surveilled") && !stored.contains("\"comment\""), "{stored}");
        assert!(stored.contains("Léa"));
        let read = read_queue(Some(&stored), NOW + MAX_KEPT_SECS);
        assert_eq!(read.len(), 1, "still there after a day");
        assert_eq!(read[0].body.fields.get("comment"), None);
        assert!(read_queue(Some(&stored), NOW + MAX_KEPT_SECS + 1).is_empty(), "gone after a day");
        assert!(read_queue(Some(&stored), NOW - 3600).is_empty(), "a date in the future is not trusted");
    }

    #[test]
    fn statuses_decide_between_done_refused_and_retry() {
        assert_eq!(delivery(200), Delivery::Acknowledged);
        assert_eq!(delivery(201), Delivery::Acknowledged);
        assert_eq!(delivery(422), Delivery::Refused);
        assert_eq!(delivery(413), Delivery::Refused);
        assert_eq!(delivery(404), Delivery::Refused);
        assert_eq!(delivery(429), Delivery::Retry);
        assert_eq!(delivery(503), Delivery::Retry);
    }

    #[test]
    fn backoff_grows_is_capped_and_respects_retry_after() {
        assert_eq!(backoff_ms(1, None, 0.0), 1_000);
        assert_eq!(backoff_ms(2, None, 0.0), 2_000);
        assert_eq!(backoff_ms(3, None, 0.0), 4_000);
        assert_eq!(backoff_ms(40, None, 0.0), MAX_BACKOFF_MS);
        assert_eq!(backoff_ms(1, None, 1.0), 1_250);
        assert_eq!(backoff_ms(1, Some("7"), 0.0), 7_000);
        assert_eq!(backoff_ms(3, Some("1"), 0.0), 4_000);
        assert_eq!(backoff_ms(1, Some("Wed, 21 Oct 2015 07:28:00 GMT"), 0.0), 1_000);
        assert_eq!(retry_after_seconds(" 12 "), Some(12));
        assert_eq!(retry_after_seconds("-1"), None);
    }

    #[test]
    fn a_robot_check_failure_alone_means_solve_again() {
        assert!(only_robot_check_failed(["altcha"]));
        assert!(!only_robot_check_failed(["altcha", "fields.email"]));
        assert!(!only_robot_check_failed([]));
    }

    #[test]
    fn a_draft_round_trips_and_a_broken_one_is_empty() {
        let mut draft = Draft::default();
        assert!(draft.is_empty());
        draft.fields.insert("first_name".into(), serde_json::json!("Léa"));
        draft.riding = Some(crate::FedNum(35075));
        draft.consents.push(super::super::ConsentTo::Partner);
        assert_eq!(Draft::read(Some(&draft.write(NOW)), NOW + 60), Draft { saved_at: NOW, ..draft.clone() });
        assert!(!draft.is_empty());
        assert_eq!(Draft::read(Some("{broken"), NOW), Draft::default());
    }

    #[test]
    fn a_draft_keeps_no_comment_and_expires_after_a_day() {
        let mut draft = Draft::default();
        draft.fields.insert("email".into(), serde_json::json!("lea@example.org"));
        draft.fields.insert("comment".into(), serde_json::json!("I was surveilled at a protest in 2024"));
        let stored = draft.write(NOW);
        assert!(!stored.contains("surveilled"), "{stored}");
        assert_eq!(Draft::read(Some(&stored), NOW).fields.get("email"), Some(&serde_json::json!("lea@example.org")));
        assert_eq!(Draft::read(Some(&stored), NOW + MAX_KEPT_SECS + 1), Draft::default());
        let undated = serde_json::json!({"fields": {"email": "lea@example.org"}}).to_string();
        assert_eq!(Draft::read(Some(&undated), NOW), Draft::default());
    }

    #[test]
    fn keys_are_valid_idempotency_keys() {
        let key = idempotency_key([0xab; 16]);
        assert_eq!(key.len(), 32);
        assert!(key.bytes().all(|b| b.is_ascii_hexdigit()));
    }
}
