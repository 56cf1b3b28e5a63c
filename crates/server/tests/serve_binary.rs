//! `voix serve` as a real process on a free port: it answers `/healthz`, creates the SQLite database with the
//! migration applied (folder 0700, files 0600), logs requests by route template (never a query string or a
//! token), stops cleanly on SIGTERM, and refuses to send email without a public URL of its own.

mod common;

use common::Fixture;
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Kills the server if the test fails before stopping it.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A minimal HTTP/1.1 GET; returns the status code and body.
fn http_get(addr: &str, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    let body = response.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default();
    Ok((status, body))
}

/// `voix serve` on a free port with the fixture's folders and SQLite (never a `DATABASE_URL` of the environment).
fn serve_command(fixture: &Fixture) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_voix"));
    command
        .arg("serve")
        .args(["--addr", "127.0.0.1:0"])
        .arg("--data")
        .arg(fixture.data())
        .arg("--campaigns")
        .arg(fixture.campaigns())
        .arg("--bundle")
        .arg(fixture.bundle())
        .env_remove("DATABASE_URL");
    command
}

/// A confirmation token's shape (64 hex digits).
const TOKEN: &str = "5f2d9c4e8a1b7f3e6d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e";

#[tokio::test]
async fn serve_starts_answers_and_creates_the_database() {
    let fixture = Fixture::new();
    let data = fixture.data();
    assert!(!data.exists());
    let mut child = serve_command(&fixture)
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start voix serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let mut server = Server(child);

    // The server prints its URL once it listens; port 0 means the OS chose a free port.
    let (url_sender, url_receiver) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("Voix is serving on http://") {
                let _ = url_sender.send(rest.trim_end_matches('/').to_owned());
            }
        }
    });
    let logs = thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let addr = url_receiver.recv_timeout(Duration::from_secs(60)).expect("the server printed its URL");

    let deadline = Instant::now() + Duration::from_secs(30);
    let body = loop {
        match http_get(&addr, "/healthz?probe=secret-value") {
            Ok((200, body)) => break body,
            other => {
                assert!(Instant::now() < deadline, "no healthy answer: {other:?}");
                thread::sleep(Duration::from_millis(100));
            }
        }
    };
    let health: serde_json::Value = serde_json::from_str(&body).expect("JSON health");
    assert_eq!(health, serde_json::json!({"status": "ok", "campaigns": 1, "database": "ok"}));
    // Links carry tokens: the log names the route, never the token.
    for path in [format!("/confirm/{TOKEN}"), format!("/withdraw/{TOKEN}")] {
        let (status, _) = http_get(&addr, &path).expect("a page");
        assert!(status == 200 || status == 404 || status == 410, "{path}: {status}");
    }

    // The database file exists, in WAL mode, with the first migration applied and the instance row filled.
    let db_file = data.join("voix.db");
    assert!(db_file.is_file(), "{} was not created", db_file.display());
    let mut db = SqliteConnectOptions::new().filename(&db_file).read_only(true).connect().await.expect("open voix.db");
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut db).await.expect("journal mode");
    assert_eq!(journal, "wal");
    // Readable by the account that runs Voix alone (another local user cannot read a signer's data).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &std::path::Path| std::fs::metadata(path).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&data), 0o700, "the data folder");
        for file in ["voix.db", "voix.db-wal", "voix.db-shm"] {
            let path = data.join(file);
            assert!(path.exists(), "{file} exists while the server runs");
            assert_eq!(mode(&path), 0o600, "{file}");
        }
    }
    let versions: Vec<i64> = sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success ORDER BY version")
        .fetch_all(&mut db)
        .await
        .expect("migrations table");
    assert_eq!(versions.first(), Some(&1));
    let instances: Vec<(String, i64)> =
        sqlx::query_as("SELECT id, created_at FROM instance").fetch_all(&mut db).await.expect("instance table");
    assert_eq!(instances.len(), 1);
    assert_eq!(instances[0].0.len(), 32);
    assert!(instances[0].1 > 1_700_000_000, "created_at is a unix time");
    db.close().await.expect("close");

    // SIGTERM: a graceful stop with status 0.
    #[cfg(unix)]
    {
        let pid = server.0.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().expect("run kill");
        assert!(sent.success());
        let deadline = Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = server.0.try_wait().expect("wait") {
                break status;
            }
            assert!(Instant::now() < deadline, "voix serve did not stop on SIGTERM");
            thread::sleep(Duration::from_millis(50));
        };
        assert!(status.success(), "{status:?}");
    }
    #[cfg(not(unix))]
    drop(server);

    let logs = logs.join().expect("stderr reader");
    assert!(logs.contains("GET /healthz 200"), "one line per request: {logs}");
    assert!(logs.contains("GET /confirm/{token} ") && logs.contains("GET /withdraw/{token} "), "{logs}");
    assert!(!logs.contains(TOKEN), "tokens are never logged: {logs}");
    assert!(!logs.contains("secret-value") && !logs.contains("probe="), "query strings are never logged: {logs}");
    assert!(logs.contains("broken-campaign.json: theme.accent: "), "refused campaigns are explained: {logs}");
}

/// `voix serve` with SMTP and `args`; returns its exit status and what it printed on stderr.
fn serve_with_smtp(args: &[&str], lang: &str) -> (std::process::ExitStatus, String) {
    let fixture = Fixture::new();
    let output = serve_command(&fixture)
        .args(["--smtp-host", "127.0.0.1", "--smtp-tls", "none", "--smtp-from", "lettres@action.example.org"])
        .args(args)
        .env_remove("VOIX_PUBLIC_URL")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .stdin(Stdio::null())
        .output()
        .expect("run voix serve");
    (output.status, String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn sending_email_needs_a_public_url_of_its_own() {
    let (status, stderr) = serve_with_smtp(&[], "en_CA.UTF-8");
    assert!(!status.success());
    assert!(stderr.contains("--public-url is required when Voix sends email"), "{stderr}");
    assert!(stderr.contains("never taken from a request"), "{stderr}");

    let (status, stderr) = serve_with_smtp(&[], "fr_CA.UTF-8");
    assert!(!status.success());
    assert!(stderr.contains("--public-url est obligatoire quand Voix envoie des courriels"), "{stderr}");

    let (status, stderr) = serve_with_smtp(&["--public-url", "http://action.example.org"], "en_CA.UTF-8");
    assert!(!status.success());
    assert!(stderr.contains("must start with https://"), "{stderr}");
}

/// Starts `voix serve` with `args`; returns the process and the address it listens on.
fn start_serve(fixture: &Fixture, args: &[&str]) -> (Server, String) {
    let mut child = serve_command(fixture)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start voix serve");
    let stdout = child.stdout.take().expect("stdout");
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(rest) = line.strip_prefix("Voix is serving on http://") {
                let _ = sender.send(rest.trim_end_matches('/').to_owned());
            }
        }
    });
    let addr = receiver.recv_timeout(Duration::from_secs(60)).expect("the server printed its URL");
    (Server(child), addr)
}

#[test]
fn slow_clients_are_cut_off_and_cannot_crowd_out_others() {
    let fixture = Fixture::new();
    let (_server, addr) = start_serve(&fixture, &["--max-connections", "50", "--header-timeout-secs", "2"]);
    // 300 clients that start a request and never finish its headers.
    let started = Instant::now();
    let mut slow: Vec<TcpStream> = (0..300)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(&addr).ok()?;
            stream.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n").ok()?;
            stream.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
            Some(stream)
        })
        .collect();
    assert!(slow.len() >= 250, "{} connected", slow.len());
    // Within the header timeout and a margin, every one of them is closed by the server…
    for stream in &mut slow {
        let mut buffer = [0u8; 512];
        match stream.read(&mut buffer) {
            // Closed (0 bytes), or told off (408) before closing.
            Ok(_) => {}
            Err(error) if error.kind() == std::io::ErrorKind::ConnectionReset => {}
            Err(error) => panic!("a slow client is still connected: {error}"),
        }
    }
    let cut_after = started.elapsed();
    assert!(cut_after < Duration::from_secs(8), "slow clients held on for {cut_after:?}");
    // …and a real client is answered.
    let (status, _) = http_get(&addr, "/healthz").expect("healthz");
    assert_eq!(status, 200);
    println!("300 slow clients: all closed after {cut_after:?}; /healthz then answered");
}

#[test]
fn a_body_trickled_too_slowly_gets_408() {
    let fixture = Fixture::new();
    let (_server, addr) = start_serve(&fixture, &["--request-timeout-secs", "1"]);
    let mut stream = TcpStream::connect(&addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    let head = "POST /api/campaigns/test-campaign/signatures HTTP/1.1\r\nHost: x\r\n\
                Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"campaign\"";
    stream.write_all(head.as_bytes()).expect("write");
    let started = Instant::now();
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    assert!(response.starts_with("HTTP/1.1 408"), "{response:?}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}
