//! The service worker from the page's side: register it, notice a new version waiting, and
//! hand over to it when the user agrees. The outbox lives in IndexedDB, which an update of the
//! worker's caches does not touch.
use leptos::prelude::*;
use leptos::task::spawn_local;
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
        let _ = set_interval_with_handle(check, Duration::from_secs(5));
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
/// settings).
pub fn ask_persistence() {
    spawn_local(async {
        crate::sync::device::ask_persistence().await;
    });
}
