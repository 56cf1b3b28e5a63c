//! The coalition's shared glossary: `<campaigns dir>/glossary.json`, served at `/glossary.json` for explainers
//! that use it (`"shared_glossary": true`).
//!
//! Read and checked at start-up like the campaigns (an invalid file is logged with every problem, in the same
//! words as `voix check`, and not served); held in memory with brotli and gzip, an ETag, and `?v=<hash>` caching
//! like the riding data. Any site may read it: it is public, like the data file.

use crate::compression::ServedFile;
use crate::error::Error;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use std::path::Path;
use voix_core::explainer::validate_glossary;
use voix_core::Lang;

/// Where the shared glossary is served.
pub const URL_PATH: &str = "/glossary.json";
/// Its file name in the campaigns folder (not a campaign).
pub const FILE_NAME: &str = "glossary.json";

/// Reads and checks `<dir>/glossary.json`; `None` (answering 404) when it is missing or has errors.
pub fn load(dir: &Path, lang: Lang) -> Option<ServedFile> {
    let path = dir.join(FILE_NAME);
    let file = path.display().to_string();
    let content = match std::fs::read(&path) {
        Ok(content) => content,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            tracing::info!("no shared glossary ({file}): {URL_PATH} answers 404");
            return None;
        }
        Err(error) => {
            tracing::warn!("{}", crate::check::read_error_line(&file, &error, lang));
            return None;
        }
    };
    let Ok(text) = std::str::from_utf8(&content) else {
        tracing::warn!("{file}: not UTF-8 text; {URL_PATH} answers 404");
        return None;
    };
    let check = validate_glossary(text);
    for problem in &check.problems {
        tracing::warn!("{file}: {}", problem.describe(lang));
    }
    let glossary = match check.glossary {
        Some(glossary) => glossary,
        None => {
            tracing::warn!("{file}: shared glossary refused: it has errors and is not served (fix them, then restart)");
            return None;
        }
    };
    let served = ServedFile::compressed(content, "application/json");
    tracing::info!("serving the shared glossary {file} at {URL_PATH} ({} terms)", glossary.terms.len());
    Some(served)
}

/// `GET /glossary.json`.
pub async fn serve(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Result<Response, Error> {
    let served = state.campaigns.glossary.as_ref().ok_or(Error::NotFound)?;
    Ok(served.response(&headers, served.cache_by_hash(&uri)))
}
