//! 统计之家: the rooms a township (street) sets up for its grids' activities (001 §三(四)5,
//! 003 §三(四)4: 有条件的乡镇（街道）要设置“统计之家”作为相应的活动场所，供网格运行使用). "Where
//! it has the means": a unit without one is not late for anything, so this is a register, not a
//! duty. An activity counts as held in a registered home when its place names it.
use super::period::parse_date;
use super::text::{TextError, clean_line, named};
use serde::{Deserialize, Serialize};
use time::Date;

/// The place an activity form offers before anything is typed, and what an activity's place
/// says when it was held in the unit's one home without naming it.
pub const GENERIC_PLACE: &str = "统计之家";
/// Longest name, in characters.
pub const NAME_MAX_CHARS: usize = 40;
/// Longest address, in characters.
pub const ADDRESS_MAX_CHARS: usize = 100;
/// Longest note (rooms, equipment, opening hours), in characters.
pub const NOTE_MAX_CHARS: usize = 200;
/// Most homes one unit registers: a bound on what one unit stores, far above any township's.
pub const HOMES_MAX: usize = 20;
/// Earliest year a home may have opened: the grids began in the 2020s; older days are typing
/// mistakes.
pub const EARLIEST_YEAR: i32 = 2000;

/// A home as typed in the township view.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatsHomeDraft {
    /// e.g. 东湖镇统计之家.
    pub name: String,
    pub address: String,
    /// The day it opened, `YYYY-MM-DD`.
    pub opened_on: String,
    /// Rooms, equipment, opening hours; may be empty.
    pub note: String,
}

/// A home that passed [`StatsHomeDraft::validate`], its text trimmed to one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidStatsHome {
    pub name: String,
    pub address: String,
    pub opened_on: Date,
    pub note: String,
}

/// Why a home was refused, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StatsHomeError {
    #[error(transparent)]
    Text(#[from] TextError),
    #[error("请填写启用日期（年-月-日）")]
    BadDate,
    #[error("启用日期不能晚于今天")]
    InFuture,
    #[error("启用日期不能早于 {EARLIEST_YEAR} 年")]
    TooEarly,
    #[error("本单位已登记名为“{0}”的统计之家")]
    Duplicate(String),
    #[error("每个单位最多登记 {HOMES_MAX} 处统计之家")]
    TooMany,
}

impl StatsHomeDraft {
    /// Checks every field as of `today`, returning all problems at once in form order.
    pub fn validate(&self, today: Date) -> Result<ValidStatsHome, Vec<StatsHomeError>> {
        let mut errors = Vec::new();
        let mut line = |value: &str, max, required, names| {
            named(&clean_line(value), max, required, names)
                .map_err(|e| errors.push(StatsHomeError::from(e)))
                .unwrap_or_default()
        };
        let name = line(&self.name, NAME_MAX_CHARS, true, ("name", "名称"));
        let address = line(&self.address, ADDRESS_MAX_CHARS, true, ("address", "地址"));
        let note = line(&self.note, NOTE_MAX_CHARS, false, ("note", "备注"));
        let opened_on = match parse_date(self.opened_on.trim()) {
            Err(_) => Err(StatsHomeError::BadDate),
            Ok(day) if day > today => Err(StatsHomeError::InFuture),
            Ok(day) if day.year() < EARLIEST_YEAR => Err(StatsHomeError::TooEarly),
            Ok(day) => Ok(day),
        }
        .map_err(|e| errors.push(e))
        .ok();
        match opened_on {
            Some(opened_on) if errors.is_empty() => Ok(ValidStatsHome {
                name,
                address,
                opened_on,
                note,
            }),
            _ => Err(errors),
        }
    }
}

/// Whether a unit holding the homes named `others` (the one being changed left out) may add
/// or rename one to `name`.
pub fn check_register(name: &str, others: &[String]) -> Result<(), StatsHomeError> {
    if others.iter().any(|o| o == name) {
        return Err(StatsHomeError::Duplicate(name.to_owned()));
    }
    if others.len() >= HOMES_MAX {
        return Err(StatsHomeError::TooMany);
    }
    Ok(())
}

/// Which of a unit's `homes` an activity held at `place` was held in: the home its place
/// names (the longest name that the place contains, so "东湖镇统计之家二楼" is 东湖镇统计之家),
/// or, where the unit has one home only, a place that says just [`GENERIC_PLACE`].
pub fn held_in(place: &str, homes: &[String]) -> Option<usize> {
    let place = place.trim();
    let named = (homes.iter().enumerate())
        .filter(|(_, home)| !home.is_empty() && place.contains(home.as_str()))
        .max_by_key(|(_, home)| home.chars().count())
        .map(|(i, _)| i);
    named.or_else(|| (place == GENERIC_PLACE && homes.len() == 1).then_some(0))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
#[path = "stats_home_tests.rs"]
mod tests;
