//! The lines of 本月情况汇报, the grid leader's home card: pure, so what the phone shows
//! offline (the cadence engine's judgement, waivers included) is tested natively.
use super::components::item::{month_label, report_state_label};
use crate::domain::cadence::{Rule, Status, Waiver};
use crate::domain::period::{Month, shanghai_date};
use crate::domain::report::{ReportDraft, report_duties};
use crate::records::state_class;
use crate::reports::words;
use crate::sync::outbox::{OutboxRecord, RecordState};
use time::Date;

/// One grid and month: its name, the badge (class and words) and where to write or edit it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub title: String,
    pub class: String,
    pub label: &'static str,
    pub href: String,
}

/// For each of the leader's `grids` (id, name) on `today`: this month's report, and last
/// month's while it still needs the leader (held but returned or refused, or not held and
/// still owed). Reports not held on the phone (`own`) of the grids the monthly rule binds
/// (`bound`: a township's own report, from its 经发办 staff, has no cadence) are judged by the
/// engine under `rule` with the `waivers`, so a waived month shows 已豁免 and a waived last
/// month is not listed.
pub fn report_lines(
    grids: &[(i32, String)],
    bound: &[i32],
    own: &[OutboxRecord],
    rule: Option<&Rule>,
    waivers: &[Waiver],
    today: Date,
) -> Vec<Line> {
    let this = Month::of(today);
    let months = [this.prev(), this];
    let judged = rule
        .map(|rule| report_duties(rule, bound, &filed(own), &months, waivers, today))
        .unwrap_or_default();
    let mut lines = Vec::new();
    for (grid, name) in grids {
        for month in months {
            let title = format!("{name} · {}", month_label(&month.to_string()));
            let held = own.iter().find(|r| {
                r.draft_of::<ReportDraft>()
                    .is_some_and(|d| d.grid_id == *grid && d.month == month.to_string())
            });
            let line = match held {
                // Last month's report, once sent, needs nothing more from the leader.
                Some(r)
                    if month != this
                        && !matches!(
                            r.state,
                            RecordState::Returned { .. } | RecordState::Rejected { .. }
                        ) =>
                {
                    continue;
                }
                Some(r) => Line {
                    title,
                    class: state_class(&r.state).to_owned(),
                    label: report_state_label(&r.state),
                    href: format!("/reports/new?id={}", r.id),
                },
                None => {
                    let status = judged
                        .iter()
                        .find(|(g, m, _)| g == grid && *m == month)
                        .map(|(_, _, s)| s);
                    // Last month only while it is still owed.
                    if month != this && !matches!(status, Some(Status::Overdue | Status::DueSoon)) {
                        continue;
                    }
                    Line {
                        title,
                        class: status.map_or("state pending".to_owned(), |s| {
                            format!("status {}", s.code())
                        }),
                        label: status.map_or(words::NOT_SENT, Status::label),
                        href: format!("/reports/new?grid={grid}&month={month}"),
                    }
                }
            };
            lines.push(line);
        }
    }
    lines
}

/// Reports the server has or will have (grid, month, day sent), dated by when they were (or
/// will be) sent.
fn filed(own: &[OutboxRecord]) -> Vec<(i32, Month, Date)> {
    own.iter()
        .filter(|r| !matches!(r.state, RecordState::Rejected { .. }))
        .filter_map(|r| {
            let d = r.draft_of::<ReportDraft>()?;
            let sent = match r.state {
                RecordState::Synced { received_at_ms } => received_at_ms,
                _ => r.device_time_ms,
            };
            Some((
                d.grid_id,
                Month::parse(&d.month).ok()?,
                shanghai_date(sent)?,
            ))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::cadence::{ObligationKind, Period, Policy, Subject};
    use crate::domain::report::ReportDraft;
    use crate::sync::outbox::RecordDraft;
    use time::macros::date;

    /// 2026-11-22: October's report (Yuhuan: five grace days) is overdue, November's not due.
    const TODAY: Date = date!(2026 - 11 - 22);

    fn rule() -> Rule {
        Policy::yuhuan()
            .rule(&ObligationKind::MonthlyLeaderReport)
            .cloned()
            .unwrap()
    }

    fn grids() -> Vec<(i32, String)> {
        vec![(5, "东湖工业一网格".into())]
    }

    fn waiver(month: u8) -> Waiver {
        Waiver {
            kind: ObligationKind::MonthlyLeaderReport,
            subject: Subject::Grid(5),
            period: Period::Month(Month::new(2026, month).unwrap()),
            reason: "网格长病假".into(),
            by_person: 8,
            at_ms: 1,
        }
    }

    fn labels(lines: &[Line]) -> Vec<(&str, &str)> {
        lines.iter().map(|l| (l.title.as_str(), l.label)).collect()
    }

    #[test]
    fn an_unsent_overdue_last_month_is_listed_as_overdue() {
        let lines = report_lines(&grids(), &[5], &[], Some(&rule()), &[], TODAY);
        let expected = [
            ("东湖工业一网格 · 2026年10月", "逾期未完成"),
            ("东湖工业一网格 · 2026年11月", "未到期"),
        ];
        assert_eq!(labels(&lines), expected);
        assert_eq!(lines[0].class, "status overdue");
        assert_eq!(lines[0].href, "/reports/new?grid=5&month=2026-10");
    }

    #[test]
    fn a_waived_last_month_is_not_listed_as_owed() {
        let lines = report_lines(&grids(), &[5], &[], Some(&rule()), &[waiver(10)], TODAY);
        assert_eq!(labels(&lines), [("东湖工业一网格 · 2026年11月", "未到期")]);
    }

    #[test]
    fn this_months_waived_report_shows_the_waived_label() {
        let lines = report_lines(&grids(), &[5], &[], Some(&rule()), &[waiver(11)], TODAY);
        assert_eq!(lines[1].label, "已豁免");
        assert_eq!(lines[1].class, "status waived");
    }

    #[test]
    fn a_report_held_on_the_phone_shows_its_state_and_a_sent_last_month_goes() {
        let report = |month: &str, state| {
            let mut r = crate::sync::outbox::tests::record(1, 1, state);
            r.draft = RecordDraft::MonthlyReport(ReportDraft {
                grid_id: 5,
                month: month.into(),
                work_done: "x".into(),
                problems: String::new(),
                next_steps: "y".into(),
            });
            r
        };
        let own = [
            report("2026-10", RecordState::Pending),
            report("2026-11", RecordState::Pending),
        ];
        let lines = report_lines(&grids(), &[5], &own, Some(&rule()), &[], TODAY);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].class, "state pending");
        assert_eq!(lines[0].href, format!("/reports/new?id={}", own[1].id));
        // Without the policy's rule the phone cannot judge, and says only that none was sent.
        let unjudged = report_lines(&grids(), &[5], &[], None, &[], TODAY);
        assert_eq!(
            labels(&unjudged),
            [("东湖工业一网格 · 2026年11月", "未提交")]
        );
    }

    #[test]
    fn a_townships_own_report_owes_nothing_and_offers_this_month() {
        // 东湖镇's 经发办 staff report to the 分管领导 on no cadence: no overdue October.
        let township = vec![(1, "东湖镇".to_owned())];
        let lines = report_lines(&township, &[], &[], Some(&rule()), &[], TODAY);
        assert_eq!(labels(&lines), [("东湖镇 · 2026年11月", "未提交")]);
        assert_eq!(lines[0].class, "state pending");
    }
}
