//! Reading and changing the user's settings.

use super::reminders::{self, Tick};
use super::ServiceError;
use crate::core::advice;
use crate::core::dates::Now;
use crate::core::messages;
use crate::core::progression::Rules;
use crate::core::settings::{self, SettingLimits, Settings, SettingsPatch};
use crate::core::setup;
use crate::core::InvalidInput;
use crate::store::{self, Store, Tx};
use serde::Serialize;

/// What the Settings page shows: the values and the ranges they may take.
#[derive(Debug, Clone, Serialize)]
pub struct SettingsView {
    pub settings: Settings,
    pub limits: SettingLimits,
    /// The progression settings' labels, which follow the allowed pain.
    pub labels: settings::Labels,
    /// The words of the clinician's confirmation, asked when a change needs it.
    pub advice: advice::Texts,
    /// The settings that shape the program, in sentences (from the core).
    pub summary: Vec<String>,
    /// The setup's two answers as Settings asks them, and "Run the setup again".
    pub setup: setup::InSettings,
}

impl SettingsView {
    fn of(settings: Settings) -> Self {
        SettingsView {
            summary: messages::settings_summary(&settings),
            limits: settings::limits(),
            labels: settings::labels(&settings),
            advice: advice::texts(),
            setup: setup::in_settings(),
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

/// The Settings page's view of `settings` (the setup's reminders step shows it too).
pub fn view_of(settings: Settings) -> SettingsView {
    SettingsView::of(settings)
}

/// Applies `patch` if every field in it is valid; otherwise returns the first broken
/// rule and writes nothing.
/// A change to the progression rules is also added to their history (from `now` on),
/// so that earlier sessions keep being judged by the rules they were done under.
pub fn update(
    store: &mut Store,
    patch: &SettingsPatch,
    now: Now,
) -> Result<SettingsView, ServiceError> {
    let settings = store.write(|tx| save(tx, patch, now).map(|(_, next)| next))?;
    Ok(SettingsView::of(settings))
}

/// What a change made from the Settings page did: the new settings, and today's
/// reminders planned again (the caller delivers `tick.fire`).
#[derive(Debug, Clone)]
pub struct Changed {
    pub view: SettingsView,
    pub tick: Tick,
}

/// A change from the Settings page, in one transaction: the change as [`update`] makes
/// it, today's reminders planned again from the new times, and, if "start at login"
/// changed, `login(on)` asked to register or remove the login item (the system's part,
/// which only the shell can do). If the login item cannot be changed, its refusal comes
/// back as `ServiceError::System` and nothing is stored, so the setting always says what
/// the system will do. Should the transaction fail after the login item changed, it is
/// set back with `login(before)`.
pub fn change(
    store: &mut Store,
    patch: &SettingsPatch,
    now: Now,
    mut login: impl FnMut(bool) -> Result<(), InvalidInput>,
) -> Result<Changed, ServiceError> {
    let mut login_changed: Option<bool> = None;
    let result = store.write(|tx| {
        let (before, next) = save(tx, patch, now)?;
        let tick = reminders::replan(tx, now)?;
        // Last, so that a refusal by the system rolls back everything above.
        if next.start_at_login != before.start_at_login {
            login(next.start_at_login).map_err(ServiceError::System)?;
            login_changed = Some(before.start_at_login);
        }
        Ok::<_, ServiceError>(Changed {
            view: SettingsView::of(next),
            tick,
        })
    });
    if let (Err(_), Some(before)) = (&result, login_changed) {
        let _ = login(before);
    }
    result
}

/// Checks and stores `patch`; returns the settings before and after. Raising the allowed
/// pain above 0/10 needs the patch to confirm that a clinician advised it
/// (`core::advice`); the advice is kept with the new rules in their history.
fn save(tx: &Tx, patch: &SettingsPatch, now: Now) -> Result<(Settings, Settings), ServiceError> {
    let before = store::settings::load(tx)?;
    let next = before.apply(patch)?;
    let advice = advice::admit(
        advice::for_settings(&before, &next),
        &advice::form_of(patch),
        now.today,
    )?;
    store::settings::save(tx, &next)?;
    if Rules::of(&next) != Rules::of(&before) {
        store::program::insert_rule_change(tx, now.utc, Rules::of(&next), advice.as_ref())?;
    }
    Ok((before, next))
}
