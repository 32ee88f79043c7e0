//! Calendar quarters (季度), e.g. for the "at least one grid activity a quarter" rule.

use std::fmt;

use time::Date;

use super::Month;

/// A calendar quarter: January–March is the first. Ordered in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// Invariant: the quarter's first month (January, April, July or October).
    first: Month,
}

impl Quarter {
    /// The quarter a date falls in.
    pub fn of(date: Date) -> Quarter {
        let month = Month::of(date);
        // Stepping back stays inside the year, so `prev` never saturates here.
        let first = (0..(month.number() - 1) % 3).fold(month, |m, _| m.prev());
        Quarter { first }
    }

    /// Quarter `q` (1–4) of `year`; `None` if either is out of range.
    pub fn new(year: i32, q: u8) -> Option<Quarter> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let first = Month::new(year, 3 * q - 2).ok()?;
        Some(Quarter { first })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.first.year()
    }

    /// The quarter's number, 1–4.
    pub fn number(&self) -> u8 {
        (self.first.number() - 1) / 3 + 1
    }

    /// The quarter's three months, in order.
    pub fn months(&self) -> [Month; 3] {
        let second = self.first.next();
        [self.first, second, second.next()]
    }

    /// The first day of the quarter.
    pub fn first_day(&self) -> Date {
        self.first.first_day()
    }

    /// The last day of the quarter.
    pub fn last_day(&self) -> Date {
        let [_, _, last] = self.months();
        last.last_day()
    }

    /// Whether `d` falls in this quarter.
    pub fn contains(&self, d: Date) -> bool {
        Quarter::of(d) == *self
    }

    /// The following quarter; the last representable one is its own successor.
    pub fn next(&self) -> Quarter {
        self.last_day().next_day().map_or(*self, Quarter::of)
    }

    /// The preceding quarter; the first representable one is its own predecessor.
    pub fn prev(&self) -> Quarter {
        self.first_day().previous_day().map_or(*self, Quarter::of)
    }

    /// The quarter as shown to users, e.g. "2026年第4季度".
    pub fn label(&self) -> String {
        format!("{}年第{}季度", self.year(), self.number())
    }
}

impl fmt::Display for Quarter {
    /// Writes the quarter as e.g. "2026-Q4".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-Q{}", super::year_text(self.year()), self.number())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::date;

    #[test]
    fn quarters_have_their_bounds_and_label() {
        let q = Quarter::of(date!(2026 - 11 - 22));
        assert_eq!(q, Quarter::new(2026, 4).unwrap());
        assert_eq!(q.first_day(), date!(2026 - 10 - 01));
        assert_eq!(q.last_day(), date!(2026 - 12 - 31));
        assert_eq!(q.label(), "2026年第4季度");
        assert_eq!(q.to_string(), "2026-Q4");
        assert_eq!(q.next(), Quarter::new(2027, 1).unwrap());
        assert_eq!(
            Quarter::new(2026, 1).unwrap().last_day(),
            date!(2026 - 03 - 31)
        );
        assert_eq!(Quarter::new(2026, 5), None);
        assert_eq!(Quarter::new(2026, 0), None);
        let last = Quarter::of(Date::MAX);
        assert_eq!(last.next(), last);
        let first = Quarter::of(Date::MIN);
        assert_eq!(first.prev(), first);
    }

    proptest! {
        #[test]
        fn a_quarter_contains_its_dates(d in super::super::tests::inner_date()) {
            let q = Quarter::of(d);
            prop_assert!(q.contains(d));
            prop_assert!(q.first_day() <= d && d <= q.last_day());
            prop_assert!(q.months().iter().any(|m| m.contains(d)));
            prop_assert_eq!(q.year(), d.year());
            prop_assume!(Quarter::of(Date::MIN) < q && q < Quarter::of(Date::MAX));
            prop_assert_eq!(q.next().prev(), q);
            prop_assert!(q.prev() < q && q < q.next());
            prop_assert_eq!(q.next().first_day().previous_day(), Some(q.last_day()));
        }
    }
}
