//! The petition's public API: signatures, letter counts, live counts and proof-of-work challenges.
//!
//! Cross-origin requests are allowed only from the origins the campaign lists for its partners (the
//! `Access-Control-Allow-Origin` value is the campaign's copy, never the request's `Origin`), and from the
//! server's own pages (an `Origin` whose host is the request's `Host`). A submission from a partner's origin must
//! name that partner. Requests without `Origin` (not from a browser) are not cross-origin and pass.

use std::net::IpAddr;

use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde::de::DeserializeOwned;
use voix_core::petition::api::{ErrorCode, LetterRecorded, SignedReply};
use voix_core::petition::{validate, FieldError, LetterSent, SignatureProblem, SignatureSubmission};
use voix_core::Lang;

use super::store;
use super::writer::{SignJob, SignOutcome};
use crate::campaigns::Served;
use crate::error::Error;
use crate::http::cors::Caller;
use crate::http::extract::RequestLang;
use crate::state::AppState;

/// The largest request body accepted: a signature with a full comment and the proof of work fits many times.
pub const BODY_LIMIT: usize = 16 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/campaigns/{id}/signatures", axum::routing::post(sign).options(preflight))
        .route("/api/campaigns/{id}/letters", axum::routing::post(letter).options(preflight))
        .route("/api/campaigns/{id}/stats", get(stats).options(preflight))
        .route("/api/campaigns/{id}/altcha", get(challenge).options(preflight))
        .route("/api/admin/campaigns", get(super::admin::campaigns))
        .route("/api/admin/campaigns/{id}/export.csv", get(super::admin::export))
        .route("/api/admin/campaigns/{id}/withdrawals", axum::routing::post(super::admin::withdraw))
}

fn campaign<'s>(state: &'s AppState, id: &str, lang: Lang) -> Result<&'s Served, Error> {
    state.campaigns.get(id).ok_or_else(|| Error::refused(ErrorCode::UnknownCampaign, lang))
}

fn client_ip(state: &AppState, request: &Request) -> IpAddr {
    crate::http::extract::client_ip(state, request.headers(), request.extensions())
}

/// Reads a JSON body of at most [`BODY_LIMIT`] bytes.
async fn read_json<T: DeserializeOwned>(request: Request, lang: Lang) -> Result<T, Error> {
    let content_type = request.headers().get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok());
    let is_json = content_type
        .and_then(|value| value.split(';').next())
        .is_some_and(|value| value.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(Error::refused(ErrorCode::NotJson, lang));
    }
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|value| value.to_str().ok());
    if declared.and_then(|value| value.parse::<usize>().ok()).is_some_and(|length| length > BODY_LIMIT) {
        return Err(Error::refused(ErrorCode::TooLarge, lang));
    }
    let bytes = match Limited::new(request.into_body(), BODY_LIMIT).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => {
            return Err(Error::refused(ErrorCode::TooLarge, lang));
        }
        Err(_) => return Err(Error::refused(ErrorCode::Unreadable, lang)),
    };
    serde_json::from_slice(&bytes).map_err(|_| Error::refused(ErrorCode::Unreadable, lang))
}

fn json_reply<T: serde::Serialize>(value: &T) -> Response {
    let mut response = Json(value).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `OPTIONS` on the API: the preflight of a partner's cross-origin request.
async fn preflight(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let lang = RequestLang::of(&headers);
    let served = match campaign(&state, &id, lang) {
        Ok(served) => served,
        Err(error) => return error.into_response(),
    };
    let caller = Caller::of(served, &headers);
    if caller.is_refused() {
        return Error::refused(ErrorCode::OriginRefused, lang).into_response();
    }
    caller.preflight()
}

/// `GET /api/campaigns/{id}/stats`.
async fn stats(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let lang = RequestLang::of(&headers);
    let served = match campaign(&state, &id, lang) {
        Ok(served) => served,
        Err(error) => return error.into_response(),
    };
    let caller = Caller::of(served, &headers);
    let mut response = match store::stats(&state.db, &served.campaign).await {
        Ok(stats) => {
            let mut response = Json(stats).into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
        Err(error) => unavailable(error, lang),
    };
    caller.allow(&mut response);
    response
}

/// `GET /api/campaigns/{id}/altcha`: a proof-of-work challenge, rate-limited per address.
async fn challenge(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let lang = RequestLang::of(request.headers());
    let served = match campaign(&state, &id, lang) {
        Ok(served) => served,
        Err(error) => return error.into_response(),
    };
    let caller = Caller::of(served, request.headers());
    let ip = client_ip(&state, &request);
    let result = match state.petition.ip_limits.check(ip) {
        Err(seconds) => Err(Error::too_many(lang, seconds)),
        Ok(()) => state.petition.altcha.challenge(),
    };
    let mut response = match result {
        Ok(challenge) => json_reply(&challenge),
        Err(error) => error.into_response(),
    };
    caller.allow(&mut response);
    response
}

/// `POST /api/campaigns/{id}/signatures`.
async fn sign(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let lang = RequestLang::of(request.headers());
    let served = match campaign(&state, &id, lang) {
        Ok(served) => served,
        Err(error) => return error.into_response(),
    };
    let caller = Caller::of(served, request.headers());
    let mut response = match sign_checked(&state, served, &caller, request, lang).await {
        Ok(reply) => json_reply(&reply),
        Err(error) => error.into_response(),
    };
    caller.allow(&mut response);
    response
}

async fn sign_checked(
    state: &AppState,
    served: &Served,
    caller: &Caller,
    request: Request,
    lang: Lang,
) -> Result<SignedReply, Error> {
    if matches!(caller, Caller::Refused) {
        return Err(Error::refused(ErrorCode::OriginRefused, lang));
    }
    let ip = client_ip(state, &request);
    let mut submission: SignatureSubmission = read_json(request, lang).await?;
    let lang = submission.lang;
    let campaign = &served.campaign;
    if submission.campaign.is_empty() {
        submission.campaign = campaign.id.clone();
    }
    check_partner(served, caller, submission.partner.as_deref(), lang)?;
    let goal = campaign.petition.as_ref().and_then(|petition| petition.goal);
    // Double opt-in only when this server can send the confirmation email.
    let confirm = campaign.petition.as_ref().is_some_and(|p| p.confirm_by_email) && state.mail.is_some();
    if submission.honeypot_filled() {
        // A bot: answer as if it signed, store nothing.
        tracing::info!("petition: a submission filled the hidden field; answered without recording");
        let stats = store::stats(&state.db, campaign).await.map_err(|error| database(error, lang))?;
        // Counted as a real signature would be: at once, or (double opt-in) only once confirmed.
        let added = u64::from(!confirm);
        let riding_total = submission.riding.map(|riding| stats.riding(riding) + added);
        let total = stats.total + added;
        return Ok(SignedReply { total, riding_total, goal, already_signed: false, pending_confirmation: confirm });
    }
    let signature = validate(campaign, &submission).map_err(|errors| Error::invalid(errors, lang))?;
    let fingerprint = fingerprint(&submission);
    let petition = &state.petition;
    petition.ip_limits.check(ip).map_err(|seconds| Error::too_many(lang, seconds))?;
    if !petition.altcha.verify(submission.altcha.as_ref(), signature.idempotency_key.as_deref()) {
        // A retry of a recorded submission needs no new proof of work: its challenge may have expired, or the
        // server restarted, while the reply was lost.
        if let Some(key) = &signature.idempotency_key {
            let stored = store::stored_reply(&state.db, &campaign.id, key, &fingerprint).await;
            match stored.map_err(|error| database(error.into(), lang))? {
                Some(SignOutcome::Replayed(reply)) => return Ok(reply),
                Some(_) => return Err(Error::refused(ErrorCode::IdempotencyKeyReused, lang)),
                None => {}
            }
        }
        return Err(Error::invalid(vec![FieldError::new("altcha", SignatureProblem::RobotCheckFailed)], lang));
    }
    // After the proof of work, so that no one can use up a person's attempts for free.
    let email_key = store::email_key(&petition.email_secret, &signature.email);
    petition.email_limits.check(email_key.clone()).map_err(|seconds| Error::too_many(lang, seconds))?;
    let (first_name, lang_signed) = (signature.first_name.clone(), signature.lang);
    let job = SignJob { signature, email_key: email_key.clone(), fingerprint, goal, confirm };
    match petition.writer.sign(job).await {
        // A new pending signature, or one signed again before it was confirmed: the link is (re)sent, at most
        // `CONFIRMATIONS_PER_DAY` times a day to one address; the reply says it waits for confirmation either way.
        Ok(SignOutcome::Signed(reply)) if confirm && reply.pending_confirmation => {
            if petition.confirmation_limits.check(email_key.clone()).is_ok() {
                crate::mail::routes::queue_signature_confirmation(state, served, &email_key, &first_name, lang_signed)
                    .await
                    .map_err(|error| database(error, lang))?;
            } else {
                tracing::info!("petition: confirmation email not sent again (daily limit for this address)");
            }
            Ok(reply)
        }
        Ok(SignOutcome::Signed(reply) | SignOutcome::Replayed(reply)) => Ok(reply),
        Ok(SignOutcome::KeyReused) => Err(Error::refused(ErrorCode::IdempotencyKeyReused, lang)),
        Err(error) => Err(with_lang(error, lang)),
    }
}

/// A submission from a partner's origin must name that partner.
fn check_partner(served: &Served, caller: &Caller, partner: Option<&str>, lang: Lang) -> Result<(), Error> {
    if let Caller::Partner(origin) = caller {
        let matches = partner.is_some_and(|partner| served.partners_of_origin(origin).any(|id| id == partner));
        if !matches {
            return Err(Error::refused(ErrorCode::PartnerMismatch, lang));
        }
    }
    Ok(())
}

/// SHA-256 of the submission's answers: everything but the proof of work, the hidden field and the key.
fn fingerprint(submission: &SignatureSubmission) -> String {
    let mut answers = submission.clone();
    answers.altcha = None;
    answers.honeypot = None;
    answers.idempotency_key = None;
    let json = serde_json::to_vec(&answers).unwrap_or_default();
    voix_core::petition::sha256_hex(&json)
}

/// `POST /api/campaigns/{id}/letters`: counts a letter, per recipient. No text, nothing about the person.
async fn letter(State(state): State<AppState>, Path(id): Path<String>, request: Request) -> Response {
    let lang = RequestLang::of(request.headers());
    let served = match campaign(&state, &id, lang) {
        Ok(served) => served,
        Err(error) => return error.into_response(),
    };
    let caller = Caller::of(served, request.headers());
    let mut response = match letter_checked(&state, served, &caller, request, lang).await {
        Ok(letters) => json_reply(&LetterRecorded { letters }),
        Err(error) => error.into_response(),
    };
    caller.allow(&mut response);
    response
}

async fn letter_checked(
    state: &AppState,
    served: &Served,
    caller: &Caller,
    request: Request,
    lang: Lang,
) -> Result<u64, Error> {
    if matches!(caller, Caller::Refused) {
        return Err(Error::refused(ErrorCode::OriginRefused, lang));
    }
    let ip = client_ip(state, &request);
    let letter: LetterSent = read_json(request, lang).await?;
    check_partner(served, caller, letter.partner.as_deref(), lang)?;
    letter.check(&served.campaign).map_err(|errors| Error::invalid(errors, lang))?;
    state.petition.ip_limits.check(ip).map_err(|seconds| Error::too_many(lang, seconds))?;
    // A letter count costs nothing to send, so one client address counts a few letters a day per campaign.
    let key = (served.campaign.id.clone(), ip);
    state.petition.letter_count_limits.check(key).map_err(|seconds| Error::too_many(lang, seconds))?;
    state.petition.writer.letter(&served.campaign.id, letter).await.map_err(|error| with_lang(error, lang))
}

fn database(error: Error, lang: Lang) -> Error {
    tracing::error!("petition: database error: {error}");
    Error::refused(ErrorCode::Unavailable, lang)
}

fn unavailable(error: Error, lang: Lang) -> Response {
    database(error, lang).into_response()
}

/// The writer's failures (already logged) as a 503 in the person's language.
fn with_lang(error: Error, lang: Lang) -> Error {
    match error {
        Error::Unavailable(what) => {
            tracing::error!("petition: cannot record: {what}");
            Error::refused(ErrorCode::Unavailable, lang)
        }
        other => other,
    }
}
