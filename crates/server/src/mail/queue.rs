//! The durable outbox: every email Voix sends is a row of `outbox` first, committed before anyone is told it
//! will be sent, then delivered by one worker task of `voix serve`.
//!
//! Delivery is at least once: a row is leased ("sending", `lease_until`) before the SMTP conversation and marked
//! "sent" after the server accepted it. If the process dies between the server's acceptance and that mark (a
//! window of one database write), the row is sent again once its lease expires, with the same Message-ID
//! (`{row id}@{sending domain}`), so receiving servers and people can tell it is the same message.
//!
//! Temporary failures (4xx, connection problems) are retried with exponential backoff; after
//! `--mail-max-attempts` or on a 5xx the row is "failed", and for a letter the sender gets a `delivery_failed`
//! email with their letter. Hourly caps per sender and per MP office defer letters (never drop them).

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use sqlx::{Any, AnyPool, Executor, FromRow};
use voix_core::email::{self, DeliveryFailure, Email};
use voix_core::Lang;

use super::{Envelope, Mail, SendError};
use crate::error::Error;
use crate::ids::{now_secs, random_id};
use crate::state::AppState;

/// Rows leased per round.
const BATCH: i64 = 32;
/// How long a capped letter waits before it is looked at again.
const CAP_DEFER_SECS: i64 = 60;
/// The longest wait between retries.
const MAX_BACKOFF_SECS: u64 = 3600;

/// One email to queue.
pub struct Queued<'a> {
    pub kind: &'a str,
    pub campaign_id: &'a str,
    pub request_id: Option<&'a str>,
    pub to_email: &'a str,
    pub to_name: &'a str,
    pub from_name: &'a str,
    pub reply_to: Option<(&'a str, &'a str)>,
    pub cap_sender: Option<&'a str>,
    pub cap_office: Option<&'a str>,
    pub email: &'a Email,
}

/// Adds one email to the outbox (inside the caller's transaction, when it has one). Returns the row's id.
pub async fn enqueue<'e>(executor: impl Executor<'e, Database = Any>, queued: &Queued<'_>) -> Result<String, Error> {
    let id = random_id();
    sqlx::query(
        "INSERT INTO outbox (id, kind, campaign_id, request_id, recipient_email, recipient_name, from_name, \
         reply_to_email, reply_to_name, cap_sender, cap_office, lang, subject, body_text, body_html, status, \
         attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'queued', 0, $16, $16)",
    )
    .bind(&id)
    .bind(queued.kind)
    .bind(queued.campaign_id)
    .bind(queued.request_id)
    .bind(queued.to_email)
    .bind(queued.to_name)
    .bind(queued.from_name)
    .bind(queued.reply_to.map(|(email, _)| email))
    .bind(queued.reply_to.map(|(_, name)| name))
    .bind(queued.cap_sender)
    .bind(queued.cap_office)
    .bind(queued.email.lang.code())
    .bind(&queued.email.subject)
    .bind(&queued.email.text)
    .bind(&queued.email.html)
    .bind(now_secs())
    .execute(executor)
    .await?;
    Ok(id)
}

/// An outbox row as `lease` reads it back (the columns of its `RETURNING`, by name).
#[derive(sqlx::FromRow)]
struct OutboxRow {
    id: String,
    kind: String,
    campaign_id: String,
    request_id: Option<String>,
    recipient_email: String,
    recipient_name: String,
    from_name: String,
    reply_to_email: Option<String>,
    reply_to_name: Option<String>,
    cap_sender: Option<String>,
    cap_office: Option<String>,
    lang: String,
    subject: String,
    body_text: String,
    body_html: String,
    attempts: i64,
}

/// A leased row.
struct Leased {
    id: String,
    kind: String,
    campaign_id: String,
    request_id: Option<String>,
    to_email: String,
    to_name: String,
    from_name: String,
    reply_to: Option<(String, String)>,
    cap_sender: Option<String>,
    cap_office: Option<String>,
    email: Email,
    attempts: i64,
}

/// Leases up to [`BATCH`] due rows: queued ones, and "sending" ones whose lease expired (a dead process's).
/// The conditions are repeated outside the subquery: PostgreSQL re-checks them on a row another server leased
/// meanwhile, so two servers sharing a database never lease the same row.
async fn lease(pool: &AnyPool, now: i64, lease_secs: i64) -> Result<Vec<Leased>, Error> {
    let rows = sqlx::query(
        "UPDATE outbox SET status = 'sending', lease_until = $1, attempts = attempts + 1 WHERE id IN \
         (SELECT id FROM outbox WHERE status IN ('queued', 'sending') AND next_attempt_at <= $2 \
          AND (lease_until IS NULL OR lease_until < $2) ORDER BY next_attempt_at, id LIMIT $3) \
         AND status IN ('queued', 'sending') AND (lease_until IS NULL OR lease_until < $2) \
         RETURNING id, kind, campaign_id, request_id, recipient_email, recipient_name, from_name, reply_to_email, \
         reply_to_name, cap_sender, cap_office, lang, subject, body_text, body_html, attempts",
    )
    .bind(now + lease_secs)
    .bind(now)
    .bind(BATCH)
    .fetch_all(pool)
    .await?;
    let mut leased = Vec::with_capacity(rows.len());
    for row in rows {
        let row = OutboxRow::from_row(&row)?;
        // A reply-to address is stored with its name (possibly empty), never one without the other; the language
        // as written. A row that breaks either fails for good, logged, and the others still go.
        let reply_to = match (row.reply_to_email.clone(), row.reply_to_name.clone()) {
            (Some(email), Some(name)) => Some(Some((email, name))),
            (None, None) => Some(None),
            _ => None,
        };
        let (Some(reply_to), Some(lang)) = (reply_to, Lang::from_tag(&row.lang)) else {
            tracing::error!(outbox = %row.id, "mail queue: an unreadable row (reply-to or language) marked failed");
            sqlx::query(
                "UPDATE outbox SET status = 'failed', finished_at = $1, lease_until = NULL, last_error = $2 \
                 WHERE id = $3",
            )
            .bind(now)
            .bind("unreadable row")
            .bind(&row.id)
            .execute(pool)
            .await?;
            continue;
        };
        leased.push(Leased {
            id: row.id,
            kind: row.kind,
            campaign_id: row.campaign_id,
            request_id: row.request_id,
            to_email: row.recipient_email,
            to_name: row.recipient_name,
            from_name: row.from_name,
            reply_to,
            cap_sender: row.cap_sender,
            cap_office: row.cap_office,
            email: Email { lang, subject: row.subject, text: row.body_text, html: row.body_html },
            attempts: row.attempts,
        });
    }
    leased.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(leased)
}

/// Letters sent in the last hour with this value in `column` ("cap_sender" or "cap_office").
async fn sent_last_hour(pool: &AnyPool, column: &str, value: &str, now: i64) -> Result<i64, Error> {
    let sql = format!("SELECT COUNT(*) FROM outbox WHERE {column} = $1 AND status = 'sent' AND finished_at > $2");
    Ok(sqlx::query_scalar(&sql).bind(value).bind(now - 3600).fetch_one(pool).await?)
}

/// Puts a leased row back for later without counting the attempt (a cap).
async fn defer(pool: &AnyPool, id: &str, until: i64) -> Result<(), Error> {
    sqlx::query(
        "UPDATE outbox SET status = 'queued', lease_until = NULL, attempts = attempts - 1, next_attempt_at = $1 \
         WHERE id = $2",
    )
    .bind(until)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// The worker: runs until the process stops. Wakes when rows are queued, and every second otherwise.
pub async fn run(state: AppState, mail: Arc<Mail>) {
    loop {
        match round(&state, &mail).await {
            Ok(0) => {
                let _ = tokio::time::timeout(Duration::from_secs(1), mail.wake.notified()).await;
            }
            Ok(_) => {}
            Err(error) => {
                tracing::warn!("mail queue: {error}");
                tokio::time::sleep(Duration::from_secs(5)).await;
            }
        }
    }
}

/// One round: lease due rows, hold back capped letters, send the rest concurrently, record each outcome.
/// Returns how many rows it leased.
pub async fn round(state: &AppState, mail: &Arc<Mail>) -> Result<usize, Error> {
    let pool = &state.db;
    let now = now_secs();
    let settings = &mail.settings;
    let leased = lease(pool, now, i64::try_from(settings.mail_lease_secs).unwrap_or(120)).await?;
    let count = leased.len();
    let mut senders: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    let mut offices: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    let mut tasks = tokio::task::JoinSet::new();
    for row in leased {
        if row.kind == "letter" {
            let mut capped = false;
            if let Some(sender) = &row.cap_sender {
                let sent = match senders.get(sender) {
                    Some(sent) => *sent,
                    None => sent_last_hour(pool, "cap_sender", sender, now).await?,
                };
                capped |= sent >= i64::from(settings.mail_cap_sender);
                senders.insert(sender.clone(), sent + i64::from(!capped));
            }
            if let Some(office) = &row.cap_office {
                let sent = match offices.get(office) {
                    Some(sent) => *sent,
                    None => sent_last_hour(pool, "cap_office", office, now).await?,
                };
                let over = sent >= i64::from(settings.mail_cap_office);
                offices.insert(office.clone(), sent + i64::from(!over && !capped));
                capped |= over;
            }
            if capped {
                tracing::info!(outbox = %row.id, "mail queue: hourly cap reached, letter deferred");
                defer(pool, &row.id, now + CAP_DEFER_SECS).await?;
                continue;
            }
        }
        let mail = mail.clone();
        tasks.spawn(async move {
            let to = match row.to_email.parse() {
                Ok(address) => vec![Mailbox::new(Some(row.to_name.clone()).filter(|n| !n.is_empty()), address)],
                Err(_) => return (row, Err(SendError::Permanent("not an email address".into()))),
            };
            let reply_to = row
                .reply_to
                .as_ref()
                .and_then(|(email, name)| email.parse().ok().map(|a| Mailbox::new(Some(name.clone()), a)));
            let envelope = Envelope { to: &to, from_name: &row.from_name, reply_to };
            let message_id = mail.mailer.message_id_for(&row.id);
            let result = mail.mailer.send_with_id(&row.email, &envelope, &message_id).await.map(|()| message_id);
            (row, result)
        });
    }
    while let Some(joined) = tasks.join_next().await {
        let Ok((row, result)) = joined else { continue };
        record(state, mail, row, result).await?;
    }
    Ok(count)
}

/// Records one send's outcome.
async fn record(state: &AppState, mail: &Mail, row: Leased, result: Result<String, SendError>) -> Result<(), Error> {
    let pool = &state.db;
    let now = now_secs();
    match result {
        Ok(message_id) => {
            sqlx::query(
                "UPDATE outbox SET status = 'sent', message_id = $1, finished_at = $2, lease_until = NULL, \
                 last_error = NULL WHERE id = $3",
            )
            .bind(message_id)
            .bind(now)
            .bind(&row.id)
            .execute(pool)
            .await?;
            tracing::info!(outbox = %row.id, kind = %row.kind, attempts = row.attempts, "mail queue: sent");
        }
        Err(SendError::Temporary(error)) if row.attempts < i64::from(mail.settings.mail_max_attempts) => {
            let exponent = u32::try_from(row.attempts.saturating_sub(1)).unwrap_or(0).min(20);
            let wait = mail.settings.mail_retry_base_secs.saturating_mul(1 << exponent).min(MAX_BACKOFF_SECS);
            sqlx::query(
                "UPDATE outbox SET status = 'queued', lease_until = NULL, next_attempt_at = $1, last_error = $2 \
                 WHERE id = $3",
            )
            .bind(now + i64::try_from(wait).unwrap_or(3600))
            .bind(&error)
            .bind(&row.id)
            .execute(pool)
            .await?;
            tracing::info!(outbox = %row.id, attempts = row.attempts, wait, "mail queue: temporary failure, will retry");
        }
        Err(error) => {
            let reason = match &error {
                SendError::Temporary(reason) | SendError::Permanent(reason) => reason.clone(),
            };
            sqlx::query(
                "UPDATE outbox SET status = 'failed', finished_at = $1, lease_until = NULL, last_error = $2 \
                 WHERE id = $3",
            )
            .bind(now)
            .bind(&reason)
            .bind(&row.id)
            .execute(pool)
            .await?;
            tracing::warn!(outbox = %row.id, kind = %row.kind, "mail queue: delivery failed for good");
            if row.kind == "letter" {
                notify_sender(state, mail, &row, &reason).await?;
            }
        }
    }
    Ok(())
}

/// Queues the `delivery_failed` email to the letter's sender, with their letter.
async fn notify_sender(state: &AppState, mail: &Mail, row: &Leased, reason: &str) -> Result<(), Error> {
    let Some(request_id) = &row.request_id else { return Ok(()) };
    let Some(served) = state.campaigns.get(&row.campaign_id) else {
        tracing::warn!(outbox = %row.id, "mail queue: the campaign is gone; the sender is not told");
        return Ok(());
    };
    let found = sqlx::query_as::<_, (String, String, String, String, String)>(
        "SELECT sender_name, sender_email, lang, body, public_url FROM letter_requests WHERE id = $1",
    )
    .bind(request_id)
    .fetch_optional(&state.db)
    .await?;
    let Some((name, sender, lang, body, public_url)) = found else { return Ok(()) };
    let lang = Lang::from_tag(&lang).unwrap_or(Lang::En);
    let recipient = if row.to_name.is_empty() { row.to_email.clone() } else { row.to_name.clone() };
    let withdraw = super::routes::withdraw_url(&public_url, &row.campaign_id, lang);
    let notice = email::delivery_failed(
        &served.campaign,
        lang,
        &DeliveryFailure { recipient: &recipient, reason, letter: &body, withdraw_url: &withdraw },
    );
    let organiser = served.campaign.organiser.name.text(lang).to_owned();
    enqueue(
        &state.db,
        &Queued {
            kind: "delivery_failed",
            campaign_id: &row.campaign_id,
            request_id: Some(request_id),
            to_email: &sender,
            to_name: &name,
            from_name: &organiser,
            reply_to: None,
            cap_sender: None,
            cap_office: None,
            email: &notice,
        },
    )
    .await?;
    mail.wake.notify_one();
    Ok(())
}
