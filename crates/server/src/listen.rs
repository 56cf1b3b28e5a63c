//! Accepting connections with limits a slow or idle client cannot outlast: at most `max_connections` at once (one
//! more is closed at once, so `/healthz` and real readers keep their sockets and file descriptors), the request
//! line and headers within `header_timeout` (also the wait for the next request on a kept-alive connection), and
//! a request with a body (POST…) within `request_timeout`, body included. GET and HEAD carry no body, so a slow
//! client has nothing left to trickle once its headers are in; they are not cut short (an organiser's large CSV
//! export may take its time). On shutdown, connections finish the request they
//! are serving and close.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::Service;

/// The limits of `voix serve`'s connections (flags of the same names).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub max_connections: usize,
    pub header_timeout: Duration,
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 1024,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// Answers 408 to a request with a body that takes longer than `limit` (a body trickled in byte by byte included).
pub async fn request_deadline(limit: Duration, request: Request, next: Next) -> Response {
    if matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD) {
        return next.run(request).await;
    }
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => axum::http::StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets the requests in flight finish (for at most
/// `request_timeout`).
pub async fn serve(listener: TcpListener, app: Router, limits: Limits, shutdown: impl Future<Output = ()>) {
    let deadline = limits.request_timeout;
    let app = app.layer(axum::middleware::from_fn(move |request, next| request_deadline(deadline, request, next)));
    let mut make_service = app.into_make_service_with_connect_info::<SocketAddr>();
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, most often: wait a little rather than spin.
                    tracing::warn!("cannot accept a connection: {error}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = Arc::clone(&slots).try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let Ok(service) = make_service.call(peer).await;
        let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _slot = slot;
            // A client that went away, or was too slow: nothing to do but close.
            let _ = connection.await;
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.request_timeout, graceful.shutdown()).await.is_err() {
        tracing::warn!("some connections were still open when the server stopped");
    }
}
