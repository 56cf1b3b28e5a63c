//! The HTTP side of email: a letter for the server to send, the confirmation and withdrawal pages.
//!
//! - `GET /api/campaigns/{id}/capabilities`: `{"server_letters": bool}` (SMTP configured and "server" in the
//!   campaign's `letter.send`).
//! - `POST /api/campaigns/{id}/letters/server`: stores a pending letter, queues its confirmation email, 202.
//! - `GET /confirm/{token}`: a page whose button confirms; the GET itself changes nothing (mail scanners
//!   prefetch links). `POST /confirm/{token}`: confirms and queues one email per recipient.
//! - `GET /withdraw`, `POST /withdraw` (an email address: a confirmation link is emailed), `GET /withdraw/{token}`
//!   (button), `POST /withdraw/{token}`: appends a "withdrawn" row to the ledger for every consent of that
//!   address, coalition-wide.
//!
//! The pages have no script, no external resource, a strict CSP and no referrer (the token is in the URL).

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Json, Router};
use serde::{Deserialize, Serialize};
use sqlx::FromRow;
use voix_core::campaign::SendMethod;
use voix_core::email::{self, escape, EmailText, LetterConfirmation, LetterForTarget};
use voix_core::letter::server::{LetterProblem, ServerLetter, MAX_REQUEST_BYTES};
use voix_core::Lang;

use super::queue::{enqueue, Queued};
use crate::error::Error;
use crate::http::cors::Caller;
use crate::http::extract::{client_ip, RequestLang};
use crate::ids::{now_secs, random_id, token_hash};
use crate::petition::store;
use crate::state::AppState;

/// Unconfirmed letters and withdrawals expire after this long.
pub const CONFIRM_WITHIN_SECS: i64 = 7 * 24 * 3600;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/campaigns/{id}/capabilities", get(capabilities).options(preflight))
        .route(
            "/api/campaigns/{id}/letters/server",
            axum::routing::post(submit)
                .layer(axum::extract::DefaultBodyLimit::max(MAX_REQUEST_BYTES))
                .options(preflight),
        )
        // The pages' forms carry an address at most: a few KiB are plenty.
        .route("/confirm/{token}", get(confirm_page).post(confirm).layer(small_forms()))
        .route("/withdraw", get(withdraw_page).post(withdraw_request).layer(small_forms()))
        .route("/withdraw/{token}", get(withdraw_confirm_page).post(withdraw_confirm).layer(small_forms()))
}

/// The body limit of the confirmation and withdrawal forms.
fn small_forms() -> axum::extract::DefaultBodyLimit {
    axum::extract::DefaultBodyLimit::max(4 * 1024)
}

/// The withdrawal page's address for a campaign's emails.
pub fn withdraw_url(public_url: &str, campaign: &str, lang: Lang) -> String {
    format!("{}/withdraw?campaign={campaign}&lang={}", public_url.trim_end_matches('/'), lang.code())
}

fn new_token() -> Result<String, Error> {
    crate::ids::secret_hex().map_err(Error::Random)
}

/// Who may call the API from a browser: pages of this server, and the campaign's partner origins (which get
/// CORS headers). `Err` for any other origin.
fn caller(served: &crate::campaigns::Served, headers: &HeaderMap) -> Result<Caller, ()> {
    let caller = Caller::of(served, headers);
    if caller.is_refused() {
        Err(())
    } else {
        Ok(caller)
    }
}

async fn preflight(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let Some(served) = state.campaigns.get(&id) else { return Error::NotFound.into_response() };
    let Ok(allow) = caller(served, &headers) else { return refuse(StatusCode::FORBIDDEN, "origin_refused") };
    allow.preflight()
}

#[derive(Serialize)]
struct Capabilities {
    server_letters: bool,
}

async fn capabilities(State(state): State<AppState>, Path(id): Path<String>, headers: HeaderMap) -> Response {
    let Some(served) = state.campaigns.get(&id) else { return Error::NotFound.into_response() };
    let Ok(allow) = caller(served, &headers) else { return refuse(StatusCode::FORBIDDEN, "origin_refused") };
    let offered = state.mail.is_some()
        && served.campaign.letter.as_ref().is_some_and(|letter| letter.send.contains(&SendMethod::Server));
    allow.allowed(Json(Capabilities { server_letters: offered }).into_response())
}

#[derive(Serialize)]
struct Problem {
    error: &'static str,
}

fn refuse(status: StatusCode, error: &'static str) -> Response {
    (status, Json(Problem { error })).into_response()
}

/// The project's one email rule (which the mail library accepts: `tests/email_rule.rs`).
fn is_address(email: &str) -> bool {
    voix_core::checks::is_email(email)
}

/// `POST /api/campaigns/{id}/letters/server`.
async fn submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    Json(letter): Json<ServerLetter>,
) -> Response {
    let Some(served) = state.campaigns.get(&id) else { return Error::NotFound.into_response() };
    let Ok(allow) = caller(served, &headers) else { return refuse(StatusCode::FORBIDDEN, "origin_refused") };
    // The petition's per-address limit: each letter makes the server send a confirmation email.
    if state.petition.ip_limits.check(client_ip(&state, &headers, &extensions)).is_err() {
        return allow.allowed(refuse(StatusCode::TOO_MANY_REQUESTS, "rate_limited"));
    }
    allow.allowed(submit_checked(&state, served, &id, &headers, letter).await)
}

async fn submit_checked(
    state: &AppState,
    served: &crate::campaigns::Served,
    id: &str,
    headers: &HeaderMap,
    letter: ServerLetter,
) -> Response {
    let Some(mail) = state.mail.clone() else { return refuse(StatusCode::NOT_FOUND, "server_letters_not_offered") };
    let Some(campaign_letter) = served.campaign.letter.as_ref().filter(|l| l.send.contains(&SendMethod::Server)) else {
        return refuse(StatusCode::NOT_FOUND, "server_letters_not_offered");
    };
    let lang = match letter.lang.as_deref() {
        Some("fr") => Lang::Fr,
        Some(_) => Lang::En,
        None => RequestLang::of(headers),
    };
    let sender_email = voix_core::petition::normalise_email(&letter.email);
    let postal_code = match letter.check() {
        Ok(postal_code) if is_address(&sender_email) => postal_code.to_string(),
        Ok(_) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, LetterProblem::Email.code()),
        Err(problem) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, problem.code()),
    };
    let name = letter.sender_name.trim();
    let subject = letter.subject.trim();
    let directory = state.data_file.directory();
    let addressees = match super::addressees::resolve(&letter, campaign_letter, directory, lang) {
        Ok(addressees) => addressees,
        Err(problem) => return refuse(StatusCode::UNPROCESSABLE_ENTITY, problem.code()),
    };
    // The same proof of work as a signature: each letter makes the server send an email.
    if !state.petition.altcha.verify(letter.altcha.as_ref(), None) {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, "altcha");
    }
    // Each letter emails its sender a confirmation: at most a few a day reach one address, whoever asks.
    let address_key = crate::personal_data::email_key(&state.petition.email_secret, &sender_email);
    if state.petition.confirmation_limits.check(address_key).is_err() {
        return refuse(StatusCode::TOO_MANY_REQUESTS, "confirmations_limited");
    }
    let riding = addressees.riding.as_deref();
    let recipients: Vec<serde_json::Value> =
        addressees.recipients.iter().map(|r| serde_json::json!({"name": r.name, "email": r.email})).collect();
    let result = async {
        let token = new_token()?;
        let public = mail.public_url.as_str();
        let request_id = random_id();
        let confirm_url = mail.public_url.join(&format!("/confirm/{token}"));
        let withdraw = withdraw_url(public, id, lang);
        let names: Vec<String> = addressees.recipients.iter().map(|r| r.name.clone()).collect();
        let confirmation = email::letter_confirmation(
            &served.campaign,
            lang,
            &LetterConfirmation {
                sender_name: name,
                recipients: &names,
                confirm_url: &confirm_url,
                withdraw_url: &withdraw,
            },
        );
        let organiser = served.campaign.organiser.name.text(lang).to_owned();
        let mut tx = crate::db::begin_write(&state.db).await?;
        sqlx::query(
            "INSERT INTO letter_requests (id, campaign_id, token_hash, sender_name, sender_email, postal_code, \
             riding, lang, subject, body, recipients, public_url, retention_days, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'pending', $14)",
        )
        .bind(&request_id)
        .bind(id)
        .bind(token_hash(&token))
        .bind(name)
        .bind(&sender_email)
        .bind(&postal_code)
        .bind(riding)
        .bind(lang.code())
        .bind(subject)
        .bind(&letter.body)
        .bind(serde_json::Value::Array(recipients).to_string())
        .bind(public)
        .bind(i64::from(campaign_letter.retention_days))
        .bind(now_secs())
        .execute(&mut *tx)
        .await?;
        enqueue(
            &mut *tx,
            &Queued {
                kind: "letter_confirmation",
                campaign_id: id,
                request_id: Some(&request_id),
                to_email: &sender_email,
                to_name: name,
                from_name: &organiser,
                reply_to: None,
                cap_sender: None,
                cap_office: None,
                email: &confirmation,
            },
        )
        .await?;
        tx.commit().await?;
        Ok::<(), Error>(())
    }
    .await;
    match result {
        Ok(()) => {
            mail.wake.notify_one();
            (StatusCode::ACCEPTED, Json(serde_json::json!({"status": "confirmation_sent"}))).into_response()
        }
        Err(error) => {
            tracing::warn!("server letter not stored: {error}");
            refuse(StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        }
    }
}

/// A small page: no script, no external resource.
fn page(lang: Lang, title: EmailText, paragraphs: &[String], form: Option<(&str, EmailText)>) -> Response {
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title></head>\n\
         <body style=\"font-family:sans-serif;line-height:1.5;max-width:40em;margin:2em auto;padding:0 1em\">\n\
         <main><h1>{}</h1>\n",
        lang.code(),
        escape(title.get(lang)),
        escape(title.get(lang))
    );
    for paragraph in paragraphs {
        html.push_str(paragraph);
        html.push('\n');
    }
    if let Some((action, button)) = form {
        html.push_str(&format!(
            "<form method=\"post\" action=\"{}\"><button type=\"submit\" style=\"font-size:1.1em;padding:.5em 1em\">{}</button></form>\n",
            escape(action),
            escape(button.get(lang))
        ));
    }
    html.push_str("</main></body></html>\n");
    let mut response = (StatusCode::OK, html).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    response
}

fn para(text: &str) -> String {
    format!("<p>{}</p>", escape(text))
}

/// A stored language code (always written by `Lang::code`); English for anything else.
fn lang_of(code: &str) -> Lang {
    Lang::from_tag(code).unwrap_or(Lang::En)
}

/// A confirmation or withdrawal link that is unknown, used or too old: a title that fits all of them.
fn expired(lang: Lang) -> Response {
    let mut response = page(lang, EmailText::PageLinkExpiredTitle, &[para(EmailText::PageLinkExpired.get(lang))], None);
    *response.status_mut() = StatusCode::NOT_FOUND;
    response
}

/// `GET /confirm/{token}`: shows the button. Changes nothing.
async fn confirm_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    RequestLang(reader_lang): RequestLang,
) -> Response {
    let found = sqlx::query_scalar::<_, String>(
        "SELECT lang FROM letter_requests WHERE token_hash = $1 AND status = 'pending' AND created_at >= $2",
    )
    .bind(token_hash(&token))
    .bind(now_secs() - CONFIRM_WITHIN_SECS)
    .fetch_optional(&state.db)
    .await;
    match found {
        Ok(Some(stored_lang)) => {
            let lang = lang_of(&stored_lang);
            page(
                lang,
                EmailText::PageConfirmLetterTitle,
                &[para(EmailText::PageConfirmLetterBody.get(lang))],
                Some((&format!("/confirm/{token}"), EmailText::PageConfirmLetterButton)),
            )
        }
        Ok(None) => match pending_signature(&state, &token).await {
            Ok(Some((_, lang))) => page(
                lang,
                EmailText::PageConfirmSignatureTitle,
                &[para(EmailText::PageConfirmSignatureBody.get(lang))],
                Some((&format!("/confirm/{token}"), EmailText::PageConfirmSignatureButton)),
            ),
            Ok(None) => expired(reader_lang),
            Err(error) => error.into_response(),
        },
        Err(error) => Error::from(error).into_response(),
    }
}

/// The pending signature a confirmation link names, and its language.
async fn pending_signature(state: &AppState, token: &str) -> Result<Option<(String, Lang)>, Error> {
    let row = sqlx::query_as::<_, (String, String)>(
        "SELECT c.signature_id, c.lang FROM signature_confirmations c JOIN signatures s ON s.id = c.signature_id \
         WHERE c.token_hash = $1 AND c.confirmed_at IS NULL AND c.created_at >= $2 AND s.status = 'pending'",
    )
    .bind(token_hash(token))
    .bind(now_secs() - CONFIRM_WITHIN_SECS)
    .fetch_optional(&state.db)
    .await?;
    Ok(row.map(|(id, stored_lang)| (id, lang_of(&stored_lang))))
}

/// Confirms a pending signature: it now counts. Returns its language, or `None` for an unknown or used link.
pub async fn confirm_signature(state: &AppState, token: &str) -> Result<Option<Lang>, Error> {
    let Some((id, lang)) = pending_signature(state, token).await? else { return Ok(None) };
    let mut tx = crate::db::begin_write(&state.db).await?;
    let row = sqlx::query_as::<_, (String, Option<i64>, Option<String>)>(
        "UPDATE signatures SET status = 'confirmed' WHERE id = $1 AND status = 'pending' \
         RETURNING campaign_id, riding, partner_id",
    )
    .bind(&id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((campaign, riding, partner)) = row else { return Ok(None) };
    sqlx::query(
        "INSERT INTO signature_counts (campaign_id, riding, partner_id, signatures) VALUES ($1, $2, $3, 1) \
         ON CONFLICT (campaign_id, riding, partner_id) DO UPDATE SET signatures = signature_counts.signatures + 1",
    )
    .bind(&campaign)
    .bind(riding.unwrap_or(0))
    .bind(partner.unwrap_or_default())
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE signature_confirmations SET confirmed_at = $1 WHERE token_hash = $2")
        .bind(now_secs())
        .bind(token_hash(token))
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Some(lang))
}

/// Emails a new pending signature's confirmation link (double opt-in), in the signer's language.
pub async fn queue_signature_confirmation(
    state: &AppState,
    served: &crate::campaigns::Served,
    email_key: &str,
    first_name: &str,
    lang: Lang,
) -> Result<(), Error> {
    let Some(mail) = state.mail.clone() else { return Ok(()) };
    let campaign = &served.campaign;
    let row = sqlx::query_as::<_, (String, String)>(
        "SELECT id, email FROM signatures WHERE campaign_id = $1 AND email_key = $2 AND status = 'pending'",
    )
    .bind(&campaign.id)
    .bind(email_key)
    .fetch_optional(&state.db)
    .await?;
    let Some((id, email)) = row else { return Ok(()) };
    let token = new_token()?;
    let message = email::signature_confirmation(
        campaign,
        lang,
        first_name,
        &mail.public_url.join(&format!("/confirm/{token}")),
        &withdraw_url(mail.public_url.as_str(), &campaign.id, lang),
    );
    let token_row = sqlx::query(
        "INSERT INTO signature_confirmations (token_hash, signature_id, lang, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(id)
    .bind(lang.code())
    .bind(now_secs());
    let to = (email.as_str(), first_name);
    queue_with_token(&state.db, token_row, "signature_confirmation", campaign, to, lang, &message).await?;
    mail.wake.notify_one();
    Ok(())
}

/// Queues one of Voix's own emails to a person (from the organiser, outside the hourly caps) together with the
/// row that makes its link work, in one transaction: a link is never sent without its row, nor the row kept
/// without its email.
async fn queue_with_token<'q>(
    db: &sqlx::AnyPool,
    token_row: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    kind: &str,
    campaign: &voix_core::Campaign,
    (to_email, to_name): (&str, &str),
    lang: Lang,
    message: &email::Email,
) -> Result<(), Error> {
    let mut tx = crate::db::begin_write(db).await?;
    token_row.execute(&mut *tx).await?;
    let queued = Queued {
        kind,
        campaign_id: &campaign.id,
        request_id: None,
        to_email,
        to_name,
        from_name: campaign.organiser.name.text(lang),
        reply_to: None,
        cap_sender: None,
        cap_office: None,
        email: message,
    };
    enqueue(&mut *tx, &queued).await?;
    tx.commit().await?;
    Ok(())
}

/// `POST /confirm/{token}`: confirms the letter and queues one email per recipient, in one transaction.
async fn confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
    RequestLang(reader_lang): RequestLang,
) -> Response {
    match confirm_letter(&state, &token).await {
        Ok(Some(lang)) => {
            page(lang, EmailText::PageConfirmLetterTitle, &[para(EmailText::PageLetterConfirmed.get(lang))], None)
        }
        Ok(None) => match confirm_signature(&state, &token).await {
            Ok(Some(lang)) => page(
                lang,
                EmailText::PageConfirmSignatureTitle,
                &[para(EmailText::PageSignatureConfirmed.get(lang))],
                None,
            ),
            Ok(None) => expired(reader_lang),
            Err(error) => error.into_response(),
        },
        Err(error) => {
            tracing::warn!("letter not confirmed: {error}");
            error.into_response()
        }
    }
}

/// A pending letter as the confirmation reads it back.
#[derive(sqlx::FromRow)]
struct ConfirmedLetter {
    id: String,
    campaign_id: String,
    sender_name: String,
    sender_email: String,
    postal_code: String,
    riding: Option<String>,
    lang: String,
    subject: String,
    body: String,
    /// JSON: `[{"name": "…", "email": "…"}, …]`, as `submit` stored it.
    recipients: String,
}

/// One recipient of a stored letter.
#[derive(serde::Deserialize)]
struct StoredRecipient {
    name: String,
    email: String,
}

impl StoredRecipient {
    /// The stored list, or `None` when it is not the JSON `submit` writes or names nobody.
    fn list(json: &str) -> Option<Vec<StoredRecipient>> {
        serde_json::from_str::<Vec<StoredRecipient>>(json).ok().filter(|list| !list.is_empty())
    }
}

/// Confirms a pending letter: returns its language, or `None` when the token is unknown, used or expired.
pub async fn confirm_letter(state: &AppState, token: &str) -> Result<Option<Lang>, Error> {
    let Some(mail) = state.mail.clone() else { return Ok(None) };
    let mut tx = crate::db::begin_write(&state.db).await?;
    let row = sqlx::query(
        "UPDATE letter_requests SET status = 'confirmed', confirmed_at = $1 \
         WHERE token_hash = $2 AND status = 'pending' AND created_at >= $3 \
         RETURNING id, campaign_id, sender_name, sender_email, postal_code, riding, lang, subject, body, recipients",
    )
    .bind(now_secs())
    .bind(token_hash(token))
    .bind(now_secs() - CONFIRM_WITHIN_SECS)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let ConfirmedLetter {
        id: request_id,
        campaign_id,
        sender_name: name,
        sender_email: sender,
        postal_code,
        riding,
        lang,
        subject,
        body,
        recipients,
    } = ConfirmedLetter::from_row(&row)?;
    let lang = lang_of(&lang);
    let Some(served) = state.campaigns.get(&campaign_id) else { return Ok(None) };
    // A corrupt list fails the confirmation (nothing is confirmed or queued) rather than confirm a letter to nobody.
    let recipients = StoredRecipient::list(&recipients)
        .ok_or_else(|| Error::Message(format!("letter request {request_id}: its recipients cannot be read")))?;
    let recipients: Vec<(String, String)> =
        recipients.into_iter().map(|recipient| (recipient.name, recipient.email)).collect();
    let mut letter = email::letter_for_target(
        &served.campaign,
        lang,
        &LetterForTarget {
            subject: &subject,
            body: &body,
            sender_name: &name,
            postal_code: &postal_code,
            riding: riding.as_deref(),
        },
    );
    let test_mode = mail.settings.mail_test_mode;
    let deliveries: Vec<(String, String)> = if test_mode {
        // Test mode: one copy to the organiser, naming who would have received it.
        let organiser =
            served.campaign.organiser.email.clone().unwrap_or_else(|| mail.mailer.from_address().to_string());
        let listed: String = recipients.iter().map(|(n, e)| format!("\n- {n} <{e}>")).collect();
        let note = format!("{}{listed}", EmailText::TestModeNote.get(lang));
        letter.subject = format!("[TEST] {}", letter.subject);
        letter.text = format!("{note}\n\n{}", letter.text);
        letter.html = letter.html.replacen(
            "<body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">\n",
            &format!(
                "<body style=\"font-family:sans-serif;line-height:1.5;max-width:40em\">\n<p><strong>{}</strong></p>\n",
                escape(&note).replace('\n', "<br>\n")
            ),
            1,
        );
        vec![(served.campaign.organiser.name.text(lang).to_owned(), organiser)]
    } else {
        recipients
    };
    for (to_name, to_email) in &deliveries {
        enqueue(
            &mut *tx,
            &Queued {
                kind: "letter",
                campaign_id: &campaign_id,
                request_id: Some(&request_id),
                to_email,
                to_name,
                from_name: &name,
                reply_to: Some((&sender, &name)),
                cap_sender: Some(&sender),
                cap_office: Some(to_email),
                email: &letter,
            },
        )
        .await?;
    }
    tx.commit().await?;
    mail.wake.notify_one();
    Ok(Some(lang))
}

#[derive(Deserialize)]
struct WithdrawQuery {
    campaign: Option<String>,
    lang: Option<String>,
}

fn query_lang(query: &WithdrawQuery, headers: &HeaderMap) -> Lang {
    match query.lang.as_deref() {
        Some(code) => lang_of(code),
        None => RequestLang::of(headers),
    }
}

/// `GET /withdraw`: the form asking for the email address.
async fn withdraw_page(Query(query): Query<WithdrawQuery>, headers: HeaderMap) -> Response {
    let lang = query_lang(&query, &headers);
    let campaign = query.campaign.as_deref().unwrap_or("");
    let form = format!(
        "<form method=\"post\" action=\"/withdraw\"><input type=\"hidden\" name=\"campaign\" value=\"{}\">\
         <input type=\"hidden\" name=\"lang\" value=\"{}\"><p><label for=\"email\">{}</label><br>\
         <input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"email\" required size=\"30\"></p>\
         <button type=\"submit\">{}</button></form>",
        escape(campaign),
        lang.code(),
        escape(EmailText::PageWithdrawEmail.get(lang)),
        escape(EmailText::PageWithdrawSend.get(lang))
    );
    page(lang, EmailText::PageWithdrawTitle, &[para(EmailText::PageWithdrawBody.get(lang)), form], None)
}

#[derive(Deserialize)]
struct WithdrawForm {
    email: String,
    #[serde(default)]
    campaign: String,
    #[serde(default)]
    lang: String,
}

/// `POST /withdraw`: emails a confirmation link. Answers the same whether or not the address is known.
async fn withdraw_request(
    State(state): State<AppState>,
    headers: HeaderMap,
    extensions: axum::http::Extensions,
    Form(form): Form<WithdrawForm>,
) -> Response {
    let lang = lang_of(&form.lang);
    // Each request may send an email: the petition's per-address limit, as for letters.
    if state.petition.ip_limits.check(client_ip(&state, &headers, &extensions)).is_err() {
        let mut response =
            page(lang, EmailText::PageWithdrawTitle, &[para(EmailText::PageTooManyRequests.get(lang))], None);
        *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
        return response;
    }
    // The page answers at once and the same whatever the address: the lookup and the email happen after the
    // answer, so neither its words nor its timing tell whether the server holds the address.
    state.background.clone().spawn(send_withdrawal_link(state, form, lang));
    page(lang, EmailText::PageWithdrawTitle, &[para(EmailText::PageWithdrawSent.get(lang))], None)
}

/// Emails the withdrawal link, only to an address this server holds (the form must not become a way to send mail
/// to anyone), at most `CONFIRMATIONS_PER_DAY` confirmation emails a day to one address.
async fn send_withdrawal_link(state: AppState, form: WithdrawForm, lang: Lang) {
    let Some(mail) = state.mail.clone() else { return };
    let email = voix_core::petition::normalise_email(&form.email);
    if !is_address(&email) || !is_known_address(&state, &email).await {
        return;
    }
    let address_key = crate::personal_data::email_key(&state.petition.email_secret, &email);
    if state.petition.confirmation_limits.check(address_key).is_err() {
        tracing::info!("withdrawal request: no email sent (daily limit for this address)");
        return;
    }
    // The footer names a campaign the person knows: the one whose email they came from, else any.
    let served = state
        .campaigns
        .get(&form.campaign)
        .or_else(|| state.campaigns.ids().into_iter().next().and_then(|id| state.campaigns.get(id)));
    let Some(served) = served else { return };
    let result = async {
        let token = new_token()?;
        let url = mail.public_url.join(&format!("/withdraw/{token}"));
        let message = email::withdrawal_confirmation(&served.campaign, lang, &url);
        let token_row = sqlx::query(
            "INSERT INTO withdrawal_requests (token_hash, email, lang, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash(&token))
        .bind(email.clone())
        .bind(lang.code())
        .bind(now_secs());
        let to = (email.as_str(), "");
        let kind = "withdrawal_confirmation";
        queue_with_token(&state.db, token_row, kind, &served.campaign, to, lang, &message).await
    }
    .await;
    match result {
        Ok(()) => mail.wake.notify_one(),
        Err(error) => tracing::warn!("withdrawal request not stored: {error}"),
    }
}

/// Whether a signature or a letter request holds this (normalised) address. A database error counts as unknown:
/// the person can ask again, and nothing is sent on a guess.
async fn is_known_address(state: &AppState, email: &str) -> bool {
    let found = sqlx::query(
        "SELECT 1 FROM signatures WHERE email_key = $1 \
         UNION ALL SELECT 1 FROM letter_requests WHERE sender_email = $2 LIMIT 1",
    )
    .bind(crate::personal_data::email_key(&state.petition.email_secret, email))
    .bind(email)
    .fetch_optional(&state.db)
    .await;
    match found {
        Ok(row) => row.is_some(),
        Err(error) => {
            tracing::warn!("withdrawal request: address lookup failed: {error}");
            false
        }
    }
}

async fn withdrawal_lang(state: &AppState, token: &str) -> Result<Option<(String, Lang)>, Error> {
    let row = sqlx::query_as::<_, (String, String)>(
        "SELECT email, lang FROM withdrawal_requests WHERE token_hash = $1 AND confirmed_at IS NULL AND created_at >= $2",
    )
    .bind(token_hash(token))
    .bind(now_secs() - CONFIRM_WITHIN_SECS)
    .fetch_optional(&state.db)
    .await?;
    Ok(row.map(|(email, stored_lang)| (email, lang_of(&stored_lang))))
}

/// `GET /withdraw/{token}`: the button. Changes nothing.
async fn withdraw_confirm_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
    RequestLang(reader_lang): RequestLang,
) -> Response {
    match withdrawal_lang(&state, &token).await {
        Ok(Some((_, lang))) => page(
            lang,
            EmailText::PageWithdrawTitle,
            &[para(EmailText::PageWithdrawConfirmBody.get(lang))],
            Some((&format!("/withdraw/{token}"), EmailText::PageWithdrawConfirmButton)),
        ),
        Ok(None) => expired(reader_lang),
        Err(error) => error.into_response(),
    }
}

/// `POST /withdraw/{token}`: withdraws every consent of the address.
async fn withdraw_confirm(
    State(state): State<AppState>,
    Path(token): Path<String>,
    RequestLang(reader_lang): RequestLang,
) -> Response {
    let result = async {
        let Some((email, lang)) = withdrawal_lang(&state, &token).await? else { return Ok(None) };
        let updated = sqlx::query(
            "UPDATE withdrawal_requests SET confirmed_at = $1 WHERE token_hash = $2 AND confirmed_at IS NULL",
        )
        .bind(now_secs())
        .bind(token_hash(&token))
        .execute(&state.db)
        .await?;
        if updated.rows_affected() == 0 {
            return Ok(None);
        }
        withdraw_everywhere(&state.db, &email).await?;
        Ok::<_, Error>(Some(lang))
    }
    .await;
    match result {
        Ok(Some(lang)) => page(lang, EmailText::PageWithdrawTitle, &[para(EmailText::PageWithdrawn.get(lang))], None),
        Ok(None) => expired(reader_lang),
        Err(error) => {
            tracing::warn!("withdrawal not recorded: {error}");
            error.into_response()
        }
    }
}

/// Appends a "withdrawn" ledger row for every consent this address still gives, in every campaign. Returns how
/// many it appended.
pub async fn withdraw_everywhere(pool: &sqlx::AnyPool, email: &str) -> Result<u64, Error> {
    let secret = crate::personal_data::email_secret(pool).await?;
    let key = crate::personal_data::email_key(&secret, email);
    let rows = sqlx::query_as::<_, (String, String, String)>(
        "SELECT c.campaign_id, c.organisation, c.action FROM consents c JOIN signatures s ON s.id = c.signature_id \
         WHERE s.email_key = $1 ORDER BY c.campaign_id, c.organisation, c.entry",
    )
    .bind(&key)
    .fetch_all(pool)
    .await?;
    let mut latest: std::collections::BTreeMap<(String, String), String> = std::collections::BTreeMap::new();
    for (campaign, organisation, action) in rows {
        latest.insert((campaign, organisation), action);
    }
    let mut withdrawn = 0;
    for ((campaign, organisation), action) in latest {
        if action == "given" && store::withdraw(pool, &campaign, email, &organisation).await? {
            withdrawn += 1;
        }
    }
    tracing::info!(withdrawn, "consent withdrawn coalition-wide");
    Ok(withdrawn)
}
