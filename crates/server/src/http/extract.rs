//! Extractors: facts a route takes from the request's head, read one way for every route.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use std::convert::Infallible;
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
