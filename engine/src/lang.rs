//! The languages the engine writes its messages in.

use serde::{Deserialize, Serialize};

/// A user-interface language. French first: it is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fr,
    En,
}
