//! The widget bundle (`--bundle`, built by `scripts/build-widget`), served at `/voix/`.
//!
//! The bundle is read into memory once at start-up, so every response matches the hash computed from it: a file
//! rebuilt while the server runs is picked up at the next restart, and a URL carrying an old hash can never be
//! cached for a year with new content. `voix.js` is the stable entry that partners link to and gets a short cache;
//! it loads the other files by content-hashed URL (`voix_bg.wasm?v=<hash>`), which may be cached forever.

use crate::compression::ServedFile;
use crate::error::Error;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// The file partners link to: `<script type="module" src="https://…/voix/voix.js">`.
pub const ENTRY: &str = "voix.js";

const ENTRY_CACHE: &str = "public, max-age=300";

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

/// The bundle in memory, keyed by path under `/voix/` (`voix.js`, `snippets/x/inline0.js`).
#[derive(Debug, Default)]
pub struct Bundle {
    files: HashMap<String, ServedFile>,
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
            let file = ServedFile {
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

fn cache_control(path: &str, file: &ServedFile, uri: &Uri) -> &'static str {
    if path == ENTRY {
        ENTRY_CACHE
    } else {
        file.cache_by_hash(uri)
    }
}

/// `GET /voix/{*path}`.
pub async fn serve_file(
    State(state): State<AppState>,
    UrlPath(path): UrlPath<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let file = state.bundle.files.get(&path).ok_or(Error::NotFound)?;
    Ok(file.response(&headers, cache_control(&path, file, &uri)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_the_start_of_the_sha256() {
        // printf 'hello\n' | sha256sum → 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03
        assert_eq!(content_hash(b"hello\n"), "5891b5b522d5df08");
        assert_eq!(content_hash(b""), "e3b0c44298fc1c14");
    }
}
