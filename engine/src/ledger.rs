//! The imported invoice list: what the reader hands to aging and priorities.
//!
//! A [`Ledger`] is built once per file and never changes when the user moves the as-of date or
//! edits the report settings: aging reads it again, it is not parsed again. Client names are
//! interned so that a million rows share a few thousand strings, and per-row fields are small
//! and `Copy` where they can be.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Index of a client in [`Ledger::clients`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClientId(pub u32);

/// An ISO 4217 currency code such as `EUR`, stored inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const EUR: Currency = Currency(*b"EUR");
    pub const USD: Currency = Currency(*b"USD");
    pub const GBP: Currency = Currency(*b"GBP");
    pub const CHF: Currency = Currency(*b"CHF");

    /// Reads a three-letter code, any case: `eur` gives `EUR`; anything else gives `None`.
    pub fn from_code(code: &str) -> Option<Currency> {
        let bytes = code.trim().as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return None;
        }
        Some(Currency([
            bytes[0].to_ascii_uppercase(),
            bytes[1].to_ascii_uppercase(),
            bytes[2].to_ascii_uppercase(),
        ]))
    }

    pub fn code(&self) -> &str {
        // The three bytes are ASCII letters by construction, so this cannot fail.
        std::str::from_utf8(&self.0).expect("currency codes are ASCII")
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Currency::from_code(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a currency code: {text}")))
    }
}

/// What an item is, as far as the file tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Invoice,
    /// A negative item with its own number: it lowers the client's balance.
    CreditNote,
    /// Money received and not matched to an invoice (FEC), a credit of the client.
    UnappliedPayment,
}

/// Payment terms as written in the file, read but not yet turned into a date: the
/// end-of-month method is a report setting, applied by aging.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Terms {
    /// `30`, `30 jours`, `net 30`: issue date + days.
    Net { days: u16 },
    /// `45 jours fin de mois`, optionally `le 10`: see `terms::due_date` for both methods.
    EndOfMonth { days: u16, day_of_month: Option<u8> },
    /// `à réception`, `comptant`, `due on receipt`: due on the issue date.
    OnReceipt,
}

/// One receivable item: an invoice, an instalment, a credit note or an unapplied payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    /// The file line where the record starts, counted from 1 (header included).
    pub line: u32,
    /// The invoice number as text (`0000611365` keeps its zeros); `line 12` when the file has
    /// no invoice column.
    pub number: String,
    pub client: ClientId,
    /// `None` when the file names no currency: the report's default currency applies.
    pub currency: Option<Currency>,
    pub kind: ItemKind,
    /// Amount including tax; negative for credit notes and unapplied payments.
    pub amount: Decimal,
    /// Amount received. `None` when the file has no paid column: with a payment date the
    /// item counts as paid in full on that date, without one as unpaid.
    pub paid: Option<Decimal>,
    pub issue_date: Option<NaiveDate>,
    pub due_date: Option<NaiveDate>,
    pub terms: Option<Terms>,
    /// The terms text as written, kept for display and for the legal-cap warnings.
    pub terms_text: Option<String>,
    /// When `paid` was received; a payment after the as-of date had not happened yet then.
    pub payment_date: Option<NaiveDate>,
    pub disputed: bool,
    /// Account owner or salesperson, where the file has such a column.
    pub owner: Option<String>,
    pub email: Option<String>,
}

/// An empty unpaid invoice of the first client, line 0, amount 0 and no dates: the base that
/// builders and test fixtures complete with struct update syntax
/// (`Invoice { amount, due_date, ..Invoice::default() }`).
impl Default for Invoice {
    fn default() -> Self {
        Invoice {
            line: 0,
            number: String::new(),
            client: ClientId(0),
            currency: None,
            kind: ItemKind::Invoice,
            amount: Decimal::ZERO,
            paid: None,
            issue_date: None,
            due_date: None,
            terms: None,
            terms_text: None,
            payment_date: None,
            disputed: false,
            owner: None,
            email: None,
        }
    }
}

/// The imported items and the names they refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ledger {
    pub invoices: Vec<Invoice>,
    /// Client names, trimmed with inner runs of spaces folded, indexed by [`ClientId`].
    pub clients: Vec<String>,
}

impl Ledger {
    pub fn client_name(&self, id: ClientId) -> &str {
        self.clients.get(id.0 as usize).map(String::as_str).unwrap_or("")
    }

    /// Returns the id of `name`, adding it when new. `name` must already be normalised.
    pub fn intern_client(&mut self, name: &str) -> ClientId {
        // A linear scan is fine for the few hundred clients of a small business; the reader
        // keeps its own hash index for large files and calls `push_client` instead.
        if let Some(i) = self.clients.iter().position(|c| c == name) {
            return ClientId(i as u32);
        }
        self.push_client(name.to_owned())
    }

    /// Adds a client the caller knows to be new.
    pub fn push_client(&mut self, name: String) -> ClientId {
        self.clients.push(name);
        ClientId((self.clients.len() - 1) as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes() {
        assert_eq!(Currency::from_code(" eur"), Some(Currency::EUR));
        assert_eq!(Currency::from_code("EURO"), None);
        assert_eq!(Currency::from_code("€"), None);
        assert_eq!(Currency::from_code("E1R"), None);
        assert_eq!(Currency::USD.to_string(), "USD");
    }

    #[test]
    fn interning_reuses_ids() {
        let mut ledger = Ledger::default();
        let a = ledger.intern_client("Acme");
        let b = ledger.intern_client("Bolt");
        assert_eq!(ledger.intern_client("Acme"), a);
        assert_ne!(a, b);
        assert_eq!(ledger.client_name(b), "Bolt");
    }
}
