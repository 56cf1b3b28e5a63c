//! Server delivery of letters against a real SMTP server on loopback, on SQLite: the confirmation flow
//! (a prefetching GET confirms nothing), headers of the letter as an MP's office receives it, retries on 4xx,
//! permanent failure on 5xx with the sender's notice, hourly caps, test mode, withdrawal reflected in the export,
//! purge, and the queue's throughput.
//!
//! The worker is driven round by round (`queue::round`) so every step is deterministic.

mod common;
#[allow(dead_code)] // Not every helper of the sink is used here.
#[path = "support/smtp_sink.rs"]
mod smtp_sink;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use common::Fixture;
use http_body_util::BodyExt;
use smtp_sink::{Received, SmtpSink};
use sqlx::Row;
use std::sync::Arc;
use tower::ServiceExt;
use voix_server::mail::queue::{self, Queued};
use voix_server::mail::{Mail, MailConfig, MailSettings, SmtpArgs, TlsMode};
use voix_server::{app, AppState};

const PUBLIC: &str = "https://voix.test";

struct Setup {
    _fixture: Fixture,
    state: AppState,
    mail: Arc<Mail>,
    app: Router,
    sink: SmtpSink,
}

async fn setup(tune: impl FnOnce(&mut MailSettings)) -> Setup {
    setup_on(None, tune).await
}

/// With `postgres`, on that (throwaway) PostgreSQL database, its email tables emptied first.
async fn setup_on(postgres: Option<String>, tune: impl FnOnce(&mut MailSettings)) -> Setup {
    setup_with(postgres, 0, tune).await
}

/// `rate_per_ip`: the petition's per-address limit (0: none).
async fn setup_with(postgres: Option<String>, rate_per_ip: u32, tune: impl FnOnce(&mut MailSettings)) -> Setup {
    let fixture = Fixture::new();
    let path = fixture.campaigns().join("test-campaign.json");
    let mut campaign: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("campaign")).expect("JSON");
    campaign["letter"]["send"] = serde_json::json!(["copy", "server"]);
    campaign["letter"]["targets"] = common::test_targets();
    campaign["petition"]["confirm_by_email"] = serde_json::json!(true);
    std::fs::write(&path, campaign.to_string()).expect("campaign written");
    let sink = SmtpSink::start().await;
    let mut settings = MailSettings { public_url: Some(PUBLIC.into()), ..MailSettings::default() };
    tune(&mut settings);
    let mut config = fixture.config();
    config.data_file = fixture.write_directory(&common::TEST_MPS);
    config.petition.rate_per_ip = rate_per_ip;
    config.petition.altcha_max_number = 20;
    config.petition.altcha_cost = 1;
    if let Some(url) = postgres {
        config.database = voix_server::db::Database::Postgres { url };
    }
    config.mail = Some(MailConfig {
        smtp: SmtpArgs {
            smtp_host: Some("127.0.0.1".into()),
            smtp_port: Some(sink.port),
            smtp_tls: TlsMode::None,
            smtp_username: None,
            smtp_password: None,
            smtp_from: Some("lettres@action.example.org".into()),
        },
        settings,
    });
    let state = AppState::load(&config).await.expect("state");
    for table in ["outbox", "letter_requests", "withdrawal_requests"] {
        sqlx::query(&format!("DELETE FROM {table}")).execute(&state.db).await.expect("empty");
    }
    let mail = state.mail.clone().expect("mail configured");
    let app = app(state.clone());
    Setup { _fixture: fixture, state, mail, app, sink }
}

impl Setup {
    async fn request(&self, request: Request<Body>) -> (StatusCode, String) {
        let response = self.app.clone().oneshot(request).await.expect("response");
        let status = response.status();
        let body = response.into_body().collect().await.expect("body").to_bytes();
        (status, String::from_utf8_lossy(&body).into_owned())
    }

    async fn get(&self, uri: &str) -> (StatusCode, String) {
        self.request(Request::get(uri).body(Body::empty()).expect("request")).await
    }

    async fn post(&self, uri: &str, content_type: &str, body: String) -> (StatusCode, String) {
        self.request(Request::post(uri).header("content-type", content_type).body(Body::from(body)).expect("request"))
            .await
    }

    async fn submit(&self, sender: &str, recipients: &[(&str, &str)]) -> StatusCode {
        let letter = self.letter_json(sender, recipients);
        self.post("/api/campaigns/test-campaign/letters/server", "application/json", letter).await.0
    }

    /// A letter as the widget sends it, with a freshly solved proof of work.
    fn letter_json(&self, sender: &str, recipients: &[(&str, &str)]) -> String {
        let mut letter = letter_value(sender, recipients);
        letter["altcha"] = self.solved_altcha();
        letter.to_string()
    }

    fn solved_altcha(&self) -> serde_json::Value {
        let challenge = self.state.petition.altcha.challenge().expect("a challenge");
        voix_core::petition::altcha::solve(&challenge, 20).expect("solvable").expect("solved")
    }

    /// Rounds of the worker until nothing is due (once the work requests left behind is done).
    async fn drain(&self) {
        self.state.background.idle().await;
        while queue::round(&self.state, &self.mail).await.expect("a round") > 0 {}
    }

    /// Makes every queued row due now (instead of waiting for its backoff).
    async fn make_due(&self) {
        sqlx::query("UPDATE outbox SET next_attempt_at = 0 WHERE status = 'queued'")
            .execute(&self.state.db)
            .await
            .expect("update");
    }

    async fn scalar(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.state.db).await.expect("query")
    }

    /// Submits a letter, delivers its confirmation email and returns the link in it.
    async fn submit_and_get_link(&self, sender: &str, recipients: &[(&str, &str)]) -> String {
        let before = self.sink.received().len();
        assert_eq!(self.submit(sender, recipients).await, StatusCode::ACCEPTED);
        self.drain().await;
        let received = self.sink.received();
        assert_eq!(received.len(), before + 1, "one confirmation email");
        link_in(&received[before], "/confirm/")
    }
}

/// A letter without its proof of work. The names given with each recipient are what a client might send: the
/// server ignores them. The riding is that of the first recipient who is a test MP.
fn letter_value(sender: &str, recipients: &[(&str, &str)]) -> serde_json::Value {
    let fed_num = recipients.iter().find_map(|(_, email)| common::fed_num_of(email));
    let recipients: Vec<_> =
        recipients.iter().map(|(name, email)| serde_json::json!({"name": name, "email": email})).collect();
    serde_json::json!({
        "sender_name": "Léa Béland-Côté",
        "email": sender,
        "postal_code": "h4a 1t2",
        "fed_num": fed_num,
        "subject": "Projet de loi C-22 : une lettre de Notre-Dame-de-Grâce",
        "body": "Madame, Monsieur,\n\nJe m'inquiète des métadonnées conservées un an.\n\nLéa Béland-Côté",
        "recipients": recipients,
        "lang": "fr",
    })
}

fn text_of(received: &Received) -> String {
    let parsed = mailparse::parse_mail(received.data.as_bytes()).expect("MIME");
    let plain = parsed.subparts.iter().find(|p| p.ctype.mimetype == "text/plain").expect("a text part");
    plain.get_body().expect("decodable")
}

fn header_of(received: &Received, name: &str) -> Option<String> {
    let parsed = mailparse::parse_mail(received.data.as_bytes()).expect("MIME");
    parsed.headers.iter().find(|h| h.get_key_ref().eq_ignore_ascii_case(name)).map(|h| h.get_value())
}

/// The path of the first link in the email's text that contains `marker` (e.g. "/confirm/").
fn link_in(received: &Received, marker: &str) -> String {
    let text = text_of(received);
    let start = text.find(&format!("{PUBLIC}{marker}")).unwrap_or_else(|| panic!("a link in {text}"));
    let link = text[start..].split_whitespace().next().expect("the link");
    link.trim_start_matches(PUBLIC).to_owned()
}

#[tokio::test]
async fn a_letter_goes_out_only_after_the_post_confirms_it_with_the_right_headers() {
    let s = setup(|_| {}).await;
    let link = s
        .submit_and_get_link(
            "Lea@Example.org",
            &[("Jane Doe", "jane.doe@parl.gc.ca"), ("John Roe", "john.roe@parl.gc.ca")],
        )
        .await;
    let confirmation = &s.sink.received()[0];
    assert_eq!(confirmation.rcpt_to, ["<lea@example.org>"]);
    assert!(header_of(confirmation, "Subject").expect("subject").starts_with("Confirmez votre lettre"));
    assert!(text_of(confirmation).contains(&format!("{PUBLIC}/withdraw?campaign=test-campaign&lang=fr")));

    // A mail scanner prefetching the link: a page with a button, nothing confirmed, nothing sent.
    let (status, page) = s.get(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<form method=\"post\""), "{page}");
    assert!(!page.contains("<script"), "no script");
    s.get(&link).await;
    s.drain().await;
    assert_eq!(s.sink.received().len(), 1, "a GET sends nothing");
    assert_eq!(s.scalar("SELECT COUNT(*) FROM letter_requests WHERE status = 'pending'").await, 1);

    let (status, page) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    s.drain().await;
    let received = s.sink.received();
    assert_eq!(received.len(), 3, "one letter per recipient");
    let mut to: Vec<_> = received[1..].iter().map(|r| r.rcpt_to[0].clone()).collect();
    to.sort();
    assert_eq!(to, ["<jane.doe@parl.gc.ca>", "<john.roe@parl.gc.ca>"]);
    let letter = &received[1];
    assert_eq!(letter.mail_from, "<lettres@action.example.org>");
    assert_eq!(header_of(letter, "From").as_deref(), Some("Léa Béland-Côté <lettres@action.example.org>"));
    assert_eq!(header_of(letter, "Reply-To").as_deref(), Some("Léa Béland-Côté <lea@example.org>"));
    assert_eq!(header_of(letter, "Subject").as_deref(), Some("Projet de loi C-22 : une lettre de Notre-Dame-de-Grâce"));
    let raw_headers = letter.data.split("\r\n\r\n").next().unwrap_or_default();
    assert!(raw_headers.is_ascii(), "French travels encoded: {raw_headers}");
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM outbox WHERE kind = 'letter' ORDER BY id")
        .fetch_all(&s.state.db)
        .await
        .expect("ids");
    let message_id = header_of(letter, "Message-ID").expect("Message-ID");
    assert!(ids.iter().any(|id| message_id == format!("<{id}@action.example.org>")), "{message_id} from {ids:?}");
    let text = text_of(letter);
    assert!(text.contains("Je m'inquiète des métadonnées conservées un an."), "{text}");
    assert!(text.contains("Code postal\u{a0}: H4A 1T2"), "{text}");
    assert!(text.contains("Circonscription\u{a0}: Notre-Dame-de-Grâce—Westmount"), "{text}");
    assert!(text.contains("1 Main St, Ottawa ON K1A 0A1"), "the organiser's mailing address: {text}");

    // The link is used: a second POST sends nothing more.
    let (status, _) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    s.drain().await;
    assert_eq!(s.sink.received().len(), 3);
}

#[tokio::test]
async fn only_mps_and_the_campaigns_targets_can_be_written_to() {
    let s = setup(|_| {}).await;
    assert_eq!(s.submit("lea@example.org", &[("Spam", "victim@example.com")]).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(s.submit("not an address", &[("Jane", "jane.doe@parl.gc.ca")]).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox").await, 0);
    let (status, body) = s.get("/api/campaigns/test-campaign/capabilities").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "{\"server_letters\":true}"));
    // Another site's page cannot use this server to send letters.
    let request = Request::post("/api/campaigns/test-campaign/letters/server")
        .header("origin", "https://elsewhere.example")
        .header("content-type", "application/json")
        .body(Body::from(s.letter_json("lea@example.org", &[("Jane", "jane.doe@parl.gc.ca")])))
        .expect("request");
    assert_eq!(s.request(request).await.0, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn forged_identity_fields_are_refused() {
    let s = setup(|_| {}).await;
    let to = [("Jane Doe", "jane.doe@parl.gc.ca")];
    let forged = |field: &str, value: serde_json::Value| {
        let mut letter: serde_json::Value = serde_json::from_str(&s.letter_json("lea@example.org", &to)).expect("JSON");
        letter[field] = value;
        letter.to_string()
    };
    let cases = [
        // The MP of another riding, and a riding that does not exist.
        ("fed_num", serde_json::json!(24017)),
        ("fed_num", serde_json::json!(99999)),
        ("postal_code", serde_json::json!("K1A 0A6\r\nX-Injected: 1")),
        ("postal_code", serde_json::json!("not a code")),
        ("sender_name", serde_json::json!("L\u{e9}a \u{202e}reinrut")),
        ("sender_name", serde_json::json!("L\u{e9}a\u{200b}")),
        ("recipients", serde_json::json!([{"name": "Jane", "email": "\"x@evil.example\"@parl.gc.ca"}])),
        ("recipients", serde_json::json!([{"email": "other.mp@parl.gc.ca"}])),
        ("recipients", serde_json::json!([{"email": "jane.doe@parl.gc.ca"}, {"email": "Jane.Doe@parl.gc.ca"}])),
    ];
    for (field, value) in cases {
        let (status, body) = s
            .post("/api/campaigns/test-campaign/letters/server", "application/json", forged(field, value.clone()))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field} = {value}: {body}");
    }
    assert_eq!(s.scalar("SELECT COUNT(*) FROM letter_requests").await, 0);
}

#[tokio::test]
async fn a_letter_needs_a_fresh_proof_of_work() {
    let s = setup(|_| {}).await;
    let to = [("Jane Doe", "jane.doe@parl.gc.ca")];
    let uri = "/api/campaigns/test-campaign/letters/server";
    let (status, body) = s.post(uri, "application/json", letter_value("lea@example.org", &to).to_string()).await;
    assert_eq!((status, body.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "{\"error\":\"altcha\"}"));
    let solved = s.letter_json("lea@example.org", &to);
    assert_eq!(s.post(uri, "application/json", solved.clone()).await.0, StatusCode::ACCEPTED);
    let (status, body) = s.post(uri, "application/json", solved).await;
    assert_eq!((status, body.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "{\"error\":\"altcha\"}"), "a replay");
    assert_eq!(s.scalar("SELECT COUNT(*) FROM letter_requests").await, 1);
}

#[tokio::test]
async fn recipient_and_riding_names_come_from_the_servers_data_never_the_client() {
    let s = setup(|_| {}).await;
    let mut letter: serde_json::Value = serde_json::from_str(
        &s.letter_json("lea@example.org", &[("Click https://phish.example now", "jane.doe@parl.gc.ca")]),
    )
    .expect("JSON");
    letter["riding"] = serde_json::json!("Your account is locked: https://phish.example");
    let john = serde_json::json!({"name": "Win a prize", "email": "John.Roe@parl.gc.ca"});
    letter["recipients"].as_array_mut().expect("a list").push(john);
    let (status, body) =
        s.post("/api/campaigns/test-campaign/letters/server", "application/json", letter.to_string()).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    s.drain().await;
    let confirmation = text_of(&s.sink.received()[0]);
    assert!(confirmation.contains("Jane Doe") && confirmation.contains("John Roe"), "{confirmation}");
    assert!(!confirmation.contains("phish") && !confirmation.contains("prize"), "{confirmation}");
    let (riding, recipients): (String, String) =
        sqlx::query_as("SELECT riding, recipients FROM letter_requests").fetch_one(&s.state.db).await.expect("row");
    assert_eq!(riding, "Notre-Dame-de-Grâce—Westmount");
    assert!(!recipients.contains("phish") && recipients.contains("john.roe@parl.gc.ca"), "{recipients}");
}

#[tokio::test]
async fn a_4xx_is_retried_with_backoff_until_delivered_once() {
    let s = setup(|settings| settings.mail_retry_base_secs = 30).await;
    s.sink.fail_times("busy@", "451 4.3.0 try again later", 2);
    let link = s.submit_and_get_link("lea@example.org", &[("Busy MP", "busy@parl.gc.ca")]).await;
    s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    s.drain().await;
    let row = sqlx::query(
        "SELECT status, attempts, next_attempt_at - created_at, last_error FROM outbox WHERE kind = 'letter'",
    )
    .fetch_one(&s.state.db)
    .await
    .expect("row");
    assert_eq!(row.get::<String, _>(0), "queued");
    assert_eq!(row.get::<i64, _>(1), 1);
    assert!(row.get::<i64, _>(2) >= 30, "waits the base backoff");
    assert!(row.get::<String, _>(3).contains("451"));
    s.make_due().await;
    s.drain().await;
    let wait: i64 = s.scalar("SELECT next_attempt_at - created_at FROM outbox WHERE kind = 'letter'").await;
    assert!(wait >= 60, "the second wait doubles: {wait}");
    s.make_due().await;
    s.drain().await;
    assert_eq!(s.scalar("SELECT attempts FROM outbox WHERE kind = 'letter' AND status = 'sent'").await, 3);
    let letters = s.sink.received().iter().filter(|r| r.rcpt_to == ["<busy@parl.gc.ca>"]).count();
    assert_eq!(letters, 1);
}

#[tokio::test]
async fn a_5xx_fails_for_good_and_the_sender_gets_their_letter_back() {
    let s = setup(|_| {}).await;
    s.sink.always_fail("gone@", "550 5.1.1 no such mailbox");
    let link = s.submit_and_get_link("lea@example.org", &[("Gone MP", "gone@parl.gc.ca")]).await;
    s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    s.drain().await;
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'failed'").await, 1);
    let received = s.sink.received();
    assert_eq!(received.len(), 2, "the confirmation, then the notice");
    let notice = &received[1];
    assert_eq!(notice.rcpt_to, ["<lea@example.org>"]);
    assert!(header_of(notice, "Subject").expect("subject").starts_with("Votre lettre n'a pas pu être livrée"));
    let text = text_of(notice);
    assert!(text.contains("550"), "{text}");
    assert!(text.contains("Je m'inquiète des métadonnées"), "the letter itself: {text}");
}

#[tokio::test]
async fn hourly_caps_defer_letters_without_dropping_them() {
    let s = setup(|settings| settings.mail_cap_office = 1).await;
    let mut links = Vec::new();
    for sender in ["a@example.org", "b@example.org"] {
        links.push(s.submit_and_get_link(sender, &[("Jane Doe", "jane.doe@parl.gc.ca")]).await);
    }
    for link in links {
        s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    }
    s.drain().await;
    assert_eq!(s.sink.received().iter().filter(|r| r.rcpt_to == ["<jane.doe@parl.gc.ca>"]).count(), 1);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'queued'").await, 1);
    assert_eq!(s.scalar("SELECT attempts FROM outbox WHERE kind = 'letter' AND status = 'queued'").await, 0);

    let s = setup(|settings| settings.mail_cap_sender = 1).await;
    let link = s
        .submit_and_get_link("a@example.org", &[("Jane", "jane.doe@parl.gc.ca"), ("John", "john.roe@parl.gc.ca")])
        .await;
    s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    s.drain().await;
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'sent'").await, 1);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'queued'").await, 1);
}

#[tokio::test]
async fn test_mode_delivers_every_letter_to_the_organiser() {
    let s = setup(|settings| settings.mail_test_mode = true).await;
    let link = s
        .submit_and_get_link("lea@example.org", &[("Jane", "jane.doe@parl.gc.ca"), ("John", "john.roe@parl.gc.ca")])
        .await;
    s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    s.drain().await;
    let received = s.sink.received();
    assert_eq!(received.len(), 2);
    assert_eq!(received[1].rcpt_to, ["<info@example.org>"]);
    assert!(header_of(&received[1], "Subject").expect("subject").starts_with("[TEST] "));
    let text = text_of(&received[1]);
    assert!(text.contains("MODE TEST") && text.contains("jane.doe@parl.gc.ca") && text.contains("john.roe@parl.gc.ca"));
    assert!(!received.iter().any(|r| r.rcpt_to.iter().any(|to| to.contains("parl.gc.ca"))));
}

/// The host of every confirmation or withdrawal link in an email's text.
fn hosts_linked(received: &Received) -> Vec<String> {
    let text = text_of(received);
    text.split_whitespace()
        .filter(|word| word.contains("/confirm/") || word.contains("/withdraw"))
        .filter_map(|word| word.split_once("://").map(|(_, rest)| rest.split('/').next().unwrap_or("").to_owned()))
        .collect()
}

#[tokio::test]
async fn a_forged_host_header_never_reaches_the_links_in_an_email() {
    let s = setup(|_| {}).await;
    let forged = |uri: &str, content_type: &str, body: String| {
        Request::post(uri)
            .header("host", "phish.example")
            .header("x-forwarded-host", "phish.example")
            .header("content-type", content_type)
            .body(Body::from(body))
            .expect("request")
    };
    let letter = s.letter_json("lea@example.org", &[("Jane Doe", "jane.doe@parl.gc.ca")]);
    let (status, _) =
        s.request(forged("/api/campaigns/test-campaign/letters/server", "application/json", letter)).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    // The withdrawal form too (lea@example.org is now an address the server holds).
    let form = "email=lea%40example.org&campaign=test-campaign&lang=fr".to_owned();
    let (status, _) = s.request(forged("/withdraw", "application/x-www-form-urlencoded", form)).await;
    assert_eq!(status, StatusCode::OK);
    s.drain().await;
    let received = s.sink.received();
    assert_eq!(received.len(), 2, "a letter confirmation and a withdrawal confirmation");
    for email in &received {
        assert!(!email.data.contains("phish.example"), "{}", email.data);
        let hosts = hosts_linked(email);
        assert!(!hosts.is_empty() && hosts.iter().all(|host| host == "voix.test"), "{hosts:?}");
    }
    let has_link = |marker: &str| received.iter().any(|email| text_of(email).contains(&format!("{PUBLIC}{marker}")));
    assert!(has_link("/confirm/") && has_link("/withdraw/"), "both links point at --public-url");
    let stored: String =
        sqlx::query_scalar("SELECT public_url FROM letter_requests").fetch_one(&s.state.db).await.expect("row");
    assert_eq!(stored, PUBLIC);
}

#[tokio::test]
async fn withdrawal_appends_a_withdrawn_row_once_confirmed_and_the_export_shows_it() {
    let s = setup(|_| {}).await;
    let pool = &s.state.db;
    // A signer with the organiser's consent (as the petition API records it).
    let secret = voix_server::personal_data::email_secret(pool).await.expect("secret");
    let key = voix_server::personal_data::email_key(&secret, "lea@example.org");
    sqlx::query(
        "INSERT INTO signatures (id, campaign_id, email_key, email, first_name, last_name, postal_code, riding, \
         partner_id, lang, comment, answers, status, signed_at, consent_entries) \
         VALUES ('s1', 'test-campaign', $1, 'lea@example.org', 'Léa', 'Béland', 'H4A 1T2', NULL, NULL, 'fr', NULL, \
         '{}', 'recorded', 1, 1)",
    )
    .bind(&key)
    .execute(pool)
    .await
    .expect("signature");
    sqlx::query("INSERT INTO consent_wordings (version, lang, text, first_recorded_at) VALUES ('w1', 'fr', 'Oui', 1)")
        .execute(pool)
        .await
        .expect("wording");
    sqlx::query(
        "INSERT INTO consents (signature_id, entry, campaign_id, organisation, action, wording_version, lang, \
         site_partner_id, recorded_at) VALUES ('s1', 1, 'test-campaign', 'organiser', 'given', 'w1', 'fr', NULL, 1)",
    )
    .execute(pool)
    .await
    .expect("consent");

    let (status, page) = s.get("/withdraw?campaign=test-campaign&lang=fr").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<label for=\"email\">Adresse courriel</label>"), "{page}");
    let (status, _) = s
        .post(
            "/withdraw",
            "application/x-www-form-urlencoded",
            "email=LEA%40example.org&campaign=test-campaign&lang=fr".into(),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    s.drain().await;
    let received = s.sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].rcpt_to, ["<lea@example.org>"]);
    let link = link_in(&received[0], "/withdraw/");
    s.get(&link).await;
    assert_eq!(s.scalar("SELECT COUNT(*) FROM consents WHERE action = 'withdrawn'").await, 0, "a GET changes nothing");
    let (status, page) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(s.scalar("SELECT COUNT(*) FROM consents WHERE action = 'withdrawn'").await, 1);
    let campaign = &s.state.campaigns.get("test-campaign").expect("campaign").campaign;
    let mut csv = Vec::new();
    voix_server::petition::store::export(pool, campaign, None, &mut csv, |_, _| {}).await.expect("export");
    let csv = String::from_utf8(csv).expect("UTF-8");
    assert!(csv.contains("withdrawn"), "{csv}");
}

#[tokio::test]
async fn purge_deletes_letters_after_retention_and_expires_unconfirmed_ones() {
    let s = setup(|_| {}).await;
    let link = s.submit_and_get_link("lea@example.org", &[("Jane", "jane.doe@parl.gc.ca")]).await;
    s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    s.drain().await;
    s.submit_and_get_link("other@example.org", &[("Jane", "jane.doe@parl.gc.ca")]).await;
    let now = voix_server::ids::now_secs();
    let purged = voix_server::mail::purge::purge(&s.state.db, now).await.expect("purge");
    assert_eq!((purged.letter_bodies_deleted, purged.unconfirmed_expired), (0, 0), "too early");
    let purged = voix_server::mail::purge::purge(&s.state.db, now + 8 * 86400).await.expect("purge");
    assert_eq!((purged.letter_bodies_deleted, purged.unconfirmed_expired), (0, 1));
    let purged = voix_server::mail::purge::purge(&s.state.db, now + 31 * 86400).await.expect("purge");
    assert_eq!(purged.letter_bodies_deleted, 1);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM letter_requests WHERE body <> ''").await, 0);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE body_text <> ''").await, 0);
    // The expired link no longer works.
    let (status, _) = s.get(&link).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn throughput_to_the_loopback_sink() {
    let s = setup(|_| {}).await;
    let email = voix_core::email::Email {
        lang: voix_core::Lang::En,
        subject: "Throughput".into(),
        text: "A letter.\n".into(),
        html: "<p>A letter.</p>".into(),
    };
    const N: usize = 500;
    for i in 0..N {
        let to = format!("mp{i}@parl.gc.ca");
        queue::enqueue(
            &s.state.db,
            &Queued {
                kind: "letter_confirmation",
                campaign_id: "test-campaign",
                request_id: None,
                to_email: &to,
                to_name: "",
                from_name: "Voix",
                reply_to: None,
                cap_sender: None,
                cap_office: None,
                email: &email,
            },
        )
        .await
        .expect("queued");
    }
    let start = std::time::Instant::now();
    s.drain().await;
    let elapsed = start.elapsed().as_secs_f64();
    assert_eq!(s.sink.received().len(), N);
    println!("mail queue throughput: {N} emails in {elapsed:.2} s = {:.0} emails/s", N as f64 / elapsed);
}

/// The queue's SQL on PostgreSQL: the confirmation flow, a 4xx retried, a 5xx failed with the sender's notice, and
/// purge. Runs only when `VOIX_TEST_POSTGRES_URL` is set (a throwaway database).
#[tokio::test]
async fn the_queue_works_on_postgres() {
    let Some(url) = std::env::var("VOIX_TEST_POSTGRES_URL").ok().filter(|url| !url.is_empty()) else {
        eprintln!("note: VOIX_TEST_POSTGRES_URL is not set, so the PostgreSQL test is skipped");
        return;
    };
    let s = setup_on(Some(url), |settings| settings.mail_retry_base_secs = 30).await;
    s.sink.fail_times("busy@", "451 4.3.0 try again later", 1);
    s.sink.always_fail("gone@", "550 5.1.1 no such mailbox");
    let link = s
        .submit_and_get_link(
            "lea@example.org",
            &[("Jane", "jane.doe@parl.gc.ca"), ("Busy", "busy@parl.gc.ca"), ("Gone", "gone@parl.gc.ca")],
        )
        .await;
    s.get(&link).await;
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter'").await, 0, "a GET changes nothing");
    let (status, _) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::OK);
    s.drain().await;
    s.make_due().await;
    s.drain().await;
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'sent'").await, 2);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'failed'").await, 1);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'delivery_failed' AND status = 'sent'").await, 1);
    let now = voix_server::ids::now_secs();
    let purged = voix_server::mail::purge::purge(&s.state.db, now + 31 * 86400).await.expect("purge");
    assert_eq!(purged.letter_bodies_deleted, 1);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE body_text <> ''").await, 0);
}

#[tokio::test]
async fn letters_share_the_per_address_rate_limit() {
    let s = setup_with(None, 2, |_| {}).await;
    let to = [("Jane", "jane.doe@parl.gc.ca")];
    assert_eq!(s.submit("a@example.org", &to).await, StatusCode::ACCEPTED);
    assert_eq!(s.submit("b@example.org", &to).await, StatusCode::ACCEPTED);
    assert_eq!(s.submit("c@example.org", &to).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox").await, 2);
}

#[tokio::test]
async fn one_address_gets_a_few_confirmation_emails_a_day_and_a_huge_letter_is_refused_unread() {
    let s = setup(|_| {}).await;
    let to = [("Jane Doe", "jane.doe@parl.gc.ca")];
    let per_day = voix_core::petition::CONFIRMATIONS_PER_DAY;
    for _ in 0..per_day {
        assert_eq!(s.submit("victim@example.org", &to).await, StatusCode::ACCEPTED);
    }
    let (status, body) = s
        .post(
            "/api/campaigns/test-campaign/letters/server",
            "application/json",
            s.letter_json("Victim@Example.org", &to),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert!(body.contains("confirmations_limited"), "{body}");
    assert_eq!(s.submit("someone.else@example.org", &to).await, StatusCode::ACCEPTED, "another address is free");
    s.drain().await;
    let to_victim = s.sink.received().iter().filter(|r| r.rcpt_to == ["<victim@example.org>"]).count();
    assert_eq!(to_victim, per_day as usize);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM letter_requests").await, i64::from(per_day) + 1);

    // A 1.9 MB letter: refused before it is read, nothing stored or sent.
    let mut huge: serde_json::Value = serde_json::from_str(&s.letter_json("big@example.org", &to)).expect("JSON");
    huge["body"] = serde_json::Value::String("x".repeat(1_900_000));
    let (status, _) = s.post("/api/campaigns/test-campaign/letters/server", "application/json", huge.to_string()).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM letter_requests WHERE sender_email = 'big@example.org'").await, 0);
}

#[tokio::test]
async fn the_withdrawal_form_emails_only_addresses_it_holds_and_is_rate_limited() {
    let s = setup_with(None, 3, |_| {}).await;
    let form = |email: &str| format!("email={email}&campaign=test-campaign&lang=fr");
    let withdraw = |email: &str| s.post("/withdraw", "application/x-www-form-urlencoded", form(email));
    // An address the server has never seen: the same answer, and no email (the form is no way to mail anyone).
    let (status, unknown_page) = withdraw("stranger%40example.org").await;
    assert_eq!(status, StatusCode::OK);
    // A letter's sender is known once the letter is submitted.
    let link = s.submit_and_get_link("lea@example.org", &[("Jane", "jane.doe@parl.gc.ca")]).await;
    assert!(link.contains("/confirm/"));
    let before = s.sink.received().len();
    let (status, known_page) = withdraw("%20Lea%40Example.org").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(known_page, unknown_page, "the page does not say which addresses are known");
    s.drain().await;
    let received = s.sink.received();
    assert_eq!(received.len(), before + 1, "only the known address got an email");
    assert_eq!(received[before].rcpt_to, ["<lea@example.org>"]);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM withdrawal_requests").await, 1);
    // The limit is per connection address and shared with letters: the letter and two requests used it up.
    let (status, page) = withdraw("lea%40example.org").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(page.contains("Trop de demandes sont venues de votre connexion"), "{page}");
    assert_eq!(s.scalar("SELECT COUNT(*) FROM withdrawal_requests").await, 1);
    // An unknown or used link: a title that fits every link, in the reader's language.
    let (status, page) = s.get("/withdraw/0123456789abcdef").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("<h1>This link no longer works</h1>"), "{page}");
}

#[tokio::test]
async fn with_double_opt_in_a_signature_counts_only_once_confirmed() {
    let s = setup(|_| {}).await;
    let (_, challenge) = s.get("/api/campaigns/test-campaign/altcha").await;
    let challenge: serde_json::Value = serde_json::from_str(&challenge).expect("JSON");
    let altcha = voix_core::petition::altcha::solve(&challenge, 20).expect("a challenge").expect("solved");
    let submission = serde_json::json!({
        "campaign": "test-campaign",
        "lang": "fr",
        "fields": {"first_name": "Léa", "last_name": "Roy", "email": "lea@example.org", "postal_code": "K1A 0A6"},
        "consents": [],
        "altcha": altcha,
    });
    let (status, body) =
        s.post("/api/campaigns/test-campaign/signatures", "application/json", submission.to_string()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let total = |body: &str| serde_json::from_str::<serde_json::Value>(body).expect("JSON")["total"].clone();
    assert_eq!(total(&body), 0, "not counted before confirmation");
    let reply: serde_json::Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(reply["pending_confirmation"], true, "the widget asks to check email: {body}");
    assert_eq!(s.scalar("SELECT COUNT(*) FROM signatures WHERE status = 'pending'").await, 1);
    s.drain().await;
    let received = s.sink.received();
    assert_eq!(received.len(), 1);
    assert!(header_of(&received[0], "Subject").expect("subject").starts_with("Confirmez votre signature"));
    let link = link_in(&received[0], "/confirm/");
    let (status, page) = s.get(&link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Confirmer ma signature"), "{page}");
    let (_, stats) = s.get("/api/campaigns/test-campaign/stats").await;
    assert_eq!(total(&stats), 0, "a GET changes nothing");
    let (status, page) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let (_, stats) = s.get("/api/campaigns/test-campaign/stats").await;
    assert_eq!(total(&stats), 1);
    let (status, _) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "counted once");
    let (_, stats) = s.get("/api/campaigns/test-campaign/stats").await;
    assert_eq!(total(&stats), 1);
}

impl Setup {
    /// Signs the test campaign's petition as `email` (a fresh proof of work each time); returns the reply.
    async fn sign(&self, email: &str) -> serde_json::Value {
        let (_, challenge) = self.get("/api/campaigns/test-campaign/altcha").await;
        let challenge: serde_json::Value = serde_json::from_str(&challenge).expect("JSON");
        let altcha = voix_core::petition::altcha::solve(&challenge, 20).expect("a challenge").expect("solved");
        let submission = serde_json::json!({
            "campaign": "test-campaign",
            "lang": "en",
            "fields": {"first_name": "Sam", "last_name": "Roy", "email": email, "postal_code": "K1A 0A6"},
            "consents": [],
            "altcha": altcha,
        });
        let (status, body) =
            self.post("/api/campaigns/test-campaign/signatures", "application/json", submission.to_string()).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        serde_json::from_str(&body).expect("JSON")
    }
}

#[tokio::test]
async fn signing_again_while_unconfirmed_sends_the_link_again_a_few_times_a_day() {
    let s = setup(|_| {}).await;
    let first = s.sign("sam@example.org").await;
    assert_eq!((&first["pending_confirmation"], &first["already_signed"]), (&true.into(), &false.into()));
    s.drain().await;
    assert_eq!(s.sink.received().len(), 1);
    // The first email went astray (a spam folder): the person signs again.
    let again = s.sign("sam@example.org").await;
    assert_eq!(again["pending_confirmation"], true, "told it waits for confirmation, not 'already signed': {again}");
    assert_eq!(again["already_signed"], true);
    s.drain().await;
    assert_eq!(s.sink.received().len(), 2, "the link is sent again");
    for _ in 0..3 {
        assert_eq!(s.sign("sam@example.org").await["pending_confirmation"], true);
    }
    s.drain().await;
    let per_day = voix_core::petition::CONFIRMATIONS_PER_DAY as usize;
    assert_eq!(s.sink.received().len(), per_day, "at most {per_day} a day to one address");
    assert_eq!(s.scalar("SELECT COUNT(*) FROM signatures").await, 1, "one signature all along");
    // The latest link confirms it; counted once.
    let link = link_in(s.sink.received().last().expect("an email"), "/confirm/");
    let (status, _) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM signatures WHERE status = 'confirmed'").await, 1);
    let after = s.sign("sam@example.org").await;
    assert_eq!(after.get("pending_confirmation"), None, "confirmed: nothing more to confirm");
    assert_eq!(after["already_signed"], true);
}

/// Every `table.column` of the live schema whose text holds one of `needles` (case-insensitive): SQLite's
/// catalogue or PostgreSQL's, so that a table added later is walked too.
async fn columns_holding(db: &sqlx::AnyPool, needles: &[&str]) -> Vec<String> {
    let postgres = db.acquire().await.expect("a connection").backend_name() == "PostgreSQL";
    let columns: Vec<(String, String)> = if postgres {
        sqlx::query_as(
            "SELECT table_name::text, column_name::text FROM information_schema.columns \
             WHERE table_schema = current_schema() AND data_type <> 'bytea' ORDER BY table_name, column_name",
        )
        .fetch_all(db)
        .await
        .expect("catalogue")
    } else {
        sqlx::query_as(
            "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND p.type <> 'BLOB' ORDER BY m.name, p.name",
        )
        .fetch_all(db)
        .await
        .expect("catalogue")
    };
    assert!(columns.len() > 40, "the whole schema: {columns:?}");
    let mut found = Vec::new();
    for (table, column) in columns {
        let sql = format!(r#"SELECT LOWER(CAST("{column}" AS TEXT)) FROM "{table}" WHERE "{column}" IS NOT NULL"#);
        let values: Vec<String> = sqlx::query_scalar(&sql).fetch_all(db).await.expect("column values");
        for needle in needles {
            if values.iter().any(|value| value.contains(&needle.to_lowercase())) {
                found.push(format!("{table}.{column} holds {needle:?}"));
            }
        }
    }
    found
}

/// A person who did everything: signed (double opt-in, never confirmed), sent a letter through the server,
/// asked to withdraw; then `voix forget`: their email, name and postal code are nowhere in the database.
async fn forget_leaves_no_trace(s: &Setup) {
    let signed = s.sign("Lea.Trace@example.org").await;
    assert_eq!(signed["pending_confirmation"], true);
    s.drain().await;
    let mut letter: serde_json::Value =
        serde_json::from_str(&s.letter_json("lea.trace@example.org", &[("Jane Doe", "jane.doe@parl.gc.ca")]))
            .expect("JSON");
    letter["sender_name"] = "Léa Tracé-Personne".into();
    letter["postal_code"] = "h4a 9z9".into();
    let (status, _) =
        s.post("/api/campaigns/test-campaign/letters/server", "application/json", letter.to_string()).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    s.drain().await;
    let link = link_in(s.sink.received().last().expect("the confirmation"), "/confirm/");
    s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    let form = "email=lea.trace%40example.org&campaign=test-campaign&lang=en".to_owned();
    s.post("/withdraw", "application/x-www-form-urlencoded", form).await;
    s.drain().await;
    // Someone else, who must stay.
    s.submit_and_get_link("stays@example.org", &[("Jane Doe", "jane.doe@parl.gc.ca")]).await;
    let needles = ["lea.trace@example.org", "Tracé-Personne", "H4A 9Z9"];
    assert!(!columns_holding(&s.state.db, &needles).await.is_empty(), "the walk finds the person before");

    let forgotten = voix_server::personal_data::forget(&s.state.db, " LEA.TRACE@example.org").await.expect("forget");
    assert_eq!(forgotten.campaigns, ["test-campaign"]);
    assert_eq!(forgotten.letters, 1);
    assert_eq!(forgotten.withdrawal_requests, 1);
    assert!(forgotten.emails >= 3, "{forgotten:?}");
    assert_eq!(columns_holding(&s.state.db, &needles).await, Vec::<String>::new());
    assert!(!columns_holding(&s.state.db, &["stays@example.org"]).await.is_empty(), "others are kept");
    let again = voix_server::personal_data::forget(&s.state.db, "lea.trace@example.org").await.expect("forget");
    assert!(again.is_empty());
}

#[tokio::test]
async fn forget_leaves_no_trace_on_sqlite() {
    forget_leaves_no_trace(&setup(|_| {}).await).await;
}

#[tokio::test]
async fn forget_leaves_no_trace_on_postgres() {
    let Some(url) = std::env::var("VOIX_TEST_POSTGRES_URL").ok().filter(|url| !url.is_empty()) else {
        eprintln!("note: VOIX_TEST_POSTGRES_URL is not set, so the PostgreSQL test is skipped");
        return;
    };
    forget_leaves_no_trace(&setup_on(Some(url), |_| {}).await).await;
}

#[tokio::test]
async fn purge_leaves_only_what_the_counts_need() {
    let s = setup(|_| {}).await;
    s.sign("pat.purge@example.org").await;
    s.drain().await;
    let mut letter: serde_json::Value =
        serde_json::from_str(&s.letter_json("pat.purge@example.org", &[("Jane Doe", "jane.doe@parl.gc.ca")]))
            .expect("JSON");
    letter["sender_name"] = "Pat Purgé".into();
    letter["postal_code"] = "k1a 9z9".into();
    s.post("/api/campaigns/test-campaign/letters/server", "application/json", letter.to_string()).await;
    s.drain().await;
    let link = link_in(s.sink.received().last().expect("the confirmation"), "/confirm/");
    s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    s.drain().await;
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'sent'").await, 1);
    // Long after the retention time of the letter and of every confirmation.
    let later = voix_server::ids::now_secs() + 400 * 86_400;
    voix_server::mail::purge::purge(&s.state.db, later).await.expect("purge");
    let needles = ["pat.purge@example.org", "Pat Purgé", "K1A 9Z9"];
    assert_eq!(columns_holding(&s.state.db, &needles).await, Vec::<String>::new());
    assert_eq!(
        s.scalar("SELECT COUNT(*) FROM letter_requests WHERE status = 'confirmed'").await,
        1,
        "the record stays"
    );
}

#[tokio::test]
async fn purge_deletes_signatures_never_confirmed() {
    let s = setup(|_| {}).await;
    sqlx::query(
        "INSERT INTO signatures (id, campaign_id, email_key, email, first_name, last_name, postal_code, riding, \
         partner_id, lang, comment, answers, status, signed_at, consent_entries) \
         VALUES ('old', 'test-campaign', 'k1', 'a@example.org', 'A', 'B', 'K1A 0A6', NULL, NULL, 'en', NULL, '{}', \
         'pending', 1, 0), ('done', 'test-campaign', 'k2', 'b@example.org', 'A', 'B', 'K1A 0A6', NULL, NULL, 'en', \
         NULL, '{}', 'confirmed', 1, 0)",
    )
    .execute(&s.state.db)
    .await
    .expect("signatures");
    let purged = voix_server::mail::purge::purge(&s.state.db, voix_server::ids::now_secs()).await.expect("purge");
    assert_eq!(purged.unconfirmed_signatures_deleted, 1);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM signatures").await, 1);
}

#[tokio::test]
async fn a_corrupt_recipient_list_fails_the_confirmation_and_confirms_nothing() {
    let s = setup(|_| {}).await;
    let link = s.submit_and_get_link("lea@example.org", &[("Jane Doe", "jane.doe@parl.gc.ca")]).await;
    for corrupt in ["not json", "[]", "[{\"name\": \"Jane Doe\"}]"] {
        sqlx::query("UPDATE letter_requests SET recipients = $1")
            .bind(corrupt)
            .execute(&s.state.db)
            .await
            .expect("corrupt the row");
        let (status, _) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR, "{corrupt}");
        assert_eq!(s.scalar("SELECT COUNT(*) FROM letter_requests WHERE status = 'pending'").await, 1, "{corrupt}");
        assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter'").await, 0, "{corrupt}");
    }
    // Repaired, the same link still confirms it.
    sqlx::query("UPDATE letter_requests SET recipients = $1")
        .bind(r#"[{"name": "Jane Doe", "email": "jane.doe@parl.gc.ca"}]"#)
        .execute(&s.state.db)
        .await
        .expect("repair the row");
    let (status, _) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter'").await, 1);
}

#[tokio::test]
async fn an_export_stops_at_a_signature_whose_stored_answers_cannot_be_read() {
    let s = setup(|_| {}).await;
    let pool = &s.state.db;
    s.sign("sam@example.org").await;
    let campaign = &s.state.campaigns.get("test-campaign").expect("campaign").campaign;
    let mut csv = Vec::new();
    let written = voix_server::petition::store::export(pool, campaign, None, &mut csv, |_, _| {}).await;
    assert_eq!(written.expect("a readable row exports"), 1);

    sqlx::query("UPDATE signatures SET answers = 'not json'").execute(pool).await.expect("corrupt the row");
    let id: String = sqlx::query_scalar("SELECT id FROM signatures").fetch_one(pool).await.expect("id");
    let failed = voix_server::petition::store::export(pool, campaign, None, Vec::new(), |_, _| {}).await;
    let message = failed.expect_err("a corrupt row stops the export").to_string();
    assert!(message.contains(&format!("signature {id}: its answers cannot be read")), "{message}");
}

#[tokio::test]
async fn an_unreadable_outbox_row_fails_alone_and_the_others_still_go() {
    let s = setup(|_| {}).await;
    let link = s
        .submit_and_get_link("lea@example.org", &[("Jane", "jane.doe@parl.gc.ca"), ("John", "john.roe@parl.gc.ca")])
        .await;
    let (status, _) = s.post(&link, "application/x-www-form-urlencoded", String::new()).await;
    assert_eq!(status, StatusCode::OK);
    sqlx::query("UPDATE outbox SET lang = 'xx' WHERE kind = 'letter' AND recipient_email = 'john.roe@parl.gc.ca'")
        .execute(&s.state.db)
        .await
        .expect("corrupt one row");
    s.drain().await;
    assert_eq!(s.scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'sent'").await, 1);
    assert_eq!(
        s.scalar("SELECT COUNT(*) FROM outbox WHERE status = 'failed' AND last_error = 'unreadable row'").await,
        1
    );
    let to: Vec<String> = s.sink.received().iter().flat_map(|mail| mail.rcpt_to.clone()).collect();
    assert!(to.contains(&"<jane.doe@parl.gc.ca>".to_owned()) && !to.contains(&"<john.roe@parl.gc.ca>".to_owned()));
}
