//! One log line per request: method, route, status and latency.
//!
//! The route is the template the request matched (`/confirm/{token}`), never the path itself: paths carry
//! confirmation and withdrawal tokens, and query strings, headers and bodies can hold personal data. None of them
//! is ever logged. A request that matched no route is logged as `(no route)`.

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

pub async fn log_request(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().map_or("(no route)", MatchedPath::as_str).to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(target: "voix::request", "{method} {route} {} {latency_ms:.1}ms", response.status().as_u16());
    response
}
