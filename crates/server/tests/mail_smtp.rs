//! Sending through a real SMTP exchange on loopback: headers (From with the sender's name, Reply-To, Message-ID),
//! French text encoded and decoded intact, plain text + HTML alternative, and 4xx/5xx told apart.

#[path = "support/smtp_sink.rs"]
mod smtp_sink;

use lettre::message::Mailbox;
use smtp_sink::SmtpSink;
use voix_core::email::{letter_for_target, LetterForTarget};
use voix_core::{Campaign, Lang};
use voix_server::mail::{Envelope, Mailer, SendError, SmtpArgs, TlsMode};

fn campaign() -> Campaign {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../campaigns/lawful-access.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the example campaign")).expect("valid")
}

fn args(port: u16) -> SmtpArgs {
    SmtpArgs {
        smtp_host: Some("127.0.0.1".into()),
        smtp_port: Some(port),
        smtp_tls: TlsMode::None,
        smtp_username: None,
        smtp_password: None,
        smtp_from: Some("lettres@action.example.org".into()),
    }
}

fn letter() -> voix_core::email::Email {
    letter_for_target(
        &campaign(),
        Lang::Fr,
        &LetterForTarget {
            subject: "Projet de loi C-22 : une lettre de Notre-Dame-de-Grâce",
            body: "Madame, Monsieur,\n\nJe m'inquiète des métadonnées conservées un an.\n\nLéa Béland-Côté",
            sender_name: "Léa Béland-Côté",
            postal_code: "H4A 1T2",
            riding: Some("Notre-Dame-de-Grâce—Westmount"),
        },
    )
}

#[tokio::test]
async fn a_letter_reaches_the_smtp_server_with_the_right_headers_and_intact_french() {
    let sink = SmtpSink::start().await;
    let mailer = Mailer::from_args(&args(sink.port)).expect("valid settings").expect("a mailer");
    let to: Mailbox = "Jane Doe <jane.doe@parl.gc.ca>".parse().expect("mailbox");
    let reply_to: Mailbox = "Léa Béland-Côté <lea@example.org>".parse().expect("mailbox");
    let message_id = mailer
        .send(&letter(), &Envelope { to: &[to], from_name: "Léa Béland-Côté", reply_to: Some(reply_to) })
        .await
        .expect("accepted");

    let received = sink.wait_for(1, 5).await;
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].mail_from, "<lettres@action.example.org>");
    assert_eq!(received[0].rcpt_to, vec!["<jane.doe@parl.gc.ca>".to_owned()]);

    let parsed = mailparse::parse_mail(received[0].data.as_bytes()).expect("a MIME message");
    let header =
        |name: &str| parsed.headers.iter().find(|h| h.get_key_ref().eq_ignore_ascii_case(name)).map(|h| h.get_value());
    assert_eq!(header("From").as_deref(), Some("Léa Béland-Côté <lettres@action.example.org>"));
    assert_eq!(header("Reply-To").as_deref(), Some("Léa Béland-Côté <lea@example.org>"));
    assert_eq!(header("Message-ID"), Some(format!("<{message_id}>")));
    assert!(message_id.ends_with("@action.example.org"));
    assert_eq!(header("Subject").as_deref(), Some("Projet de loi C-22 : une lettre de Notre-Dame-de-Grâce"));
    // Headers on the wire are ASCII: the accents travel encoded.
    let raw_headers = received[0].data.split("\r\n\r\n").next().unwrap_or_default();
    assert!(raw_headers.is_ascii(), "{raw_headers}");

    assert_eq!(parsed.ctype.mimetype, "multipart/alternative");
    let plain = parsed.subparts.iter().find(|p| p.ctype.mimetype == "text/plain").expect("a text part");
    let html = parsed.subparts.iter().find(|p| p.ctype.mimetype == "text/html").expect("an HTML part");
    let text = plain.get_body().expect("decodable");
    assert!(text.contains("Je m'inquiète des métadonnées conservées un an."), "{text}");
    assert!(text.contains("Code postal\u{a0}: H4A 1T2"), "{text}");
    assert!(text.contains("Circonscription\u{a0}: Notre-Dame-de-Grâce—Westmount"), "{text}");
    assert!(html.get_body().expect("decodable").contains("<html lang=\"fr\">"));
}

#[tokio::test]
async fn a_4xx_is_temporary_and_a_5xx_permanent() {
    let sink = SmtpSink::start().await;
    sink.fail_times("busy@", "451 4.3.0 try again later", 1);
    sink.always_fail("gone@", "550 5.1.1 no such mailbox");
    let mailer = Mailer::from_args(&args(sink.port)).expect("valid").expect("a mailer");
    let send = |address: &'static str| {
        let mailer = mailer.clone();
        async move {
            let to: Mailbox = address.parse().expect("mailbox");
            mailer.send(&letter(), &Envelope { to: &[to], from_name: "Léa", reply_to: None }).await
        }
    };
    let first = send("busy@parl.gc.ca").await;
    assert!(matches!(&first, Err(SendError::Temporary(reason)) if reason.contains("451")), "{first:?}");
    assert!(send("busy@parl.gc.ca").await.is_ok(), "accepted on the retry");
    let gone = send("gone@parl.gc.ca").await;
    assert!(matches!(&gone, Err(SendError::Permanent(reason)) if reason.contains("550")), "{gone:?}");
    assert_eq!(sink.received().len(), 1);
}

#[tokio::test]
async fn an_unreachable_server_is_a_temporary_failure() {
    // A port nothing listens on: bind one, then close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    let mailer = Mailer::from_args(&args(port)).expect("valid").expect("a mailer");
    let to: Mailbox = "jane.doe@parl.gc.ca".parse().expect("mailbox");
    let result = mailer.send(&letter(), &Envelope { to: &[to], from_name: "Léa", reply_to: None }).await;
    assert!(matches!(result, Err(SendError::Temporary(_))), "{result:?}");
}

#[test]
fn settings_are_checked() {
    let mut settings = args(25);
    settings.smtp_from = None;
    assert!(Mailer::from_args(&settings).is_err(), "no sending address");
    settings.smtp_from = Some("not an address".into());
    assert!(Mailer::from_args(&settings).is_err());
    settings.smtp_from = Some("lettres@action.example.org".into());
    settings.smtp_username = Some("voix".into());
    assert!(Mailer::from_args(&settings).is_err(), "a user name without a password");
    settings.smtp_host = None;
    assert!(Mailer::from_args(&settings).expect("no SMTP is fine").is_none());
}
