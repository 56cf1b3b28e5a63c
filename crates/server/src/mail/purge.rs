//! Retention (`voix purge`, and hourly inside `voix serve`): a delivered letter's text is deleted
//! `letter.retention_days` after its last delivery, and with it who sent it (name, email, postal code, riding,
//! subject, recipients); unconfirmed letters and withdrawal requests expire after 7 days (their personal data
//! deleted with them); finished outbox rows lose their text and the sender's identity once their letter is
//! purged, and confirmation emails (the person's address, name and text) 7 days after they were sent. What is
//! left is what the counts need: campaign, status and times.

use sqlx::AnyPool;

use super::routes::CONFIRM_WITHIN_SECS;
use crate::error::Error;

/// What one purge did (counts only).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub letter_bodies_deleted: u64,
    pub unconfirmed_expired: u64,
    pub withdrawal_requests_expired: u64,
    pub emails_emptied: u64,
    /// Petition signatures never confirmed (double opt-in), deleted with their consents.
    pub unconfirmed_signatures_deleted: u64,
}

/// Applies the retention rules as of `now` (seconds since 1970).
pub async fn purge(pool: &AnyPool, now: i64) -> Result<Purged, Error> {
    let mut purged = Purged::default();
    let cutoff = now - CONFIRM_WITHIN_SECS;
    purged.unconfirmed_expired = sqlx::query(
        "UPDATE letter_requests SET status = 'expired', sender_name = '', sender_email = '', postal_code = '', \
         riding = NULL, subject = '', body = '', recipients = '[]', body_deleted_at = $1 \
         WHERE status = 'pending' AND created_at < $2",
    )
    .bind(now)
    .bind(cutoff)
    .execute(pool)
    .await?
    .rows_affected();
    purged.letter_bodies_deleted = sqlx::query(
        "UPDATE letter_requests SET body = '', sender_name = '', sender_email = '', postal_code = '', \
         riding = NULL, subject = '', recipients = '[]', body_deleted_at = $1 \
         WHERE status = 'confirmed' AND body_deleted_at IS NULL \
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.request_id = letter_requests.id \
                         AND o.status IN ('queued', 'sending')) \
         AND (SELECT MAX(o.finished_at) FROM outbox o WHERE o.request_id = letter_requests.id AND o.kind = 'letter') \
             <= $1 - retention_days * 86400",
    )
    .bind(now)
    .execute(pool)
    .await?
    .rows_affected();
    purged.withdrawal_requests_expired = sqlx::query("DELETE FROM withdrawal_requests WHERE created_at < $1")
        .bind(cutoff)
        .execute(pool)
        .await?
        .rows_affected();
    let stale = "SELECT id FROM signatures WHERE status = 'pending' AND signed_at < $1";
    for table in ["consents", "idempotency_keys", "signature_confirmations"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE signature_id IN ({stale})")).bind(cutoff).execute(pool).await?;
    }
    purged.unconfirmed_signatures_deleted =
        sqlx::query("DELETE FROM signatures WHERE status = 'pending' AND signed_at < $1")
            .bind(cutoff)
            .execute(pool)
            .await?
            .rows_affected();
    purged.emails_emptied = sqlx::query(
        "UPDATE outbox SET body_text = '', body_html = '', subject = '', from_name = '', reply_to_email = NULL, \
         reply_to_name = NULL, cap_sender = NULL, last_error = NULL, \
         recipient_email = CASE WHEN kind = 'letter' THEN recipient_email ELSE '' END, \
         recipient_name = CASE WHEN kind = 'letter' THEN recipient_name ELSE '' END \
         WHERE status IN ('sent', 'failed') AND (body_text <> '' OR reply_to_email IS NOT NULL) \
         AND ((request_id IN (SELECT id FROM letter_requests WHERE body_deleted_at IS NOT NULL)) \
              OR (kind <> 'letter' AND finished_at < $1))",
    )
    .bind(cutoff)
    .execute(pool)
    .await?
    .rows_affected();
    Ok(purged)
}
