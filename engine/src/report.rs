//! The aged balance as a document: the JSON shape of the CLI and of the shared cases, and the
//! semicolon CSV of the open items for French Excel.
//!
//! Amounts are written as text with at least two decimals and never rounded (`1234.50`,
//! `0.125`); maps are ordered (currencies, clients) or in bucket order, so the same input
//! always gives the same bytes.

use crate::aging::{AgedItem, AgingReport};
use crate::import::{Field, ImportOutcome, ParseReport};
use crate::lang::Lang;
use crate::ledger::{ClientId, Currency, ItemKind, Ledger};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// The whole report, ready for `serde_json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub as_of: Option<NaiveDate>,
    /// What the reader detected or was told; absent when the ledger did not come from a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parse: Option<ParseSettings>,
    pub invoices: Vec<OpenItem>,
    pub excluded: Vec<Excluded>,
    /// Per currency, the amount of each bucket and the `total`.
    pub totals_by_bucket: BTreeMap<Currency, BucketAmounts>,
    /// Per client name, per currency, the amount of each bucket and the `total`.
    pub totals_by_client: BTreeMap<String, BTreeMap<Currency, BucketAmounts>>,
    pub grand_total: BTreeMap<Currency, Money>,
    pub priority: Vec<PriorityRow>,
    /// Import warnings, then aging warnings, in English.
    pub warnings: Vec<String>,
    /// Rows the reader could not use, in English.
    pub errors: Vec<String>,
}

/// The reader's settings, as shown to the user.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParseSettings {
    pub encoding: String,
    pub bom: bool,
    pub delimiter: Option<char>,
    pub decimal: Option<char>,
    pub thousands: Option<char>,
    /// Day first (`31/01/2025`) or month first (`1/31/2025`); `None` when no date needed it.
    pub day_first: Option<bool>,
    pub date_order_ambiguous: bool,
    pub header_line: u32,
    /// The header of the column read for each field: `{"invoice": "N° facture", ...}`.
    pub cols: BTreeMap<String, String>,
}

/// An amount written as text: `1234.50`, `-300.00`, `0.125`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Money(pub Decimal);

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&money_text(self.0))
    }
}

/// Bucket amounts keyed by bucket key, in bucket order, then `total`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BucketAmounts(pub Vec<(String, Money)>);

impl Serialize for BucketAmounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (key, amount) in &self.0 {
            map.serialize_entry(key, amount)?;
        }
        map.end()
    }
}

/// One open item of the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OpenItem {
    pub invoice: String,
    pub client: String,
    pub currency: Currency,
    pub amount: Money,
    pub paid: Money,
    pub outstanding: Money,
    pub issue_date: Option<NaiveDate>,
    pub due_date: NaiveDate,
    pub days_overdue: i64,
    pub bucket: String,
    /// `credit_note` or `unapplied_payment`; absent for an invoice.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<ItemKind>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub disputed: bool,
}

/// An item left out of the aged balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Excluded {
    pub invoice: String,
    pub reason: String,
}

/// A client to chase in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriorityRow {
    pub client: String,
    pub currency: Currency,
    pub overdue: Money,
    pub max_days_overdue: i64,
}

/// Writes an amount with at least two decimals, never rounding: `1234.5` gives `1234.50`,
/// `0.125` stays `0.125`, `12.300` gives `12.30`.
pub fn money_text(amount: Decimal) -> String {
    let mut amount = amount.normalize();
    if amount.scale() < 2 {
        amount.rescale(2);
    }
    if amount.is_zero() {
        amount.set_sign_positive(true);
    }
    amount.to_string()
}

/// Builds the report of `aging`, made from `ledger`; `import` adds the reader's settings,
/// warnings and row errors when the ledger came from a file.
pub fn build(ledger: &Ledger, aging: &AgingReport, import: Option<&ImportOutcome>) -> Report {
    let keys = &aging.bucket_keys;
    let key_of = |bucket: usize| keys.get(bucket).cloned().unwrap_or_default();
    let number = |index: usize| ledger.invoices.get(index).map_or("", |i| i.number.as_str());

    // The open items and the excluded ones, in file order.
    let invoices = aging.items.iter().filter_map(|item| open_item(ledger, item, &key_of)).collect();
    let excluded = aging
        .excluded
        .iter()
        .map(|e| Excluded {
            invoice: number(e.index).to_owned(),
            reason: e.reason.message(Lang::En),
        })
        .collect();

    // Totals per currency and per client, each with its buckets in order and a total.
    let amounts = |t: &crate::aging::BucketTotals| {
        let mut row: Vec<(String, Money)> =
            keys.iter().cloned().zip(t.buckets.iter().map(|&d| Money(d))).collect();
        row.push(("total".to_owned(), Money(t.total)));
        BucketAmounts(row)
    };
    let totals_by_bucket = aging.by_currency.iter().map(|(c, t)| (*c, amounts(t))).collect();
    let grand_total = aging.by_currency.iter().map(|(c, t)| (*c, Money(t.total))).collect();
    let mut totals_by_client: BTreeMap<String, BTreeMap<Currency, BucketAmounts>> = BTreeMap::new();
    for ((client, currency), t) in &aging.by_client {
        let name = ledger.client_name(*client).to_owned();
        totals_by_client.entry(name).or_default().insert(*currency, amounts(t));
    }

    // Warnings and errors in English, the reader's first.
    let mut warnings: Vec<String> = Vec::new();
    let mut errors = Vec::new();
    if let Some(import) = import {
        warnings.extend(import.warnings.iter().map(|w| w.message(Lang::En)));
        errors.extend(import.errors.iter().map(|e| e.message(Lang::En)));
    }
    warnings.extend(aging.warnings.iter().map(|w| w.message(Lang::En)));
    Report {
        as_of: aging.as_of,
        parse: import.map(|i| parse_settings(&i.parse)),
        invoices,
        excluded,
        totals_by_bucket,
        totals_by_client,
        grand_total,
        priority: priority(ledger, aging),
        warnings,
        errors,
    }
}

fn open_item(
    ledger: &Ledger,
    item: &AgedItem,
    key_of: &impl Fn(usize) -> String,
) -> Option<OpenItem> {
    let invoice = ledger.invoices.get(item.index)?;
    Some(OpenItem {
        invoice: invoice.number.clone(),
        client: ledger.client_name(item.client).to_owned(),
        currency: item.currency,
        amount: Money(invoice.amount),
        paid: Money(item.paid),
        outstanding: Money(item.outstanding),
        issue_date: invoice.issue_date,
        due_date: item.due_date,
        days_overdue: item.days_past_due,
        bucket: key_of(item.bucket),
        kind: (invoice.kind != ItemKind::Invoice).then_some(invoice.kind),
        disputed: invoice.disputed,
    })
}

/// The clients to chase, by amount: per (client, currency), the overdue amount is the sum of
/// the overdue buckets, credits included (`1500.00` overdue with a `-300.00` credit 20 days
/// old gives `1200.00`); only amounts above 0 are listed, largest first, ties broken by the
/// oldest days past due of an overdue item with a positive outstanding amount, then by name.
pub fn priority(ledger: &Ledger, aging: &AgingReport) -> Vec<PriorityRow> {
    // The oldest overdue debit of each pair.
    let mut oldest: BTreeMap<(ClientId, Currency), i64> = BTreeMap::new();
    for item in aging.items.iter().filter(|i| i.bucket > 0 && i.outstanding.is_sign_positive()) {
        let days = oldest.entry((item.client, item.currency)).or_insert(0);
        *days = (*days).max(item.days_past_due);
    }

    // The overdue sum of each pair from its buckets, kept when above 0.
    let mut rows: Vec<(Decimal, i64, String, Currency)> = Vec::new();
    for ((client, currency), totals) in &aging.by_client {
        let overdue =
            totals.buckets.iter().skip(1).try_fold(Decimal::ZERO, |s, &d| s.checked_add(d));
        let Some(overdue) = overdue.filter(|d| *d > Decimal::ZERO) else {
            continue;
        };
        let days = oldest.get(&(*client, *currency)).copied().unwrap_or(0);
        rows.push((overdue, days, ledger.client_name(*client).to_owned(), *currency));
    }
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3)));
    rows.into_iter()
        .map(|(overdue, days, client, currency)| PriorityRow {
            client,
            currency,
            overdue: Money(overdue),
            max_days_overdue: days,
        })
        .collect()
}

fn parse_settings(parse: &ParseReport) -> ParseSettings {
    let cols = parse
        .columns
        .iter()
        .filter_map(|c| Some((field_key(c.field?), c.header.clone())))
        .collect();
    ParseSettings {
        encoding: parse.encoding.clone(),
        bom: parse.bom,
        delimiter: parse.delimiter,
        decimal: parse.decimal_mark,
        thousands: parse.grouping,
        day_first: parse.day_first,
        date_order_ambiguous: parse.date_order_ambiguous,
        header_line: parse.header_line,
        cols,
    }
}

/// The key of a field in `cols`, as in the shared cases: `issue`, `due`, `payment_date`.
fn field_key(field: Field) -> String {
    match field {
        Field::IssueDate => "issue".to_owned(),
        Field::DueDate => "due".to_owned(),
        other => {
            let mut key = String::new();
            for (i, c) in format!("{other:?}").chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    key.push('_');
                }
                key.push(c.to_ascii_lowercase());
            }
            key
        }
    }
}

/// The open items as a semicolon CSV with a header line, for Excel: in French with decimal
/// commas and `31/01/2025` dates, in English with decimal points and ISO dates. Start the
/// file with a byte-order mark (`\u{FEFF}`) when saving it for Excel, so that it reads UTF-8.
pub fn open_items_csv(ledger: &Ledger, aging: &AgingReport, lang: Lang) -> String {
    let header: [&str; 12] = match lang {
        Lang::Fr => [
            "Facture",
            "Client",
            "Devise",
            "Type",
            "Date facture",
            "Échéance",
            "Montant",
            "Réglé",
            "Reste dû",
            "Jours de retard",
            "Tranche",
            "Litige",
        ],
        Lang::En => [
            "Invoice",
            "Client",
            "Currency",
            "Type",
            "Issue date",
            "Due date",
            "Amount",
            "Paid",
            "Outstanding",
            "Days past due",
            "Bucket",
            "Disputed",
        ],
    };
    let money = |d: Decimal| match lang {
        Lang::Fr => money_text(d).replace('.', ","),
        Lang::En => money_text(d),
    };
    let day = |d: NaiveDate| match lang {
        Lang::Fr => d.format("%d/%m/%Y").to_string(),
        Lang::En => d.to_string(),
    };
    let mut out = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    // Writing to memory has no I/O that could fail, and every field is valid UTF-8.
    out.write_record(header).expect("writing a CSV line to memory");
    for item in &aging.items {
        let Some(invoice) = ledger.invoices.get(item.index) else {
            continue;
        };
        let kind = match (invoice.kind, lang) {
            (ItemKind::Invoice, Lang::Fr) => "facture",
            (ItemKind::Invoice, Lang::En) => "invoice",
            (ItemKind::CreditNote, Lang::Fr) => "avoir",
            (ItemKind::CreditNote, Lang::En) => "credit note",
            (ItemKind::UnappliedPayment, Lang::Fr) => "règlement non lettré",
            (ItemKind::UnappliedPayment, Lang::En) => "unapplied payment",
        };
        let disputed = match (invoice.disputed, lang) {
            (false, _) => "",
            (true, Lang::Fr) => "oui",
            (true, Lang::En) => "yes",
        };
        let record = [
            spreadsheet_text(&invoice.number),
            spreadsheet_text(ledger.client_name(item.client)),
            item.currency.to_string(),
            kind.to_owned(),
            invoice.issue_date.map(day).unwrap_or_default(),
            day(item.due_date),
            money(invoice.amount),
            money(item.paid),
            money(item.outstanding),
            item.days_past_due.to_string(),
            aging.buckets.label(item.bucket, lang),
            disputed.to_owned(),
        ];
        out.write_record(&record).expect("writing a CSV line to memory");
    }
    let bytes = out.into_inner().expect("flushing a CSV writer to memory");
    String::from_utf8(bytes).expect("the CSV is made of UTF-8 strings")
}

/// Makes a text cell from the user's file inert in a spreadsheet: a value starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would be run as a formula by Excel or LibreOffice
/// (CSV injection), so it gets a leading `'`, which they show as text: `=HYPERLINK(...)` is
/// written `'=HYPERLINK(...)`, `Acme` stays `Acme`.
pub fn spreadsheet_text(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cells_cannot_become_formulas() {
        let check = |raw: &str, expected: &str| assert_eq!(spreadsheet_text(raw), expected);
        check("=1+2", "'=1+2");
        check("+33 1 23", "'+33 1 23");
        check("-F12", "'-F12");
        check("@SUM(A1)", "'@SUM(A1)");
        check("\tx", "'\tx");
        check("F-12", "F-12");
        check("Acme = Co", "Acme = Co");
        check("", "");
    }
    use crate::aging::{age, AgingSettings};
    use crate::ledger::Invoice;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn money(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    fn invoice(number: &str, client: u32, amount: &str, issue: &str, due: &str) -> Invoice {
        Invoice {
            line: 2,
            number: number.to_owned(),
            client: ClientId(client),
            amount: money(amount),
            issue_date: Some(date(issue)),
            due_date: Some(date(due)),
            ..Invoice::default()
        }
    }

    #[test]
    fn amounts_as_text() {
        #[track_caller]
        fn check(amount: &str, expected: &str) {
            assert_eq!(money_text(money(amount)), expected);
        }
        check("1234.5", "1234.50");
        check("1234", "1234.00");
        check("0.125", "0.125");
        check("12.300", "12.30");
        check("-300", "-300.00");
        check("-0.00", "0.00");
        check("0", "0.00");
        check("0.01", "0.01");
    }

    /// Librairie Océane, as of 2024-06-30: 1500 due 2024-05-01 (60 days, 31-60), a credit of
    /// 300 on 2024-06-10 (20 days, 1-30) and 400 not due; Garage 100 paid in full.
    fn sample() -> (Ledger, AgingReport) {
        let mut credit = invoice("AV-2101", 0, "-300.00", "2024-06-10", "2024-06-10");
        credit.kind = ItemKind::CreditNote;
        let mut paid = invoice("G-1", 1, "100.00", "2024-06-01", "2024-06-30");
        paid.paid = Some(money("100"));
        let ledger = Ledger {
            invoices: vec![
                invoice("F-2101", 0, "1500.00", "2024-04-01", "2024-05-01"),
                credit,
                invoice("F-2102", 0, "400.00", "2024-06-15", "2024-07-15"),
                paid,
                invoice("G-2", 1, "10.5", "2024-05-01", "2024-05-31"),
            ],
            clients: vec!["Librairie Océane".to_owned(), "Garage".to_owned()],
        };
        let aging = age(&ledger, &AgingSettings::default(), date("2024-06-30"));
        (ledger, aging)
    }

    #[test]
    fn json_shape() {
        let (ledger, aging) = sample();
        let report = build(&ledger, &aging, None);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["as_of"], "2024-06-30");
        assert_eq!(
            json["invoices"][1],
            serde_json::json!({
                "invoice": "AV-2101", "client": "Librairie Océane", "currency": "EUR",
                "amount": "-300.00", "paid": "0.00", "outstanding": "-300.00",
                "issue_date": "2024-06-10", "due_date": "2024-06-10", "days_overdue": 20,
                "bucket": "1-30", "type": "credit_note"
            })
        );
        assert_eq!(
            json["excluded"],
            serde_json::json!([{"invoice": "G-1", "reason": "fully paid (outstanding 0.00)"}])
        );
        assert_eq!(
            serde_json::to_string(&json_total(&report)).unwrap(),
            concat!(
                r#"{"not_due":"400.00","1-30":"-289.50","31-60":"1500.00","61-90":"0.00","#,
                r#""90+":"0.00","total":"1610.50"}"#
            )
        );
        assert_eq!(json["grand_total"], serde_json::json!({"EUR": "1610.50"}));
        assert_eq!(json["totals_by_client"]["Garage"]["EUR"]["1-30"], "10.50");
        assert_eq!(json["totals_by_client"]["Librairie Océane"]["EUR"]["total"], "1600.00");
        assert!(json.get("parse").is_none());
    }

    fn json_total(report: &Report) -> BucketAmounts {
        report.totals_by_bucket[&Currency::EUR].clone()
    }

    #[test]
    fn priority_by_overdue_amount_with_credits() {
        let (ledger, aging) = sample();
        let rows = priority(&ledger, &aging);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.client.as_str(), money_text(r.overdue.0), r.max_days_overdue))
            .collect();
        assert_eq!(
            got,
            [("Librairie Océane", "1200.00".into(), 60), ("Garage", "10.50".into(), 30)]
        );
    }

    #[test]
    fn priority_ties_go_to_the_oldest() {
        let ledger = Ledger {
            invoices: vec![
                invoice("A-1", 0, "100.00", "2024-01-01", "2024-06-20"),
                invoice("B-1", 1, "100.00", "2024-01-01", "2024-05-20"),
                invoice("C-1", 2, "50.00", "2024-01-01", "2024-07-20"),
                invoice("C-2", 2, "-60.00", "2024-01-01", "2024-06-01"),
            ],
            clients: vec!["A".into(), "B".into(), "C".into()],
        };
        let aging = age(&ledger, &AgingSettings::default(), date("2024-06-30"));
        let got: Vec<_> = priority(&ledger, &aging).into_iter().map(|r| r.client).collect();
        assert_eq!(got, ["B", "A"], "C owes nothing overdue: its credit is larger");
    }

    #[test]
    fn csv_for_french_excel() {
        let (ledger, aging) = sample();
        let csv = open_items_csv(&ledger, &aging, Lang::Fr);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(
            lines[0],
            "Facture;Client;Devise;Type;Date facture;Échéance;Montant;Réglé;Reste dû;\
             Jours de retard;Tranche;Litige"
        );
        assert_eq!(
            lines[2],
            "AV-2101;Librairie Océane;EUR;avoir;10/06/2024;10/06/2024;-300,00;0,00;-300,00;20;\
             1–30 j;"
        );
        let en = open_items_csv(&ledger, &aging, Lang::En);
        assert_eq!(
            en.lines().nth(4).unwrap(),
            "G-2;Garage;EUR;invoice;2024-05-01;2024-05-31;10.50;0.00;10.50;30;1–30 days;"
        );
    }

    #[test]
    fn field_keys() {
        assert_eq!(field_key(Field::IssueDate), "issue");
        assert_eq!(field_key(Field::DueDate), "due");
        assert_eq!(field_key(Field::PaymentDate), "payment_date");
        assert_eq!(field_key(Field::Invoice), "invoice");
    }
}
