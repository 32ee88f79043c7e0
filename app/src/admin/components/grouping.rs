//! 分组建议: propose enterprise grids for a township, rename them, and accept.
use super::{AdminNav, alert, hydrated};
use crate::admin::api::{GroupingProposal, apply_grouping, list_grids, propose_grouping};
use crate::domain::grid::GridKind;
use leptos::prelude::*;

#[component]
pub fn GroupingPage() -> impl IntoView {
    let grids = Resource::new(|| (), |_| list_grids());
    let township = RwSignal::new(String::new());
    let proposal = RwSignal::new(None::<GroupingProposal>);
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let ready = hydrated();
    let moving = RwSignal::new(String::new());
    let destination = RwSignal::new(String::new());
    let move_one = move |_| {
        if let (Ok(id), Ok(to)) = (
            moving.get_untracked().parse(),
            destination.get_untracked().parse(),
        ) {
            proposal.update(|p| {
                if let Some(p) = p {
                    p.move_enterprise(id, to);
                }
            });
            // The lists are drawn again from the edited proposal, with nothing chosen.
            moving.set(String::new());
            destination.set(String::new());
        }
    };
    let propose = Action::new(move |id: &i32| propose_grouping(*id));
    let accept = Action::new(move |p: &GroupingProposal| apply_grouping(p.clone()));
    Effect::new(move |_| match propose.value().get() {
        Some(Ok(p)) => {
            error.set(None);
            done.set(false);
            proposal.set(Some(p));
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    Effect::new(move |_| match accept.value().get() {
        Some(Ok(_)) => {
            error.set(None);
            done.set(true);
            proposal.set(None);
        }
        Some(Err(e)) => error.set(Some(e.to_string())),
        None => {}
    });
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>"分组建议"</h1>
            <p class="muted">"按行业把乡镇（街道）的统计调查对象分成约20家一组的企业网格；对象较少的行业合并为综合网格。采用前可修改网格名称，也可把企业调到另一个网格。"</p>
            {move || error.get().map(alert)}
            <Show when=move || done.get()>
                <p class="success" role="status">"已采用：新网格已建立，企业已分入，原企业网格已关闭。请在“人员”中为新网格分配网格长。"</p>
            </Show>
            // The townships come from a resource: inside a Transition, so that the server and
            // the hydrating browser draw the same list.
            <Transition fallback=|| view! { <p class="loading">"正在加载…"</p> }>
            <div class="form">
                <label>"乡镇（街道）或部门"
                    <select on:change=move |ev| township.set(event_target_value(&ev))>
                        <option value="">"请选择"</option>
                        {move || grids.get().and_then(Result::ok).unwrap_or_default().into_iter()
                            .filter(|g| !g.closed && matches!(g.kind, GridKind::Township | GridKind::Department))
                            .map(|g| view! { <option value=g.id>{g.name}</option> }).collect_view()}
                    </select>
                </label>
                <button class="button" disabled=move || !ready.get() on:click=move |_| { if let Ok(id) = township.get_untracked().parse() { propose.dispatch(id); } }>"生成建议"</button>
            </div>
            </Transition>
            {move || proposal.get().map(|p| {
                let count = p.grids.len();
                view! {
                    <h2>{format!("建议 {count} 个企业网格")}</h2>
                    {p.grids.iter().enumerate().map(|(i, g)| view! {
                        <div class="record">
                            <label class="form">"网格名称"
                                <input type="text" value=g.name.clone() on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    proposal.update(|p| if let Some(p) = p { p.grids[i].name = value; });
                                } />
                            </label>
                            <p class="muted">{format!("{} · {} 家：", g.industry.map_or("综合", |i| i.label()), g.enterprises.len())}
                                {g.enterprises.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>().join("、")}</p>
                        </div>
                    }).collect_view()}
                    <div class="form">
                        <h2>"调整"</h2>
                        <label>"企业"
                            <select on:change=move |ev| moving.set(event_target_value(&ev))>
                                <option value="">"请选择企业"</option>
                                {p.grids.iter().flat_map(|g| g.enterprises.iter().map(move |(id, n)| view! { <option value=*id>{format!("{n}（{}）", g.name)}</option> })).collect_view()}
                            </select>
                        </label>
                        <label>"调入网格"
                            <select on:change=move |ev| destination.set(event_target_value(&ev))>
                                <option value="">"请选择网格"</option>
                                {p.grids.iter().enumerate().map(|(i, g)| view! { <option value=i>{g.name.clone()}</option> }).collect_view()}
                            </select>
                        </label>
                        <button class="button" on:click=move_one>"调入"</button>
                    </div>
                    <button class="button primary" on:click=move |_| { if let Some(p) = proposal.get_untracked() { accept.dispatch(p); } }>"采用此方案"</button>
                }
            })}
        </section>
    }
}
