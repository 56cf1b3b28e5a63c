//! The petition's server side: signatures with their consent ledger, letter counts, live counts,
//! abuse protection, and the organisers' exports, tokens and erasure.
//!
//! Routes (see [`routes`]): `POST /api/campaigns/{id}/signatures`, `GET /api/campaigns/{id}/stats`,
//! `GET /api/campaigns/{id}/altcha`, `POST /api/campaigns/{id}/letters`, and behind a bearer token
//! `GET /api/admin/campaigns` and `GET /api/admin/campaigns/{id}/export.csv[?partner=P]`. The replies are the
//! types of [`voix_core::petition::api`].
//!
//! Durability: every signature is written by the one [`writer::Writer`], which commits a batch before answering
//! any request in it. SQLite runs in WAL mode with `synchronous=FULL` (sqlx's default, which `db::connect`
//! keeps): each commit appends the batch to the WAL and `fsync`s it before returning, so an acknowledged
//! signature survives a crash or a power cut. On PostgreSQL, `synchronous_commit` is left at its default (`on`).

pub mod abuse;
pub mod admin;
pub mod routes;
pub mod store;
pub mod writer;

use std::time::Duration;

use sqlx::AnyPool;

use crate::config::PetitionSettings;
use crate::error::Error;
use abuse::{Altcha, RateLimiter};
use writer::Writer;

/// The petition's share of the application state.
#[derive(Debug)]
pub struct Petition {
    pub settings: PetitionSettings,
    /// The HMAC key of email addresses (see `store::email_key`).
    pub email_secret: Vec<u8>,
    pub writer: Writer,
    pub altcha: Altcha,
    pub ip_limits: RateLimiter<std::net::IpAddr>,
    pub email_limits: RateLimiter<String>,
    /// Confirmation emails per address (by its HMAC key), whatever asked for them: a stranger's address cannot
    /// be flooded with the organiser's emails.
    pub confirmation_limits: RateLimiter<String>,
    /// Letters counted per campaign and client address (an IPv6 /64): counting is free, so it is capped.
    pub letter_count_limits: RateLimiter<(String, std::net::IpAddr)>,
}

/// Letters one client address can count for one campaign in a day (a person writes to their MP, a senator or
/// two, by email and on paper: a handful).
pub const LETTER_COUNTS_PER_DAY: u32 = 10;

impl Petition {
    /// Reads the instance's secret and starts the writer (on the current Tokio runtime).
    pub async fn start(pool: &AnyPool, settings: PetitionSettings) -> Result<Petition, Error> {
        if settings.weakened() {
            tracing::warn!(
                "the petition's abuse protection is weakened (proof of work up to {} x {} rounds, {} per minute \
                 per address, {} per hour per email; 0 is no limit): for tests and load tests only",
                settings.altcha_max_number,
                settings.altcha_cost,
                settings.rate_per_ip,
                settings.rate_per_email
            );
        }
        Ok(Petition {
            email_secret: store::email_secret(pool).await?,
            writer: Writer::start(pool.clone()),
            altcha: Altcha::new(settings.altcha_max_number, settings.altcha_cost)?,
            ip_limits: RateLimiter::new(settings.rate_per_ip, Duration::from_secs(60)),
            email_limits: RateLimiter::new(settings.rate_per_email, Duration::from_secs(3600)),
            confirmation_limits: RateLimiter::new(
                voix_core::petition::CONFIRMATIONS_PER_DAY,
                Duration::from_secs(24 * 3600),
            ),
            // Off with the per-address limit (load tests).
            letter_count_limits: RateLimiter::new(
                if settings.rate_per_ip == 0 { 0 } else { LETTER_COUNTS_PER_DAY },
                Duration::from_secs(24 * 3600),
            ),
            settings,
        })
    }
}

/// Called once a new signature is committed (not for a repeated email). The seam for the next version, which
/// sends a confirmation email here and moves `signatures.status` from "recorded" to "confirmed" when the person
/// follows its link. Does nothing yet.
pub fn signature_recorded(signature_id: &str) {
    let _ = signature_id;
}
