//! Campaign validation: every problem at once, each with a path and a message in English and French.
//!
//! Three passes: JSON syntax (line and column), the shape given by `schema/campaign.v1.json` (unknown fields,
//! missing fields, wrong kinds of value), then the rules in [`rules`] on the typed campaign.

pub mod kind;
mod path;
pub mod problem;
mod read;
mod rules;
mod structure;

pub use problem::{JsonType, Message, OriginProblem, Problem, Severity, SyntaxKind, UrlProblem};
pub use read::{check_read_campaign, parse_campaign, read_campaign};
pub use rules::{check_origin, check_url, has_postal_code, is_email, is_slug};

use crate::campaign::Campaign;
use serde_json::Value;

/// The committed JSON Schema for campaign files (generated from the Rust types; a test keeps it up to date).
pub const CAMPAIGN_SCHEMA: &str = include_str!("../../../../schema/campaign.v1.json");

/// The response header with which `voix serve` says it validated a campaign it serves (every campaign it serves is
/// valid: it refuses the others at start-up), and its value. The widget then skips fetching and running the rules.
pub const VALIDATED_HEADER: &str = "voix-validated";
pub const VALIDATED_VALUE: &str = "voix/campaign/v1";

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
    validate_campaign_with(source, file_stem, None)
}

/// [`validate_campaign`], with the coalition's shared glossary when the campaign uses one (`voix check` finds
/// it next to the campaign, or is given it): the plain-language advice then knows its terms too.
pub fn validate_campaign_with(
    source: &str,
    file_stem: Option<&str>,
    shared_glossary: Option<&[crate::campaign::Term]>,
) -> Validation {
    let fail = |problems| Validation { campaign: None, problems };
    let value: Value = match serde_json::from_str(source) {
        Ok(value) => value,
        Err(error) => return fail(vec![serde_syntax_problem(&error)]),
    };
    let schema: Value = match serde_json::from_str(CAMPAIGN_SCHEMA) {
        Ok(schema) => schema,
        Err(error) => return fail(vec![Problem::error("$schema", Message::Unreadable { detail: error.to_string() })]),
    };
    let walker = structure::Walker::new(&schema);
    // serde_json's Value keeps the last of two same-named fields; the widget refuses the file: say so here.
    let mut problems = crate::json::parse(source).map(|read| duplicate_fields(source, &read, "")).unwrap_or_default();
    walker.check_root(&value, &mut problems);
    // With the shape wrong, the rules still run on a repaired copy, so that every problem shows at once; what they
    // find under a place the shape check already reported is the same problem seen again, and is dropped.
    let shape_problems = problems.len();
    let readable = if shape_problems == 0 { value } else { structure::repair(&walker, &value) };
    let campaign: Campaign = match serde_json::from_value(readable) {
        Ok(campaign) => campaign,
        // The repair should always read; if it does not, the shape problems already say what is wrong.
        Err(_) if shape_problems > 0 => return fail(problems),
        Err(error) => return fail(vec![Problem::error("", Message::Unreadable { detail: error.to_string() })]),
    };
    let reported: Vec<String> = problems.iter().map(|p| p.path.clone()).collect();
    let already_reported = |problem: &Problem| reported.iter().any(|place| is_within(&problem_place(problem), place));
    let advice = rules::Advice::Give { shared_glossary };
    problems.extend(rules::Rules::check_with(&campaign, advice).into_iter().filter(|p| !already_reported(p)));
    if let Some(stem) = file_stem {
        if stem != campaign.id && is_slug(&campaign.id) {
            let expected_file = format!("{}.json", campaign.id);
            problems.push(Problem::error("id", Message::FileNameMismatch { expected_file }));
        }
    }
    let has_errors = problems.iter().any(Problem::is_error);
    debug_assert!(shape_problems == 0 || has_errors);
    Validation { campaign: (!has_errors).then_some(campaign), problems }
}

/// Every field named twice in one object, at the second one's place, in reading order.
fn duplicate_fields(source: &str, value: &crate::json::Value, at: &str) -> Vec<Problem> {
    use crate::json::Kind;
    let mut problems = Vec::new();
    match &value.kind {
        Kind::Object(members) => {
            for (i, member) in members.iter().enumerate() {
                let place = path::key(at, &member.key);
                if members[..i].iter().any(|earlier| earlier.key == member.key) {
                    problems.push(Problem {
                        position: Some(crate::json::position(source, member.key_error_at)),
                        ..Problem::error(place.clone(), Message::DuplicateField { name: member.key.clone() })
                    });
                }
                problems.extend(duplicate_fields(source, &member.value, &place));
            }
        }
        Kind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                problems.extend(duplicate_fields(source, item, &path::index(at, i)));
            }
        }
        _ => {}
    }
    problems
}

/// Whether `path` is `place` or inside it (`title.fr` is within `title`; `titles` is not; all is within the root).
fn is_within(path: &str, place: &str) -> bool {
    place.is_empty()
        || path
            .strip_prefix(place)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('.') || rest.starts_with('['))
}

/// Where a problem really is: a missing translation (or list of wordings) is reported on its text but concerns the
/// language's entry.
fn problem_place(problem: &Problem) -> String {
    match &problem.message {
        Message::MissingTranslation { lang } | Message::NoPhrasing { lang } => path::key(&problem.path, lang.code()),
        _ => problem.path.clone(),
    }
}

fn serde_syntax_problem(error: &serde_json::Error) -> Problem {
    let full = error.to_string();
    // serde_json appends " at line L column C"; the position is kept separately.
    let detail = full.rsplit_once(" at line ").map(|(message, _)| message).unwrap_or(&full);
    syntax_problem(detail, (error.line(), error.column()))
}

/// A JSON syntax error, from serde_json's words for it (the widget's reader uses the same words).
fn syntax_problem(parser_message: &str, position: (usize, usize)) -> Problem {
    Problem {
        path: String::new(),
        position: Some(position),
        severity: Severity::Error,
        message: Message::Syntax(SyntaxKind::classify(parser_message)),
    }
}
