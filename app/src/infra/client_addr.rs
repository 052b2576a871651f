//! Who is on the other end: the client's IP address, as far as it can be trusted.
//!
//! The socket peer, unless that peer is one of our own reverse proxies: then `X-Forwarded-For` is
//! read from the right, skipping every hop that is a trusted proxy, and the first other address is
//! the client. The leftmost hop is whatever the client wrote and is never believed.
use axum::extract::ConnectInfo;
use axum::http::request::Parts;
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};

/// An address block such as `10.0.0.0/8`, `::1/128` or a single address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Network {
    addr: IpAddr,
    prefix: u8,
}

impl Network {
    pub fn parse(raw: &str) -> Option<Network> {
        let (addr, prefix) = match raw.trim().split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, Some(p.parse::<u8>().ok()?)),
            None => (raw.trim().parse::<IpAddr>().ok()?, None),
        };
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(Network { addr, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (self.addr, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => mask_eq(&net.octets(), &ip.octets(), self.prefix),
            (IpAddr::V6(net), IpAddr::V6(ip)) => mask_eq(&net.octets(), &ip.octets(), self.prefix),
            _ => false,
        }
    }
}

impl TryFrom<String> for Network {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Network::parse(&value).ok_or_else(|| format!("not an address or address block: {value:?}"))
    }
}

/// `::ffff:1.2.3.4` is the IPv4 address 1.2.3.4 (dual-stack sockets report it so).
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

fn mask_eq(a: &[u8], b: &[u8], prefix: u8) -> bool {
    let full = (prefix / 8) as usize;
    let rest = prefix % 8;
    if a[..full] != b[..full] {
        return false;
    }
    rest == 0 || {
        let mask = 0xffu8 << (8 - rest);
        a[full] & mask == b[full] & mask
    }
}

/// The client's address for `peer` and the `X-Forwarded-For` values (in header order).
pub fn resolve(peer: Option<IpAddr>, forwarded_for: &[&str], trusted: &[Network]) -> Option<IpAddr> {
    let mut client = canonical(peer?);
    if !trusted.iter().any(|n| n.contains(client)) {
        return Some(client);
    }
    let hops = forwarded_for.iter().flat_map(|v| v.split(',')).map(str::trim).collect::<Vec<_>>();
    for hop in hops.into_iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            // Garbage in the chain: stop at the last address we could vouch for.
            break;
        };
        client = canonical(ip);
        if !trusted.iter().any(|n| n.contains(client)) {
            break;
        }
    }
    Some(client)
}

/// The client address of a request, as text (for rate-limit keys and logs).
pub fn client_ip(parts: &Parts, trusted: &[Network]) -> String {
    let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(addr)| addr.ip());
    let forwarded: Vec<&str> =
        parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
    resolve(peer, &forwarded, trusted).map(|ip| ip.to_string()).unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn networks_match_by_prefix() {
        let net = Network::parse("10.1.0.0/16").unwrap();
        assert!(net.contains(ip("10.1.200.3")));
        assert!(!net.contains(ip("10.2.0.1")));
        assert!(Network::parse("192.168.1.7").unwrap().contains(ip("192.168.1.7")));
        assert!(Network::parse("127.0.0.1/32").unwrap().contains(ip("::ffff:127.0.0.1")));
        assert!(Network::parse("fd00::/8").unwrap().contains(ip("fd12::1")));
        assert!(!Network::parse("fd00::/8").unwrap().contains(ip("10.0.0.1")));
        assert!(Network::parse("10.0.0.0/33").is_none());
        assert!(Network::parse("example.jp").is_none());
        assert!(Network::parse("0.0.0.0/0").unwrap().contains(ip("203.0.113.9")));
    }

    #[test]
    fn without_a_trusted_proxy_the_header_is_ignored() {
        let got = resolve(Some(ip("203.0.113.5")), &["198.51.100.1"], &[]);
        assert_eq!(got, Some(ip("203.0.113.5")));
    }

    #[test]
    fn behind_a_trusted_proxy_the_rightmost_untrusted_hop_is_the_client() {
        let proxies = [Network::parse("10.0.0.0/8").unwrap()];
        // The client forged a leftmost hop; our proxy appended the real address.
        let got = resolve(Some(ip("10.0.0.2")), &["1.2.3.4, 203.0.113.7"], &proxies);
        assert_eq!(got, Some(ip("203.0.113.7")));
        // Two proxies of ours in a row.
        let got = resolve(Some(ip("10.0.0.2")), &["1.2.3.4", "203.0.113.7, 10.0.0.9"], &proxies);
        assert_eq!(got, Some(ip("203.0.113.7")));
        // Garbage after our proxy: the proxy itself is what we know.
        let got = resolve(Some(ip("10.0.0.2")), &["not-an-ip"], &proxies);
        assert_eq!(got, Some(ip("10.0.0.2")));
    }
}
