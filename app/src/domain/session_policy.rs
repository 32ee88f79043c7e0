//! How long a login session lasts. Two kinds: an office session (township view,
//! administration) ends after 30 idle minutes or 12 hours, whichever comes first, and then the
//! password is asked again; a phone's sync session lasts weeks without use, so a phone can stay
//! offline, but not for ever.
//!
//! The numbers are local settings: constants here, listed in the README's settings. Use is
//! recorded at most once a minute ([`TOUCH_EVERY_MS`]), to keep writes low; so a session may end
//! up to that much earlier than its last request would say, never later.
use serde::{Deserialize, Serialize};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

/// An office session ends after this long without a request (local setting: 30 minutes).
pub const OFFICE_IDLE_MS: i64 = 30 * MINUTE_MS;
/// An office session ends this long after the password was given, used or not (local
/// setting: 12 hours).
pub const OFFICE_ABSOLUTE_MS: i64 = 12 * HOUR_MS;
/// A phone's sync session ends after this long without a sync (local setting: 60 days).
pub const FIELD_IDLE_MS: i64 = 60 * DAY_MS;
/// A phone's sync session ends this long after the password was given, however often it syncs
/// (local setting: 180 days).
pub const FIELD_ABSOLUTE_MS: i64 = 180 * DAY_MS;
/// Use is recorded at most this often.
pub const TOUCH_EVERY_MS: i64 = MINUTE_MS;

/// What a session is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    /// The phone's sync: capture, records, duties, photos.
    Field,
    /// The township view and administration.
    Office,
}

impl SessionKind {
    /// The code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            SessionKind::Field => "field",
            SessionKind::Office => "office",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "field" => Some(SessionKind::Field),
            "office" => Some(SessionKind::Office),
            _ => None,
        }
    }

    /// How long the session lasts without use.
    pub fn idle_ms(self) -> i64 {
        match self {
            SessionKind::Field => FIELD_IDLE_MS,
            SessionKind::Office => OFFICE_IDLE_MS,
        }
    }

    /// How long the session lasts at most.
    pub fn absolute_ms(self) -> i64 {
        match self {
            SessionKind::Field => FIELD_ABSOLUTE_MS,
            SessionKind::Office => OFFICE_ABSOLUTE_MS,
        }
    }
}

/// When a session was opened and last used, in milliseconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionTimes {
    pub kind: SessionKind,
    pub created_ms: i64,
    pub last_seen_ms: i64,
}

/// A session judged at one instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Over: the password must be given again.
    Expired,
    /// Usable; `touch` when its use should be recorded now (its `last_seen` is a minute old).
    Valid { touch: bool },
}

impl SessionTimes {
    /// A session opened at `now_ms`.
    pub fn opened(kind: SessionKind, now_ms: i64) -> Self {
        SessionTimes {
            kind,
            created_ms: now_ms,
            last_seen_ms: now_ms,
        }
    }

    /// The instant the session ends unless it is used before: what the sweep deletes by.
    pub fn expires_at_ms(&self) -> i64 {
        let idle_end = self.last_seen_ms.saturating_add(self.kind.idle_ms());
        let absolute_end = self.created_ms.saturating_add(self.kind.absolute_ms());
        idle_end.min(absolute_end)
    }

    /// Whether the session may be used at `now_ms`, and whether to record the use.
    pub fn judge(&self, now_ms: i64) -> Verdict {
        if now_ms >= self.expires_at_ms() {
            return Verdict::Expired;
        }
        Verdict::Valid {
            touch: now_ms.saturating_sub(self.last_seen_ms) >= TOUCH_EVERY_MS,
        }
    }

    /// The session as it is after a use at `now_ms` is recorded.
    pub fn touched(self, now_ms: i64) -> Self {
        SessionTimes {
            last_seen_ms: self.last_seen_ms.max(now_ms),
            ..self
        }
    }
}

#[cfg(test)]
#[path = "session_policy_tests.rs"]
mod tests;
