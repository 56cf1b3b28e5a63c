//! `GET /schema/campaign.v1.json`: the JSON Schema of campaign files, for editors and other tools; precompressed
//! (brotli, gzip) like every file the server holds, and readable from any site.

use crate::compression::ServedFile;
use axum::http::HeaderMap;
use axum::response::Response;
use std::sync::LazyLock;
use voix_core::validate::CAMPAIGN_SCHEMA;

static SCHEMA_FILE: LazyLock<ServedFile> =
    LazyLock::new(|| ServedFile::compressed(CAMPAIGN_SCHEMA.as_bytes().to_vec(), "application/schema+json"));

pub async fn campaign_schema(headers: HeaderMap) -> Response {
    SCHEMA_FILE.response(&headers, "public, max-age=300")
}
