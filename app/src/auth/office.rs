//! The office pages' door: without a usable office session (none yet, or 30 idle minutes or 12
//! hours over) they show a login form that opens one, then load again. The phone's session in
//! the same browser is left as it is.
use crate::auth::api::Credentials;
use crate::auth::components::CredentialsForm;
use crate::auth::sessions::{OfficeDoor, check_office_door};
use crate::auth::words;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// Shows the office page below it, with the login form above it when the office session is
/// missing.
#[component]
pub fn OfficeGate() -> impl IntoView {
    let door = Resource::new(|| (), |_| check_office_door());
    // The page itself stays outside the Suspense: an <Outlet/> inside one did not hydrate
    // (admin.spec.ts). Without an office session its server functions refuse, so the page
    // shows its own refusal below the form.
    view! {
        <Suspense fallback=|| ()>
            {move || door.get().map(|door| match door {
                Ok(OfficeDoor::AskPassword) => view! { <OfficeLogin /> }.into_any(),
                _ => ().into_any(),
            })}
        </Suspense>
        <Outlet />
    }
}

#[component]
fn OfficeLogin() -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    view! {
        <section class="card">
            <h1>{words::OFFICE_SIGN_IN}</h1>
            <p class="notice info">{words::office_sign_in_why()}</p>
            <CredentialsForm office=true ready sign_in=browser::sign_in />
        </section>
    }
}

/// Browser only; the server renders the form but never submits it.
#[cfg(feature = "hydrate")]
mod browser {
    use super::*;
    use crate::layout::words as shared;

    /// Opens an office session and loads the page again with it.
    pub async fn sign_in(creds: Credentials) -> Result<(), AppError> {
        crate::sync::http::login(&creds).await?;
        window()
            .location()
            .reload()
            .map_err(|_| AppError::Network(shared::BROWSER_ONLY.into()))
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    use super::*;

    pub async fn sign_in(_: Credentials) -> Result<(), AppError> {
        Err(AppError::internal())
    }
}
