//! Properties of the aged balance on random ledgers: buckets add up to the totals, every item
//! is aged or excluded exactly once, file order does not matter, money stays exact.

use chrono::NaiveDate;
use encours_engine::aging::{age, AgingReport, AgingSettings, Basis, Buckets};
use encours_engine::ledger::{ClientId, Currency, Invoice, ItemKind, Ledger, Terms};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn day(offset: i64) -> NaiveDate {
    // Offsets stay within a few years of 2024, far from the calendar's ends.
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Duration::days(offset)
}

/// A random item: cents amounts (some negative), optional dates, terms, payments, currency.
fn invoice() -> impl Strategy<Value = Invoice> {
    (
        (0u32..5, 0usize..3, -500_000i64..5_000_000, prop::option::of(0i64..5_000_000)),
        (prop::option::of(-200i64..400), prop::option::of(-200i64..500)),
        (prop::option::of(prop_oneof![
            (0u16..120).prop_map(|days| Terms::Net { days }),
            (0u16..90, prop::option::of(1u8..31))
                .prop_map(|(days, day_of_month)| Terms::EndOfMonth { days, day_of_month }),
            Just(Terms::OnReceipt),
        ])),
        (prop::option::of(-200i64..500), any::<bool>(), 0usize..3),
    )
        .prop_map(
            |((client, currency, amount, paid), (issue, due), terms, (paid_on, disputed, kind))| {
                let currency = [None, Some(Currency::EUR), Some(Currency::USD)][currency];
                let kind =
                    [ItemKind::Invoice, ItemKind::CreditNote, ItemKind::UnappliedPayment][kind];
                Invoice {
                    number: String::new(),
                    client: ClientId(client),
                    currency,
                    kind,
                    amount: Decimal::new(amount, 2),
                    paid: paid.map(|p| Decimal::new(p, 2)),
                    issue_date: issue.map(day),
                    due_date: due.map(day),
                    terms,
                    payment_date: paid_on.map(day),
                    disputed,
                    ..Invoice::default()
                }
            },
        )
}

fn ledger() -> impl Strategy<Value = Ledger> {
    prop::collection::vec(invoice(), 0..60).prop_map(|mut invoices| {
        for (i, invoice) in invoices.iter_mut().enumerate() {
            invoice.line = i as u32 + 2;
            invoice.number = format!("F-{i}");
        }
        Ledger { invoices, clients: (0..5).map(|c| format!("client {c}")).collect() }
    })
}

fn settings() -> impl Strategy<Value = AgingSettings> {
    (prop::collection::btree_set(1u32..400, 1..7), any::<bool>()).prop_map(|(edges, issue)| {
        AgingSettings {
            buckets: Buckets::new(edges.into_iter().collect()).unwrap(),
            basis: if issue { Basis::Issue } else { Basis::Due },
            ..AgingSettings::default()
        }
    })
}

fn sum(values: impl IntoIterator<Item = Decimal>) -> Decimal {
    values.into_iter().fold(Decimal::ZERO, |a, b| a + b)
}

/// The figures of a report that do not depend on file order: per invoice number, its aged
/// values or its exclusion; the totals.
type Figures = (
    BTreeMap<String, String>,
    BTreeMap<Currency, (Vec<Decimal>, Decimal)>,
    BTreeMap<(ClientId, Currency), (Vec<Decimal>, Decimal)>,
);

fn figures(ledger: &Ledger, report: &AgingReport) -> Figures {
    let mut items = BTreeMap::new();
    for item in &report.items {
        let number = ledger.invoices[item.index].number.clone();
        let text = format!(
            "{} {} {} {} {}",
            item.outstanding, item.due_date, item.days_past_due, item.bucket, item.currency
        );
        items.insert(number, text);
    }
    for excluded in &report.excluded {
        let number = ledger.invoices[excluded.index].number.clone();
        items.insert(number, format!("{:?}", excluded.reason));
    }
    let by_currency =
        report.by_currency.iter().map(|(k, t)| (*k, (t.buckets.clone(), t.total))).collect();
    let by_client =
        report.by_client.iter().map(|(k, t)| (*k, (t.buckets.clone(), t.total))).collect();
    (items, by_currency, by_client)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn buckets_add_up_to_the_total(ledger in ledger(), settings in settings(), as_of in 0i64..500) {
        let report = age(&ledger, &settings, day(as_of));
        for totals in report.by_currency.values().chain(report.by_client.values()) {
            prop_assert_eq!(totals.buckets.len(), settings.buckets.len());
            prop_assert_eq!(sum(totals.buckets.iter().copied()), totals.total);
        }
        // Per currency, the clients add up to the currency, and the items to both, exactly.
        for (currency, totals) in &report.by_currency {
            let clients = report.by_client.iter().filter(|((_, c), _)| c == currency);
            prop_assert_eq!(sum(clients.map(|(_, t)| t.total)), totals.total);
            let items = report.items.iter().filter(|i| i.currency == *currency);
            prop_assert_eq!(sum(items.map(|i| i.outstanding)), totals.total);
            for bucket in 0..settings.buckets.len() {
                let items =
                    report.items.iter().filter(|i| i.currency == *currency && i.bucket == bucket);
                prop_assert_eq!(sum(items.map(|i| i.outstanding)), totals.buckets[bucket]);
            }
        }
    }

    #[test]
    fn every_item_is_aged_or_excluded_once(
        ledger in ledger(),
        settings in settings(),
        as_of in 0i64..500,
    ) {
        let report = age(&ledger, &settings, day(as_of));
        let mut seen = vec![0; ledger.invoices.len()];
        let excluded = report.excluded.iter().map(|e| e.index);
        for index in report.items.iter().map(|i| i.index).chain(excluded) {
            seen[index] += 1;
        }
        prop_assert!(seen.iter().all(|&n| n == 1), "{:?}", seen);
        for item in &report.items {
            prop_assert!(!item.outstanding.is_zero());
            prop_assert!(item.bucket < settings.buckets.len());
            prop_assert_eq!(item.bucket, settings.buckets.bucket_for(item.days_past_due));
            prop_assert_eq!(item.bucket == 0, item.days_past_due <= 0);
            let invoice = &ledger.invoices[item.index];
            prop_assert_eq!(item.outstanding, invoice.amount - item.paid);
            prop_assert!(invoice.issue_date.is_none_or(|d| d <= day(as_of)));
        }
    }

    #[test]
    fn file_order_does_not_matter(
        ledger in ledger(),
        settings in settings(),
        as_of in 0i64..500,
        seed in any::<u64>(),
    ) {
        let mut shuffled = ledger.clone();
        // A deterministic shuffle from the seed (Fisher-Yates with a small LCG).
        let mut state = seed | 1;
        for i in (1..shuffled.invoices.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = (state >> 33) as usize % (i + 1);
            shuffled.invoices.swap(i, j);
        }
        let a = age(&ledger, &settings, day(as_of));
        let b = age(&shuffled, &settings, day(as_of));
        prop_assert_eq!(figures(&ledger, &a), figures(&shuffled, &b));
    }

    #[test]
    fn money_is_exact(cents in prop::collection::vec(1i64..10_000_000, 1..200)) {
        // Amounts like 0.01 or 1234.57 add up to the cent: no float anywhere.
        let invoices: Vec<Invoice> = cents
            .iter()
            .enumerate()
            .map(|(i, &c)| Invoice {
                line: i as u32 + 2,
                number: format!("F-{i}"),
                amount: Decimal::new(c, 2),
                paid: Some(Decimal::new(c / 3, 2)),
                issue_date: Some(day(0)),
                due_date: Some(day(i as i64)),
                ..Invoice::default()
            })
            .collect();
        let ledger = Ledger { invoices, clients: vec!["A".to_owned()] };
        let report = age(&ledger, &AgingSettings::default(), day(100));
        let expected_cents: i64 = cents.iter().map(|&c| c - c / 3).sum();
        let total = report.by_currency.get(&Currency::EUR).map_or(Decimal::ZERO, |t| t.total);
        prop_assert_eq!(total, Decimal::new(expected_cents, 2));
    }
}
