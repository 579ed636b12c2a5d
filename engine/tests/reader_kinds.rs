//! One test per kind of input the reader handles, on the fixtures of `tests/data/reader/`
//! (written for these tests) or on bytes built here (Windows-1252, UTF-16, binary, sizes).
//! Each asserts the settings found and the items read.

use chrono::NaiveDate;
use encours_engine::import::{
    import, Field, FileProblem, ImportOptions, ImportOutcome, RowProblem, SourceKind, WarningKind,
};
use encours_engine::lang::Lang;
use encours_engine::ledger::{Currency, Invoice, ItemKind, Terms};
use rust_decimal::Decimal;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/data/reader/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> ImportOutcome {
    read_with(name, &ImportOptions::default())
}

fn read_with(name: &str, options: &ImportOptions) -> ImportOutcome {
    let outcome = import(&fixture(name), Some(name), options);
    let s = outcome.summary;
    assert_eq!(s.rows_read, s.rows_used + s.rows_rejected, "{name}: {s:?}");
    assert_eq!(s.items, outcome.ledger.invoices.len(), "{name}");
    outcome
}

fn item<'a>(outcome: &'a ImportOutcome, number: &str) -> &'a Invoice {
    outcome
        .ledger
        .invoices
        .iter()
        .find(|i| i.number == number)
        .unwrap_or_else(|| panic!("no item {number} in {:?}", outcome.ledger.invoices))
}

fn d(text: &str) -> Decimal {
    Decimal::from_str_exact(text).unwrap()
}

fn date(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

/// The (header, field) of every mapped column.
fn mapped(outcome: &ImportOutcome) -> Vec<(&str, Field)> {
    outcome.parse.columns.iter().filter_map(|c| Some((c.header.as_str(), c.field?))).collect()
}

fn client<'a>(outcome: &'a ImportOutcome, item: &Invoice) -> &'a str {
    outcome.ledger.client_name(item.client)
}

fn no_problems(outcome: &ImportOutcome) {
    assert_eq!(outcome.file_problem, None);
    assert_eq!(outcome.errors, vec![]);
}

#[test]
fn utf8_with_bom_and_crlf() {
    let o = read("utf8-bom-crlf.csv");
    no_problems(&o);
    assert_eq!((o.parse.encoding.as_str(), o.parse.bom), ("UTF-8", true));
    assert_eq!(
        (o.parse.delimiter, o.parse.decimal_mark, o.parse.header_line),
        (Some(','), Some('.'), 1)
    );
    assert_eq!(o.parse.columns[0].header, "invoice_number");
    assert_eq!(
        mapped(&o),
        vec![
            ("invoice_number", Field::Invoice),
            ("customer", Field::Client),
            ("amount", Field::Amount),
            ("issue_date", Field::IssueDate),
            ("due_date", Field::DueDate),
            ("paid", Field::Paid),
        ]
    );
    let v10 = item(&o, "V-10");
    assert_eq!((v10.amount, v10.paid, v10.line), (d("2400.00"), Some(d("0")), 2));
    assert_eq!((v10.issue_date, v10.due_date), (date(2024, 2, 10), date(2024, 3, 11)));
    assert_eq!(client(&o, v10), "Forge Martel SARL");
    assert_eq!(item(&o, "V-12").paid, Some(d("110.00")));
    assert_eq!(o.ledger.clients, vec!["Forge Martel SARL", "Studio Nacre"]);
}

#[test]
fn french_semicolon_comma_decimal() {
    let o = read("fr-semicolon.csv");
    no_problems(&o);
    assert_eq!(
        (o.parse.delimiter, o.parse.decimal_mark, o.parse.grouping),
        (Some(';'), Some(','), Some(' '))
    );
    assert_eq!((o.parse.day_first, o.parse.date_order_ambiguous), (Some(true), false));
    assert_eq!(
        mapped(&o),
        vec![
            ("N° facture", Field::Invoice),
            ("Raison sociale", Field::Client),
            ("Montant TTC", Field::Amount),
            ("Date facture", Field::IssueDate),
            ("Échéance", Field::DueDate),
            ("Réglé", Field::Paid),
        ]
    );
    let first = item(&o, "FC-7001");
    assert_eq!(
        (first.amount, first.issue_date, first.due_date),
        (d("2345.67"), date(2024, 6, 3), date(2024, 7, 3))
    );
    assert_eq!(item(&o, "FC-7002").amount, d("12.30"));
    assert_eq!(item(&o, "FC-7003").paid, Some(d("800.00")));
    let due = o.parse.columns.iter().find(|c| c.header == "Échéance").unwrap();
    assert_eq!(due.date_format.as_ref().unwrap().pattern, "%d/%m/%Y");
    assert_eq!(due.samples, vec!["03/07/2024", "15/07/2024", "19/06/2024"]);
}

#[test]
fn blank_delimiter_only_and_total_lines_are_not_rows() {
    let o = read("trailing-blank-rows.csv");
    no_problems(&o);
    assert_eq!((o.summary.rows_read, o.summary.rows_used, o.summary.total_lines), (2, 2, 1));
    let lines: Vec<u32> = o.ledger.invoices.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![2, 3]);
    assert_eq!(item(&o, "FT-2").amount, d("90.50"));
}

#[test]
fn unicode_space_grouping_and_euro_sign() {
    let o = read("fr-nbsp-euro.csv");
    no_problems(&o);
    assert_eq!((o.parse.decimal_mark, o.parse.grouping), (Some(','), Some(' ')));
    let first = item(&o, "FN-1");
    assert_eq!((first.amount, first.currency), (d("3210.40"), Some(Currency::EUR)));
    let second = item(&o, "FN-2");
    assert_eq!((second.amount, second.paid), (d("21000.00"), Some(d("1000.00"))));
    assert_eq!(item(&o, "FN-3").amount, d("150.00"));
}

#[test]
fn dot_groups_thousands_in_a_comma_decimal_file() {
    let o = read("dot-thousands.csv");
    no_problems(&o);
    assert_eq!(item(&o, "D-1").amount, d("2000"));
    assert_eq!(item(&o, "D-2").amount, d("3333.33"));
    assert_eq!((item(&o, "D-3").amount, item(&o, "D-3").paid), (d("40000.00"), Some(d("7000"))));
    let paid = o.parse.columns.iter().find(|c| c.header == "Réglé").unwrap();
    let format = paid.number_format.unwrap();
    assert_eq!((format.decimal_mark, format.grouping), (',', Some('.')));
}

#[test]
fn quoted_us_export_with_month_names() {
    let o = read("us-quoted-month-names.csv");
    no_problems(&o);
    assert_eq!(
        (o.parse.delimiter, o.parse.decimal_mark, o.parse.grouping),
        (Some(','), Some('.'), Some(','))
    );
    assert_eq!(
        mapped(&o),
        vec![
            ("Date", Field::IssueDate),
            ("Due", Field::DueDate),
            ("Details", Field::Invoice),
            ("Client", Field::Client),
            ("Status", Field::Status),
            ("Total", Field::Amount),
        ]
    );
    let second = item(&o, "QT-2");
    assert_eq!((second.amount, second.paid), (d("18400.50"), None));
    assert_eq!((second.issue_date, second.due_date), (date(2022, 3, 14), date(2022, 4, 13)));
    let due = o.parse.columns.iter().find(|c| c.header == "Due").unwrap();
    assert_eq!(due.date_format.as_ref().unwrap().pattern, "%b %d %Y");
}

#[test]
fn accounting_negatives_and_credit_notes() {
    let o = read("accounting-negatives.csv");
    no_problems(&o);
    let credit = item(&o, "502");
    assert_eq!(
        (credit.amount, credit.kind, credit.currency),
        (d("-250.00"), ItemKind::CreditNote, Some(Currency::USD))
    );
    assert_eq!((item(&o, "501").amount, item(&o, "501").kind), (d("2500.00"), ItemKind::Invoice));
    assert_eq!(item(&o, "503").amount, d("75.00"));
    let positive_credit = item(&o, "504");
    assert_eq!((positive_credit.amount, positive_credit.kind), (d("-20.00"), ItemKind::CreditNote));
    assert_eq!(o.warnings.len(), 1);
    assert_eq!(o.warnings[0].kind, WarningKind::CreditSign);
    assert_eq!(o.warnings[0].lines, vec![5]);
}

#[test]
fn day_month_order_is_decided_per_column() {
    let o = read("ambiguous-dmy.csv");
    no_problems(&o);
    assert_eq!((o.parse.day_first, o.parse.date_order_ambiguous), (Some(true), false));
    assert_eq!(item(&o, "A-1").issue_date, date(2024, 3, 4));
    assert_eq!(item(&o, "A-2").due_date, date(2024, 2, 1));

    // Every date fits both orders: day first, flagged; the user can turn it.
    let o = read("all-ambiguous-dmy.csv");
    assert_eq!((o.parse.day_first, o.parse.date_order_ambiguous), (Some(true), true));
    assert_eq!(item(&o, "B-1").issue_date, date(2024, 3, 4));
    let options = ImportOptions { day_first: Some(false), ..ImportOptions::default() };
    let o = read_with("all-ambiguous-dmy.csv", &options);
    assert_eq!((o.parse.day_first, o.parse.date_order_ambiguous), (Some(false), false));
    assert_eq!(item(&o, "B-1").issue_date, date(2024, 4, 3));
}

#[test]
fn month_first_open_items_with_disputed_flag() {
    let o = read("mdy-open-items.csv");
    no_problems(&o);
    assert_eq!(o.parse.day_first, Some(false));
    assert_eq!(
        mapped(&o),
        vec![
            ("customerID", Field::Client),
            ("invoiceNumber", Field::Invoice),
            ("InvoiceDate", Field::IssueDate),
            ("DueDate", Field::DueDate),
            ("InvoiceAmount", Field::Amount),
            ("Disputed", Field::Disputed),
            ("SettledDate", Field::PaymentDate),
        ]
    );
    let first = item(&o, "0000200001");
    assert_eq!(
        (first.issue_date, first.due_date, first.paid),
        (date(2014, 3, 4), date(2014, 4, 3), None)
    );
    assert_eq!(client(&o, first), "9001-XYZ");
    assert!(item(&o, "0000200002").disputed);
    assert_eq!(item(&o, "0000200003").payment_date, date(2014, 2, 10));
}

#[test]
fn windows_1252_from_french_excel() {
    let text = "N° facture;Client;Date;Échéance;Montant;Réglé\r\n\
                W-1;Bœuf & Côté;05/01/2024;04/02/2024;1 500,00;0,00\r\n\
                W-2;L’Étal Dupré;20/02/2024;21/03/2024;320,00;20,00\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let o = import(&bytes, Some("export.csv"), &ImportOptions::default());
    no_problems(&o);
    assert_eq!((o.parse.encoding.as_str(), o.parse.bom), ("windows-1252", false));
    assert_eq!((o.parse.delimiter, o.parse.decimal_mark), (Some(';'), Some(',')));
    assert_eq!(o.parse.columns[0].header, "N° facture");
    assert_eq!(client(&o, item(&o, "W-1")), "Bœuf & Côté");
    assert_eq!(client(&o, item(&o, "W-2")), "L’Étal Dupré");
    assert_eq!(item(&o, "W-1").amount, d("1500.00"));

    // The user can say the encoding: the same bytes read as UTF-8 give replacement marks.
    let options = ImportOptions { encoding: Some("utf-8".into()), ..ImportOptions::default() };
    let o = import(&bytes, None, &options);
    assert_eq!(o.parse.encoding, "UTF-8");
    assert!(o.ledger.clients[0].contains('\u{FFFD}'));
}

#[test]
fn utf16_with_bom() {
    let text = "invoice,client,amount,due_date\r\nU-1,Cé Studio,10.50,2024-01-31\r\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let o = import(&le, None, &ImportOptions::default());
    no_problems(&o);
    assert_eq!((o.parse.encoding.as_str(), o.parse.bom), ("UTF-16LE", true));
    assert_eq!((client(&o, item(&o, "U-1")), item(&o, "U-1").amount), ("Cé Studio", d("10.50")));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let o = import(&be, None, &ImportOptions::default());
    assert_eq!(o.parse.encoding, "UTF-16BE");
    assert_eq!(o.ledger.invoices.len(), 1);
}

#[test]
fn quoted_newlines_keep_physical_line_numbers() {
    let o = read("quoted-newlines-crlf.csv");
    assert_eq!(o.file_problem, None);
    let lines: Vec<u32> = o.ledger.invoices.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![2, 5]);
    assert_eq!((o.summary.rows_read, o.summary.rows_used, o.summary.rows_rejected), (3, 2, 1));
    let messages: Vec<String> = o.errors.iter().map(|e| e.message(Lang::En)).collect();
    assert_eq!(
        messages,
        vec![
            "line 6, column \"amount\": expected an amount like 1,234.56, found \"abc\"",
            "line 6, column \"due_date\": expected a date like 2025-01-31, found \"2024-13-05\"",
        ]
    );
    assert_eq!(item(&o, "Q-1").amount, d("320.00"));
}

#[test]
fn iso_export_with_payment_dates() {
    let o = read("iso-payments.csv");
    no_problems(&o);
    assert!(mapped(&o).contains(&("payment_date", Field::PaymentDate)));
    let leap = item(&o, "P-1");
    assert_eq!((leap.due_date, leap.paid), (date(2024, 2, 29), Some(d("299.99"))));
    assert_eq!(leap.payment_date, date(2024, 3, 10));

    // A due date before the issue date is kept as written, without a warning: aging decides.
    let backwards = item(&o, "P-2");
    assert_eq!((backwards.issue_date, backwards.due_date), (date(2024, 3, 27), date(2023, 11, 28)));
    assert_eq!(backwards.payment_date, None);
    assert_eq!(o.warnings, vec![]);
    let credit = item(&o, "P-3");
    assert_eq!((credit.kind, credit.amount), (ItemKind::CreditNote, d("-45.50")));
    let future = item(&o, "P-4");
    assert_eq!((future.due_date, future.payment_date), (date(2027, 1, 30), date(2026, 12, 15)));
}

#[test]
fn excel_serial_dates_in_text() {
    let o = read("excel-serial-dates.csv");
    no_problems(&o);
    let first = item(&o, "S-1");
    assert_eq!((first.issue_date, first.due_date), (date(2024, 1, 1), date(2024, 1, 31)));
    let second = item(&o, "S-2");
    assert_eq!((second.issue_date, second.due_date), (date(2024, 7, 27), date(2024, 8, 26)));
    let issue = o.parse.columns.iter().find(|c| c.header == "issue_date").unwrap();
    assert_eq!(issue.date_format.as_ref().unwrap().pattern, "excel_serial_1900");
    let amount = o.parse.columns.iter().find(|c| c.header == "amount").unwrap();
    assert_eq!(amount.date_format, None);
}

#[test]
fn instalment_column_names_each_part() {
    let o = read("instalments.csv");
    no_problems(&o);
    assert_eq!(o.warnings, vec![]);
    assert!(mapped(&o).contains(&("Échéance n°", Field::Instalment)));
    assert_eq!(item(&o, "I-9 1/2").due_date, date(2023, 2, 9));
    assert_eq!(item(&o, "I-9 2/2").due_date, date(2023, 3, 11));
}

#[test]
fn repeated_number_with_other_due_dates_is_kept_as_instalments() {
    let o = read("same-number-due-dates.csv");
    no_problems(&o);
    assert_eq!(o.ledger.invoices.len(), 2);
    assert_eq!(o.warnings.len(), 1);
    assert_eq!(
        (o.warnings[0].kind, o.warnings[0].lines.clone()),
        (WarningKind::Instalments, vec![2, 3])
    );
    assert_eq!(
        o.warnings[0].message(Lang::En),
        "invoice J-4 appears on lines 2, 3 with different due dates: kept as instalments"
    );
}

#[test]
fn line_item_exports_count_the_invoice_once() {
    let o = read("line-items.csv");
    no_problems(&o);
    assert_eq!((o.summary.rows_read, o.summary.rows_used, o.summary.items), (4, 4, 2));
    assert_eq!(item(&o, "L-1").amount, d("1200.00"));
    assert_eq!(o.warnings.len(), 1);
    assert_eq!(
        (o.warnings[0].kind, o.warnings[0].lines.clone()),
        (WarningKind::RepeatedTotal, vec![2, 3, 4])
    );
}

#[test]
fn terms_column_is_read_not_dated() {
    let o = read("terms-column.csv");
    no_problems(&o);
    assert!(mapped(&o).contains(&("Délai de paiement", Field::Terms)));
    let first = item(&o, "T-1");
    assert_eq!(first.terms, Some(Terms::EndOfMonth { days: 45, day_of_month: None }));
    assert_eq!((first.due_date, first.terms_text.as_deref()), (None, Some("45 jours fin de mois")));
    assert_eq!(item(&o, "T-2").terms, Some(Terms::Net { days: 30 }));
    assert_eq!(item(&o, "T-3").terms, Some(Terms::OnReceipt));
}

#[test]
fn currencies_from_column_or_sign() {
    let o = read("multi-currency.csv");
    no_problems(&o);
    assert_eq!(item(&o, "M-1").currency, Some(Currency::USD));
    assert_eq!(item(&o, "M-2").currency, Some(Currency::EUR));
    assert_eq!(
        (item(&o, "M-3").currency, item(&o, "M-3").amount),
        (Some(Currency::GBP), d("45.00"))
    );
    assert_eq!(read("utf8-bom-crlf.csv").ledger.invoices[0].currency, None);
}

#[test]
fn header_found_below_title_lines() {
    let o = read("preamble.csv");
    no_problems(&o);
    assert_eq!(o.parse.header_line, 4);
    assert_eq!(
        mapped(&o),
        vec![
            ("Customer", Field::Client),
            ("E-mail", Field::Email),
            ("Invoice No", Field::Invoice),
            ("Amount", Field::Amount),
            ("Amount Paid", Field::Paid),
            ("Status", Field::Status),
            ("Invoice Date", Field::IssueDate),
            ("Due Date", Field::DueDate),
        ]
    );
    let first = item(&o, "77");
    assert_eq!((first.amount, first.paid, first.line), (d("88.10"), Some(d("8.10")), 5));
    assert_eq!(first.email.as_deref(), Some("ap@maple.example"));
    assert_eq!(item(&o, "78").paid, Some(d("19.99")));

    // The user can name another header line.
    let options = ImportOptions { header_line: Some(4), ..ImportOptions::default() };
    assert_eq!(read_with("preamble.csv", &options).ledger.invoices.len(), 2);
}

#[test]
fn fec_open_receivables() {
    let o = read("fec-open-items.txt");
    no_problems(&o);
    assert_eq!(
        (o.parse.source, o.parse.delimiter, o.parse.decimal_mark),
        (SourceKind::Fec, Some('|'), Some(','))
    );
    assert_eq!((o.summary.rows_read, o.summary.rows_used, o.summary.other_lines), (7, 7, 6));
    let numbers: Vec<&str> = o.ledger.invoices.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, vec!["FV-90", "FV-91", "VIR-205", "AV-92", "FV-93", "VIR-225"]);

    // The opening entry is dated by its document; lettered lines close each other.
    let opening = item(&o, "FV-90");
    assert_eq!(
        (opening.amount, opening.issue_date, opening.due_date),
        (d("1500.00"), date(2024, 11, 15), None)
    );
    let lettered = item(&o, "FV-91");
    assert_eq!((lettered.paid, lettered.payment_date), (Some(d("2400.00")), date(2025, 3, 1)));

    // Unlettered credits: a payment, a credit note from the sales journal.
    let deposit = item(&o, "VIR-205");
    assert_eq!((deposit.kind, deposit.amount), (ItemKind::UnappliedPayment, d("-500.00")));
    assert_eq!((deposit.issue_date, deposit.due_date), (date(2025, 2, 5), date(2025, 2, 5)));
    assert_eq!(item(&o, "AV-92").kind, ItemKind::CreditNote);

    // A lettering that does not balance is read as unlettered; no name: the account number.
    let partial = item(&o, "FV-93");
    assert_eq!((partial.paid, client(&o, partial)), (None, "C12"));
    assert_eq!(item(&o, "VIR-225").amount, d("-100.00"));
}

#[test]
fn exact_duplicates_are_counted_once() {
    let o = read("exact-duplicates.csv");
    no_problems(&o);
    assert_eq!((o.summary.rows_read, o.summary.duplicate_rows, o.summary.items), (2, 2, 2));
    let texts: Vec<String> = o.warnings.iter().map(|w| w.message(Lang::En)).collect();
    assert_eq!(
        texts,
        vec![
            "line 3 is an exact duplicate of line 2 (invoice 8)",
            "line 5 is an exact duplicate of line 2 (invoice 8)",
        ]
    );
}

#[test]
fn bad_rows_are_reported_and_the_rest_read() {
    let o = read("row-errors.csv");
    assert_eq!(o.file_problem, None);
    assert_eq!((o.summary.rows_read, o.summary.rows_used, o.summary.rows_rejected), (4, 2, 2));
    let problems: Vec<(u32, RowProblem)> =
        o.errors.iter().map(|e| (e.line, e.problem.clone())).collect();
    assert_eq!(
        problems,
        vec![
            (3, RowProblem::BadAmount),
            (3, RowProblem::BadDate),
            (4, RowProblem::BadFlag),
            (4, RowProblem::MissingValue),
        ]
    );
    let messages: Vec<String> =
        o.errors.iter().flat_map(|e| [e.message(Lang::En), e.message(Lang::Fr)]).collect();
    insta::assert_snapshot!(messages.join("\n"));

    // The folded name and the overpayment are warnings; the row is used.
    assert_eq!(o.ledger.clients, vec!["Ferme Dupuis"]);
    let kinds: Vec<(WarningKind, Vec<u32>)> =
        o.warnings.iter().map(|w| (w.kind, w.lines.clone())).collect();
    assert_eq!(
        kinds,
        vec![(WarningKind::PaidAboveAmount, vec![5]), (WarningKind::NamesFolded, vec![2, 5])]
    );
    let warnings: Vec<String> =
        o.warnings.iter().flat_map(|w| [w.message(Lang::En), w.message(Lang::Fr)]).collect();
    insta::assert_snapshot!(warnings.join("\n"));
}

#[test]
fn no_invoice_column_names_items_by_line() {
    let o = read("no-invoice-column.csv");
    no_problems(&o);
    let numbers: Vec<&str> = o.ledger.invoices.iter().map(|i| i.number.as_str()).collect();
    assert_eq!(numbers, vec!["line 2", "line 3"]);
}

#[test]
fn balance_column_gives_paid() {
    let o = read("balance-only.csv");
    no_problems(&o);
    assert_eq!(item(&o, "B-1").paid, Some(d("600.00")));
    assert_eq!(item(&o, "B-2").paid, Some(d("250.00")));

    // With a paid column too, the balance is checked.
    let o = read("balance-and-paid.csv");
    no_problems(&o);
    assert_eq!(o.warnings.len(), 1);
    assert_eq!(
        (o.warnings[0].kind, o.warnings[0].lines.clone()),
        (WarningKind::BalanceMismatch, vec![3])
    );
}

#[test]
fn tab_and_cr_only_files() {
    let o = read("tab-delimited.tsv");
    no_problems(&o);
    assert_eq!((o.parse.delimiter, item(&o, "TB-1").amount), (Some('\t'), d("1000.50")));
    let o = read("cr-only.csv");
    no_problems(&o);
    let lines: Vec<u32> = o.ledger.invoices.iter().map(|i| i.line).collect();
    assert_eq!(lines, vec![2, 3]);
}

#[test]
fn user_overrides() {
    // A column the user leaves out, and a decimal mark the user sets.
    let mapping = vec![
        Some(Field::Invoice),
        Some(Field::Client),
        Some(Field::Amount),
        Some(Field::IssueDate),
        Some(Field::DueDate),
        None,
    ];
    let options = ImportOptions { mapping: Some(mapping), ..ImportOptions::default() };
    let o = read_with("fr-semicolon.csv", &options);
    no_problems(&o);
    assert_eq!(item(&o, "FC-7003").paid, None);
    let options = ImportOptions { decimal_mark: Some('.'), ..ImportOptions::default() };
    let o = read_with("dot-thousands.csv", &options);
    assert_eq!(item(&o, "D-1").amount, d("2.000"));
    assert_eq!(o.summary.rows_rejected, 2);
    let options = ImportOptions { delimiter: Some(','), ..ImportOptions::default() };
    let o = read_with("fr-semicolon.csv", &options);
    assert_eq!(o.file_problem, Some(FileProblem::NoHeader));
}

#[test]
fn whole_file_problems() {
    fn check(bytes: &[u8], name: Option<&str>, want: FileProblem) {
        let o = import(bytes, name, &ImportOptions::default());
        assert_eq!(
            o.file_problem,
            Some(want),
            "{:?}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(40)])
        );
        assert_eq!(o.ledger.invoices.len(), 0);
    }
    check(b"", None, FileProblem::Empty);
    check(b" \r\n\r\n", None, FileProblem::Empty);
    check(b"\xEF\xBB\xBF", None, FileProblem::Empty);
    check(b";;;\r\n;;;\r\n", None, FileProblem::Empty);
    check(b"Facture;Client;Montant;Echeance\r\n", None, FileProblem::NoRows);
    check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", Some("photo.csv"), FileProblem::Binary);
    check(b"hello world\nthis is a letter\n", None, FileProblem::NoHeader);
    check(b"Facture;Client\nF-1;Acme\n", None, FileProblem::MissingColumn(Field::Amount));
    let wide: Vec<String> = (0..1001).map(|i| format!("c{i}")).collect();
    check(wide.join(",").as_bytes(), None, FileProblem::TooManyColumns(1001));
    assert!(matches!(
        import(b"PK\x03\x04junk", Some("a.xlsx"), &ImportOptions::default()).file_problem,
        Some(FileProblem::BadWorkbook(_))
    ));
}

#[test]
fn excel_workbook() {
    let o = read("workbook.xlsx");
    no_problems(&o);
    assert_eq!(o.parse.source, SourceKind::Workbook);
    assert_eq!(o.parse.sheets, vec!["Lisez-moi", "Factures", "Autre"]);
    assert_eq!((o.parse.sheet.as_deref(), o.parse.header_line), (Some("Factures"), 3));
    let first = item(&o, "X-1");
    assert_eq!(
        (first.amount, first.issue_date, first.due_date),
        (d("1234.5"), date(2025, 1, 15), date(2025, 2, 14))
    );
    assert_eq!((first.line, client(&o, first)), (4, "Fonderie Arnaud"));
    assert_eq!(item(&o, "0042").amount, d("0.1"));
    assert_eq!((item(&o, "X-3").amount, item(&o, "X-3").paid), (d("99999.99"), Some(d("500"))));

    // Another sheet, and one that does not exist.
    let options = ImportOptions { sheet: Some("Autre".into()), ..ImportOptions::default() };
    let o = read_with("workbook.xlsx", &options);
    assert_eq!(item(&o, "Z-1").due_date, date(2025, 1, 31));
    let options = ImportOptions { sheet: Some("Nope".into()), ..ImportOptions::default() };
    assert_eq!(
        read_with("workbook.xlsx", &options).file_problem,
        Some(FileProblem::NoSuchSheet("Nope".into()))
    );
}

#[test]
fn excel_97_and_opendocument_workbooks() {
    let o = read("workbook.xls");
    no_problems(&o);
    assert_eq!((o.parse.source, o.parse.header_line), (SourceKind::Workbook, 1));
    let first = item(&o, "X-1");
    assert_eq!((first.amount, first.issue_date, first.line), (d("1234.5"), date(2025, 1, 15), 2));
    assert_eq!(item(&o, "0042").amount, d("0.1"));
    let o = read("workbook.ods");
    no_problems(&o);
    assert_eq!(o.parse.sheets, vec!["Invoices"]);
    let last = item(&o, "X-3");
    assert_eq!(
        (last.amount, last.due_date, client(&o, last)),
        (d("99999.99"), date(2025, 1, 30), "Laiterie Simon")
    );
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let o = import(&bytes, None, &ImportOptions::default());
            prop_assert_eq!(o.summary.rows_read, o.summary.rows_used + o.summary.rows_rejected);
        }

        #[test]
        fn broken_workbooks(
            tail in proptest::collection::vec(any::<u8>(), 0..600),
            ole in any::<bool>(),
        ) {
            let mut bytes = if ole {
                vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
            } else {
                b"PK\x03\x04".to_vec()
            };
            bytes.extend(tail);
            let o = import(&bytes, Some("book.xlsx"), &ImportOptions::default());
            prop_assert!(o.file_problem.is_some());
        }

        #[test]
        fn damaged_workbooks(cut in 0usize..7000, at in 0usize..7000, byte in any::<u8>()) {
            let mut bytes = fixture("workbook.xlsx");
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
            bytes.truncate(cut.max(at + 1));
            let o = import(&bytes, Some("book.xlsx"), &ImportOptions::default());
            prop_assert_eq!(o.summary.rows_read, o.summary.rows_used + o.summary.rows_rejected);
        }

        #[test]
        fn csv_like_text(text in "[a-zA-Z0-9 ;,.\"\\-/€\r\n]{0,300}") {
            let input = format!("Facture;Client;Montant;Échéance\n{text}");
            let o = import(input.as_bytes(), None, &ImportOptions::default());
            prop_assert_eq!(o.summary.rows_read, o.summary.rows_used + o.summary.rows_rejected);
        }
    }
}
