//! The delivery queue survives `kill -9` of the real `voix serve` mid-delivery: the SMTP sink keeps each letter
//! but holds back its "250"; the process is killed while it waits, started again on the same database, and every
//! confirmed letter reaches its recipient. Delivery is at least once: a letter the sink had kept before the kill
//! is sent again after the lease expires, with the same Message-ID, so each letter has exactly one Message-ID.

mod common;
#[allow(dead_code)] // Not every helper of the sink is used here.
#[path = "support/smtp_sink.rs"]
mod smtp_sink;

use common::Fixture;
use smtp_sink::SmtpSink;
use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(fixture: &Fixture, smtp_port: u16) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_voix"))
        .arg("serve")
        .args(["--addr", "127.0.0.1:0"])
        .arg("--data")
        .arg(fixture.data())
        .arg("--campaigns")
        .arg(fixture.campaigns())
        .arg("--bundle")
        .arg(fixture.bundle())
        .args(["--smtp-host", "127.0.0.1", "--smtp-tls", "none", "--smtp-from", "lettres@action.example.org"])
        .args(["--smtp-port", &smtp_port.to_string()])
        .args(["--public-url", "https://voix.test", "--mail-lease-secs", "2"])
        .arg("--data-file")
        .arg(fixture.write_directory(&common::TEST_MPS))
        .args(["--altcha-max-number", "20", "--altcha-cost", "1"])
        .env_remove("DATABASE_URL")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start voix serve");
    let stdout = child.stdout.take().expect("stdout");
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("Voix is serving on http://") {
                let _ = sender.send(rest.trim_end_matches('/').to_owned());
            }
        }
    });
    let addr = receiver.recv_timeout(Duration::from_secs(60)).expect("the server printed its URL");
    (Server(child), addr)
}

fn http_post(addr: &str, path: &str, content_type: &str, body: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("write");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0)
}

/// The body of a GET's answer.
fn http_get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").expect("write");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default()
}

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
    let path = fixture.campaigns().join("test-campaign.json");
    let mut campaign: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("campaign")).expect("JSON");
    campaign["letter"]["send"] = serde_json::json!(["server"]);
    campaign["letter"]["targets"] = common::test_targets();
    std::fs::write(&path, campaign.to_string()).expect("campaign written");
    let sink = SmtpSink::start().await;
    let (server, addr) = start(&fixture, sink.port);

    const LETTERS: usize = 4;
    const RECIPIENTS: [&str; 2] = ["jane.doe@parl.gc.ca", "john.roe@parl.gc.ca"];
    for i in 0..LETTERS {
        let challenge: serde_json::Value =
            serde_json::from_str(&http_get(&addr, "/api/campaigns/test-campaign/altcha")).expect("a challenge");
        let altcha = voix_core::petition::altcha::solve(&challenge, 20).expect("solvable").expect("solved");
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
    let (_server, _addr) = start(&fixture, sink.port);
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
