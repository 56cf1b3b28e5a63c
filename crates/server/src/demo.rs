//! `GET /` and `/demo.css`: a fictional member organisation's page with the widget embedded as partners do it,
//! under a strict Content Security Policy (the widget must work without inline scripts or styles). Both are
//! precompressed, like every file the server holds.

use crate::compression::ServedFile;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use std::sync::LazyLock;

pub const PAGE: &str = include_str!("../demo/index.html");
pub const CSS: &str = include_str!("../demo/demo.css");

/// The policy the demo page is served with.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

static PAGE_FILE: LazyLock<ServedFile> =
    LazyLock::new(|| ServedFile::compressed(PAGE.as_bytes().to_vec(), "text/html; charset=utf-8"));
static CSS_FILE: LazyLock<ServedFile> =
    LazyLock::new(|| ServedFile::compressed(CSS.as_bytes().to_vec(), "text/css; charset=utf-8"));

pub async fn page(headers: HeaderMap) -> Response {
    let mut response = PAGE_FILE.own_page_response(&headers, "no-cache");
    let response_headers = response.headers_mut();
    response_headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    response_headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

pub async fn stylesheet(headers: HeaderMap) -> Response {
    CSS_FILE.own_page_response(&headers, "no-cache")
}
