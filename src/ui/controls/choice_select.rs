//! A labelled `<select>` over a list of (value, text) choices.

use leptos::prelude::*;

/// Whether the label is drawn or only read by assistive technology.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LabelShown {
    #[default]
    Visible,
    ScreenReaderOnly,
}

/// A select whose label names it for assistive technology (`<label for>`).
#[component]
pub fn ChoiceSelect(
    id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] choices: Signal<Vec<(String, String)>>,
    #[prop(into)] current: Signal<String>,
    on_pick: Callback<String>,
    #[prop(optional)] label_shown: LabelShown,
) -> impl IntoView {
    let label_class = match label_shown {
        LabelShown::Visible => "",
        LabelShown::ScreenReaderOnly => "visually-hidden",
    };
    view! {
        <span class="field">
            <label for=id.clone() class=label_class>
                {move || label.get()}
            </label>
            <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {move || {
                    let current = current.get();
                    choices
                        .get()
                        .into_iter()
                        .map(|(value, text)| {
                            let selected = value == current;
                            view! {
                                <option value=value prop:selected=selected>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </span>
    }
}
