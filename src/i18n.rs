//! Every sentence of the interface, in French and English. Components name a [`Key`] or call
//! one of the functions below; engine messages come from the engine's own `message(lang)`.

use encours_engine::lang::Lang;

use crate::display;

/// A piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Tagline,
    OtherLanguage,
    ClearData,
    SavedUnreadable,
    SavedRawText,
    StartFresh,
    TooLargeToKeep,
    FileUnreadable,
    Dismiss,
    ImportHeading,
    PrivacyNote,
    DropHint,
    PasteLabel,
    Analyse,
    ChooseFile,
    DropNow,
    TrySample,
    Detect,
    Encoding,
    EncodingUtf8,
    EncodingWindows1252,
    EncodingLatin9,
    EncodingUtf16,
    Delimiter,
    Semicolon,
    Comma,
    Tab,
    Pipe,
    DecimalMark,
    DecimalComma,
    DecimalDot,
    DateOrder,
    DayFirst,
    MonthFirst,
    DateOrderAmbiguous,
    DetectedHeading,
    HeaderLine,
    Sheet,
    ColumnsHeading,
    Column,
    FirstValues,
    Field,
    IgnoreColumn,
    SummaryHeading,
    RowsRead,
    RowsUsed,
    RowsRejected,
    OpenInvoices,
    OpenClients,
    TotalOutstanding,
    TotalOverdue,
    PercentOverdue,
    WeightedDays,
    Dso,
    AsOfShort,
    AgedBalanceHeading,
    NothingOpen,
    Client,
    Total,
    ChartHeading,
    OpenInvoicesHeading,
    InvoiceNumber,
    DueDate,
    DaysPastDue,
    Bucket,
    Outstanding,
    RejectedHeading,
    NoRejectedRows,
    WarningsHeading,
    NoWarnings,
    ExcludedHeading,
    SettingsHeading,
    AsOfDate,
    Today,
    BucketEdges,
    BucketPresets,
    Basis,
    BasisDue,
    BasisIssue,
    EndOfMonth,
    EndOfMonthA,
    EndOfMonthB,
    DefaultTerms,
    DefaultCurrency,
    Disputed,
    DisputedInclude,
    DisputedExclude,
    PriorityHeading,
    SortBy,
    StrategyAmount,
    StrategyAge,
    StrategyClient,
    StrategyScore,
    MinimumAmount,
    NotAnAmount,
    PenaltiesOn,
    EcbRate,
    LetterSender,
    LetterDeadline,
    LadderHeading,
    EcbRateAfterAsOf,
    ScoreHeading,
    ScoreHint,
    ScoreAmountWeight,
    ScoreAgeWeight,
    ScoreBehaviourWeight,
    ScoreAgeScale,
    ScoreLatenessScale,
    LadderHint,
    NothingOverdue,
    DueSoonHeading,
    MarkKeyAccount,
    OwnerCallDone,
    ReminderText,
    ShortVersion,
    Copy,
    Copied,
    SendEmail,
    ExportHeading,
    ExportCsv,
    Print,
}

/// The text of `key` in `lang`.
pub fn text(lang: Lang, key: Key) -> &'static str {
    let (fr, en) = pair(key);
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn pair(key: Key) -> (&'static str, &'static str) {
    use Key::*;
    match key {
        Tagline => (
            "Balance âgée et priorités de relance, calculées dans votre navigateur",
            "Aged receivables and collection priorities, computed in your browser",
        ),
        OtherLanguage => ("English", "Français"),
        ClearData => ("Effacer mes données", "Clear my data"),
        SavedUnreadable => (
            "Les données enregistrées lors de votre dernière visite sont illisibles. Rien n'a \
             été effacé : le texte brut est ci-dessous.",
            "The data saved on your last visit cannot be read. Nothing was erased: the raw text \
             is below.",
        ),
        SavedRawText => ("Données enregistrées (texte brut)", "Saved data (raw text)"),
        StartFresh => ("Effacer et repartir de zéro", "Erase and start afresh"),
        TooLargeToKeep => (
            "Ces données sont trop volumineuses pour être gardées dans le navigateur : elles \
             seront perdues au rechargement de la page.",
            "This data is too large to be kept in the browser: it will be lost when the page \
             reloads.",
        ),
        FileUnreadable => ("Le fichier n'a pas pu être lu.", "The file could not be read."),
        Dismiss => ("Fermer", "Dismiss"),
        ImportHeading => ("Vos factures", "Your invoices"),
        PrivacyNote => (
            "Tout est calculé sur votre machine : aucune donnée n'est envoyée.",
            "Everything is computed on your machine: no data is sent anywhere.",
        ),
        DropHint => (
            "Vous pouvez aussi déposer un fichier n'importe où sur la page (CSV, texte, Excel).",
            "You can also drop a file anywhere on the page (CSV, text, Excel).",
        ),
        PasteLabel => ("Données des factures (CSV)", "Invoice data (CSV)"),
        Analyse => ("Analyser", "Analyse"),
        ChooseFile => ("Choisir un fichier", "Choose a file"),
        DropNow => ("Déposez le fichier pour le lire", "Drop the file to read it"),
        TrySample => ("Essayer avec l'exemple", "Try with sample data"),
        Detect => ("Détecter", "Detect"),
        Encoding => ("Encodage", "Encoding"),
        EncodingUtf8 => ("UTF-8", "UTF-8"),
        EncodingWindows1252 => ("Windows-1252 (Excel)", "Windows-1252 (Excel)"),
        EncodingLatin9 => ("ISO-8859-15", "ISO-8859-15"),
        EncodingUtf16 => ("UTF-16", "UTF-16"),
        Delimiter => ("Séparateur", "Delimiter"),
        Semicolon => ("point-virgule ;", "semicolon ;"),
        Comma => ("virgule ,", "comma ,"),
        Tab => ("tabulation", "tab"),
        Pipe => ("barre verticale |", "pipe |"),
        DecimalMark => ("Marque décimale", "Decimal mark"),
        DecimalComma => ("virgule (1 234,56)", "comma (1 234,56)"),
        DecimalDot => ("point (1,234.56)", "dot (1,234.56)"),
        DateOrder => ("Ordre des dates", "Date order"),
        DayFirst => ("jour d'abord (31/01/2025)", "day first (31/01/2025)"),
        MonthFirst => ("mois d'abord (01/31/2025)", "month first (01/31/2025)"),
        DateOrderAmbiguous => (
            "Toutes les dates se lisent dans les deux ordres : vérifiez ce choix.",
            "Every date reads both ways: check this choice.",
        ),
        DetectedHeading => ("Lecture du fichier", "How the file was read"),
        HeaderLine => ("Ligne d'en-tête", "Header line"),
        Sheet => ("Feuille", "Sheet"),
        ColumnsHeading => ("Colonnes", "Columns"),
        Column => ("Colonne", "Column"),
        FirstValues => ("Premières valeurs", "First values"),
        Field => ("Contenu", "Holds"),
        IgnoreColumn => ("— ignorer —", "— ignore —"),
        SummaryHeading => ("Synthèse", "Summary"),
        RowsRead => ("Lignes lues", "Rows read"),
        RowsUsed => ("Lignes retenues", "Rows used"),
        RowsRejected => ("Lignes rejetées", "Rows rejected"),
        OpenInvoices => ("Pièces ouvertes", "Open items"),
        OpenClients => ("Clients concernés", "Clients with open items"),
        TotalOutstanding => ("Encours total", "Total outstanding"),
        TotalOverdue => ("Dont échu", "Of which overdue"),
        PercentOverdue => ("Part échue", "Share overdue"),
        WeightedDays => ("Retard moyen pondéré", "Weighted days past due"),
        Dso => ("DSO (méthode par épuisement)", "DSO (count-back)"),
        AsOfShort => ("Arrêté au", "As of"),
        AgedBalanceHeading => ("Balance âgée", "Aged balance"),
        NothingOpen => ("Aucune pièce ouverte à cette date.", "No open item at this date."),
        Client => ("Client", "Client"),
        Total => ("Total", "Total"),
        ChartHeading => ("Encours par tranche", "Outstanding by bucket"),
        OpenInvoicesHeading => ("Factures ouvertes", "Open invoices"),
        InvoiceNumber => ("N° de pièce", "Item number"),
        DueDate => ("Échéance", "Due date"),
        DaysPastDue => ("Jours de retard", "Days past due"),
        Bucket => ("Tranche", "Bucket"),
        Outstanding => ("Reste dû", "Outstanding"),
        RejectedHeading => ("Lignes rejetées", "Rejected rows"),
        NoRejectedRows => ("Aucune ligne rejetée.", "No row was rejected."),
        WarningsHeading => ("Avertissements", "Warnings"),
        NoWarnings => ("Aucun avertissement.", "No warnings."),
        ExcludedHeading => ("Pièces hors balance", "Items left out of the balance"),
        SettingsHeading => ("Réglages", "Settings"),
        AsOfDate => ("Date d'arrêté", "As-of date"),
        Today => ("Aujourd'hui", "Today"),
        BucketEdges => ("Tranches (jours de retard)", "Buckets (days past due)"),
        BucketPresets => ("Tranches toutes prêtes", "Ready-made buckets"),
        Basis => ("Compter les jours depuis", "Count days from"),
        BasisDue => ("l'échéance", "the due date"),
        BasisIssue => ("la date de facture", "the issue date"),
        EndOfMonth => ("« N jours fin de mois »", "\"N days end of month\""),
        EndOfMonthA => ("date + N jours, puis fin de mois", "date + N days, then end of month"),
        EndOfMonthB => ("fin de mois, puis + N jours", "end of month, then + N days"),
        DefaultTerms => ("Délai par défaut (jours)", "Default terms (days)"),
        DefaultCurrency => ("Devise par défaut", "Default currency"),
        Disputed => ("Pièces en litige", "Disputed items"),
        DisputedInclude => ("incluses", "included"),
        DisputedExclude => ("exclues", "excluded"),
        PriorityHeading => ("Qui relancer en premier", "Who to chase first"),
        SortBy => ("Trier par", "Sort by"),
        StrategyAmount => ("Montant", "Amount"),
        StrategyAge => ("Ancienneté", "Age"),
        StrategyClient => ("Client", "Client"),
        StrategyScore => ("Score combiné", "Combined score"),
        MinimumAmount => ("Montant minimum à relancer", "Minimum amount to chase"),
        NotAnAmount => ("ce n'est pas un montant", "not an amount"),
        PenaltiesOn => (
            "Pénalités de retard (entre professionnels)",
            "Late-payment penalties (business clients)",
        ),
        EcbRate => ("Taux BCE (%)", "ECB rate (%)"),
        LetterSender => ("Signature des relances", "Reminders signed by"),
        LetterDeadline => ("Délai de paiement accordé (jours)", "Days given to pay"),
        LadderHeading => ("Paliers de relance", "Reminder ladder"),
        EcbRateAfterAsOf => (
            "— ce taux est postérieur à la date d'arrêté : saisissez le taux BCE \
             applicable à cette date.",
            "— this rate is later than the as-of date: enter the ECB rate in force at that date.",
        ),
        ScoreHeading => ("Score combiné : pondérations", "Combined score: weights"),
        ScoreHint => (
            "score = poids montant × part de l'encours échu + poids ancienneté × retard / \
             plafond + poids comportement × retard moyen de paiement / plafond",
            "score = amount weight × share of the overdue total + age weight × days past due / \
             cap + behaviour weight × average days paid late / cap",
        ),
        ScoreAmountWeight => ("Poids du montant", "Amount weight"),
        ScoreAgeWeight => ("Poids de l'ancienneté", "Age weight"),
        ScoreBehaviourWeight => ("Poids du comportement de paiement", "Payment behaviour weight"),
        ScoreAgeScale => ("Plafond d'ancienneté (jours)", "Age cap (days)"),
        ScoreLatenessScale => ("Plafond du retard moyen (jours)", "Average lateness cap (days)"),
        LadderHint => (
            "Dernier jour de retard de chaque palier ; au-delà du dernier : mise en demeure. Le \
             rappel préventif vise les pièces dues dans ce nombre de jours.",
            "Last day past due of each step; beyond the last one: formal notice. The preventive \
             reminder covers items due within that many days.",
        ),
        NothingOverdue => ("Aucun client en retard.", "No client is overdue."),
        DueSoonHeading => ("Échéances proches", "Due soon"),
        MarkKeyAccount => ("Compte clé", "Key account"),
        OwnerCallDone => ("Appel du responsable fait", "Owner's call made"),
        ReminderText => ("Texte de relance", "Reminder text"),
        ShortVersion => ("Version courte :", "Short version:"),
        Copy => ("Copier", "Copy"),
        Copied => ("Copié", "Copied"),
        SendEmail => ("Écrire l'e-mail", "Write the e-mail"),
        ExportHeading => ("Exporter", "Export"),
        ExportCsv => ("Exporter CSV", "Export CSV"),
        Print => ("Imprimer", "Print"),
    }
}

/// A detected delimiter for people.
pub fn delimiter(lang: Lang, value: &str) -> String {
    let key = match value {
        ";" => Key::Semicolon,
        "," => Key::Comma,
        "tab" => Key::Tab,
        "|" => Key::Pipe,
        "" => return none(lang),
        other => return format!("« {other} »"),
    };
    text(lang, key).to_owned()
}

/// A detected decimal mark for people.
pub fn decimal_mark(lang: Lang, value: &str) -> String {
    match value {
        "," => text(lang, Key::DecimalComma).to_owned(),
        "." => text(lang, Key::DecimalDot).to_owned(),
        _ => none(lang),
    }
}

/// A detected date order for people.
pub fn date_order(lang: Lang, value: &str) -> String {
    match value {
        "day-first" => text(lang, Key::DayFirst).to_owned(),
        "month-first" => text(lang, Key::MonthFirst).to_owned(),
        _ => none(lang),
    }
}

fn none(lang: Lang) -> String {
    match lang {
        Lang::Fr => "sans objet".to_owned(),
        Lang::En => "not applicable".to_owned(),
    }
}

/// The pasted text being read, with its size.
pub fn source_pasted(lang: Lang, bytes: usize) -> String {
    let size = display::count(bytes, lang);
    match lang {
        Lang::Fr => format!("Source : texte collé ({size} octets)"),
        Lang::En => format!("Source: pasted text ({size} bytes)"),
    }
}

/// The file being read, with its size.
pub fn source_file(lang: Lang, name: &str, bytes: usize) -> String {
    let size = display::count(bytes, lang);
    match lang {
        Lang::Fr => format!("Source : fichier « {name} » ({size} octets)"),
        Lang::En => format!("Source: file \"{name}\" ({size} bytes)"),
    }
}

/// The accessible name of a column's field selector.
pub fn field_for_column(lang: Lang, header: &str) -> String {
    match lang {
        Lang::Fr => format!("Contenu de la colonne « {header} »"),
        Lang::En => format!("Contents of column \"{header}\""),
    }
}

/// `1 000 affichées sur 2 345`.
pub fn shown_of(lang: Lang, shown: usize, total: usize) -> String {
    let (shown, all) = (display::count(shown, lang), display::count(total, lang));
    match lang {
        Lang::Fr => format!("{shown} affichées sur {all}"),
        Lang::En => format!("{shown} shown of {all}"),
    }
}

/// The ECB rate's note: since when, and the resulting annual rate.
pub fn ecb_rate_note(lang: Lang, since: &str, annual: &str) -> String {
    match lang {
        Lang::Fr => {
            format!("taux en vigueur depuis le {since} ; taux annuel appliqué : {annual} %")
        }
        Lang::En => format!("rate in force since {since}; annual rate applied: {annual}%"),
    }
}

/// How many items the minimum amount left out, and their sums.
pub fn below_minimum(lang: Lang, items: usize, amounts: &str) -> String {
    match lang {
        Lang::Fr => {
            format!("{items} pièce(s) sous le montant minimum, non relancées : {amounts}")
        }
        Lang::En => format!("{items} item(s) below the minimum amount, not chased: {amounts}"),
    }
}

/// How many disputed items were kept out of the reminders, and their sums.
pub fn disputed_left_out(lang: Lang, items: usize, amounts: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{items} pièce(s) en litige, non relancées ni pénalisées tant que le litige dure : \
             {amounts}"
        ),
        Lang::En => format!(
            "{items} disputed item(s), neither chased nor charged penalties while disputed: \
             {amounts}"
        ),
    }
}

/// `12 jours de retard`, `dans 3 jours`, `dû aujourd'hui`.
pub fn days_past_due(lang: Lang, days: i64) -> String {
    match (lang, days) {
        (Lang::Fr, 0) => "dû aujourd'hui".to_owned(),
        (Lang::En, 0) => "due today".to_owned(),
        (Lang::Fr, d) if d < 0 => format!("dû dans {} j", -d),
        (Lang::En, d) if d < 0 => format!("due in {} days", -d),
        (Lang::Fr, d) => format!("{d} j de retard"),
        (Lang::En, d) => format!("{d} days past due"),
    }
}

/// The oldest item's lateness on a client card.
pub fn oldest_days(lang: Lang, days: i64) -> String {
    match lang {
        Lang::Fr => format!("plus ancien retard : {}", days_past_due(lang, days)),
        Lang::En => format!("oldest: {}", days_past_due(lang, days)),
    }
}

/// A preventive card's figure: what falls due within the preventive window.
pub fn due_soon(lang: Lang, amount: &str) -> String {
    match lang {
        Lang::Fr => format!("{amount} à échoir prochainement"),
        Lang::En => format!("{amount} falling due soon"),
    }
}

/// The penalties of a client: interest in its currency, indemnity in euros.
pub fn penalties_line(lang: Lang, interest: &str, indemnity: &str, invoices: u32) -> String {
    let (fr, en) = match invoices {
        1 => ("facture", "invoice"),
        _ => ("factures", "invoices"),
    };
    match lang {
        Lang::Fr => format!(
            "Pénalités : intérêts {interest} + indemnité forfaitaire {indemnity} \
             ({invoices} {fr})"
        ),
        Lang::En => format!(
            "Penalties: interest {interest} + fixed indemnity {indemnity} ({invoices} {en})"
        ),
    }
}

/// The count of items a card does not list.
pub fn more_items(lang: Lang, count: usize) -> String {
    let count = display::count(count, lang);
    match lang {
        Lang::Fr => format!("… et {count} autre(s), toutes dans le texte de relance"),
        Lang::En => format!("… and {count} more, all in the reminder text"),
    }
}

/// The accessible name of a card's Copy button.
pub fn copy_reminder(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Copier la relance de {name}"),
        Lang::En => format!("Copy the reminder to {name}"),
    }
}

/// The accessible name of a card's e-mail link.
pub fn email_reminder(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Écrire l'e-mail de relance à {name}"),
        Lang::En => format!("Write the reminder e-mail to {name}"),
    }
}

/// The label of a client's note.
pub fn note_about(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Note sur {name}"),
        Lang::En => format!("Note on {name}"),
    }
}
