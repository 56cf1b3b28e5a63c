//! `schema/campaign.v1.json` is generated from the Rust types; organisers' editors read it for autocompletion,
//! and validation walks it. This test fails when the committed file is stale.
//! Regenerate with: `VOIX_UPDATE_SCHEMA=1 cargo test -p voix-core --test schema_file`

use std::path::PathBuf;
use voix_core::schema::campaign_schema_json;

#[test]
fn committed_schema_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/campaign.v1.json");
    let generated = campaign_schema_json();
    if std::env::var_os("VOIX_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema/campaign.v1.json");
        return;
    }
    let committed = std::fs::read_to_string(&path).expect("read schema/campaign.v1.json");
    assert!(
        committed == generated,
        "schema/campaign.v1.json is out of date with the Rust types: run \
         `VOIX_UPDATE_SCHEMA=1 cargo test -p voix-core --test schema_file` and commit the result"
    );
}

#[test]
fn validation_uses_the_committed_schema() {
    assert_eq!(voix_core::validate::CAMPAIGN_SCHEMA, campaign_schema_json());
}
