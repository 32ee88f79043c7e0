//! 报送节奏: the city administrator picks a preset, adjusts warning days, grace days and
//! required counts, adds a rule of any kind the engine knows (a fixed-date report named and
//! dated here) and removes rules. Saving checks the policy with the same rules the engine
//! relies on.
use super::api::{CadenceSettings, load_cadence, save_cadence};
use super::words;
use crate::admin::components::{AdminNav, alert, hydrated};
use crate::domain::cadence::{DueRule, ObligationKind, Policy, Rule, days_text, parse_days};
use crate::domain::grid::GridKind;
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
                    let fixed = matches!(rule.kind, ObligationKind::FixedDate { .. });
                    view! {
                        <tr>
                            <td>
                                {if fixed { fixed_date_name(i, &name, draft) } else { name.clone().into_any() }}
                                " "
                                <button type="button" class="link" aria-label=words::remove_of(&name)
                                    on:click=move |_| draft.update(|p| { p.rules.remove(i); })>{words::REMOVE}</button>
                            </td>
                            <td>{rule.kind.cadence().label()}</td>
                            <td>{if fixed { fixed_dates(i, &rule.kind, draft, error) } else { due_label(&rule.due).into_any() }}</td>
                            <td>{if fixed { reporting_grid(i, &rule.kind, draft) } else { amount_input(i, &rule.kind, draft, error) }}</td>
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
        {add_rule(draft)}
        <button type="button" class="button primary" disabled=move || !ready.get()
            on:click=move |_| { save.dispatch(draft.get_untracked()); }>{words::SAVE}</button>
    }
}

/// The choice of a rule to add: any kind the policy lacks, and a fixed-date report of a new
/// name at any time.
fn add_rule(draft: RwSignal<Policy>) -> impl IntoView {
    let catalogue = Policy::catalogue();
    let offered = catalogue.clone();
    view! {
        <label class="form">{words::ADD_RULE}
            <select prop:value="" on:change=move |ev| {
                if let Some(rule) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| catalogue.get(i)) {
                    draft.update(|p| p.rules.push(rule.clone()));
                }
            }>
                <option value="">{words::CHOOSE_RULE}</option>
                {move || {
                    let policy = draft.get();
                    offered.iter().enumerate().filter_map(|(i, rule)| {
                        let label = match rule.kind {
                            ObligationKind::FixedDate { .. } => words::NEW_FIXED_DATE,
                            _ if policy.rule(&rule.kind).is_some() => return None,
                            _ => rule.kind.label(),
                        };
                        Some(view! { <option value=i.to_string()>{label.to_owned()}</option> })
                    }).collect_view()
                }}
            </select>
        </label>
    }
}

/// The name of the `i`-th rule, a fixed-date report the administrator names.
fn fixed_date_name(i: usize, name: &str, draft: RwSignal<Policy>) -> AnyView {
    view! {
        <input type="text" maxlength="40" aria-label=words::REPORT_NAME value=name.to_owned()
            on:change=move |ev| draft.update(|p| {
                if let Some(ObligationKind::FixedDate { label, .. }) = p.rules.get_mut(i).map(|r| &mut r.kind) {
                    *label = event_target_value(&ev).trim().to_owned();
                }
            }) />
    }
    .into_any()
}

/// The days of the year the `i`-th rule's report is due, as `MM-DD` separated by 、, or its
/// stage as `MM-DD至MM-DD`.
fn fixed_dates(
    i: usize,
    kind: &ObligationKind,
    draft: RwSignal<Policy>,
    error: RwSignal<Option<String>>,
) -> AnyView {
    let ObligationKind::FixedDate { dates, opens, .. } = kind else {
        return ().into_any();
    };
    let text = days_text(*opens, dates);
    let name = words::dates_of(kind.label());
    view! {
        <input type="text" aria-label=name placeholder=words::DATES_HINT value=text on:change=move |ev| {
            match parse_days(&event_target_value(&ev)) {
                Ok((stage, days)) => {
                    error.set(None);
                    draft.update(|p| {
                        if let Some(ObligationKind::FixedDate { dates, opens, .. }) = p.rules.get_mut(i).map(|r| &mut r.kind) {
                            *dates = days;
                            *opens = stage;
                        }
                    });
                }
                Err(_) => error.set(Some(words::DATES_FORMAT.into())),
            }
        } />
    }
    .into_any()
}

/// The kind of grid that files the `i`-th rule's report.
fn reporting_grid(i: usize, kind: &ObligationKind, draft: RwSignal<Policy>) -> AnyView {
    let ObligationKind::FixedDate { grid_kind, .. } = kind else {
        return ().into_any();
    };
    let chosen = *grid_kind;
    view! {
        <select aria-label=words::reporting_grid_of(kind.label()) on:change=move |ev| {
            if let Some(k) = GridKind::from_code(&event_target_value(&ev)) {
                draft.update(|p| {
                    if let Some(ObligationKind::FixedDate { grid_kind, .. }) = p.rules.get_mut(i).map(|r| &mut r.kind) {
                        *grid_kind = k;
                    }
                });
            }
        }>
            {GridKind::ALL.into_iter().map(|k| view! {
                <option value=k.code() selected=k == chosen>{k.label()}</option>
            }).collect_view()}
        </select>
    }
    .into_any()
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
        ObligationKind::MajorEvent { city_read_hours } => (*city_read_hours, words::HOURS_TO_READ),
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
                        Some(ObligationKind::MajorEvent { city_read_hours }) => *city_read_hours = n,
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
