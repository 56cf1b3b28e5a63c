//! Time, ids and secrets, one implementation each for every table, token and key of the server: the clock in
//! seconds, sortable row ids, random secrets in hex, and the hash a token is stored as (never the token itself).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};
use voix_core::petition::hex;

/// Seconds since 1970-01-01 UTC.
pub fn now_secs() -> i64 {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).map(|elapsed| elapsed.as_secs()).unwrap_or(0);
    i64::try_from(now).unwrap_or(i64::MAX)
}

/// 32 hex digits: the time in nanoseconds since 1970 (16 digits), then 16 random ones. Ids made later sort later,
/// so new rows go at the end of the tables' primary keys; should the system's randomness fail, a counter still
/// keeps them unique.
pub fn random_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|elapsed| elapsed.as_nanos()).unwrap_or(0);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&u64::try_from(nanos).unwrap_or(u64::MAX).to_be_bytes());
    if getrandom::getrandom(&mut bytes[8..]).is_err() {
        bytes[8..].copy_from_slice(&COUNTER.fetch_add(1, Ordering::Relaxed).to_be_bytes());
    }
    hex(&bytes)
}

/// `N` bytes from the operating system's randomness.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], getrandom::Error> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes)?;
    Ok(bytes)
}

/// A secret: 32 random bytes in hex (tokens, keys). Fails rather than make a guessable one.
pub fn secret_hex() -> Result<String, getrandom::Error> {
    random_bytes::<32>().map(|bytes| hex(&bytes))
}

/// What a token is stored as: its SHA-256 in hex, so a copy of the database cannot be used to confirm or withdraw.
pub fn token_hash(token: &str) -> String {
    voix_core::petition::sha256_hex(token.as_bytes())
}

/// A value unique to this server (a Message-ID's left part): random hex, or the time's bytes should randomness
/// fail (Message-IDs identify, they do not protect).
pub fn unique_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    if getrandom::getrandom(&mut buffer).is_err() {
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default().as_nanos();
        buffer.iter_mut().zip(nanos.to_le_bytes().iter().cycle()).for_each(|(b, n)| *b = *n);
    }
    hex(&buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_by_time_and_secrets_differ() {
        let (first, second) = (random_id(), random_id());
        assert_eq!(first.len(), 32);
        assert!(first < second || first[..16] == second[..16], "{first} {second}");
        let (a, b) = (secret_hex().expect("random"), secret_hex().expect("random"));
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(unique_hex(8).len(), 16);
    }
}
