//! Photos as evidence on visits and activities: chosen or taken on the phone, shrunk there to
//! at most 300 KB, kept in IndexedDB beside the outbox, uploaded before the record that lists
//! them, and shown to the grid's township.
pub mod components;
/// Shrinking and keeping pictures; on the server, stand-ins.
#[cfg_attr(not(feature = "hydrate"), path = "device_ssr.rs")]
pub(crate) mod device;
#[cfg(feature = "ssr")]
pub mod quota;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(feature = "ssr")]
pub mod sweep;
pub mod words;

/// `PUT` uploads a photo's JPEG bytes under the id the phone made; `GET` reads it back.
pub const PHOTOS_PATH: &str = "/api/v1/photos";

/// Where a photo is read from the server.
pub fn photo_url(id: uuid::Uuid) -> String {
    format!("{PHOTOS_PATH}/{id}")
}
