//! Campaign files (`--campaigns`): validated at start-up and served at `/campaigns/{id}.json`.
//!
//! A campaign with errors is refused (logged with the lines `voix check` prints, and answered 404) while the
//! others still serve. A campaign file is a public text, precompressed like the bundle and readable from any
//! site: the widget itself tells a site the organiser has not listed that the campaign is not available there
//! (`Campaign::check_site`). What the campaign's partners list does decide is who may send signatures and letters
//! (the API routes compare the `Origin` header with [`Served::allowed_origin`], never reflecting it).

use crate::check;
use crate::compression::ServedFile;
use crate::error::Error;
use crate::state::AppState;
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use voix_core::validate::{VALIDATED_HEADER, VALIDATED_VALUE};
use voix_core::{Campaign, Lang};

const CACHE: &str = "public, max-age=60";
const MODULE_TYPE: &str = "text/javascript; charset=utf-8";

/// A valid campaign as it is served.
#[derive(Debug)]
pub struct Served {
    /// The file's exact bytes, with brotli and gzip.
    file: ServedFile,
    /// The same text as a JavaScript module (`export default {…};`), at `/campaigns/{id}.js`: when a partner
    /// page's policy blocks the widget's requests to the Voix server but not its scripts, the message that replaces
    /// the widget still finds the organiser's link there.
    module: ServedFile,
    /// Every origin of every partner.
    origins: Vec<String>,
    /// The campaign, for the petition API.
    pub campaign: Campaign,
}

impl Served {
    /// The campaign's own copy of `origin` when one of its partners lists it (never the request's bytes).
    pub fn allowed_origin(&self, origin: &str) -> Option<&str> {
        self.origins.iter().find(|listed| *listed == origin).map(String::as_str)
    }

    /// The partners that list `origin`.
    pub fn partners_of_origin<'a>(&'a self, origin: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.campaign
            .partners
            .iter()
            .filter(move |partner| partner.origins.iter().any(|listed| listed == origin))
            .map(|partner| partner.id.as_str())
    }
}

/// The campaigns that passed validation, by id.
#[derive(Debug, Default)]
pub struct Campaigns {
    served: HashMap<String, Served>,
    /// The coalition's shared glossary (`glossary.json` in the same folder), when it is valid.
    pub glossary: Option<crate::compression::ServedFile>,
}

impl Campaigns {
    /// Reads and validates every `*.json` in `dir`, logging problems in `lang`.
    pub fn load(dir: &Path, lang: Lang) -> Campaigns {
        let mut campaigns = Campaigns::default();
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(error) => {
                tracing::warn!("cannot read the campaigns folder {}: {error}; no campaign is served", dir.display());
                return campaigns;
            }
        };
        let mut files: Vec<PathBuf> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json") && !path.is_dir())
            .filter(|path| path.file_name().is_none_or(|name| name != crate::glossary::FILE_NAME))
            .collect();
        files.sort();
        for path in files {
            campaigns.load_file(&path, lang);
        }
        if campaigns.served.is_empty() {
            tracing::warn!("no valid campaign in {}", dir.display());
        }
        campaigns.glossary = crate::glossary::load(dir, lang);
        campaigns
    }

    fn load_file(&mut self, path: &Path, lang: Lang) {
        let file = path.display().to_string();
        let source = match std::fs::read_to_string(path) {
            Ok(source) => source,
            Err(error) => {
                tracing::warn!("{}", check::read_error_line(&file, &error, lang));
                return;
            }
        };
        let validation = check::validate_file(path, &source);
        let Some(campaign) = validation.campaign.as_ref() else {
            for line in check::report_lines(&file, &validation, lang) {
                tracing::warn!("{line}");
            }
            tracing::warn!("{file}: campaign refused: it has errors and is not served (fix them, then restart)");
            return;
        };
        // Warnings only: the campaign is served, the advice is still worth reading.
        for problem in &validation.problems {
            tracing::warn!("{file}: {}", problem.describe(lang));
        }
        let origins = campaign.partners.iter().flat_map(|partner| partner.origins.iter().cloned()).collect();
        tracing::info!("serving campaign {} at /campaigns/{}.json", campaign.id, campaign.id);
        let campaign = campaign.clone();
        // JSON is an expression in JavaScript (since ES2019 even with U+2028 in its strings).
        let module = ServedFile::compressed(format!("export default {source};\n").into_bytes(), MODULE_TYPE);
        let file = ServedFile::compressed(source.into_bytes(), "application/json; charset=utf-8");
        self.served.insert(campaign.id.clone(), Served { file, module, origins, campaign });
    }

    /// How many campaigns are served.
    pub fn len(&self) -> usize {
        self.served.len()
    }

    pub fn is_empty(&self) -> bool {
        self.served.is_empty()
    }

    /// The served campaign `id`.
    pub fn get(&self, id: &str) -> Option<&Served> {
        self.served.get(id)
    }

    /// The ids of the served campaigns, sorted.
    pub fn ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.served.keys().map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }

    /// Whether the campaign `id` is served.
    pub fn contains(&self, id: &str) -> bool {
        self.served.contains_key(id)
    }
}

/// `GET /campaigns/{id}.json` (and `.js`): the exact file, in the best coding the client accepts, to any site.
pub async fn serve_campaign(
    State(state): State<AppState>,
    UrlPath(file): UrlPath<String>,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let (id, as_module) = match (file.strip_suffix(".json"), file.strip_suffix(".js")) {
        (Some(id), _) => (id, false),
        (None, Some(id)) => (id, true),
        (None, None) => return Err(Error::UnknownCampaign),
    };
    let campaign = state.campaigns.served.get(id).ok_or(Error::UnknownCampaign)?;
    let served = if as_module { &campaign.module } else { &campaign.file };
    let mut response = served.response(&headers, CACHE);
    let response_headers = response.headers_mut();
    // Only valid campaigns are ever served (`Campaigns::load` refuses the others); the widget on a partner's page
    // reads the header across origins.
    response_headers.insert(VALIDATED_HEADER, HeaderValue::from_static(VALIDATED_VALUE));
    response_headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(VALIDATED_HEADER));
    Ok(response)
}
