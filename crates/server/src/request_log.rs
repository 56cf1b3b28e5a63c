//! One log line per request: method, path, status and latency.
//!
//! Only the path is logged: query strings, headers and bodies can hold personal data and are never logged.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

pub async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(target: "voix::request", "{method} {path} {} {latency_ms:.1}ms", response.status().as_u16());
    response
}
