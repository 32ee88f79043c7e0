//! Login throttling: how many failed logins a key (a phone number, a client address) may have
//! before its next attempt must wait, and for how long.
//!
//! The thresholds are local settings, not from the official documents. Three rules, the
//! longest wait wins: a few failures a minute, then a delay after the latest failure that
//! doubles with every further failure of the hour (capped), and a lock once the hour holds
//! too many failures, until the oldest of them is an hour old. Only failures count, so
//! a person who logs in now and then is never slowed down.

/// One minute, in milliseconds.
pub const MINUTE_MS: i64 = 60_000;
/// One hour, in milliseconds: the longest a failure matters, so older ones can be deleted.
pub const HOUR_MS: i64 = 3_600_000;
/// The first delay once a key has `delay_after` failures in the hour; it doubles per failure.
pub const FIRST_DELAY_MS: i64 = 2_000;
/// The longest delay (the lock can be longer).
pub const MAX_DELAY_MS: i64 = 5 * MINUTE_MS;

/// How many failures a key may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Failures allowed in any minute.
    pub per_minute: usize,
    /// Failures in the hour after which each attempt waits, doubling from [`FIRST_DELAY_MS`].
    pub delay_after: usize,
    /// Failures allowed in any hour: past them the key is locked.
    pub per_hour: usize,
}

/// A phone number: one person's account.
pub const PHONE: Limits = Limits {
    per_minute: 5,
    delay_after: 5,
    per_hour: 20,
};

/// A client address: looser, since an office or a mobile carrier puts many people behind one.
pub const ADDRESS: Limits = Limits {
    per_minute: 10,
    delay_after: 10,
    per_hour: 50,
};

/// Whether an attempt may go ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allowed,
    /// Not before `retry_after_secs` seconds (at least 1, at most an hour).
    Refused {
        retry_after_secs: u64,
    },
}

impl Decision {
    /// Both must allow; of two refusals, the longer wait.
    pub fn and(self, other: Decision) -> Decision {
        match (self, other) {
            (Decision::Allowed, d) | (d, Decision::Allowed) => d,
            (
                Decision::Refused {
                    retry_after_secs: a,
                },
                Decision::Refused {
                    retry_after_secs: b,
                },
            ) => Decision::Refused {
                retry_after_secs: a.max(b),
            },
        }
    }
}

/// Decides an attempt of a key at `now_ms`, given the times of its failures (any order, any
/// age; a time ahead of `now_ms`, from another server's clock, counts as now).
pub fn decide(failures: &[i64], limits: Limits, now_ms: i64) -> Decision {
    let mut recent: Vec<i64> = failures
        .iter()
        .map(|&at| at.min(now_ms))
        .filter(|&at| at > now_ms - HOUR_MS)
        .collect();
    recent.sort_unstable_by(|a, b| b.cmp(a));
    let mut until = now_ms;
    let in_minute = recent.iter().filter(|&&at| at > now_ms - MINUTE_MS).count();
    if in_minute >= limits.per_minute
        && let Some(&oldest) = recent.get(limits.per_minute.saturating_sub(1))
    {
        until = until.max(oldest + MINUTE_MS);
    }
    if recent.len() >= limits.per_hour
        && let Some(&oldest) = recent.get(limits.per_hour.saturating_sub(1))
    {
        until = until.max(oldest + HOUR_MS);
    }
    if recent.len() >= limits.delay_after
        && let Some(&latest) = recent.first()
    {
        until = until.max(latest + delay_ms(recent.len() - limits.delay_after));
    }
    if until > now_ms {
        Decision::Refused {
            retry_after_secs: (until - now_ms).unsigned_abs().div_ceil(1000),
        }
    } else {
        Decision::Allowed
    }
}

/// The delay after the latest failure once `extra` failures are past the delay threshold.
fn delay_ms(extra: usize) -> i64 {
    let doublings = u32::try_from(extra).unwrap_or(u32::MAX).min(20);
    (FIRST_DELAY_MS << doublings).min(MAX_DELAY_MS)
}

#[cfg(test)]
#[path = "login_throttle_tests.rs"]
mod tests;
