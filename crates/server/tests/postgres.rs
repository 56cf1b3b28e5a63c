//! The same migrations and queries on PostgreSQL. Runs only when `VOIX_TEST_POSTGRES_URL` is set, e.g.
//! `VOIX_TEST_POSTGRES_URL=postgres://postgres@localhost:54329/postgres`; the database should be a throwaway one.

mod common;

use axum::http::StatusCode;
use common::{get, Fixture};
use voix_server::db::{self, Database};
use voix_server::{app, AppState};

fn postgres_url() -> Option<String> {
    let url = std::env::var("VOIX_TEST_POSTGRES_URL").ok().filter(|url| !url.is_empty());
    if url.is_none() {
        eprintln!("note: VOIX_TEST_POSTGRES_URL is not set, so the PostgreSQL test is skipped");
    }
    url
}

#[tokio::test]
async fn migrations_and_health_work_on_postgres() {
    let Some(url) = postgres_url() else { return };
    let database = Database::choose(Some(url), "unused".into());
    assert!(matches!(database, Database::Postgres { .. }));

    // Connecting twice runs the migrations twice: the second time has nothing to do.
    let pool = db::connect(&database).await.expect("connect and migrate");
    let first = db::ensure_instance(&pool).await.expect("instance");
    let again = db::connect(&database).await.expect("connect again");
    assert_eq!(db::ensure_instance(&again).await.expect("instance"), first, "one instance row, kept");
    let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM instance").fetch_one(&pool).await.expect("count");
    assert_eq!(rows, 1);
    let version: i64 = sqlx::query_scalar("SELECT MIN(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(&pool)
        .await
        .expect("migrations table");
    assert_eq!(version, 1);
    db::ping(&pool).await.expect("SELECT 1");

    let fixture = Fixture::new();
    let mut config = fixture.config();
    config.database = database;
    let state = AppState::load(&config).await.expect("state");
    let reply = get(&app(state), "/healthz", &[]).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json(), serde_json::json!({"status": "ok", "campaigns": 1, "database": "ok"}));
}
