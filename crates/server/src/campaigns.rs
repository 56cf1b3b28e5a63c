//! Campaign files (`--campaigns`): validated at start-up and served at `/campaigns/{id}.json`.
//!
//! A campaign with errors is refused (logged with the lines `voix check` prints, and answered 404) while the
//! others still serve. Cross-origin reads are allowed only for the exact origins the campaign lists for its
//! partners: the `Origin` header is compared, never reflected.

use crate::check;
use crate::error::Error;
use crate::state::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use voix_core::validate::{VALIDATED_HEADER, VALIDATED_VALUE};
use voix_core::{Campaign, Lang};

const CACHE: &str = "public, max-age=60";

/// A valid campaign as it is served.
#[derive(Debug)]
pub struct Served {
    /// The file's exact bytes.
    source: Bytes,
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
        self.served.insert(campaign.id.clone(), Served { source: Bytes::from(source), origins, campaign });
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

/// `GET /campaigns/{id}.json`.
pub async fn serve_campaign(
    State(state): State<AppState>,
    UrlPath(file): UrlPath<String>,
    headers: HeaderMap,
) -> Result<Response, Error> {
    let id = file.strip_suffix(".json").ok_or(Error::UnknownCampaign)?;
    let campaign = state.campaigns.served.get(id).ok_or(Error::UnknownCampaign)?;
    let mut response = Response::new(Body::from(campaign.source.clone()));
    let response_headers = response.headers_mut();
    response_headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    response_headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHE));
    response_headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Always: a shared cache must not give one origin's answer to another.
    response_headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    // Only valid campaigns are ever served (`Campaigns::load` refuses the others).
    response_headers.insert(VALIDATED_HEADER, HeaderValue::from_static(VALIDATED_VALUE));
    let request_origin = headers.get(header::ORIGIN).and_then(|value| value.to_str().ok());
    if let Some(allowed) = request_origin.and_then(|origin| campaign.allowed_origin(origin)) {
        // The campaign's own copy of the origin (validated), not the request's bytes.
        if let Ok(value) = HeaderValue::from_str(allowed) {
            response_headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, value);
            response_headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static(VALIDATED_HEADER));
        }
    }
    Ok(response)
}
