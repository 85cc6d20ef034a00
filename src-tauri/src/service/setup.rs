//! The first-run setup: what its three steps show, and its end (done or skipped). The
//! answers themselves are settings, saved through `settings::change` like any other
//! (the side and diagnosis, the reminders, start at login with the login item).

use super::settings::{self, SettingsView};
use super::ServiceError;
use crate::core::setup::{self, answers, SetupState};
use crate::store::{self, Store};
use serde::Serialize;

/// What the setup page shows: its state, its words, and the settings its steps change
/// (with their ranges), "Start in the tray when I log in" as offered.
#[derive(Debug, Clone, Serialize)]
pub struct SetupView {
    pub state: SetupState,
    pub texts: setup::Texts,
    pub settings: SettingsView,
    pub start_at_login_offered: bool,
}

pub fn state(store: &mut Store) -> Result<SetupState, ServiceError> {
    store.read(|tx| Ok(store::settings::setup_state(tx)?))
}

pub fn view(store: &mut Store) -> Result<SetupView, ServiceError> {
    let (state, current) = store.read(|tx| {
        Ok::<_, ServiceError>((
            store::settings::setup_state(tx)?,
            store::settings::load(tx)?,
        ))
    })?;
    Ok(SetupView {
        state,
        texts: setup::texts(),
        start_at_login_offered: setup::offer_start_at_login(state, &current),
        settings: settings::view_of(current),
    })
}

/// Ends the setup as `outcome` says, `done` or `skipped` (anything else is refused naming
/// the field `outcome`, and nothing is written). Either way the app opens on Today from
/// now on; Settings can run the setup again.
pub fn finish(store: &mut Store, outcome: &str) -> Result<SetupView, ServiceError> {
    let end = answers::outcome(outcome)?;
    store.write(|tx| Ok::<_, ServiceError>(store::settings::set_setup_state(tx, end)?))?;
    view(store)
}
