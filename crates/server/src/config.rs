//! What `voix serve` needs to start, and the language for messages.

use crate::db::Database;
use std::path::PathBuf;
use voix_core::Lang;

/// Where `voix serve`, `voix lookup` and `voix data` find the riding data unless told otherwise.
pub const DEFAULT_DATA_FILE: &str = "./data/canada.json";

/// The server's configuration (from the command line and `DATABASE_URL`).
#[derive(Clone, Debug)]
pub struct Config {
    /// The built widget (`voix.js`, `voix_bg.wasm` and their `.br`/`.gz`), served at `/voix/`.
    pub bundle_dir: PathBuf,
    /// The campaign files (`{id}.json`), served at `/campaigns/{id}.json` when valid.
    pub campaigns_dir: PathBuf,
    /// The riding and MP data (`voix data build` writes it), served at `/data/canada.json`.
    pub data_file: PathBuf,
    pub database: Database,
    /// The language of the campaign problems that start-up logs.
    pub lang: Lang,
    /// The petition's abuse protection.
    pub petition: PetitionSettings,
    /// SMTP and the delivery queue; `None`: the server sends no email and does not offer to send
    /// letters.
    pub mail: Option<crate::mail::MailConfig>,
    /// Connections: how many at once, and how long a client may take.
    pub limits: crate::listen::Limits,
}

/// How hard the petition's abuse protection is. The defaults suit production; tests and the load generator
/// make the proof of work cheap and the rate limits wide, and `voix serve` logs a warning when they do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PetitionSettings {
    /// The ALTCHA challenge's largest secret number: the widget tries on average half as many counters.
    pub altcha_max_number: u32,
    /// SHA-256 rounds per counter tried.
    pub altcha_cost: u32,
    /// Signature and letter submissions per client address per minute (also the burst); 0: no limit.
    pub rate_per_ip: u32,
    /// Signatures per email address per hour (also the burst); 0: no limit.
    pub rate_per_email: u32,
    /// Trusted reverse proxies in front of the server (0: none): the client's address is this many entries from
    /// the end of `X-Forwarded-For` (see `client_ip`).
    pub proxy_hops: u32,
}

impl PetitionSettings {
    pub const DEFAULT_ALTCHA_MAX_NUMBER: u32 = 100_000;
    pub const DEFAULT_ALTCHA_COST: u32 = 5;
    pub const DEFAULT_RATE_PER_IP: u32 = 60;
    pub const DEFAULT_RATE_PER_EMAIL: u32 = 10;

    /// Whether any protection is weaker than the defaults (worth a warning at start-up).
    pub fn weakened(&self) -> bool {
        let defaults = PetitionSettings::default();
        self.altcha_max_number < defaults.altcha_max_number
            || self.altcha_cost < defaults.altcha_cost
            || self.rate_per_ip == 0
            || self.rate_per_email == 0
    }
}

impl Default for PetitionSettings {
    fn default() -> Self {
        PetitionSettings {
            altcha_max_number: Self::DEFAULT_ALTCHA_MAX_NUMBER,
            altcha_cost: Self::DEFAULT_ALTCHA_COST,
            rate_per_ip: Self::DEFAULT_RATE_PER_IP,
            rate_per_email: Self::DEFAULT_RATE_PER_EMAIL,
            proxy_hops: 0,
        }
    }
}

impl Config {
    /// The defaults of `voix serve` with SQLite under `data_dir` (handy for tests).
    pub fn new(
        bundle_dir: impl Into<PathBuf>,
        campaigns_dir: impl Into<PathBuf>,
        data_dir: impl Into<PathBuf>,
    ) -> Self {
        Config {
            bundle_dir: bundle_dir.into(),
            campaigns_dir: campaigns_dir.into(),
            data_file: PathBuf::from(DEFAULT_DATA_FILE),
            database: Database::Sqlite { data_dir: data_dir.into() },
            lang: Lang::En,
            petition: PetitionSettings::default(),
            mail: None,
            limits: crate::listen::Limits::default(),
        }
    }
}

/// The language of the environment: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty;
/// French when it starts with `fr`, otherwise English.
pub fn lang_from_env() -> Lang {
    lang_from_vars(|name| std::env::var(name).ok())
}

/// [`lang_from_env`] with the variables looked up by `var`.
pub fn lang_from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
    let value = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().filter_map(var).find(|value| !value.is_empty());
    value.and_then(|value| Lang::from_tag(&value)).unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang_with(vars: &[(&str, &str)]) -> Lang {
        lang_from_vars(|name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned()))
    }

    #[test]
    fn the_first_set_variable_chooses_the_language() {
        assert_eq!(lang_with(&[]), Lang::En);
        assert_eq!(lang_with(&[("LANG", "fr_CA.UTF-8")]), Lang::Fr);
        assert_eq!(lang_with(&[("LC_ALL", "en_CA.UTF-8"), ("LANG", "fr_CA.UTF-8")]), Lang::En);
        assert_eq!(lang_with(&[("LC_ALL", ""), ("LC_MESSAGES", "fr"), ("LANG", "en")]), Lang::Fr);
        assert_eq!(lang_with(&[("LANG", "C.UTF-8")]), Lang::En);
    }
}
