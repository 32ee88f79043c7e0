use super::*;
use proptest::prelude::*;
use time::macros::date;

fn check(enterprise_id: i32, day: Date, follow_up: bool) -> Check {
    Check {
        enterprise_id,
        day,
        received_at_ms: 0,
        follow_up,
    }
}

#[test]
fn an_enterprise_stays_open_until_a_later_check_finds_nothing_more() {
    let checks = [
        check(1, date!(2026 - 03 - 02), true),
        check(2, date!(2026 - 03 - 05), true),
        check(1, date!(2026 - 05 - 10), false),
        check(3, date!(2026 - 06 - 01), false),
    ];
    let summary = summarise(&checks);
    assert_eq!(summary.checks, 4);
    assert_eq!(summary.enterprises, 3);
    assert_eq!(summary.open, [1]);
    assert_eq!(summary.resolved, 1);
}

#[test]
fn the_latest_check_decides_even_when_sent_out_of_order() {
    // A phone that was offline sends March's check after May's.
    let checks = [
        check(1, date!(2026 - 05 - 10), false),
        check(1, date!(2026 - 03 - 02), true),
    ];
    assert_eq!(summarise(&checks).open, Vec::<usize>::new());
    // Two checks of one day: the one received last decides.
    let mut later = check(1, date!(2026 - 05 - 10), true);
    later.received_at_ms = 5;
    assert_eq!(summarise(&[checks[0], later]).open, [1]);
}

#[test]
fn no_checks_show_nothing() {
    assert_eq!(summarise(&[]), Summary::default());
}

proptest! {
    #[test]
    fn every_enterprise_is_open_or_not_by_its_latest_check(
        raw in proptest::collection::vec((0i32..5, 0i64..60, any::<bool>()), 0..30),
    ) {
        let start = date!(2026 - 01 - 01);
        let checks: Vec<Check> = raw
            .iter()
            .enumerate()
            .map(|(n, &(e, d, f))| Check {
                enterprise_id: e,
                day: start + time::Duration::days(d),
                received_at_ms: n as i64,
                follow_up: f,
            })
            .collect();
        let summary = summarise(&checks);
        prop_assert_eq!(summary.checks, checks.len());
        for e in 0..5 {
            let latest = checks
                .iter()
                .filter(|c| c.enterprise_id == e)
                .max_by_key(|c| (c.day, c.received_at_ms));
            let open = summary.open.iter().any(|&i| checks[i].enterprise_id == e);
            prop_assert_eq!(open, latest.is_some_and(|c| c.follow_up));
        }
        prop_assert!(summary.open.len() + summary.resolved <= summary.enterprises);
    }
}
