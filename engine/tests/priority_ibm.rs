//! Payment behaviour on IBM's public accounts-receivable sample: the engine's amount-weighted
//! days late per customer must equal the one computed from the file's own `DaysLate` column
//! (DaysLate = max(0, SettledDate − DueDate) on every row).

use chrono::NaiveDate;
use encours_engine::behaviour::{self, BehaviourReport};
use encours_engine::ledger::{ClientId, Currency, Invoice, Ledger};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

const SAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/data/ibm-accounts-receivable.csv");

/// An M/D/YYYY date of the sample.
fn mdy(text: &str) -> NaiveDate {
    // The sample's dates are all valid M/D/YYYY; a failure here is a changed file.
    NaiveDate::parse_from_str(text, "%m/%d/%Y").unwrap_or_else(|_| panic!("date {text:?}"))
}

/// Per customer, the sums taken from the file's `DaysLate` column: (amount, amount × days).
type Expected = BTreeMap<ClientId, (Decimal, Decimal)>;

/// Reads the sample into a ledger (paid `None`, payment date = SettledDate) and the expected
/// sums from its `DaysLate` column.
fn read(text: &str) -> (Ledger, Expected) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("a header line").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (customer, number, issued, due, amount, settled, days_late) = (
        col("customerID"),
        col("invoiceNumber"),
        col("InvoiceDate"),
        col("DueDate"),
        col("InvoiceAmount"),
        col("SettledDate"),
        col("DaysLate"),
    );
    let mut ledger = Ledger::default();
    let mut expected = Expected::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.expect("a well-formed record");
        let client = ledger.intern_client(&record[customer]);
        let value = Decimal::from_str_exact(&record[amount]).expect("an amount");
        let late: i64 = record[days_late].parse().expect("DaysLate");
        ledger.invoices.push(Invoice {
            line: i as u32 + 2,
            number: record[number].to_owned(),
            client,
            amount: value,
            issue_date: Some(mdy(&record[issued])),
            due_date: Some(mdy(&record[due])),
            payment_date: Some(mdy(&record[settled])),
            ..Invoice::default()
        });
        let sums = expected.entry(client).or_default();
        sums.0 += value;
        sums.1 += value * Decimal::from(late);
    }
    (ledger, expected)
}

#[test]
fn behaviour_matches_the_days_late_column() {
    // Read the sample, or say why not.
    let text = match std::fs::read_to_string(SAMPLE) {
        Ok(text) => text,
        Err(e) if std::env::var("CI").as_deref() != Ok("true") => {
            eprintln!("note: skipped, the IBM sample is not at {SAMPLE}: {e}");
            return;
        }
        Err(e) => panic!("the IBM sample is missing at {SAMPLE}: {e}"),
    };
    let (ledger, expected) = read(&text);
    assert_eq!(ledger.invoices.len(), 2466);
    assert_eq!(ledger.clients.len(), 100);

    // Every settlement is before 2014, so all count at this as-of date.
    let as_of = NaiveDate::from_ymd_opt(2014, 12, 31).expect("a date");
    let report: BehaviourReport =
        behaviour::payment_behaviour(&ledger, as_of, Currency::USD, behaviour::stated_due_date);
    assert!(report.skipped.is_empty());
    assert_eq!(report.clients.len(), 100);

    // Compare each customer's sums and average, exactly.
    let mut settled_invoices = 0;
    for (client, (amount, weighted)) in &expected {
        let got = &report.clients[&(*client, Currency::USD)];
        let name = ledger.client_name(*client);
        assert_eq!((got.settled_amount, got.weighted_days_late), (*amount, *weighted), "{name}");
        assert_eq!(got.average_days_late, Some(*weighted / *amount), "{name}");
        settled_invoices += got.settled_invoices;
    }
    assert_eq!(settled_invoices, 2466);
}
