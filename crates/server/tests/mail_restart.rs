//! The delivery queue survives `kill -9` of the real `voix serve` mid-delivery: the SMTP sink keeps each letter
//! but holds back its "250"; the process is killed while it waits, started again on the same database, and every
//! confirmed letter reaches its recipient. Delivery is at least once: a letter the sink had kept before the kill
//! is sent again after the lease expires, with the same Message-ID, so each letter has exactly one Message-ID.

mod common;
#[allow(dead_code)] // Not every helper of the sink is used here.
#[path = "support/smtp_sink.rs"]
mod smtp_sink;
#[path = "support/voix_process.rs"]
mod voix_process;

use common::Fixture;
use smtp_sink::SmtpSink;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};
use voix_process::{http_post, offer_server_letters, solved_altcha, start};

fn header(data: &str, name: &str) -> String {
    let parsed = mailparse::parse_mail(data.as_bytes()).expect("MIME");
    parsed
        .headers
        .iter()
        .find(|h| h.get_key_ref().eq_ignore_ascii_case(name))
        .map(|h| h.get_value())
        .unwrap_or_default()
}

fn confirm_path(data: &str) -> String {
    let parsed = mailparse::parse_mail(data.as_bytes()).expect("MIME");
    let text =
        parsed.subparts.iter().find(|p| p.ctype.mimetype == "text/plain").expect("text").get_body().expect("body");
    let start = text.find("https://voix.test/confirm/").expect("a link");
    text[start..].split_whitespace().next().expect("link").trim_start_matches("https://voix.test").to_owned()
}

async fn letters_sent(data: &Path) -> i64 {
    use sqlx::{ConnectOptions, Connection};
    let mut connection = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(data.join("voix.db"))
        .read_only(true)
        .connect()
        .await
        .expect("open the database");
    let sent = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE kind = 'letter' AND status = 'sent'")
        .fetch_one(&mut connection)
        .await
        .expect("count");
    connection.close().await.expect("close");
    sent
}

#[tokio::test]
async fn every_confirmed_letter_is_delivered_once_across_a_kill_and_restart() {
    let fixture = Fixture::new();
    offer_server_letters(&fixture);
    let sink = SmtpSink::start().await;
    let (server, addr) = start(&fixture, sink.port, &[]);

    const LETTERS: usize = 4;
    const RECIPIENTS: [&str; 2] = ["jane.doe@parl.gc.ca", "john.roe@parl.gc.ca"];
    for i in 0..LETTERS {
        let altcha = solved_altcha(&addr);
        let letter = serde_json::json!({
            "sender_name": format!("Sender {i}"), "email": format!("sender{i}@example.org"), "postal_code": "H4A 1T2",
            "fed_num": 24052, "subject": "Bill C-22", "body": format!("Letter number {i}."), "lang": "en",
            "recipients": RECIPIENTS.iter().map(|e| serde_json::json!({"email": e})).collect::<Vec<_>>(),
            "altcha": altcha,
        });
        let status =
            http_post(&addr, "/api/campaigns/test-campaign/letters/server", "application/json", &letter.to_string());
        assert_eq!(status, 202);
    }
    let confirmations = sink.wait_for(LETTERS, 20).await;
    assert_eq!(confirmations.len(), LETTERS);

    // The sink now keeps letters but answers only after 30 s: the process is killed while waiting.
    sink.delay_data_reply(Duration::from_secs(30));
    for confirmation in &confirmations {
        assert_eq!(http_post(&addr, &confirm_path(&confirmation.data), "application/x-www-form-urlencoded", ""), 200);
    }
    let kept = sink.wait_for(LETTERS + 1, 20).await.len() - LETTERS;
    assert!(kept >= 1, "a letter was mid-delivery");
    drop(server); // SIGKILL
    assert_eq!(letters_sent(&fixture.data()).await, 0, "none was marked sent before the kill");

    sink.delay_data_reply(Duration::ZERO);
    let (_server, _addr) = start(&fixture, sink.port, &[]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while letters_sent(&fixture.data()).await < (LETTERS * RECIPIENTS.len()) as i64 {
        assert!(Instant::now() < deadline, "every letter delivered after the restart");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    let letters: Vec<_> = sink.received().into_iter().skip(LETTERS).collect();
    let mut ids: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for letter in &letters {
        let body = mailparse::parse_mail(letter.data.as_bytes()).expect("MIME").subparts[0].get_body().expect("body");
        let number = body.split("Letter number ").nth(1).and_then(|rest| rest.split('.').next()).expect("numbered");
        ids.entry((number.to_owned(), letter.rcpt_to[0].clone()))
            .or_default()
            .insert(header(&letter.data, "Message-ID"));
    }
    assert_eq!(ids.len(), LETTERS * RECIPIENTS.len(), "every confirmed letter reached every recipient");
    assert!(ids.values().all(|set| set.len() == 1), "one Message-ID per letter: {ids:?}");
    println!(
        "kill -9 mid-delivery: {} letters kept by the sink before the kill; {} messages in all for {} letters \
         ({} resent with their Message-ID)",
        kept,
        letters.len(),
        ids.len(),
        letters.len() - ids.len()
    );
}
