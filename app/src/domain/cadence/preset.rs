//! Preset policies taken from the cities' guidance, as starting points an
//! administrator adjusts.

use super::{DEFAULT_CITY_READ_HOURS, DueRule, MonthDay, ObligationKind, Policy, Rule};
use crate::domain::grid::GridKind;

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
    /// of March; each township, department and zone draws up its training plan
    /// in April; members study; the township meets monthly to analyse the
    /// economy; its instructor promotes the statistics law each quarter ("定期");
    /// major events are reported the same day.
    pub fn yuhuan() -> Policy {
        let [report, activity, visits, education] = common_rules();
        let plan = Rule::new(
            ObligationKind::AnnualPlan,
            DueRule::FixedMonthDay(MonthDay::END_OF_MARCH),
            31,
        );
        let training_plan = Rule::new(
            ObligationKind::TrainingPlan,
            DueRule::FixedMonthDay(MonthDay::END_OF_APRIL),
            30,
        );
        let meeting = Rule::new(
            ObligationKind::TownshipAnalysisMeeting,
            DueRule::EndOfPeriod,
            7,
        );
        let event = ObligationKind::MajorEvent {
            city_read_hours: DEFAULT_CITY_READ_HOURS,
        };
        let event = Rule::new(event, DueRule::EndOfPeriod, 0);
        Policy {
            name: "玉环市".to_owned(),
            rules: vec![
                report,
                activity,
                visits,
                plan,
                training_plan,
                education,
                meeting,
                law_promotion(),
                event,
            ],
        }
    }

    /// Yueqing (乐清市, 乐政办发〔2022〕37号, seed 003): three grid levels;
    /// the township hears the level-3 leaders each month; grids of every
    /// level hold activities at least once a quarter (各级网格每季度, §三(三)1:
    /// the enterprise grids, and the city, townships and departments for theirs);
    /// enterprises are visited (once a quarter by default); members study; each
    /// township's instructor promotes the statistics law each quarter ("定期").
    pub fn yueqing() -> Policy {
        let mut rules = common_rules().to_vec();
        rules.insert(2, unit_activity());
        rules.push(law_promotion());
        Policy {
            name: "乐清市".to_owned(),
            rules,
        }
    }
}

impl Policy {
    /// Guangxi (广西, the county statistics reform pilot, seed 004): the pilot city's and
    /// counties' statistics bureaus survey their offices by the end of May, adopt the plan and
    /// hold the mobilisation meeting by the end of June (§五), and send the regional bureau a
    /// summary of progress by 15 July, 15 September and 10 December (§七), and the reform's
    /// summary within the summary stage, 1 to 10 December (§五(四)). The city grid stands for
    /// the reporting bureau.
    pub fn guangxi() -> Policy {
        let stage = |label: &str, opens: (u8, u8), due: (u8, u8)| {
            let kind = ObligationKind::FixedDate {
                label: label.to_owned(),
                dates: MonthDay::new(due.0, due.1).ok().into_iter().collect(),
                grid_kind: GridKind::City,
                opens: MonthDay::new(opens.0, opens.1).ok(),
            };
            Rule::new(kind, DueRule::EndOfPeriod, FIXED_DATE_SOON_DAYS)
        };
        let fixed = |label: &str, dates: &[(u8, u8)]| {
            let dates = dates
                .iter()
                .filter_map(|&(m, d)| MonthDay::new(m, d).ok())
                .collect();
            let kind = ObligationKind::FixedDate {
                label: label.to_owned(),
                dates,
                grid_kind: GridKind::City,
                opens: None,
            };
            Rule::new(kind, DueRule::EndOfPeriod, FIXED_DATE_SOON_DAYS)
        };
        Policy {
            name: "广西（改革试点）".to_owned(),
            rules: vec![
                fixed("改革前期工作调研", &[(5, 31)]),
                fixed("改革工作方案及动员部署", &[(6, 30)]),
                fixed("试点工作推进情况总结", &[(7, 15), (9, 15), (12, 10)]),
                stage("改革工作总结", (12, 1), (12, 10)),
            ],
        }
    }

    /// A rule of every kind the engine knows, with the presets' settings: what 报送节奏 offers
    /// to add. The fixed-date report comes unnamed and without dates, for the administrator to
    /// name and date (a policy refuses it until then).
    pub fn catalogue() -> Vec<Rule> {
        let blank = ObligationKind::FixedDate {
            label: String::new(),
            dates: Vec::new(),
            grid_kind: GridKind::Township,
            opens: None,
        };
        let mut rules = Policy::yuhuan().rules;
        rules.push(unit_activity());
        rules.push(Rule::new(blank, DueRule::EndOfPeriod, FIXED_DATE_SOON_DAYS));
        rules
    }
}

/// The city's, each township's, department's and work area's activity of the quarter (003
/// §三(三)1), due
/// soon from two weeks before the quarter ends, like the enterprise grids'.
fn unit_activity() -> Rule {
    Rule::new(ObligationKind::UnitActivity, DueRule::EndOfPeriod, 15)
}

/// Each unit's quarter of law promotion, due soon from two weeks before it ends: "定期" (001
/// and 003 §三(二)) gives no interval, so the quarter is a local setting, as for activities.
fn law_promotion() -> Rule {
    Rule::new(ObligationKind::LawPromotion, DueRule::EndOfPeriod, 15)
}

/// Days before a fixed-date report's deadline that it shows as due soon (a local setting).
const FIXED_DATE_SOON_DAYS: u32 = 10;

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
