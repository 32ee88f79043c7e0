//! Who is on the other end: the connection's peer, or, when the peer is a proxy the settings
//! trust (`STATGRID_TRUSTED_PROXIES`), the address that proxy saw, from `X-Forwarded-For`.
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// The client's address; unspecified (`0.0.0.0`) when the server was not told its peers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Infallible> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        Ok(ClientAddress(client_address(
            peer,
            &forwarded,
            &state.trusted_proxies,
        )))
    }
}

/// Walks `X-Forwarded-For` (all its headers, in order) from the right, past every trusted
/// proxy: the first address no trusted proxy holds is the client. Anything unreadable stops
/// the walk at the last trusted hop, so a client cannot forge its way further left.
pub fn client_address(peer: IpAddr, forwarded: &[&str], trusted: &[IpAddr]) -> IpAddr {
    let mut client = peer.to_canonical();
    let mut hops = forwarded.iter().flat_map(|v| v.split(',')).rev();
    while trusted.contains(&client) {
        match hops.next().and_then(|hop| parse_hop(hop.trim())) {
            Some(hop) => client = hop,
            None => break,
        }
    }
    client
}

/// One hop: an address, maybe with a port (`1.2.3.4:5678`, `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .or_else(|_| hop.parse::<SocketAddr>().map(|s| s.ip()))
        .ok()
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        assert_eq!(
            client_address(ip("10.0.0.1"), &["1.2.3.4"], &[]),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_client_is_the_hop_the_proxy_added() {
        let proxies = [ip("127.0.0.1"), ip("10.0.0.1")];
        // The client forged the first hop; the proxies added the next two.
        let header = ["6.6.6.6, 1.2.3.4", "10.0.0.1"];
        assert_eq!(
            client_address(ip("127.0.0.1"), &header, &proxies),
            ip("1.2.3.4")
        );
        assert_eq!(
            client_address(ip("::ffff:127.0.0.1"), &["1.2.3.4:5555"], &proxies),
            ip("1.2.3.4")
        );
    }

    #[test]
    fn a_trusted_proxy_without_a_readable_header_is_taken_as_the_client() {
        let proxies = [ip("127.0.0.1")];
        assert_eq!(
            client_address(ip("127.0.0.1"), &[], &proxies),
            ip("127.0.0.1")
        );
        assert_eq!(
            client_address(ip("127.0.0.1"), &["1.2.3.4, bogus"], &proxies),
            ip("127.0.0.1")
        );
    }
}
