//! What the commands, the tray, the scheduler and the window share: one `AppState`,
//! managed by Tauri.

use super::desktop::Desktop;
use super::notifier::Notifier;
use crate::store::{SetAside, Store};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock, RwLockReadGuard};
use std::time::Instant;
use tauri::{AppHandle, Manager, Runtime};

/// Everything the commands share. The store sits behind one mutex: one owner of the
/// connection, one writer at a time.
pub struct AppState {
    pub store: Mutex<Store>,
    pub data_dir: PathBuf,
    /// A damaged database set aside at this start-up, until the user dismisses the notice.
    pub set_aside: Mutex<Option<SetAside>>,
    pub notifier: Arc<dyn Notifier>,
    pub started: Instant,
    pub ready_reported: AtomicBool,
    /// The close-to-tray notice is on screen; a second close request goes through.
    pub close_notice_pending: AtomicBool,
    /// A screen the window should open on next (set from the tray, taken by the page).
    pub open_route: Mutex<Option<String>>,
    pub desktop: Arc<dyn Desktop>,
    /// The folders this run wrote an export or a report to. In memory, not in the
    /// database: "the last export" means one this process made, and a path kept in the
    /// database would come back from a restored backup (another machine's, or a crafted
    /// one) and could then be opened by name.
    pub written: Mutex<crate::service::data::LastWritten>,
    /// The backup file picked in the system's dialog, waiting for the user to confirm the
    /// restore. Only the dialog sets it; the page never sends a path.
    pub picked_backup: Mutex<Option<PathBuf>>,
    /// What this run found out about the desktop, said once in Settings.
    pub desktop_facts: DesktopFacts,
    /// What the restart into the tray (`restart.rs`) must know from the others.
    pub switch: Switch,
    /// The full integrity check a window start owes (the store was opened after the
    /// quick check): [`AppState::lock_store`] waits for it.
    pub full_check: FullCheck,
}

/// The full integrity check owed by a start with a window (`Store::open_quick_marked`),
/// run once the first screen is answered (`mod.rs`). Until it is done, only reads take the
/// store ([`AppState::lock_store_to_read`]); everything else waits for it before taking
/// the lock, so the first screen never waits behind a
/// writer that waits for the check.
pub struct FullCheck {
    done: Mutex<bool>,
    finished: Condvar,
    first_screen: Mutex<Option<Sender<()>>>,
}

impl FullCheck {
    /// A check owed (with the receiver its thread waits on for the first screen), or
    /// none (the store was fully checked as it opened).
    pub fn new(owed: bool) -> (FullCheck, Option<Receiver<()>>) {
        let (tx, rx) = if owed {
            let (tx, rx) = std::sync::mpsc::channel();
            (Some(tx), Some(rx))
        } else {
            (None, None)
        };
        let check = FullCheck {
            done: Mutex::new(!owed),
            finished: Condvar::new(),
            first_screen: Mutex::new(tx),
        };
        (check, rx)
    }

    /// Waits for the verdict to be in and acted on.
    pub fn wait(&self) {
        let mut done = self.done.lock().unwrap_or_else(|p| p.into_inner());
        while !*done {
            done = self.finished.wait(done).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// The verdict is in and acted on (the store checked, or a fresh one in place).
    pub fn finish(&self) {
        *self.done.lock().unwrap_or_else(|p| p.into_inner()) = true;
        self.finished.notify_all();
    }

    /// The first screen has its answer (or failed): the check may start.
    pub fn first_screen_answered(&self) {
        let sender = self.first_screen.lock().ok().and_then(|mut s| s.take());
        if let Some(tx) = sender {
            let _ = tx.send(());
        }
    }
}

/// Shared with the restart into the tray, which replaces the program after a close.
#[derive(Default)]
pub struct Switch {
    /// Held shared by each piece of work that must finish whole (a reminder reconciled
    /// and delivered, an answer, the daily backup): [`AppState::steady`]. The restart
    /// holds it exclusively from the moment it closes the store until `exec`.
    pub steady: RwLock<()>,
    /// Windows asked for from another thread (tray, notification, second launch) and not
    /// shown yet: a restart now would lose them.
    pub window_coming: AtomicUsize,
    /// The window was closed to the tray and the restart has not happened yet.
    pub pending: AtomicBool,
    /// Quit was chosen: the window's end is not a close to the tray.
    pub quitting: AtomicBool,
}

/// Runtime facts about the desktop (not settings: they are true of this session only).
#[derive(Default)]
pub struct DesktopFacts {
    /// A reminder found no notification server to take it (cleared when one does).
    pub notifications_unavailable: AtomicBool,
    /// No tray host was on the session bus at start.
    pub no_tray: AtomicBool,
}

impl DesktopFacts {
    /// The notes that apply now, in the core's words.
    pub fn notes(&self) -> Vec<crate::core::messages::DesktopNote> {
        crate::core::messages::desktop_notes(
            self.notifications_unavailable.load(Ordering::SeqCst),
            self.no_tray.load(Ordering::SeqCst),
        )
    }
}

impl AppState {
    /// The store, locked. A panic while holding the lock cannot leave a half-written row
    /// (the transaction rolls back), so a poisoned lock still gives a store fit to use.
    /// Waits first for the full integrity check a window start owes ([`FullCheck`]).
    pub fn lock_store(&self) -> MutexGuard<'_, Store> {
        self.full_check.wait();
        self.lock_store_to_read()
    }

    /// The store, locked without waiting for the full check: for reads that must not
    /// wait for it (the first screen's, the read-ahead before it, the main thread's while
    /// the page loads) and for the check's own verdict. The store refuses any write until
    /// the check has passed.
    pub fn lock_store_to_read(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Holds off the restart into the tray until the caller's work is done.
    pub fn steady(&self) -> RwLockReadGuard<'_, ()> {
        self.switch.steady.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Where exports, reports and backups go on this machine.
    pub fn folders<R: Runtime>(&self, app: &AppHandle<R>) -> crate::service::data::Folders {
        let documents = app
            .path()
            .document_dir()
            .or_else(|_| app.path().home_dir().map(|h| h.join("Documents")))
            .unwrap_or_else(|_| self.data_dir.clone());
        crate::service::data::Folders {
            data: self.data_dir.clone(),
            backups: self.data_dir.join("backups"),
            default_export: documents.join("High Hamstring Rehab"),
        }
    }
}
