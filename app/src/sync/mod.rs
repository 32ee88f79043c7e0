//! The sync protocol (v1, `docs/sync.md`): the phone pushes its outbox in batches and pulls
//! what it needs to work offline.
pub mod api;
/// Browser actions; on the server a stand-in that only reports they are browser-only.
#[cfg_attr(not(feature = "hydrate"), path = "client_ssr.rs")]
pub mod client;
pub mod components;
pub mod conflict;
/// Storage facts and the records file; on the server, stand-ins.
#[cfg_attr(not(feature = "hydrate"), path = "device_ssr.rs")]
pub mod device;
pub mod editing;
pub mod engine;
pub mod error;
#[cfg(feature = "hydrate")]
pub(crate) mod http;
#[cfg(feature = "hydrate")]
mod idb;
pub mod kept;
#[cfg(feature = "ssr")]
pub mod kind;
pub mod kv;
#[cfg(feature = "ssr")]
pub mod latest;
pub mod outbox;
pub mod outbox_handle;
mod pull_answer;
pub mod pulled;
#[cfg(feature = "hydrate")]
mod pwa;
pub mod record_draft;
#[cfg(feature = "ssr")]
pub mod rows;
#[cfg(feature = "ssr")]
pub mod sequence;
pub mod settings;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;
pub mod transfer;
pub mod withdraw;
#[cfg(feature = "ssr")]
pub mod withdrawal;
pub mod words;
