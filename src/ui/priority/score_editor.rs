//! The combined score's weights and scales, shown beside the formula they feed.

use encours_engine::priority::ScoreSettings;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::i18n::Key;
use crate::state::use_app;

type Weight = (&'static str, Key, fn(&ScoreSettings) -> Decimal, fn(&mut ScoreSettings, Decimal));
type Scale = (&'static str, Key, fn(&ScoreSettings) -> u32, fn(&mut ScoreSettings, u32));

const WEIGHTS: [Weight; 3] = [
    ("score-amount", Key::ScoreAmountWeight, |s| s.amount_weight, |s, v| s.amount_weight = v),
    ("score-age", Key::ScoreAgeWeight, |s| s.age_weight, |s, v| s.age_weight = v),
    (
        "score-behaviour",
        Key::ScoreBehaviourWeight,
        |s| s.behaviour_weight,
        |s, v| s.behaviour_weight = v,
    ),
];

const SCALES: [Scale; 2] = [
    ("score-age-scale", Key::ScoreAgeScale, |s| s.age_scale_days, |s, v| s.age_scale_days = v),
    (
        "score-lateness-scale",
        Key::ScoreLatenessScale,
        |s| s.lateness_scale_days,
        |s, v| s.lateness_scale_days = v,
    ),
];

/// Number inputs for the three weights and the two scales; a value that is not a number
/// (or a negative weight) is left unapplied.
#[component]
pub fn ScoreEditor() -> impl IntoView {
    let s = use_app();
    let weights = WEIGHTS
        .iter()
        .map(|(id, key, get, set)| {
            let (key, get, set) = (*key, *get, *set);
            let change = move |ev| {
                let typed = super::parse_typed_amount(&event_target_value(&ev), s.lang.get());
                if let Some(weight) = typed.filter(|w| !w.is_sign_negative()) {
                    s.priority.update(|p| set(&mut p.score, weight));
                }
            };
            view! {
                <span class="field">
                    <label for=*id>{s.t(key)}</label>
                    <input
                        id=*id
                        inputmode="decimal"
                        prop:value=move || s.priority.with(|p| get(&p.score).to_string())
                        on:change=change
                    />
                </span>
            }
        })
        .collect_view();
    let scales = SCALES
        .iter()
        .map(|(id, key, get, set)| {
            let (key, get, set) = (*key, *get, *set);
            let change = move |ev| {
                if let Ok(days) = event_target_value(&ev).trim().parse::<u32>() {
                    s.priority.update(|p| set(&mut p.score, days.max(1)));
                }
            };
            view! {
                <span class="field">
                    <label for=*id>{s.t(key)}</label>
                    <input
                        id=*id
                        type="number"
                        min="1"
                        prop:value=move || s.priority.with(|p| get(&p.score).to_string())
                        on:change=change
                    />
                </span>
            }
        })
        .collect_view();
    view! {
        <details class="ladder no-print">
            <summary>{s.t(Key::ScoreHeading)}</summary>
            <p class="hint">{s.t(Key::ScoreHint)}</p>
            <div class="settings-grid">{weights}{scales}</div>
        </details>
    }
}
