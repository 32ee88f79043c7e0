//! 报送节奏: the city administrator picks a preset and adjusts warning days, grace days and
//! required counts. Saving checks the policy with the same rules the engine relies on.
use super::api::{CadenceSettings, load_cadence, save_cadence};
use crate::admin::components::{AdminNav, alert, hydrated};
use crate::domain::cadence::{DueRule, ObligationKind, Policy, Rule};
use leptos::prelude::*;

#[component]
pub fn CadencePage() -> impl IntoView {
    let settings = Resource::new(|| (), |_| load_cadence());
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>"报送节奏"</h1>
            <p class="muted">"各级网格按这些规则判断每项工作是否到期、按时完成或逾期。可从玉环市或乐清市方案开始，再调整天数和次数。"</p>
            <Transition fallback=|| view! { <p class="loading">"正在加载…"</p> }>
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
            message.set(Some(format!("已保存：{}", s.policy.name)));
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
            Err(_) => error.set(Some("请输入0或正整数".into())),
        };
    view! {
        {move || error.get().map(alert)}
        {move || message.get().map(|m| view! { <p class="success" role="status">{m}</p> })}
        <p class="muted">{move || if saved.get() { "当前规则已由管理员保存。" } else { "尚未保存过：当前使用玉环市方案。" }}</p>
        <div class="form">
            {settings.presets.into_iter().map(|preset| {
                let label = format!("改用{}方案", preset.name);
                view! { <button type="button" class="button" on:click=move |_| draft.set(preset.clone())>{label}</button> }
            }).collect_view()}
        </div>
        <label class="form">"方案名称"
            <input type="text" maxlength="40" prop:value=move || draft.read().name.clone()
                on:change=move |ev| draft.update(|p| p.name = event_target_value(&ev)) />
        </label>
        <table class="grid-table">
            <thead><tr><th>"事项"</th><th>"周期"</th><th>"截止"</th><th>"要求"</th><th>"提前提醒（天）"</th><th>"宽限（天）"</th></tr></thead>
            <tbody>
                {move || draft.get().rules.into_iter().enumerate().map(|(i, rule)| {
                    let name = rule.kind.label().to_owned();
                    view! {
                        <tr>
                            <td>{name.clone()}</td>
                            <td>{rule.kind.cadence().label()}</td>
                            <td>{due_label(&rule.due)}</td>
                            <td>{amount_input(i, &rule.kind, draft, error)}</td>
                            <td><input type="number" min="0" aria-label=format!("{name}提前提醒天数") value=rule.soon_days
                                on:change=move |ev| set_number(i, event_target_value(&ev), |r, n| r.soon_days = n) /></td>
                            <td><input type="number" min="0" aria-label=format!("{name}宽限天数") value=rule.grace_days
                                on:change=move |ev| set_number(i, event_target_value(&ev), |r, n| r.grace_days = n) /></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <button type="button" class="button primary" disabled=move || !ready.get()
            on:click=move |_| { save.dispatch(draft.get_untracked()); }>"保存报送节奏"</button>
    }
}

fn due_label(due: &DueRule) -> String {
    match due {
        DueRule::EndOfPeriod => "周期最后一天".to_owned(),
        DueRule::DayOfNextPeriod(day) => format!("下一周期第{day}日"),
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
        ObligationKind::EnterpriseVisits { per_quarter } => (*per_quarter, "次/季度"),
        ObligationKind::ContinuingEducation { hours_per_year } => (*hours_per_year, "学时/年"),
        _ => return view! { <span class="muted">"—"</span> }.into_any(),
    };
    let name = format!("{}要求", kind.label());
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
                _ => error.set(Some("次数或学时应为正整数".into())),
            }
        } />
        " " {unit}
    }
    .into_any()
}
