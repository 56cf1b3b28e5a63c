//! The petition's reads and the organisers' commands on the database: counts, replies kept for idempotency keys,
//! the instance's email-key secret, exports, erasure and access tokens. Every query is in the SQL that SQLite and
//! PostgreSQL share.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use sqlx::any::Any;
use sqlx::{AnyPool, Executor, FromRow};
use subtle::ConstantTimeEq;
use voix_core::petition::api::{SignedReply, Stats};
use voix_core::{Campaign, FedNum};

use super::writer::SignOutcome;
use crate::error::Error;
use crate::ids::now_secs;

pub use crate::personal_data::{email_key, email_secret};

/// The anonymous signature counts of `campaign` (without goal and letters).
pub async fn signature_counts<'e>(
    executor: impl Executor<'e, Database = Any>,
    campaign: &str,
) -> Result<Stats, sqlx::Error> {
    let rows = sqlx::query_as::<_, (i64, String, i64)>(
        "SELECT riding, partner_id, signatures FROM signature_counts WHERE campaign_id = $1",
    )
    .bind(campaign)
    .fetch_all(executor)
    .await?;
    let mut stats = Stats::default();
    for (riding, partner, signatures) in rows {
        let count = u64::try_from(signatures).unwrap_or(0);
        stats.total += count;
        if let Ok(riding @ 1..) = u32::try_from(riding) {
            *stats.by_riding.entry(FedNum(riding)).or_default() += count;
        }
        if !partner.is_empty() {
            *stats.by_partner.entry(partner).or_default() += count;
        }
    }
    Ok(stats)
}

/// Letters recorded for `campaign`.
pub async fn letter_total<'e>(executor: impl Executor<'e, Database = Any>, campaign: &str) -> Result<u64, sqlx::Error> {
    let total: Option<i64> =
        sqlx::query_scalar("SELECT CAST(SUM(letters) AS BIGINT) FROM letter_counts WHERE campaign_id = $1")
            .bind(campaign)
            .fetch_one(executor)
            .await?;
    Ok(total.and_then(|total| u64::try_from(total).ok()).unwrap_or(0))
}

/// Every count of `campaign`.
pub async fn stats(pool: &AnyPool, campaign: &Campaign) -> Result<Stats, Error> {
    let mut stats = signature_counts(pool, &campaign.id).await?;
    stats.letters = letter_total(pool, &campaign.id).await?;
    stats.goal = campaign.petition.as_ref().and_then(|petition| petition.goal);
    Ok(stats)
}

/// The reply kept for an idempotency key, if any: the same reply for the same answers, a refusal for others.
pub async fn stored_reply<'e>(
    executor: impl Executor<'e, Database = Any>,
    campaign: &str,
    key: &str,
    fingerprint: &str,
) -> Result<Option<SignOutcome>, sqlx::Error> {
    let row = sqlx::query_as::<_, (String, String)>(
        "SELECT fingerprint, response_body FROM idempotency_keys WHERE campaign_id = $1 AND idempotency_key = $2",
    )
    .bind(campaign)
    .bind(key)
    .fetch_optional(executor)
    .await?;
    let Some((stored, body)) = row else { return Ok(None) };
    if stored != fingerprint {
        return Ok(Some(SignOutcome::KeyReused));
    }
    Ok(serde_json::from_str::<SignedReply>(&body).ok().map(SignOutcome::Replayed))
}

/// Records that the person with `email` withdrew their consent to `organisation` ("organiser" or
/// "partner:{id}") for `campaign`: a new "withdrawn" row of the ledger, after the rows it supersedes. Returns
/// false when the person has not signed the campaign.
pub async fn withdraw(pool: &AnyPool, campaign: &str, email: &str, organisation: &str) -> Result<bool, Error> {
    let secret = email_secret(pool).await?;
    let key = email_key(&secret, email);
    let mut tx = crate::db::begin_write(pool).await?;
    let row = sqlx::query_as::<_, (String, i64, String)>(
        "UPDATE signatures SET consent_entries = consent_entries + 1 \
         WHERE campaign_id = $1 AND email_key = $2 RETURNING id, consent_entries, lang",
    )
    .bind(campaign)
    .bind(&key)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, entry, lang)) = row else { return Ok(false) };
    sqlx::query(
        "INSERT INTO consents (signature_id, entry, campaign_id, organisation, action, wording_version, lang, \
         site_partner_id, recorded_at) VALUES ($1, $2, $3, $4, 'withdrawn', NULL, $5, NULL, $6)",
    )
    .bind(id)
    .bind(entry)
    .bind(campaign)
    .bind(organisation)
    .bind(lang)
    .bind(now_secs())
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Creates an access token for `/api/admin/`, keeps only its SHA-256, and returns it (to be shown once).
pub async fn create_token(pool: &AnyPool, name: &str) -> Result<String, Error> {
    let token = format!("voix_{}", crate::ids::secret_hex().map_err(Error::Random)?);
    let hash = crate::ids::token_hash(&token);
    let result = sqlx::query(
        "INSERT INTO admin_tokens (name, token_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(hash)
    .bind(now_secs())
    .execute(pool)
    .await?;
    if result.rows_affected() == 0 {
        return Err(Error::Message(format!("a token named {name:?} already exists: choose another --name")));
    }
    Ok(token)
}

/// The organisers' tokens: name and creation time, oldest first (the tokens themselves are not stored).
pub async fn list_tokens(pool: &AnyPool) -> Result<Vec<(String, i64)>, Error> {
    Ok(sqlx::query_as("SELECT name, created_at FROM admin_tokens ORDER BY created_at, name").fetch_all(pool).await?)
}

/// Deletes the token named `name`; `false` when there is none.
pub async fn revoke_token(pool: &AnyPool, name: &str) -> Result<bool, Error> {
    let deleted = sqlx::query("DELETE FROM admin_tokens WHERE name = $1").bind(name).execute(pool).await?;
    Ok(deleted.rows_affected() > 0)
}

/// Whether `token` is one of the organisers' tokens: its hash compared in constant time with each stored one.
pub async fn token_is_valid(pool: &AnyPool, token: &str) -> Result<bool, Error> {
    let hash = crate::ids::token_hash(token);
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM admin_tokens").fetch_all(pool).await?;
    let mut valid = subtle::Choice::from(0);
    for stored in &stored {
        valid |= stored.as_bytes().ct_eq(hash.as_bytes());
    }
    Ok(bool::from(valid))
}

/// One person's latest consent to one organisation.
struct Latest {
    action: String,
    at: i64,
    version: Option<String>,
}

/// Writes the signers of `campaign` as CSV: one row each, with their answers and, per organisation, their latest
/// consent (given or withdrawn), when, and the version of the wording. With `partner`, only the people whose
/// latest consent to that partner is "given", and only that partner's consent columns. Calls `progress` with
/// A signature as the export reads it (the columns of its `SELECT`, by name).
#[derive(sqlx::FromRow)]
struct ExportedSignature {
    id: String,
    signed_at: i64,
    first_name: String,
    last_name: String,
    email: String,
    postal_code: String,
    riding: Option<i64>,
    partner_id: Option<String>,
    lang: String,
    comment: Option<String>,
    status: String,
    /// JSON object: field id → answer.
    answers: String,
}

/// (rows written, rows in all) as it goes. Returns the rows written.
pub async fn export(
    pool: &AnyPool,
    campaign: &Campaign,
    partner: Option<&str>,
    out: impl Write,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64, Error> {
    let organisations: Vec<String> = match partner {
        Some(partner) => vec![format!("partner:{partner}")],
        None => std::iter::once("organiser".to_owned())
            .chain(campaign.partners.iter().map(|partner| format!("partner:{}", partner.id)))
            .collect(),
    };
    let mut latest: HashMap<String, HashMap<String, Latest>> = HashMap::new();
    let rows = sqlx::query_as::<_, (String, String, String, i64, Option<String>)>(
        "SELECT signature_id, organisation, action, recorded_at, wording_version FROM consents \
         WHERE campaign_id = $1 ORDER BY signature_id, entry",
    )
    .bind(&campaign.id)
    .fetch_all(pool)
    .await?;
    for (signature, organisation, action, at, version) in rows {
        latest.entry(signature).or_default().insert(organisation, Latest { action, at, version });
    }
    let all: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM signatures WHERE campaign_id = $1")
        .bind(&campaign.id)
        .fetch_one(pool)
        .await?;
    let all = u64::try_from(all).unwrap_or(0);
    let custom: Vec<&str> = campaign
        .petition
        .as_ref()
        .map(|petition| petition.fields.iter().map(|field| field.id.as_str()).collect())
        .unwrap_or_default();
    let mut csv = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "signed_at",
        "first_name",
        "last_name",
        "email",
        "postal_code",
        "riding",
        "partner",
        "lang",
        "comment",
        "status",
    ]
    .iter()
    .map(|name| (*name).to_owned())
    .collect();
    header.extend(custom.iter().map(|field| format!("field:{field}")));
    for organisation in &organisations {
        header.push(format!("consent:{organisation}"));
        header.push(format!("consent:{organisation}:at"));
        header.push(format!("consent:{organisation}:wording"));
    }
    csv.write_record(&header).map_err(csv_error)?;
    let rows = sqlx::query(
        "SELECT id, signed_at, first_name, last_name, email, postal_code, riding, partner_id, lang, comment, \
         status, answers FROM signatures WHERE campaign_id = $1 ORDER BY signed_at, id",
    )
    .bind(&campaign.id)
    .fetch_all(pool)
    .await?;
    let mut written = 0u64;
    for (seen, row) in rows.iter().enumerate() {
        let signature = ExportedSignature::from_row(row)?;
        let id = &signature.id;
        let consents = latest.get(id);
        if let Some(partner) = partner {
            let given = consents
                .and_then(|consents| consents.get(&format!("partner:{partner}")))
                .is_some_and(|latest| latest.action == "given");
            if !given {
                continue;
            }
        }
        // Stored answers that cannot be read stop the export with the signature's id, rather than export blanks.
        let answers: BTreeMap<String, serde_json::Value> = serde_json::from_str(&signature.answers)
            .map_err(|error| Error::Message(format!("signature {id}: its answers cannot be read ({error})")))?;
        let mut record: Vec<String> = vec![
            iso_time(signature.signed_at),
            signature.first_name.clone(),
            signature.last_name.clone(),
            signature.email.clone(),
            signature.postal_code.clone(),
            signature.riding.map(|riding| riding.to_string()).unwrap_or_default(),
            signature.partner_id.clone().unwrap_or_default(),
            signature.lang.clone(),
            signature.comment.clone().unwrap_or_default(),
            signature.status.clone(),
        ];
        for field in &custom {
            record.push(answers.get(*field).and_then(|value| value.as_str()).unwrap_or_default().to_owned());
        }
        for organisation in &organisations {
            match consents.and_then(|consents| consents.get(organisation)) {
                Some(latest) => {
                    record.push(latest.action.clone());
                    record.push(iso_time(latest.at));
                    record.push(latest.version.clone().unwrap_or_default());
                }
                None => record.extend([String::new(), String::new(), String::new()]),
            }
        }
        csv.write_record(record.iter().map(|cell| safe_cell(cell).into_owned())).map_err(csv_error)?;
        written += 1;
        progress(u64::try_from(seen).unwrap_or(0) + 1, all);
    }
    csv.flush().map_err(|error| Error::Message(format!("cannot write the export: {error}")))?;
    progress(all, all);
    Ok(written)
}

fn csv_error(error: csv::Error) -> Error {
    Error::Message(format!("cannot write the export: {error}"))
}

/// A cell that a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading apostrophe.
pub fn safe_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => std::borrow::Cow::Owned(format!("'{cell}")),
        _ => std::borrow::Cow::Borrowed(cell),
    }
}

/// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ`.
pub fn iso_time(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = voix_core::date::civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_iso_8601_utc() {
        assert_eq!(iso_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_time(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_time(1_795_000_000), "2026-11-18T11:06:40Z");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("+1"), "'+1");
        assert_eq!(safe_cell("@SUM"), "'@SUM");
        assert_eq!(safe_cell("-2"), "'-2");
        assert_eq!(safe_cell("Léa"), "Léa");
        assert_eq!(safe_cell(""), "");
    }

    #[test]
    fn email_keys_ignore_case_and_spaces() {
        assert_eq!(email_key(b"k", " Lea@Example.org "), email_key(b"k", "lea@example.org"));
        assert_ne!(email_key(b"k", "lea@example.org"), email_key(b"other", "lea@example.org"));
    }
}
