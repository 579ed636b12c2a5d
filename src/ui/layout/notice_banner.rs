//! The banner for storage and file problems: unreadable saved data (shown raw, kept until the
//! user decides), data too large to keep, a file that could not be read.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::{use_app, Notice};

/// Shows the current notice, if any.
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let s = use_app();
    move || {
        s.notice.get().map(|notice| match notice {
            Notice::Unreadable { raw, reason } => view! {
                <div class="banner error" role="alert">
                    <p>{s.t(Key::SavedUnreadable)}</p>
                    <p class="detail">{reason}</p>
                    <label for="saved-raw">{s.t(Key::SavedRawText)}</label>
                    <textarea id="saved-raw" readonly rows="4" prop:value=raw></textarea>
                    <button type="button" on:click=move |_| s.clear()>
                        {s.t(Key::StartFresh)}
                    </button>
                </div>
            }
            .into_any(),
            Notice::TooLarge(reason) => view! {
                <div class="banner warning" role="status">
                    <p>{s.t(Key::TooLargeToKeep)}</p>
                    <p class="detail">{reason}</p>
                </div>
            }
            .into_any(),
            Notice::FileUnreadable(reason) => view! {
                <div class="banner error" role="alert">
                    <p>{s.t(Key::FileUnreadable)}</p>
                    <p class="detail">{reason}</p>
                    <button type="button" on:click=move |_| s.notice.set(None)>
                        {s.t(Key::Dismiss)}
                    </button>
                </div>
            }
            .into_any(),
        })
    }
}
