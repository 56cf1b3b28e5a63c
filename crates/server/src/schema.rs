//! `GET /schema/campaign.v1.json`: the JSON Schema of campaign files, for editors and other tools.

use axum::http::header;
use axum::response::IntoResponse;
use voix_core::validate::CAMPAIGN_SCHEMA;

pub async fn campaign_schema() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "application/schema+json"),
            (header::CACHE_CONTROL, "public, max-age=300"),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        CAMPAIGN_SCHEMA,
    )
}
