//! The real `voix serve` (the test build of the binary) with email on a loopback SMTP sink, the fixture's
//! campaigns and the test MPs' riding data, cheap proof of work; and plain HTTP/1.1 over a socket to talk to it.

use super::common::{self, Fixture};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The running process; killed (SIGKILL) when dropped.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn start(fixture: &Fixture, smtp_port: u16, extra: &[&str]) -> (Server, String) {
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
        .args(extra)
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

pub fn http_post(addr: &str, path: &str, content_type: &str, body: &str) -> u16 {
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
pub fn http_get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").expect("write");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response.split_once("\r\n\r\n").map(|(_, body)| body.to_owned()).unwrap_or_default()
}

/// Makes the fixture's test campaign send letters through the server, to the test MPs and the test targets.
pub fn offer_server_letters(fixture: &Fixture) {
    let path = fixture.campaigns().join("test-campaign.json");
    let mut campaign: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("campaign")).expect("JSON");
    campaign["letter"]["send"] = serde_json::json!(["server"]);
    campaign["letter"]["targets"] = common::test_targets();
    std::fs::write(&path, campaign.to_string()).expect("campaign written");
}

/// A solved proof of work from the server at `addr`.
pub fn solved_altcha(addr: &str) -> serde_json::Value {
    let challenge: serde_json::Value =
        serde_json::from_str(&http_get(addr, "/api/campaigns/test-campaign/altcha")).expect("a challenge");
    voix_core::petition::altcha::solve(&challenge, 20).expect("solvable").expect("solved")
}
