//! The page's reactive state: what the user chose, and the engine results derived from it.
//!
//! Three memos hold the results: the import outcome (re-read only when the input or the import
//! options change), the aged balance (re-run from the kept ledger when the settings or the
//! as-of date change), then the action plan and the late-payment penalties.

use chrono::NaiveDate;
use encours_engine::aging::{AgingReport, AgingSettings};
use encours_engine::import::{Field, ImportOptions, ImportOutcome};
use encours_engine::kpi::Kpi;
use encours_engine::lang::Lang;
use encours_engine::ledger::Currency;
use encours_engine::letter::LetterSettings;
use encours_engine::penalties::PenaltyReport;
use encours_engine::priority::{PriorityList, PrioritySettings};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::engine_bridge::{self, Input, Mappings};
use crate::i18n::{self, Key};
use crate::storage::{self, Loaded, SaveError, Saved, SavedInput};
use crate::{browser, sample};

/// Something about storage or files the user must see.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The saved data could not be read; saving waits until the user decides.
    Unreadable { raw: String, reason: String },
    /// The data is too large for localStorage: it will not survive a reload.
    TooLarge(String),
    /// A chosen file could not be read.
    FileUnreadable(String),
}

/// Every signal and memo of the page; `Copy`, shared through the Leptos context.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// The text in the paste area, read when the user presses "Analyse".
    pub draft: RwSignal<String>,
    pub input: RwSignal<Option<Input>>,
    pub options: RwSignal<ImportOptions>,
    pub as_of: RwSignal<NaiveDate>,
    pub aging: RwSignal<AgingSettings>,
    pub priority: RwSignal<PrioritySettings>,
    /// Penalty settings, payment deadline and signature of the reminders.
    pub letter: RwSignal<LetterSettings>,
    pub mappings: RwSignal<Mappings>,
    /// The current input's headers as detection read them: the key its choices are kept under.
    pub choices_key: RwSignal<Option<String>>,
    pub notice: RwSignal<Option<Notice>>,
    /// False while unreadable saved data waits for the user's decision.
    pub saving: RwSignal<bool>,
    pub today: NaiveDate,
    pub outcome: Memo<Option<Arc<ImportOutcome>>>,
    pub report: Memo<Option<Arc<AgingReport>>>,
    pub kpis: Memo<Option<Arc<BTreeMap<Currency, Kpi>>>>,
    pub plan: Memo<Option<Arc<PriorityList>>>,
    pub penalty_report: Memo<Option<Arc<PenaltyReport>>>,
}

/// Pasted text longer than this (in bytes) leaves the paste area once read: a text area holding
/// megabytes makes every later change of the page take seconds to lay out.
pub const LARGE_DRAFT: usize = 200_000;

/// The state the app has when nothing is saved.
fn pristine(today: NaiveDate) -> Saved {
    Saved { version: storage::VERSION, as_of: Some(today), ..Saved::default() }
}

/// Memos holding large values notify on every run instead of comparing the values.
fn always_changed<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

impl AppState {
    /// Builds the state from what storage held at start-up.
    pub fn new(loaded: Loaded, today: NaiveDate) -> AppState {
        // Decide the starting values and any notice.
        let (saved, notice) = match loaded {
            Loaded::Nothing => (pristine(today), None),
            Loaded::Saved(saved) => (*saved, None),
            Loaded::Unreadable { raw, reason } => {
                (pristine(today), Some(Notice::Unreadable { raw, reason }))
            }
        };
        let (input, notice) = match saved.input.as_ref().map(SavedInput::to_input) {
            Some(Ok(input)) => (Some(input), notice),
            Some(Err(reason)) => {
                let raw = serde_json::to_string(&saved).unwrap_or_default();
                (None, Some(Notice::Unreadable { raw, reason }))
            }
            None => (None, notice),
        };
        let draft = match &input {
            Some(Input::Text(text)) if text.len() <= LARGE_DRAFT => text.clone(),
            _ => String::new(),
        };
        let saving = !matches!(notice, Some(Notice::Unreadable { .. }));

        // The signals the user drives.
        let input = RwSignal::new(input);
        let options = RwSignal::new(saved.options);
        let as_of = RwSignal::new(saved.as_of.unwrap_or(today));
        let aging = RwSignal::new(saved.aging);
        let priority = RwSignal::new(saved.priority);
        let mappings = RwSignal::new(saved.mappings);
        let choices_key = RwSignal::new(saved.choices_key);

        // The engine results, each re-run only by what it reads.
        let outcome = Memo::new_with_compare(
            move |_| {
                let options = options.get();
                input.with(|input| {
                    let input = input.as_ref()?;
                    let outcome =
                        mappings.with_untracked(|m| engine_bridge::read(input, &options, m));
                    Some(Arc::new(outcome))
                })
            },
            always_changed,
        );
        let report = Memo::new_with_compare(
            move |_| {
                let outcome = outcome.get()?;
                let report = aging
                    .with(|settings| engine_bridge::age(&outcome.ledger, settings, as_of.get()));
                Some(Arc::new(report))
            },
            always_changed,
        );
        let kpis = Memo::new_with_compare(
            move |_| {
                let (outcome, report) = (outcome.get()?, report.get()?);
                let kpis =
                    aging.with(|settings| engine_bridge::kpis(&outcome.ledger, &report, settings));
                Some(Arc::new(kpis))
            },
            always_changed,
        );
        let plan = Memo::new_with_compare(
            move |_| {
                let (outcome, report) = (outcome.get()?, report.get()?);
                let plan = priority
                    .with(|settings| engine_bridge::plan(&outcome.ledger, &report, settings));
                Some(Arc::new(plan))
            },
            always_changed,
        );
        let letter = RwSignal::new(saved.letter);
        let penalty_report = Memo::new_with_compare(
            move |_| {
                let (outcome, report) = (outcome.get()?, report.get()?);
                let penalty_report = letter.with(|settings| {
                    engine_bridge::penalties(&outcome.ledger, &report, &settings.penalties)
                });
                Some(Arc::new(penalty_report))
            },
            always_changed,
        );
        AppState {
            lang: RwSignal::new(saved.lang),
            draft: RwSignal::new(draft),
            input,
            options,
            as_of,
            aging,
            priority,
            letter,
            mappings,
            choices_key,
            notice: RwSignal::new(notice),
            saving: RwSignal::new(saving),
            today,
            outcome,
            report,
            kpis,
            plan,
            penalty_report,
        }
    }

    /// The text of `key` in the current language, as a signal for component props.
    pub fn label(self, key: Key) -> Signal<String> {
        Signal::derive(move || i18n::text(self.lang.get(), key).to_owned())
    }

    /// The text of `key` in the current language, as a reactive closure for `view!`.
    pub fn t(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || i18n::text(self.lang.get(), key)
    }

    /// What storage should hold now; reading it tracks every saved signal.
    fn snapshot(self) -> Saved {
        Saved {
            version: storage::VERSION,
            input: self.input.with(|input| input.as_ref().map(SavedInput::from_input)),
            options: self.options.get(),
            as_of: Some(self.as_of.get()),
            aging: self.aging.get(),
            priority: self.priority.get(),
            lang: self.lang.get(),
            letter: self.letter.get(),
            mappings: self.mappings.get(),
            choices_key: self.choices_key.get(),
        }
    }

    /// Saves the state whenever it changes; a state equal to a first visit removes the key.
    pub fn keep_saved(self) {
        Effect::new(move |_| {
            let saved = self.snapshot();
            if !self.saving.get() {
                return;
            }
            if saved == pristine(self.today) {
                storage::clear();
                return;
            }
            match storage::save(&saved) {
                Ok(()) => {
                    if matches!(self.notice.get_untracked(), Some(Notice::TooLarge(_))) {
                        self.notice.set(None);
                    }
                }
                Err(SaveError::TooLarge(reason)) => self.notice.set(Some(Notice::TooLarge(reason))),
            }
        });
    }

    /// Starts reading a new input with every import choice back to detection.
    pub fn load_input(self, input: Input) {
        self.options.set(ImportOptions::default());
        self.choices_key.set(None);
        self.input.set(Some(input));
    }

    /// Reads the text of the paste area; a large text leaves the area once read.
    pub fn analyse_draft(self) {
        let text = self.draft.get_untracked();
        if text.len() > LARGE_DRAFT {
            self.draft.set(String::new());
        }
        self.load_input(Input::Text(text));
    }

    /// Loads the built-in sample and moves the as-of date to the one it is meant for.
    pub fn load_sample(self) {
        self.draft.set(sample::CSV.to_owned());
        self.as_of.set(sample::as_of());
        self.load_input(Input::Text(sample::CSV.to_owned()));
    }

    /// Reads a picked or dropped file, then loads it.
    pub fn open_file(self, file: web_sys::File) {
        leptos::task::spawn_local(async move {
            match browser::read_file(&file).await {
                Ok(bytes) => {
                    self.load_input(Input::File { name: file.name(), bytes: Arc::new(bytes) });
                }
                Err(reason) => self.notice.set(Some(Notice::FileUnreadable(reason))),
            }
        });
    }

    /// Maps column `index` to `field` (or ignores it), remembered as [`Self::choose_import`]
    /// says.
    pub fn choose_field(self, index: usize, field: Option<Field>) {
        let Some(outcome) = self.outcome.get_untracked() else { return };
        let mut mapping: Vec<Option<Field>> =
            outcome.parse.columns.iter().map(|column| column.field).collect();
        if let Some(slot) = mapping.get_mut(index) {
            *slot = field;
        }
        self.choose_import(|options| options.mapping = Some(mapping));
    }

    /// Changes an import choice (delimiter, encoding, decimal mark, date order, header line,
    /// sheet, mapping) for the current input, and remembers all of them for the next file whose
    /// headers detection reads the same.
    pub fn choose_import(self, change: impl FnOnce(&mut ImportOptions)) {
        // The key is the header as detection read it, taken before this input's first choice.
        let Some(outcome) = self.outcome.get_untracked() else { return };
        let key = self.choices_key.get_untracked().unwrap_or_else(|| {
            let key = engine_bridge::header_signature(&outcome.parse);
            self.choices_key.set(Some(key.clone()));
            key
        });

        // Start from the choices in force, remembered ones included, then change one.
        let mut options = self.options.get_untracked();
        if options == ImportOptions::default() {
            if let Some(remembered) = self.mappings.with_untracked(|m| m.get(&key).cloned()) {
                options = remembered;
            }
        }
        change(&mut options);
        self.mappings.update(|m| {
            m.insert(key, options.clone());
        });
        self.options.set(options);
    }

    /// Forgets everything: storage and page state.
    pub fn clear(self) {
        storage::clear();
        browser::reset_file_input("file-input");
        self.lang.set(Lang::Fr);
        self.draft.set(String::new());
        self.input.set(None);
        self.options.set(ImportOptions::default());
        self.as_of.set(self.today);
        self.aging.set(AgingSettings::default());
        self.priority.set(PrioritySettings::default());
        self.letter.set(LetterSettings::default());
        self.mappings.set(Mappings::new());
        self.choices_key.set(None);
        self.notice.set(None);
        self.saving.set(true);
    }
}

/// The page's state, from the context `app::App` provides.
pub fn use_app() -> AppState {
    // `App` provides the state before any component runs, so it is always there.
    expect_context::<AppState>()
}
