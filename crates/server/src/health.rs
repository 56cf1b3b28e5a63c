//! `GET /healthz`: is the server up and can it reach its database?

use crate::db;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

pub async fn healthz(State(state): State<AppState>) -> Response {
    let campaigns = state.campaigns.len();
    let (status, body) = match db::ping(&state.db).await {
        Ok(()) => (StatusCode::OK, json!({"status": "ok", "campaigns": campaigns, "database": "ok"})),
        Err(error) => {
            tracing::error!("health check: {error}");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                json!({"status": "unavailable", "campaigns": campaigns, "database": "unavailable"}),
            )
        }
    };
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}
