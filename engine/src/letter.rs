//! Reminder texts: what to send a client at its level on the reminder ladder.
//!
//! CONTRACT STUB: the priority work writes the texts.

use crate::aging::AgingReport;
use crate::lang::Lang;
use crate::ledger::Ledger;
use crate::priority::ClientAction;
use serde::{Deserialize, Serialize};

/// A ready reminder: an e-mail or letter, and a short version for a text message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub subject: String,
    pub body: String,
    pub short: String,
}

/// Writes the reminder for `action` in `lang`.
pub fn reminder(
    _ledger: &Ledger,
    _report: &AgingReport,
    _action: &ClientAction,
    _lang: Lang,
) -> Reminder {
    Reminder::default()
}
