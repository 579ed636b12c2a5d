//! The aged balance: each open item's outstanding amount, days past due and bucket at an
//! as-of date, with totals per bucket, per client and per currency.
//!
//! [`age`] reads the ledger once, in file order, and never changes it: moving the as-of date
//! or the buckets only runs it again. Every item of the ledger ends up either in
//! [`AgingReport::items`] or in [`AgingReport::excluded`] with its reason, so
//! items + excluded = ledger, and the buckets of a currency always add up to its total.

use crate::lang::Lang;
use crate::ledger::{ClientId, Currency, Invoice, ItemKind, Ledger, Terms};
use crate::terms;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Which date the days are counted from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    #[default]
    Due,
    Issue,
}

/// The two legal readings of "N jours fin de mois".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndOfMonthMethod {
    /// Issue date + N days, then the end of that month.
    #[default]
    AddDaysThenEndOfMonth,
    /// End of the issue month, then + N days.
    EndOfMonthThenAddDays,
}

/// Whether disputed items count in the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputedPolicy {
    #[default]
    Include,
    Exclude,
}

/// What to do with a due date earlier than the issue date (a typing error in most files).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueBeforeIssue {
    /// Age the item from its issue date, and say so in a warning.
    #[default]
    UseIssueDate,
    /// Keep the due date as written, and say so in a warning.
    TrustDueDate,
}

/// The upper edges, in days past due, of the overdue buckets: `[30, 60, 90]` gives not yet
/// due, 1-30, 31-60, 61-90 and over 90.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Buckets {
    pub edges: Vec<u32>,
}

impl Default for Buckets {
    fn default() -> Self {
        Buckets { edges: vec![30, 60, 90] }
    }
}

/// The bucket sets offered ready-made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BucketPreset {
    /// 30/60/90: not yet due, 1-30, 31-60, 61-90, over 90.
    #[default]
    Standard,
    /// 30/60/90/120.
    Long,
    /// 15/30/45/60/90.
    Fine,
    /// Six months of 30 days: 30/60/90/120/150/180.
    Monthly,
}

/// The most edges a user may set; more buckets than this do not fit a page.
pub const MAX_BUCKET_EDGES: usize = 24;

/// Bucket edges that cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BucketsError {
    #[error("expected at least one bucket edge, such as 30,60,90")]
    Empty,
    #[error("expected at most {MAX_BUCKET_EDGES} bucket edges, found {0}")]
    TooMany(usize),
    #[error("expected a whole number of days above 0 as bucket edge, found \"{0}\"")]
    NotPositive(String),
    #[error("expected bucket edges in increasing order, found {previous} before {edge}")]
    NotIncreasing { previous: u32, edge: u32 },
}

impl BucketsError {
    /// The message shown to the user, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (BucketsError::Empty, Lang::Fr) => {
                "au moins une borne de tranche attendue, par exemple 30,60,90".to_owned()
            }
            (BucketsError::TooMany(n), Lang::Fr) => {
                format!("au plus {MAX_BUCKET_EDGES} bornes de tranche attendues, trouvé {n}")
            }
            (BucketsError::NotPositive(raw), Lang::Fr) => {
                format!(
                    "borne de tranche attendue en jours entiers au-dessus de 0, trouvé « {raw} »"
                )
            }
            (BucketsError::NotIncreasing { previous, edge }, Lang::Fr) => {
                format!(
                    "bornes de tranche attendues en ordre croissant, trouvé {previous} avant \
                     {edge}"
                )
            }
        }
    }
}

impl Buckets {
    /// Buckets with the given edges, checked: at least one, all above 0, strictly increasing.
    /// `[30, 60, 90]` is fine; `[60, 30]` and `[0, 30]` are errors.
    pub fn new(edges: Vec<u32>) -> Result<Buckets, BucketsError> {
        let buckets = Buckets { edges };
        buckets.validate()?;
        Ok(buckets)
    }

    /// Reads edges as a user types them: `30,60,90`, `30;60;90` or `30 60 90`.
    pub fn parse(text: &str) -> Result<Buckets, BucketsError> {
        let mut edges = Vec::new();
        for raw in text.split([',', ';', ' ', '/']).map(str::trim).filter(|s| !s.is_empty()) {
            match raw.parse::<u32>() {
                Ok(edge) => edges.push(edge),
                Err(_) => return Err(BucketsError::NotPositive(raw.to_owned())),
            }
        }
        Buckets::new(edges)
    }

    /// A ready-made set.
    pub fn preset(preset: BucketPreset) -> Buckets {
        let edges = match preset {
            BucketPreset::Standard => vec![30, 60, 90],
            BucketPreset::Long => vec![30, 60, 90, 120],
            BucketPreset::Fine => vec![15, 30, 45, 60, 90],
            BucketPreset::Monthly => vec![30, 60, 90, 120, 150, 180],
        };
        Buckets { edges }
    }

    /// Checks the edges; `age` falls back to the defaults, with a warning, when this fails.
    pub fn validate(&self) -> Result<(), BucketsError> {
        if self.edges.is_empty() {
            return Err(BucketsError::Empty);
        }
        if self.edges.len() > MAX_BUCKET_EDGES {
            return Err(BucketsError::TooMany(self.edges.len()));
        }
        if self.edges[0] == 0 {
            return Err(BucketsError::NotPositive("0".to_owned()));
        }
        for pair in self.edges.windows(2) {
            if pair[1] <= pair[0] {
                return Err(BucketsError::NotIncreasing { previous: pair[0], edge: pair[1] });
            }
        }
        Ok(())
    }

    /// The number of buckets: one more than the edges for "not yet due", one for the oldest.
    pub fn len(&self) -> usize {
        self.edges.len() + 2
    }

    /// Never true: there is always at least the "not yet due" bucket.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The bucket of an item `days` past due: 0 (not yet due) for 0 days or fewer, then the
    /// first bucket whose upper edge is at least `days`. With 30/60/90: 0 → 0, 1 → 1, 30 → 1,
    /// 31 → 2, 60 → 2, 61 → 3, 90 → 3, 91 → 4.
    pub fn bucket_for(&self, days: i64) -> usize {
        if days <= 0 {
            return 0;
        }
        match self.edges.iter().position(|&edge| days <= i64::from(edge)) {
            Some(i) => i + 1,
            None => self.edges.len() + 1,
        }
    }

    /// The machine key of bucket `index`: `not_due`, `1-30`, `31-60`, `61-90`, `90+`.
    pub fn key(&self, index: usize) -> String {
        match self.range(index) {
            None => "not_due".to_owned(),
            Some((low, Some(high))) if low == high => format!("{low}"),
            Some((low, Some(high))) => format!("{low}-{high}"),
            Some((low, None)) => format!("{}+", low - 1),
        }
    }

    /// Every machine key, in bucket order.
    pub fn keys(&self) -> Vec<String> {
        (0..self.len()).map(|i| self.key(i)).collect()
    }

    /// The label of bucket `index` for people: `Non échu`, `1–30 j`, `> 90 j` in French,
    /// `Not yet due`, `1–30 days`, `Over 90 days` in English.
    pub fn label(&self, index: usize, lang: Lang) -> String {
        match (self.range(index), lang) {
            (None, Lang::Fr) => "Non échu".to_owned(),
            (None, Lang::En) => "Not yet due".to_owned(),
            (Some((low, Some(high))), Lang::Fr) if low == high => format!("{low} j"),
            (Some((low, Some(high))), Lang::En) if low == high => match low {
                1 => "1 day".to_owned(),
                _ => format!("{low} days"),
            },
            (Some((low, Some(high))), Lang::Fr) => format!("{low}–{high} j"),
            (Some((low, Some(high))), Lang::En) => format!("{low}–{high} days"),
            (Some((low, None)), Lang::Fr) => format!("> {} j", low - 1),
            (Some((low, None)), Lang::En) => format!("Over {} days", low - 1),
        }
    }

    /// The days past due bucket `index` holds: `None` for not yet due, else the first day and
    /// the last (none for the oldest bucket).
    fn range(&self, index: usize) -> Option<(u64, Option<u64>)> {
        if index == 0 {
            return None;
        }
        let low = match index {
            1 => 1,
            _ => self.edges.get(index - 2).map_or(1, |&e| u64::from(e) + 1),
        };
        Some((low, self.edges.get(index - 1).map(|&e| u64::from(e))))
    }
}

/// Everything the user can set about the aged balance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgingSettings {
    pub buckets: Buckets,
    pub basis: Basis,
    /// Terms for items with neither a due date nor terms of their own; the legal default is
    /// 30 days, a longer one is flagged.
    pub default_terms_days: u16,
    pub end_of_month: EndOfMonthMethod,
    /// The currency of items whose file names none.
    pub default_currency: Currency,
    pub disputed: DisputedPolicy,
    pub due_before_issue: DueBeforeIssue,
}

impl Default for AgingSettings {
    fn default() -> Self {
        AgingSettings {
            buckets: Buckets::default(),
            basis: Basis::Due,
            default_terms_days: terms::LEGAL_DEFAULT_DAYS,
            end_of_month: EndOfMonthMethod::default(),
            default_currency: Currency::EUR,
            disputed: DisputedPolicy::Include,
            due_before_issue: DueBeforeIssue::UseIssueDate,
        }
    }
}

/// An open item at the as-of date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgedItem {
    /// Index into `Ledger::invoices`.
    pub index: usize,
    pub client: ClientId,
    pub currency: Currency,
    /// What had been received at the as-of date (a payment dated later counts as 0).
    pub paid: Decimal,
    /// Amount − paid; negative for credit notes, unapplied payments and overpayments.
    pub outstanding: Decimal,
    /// The due date used: as written, or worked out from the terms, or the issue date.
    pub due_date: NaiveDate,
    /// As-of date minus due date (or issue date, by the basis); 0 or less is not yet due.
    pub days_past_due: i64,
    /// Index into the bucket labels: 0 is "not yet due".
    pub bucket: usize,
}

/// Why an item of the ledger is not in the aged balance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExclusionReason {
    /// Amount − paid is 0 and the file gives no payment date.
    FullyPaid,
    /// Paid in full on a date on or before the as-of date (a settled date, a payment date).
    PaidOn { date: NaiveDate },
    /// Issued after the as-of date: it did not exist yet.
    NotYetIssued { issue_date: NaiveDate },
    /// Disputed, and the settings leave disputed items out.
    Disputed,
    /// No due date, no issue date: nothing to age from.
    NoDate,
    /// The due date worked out from the terms falls outside the calendar.
    DueDateOutOfRange,
    /// Adding the amount would go beyond what a decimal can hold.
    TooLarge,
}

impl ExclusionReason {
    /// The reason as shown to the user.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ExclusionReason::FullyPaid, Lang::En) => "fully paid (outstanding 0.00)".to_owned(),
            (ExclusionReason::FullyPaid, Lang::Fr) => "soldée (reste dû 0,00)".to_owned(),
            (ExclusionReason::PaidOn { date }, Lang::En) => {
                format!("paid on {date}, on or before the as-of date")
            }
            (ExclusionReason::PaidOn { date }, Lang::Fr) => {
                let date = date.format("%d/%m/%Y");
                format!("réglée le {date}, à la date d'arrêté ou avant")
            }
            (ExclusionReason::NotYetIssued { issue_date }, Lang::En) => {
                format!("not yet issued at the as-of date (issued {issue_date})")
            }
            (ExclusionReason::NotYetIssued { issue_date }, Lang::Fr) => format!(
                "pas encore émise à la date d'arrêté (émise le {})",
                issue_date.format("%d/%m/%Y")
            ),
            (ExclusionReason::Disputed, Lang::En) => {
                "disputed, left out by the report settings".to_owned()
            }
            (ExclusionReason::Disputed, Lang::Fr) => {
                "en litige, écartée par les réglages du rapport".to_owned()
            }
            (ExclusionReason::NoDate, Lang::En) => {
                "no due date and no issue date to age it from".to_owned()
            }
            (ExclusionReason::NoDate, Lang::Fr) => {
                "ni échéance ni date de facture pour la classer".to_owned()
            }
            (ExclusionReason::DueDateOutOfRange, Lang::En) => {
                "the due date given by its terms is out of the calendar".to_owned()
            }
            (ExclusionReason::DueDateOutOfRange, Lang::Fr) => {
                "l'échéance calculée par ses conditions sort du calendrier".to_owned()
            }
            (ExclusionReason::TooLarge, Lang::En) => "amount too large to add up".to_owned(),
            (ExclusionReason::TooLarge, Lang::Fr) => {
                "montant trop grand pour être additionné".to_owned()
            }
        }
    }
}

/// An item of the ledger that is not in the aged balance, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExcludedItem {
    pub index: usize,
    pub reason: ExclusionReason,
}

impl ExcludedItem {
    /// The reason in English, as in the CLI report.
    pub fn reason_en(&self) -> String {
        self.reason.message(Lang::En)
    }
}

/// Amounts per bucket, in bucket order, and their sum.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketTotals {
    pub buckets: Vec<Decimal>,
    pub total: Decimal,
}

/// A report-level notice (disputed item, terms over the legal cap, due before issue).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgingWarning {
    /// The item concerned (the first one for a notice about several).
    pub index: usize,
    pub text_en: String,
    pub text_fr: String,
}

impl AgingWarning {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.text_en.clone(),
            Lang::Fr => self.text_fr.clone(),
        }
    }
}

/// The aged balance at one as-of date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgingReport {
    pub as_of: Option<NaiveDate>,
    /// The buckets used (the settings' own, or the defaults when those were invalid).
    pub buckets: Buckets,
    /// Machine labels, `not_due`, `1-30`, ..., `90+` by default.
    pub bucket_keys: Vec<String>,
    pub items: Vec<AgedItem>,
    pub excluded: Vec<ExcludedItem>,
    pub by_currency: BTreeMap<Currency, BucketTotals>,
    pub by_client: BTreeMap<(ClientId, Currency), BucketTotals>,
    pub warnings: Vec<AgingWarning>,
}

/// Ages every item of `ledger` at `as_of`, in one pass.
///
/// For each item, in this order:
/// - issued after `as_of`: excluded (not yet issued);
/// - paid at `as_of`: a payment dated after `as_of` counts as 0; without a paid amount, a
///   payment (settled) date on or before `as_of` means paid in full;
/// - outstanding = amount − paid; 0 is excluded with its reason (fully paid, paid on DATE);
///   more paid than the amount gives a negative outstanding, aged like a credit;
/// - disputed: always warned about, excluded when the settings say so;
/// - due date: as written; else, for an invoice, issue date + its terms (or the default
///   terms); a credit note, an unapplied payment or an overpaid invoice is aged from its own
///   date, never issue + terms; a due date before the issue date is replaced by the issue
///   date (or kept, by the settings), with a warning;
/// - days past due = `as_of` − due date (− issue date with [`Basis::Issue`]): an invoice due
///   on `as_of` is 0 days past due, not yet due; the bucket follows
///   [`Buckets::bucket_for`];
/// - the currency is the item's own, else the settings' default.
///
/// Example: an invoice of 1 000.00 due 2024-05-15 with 200.00 paid, aged at 2024-06-30, is
/// 46 days past due and puts 800.00 in the 31-60 bucket.
pub fn age(ledger: &Ledger, settings: &AgingSettings, as_of: NaiveDate) -> AgingReport {
    let mut warnings = Vec::new();

    // Use the settings' buckets, or the defaults with a warning when they are not usable.
    let buckets = match settings.buckets.validate() {
        Ok(()) => settings.buckets.clone(),
        Err(error) => {
            warnings.push(AgingWarning {
                index: 0,
                text_en: format!("{}: the buckets 30/60/90 were used", error.message(Lang::En)),
                text_fr: format!(
                    "{} : les tranches 30/60/90 ont été utilisées",
                    error.message(Lang::Fr)
                ),
            });
            Buckets::default()
        }
    };

    // One pass over the ledger adding each item to its client's bucket only; sums that the
    // pass did not check are checked at the end, and in the (absurd) case one overflows, a
    // careful pass checks every sum of every item instead.
    let pass = match age_pass(ledger, settings, &buckets, as_of, Care::Fast) {
        Some(pass) => pass,
        None => age_pass(ledger, settings, &buckets, as_of, Care::EverySum)
            .expect("a careful pass checks every sum, so its totals cannot overflow"),
    };
    warnings.extend(pass.warnings);
    AgingReport {
        as_of: Some(as_of),
        bucket_keys: buckets.keys(),
        buckets,
        items: pass.items,
        excluded: pass.excluded,
        by_currency: pass.by_currency,
        by_client: pass.by_client,
        warnings,
    }
}

/// How many sums a pass checks per item.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Care {
    /// Only the client's bucket; the other sums are made and checked at the end.
    Fast,
    /// The client's bucket and total, the currency's bucket and total.
    EverySum,
}

/// What one pass over the ledger produced.
struct Pass {
    items: Vec<AgedItem>,
    excluded: Vec<ExcludedItem>,
    by_currency: BTreeMap<Currency, BucketTotals>,
    by_client: BTreeMap<(ClientId, Currency), BucketTotals>,
    warnings: Vec<AgingWarning>,
}

/// Ages every item once; `None` when a sum made at the end of a fast pass overflows.
fn age_pass(
    ledger: &Ledger,
    settings: &AgingSettings,
    buckets: &Buckets,
    as_of: NaiveDate,
    care: Care,
) -> Option<Pass> {
    let mut warnings = Vec::new();

    // Each item either aged or excluded, in file order.
    let mut totals = Totals::new(buckets.len(), ledger.clients.len(), care);
    let mut items = Vec::with_capacity(ledger.invoices.len());
    let mut excluded = Vec::new();
    let mut over_cap: Vec<TermsNotice> = Vec::new();
    let mut default_terms = TermsNotice { terms: None, first: 0, count: 0 };
    for (index, invoice) in ledger.invoices.iter().enumerate() {
        if let Some(terms) = invoice.terms.filter(terms::exceeds_legal_cap) {
            match over_cap.iter_mut().find(|n| n.terms == Some(terms)) {
                Some(notice) => notice.count += 1,
                None => over_cap.push(TermsNotice { terms: Some(terms), first: index, count: 1 }),
            }
        }
        let aged = match age_item(invoice, index, settings, buckets, as_of, &mut warnings) {
            Ok(aged) => aged,
            Err(reason) => {
                excluded.push(ExcludedItem { index, reason });
                continue;
            }
        };
        if aged.used_default_terms {
            default_terms.count += 1;
            if default_terms.count == 1 {
                default_terms.first = index;
            }
        }
        let item = aged.item;
        if !totals.add(item.client, item.currency, item.bucket, item.outstanding) {
            excluded.push(ExcludedItem { index, reason: ExclusionReason::TooLarge });
            continue;
        }
        items.push(item);
    }

    // Notices about terms, once per kind of terms rather than once per item.
    for notice in &over_cap {
        if let Some(terms) = &notice.terms {
            warnings.push(legal_cap_warning(ledger, notice, terms));
        }
    }
    if default_terms.count > 0 && settings.default_terms_days > terms::LEGAL_DEFAULT_DAYS {
        warnings.push(default_terms_warning(&default_terms, settings.default_terms_days));
    }
    let (by_currency, by_client) = totals.finish()?;
    Some(Pass { items, excluded, by_currency, by_client, warnings })
}

/// An aged item and whether the default terms gave its due date.
struct Aged {
    item: AgedItem,
    used_default_terms: bool,
}

/// Terms met on several items, told once: the first item and how many.
struct TermsNotice {
    terms: Option<Terms>,
    first: usize,
    count: usize,
}

/// Ages one item, or says why it is not in the aged balance.
fn age_item(
    invoice: &Invoice,
    index: usize,
    settings: &AgingSettings,
    buckets: &Buckets,
    as_of: NaiveDate,
    warnings: &mut Vec<AgingWarning>,
) -> Result<Aged, ExclusionReason> {
    // An item issued after the as-of date did not exist yet.
    if let Some(issue_date) = invoice.issue_date.filter(|&d| d > as_of) {
        return Err(ExclusionReason::NotYetIssued { issue_date });
    }

    // What had been paid at the as-of date, and what remains.
    let paid = paid_at(invoice, as_of);
    let outstanding = invoice.amount.checked_sub(paid).ok_or(ExclusionReason::TooLarge)?;
    if outstanding.is_zero() {
        return Err(match invoice.payment_date.filter(|&d| d <= as_of) {
            Some(date) if !invoice.amount.is_zero() => ExclusionReason::PaidOn { date },
            _ => ExclusionReason::FullyPaid,
        });
    }

    // Disputed items are always told; the settings say whether they count.
    if invoice.disputed {
        warnings.push(AgingWarning {
            index,
            text_en: format!("{} is disputed", invoice.number),
            text_fr: format!("{} est en litige", invoice.number),
        });
        if settings.disputed == DisputedPolicy::Exclude {
            return Err(ExclusionReason::Disputed);
        }
    }

    // The due date: as written, else from the terms for an invoice, else the item's own date.
    let credit = invoice.kind != ItemKind::Invoice || outstanding.is_sign_negative();
    let mut used_default_terms = false;
    let mut due_date = match (invoice.due_date, invoice.issue_date) {
        (Some(due), _) => due,
        (None, None) => return Err(ExclusionReason::NoDate),
        (None, Some(issue)) if credit => issue,
        (None, Some(issue)) => {
            let terms = invoice.terms.unwrap_or_else(|| {
                used_default_terms = true;
                Terms::Net { days: settings.default_terms_days }
            });
            terms::due_date(issue, &terms, settings.end_of_month)
                .ok_or(ExclusionReason::DueDateOutOfRange)?
        }
    };
    if let Some(issue) = invoice.issue_date.filter(|&issue| due_date < issue) {
        warnings.push(AgingWarning {
            index,
            text_en: format!("{} due date {due_date} is before issue date {issue}", invoice.number),
            text_fr: format!(
                "{} : échéance {} antérieure à la date de facture {}",
                invoice.number,
                due_date.format("%d/%m/%Y"),
                issue.format("%d/%m/%Y")
            ),
        });
        if settings.due_before_issue == DueBeforeIssue::UseIssueDate {
            due_date = issue;
        }
    }

    // Days past due from the chosen date, and the bucket.
    let from = match settings.basis {
        Basis::Due => due_date,
        Basis::Issue => invoice.issue_date.unwrap_or(due_date),
    };
    let days_past_due = as_of.signed_duration_since(from).num_days();
    let item = AgedItem {
        index,
        client: invoice.client,
        currency: invoice.currency.unwrap_or(settings.default_currency),
        paid,
        outstanding,
        due_date,
        days_past_due,
        bucket: buckets.bucket_for(days_past_due),
    };
    Ok(Aged { item, used_default_terms })
}

/// What had been received for `invoice` at `as_of`: nothing when the payment is dated after
/// `as_of`; the paid amount when there is one; else the whole amount when a payment
/// (settled) date is on or before `as_of`; else nothing.
pub fn paid_at(invoice: &Invoice, as_of: NaiveDate) -> Decimal {
    match (invoice.paid, invoice.payment_date) {
        (_, Some(date)) if date > as_of => Decimal::ZERO,
        (Some(paid), _) => paid,
        (None, Some(_)) => invoice.amount,
        (None, None) => Decimal::ZERO,
    }
}

fn legal_cap_warning(ledger: &Ledger, notice: &TermsNotice, terms: &Terms) -> AgingWarning {
    let first = ledger.invoices.get(notice.first);
    let number = first.map_or("", |i| i.number.as_str());
    let written = |lang| {
        first.and_then(|i| i.terms_text.clone()).unwrap_or_else(|| terms::describe(terms, lang))
    };
    AgingWarning {
        index: notice.first,
        text_en: format!(
            "terms \"{}\" go beyond the legal cap of 60 days from the invoice date or 45 days \
             end of month (Code de commerce L441-10): {} item(s), first {number}",
            written(Lang::En),
            notice.count
        ),
        text_fr: format!(
            "les conditions « {} » dépassent le plafond légal de 60 jours date de facture ou \
             45 jours fin de mois (Code de commerce L441-10) : {} pièce(s), dont {number}",
            written(Lang::Fr),
            notice.count
        ),
    }
}

fn default_terms_warning(notice: &TermsNotice, days: u16) -> AgingWarning {
    AgingWarning {
        index: notice.first,
        text_en: format!(
            "{} item(s) without due date or terms were given the default of {days} days, more \
             than the legal default of 30 days (Code de commerce L441-10)",
            notice.count
        ),
        text_fr: format!(
            "{} pièce(s) sans échéance ni conditions ont reçu le délai par défaut de {days} \
             jours, plus que le délai légal de 30 jours (Code de commerce L441-10)",
            notice.count
        ),
    }
}

/// The running totals, in flat vectors indexed by interned client and currency so that a
/// million items cost no allocation and no map lookup each.
struct Totals {
    width: usize,
    care: Care,
    /// Per client id, its first currency and the slot of that pair.
    first_slot: Vec<Option<(Currency, usize)>>,
    /// Slots of the other (client, currency) pairs.
    other_slots: BTreeMap<(ClientId, Currency), usize>,
    /// The pair of each slot, in order of first appearance.
    slot_keys: Vec<(ClientId, Currency)>,
    /// Per slot, `width` bucket amounts then the total.
    client_amounts: Vec<Decimal>,
    /// Per currency, its buckets then its total (kept per item by a careful pass only).
    currencies: Vec<(Currency, Vec<Decimal>)>,
}

impl Totals {
    fn new(width: usize, clients: usize, care: Care) -> Totals {
        Totals {
            width,
            care,
            first_slot: vec![None; clients],
            other_slots: BTreeMap::new(),
            slot_keys: Vec::new(),
            client_amounts: Vec::new(),
            currencies: Vec::new(),
        }
    }

    /// Adds `amount` to its bucket (and, in a careful pass, to the totals of the client and
    /// the currency); false, with nothing added, when a sum would overflow.
    fn add(
        &mut self,
        client: ClientId,
        currency: Currency,
        bucket: usize,
        amount: Decimal,
    ) -> bool {
        // The fast pass: the client's bucket only.
        let width = self.width;
        let slot = self.slot(client, currency);
        let client_row = &mut self.client_amounts[slot * (width + 1)..(slot + 1) * (width + 1)];
        if self.care == Care::Fast {
            let Some(sum) = client_row[bucket].checked_add(amount) else {
                return false;
            };
            client_row[bucket] = sum;
            return true;
        }

        // The careful pass works out the four new sums before writing any.
        let currency_row = match self.currencies.iter().position(|(c, _)| *c == currency) {
            Some(position) => &mut self.currencies[position].1,
            None => {
                self.currencies.push((currency, vec![Decimal::ZERO; width + 1]));
                // The currency was pushed on the line above.
                &mut self.currencies.last_mut().expect("just pushed").1
            }
        };
        let sums = (
            client_row[bucket].checked_add(amount),
            client_row[width].checked_add(amount),
            currency_row[bucket].checked_add(amount),
            currency_row[width].checked_add(amount),
        );
        let (Some(a), Some(b), Some(c), Some(d)) = sums else {
            return false;
        };
        client_row[bucket] = a;
        client_row[width] = b;
        currency_row[bucket] = c;
        currency_row[width] = d;
        true
    }

    fn slot(&mut self, client: ClientId, currency: Currency) -> usize {
        let next = self.slot_keys.len();
        let slot = match self.first_slot.get_mut(client.0 as usize) {
            Some(Some((c, slot))) if *c == currency => return *slot,
            Some(first @ None) => {
                *first = Some((currency, next));
                next
            }
            _ => *self.other_slots.entry((client, currency)).or_insert(next),
        };
        if slot == next {
            self.slot_keys.push((client, currency));
            self.client_amounts.resize(self.client_amounts.len() + self.width + 1, Decimal::ZERO);
        }
        slot
    }

    /// The totals per currency and per client; after a fast pass, `None` when one of the sums
    /// made here overflows.
    #[allow(clippy::type_complexity)]
    fn finish(
        mut self,
    ) -> Option<(BTreeMap<Currency, BucketTotals>, BTreeMap<(ClientId, Currency), BucketTotals>)>
    {
        // After a fast pass, the clients' totals, then the currencies' from the clients'.
        let width = self.width;
        if self.care == Care::Fast {
            for (key, row) in
                self.slot_keys.iter().zip(self.client_amounts.chunks_exact_mut(width + 1))
            {
                row[width] =
                    row[..width].iter().try_fold(Decimal::ZERO, |s, &d| s.checked_add(d))?;
                let currency_row = match self.currencies.iter().position(|(c, _)| *c == key.1) {
                    Some(position) => &mut self.currencies[position].1,
                    None => {
                        self.currencies.push((key.1, vec![Decimal::ZERO; width + 1]));
                        // The currency was pushed on the line above.
                        &mut self.currencies.last_mut().expect("just pushed").1
                    }
                };
                for (sum, &amount) in currency_row.iter_mut().zip(row.iter()) {
                    *sum = sum.checked_add(amount)?;
                }
            }
        }

        // Both as maps.
        let split =
            |row: &[Decimal]| BucketTotals { buckets: row[..width].to_vec(), total: row[width] };
        let by_currency = self.currencies.iter().map(|(c, row)| (*c, split(row))).collect();
        let by_client = self
            .slot_keys
            .iter()
            .zip(self.client_amounts.chunks_exact(width + 1))
            .map(|(key, row)| (*key, split(row)))
            .collect();
        Some((by_currency, by_client))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn money(text: &str) -> Decimal {
        Decimal::from_str_exact(text).unwrap()
    }

    /// An unpaid invoice of client 0 in euros, issued 30 days before its due date.
    fn invoice(number: &str, amount: &str, issue: Option<&str>, due: Option<&str>) -> Invoice {
        Invoice {
            line: 2,
            number: number.to_owned(),
            amount: money(amount),
            issue_date: issue.map(date),
            due_date: due.map(date),
            ..Invoice::default()
        }
    }

    fn ledger(invoices: Vec<Invoice>) -> Ledger {
        Ledger { invoices, clients: vec!["Atelier".to_owned(), "Garage".to_owned()] }
    }

    #[test]
    fn buckets_by_days() {
        #[track_caller]
        fn check(edges: &[u32], days: i64, expected: &str) {
            let buckets = Buckets::new(edges.to_vec()).unwrap();
            assert_eq!(buckets.key(buckets.bucket_for(days)), expected, "{days} days");
        }
        let standard = [30, 60, 90];
        for (days, expected) in [
            (-400, "not_due"),
            (-1, "not_due"),
            (0, "not_due"),
            (1, "1-30"),
            (30, "1-30"),
            (31, "31-60"),
            (60, "31-60"),
            (61, "61-90"),
            (90, "61-90"),
            (91, "90+"),
            (10_000, "90+"),
        ] {
            check(&standard, days, expected);
        }
        check(&[15, 30, 45, 60, 90], 16, "16-30");
        check(&[15, 30, 45, 60, 90], 46, "46-60");
        check(&[30, 60, 90, 120], 121, "120+");
        check(&[1, 2], 1, "1");
        check(&[1, 2], 2, "2");
        check(&[1, 2], 3, "2+");
        check(&[7], 8, "7+");
    }

    #[test]
    fn bucket_keys_and_labels() {
        let standard = Buckets::default();
        assert_eq!(standard.keys(), ["not_due", "1-30", "31-60", "61-90", "90+"]);
        let fr: Vec<_> = (0..standard.len()).map(|i| standard.label(i, Lang::Fr)).collect();
        assert_eq!(fr, ["Non échu", "1–30 j", "31–60 j", "61–90 j", "> 90 j"]);
        let en: Vec<_> = (0..standard.len()).map(|i| standard.label(i, Lang::En)).collect();
        assert_eq!(en[..2], ["Not yet due", "1–30 days"]);
        assert_eq!(en[2..], ["31–60 days", "61–90 days", "Over 90 days"]);
        let monthly = Buckets::preset(BucketPreset::Monthly);
        assert_eq!(monthly.keys().last().unwrap(), "180+");
        assert_eq!(monthly.len(), 8);
        assert_eq!(Buckets::preset(BucketPreset::Fine).keys()[1..3], ["1-15", "16-30"]);
        assert_eq!(Buckets::preset(BucketPreset::Long).keys()[4..], ["91-120", "120+"]);
        assert_eq!(Buckets::new(vec![1]).unwrap().label(1, Lang::En), "1 day");
    }

    #[test]
    fn bucket_edges_are_checked() {
        #[track_caller]
        fn check(text: &str, expected: Result<&[u32], BucketsError>) {
            let got = Buckets::parse(text);
            assert_eq!(got.as_ref().map(|b| b.edges.as_slice()), expected.as_ref().map(|e| *e));
        }
        check("30,60,90", Ok(&[30, 60, 90]));
        check("30; 60; 90; 120", Ok(&[30, 60, 90, 120]));
        check("15 30 45", Ok(&[15, 30, 45]));
        check("", Err(BucketsError::Empty));
        check("60,30", Err(BucketsError::NotIncreasing { previous: 60, edge: 30 }));
        check("30,30", Err(BucketsError::NotIncreasing { previous: 30, edge: 30 }));
        check("0,30", Err(BucketsError::NotPositive("0".to_owned())));
        check("-5,30", Err(BucketsError::NotPositive("-5".to_owned())));
        check("30,abc", Err(BucketsError::NotPositive("abc".to_owned())));
        check(
            "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25",
            Err(BucketsError::TooMany(25)),
        );
    }

    #[test]
    fn bucket_error_wording() {
        let error = Buckets::parse("60,30").unwrap_err();
        insta::assert_snapshot!("bucket_error_en", error.message(Lang::En));
        insta::assert_snapshot!("bucket_error_fr", error.message(Lang::Fr));
    }

    #[test]
    fn invalid_buckets_fall_back_with_a_warning() {
        let settings =
            AgingSettings { buckets: Buckets { edges: vec![90, 30] }, ..Default::default() };
        let report = age(&ledger(vec![]), &settings, date("2024-06-30"));
        assert_eq!(report.bucket_keys, ["not_due", "1-30", "31-60", "61-90", "90+"]);
        assert_eq!(
            report.warnings[0].text_en,
            "expected bucket edges in increasing order, found 90 before 30: the buckets \
             30/60/90 were used"
        );
    }

    /// One item aged at `as_of` with default settings: (outstanding, due date, days, bucket
    /// key) or the exclusion reason.
    fn age_one(
        item: Invoice,
        settings: &AgingSettings,
        as_of: &str,
    ) -> Result<(String, String, i64, String), ExclusionReason> {
        let report = age(&ledger(vec![item]), settings, date(as_of));
        if let Some(excluded) = report.excluded.first() {
            return Err(excluded.reason);
        }
        let item = &report.items[0];
        Ok((
            item.outstanding.to_string(),
            item.due_date.to_string(),
            item.days_past_due,
            report.bucket_keys[item.bucket].clone(),
        ))
    }

    #[track_caller]
    fn check(item: Invoice, as_of: &str, expected: (&str, &str, i64, &str)) {
        let got = age_one(item, &AgingSettings::default(), as_of);
        let expected =
            (expected.0.to_owned(), expected.1.to_owned(), expected.2, expected.3.to_owned());
        assert_eq!(got, Ok(expected));
    }

    #[track_caller]
    fn check_excluded(item: Invoice, as_of: &str, expected: ExclusionReason) {
        assert_eq!(age_one(item, &AgingSettings::default(), as_of), Err(expected));
    }

    #[test]
    fn days_past_due_at_the_bucket_edges() {
        // As-of 2024-12-31, due dates worked back by hand, across 31-day months.
        let due = |d: &str| invoice("F", "100.00", None, Some(d));
        check(due("2024-12-31"), "2024-12-31", ("100.00", "2024-12-31", 0, "not_due"));
        check(due("2024-12-30"), "2024-12-31", ("100.00", "2024-12-30", 1, "1-30"));
        check(due("2024-12-01"), "2024-12-31", ("100.00", "2024-12-01", 30, "1-30"));
        check(due("2024-11-30"), "2024-12-31", ("100.00", "2024-11-30", 31, "31-60"));
        check(due("2024-11-01"), "2024-12-31", ("100.00", "2024-11-01", 60, "31-60"));
        check(due("2024-10-31"), "2024-12-31", ("100.00", "2024-10-31", 61, "61-90"));
        check(due("2024-10-02"), "2024-12-31", ("100.00", "2024-10-02", 90, "61-90"));
        check(due("2024-10-01"), "2024-12-31", ("100.00", "2024-10-01", 91, "90+"));
        check(due("2025-01-30"), "2024-12-31", ("100.00", "2025-01-30", -30, "not_due"));
        // Across the leap day: 2024-02-28 to 2024-04-04 is 1 + 29 (with the 29th) + 4 + 2.
        check(due("2024-02-28"), "2024-04-04", ("100.00", "2024-02-28", 36, "31-60"));
        check(due("2023-02-28"), "2023-04-04", ("100.00", "2023-02-28", 35, "31-60"));
        check(due("2024-02-29"), "2024-03-30", ("100.00", "2024-02-29", 30, "1-30"));
    }

    #[test]
    fn due_date_from_terms_or_default() {
        let mut net = invoice("F", "4200.00", Some("2026-04-05"), None);
        net.terms = Some(Terms::Net { days: 30 });
        check(net, "2026-05-15", ("4200.00", "2026-05-05", 10, "1-30"));
        let mut receipt = invoice("F", "300.00", Some("2026-01-10"), None);
        receipt.terms = Some(Terms::OnReceipt);
        check(receipt, "2026-05-15", ("300.00", "2026-01-10", 125, "90+"));
        let mut eom = invoice("F", "1000.00", Some("2025-01-31"), None);
        eom.terms = Some(Terms::EndOfMonth { days: 30, day_of_month: None });
        check(eom.clone(), "2025-04-30", ("1000.00", "2025-03-31", 30, "1-30"));
        let method_b = AgingSettings {
            end_of_month: EndOfMonthMethod::EndOfMonthThenAddDays,
            ..Default::default()
        };
        assert_eq!(
            age_one(eom, &method_b, "2025-04-30"),
            Ok(("1000.00".into(), "2025-03-02".into(), 59, "31-60".into()))
        );
        // No terms: the default 30 days (2024-01-31 + 30 = 2024-03-01 in a leap year).
        let bare = invoice("F", "10.00", Some("2024-01-31"), None);
        check(bare.clone(), "2024-03-31", ("10.00", "2024-03-01", 30, "1-30"));
        let longer = AgingSettings { default_terms_days: 45, ..Default::default() };
        let report = age(&ledger(vec![bare.clone(), bare]), &longer, date("2024-03-31"));
        assert_eq!(report.items[0].due_date, date("2024-03-16"));
        assert_eq!(
            report.warnings.iter().map(|w| w.text_en.as_str()).collect::<Vec<_>>(),
            ["2 item(s) without due date or terms were given the default of 45 days, more than \
              the legal default of 30 days (Code de commerce L441-10)"]
        );
        // A given due date wins over the terms.
        let mut both = invoice("F", "10.00", Some("2024-01-31"), Some("2024-02-10"));
        both.terms = Some(Terms::Net { days: 60 });
        check(both, "2024-03-31", ("10.00", "2024-02-10", 50, "31-60"));
    }

    #[test]
    fn payments_at_the_as_of_date() {
        let paid = |amount: &str, paid: Option<&str>, on: Option<&str>| {
            let mut item = invoice("F", amount, Some("2024-02-01"), Some("2024-03-02"));
            item.paid = paid.map(money);
            item.payment_date = on.map(date);
            item
        };
        // Partly paid: aged on the rest; 250.00 − 249.99 is exactly 0.01.
        check(
            paid("1000.00", Some("300.00"), None),
            "2024-05-31",
            ("700.00", "2024-03-02", 90, "61-90"),
        );
        check(
            paid("250.00", Some("249.99"), None),
            "2024-05-31",
            ("0.01", "2024-03-02", 90, "61-90"),
        );
        // Paid after the as-of date: not paid yet then.
        check(
            paid("900.00", Some("400.00"), Some("2024-06-02")),
            "2024-05-31",
            ("900.00", "2024-03-02", 90, "61-90"),
        );
        // Paid on the as-of date: paid.
        check(
            paid("900.00", Some("400.00"), Some("2024-05-31")),
            "2024-05-31",
            ("500.00", "2024-03-02", 90, "61-90"),
        );
        // Settled date without a paid amount: paid in full on that date.
        check_excluded(
            paid("600.00", None, Some("2024-05-10")),
            "2024-05-31",
            ExclusionReason::PaidOn { date: date("2024-05-10") },
        );
        check(
            paid("600.00", None, Some("2024-06-01")),
            "2024-05-31",
            ("600.00", "2024-03-02", 90, "61-90"),
        );
        check_excluded(
            paid("600.00", Some("600.00"), Some("2024-05-31")),
            "2024-05-31",
            ExclusionReason::PaidOn { date: date("2024-05-31") },
        );
        check_excluded(
            paid("500.00", Some("500.00"), None),
            "2024-05-31",
            ExclusionReason::FullyPaid,
        );
        check_excluded(paid("0.00", None, None), "2024-05-31", ExclusionReason::FullyPaid);
        // Overpaid: a negative rest aged like a credit, with a warning.
        check(
            paid("100.00", Some("130.00"), None),
            "2024-05-31",
            ("-30.00", "2024-03-02", 90, "61-90"),
        );
    }

    #[test]
    fn exclusions() {
        check_excluded(
            invoice("F", "10.00", Some("2024-07-01"), Some("2024-07-31")),
            "2024-06-30",
            ExclusionReason::NotYetIssued { issue_date: date("2024-07-01") },
        );
        check(
            invoice("F", "10.00", Some("2024-06-30"), None),
            "2024-06-30",
            ("10.00", "2024-07-30", -30, "not_due"),
        );
        check_excluded(invoice("F", "10.00", None, None), "2024-06-30", ExclusionReason::NoDate);
        let mut far = invoice("F", "10.00", Some("2024-06-01"), None);
        far.issue_date = Some(NaiveDate::MAX);
        check_excluded(
            far.clone(),
            "2024-06-30",
            ExclusionReason::NotYetIssued { issue_date: NaiveDate::MAX },
        );
        assert_eq!(
            age_one(far, &AgingSettings::default(), &NaiveDate::MAX.to_string()),
            Err(ExclusionReason::DueDateOutOfRange)
        );
        let reasons = [
            (ExclusionReason::FullyPaid, "fully paid (outstanding 0.00)"),
            (
                ExclusionReason::PaidOn { date: date("2024-05-10") },
                "paid on 2024-05-10, on or before the as-of date",
            ),
            (
                ExclusionReason::NotYetIssued { issue_date: date("2024-07-01") },
                "not yet issued at the as-of date (issued 2024-07-01)",
            ),
        ];
        for (reason, expected) in reasons {
            assert_eq!(reason.message(Lang::En), expected);
        }
        assert_eq!(
            ExclusionReason::PaidOn { date: date("2024-05-10") }.message(Lang::Fr),
            "réglée le 10/05/2024, à la date d'arrêté ou avant"
        );
    }

    #[test]
    fn credits_are_aged_by_their_own_date() {
        let mut credit = invoice("AV-1", "-300.00", Some("2024-06-10"), None);
        credit.kind = ItemKind::CreditNote;
        check(credit.clone(), "2024-06-30", ("-300.00", "2024-06-10", 20, "1-30"));
        credit.terms = Some(Terms::Net { days: 30 });
        check(credit.clone(), "2024-06-30", ("-300.00", "2024-06-10", 20, "1-30"));
        credit.due_date = Some(date("2024-06-20"));
        check(credit, "2024-06-30", ("-300.00", "2024-06-20", 10, "1-30"));
        let mut unapplied = invoice("VIR", "-1000.00", Some("2024-01-15"), None);
        unapplied.kind = ItemKind::UnappliedPayment;
        check(unapplied, "2024-03-31", ("-1000.00", "2024-01-15", 76, "61-90"));
        // Overpaid without a due date: its issue date, not issue + terms.
        let mut overpaid = invoice("F", "100.00", Some("2024-01-15"), None);
        overpaid.paid = Some(money("150.00"));
        check(overpaid, "2024-03-31", ("-50.00", "2024-01-15", 76, "61-90"));
    }

    #[test]
    fn due_before_issue() {
        let item = invoice("F-3201", "300.00", Some("2020-03-27"), Some("2019-11-28"));
        let report =
            age(&ledger(vec![item.clone()]), &AgingSettings::default(), date("2020-04-30"));
        assert_eq!(report.items[0].due_date, date("2020-03-27"));
        assert_eq!(report.items[0].days_past_due, 34);
        assert_eq!(
            report.warnings[0].text_en,
            "F-3201 due date 2019-11-28 is before issue date 2020-03-27"
        );
        assert_eq!(
            report.warnings[0].text_fr,
            "F-3201 : échéance 28/11/2019 antérieure à la date de facture 27/03/2020"
        );
        let trust =
            AgingSettings { due_before_issue: DueBeforeIssue::TrustDueDate, ..Default::default() };
        assert_eq!(
            age_one(item, &trust, "2020-04-30"),
            Ok(("300.00".into(), "2019-11-28".into(), 154, "90+".into()))
        );
    }

    #[test]
    fn basis_issue_counts_from_the_issue_date() {
        let settings = AgingSettings { basis: Basis::Issue, ..Default::default() };
        let item = invoice("F", "4200.00", Some("2026-04-05"), Some("2026-05-05"));
        assert_eq!(
            age_one(item, &settings, "2026-05-15"),
            Ok(("4200.00".into(), "2026-05-05".into(), 40, "31-60".into()))
        );
        let no_issue = invoice("F", "1.00", None, Some("2026-05-05"));
        assert_eq!(
            age_one(no_issue, &settings, "2026-05-15"),
            Ok(("1.00".into(), "2026-05-05".into(), 10, "1-30".into()))
        );
    }

    #[test]
    fn disputed_items() {
        let mut item = invoice("0000100002", "61.74", Some("2013-11-25"), Some("2013-12-25"));
        item.disputed = true;
        let report =
            age(&ledger(vec![item.clone()]), &AgingSettings::default(), date("2013-12-31"));
        assert_eq!(report.items.len(), 1);
        assert_eq!(report.warnings[0].text_en, "0000100002 is disputed");
        let exclude = AgingSettings { disputed: DisputedPolicy::Exclude, ..Default::default() };
        let report = age(&ledger(vec![item]), &exclude, date("2013-12-31"));
        assert_eq!(report.excluded[0].reason, ExclusionReason::Disputed);
        assert_eq!(report.warnings[0].text_en, "0000100002 is disputed");
        assert!(report.by_currency.is_empty());
    }

    #[test]
    fn terms_over_the_legal_cap_are_flagged_once() {
        let with_terms = |number: &str, terms: Terms, text: &str| {
            let mut item = invoice(number, "10.00", Some("2025-01-15"), None);
            item.terms = Some(terms);
            item.terms_text = Some(text.to_owned());
            item
        };
        let items = vec![
            with_terms("F-1", Terms::Net { days: 75 }, "75 jours"),
            with_terms(
                "F-2",
                Terms::EndOfMonth { days: 45, day_of_month: None },
                "45 jours fin de mois",
            ),
            with_terms("F-3", Terms::Net { days: 75 }, "75 jours"),
            with_terms("F-4", Terms::Net { days: 60 }, "60 jours"),
        ];
        let report = age(&ledger(items), &AgingSettings::default(), date("2025-06-30"));
        let texts: Vec<_> = report.warnings.iter().map(|w| w.text_en.as_str()).collect();
        let expected = "terms \"75 jours\" go beyond the legal cap of 60 days from the invoice \
                        date or 45 days end of month (Code de commerce L441-10): 2 item(s), \
                        first F-1";
        assert_eq!(texts, [expected]);
        assert_eq!(report.items[0].due_date, date("2025-03-31"), "flagged, not changed");
    }

    #[test]
    fn totals_per_bucket_client_and_currency() {
        // Hand-worked: Atelier EUR 1200 (31-60) + 450.50 (not due); Garage EUR 780 (90+),
        // Garage USD 100 (1-30) − 40 credit (1-30); as of 2024-06-30.
        let mut items = vec![
            invoice("F-1001", "1200.00", Some("2024-04-15"), Some("2024-05-15")),
            invoice("F-1002", "450.50", Some("2024-06-01"), Some("2024-07-01")),
            invoice("F-1003", "980.00", Some("2024-03-01"), Some("2024-03-31")),
            invoice("U-1", "100.00", Some("2024-05-01"), Some("2024-06-10")),
            invoice("U-2", "-40.00", Some("2024-06-05"), None),
        ];
        items[2].client = ClientId(1);
        items[2].paid = Some(money("200.00"));
        for item in &mut items[3..] {
            item.client = ClientId(1);
            item.currency = Some(Currency::USD);
        }
        items[4].kind = ItemKind::CreditNote;
        let report = age(&ledger(items), &AgingSettings::default(), date("2024-06-30"));
        let row = |t: &BucketTotals| {
            let mut row: Vec<String> = t.buckets.iter().map(|d| d.to_string()).collect();
            row.push(t.total.to_string());
            row
        };
        assert_eq!(
            row(&report.by_currency[&Currency::EUR]),
            ["450.50", "0", "1200.00", "0", "780.00", "2430.50"]
        );
        assert_eq!(
            row(&report.by_currency[&Currency::USD]),
            ["0", "60.00", "0", "0", "0", "60.00"]
        );
        assert_eq!(
            row(&report.by_client[&(ClientId(0), Currency::EUR)]),
            ["450.50", "0", "1200.00", "0", "0", "1650.50"]
        );
        assert_eq!(
            row(&report.by_client[&(ClientId(1), Currency::EUR)]),
            ["0", "0", "0", "0", "780.00", "780.00"]
        );
        assert_eq!(
            row(&report.by_client[&(ClientId(1), Currency::USD)]),
            ["0", "60.00", "0", "0", "0", "60.00"]
        );
        assert_eq!(report.by_client.len(), 3);
    }

    #[test]
    fn client_ids_beyond_the_name_list_still_add_up() {
        let mut item = invoice("F", "10.00", None, Some("2024-06-01"));
        item.client = ClientId(u32::MAX);
        let report = age(
            &Ledger { invoices: vec![item], clients: vec![] },
            &AgingSettings::default(),
            date("2024-06-30"),
        );
        assert_eq!(report.by_client[&(ClientId(u32::MAX), Currency::EUR)].total, money("10.00"));
    }

    #[test]
    fn totals_that_overflow_at_the_end_take_the_careful_pass() {
        // Each bucket holds one huge amount, but the client's total would overflow: the
        // careful pass leaves the second item out instead.
        let big = Decimal::MAX.to_string();
        let items = vec![
            invoice("F-1", &big, None, Some("2024-06-20")),
            invoice("F-2", &big, None, Some("2024-07-20")),
            invoice("F-3", "1.00", None, Some("2024-07-20")),
        ];
        let mut items = items;
        items[2].currency = Some(Currency::USD);
        let report = age(&ledger(items), &AgingSettings::default(), date("2024-06-30"));
        assert_eq!(report.items.iter().map(|i| i.index).collect::<Vec<_>>(), [0, 2]);
        assert_eq!(report.excluded[0].index, 1);
        assert_eq!(report.excluded[0].reason, ExclusionReason::TooLarge);
        assert_eq!(report.by_currency[&Currency::USD].buckets[0], money("1.00"));
        assert_eq!(report.by_currency[&Currency::EUR].total, Decimal::MAX);
    }

    #[test]
    fn overflow_excludes_instead_of_panicking() {
        let big = Decimal::MAX.to_string();
        let items = vec![
            invoice("F-1", &big, None, Some("2024-06-01")),
            invoice("F-2", &big, None, Some("2024-06-01")),
        ];
        let report = age(&ledger(items), &AgingSettings::default(), date("2024-06-30"));
        assert_eq!(report.items.len(), 1);
        assert_eq!(report.excluded[0].reason, ExclusionReason::TooLarge);
        assert_eq!(report.by_currency[&Currency::EUR].total, Decimal::MAX);
        let mut negative = invoice("F-3", &big, None, Some("2024-06-01"));
        negative.paid = Some(-Decimal::MAX);
        let report = age(&ledger(vec![negative]), &AgingSettings::default(), date("2024-06-30"));
        assert_eq!(report.excluded[0].reason, ExclusionReason::TooLarge);
    }
}
