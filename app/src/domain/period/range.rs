//! The months and years a view or an export may be about: from [`FIRST_YEAR`] to next year,
//! by today's date. A month far outside (`-9999-01`) would make the cadence judge thousands of
//! months for one request.

use time::Date;

use super::{Month, PeriodError};

/// The first year the app holds records of.
pub const FIRST_YEAR: i32 = 2020;

/// `year` if it lies between [`FIRST_YEAR`] and the year after `today`'s.
pub fn viewable_year(year: i32, today: Date) -> Result<i32, PeriodError> {
    let last = today.year() + 1;
    if (FIRST_YEAR..=last).contains(&year) {
        Ok(year)
    } else {
        Err(PeriodError::OutOfRange { last })
    }
}

/// Parses a month written `YYYY-MM` and checks that its year is viewable.
pub fn viewable_month(text: &str, today: Date) -> Result<Month, PeriodError> {
    let month = Month::parse(text)?;
    viewable_year(month.year(), today)?;
    Ok(month)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn months_from_2020_to_next_year_are_viewable() {
        let today = date!(2026 - 12 - 02);
        assert_eq!(
            viewable_month("2020-01", today),
            Ok(Month::new(2020, 1).unwrap())
        );
        assert_eq!(
            viewable_month("2027-12", today),
            Ok(Month::new(2027, 12).unwrap())
        );
        for far in ["2019-12", "2028-01", "-9999-01", "9999-12"] {
            assert_eq!(
                viewable_month(far, today),
                Err(PeriodError::OutOfRange { last: 2027 }),
                "{far}"
            );
        }
        assert_eq!(
            viewable_month("2026-13", today),
            Err(PeriodError::MalformedMonth)
        );
        let refused = viewable_month("2019-12", today).unwrap_err().to_string();
        assert_eq!(refused, "只能查看2020年至2027年的数据");
    }

    proptest! {
        #[test]
        fn a_viewable_year_lies_in_the_window(year in -10_000i32..10_000, day in 0i64..20_000) {
            let today = date!(2020 - 01 - 01) + time::Duration::days(day);
            let inside = (FIRST_YEAR..=today.year() + 1).contains(&year);
            prop_assert_eq!(viewable_year(year, today).is_ok(), inside);
        }
    }
}
