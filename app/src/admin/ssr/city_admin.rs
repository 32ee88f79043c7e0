//! An extractor that admits the city administrator alone. Extractors run in order and the
//! body is read last, so a handler taking [`CityAdmin`] before its body refuses anyone else
//! (403) before a byte of a large upload is read.
use crate::auth::ssr::Viewer;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;

/// The city administrator behind the request.
pub struct CityAdmin(pub Viewer);

impl FromRequestParts<AppState> for CityAdmin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        if viewer.is_city_admin() {
            Ok(CityAdmin(viewer))
        } else {
            Err(AppError::Forbidden)
        }
    }
}
