//! The reader on a large file: every row read, the counts right. `READER_PERF_ROWS` sets the
//! size (10,000 by default so the suite stays quick). Timings: `benches/pipeline.rs`.

#[path = "common/french_export.rs"]
mod french_export;

use encours_engine::import::{import, ImportOptions};
use french_export::french_export;

#[test]
fn large_french_file() {
    // Build a French export of the requested size.
    let rows: usize =
        std::env::var("READER_PERF_ROWS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let text = french_export(rows);

    // Read it and check the counts.
    let outcome = import(text.as_bytes(), Some("big.csv"), &ImportOptions::default());
    assert_eq!(outcome.errors, vec![]);
    assert_eq!(outcome.summary.rows_read, rows);
    assert_eq!(outcome.ledger.invoices.len(), rows);
    assert_eq!(outcome.ledger.clients.len(), rows.min(5000));
}
