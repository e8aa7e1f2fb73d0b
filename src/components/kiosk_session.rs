//! Kiosk mode for the self-service terminals in the service hall, which strangers share.
//!
//! Turned on once per terminal by opening any page with `?kiosk=1` (off with `?kiosk=0`); the
//! flag is kept in localStorage. On a kiosk a bar offers "finish and clear my details" at all
//! times, and after two minutes without a touch or a key a dialog asks whether the person is
//! still there; thirty seconds later the session ends by itself. Ending it wipes everything the
//! portal kept in the browser (drafts, preferences, tokens) except the kiosk flag, and goes back
//! to the home page for the next person.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;

use crate::i18n::strings;
use crate::prefs::{text, use_prefs};

const KIOSK_KEY: &str = "portal.kiosk";
/// Seconds without input before the "are you still there?" dialog.
pub const IDLE_SECS: u32 = 120;
/// Seconds the dialog waits before the session ends.
pub const WARNING_SECS: u32 = 30;

/// Whether this browser is a kiosk, after applying a `?kiosk=1` / `?kiosk=0` in the address.
fn kiosk_enabled() -> bool {
    if crate::prerender::ACTIVE {
        return false;
    }
    let storage = crate::storage::local();
    let search = window().location().search().unwrap_or_default();
    let asked = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("kiosk="));
    if let (Some(asked), Some(storage)) = (asked, storage.as_ref()) {
        let _ = if asked == "1" {
            storage.set_item(KIOSK_KEY, "1")
        } else {
            storage.remove_item(KIOSK_KEY)
        };
    }
    match (asked, storage) {
        (Some(asked), _) => asked == "1",
        (None, Some(storage)) => storage.get_item(KIOSK_KEY).ok().flatten().as_deref() == Some("1"),
        (None, None) => false,
    }
}

/// Wipes what the portal kept for the person who just left, and starts over at home.
fn end_session() {
    if let Some(session) = crate::storage::session() {
        let _ = session.clear();
    }
    if let Some(local) = crate::storage::local() {
        let _ = local.clear();
        let _ = local.set_item(KIOSK_KEY, "1");
    }
    // A full load (not an in-app navigation) also drops everything held in memory.
    let _ = window().location().replace("/");
}

#[component]
pub fn KioskSession() -> impl IntoView {
    if !kiosk_enabled() {
        return None;
    }
    // Larger type and targets for a standing person at arm's length (`html.kiosk` in the CSS).
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("kiosk");
    }
    let prefs = use_prefs();
    let idle = RwSignal::new(0u32);
    if let Ok(handle) =
        set_interval_with_handle(move || idle.update(|s| *s += 1), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    for event in ["pointerdown", "keydown", "input", "scroll"] {
        let handle = window_event_listener_untyped(event, move |_| idle.set(0));
        on_cleanup(move || handle.remove());
    }
    // Escape closes the dialog by itself; the key also counts as activity, so it means "still
    // here".
    let dialog = NodeRef::<html::Dialog>::new();
    Effect::new(move |_| {
        let seconds = idle.get();
        if seconds >= IDLE_SECS + WARNING_SECS {
            end_session();
        }
        let Some(dialog) = dialog.get() else { return };
        let warn = seconds >= IDLE_SECS;
        if warn && !dialog.open() {
            let _ = dialog.show_modal();
        } else if !warn && dialog.open() {
            dialog.close();
        }
    });
    let left = move || {
        let left = (IDLE_SECS + WARNING_SECS).saturating_sub(idle.get());
        strings(prefs.lang.get()).kiosk_idle_body(left)
    };
    Some(view! {
        <div class="kiosk-bar">
            <button type="button" class="button button--warning" on:click=|_| end_session()>
                {text(|s| s.kiosk_end)}
            </button>
        </div>
        <dialog
            class="kiosk-dialog"
            node_ref=dialog
            aria-labelledby="kiosk-dialog-title"
            aria-describedby="kiosk-dialog-body"
        >
            <h2 id="kiosk-dialog-title">{text(|s| s.kiosk_idle_title)}</h2>
            <p id="kiosk-dialog-body" aria-live="polite">{left}</p>
            <div class="button-row">
                <button type="button" class="button" on:click=move |_| idle.set(0)>{text(|s| s.kiosk_continue)}</button>
                <button type="button" class="button button--secondary" on:click=|_| end_session()>
                    {text(|s| s.kiosk_end)}
                </button>
            </div>
        </dialog>
    })
}
