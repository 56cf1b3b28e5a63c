//! `GET /`, `/demo/{campaign}` and `/demo.css`: a fictional member organisation's pages, one per example campaign,
//! with the widget embedded as partners do it, under a strict Content Security Policy (the widget must work without
//! inline scripts or styles). The pages share one template (`demo/index.html`) and differ by their article
//! (`demo/articles/<campaign id>.html`); they are rendered once and precompressed, like every file the server holds.

use crate::compression::ServedFile;
use crate::error::Error;
use axum::extract::Path as UrlPath;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use std::sync::LazyLock;

/// The page every campaign shares, with `{{placeholders}}` for what differs.
const TEMPLATE: &str = include_str!("../demo/index.html");
pub const CSS: &str = include_str!("../demo/demo.css");

/// Where an article puts the widget (its script tag and `<noscript>` message, held by the template).
const WIDGET_MARKER: &str = "{{widget}}";

/// The policy the demo pages are served with.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// What one campaign's page says of its own. The article has `id="act"` and `id="background"` sections (the main
/// navigation links to them) and one `{{widget}}` line.
struct DemoCampaign {
    /// The campaign file's id: the widget loads `/campaigns/<id>.json`.
    id: &'static str,
    /// The page's address, as the campaign navigation links to it.
    href: &'static str,
    /// The link's text in the campaign navigation.
    link_text: &'static str,
    /// The `<title>`, before the site's name.
    page_title: &'static str,
    kicker: &'static str,
    heading: &'static str,
    article: &'static str,
}

/// In the navigation's order; the first one is also the home page, `/`.
const DEMO_CAMPAIGNS: [DemoCampaign; 3] = [
    DemoCampaign {
        id: "lawful-access",
        href: "/",
        link_text: "Lawful access (Bill C-22)",
        page_title: "Lawful access is back: write to senators",
        kicker: "Campaign · Privacy and surveillance",
        heading: "Lawful access is back. Ask senators to stop Bill C-22.",
        article: include_str!("../demo/articles/lawful-access.html"),
    },
    DemoCampaign {
        id: "no-fly-list",
        href: "/demo/no-fly-list",
        link_text: "The No Fly List",
        page_title: "Fix the No Fly List: write to your MP",
        kicker: "Campaign · Travel and due process",
        heading: "Secret list, no fair hearing. Ask your MP to fix the No Fly List.",
        article: include_str!("../demo/articles/no-fly-list.html"),
    },
    DemoCampaign {
        id: "facial-recognition",
        href: "/demo/facial-recognition",
        link_text: "Police facial recognition",
        page_title: "Pause police facial recognition: write to your MP",
        kicker: "Campaign · Policing and technology",
        heading: "No clear law for face searches. Ask your MP to pause police facial recognition.",
        article: include_str!("../demo/articles/facial-recognition.html"),
    },
];

/// The campaign navigation's items, `current` marked as the page shown.
fn campaign_links(current: &DemoCampaign) -> String {
    DEMO_CAMPAIGNS
        .iter()
        .map(|campaign| {
            let current_marker = if campaign.id == current.id { r#" aria-current="page""# } else { "" };
            format!(r#"<li><a href="{}"{current_marker}>{}</a></li>"#, campaign.href, campaign.link_text)
        })
        .collect::<Vec<_>>()
        .join("\n        ")
}

/// The template filled in for `campaign`. The articles are compiled in, so a missing marker is the program's own
/// mistake, caught by the tests that request every page.
fn render(campaign: &DemoCampaign) -> String {
    let (before_widget, after_widget) = campaign
        .article
        .split_once(WIDGET_MARKER)
        .unwrap_or_else(|| panic!("demo/articles/{}.html has no {WIDGET_MARKER} line", campaign.id));
    TEMPLATE
        .replace("{{page_title}}", campaign.page_title)
        .replace("{{campaign_links}}", &campaign_links(campaign))
        .replace("{{kicker}}", campaign.kicker)
        .replace("{{heading}}", campaign.heading)
        .replace("{{campaign_path}}", &format!("/campaigns/{}.json", campaign.id))
        .replace("{{article_before_widget}}", before_widget.trim())
        .replace("{{article_after_widget}}", after_widget.trim())
}

/// Each campaign's id with its rendered page, in [`DEMO_CAMPAIGNS`]' order.
static PAGE_FILES: LazyLock<[(&'static str, ServedFile); DEMO_CAMPAIGNS.len()]> = LazyLock::new(|| {
    DEMO_CAMPAIGNS.map(|campaign| {
        (campaign.id, ServedFile::compressed(render(&campaign).into_bytes(), "text/html; charset=utf-8"))
    })
});
static CSS_FILE: LazyLock<ServedFile> =
    LazyLock::new(|| ServedFile::compressed(CSS.as_bytes().to_vec(), "text/css; charset=utf-8"));

fn page_file(campaign_id: &str) -> Option<&'static ServedFile> {
    PAGE_FILES.iter().find(|(id, _)| *id == campaign_id).map(|(_, file)| file)
}

/// The uncompressed page of the campaign `campaign_id`, as served (`None` for a campaign without a demo page).
pub fn page_html(campaign_id: &str) -> Option<&'static [u8]> {
    page_file(campaign_id).map(|file| &file.identity[..])
}

fn page_response(file: &ServedFile, headers: &HeaderMap) -> Response {
    let mut response = file.own_page_response(headers, "no-cache");
    let response_headers = response.headers_mut();
    response_headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    response_headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

/// `GET /`: the first campaign's page.
pub async fn page(headers: HeaderMap) -> Response {
    let (_, home) = &PAGE_FILES[0];
    page_response(home, &headers)
}

/// `GET /demo/{campaign}`: that campaign's page, or a 404 for a campaign without one.
pub async fn campaign_page(UrlPath(campaign_id): UrlPath<String>, headers: HeaderMap) -> Result<Response, Error> {
    let file = page_file(&campaign_id).ok_or(Error::NotFound)?;
    Ok(page_response(file, &headers))
}

pub async fn stylesheet(headers: HeaderMap) -> Response {
    CSS_FILE.own_page_response(&headers, "no-cache")
}
