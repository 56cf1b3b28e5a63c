//! The server's public address, taken from `--public-url` alone: every link in an email (confirm a letter or a
//! signature, withdraw consent) starts with it. It is never taken from a request: a forged `Host` header would
//! otherwise make the real server email a genuine link to the attacker's site, and a mail scanner that prefetches
//! it would hand the token over.
//!
//! With SMTP configured `voix serve` does not start without one; it must be `https://`, except on this machine
//! (`localhost`, `127.0.0.0/8`, `[::1]`), where nothing crosses a network.

use std::fmt;
use std::net::IpAddr;
use voix_core::Lang;

/// An absolute `http(s)://host[:port][/path]` URL, without a trailing slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl(String);

/// Why a `--public-url` cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PublicUrlProblem {
    /// SMTP is configured, and no `--public-url` was given.
    Missing,
    /// Not an `http(s)://host…` URL, or with a query, fragment or user name.
    Malformed(String),
    /// `http://` to a host that is not this machine.
    NotHttps(String),
}

/// The longest URL accepted (links must fit in an email line comfortably).
const MAX_LEN: usize = 200;

impl PublicUrl {
    /// Reads `--public-url`.
    pub fn parse(text: &str) -> Result<PublicUrl, PublicUrlProblem> {
        let text = text.trim();
        let malformed = || PublicUrlProblem::Malformed(text.to_owned());
        if text.len() > MAX_LEN || text.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(malformed());
        }
        let (https, rest) = match (text.strip_prefix("https://"), text.strip_prefix("http://")) {
            (Some(rest), _) => (true, rest),
            (None, Some(rest)) => (false, rest),
            (None, None) => return Err(malformed()),
        };
        if rest.contains(['?', '#', '@', '\\']) {
            return Err(malformed());
        }
        let (authority, path) = rest.split_once('/').map_or((rest, ""), |(a, p)| (a, p));
        let host = host_of(authority).ok_or_else(malformed)?;
        if !https && !is_loopback(host) {
            return Err(PublicUrlProblem::NotHttps(text.to_owned()));
        }
        let path = path.trim_end_matches('/');
        let scheme = if https { "https" } else { "http" };
        let url = if path.is_empty() {
            format!("{scheme}://{}", authority.to_ascii_lowercase())
        } else {
            format!("{scheme}://{}/{path}", authority.to_ascii_lowercase())
        };
        Ok(PublicUrl(url))
    }

    /// `--public-url` of `voix serve`, required when the server sends email.
    pub fn required(text: Option<&str>) -> Result<PublicUrl, PublicUrlProblem> {
        match text.map(str::trim) {
            None | Some("") => Err(PublicUrlProblem::Missing),
            Some(text) => PublicUrl::parse(text),
        }
    }

    /// The URL of `path` (which starts with `/`) on this server.
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The host of `host[:port]` (brackets kept off an IPv6 literal), if it is well formed.
fn host_of(authority: &str) -> Option<&str> {
    let (host, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (host, after) = rest.split_once(']')?;
            host.parse::<std::net::Ipv6Addr>().ok()?;
            (host, after.strip_prefix(':'))
        }
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    if let Some(port) = port {
        port.parse::<u16>().ok().filter(|port| *port > 0)?;
    }
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let ok = authority.starts_with('[') || host.split('.').all(label_ok);
    ok.then_some(host)
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl PublicUrlProblem {
    /// One line for the administrator, saying why and what to give.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PublicUrlProblem::Missing, Lang::En) => "--public-url is required when Voix sends email (--smtp-host): \
                 the links in confirmation emails must point at this server's public address, which is never \
                 taken from a request; give it, e.g. --public-url https://action.example.org"
                .to_owned(),
            (PublicUrlProblem::Missing, Lang::Fr) => "--public-url est obligatoire quand Voix envoie des courriels \
                 (--smtp-host)\u{a0}: les liens des courriels de confirmation doivent mener à l'adresse publique \
                 de ce serveur, qui n'est jamais tirée d'une requête\u{a0}; indiquez-la, par exemple \
                 --public-url https://action.example.org"
                .to_owned(),
            (PublicUrlProblem::Malformed(url), Lang::En) => format!(
                "--public-url {url:?} is not a URL of the form https://host[:port][/path] (no query, fragment or \
                 user name)"
            ),
            (PublicUrlProblem::Malformed(url), Lang::Fr) => format!(
                "--public-url {url:?} n'est pas une adresse de la forme https://hôte[:port][/chemin] (sans \
                 requête, fragment ni nom d'utilisateur)"
            ),
            (PublicUrlProblem::NotHttps(url), Lang::En) => format!(
                "--public-url {url:?} must start with https://: the links it makes carry confirmation tokens \
                 (http:// is accepted only for localhost, 127.0.0.1 or [::1])"
            ),
            (PublicUrlProblem::NotHttps(url), Lang::Fr) => format!(
                "--public-url {url:?} doit commencer par https://\u{a0}: ses liens portent des jetons de \
                 confirmation (http:// n'est accepté que pour localhost, 127.0.0.1 ou [::1])"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls_are_kept_without_a_trailing_slash() {
        assert_eq!(
            PublicUrl::parse("https://action.example.org/").map(|u| u.0),
            Ok("https://action.example.org".into())
        );
        assert_eq!(
            PublicUrl::parse("https://Action.Example.org:8443/voix/").map(|u| u.0),
            Ok("https://action.example.org:8443/voix".into())
        );
        let url = PublicUrl::parse("https://action.example.org").expect("valid");
        assert_eq!(url.join("/confirm/abc"), "https://action.example.org/confirm/abc");
    }

    #[test]
    fn plain_http_is_only_for_this_machine() {
        for local in ["http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "http://127.0.0.2"] {
            assert!(PublicUrl::parse(local).is_ok(), "{local}");
        }
        assert_eq!(
            PublicUrl::parse("http://action.example.org"),
            Err(PublicUrlProblem::NotHttps("http://action.example.org".into()))
        );
        assert!(matches!(PublicUrl::parse("http://10.0.0.1"), Err(PublicUrlProblem::NotHttps(_))));
    }

    #[test]
    fn anything_else_is_refused_by_name() {
        for bad in [
            "action.example.org",
            "ftp://action.example.org",
            "https://",
            "https://user@action.example.org",
            "https://evil.example\\@action.example.org",
            "https://action.example.org/?next=x",
            "https://action.example.org/#x",
            "https://action.example.org:0",
            "https://action.example.org:99999",
            "https://act ion.example.org",
            "https://action.example.org\r\nBcc: x@y",
            "https://-bad.example.org",
        ] {
            assert!(matches!(PublicUrl::parse(bad), Err(PublicUrlProblem::Malformed(_))), "{bad}");
        }
        assert_eq!(PublicUrl::required(None), Err(PublicUrlProblem::Missing));
        assert_eq!(PublicUrl::required(Some(" ")), Err(PublicUrlProblem::Missing));
    }

    #[test]
    fn the_refusal_says_why_in_both_languages() {
        assert!(PublicUrlProblem::Missing.message(Lang::En).contains("never taken from a request"));
        assert!(PublicUrlProblem::Missing.message(Lang::Fr).contains("jamais tirée d'une requête"));
        let not_https = PublicUrlProblem::NotHttps("http://a.example".into());
        assert!(not_https.message(Lang::En).contains("must start with https://"));
        assert!(not_https.message(Lang::Fr).contains("doit commencer par https://"));
    }
}
