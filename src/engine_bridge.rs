//! The one door to the engine: every engine call of the app goes through here, so that moving
//! the work into a Web Worker later changes this file only.
//!
//! Reading happens only when the input or the import options change; aging and priorities run
//! again from the kept [`Ledger`] when the settings or the as-of date change.

use chrono::NaiveDate;
use encours_engine::aging::{self, AgingReport, AgingSettings};
use encours_engine::import::{self, Field, ImportOptions, ImportOutcome, ParseReport};
use encours_engine::kpi::{self, Kpi};
use encours_engine::lang::Lang;
use encours_engine::ledger::{Currency, Ledger};
use encours_engine::letter::{self, LetterSettings, Reminder};
use encours_engine::penalties::{self, PenaltyReport, PenaltySettings};
use encours_engine::priority::{self, ClientAction, PriorityList, PrioritySettings};
use encours_engine::report;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the user gave to read: pasted text, or a file's name and bytes.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Text(String),
    File { name: String, bytes: Arc<Vec<u8>> },
}

/// Import choices (mapping, delimiter, encoding, decimal mark, date order, header line, sheet)
/// remembered per header signature as first detected (see [`header_signature`]).
pub type Mappings = BTreeMap<String, ImportOptions>;

/// Every field a column can be mapped to, in the order the mapping selector lists them.
pub const FIELDS: [Field; 16] = [
    Field::Invoice,
    Field::Instalment,
    Field::Client,
    Field::Amount,
    Field::Paid,
    Field::Balance,
    Field::IssueDate,
    Field::DueDate,
    Field::Terms,
    Field::PaymentDate,
    Field::Currency,
    Field::Status,
    Field::Disputed,
    Field::Email,
    Field::Owner,
    Field::Kind,
];

/// Reads `input` with `options`. When the user left every choice to detection and has made
/// choices for a file with the same detected headers before, those choices are applied.
pub fn read(input: &Input, options: &ImportOptions, remembered: &Mappings) -> ImportOutcome {
    // Read once with the options as they are.
    let (bytes, name) = match input {
        Input::Text(text) => (text.as_bytes(), None),
        Input::File { name, bytes } => (bytes.as_slice(), Some(name.as_str())),
    };
    let outcome = import::import(bytes, name, options);
    log::debug!("read {} bytes: {:?}", bytes.len(), outcome.summary);

    // Read again with the choices remembered for these headers, if any.
    if *options != ImportOptions::default() {
        return outcome;
    }
    match remembered.get(&header_signature(&outcome.parse)) {
        Some(choices) if *choices != ImportOptions::default() => {
            import::import(bytes, name, choices)
        }
        _ => outcome,
    }
}

/// The key a column mapping is remembered under: the headers, in order.
pub fn header_signature(parse: &ParseReport) -> String {
    let headers: Vec<&str> = parse.columns.iter().map(|c| c.header.trim()).collect();
    headers.join("\u{1f}")
}

/// The aged balance of `ledger` at `as_of`.
pub fn age(ledger: &Ledger, settings: &AgingSettings, as_of: NaiveDate) -> AgingReport {
    aging::age(ledger, settings, as_of)
}

/// Who to chase first, the clients with something due soon, and what the minimum amount left
/// out.
pub fn plan(ledger: &Ledger, report: &AgingReport, settings: &PrioritySettings) -> PriorityList {
    priority::plan(ledger, report, settings)
}

/// Late-payment interest and recovery indemnities of the overdue items.
pub fn penalties(
    ledger: &Ledger,
    report: &AgingReport,
    settings: &PenaltySettings,
) -> PenaltyReport {
    penalties::penalties(ledger, report, settings)
}

/// The reminder for one client of the action list.
pub fn reminder(
    ledger: &Ledger,
    report: &AgingReport,
    action: &ClientAction,
    lang: Lang,
    settings: &LetterSettings,
) -> Reminder {
    letter::reminder_with(ledger, report, action, lang, settings)
}

/// The headline figures per currency: outstanding, overdue, weighted days, DSO.
pub fn kpis(
    ledger: &Ledger,
    report: &AgingReport,
    settings: &AgingSettings,
) -> BTreeMap<Currency, Kpi> {
    kpi::kpis(ledger, report, settings)
}

/// The overdue share of the outstanding total in percent, to one decimal, or `None` when the
/// total is not positive (the share means nothing then).
// TODO: move into the engine's `kpi` module, which has the two sums but not this share.
pub fn percent_overdue(figures: &Kpi) -> Option<Decimal> {
    if figures.outstanding <= Decimal::ZERO {
        return None;
    }
    let share =
        figures.overdue.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(figures.outstanding)?;
    Some(share.round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero))
}

/// How many clients have at least one open item.
// TODO: the engine's `kpi` counts clients with something overdue, not with something open;
// this count belongs there too.
pub fn open_clients(report: &AgingReport) -> usize {
    let clients: std::collections::BTreeSet<_> = report.items.iter().map(|i| i.client).collect();
    clients.len()
}

/// The open items as the engine's semicolon CSV, with a byte-order mark so that Excel reads
/// it as UTF-8.
pub fn export_csv(ledger: &Ledger, report: &AgingReport, lang: Lang) -> String {
    format!("\u{feff}{}", report::open_items_csv(ledger, report, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn money(text: &str) -> Decimal {
        Decimal::from_str_exact(text).expect("test amounts are valid")
    }

    /// Reads the sample with `remembered` and returns the EUR total per bucket and overall.
    fn sample_totals(remembered: &Mappings) -> (Vec<Decimal>, Decimal) {
        let input = Input::Text(sample::CSV.to_owned());
        let outcome = read(&input, &ImportOptions::default(), remembered);
        assert_eq!(outcome.summary.rows_read, 13);
        assert_eq!(outcome.summary.rows_used + outcome.summary.rows_rejected, 13);
        let report = age(&outcome.ledger, &AgingSettings::default(), sample::as_of());
        let totals = report.by_currency.get(&Currency::EUR).expect("the sample is in euros");
        (totals.buckets.clone(), totals.total)
    }

    #[test]
    fn sample_fills_every_bucket() {
        // Worked out by hand at 31/01/2025: not due 960 + 720 + 2310.75 (due that day);
        // 1-30: 89.90 + 1875.40; 31-60: 3480 + 640; 61-90: 4200 - 350 + (5600 - 2000);
        // over 90: 1234.56 + (2500 - 1000); VT-24-099 is paid in full.
        let (buckets, total) = sample_totals(&Mappings::new());
        let expected = ["3990.75", "1965.30", "4120.00", "7450.00", "2734.56"].map(money);
        assert_eq!(buckets, expected);
        assert_eq!(total, money("20260.61"));
    }

    #[test]
    fn remembered_choices_apply_to_the_same_headers() {
        // Ignoring the "Réglé" column adds back 1000 + 2000 paid, and the paid invoice 1150.
        let input = Input::Text(sample::CSV.to_owned());
        let outcome = read(&input, &ImportOptions::default(), &Mappings::new());
        let mut mapping: Vec<Option<Field>> =
            outcome.parse.columns.iter().map(|c| c.field).collect();
        let paid = outcome.parse.columns.iter().position(|c| c.header == "Réglé");
        mapping[paid.expect("the sample has a paid column")] = None;
        let choices = ImportOptions { mapping: Some(mapping), ..ImportOptions::default() };
        let remembered = Mappings::from([(header_signature(&outcome.parse), choices)]);
        let (_, total) = sample_totals(&remembered);
        assert_eq!(total, money("24410.61"));
    }

    #[test]
    fn remembered_decimal_mark_applies_to_the_next_file() {
        // In a French semicolon file `1.500` reads as one thousand five hundred; the user says
        // the decimal mark is a dot, so it is one and a half, here and in the next file.
        let file = |amount: &str| {
            Input::Text(format!("Facture;Client;Montant;Échéance\nF1;Acme;{amount};31/01/2025\n"))
        };
        let first = read(&file("1.500"), &ImportOptions::default(), &Mappings::new());
        assert_eq!(first.ledger.invoices[0].amount, money("1500"));
        let choices = ImportOptions { decimal_mark: Some('.'), ..ImportOptions::default() };
        let remembered = Mappings::from([(header_signature(&first.parse), choices)]);
        let next = read(&file("2.500"), &ImportOptions::default(), &remembered);
        assert_eq!(next.ledger.invoices[0].amount, money("2.5"));
    }

    #[test]
    fn percent() {
        let figures = |outstanding: i64, overdue: i64| Kpi {
            currency: Currency::EUR,
            outstanding: Decimal::new(outstanding, 0),
            overdue: Decimal::new(overdue, 0),
            bucket_percentages: None,
            weighted_days_past_due: None,
            clients_overdue: 0,
            invoices_overdue: 0,
            dso: None,
        };
        assert_eq!(percent_overdue(&figures(100, 25)), Some(Decimal::new(250, 1)));
        assert_eq!(percent_overdue(&figures(3, 1)), Some(Decimal::new(333, 1)));
        assert_eq!(percent_overdue(&figures(0, 0)), None);
        assert_eq!(percent_overdue(&figures(-10, 5)), None);
    }
}
