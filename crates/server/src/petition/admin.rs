//! `/api/admin/…`: the organisers' API, behind `Authorization: Bearer <token>` (a token from
//! `voix token create`; the server keeps only its hash).
//!
//! - `GET /api/admin/campaigns`: `[{"id": "…", "stats": {…}}]`, every served campaign's counts.
//! - `GET /api/admin/campaigns/{id}/export.csv[?partner=P]`: the export of `voix export`, as CSV.
//! - `POST /api/admin/campaigns/{id}/withdrawals` `{"email": "…", "organisation": "organiser" | "partner:ID"}`:
//!   records that a person withdrew a consent (a new ledger row; the export then shows "withdrawn"). 200
//!   `{"recorded": true}`, or `{"recorded": false}` when that email has not signed the campaign.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use voix_core::petition::api::{ErrorCode, Stats};
use voix_core::Lang;

use super::store;
use crate::campaigns::Served;
use crate::error::Error;
use crate::state::AppState;

/// One campaign in `GET /api/admin/campaigns`.
#[derive(Debug, Serialize, Deserialize)]
pub struct CampaignStats {
    pub id: String,
    pub stats: Stats,
}

#[derive(Debug, Deserialize)]
pub struct ExportQuery {
    pub partner: Option<String>,
}

async fn authorise(state: &AppState, headers: &HeaderMap) -> Result<Lang, Error> {
    let lang = crate::http::extract::RequestLang::of(headers);
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|token| !token.is_empty());
    let Some(token) = token else { return Err(Error::refused(ErrorCode::TokenNeeded, lang)) };
    match store::token_is_valid(&state.db, token).await {
        Ok(true) => Ok(lang),
        Ok(false) => Err(Error::refused(ErrorCode::TokenNeeded, lang)),
        Err(error) => {
            tracing::error!("admin: cannot check the token: {error}");
            Err(Error::refused(ErrorCode::Unavailable, lang))
        }
    }
}

/// The campaign `id` of an authorised request, or the refusal to send (no valid token, no such campaign).
async fn authorised_campaign<'s>(
    state: &'s AppState,
    headers: &HeaderMap,
    id: &str,
) -> Result<(Lang, &'s Served), Response> {
    let lang = authorise(state, headers).await.map_err(IntoResponse::into_response)?;
    let served =
        state.campaigns.get(id).ok_or_else(|| Error::refused(ErrorCode::UnknownCampaign, lang).into_response())?;
    Ok((lang, served))
}

fn private(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `GET /api/admin/campaigns`.
pub async fn campaigns(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let lang = match authorise(&state, &headers).await {
        Ok(lang) => lang,
        Err(error) => return error.into_response(),
    };
    let mut list = Vec::new();
    for id in state.campaigns.ids() {
        let Some(served) = state.campaigns.get(id) else { continue };
        match store::stats(&state.db, &served.campaign).await {
            Ok(stats) => list.push(CampaignStats { id: id.to_owned(), stats }),
            Err(error) => {
                tracing::error!("admin: cannot read the counts: {error}");
                return Error::refused(ErrorCode::Unavailable, lang).into_response();
            }
        }
    }
    private(Json(list).into_response())
}

/// `GET /api/admin/campaigns/{id}/export.csv[?partner=P]`.
pub async fn export(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<ExportQuery>,
    headers: HeaderMap,
) -> Response {
    let (lang, served) = match authorised_campaign(&state, &headers, &id).await {
        Ok(found) => found,
        Err(refusal) => return refusal,
    };
    if let Some(partner) = &query.partner {
        if served.campaign.partner(partner).is_none() {
            return Error::refused(ErrorCode::UnknownCampaign, lang).into_response();
        }
    }
    let mut csv = Vec::new();
    match store::export(&state.db, &served.campaign, query.partner.as_deref(), &mut csv, |_, _| {}).await {
        Ok(_) => {
            let disposition = format!("attachment; filename=\"{id}.csv\"");
            let mut response = private(csv.into_response());
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(error) => {
            tracing::error!("admin: export failed: {error}");
            Error::refused(ErrorCode::Unavailable, lang).into_response()
        }
    }
}

/// The body of `POST /api/admin/campaigns/{id}/withdrawals`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    pub email: String,
    /// "organiser" or "partner:{id}".
    pub organisation: String,
}

/// `POST /api/admin/campaigns/{id}/withdrawals`.
/// An admin request's body: an email and an organisation.
const ADMIN_BODY_LIMIT: usize = 4 * 1024;

pub async fn withdraw(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: axum::extract::Request,
) -> Response {
    // The token first: a caller without one never gets its body read.
    let (lang, served) = match authorised_campaign(&state, request.headers(), &id).await {
        Ok(found) => found,
        Err(refusal) => return refusal,
    };
    let body =
        match http_body_util::BodyExt::collect(http_body_util::Limited::new(request.into_body(), ADMIN_BODY_LIMIT))
            .await
        {
            Ok(collected) => collected.to_bytes(),
            Err(_) => return Error::refused(ErrorCode::TooLarge, lang).into_response(),
        };
    let Ok(withdrawal) = serde_json::from_slice::<Withdrawal>(&body) else {
        return Error::refused(ErrorCode::Unreadable, lang).into_response();
    };
    let known = match withdrawal.organisation.strip_prefix("partner:") {
        Some(partner) => served.campaign.partner(partner).is_some(),
        None => withdrawal.organisation == "organiser",
    };
    if !known {
        let problem =
            voix_core::petition::FieldError::new("organisation", voix_core::petition::SignatureProblem::UnknownPartner);
        return Error::invalid(vec![problem], lang).into_response();
    }
    match store::withdraw(&state.db, &id, &withdrawal.email, &withdrawal.organisation).await {
        Ok(recorded) => private(Json(serde_json::json!({ "recorded": recorded })).into_response()),
        Err(error) => {
            tracing::error!("admin: cannot record a withdrawal: {error}");
            Error::refused(ErrorCode::Unavailable, lang).into_response()
        }
    }
}
