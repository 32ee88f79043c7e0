//! Preset policies taken from the cities' guidance, as starting points an
//! administrator adjusts.

use super::{DueRule, MonthDay, ObligationKind, Policy, Rule};

/// Continuing education hours a member needs a year. Neither guidance gives
/// a figure ("及时参加统计继续教育"), so this is a placeholder to confirm.
const EDUCATION_HOURS: u32 = 24;

/// Days after the month in which a lower grid's report for it still counts
/// as on time (reports are heard early in the following month).
const REPORT_GRACE_DAYS: u32 = 5;

impl Policy {
    /// Yuhuan (玉环市, 玉政办发〔2022〕18号, seed 001): four grid levels;
    /// the township hears the level-3 and level-4 leaders each month;
    /// enterprise grids hold activities "定期" (taken as quarterly), are
    /// visited (once a quarter by default) and file an annual plan by the end
    /// of March; members study; the township meets monthly to analyse the
    /// economy; major events are reported the same day.
    pub fn yuhuan() -> Policy {
        let [report, activity, visits, education] = common_rules();
        let plan = Rule::new(
            ObligationKind::AnnualPlan,
            DueRule::FixedMonthDay(MonthDay::END_OF_MARCH),
            31,
        );
        let meeting = Rule::new(
            ObligationKind::TownshipAnalysisMeeting,
            DueRule::EndOfPeriod,
            7,
        );
        let event = Rule::new(ObligationKind::MajorEvent, DueRule::EndOfPeriod, 0);
        Policy {
            name: "玉环市".to_owned(),
            rules: vec![report, activity, visits, plan, education, meeting, event],
        }
    }

    /// Yueqing (乐清市, 乐政办发〔2022〕37号, seed 003): three grid levels;
    /// the township hears the level-3 leaders each month; grids hold
    /// activities at least once a quarter (bound to enterprise grids, see
    /// [`super::Subjects::bound_by`]); enterprises are visited (once a quarter
    /// by default); members study.
    pub fn yueqing() -> Policy {
        Policy {
            name: "乐清市".to_owned(),
            rules: common_rules().to_vec(),
        }
    }
}

/// The duties both guidances share: monthly report, quarterly activity,
/// visits and continuing education.
fn common_rules() -> [Rule; 4] {
    let report = Rule {
        grace_days: REPORT_GRACE_DAYS,
        ..Rule::new(ObligationKind::MonthlyLeaderReport, DueRule::EndOfPeriod, 7)
    };
    let activity = Rule::new(ObligationKind::QuarterlyActivity, DueRule::EndOfPeriod, 15);
    let visits = Rule::new(
        ObligationKind::EnterpriseVisits { per_quarter: 1 },
        DueRule::EndOfPeriod,
        15,
    );
    let education = Rule::new(
        ObligationKind::ContinuingEducation {
            hours_per_year: EDUCATION_HOURS,
        },
        DueRule::EndOfPeriod,
        31,
    );
    [report, activity, visits, education]
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "preset_tests.rs"]
mod tests;
