//! The score-sheet pages: the list of one's sheets and the sheet (filing app), and a sheet's
//! line in 我的记录.
pub mod form;
pub mod item;
pub mod list;

/// Where the phone keeps the person's sheets, to score offline.
pub fn kept_key(person_id: i32) -> String {
    format!("statgrid.score_sheets.{person_id}")
}
