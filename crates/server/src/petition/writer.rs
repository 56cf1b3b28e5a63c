//! The one writer of signatures and letter counts: a task that takes the queued submissions, writes up to
//! [`BATCH`] of them in one transaction, commits, and only then answers each request. Many signatures share one
//! commit (one `fsync` on SQLite, one WAL flush on PostgreSQL), and no request is acknowledged before its
//! signature is durable.
//!
//! The same code runs on SQLite and PostgreSQL. If a batch fails, each of its submissions is tried again in a
//! transaction of its own, so one bad submission cannot fail the others.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use sqlx::AnyPool;
use tokio::sync::{mpsc, oneshot};
use voix_core::petition::api::{SignedReply, Stats};
use voix_core::petition::{ConsentOffer, ConsentTo, LetterSent, ValidSignature};

use crate::error::Error;
use crate::ids::{now_secs, random_id};

/// The most submissions written in one transaction.
pub const BATCH: usize = 512;

/// How many submissions may wait for the writer before senders wait too.
const QUEUE: usize = 8192;

/// How often replies kept for idempotency keys are pruned, and how long they are kept.
const PRUNE_EVERY: Duration = Duration::from_secs(600);
pub const KEEP_REPLIES_SECS: i64 = 24 * 3600;

/// A signature to record.
pub struct SignJob {
    pub signature: ValidSignature,
    /// HMAC of the email (see the `signatures` table).
    pub email_key: String,
    /// SHA-256 of the submission's answers, for the idempotency key.
    pub fingerprint: String,
    pub goal: Option<u32>,
    /// Double opt-in: stored as "pending" and not counted until the person confirms it by email.
    pub confirm: bool,
}

/// What became of a signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignOutcome {
    /// Recorded now (or the email had signed already: `already_signed`).
    Signed(SignedReply),
    /// The idempotency key was seen with the same answers: the first reply, as it was.
    Replayed(SignedReply),
    /// The idempotency key was seen with other answers.
    KeyReused,
}

enum Job {
    Sign(Box<SignJob>, oneshot::Sender<Result<SignOutcome, Error>>),
    Letter(LetterJob, oneshot::Sender<Result<u64, Error>>),
}

struct LetterJob {
    campaign: String,
    letter: LetterSent,
}

/// The handle requests send through. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Writer {
    sender: mpsc::Sender<Job>,
}

impl Writer {
    /// Starts the writer task on the current runtime.
    pub fn start(pool: AnyPool) -> Writer {
        let (sender, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(run(pool, receiver));
        Writer { sender }
    }

    /// Records a signature; answers once it is committed.
    pub async fn sign(&self, job: SignJob) -> Result<SignOutcome, Error> {
        let (reply, answer) = oneshot::channel();
        self.sender.send(Job::Sign(Box::new(job), reply)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }

    /// Counts a letter (one per recipient); answers with the campaign's letters once committed.
    pub async fn letter(&self, campaign: &str, letter: LetterSent) -> Result<u64, Error> {
        let (reply, answer) = oneshot::channel();
        let job = LetterJob { campaign: campaign.to_owned(), letter };
        self.sender.send(Job::Letter(job, reply)).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> Error {
    Error::Unavailable("the writer has stopped".to_owned())
}

async fn run(pool: AnyPool, mut receiver: mpsc::Receiver<Job>) {
    let mut wordings: HashSet<String> = HashSet::new();
    let mut pruned = Instant::now();
    let mut jobs = Vec::with_capacity(BATCH);
    while receiver.recv_many(&mut jobs, BATCH).await > 0 {
        match write(&pool, &jobs, &mut wordings).await {
            Ok(results) => answer(jobs.drain(..), results),
            Err(error) => {
                tracing::warn!("a batch of {} could not be written ({error}); writing them one by one", jobs.len());
                wordings.clear();
                for job in jobs.drain(..) {
                    let one = [job];
                    match write(&pool, &one, &mut wordings).await {
                        Ok(results) => answer(one.into_iter(), results),
                        Err(error) => {
                            wordings.clear();
                            tracing::error!("cannot record a submission: {error}");
                            let [job] = one;
                            fail(job, &error.to_string());
                        }
                    }
                }
            }
        }
        if pruned.elapsed() > PRUNE_EVERY {
            pruned = Instant::now();
            let cutoff = now_secs() - KEEP_REPLIES_SECS;
            if let Err(error) =
                sqlx::query("DELETE FROM idempotency_keys WHERE created_at < $1").bind(cutoff).execute(&pool).await
            {
                tracing::warn!("cannot prune old idempotency records: {error}");
            }
        }
    }
}

enum Done {
    Sign(SignOutcome),
    Letter(u64),
}

fn answer(jobs: impl Iterator<Item = Job>, results: Vec<Done>) {
    for (job, done) in jobs.zip(results) {
        // A closed receiver is a client that went away: its submission is recorded all the same, and its retry
        // will get the same reply.
        match (job, done) {
            (Job::Sign(_, reply), Done::Sign(outcome)) => drop(reply.send(Ok(outcome))),
            (Job::Letter(_, reply), Done::Letter(letters)) => drop(reply.send(Ok(letters))),
            (job, _) => fail(job, "mismatched reply"),
        }
    }
}

fn fail(job: Job, what: &str) {
    match job {
        Job::Sign(_, reply) => drop(reply.send(Err(Error::Unavailable(what.to_owned())))),
        Job::Letter(_, reply) => drop(reply.send(Err(Error::Unavailable(what.to_owned())))),
    }
}

/// The most rows in one multi-row statement (SQLite allows 32,766 parameters, PostgreSQL 65,535).
const ROWS_PER_STATEMENT: usize = 256;

/// `($1, $2, …), (…)`: `rows` groups of `columns` placeholders, numbered `$N` for PostgreSQL, plain `?` for
/// SQLite (which numbers them in order, as they are bound; it looks each `$N` or `?N` up in a list, which
/// makes a statement of thousands of parameters slow to prepare).
fn placeholders(mark: char, rows: usize, columns: usize) -> String {
    let mut sql = String::with_capacity(rows * columns * 5);
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            sql.push(mark);
            if mark == '$' {
                sql.push_str(&(row * columns + column + 1).to_string());
            }
        }
        sql.push(')');
    }
    sql
}

/// What the batch does with one job.
enum Step {
    /// Answered without writing (a replayed or reused key).
    Done(SignOutcome),
    /// The same key and answers as an earlier submission of this batch: the same reply.
    SameAs(usize),
    /// A signature to write.
    Sign(Pending),
    Letter(String),
}

/// A signature being written.
struct Pending {
    id: String,
    /// Set once written: whether the email had signed already, and the ledger's first entry number for its
    /// consents.
    already_signed: bool,
    /// The email had signed, and has not confirmed yet (double opt-in).
    unconfirmed: bool,
    first_entry: i64,
}

impl Pending {
    fn new() -> Pending {
        Pending { id: random_id(), already_signed: false, unconfirmed: false, first_entry: 1 }
    }
}

/// Writes `jobs` in one transaction, a few statements for the whole batch, and returns their outcomes in order.
async fn write(pool: &AnyPool, jobs: &[Job], wordings: &mut HashSet<String>) -> Result<Vec<Done>, sqlx::Error> {
    let now = now_secs();
    let mut tx = crate::db::begin_write(pool).await?;
    let mark = if tx.backend_name() == "SQLite" { '?' } else { '$' };
    // 1. Idempotency keys: repeats within the batch, then those already recorded.
    let mut steps: Vec<Step> = Vec::with_capacity(jobs.len());
    let mut keys_in_batch: HashMap<(&str, &str), (&str, usize)> = HashMap::new();
    for (index, job) in jobs.iter().enumerate() {
        let step = match job {
            Job::Letter(job, _) => Step::Letter(job.campaign.clone()),
            Job::Sign(job, _) => match &job.signature.idempotency_key {
                Some(key) => match keys_in_batch.get(&(job.signature.campaign.as_str(), key.as_str())) {
                    Some((fingerprint, first)) if *fingerprint == job.fingerprint => Step::SameAs(*first),
                    Some(_) => Step::Done(SignOutcome::KeyReused),
                    None => {
                        keys_in_batch.insert((&job.signature.campaign, key), (&job.fingerprint, index));
                        Step::Sign(Pending::new())
                    }
                },
                None => Step::Sign(Pending::new()),
            },
        };
        steps.push(step);
    }
    let keyed: Vec<(usize, &SignJob)> = steps
        .iter()
        .zip(jobs)
        .enumerate()
        .filter_map(|(index, (step, job))| match (step, job) {
            (Step::Sign(_), Job::Sign(job, _)) if job.signature.idempotency_key.is_some() => Some((index, &**job)),
            _ => None,
        })
        .collect();
    for chunk in keyed.chunks(ROWS_PER_STATEMENT) {
        let mut sql = String::from(
            "SELECT campaign_id, idempotency_key, fingerprint, response_body FROM idempotency_keys \
             WHERE (campaign_id, idempotency_key) IN (VALUES ",
        );
        sql.push_str(&placeholders(mark, chunk.len(), 2));
        sql.push(')');
        let mut query = sqlx::query_as::<_, (String, String, String, String)>(&sql);
        for (_, job) in chunk {
            query = query.bind(&job.signature.campaign).bind(job.signature.idempotency_key.as_deref());
        }
        for (campaign, key, fingerprint, body) in query.fetch_all(&mut *tx).await? {
            let found = chunk.iter().find(|(_, job)| {
                job.signature.campaign == campaign && job.signature.idempotency_key.as_deref() == Some(key.as_str())
            });
            if let Some((index, job)) = found {
                steps[*index] = Step::Done(if job.fingerprint == fingerprint {
                    match serde_json::from_str::<SignedReply>(&body) {
                        Ok(reply) => SignOutcome::Replayed(reply),
                        Err(_) => SignOutcome::KeyReused,
                    }
                } else {
                    SignOutcome::KeyReused
                });
            }
        }
    }
    // 2. New signatures, all at once; those whose email had signed the campaign already are left out.
    let to_sign: Vec<(usize, &SignJob)> = steps
        .iter()
        .zip(jobs)
        .enumerate()
        .filter_map(|(index, (step, job))| match (step, job) {
            (Step::Sign(_), Job::Sign(job, _)) => Some((index, &**job)),
            _ => None,
        })
        .collect();
    let mut inserted: HashSet<String> = HashSet::new();
    for chunk in to_sign.chunks(ROWS_PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO signatures (id, campaign_id, email_key, email, first_name, last_name, postal_code, riding, \
             partner_id, lang, comment, answers, status, signed_at, consent_entries) VALUES ",
        );
        sql.push_str(&placeholders(mark, chunk.len(), 15));
        sql.push_str(" ON CONFLICT (campaign_id, email_key) DO NOTHING RETURNING id");
        let mut query = sqlx::query_scalar::<_, String>(&sql);
        for (index, job) in chunk {
            let Step::Sign(pending) = &steps[*index] else { continue };
            let signature = &job.signature;
            let answers: serde_json::Map<String, serde_json::Value> = signature
                .answers
                .iter()
                .map(|answer| (answer.field.clone(), serde_json::Value::from(answer.value.as_cell())))
                .collect();
            query = query
                .bind(pending.id.clone())
                .bind(signature.campaign.clone())
                .bind(job.email_key.clone())
                .bind(signature.email.clone())
                .bind(signature.first_name.clone())
                .bind(signature.last_name.clone())
                .bind(signature.postal_code.to_string())
                .bind(signature.riding.map(|riding| i64::from(riding.0)))
                .bind(signature.partner.clone())
                .bind(signature.lang.code())
                .bind(signature.comment.clone())
                .bind(serde_json::Value::Object(answers).to_string())
                .bind(if job.confirm { "pending" } else { "recorded" })
                .bind(now)
                .bind(i64::try_from(signature.consents.len()).unwrap_or(0));
        }
        inserted.extend(query.fetch_all(&mut *tx).await?);
    }
    // 3. Emails that had signed: not counted again; their consents take the next entry numbers.
    let mut counts: BTreeMap<(String, i64, String), i64> = BTreeMap::new();
    for (index, job) in &to_sign {
        let Step::Sign(pending) = &mut steps[*index] else { continue };
        let signature = &job.signature;
        if inserted.contains(&pending.id) && job.confirm {
            continue;
        }
        if inserted.contains(&pending.id) {
            let key = (
                signature.campaign.clone(),
                signature.riding.map_or(0, |riding| i64::from(riding.0)),
                signature.partner.clone().unwrap_or_default(),
            );
            *counts.entry(key).or_default() += 1;
            continue;
        }
        let consents = i64::try_from(signature.consents.len()).unwrap_or(0);
        let (id, entries, status) = sqlx::query_as::<_, (String, i64, String)>(
            "UPDATE signatures SET consent_entries = consent_entries + $1 \
             WHERE campaign_id = $2 AND email_key = $3 RETURNING id, consent_entries, status",
        )
        .bind(consents)
        .bind(&signature.campaign)
        .bind(&job.email_key)
        .fetch_one(&mut *tx)
        .await?;
        pending.id = id;
        pending.first_entry = entries - consents + 1;
        pending.already_signed = true;
        pending.unconfirmed = status == "pending";
    }
    // 4. The ledger: the wordings not seen yet, then one new row per ticked box, never an update.
    let mut new_wordings: Vec<(&str, &str, &str)> = Vec::new();
    for (_, job) in &to_sign {
        for consent in &job.signature.consents {
            if !wordings.contains(&consent.version)
                && !new_wordings.iter().any(|(version, _, _)| *version == consent.version)
            {
                new_wordings.push((&consent.version, job.signature.lang.code(), &consent.text));
            }
        }
    }
    for (version, lang, text) in &new_wordings {
        sqlx::query(
            "INSERT INTO consent_wordings (version, lang, text, first_recorded_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (version) DO NOTHING",
        )
        .bind(*version)
        .bind(*lang)
        .bind(*text)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    let mut ledger: Vec<(&str, i64, &SignJob, &ConsentOffer)> = Vec::new();
    for (index, job) in &to_sign {
        let Step::Sign(pending) = &steps[*index] else { continue };
        for (offset, consent) in job.signature.consents.iter().enumerate() {
            ledger.push((&pending.id, pending.first_entry + i64::try_from(offset).unwrap_or(0), job, consent));
        }
    }
    for chunk in ledger.chunks(ROWS_PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO consents (signature_id, entry, campaign_id, organisation, action, wording_version, lang, \
             site_partner_id, recorded_at) VALUES ",
        );
        sql.push_str(&placeholders(mark, chunk.len(), 9));
        let mut query = sqlx::query(&sql);
        for (id, entry, job, consent) in chunk {
            let organisation = match (consent.to, &consent.partner) {
                (ConsentTo::Partner, Some(partner)) => format!("partner:{partner}"),
                _ => "organiser".to_owned(),
            };
            query = query
                .bind(*id)
                .bind(*entry)
                .bind(&job.signature.campaign)
                .bind(organisation)
                .bind("given")
                .bind(&consent.version)
                .bind(job.signature.lang.code())
                .bind(job.signature.partner.as_deref())
                .bind(now);
        }
        query.execute(&mut *tx).await?;
    }
    // 5. The anonymous counts.
    let mut letters: BTreeMap<(String, i64, String, String, String), i64> = BTreeMap::new();
    for job in jobs {
        if let Job::Letter(job, _) = job {
            let riding = job.letter.riding.map_or(0, |riding| i64::from(riding.0));
            let partner = job.letter.partner.clone().unwrap_or_default();
            let channel = job.letter.channel.code().to_owned();
            for target in &job.letter.targets {
                let key = (job.campaign.clone(), riding, partner.clone(), target.code(), channel.clone());
                *letters.entry(key).or_default() += 1;
            }
        }
    }
    for ((campaign, riding, partner), added) in &counts {
        sqlx::query(
            "INSERT INTO signature_counts (campaign_id, riding, partner_id, signatures) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (campaign_id, riding, partner_id) \
             DO UPDATE SET signatures = signature_counts.signatures + excluded.signatures",
        )
        .bind(campaign)
        .bind(riding)
        .bind(partner)
        .bind(added)
        .execute(&mut *tx)
        .await?;
    }
    for ((campaign, riding, partner, target, channel), added) in &letters {
        sqlx::query(
            "INSERT INTO letter_counts (campaign_id, riding, partner_id, target, channel, letters) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (campaign_id, riding, partner_id, target, channel) \
             DO UPDATE SET letters = letter_counts.letters + excluded.letters",
        )
        .bind(campaign)
        .bind(riding)
        .bind(partner)
        .bind(target)
        .bind(channel)
        .bind(added)
        .execute(&mut *tx)
        .await?;
    }
    // 6. The counts after this batch, once per campaign, and the replies.
    let mut totals: HashMap<&str, Stats> = HashMap::new();
    let mut letter_totals: HashMap<&str, u64> = HashMap::new();
    for (step, job) in steps.iter().zip(jobs) {
        match (step, job) {
            (Step::Sign(_), Job::Sign(job, _)) if !totals.contains_key(job.signature.campaign.as_str()) => {
                let stats = super::store::signature_counts(&mut *tx, &job.signature.campaign).await?;
                totals.insert(&job.signature.campaign, stats);
            }
            (Step::Letter(_), Job::Letter(job, _)) if !letter_totals.contains_key(job.campaign.as_str()) => {
                let total = super::store::letter_total(&mut *tx, &job.campaign).await?;
                letter_totals.insert(&job.campaign, total);
            }
            _ => {}
        }
    }
    let mut results: Vec<Done> = Vec::with_capacity(steps.len());
    let mut remembered: Vec<(&SignJob, &str, String)> = Vec::new();
    let mut new_signatures = Vec::new();
    for (step, job) in steps.iter().zip(jobs) {
        let done = match (step, job) {
            (Step::Done(outcome), _) => Done::Sign(outcome.clone()),
            (Step::Letter(campaign), _) => Done::Letter(letter_totals.get(campaign.as_str()).copied().unwrap_or(0)),
            (Step::SameAs(first), _) => match &results[*first] {
                Done::Sign(SignOutcome::Signed(reply) | SignOutcome::Replayed(reply)) => {
                    Done::Sign(SignOutcome::Replayed(reply.clone()))
                }
                _ => Done::Sign(SignOutcome::KeyReused),
            },
            (Step::Sign(pending), Job::Sign(job, _)) => {
                let stats = totals.get(job.signature.campaign.as_str());
                let reply = SignedReply {
                    total: stats.map_or(0, |stats| stats.total),
                    riding_total: job.signature.riding.map(|riding| stats.map_or(0, |stats| stats.riding(riding))),
                    goal: job.goal,
                    already_signed: pending.already_signed,
                    // Stored as "pending": the route queues the confirmation email for it.
                    // Or still "pending": the route sends the link again.
                    pending_confirmation: job.confirm && (!pending.already_signed || pending.unconfirmed),
                };
                if !pending.already_signed {
                    new_signatures.push(pending.id.clone());
                }
                if job.signature.idempotency_key.is_some() {
                    remembered.push((job, &pending.id, serde_json::to_string(&reply).unwrap_or_default()));
                }
                Done::Sign(SignOutcome::Signed(reply))
            }
            (Step::Sign(_), Job::Letter(..)) => Done::Sign(SignOutcome::KeyReused),
        };
        results.push(done);
    }
    // 7. The replies, kept for a day under their idempotency keys.
    for chunk in remembered.chunks(ROWS_PER_STATEMENT) {
        let mut sql = String::from(
            "INSERT INTO idempotency_keys (campaign_id, idempotency_key, fingerprint, signature_id, \
             response_status, response_body, created_at) VALUES ",
        );
        sql.push_str(&placeholders(mark, chunk.len(), 7));
        sql.push_str(" ON CONFLICT (campaign_id, idempotency_key) DO NOTHING");
        let mut query = sqlx::query(&sql);
        for (job, id, body) in chunk {
            query = query
                .bind(&job.signature.campaign)
                .bind(job.signature.idempotency_key.as_deref())
                .bind(&job.fingerprint)
                .bind(*id)
                .bind(200i64)
                .bind(body.as_str())
                .bind(now);
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    wordings.extend(new_wordings.iter().map(|(version, _, _)| (*version).to_owned()));
    for signature_id in new_signatures {
        super::signature_recorded(&signature_id);
    }
    Ok(results)
}
