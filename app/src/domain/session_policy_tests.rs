use super::*;
use proptest::prelude::*;

const T0: i64 = 1_796_000_000_000;

fn kind() -> impl Strategy<Value = SessionKind> {
    prop_oneof![Just(SessionKind::Field), Just(SessionKind::Office)]
}

/// A session opened at `T0` and used `uses` ms apart, judged at each use.
fn used(kind: SessionKind, gaps: &[i64]) -> (SessionTimes, Vec<Verdict>) {
    let mut session = SessionTimes::opened(kind, T0);
    let mut now = T0;
    let mut verdicts = Vec::new();
    for gap in gaps {
        now += gap;
        let verdict = session.judge(now);
        if let Verdict::Valid { touch: true } = verdict {
            session = session.touched(now);
        }
        verdicts.push(verdict);
    }
    (session, verdicts)
}

#[test]
fn an_office_session_ends_after_thirty_idle_minutes() {
    let session = SessionTimes::opened(SessionKind::Office, T0);
    assert!(matches!(
        session.judge(T0 + 29 * 60_000),
        Verdict::Valid { .. }
    ));
    assert_eq!(session.judge(T0 + 30 * 60_000), Verdict::Expired);
}

#[test]
fn an_office_session_in_use_all_day_ends_after_twelve_hours() {
    let (session, verdicts) = used(SessionKind::Office, &[10 * 60_000; 71]);
    assert!(verdicts.iter().all(|v| matches!(v, Verdict::Valid { .. })));
    assert_eq!(session.judge(T0 + 12 * 3_600_000), Verdict::Expired);
}

#[test]
fn a_phone_session_still_works_after_eight_weeks_offline() {
    let session = SessionTimes::opened(SessionKind::Field, T0);
    assert!(matches!(
        session.judge(T0 + 56 * 86_400_000),
        Verdict::Valid { touch: true }
    ));
    assert_eq!(session.judge(T0 + 60 * 86_400_000), Verdict::Expired);
}

#[test]
fn a_phone_session_synced_every_month_ends_after_half_a_year() {
    let (session, verdicts) = used(SessionKind::Field, &[30 * 86_400_000; 5]);
    assert!(verdicts.iter().all(|v| matches!(v, Verdict::Valid { .. })));
    assert_eq!(session.judge(T0 + 180 * 86_400_000), Verdict::Expired);
}

#[test]
fn use_is_recorded_at_most_once_a_minute() {
    let session = SessionTimes::opened(SessionKind::Office, T0);
    assert_eq!(session.judge(T0 + 59_999), Verdict::Valid { touch: false });
    assert_eq!(session.judge(T0 + 60_000), Verdict::Valid { touch: true });
}

#[test]
fn kinds_are_stored_by_code() {
    for kind in [SessionKind::Field, SessionKind::Office] {
        assert_eq!(SessionKind::from_code(kind.code()), Some(kind));
    }
    assert_eq!(SessionKind::from_code("desk"), None);
}

proptest! {
    #[test]
    fn no_session_outlives_its_absolute_lifetime(
        kind in kind(),
        gaps in proptest::collection::vec(0i64..3_600_000 * 24, 0..400),
        later in 0i64..86_400_000,
    ) {
        let (session, _) = used(kind, &gaps);
        let at = T0 + kind.absolute_ms() + later;
        prop_assert_eq!(session.judge(at), Verdict::Expired);
    }

    #[test]
    fn a_session_is_valid_exactly_before_it_expires(
        kind in kind(),
        created_ago in 0i64..200 * 86_400_000,
        seen_ago in 0i64..200 * 86_400_000,
        now_offset in -86_400_000i64..200 * 86_400_000,
    ) {
        let now = T0 + 400 * 86_400_000;
        let created = now - created_ago;
        let session = SessionTimes { kind, created_ms: created, last_seen_ms: created.max(now - seen_ago) };
        let at = now + now_offset;
        let valid = matches!(session.judge(at), Verdict::Valid { .. });
        prop_assert_eq!(valid, at < session.expires_at_ms());
        prop_assert!(session.expires_at_ms() <= session.created_ms + kind.absolute_ms());
        prop_assert!(session.expires_at_ms() <= session.last_seen_ms + kind.idle_ms());
    }

    #[test]
    fn recording_use_never_shortens_a_session(
        kind in kind(),
        seen_after in 0i64..86_400_000,
        now_after in 0i64..86_400_000,
    ) {
        let session = SessionTimes { kind, created_ms: T0, last_seen_ms: T0 + seen_after };
        let touched = session.touched(T0 + now_after);
        prop_assert!(touched.expires_at_ms() >= session.expires_at_ms());
        prop_assert_eq!(touched.created_ms, session.created_ms);
    }
}
