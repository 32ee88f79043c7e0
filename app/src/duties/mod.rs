//! 本季度待办: each person's open duties for their own enterprise grids (today the visit rule:
//! each enterprise visited as often as the cadence asks). The server judges them with the
//! cadence engine at each sync; the phone keeps the list, so it shows offline too, and takes
//! off what the person has visited since.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
mod education;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;

use crate::domain::period::Quarter;
use crate::domain::report::ReportDraft;
use crate::domain::visit::still_owed;
use crate::sync::outbox::{OutboxRecord, RecordState};
use api::{Duty, Reminder};
use time::Date;

/// The reminders still worth showing: one about a leader's own report goes once the phone
/// holds that report in any state but returned or refused (those still need the leader).
pub fn open_reminders(reminders: &[Reminder], records: &[OutboxRecord]) -> Vec<Reminder> {
    let handled = |grid: i32, month: &str| {
        records.iter().any(|r| {
            r.draft_of::<ReportDraft>()
                .is_some_and(|d| d.grid_id == grid && d.month == month)
                && !matches!(
                    r.state,
                    RecordState::Returned { .. } | RecordState::Rejected { .. }
                )
        })
    };
    reminders
        .iter()
        .filter(|m| {
            m.report
                .as_ref()
                .is_none_or(|(grid, month)| !handled(*grid, month))
        })
        .cloned()
        .collect()
}

/// The duties still open once the phone's own unsynced visits are counted by the domain's
/// rule ([`still_owed`]): `pending` lists (enterprise, visit date) of visits saved but not yet
/// synced, which the server could not have counted.
pub fn still_open(duties: &[Duty], pending: &[(i32, Date)], quarter: Quarter) -> Vec<Duty> {
    duties
        .iter()
        .filter(|d| {
            let dates = pending.iter().filter(|(e, _)| *e == d.enterprise_id);
            still_owed(d.remaining, dates.map(|(_, day)| *day), quarter) > 0
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cadence::Status;
    use proptest::prelude::*;
    use time::macros::date;

    fn q4() -> Quarter {
        Quarter::of(date!(2026 - 11 - 22))
    }

    fn duty(enterprise_id: i32, remaining: u32) -> Duty {
        Duty {
            enterprise_id,
            enterprise_name: format!("企业{enterprise_id}"),
            grid_name: "东湖工业一网格".into(),
            remaining,
            status: Status::DueSoon,
        }
    }

    fn reminder(report: Option<(i32, &str)>) -> Reminder {
        Reminder {
            title: "东湖工业一网格 2026年11月情况汇报".into(),
            note: String::new(),
            status: Status::DueSoon,
            report: report.map(|(g, m)| (g, m.to_owned())),
        }
    }

    fn report_record(grid_id: i32, month: &str, state: RecordState) -> OutboxRecord {
        let mut r = crate::sync::outbox::tests::record(1, 1, state);
        r.draft =
            crate::sync::outbox::RecordDraft::MonthlyReport(crate::domain::report::ReportDraft {
                grid_id,
                month: month.into(),
                work_done: "x".into(),
                problems: String::new(),
                next_steps: "y".into(),
            });
        r
    }

    #[test]
    fn a_report_written_on_the_phone_takes_its_reminder_off_even_unsynced() {
        let reminders = [reminder(Some((5, "2026-11"))), reminder(None)];
        let pending = [report_record(5, "2026-11", RecordState::Pending)];
        assert_eq!(open_reminders(&reminders, &pending), vec![reminder(None)]);
        let other_month = [report_record(5, "2026-10", RecordState::Pending)];
        assert_eq!(open_reminders(&reminders, &other_month), reminders.to_vec());
        let returned = [report_record(
            5,
            "2026-11",
            RecordState::Returned { comment: None },
        )];
        assert_eq!(open_reminders(&reminders, &returned), reminders.to_vec());
    }

    #[test]
    fn an_unsynced_visit_in_the_quarter_takes_the_duty_off() {
        let duties = [duty(1, 1), duty(2, 1)];
        let left = still_open(&duties, &[(1, date!(2026 - 11 - 22))], q4());
        assert_eq!(left, vec![duty(2, 1)]);
    }

    #[test]
    fn visits_outside_the_quarter_or_too_few_leave_it_open() {
        let duties = [duty(1, 2), duty(2, 1)];
        let pending = [
            (1, date!(2026 - 11 - 22)),
            (2, date!(2026 - 09 - 30)),
            (2, date!(2027 - 01 - 01)),
        ];
        let left = still_open(&duties, &pending, q4());
        assert_eq!(left, duties.to_vec());
        let both = [(1, date!(2026 - 10 - 01)), (1, date!(2026 - 12 - 31))];
        let left = still_open(&duties, &both, q4());
        assert_eq!(left, vec![duty(2, 1)]);
    }

    proptest! {
        /// Counting visits can only take duties off, never add or change one.
        #[test]
        fn the_open_list_only_shrinks(ids in proptest::collection::vec(0..20i32, 0..30),
                                      visited in proptest::collection::vec(0..20i32, 0..30)) {
            let duties: Vec<Duty> = ids.iter().map(|&id| duty(id, 1)).collect();
            let visits: Vec<(i32, Date)> = visited.iter().map(|&id| (id, date!(2026 - 11 - 01))).collect();
            let left = still_open(&duties, &visits, q4());
            prop_assert!(left.len() <= duties.len());
            prop_assert!(left.iter().all(|d| duties.contains(d) && !visited.contains(&d.enterprise_id)));
        }
    }
}
