//! Column names in French and English: which field a header means, and which row of a file
//! is its header.

use crate::import::Field;

/// A header reduced for comparison: lowercase, accents and everything but letters and digits
/// removed. `N° facture` gives `nfacture`, `Date d'échéance` gives `datedecheance`.
pub fn normalize(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.chars().flat_map(char::to_lowercase) {
        let (first, second) = crate::text::fold_letter(c);
        out.extend(std::iter::once(first).chain(second).filter(char::is_ascii_alphanumeric));
    }
    out
}

/// How sure a name is: a generic name (`date`, `total`, `type`) gives way to a specific one
/// (`date facture`, `montant TTC`) when a file has both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Generic,
    Specific,
}

/// Known names, normalised, with the field they mean.
const NAMES: &[(&str, Field, Strength)] = {
    use Field::*;
    use Strength::*;
    &[
        ("facture", Invoice, Specific),
        ("nfacture", Invoice, Specific),
        ("nofacture", Invoice, Specific),
        ("numfacture", Invoice, Specific),
        ("numero", Invoice, Generic),
        ("numerofacture", Invoice, Specific),
        ("numerodefacture", Invoice, Specific),
        ("invoice", Invoice, Specific),
        ("invoicenumber", Invoice, Specific),
        ("invoiceno", Invoice, Specific),
        ("invoicenum", Invoice, Specific),
        ("invoiceid", Invoice, Specific),
        ("invoiceref", Invoice, Specific),
        ("details", Invoice, Generic),
        ("reference", Invoice, Generic),
        ("ref", Invoice, Generic),
        ("piece", Invoice, Generic),
        ("npiece", Invoice, Specific),
        ("numeropiece", Invoice, Specific),
        ("number", Invoice, Generic),
        ("documentnumber", Invoice, Specific),
        ("echeancen", Instalment, Specific),
        ("echeanceno", Instalment, Specific),
        ("necheance", Instalment, Specific),
        ("numeroecheance", Instalment, Specific),
        ("installment", Instalment, Specific),
        ("instalment", Instalment, Specific),
        ("installmentnumber", Instalment, Specific),
        ("installmentno", Instalment, Specific),
        ("tranche", Instalment, Specific),
        ("client", Client, Specific),
        ("customer", Client, Specific),
        ("customerid", Client, Specific),
        ("nom", Client, Generic),
        ("raisonsociale", Client, Specific),
        ("customername", Client, Specific),
        ("clientname", Client, Specific),
        ("nomclient", Client, Specific),
        ("nomduclient", Client, Specific),
        ("codeclient", Client, Generic),
        ("tiers", Client, Specific),
        ("debtor", Client, Specific),
        ("montant", Amount, Specific),
        ("montantttc", Amount, Specific),
        ("montantfacture", Amount, Specific),
        ("amount", Amount, Specific),
        ("invoiceamount", Amount, Specific),
        ("totalamount", Amount, Specific),
        ("total", Amount, Generic),
        ("totalttc", Amount, Specific),
        ("regle", Paid, Specific),
        ("montantregle", Paid, Specific),
        ("paye", Paid, Specific),
        ("montantpaye", Paid, Specific),
        ("paid", Paid, Specific),
        ("amountpaid", Paid, Specific),
        ("paidamount", Paid, Specific),
        ("encaisse", Paid, Specific),
        ("montantencaisse", Paid, Specific),
        ("solde", Balance, Specific),
        ("restedu", Balance, Specific),
        ("resteapayer", Balance, Specific),
        ("montantdu", Balance, Specific),
        ("balance", Balance, Specific),
        ("balancedue", Balance, Specific),
        ("outstanding", Balance, Specific),
        ("amountdue", Balance, Specific),
        ("openamount", Balance, Specific),
        ("date", IssueDate, Generic),
        ("datedemission", IssueDate, Specific),
        ("dateemission", IssueDate, Specific),
        ("datefacture", IssueDate, Specific),
        ("datedefacture", IssueDate, Specific),
        ("datefacturation", IssueDate, Specific),
        ("invoicedate", IssueDate, Specific),
        ("issuedate", IssueDate, Specific),
        ("dateissued", IssueDate, Specific),
        ("datepiece", IssueDate, Specific),
        ("echeance", DueDate, Specific),
        ("datedecheance", DueDate, Specific),
        ("dateecheance", DueDate, Specific),
        ("datelimite", DueDate, Specific),
        ("duedate", DueDate, Specific),
        ("due", DueDate, Generic),
        ("dueon", DueDate, Specific),
        ("delai", Terms, Specific),
        ("delaidepaiement", Terms, Specific),
        ("terms", Terms, Specific),
        ("conditions", Terms, Specific),
        ("conditionsdepaiement", Terms, Specific),
        ("conditionsdereglement", Terms, Specific),
        ("paymentterms", Terms, Specific),
        ("datedereglement", PaymentDate, Specific),
        ("datereglement", PaymentDate, Specific),
        ("datedepaiement", PaymentDate, Specific),
        ("datepaiement", PaymentDate, Specific),
        ("paidon", PaymentDate, Specific),
        ("paiddate", PaymentDate, Specific),
        ("datepaid", PaymentDate, Specific),
        ("paymentdate", PaymentDate, Specific),
        ("settleddate", PaymentDate, Specific),
        ("settlementdate", PaymentDate, Specific),
        ("devise", Currency, Specific),
        ("currency", Currency, Specific),
        ("monnaie", Currency, Specific),
        ("statut", Status, Specific),
        ("status", Status, Specific),
        ("etat", Status, Specific),
        ("litige", Disputed, Specific),
        ("enlitige", Disputed, Specific),
        ("conteste", Disputed, Specific),
        ("disputed", Disputed, Specific),
        ("dispute", Disputed, Specific),
        ("email", Email, Specific),
        ("courriel", Email, Specific),
        ("contact", Email, Generic),
        ("mail", Email, Generic),
        ("emailaddress", Email, Specific),
        ("adresseemail", Email, Specific),
        ("commercial", Owner, Specific),
        ("responsable", Owner, Specific),
        ("accountowner", Owner, Specific),
        ("salesperson", Owner, Specific),
        ("salesrep", Owner, Specific),
        ("owner", Owner, Specific),
        ("vendeur", Owner, Specific),
        ("type", Kind, Generic),
        ("nature", Kind, Generic),
        ("typedepiece", Kind, Specific),
        ("documenttype", Kind, Specific),
        ("doctype", Kind, Specific),
    ]
};

/// The field a header names, if it is a known name.
pub fn recognize(header: &str) -> Option<(Field, Strength)> {
    let key = normalize(header);
    NAMES.iter().find(|(name, _, _)| *name == key).map(|&(_, field, strength)| (field, strength))
}

/// Assigns fields to headers: each field goes to one column, a specific name before a generic
/// one, then the leftmost. The other columns get `None`.
pub fn map_headers<'a>(headers: impl Iterator<Item = &'a str>) -> Vec<Option<Field>> {
    // Recognise each header on its own.
    let found: Vec<Option<(Field, Strength)>> = headers.map(recognize).collect();

    // Keep the best column of each field.
    let mut mapping = vec![None; found.len()];
    for (i, guess) in found.iter().enumerate() {
        let Some((field, strength)) = *guess else { continue };
        let better = found.iter().enumerate().any(|(j, other)| {
            other.is_some_and(|(f, s)| f == field && (s > strength || (s == strength && j < i)))
        });
        if !better {
            mapping[i] = Some(field);
        }
    }
    mapping
}

/// How many distinct fields a row's cells name: the score of a header candidate.
pub fn header_score<'a>(cells: impl Iterator<Item = &'a str>) -> usize {
    let mut seen: Vec<Field> = Vec::new();
    for (field, _) in cells.filter_map(recognize) {
        if !seen.contains(&field) {
            seen.push(field);
        }
    }
    seen.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &str, expected: Option<Field>) {
        assert_eq!(recognize(header).map(|(f, _)| f), expected, "{header:?}");
    }

    #[test]
    fn names() {
        use Field::*;
        let table: &[(&str, Option<Field>)] = &[
            ("Facture", Some(Invoice)),
            ("N° facture", Some(Invoice)),
            ("Numéro", Some(Invoice)),
            ("numero facture", Some(Invoice)),
            ("Invoice Number", Some(Invoice)),
            ("invoice_number", Some(Invoice)),
            ("invoiceNumber", Some(Invoice)),
            ("Invoice No.", Some(Invoice)),
            ("Details", Some(Invoice)),
            ("Référence", Some(Invoice)),
            ("Pièce", Some(Invoice)),
            ("Échéance n°", Some(Instalment)),
            ("installment", Some(Instalment)),
            ("Tranche", Some(Instalment)),
            ("customerID", Some(Client)),
            ("Raison sociale", Some(Client)),
            ("Tiers", Some(Client)),
            ("Montant TTC", Some(Amount)),
            ("InvoiceAmount", Some(Amount)),
            ("TOTAL TTC", Some(Amount)),
            ("Réglé", Some(Paid)),
            ("Montant réglé", Some(Paid)),
            ("Encaissé", Some(Paid)),
            ("Amount Paid", Some(Paid)),
            ("Reste dû", Some(Balance)),
            ("Reste à payer", Some(Balance)),
            ("Balance Due", Some(Balance)),
            ("Date d'émission", Some(IssueDate)),
            ("InvoiceDate", Some(IssueDate)),
            ("issue_date", Some(IssueDate)),
            ("Échéance", Some(DueDate)),
            ("Date d'échéance", Some(DueDate)),
            ("DueDate", Some(DueDate)),
            ("due_date", Some(DueDate)),
            ("Délai de paiement", Some(Terms)),
            ("Payment terms", Some(Terms)),
            ("Conditions de paiement", Some(Terms)),
            ("Date de règlement", Some(PaymentDate)),
            ("Paid on", Some(PaymentDate)),
            ("SettledDate", Some(PaymentDate)),
            ("payment_date", Some(PaymentDate)),
            ("Devise", Some(Currency)),
            ("Monnaie", Some(Currency)),
            ("État", Some(Status)),
            ("Litige", Some(Disputed)),
            ("Contesté", Some(Disputed)),
            ("E-mail", Some(Email)),
            ("Courriel", Some(Email)),
            ("Account owner", Some(Owner)),
            ("Commercial", Some(Owner)),
            ("Nature", Some(Kind)),
            ("PaperlessDate", None),
            ("label", None),
            ("", None),
        ];
        for &(header, field) in table {
            check(header, field);
        }
    }

    #[test]
    fn specific_names_win() {
        use Field::*;
        let got =
            map_headers(["Date", "Date facture", "Total", "Montant TTC", "Client"].into_iter());
        assert_eq!(got, vec![None, Some(IssueDate), None, Some(Amount), Some(Client)]);
        let got = map_headers(["Client", "client"].into_iter());
        assert_eq!(got, vec![Some(Client), None]);
    }
}
