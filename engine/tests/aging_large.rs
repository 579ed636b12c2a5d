//! A large ledger (100,000 invoices) aged in one pass: every item either open or excluded,
//! the same result each time. The timing lives in `benches/pipeline.rs`, which prints figures.

use chrono::NaiveDate;
use encours_engine::aging::{age, AgingSettings};
use encours_engine::ledger::{ClientId, Currency, Invoice, ItemKind, Ledger, Terms};
use rust_decimal::Decimal;

/// `ITEMS` items over 5 000 clients and two currencies, a third paid, some with terms and no
/// due date, some credit notes.
/// Large enough to cross every bucket, client and currency many times; small enough for a
/// debug test. The million-row timing is in `benches/pipeline.rs`.
const ITEMS: u32 = 100_000;

fn big_ledger() -> Ledger {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let invoices = (0..ITEMS)
        .map(|i| {
            let issue = start + chrono::Duration::days(i64::from(i % 540));
            let credit = i % 50 == 0;
            Invoice {
                line: i + 2,
                number: format!("F-{i}"),
                client: ClientId(i % 5_000),
                currency: if i % 10 == 0 { Some(Currency::USD) } else { None },
                kind: if credit { ItemKind::CreditNote } else { ItemKind::Invoice },
                amount: Decimal::new(
                    if credit {
                        -(i64::from(i % 9_999) + 1)
                    } else {
                        10_000 + i64::from(i % 99_999)
                    },
                    2,
                ),
                paid: if i % 3 == 0 { Some(Decimal::new(10_000, 2)) } else { None },
                issue_date: Some(issue),
                due_date: if i % 4 == 0 { None } else { Some(issue + chrono::Duration::days(30)) },
                terms: if i % 8 == 0 {
                    Some(Terms::EndOfMonth { days: 45, day_of_month: None })
                } else {
                    None
                },
                ..Invoice::default()
            }
        })
        .collect();
    Ledger { invoices, clients: (0..5_000).map(|c| format!("client {c}")).collect() }
}

#[test]
fn every_item_is_open_or_excluded() {
    let ledger = big_ledger();
    let settings = AgingSettings::default();
    let as_of = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();

    // Age twice: the ledger is read, never changed, so the result is the same.
    let first = age(&ledger, &settings, as_of);
    assert_eq!(first.items.len() + first.excluded.len(), ITEMS as usize);
    assert_eq!(age(&ledger, &settings, as_of), first);
}
