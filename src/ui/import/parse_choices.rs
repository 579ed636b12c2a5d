//! What the reader detected (encoding, delimiter, decimal mark, date order, header line,
//! sheet), each shown with a control to change it.

use encours_engine::import::{ImportOptions, ParseReport};
use leptos::prelude::*;

use super::header_line::HeaderLine;
use super::sheet_choice::SheetChoice;
use crate::engine_bridge::Input;
use crate::i18n::{self, Key};
use crate::state::{use_app, AppState};
use crate::ui::controls::ChoiceSelect;

/// The machine name of a delimiter, as `data-value` shows it.
fn delimiter_value(delimiter: Option<char>) -> String {
    match delimiter {
        Some('\t') => "tab".to_owned(),
        Some(c) => c.to_string(),
        None => String::new(),
    }
}

fn date_order_value(day_first: Option<bool>) -> &'static str {
    match day_first {
        Some(true) => "day-first",
        Some(false) => "month-first",
        None => "",
    }
}

/// A select changing one import option; `""` goes back to detection.
fn option_select(
    s: AppState,
    id: &'static str,
    label: Key,
    choices: Vec<(&'static str, Key)>,
    current: impl Fn(&ImportOptions) -> String + Send + Sync + 'static,
    apply: impl Fn(&mut ImportOptions, &str) + Send + Sync + 'static,
) -> impl IntoView {
    let choices = Signal::derive(move || {
        let lang = s.lang.get();
        choices.iter().map(|(v, k)| ((*v).to_owned(), i18n::text(lang, *k).to_owned())).collect()
    });
    view! {
        <ChoiceSelect
            id=id.to_owned()
            label=s.label(label)
            choices=choices
            current=Signal::derive(move || s.options.with(&current))
            on_pick=Callback::new(move |value: String| s.choose_import(|o| apply(o, &value)))
        />
    }
}

/// One detected figure, machine value in `data-value`.
fn detected(testid: &'static str, value: String, text: String) -> impl IntoView {
    view! {
        <span class="detected" data-testid=testid data-value=value>
            {text}
        </span>
    }
}

/// The reading choices of the current outcome.
#[component]
pub fn ParseChoices() -> impl IntoView {
    let s = use_app();
    move || {
        let outcome = s.outcome.get()?;
        let parse: ParseReport = outcome.parse.clone();
        let lang = s.lang.get();
        let delimiter = delimiter_value(parse.delimiter);
        let decimal = parse.decimal_mark.map(String::from).unwrap_or_default();
        let order = date_order_value(parse.day_first);
        let sheets = parse.sheets.clone();
        let source = s.input.with(|input| match input {
            Some(Input::File { name, bytes }) => i18n::source_file(lang, name, bytes.len()),
            Some(Input::Text(text)) => i18n::source_pasted(lang, text.len()),
            None => String::new(),
        });
        let delimiter_text = i18n::delimiter(lang, &delimiter);
        let decimal_text = i18n::decimal_mark(lang, &decimal);
        Some(view! {
            <div class="parse-choices" role="group" aria-labelledby="parse-heading">
                <h3 id="parse-heading">{s.t(Key::DetectedHeading)}</h3>
                <p class="hint source">{source}</p>
                <div class="choice">
                    {detected("parse-encoding", parse.encoding.clone(), parse.encoding.clone())}
                    {option_select(
                        s,
                        "opt-encoding",
                        Key::Encoding,
                        vec![
                            ("", Key::Detect),
                            ("UTF-8", Key::EncodingUtf8),
                            ("windows-1252", Key::EncodingWindows1252),
                            ("ISO-8859-15", Key::EncodingLatin9),
                            ("UTF-16LE", Key::EncodingUtf16),
                        ],
                        |o| o.encoding.clone().unwrap_or_default(),
                        |o, v| o.encoding = (!v.is_empty()).then(|| v.to_owned()),
                    )}
                </div>
                <div class="choice">
                    {detected("parse-delimiter", delimiter.clone(), delimiter_text)}
                    {option_select(
                        s,
                        "opt-delimiter",
                        Key::Delimiter,
                        vec![
                            ("", Key::Detect),
                            (";", Key::Semicolon),
                            (",", Key::Comma),
                            ("tab", Key::Tab),
                            ("|", Key::Pipe),
                        ],
                        |o| delimiter_value(o.delimiter),
                        |o, v| {
                            o.delimiter = match v {
                                "tab" => Some('\t'),
                                other => other.chars().next(),
                            }
                        },
                    )}
                </div>
                <div class="choice">
                    {detected("parse-decimal-mark", decimal.clone(), decimal_text)}
                    {option_select(
                        s,
                        "opt-decimal",
                        Key::DecimalMark,
                        vec![("", Key::Detect), (",", Key::DecimalComma), (".", Key::DecimalDot)],
                        |o| o.decimal_mark.map(String::from).unwrap_or_default(),
                        |o, v| o.decimal_mark = v.chars().next(),
                    )}
                </div>
                <div class="choice">
                    {detected("parse-date-order", order.to_owned(), i18n::date_order(lang, order))}
                    {option_select(
                        s,
                        "opt-date-order",
                        Key::DateOrder,
                        vec![
                            ("", Key::Detect),
                            ("day-first", Key::DayFirst),
                            ("month-first", Key::MonthFirst),
                        ],
                        |o| date_order_value(o.day_first).to_owned(),
                        |o, v| {
                            o.day_first = match v {
                                "day-first" => Some(true),
                                "month-first" => Some(false),
                                _ => None,
                            }
                        },
                    )}
                    {parse.date_order_ambiguous.then(|| view! {
                        <p class="warning-text">{s.t(Key::DateOrderAmbiguous)}</p>
                    })}
                </div>
                <HeaderLine detected=parse.header_line />
                {(!sheets.is_empty()).then(|| view! { <SheetChoice sheets=sheets /> })}
            </div>
        })
    }
}
