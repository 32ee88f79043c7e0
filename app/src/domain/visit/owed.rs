//! How many visits an enterprise still owes in a quarter once more visits are counted: how
//! the phone takes a duty off 本季度待办 for visits saved but not yet synced, which the
//! server's judgement could not count.

use time::Date;

use crate::domain::period::Quarter;

/// The visits still owed in `quarter` by an enterprise that owed `remaining` before the
/// visits on `dates` were counted; only visits within the quarter count.
pub fn still_owed(remaining: u32, dates: impl IntoIterator<Item = Date>, quarter: Quarter) -> u32 {
    let counted = dates.into_iter().filter(|d| quarter.contains(*d)).count();
    remaining.saturating_sub(u32::try_from(counted).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    fn q4() -> Quarter {
        Quarter::of(date!(2026 - 11 - 22))
    }

    #[test]
    fn a_visit_in_the_quarter_pays_off_what_was_owed() {
        assert_eq!(still_owed(1, [date!(2026 - 11 - 22)], q4()), 0);
        // The quarter's first and last days count.
        let both = [date!(2026 - 10 - 01), date!(2026 - 12 - 31)];
        assert_eq!(still_owed(2, both, q4()), 0);
    }

    #[test]
    fn visits_outside_the_quarter_or_too_few_leave_it_owed() {
        assert_eq!(still_owed(2, [date!(2026 - 11 - 22)], q4()), 1);
        let outside = [date!(2026 - 09 - 30), date!(2027 - 01 - 01)];
        assert_eq!(still_owed(1, outside, q4()), 1);
        assert_eq!(still_owed(0, [], q4()), 0);
    }

    proptest! {
        /// Counting visits only ever lowers what is owed, by one for each visit in the
        /// quarter, and never below nothing.
        #[test]
        fn each_visit_in_the_quarter_lowers_it_by_one(remaining in 0u32..5,
                                                       offsets in prop::collection::vec(-60i64..150, 0..8)) {
            let first = q4().first_day();
            let dates: Vec<Date> = offsets.iter().map(|&d| first + time::Duration::days(d)).collect();
            let inside = dates.iter().filter(|d| q4().contains(**d)).count() as u32;
            let owed = still_owed(remaining, dates, q4());
            prop_assert!(owed <= remaining);
            prop_assert_eq!(owed, remaining.saturating_sub(inside));
        }
    }
}
