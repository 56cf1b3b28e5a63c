//! The one error type of the server: start-up failures and request failures alike.
//!
//! As a response it is a JSON body `{"error": "..."}`, or for the petition API (`/api/…`) an
//! [`ErrorReply`](voix_core::petition::api::ErrorReply) in the request's language. Internal details (database
//! errors, file paths) are logged, never sent to the client, and never with personal data.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::path::PathBuf;
use voix_core::petition::api::{ErrorCode, ErrorReply, FieldMessage};
use voix_core::petition::FieldError;
use voix_core::Lang;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No route or no file at this path.
    #[error("not found")]
    NotFound,
    /// `/campaigns/{id}.json` for a campaign that is not served (unknown, or refused as invalid).
    #[error("unknown campaign")]
    UnknownCampaign,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot generate a random instance id: {0}")]
    Random(getrandom::Error),
    /// A petition API request refused, with what to tell the person.
    #[error("request refused: {}", .0.code.status())]
    Refused(Box<Refusal>),
    /// The petition API could not record (the database failed): logged, answered 503.
    #[error("cannot record: {0}")]
    Unavailable(String),
    #[error("{0}")]
    Message(String),
}

/// A refused API request: its code, the language of the person who sent it, and the problems of the answers.
#[derive(Debug)]
pub struct Refusal {
    pub code: ErrorCode,
    pub lang: Lang,
    pub errors: Vec<FieldError>,
    pub retry_after: Option<u64>,
}

impl Refusal {
    pub fn reply(&self) -> ErrorReply {
        let message = match self.code {
            // The petition may be missing altogether: say so rather than "fix the answers".
            ErrorCode::Invalid if self.errors.iter().any(|error| error.path == "campaign") => {
                self.errors[0].message(self.lang)
            }
            code => code.text().get(self.lang).to_owned(),
        };
        ErrorReply {
            code: self.code,
            message,
            errors: self.errors.iter().map(|error| FieldMessage::new(error, self.lang)).collect(),
            retry_after: self.retry_after,
        }
    }
}

impl Error {
    /// A refusal without field problems.
    pub fn refused(code: ErrorCode, lang: Lang) -> Self {
        Error::Refused(Box::new(Refusal { code, lang, errors: Vec::new(), retry_after: None }))
    }

    /// 422 with the problems of the answers.
    pub fn invalid(errors: Vec<FieldError>, lang: Lang) -> Self {
        Error::Refused(Box::new(Refusal { code: ErrorCode::Invalid, lang, errors, retry_after: None }))
    }

    /// 429, to try again in `seconds`.
    pub fn too_many(lang: Lang, seconds: u64) -> Self {
        let retry_after = Some(seconds.max(1));
        Error::Refused(Box::new(Refusal { code: ErrorCode::TooManyAttempts, lang, errors: Vec::new(), retry_after }))
    }

    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        if let Error::Refused(refusal) = &self {
            return refusal_response(refusal);
        }
        if let Error::Unavailable(what) = &self {
            tracing::error!("request failed: cannot record: {what}");
            let refusal =
                Refusal { code: ErrorCode::Unavailable, lang: Lang::En, errors: Vec::new(), retry_after: None };
            return refusal_response(&refusal);
        }
        let (status, message) = match &self {
            Error::NotFound => (StatusCode::NOT_FOUND, "not found"),
            Error::UnknownCampaign => (StatusCode::NOT_FOUND, "unknown campaign"),
            Error::Database(_) => {
                tracing::error!(error = %self, "request failed");
                (StatusCode::SERVICE_UNAVAILABLE, "the database is unavailable")
            }
            _ => {
                tracing::error!(error = %self, "request failed");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal server error")
            }
        };
        (status, Json(serde_json::json!({ "error": message }))).into_response()
    }
}

fn refusal_response(refusal: &Refusal) -> Response {
    let status = StatusCode::from_u16(refusal.code.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = (status, Json(refusal.reply())).into_response();
    if let Some(seconds) = refusal.retry_after {
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, seconds.into());
    }
    response.headers_mut().insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    response
}
