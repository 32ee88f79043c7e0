//! 豁免: whoever reviews the unit above a grid excuses one of its duties for a period (a
//! quarter's activity, a year's plan, a month's analysis meeting), with the reason, from where
//! the duty is shown. The cadence engine then judges it 已豁免; every waiver is audited. (A
//! missing monthly report is excused on the review board, `reports`.)
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
