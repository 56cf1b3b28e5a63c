//! The riding and MP data file (`--data-file`, default `./data/canada.json`), served at `/data/canada.json` for
//! the widget to fetch when someone looks up their MP.
//!
//! Read, checked and compressed once at start-up, like the widget bundle: `?v=<hash>` (the first 16 hex digits of
//! its SHA-256) may be cached forever, any other URL is revalidated with its ETag. Any site may read it (it is
//! public data, embedded on partners' pages). A refreshed file is served after a restart.

use crate::bundle::content_hash;
use crate::compression::{self, ServedFile};
use crate::error::Error;
use crate::ridings::boundaries;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use voix_core::{Directory, Lang};

/// Where the widget fetches the data.
pub const URL_PATH: &str = "/data/canada.json";
/// Where the widget fetches a province's riding boundaries (`/data/boundaries/map/QC.json`).
pub const BOUNDARIES_PATH: &str = "/data/boundaries/{set}/{file}";

/// The data file in memory; empty when it is missing or unusable (then `/data/canada.json` answers 404).
#[derive(Debug, Default)]
pub struct DataFile {
    served: Option<ServedFile>,
    /// The same file, parsed: the server's own list of ridings and MPs (server letters take names from it).
    directory: Option<Directory>,
    /// The ridings' boundaries beside it (`boundaries/map/QC.json`, …), served at `/data/boundaries/…`.
    boundaries: BTreeMap<String, Boundaries>,
}

/// One boundary file: served as it is until a background thread has compressed it (26 files of up to 150 KB take
/// brotli's best several seconds, which start-up should not wait for).
#[derive(Debug)]
struct Boundaries {
    plain: ServedFile,
    compressed: Arc<OnceLock<ServedFile>>,
}

impl DataFile {
    /// Reads and checks the file; uses `FILE.br` and `FILE.gz` when they hold the same content, otherwise
    /// compresses it here. A missing or invalid file is logged, not fatal.
    pub fn load(path: &Path) -> DataFile {
        let content = match std::fs::read(path) {
            Ok(content) => content,
            Err(error) => {
                tracing::warn!(
                    "the riding data file {} cannot be read ({error}): run `voix data build`; {URL_PATH} answers 404",
                    path.display()
                );
                return DataFile::default();
            }
        };
        let parsed = std::str::from_utf8(&content)
            .map_err(|error| error.to_string())
            .and_then(|text| Directory::from_json(text).map_err(|error| error.text(Lang::En)));
        let directory = match parsed {
            Ok(directory) => directory,
            Err(problem) => {
                tracing::warn!(
                    "the riding data file {} is not usable: {problem}; {URL_PATH} answers 404",
                    path.display()
                );
                return DataFile::default();
            }
        };
        let br = sibling(path, "br", &content, compression::unbrotli).unwrap_or_else(|| compression::brotli(&content));
        let gzip = sibling(path, "gz", &content, compression::ungzip).unwrap_or_else(|| compression::gzip(&content));
        let served = ServedFile {
            hash: content_hash(&content),
            content_type: "application/json",
            identity: Bytes::from(content),
            br: Some(br.into()),
            gzip: Some(gzip.into()),
        };
        tracing::info!(
            "serving the riding data {} at {URL_PATH}?v={} ({} bytes, {} brotli)",
            path.display(),
            served.hash,
            served.identity.len(),
            served.br.as_ref().map_or(0, Bytes::len)
        );
        let boundaries = load_boundaries(&boundaries::folder_beside(path));
        DataFile { served: Some(served), directory: Some(directory), boundaries }
    }

    /// The ridings and MPs of the file, when it was loaded.
    pub fn directory(&self) -> Option<&Directory> {
        self.directory.as_ref()
    }

    /// The version hash of the file, for `/data/canada.json?v=<hash>`.
    pub fn hash(&self) -> Option<&str> {
        self.served.as_ref().map(|served| served.hash.as_str())
    }
}

/// Every `SET/XX.json` of the boundaries folder, compressed in the background; a missing folder is logged (the
/// widget then offers the list without a map or a location lookup).
fn load_boundaries(folder: &Path) -> BTreeMap<String, Boundaries> {
    let mut served = BTreeMap::new();
    for set in [boundaries::MAP, boundaries::EXACT] {
        let Ok(entries) = std::fs::read_dir(folder.join(set.kind.folder())) else {
            tracing::warn!(
                "no riding boundaries in {}: run `voix data build`",
                folder.join(set.kind.folder()).display()
            );
            continue;
        };
        let mut names: Vec<PathBuf> = entries.filter_map(Result::ok).map(|entry| entry.path()).collect();
        names.sort();
        for path in names.into_iter().filter(|path| path.extension().is_some_and(|extension| extension == "json")) {
            let (Some(name), Ok(content)) = (path.file_name().and_then(|name| name.to_str()), std::fs::read(&path))
            else {
                continue;
            };
            let plain = ServedFile {
                hash: content_hash(&content),
                content_type: "application/json",
                identity: Bytes::from(content),
                br: None,
                gzip: None,
            };
            served.insert(format!("{}/{name}", set.kind.folder()), Boundaries { plain, compressed: Arc::default() });
        }
    }
    let work: Vec<(Bytes, String, Arc<OnceLock<ServedFile>>)> = served
        .values()
        .map(|file| (file.plain.identity.clone(), file.plain.hash.clone(), file.compressed.clone()))
        .collect();
    std::thread::spawn(move || {
        for (content, hash, compressed) in work {
            let br = compression::brotli(&content).into();
            let gzip = compression::gzip(&content).into();
            let _ = compressed.set(ServedFile {
                hash,
                content_type: "application/json",
                identity: content,
                br: Some(br),
                gzip: Some(gzip),
            });
        }
    });
    tracing::info!("serving {} riding boundary files at {BOUNDARIES_PATH}", served.len());
    served
}

/// `GET /data/boundaries/{set}/{file}` (`map/QC.json`): public data, like the data file.
pub async fn serve_boundaries(
    State(state): State<AppState>,
    UrlPath((set, file)): UrlPath<(String, String)>,
    uri: Uri,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let file = state.data_file.boundaries.get(&format!("{set}/{file}")).ok_or(Error::NotFound)?;
    let served = file.compressed.get().unwrap_or(&file.plain);
    Ok(served.response(&headers, served.cache_by_hash(&uri)))
}

/// A precompressed `PATH.extension` whose decompressed content equals `content` (a stale one is ignored).
fn sibling(path: &Path, extension: &str, content: &[u8], decompress: fn(&[u8]) -> Option<Vec<u8>>) -> Option<Vec<u8>> {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(extension);
    let compressed = std::fs::read(Path::new(&name)).ok()?;
    if decompress(&compressed).as_deref() == Some(content) {
        Some(compressed)
    } else {
        tracing::warn!(
            "{} does not match {}: compressing in memory instead",
            Path::new(&name).display(),
            path.display()
        );
        None
    }
}

/// `GET /data/canada.json`.
pub async fn serve(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Result<Response, Error> {
    let served = state.data_file.served.as_ref().ok_or(Error::NotFound)?;
    Ok(served.response(&headers, served.cache_by_hash(&uri)))
}
