//! 运行状态: the city administrator's view of the server an operator runs — version, database,
//! migrations, the last backup, what arrived today, and the phones silent for too long, so
//! someone can call them before records kept only on a phone are lost.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
mod ssr;
pub mod words;
