//! Checks of single values that every part of Voix shares (a leaf: it depends on nothing else in the crate).
//! Today: the one email address rule, used by `voix check` for campaign addresses, by the petition's and the
//! server letter's validation in the widget and the server, and by the server before it queues an email.

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
