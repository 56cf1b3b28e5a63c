//! The widget's campaign check: the same verdict as [`validate_campaign`](super::validate_campaign) at a fraction of
//! the code size. `voix check` and `voix serve` walk the JSON Schema to list every shape problem with its path; a
//! browser only needs to know whether the campaign can be shown, so it reads the file straight into the typed
//! campaign (`deny_unknown_fields` and the field types are the schema's shape) and runs the same rules. It reads
//! with [`crate::json`], not serde_json: leaving the schema, its walker, serde_json and the derived readers out of
//! the widget's first load keeps that small.

use super::problem::{Message, Problem};
use super::rules::Rules;
use super::{syntax_problem, Validation};
use crate::campaign::{Campaign, Letter, MAX_FIELD_LENGTH};
use crate::json;

/// Validates the text of a campaign file for display: valid when [`validate_campaign`](super::validate_campaign) says
/// so (`tests/widget_read.rs` compares them over every field and value kind). A syntax error comes first and alone,
/// with its line and column, as there; a shape problem is reported once, in serde's words and at serde_json's line
/// and column, without a path.
pub fn read_campaign(source: &str) -> Validation {
    match parse_campaign(source) {
        Ok(campaign) => check_read_campaign(campaign),
        Err(problem) => Validation { campaign: None, problems: vec![*problem] },
    }
}

/// The first half of [`read_campaign`]: syntax, then the shape (the typed campaign). A syntax problem has a position.
pub fn parse_campaign(source: &str) -> Result<Campaign, Box<Problem>> {
    // Syntax first, over the whole file, so that a broken file is "damaged" even when its first fields are wrong.
    let value = json::parse(source)
        .map_err(|error| Box::new(syntax_problem(error.code.message(), (error.line, error.column))))?;
    if has_empty_subjects(&value) {
        return Err(Box::new(Problem::error("letter.subjects", Message::TooFewItems { min: 1 })));
    }
    json::from_value(source, value)
        .map_err(|error| Box::new(Problem::error("", Message::Unreadable { detail: error.to_string() })))
}

/// `"subjects": []` reads the same as no subjects, but the schema wants at least one when the list is there.
fn has_empty_subjects(campaign: &json::Value) -> bool {
    let subjects = campaign.get("letter").and_then(|letter| letter.get("subjects"));
    subjects.is_some_and(|subjects| matches!(&subjects.kind, json::Kind::Array(items) if items.is_empty()))
}

/// The second half of [`read_campaign`]: the schema's limits and the rules. `voix serve` has run them on every
/// campaign it serves, so the widget runs them only on campaigns from elsewhere (its code for them is fetched then).
pub fn check_read_campaign(campaign: Campaign) -> Validation {
    let mut problems = schema_limits(&campaign);
    problems.extend(Rules::check(&campaign));
    let has_errors = problems.iter().any(Problem::is_error);
    Validation { campaign: (!has_errors).then_some(campaign), problems }
}

/// The schema's limits that the types alone do not carry (`schemars(range(..))` on the campaign types).
fn schema_limits(campaign: &Campaign) -> Vec<Problem> {
    let mut problems = Vec::new();
    let fields = campaign.petition.iter().flat_map(|petition| petition.fields.iter().enumerate());
    for (i, field) in fields {
        if field.max_length.is_some_and(|length| !(1..=MAX_FIELD_LENGTH).contains(&length)) {
            let at = format!("petition.fields[{i}].max_length");
            problems.push(Problem::error(at, Message::OutOfRange { min: Some(1), max: Some(MAX_FIELD_LENGTH.into()) }));
        }
    }
    if let Some(letter) = &campaign.letter {
        for (at, value, max) in [
            ("letter.retention_days", letter.retention_days, Letter::MAX_RETENTION_DAYS),
            ("letter.max_data_age_days", letter.max_data_age_days, Letter::MAX_DATA_AGE_DAYS),
        ] {
            if !(1..=max).contains(&value) {
                problems.push(Problem::error(at, Message::OutOfRange { min: Some(1), max: Some(max.into()) }));
            }
        }
    }
    problems
}
