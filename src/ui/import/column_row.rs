//! One row of the column mapping table: header, first values, field selector.

use encours_engine::import::{ColumnReport, Field};
use leptos::prelude::*;

use crate::engine_bridge::FIELDS;
use crate::i18n::{self, Key};
use crate::state::use_app;
use crate::ui::controls::{ChoiceSelect, LabelShown};

/// The value of a field in the selector; `""` ignores the column.
fn field_value(field: Option<Field>) -> String {
    field.map(|f| format!("{f:?}")).unwrap_or_default()
}

/// One column: header, samples, field selector.
#[component]
pub fn ColumnRow(column: ColumnReport) -> impl IntoView {
    let s = use_app();
    let index = column.index;
    let header = column.header.clone();
    let label = Signal::derive(move || i18n::field_for_column(s.lang.get(), &header));
    let choices = Signal::derive(move || {
        let lang = s.lang.get();
        let mut choices = vec![(String::new(), i18n::text(lang, Key::IgnoreColumn).to_owned())];
        choices.extend(FIELDS.iter().map(|f| (field_value(Some(*f)), f.label(lang).to_owned())));
        choices
    });
    let current = field_value(column.field);
    let pick = Callback::new(move |value: String| {
        let field = FIELDS.iter().copied().find(|f| field_value(Some(*f)) == value);
        s.choose_field(index, field);
    });
    view! {
        <tr>
            <th scope="row">{column.header.clone()}</th>
            <td class="samples">{column.samples.join(" · ")}</td>
            <td>
                <ChoiceSelect
                    id=format!("map-col-{index}")
                    label=label
                    choices=choices
                    current=Signal::derive(move || current.clone())
                    on_pick=pick
                    label_shown=LabelShown::ScreenReaderOnly
                />
            </td>
        </tr>
    }
}
