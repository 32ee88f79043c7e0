//! Settings: built-in defaults, overridden by the file `STATGRID_CONFIG` names and then by
//! environment variables (`settings/source.rs`). Every value is checked at start: a wrong one
//! stops the server with a message naming the setting.
mod source;

use crate::backup::schedule::Schedule;
pub use source::{NAMES, Source};
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
    /// `STATGRID_DEMO_HISTORY=1`: give the demo city a year of work (`demo::history`), once.
    pub demo_history: bool,
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
    /// `RUST_LOG`: the log filter (logs are JSON lines).
    pub log_filter: String,
    /// `STATGRID_METRICS_ADDR`, e.g. `127.0.0.1:9464`: where Prometheus reads `/metrics`, apart
    /// from the site. Unset, no metrics are kept.
    pub metrics_address: Option<SocketAddr>,
    /// `STATGRID_STALE_PHONE_DAYS` (local setting, 7 by default): after how many days without
    /// contact the status page lists a phone.
    pub stale_phone_days: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("STATGRID_ADDR is not an address such as 127.0.0.1:3000: {0}")]
    Address(String),
    #[error("STATGRID_METRICS_ADDR is not an address such as 127.0.0.1:9464: {0}")]
    MetricsAddress(String),
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
    #[error("{0} is neither on (1, true, yes) nor off (0, false, no): {1}")]
    Flag(&'static str, String),
    #[error("DATABASE_URL is neither sqlite:… nor postgres://…: {0}")]
    DatabaseUrl(String),
    #[error("STATGRID_PUBLIC_ORIGIN is not an origin such as https://statgrid.example.cn: {0}")]
    PublicOrigin(String),
    #[error("the settings file {0}: {1}")]
    File(String, String),
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            database_url: "sqlite://statgrid.db?mode=rwc".into(),
            address: SocketAddr::from(([127, 0, 0, 1], 3000)),
            site_root: PathBuf::from("target/site"),
            demo_data: false,
            demo_history: false,
            secure_cookies: false,
            clock_start_ms: None,
            public_origin: None,
            trusted_proxies: Vec::new(),
            backups: None,
            log_filter: "info,sqlx=warn,sea_orm=warn".into(),
            metrics_address: None,
            stale_phone_days: 7,
        }
    }
}

impl Settings {
    /// The settings of this process: its environment and the file `STATGRID_CONFIG` names.
    pub fn load() -> Result<Self, SettingsError> {
        Self::from_source(&Source::process()?)
    }

    pub fn from_source(source: &Source) -> Result<Self, SettingsError> {
        let mut s = Settings::default();
        if let Some(url) = source.get("DATABASE_URL") {
            let known = ["sqlite:", "postgres://", "postgresql://"];
            if !known.iter().any(|scheme| url.starts_with(scheme)) {
                return Err(SettingsError::DatabaseUrl(url));
            }
            s.database_url = url;
        }
        if let Some(filter) = source.get("RUST_LOG") {
            s.log_filter = filter;
        }
        if let Some(addr) = source.get("STATGRID_ADDR") {
            s.address = addr.parse().map_err(|_| SettingsError::Address(addr))?;
        }
        if let Some(root) = source.get("STATGRID_SITE_ROOT") {
            s.site_root = root.into();
        }
        if let Some(origin) = source.get("STATGRID_PUBLIC_ORIGIN") {
            s.public_origin = Some(public_origin(origin)?);
        }
        s.demo_data = flag(source, "STATGRID_DEMO")?.unwrap_or(false);
        s.demo_history = flag(source, "STATGRID_DEMO_HISTORY")?.unwrap_or(false);
        s.secure_cookies = secure_cookies(
            source.get("STATGRID_PROFILE").as_deref(),
            flag(source, "STATGRID_SECURE_COOKIES")?,
        )?;
        if let Some(start) = source.get("STATGRID_CLOCK_START") {
            let instant =
                time::OffsetDateTime::parse(&start, &time::format_description::well_known::Rfc3339)
                    .map_err(|_| SettingsError::ClockStart(start))?;
            s.clock_start_ms = Some((instant.unix_timestamp_nanos() / 1_000_000) as i64);
        }
        if let Some(proxies) = source.get("STATGRID_TRUSTED_PROXIES") {
            s.trusted_proxies = proxies
                .split(',')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::parse)
                .collect::<Result<_, _>>()
                .map_err(|_| SettingsError::TrustedProxies(proxies.clone()))?;
        }
        if let Some(addr) = source.get("STATGRID_METRICS_ADDR") {
            s.metrics_address = Some(
                addr.parse()
                    .map_err(|_| SettingsError::MetricsAddress(addr))?,
            );
        }
        s.stale_phone_days = number(source, "STATGRID_STALE_PHONE_DAYS", 7, 1, 365)?;
        let hours = number(source, "STATGRID_BACKUP_EVERY_HOURS", 24, 1, 24 * 30)?;
        let keep = number(source, "STATGRID_BACKUP_KEEP", 14, 1, 1000)?;
        if let Some(dir) = source.get("STATGRID_BACKUP_DIR") {
            s.backups = Some(Schedule {
                dir: dir.into(),
                every: std::time::Duration::from_secs(u64::from(hours) * 3600),
                keep: keep as usize,
            });
        }
        Ok(s)
    }
}

/// A whole number setting within `min..=max`, `default` when unset.
fn number(
    source: &Source,
    name: &'static str,
    default: u32,
    min: u32,
    max: u32,
) -> Result<u32, SettingsError> {
    let Some(text) = source.get(name) else {
        return Ok(default);
    };
    text.trim()
        .parse()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or(SettingsError::OutOfRange(name, min, max, text))
}

/// An on/off setting, `None` when unset.
fn flag(source: &Source, name: &'static str) -> Result<Option<bool>, SettingsError> {
    let Some(value) = source.get(name) else {
        return Ok(None);
    };
    match value.trim() {
        "1" | "true" | "yes" | "on" => Ok(Some(true)),
        "0" | "false" | "no" | "off" | "" => Ok(Some(false)),
        _ => Err(SettingsError::Flag(name, value)),
    }
}

/// `scheme://host[:port]`, without a path: what a browser sends as `Origin`.
fn public_origin(origin: String) -> Result<String, SettingsError> {
    let host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    match host {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', ' ']) => Ok(origin),
        _ => Err(SettingsError::PublicOrigin(origin)),
    }
}

/// `STATGRID_SECURE_COOKIES` as set; unset, on in production (`STATGRID_PROFILE`).
fn secure_cookies(profile: Option<&str>, explicit: Option<bool>) -> Result<bool, SettingsError> {
    let production = match profile {
        None | Some("development") => false,
        Some("production") => true,
        Some(other) => return Err(SettingsError::Profile(other.to_owned())),
    };
    Ok(explicit.unwrap_or(production))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn production_serves_secure_cookies_unless_told_not_to() {
        assert!(secure_cookies(Some("production"), None).unwrap());
        assert!(!secure_cookies(Some("production"), Some(false)).unwrap());
    }

    #[test]
    fn development_serves_secure_cookies_only_when_told_to() {
        assert!(!secure_cookies(None, None).unwrap());
        assert!(!secure_cookies(Some("development"), None).unwrap());
        assert!(secure_cookies(None, Some(true)).unwrap());
    }

    #[test]
    fn wrong_values_stop_the_start_naming_the_setting() {
        let refused = |pairs: &[(&str, &str)]| {
            Settings::from_source(&Source::of(pairs))
                .unwrap_err()
                .to_string()
        };
        assert!(refused(&[("STATGRID_DEMO", "maybe")]).starts_with("STATGRID_DEMO is neither"));
        assert!(refused(&[("DATABASE_URL", "mysql://x")]).starts_with("DATABASE_URL"));
        assert!(refused(&[("STATGRID_ADDR", "3000")]).starts_with("STATGRID_ADDR"));
        assert!(
            refused(&[("STATGRID_PUBLIC_ORIGIN", "https://s.example.cn/app")])
                .starts_with("STATGRID_PUBLIC_ORIGIN")
        );
        assert!(refused(&[("STATGRID_BACKUP_KEEP", "0")]).starts_with("STATGRID_BACKUP_KEEP"));
        assert!(refused(&[("STATGRID_METRICS_ADDR", "9464")]).starts_with("STATGRID_METRICS_ADDR"));
        assert!(
            refused(&[("STATGRID_STALE_PHONE_DAYS", "0")]).starts_with("STATGRID_STALE_PHONE_DAYS")
        );
        // Checked even while no backup folder is set, so that a wrong value shows at once.
        assert!(
            refused(&[("STATGRID_BACKUP_EVERY_HOURS", "daily")])
                .starts_with("STATGRID_BACKUP_EVERY_HOURS")
        );
    }

    #[test]
    fn right_values_are_taken() {
        let s = Settings::from_source(&Source::of(&[
            ("DATABASE_URL", "postgres://statgrid@db/city"),
            ("STATGRID_ADDR", "0.0.0.0:8080"),
            ("STATGRID_PUBLIC_ORIGIN", "https://statgrid.example.cn"),
            ("STATGRID_PROFILE", "production"),
            ("STATGRID_BACKUP_DIR", "/var/backups/statgrid"),
            ("STATGRID_BACKUP_KEEP", "30"),
        ]))
        .unwrap();
        assert_eq!(s.address.port(), 8080);
        assert!(s.secure_cookies);
        let backups = s.backups.unwrap();
        assert_eq!((backups.keep, backups.every.as_secs()), (30, 24 * 3600));
    }

    #[test]
    fn an_unknown_profile_is_refused() {
        assert!(secure_cookies(Some("prod"), None).is_err());
    }
}
