//! The service worker from the page's side: register it, notice a new version waiting, and
//! hand over to it when the user agrees. The outbox lives in IndexedDB, which an update of the
//! worker's caches does not touch.
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::{Cell, RefCell};
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{RegistrationOptions, ServiceWorkerRegistration, ServiceWorkerUpdateViaCache};

pub fn register(update_ready: RwSignal<bool>) {
    let container = window().navigator().service_worker();
    let options = RegistrationOptions::new();
    options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
    let registering = container.register_with_options("/sw.js", &options);
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(registering).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // A waiting worker matters only when an older one controls the page.
        let check = move || {
            let controlled = window().navigator().service_worker().controller().is_some();
            update_ready.set(controlled && registration.waiting().is_some());
        };
        check();
        let _ = set_interval(check, Duration::from_secs(5));
    });
}

/// Tells the waiting worker to take over; the page reloads when it has. (Only then: the first
/// install also changes the controller, and must not reload the page under the user.)
pub fn activate_update() {
    let container = window().navigator().service_worker();
    let on_change = wasm_bindgen::closure::Closure::once_into_js(|| {
        let _ = window().location().reload();
    });
    container.set_oncontrollerchange(Some(on_change.unchecked_ref()));
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if let Some(waiting) = registration.waiting() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            let _ = waiting.post_message(&message);
        }
    });
}

/// Asks the browser not to evict the outbox under storage pressure (the answer is shown in
/// settings), at the first save of each time the app is opened: the browser's answer does not
/// change from one save to the next, and asking costs each save half a millisecond of a cheap
/// phone's main thread.
pub fn ask_persistence() {
    if ASKED.with(|asked| asked.replace(true)) {
        return;
    }
    spawn_local(async {
        crate::sync::device::ask_persistence().await;
    });
}

thread_local! {
    /// Persistent storage was asked for since the page was opened.
    static ASKED: Cell<bool> = const { Cell::new(false) };
    /// The browser's deferred install prompt, kept until the user asks for it.
    static INSTALL: RefCell<Option<wasm_bindgen::JsValue>> = const { RefCell::new(None) };
}

/// Keeps the browser's install prompt for the 添加到主屏幕 button instead of letting it pop up
/// unexplained, and says whether the app runs inside a messaging app's browser (WeChat), where
/// service workers and storage may not last.
pub fn watch_install(can_install: RwSignal<bool>, in_app_browser: RwSignal<bool>) {
    let agent = window().navigator().user_agent().unwrap_or_default();
    in_app_browser.set(agent.contains("MicroMessenger"));
    let standalone = window()
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    if standalone {
        return;
    }
    let offered = window_event_listener_untyped("beforeinstallprompt", move |event| {
        event.prevent_default();
        INSTALL.with(|i| *i.borrow_mut() = Some(event.into()));
        can_install.set(true);
    });
    let installed = window_event_listener_untyped("appinstalled", move |_| can_install.set(false));
    // These live as long as the page does.
    std::mem::forget((offered, installed));
}

/// Shows the browser's own install dialog, once.
pub fn install(can_install: RwSignal<bool>) {
    can_install.set(false);
    let Some(event) = INSTALL.with(|i| i.borrow_mut().take()) else {
        return;
    };
    if let Ok(prompt) = js_sys::Reflect::get(&event, &"prompt".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    {
        let _ = prompt.call0(&event);
    }
}
