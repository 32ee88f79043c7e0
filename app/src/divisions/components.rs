//! 行政区划: the divisions imported, in official order, each under its parent.
use super::api::list_divisions;
use super::words;
use crate::admin::components::{AdminNav, alert};
use crate::domain::evaluation::{Division, Level};
use crate::layout::words as shared;
use leptos::prelude::*;

#[component]
pub fn DivisionsPage() -> impl IntoView {
    let divisions = Resource::new(|| (), |_| list_divisions());
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>{words::TITLE}</h1>
            <p class="muted">{words::HOW}</p>
            <Transition fallback=|| view! { <p class="loading">{shared::LOADING}</p> }>
                {move || divisions.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{words::NONE}</p> }.into_any(),
                    Ok(list) => view! { <Table list /> }.into_any(),
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Table(list: Vec<Division>) -> impl IntoView {
    let count = words::count(list.len());
    view! {
        <p class="muted" role="status">{count}</p>
        <table class="grid-table divisions">
            <thead>
                <tr><th>{words::CODE}</th><th>{words::NAME}</th><th>{words::LEVEL}</th></tr>
            </thead>
            <tbody>
                {list.into_iter().map(|d| {
                    let level = d.code.level();
                    // Indented by level (style/office.css), so each sits under its parent.
                    let class = match level {
                        Level::Province => "province",
                        Level::City => "city",
                        Level::County => "county",
                        Level::Township => "township",
                    };
                    view! {
                        <tr class=class>
                            <td><code>{d.code.to_string()}</code></td>
                            <td>{d.name}{d.short.map(|s| view! { <br /><small class="muted">{words::short(&s)}</small> })}</td>
                            <td>{level.label()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
