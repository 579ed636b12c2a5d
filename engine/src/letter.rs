//! Reminder texts: what to send a client at its level on the reminder ladder, in plain text.
//!
//! Every text lists the items it is about (number, date, due date, outstanding, days late),
//! their total, and, when penalties are on, the interest and the recovery indemnity. At the
//! formal-notice level the body is a letter of formal notice ("mise en demeure") that claims
//! the penalties under L441-10 and D441-5, sets a deadline and says what follows.

use crate::aging::{AgedItem, AgingReport};
use crate::lang::Lang;
use crate::ledger::{Currency, ItemKind, Ledger};
use crate::money;
use crate::penalties::{self, PenaltySettings};
use crate::priority::{fold_name, ClientAction, Step};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Fills a runtime template of [`Words`] with its values, in order (see [`fill`]).
macro_rules! fill {
    ($template:expr, $($value:expr),+ $(,)?) => {
        fill($template, &[$(&$value as &dyn std::fmt::Display),+])
    };
}

/// A ready reminder: an e-mail or letter, and a short version for a text message.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub subject: String,
    pub body: String,
    pub short: String,
}

/// What the texts depend on besides the client's items.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LetterSettings {
    pub penalties: PenaltySettings,
    /// Days given to pay in the firmer texts and the formal notice: 8 by default.
    pub deadline_days: u32,
    /// Who signs; "Le service comptabilité" / "Accounts receivable" when `None`.
    pub sender: Option<String>,
}

impl Default for LetterSettings {
    fn default() -> Self {
        LetterSettings { penalties: PenaltySettings::default(), deadline_days: 8, sender: None }
    }
}

/// Writes the reminder for `action` in `lang` with the default [`LetterSettings`] (penalties
/// on at 12.15 %, 8 days to pay, no sender name).
pub fn reminder(
    ledger: &Ledger,
    report: &AgingReport,
    action: &ClientAction,
    lang: Lang,
) -> Reminder {
    reminder_with(ledger, report, action, lang, &LetterSettings::default())
}

/// The penalties on the listed items, summed.
struct Claim {
    /// Interest per listed item, in the order of the list (zero when none).
    per_item: Vec<Decimal>,
    interest: Decimal,
    late_invoices: u32,
    indemnity_eur: Decimal,
}

/// Writes the reminder for `action` in `lang`: the text of its step (`action.step`), listing
/// `action.items` (or `action.upcoming` at the preventive step).
pub fn reminder_with(
    ledger: &Ledger,
    report: &AgingReport,
    action: &ClientAction,
    lang: Lang,
    settings: &LetterSettings,
) -> Reminder {
    let t = Words::of(lang);
    let client = ledger.client_name(action.client);
    let sender = settings.sender.clone().unwrap_or_else(|| t.default_sender.to_owned());
    let as_of = report.as_of;
    let preventive = action.step == Step::Preventive;
    let listed = if preventive { &action.upcoming } else { &action.items };
    let money = |amount: Decimal| format_money(amount, action.currency, lang);

    // Price the penalties of the listed invoices, unless off or the client is exempt.
    let exempt =
        settings.penalties.exempt_clients.iter().any(|n| fold_name(n) == fold_name(client));
    let claim = if preventive || exempt { None } else { claim(ledger, report, listed, settings) };

    // List the items, then the total.
    let with_interest = action.step >= Step::RegisteredLetter;
    let mut list = String::new();
    let mut total = Decimal::ZERO;
    for (n, &i) in listed.iter().enumerate() {
        let Some(item) = report.items.get(i) else { continue };
        total = total.checked_add(item.outstanding).unwrap_or(total);
        let interest = claim.as_ref().and_then(|c| c.per_item.get(n).copied());
        list.push_str(&item_line(ledger, report, item, lang, action.currency, preventive));
        if let Some(interest) = interest.filter(|i| with_interest && !i.is_zero()) {
            list.push_str(&fill!(t.line_interest, money(interest)));
        }
        list.push('\n');
    }
    let total_line = if preventive {
        fill!(t.total_upcoming, money(total))
    } else {
        fill!(t.total_due, money(total))
    };

    // Write the penalties paragraph and the amount claimed.
    let mut penalties_text = String::new();
    let mut claimed = money(total);
    if let Some(c) = claim.as_ref().filter(|c| c.late_invoices > 0) {
        let rate = settings.penalties.annual_rate().unwrap_or_default();
        penalties_text = fill!(
            t.penalties,
            percent(rate, lang),
            percent(settings.penalties.ecb_rate, lang),
            percent(settings.penalties.margin_points, lang).trim_end_matches([' ', '\u{a0}', '%']),
            money(c.interest),
            as_of.map(|d| format_date(d, lang)).unwrap_or_default(),
            format_money(settings.penalties.indemnity_eur, Currency::EUR, lang),
            format_money(c.indemnity_eur, Currency::EUR, lang),
            c.late_invoices,
            if c.late_invoices > 1 { t.plural_invoices } else { t.singular_invoice },
        );
        claimed = match total.checked_add(c.interest) {
            Some(sum) if action.currency == Currency::EUR => {
                money(sum.checked_add(c.indemnity_eur).unwrap_or(sum))
            }
            Some(sum) => fill!(
                t.claimed_other_currency,
                money(sum),
                format_money(c.indemnity_eur, Currency::EUR, lang)
            ),
            None => claimed,
        };
    }

    // Put the text of the step together.
    let date = as_of.map(|d| format_date(d, lang)).unwrap_or_default();
    let owner = action.owners.first().cloned();
    let oldest = action.max_days_past_due;
    let s = &settings;
    let text = StepText {
        t: &t,
        client,
        date: &date,
        list: &list,
        total_line: &total_line,
        penalties: &penalties_text,
        claimed: &claimed,
        deadline: s.deadline_days,
        sender: &sender,
        owner: owner.as_deref(),
    };
    let (subject, body) = text.write(action.step);
    let short = match action.step {
        Step::Preventive => {
            let due = listed
                .first()
                .and_then(|&i| report.items.get(i))
                .map(|item| format_date(item.due_date, lang))
                .unwrap_or_default();
            fill!(t.short_preventive, client, money(total), due, sender)
        }
        Step::FormalNotice => fill!(t.short_formal, client, money(total), s.deadline_days, sender),
        _ => fill!(t.short_overdue, client, money(total), oldest, sender),
    };
    Reminder { subject, body, short }
}

/// Interest per listed item and the sums, `None` when penalties are off.
fn claim(
    ledger: &Ledger,
    report: &AgingReport,
    listed: &[usize],
    settings: &LetterSettings,
) -> Option<Claim> {
    if !settings.penalties.enabled {
        return None;
    }
    let mut claim = Claim {
        per_item: Vec::with_capacity(listed.len()),
        interest: Decimal::ZERO,
        late_invoices: 0,
        indemnity_eur: Decimal::ZERO,
    };
    for &i in listed {
        match penalties::invoice_penalty(ledger, report, i, &settings.penalties) {
            Some(Ok(p)) => {
                claim.per_item.push(p.interest);
                claim.interest = claim.interest.checked_add(p.interest)?;
                claim.indemnity_eur = claim.indemnity_eur.checked_add(p.indemnity_eur)?;
                claim.late_invoices += 1;
            }
            // An overflowing interest is not claimed rather than guessed.
            Some(Err(_)) | None => claim.per_item.push(Decimal::ZERO),
        }
    }
    Some(claim)
}

/// One line of the list: `- Facture F-1 du 01/12/2024, échue le 31/12/2024 : 1 200,00 €,
/// 90 jours de retard`.
fn item_line(
    ledger: &Ledger,
    report: &AgingReport,
    item: &AgedItem,
    lang: Lang,
    currency: Currency,
    preventive: bool,
) -> String {
    let t = Words::of(lang);
    let Some(invoice) = ledger.invoices.get(item.index) else { return String::new() };
    let kind = match invoice.kind {
        ItemKind::Invoice => t.invoice,
        ItemKind::CreditNote => t.credit_note,
        ItemKind::UnappliedPayment => t.unapplied_payment,
    };
    let mut line = format!("- {kind} {}", invoice.number);
    if let Some(issued) = invoice.issue_date {
        line.push_str(&fill!(t.dated, format_date(issued, lang)));
    }
    let amount = format_money(item.outstanding, currency, lang);
    if invoice.kind != ItemKind::Invoice {
        line.push_str(&fill!(t.credit_amount, amount));
        return line;
    }
    let due = format_date(item.due_date, lang);
    if preventive {
        line.push_str(&fill!(t.falls_due, due, amount));
    } else {
        let days = penalties::days_late(report, item);
        line.push_str(&fill!(t.was_due, due, amount, days, if days > 1 { t.days } else { t.day }));
    }
    line
}

/// The words of one language. Templates take their values in order, through [`format`].
struct Words {
    default_sender: &'static str,
    invoice: &'static str,
    credit_note: &'static str,
    unapplied_payment: &'static str,
    dated: &'static str,
    credit_amount: &'static str,
    falls_due: &'static str,
    was_due: &'static str,
    day: &'static str,
    days: &'static str,
    line_interest: &'static str,
    total_due: &'static str,
    total_upcoming: &'static str,
    penalties: &'static str,
    singular_invoice: &'static str,
    plural_invoices: &'static str,
    claimed_other_currency: &'static str,
    short_preventive: &'static str,
    short_overdue: &'static str,
    short_formal: &'static str,
    lang: Lang,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::Fr => Words {
                default_sender: "Le service comptabilité",
                invoice: "Facture",
                credit_note: "Avoir",
                unapplied_payment: "Règlement non affecté",
                dated: " du {}",
                credit_amount: " : {} en votre faveur",
                falls_due: ", à échéance le {} : {}",
                was_due: ", échue le {} : reste dû {}, {} {} de retard",
                day: "jour",
                days: "jours",
                line_interest: ", pénalités {}",
                total_due: "Solde échu : {}",
                total_upcoming: "Total à échoir : {}",
                penalties:
                    "En application de l'article L441-10 du Code de commerce, des pénalités \
                    de retard sont dues de plein droit au taux annuel de {} (taux de \
                    refinancement de la BCE de {} majoré de {} points), à compter du lendemain \
                    de chaque échéance : {} au {}. S'y ajoute l'indemnité forfaitaire pour \
                    frais de recouvrement de {} par facture payée en retard (article D441-5 du \
                    Code de commerce), soit {} pour {} {}.",
                singular_invoice: "facture",
                plural_invoices: "factures",
                claimed_other_currency: "{}, plus {} d'indemnité forfaitaire",
                short_preventive: "{} : petit rappel, {} arrivent à échéance le {}. Merci ! {}",
                short_overdue: "{} : solde échu de {}, plus ancien retard {} jours. Merci de \
                    régulariser ou de nous contacter. {}",
                short_formal: "{} : mise en demeure adressée ce jour pour un solde échu de {}, \
                    à régler sous {} jours. {}",
                lang,
            },
            Lang::En => Words {
                default_sender: "Accounts receivable",
                invoice: "Invoice",
                credit_note: "Credit note",
                unapplied_payment: "Unapplied payment",
                dated: " dated {}",
                credit_amount: ": {} in your favour",
                falls_due: ", due {}: {}",
                was_due: ", due {}: {} outstanding, {} {} late",
                day: "day",
                days: "days",
                line_interest: ", interest {}",
                total_due: "Overdue balance: {}",
                total_upcoming: "Total falling due: {}",
                penalties: "Under article L441-10 of the French Commercial Code, late-payment \
                    interest is due by law at the annual rate of {} (the ECB main refinancing \
                    rate of {} plus {} points), from the day after each due date: {} as at {}. \
                    In addition, a fixed recovery indemnity of {} is due per invoice paid late \
                    (article D441-5 of the French Commercial Code), that is {} for {} {}.",
                singular_invoice: "invoice",
                plural_invoices: "invoices",
                claimed_other_currency: "{}, plus {} of fixed indemnity",
                short_preventive: "{}: a friendly reminder that {} falls due on {}. Thank you! {}",
                short_overdue: "{}: overdue balance {}, oldest {} days late. Please settle it or \
                    get in touch. {}",
                short_formal: "{}: formal notice sent today for an overdue balance of {}, to be \
                    paid within {} days. {}",
                lang,
            },
        }
    }
}

/// Fills the `{}` of `template` with `values`, in order; a `{}` with no value is left empty.
/// The templates are the engine's own, so a count mismatch is a programming slip that shows
/// in the snapshots rather than a panic.
fn fill(template: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        if let Some(v) = values.next() {
            out.push_str(&v.to_string());
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// The pieces of one client's text.
struct StepText<'a> {
    t: &'a Words,
    client: &'a str,
    date: &'a str,
    list: &'a str,
    total_line: &'a str,
    penalties: &'a str,
    claimed: &'a str,
    deadline: u32,
    sender: &'a str,
    owner: Option<&'a str>,
}

impl StepText<'_> {
    /// The subject and body of `step`.
    fn write(&self, step: Step) -> (String, String) {
        match self.t.lang {
            Lang::Fr => self.french(step),
            Lang::En => self.english(step),
        }
    }

    /// The list, its total and the penalties paragraph, as one block.
    fn statement(&self) -> String {
        let mut block = format!("{}\n{}", self.list, self.total_line);
        if !self.penalties.is_empty() {
            block.push_str("\n\n");
            block.push_str(self.penalties);
        }
        block
    }

    fn french(&self, step: Step) -> (String, String) {
        let c = self.client;
        let at = if self.date.is_empty() { String::new() } else { format!(" au {}", self.date) };
        let statement = self.statement();
        let sign = format!("Cordialement,\n{}", self.sender);
        let owner = self.owner.unwrap_or("votre interlocuteur habituel");
        let d = self.deadline;
        let letter_head = |kind: &str| {
            format!("{kind}\n\nÀ l'attention de {c}\n{}\n\n", self.date).replace("\n\n\n", "\n\n")
        };
        match step {
            Step::Preventive => (
                format!("Rappel d'échéance – {c}"),
                format!(
                    "Bonjour,\n\nPour faciliter votre organisation, nous vous rappelons que les \
                     pièces suivantes arrivent prochainement à échéance :\n\n{statement}\n\nSi \
                     le règlement est déjà programmé, merci de ne pas tenir compte de ce \
                     message.\n\n{sign}"
                ),
            ),
            Step::Email => (
                format!("Relance : solde échu – {c}"),
                format!(
                    "Bonjour,\n\nSauf erreur de notre part, votre compte présente{at} les \
                     pièces échues suivantes :\n\n{statement}\n\nNous vous remercions de bien \
                     vouloir procéder au règlement dans les meilleurs délais. Si votre paiement \
                     a été effectué entre-temps, merci de ne pas tenir compte de ce \
                     message.\n\n{sign}"
                ),
            ),
            Step::Phone | Step::OwnerCall => {
                let who = if step == Step::OwnerCall {
                    format!("{owner}, qui suit votre compte,")
                } else {
                    "notre service".to_owned()
                };
                (
                    format!("Relance : solde échu – {c}"),
                    format!(
                        "Bonjour,\n\nMalgré notre précédent rappel, votre compte présente{at} \
                         les pièces échues suivantes :\n\n{statement}\n\n{} prendra contact \
                         avec vous par téléphone pour convenir de la date de règlement. Si \
                         votre paiement a été effectué entre-temps, merci de ne pas tenir \
                         compte de ce message.\n\n{sign}",
                        capitalise(&who)
                    ),
                )
            }
            Step::SecondReminder => (
                format!("Deuxième relance : solde échu – {c}"),
                format!(
                    "Bonjour,\n\nMalgré nos précédentes relances, votre compte \
                     présente{at} les pièces échues suivantes :\n\n{statement}\n\nNous vous \
                     demandons de régler ce solde sous {d} jours. À défaut, nous vous \
                     adresserons une relance par lettre recommandée.\n\n{sign}"
                ),
            ),
            Step::RegisteredLetter => (
                format!("Dernière relance avant mise en demeure – {c}"),
                format!(
                    "{}Objet : dernière relance avant mise en demeure\n\nMadame, Monsieur,\n\n\
                     Nos relances étant restées sans effet, votre compte présente{at} les \
                     pièces échues suivantes :\n\n{statement}\n\nNous vous demandons de régler \
                     la somme de {} sous {d} jours à compter de la réception de la présente. \
                     À défaut, nous vous adresserons une mise en demeure de payer.\n\nVeuillez \
                     agréer, Madame, Monsieur, nos salutations distinguées.\n\n{}",
                    letter_head("Lettre recommandée avec accusé de réception"),
                    self.claimed,
                    self.sender
                ),
            ),
            Step::FormalNotice => (
                format!("Mise en demeure de payer – {c}"),
                format!(
                    "{}Objet : mise en demeure de payer\n\nMadame, Monsieur,\n\nMalgré nos \
                     relances successives, les sommes suivantes restent impayées{at} :\n\n\
                     {statement}\n\nPar la présente, nous vous mettons en demeure de nous \
                     régler la somme de {} dans un délai de {d} jours à compter de la \
                     réception de ce courrier. La présente vaut mise en demeure au sens de \
                     l'article 1344 du Code civil.\n\nÀ défaut de \
                     règlement dans ce délai, nous engagerons sans autre avis une procédure \
                     de recouvrement judiciaire, notamment par voie d'injonction de payer, \
                     afin d'obtenir le paiement du principal, des pénalités et des \
                     indemnités.\n\nVeuillez agréer, Madame, Monsieur, nos salutations \
                     distinguées.\n\n{}",
                    letter_head("Lettre recommandée avec accusé de réception"),
                    self.claimed,
                    self.sender
                ),
            ),
        }
    }

    fn english(&self, step: Step) -> (String, String) {
        let c = self.client;
        let at = if self.date.is_empty() { String::new() } else { format!(" as at {}", self.date) };
        let statement = self.statement();
        let sign = format!("Kind regards,\n{}", self.sender);
        let owner = self.owner.unwrap_or("your usual contact");
        let d = self.deadline;
        let letter_head = |kind: &str| {
            format!("{kind}\n\nFor the attention of {c}\n{}\n\n", self.date)
                .replace("\n\n\n", "\n\n")
        };
        match step {
            Step::Preventive => (
                format!("Payment due soon – {c}"),
                format!(
                    "Hello,\n\nTo help you plan ahead, this is a reminder that the following \
                     items fall due shortly:\n\n{statement}\n\nIf payment is already \
                     scheduled, please disregard this message.\n\n{sign}"
                ),
            ),
            Step::Email => (
                format!("Reminder: overdue balance – {c}"),
                format!(
                    "Hello,\n\nUnless we are mistaken, your account shows the following overdue \
                     items{at}:\n\n{statement}\n\nWe would be grateful if you could settle \
                     this balance at your earliest convenience. If you have paid in the meantime, \
                     please disregard this message.\n\n{sign}"
                ),
            ),
            Step::Phone | Step::OwnerCall => {
                let who = if step == Step::OwnerCall {
                    format!("{owner}, who looks after your account,")
                } else {
                    "our team".to_owned()
                };
                (
                    format!("Reminder: overdue balance – {c}"),
                    format!(
                        "Hello,\n\nDespite our previous reminder, your account shows the \
                         following overdue items{at}:\n\n{statement}\n\n{} will call you to \
                         agree on a payment date. If you have paid in the meantime, please \
                         disregard this message.\n\n{sign}",
                        capitalise(&who)
                    ),
                )
            }
            Step::SecondReminder => (
                format!("Second reminder: overdue balance – {c}"),
                format!(
                    "Hello,\n\nDespite our previous reminders, your account shows the following \
                     overdue items{at}:\n\n{statement}\n\nPlease settle this balance within {d} \
                     days. Otherwise we will send you a reminder by registered \
                     letter.\n\n{sign}"
                ),
            ),
            Step::RegisteredLetter => (
                format!("Final reminder before formal notice – {c}"),
                format!(
                    "{}Subject: final reminder before formal notice\n\nDear Sir or Madam,\n\n\
                     Our reminders having gone unanswered, your account shows the following \
                     overdue items{at}:\n\n{statement}\n\nPlease pay the sum of {} within {d} \
                     days of receiving this letter. Otherwise we will send you a formal notice \
                     to pay.\n\nYours faithfully,\n\n{}",
                    letter_head("Registered letter with acknowledgement of receipt"),
                    self.claimed,
                    self.sender
                ),
            ),
            Step::FormalNotice => (
                format!("Formal notice to pay – {c}"),
                format!(
                    "{}Subject: formal notice to pay\n\nDear Sir or Madam,\n\nDespite our \
                     repeated reminders, the following sums remain unpaid{at}:\n\n{statement}\
                     \n\nWe hereby give you formal notice to pay the sum of {} within {d} days \
                     of receiving this letter. This letter constitutes a formal notice within \
                     the meaning of article 1344 of the French Civil Code.\n\nFailing payment \
                     within that time, we will without further notice start legal \
                     proceedings to recover the debt, in particular by an \
                     application for an order for payment (injonction de payer), to obtain \
                     the principal, the interest and the indemnities.\n\nYours \
                     faithfully,\n\n{}",
                    letter_head("Registered letter with acknowledgement of receipt"),
                    self.claimed,
                    self.sender
                ),
            ),
        }
    }
}

/// The first letter in upper case.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An amount with its currency for a reader, never rounded: French `1 234,56 €` (narrow
/// no-break space between thousands, no-break space before the symbol), English `€1,234.56`,
/// `-€300.00`. Currencies without a common symbol are written with their code:
/// `1 234,56 CHF`, `1,234.56 CHF`.
pub fn format_money(amount: Decimal, currency: Currency, lang: Lang) -> String {
    let digits = money::format_amount(amount.abs(), lang);
    let sign = if amount.is_sign_negative() && !amount.is_zero() { "-" } else { "" };
    let symbol = match currency {
        Currency::EUR => Some("€"),
        Currency::USD => Some("$"),
        Currency::GBP => Some("£"),
        _ => None,
    };
    match (lang, symbol) {
        (Lang::Fr, Some(s)) => format!("{sign}{digits}\u{a0}{s}"),
        (Lang::En, Some(s)) => format!("{sign}{s}{digits}"),
        (_, None) => format!("{sign}{digits}\u{a0}{}", currency.code()),
    }
}

/// A date for a reader: French `31/01/2025`, English `31 Jan 2025` (day first, month in
/// letters, so that neither reading order can mistake it).
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => format!("{} {}", date.day(), date.format("%b %Y")),
    }
}

/// A percentage as the language writes it: `12,15 %` (no-break space), `12.15%`.
fn percent(value: Decimal, lang: Lang) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Fr => format!("{}\u{a0}%", text.replace('.', ",")),
        Lang::En => format!("{text}%"),
    }
}

/// A `mailto:` link that opens the user's mail program with the reminder filled in. The
/// subject and body are percent-encoded as UTF-8 (RFC 6068), line breaks as `%0D%0A`; only
/// letters, digits and `-._~` are left as they are (and `@` `+` `,` in the address).
///
/// Example: `mailto_url("compta@acme.fr", ...)` with the subject `Relance : F-1` gives
/// `mailto:compta@acme.fr?subject=Relance%20%3A%20F-1&body=...`.
pub fn mailto_url(email: &str, reminder: &Reminder) -> String {
    let body = reminder.body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        percent_encode(email.trim(), b"@+,"),
        percent_encode(&reminder.subject, b""),
        percent_encode(&body, b"")
    )
}

/// Percent-encodes every byte but the unreserved ones and those in `keep`.
fn percent_encode(text: &str, keep: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len() * 3);
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 0x0F)] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        // Test literals are well-formed by construction.
        Decimal::from_str_exact(text).expect("test literal")
    }

    #[test]
    fn money_for_readers() {
        fn check(amount: &str, currency: Currency, lang: Lang, expected: &str) {
            assert_eq!(format_money(dec(amount), currency, lang), expected, "{amount} {lang:?}");
        }
        check("1234.56", Currency::EUR, Lang::Fr, "1\u{202f}234,56\u{a0}€");
        check("1234.56", Currency::EUR, Lang::En, "€1,234.56");
        check("-300", Currency::EUR, Lang::Fr, "-300,00\u{a0}€");
        check("-300", Currency::EUR, Lang::En, "-€300.00");
        check("1234567.891", Currency::USD, Lang::En, "$1,234,567.891");
        check("99.5", Currency::CHF, Lang::Fr, "99,50\u{a0}CHF");
        check("0", Currency::GBP, Lang::En, "£0.00");
    }

    #[test]
    fn dates_for_readers() {
        fn check(date: (i32, u32, u32), lang: Lang, expected: &str) {
            let d = NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("a date");
            assert_eq!(format_date(d, lang), expected);
        }
        check((2025, 1, 31), Lang::Fr, "31/01/2025");
        check((2025, 1, 31), Lang::En, "31 Jan 2025");
        check((2025, 3, 5), Lang::En, "5 Mar 2025");
    }

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(fill("{} et {}", &[&1, &"deux"]), "1 et deux");
        assert_eq!(fill("{} et {}", &[&1]), "1 et ");
        assert_eq!(fill("rien", &[&1]), "rien");
    }

    #[test]
    fn mailto_encoding() {
        let reminder = Reminder {
            subject: "Relance : F-1 – Café".into(),
            body: "Bonjour,\n1 234,56 € & co?".into(),
            short: String::new(),
        };
        assert_eq!(
            mailto_url(" compta+ar@café.fr ", &reminder),
            "mailto:compta+ar@caf%C3%A9.fr?subject=Relance%20%3A%20F-1%20%E2%80%93%20Caf%C3%A9\
             &body=Bonjour%2C%0D%0A1%20234%2C56%20%E2%82%AC%20%26%20co%3F"
        );
    }
}
