//! Reminder texts at the e-mail and formal-notice levels, in French and English, pinned by
//! snapshot so that every change of wording is seen in review.

use chrono::NaiveDate;
use encours_engine::aging::{AgedItem, AgingReport};
use encours_engine::lang::Lang;
use encours_engine::ledger::{Currency, Invoice, ItemKind, Ledger};
use encours_engine::letter::{self, LetterSettings, Reminder};
use encours_engine::priority::{self, ClientAction, PrioritySettings, Step};
use rust_decimal::Decimal;

fn dec(text: &str) -> Decimal {
    // Test literals are well-formed by construction.
    Decimal::from_str_exact(text).expect("test literal")
}

fn date(text: &str) -> NaiveDate {
    // Test literals are well-formed by construction.
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

const AS_OF: &str = "2025-03-31";

/// (client, number, kind, outstanding, issue date, due date)
type Row = (&'static str, &'static str, ItemKind, &'static str, &'static str, &'static str);

/// The ledger, its aged report at 2025-03-31 and the first entry of the priority list.
fn setup(rows: &[Row]) -> (Ledger, AgingReport, ClientAction) {
    let as_of = date(AS_OF);
    let mut ledger = Ledger::default();
    let mut report = AgingReport { as_of: Some(as_of), ..AgingReport::default() };
    for (i, (client, number, kind, outstanding, issued, due)) in rows.iter().enumerate() {
        let client = ledger.intern_client(client);
        ledger.invoices.push(Invoice {
            line: i as u32 + 2,
            number: (*number).to_owned(),
            client,
            kind: *kind,
            amount: dec(outstanding),
            issue_date: Some(date(issued)),
            due_date: Some(date(due)),
            email: Some("compta@example.fr".into()),
            ..Invoice::default()
        });
        report.items.push(AgedItem {
            index: i,
            client,
            currency: Currency::EUR,
            paid: Decimal::ZERO,
            outstanding: dec(outstanding),
            due_date: date(due),
            days_past_due: (as_of - date(due)).num_days(),
            bucket: 0,
        });
    }
    let action = priority::prioritize(&ledger, &report, &PrioritySettings::default())
        .into_iter()
        .next()
        .expect("the fixture has an overdue client");
    (ledger, report, action)
}

fn text(reminder: &Reminder) -> String {
    format!(
        "SUBJECT: {}\n\nBODY:\n{}\n\nSHORT: {}",
        reminder.subject, reminder.body, reminder.short
    )
}

/// Boulangerie Marchand: 1,234.56 € due 16/03/2025 (15 days late at 31/03/2025), a credit note
/// of 100.00 € dated 20/03/2025, 200.00 € due in 5 days. Ladder: 15 days is the e-mail step.
/// Interest: 1234.56 × 12.15 × 15 / 36500 = 6.1643... → 6.16 €; indemnity 40 €.
fn email_level() -> (Ledger, AgingReport, ClientAction) {
    let (ledger, report, action) = setup(&[
        (
            "Boulangerie Marchand SARL",
            "F-101",
            ItemKind::Invoice,
            "1234.56",
            "2025-02-14",
            "2025-03-16",
        ),
        (
            "Boulangerie Marchand SARL",
            "AV-7",
            ItemKind::CreditNote,
            "-100.00",
            "2025-03-20",
            "2025-03-20",
        ),
        (
            "Boulangerie Marchand SARL",
            "F-110",
            ItemKind::Invoice,
            "200.00",
            "2025-03-06",
            "2025-04-05",
        ),
    ]);
    assert_eq!(action.step, Step::Email);
    assert_eq!(action.overdue, dec("1134.56"));
    (ledger, report, action)
}

/// Garage du Pont: 1,000.00 € due 31/10/2024 (151 days) and 2,500.50 € due 15/12/2024 (106
/// days): formal notice. Interest 1000 × 12.15 × 151 / 36500 = 50.2643... → 50.26 and
/// 2500.50 × 12.15 × 106 / 36500 = 88.2299... → 88.23, together 138.49 €;
/// indemnity 2 × 40 €; claimed 3,500.50 + 138.49 + 80 = 3,718.99 €.
fn formal_notice_level() -> (Ledger, AgingReport, ClientAction) {
    let (ledger, report, action) = setup(&[
        ("Garage du Pont", "F-090", ItemKind::Invoice, "1000.00", "2024-10-01", "2024-10-31"),
        ("Garage du Pont", "F-095", ItemKind::Invoice, "2500.50", "2024-11-15", "2024-12-15"),
    ]);
    assert_eq!(action.step, Step::FormalNotice);
    assert_eq!(action.max_days_past_due, 151);
    (ledger, report, action)
}

fn write(fixture: (Ledger, AgingReport, ClientAction), lang: Lang) -> Reminder {
    let (ledger, report, action) = fixture;
    let settings = LetterSettings { sender: Some("Claire Martin".into()), ..Default::default() };
    letter::reminder_with(&ledger, &report, &action, lang, &settings)
}

#[test]
fn email_fr() {
    let reminder = write(email_level(), Lang::Fr);
    assert!(reminder.body.contains("6,16\u{a0}€ au 31/03/2025"), "{}", reminder.body);
    assert!(reminder.body.contains("Solde échu : 1\u{202f}134,56\u{a0}€"));
    insta::assert_snapshot!("email_fr", text(&reminder));
}

#[test]
fn email_en() {
    let reminder = write(email_level(), Lang::En);
    assert!(reminder.body.contains("€6.16 as at 31 Mar 2025"), "{}", reminder.body);
    insta::assert_snapshot!("email_en", text(&reminder));
}

#[test]
fn formal_notice_fr() {
    let reminder = write(formal_notice_level(), Lang::Fr);
    assert!(reminder.body.contains("138,49\u{a0}€ au 31/03/2025"), "{}", reminder.body);
    let claim = "la somme de 3\u{202f}718,99\u{a0}€ dans un délai de 8 jours";
    assert!(reminder.body.contains(claim));
    assert!(reminder.body.contains("L441-10") && reminder.body.contains("D441-5"));
    assert!(reminder.body.contains("injonction de payer"));
    insta::assert_snapshot!("formal_notice_fr", text(&reminder));
}

#[test]
fn formal_notice_en() {
    let reminder = write(formal_notice_level(), Lang::En);
    assert!(reminder.body.contains("the sum of €3,718.99 within 8 days"), "{}", reminder.body);
    insta::assert_snapshot!("formal_notice_en", text(&reminder));
}

#[test]
fn penalties_off_and_longer_deadline() {
    // Consumer client: no penalties paragraph, the claim is the balance alone.
    let (ledger, report, action) = formal_notice_level();
    let mut settings = LetterSettings { deadline_days: 15, ..Default::default() };
    settings.penalties.enabled = false;
    let reminder = letter::reminder_with(&ledger, &report, &action, Lang::Fr, &settings);
    assert!(!reminder.body.contains("L441-10"));
    let claim = "la somme de 3\u{202f}500,50\u{a0}€ dans un délai de 15 jours";
    assert!(reminder.body.contains(claim));
    assert!(reminder.body.contains("Le service comptabilité"));
}

#[test]
fn every_step_writes_plain_text_in_both_languages() {
    let (ledger, report, action) = formal_notice_level();
    for step in Step::ALL {
        for lang in [Lang::Fr, Lang::En] {
            let action = ClientAction { step, ..action.clone() };
            let r = letter::reminder(&ledger, &report, &action, lang);
            let all = format!("{}{}{}", r.subject, r.body, r.short);
            assert!(!r.subject.is_empty() && !r.body.is_empty() && !r.short.is_empty());
            assert!(!all.contains('<') && !all.contains("{}"), "{step:?} {lang:?}: {all}");
        }
    }
}

#[test]
fn mailto_carries_the_reminder() {
    let (ledger, report, action) = email_level();
    let reminder = letter::reminder(&ledger, &report, &action, Lang::Fr);
    let url = letter::mailto_url(&action.emails[0], &reminder);
    assert!(url.starts_with("mailto:compta@example.fr?subject=Relance%20%3A%20solde%20"));
    assert!(url.contains("&body=Bonjour%2C%0D%0A%0D%0ASauf%20erreur"));
    assert!(!url.contains(' ') && !url.contains('\n'));
}
