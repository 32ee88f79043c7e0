//! 评价材料: for a look-back (002 §三(二)), each unit sends its questionnaire (调查问卷) and its
//! summary report (总结报告: 经验、问题、建议、下一步打算, with photos) by the submission window;
//! the bureau sees on the campaign page who sent what and when. Filled online on an office page
//! by the unit's own people (those assigned its self-assessment). The rules are in
//! `domain::evaluation::questionnaire`.
pub mod api;
pub mod page;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
