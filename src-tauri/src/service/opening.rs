//! What a new window needs to open, in one answer: the theme (before anything is drawn,
//! so no flash of the wrong colours), where the setup stands, the screen to open on
//! (`core::setup::opening_route`) and, when that is Today, Today's view and the protocol
//! it names the exercises from. One command at start-up instead of one per part, each
//! part made by the same service function its own command calls.

use super::program::{self, ProtocolView, TodayView};
use super::ServiceError;
use crate::core::dates::Now;
use crate::core::settings::Theme;
use crate::core::setup::{self, SetupState};
use crate::store::{self, Store};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Opening {
    pub theme: Theme,
    pub setup: SetupState,
    /// The screen to open on; `None`: the window's own (Today on a new window).
    pub route: Option<String>,
    /// Today's view and the protocol, when the window opens on Today.
    pub today: Option<TodayView>,
    pub protocol: Option<ProtocolView>,
}

/// `asked`: a screen asked for from the tray before the window existed.
pub fn opening(
    store: &mut Store,
    now: Now,
    asked: Option<String>,
) -> Result<Opening, ServiceError> {
    let (theme, state) = store.read(|tx| {
        Ok::<_, ServiceError>((
            store::settings::load(tx)?.theme,
            store::settings::setup_state(tx)?,
        ))
    })?;
    let route = setup::opening_route(state, asked);
    let on_today = setup::opens_on_today(route.as_deref());
    Ok(Opening {
        theme,
        setup: state,
        today: if on_today {
            Some(program::today(store, now)?)
        } else {
            None
        },
        protocol: on_today.then(program::protocol),
        route,
    })
}
