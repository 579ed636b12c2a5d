//! The only module touching browser storage: one versioned localStorage key, `encours.v1`,
//! holding the last input and every choice of the user.
//!
//! Loading happens once, at start-up, in `app::App`. Saved data that cannot be read is never
//! replaced in silence: [`load`] hands back the raw text so the page can show it.

use base64::Engine as _;
use chrono::NaiveDate;
use encours_engine::aging::AgingSettings;
use encours_engine::import::ImportOptions;
use encours_engine::lang::Lang;
use encours_engine::letter::LetterSettings;
use encours_engine::priority::PrioritySettings;
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use crate::engine_bridge::{Input, Mappings};

/// The localStorage key; the number changes when the saved shape does.
pub const KEY: &str = "encours.v1";
/// The `version` written in the saved data.
pub const VERSION: u32 = 1;

/// Everything kept between visits. Fields added later read as their defaults from older data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    pub version: u32,
    pub input: Option<SavedInput>,
    pub options: ImportOptions,
    pub as_of: Option<NaiveDate>,
    pub aging: AgingSettings,
    /// Strategy, ladder, minimum amount, key accounts and client notes.
    pub priority: PrioritySettings,
    /// Penalties, payment deadline and signature of the reminders.
    pub letter: LetterSettings,
    pub lang: Lang,
    /// Import choices the user made, per header signature as detected.
    pub mappings: Mappings,
    /// The current input's detected header signature, once the user made a choice for it.
    pub choices_key: Option<String>,
}

/// The last input: pasted text, or a file's name and its bytes in base64.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SavedInput {
    Text { text: String },
    File { name: String, base64: String },
}

impl SavedInput {
    pub fn from_input(input: &Input) -> SavedInput {
        match input {
            Input::Text(text) => SavedInput::Text { text: text.clone() },
            Input::File { name, bytes } => SavedInput::File {
                name: name.clone(),
                base64: base64::engine::general_purpose::STANDARD.encode(bytes.as_slice()),
            },
        }
    }

    /// The input back, or why the saved bytes are unreadable.
    pub fn to_input(&self) -> Result<Input, String> {
        match self {
            SavedInput::Text { text } => Ok(Input::Text(text.clone())),
            SavedInput::File { name, base64 } => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(base64)
                    .map_err(|error| error.to_string())?;
                Ok(Input::File { name: name.clone(), bytes: bytes.into() })
            }
        }
    }
}

/// What start-up found in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    Nothing,
    Saved(Box<Saved>),
    /// Saved data that could not be read: its raw text and why.
    Unreadable {
        raw: String,
        reason: String,
    },
}

/// Why saving failed.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser refused the data, most likely over its size limit (about 5 MB).
    TooLarge(String),
}

/// Reads the saved data, once, at start-up.
pub fn load() -> Loaded {
    // Read the raw text; nothing saved is the first visit.
    let raw = match LocalStorage::get::<serde_json::Value>(KEY) {
        Ok(value) => value,
        Err(StorageError::KeyNotFound(_)) => return Loaded::Nothing,
        Err(error) => {
            let raw = LocalStorage::raw().get_item(KEY).ok().flatten().unwrap_or_default();
            return Loaded::Unreadable { raw, reason: error.to_string() };
        }
    };

    // Check the version, then the shape.
    let version = raw.get("version").and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(VERSION)) {
        let reason = format!("expected version {VERSION}, found {version:?}");
        return Loaded::Unreadable { raw: raw.to_string(), reason };
    }
    match serde_json::from_value::<Saved>(raw.clone()) {
        Ok(saved) => Loaded::Saved(Box::new(saved)),
        Err(error) => Loaded::Unreadable { raw: raw.to_string(), reason: error.to_string() },
    }
}

/// Writes `saved` under the key.
pub fn save(saved: &Saved) -> Result<(), SaveError> {
    LocalStorage::set(KEY, saved).map_err(|error| SaveError::TooLarge(error.to_string()))
}

/// Removes the key: "clear my data".
pub fn clear() {
    LocalStorage::delete(KEY);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_input_round_trips_through_base64() {
        let input = Input::File { name: "f.csv".to_owned(), bytes: vec![0xE9, b';', 0].into() };
        let saved = SavedInput::from_input(&input);
        assert_eq!(saved, SavedInput::File { name: "f.csv".to_owned(), base64: "6TsA".to_owned() });
        assert_eq!(saved.to_input(), Ok(input));
    }

    #[test]
    fn broken_base64_is_an_error_not_an_empty_file() {
        let saved = SavedInput::File { name: "f.csv".to_owned(), base64: "@@@".to_owned() };
        assert!(saved.to_input().is_err());
    }

    #[test]
    fn saved_state_round_trips_through_json() {
        let saved = Saved {
            version: VERSION,
            input: Some(SavedInput::Text { text: "a;b".to_owned() }),
            as_of: NaiveDate::from_ymd_opt(2025, 1, 31),
            lang: Lang::En,
            ..Saved::default()
        };
        let json = serde_json::to_string(&saved).expect("the state serialises");
        assert_eq!(serde_json::from_str::<Saved>(&json).expect("and reads back"), saved);
    }
}
