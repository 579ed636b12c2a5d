//! A generated French invoice export of any size, shared by the large-file test and the
//! pipeline benchmark: semicolons, `1 234,56` amounts, `31/01/2025` dates, 5,000 clients,
//! a third of the invoices part-paid.

use std::fmt::Write;

/// The export's text, header included, with `rows` invoices.
pub fn french_export(rows: usize) -> String {
    let mut text = String::with_capacity(rows * 80 + 100);
    text.push_str("N° facture;Client;Montant TTC;Date facture;Échéance;Réglé\r\n");
    for i in 0..rows {
        let _ = write!(
            text,
            "FA-{i:07};Client numéro {};{} {:03},{:02};{:02}/{:02}/2024;{:02}/{:02}/2025;{}\r\n",
            i % 5000,
            1 + i % 90,
            i % 1000,
            i % 100,
            1 + i % 28,
            1 + i % 12,
            1 + i % 28,
            1 + i % 12,
            if i % 3 == 0 { "100,00" } else { "0" },
        );
    }
    text
}
