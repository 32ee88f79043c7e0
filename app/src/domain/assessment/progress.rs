//! Who is behind during the year: an indicator whose figure so far is below its target taken
//! in proportion to the days of the year gone (so a member with 5 of 12 visits by the end of
//! June is behind, 6 is not). Reports on time are a rate already, held to the full target;
//! major events and the plan are not owed by the day, so they are never behind.
use super::{Figure, Indicator, Measure};
use time::Date;

/// The measures of `indicators` whose `figures` are behind where they should be on `today`
/// in `year`; none once the year is over (the sheet is then what it is) or before it starts.
pub fn behind(
    indicators: &[Indicator],
    figures: &[Figure],
    year: i32,
    today: Date,
) -> Vec<Measure> {
    if today.year() != year {
        return Vec::new();
    }
    let gone = u64::from(today.ordinal());
    let days = u64::from(time::util::days_in_year(year));
    (indicators.iter().zip(figures))
        .filter(|(indicator, figure)| {
            let target = u64::from(indicator.target);
            let value = u64::from(figure.value());
            match indicator.measure {
                Measure::ReportsOnTime => value < target,
                Measure::Visits
                | Measure::Coverage
                | Measure::Activities
                | Measure::EducationHours => value * days < target * gone,
                Measure::MajorEvents | Measure::AnnualPlan => false,
            }
        })
        .map(|(indicator, _)| indicator.measure)
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::Month;

    fn visits(target: u32) -> Indicator {
        Indicator {
            measure: Measure::Visits,
            points: 10,
            target,
        }
    }

    #[test]
    fn half_the_visits_by_the_middle_of_the_year_is_on_track() {
        let end_of_june = Date::from_calendar_date(2026, Month::June, 30).unwrap();
        assert_eq!(
            behind(&[visits(12)], &[Figure::count(6)], 2026, end_of_june),
            []
        );
        assert_eq!(
            behind(&[visits(12)], &[Figure::count(5)], 2026, end_of_june),
            [Measure::Visits]
        );
    }

    #[test]
    fn reports_are_held_to_the_target_and_events_never_behind() {
        let may = Date::from_calendar_date(2026, Month::May, 20).unwrap();
        let indicators = [
            Indicator {
                measure: Measure::ReportsOnTime,
                points: 20,
                target: 100,
            },
            Indicator {
                measure: Measure::MajorEvents,
                points: 5,
                target: 1,
            },
        ];
        let figures = [Figure::rate(3, 4), Figure::count(0)];
        assert_eq!(
            behind(&indicators, &figures, 2026, may),
            [Measure::ReportsOnTime]
        );
        assert_eq!(behind(&indicators, &figures, 2025, may), []);
    }

    proptest! {
        #[test]
        fn meeting_the_target_is_never_behind_and_more_done_is_never_more_behind(
            target in 1u32..500, count in 0u32..500, day in 1u16..=365,
        ) {
            let today = Date::from_ordinal_date(2026, day).unwrap();
            let reached = behind(&[visits(target)], &[Figure::count(target)], 2026, today);
            prop_assert!(reached.is_empty());
            // More done is never more behind.
            let less = behind(&[visits(target)], &[Figure::count(count)], 2026, today);
            let more = behind(&[visits(target)], &[Figure::count(count + 1)], 2026, today);
            prop_assert!(more.len() <= less.len());
        }
    }
}
