//! A real SMTP server on loopback for tests: speaks enough of RFC 5321 for lettre (EHLO, MAIL, RCPT, DATA, RSET,
//! NOOP, QUIT), keeps every accepted message, and answers RCPT with scripted failures (a 4xx a few times, or a
//! 5xx always) for the recipients a test names.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// One accepted message.
#[derive(Clone, Debug)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    /// The message as sent, dot-unstuffed, with CRLF line ends.
    pub data: String,
}

/// A scripted answer to `RCPT TO` for addresses containing `pattern`.
struct Rule {
    pattern: String,
    reply: String,
    /// How many more times to answer so (`None`: always).
    remaining: Option<usize>,
}

#[derive(Clone, Default)]
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    rules: Arc<Mutex<Vec<Rule>>>,
    /// How long to wait, after keeping a message, before answering its DATA (to kill a client mid-delivery).
    data_delay: Arc<Mutex<std::time::Duration>>,
}

impl SmtpSink {
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
        let port = listener.local_addr().expect("its address").port();
        let sink = SmtpSink { port, ..SmtpSink::default() };
        let serving = sink.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let sink = serving.clone();
                tokio::spawn(async move { sink.session(socket).await });
            }
        });
        sink
    }

    /// Answers RCPT for matching addresses with `reply` (e.g. "451 4.3.0 try later") `times` times, then accepts.
    pub fn fail_times(&self, pattern: &str, reply: &str, times: usize) {
        self.rules.lock().unwrap().push(Rule { pattern: pattern.into(), reply: reply.into(), remaining: Some(times) });
    }

    /// Answers RCPT for matching addresses with `reply` (e.g. "550 5.1.1 no such mailbox") every time.
    pub fn always_fail(&self, pattern: &str, reply: &str) {
        self.rules.lock().unwrap().push(Rule { pattern: pattern.into(), reply: reply.into(), remaining: None });
    }

    /// Keeps each message as soon as its data is in, then waits `delay` before the final "250" (a client killed
    /// meanwhile never learns that the message was accepted).
    #[allow(dead_code)] // Only the restart test holds replies back.
    pub fn delay_data_reply(&self, delay: std::time::Duration) {
        *self.data_delay.lock().unwrap() = delay;
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits up to `seconds` for at least `count` messages.
    pub async fn wait_for(&self, count: usize, seconds: u64) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(seconds);
        loop {
            let received = self.received();
            if received.len() >= count || tokio::time::Instant::now() > deadline {
                return received;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }

    fn rcpt_reply(&self, address: &str) -> String {
        let mut rules = self.rules.lock().unwrap();
        for rule in rules.iter_mut() {
            if address.contains(&rule.pattern) {
                match &mut rule.remaining {
                    None => return rule.reply.clone(),
                    Some(0) => continue,
                    Some(n) => {
                        *n -= 1;
                        return rule.reply.clone();
                    }
                }
            }
        }
        "250 2.1.5 OK".into()
    }

    async fn session(self, socket: tokio::net::TcpStream) {
        let (reader, mut writer) = socket.into_split();
        let mut lines = BufReader::new(reader);
        let _ = writer.write_all(b"220 sink.test ESMTP\r\n").await;
        let (mut from, mut to) = (String::new(), Vec::new());
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                return;
            }
            let command = line.trim_end().to_owned();
            let verb = command.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
            let answer = match verb.as_str() {
                "EHLO" => "250-sink.test\r\n250-8BITMIME\r\n250 SMTPUTF8".to_owned(),
                "HELO" | "NOOP" => "250 OK".to_owned(),
                "MAIL" => {
                    from = command[10..].trim().to_owned();
                    to.clear();
                    "250 2.1.0 OK".to_owned()
                }
                "RCPT" => {
                    let address = command[8..].trim().to_owned();
                    let answer = self.rcpt_reply(&address);
                    if answer.starts_with('2') {
                        to.push(address);
                    }
                    answer
                }
                "DATA" if to.is_empty() => "554 5.5.1 no valid recipients".to_owned(),
                "DATA" => {
                    let _ = writer.write_all(b"354 end with .\r\n").await;
                    let mut data = String::new();
                    loop {
                        line.clear();
                        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                            return;
                        }
                        if line == ".\r\n" || line == ".\n" {
                            break;
                        }
                        data.push_str(line.strip_prefix('.').unwrap_or(&line));
                    }
                    self.received.lock().unwrap().push(Received { mail_from: from.clone(), rcpt_to: to.clone(), data });
                    let delay = *self.data_delay.lock().unwrap();
                    if !delay.is_zero() {
                        tokio::time::sleep(delay).await;
                    }
                    "250 2.0.0 queued".to_owned()
                }
                "RSET" => {
                    from.clear();
                    to.clear();
                    "250 OK".to_owned()
                }
                "QUIT" => {
                    let _ = writer.write_all(b"221 bye\r\n").await;
                    return;
                }
                _ => "502 5.5.2 not implemented".to_owned(),
            };
            if writer.write_all(format!("{answer}\r\n").as_bytes()).await.is_err() {
                return;
            }
        }
    }
}
