//! The one error type of the server: start-up failures and request failures alike.
//!
//! As a response it is a JSON body `{"error": "..."}`. Internal details (database errors, file paths) are logged,
//! never sent to the client.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use std::path::PathBuf;

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
}

impl Error {
    pub fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
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
