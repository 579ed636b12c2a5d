//! The priority list of 100,000 aged items: one entry per client and currency, every
//! item listed once. The timing lives in `benches/pipeline.rs`, which prints figures.

use chrono::NaiveDate;
use encours_engine::aging::{AgedItem, AgingReport};
use encours_engine::ledger::{ClientId, Currency, Invoice, Ledger};
use encours_engine::priority::{self, PrioritySettings, Step};
use rust_decimal::Decimal;

/// At least 199 × 5,000, so that every client gets every day count (see below). The timing of
/// the ranking is in `benches/pipeline.rs`.
const ITEMS: usize = 1_000_000;
const OWNERS: [&str; 2] = ["Léa", "Marc"];

#[test]
fn one_entry_per_client_and_currency() {
    // ITEMS items over 5,000 clients, two currencies, days from −20 to 178 (199 and
    // 5,000 have no common factor, so every client gets every day count).
    let as_of = NaiveDate::from_ymd_opt(2025, 3, 31).expect("a date");
    let mut ledger = Ledger::default();
    for c in 0..5_000 {
        ledger.push_client(format!("Client {c:05}"));
    }
    let items: Vec<AgedItem> = (0..ITEMS)
        .map(|i| {
            let days = (i % 199) as i64 - 20;
            AgedItem {
                index: i,
                client: ClientId((i % 5_000) as u32),
                currency: if i % 7 == 0 { Currency::USD } else { Currency::EUR },
                paid: Decimal::ZERO,
                outstanding: Decimal::new(10_000 + (i % 997) as i64, 2),
                due_date: as_of - chrono::Duration::days(days),
                days_past_due: days,
                bucket: 0,
            }
        })
        .collect();
    let report = AgingReport { as_of: Some(as_of), items, ..AgingReport::default() };
    ledger.invoices = report
        .items
        .iter()
        .map(|item| Invoice {
            line: item.index as u32 + 2,
            number: String::new(),
            client: item.client,
            currency: Some(item.currency),
            amount: item.outstanding,
            due_date: Some(item.due_date),
            owner: (item.index % 3 == 0).then(|| OWNERS[item.index % 2].to_owned()),
            ..Invoice::default()
        })
        .collect();

    // Rank (owners collected; no payment dates, so no behaviour).
    let settings = PrioritySettings::default();
    let list = priority::plan(&ledger, &report, &settings);

    // Every client has old items in both currencies; only items due in over 10 days are off.
    assert_eq!(list.actions.len(), 10_000);
    assert!(list.actions.iter().all(|a| a.step == Step::FormalNotice));
    assert!(list.actions.iter().all(|a| a.owners.iter().all(|o| OWNERS.contains(&o.as_str()))));
    let listed: usize = list.actions.iter().map(|a| a.items.len() + a.upcoming.len()).sum();
    let due_later = report.items.iter().filter(|i| i.days_past_due < -10).count();
    assert_eq!(listed, ITEMS - due_later);
}
