//! The widget bundle (`--bundle`, built by `scripts/build-widget`), served at `/voix/`.
//!
//! The bundle is read into memory once at start-up, so every response matches the hash computed from it: a file
//! rebuilt while the server runs is picked up at the next restart, and a URL carrying an old hash can never be
//! cached for a year with new content. `voix.js` is the stable entry that partners link to and gets a short cache;
//! it loads the other files by content-hashed URL (`voix_bg.wasm?v=<hash>`), which may be cached forever.

use crate::error::Error;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::Response;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// The file partners link to: `<script type="module" src="https://…/voix/voix.js">`.
pub const ENTRY: &str = "voix.js";

const ENTRY_CACHE: &str = "public, max-age=300";
const HASHED_CACHE: &str = "public, max-age=31536000, immutable";
const UNHASHED_CACHE: &str = "no-cache";

/// How deep the bundle's folders may go (wasm-bindgen puts inline JS under `snippets/<crate>/`).
const MAX_DEPTH: usize = 8;

/// The version hash of a bundle file: the first 16 lowercase hex digits of the SHA-256 of its uncompressed
/// content, exactly what `sha256sum FILE | cut -c1-16` prints.
pub fn content_hash(content: &[u8]) -> String {
    let digest = Sha256::digest(content);
    let mut hex = String::with_capacity(16);
    for byte in &digest[..8] {
        // Writing to a String cannot fail.
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// One servable file with its precompressed variants.
#[derive(Debug)]
struct BundleFile {
    hash: String,
    content_type: &'static str,
    identity: Bytes,
    br: Option<Bytes>,
    gzip: Option<Bytes>,
}

/// The bundle in memory, keyed by path under `/voix/` (`voix.js`, `snippets/x/inline0.js`).
#[derive(Debug, Default)]
pub struct Bundle {
    files: HashMap<String, BundleFile>,
}

impl Bundle {
    /// Reads the bundle directory. A missing directory (or one without `voix.js`) is not fatal: the server still
    /// starts, says how to build the bundle, and `/voix/*` answers 404.
    pub fn load(dir: &Path) -> Bundle {
        if !dir.is_dir() {
            tracing::warn!(
                "the widget bundle {} is missing: run scripts/build-widget to build it; /voix/ answers 404 until then",
                dir.display()
            );
            return Bundle::default();
        }
        let mut found: HashMap<String, Bytes> = HashMap::new();
        read_tree(dir, "", 0, &mut found);
        let mut bundle = Bundle::default();
        for (name, content) in &found {
            let is_variant = [".br", ".gz"]
                .iter()
                .any(|suffix| name.strip_suffix(suffix).is_some_and(|base| found.contains_key(base)));
            if is_variant {
                continue;
            }
            let file = BundleFile {
                hash: content_hash(content),
                content_type: content_type(name),
                identity: content.clone(),
                br: found.get(&format!("{name}.br")).cloned(),
                gzip: found.get(&format!("{name}.gz")).cloned(),
            };
            bundle.files.insert(name.clone(), file);
        }
        if bundle.files.contains_key(ENTRY) {
            tracing::info!("serving the widget bundle from {} ({} files)", dir.display(), bundle.files.len());
        } else {
            tracing::warn!("the widget bundle {} has no {ENTRY}: run scripts/build-widget to build it", dir.display());
        }
        bundle
    }

    /// The version hash of a file, as `content_hash` computed it at start-up.
    pub fn hash(&self, path: &str) -> Option<&str> {
        self.files.get(path).map(|file| file.hash.as_str())
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// Reads every regular file under `dir` (following symbolic links, skipping hidden names) into `found`.
fn read_tree(dir: &Path, prefix: &str, depth: usize, found: &mut HashMap<String, Bytes>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            tracing::warn!("cannot read the widget bundle folder {}: {error}", dir.display());
            return;
        }
    };
    for entry in entries.flatten() {
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        let key = format!("{prefix}{name}");
        if path.is_dir() {
            if depth < MAX_DEPTH {
                read_tree(&path, &format!("{key}/"), depth + 1, found);
            }
        } else if path.is_file() {
            match std::fs::read(&path) {
                Ok(content) => {
                    found.insert(key, Bytes::from(content));
                }
                Err(error) => tracing::warn!("cannot read {}: {error}; it is not served", path.display()),
            }
        }
    }
}

fn content_type(name: &str) -> &'static str {
    let extension = name.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "js" | "mjs" => "text/javascript",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "css" => "text/css; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        "ts" | "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The content codings the server can send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Coding {
    Br,
    Gzip,
    Identity,
}

impl Coding {
    fn etag_suffix(self) -> &'static str {
        match self {
            Coding::Br => "-br",
            Coding::Gzip => "-gz",
            Coding::Identity => "",
        }
    }
}

/// The `q` value that `Accept-Encoding` gives `coding` (an explicit entry wins over `*`; absent means 0, except
/// for identity, which is always acceptable here).
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

/// Picks the best available coding the client accepts: highest `q`, then brotli, then gzip, then none.
fn negotiate(headers: &HeaderMap, file: &BundleFile) -> Coding {
    let mut best = (Coding::Identity, 0.0_f32);
    for (coding, name, available) in
        [(Coding::Gzip, "gzip", file.gzip.is_some()), (Coding::Br, "br", file.br.is_some())]
    {
        let q = quality(headers, name);
        if available && q > 0.0 && q >= best.1 {
            best = (coding, q);
        }
    }
    best.0
}

/// The value of the query parameter `name`, undecoded (hashes are plain hex).
fn query_param<'q>(query: Option<&'q str>, name: &str) -> Option<&'q str> {
    query?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}

fn cache_control(path: &str, file: &BundleFile, uri: &Uri) -> &'static str {
    if path == ENTRY {
        ENTRY_CACHE
    } else if query_param(uri.query(), "v") == Some(file.hash.as_str()) {
        HASHED_CACHE
    } else {
        UNHASHED_CACHE
    }
}

fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers.get_all(header::IF_NONE_MATCH).iter().filter_map(|value| value.to_str().ok()).any(|value| {
        value.split(',').map(str::trim).any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
    })
}

/// `GET /voix/{*path}`.
pub async fn serve_file(
    State(state): State<AppState>,
    UrlPath(path): UrlPath<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let file = state.bundle.files.get(&path).ok_or(Error::NotFound)?;
    let coding = negotiate(&headers, file);
    let etag = format!("\"{}{}\"", file.hash, coding.etag_suffix());
    let not_modified = if_none_match(&headers, &etag);
    let body = match (not_modified, coding) {
        (true, _) => Bytes::new(),
        (false, Coding::Br) => file.br.clone().unwrap_or_default(),
        (false, Coding::Gzip) => file.gzip.clone().unwrap_or_default(),
        (false, Coding::Identity) => file.identity.clone(),
    };
    let mut response = Response::new(Body::from(body));
    let response_headers = response.headers_mut();
    let mut set = |name, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            response_headers.insert(name, value);
        }
    };
    set(header::CACHE_CONTROL, cache_control(&path, file, &uri));
    set(header::ETAG, &etag);
    set(header::VARY, "Accept-Encoding");
    set(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");
    set(header::HeaderName::from_static("cross-origin-resource-policy"), "cross-origin");
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    if not_modified {
        *response.status_mut() = StatusCode::NOT_MODIFIED;
        return Ok(response);
    }
    set(header::CONTENT_TYPE, file.content_type);
    match coding {
        Coding::Br => set(header::CONTENT_ENCODING, "br"),
        Coding::Gzip => set(header::CONTENT_ENCODING, "gzip"),
        Coding::Identity => {}
    }
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        headers
    }

    fn file(br: bool, gzip: bool) -> BundleFile {
        BundleFile {
            hash: content_hash(b"x"),
            content_type: "text/javascript",
            identity: Bytes::from_static(b"x"),
            br: br.then(|| Bytes::from_static(b"b")),
            gzip: gzip.then(|| Bytes::from_static(b"g")),
        }
    }

    #[test]
    fn the_hash_is_the_start_of_the_sha256() {
        // printf 'hello\n' | sha256sum → 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03
        assert_eq!(content_hash(b"hello\n"), "5891b5b522d5df08");
        assert_eq!(content_hash(b""), "e3b0c44298fc1c14");
    }

    #[test]
    fn encoding_negotiation_follows_accept_encoding() {
        let both = file(true, true);
        assert_eq!(negotiate(&accept("gzip, deflate, br, zstd"), &both), Coding::Br);
        assert_eq!(negotiate(&accept("gzip"), &both), Coding::Gzip);
        assert_eq!(negotiate(&accept("br;q=0, gzip"), &both), Coding::Gzip);
        assert_eq!(negotiate(&accept("br;q=0.5, gzip;q=0.8"), &both), Coding::Gzip);
        assert_eq!(negotiate(&accept("*"), &both), Coding::Br);
        assert_eq!(negotiate(&accept("identity"), &both), Coding::Identity);
        assert_eq!(negotiate(&HeaderMap::new(), &both), Coding::Identity);
        assert_eq!(negotiate(&accept("br"), &file(false, true)), Coding::Identity);
    }

    #[test]
    fn query_parameters_are_matched_exactly() {
        assert_eq!(query_param(Some("a=1&v=abc"), "v"), Some("abc"));
        assert_eq!(query_param(Some("vv=abc"), "v"), None);
        assert_eq!(query_param(None, "v"), None);
    }
}
