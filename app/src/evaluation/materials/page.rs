//! 评价材料 (`/evaluation/materials`, office app): for each unit whose self-assessment the person
//! fills in a look-back, the questionnaire and the summary report, each sent (again) by itself.
use super::api::{MaterialBody, MaterialEntry, UnitMaterials, my_materials, send_material};
use super::words;
use crate::admin::components::hydrated;
use crate::domain::evaluation::questionnaire::{Answer, Ask, Question, SummaryReport};
use crate::error::AppError;
use crate::evaluation::components::own::{Message, on_answer, own_page};
use crate::evaluation::rectification::page::Evidence;
use leptos::prelude::*;

type Sending = Action<MaterialEntry, Result<Vec<UnitMaterials>, AppError>>;

#[component]
pub fn MaterialsPage() -> impl IntoView {
    own_page(words::TITLE, words::HOW, my_materials, |units, message| {
        view! { <Units units message /> }
    })
}

#[component]
fn Units(units: Vec<UnitMaterials>, message: Message) -> impl IntoView {
    let shown = RwSignal::new(units);
    let send: Sending = Action::new(|entry: &MaterialEntry| send_material(entry.clone()));
    on_answer(send, shown, message, words::SAVED);
    move || {
        let units = shown.get();
        if units.is_empty() {
            return view! { <p class="empty">{words::NONE}</p> }.into_any();
        }
        units
            .into_iter()
            .map(|unit| {
                view! {
                    <h2>{unit.unit.clone()}</h2>
                    <p class="muted">{unit.campaign.clone()}" "{unit.due.clone()}</p>
                    <Questionnaire unit=unit.clone() send />
                    <Report unit send />
                }
            })
            .collect_view()
            .into_any()
    }
}

/// A question's field, read when the form is sent.
enum Field {
    Choice(NodeRef<leptos::html::Select>),
    Number(NodeRef<leptos::html::Input>),
    Text(NodeRef<leptos::html::Textarea>),
}

impl Field {
    /// The answer as typed; an empty field is left out, so the server names the question.
    fn answer(&self) -> Option<Answer> {
        let text = match self {
            Field::Choice(r) => r.get()?.value(),
            Field::Number(r) => r.get()?.value(),
            Field::Text(r) => r.get()?.value(),
        };
        let text = text.trim().to_owned();
        match self {
            _ if text.is_empty() => None,
            // A number that does not read goes as text: the server says what it should be.
            Field::Number(_) => Some(text.parse().map_or(Answer::Text(text), Answer::Number)),
            _ => Some(Answer::Text(text)),
        }
    }
}

fn given(answers: &[(String, Answer)], id: &str) -> String {
    match answers.iter().find(|(q, _)| q == id).map(|(_, a)| a) {
        Some(Answer::Number(n)) => n.to_string(),
        Some(Answer::Text(t)) => t.clone(),
        None => String::new(),
    }
}

#[component]
fn Questionnaire(unit: UnitMaterials, send: Sending) -> impl IntoView {
    let ready = hydrated();
    let fields: Vec<(String, Field)> = (unit.questions.iter())
        .map(|q| {
            let field = match q.ask {
                Ask::Choice { .. } => Field::Choice(NodeRef::new()),
                Ask::Number { .. } => Field::Number(NodeRef::new()),
                Ask::Text => Field::Text(NodeRef::new()),
            };
            (q.id.clone(), field)
        })
        .collect();
    let inputs = (unit.questions.iter().zip(&fields))
        .map(|(q, (_, f))| question(q, f, given(&unit.answers, &q.id)))
        .collect_view();
    let fields = StoredValue::new_local(fields);
    let (campaign_id, code) = (unit.campaign_id, unit.code.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = fields.with_value(|f| {
            (f.iter())
                .filter_map(|(id, field)| Some((id.clone(), field.answer()?)))
                .collect()
        });
        send.dispatch(MaterialEntry {
            campaign_id,
            code: code.clone(),
            body: MaterialBody::Questionnaire { answers },
        });
    };
    let state = unit
        .questionnaire_sent
        .unwrap_or_else(|| words::NOT_SENT.into());
    view! {
        <h3>{crate::domain::evaluation::questionnaire::MaterialKind::Questionnaire.label()}" "<small class="muted">{state}</small></h3>
        <form class="form questionnaire" on:submit=submit>
            {inputs}
            <button class="button primary" type="submit"
                disabled=move || !ready.get() || send.pending().get()>{words::SEND_QUESTIONNAIRE}</button>
        </form>
    }
}

fn question(q: &Question, field: &Field, value: String) -> AnyView {
    let text = q.text.clone();
    let name = q.id.clone();
    match (field, &q.ask) {
        (Field::Choice(r), Ask::Choice { choices }) => view! {
            <label>{text}
                <select node_ref=*r name=name>
                    <option value="">{words::CHOOSE}</option>
                    {choices.iter().map(|c| view! {
                        <option value=c.clone() selected=*c == value>{c.clone()}</option>
                    }).collect_view()}
                </select>
            </label>
        }
        .into_any(),
        (Field::Number(r), _) => view! {
            <label>{text}<input node_ref=*r name=name inputmode="numeric" maxlength="6" value=value /></label>
        }
        .into_any(),
        (Field::Text(r), _) => view! {
            <label>{text}<textarea node_ref=*r name=name rows="3" maxlength="1000">{value}</textarea></label>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

#[component]
fn Report(unit: UnitMaterials, send: Sending) -> impl IntoView {
    let ready = hydrated();
    let parts: [NodeRef<leptos::html::Textarea>; 4] = Default::default();
    let photos = RwSignal::new(unit.report_photos.clone());
    let (campaign_id, code) = (unit.campaign_id, unit.code.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = |n: usize| parts[n].get().map(|t| t.value()).unwrap_or_default();
        send.dispatch(MaterialEntry {
            campaign_id,
            code: code.clone(),
            body: MaterialBody::SummaryReport {
                report: SummaryReport {
                    experience: text(0),
                    problems: text(1),
                    suggestions: text(2),
                    next_steps: text(3),
                },
                photos: photos.get_untracked(),
            },
        });
    };
    let r = unit.report;
    let written = [r.experience, r.problems, r.suggestions, r.next_steps];
    let labels = [
        words::EXPERIENCE,
        words::PROBLEMS,
        words::SUGGESTIONS,
        words::NEXT_STEPS,
    ];
    let state = unit.report_sent.unwrap_or_else(|| words::NOT_SENT.into());
    view! {
        <h3>{crate::domain::evaluation::questionnaire::MaterialKind::SummaryReport.label()}" "<small class="muted">{state}</small></h3>
        <form class="form report" on:submit=submit>
            {(labels.into_iter().zip(written).zip(parts)).map(|((label, text), part)| view! {
                <label>{label}<textarea node_ref=part rows="4" maxlength="5000">{text}</textarea></label>
            }).collect_view()}
            <Evidence photos label=words::PHOTOS />
            <button class="button primary" type="submit"
                disabled=move || !ready.get() || send.pending().get()>{words::SEND_REPORT}</button>
        </form>
    }
}

/// What a unit sent, read-only, for the bureau's review.
pub fn sent(unit: UnitMaterials) -> impl IntoView {
    use crate::domain::evaluation::questionnaire::MaterialKind;
    let answers: Vec<(String, String)> = (unit.questions.iter())
        .map(|q| (q.text.clone(), given(&unit.answers, &q.id)))
        .collect();
    let r = unit.report;
    let parts = [
        (words::EXPERIENCE, r.experience),
        (words::PROBLEMS, r.problems),
        (words::SUGGESTIONS, r.suggestions),
        (words::NEXT_STEPS, r.next_steps),
    ];
    let state = |s: Option<String>| s.unwrap_or_else(|| words::NOT_SENT.into());
    view! {
        <h2>{MaterialKind::Questionnaire.label()}" "<small class="muted">{state(unit.questionnaire_sent)}</small></h2>
        <dl class="answers">
            {answers.into_iter().map(|(q, a)| view! { <dt>{q}</dt><dd>{a}</dd> }).collect_view()}
        </dl>
        <h2>{MaterialKind::SummaryReport.label()}" "<small class="muted">{state(unit.report_sent)}</small></h2>
        <dl class="report">
            {parts.into_iter().map(|(l, t)| view! { <dt>{l}</dt><dd>{t}</dd> }).collect_view()}
        </dl>
        {unit.report_photos.into_iter().map(|p| view! {
            <a href=crate::photos::photo_url(p) rel="external">
                <img class="thumb" src=crate::photos::photo_url(p) alt=words::PHOTOS loading="lazy" />
            </a>
        }).collect_view()}
    }
}
