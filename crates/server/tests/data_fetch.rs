//! `voix data refresh --fetch` and `voix data status --fetch` against a local HTTP server standing in for the
//! House of Commons: the real (partial) export files of autumn 2026, whole exports in the same format built from
//! the committed data file, and downloads that fail or are cut. A refusal writes nothing.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use voix_core::directory::file::CanadaFile;
use voix_core::{Directory, FedNum, Lang};

/// What the server answers for a path.
#[derive(Clone)]
enum Answer {
    Body(String),
    NotFound,
    /// Says it sends the whole body, sends the first `sent` bytes and hangs up.
    Cut {
        body: String,
        sent: usize,
    },
}

/// Serves `answers` on a loopback port until the test ends; returns the site's URL.
fn serve(answers: HashMap<&'static str, Answer>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request_line = String::new();
            let _ = reader.read_line(&mut request_line);
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|read| read > 2) {
                header.clear();
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or_default().to_owned();
            let reply = |status: &str, body: &str, length: usize| {
                format!("HTTP/1.1 {status}\r\nContent-Type: text/xml; charset=utf-8\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n{body}")
            };
            let text = match answers.get(path.as_str()).cloned().unwrap_or(Answer::NotFound) {
                Answer::Body(body) => reply("200 OK", &body, body.len()),
                Answer::NotFound => reply("404 Not Found", "Not found", 9),
                Answer::Cut { body, sent } => reply("200 OK", &body[..sent], body.len()),
            };
            let _ = stream.write_all(text.as_bytes());
        }
    });
    url
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/house").join(name);
    std::fs::read_to_string(path).expect("fixture")
}

fn committed() -> CanadaFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/canada.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("data/canada.json")).expect("the data file")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// A whole House export in `lang`, in the element structure of the real files, of the MPs of `file`.
fn house_export(file: &CanadaFile, lang: Lang) -> String {
    let caucus = |party: &str| match (party, lang) {
        ("liberal", Lang::En) => "Liberal",
        ("liberal", Lang::Fr) => "Libéral",
        ("conservative", Lang::En) => "Conservative",
        ("conservative", Lang::Fr) => "Conservateur",
        ("ndp", Lang::En) => "NDP",
        ("ndp", Lang::Fr) => "NPD",
        ("green", Lang::En) => "Green Party",
        ("green", Lang::Fr) => "Parti vert",
        ("bloc", _) => "Bloc Québécois",
        _ => "Independent",
    };
    let mut xml = String::from(
        r#"<ArrayOfMemberOfParliament xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">"#,
    );
    for district in &file.districts {
        let Some(mp) = &district.mp else { continue };
        let (first, last) = mp.name.split_once(' ').unwrap_or(("", &mp.name));
        let riding = if lang == Lang::En { &district.name_en } else { &district.name_fr };
        xml.push_str(&format!(
            "<MemberOfParliament><PersonShortHonorific /><PersonOfficialFirstName>{}</PersonOfficialFirstName><PersonOfficialLastName>{}</PersonOfficialLastName><ConstituencyName>{}</ConstituencyName><ConstituencyProvinceTerritoryName>{}</ConstituencyProvinceTerritoryName><CaucusShortName>{}</CaucusShortName><FromDateTime>2025-04-28T00:00:00</FromDateTime><ToDateTime xsi:nil=\"true\" /></MemberOfParliament>",
            escape(first),
            escape(last),
            escape(riding),
            district.province.name(lang),
            caucus(&mp.party)
        ));
    }
    xml.push_str("</ArrayOfMemberOfParliament>");
    xml
}

/// The House after a by-election in Scarborough North and a resignation in Avalon.
fn the_house_later() -> CanadaFile {
    let mut file = committed();
    for district in &mut file.districts {
        match district.fed_num.0 {
            35095 => {
                district.mp = Some(voix_core::directory::file::MpRecord {
                    name: "Priya Example".into(),
                    party: "liberal".into(),
                    email: None,
                    photo_url: None,
                    hill_phone: None,
                    office_phone: None,
                })
            }
            10001 => district.mp = None,
            _ => {}
        }
    }
    file
}

fn data_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("canada.json");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/canada.json"), &data).expect("copy");
    (dir, data)
}

fn voix(args: &[&str], house_url: &str, data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["data"])
        .args(args)
        .args(["--house-url", house_url, "--data"])
        .arg(data)
        .output()
        .expect("run voix data")
}

fn printed(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

#[test]
fn whole_exports_are_downloaded_and_applied() {
    let later = the_house_later();
    let url = serve(HashMap::from([
        ("/Members/en/search/XML", Answer::Body(house_export(&later, Lang::En))),
        ("/Members/fr/search/XML", Answer::Body(house_export(&later, Lang::Fr))),
    ]));
    let (_dir, data) = data_copy();
    let output = voix(&["refresh", "--fetch", "--as-of", "2026-12-01", "--lang", "en"], &url, &data);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains(&format!("Downloaded 337 sitting members from {url}/Members/en/search/XML")), "{text}");
    assert!(text.contains("the French export lists 337"), "{text}");
    assert!(text.contains("Scarborough North (35095): (vacant) → Priya Example"), "{text}");
    assert!(text.contains("Seats now vacant (1):\n  Avalon (10001): Paul Connors → (vacant)"), "{text}");
    assert!(text.contains("No email in the export: add it from ourcommons.ca (1)"), "{text}");
    let directory = Directory::from_json(&std::fs::read_to_string(&data).expect("written")).expect("valid");
    assert_eq!(directory.as_of().to_string(), "2026-12-01");
    let newcomer = directory.district(FedNum(35095)).and_then(|district| district.mp()).expect("filled");
    assert_eq!((newcomer.email(), newcomer.hill_phone()), (None, None), "no address or number is made up");
    // Those who still sit keep their numbers (the exports have none).
    let kept = directory.district(FedNum(10002)).and_then(|district| district.mp()).expect("Cape Spear");
    assert_eq!(kept.hill_phone(), Some("613-992-0927"));
    assert!(directory.district(FedNum(10001)).is_some_and(|district| district.mp().is_none()));
}

#[test]
fn the_real_partial_exports_are_refused_and_nothing_is_written() {
    let url = serve(HashMap::from([
        ("/Members/en/search/XML", Answer::Body(fixture("members_en_2026-09-30.xml"))),
        (
            "/Members/fr/search/XML",
            Answer::Body(
                fixture("members_en_2026-09-30.xml")
                    .replace("Liberal", "Libéral")
                    .replace("Conservative", "Conservateur"),
            ),
        ),
    ]));
    let (_dir, data) = data_copy();
    let before = std::fs::read(&data).expect("data");
    for (lang, expected) in [
        ("en", "the export would leave 331 of 343 seats without an MP: is it complete? Nothing written"),
        ("fr", "l'export laisserait 331 sièges sur 343 sans député"),
    ] {
        let output = voix(&["refresh", "--fetch", "--lang", lang], &url, &data);
        assert!(!output.status.success());
        assert!(printed(&output).contains(expected), "{}", printed(&output));
        assert_eq!(std::fs::read(&data).expect("data"), before, "unchanged");
    }
}

#[test]
fn the_real_french_export_is_told_from_the_english_one() {
    // The French file served where the English one should be.
    let url = serve(HashMap::from([
        ("/Members/en/search/XML", Answer::Body(fixture("members_fr_2026-10-03.xml"))),
        ("/Members/fr/search/XML", Answer::Body(fixture("members_fr_2026-10-03.xml"))),
    ]));
    let (_dir, data) = data_copy();
    let before = std::fs::read(&data).expect("data");
    let output = voix(&["refresh", "--fetch", "--lang", "en"], &url, &data);
    let text = printed(&output);
    assert!(!output.status.success());
    assert!(
        text.contains(&format!("{url}/Members/en/search/XML should be the English export but reads as French")),
        "{text}"
    );
    assert_eq!(std::fs::read(&data).expect("data"), before);
}

#[test]
fn a_failed_or_cut_download_writes_nothing() {
    let whole = house_export(&the_house_later(), Lang::En);
    let cut = Answer::Cut { sent: whole.len() / 2, body: whole.clone() };
    let french = Answer::Body(house_export(&the_house_later(), Lang::Fr));
    let (_dir, data) = data_copy();
    let before = std::fs::read(&data).expect("data");

    let url = serve(HashMap::from([("/Members/en/search/XML", cut), ("/Members/fr/search/XML", french.clone())]));
    let output = voix(&["refresh", "--fetch", "--lang", "en"], &url, &data);
    let text = printed(&output);
    assert!(!output.status.success());
    assert!(text.contains(&format!("cannot download {url}/Members/en/search/XML")), "{text}");
    assert!(text.contains("Nothing written; the data file is unchanged"), "{text}");
    assert_eq!(std::fs::read(&data).expect("data"), before);

    let url = serve(HashMap::from([("/Members/en/search/XML", Answer::Body(whole))]));
    let output = voix(&["refresh", "--fetch", "--lang", "fr"], &url, &data);
    let text = printed(&output);
    assert!(!output.status.success());
    assert!(text.contains(&format!("impossible de télécharger {url}/Members/fr/search/XML")), "{text}");
    assert!(text.contains("404"), "{text}");
    assert_eq!(std::fs::read(&data).expect("data"), before);

    // Nobody listening at all.
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", closed.local_addr().expect("address"));
    drop(closed);
    let output = voix(&["refresh", "--fetch", "--lang", "en"], &url, &data);
    assert!(!output.status.success() && printed(&output).contains("cannot download"), "{}", printed(&output));
    assert_eq!(std::fs::read(&data).expect("data"), before);
}

#[test]
fn status_says_how_old_the_list_is_and_what_a_refresh_would_change() {
    let later = the_house_later();
    let url = serve(HashMap::from([
        ("/Members/en/search/XML", Answer::Body(house_export(&later, Lang::En))),
        ("/Members/fr/search/XML", Answer::Body(house_export(&later, Lang::Fr))),
    ]));
    let (_dir, data) = data_copy();
    let before = std::fs::read(&data).expect("data");
    let output = voix(&["status", "--today", "2027-02-01", "--lang", "en"], &url, &data);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("MP list as of September 18, 2026 (136 days ago)."), "{text}");
    assert!(text.contains("Older than 120 days"), "{text}");
    assert!(text.contains("343 districts, 337 MPs, 6 vacant seats:\n  Laurier—Sainte-Marie (24037)"), "{text}");
    assert!(text.contains("MPs without a published email (3)"), "{text}");
    assert!(text.contains("96 listed, 92 sitting today"), "{text}");

    let output = voix(&["status", "--fetch", "--today", "2026-12-08", "--lang", "fr"], &url, &data);
    let text = printed(&output);
    assert!(output.status.success(), "{text}");
    assert!(!text.contains("Plus de 120 jours"), "{text}");
    assert!(text.contains("Ce qu'une mise à jour changerait\u{a0}:"), "{text}");
    assert!(text.contains("Scarborough North (35095): (vacant) → Priya Example"), "{text}");
    assert!(text.contains("Rien n'est écrit"), "{text}");
    assert_eq!(std::fs::read(&data).expect("data"), before, "status writes nothing");
}
