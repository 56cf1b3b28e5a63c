//! The one writer of signatures and letter counts: a task that takes the queued submissions, writes up to
//! [`BATCH`] of them in one transaction, commits, and only then answers each request. Many signatures share one
//! commit (one `fsync` on SQLite, one WAL flush on PostgreSQL), and no request is acknowledged before its
//! signature is durable.
//!
//! The same code runs on SQLite and PostgreSQL. If a batch fails, each of its submissions is tried again in a
//! transaction of its own, so one bad submission cannot fail the others.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::time::{Duration, Instant};

use sqlx::any::Any;
use sqlx::{AnyPool, Row, Transaction};
use tokio::sync::{mpsc, oneshot};
use voix_core::petition::api::{SignedReply, Stats};
use voix_core::petition::{ConsentTo, LetterSent, ValidSignature};
use voix_core::FedNum;

use super::{now_secs, random_id};
use crate::error::Error;

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

/// A signature written in this batch, waiting for the batch's counts.
struct Written {
    campaign: String,
    riding: Option<FedNum>,
    already_signed: bool,
    goal: Option<u32>,
    signature_id: String,
    /// The key, fingerprint and signature id to remember the reply under.
    key: Option<(String, String, String)>,
}

enum Step {
    Done(SignOutcome),
    Written(Written),
    /// The same key and answers as an earlier submission of this batch.
    SameAs(usize),
    Letter(String),
}

/// Writes `jobs` in one transaction and returns their outcomes in order.
async fn write(pool: &AnyPool, jobs: &[Job], wordings: &mut HashSet<String>) -> Result<Vec<Done>, sqlx::Error> {
    let now = now_secs();
    let mut tx = pool.begin().await?;
    let mut steps = Vec::with_capacity(jobs.len());
    let mut keys_in_batch: HashMap<(String, String), (String, usize)> = HashMap::new();
    let mut counts: BTreeMap<(String, i64, String), i64> = BTreeMap::new();
    let mut letters: BTreeMap<(String, i64, String, String, String), i64> = BTreeMap::new();
    let mut new_wordings = Vec::new();
    for (index, job) in jobs.iter().enumerate() {
        let step = match job {
            Job::Sign(job, _) => {
                sign(&mut tx, job, now, index, &mut keys_in_batch, &mut counts, wordings, &mut new_wordings).await?
            }
            Job::Letter(job, _) => {
                let riding = job.letter.riding.map_or(0, |riding| i64::from(riding.0));
                let partner = job.letter.partner.clone().unwrap_or_default();
                let channel = job.letter.channel.code().to_owned();
                for target in &job.letter.targets {
                    let key = (job.campaign.clone(), riding, partner.clone(), target.code(), channel.clone());
                    *letters.entry(key).or_default() += 1;
                }
                Step::Letter(job.campaign.clone())
            }
        };
        steps.push(step);
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
    // The counts after this batch, once per campaign.
    let mut totals: HashMap<String, Stats> = HashMap::new();
    let mut letter_totals: HashMap<String, u64> = HashMap::new();
    for step in &steps {
        match step {
            Step::Written(written) if !totals.contains_key(&written.campaign) => {
                let stats = super::store::signature_counts(&mut *tx, &written.campaign).await?;
                totals.insert(written.campaign.clone(), stats);
            }
            Step::Letter(campaign) if !letter_totals.contains_key(campaign) => {
                let total = super::store::letter_total(&mut *tx, campaign).await?;
                letter_totals.insert(campaign.clone(), total);
            }
            _ => {}
        }
    }
    let mut results: Vec<Done> = Vec::with_capacity(steps.len());
    let mut new_signatures = Vec::new();
    for step in steps {
        let done = match step {
            Step::Done(outcome) => Done::Sign(outcome),
            Step::Letter(campaign) => Done::Letter(letter_totals.get(&campaign).copied().unwrap_or(0)),
            Step::SameAs(first) => match &results[first] {
                Done::Sign(SignOutcome::Signed(reply) | SignOutcome::Replayed(reply)) => {
                    Done::Sign(SignOutcome::Replayed(reply.clone()))
                }
                _ => Done::Sign(SignOutcome::KeyReused),
            },
            Step::Written(written) => {
                if !written.already_signed {
                    new_signatures.push(written.signature_id.clone());
                }
                let stats = totals.get(&written.campaign);
                let reply = SignedReply {
                    total: stats.map_or(0, |stats| stats.total),
                    riding_total: written.riding.map(|riding| stats.map_or(0, |stats| stats.riding(riding))),
                    goal: written.goal,
                    already_signed: written.already_signed,
                };
                if let Some((key, fingerprint, signature_id)) = &written.key {
                    let body = serde_json::to_string(&reply).unwrap_or_default();
                    sqlx::query(
                        "INSERT INTO idempotency_keys (campaign_id, idempotency_key, fingerprint, signature_id, \
                         response_status, response_body, created_at) VALUES ($1, $2, $3, $4, 200, $5, $6) \
                         ON CONFLICT (campaign_id, idempotency_key) DO NOTHING",
                    )
                    .bind(&written.campaign)
                    .bind(key)
                    .bind(fingerprint)
                    .bind(signature_id)
                    .bind(body)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                Done::Sign(SignOutcome::Signed(reply))
            }
        };
        results.push(done);
    }
    tx.commit().await?;
    wordings.extend(new_wordings);
    for signature_id in new_signatures {
        super::signature_recorded(&signature_id);
    }
    Ok(results)
}

#[allow(clippy::too_many_arguments)]
async fn sign(
    tx: &mut Transaction<'static, Any>,
    job: &SignJob,
    now: i64,
    index: usize,
    keys_in_batch: &mut HashMap<(String, String), (String, usize)>,
    counts: &mut BTreeMap<(String, i64, String), i64>,
    wordings: &HashSet<String>,
    new_wordings: &mut Vec<String>,
) -> Result<Step, sqlx::Error> {
    let signature = &job.signature;
    let campaign = &signature.campaign;
    if let Some(key) = &signature.idempotency_key {
        if let Some((fingerprint, first)) = keys_in_batch.get(&(campaign.clone(), key.clone())) {
            return Ok(if *fingerprint == job.fingerprint {
                Step::SameAs(*first)
            } else {
                Step::Done(SignOutcome::KeyReused)
            });
        }
        if let Some(outcome) = super::store::stored_reply(&mut **tx, campaign, key, &job.fingerprint).await? {
            return Ok(Step::Done(outcome));
        }
        keys_in_batch.insert((campaign.clone(), key.clone()), (job.fingerprint.clone(), index));
    }
    let consents = i64::try_from(signature.consents.len()).unwrap_or(0);
    let answers: serde_json::Map<String, serde_json::Value> = signature
        .answers
        .iter()
        .map(|answer| (answer.field.clone(), serde_json::Value::from(answer.value.as_cell())))
        .collect();
    let riding = signature.riding.map(|riding| i64::from(riding.0));
    let new_id = random_id();
    let inserted: Option<String> = sqlx::query_scalar(
        "INSERT INTO signatures (id, campaign_id, email_key, email, first_name, last_name, postal_code, riding, \
         partner_id, lang, comment, answers, status, signed_at, consent_entries) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'recorded', $13, $14) \
         ON CONFLICT (campaign_id, email_key) DO NOTHING RETURNING id",
    )
    .bind(&new_id)
    .bind(campaign)
    .bind(&job.email_key)
    .bind(&signature.email)
    .bind(&signature.first_name)
    .bind(&signature.last_name)
    .bind(signature.postal_code.to_string())
    .bind(riding)
    .bind(signature.partner.as_deref())
    .bind(signature.lang.code())
    .bind(signature.comment.as_deref())
    .bind(serde_json::Value::Object(answers).to_string())
    .bind(now)
    .bind(consents)
    .fetch_optional(&mut **tx)
    .await?;
    let (signature_id, first_entry, already_signed) = match inserted {
        Some(id) => {
            let key = (campaign.clone(), riding.unwrap_or(0), signature.partner.clone().unwrap_or_default());
            *counts.entry(key).or_default() += 1;
            (id, 1, false)
        }
        None => {
            let row = sqlx::query(
                "UPDATE signatures SET consent_entries = consent_entries + $1 \
                 WHERE campaign_id = $2 AND email_key = $3 RETURNING id, consent_entries",
            )
            .bind(consents)
            .bind(campaign)
            .bind(&job.email_key)
            .fetch_one(&mut **tx)
            .await?;
            let entries: i64 = row.try_get(1)?;
            (row.try_get::<String, _>(0)?, entries - consents + 1, true)
        }
    };
    // The ledger: one new row per ticked box, never an update.
    for (offset, consent) in signature.consents.iter().enumerate() {
        if !wordings.contains(&consent.version) && !new_wordings.contains(&consent.version) {
            sqlx::query(
                "INSERT INTO consent_wordings (version, lang, text, first_recorded_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (version) DO NOTHING",
            )
            .bind(&consent.version)
            .bind(signature.lang.code())
            .bind(&consent.text)
            .bind(now)
            .execute(&mut **tx)
            .await?;
            new_wordings.push(consent.version.clone());
        }
        let organisation = match (consent.to, &consent.partner) {
            (ConsentTo::Partner, Some(partner)) => format!("partner:{partner}"),
            _ => "organiser".to_owned(),
        };
        sqlx::query(
            "INSERT INTO consents (signature_id, entry, campaign_id, organisation, action, wording_version, lang, \
             site_partner_id, recorded_at) VALUES ($1, $2, $3, $4, 'given', $5, $6, $7, $8)",
        )
        .bind(&signature_id)
        .bind(first_entry + i64::try_from(offset).unwrap_or(0))
        .bind(campaign)
        .bind(organisation)
        .bind(&consent.version)
        .bind(signature.lang.code())
        .bind(signature.partner.as_deref())
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    let key = signature.idempotency_key.clone().map(|key| (key, job.fingerprint.clone(), signature_id.clone()));
    Ok(Step::Written(Written {
        campaign: campaign.clone(),
        riding: signature.riding,
        already_signed,
        goal: job.goal,
        signature_id,
        key,
    }))
}
