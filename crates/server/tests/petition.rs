//! The petition API, end to end: through `app()` (tower's `oneshot`, no socket) and over a real socket, on SQLite
//! and, when `VOIX_TEST_POSTGRES_URL` is set (scripts/test always sets it), on PostgreSQL: the same scenarios on
//! both (`scenarios`). Also the organisers' commands (`voix export`, `voix token create`, `voix forget`) as the
//! real binary, and the rate limits.

mod common;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use axum::Router;
use common::{fixture_path, fixture_source, Fixture, Reply};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use sqlx::{AnyPool, Row};
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::process::Command;
use std::time::Duration;
use tower::ServiceExt;
use voix_core::petition::{consent_offers, ConsentOffer};
use voix_core::{Campaign, Lang};
use voix_server::config::PetitionSettings;
use voix_server::db::Database;
use voix_server::{app, AppState};

const CAMPAIGN: &str = "petition-campaign";
const SIGN: &str = "/api/campaigns/petition-campaign/signatures";
const STATS: &str = "/api/campaigns/petition-campaign/stats";
const ALTCHA: &str = "/api/campaigns/petition-campaign/altcha";
const LETTERS: &str = "/api/campaigns/petition-campaign/letters";
const LIGUE: &str = "https://ligue.example.org";
const CLUB: &str = "https://club.example.net";
/// A riding of Ontario (35) for the postal codes in K.
const RIDING: u32 = 35075;

/// The settings of the tests: a cheap proof of work, wide rate limits.
fn cheap() -> PetitionSettings {
    PetitionSettings {
        altcha_max_number: 20,
        altcha_cost: 1,
        rate_per_ip: 100_000,
        rate_per_email: 100_000,
        proxy_hops: 0,
    }
}

/// A server under test: its files, its app and its database.
struct Env {
    fixture: Fixture,
    database: Database,
    app: Router,
    pool: AnyPool,
    campaign: Campaign,
}

impl Env {
    async fn new(database: Option<Database>, settings: PetitionSettings) -> Env {
        let fixture = Fixture::new();
        std::fs::copy(fixture_path("petition-campaign.json"), fixture.campaigns().join("petition-campaign.json"))
            .expect("campaign file");
        let mut config = fixture.config();
        config.petition = settings;
        if let Some(database) = database {
            config.database = database;
        }
        let state = AppState::load(&config).await.expect("state");
        let pool = state.db.clone();
        let validation = voix_core::validate_campaign(&fixture_source("petition-campaign.json"), Some(CAMPAIGN));
        let campaign = validation.campaign.expect("valid fixture");
        Env { database: config.database.clone(), app: app(state), pool, fixture, campaign }
    }

    async fn sqlite() -> Env {
        Env::new(None, cheap()).await
    }

    fn offers(&self, partner: Option<&str>, lang: Lang) -> Vec<ConsentOffer> {
        let partner = partner.and_then(|id| self.campaign.partner(id));
        consent_offers(&self.campaign, partner, lang)
    }

    async fn request(&self, method: &str, uri: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Reply {
        let mut request = Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let mut request = request.body(Body::from(body)).expect("request");
        request.extensions_mut().insert(ConnectInfo(SocketAddr::from(([192, 0, 2, 1], 4000))));
        let response = self.app.clone().oneshot(request).await.expect("response");
        let (parts, body) = response.into_parts();
        let body = body.collect().await.expect("body").to_bytes();
        Reply { status: parts.status, headers: parts.headers, body }
    }

    async fn post_json(&self, uri: &str, origin: Option<&str>, body: &Value) -> Reply {
        let mut headers = vec![("content-type", "application/json")];
        if let Some(origin) = origin {
            headers.push(("origin", origin));
        }
        self.request("POST", uri, &headers, serde_json::to_vec(body).expect("json")).await
    }

    async fn get(&self, uri: &str, headers: &[(&str, &str)]) -> Reply {
        self.request("GET", uri, headers, Vec::new()).await
    }

    /// A solved proof of work.
    async fn altcha(&self) -> Value {
        let reply = self.get(ALTCHA, &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{:?}", reply.body);
        voix_core::petition::altcha::solve(&reply.json(), 20).expect("a challenge").expect("solved")
    }

    /// A valid submission from `email` on the League's site, ticking the League's and the organiser's boxes.
    async fn submission(&self, email: &str, key: &str) -> Value {
        let offers = self.offers(Some("ligue"), Lang::En);
        json!({
            "campaign": CAMPAIGN,
            "partner": "ligue",
            "lang": "en",
            "fields": {"first_name": "Léa", "last_name": "Roy", "email": email, "postal_code": "K1A 0A6",
                       "comment": "=1+1", "occupation": "Nurse"},
            "riding": RIDING,
            "consents": offers.iter().map(|offer| json!({"to": offer.to, "version": offer.version})).collect::<Vec<_>>(),
            "idempotency_key": key,
            "altcha": self.altcha().await,
        })
    }

    async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.pool).await.expect(sql)
    }

    async fn total(&self) -> u64 {
        self.get(STATS, &[]).await.json()["total"].as_u64().expect("total")
    }

    /// `voix …` against this environment's database.
    fn voix(&self, args: &[&str]) -> std::process::Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_voix"));
        command.args(args).arg("--data").arg(self.fixture.data()).env_remove("DATABASE_URL");
        if let Database::Postgres { url } = &self.database {
            command.env("DATABASE_URL", url);
        }
        command.output().expect("run voix")
    }
}

fn key(n: u32) -> String {
    format!("test-key-{n:08}-abcdef")
}

/// Everything the petition API must do, on one database.
async fn scenarios(env: &Env) {
    signing_records_the_signature_and_its_consents(env).await;
    repeated_emails_and_keys_are_idempotent(env).await;
    every_refusal_has_its_status_and_paths(env).await;
    cors_allows_only_the_partners(env).await;
    abuse_protection(env).await;
    letters_are_counted(env).await;
    concurrent_identical_submissions_make_one_record(env).await;
    a_retry_after_a_dropped_connection_counts_once(env).await;
    export_token_and_forget(env).await;
}

async fn signing_records_the_signature_and_its_consents(env: &Env) {
    let reply = env.post_json(SIGN, Some(LIGUE), &env.submission("lea@example.org", &key(1)).await).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", String::from_utf8_lossy(&reply.body));
    assert_eq!(reply.json(), json!({"total": 1, "riding_total": 1, "goal": 100, "already_signed": false}));
    assert_eq!(reply.header("access-control-allow-origin"), Some(LIGUE));
    let stats = env.get(STATS, &[]).await;
    assert_eq!(stats.status, StatusCode::OK);
    assert_eq!(
        stats.json(),
        json!({"total": 1, "goal": 100, "by_riding": {"35075": 1}, "by_partner": {"ligue": 1}, "letters": 0})
    );
    // The ledger: one row per box, with the exact wording shown, its language, the organisation, the time and the
    // partner site.
    let rows = sqlx::query(
        "SELECT c.organisation, c.action, c.lang, c.site_partner_id, c.recorded_at, w.text, w.version \
         FROM consents c JOIN consent_wordings w ON w.version = c.wording_version ORDER BY c.entry",
    )
    .fetch_all(&env.pool)
    .await
    .expect("ledger");
    let offers = env.offers(Some("ligue"), Lang::En);
    assert_eq!(rows.len(), 2);
    for (row, offer) in rows.iter().zip(&offers) {
        let organisation: String = row.get(0);
        let expected = if offer.partner.is_some() { "partner:ligue" } else { "organiser" };
        assert_eq!(organisation, expected);
        assert_eq!(row.get::<String, _>(1), "given");
        assert_eq!(row.get::<String, _>(2), "en");
        assert_eq!(row.get::<Option<String>, _>(3).as_deref(), Some("ligue"));
        assert!(row.get::<i64, _>(4) > 1_700_000_000);
        assert_eq!(row.get::<String, _>(5), offer.text, "the exact text shown");
        assert!(offer.text.contains(&offer.wording) && offer.text.contains("withdraw"));
        assert_eq!(row.get::<String, _>(6), offer.version);
    }
    // The email is stored normalised, under its keyed hash.
    let email: String = sqlx::query_scalar("SELECT email FROM signatures").fetch_one(&env.pool).await.expect("email");
    assert_eq!(email, "lea@example.org");
}

async fn ledger(env: &Env) -> Vec<(String, i64, String, String, i64)> {
    sqlx::query(
        "SELECT signature_id, entry, organisation, action, recorded_at FROM consents ORDER BY signature_id, entry",
    )
    .fetch_all(&env.pool)
    .await
    .expect("ledger")
    .iter()
    .map(|row| (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4)))
    .collect()
}

async fn repeated_emails_and_keys_are_idempotent(env: &Env) {
    let before = ledger(env).await;
    // The same key and answers (a retry): the same reply, byte for byte, nothing new.
    let first = env.submission("lea@example.org", &key(1)).await;
    let again = env.post_json(SIGN, Some(LIGUE), &first).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json(), json!({"total": 1, "riding_total": 1, "goal": 100, "already_signed": false}));
    assert_eq!(ledger(env).await, before);
    // Even when its proof of work has expired (or the server restarted): the reply was recorded.
    let mut expired = first.clone();
    expired["altcha"]["challenge"]["signature"] = json!("00");
    let again = env.post_json(SIGN, Some(LIGUE), &expired).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["already_signed"], false);
    // The same key with other answers: refused.
    let mut other = env.submission("lea@example.org", &key(1)).await;
    other["fields"]["first_name"] = json!("Léo");
    let reused = env.post_json(SIGN, Some(LIGUE), &other).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reused.json()["code"], "idempotency_key_reused");
    // The same email (in another case) signing again with a new key: not counted twice, consents recorded again
    // as new rows; the old rows stay as they were.
    let mut repeat = env.submission("  LEA@example.ORG ", &key(2)).await;
    let organiser_only: Vec<Value> = env
        .offers(Some("ligue"), Lang::En)
        .iter()
        .filter(|offer| offer.partner.is_none())
        .map(|offer| json!({"to": offer.to, "version": offer.version}))
        .collect();
    repeat["consents"] = Value::Array(organiser_only);
    let reply = env.post_json(SIGN, Some(LIGUE), &repeat).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", String::from_utf8_lossy(&reply.body));
    assert_eq!(reply.json(), json!({"total": 1, "riding_total": 1, "goal": 100, "already_signed": true}));
    let after = ledger(env).await;
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(&after[..before.len()], &before[..], "earlier consents are never overwritten");
    assert_eq!(after[before.len()].1, 3, "the next entry number");
    assert_eq!(env.count("SELECT COUNT(*) FROM signatures").await, 1);
}

async fn every_refusal_has_its_status_and_paths(env: &Env) {
    // 422 with field paths, in the body's language.
    let mut bad = env.submission("not-an-email", &key(10)).await;
    bad["lang"] = json!("fr");
    bad["fields"]["first_name"] = json!("  ");
    bad["fields"]["postal_code"] = json!("K1A 0A6");
    let reply = env.post_json(SIGN, Some(LIGUE), &bad).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = reply.json();
    assert_eq!(body["code"], "invalid");
    assert_eq!(body["message"], "Certaines réponses sont à corriger\u{a0}: voyez les messages à côté.");
    let paths: Vec<&str> =
        body["errors"].as_array().expect("errors").iter().map(|e| e["path"].as_str().unwrap()).collect();
    assert!(paths.contains(&"fields.first_name") && paths.contains(&"fields.email"), "{paths:?}");
    assert!(paths.contains(&"consents[0]"), "French consents were not the ones read: {paths:?}");
    assert_eq!(body["errors"][0]["message"].as_str().map(|m| m.is_empty()), Some(false));
    assert_eq!(reply.header("access-control-allow-origin"), Some(LIGUE), "the widget can read its errors");
    // 413 over the limit.
    let mut big = env.submission("big@example.org", &key(11)).await;
    big["fields"]["comment"] = json!("x".repeat(20_000));
    let reply = env.post_json(SIGN, None, &big).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(reply.json()["code"], "too_large");
    // 404 unknown campaign, in the language of Accept-Language.
    let reply = env
        .request(
            "POST",
            "/api/campaigns/nope/signatures",
            &[("content-type", "application/json"), ("accept-language", "fr-CA")],
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert_eq!(reply.json()["code"], "unknown_campaign");
    assert!(reply.json()["message"].as_str().unwrap().starts_with("Cette campagne"));
    assert_eq!(env.get("/api/campaigns/nope/stats", &[]).await.status, StatusCode::NOT_FOUND);
    // 400 malformed, with a message; 415 not JSON.
    let reply = env.request("POST", SIGN, &[("content-type", "application/json")], b"{\"lang\": ".to_vec()).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(reply.json()["code"], "unreadable");
    assert!(!reply.json()["message"].as_str().unwrap().is_empty());
    let reply = env
        .request("POST", SIGN, &[("content-type", "application/json")], b"{\"lang\": \"en\", \"x\": 1}".to_vec())
        .await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "unknown fields are refused");
    let reply = env.request("POST", SIGN, &[("content-type", "text/plain")], b"{}".to_vec()).await;
    assert_eq!(reply.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(reply.json()["code"], "not_json");
    // A campaign with no letter tool... has one here; a letter to an unknown recipient is 422.
    let reply = env.post_json(LETTERS, None, &json!({"targets": ["extra:7"], "channel": "copy"})).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["errors"][0]["path"], "targets[0]");
    assert_eq!(env.count("SELECT COUNT(*) FROM signatures").await, 1, "nothing refused was stored");
}

async fn cors_allows_only_the_partners(env: &Env) {
    // A partner's origin: allowed, with the campaign's copy of the origin; preflight answered.
    let preflight =
        env.request("OPTIONS", SIGN, &[("origin", LIGUE), ("access-control-request-method", "POST")], Vec::new()).await;
    assert_eq!(preflight.status, StatusCode::NO_CONTENT);
    assert_eq!(preflight.header("access-control-allow-origin"), Some(LIGUE));
    assert!(preflight.header("access-control-allow-methods").unwrap().contains("POST"));
    assert_eq!(preflight.header("access-control-allow-headers"), Some("content-type"));
    assert_eq!(preflight.header("vary"), Some("Origin"));
    // Another origin: refused, never reflected.
    let evil = "https://evil.example.com";
    let preflight = env.request("OPTIONS", SIGN, &[("origin", evil)], Vec::new()).await;
    assert_eq!(preflight.status, StatusCode::FORBIDDEN);
    assert_eq!(preflight.header("access-control-allow-origin"), None);
    let reply = env.post_json(SIGN, Some(evil), &env.submission("evil@example.org", &key(20)).await).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.json()["code"], "origin_refused");
    assert_eq!(reply.header("access-control-allow-origin"), None);
    // A listed origin with a lookalike suffix is another origin.
    let reply = env.post_json(SIGN, Some("https://ligue.example.org.evil.com"), &json!({})).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    // The Club's site sending as the League: the partner must match the origin.
    let reply = env.post_json(SIGN, Some(CLUB), &env.submission("club@example.org", &key(21)).await).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.json()["code"], "partner_mismatch");
    assert_eq!(reply.header("access-control-allow-origin"), Some(CLUB), "the Club's page may read why");
    // The server's own pages (same host) may send for any partner.
    let submission = env.submission("own@example.org", &key(22)).await;
    let body = serde_json::to_vec(&submission).unwrap();
    let own = [("content-type", "application/json"), ("origin", "http://voix.test:8080"), ("host", "voix.test:8080")];
    let reply = env.request("POST", SIGN, &own, body).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", String::from_utf8_lossy(&reply.body));
    assert_eq!(reply.header("access-control-allow-origin"), None);
    // Stats are readable by partners only.
    assert_eq!(env.get(STATS, &[("origin", CLUB)]).await.header("access-control-allow-origin"), Some(CLUB));
    assert_eq!(env.get(STATS, &[("origin", evil)]).await.header("access-control-allow-origin"), None);
}

async fn abuse_protection(env: &Env) {
    let total = env.total().await;
    // The hidden field filled: answered as if signed, nothing stored.
    let mut bot = env.submission("bot@example.org", &key(30)).await;
    bot["honeypot"] = json!("http://spam.example");
    let reply = env.post_json(SIGN, Some(LIGUE), &bot).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["already_signed"], false);
    assert_eq!(env.count("SELECT COUNT(*) FROM signatures WHERE email = 'bot@example.org'").await, 0);
    assert_eq!(env.total().await, total);
    // No proof of work, a wrong one, a replayed one: 422 at `altcha`.
    let mut missing = env.submission("pow@example.org", &key(31)).await;
    missing.as_object_mut().unwrap().remove("altcha");
    let reply = env.post_json(SIGN, Some(LIGUE), &missing).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json()["errors"][0]["path"], "altcha");
    let mut wrong = env.submission("pow@example.org", &key(32)).await;
    wrong["altcha"]["solution"]["derivedKey"] = json!("00ff");
    assert_eq!(env.post_json(SIGN, Some(LIGUE), &wrong).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let first = env.submission("pow@example.org", &key(33)).await;
    assert_eq!(env.post_json(SIGN, Some(LIGUE), &first).await.status, StatusCode::OK);
    let mut replay = env.submission("pow2@example.org", &key(34)).await;
    replay["altcha"] = first["altcha"].clone();
    let reply = env.post_json(SIGN, Some(LIGUE), &replay).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "a used challenge cannot sign again");
    assert_eq!(reply.json()["errors"][0]["path"], "altcha");
    assert_eq!(env.total().await, total + 1);
}

async fn letters_are_counted(env: &Env) {
    let letter = json!({"partner": "ligue", "riding": RIDING, "targets": ["own_mp"], "channel": "email_app"});
    let reply = env.post_json(LETTERS, Some(LIGUE), &letter).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", String::from_utf8_lossy(&reply.body));
    assert_eq!(reply.json(), json!({"letters": 1}));
    assert_eq!(reply.header("access-control-allow-origin"), Some(LIGUE));
    let reply = env.post_json(LETTERS, None, &json!({"targets": ["own_mp"], "channel": "print"})).await;
    assert_eq!(reply.json(), json!({"letters": 2}));
    assert_eq!(env.get(STATS, &[]).await.json()["letters"], 2);
    let rows = env.count("SELECT COUNT(*) FROM letter_counts WHERE channel = 'email_app' AND riding = 35075").await;
    assert_eq!(rows, 1);
    let reply = env.post_json(LETTERS, Some(CLUB), &letter).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN, "the partner must match the origin");
    let reply = env.post_json(LETTERS, None, &json!({"targets": ["own_mp"], "channel": "server"})).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn concurrent_identical_submissions_make_one_record(env: &Env) {
    let total = env.total().await;
    let submission = env.submission("twins@example.org", &key(40)).await;
    let replies = futures_join(env, &submission, 12).await;
    let first = replies[0].clone();
    assert!(replies.iter().all(|reply| *reply == first), "{replies:?}");
    assert_eq!(first["already_signed"], false);
    assert_eq!(env.count("SELECT COUNT(*) FROM signatures WHERE email = 'twins@example.org'").await, 1);
    assert_eq!(env.total().await, total + 1);
    // The same email from different submissions at once: one signature too.
    let mut handles = Vec::new();
    for n in 0..6 {
        let body = env.submission("crowd@example.org", &key(50 + n)).await;
        let app = env.app.clone();
        handles.push(tokio::spawn(async move { post_on(app, &body).await }));
    }
    let mut already = 0;
    for handle in handles {
        let reply = handle.await.expect("task");
        assert_eq!(reply["total"], json!(total + 2), "{reply}");
        already += usize::from(reply["already_signed"] == true);
    }
    assert_eq!(already, 5, "one of them signed, the others had signed already");
    assert_eq!(env.count("SELECT COUNT(*) FROM signatures WHERE email = 'crowd@example.org'").await, 1);
}

async fn post_on(app: Router, body: &Value) -> Value {
    let request = Request::post(SIGN)
        .header("content-type", "application/json")
        .body(Body::from(serde_json::to_vec(body).unwrap()))
        .unwrap();
    let response = app.oneshot(request).await.expect("response");
    assert_eq!(response.status(), StatusCode::OK);
    serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap()
}

async fn futures_join(env: &Env, body: &Value, n: usize) -> Vec<Value> {
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let (app, body) = (env.app.clone(), body.clone());
            tokio::spawn(async move { post_on(app, &body).await })
        })
        .collect();
    let mut replies = Vec::new();
    for handle in handles {
        replies.push(handle.await.expect("task"));
    }
    replies
}

/// Sends `body` to `addr` over HTTP/1.1 and returns the raw reply (or nothing when `read` is false: the client
/// goes away as soon as the request is sent).
fn raw_post(addr: SocketAddr, body: &[u8], read: bool) -> String {
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let head = format!(
        "POST {SIGN} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    if !read {
        let _ = stream.shutdown(std::net::Shutdown::Both);
        return String::new();
    }
    let mut reply = String::new();
    stream.read_to_string(&mut reply).expect("reply");
    reply
}

async fn a_retry_after_a_dropped_connection_counts_once(env: &Env) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().unwrap();
    let service = env.app.clone().into_make_service_with_connect_info::<SocketAddr>();
    let server = tokio::spawn(async move { axum::serve(listener, service).await });
    let total = env.total().await;
    let body = serde_json::to_vec(&env.submission("flaky@example.org", &key(60)).await).unwrap();
    // The client drops the connection right after sending: the reply is lost.
    let sent = body.clone();
    tokio::task::spawn_blocking(move || raw_post(addr, &sent, false)).await.unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    // The widget retries with the same key (and the same, now used, proof of work).
    let reply = tokio::task::spawn_blocking(move || raw_post(addr, &body, true)).await.unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let json: Value = serde_json::from_str(reply.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert_eq!(json["total"], json!(total + 1));
    assert_eq!(json["already_signed"], false);
    assert_eq!(env.count("SELECT COUNT(*) FROM signatures WHERE email = 'flaky@example.org'").await, 1);
    assert_eq!(env.total().await, total + 1, "nothing lost, nothing counted twice");
    // And a normal signature over the socket.
    let body = serde_json::to_vec(&env.submission("socket@example.org", &key(61)).await).unwrap();
    let reply = tokio::task::spawn_blocking(move || raw_post(addr, &body, true)).await.unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    server.abort();
}

async fn export_token_and_forget(env: &Env) {
    let campaigns = env.fixture.campaigns();
    let out = env.fixture.dir.path().join("export.csv");
    // `voix export` of a campaign, for one partner or all, to `out`.
    let export = |campaign: &str, partner: Option<&str>| {
        let mut args = vec!["export", "--campaign", campaign];
        args.extend(partner.map(|partner| ["--partner", partner]).into_iter().flatten());
        args.extend(["--out", out.to_str().unwrap(), "--campaigns", campaigns.to_str().unwrap()]);
        env.voix(&args)
    };
    // Written over an old, world-readable file: the export is still readable by its owner alone.
    std::fs::write(&out, "an old export").expect("an old file");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    }
    let run = export(CAMPAIGN, None);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let csv = std::fs::read_to_string(&out).expect("export");
    let signers = env.count("SELECT COUNT(*) FROM signatures").await;
    assert_eq!(csv.lines().count() as i64, signers + 1, "{csv}");
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with("signed_at,first_name,last_name,email,postal_code,riding,partner,lang,comment,status,field:occupation,consent:organiser,"), "{header}");
    assert!(header.contains("consent:partner:ligue,consent:partner:ligue:at,consent:partner:ligue:wording"));
    assert!(csv.contains(",'=1+1,"), "formulas are defused: {csv}");
    assert!(csv.contains("lea@example.org") && csv.contains(",Nurse,"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // --partner: only those who consented to that partner, with only that consent.
    let run = export(CAMPAIGN, Some("ligue"));
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let partner_csv = std::fs::read_to_string(&out).expect("export");
    assert!(!partner_csv.lines().next().unwrap().contains("consent:organiser"));
    let given =
        env.count("SELECT COUNT(DISTINCT signature_id) FROM consents WHERE organisation = 'partner:ligue'").await;
    assert_eq!(partner_csv.lines().count() as i64, given + 1);
    let club = export(CAMPAIGN, Some("club"));
    assert!(club.status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 1, "no one consented to the Club");
    let nope = export("nope", None);
    assert!(!nope.status.success());

    // Tokens: printed once, stored hashed; the admin API needs one.
    let created = env.voix(&["token", "create", "--name", "test"]);
    assert!(created.status.success(), "{}", String::from_utf8_lossy(&created.stderr));
    let token = String::from_utf8(created.stdout).unwrap().trim().to_owned();
    assert!(token.starts_with("voix_") && token.len() > 40);
    let stored: String = sqlx::query_scalar("SELECT token_hash FROM admin_tokens WHERE name = 'test'")
        .fetch_one(&env.pool)
        .await
        .unwrap();
    assert_ne!(stored, token);
    assert_eq!(stored, voix_core::petition::sha256_hex(token.as_bytes()));
    assert!(!env.voix(&["token", "create", "--name", "test"]).status.success(), "names are unique");
    let bearer = format!("Bearer {token}");
    let list = env.get("/api/admin/campaigns", &[("authorization", &bearer)]).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.json()[0]["id"], CAMPAIGN);
    assert_eq!(list.json()[0]["stats"]["total"], json!(signers));
    for headers in [vec![], vec![("authorization", "Bearer voix_wrong")], vec![("authorization", "Basic x")]] {
        let reply = env.get("/api/admin/campaigns", &headers).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(reply.json()["code"], "token_needed");
    }
    let export =
        env.get("/api/admin/campaigns/petition-campaign/export.csv?partner=ligue", &[("authorization", &bearer)]).await;
    assert_eq!(export.status, StatusCode::OK);
    assert_eq!(export.header("content-type"), Some("text/csv; charset=utf-8"));
    assert_eq!(String::from_utf8(export.body.to_vec()).unwrap(), partner_csv);

    // A withdrawal: a new ledger row; the person leaves the partner's export, the earlier rows stay.
    let before = ledger(env).await;
    let withdrawals = "/api/admin/campaigns/petition-campaign/withdrawals";
    let body = serde_json::to_vec(&json!({"email": "twins@example.org", "organisation": "partner:ligue"})).unwrap();
    let headers = [("authorization", bearer.as_str()), ("content-type", "application/json")];
    let reply = env.request("POST", withdrawals, &headers, body).await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json(), json!({"recorded": true}));
    let after = ledger(env).await;
    assert_eq!(after.len(), before.len() + 1);
    assert!(before.iter().all(|row| after.contains(row)), "nothing overwritten");
    assert!(after.iter().any(|row| row.2 == "partner:ligue" && row.3 == "withdrawn"));
    let export =
        env.get("/api/admin/campaigns/petition-campaign/export.csv?partner=ligue", &[("authorization", &bearer)]).await;
    let text = String::from_utf8(export.body.to_vec()).unwrap();
    assert_eq!(text.lines().count(), partner_csv.lines().count() - 1);
    assert!(!text.contains("twins@example.org"));
    let body = serde_json::to_vec(&json!({"email": "nobody@example.org", "organisation": "organiser"})).unwrap();
    assert_eq!(env.request("POST", withdrawals, &headers, body).await.json(), json!({"recorded": false}));
    let body = serde_json::to_vec(&json!({"email": "twins@example.org", "organisation": "partner:nope"})).unwrap();
    assert_eq!(env.request("POST", withdrawals, &headers, body).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    let body = serde_json::to_vec(&json!({"email": "twins@example.org", "organisation": "organiser"})).unwrap();
    let anonymous = env.request("POST", withdrawals, &[("content-type", "application/json")], body).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);

    // Listing shows names and dates, never a token or its hash; a revoked token is refused at once.
    let listed = env.voix(&["token", "list"]);
    assert!(listed.status.success(), "{}", String::from_utf8_lossy(&listed.stderr));
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.lines().any(|line| line.starts_with("test\tcreated 20")), "{listed}");
    assert!(!listed.contains(&token) && !listed.contains(&stored), "{listed}");
    let revoked = env.voix(&["token", "revoke", "test"]);
    assert!(revoked.status.success(), "{}", String::from_utf8_lossy(&revoked.stderr));
    assert_eq!(env.get("/api/admin/campaigns", &[("authorization", &bearer)]).await.status, StatusCode::UNAUTHORIZED);
    let unknown = env.voix(&["token", "revoke", "test"]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no token is named \"test\""));
    assert!(!String::from_utf8(env.voix(&["token", "list"]).stdout).unwrap().contains("test\t"));

    // Forget: the person is gone everywhere, the counts stay.
    let total = env.total().await;
    let forgot = env.voix(&["forget", "LEA@example.org"]);
    assert!(forgot.status.success(), "{}", String::from_utf8_lossy(&forgot.stderr));
    let said = String::from_utf8(forgot.stdout).unwrap();
    assert!(said.contains("Removed 1 signature(s) (campaigns: petition-campaign), 3 consent record(s)"), "{said}");
    assert_eq!(env.count("SELECT COUNT(*) FROM signatures WHERE email = 'lea@example.org'").await, 0);
    let left = env
        .count("SELECT COUNT(*) FROM consents c LEFT JOIN signatures s ON s.id = c.signature_id WHERE s.id IS NULL")
        .await;
    assert_eq!(left, 0, "no consent row outlives its signature");
    assert_eq!(env.total().await, total, "anonymous counts are kept");
    let again = env.voix(&["forget", "lea@example.org"]);
    assert!(String::from_utf8(again.stdout).unwrap().contains("nothing to remove"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_petition_api_on_sqlite() {
    let env = Env::sqlite().await;
    scenarios(&env).await;
    // SQLite runs in WAL mode with synchronous FULL (2): every commit is on disk.
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&env.pool).await.unwrap();
    assert_eq!(mode, "wal");
    let sync: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(&env.pool).await.unwrap();
    assert_eq!(sync, 2);
}

/// A fresh database on the test cluster, so that each run starts empty.
async fn fresh_postgres() -> Option<Database> {
    let Some(url) = std::env::var("VOIX_TEST_POSTGRES_URL").ok().filter(|url| !url.is_empty()) else {
        eprintln!("note: VOIX_TEST_POSTGRES_URL is not set, so the PostgreSQL petition test is skipped");
        return None;
    };
    sqlx::any::install_default_drivers();
    let name = format!("voix_petition_{}", voix_server::ids::random_id());
    let admin = AnyPool::connect(&url).await.expect("connect to PostgreSQL");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.expect("create database");
    admin.close().await;
    let (base, _) = url.rsplit_once('/').expect("a database in the URL");
    Some(Database::Postgres { url: format!("{base}/{name}") })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_petition_api_on_postgres() {
    let Some(database) = fresh_postgres().await else { return };
    let env = Env::new(Some(database), cheap()).await;
    scenarios(&env).await;
}

#[tokio::test]
async fn rate_limits_per_address_and_per_email() {
    let env = Env::new(None, PetitionSettings { rate_per_email: 2, ..cheap() }).await;
    for n in 0..2 {
        let reply = env.post_json(SIGN, None, &env.submission("busy@example.org", &key(70 + n)).await).await;
        assert_eq!(reply.status, StatusCode::OK);
    }
    let reply = env.post_json(SIGN, None, &env.submission("Busy@Example.org", &key(72)).await).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "the third from one email in an hour");
    assert_eq!(reply.json()["code"], "too_many_attempts");
    let wait: u64 = reply.header("retry-after").unwrap().parse().unwrap();
    assert!(wait > 60 && wait <= 1800, "{wait}");
    assert_eq!(reply.json()["retry_after"], json!(wait));
    // Without a solved challenge, attempts do not use up the person's allowance.
    let mut free = env.submission("calm@example.org", &key(75)).await;
    free["altcha"] = json!(null);
    for _ in 0..3 {
        assert_eq!(env.post_json(SIGN, None, &free).await.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let other = env.post_json(SIGN, None, &env.submission("calm@example.org", &key(73)).await).await;
    assert_eq!(other.status, StatusCode::OK, "another email is not limited");

    // Per address (192.0.2.1 in these requests): 3 a minute, challenges and submissions alike.
    let env = Env::new(None, PetitionSettings { rate_per_ip: 3, ..cheap() }).await;
    let body = env.submission("ip@example.org", &key(74)).await; // 1
    assert_eq!(env.get(ALTCHA, &[]).await.status, StatusCode::OK); // 2
    assert_eq!(env.post_json(SIGN, None, &body).await.status, StatusCode::OK); // 3
    let reply = env.get(ALTCHA, &[]).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let reply = env.post_json(LETTERS, None, &json!({"targets": ["own_mp"], "channel": "print"})).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(reply.header("retry-after"), Some("20"));
}

#[tokio::test]
async fn behind_a_proxy_a_forged_forwarded_line_buys_no_more_requests() {
    let env = Env::new(None, PetitionSettings { rate_per_ip: 3, proxy_hops: 1, ..cheap() }).await;
    // The client sends a different X-Forwarded-For line each time; the proxy adds its own line with the address
    // it saw (203.0.113.9).
    let mut statuses = Vec::new();
    for i in 0..20 {
        let forged = format!("198.51.100.{i}");
        let reply = env.get(ALTCHA, &[("x-forwarded-for", &forged), ("x-forwarded-for", "203.0.113.9")]).await;
        statuses.push(reply.status.as_u16());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 3, "{statuses:?}");
    assert!(statuses[3..].iter().all(|s| *s == 429), "{statuses:?}");
    // Forged entries on the proxy's own line (appended after them) fare no better.
    let reply = env.get(ALTCHA, &[("x-forwarded-for", "198.51.100.99, 203.0.113.9")]).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let another = env.get(ALTCHA, &[("x-forwarded-for", "198.51.100.99, 203.0.113.10")]).await;
    assert_eq!(another.status, StatusCode::OK, "another real client has its own limit");

    // An IPv6 client rotating through its /64 is one client.
    let rotated: Vec<u16> = forwarded_statuses(&env, (1..=6).map(|i| format!("2001:db8:1:2::{i:x}"))).await;
    assert_eq!(rotated, [200, 200, 200, 429, 429, 429]);
    let neighbour = env.get(ALTCHA, &[("x-forwarded-for", "2001:db8:1:3::1")]).await;
    assert_eq!(neighbour.status, StatusCode::OK, "the next /64 is someone else");
}

#[tokio::test]
async fn counting_letters_is_capped_per_client_address() {
    let env = Env::new(None, PetitionSettings { proxy_hops: 1, ..cheap() }).await;
    let count_from = |address: &'static str| count_letter_from(&env, address);
    let per_day = voix_server::petition::LETTER_COUNTS_PER_DAY;
    for _ in 0..per_day {
        assert_eq!(count_from("203.0.113.5").await.status, StatusCode::OK);
    }
    let refused = count_from("203.0.113.5").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.header("retry-after").is_some());
    assert_eq!(count_from("203.0.113.6").await.status, StatusCode::OK, "another client counts its own");
    let counted = env.count("SELECT COALESCE(SUM(letters), 0) FROM letter_counts").await;
    assert_eq!(counted, i64::from(per_day) + 1);
}

/// Counts a printed letter, forwarded for `address`.
async fn count_letter_from(env: &Env, address: &str) -> Reply {
    let body = serde_json::to_vec(&json!({"targets": ["own_mp"], "channel": "print"})).expect("json");
    env.request("POST", LETTERS, &[("content-type", "application/json"), ("x-forwarded-for", address)], body).await
}

/// The statuses of challenge requests forwarded for each address in turn.
async fn forwarded_statuses(env: &Env, addresses: impl Iterator<Item = String>) -> Vec<u16> {
    let mut statuses = Vec::new();
    for address in addresses {
        statuses.push(env.get(ALTCHA, &[("x-forwarded-for", &address)]).await.status.as_u16());
    }
    statuses
}

#[tokio::test]
async fn weakened_protection_is_said_and_defaults_are_strong() {
    assert!(!PetitionSettings::default().weakened());
    assert!(cheap().weakened());
    let help = Command::new(env!("CARGO_BIN_EXE_voix")).args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("--altcha-max-number") && help.contains("--rate-per-ip") && help.contains("--trusted-proxy"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_load_generator_prints_one_parseable_line() {
    let env = Env::new(None, PetitionSettings { rate_per_ip: 0, rate_per_email: 0, ..cheap() }).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().unwrap();
    let service = env.app.clone().into_make_service_with_connect_info::<SocketAddr>();
    let server = tokio::spawn(async move { axum::serve(listener, service).await });
    let url = format!("http://{addr}");
    let output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_voix-load"))
            .args(["--url", &url, "--campaign", CAMPAIGN, "--partner", "ligue", "--concurrency", "8"])
            .args(["--requests", "200", "--warmup", "20", "--altcha-max", "20", "--label", "test"])
            .output()
            .expect("run voix-load")
    })
    .await
    .unwrap();
    server.abort();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let line = String::from_utf8(output.stdout).unwrap();
    let fields: std::collections::HashMap<&str, &str> = line
        .trim()
        .strip_prefix("voix-load ")
        .expect("the prefix")
        .split(' ')
        .filter_map(|f| f.split_once('='))
        .collect();
    assert_eq!(fields["label"], "test");
    assert_eq!(fields["signatures"], "200");
    assert_eq!(fields["errors"], "0");
    assert_eq!(fields["concurrency"], "8");
    for key in ["seconds", "rate", "p50_ms", "p90_ms", "p99_ms", "max_ms"] {
        assert!(fields[key].parse::<f64>().unwrap() > 0.0, "{key} in {line}");
    }
    assert_eq!(env.total().await, 220, "warm-up and timed signatures are all recorded");
    let consents = env.count("SELECT COUNT(*) FROM consents").await;
    assert_eq!(consents, 440, "each ticks the organiser's and the League's boxes");
}
