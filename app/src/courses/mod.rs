//! Online courses (在线课堂, 001 §三(三)1: 在线教育培训): the city bureau or a township puts a
//! lesson online for the people of its grids, in the township view; they open it on the phone
//! (the list kept for offline reading, like the notices) and, once studied, record an online
//! training (在线学习) of its name and hours, filled in from the course, which counts towards
//! their continuing education.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
pub mod page;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
