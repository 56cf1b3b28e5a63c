//! The example campaign's explainer and the shared glossary in `campaigns/`: valid, bilingual, and plain: every
//! section reads at grade 8 or below in English, and the plain-language lint has nothing to say.

use std::path::PathBuf;
use voix_core::explainer::{readability_report, validate_glossary, Section};
use voix_core::validate::validate_campaign_with;
use voix_core::Lang;

fn campaigns_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../campaigns")
}

#[test]
fn the_shared_glossary_is_valid_and_short() {
    let source = std::fs::read_to_string(campaigns_dir().join("glossary.json")).expect("glossary.json");
    let check = validate_glossary(&source);
    let problems: Vec<String> = check.problems.iter().map(|p| p.describe(Lang::En)).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let glossary = check.glossary.expect("valid");
    for id in ["csis", "cse", "nsira", "nsicop", "cbsa", "rcmp", "metadata", "lawful-access", "warrant"] {
        assert!(glossary.terms.iter().any(|t| t.id == id), "{id} is missing");
    }
}

#[test]
fn the_example_explainer_is_plain_in_both_languages() {
    let shared = validate_glossary(&std::fs::read_to_string(campaigns_dir().join("glossary.json")).expect("read"))
        .glossary
        .expect("valid glossary")
        .terms;
    let source = std::fs::read_to_string(campaigns_dir().join("lawful-access.json")).expect("campaign");
    let validation = validate_campaign_with(&source, Some("lawful-access"), Some(&shared));
    let advice: Vec<String> =
        validation.problems.iter().filter(|p| p.path.starts_with("explainer")).map(|p| p.describe(Lang::En)).collect();
    assert!(advice.is_empty(), "{advice:#?}");
    let campaign = validation.campaign.expect("valid");
    let explainer = campaign.explainer.as_ref().expect("an explainer");
    assert!(explainer.details.len() >= 3 && explainer.details.len() <= 4);
    assert!(!explainer.timeline.is_empty() && !explainer.faq.is_empty() && explainer.what_it_means.is_some());
    let report = readability_report(explainer, &campaign.languages);
    assert_eq!(report.len(), Section::all(explainer).len() * 2);
    for score in report.iter().filter(|s| s.lang == Lang::En) {
        assert!(score.grade_tenths <= 80, "{} reads at grade {} in English", score.path, score.grade_tenths);
    }
}
