//! Files served from memory (the widget bundle, campaigns, the glossary, the riding data): brotli and gzip, the choice of coding from
//! `Accept-Encoding`, ETags, and caching by content hash.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::Response;
use std::io::Write;

/// For a URL carrying the file's current content hash (`?v=<hash>`): that URL's content never changes.
pub const HASHED_CACHE: &str = "public, max-age=31536000, immutable";
/// For a URL without it: revalidate every time (a 304 when unchanged).
pub const UNHASHED_CACHE: &str = "no-cache";

/// A file held in memory with its precompressed variants.
#[derive(Debug)]
pub struct ServedFile {
    /// `content_hash` of the uncompressed content.
    pub hash: String,
    pub content_type: &'static str,
    pub identity: Bytes,
    pub br: Option<Bytes>,
    pub gzip: Option<Bytes>,
}

impl ServedFile {
    /// `content` with its brotli and gzip variants made now (once, at start-up: brotli's best takes a few ms for
    /// the files compressed this way).
    pub fn compressed(content: Vec<u8>, content_type: &'static str) -> ServedFile {
        ServedFile {
            hash: crate::bundle::content_hash(&content),
            content_type,
            br: Some(brotli(&content).into()),
            gzip: Some(gzip(&content).into()),
            identity: Bytes::from(content),
        }
    }

    /// Immutable caching when the URL names the current content hash, revalidation otherwise.
    pub fn cache_by_hash(&self, uri: &Uri) -> &'static str {
        if query_param(uri.query(), "v") == Some(self.hash.as_str()) {
            HASHED_CACHE
        } else {
            UNHASHED_CACHE
        }
    }

    /// The response for a GET: the best coding the client accepts, an ETag per coding (304 when it matches), and
    /// headers that let any site load the file (public assets, sent without credentials).
    pub fn response(&self, headers: &HeaderMap, cache_control: &str) -> Response {
        let mut response = self.own_page_response(headers, cache_control);
        let response_headers = response.headers_mut();
        response_headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
        response_headers.insert(
            header::HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("cross-origin"),
        );
        response
    }

    /// [`ServedFile::response`] without the cross-origin headers: for the server's own pages (the demo page).
    pub fn own_page_response(&self, headers: &HeaderMap, cache_control: &str) -> Response {
        let coding = negotiate(headers, self.br.is_some(), self.gzip.is_some());
        let etag = format!("\"{}{}\"", self.hash, coding.etag_suffix());
        let not_modified = if_none_match(headers, &etag);
        let body = match (not_modified, coding) {
            (true, _) => Bytes::new(),
            (false, Coding::Br) => self.br.clone().unwrap_or_default(),
            (false, Coding::Gzip) => self.gzip.clone().unwrap_or_default(),
            (false, Coding::Identity) => self.identity.clone(),
        };
        let mut response = Response::new(Body::from(body));
        let response_headers = response.headers_mut();
        let mut set = |name, value: &str| {
            if let Ok(value) = HeaderValue::from_str(value) {
                response_headers.insert(name, value);
            }
        };
        set(header::CACHE_CONTROL, cache_control);
        set(header::ETAG, &etag);
        set(header::VARY, "Accept-Encoding");
        set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
        if not_modified {
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            return response;
        }
        set(header::CONTENT_TYPE, self.content_type);
        if let Some(encoding) = coding.header_value() {
            set(header::CONTENT_ENCODING, encoding);
        }
        response
    }
}

/// The content codings the server can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coding {
    Br,
    Gzip,
    Identity,
}

impl Coding {
    /// Appended to the ETag, so each coding of a file has its own.
    pub fn etag_suffix(self) -> &'static str {
        match self {
            Coding::Br => "-br",
            Coding::Gzip => "-gz",
            Coding::Identity => "",
        }
    }

    /// The `Content-Encoding` value, if any.
    pub fn header_value(self) -> Option<&'static str> {
        match self {
            Coding::Br => Some("br"),
            Coding::Gzip => Some("gzip"),
            Coding::Identity => None,
        }
    }
}

/// The `q` value that `Accept-Encoding` gives `coding` (an explicit entry wins over `*`; absent means 0).
fn quality(headers: &HeaderMap, coding: &str) -> f32 {
    let mut explicit: Option<f32> = None;
    let mut star: Option<f32> = None;
    for value in headers.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or("").trim();
            let q = parts
                .filter_map(|param| param.trim().strip_prefix("q=").or_else(|| param.trim().strip_prefix("Q=")))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let q = if q.is_finite() { q.clamp(0.0, 1.0) } else { 0.0 };
            if name.eq_ignore_ascii_case(coding) || (coding == "gzip" && name.eq_ignore_ascii_case("x-gzip")) {
                explicit = Some(explicit.map_or(q, |previous: f32| previous.max(q)));
            } else if name == "*" {
                star = Some(q);
            }
        }
    }
    explicit.or(star).unwrap_or(0.0)
}

/// Picks the best coding the client accepts among those available: highest `q`, then brotli, then gzip.
pub fn negotiate(headers: &HeaderMap, br_available: bool, gzip_available: bool) -> Coding {
    let mut best = (Coding::Identity, 0.0_f32);
    for (coding, name, available) in [(Coding::Gzip, "gzip", gzip_available), (Coding::Br, "br", br_available)] {
        let q = quality(headers, name);
        if available && q > 0.0 && q >= best.1 {
            best = (coding, q);
        }
    }
    best.0
}

/// The value of the query parameter `name`, undecoded (hashes are plain hex).
pub fn query_param<'q>(query: Option<&'q str>, name: &str) -> Option<&'q str> {
    query?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}

/// Whether `If-None-Match` names `etag` (weak comparison, `*` included).
pub fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|value| value.to_str().ok()).any(|value| {
        value.split(',').map(str::trim).any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
    })
}

/// Brotli at the highest quality, as `brotli -q 11` makes it.
pub fn brotli(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    // Reading from a slice and writing to a Vec cannot fail.
    let _ = brotli::BrotliCompress(&mut &content[..], &mut out, &params);
    out
}

/// Gzip at the highest level, as `gzip -9` makes it.
pub fn gzip(content: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = encoder.write_all(content);
    encoder.finish().unwrap_or_default()
}

/// Decompresses brotli, or `None` if the data is not valid brotli.
pub fn unbrotli(compressed: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    brotli::BrotliDecompress(&mut &compressed[..], &mut out).ok()?;
    Some(out)
}

/// Decompresses gzip, or `None` if the data is not valid gzip.
pub fn ungzip(compressed: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(compressed), &mut out).ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).expect("header"));
        headers
    }

    #[test]
    fn negotiation_follows_accept_encoding() {
        assert_eq!(negotiate(&accept("gzip, deflate, br, zstd"), true, true), Coding::Br);
        assert_eq!(negotiate(&accept("br;q=0, gzip"), true, true), Coding::Gzip);
        assert_eq!(negotiate(&accept("*"), true, true), Coding::Br);
        assert_eq!(negotiate(&accept("identity"), true, true), Coding::Identity);
        assert_eq!(negotiate(&HeaderMap::new(), true, true), Coding::Identity);
        assert_eq!(negotiate(&accept("br"), false, true), Coding::Identity);
    }

    #[test]
    fn compression_round_trips() {
        let text = "Ville-Marie—Le Sud-Ouest—Île-des-Sœurs ".repeat(50);
        assert_eq!(unbrotli(&brotli(text.as_bytes())).as_deref(), Some(text.as_bytes()));
        assert_eq!(ungzip(&gzip(text.as_bytes())).as_deref(), Some(text.as_bytes()));
        assert_eq!(unbrotli(b"not brotli"), None);
    }
}
