//! Prints how long each stage takes on a generated French export of a million invoices:
//! reading, aging, re-aging after a settings change, and ranking. Figures, not a pass/fail:
//! `cargo bench -p encours-engine --bench pipeline` (`ROWS=100000` for a shorter run).

#[path = "../tests/common/french_export.rs"]
mod french_export;

use chrono::NaiveDate;
use encours_engine::aging::{age, AgingSettings, Basis};
use encours_engine::import::{import, ImportOptions};
use encours_engine::priority::{plan, PrioritySettings};
use french_export::french_export;
use std::time::{Duration, Instant};

fn main() {
    // Generate the export (see tests/common/french_export.rs).
    let rows: usize = std::env::var("ROWS").ok().and_then(|n| n.parse().ok()).unwrap_or(1_000_000);
    let text = french_export(rows);
    println!("input: {rows} rows, {:.1} MB", text.len() as f64 / 1e6);

    // Read it once, as the browser does when a file is given.
    let (outcome, read) =
        best_of(3, || import(text.as_bytes(), Some("big.csv"), &ImportOptions::default()));
    println!(
        "import: {} ms ({:.0} rows/s), {} used, {} rejected",
        read.as_millis(),
        rows as f64 / read.as_secs_f64(),
        outcome.summary.rows_used,
        outcome.summary.rows_rejected
    );

    // Age it, then re-age it with other settings, without reading it again.
    let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).expect("a valid date");
    let settings = AgingSettings::default();
    let (report, aged) = best_of(5, || age(&outcome.ledger, &settings, as_of));
    println!("age: {} ms, {} open items", aged.as_millis(), report.items.len());
    let by_issue = AgingSettings { basis: Basis::Issue, ..AgingSettings::default() };
    let (_, re_aged) = best_of(5, || age(&outcome.ledger, &by_issue, as_of));
    println!("re-age by issue date: {} ms", re_aged.as_millis());

    // Rank who to chase.
    let priority = PrioritySettings::default();
    let (list, ranked) = best_of(3, || plan(&outcome.ledger, &report, &priority));
    println!("plan: {} ms, {} client actions", ranked.as_millis(), list.actions.len());
}

/// Runs `work` `runs` times and returns the last result with the shortest time.
fn best_of<T>(runs: usize, mut work: impl FnMut() -> T) -> (T, Duration) {
    let mut best = Duration::MAX;
    let mut result = None;
    for _ in 0..runs {
        let started = Instant::now();
        let value = work();
        best = best.min(started.elapsed());
        result = Some(value);
    }
    // `runs` is at least one at every call site above.
    (result.expect("at least one run"), best)
}
