#![allow(clippy::unwrap_used)]
use super::*;
use proptest::prelude::*;

const SECOND: i64 = 1000;

fn refused(secs: u64) -> Decision {
    Decision::Refused {
        retry_after_secs: secs,
    }
}

#[test]
fn a_key_without_failures_may_always_try() {
    assert_eq!(decide(&[], PHONE, 0), Decision::Allowed);
    assert_eq!(decide(&[], ADDRESS, 1_000_000), Decision::Allowed);
}

#[test]
fn five_failures_in_a_minute_are_answered_then_the_sixth_attempt_waits_for_the_minute() {
    let failures: Vec<i64> = (0..5).map(|i| i * SECOND).collect();
    assert_eq!(decide(&failures[..4], PHONE, 4 * SECOND), Decision::Allowed);
    assert_eq!(decide(&failures, PHONE, 5 * SECOND), refused(55));
    assert_eq!(decide(&failures, PHONE, 59 * SECOND + 1), refused(1));
    assert_eq!(decide(&failures, PHONE, 60 * SECOND), Decision::Allowed);
}

#[test]
fn delays_double_with_each_further_failure_of_the_hour_up_to_five_minutes() {
    // Five failures ten minutes apart: none in the same minute, all in the same hour.
    let mut failures: Vec<i64> = (0..5).map(|i| i * 10 * MINUTE_MS).collect();
    let mut waits = Vec::new();
    for _ in 0..10 {
        let latest = *failures.last().unwrap();
        let Decision::Refused { retry_after_secs } = decide(&failures, PHONE, latest) else {
            panic!("refused right after a failure")
        };
        waits.push(retry_after_secs);
        failures.push(latest + retry_after_secs as i64 * SECOND + MINUTE_MS);
    }
    assert_eq!(waits, [2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
}

#[test]
fn twenty_failures_in_an_hour_lock_the_key_until_the_oldest_is_an_hour_old() {
    let failures: Vec<i64> = (0..20).map(|i| i * 150 * SECOND).collect();
    let now = 50 * MINUTE_MS;
    assert_eq!(decide(&failures, PHONE, now), refused(600));
    assert_eq!(decide(&failures, PHONE, HOUR_MS - 1), refused(1));
    assert_eq!(decide(&failures, PHONE, HOUR_MS), Decision::Allowed);
    // An address may fail more often: it only waits the delay after its latest failure.
    assert_eq!(decide(&failures, ADDRESS, now), refused(150));
}

#[test]
fn a_failure_stamped_ahead_by_another_servers_clock_counts_as_now() {
    let failures = vec![10 * HOUR_MS; 20];
    assert_eq!(decide(&failures, PHONE, 0), refused(3600));
}

#[test]
fn of_two_refusals_the_longer_wait_wins() {
    assert_eq!(refused(5).and(refused(60)), refused(60));
    assert_eq!(refused(5).and(Decision::Allowed), refused(5));
    assert_eq!(Decision::Allowed.and(Decision::Allowed), Decision::Allowed);
}

/// An attacker trying at the given gaps: every attempt let through fails. The failures, and
/// each refusal with the time it was made.
fn attack(limits: Limits, gaps_ms: &[i64]) -> (Vec<i64>, Vec<(i64, u64)>) {
    let (mut failures, mut refusals, mut now) = (Vec::new(), Vec::new(), 0);
    for gap in gaps_ms {
        now += gap;
        match decide(&failures, limits, now) {
            Decision::Allowed => failures.push(now),
            Decision::Refused { retry_after_secs } => refusals.push((now, retry_after_secs)),
        }
    }
    (failures, refusals)
}

/// The most failures in any window of `span_ms`.
fn most_within(failures: &[i64], span_ms: i64) -> usize {
    failures
        .iter()
        .map(|&end| {
            failures
                .iter()
                .filter(|&&at| at > end - span_ms && at <= end)
                .count()
        })
        .max()
        .unwrap_or(0)
}

proptest! {
    /// However an attacker times the attempts, no minute and no hour lets more failures
    /// through than the limits.
    #[test]
    fn no_minute_and_no_hour_holds_more_failures_than_allowed(
        gaps in proptest::collection::vec(0i64..90_000, 1..300),
        address in any::<bool>(),
    ) {
        let limits = if address { ADDRESS } else { PHONE };
        let (failures, _) = attack(limits, &gaps);
        prop_assert!(most_within(&failures, MINUTE_MS) <= limits.per_minute);
        prop_assert!(most_within(&failures, HOUR_MS) <= limits.per_hour);
    }

    /// A refusal names a wait of one second to an hour, and after that wait the key may try.
    #[test]
    fn the_wait_named_is_positive_at_most_an_hour_and_enough(
        gaps in proptest::collection::vec(0i64..90_000, 1..300),
    ) {
        let (failures, refusals) = attack(PHONE, &gaps);
        for (at, secs) in refusals {
            prop_assert!((1..=3600).contains(&secs));
            let before: Vec<i64> = failures.iter().copied().filter(|&f| f <= at).collect();
            let later = at + secs as i64 * SECOND;
            prop_assert_eq!(decide(&before, PHONE, later), Decision::Allowed);
        }
    }

    /// Any failures at all, in any order and at any time, give a wait within the bounds.
    #[test]
    fn any_failures_give_a_bounded_wait(
        failures in proptest::collection::vec(-2 * HOUR_MS..2 * HOUR_MS, 0..80),
    ) {
        if let Decision::Refused { retry_after_secs } = decide(&failures, PHONE, 0) {
            prop_assert!((1..=3600).contains(&retry_after_secs));
        }
    }
}
