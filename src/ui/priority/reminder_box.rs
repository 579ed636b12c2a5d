//! The reminder of a client card: text, short version, Copy button and `mailto:` link.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::{self, Key};
use crate::state::use_app;

/// The reminder text, its short version, a Copy button and a `mailto:` link.
#[component]
pub fn ReminderBox(
    id: String,
    name: String,
    reminder: encours_engine::letter::Reminder,
    emails: Vec<String>,
) -> impl IntoView {
    let s = use_app();
    let copied = RwSignal::new(false);
    let full = format!("{}\n\n{}", reminder.subject, reminder.body);
    let mailto = format!(
        "mailto:{}?subject={}&body={}",
        emails.join(","),
        browser::encode_uri_component(&reminder.subject),
        browser::encode_uri_component(&reminder.body)
    );
    let done = s.t(Key::Copied);
    let copy_label = {
        let name = name.clone();
        move || i18n::copy_reminder(s.lang.get(), &name)
    };
    let mail_label = move || i18n::email_reminder(s.lang.get(), &name);
    let copy = move |_| {
        let text = full.clone();
        leptos::task::spawn_local(async move {
            match browser::copy(text).await {
                Ok(()) => copied.set(true),
                Err(error) => log::warn!("copy failed: {error}"),
            }
        });
    };
    view! {
        <details class="reminder" id=format!("{id}-reminder")>
            <summary>{s.t(Key::ReminderText)}</summary>
            <p class="subject">{reminder.subject.clone()}</p>
            <pre class="body">{reminder.body.clone()}</pre>
            <p class="short">
                <span class="figure-label">{s.t(Key::ShortVersion)}</span>
                " "
                {reminder.short.clone()}
            </p>
            <div class="no-print">
                <button type="button" aria-label=copy_label on:click=copy>{s.t(Key::Copy)}</button>
                <a class="button" href=mailto aria-label=mail_label>{s.t(Key::SendEmail)}</a>
                {move || {
                    copied.get().then(|| view! { <span class="hint" role="status">{done}</span> })
                }}
            </div>
        </details>
    }
}
