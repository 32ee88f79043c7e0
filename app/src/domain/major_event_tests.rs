#![allow(clippy::unwrap_used)]
use super::*;
use crate::domain::draft::Draft;
use time::macros::date;

const TODAY: Date = date!(2026 - 11 - 22);

fn draft() -> MajorEventDraft {
    MajorEventDraft {
        grid_id: 4,
        enterprise_id: Some(12),
        occurred_on: "2026-11-21".into(),
        title: " 某企业停产 ".into(),
        details: "因订单不足，自11月21日起全面停产。".into(),
        impact: "预计本月规上工业产值减少约3000万元".into(),
    }
}

#[test]
fn a_complete_event_is_trimmed() {
    let valid = draft().validate(TODAY).unwrap();
    assert_eq!(valid.title, "某企业停产");
    assert_eq!(valid.occurred_on, date!(2026 - 11 - 21));
    assert_eq!(valid.enterprise_id, Some(12));
}

#[test]
fn an_event_still_to_come_may_be_reported() {
    let mut d = draft();
    d.occurred_on = "2027-01-15".into();
    assert!(d.validate(TODAY).is_ok());
    d.occurred_on = "2028-01-15".into();
    assert_eq!(
        d.validate(TODAY).unwrap_err(),
        vec![MajorEventError::DateOutOfRange]
    );
}

#[test]
fn every_problem_is_reported_with_its_field() {
    let empty = MajorEventDraft {
        grid_id: 0,
        enterprise_id: Some(0),
        occurred_on: "21/11/2026".into(),
        title: "标".repeat(TITLE_MAX_CHARS + 1),
        details: "  ".into(),
        impact: String::new(),
    };
    let errors = empty.validate(TODAY).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field()).collect();
    assert_eq!(
        fields,
        vec!["grid_id", "occurred_on", "title", "details", "impact"]
    );
    assert_eq!(errors[3].to_string(), "请填写事项经过");
    assert_eq!(errors[4].code(), "empty");
}

#[test]
fn no_enterprise_is_none() {
    let mut d = draft();
    d.enterprise_id = Some(0);
    assert_eq!(d.validate(TODAY).unwrap().enterprise_id, None);
}

#[test]
fn an_event_the_city_has_not_read_is_escalated_once_its_hours_are_up() {
    let received = 1_764_000_000_000;
    let hours = |h: i64| received + h * 3_600_000;
    assert!(!city_escalated(received, false, hours(24) - 1, 24));
    assert!(city_escalated(received, false, hours(24), 24));
    // A city that gives itself 48 hours is not late at 24.
    assert!(!city_escalated(received, false, hours(24), 48));
    assert!(city_escalated(received, false, hours(100), 24));
    assert!(
        !city_escalated(received, true, hours(100), 24),
        "read in time or late: done"
    );
    // A clock behind the arrival (another server's) is not a reason to escalate.
    assert!(!city_escalated(received, false, received - 1, 24));
}

#[test]
fn the_city_reads_within_the_hours_its_policy_sets() {
    use crate::domain::cadence::{DueRule, Rule};
    assert_eq!(city_read_hours(&Policy::yuhuan()), 24);
    // Yueqing's preset has no major-event rule: the default day.
    assert_eq!(city_read_hours(&Policy::yueqing()), 24);
    let mut policy = Policy::yuhuan();
    policy.rules.retain(|r| r.kind.code() != "major_event");
    let rule = Rule::new(
        ObligationKind::MajorEvent { city_read_hours: 8 },
        DueRule::EndOfPeriod,
        0,
    );
    policy.rules.push(rule);
    assert_eq!(city_read_hours(&policy), 8);
}
