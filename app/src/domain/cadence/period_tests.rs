//! Tests of [`Period`]: bounds, labels and the text form.

use super::*;
use proptest::prelude::*;
use time::macros::date;

fn month(y: i32, m: u8) -> Period {
    Period::Month(Month::new(y, m).unwrap())
}

#[test]
fn periods_have_bounds_and_labels() {
    let q4 = Period::Quarter(Quarter::new(2026, 4).unwrap());
    let span = Period::Span {
        first: date!(2025 - 12 - 11),
        last: date!(2026 - 07 - 15),
    };
    let cases = [
        (
            month(2026, 2),
            "2026-02-01",
            "2026-02-28",
            "2026年2月",
            "2026-02",
        ),
        (q4, "2026-10-01", "2026-12-31", "2026年第4季度", "2026-Q4"),
        (
            Period::Year(2026),
            "2026-01-01",
            "2026-12-31",
            "2026年",
            "2026",
        ),
        (
            Period::Day(date!(2026 - 11 - 22)),
            "2026-11-22",
            "2026-11-22",
            "2026年11月22日",
            "2026-11-22",
        ),
        (
            span,
            "2025-12-11",
            "2026-07-15",
            "2025年12月11日至2026年7月15日",
            "2025-12-11/2026-07-15",
        ),
    ];
    for (period, first, last, label, text) in cases {
        assert_eq!(format_date(period.first_day()), first);
        assert_eq!(format_date(period.last_day()), last);
        assert_eq!(period.label(), label);
        assert_eq!(period.to_string(), text);
        assert_eq!(Period::parse(text), Ok(period));
        assert!(period.contains(period.first_day()) && period.contains(period.last_day()));
        assert!(!period.contains(period.last_day().next_day().unwrap()));
    }
}

#[test]
fn years_outside_the_calendar_are_clamped() {
    assert_eq!(Period::Year(20_000).first_day(), Date::MAX);
    assert_eq!(Period::Year(-20_000).last_day(), Date::MIN);
    assert_eq!(Period::parse("-0044"), Ok(Period::Year(-44)));
    assert_eq!(Period::Year(-44).to_string(), "-0044");
}

#[test]
fn malformed_periods_are_refused() {
    for bad in [
        "",
        "26",
        "2026-Q5",
        "2026-Q0",
        "2026-Q04",
        "2026-13",
        "2026-02-30",
        "2026-07-15/2026-03-11",
        "2026-01-01/",
        "2026-11-22-01",
        "二〇二六",
    ] {
        assert_eq!(
            Period::parse(bad),
            Err(CadenceError::MalformedPeriod),
            "{bad}"
        );
    }
    assert_eq!(CadenceError::MalformedPeriod.code(), "malformed_period");
}

#[test]
fn periods_serialize_as_text() {
    let json = serde_json::to_string(&month(2026, 11)).unwrap();
    assert_eq!(json, "\"2026-11\"");
    let back: Period = serde_json::from_str("\"2026-Q1\"").unwrap();
    assert_eq!(back, Period::Quarter(Quarter::new(2026, 1).unwrap()));
    assert!(serde_json::from_str::<Period>("\"2026-Q9\"").is_err());
}

/// A date in years 1000–9998.
pub(super) fn some_date() -> impl Strategy<Value = Date> {
    let low = date!(1000 - 01 - 01).to_julian_day();
    let high = date!(9998 - 12 - 31).to_julian_day();
    (low..=high).prop_map(|j| Date::from_julian_day(j).unwrap())
}

proptest! {
    #[test]
    fn every_kind_of_period_round_trips_as_text(d in some_date(), days in 0i64..400) {
        let last = d + time::Duration::days(days);
        let periods = [
            Period::Month(Month::of(d)),
            Period::Quarter(Quarter::of(d)),
            Period::Year(d.year()),
            Period::Day(d),
            Period::Span { first: d, last },
        ];
        for p in periods {
            prop_assert!(p.contains(d));
            prop_assert_eq!(Period::parse(&p.to_string()), Ok(p));
        }
    }
}
