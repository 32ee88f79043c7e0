//! The 撤回 button under a record in 我的记录: asks first, then keeps the withdrawal on the
//! phone until the server has taken it.
use crate::sync::client;
use crate::sync::outbox::OutboxRecord;
use crate::sync::words;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn WithdrawButton(record: OutboxRecord) -> impl IntoView {
    let id = record.id;
    let failure = RwSignal::new(None::<String>);
    let withdraw = move |_| {
        let sure = window()
            .confirm_with_message(words::WITHDRAW_SURE)
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
            <button type="button" class="button subtle" on:click=withdraw>{words::WITHDRAW}</button>
            <Show when=move || failure.get().is_some()>
                <p class="error" role="alert">{move || failure.get().unwrap_or_default()}</p>
            </Show>
        }
    })
}
