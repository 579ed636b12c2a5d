//! Who to chase first and how: the ranking of overdue clients and the reminder step of each.
//!
//! CONTRACT STUB: the priority work replaces the body of [`prioritize`].

use crate::aging::AgingReport;
use crate::ledger::{ClientId, Currency, Ledger};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How the list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    #[default]
    Amount,
    Age,
    Client,
    Score,
}

/// A rung of the reminder ladder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Preventive,
    Email,
    Phone,
    SecondReminder,
    RegisteredLetter,
    FormalNotice,
}

/// Everything the user can set about priorities.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrioritySettings {
    pub strategy: Strategy,
}

/// One client to chase, at the level of its oldest overdue item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientAction {
    pub client: ClientId,
    pub currency: Currency,
    pub overdue: Decimal,
    pub max_days_past_due: i64,
    pub step: Step,
    /// Indexes into `AgingReport::items`, oldest first.
    pub items: Vec<usize>,
}

/// Ranks the clients of `report` that have something overdue or nearly due.
pub fn prioritize(
    _ledger: &Ledger,
    _report: &AgingReport,
    _settings: &PrioritySettings,
) -> Vec<ClientAction> {
    Vec::new()
}
