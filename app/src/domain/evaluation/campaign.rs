//! A campaign's calendar and quotas: stages with windows (002 §三: 自评 5/10–5/25, 县级检查
//! 5/25–6/10, 市级检查 6/10–6/30, 材料报送 by 7/1; 000: 联点评价 by the end of October), how
//! many townships each county inspects (不少于6个) and how many units each contact point links
//! (000 §一(一): 局领导、处室各 2 个，市州统计局 3 个).
use super::division::DivisionCode;
use crate::domain::grid::coded_enum;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

coded_enum! {
    /// A stage of a campaign.
    StageKind {
        SelfAssessment = "self_assessment", "自评";
        CountyInspection = "county_inspection", "县级检查";
        CityInspection = "city_inspection", "市级检查";
        ContactEvaluation = "contact_evaluation", "联点评价";
        Submission = "submission", "材料报送";
    }
}

/// A stage and the days it is open, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub stage: StageKind,
    pub opens: Date,
    pub closes: Date,
}

/// Where a unit stands in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "timing", rename_all = "snake_case")]
pub enum Timing {
    Upcoming,
    Open,
    OnTime,
    Late { days: i64 },
    Missed,
}

impl Timing {
    pub fn label(&self) -> String {
        match self {
            Timing::Upcoming => "未开始".into(),
            Timing::Open => "进行中".into(),
            Timing::OnTime => "按时完成".into(),
            Timing::Late { days } => format!("逾期 {days} 天完成"),
            Timing::Missed => "已逾期，未完成".into(),
        }
    }
}

impl Window {
    /// Where a unit stands that finished on `done` (if it did), as of `today`.
    pub fn timing(&self, done: Option<Date>, today: Date) -> Timing {
        match done {
            Some(day) if day <= self.closes => Timing::OnTime,
            Some(day) => Timing::Late {
                days: (day - self.closes).whole_days(),
            },
            None if today > self.closes => Timing::Missed,
            None if today < self.opens => Timing::Upcoming,
            None => Timing::Open,
        }
    }
}

/// Why a calendar was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("“{0}”的结束日期早于开始日期")]
    Reversed(&'static str),
    #[error("“{0}”应在上一阶段开始之后开始")]
    OutOfOrder(&'static str),
    #[error("“{0}”出现了两次")]
    Repeated(&'static str),
}

/// Checks that each window closes after it opens and that stages follow one another.
pub fn check_calendar(windows: &[Window]) -> Result<(), Vec<CalendarError>> {
    let mut errors = Vec::new();
    for (n, w) in windows.iter().enumerate() {
        let label = w.stage.label();
        if w.closes < w.opens {
            errors.push(CalendarError::Reversed(label));
        }
        if windows[..n].iter().any(|v| v.stage == w.stage) {
            errors.push(CalendarError::Repeated(label));
        } else if n > 0 && w.opens < windows[n - 1].opens {
            errors.push(CalendarError::OutOfOrder(label));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn day(year: i32, month: Month, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, month, day).ok()
}

/// Jinzhong's look-back of `year` (002 §三). The submission window opens with the city's
/// inspection; the document gives only its end.
pub fn jinzhong(year: i32) -> Option<Vec<Window>> {
    use Month::{July, June, May};
    let w = |stage, opens, closes| {
        Some(Window {
            stage,
            opens: opens?,
            closes: closes?,
        })
    };
    Some(vec![
        w(
            StageKind::SelfAssessment,
            day(year, May, 10),
            day(year, May, 25),
        )?,
        w(
            StageKind::CountyInspection,
            day(year, May, 25),
            day(year, June, 10),
        )?,
        w(
            StageKind::CityInspection,
            day(year, June, 10),
            day(year, June, 30),
        )?,
        w(
            StageKind::Submission,
            day(year, June, 10),
            day(year, July, 1),
        )?,
    ])
}

/// Hunan's contact-point evaluation of `year` (000 §一: 10月底; experience materials by the end
/// of November, §三(三)). The document gives no opening day: the year's first is a local
/// setting.
pub fn hunan(year: i32) -> Option<Vec<Window>> {
    Some(vec![
        Window {
            stage: StageKind::ContactEvaluation,
            opens: day(year, Month::January, 1)?,
            closes: day(year, Month::October, 31)?,
        },
        Window {
            stage: StageKind::Submission,
            opens: day(year, Month::January, 1)?,
            closes: day(year, Month::November, 30)?,
        },
    ])
}

/// A quota: at least (or, for a contact point, exactly) `wanted` units, of which `done`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    pub wanted: usize,
    pub done: usize,
}

impl Quota {
    pub fn met(&self) -> bool {
        self.done >= self.wanted
    }

    /// "已检查 4 个，不少于 6 个" or "已检查 7 个".
    pub fn text(&self) -> String {
        if self.met() {
            format!("已检查 {} 个", self.done)
        } else {
            format!("已检查 {} 个，不少于 {} 个", self.done, self.wanted)
        }
    }
}

/// 002 §三(二): each county inspects at least 6 townships.
pub const COUNTY_INSPECTS_AT_LEAST: usize = 6;

/// A county's inspections of its townships against its quota, and where it stands in the
/// county-inspection window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountyProgress {
    pub county: DivisionCode,
    pub quota: Quota,
    pub timing: Timing,
}

/// Each county of `townships` (in division order) with how many of its townships were
/// inspected (`inspected`: a township and the day its sheet was scored), against
/// [`COUNTY_INSPECTS_AT_LEAST`], or every township where a county has fewer; met on the day
/// of the inspection that reached the quota.
pub fn county_progress(
    townships: &[DivisionCode],
    inspected: &[(DivisionCode, Date)],
    window: &Window,
    today: Date,
) -> Vec<CountyProgress> {
    let mut counties: Vec<DivisionCode> = townships.iter().filter_map(|t| t.parent()).collect();
    counties.sort();
    counties.dedup();
    (counties.into_iter())
        .map(|county| {
            let pool = townships
                .iter()
                .filter(|t| t.parent() == Some(county))
                .count();
            let mut days: Vec<Date> = (inspected.iter())
                .filter(|(t, _)| t.parent() == Some(county) && townships.contains(t))
                .map(|(_, day)| *day)
                .collect();
            days.sort();
            let wanted = COUNTY_INSPECTS_AT_LEAST.min(pool);
            let met_on = wanted.checked_sub(1).and_then(|n| days.get(n).copied());
            CountyProgress {
                county,
                quota: Quota {
                    wanted,
                    done: days.len(),
                },
                timing: window.timing(met_on, today),
            }
        })
        .collect()
}

coded_enum! {
    /// Who is answerable for a unit's inspection (谁联点谁负责): Hunan's contact points
    /// (000 §一(一)) and the look-back's leaders each over counties (002: 包县区领导).
    Linker {
        BureauLeader = "bureau_leader", "局领导";
        Division = "division", "处室";
        CityBureau = "city_bureau", "市州统计局";
        CountyLeader = "county_leader", "包县区领导";
    }
}

impl Linker {
    /// How many townships each links, where the document says.
    pub fn links(self) -> Option<usize> {
        match self {
            Linker::BureauLeader | Linker::Division => Some(2),
            Linker::CityBureau => Some(3),
            Linker::CountyLeader => None,
        }
    }
}

/// One person answerable for the units they link, as one kind of linker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactPoint {
    pub person: String,
    pub linker: Linker,
    pub units: Vec<String>,
}

impl ContactPoint {
    /// Whether it links as many units as the document gives its kind (any number where it
    /// gives none).
    pub fn met(&self) -> bool {
        self.linker.links().is_none_or(|n| n == self.units.len())
    }

    /// "联点 2 个" or "联点 1 个，应联点 2 个".
    pub fn text(&self) -> String {
        match self.linker.links() {
            Some(n) if n != self.units.len() => {
                format!("联点 {} 个，应联点 {n} 个", self.units.len())
            }
            _ => format!("联点 {} 个", self.units.len()),
        }
    }
}

/// The contact points of `links` (person, linker, unit), one per person and kind, in the order
/// each first appears.
pub fn contact_points(
    links: impl IntoIterator<Item = (String, Linker, String)>,
) -> Vec<ContactPoint> {
    let mut points: Vec<ContactPoint> = Vec::new();
    for (person, linker, unit) in links {
        match (points.iter_mut()).find(|p| p.person == person && p.linker == linker) {
            Some(point) => point.units.push(unit),
            None => points.push(ContactPoint {
                person,
                linker,
                units: vec![unit],
            }),
        }
    }
    points
}
