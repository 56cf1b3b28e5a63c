//! `voix-load`: a load generator for the petition API. It signs a campaign many times over loopback at a fixed
//! concurrency and prints signatures per second and latency percentiles as one parseable line.
//!
//! ```text
//! voix-load [--url http://127.0.0.1:8080] [--campaign lawful-access] [--partner demo]
//!           [--concurrency 64] [--requests 20000] [--warmup 500] [--altcha-max 1000]
//!           [--postal-code "K1A 0A6"] [--riding 35075] [--label sqlite]
//! ```
//!
//! The server must make the proof of work cheap and lift the rate limits (start-up warns that it does):
//! `voix serve --altcha-max-number 1000 --altcha-cost 1 --rate-per-ip 0 --rate-per-email 0`.
//!
//! What it does: reads the campaign (`/campaigns/{id}.json`) to tick every consent box offered (one ledger row
//! each, as a real signer who consents to all), fetches and solves one challenge per signature beforehand (not
//! timed), then sends the signatures, each with a distinct email and idempotency key, from `--concurrency`
//! keep-alive connections, and times each request from its first byte sent to its reply's last byte read. A
//! signature counts when its reply is 200 with `"already_signed": false`: the server answers only after the
//! transaction holding it is committed, so the rate is of durable signatures.
//!
//! The output line (stdout), one `key=value` per field:
//!
//! ```text
//! voix-load label=sqlite signatures=20000 errors=0 concurrency=64 seconds=3.412 rate=5861.7 p50_ms=10.21 p90_ms=14.02 p99_ms=21.77 max_ms=40.12
//! ```
//!
//! Exit status: 0 when every signature was recorded, 1 when some failed (the line is printed anyway), 2 when the
//! run could not start (server unreachable, campaign missing).

use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use voix_core::petition::{altcha, consent_offers};
use voix_core::{Campaign, Lang};

/// Signs a campaign many times at a fixed concurrency and prints signatures/s and latency percentiles.
#[derive(Debug, Parser)]
#[command(name = "voix-load", about, long_about = None)]
struct Args {
    /// The server (http only).
    #[arg(long, default_value = "http://127.0.0.1:8080")]
    url: String,
    /// The campaign to sign.
    #[arg(long, default_value = "lawful-access")]
    campaign: String,
    /// Sign as on this partner's site (its consent box is ticked too). Default: the campaign's first partner.
    #[arg(long)]
    partner: Option<String>,
    /// Requests in flight at once (one keep-alive connection each).
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Signatures timed.
    #[arg(long, default_value_t = 20_000)]
    requests: usize,
    /// Signatures sent before timing starts (not counted).
    #[arg(long, default_value_t = 500)]
    warmup: usize,
    /// The largest number the server's challenges hide (its --altcha-max-number).
    #[arg(long, default_value_t = 1000)]
    altcha_max: u32,
    /// The signers' postal code.
    #[arg(long, default_value = "K1A 0A6")]
    postal_code: String,
    /// The signers' riding (must be in the postal code's province).
    #[arg(long, default_value_t = 35075)]
    riding: u32,
    /// A word to tell runs apart in the output (e.g. sqlite, postgres).
    #[arg(long, default_value = "run")]
    label: String,
}

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    stream: BufReader<TcpStream>,
    host: String,
}

impl Conn {
    async fn open(host: &str) -> std::io::Result<Conn> {
        let stream = TcpStream::connect(host).await?;
        stream.set_nodelay(true)?;
        Ok(Conn { stream: BufReader::new(stream), host: host.to_owned() })
    }

    /// Sends a request and reads the reply: (status, body).
    async fn send(&mut self, method: &str, path: &str, body: Option<&[u8]>) -> std::io::Result<(u16, Vec<u8>)> {
        let mut request = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\n", self.host);
        if let Some(body) = body {
            request.push_str(&format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len()));
        }
        request.push_str("\r\n");
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(body.unwrap_or_default());
        self.stream.get_mut().write_all(&bytes).await?;
        let mut line = String::new();
        self.stream.read_line(&mut line).await?;
        let status =
            line.split_whitespace().nth(1).and_then(|code| code.parse().ok()).ok_or_else(|| bad("status line"))?;
        let mut length = 0usize;
        loop {
            line.clear();
            if self.stream.read_line(&mut line).await? == 0 {
                return Err(bad("connection closed"));
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().map_err(|_| bad("content-length"))?;
                } else if name.eq_ignore_ascii_case("transfer-encoding") {
                    return Err(bad("chunked replies are not supported"));
                }
            }
        }
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).await?;
        Ok((status, body))
    }
}

fn bad(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("unreadable reply: {what}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("voix-load: {error}");
            return ExitCode::from(2);
        }
    };
    match runtime.block_on(run(args)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("voix-load: {error}");
            ExitCode::from(2)
        }
    }
}

async fn run(args: Args) -> Result<bool, String> {
    let host = args.url.strip_prefix("http://").ok_or("--url must be http://HOST:PORT")?.trim_end_matches('/');
    let host = host.to_owned();
    let mut conn = Conn::open(&host).await.map_err(|error| format!("cannot connect to {host}: {error}"))?;
    let (status, body) = conn
        .send("GET", &format!("/campaigns/{}.json", args.campaign), None)
        .await
        .map_err(|error| format!("cannot read the campaign: {error}"))?;
    if status != 200 {
        return Err(format!("the server does not serve campaign {:?} ({status})", args.campaign));
    }
    let campaign: Campaign = serde_json::from_slice(&body).map_err(|error| format!("the campaign: {error}"))?;
    let partner = match &args.partner {
        Some(id) => Some(campaign.partner(id).ok_or_else(|| format!("the campaign has no partner {id:?}"))?),
        None => campaign.partners.first(),
    };
    let consents: Vec<Value> = consent_offers(&campaign, partner, Lang::En)
        .iter()
        .map(|offer| json!({"to": offer.to, "version": offer.version}))
        .collect();
    let total = args.warmup + args.requests;
    let run_id = voix_server::ids::random_id();
    let run_id = &run_id[..12];

    // Challenges, fetched and solved before the clock starts.
    eprintln!("voix-load: solving {total} challenges…");
    let bodies =
        Arc::new(prepare(&host, &args, &campaign, partner.map(|p| p.id.as_str()), &consents, run_id, total).await?);

    let path = Arc::new(format!("/api/campaigns/{}/signatures", campaign.id));
    let warmup = args.warmup;
    let next = Arc::new(AtomicUsize::new(0));
    let started = Arc::new(std::sync::Mutex::new(None::<Instant>));
    let mut workers = Vec::new();
    for _ in 0..args.concurrency.max(1) {
        let (host, bodies, path, next, started) =
            (host.clone(), bodies.clone(), path.clone(), next.clone(), started.clone());
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            let mut conn = match Conn::open(&host).await {
                Ok(conn) => conn,
                Err(_) => return (latencies, usize::MAX),
            };
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                if index >= bodies.len() {
                    break;
                }
                if index == warmup {
                    if let Ok(mut started) = started.lock() {
                        started.get_or_insert_with(Instant::now);
                    }
                }
                let sent = Instant::now();
                let ok = match conn.send("POST", &path, Some(&bodies[index])).await {
                    Ok((200, body)) => {
                        serde_json::from_slice::<Value>(&body).is_ok_and(|reply| reply["already_signed"] == false)
                    }
                    Ok((status, body)) => {
                        if errors < 3 {
                            eprintln!("voix-load: {status} {}", String::from_utf8_lossy(&body));
                        }
                        false
                    }
                    Err(error) => {
                        eprintln!("voix-load: {error}");
                        match Conn::open(&host).await {
                            Ok(fresh) => conn = fresh,
                            Err(_) => return (latencies, errors + 1),
                        }
                        false
                    }
                };
                if index >= warmup {
                    latencies.push(sent.elapsed());
                    errors += usize::from(!ok);
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::with_capacity(args.requests);
    let mut errors = 0usize;
    for worker in workers {
        let (mut some, failed) = worker.await.map_err(|error| error.to_string())?;
        if failed == usize::MAX {
            return Err(format!("cannot connect to {host}"));
        }
        latencies.append(&mut some);
        errors += failed;
    }
    let elapsed = started.lock().ok().and_then(|started| *started).map_or(Duration::ZERO, |at| at.elapsed());
    latencies.sort_unstable();
    let ms = |q: f64| {
        if latencies.is_empty() {
            return 0.0;
        }
        let index = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[index].as_secs_f64() * 1000.0
    };
    let signed = latencies.len() - errors;
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 { signed as f64 / seconds } else { 0.0 };
    println!(
        "voix-load label={} signatures={signed} errors={errors} concurrency={} seconds={seconds:.3} rate={rate:.1} \
         p50_ms={:.2} p90_ms={:.2} p99_ms={:.2} max_ms={:.2}",
        args.label,
        args.concurrency,
        ms(0.50),
        ms(0.90),
        ms(0.99),
        ms(1.0)
    );
    Ok(errors == 0)
}

/// The request bodies: each a valid submission with a solved challenge.
async fn prepare(
    host: &str,
    args: &Args,
    campaign: &Campaign,
    partner: Option<&str>,
    consents: &[Value],
    run_id: &str,
    total: usize,
) -> Result<Vec<Vec<u8>>, String> {
    let path = format!("/api/campaigns/{}/altcha", campaign.id);
    let mut conn = Conn::open(host).await.map_err(|error| error.to_string())?;
    let mut bodies = Vec::with_capacity(total);
    for index in 0..total {
        {
            let (status, body) = conn.send("GET", &path, None).await.map_err(|error| error.to_string())?;
            if status != 200 {
                return Err(format!(
                    "the challenge was refused ({status}): is the rate limit lifted (--rate-per-ip 0)?"
                ));
            }
            let challenge: Value = serde_json::from_slice(&body).map_err(|error| error.to_string())?;
            let solved = altcha::solve(&challenge, args.altcha_max)
                .map_err(|error| format!("{error:?}"))?
                .ok_or("a challenge was not solved: is --altcha-max the server's --altcha-max-number?")?;
            let mut submission = json!({
                "campaign": campaign.id,
                "lang": "en",
                "fields": {"first_name": "Load", "last_name": "Test", "email": format!("load-{run_id}-{index}@example.org"),
                           "postal_code": args.postal_code},
                "riding": args.riding,
                "consents": consents,
                "idempotency_key": format!("load-{run_id}-{index:010}"),
                "altcha": solved,
            });
            if let Some(partner) = partner {
                submission["partner"] = json!(partner);
            }
            bodies.push(serde_json::to_vec(&submission).map_err(|error| error.to_string())?);
        }
    }
    Ok(bodies)
}
