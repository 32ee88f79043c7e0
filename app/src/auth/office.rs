//! The office pages' door: without a usable office session (none yet, or 30 idle minutes or 12
//! hours over) they show a login form that opens one, then load again; with one, the top bar
//! names who is signed in and signs them out. The phone's session in the same browser is left
//! as it is, at login and at sign-out.
use crate::auth::api::Credentials;
use crate::auth::components::CredentialsForm;
use crate::auth::sessions::{OfficeDoor, check_office_door};
use crate::auth::words;
use crate::error::AppError;
use leptos::prelude::*;
use leptos_router::components::Outlet;

/// What the office pages found at their door, read once per page load: by the gate and by
/// the top bar. Each awaits it inside `Suspend` rather than reading it with `.get()`: one
/// resource read by `.get()` in two `<Suspense>` is the pattern of leptos issues #4851 and
/// #4578, where a server-rendered page now and then never finishes (seen here: the access
/// matrix, once in a few thousand pages).
#[derive(Clone, Copy)]
pub struct Door(Resource<Result<OfficeDoor, AppError>>);

pub fn provide_door() {
    provide_context(Door(Resource::new(|| (), |_| check_office_door())));
}

fn use_door() -> Resource<Result<OfficeDoor, AppError>> {
    expect_context::<Door>().0
}

/// Who is signed in on the office pages, and 退出登录: nothing while the door is not open.
#[component]
pub fn OfficeSignedIn() -> impl IntoView {
    let door = use_door();
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let error = RwSignal::new(None::<String>);
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(e) = browser::sign_out().await {
                error.set(Some(e.to_string()));
            }
        });
    };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match door.await {
                    Ok(OfficeDoor::Open { name }) => Some(view! {
                        <span class="signed-in">{name}</span>
                        <button class="topbar-button" on:click=sign_out disabled=move || !ready.get()>
                            {words::SIGN_OUT}
                        </button>
                    }),
                    _ => None,
                }
            })}
        </Suspense>
        <Show when=move || error.get().is_some()>
            <p class="error" role="alert">{move || error.get().unwrap_or_default()}</p>
        </Show>
    }
}

/// Shows the office page below it, with the login form above it when the office session is
/// missing.
#[component]
pub fn OfficeGate() -> impl IntoView {
    let door = use_door();
    // The page itself stays outside the Suspense: an <Outlet/> inside one did not hydrate
    // (admin.spec.ts). Without an office session its server functions refuse, so the page
    // shows its own refusal below the form.
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match door.await {
                    Ok(OfficeDoor::AskPassword) => view! { <OfficeLogin /> }.into_any(),
                    _ => ().into_any(),
                }
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

    /// Ends the office session and goes to the home page (a full load: another bundle).
    pub async fn sign_out() -> Result<(), AppError> {
        crate::sync::http::logout_office().await?;
        window()
            .location()
            .set_href("/")
            .map_err(|_| AppError::Network(shared::BROWSER_ONLY.into()))
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    use super::*;

    pub async fn sign_in(_: Credentials) -> Result<(), AppError> {
        Err(AppError::internal())
    }

    pub async fn sign_out() -> Result<(), AppError> {
        Err(AppError::internal())
    }
}
