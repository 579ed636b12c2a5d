//! One labelled figure, with its machine value in `data-value` for tests and tools.

use leptos::prelude::*;

/// A figure: label above, formatted value below.
#[component]
pub fn Figure(testid: String, value: String, label: String, text: String) -> impl IntoView {
    view! {
        <div class="figure">
            <span class="figure-label">{label}</span>
            <span class="figure-value" data-testid=testid data-value=value>
                {text}
            </span>
        </div>
    }
}
