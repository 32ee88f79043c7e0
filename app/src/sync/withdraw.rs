//! The 撤回 button under a record in 我的记录: asks first, then keeps the withdrawal on the
//! phone until the server has taken it.
use crate::sync::client;
use crate::sync::outbox::OutboxRecord;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn WithdrawButton(record: OutboxRecord) -> impl IntoView {
    let id = record.id;
    let failure = RwSignal::new(None::<String>);
    let withdraw = move |_| {
        let sure = window()
            .confirm_with_message("确定撤回这条记录吗？撤回后乡镇将看不到它，也不能恢复。")
            .unwrap_or(false);
        if sure {
            spawn_local(async move {
                if let Err(e) = client::withdraw_record(id).await {
                    failure.set(Some(e.to_string()));
                }
            });
        }
    };
    record.withdrawable().then(|| {
        view! {
            <button type="button" class="button subtle" on:click=withdraw>"撤回"</button>
            <Show when=move || failure.get().is_some()>
                <p class="error" role="alert">{move || failure.get().unwrap_or_default()}</p>
            </Show>
        }
    })
}
