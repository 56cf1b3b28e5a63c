//! Whose request this is, for the per-address rate limits: the socket's peer, or behind trusted reverse proxies
//! the address the nearest of them added to `X-Forwarded-For`.
//!
//! Each proxy appends the address it saw after whatever the client sent (as a new entry on the last line, or as a
//! line of its own), so only the last entries, one per trusted proxy, are facts: the client writes the rest. The
//! entries are counted back from the end over every line, never read from the front.
//!
//! IPv6 clients are limited per /64 (one subscriber's usual allocation): a host rotating through the addresses
//! of its own network is still one client.

use axum::http::HeaderMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The key of the per-address limits for a request from `peer`, behind `proxy_hops` trusted proxies (0: none).
pub fn rate_limit_key(headers: &HeaderMap, peer: Option<IpAddr>, proxy_hops: u32) -> IpAddr {
    let peer = peer.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let ip = if proxy_hops == 0 { peer } else { forwarded_client(headers, proxy_hops).unwrap_or(peer) };
    per_network(ip)
}

/// The `hops`-th entry from the end of `X-Forwarded-For`, over all its lines; `None` when there are fewer
/// entries, or that one is not an address.
fn forwarded_client(headers: &HeaderMap, hops: u32) -> Option<IpAddr> {
    let mut entries: Vec<&str> = Vec::new();
    for line in headers.get_all("x-forwarded-for") {
        let line = line.to_str().ok()?;
        entries.extend(line.split(',').map(str::trim));
    }
    let index = entries.len().checked_sub(usize::try_from(hops).ok()?)?;
    entries.get(index)?.parse().ok()
}

/// IPv4 as is (an IPv4-mapped IPv6 address too); IPv6 reduced to its /64.
fn per_network(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V4(v4) => IpAddr::V4(v4),
        IpAddr::V6(v6) => {
            let segments = v6.segments();
            IpAddr::V6(Ipv6Addr::new(segments[0], segments[1], segments[2], segments[3], 0, 0, 0, 0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    const PEER: IpAddr = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));

    fn headers(lines: &[&str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for line in lines {
            headers.append("x-forwarded-for", HeaderValue::from_str(line).expect("header"));
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn without_a_trusted_proxy_the_header_is_ignored() {
        assert_eq!(rate_limit_key(&headers(&["203.0.113.9"]), Some(PEER), 0), PEER);
    }

    #[test]
    fn the_proxys_own_entry_wins_over_a_forged_line() {
        // The client sent "X-Forwarded-For: 198.51.100.7"; the proxy added its own line with the real address.
        let forged = headers(&["198.51.100.7", "203.0.113.9"]);
        assert_eq!(rate_limit_key(&forged, Some(PEER), 1), ip("203.0.113.9"));
        // Or appended to the client's line.
        assert_eq!(rate_limit_key(&headers(&["198.51.100.7, 203.0.113.9"]), Some(PEER), 1), ip("203.0.113.9"));
    }

    #[test]
    fn two_proxies_mean_the_second_entry_from_the_end() {
        let chain = headers(&["198.51.100.7, 203.0.113.9", "192.0.2.1"]);
        assert_eq!(rate_limit_key(&chain, Some(PEER), 2), ip("203.0.113.9"));
        assert_eq!(rate_limit_key(&chain, Some(PEER), 4), PEER, "fewer entries than proxies: the peer");
        assert_eq!(rate_limit_key(&headers(&["garbage"]), Some(PEER), 1), PEER);
    }

    #[test]
    fn ipv6_clients_count_per_64() {
        let a = rate_limit_key(&HeaderMap::new(), Some(ip("2001:db8:1:2:aaaa::1")), 0);
        let b = rate_limit_key(&HeaderMap::new(), Some(ip("2001:db8:1:2:ffff:1:2:3")), 0);
        let other = rate_limit_key(&HeaderMap::new(), Some(ip("2001:db8:1:3::1")), 0);
        assert_eq!(a, b);
        assert_ne!(a, other);
        assert_eq!(rate_limit_key(&HeaderMap::new(), Some(ip("::ffff:192.0.2.4")), 0), ip("192.0.2.4"));
    }
}
