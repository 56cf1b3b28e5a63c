//! `voix check` and `voix schema`, running the real binary.

use std::process::{Command, Output};
use voix_core::{validate_campaign, Lang};

const VALID: &str = "tests/fixtures/test-campaign.json";
const INVALID: &str = "tests/fixtures/broken-campaign.json";
const MISSING: &str = "tests/fixtures/no-such-campaign.json";

/// Runs `voix ARGS` in the crate's directory (so file names print as given), with no language in the environment
/// unless `lang_env` sets `LANG`.
fn voix(args: &[&str], lang_env: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_voix"));
    command.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    if let Some(lang) = lang_env {
        command.env("LANG", lang);
    }
    command.output().expect("run voix")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// The lines `voix check` must print for the invalid fixture, from the domain crate's own wording.
fn expected_lines(lang: Lang) -> Vec<String> {
    let source = std::fs::read_to_string(format!("{}/{INVALID}", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    let validation = validate_campaign(&source, Some("broken-campaign"));
    assert!(!validation.is_valid(), "the fixture must be invalid");
    validation.problems.iter().map(|problem| format!("{INVALID}: {}", problem.describe(lang))).collect()
}

#[test]
fn a_valid_file_is_ok() {
    let output = voix(&["check", VALID], None);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stdout(&output), format!("{VALID}: ok\n"));
}

#[test]
fn an_invalid_file_lists_every_problem_in_english() {
    let output = voix(&["check", INVALID], None);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines, expected_lines(Lang::En));
    assert!(lines.len() >= 3, "{lines:?}");
    assert!(text.contains(&format!("{INVALID}: title: the French text is missing")), "{text}");
    assert!(text.contains(&format!("{INVALID}: theme.accent: \"#ffff00\" is too light")), "{text}");
    assert!(text.contains(&format!("{INVALID}: partners[0].origins[0]: ")), "{text}");
}

#[test]
fn an_invalid_file_is_explained_in_french() {
    for output in [voix(&["check", "--lang", "fr", INVALID], None), voix(&["check", INVALID], Some("fr_CA.UTF-8"))] {
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let text = stdout(&output);
        assert_eq!(text.lines().collect::<Vec<_>>(), expected_lines(Lang::Fr));
        assert!(text.contains("trop pâle"), "{text}");
    }
    let english = voix(&["check", "--lang", "en", INVALID], Some("fr_CA.UTF-8"));
    assert_eq!(stdout(&english).lines().collect::<Vec<_>>(), expected_lines(Lang::En), "--lang wins over LANG");
}

#[test]
fn a_missing_file_exits_2() {
    let output = voix(&["check", VALID, MISSING, INVALID], None);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let text = stdout(&output);
    assert!(text.contains(&format!("{VALID}: ok\n")), "the other files are still checked: {text}");
    assert!(text.contains(&format!("{MISSING}: cannot read: no such file\n")), "{text}");
    assert!(text.contains(&format!("{INVALID}: theme.accent: ")), "{text}");

    let french = voix(&["check", "--lang", "fr", MISSING], None);
    assert_eq!(french.status.code(), Some(2));
    assert!(stdout(&french).starts_with(&format!("{MISSING}: lecture impossible")), "{}", stdout(&french));
}

#[test]
fn json_output_parses() {
    let output = voix(&["check", "--format", "json", VALID, INVALID, MISSING], None);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("a JSON object");
    let problems = report["problems"].as_array().expect("an array of problems");
    let invalid: Vec<&serde_json::Value> = problems.iter().filter(|p| p["file"] == INVALID).collect();
    assert_eq!(invalid.len(), expected_lines(Lang::En).len());
    let accent = invalid.iter().find(|p| p["path"] == "theme.accent").expect("the accent problem");
    assert_eq!(accent["severity"], "error");
    assert!(accent["line"].is_null() && accent["column"].is_null());
    assert!(accent["message"]["en"].as_str().is_some_and(|m| m.contains("too light")));
    assert!(accent["message"]["fr"].as_str().is_some_and(|m| m.contains("trop pâle")));
    assert!(problems.iter().any(|p| p["file"] == MISSING && p["severity"] == "error"));
    assert!(!problems.iter().any(|p| p["file"] == VALID));

    let valid = voix(&["check", "--format", "json", VALID], None);
    assert_eq!(valid.status.code(), Some(0));
    let report = serde_json::from_slice::<serde_json::Value>(&valid.stdout).expect("JSON");
    assert_eq!(report["problems"], serde_json::json!([]));
    // The explainer's summary ("Summary"), scored in each language.
    assert_eq!(report["readability"].as_array().map(Vec::len), Some(2), "{report}");
}

#[test]
fn syntax_errors_have_a_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("syntax.json");
    std::fs::write(&file, "{\n  \"id\": \"syntax\",\n}\n").expect("write");
    let file = file.to_str().expect("UTF-8 path");
    let output = voix(&["check", file], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).starts_with(&format!("{file}: line 3, column 1: ")), "{}", stdout(&output));
    let json = voix(&["check", "--format", "json", file], None);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(report["problems"][0]["line"], 3);
    assert_eq!(report["problems"][0]["column"], 1);
}

#[test]
fn schema_prints_the_campaign_schema() {
    let output = voix(&["schema"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), voix_core::schema::campaign_schema_json());
}

/// The command the README gives organisers, on the repository's own folder: every campaign and the shared glossary.
#[test]
fn the_campaigns_folder_checks_clean_glossary_included() {
    let files = ["../../campaigns/glossary.json", "../../campaigns/lawful-access.json"];
    let output = voix(&[&["check"][..], &files].concat(), None);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.lines().any(|line| line == "../../campaigns/glossary.json: ok"), "{text}");
    assert!(!text.contains("this field is required") && !text.contains("unknown field"), "{text}");
    // The glossary is reported once, under its own name, although the campaign uses it too.
    assert_eq!(text.matches("glossary.json").count(), 1, "{text}");
}

#[test]
fn a_glossary_is_checked_by_the_glossary_rules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("terms.json");
    let broken = r#"{"schema": "voix/glossary/v1", "terms": [{"id": "Not A Slug", "term": {"en": ["CSIS"], "fr": []},
        "definition": {"en": "The spy agency.", "fr": "L'agence."}}]}"#;
    std::fs::write(&path, broken).expect("write");
    let output = voix(&["check", path.to_str().expect("path")], None);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("terms[0].id: "), "{text}");
    assert!(!text.contains("id: this field is required") && !text.contains("title"), "no campaign rules: {text}");
}

#[test]
fn an_unknown_schema_gets_one_error_naming_the_known_kinds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("petition.json");
    std::fs::write(&path, r#"{"schema": "voix/petition/v9", "signatures": []}"#).expect("write");
    let file = path.to_str().expect("path");
    let output = voix(&["check", file], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        format!(
            "{file}: schema: this file says it is \"voix/petition/v9\"; Voix reads \"voix/campaign/v1\" (a campaign) \
             and \"voix/glossary/v1\" (the coalition's shared glossary)\n"
        )
    );
    let french = stdout(&voix(&["check", "--lang", "fr", file], None));
    assert_eq!(french.lines().count(), 1, "{french}");
    assert!(french.contains("«\u{a0}voix/glossary/v1\u{a0}» (le glossaire commun de la coalition)"), "{french}");
}

#[test]
fn named_senators_are_checked_against_the_riding_data() {
    let source = std::fs::read_to_string(format!("{}/{VALID}", env!("CARGO_MANIFEST_DIR"))).expect("fixture");
    let mut campaign: serde_json::Value = serde_json::from_str(&source).expect("JSON");
    campaign["letter"]["targets"]["senators"] = serde_json::json!(["Yuen Pau Woo", "Donna Dasko", "Nobody Listed"]);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("test-campaign.json");
    std::fs::write(&path, campaign.to_string()).expect("write");
    let path = path.to_string_lossy().into_owned();
    let data = format!("{}/../../data/canada.json", env!("CARGO_MANIFEST_DIR"));
    for (lang, unknown, retired) in [
        (
            "en",
            "\"Nobody Listed\" is not in the list of senators of 2026-07-27",
            "Donna Dasko retired from the Senate on 2026-08-19",
        ),
        (
            "fr",
            "«\u{a0}Nobody Listed\u{a0}» n'est pas dans la liste des sénateurs du 2026-07-27",
            "Donna Dasko a quitté le Sénat le 2026-08-19",
        ),
    ] {
        let output = voix(&["check", "--lang", lang, "--data", &data, &path], None);
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(0), "warnings only: {text}");
        assert!(text.contains("letter.targets.senators[2]") && text.contains(unknown), "{text}");
        assert!(text.contains("letter.targets.senators[1]") && text.contains(retired), "{text}");
        assert!(!text.contains("senators[0]"), "a sitting senator is fine: {text}");
    }
}
