//! Extractors: facts a route takes from the request's head, read one way for every route.

use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{header, Extensions, HeaderMap};
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use voix_core::Lang;

/// The reader's language from `Accept-Language` (English or French, English by default): the language of the
/// messages a route answers with when the request does not name one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestLang(pub Lang);

impl RequestLang {
    pub fn of(headers: &HeaderMap) -> Lang {
        Lang::from_accept_language(headers.get(header::ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok()))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for RequestLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(RequestLang(RequestLang::of(&parts.headers)))
    }
}

/// The key of the per-address limits: the peer's address, or the one the configured number of trusted proxies
/// put in `X-Forwarded-For` (`crate::client_ip`).
pub fn client_ip(state: &AppState, headers: &HeaderMap, extensions: &Extensions) -> IpAddr {
    let peer = extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip());
    crate::client_ip::rate_limit_key(headers, peer, state.petition.settings.proxy_hops)
}
