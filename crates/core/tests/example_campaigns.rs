//! The real example campaigns in `campaigns/` stay valid, bilingual and complete.

use std::path::PathBuf;
use voix_core::{validate_campaign, Lang, Part};

#[test]
fn every_example_campaign_is_valid_in_both_languages() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../campaigns");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("campaigns/ exists") {
        let path = entry.expect("readable entry").path();
        // glossary.json is the coalition's shared glossary, not a campaign (see explainer_example.rs).
        if path.extension().and_then(|e| e.to_str()) != Some("json") || path.ends_with("glossary.json") {
            continue;
        }
        let source = std::fs::read_to_string(&path).expect("readable campaign");
        let stem = path.file_stem().and_then(|s| s.to_str());
        let validation = validate_campaign(&source, stem);
        let errors: Vec<String> = validation.errors().map(|p| p.describe(Lang::En)).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let campaign = validation.campaign.expect("valid");
        assert_eq!(campaign.languages, [Lang::En, Lang::Fr], "{}: examples are bilingual", path.display());
        assert_eq!(campaign.parts(), Part::ALL, "{}: examples show every part", path.display());
        checked += 1;
    }
    assert!(checked >= 1, "no example campaign found in {}", dir.display());
}
