//! The one place that erases a person: `voix forget EMAIL` removes them from every table that can hold them.
//!
//! | table | how the person is found | what happens |
//! |---|---|---|
//! | `signatures` (every status, pending ones too) | `email_key`, the HMAC of the address | deleted |
//! | `consents`, `idempotency_keys`, `signature_confirmations` | their signature | deleted |
//! | `letter_requests` | `sender_email` | deleted, with every `outbox` row of the request (a queued letter is cancelled) |
//! | `outbox` | `recipient_email` or `reply_to_email` (confirmation, withdrawal and failure emails) | deleted |
//! | `withdrawal_requests` | `email` | deleted |
//!
//! The anonymous counts (`signature_counts`, `letter_counts`) stay. A test walks every text column of the live
//! schema after a forget and finds the person nowhere, so a table added later without a rule here fails it.
//!
//! It also owns how a person is found without their address in the clear: `email_key`, the keyed hash every
//! table that looks people up by email stores.

use crate::error::Error;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::AnyPool;

/// The HMAC key of email addresses, made on first use and kept in `instance_secrets`.
pub async fn email_secret(pool: &AnyPool) -> Result<Vec<u8>, Error> {
    let value = crate::ids::secret_hex().map_err(Error::Random)?;
    sqlx::query("INSERT INTO instance_secrets (name, value) VALUES ('email_key', $1) ON CONFLICT DO NOTHING")
        .bind(value)
        .execute(pool)
        .await?;
    let value: String =
        sqlx::query_scalar("SELECT value FROM instance_secrets WHERE name = 'email_key'").fetch_one(pool).await?;
    Ok(value.into_bytes())
}

/// The key people are looked up by: HMAC-SHA-256 of the normalised email, in hex.
pub fn email_key(secret: &[u8], email: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret) else { return String::new() };
    mac.update(voix_core::petition::normalise_email(email).as_bytes());
    voix_core::petition::hex(&mac.finalize().into_bytes())
}

/// What `voix forget` removed (counts only).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Forgotten {
    /// The campaigns the person had signed (confirmed or not).
    pub campaigns: Vec<String>,
    pub consents: u64,
    pub idempotency_records: u64,
    /// Server letters the person asked for (sent or not).
    pub letters: u64,
    /// Emails to or from the person still in the outbox.
    pub emails: u64,
    pub withdrawal_requests: u64,
}

impl Forgotten {
    pub fn is_empty(&self) -> bool {
        self.campaigns.is_empty() && self.letters == 0 && self.emails == 0 && self.withdrawal_requests == 0
    }
}

/// Removes everything about the person with this email, in one transaction.
pub async fn forget(pool: &AnyPool, email: &str) -> Result<Forgotten, Error> {
    let email = voix_core::petition::normalise_email(email);
    let key = email_key(&email_secret(pool).await?, &email);
    let mut tx = crate::db::begin_write(pool).await?;
    let mut forgotten = Forgotten::default();
    let signatures: Vec<(String, String)> =
        sqlx::query_as("SELECT id, campaign_id FROM signatures WHERE email_key = $1 ORDER BY campaign_id")
            .bind(&key)
            .fetch_all(&mut *tx)
            .await?;
    for (id, campaign) in signatures {
        forgotten.campaigns.push(campaign);
        let deleted = |table: &str| format!("DELETE FROM {table} WHERE signature_id = $1");
        forgotten.consents += sqlx::query(&deleted("consents")).bind(&id).execute(&mut *tx).await?.rows_affected();
        forgotten.idempotency_records +=
            sqlx::query(&deleted("idempotency_keys")).bind(&id).execute(&mut *tx).await?.rows_affected();
        sqlx::query(&deleted("signature_confirmations")).bind(&id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM signatures WHERE id = $1").bind(&id).execute(&mut *tx).await?;
    }
    forgotten.emails +=
        sqlx::query("DELETE FROM outbox WHERE request_id IN (SELECT id FROM letter_requests WHERE sender_email = $1)")
            .bind(&email)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    forgotten.letters = sqlx::query("DELETE FROM letter_requests WHERE sender_email = $1")
        .bind(&email)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    forgotten.emails += sqlx::query("DELETE FROM outbox WHERE recipient_email = $1 OR reply_to_email = $1")
        .bind(&email)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    forgotten.withdrawal_requests = sqlx::query("DELETE FROM withdrawal_requests WHERE email = $1")
        .bind(&email)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(forgotten)
}
