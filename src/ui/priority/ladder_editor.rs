//! The reminder ladder: the last day past due of each step.

use encours_engine::priority::{Ladder, Step};
use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

type Rung = (&'static str, Step, fn(&Ladder) -> u32, fn(&mut Ladder, u32));

const RUNGS: [Rung; 5] = [
    (
        "ladder-preventive",
        Step::Preventive,
        |l| l.preventive_within,
        |l, v| l.preventive_within = v,
    ),
    ("ladder-email", Step::Email, |l| l.email_up_to, |l, v| l.email_up_to = v),
    ("ladder-phone", Step::Phone, |l| l.phone_up_to, |l, v| l.phone_up_to = v),
    (
        "ladder-second",
        Step::SecondReminder,
        |l| l.second_reminder_up_to,
        |l, v| l.second_reminder_up_to = v,
    ),
    (
        "ladder-registered",
        Step::RegisteredLetter,
        |l| l.registered_letter_up_to,
        |l, v| l.registered_letter_up_to = v,
    ),
];

/// One number input per rung; beyond the last rung comes the formal notice.
#[component]
pub fn LadderEditor() -> impl IntoView {
    let s = use_app();
    let rungs = RUNGS
        .iter()
        .map(|(id, step, get, set)| {
            let (step, get, set) = (*step, *get, *set);
            let change = move |ev| {
                if let Ok(days) = event_target_value(&ev).trim().parse::<u32>() {
                    s.priority.update(|p| set(&mut p.ladder, days));
                }
            };
            view! {
                <span class="field">
                    <label for=*id>{move || step.label(s.lang.get())}</label>
                    <input
                        id=*id
                        type="number"
                        min="0"
                        prop:value=move || s.priority.with(|p| get(&p.ladder).to_string())
                        on:change=change
                    />
                </span>
            }
        })
        .collect_view();
    view! {
        <details class="ladder no-print">
            <summary>{s.t(Key::LadderHeading)}</summary>
            <p class="hint">{s.t(Key::LadderHint)}</p>
            <div class="settings-grid">{rungs}</div>
        </details>
    }
}
