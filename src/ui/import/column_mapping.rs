//! The column mapping table: every column, its first values and the field it feeds.

use leptos::prelude::*;

use super::column_row::ColumnRow;
use crate::i18n::Key;
use crate::state::use_app;

/// The table of columns, shown once a file has been read.
#[component]
pub fn ColumnMapping() -> impl IntoView {
    let s = use_app();
    move || {
        let outcome = s.outcome.get()?;
        let columns = outcome.parse.columns.clone();
        if columns.is_empty() {
            return None;
        }
        Some(view! {
            <div class="mapping">
                <h3>{s.t(Key::ColumnsHeading)}</h3>
                <div class="table-scroll">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{s.t(Key::Column)}</th>
                                <th scope="col">{s.t(Key::FirstValues)}</th>
                                <th scope="col">{s.t(Key::Field)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {columns
                                .into_iter()
                                .map(|column| view! { <ColumnRow column /> })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
        })
    }
}
