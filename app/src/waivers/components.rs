//! 豁免 beside a duty: a folded form asking the reason, sent by the caller's action; the view
//! around it reloads once the waiver is kept.
use super::api::{DutyRef, waive_duty};
use super::words;
use crate::admin::components::{alert, hydrated};
use crate::error::AppError;
use leptos::prelude::*;

/// The form for any waiver: `send` keeps it with the reason typed; `done` runs once it is kept.
#[component]
pub fn WaiveForm(
    summary: &'static str,
    send: Action<String, Result<(), AppError>>,
    #[prop(into)] done: Callback<()>,
) -> impl IntoView {
    let ready = hydrated();
    let reason = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    Effect::new(move |_| match send.value().get() {
        Some(Ok(())) => done.run(()),
        Some(Err(e)) => problem.set(Some(e.to_string())),
        None => {}
    });
    view! {
        <details class="waive">
            <summary>{summary}</summary>
            <div class="form">
                <label>
                    {words::REASON}
                    <textarea name="reason" rows="2" prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                </label>
                <button type="button" class="button"
                    disabled=move || send.pending().get() || !ready.get()
                    on:click=move |_| {
                        problem.set(None);
                        send.dispatch(reason.get_untracked());
                    }>{words::CONFIRM}</button>
                {move || problem.get().map(alert)}
            </div>
        </details>
    }
}

/// 豁免 for one grid's duty of one period.
#[component]
pub fn WaiveDuty(duty: DutyRef, #[prop(into)] done: Callback<()>) -> impl IntoView {
    let send = Action::new(move |reason: &String| waive_duty(duty.clone(), reason.clone()));
    view! { <WaiveForm summary=words::WAIVE send done /> }
}
