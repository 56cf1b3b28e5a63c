//! The shared glossary through `app()`: `<campaigns>/glossary.json` checked at start-up and served at
//! `/glossary.json` (open CORS, ETag, brotli), not mistaken for a campaign; an invalid one answers 404. And
//! `voix check` with the glossary: found next to a campaign that uses it, or given with `--glossary`.

mod common;

use axum::http::StatusCode;
use common::{get, Fixture};
use std::path::Path;
use std::process::Command;
use voix_server::content_hash;

fn repo_glossary() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../campaigns/glossary.json")
}

#[tokio::test]
async fn the_shared_glossary_is_served_to_any_site() {
    let fixture = Fixture::new();
    std::fs::copy(repo_glossary(), fixture.campaigns().join("glossary.json")).expect("copy glossary");
    let app = fixture.app().await;
    let content = std::fs::read(repo_glossary()).expect("glossary");

    let reply = get(&app, "/glossary.json", &[("origin", "https://partner.example.org")]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert_eq!(reply.header("etag"), Some(format!("\"{}\"", content_hash(&content)).as_str()));
    assert_eq!(reply.body, content);
    assert_eq!(reply.json()["schema"], "voix/glossary/v1");

    let br = get(&app, "/glossary.json", &[("accept-encoding", "br")]).await;
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert!(br.body.len() < content.len());

    // It is not a campaign.
    let as_campaign = get(&app, "/campaigns/glossary.json", &[]).await;
    assert_eq!(as_campaign.status, StatusCode::NOT_FOUND);
    // The campaigns are still served.
    assert_eq!(get(&app, "/campaigns/test-campaign.json", &[]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_missing_or_invalid_glossary_answers_404() {
    let fixture = Fixture::new();
    let app = fixture.app().await;
    assert_eq!(get(&app, "/glossary.json", &[]).await.status, StatusCode::NOT_FOUND);

    std::fs::write(
        fixture.campaigns().join("glossary.json"),
        r#"{"schema": "voix/glossary/v1", "terms": [{"id": "x", "term": {"en": ["X"]}, "definition": {"en": "<script>alert(1)</script>"}}]}"#,
    )
    .expect("write");
    let app = fixture.app().await;
    assert_eq!(get(&app, "/glossary.json", &[]).await.status, StatusCode::NOT_FOUND);
}

fn voix(args: &[&str]) -> (Option<i32>, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run voix");
    (output.status.code(), String::from_utf8(output.stdout).expect("UTF-8"))
}

#[test]
fn check_reports_the_example_explainer_grades_and_finds_the_shared_glossary() {
    let (status, text) = voix(&["check", "--grades", "../../campaigns/lawful-access.json"]);
    assert_eq!(status, Some(0), "{text}");
    assert!(!text.lines().any(|l| l.contains(": explainer.") && l.contains("warning")), "no explainer advice: {text}");
    let grades: Vec<&str> = text.lines().filter(|l| l.contains(" grade ")).collect();
    assert!(grades.iter().any(|l| l.contains(": explainer.summary: en grade ")), "{text}");
    assert!(
        grades.iter().all(|l| l.contains("(Flesch–Kincaid)") && l.contains("Kandel–Moles") && l.contains("LIX")),
        "{text}"
    );

    let (status, json) = voix(&["check", "--format", "json", "../../campaigns/lawful-access.json"]);
    assert_eq!(status, Some(0));
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let scores = report["readability"].as_array().expect("readability");
    assert!(scores.len() >= 10, "{json}");
    for score in scores.iter().filter(|s| s["lang"] == "en") {
        assert!(score["flesch_kincaid"].as_f64().is_some_and(|g| g <= 8.0), "{score}");
    }
    assert!(scores.iter().any(|s| s["lang"] == "fr" && s["kandel_moles"].as_f64().is_some()));
}

#[test]
fn check_with_a_glossary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let campaign = dir.path().join("x.json");
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/test-campaign.json"))
            .expect("fixture");
    let mut value: serde_json::Value = serde_json::from_str(&source).expect("JSON");
    value["id"] = "x".into();
    value["explainer"] = serde_json::json!({
        "summary": {"en": "The RCMP and the CBSA want your data, and so does the XYZ.", "fr": "La GRC et l'ASFC veulent vos données, et la XYZ aussi."},
        "shared_glossary": true
    });
    std::fs::write(&campaign, value.to_string()).expect("write");
    let campaign = campaign.to_str().expect("UTF-8");

    // No glossary.json next to it: it cannot be read.
    let (status, text) = voix(&["check", campaign]);
    assert_eq!(status, Some(2), "{text}");
    assert!(text.contains("glossary.json: cannot read: no such file"), "{text}");

    // Given: RCMP and CBSA are explained there, XYZ is not.
    let glossary = repo_glossary();
    let (status, text) = voix(&["check", "--glossary", glossary.to_str().expect("UTF-8"), campaign]);
    assert_eq!(status, Some(0), "{text}");
    assert!(text.contains("explainer.summary.en: warning: the acronym \"XYZ\" has no glossary entry"), "{text}");
    assert!(!text.contains("\"RCMP\"") && !text.contains("\"CBSA\""), "{text}");

    // A broken glossary makes the check fail, with its own problems.
    let broken = dir.path().join("glossary.json");
    std::fs::write(&broken, r#"{"schema": "voix/glossary/v9", "terms": []}"#).expect("write");
    let (status, text) = voix(&["check", campaign]);
    assert_eq!(status, Some(1), "{text}");
    assert!(text.contains("glossary.json: schema: this file says it is \"voix/glossary/v9\""), "{text}");
}
