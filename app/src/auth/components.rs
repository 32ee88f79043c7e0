//! The login page and the logout button.
use crate::auth::api::{Credentials, PasswordChange};
use crate::auth::words;
use crate::error::AppError;
use crate::sync::client;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

#[component]
pub fn LoginPage() -> impl IntoView {
    let navigate = use_navigate();
    let client = crate::sync::state::use_client();
    let sign_in = move |creds: Credentials| {
        let navigate = navigate.clone();
        async move {
            let profile = client::login(creds).await?;
            let next = if profile.must_change_password {
                "/password"
            } else {
                "/"
            };
            navigate(next, Default::default());
            Ok(())
        }
    };
    view! {
        <section class="card">
            <h1>{words::SIGN_IN}</h1>
            <CredentialsForm office=false ready=client.ready sign_in />
        </section>
    }
}

/// Phone and password, the error and the button: the phone's login and the office pages' door.
/// `sign_in` runs on submit; its error is shown under the fields.
#[component]
pub fn CredentialsForm<F, Fut>(
    /// Opens an office session only (see [`Credentials::office`]).
    office: bool,
    /// False until the page is live, so a tap before that cannot send the form natively.
    #[prop(into)]
    ready: Signal<bool>,
    sign_in: F,
) -> impl IntoView
where
    F: Fn(Credentials) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<(), AppError>> + 'static,
{
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        error.set(None);
        let creds = Credentials {
            phone: phone.get_untracked(),
            password: password.get_untracked(),
            office,
        };
        let signed_in = sign_in.clone()(creds);
        spawn_local(async move {
            if let Err(e) = signed_in.await {
                error.set(Some(e.to_string()));
            }
            busy.set(false);
        });
    };
    view! {
        <form on:submit=submit class="form">
            <label>
                {words::PHONE}
                <input type="tel" name="phone" autocomplete="username" inputmode="numeric" required
                    bind:value=phone />
            </label>
            <label>
                {words::PASSWORD}
                <input type="password" name="password" autocomplete="current-password" required
                    bind:value=password />
            </label>
            <Show when=move || error.get().is_some()>
                <p class="error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <button type="submit" class="button primary" disabled=move || busy.get() || !ready.get()>
                {words::SIGN_IN}
            </button>
        </form>
    }
}

/// Logout is refused, with the reason, while records wait to be synced.
#[component]
pub fn LogoutButton() -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let logout = move |_| {
        let navigate = navigate.clone();
        spawn_local(async move {
            match client::logout().await {
                Ok(()) => navigate("/login", Default::default()),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <button class="button subtle" on:click=logout>{words::SIGN_OUT}</button>
        <Show when=move || error.get().is_some()>
            <p class="error" role="alert">{move || error.get().unwrap_or_default()}</p>
        </Show>
    }
}

/// Choosing one's own password, required after an administrator set one.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let client = crate::sync::state::use_client();
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let change = PasswordChange {
            current: current.get_untracked(),
            new: new.get_untracked(),
        };
        if change.new != again.get_untracked() {
            error.set(Some(words::PASSWORDS_DIFFER.into()));
            return;
        }
        if let Some(problem) = change.problem() {
            error.set(Some(problem));
            return;
        }
        let navigate = navigate.clone();
        spawn_local(async move {
            match client::change_password(change).await {
                Ok(()) => navigate("/", Default::default()),
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <section class="card">
            <h1>{words::CHANGE_PASSWORD}</h1>
            <Show when=move || client.profile.with(|p| p.as_ref().is_some_and(|p| p.must_change_password))>
                <p class="notice info">{words::SET_BY_ADMINISTRATOR}</p>
            </Show>
            <form on:submit=submit class="form">
                <label>{words::CURRENT_PASSWORD} <input type="password" autocomplete="current-password" bind:value=current /></label>
                <label>{words::NEW_PASSWORD} <input type="password" autocomplete="new-password" bind:value=new /></label>
                <label>{words::NEW_PASSWORD_AGAIN} <input type="password" autocomplete="new-password" bind:value=again /></label>
                <Show when=move || error.get().is_some()>
                    <p class="error" role="alert">{move || error.get().unwrap_or_default()}</p>
                </Show>
                <button type="submit" class="button primary" disabled=move || !client.ready.get()>{words::SAVE_PASSWORD}</button>
            </form>
        </section>
    }
}
