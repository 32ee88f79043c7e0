//! 筹备阶段: the preparation stage of 001 §四(一), due by the end of March. The city marks its
//! work and assessment plans and its mobilisation meeting done; each township, street,
//! development zone and department marks its grids drawn, its staff registered and (townships)
//! its working rules issued, each against what the grid tree and the roster show; then, by the
//! end of April (001 §四(二)), its offline exchanges held and its grids on the platform, each
//! against what its grids recorded, and its standardization begun. The township view shows a
//! unit's milestones and, to the city, every unit's.
pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod entity;
#[cfg(feature = "ssr")]
pub mod ssr;
pub mod words;
