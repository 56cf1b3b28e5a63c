//! `voix data build` on the real sources in `data/source/`: same input, same bytes; within the brotli budget;
//! readable by the widget's reader; and the committed `data/canada.json` is its output (until a refresh).

use std::path::{Path, PathBuf};
use std::process::Command;
use voix_core::directory::FedNum;
use voix_core::Directory;
use voix_server::compression;
use voix_server::ridings::{build, output, BROTLI_BUDGET};

/// The latest date the House sources in `data/source/` confirm the MP list on (data/README.md).
const SOURCE_AS_OF: &str = "2026-09-18";

fn repo_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn built() -> String {
    let (file, report) = build::build(&repo_data().join("source"), None).expect("the sources build");
    assert_eq!(file.as_of, SOURCE_AS_OF, "stamped with the latest date a source confirms");
    assert_eq!(report.districts, 343);
    assert_eq!(report.mps, 337, "six seats vacant in September 2026");
    assert_eq!((report.hill_phones, report.office_phones, report.senators), (332, 337, 96));
    assert_eq!(report.dropped_hints.len(), 1, "R8A points to a Saskatchewan district");
    assert_eq!(report.dropped_hints[0].fsa, "R8A");
    assert!(report.unknown_parties.is_empty());
    output::to_json(&file)
}

#[test]
fn the_build_is_deterministic_and_within_budget() {
    let first = built();
    assert_eq!(first, built(), "same sources, same bytes");
    let brotli = compression::brotli(first.as_bytes()).len();
    assert!(brotli <= BROTLI_BUDGET, "{brotli} bytes with brotli, budget {BROTLI_BUDGET}");
    let directory = Directory::from_json(&first).expect("the widget reads it");
    assert_eq!(directory.districts().len(), 343);
    assert_eq!(directory.fsa_hint(voix_core::postal::Fsa::parse("R8A").expect("fsa")), None);
    assert!(directory.fsa_hint(voix_core::postal::Fsa::parse("E1A").expect("fsa")).is_none());
    assert_eq!(
        directory.district(FedNum(24077)).map(|d| d.name(voix_core::Lang::Fr).to_owned()).as_deref(),
        Some("Ville-Marie—Le Sud-Ouest—Île-des-Soeurs")
    );
}

#[test]
fn each_fsa_gets_its_short_list_of_ridings_in_its_own_province() {
    let directory = Directory::from_json(&built()).expect("the widget reads it");
    // Every FSA Statistics Canada lists is known to be in use; one nobody uses is not.
    let list = std::fs::read_to_string(repo_data().join("source/statcan_fsa_2021_list.csv")).expect("list");
    for line in list.lines().skip(1) {
        let fsa = voix_core::postal::Fsa::parse(&line[..3]).expect("an FSA");
        assert!(directory.knows_fsa(fsa), "{line}");
    }
    assert!(!directory.knows_fsa(voix_core::postal::Fsa::parse("K0Z").expect("an FSA")));
    let fsa = |text: &str| voix_core::postal::Fsa::parse(text).expect("fsa");
    let fed_nums = |text: &str| -> Vec<u32> {
        directory.fsa_short_list(fsa(text)).iter().map(|riding| riding.fed_num.0).collect()
    };
    // A split FSA: both ridings, the one the probed point is in first (42% against 58% of the area).
    assert_eq!(fed_nums("L9G"), [35039, 35032]);
    // Downtown Calgary: 99.6% rural by area, and the probed point's riding still offered.
    assert_eq!(fed_nums("T2P"), [48003, 48004]);
    // K1C's overlap table has a sliver in Quebec: only Ontario ridings are offered.
    assert!(!fed_nums("K1C").is_empty() && fed_nums("K1C").iter().all(|fed_num| fed_num / 1000 == 35));
    let mut lengths = [0usize; 5];
    for letter in "ABCEGHJKLMNPRSTVXY".chars() {
        for digit in 0..10 {
            for third in 'A'..='Z' {
                if let Ok(fsa) = voix_core::postal::Fsa::parse(&format!("{letter}{digit}{third}")) {
                    let list = directory.fsa_short_list(fsa);
                    if !list.is_empty() {
                        lengths[list.len().min(4)] += 1;
                    }
                    let provinces = directory.provinces_of(fsa);
                    for riding in list {
                        let province = directory.district(riding.fed_num).expect("a district").province();
                        assert!(provinces.contains(&province), "{fsa}: {} outside {provinces:?}", riding.fed_num);
                    }
                }
            }
        }
    }
    assert!(lengths[1] + lengths[2] + lengths[3] >= lengths.iter().sum::<usize>() * 95 / 100, "{lengths:?}");
}

#[test]
fn the_committed_file_is_the_build_output_until_a_refresh() {
    let committed = std::fs::read_to_string(repo_data().join("canada.json")).expect("data/canada.json");
    let directory = Directory::from_json(&committed).expect("the widget reads it");
    assert!(compression::brotli(committed.as_bytes()).len() <= BROTLI_BUDGET);
    if directory.as_of().to_string() == SOURCE_AS_OF {
        assert!(committed == built(), "data/canada.json is stale: run `voix data build`");
    }
}

#[test]
fn the_command_writes_the_file_and_prints_its_sizes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("nested/canada.json");
    let output = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["data", "build", "--lang", "en", "--source"])
        .arg(repo_data().join("source"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run voix data build");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{printed}{}", String::from_utf8_lossy(&output.stderr));
    assert!(printed.contains("(MP list as of 2026-09-18)"), "{printed}");
    assert!(printed.contains("343 districts, 337 MPs, 6 vacant seats"), "{printed}");
    assert!(printed.contains("Hint dropped: R8A → district 47003"), "{printed}");
    assert!(printed.contains("bytes raw,") && printed.contains(" brotli (budget 40000)."), "{printed}");
    let written = std::fs::read_to_string(&out).expect("written");
    assert_eq!(written, built());
    let hash = voix_server::content_hash(written.as_bytes());
    assert!(printed.contains(&format!("/data/canada.json?v={hash}")), "{printed}");
    // The ridings' boundaries beside it, one file per province, each the committed one byte for byte.
    for set in ["map", "exact"] {
        assert!(
            printed.contains(&format!(
                "Wrote 13 boundary files in {}",
                out.with_file_name("boundaries").join(set).display()
            )),
            "{printed}"
        );
        for province in ["NL", "PE", "NS", "NB", "QC", "ON", "MB", "SK", "AB", "BC", "YT", "NT", "NU"] {
            let name = format!("boundaries/{set}/{province}.json");
            let written = std::fs::read(out.with_file_name(&name)).expect("written");
            assert_eq!(written, std::fs::read(repo_data().join(&name)).expect("committed"), "{name}");
        }
    }

    let stamped = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["data", "build", "--as-of", "2025-10-01", "--lang", "fr", "--source"])
        .arg(repo_data().join("source"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert!(stamped.status.success());
    assert!(String::from_utf8_lossy(&stamped.stdout).contains("Tailles\u{a0}:"));
    let directory = Directory::from_json(&std::fs::read_to_string(&out).expect("written")).expect("valid");
    assert_eq!(directory.as_of().to_string(), "2025-10-01");
}

#[test]
fn a_missing_source_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_voix"))
        .args(["data", "build", "--lang", "en", "--source"])
        .arg(dir.path())
        .arg("--out")
        .arg(dir.path().join("canada.json"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("fed2023_districts_elections_canada.csv"));
    assert!(!dir.path().join("canada.json").exists());
}

#[test]
fn the_data_is_the_house_and_senate_of_autumn_2026() {
    let directory = Directory::from_json(&built()).expect("the widget reads it");
    let mp = |fed_num: u32| directory.district(FedNum(fed_num)).and_then(|district| district.mp());
    // A by-election winner of 2026-04-13 in a resigned minister's seat; a seat vacant since 2026-08-15.
    assert_eq!(mp(35096).map(|mp| mp.name()), Some("Doly Begum"));
    assert!(mp(35095).is_none(), "Scarborough North is vacant");
    // A winner of 2026-08-31 has no published email or Hill telephone yet: none is made up.
    let gobeil = mp(24018).expect("Chicoutimi—Le Fjord's MP");
    assert_eq!((gobeil.email(), gobeil.hill_phone()), (None, None));
    assert!(gobeil.office_phone().is_none() || gobeil.office_phone().is_some_and(|phone| phone.len() >= 12));
    let avalon = mp(10001).expect("Avalon's MP");
    assert_eq!(avalon.hill_phone(), Some("613-992-4133"));
    assert_eq!(directory.phones_as_of().map(|date| date.to_string()).as_deref(), Some("2026-09-02"));

    let senate = directory.senate().expect("the senators");
    assert_eq!(senate.as_of().to_string(), "2026-07-27");
    let on = |date: &str| voix_core::directory::IsoDate::parse(date).expect("date");
    let pei = senate.of_province(voix_core::postal::Province::PrinceEdwardIsland, on("2026-12-08"));
    assert_eq!(pei.len(), 4);
    // Retired at 75 on 2026-08-09: listed in July, no longer offered in December.
    let ontario_in_july = senate.of_province(voix_core::postal::Province::Ontario, on("2026-07-27")).len();
    let ontario_now = senate.of_province(voix_core::postal::Province::Ontario, on("2026-12-08")).len();
    assert_eq!((ontario_in_july, ontario_now), (23, 21), "Al Zaibak and Dasko retired in August");
    assert!(senate.named("mohammad khair al zaibak", on("2026-12-08")).is_none());
    assert_eq!(
        senate.listed("Yuen Pau Woo").map(|senator| senator.group().name(voix_core::Lang::Fr)),
        Some("Groupe des sénateurs indépendants")
    );
}

#[test]
fn a_senator_list_with_an_unknown_province_stops_the_build_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = dir.path().join("source");
    std::fs::create_dir(&source).expect("source dir");
    for entry in std::fs::read_dir(repo_data().join("source")).expect("sources") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        if name == "senators_2026-07-27.csv" {
            let text = std::fs::read_to_string(&path).expect("senators");
            std::fs::write(source.join(&name), text.replacen("Manitoba", "Manitobah", 1)).expect("write");
        } else if path.is_file() {
            std::fs::copy(&path, source.join(&name)).expect("copy");
        }
    }
    let out = dir.path().join("canada.json");
    for (lang, line, expected) in [
        ("en", "senators_2026-07-27.csv, line 2", "\"Manitobah\" is not a province or territory"),
        ("fr", "senators_2026-07-27.csv, ligne 2", "«\u{a0}Manitobah\u{a0}» n'est pas une province ni un territoire"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_voix"))
            .args(["data", "build", "--lang", lang, "--source"])
            .arg(&source)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("run voix data build");
        let printed = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success());
        assert!(printed.contains(line) && printed.contains(expected), "{printed}");
        assert!(!out.exists(), "nothing written");
    }
}
