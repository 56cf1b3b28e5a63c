//! Every write path at once, against the real `voix serve` over sockets: signatures (the batched writer), server
//! letters (each stored with its confirmation email queued), the mail worker marking those emails sent, and
//! another process holding a read transaction open on the database file all along. On SQLite a write
//! transaction that began deferred, read, and then found another connection's commit in between failed at once
//! ("database is locked"), and the signer got a 503; every write now takes the lock first and waits its turn.

mod common;
#[allow(dead_code)] // Not every helper of the sink is used here.
#[path = "support/smtp_sink.rs"]
mod smtp_sink;
#[path = "support/voix_process.rs"]
mod voix_process;

use common::Fixture;
use smtp_sink::SmtpSink;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use voix_process::{http_post, offer_server_letters, solved_altcha, start};

const SIGNATURES: usize = 300;
const LETTERS: usize = 150;
/// Clients sending at once.
const CLIENTS: usize = 48;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signatures_and_server_letters_together_never_answer_503() {
    use sqlx::{Connection, Executor};
    let fixture = Fixture::new();
    offer_server_letters(&fixture);
    let sink = SmtpSink::start().await;
    let (_server, addr) = start(&fixture, sink.port, &["--rate-per-ip", "0", "--rate-per-email", "0"]);

    let mut requests: Vec<(&str, String)> = Vec::with_capacity(SIGNATURES + LETTERS);
    for i in 0..SIGNATURES + LETTERS {
        let altcha = solved_altcha(&addr);
        requests.push(if i % 3 == 0 {
            let letter = serde_json::json!({
                "sender_name": format!("Writer {i}"), "email": format!("writer{i}@example.org"),
                "postal_code": "H4A 1T2", "fed_num": 24052, "subject": "Bill C-22", "body": "A letter.",
                "lang": "en", "recipients": [{"email": "jane.doe@parl.gc.ca"}], "altcha": altcha,
            });
            ("/api/campaigns/test-campaign/letters/server", letter.to_string())
        } else {
            let signature = serde_json::json!({
                "campaign": "test-campaign", "lang": "en", "consents": [], "altcha": altcha,
                "idempotency_key": format!("key-{i:016}"),
                "fields": {"first_name": "Sam", "last_name": "Roy", "email": format!("signer{i}@example.org"),
                           "postal_code": "K1A 0A6"},
            });
            ("/api/campaigns/test-campaign/signatures", signature.to_string())
        });
    }

    let file = fixture.data().join("voix.db");
    let mut reader =
        sqlx::sqlite::SqliteConnection::connect(&format!("sqlite://{}?mode=ro", file.display())).await.expect("reader");
    reader.execute("BEGIN").await.expect("begin");
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM signatures").fetch_one(&mut reader).await.expect("read");

    let next = AtomicUsize::new(0);
    let statuses = Mutex::new(BTreeMap::<u16, usize>::new());
    let started = std::time::Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..CLIENTS {
            scope.spawn(|| {
                while let Some((path, body)) = requests.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let status = http_post(&addr, path, "application/json", body);
                    *statuses.lock().expect("statuses").entry(status).or_default() += 1;
                }
            });
        }
    });
    let elapsed = started.elapsed();
    let still: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM signatures").fetch_one(&mut reader).await.expect("read");
    reader.execute("COMMIT").await.expect("commit");
    assert_eq!((before, still), (0, 0), "the outside reader kept its snapshot throughout");
    let count = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql);
    let signed = count("SELECT COUNT(*) FROM signatures").fetch_one(&mut reader).await.expect("count");
    let letters = count("SELECT COUNT(*) FROM letter_requests").fetch_one(&mut reader).await.expect("count");

    let statuses = statuses.into_inner().expect("statuses");
    println!(
        "write contention: {} requests from {CLIENTS} clients in {:.2} s, beside an open reader: {statuses:?}",
        SIGNATURES + LETTERS,
        elapsed.as_secs_f64()
    );
    assert_eq!(statuses, BTreeMap::from([(200, SIGNATURES), (202, LETTERS)]), "no 503 (database is locked)");
    assert_eq!((signed, letters), (SIGNATURES as i64, LETTERS as i64), "every acknowledged write is stored");
    let confirmations = sink.wait_for(LETTERS, 30).await;
    assert_eq!(confirmations.len(), LETTERS, "every accepted letter's confirmation email went out");
}
