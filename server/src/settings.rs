//! Settings: built-in defaults, overridden by environment variables.
use crate::backup::schedule::Schedule;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Settings {
    /// `DATABASE_URL`; an SQLite file by default, so one command runs everything.
    pub database_url: String,
    /// `STATGRID_ADDR`; port 0 picks a free port (tests).
    pub address: SocketAddr,
    /// `STATGRID_SITE_ROOT`: the built browser bundle and public files.
    pub site_root: PathBuf,
    /// `STATGRID_DEMO=1`: fill an empty database with the demo city.
    pub demo_data: bool,
    /// `STATGRID_SECURE_COOKIES=1`: the site is served over TLS, so session cookies are
    /// `__Host-` and `Secure` on every request. On by default under `STATGRID_PROFILE=production`
    /// (`STATGRID_SECURE_COOKIES=0` turns it off there). Without it, a request that came over
    /// https through the proxy (`X-Forwarded-Proto: https`) still gets secure cookies.
    pub secure_cookies: bool,
    /// `STATGRID_CLOCK_START`, for tests only: an RFC 3339 instant the server's clock starts at.
    pub clock_start_ms: Option<i64>,
    /// `STATGRID_PUBLIC_ORIGIN`, e.g. `https://statgrid.example.cn`: the origin browsers see
    /// when a proxy serves the site; state-changing requests must come from it. Unset, they
    /// must come from the host the request was sent to.
    pub public_origin: Option<String>,
    /// `STATGRID_TRUSTED_PROXIES`, addresses separated by commas: proxies whose
    /// `X-Forwarded-For` names the client (for login throttling). None by default.
    pub trusted_proxies: Vec<IpAddr>,
    /// `STATGRID_BACKUP_DIR`: where scheduled backups go; unset, none are made. Set it on one
    /// server of several. `STATGRID_BACKUP_EVERY_HOURS` (local setting, 24 by default) and
    /// `STATGRID_BACKUP_KEEP` (local setting, 14 by default) say how often and how many.
    pub backups: Option<Schedule>,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("STATGRID_ADDR is not an address such as 127.0.0.1:3000: {0}")]
    Address(String),
    #[error("STATGRID_PROFILE is neither development nor production: {0}")]
    Profile(String),
    #[error(
        "STATGRID_CLOCK_START is not an RFC 3339 instant such as 2026-12-10T09:00:00+08:00: {0}"
    )]
    ClockStart(String),
    #[error("STATGRID_TRUSTED_PROXIES is not a list of addresses such as 127.0.0.1,10.0.0.1: {0}")]
    TrustedProxies(String),
    #[error("{0} is not a whole number from {1} to {2}: {3}")]
    OutOfRange(&'static str, u32, u32, String),
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://statgrid.db?mode=rwc".into(),
            address: SocketAddr::from(([127, 0, 0, 1], 3000)),
            site_root: PathBuf::from("target/site"),
            demo_data: false,
            secure_cookies: false,
            clock_start_ms: None,
            public_origin: None,
            trusted_proxies: Vec::new(),
            backups: None,
        }
    }
}

impl Settings {
    pub fn from_env() -> Result<Self, SettingsError> {
        let mut s = Settings::default();
        if let Ok(url) = std::env::var("DATABASE_URL") {
            s.database_url = url;
        }
        if let Ok(addr) = std::env::var("STATGRID_ADDR") {
            s.address = addr.parse().map_err(|_| SettingsError::Address(addr))?;
        }
        if let Ok(root) = std::env::var("STATGRID_SITE_ROOT") {
            s.site_root = root.into();
        }
        s.public_origin = std::env::var("STATGRID_PUBLIC_ORIGIN").ok();
        s.demo_data = flag("STATGRID_DEMO");
        s.secure_cookies = secure_cookies(
            std::env::var("STATGRID_PROFILE").ok().as_deref(),
            std::env::var("STATGRID_SECURE_COOKIES").ok().as_deref(),
        )?;
        if let Ok(start) = std::env::var("STATGRID_CLOCK_START") {
            let instant =
                time::OffsetDateTime::parse(&start, &time::format_description::well_known::Rfc3339)
                    .map_err(|_| SettingsError::ClockStart(start))?;
            s.clock_start_ms = Some((instant.unix_timestamp_nanos() / 1_000_000) as i64);
        }
        if let Ok(proxies) = std::env::var("STATGRID_TRUSTED_PROXIES") {
            s.trusted_proxies = proxies
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| SettingsError::TrustedProxies(proxies.clone()))?;
        }
        if let Ok(dir) = std::env::var("STATGRID_BACKUP_DIR") {
            let hours = number("STATGRID_BACKUP_EVERY_HOURS", 24, 1, 24 * 30)?;
            s.backups = Some(Schedule {
                dir: dir.into(),
                every: std::time::Duration::from_secs(u64::from(hours) * 3600),
                keep: number("STATGRID_BACKUP_KEEP", 14, 1, 1000)? as usize,
            });
        }
        Ok(s)
    }
}

/// A whole number setting within `min..=max`, `default` when unset.
fn number(name: &'static str, default: u32, min: u32, max: u32) -> Result<u32, SettingsError> {
    let Ok(text) = std::env::var(name) else {
        return Ok(default);
    };
    text.trim()
        .parse()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or(SettingsError::OutOfRange(name, min, max, text))
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| on(&v))
}

fn on(value: &str) -> bool {
    matches!(value, "1" | "true" | "yes")
}

/// `STATGRID_SECURE_COOKIES` as set; unset, on in production (`STATGRID_PROFILE`).
fn secure_cookies(profile: Option<&str>, explicit: Option<&str>) -> Result<bool, SettingsError> {
    let production = match profile {
        None | Some("development") => false,
        Some("production") => true,
        Some(other) => return Err(SettingsError::Profile(other.to_owned())),
    };
    Ok(explicit.map_or(production, on))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn production_serves_secure_cookies_unless_told_not_to() {
        assert!(secure_cookies(Some("production"), None).unwrap());
        assert!(!secure_cookies(Some("production"), Some("0")).unwrap());
    }

    #[test]
    fn development_serves_secure_cookies_only_when_told_to() {
        assert!(!secure_cookies(None, None).unwrap());
        assert!(!secure_cookies(Some("development"), None).unwrap());
        assert!(secure_cookies(None, Some("1")).unwrap());
    }

    #[test]
    fn an_unknown_profile_is_refused() {
        assert!(secure_cookies(Some("prod"), None).is_err());
    }
}
