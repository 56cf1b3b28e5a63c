//! The HTTP application through `app()`, without a socket: bundle, campaigns, schema, health and demo page.

mod common;

use axum::http::StatusCode;
use common::{get, Fixture, JS, JS_BR, JS_GZ, WASM, WASM_BR, WASM_GZ};
use voix_server::content_hash;

const IMMUTABLE: &str = "public, max-age=31536000, immutable";

#[tokio::test]
async fn bundle_files_have_their_mime_types() {
    let fixture = Fixture::new();
    let app = fixture.app().await;

    let js = get(&app, "/voix/voix.js", &[]).await;
    assert_eq!(js.status, StatusCode::OK);
    assert_eq!(js.header("content-type"), Some("text/javascript"));
    assert_eq!(js.header("content-encoding"), None);
    assert_eq!(js.body, JS);

    let wasm = get(&app, "/voix/voix_bg.wasm", &[]).await;
    assert_eq!(wasm.status, StatusCode::OK);
    assert_eq!(wasm.header("content-type"), Some("application/wasm"));
    assert_eq!(wasm.body, WASM);
}

#[tokio::test]
async fn precompressed_files_are_sent_when_accepted() {
    let fixture = Fixture::new();
    let app = fixture.app().await;

    let br = get(&app, "/voix/voix_bg.wasm", &[("accept-encoding", "gzip, deflate, br, zstd")]).await;
    assert_eq!(br.status, StatusCode::OK);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.header("content-type"), Some("application/wasm"), "the type of the content, not of its coding");
    assert_eq!(br.header("vary"), Some("Accept-Encoding"));
    assert_eq!(br.body, WASM_BR);

    let gzip = get(&app, "/voix/voix_bg.wasm", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    assert_eq!(gzip.header("vary"), Some("Accept-Encoding"));
    assert_eq!(gzip.body, WASM_GZ);

    let js_br = get(&app, "/voix/voix.js", &[("accept-encoding", "br")]).await;
    assert_eq!(js_br.header("content-encoding"), Some("br"));
    assert_eq!(js_br.header("content-type"), Some("text/javascript"));
    assert_eq!(js_br.body, JS_BR);

    let js_gz = get(&app, "/voix/voix.js", &[("accept-encoding", "br;q=0, gzip")]).await;
    assert_eq!(js_gz.header("content-encoding"), Some("gzip"));
    assert_eq!(js_gz.body, JS_GZ);

    let plain = get(&app, "/voix/voix.js", &[("accept-encoding", "identity")]).await;
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(plain.header("vary"), Some("Accept-Encoding"));
    assert_eq!(plain.body, JS);
}

#[tokio::test]
async fn the_entry_has_a_short_cache_and_hashed_files_are_immutable() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let hash = content_hash(WASM);
    assert_eq!(hash.len(), 16);

    let entry = get(&app, "/voix/voix.js", &[]).await;
    assert_eq!(entry.header("cache-control"), Some("public, max-age=300"));

    let hashed = get(&app, &format!("/voix/voix_bg.wasm?v={hash}"), &[("accept-encoding", "br")]).await;
    assert_eq!(hashed.status, StatusCode::OK);
    assert_eq!(hashed.header("cache-control"), Some(IMMUTABLE));

    for uri in
        ["/voix/voix_bg.wasm?v=wrong", "/voix/voix_bg.wasm", &format!("/voix/voix_bg.wasm?v={}", content_hash(JS))]
    {
        let reply = get(&app, uri, &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{uri}");
        assert_eq!(reply.header("cache-control"), Some("no-cache"), "{uri}");
    }
}

#[tokio::test]
async fn etags_answer_conditional_requests() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let first = get(&app, "/voix/voix_bg.wasm", &[("accept-encoding", "br")]).await;
    let etag = first.header("etag").expect("an etag").to_owned();
    let again = get(&app, "/voix/voix_bg.wasm", &[("accept-encoding", "br"), ("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    let other_coding = get(&app, "/voix/voix_bg.wasm", &[("accept-encoding", "gzip"), ("if-none-match", &etag)]).await;
    assert_eq!(other_coding.status, StatusCode::OK, "the gzip variant is a different representation");
}

#[tokio::test]
async fn bundle_files_can_be_loaded_cross_origin() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    for uri in ["/voix/voix.js", "/voix/voix_bg.wasm?v=x"] {
        let reply = get(&app, uri, &[("origin", "https://partner.example.org")]).await;
        assert_eq!(reply.header("access-control-allow-origin"), Some("*"), "{uri}");
        assert_eq!(reply.header("cross-origin-resource-policy"), Some("cross-origin"), "{uri}");
    }
}

#[tokio::test]
async fn unknown_bundle_files_are_not_found() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    for uri in ["/voix/nope.js", "/voix/../campaigns/test-campaign.json", "/voix/voix.js.br"] {
        let reply = get(&app, uri, &[]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
    }
}

#[tokio::test]
async fn a_missing_bundle_still_serves_the_rest() {
    let fixture = Fixture::new();
    std::fs::remove_dir_all(fixture.bundle()).expect("remove pkg");
    let app = fixture.app().await;
    assert_eq!(get(&app, "/voix/voix.js", &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/healthz", &[]).await.status, StatusCode::OK);
    assert_eq!(get(&app, "/campaigns/test-campaign.json", &[]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn campaigns_are_served_as_written() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let reply = get(&app, "/campaigns/test-campaign.json", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/json; charset=utf-8"));
    assert_eq!(reply.header("cache-control"), Some("public, max-age=60"));
    assert_eq!(reply.body, common::fixture_source("test-campaign.json").as_bytes(), "the exact original bytes");
    assert_eq!(reply.header("voix-validated"), Some("voix/campaign/v1"), "served campaigns are validated ones");
}

#[tokio::test]
async fn campaign_files_are_public_to_every_site() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    // Listed partners, strangers and odd values alike: the file is a public text, and the widget itself tells an
    // unlisted site that the campaign is not available there. Nothing of the request is reflected.
    for origin in ["https://ligue.example.org", "https://evil.example.org", "https://LIGUE.example.org", "null"] {
        let reply = get(&app, "/campaigns/test-campaign.json", &[("origin", origin)]).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.header("access-control-allow-origin"), Some("*"), "{origin}");
        assert_eq!(reply.header("access-control-expose-headers"), Some("voix-validated"));
        assert!(!reply.headers.values().any(|value| value.as_bytes() == origin.as_bytes()), "{origin} reflected");
    }
}

/// Every file the server holds is sent compressed to a browser that accepts it, and decompresses to the file.
#[tokio::test]
async fn nothing_is_served_raw_to_a_browser_that_accepts_brotli() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let page = |campaign_id| voix_server::demo::page_html(campaign_id).expect("a demo page").to_vec();
    let files: [(&str, Vec<u8>); 6] = [
        ("/campaigns/test-campaign.json", common::fixture_source("test-campaign.json").into_bytes()),
        ("/schema/campaign.v1.json", voix_core::validate::CAMPAIGN_SCHEMA.as_bytes().to_vec()),
        ("/", page("lawful-access")),
        ("/demo/no-fly-list", page("no-fly-list")),
        ("/demo/facial-recognition", page("facial-recognition")),
        ("/demo.css", voix_server::demo::CSS.as_bytes().to_vec()),
    ];
    for (uri, original) in files {
        let raw = get(&app, uri, &[]).await;
        assert_eq!(raw.header("content-encoding"), None, "{uri}: identity without Accept-Encoding");
        assert_eq!(raw.body, original, "{uri}");
        let br = get(&app, uri, &[("accept-encoding", "gzip, deflate, br, zstd")]).await;
        assert_eq!(br.status, StatusCode::OK, "{uri}");
        assert_eq!(br.header("content-encoding"), Some("br"), "{uri}");
        assert!(br.header("vary").is_some_and(|vary| vary.contains("Accept-Encoding")), "{uri}");
        let decoded = voix_server::compression::unbrotli(&br.body).expect("brotli");
        assert_eq!(decoded, original, "{uri}: decompresses to the file");
        assert!(br.body.len() * 2 < original.len(), "{uri}: {} of {} bytes", br.body.len(), original.len());
        let gzip = get(&app, uri, &[("accept-encoding", "gzip")]).await;
        assert_eq!(gzip.header("content-encoding"), Some("gzip"), "{uri}");
        // A second visit with the ETag is a 304 with no body.
        let etag = br.header("etag").expect("etag").to_owned();
        let again = get(&app, uri, &[("accept-encoding", "br"), ("if-none-match", &etag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(again.body.is_empty(), "{uri}");
    }
    let page = get(&app, "/", &[("accept-encoding", "br")]).await;
    assert!(page.header("content-security-policy").is_some(), "the demo page keeps its policy when compressed");
    assert_eq!(page.header("access-control-allow-origin"), None, "the server's own page is not a public asset");
}

#[tokio::test]
async fn an_invalid_campaign_is_not_served_but_the_others_are() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let broken = get(&app, "/campaigns/broken-campaign.json", &[]).await;
    assert_eq!(broken.status, StatusCode::NOT_FOUND);
    assert_eq!(broken.json()["error"], "unknown campaign");
    assert_eq!(get(&app, "/campaigns/test-campaign.json", &[]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_campaigns_are_a_json_404() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    for uri in ["/campaigns/nope.json", "/campaigns/test-campaign", "/campaigns/test-campaign.json.bak"] {
        let reply = get(&app, uri, &[]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(reply.header("content-type").is_some_and(|t| t.starts_with("application/json")), "{uri}");
        assert!(reply.json()["error"].is_string(), "{uri}");
    }
    let elsewhere = get(&app, "/no/such/page", &[]).await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    assert_eq!(elsewhere.json()["error"], "not found");
}

#[tokio::test]
async fn the_schema_is_served() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let reply = get(&app, "/schema/campaign.v1.json", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.header("content-type").is_some_and(|t| t.contains("json")));
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert_eq!(reply.body, voix_core::validate::CAMPAIGN_SCHEMA.as_bytes());
    assert!(reply.json().is_object());
}

#[tokio::test]
async fn health_reports_the_campaigns_and_the_database() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let reply = get(&app, "/healthz", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json(), serde_json::json!({"status": "ok", "campaigns": 1, "database": "ok"}));
}

#[tokio::test]
async fn health_says_when_the_database_is_unavailable() {
    let fixture = Fixture::new();
    let state = voix_server::AppState::load(&fixture.config()).await.expect("state");
    state.db.close().await;
    let app = voix_server::app(state);
    let reply = get(&app, "/healthz", &[]).await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reply.json()["database"], "unavailable");
}

#[tokio::test]
async fn the_demo_page_embeds_the_widget_under_a_strict_csp() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let page = get(&app, "/", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert_eq!(
        page.header("content-security-policy"),
        Some(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
             base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
    );
    let html = std::str::from_utf8(&page.body).expect("UTF-8");
    assert!(html.contains(
        r#"<script type="module" src="/voix/voix.js" data-campaign="/campaigns/lawful-access.json" data-partner="demo"></script>"#
    ));
    assert!(html.contains(r#"<html lang="en">"#));
    assert!(html.contains(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#));
    assert!(html.contains(r#"<link rel="stylesheet" href="/demo.css">"#));
    assert!(html.contains(r#"href="https://iclmg.ca""#));
    assert!(!html.contains("<style") && !html.contains("style="), "no inline styles: the CSP forbids them");
    assert_eq!(html.matches("<script").count(), 1, "no inline scripts: the CSP forbids them");

    let css = get(&app, "/demo.css", &[]).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert!(!css.body.is_empty());
}

/// One page per example campaign, each embedding its own campaign and marking itself in the campaign navigation.
#[tokio::test]
async fn each_example_campaign_has_a_demo_page() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let pages = [
        ("/", "lawful-access", "/"),
        ("/demo/lawful-access", "lawful-access", "/"),
        ("/demo/no-fly-list", "no-fly-list", "/demo/no-fly-list"),
        ("/demo/facial-recognition", "facial-recognition", "/demo/facial-recognition"),
    ];
    for (uri, campaign_id, current_link) in pages {
        let page = get(&app, uri, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        assert_eq!(page.header("content-security-policy"), Some(voix_server::demo::CONTENT_SECURITY_POLICY), "{uri}");
        assert_eq!(page.header("referrer-policy"), Some("no-referrer"), "{uri}");
        assert_eq!(page.header("cache-control"), Some("no-cache"), "{uri}");
        let html = std::str::from_utf8(&page.body).expect("UTF-8");
        assert!(
            html.contains(&format!(
                r#"<script type="module" src="/voix/voix.js" data-campaign="/campaigns/{campaign_id}.json" data-partner="demo"></script>"#
            )),
            "{uri}"
        );
        assert_eq!(html.matches("data-campaign=").count(), 1, "{uri}: one widget");
        assert!(!html.contains("{{"), "{uri}: every placeholder filled in");
        assert!(html.contains(r#"id="act""#) && html.contains(r#"id="background""#), "{uri}: the main nav's targets");

        let (_, after_nav_start) = html.split_once(r#"<nav class="campaign-nav" aria-label="Campaigns">"#).expect(uri);
        let (campaign_nav, _) = after_nav_start.split_once("</nav>").expect(uri);
        for link in ["/", "/demo/no-fly-list", "/demo/facial-recognition"] {
            let current = format!(r#"<a href="{link}" aria-current="page">"#);
            let expected = if link == current_link { 1 } else { 0 };
            assert_eq!(campaign_nav.matches(&current).count(), expected, "{uri}: {link}");
            assert_eq!(campaign_nav.matches(&format!(r#"<a href="{link}""#)).count(), 1, "{uri}: {link}");
        }
        assert_eq!(html.matches(r#"aria-current="page""#).count(), 1, "{uri}: one current page");
    }
    assert_eq!(get(&app, "/", &[]).await.body, get(&app, "/demo/lawful-access", &[]).await.body);
    let lawful_access =
        std::str::from_utf8(voix_server::demo::page_html("lawful-access").expect("page")).expect("UTF-8");
    assert!(lawful_access.contains("<h1>Lawful access is back. Ask senators to stop Bill C-22.</h1>"));

    for uri in ["/demo/nope", "/demo/", "/demo/lawful-access.json"] {
        let reply = get(&app, uri, &[]).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(reply.header("content-security-policy"), None, "{uri}");
    }
}

/// The message that replaces a widget a page's policy blocks reads the organiser's link from the campaign as a
/// module (scripts from the Voix server are allowed where its requests are not).
#[tokio::test]
async fn a_campaign_is_also_a_javascript_module() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    let reply = get(&app, "/campaigns/test-campaign.js", &[("origin", "https://stranger.example")]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("text/javascript; charset=utf-8"));
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"), "module scripts are read with CORS");
    let text = std::str::from_utf8(&reply.body).expect("UTF-8");
    let json = text.strip_prefix("export default ").and_then(|rest| rest.strip_suffix(";\n")).expect("a module");
    assert_eq!(json, common::fixture_source("test-campaign.json"));
    assert_eq!(get(&app, "/campaigns/broken-campaign.js", &[]).await.status, StatusCode::NOT_FOUND);
}
