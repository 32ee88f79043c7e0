//! The rules of the city administrator's status page: which day "today" is, and when a phone
//! has been silent long enough to be called.
use crate::domain::period::SHANGHAI;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The instant Beijing's day containing `now_ms` began, in Unix milliseconds.
pub fn day_start_ms(now_ms: i64) -> i64 {
    let offset_ms = i64::from(SHANGHAI.whole_seconds()) * 1000;
    (now_ms + offset_ms).div_euclid(DAY_MS) * DAY_MS - offset_ms
}

/// A phone last in contact before this instant has been silent more than `days` days.
pub fn silent_since_ms(now_ms: i64, days: u32) -> i64 {
    now_ms.saturating_sub(i64::from(days) * DAY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// 2026-12-03 00:00 in Beijing is 2026-12-02 16:00 UTC.
    const DEC_3_BEIJING_MIDNIGHT: i64 = 1_796_227_200_000;

    #[test]
    fn beijing_s_day_begins_at_its_midnight_not_utc_s() {
        assert_eq!(day_start_ms(DEC_3_BEIJING_MIDNIGHT), DEC_3_BEIJING_MIDNIGHT);
        assert_eq!(
            day_start_ms(DEC_3_BEIJING_MIDNIGHT + 23 * 3_600_000),
            DEC_3_BEIJING_MIDNIGHT
        );
        assert_eq!(
            day_start_ms(DEC_3_BEIJING_MIDNIGHT - 1),
            DEC_3_BEIJING_MIDNIGHT - DAY_MS
        );
    }

    #[test]
    fn a_phone_is_silent_after_whole_days() {
        let now = DEC_3_BEIJING_MIDNIGHT;
        assert_eq!(silent_since_ms(now, 7), now - 7 * DAY_MS);
    }

    proptest! {
        #[test]
        fn today_began_within_the_last_day(now in 0i64..4_102_444_800_000) {
            let start = day_start_ms(now);
            prop_assert!(start <= now && now - start < DAY_MS);
            prop_assert_eq!(crate::domain::period::shanghai_date(start), crate::domain::period::shanghai_date(now));
        }
    }
}
