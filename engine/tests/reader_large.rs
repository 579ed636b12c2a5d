//! The reader on a large file: every row read, the counts right. `READER_PERF_ROWS` sets the
//! size (10,000 by default so the suite stays quick). Timings: `benches/pipeline.rs`.

use encours_engine::import::{import, ImportOptions};
use std::fmt::Write;

#[test]
fn large_french_file() {
    // Build a French export of the requested size.
    let rows: usize =
        std::env::var("READER_PERF_ROWS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let mut text = String::with_capacity(rows * 72 + 100);
    text.push_str("N° facture;Client;Montant TTC;Date facture;Échéance;Réglé\r\n");
    for i in 0..rows {
        let _ = write!(
            text,
            "FA-{i:07};Client numéro {};{} {:03},{:02};{:02}/{:02}/2024;{:02}/{:02}/2025;0,00\r\n",
            i % 5000,
            1 + i % 90,
            i % 1000,
            i % 100,
            1 + i % 28,
            1 + i % 12,
            1 + i % 28,
            1 + i % 12,
        );
    }

    // Read it and check the counts.
    let outcome = import(text.as_bytes(), Some("big.csv"), &ImportOptions::default());
    assert_eq!(outcome.errors, vec![]);
    assert_eq!(outcome.summary.rows_read, rows);
    assert_eq!(outcome.ledger.invoices.len(), rows);
    assert_eq!(outcome.ledger.clients.len(), rows.min(5000));
}
