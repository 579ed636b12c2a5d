//! Late-payment penalties: on or off, and the ECB rate with the date it took effect.

use encours_engine::money;
use leptos::prelude::*;

use super::parse_typed_amount;
use crate::display;
use crate::i18n::{self, Key};
use crate::state::use_app;

/// The penalties toggle and the ECB rate.
#[component]
pub fn PenaltyOptions() -> impl IntoView {
    let s = use_app();
    let bad_rate = RwSignal::new(false);
    let change_rate = move |ev| {
        let rate = parse_typed_amount(&event_target_value(&ev), s.lang.get_untracked());
        bad_rate.set(rate.is_none());
        if let Some(rate) = rate {
            s.letter.update(|l| l.penalties.ecb_rate = rate);
        }
    };
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        s.letter.update(|l| l.penalties.enabled = on);
    };
    let rate_note = move || {
        let lang = s.lang.get();
        s.letter.with(|l| {
            let p = &l.penalties;
            let annual = p.annual_rate().map(|r| money::format_amount(r, lang)).unwrap_or_default();
            let note = i18n::ecb_rate_note(lang, &display::date(p.ecb_rate_since, lang), &annual);
            // A rate that took effect after the as-of date was not the rate of that date.
            match s.as_of.get() < p.ecb_rate_since {
                true => format!("{note} {}", i18n::text(lang, Key::EcbRateAfterAsOf)),
                false => note,
            }
        })
    };
    view! {
        <span class="field checkbox">
            <input
                id="penalties-on"
                type="checkbox"
                prop:checked=move || s.letter.with(|l| l.penalties.enabled)
                on:change=toggle
            />
            <label for="penalties-on">{s.t(Key::PenaltiesOn)}</label>
        </span>
        <span class="field">
            <label for="ecb-rate">{s.t(Key::EcbRate)}</label>
            <input
                id="ecb-rate"
                type="text"
                inputmode="decimal"
                prop:value=move || {
                    let lang = s.lang.get();
                    s.letter.with(|l| money::format_amount(l.penalties.ecb_rate, lang))
                }
                on:change=change_rate
            />
            <span class="hint">{rate_note}</span>
            {move || {
                bad_rate
                    .get()
                    .then(|| view! { <span class="warning-text">{s.t(Key::NotAnAmount)}</span> })
            }}
        </span>
    }
}
