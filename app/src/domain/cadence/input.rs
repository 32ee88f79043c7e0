//! What the caller hands the engine: who is bound, what was recorded, and
//! which obligations were waived. The engine loads nothing itself.

use serde::{Deserialize, Serialize};
use time::Date;

use super::{CadenceError, ObligationKind, Period};
use crate::domain::grid::{GridId, GridKind, Role};

/// Who an obligation binds or a fact concerns. Ordered grids, people, enterprises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// A grid, e.g. for its activities or its leader's monthly report.
    Grid(GridId),
    /// A person (database id), e.g. for continuing education hours.
    Person(i32),
    /// An enterprise (survey object, database id), e.g. for visits.
    Enterprise(i32),
}

/// What a recorded fact is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FactKind {
    /// A lower grid leader's report heard by the township (subject: the lower grid).
    LeaderReport,
    /// A grid activity at the statistics home (subject: the grid).
    Activity,
    /// A visit to an enterprise (subject: the enterprise).
    Visit,
    /// An annual work plan filed (subject: the enterprise grid).
    AnnualPlan,
    /// A unit's training plan drawn up (subject: the township, department or zone).
    TrainingPlan,
    /// Training attended; `amount` is hours (subject: the person).
    Training,
    /// The township's monthly analysis meeting held (subject: the township grid).
    AnalysisMeeting,
    /// A 统计法治宣传 activity or visit in a level-2 unit or below (subject: the unit).
    LawPromotion,
    /// A major event occurred; this creates the obligation to report it.
    MajorEventOccurred,
    /// A major event reported to the city bureau.
    MajorEventReported,
    /// A report for a fixed-date obligation with this label.
    FixedDateReport {
        /// The obligation's label.
        label: String,
    },
}

/// A record relevant to the cadence, taken from visits, trainings,
/// activities and reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// What was recorded.
    pub kind: FactKind,
    /// Whom it concerns.
    pub subject: Subject,
    /// The user-entered calendar date in Beijing (never the device's clock).
    pub date: Date,
    /// Hours for training, otherwise a count (normally 1).
    #[serde(default = "one")]
    pub amount: u32,
    /// The period the record reports on, when it names one (November's
    /// report filed on 3 December; the day of the major event reported).
    /// Otherwise the record counts for the period containing `date`.
    #[serde(default)]
    pub period: Option<Period>,
}

/// The default amount of a fact.
fn one() -> u32 {
    1
}

impl Fact {
    /// A fact of amount 1 counting for the period containing `date`.
    pub fn new(kind: FactKind, subject: Subject, date: Date) -> Fact {
        Fact {
            kind,
            subject,
            date,
            amount: 1,
            period: None,
        }
    }
}

/// An obligation excused by someone, with the reason; kept for the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Waiver {
    /// The duty excused (parameters such as counts are ignored when matching).
    pub kind: ObligationKind,
    /// Whom it excuses.
    pub subject: Subject,
    /// The period excused, exactly as the obligation's.
    pub period: Period,
    /// Why, as entered.
    pub reason: String,
    /// Who granted it.
    pub by_person: i32,
    /// When it was granted, Unix milliseconds.
    pub at_ms: i64,
}

/// Why a period cannot be excused for a duty (apart from [`CadenceError`], which the phone
/// carries: only the server excuses).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WaiverPeriodError {
    /// Not one of the duty's own periods.
    #[error("{label}{cadence}考核一次，豁免的期间应与之一致")]
    NotItsOwn {
        /// The obligation's label.
        label: String,
        /// How often it falls due, e.g. 每季度.
        cadence: &'static str,
    },
    /// Not yet begun.
    #[error("尚未开始的期间不能豁免")]
    NotBegun,
}

/// Longest waiver reason, in characters.
pub const WAIVER_REASON_MAX_CHARS: usize = 500;

impl Waiver {
    /// The reason as it will be kept: trimmed, required, at most
    /// [`WAIVER_REASON_MAX_CHARS`] characters. A waiver is an exception someone must answer
    /// for, so it never goes without one.
    pub fn check_reason(reason: &str) -> Result<String, CadenceError> {
        let reason = crate::domain::text::clean_text(reason);
        match reason.chars().count() {
            0 => Err(CadenceError::WaiverReasonEmpty),
            n if n > WAIVER_REASON_MAX_CHARS => Err(CadenceError::WaiverReasonTooLong {
                max: WAIVER_REASON_MAX_CHARS,
            }),
            _ => Ok(reason),
        }
    }

    /// Whether `period` may be excused for a duty of `kind`: one of the kind's own periods (a
    /// quarter for a quarterly duty, a year for a plan), begun by `today`. A period not yet
    /// begun is not excused in advance: whoever excuses it should see how it went.
    pub fn check_period(
        kind: &ObligationKind,
        period: &Period,
        today: Date,
    ) -> Result<(), WaiverPeriodError> {
        if kind.period_of(period.first_day()) != *period {
            return Err(WaiverPeriodError::NotItsOwn {
                label: kind.label().to_owned(),
                cadence: kind.cadence().label(),
            });
        }
        if period.first_day() > today {
            return Err(WaiverPeriodError::NotBegun);
        }
        Ok(())
    }
}

/// Who the policy's rules apply to. Which rule binds whom follows from the
/// grid kinds and roles (see [`Subjects::bound_by`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subjects {
    /// Grids in scope with their kind.
    pub grids: Vec<(GridId, GridKind)>,
    /// People in scope with a role they hold and the kind of its grid (a person may appear
    /// once per role).
    pub people: Vec<(i32, GridKind, Role)>,
    /// Enterprises in scope.
    pub enterprises: Vec<i32>,
}

impl Subjects {
    /// The subjects a kind of obligation binds, sorted and without repeats:
    /// work-area and enterprise grids report monthly to the township; enterprise
    /// grids hold activities and file the annual plan, and every level above them
    /// organises its own activity for them; members study; every
    /// enterprise is visited; townships meet monthly; level-2 units plan their
    /// trainings and promote the statistics law; fixed-date reports bind grids of their kind. Major events bind
    /// whoever they occurred to, so none here.
    pub fn bound_by(&self, kind: &ObligationKind) -> Vec<Subject> {
        let grids = |wanted: &[GridKind]| -> Vec<Subject> {
            self.grids
                .iter()
                .filter(|(_, k)| wanted.contains(k))
                .map(|&(id, _)| Subject::Grid(id))
                .collect()
        };
        let mut bound = match kind {
            ObligationKind::MonthlyLeaderReport => grids(&GridKind::REPORTING),
            ObligationKind::QuarterlyActivity | ObligationKind::AnnualPlan => {
                grids(&[GridKind::Enterprise])
            }
            ObligationKind::UnitActivity => grids(&[
                GridKind::City,
                GridKind::Township,
                GridKind::Department,
                GridKind::DevelopmentZone,
                GridKind::WorkArea,
            ]),
            ObligationKind::TownshipAnalysisMeeting => grids(&GridKind::MEETING),
            ObligationKind::TrainingPlan | ObligationKind::LawPromotion => {
                grids(&GridKind::LEVEL_TWO)
            }
            ObligationKind::FixedDate { grid_kind, .. } => grids(&[*grid_kind]),
            ObligationKind::EnterpriseVisits { .. } => self
                .enterprises
                .iter()
                .map(|&id| Subject::Enterprise(id))
                .collect(),
            ObligationKind::ContinuingEducation { .. } => self
                .people
                .iter()
                .filter(|(_, kind, role)| role.studies_in(*kind))
                .map(|&(id, _, _)| Subject::Person(id))
                .collect(),
            ObligationKind::MajorEvent { .. } => Vec::new(),
        };
        bound.sort_unstable();
        bound.dedup();
        bound
    }
}
