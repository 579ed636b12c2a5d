//! Encours engine: reads invoice lists, ages them and ranks who to chase, with no I/O and no
//! clock. The as-of date always comes in as a parameter.
//!
//! The pipeline: [`import::import`] turns file bytes into a [`ledger::Ledger`] plus what it
//! could not read; [`aging::age`] turns a ledger, settings and an as-of date into an
//! [`aging::AgingReport`]; [`priority::prioritize`] ranks the report's overdue items.

pub mod aging;
pub mod behaviour;
pub mod columns;
pub mod dates;
pub mod decode;
pub mod excel;
pub mod fec;
pub mod import;
pub mod kpi;
pub mod lang;
pub mod ledger;
pub mod letter;
pub mod money;
pub mod penalties;
pub mod priority;
pub mod report;
pub mod table;
pub mod terms;
pub mod text;
