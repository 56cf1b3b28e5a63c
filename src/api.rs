//! The petition API of the Voix server the campaign came from: JSON requests without cookies or referrer, and
//! the answer as a status, the `Retry-After` header and the body.

use voix_core::petition::api::endpoint;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, ReferrerPolicy, RequestCredentials, RequestInit, RequestMode, Response};

/// How long one request may take before it counts as a network failure (and is tried again).
const REQUEST_TIMEOUT_MS: u32 = 20_000;

/// An HTTP answer.
pub struct Reply {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

/// The campaign's API root on the server its JSON came from: `https://host/api/campaigns/{id}`.
pub fn api_root(campaign_url: Option<&str>, campaign_id: &str) -> Option<String> {
    let url = web_sys::Url::new(campaign_url?).ok()?;
    let path = endpoint(campaign_id, "");
    Some(format!("{}{}", url.origin(), path.trim_end_matches('/')))
}

/// `GET url`; `Err` when the network failed (offline, refused, timed out).
pub async fn get(url: &str) -> Result<Reply, ()> {
    request("GET", url, None).await
}

/// `POST url` with a JSON body; `Err` when the network failed.
pub async fn post_json(url: &str, json: &str) -> Result<Reply, ()> {
    request("POST", url, Some(json)).await
}

async fn request(method: &str, url: &str, json: Option<&str>) -> Result<Reply, ()> {
    let window = web_sys::window().ok_or(())?;
    let init = RequestInit::new();
    init.set_method(method);
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    init.set_signal(Some(&AbortSignal::timeout_with_u32(REQUEST_TIMEOUT_MS)));
    if let Some(json) = json {
        let headers = Headers::new().map_err(|_| ())?;
        headers.set("content-type", "application/json").map_err(|_| ())?;
        init.set_headers(&headers);
        init.set_body(&JsValue::from_str(json));
    }
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(|_| ())?.unchecked_into();
    let retry_after = response.headers().get("retry-after").ok().flatten();
    let body = match response.text() {
        Ok(promise) => JsFuture::from(promise).await.map_err(|_| ())?.as_string().unwrap_or_default(),
        Err(_) => String::new(),
    };
    Ok(Reply { status: response.status(), retry_after, body })
}

/// Whether the browser says it is offline.
pub fn offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}
