//! Fetching and validating a campaign, and what can go wrong on the way.

use leptos::wasm_split::SplitLoaderError;
use std::fmt;
use std::sync::Arc;
use voix_core::i18n::Text;
use voix_core::validate::{
    check_read_campaign, parse_campaign, Message, Validation, VALIDATED_HEADER, VALIDATED_VALUE,
};
use voix_core::{Campaign, Lang, Problem};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, ReferrerPolicy, RequestCredentials, RequestInit, RequestMode, Response};

pub type LoadResult = Result<Arc<Campaign>, LoadError>;

/// How long a campaign fetch may take before the widget says so and offers to try again.
const FETCH_TIMEOUT_MS: u32 = 15_000;

/// Why a campaign could not be shown. The reader sees `text()`; the webmaster finds `details()` in the console.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The script tag has no `data-campaign`.
    NoCampaignAttribute,
    NotFound {
        url: String,
    },
    Unreachable {
        url: String,
        detail: String,
    },
    /// Shared, not owned (here and in `Invalid`): every read of the embed's campaign signal clones its result, and a
    /// deep clone of problems is code in the bundle.
    NotJson {
        url: String,
        problem: Arc<Problem>,
    },
    Invalid {
        url: String,
        problems: Arc<[Problem]>,
    },
    /// The organiser has not listed this site for the campaign, or `data-partner` names no partner: what the
    /// webmaster should do (`NotOnThisSite::advice`).
    NotOnThisSite {
        advice: String,
    },
}

impl LoadError {
    /// The message for the reader.
    pub fn text(&self) -> Text {
        match self {
            LoadError::NoCampaignAttribute => Text::ErrorNoCampaign,
            LoadError::NotFound { .. } => Text::ErrorNotFound,
            LoadError::Unreachable { .. } => Text::ErrorUnreachable,
            LoadError::NotJson { .. } => Text::ErrorNotJson,
            LoadError::Invalid { .. } => Text::ErrorInvalid,
            LoadError::NotOnThisSite { .. } => Text::ErrorNotOnThisSite,
        }
    }

    /// Trying again can help only when the network or server failed.
    pub fn can_retry(&self) -> bool {
        matches!(self, LoadError::Unreachable { .. })
    }

    /// Whether the fault is in the page or campaign set-up (the webmaster should look at the console).
    pub fn is_setup_problem(&self) -> bool {
        !matches!(self, LoadError::Unreachable { .. })
    }

    /// Details for the webmaster, in English (the console is a developer tool). Lean on purpose: the words of
    /// `voix check` (both languages, every rule) would cost every reader's first download, so the console names
    /// the places and `voix check` explains them.
    pub fn details(&self) -> String {
        match self {
            LoadError::NoCampaignAttribute => "the script tag has no data-campaign attribute; add \
                data-campaign=\"https://YOUR-VOIX-SERVER/campaigns/ID.json\""
                .to_owned(),
            LoadError::NotFound { url } => format!("campaign {url} was not found (404)"),
            LoadError::Unreachable { url, detail } => format!("campaign {url} could not be loaded: {detail}"),
            LoadError::NotJson { url, problem } => {
                let (line, column) = problem.position.unwrap_or_default();
                let what = match &problem.message {
                    Message::Syntax(kind) => kind.short_words(),
                    _ => "syntax error",
                };
                format!("campaign {url} is not valid JSON: line {line}, column {column}: {what}")
            }
            LoadError::Invalid { url, problems } => {
                format!("campaign {url} has {} problem(s); run `voix check` on it:{}", problems.len(), places(problems))
            }
            LoadError::NotOnThisSite { advice } => advice.clone(),
        }
    }
}

/// One console line per problem: where it is, and the JSON reader's own words when the file could not be read into
/// a campaign (those are in the bundle anyway; the rules' messages are not).
pub(crate) fn places(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|problem| match &problem.message {
            Message::Unreadable { detail } => format!("\n  {}: {detail}", problem.location(Lang::En)),
            _ => format!("\n  {}", problem.location(Lang::En)),
        })
        .collect()
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.details())
    }
}

impl std::error::Error for LoadError {}

/// Fetches the campaign without cookies or referrer (the reader's browsing is nobody's business) and validates
/// it with the same rules as `voix check`, unless `voix_origin` (the Voix server this widget came from) served it
/// and says it did (it validates every campaign it serves).
pub async fn fetch_campaign(url: &str, voix_origin: &str) -> Result<Arc<Campaign>, LoadError> {
    let unreachable = |detail: String| LoadError::Unreachable { url: url.to_owned(), detail };
    let fetched = fetch_within(url, FETCH_TIMEOUT_MS).await.map_err(|failure| match failure {
        FetchFailure::Status(404 | 410) => LoadError::NotFound { url: url.to_owned() },
        FetchFailure::Status(status) => unreachable(format!("the server answered HTTP {status}")),
        FetchFailure::Network(detail) => unreachable(detail),
    })?;
    let vouched = origin_of(url).is_some_and(|origin| origin == voix_origin)
        && fetched.header(VALIDATED_HEADER).as_deref() == Some(VALIDATED_VALUE);
    let campaign = parse_campaign(&fetched.text).map_err(|problem| {
        if problem.position.is_some() {
            LoadError::NotJson { url: url.to_owned(), problem: Arc::from(problem) }
        } else {
            LoadError::Invalid { url: url.to_owned(), problems: Arc::from([*problem]) }
        }
    })?;
    if vouched {
        return Ok(Arc::new(campaign));
    }
    #[cfg(voix_split)]
    let checked = check_rules(campaign).await;
    #[cfg(not(voix_split))]
    let checked = check_rules(campaign);
    let validation = checked.map_err(|_| unreachable("the campaign check could not be loaded".to_owned()))?;
    match validation.campaign {
        Some(campaign) => Ok(Arc::new(campaign)),
        None => {
            let mut problems = validation.problems;
            problems.retain(Problem::is_error);
            Err(LoadError::Invalid { url: url.to_owned(), problems: problems.into() })
        }
    }
}

/// The campaign, if it may run on this page (see `Campaign::check_site`): the Voix server refuses signatures and
/// letters from a site the organiser has not listed, so the reader is told now rather than after typing.
pub fn admit(campaign: Arc<Campaign>, voix_origin: &str, partner: Option<&str>) -> LoadResult {
    let page_origin = web_sys::window().and_then(|window| window.location().origin().ok()).unwrap_or_default();
    if let Err(refusal) = campaign.check_site(&page_origin, voix_origin, partner) {
        return Err(LoadError::NotOnThisSite { advice: refusal.advice() });
    }
    Ok(campaign)
}

/// The rules of `voix check` in their own wasm chunk (see `components/split.rs`): a partner page whose campaign
/// comes from its Voix server never downloads them.
#[cfg_attr(voix_split, leptos::wasm_split::wasm_split(voix_rules, wasm_split_path = ::leptos::wasm_split, fallible))]
fn check_rules(campaign: Campaign) -> Result<Validation, SplitLoaderError> {
    Ok(check_read_campaign(campaign))
}

/// `https://host:port` of a URL.
pub(crate) fn origin_of(url: &str) -> Option<String> {
    web_sys::Url::new(url).ok().map(|url| url.origin())
}

/// A successful response's text and headers.
pub(crate) struct Fetched {
    pub text: String,
    headers: web_sys::Headers,
}

impl Fetched {
    fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).ok().flatten()
    }
}

pub(crate) enum FetchFailure {
    Status(u16),
    Network(String),
}

pub(crate) async fn fetch_text(url: &str) -> Result<String, FetchFailure> {
    fetch_within(url, FETCH_TIMEOUT_MS).await.map(|fetched| fetched.text)
}

async fn fetch_text_within(url: &str, timeout_ms: u32) -> Result<String, FetchFailure> {
    fetch_within(url, timeout_ms).await.map(|fetched| fetched.text)
}

async fn fetch_within(url: &str, timeout_ms: u32) -> Result<Fetched, FetchFailure> {
    // The error's own words ("TypeError: Failed to fetch"; a timeout's DOMException is an Error too): JsValue's
    // Debug would link wasm-bindgen's debug formatter into the glue for one console line.
    let network = |error: JsValue| {
        let words = error.as_string().or_else(|| error.dyn_ref::<js_sys::Error>().map(|e| e.to_string().into()));
        FetchFailure::Network(words.unwrap_or_else(|| "the request failed".to_owned()))
    };
    let window = web_sys::window().ok_or_else(|| FetchFailure::Network("no window".into()))?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_mode(RequestMode::Cors);
    init.set_credentials(RequestCredentials::Omit);
    init.set_referrer_policy(ReferrerPolicy::NoReferrer);
    init.set_signal(Some(&AbortSignal::timeout_with_u32(timeout_ms)));
    let response: Response =
        JsFuture::from(window.fetch_with_str_and_init(url, &init)).await.map_err(network)?.unchecked_into();
    if !response.ok() {
        return Err(FetchFailure::Status(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(network)?).await.map_err(network)?;
    let text = text.as_string().ok_or_else(|| FetchFailure::Network("the response is not text".into()))?;
    Ok(Fetched { text, headers: response.headers() })
}

/// The riding data of the letter step: fetched on first need, then kept for the page's life.
#[derive(Clone, Debug, Default)]
pub enum DirectoryState {
    #[default]
    Idle,
    Loading,
    Ready(Arc<voix_core::directory::Directory>),
    Failed,
}

/// Fetches and reads the riding and MP data file (`/data/canada.json` on the Voix server).
pub async fn fetch_directory(url: &str) -> Result<voix_core::directory::Directory, String> {
    let text = fetch_text(url).await.map_err(|failure| match failure {
        FetchFailure::Status(status) => format!("HTTP {status}"),
        FetchFailure::Network(detail) => detail,
    })?;
    voix_core::directory::Directory::from_json(&text).map_err(|error| error.text(Lang::En))
}

/// How long the optional precise lookup may take before the offline answer is used.
const REPRESENT_TIMEOUT_MS: u32 = 4_000;

/// The optional precise lookup of a full postal code (only when the campaign names a Represent service).
/// Any failure (404, 429, 503, a timeout, an unreadable answer) is an `Err`: the caller uses the offline answer.
pub async fn fetch_represent(
    base: &str,
    code: &voix_core::postal::PostalCode,
) -> Result<voix_core::represent::PostcodeDistricts, ()> {
    let url = voix_core::represent::postcode_url(base, code);
    let text = fetch_text_within(&url, REPRESENT_TIMEOUT_MS).await.map_err(|_| ())?;
    voix_core::represent::parse_postcode(&text).map_err(|_| ())
}

/// Waits `ms` milliseconds.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}
