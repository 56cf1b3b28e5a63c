//! `/data/canada.json` through `app()`: the riding data with the bundle's caching (hash → immutable, otherwise
//! revalidated by ETag), open CORS, brotli and gzip made in memory when no valid siblings exist, 404 when missing.

mod common;

use axum::http::StatusCode;
use common::{get, Fixture};
use std::path::{Path, PathBuf};
use voix_server::{app, compression, content_hash, AppState};

fn base_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ridings/base.json")
}

async fn app_with_data_file(fixture: &Fixture, data_file: &Path) -> axum::Router {
    let mut config = fixture.config();
    config.data_file = data_file.to_owned();
    app(AppState::load(&config).await.expect("state"))
}

#[tokio::test]
async fn the_data_file_is_served_to_any_site_with_a_content_hash_cache() {
    let fixture = Fixture::new();
    let app = app_with_data_file(&fixture, &base_fixture()).await;
    let content = std::fs::read(base_fixture()).expect("fixture");
    let hash = content_hash(&content);

    let plain = get(&app, "/data/canada.json", &[("origin", "https://partner.example.org")]).await;
    assert_eq!(plain.status, StatusCode::OK);
    assert_eq!(plain.header("content-type"), Some("application/json"));
    assert_eq!(plain.header("access-control-allow-origin"), Some("*"));
    assert_eq!(plain.header("cache-control"), Some("no-cache"));
    assert_eq!(plain.header("etag"), Some(format!("\"{hash}\"").as_str()));
    assert_eq!(plain.header("vary"), Some("Accept-Encoding"));
    assert_eq!(plain.body, content);

    let hashed = get(&app, &format!("/data/canada.json?v={hash}"), &[]).await;
    assert_eq!(hashed.header("cache-control"), Some("public, max-age=31536000, immutable"));
    let stale = get(&app, "/data/canada.json?v=0123456789abcdef", &[]).await;
    assert_eq!(stale.header("cache-control"), Some("no-cache"));

    let revalidated = get(&app, "/data/canada.json", &[("if-none-match", &format!("\"{hash}\""))]).await;
    assert_eq!(revalidated.status, StatusCode::NOT_MODIFIED);
    assert!(revalidated.body.is_empty());
}

#[tokio::test]
async fn it_is_compressed_in_memory_when_accepted() {
    let fixture = Fixture::new();
    let app = app_with_data_file(&fixture, &base_fixture()).await;
    let content = std::fs::read(base_fixture()).expect("fixture");

    let br = get(&app, "/data/canada.json", &[("accept-encoding", "gzip, deflate, br")]).await;
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(br.header("content-type"), Some("application/json"));
    assert_eq!(compression::unbrotli(&br.body).as_deref(), Some(content.as_slice()));
    assert!(br.header("etag").is_some_and(|etag| etag.ends_with("-br\"")));

    let gzip = get(&app, "/data/canada.json", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    assert_eq!(compression::ungzip(&gzip.body).as_deref(), Some(content.as_slice()));
}

#[tokio::test]
async fn valid_siblings_are_used_and_stale_ones_ignored() {
    let fixture = Fixture::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let data_file = dir.path().join("canada.json");
    let content = std::fs::read(base_fixture()).expect("fixture");
    std::fs::write(&data_file, &content).expect("write");
    let sibling = compression::brotli(&content);
    std::fs::write(dir.path().join("canada.json.br"), &sibling).expect("write");
    std::fs::write(dir.path().join("canada.json.gz"), compression::gzip(b"an older version")).expect("write");
    let app = app_with_data_file(&fixture, &data_file).await;

    let br = get(&app, "/data/canada.json", &[("accept-encoding", "br")]).await;
    assert_eq!(br.body, sibling);
    let gzip = get(&app, "/data/canada.json", &[("accept-encoding", "gzip")]).await;
    assert_eq!(compression::ungzip(&gzip.body).as_deref(), Some(content.as_slice()), "the stale .gz is not served");
}

#[tokio::test]
async fn a_missing_or_broken_file_answers_404() {
    let fixture = Fixture::new();
    let app = app_with_data_file(&fixture, &fixture.dir.path().join("no-such.json")).await;
    assert_eq!(get(&app, "/data/canada.json", &[]).await.status, StatusCode::NOT_FOUND);

    let broken = fixture.dir.path().join("broken.json");
    std::fs::write(&broken, "{\"format\": \"voix/canada/v9\"}").expect("write");
    let app = app_with_data_file(&fixture, &broken).await;
    let reply = get(&app, "/data/canada.json", &[]).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["error"], "not found");
    // The rest of the server is unaffected.
    assert_eq!(get(&app, "/healthz", &[]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn each_province_s_boundaries_are_served_beside_the_data_file() {
    let fixture = Fixture::new();
    let folder = tempfile::tempdir().expect("tempdir");
    let data_file = folder.path().join("canada.json");
    std::fs::copy(base_fixture(), &data_file).expect("copy");
    std::fs::create_dir_all(folder.path().join("boundaries/map")).expect("mkdir");
    let topology = r#"{"type":"Topology","transform":{"scale":[1,1],"translate":[-80,45]},"arcs":[],"objects":{}}"#;
    std::fs::write(folder.path().join("boundaries/map/QC.json"), topology).expect("write");
    let app = app_with_data_file(&fixture, &data_file).await;

    let first = get(&app, "/data/boundaries/map/QC.json", &[("accept-encoding", "br")]).await;
    assert_eq!(first.status, StatusCode::OK);
    // Compressed in the background after start-up: served as it is until then.
    let mut served = first;
    for _ in 0..100 {
        if served.header("content-encoding") == Some("br") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        served = get(&app, "/data/boundaries/map/QC.json", &[("accept-encoding", "br")]).await;
    }
    assert_eq!(served.header("content-encoding"), Some("br"));
    assert_eq!(served.header("access-control-allow-origin"), Some("*"));
    assert_eq!(compression::unbrotli(&served.body).as_deref(), Some(topology.as_bytes()));
    for missing in
        ["/data/boundaries/map/ON.json", "/data/boundaries/exact/QC.json", "/data/boundaries/map/..%2Fcanada.json"]
    {
        assert_eq!(get(&app, missing, &[]).await.status, StatusCode::NOT_FOUND, "{missing}");
    }
}
