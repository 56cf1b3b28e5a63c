//! Checks of single values that every part of Voix shares (a leaf: it depends on nothing else in the crate): the
//! one email address rule (used by `voix check`, the petition's and the server letter's validation in the widget
//! and the server, and the server before it queues an email), ids, web addresses and origins, and whether a
//! mailing address has a postal code. `validate` turns their refusals into messages.

/// Whether `email` is an address the server can send to: `local@domain` with a dot-atom local part (letters,
/// digits, ``!#$%&'*+-/=?^_`{|}~`` and single dots between them; non-ASCII letters too) and a domain of at least
/// two labels of letters, digits and inner hyphens, at most 254 characters in all. Stricter than RFC 5322 (no
/// quoted local parts, no address literals), so that everything it accepts the mail library accepts too (a
/// differential test holds this).
pub fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.rsplit_once('@') else { return false };
    email.len() <= 254 && local.len() <= 64 && is_dot_atom(local) && is_domain(domain)
}

fn is_dot_atom(text: &str) -> bool {
    let atext = |c: char| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    !text.is_empty() && text.split('.').all(|atom| !atom.is_empty() && atom.chars().all(atext))
}

fn is_domain(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels.last().is_some_and(|tld| !tld.chars().all(|c| c.is_ascii_digit()))
}

/// Why a URL was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UrlProblem {
    NotHttps,
    NoHost,
    HasSpaces,
}

/// Why a website origin was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OriginProblem {
    NotHttps,
    NoHost,
    /// Has a path, query or trailing slash; the suggestion is the bare origin.
    HasPath {
        suggestion: String,
    },
    /// Has capital letters; browsers send origins in lower case.
    NotLowercase {
        suggestion: String,
    },
}

/// 1–64 of `a-z`, `0-9`, `-`, not starting or ending with `-`.
pub fn is_slug(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Splits off `https://`; `http://` is allowed only for a loopback host, so that local previews and tests work.
fn split_scheme(text: &str) -> Option<(&'static str, &str)> {
    if let Some(rest) = text.strip_prefix("https://") {
        return Some(("https", rest));
    }
    let rest = text.strip_prefix("http://")?;
    let loopback = ["localhost", "127.0.0.1", "[::1]"].iter().any(|host| {
        rest.strip_prefix(host).is_some_and(|after| after.is_empty() || after.starts_with([':', '/', '?', '#']))
    });
    loopback.then_some(("http", rest))
}

pub fn check_url(url: &str) -> Result<(), UrlProblem> {
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '`')) {
        return Err(UrlProblem::HasSpaces);
    }
    let (_, rest) = split_scheme(url).ok_or(UrlProblem::NotHttps)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(UrlProblem::NoHost);
    }
    Ok(())
}

/// A web origin exactly as browsers send it in the `Origin` header: `https://host[:port]`.
pub fn check_origin(origin: &str) -> Result<(), OriginProblem> {
    let (scheme, rest) = split_scheme(origin.trim()).ok_or(OriginProblem::NotHttps)?;
    let host_and_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host_and_port.is_empty() || host_and_port.starts_with(':') || host_and_port.contains(' ') {
        return Err(OriginProblem::NoHost);
    }
    // Hosts in origins are ASCII (browsers send internationalised names as punycode).
    let bare = format!("{scheme}://{}", host_and_port.to_ascii_lowercase());
    if rest.len() != host_and_port.len() || origin != origin.trim() {
        return Err(OriginProblem::HasPath { suggestion: bare });
    }
    if origin != bare {
        return Err(OriginProblem::NotLowercase { suggestion: bare });
    }
    Ok(())
}

/// Whether a text holds something shaped like a Canadian postal code (A9A 9A9, with or without the space).
/// A mailing address without one is probably incomplete; CASL requires a real mailing address.
pub fn has_postal_code(text: &str) -> bool {
    let chars: Vec<char> = text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '-')).collect();
    chars.windows(6).any(|w| {
        w.iter().enumerate().all(|(i, c)| if i % 2 == 0 { c.is_ascii_alphabetic() } else { c.is_ascii_digit() })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_people_type() {
        for good in ["a@b.ca", "Chris.dEntremont@parl.gc.ca", "o'neil+voix@example.org", "élise@exemple.québec"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "@b.ca",
            "a@.ca",
            "a@b.",
            "a..b@c.ca",
            ".a@c.ca",
            "a.@c.ca",
            "a b@c.ca",
            "a@b c.ca",
            "a@-b.ca",
            "a@b-.ca",
            "a@b..ca",
            "\"a\"@b.ca",
            "a@[127.0.0.1]",
            "a@1.2.3.4",
            "a<b>@c.ca",
            "a,b@c.ca",
            "a@b@c.ca",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(!is_email(&format!("{}@example.ca", "a".repeat(65))));
    }
}
