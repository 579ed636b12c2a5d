//! The title bar: name, privacy promise, language toggle and "clear my data".

use encours_engine::lang::Lang;
use leptos::prelude::*;

use crate::i18n::Key;
use crate::state::use_app;

/// Title, language switch and the button that forgets everything.
#[component]
pub fn TopBar() -> impl IntoView {
    let s = use_app();
    let toggle = move |_| {
        s.lang.update(|lang| {
            *lang = match lang {
                Lang::Fr => Lang::En,
                Lang::En => Lang::Fr,
            }
        })
    };
    view! {
        <header class="top-bar">
            <div class="brand">
                <h1>"Encours"</h1>
                <p class="tagline">{s.t(Key::Tagline)}</p>
            </div>
            <div class="top-actions no-print">
                <button type="button" on:click=toggle>
                    {s.t(Key::OtherLanguage)}
                </button>
                <button type="button" class="danger" on:click=move |_| s.clear()>
                    {s.t(Key::ClearData)}
                </button>
            </div>
        </header>
    }
}
