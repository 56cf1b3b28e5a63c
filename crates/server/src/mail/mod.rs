//! Sending email over SMTP: the configuration `voix serve` takes, and one `send` that turns a
//! [`voix_core::email::Email`] into a MIME message (plain text + HTML alternative, UTF-8) and reports whether a
//! failure is worth retrying.
//!
//! Without `--smtp-host` there is no [`Mailer`], and the server does not offer server delivery.
//!
//! [`queue`] is the durable outbox and its worker, [`routes`] the HTTP side (a letter to send, the confirmation
//! and withdrawal pages), [`purge`] the retention rules (`voix purge`).

pub mod addressees;
pub mod purge;
pub mod queue;
pub mod routes;

use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;
use voix_core::email::Email;

/// How the delivery queue behaves (flags of `voix serve`).
#[derive(Clone, Debug, clap::Args)]
pub struct MailSettings {
    /// The public address of this server, for the links in emails (e.g. "https://action.example.org"): required
    /// with --smtp-host, and https:// except on this machine. Links are never built from a request's headers.
    #[arg(long, env = "VOIX_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Test mode: every letter goes to the organiser's email (the campaign's organiser.email, else the sending
    /// address) instead of its recipients, its subject marked [TEST] and the real recipients listed.
    #[arg(long, env = "VOIX_MAIL_TEST_MODE")]
    pub mail_test_mode: bool,
    /// At most this many letters per sender per hour (more wait, none are dropped).
    #[arg(long, default_value_t = 10)]
    pub mail_cap_sender: u32,
    /// At most this many letters per MP office (recipient address) per hour (more wait).
    #[arg(long, default_value_t = 200)]
    pub mail_cap_office: u32,
    /// Seconds before the first retry of a temporary failure; each later retry waits twice as long (up to an
    /// hour).
    #[arg(long, default_value_t = 60)]
    pub mail_retry_base_secs: u64,
    /// Attempts before a temporary failure counts as permanent.
    #[arg(long, default_value_t = 8)]
    pub mail_max_attempts: u32,
    /// Seconds a worker holds an email it is sending; after that (the process died) it is sent again.
    #[arg(long, default_value_t = 120)]
    pub mail_lease_secs: u64,
    /// Seconds between runs of `voix purge` inside `voix serve` (0: never).
    #[arg(long, default_value_t = 3600)]
    pub purge_every_secs: u64,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            public_url: None,
            mail_test_mode: false,
            mail_cap_sender: 10,
            mail_cap_office: 200,
            mail_retry_base_secs: 60,
            mail_max_attempts: 8,
            mail_lease_secs: 120,
            purge_every_secs: 3600,
        }
    }
}

/// SMTP and queue settings together.
#[derive(Clone)]
pub struct MailConfig {
    pub smtp: SmtpArgs,
    pub settings: MailSettings,
}

/// Leaves the password out.
impl std::fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig").field("host", &self.smtp.smtp_host).field("settings", &self.settings).finish()
    }
}

/// Email's share of the application state.
pub struct Mail {
    pub mailer: Mailer,
    pub settings: MailSettings,
    /// Where every link in an email points (`--public-url`, checked at start-up).
    pub public_url: crate::public_url::PublicUrl,
    /// Wakes the worker when rows are queued.
    pub wake: tokio::sync::Notify,
}

impl std::fmt::Debug for Mail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mail").field("settings", &self.settings).finish()
    }
}

impl Mail {
    /// The mail service the configuration describes, or `None` without an SMTP host. Refused (with the reason in
    /// `lang`) when SMTP is configured without a usable `--public-url`.
    pub fn new(config: &MailConfig, lang: voix_core::Lang) -> Result<Option<Mail>, crate::error::Error> {
        let mailer =
            Mailer::from_args(&config.smtp).map_err(|error| crate::error::Error::Message(error.to_string()))?;
        let Some(mailer) = mailer else { return Ok(None) };
        let public_url = crate::public_url::PublicUrl::required(config.settings.public_url.as_deref())
            .map_err(|problem| crate::error::Error::Message(problem.message(lang)))?;
        Ok(Some(Mail { mailer, settings: config.settings.clone(), public_url, wake: tokio::sync::Notify::new() }))
    }
}

/// SMTP settings of `voix serve` (flags, or the environment variables named beside them).
#[derive(Clone, Debug, clap::Args)]
pub struct SmtpArgs {
    /// The SMTP server. Without it, Voix does not offer to send letters itself.
    #[arg(long, env = "VOIX_SMTP_HOST")]
    pub smtp_host: Option<String>,
    /// The SMTP port (default: 465 with --smtp-tls tls, 587 with starttls, 25 with none).
    #[arg(long, env = "VOIX_SMTP_PORT")]
    pub smtp_port: Option<u16>,
    /// How the connection is encrypted: "tls" (implicit TLS), "starttls" (required upgrade) or "none" (only for a
    /// relay on this machine).
    #[arg(long, env = "VOIX_SMTP_TLS", default_value = "starttls")]
    pub smtp_tls: TlsMode,
    /// The SMTP user name, if the server needs one.
    #[arg(long, env = "VOIX_SMTP_USERNAME")]
    pub smtp_username: Option<String>,
    /// The SMTP password. Prefer the environment variable: flags show in the process list.
    #[arg(long, env = "VOIX_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// The address Voix sends from (the campaign's sending address), e.g. "lettres@action.example.org". The
    /// sender's name is its display name; replies go to the sender.
    #[arg(long, env = "VOIX_SMTP_FROM")]
    pub smtp_from: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TlsMode {
    Tls,
    Starttls,
    None,
}

/// What went wrong with the SMTP settings.
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("--smtp-from is needed with --smtp-host: the address Voix sends from")]
    NoFrom,
    #[error("--smtp-from \"{0}\" is not an email address")]
    BadFrom(String),
    #[error("--smtp-username and --smtp-password go together")]
    HalfCredentials,
    #[error("the SMTP settings could not be used: {0}")]
    Transport(String),
}

/// Why a message was not accepted.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SendError {
    /// Worth trying again later: a 4xx reply, a refused or dropped connection, a timeout.
    #[error("temporary failure: {0}")]
    Temporary(String),
    /// Will never work as is: a 5xx reply, or an address that cannot be written in a message.
    #[error("permanent failure: {0}")]
    Permanent(String),
}

impl SendError {
    pub fn is_temporary(&self) -> bool {
        matches!(self, SendError::Temporary(_))
    }
}

/// A connection pool to the SMTP server and the address Voix sends from.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Address,
}

/// Who an email goes to, and on whose behalf.
pub struct Envelope<'a> {
    pub to: &'a [Mailbox],
    /// The display name beside the sending address: the person's own name for their letter, the organiser's
    /// name for Voix's own emails.
    pub from_name: &'a str,
    /// Where replies go: the person who wrote the letter.
    pub reply_to: Option<Mailbox>,
}

impl Mailer {
    /// The mailer the flags describe, or `None` when no SMTP host is set.
    pub fn from_args(args: &SmtpArgs) -> Result<Option<Mailer>, MailConfigError> {
        let Some(host) = args.smtp_host.as_deref() else {
            return Ok(None);
        };
        let from = args.smtp_from.as_deref().ok_or(MailConfigError::NoFrom)?;
        let from: Address = from.trim().parse().map_err(|_| MailConfigError::BadFrom(from.to_owned()))?;
        let transport_error = |error: lettre::transport::smtp::Error| MailConfigError::Transport(error.to_string());
        let (tls, default_port) = match args.smtp_tls {
            TlsMode::Tls => (Tls::Wrapper(TlsParameters::new(host.to_owned()).map_err(transport_error)?), 465),
            TlsMode::Starttls => (Tls::Required(TlsParameters::new(host.to_owned()).map_err(transport_error)?), 587),
            TlsMode::None => (Tls::None, 25),
        };
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(args.smtp_port.unwrap_or(default_port))
            .tls(tls)
            .timeout(Some(Duration::from_secs(30)));
        match (&args.smtp_username, &args.smtp_password) {
            (Some(user), Some(password)) => {
                builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
            }
            (None, None) => {}
            _ => return Err(MailConfigError::HalfCredentials),
        }
        Ok(Some(Mailer { transport: builder.build(), from }))
    }

    /// The address Voix sends from.
    pub fn from_address(&self) -> &Address {
        &self.from
    }

    /// Sends one email; returns its Message-ID (without angle brackets) once the server accepted it.
    pub async fn send(&self, email: &Email, envelope: &Envelope<'_>) -> Result<String, SendError> {
        let message_id = format!("{}@{}", crate::ids::unique_hex(16), self.from.domain());
        self.send_with_id(email, envelope, &message_id).await?;
        Ok(message_id)
    }

    /// The Message-ID a queued email with this id carries: the same at every attempt, so a resend after a crash
    /// is recognisably the same message.
    pub fn message_id_for(&self, id: &str) -> String {
        format!("{id}@{}", self.from.domain())
    }

    /// Sends one email with the given Message-ID (without angle brackets).
    pub async fn send_with_id(
        &self,
        email: &Email,
        envelope: &Envelope<'_>,
        message_id: &str,
    ) -> Result<(), SendError> {
        let mut builder = Message::builder()
            .from(Mailbox::new(Some(envelope.from_name.trim().to_owned()), self.from.clone()))
            .subject(email.subject.clone())
            .message_id(Some(format!("<{message_id}>")));
        for to in envelope.to {
            builder = builder.to(to.clone());
        }
        if let Some(reply_to) = &envelope.reply_to {
            builder = builder.reply_to(reply_to.clone());
        }
        let body = MultiPart::alternative()
            .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(email.text.clone()))
            .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(email.html.clone()));
        let message = builder.multipart(body).map_err(|error| SendError::Permanent(error.to_string()))?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(error) if error.is_permanent() => Err(SendError::Permanent(error.to_string())),
            Err(error) => Err(SendError::Temporary(error.to_string())),
        }
    }
}
