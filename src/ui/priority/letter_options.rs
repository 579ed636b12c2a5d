//! What the reminder texts say besides the items: who signs and how many days are given.

use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

/// The signature and the payment deadline of the reminders.
#[component]
pub fn LetterOptions() -> impl IntoView {
    let s = use_app();
    let change_sender = move |ev| {
        let text = event_target_value(&ev);
        s.letter.update(|l| l.sender = (!text.trim().is_empty()).then(|| text.trim().to_owned()));
    };
    let change_deadline = move |ev| {
        if let Ok(days) = event_target_value(&ev).trim().parse::<u32>() {
            s.letter.update(|l| l.deadline_days = days);
        }
    };
    view! {
        <span class="field">
            <label for="letter-sender">{s.t(Key::LetterSender)}</label>
            <input
                id="letter-sender"
                type="text"
                prop:value=move || s.letter.with(|l| l.sender.clone().unwrap_or_default())
                on:change=change_sender
            />
        </span>
        <span class="field">
            <label for="letter-deadline">{s.t(Key::LetterDeadline)}</label>
            <input
                id="letter-deadline"
                type="number"
                min="0"
                prop:value=move || s.letter.with(|l| l.deadline_days.to_string())
                on:change=change_deadline
            />
        </span>
    }
}
