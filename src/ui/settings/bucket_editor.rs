//! The bucket edges, typed (`30, 60, 90`) or picked from presets.

use encours_engine::aging::{BucketPreset, Buckets};
use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

const PRESETS: [(BucketPreset, &str); 4] = [
    (BucketPreset::Standard, "30/60/90"),
    (BucketPreset::Long, "30/60/90/120"),
    (BucketPreset::Fine, "15/30/45/60/90"),
    (BucketPreset::Monthly, "30/…/180"),
];

fn edges_text(buckets: &Buckets) -> String {
    let edges: Vec<String> = buckets.edges.iter().map(u32::to_string).collect();
    edges.join(", ")
}

/// The edges input, its error in the user's language, and the preset buttons.
#[component]
pub fn BucketEditor() -> impl IntoView {
    let s = use_app();
    let error = RwSignal::new(None);
    let change = move |ev| match Buckets::parse(&event_target_value(&ev)) {
        Ok(buckets) => {
            error.set(None);
            s.aging.update(|a| a.buckets = buckets);
        }
        Err(problem) => error.set(Some(problem)),
    };
    let presets = PRESETS
        .iter()
        .map(|(preset, text)| {
            let preset = *preset;
            let pick = move |_| {
                error.set(None);
                s.aging.update(|a| a.buckets = Buckets::preset(preset));
            };
            view! {
                <button type="button" class="chip" on:click=pick>
                    {*text}
                </button>
            }
        })
        .collect_view();
    view! {
        <span class="field">
            <label for="bucket-edges">{s.t(Key::BucketEdges)}</label>
            <input
                id="bucket-edges"
                type="text"
                inputmode="numeric"
                prop:value=move || s.aging.with(|a| edges_text(&a.buckets))
                on:change=change
            />
            <span class="chips" role="group" aria-label=s.t(Key::BucketPresets)>
                {presets}
            </span>
            {move || {
                error.get().map(|problem| {
                    let message = problem.message(s.lang.get());
                    view! { <span class="warning-text" role="alert">{message}</span> }
                })
            }}
        </span>
    }
}
