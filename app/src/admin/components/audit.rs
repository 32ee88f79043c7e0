//! 操作日志: every administrative change, newest first, and its export.
use super::{AdminNav, alert};
use crate::admin::api::{AuditRecord, list_audit};
use crate::domain::period::format_shanghai_minute;
use leptos::prelude::*;

fn action_label(action: &str) -> &str {
    match action {
        "import_enterprise" => "导入企业",
        "unlock_report" => "解锁月度汇报",
        "waive_obligation" => "豁免报送事项",
        "import_person" => "导入人员",
        "rename_person" => "人员改名",
        "assign_role" => "分配角色",
        "unassign_role" => "取消角色",
        "add_grid" => "新增网格",
        "rename_grid" => "网格改名",
        "move_grid" => "移动网格",
        "close_grid" => "关闭网格",
        "deactivate_person" => "停用人员",
        "reactivate_person" => "启用人员",
        "reset_password" => "重置密码",
        "apply_grouping" => "采用分组建议",
        other => other,
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let entries = Resource::new(|| (), |_| list_audit());
    view! {
        <section class="card wide">
            <AdminNav />
            <h1>"操作日志"</h1>
            <p><a href="/api/v1/admin/audit.csv" download>"导出 CSV"</a></p>
            <Transition fallback=|| view! { <p class="loading">"正在加载…"</p> }>
                {move || entries.get().map(|r| match r {
                    Err(e) => alert(e.to_string()).into_any(),
                    Ok(list) => view! {
                        <table class="grid-table">
                            <thead><tr><th>"时间"</th><th>"操作人"</th><th>"操作"</th><th>"对象"</th><th>"变更前"</th><th>"变更后"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|e: AuditRecord| view! {
                                    <tr>
                                        <td>{format_shanghai_minute(e.at_ms)}</td>
                                        <td>{e.person_name}</td>
                                        <td>{action_label(&e.action).to_owned()}</td>
                                        <td>{format!("{} {}", e.target_kind, e.target_key)}</td>
                                        <td class="muted">{e.before.unwrap_or_default()}</td>
                                        <td class="muted">{e.after.unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                })}
            </Transition>
        </section>
    }
}
