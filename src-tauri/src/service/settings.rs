//! Reading and changing the user's settings.

use super::ServiceError;
use crate::core::messages;
use crate::core::progression::Rules;
use crate::core::settings::{self, SettingLimits, Settings, SettingsPatch};
use crate::store::{self, Store};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// What the Settings page shows: the values and the ranges they may take.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsView {
    pub settings: Settings,
    pub limits: SettingLimits,
    /// The settings that shape the program, in sentences (from the core).
    pub summary: Vec<String>,
}

impl SettingsView {
    fn of(settings: Settings) -> Self {
        SettingsView {
            summary: messages::settings_summary(&settings),
            limits: settings::limits(),
            settings,
        }
    }
}

pub fn current(store: &mut Store) -> Result<Settings, ServiceError> {
    store.read(|tx| Ok(store::settings::load(tx)?))
}

pub fn view(store: &mut Store) -> Result<SettingsView, ServiceError> {
    Ok(SettingsView::of(current(store)?))
}

/// Applies `patch` if every field in it is valid; otherwise returns the first broken
/// rule and writes nothing.
/// A change to the progression rules is also added to their history (from `now` on),
/// so that earlier sessions keep being judged by the rules they were done under.
pub fn update(
    store: &mut Store,
    patch: &SettingsPatch,
    now: DateTime<Utc>,
) -> Result<SettingsView, ServiceError> {
    let settings = store.write(|tx| {
        let before = store::settings::load(tx)?;
        let next = before.apply(patch)?;
        store::settings::save(tx, &next)?;
        if Rules::of(&next) != Rules::of(&before) {
            store::program::insert_rule_change(tx, now, Rules::of(&next))?;
        }
        Ok::<_, ServiceError>(next)
    })?;
    Ok(SettingsView::of(settings))
}
