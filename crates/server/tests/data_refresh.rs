//! `voix data refresh` on small exports in each format (House of Commons XML and CSV, Represent JSON) against a
//! ten-district data file: new MPs, a change of party, a vacancy, an unmatched riding, emails kept only for the
//! same person, and the refusal of partial exports.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use voix_core::{Directory, FedNum, Lang};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ridings").join(name)
}

/// A temporary copy of the ten-district data file.
fn data_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("canada.json");
    std::fs::copy(fixture("base.json"), &data).expect("copy");
    (dir, data)
}

fn refresh(from: &Path, data: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["data", "refresh", "--as-of", "2026-01-15", "--lang", "en", "--from"])
        .arg(from)
        .arg("--data")
        .arg(data)
        .args(extra)
        .output()
        .expect("run voix data refresh")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn read(data: &Path) -> Directory {
    Directory::from_json(&std::fs::read_to_string(data).expect("data file")).expect("valid data file")
}

/// The MP of a district: (name, party in English, email).
fn mp(directory: &Directory, fed_num: u32) -> Option<(String, String, Option<String>)> {
    let mp = directory.district(FedNum(fed_num))?.mp()?;
    Some((mp.name().to_owned(), mp.party().name(Lang::En).to_owned(), mp.email().map(str::to_owned)))
}

/// What every format of the fixture export changes.
fn assert_common_changes(printed: &str, directory: &Directory) {
    assert!(printed.contains("New MPs (1):\n  Egmont (11003): Bobby Morrissey → Pat Newcomer"), "{printed}");
    assert!(printed.contains("Party changes (1):\n  Acadie—Annapolis (12001): Chris d"), "{printed}");
    assert!(printed.contains("Conservative → Liberal"), "{printed}");
    assert!(printed.contains("Seats now vacant (1):\n  Charlottetown (11002): Sean Casey → (vacant)"), "{printed}");
    assert!(printed.contains("Not matched to a district (not applied) (1):\n  Alex Elsewhere (Atlantis Centre)"));
    assert!(printed.contains("Unchanged: 7 MPs."), "{printed}");
    assert!(printed.contains("Wrote ") && printed.contains("MP list as of 2026-01-15"), "{printed}");

    assert_eq!(directory.as_of().to_string(), "2026-01-15");
    assert!(directory.district(FedNum(11002)).expect("Charlottetown").is_vacant());
    let (name, party, email) = mp(directory, 12001).expect("Acadie—Annapolis");
    assert_eq!((party.as_str(), email.as_deref()), ("Liberal", Some("Chris.dEntremont@parl.gc.ca")), "{name}");
    // The same person still sits: the previous email and photo stay.
    assert_eq!(mp(directory, 11001).and_then(|mp| mp.2).as_deref(), Some("kent.macdonald@parl.gc.ca"));
    let cardigan = directory.district(FedNum(11001)).and_then(|d| d.mp()).expect("Cardigan");
    assert!(cardigan.photo_url().is_some_and(|url| url.ends_with("MacDonaldKent_Lib.jpg")));
    // Matched through a curly apostrophe and "Sœurs".
    assert_eq!(mp(directory, 10006).map(|mp| mp.0).as_deref(), Some("Joanne Thompson"));
    assert_eq!(mp(directory, 24077).map(|mp| mp.0).as_deref(), Some("Marc Miller"));
}

#[test]
fn a_house_of_commons_xml_export_replaces_the_mps() {
    let (_dir, data) = data_copy();
    let output = refresh(&fixture("members.xml"), &data, &[]);
    let printed = stdout(&output);
    assert!(output.status.success(), "{printed}{}", String::from_utf8_lossy(&output.stderr));
    assert!(printed.starts_with("Read 10 sitting members from "), "former members are skipped: {printed}");
    assert!(printed.contains("(House of Commons XML)"));
    let directory = read(&data);
    assert_common_changes(&printed, &directory);
    // The export has no emails: a new MP's address is unknown, never made up from the name.
    assert_eq!(mp(&directory, 11003), Some(("Pat Newcomer".into(), "Liberal".into(), None)));
    assert!(printed.contains("No email in the export: add it from ourcommons.ca (1):\n  Egmont (11003)"), "{printed}");
}

#[test]
fn a_house_of_commons_csv_export_replaces_the_mps() {
    let (_dir, data) = data_copy();
    let output = refresh(&fixture("members.csv"), &data, &[]);
    let printed = stdout(&output);
    assert!(output.status.success(), "{printed}{}", String::from_utf8_lossy(&output.stderr));
    assert!(printed.contains("(House of Commons CSV)"));
    let directory = read(&data);
    assert_common_changes(&printed, &directory);
    assert_eq!(mp(&directory, 11003).map(|mp| mp.2), Some(None));
}

#[test]
fn a_represent_answer_replaces_the_mps_with_their_emails() {
    let (_dir, data) = data_copy();
    let output = refresh(&fixture("represent.json"), &data, &[]);
    let printed = stdout(&output);
    assert!(output.status.success(), "{printed}{}", String::from_utf8_lossy(&output.stderr));
    let directory = read(&data);
    assert_common_changes(&printed, &directory);
    // "Egmont (P.E.I.)" matched by the district number in its boundary URL; its email comes from the answer.
    assert_eq!(mp(&directory, 11003).and_then(|mp| mp.2).as_deref(), Some("pat.newcomer@parl.gc.ca"));
    assert!(!printed.contains("No email in the export"), "{printed}");
    assert_eq!(mp(&directory, 24077).and_then(|mp| mp.2).as_deref(), Some("marc.miller@parl.gc.ca"));
}

#[test]
fn the_report_is_in_french_on_request() {
    let (_dir, data) = data_copy();
    let output = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["data", "refresh", "--dry-run", "--lang", "fr", "--from"])
        .arg(fixture("members.xml"))
        .arg("--data")
        .arg(&data)
        .output()
        .expect("run");
    let printed = stdout(&output);
    assert!(output.status.success());
    assert!(printed.contains("Sièges devenus vacants (1)\u{a0}:"), "{printed}");
    assert!(printed.contains("Essai\u{a0}: rien n'est écrit."), "{printed}");
    assert_eq!(std::fs::read(&data).expect("data"), std::fs::read(fixture("base.json")).expect("base"), "dry run");
}

#[test]
fn a_partial_export_is_refused_unless_forced() {
    let (dir, data) = data_copy();
    let partial = dir.path().join("partial.csv");
    std::fs::write(
        &partial,
        "First Name,Last Name,Constituency,Province / Territory,Political Affiliation,End Date\nLori,Idlout,Nunavut,Nunavut,NDP,\n",
    )
    .expect("write");
    let output = refresh(&partial, &data, &[]);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("would leave 9 of 10 seats without an MP"), "{error}");
    assert_eq!(std::fs::read(&data).expect("data"), std::fs::read(fixture("base.json")).expect("base"));

    let forced = refresh(&partial, &data, &["--force"]);
    assert!(forced.status.success());
    assert_eq!(read(&data).districts().iter().filter(|d| d.is_vacant()).count(), 9);

    let paged = dir.path().join("page.json");
    let answer = std::fs::read_to_string(fixture("represent.json")).expect("fixture");
    let answer = answer.replace(
        "\"next\": null, \"total_count\": 10",
        "\"next\": \"/representatives/house-of-commons/?offset=20\", \"total_count\": 343",
    );
    std::fs::write(&paged, answer).expect("write");
    let output = refresh(&paged, &data, &[]);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("one page (10 of 343 representatives)"), "{error}");
}

#[test]
fn unreadable_inputs_are_explained() {
    let (dir, data) = data_copy();
    let not_an_export = dir.path().join("notes.csv");
    std::fs::write(&not_an_export, "name,riding\nA,B\n").expect("write");
    let output = refresh(&not_an_export, &data, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("has no \"Constituency\" column"));

    let output = refresh(&fixture("members.xml"), &dir.path().join("missing.json"), &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read"));

    let output = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["data", "refresh", "--as-of", "15/01/2026", "--lang", "en", "--from"])
        .arg(fixture("members.xml"))
        .arg("--data")
        .arg(&data)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("\"15/01/2026\" is not a date written YYYY-MM-DD"));
}
