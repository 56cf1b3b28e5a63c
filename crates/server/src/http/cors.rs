//! Who may call the API from a browser, and the CORS headers that let them read the answer: pages of this server,
//! and the partner origins the campaign lists. One rule for every route (the petition's, the letters').

use crate::campaigns::Served;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// How long a browser may reuse a preflight's answer, in seconds.
const PREFLIGHT_MAX_AGE: &str = "600";

/// The caller of an API request, from its `Origin`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Caller {
    /// No `Origin`: not a browser's cross-origin request.
    NoOrigin,
    /// A page of this server.
    SameSite,
    /// A partner's page: the campaign's copy of the origin.
    Partner(String),
    /// Any other origin.
    Refused,
}

impl Caller {
    pub fn of(served: &Served, headers: &HeaderMap) -> Caller {
        let Some(origin) = headers.get(header::ORIGIN) else { return Caller::NoOrigin };
        let Ok(origin) = origin.to_str() else { return Caller::Refused };
        if let Some(listed) = served.allowed_origin(origin) {
            return Caller::Partner(listed.to_owned());
        }
        let host = headers.get(header::HOST).and_then(|host| host.to_str().ok());
        let origin_host = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://"));
        match (origin_host, host) {
            (Some(origin_host), Some(host)) if origin_host.eq_ignore_ascii_case(host) => Caller::SameSite,
            _ => Caller::Refused,
        }
    }

    pub fn is_refused(&self) -> bool {
        matches!(self, Caller::Refused)
    }

    /// Adds the CORS headers a partner's page needs to read `response`.
    pub fn allow(&self, response: &mut Response) {
        let headers = response.headers_mut();
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
        if let Caller::Partner(origin) = self {
            if let Ok(value) = HeaderValue::from_str(origin) {
                headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
            }
        }
    }

    /// `response` with the CORS headers for this caller.
    pub fn allowed(&self, mut response: Response) -> Response {
        self.allow(&mut response);
        response
    }

    /// The answer to a preflight (`OPTIONS`) from an allowed caller: GET and POST with a JSON body.
    pub fn preflight(&self) -> Response {
        let mut response = self.allowed(StatusCode::NO_CONTENT.into_response());
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST"));
        headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
        headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static(PREFLIGHT_MAX_AGE));
        response
    }
}
