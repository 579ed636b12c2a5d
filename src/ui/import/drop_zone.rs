//! Dropping a file anywhere on the page reads it, like the file picker.

use leptos::ev;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

/// Listens for drops on the whole window and shows a hint while a file is dragged over.
#[component]
pub fn DropZone() -> impl IntoView {
    let s = use_app();
    let dragging = RwSignal::new(false);

    // The browser opens dropped files unless dragover and drop are cancelled.
    let over = window_event_listener(ev::dragover, move |event| {
        event.prevent_default();
        dragging.set(true);
    });
    let left = window_event_listener(ev::dragleave, move |_| dragging.set(false));
    let dropped = window_event_listener(ev::drop, move |event| {
        event.prevent_default();
        dragging.set(false);
        let files = event.data_transfer().and_then(|transfer| transfer.files());
        if let Some(file) = files.and_then(|files| files.get(0)) {
            s.open_file(file);
        }
    });
    on_cleanup(move || {
        over.remove();
        left.remove();
        dropped.remove();
    });
    move || {
        dragging.get().then(|| {
            view! {
                <div class="drop-overlay" aria-hidden="true">
                    {s.t(Key::DropNow)}
                </div>
            }
        })
    }
}
