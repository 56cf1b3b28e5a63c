//! `voix lookup CODE` as a process: the candidate ridings and MPs, the specific message for an impossible code,
//! and the exit statuses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_data_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/canada.json")
}

fn lookup(code: &str, data: &Path, lang: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["lookup", code, "--lang", lang, "--data"])
        .arg(data)
        .output()
        .expect("run voix lookup")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_postal_code_prints_the_suggested_riding_first_then_the_province() {
    let output = lookup("k1a0a6", &repo_data_file(), "en");
    assert_eq!(output.status.code(), Some(0));
    let printed = stdout(&output);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines[0], "K1A 0A6: Ontario");
    assert_eq!(lines[1], "Probably your riding (from the start of your postal code: please check):");
    assert_eq!(lines[2], "  Ottawa Centre (35079)");
    assert!(lines[3].starts_with("    ") && lines[3].contains(", Liberal, ") && lines[3].ends_with("@parl.gc.ca"));
    assert_eq!(lines[4], "Other ridings in Ontario:");
    assert_eq!(printed.matches("(35079)").count(), 1, "the hint is not listed twice");
    assert_eq!(lines.iter().filter(|line| line.starts_with("  ") && !line.starts_with("    ")).count(), 122);
    assert_eq!(lines.last().copied(), Some("MP list as of September 18, 2026."));
}

#[test]
fn a_single_district_territory_needs_no_choice() {
    let output = lookup("X0A 1H0", &repo_data_file(), "fr");
    let printed = stdout(&output);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        printed.starts_with("X0A 1H0\u{a0}: Nunavut\nVotre circonscription\u{a0}:\n  Nunavut (62001)\n"),
        "{printed}"
    );
    assert!(printed.ends_with("Liste des députés à jour au 18 septembre 2026.\n"), "{printed}");
}

#[test]
fn a_vacant_seat_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("canada.json");
    let base = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ridings/base.json"))
        .expect("fixture");
    let vacant = base.replace(
        "\"mp\":{\"name\":\"Sean Casey\",\"party\":\"liberal\",\"email\":\"sean.casey@parl.gc.ca\"}",
        "\"mp\":null",
    );
    assert_ne!(vacant, base);
    std::fs::write(&data, vacant).expect("write");
    let printed = stdout(&lookup("C1A 4P3", &data, "en"));
    assert!(printed.contains("  Charlottetown (11002)\n    No sitting MP: the seat is vacant\n"), "{printed}");
    let printed = stdout(&lookup("C1A 4P3", &data, "fr"));
    assert!(printed.contains("Autres circonscriptions à l'Île-du-Prince-Édouard\u{a0}:"), "{printed}");
}

#[test]
fn an_impossible_code_prints_why_and_exits_1() {
    let output = lookup("KIA 0A6", &repo_data_file(), "en");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "Character 2 should be a digit, not the letter \"I\": did you mean the digit 1?\n"
    );
    let output = lookup("Z1A 0A6", &repo_data_file(), "fr");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "Aucun code postal canadien ne commence par «\u{a0}Z\u{a0}»\u{a0}: vérifiez la première lettre.\n"
    );
}

#[test]
fn missing_data_exits_2() {
    let output = lookup("K1A 0A6", Path::new("/nonexistent/canada.json"), "en");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).starts_with("The list of ridings could not be loaded."));
}

#[test]
fn a_split_postal_code_area_offers_its_ridings_with_their_shares() {
    let printed = stdout(&lookup("L9G 2C2", &repo_data_file(), "en"));
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines[1], "Your postal code area is shared by these ridings:");
    assert_eq!(lines[2], "  Hamilton West—Ancaster—Dundas (35039, 42% of the area)");
    assert_eq!(lines[4], "  Flamborough—Glanbrook—Brant North (35032, 59% of the area)");
    assert_eq!(lines[6], "Other ridings in Ontario:");
    assert_eq!(printed.matches("(35032").count(), 1, "not listed twice");
}

#[test]
fn the_json_is_the_short_list_in_the_order_offered() {
    let output = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["lookup", "l9g 2c2", "--format", "json", "--data"])
        .arg(repo_data_file())
        .output()
        .expect("run voix lookup");
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(json["postal_code"], "L9G 2C2");
    assert_eq!(json["exact"], false);
    assert_eq!(json["as_of"], "2026-09-18");
    let ridings = json["ridings"].as_array().expect("ridings");
    assert_eq!(ridings.len(), 2, "the short list, not Ontario's 122");
    assert_eq!(ridings[0]["fed_num"], 35039);
    assert_eq!(ridings[0]["name_fr"], "Hamilton-Ouest—Ancaster—Dundas");
    assert_eq!(ridings[0]["share"], 0.415);
    assert_eq!(ridings[1]["share"], 0.585);
    assert!(ridings[0]["mp"]["email"].as_str().is_some_and(|email| email.ends_with("@parl.gc.ca")));
}

#[test]
fn evaluate_counts_first_in_list_and_lengths() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("codes.csv");
    // K1A: the hint alone (no geometry); L9G: split, right first; T2P: right but second; X0A: one riding.
    std::fs::write(&csv, "postal_code,fed_number\nK1A 0A6,35079\nL9G 2C2,35039\nT2P 1J9,48004\nX0A 1H0,62001\n")
        .expect("csv");
    let output = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["lookup", "--evaluate"])
        .arg(&csv)
        .arg("--data")
        .arg(repo_data_file())
        .output()
        .expect("run voix lookup");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let printed = stdout(&output);
    assert!(
        printed.starts_with("voix lookup --evaluate codes=4 first=75.0% in_list=100.0% list_1_to_3=100.0% lengths=0:0,1:2,2:2,3:0,4+:0 "),
        "{printed}"
    );
}

fn lookup_at(at: &str, data: &Path, lang: &str, json: bool) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_voix"));
    command.args(["lookup", "--at", at, "--lang", lang, "--data"]).arg(data);
    if json {
        command.args(["--format", "json"]);
    }
    command.output().expect("run voix lookup --at")
}

fn json_of(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("one JSON value")
}

#[test]
fn a_location_gets_its_exact_riding() {
    let output = lookup_at("45.4236,-75.7009", &repo_data_file(), "en", true);
    assert_eq!(output.status.code(), Some(0));
    let answer = json_of(&output);
    assert_eq!(answer["exact"], true);
    assert_eq!(answer["at"], serde_json::json!({"lat": 45.4236, "lon": -75.7009}));
    assert_eq!(answer["as_of"], "2026-09-18");
    let ridings = answer["ridings"].as_array().expect("a list");
    assert_eq!(ridings.len(), 1);
    assert_eq!(ridings[0]["fed_num"], 35079);
    assert_eq!(ridings[0]["name_fr"], "Ottawa-Centre");
    assert!(ridings[0]["mp"]["name"].is_string());
    assert!(answer.get("reason").is_none());

    let text = lookup_at("45.5017,-73.5673", &repo_data_file(), "fr", false);
    assert_eq!(text.status.code(), Some(0));
    let printed = stdout(&text);
    assert!(printed.starts_with("Votre position est dans cette circonscription\u{a0}:\n  Ville-Marie"), "{printed}");
}

#[test]
fn a_location_in_no_riding_or_in_an_overlap_gets_an_empty_list_and_a_reason() {
    for (at, reason) in
        [("48.8566,2.3522", "outside_canada"), ("44.0,-74.0", "no_riding"), ("49.08,-122.68", "several")]
    {
        let output = lookup_at(at, &repo_data_file(), "en", true);
        assert_eq!(output.status.code(), Some(3), "{at}");
        let answer = json_of(&output);
        assert_eq!(answer["ridings"], serde_json::json!([]), "{at}");
        assert_eq!(answer["exact"], false);
        assert_eq!(answer["reason"], reason, "{at}");
        assert!(answer["message"]["fr"].as_str().is_some_and(|message| message.contains("circonscription")));
    }
    let overlap = json_of(&lookup_at("49.08,-122.68", &repo_data_file(), "en", true));
    assert_eq!(overlap["overlapping"], serde_json::json!([59001, 59032]));
    let abroad = lookup_at("48.8566,2.3522", &repo_data_file(), "fr", false);
    assert_eq!(
        stdout(&abroad).trim(),
        "Cet endroit est hors du Canada\u{a0}: trouvez plutôt votre circonscription par code postal."
    );
}

#[test]
fn a_malformed_location_says_how_to_write_one_and_exits_1() {
    for (at, lang, expected) in [
        ("45.42 -75.70", "en", "\"45.42 -75.70\" is not a location: write the latitude, a comma, then the longitude"),
        ("nord,ouest", "fr", "«\u{a0}nord,ouest\u{a0}» n'est pas une position"),
        ("-91,-75", "en", "-91 is not a latitude (from -90 to 90 degrees)"),
    ] {
        let output = lookup_at(at, &repo_data_file(), lang, false);
        assert_eq!(output.status.code(), Some(1), "{at}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains(expected), "{at}: {said}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_location_without_boundary_files_says_so_and_exits_2() {
    let folder = tempfile::tempdir().expect("tempdir");
    let data = folder.path().join("canada.json");
    std::fs::copy(repo_data_file(), &data).expect("copy");
    let output = lookup_at("45.4236,-75.7009", &data, "en", false);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("The ridings' boundaries could not be loaded"));
}

#[test]
fn a_postal_code_area_nobody_uses_is_said_and_the_province_still_offered() {
    let output = lookup("K0Z 1A1", &repo_data_file(), "fr");
    assert_eq!(output.status.code(), Some(0));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("Aucun code postal ne commence par K0Z dans la liste des secteurs postaux"), "{said}");
    assert!(stdout(&output).contains("Autres circonscriptions en Ontario"), "nothing lost: the province's list");
    let json = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["lookup", "K0Z 1A1", "--format", "json", "--data"])
        .arg(repo_data_file())
        .output()
        .expect("run");
    let answer: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(answer["reason"], "unknown_area");
    assert_eq!(answer["ridings"], serde_json::json!([]));
    // An FSA in use without any riding data is not called unknown.
    let in_use = lookup("L3L 1A1", &repo_data_file(), "en");
    assert!(String::from_utf8_lossy(&in_use.stderr).is_empty());
}
