//! Generates the JSON Schema of campaign files from the Rust types (native tools and tests only).

use crate::Campaign;

/// The JSON Schema for `voix/campaign/v1`, pretty-printed with a final newline, as committed at
/// `schema/campaign.v1.json`.
pub fn campaign_schema_json() -> String {
    let schema = schemars::schema_for!(Campaign);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
