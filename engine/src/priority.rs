//! Who to chase first and how: the ranking of overdue clients and the reminder step of each.
//!
//! One entry per (client, currency), at the level of its oldest overdue invoice on the
//! reminder [`Ladder`], listing the client's overdue items (credit notes included, so that the
//! entry's overdue amount is the client's net overdue balance) and its items due soon.

use crate::aging::AgingReport;
use crate::behaviour::{self, BehaviourReport};
use crate::lang::Lang;
use crate::ledger::{ClientId, Currency, Ledger};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BTreeSet};

/// How the list is ordered. Every order ends on the client name, then the currency, so that
/// equal entries always come out in the same order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strategy {
    /// Largest overdue amount first, ties by the oldest days past due. Amounts in different
    /// currencies are compared as numbers (1,000 USD before 500 EUR): no exchange rate is
    /// guessed.
    #[default]
    Amount,
    /// Oldest days past due first, ties by the largest overdue amount.
    Age,
    /// Client name, A to Z, case and accents ignored ("Éb" sorts with "Eb").
    Client,
    /// Highest combined score first (see [`ScoreSettings`]), ties as by amount.
    Score,
}

/// A rung of the reminder ladder, gentlest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Preventive,
    Email,
    Phone,
    /// A call by the account owner, put before any letter to a key account.
    OwnerCall,
    SecondReminder,
    RegisteredLetter,
    FormalNotice,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Preventive,
        Step::Email,
        Step::Phone,
        Step::OwnerCall,
        Step::SecondReminder,
        Step::RegisteredLetter,
        Step::FormalNotice,
    ];

    /// The step's name for the user.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Step::Preventive, Lang::Fr) => "Rappel préventif",
            (Step::Preventive, Lang::En) => "Preventive reminder",
            (Step::Email, Lang::Fr) => "Relance par e-mail",
            (Step::Email, Lang::En) => "Reminder e-mail",
            (Step::Phone, Lang::Fr) => "Appel téléphonique",
            (Step::Phone, Lang::En) => "Phone call",
            (Step::OwnerCall, Lang::Fr) => "Appel du responsable du compte",
            (Step::OwnerCall, Lang::En) => "Call by the account owner",
            (Step::SecondReminder, Lang::Fr) => "Deuxième relance écrite",
            (Step::SecondReminder, Lang::En) => "Second written reminder",
            (Step::RegisteredLetter, Lang::Fr) => "Lettre recommandée",
            (Step::RegisteredLetter, Lang::En) => "Registered letter",
            (Step::FormalNotice, Lang::Fr) => "Mise en demeure",
            (Step::FormalNotice, Lang::En) => "Formal notice",
        }
    }
}

/// The day thresholds of the reminder ladder, each the last day past due of its step.
///
/// Defaults: preventive reminder for items due within the next 10 days (due on the as-of date
/// included), e-mail from 1 to 15 days past due, phone call 16–30, second written reminder
/// 31–60, registered letter 61–90, formal notice from 91 days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ladder {
    /// Items not yet due but due within this many days get a preventive reminder.
    pub preventive_within: u32,
    pub email_up_to: u32,
    pub phone_up_to: u32,
    pub second_reminder_up_to: u32,
    pub registered_letter_up_to: u32,
}

impl Default for Ladder {
    fn default() -> Self {
        Ladder {
            preventive_within: 10,
            email_up_to: 15,
            phone_up_to: 30,
            second_reminder_up_to: 60,
            registered_letter_up_to: 90,
        }
    }
}

impl Ladder {
    /// The step for an item `days_past_due` days past due, `None` when it is due later than
    /// the preventive window. The thresholds are read in ladder order, the first that holds
    /// wins: with the defaults 15 gives `Email`, 16 `Phone`, 90 `RegisteredLetter`, 91
    /// `FormalNotice`, 0 and −10 `Preventive`, −11 `None`.
    pub fn step_for(&self, days_past_due: i64) -> Option<Step> {
        let d = days_past_due;
        Some(match d {
            _ if d <= 0 && d >= -i64::from(self.preventive_within) => Step::Preventive,
            _ if d <= 0 => return None,
            _ if d <= i64::from(self.email_up_to) => Step::Email,
            _ if d <= i64::from(self.phone_up_to) => Step::Phone,
            _ if d <= i64::from(self.second_reminder_up_to) => Step::SecondReminder,
            _ if d <= i64::from(self.registered_letter_up_to) => Step::RegisteredLetter,
            _ => Step::FormalNotice,
        })
    }
}

/// The weights and scales of the combined score.
///
/// score = amount weight × share of the currency's overdue total
///       + age weight × min(days past due, age scale) / age scale
///       + behaviour weight × min(average days late, lateness scale) / lateness scale.
///
/// Defaults: weights 50, 30 and 20 (a score out of 100), age scale 90 days (the formal-notice
/// threshold), lateness scale 30 days. A client with no settled invoice scores 0 on behaviour:
/// no history is not held against it. Example: 6,000 of 10,000 overdue (0.6 × 50 = 30), 45
/// days past due (45 / 90 × 30 = 15), paid 15 days late on average (15 / 30 × 20 = 10): 55.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoreSettings {
    pub amount_weight: Decimal,
    pub age_weight: Decimal,
    pub behaviour_weight: Decimal,
    /// Days past due at which the age part is full.
    pub age_scale_days: u32,
    /// Average days late at which the behaviour part is full.
    pub lateness_scale_days: u32,
}

impl Default for ScoreSettings {
    fn default() -> Self {
        ScoreSettings {
            amount_weight: Decimal::from(50),
            age_weight: Decimal::from(30),
            behaviour_weight: Decimal::from(20),
            age_scale_days: 90,
            lateness_scale_days: 30,
        }
    }
}

/// Everything the user can set about priorities.
///
/// Client names in `key_accounts`, `owner_calls_done` and `notes` are matched with case,
/// accents and repeated spaces ignored ([`fold_name`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PrioritySettings {
    pub strategy: Strategy,
    pub ladder: Ladder,
    pub score: ScoreSettings,
    /// Items with a positive outstanding below this are left out and counted; credit notes are
    /// always kept, as they lower the balance. Zero (the default) leaves nothing out.
    pub minimum_amount: Decimal,
    /// Key accounts: see [`key_account_step`].
    pub key_accounts: BTreeSet<String>,
    /// Key accounts whose owner has made the call: their letters go ahead.
    pub owner_calls_done: BTreeSet<String>,
    /// A note per client, shown on its entry.
    pub notes: BTreeMap<String, String>,
}

impl Default for PrioritySettings {
    fn default() -> Self {
        PrioritySettings {
            strategy: Strategy::default(),
            ladder: Ladder::default(),
            score: ScoreSettings::default(),
            minimum_amount: Decimal::ZERO,
            key_accounts: BTreeSet::new(),
            owner_calls_done: BTreeSet::new(),
            notes: BTreeMap::new(),
        }
    }
}

/// The step a key account gets: every written step from the second reminder up (second
/// reminder, registered letter, formal notice) becomes a call by the account owner until the
/// user marks that call done; e-mail, phone and preventive steps are unchanged.
///
/// Example: a key account 75 days past due is at `RegisteredLetter` on the ladder and gets
/// `OwnerCall`; once the call is marked done it gets `RegisteredLetter`.
pub fn key_account_step(ladder_step: Step, owner_call_done: bool) -> Step {
    if ladder_step >= Step::SecondReminder && !owner_call_done {
        Step::OwnerCall
    } else {
        ladder_step
    }
}

/// Why an entry scores what it does: the three components and their weighted parts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreExplanation {
    /// The entry's share of its currency's overdue total, 0 to 1.
    pub amount_share: Decimal,
    pub days_past_due: i64,
    /// min(days, scale) / scale, 0 to 1.
    pub age_factor: Decimal,
    /// `None` without a settled invoice.
    pub average_days_late: Option<Decimal>,
    /// min(average days late, scale) / scale, 0 to 1; 0 without history.
    pub behaviour_factor: Decimal,
    pub amount_part: Decimal,
    pub age_part: Decimal,
    pub behaviour_part: Decimal,
    pub score: Decimal,
    /// The settings the score was computed with, for the text.
    pub settings: ScoreSettings,
}

impl ScoreExplanation {
    /// Computes the score of an entry; the example of [`ScoreSettings`] gives 30 + 15 + 10.
    pub fn compute(
        overdue: Decimal,
        currency_total: Decimal,
        days_past_due: i64,
        average_days_late: Option<Decimal>,
        settings: &ScoreSettings,
    ) -> ScoreExplanation {
        // Each component is a ratio clamped to 0..1; a zero scale counts as full.
        let ratio = |value: Decimal, scale: Decimal| -> Decimal {
            if scale <= Decimal::ZERO {
                return if value > Decimal::ZERO { Decimal::ONE } else { Decimal::ZERO };
            }
            value.min(scale).max(Decimal::ZERO).checked_div(scale).unwrap_or_default()
        };
        let amount_share = ratio(overdue, currency_total);
        let age_factor =
            ratio(Decimal::from(days_past_due), Decimal::from(settings.age_scale_days));
        let behaviour_factor = average_days_late
            .map(|avg| ratio(avg, Decimal::from(settings.lateness_scale_days)))
            .unwrap_or_default();

        // Weighted parts; a weight so large it overflows counts as zero (the UI bounds them).
        let part = |w: Decimal, f: Decimal| w.checked_mul(f).unwrap_or_default();
        let amount_part = part(settings.amount_weight, amount_share);
        let age_part = part(settings.age_weight, age_factor);
        let behaviour_part = part(settings.behaviour_weight, behaviour_factor);
        let score = amount_part
            .checked_add(age_part)
            .and_then(|s| s.checked_add(behaviour_part))
            .unwrap_or_default();
        ScoreExplanation {
            amount_share,
            days_past_due,
            age_factor,
            average_days_late,
            behaviour_factor,
            amount_part,
            age_part,
            behaviour_part,
            score,
            settings: settings.clone(),
        }
    }

    /// One line for the user, figures to one decimal:
    /// `score 55,0 sur 100 : montant 30,0 (60,0 % de l'encours échu × 50) + ...`.
    pub fn explain(&self, lang: Lang) -> String {
        // The formatters, and the sum of the weights: the highest score possible.
        let s = &self.settings;
        let n = |d: Decimal| one_decimal(d, lang);
        let pct = |d: Decimal| one_decimal(d.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(d), lang);
        let total = s
            .amount_weight
            .checked_add(s.age_weight)
            .and_then(|t| t.checked_add(s.behaviour_weight))
            .unwrap_or_default();

        // Each figure once, named, so both languages say the same thing.
        let (score, total) = (n(self.score), n(total));
        let (amount, share, amount_weight) =
            (n(self.amount_part), pct(self.amount_share), n(s.amount_weight));
        let (age, days, age_cap) = (n(self.age_part), self.days_past_due, s.age_scale_days);
        let (age_factor, age_weight) = (pct(self.age_factor), n(s.age_weight));
        let (behaviour_part, late_cap) = (n(self.behaviour_part), s.lateness_scale_days);
        let (late_factor, late_weight) = (pct(self.behaviour_factor), n(s.behaviour_weight));
        let average = self.average_days_late.map(n);

        // The sentence in the user's language.
        match lang {
            Lang::Fr => {
                let behaviour = match average {
                    Some(avg) => format!(
                        "retard moyen de paiement {avg} j, plafonné à {late_cap} j : \
                         {late_factor} % × {late_weight}"
                    ),
                    None => "aucun historique de paiement".to_owned(),
                };
                format!(
                    "score {score} sur {total} : montant {amount} ({share} % de l'encours échu × \
                     {amount_weight}) + ancienneté {age} ({days} j de retard, plafonné à \
                     {age_cap} j : {age_factor} % × {age_weight}) + comportement \
                     {behaviour_part} ({behaviour})"
                )
            }
            Lang::En => {
                let behaviour = match average {
                    Some(avg) => format!(
                        "paid {avg} days late on average, capped at {late_cap}: \
                         {late_factor}% × {late_weight}"
                    ),
                    None => "no payment history".to_owned(),
                };
                format!(
                    "score {score} out of {total}: amount {amount} ({share}% of the overdue \
                     total × {amount_weight}) + age {age} ({days} days past due, capped at \
                     {age_cap}: {age_factor}% × {age_weight}) + behaviour {behaviour_part} \
                     ({behaviour})"
                )
            }
        }
    }
}

/// A figure to one decimal, half away from zero, with the language's decimal mark.
fn one_decimal(value: Decimal, lang: Lang) -> String {
    let text =
        format!("{:.1}", value.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero));
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

/// One client to chase, at the level of its oldest overdue item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientAction {
    pub client: ClientId,
    pub currency: Currency,
    /// Net outstanding of the overdue items, credit notes included; 0 or less on a
    /// preventive-only entry.
    pub overdue: Decimal,
    /// Of the oldest overdue invoice (positive items only: an old credit note does not push a
    /// client up the ladder); on a preventive entry, of the item due soonest (0 or less).
    pub max_days_past_due: i64,
    /// What to do now: the ladder step, changed for key accounts by [`key_account_step`].
    pub step: Step,
    /// Indexes into `AgingReport::items` of the overdue items, oldest first.
    pub items: Vec<usize>,
    /// The step the days past due alone give.
    pub ladder_step: Step,
    /// Indexes into `AgingReport::items` of the items due within the preventive window,
    /// soonest first.
    pub upcoming: Vec<usize>,
    pub upcoming_amount: Decimal,
    pub key_account: bool,
    /// Distinct account owners of the listed items, sorted.
    pub owners: Vec<String>,
    /// Distinct e-mail addresses of the listed items, sorted.
    pub emails: Vec<String>,
    /// The user's note on this client.
    pub note: Option<String>,
    pub score: ScoreExplanation,
}

/// Items left out of the list, counted: under the minimum amount, or disputed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    pub items: usize,
    pub amounts: BTreeMap<Currency, Decimal>,
}

/// The whole priority list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityList {
    /// Clients with a positive net overdue amount, in the strategy's order.
    pub actions: Vec<ClientAction>,
    /// Clients with nothing overdue but items due within the preventive window, soonest
    /// first, then largest amount.
    pub preventive: Vec<ClientAction>,
    pub below_minimum: LeftOut,
    /// Disputed items are not chased: no reminder claims them until the dispute is settled.
    /// They stay in the aged balance (unless the aging leaves them out) and are counted here.
    pub disputed: LeftOut,
    /// Entries whose sums overflowed a decimal (left out of the lists).
    pub overflowed: Vec<(ClientId, Currency)>,
}

/// Ranks the clients of `report` that have something overdue or nearly due: the entries of
/// [`plan`] with an overdue amount, in the strategy's order, then the preventive-only ones
/// (`step == Step::Preventive`).
pub fn prioritize(
    ledger: &Ledger,
    report: &AgingReport,
    settings: &PrioritySettings,
) -> Vec<ClientAction> {
    let list = plan(ledger, report, settings);
    let mut all = list.actions;
    all.extend(list.preventive);
    all
}

/// [`plan_with`], the payment behaviour computed from the due dates written in the ledger
/// ([`behaviour::stated_due_date`]) and payments up to the report's as-of date. The currency
/// of items that name none is taken from the report (the currency aging gave such an item),
/// EUR when no open item tells.
pub fn plan(ledger: &Ledger, report: &AgingReport, settings: &PrioritySettings) -> PriorityList {
    let default_currency = report
        .items
        .iter()
        .find(|item| ledger.invoices.get(item.index).is_some_and(|i| i.currency.is_none()))
        .map_or(Currency::EUR, |item| item.currency);
    let behaviour = match report.as_of {
        Some(as_of) => behaviour::payment_behaviour(
            ledger,
            as_of,
            default_currency,
            behaviour::stated_due_date,
        ),
        None => BehaviourReport::default(),
    };
    plan_with(ledger, report, settings, &behaviour)
}

/// Accumulates one (client, currency) entry.
struct Group<'a> {
    client: ClientId,
    currency: Currency,
    overdue: Decimal,
    max_days: Option<i64>,
    /// Indexes into the report's items, oldest first.
    items: Vec<usize>,
    upcoming: Vec<usize>,
    upcoming_amount: Decimal,
    overflow: bool,
    /// The same client's group in another currency.
    next: Option<usize>,
    item_count: usize,
    upcoming_count: usize,
    /// Distinct owners and e-mail addresses of the listed items, in order of appearance.
    owners: Vec<&'a str>,
    emails: Vec<&'a str>,
}

/// The listed items (`slots[i]` is the group of item `i`, `u32::MAX` when not listed), oldest
/// first and in file order among equal days, each packed as group << 32 | item index.
fn oldest_first(
    report: &AgingReport,
    slots: &[u32],
    listed: usize,
    oldest: i64,
    newest: i64,
) -> Vec<u64> {
    let pack = |slot: u32, i: usize| (u64::from(slot) << 32) | (i as u64 & 0xFFFF_FFFF);
    let listed_items =
        || slots.iter().zip(&report.items).enumerate().filter(|(_, (s, _))| **s != u32::MAX);
    let span = oldest.checked_sub(newest).and_then(|d| usize::try_from(d).ok());

    // A counting sort when the days span a million or fewer values (about 2,700 years).
    if let Some(span) = span.filter(|s| *s < 1 << 20) {
        let mut starts = vec![0usize; span + 2];
        for (_, (_, item)) in listed_items() {
            starts[(oldest - item.days_past_due) as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let mut order = vec![0u64; listed];
        for (i, (&slot, item)) in listed_items() {
            let at = &mut starts[(oldest - item.days_past_due) as usize];
            order[*at] = pack(slot, i);
            *at += 1;
        }
        return order;
    }

    // Otherwise a stable sort on the days.
    let mut keyed: Vec<(i64, u64)> =
        listed_items().map(|(i, (&slot, item))| (item.days_past_due, pack(slot, i))).collect();
    keyed.sort_by_key(|(days, _)| Reverse(*days));
    keyed.into_iter().map(|(_, packed)| packed).collect()
}

/// The index in `groups` of the (client, currency) group, added when new.
fn group_of(
    first: &mut Vec<Option<usize>>,
    groups: &mut Vec<Group<'_>>,
    client: ClientId,
    currency: Currency,
) -> usize {
    // Walk the client's chain.
    let slot = client.0 as usize;
    if slot >= first.len() {
        first.resize(slot + 1, None);
    }
    let mut at = first[slot];
    let mut last = None;
    while let Some(g) = at {
        if groups[g].currency == currency {
            return g;
        }
        last = Some(g);
        at = groups[g].next;
    }

    // Not found: add it at the end of the chain.
    groups.push(Group {
        client,
        currency,
        overdue: Decimal::ZERO,
        max_days: None,
        items: Vec::new(),
        upcoming: Vec::new(),
        upcoming_amount: Decimal::ZERO,
        overflow: false,
        next: None,
        item_count: 0,
        upcoming_count: 0,
        owners: Vec::new(),
        emails: Vec::new(),
    });
    let new = groups.len() - 1;
    match last {
        Some(g) => groups[g].next = Some(new),
        None => first[slot] = Some(new),
    }
    new
}

/// Builds the priority list of `report`, the clients' payment behaviour given.
///
/// Items are grouped by (client, currency). An item past due goes in `items`; one not yet due
/// but within `ladder.preventive_within` days in `upcoming`; others are not listed. An entry
/// whose net overdue amount is positive is ranked in `actions` at the ladder step of its oldest
/// positive overdue item; an entry with nothing overdue but items due soon is in `preventive`.
pub fn plan_with(
    ledger: &Ledger,
    report: &AgingReport,
    settings: &PrioritySettings,
    behaviour: &BehaviourReport,
) -> PriorityList {
    let mut list = PriorityList::default();
    let preventive_from = -i64::from(settings.ladder.preventive_within);

    // Sum the items per group, leaving out those under the minimum. The map from
    // (client, currency) to its group is a vector indexed by client id holding the client's
    // first group, the others chained through `Group::next`: client ids are dense, and a
    // client has one or two currencies, so this beats hashing a million keys.
    let mut first: Vec<Option<usize>> = vec![None; ledger.clients.len()];
    let mut groups: Vec<Group> = Vec::new();
    let has_minimum = settings.minimum_amount > Decimal::ZERO;
    // FIXME: indexes are kept in 32 bits; a report of over 4,294,967,295 items (more than a
    // wasm32 memory holds) would list wrong items.
    let mut slots: Vec<u32> = vec![u32::MAX; report.items.len()];
    let (mut oldest, mut newest, mut listed, mut overdue_count) = (i64::MIN, i64::MAX, 0, 0);
    for (i, item) in report.items.iter().enumerate() {
        let positive = item.outstanding.is_sign_positive() && !item.outstanding.is_zero();
        if ledger.invoices.get(item.index).is_some_and(|invoice| invoice.disputed) {
            list.disputed.items += 1;
            let sum = list.disputed.amounts.entry(item.currency).or_default();
            *sum = sum.checked_add(item.outstanding).unwrap_or(*sum);
            continue;
        }
        if has_minimum && positive && item.outstanding < settings.minimum_amount {
            list.below_minimum.items += 1;
            let sum = list.below_minimum.amounts.entry(item.currency).or_default();
            *sum = sum.checked_add(item.outstanding).unwrap_or(*sum);
            continue;
        }
        let days = item.days_past_due;
        if days <= 0 && !(positive && days >= preventive_from) {
            continue;
        }
        let g = group_of(&mut first, &mut groups, item.client, item.currency);
        slots[i] = g as u32;
        (oldest, newest, listed) = (oldest.max(days), newest.min(days), listed + 1);
        let group = &mut groups[g];
        if let Some(invoice) = ledger.invoices.get(item.index) {
            add_distinct(&mut group.owners, invoice.owner.as_deref());
            add_distinct(&mut group.emails, invoice.email.as_deref());
        }
        if days > 0 {
            overdue_count += 1;
            group.item_count += 1;
            match group.overdue.checked_add(item.outstanding) {
                Some(sum) => group.overdue = sum,
                None => group.overflow = true,
            }
            if positive {
                group.max_days = Some(group.max_days.map_or(days, |m| m.max(days)));
            }
        } else {
            group.upcoming_count += 1;
            match group.upcoming_amount.checked_add(item.outstanding) {
                Some(sum) => group.upcoming_amount = sum,
                None => group.overflow = true,
            }
        }
    }

    // Put the listed items oldest first, then in file order, by a counting sort on the days
    // (a stable sort when the days span too wide a range); overdue items come first.
    let order = oldest_first(report, &slots, listed, oldest, newest);

    // Deal them out to their groups, in vectors sized by the first pass (no regrowth).
    for group in &mut groups {
        group.items = Vec::with_capacity(group.item_count);
        group.upcoming = Vec::with_capacity(group.upcoming_count);
    }
    for (n, &packed) in order.iter().enumerate() {
        let (g, i) = ((packed >> 32) as usize, (packed & 0xFFFF_FFFF) as usize);
        if let Some(group) = groups.get_mut(g) {
            if n < overdue_count {
                group.items.push(i)
            } else {
                group.upcoming.push(i)
            }
        }
    }

    // Total overdue per currency, the base of each entry's share.
    let mut totals: BTreeMap<Currency, Decimal> = BTreeMap::new();
    for group in &groups {
        if !group.overflow && group.overdue > Decimal::ZERO && group.max_days.is_some() {
            let total = totals.entry(group.currency).or_default();
            *total = total.checked_add(group.overdue).unwrap_or(Decimal::MAX);
        }
    }

    // Settings keyed by folded name once.
    let key_accounts: BTreeSet<String> =
        settings.key_accounts.iter().map(|n| fold_name(n)).collect();
    let calls_done: BTreeSet<String> =
        settings.owner_calls_done.iter().map(|n| fold_name(n)).collect();
    let notes: BTreeMap<String, &String> =
        settings.notes.iter().map(|(name, note)| (fold_name(name), note)).collect();
    let by_name = !key_accounts.is_empty() || !notes.is_empty();

    // Turn each group into an entry.
    let mut keyed: Vec<(String, ClientAction)> = Vec::new();
    let mut preventive: Vec<ClientAction> = Vec::new();
    for mut group in groups {
        if group.overflow {
            list.overflowed.push((group.client, group.currency));
            continue;
        }
        let overdue_entry = group.overdue > Decimal::ZERO && group.max_days.is_some();
        if !overdue_entry && group.upcoming.is_empty() {
            continue;
        }
        let (items, upcoming) = (group.items, group.upcoming);
        let name = fold_name(ledger.client_name(group.client));
        let (ladder_step, max_days) = match group.max_days {
            Some(days) if overdue_entry => {
                (settings.ladder.step_for(days).unwrap_or(Step::Email), days)
            }
            // Not overdue, so `upcoming` is not empty (checked above): it holds the soonest.
            _ => (Step::Preventive, report.items[upcoming[0]].days_past_due),
        };
        let key_account = by_name && key_accounts.contains(&name);
        let step = if key_account {
            key_account_step(ladder_step, calls_done.contains(&name))
        } else {
            ladder_step
        };
        group.owners.sort_unstable();
        group.emails.sort_unstable();
        let owners = group.owners.iter().map(|s| (*s).to_owned()).collect();
        let emails = group.emails.iter().map(|s| (*s).to_owned()).collect();
        let score = ScoreExplanation::compute(
            group.overdue,
            totals.get(&group.currency).copied().unwrap_or_default(),
            max_days.max(0),
            behaviour.average_days_late(group.client, group.currency),
            &settings.score,
        );
        let action = ClientAction {
            client: group.client,
            currency: group.currency,
            overdue: group.overdue,
            max_days_past_due: max_days,
            step,
            items,
            ladder_step,
            upcoming,
            upcoming_amount: group.upcoming_amount,
            key_account,
            owners,
            emails,
            note: if by_name { notes.get(&name).map(|n| (*n).clone()) } else { None },
            score,
        };
        if overdue_entry {
            keyed.push((name, action));
        } else {
            preventive.push(action);
        }
    }

    // Order the entries, through their positions so that the large entries move once.
    let mut ranks: Vec<usize> = (0..keyed.len()).collect();
    ranks.sort_by(|&x, &y| {
        let ((nx, a), (ny, b)) = (&keyed[x], &keyed[y]);
        compare(settings.strategy, a, b).then_with(|| tie(nx, a, ny, b))
    });
    let mut entries: Vec<Option<ClientAction>> =
        keyed.into_iter().map(|(_, action)| Some(action)).collect();
    list.actions = ranks.iter().filter_map(|&r| entries[r].take()).collect();
    preventive
        .sort_by_key(|a| (Reverse(a.max_days_past_due), Reverse(a.upcoming_amount), a.client));
    list.preventive = preventive;
    list
}

/// The strategy's order between two entries.
fn compare(strategy: Strategy, a: &ClientAction, b: &ClientAction) -> Ordering {
    let amount = || b.overdue.cmp(&a.overdue);
    let age = || b.max_days_past_due.cmp(&a.max_days_past_due);
    match strategy {
        Strategy::Amount => amount().then_with(age),
        Strategy::Age => age().then_with(amount),
        Strategy::Client => Ordering::Equal,
        Strategy::Score => b.score.score.cmp(&a.score.score).then_with(amount).then_with(age),
    }
}

/// The last resort of every order: folded name, exact name, currency.
fn tie(na: &str, a: &ClientAction, nb: &str, b: &ClientAction) -> Ordering {
    na.cmp(nb).then(a.client.cmp(&b.client)).then(a.currency.cmp(&b.currency))
}

/// Adds a trimmed, non-empty `value` to `list` unless it is there already.
fn add_distinct<'a>(list: &mut Vec<&'a str>, value: Option<&'a str>) {
    if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
        if !list.contains(&v) {
            list.push(v);
        }
    }
}

/// A client name folded for matching and sorting: lowercase, accents of Latin letters removed,
/// spaces trimmed and folded, so that "Ébénisterie  Noël" matches "ebenisterie noel".
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for lower in c.to_lowercase() {
            match crate::text::fold_letter(lower) {
                (a, Some(b)) => {
                    out.push(a);
                    out.push(b);
                }
                (a, None) => out.push(a),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aging::AgedItem;
    use crate::behaviour::PaymentBehaviour;
    use crate::ledger::{Invoice, ItemKind};
    use chrono::NaiveDate;

    fn dec(text: &str) -> Decimal {
        // Test literals are well-formed by construction.
        Decimal::from_str_exact(text).expect("test literal")
    }

    const AS_OF: (i32, u32, u32) = (2025, 3, 31);

    /// (client, currency, outstanding, days past due, owner)
    type Row = (&'static str, Currency, &'static str, i64, Option<&'static str>);

    /// A ledger and its report at 2025-03-31, one item per row, credit notes where negative.
    fn fixture(rows: &[Row]) -> (Ledger, AgingReport) {
        let as_of = NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).expect("a date");
        let mut ledger = Ledger::default();
        let mut report = AgingReport { as_of: Some(as_of), ..AgingReport::default() };
        for (i, (client, currency, outstanding, days, owner)) in rows.iter().enumerate() {
            let client = ledger.intern_client(client);
            let amount = dec(outstanding);
            let due_date = as_of - chrono::Duration::days(*days);
            ledger.invoices.push(Invoice {
                line: i as u32 + 2,
                number: format!("F-{}", i + 1),
                client,
                currency: Some(*currency),
                kind: if amount < Decimal::ZERO { ItemKind::CreditNote } else { ItemKind::Invoice },
                amount,
                due_date: Some(due_date),
                owner: owner.map(str::to_owned),
                ..Invoice::default()
            });
            report.items.push(AgedItem {
                index: i,
                client,
                currency: *currency,
                paid: Decimal::ZERO,
                outstanding: amount,
                due_date,
                days_past_due: *days,
                bucket: 0,
            });
        }
        (ledger, report)
    }

    /// Each entry as (client name, currency, overdue, max days, step, item count).
    fn summary(
        ledger: &Ledger,
        actions: &[ClientAction],
    ) -> Vec<(String, Currency, Decimal, i64, Step, usize)> {
        actions
            .iter()
            .map(|a| {
                let name = ledger.client_name(a.client).to_owned();
                (name, a.currency, a.overdue, a.max_days_past_due, a.step, a.items.len())
            })
            .collect()
    }

    const EUR: Currency = Currency::EUR;
    const USD: Currency = Currency::USD;

    #[test]
    fn ladder_steps() {
        fn check(days: i64, expected: Option<Step>) {
            assert_eq!(Ladder::default().step_for(days), expected, "{days} days");
        }
        check(-11, None);
        check(-10, Some(Step::Preventive));
        check(0, Some(Step::Preventive));
        check(1, Some(Step::Email));
        check(15, Some(Step::Email));
        check(16, Some(Step::Phone));
        check(30, Some(Step::Phone));
        check(31, Some(Step::SecondReminder));
        check(60, Some(Step::SecondReminder));
        check(61, Some(Step::RegisteredLetter));
        check(90, Some(Step::RegisteredLetter));
        check(91, Some(Step::FormalNotice));
        check(4000, Some(Step::FormalNotice));
    }

    #[test]
    fn edited_ladder() {
        let ladder = Ladder { preventive_within: 0, email_up_to: 7, ..Ladder::default() };
        assert_eq!(ladder.step_for(-1), None);
        assert_eq!(ladder.step_for(0), Some(Step::Preventive));
        assert_eq!(ladder.step_for(8), Some(Step::Phone));
    }

    #[test]
    fn key_account_steps() {
        fn check(ladder: Step, done: bool, expected: Step) {
            assert_eq!(key_account_step(ladder, done), expected, "{ladder:?} done={done}");
        }
        check(Step::Preventive, false, Step::Preventive);
        check(Step::Email, false, Step::Email);
        check(Step::Phone, false, Step::Phone);
        check(Step::SecondReminder, false, Step::OwnerCall);
        check(Step::RegisteredLetter, false, Step::OwnerCall);
        check(Step::FormalNotice, false, Step::OwnerCall);
        check(Step::FormalNotice, true, Step::FormalNotice);
        check(Step::SecondReminder, true, Step::SecondReminder);
    }

    #[test]
    fn score_by_hand() {
        fn check(overdue: &str, total: &str, days: i64, late: Option<&str>, parts: [&str; 4]) {
            let got = ScoreExplanation::compute(
                dec(overdue),
                dec(total),
                days,
                late.map(dec),
                &ScoreSettings::default(),
            );
            let expected = parts.map(dec);
            assert_eq!(
                [got.amount_part, got.age_part, got.behaviour_part, got.score],
                expected,
                "{overdue}/{total}, {days} days, {late:?} late"
            );
        }
        // 0.6 × 50 = 30; 45 / 90 × 30 = 15; 15 / 30 × 20 = 10.
        check("6000", "10000", 45, Some("15"), ["30", "15", "10", "55"]);
        // Capped: 120 days counts as 90, 40 days late as 30: 50 + 30 + 20.
        check("500", "500", 120, Some("40"), ["50", "30", "20", "100"]);
        // No payment history: 0 on behaviour. 0.25 × 50 = 12.5; 9 / 90 × 30 = 3.
        check("250", "1000", 9, None, ["12.5", "3", "0", "15.5"]);
    }

    #[test]
    fn explanation_texts() {
        let e = ScoreExplanation::compute(
            dec("6000"),
            dec("10000"),
            45,
            Some(dec("15")),
            &ScoreSettings::default(),
        );
        assert_eq!(
            e.explain(Lang::Fr),
            "score 55,0 sur 100,0 : montant 30,0 (60,0 % de l'encours échu × 50,0) + ancienneté \
             15,0 (45 j de retard, plafonné à 90 j : 50,0 % × 30,0) + comportement 10,0 (retard \
             moyen de paiement 15,0 j, plafonné à 30 j : 50,0 % × 20,0)"
        );
        assert_eq!(
            e.explain(Lang::En),
            "score 55.0 out of 100.0: amount 30.0 (60.0% of the overdue total × 50.0) + age 15.0 \
             (45 days past due, capped at 90: 50.0% × 30.0) + behaviour 10.0 (paid 15.0 days \
             late on average, capped at 30: 50.0% × 20.0)"
        );
    }

    #[test]
    fn one_entry_per_client_and_currency() {
        // Acme: 1000 at 40 days, a credit note of 300 at 45 days, 200 due in 5 days.
        // Acme USD apart. Bolt: only an item due in 3 days (preventive). Cyan: 50 days,
        // cancelled by a larger credit note (not listed). Delta: due in 11 days (not listed).
        let (ledger, report) = fixture(&[
            ("Acme", EUR, "1000.00", 40, Some("Léa")),
            ("Acme", EUR, "-300.00", 45, None),
            ("Acme", EUR, "200.00", -5, Some("Marc")),
            ("Acme", USD, "80.00", 100, None),
            ("Bolt", EUR, "500.00", -3, None),
            ("Cyan", EUR, "100.00", 50, None),
            ("Cyan", EUR, "-150.00", 55, None),
            ("Delta", EUR, "900.00", -11, None),
        ]);
        let list = plan(&ledger, &report, &PrioritySettings::default());
        assert_eq!(
            summary(&ledger, &list.actions),
            vec![
                ("Acme".into(), EUR, dec("700.00"), 40, Step::SecondReminder, 2),
                ("Acme".into(), USD, dec("80.00"), 100, Step::FormalNotice, 1),
            ]
        );
        let acme = &list.actions[0];
        assert_eq!(acme.items, vec![1, 0]);
        assert_eq!(acme.upcoming, vec![2]);
        assert_eq!(acme.upcoming_amount, dec("200.00"));
        assert_eq!(acme.owners, vec!["Léa".to_owned(), "Marc".to_owned()]);
        assert_eq!(
            summary(&ledger, &list.preventive),
            vec![("Bolt".into(), EUR, dec("0"), -3, Step::Preventive, 0)]
        );
        // The two currencies' shares are each 100 %.
        assert_eq!(list.actions[1].score.amount_share, Decimal::ONE);
        // prioritize lists the preventive entries last.
        let all = prioritize(&ledger, &report, &PrioritySettings::default());
        assert_eq!(all.len(), 3);
        assert_eq!(all[2].step, Step::Preventive);
    }

    #[test]
    fn strategies_order() {
        let rows: &[Row] = &[
            ("Zèbre", EUR, "500.00", 100, None),
            ("éclair", EUR, "900.00", 20, None),
            ("Alpha", EUR, "900.00", 35, None),
            ("Bravo", EUR, "100.00", 100, None),
        ];
        let (ledger, report) = fixture(rows);
        let check = |strategy: Strategy, expected: [&str; 4]| {
            let settings = PrioritySettings { strategy, ..PrioritySettings::default() };
            let names: Vec<String> = prioritize(&ledger, &report, &settings)
                .iter()
                .map(|a| ledger.client_name(a.client).to_owned())
                .collect();
            assert_eq!(names, expected, "{strategy:?}");
        };
        // Amount: 900 (35 days before 20 days), then 500, 100.
        check(Strategy::Amount, ["Alpha", "éclair", "Zèbre", "Bravo"]);
        // Age: 100 days (500 before 100), then 35, 20.
        check(Strategy::Age, ["Zèbre", "Bravo", "Alpha", "éclair"]);
        // Client: accents and case ignored, so "éclair" sorts as "eclair".
        check(Strategy::Client, ["Alpha", "Bravo", "éclair", "Zèbre"]);
        // Score (total 2400; no history):
        //   Zèbre 500/2400 × 50 = 10.42 + 30 = 40.42; Alpha 18.75 + 35/90 × 30 = 30.42;
        //   éclair 18.75 + 6.67 = 25.42; Bravo 2.08 + 30 = 32.08.
        check(Strategy::Score, ["Zèbre", "Bravo", "Alpha", "éclair"]);
    }

    #[test]
    fn behaviour_moves_the_score() {
        // Equal amounts and ages; Bolt paid 30 days late on average, Acme on time.
        let (ledger, report) =
            fixture(&[("Acme", EUR, "100.00", 10, None), ("Bolt", EUR, "100.00", 10, None)]);
        let mut behaviour = BehaviourReport::default();
        let late = |days: i64| PaymentBehaviour {
            settled_invoices: 1,
            settled_amount: dec("10"),
            weighted_days_late: Decimal::from(days * 10),
            average_days_late: Some(Decimal::from(days)),
            max_days_late: days,
        };
        behaviour.clients.insert((ClientId(0), EUR), late(0));
        behaviour.clients.insert((ClientId(1), EUR), late(30));
        let settings =
            PrioritySettings { strategy: Strategy::Score, ..PrioritySettings::default() };
        let list = plan_with(&ledger, &report, &settings, &behaviour);
        // Bolt: 25 + 10/90 × 30 + 20 = 48.33...; Acme: 25 + 3.33... + 0.
        assert_eq!(ledger.client_name(list.actions[0].client), "Bolt");
        assert_eq!(list.actions[0].score.behaviour_part, dec("20"));
        assert_eq!(list.actions[1].score.behaviour_part, dec("0"));
    }

    #[test]
    fn minimum_amount_leaves_items_out_and_counts_them() {
        // 20.00 and 49.99 are under 50; the credit note and 50.00 stay.
        let (ledger, report) = fixture(&[
            ("Acme", EUR, "20.00", 10, None),
            ("Acme", EUR, "50.00", 5, None),
            ("Acme", EUR, "-10.00", 5, None),
            ("Bolt", USD, "49.99", 95, None),
        ]);
        let settings =
            PrioritySettings { minimum_amount: dec("50"), ..PrioritySettings::default() };
        let list = plan(&ledger, &report, &settings);
        assert_eq!(
            summary(&ledger, &list.actions),
            vec![("Acme".into(), EUR, dec("40.00"), 5, Step::Email, 2)]
        );
        assert_eq!(list.below_minimum.items, 2);
        assert_eq!(list.below_minimum.amounts.get(&EUR), Some(&dec("20.00")));
        assert_eq!(list.below_minimum.amounts.get(&USD), Some(&dec("49.99")));
    }

    #[test]
    fn disputed_items_are_left_out_and_counted() {
        // Acme's 300.00 is disputed: only its 100.00 is chased, at the email step (5 days).
        let (mut ledger, report) =
            fixture(&[("Acme", EUR, "100.00", 5, None), ("Acme", EUR, "300.00", 75, None)]);
        ledger.invoices[1].disputed = true;
        let list = plan(&ledger, &report, &PrioritySettings::default());
        assert_eq!(
            summary(&ledger, &list.actions),
            vec![("Acme".into(), EUR, dec("100.00"), 5, Step::Email, 1)]
        );
        assert_eq!(list.disputed.items, 1);
        assert_eq!(list.disputed.amounts.get(&EUR), Some(&dec("300.00")));
    }

    #[test]
    fn key_accounts_and_notes_by_folded_name() {
        let (ledger, report) = fixture(&[
            ("Ébénisterie Noël", EUR, "100.00", 75, None),
            ("Bolt", EUR, "100.00", 75, None),
        ]);
        let mut settings = PrioritySettings::default();
        settings.key_accounts.insert("ebenisterie noel".into());
        settings.notes.insert("BOLT".into(), "Pays on the 10th".into());
        let list = plan(&ledger, &report, &settings);
        let steps: Vec<(Step, Step, bool)> =
            list.actions.iter().map(|a| (a.ladder_step, a.step, a.key_account)).collect();
        // Ties on amount and age: Bolt before Ébénisterie by folded name.
        assert_eq!(
            steps,
            vec![
                (Step::RegisteredLetter, Step::RegisteredLetter, false),
                (Step::RegisteredLetter, Step::OwnerCall, true),
            ]
        );
        assert_eq!(list.actions[0].note.as_deref(), Some("Pays on the 10th"));
        assert_eq!(list.actions[1].note, None);

        // The owner has called: the letter goes ahead.
        settings.owner_calls_done.insert("Ébénisterie  NOËL".into());
        let list = plan(&ledger, &report, &settings);
        assert_eq!(list.actions[1].step, Step::RegisteredLetter);
    }

    #[test]
    fn folding_names() {
        fn check(name: &str, expected: &str) {
            assert_eq!(fold_name(name), expected, "{name}");
        }
        check("Ébénisterie  Noël", "ebenisterie noel");
        check(" Bœuf & Côte Traiteur ", "boeuf & cote traiteur");
        check("L\u{2019}Hôtel des Quais", "l'hotel des quais");
        check("ACME", "acme");
    }

    #[test]
    fn step_labels() {
        for step in Step::ALL {
            assert!(!step.label(Lang::Fr).is_empty() && !step.label(Lang::En).is_empty());
        }
        assert_eq!(Step::FormalNotice.label(Lang::Fr), "Mise en demeure");
        assert_eq!(Step::FormalNotice.label(Lang::En), "Formal notice");
    }
}
