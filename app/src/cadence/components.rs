//! 报送节奏: the city administrator picks a preset and adjusts warning days, grace days and
//! required counts. Saving checks the policy with the same rules the engine relies on.
use super::api::{CadenceSettings, load_cadence, save_cadence};
use super::words;
use crate::admin::components::{AdminNav, alert, hydrated};
use crate::domain::cadence::{DueRule, ObligationKind, Policy, Rule};
use crate::layout::words::LOADING;
use leptos::prelude::*;

#[component]
pub fn CadencePage() -> impl IntoView {
    let settings = Resource::new(|| (), |_| load_cadence());
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::TITLE}</h1>
            <p class="muted">{words::HOW}</p>
            <p class="notice info">{words::LOCAL_SETTINGS}</p>
            <Transition fallback=|| view! { <p class="loading">{LOADING}</p> }>
                {move || settings.get().map(|r| match r {
                    Ok(s) => view! { <PolicyEditor settings=s /> }.into_any(),
                    Err(e) => alert(e.to_string()).into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn PolicyEditor(settings: CadenceSettings) -> impl IntoView {
    let draft = RwSignal::new(settings.policy);
    let saved = RwSignal::new(settings.saved);
    let error = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<String>);
    let ready = hydrated();
    let save = Action::new(|policy: &Policy| save_cadence(policy.clone()));
    Effect::new(move |_| match save.value().get() {
        Some(Ok(s)) => {
            error.set(None);
            message.set(Some(words::saved(&s.policy.name)));
            saved.set(s.saved);
            draft.set(s.policy);
        }
        Some(Err(e)) => {
            message.set(None);
            error.set(Some(e.to_string()));
        }
        None => {}
    });
    // Numbers are taken when a field is left; anything but a whole number is refused there.
    let set_number =
        move |i: usize, text: String, apply: fn(&mut Rule, u32)| match text.trim().parse::<u32>() {
            Ok(n) => {
                error.set(None);
                draft.update(|p| {
                    if let Some(rule) = p.rules.get_mut(i) {
                        apply(rule, n);
                    }
                });
            }
            Err(_) => error.set(Some(words::WHOLE_NUMBER.into())),
        };
    view! {
        {move || error.get().map(alert)}
        {move || message.get().map(|m| view! { <p class="success" role="status">{m}</p> })}
        <p class="muted">{move || if saved.get() { words::SAVED_BY_ADMINISTRATOR } else { words::NEVER_SAVED }}</p>
        <div class="form">
            {settings.presets.into_iter().map(|preset| {
                let label = words::use_preset(&preset.name);
                view! { <button type="button" class="button" on:click=move |_| draft.set(preset.clone())>{label}</button> }
            }).collect_view()}
        </div>
        <label class="form">{words::POLICY_NAME}
            <input type="text" maxlength="40" prop:value=move || draft.read().name.clone()
                on:change=move |ev| draft.update(|p| p.name = event_target_value(&ev)) />
        </label>
        <div class="table-scroll">
        <table class="grid-table cadence-table">
            <thead><tr><th>{words::DUTY}</th><th>{words::PERIOD}</th><th>{words::DUE}</th><th>{words::REQUIRED}</th><th>{words::SOON_DAYS}</th><th>{words::GRACE_DAYS}</th><th>{words::BASIS}</th></tr></thead>
            <tbody>
                {move || draft.get().rules.into_iter().enumerate().map(|(i, rule)| {
                    let name = rule.kind.label().to_owned();
                    view! {
                        <tr>
                            <td>{name.clone()}</td>
                            <td>{rule.kind.cadence().label()}</td>
                            <td>{due_label(&rule.due)}</td>
                            <td>{amount_input(i, &rule.kind, draft, error)}</td>
                            <td><input type="number" min="0" aria-label=words::soon_days_of(&name) value=rule.soon_days
                                on:change=move |ev| set_number(i, event_target_value(&ev), |r, n| r.soon_days = n) /></td>
                            <td><input type="number" min="0" aria-label=words::grace_days_of(&name) value=rule.grace_days
                                on:change=move |ev| set_number(i, event_target_value(&ev), |r, n| r.grace_days = n) /></td>
                            <td class="basis">{words::basis(&rule.kind)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <button type="button" class="button primary" disabled=move || !ready.get()
            on:click=move |_| { save.dispatch(draft.get_untracked()); }>{words::SAVE}</button>
    }
}

fn due_label(due: &DueRule) -> String {
    match due {
        DueRule::EndOfPeriod => words::END_OF_PERIOD.to_owned(),
        DueRule::DayOfNextPeriod(day) => words::day_of_next_period(*day),
        DueRule::FixedMonthDay(md) => md.label(),
    }
}

/// The count a kind requires, editable where the kind has one.
fn amount_input(
    i: usize,
    kind: &ObligationKind,
    draft: RwSignal<Policy>,
    error: RwSignal<Option<String>>,
) -> AnyView {
    let (value, unit) = match kind {
        ObligationKind::EnterpriseVisits { per_quarter } => (*per_quarter, words::PER_QUARTER),
        ObligationKind::ContinuingEducation { hours_per_year } => {
            (*hours_per_year, words::HOURS_PER_YEAR)
        }
        _ => return view! { <span class="muted">"—"</span> }.into_any(),
    };
    let name = words::required_of(kind.label());
    view! {
        <input type="number" min="1" aria-label=name value=value on:change=move |ev| {
            match event_target_value(&ev).trim().parse::<u32>() {
                Ok(n) if n > 0 => {
                    error.set(None);
                    draft.update(|p| match p.rules.get_mut(i).map(|r| &mut r.kind) {
                        Some(ObligationKind::EnterpriseVisits { per_quarter }) => *per_quarter = n,
                        Some(ObligationKind::ContinuingEducation { hours_per_year }) => *hours_per_year = n,
                        _ => {}
                    });
                }
                _ => error.set(Some(words::POSITIVE_NUMBER.into())),
            }
        } />
        " " {unit}
    }
    .into_any()
}
