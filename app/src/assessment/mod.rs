//! 年度考核: in December a township, street, department or zone assesses its grid members (or
//! its grids) from the year's records and its own points; the city bureau confirms or returns
//! the result (001 §三(四)5, §四(三); 003 §三(四)4). Members read theirs on the phone.
pub mod api;
pub mod awards;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod figures;
#[cfg(feature = "ssr")]
pub mod mine;
pub mod page;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
