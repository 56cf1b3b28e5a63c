//! Campaign validation: every problem at once, each with a path and a message in English and French.
//!
//! Three passes: JSON syntax (line and column), the shape given by `schema/campaign.v1.json` (unknown fields,
//! missing fields, wrong kinds of value), then the rules in [`rules`] on the typed campaign.

mod path;
pub mod problem;
mod rules;
mod structure;

pub use problem::{JsonType, Message, OriginProblem, Problem, Severity, SyntaxKind, UrlProblem};
pub use rules::{check_origin, check_url, has_postal_code, is_email, is_slug};

use crate::campaign::Campaign;
use serde_json::Value;

/// The committed JSON Schema for campaign files (generated from the Rust types; a test keeps it up to date).
pub const CAMPAIGN_SCHEMA: &str = include_str!("../../../../schema/campaign.v1.json");

/// The result of validating one campaign file.
#[derive(Debug)]
pub struct Validation {
    /// The campaign, when it has no errors (it may still have warnings).
    pub campaign: Option<Campaign>,
    /// Errors and warnings in the order found.
    pub problems: Vec<Problem>,
}

impl Validation {
    pub fn is_valid(&self) -> bool {
        self.campaign.is_some()
    }

    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.is_error())
    }
}

/// Validates the text of a campaign file. `file_stem` is the file's name without `.json`, when there is a
/// file: it must equal the campaign's id, because the campaign is served at `/campaigns/{id}.json`.
pub fn validate_campaign(source: &str, file_stem: Option<&str>) -> Validation {
    let fail = |problems| Validation { campaign: None, problems };
    let value: Value = match serde_json::from_str(source) {
        Ok(value) => value,
        Err(error) => return fail(vec![syntax_problem(&error)]),
    };
    let mut problems = Vec::new();
    match serde_json::from_str::<Value>(CAMPAIGN_SCHEMA) {
        Ok(schema) => structure::Walker::new(&schema).check_root(&value, &mut problems),
        Err(error) => problems.push(Problem::error("$schema", Message::Unreadable { detail: error.to_string() })),
    }
    if !problems.is_empty() {
        return fail(problems);
    }
    let campaign: Campaign = match serde_json::from_value(value) {
        Ok(campaign) => campaign,
        Err(error) => return fail(vec![Problem::error("", Message::Unreadable { detail: error.to_string() })]),
    };
    problems.extend(rules::Rules::check(&campaign));
    if let Some(stem) = file_stem {
        if stem != campaign.id && is_slug(&campaign.id) {
            let expected_file = format!("{}.json", campaign.id);
            problems.push(Problem::error("id", Message::FileNameMismatch { expected_file }));
        }
    }
    let has_errors = problems.iter().any(Problem::is_error);
    Validation { campaign: (!has_errors).then_some(campaign), problems }
}

fn syntax_problem(error: &serde_json::Error) -> Problem {
    let full = error.to_string();
    // serde_json appends " at line L column C"; the position is kept separately.
    let detail = full.rsplit_once(" at line ").map(|(message, _)| message).unwrap_or(&full);
    Problem {
        path: String::new(),
        position: Some((error.line(), error.column())),
        severity: Severity::Error,
        message: Message::Syntax(SyntaxKind::classify(detail)),
    }
}
