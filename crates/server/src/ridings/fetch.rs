//! `voix data refresh --fetch`: downloads the House of Commons' members exports itself (XML, English and French,
//! `{house}/Members/{en,fr}/search/XML`), so that the secretariat's routine is one command or a timer.
//!
//! Both are read in full before anything is applied: a failed or cut download, an export that is not the House's
//! XML, one in the wrong language, or two that disagree on who sits stop the refresh with nothing written.

use super::members::{self, Export, ExportKind};
use super::{DataError, ExportProblem};
use std::path::PathBuf;
use std::time::Duration;
use voix_core::Lang;

/// The House of Commons' site.
pub const HOUSE_URL: &str = "https://www.ourcommons.ca";

/// The most an export may weigh (the full XML is about 150 KB).
const MAX_EXPORT_BYTES: u64 = 20 * 1024 * 1024;

/// One download may take this long, connection included.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The export's address in `lang`.
pub fn export_url(house_url: &str, lang: Lang) -> String {
    format!("{}/Members/{}/search/XML", house_url.trim_end_matches('/'), lang.code())
}

/// Both exports, read.
pub struct Fetched {
    pub url: String,
    /// The English export: the one applied.
    pub english: Export,
    /// How many sitting members the French export lists (it is read in full only to check the English one).
    pub french_members: usize,
}

fn download(agent: &ureq::Agent, url: &str) -> Result<String, DataError> {
    let failed = |detail: String| DataError::Download { url: url.to_owned(), detail };
    let mut response = agent.get(url).call().map_err(|error| failed(error.to_string()))?;
    response
        .body_mut()
        .with_config()
        .limit(MAX_EXPORT_BYTES)
        .lossy_utf8(false)
        .read_to_string()
        .map_err(|error| failed(error.to_string()))
}

fn read(url: &str, text: &str, expected: Lang, force: bool) -> Result<Export, DataError> {
    let export = members::read(text).map_err(|problem| DataError::Export { path: PathBuf::from(url), problem })?;
    if export.kind != ExportKind::HouseOfCommonsXml {
        return Err(DataError::Export { path: PathBuf::from(url), problem: ExportProblem::UnknownFormat });
    }
    match members::language(&export.members) {
        Some(found) if found != expected && !force => {
            Err(DataError::WrongLanguage { url: url.to_owned(), expected, found })
        }
        _ => Ok(export),
    }
}

/// Downloads and reads both exports of `house_url`.
pub fn fetch(house_url: &str, force: bool) -> Result<Fetched, DataError> {
    let agent: ureq::Agent = ureq::Agent::config_builder().timeout_global(Some(TIMEOUT)).build().into();
    let url = export_url(house_url, Lang::En);
    let french_url = export_url(house_url, Lang::Fr);
    let english = read(&url, &download(&agent, &url)?, Lang::En, force)?;
    let french = read(&french_url, &download(&agent, &french_url)?, Lang::Fr, force)?;
    // The same House on the same day: as many sitting members in each (a cut or stale mirror shows here).
    if english.members.len() != french.members.len() && !force {
        return Err(DataError::ExportsDisagree { english: english.members.len(), french: french.members.len() });
    }
    Ok(Fetched { url, english, french_members: french.members.len() })
}
