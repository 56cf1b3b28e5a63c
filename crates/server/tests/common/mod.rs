//! Shared test fixtures: a temporary bundle, campaigns and data directory, and a one-shot request helper.
#![allow(dead_code)] // Each test binary uses a different part of this module.

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use tower::ServiceExt;
use voix_server::{app, AppState, Config};

pub const JS: &[u8] = b"import init from './voix_bg.wasm';\nexport default init;\n";
pub const JS_BR: &[u8] = b"(pretend brotli of voix.js)";
pub const JS_GZ: &[u8] = b"(pretend gzip of voix.js)";
pub const WASM: &[u8] = b"\0asm\x01\0\0\0 pretend module";
pub const WASM_BR: &[u8] = b"(pretend brotli of voix_bg.wasm)";
pub const WASM_GZ: &[u8] = b"(pretend gzip of voix_bg.wasm)";

/// The fixture campaigns, in `crates/server/tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures").join(name)
}

pub fn fixture_source(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).expect("fixture campaign")
}

/// A temporary directory holding `pkg/` (the bundle), `campaigns/` (a valid and an invalid campaign) and `data/`.
pub struct Fixture {
    pub dir: TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let fixture = Fixture { dir: tempfile::tempdir().expect("temp dir") };
        std::fs::create_dir(fixture.bundle()).expect("pkg dir");
        for (name, content) in [
            ("voix.js", JS),
            ("voix.js.br", JS_BR),
            ("voix.js.gz", JS_GZ),
            ("voix_bg.wasm", WASM),
            ("voix_bg.wasm.br", WASM_BR),
            ("voix_bg.wasm.gz", WASM_GZ),
        ] {
            std::fs::write(fixture.bundle().join(name), content).expect("bundle file");
        }
        std::fs::create_dir(fixture.campaigns()).expect("campaigns dir");
        for name in ["test-campaign.json", "broken-campaign.json"] {
            std::fs::copy(fixture_path(name), fixture.campaigns().join(name)).expect("campaign file");
        }
        fixture
    }

    pub fn bundle(&self) -> PathBuf {
        self.dir.path().join("pkg")
    }

    pub fn campaigns(&self) -> PathBuf {
        self.dir.path().join("campaigns")
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn config(&self) -> Config {
        Config::new(self.bundle(), self.campaigns(), self.data())
    }

    pub async fn app(&self) -> Router {
        app(AppState::load(&self.config()).await.expect("state"))
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|value| value.to_str().expect("ASCII header"))
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("JSON body")
    }
}

/// Sends `GET uri` with `headers` through the app, without a socket.
pub async fn get(app: &Router, uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app.clone().oneshot(request.body(Body::empty()).expect("request")).await.expect("response");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("body").to_bytes();
    Reply { status: parts.status, headers: parts.headers, body }
}

/// An MP of the small riding data file the mail tests use: `(fed_num, riding, name, email)`.
pub type TestMp = (u32, &'static str, &'static str, &'static str);

/// The ridings the mail tests write from, each with its (made-up) MP: the server takes recipients' names from here.
pub const TEST_MPS: [TestMp; 2] = [
    (24052, "Notre-Dame-de-Grâce—Westmount", "Jane Doe", "jane.doe@parl.gc.ca"),
    (24017, "Châteauguay—Les Jardins-de-Napierville", "Other Riding's MP", "other.mp@parl.gc.ca"),
];

impl Fixture {
    /// Writes a riding data file in the real format with `mps`; returns its path (for `Config::data_file`).
    pub fn write_directory(&self, mps: &[TestMp]) -> PathBuf {
        let mut districts: Vec<serde_json::Value> =
            mps.iter().map(|(fed_num, riding, name, email)| district(*fed_num, riding, name, email)).collect();
        districts.sort_by_key(|district| district["fed_num"].as_u64());
        let directory = serde_json::json!({
            "format": "voix/canada/v1",
            "as_of": "2026-09-30",
            "attribution": {"en": ["Test data."], "fr": ["Données de test."]},
            "parties": {"liberal": {"en": "Liberal", "fr": "Libéral"}},
            "districts": districts,
            "fsa_hints": {},
            "x_fsa_territories": {},
        });
        let path = self.dir.path().join("canada.json");
        std::fs::write(&path, directory.to_string()).expect("directory written");
        path
    }
}

fn district(fed_num: u32, riding: &str, name: &str, email: &str) -> serde_json::Value {
    serde_json::json!({
        "fed_num": fed_num,
        "province": if fed_num / 1000 == 24 { "QC" } else { "ON" },
        "name_en": riding,
        "name_fr": riding,
        "mp": {"name": name, "party": "liberal", "email": email},
    })
}

/// The riding of the test MP whose address is `email`.
pub fn fed_num_of(email: &str) -> Option<u32> {
    TEST_MPS.iter().find(|mp| mp.3 == email).map(|mp| mp.0)
}

/// The campaign's fixed recipients in the mail tests (a minister, and two offices the SMTP sink treats specially).
pub fn test_targets() -> serde_json::Value {
    let target = |name: &str, email: &str| serde_json::json!({"name": name, "email": email, "role": {"en": "Office", "fr": "Bureau"}});
    serde_json::json!({
        "own_mp": true,
        "extra": [
            target("John Roe", "john.roe@parl.gc.ca"),
            target("Busy MP", "busy@parl.gc.ca"),
            target("Gone MP", "gone@parl.gc.ca"),
        ],
    })
}
